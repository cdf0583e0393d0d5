/* kh-appointment-dialog.c — booking, moving and cancelling a meeting with a
 * client
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 7, 4. One form for booking and moving: the client (the person
 * picker when none was given), how the client is met (in person at a
 * service point, by phone, by video), the day, the start and the length,
 * the meeting's language (the client's) and whether an interpreter is
 * booked, and a note. The store decides with the core's rule
 * (kh_appointment_check) and answers with a translated message, which is
 * shown at the top of the form: the form keeps everything typed. When the
 * point does not serve in the client's language, the message comes with a
 * button that books an interpreter and tries again (Kielilaki 18 §).
 * Moving keeps the client and the language; "Cancel Meeting…" asks for
 * the reason, which is required.
 */
#define G_LOG_DOMAIN "kohtaamo-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kh-calendar.h"
#include "core/kh-text.h"
#include "ui/common/kh-field-message.h"
#include "ui/common/kh-form-rows.h"
#include "ui/common/kh-person-picker.h"
#include "ui/documents/kh-letter-issue.h"
#include "kh-appointment-dialog.h"

/* The start times offered: every quarter of an hour from 7.00 to 18.45. */
#define FIRST_START (7 * 60)
#define LAST_START (18 * 60 + 45)
#define START_STEP 15

static const int lengths[] = { 15, 30, 45, 60, 90, 120, 180 };

struct _KhAppointmentDialog
{
  AdwWindow      parent_instance;

  /* borrowed: children */
  GtkWidget     *title;
  GtkWidget     *save_button;
  GtkWidget     *message_group;
  GtkWidget     *message_label;
  GtkWidget     *interpreter_button;
  GtkWidget     *picker;          /* booking without a client */
  GtkWidget     *client_row;
  AdwComboRow   *kind_row;
  AdwComboRow   *point_row;
  GtkWidget     *date_row;
  GtkWidget     *date_button;
  GtkWidget     *calendar;
  AdwComboRow   *start_row;
  AdwComboRow   *length_row;
  AdwComboRow   *language_row;
  GtkWidget     *interpreter_switch;
  AdwEntryRow   *note_row;
  GtkWidget     *cancel_meeting_button;
  GtkWidget     *invitation_button;

  /* owned */
  KhStore       *store;
  GCancellable  *cancellable;
  KhAppointment *original;        /* moving: the meeting as read */
  KhClient      *client;          /* booking: the client given or chosen */
  GPtrArray     *points;          /* KhServicePoint, as the combo lists them */
  GDate          day;
  char          *message;
  gboolean       busy;
};

G_DEFINE_FINAL_TYPE (KhAppointmentDialog, kh_appointment_dialog, ADW_TYPE_WINDOW)

enum {
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_message (KhAppointmentDialog *self,
              const char          *message,
              gboolean             offer_interpreter)
{
  g_free (self->message);
  self->message = g_strdup (message);
  gtk_label_set_text (GTK_LABEL (self->message_label), message != NULL ? message : "");
  gtk_widget_set_visible (self->message_group, message != NULL);
  gtk_widget_set_visible (self->interpreter_button, message != NULL && offer_interpreter);
}

static const KhServicePoint *
selected_point (KhAppointmentDialog *self)
{
  guint i = adw_combo_row_get_selected (self->point_row);

  if (self->points == NULL || i == GTK_INVALID_LIST_POSITION || i >= self->points->len)
    return NULL;
  return g_ptr_array_index (self->points, i);
}

static KhMeetingKind
selected_kind (KhAppointmentDialog *self)
{
  guint i = adw_combo_row_get_selected (self->kind_row);

  return i == GTK_INVALID_LIST_POSITION ? KH_MEETING_IN_PERSON : (KhMeetingKind) (i + KH_MEETING_FIRST);
}

static int
selected_start (KhAppointmentDialog *self)
{
  guint i = adw_combo_row_get_selected (self->start_row);

  return FIRST_START + (int) (i == GTK_INVALID_LIST_POSITION ? 0 : i) * START_STEP;
}

static int
selected_length (KhAppointmentDialog *self)
{
  guint i = adw_combo_row_get_selected (self->length_row);

  return lengths[i == GTK_INVALID_LIST_POSITION || i >= G_N_ELEMENTS (lengths) ? 3 : i];
}

static void
select_start (KhAppointmentDialog *self,
              int                  minute)
{
  minute = CLAMP (minute, FIRST_START, LAST_START);
  adw_combo_row_set_selected (self->start_row, (guint) ((minute - FIRST_START) / START_STEP));
}

static void
select_length (KhAppointmentDialog *self,
               int                  minutes)
{
  guint best = 3;

  for (guint i = 0; i < G_N_ELEMENTS (lengths); i++)
    if (lengths[i] == minutes)
      best = i;
  adw_combo_row_set_selected (self->length_row, best);
}

/* The row's subtitle: the point's languages and hours. */
static void
update_point_row (KhAppointmentDialog *self)
{
  const KhServicePoint *point = selected_point (self);
  gboolean in_person = selected_kind (self) == KH_MEETING_IN_PERSON;

  gtk_widget_set_sensitive (GTK_WIDGET (self->point_row), in_person && self->points != NULL
                            && self->points->len > 0);
  if (point != NULL)
    {
      g_autofree char *hours = kh_service_point_describe_hours (point);
      g_autoptr(GString) subtitle = g_string_new (kh_service_point_languages_label (point->languages));

      if (hours != NULL)
        g_string_append_printf (subtitle, " · %s", hours);
      if (point->by_appointment_only)
        g_string_append_printf (subtitle, " · %s", _("by appointment only"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->point_row), subtitle->str);
    }
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->point_row),
                                 self->points != NULL && self->points->len == 0
                                 ? _("The unit has no service points yet") : "");
}

static void
update_day (KhAppointmentDialog *self)
{
  g_autofree char *shown = kh_calendar_format_day (&self->day);
  KhCalendar *calendar = kh_store_get_calendar (self->store);
  const char *name = NULL;

  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->date_button), shown);
  if (calendar != NULL && !kh_calendar_is_open_day (calendar, &self->day))
    {
      g_autofree char *closed = NULL;

      if (kh_calendar_is_holiday (calendar, &self->day, &name)
          || kh_calendar_is_closed_day (calendar, &self->day, &name))
        /* Translators: %s is the name of a holiday or of the unit's closed day */
        closed = g_strdup_printf (_("The office is closed (%s)"), name);
      else
        closed = g_strdup (_("The office is closed"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->date_row), closed);
    }
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->date_row), "");
}

static void
day_selected_cb (KhAppointmentDialog *self)
{
  g_autoptr(GDateTime) picked = gtk_calendar_get_date (GTK_CALENDAR (self->calendar));

  g_date_set_dmy (&self->day, g_date_time_get_day_of_month (picked), g_date_time_get_month (picked),
                  g_date_time_get_year (picked));
  update_day (self);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (self->date_button));
}

static void
kind_changed_cb (KhAppointmentDialog *self)
{
  update_point_row (self);
}

/* Back to the search (or a person being typed in): nobody chosen. */
static void
picker_changed_cb (KhAppointmentDialog *self)
{
  KhPersonPicker *picker = KH_PERSON_PICKER (self->picker);

  if (kh_person_picker_get_mode (picker) != KH_PERSON_PICKER_CHOSEN)
    g_clear_object (&self->client);
  else if (kh_person_picker_get_client (picker) != self->client)
    g_set_object (&self->client, kh_person_picker_get_client (picker));
}

static void
client_chosen_cb (KhAppointmentDialog *self,
                  KhClient            *client)
{
  g_set_object (&self->client, client);
  if (client != NULL)
    {
      kh_form_rows_set_language (self->language_row, client->language);
      gtk_switch_set_active (GTK_SWITCH (self->interpreter_switch), client->interpreter);
      kh_person_picker_set_message (KH_PERSON_PICKER (self->picker), NULL);
    }
}

/* The meeting as the form has it. */
static KhAppointment *
make_appointment (KhAppointmentDialog *self)
{
  KhAppointment *a = self->original != NULL ? kh_appointment_copy (self->original) : kh_appointment_new ();
  const KhServicePoint *point = selected_point (self);
  int start = selected_start (self);

  g_clear_pointer (&a->starts, g_date_time_unref);
  a->starts = g_date_time_new_local (g_date_get_year (&self->day), g_date_get_month (&self->day),
                                     g_date_get_day (&self->day), start / 60, start % 60, 0);
  a->minutes = selected_length (self);
  a->kind = selected_kind (self);
  a->service_point_id = a->kind == KH_MEETING_IN_PERSON && point != NULL ? point->id : 0;
  a->interpreter = gtk_switch_get_active (GTK_SWITCH (self->interpreter_switch));
  g_free (a->note);
  a->note = kh_form_rows_dup_text (self->note_row);
  if (self->original == NULL)
    {
      a->client_id = self->client != NULL ? self->client->id : 0;
      a->language = kh_form_rows_get_language (self->language_row);
    }
  return a;
}

/* Whether the refusal is the point's language, which an interpreter
 * solves. */
static gboolean
language_refused (KhAppointmentDialog *self)
{
  const KhServicePoint *point = selected_point (self);
  KhLanguage language = self->original != NULL ? self->original->language
                                               : kh_form_rows_get_language (self->language_row);

  return selected_kind (self) == KH_MEETING_IN_PERSON && point != NULL
         && !gtk_switch_get_active (GTK_SWITCH (self->interpreter_switch))
         && !kh_service_point_serves (point, language);
}

static void
set_busy (KhAppointmentDialog *self,
          gboolean             busy)
{
  self->busy = busy;
  gtk_widget_set_sensitive (self->save_button, !busy);
  if (self->cancel_meeting_button != NULL)
    gtk_widget_set_sensitive (self->cancel_meeting_button, !busy);
  if (self->invitation_button != NULL)
    gtk_widget_set_sensitive (self->invitation_button, !busy);
}

static void
finish_done (KhAppointmentDialog *self,
             const char          *toast)
{
  g_signal_emit (self, signals[DONE], 0, toast);
  gtk_window_close (GTK_WINDOW (self));
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(KhAppointmentDialog) self = user_data;
  g_autoptr(KhAppointment) a = make_appointment (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *when = NULL;
  g_autofree char *toast = NULL;
  gboolean ok;

  if (self->original != NULL)
    ok = kh_store_move_appointment_finish (KH_STORE (source), result, &error);
  else
    ok = kh_store_book_appointment_finish (KH_STORE (source), result, &error) > 0;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  if (!ok)
    {
      show_message (self, error->message, language_refused (self));
      return;
    }
  when = kh_appointment_format_when (a);
  toast = self->original != NULL
          /* Translators: %s is the meeting's new day and hours */
          ? g_strdup_printf (_("Meeting moved to %s"), when)
          /* Translators: %s is the meeting's day and hours */
          : g_strdup_printf (_("Meeting booked for %s"), when);
  finish_done (self, toast);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KhAppointmentDialog *self = KH_APPOINTMENT_DIALOG (widget);
  g_autoptr(KhAppointment) a = NULL;

  if (self->busy)
    return;
  if (self->original == NULL && self->client == NULL)
    {
      const char *message = _("Choose the client the meeting is with.");

      if (self->picker != NULL)
        {
          kh_person_picker_set_message (KH_PERSON_PICKER (self->picker), message);
          gtk_widget_grab_focus (self->picker);
        }
      show_message (self, message, FALSE);
      return;
    }
  a = make_appointment (self);
  show_message (self, NULL, FALSE);
  set_busy (self, TRUE);
  if (self->original != NULL)
    kh_store_move_appointment_async (self->store, a, self->cancellable, saved_cb, g_object_ref (self));
  else
    kh_store_book_appointment_async (self->store, a, self->cancellable, saved_cb, g_object_ref (self));
}

static void
with_interpreter_cb (KhAppointmentDialog *self)
{
  gtk_switch_set_active (GTK_SWITCH (self->interpreter_switch), TRUE);
  gtk_widget_activate_action (GTK_WIDGET (self), "appointment.save", NULL);
}

/* ---- cancelling ---- */

static void
cancelled_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(KhAppointmentDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!kh_store_cancel_appointment_finish (KH_STORE (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      set_busy (self, FALSE);
      show_message (self, error->message, FALSE);
      return;
    }
  set_busy (self, FALSE);
  finish_done (self, _("Meeting cancelled"));
}

static void
cancel_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    gpointer          user_data)
{
  KhAppointmentDialog *self = user_data;
  GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);
  g_autofree char *reason = NULL;

  if (g_strcmp0 (response, "cancel-meeting") != 0)
    return;
  reason = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));
  set_busy (self, TRUE);
  kh_store_cancel_appointment_async (self->store, self->original->id, self->original->revision, reason,
                                     self->cancellable, cancelled_cb, g_object_ref (self));
}

static void
cancel_meeting_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  KhAppointmentDialog *self = KH_APPOINTMENT_DIALOG (widget);
  g_autofree char *when = NULL;
  GtkWidget *dialog;
  GtkWidget *entry;

  if (self->original == NULL || self->busy)
    return;
  when = kh_appointment_format_when (self->original);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Cancel the Meeting?"), NULL);
  /* Translators: the client's name, then the meeting's day and hours */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("The meeting with %s on %s is cancelled. It stays in the "
                                    "records with the reason and who cancelled it."),
                                  self->original->client_name != NULL ? self->original->client_name : "",
                                  when);
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason (required)"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_entry_set_max_length (GTK_ENTRY (entry), KH_APPOINTMENT_REASON_MAX);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reason for cancelling"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Meeting"),
                                    "cancel-meeting", _("_Cancel Meeting"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "cancel-meeting",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel-meeting");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (cancel_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* ---- the invitation letter (issue 8, 3) ---- */

static void
invitation_sent_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(KhAppointmentDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(KhIssuedDocument) document = kh_letter_issue_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  if (document == NULL)
    {
      show_message (self, error->message, FALSE);
      return;
    }
  show_message (self, NULL, FALSE);
  kh_letter_show_issued (GTK_WINDOW (self), document, self->original->client_name);
}

static void
invitation_response_cb (AdwMessageDialog    *dialog,
                        const char          *response,
                        KhAppointmentDialog *self)
{
  if (g_strcmp0 (response, "send") != 0 || self->busy)
    return;
  set_busy (self, TRUE);
  kh_invitation_send_async (self->store, self->original, self->cancellable, invitation_sent_cb,
                            g_object_ref (self));
}

static void
invitation_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  KhAppointmentDialog *self = KH_APPOINTMENT_DIALOG (widget);
  g_autofree char *when = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->original == NULL || self->busy)
    return;
  when = kh_appointment_format_when (self->original);
  /* Translators: the client's name, then the meeting's day and hours */
  body = g_strdup_printf (_("The letter invites %s to the meeting on %s, in the language of "
                            "the meeting. It is kept in their record as sent today by post; "
                            "print it from the window that opens."),
                          self->original->client_name != NULL ? self->original->client_name : "",
                          when);
  dialog = kh_letter_ask (GTK_WINDOW (self), _("Send an Invitation Letter?"), body);
  g_signal_connect_object (dialog, "response", G_CALLBACK (invitation_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- service points ---- */

static void
points_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(KhAppointmentDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GPtrArray *points = kh_store_list_service_points_finish (KH_STORE (source), result, &error);
  guint selected = 0;

  if (points == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_message (self, error->message, FALSE);
      return;
    }
  g_clear_pointer (&self->points, g_ptr_array_unref);
  self->points = points;
  for (guint i = 0; i < points->len; i++)
    {
      const KhServicePoint *p = g_ptr_array_index (points, i);

      gtk_string_list_append (names, p->name);
      if (self->original != NULL && p->id == self->original->service_point_id)
        selected = i;
    }
  adw_combo_row_set_model (self->point_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->point_row, selected);
  update_point_row (self);
}

/* ---- the form ---- */

static AdwComboRow *
combo_row (const char  *title,
           GtkWidget   *group,
           GListModel  *model)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  if (model != NULL)
    adw_combo_row_set_model (ADW_COMBO_ROW (row), model);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return ADW_COMBO_ROW (row);
}

static void
build (KhAppointmentDialog *self)
{
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *client_group = adw_preferences_group_new ();
  GtkWidget *meeting_group = adw_preferences_group_new ();
  GtkWidget *time_group = adw_preferences_group_new ();
  GtkWidget *message_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *interpreter_row = adw_action_row_new ();
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) starts = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) lengths_model = gtk_string_list_new (NULL);

  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 720);

  self->title = adw_window_title_new (NULL, NULL);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), self->title);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->save_button = gtk_button_new_with_mnemonic (_("_Book"));
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->save_button), "appointment.save");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->save_button);
  gtk_box_append (GTK_BOX (toolbar), header);

  /* The refusal, at the top of the form. */
  self->message_group = adw_preferences_group_new ();
  /* An alert: a screen reader says it when it appears. */
  self->message_label = g_object_new (GTK_TYPE_LABEL, "accessible-role", GTK_ACCESSIBLE_ROLE_ALERT, NULL);
  gtk_label_set_wrap (GTK_LABEL (self->message_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->message_label), 0);
  gtk_widget_add_css_class (self->message_label, "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->message_label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Why the meeting could not be saved"), -1);
  self->interpreter_button = gtk_button_new_with_mnemonic (_("Book With an Interpre_ter"));
  gtk_widget_set_halign (self->interpreter_button, GTK_ALIGN_START);
  g_signal_connect_swapped (self->interpreter_button, "clicked", G_CALLBACK (with_interpreter_cb), self);
  gtk_box_append (GTK_BOX (message_box), self->message_label);
  gtk_box_append (GTK_BOX (message_box), self->interpreter_button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->message_group), message_box);
  gtk_widget_set_visible (self->message_group, FALSE);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (self->message_group));

  /* The client. */
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (client_group), _("Client"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (client_group));
  if (self->original == NULL && self->client == NULL)
    {
      self->picker = kh_person_picker_new (self->store);
      kh_person_picker_set_limit (KH_PERSON_PICKER (self->picker), 6);
      g_signal_connect_swapped (self->picker, "chosen", G_CALLBACK (client_chosen_cb), self);
      g_signal_connect_swapped (self->picker, "changed", G_CALLBACK (picker_changed_cb), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (client_group), self->picker);
    }
  else
    {
      g_autofree char *name = self->original != NULL ? g_strdup (self->original->client_name)
                                                     : kh_client_dup_display_name (self->client);

      self->client_row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->client_row), name != NULL ? name : "");
      gtk_widget_add_css_class (self->client_row, "property");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (client_group), self->client_row);
    }

  /* How and where. */
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (meeting_group), _("Meeting"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (meeting_group));
  for (int k = KH_MEETING_FIRST; k <= KH_MEETING_LAST; k++)
    gtk_string_list_append (kinds, kh_meeting_kind_label (k));
  self->kind_row = combo_row (_("_How"), meeting_group, G_LIST_MODEL (kinds));
  kh_form_rows_show_whole_choices (self->kind_row);
  g_signal_connect_swapped (self->kind_row, "notify::selected", G_CALLBACK (kind_changed_cb), self);
  self->point_row = combo_row (_("_Service point"), meeting_group, NULL);
  kh_form_rows_show_whole_choices (self->point_row);
  g_signal_connect_swapped (self->point_row, "notify::selected", G_CALLBACK (update_point_row), self);
  self->language_row = combo_row (_("_Language of the meeting"), meeting_group, NULL);
  kh_form_rows_setup_language (self->language_row);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (interpreter_row), _("Inte_rpreter booked"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (interpreter_row), TRUE);
  self->interpreter_switch = gtk_switch_new ();
  gtk_widget_set_valign (self->interpreter_switch, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (interpreter_row), self->interpreter_switch);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (interpreter_row), self->interpreter_switch);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (meeting_group), interpreter_row);

  /* When. */
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (time_group), _("Time"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (time_group));
  self->date_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_row), _("_Day"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->date_row), TRUE);
  self->calendar = gtk_calendar_new ();
  g_signal_connect_swapped (self->calendar, "day-selected", G_CALLBACK (day_selected_cb), self);
  gtk_popover_set_child (GTK_POPOVER (popover), self->calendar);
  self->date_button = gtk_menu_button_new ();
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->date_button), popover);
  gtk_widget_set_valign (self->date_button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->date_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Day of the meeting"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->date_row), self->date_button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self->date_row), self->date_button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (time_group), self->date_row);
  for (int m = FIRST_START; m <= LAST_START; m += START_STEP)
    {
      g_autoptr(GDateTime) t = g_date_time_new_local (2024, 1, 1, m / 60, m % 60, 0);
      g_autofree char *label = g_date_time_format (t, C_("time of day", "%H:%M"));

      gtk_string_list_append (starts, label);
    }
  self->start_row = combo_row (_("_Starts"), time_group, G_LIST_MODEL (starts));
  for (guint i = 0; i < G_N_ELEMENTS (lengths); i++)
    {
      g_autofree char *label = NULL;

      if (lengths[i] % 60 == 0)
        label = g_strdup_printf (g_dngettext (NULL, "%d hour", "%d hours", lengths[i] / 60), lengths[i] / 60);
      else if (lengths[i] > 60)
        /* Translators: a length of a meeting, "1 h 30 min" */
        label = g_strdup_printf (_("%d h %d min"), lengths[i] / 60, lengths[i] % 60);
      else
        /* Translators: a length of a meeting in minutes, "45 min" */
        label = g_strdup_printf (_("%d min"), lengths[i]);
      gtk_string_list_append (lengths_model, label);
    }
  self->length_row = combo_row (_("_Length"), time_group, G_LIST_MODEL (lengths_model));
  self->note_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->note_row), _("_Note for the meeting"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->note_row), TRUE);
  adw_entry_row_set_activates_default (self->note_row, TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (time_group), GTK_WIDGET (self->note_row));

  if (self->original != NULL)
    {
      GtkWidget *cancel_group = adw_preferences_group_new ();

      self->cancel_meeting_button = gtk_button_new_with_mnemonic (_("Cancel Mee_ting…"));
      gtk_widget_add_css_class (self->cancel_meeting_button, "destructive-action");
      gtk_widget_set_halign (self->cancel_meeting_button, GTK_ALIGN_START);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->cancel_meeting_button), "appointment.cancel-meeting");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (cancel_group), self->cancel_meeting_button);
      if (!self->original->cancelled)
        {
          self->invitation_button = gtk_button_new_with_mnemonic (_("Send an Invitation _Letter…"));
          gtk_widget_set_halign (self->invitation_button, GTK_ALIGN_START);
          gtk_widget_set_margin_top (self->invitation_button, 12);
          gtk_widget_set_tooltip_text (self->invitation_button,
                                       _("The invitation in the client’s language, kept in their record"));
          gtk_actionable_set_action_name (GTK_ACTIONABLE (self->invitation_button), "appointment.invitation");
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (cancel_group), self->invitation_button);
        }
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (cancel_group));
    }

  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (toolbar), page);
  adw_window_set_content (ADW_WINDOW (self), toolbar);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);
  kh_field_enter_activates_rows (page);
}

/* Fills the form from the client or the meeting being moved. */
static void
fill (KhAppointmentDialog *self)
{
  if (self->original != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (self->original->starts);
      g_autoptr(GDateTime) picked = NULL;
      g_autofree char *subtitle = NULL;

      adw_window_title_set_title (ADW_WINDOW_TITLE (self->title), _("Move or Cancel a Meeting"));
      gtk_button_set_label (GTK_BUTTON (self->save_button), _("_Move"));
      g_date_set_dmy (&self->day, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                      g_date_time_get_year (local));
      select_start (self, g_date_time_get_hour (local) * 60 + g_date_time_get_minute (local));
      select_length (self, self->original->minutes);
      adw_combo_row_set_selected (self->kind_row, self->original->kind - KH_MEETING_FIRST);
      kh_form_rows_set_language (self->language_row, self->original->language);
      gtk_widget_set_sensitive (GTK_WIDGET (self->language_row), FALSE);
      gtk_switch_set_active (GTK_SWITCH (self->interpreter_switch), self->original->interpreter);
      if (self->original->note != NULL)
        gtk_editable_set_text (GTK_EDITABLE (self->note_row), self->original->note);
      if (self->original->changed_by_name != NULL && self->original->changed_at != NULL)
        {
          g_autofree char *at = g_date_time_format (self->original->changed_at, "%-d.%-m.%Y");

          /* Translators: who moved the meeting last, and on what day */
          subtitle = g_strdup_printf (_("Moved by %s on %s"), self->original->changed_by_name, at);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (self->client_row), subtitle);
        }
      picked = g_date_time_new_local (g_date_get_year (&self->day), g_date_get_month (&self->day),
                                      g_date_get_day (&self->day), 0, 0, 0);
      gtk_calendar_select_day (GTK_CALENDAR (self->calendar), picked);
    }
  else
    {
      g_autoptr(GDateTime) picked = NULL;

      adw_window_title_set_title (ADW_WINDOW_TITLE (self->title), _("Book a Meeting"));
      select_start (self, 9 * 60);
      select_length (self, 60);
      if (self->client != NULL)
        {
          kh_form_rows_set_language (self->language_row, self->client->language);
          gtk_switch_set_active (GTK_SWITCH (self->interpreter_switch), self->client->interpreter);
        }
      else
        kh_form_rows_set_language (self->language_row, kh_form_rows_default_language ());
      picked = g_date_time_new_local (g_date_get_year (&self->day), g_date_get_month (&self->day),
                                      g_date_get_day (&self->day), 0, 0, 0);
      gtk_calendar_select_day (GTK_CALENDAR (self->calendar), picked);
    }
  update_day (self);
  update_point_row (self);
}

static void
kh_appointment_dialog_dispose (GObject *object)
{
  KhAppointmentDialog *self = KH_APPOINTMENT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->client);
  g_clear_pointer (&self->original, kh_appointment_free);
  g_clear_pointer (&self->points, g_ptr_array_unref);
  g_clear_pointer (&self->message, g_free);

  G_OBJECT_CLASS (kh_appointment_dialog_parent_class)->dispose (object);
}

static void
kh_appointment_dialog_class_init (KhAppointmentDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_appointment_dialog_dispose;

  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "appointment.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "appointment.cancel-meeting", NULL, cancel_meeting_action);
  gtk_widget_class_install_action (widget_class, "appointment.invitation", NULL, invitation_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "appointment.save", NULL);
}

static void
kh_appointment_dialog_init (KhAppointmentDialog *self)
{
  self->cancellable = g_cancellable_new ();
  g_date_clear (&self->day, 1);
}

static KhAppointmentDialog *
dialog_new (KhStore   *store,
            GtkWindow *parent)
{
  KhAppointmentDialog *self = g_object_new (KH_TYPE_APPOINTMENT_DIALOG, NULL);

  self->store = g_object_ref (store);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  kh_field_message_ensure_style ();
  return self;
}

KhAppointmentDialog *
kh_appointment_dialog_new_book (KhStore     *store,
                                GtkWindow   *parent,
                                KhClient    *client,
                                const GDate *day)
{
  KhAppointmentDialog *self;
  KhCalendar *calendar;

  g_return_val_if_fail (KH_IS_STORE (store), NULL);

  self = dialog_new (store, parent);
  self->client = client != NULL ? g_object_ref (client) : NULL;
  if (day != NULL && g_date_valid (day))
    self->day = *day;
  else
    {
      /* The next day the office is open, from tomorrow. */
      g_date_set_time_t (&self->day, time (NULL));
      g_date_add_days (&self->day, 1);
      calendar = kh_store_get_calendar (store);
      for (int i = 0; i < 14 && calendar != NULL && !kh_calendar_is_open_day (calendar, &self->day); i++)
        g_date_add_days (&self->day, 1);
    }
  build (self);
  fill (self);
  kh_store_list_service_points_async (store, FALSE, self->cancellable, points_cb, g_object_ref (self));
  return self;
}

KhAppointmentDialog *
kh_appointment_dialog_new_move (KhStore             *store,
                                GtkWindow           *parent,
                                const KhAppointment *appointment)
{
  KhAppointmentDialog *self;

  g_return_val_if_fail (KH_IS_STORE (store), NULL);
  g_return_val_if_fail (appointment != NULL && appointment->starts != NULL, NULL);

  self = dialog_new (store, parent);
  self->original = kh_appointment_copy (appointment);
  build (self);
  fill (self);
  kh_store_list_service_points_async (store, FALSE, self->cancellable, points_cb, g_object_ref (self));
  return self;
}

GtkWidget *
kh_appointment_dialog_get_field (KhAppointmentDialog *self,
                                 const char          *name)
{
  const struct { const char *name; gpointer widget; } fields[] = {
    { "picker", self->picker }, { "kind", self->kind_row }, { "point", self->point_row },
    { "calendar", self->calendar }, { "start", self->start_row }, { "length", self->length_row },
    { "language", self->language_row }, { "interpreter", self->interpreter_switch },
    { "interpreter-button", self->interpreter_button }, { "note", self->note_row },
    { "save", self->save_button }, { "cancel-meeting", self->cancel_meeting_button },
    { "invitation", self->invitation_button },
  };

  g_return_val_if_fail (KH_IS_APPOINTMENT_DIALOG (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i].name, name))
      return fields[i].widget;
  g_return_val_if_reached (NULL);
}

gboolean
kh_appointment_dialog_has_points (KhAppointmentDialog *self)
{
  g_return_val_if_fail (KH_IS_APPOINTMENT_DIALOG (self), FALSE);

  return self->points != NULL;
}

const char *
kh_appointment_dialog_get_message (KhAppointmentDialog *self)
{
  g_return_val_if_fail (KH_IS_APPOINTMENT_DIALOG (self), NULL);

  return self->message;
}
