/* test-assessment.c — the service-need assessment's rules (SHL 36–37 §),
 * without widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * As in test-intake-state.c: an assessment is built from plain values and
 * what kh_assessment_check() says about it is compared with what the law
 * asks. Each table row changes one thing in an assessment that passes
 * every rule and names the one problem that change must cause.
 */
#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "core/kh-assessment.h"
#include "core/kh-enums.h"

#define TODAY "2026-12-04"

/* An assessment that meets 36 § and 37 §: made with the client on
 * 3 December 2026, a relative and a professional present. */
static KhAssessment *
good_assessment (void)
{
  const char *keys[] = { "housing", "finances", NULL };
  const char *labels[] = { "Asuminen", "Talous", NULL };
  KhAssessment *a = kh_assessment_start (12, 34, keys, labels, "2026-12-03");
  KhAreaAssessment *housing = g_ptr_array_index (a->areas, 0);

  a->client_present = KH_ANSWER_YES;
  g_ptr_array_add (a->participants, kh_participant_new (KH_PARTICIPANT_RELATIVE, "Aino Testinen", "sisar"));
  g_ptr_array_add (a->participants, kh_participant_new (KH_PARTICIPANT_PROFESSIONAL, "Mikko Malli", "Työllisyyspalvelut"));
  a->rights_explained = KH_ANSWER_YES;
  a->options_explained = KH_ANSWER_YES;
  a->client_understood = KH_ANSWER_YES;
  a->has_children = KH_ANSWER_NO;
  a->client_view = g_strdup ("Haluan pitää asunnon.");
  housing->situation = g_strdup ("Vuokrarästejä kolmelta kuukaudelta.");
  housing->worker_rating = 2;
  housing->client_rating = 3;
  a->needs = KH_NEED_HOUSING | KH_NEED_FINANCIAL;
  a->support_needed = KH_ANSWER_YES;
  a->need_duration = KH_NEED_DURATION_TEMPORARY;
  a->special_support = KH_ANSWER_NO;
  a->special_support_reasons = g_strdup ("Hakee ja saa palvelut itse.");
  a->summary = g_strdup ("Asunto on vaarassa vuokrarästien vuoksi.");
  a->conclusions = g_strdup ("Asiakkuuden edellytykset täyttyvät.");
  a->services = KH_SHL_SERVICE_BIT (KH_SHL_SERVICE_SOCIAL_GUIDANCE) | KH_SHL_SERVICE_BIT (KH_SHL_SERVICE_INCOME_SUPPORT);
  a->client_on_worker = KH_RESPONSIBLE_WORKER_NEEDED;
  a->worker_on_worker = KH_RESPONSIBLE_WORKER_NEEDED;
  a->next_step = KH_NEXT_STEP_CLIENT_PLAN;
  return a;
}

static void
test_good (void)
{
  g_autoptr(KhAssessment) a = good_assessment ();
  g_autoptr(KhAssessmentCheck) check = NULL;

  kh_assessment_normalize (a);
  check = kh_assessment_check (a, TODAY);
  for (guint i = 0; i < check->issues->len; i++)
    g_test_message ("unexpected: %s", ((KhAssessmentIssue *) g_ptr_array_index (check->issues, i))->message);
  g_assert_cmpuint (check->issues->len, ==, 0);
  g_assert_true (check->can_finish);
  g_assert_false (check->needs_social_worker);
  g_assert_cmpint (check->first_incomplete, ==, KH_ASSESSMENT_STEP_REVIEW);
  for (guint i = 0; i < KH_ASSESSMENT_N_STEPS; i++)
    g_assert_true (check->step_complete[i]);
}

typedef void (*Change) (KhAssessment *a);

#define CHANGE(name, body) static void name (KhAssessment *a) { body; }

CHANGE (no_date, g_clear_pointer (&a->assessed_on, g_free))
CHANGE (future_date, g_free (a->assessed_on); a->assessed_on = g_strdup ("2026-12-05"))
CHANGE (impossible_date, g_free (a->assessed_on); a->assessed_on = g_strdup ("2026-02-30"))
CHANGE (finnish_date, g_free (a->assessed_on); a->assessed_on = g_strdup ("3.12.2026"))
CHANGE (presence_unanswered, a->client_present = KH_ANSWER_UNANSWERED)
CHANGE (absent_no_reason, a->client_present = KH_ANSWER_NO)
CHANGE (absent_with_reason,
        a->client_present = KH_ANSWER_NO;
        a->client_absent_reason = g_strdup ("Sairaalassa; arvio tehtiin omaisen kanssa."))
CHANGE (nameless_participant,
        g_ptr_array_add (a->participants, kh_participant_new (KH_PARTICIPANT_INTERPRETER, "  ", NULL)))
CHANGE (kindless_participant,
        g_ptr_array_add (a->participants, kh_participant_new (0, "Leena Tulkki", NULL)))
CHANGE (rights_not_explained, a->rights_explained = KH_ANSWER_NO)
CHANGE (options_unanswered, a->options_explained = KH_ANSWER_UNANSWERED)
CHANGE (understood_unanswered, a->client_understood = KH_ANSWER_UNANSWERED)
CHANGE (partly_understood, a->client_understood = KH_ANSWER_PARTLY)
CHANGE (partly_understood_note,
        a->client_understood = KH_ANSWER_PARTLY;
        a->information_note = g_strdup ("Käytiin läpi uudelleen tulkin kanssa."))
CHANGE (children_unanswered, a->has_children = KH_ANSWER_UNANSWERED)
CHANGE (children_uncounted, a->has_children = KH_ANSWER_YES; a->children_checked = KH_ANSWER_YES)
CHANGE (children_unchecked, a->has_children = KH_ANSWER_YES; a->children_count = 2)
CHANGE (children_not_checked,
        a->has_children = KH_ANSWER_YES; a->children_count = 2; a->children_checked = KH_ANSWER_NO)
CHANGE (children_not_checked_note,
        a->has_children = KH_ANSWER_YES; a->children_count = 2; a->children_checked = KH_ANSWER_NO;
        a->children_note = g_strdup ("Lastensuojelun kanssa sovittu kotikäynti 10.12."))
CHANGE (children_checked,
        a->has_children = KH_ANSWER_YES; a->children_count = 1; a->children_checked = KH_ANSWER_YES)
CHANGE (no_client_view, g_clear_pointer (&a->client_view, g_free))
CHANGE (obstacle_instead,
        g_clear_pointer (&a->client_view, g_free);
        a->client_view_obstacle = g_strdup ("Asiakas ei ollut tavoitettavissa."))
CHANGE (client_rating_six, ((KhAreaAssessment *) g_ptr_array_index (a->areas, 0))->client_rating = 6)
CHANGE (worker_rating_negative, ((KhAreaAssessment *) g_ptr_array_index (a->areas, 1))->worker_rating = -1)
CHANGE (no_area_described,
        g_clear_pointer (&((KhAreaAssessment *) g_ptr_array_index (a->areas, 0))->situation, g_free))
CHANGE (strengths_only,
        KhAreaAssessment *area = g_ptr_array_index (a->areas, 0);
        g_clear_pointer (&area->situation, g_free);
        area->strengths = g_strdup ("Hyvä verkosto."))
CHANGE (support_unanswered, a->support_needed = KH_ANSWER_UNANSWERED)
CHANGE (duration_unanswered, a->need_duration = KH_NEED_DURATION_UNANSWERED)
CHANGE (special_unanswered, a->special_support = KH_ANSWER_UNANSWERED)
CHANGE (special_no_reasons, g_clear_pointer (&a->special_support_reasons, g_free))
CHANGE (special_yes_no_reasons,
        a->special_support = KH_ANSWER_YES; g_clear_pointer (&a->special_support_reasons, g_free))
CHANGE (no_summary, g_clear_pointer (&a->summary, g_free))
CHANGE (no_conclusions, g_clear_pointer (&a->conclusions, g_free))
CHANGE (no_services, a->services = 0)
CHANGE (no_support_no_services,
        a->support_needed = KH_ANSWER_NO; a->services = 0;
        a->next_step = KH_NEXT_STEP_CLOSE;
        a->next_step_reasons = g_strdup ("Tilanne ratkesi neuvonnalla."))
CHANGE (client_worker_view_missing, a->client_on_worker = KH_RESPONSIBLE_WORKER_UNANSWERED)
CHANGE (client_gave_no_view, a->client_on_worker = KH_RESPONSIBLE_WORKER_NO_VIEW)
CHANGE (worker_gave_no_view, a->worker_on_worker = KH_RESPONSIBLE_WORKER_NO_VIEW)
CHANGE (next_unanswered, a->next_step = KH_NEXT_STEP_UNANSWERED)
CHANGE (close_no_reasons, a->support_needed = KH_ANSWER_NO; a->next_step = KH_NEXT_STEP_CLOSE)
CHANGE (close_while_needed,
        a->next_step = KH_NEXT_STEP_CLOSE; a->next_step_reasons = g_strdup ("Ei perusteita."))
CHANGE (other_authority_no_reasons, a->next_step = KH_NEXT_STEP_OTHER_AUTHORITY)
CHANGE (disagreement_one_side,
        a->disagreement = TRUE; a->client_disagreement = g_strdup ("En tarvitse omatyöntekijää."))
CHANGE (disagreement_both,
        a->disagreement = TRUE; a->client_disagreement = g_strdup ("En tarvitse omatyöntekijää.");
        a->worker_disagreement = g_strdup ("Palveluja on useita; yhteensovittaja tarvitaan."))
CHANGE (hidden_character, g_free (a->summary); a->summary = g_strdup ("Asunto\u200b on vaarassa."))
CHANGE (direction_override, g_free (a->conclusions); a->conclusions = g_strdup ("Ehdot \u202etäyttyvät."))
CHANGE (too_long_text, g_free (a->client_view); a->client_view = g_strnfill (8001, 'a'))
CHANGE (longest_text, g_free (a->client_view); a->client_view = g_strnfill (8000, 'a'))
CHANGE (long_participant_name,
        g_ptr_array_add (a->participants,
                         kh_participant_new (KH_PARTICIPANT_RELATIVE, g_strnfill (201, 'b'), NULL)))

static const struct {
  const char          *name;
  Change               change;
  KhAssessmentProblem  problem;       /* NONE: the change is allowed */
  KhAssessmentStep     step;
} problem_cases[] = {
  { "no date", no_date, KH_ASSESSMENT_PROBLEM_DATE, KH_ASSESSMENT_STEP_START },
  { "a date after today", future_date, KH_ASSESSMENT_PROBLEM_DATE, KH_ASSESSMENT_STEP_START },
  { "30 February", impossible_date, KH_ASSESSMENT_PROBLEM_DATE, KH_ASSESSMENT_STEP_START },
  { "a date not in ISO form", finnish_date, KH_ASSESSMENT_PROBLEM_DATE, KH_ASSESSMENT_STEP_START },
  { "36 § 3: presence not recorded", presence_unanswered, KH_ASSESSMENT_PROBLEM_CLIENT_PRESENT, KH_ASSESSMENT_STEP_START },
  { "36 § 3: absent without a reason", absent_no_reason, KH_ASSESSMENT_PROBLEM_CLIENT_PRESENT, KH_ASSESSMENT_STEP_START },
  { "36 § 3: absent with a reason", absent_with_reason, KH_ASSESSMENT_PROBLEM_NONE, 0 },
  { "a participant without a name", nameless_participant, KH_ASSESSMENT_PROBLEM_PARTICIPANT, KH_ASSESSMENT_STEP_START },
  { "a participant without a kind", kindless_participant, KH_ASSESSMENT_PROBLEM_PARTICIPANT, KH_ASSESSMENT_STEP_START },
  { "36 § 4: rights not explained", rights_not_explained, KH_ASSESSMENT_PROBLEM_INFORMED, KH_ASSESSMENT_STEP_START },
  { "36 § 4: options not recorded", options_unanswered, KH_ASSESSMENT_PROBLEM_INFORMED, KH_ASSESSMENT_STEP_START },
  { "36 § 4: understanding not recorded", understood_unanswered, KH_ASSESSMENT_PROBLEM_INFORMED, KH_ASSESSMENT_STEP_START },
  { "36 § 4: partly understood, nothing said", partly_understood, KH_ASSESSMENT_PROBLEM_INFORMED, KH_ASSESSMENT_STEP_START },
  { "36 § 4: partly understood, with a note", partly_understood_note, KH_ASSESSMENT_PROBLEM_NONE, 0 },
  { "children not asked about", children_unanswered, KH_ASSESSMENT_PROBLEM_CHILDREN, KH_ASSESSMENT_STEP_START },
  { "children, but how many", children_uncounted, KH_ASSESSMENT_PROBLEM_CHILDREN, KH_ASSESSMENT_STEP_START },
  { "children, check not recorded", children_unchecked, KH_ASSESSMENT_PROBLEM_CHILDREN, KH_ASSESSMENT_STEP_START },
  { "children not checked, no reason", children_not_checked, KH_ASSESSMENT_PROBLEM_CHILDREN, KH_ASSESSMENT_STEP_START },
  { "children not checked, with what follows", children_not_checked_note, KH_ASSESSMENT_PROBLEM_NONE, 0 },
  { "children checked", children_checked, KH_ASSESSMENT_PROBLEM_NONE, 0 },
  { "37 § 3: no view of the client's own", no_client_view, KH_ASSESSMENT_PROBLEM_CLIENT_VIEW, KH_ASSESSMENT_STEP_CLIENT_VIEW },
  { "37 § 3: an evident obstacle instead", obstacle_instead, KH_ASSESSMENT_PROBLEM_NONE, 0 },
  { "the client's rating 6", client_rating_six, KH_ASSESSMENT_PROBLEM_RATING, KH_ASSESSMENT_STEP_CLIENT_VIEW },
  { "the worker's rating -1", worker_rating_negative, KH_ASSESSMENT_PROBLEM_RATING, KH_ASSESSMENT_STEP_LIFE_AREAS },
  { "no life area described", no_area_described, KH_ASSESSMENT_PROBLEM_AREAS, KH_ASSESSMENT_STEP_LIFE_AREAS },
  { "strengths are a description too", strengths_only, KH_ASSESSMENT_PROBLEM_NONE, 0 },
  { "37 §: need for support not concluded", support_unanswered, KH_ASSESSMENT_PROBLEM_SUPPORT_NEEDED, KH_ASSESSMENT_STEP_SPECIAL_SUPPORT },
  { "37 §: temporary, recurring or long-term", duration_unanswered, KH_ASSESSMENT_PROBLEM_NEED_DURATION, KH_ASSESSMENT_STEP_SPECIAL_SUPPORT },
  { "3 §: special support not assessed", special_unanswered, KH_ASSESSMENT_PROBLEM_SPECIAL_SUPPORT, KH_ASSESSMENT_STEP_SPECIAL_SUPPORT },
  { "3 §: no special support, no reasons", special_no_reasons, KH_ASSESSMENT_PROBLEM_SPECIAL_SUPPORT, KH_ASSESSMENT_STEP_SPECIAL_SUPPORT },
  { "3 §: special support, no reasons", special_yes_no_reasons, KH_ASSESSMENT_PROBLEM_SPECIAL_SUPPORT, KH_ASSESSMENT_STEP_SPECIAL_SUPPORT },
  { "37 § 1: no summary", no_summary, KH_ASSESSMENT_PROBLEM_SUMMARY, KH_ASSESSMENT_STEP_CONCLUSIONS },
  { "37 § 2: no conclusions", no_conclusions, KH_ASSESSMENT_PROBLEM_CONCLUSIONS, KH_ASSESSMENT_STEP_CONCLUSIONS },
  { "support needed, no service named", no_services, KH_ASSESSMENT_PROBLEM_SERVICES, KH_ASSESSMENT_STEP_CONCLUSIONS },
  { "no support needed: closed with reasons", no_support_no_services, KH_ASSESSMENT_PROBLEM_NONE, 0 },
  { "37 § 4: the client's view missing", client_worker_view_missing, KH_ASSESSMENT_PROBLEM_RESPONSIBLE_WORKER, KH_ASSESSMENT_STEP_CONCLUSIONS },
  { "37 § 4: the client gave no view", client_gave_no_view, KH_ASSESSMENT_PROBLEM_NONE, 0 },
  { "37 § 4: the worker must give one", worker_gave_no_view, KH_ASSESSMENT_PROBLEM_RESPONSIBLE_WORKER, KH_ASSESSMENT_STEP_CONCLUSIONS },
  { "no next step", next_unanswered, KH_ASSESSMENT_PROBLEM_NEXT_STEP, KH_ASSESSMENT_STEP_CONCLUSIONS },
  { "34 §: closing without reasons", close_no_reasons, KH_ASSESSMENT_PROBLEM_NEXT_STEP, KH_ASSESSMENT_STEP_CONCLUSIONS },
  { "34 §: closing while services are needed", close_while_needed, KH_ASSESSMENT_PROBLEM_NEXT_STEP, KH_ASSESSMENT_STEP_CONCLUSIONS },
  { "40 §: another authority, not named", other_authority_no_reasons, KH_ASSESSMENT_PROBLEM_NEXT_STEP, KH_ASSESSMENT_STEP_CONCLUSIONS },
  { "a disagreement with one view", disagreement_one_side, KH_ASSESSMENT_PROBLEM_DISAGREEMENT, KH_ASSESSMENT_STEP_CONCLUSIONS },
  { "a disagreement with both views", disagreement_both, KH_ASSESSMENT_PROBLEM_NONE, 0 },
  { "a zero-width space", hidden_character, KH_ASSESSMENT_PROBLEM_TEXT, KH_ASSESSMENT_STEP_CONCLUSIONS },
  { "a right-to-left override", direction_override, KH_ASSESSMENT_PROBLEM_TEXT, KH_ASSESSMENT_STEP_CONCLUSIONS },
  { "8 001 characters", too_long_text, KH_ASSESSMENT_PROBLEM_TEXT, KH_ASSESSMENT_STEP_CLIENT_VIEW },
  { "8 000 characters", longest_text, KH_ASSESSMENT_PROBLEM_NONE, 0 },
  { "a name of 201 characters", long_participant_name, KH_ASSESSMENT_PROBLEM_TEXT, KH_ASSESSMENT_STEP_START },
};

static void
test_problems (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (problem_cases); i++)
    {
      g_autoptr(KhAssessment) a = good_assessment ();
      g_autoptr(KhAssessmentCheck) check = NULL;

      g_test_message ("%s", problem_cases[i].name);
      problem_cases[i].change (a);
      kh_assessment_normalize (a);
      check = kh_assessment_check (a, TODAY);

      if (problem_cases[i].problem == KH_ASSESSMENT_PROBLEM_NONE)
        {
          for (guint j = 0; j < check->issues->len; j++)
            g_test_message ("unexpected: %s",
                            ((KhAssessmentIssue *) g_ptr_array_index (check->issues, j))->message);
          g_assert_cmpuint (check->issues->len, ==, 0);
          g_assert_true (check->can_finish);
          continue;
        }

      /* That problem, only that one, at that step, with a message. */
      g_assert_cmpuint (check->issues->len, ==, 1);
      {
        KhAssessmentIssue *issue = g_ptr_array_index (check->issues, 0);

        g_assert_cmpint (issue->problem, ==, problem_cases[i].problem);
        g_assert_cmpint (issue->step, ==, problem_cases[i].step);
        g_assert_nonnull (issue->message);
        g_assert_cmpuint (strlen (issue->message), >, 10);
      }
      g_assert_false (check->can_finish);
      g_assert_false (check->step_complete[problem_cases[i].step]);
      g_assert_false (check->step_complete[KH_ASSESSMENT_STEP_REVIEW]);
      g_assert_cmpint (check->first_incomplete, ==, problem_cases[i].step);
    }
}

/* Problems in two steps: the wizard opens at the first. */
static void
test_first_incomplete (void)
{
  g_autoptr(KhAssessment) a = good_assessment ();
  g_autoptr(KhAssessmentCheck) check = NULL;

  g_clear_pointer (&a->summary, g_free);
  a->special_support = KH_ANSWER_UNANSWERED;
  kh_assessment_normalize (a);
  check = kh_assessment_check (a, TODAY);

  g_assert_cmpuint (check->issues->len, ==, 2);
  g_assert_cmpint (check->first_incomplete, ==, KH_ASSESSMENT_STEP_SPECIAL_SUPPORT);
  g_assert_true (check->step_complete[KH_ASSESSMENT_STEP_START]);
  g_assert_true (check->step_complete[KH_ASSESSMENT_STEP_CLIENT_VIEW]);
  g_assert_true (check->step_complete[KH_ASSESSMENT_STEP_LIFE_AREAS]);
  g_assert_false (check->step_complete[KH_ASSESSMENT_STEP_SPECIAL_SUPPORT]);
  g_assert_false (check->step_complete[KH_ASSESSMENT_STEP_CONCLUSIONS]);
  g_assert_false (check->step_complete[KH_ASSESSMENT_STEP_REVIEW]);
  /* In step order. */
  g_assert_cmpint (((KhAssessmentIssue *) g_ptr_array_index (check->issues, 0))->step, ==,
                   KH_ASSESSMENT_STEP_SPECIAL_SUPPORT);
  g_assert_cmpint (((KhAssessmentIssue *) g_ptr_array_index (check->issues, 1))->step, ==,
                   KH_ASSESSMENT_STEP_CONCLUSIONS);
}

/* A new draft has every step to do but the review's list says what. */
static void
test_new_draft (void)
{
  g_autoptr(KhAssessment) a = kh_assessment_start (1, 2, kh_assessment_default_area_keys (), NULL, TODAY);
  g_autoptr(KhAssessmentCheck) check = NULL;

  kh_assessment_normalize (a);
  check = kh_assessment_check (a, TODAY);
  g_assert_cmpuint (a->areas->len, ==, 7);
  g_assert_cmpstr (((KhAreaAssessment *) g_ptr_array_index (a->areas, 0))->key, ==, "work");
  g_assert_cmpstr (((KhAreaAssessment *) g_ptr_array_index (a->areas, 6))->key, ==, "health");
  g_assert_cmpstr (a->assessed_on, ==, "2026-12-04");
  g_assert_cmpint (a->version, ==, 1);
  g_assert_cmpint (a->status, ==, KH_ASSESSMENT_DRAFT);
  g_assert_false (check->can_finish);
  g_assert_cmpint (check->first_incomplete, ==, KH_ASSESSMENT_STEP_START);
  for (guint i = 0; i < KH_ASSESSMENT_N_STEPS; i++)
    g_assert_false (check->step_complete[i]);
  g_assert_true (kh_assessment_check_has (check, KH_ASSESSMENT_PROBLEM_SUMMARY));
  g_assert_true (kh_assessment_check_has (check, KH_ASSESSMENT_PROBLEM_CLIENT_VIEW));
  g_assert_false (kh_assessment_check_has (check, KH_ASSESSMENT_PROBLEM_DATE));
}

/* 42 §, 46 §: special support needs a social worker in public office. */
static void
test_special_support_needs_social_worker (void)
{
  g_autoptr(KhAssessment) a = good_assessment ();
  g_autoptr(KhAssessmentCheck) check = NULL;

  a->special_support = KH_ANSWER_YES;
  check = kh_assessment_check (a, TODAY);
  g_assert_true (check->can_finish);
  g_assert_true (check->needs_social_worker);
}

/* What does not apply is not kept. */
static void
test_normalize (void)
{
  g_autoptr(KhAssessment) a = good_assessment ();

  a->client_absent_reason = g_strdup ("left over");
  a->children_count = 3;
  a->children_checked = KH_ANSWER_YES;
  a->children_note = g_strdup ("left over");
  a->client_view_obstacle = g_strdup ("left over");
  a->next_step_reasons = g_strdup ("left over");
  a->client_disagreement = g_strdup ("left over");
  g_free (a->summary);
  a->summary = g_strdup ("  Ensimmäinen kappale.\r\n\r\n\r\nToinen   kappale.  ");
  kh_assessment_normalize (a);

  g_assert_null (a->client_absent_reason);
  g_assert_cmpuint (a->children_count, ==, 0);
  g_assert_cmpint (a->children_checked, ==, KH_ANSWER_UNANSWERED);
  g_assert_null (a->children_note);
  g_assert_null (a->client_view_obstacle);
  g_assert_null (a->next_step_reasons);
  g_assert_null (a->client_disagreement);
  /* Paragraphs stay. */
  g_assert_cmpstr (a->summary, ==, "Ensimmäinen kappale.\n\nToinen kappale.");

  /* No need for support: no duration and no services. */
  a->support_needed = KH_ANSWER_NO;
  kh_assessment_normalize (a);
  g_assert_cmpint (a->need_duration, ==, KH_NEED_DURATION_UNANSWERED);
  g_assert_cmpuint (a->services, ==, 0);
}

/* What the wizard shows follows the answers. */
static void
test_applies (void)
{
  static const struct {
    KhAssessmentField field;
    Change            on;          /* makes it apply to the good assessment */
    gboolean          good;        /* applies to the good one as it is */
  } cases[] = {
    { KH_ASSESSMENT_FIELD_CLIENT_ABSENT_REASON, absent_no_reason, FALSE },
    { KH_ASSESSMENT_FIELD_CHILDREN_DETAILS, children_checked, FALSE },
    { KH_ASSESSMENT_FIELD_CLIENT_VIEW_OBSTACLE, no_client_view, FALSE },
    { KH_ASSESSMENT_FIELD_NEED_DURATION, NULL, TRUE },
    { KH_ASSESSMENT_FIELD_SERVICES, support_unanswered, TRUE },
    { KH_ASSESSMENT_FIELD_NEXT_STEP_REASONS, close_no_reasons, FALSE },
    { KH_ASSESSMENT_FIELD_DISAGREEMENT_VIEWS, disagreement_one_side, FALSE },
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (cases) == KH_ASSESSMENT_N_FIELDS);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KhAssessment) a = good_assessment ();

      g_assert_cmpint (kh_assessment_field_applies (a, cases[i].field), ==, cases[i].good);
      if (cases[i].on != NULL)
        {
          cases[i].on (a);
          g_assert_true (kh_assessment_field_applies (a, cases[i].field));
        }
    }

  /* No support needed: neither the duration nor the services. */
  {
    g_autoptr(KhAssessment) a = good_assessment ();

    a->support_needed = KH_ANSWER_NO;
    g_assert_false (kh_assessment_field_applies (a, KH_ASSESSMENT_FIELD_NEED_DURATION));
    g_assert_false (kh_assessment_field_applies (a, KH_ASSESSMENT_FIELD_SERVICES));
    /* Not concluded yet: services may be chosen, the duration not. */
    a->support_needed = KH_ANSWER_UNANSWERED;
    g_assert_false (kh_assessment_field_applies (a, KH_ASSESSMENT_FIELD_NEED_DURATION));
    g_assert_true (kh_assessment_field_applies (a, KH_ASSESSMENT_FIELD_SERVICES));
  }
}

/* Finished is frozen: a change is a new version with a reason. */
static void
test_new_version (void)
{
  g_autoptr(KhAssessment) a = good_assessment ();
  g_autoptr(KhAssessment) next = NULL;
  g_autoptr(KhAssessmentCheck) check = NULL;
  g_autofree char *message = NULL;

  a->id = 77;
  next = kh_assessment_new_version (a, "Korjaus", &message);
  g_assert_null (next);
  g_assert_nonnull (message);
  g_clear_pointer (&message, g_free);

  a->status = KH_ASSESSMENT_FINISHED;
  a->finished_at = g_date_time_new_utc (2026, 12, 3, 13, 0, 0);
  a->finished_by = 5;
  check = kh_assessment_check (a, TODAY);
  g_assert_cmpuint (check->issues->len, ==, 0);
  g_assert_false (check->can_finish);

  next = kh_assessment_new_version (a, "  \n ", &message);
  g_assert_null (next);
  g_assert_nonnull (message);
  g_clear_pointer (&message, g_free);

  next = kh_assessment_new_version (a, "Asiakas toimitti  uuden vuokrasopimuksen.", &message);
  g_assert_nonnull (next);
  g_assert_null (message);
  g_assert_cmpint (next->version, ==, 2);
  g_assert_cmpint (next->previous_id, ==, 77);
  g_assert_cmpint (next->id, ==, 0);
  g_assert_cmpint (next->status, ==, KH_ASSESSMENT_DRAFT);
  g_assert_cmpstr (next->change_reason, ==, "Asiakas toimitti uuden vuokrasopimuksen.");
  g_assert_null (next->finished_at);
  g_assert_cmpint (next->finished_by, ==, 0);
  g_assert_cmpstr (next->summary, ==, a->summary);
  g_assert_cmpuint (next->participants->len, ==, 2);
  /* The finished one is untouched. */
  g_assert_cmpint (a->version, ==, 1);
  g_assert_cmpint (a->status, ==, KH_ASSESSMENT_FINISHED);
  g_assert_null (a->change_reason);
}

static void
test_copy_equal (void)
{
  g_autoptr(KhAssessment) a = good_assessment ();
  g_autoptr(KhAssessment) b = kh_assessment_copy (a);

  g_assert_true (kh_assessment_equal (a, b));
  g_assert_true (a->participants->pdata[0] != b->participants->pdata[0]);
  ((KhAreaAssessment *) g_ptr_array_index (b->areas, 1))->concerns = g_strdup ("Velkoja");
  g_assert_false (kh_assessment_equal (a, b));
  g_clear_pointer (&b, kh_assessment_free);
  b = kh_assessment_copy (a);
  ((KhParticipant *) g_ptr_array_index (b->participants, 0))->kind = KH_PARTICIPANT_SUPPORT_PERSON;
  g_assert_false (kh_assessment_equal (a, b));
}

/* The labels a letter prints, in its language whatever the UI's is. */
static void
test_labels_in (void)
{
  static const struct { KhResponsibleWorkerView value; const char *fi, *sv; } views[] = {
    { KH_RESPONSIBLE_WORKER_NEEDED,     "Tarpeen",            "Behövs" },
    { KH_RESPONSIBLE_WORKER_NOT_NEEDED, "Ilmeisen tarpeeton", "Uppenbart onödig" },
  };
  static const struct { int value; const char *fi, *sv; } ratings[] = {
    { 1, "1 – vakavia vaikeuksia", "1 – allvarliga svårigheter" },
    { 5, "5 – sujuu hyvin",        "5 – går bra" },
  };
  static const struct { KhParticipantKind value; const char *fi, *sv; } participants[] = {
    { KH_PARTICIPANT_SUPPORT_PERSON, "Tukihenkilö", "Stödperson" },
    { KH_PARTICIPANT_INTERPRETER,    "Tulkki",      "Tolk" },
  };
  static const struct { const char *key, *fi, *sv; } areas[] = {
    { "housing",  "Asuminen", "Boende" },
    { "finances", "Talous",   "Ekonomi" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_assert_cmpstr (kh_responsible_worker_view_label_in (views[i].value, "fi"), ==, views[i].fi);
      g_assert_cmpstr (kh_responsible_worker_view_label_in (views[i].value, "sv"), ==, views[i].sv);
    }
  for (guint i = 0; i < G_N_ELEMENTS (ratings); i++)
    {
      g_assert_cmpstr (kh_rating_label_in (ratings[i].value, "fi"), ==, ratings[i].fi);
      g_assert_cmpstr (kh_rating_label_in (ratings[i].value, "sv"), ==, ratings[i].sv);
    }
  for (guint i = 0; i < G_N_ELEMENTS (participants); i++)
    {
      g_assert_cmpstr (kh_participant_kind_label_in (participants[i].value, "fi"), ==, participants[i].fi);
      g_assert_cmpstr (kh_participant_kind_label_in (participants[i].value, "sv"), ==, participants[i].sv);
    }
  g_assert_null (kh_rating_label_in (KH_RATING_NONE, "fi"));
  g_assert_null (kh_responsible_worker_view_label_in (KH_RESPONSIBLE_WORKER_UNANSWERED, "sv"));
  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    {
      g_assert_cmpstr (kh_assessment_default_area_label_in (areas[i].key, "fi"), ==, areas[i].fi);
      g_assert_cmpstr (kh_assessment_default_area_label_in (areas[i].key, "sv"), ==, areas[i].sv);
    }
  /* A unit's own area has no label of the application's. */
  g_assert_null (kh_assessment_default_area_label_in ("pets", "fi"));
  g_assert_null (kh_assessment_default_area_label_in (NULL, "sv"));
}

/* Every key is unique and comes back; every label is there. */
static void
test_labels (void)
{
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = 0;

  for (KhShlService s = KH_SHL_SERVICE_FIRST; s <= KH_SHL_SERVICE_LAST; s++, n++)
    {
      const char *key = kh_shl_service_key (s);

      g_assert_nonnull (key);
      g_assert_true (g_hash_table_add (keys, (gpointer) key));
      g_assert_cmpint (kh_shl_service_from_key (key), ==, s);
      g_assert_nonnull (kh_shl_service_label (s));
      g_assert_true (KH_SHL_SERVICE_BIT (s) != 0);
    }
  /* 21 numbered rows of 14 § (8 a not yet read), four under other acts, other. */
  g_assert_cmpuint (n, ==, 26);
  g_assert_cmpstr (kh_shl_service_label_in (KH_SHL_SERVICE_SOCIAL_GUIDANCE, "fi"), ==, "Sosiaaliohjaus");
  g_assert_cmpstr (kh_shl_service_label_in (KH_SHL_SERVICE_SOCIAL_GUIDANCE, "sv"), ==, "Social handledning");
  g_assert_cmpstr (kh_need_duration_label_in (KH_NEED_DURATION_RECURRING, "fi"), ==, "Toistuva");
  g_assert_cmpstr (kh_need_duration_label_in (KH_NEED_DURATION_RECURRING, "sv"), ==, "Återkommande");

  for (KhAssessmentStep s = 0; s < KH_ASSESSMENT_N_STEPS; s++)
    g_assert_nonnull (kh_assessment_step_label (s));
  for (KhParticipantKind k = KH_PARTICIPANT_FIRST; k <= KH_PARTICIPANT_LAST; k++)
    g_assert_cmpint (kh_participant_kind_from_key (kh_participant_kind_key (k)), ==, k);
  for (int r = KH_RATING_MIN; r <= KH_RATING_MAX; r++)
    g_assert_nonnull (kh_rating_label (r));
  g_assert_null (kh_rating_label (0));
  for (const char * const *k = kh_assessment_default_area_keys (); *k != NULL; k++)
    g_assert_nonnull (kh_assessment_default_area_label (*k));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/assessment/good", test_good);
  g_test_add_func ("/core/assessment/problems", test_problems);
  g_test_add_func ("/core/assessment/first-incomplete", test_first_incomplete);
  g_test_add_func ("/core/assessment/new-draft", test_new_draft);
  g_test_add_func ("/core/assessment/special-support", test_special_support_needs_social_worker);
  g_test_add_func ("/core/assessment/normalize", test_normalize);
  g_test_add_func ("/core/assessment/applies", test_applies);
  g_test_add_func ("/core/assessment/new-version", test_new_version);
  g_test_add_func ("/core/assessment/copy-equal", test_copy_equal);
  g_test_add_func ("/core/assessment/labels", test_labels);
  g_test_add_func ("/core/assessment/labels-in", test_labels_in);

  return g_test_run ();
}
