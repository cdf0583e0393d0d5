/* test-client-plan.c — the client plan's rules (SHL 39 §, 41 §, 42 §),
 * its scale, its reviews and what changed between versions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include <gio/gio.h>

#include "core/kh-client-plan.h"

static void
set_date (GDate *date,
          int    year,
          int    month,
          int    day)
{
  g_date_set_dmy (date, day, month, year);
}

/* 4 December 2026: made 1.12.2026, reviewed 1.3.2027. */
static KhClientPlan *
complete_plan (void)
{
  KhClientPlan *plan = kh_client_plan_new ();
  KhPlanGoal *goal = kh_plan_goal_new ("Haluan oman asunnon ennen kesää.", "housing", "Asuminen");

  plan->client_id = 7;
  plan->assessment_id = 3;
  set_date (&plan->made_on, 2026, 12, 1);
  plan->need_client_view = g_strdup ("Tarvitsen apua asunnon hakemiseen.");
  plan->need_worker_view = g_strdup ("Asunnottomuuden uhka, velat.");
  g_ptr_array_add (goal->actions, kh_plan_action_new ("Asuntohakemus vuokrataloyhtiöön", KH_ACTOR_CLIENT, 0, NULL));
  g_ptr_array_add (goal->actions, kh_plan_action_new ("Yhteys velkaneuvontaan", KH_ACTOR_NETWORK, 12, "Talous- ja velkaneuvonta"));
  g_ptr_array_add (plan->goals, goal);
  g_ptr_array_add (plan->partners, kh_plan_partner_new (12, "Talous- ja velkaneuvonta", "Velkojen selvittely", TRUE));
  plan->meetings = KH_MEETINGS_FORTNIGHTLY;
  set_date (&plan->review_on, 2027, 3, 1);
  return plan;
}

static gboolean
consents_to_12 (gint64   member_id,
                gpointer user_data)
{
  return member_id == 12;
}

typedef void (*Mutate) (KhClientPlan *plan);

static void m_none (KhClientPlan *p) { }
static void m_no_date (KhClientPlan *p) { g_date_clear (&p->made_on, 1); }
static void m_future_date (KhClientPlan *p) { set_date (&p->made_on, 2026, 12, 5); }
static void m_today (KhClientPlan *p) { set_date (&p->made_on, 2026, 12, 4); }
static void m_absent (KhClientPlan *p) { p->client_took_part = FALSE; }
static void m_absent_why (KhClientPlan *p) { p->client_took_part = FALSE; p->not_taking_part = g_strdup ("Sairaalassa."); }
static void m_no_need (KhClientPlan *p) { g_clear_pointer (&p->need_client_view, g_free); g_clear_pointer (&p->need_worker_view, g_free); }
static void m_blank_need (KhClientPlan *p) { m_no_need (p); p->need_client_view = g_strdup ("  \n "); }
static void m_client_need_only (KhClientPlan *p) { g_clear_pointer (&p->need_worker_view, g_free); }
static void m_no_goals (KhClientPlan *p) { g_ptr_array_set_size (p->goals, 0); }
static KhPlanGoal *goal0 (KhClientPlan *p) { return g_ptr_array_index (p->goals, 0); }
static void m_goal_blank (KhClientPlan *p) { g_free (goal0 (p)->text); goal0 (p)->text = g_strdup (" "); }
static void m_goal_no_area (KhClientPlan *p) { g_clear_pointer (&goal0 (p)->area_key, g_free); }
static void m_goal_dropped (KhClientPlan *p) { goal0 (p)->status = KH_GOAL_DROPPED; }
static void m_goal_dropped_why (KhClientPlan *p) { m_goal_dropped (p); goal0 (p)->status_reason = g_strdup ("Muutti pois."); }
static void m_action_no_what (KhClientPlan *p) { KhPlanAction *a = g_ptr_array_index (goal0 (p)->actions, 0); g_free (a->what); a->what = g_strdup (""); }
static void m_action_no_member (KhClientPlan *p) { ((KhPlanAction *) g_ptr_array_index (goal0 (p)->actions, 1))->member_id = 0; }
static void m_action_bad_actor (KhClientPlan *p) { ((KhPlanAction *) g_ptr_array_index (goal0 (p)->actions, 0))->actor = 9; }
static void m_no_coordinator (KhClientPlan *p) { ((KhPlanPartner *) g_ptr_array_index (p->partners, 0))->coordinator = FALSE; }
static void m_two_coordinators (KhClientPlan *p) { g_ptr_array_add (p->partners, kh_plan_partner_new (13, "Työllisyyspalvelut", "Työnhaku", TRUE)); }
static void m_second_partner (KhClientPlan *p) { g_ptr_array_add (p->partners, kh_plan_partner_new (13, "Työllisyyspalvelut", "Työnhaku", FALSE)); }
static void m_partner_no_duty (KhClientPlan *p) { g_clear_pointer (&((KhPlanPartner *) g_ptr_array_index (p->partners, 0))->responsibility, g_free); }
static void m_no_partners (KhClientPlan *p) { g_ptr_array_set_size (p->partners, 0); }
static void m_joint (KhClientPlan *p) { p->joint = TRUE; }
static void m_joint_two (KhClientPlan *p) { m_second_partner (p); p->joint = TRUE; }
static void m_no_meetings (KhClientPlan *p) { p->meetings = KH_MEETINGS_NOT_SET; }
static void m_other_meetings (KhClientPlan *p) { p->meetings = KH_MEETINGS_OTHER; }
static void m_other_meetings_text (KhClientPlan *p) { p->meetings = KH_MEETINGS_OTHER; p->meeting_text = g_strdup ("Kahden viikon välein kotikäynnillä"); }
static void m_no_review (KhClientPlan *p) { g_date_clear (&p->review_on, 1); }
static void m_review_same_day (KhClientPlan *p) { set_date (&p->review_on, 2026, 12, 1); }
static void m_review_next_day (KhClientPlan *p) { set_date (&p->review_on, 2026, 12, 2); }
static void m_half_disagreement (KhClientPlan *p) { p->disagreement_client = g_strdup ("En tarvitse päihdepalveluja."); }
static void m_whole_disagreement (KhClientPlan *p) { m_half_disagreement (p); p->disagreement_worker = g_strdup ("Päihteiden käyttö vaikuttaa asumiseen."); }
static void m_invisible (KhClientPlan *p) { p->strengths = g_strdup ("Sinnik\u200bkyys"); }
static void m_too_long (KhClientPlan *p) { p->follow_up = g_strnfill (KH_PLAN_TEXT_MAX + 1, 'a'); }

static void
test_check (void)
{
  static const struct {
    const char   *name;
    Mutate        mutate;
    gboolean      consent;            /* the consent function given */
    int           n_issues;
    KhPlanProblem problem;
  } cases[] = {
    { "complete", m_none, FALSE, 0, 0 },
    { "no date", m_no_date, FALSE, 1, KH_PLAN_PROBLEM_DATE },
    { "made tomorrow", m_future_date, FALSE, 1, KH_PLAN_PROBLEM_DATE },
    { "made today", m_today, FALSE, 0, 0 },
    { "client absent, no reason", m_absent, FALSE, 1, KH_PLAN_PROBLEM_TOGETHER },
    { "client absent with reason", m_absent_why, FALSE, 0, 0 },
    { "no view of the need", m_no_need, FALSE, 1, KH_PLAN_PROBLEM_NEED },
    { "a blank view of the need", m_blank_need, FALSE, 1, KH_PLAN_PROBLEM_NEED },
    { "the client's view only", m_client_need_only, FALSE, 0, 0 },
    { "no goals", m_no_goals, FALSE, 1, KH_PLAN_PROBLEM_GOALS },
    { "a blank goal", m_goal_blank, FALSE, 1, KH_PLAN_PROBLEM_GOAL_TEXT },
    { "a goal without its area", m_goal_no_area, FALSE, 1, KH_PLAN_PROBLEM_GOAL_TEXT },
    { "dropped without a reason", m_goal_dropped, FALSE, 1, KH_PLAN_PROBLEM_GOAL_REASON },
    { "dropped with a reason", m_goal_dropped_why, FALSE, 0, 0 },
    { "an action without what", m_action_no_what, FALSE, 1, KH_PLAN_PROBLEM_ACTION },
    { "a network action without its member", m_action_no_member, FALSE, 1, KH_PLAN_PROBLEM_ACTION },
    { "an unknown actor", m_action_bad_actor, FALSE, 1, KH_PLAN_PROBLEM_ACTION },
    { "no coordinator", m_no_coordinator, FALSE, 1, KH_PLAN_PROBLEM_COORDINATOR },
    { "two coordinators", m_two_coordinators, FALSE, 1, KH_PLAN_PROBLEM_COORDINATOR },
    { "two partners, one coordinating", m_second_partner, FALSE, 0, 0 },
    { "a partner without a responsibility", m_partner_no_duty, FALSE, 1, KH_PLAN_PROBLEM_PARTNER },
    { "no partners, no coordinator needed", m_no_partners, FALSE, 0, 0 },
    { "joint, consent asked of nobody", m_joint, FALSE, 1, KH_PLAN_PROBLEM_CONSENT },
    { "joint, consent given", m_joint, TRUE, 0, 0 },
    { "joint, one partner without consent", m_joint_two, TRUE, 1, KH_PLAN_PROBLEM_CONSENT },
    { "no meetings", m_no_meetings, FALSE, 1, KH_PLAN_PROBLEM_MEETINGS },
    { "meetings as agreed, no words", m_other_meetings, FALSE, 1, KH_PLAN_PROBLEM_MEETINGS },
    { "meetings as agreed, in words", m_other_meetings_text, FALSE, 0, 0 },
    { "no review day", m_no_review, FALSE, 1, KH_PLAN_PROBLEM_REVIEW },
    { "reviewed the day it is made", m_review_same_day, FALSE, 1, KH_PLAN_PROBLEM_REVIEW },
    { "reviewed the next day", m_review_next_day, FALSE, 0, 0 },
    { "a disagreement, one side", m_half_disagreement, FALSE, 1, KH_PLAN_PROBLEM_DISAGREEMENT },
    { "a disagreement, both sides", m_whole_disagreement, FALSE, 0, 0 },
    { "an invisible character", m_invisible, FALSE, 1, KH_PLAN_PROBLEM_TEXT },
    { "a text over its limit", m_too_long, FALSE, 1, KH_PLAN_PROBLEM_TEXT },
  };
  GDate today;

  set_date (&today, 2026, 12, 4);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KhClientPlan) plan = complete_plan ();
      g_autoptr(GPtrArray) issues = NULL;

      cases[i].mutate (plan);
      issues = kh_client_plan_check (plan, &today, cases[i].consent ? consents_to_12 : NULL, NULL);
      if (issues->len != (guint) cases[i].n_issues)
        g_error ("%s: %u issues, expected %d (first: %s)", cases[i].name, issues->len, cases[i].n_issues,
                 issues->len > 0 ? ((KhPlanIssue *) g_ptr_array_index (issues, 0))->message : "none");
      if (cases[i].n_issues > 0)
        {
          KhPlanIssue *issue = g_ptr_array_index (issues, 0);

          g_assert_cmpint (issue->problem, ==, cases[i].problem);
          g_assert_nonnull (issue->message);
        }
    }
}

/* Where a problem is: the goal's and the action's or partner's index. */
static void
test_check_where (void)
{
  g_autoptr(KhClientPlan) plan = complete_plan ();
  g_autoptr(GPtrArray) issues = NULL;
  KhPlanGoal *second = kh_plan_goal_new ("Töihin", "work", "Työ");
  KhPlanIssue *issue;
  GDate today;

  set_date (&today, 2026, 12, 4);
  g_ptr_array_add (second->actions, kh_plan_action_new ("CV", KH_ACTOR_CLIENT, 0, NULL));
  g_ptr_array_add (second->actions, kh_plan_action_new (NULL, KH_ACTOR_WORKER, 0, NULL));
  g_ptr_array_add (plan->goals, second);
  issues = kh_client_plan_check (plan, &today, NULL, NULL);
  g_assert_cmpuint (issues->len, ==, 1);
  issue = g_ptr_array_index (issues, 0);
  g_assert_cmpint (issue->problem, ==, KH_PLAN_PROBLEM_ACTION);
  g_assert_cmpint (issue->goal, ==, 1);
  g_assert_cmpint (issue->item, ==, 1);
  g_assert_cmpstr (issue->message, ==, "Goal 2, action 2: say what is done and who does it.");
}

static void
test_copy (void)
{
  g_autoptr(KhClientPlan) plan = complete_plan ();
  g_autoptr(KhClientPlan) copy = kh_client_plan_copy (plan);
  KhPlanGoal *goal;

  /* The copy owns its own goals and actions. */
  kh_plan_goal_free (g_ptr_array_steal_index (plan->goals, 0));
  g_free (plan->need_client_view);
  plan->need_client_view = NULL;
  g_assert_cmpuint (copy->goals->len, ==, 1);
  goal = g_ptr_array_index (copy->goals, 0);
  g_assert_cmpstr (goal->text, ==, "Haluan oman asunnon ennen kesää.");
  g_assert_cmpuint (goal->actions->len, ==, 2);
  g_assert_cmpstr (((KhPlanAction *) g_ptr_array_index (goal->actions, 1))->actor_name, ==, "Talous- ja velkaneuvonta");
  g_assert_cmpstr (copy->need_client_view, ==, "Tarvitsen apua asunnon hakemiseen.");
  g_assert_cmpint (g_date_get_year (&copy->review_on), ==, 2027);
  g_assert_true (((KhPlanPartner *) g_ptr_array_index (copy->partners, 0))->coordinator);
}

static void
test_scale (void)
{
  static const struct {
    const char *setting;
    int         steps;
    const char *top_fi;
    const char *top_sv;
  } cases[] = {
    { "Ei lainkaan|Inte alls\nOsittain|Delvis\nTäysin|Helt", 3, "Täysin", "Helt" },
    { "\n  Huono | Dålig \n\nHyvä|Bra\n", 2, "Hyvä", "Bra" },
    { "Vain yksi|Bara ett", 0, NULL, NULL },
    { "Ei ruotsiksi\nKyllä|Ja", 0, NULL, NULL },
    { "A|B|C\nD|E", 0, NULL, NULL },
    { "|B\nD|E", 0, NULL, NULL },
    { "1|1\n2|2\n3|3\n4|4\n5|5\n6|6\n7|7\n8|8\n9|9\n10|10\n11|11", 0, NULL, NULL },
    { "1|1\n2|2\n3|3\n4|4\n5|5\n6|6\n7|7\n8|8\n9|9\n10|10", 10, "10", "10" },
    { "", 0, NULL, NULL },
  };
  g_autoptr(KhPlanScale) standard = kh_plan_scale_new_default ();
  g_autofree char *setting = NULL;

  /* The issue's default: five steps from "no progress" to "achieved",
   * in both languages whatever the UI's. */
  g_assert_cmpint (standard->steps, ==, 5);
  g_assert_cmpstr (kh_plan_scale_label (standard, 1, "fi"), ==, "Ei edistystä");
  g_assert_cmpstr (kh_plan_scale_label (standard, 1, "sv"), ==, "Inga framsteg");
  g_assert_cmpstr (kh_plan_scale_label (standard, 5, "fi"), ==, "Saavutettu");
  g_assert_cmpstr (kh_plan_scale_label (standard, 5, "sv"), ==, "Uppnått");
  g_assert_null (kh_plan_scale_label (standard, 0, "fi"));
  g_assert_null (kh_plan_scale_label (standard, 6, "fi"));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(KhPlanScale) scale = kh_plan_scale_parse (cases[i].setting, &error);

      if (cases[i].steps == 0)
        {
          g_assert_null (scale);
          g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
          continue;
        }
      g_assert_no_error (error);
      g_assert_cmpint (scale->steps, ==, cases[i].steps);
      g_assert_cmpstr (kh_plan_scale_label (scale, scale->steps, "fi"), ==, cases[i].top_fi);
      g_assert_cmpstr (kh_plan_scale_label (scale, scale->steps, "sv"), ==, cases[i].top_sv);
    }

  /* The setting round-trips. */
  setting = kh_plan_scale_to_setting (standard);
  g_assert_cmpstr (setting, ==, "Ei edistystä|Inga framsteg\nVähän edistystä|Små framsteg\n"
                                "Jonkin verran edistystä|Vissa framsteg\nPaljon edistystä|Stora framsteg\n"
                                "Saavutettu|Uppnått");
}

static KhClientPlan *
plan_with_goals (void)
{
  KhClientPlan *plan = kh_client_plan_new ();
  static const struct { gint64 id; KhGoalStatus status; } goals[] = {
    { 1, KH_GOAL_ACTIVE }, { 2, KH_GOAL_ACTIVE }, { 3, KH_GOAL_ACHIEVED }, { 4, KH_GOAL_ACTIVE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (goals); i++)
    {
      KhPlanGoal *goal = kh_plan_goal_new ("Tavoite", "housing", "Asuminen");

      goal->id = goals[i].id;
      goal->status = goals[i].status;
      g_ptr_array_add (plan->goals, goal);
    }
  return plan;
}

static void
test_review_complete (void)
{
  static const struct {
    const char *name;
    struct { gint64 goal; int rating; } rated[4];
    gboolean    complete;
    gint64      missing[4];       /* ended by 0 */
  } cases[] = {
    { "every active goal rated", { { 1, 3 }, { 2, 1 }, { 4, 5 } }, TRUE, { 0 } },
    { "an achieved goal need not be", { { 1, 3 }, { 2, 1 }, { 4, 5 }, { 3, 0 } }, TRUE, { 0 } },
    { "one not rated", { { 1, 3 }, { 4, 5 } }, FALSE, { 2, 0 } },
    { "a rating off the scale", { { 1, 6 }, { 2, 1 }, { 4, 5 } }, FALSE, { 1, 0 } },
    { "nothing rated", { { 0 } }, FALSE, { 1, 2, 4, 0 } },
  };
  g_autoptr(KhClientPlan) plan = plan_with_goals ();
  g_autoptr(KhPlanScale) scale = kh_plan_scale_new_default ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) evaluations = g_ptr_array_new_with_free_func ((GDestroyNotify) kh_plan_evaluation_free);
      g_autoptr(GArray) missing = g_array_new (FALSE, FALSE, sizeof (gint64));
      guint n_missing = 0;

      for (guint j = 0; j < G_N_ELEMENTS (cases[i].rated) && cases[i].rated[j].goal != 0; j++)
        g_ptr_array_add (evaluations, kh_plan_evaluation_new (KH_EVALUATED_GOAL, cases[i].rated[j].goal, NULL,
                                                              cases[i].rated[j].rating, NULL));
      /* Another part's evaluation never stands for a goal's. */
      g_ptr_array_add (evaluations, kh_plan_evaluation_new (KH_EVALUATED_METHOD, 2, "Palveluohjaus", 4, NULL));
      g_assert_cmpint (kh_plan_review_complete (plan, evaluations, scale, missing), ==, cases[i].complete);
      while (cases[i].missing[n_missing] != 0)
        n_missing++;
      if (missing->len != n_missing)
        g_error ("%s: %u missing, expected %u", cases[i].name, missing->len, n_missing);
      for (guint j = 0; j < n_missing; j++)
        g_assert_cmpint (g_array_index (missing, gint64, j), ==, cases[i].missing[j]);
    }
}

static KhPlanAction *
action (gint64         id,
        KhActionStatus status,
        int            due_year,
        int            due_month,
        int            due_day)
{
  KhPlanAction *a = kh_plan_action_new ("Toimenpide", KH_ACTOR_CLIENT, 0, NULL);

  a->id = id;
  a->status = status;
  if (due_year != 0)
    set_date (&a->due, due_year, due_month, due_day);
  return a;
}

static void
test_compare (void)
{
  g_autoptr(KhClientPlan) previous = kh_client_plan_new ();
  g_autoptr(KhClientPlan) current = NULL;
  g_autoptr(KhPlanChanges) changes = NULL;
  KhPlanGoal *g1 = kh_plan_goal_new ("Oma asunto", "housing", "Asuminen");
  KhPlanGoal *g2 = kh_plan_goal_new ("Velat hallintaan", "finances", "Talous");
  KhPlanGoal *g4 = kh_plan_goal_new ("Harrastus", "participation", "Osallisuus");
  KhPlanGoal *added;
  GDate today;

  set_date (&today, 2026, 12, 4);
  g1->id = 1;
  g2->id = 2;
  g4->id = 4;
  g_ptr_array_add (g2->actions, action (10, KH_ACTION_PLANNED, 2026, 11, 1));
  g_ptr_array_add (g2->actions, action (11, KH_ACTION_DONE, 2026, 10, 1));
  g_ptr_array_add (g2->actions, action (13, KH_ACTION_STARTED, 2026, 12, 4));
  g_ptr_array_add (previous->goals, g1);
  g_ptr_array_add (previous->goals, g2);
  g_ptr_array_add (previous->goals, g4);

  current = kh_client_plan_copy (previous);
  /* Goal 1 achieved, goal 4 dropped, a new goal; in goal 2 action 10
   * still planned (due 1.11.: late), 11 done before (not again), 13 due
   * today (not late), and a new action done. */
  ((KhPlanGoal *) g_ptr_array_index (current->goals, 0))->status = KH_GOAL_ACHIEVED;
  ((KhPlanGoal *) g_ptr_array_index (current->goals, 2))->status = KH_GOAL_DROPPED;
  g_ptr_array_add (((KhPlanGoal *) g_ptr_array_index (current->goals, 1))->actions,
                   action (0, KH_ACTION_DONE, 0, 0, 0));
  added = kh_plan_goal_new ("Työkokeilu", "work", "Työ");
  g_ptr_array_add (added->actions, action (0, KH_ACTION_PLANNED, 2026, 12, 3));
  g_ptr_array_add (current->goals, added);

  changes = kh_client_plan_compare (previous, current, &today);
  g_assert_cmpuint (changes->goals_added->len, ==, 1);
  g_assert_cmpstr (((KhPlanGoal *) g_ptr_array_index (changes->goals_added, 0))->text, ==, "Työkokeilu");
  g_assert_cmpuint (changes->goals_achieved->len, ==, 1);
  g_assert_cmpint (((KhPlanGoal *) g_ptr_array_index (changes->goals_achieved, 0))->id, ==, 1);
  g_assert_cmpuint (changes->goals_dropped->len, ==, 1);
  g_assert_cmpint (((KhPlanGoal *) g_ptr_array_index (changes->goals_dropped, 0))->id, ==, 4);
  g_assert_cmpuint (changes->actions_done->len, ==, 1);
  g_assert_cmpint (((KhPlanAction *) g_ptr_array_index (changes->actions_done, 0))->id, ==, 0);
  /* Late: action 10 (due 1.11.2026) and the new goal's (due 3.12.2026). */
  g_assert_cmpuint (changes->actions_late->len, ==, 2);
  g_assert_cmpint (((KhPlanAction *) g_ptr_array_index (changes->actions_late, 0))->id, ==, 10);
  g_assert_cmpint (g_date_get_day (&((KhPlanAction *) g_ptr_array_index (changes->actions_late, 1))->due), ==, 3);

  /* The first version: everything is added. */
  g_clear_pointer (&changes, kh_plan_changes_free);
  changes = kh_client_plan_compare (NULL, previous, &today);
  g_assert_cmpuint (changes->goals_added->len, ==, 3);
  g_assert_cmpuint (changes->goals_achieved->len, ==, 0);
  g_assert_cmpuint (changes->actions_done->len, ==, 1);
}

static void
test_labels (void)
{
  g_assert_cmpstr (kh_goal_status_label_in (KH_GOAL_ACHIEVED, "fi"), ==, "Saavutettu");
  g_assert_cmpstr (kh_goal_status_label_in (KH_GOAL_ACHIEVED, "sv"), ==, "Uppnått");
  g_assert_cmpstr (kh_action_status_label_in (KH_ACTION_DONE, "fi"), ==, "Tehty");
  g_assert_cmpstr (kh_action_status_label_in (KH_ACTION_DONE, "sv"), ==, "Gjort");
  g_assert_cmpstr (kh_meeting_frequency_label_in (KH_MEETINGS_FORTNIGHTLY, "fi"), ==, "Kahden viikon välein");
  g_assert_cmpstr (kh_meeting_frequency_label_in (KH_MEETINGS_FORTNIGHTLY, "sv"), ==, "Varannan vecka");
  g_assert_cmpstr (kh_goal_status_label (KH_GOAL_DROPPED), ==, "Dropped");
  g_assert_null (kh_goal_status_label (0));
  g_assert_null (kh_meeting_frequency_label (KH_MEETINGS_NOT_SET));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/client-plan/check", test_check);
  g_test_add_func ("/core/client-plan/check-where", test_check_where);
  g_test_add_func ("/core/client-plan/copy", test_copy);
  g_test_add_func ("/core/client-plan/scale", test_scale);
  g_test_add_func ("/core/client-plan/review-complete", test_review_complete);
  g_test_add_func ("/core/client-plan/compare", test_compare);
  g_test_add_func ("/core/client-plan/labels", test_labels);

  return g_test_run ();
}
