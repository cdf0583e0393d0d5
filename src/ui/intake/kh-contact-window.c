/* kh-contact-window.c — a saved contact: details, history, corrections
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The editor is compact on purpose: it edits only the fields a correction
 * may change (KhContactField) and checks them with the intake's own rules in
 * core (kh_contact_normalize, kh_contact_find_correction_problem), so that
 * the form, this editor and the store say the same thing.
 */
#define G_LOG_DOMAIN "kohtaamo-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kh-contact-revision.h"
#include "core/kh-intake-state.h"
#include "core/kh-text.h"
#include "ui/common/kh-field-message.h"
#include "ui/common/kh-form-rows.h"

#include "kh-contact-window.h"
#include "ui/common/kh-accessible.h"

struct _KhContactWindow
{
  AdwWindow          parent_instance;

  /* template widgets */
  AdwComboRow       *channel_row;
  AdwEntryRow       *contactor_contact_row;
  AdwEntryRow       *contactor_name_row;
  AdwEntryRow       *contactor_relation_row;
  AdwEntryRow       *directed_by_row;
  AdwEntryRow       *correction_reason_row;
  GtkButton         *cancel_button;
  GtkButton         *correct_button;
  AdwEntryRow       *detail_row;
  AdwPreferencesGroup *details_group;
  GtkListBox        *edit_list;
  GtkLabel          *edit_message_label;
  AdwPreferencesPage *edit_page;
  GtkLabel          *error_label;
  AdwStatusPage     *failed_page;
  AdwPreferencesGroup *history_group;
  AdwActionRow      *interpreter_row;
  GtkSwitch         *interpreter_switch;
  AdwComboRow       *language_row;
  GtkButton         *mark_button;
  GtkLabel          *message_label;
  AdwExpanderRow    *needs_row;
  AdwEntryRow       *outcome_note_row;
  GtkButton         *person_button;
  AdwEntryRow       *reason_row;
  GtkButton         *save_button;
  AdwComboRow       *service_row;
  GtkStack          *stack;
  AdwEntryRow       *urgent_note_row;
  GtkLabel          *why_not_label;
  AdwWindowTitle    *window_title;

  /* owned */
  KhStore           *store;
  gint64             contact_id;
  KhContactHistory  *history;
  GPtrArray         *services;       /* of KhService, active ones */
  GPtrArray         *shown_rows;     /* rows added to details_group and history_group */
  GCancellable      *cancellable;
  GSimpleActionGroup *actions;
  GtkCheckButton    *need_checks[KH_N_NEEDS];
  gboolean           busy;
  gboolean           person_hidden;
};

G_DEFINE_FINAL_TYPE (KhContactWindow, kh_contact_window, ADW_TYPE_WINDOW)

enum {
  OPEN_CLIENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void load (KhContactWindow *self);

/* ---- values as text ---- */

static char *
format_time (GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;

  if (time == NULL)
    return g_strdup ("");
  local = g_date_time_to_local (time);
  /* Translators: date and time of a contact, a strftime format: "2.4.2026 10.15" in fi */
  return g_date_time_format (local, _("%-d.%-m.%Y %H:%M"));
}

static char *
needs_text (guint needs)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  for (guint i = 0; i < KH_N_NEEDS; i++)
    if (needs & (1u << i))
      g_ptr_array_add (labels, (gpointer) kh_need_label (1u << i));
  g_ptr_array_add (labels, NULL);
  return g_strjoinv (", ", (char **) labels->pdata);
}

/* The value of one correctable field, for the details and the history. */
static char *
field_text (KhContact      *contact,
            KhContactField  field)
{
  char *text = NULL;

  switch (field)
    {
    case KH_CONTACT_FIELD_CHANNEL:
      text = g_strdup (kh_channel_label (contact->channel));
      break;
    case KH_CONTACT_FIELD_CONTACTOR_DETAIL:
      text = g_strdup (contact->contactor_detail);
      break;
    case KH_CONTACT_FIELD_NEEDS:
      text = needs_text (contact->needs);
      break;
    case KH_CONTACT_FIELD_REASON_TEXT:
      text = g_strdup (contact->reason_text);
      break;
    case KH_CONTACT_FIELD_URGENT_NOTE:
      text = g_strdup (contact->urgent_note);
      break;
    case KH_CONTACT_FIELD_LANGUAGE:
      text = g_strdup (kh_language_label (contact->language));
      break;
    case KH_CONTACT_FIELD_INTERPRETER:
      text = g_strdup (contact->interpreter ? _("Needed") : _("Not needed"));
      break;
    case KH_CONTACT_FIELD_SERVICE:
      text = g_strdup (contact->service_name);
      break;
    case KH_CONTACT_FIELD_OUTCOME_NOTE:
      text = g_strdup (contact->outcome_note);
      break;
    case KH_CONTACT_FIELD_CONTACTOR_NAME:
      text = g_strdup (contact->contactor_name);
      break;
    case KH_CONTACT_FIELD_CONTACTOR_RELATION:
      text = g_strdup (contact->contactor_relation);
      break;
    case KH_CONTACT_FIELD_CONTACTOR_CONTACT:
      text = g_strdup (contact->contactor_contact);
      break;
    case KH_CONTACT_FIELD_DIRECTED_BY:
      text = g_strdup (contact->directed_by);
      break;
    default:
      break;
    }
  if (text == NULL || *text == '\0')
    {
      g_free (text);
      /* Translators: an empty field in a contact's history */
      text = g_strdup (_("(empty)"));
    }
  return text;
}

/* ---- the view ---- */

static void
clear_shown_rows (KhContactWindow *self)
{
  for (guint i = 0; i < self->shown_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->shown_rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->shown_rows, 0);
}

static GtkWidget *
add_row (KhContactWindow     *self,
         AdwPreferencesGroup *group,
         const char          *title,
         const char          *value)
{
  GtkWidget *row;

  if (value == NULL || *value == '\0')
    return NULL;
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->shown_rows, row);
  return row;
}

static void
show_details (KhContactWindow *self)
{
  KhContact *c = self->history->contact;
  g_autofree char *received = format_time (c->received_at);
  g_autofree char *needs = needs_text (c->needs);
  const char *contactor = kh_contactor_label (c->contactor);
  g_autofree char *who = NULL;
  g_autofree char *language = NULL;

  if (c->contactor_name != NULL || c->contactor_detail != NULL)
    who = g_strjoin (" · ", contactor,
                     c->contactor_name != NULL ? c->contactor_name : c->contactor_detail,
                     c->contactor_relation, NULL);

  add_row (self, self->details_group, _("Received"), received);
  add_row (self, self->details_group, _("Person"),
           c->anonymous ? _("Anonymous contact") : c->client_name);
  add_row (self, self->details_group, _("Channel"), kh_channel_label (c->channel));
  add_row (self, self->details_group, _("Contact made by"), who != NULL ? who : contactor);
  add_row (self, self->details_group, _("Their contact details"), c->contactor_contact);
  add_row (self, self->details_group, _("Directed to apply by"), c->directed_by);
  add_row (self, self->details_group, _("Support needs"), needs);
  add_row (self, self->details_group, _("Reason"), c->reason_text);
  add_row (self, self->details_group, _("Urgent need"),
           c->urgency != KH_URGENCY_NOT_RECORDED ? kh_urgency_label (c->urgency) : NULL);
  add_row (self, self->details_group, _("Urgent need note"), c->urgent_note);
  if (c->interpreter)
    /* Translators: "Finnish · interpreter needed" */
    language = g_strdup_printf (_("%s · interpreter needed"), kh_language_label (c->language));
  add_row (self, self->details_group, _("Language of service"),
           language != NULL ? language : kh_language_label (c->language));
  add_row (self, self->details_group, _("Outcome"), kh_outcome_label (c->outcome));
  add_row (self, self->details_group, _("Directed to"), c->service_name);
  add_row (self, self->details_group, _("Outcome note"), c->outcome_note);
  add_row (self, self->details_group, _("Recorded by"), c->created_by_name);
}

static void
show_history (KhContactWindow *self)
{
  KhContact *c = self->history->contact;
  g_autofree char *created = format_time (c->created_at != NULL ? c->created_at : c->received_at);
  g_autofree char *first = NULL;

  /* Translators: the first entry of a contact's history: "Recorded by Riitta Vastaanotto" */
  first = g_strdup_printf (_("Recorded by %s"), c->created_by_name != NULL ? c->created_by_name : "");
  add_row (self, self->history_group, first, created);

  for (guint i = 0; i < self->history->revisions->len; i++)
    {
      KhContactRevision *revision = g_ptr_array_index (self->history->revisions, i);
      g_autofree char *when = format_time (revision->changed_at);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_expander_row_new ();

      if (revision->kind == KH_REVISION_ENTERED_IN_ERROR)
        {
          /* Translators: an entry of a contact's history */
          title = g_strdup_printf (_("Marked as entered in error by %s"), revision->changed_by_name);
          subtitle = g_strdup (when);
        }
      else
        {
          g_autofree char *fields = kh_contact_dup_field_list (revision->changed);

          /* Translators: an entry of a contact's history */
          title = g_strdup_printf (_("Corrected by %s"), revision->changed_by_name);
          /* Translators: "4.12.2026 16.05 · changed: Reason, Support needs" */
          subtitle = g_strdup_printf (_("%s · changed: %s"), when, fields);
        }
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
      if (revision->reason != NULL)
        {
          GtkWidget *child = adw_action_row_new ();

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (child), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (child), _("Reason given"));
          adw_action_row_set_subtitle (ADW_ACTION_ROW (child), revision->reason);
          gtk_widget_add_css_class (child, "property");
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), child);
        }
      for (guint bit = 1; bit <= KH_CONTACT_FIELD_LAST; bit <<= 1)
        {
          g_autofree char *before = NULL;
          g_autofree char *line = NULL;
          GtkWidget *child;

          if ((revision->changed & bit) == 0)
            continue;
          before = field_text (revision->before, bit);
          /* Translators: what a field held before a correction */
          line = g_strdup_printf (_("Before: %s"), before);
          child = adw_action_row_new ();
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (child), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (child), kh_contact_field_label (bit));
          adw_action_row_set_subtitle (ADW_ACTION_ROW (child), line);
          gtk_widget_add_css_class (child, "property");
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), child);
        }
      adw_preferences_group_add (self->history_group, row);
      g_ptr_array_add (self->shown_rows, row);
    }
}

static void
set_editing (KhContactWindow *self,
             gboolean         editing)
{
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), editing);
  gtk_widget_set_visible (GTK_WIDGET (self->save_button), editing);
  gtk_stack_set_visible_child_name (self->stack, editing ? "edit" : "view");
}

static void
update_actions (KhContactWindow *self)
{
  KhContactHistory *h = self->history;
  GAction *action;

  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "correct");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), h != NULL && h->can_correct && !self->busy);
  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "mark-in-error");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action),
                               h != NULL && h->can_mark_in_error && !self->busy);
  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "save");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), h != NULL && h->can_correct && !self->busy);
}

static void
show_history_record (KhContactWindow *self)
{
  KhContactHistory *h = self->history;

  clear_shown_rows (self);
  adw_window_title_set_subtitle (self->window_title,
                                 h->contact->anonymous ? _("Anonymous contact")
                                                       : h->contact->client_name);
  if (h->entered_in_error)
    {
      g_autofree char *text = NULL;

      /* Translators: shown at the top of a contact marked entered in error */
      text = g_strdup_printf (_("Entered in error: %s"), h->error_reason != NULL ? h->error_reason : "");
      gtk_label_set_text (self->error_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), h->entered_in_error);
  gtk_label_set_text (self->why_not_label, h->why_not != NULL ? h->why_not : "");
  /* A contact entered in error says so at the top already. */
  gtk_widget_set_visible (GTK_WIDGET (self->why_not_label), h->why_not != NULL && !h->entered_in_error);
  gtk_widget_set_visible (GTK_WIDGET (self->correct_button), h->can_correct);
  gtk_widget_set_visible (GTK_WIDGET (self->mark_button), h->can_mark_in_error);
  gtk_widget_set_visible (GTK_WIDGET (self->person_button),
                          h->contact->client_id > 0 && !h->contact->anonymous && !self->person_hidden);
  show_details (self);
  show_history (self);
  update_actions (self);
}

static void
history_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(KhContactWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  KhContactHistory *history;

  history = kh_store_get_contact_history_finish (KH_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (history == NULL)
    {
      adw_status_page_set_description (self->failed_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "failed");
      return;
    }
  g_clear_pointer (&self->history, kh_contact_history_free);
  self->history = history;
  show_history_record (self);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "edit") != 0)
    set_editing (self, FALSE);
}

static void
load (KhContactWindow *self)
{
  kh_store_get_contact_history_async (self->store, self->contact_id, self->cancellable,
                                      history_loaded_cb, g_object_ref (self));
}

/* ---- correcting ---- */

static void
services_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(KhContactWindow) self = user_data;
  g_autoptr(GPtrArray) services = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  const char *language = kh_form_rows_ui_language ();
  gint64 current = self->history != NULL ? self->history->contact->service_id : 0;
  guint selected = 0;

  services = kh_store_list_services_finish (KH_STORE (object), result, &error);
  if (services == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        kh_field_message_set (GTK_WIDGET (self->service_row), error->message);
      return;
    }
  g_ptr_array_set_size (self->services, 0);
  /* Translators: no service chosen in a contact's correction */
  gtk_string_list_append (names, _("None"));
  g_ptr_array_add (self->services, NULL);
  for (guint i = 0; i < services->len; i++)
    {
      KhService *service = g_ptr_array_index (services, i);

      if (!service->active && service->id != current)
        continue;
      if (service->id == current)
        selected = self->services->len;
      gtk_string_list_append (names, kh_service_get_name (service, language));
      g_ptr_array_add (self->services, g_object_ref (service));
    }
  adw_combo_row_set_model (self->service_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->service_row, selected);
  kh_form_rows_show_whole_choices (self->service_row);
}

static void
set_entry (AdwEntryRow *row,
           const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static GtkWidget *
widget_for_field (KhContactWindow *self,
                  KhIntakeField    field)
{
  switch (field)
    {
    case KH_INTAKE_FIELD_CHANNEL: return GTK_WIDGET (self->channel_row);
    case KH_INTAKE_FIELD_CONTACTOR_DETAIL: return GTK_WIDGET (self->detail_row);
    case KH_INTAKE_FIELD_CONTACTOR_NAME: return GTK_WIDGET (self->contactor_name_row);
    case KH_INTAKE_FIELD_CONTACTOR_RELATION: return GTK_WIDGET (self->contactor_relation_row);
    case KH_INTAKE_FIELD_CONTACTOR_CONTACT: return GTK_WIDGET (self->contactor_contact_row);
    case KH_INTAKE_FIELD_DIRECTED_BY: return GTK_WIDGET (self->directed_by_row);
    case KH_INTAKE_FIELD_NEEDS: return GTK_WIDGET (self->needs_row);
    case KH_INTAKE_FIELD_REASON_TEXT: return GTK_WIDGET (self->reason_row);
    case KH_INTAKE_FIELD_URGENT_NOTE: return GTK_WIDGET (self->urgent_note_row);
    case KH_INTAKE_FIELD_LANGUAGE: return GTK_WIDGET (self->language_row);
    case KH_INTAKE_FIELD_SERVICE: return GTK_WIDGET (self->service_row);
    case KH_INTAKE_FIELD_OUTCOME_NOTE: return GTK_WIDGET (self->outcome_note_row);
    default: return NULL;
    }
}

static void
clear_messages (KhContactWindow *self)
{
  for (KhIntakeField f = KH_INTAKE_FIELD_NONE; f < KH_INTAKE_N_FIELDS; f++)
    {
      GtkWidget *widget = widget_for_field (self, f);

      if (widget != NULL)
        kh_field_message_set (widget, NULL);
    }
  kh_field_message_set (GTK_WIDGET (self->correction_reason_row), NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->edit_message_label), FALSE);
}

static void
correct_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  KhContactWindow *self = user_data;
  KhContact *c = self->history->contact;

  clear_messages (self);
  adw_combo_row_set_selected (self->channel_row, c->channel - KH_CHANNEL_FIRST);
  set_entry (self->detail_row, c->contactor_detail);
  set_entry (self->contactor_name_row, c->contactor_name);
  set_entry (self->contactor_relation_row, c->contactor_relation);
  set_entry (self->contactor_contact_row, c->contactor_contact);
  set_entry (self->directed_by_row, c->directed_by);
  for (guint i = 0; i < KH_N_NEEDS; i++)
    gtk_check_button_set_active (self->need_checks[i], (c->needs & (1u << i)) != 0);
  set_entry (self->reason_row, c->reason_text);
  set_entry (self->urgent_note_row, c->urgent_note);
  kh_form_rows_set_language (self->language_row, c->language);
  gtk_switch_set_active (self->interpreter_switch, c->interpreter);
  set_entry (self->outcome_note_row, c->outcome_note);
  set_entry (self->correction_reason_row, NULL);

  /* Only what applies to this contact (the intake's rules). */
  gtk_widget_set_visible (GTK_WIDGET (self->detail_row),
                          kh_contact_field_applies (c, KH_INTAKE_FIELD_CONTACTOR_DETAIL));
  gtk_widget_set_visible (GTK_WIDGET (self->contactor_name_row),
                          kh_contact_field_applies (c, KH_INTAKE_FIELD_CONTACTOR_NAME));
  gtk_widget_set_visible (GTK_WIDGET (self->contactor_relation_row),
                          kh_contact_field_applies (c, KH_INTAKE_FIELD_CONTACTOR_RELATION));
  gtk_widget_set_visible (GTK_WIDGET (self->contactor_contact_row),
                          kh_contact_field_applies (c, KH_INTAKE_FIELD_CONTACTOR_CONTACT));
  /* Which authority, for a person directed to apply; not whether one did. */
  gtk_widget_set_visible (GTK_WIDGET (self->directed_by_row), c->referral == KH_REFERRAL_DIRECTED);
  gtk_widget_set_visible (GTK_WIDGET (self->reason_row),
                          kh_contact_field_applies (c, KH_INTAKE_FIELD_REASON_TEXT));
  gtk_widget_set_visible (GTK_WIDGET (self->urgent_note_row),
                          kh_contact_field_applies (c, KH_INTAKE_FIELD_URGENT_NOTE));
  gtk_widget_set_visible (GTK_WIDGET (self->service_row),
                          kh_contact_field_applies (c, KH_INTAKE_FIELD_SERVICE));
  gtk_widget_set_visible (GTK_WIDGET (self->outcome_note_row),
                          kh_contact_field_applies (c, KH_INTAKE_FIELD_OUTCOME_NOTE));
  if (gtk_widget_get_visible (GTK_WIDGET (self->service_row)))
    kh_store_list_services_async (self->store, self->cancellable, services_loaded_cb,
                                  g_object_ref (self));

  set_editing (self, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->channel_row));
}

static KhContact *
contact_from_editor (KhContactWindow *self)
{
  KhContact *c = kh_contact_copy (self->history->contact);
  guint service = adw_combo_row_get_selected (self->service_row);

  c->channel = KH_CHANNEL_FIRST + adw_combo_row_get_selected (self->channel_row);
  g_free (c->contactor_detail);
  c->contactor_detail = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->detail_row)));
  g_free (c->contactor_name);
  c->contactor_name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->contactor_name_row)));
  g_free (c->contactor_relation);
  c->contactor_relation = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->contactor_relation_row)));
  g_free (c->contactor_contact);
  c->contactor_contact = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->contactor_contact_row)));
  g_free (c->directed_by);
  c->directed_by = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->directed_by_row)));
  c->needs = 0;
  for (guint i = 0; i < KH_N_NEEDS; i++)
    if (gtk_check_button_get_active (self->need_checks[i]))
      c->needs |= 1u << i;
  g_free (c->reason_text);
  c->reason_text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason_row)));
  g_free (c->urgent_note);
  c->urgent_note = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->urgent_note_row)));
  c->language = kh_form_rows_get_language (self->language_row);
  c->interpreter = gtk_switch_get_active (self->interpreter_switch);
  if (gtk_widget_get_visible (GTK_WIDGET (self->service_row)) && service < self->services->len)
    {
      KhService *chosen = g_ptr_array_index (self->services, service);

      c->service_id = chosen != NULL ? chosen->id : 0;
    }
  g_free (c->outcome_note);
  c->outcome_note = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->outcome_note_row)));
  return c;
}

static void
show_problem (KhContactWindow *self,
              KhIntakeField    field,
              const char      *message)
{
  GtkWidget *widget = widget_for_field (self, field);

  if (widget != NULL && gtk_widget_get_visible (widget))
    {
      kh_field_message_set (widget, message);
      gtk_widget_grab_focus (widget);
    }
  else
    {
      gtk_label_set_text (self->edit_message_label, message);
      gtk_widget_set_visible (GTK_WIDGET (self->edit_message_label), TRUE);
    }
}

static void
corrected_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(KhContactWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  self->busy = FALSE;
  if (!kh_store_correct_contact_finish (KH_STORE (object), result, &error))
    {
      /* Stay in the editor: nothing typed is lost. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_problem (self, KH_INTAKE_FIELD_NONE, error->message);
      update_actions (self);
      return;
    }
  gtk_label_set_text (self->message_label, _("The correction was saved. The earlier values are kept in the history."));
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), TRUE);
  set_editing (self, FALSE);
  load (self);
}

static void
save_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  KhContactWindow *self = user_data;
  g_autoptr(KhContact) corrected = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *reason = NULL;
  g_autoptr(GError) error = NULL;
  KhIntakeField field = KH_INTAKE_FIELD_NONE;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "edit") != 0)
    return;
  clear_messages (self);
  corrected = contact_from_editor (self);
  kh_contact_normalize (corrected);
  if (kh_contact_find_correction_problem (self->history->contact, corrected,
                                          corrected->client_id > 0 && !corrected->anonymous,
                                          &field, &problem))
    {
      show_problem (self, field, problem);
      return;
    }
  if (kh_contact_changed_fields (self->history->contact, corrected) == 0)
    {
      show_problem (self, KH_INTAKE_FIELD_NONE,
                    _("Nothing was changed. Change a field to correct the contact."));
      return;
    }
  reason = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->correction_reason_row)));
  if (!kh_text_check_field (NULL, reason, KH_TEXT_NOTE, KH_REVISION_MAX_REASON, &error))
    {
      kh_field_message_set (GTK_WIDGET (self->correction_reason_row), error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->correction_reason_row));
      return;
    }
  self->busy = TRUE;
  update_actions (self);
  kh_store_correct_contact_async (self->store, corrected, *reason != '\0' ? reason : NULL,
                                  NULL, corrected_cb, g_object_ref (self));
}

static void
cancel_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  KhContactWindow *self = user_data;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "edit") == 0)
    {
      clear_messages (self);
      set_editing (self, FALSE);
      gtk_widget_grab_focus (GTK_WIDGET (self->correct_button));
    }
  else
    gtk_window_close (GTK_WINDOW (self));
}

/* ---- marking entered in error ---- */

static void
marked_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(KhContactWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  self->busy = FALSE;
  if (!kh_store_mark_contact_in_error_finish (KH_STORE (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          gtk_label_set_text (self->message_label, error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->message_label), TRUE);
        }
      update_actions (self);
      return;
    }
  gtk_label_set_text (self->message_label, _("The contact was marked as entered in error. It stays in the record."));
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), TRUE);
  load (self);
}

static void
reason_changed_cb (GtkEditable      *entry,
                   AdwMessageDialog *dialog)
{
  g_autofree char *clean = kh_text_clean (gtk_editable_get_text (entry));

  adw_message_dialog_set_response_enabled (dialog, "mark", clean != NULL);
}

static void
mark_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  gpointer          user_data)
{
  KhContactWindow *self = user_data;
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "kh-reason");

  if (g_strcmp0 (response, "mark") != 0 || self->history == NULL)
    return;
  self->busy = TRUE;
  update_actions (self);
  kh_store_mark_contact_in_error_async (self->store, self->history->contact->id,
                                        gtk_editable_get_text (entry), NULL, marked_cb,
                                        g_object_ref (self));
}

static void
mark_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  KhContactWindow *self = user_data;
  GtkWidget *dialog;
  GtkWidget *entry;

  dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                   _("Mark as Entered in Error?"),
                                   _("The contact stays in the record, marked as entered in error, "
                                     "and is left out of the queue. A case it opened is closed. "
                                     "This cannot be undone. Say why."));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason, e.g. recorded for the wrong person"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reason"), -1);
  gtk_entry_set_max_length (GTK_ENTRY (entry), KH_REVISION_MAX_REASON);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "mark", _("_Mark as Entered in Error"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "mark",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "mark", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "mark");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "kh-reason", entry);
  g_signal_connect (entry, "changed", G_CALLBACK (reason_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (mark_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
open_person_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  KhContactWindow *self = user_data;
  gint64 client_id = self->history != NULL ? self->history->contact->client_id : 0;

  if (client_id <= 0 || self->person_hidden)
    return;
  g_signal_emit (self, signals[OPEN_CLIENT], 0, client_id);
  gtk_window_close (GTK_WINDOW (self));
}

/* ---- the object ---- */

static void
unref_service (gpointer service)
{
  if (service != NULL)
    g_object_unref (service);
}

static void
kh_contact_window_dispose (GObject *object)
{
  KhContactWindow *self = KH_CONTACT_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), KH_TYPE_CONTACT_WINDOW);
  G_OBJECT_CLASS (kh_contact_window_parent_class)->dispose (object);
}

static void
kh_contact_window_finalize (GObject *object)
{
  KhContactWindow *self = KH_CONTACT_WINDOW (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->history, kh_contact_history_free);
  g_clear_pointer (&self->services, g_ptr_array_unref);
  g_clear_pointer (&self->shown_rows, g_ptr_array_unref);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->actions);
  G_OBJECT_CLASS (kh_contact_window_parent_class)->finalize (object);
}

static void
kh_contact_window_class_init (KhContactWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_contact_window_dispose;
  object_class->finalize = kh_contact_window_finalize;

  signals[OPEN_CLIENT] = g_signal_new ("open-client", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/fi/kohtaamo/Kohtaamo/ui/intake/kh-contact-window.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, KhContactWindow, name)
  BIND (channel_row);
  BIND (contactor_contact_row);
  BIND (contactor_name_row);
  BIND (contactor_relation_row);
  BIND (directed_by_row);
  BIND (correction_reason_row);
  BIND (cancel_button);
  BIND (correct_button);
  BIND (detail_row);
  BIND (details_group);
  BIND (edit_list);
  BIND (edit_message_label);
  BIND (edit_page);
  BIND (error_label);
  BIND (failed_page);
  BIND (history_group);
  BIND (interpreter_row);
  BIND (interpreter_switch);
  BIND (language_row);
  BIND (mark_button);
  BIND (message_label);
  BIND (needs_row);
  BIND (outcome_note_row);
  BIND (person_button);
  BIND (reason_row);
  BIND (save_button);
  BIND (service_row);
  BIND (stack);
  BIND (urgent_note_row);
  BIND (why_not_label);
  BIND (window_title);
#undef BIND
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "contact.save", NULL);
}

static void
kh_contact_window_init (KhContactWindow *self)
{
  static const GActionEntry entries[] = {
    { "correct", correct_activated },
    { "save", save_activated },
    { "cancel", cancel_activated },
    { "mark-in-error", mark_activated },
    { "open-person", open_person_activated },
  };
  g_autoptr(GtkStringList) channels = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  kh_accessible_fix_mnemonics (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->services = g_ptr_array_new_with_free_func (unref_service);
  self->shown_rows = g_ptr_array_new ();

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries, G_N_ELEMENTS (entries), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "contact", G_ACTION_GROUP (self->actions));
  update_actions (self);

  for (KhChannel c = KH_CHANNEL_FIRST; c <= KH_CHANNEL_LAST; c++)
    gtk_string_list_append (channels, kh_channel_label (c));
  adw_combo_row_set_model (self->channel_row, G_LIST_MODEL (channels));
  kh_form_rows_show_whole_choices (self->channel_row);
  kh_form_rows_setup_language (self->language_row);
  for (guint i = 0; i < KH_N_NEEDS; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), kh_need_label (1u << i));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      kh_need_label (1u << i), -1);
      adw_expander_row_add_row (self->needs_row, row);
      self->need_checks[i] = GTK_CHECK_BUTTON (check);
    }
  adw_expander_row_set_expanded (self->needs_row, TRUE);
}

GtkWidget *
kh_contact_window_new (KhStore   *store,
                       gint64     contact_id,
                       GtkWindow *parent)
{
  KhContactWindow *self;

  g_return_val_if_fail (KH_IS_STORE (store), NULL);

  self = g_object_new (KH_TYPE_CONTACT_WINDOW,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->contact_id = contact_id;
  load (self);
  return GTK_WIDGET (self);
}

void
kh_contact_window_set_person_shown (KhContactWindow *self,
                                    gboolean         shown)
{
  g_return_if_fail (KH_IS_CONTACT_WINDOW (self));

  self->person_hidden = !shown;
  if (self->history != NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->person_button),
                            shown && self->history->contact->client_id > 0
                            && !self->history->contact->anonymous);
}
