/* kh-plan-window.c — making and reviewing a case's client plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 9, 3–4: from a finished assessment on the person's page, the
 * worker makes the client plan (SHL 39 §) with the client: the need and
 * the services as both see them, the goals in the client's own words with
 * their life areas and actions (who: the client, the worker, or a person
 * or agency of the client's network; by when; how far), the partner
 * agencies with one coordinator (41 §), the meetings, the duration, the
 * follow-up and the review date, a disagreement with both views, and a
 * joint plan's consents. Once the case has a plan the window reviews it:
 * each goal being worked on is rated with the client on the unit's scale,
 * with a comment, and the next version is saved with the review; what
 * changed since the version before (kh_client_plan_compare) is shown.
 *
 * The state is the core's KhClientPlan: every change of a widget reads
 * the form into it (read_form), structural changes (a goal or an action
 * added or removed) change it and lay the goals out again from it, and
 * kh_client_plan_check's problems are shown at their fields — once Save
 * has been asked for, then as they are fixed. A store error is a toast;
 * the form keeps what was typed. The saved plan is sent to the client as
 * a letter (kh_plan_letter_build) in the client's language, with the
 * network map drawn in and the review that made the version.
 */
#define G_LOG_DOMAIN "kohtaamo-ui"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "core/kh-assessment.h"
#include "core/kh-client-plan.h"
#include "core/kh-network.h"
#include "core/kh-plan-settings.h"
#include "core/kh-text.h"
#include "documents/kh-plan-letter.h"
#include "ui/assessment/kh-assessment-fields.h"
#include "ui/common/kh-field-message.h"
#include "ui/common/kh-form-rows.h"
#include "ui/documents/kh-letter-issue.h"
#include "ui/documents/kh-plan-extract.h"
#include "ui/network/kh-network-common.h"
#include "kh-plan-window.h"

typedef struct
{
  AdwEntryRow *what;
  AdwComboRow *who;
  AdwEntryRow *due;
  AdwComboRow *status;
} ActionWidgets;

typedef struct
{
  AdwPreferencesGroup *group;
  AdwEntryRow         *text;
  AdwComboRow         *area;
  AdwComboRow         *status;       /* a review's */
  AdwEntryRow         *reason;
  AdwComboRow         *rating;       /* a review's, of a goal of the stored version */
  AdwEntryRow         *comment;
  GtkWidget           *add_action;
  GPtrArray           *actions;      /* ActionWidgets */
} GoalWidgets;

typedef struct
{
  KhNetworkMember *member;           /* borrowed from members */
  GtkSwitch       *on;
  AdwActionRow    *row;
  AdwEntryRow     *responsibility;
  GtkCheckButton  *coordinator;
} PartnerWidgets;

/* AVAIN's other parts at a review (issue 9, 4): a factor of the version
 * reviewed, or a service or method of the unit's lists; switched on when
 * it applied, then rated with the client and commented. */
typedef struct
{
  KhEvaluatedPart  part;
  char            *subject;          /* as shown, and as stored */
  AdwExpanderRow  *row;
  AdwComboRow     *rating;
  AdwEntryRow     *comment;
} PartWidgets;

/* The plan's free texts and where the form has them. */
typedef struct
{
  const char *key;
  gsize       offset;                /* of the char * in KhClientPlan */
} NoteField;

#define NOTE(key, field) { key, G_STRUCT_OFFSET (KhClientPlan, field) }
static const NoteField note_fields[] = {
  NOTE ("need-client", need_client_view),
  NOTE ("need-worker", need_worker_view),
  NOTE ("services-client", services_client_view),
  NOTE ("services-worker", services_worker_view),
  NOTE ("essential-services", essential_services),
  NOTE ("strengths", strengths),
  NOTE ("environment", environment),
  NOTE ("client-proposal", client_proposal),
  NOTE ("client-part", client_part),
  NOTE ("follow-up", follow_up),
  NOTE ("disagreement-client", disagreement_client),
  NOTE ("disagreement-worker", disagreement_worker),
};
#undef NOTE
#define N_NOTES G_N_ELEMENTS (note_fields)

struct _KhPlanWindow
{
  AdwWindow            parent_instance;

  /* template widgets */
  GtkBox              *content;
  GtkButton           *extract_button;
  GtkButton           *letter_button;
  GtkButton           *save_button;
  GtkScrolledWindow   *scroller;
  GtkStack            *stack;
  AdwStatusPage       *status_page;
  AdwWindowTitle      *title;
  AdwToastOverlay     *toast_overlay;

  /* borrowed: the form's widgets, made by build_form */
  AdwEntryRow         *made_row;
  GtkSwitch           *took_part;
  AdwEntryRow         *not_taking_part_row;
  GtkTextView         *notes[N_NOTES];
  GtkBox              *goals_box;
  GtkWidget           *add_goal;
  AdwPreferencesGroup *partners_group;
  GtkSwitch           *joint;
  AdwActionRow        *joint_row;
  AdwComboRow         *meetings_row;
  AdwEntryRow         *meeting_text_row;
  AdwEntryRow         *duration_row;
  AdwEntryRow         *review_row;
  GtkTextView         *helps;
  GtkTextView         *hinders;
  AdwPreferencesGroup *changes_group;

  /* owned */
  KhStore             *store;
  gint64               client_id;
  gint64               case_id;
  char                *client_name;
  KhAssessment        *assessment;     /* the case's finished version */
  GPtrArray           *members;        /* KhNetworkMember, the network as it stands */
  KhClientPlan        *stored;         /* the newest version, or NULL */
  KhClientPlan        *previous;       /* the one before it, or NULL */
  KhClientPlan        *plan;           /* the form */
  GPtrArray           *evaluations;    /* a review's, one per goal of `stored` */
  KhPlanScale         *scale;          /* the unit's (plan_scale), for this review */
  char               **services;       /* the unit's lists (plan_services, plan_methods) */
  char               **methods;
  gboolean             settings_read;
  GPtrArray           *part_widgets;   /* PartWidgets: factors, services, methods */
  KhPlanReview        *review;         /* the review that made `stored`, as read */
  gint64               review_of;      /* `stored`'s id when `review` is its */
  GtkBox              *review_box;     /* borrowed: where `review` shows */
  GPtrArray           *review_lines;   /* the review's lines, as shown */
  GPtrArray           *goal_widgets;   /* GoalWidgets */
  GPtrArray           *partner_widgets;/* PartnerWidgets */
  GPtrArray           *changes;        /* the changes' lines, as shown */
  GCancellable        *cancellable;

  gboolean             loaded;
  gboolean             filling;        /* the window writes the widgets */
  gboolean             show_all;       /* Save was asked for: every problem at its field */
  gboolean             busy;
};

G_DEFINE_FINAL_TYPE (KhPlanWindow, kh_plan_window, ADW_TYPE_WINDOW)

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
toast (KhPlanWindow *self,
       const char   *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static void
action_widgets_free (ActionWidgets *a)
{
  g_free (a);
}

static void
goal_widgets_free (GoalWidgets *g)
{
  g_ptr_array_unref (g->actions);
  g_free (g);
}

static void
part_widgets_free (PartWidgets *p)
{
  g_free (p->subject);
  g_free (p);
}

static void
today (GDate *out)
{
  g_date_clear (out, 1);
  g_date_set_time_t (out, time (NULL));
}

/* The extract for a partner (issue 9, 6) goes with the letter: of a
 * saved version with partners (the extract's window says when the plan
 * is not a joint one). */
static void
set_extract_enabled (KhPlanWindow *self,
                     gboolean      enabled)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.extract",
                                 enabled && self->stored != NULL && self->stored->partners->len > 0);
}

static gboolean
reviewing (KhPlanWindow *self)
{
  return self->stored != NULL;
}

/* ---- small widgets ---- */

static AdwPreferencesGroup *
add_group (GtkBox     *box,
           const char *title,
           const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (box, group);
  return ADW_PREFERENCES_GROUP (group);
}

static void edited (KhPlanWindow *self);

static AdwEntryRow *
add_entry (KhPlanWindow        *self,
           AdwPreferencesGroup *group,
           const char          *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  g_signal_connect_object (row, "changed", G_CALLBACK (edited), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (group, row);
  return ADW_ENTRY_ROW (row);
}

static AdwComboRow *
add_combo (KhPlanWindow        *self,
           AdwPreferencesGroup *group,
           const char          *title,
           GPtrArray           *labels)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

  for (guint i = 0; i < labels->len; i++)
    gtk_string_list_append (model, g_ptr_array_index (labels, i));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  kh_form_rows_show_whole_choices (ADW_COMBO_ROW (row));
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (edited), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (group, row);
  return ADW_COMBO_ROW (row);
}

/* A switch row (kh_form_rows_add_switch), watched. */
static GtkSwitch *
add_switch (KhPlanWindow        *self,
            AdwPreferencesGroup *group,
            const char          *title,
            const char          *subtitle,
            AdwActionRow       **out_row)
{
  GtkSwitch *sw = kh_form_rows_add_switch (GTK_WIDGET (group), title, subtitle, out_row);

  g_signal_connect_object (sw, "notify::active", G_CALLBACK (edited), self, G_CONNECT_SWAPPED);
  return sw;
}

/* A free text of the plan (kh_note_field_new), watched; its message
 * goes under it (note_box). */
static GtkTextView *
add_note (KhPlanWindow *self,
          GtkBox       *box,
          const char   *title,
          const char   *description)
{
  GtkTextView *view = kh_note_field_new (box, title, description);

  gtk_widget_set_margin_top (kh_note_field_get_box (view), 0);
  g_signal_connect_object (gtk_text_view_get_buffer (view), "changed", G_CALLBACK (edited), self,
                           G_CONNECT_SWAPPED);
  return view;
}

static char *
dup_note (GtkTextView *view)
{
  g_autofree char *text = kh_note_field_dup_text (view);

  return kh_text_filled (text) ? g_steal_pointer (&text) : NULL;
}

static char *
dup_entry (AdwEntryRow *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  return kh_text_filled (text) ? g_strdup (text) : NULL;
}

static void
set_entry (AdwEntryRow *row,
           const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
set_day (AdwEntryRow *row,
         const GDate *day)
{
  g_autofree char *text = g_date_valid (day) ? kh_date_format_dmy (day) : NULL;

  set_entry (row, text);
}

static void
read_day (AdwEntryRow *row,
          GDate       *out)
{
  kh_date_parse_field (gtk_editable_get_text (GTK_EDITABLE (row)), out);
}

static void
replace (char **field,
         char  *text)
{
  g_free (*field);
  *field = text;
}

/* ---- who does an action ---- */

/* The choices of an action's "who": the client, the worker, then the
 * network's entries as listed. */
static GPtrArray *
actor_labels (KhPlanWindow *self)
{
  GPtrArray *labels = g_ptr_array_new ();

  g_ptr_array_add (labels, (gpointer) kh_actor_label (KH_ACTOR_CLIENT));
  g_ptr_array_add (labels, (gpointer) kh_actor_label (KH_ACTOR_WORKER));
  for (guint i = 0; self->members != NULL && i < self->members->len; i++)
    g_ptr_array_add (labels, (gpointer) kh_network_member_display_name (g_ptr_array_index (self->members, i)));
  return labels;
}

static guint
actor_position (KhPlanWindow       *self,
                const KhPlanAction *action)
{
  if (action->actor == KH_ACTOR_WORKER)
    return 1;
  for (guint i = 0; action->actor == KH_ACTOR_NETWORK && self->members != NULL && i < self->members->len; i++)
    if (((KhNetworkMember *) g_ptr_array_index (self->members, i))->id == action->member_id)
      return 2 + i;
  return 0;
}

static void
read_actor (KhPlanWindow *self,
            AdwComboRow  *row,
            KhPlanAction *action)
{
  guint i = adw_combo_row_get_selected (row);

  action->member_id = 0;
  g_clear_pointer (&action->actor_name, g_free);
  if (i == 0 || i == GTK_INVALID_LIST_POSITION)
    action->actor = KH_ACTOR_CLIENT;
  else if (i == 1)
    action->actor = KH_ACTOR_WORKER;
  else
    {
      KhNetworkMember *m = g_ptr_array_index (self->members, i - 2);

      action->actor = KH_ACTOR_NETWORK;
      action->member_id = m->id;
      action->actor_name = g_strdup (kh_network_member_display_name (m));
    }
}

/* ---- the form's state ---- */

static void
read_goals (KhPlanWindow *self)
{
  for (guint i = 0; i < self->goal_widgets->len && i < self->plan->goals->len; i++)
    {
      GoalWidgets *w = g_ptr_array_index (self->goal_widgets, i);
      KhPlanGoal *goal = g_ptr_array_index (self->plan->goals, i);
      guint area = adw_combo_row_get_selected (w->area);

      replace (&goal->text, dup_entry (w->text));
      if (area != GTK_INVALID_LIST_POSITION && area < self->assessment->areas->len)
        {
          KhAreaAssessment *a = g_ptr_array_index (self->assessment->areas, area);

          replace (&goal->area_key, g_strdup (a->key));
          replace (&goal->area_label, g_strdup (a->label));
        }
      if (w->status != NULL)
        goal->status = adw_combo_row_get_selected (w->status) + 1;
      if (w->reason != NULL)
        {
          gtk_widget_set_visible (GTK_WIDGET (w->reason), goal->status == KH_GOAL_DROPPED);
          replace (&goal->status_reason, goal->status == KH_GOAL_DROPPED ? dup_entry (w->reason) : NULL);
        }
      for (guint j = 0; j < w->actions->len && j < goal->actions->len; j++)
        {
          ActionWidgets *aw = g_ptr_array_index (w->actions, j);
          KhPlanAction *action = g_ptr_array_index (goal->actions, j);

          replace (&action->what, dup_entry (aw->what));
          read_actor (self, aw->who, action);
          read_day (aw->due, &action->due);
          action->status = adw_combo_row_get_selected (aw->status) + 1;
        }
      /* A review's rating and comment of a goal of the stored version. */
      if (w->rating != NULL)
        for (guint e = 0; e < self->evaluations->len; e++)
          {
            KhPlanEvaluation *ev = g_ptr_array_index (self->evaluations, e);

            if (ev->goal_id != goal->id)
              continue;
            ev->rating = (int) adw_combo_row_get_selected (w->rating);
            replace (&ev->comment, dup_entry (w->comment));
          }
    }
}

static void
read_partners (KhPlanWindow *self)
{
  g_ptr_array_set_size (self->plan->partners, 0);
  for (guint i = 0; i < self->partner_widgets->len; i++)
    {
      PartnerWidgets *p = g_ptr_array_index (self->partner_widgets, i);
      g_autofree char *responsibility = NULL;

      gtk_widget_set_visible (GTK_WIDGET (p->responsibility), gtk_switch_get_active (p->on));
      gtk_widget_set_visible (GTK_WIDGET (p->coordinator), gtk_switch_get_active (p->on));
      if (!gtk_switch_get_active (p->on))
        continue;
      responsibility = dup_entry (p->responsibility);
      g_ptr_array_add (self->plan->partners,
                       kh_plan_partner_new (p->member->id, kh_network_member_display_name (p->member),
                                            responsibility, gtk_check_button_get_active (p->coordinator)));
    }
}

/* The factors, one a line of their text views. */
static void
read_factors (KhPlanWindow *self)
{
  GtkTextView *views[] = { self->helps, self->hinders };

  g_ptr_array_set_size (self->plan->factors, 0);
  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    {
      g_autofree char *text = dup_note (views[v]);
      g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        if (kh_text_filled (lines[i]))
          g_ptr_array_add (self->plan->factors,
                           kh_plan_factor_new (v == 0 ? KH_FACTOR_HELPS : KH_FACTOR_HINDERS, g_strstrip (lines[i])));
    }
}

static void
read_form (KhPlanWindow *self)
{
  KhClientPlan *p = self->plan;

  read_day (self->made_row, &p->made_on);
  p->client_took_part = gtk_switch_get_active (self->took_part);
  gtk_widget_set_visible (GTK_WIDGET (self->not_taking_part_row), !p->client_took_part);
  replace (&p->not_taking_part, p->client_took_part ? NULL : dup_entry (self->not_taking_part_row));
  for (guint i = 0; i < N_NOTES; i++)
    replace (G_STRUCT_MEMBER_P (p, note_fields[i].offset), dup_note (self->notes[i]));
  read_goals (self);
  read_partners (self);
  read_factors (self);
  p->meetings = adw_combo_row_get_selected (self->meetings_row) + 1;
  gtk_widget_set_visible (GTK_WIDGET (self->meeting_text_row), p->meetings == KH_MEETINGS_OTHER);
  replace (&p->meeting_text, p->meetings == KH_MEETINGS_OTHER ? dup_entry (self->meeting_text_row) : NULL);
  replace (&p->expected_duration, dup_entry (self->duration_row));
  read_day (self->review_row, &p->review_on);
  p->joint = gtk_switch_get_active (self->joint);
}

/* ---- the problems, at their fields ---- */

static gboolean
consent_cb (gint64   member_id,
            gpointer user_data)
{
  KhPlanWindow *self = user_data;
  GDate day;

  today (&day);
  for (guint i = 0; self->members != NULL && i < self->members->len; i++)
    {
      KhNetworkMember *m = g_ptr_array_index (self->members, i);

      if (m->id == member_id)
        return kh_network_may_share (m->consents, KH_CONSENT_SHARE_PLAN, &day);
    }
  return FALSE;
}

static GtkWidget *
note_widget (KhPlanWindow *self,
             const char   *key)
{
  for (guint i = 0; i < N_NOTES; i++)
    if (g_str_equal (note_fields[i].key, key))
      return kh_note_field_get_box (self->notes[i]);
  g_return_val_if_reached (NULL);
}

/* The partner widgets of the plan's partner `index` (the partners are the
 * switched-on entries, in order). */
static PartnerWidgets *
partner_at (KhPlanWindow *self,
            int           index)
{
  for (guint i = 0, n = 0; i < self->partner_widgets->len; i++)
    {
      PartnerWidgets *p = g_ptr_array_index (self->partner_widgets, i);

      if (gtk_switch_get_active (p->on) && (int) n++ == index)
        return p;
    }
  return NULL;
}

static GtkWidget *
issue_widget (KhPlanWindow      *self,
              const KhPlanIssue *issue)
{
  GoalWidgets *g = issue->goal >= 0 && (guint) issue->goal < self->goal_widgets->len
                   ? g_ptr_array_index (self->goal_widgets, issue->goal) : NULL;
  ActionWidgets *a = g != NULL && issue->item >= 0 && (guint) issue->item < g->actions->len
                     ? g_ptr_array_index (g->actions, issue->item) : NULL;
  PartnerWidgets *p = issue->goal < 0 && issue->item >= 0 ? partner_at (self, issue->item) : NULL;

  switch (issue->problem)
    {
    case KH_PLAN_PROBLEM_DATE:         return GTK_WIDGET (self->made_row);
    case KH_PLAN_PROBLEM_TOGETHER:     return GTK_WIDGET (self->not_taking_part_row);
    case KH_PLAN_PROBLEM_NEED:         return note_widget (self, "need-client");
    case KH_PLAN_PROBLEM_GOALS:        return self->add_goal;
    case KH_PLAN_PROBLEM_GOAL_TEXT:    return g != NULL ? GTK_WIDGET (g->text) : self->add_goal;
    case KH_PLAN_PROBLEM_GOAL_REASON:  return g != NULL ? GTK_WIDGET (g->reason) : self->add_goal;
    case KH_PLAN_PROBLEM_ACTION:       return a != NULL ? GTK_WIDGET (a->what) : NULL;
    case KH_PLAN_PROBLEM_PARTNER:      return p != NULL ? GTK_WIDGET (p->responsibility) : NULL;
    case KH_PLAN_PROBLEM_COORDINATOR:  return p != NULL ? GTK_WIDGET (p->row)
                                              : partner_at (self, 0) != NULL
                                              ? GTK_WIDGET (partner_at (self, 0)->row) : NULL;
    case KH_PLAN_PROBLEM_CONSENT:      return GTK_WIDGET (self->joint_row);
    case KH_PLAN_PROBLEM_MEETINGS:     return GTK_WIDGET (self->meetings_row);
    case KH_PLAN_PROBLEM_REVIEW:       return GTK_WIDGET (self->review_row);
    case KH_PLAN_PROBLEM_DISAGREEMENT: return note_widget (self, "disagreement-worker");
    case KH_PLAN_PROBLEM_TEXT:
      if (a != NULL)
        return GTK_WIDGET (a->what);
      if (g != NULL)
        return GTK_WIDGET (g->text);
      if (p != NULL)
        return GTK_WIDGET (p->responsibility);
      return note_widget (self, "need-client");
    case KH_PLAN_N_PROBLEMS:
    default:
      return NULL;
    }
}

/* Every field that can show a message, for clearing them. */
static GPtrArray *
message_fields (KhPlanWindow *self)
{
  GPtrArray *fields = g_ptr_array_new ();

  g_ptr_array_add (fields, self->made_row);
  g_ptr_array_add (fields, self->not_taking_part_row);
  for (guint i = 0; i < N_NOTES; i++)
    g_ptr_array_add (fields, kh_note_field_get_box (self->notes[i]));
  g_ptr_array_add (fields, self->add_goal);
  for (guint i = 0; i < self->goal_widgets->len; i++)
    {
      GoalWidgets *g = g_ptr_array_index (self->goal_widgets, i);

      g_ptr_array_add (fields, g->text);
      if (g->reason != NULL)
        g_ptr_array_add (fields, g->reason);
      if (g->rating != NULL)
        g_ptr_array_add (fields, g->rating);
      for (guint j = 0; j < g->actions->len; j++)
        {
          ActionWidgets *a = g_ptr_array_index (g->actions, j);

          g_ptr_array_add (fields, a->what);
          g_ptr_array_add (fields, a->due);
        }
    }
  for (guint i = 0; i < self->partner_widgets->len; i++)
    {
      PartnerWidgets *p = g_ptr_array_index (self->partner_widgets, i);

      g_ptr_array_add (fields, p->row);
      g_ptr_array_add (fields, p->responsibility);
    }
  g_ptr_array_add (fields, self->joint_row);
  g_ptr_array_add (fields, self->meetings_row);
  g_ptr_array_add (fields, self->review_row);
  return fields;
}

static void
set_message (GHashTable *shown,
             GtkWidget  *field,
             const char *message)
{
  if (field == NULL || message == NULL || g_hash_table_contains (shown, field))
    return;
  g_hash_table_add (shown, field);
  kh_field_message_set (field, message);
}

/* Shows the plan's problems (the review's too) at their fields, or only
 * dates typed wrong until Save was asked for. Returns how many there are. */
static guint
show_problems (KhPlanWindow *self)
{
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(GPtrArray) fields = message_fields (self);
  g_autoptr(GHashTable) shown = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) missing = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n;
  GDate day;

  today (&day);
  issues = kh_client_plan_check (self->plan, &day, consent_cb, self);
  n = issues->len;
  /* A date typed wrong says so at once. */
  set_message (shown, GTK_WIDGET (self->made_row), kh_date_field_message (gtk_editable_get_text (GTK_EDITABLE (self->made_row))));
  set_message (shown, GTK_WIDGET (self->review_row),
               kh_date_field_message (gtk_editable_get_text (GTK_EDITABLE (self->review_row))));
  for (guint i = 0; i < self->goal_widgets->len; i++)
    {
      GoalWidgets *g = g_ptr_array_index (self->goal_widgets, i);

      for (guint j = 0; j < g->actions->len; j++)
        {
          ActionWidgets *a = g_ptr_array_index (g->actions, j);
          const char *wrong = kh_date_field_message (gtk_editable_get_text (GTK_EDITABLE (a->due)));

          set_message (shown, GTK_WIDGET (a->due), wrong);
          n += wrong != NULL;
        }
    }
  if (self->show_all)
    for (guint i = 0; i < issues->len; i++)
      {
        const KhPlanIssue *issue = g_ptr_array_index (issues, i);

        set_message (shown, issue_widget (self, issue), issue->message);
      }
  /* A review rates every goal being worked on. */
  if (reviewing (self) && !kh_plan_review_complete (self->stored, self->evaluations, self->scale, missing))
    n += missing->len;
  for (guint m = 0; m < missing->len; m++)
    for (guint i = 0; i < self->goal_widgets->len && i < self->plan->goals->len; i++)
        {
          GoalWidgets *g = g_ptr_array_index (self->goal_widgets, i);

          if (self->show_all && g->rating != NULL
              && ((KhPlanGoal *) g_ptr_array_index (self->plan->goals, i))->id == g_array_index (missing, gint64, m))
            set_message (shown, GTK_WIDGET (g->rating), _("Rate the goal with the client."));
        }
  for (guint i = 0; i < fields->len; i++)
    if (!g_hash_table_contains (shown, g_ptr_array_index (fields, i)))
      kh_field_message_set (g_ptr_array_index (fields, i), NULL);
  return n;
}

static void
edited (KhPlanWindow *self)
{
  if (self->filling || self->plan == NULL)
    return;
  read_form (self);
  show_problems (self);
}

/* ---- the goals, laid out from the state ---- */

static void rebuild_goals (KhPlanWindow *self);
static GPtrArray *rating_labels (const KhPlanScale *scale);

static void
add_goal_clicked_cb (KhPlanWindow *self)
{
  KhAreaAssessment *first = self->assessment->areas->len > 0 ? g_ptr_array_index (self->assessment->areas, 0)
                                                               : NULL;

  read_form (self);
  g_ptr_array_add (self->plan->goals, kh_plan_goal_new (NULL, first != NULL ? first->key : NULL,
                                                        first != NULL ? first->label : NULL));
  rebuild_goals (self);
  gtk_widget_grab_focus (GTK_WIDGET (((GoalWidgets *) g_ptr_array_index (self->goal_widgets,
                                                                         self->goal_widgets->len - 1))->text));
}

static void
remove_goal_clicked_cb (GtkButton    *button,
                        KhPlanWindow *self)
{
  guint goal = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "kh-goal"));

  read_form (self);
  if (goal < self->plan->goals->len)
    g_ptr_array_remove_index (self->plan->goals, goal);
  rebuild_goals (self);
}

static void
add_action_clicked_cb (GtkButton    *button,
                       KhPlanWindow *self)
{
  guint goal = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "kh-goal"));
  GoalWidgets *w;

  read_form (self);
  if (goal >= self->plan->goals->len)
    return;
  g_ptr_array_add (((KhPlanGoal *) g_ptr_array_index (self->plan->goals, goal))->actions,
                   kh_plan_action_new (NULL, KH_ACTOR_CLIENT, 0, NULL));
  rebuild_goals (self);
  w = g_ptr_array_index (self->goal_widgets, goal);
  gtk_widget_grab_focus (GTK_WIDGET (((ActionWidgets *) g_ptr_array_index (w->actions, w->actions->len - 1))->what));
}

static void
remove_action_clicked_cb (GtkButton    *button,
                          KhPlanWindow *self)
{
  guint goal = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "kh-goal"));
  guint item = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "kh-action"));
  KhPlanGoal *g;

  read_form (self);
  if (goal >= self->plan->goals->len)
    return;
  g = g_ptr_array_index (self->plan->goals, goal);
  if (item < g->actions->len)
    g_ptr_array_remove_index (g->actions, item);
  rebuild_goals (self);
}

static GtkWidget *
small_button (const char *label,
              const char *tooltip)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  if (tooltip != NULL)
    gtk_widget_set_tooltip_text (button, tooltip);
  return button;
}

static GPtrArray *
labels_of (const char *(*label) (int),
           int          first,
           int          last)
{
  GPtrArray *labels = g_ptr_array_new ();

  for (int i = first; i <= last; i++)
    g_ptr_array_add (labels, (gpointer) label (i));
  return labels;
}

static const char *
goal_status_label (int status)
{
  return kh_goal_status_label (status);
}

static const char *
action_status_label (int status)
{
  return kh_action_status_label (status);
}

static const char *
meetings_label (int meetings)
{
  return kh_meeting_frequency_label (meetings);
}

/* The evaluation of the stored goal `id` in this review, or NULL. */
static KhPlanEvaluation *
evaluation_of (KhPlanWindow *self,
               gint64        id)
{
  for (guint i = 0; id > 0 && i < self->evaluations->len; i++)
    if (((KhPlanEvaluation *) g_ptr_array_index (self->evaluations, i))->goal_id == id)
      return g_ptr_array_index (self->evaluations, i);
  return NULL;
}

static void
build_action (KhPlanWindow *self,
              GoalWidgets  *w,
              guint         goal,
              guint         item,
              KhPlanAction *action)
{
  ActionWidgets *a = g_new0 (ActionWidgets, 1);
  g_autoptr(GPtrArray) actors = actor_labels (self);
  g_autoptr(GPtrArray) statuses = labels_of (action_status_label, KH_ACTION_PLANNED, KH_ACTION_STATUS_LAST);
  /* Translators: %d is an action's number under its goal */
  g_autofree char *title = g_strdup_printf (_("Action %d: what is done"), item + 1);

  a->what = add_entry (self, w->group, title);
  /* An action of a stored version is done or dropped, not removed. */
  if (action->id <= 0)
    {
      GtkWidget *remove = small_button (_("Remove"), _("Remove the action"));

      adw_entry_row_add_suffix (a->what, remove);
      g_object_set_data (G_OBJECT (remove), "kh-goal", GUINT_TO_POINTER (goal));
      g_object_set_data (G_OBJECT (remove), "kh-action", GUINT_TO_POINTER (item));
      g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_action_clicked_cb), self, 0);
    }
  a->who = add_combo (self, w->group, _("Who does it"), actors);
  a->due = add_entry (self, w->group, _("By when (d.m.yyyy)"));
  a->status = add_combo (self, w->group, _("How far"), statuses);
  set_entry (a->what, action->what);
  adw_combo_row_set_selected (a->who, actor_position (self, action));
  set_day (a->due, &action->due);
  adw_combo_row_set_selected (a->status, action->status - 1);
  g_ptr_array_add (w->actions, a);
}

static void
build_goal (KhPlanWindow *self,
            guint         index,
            KhPlanGoal   *goal)
{
  GoalWidgets *w = g_new0 (GoalWidgets, 1);
  g_autoptr(GPtrArray) areas = g_ptr_array_new ();
  /* Translators: %d is a goal's number in the client plan */
  g_autofree char *title = g_strdup_printf (_("Goal %d"), index + 1);
  KhPlanEvaluation *evaluation = evaluation_of (self, goal->id);
  GtkWidget *remove;
  guint area = 0;

  w->actions = g_ptr_array_new_with_free_func ((GDestroyNotify) action_widgets_free);
  w->group = add_group (self->goals_box, title, NULL);
  /* A goal of a stored version is kept, achieved or dropped, not removed. */
  if (goal->id <= 0)
    {
      remove = small_button (_("Remove Goal"), NULL);
      g_object_set_data (G_OBJECT (remove), "kh-goal", GUINT_TO_POINTER (index));
      g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_goal_clicked_cb), self, 0);
      adw_preferences_group_set_header_suffix (w->group, remove);
    }
  w->text = add_entry (self, w->group, _("The goal in the client’s own words"));
  set_entry (w->text, goal->text);
  for (guint i = 0; i < self->assessment->areas->len; i++)
    {
      KhAreaAssessment *a = g_ptr_array_index (self->assessment->areas, i);

      g_ptr_array_add (areas, a->label);
      if (g_strcmp0 (a->key, goal->area_key) == 0)
        area = i;
    }
  w->area = add_combo (self, w->group, _("Life area"), areas);
  adw_combo_row_set_selected (w->area, area);

  if (reviewing (self))
    {
      g_autoptr(GPtrArray) statuses = labels_of (goal_status_label, KH_GOAL_ACTIVE, KH_GOAL_STATUS_LAST);

      w->status = add_combo (self, w->group, _("The goal is"), statuses);
      adw_combo_row_set_selected (w->status, goal->status - 1);
      w->reason = add_entry (self, w->group, _("Why it was dropped"));
      set_entry (w->reason, goal->status_reason);
      gtk_widget_set_visible (GTK_WIDGET (w->reason), goal->status == KH_GOAL_DROPPED);
    }
  if (evaluation != NULL)
    {
      g_autoptr(GPtrArray) steps = rating_labels (self->scale);

      w->rating = add_combo (self, w->group, _("Progress, as rated with the client"), steps);
      adw_combo_row_set_selected (w->rating, evaluation->rating);
      w->comment = add_entry (self, w->group, _("Comment on the progress"));
      set_entry (w->comment, evaluation->comment);
    }

  for (guint j = 0; j < goal->actions->len; j++)
    build_action (self, w, index, j, g_ptr_array_index (goal->actions, j));
  w->add_action = small_button (_("Add _Action"), NULL);
  g_object_set_data (G_OBJECT (w->add_action), "kh-goal", GUINT_TO_POINTER (index));
  g_signal_connect_object (w->add_action, "clicked", G_CALLBACK (add_action_clicked_cb), self, 0);
  gtk_widget_set_halign (w->add_action, GTK_ALIGN_START);
  gtk_widget_set_margin_top (w->add_action, 6);
  adw_preferences_group_add (w->group, w->add_action);
  g_ptr_array_add (self->goal_widgets, w);
}

static void
rebuild_goals (KhPlanWindow *self)
{
  GtkWidget *child;

  self->filling = TRUE;
  g_ptr_array_set_size (self->goal_widgets, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->goals_box))) != NULL)
    gtk_box_remove (self->goals_box, child);
  for (guint i = 0; i < self->plan->goals->len; i++)
    build_goal (self, i, g_ptr_array_index (self->plan->goals, i));
  self->filling = FALSE;
  read_form (self);
  show_problems (self);
}

/* ---- the changes since the previous version ---- */

static char *
join_goals (GPtrArray *goals,
            gboolean   with_reason)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < goals->len; i++)
    {
      KhPlanGoal *goal = g_ptr_array_index (goals, i);

      g_string_append_printf (s, "%s%s", i > 0 ? "; " : "", goal->text);
      if (with_reason && goal->status_reason != NULL)
        g_string_append_printf (s, " (%s)", goal->status_reason);
    }
  return g_string_free (s, FALSE);
}

static char *
join_actions (GPtrArray *actions)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < actions->len; i++)
    {
      KhPlanAction *action = g_ptr_array_index (actions, i);
      const char *who = action->actor == KH_ACTOR_NETWORK && action->actor_name != NULL ? action->actor_name
                        : kh_actor_label (action->actor);

      g_string_append_printf (s, "%s%s (%s)", i > 0 ? "; " : "", action->what, who);
    }
  return g_string_free (s, FALSE);
}

static void
add_change (KhPlanWindow *self,
            const char   *title,
            char         *text)   /* taken */
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
  adw_preferences_group_add (self->changes_group, row);
  g_ptr_array_add (self->changes, g_strdup_printf ("%s: %s", title, text));
  g_free (text);
}

static void
build_changes (KhPlanWindow *self,
               GtkBox       *box)
{
  g_autoptr(KhPlanChanges) changes = NULL;
  g_autofree char *title = NULL;
  GDate day;

  g_ptr_array_set_size (self->changes, 0);
  if (self->stored == NULL || self->previous == NULL)
    return;
  today (&day);
  changes = kh_client_plan_compare (self->previous, self->stored, &day);
  /* Translators: the changes of the client plan's newest version; %d and %d are version numbers */
  title = g_strdup_printf (_("Changes in version %d since version %d"), self->stored->version,
                           self->previous->version);
  self->changes_group = add_group (box, title, NULL);
  if (changes->goals_added->len > 0)
    add_change (self, _("Goals added"), join_goals (changes->goals_added, FALSE));
  if (changes->goals_achieved->len > 0)
    add_change (self, _("Goals achieved"), join_goals (changes->goals_achieved, FALSE));
  if (changes->goals_dropped->len > 0)
    add_change (self, _("Goals dropped"), join_goals (changes->goals_dropped, TRUE));
  if (changes->actions_done->len > 0)
    add_change (self, _("Actions done"), join_actions (changes->actions_done));
  if (changes->actions_late->len > 0)
    add_change (self, _("Actions late"), join_actions (changes->actions_late));
  if (self->changes->len == 0)
    add_change (self, _("No changes"), g_strdup (_("The goals and actions are as they were.")));
}

/* ---- AVAIN's parts at a review (issue 9, 4) ---- */

/* "Not rated", then the scale's steps in the UI language. */
static GPtrArray *
rating_labels (const KhPlanScale *scale)
{
  GPtrArray *steps = g_ptr_array_new ();

  /* Translators: a goal not yet rated at a review */
  g_ptr_array_add (steps, (gpointer) C_("plan rating", "Not rated"));
  for (int s = 1; s <= scale->steps; s++)
    g_ptr_array_add (steps, (gpointer) kh_plan_scale_label (scale, s, kh_form_rows_ui_language ()));
  return steps;
}

static void
add_part (KhPlanWindow        *self,
          AdwPreferencesGroup *group,
          KhEvaluatedPart      part,
          const char          *subject,
          const char          *subtitle)
{
  PartWidgets *p = g_new0 (PartWidgets, 1);
  g_autoptr(GPtrArray) steps = rating_labels (self->scale);
  GtkWidget *rating = adw_combo_row_new ();
  GtkWidget *comment = adw_entry_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

  p->part = part;
  p->subject = g_strdup (subject);
  p->row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (p->row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (p->row), subject);
  if (subtitle != NULL)
    adw_expander_row_set_subtitle (p->row, subtitle);
  /* Off until the worker and the client find that it applied. */
  adw_expander_row_set_show_enable_switch (p->row, TRUE);
  adw_expander_row_set_enable_expansion (p->row, FALSE);

  for (guint i = 0; i < steps->len; i++)
    gtk_string_list_append (model, g_ptr_array_index (steps, i));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rating), _("How it worked, as rated with the client"));
  adw_combo_row_set_model (ADW_COMBO_ROW (rating), G_LIST_MODEL (model));
  kh_form_rows_show_whole_choices (ADW_COMBO_ROW (rating));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (comment), _("Comment"));
  adw_expander_row_add_row (p->row, rating);
  adw_expander_row_add_row (p->row, comment);
  p->rating = ADW_COMBO_ROW (rating);
  p->comment = ADW_ENTRY_ROW (comment);
  adw_preferences_group_add (group, GTK_WIDGET (p->row));
  g_ptr_array_add (self->part_widgets, p);
}

/* The review's sections for the factors of the version reviewed and the
 * unit's services and methods. */
static GtkBox *
build_parts (KhPlanWindow *self)
{
  GtkBox *box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 12));
  AdwPreferencesGroup *group;
  guint n;

  g_ptr_array_set_size (self->part_widgets, 0);
  group = add_group (box, _("Factors that help or hinder"),
                     _("Switch on the factors of the plan that played a part, and rate with the client how each worked."));
  gtk_widget_set_name (GTK_WIDGET (group), "avain-factors");
  for (guint i = 0; i < self->stored->factors->len; i++)
    {
      KhPlanFactor *f = g_ptr_array_index (self->stored->factors, i);

      add_part (self, group, KH_EVALUATED_FACTOR, f->text, kh_factor_effect_label (f->effect));
    }
  if (self->stored->factors->len == 0)
    adw_preferences_group_set_description (group, _("The plan names no factors that help or hinder."));

  group = add_group (box, _("Services"),
                     _("Switch on the services the client has had, and rate with the client how each worked."));
  gtk_widget_set_name (GTK_WIDGET (group), "avain-services");
  n = self->services != NULL ? g_strv_length (self->services) : 0;
  for (guint i = 0; i < n; i++)
    add_part (self, group, KH_EVALUATED_SERVICE, self->services[i], NULL);
  if (n == 0)
    adw_preferences_group_set_description (group, _("The unit has not listed its services yet. The lead social worker lists them in Preferences → Client Plans."));

  group = add_group (box, _("Methods"),
                     _("Switch on the working methods used with the client, and rate with the client how each worked."));
  gtk_widget_set_name (GTK_WIDGET (group), "avain-methods");
  n = self->methods != NULL ? g_strv_length (self->methods) : 0;
  for (guint i = 0; i < n; i++)
    add_part (self, group, KH_EVALUATED_METHOD, self->methods[i], NULL);
  if (n == 0)
    adw_preferences_group_set_description (group, _("The unit has not listed its working methods yet. The lead social worker lists them in Preferences → Client Plans."));
  return box;
}

/* The review's evaluations: the goals' and the parts switched on. */
static GPtrArray *
review_evaluations (KhPlanWindow *self)
{
  GPtrArray *all = g_ptr_array_new_with_free_func ((GDestroyNotify) kh_plan_evaluation_free);

  for (guint i = 0; i < self->evaluations->len; i++)
    {
      KhPlanEvaluation *e = g_ptr_array_index (self->evaluations, i);

      g_ptr_array_add (all, kh_plan_evaluation_new (e->part, e->goal_id, e->subject, e->rating, e->comment));
    }
  for (guint i = 0; i < self->part_widgets->len; i++)
    {
      PartWidgets *p = g_ptr_array_index (self->part_widgets, i);
      g_autofree char *comment = NULL;
      guint rating;

      if (!adw_expander_row_get_enable_expansion (p->row))
        continue;
      rating = adw_combo_row_get_selected (p->rating);
      comment = dup_entry (p->comment);
      g_ptr_array_add (all, kh_plan_evaluation_new (p->part, 0, p->subject,
                                                    rating == GTK_INVALID_LIST_POSITION ? 0 : (int) rating,
                                                    comment));
    }
  return all;
}

/* ---- the review that made the newest version, read-only ---- */

static const char *
goal_text (KhPlanWindow *self,
           gint64        id)
{
  const KhClientPlan *plans[] = { self->previous, self->stored };

  for (guint p = 0; p < G_N_ELEMENTS (plans); p++)
    for (guint i = 0; plans[p] != NULL && i < plans[p]->goals->len; i++)
      if (((KhPlanGoal *) g_ptr_array_index (plans[p]->goals, i))->id == id)
        return ((KhPlanGoal *) g_ptr_array_index (plans[p]->goals, i))->text;
  return "";
}

static void
show_review (KhPlanWindow *self)
{
  static const KhEvaluatedPart parts[] = { KH_EVALUATED_GOAL, KH_EVALUATED_FACTOR, KH_EVALUATED_SERVICE,
                                           KH_EVALUATED_METHOD };
  const char *language = kh_form_rows_ui_language ();
  const KhPlanScale *scale;
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  GtkWidget *child;

  g_ptr_array_set_size (self->review_lines, 0);
  if (self->review_box == NULL)
    return;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->review_box))) != NULL)
    gtk_box_remove (self->review_box, child);
  gtk_widget_set_visible (GTK_WIDGET (self->review_box), FALSE);
  if (self->review == NULL || self->review_of != self->stored->id || self->review->scale == NULL)
    return;
  scale = self->review->scale;

  /* Translators: %d is the version the review evaluated */
  title = g_strdup_printf (_("Evaluated at the review of version %d"), self->stored->version - 1);
  /* Translators: the scale of a past review: its lowest and highest steps, then the number of steps */
  description = g_strdup_printf (_("Rated with the client on the scale of that review, from “%s” (1) to “%s” (%d)."),
                                 kh_plan_scale_label (scale, 1, language),
                                 kh_plan_scale_label (scale, scale->steps, language), scale->steps);
  add_group (self->review_box, title, description);
  for (guint p = 0; p < G_N_ELEMENTS (parts); p++)
    {
      AdwPreferencesGroup *group = NULL;
      const char *heading = parts[p] == KH_EVALUATED_GOAL ? _("Goals")
                            : parts[p] == KH_EVALUATED_FACTOR ? _("Factors that help or hinder")
                            : parts[p] == KH_EVALUATED_SERVICE ? _("Services")
                            : _("Methods");

      for (guint i = 0; i < self->review->evaluations->len; i++)
        {
          KhPlanEvaluation *e = g_ptr_array_index (self->review->evaluations, i);
          const char *subject = e->part == KH_EVALUATED_GOAL ? goal_text (self, e->goal_id) : e->subject;
          const char *rating = e->rating > 0 ? kh_plan_scale_label (scale, e->rating, language)
                                             : C_("plan rating", "Not rated");
          g_autofree char *subtitle = NULL;
          GtkWidget *row;

          if (e->part != parts[p])
            continue;
          if (group == NULL)
            group = add_group (self->review_box, heading, NULL);
          /* Translators: a past rating, then its comment: "Much progress — Rent paid for three months." */
          subtitle = e->comment != NULL ? g_strdup_printf (_("%s — %s"), rating, e->comment) : g_strdup (rating);
          row = adw_action_row_new ();
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), subject);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
          adw_preferences_group_add (group, row);
          g_ptr_array_add (self->review_lines, g_strdup_printf ("%s: %s: %s", heading, subject, subtitle));
        }
    }
  gtk_widget_set_visible (GTK_WIDGET (self->review_box), TRUE);
}

static void
review_read_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(KhPlanWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  KhPlanReview *review = kh_store_read_plan_review_finish (KH_STORE (object), result, &error);
  gint64 version_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (self), "kh-review-of"));

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (review == NULL)
    {
      toast (self, error->message);
      return;
    }
  g_clear_pointer (&self->review, kh_plan_review_free);
  self->review = review;
  self->review_of = version_id;
  show_review (self);
}

/* Reads the review that made the newest version (a version after the
 * first), to show it. */
static void
read_review (KhPlanWindow *self)
{
  if (self->stored == NULL || self->stored->version < 2 || self->review_of == self->stored->id)
    return;
  g_object_set_data (G_OBJECT (self), "kh-review-of", GSIZE_TO_POINTER (self->stored->id));
  kh_store_read_plan_review_async (self->store, self->client_id, self->stored->id, self->cancellable,
                                   review_read_cb, g_object_ref (self));
}

/* ---- the whole form ---- */

static void
build_partners (KhPlanWindow *self,
                GtkBox       *box)
{
  GtkCheckButton *group = NULL;
  GDate day;

  today (&day);
  self->partners_group = add_group (box, _("Partner agencies (41 §)"),
                                    _("The agencies of the client’s network that take part in the plan, what each is responsible for, and the one that coordinates it."));
  for (guint i = 0; self->members != NULL && i < self->members->len; i++)
    {
      KhNetworkMember *m = g_ptr_array_index (self->members, i);
      PartnerWidgets *p;
      const KhPlanPartner *partner = NULL;
      GtkWidget *coordinator;

      if (m->kind != KH_NETWORK_AGENCY)
        continue;
      for (guint j = 0; j < self->plan->partners->len; j++)
        if (((KhPlanPartner *) g_ptr_array_index (self->plan->partners, j))->member_id == m->id)
          partner = g_ptr_array_index (self->plan->partners, j);
      p = g_new0 (PartnerWidgets, 1);
      p->member = m;
      p->on = add_switch (self, self->partners_group, kh_network_member_display_name (m),
                          kh_network_may_share (m->consents, KH_CONSENT_SHARE_PLAN, &day)
                          ? _("The client has consented to sharing the plan")
                          : _("No consent to share the plan"),
                          &p->row);
      p->responsibility = add_entry (self, self->partners_group, _("Responsible for"));
      coordinator = gtk_check_button_new_with_label (_("Coordinates the plan"));
      gtk_widget_set_margin_start (coordinator, 12);
      gtk_widget_set_margin_top (coordinator, 6);
      gtk_widget_set_margin_bottom (coordinator, 6);
      if (group != NULL)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (coordinator), group);
      else
        group = GTK_CHECK_BUTTON (coordinator);
      g_signal_connect_object (coordinator, "toggled", G_CALLBACK (edited), self, G_CONNECT_SWAPPED);
      adw_preferences_group_add (self->partners_group, coordinator);
      p->coordinator = GTK_CHECK_BUTTON (coordinator);
      gtk_switch_set_active (p->on, partner != NULL);
      set_entry (p->responsibility, partner != NULL ? partner->responsibility : NULL);
      gtk_check_button_set_active (p->coordinator, partner != NULL && partner->coordinator);
      g_ptr_array_add (self->partner_widgets, p);
    }
  if (self->partner_widgets->len == 0)
    adw_preferences_group_set_description (self->partners_group,
                                           _("The client’s network has no agencies yet: add them on the network page."));
}

static GtkBox *
section (void)
{
  return GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 12));
}

static void
build_form (KhPlanWindow *self)
{
  GtkBox *box = self->content;
  GtkBox *needs, *goals, *partners, *meetings_box, *disagreement;
  AdwPreferencesGroup *group;
  GtkWidget *child;
  g_autoptr(GPtrArray) meetings = labels_of (meetings_label, KH_MEETINGS_WEEKLY, KH_MEETINGS_LAST);
  GString *factors[2] = { g_string_new (NULL), g_string_new (NULL) };

  self->filling = TRUE;
  g_ptr_array_set_size (self->goal_widgets, 0);
  g_ptr_array_set_size (self->partner_widgets, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
  self->changes_group = NULL;

  build_changes (self, box);
  self->review_box = NULL;
  if (self->stored != NULL && self->stored->version > 1)
    {
      self->review_box = section ();
      gtk_widget_set_name (GTK_WIDGET (self->review_box), "past-review");
      gtk_box_append (box, GTK_WIDGET (self->review_box));
      show_review (self);
    }

  group = add_group (box, reviewing (self) ? _("The review") : _("The plan"),
                     reviewing (self)
                     ? _("Go through the plan with the client: rate each goal, mark what was achieved or dropped, and agree on what comes next. The review saves the plan’s next version.")
                     : _("Made together with the client from the finished service-need assessment (SHL 39 §)."));
  self->made_row = add_entry (self, group, reviewing (self) ? _("Reviewed on (d.m.yyyy)") : _("Made on (d.m.yyyy)"));
  self->took_part = add_switch (self, group, _("The client took part"), NULL, NULL);
  self->not_taking_part_row = add_entry (self, group, _("Why the client did not take part"));

  /* The sections in 39 §'s order; a review starts from the goals. */
  needs = section ();
  add_group (needs, _("Need and services (39 § 1–3)"), NULL);
  self->notes[0] = add_note (self, needs, _("The need for support, as the client sees it"), NULL);
  self->notes[1] = add_note (self, needs, _("The need for support, as the worker sees it"), NULL);
  self->notes[2] = add_note (self, needs, _("The services, as the client sees them"), NULL);
  self->notes[3] = add_note (self, needs, _("The services, as the worker sees them"), NULL);
  self->notes[4] = add_note (self, needs, _("Essential services, their start and duration"), NULL);
  self->notes[5] = add_note (self, needs, _("Strengths and resources"), NULL);
  self->notes[6] = add_note (self, needs, _("How the situation and surroundings affect coping"), NULL);
  self->notes[7] = add_note (self, needs, _("The client’s own proposal on how the services are arranged"), NULL);

  goals = section ();
  add_group (goals, _("Goals and actions"), _("The goals in the client’s own words, each with what is done, by whom and by when."));
  self->goals_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 12));
  gtk_box_append (goals, GTK_WIDGET (self->goals_box));
  self->add_goal = gtk_button_new_with_mnemonic (_("Add _Goal"));
  gtk_widget_set_halign (self->add_goal, GTK_ALIGN_START);
  g_signal_connect_object (self->add_goal, "clicked", G_CALLBACK (add_goal_clicked_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (goals, self->add_goal);
  self->notes[8] = add_note (self, goals, _("The client’s own part"), NULL);
  self->helps = add_note (self, goals, _("Factors that help reach the goals"), _("One a line."));
  self->hinders = add_note (self, goals, _("Factors that hinder reaching the goals"), _("One a line."));

  partners = section ();
  build_partners (self, partners);
  group = add_group (partners, _("Sharing"), NULL);
  self->joint = add_switch (self, group, _("Joint plan, shared with the partners"),
                            _("Only with the client’s consent to share the plan with each of them"), &self->joint_row);

  meetings_box = section ();
  group = add_group (meetings_box, _("Meetings and follow-up (39 § 4, 7, 9)"), NULL);
  self->meetings_row = add_combo (self, group, _("How often the client and the worker meet"), meetings);
  self->meeting_text_row = add_entry (self, group, _("As agreed"));
  self->duration_row = add_entry (self, group, _("Expected duration"));
  self->review_row = add_entry (self, group, _("The plan is reviewed by (d.m.yyyy)"));
  self->notes[9] = add_note (self, meetings_box, _("How progress is followed"), NULL);

  disagreement = section ();
  add_group (disagreement, _("Disagreement"), _("When the client and the worker see something differently, both views with their reasons."));
  self->notes[10] = add_note (self, disagreement, _("The client’s view"), NULL);
  self->notes[11] = add_note (self, disagreement, _("The worker’s view"), NULL);

  {
    GtkBox *order[] = { needs, goals, partners, meetings_box, disagreement };
    GtkBox *review_order[] = { goals, meetings_box, partners, needs, disagreement };

    for (guint i = 0; i < G_N_ELEMENTS (order); i++)
      {
        gtk_box_append (box, GTK_WIDGET (reviewing (self) ? review_order[i] : order[i]));
        /* A review evaluates AVAIN's other parts right after the goals. */
        if (reviewing (self) && i == 0)
          gtk_box_append (box, GTK_WIDGET (build_parts (self)));
      }
  }

  /* The state into the widgets. */
  set_day (self->made_row, &self->plan->made_on);
  gtk_switch_set_active (self->took_part, self->plan->client_took_part);
  set_entry (self->not_taking_part_row, self->plan->not_taking_part);
  for (guint i = 0; i < N_NOTES; i++)
    kh_note_field_set_text (self->notes[i], G_STRUCT_MEMBER (char *, self->plan, note_fields[i].offset));
  for (guint i = 0; i < self->plan->factors->len; i++)
    {
      KhPlanFactor *f = g_ptr_array_index (self->plan->factors, i);
      GString *s = factors[f->effect == KH_FACTOR_HELPS ? 0 : 1];

      g_string_append_printf (s, "%s%s", s->len > 0 ? "\n" : "", f->text);
    }
  kh_note_field_set_text (self->helps, factors[0]->str);
  kh_note_field_set_text (self->hinders, factors[1]->str);
  g_string_free (factors[0], TRUE);
  g_string_free (factors[1], TRUE);
  gtk_switch_set_active (self->joint, self->plan->joint);
  adw_combo_row_set_selected (self->meetings_row, self->plan->meetings > 0 ? self->plan->meetings - 1 : 0);
  set_entry (self->meeting_text_row, self->plan->meeting_text);
  set_entry (self->duration_row, self->plan->expected_duration);
  set_day (self->review_row, &self->plan->review_on);
  self->filling = FALSE;
  rebuild_goals (self);

  gtk_window_set_title (GTK_WINDOW (self), reviewing (self) ? _("Client Plan Review") : _("New Client Plan"));
  adw_window_title_set_title (self->title, reviewing (self) ? _("Client Plan Review") : _("New Client Plan"));
  {
    g_autofree char *subtitle = reviewing (self)
                                /* Translators: the person, then the version reviewed: "Mäkinen, Aino · version 1" */
                                ? g_strdup_printf (_("%s · version %d"), self->client_name, self->stored->version)
                                : g_strdup (self->client_name);

    adw_window_title_set_subtitle (self->title, subtitle);
  }
  gtk_button_set_label (self->save_button, reviewing (self) ? _("_Save Review") : C_("client plan", "_Save Plan"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.letter", self->stored != NULL && !self->busy);
  set_extract_enabled (self, !self->busy);
}

/* The form of a new plan, or of the next version of `stored`: the stored
 * version's content with today's date, a review date to agree on, and an
 * evaluation to give for each goal being worked on. */
static void
start_form (KhPlanWindow *self)
{
  g_clear_pointer (&self->plan, kh_client_plan_free);
  g_ptr_array_set_size (self->evaluations, 0);
  if (self->stored != NULL)
    {
      self->plan = kh_client_plan_copy (self->stored);
      g_date_clear (&self->plan->review_on, 1);
      for (guint i = 0; i < self->stored->goals->len; i++)
        {
          KhPlanGoal *goal = g_ptr_array_index (self->stored->goals, i);

          if (goal->status == KH_GOAL_ACTIVE)
            g_ptr_array_add (self->evaluations, kh_plan_evaluation_new (KH_EVALUATED_GOAL, goal->id, NULL, 0, NULL));
        }
    }
  else
    {
      self->plan = kh_client_plan_new ();
      self->plan->client_id = self->client_id;
      self->plan->case_id = self->case_id;
      self->plan->assessment_id = self->assessment->id;
      self->plan->need_client_view = g_strdup (self->assessment->client_view);
      self->plan->meetings = KH_MEETINGS_MONTHLY;
    }
  today (&self->plan->made_on);
  build_form (self);
}

/* ---- loading ---- */

static void
show_message (KhPlanWindow *self,
              const char   *title,
              const char   *description)
{
  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, description);
  gtk_stack_set_visible_child_name (self->stack, "message");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.save", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.letter", FALSE);
  set_extract_enabled (self, FALSE);
  self->loaded = TRUE;
}

static void loaded (KhPlanWindow *self);

/* The unit's scale and lists for a review, read in turn (plan_scale,
 * plan_services, plan_methods); one that cannot be read is said and the
 * review goes on with the default scale or without that list. */
static const char * const review_settings[] = {
  KH_SETTING_PLAN_SCALE, KH_SETTING_PLAN_SERVICES, KH_SETTING_PLAN_METHODS,
};

static void
setting_read_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(KhPlanWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  guint i = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (self), "kh-setting"));

  if (!kh_store_get_setting_finish (KH_STORE (object), result, &value, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      toast (self, error->message);
    }
  else if (i == 0)
    {
      kh_plan_scale_free (self->scale);
      self->scale = kh_plan_scale_from_setting (value);
    }
  else
    {
      char **list = kh_plan_list_parse (value, NULL);

      if (i == 1)
        {
          g_strfreev (self->services);
          self->services = list;
        }
      else
        {
          g_strfreev (self->methods);
          self->methods = list;
        }
    }
  if (++i < G_N_ELEMENTS (review_settings))
    {
      g_object_set_data (G_OBJECT (self), "kh-setting", GUINT_TO_POINTER (i));
      kh_store_get_setting_async (self->store, review_settings[i], self->cancellable, setting_read_cb,
                                  g_object_ref (self));
      return;
    }
  self->settings_read = TRUE;
  loaded (self);
}

static void
loaded (KhPlanWindow *self)
{
  /* Read for a new plan too: once saved, the window goes on to its review. */
  if (!self->settings_read)
    {
      g_object_set_data (G_OBJECT (self), "kh-setting", GUINT_TO_POINTER (0));
      kh_store_get_setting_async (self->store, review_settings[0], self->cancellable, setting_read_cb,
                                  g_object_ref (self));
      return;
    }
  start_form (self);
  read_review (self);
  gtk_stack_set_visible_child_name (self->stack, "form");
  self->loaded = TRUE;
}

static void
previous_read_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(KhPlanWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  KhClientPlan *previous = kh_store_read_client_plan_finish (KH_STORE (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->previous = previous;
  if (error != NULL)
    toast (self, error->message);
  loaded (self);
}

static void
stored_read_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(KhPlanWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 previous_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (self), "kh-previous-id"));

  self->stored = kh_store_read_client_plan_finish (KH_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL)
    {
      show_message (self, _("The client plan could not be read"), error->message);
      return;
    }
  if (previous_id > 0)
    kh_store_read_client_plan_async (self->store, self->client_id, previous_id, self->cancellable,
                                     previous_read_cb, g_object_ref (self));
  else
    loaded (self);
}

static void
plans_listed_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(KhPlanWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) versions = kh_store_list_client_plans_finish (KH_STORE (object), result, &error);
  KhPlanVersionInfo *newest = NULL, *before = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (versions == NULL)
    {
      show_message (self, _("The client plan could not be read"), error->message);
      return;
    }
  /* Newest first: the case's newest version and the one before it. */
  for (guint i = 0; i < versions->len; i++)
    {
      KhPlanVersionInfo *v = g_ptr_array_index (versions, i);

      if (v->case_id != self->case_id)
        continue;
      if (newest == NULL)
        newest = v;
      else if (before == NULL)
        before = v;
    }
  if (newest == NULL)
    {
      loaded (self);
      return;
    }
  g_object_set_data (G_OBJECT (self), "kh-previous-id", GSIZE_TO_POINTER (before != NULL ? before->id : 0));
  kh_store_read_client_plan_async (self->store, self->client_id, newest->id, self->cancellable,
                                   stored_read_cb, g_object_ref (self));
}

static void
network_listed_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(KhPlanWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  self->members = kh_store_list_network_finish (KH_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (self->members == NULL)
    {
      /* Without the network the plan still has the client and the worker. */
      toast (self, error->message);
      self->members = g_ptr_array_new_with_free_func (g_object_unref);
    }
  kh_store_list_client_plans_async (self->store, self->client_id, self->cancellable, plans_listed_cb,
                                    g_object_ref (self));
}

static void
assessments_listed_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(KhPlanWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) versions = kh_store_list_assessments_finish (KH_STORE (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (versions == NULL)
    {
      show_message (self, _("The assessment could not be read"), error->message);
      return;
    }
  /* The newest finished version. */
  for (guint i = versions->len; i > 0 && self->assessment == NULL; i--)
    {
      KhAssessment *a = g_ptr_array_index (versions, i - 1);

      if (a->status == KH_ASSESSMENT_FINISHED)
        self->assessment = kh_assessment_copy (a);
    }
  if (self->assessment == NULL)
    {
      show_message (self, _("Finish the assessment first"),
                    _("The client plan is made from the case’s finished service-need assessment."));
      return;
    }
  kh_store_list_network_async (self->store, self->client_id, FALSE, self->cancellable, network_listed_cb,
                               g_object_ref (self));
}

/* ---- saving ---- */

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(KhPlanWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean review = self->stored != NULL;
  KhClientPlan *stored = review ? kh_store_review_client_plan_finish (KH_STORE (object), result, &error)
                                : kh_store_save_client_plan_finish (KH_STORE (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->busy = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.save", TRUE);
  if (stored == NULL)
    {
      /* What was typed stays; the store says why. */
      toast (self, error->message);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.letter", self->stored != NULL);
      set_extract_enabled (self, TRUE);
      return;
    }
  if (self->stored != NULL)
    {
      g_clear_pointer (&self->previous, kh_client_plan_free);
      self->previous = g_steal_pointer (&self->stored);
    }
  self->stored = stored;
  self->show_all = FALSE;
  start_form (self);
  read_review (self);
  {
    /* Translators: %d is the client plan's version number */
    g_autofree char *text = review ? g_strdup_printf (_("The review is saved: the plan’s version %d."), stored->version)
                                   : g_strdup (_("The client plan is saved."));

    toast (self, text);
  }
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  g_signal_emit (self, signals[SIGNAL_SAVED], 0);
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  KhPlanWindow *self = KH_PLAN_WINDOW (widget);

  if (self->busy || self->plan == NULL)
    return;
  read_form (self);
  self->show_all = TRUE;
  if (show_problems (self) > 0)
    {
      toast (self, _("Some things are missing from the plan: see the marked fields."));
      return;
    }
  self->busy = TRUE;
  gtk_widget_action_set_enabled (widget, "plan.save", FALSE);
  gtk_widget_action_set_enabled (widget, "plan.letter", FALSE);
  set_extract_enabled (self, FALSE);
  if (self->stored != NULL)
    {
      g_autoptr(GPtrArray) evaluations = review_evaluations (self);

      kh_store_review_client_plan_async (self->store, self->stored, evaluations, self->scale, self->plan,
                                         self->cancellable, saved_cb, g_object_ref (self));
    }
  else
    kh_store_save_client_plan_async (self->store, self->plan, self->cancellable, saved_cb, g_object_ref (self));
}

/* ---- the letter ---- */

/* What the letter prints, read for it off the UI thread: the version and
 * the review that made it (one logged read of the plan), and the map the
 * version keeps. */
typedef struct
{
  KhPlanReview  *read;      /* its plan: the version */
  GPtrArray     *members;   /* KhNetworkMember: the map the plan's version keeps */
  KhPlanWindow  *window;    /* held while the map is read */
} PlanLetterData;

static void
plan_letter_data_free (gpointer data)
{
  PlanLetterData *d = data;

  kh_plan_review_free (d->read);
  g_clear_pointer (&d->members, g_ptr_array_unref);
  g_clear_object (&d->window);
  g_free (d);
}

/* In the store's thread: the plan in the client's language, with the map
 * of its version and the client named on it as on the network's window,
 * and the review that made the version on the review's own scale. */
static KhDocument *
build_plan_letter (const KhUnitProfile  *profile,
                   const KhClient       *client,
                   const KhLetter       *base,
                   const KhLetterSender *responsible_worker,
                   gpointer              user_data)
{
  PlanLetterData *d = user_data;
  KhPlanLetter letter = { { 0 } };
  g_autofree char *client_name = kh_network_client_map_name (client);
  guint n_entries = 0;
  g_autofree KhEcomapEntry *entries = kh_network_ecomap_entries (d->members, &n_entries);

  letter.letter = *base;
  letter.responsible_worker = *responsible_worker;
  letter.plan = d->read->plan;
  letter.client_name = client_name;
  letter.network = n_entries > 0 ? entries : NULL;
  letter.n_network = n_entries;
  letter.evaluations = d->read->scale != NULL ? d->read->evaluations : NULL;
  letter.review_scale = d->read->scale;
  return kh_plan_letter_build (&letter, profile);
}

static void
letter_issued_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(KhPlanWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(KhIssuedDocument) document = kh_letter_issue_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->busy = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.letter", TRUE);
  set_extract_enabled (self, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.save", TRUE);
  if (document == NULL)
    {
      toast (self, error->message);
      return;
    }
  toast (self, _("The client plan was sent as a letter and kept with the person’s documents."));
  kh_letter_show_issued (GTK_WINDOW (self), document, self->client_name);
  g_signal_emit (self, signals[SIGNAL_SAVED], 0);
}

static void
issue_letter (KhPlanWindow   *self,
              PlanLetterData *d)   /* taken */
{
  kh_letter_issue_async (self->store, self->client_id, self->case_id, KH_DOCUMENT_CLIENT_PLAN, build_plan_letter,
                         d, plan_letter_data_free, self->cancellable, letter_issued_cb, g_object_ref (self));
}

/* A read for the letter failed: nothing is sent, and the store says why. */
static void
letter_read_failed (KhPlanWindow *self,
                    const char   *message)
{
  self->busy = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.letter", TRUE);
  set_extract_enabled (self, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.save", TRUE);
  toast (self, message);
}

static void
letter_map_read_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  PlanLetterData *d = user_data;
  g_autoptr(KhPlanWindow) self = g_steal_pointer (&d->window);
  g_autoptr(GError) error = NULL;

  d->members = kh_store_read_network_version_finish (KH_STORE (object), result, &error);
  if (d->members == NULL)
    {
      plan_letter_data_free (d);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        letter_read_failed (self, error->message);
      return;
    }
  issue_letter (self, d);
}

/* The letter draws the map the version keeps (issue 9, 4: the map as it
 * was when the plan was made or reviewed), not the network as it stands
 * now; a version stored before the maps were kept draws today's. */
static void
letter_plan_read_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(KhPlanWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  KhPlanReview *read = kh_store_read_plan_with_review_finish (KH_STORE (object), result, &error);
  PlanLetterData *d;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (read == NULL)
    {
      letter_read_failed (self, error->message);
      return;
    }
  d = g_new0 (PlanLetterData, 1);
  d->read = read;
  if (read->plan->network_version_id > 0)
    {
      d->window = g_object_ref (self);
      kh_store_read_network_version_async (self->store, self->client_id, read->plan->network_version_id,
                                           self->cancellable, letter_map_read_cb, d);
      return;
    }
  d->members = self->members != NULL ? g_ptr_array_ref (self->members) : NULL;
  issue_letter (self, d);
}

/* The letter prints the version as the store keeps it, with the review
 * that made it (issue 9, 4), read together. */
static void
send_letter (KhPlanWindow *self)
{
  self->busy = TRUE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.letter", FALSE);
  set_extract_enabled (self, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.save", FALSE);
  kh_store_read_plan_with_review_async (self->store, self->client_id, self->stored->id, self->cancellable,
                                        letter_plan_read_cb, g_object_ref (self));
}

static void
letter_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    KhPlanWindow     *self)
{
  if (g_strcmp0 (response, "send") == 0 && self->stored != NULL && !self->busy)
    send_letter (self);
}

static void
letter_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KhPlanWindow *self = KH_PLAN_WINDOW (widget);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->stored == NULL || self->busy)
    return;
  /* Translators: %s is the person */
  heading = g_strdup_printf (_("Send the client plan to %s?"), self->client_name);
  /* Translators: %d is the plan's version number */
  body = g_strdup_printf (_("Version %d of the plan, with the network map, is sent by post in the client’s language and kept with the person’s documents."),
                          self->stored->version);
  dialog = kh_letter_ask (GTK_WINDOW (self), heading, body);
  g_signal_connect_object (dialog, "response", G_CALLBACK (letter_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- the extract for a partner (issue 9, 6; kh-plan-extract.c) ---- */

static void
extract_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  KhPlanWindow *self = KH_PLAN_WINDOW (widget);
  GtkWidget *dialog;

  if (self->stored == NULL || self->busy)
    return;
  dialog = kh_plan_extract_dialog_new (GTK_WINDOW (self), self->store, self->stored);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- GObject ---- */

static void
kh_plan_window_dispose (GObject *object)
{
  KhPlanWindow *self = KH_PLAN_WINDOW (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), KH_TYPE_PLAN_WINDOW);
  g_clear_object (&self->store);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  g_clear_pointer (&self->goal_widgets, g_ptr_array_unref);
  g_clear_pointer (&self->partner_widgets, g_ptr_array_unref);
  g_clear_pointer (&self->part_widgets, g_ptr_array_unref);
  self->review_box = NULL;

  G_OBJECT_CLASS (kh_plan_window_parent_class)->dispose (object);
}

static void
kh_plan_window_finalize (GObject *object)
{
  KhPlanWindow *self = KH_PLAN_WINDOW (object);

  g_free (self->client_name);
  g_clear_pointer (&self->assessment, kh_assessment_free);
  g_clear_pointer (&self->stored, kh_client_plan_free);
  g_clear_pointer (&self->previous, kh_client_plan_free);
  g_clear_pointer (&self->plan, kh_client_plan_free);
  g_clear_pointer (&self->evaluations, g_ptr_array_unref);
  g_clear_pointer (&self->scale, kh_plan_scale_free);
  g_clear_pointer (&self->changes, g_ptr_array_unref);
  g_clear_pointer (&self->review_lines, g_ptr_array_unref);
  g_clear_pointer (&self->review, kh_plan_review_free);
  g_strfreev (self->services);
  g_strfreev (self->methods);

  G_OBJECT_CLASS (kh_plan_window_parent_class)->finalize (object);
}

static void
kh_plan_window_class_init (KhPlanWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_plan_window_dispose;
  object_class->finalize = kh_plan_window_finalize;

  /**
   * KhPlanWindow::saved:
   *
   * A version of the plan was saved, or the plan sent as a letter: the
   * person's page reads its cases and timeline again.
   */
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                        NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/fi/kohtaamo/Kohtaamo/ui/plans/kh-plan-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KhPlanWindow, content);
  gtk_widget_class_bind_template_child (widget_class, KhPlanWindow, extract_button);
  gtk_widget_class_bind_template_child (widget_class, KhPlanWindow, letter_button);
  gtk_widget_class_bind_template_child (widget_class, KhPlanWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, KhPlanWindow, scroller);
  gtk_widget_class_bind_template_child (widget_class, KhPlanWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, KhPlanWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, KhPlanWindow, title);
  gtk_widget_class_bind_template_child (widget_class, KhPlanWindow, toast_overlay);

  gtk_widget_class_install_action (widget_class, "plan.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "plan.letter", NULL, letter_activated);
  gtk_widget_class_install_action (widget_class, "plan.extract", NULL, extract_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "plan.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kh_plan_window_init (KhPlanWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  kh_field_message_ensure_style ();
  self->cancellable = g_cancellable_new ();
  self->goal_widgets = g_ptr_array_new_with_free_func ((GDestroyNotify) goal_widgets_free);
  self->partner_widgets = g_ptr_array_new_with_free_func (g_free);
  self->evaluations = g_ptr_array_new_with_free_func ((GDestroyNotify) kh_plan_evaluation_free);
  self->changes = g_ptr_array_new_with_free_func (g_free);
  self->part_widgets = g_ptr_array_new_with_free_func ((GDestroyNotify) part_widgets_free);
  self->review_lines = g_ptr_array_new_with_free_func (g_free);
  /* The default scale, five steps from "no progress" to "achieved", until
   * the unit's is read for a review. */
  self->scale = kh_plan_scale_new_default ();
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.letter", FALSE);
  set_extract_enabled (self, FALSE);
}

GtkWindow *
kh_plan_window_present (GtkWindow  *parent,
                        KhStore    *store,
                        gint64      client_id,
                        gint64      case_id,
                        const char *client_name)
{
  KhPlanWindow *self;

  g_return_val_if_fail (KH_IS_STORE (store), NULL);

  self = g_object_new (KH_TYPE_PLAN_WINDOW, "transient-for", parent, NULL);
  if (parent != NULL)
    gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
  self->store = g_object_ref (store);
  self->client_id = client_id;
  self->case_id = case_id;
  self->client_name = g_strdup (client_name != NULL ? client_name : "");
  adw_window_title_set_subtitle (self->title, self->client_name);
  kh_store_list_assessments_async (store, case_id, self->cancellable, assessments_listed_cb, g_object_ref (self));
  gtk_window_present (GTK_WINDOW (self));
  return GTK_WINDOW (self);
}

gboolean
kh_plan_window_get_loaded (KhPlanWindow *self)
{
  g_return_val_if_fail (KH_IS_PLAN_WINDOW (self), FALSE);

  return self->loaded;
}

gboolean
kh_plan_window_get_busy (KhPlanWindow *self)
{
  g_return_val_if_fail (KH_IS_PLAN_WINDOW (self), FALSE);

  return self->busy;
}

const KhClientPlan *
kh_plan_window_get_stored (KhPlanWindow *self)
{
  g_return_val_if_fail (KH_IS_PLAN_WINDOW (self), NULL);

  return self->stored;
}

GtkWidget *
kh_plan_window_get_field (KhPlanWindow *self,
                          const char   *name,
                          int           goal,
                          int           item)
{
  GoalWidgets *g;
  ActionWidgets *a;
  PartnerWidgets *p;

  g_return_val_if_fail (KH_IS_PLAN_WINDOW (self), NULL);

  if (g_str_equal (name, "made"))
    return GTK_WIDGET (self->made_row);
  if (g_str_equal (name, "took-part"))
    return GTK_WIDGET (self->took_part);
  if (g_str_equal (name, "add-goal"))
    return self->add_goal;
  if (g_str_equal (name, "joint"))
    return GTK_WIDGET (self->joint);
  if (g_str_equal (name, "meetings"))
    return GTK_WIDGET (self->meetings_row);
  if (g_str_equal (name, "duration"))
    return GTK_WIDGET (self->duration_row);
  if (g_str_equal (name, "review"))
    return GTK_WIDGET (self->review_row);
  if (g_str_equal (name, "helps"))
    return GTK_WIDGET (self->helps);
  if (g_str_equal (name, "hinders"))
    return GTK_WIDGET (self->hinders);
  for (guint i = 0; i < N_NOTES; i++)
    if (g_str_equal (name, note_fields[i].key))
      return GTK_WIDGET (self->notes[i]);
  if (g_str_has_prefix (name, "factor") || g_str_has_prefix (name, "service") || g_str_has_prefix (name, "method"))
    {
      KhEvaluatedPart part = name[0] == 'f' ? KH_EVALUATED_FACTOR
                             : name[0] == 's' ? KH_EVALUATED_SERVICE : KH_EVALUATED_METHOD;
      const char *what = strchr (name, '-');
      int n = 0;

      for (guint i = 0; i < self->part_widgets->len; i++)
        {
          PartWidgets *w = g_ptr_array_index (self->part_widgets, i);

          if (w->part != part || n++ != item)
            continue;
          return what == NULL ? GTK_WIDGET (w->row)
                 : g_str_equal (what, "-rating") ? GTK_WIDGET (w->rating)
                 : g_str_equal (what, "-comment") ? GTK_WIDGET (w->comment) : NULL;
        }
      return NULL;
    }
  if (g_str_has_prefix (name, "partner"))
    {
      if (item < 0 || (guint) item >= self->partner_widgets->len)
        return NULL;
      p = g_ptr_array_index (self->partner_widgets, item);
      return g_str_equal (name, "partner") ? GTK_WIDGET (p->on)
             : g_str_equal (name, "partner-responsibility") ? GTK_WIDGET (p->responsibility)
             : GTK_WIDGET (p->coordinator);
    }
  if (goal < 0 || (guint) goal >= self->goal_widgets->len)
    return NULL;
  g = g_ptr_array_index (self->goal_widgets, goal);
  if (g_str_equal (name, "goal-text"))
    return GTK_WIDGET (g->text);
  if (g_str_equal (name, "goal-area"))
    return GTK_WIDGET (g->area);
  if (g_str_equal (name, "goal-status"))
    return (GtkWidget *) g->status;
  if (g_str_equal (name, "goal-reason"))
    return (GtkWidget *) g->reason;
  if (g_str_equal (name, "goal-rating"))
    return (GtkWidget *) g->rating;
  if (g_str_equal (name, "goal-comment"))
    return (GtkWidget *) g->comment;
  if (g_str_equal (name, "add-action"))
    return g->add_action;
  if (item < 0 || (guint) item >= g->actions->len)
    return NULL;
  a = g_ptr_array_index (g->actions, item);
  if (g_str_equal (name, "action-what"))
    return GTK_WIDGET (a->what);
  if (g_str_equal (name, "action-who"))
    return GTK_WIDGET (a->who);
  if (g_str_equal (name, "action-due"))
    return GTK_WIDGET (a->due);
  if (g_str_equal (name, "action-status"))
    return GTK_WIDGET (a->status);
  return NULL;
}

char *
kh_plan_window_dup_changes (KhPlanWindow *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (KH_IS_PLAN_WINDOW (self), NULL);

  for (guint i = 0; i < self->changes->len; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? "\n" : "", (char *) g_ptr_array_index (self->changes, i));
  return g_strdup (text->str);
}

char *
kh_plan_window_dup_review (KhPlanWindow *self)
{
  g_return_val_if_fail (KH_IS_PLAN_WINDOW (self), NULL);

  g_ptr_array_add (self->review_lines, NULL);
  {
    g_autofree char *text = g_strjoinv ("\n", (char **) self->review_lines->pdata);

    g_ptr_array_remove_index (self->review_lines, self->review_lines->len - 1);
    return g_steal_pointer (&text);
  }
}
