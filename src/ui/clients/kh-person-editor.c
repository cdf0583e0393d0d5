/* kh-person-editor.c — a window for editing a person's details
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fields check themselves before anything is sent; the store checks
 * again and its refusal (a duplicate identity code, say) is shown at the
 * field. On any error the window stays open with everything as typed.
 */

#define G_LOG_DOMAIN "kohtaamo-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "kh-person-editor.h"
#include "ui/common/kh-person-fields.h"
#include "ui/common/kh-accessible.h"

struct _KhPersonEditor
{
  AdwWindow       parent_instance;

  /* template widgets */
  KhPersonFields *fields;
  GtkButton      *save_button;
  AdwWindowTitle *window_title;
  GtkRevealer    *elsewhere_revealer;
  GtkLabel       *elsewhere_label;
  GtkButton      *save_mine_button;

  /* owned */
  KhStore        *store;
  GCancellable   *cancellable;

  gint64          client_id;
  gint64          base_version;   /* the version the edit started from (issue 6, 6) */
  gboolean        changed;
  gboolean        saving;
  gboolean        closing;   /* saved, or the changes were discarded */
  gboolean        disposed;
};

G_DEFINE_FINAL_TYPE (KhPersonEditor, kh_person_editor, ADW_TYPE_WINDOW)

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
fields_changed_cb (KhPersonEditor *self)
{
  self->changed = TRUE;
}

static void
set_saving (KhPersonEditor *self,
            gboolean        saving)
{
  self->saving = saving;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", !saving);
  /* A save that has been sent cannot be taken back: offering Cancel (and
   * with it Discard) meanwhile would be a lie. The window closes by itself
   * when the save succeeds, or stays open with the store's answer. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "window.close", !saving);
  gtk_widget_set_sensitive (GTK_WIDGET (self->fields), !saving);
}

/* Issue 6, 6: another desk's change, said at the top of the window; what
 * was typed stays as it is. `conflict`: a save was refused over it. */
static void
show_elsewhere (KhPersonEditor *self,
                const char     *message,
                gboolean        conflict)
{
  gtk_label_set_text (self->elsewhere_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->save_mine_button), conflict);
  gtk_revealer_set_reveal_child (self->elsewhere_revealer, TRUE);
}

static void
client_changed_cb (KhStore        *store,
                   gint64          client_id,
                   KhPersonEditor *self)
{
  if (client_id != self->client_id || self->saving || self->closing || self->disposed
      || gtk_revealer_get_reveal_child (self->elsewhere_revealer))
    return;
  show_elsewhere (self, _("This person’s details may have been changed at another desk while you were editing. What you typed is kept; if saving it would overwrite their change, you will be asked first."),
                  FALSE);
}

static KhAccessBasis
read_basis (KhPersonEditor *self)
{
  KhUser *user = kh_store_get_user (self->store);

  /* As the person's page reads (kh-person-page.c). */
  if (user != NULL && user->role == KH_ROLE_RECEPTION)
    return KH_BASIS_INTAKE;
  return KH_BASIS_CLIENT_RELATIONSHIP;
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(KhPersonEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = kh_store_save_client_finish (KH_STORE (object), result, &error);
  /* The editor was destroyed (its parent window closed) while saving: the
   * data is in the store or not, but nobody is left to tell. */
  if (self->disposed || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_saving (self, FALSE);

  if (id <= 0 && g_error_matches (error, KH_STORE_ERROR, KH_STORE_ERROR_STALE))
    {
      /* Nothing overwritten, nothing typed lost: the person chooses. */
      show_elsewhere (self, error->message, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->elsewhere_label));
      return;
    }
  if (id <= 0)
    {
      g_debug ("Saving person %" G_GINT64_FORMAT " refused: %s", self->client_id, error->message);
      kh_person_fields_show_store_error (self->fields, error);
      return;
    }

  self->closing = TRUE;
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, id);
  gtk_window_close (GTK_WINDOW (self));
}

/* "Load Their Version": the stored details replace what was typed (the
 * button says so); the edit goes on from their version. */
static void
theirs_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(KhPersonEditor) self = user_data;
  g_autoptr(KhClient) client = NULL;
  g_autoptr(GError) error = NULL;
  gboolean save_mine = GPOINTER_TO_INT (g_object_steal_data (G_OBJECT (self), "kh-save-mine"));

  client = kh_store_get_client_finish (KH_STORE (object), result, &error);
  if (self->disposed || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_saving (self, FALSE);
  if (client == NULL)
    {
      show_elsewhere (self, error->message, FALSE);
      return;
    }
  self->base_version = client->version;
  if (save_mine)
    {
      /* Over their version, now that the person has been told and chose. */
      gtk_revealer_set_reveal_child (self->elsewhere_revealer, FALSE);
      kh_person_editor_save (self);
      return;
    }
  kh_person_fields_clear_messages (self->fields);
  kh_person_fields_set_client (self->fields, client);
  self->changed = FALSE;
  gtk_revealer_set_reveal_child (self->elsewhere_revealer, FALSE);
  kh_person_fields_focus_start (self->fields);
}

static void
read_theirs (KhPersonEditor *self,
             gboolean        save_mine)
{
  if (self->saving)
    return;
  g_object_set_data (G_OBJECT (self), "kh-save-mine", GINT_TO_POINTER (save_mine));
  set_saving (self, TRUE);
  /* A read of the person's details for editing, logged as such. */
  kh_store_get_client_async (self->store, self->client_id, KH_ACCESS_EDIT, read_basis (self),
                             self->cancellable, theirs_loaded_cb, g_object_ref (self));
}

static void
load_theirs_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  read_theirs (KH_PERSON_EDITOR (widget), FALSE);
}

static void
save_mine_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  read_theirs (KH_PERSON_EDITOR (widget), TRUE);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  kh_person_editor_save (KH_PERSON_EDITOR (widget));
}

static gboolean
close_idle_cb (gpointer user_data)
{
  KhPersonEditor *self = user_data;

  if (!self->disposed)
    gtk_window_close (GTK_WINDOW (self));

  return G_SOURCE_REMOVE;
}

static void
discard_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     KhPersonEditor   *self)
{
  if (self->disposed || self->saving || g_strcmp0 (response, "discard") != 0)
    return;

  /* Closed once the dialog has finished answering: the dialog is
   * transient for this window and goes with it, and it still closes itself
   * after this handler returns. */
  self->closing = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT, close_idle_cb, g_object_ref (self), g_object_unref);
}

static gboolean
kh_person_editor_close_request (GtkWindow *window)
{
  KhPersonEditor *self = KH_PERSON_EDITOR (window);
  GtkWidget *dialog;

  /* While a save runs there is nothing to discard any more: wait for it. */
  if (self->saving)
    return TRUE;

  /* Never lose what was typed without asking. */
  if (self->changed && !self->closing)
    {
      dialog = adw_message_dialog_new (window, _("Discard Changes?"),
                                       _("The changes to this person’s details have not been saved."));
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Keep Editing"),
                                        "discard", _("_Discard"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return TRUE;
    }

  g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (kh_person_editor_parent_class)->close_request (window);
}

static void
kh_person_editor_dispose (GObject *object)
{
  KhPersonEditor *self = KH_PERSON_EDITOR (object);

  self->disposed = TRUE;
  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), KH_TYPE_PERSON_EDITOR);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kh_person_editor_parent_class)->dispose (object);
}

static void
kh_person_editor_class_init (KhPersonEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = kh_person_editor_dispose;
  window_class->close_request = kh_person_editor_close_request;

  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (KH_TYPE_PERSON_FIELDS);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/clients/kh-person-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, KhPersonEditor, fields);
  gtk_widget_class_bind_template_child (widget_class, KhPersonEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, KhPersonEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, KhPersonEditor, elsewhere_revealer);
  gtk_widget_class_bind_template_child (widget_class, KhPersonEditor, elsewhere_label);
  gtk_widget_class_bind_template_child (widget_class, KhPersonEditor, save_mine_button);
  gtk_widget_class_bind_template_callback (widget_class, fields_changed_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.load-theirs", NULL, load_theirs_action);
  gtk_widget_class_install_action (widget_class, "editor.save-mine", NULL, save_mine_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kh_person_editor_init (KhPersonEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  kh_accessible_fix_mnemonics (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
}

GtkWidget *
kh_person_editor_new (KhStore  *store,
                      KhClient *client)
{
  KhPersonEditor *self;
  g_autofree char *name = NULL;

  g_return_val_if_fail (KH_IS_STORE (store), NULL);
  g_return_val_if_fail (KH_IS_CLIENT (client), NULL);

  self = g_object_new (KH_TYPE_PERSON_EDITOR, NULL);
  self->store = g_object_ref (store);
  self->client_id = client->id;
  self->base_version = client->version;
  g_signal_connect_object (store, "client-changed", G_CALLBACK (client_changed_cb), self, 0);

  /* The whole record (ATL 38 §), as reception's form does not show it. */
  kh_person_fields_set_show_record (self->fields, TRUE);
  kh_person_fields_set_client (self->fields, client);
  self->changed = FALSE;

  name = kh_client_dup_display_name (client);
  adw_window_title_set_subtitle (self->window_title, name);
  kh_person_fields_focus_start (self->fields);

  return GTK_WIDGET (self);
}

void
kh_person_editor_save (KhPersonEditor *self)
{
  g_autoptr(KhClient) client = NULL;

  g_return_if_fail (KH_IS_PERSON_EDITOR (self));

  if (self->saving)
    return;

  kh_person_fields_clear_messages (self->fields);
  if (!kh_person_fields_validate (self->fields))
    return;

  client = kh_person_fields_dup_client (self->fields);
  client->id = self->client_id;
  /* Saved only over the version the edit started from (issue 6, 6). */
  client->version = self->base_version;

  set_saving (self, TRUE);
  kh_store_save_client_async (self->store, client, self->cancellable, saved_cb, g_object_ref (self));
}
