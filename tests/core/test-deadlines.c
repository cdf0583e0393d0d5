/* test-deadlines.c — tests for the statutory deadlines (SHL 36 §, SHL 45 §, TTL 14 d §)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include <locale.h>
#include <string.h>

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

/* Each group alone, and together, gives the 7th working day when the
 * person sought services. */
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
      g_assert_true (kh_deadline_assessment_start (cal, &contact, TRUE, groups[i], NULL, &out));
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

  g_assert_false (kh_deadline_assessment_start (cal, &contact, TRUE, 0, NULL, &out));
  assert_date (&out, 1, 1, 2000);
  g_assert_false (kh_deadline_assessment_start (cal, &contact, TRUE, 0, &young, &out));
  assert_date (&out, 1, 1, 2000);
  /* Unknown bits are not a group. */
  g_assert_false (kh_deadline_assessment_start (cal, &contact, TRUE, 1u << 10, NULL, &out));
  g_assert_cmpuint (kh_deadline_effective_groups (1u << 10, NULL, &contact), ==, 0);
}

/* SHL 36 § 2 mom: only a contact by the person, a relative or close person
 * (or a legal representative) to obtain services starts the 7-day count;
 * a notification by an authority, Kela, anyone else or an anonymous
 * contact does not, whatever the group. Every contact maker × every group,
 * and the age line at 75 from the birth date. */
static void
test_contact_makers (void)
{
  static const struct { KhContactor contactor; gboolean seeks; } makers[] = {
    { KH_CONTACTOR_SELF, TRUE },
    { KH_CONTACTOR_RELATIVE, TRUE },
    { KH_CONTACTOR_AUTHORITY, FALSE },
    { KH_CONTACTOR_OTHER, FALSE },
    { KH_CONTACTOR_ANONYMOUS, FALSE },
  };
  static const guint groups[] = {
    0,
    KH_DEADLINE_GROUP_OVER_75,
    KH_DEADLINE_GROUP_HIGHEST_CARE_ALLOWANCE,
    KH_DEADLINE_GROUP_DISABLED,
  };
  g_autoptr(KhCalendar) cal = kh_calendar_new ();
  GDate contact = dmy (2, 4, 2026);
  GDate turns_75_today = dmy (2, 4, 1951);
  GDate turns_75_tomorrow = dmy (3, 4, 1951);

  g_assert_cmpint (KH_DEADLINE_OVER_75_MIN_AGE, ==, 75);

  for (guint m = 0; m < G_N_ELEMENTS (makers); m++)
    {
      gboolean seeks = kh_deadline_contactor_seeks_services (makers[m].contactor);

      g_test_message ("contact maker %d", makers[m].contactor);
      g_assert_cmpint (seeks, ==, makers[m].seeks);

      for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
        {
          GDate out = dmy (1, 1, 2000);
          gboolean applies = makers[m].seeks && groups[g] != 0;

          g_assert_cmpint (kh_deadline_assessment_start (cal, &contact, seeks, groups[g],
                                                         NULL, &out), ==, applies);
          if (applies)
            assert_date (&out, 15, 4, 2026);
          else
            assert_date (&out, 1, 1, 2000);
        }

      /* The birth date: 75 on the contact day counts, 74 does not. */
      {
        GDate out = dmy (1, 1, 2000);

        g_assert_cmpint (kh_deadline_assessment_start (cal, &contact, seeks, 0,
                                                       &turns_75_today, &out), ==, makers[m].seeks);
        if (makers[m].seeks)
          assert_date (&out, 15, 4, 2026);
        g_assert_false (kh_deadline_assessment_start (cal, &contact, seeks, 0,
                                                      &turns_75_tomorrow, &out));
      }
    }
}

/* Every worked example of domain-law.md section 6 (7th arkipäivä, Monday
 * to Friday, holidays and eves skipped), checked by hand. */
static void
test_worked_examples (void)
{
  static const struct { guint d, m, y; guint rd, rm, ry; } cases[] = {
    /* Thu 2.4.2026 (before Easter) → Wed 15.4.2026 */
    { 2, 4, 2026, 15, 4, 2026 },
    /* Thu 25.3.2027 (before Easter) → Wed 7.4.2027 */
    { 25, 3, 2027, 7, 4, 2027 },
    /* Wed 23.12.2026 → Thu 7.1.2027 (skips 24–27.12, 1.1 and 6.1) */
    { 23, 12, 2026, 7, 1, 2027 },
    /* Fri 12.6.2026 → Wed 24.6.2026 */
    { 12, 6, 2026, 24, 6, 2026 },
    /* Fri 19.6.2026 (Midsummer Eve) → Tue 30.6.2026 */
    { 19, 6, 2026, 30, 6, 2026 },
    /* Fri 18.6.2027 → Wed 30.6.2027 */
    { 18, 6, 2027, 30, 6, 2027 },
  };
  g_autoptr(KhCalendar) cal = kh_calendar_new ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate contact = dmy (cases[i].d, cases[i].m, cases[i].y);
      GDate out;

      g_test_message ("contact %u.%u.%u", cases[i].d, cases[i].m, cases[i].y);
      g_assert_true (kh_deadline_assessment_start (cal, &contact, TRUE,
                                                   KH_DEADLINE_GROUP_OVER_75, NULL, &out));
      assert_date (&out, cases[i].rd, cases[i].rm, cases[i].ry);
    }
}

/* The unit's closed days do not move the 7th working day (domain-law.md
 * section 6, issue 5 item 1.2). */
static void
test_closed_day_ignored (void)
{
  g_autoptr(KhCalendar) cal = kh_calendar_new ();
  GDate contact = dmy (13, 5, 2026);          /* Wednesday before Ascension Day */
  GDate bridge = dmy (15, 5, 2026);           /* the Friday after it */
  GDate training = dmy (20, 5, 2026);         /* a Wednesday */
  GDate birth = dmy (1, 1, 1940);
  GDate out;

  /* Ascension Day 14.5 skipped: Fri 15 (1), Mon 18 (2) … Fri 22 (6),
   * Mon 25 (7). */
  g_assert_true (kh_deadline_assessment_start (cal, &contact, TRUE, 0, &birth, &out));
  assert_date (&out, 25, 5, 2026);

  kh_calendar_add_closed_day (cal, &bridge, "Bridge day");
  kh_calendar_add_closed_day (cal, &training, "Training day");
  g_assert_true (kh_deadline_assessment_start (cal, &contact, TRUE, 0, &birth, &out));
  assert_date (&out, 25, 5, 2026);

  /* A closed day on the 7th working day itself does not move it either. */
  {
    GDate monday = dmy (25, 5, 2026);

    kh_calendar_add_closed_day (cal, &monday, "Moving day");
    g_assert_true (kh_deadline_assessment_start (cal, &contact, TRUE, 0, &birth, &out));
    assert_date (&out, 25, 5, 2026);
  }
}

/* Issue 5 item 1.3: both values of the Saturday setting. Off (the
 * default): Monday–Friday. On: Saturdays count, and a count that ends on a
 * Saturday ends on the next working day (150/1930 5 §), as the setting's
 * description says. */
static void
test_saturday_setting (void)
{
  static const struct { guint d, m, y; gboolean saturday; guint rd, rm, ry; } cases[] = {
    /* Fri 6.3.2026, off: Mon 9 (1) … Fri 13 (5), Mon 16 (6), Tue 17 (7). */
    { 6, 3, 2026, FALSE, 17, 3, 2026 },
    /* On: Sat 7 (1), Mon 9 (2) … Fri 13 (6), Sat 14 (7) → Mon 16.3. */
    { 6, 3, 2026, TRUE, 16, 3, 2026 },
    /* Thu 26.3.2026, off: Fri 27 (1), Mon 30 (2), Tue 31 (3), Wed 1.4 (4),
     * Thu 2 (5), Good Friday and Easter Monday skipped, Tue 7 (6),
     * Wed 8 (7). */
    { 26, 3, 2026, FALSE, 8, 4, 2026 },
    /* On: Fri 27 (1), Sat 28 (2), Mon 30 (3), Tue 31 (4), Wed 1 (5),
     * Thu 2 (6), Sat 4 (7) → Easter Sunday, Easter Monday → Tue 7.4. */
    { 26, 3, 2026, TRUE, 7, 4, 2026 },
    /* Wed 13.5.2026, on: Fri 15 (1), Sat 16 (2), Mon 18 (3) … Fri 22 (7):
     * a Saturday inside the count shortens it. */
    { 13, 5, 2026, TRUE, 22, 5, 2026 },
    { 13, 5, 2026, FALSE, 25, 5, 2026 },
    /* Midsummer Day (Sat 20.6.2026) never counts: Thu 18.6, on: Mon 22 (1)
     * … Fri 26 (5), Sat 27 (6), Mon 29 (7). */
    { 18, 6, 2026, TRUE, 29, 6, 2026 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KhCalendar) cal = kh_calendar_new ();
      GDate contact = dmy (cases[i].d, cases[i].m, cases[i].y);
      GDate out;

      kh_calendar_set_saturday_is_working_day (cal, cases[i].saturday);
      g_test_message ("contact %u.%u.%u, Saturdays %s", cases[i].d, cases[i].m, cases[i].y,
                      cases[i].saturday ? "on" : "off");
      g_assert_true (kh_deadline_assessment_start (cal, &contact, TRUE,
                                                   KH_DEADLINE_GROUP_DISABLED, NULL, &out));
      assert_date (&out, cases[i].rd, cases[i].rm, cases[i].ry);
      g_assert_cmpint (g_date_get_weekday (&out), !=, G_DATE_SATURDAY);
    }

  /* The two descriptions differ and say what happens to a Saturday. */
  g_assert_nonnull (strstr (kh_calendar_describe_saturday_setting (TRUE), "next working day"));
  g_assert_nonnull (strstr (kh_calendar_describe_saturday_setting (FALSE), "Monday to Friday"));
  g_assert_cmpstr (kh_calendar_saturday_setting_title (), ==, "Count Saturdays as working days");
}

/* SHL 45 §: 3 months after the case became pending, 150/1930 3 § and 5 §;
 * the results worked out by hand with the table of domain-law.md section 6. */
static void
test_implementation (void)
{
  static const struct { guint d, m, y; guint rd, rm, ry; } cases[] = {
    /* 31.1.2026 → 30.4.2026 (Thu): April has no 31st. */
    { 31, 1, 2026, 30, 4, 2026 },
    /* 30.11.2026 → 28.2.2027 (Sun) → Mon 1.3.2027. */
    { 30, 11, 2026, 1, 3, 2027 },
    /* 30.11.2027 → 29.2.2028 (Tue, a leap year). */
    { 30, 11, 2027, 29, 2, 2028 },
    /* 19.3.2026 → 19.6.2026 is Midsummer Eve → Sat 20.6 Midsummer Day,
     * Sun 21.6 → Mon 22.6.2026. */
    { 19, 3, 2026, 22, 6, 2026 },
    /* 31.5.2026 → 31.8.2026 (Mon). */
    { 31, 5, 2026, 31, 8, 2026 },
    /* 31.10.2026 → 31.1.2027 (Sun) → Mon 1.2.2027, across the year end. */
    { 31, 10, 2026, 1, 2, 2027 },
    /* 24.9.2026 → 24.12.2026, Christmas Eve (Thu) → 25 Christmas Day,
     * 26 St Stephen's Day, 27 Sunday → Mon 28.12.2026. */
    { 24, 9, 2026, 28, 12, 2026 },
    /* An ordinary day: Thu 2.4.2026 → Thu 2.7.2026. */
    { 2, 4, 2026, 2, 7, 2026 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KhCalendar) cal = kh_calendar_new ();
      GDate pending = dmy (cases[i].d, cases[i].m, cases[i].y);
      GDate closed = dmy (cases[i].rd, cases[i].rm, cases[i].ry);
      GDate out;

      g_test_message ("pending %u.%u.%u", cases[i].d, cases[i].m, cases[i].y);
      kh_deadline_implementation (cal, &pending, &out);
      assert_date (&out, cases[i].rd, cases[i].rm, cases[i].ry);

      /* Neither the Saturday setting nor a closed day changes it. */
      kh_calendar_set_saturday_is_working_day (cal, TRUE);
      kh_calendar_add_closed_day (cal, &closed, "Closed");
      kh_deadline_implementation (cal, &pending, &out);
      assert_date (&out, cases[i].rd, cases[i].rm, cases[i].ry);
    }
  g_assert_cmpint (KH_IMPLEMENTATION_MONTHS, ==, 3);
}

/* TTL 14 d §: the personal meeting within 7 working days, counted as Kela
 * counts (domain-law.md 3.3). */
static void
test_kela_meeting (void)
{
  static const struct { guint d, m, y; guint rd, rm, ry; } cases[] = {
    /* Kela's own example: Thu 2.4.2026 → Wed 15.4.2026. */
    { 2, 4, 2026, 15, 4, 2026 },
    /* Arrived Saturday 7.3.2026: counts as Monday 9.3, so counting starts
     * on Tuesday: Tue 10 (1) … Fri 13 (4), Mon 16 (5), Tue 17 (6),
     * Wed 18 (7). */
    { 7, 3, 2026, 18, 3, 2026 },
    /* Sunday 8.3.2026 the same. */
    { 8, 3, 2026, 18, 3, 2026 },
    /* Monday 9.3.2026 itself: the same day. */
    { 9, 3, 2026, 18, 3, 2026 },
    /* Arrived on Midsummer Eve (Fri 19.6.2026): as if on Mon 22.6; Tue 23
     * (1) … Fri 26 (4), Mon 29 (5), Tue 30 (6), Wed 1.7 (7). */
    { 19, 6, 2026, 1, 7, 2026 },
    /* Wed 23.12.2026 → Thu 7.1.2027, as the SHL 36 § example. */
    { 23, 12, 2026, 7, 1, 2027 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KhCalendar) cal = kh_calendar_new ();
      GDate arrival = dmy (cases[i].d, cases[i].m, cases[i].y);
      GDate out;

      g_test_message ("arrival %u.%u.%u", cases[i].d, cases[i].m, cases[i].y);
      kh_deadline_kela_meeting (cal, &arrival, &out);
      assert_date (&out, cases[i].rd, cases[i].rm, cases[i].ry);

      /* Kela counts Monday–Friday, whatever the unit's setting, and the
       * unit's closed days do not count against it. */
      kh_calendar_set_saturday_is_working_day (cal, TRUE);
      for (guint k = 1; k <= 10; k++)
        {
          GDate day = arrival;

          g_date_add_days (&day, k);
          kh_calendar_add_closed_day (cal, &day, NULL);
        }
      kh_deadline_kela_meeting (cal, &arrival, &out);
      assert_date (&out, cases[i].rd, cases[i].rm, cases[i].ry);
    }
  g_assert_cmpint (KH_KELA_MEETING_WORKING_DAYS, ==, 7);
}

/* The words that the queue, the person page and the intake show. */
static void
test_descriptions (void)
{
  g_autofree char *dated = kh_deadline_describe_assessment_start ("2026-04-15");
  g_autofree char *general = kh_deadline_describe_assessment_start (NULL);
  g_autofree char *bad = kh_deadline_describe_assessment_start ("15.4.2026");
  g_autofree char *implemented = kh_deadline_describe_implementation ("2026-04-30");
  g_autofree char *meeting = kh_deadline_describe_kela_meeting ("2026-04-15");

  g_assert_cmpstr (dated, ==, "by Wed 15.4.2026 (SHL 36 §)");
  g_assert_cmpstr (general, ==, "without delay (SHL 36 §)");
  g_assert_cmpstr (bad, ==, "without delay (SHL 36 §)");
  g_assert_cmpstr (implemented, ==, "implemented by Thu 30.4.2026 (SHL 45 §)");
  g_assert_cmpstr (meeting, ==, "meeting by Wed 15.4.2026 (TTL 14 d §)");
  g_assert_null (kh_deadline_describe_implementation (NULL));
  g_assert_null (kh_deadline_describe_kela_meeting (NULL));
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
      g_assert_cmpint (kh_deadline_assessment_start (cal, &contact, TRUE, 0, &birth, &out), ==,
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

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/deadlines/groups", test_groups);
  g_test_add_func ("/core/deadlines/no-group", test_no_group);
  g_test_add_func ("/core/deadlines/over-75-from-birth", test_over_75_from_birth);
  g_test_add_func ("/core/deadlines/contact-makers", test_contact_makers);
  g_test_add_func ("/core/deadlines/worked-examples", test_worked_examples);
  g_test_add_func ("/core/deadlines/closed-day-ignored", test_closed_day_ignored);
  g_test_add_func ("/core/deadlines/saturday-setting", test_saturday_setting);
  g_test_add_func ("/core/deadlines/implementation", test_implementation);
  g_test_add_func ("/core/deadlines/kela-meeting", test_kela_meeting);
  g_test_add_func ("/core/deadlines/descriptions", test_descriptions);

  return g_test_run ();
}
