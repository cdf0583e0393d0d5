/* kh-intake-form.c — the new-contact form at reception
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One scrolling page that the receptionist fills top to bottom, from the
 * keyboard alone: who (search before create), the contact, the reasons, the
 * urgency check of SHL 36 §, the language and the outcome. Save checks every
 * field first and shows each problem at its field; nothing typed is lost,
 * neither on a refused save nor on a store error. When the database server
 * cannot be reached (issue 6, 7), a save waits, the form saying so and
 * keeping what was typed as it is, and is made when the server is back —
 * once: each submission carries a request id that the store saves once.
 *
 * The contact's values live in a KhIntakeState (core): every widget sends
 * its change to it, and update_form() renders the KhIntakeView derived from
 * it — which fields apply, what is wrong, which deadlines follow. The rules
 * are core's; the widgets only show them. (The person, "who", is still read
 * from its own widgets.)
 *
 * Keyboard: the reasons, the urgency answer and the outcomes are groups
 * with one Tab stop each and arrow keys inside; Enter saves from any field
 * (Space ticks a box or opens a list); Ctrl+Enter saves from the free text.
 */
#define G_LOG_DOMAIN "kohtaamo-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "core/kh-deadlines.h"
#include "core/kh-hetu.h"
#include "core/kh-intake-state.h"
#include "core/kh-service-check.h"
#include "core/kh-text.h"
#include "ui/common/kh-combo-keys.h"
#include "ui/common/kh-field-message.h"
#include "ui/common/kh-form-rows.h"
#include "ui/common/kh-person-fields.h"
#include "ui/common/kh-person-picker.h"
#include "ui/common/kh-store-property.h"

#include "kh-intake-form.h"
#include "ui/common/kh-accessible.h"

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
  AdwComboRow    *channel_row;
  AdwEntryRow    *contactor_contact_row;
  AdwEntryRow    *contactor_detail_row;
  AdwEntryRow    *contactor_name_row;
  AdwEntryRow    *contactor_relation_row;
  AdwComboRow    *contactor_row;
  AdwEntryRow    *directed_by_row;
  AdwComboRow    *kela_kind_row;
  AdwActionRow   *kela_meeting_row;
  AdwEntryRow    *no_assessment_row;
  GtkCheckButton *opens_case_check;
  AdwActionRow   *opens_case_row;
  GtkCheckButton *outcome_consulted_check;
  AdwActionRow   *outcome_consulted_row;
  GtkCheckButton *urgency_no_check;
  GtkCheckButton *urgency_yes_check;
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
  AdwPreferencesGroup *note_group;
  GtkCheckButton *outcome_advice_check;
  AdwActionRow   *outcome_advice_row;
  GtkCheckButton *outcome_case_check;
  AdwActionRow   *outcome_case_row;
  GtkCheckButton *outcome_directed_check;
  AdwActionRow   *outcome_directed_row;
  AdwPreferencesGroup *outcome_detail_group;
  AdwEntryRow    *outcome_note_row;
  KhPersonPicker *person_picker;
  GtkCheckButton *outcome_urgent_check;
  AdwActionRow   *outcome_urgent_row;
  GtkCheckButton *over_75_check;
  AdwActionRow   *over_75_row;
  GtkBox         *reason_text_box;
  GtkTextView    *reason_view;
  AdwEntryRow    *received_row;
  AdwComboRow    *referral_row;
  GtkButton      *save_button;
  GtkScrolledWindow *scroller;
  AdwComboRow    *service_row;
  GtkLabel       *status_label;
  GtkRevealer    *waiting_revealer;
  AdwEntryRow    *urgent_note_row;
  AdwActionRow   *urgent_row;

  /* owned */
  KhStore        *store;
  KhIntakeState  *state;            /* the contact's values (core) */
  GPtrArray      *services;         /* of KhService, as listed in service_row after its first item */
  GtkWidget      *services_retry;   /* "Try Again" in service_row, when the list failed */
  GPtrArray      *workers;          /* of KhUser, as listed in assign_row after the queue */
  GCancellable   *cancellable;      /* everything else; cancelled on dispose */
  GtkCheckButton *need_checks[KH_N_NEEDS];
  GtkCheckButton *outcome_checks[5];  /* in the order of the form */
  GtkCheckButton *urgency_checks[2];
  gpointer        pending_discard;  /* a DiscardAsk waiting for a save to end */
  GtkWindow      *pending_parent;
  guint           pending_discard_id;
  gint64          attach_to_case;   /* 2.3: the pending case this contact joins; 0 for none */
  /* Issue 6, 7: the id of this submission (a UUID, made at its first
   * attempt, the same for every later one until the form is reset), so
   * that the store saves it once however often it is tried. */
  char           *request_id;
  guint           back_id;          /* an idle that saves again (save_when_back) */

  guint           saving : 1;
  guint           rendering : 1;    /* the form is putting the state's values into widgets */
  guint           disposed : 1;     /* a store call may finish after dispose */
  guint           services_failed : 1;
  guint           services_loading : 1;
  guint           workers_loading : 1;
  guint           asking : 1;       /* "Discard This Contact?" is open */
  guint           resetting : 1;
  /* Issue 6, 7: a look that Save needs first (similar people, pending
   * cases) could not reach the server: Save is pressed again for the
   * user when KhStore:available says the server is back. */
  guint           save_when_back : 1;
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
  KH_CONTACTOR_SELF, KH_CONTACTOR_RELATIVE, KH_CONTACTOR_LEGAL_REPRESENTATIVE,
  KH_CONTACTOR_AUTHORITY, KH_CONTACTOR_OTHER,
};
/* An authority's own contact under SHL 35 § (being directed to apply is
 * the person's contact, with `directed_by`). */
static const KhReferral referrals[] = {
  KH_REFERRAL_NONE, KH_REFERRAL_WITH_CONSENT, KH_REFERRAL_WITHOUT_CONSENT,
};
/* The outcome radios, in the order of the form and of outcome_checks. */
static const KhOutcome outcomes[] = {
  KH_OUTCOME_ADVICE, KH_OUTCOME_DIRECTED, KH_OUTCOME_CASE_OPENED, KH_OUTCOME_URGENT,
  KH_OUTCOME_CONSULTED,
};

static void update_form (KhIntakeForm *self);
static void save_intake (KhIntakeForm *self);
static void update_waiting (KhIntakeForm *self);
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

  return i < G_N_ELEMENTS (referrals) ? referrals[i] : KH_REFERRAL_NONE;
}

static KhKelaKind
get_kela_kind (KhIntakeForm *self)
{
  guint i = adw_combo_row_get_selected (self->kela_kind_row);

  return (i >= KH_KELA_FIRST && i <= KH_KELA_LAST_CHOICE) ? (KhKelaKind) i : KH_KELA_NONE;
}

static KhOutcome
get_outcome (KhIntakeForm *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (outcomes); i++)
    if (gtk_check_button_get_active (self->outcome_checks[i]))
      return outcomes[i];
  return 0;
}

static KhUrgency
get_urgency (KhIntakeForm *self)
{
  if (gtk_check_button_get_active (self->urgency_yes_check))
    return KH_URGENCY_URGENT;
  if (gtk_check_button_get_active (self->urgency_no_check))
    return KH_URGENCY_NOT_URGENT;
  return KH_URGENCY_NOT_RECORDED;
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
         && kh_person_picker_get_mode (self->person_picker) == KH_PERSON_PICKER_NEW;
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
  return kh_person_picker_get_birth_date (self->person_picker, out);
  return FALSE;
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

/* The widget that shows a field's message (and takes the focus for it). */
static GtkWidget *
field_widget (KhIntakeForm  *self,
              KhIntakeField  field)
{
  switch (field)
    {
    case KH_INTAKE_FIELD_WHO:                  return GTK_WIDGET (self->person_picker);
    case KH_INTAKE_FIELD_RECEIVED:             return GTK_WIDGET (self->received_row);
    case KH_INTAKE_FIELD_CHANNEL:              return GTK_WIDGET (self->channel_row);
    case KH_INTAKE_FIELD_CONTACTOR:            return GTK_WIDGET (self->contactor_row);
    case KH_INTAKE_FIELD_CONTACTOR_DETAIL:     return GTK_WIDGET (self->contactor_detail_row);
    case KH_INTAKE_FIELD_CONTACTOR_NAME:       return GTK_WIDGET (self->contactor_name_row);
    case KH_INTAKE_FIELD_CONTACTOR_RELATION:   return GTK_WIDGET (self->contactor_relation_row);
    case KH_INTAKE_FIELD_CONTACTOR_CONTACT:    return GTK_WIDGET (self->contactor_contact_row);
    case KH_INTAKE_FIELD_DIRECTED_BY:          return GTK_WIDGET (self->directed_by_row);
    case KH_INTAKE_FIELD_REFERRAL:             return GTK_WIDGET (self->referral_row);
    case KH_INTAKE_FIELD_KELA_KIND:            return GTK_WIDGET (self->kela_kind_row);
    case KH_INTAKE_FIELD_NEEDS:                return GTK_WIDGET (self->needs_grid);
    case KH_INTAKE_FIELD_REASON_TEXT:          return GTK_WIDGET (self->reason_text_box);
    case KH_INTAKE_FIELD_URGENCY:              return GTK_WIDGET (self->urgent_row);
    case KH_INTAKE_FIELD_URGENT_NOTE:          return GTK_WIDGET (self->urgent_note_row);
    case KH_INTAKE_FIELD_LANGUAGE:             return GTK_WIDGET (self->language_row);
    case KH_INTAKE_FIELD_OUTCOME:              return GTK_WIDGET (self->outcome_urgent_row);
    case KH_INTAKE_FIELD_SERVICE:              return GTK_WIDGET (self->service_row);
    case KH_INTAKE_FIELD_OPENS_CASE:           return GTK_WIDGET (self->opens_case_row);
    case KH_INTAKE_FIELD_NO_ASSESSMENT_REASON: return GTK_WIDGET (self->no_assessment_row);
    case KH_INTAKE_FIELD_OUTCOME_NOTE:         return GTK_WIDGET (self->outcome_note_row);
    case KH_INTAKE_FIELD_DEADLINE_GROUPS:      return GTK_WIDGET (self->over_75_row);
    case KH_INTAKE_FIELD_ASSIGN_TO:            return GTK_WIDGET (self->assign_row);
    default:                                   return NULL;
    }
}

/* A group with one Tab stop (see roving_setup): its member that Tab reaches. */
static GtkWidget *
roving_stop (GtkCheckButton **members,
             guint            n)
{
  for (guint i = 0; i < n; i++)
    if (gtk_widget_get_can_focus (GTK_WIDGET (members[i])))
      return GTK_WIDGET (members[i]);
  return GTK_WIDGET (members[0]);
}

/* The widget to focus for a field's problem. */
static GtkWidget *
focus_widget (KhIntakeForm  *self,
              KhIntakeField  field)
{
  switch (field)
    {
    case KH_INTAKE_FIELD_WHO:     return GTK_WIDGET (self->person_picker);
    case KH_INTAKE_FIELD_NEEDS:   return roving_stop (self->need_checks, KH_N_NEEDS);
    case KH_INTAKE_FIELD_REASON_TEXT: return GTK_WIDGET (self->reason_view);
    case KH_INTAKE_FIELD_URGENCY: return roving_stop (self->urgency_checks, 2);
    case KH_INTAKE_FIELD_OUTCOME: return roving_stop (self->outcome_checks, G_N_ELEMENTS (outcomes));
    default:                      return field_widget (self, field);
    }
}

/* Who the contact is about, as the state needs it: read from the "who"
 * widgets, which keep their own state. */
static void
sync_who (KhIntakeForm *self)
{
  GDate birth;
  g_autofree char *iso = NULL;
  KhIntakeWho who = KH_INTAKE_WHO_NONE;

  if (is_new_person (self))
    who = KH_INTAKE_WHO_NEW;
  else if (!is_anonymous (self) && kh_person_picker_get_client (self->person_picker) != NULL)
    who = KH_INTAKE_WHO_EXISTING;
  if (get_birth_date (self, &birth))
    iso = kh_date_to_iso (&birth);
  kh_intake_state_set_who (self->state, who, iso);
  kh_intake_state_set_anonymous (self->state, is_anonymous (self));
}

static void
render_deadlines (KhIntakeForm *self,
                  KhIntakeView *view)
{
  gboolean known_birth = self->state->birth_date != NULL;

  /* Over 75 follows a known birth date, both ways; only without one is it
   * ticked by hand (2.5). */
  self->rendering = TRUE;
  gtk_check_button_set_active (self->over_75_check,
                               known_birth ? (view->groups_from_birth & KH_DEADLINE_GROUP_OVER_75) != 0
                                           : gtk_check_button_get_active (self->over_75_check));
  self->rendering = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->over_75_row), !known_birth);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->over_75_row),
                               known_birth ? _("From the birth date") : NULL);

  if (view->has_assessment_deadline)
    {
      g_autofree char *date = kh_date_format (&view->assessment_deadline);
      g_autofree char *title = NULL;

      /* Translators: %s is a date; SHL 36 § sets the 7th working day. */
      title = g_strdup_printf (_("Service-need assessment must start by %s (7th working day)"), date);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->deadline_row), title);
      gtk_widget_remove_css_class (GTK_WIDGET (self->deadline_row), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->deadline_icon), "warning");
    }
  else
    {
      /* SHL 36 § 2 mom applies only to the person's, a relative's or the
       * legal representative's contact to obtain services (1.4). */
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->deadline_row),
                                     view->seeks_services
                                     ? _("No statutory start deadline applies")
                                     : _("No 7-day start deadline: the contact was not made by the person, a relative or the legal representative. The assessment starts without delay and is completed without undue delay."));
      gtk_widget_add_css_class (GTK_WIDGET (self->deadline_row), "dim-label");
      gtk_widget_remove_css_class (GTK_WIDGET (self->deadline_icon), "warning");
    }
  /* SHL 45 §: every opened case, whoever made the contact. */
  if (view->has_implementation_deadline)
    {
      g_autofree char *iso = kh_date_to_iso (&view->implementation_deadline);
      g_autofree char *rule = kh_deadline_describe_implementation (iso);
      g_autofree char *subtitle = NULL;

      /* Translators: %s is "implemented by Thu 2.7.2026 (SHL 45 §)" */
      subtitle = g_strdup_printf (_("Decisions: %s"), rule);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->deadline_row), subtitle);
    }
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->deadline_row), NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->kela_meeting_row), view->has_meeting_deadline);
  if (view->has_meeting_deadline)
    {
      g_autofree char *date = kh_date_format (&view->meeting_deadline);
      g_autofree char *title = NULL;

      /* Translators: %s is a date; toimeentulotukilaki 14 d § gives the
       * client a personal meeting within 7 working days of asking. */
      title = g_strdup_printf (_("Personal meeting by %s (TTL 14 d §: 7 working days)"), date);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->kela_meeting_row), title);
    }
}

/* Renders the state: what applies shows, what no longer applies hides and
 * loses its message, and a message whose problem is gone goes. New
 * messages appear only when Save is pressed (validate). */
static void
update_form (KhIntakeForm *self)
{
  g_autoptr(KhIntakeView) view = NULL;
  g_autoptr(GDateTime) now = NULL;
  gboolean anonymous;
  KhOutcome outcome;
  struct { KhIntakeField field; GtkWidget *widget; } shown[] = {
    { KH_INTAKE_FIELD_CONTACTOR, GTK_WIDGET (self->contactor_row) },
    { KH_INTAKE_FIELD_CONTACTOR_DETAIL, GTK_WIDGET (self->contactor_detail_row) },
    { KH_INTAKE_FIELD_CONTACTOR_NAME, GTK_WIDGET (self->contactor_name_row) },
    { KH_INTAKE_FIELD_CONTACTOR_RELATION, GTK_WIDGET (self->contactor_relation_row) },
    { KH_INTAKE_FIELD_CONTACTOR_CONTACT, GTK_WIDGET (self->contactor_contact_row) },
    { KH_INTAKE_FIELD_DIRECTED_BY, GTK_WIDGET (self->directed_by_row) },
    { KH_INTAKE_FIELD_REFERRAL, GTK_WIDGET (self->referral_row) },
    { KH_INTAKE_FIELD_KELA_KIND, GTK_WIDGET (self->kela_kind_row) },
    { KH_INTAKE_FIELD_REASON_TEXT, GTK_WIDGET (self->reason_text_box) },
    { KH_INTAKE_FIELD_URGENT_NOTE, GTK_WIDGET (self->urgent_note_row) },
    { KH_INTAKE_FIELD_SERVICE, GTK_WIDGET (self->service_row) },
    { KH_INTAKE_FIELD_OPENS_CASE, GTK_WIDGET (self->opens_case_row) },
    { KH_INTAKE_FIELD_NO_ASSESSMENT_REASON, GTK_WIDGET (self->no_assessment_row) },
    { KH_INTAKE_FIELD_OUTCOME_NOTE, GTK_WIDGET (self->note_group) },
    { KH_INTAKE_FIELD_DEADLINE_GROUPS, GTK_WIDGET (self->deadline_group) },
    { KH_INTAKE_FIELD_ASSIGN_TO, GTK_WIDGET (self->assign_group) },
  };

  if (self->state == NULL || self->resetting)
    return;
  sync_who (self);
  anonymous = is_anonymous (self);
  outcome = self->state->contact->outcome;

  gtk_widget_set_visible (GTK_WIDGET (self->person_picker), !anonymous);
  gtk_widget_set_visible (GTK_WIDGET (self->anonymous_label), anonymous);
  /* Anonymity is the alternative to finding someone: once a person is
   * chosen or being added, the switch has nothing to offer. */
  gtk_widget_set_visible (GTK_WIDGET (self->anonymous_list),
                          anonymous || kh_person_picker_get_mode (self->person_picker) == KH_PERSON_PICKER_SEARCH);
  /* A new person's own fields give the language of service. */
  gtk_widget_set_visible (GTK_WIDGET (self->language_group), !is_new_person (self));

  now = g_date_time_new_now_local ();
  view = kh_intake_view_new (self->state, kh_store_get_calendar (self->store), now);
  for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
    gtk_widget_set_visible (shown[i].widget, view->applies[shown[i].field]);
  gtk_widget_set_visible (GTK_WIDGET (self->outcome_detail_group), view->applies[KH_INTAKE_FIELD_SERVICE]);
  /* A Kela notification is made by Kela. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->contactor_row),
                            self->state->contact->channel != KH_CHANNEL_KELA);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->contactor_row),
                               self->state->contact->channel == KH_CHANNEL_KELA
                               ? _("A Kela notification comes from an authority.") : NULL);

  /* An anonymous contact may only get advice or be directed elsewhere. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->outcome_case_row), !anonymous);
  gtk_widget_set_sensitive (GTK_WIDGET (self->outcome_urgent_row), !anonymous);
  gtk_widget_set_sensitive (GTK_WIDGET (self->outcome_consulted_row), !anonymous);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->service_row),
                                 outcome == KH_OUTCOME_CONSULTED ? _("Authority consulted (optional)")
                                                                 : _("_Service"));

  /* Messages about fields that are now hidden, or now right, go. */
  for (KhIntakeField field = KH_INTAKE_FIELD_RECEIVED; field < KH_INTAKE_N_FIELDS; field++)
    {
      GtkWidget *widget = field_widget (self, field);

      if (widget == NULL || field == KH_INTAKE_FIELD_RECEIVED)
        continue;
      if (!view->applies[field] || view->messages[field] == NULL)
        kh_field_message_set (widget, NULL);
    }
  if (anonymous || view->messages[KH_INTAKE_FIELD_WHO] == NULL)
    set_who_message (self, NULL);

  render_deadlines (self, view);
}

/* An entry row's text, to the state. */
static void
text_changed_cb (GtkEditable  *editable,
                 KhIntakeForm *self)
{
  KhIntakeField field = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (editable), "kh-field"));

  if (self->resetting || self->rendering)
    return;
  kh_field_message_set (GTK_WIDGET (editable), NULL);
  if (field != KH_INTAKE_FIELD_NONE)
    kh_intake_state_set_text (self->state, field, gtk_editable_get_text (editable));
  update_form (self);
}

static void
received_changed_cb (GtkEditable  *editable,
                     KhIntakeForm *self)
{
  g_autoptr(GDateTime) received = NULL;

  if (self->resetting)
    return;
  kh_field_message_set (GTK_WIDGET (editable), NULL);
  received = parse_received (gtk_editable_get_text (editable));
  kh_intake_state_set_received (self->state, received);
  update_form (self);
}

/* A need ticked or the free text edited: either answers "why". */
static void
reasons_changed_cb (GObject      *object,
                    KhIntakeForm *self)
{
  g_autofree char *text = NULL;

  if (self->resetting)
    return;
  kh_field_message_set (GTK_WIDGET (self->needs_grid), NULL);
  kh_field_message_set (GTK_WIDGET (self->reason_text_box), NULL);
  kh_intake_state_set_needs (self->state, get_needs (self));
  text = dup_reason_text (self);
  kh_intake_state_set_text (self->state, KH_INTAKE_FIELD_REASON_TEXT, text);
  update_form (self);
}

/* Puts a value the state decided back into its widgets. */
static void
render_choices (KhIntakeForm *self)
{
  KhContact *c = self->state->contact;
  g_autofree char *detail = kh_form_rows_dup_text (self->contactor_detail_row);

  self->rendering = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (contactors); i++)
    if (contactors[i] == c->contactor && adw_combo_row_get_selected (self->contactor_row) != i)
      adw_combo_row_set_selected (self->contactor_row, i);
  if (g_strcmp0 (c->contactor_detail, detail) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->contactor_detail_row),
                           c->contactor_detail != NULL ? c->contactor_detail : "");
  for (guint i = 0; i < G_N_ELEMENTS (referrals); i++)
    if (referrals[i] == c->referral && adw_combo_row_get_selected (self->referral_row) != i)
      adw_combo_row_set_selected (self->referral_row, i);
  if (c->urgency == KH_URGENCY_URGENT)
    gtk_check_button_set_active (self->urgency_yes_check, TRUE);
  gtk_check_button_set_active (self->opens_case_check, c->opens_case);
  self->rendering = FALSE;
}

static void
choice_changed_cb (GObject      *object,
                   GParamSpec   *pspec,
                   KhIntakeForm *self)
{
  gpointer widget = object;

  if (self->resetting || self->rendering)
    return;
  kh_field_message_set (GTK_WIDGET (object), NULL);
  if (widget == self->channel_row)
    kh_intake_state_set_channel (self->state, get_channel (self));
  else if (widget == self->contactor_row)
    kh_intake_state_set_contactor (self->state, get_contactor (self));
  else if (widget == self->referral_row)
    kh_intake_state_set_referral (self->state, get_referral (self));
  else if (widget == self->kela_kind_row)
    kh_intake_state_set_kela_kind (self->state, get_kela_kind (self));
  else if (widget == self->language_row || widget == self->interpreter_switch)
    kh_intake_state_set_language (self->state, kh_form_rows_get_language (self->language_row),
                                  gtk_switch_get_active (self->interpreter_switch));
  else if (widget == self->service_row)
    {
      KhService *service = get_service (self);

      kh_intake_state_set_service (self->state, service != NULL ? service->id : 0);
    }
  else if (widget == self->assign_row)
    kh_intake_state_set_assign_to (self->state, get_assign_to (self));
  render_choices (self);
  update_form (self);
}

static void
urgency_toggled_cb (GtkCheckButton *check,
                    KhIntakeForm   *self)
{
  if (self->resetting || self->rendering)
    return;
  if (gtk_check_button_get_active (check))
    kh_field_message_set (GTK_WIDGET (self->urgent_row), NULL);
  kh_intake_state_set_urgency (self->state, get_urgency (self));
  update_form (self);
}

static void
opens_case_toggled_cb (GtkCheckButton *check,
                       KhIntakeForm   *self)
{
  if (self->resetting || self->rendering)
    return;
  kh_intake_state_set_opens_case (self->state, gtk_check_button_get_active (check));
  update_form (self);
}

static void
deadline_groups_toggled_cb (GtkCheckButton *check,
                            KhIntakeForm   *self)
{
  if (self->resetting || self->rendering)
    return;
  kh_intake_state_set_deadline_groups (self->state, get_deadline_groups (self));
  update_form (self);
}

static void
outcome_toggled_cb (GtkCheckButton *check,
                    KhIntakeForm   *self)
{
  KhService *service;

  if (self->resetting || !gtk_check_button_get_active (check))
    return;
  kh_field_message_set (GTK_WIDGET (self->outcome_urgent_row), NULL);
  kh_intake_state_set_outcome (self->state, get_outcome (self));

  /* Urgent help goes to the social emergency service unless told otherwise:
   * the entry the directory flags as such (SHL 29 §), never one found by
   * its name. */
  service = get_service (self);
  if (check == self->outcome_urgent_check && service == NULL && self->services != NULL)
    {
      KhService *emergency = kh_service_find_social_emergency (self->services);
      guint position;

      if (emergency != NULL && g_ptr_array_find (self->services, emergency, &position))
        adw_combo_row_set_selected (self->service_row, position + 1);
    }
  render_choices (self);
  update_form (self);
}

/* Anonymity: changes what the form shows. */
static void
switch_changed_cb (GObject      *object,
                  GParamSpec   *pspec,
                  KhIntakeForm *self)
{
  if (self->resetting)
    return;
  update_form (self);
}

/* ---- who: search before create ---- */

/* The message about "who" goes under the search line, the red outline
 * on the entry itself. */
static void
set_who_message (KhIntakeForm *self,
                 const char   *message)
{
  kh_person_picker_set_message (self->person_picker, message);
}

/* The receptionist picked an existing person: serve them in their own
 * language, and go on to the contact. */
static void
person_chosen_cb (KhPersonPicker *picker,
                  KhClient       *client,
                  KhIntakeForm   *self)
{
  kh_form_rows_set_language (self->language_row, client->language);
  gtk_switch_set_active (self->interpreter_switch, client->interpreter);
  update_form (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->channel_row));
}

/* Escape in the empty search line leaves the form, as Cancel does. */
static void
person_stopped_cb (KhIntakeForm *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "intake.cancel", NULL);
}

static void
person_changed_cb (KhPersonPicker *picker,
                   KhIntakeForm   *self)
{
  update_form (self);
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
  /* Going down, the field comes into view just above the bottom edge (and
   * the action bar under it); going up, with some room above it. */
  if (bounds.origin.y >= value && bounds.size.height + 84 < page)
    gtk_adjustment_set_value (adjustment, bounds.origin.y + bounds.size.height + 24 - page);
  else
    gtk_adjustment_set_value (adjustment, MAX (0, bounds.origin.y - 60));
}

static gboolean
validate (KhIntakeForm *self)
{
  g_autoptr(KhIntakeView) view = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GtkWidget *first_bad = NULL;
  gboolean person_ok = TRUE;

  sync_who (self);
  view = kh_intake_view_new (self->state, kh_store_get_calendar (self->store), now);

  /* Who: a new person's own fields check themselves. */
  if (is_new_person (self))
    person_ok = kh_person_picker_validate_new (self->person_picker);
  else
    set_who_message (self, view->messages[KH_INTAKE_FIELD_WHO]);

  /* Everything else, each message at its field, as core decided. */
  for (KhIntakeField field = KH_INTAKE_FIELD_RECEIVED; field < KH_INTAKE_N_FIELDS; field++)
    {
      GtkWidget *widget = field_widget (self, field);
      const char *message = view->applies[field] || field == KH_INTAKE_FIELD_RECEIVED
                            ? view->messages[field] : NULL;

      if (widget == NULL)
        continue;
      /* The reasons share one message: a free text that is too long says
       * so at the text, a missing reason at the boxes. */
      if (field == KH_INTAKE_FIELD_NEEDS || field == KH_INTAKE_FIELD_REASON_TEXT)
        {
          if (message != NULL)
            kh_field_message_set (widget, message);
        }
      else
        kh_field_message_set (widget, message);
    }
  if (view->messages[KH_INTAKE_FIELD_WHO] != NULL && !is_new_person (self))
    first_bad = GTK_WIDGET (self->person_picker);
  else if (view->first_problem != KH_INTAKE_FIELD_NONE && view->first_problem != KH_INTAKE_FIELD_WHO)
    first_bad = focus_widget (self, view->first_problem);

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
  gtk_label_set_text (self->status_label, saving ? _("Saving…") : "");
  update_waiting (self);
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

/* ---- issue 6, 7: when the server cannot be reached ---- */

/* Whether a save waits for the server: one the store keeps until it can
 * save it (its request id saves it once), or one whose first look could
 * not be made (save_when_back). */
static gboolean
is_waiting (KhIntakeForm *self)
{
  return (self->saving || self->save_when_back) && self->store != NULL
         && !kh_store_get_available (self->store);
}

/* While a save waits, the form says so beside Save and keeps what was
 * typed as it is (the fields cannot be changed: what is saved when the
 * server is back is what the form shows). Save then means "try now". */
static void
update_waiting (KhIntakeForm *self)
{
  gboolean waiting = is_waiting (self);

  gtk_revealer_set_reveal_child (self->waiting_revealer, waiting);
  gtk_widget_set_sensitive (GTK_WIDGET (self->scroller), !waiting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "intake.save", !self->saving || waiting);
  /* A save under way cannot be taken back (nor one that waits: it may
   * have reached the server before the connection went). */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "intake.cancel", !self->saving);
  if (waiting)
    gtk_label_set_text (self->status_label, _("Waiting for the server…"));
  else if (self->saving)
    gtk_label_set_text (self->status_label, _("Saving…"));
}

static gboolean
save_when_back_cb (gpointer user_data)
{
  KhIntakeForm *self = user_data;

  self->back_id = 0;
  if (!self->save_when_back || self->saving || self->disposed)
    return G_SOURCE_REMOVE;
  self->save_when_back = FALSE;
  gtk_widget_activate_action (GTK_WIDGET (self), "intake.save", NULL);
  return G_SOURCE_REMOVE;
}

static void
store_available_changed_cb (KhIntakeForm *self)
{
  update_waiting (self);
  if (self->save_when_back && kh_store_get_available (self->store) && self->back_id == 0)
    self->back_id = g_idle_add_full (G_PRIORITY_DEFAULT, save_when_back_cb, g_object_ref (self),
                                     g_object_unref);
}

/* A look that Save needed failed: TRUE when it was for want of the
 * server, and the save waits for it. */
static gboolean
wait_for_server (KhIntakeForm *self,
                 const GError *error)
{
  if (!g_error_matches (error, KH_STORE_ERROR, KH_STORE_ERROR_UNAVAILABLE))
    return FALSE;
  self->save_when_back = TRUE;
  set_saving (self, FALSE);
  /* Back already (the answer and the news crossed): save now. */
  store_available_changed_cb (self);
  return TRUE;
}

static KhIntake *
build_intake (KhIntakeForm *self)
{
  KhIntake *intake = g_new0 (KhIntake, 1);
  KhContact *contact;

  sync_who (self);
  /* What applies, cleaned: core's normalised copy of the state. */
  contact = kh_intake_state_build_contact (self->state);
  if (!contact->anonymous)
    {
      if (is_new_person (self))
        {
          intake->client = kh_person_picker_dup_new_client (self->person_picker);
          contact->language = intake->client->language;
          contact->interpreter = intake->client->interpreter;
        }
      else if (kh_person_picker_get_client (self->person_picker) != NULL)
        {
          KhClient *chosen = kh_person_picker_get_client (self->person_picker);

          intake->client = kh_client_copy (chosen);
          contact->client_id = chosen->id;
        }
    }

  intake->contact = contact;
  if (self->request_id == NULL)
    self->request_id = g_uuid_string_random ();
  intake->request_id = g_strdup (self->request_id);
  if (contact->opens_case)
    {
      intake->deadline_groups = self->state->deadline_groups;
      intake->assign_to = self->state->assign_to;
      intake->attach_to_case = self->attach_to_case;
    }
  return intake;
}

static void
free_intake (KhIntake *intake)
{
  g_clear_object (&intake->contact);
  g_clear_object (&intake->client);
  g_free (intake->request_id);
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
          kh_person_picker_show_store_error (self->person_picker, error);
          return;
        }
      /* Issue 6, 7: the store gave up waiting (it is closing); the form
       * keeps it all, to be saved again. */
      if (wait_for_server (self, error))
        return;
      /* Translators: %s says why the store refused */
      message = g_strdup_printf (_("The contact was not saved: %s"), error->message);
      show_general_error (self, message);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, saved);
  kh_intake_form_reset (self);
}

static void
do_save (KhIntakeForm *self)
{
  g_autoptr(KhIntake) intake = build_intake (self);

  set_saving (self, TRUE);
  /* Not cancellable: once asked, a save completes or fails as a whole. */
  kh_store_save_intake_async (self->store, intake, NULL, save_done_cb, g_object_ref (self));
}

static void
new_person_confirmed_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(KhIntakeForm) self = user_data;
  g_autoptr(GError) error = NULL;
  KhPersonPickerConfirm answer;

  answer = kh_person_picker_confirm_new_finish (KH_PERSON_PICKER (object), result, &error);
  if (self->disposed || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL && wait_for_server (self, error))
    return;
  if (error != NULL)
    {
      set_saving (self, FALSE);
      show_general_error (self, error->message);
      return;
    }
  if (answer == KH_PERSON_PICKER_KEEP_EDITING)
    {
      set_saving (self, FALSE);
      return;
    }
  /* CREATE_NEW, or USE_EXISTING: the picker now has that person. */
  save_intake (self);
}

/* ---- no silent second case (2.3) ---- */

static void
pending_case_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          gpointer          user_data)
{
  g_autoptr(KhIntakeForm) self = user_data;
  KhCase *pending = g_object_get_data (G_OBJECT (dialog), "kh-case");

  if (self->disposed)
    return;
  if (g_strcmp0 (response, "attach") == 0 && pending != NULL)
    {
      self->attach_to_case = pending->id;
      do_save (self);
    }
  else if (g_strcmp0 (response, "new") == 0)
    {
      self->attach_to_case = 0;
      do_save (self);
    }
  else
    set_saving (self, FALSE);
}

static void
client_cases_done_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(KhIntakeForm) self = user_data;
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GError) error = NULL;
  KhCase *pending = NULL;
  GtkWidget *dialog;
  g_autofree char *opened = NULL;
  g_autofree char *body = NULL;
  g_autofree char *name = NULL;

  cases = kh_store_list_client_cases_finish (KH_STORE (object), result, &error);
  if (self->disposed || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL && wait_for_server (self, error))
    return;
  if (error != NULL)
    {
      set_saving (self, FALSE);
      show_general_error (self, error->message);
      return;
    }
  /* Newest first: the newest case still pending (queued or with a worker). */
  for (guint i = 0; i < cases->len && pending == NULL; i++)
    {
      KhCase *kcase = g_ptr_array_index (cases, i);

      if (kcase->status == KH_CASE_QUEUED || kcase->status == KH_CASE_ASSIGNED)
        pending = kcase;
    }
  if (pending == NULL || !GTK_IS_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))))
    {
      do_save (self);
      return;
    }

  {
    g_autoptr(GDateTime) local = g_date_time_to_local (pending->opened_at);
    GDate day;

    g_date_clear (&day, 1);
    g_date_set_dmy (&day, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                    g_date_time_get_year (local));
    opened = kh_date_format (&day);
  }
  name = g_strdup (pending->client_name != NULL ? pending->client_name : "");
  if (pending->status == KH_CASE_ASSIGNED && pending->assigned_to_name != NULL)
    /* Translators: the first %s is a date, the second a worker's name */
    body = g_strdup_printf (_("The case was opened on %s and is with %s. Attach this contact to that case, or open a second case only if this is a different matter."),
                            opened, pending->assigned_to_name);
  else
    /* Translators: %s is a date */
    body = g_strdup_printf (_("The case was opened on %s and waits in the team's queue. Attach this contact to that case, or open a second case only if this is a different matter."),
                            opened);

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), NULL, body);
  /* Translators: %s is the person's name, "Virtanen, Aino" */
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("%s already has a pending case"), name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "new", _("Open a _Second Case"),
                                    "attach", _("_Attach to the Pending Case"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "attach",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "attach");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "kh-case", g_object_ref (pending), g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (pending_case_response_cb), g_object_ref (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A contact that opens a case for a person who has one pending asks first
 * whether it belongs to that case (a person once got three pending cases
 * in three minutes). */
static void
save_intake (KhIntakeForm *self)
{
  KhClient *chosen = kh_person_picker_get_client (self->person_picker);

  self->attach_to_case = 0;
  if (is_anonymous (self) || is_new_person (self) || chosen == NULL || chosen->id <= 0
      || !self->state->contact->opens_case)
    {
      do_save (self);
      return;
    }
  set_saving (self, TRUE);
  kh_store_list_client_cases_async (self->store, chosen->id, self->cancellable,
                                    client_cases_done_cb, g_object_ref (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KhIntakeForm *self = KH_INTAKE_FORM (widget);

  /* Issue 6, 7: saving again while the save waits for the server tries
   * to reach it now; the waiting save is the one that is made. */
  if (is_waiting (self))
    {
      kh_store_reconnect_now (self->store);
      return;
    }
  if (self->saving)
    return;
  self->save_when_back = FALSE;
  g_clear_handle_id (&self->back_id, g_source_remove);
  update_waiting (self);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  if (!validate (self))
    return;

  if (is_new_person (self))
    {
      /* The same name and birth date is most likely the same person. */
      set_saving (self, TRUE);
      kh_person_picker_confirm_new_async (self->person_picker, self->cancellable,
                                          new_person_confirmed_cb, g_object_ref (self));
      return;
    }
  save_intake (self);
}

/* Has the receptionist entered anything that cancelling would throw away? */
static gboolean
has_content (KhIntakeForm *self)
{
  return kh_person_picker_has_content (self->person_picker) || is_anonymous (self)
         || kh_intake_state_has_changes (self->state);
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

/* Closing while a save waits for the server: the form stays as it is
 * (reset only by a save), the window goes or stays. */
static void
waiting_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  discard_ask_answer (user_data, g_strcmp0 (response, "close") == 0, FALSE);
}

static void
present_waiting_dialog (KhIntakeForm *self,
                        GtkWindow    *parent,
                        DiscardAsk   *ask)
{
  GtkWidget *dialog;

  self->asking = TRUE;
  dialog = adw_message_dialog_new (parent,
                                   _("The Contact Waits for the Server"),
                                   _("The server cannot be reached, so the contact may not have been saved yet. If Kohtaamo stays open, it is saved as soon as the connection is back."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Waiting"),
                                    "close", _("_Close Anyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "close",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect (dialog, "response", G_CALLBACK (waiting_response_cb), ask);
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

/* ---- the keyboard path ---- */

/* A group of check buttons with one Tab stop (2.5): only one member is
 * focusable, arrow keys move inside the group, and for radios the arrow
 * also chooses, as in any radio group. The member Tab reaches is the
 * chosen radio, or the box last visited. */
typedef struct
{
  GtkCheckButton **members;
  guint            n;
  guint            columns;
  gboolean         radio;
} RovingGroup;

static void
roving_set_stop (RovingGroup *group,
                 guint        index)
{
  /* can-focus, not only focusable: a check button takes the focus
   * through its own focus handler whenever Tab asks it. */
  for (guint i = 0; i < group->n; i++)
    {
      gtk_widget_set_can_focus (GTK_WIDGET (group->members[i]), i == index);
      gtk_widget_set_focusable (GTK_WIDGET (group->members[i]), i == index);
    }
}

static guint
roving_index (RovingGroup *group,
              GtkWidget   *member)
{
  for (guint i = 0; i < group->n; i++)
    if (GTK_WIDGET (group->members[i]) == member)
      return i;
  return 0;
}

static gboolean
roving_key_pressed_cb (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       RovingGroup           *group)
{
  GtkWidget *member = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  guint i = roving_index (group, member);
  int step = 0;
  guint next;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Left: case GDK_KEY_KP_Left:   step = -1; break;
    case GDK_KEY_Right: case GDK_KEY_KP_Right: step = 1; break;
    case GDK_KEY_Up: case GDK_KEY_KP_Up:       step = -(int) group->columns; break;
    case GDK_KEY_Down: case GDK_KEY_KP_Down:   step = (int) group->columns; break;
    default: return FALSE;
    }
  /* Radios wrap round as radio groups do; boxes stop at the edge. */
  if ((int) i + step < 0)
    next = group->radio ? group->n - 1 : i;
  else if ((int) i + step >= (int) group->n)
    next = group->radio ? 0 : i;
  else
    next = i + step;
  /* Skip what cannot be chosen (a case outcome for an anonymous contact). */
  for (guint tries = 0; tries < group->n
       && !gtk_widget_is_sensitive (GTK_WIDGET (group->members[next])); tries++)
    next = step > 0 ? (next + 1) % group->n : (next + group->n - 1) % group->n;

  roving_set_stop (group, next);
  gtk_widget_grab_focus (GTK_WIDGET (group->members[next]));
  if (group->radio)
    gtk_check_button_set_active (group->members[next], TRUE);
  return TRUE;
}

/* The stop follows the mouse and the chosen radio too. */
static void
roving_member_toggled_cb (GtkCheckButton *check,
                          RovingGroup    *group)
{
  if (group->radio && gtk_check_button_get_active (check))
    roving_set_stop (group, roving_index (group, GTK_WIDGET (check)));
}

static void
roving_member_focused_cb (GtkEventControllerFocus *controller,
                          RovingGroup             *group)
{
  GtkWidget *member = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  if (!group->radio)
    roving_set_stop (group, roving_index (group, member));
}

static void
roving_setup (KhIntakeForm    *self,
              GtkCheckButton **members,
              guint            n,
              guint            columns,
              gboolean         radio)
{
  RovingGroup *group = g_new0 (RovingGroup, 1);

  group->members = members;
  group->n = n;
  group->columns = columns;
  group->radio = radio;
  /* Freed with the form; the members are its template children. */
  g_object_set_data_full (G_OBJECT (members[0]), "kh-roving-group", group, g_free);
  for (guint i = 0; i < n; i++)
    {
      GtkEventController *keys = gtk_event_controller_key_new ();
      GtkEventController *focus = gtk_event_controller_focus_new ();

      g_signal_connect (keys, "key-pressed", G_CALLBACK (roving_key_pressed_cb), group);
      gtk_widget_add_controller (GTK_WIDGET (members[i]), keys);
      g_signal_connect (focus, "enter", G_CALLBACK (roving_member_focused_cb), group);
      gtk_widget_add_controller (GTK_WIDGET (members[i]), focus);
      g_signal_connect (members[i], "toggled", G_CALLBACK (roving_member_toggled_cb), group);
    }
  roving_set_stop (group, 0);
}

/* Back to a first stop when the form is emptied. */
static void
roving_reset (GtkCheckButton **members,
              guint            n)
{
  for (guint i = 0; i < n; i++)
    {
      gtk_widget_set_can_focus (GTK_WIDGET (members[i]), i == 0);
      gtk_widget_set_focusable (GTK_WIDGET (members[i]), i == 0);
    }
}

/* Enter saves from any field of the contact (the shortcuts window says
 * so): in a text row Save is the window's default; on a box, a radio or a
 * list row Space ticks or opens and Enter saves. Ctrl+Enter saves from the
 * free text, where Enter starts a new line. The search keeps Enter for
 * picking the person, and a button is pressed by it. */
static gboolean
form_key_pressed_cb (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     KhIntakeForm          *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));

  gboolean space = keyval == GDK_KEY_space || keyval == GDK_KEY_KP_Space;


  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter && !space)
    return FALSE;
  if (focus == NULL || (state & (GDK_ALT_MASK | GDK_SHIFT_MASK | GDK_CONTROL_MASK)) != 0)
    {
      if (!space && focus != NULL && (state & GDK_CONTROL_MASK) != 0)
        return gtk_widget_activate_action (GTK_WIDGET (self), "intake.save", NULL);
      return FALSE;
    }
  /* Space on a row switches its switch or opens its list, once: in
   * libadwaita 1.2 the list box and the row both answered it, and a switch
   * turned on and off again. Enter does the same in the person's fields. */
  if (ADW_IS_ACTION_ROW (focus) && gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (focus))
      && (space || gtk_widget_is_ancestor (focus, GTK_WIDGET (self->person_picker))
          || gtk_widget_is_ancestor (focus, GTK_WIDGET (self->anonymous_list))))
    {
      GdkEvent *current = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));

      if (current == NULL || gdk_event_get_surface (current) == gtk_native_get_surface (GTK_NATIVE (root)))
        {
          adw_action_row_activate (ADW_ACTION_ROW (focus));
          return TRUE;
        }
    }
  if (space)
    return FALSE;
  /* Enter in a list that a combo row opened takes the choice. */
  if (event != NULL && root != NULL
      && gdk_event_get_surface (event) != gtk_native_get_surface (GTK_NATIVE (root)))
    return FALSE;
  if (GTK_IS_BUTTON (focus) || GTK_IS_TEXT_VIEW (focus)
      || gtk_widget_is_ancestor (focus, GTK_WIDGET (self->person_picker))
      || gtk_widget_is_ancestor (focus, GTK_WIDGET (self->anonymous_list))
      || gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER) != NULL)
    return FALSE;
  if (GTK_IS_CHECK_BUTTON (focus) || GTK_IS_LIST_BOX_ROW (focus))
    return gtk_widget_activate_action (GTK_WIDGET (self), "intake.save", NULL);
  return FALSE;
}

/* Alt and a row's underlined letter switches its switch or ticks its box
 * at once, as a check button's own mnemonic does (libadwaita 1.2 only
 * focuses the row). */
static gboolean
row_mnemonic_activate_cb (GtkWidget *row,
                          gboolean   group_cycling,
                          gpointer   user_data)
{
  if (group_cycling)
    return FALSE;
  gtk_widget_grab_focus (row);
  adw_action_row_activate (ADW_ACTION_ROW (row));
  return TRUE;
}

/* The focused field is never left under the action bar or above the top:
 * the viewport follows the focus only while the window is active, and
 * some keys move it without scrolling at all. */
static void
focus_changed_cb (GtkWindow    *window,
                  GParamSpec   *pspec,
                  KhIntakeForm *self)
{
  GtkWidget *focus = gtk_window_get_focus (window);
  GtkWidget *viewport = gtk_scrolled_window_get_child (self->scroller);

  if (focus != NULL && viewport != NULL && gtk_widget_is_ancestor (focus, viewport))
    scroll_to_widget (self, focus);
}

/* ---- the widget ---- */

static void
form_mapped_cb (GtkWidget    *widget,
                KhIntakeForm *self)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  /* Enter in any field saves: Save is the window's default while shown. */
  if (GTK_IS_WINDOW (root))
    {
      gtk_window_set_default_widget (GTK_WINDOW (root), GTK_WIDGET (self->save_button));
      g_signal_connect_object (root, "notify::focus-widget", G_CALLBACK (focus_changed_cb), self, 0);
    }
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

  if (GTK_IS_WINDOW (root))
    g_signal_handlers_disconnect_by_func (root, focus_changed_cb, self);
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
  g_autoptr(GtkStringList) referral_labels = new_string_list (_("Choose the kind"), NULL);
  g_autoptr(GtkStringList) kela_labels = new_string_list (_("Choose what it is about"), NULL);
  g_autoptr(GtkStringList) service_labels = new_string_list (_("Choose a service"), NULL);
  g_autoptr(GtkStringList) assign_labels = new_string_list (_("Team queue (not assigned)"), NULL);

  for (KhChannel c = KH_CHANNEL_FIRST; c <= KH_CHANNEL_LAST; c++)
    gtk_string_list_append (channels, kh_channel_label (c));
  adw_combo_row_set_model (self->channel_row, G_LIST_MODEL (channels));

  for (guint i = 0; i < G_N_ELEMENTS (contactors); i++)
    gtk_string_list_append (contactor_labels, kh_contactor_label (contactors[i]));
  adw_combo_row_set_model (self->contactor_row, G_LIST_MODEL (contactor_labels));

  for (guint i = 1; i < G_N_ELEMENTS (referrals); i++)
    gtk_string_list_append (referral_labels, kh_referral_label (referrals[i]));
  adw_combo_row_set_model (self->referral_row, G_LIST_MODEL (referral_labels));

  for (KhKelaKind k = KH_KELA_FIRST; k <= KH_KELA_LAST_CHOICE; k++)
    gtk_string_list_append (kela_labels, kh_kela_kind_label (k));
  adw_combo_row_set_model (self->kela_kind_row, G_LIST_MODEL (kela_labels));

  kh_form_rows_setup_language (self->language_row);

  adw_combo_row_set_model (self->service_row, G_LIST_MODEL (service_labels));
  adw_combo_row_set_model (self->assign_row, G_LIST_MODEL (assign_labels));

  kh_form_rows_show_whole_choices (self->channel_row);
  kh_form_rows_show_whole_choices (self->contactor_row);
  kh_form_rows_show_whole_choices (self->referral_row);
  kh_form_rows_show_whole_choices (self->service_row);
  kh_form_rows_show_whole_choices (self->assign_row);
  kh_form_rows_show_whole_choices (self->kela_kind_row);
  kh_form_rows_show_whole_choices (self->language_row);

  /* Every list of the form, the person's too, opens on its current choice
   * and takes type-ahead (2.5). */
  kh_combo_keys_attach_all (GTK_WIDGET (self));

  self->outcome_checks[0] = self->outcome_advice_check;
  self->outcome_checks[1] = self->outcome_directed_check;
  self->outcome_checks[2] = self->outcome_case_check;
  self->outcome_checks[3] = self->outcome_urgent_check;
  self->outcome_checks[4] = self->outcome_consulted_check;
  self->urgency_checks[0] = self->urgency_yes_check;
  self->urgency_checks[1] = self->urgency_no_check;
  for (guint i = 0; i < G_N_ELEMENTS (outcomes); i++)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (gtk_widget_get_ancestor (GTK_WIDGET (self->outcome_checks[i]) ,
                                                                                ADW_TYPE_ACTION_ROW)),
                                   kh_outcome_label (outcomes[i]));
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

  /* One Tab stop each, arrows inside (2.5). */
  roving_setup (self, self->need_checks, KH_N_NEEDS, 2, FALSE);
  roving_setup (self, self->urgency_checks, 2, 1, TRUE);
  roving_setup (self, self->outcome_checks, G_N_ELEMENTS (outcomes), 1, TRUE);
}

static void
kh_intake_form_constructed (GObject *object)
{
  KhIntakeForm *self = KH_INTAKE_FORM (object);

  G_OBJECT_CLASS (kh_intake_form_parent_class)->constructed (object);

  g_return_if_fail (KH_IS_STORE (self->store));

  kh_person_picker_set_store (self->person_picker, self->store);
  g_signal_connect_object (self->store, "notify::available",
                           G_CALLBACK (store_available_changed_cb), self, G_CONNECT_SWAPPED);
  load_services (self);
  load_workers (self);
  kh_intake_form_reset (self);
}

static void
kh_intake_form_dispose (GObject *object)
{
  KhIntakeForm *self = KH_INTAKE_FORM (object);

  self->disposed = TRUE;
  g_clear_handle_id (&self->back_id, g_source_remove);
  g_clear_pointer (&self->request_id, g_free);
  g_clear_pointer (&self->state, kh_intake_state_free);
  g_clear_handle_id (&self->pending_discard_id, g_source_remove);
  if (self->pending_discard != NULL)
    discard_ask_answer (g_steal_pointer (&self->pending_discard), TRUE, FALSE);
  g_clear_object (&self->pending_parent);
  g_cancellable_cancel (self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), KH_TYPE_INTAKE_FORM);

  g_clear_object (&self->cancellable);
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
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, channel_row);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, contactor_contact_row);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, contactor_detail_row);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, contactor_name_row);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, contactor_relation_row);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, directed_by_row);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, kela_kind_row);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, kela_meeting_row);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, no_assessment_row);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, opens_case_check);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, opens_case_row);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, outcome_consulted_check);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, outcome_consulted_row);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, urgency_no_check);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, urgency_yes_check);
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
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, person_picker);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, reason_text_box);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, reason_view);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, received_row);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, referral_row);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, save_button);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, scroller);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, service_row);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, status_label);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, waiting_revealer);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, urgent_note_row);
  gtk_widget_class_bind_template_child (widget_class, KhIntakeForm, urgent_row);

  gtk_widget_class_install_action (widget_class, "intake.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "intake.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "intake.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "intake.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "intake.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "intake.cancel", NULL);

  g_type_ensure (KH_TYPE_PERSON_PICKER);
}

static void
kh_intake_form_init (KhIntakeForm *self)
{
  GtkEventController *keys;

  /* Until the first reset makes the state, changes have nowhere to go. */
  self->resetting = TRUE;
  kh_field_message_ensure_style ();
  gtk_widget_init_template (GTK_WIDGET (self));
  kh_accessible_fix_mnemonics (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  setup_choices (self);

  self->services_retry = gtk_button_new_with_mnemonic (_("_Try Again"));
  gtk_widget_set_name (self->services_retry, "kh-services-retry");
  kh_accessible_fix_mnemonics (self->services_retry);
  gtk_widget_set_valign (self->services_retry, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (self->services_retry, FALSE);
  g_signal_connect (self->services_retry, "clicked", G_CALLBACK (services_retry_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->service_row), self->services_retry);

  g_signal_connect (self->person_picker, "chosen", G_CALLBACK (person_chosen_cb), self);
  g_signal_connect (self->person_picker, "changed", G_CALLBACK (person_changed_cb), self);
  g_signal_connect_swapped (self->person_picker, "stopped", G_CALLBACK (person_stopped_cb), self);

  g_signal_connect (self->anonymous_switch, "notify::active", G_CALLBACK (switch_changed_cb), self);
  g_signal_connect (self->interpreter_switch, "notify::active", G_CALLBACK (choice_changed_cb), self);
  {
    GObject *choices[] = {
      G_OBJECT (self->channel_row), G_OBJECT (self->contactor_row), G_OBJECT (self->referral_row),
      G_OBJECT (self->kela_kind_row), G_OBJECT (self->language_row), G_OBJECT (self->service_row),
      G_OBJECT (self->assign_row),
    };
    struct { AdwEntryRow *row; KhIntakeField field; } texts[] = {
      { self->contactor_detail_row, KH_INTAKE_FIELD_CONTACTOR_DETAIL },
      { self->contactor_name_row, KH_INTAKE_FIELD_CONTACTOR_NAME },
      { self->contactor_relation_row, KH_INTAKE_FIELD_CONTACTOR_RELATION },
      { self->contactor_contact_row, KH_INTAKE_FIELD_CONTACTOR_CONTACT },
      { self->directed_by_row, KH_INTAKE_FIELD_DIRECTED_BY },
      { self->urgent_note_row, KH_INTAKE_FIELD_URGENT_NOTE },
      { self->no_assessment_row, KH_INTAKE_FIELD_NO_ASSESSMENT_REASON },
      { self->outcome_note_row, KH_INTAKE_FIELD_OUTCOME_NOTE },
    };

    for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
      g_signal_connect (choices[i], "notify::selected", G_CALLBACK (choice_changed_cb), self);
    for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
      {
        g_object_set_data (G_OBJECT (texts[i].row), "kh-field", GINT_TO_POINTER (texts[i].field));
        g_signal_connect (texts[i].row, "changed", G_CALLBACK (text_changed_cb), self);
      }
  }
  g_signal_connect (self->received_row, "changed", G_CALLBACK (received_changed_cb), self);
  g_signal_connect (gtk_text_view_get_buffer (self->reason_view), "changed",
                    G_CALLBACK (reasons_changed_cb), self);
  for (guint i = 0; i < G_N_ELEMENTS (outcomes); i++)
    g_signal_connect (self->outcome_checks[i], "toggled", G_CALLBACK (outcome_toggled_cb), self);
  g_signal_connect (self->urgency_yes_check, "toggled", G_CALLBACK (urgency_toggled_cb), self);
  g_signal_connect (self->urgency_no_check, "toggled", G_CALLBACK (urgency_toggled_cb), self);
  g_signal_connect (self->opens_case_check, "toggled", G_CALLBACK (opens_case_toggled_cb), self);
  g_signal_connect (self->over_75_check, "toggled", G_CALLBACK (deadline_groups_toggled_cb), self);
  g_signal_connect (self->care_allowance_check, "toggled", G_CALLBACK (deadline_groups_toggled_cb), self);
  g_signal_connect (self->disabled_check, "toggled", G_CALLBACK (deadline_groups_toggled_cb), self);

  {
    GtkWidget *rows[] = {
      gtk_widget_get_ancestor (GTK_WIDGET (self->anonymous_switch), ADW_TYPE_ACTION_ROW),
      gtk_widget_get_ancestor (GTK_WIDGET (self->interpreter_switch), ADW_TYPE_ACTION_ROW),
      GTK_WIDGET (self->opens_case_row),
    };

    for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
      g_signal_connect (rows[i], "mnemonic-activate", G_CALLBACK (row_mnemonic_activate_cb), NULL);
  }

  /* Before a list box takes Enter to activate its row. */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (form_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

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
  AdwEntryRow *texts[] = {
    self->contactor_detail_row, self->contactor_name_row, self->contactor_relation_row,
    self->contactor_contact_row, self->directed_by_row, self->urgent_note_row,
    self->no_assessment_row, self->outcome_note_row,
  };

  g_return_if_fail (KH_IS_INTAKE_FORM (self));

  self->resetting = TRUE;

  /* A new submission, with an id of its own when it is first saved. */
  g_clear_pointer (&self->request_id, g_free);
  self->save_when_back = FALSE;
  g_clear_handle_id (&self->back_id, g_source_remove);

  kh_person_picker_reset (self->person_picker);
  gtk_switch_set_active (self->anonymous_switch, FALSE);

  now = g_date_time_new_now_local ();
  received = format_time (now);
  gtk_editable_set_text (GTK_EDITABLE (self->received_row), received);
  adw_combo_row_set_selected (self->channel_row, 0);
  adw_combo_row_set_selected (self->contactor_row, 0);
  adw_combo_row_set_selected (self->referral_row, 0);
  adw_combo_row_set_selected (self->kela_kind_row, 0);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    gtk_editable_set_text (GTK_EDITABLE (texts[i]), "");

  for (guint i = 0; i < KH_N_NEEDS; i++)
    gtk_check_button_set_active (self->need_checks[i], FALSE);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->reason_view), "", -1);

  gtk_check_button_set_active (self->urgency_yes_check, FALSE);
  gtk_check_button_set_active (self->urgency_no_check, FALSE);
  kh_form_rows_set_language (self->language_row, kh_form_rows_default_language ());
  gtk_switch_set_active (self->interpreter_switch, FALSE);

  /* A radio group cannot be emptied through its members in GTK 4.8 other
   * than by deactivating the active one. */
  for (guint i = 0; i < G_N_ELEMENTS (outcomes); i++)
    gtk_check_button_set_active (self->outcome_checks[i], FALSE);
  gtk_check_button_set_active (self->opens_case_check, FALSE);
  adw_combo_row_set_selected (self->service_row, 0);
  adw_combo_row_set_selected (self->assign_row, 0);
  gtk_check_button_set_active (self->over_75_check, FALSE);
  gtk_check_button_set_active (self->care_allowance_check, FALSE);
  gtk_check_button_set_active (self->disabled_check, FALSE);
  roving_reset (self->need_checks, KH_N_NEEDS);
  roving_reset (self->urgency_checks, 2);
  roving_reset (self->outcome_checks, G_N_ELEMENTS (outcomes));

  for (KhIntakeField field = KH_INTAKE_FIELD_RECEIVED; field < KH_INTAKE_N_FIELDS; field++)
    if (field_widget (self, field) != NULL)
      kh_field_message_set (field_widget (self, field), NULL);
  set_who_message (self, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  /* A new contact: nothing chosen, received now, in the language shown. */
  g_clear_pointer (&self->state, kh_intake_state_free);
  self->state = kh_intake_state_new ();
  kh_intake_state_set_received (self->state, now);
  kh_intake_state_set_language (self->state, kh_form_rows_get_language (self->language_row), FALSE);
  g_clear_object (&self->state->original);
  self->state->original = kh_contact_copy (self->state->contact);

  self->resetting = FALSE;
  update_form (self);
  update_waiting (self);
}

void
kh_intake_form_focus_start (KhIntakeForm *self)
{
  g_return_if_fail (KH_IS_INTAKE_FORM (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->person_picker));
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

  /* Issue 6, 7: a save that waits for the server may wait long; the
   * question is asked now, in its own words. */
  if (self->saving && is_waiting (self))
    {
      present_waiting_dialog (self, parent, ask);
      return;
    }
  if (self->saving)
    {
      self->pending_discard = ask;
      g_set_object (&self->pending_parent, parent);
      return;
    }
  present_discard_dialog (self, parent, ask);
}
