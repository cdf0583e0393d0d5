/* test-calendar.c — tests for the Finnish working-day calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Easter table was computed by three independent methods that agree for
 * every year 2024–2040: the anonymous Gregorian computus (Meeus), Gauss's
 * Easter formula with its two exceptions, and python-dateutil's easter();
 * it also matches the published dates 2024-03-31, 2025-04-20, 2026-04-05,
 * 2027-03-28, 2030-04-21, 2035-03-25, 2038-04-25 and 2040-04-01. The
 * holiday table for 2025–2027 is domain-law.md section 6, in full.
 */
#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "core/kh-calendar.h"

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

/* Easter Sunday, Midsummer Eve (June), All Saints' Day. */
static const struct
{
  guint year;
  guint easter_month, easter_day;
  guint midsummer_eve_day;
  guint saints_month, saints_day;
} years[] = {
  { 2024, 3, 31, 21, 11, 2 },
  { 2025, 4, 20, 20, 11, 1 },
  { 2026, 4, 5, 19, 10, 31 },
  { 2027, 3, 28, 25, 11, 6 },
  { 2028, 4, 16, 23, 11, 4 },
  { 2029, 4, 1, 22, 11, 3 },
  { 2030, 4, 21, 21, 11, 2 },
  { 2031, 4, 13, 20, 11, 1 },
  { 2032, 3, 28, 25, 11, 6 },
  { 2033, 4, 17, 24, 11, 5 },
  { 2034, 4, 9, 23, 11, 4 },
  { 2035, 3, 25, 22, 11, 3 },
  { 2036, 4, 13, 20, 11, 1 },
  { 2037, 4, 5, 19, 10, 31 },
  { 2038, 4, 25, 25, 11, 6 },
  { 2039, 4, 10, 24, 11, 5 },
  { 2040, 4, 1, 22, 11, 3 },
};

static void
test_easter (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (years); i++)
    {
      GDate easter;

      kh_calendar_easter (years[i].year, &easter);
      g_test_message ("%u", years[i].year);
      assert_date (&easter, years[i].easter_day, years[i].easter_month, years[i].year);
      g_assert_cmpint (g_date_get_weekday (&easter), ==, G_DATE_SUNDAY);
    }

  /* The extremes of the Gregorian range of Easter: 22 March and 25 April. */
  {
    GDate easter;

    kh_calendar_easter (1818, &easter);
    assert_date (&easter, 22, 3, 1818);
    kh_calendar_easter (2285, &easter);
    assert_date (&easter, 22, 3, 2285);
    kh_calendar_easter (1943, &easter);
    assert_date (&easter, 25, 4, 1943);
    kh_calendar_easter (2000, &easter);
    assert_date (&easter, 23, 4, 2000);
  }
}

static void
assert_name (KhCalendar *cal,
             GDate       d,
             const char *expected)
{
  const char *name = NULL;
  gboolean holiday = kh_calendar_is_holiday (cal, &d, &name);
  char buf[32];

  g_date_strftime (buf, sizeof buf, "%Y-%m-%d", &d);
  g_test_message ("%s: expect %s", buf, expected ? expected : "(none)");
  if (expected == NULL)
    {
      g_assert_false (holiday);
      return;
    }
  g_assert_true (holiday);
  g_assert_cmpstr (name, ==, expected);
}

/* The movable feasts of every year 2024–2040, and the days around them that
 * are ordinary days (Maundy Thursday, Holy Saturday, Whit Monday). */
static void
test_movable_holidays (void)
{
  g_autoptr(KhCalendar) cal = kh_calendar_new ();

  for (guint i = 0; i < G_N_ELEMENTS (years); i++)
    {
      GDate easter = dmy (years[i].easter_day, years[i].easter_month, years[i].year);
      static const struct { int offset; const char *name; } feasts[] = {
        { -3, NULL },
        { -2, "Good Friday" },
        { -1, NULL },
        { 0, "Easter Sunday" },
        { 1, "Easter Monday" },
        { 2, NULL },
        { 38, NULL },
        { 39, "Ascension Day" },
        { 40, NULL },
        { 49, "Whit Sunday" },
        { 50, NULL },
      };

      for (guint f = 0; f < G_N_ELEMENTS (feasts); f++)
        {
          GDate d = easter;

          if (feasts[f].offset < 0)
            g_date_subtract_days (&d, -feasts[f].offset);
          else
            g_date_add_days (&d, feasts[f].offset);

          /* Whit Monday and the day after Ascension may happen to be a
           * fixed holiday (May Day) in some year; skip those. */
          if (feasts[f].name == NULL && g_date_get_month (&d) == 5 && g_date_get_day (&d) == 1)
            continue;
          assert_name (cal, d, feasts[f].name);
        }

      /* Ascension Day is always a Thursday. */
      {
        GDate ascension = easter;

        g_date_add_days (&ascension, 39);
        g_assert_cmpint (g_date_get_weekday (&ascension), ==, G_DATE_THURSDAY);
      }
    }
}

/* Midsummer and All Saints' Day fall on exactly one day of their range. */
static void
test_midsummer_and_all_saints (void)
{
  g_autoptr(KhCalendar) cal = kh_calendar_new ();

  for (guint i = 0; i < G_N_ELEMENTS (years); i++)
    {
      guint y = years[i].year;
      guint eves = 0, days = 0, saints = 0;

      for (guint day = 15; day <= 30; day++)
        {
          GDate d = dmy (day, 6, y);
          const char *name = NULL;

          if (!kh_calendar_is_holiday (cal, &d, &name))
            continue;
          if (g_strcmp0 (name, "Midsummer Eve") == 0)
            {
              eves++;
              g_assert_cmpuint (day, ==, years[i].midsummer_eve_day);
              g_assert_cmpint (g_date_get_weekday (&d), ==, G_DATE_FRIDAY);
            }
          else if (g_strcmp0 (name, "Midsummer Day") == 0)
            {
              days++;
              g_assert_cmpuint (day, ==, years[i].midsummer_eve_day + 1);
              g_assert_cmpint (g_date_get_weekday (&d), ==, G_DATE_SATURDAY);
            }
        }
      g_assert_cmpuint (eves, ==, 1);
      g_assert_cmpuint (days, ==, 1);
      g_assert_cmpuint (years[i].midsummer_eve_day, >=, 19);
      g_assert_cmpuint (years[i].midsummer_eve_day, <=, 25);

      for (guint k = 0; k < 14; k++)
        {
          GDate d = dmy (25, 10, y);
          const char *name = NULL;

          g_date_add_days (&d, k);
          if (kh_calendar_is_holiday (cal, &d, &name)
              && g_strcmp0 (name, "All Saints' Day") == 0)
            {
              saints++;
              g_assert_cmpuint (g_date_get_month (&d), ==, years[i].saints_month);
              g_assert_cmpuint (g_date_get_day (&d), ==, years[i].saints_day);
              g_assert_cmpint (g_date_get_weekday (&d), ==, G_DATE_SATURDAY);
            }
        }
      g_assert_cmpuint (saints, ==, 1);
    }

  /* The edges of the ranges. */
  assert_name (cal, dmy (19, 6, 2026), "Midsummer Eve");
  assert_name (cal, dmy (25, 6, 2027), "Midsummer Eve");
  assert_name (cal, dmy (26, 6, 2027), "Midsummer Day");
  assert_name (cal, dmy (18, 6, 2027), NULL);           /* a Friday, too early */
  assert_name (cal, dmy (31, 10, 2026), "All Saints' Day");
  assert_name (cal, dmy (6, 11, 2027), "All Saints' Day");
  assert_name (cal, dmy (30, 10, 2027), NULL);          /* a Saturday, too early */
  assert_name (cal, dmy (7, 11, 2026), NULL);           /* a Saturday, too late */
}

/* domain-law.md section 6, 2025–2027, every row. */
static void
test_holiday_table (void)
{
  static const struct { const char *name; guint d[3], m[3]; } rows[] = {
    { "New Year's Day",   { 1, 1, 1 },    { 1, 1, 1 } },
    { "Epiphany",         { 6, 6, 6 },    { 1, 1, 1 } },
    { "Good Friday",      { 18, 3, 26 },  { 4, 4, 3 } },
    { "Easter Sunday",    { 20, 5, 28 },  { 4, 4, 3 } },
    { "Easter Monday",    { 21, 6, 29 },  { 4, 4, 3 } },
    { "May Day",          { 1, 1, 1 },    { 5, 5, 5 } },
    { "Ascension Day",    { 29, 14, 6 },  { 5, 5, 5 } },
    { "Whit Sunday",      { 8, 24, 16 },  { 6, 5, 5 } },
    { "Midsummer Eve",    { 20, 19, 25 }, { 6, 6, 6 } },
    { "Midsummer Day",    { 21, 20, 26 }, { 6, 6, 6 } },
    { "All Saints' Day",  { 1, 31, 6 },   { 11, 10, 11 } },
    { "Independence Day", { 6, 6, 6 },    { 12, 12, 12 } },
    { "Christmas Eve",    { 24, 24, 24 }, { 12, 12, 12 } },
    { "Christmas Day",    { 25, 25, 25 }, { 12, 12, 12 } },
    { "St Stephen's Day", { 26, 26, 26 }, { 12, 12, 12 } },
  };
  /* The weekdays the table gives, for the rows that state them. */
  static const struct { guint d, m, y; GDateWeekday w; } weekdays[] = {
    { 1, 1, 2025, G_DATE_WEDNESDAY }, { 1, 1, 2026, G_DATE_THURSDAY }, { 1, 1, 2027, G_DATE_FRIDAY },
    { 6, 1, 2025, G_DATE_MONDAY }, { 6, 1, 2026, G_DATE_TUESDAY }, { 6, 1, 2027, G_DATE_WEDNESDAY },
    { 1, 5, 2025, G_DATE_THURSDAY }, { 1, 5, 2026, G_DATE_FRIDAY }, { 1, 5, 2027, G_DATE_SATURDAY },
    { 6, 12, 2025, G_DATE_SATURDAY }, { 6, 12, 2026, G_DATE_SUNDAY }, { 6, 12, 2027, G_DATE_MONDAY },
    { 24, 12, 2025, G_DATE_WEDNESDAY }, { 24, 12, 2026, G_DATE_THURSDAY }, { 24, 12, 2027, G_DATE_FRIDAY },
    { 25, 12, 2025, G_DATE_THURSDAY }, { 25, 12, 2026, G_DATE_FRIDAY }, { 25, 12, 2027, G_DATE_SATURDAY },
    { 26, 12, 2025, G_DATE_FRIDAY }, { 26, 12, 2026, G_DATE_SATURDAY }, { 26, 12, 2027, G_DATE_SUNDAY },
  };
  g_autoptr(KhCalendar) cal = kh_calendar_new ();
  guint expected_count[3] = { 0, 0, 0 };

  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    for (guint y = 0; y < 3; y++)
      {
        assert_name (cal, dmy (rows[r].d[y], rows[r].m[y], 2025 + y), rows[r].name);
        expected_count[y]++;
      }

  for (guint i = 0; i < G_N_ELEMENTS (weekdays); i++)
    {
      GDate d = dmy (weekdays[i].d, weekdays[i].m, weekdays[i].y);

      g_assert_cmpint (g_date_get_weekday (&d), ==, weekdays[i].w);
    }

  /* No other day of those years is a holiday: the table is complete. */
  for (guint y = 0; y < 3; y++)
    {
      guint count = 0;
      GDate d = dmy (1, 1, 2025 + y);

      for (; g_date_get_year (&d) == 2025 + y; g_date_add_days (&d, 1))
        if (kh_calendar_is_holiday (cal, &d, NULL))
          count++;
      g_assert_cmpuint (count, ==, expected_count[y]);
    }

  /* Ordinary days for deadline purposes (domain-law.md section 6). */
  assert_name (cal, dmy (31, 12, 2025), NULL);   /* New Year's Eve */
  assert_name (cal, dmy (4, 4, 2026), NULL);     /* Holy Saturday */
  assert_name (cal, dmy (30, 4, 2026), NULL);    /* May Day Eve */
  assert_name (cal, dmy (25, 5, 2026), NULL);    /* Whit Monday is not a holiday */
}

typedef struct
{
  guint    d, m, y;
  guint    n;
  gboolean saturday;
  guint    rd, rm, ry;
} CountCase;

/* Counting N working days; each case worked out by hand. */
static void
test_add_working_days (void)
{
  static const CountCase cases[] = {
    /* Thu 2.4.2026: Good Friday 3.4 and Easter Monday 6.4 do not count:
     * Tue 7 (1), Wed 8 (2), Thu 9 (3), Fri 10 (4), Mon 13 (5), Tue 14 (6),
     * Wed 15 (7). */
    { 2, 4, 2026, 7, FALSE, 15, 4, 2026 },
    /* The same with Saturdays: Sat 4 (1), Tue 7 (2), Wed 8 (3), Thu 9 (4),
     * Fri 10 (5), Sat 11 (6), Mon 13 (7). */
    { 2, 4, 2026, 7, TRUE, 13, 4, 2026 },
    /* Wed 13.5.2026: Ascension Day 14.5; Fri 15 (1) … Fri 22 (6), Mon 25 (7);
     * Whit Monday is an ordinary day in Finland. */
    { 13, 5, 2026, 7, FALSE, 25, 5, 2026 },
    /* Thu 18.6.2026: Midsummer Eve 19.6; Mon 22 (1) … Fri 26 (5), Mon 29 (6),
     * Tue 30 (7). */
    { 18, 6, 2026, 7, FALSE, 30, 6, 2026 },
    /* Tue 23.12.2025: Christmas Eve, Christmas Day, St Stephen's Day and the
     * weekend: Mon 29 (1), Tue 30 (2), Wed 31 (3), Fri 2.1.2026 (4; New
     * Year's Day skipped), Mon 5 (5), Wed 7 (6; Epiphany skipped), Thu 8 (7). */
    { 23, 12, 2025, 1, FALSE, 29, 12, 2025 },
    { 23, 12, 2025, 7, FALSE, 8, 1, 2026 },
    /* Start on a holiday or a weekend: the next working day is the first. */
    { 5, 4, 2026, 1, FALSE, 7, 4, 2026 },
    { 7, 3, 2026, 1, FALSE, 9, 3, 2026 },
    /* An ordinary week: Mon 9.3.2026 + 7 = Wed 18.3. */
    { 9, 3, 2026, 7, FALSE, 18, 3, 2026 },
    { 9, 3, 2026, 5, FALSE, 16, 3, 2026 },
    /* n = 0 is the start day itself. */
    { 5, 4, 2026, 0, FALSE, 5, 4, 2026 },
    /* Independence Day on a Saturday, with Saturdays counting: Fri 5.12.2025
     * → Sat 6.12 is a holiday, so Mon 8 (1). */
    { 5, 12, 2025, 1, TRUE, 8, 12, 2025 },
    { 5, 12, 2025, 2, TRUE, 9, 12, 2025 },
    /* An ordinary Saturday with the setting on. */
    { 6, 3, 2026, 1, TRUE, 7, 3, 2026 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KhCalendar) cal = kh_calendar_new ();
      GDate start = dmy (cases[i].d, cases[i].m, cases[i].y);
      GDate out;

      kh_calendar_set_saturday_is_working_day (cal, cases[i].saturday);
      kh_calendar_add_working_days (cal, &start, cases[i].n, &out);
      g_test_message ("%u.%u.%u + %u", cases[i].d, cases[i].m, cases[i].y, cases[i].n);
      assert_date (&out, cases[i].rd, cases[i].rm, cases[i].ry);
    }
}

static void
test_is_working_day (void)
{
  g_autoptr(KhCalendar) cal = kh_calendar_new ();
  GDate d;

  d = dmy (2, 4, 2026);     /* Thursday */
  g_assert_true (kh_calendar_is_working_day (cal, &d));
  d = dmy (3, 4, 2026);     /* Good Friday */
  g_assert_false (kh_calendar_is_working_day (cal, &d));
  d = dmy (7, 3, 2026);     /* Saturday */
  g_assert_false (kh_calendar_is_working_day (cal, &d));
  d = dmy (8, 3, 2026);     /* Sunday */
  g_assert_false (kh_calendar_is_working_day (cal, &d));
  d = dmy (24, 12, 2025);   /* Christmas Eve, a Wednesday */
  g_assert_false (kh_calendar_is_working_day (cal, &d));

  kh_calendar_set_saturday_is_working_day (cal, TRUE);
  d = dmy (7, 3, 2026);
  g_assert_true (kh_calendar_is_working_day (cal, &d));
  d = dmy (8, 3, 2026);     /* Sunday never */
  g_assert_false (kh_calendar_is_working_day (cal, &d));
  d = dmy (20, 6, 2026);    /* Midsummer Day is a Saturday holiday */
  g_assert_false (kh_calendar_is_working_day (cal, &d));
  d = dmy (31, 10, 2026);   /* All Saints' Day */
  g_assert_false (kh_calendar_is_working_day (cal, &d));
}

/* Moving the last day of a deadline (150/1930, 5 §). */
static void
test_move_deadline (void)
{
  static const struct { guint d, m, y; gboolean saturday; guint rd, rm, ry; } cases[] = {
    /* Independence Day on a Saturday: Sun 7 → Mon 8 December 2025. */
    { 6, 12, 2025, FALSE, 8, 12, 2025 },
    /* Christmas Eve 2025 (Wed): Christmas Day, St Stephen's Day, the
     * weekend → Mon 29 December. */
    { 24, 12, 2025, FALSE, 29, 12, 2025 },
    /* Christmas Eve 2026 (Thu): 25 Fri, 26 Sat, 27 Sun → Mon 28. */
    { 24, 12, 2026, FALSE, 28, 12, 2026 },
    /* Christmas Eve 2027 (Fri): 25 Sat, 26 Sun → Mon 27. */
    { 24, 12, 2027, FALSE, 27, 12, 2027 },
    /* Good Friday 2026: Saturday, Easter Sunday, Easter Monday → Tue 7.4. */
    { 3, 4, 2026, FALSE, 7, 4, 2026 },
    /* May Day on a Friday → Mon 4 May 2026. */
    { 1, 5, 2026, FALSE, 4, 5, 2026 },
    /* Midsummer Eve → Mon 22 June 2026. */
    { 19, 6, 2026, FALSE, 22, 6, 2026 },
    /* An ordinary Saturday and Sunday → Monday. */
    { 7, 3, 2026, FALSE, 9, 3, 2026 },
    { 8, 3, 2026, FALSE, 9, 3, 2026 },
    /* The Saturday setting does not change this rule. */
    { 7, 3, 2026, TRUE, 9, 3, 2026 },
    /* New Year's Eve and Holy Saturday's eve (Thursday) are ordinary. */
    { 31, 12, 2025, FALSE, 31, 12, 2025 },
    { 2, 4, 2026, FALSE, 2, 4, 2026 },
    /* All Saints' Day (Saturday) → Monday. */
    { 31, 10, 2026, FALSE, 2, 11, 2026 },
    /* New Year's Day 2027 (Fri) → Mon 4 January. */
    { 1, 1, 2027, FALSE, 4, 1, 2027 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KhCalendar) cal = kh_calendar_new ();
      GDate last = dmy (cases[i].d, cases[i].m, cases[i].y);
      GDate out;

      kh_calendar_set_saturday_is_working_day (cal, cases[i].saturday);
      kh_calendar_move_deadline (cal, &last, &out);
      g_test_message ("%u.%u.%u", cases[i].d, cases[i].m, cases[i].y);
      assert_date (&out, cases[i].rd, cases[i].rm, cases[i].ry);
    }
}

/* A unit's own closed day: named and listed, the office is not open, but it
 * is still a working day for every count and does not move a statutory
 * deadline (domain-law.md section 6; issue 5 item 1.2 — until then the
 * count skipped it, and this test said so). */
static void
test_closed_day (void)
{
  g_autoptr(KhCalendar) cal = kh_calendar_new ();
  GDate bridge = dmy (15, 5, 2026);           /* Friday after Ascension Day */
  GDate other = dmy (29, 12, 2026);           /* an unnamed closed day */
  GDate christmas = dmy (24, 12, 2026);
  GDate start = dmy (13, 5, 2026);
  GDate out;
  const char *name = NULL;

  g_assert_true (kh_calendar_is_working_day (cal, &bridge));
  g_assert_true (kh_calendar_is_open_day (cal, &bridge));
  kh_calendar_add_closed_day (cal, &bridge, "Bridge day");
  kh_calendar_add_closed_day (cal, &other, NULL);
  kh_calendar_add_closed_day (cal, &christmas, "Office closed");

  /* Closed, named, but not a holiday. */
  g_assert_true (kh_calendar_is_closed_day (cal, &bridge, &name));
  g_assert_cmpstr (name, ==, "Bridge day");
  g_assert_true (kh_calendar_is_closed_day (cal, &other, &name));
  g_assert_cmpstr (name, ==, "Unit closed");
  assert_name (cal, bridge, NULL);
  assert_name (cal, other, NULL);
  /* The statutory name stays with the holiday. */
  assert_name (cal, christmas, "Christmas Eve");
  g_assert_false (kh_calendar_is_open_day (cal, &bridge));
  g_assert_false (kh_calendar_is_open_day (cal, &other));

  /* Still a working day for counting. */
  g_assert_true (kh_calendar_is_working_day (cal, &bridge));
  g_assert_true (kh_calendar_is_working_day (cal, &other));

  /* 13.5.2026 + 7: Ascension 14.5 skipped, the bridge day counts:
   * Fri 15 (1), Mon 18 (2) … Fri 22 (6), Mon 25 (7). */
  kh_calendar_add_working_days (cal, &start, 7, &out);
  assert_date (&out, 25, 5, 2026);

  g_assert_false (kh_calendar_move_deadline (cal, &bridge, &out));
  assert_date (&out, 15, 5, 2026);

  /* Renaming keeps earlier borrowed names valid. */
  {
    const char *old_name = NULL;
    const char *new_name = NULL;

    g_assert_true (kh_calendar_is_closed_day (cal, &bridge, &old_name));
    kh_calendar_add_closed_day (cal, &bridge, "Bridge day (Ascension)");
    g_assert_true (kh_calendar_is_closed_day (cal, &bridge, &new_name));
    g_assert_cmpstr (old_name, ==, "Bridge day");
    g_assert_cmpstr (new_name, ==, "Bridge day (Ascension)");
  }
}

/* When the office is open: Monday–Friday, not a holiday or eve, not a
 * closed day; the Saturday setting does not open the office. */
static void
test_open_day (void)
{
  g_autoptr(KhCalendar) cal = kh_calendar_new ();
  GDate d;

  d = dmy (2, 4, 2026);     /* Thursday */
  g_assert_true (kh_calendar_is_open_day (cal, &d));
  d = dmy (3, 4, 2026);     /* Good Friday */
  g_assert_false (kh_calendar_is_open_day (cal, &d));
  d = dmy (19, 6, 2026);    /* Midsummer Eve */
  g_assert_false (kh_calendar_is_open_day (cal, &d));
  d = dmy (7, 3, 2026);     /* Saturday */
  kh_calendar_set_saturday_is_working_day (cal, TRUE);
  g_assert_true (kh_calendar_is_working_day (cal, &d));
  g_assert_false (kh_calendar_is_open_day (cal, &d));
}

/* 150/1930 3 §: the same day number, or the month's last day. */
static void
test_add_months (void)
{
  static const struct { guint d, m, y; guint n; guint rd, rm, ry; } cases[] = {
    { 31, 1, 2026, 3, 30, 4, 2026 },
    { 30, 11, 2026, 3, 28, 2, 2027 },   /* not moved here: Sunday */
    { 30, 11, 2027, 3, 29, 2, 2028 },   /* leap year */
    { 31, 5, 2026, 3, 31, 8, 2026 },
    { 19, 3, 2026, 3, 19, 6, 2026 },    /* Midsummer Eve, not moved here */
    { 31, 1, 2026, 1, 28, 2, 2026 },
    { 31, 1, 2028, 1, 29, 2, 2028 },
    { 29, 2, 2028, 12, 28, 2, 2029 },
    { 15, 11, 2026, 3, 15, 2, 2027 },
    { 31, 12, 2026, 2, 28, 2, 2027 },
    { 2, 4, 2026, 0, 2, 4, 2026 },
    { 31, 8, 2026, 25, 30, 9, 2028 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate start = dmy (cases[i].d, cases[i].m, cases[i].y);
      GDate out;

      g_test_message ("%u.%u.%u + %u months", cases[i].d, cases[i].m, cases[i].y, cases[i].n);
      kh_calendar_add_months (&start, cases[i].n, &out);
      assert_date (&out, cases[i].rd, cases[i].rm, cases[i].ry);
    }
}

/* "Working days left", for the queue. */
static void
test_count_working_days (void)
{
  g_autoptr(KhCalendar) cal = kh_calendar_new ();
  GDate from = dmy (2, 4, 2026);
  GDate to = dmy (15, 4, 2026);
  GDate before = dmy (1, 4, 2026);
  GDate saturday = dmy (4, 4, 2026);
  GDate bridge = dmy (10, 4, 2026);

  g_assert_cmpint (kh_calendar_count_working_days (cal, &from, &to), ==, 7);
  g_assert_cmpint (kh_calendar_count_working_days (cal, &from, &from), ==, 0);
  g_assert_cmpint (kh_calendar_count_working_days (cal, &from, &before), ==, -1);
  /* Good Friday, Saturday: nothing in between. */
  g_assert_cmpint (kh_calendar_count_working_days (cal, &from, &saturday), ==, 0);
  kh_calendar_add_closed_day (cal, &bridge, "Closed");
  g_assert_cmpint (kh_calendar_count_working_days (cal, &from, &to), ==, 7);
  kh_calendar_set_saturday_is_working_day (cal, TRUE);
  /* Sat 4.4 and Sat 11.4 count too. */
  g_assert_cmpint (kh_calendar_count_working_days (cal, &from, &to), ==, 9);
}

/* The last day of N working days: moved off a Saturday when Saturdays
 * count. */
static void
test_working_days_deadline (void)
{
  g_autoptr(KhCalendar) cal = kh_calendar_new ();
  GDate start = dmy (6, 3, 2026);       /* Friday */
  GDate out, counted;

  g_assert_false (kh_calendar_working_days_deadline (cal, &start, 7, &out, &counted));
  assert_date (&out, 17, 3, 2026);
  assert_date (&counted, 17, 3, 2026);

  kh_calendar_set_saturday_is_working_day (cal, TRUE);
  g_assert_true (kh_calendar_working_days_deadline (cal, &start, 7, &out, &counted));
  assert_date (&counted, 14, 3, 2026);   /* Saturday */
  assert_date (&out, 16, 3, 2026);       /* Monday */
  g_assert_false (kh_calendar_working_days_deadline (cal, &start, 6, &out, NULL));
  assert_date (&out, 13, 3, 2026);
  g_assert_false (kh_calendar_working_days_deadline (cal, &start, 0, &out, NULL));
  assert_date (&out, 6, 3, 2026);
}

static void
test_format_day (void)
{
  GDate d = dmy (15, 4, 2026);
  g_autofree char *text = kh_calendar_format_day (&d);

  g_assert_cmpstr (text, ==, "Wed 15.4.2026");
  g_assert_cmpstr (kh_calendar_weekday_name (&d), ==, "Wednesday");
  d = dmy (1, 3, 2027);
  g_assert_cmpstr (kh_calendar_weekday_name (&d), ==, "Monday");
}

static void
test_list_closed_weekdays (void)
{
  static const char *const expected_2026[] = {
    "2026-01-01\tNew Year's Day",
    "2026-01-06\tEpiphany",
    "2026-04-03\tGood Friday",
    "2026-04-06\tEaster Monday",
    "2026-05-01\tMay Day",
    "2026-05-14\tAscension Day",
    "2026-06-19\tMidsummer Eve",
    "2026-12-24\tChristmas Eve",
    "2026-12-25\tChristmas Day",
  };
  g_autoptr(KhCalendar) cal = kh_calendar_new ();
  g_autoptr(GPtrArray) lines = kh_calendar_list_closed_weekdays (cal, 2026);

  g_assert_cmpuint (lines->len, ==, G_N_ELEMENTS (expected_2026));
  for (guint i = 0; i < lines->len; i++)
    g_assert_cmpstr (lines->pdata[i], ==, expected_2026[i]);

  /* With a closed day added, and a weekend closed day (not listed). */
  {
    GDate bridge = dmy (15, 5, 2026);
    GDate saturday = dmy (16, 5, 2026);
    g_autoptr(GPtrArray) more = NULL;

    kh_calendar_add_closed_day (cal, &bridge, "Bridge day");
    kh_calendar_add_closed_day (cal, &saturday, "Moving day");
    more = kh_calendar_list_closed_weekdays (cal, 2026);
    g_assert_cmpuint (more->len, ==, G_N_ELEMENTS (expected_2026) + 1);
    g_assert_cmpstr (more->pdata[6], ==, "2026-05-15\tBridge day");
    g_assert_cmpstr (more->pdata[7], ==, "2026-06-19\tMidsummer Eve");
  }

  /* 2027: Independence Day on a Monday is listed; 1.5 and 25.12 (Saturday)
   * are not. */
  {
    g_autoptr(GPtrArray) y2027 = kh_calendar_list_closed_weekdays (cal, 2027);
    gboolean independence = FALSE;

    for (guint i = 0; i < y2027->len; i++)
      {
        const char *line = y2027->pdata[i];

        g_assert_false (g_str_has_prefix (line, "2027-05-01"));
        g_assert_false (g_str_has_prefix (line, "2027-12-25"));
        if (g_strcmp0 (line, "2027-12-06\tIndependence Day") == 0)
          independence = TRUE;
      }
    g_assert_true (independence);
  }
}

static void
test_refcount (void)
{
  KhCalendar *cal = kh_calendar_new ();
  KhCalendar *again = kh_calendar_ref (cal);
  GDate d = dmy (3, 4, 2026);

  g_assert_true (again == cal);
  kh_calendar_unref (cal);
  /* Still alive through the second reference. */
  g_assert_true (kh_calendar_is_holiday (again, &d, NULL));
  kh_calendar_unref (again);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/calendar/easter", test_easter);
  g_test_add_func ("/core/calendar/movable-holidays", test_movable_holidays);
  g_test_add_func ("/core/calendar/midsummer-and-all-saints", test_midsummer_and_all_saints);
  g_test_add_func ("/core/calendar/holiday-table-2025-2027", test_holiday_table);
  g_test_add_func ("/core/calendar/add-working-days", test_add_working_days);
  g_test_add_func ("/core/calendar/is-working-day", test_is_working_day);
  g_test_add_func ("/core/calendar/move-deadline", test_move_deadline);
  g_test_add_func ("/core/calendar/closed-day", test_closed_day);
  g_test_add_func ("/core/calendar/open-day", test_open_day);
  g_test_add_func ("/core/calendar/add-months", test_add_months);
  g_test_add_func ("/core/calendar/count-working-days", test_count_working_days);
  g_test_add_func ("/core/calendar/working-days-deadline", test_working_days_deadline);
  g_test_add_func ("/core/calendar/format-day", test_format_day);
  g_test_add_func ("/core/calendar/list-closed-weekdays", test_list_closed_weekdays);
  g_test_add_func ("/core/calendar/refcount", test_refcount);

  return g_test_run ();
}
