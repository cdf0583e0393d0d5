/* kh-attempt-dialog.c — recording an attempt to reach a person (issue 8, 3)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How the worker tried (a call, a text message, a letter, a home visit),
 * what came of it, when (now unless changed), which contact it follows
 * up (a Kela notification, usually) and a short note. The form checks
 * with kh_contact_attempt_check as the store does, says what is wrong at
 * the top and keeps what was typed; the store records it on its thread.
 */
#define G_LOG_DOMAIN "kohtaamo-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kh-text.h"
#include "core/kh-timeline.h"
#include "ui/common/kh-field-message.h"
#include "ui/common/kh-form-dialog.h"
#include "ui/common/kh-form-rows.h"
#include "kh-attempt-dialog.h"

struct _KhAttemptDialog
{
  AdwWindow     parent_instance;

  /* children */
  KhFormDialog  form;
  AdwComboRow  *method_row;
  AdwComboRow  *outcome_row;
  AdwComboRow  *follows_row;
  AdwEntryRow  *day_row;
  AdwEntryRow  *time_row;
  AdwEntryRow  *note_row;

  /* owned */
  KhStore      *store;
  GCancellable *cancellable;
  GPtrArray    *contacts;          /* KhTimelineEntry, in the follows row's order after "none" */

  gint64        client_id;
  gboolean      saving;
};

G_DEFINE_FINAL_TYPE (KhAttemptDialog, kh_attempt_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_RECORDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_message (KhAttemptDialog *self,
              const char      *message)
{
  kh_form_dialog_show_message (&self->form, message);
}

static void
set_saving (KhAttemptDialog *self,
            gboolean         saving)
{
  self->saving = saving;
  gtk_widget_set_sensitive (self->form.action_button, !saving);
}

static KhTimelineEntry *
followed_contact (KhAttemptDialog *self)
{
  guint i = adw_combo_row_get_selected (self->follows_row);

  if (i == 0 || i == GTK_INVALID_LIST_POSITION || i > self->contacts->len)
    return NULL;
  return g_ptr_array_index (self->contacts, i - 1);
}

static void
recorded_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(KhAttemptDialog) self = user_data;
  g_autoptr(KhContactAttempt) stored = NULL;
  g_autoptr(GError) error = NULL;

  stored = kh_store_record_contact_attempt_finish (KH_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_saving (self, FALSE);
  if (stored == NULL)
    {
      /* Nothing typed is lost: the form stays, with the store's reason. */
      show_message (self, error->message);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_RECORDED], 0, stored);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* The attempt as the form has it, or NULL with the reason shown. */
static KhContactAttempt *
read_form (KhAttemptDialog *self)
{
  g_autoptr(KhContactAttempt) a = kh_contact_attempt_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  g_autofree char *day_text = kh_form_rows_dup_text (self->day_row);
  g_autofree char *time_text = kh_form_rows_dup_text (self->time_row);
  g_autoptr(GDateTime) not_before = NULL;
  KhTimelineEntry *contact = followed_contact (self);
  GDate day;
  int minutes = 0;

  kh_field_message_set (GTK_WIDGET (self->day_row), NULL);
  kh_field_message_set (GTK_WIDGET (self->time_row), NULL);
  g_date_clear (&day, 1);
  if (!kh_date_parse (day_text, &day))
    {
      kh_field_message_set (GTK_WIDGET (self->day_row),
                            /* Translators: under the day of a contact attempt */
                            _("Type the day as 7.12.2026."));
      gtk_widget_grab_focus (GTK_WIDGET (self->day_row));
      return NULL;
    }
  if (!kh_contact_attempt_parse_clock (time_text, &minutes))
    {
      kh_field_message_set (GTK_WIDGET (self->time_row),
                            /* Translators: under the time of a contact attempt */
                            _("Type the time as 9.15."));
      gtk_widget_grab_focus (GTK_WIDGET (self->time_row));
      return NULL;
    }
  a->client_id = self->client_id;
  a->contact_id = contact != NULL ? contact->id : 0;
  a->case_id = contact != NULL ? contact->case_id : 0;
  a->attempted_at = g_date_time_new_local (g_date_get_year (&day), g_date_get_month (&day),
                                           g_date_get_day (&day), minutes / 60, minutes % 60, 0);
  a->method = adw_combo_row_get_selected (self->method_row) + KH_ATTEMPT_FIRST;
  a->outcome = adw_combo_row_get_selected (self->outcome_row) + KH_ATTEMPT_OUTCOME_FIRST;
  a->note = kh_form_rows_dup_text (self->note_row);
  /* The store checks the same; said here at once. The form's time is to
   * the minute: the contact's minute is not before the contact. */
  if (contact != NULL && contact->at != NULL)
    not_before = g_date_time_add_seconds (contact->at, -g_date_time_get_seconds (contact->at));
  if (!kh_contact_attempt_check (a, now, not_before, NULL, &error))
    {
      show_message (self, error->message);
      return NULL;
    }
  if (contact != NULL && contact->at != NULL && g_date_time_compare (a->attempted_at, contact->at) < 0)
    {
      g_date_time_unref (a->attempted_at);
      a->attempted_at = g_date_time_ref (contact->at);
    }
  return g_steal_pointer (&a);
}

static void
record_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KhAttemptDialog *self = KH_ATTEMPT_DIALOG (widget);
  g_autoptr(KhContactAttempt) a = NULL;

  if (self->saving)
    return;
  a = read_form (self);
  if (a == NULL)
    return;
  show_message (self, NULL);
  set_saving (self, TRUE);
  kh_store_record_contact_attempt_async (self->store, a, self->cancellable, recorded_cb, g_object_ref (self));
}

static void
build (KhAttemptDialog *self,
       const char      *client_name)
{
  GtkWidget *how_group, *when_group;
  g_autoptr(GtkStringList) methods = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) outcomes = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) follows = gtk_string_list_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%-d.%-m.%Y");
  g_autofree char *clock = g_date_time_format (now, "%-H.%M");

  kh_form_dialog_build (ADW_WINDOW (self), &self->form,
                        /* Translators: the title of the window that records an attempt to reach a person */
                        _("Record a Contact Attempt"), client_name,
                        /* Translators: the button that saves a contact attempt */
                        _("_Record"), "attempt.record", 520, 640);

  for (int m = KH_ATTEMPT_FIRST; m <= KH_ATTEMPT_LAST; m++)
    gtk_string_list_append (methods, kh_attempt_method_label (m));
  for (int o = KH_ATTEMPT_OUTCOME_FIRST; o <= KH_ATTEMPT_OUTCOME_LAST; o++)
    gtk_string_list_append (outcomes, kh_attempt_outcome_label (o));
  /* Translators: an attempt to reach a person that follows up no particular contact */
  gtk_string_list_append (follows, _("No particular contact"));
  for (guint i = 0; i < self->contacts->len; i++)
    {
      KhTimelineEntry *e = g_ptr_array_index (self->contacts, i);
      g_autofree char *when = e->at != NULL ? g_date_time_format (e->at, "%-d.%-m.%Y %H.%M") : g_strdup ("");
      g_autofree char *label = g_strdup_printf ("%s · %s", kh_channel_label (e->n1), when);

      gtk_string_list_append (follows, label);
    }

  how_group = kh_form_dialog_add_group (&self->form, NULL);
  /* Translators: how a worker tried to reach a person */
  self->method_row = kh_form_dialog_add_combo (how_group, _("_Way of contact"), G_LIST_MODEL (methods));
  /* Translators: what came of an attempt to reach a person */
  self->outcome_row = kh_form_dialog_add_combo (how_group, _("_Outcome"), G_LIST_MODEL (outcomes));
  /* Translators: the contact (a Kela notification, say) that an attempt to reach the person follows up */
  self->follows_row = kh_form_dialog_add_combo (how_group, _("_Follows up"), G_LIST_MODEL (follows));

  when_group = kh_form_dialog_add_group (&self->form, NULL);
  /* Translators: the day of a contact attempt */
  self->day_row = kh_form_dialog_add_entry (when_group, _("_Day"));
  gtk_editable_set_text (GTK_EDITABLE (self->day_row), today);
  /* Translators: the time of day of a contact attempt */
  self->time_row = kh_form_dialog_add_entry (when_group, _("_Time"));
  gtk_editable_set_text (GTK_EDITABLE (self->time_row), clock);
  /* Translators: a short, optional note about a contact attempt */
  self->note_row = kh_form_dialog_add_entry (when_group, _("_Note (optional)"));

  /* The newest contact not entered in error: the one being followed up. */
  for (guint i = 0; i < self->contacts->len; i++)
    {
      KhTimelineEntry *e = g_ptr_array_index (self->contacts, i);

      if (!e->flag)
        {
          adw_combo_row_set_selected (self->follows_row, i + 1);
          break;
        }
    }

  kh_form_dialog_finish (ADW_WINDOW (self), &self->form);
}

static void
kh_attempt_dialog_dispose (GObject *object)
{
  KhAttemptDialog *self = KH_ATTEMPT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->contacts, g_ptr_array_unref);

  G_OBJECT_CLASS (kh_attempt_dialog_parent_class)->dispose (object);
}

static void
kh_attempt_dialog_class_init (KhAttemptDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_attempt_dialog_dispose;

  signals[SIGNAL_RECORDED] =
    g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, KH_TYPE_CONTACT_ATTEMPT);

  gtk_widget_class_install_action (widget_class, "attempt.record", NULL, record_action);
}

static void
kh_attempt_dialog_init (KhAttemptDialog *self)
{
  self->cancellable = g_cancellable_new ();
}

KhAttemptDialog *
kh_attempt_dialog_new (KhStore    *store,
                       GtkWindow  *parent,
                       gint64      client_id,
                       const char *client_name,
                       GPtrArray  *contacts)
{
  KhAttemptDialog *self;

  g_return_val_if_fail (KH_IS_STORE (store), NULL);
  g_return_val_if_fail (client_id > 0, NULL);

  self = g_object_new (KH_TYPE_ATTEMPT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->client_id = client_id;
  self->contacts = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; contacts != NULL && i < contacts->len; i++)
    g_ptr_array_add (self->contacts, g_object_ref (g_ptr_array_index (contacts, i)));
  build (self, client_name);
  return self;
}

GtkWidget *
kh_attempt_dialog_get_field (KhAttemptDialog *self,
                             const char      *name)
{
  g_return_val_if_fail (KH_IS_ATTEMPT_DIALOG (self), NULL);

  if (g_str_equal (name, "method"))
    return GTK_WIDGET (self->method_row);
  if (g_str_equal (name, "outcome"))
    return GTK_WIDGET (self->outcome_row);
  if (g_str_equal (name, "follows"))
    return GTK_WIDGET (self->follows_row);
  if (g_str_equal (name, "day"))
    return GTK_WIDGET (self->day_row);
  if (g_str_equal (name, "time"))
    return GTK_WIDGET (self->time_row);
  if (g_str_equal (name, "note"))
    return GTK_WIDGET (self->note_row);
  if (g_str_equal (name, "record"))
    return self->form.action_button;
  if (g_str_equal (name, "message"))
    return self->form.message_label;
  return NULL;
}
