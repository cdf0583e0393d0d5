/* test-caseload.c — which date of a case is next, how it stands, and the
 * caseload's order, without widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Today is Wednesday 9 December 2026 throughout: this week ends on Sunday
 * 13 December. The dates are written out, never computed by the code
 * under test.
 */
#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "core/kh-calendar.h"
#include "core/kh-caseload.h"
#include "core/kh-deadlines.h"

static KhCase *
make_case (gint64      id,
           const char *opened,           /* ISO date */
           const char *assessment,       /* 36 § start, or NULL */
           const char *implementation,   /* 45 § */
           gboolean    urgent,
           KhCaseStatus status)
{
  KhCase *c = g_object_new (KH_TYPE_CASE, NULL);
  int y, m, d;

  c->id = id;
  g_assert_cmpint (sscanf (opened, "%d-%d-%d", &y, &m, &d), ==, 3);
  c->opened_at = g_date_time_new_local (y, m, d, 9, 0, 0);
  c->assessment_deadline = g_strdup (assessment);
  c->implementation_deadline = g_strdup (implementation);
  c->urgent = urgent;
  c->status = status;
  return c;
}

static void
today (GDate *out)
{
  g_date_clear (out, 1);
  g_date_set_dmy (out, 9, G_DATE_DECEMBER, 2026);
}

static const struct {
  const char    *name;
  const char    *assessment;
  const char    *implementation;
  gboolean       started;
  gboolean       urgent;
  KhCaseStatus   status;
  KhNextDeadline which;
  const char    *date;            /* d.m.yyyy, or NULL */
  KhDueStatus    due;
  int            days_left;
} due_cases[] = {
  { "36 § start tomorrow", "2026-12-10", "2027-03-08", FALSE, FALSE, KH_CASE_ASSIGNED,
    KH_NEXT_DEADLINE_ASSESSMENT_START, "10.12.2026", KH_DUE_THIS_WEEK, 1 },
  { "36 § start met: the 45 § date counts", "2026-12-10", "2027-03-08", TRUE, FALSE, KH_CASE_ASSIGNED,
    KH_NEXT_DEADLINE_IMPLEMENTATION, "8.3.2027", KH_DUE_LATER, 89 },
  { "no 36 § date: the 45 § date counts", NULL, "2027-01-11", FALSE, FALSE, KH_CASE_QUEUED,
    KH_NEXT_DEADLINE_IMPLEMENTATION, "11.1.2027", KH_DUE_LATER, 33 },
  { "36 § start yesterday", "2026-12-08", "2027-03-05", FALSE, FALSE, KH_CASE_ASSIGNED,
    KH_NEXT_DEADLINE_ASSESSMENT_START, "8.12.2026", KH_DUE_OVERDUE, -1 },
  { "45 § date passed", NULL, "2026-11-30", FALSE, FALSE, KH_CASE_ASSIGNED,
    KH_NEXT_DEADLINE_IMPLEMENTATION, "30.11.2026", KH_DUE_OVERDUE, -9 },
  { "due today", "2026-12-09", "2027-03-04", FALSE, FALSE, KH_CASE_ASSIGNED,
    KH_NEXT_DEADLINE_ASSESSMENT_START, "9.12.2026", KH_DUE_TODAY, 0 },
  { "Sunday is still this week", NULL, "2026-12-13", FALSE, FALSE, KH_CASE_ASSIGNED,
    KH_NEXT_DEADLINE_IMPLEMENTATION, "13.12.2026", KH_DUE_THIS_WEEK, 4 },
  { "Monday is next week", "2026-12-14", "2027-03-09", FALSE, FALSE, KH_CASE_ASSIGNED,
    KH_NEXT_DEADLINE_ASSESSMENT_START, "14.12.2026", KH_DUE_LATER, 5 },
  { "urgent, whatever its dates", NULL, "2027-03-08", FALSE, TRUE, KH_CASE_QUEUED,
    KH_NEXT_DEADLINE_IMPLEMENTATION, "8.3.2027", KH_DUE_URGENT, 89 },
  { "closed: nothing due", "2026-12-08", "2027-03-05", FALSE, TRUE, KH_CASE_CLOSED,
    KH_NEXT_DEADLINE_NONE, NULL, KH_DUE_NO_DATE, 0 },
  { "no date read", NULL, NULL, FALSE, FALSE, KH_CASE_ASSIGNED,
    KH_NEXT_DEADLINE_NONE, NULL, KH_DUE_NO_DATE, 0 },
};

static void
test_due (void)
{
  GDate now;

  today (&now);
  for (guint i = 0; i < G_N_ELEMENTS (due_cases); i++)
    {
      g_autoptr(KhCase) c = make_case (1, "2026-12-01", due_cases[i].assessment,
                                       due_cases[i].implementation, due_cases[i].urgent,
                                       due_cases[i].status);
      KhCaseDue due;

      g_test_message ("%s", due_cases[i].name);
      kh_case_due (c, due_cases[i].started, &now, &due);
      g_assert_cmpint (due.which, ==, due_cases[i].which);
      g_assert_cmpint (due.status, ==, due_cases[i].due);
      if (due_cases[i].date != NULL)
        {
          g_autofree char *shown = g_strdup_printf ("%d.%d.%d", g_date_get_day (&due.date),
                                                    g_date_get_month (&due.date),
                                                    g_date_get_year (&due.date));

          g_assert_cmpstr (shown, ==, due_cases[i].date);
          g_assert_cmpint (due.days_left, ==, due_cases[i].days_left);
        }
    }
}

static const struct {
  guint          d, m;            /* 2027 */
  gboolean       started;
  KhNextDeadline which;
  KhDueStatus    due;
  int            days_left;
} easter_2027_days[] = {
  /* Tue 6.4.: the start is tomorrow. */
  { 6, 4, FALSE, KH_NEXT_DEADLINE_ASSESSMENT_START, KH_DUE_THIS_WEEK, 1 },
  { 7, 4, FALSE, KH_NEXT_DEADLINE_ASSESSMENT_START, KH_DUE_TODAY, 0 },
  { 8, 4, FALSE, KH_NEXT_DEADLINE_ASSESSMENT_START, KH_DUE_OVERDUE, -1 },
  /* Started on Thu 8.4.: 22 days of April, 31 of May, 28 of June. */
  { 8, 4, TRUE, KH_NEXT_DEADLINE_IMPLEMENTATION, KH_DUE_LATER, 81 },
};

/* Issue 7, "how we will know", a year on from tests/store/test-caseload.c:
 * a person over 75 (born 1.3.1950) contacts the unit on Thursday 25 March
 * 2027, the Thursday before Easter, to obtain services. Maundy Thursday is
 * an ordinary working day; Good Friday 26.3. and Easter Monday 29.3. are
 * not: Tue 30.3. is the 1st working day after the contact, Wed 31.3. the
 * 2nd, Thu 1.4. the 3rd, Fri 2.4. the 4th, Mon 5.4. the 5th, Tue 6.4. the
 * 6th and Wed 7.4.2027 the 7th, the 36 § start (domain-law.md section 6).
 * The 45 § date, three months on, is Fri 25.6.2027, Midsummer Eve: it
 * moves past Midsummer Day (Sat 26.6.) and the Sunday to Mon 28.6.2027
 * (150/1930, 5 §). The caseload's row then stands as the table says. */
static void
test_easter_2027 (void)
{
  g_autoptr(KhCalendar) calendar = kh_calendar_new ();
  GDate contact, birth, start, plan;
  char start_iso[11], plan_iso[11];

  g_date_clear (&contact, 1);
  g_date_set_dmy (&contact, 25, G_DATE_MARCH, 2027);
  g_date_clear (&birth, 1);
  g_date_set_dmy (&birth, 1, G_DATE_MARCH, 1950);
  g_assert_true (kh_deadline_assessment_start (calendar, &contact, TRUE, 0, &birth, &start));
  kh_deadline_implementation (calendar, &contact, &plan);
  g_snprintf (start_iso, sizeof start_iso, "%04d-%02d-%02d", g_date_get_year (&start),
              g_date_get_month (&start), g_date_get_day (&start));
  g_snprintf (plan_iso, sizeof plan_iso, "%04d-%02d-%02d", g_date_get_year (&plan),
              g_date_get_month (&plan), g_date_get_day (&plan));
  g_assert_cmpstr (start_iso, ==, "2027-04-07");
  g_assert_cmpstr (plan_iso, ==, "2027-06-28");

  for (guint i = 0; i < G_N_ELEMENTS (easter_2027_days); i++)
    {
      g_autoptr(KhCase) c = make_case (1, "2027-03-25", start_iso, plan_iso, FALSE, KH_CASE_ASSIGNED);
      KhCaseDue due;
      GDate day;

      g_date_clear (&day, 1);
      g_date_set_dmy (&day, easter_2027_days[i].d, easter_2027_days[i].m, 2027);
      g_test_message ("%u.%u.2027, started %d", easter_2027_days[i].d, easter_2027_days[i].m,
                      easter_2027_days[i].started);
      kh_case_due (c, easter_2027_days[i].started, &day, &due);
      g_assert_cmpint (due.which, ==, easter_2027_days[i].which);
      g_assert_cmpint (due.status, ==, easter_2027_days[i].due);
      g_assert_cmpint (due.days_left, ==, easter_2027_days[i].days_left);
      g_assert_cmpint (g_date_compare (&due.date, easter_2027_days[i].started ? &plan : &start), ==, 0);
    }
}

/* Urgent, overdue, today, this week, later, dateless; then by date, then
 * by when the case became pending. */
static void
test_order (void)
{
  struct { KhCase *c; gboolean started; } cases[] = {
    { make_case (1, "2026-11-02", NULL, "2027-02-02", FALSE, KH_CASE_ASSIGNED), FALSE },   /* later, 2.2. */
    { make_case (2, "2026-12-07", NULL, "2027-03-08", TRUE, KH_CASE_QUEUED), FALSE },      /* urgent */
    { make_case (3, "2026-12-01", "2026-12-10", "2027-03-01", FALSE, KH_CASE_ASSIGNED), FALSE }, /* this week */
    { make_case (4, "2026-08-31", NULL, "2026-11-30", FALSE, KH_CASE_ASSIGNED), FALSE },   /* overdue */
    { make_case (5, "2026-12-01", "2026-12-10", "2027-03-01", FALSE, KH_CASE_ASSIGNED), TRUE },  /* later, 1.3. */
    { make_case (6, "2026-12-02", NULL, NULL, FALSE, KH_CASE_ASSIGNED), FALSE },           /* no date */
    { make_case (7, "2026-11-20", "2026-12-09", "2027-02-22", FALSE, KH_CASE_ASSIGNED), FALSE }, /* today */
    { make_case (8, "2026-10-30", NULL, "2027-02-02", FALSE, KH_CASE_ASSIGNED), FALSE },   /* later, 2.2., older */
    { make_case (9, "2026-12-08", NULL, "2027-03-08", TRUE, KH_CASE_ASSIGNED), FALSE },    /* urgent, later pending */
  };
  static const gint64 expected[] = { 2, 9, 4, 7, 3, 8, 1, 5, 6 };
  KhCaseDue dues[G_N_ELEMENTS (cases)];
  guint order[G_N_ELEMENTS (cases)];
  GDate now;

  today (&now);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      kh_case_due (cases[i].c, cases[i].started, &now, &dues[i]);
      order[i] = i;
    }
  /* A plain insertion sort with the comparison under test. */
  for (guint i = 1; i < G_N_ELEMENTS (order); i++)
    for (guint j = i; j > 0 && kh_case_due_compare (cases[order[j]].c, &dues[order[j]],
                                                     cases[order[j - 1]].c, &dues[order[j - 1]]) < 0; j--)
      {
        guint t = order[j];
        order[j] = order[j - 1];
        order[j - 1] = t;
      }
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    g_assert_cmpint (cases[order[i]].c->id, ==, expected[i]);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_object_unref (cases[i].c);
}

/* The row's second line (kh_case_due_describe): how the next date stands,
 * never the word "Urgent", which the status word beside it says. */
static const struct {
  const char   *name;
  const char   *assessment;       /* 36 § start, or NULL */
  const char   *implementation;   /* 45 §, or NULL */
  gboolean      started;
  gboolean      urgent;
  KhCaseStatus  status;
  const char   *status_word;      /* kh_due_status_label, or NULL */
  const char   *expected;
} describe_cases[] = {
  { "overdue 36 § start", "2026-12-06", "2027-02-01", FALSE, FALSE, KH_CASE_ASSIGNED,
    "Overdue", "Assessment to start (SHL 36 §): overdue 3 days, Sun 6.12.2026" },
  { "overdue by one day", "2026-12-08", "2027-02-01", FALSE, FALSE, KH_CASE_QUEUED,
    "Overdue", "Assessment to start (SHL 36 §): overdue 1 day, Tue 8.12.2026" },
  { "36 § start today", "2026-12-09", "2027-03-01", FALSE, FALSE, KH_CASE_ASSIGNED,
    "Due today", "Assessment to start (SHL 36 §): due today" },
  { "36 § start this week", "2026-12-10", "2027-03-01", FALSE, FALSE, KH_CASE_ASSIGNED,
    "Due this week", "Assessment to start (SHL 36 §): by Thu 10.12.2026" },
  { "started: the 45 § date", "2026-12-10", "2027-03-01", TRUE, FALSE, KH_CASE_ASSIGNED,
    NULL, "Decisions implemented (SHL 45 §): by Mon 1.3.2027" },
  { "no date", NULL, NULL, FALSE, FALSE, KH_CASE_ASSIGNED,
    NULL, "No statutory date" },
  { "urgent, later", "2026-12-17", "2027-03-01", FALSE, TRUE, KH_CASE_QUEUED,
    "Urgent", "Assessment to start (SHL 36 §): by Thu 17.12.2026" },
  { "urgent, overdue", "2026-12-04", "2027-03-01", FALSE, TRUE, KH_CASE_ASSIGNED,
    "Urgent", "Assessment to start (SHL 36 §): overdue 5 days, Fri 4.12.2026" },
  { "urgent, today", NULL, "2026-12-09", TRUE, TRUE, KH_CASE_ASSIGNED,
    "Urgent", "Decisions implemented (SHL 45 §): due today" },
  { "urgent, no date", NULL, NULL, FALSE, TRUE, KH_CASE_QUEUED,
    "Urgent", "No statutory date" },
  { "urgent but closed", "2026-12-04", "2027-03-01", FALSE, TRUE, KH_CASE_CLOSED,
    NULL, "No statutory date" },
};

static void
test_describe (void)
{
  GDate now;

  today (&now);
  for (guint i = 0; i < G_N_ELEMENTS (describe_cases); i++)
    {
      g_autoptr(KhCase) c = make_case (i + 1, "2026-12-01", describe_cases[i].assessment,
                                       describe_cases[i].implementation, describe_cases[i].urgent,
                                       describe_cases[i].status);
      g_autofree char *text = NULL;
      KhCaseDue due;

      g_test_message ("%s", describe_cases[i].name);
      kh_case_due (c, describe_cases[i].started, &now, &due);
      text = kh_case_due_describe (&due);
      g_assert_cmpstr (kh_due_status_label (due.status), ==, describe_cases[i].status_word);
      g_assert_cmpstr (text, ==, describe_cases[i].expected);
      /* The status word once, on its own: not again in the line. */
      g_assert_null (strstr (text, "Urgent"));
    }
}

static KhUser *
make_user (gint64  id,
           KhRole  role,
           gint64  team)
{
  KhUser *u = kh_user_new ();

  u->id = id;
  u->role = role;
  u->active = TRUE;
  u->team_id = team;
  return u;
}

/* Who may take a case or give it to a colleague (kh-caseload.h). */
static void
test_assign_rules (void)
{
  g_autoptr(KhUser) rec = make_user (1, KH_ROLE_RECEPTION, 0);
  g_autoptr(KhUser) admin = make_user (2, KH_ROLE_ADMIN, 0);
  g_autoptr(KhUser) sw = make_user (3, KH_ROLE_SOCIAL_WORKER, 10);
  g_autoptr(KhUser) cou = make_user (4, KH_ROLE_COUNSELLOR, 10);
  g_autoptr(KhUser) other = make_user (5, KH_ROLE_SOCIAL_WORKER, 20);
  g_autoptr(KhUser) lead = make_user (6, KH_ROLE_LEAD, 0);
  g_autoptr(KhUser) gone = make_user (7, KH_ROLE_SOCIAL_WORKER, 10);
  g_autoptr(KhCase) queued = make_case (1, "2026-12-01", NULL, "2027-03-01", FALSE, KH_CASE_QUEUED);
  g_autoptr(KhCase) mine = make_case (2, "2026-12-01", NULL, "2027-03-01", FALSE, KH_CASE_ASSIGNED);
  g_autoptr(KhCase) closed = make_case (3, "2026-12-01", NULL, "2027-03-01", FALSE, KH_CASE_CLOSED);

  gone->active = FALSE;
  queued->team_id = mine->team_id = closed->team_id = 10;
  mine->assigned_to = sw->id;

  g_assert_cmpint (kh_case_assign_check (rec, queued, rec), ==, KH_ASSIGN_NOT_A_CASE_WORKER);
  g_assert_cmpint (kh_case_assign_check (admin, queued, sw), ==, KH_ASSIGN_NOT_A_CASE_WORKER);
  g_assert_cmpint (kh_case_assign_check (sw, queued, sw), ==, KH_ASSIGN_OK);
  g_assert_cmpint (kh_case_assign_check (sw, queued, cou), ==, KH_ASSIGN_OK);
  g_assert_cmpint (kh_case_assign_check (sw, queued, rec), ==, KH_ASSIGN_ASSIGNEE_NOT_A_WORKER);
  g_assert_cmpint (kh_case_assign_check (sw, queued, gone), ==, KH_ASSIGN_ASSIGNEE_NOT_A_WORKER);
  g_assert_cmpint (kh_case_assign_check (sw, queued, other), ==, KH_ASSIGN_ASSIGNEE_OTHER_TEAM);
  g_assert_cmpint (kh_case_assign_check (other, queued, other), ==, KH_ASSIGN_OTHER_TEAM);
  g_assert_cmpint (kh_case_assign_check (sw, closed, sw), ==, KH_ASSIGN_CLOSED);
  g_assert_cmpint (kh_case_assign_check (sw, mine, cou), ==, KH_ASSIGN_OK);
  g_assert_cmpint (kh_case_assign_check (cou, mine, cou), ==, KH_ASSIGN_WITH_ANOTHER_WORKER);
  g_assert_cmpint (kh_case_assign_check (lead, mine, other), ==, KH_ASSIGN_OK);
  g_assert_cmpint (kh_case_assign_check (lead, queued, lead), ==, KH_ASSIGN_OK);
  g_assert_cmpint (kh_case_assign_check (lead, closed, sw), ==, KH_ASSIGN_CLOSED);
  g_assert_null (kh_assign_check_message (KH_ASSIGN_OK));
  g_assert_cmpstr (kh_assign_check_message (KH_ASSIGN_WITH_ANOTHER_WORKER), ==,
                   "The case is with another worker. Only the lead social worker moves a case from one worker to another.");
}

/* A case follows its worker into the worker's team. */
static void
test_team_after_assign (void)
{
  static const struct {
    gint64 case_team, assignee_team, expected;
  } cases[] = {
    { 1, 1, 1 },   /* within the team */
    { 1, 2, 2 },   /* the lead gives it to a worker of team 2: it moves */
    { 2, 1, 1 },
    { 1, 0, 1 },   /* a worker in no team (the lead): it stays */
    { 7, 0, 7 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (kh_case_team_after_assign (cases[i].case_team, cases[i].assignee_team), ==,
                     cases[i].expected);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/caseload/due", test_due);
  g_test_add_func ("/core/caseload/easter-2027", test_easter_2027);
  g_test_add_func ("/core/caseload/order", test_order);
  g_test_add_func ("/core/caseload/describe", test_describe);
  g_test_add_func ("/core/caseload/assign-rules", test_assign_rules);
  g_test_add_func ("/core/caseload/team-after-assign", test_team_after_assign);

  return g_test_run ();
}
