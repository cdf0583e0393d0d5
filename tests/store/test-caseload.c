/* test-caseload.c — a worker's caseload: my cases and my team's queue in
 * the order they must be seen to, with their statutory dates; taking and
 * assigning a case and who may; two desks (issue 7, 1), on both engines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include "core/kh-caseload.h"
#include "store/kh-store.h"

#include "store-test-util.h"

typedef struct
{
  gint64  team;       /* the unit's first team */
  gint64  team2;      /* "Nuoret aikuiset" */
  KhUser *sanna;      /* social worker, team */
  KhUser *pekka;      /* social worker, team */
  KhUser *outi;       /* counsellor, team2 */
  KhUser *riikka;     /* reception */
  KhUser *leena;      /* lead, no team */
} Unit;

static KhUser *
add_worker (Fixture    *f,
            const char *account,
            const char *name,
            KhRole      role,
            gint64      team)
{
  g_autoptr(GError) error = NULL;
  KhUser *user = fixture_add_user (f, account, name, role);

  if (team > 0)
    {
      kh_db_set_user_team (f->db, account, team, &error);
      g_assert_no_error (error);
      user->team_id = team;
    }
  return user;
}

static void
unit_set_up (Fixture *f,
             Unit    *u)
{
  g_autoptr(GPtrArray) teams = NULL;
  g_autoptr(KhTeam) young = kh_team_new ();
  g_autoptr(GError) error = NULL;

  teams = kh_db_list_teams (f->db, FALSE, &error);
  g_assert_no_error (error);
  u->team = ((KhTeam *) g_ptr_array_index (teams, 0))->id;
  young->name = g_strdup ("Nuoret aikuiset");
  u->team2 = kh_db_save_team (f->db, f->admin, young, &error);
  g_assert_no_error (error);
  u->sanna = add_worker (f, "sanna", "Sanna Sosiaalityöntekijä", KH_ROLE_SOCIAL_WORKER, u->team);
  u->pekka = add_worker (f, "pekka", "Pekka Berg", KH_ROLE_SOCIAL_WORKER, u->team);
  u->outi = add_worker (f, "outi", "Outi Ohjaaja", KH_ROLE_COUNSELLOR, u->team2);
  u->riikka = add_worker (f, "riikka", "Riikka Vastaanotto", KH_ROLE_RECEPTION, 0);
  u->leena = add_worker (f, "leena", "Leena Johtaja", KH_ROLE_LEAD, 0);
}

static void
unit_tear_down (Unit *u)
{
  g_clear_object (&u->sanna);
  g_clear_object (&u->pekka);
  g_clear_object (&u->outi);
  g_clear_object (&u->riikka);
  g_clear_object (&u->leena);
}

/* A case opened at reception for a new person born on `birth`, the
 * contact received on `y-m-d` at 10:`minute`, into `team`. */
static gint64
open_case (Fixture    *f,
           Unit       *u,
           const char *last_name,
           const char *birth,
           int         y,
           int         m,
           int         d,
           guint       minute,
           gboolean    urgent,
           gint64      team)
{
  g_autoptr(KhContact) contact = test_contact (KH_OUTCOME_CASE_OPENED);
  g_autoptr(KhClient) client = test_client (last_name, "Testi", birth, 0);
  g_autoptr(KhIntakeResult) result = NULL;
  g_autoptr(GError) error = NULL;
  KhIntake intake = { contact, client, FALSE, 0, 0 };

  intake.team_id = team;
  contact->received_at = g_date_time_new_local (y, m, d, 10, minute, 0);
  contact->urgency = urgent ? KH_URGENCY_URGENT : KH_URGENCY_NOT_URGENT;
  result = kh_db_save_intake (fixture_db (f, u->riikka), u->riikka, &intake, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  g_assert_cmpint (result->case_id, >, 0);
  return result->case_id;
}

static GPtrArray *
caseload (Fixture          *f,
          KhUser           *user,
          KhCaseloadScope   scope,
          guint             offset,
          guint             limit,
          const char       *today,
          KhCaseloadCounts *counts,
          GError          **error)
{
  KhWorkListQuery query = { 0 };

  query.offset = offset;
  query.limit = limit;
  return kh_db_list_caseload (fixture_db (f, user), user, scope, &query, today, counts, error);
}

static KhCase *
find_case (GPtrArray *cases,
           gint64     id)
{
  for (guint i = 0; cases != NULL && i < cases->len; i++)
    if (((KhCase *) g_ptr_array_index (cases, i))->id == id)
      return g_ptr_array_index (cases, i);
  return NULL;
}

/* The "How we will know" case: a person over 75 contacts the unit on
 * Thursday 2 April 2026, before Easter. Working days skip Good Friday
 * (3.4.) and Easter Monday (6.4.): Tue 7.4. is the 1st, … Wed 15.4. the
 * 7th. The 45 § date is three months on, Thu 2.7.2026. */
static void
test_easter_deadlines (Fixture       *f,
                       gconstpointer  data)
{
  Unit u = { 0 };
  g_autoptr(GPtrArray) queue = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) monday = g_date_new_dmy (13, G_DATE_APRIL, 2026);
  g_autoptr(GDate) friday = g_date_new_dmy (10, G_DATE_APRIL, 2026);
  KhCaseloadCounts counts = { 0 };
  KhCaseDue due;
  KhCase *kcase;
  gint64 id;

  unit_set_up (f, &u);
  id = open_case (f, &u, "Vanhanen", "1948-05-10", 2026, 4, 2, 0, FALSE, u.team);

  queue = caseload (f, u.sanna, KH_CASELOAD_TEAM_QUEUE, 0, 0, "2026-04-13", &counts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (queue->len, ==, 1);
  g_assert_cmpuint (counts.total, ==, 1);
  g_assert_cmpuint (counts.urgent, ==, 0);
  g_assert_cmpuint (counts.overdue, ==, 0);
  kcase = g_ptr_array_index (queue, 0);
  g_assert_cmpint (kcase->id, ==, id);
  g_assert_cmpstr (kcase->client_name, ==, "Vanhanen, Testi");
  g_assert_cmpstr (kcase->assessment_deadline, ==, "2026-04-15");
  g_assert_cmpstr (kcase->implementation_deadline, ==, "2026-07-02");
  g_assert_false (kcase->assessment_started);
  g_assert_nonnull (kcase->opened_at);
  g_assert_cmpint (g_date_time_get_day_of_month (kcase->opened_at), ==, 2);

  /* On Friday 10.4. the start is next week; on Monday 13.4. this week,
   * two days left. */
  kh_case_due (kcase, kcase->assessment_started, friday, &due);
  g_assert_cmpint (due.which, ==, KH_NEXT_DEADLINE_ASSESSMENT_START);
  g_assert_cmpint (due.status, ==, KH_DUE_LATER);
  kh_case_due (kcase, kcase->assessment_started, monday, &due);
  g_assert_cmpint (due.status, ==, KH_DUE_THIS_WEEK);
  g_assert_cmpint (due.days_left, ==, 2);
  g_assert_cmpint (g_date_get_day (&due.date), ==, 15);

  /* On Thursday 16.4. it is overdue, and counted so. */
  g_clear_pointer (&queue, g_ptr_array_unref);
  queue = caseload (f, u.sanna, KH_CASELOAD_TEAM_QUEUE, 0, 0, "2026-04-16", &counts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (counts.overdue, ==, 1);

  unit_tear_down (&u);
}

/* The store's pages come in the core's order (kh_case_due_compare), so
 * that the SQL and the rule cannot drift apart; an urgent case first. */
static void
test_order_is_the_cores (Fixture       *f,
                         gconstpointer  data)
{
  Unit u = { 0 };
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = g_date_new_dmy (20, G_DATE_APRIL, 2026);
  KhCaseloadCounts counts = { 0 };
  gint64 urgent_id;

  unit_set_up (f, &u);
  /* Over 75 (a 36 § date) and younger (45 § only), on several days. */
  open_case (f, &u, "Aalto", "1990-01-01", 2026, 3, 2, 0, FALSE, u.team);
  open_case (f, &u, "Berg", "1945-02-02", 2026, 4, 2, 1, FALSE, u.team);
  open_case (f, &u, "Castrén", "1944-03-03", 2026, 4, 9, 2, FALSE, u.team);
  open_case (f, &u, "Dahl", "1985-04-04", 2026, 1, 15, 3, FALSE, u.team);
  urgent_id = open_case (f, &u, "Ek", "1999-05-05", 2026, 4, 14, 4, TRUE, u.team);
  open_case (f, &u, "Forsman", "1943-06-06", 2026, 4, 14, 5, FALSE, u.team);
  open_case (f, &u, "Toinen", "1942-07-07", 2026, 4, 14, 6, FALSE, u.team2);

  /* Read in pages of two. */
  for (guint offset = 0;; offset += 2)
    {
      g_autoptr(GPtrArray) page = caseload (f, u.sanna, KH_CASELOAD_TEAM_QUEUE, offset, 2,
                                            "2026-04-20", &counts, &error);

      g_assert_no_error (error);
      for (guint i = 0; i < page->len; i++)
        g_ptr_array_add (all, g_object_ref (g_ptr_array_index (page, i)));
      if (page->len < 2)
        break;
    }
  g_assert_cmpuint (all->len, ==, 6);        /* not the other team's */
  g_assert_cmpuint (counts.total, ==, 6);
  g_assert_cmpuint (counts.urgent, ==, 1);
  /* On Monday 20.4.: Berg's 36 § start was Wed 15.4. and Dahl's 45 §
   * date (15.1. + 3 months) too: both overdue; Castrén's start (9.4. + 7
   * working days) is today; Forsman's is Thu 23.4.; Aalto's 45 § date
   * Tue 2.6. */
  g_assert_cmpuint (counts.overdue, ==, 2);
  g_assert_cmpint (((KhCase *) g_ptr_array_index (all, 0))->id, ==, urgent_id);

  for (guint i = 0; i + 1 < all->len; i++)
    {
      KhCase *a = g_ptr_array_index (all, i);
      KhCase *b = g_ptr_array_index (all, i + 1);
      KhCaseDue a_due, b_due;

      kh_case_due (a, a->assessment_started, today, &a_due);
      kh_case_due (b, b->assessment_started, today, &b_due);
      g_test_message ("%s %s/%s before %s %s/%s", a->client_name, a->assessment_deadline,
                      a->implementation_deadline, b->client_name, b->assessment_deadline,
                      b->implementation_deadline);
      g_assert_cmpint (kh_case_due_compare (a, &a_due, b, &b_due), <, 0);
    }
  /* The same date: the one pending longer first. */
  g_assert_cmpstr (((KhCase *) g_ptr_array_index (all, 1))->client_name, ==, "Dahl, Testi");
  g_assert_cmpstr (((KhCase *) g_ptr_array_index (all, 1))->implementation_deadline, ==, "2026-04-15");
  g_assert_cmpstr (((KhCase *) g_ptr_array_index (all, 2))->client_name, ==, "Berg, Testi");
  g_assert_cmpstr (((KhCase *) g_ptr_array_index (all, 2))->assessment_deadline, ==, "2026-04-15");
  g_assert_cmpstr (((KhCase *) g_ptr_array_index (all, 3))->client_name, ==, "Castrén, Testi");
  g_assert_cmpstr (((KhCase *) g_ptr_array_index (all, 3))->assessment_deadline, ==, "2026-04-20");
  g_assert_cmpstr (((KhCase *) g_ptr_array_index (all, 4))->client_name, ==, "Forsman, Testi");
  g_assert_cmpstr (((KhCase *) g_ptr_array_index (all, 4))->assessment_deadline, ==, "2026-04-23");
  g_assert_cmpstr (((KhCase *) g_ptr_array_index (all, 5))->client_name, ==, "Aalto, Testi");

  unit_tear_down (&u);
}

/* A started assessment moves a case from its 36 § date to its 45 § date:
 * the order and the overdue count follow (the index's copy of "started",
 * data/sql/0028-caseload-order.sql), a draft removed moves it back, and
 * the copy takes no other value. */
static void
test_started_moves_case (Fixture       *f,
                         gconstpointer  data)
{
  Unit u = { 0 };
  g_autoptr(GPtrArray) mine = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KhAssessment) assessment = NULL;
  g_autofree char *started = NULL;
  g_autofree char *remove = NULL;
  KhCaseloadCounts counts = { 0 };
  RawDb *raw;
  gint64 berg, aalto;

  unit_set_up (f, &u);
  /* Berg, over 75: start by Wed 15.4.2026, plan by Thu 2.7.2026. Aalto,
   * younger: plan by Tue 2.6.2026. */
  berg = open_case (f, &u, "Berg", "1945-02-02", 2026, 4, 2, 0, FALSE, u.team);
  aalto = open_case (f, &u, "Aalto", "1990-01-01", 2026, 3, 2, 1, FALSE, u.team);
  g_assert_true (kh_db_take_case (fixture_db (f, u.sanna), u.sanna, berg, &error));
  g_assert_true (kh_db_take_case (fixture_db (f, u.sanna), u.sanna, aalto, &error));
  g_assert_no_error (error);

  /* Monday 20.4.: Berg's start is overdue, so Berg first. */
  mine = caseload (f, u.sanna, KH_CASELOAD_MINE, 0, 0, "2026-04-20", &counts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mine->len, ==, 2);
  g_assert_cmpint (((KhCase *) g_ptr_array_index (mine, 0))->id, ==, berg);
  g_assert_false (((KhCase *) g_ptr_array_index (mine, 0))->assessment_started);
  g_assert_cmpuint (counts.total, ==, 2);
  g_assert_cmpuint (counts.overdue, ==, 1);

  /* The assessment started: Berg's next date is 2.7., after Aalto's 2.6. */
  assessment = kh_db_start_assessment (fixture_db (f, u.sanna), u.sanna, berg, &error);
  g_assert_no_error (error);
  g_assert_nonnull (assessment);
  g_clear_pointer (&mine, g_ptr_array_unref);
  mine = caseload (f, u.sanna, KH_CASELOAD_MINE, 0, 0, "2026-04-20", &counts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mine->len, ==, 2);
  g_assert_cmpint (((KhCase *) g_ptr_array_index (mine, 0))->id, ==, aalto);
  g_assert_cmpint (((KhCase *) g_ptr_array_index (mine, 1))->id, ==, berg);
  g_assert_true (((KhCase *) g_ptr_array_index (mine, 1))->assessment_started);
  g_assert_cmpuint (counts.total, ==, 2);
  g_assert_cmpuint (counts.overdue, ==, 0);

  /* The copy takes no other value; the draft removed, Berg is first again. */
  raw = raw_connect (f);
  started = g_strdup_printf ("UPDATE cases SET assessment_started = 0 WHERE id = %" G_GINT64_FORMAT, berg);
  g_assert_true (raw_refuses (raw, started));
  g_free (started);
  started = g_strdup_printf ("UPDATE cases SET assessment_started = 1 WHERE id = %" G_GINT64_FORMAT, aalto);
  g_assert_true (raw_refuses (raw, started));
  remove = g_strdup_printf ("DELETE FROM assessment_participants WHERE assessment_id = %" G_GINT64_FORMAT "; "
                            "DELETE FROM assessment_areas WHERE assessment_id = %" G_GINT64_FORMAT "; "
                            "DELETE FROM assessments WHERE id = %" G_GINT64_FORMAT,
                            assessment->id, assessment->id, assessment->id);
  raw_run (raw, remove);
  raw_close (raw);
  g_clear_pointer (&mine, g_ptr_array_unref);
  mine = caseload (f, u.sanna, KH_CASELOAD_MINE, 0, 0, "2026-04-20", &counts, &error);
  g_assert_no_error (error);
  g_assert_cmpint (((KhCase *) g_ptr_array_index (mine, 0))->id, ==, berg);
  g_assert_false (((KhCase *) g_ptr_array_index (mine, 0))->assessment_started);
  g_assert_cmpuint (counts.overdue, ==, 1);

  unit_tear_down (&u);
}

/* Taking a case moves it from the team's queue to my cases; a second
 * taker is told who has it and changes nothing. */
static void
test_take (Fixture       *f,
           gconstpointer  data)
{
  Unit u = { 0 };
  g_autoptr(GPtrArray) mine = NULL;
  g_autoptr(GPtrArray) queue = NULL;
  g_autoptr(GError) error = NULL;
  KhCaseloadCounts counts = { 0 };
  gint64 id;
  gint64 logged_before;

  unit_set_up (f, &u);
  id = open_case (f, &u, "Otettava", "1980-01-01", 2026, 4, 2, 0, FALSE, u.team);
  logged_before = count (f, "SELECT count(*) FROM access_log WHERE what = 9");

  g_assert_true (kh_db_take_case (fixture_db (f, u.sanna), u.sanna, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM access_log WHERE what = 9"), ==, logged_before + 1);

  mine = caseload (f, u.sanna, KH_CASELOAD_MINE, 0, 0, NULL, &counts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mine->len, ==, 1);
  g_assert_cmpint (((KhCase *) g_ptr_array_index (mine, 0))->status, ==, KH_CASE_ASSIGNED);
  g_assert_cmpstr (((KhCase *) g_ptr_array_index (mine, 0))->assigned_to_name, ==,
                   "Sanna Sosiaalityöntekijä");
  queue = caseload (f, u.pekka, KH_CASELOAD_TEAM_QUEUE, 0, 0, NULL, &counts, &error);
  g_assert_no_error (error);
  g_assert_null (find_case (queue, id));
  g_assert_cmpuint (counts.total, ==, 0);

  /* Pekka took it from a list he read before: refused, Sanna keeps it. */
  g_assert_false (kh_db_take_case (fixture_db (f, u.pekka), u.pekka, id, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_STALE);
  g_assert_nonnull (strstr (error->message, "Sanna Sosiaalityöntekijä"));
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM cases WHERE assigned_to IN "
                             "(SELECT id FROM users WHERE account = 'sanna')"), ==, 1);

  /* Taking one's own case again is no error. */
  g_assert_true (kh_db_take_case (fixture_db (f, u.sanna), u.sanna, id, &error));
  g_assert_no_error (error);

  unit_tear_down (&u);
}

/* Who may take and assign (kh_case_assign_check), held by the store. */
static void
test_who_may (Fixture       *f,
              gconstpointer  data)
{
  Unit u = { 0 };
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id, other_team;

  unit_set_up (f, &u);
  id = open_case (f, &u, "Jaettava", "1980-01-01", 2026, 4, 2, 0, FALSE, u.team);
  other_team = open_case (f, &u, "Nuori", "2004-01-01", 2026, 4, 2, 1, FALSE, u.team2);

  /* Reception neither reads the caseload nor takes a case. */
  rows = caseload (f, u.riikka, KH_CASELOAD_TEAM_QUEUE, 0, 0, NULL, NULL, &error);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
  g_assert_null (rows);
  g_clear_error (&error);
  g_assert_false (kh_db_take_case (fixture_db (f, u.riikka), u.riikka, id, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  /* Nor the administrator. */
  g_assert_false (kh_db_take_case (f->db, f->admin, id, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
  g_clear_error (&error);

  /* Not another team's queue; not to a colleague of another team; not to
   * reception. */
  g_assert_false (kh_db_take_case (fixture_db (f, u.sanna), u.sanna, other_team, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_false (kh_db_assign_case (fixture_db (f, u.sanna), u.sanna, id, 0, u.outi->id, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (kh_db_assign_case (fixture_db (f, u.sanna), u.sanna, id, 0, u.riikka->id, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM cases WHERE status = 1"), ==, 2);

  /* To a colleague of the team: Pekka has it. Sanna may not move it on. */
  g_assert_true (kh_db_assign_case (fixture_db (f, u.sanna), u.sanna, id, 0, u.pekka->id, &error));
  g_assert_no_error (error);
  g_assert_false (kh_db_assign_case (fixture_db (f, u.sanna), u.sanna, id, u.pekka->id,
                                     u.sanna->id, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  /* Pekka hands his case back to Sanna. */
  g_assert_true (kh_db_assign_case (fixture_db (f, u.pekka), u.pekka, id, u.pekka->id,
                                    u.sanna->id, &error));
  g_assert_no_error (error);

  /* The lead moves any case, across teams: Sanna's to Outi, and the other
   * team's queued case to Pekka. */
  g_assert_true (kh_db_assign_case (fixture_db (f, u.leena), u.leena, id, u.sanna->id,
                                    u.outi->id, &error));
  g_assert_no_error (error);
  g_assert_true (kh_db_assign_case (fixture_db (f, u.leena), u.leena, other_team, 0,
                                    u.pekka->id, &error));
  g_assert_no_error (error);
  /* A lead who saw it queued is told Pekka has it now. */
  g_assert_false (kh_db_assign_case (fixture_db (f, u.leena), u.leena, other_team, 0,
                                     u.sanna->id, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_STALE);
  g_assert_nonnull (strstr (error->message, "Pekka Berg"));
  g_clear_error (&error);

  /* Below the store: the database refuses a holder who does not work
   * cases, whatever program writes. */
  {
    RawDb *raw = raw_connect (f);
    g_autofree char *sql = g_strdup_printf ("UPDATE cases SET assigned_to = %" G_GINT64_FORMAT
                                            " WHERE id = %" G_GINT64_FORMAT,
                                            u.riikka->id, id);

    g_assert_true (raw_refuses (raw, sql));
    raw_close (raw);
  }

  unit_tear_down (&u);
}

/* A case follows its worker into the worker's team
 * (kh_case_team_after_assign), an active team only. */
static void
test_case_follows_worker (Fixture       *f,
                          gconstpointer  data)
{
  Unit u = { 0 };
  g_autoptr(KhTeam) gone = kh_team_new ();
  g_autoptr(KhUser) ville = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *in_team = NULL, *in_gone = NULL;
  gint64 id, second;

  unit_set_up (f, &u);
  id = open_case (f, &u, "Siirtyvä", "1980-01-01", 2026, 4, 2, 0, FALSE, u.team);
  second = open_case (f, &u, "Jäävä", "1981-01-01", 2026, 4, 2, 1, FALSE, u.team);
  in_team = g_strdup_printf ("SELECT team_id FROM cases WHERE id = %" G_GINT64_FORMAT, id);

  /* Within the team, the team stays. */
  g_assert_true (kh_db_assign_case (fixture_db (f, u.sanna), u.sanna, id, 0, u.pekka->id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, in_team), ==, u.team);
  /* The lead gives it to Outi of the young adults' team: it moves there,
   * so that Outi's team's lists have it ... */
  g_assert_true (kh_db_assign_case (fixture_db (f, u.leena), u.leena, id, u.pekka->id,
                                    u.outi->id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, in_team), ==, u.team2);
  /* ... and the lead, in no team, taking it leaves it there. */
  g_assert_true (kh_db_assign_case (fixture_db (f, u.leena), u.leena, id, u.outi->id,
                                    u.leena->id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, in_team), ==, u.team2);

  /* A worker whose team was deactivated takes a case where it is. */
  gone->name = g_strdup ("Projektitiimi");
  gone->id = kh_db_save_team (f->db, f->admin, gone, &error);
  g_assert_no_error (error);
  ville = add_worker (f, "ville", "Ville Väliaikainen", KH_ROLE_SOCIAL_WORKER, gone->id);
  gone->active = FALSE;
  kh_db_save_team (f->db, f->admin, gone, &error);
  g_assert_no_error (error);
  g_assert_true (kh_db_assign_case (fixture_db (f, u.leena), u.leena, second, 0, ville->id, &error));
  g_assert_no_error (error);
  in_gone = g_strdup_printf ("SELECT count(*) FROM cases WHERE id = %" G_GINT64_FORMAT
                             " AND team_id = %" G_GINT64_FORMAT " AND assigned_to = %" G_GINT64_FORMAT,
                             second, u.team, ville->id);
  g_assert_cmpint (count (f, in_gone), ==, 1);

  unit_tear_down (&u);
}

/* ---- two desks ---- */

typedef struct
{
  GMainLoop    *loop;
  GAsyncResult *result;
  guint         n_changed;
  gboolean      waiting_changed;
  gboolean      timed_out;
} Waiter;

static void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Waiter *w = user_data;

  g_assert_null (w->result);
  w->result = g_object_ref (result);
  g_main_loop_quit (w->loop);
}

static gboolean
timeout_cb (gpointer user_data)
{
  Waiter *w = user_data;

  w->timed_out = TRUE;
  g_main_loop_quit (w->loop);
  return G_SOURCE_REMOVE;
}

static void
run_until (Waiter *w,
           guint   ms)
{
  guint timeout = g_timeout_add (ms, timeout_cb, w);

  w->timed_out = FALSE;
  g_main_loop_run (w->loop);
  if (!w->timed_out)
    g_source_remove (timeout);
}

static GAsyncResult *
wait_for (Waiter *w)
{
  g_clear_object (&w->result);
  run_until (w, 30000);
  g_assert_false (w->timed_out);
  g_assert_nonnull (w->result);
  return w->result;
}

static void
changed_cb (KhStore *store,
            Waiter  *w)
{
  w->n_changed++;
  if (w->waiting_changed)
    g_main_loop_quit (w->loop);
}

static KhStore *
open_store (const char *path,
            Waiter     *w)
{
  KhStore *store = kh_store_new (path);
  g_autoptr(KhUser) user = NULL;
  g_autoptr(GError) error = NULL;

  kh_store_open_async (store, NULL, done_cb, w);
  user = kh_store_open_finish (store, wait_for (w), &error);
  g_assert_no_error (error);
  g_assert_cmpint (kh_store_get_state (store), ==, KH_STORE_STATE_READY);
  return store;
}

static GPtrArray *
store_queue (KhStore *store,
             Waiter  *w)
{
  KhWorkListQuery query = { 0 };
  g_autoptr(GError) error = NULL;
  GPtrArray *rows;

  kh_store_list_caseload_async (store, KH_CASELOAD_TEAM_QUEUE, &query, NULL, NULL, done_cb, w);
  rows = kh_store_list_caseload_finish (store, wait_for (w), NULL, &error);
  g_assert_no_error (error);
  return rows;
}

/* Two KhStores on one database (two desks): a case taken at one
 * disappears from the queue at the other, which hears of it ("changed")
 * without asking. On SQLite both desks are the OS account's; on a server
 * two workers' logins, and the second is told who took it. */
static void
test_two_desks (Fixture       *f,
                gconstpointer  data)
{
  Unit u = { 0 };
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(KhStore) desk1 = NULL;
  g_autoptr(KhStore) desk2 = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autofree char *path1 = NULL;
  g_autofree char *path2 = NULL;
  Waiter w1 = { loop };
  Waiter w2 = { loop };
  gint64 id, other;
  gint64 deadline;

  unit_set_up (f, &u);
  if (f->pg_dbname != NULL)
    {
      path1 = pg_test_conninfo (f->pg_dbname, "sanna");
      path2 = pg_test_conninfo (f->pg_dbname, "pekka");
    }
  else
    {
      /* The store logs in as the OS account: a social worker of the team. */
      g_autoptr(KhUser) me = add_worker (f, g_get_user_name (), "Testi Työntekijä",
                                         KH_ROLE_SOCIAL_WORKER, u.team);

      path1 = g_strdup (f->path);
      path2 = g_strdup (f->path);
    }
  id = open_case (f, &u, "Kahden", "1980-01-01", 2026, 4, 2, 0, FALSE, u.team);
  other = open_case (f, &u, "Jäävä", "1981-01-01", 2026, 4, 2, 1, FALSE, u.team);

  desk1 = open_store (path1, &w1);
  desk2 = open_store (path2, &w2);
  before = store_queue (desk2, &w2);
  g_assert_nonnull (find_case (before, id));
  g_assert_nonnull (find_case (before, other));
  g_signal_connect (desk2, "changed", G_CALLBACK (changed_cb), &w2);

  kh_store_assign_case_async (desk1, id, 0, kh_store_get_user (desk1)->id, NULL, done_cb, &w1);
  g_assert_true (kh_store_assign_case_finish (desk1, wait_for (&w1), &error));
  g_assert_no_error (error);

  /* The other desk hears it (SQLite: within its 200 ms look). */
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  w2.waiting_changed = TRUE;
  while (w2.n_changed == 0 && g_get_monotonic_time () < deadline)
    run_until (&w2, 500);
  w2.waiting_changed = FALSE;
  g_assert_cmpuint (w2.n_changed, >, 0);
  after = store_queue (desk2, &w2);
  g_assert_null (find_case (after, id));
  g_assert_nonnull (find_case (after, other));

  if (f->pg_dbname != NULL)
    {
      /* Pekka, from the list he had: told Sanna took it. */
      kh_store_assign_case_async (desk2, id, 0, kh_store_get_user (desk2)->id, NULL, done_cb, &w2);
      g_assert_false (kh_store_assign_case_finish (desk2, wait_for (&w2), &error));
      g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_STALE);
      g_assert_nonnull (strstr (error->message, "Sanna Sosiaalityöntekijä"));
    }

  g_clear_object (&w1.result);
  g_clear_object (&w2.result);
  g_clear_object (&desk1);
  g_clear_object (&desk2);
  unit_tear_down (&u);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  if (store_test_runs_here (path)) \
    g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/caseload/easter-deadlines", test_easter_deadlines);
  ADD ("/caseload/order-is-the-cores", test_order_is_the_cores);
  ADD ("/caseload/started-moves-case", test_started_moves_case);
  ADD ("/caseload/take", test_take);
  ADD ("/caseload/who-may", test_who_may);
  ADD ("/caseload/case-follows-worker", test_case_follows_worker);
  ADD ("/caseload/two-desks", test_two_desks);

  return g_test_run ();
}
