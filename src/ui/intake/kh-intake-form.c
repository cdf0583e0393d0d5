/* kh-intake-form.c — the new-contact form at reception
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One scrolling page that the receptionist fills top to bottom, from the
 * keyboard alone: who (search before create), the contact, the reasons, the
 * urgency check of SHL 36 §, the language and the outcome. Save checks every
 * field first and shows each problem at its field; nothing typed is lost,
 * neither on a refused save nor on a store error.
 */
#define G_LOG_DOMAIN "kohtaamo-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "core/kh-deadlines.h"
#include "core/kh-hetu.h"
#include "core/kh-service-check.h"
#include "core/kh-text.h"
#include "ui/common/kh-field-message.h"
#include "ui/common/kh-form-rows.h"
#include "ui/common/kh-person-fields.h"
#include "ui/common/kh-store-property.h"

#include "kh-intake-form.h"

#define SEARCH_DELAY_MS 150
#define SEARCH_LIMIT 8
/* A clock a little ahead of the server's is not the future. */
#define FUTURE_TOLERANCE_SECONDS 120

struct _KhIntakeForm
{
  AdwBin parent_instance;

  /* template widgets */
  GtkListBox     *anonymous_list;
  AdwPreferencesGroup *assign_group;
  AdwComboRow    *assign_row;
  GtkSwitch      *anonymous_switch;
  GtkLabel       *anonymous_label;
  GtkCheckButton *care_allowance_check;
  AdwActionRow   *care_allowance_row;
  GtkButton      *cancel_button;
  GtkButton      *change_button;
  AdwComboRow    *channel_row;
  AdwActionRow   *chosen_row;
  AdwEntryRow    *contactor_detail_row;
  AdwComboRow    *contactor_row;
  GtkImage       *deadline_icon;
  AdwPreferencesGroup *deadline_group;
  AdwActionRow   *deadline_row;
  GtkCheckButton *disabled_check;
  AdwActionRow   *disabled_row;
  GtkLabel       *error_label;
  GtkSwitch      *interpreter_switch;
  AdwPreferencesGroup *language_group;
  AdwComboRow    *language_row;
  GtkGrid        *needs_grid;
  GtkButton      *new_person_button;
  AdwPreferencesGroup *note_group;
  GtkCheckButton *outcome_advice_check;
  AdwActionRow   *outcome_advice_row;
  GtkCheckButton *outcome_case_check;
  AdwActionRow   *outcome_case_row;
  GtkCheckButton *outcome_directed_check;
  AdwActionRow   *outcome_directed_row;
  AdwPreferencesGroup *outcome_detail_group;
  AdwEntryRow    *outcome_note_row;
  GtkCheckButton *outcome_urgent_check;
  AdwActionRow   *outcome_urgent_row;
  GtkCheckButton *over_75_check;
  AdwActionRow   *over_75_row;
  KhPersonFields *person_fields;
  GtkBox         *reason_text_box;
  GtkTextView    *reason_view;
  AdwEntryRow    *received_row;
  AdwComboRow    *referral_row;
  GtkListBox     *results_list;
  GtkButton      *save_button;
  GtkScrolledWindow *scroller;
  GtkBox         *search_box;
  GtkSearchEntry *search_entry;
  GtkButton      *search_instead_button;
  GtkLabel       *search_status_label;
  AdwComboRow    *service_row;
  GtkLabel       *status_label;
  AdwEntryRow    *urgent_note_row;
  AdwActionRow   *urgent_row;
  GtkSwitch      *urgent_switch;
  GtkStack       *who_stack;

  /* owned */
  KhStore        *store;
  KhClient       *client;           /* the chosen existing person */
  GPtrArray      *services;         /* of KhService, as listed in service_row after its first item */
  GtkWidget      *services_retry;   /* "Try Again" in service_row, when the list failed */
  GPtrArray      *workers;          /* of KhUser, as listed in assign_row after the queue */
  GCancellable   *search_cancellable;
  GCancellable   *cancellable;      /* everything else; cancelled on dispose */
  GtkCheckButton *need_checks[KH_N_NEEDS];
  guint           search_timeout_id;
  gpointer        pending_discard;  /* a DiscardAsk waiting for a save to end */
  GtkWindow      *pending_parent;
  guint           pending_discard_id;

  guint           saving : 1;
  guint           disposed : 1;     /* a store call may finish after dispose */
  guint           services_failed : 1;
  guint           services_loading : 1;
  guint           workers_loading : 1;
  guint           asking : 1;       /* "Discard This Contact?" is open */
  guint           prefilled : 1;    /* the new-person fields got the search text */
  guint           resetting : 1;
};

G_DEFINE_FINAL_TYPE (KhIntakeForm, kh_intake_form, ADW_TYPE_BIN)

enum {
  SAVED,
  CANCELLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The combo rows list these, in this order. Index 0 of channel, referral and
 * service is "not chosen yet", so that a default never passes for a choice. */
static const KhContactor contactors[] = {
  KH_CONTACTOR_SELF, KH_CONTACTOR_RELATIVE, KH_CONTACTOR_AUTHORITY, KH_CONTACTOR_OTHER,
};

static void update_form (KhIntakeForm *self);
static gboolean pending_discard_cb (gpointer user_data);
static void set_who_message (KhIntakeForm *self,
                             const char   *message);

/* ---- reading the widgets ---- */

static KhChannel
get_channel (KhIntakeForm *self)
{
  guint i = adw_combo_row_get_selected (self->channel_row);

  return (i >= KH_CHANNEL_FIRST && i <= KH_CHANNEL_LAST) ? (KhChannel) i : 0;
}

static KhContactor
get_contactor (KhIntakeForm *self)
{
  guint i = adw_combo_row_get_selected (self->contactor_row);

  return i < G_N_ELEMENTS (contactors) ? contactors[i] : KH_CONTACTOR_SELF;
}

static KhReferral
get_referral (KhIntakeForm *self)
{
  guint i = adw_combo_row_get_selected (self->referral_row);

  return (i >= 1 && i <= KH_REFERRAL_LAST) ? (KhReferral) i : KH_REFERRAL_NONE;
}

static KhOutcome
get_outcome (KhIntakeForm *self)
{
  if (gtk_check_button_get_active (self->outcome_advice_check))
    return KH_OUTCOME_ADVICE;
  if (gtk_check_button_get_active (self->outcome_directed_check))
    return KH_OUTCOME_DIRECTED;
  if (gtk_check_button_get_active (self->outcome_case_check))
    return KH_OUTCOME_CASE_OPENED;
  if (gtk_check_button_get_active (self->outcome_urgent_check))
    return KH_OUTCOME_URGENT;
  return 0;
}

static KhService *
get_service (KhIntakeForm *self)
{
  guint i = adw_combo_row_get_selected (self->service_row);

  if (self->services == NULL || i == 0 || i == GTK_INVALID_LIST_POSITION || i > self->services->len)
    return NULL;
  return g_ptr_array_index (self->services, i - 1);
}

/* The worker chosen for an opened case; 0 leaves it in the team's queue. */
static gint64
get_assign_to (KhIntakeForm *self)
{
  guint i = adw_combo_row_get_selected (self->assign_row);

  if (self->workers == NULL || i == 0 || i == GTK_INVALID_LIST_POSITION || i > self->workers->len)
    return 0;
  return ((KhUser *) g_ptr_array_index (self->workers, i - 1))->id;
}

static guint
get_needs (KhIntakeForm *self)
{
  guint needs = 0;

  for (guint i = 0; i < KH_N_NEEDS; i++)
    if (gtk_check_button_get_active (self->need_checks[i]))
      needs |= 1u << i;
  return needs;
}

static char *
dup_reason_text (KhIntakeForm *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->reason_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_strstrip (text);
  return text[0] != '\0' ? g_steal_pointer (&text) : NULL;
}

static gboolean
is_anonymous (KhIntakeForm *self)
{
  return gtk_switch_get_active (self->anonymous_switch);
}

static gboolean
is_new_person (KhIntakeForm *self)
{
  return !is_anonymous (self)
         && g_strcmp0 (gtk_stack_get_visible_child_name (self->who_stack), "new") == 0;
}

static gboolean
referral_applies (KhIntakeForm *self)
{
  KhChannel channel = get_channel (self);

  return !is_anonymous (self)
         && (get_contactor (self) == KH_CONTACTOR_AUTHORITY
             || channel == KH_CHANNEL_AUTHORITY || channel == KH_CHANNEL_KELA);
}

static char *
format_time (GDateTime *time)
{
  g_autofree char *date = NULL;
  g_autofree char *clock = NULL;
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, g_date_time_get_day_of_month (time),
                  g_date_time_get_month (time), g_date_time_get_year (time));
  date = kh_date_format (&day);
  /* Translators: the time of day in the received field; Finnish and Swedish
   * write "14.30" (%H.%M). The form accepts both "." and ":". */
  clock = g_date_time_format (time, C_("time of day", "%H:%M"));
  return g_strdup_printf ("%s %s", date, clock);
}

/* "2.4.2026 14.30", "2.4.2026 14:30", "2026-04-02 9.05". */
static GDateTime *
parse_received (const char *text)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *clean = kh_text_clean (text);
  GDate day;
  guint hour, minute;
  char sep;
  int consumed = 0;

  if (clean == NULL)
    return NULL;
  parts = g_strsplit (clean, " ", -1);
  if (g_strv_length (parts) != 2)
    return NULL;
  g_date_clear (&day, 1);
  if (!kh_date_parse (parts[0], &day))
    return NULL;
  if (sscanf (parts[1], "%2u%c%2u%n", &hour, &sep, &minute, &consumed) != 3
      || parts[1][consumed] != '\0' || (sep != '.' && sep != ':')
      || hour > 23 || minute > 59)
    return NULL;

  return g_date_time_new_local (g_date_get_year (&day), g_date_get_month (&day),
                                g_date_get_day (&day), hour, minute, 0);
}

/* The person's birth date, from the chosen person or the new-person fields. */
static gboolean
get_birth_date (KhIntakeForm *self,
                GDate        *out)
{
  g_date_clear (out, 1);
  if (is_anonymous (self))
    return FALSE;
  if (is_new_person (self))
    return kh_person_fields_get_birth_date (self->person_fields, out);
  if (self->client != NULL && self->client->birth_date != NULL)
    return kh_date_from_iso (self->client->birth_date, out);
  return FALSE;
}

static void
get_contact_day (KhIntakeForm *self,
                 GDate        *out)
{
  g_autoptr(GDateTime) received = parse_received (gtk_editable_get_text (GTK_EDITABLE (self->received_row)));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDateTime *when = received != NULL ? received : now;

  g_date_clear (out, 1);
  g_date_set_dmy (out, g_date_time_get_day_of_month (when),
                  g_date_time_get_month (when), g_date_time_get_year (when));
}

static guint
get_deadline_groups (KhIntakeForm *self)
{
  guint groups = 0;

  if (gtk_check_button_get_active (self->over_75_check))
    groups |= KH_DEADLINE_GROUP_OVER_75;
  if (gtk_check_button_get_active (self->care_allowance_check))
    groups |= KH_DEADLINE_GROUP_HIGHEST_CARE_ALLOWANCE;
  if (gtk_check_button_get_active (self->disabled_check))
    groups |= KH_DEADLINE_GROUP_DISABLED;
  return groups;
}

/* ---- keeping the form consistent ---- */

static void
update_deadline (KhIntakeForm *self)
{
  KhCalendar *calendar = kh_store_get_calendar (self->store);
  GDate day, birth, deadline;
  gboolean has_birth;
  guint derived;

  get_contact_day (self, &day);
  has_birth = get_birth_date (self, &birth);

  /* Over 75 follows from the birth date; the check shows it and cannot be
   * unticked then, so that the rule is never overridden by a slip. */
  derived = kh_deadline_effective_groups (0, has_birth ? &birth : NULL, &day);
  if (derived & KH_DEADLINE_GROUP_OVER_75)
    {
      gtk_check_button_set_active (self->over_75_check, TRUE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->over_75_row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->over_75_row), _("From the birth date"));
    }
  else
    {
      if (!gtk_widget_get_sensitive (GTK_WIDGET (self->over_75_row)))
        gtk_check_button_set_active (self->over_75_check, FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->over_75_row), TRUE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->over_75_row), NULL);
    }

  g_date_clear (&deadline, 1);
  if (calendar != NULL
      && kh_deadline_assessment_start (calendar, &day,
                                       kh_deadline_contactor_seeks_services (get_contactor (self)),
                                       get_deadline_groups (self),
                                       has_birth ? &birth : NULL, &deadline))
    {
      g_autofree char *date = kh_date_format (&deadline);
      g_autofree char *title = NULL;

      /* Translators: %s is a date; SHL 36 § sets the 7th working day. */
      title = g_strdup_printf (_("Service-need assessment must start by %s (7th working day)"), date);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->deadline_row), title);
      gtk_widget_remove_css_class (GTK_WIDGET (self->deadline_row), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->deadline_icon), "warning");
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->deadline_row),
                                     _("No statutory start deadline applies"));
      gtk_widget_add_css_class (GTK_WIDGET (self->deadline_row), "dim-label");
      gtk_widget_remove_css_class (GTK_WIDGET (self->deadline_icon), "warning");
    }
}

static void
update_form (KhIntakeForm *self)
{
  gboolean anonymous = is_anonymous (self);
  KhContactor contactor = get_contactor (self);
  KhOutcome outcome = get_outcome (self);
  gboolean has_service = outcome == KH_OUTCOME_DIRECTED || outcome == KH_OUTCOME_URGENT;
  gboolean case_opened = outcome == KH_OUTCOME_CASE_OPENED;

  gtk_widget_set_visible (GTK_WIDGET (self->who_stack), !anonymous);
  gtk_widget_set_visible (GTK_WIDGET (self->anonymous_label), anonymous);
  /* Anonymity is the alternative to finding someone: once a person is
   * chosen or being added, the switch has nothing to offer. */
  gtk_widget_set_visible (GTK_WIDGET (self->anonymous_list),
                          anonymous || g_strcmp0 (gtk_stack_get_visible_child_name (self->who_stack), "search") == 0);
  /* A new person's own fields give the language of service. */
  gtk_widget_set_visible (GTK_WIDGET (self->language_group), !is_new_person (self));
  gtk_widget_set_visible (GTK_WIDGET (self->contactor_row), !anonymous);
  gtk_widget_set_visible (GTK_WIDGET (self->contactor_detail_row),
                          !anonymous && (contactor == KH_CONTACTOR_AUTHORITY
                                         || contactor == KH_CONTACTOR_OTHER));
  gtk_widget_set_visible (GTK_WIDGET (self->referral_row), referral_applies (self));
  gtk_widget_set_visible (GTK_WIDGET (self->reason_text_box), !anonymous);
  gtk_widget_set_visible (GTK_WIDGET (self->urgent_note_row),
                          !anonymous && gtk_switch_get_active (self->urgent_switch));
  gtk_widget_set_visible (GTK_WIDGET (self->note_group), !anonymous);

  /* An anonymous contact may only get advice or be directed elsewhere. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->outcome_case_row), !anonymous);
  gtk_widget_set_sensitive (GTK_WIDGET (self->outcome_urgent_row), !anonymous);

  gtk_widget_set_visible (GTK_WIDGET (self->outcome_detail_group), has_service);
  gtk_widget_set_visible (GTK_WIDGET (self->service_row), has_service);
  gtk_widget_set_visible (GTK_WIDGET (self->deadline_group), case_opened);
  gtk_widget_set_visible (GTK_WIDGET (self->assign_group), case_opened);

  /* Messages about fields that are now hidden would point at nothing. */
  if (!gtk_widget_get_visible (GTK_WIDGET (self->contactor_detail_row)))
    kh_field_message_set (GTK_WIDGET (self->contactor_detail_row), NULL);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->referral_row)))
    kh_field_message_set (GTK_WIDGET (self->referral_row), NULL);
  if (!has_service)
    kh_field_message_set (GTK_WIDGET (self->service_row), NULL);
  if (anonymous)
    set_who_message (self, NULL);

  update_deadline (self);
}

static void
field_changed_cb (GtkWidget    *widget,
                  KhIntakeForm *self)
{
  kh_field_message_set (widget, NULL);
  update_form (self);
}

/* A need ticked or the free text edited: either answers "why". */
static void
reasons_changed_cb (GObject      *object,
                    KhIntakeForm *self)
{
  kh_field_message_set (GTK_WIDGET (self->needs_grid), NULL);
}

static void
choice_changed_cb (GObject      *object,
                   GParamSpec   *pspec,
                   KhIntakeForm *self)
{
  kh_field_message_set (GTK_WIDGET (object), NULL);
  update_form (self);
}

static void
outcome_toggled_cb (GtkCheckButton *check,
                    KhIntakeForm   *self)
{
  KhService *service;

  if (!gtk_check_button_get_active (check))
    return;
  kh_field_message_set (GTK_WIDGET (self->outcome_urgent_row), NULL);

  /* Urgent help goes to the social emergency service unless told otherwise:
   * the entry the directory flags as such (SHL 29 §), never one found by
   * its name. */
  if (check == self->outcome_urgent_check)
    gtk_switch_set_active (self->urgent_switch, TRUE);
  service = get_service (self);
  if (check == self->outcome_urgent_check && service == NULL && self->services != NULL)
    {
      KhService *emergency = kh_service_find_social_emergency (self->services);
      guint position;

      if (emergency != NULL && g_ptr_array_find (self->services, emergency, &position))
        adw_combo_row_set_selected (self->service_row, position + 1);
    }
  update_form (self);
}

static void
channel_changed_cb (GObject      *object,
                    GParamSpec   *pspec,
                    KhIntakeForm *self)
{
  KhChannel channel = get_channel (self);
  gboolean kela = channel == KH_CHANNEL_KELA;

  /* A notification from an authority is made by an authority, most likely;
   * a Kela notification always is, by Kela (the store refuses anything
   * else), so that the contactor stays fixed while the channel is Kela. */
  if (!self->resetting
      && (kela || (channel == KH_CHANNEL_AUTHORITY && get_contactor (self) == KH_CONTACTOR_SELF)))
    {
      for (guint i = 0; i < G_N_ELEMENTS (contactors); i++)
        if (contactors[i] == KH_CONTACTOR_AUTHORITY)
          adw_combo_row_set_selected (self->contactor_row, i);
      if (kela && gtk_editable_get_text (GTK_EDITABLE (self->contactor_detail_row))[0] == '\0')
        gtk_editable_set_text (GTK_EDITABLE (self->contactor_detail_row), "Kela");
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->contactor_row), !kela);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->contactor_row),
                               kela ? _("A Kela notification comes from an authority.") : NULL);
  choice_changed_cb (object, pspec, self);
}

/* Anonymity, urgency and interpreter: each changes what the form shows. */
static void
switch_changed_cb (GObject      *object,
                      GParamSpec   *pspec,
                      KhIntakeForm *self)
{
  update_form (self);
}

/* ---- who: search before create ---- */

/* The message about "who" goes under the search line, the red outline
 * on the entry itself. */
static void
set_who_message (KhIntakeForm *self,
                 const char   *message)
{
  kh_field_message_set (GTK_WIDGET (self->search_box), message);
  gtk_widget_remove_css_class (GTK_WIDGET (self->search_box), "error");
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->search_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->search_entry), "error");
}

static void
clear_results (KhIntakeForm *self)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (self->results_list, 0)) != NULL)
    gtk_list_box_remove (self->results_list, GTK_WIDGET (row));
  gtk_widget_set_visible (GTK_WIDGET (self->results_list), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->search_status_label), FALSE);
}

static char *
dup_client_summary (KhClient *client)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *masked = kh_client_dup_masked_code (client);
  GDate birth;

  if (masked != NULL)
    g_ptr_array_add (parts, g_steal_pointer (&masked));
  g_date_clear (&birth, 1);
  if (client->birth_date != NULL && kh_date_from_iso (client->birth_date, &birth))
    {
      g_autofree char *date = kh_date_format (&birth);

      /* Translators: the birth date in a search result */
      g_ptr_array_add (parts, g_strdup_printf (_("born %s"), date));
    }
  if (client->city != NULL)
    g_ptr_array_add (parts, g_strdup (client->city));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void
choose_client (KhIntakeForm *self,
               KhClient     *client)
{
  g_autofree char *name = kh_client_dup_display_name (client);
  g_autofree char *summary = dup_client_summary (client);

  g_set_object (&self->client, client);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->chosen_row), name);
  adw_action_row_set_subtitle (self->chosen_row, summary);
  gtk_stack_set_visible_child_name (self->who_stack, "chosen");
  set_who_message (self, NULL);

  /* Serve the person in their own language. */
  kh_form_rows_set_language (self->language_row, client->language);
  gtk_switch_set_active (self->interpreter_switch, client->interpreter);
  update_form (self);
}

static void
result_activated_cb (GtkListBox    *list,
                     GtkListBoxRow *row,
                     KhIntakeForm  *self)
{
  KhClient *client = g_object_get_data (G_OBJECT (row), "kh-client");

  if (client == NULL)
    return;
  choose_client (self, client);
  gtk_widget_grab_focus (GTK_WIDGET (self->channel_row));
}

static gboolean
results_keynav_failed_cb (GtkWidget        *widget,
                          GtkDirectionType  direction,
                          KhIntakeForm     *self)
{
  if (direction != GTK_DIR_UP)
    return FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  return TRUE;
}

static void
search_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(KhIntakeForm) self = user_data;
  g_autoptr(GPtrArray) clients = NULL;
  g_autoptr(GError) error = NULL;

  clients = kh_store_search_clients_finish (KH_STORE (object), result, &error);
  if (self->disposed || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  clear_results (self);
  if (error != NULL)
    {
      gtk_label_set_text (self->search_status_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->search_status_label), TRUE);
      return;
    }
  if (clients->len == 0)
    {
      gtk_label_set_text (self->search_status_label,
                          _("No one found. Check the spelling, or add a new person."));
      gtk_widget_set_visible (GTK_WIDGET (self->search_status_label), TRUE);
      return;
    }

  for (guint i = 0; i < clients->len; i++)
    {
      KhClient *client = g_ptr_array_index (clients, i);
      g_autofree char *name = kh_client_dup_display_name (client);
      g_autofree char *summary = dup_client_summary (client);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), summary);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data_full (G_OBJECT (row), "kh-client", g_object_ref (client), g_object_unref);
      gtk_list_box_append (self->results_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->results_list), TRUE);
}

static gboolean
search_timeout_cb (gpointer user_data)
{
  KhIntakeForm *self = user_data;
  g_autofree char *query = kh_text_clean (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

  self->search_timeout_id = 0;
  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);

  if (query == NULL)
    {
      clear_results (self);
      return G_SOURCE_REMOVE;
    }

  self->search_cancellable = g_cancellable_new ();
  kh_store_search_clients_async (self->store, query, SEARCH_LIMIT, self->search_cancellable,
                                 search_done_cb, g_object_ref (self));
  return G_SOURCE_REMOVE;
}

static void
search_changed_cb (GtkEditable  *editable,
                   KhIntakeForm *self)
{
  set_who_message (self, NULL);
  g_clear_handle_id (&self->search_timeout_id, g_source_remove);
  if (self->resetting)
    return;
  self->search_timeout_id = g_timeout_add (SEARCH_DELAY_MS, search_timeout_cb, self);
}

static void
search_activated_cb (GtkSearchEntry *entry,
                     KhIntakeForm   *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->results_list, 0);

  /* Enter picks the best match; with nothing listed it saves as elsewhere. */
  if (first != NULL && gtk_widget_get_visible (GTK_WIDGET (self->results_list)))
    result_activated_cb (self->results_list, first, self);
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "intake.save", NULL);
}

static void
search_stopped_cb (GtkSearchEntry *entry,
                   KhIntakeForm   *self)
{
  if (gtk_editable_get_text (GTK_EDITABLE (entry))[0] != '\0')
    gtk_editable_set_text (GTK_EDITABLE (entry), "");
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "intake.cancel", NULL);
}

static gboolean
search_key_pressed_cb (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       KhIntakeForm          *self)
{
  GtkListBoxRow *first;

  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return FALSE;
  first = gtk_list_box_get_row_at_index (self->results_list, 0);
  if (first == NULL || !gtk_widget_get_visible (GTK_WIDGET (self->results_list)))
    return FALSE;
  /* Through the list's own keyboard focus, so that its cursor follows and
   * Enter activates the row. */
  return gtk_widget_child_focus (GTK_WIDGET (self->results_list), GTK_DIR_TAB_FORWARD);
}

/* Enter on a result picks it. The list box alone leaves Enter to the
 * window's default widget (Save) when it has no selection. */
static gboolean
results_key_pressed_cb (GtkEventControllerKey *controller,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        KhIntakeForm          *self)
{
  GtkWidget *row;

  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return FALSE;
  row = gtk_widget_get_focus_child (GTK_WIDGET (self->results_list));
  if (!GTK_IS_LIST_BOX_ROW (row))
    return FALSE;
  result_activated_cb (self->results_list, GTK_LIST_BOX_ROW (row), self);
  return TRUE;
}

static void
change_clicked_cb (GtkButton    *button,
                   KhIntakeForm *self)
{
  g_clear_object (&self->client);
  gtk_stack_set_visible_child_name (self->who_stack, "search");
  update_form (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
new_person_clicked_cb (GtkButton    *button,
                       KhIntakeForm *self)
{
  g_clear_object (&self->client);
  set_who_message (self, NULL);
  if (!self->prefilled)
    {
      kh_person_fields_prefill (self->person_fields,
                                gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
      self->prefilled = TRUE;
    }
  gtk_stack_set_visible_child_name (self->who_stack, "new");
  update_form (self);
  kh_person_fields_focus_start (self->person_fields);
}

static void
person_fields_changed_cb (KhPersonFields *fields,
                          KhIntakeForm   *self)
{
  update_deadline (self);
}

/* ---- validation ---- */

/* Scrolls so that `widget` shows with some room above it. The viewport
 * follows the focus only while the window is active, so do it here. */
static void
scroll_to_widget (KhIntakeForm *self,
                  GtkWidget    *widget)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  GtkWidget *viewport = gtk_scrolled_window_get_child (self->scroller);
  GtkWidget *content = GTK_IS_VIEWPORT (viewport) ? gtk_viewport_get_child (GTK_VIEWPORT (viewport)) : NULL;
  graphene_rect_t bounds;
  double value, page;

  if (content == NULL || !gtk_widget_compute_bounds (widget, content, &bounds))
    return;
  value = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  if (bounds.origin.y >= value && bounds.origin.y + bounds.size.height <= value + page)
    return;
  gtk_adjustment_set_value (adjustment, MAX (0, bounds.origin.y - 60));
}

static gboolean
validate (KhIntakeForm *self)
{
  GtkWidget *first_bad = NULL;
  gboolean anonymous = is_anonymous (self);
  KhOutcome outcome = get_outcome (self);
  g_autoptr(GDateTime) received = NULL;
  g_autofree char *reason_text = NULL;
  gboolean person_ok = TRUE;

#define CHECK(widget, message) G_STMT_START {                   \
    const char *msg_ = (message);                               \
    kh_field_message_set (GTK_WIDGET (widget), msg_);           \
    if (msg_ != NULL && first_bad == NULL)                      \
      first_bad = GTK_WIDGET (widget);                          \
  } G_STMT_END

  /* Who. */
  if (!anonymous && is_new_person (self))
    person_ok = kh_person_fields_validate (self->person_fields);
  else
    {
      const char *message = !anonymous && self->client == NULL
        ? _("Find the person, add a new person, or mark the contact anonymous.") : NULL;

      set_who_message (self, message);
      if (message != NULL && first_bad == NULL)
        first_bad = GTK_WIDGET (self->search_entry);
    }

  /* Contact. */
  received = parse_received (gtk_editable_get_text (GTK_EDITABLE (self->received_row)));
  if (received == NULL)
    CHECK (self->received_row, _("Write the date and time as 2.4.2026 14.30."));
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      CHECK (self->received_row,
             g_date_time_difference (received, now) > FUTURE_TOLERANCE_SECONDS * G_TIME_SPAN_SECOND
             ? _("The contact cannot have been received in the future.") : NULL);
    }
  CHECK (self->channel_row, get_channel (self) == 0 ? _("Choose how the contact came in.") : NULL);
  if (gtk_widget_get_visible (GTK_WIDGET (self->contactor_detail_row)))
    {
      g_autofree char *detail = kh_form_rows_dup_text (self->contactor_detail_row);

      CHECK (self->contactor_detail_row,
             detail == NULL && get_contactor (self) == KH_CONTACTOR_AUTHORITY
             ? _("Name the authority, for example the health centre or the police.") : NULL);
    }
  if (referral_applies (self))
    CHECK (self->referral_row, get_referral (self) == KH_REFERRAL_NONE
           ? _("Choose which kind of contact the authority made.") : NULL);

  /* Reasons: statistics need a topic even for an anonymous contact. */
  reason_text = anonymous ? NULL : dup_reason_text (self);
  CHECK (self->needs_grid, get_needs (self) == 0 && reason_text == NULL
         ? (anonymous ? _("Choose at least one reason.")
                      : _("Choose at least one reason, or describe it in the person's own words."))
         : NULL);

  /* Outcome. */
  if (outcome == 0)
    CHECK (self->outcome_urgent_row, _("Choose the outcome."));
  else if (anonymous && !kh_outcome_allows_anonymous (outcome))
    CHECK (self->outcome_urgent_row,
           _("An anonymous contact can only get advice or be directed to another service."));
  else
    CHECK (self->outcome_urgent_row, NULL);
  if ((outcome == KH_OUTCOME_DIRECTED || outcome == KH_OUTCOME_URGENT) && self->services_failed)
    CHECK (self->service_row,
           _("The directory of services could not be loaded. Try again, or choose another outcome."));
  else if (outcome == KH_OUTCOME_DIRECTED || outcome == KH_OUTCOME_URGENT)
    CHECK (self->service_row, get_service (self) == NULL
           ? _("Choose the service the person was directed to.") : NULL);

#undef CHECK

  if (!person_ok)
    {
      /* The person fields focused their first bad field. */
      GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));

      if (focus != NULL)
        scroll_to_widget (self, focus);
      return FALSE;
    }

  if (first_bad != NULL)
    {
      if (first_bad == GTK_WIDGET (self->needs_grid))
        first_bad = GTK_WIDGET (self->need_checks[0]);
      else if (first_bad == GTK_WIDGET (self->outcome_urgent_row))
        first_bad = GTK_WIDGET (self->outcome_advice_check);
      gtk_widget_grab_focus (first_bad);
      scroll_to_widget (self, first_bad);
      return FALSE;
    }
  return TRUE;
}

/* ---- saving ---- */

static void
set_saving (KhIntakeForm *self,
            gboolean      saving)
{
  self->saving = saving;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "intake.save", !saving);
  gtk_label_set_text (self->status_label, saving ? _("Saving…") : "");
  /* After the callback that ended the save has reset the form or shown
   * why it was refused. */
  if (!saving && self->pending_discard != NULL && self->pending_discard_id == 0)
    self->pending_discard_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, pending_discard_cb,
                                                g_object_ref (self), g_object_unref);
}

static void
show_general_error (KhIntakeForm *self,
                    const char   *message)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);

  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
}

static KhIntake *
build_intake (KhIntakeForm *self)
{
  KhIntake *intake = g_new0 (KhIntake, 1);
  KhContact *contact = kh_contact_new ();
  gboolean anonymous = is_anonymous (self);
  KhService *service = get_service (self);
  KhOutcome outcome = get_outcome (self);

  contact->received_at = parse_received (gtk_editable_get_text (GTK_EDITABLE (self->received_row)));
  contact->channel = get_channel (self);
  contact->needs = get_needs (self);
  contact->urgent = gtk_switch_get_active (self->urgent_switch);
  contact->language = kh_form_rows_get_language (self->language_row);
  contact->interpreter = gtk_switch_get_active (self->interpreter_switch);
  contact->outcome = outcome;
  contact->anonymous = anonymous;
  if (service != NULL && (outcome == KH_OUTCOME_DIRECTED || outcome == KH_OUTCOME_URGENT))
    contact->service_id = service->id;

  if (anonymous)
    {
      /* Only what statistics need: no person, no free text, no notes. */
      contact->contactor = KH_CONTACTOR_ANONYMOUS;
      contact->referral = KH_REFERRAL_NONE;
    }
  else
    {
      contact->contactor = get_contactor (self);
      if (gtk_widget_get_visible (GTK_WIDGET (self->contactor_detail_row)))
        contact->contactor_detail = kh_form_rows_dup_text (self->contactor_detail_row);
      contact->referral = referral_applies (self) ? get_referral (self) : KH_REFERRAL_NONE;
      contact->reason_text = dup_reason_text (self);
      if (contact->urgent)
        contact->urgent_note = kh_form_rows_dup_text (self->urgent_note_row);
      contact->outcome_note = kh_form_rows_dup_text (self->outcome_note_row);

      if (is_new_person (self))
        {
          intake->client = kh_person_fields_dup_client (self->person_fields);
          contact->language = intake->client->language;
          contact->interpreter = intake->client->interpreter;
        }
      else if (self->client != NULL)
        {
          intake->client = kh_client_copy (self->client);
          contact->client_id = self->client->id;
        }
    }

  intake->contact = contact;
  if (outcome == KH_OUTCOME_CASE_OPENED)
    {
      intake->deadline_groups = get_deadline_groups (self);
      intake->assign_to = get_assign_to (self);
    }
  return intake;
}

static void
free_intake (KhIntake *intake)
{
  g_clear_object (&intake->contact);
  g_clear_object (&intake->client);
  g_free (intake);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KhIntake, free_intake)

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(KhIntakeForm) self = user_data;
  g_autoptr(KhIntakeResult) saved = NULL;
  g_autoptr(GError) error = NULL;

  saved = kh_store_save_intake_finish (KH_STORE (object), result, &error);
  /* The window closed while the store was writing: the save went through
   * or not as a whole, and there is no form left to show it in. */
  if (self->disposed)
    return;
  set_saving (self, FALSE);

  if (saved == NULL)
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, KH_STORE_ERROR, KH_STORE_ERROR_DUPLICATE_CODE)
          && is_new_person (self))
        {
          kh_person_fields_show_store_error (self->person_fields, error);
          return;
        }
      /* Translators: %s says why the store refused */
      message = g_strdup_printf (_("The contact was not saved: %s"), error->message);
      show_general_error (self, message);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, saved);
  kh_intake_form_reset (self);
}

static void
save_intake (KhIntakeForm *self)
{
  g_autoptr(KhIntake) intake = build_intake (self);

  set_saving (self, TRUE);
  /* Not cancellable: once asked, a save completes or fails as a whole. */
  kh_store_save_intake_async (self->store, intake, NULL, save_done_cb, g_object_ref (self));
}

static void
duplicate_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       gpointer          user_data)
{
  g_autoptr(KhIntakeForm) self = user_data;
  KhClient *existing = g_object_get_data (G_OBJECT (dialog), "kh-client");

  if (self->disposed)
    return;
  if (g_strcmp0 (response, "use") == 0 && existing != NULL)
    {
      choose_client (self, existing);
      save_intake (self);
    }
  else if (g_strcmp0 (response, "new") == 0)
    save_intake (self);
  else
    {
      set_saving (self, FALSE);
      kh_person_fields_focus_start (self->person_fields);
    }
}

static void
similar_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(KhIntakeForm) self = user_data;
  g_autoptr(GPtrArray) similar = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *body = NULL;
  KhClient *existing;
  GtkWidget *dialog;

  similar = kh_store_find_similar_clients_finish (KH_STORE (object), result, &error);
  if (self->disposed || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL)
    {
      set_saving (self, FALSE);
      show_general_error (self, error->message);
      return;
    }
  if (similar->len == 0)
    {
      save_intake (self);
      return;
    }

  /* No window to ask in: the form was taken out of it meanwhile. */
  if (!GTK_IS_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))))
    {
      set_saving (self, FALSE);
      return;
    }

  existing = g_ptr_array_index (similar, 0);
  name = kh_client_dup_display_name (existing);
  summary = dup_client_summary (existing);
  body = g_strdup_printf ("%s\n%s", name, summary);

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("A person with the same name and birth date exists"),
                                   body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "new", _("Create _New Anyway"),
                                    "use", _("_Use Existing Person"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "use",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "use");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "kh-client", g_object_ref (existing), g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (duplicate_response_cb), g_object_ref (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KhIntakeForm *self = KH_INTAKE_FORM (widget);

  if (self->saving)
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  if (!validate (self))
    return;

  if (is_new_person (self))
    {
      g_autoptr(KhClient) client = kh_person_fields_dup_client (self->person_fields);

      /* The same name and birth date is most likely the same person. */
      set_saving (self, TRUE);
      kh_store_find_similar_clients_async (self->store, client->last_name, client->first_names,
                                           client->birth_date, 0, self->cancellable,
                                           similar_done_cb, g_object_ref (self));
      return;
    }
  save_intake (self);
}

/* Has the receptionist entered anything that cancelling would throw away? */
static gboolean
has_content (KhIntakeForm *self)
{
  g_autofree char *search = kh_text_clean (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  g_autofree char *reason = dup_reason_text (self);
  g_autofree char *detail = kh_form_rows_dup_text (self->contactor_detail_row);
  g_autofree char *urgent_note = kh_form_rows_dup_text (self->urgent_note_row);
  g_autofree char *outcome_note = kh_form_rows_dup_text (self->outcome_note_row);

  return search != NULL || reason != NULL || detail != NULL
         || urgent_note != NULL || outcome_note != NULL
         || self->client != NULL || is_new_person (self) || is_anonymous (self)
         || get_channel (self) != 0 || get_needs (self) != 0 || get_outcome (self) != 0
         || gtk_switch_get_active (self->urgent_switch);
}

/* A question "Discard This Contact?" on its way: from Cancel (no
 * callback) or from kh_intake_form_ask_discard. */
typedef struct {
  KhIntakeForm      *form;       /* owned */
  KhDiscardCallback  callback;
  gpointer           user_data;
} DiscardAsk;

/* `discard` answers the question; `lost` says whether there was work to
 * throw away (then the form is reset and "cancelled" emitted). */
static void
discard_ask_answer (DiscardAsk *ask,
                    gboolean    discard,
                    gboolean    lost)
{
  KhIntakeForm *self = ask->form;

  self->asking = FALSE;
  if (discard && lost && !self->disposed)
    {
      kh_intake_form_reset (self);
      g_signal_emit (self, signals[CANCELLED], 0);
    }
  if (ask->callback != NULL)
    ask->callback (discard, ask->user_data);
  g_object_unref (ask->form);
  g_free (ask);
}

static void
discard_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  discard_ask_answer (user_data, g_strcmp0 (response, "discard") == 0, TRUE);
}

static void
present_discard_dialog (KhIntakeForm *self,
                        GtkWindow    *parent,
                        DiscardAsk   *ask)
{
  GtkWidget *dialog;

  self->asking = TRUE;
  /* Nothing typed is lost without asking. */
  dialog = adw_message_dialog_new (parent,
                                   _("Discard This Contact?"),
                                   _("What you have written in the form will be lost."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect (dialog, "response", G_CALLBACK (discard_response_cb), ask);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KhIntakeForm *self = KH_INTAKE_FORM (widget);
  DiscardAsk *ask;

  if (self->saving)
    return;
  if (!has_content (self))
    {
      kh_intake_form_reset (self);
      g_signal_emit (self, signals[CANCELLED], 0);
      return;
    }

  ask = g_new0 (DiscardAsk, 1);
  ask->form = g_object_ref (self);
  present_discard_dialog (self, GTK_WINDOW (gtk_widget_get_root (widget)), ask);
}

/* A save finished while the window waited to ask: saved means nothing is
 * left to lose; refused means the form still holds it all, so ask. */
static gboolean
pending_discard_cb (gpointer user_data)
{
  KhIntakeForm *self = user_data;
  DiscardAsk *ask = g_steal_pointer (&self->pending_discard);
  g_autoptr(GtkWindow) parent = g_steal_pointer (&self->pending_parent);

  self->pending_discard_id = 0;
  if (ask == NULL)
    return G_SOURCE_REMOVE;
  if (self->disposed || !has_content (self))
    discard_ask_answer (ask, TRUE, FALSE);
  else
    present_discard_dialog (self, parent, ask);
  return G_SOURCE_REMOVE;
}

/* ---- services ---- */

static void
services_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(KhIntakeForm) self = user_data;
  g_autoptr(GPtrArray) services = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) names = NULL;
  const char *language = kh_form_rows_ui_language ();

  services = kh_store_list_services_finish (KH_STORE (object), result, &error);
  if (self->disposed)
    return;
  self->services_loading = FALSE;
  if (services == NULL)
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* Said at the row, where the service would be chosen, with a way to
       * try again: a database that was busy a moment ago may not be now. */
      self->services_failed = TRUE;
      /* Translators: %s says why the directory of services could not be read */
      message = g_strdup_printf (_("Could not load the services: %s"), error->message);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->service_row), message);
      gtk_widget_set_visible (self->services_retry, TRUE);
      return;
    }

  self->services_failed = FALSE;
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->service_row), NULL);
  gtk_widget_set_visible (self->services_retry, FALSE);
  kh_field_message_set (GTK_WIDGET (self->service_row), NULL);

  names = gtk_string_list_new (NULL);
  gtk_string_list_append (names, _("Choose a service"));
  for (guint i = 0; i < services->len; i++)
    gtk_string_list_append (names, kh_service_get_name (g_ptr_array_index (services, i), language));

  g_clear_pointer (&self->services, g_ptr_array_unref);
  self->services = g_steal_pointer (&services);
  self->resetting = TRUE;
  adw_combo_row_set_model (self->service_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->service_row, 0);
  self->resetting = FALSE;
}

static void
load_services (KhIntakeForm *self)
{
  if (self->services_loading)
    return;
  self->services_loading = TRUE;
  kh_store_list_services_async (self->store, self->cancellable, services_done_cb, g_object_ref (self));
}

static void
services_retry_clicked_cb (GtkButton    *button,
                           KhIntakeForm *self)
{
  load_services (self);
}

/* ---- workers to assign a case to ---- */

static gboolean
can_take_cases (KhUser *user)
{
  return user->active
         && (user->role == KH_ROLE_COUNSELLOR || user->role == KH_ROLE_SOCIAL_WORKER
             || user->role == KH_ROLE_LEAD);
}

static void
users_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(KhIntakeForm) self = user_data;
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) names = NULL;
  g_autoptr(GPtrArray) workers = NULL;
  gint64 chosen;
  guint selected = 0;

  users = kh_store_list_users_finish (KH_STORE (object), result, &error);
  if (self->disposed)
    return;
  self->workers_loading = FALSE;
  if (users == NULL)
    {
      /* The queue is always there to fall back on: say why no one else is. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_action_row_set_subtitle (ADW_ACTION_ROW (self->assign_row), error->message);
      return;
    }

  workers = g_ptr_array_new_with_free_func (g_object_unref);
  names = gtk_string_list_new (NULL);
  gtk_string_list_append (names, _("Team queue (not assigned)"));
  chosen = get_assign_to (self);
  for (guint i = 0; i < users->len; i++)
    {
      KhUser *user = g_ptr_array_index (users, i);

      if (!can_take_cases (user))
        continue;
      g_ptr_array_add (workers, g_object_ref (user));
      gtk_string_list_append (names, user->display_name != NULL ? user->display_name : user->account);
      if (user->id == chosen)
        selected = workers->len;
    }

  g_clear_pointer (&self->workers, g_ptr_array_unref);
  self->workers = g_steal_pointer (&workers);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->assign_row), NULL);
  adw_combo_row_set_model (self->assign_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->assign_row, selected);
}

/* Workers come and go: the list is read again whenever the form is shown. */
static void
load_workers (KhIntakeForm *self)
{
  if (self->workers_loading)
    return;
  self->workers_loading = TRUE;
  kh_store_list_users_async (self->store, self->cancellable, users_done_cb, g_object_ref (self));
}

/* ---- the widget ---- */

static void
form_mapped_cb (GtkWidget    *widget,
                KhIntakeForm *self)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  /* Enter in any field saves: Save is the window's default while shown. */
  if (GTK_IS_WINDOW (root))
    gtk_window_set_default_widget (GTK_WINDOW (root), GTK_WIDGET (self->save_button));
  /* Each new contact tries again a directory that could not be read. */
  if (self->services_failed)
    load_services (self);
  load_workers (self);
}

static void
form_unmapped_cb (GtkWidget    *widget,
                  KhIntakeForm *self)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (GTK_IS_WINDOW (root)
      && gtk_window_get_default_widget (GTK_WINDOW (root)) == GTK_WIDGET (self->save_button))
    gtk_window_set_default_widget (GTK_WINDOW (root), NULL);
}

static GtkStringList *
new_string_list (const char *first,
                 ...)
{
  GtkStringList *list = gtk_string_list_new (NULL);
  va_list args;

  va_start (args, first);
  for (const char *s = first; s != NULL; s = va_arg (args, const char *))
    gtk_string_list_append (list, s);
  va_end (args);
  return list;
}

static void
setup_choices (KhIntakeForm *self)
{
  g_autoptr(GtkStringList) channels = new_string_list (_("Choose the channel"), NULL);
  g_autoptr(GtkStringList) contactor_labels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) referrals = new_string_list (_("Choose the kind"), NULL);
  g_autoptr(GtkStringList) service_labels = new_string_list (_("Choose a service"), NULL);
  g_autoptr(GtkStringList) assign_labels = new_string_list (_("Team queue (not assigned)"), NULL);

  for (KhChannel c = KH_CHANNEL_FIRST; c <= KH_CHANNEL_LAST; c++)
    gtk_string_list_append (channels, kh_channel_label (c));
  adw_combo_row_set_model (self->channel_row, G_LIST_MODEL (channels));

  for (guint i = 0; i < G_N_ELEMENTS (contactors); i++)
    gtk_string_list_append (contactor_labels, kh_contactor_label (contactors[i]));
  adw_combo_row_set_model (self->contactor_row, G_LIST_MODEL (contactor_labels));

  for (KhReferral r = KH_REFERRAL_DIRECTED; r <= KH_REFERRAL_LAST; r++)
    gtk_string_list_append (referrals, kh_referral_label (r));
  adw_combo_row_set_model (self->referral_row, G_LIST_MODEL (referrals));

  kh_form_rows_setup_language (self->language_row);

  adw_combo_row_set_model (self->service_row, G_LIST_MODEL (service_labels));
  adw_combo_row_set_model (self->assign_row, G_LIST_MODEL (assign_labels));

  kh_form_rows_show_whole_choices (self->channel_row);
  kh_form_rows_show_whole_choices (self->contactor_row);
  kh_form_rows_show_whole_choices (self->referral_row);
  kh_form_rows_show_whole_choices (self->service_row);
  kh_form_rows_show_whole_choices (self->assign_row);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->outcome_advice_row),
                                 kh_outcome_label (KH_OUTCOME_ADVICE));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->outcome_directed_row),
                                 kh_outcome_label (KH_OUTCOME_DIRECTED));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->outcome_case_row),
                                 kh_outcome_label (KH_OUTCOME_CASE_OPENED));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->outcome_urgent_row),
                                 kh_outcome_label (KH_OUTCOME_URGENT));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->over_75_row),
                                 kh_deadline_group_label (KH_DEADLINE_GROUP_OVER_75));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->care_allowance_row),
                                 kh_deadline_group_label (KH_DEADLINE_GROUP_HIGHEST_CARE_ALLOWANCE));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->disabled_row),
                                 kh_deadline_group_label (KH_DEADLINE_GROUP_DISABLED));

  for (guint i = 0; i < KH_N_NEEDS; i++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (kh_need_label (1u << i));
      GtkWidget *label = gtk_widget_get_last_child (check);

      /* Long need names wrap instead of widening the form. */
      if (GTK_IS_LABEL (label))
        {
          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_label_set_xalign (GTK_LABEL (label), 0.0);
        }
      gtk_widget_set_hexpand (check, TRUE);
      self->need_checks[i] = GTK_CHECK_BUTTON (check);
      g_signal_connect (check, "toggled", G_CALLBACK (reasons_changed_cb), self);
      gtk_grid_attach (self->needs_grid, check, i % 2, i / 2, 1, 1);
    }
}

static void
kh_intake_form_constructed (GObject *object)
{
  KhIntakeForm *self = KH_INTAKE_FORM (object);

  G_OBJECT_CLASS (kh_intake_form_parent_class)->constructed (object);

  g_return_if_fail (KH_IS_STORE (self->store));

  load_services (self);
  load_workers (self);
  kh_intake_form_reset (self);
}

static void
kh_intake_form_dispose (GObject *object)
{
  KhIntakeForm *self = KH_INTAKE_FORM (object);

  self->disposed = TRUE;
  g_clear_handle_id (&self->search_timeout_id, g_source_remove);
  g_clear_handle_id (&self->pending_discard_id, g_source_remove);
  if (self->pending_discard != NULL)
    discard_ask_answer (g_steal_pointer (&self->pending_discard), TRUE, FALSE);
  g_clear_object (&self->pending_parent);
  g_cancellable_cancel (self->search_cancellable);
  g_cancellable_cancel (self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), KH_TYPE_INTAKE_FORM);

  g_clear_object (&self->search_cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->store);
  g_clear_pointer (&self->services, g_ptr_array_unref);
  g_clear_pointer (&self->workers, g_ptr_array_unref);

  G_OBJECT_CLASS (kh_intake_form_parent_class)->dispose (object);
}

static void
kh_intake_form_class_init (KhIntakeFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = kh_intake_form_constructed;
  object_class->dispose = kh_intake_form_dispose;
  kh_store_property_install (object_class, G_STRUCT_OFFSET (KhIntakeForm, store));

  signals[SAVED] = g_signal_new ("saved",
                                 G_TYPE_FROM_CLASS (klass),
                                 G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, G_TYPE_POINTER);
  signals[CANCELLED] = g_signal_new ("cancelled",
                                     G_TYPE_FROM_CLASS (klass),
                                     G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL,
                                     G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/intake/kh-intake-form.ui");
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, anonymous_label);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, anonymous_list);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, anonymous_switch);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, assign_group);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, assign_row);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, care_allowance_check);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, care_allowance_row);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, change_button);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, channel_row);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, chosen_row);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, contactor_detail_row);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, contactor_row);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, deadline_icon);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, deadline_group);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, deadline_row);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, disabled_check);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, disabled_row);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, error_label);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, interpreter_switch);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, language_group);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, language_row);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, needs_grid);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, new_person_button);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, note_group);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, outcome_advice_check);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, outcome_advice_row);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, outcome_case_check);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, outcome_case_row);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, outcome_directed_check);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, outcome_directed_row);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, outcome_detail_group);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, outcome_note_row);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, outcome_urgent_check);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, outcome_urgent_row);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, over_75_check);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, over_75_row);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, person_fields);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, reason_text_box);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, reason_view);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, received_row);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, referral_row);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, results_list);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, save_button);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, scroller);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, search_box);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, search_entry);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, search_instead_button);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, search_status_label);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, service_row);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, status_label);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, urgent_note_row);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, urgent_row);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, urgent_switch);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, who_stack);

  gtk_widget_class_install_action (widget_class, "intake.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "intake.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "intake.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "intake.cancel", NULL);

  g_type_ensure (KH_TYPE_PERSON_FIELDS);
}

static void
kh_intake_form_init (KhIntakeForm *self)
{
  GtkEventController *keys;

  kh_field_message_ensure_style ();
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  setup_choices (self);

  self->services_retry = gtk_button_new_with_mnemonic (_("_Try Again"));
  gtk_widget_set_name (self->services_retry, "kh-services-retry");
  gtk_widget_set_valign (self->services_retry, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (self->services_retry, FALSE);
  g_signal_connect (self->services_retry, "clicked", G_CALLBACK (services_retry_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->service_row), self->services_retry);

  g_signal_connect (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect (self->search_entry, "activate", G_CALLBACK (search_activated_cb), self);
  g_signal_connect (self->search_entry, "stop-search", G_CALLBACK (search_stopped_cb), self);
  keys = gtk_event_controller_key_new ();
  /* Before the entry's text takes the arrow keys for itself. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (search_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
  g_signal_connect (self->results_list, "row-activated", G_CALLBACK (result_activated_cb), self);
  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (results_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->results_list), keys);
  g_signal_connect (self->results_list, "keynav-failed", G_CALLBACK (results_keynav_failed_cb), self);
  g_signal_connect (self->new_person_button, "clicked", G_CALLBACK (new_person_clicked_cb), self);
  g_signal_connect (self->change_button, "clicked", G_CALLBACK (change_clicked_cb), self);
  g_signal_connect (self->search_instead_button, "clicked", G_CALLBACK (change_clicked_cb), self);
  g_signal_connect (self->person_fields, "changed", G_CALLBACK (person_fields_changed_cb), self);

  g_signal_connect (self->anonymous_switch, "notify::active", G_CALLBACK (switch_changed_cb), self);
  g_signal_connect (self->urgent_switch, "notify::active", G_CALLBACK (switch_changed_cb), self);
  g_signal_connect (self->interpreter_switch, "notify::active", G_CALLBACK (switch_changed_cb), self);
  g_signal_connect (self->channel_row, "notify::selected", G_CALLBACK (channel_changed_cb), self);
  g_signal_connect (self->contactor_row, "notify::selected", G_CALLBACK (choice_changed_cb), self);
  g_signal_connect (self->referral_row, "notify::selected", G_CALLBACK (choice_changed_cb), self);
  g_signal_connect (self->language_row, "notify::selected", G_CALLBACK (choice_changed_cb), self);
  g_signal_connect (self->service_row, "notify::selected", G_CALLBACK (choice_changed_cb), self);
  g_signal_connect (self->received_row, "changed", G_CALLBACK (field_changed_cb), self);
  g_signal_connect (self->contactor_detail_row, "changed", G_CALLBACK (field_changed_cb), self);
  g_signal_connect (self->urgent_note_row, "changed", G_CALLBACK (field_changed_cb), self);
  g_signal_connect (self->outcome_note_row, "changed", G_CALLBACK (field_changed_cb), self);
  g_signal_connect (gtk_text_view_get_buffer (self->reason_view), "changed",
                    G_CALLBACK (reasons_changed_cb), self);
  g_signal_connect (self->outcome_advice_check, "toggled", G_CALLBACK (outcome_toggled_cb), self);
  g_signal_connect (self->outcome_directed_check, "toggled", G_CALLBACK (outcome_toggled_cb), self);
  g_signal_connect (self->outcome_case_check, "toggled", G_CALLBACK (outcome_toggled_cb), self);
  g_signal_connect (self->outcome_urgent_check, "toggled", G_CALLBACK (outcome_toggled_cb), self);
  g_signal_connect_swapped (self->over_75_check, "toggled", G_CALLBACK (update_deadline), self);
  g_signal_connect_swapped (self->care_allowance_check, "toggled", G_CALLBACK (update_deadline), self);
  g_signal_connect_swapped (self->disabled_check, "toggled", G_CALLBACK (update_deadline), self);

  kh_field_enter_activates_rows (GTK_WIDGET (self));
  g_signal_connect (self, "map", G_CALLBACK (form_mapped_cb), self);
  g_signal_connect (self, "unmap", G_CALLBACK (form_unmapped_cb), self);
}

GtkWidget *
kh_intake_form_new (KhStore *store)
{
  g_return_val_if_fail (KH_IS_STORE (store), NULL);

  return g_object_new (KH_TYPE_INTAKE_FORM, "store", store, NULL);
}

void
kh_intake_form_reset (KhIntakeForm *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *received = NULL;
  GtkWidget *fields[] = {
    GTK_WIDGET (self->received_row),
    GTK_WIDGET (self->channel_row), GTK_WIDGET (self->contactor_detail_row),
    GTK_WIDGET (self->referral_row), GTK_WIDGET (self->needs_grid),
    GTK_WIDGET (self->outcome_urgent_row), GTK_WIDGET (self->service_row),
  };

  g_return_if_fail (KH_IS_INTAKE_FORM (self));

  self->resetting = TRUE;

  g_clear_handle_id (&self->search_timeout_id, g_source_remove);
  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  g_clear_object (&self->client);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  clear_results (self);
  gtk_stack_set_visible_child_name (self->who_stack, "search");
  kh_person_fields_set_client (self->person_fields, NULL);
  gtk_switch_set_active (self->anonymous_switch, FALSE);

  now = g_date_time_new_now_local ();
  received = format_time (now);
  gtk_editable_set_text (GTK_EDITABLE (self->received_row), received);
  adw_combo_row_set_selected (self->channel_row, 0);
  adw_combo_row_set_selected (self->contactor_row, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->contactor_detail_row), "");
  adw_combo_row_set_selected (self->referral_row, 0);

  for (guint i = 0; i < KH_N_NEEDS; i++)
    gtk_check_button_set_active (self->need_checks[i], FALSE);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->reason_view), "", -1);

  gtk_switch_set_active (self->urgent_switch, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->urgent_note_row), "");
  kh_form_rows_set_language (self->language_row, kh_form_rows_default_language ());
  gtk_switch_set_active (self->interpreter_switch, FALSE);

  /* A radio group cannot be emptied through its members in GTK 4.8 other
   * than by deactivating the active one. */
  gtk_check_button_set_active (self->outcome_advice_check, FALSE);
  gtk_check_button_set_active (self->outcome_directed_check, FALSE);
  gtk_check_button_set_active (self->outcome_case_check, FALSE);
  gtk_check_button_set_active (self->outcome_urgent_check, FALSE);
  adw_combo_row_set_selected (self->service_row, 0);
  adw_combo_row_set_selected (self->assign_row, 0);
  gtk_check_button_set_active (self->over_75_check, FALSE);
  gtk_check_button_set_active (self->care_allowance_check, FALSE);
  gtk_check_button_set_active (self->disabled_check, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->outcome_note_row), "");

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    kh_field_message_set (fields[i], NULL);
  set_who_message (self, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  self->prefilled = FALSE;
  self->resetting = FALSE;
  update_form (self);
}

void
kh_intake_form_focus_start (KhIntakeForm *self)
{
  g_return_if_fail (KH_IS_INTAKE_FORM (self));

  if (is_new_person (self))
    kh_person_fields_focus_start (self->person_fields);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

gboolean
kh_intake_form_has_unsaved_work (KhIntakeForm *self)
{
  g_return_val_if_fail (KH_IS_INTAKE_FORM (self), FALSE);

  return self->saving || has_content (self);
}

void
kh_intake_form_ask_discard (KhIntakeForm      *self,
                            GtkWindow         *parent,
                            KhDiscardCallback  callback,
                            gpointer           user_data)
{
  DiscardAsk *ask;

  g_return_if_fail (KH_IS_INTAKE_FORM (self));
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (callback != NULL);

  if (!kh_intake_form_has_unsaved_work (self))
    {
      callback (TRUE, user_data);
      return;
    }
  /* One question at a time: a second close while one is open is answered
   * by the first, so this one keeps the work. */
  if (self->pending_discard != NULL || self->asking)
    {
      callback (FALSE, user_data);
      return;
    }

  ask = g_new0 (DiscardAsk, 1);
  ask->form = g_object_ref (self);
  ask->callback = callback;
  ask->user_data = user_data;
  if (parent == NULL)
    parent = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));

  if (self->saving)
    {
      self->pending_discard = ask;
      g_set_object (&self->pending_parent, parent);
      return;
    }
  present_discard_dialog (self, parent, ask);
}
