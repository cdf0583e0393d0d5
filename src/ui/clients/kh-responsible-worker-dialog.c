/* kh-responsible-worker-dialog.c — naming the person's responsible worker
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 7, 2; Social Welfare Act 42 §. A small form: who is named (the
 * unit's active counsellors, social workers and lead social workers), or
 * "Nobody" with the reason why. The rules are src/core's
 * (kh_naming_check); the store says what it refuses, shown at the field,
 * and the form keeps what was chosen and typed.
 */
#define G_LOG_DOMAIN "kohtaamo-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kh-caseload.h"
#include "core/kh-responsible-worker.h"
#include "core/kh-text.h"
#include "ui/common/kh-field-message.h"
#include "ui/common/kh-form-rows.h"
#include "kh-responsible-worker-dialog.h"

struct _KhResponsibleWorkerDialog
{
  AdwWindow      parent_instance;

  KhStore       *store;
  KhClient      *client;
  GCancellable  *cancellable;
  GArray        *worker_ids;    /* gint64, by the combo's positions; 0 (last): nobody */
  gboolean       busy;

  GtkWidget     *save_button;
  AdwComboRow   *worker_row;
  AdwEntryRow   *reason_row;
};

G_DEFINE_FINAL_TYPE (KhResponsibleWorkerDialog, kh_responsible_worker_dialog, ADW_TYPE_WINDOW)

enum { NAMED, N_SIGNALS };
static guint signals[N_SIGNALS];

static gint64
selected_worker (KhResponsibleWorkerDialog *self)
{
  guint i = adw_combo_row_get_selected (self->worker_row);

  if (self->worker_ids == NULL || i == GTK_INVALID_LIST_POSITION || i >= self->worker_ids->len)
    return -1;
  return g_array_index (self->worker_ids, gint64, i);
}

/* The reason is asked only for "Nobody". */
static void
worker_changed_cb (KhResponsibleWorkerDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->reason_row), selected_worker (self) == 0);
  kh_field_message_set (GTK_WIDGET (self->worker_row), NULL);
  kh_field_message_set (GTK_WIDGET (self->reason_row), NULL);
}

static void
set_busy (KhResponsibleWorkerDialog *self,
          gboolean                   busy)
{
  self->busy = busy;
  gtk_widget_set_sensitive (self->save_button, !busy && self->worker_ids != NULL);
}

static void
users_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(KhResponsibleWorkerDialog) self = user_data;
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  const KhResponsibleWorker *current = self->client->responsible_worker;
  guint selected = 0;
  gint64 nobody = 0;

  users = kh_store_list_users_finish (KH_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (users == NULL)
    {
      kh_field_message_set (GTK_WIDGET (self->worker_row), error->message);
      return;
    }

  self->worker_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < users->len; i++)
    {
      KhUser *user = g_ptr_array_index (users, i);
      g_autofree char *label = NULL;

      if (!user->active || !kh_role_works_cases (user->role))
        continue;
      /* Translators: a worker to name as responsible worker: their name and role */
      label = g_strdup_printf (_("%s (%s)"), user->display_name != NULL ? user->display_name
                                                                       : user->account,
                               kh_role_label (user->role));
      if (current != NULL && current->worker_id == user->id)
        selected = self->worker_ids->len;
      gtk_string_list_append (names, label);
      g_array_append_val (self->worker_ids, user->id);
    }
  /* Translators: no responsible worker is named (Social Welfare Act 42 §) */
  gtk_string_list_append (names, _("Nobody"));
  g_array_append_val (self->worker_ids, nobody);
  if (current != NULL && current->worker_id == 0)
    selected = self->worker_ids->len - 1;

  adw_combo_row_set_model (self->worker_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->worker_row, selected);
  worker_changed_cb (self);
  set_busy (self, FALSE);
}

static void
named_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(KhResponsibleWorkerDialog) self = user_data;
  g_autoptr(KhResponsibleWorker) naming = NULL;
  g_autoptr(GError) error = NULL;

  naming = kh_store_name_responsible_worker_finish (KH_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  if (naming == NULL)
    {
      /* At the field it is about; the form keeps its content. */
      GtkWidget *field = selected_worker (self) == 0 ? GTK_WIDGET (self->reason_row)
                                                      : GTK_WIDGET (self->worker_row);

      kh_field_message_set (field, error->message);
      gtk_widget_grab_focus (field);
      return;
    }
  g_signal_emit (self, signals[NAMED], 0, naming);
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KhResponsibleWorkerDialog *self = KH_RESPONSIBLE_WORKER_DIALOG (widget);
  g_autofree char *reason = NULL;
  gint64 worker_id = selected_worker (self);

  if (self->busy || worker_id < 0)
    return;
  if (worker_id == 0)
    reason = kh_form_rows_dup_text (self->reason_row);
  kh_field_message_set (GTK_WIDGET (self->worker_row), NULL);
  kh_field_message_set (GTK_WIDGET (self->reason_row), NULL);
  set_busy (self, TRUE);
  kh_store_name_responsible_worker_async (self->store, self->client->id, worker_id, reason,
                                          self->cancellable, named_cb, g_object_ref (self));
}

static void
build (KhResponsibleWorkerDialog *self)
{
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row = adw_combo_row_new ();
  g_autofree char *name = kh_client_dup_display_name (self->client);

  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 520, 420);
  gtk_window_set_title (GTK_WINDOW (self), _("Responsible Worker"));

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new (_("Responsible Worker"), name));
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->save_button = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->save_button), "responsible.save");
  gtk_widget_set_sensitive (self->save_button, FALSE);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->save_button);
  gtk_box_append (GTK_BOX (toolbar), header);

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("A responsible worker is named for the duration of the "
                                           "client relationship, unless another responsible worker "
                                           "is already named or naming one is clearly unnecessary "
                                           "(Social Welfare Act 42 §). A client who needs special "
                                           "support has a social worker."));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  self->worker_row = ADW_COMBO_ROW (row);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("_Responsible worker"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  kh_form_rows_show_whole_choices (self->worker_row);
  g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (worker_changed_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  self->reason_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->reason_row), _("_Why nobody is named"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->reason_row), TRUE);
  adw_entry_row_set_activates_default (self->reason_row, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->reason_row), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->reason_row));
  if (self->client->responsible_worker != NULL && self->client->responsible_worker->reason != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->reason_row), self->client->responsible_worker->reason);

  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (toolbar), page);
  adw_window_set_content (ADW_WINDOW (self), toolbar);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
  kh_field_enter_activates_rows (page);
}

static void
kh_responsible_worker_dialog_dispose (GObject *object)
{
  KhResponsibleWorkerDialog *self = KH_RESPONSIBLE_WORKER_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->client);
  g_clear_pointer (&self->worker_ids, g_array_unref);

  G_OBJECT_CLASS (kh_responsible_worker_dialog_parent_class)->dispose (object);
}

static void
kh_responsible_worker_dialog_class_init (KhResponsibleWorkerDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_responsible_worker_dialog_dispose;

  signals[NAMED] = g_signal_new ("named", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);

  gtk_widget_class_install_action (widget_class, "responsible.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "responsible.save", NULL);
}

static void
kh_responsible_worker_dialog_init (KhResponsibleWorkerDialog *self)
{
  self->cancellable = g_cancellable_new ();
}

KhResponsibleWorkerDialog *
kh_responsible_worker_dialog_new (KhStore   *store,
                                  GtkWindow *parent,
                                  KhClient  *client)
{
  KhResponsibleWorkerDialog *self;

  g_return_val_if_fail (KH_IS_STORE (store), NULL);
  g_return_val_if_fail (KH_IS_CLIENT (client), NULL);

  self = g_object_new (KH_TYPE_RESPONSIBLE_WORKER_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->client = g_object_ref (client);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  kh_field_message_ensure_style ();
  build (self);
  self->busy = TRUE;
  kh_store_list_users_async (store, self->cancellable, users_cb, g_object_ref (self));
  return self;
}

GtkWidget *
kh_responsible_worker_dialog_get_field (KhResponsibleWorkerDialog *self,
                                        const char                *name)
{
  g_return_val_if_fail (KH_IS_RESPONSIBLE_WORKER_DIALOG (self), NULL);

  if (g_str_equal (name, "worker"))
    return GTK_WIDGET (self->worker_row);
  if (g_str_equal (name, "reason"))
    return GTK_WIDGET (self->reason_row);
  if (g_str_equal (name, "save"))
    return self->save_button;
  g_return_val_if_reached (NULL);
}

gboolean
kh_responsible_worker_dialog_is_ready (KhResponsibleWorkerDialog *self)
{
  g_return_val_if_fail (KH_IS_RESPONSIBLE_WORKER_DIALOG (self), FALSE);

  return self->worker_ids != NULL && !self->busy;
}
