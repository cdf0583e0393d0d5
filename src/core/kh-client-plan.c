/* kh-client-plan.c — the client plan and its reviews (issue 9, 3–4)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kohtaamo-core"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "kh-catalog.h"
#include "kh-client-plan.h"
#include "kh-enum-table.h"
#include "kh-text.h"

static const KhEnumEntry goal_statuses[] = {
  /* Translators: the course of a goal of a client plan */
  ROW_C (KH_GOAL_ACTIVE,   "active",   "goal status", NC_("goal status", "Being worked on")),
  ROW_C (KH_GOAL_ACHIEVED, "achieved", "goal status", NC_("goal status", "Achieved")),
  /* Translators: a goal given up or no longer the client's */
  ROW_C (KH_GOAL_DROPPED,  "dropped",  "goal status", NC_("goal status", "Dropped")),
  END
};

static const KhEnumEntry action_statuses[] = {
  /* Translators: the course of an action towards a goal of a client plan */
  ROW_C (KH_ACTION_PLANNED, "planned", "action status", NC_("action status", "Planned")),
  ROW_C (KH_ACTION_STARTED, "started", "action status", NC_("action status", "Started")),
  ROW_C (KH_ACTION_DONE,    "done",    "action status", NC_("action status", "Done")),
  ROW_C (KH_ACTION_DROPPED, "dropped", "action status", NC_("action status", "Dropped")),
  END
};

static const KhEnumEntry actors[] = {
  /* Translators: who does an action of a client plan */
  ROW_C (KH_ACTOR_CLIENT,  "client",  "plan actor", NC_("plan actor", "The client")),
  ROW_C (KH_ACTOR_WORKER,  "worker",  "plan actor", NC_("plan actor", "The worker")),
  /* Translators: a person or agency of the client's network does an action */
  ROW_C (KH_ACTOR_NETWORK, "network", "plan actor", NC_("plan actor", "Someone in the network")),
  END
};

static const KhEnumEntry meeting_frequencies[] = {
  /* Translators: how often the client and the worker meet (SHL 39 § 4 kohta) */
  ROW_C (KH_MEETINGS_WEEKLY,      "weekly",      "meetings", NC_("meetings", "Every week")),
  ROW_C (KH_MEETINGS_FORTNIGHTLY, "fortnightly", "meetings", NC_("meetings", "Every two weeks")),
  ROW_C (KH_MEETINGS_MONTHLY,     "monthly",     "meetings", NC_("meetings", "Every month")),
  ROW_C (KH_MEETINGS_QUARTERLY,   "quarterly",   "meetings", NC_("meetings", "Every three months")),
  /* Translators: the frequency is written out in words */
  ROW_C (KH_MEETINGS_OTHER,       "other",       "meetings", NC_("meetings", "As agreed")),
  END
};

static const KhEnumEntry factor_effects[] = {
  /* Translators: a factor of the client's situation that helps reach the goals (THL's AVAIN) */
  ROW_C (KH_FACTOR_HELPS,   "helps",   "plan factor", NC_("plan factor", "Helps")),
  /* Translators: a factor of the client's situation that hinders reaching the goals */
  ROW_C (KH_FACTOR_HINDERS, "hinders", "plan factor", NC_("plan factor", "Hinders")),
  END
};

static const KhEnumEntry evaluated_parts[] = {
  /* Translators: the four parts of a client plan's evaluation (THL's AVAIN measure) */
  ROW_C (KH_EVALUATED_GOAL,    "goal",    "evaluated part", NC_("evaluated part", "Goal")),
  ROW_C (KH_EVALUATED_FACTOR,  "factor",  "evaluated part", NC_("evaluated part", "Factor that helps or hinders")),
  ROW_C (KH_EVALUATED_SERVICE, "service", "evaluated part", NC_("evaluated part", "Service")),
  ROW_C (KH_EVALUATED_METHOD,  "method",  "evaluated part", NC_("evaluated part", "Method")),
  END
};

const char *
kh_goal_status_label (KhGoalStatus status)
{
  return kh_enum_table_label (goal_statuses, status);
}

const char *
kh_goal_status_label_in (KhGoalStatus  status,
                         const char   *language)
{
  return kh_enum_table_label_in (goal_statuses, status, language);
}

const char *
kh_action_status_label (KhActionStatus status)
{
  return kh_enum_table_label (action_statuses, status);
}

const char *
kh_action_status_label_in (KhActionStatus  status,
                           const char     *language)
{
  return kh_enum_table_label_in (action_statuses, status, language);
}

const char *
kh_actor_label (KhActorKind actor)
{
  return kh_enum_table_label (actors, actor);
}

const char *
kh_meeting_frequency_label (KhMeetingFrequency meetings)
{
  return kh_enum_table_label (meeting_frequencies, meetings);
}

const char *
kh_meeting_frequency_label_in (KhMeetingFrequency  meetings,
                               const char         *language)
{
  return kh_enum_table_label_in (meeting_frequencies, meetings, language);
}

const char *
kh_factor_effect_label (KhFactorEffect effect)
{
  return kh_enum_table_label (factor_effects, effect);
}

const char *
kh_evaluated_part_label (KhEvaluatedPart part)
{
  return kh_enum_table_label (evaluated_parts, part);
}

/* ---- the records ---- */

KhPlanAction *
kh_plan_action_new (const char  *what,
                    KhActorKind  actor,
                    gint64       member_id,
                    const char  *actor_name)
{
  KhPlanAction *action = g_new0 (KhPlanAction, 1);

  action->what = g_strdup (what);
  action->actor = actor;
  action->member_id = member_id;
  action->actor_name = g_strdup (actor_name);
  action->status = KH_ACTION_PLANNED;
  g_date_clear (&action->due, 1);
  return action;
}

void
kh_plan_action_free (KhPlanAction *action)
{
  if (action == NULL)
    return;
  g_free (action->what);
  g_free (action->actor_name);
  g_free (action);
}

static KhPlanAction *
action_copy (const KhPlanAction *action,
             gpointer            user_data)
{
  KhPlanAction *copy = g_memdup2 (action, sizeof *action);

  copy->what = g_strdup (action->what);
  copy->actor_name = g_strdup (action->actor_name);
  return copy;
}

KhPlanGoal *
kh_plan_goal_new (const char *text,
                  const char *area_key,
                  const char *area_label)
{
  KhPlanGoal *goal = g_new0 (KhPlanGoal, 1);

  goal->text = g_strdup (text);
  goal->area_key = g_strdup (area_key);
  goal->area_label = g_strdup (area_label);
  goal->status = KH_GOAL_ACTIVE;
  goal->actions = g_ptr_array_new_with_free_func ((GDestroyNotify) kh_plan_action_free);
  return goal;
}

void
kh_plan_goal_free (KhPlanGoal *goal)
{
  if (goal == NULL)
    return;
  g_free (goal->text);
  g_free (goal->area_key);
  g_free (goal->area_label);
  g_free (goal->status_reason);
  g_ptr_array_unref (goal->actions);
  g_free (goal);
}

static KhPlanGoal *
goal_copy (const KhPlanGoal *goal,
           gpointer          user_data)
{
  KhPlanGoal *copy = g_memdup2 (goal, sizeof *goal);

  copy->text = g_strdup (goal->text);
  copy->area_key = g_strdup (goal->area_key);
  copy->area_label = g_strdup (goal->area_label);
  copy->status_reason = g_strdup (goal->status_reason);
  copy->actions = g_ptr_array_copy (goal->actions, (GCopyFunc) action_copy, NULL);
  g_ptr_array_set_free_func (copy->actions, (GDestroyNotify) kh_plan_action_free);
  return copy;
}

KhPlanPartner *
kh_plan_partner_new (gint64      member_id,
                     const char *name,
                     const char *responsibility,
                     gboolean    coordinator)
{
  KhPlanPartner *partner = g_new0 (KhPlanPartner, 1);

  partner->member_id = member_id;
  partner->name = g_strdup (name);
  partner->responsibility = g_strdup (responsibility);
  partner->coordinator = coordinator;
  return partner;
}

void
kh_plan_partner_free (KhPlanPartner *partner)
{
  if (partner == NULL)
    return;
  g_free (partner->name);
  g_free (partner->responsibility);
  g_free (partner);
}

static KhPlanPartner *
partner_copy (const KhPlanPartner *partner,
              gpointer             user_data)
{
  return kh_plan_partner_new (partner->member_id, partner->name, partner->responsibility, partner->coordinator);
}

KhPlanFactor *
kh_plan_factor_new (KhFactorEffect  effect,
                    const char     *text)
{
  KhPlanFactor *factor = g_new0 (KhPlanFactor, 1);

  factor->effect = effect;
  factor->text = g_strdup (text);
  return factor;
}

void
kh_plan_factor_free (KhPlanFactor *factor)
{
  if (factor == NULL)
    return;
  g_free (factor->text);
  g_free (factor);
}

static KhPlanFactor *
factor_copy (const KhPlanFactor *factor,
             gpointer            user_data)
{
  return kh_plan_factor_new (factor->effect, factor->text);
}

KhClientPlan *
kh_client_plan_new (void)
{
  KhClientPlan *plan = g_new0 (KhClientPlan, 1);

  g_date_clear (&plan->made_on, 1);
  g_date_clear (&plan->review_on, 1);
  plan->client_took_part = TRUE;
  plan->goals = g_ptr_array_new_with_free_func ((GDestroyNotify) kh_plan_goal_free);
  plan->factors = g_ptr_array_new_with_free_func ((GDestroyNotify) kh_plan_factor_free);
  plan->partners = g_ptr_array_new_with_free_func ((GDestroyNotify) kh_plan_partner_free);
  return plan;
}

/* The plan's texts, for copying, freeing and checking alike. */
#define PLAN_TEXTS(X) \
  X (not_taking_part) X (need_client_view) X (need_worker_view) X (services_client_view) \
  X (services_worker_view) X (essential_services) X (strengths) X (environment) \
  X (client_proposal) X (client_part) X (meeting_text) X (expected_duration) X (follow_up) \
  X (disagreement_client) X (disagreement_worker)

KhClientPlan *
kh_client_plan_copy (const KhClientPlan *plan)
{
  KhClientPlan *copy;

  g_return_val_if_fail (plan != NULL, NULL);

  copy = g_memdup2 (plan, sizeof *plan);
#define COPY_TEXT(f) copy->f = g_strdup (plan->f);
  PLAN_TEXTS (COPY_TEXT)
#undef COPY_TEXT
  copy->goals = g_ptr_array_copy (plan->goals, (GCopyFunc) goal_copy, NULL);
  g_ptr_array_set_free_func (copy->goals, (GDestroyNotify) kh_plan_goal_free);
  copy->factors = g_ptr_array_copy (plan->factors, (GCopyFunc) factor_copy, NULL);
  g_ptr_array_set_free_func (copy->factors, (GDestroyNotify) kh_plan_factor_free);
  copy->partners = g_ptr_array_copy (plan->partners, (GCopyFunc) partner_copy, NULL);
  g_ptr_array_set_free_func (copy->partners, (GDestroyNotify) kh_plan_partner_free);
  return copy;
}

void
kh_client_plan_free (KhClientPlan *plan)
{
  if (plan == NULL)
    return;
#define FREE_TEXT(f) g_free (plan->f);
  PLAN_TEXTS (FREE_TEXT)
#undef FREE_TEXT
  g_ptr_array_unref (plan->goals);
  g_ptr_array_unref (plan->factors);
  g_ptr_array_unref (plan->partners);
  g_free (plan);
}

/* ---- the check ---- */

static gboolean
has_text (const char *text)
{
  if (text == NULL)
    return FALSE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static void
issue_free (KhPlanIssue *issue)
{
  g_free (issue->message);
  g_free (issue);
}

static void
add_issue (GPtrArray     *issues,
           KhPlanProblem  problem,
           int            goal,
           int            item,
           char          *message)
{
  KhPlanIssue *issue = g_new0 (KhPlanIssue, 1);

  issue->problem = problem;
  issue->goal = goal;
  issue->item = item;
  issue->message = message;
  g_ptr_array_add (issues, issue);
}

static void
check_text (GPtrArray  *issues,
            const char *text,
            KhTextKind  kind,
            guint       max,
            int         goal,
            int         item)
{
  g_autoptr(GError) error = NULL;

  if (!kh_text_check_field (NULL, text, kind, max, &error))
    add_issue (issues, KH_PLAN_PROBLEM_TEXT, goal, item, g_strdup (error->message));
}

static void
check_goal (GPtrArray        *issues,
            const KhPlanGoal *goal,
            int               index)
{
  if (!has_text (goal->text) || !has_text (goal->area_key))
    add_issue (issues, KH_PLAN_PROBLEM_GOAL_TEXT, index, -1,
               /* Translators: %d is the goal's number in the plan */
               g_strdup_printf (_("Goal %d: write the goal in the client’s own words and choose its life area."),
                                index + 1));
  else
    check_text (issues, goal->text, KH_TEXT_NOTE, KH_PLAN_TEXT_MAX, index, -1);
  if (goal->status == KH_GOAL_DROPPED && !has_text (goal->status_reason))
    add_issue (issues, KH_PLAN_PROBLEM_GOAL_REASON, index, -1,
               g_strdup_printf (_("Goal %d: say why the goal was dropped."), index + 1));

  for (guint j = 0; j < goal->actions->len; j++)
    {
      const KhPlanAction *action = g_ptr_array_index (goal->actions, j);

      if (!has_text (action->what)
          || kh_enum_table_key (actors, action->actor) == NULL
          || (action->actor == KH_ACTOR_NETWORK && action->member_id <= 0))
        add_issue (issues, KH_PLAN_PROBLEM_ACTION, index, (int) j,
                   /* Translators: the first %d is the goal's number, the second the action's */
                   g_strdup_printf (_("Goal %d, action %d: say what is done and who does it."),
                                    index + 1, (int) j + 1));
      else
        check_text (issues, action->what, KH_TEXT_LINE, KH_PLAN_SHORT_TEXT_MAX, index, (int) j);
    }
}

static void
check_partners (GPtrArray          *issues,
                const KhClientPlan *plan,
                KhPlanConsentFunc   consent,
                gpointer            user_data)
{
  guint coordinators = 0;

  for (guint i = 0; i < plan->partners->len; i++)
    {
      const KhPlanPartner *partner = g_ptr_array_index (plan->partners, i);

      if (!has_text (partner->name) || !has_text (partner->responsibility))
        add_issue (issues, KH_PLAN_PROBLEM_PARTNER, -1, (int) i,
                   /* Translators: %d is the partner agency's number in the plan */
                   g_strdup_printf (_("Partner %d: name the agency and what it is responsible for."),
                                    (int) i + 1));
      else
        check_text (issues, partner->responsibility, KH_TEXT_NOTE, KH_PLAN_TEXT_MAX, -1, (int) i);
      if (partner->coordinator)
        coordinators++;
      /* 39 §: a joint plan is shared only with consent. */
      if (plan->joint && (consent == NULL || !consent (partner->member_id, user_data)))
        add_issue (issues, KH_PLAN_PROBLEM_CONSENT, -1, (int) i,
                   /* Translators: %s is an agency's name */
                   g_strdup_printf (_("The client has not consented to sharing the plan with %s."),
                                    has_text (partner->name) ? partner->name : "?"));
    }
  /* 41 §: the services form a whole, with one who holds it together. */
  if (plan->partners->len > 0 && coordinators != 1)
    add_issue (issues, KH_PLAN_PROBLEM_COORDINATOR, -1, -1,
               g_strdup (coordinators == 0
                         ? _("Choose one of the partners to coordinate the plan.")
                         : _("Only one partner can coordinate the plan.")));
}

GPtrArray *
kh_client_plan_check (const KhClientPlan *plan,
                      const GDate        *today,
                      KhPlanConsentFunc   consent,
                      gpointer            user_data)
{
  GPtrArray *issues = g_ptr_array_new_with_free_func ((GDestroyNotify) issue_free);

  g_return_val_if_fail (plan != NULL, issues);
  g_return_val_if_fail (today != NULL && g_date_valid (today), issues);

  if (!g_date_valid (&plan->made_on) || g_date_compare (&plan->made_on, today) > 0)
    add_issue (issues, KH_PLAN_PROBLEM_DATE, -1, -1,
               g_strdup (_("Give the day the plan was made; it cannot be in the future.")));
  /* 39 §: the plan is drawn up together with the client. */
  if (!plan->client_took_part && !has_text (plan->not_taking_part))
    add_issue (issues, KH_PLAN_PROBLEM_TOGETHER, -1, -1,
               g_strdup (_("The plan is made together with the client: say why the client did not take part.")));
  /* 39 § 1 kohta: the need for support, as the client and the worker see it. */
  if (!has_text (plan->need_client_view) && !has_text (plan->need_worker_view))
    add_issue (issues, KH_PLAN_PROBLEM_NEED, -1, -1,
               g_strdup (_("Write how the client and you see the need for support.")));

  /* 6 kohta: the goals agreed together. */
  if (plan->goals->len == 0)
    add_issue (issues, KH_PLAN_PROBLEM_GOALS, -1, -1,
               g_strdup (_("Write at least one goal with the client.")));
  for (guint i = 0; i < plan->goals->len; i++)
    check_goal (issues, g_ptr_array_index (plan->goals, i), (int) i);

  check_partners (issues, plan, consent, user_data);

  /* 4 kohta; 42 §: met in person as often as the plan says. */
  if (kh_enum_table_key (meeting_frequencies, plan->meetings) == NULL
      || (plan->meetings == KH_MEETINGS_OTHER && !has_text (plan->meeting_text)))
    add_issue (issues, KH_PLAN_PROBLEM_MEETINGS, -1, -1,
               g_strdup (_("Say how often you and the client meet.")));
  /* 9 kohta: when the plan is assessed again. */
  if (!g_date_valid (&plan->review_on)
      || (g_date_valid (&plan->made_on) && g_date_compare (&plan->review_on, &plan->made_on) <= 0))
    add_issue (issues, KH_PLAN_PROBLEM_REVIEW, -1, -1,
               g_strdup (_("Give the day the plan is reviewed, after the day it was made.")));
  /* A disagreement is recorded with both views. */
  if (has_text (plan->disagreement_client) != has_text (plan->disagreement_worker))
    add_issue (issues, KH_PLAN_PROBLEM_DISAGREEMENT, -1, -1,
               g_strdup (_("Record a disagreement with both the client’s view and yours.")));

#define CHECK_TEXT(f) check_text (issues, plan->f, KH_TEXT_NOTE, KH_PLAN_TEXT_MAX, -1, -1);
  PLAN_TEXTS (CHECK_TEXT)
#undef CHECK_TEXT
  return issues;
}

gboolean
kh_plan_issues_have (GPtrArray     *issues,
                     KhPlanProblem  problem)
{
  for (guint i = 0; issues != NULL && i < issues->len; i++)
    if (((KhPlanIssue *) g_ptr_array_index (issues, i))->problem == problem)
      return TRUE;
  return FALSE;
}

/* ---- the scale ---- */

/* Translators: the default scale on which a client plan's goals are
 * evaluated, from the lowest step to the highest */
static const char * const default_steps[] = {
  NC_("plan scale", "No progress"),
  NC_("plan scale", "A little progress"),
  NC_("plan scale", "Some progress"),
  NC_("plan scale", "Much progress"),
  NC_("plan scale", "Achieved"),
};

KhPlanScale *
kh_plan_scale_new_default (void)
{
  KhPlanScale *scale = g_new0 (KhPlanScale, 1);

  scale->steps = G_N_ELEMENTS (default_steps);
  scale->labels_fi = g_new0 (char *, scale->steps + 1);
  scale->labels_sv = g_new0 (char *, scale->steps + 1);
  for (int i = 0; i < scale->steps; i++)
    {
      scale->labels_fi[i] = g_strdup (kh_catalog_pgettext ("fi", "plan scale", default_steps[i]));
      scale->labels_sv[i] = g_strdup (kh_catalog_pgettext ("sv", "plan scale", default_steps[i]));
    }
  return scale;
}

KhPlanScale *
kh_plan_scale_parse (const char  *setting,
                     GError     **error)
{
  g_autoptr(KhPlanScale) scale = g_new0 (KhPlanScale, 1);
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) fi = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) sv = g_ptr_array_new_with_free_func (g_free);

  lines = g_strsplit (setting != NULL ? setting : "", "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) pair = NULL;
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));

      if (*line == '\0')
        continue;
      pair = g_strsplit (line, "|", -1);
      if (g_strv_length (pair) != 2 || !has_text (pair[0]) || !has_text (pair[1])
          || g_utf8_strlen (pair[0], -1) > KH_PLAN_SHORT_TEXT_MAX
          || g_utf8_strlen (pair[1], -1) > KH_PLAN_SHORT_TEXT_MAX)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       /* Translators: %u is a line's number; "Finnish|Swedish" shows the form */
                       _("Line %u of the scale: write the step in Finnish and in Swedish, as “Finnish|Swedish”."),
                       i + 1);
          return NULL;
        }
      g_ptr_array_add (fi, g_strdup (g_strstrip (pair[0])));
      g_ptr_array_add (sv, g_strdup (g_strstrip (pair[1])));
    }
  if (fi->len < KH_PLAN_SCALE_MIN_STEPS || fi->len > KH_PLAN_SCALE_MAX_STEPS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   /* Translators: %d and %d are the fewest and the most steps */
                   _("A scale has %d to %d steps, one a line."), KH_PLAN_SCALE_MIN_STEPS, KH_PLAN_SCALE_MAX_STEPS);
      return NULL;
    }
  scale->steps = fi->len;
  g_ptr_array_add (fi, NULL);
  g_ptr_array_add (sv, NULL);
  scale->labels_fi = (char **) g_ptr_array_steal (fi, NULL);
  scale->labels_sv = (char **) g_ptr_array_steal (sv, NULL);
  return g_steal_pointer (&scale);
}

char *
kh_plan_scale_to_setting (const KhPlanScale *scale)
{
  GString *setting = g_string_new (NULL);

  for (int i = 0; i < scale->steps; i++)
    g_string_append_printf (setting, "%s%s|%s", i > 0 ? "\n" : "", scale->labels_fi[i], scale->labels_sv[i]);
  return g_string_free (setting, FALSE);
}

const char *
kh_plan_scale_label (const KhPlanScale *scale,
                     int                rating,
                     const char        *language)
{
  if (scale == NULL || rating < 1 || rating > scale->steps)
    return NULL;
  return g_strcmp0 (language, "sv") == 0 ? scale->labels_sv[rating - 1] : scale->labels_fi[rating - 1];
}

void
kh_plan_scale_free (KhPlanScale *scale)
{
  if (scale == NULL)
    return;
  g_strfreev (scale->labels_fi);
  g_strfreev (scale->labels_sv);
  g_free (scale);
}

/* ---- reviews ---- */

KhPlanEvaluation *
kh_plan_evaluation_new (KhEvaluatedPart  part,
                        gint64           goal_id,
                        const char      *subject,
                        int              rating,
                        const char      *comment)
{
  KhPlanEvaluation *evaluation = g_new0 (KhPlanEvaluation, 1);

  evaluation->part = part;
  evaluation->goal_id = goal_id;
  evaluation->subject = g_strdup (subject);
  evaluation->rating = rating;
  evaluation->comment = g_strdup (comment);
  return evaluation;
}

void
kh_plan_evaluation_free (KhPlanEvaluation *evaluation)
{
  if (evaluation == NULL)
    return;
  g_free (evaluation->subject);
  g_free (evaluation->comment);
  g_free (evaluation);
}

gboolean
kh_plan_review_complete (const KhClientPlan *plan,
                         GPtrArray          *evaluations,
                         const KhPlanScale  *scale,
                         GArray             *missing)
{
  gboolean complete = TRUE;

  for (guint i = 0; i < plan->goals->len; i++)
    {
      const KhPlanGoal *goal = g_ptr_array_index (plan->goals, i);
      gboolean rated = FALSE;

      if (goal->status != KH_GOAL_ACTIVE)
        continue;
      for (guint j = 0; evaluations != NULL && j < evaluations->len && !rated; j++)
        {
          const KhPlanEvaluation *e = g_ptr_array_index (evaluations, j);

          rated = e->part == KH_EVALUATED_GOAL && e->goal_id == goal->id
                  && e->rating >= 1 && e->rating <= scale->steps;
        }
      if (!rated)
        {
          complete = FALSE;
          if (missing != NULL)
            g_array_append_val (missing, goal->id);
        }
    }
  return complete;
}

/* ---- changes since the previous version ---- */

static const KhPlanGoal *
find_goal (const KhClientPlan *plan,
           gint64              id)
{
  for (guint i = 0; plan != NULL && id > 0 && i < plan->goals->len; i++)
    if (((KhPlanGoal *) g_ptr_array_index (plan->goals, i))->id == id)
      return g_ptr_array_index (plan->goals, i);
  return NULL;
}

static const KhPlanAction *
find_action (const KhPlanGoal *goal,
             gint64            id)
{
  for (guint i = 0; goal != NULL && id > 0 && i < goal->actions->len; i++)
    if (((KhPlanAction *) g_ptr_array_index (goal->actions, i))->id == id)
      return g_ptr_array_index (goal->actions, i);
  return NULL;
}

KhPlanChanges *
kh_client_plan_compare (const KhClientPlan *previous,
                        const KhClientPlan *current,
                        const GDate        *today)
{
  KhPlanChanges *changes = g_new0 (KhPlanChanges, 1);

  changes->goals_added = g_ptr_array_new ();
  changes->goals_achieved = g_ptr_array_new ();
  changes->goals_dropped = g_ptr_array_new ();
  changes->actions_done = g_ptr_array_new ();
  changes->actions_late = g_ptr_array_new ();

  for (guint i = 0; i < current->goals->len; i++)
    {
      KhPlanGoal *goal = g_ptr_array_index (current->goals, i);
      const KhPlanGoal *before = find_goal (previous, goal->id);

      if (before == NULL)
        g_ptr_array_add (changes->goals_added, goal);
      else if (goal->status == KH_GOAL_ACHIEVED && before->status != KH_GOAL_ACHIEVED)
        g_ptr_array_add (changes->goals_achieved, goal);
      else if (goal->status == KH_GOAL_DROPPED && before->status != KH_GOAL_DROPPED)
        g_ptr_array_add (changes->goals_dropped, goal);

      for (guint j = 0; j < goal->actions->len; j++)
        {
          KhPlanAction *action = g_ptr_array_index (goal->actions, j);
          const KhPlanAction *was = find_action (before, action->id);

          if (action->status == KH_ACTION_DONE && (was == NULL || was->status != KH_ACTION_DONE))
            g_ptr_array_add (changes->actions_done, action);
          else if (action->status != KH_ACTION_DONE && action->status != KH_ACTION_DROPPED
                   && goal->status == KH_GOAL_ACTIVE
                   && g_date_valid (&action->due) && today != NULL && g_date_compare (&action->due, today) < 0)
            g_ptr_array_add (changes->actions_late, action);
        }
    }
  return changes;
}

void
kh_plan_changes_free (KhPlanChanges *changes)
{
  if (changes == NULL)
    return;
  g_ptr_array_unref (changes->goals_added);
  g_ptr_array_unref (changes->goals_achieved);
  g_ptr_array_unref (changes->goals_dropped);
  g_ptr_array_unref (changes->actions_done);
  g_ptr_array_unref (changes->actions_late);
  g_free (changes);
}
