/* test-deadlines.c — tests for the SHL 36 § assessment deadline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include <locale.h>

#include "core/kh-deadlines.h"

static GDate
dmy (guint day,
     guint month,
     guint year)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, day, month, year);
  return d;
}

#define assert_date(d, dd, mm, yyyy) G_STMT_START { \
  g_assert_cmpuint (g_date_get_year (d), ==, (yyyy)); \
  g_assert_cmpuint (g_date_get_month (d), ==, (mm)); \
  g_assert_cmpuint (g_date_get_day (d), ==, (dd)); \
} G_STMT_END

/* Each group alone, and together, gives the 7th working day. */
static void
test_groups (void)
{
  static const guint groups[] = {
    KH_DEADLINE_GROUP_OVER_75,
    KH_DEADLINE_GROUP_HIGHEST_CARE_ALLOWANCE,
    KH_DEADLINE_GROUP_DISABLED,
    KH_DEADLINE_GROUP_OVER_75 | KH_DEADLINE_GROUP_DISABLED,
    KH_DEADLINE_GROUP_OVER_75 | KH_DEADLINE_GROUP_HIGHEST_CARE_ALLOWANCE | KH_DEADLINE_GROUP_DISABLED,
  };
  g_autoptr(KhCalendar) cal = kh_calendar_new ();
  GDate contact = dmy (2, 4, 2026);

  g_assert_cmpint (KH_ASSESSMENT_START_WORKING_DAYS, ==, 7);

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      GDate out;

      g_date_clear (&out, 1);
      g_assert_true (kh_deadline_assessment_start (cal, &contact, groups[i], NULL, &out));
      /* Thu 2.4.2026, past Good Friday and Easter Monday: Wed 15.4.2026. */
      assert_date (&out, 15, 4, 2026);
      g_assert_cmpuint (kh_deadline_effective_groups (groups[i], NULL, &contact), ==, groups[i]);
    }
}

/* No group, no statutory date: the output is left alone. */
static void
test_no_group (void)
{
  g_autoptr(KhCalendar) cal = kh_calendar_new ();
  GDate contact = dmy (2, 4, 2026);
  GDate young = dmy (13, 10, 1990);
  GDate out = dmy (1, 1, 2000);

  g_assert_false (kh_deadline_assessment_start (cal, &contact, 0, NULL, &out));
  assert_date (&out, 1, 1, 2000);
  g_assert_false (kh_deadline_assessment_start (cal, &contact, 0, &young, &out));
  assert_date (&out, 1, 1, 2000);
  /* Unknown bits are not a group. */
  g_assert_false (kh_deadline_assessment_start (cal, &contact, 1u << 10, NULL, &out));
  g_assert_cmpuint (kh_deadline_effective_groups (1u << 10, NULL, &contact), ==, 0);
}

/* OVER_75 from the birth date, on the contact day (the line is drawn at
 * KH_DEADLINE_OVER_75_MIN_AGE: a person counts from their 75th birthday). */
static void
test_over_75_from_birth (void)
{
  static const struct { guint bd, bm, by; guint cd, cm, cy; gboolean over; } cases[] = {
    { 2, 4, 1951, 2, 4, 2026, TRUE },      /* 75th birthday on the contact day */
    { 1, 4, 1951, 2, 4, 2026, TRUE },      /* 75 and a day */
    { 3, 4, 1951, 2, 4, 2026, FALSE },     /* turns 75 tomorrow */
    { 31, 12, 1950, 2, 4, 2026, TRUE },
    { 1, 1, 1952, 2, 4, 2026, FALSE },     /* 74 */
    { 13, 10, 1930, 2, 4, 2026, TRUE },    /* 95 */
    { 13, 10, 1990, 2, 4, 2026, FALSE },
    /* Born on 29 February: the birthday is 28 February in other years. */
    { 29, 2, 1952, 27, 2, 2027, FALSE },
    { 29, 2, 1952, 28, 2, 2027, TRUE },
    { 29, 2, 1952, 28, 2, 2026, FALSE },   /* 73 */
    { 29, 2, 1948, 27, 2, 2023, FALSE },
    { 29, 2, 1948, 28, 2, 2023, TRUE },
    { 29, 2, 1948, 1, 3, 2023, TRUE },
    /* A birth date after the contact (bad data) is not over 75. */
    { 1, 1, 2030, 2, 4, 2026, FALSE },
  };
  g_autoptr(KhCalendar) cal = kh_calendar_new ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate birth = dmy (cases[i].bd, cases[i].bm, cases[i].by);
      GDate contact = dmy (cases[i].cd, cases[i].cm, cases[i].cy);
      GDate out;
      guint groups;

      g_test_message ("born %u.%u.%u, contact %u.%u.%u", cases[i].bd, cases[i].bm, cases[i].by,
                      cases[i].cd, cases[i].cm, cases[i].cy);
      groups = kh_deadline_effective_groups (0, &birth, &contact);
      g_assert_cmpuint (groups, ==, cases[i].over ? KH_DEADLINE_GROUP_OVER_75 : 0);
      g_assert_cmpint (kh_deadline_assessment_start (cal, &contact, 0, &birth, &out), ==,
                       cases[i].over);

      /* Other groups are kept as they are. */
      groups = kh_deadline_effective_groups (KH_DEADLINE_GROUP_DISABLED, &birth, &contact);
      g_assert_cmpuint (groups, ==, KH_DEADLINE_GROUP_DISABLED
                                    | (cases[i].over ? KH_DEADLINE_GROUP_OVER_75 : 0));
    }

  /* A marked OVER_75 stays even when the birth date says otherwise (the
   * worker knows something the record does not). */
  {
    GDate birth = dmy (1, 1, 1990);
    GDate contact = dmy (2, 4, 2026);

    g_assert_cmpuint (kh_deadline_effective_groups (KH_DEADLINE_GROUP_OVER_75, &birth, &contact),
                      ==, KH_DEADLINE_GROUP_OVER_75);
  }

  /* Without a contact day, the birth date alone decides nothing. */
  {
    GDate birth = dmy (1, 1, 1930);

    g_assert_cmpuint (kh_deadline_effective_groups (0, &birth, NULL), ==, 0);
  }
}

/* The deadline follows the calendar's settings and closed days. */
static void
test_follows_calendar (void)
{
  g_autoptr(KhCalendar) cal = kh_calendar_new ();
  GDate contact = dmy (13, 5, 2026);          /* Wednesday before Ascension Day */
  GDate bridge = dmy (15, 5, 2026);
  GDate birth = dmy (1, 1, 1940);
  GDate out;

  g_assert_true (kh_deadline_assessment_start (cal, &contact, 0, &birth, &out));
  assert_date (&out, 25, 5, 2026);

  kh_calendar_add_closed_day (cal, &bridge, "Bridge day");
  g_assert_true (kh_deadline_assessment_start (cal, &contact, 0, &birth, &out));
  assert_date (&out, 26, 5, 2026);

  kh_calendar_set_saturday_is_working_day (cal, TRUE);
  /* Sat 16 (1), Mon 18 (2) … Fri 22 (6), Sat 23 (7). */
  g_assert_true (kh_deadline_assessment_start (cal, &contact, 0, &birth, &out));
  assert_date (&out, 23, 5, 2026);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/deadlines/groups", test_groups);
  g_test_add_func ("/core/deadlines/no-group", test_no_group);
  g_test_add_func ("/core/deadlines/over-75-from-birth", test_over_75_from_birth);
  g_test_add_func ("/core/deadlines/follows-calendar", test_follows_calendar);

  return g_test_run ();
}
