/* test-calendar-cli.c — kohtaamo-admin calendar --add-working-days and
 * --add-months: the statutory counts, checked from the command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the real binary. Every expected date is written out, worked by hand
 * with the holiday table of domain-law.md section 6.
 */

#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "admin-test-util.h"

typedef struct {
  char *dir;
  char *db_path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = admin_test_make_dir ();
  fixture->db_path = g_build_filename (fixture->dir, "kohtaamo.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  admin_test_remove_dir (fixture->dir);
  g_free (fixture->db_path);
  g_free (fixture->dir);
}

/* Runs with `database` (NULL: none, the national calendar) and expects
 * `status`; returns stdout, and stderr through `out_err` if wanted. */
static char *
run (Fixture            *fixture,
     const char         *database,
     int                 status,
     const char * const *args,
     char              **out_err)
{
  char *out = NULL;
  g_autofree char *err = NULL;
  int got = admin_test_run (fixture->dir, database, args, &out, &err);

  if (got != status)
    g_error ("kohtaamo-admin %s %s: exit status %d, expected %d; stderr: %s",
             args[0], args[1], got, status, err);
  if (out_err != NULL)
    *out_err = g_steal_pointer (&err);
  return out;
}

/* The SHL 36 § worked examples of domain-law.md section 6, both ways of
 * writing the date, with no database (the statute's Monday–Friday). */
static void
test_add_working_days (Fixture       *fixture,
                       gconstpointer  data)
{
  static const struct { const char *date; const char *expected; } cases[] = {
    { "2026-04-02", "2026-04-15\tWednesday\n" },
    { "2.4.2026", "2026-04-15\tWednesday\n" },
    { "25.3.2027", "2027-04-07\tWednesday\n" },
    { "23.12.2026", "2027-01-07\tThursday\n" },
    { "2026-06-12", "2026-06-24\tWednesday\n" },
    { "19.6.2026", "2026-06-30\tTuesday\n" },
    { "18.6.2027", "2027-06-30\tWednesday\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *args[] = { "calendar", "--add-working-days", "7", cases[i].date, NULL };
      g_autofree char *out = run (fixture, NULL, 0, args, NULL);

      g_test_message ("%s", cases[i].date);
      g_assert_cmpstr (out, ==, cases[i].expected);
    }

  /* Other counts: 0 is the day itself; 1 from a Friday is the Monday. */
  {
    const char *zero[] = { "calendar", "--add-working-days", "0", "4.4.2026", NULL };
    const char *one[] = { "calendar", "--add-working-days", "1", "2026-03-06", NULL };
    g_autofree char *out0 = run (fixture, NULL, 0, zero, NULL);
    g_autofree char *out1 = run (fixture, NULL, 0, one, NULL);

    g_assert_cmpstr (out0, ==, "2026-04-04\tSaturday\n");
    g_assert_cmpstr (out1, ==, "2026-03-09\tMonday\n");
  }
}

/* 150/1930 3 § and 5 § (SHL 45 §): the day moved off a weekend, holiday or
 * eve says from which day. */
static void
test_add_months (Fixture       *fixture,
                 gconstpointer  data)
{
  static const struct { const char *n; const char *date; const char *expected; } cases[] = {
    { "3", "31.1.2026", "2026-04-30\tThursday\n" },
    { "3", "2026-11-30", "2027-03-01\tMonday\tmoved from Sun 28.2.2027 (150/1930, 5 §)\n" },
    { "3", "19.3.2026", "2026-06-22\tMonday\tmoved from Fri 19.6.2026 (150/1930, 5 §)\n" },
    { "3", "31.5.2026", "2026-08-31\tMonday\n" },
    { "3", "30.11.2027", "2028-02-29\tTuesday\n" },
    { "1", "31.1.2026", "2026-03-02\tMonday\tmoved from Sat 28.2.2026 (150/1930, 5 §)\n" },
    { "12", "2026-04-02", "2027-04-02\tFriday\n" },
    { "0", "24.12.2026", "2026-12-28\tMonday\tmoved from Thu 24.12.2026 (150/1930, 5 §)\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *args[] = { "calendar", "--add-months", cases[i].n, cases[i].date, NULL };
      g_autofree char *out = run (fixture, NULL, 0, args, NULL);

      g_test_message ("%s + %s months", cases[i].date, cases[i].n);
      g_assert_cmpstr (out, ==, cases[i].expected);
    }
}

/* With the unit's database: the Saturday setting applies to the working
 * days (and a count ending on a Saturday moves), the closed days do not;
 * months follow the statute whatever the settings. */
static void
test_unit_settings (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *init[] = { "init", NULL };
  const char *on[] = { "settings", "saturday-working", "on", NULL };
  const char *close_day[] = { "calendar", "--add-closed", "9.3.2026", "Training day", NULL };
  const char *count[] = { "calendar", "--add-working-days", "7", "6.3.2026", NULL };
  const char *months[] = { "calendar", "--add-months", "3", "14.12.2025", NULL };
  g_autofree char *out = NULL;

  g_free (run (fixture, fixture->db_path, 0, init, NULL));

  /* Fri 6.3.2026: Mon 9 (1) … Fri 13 (5), Mon 16 (6), Tue 17 (7). */
  out = run (fixture, fixture->db_path, 0, count, NULL);
  g_assert_cmpstr (out, ==, "2026-03-17\tTuesday\n");
  g_clear_pointer (&out, g_free);

  /* A closed Monday 9.3 changes nothing. */
  g_free (run (fixture, fixture->db_path, 0, close_day, NULL));
  out = run (fixture, fixture->db_path, 0, count, NULL);
  g_assert_cmpstr (out, ==, "2026-03-17\tTuesday\n");
  g_clear_pointer (&out, g_free);

  /* Saturdays on: Sat 7 (1), Mon 9 (2) … Fri 13 (6), Sat 14 (7), which
   * moves to Monday 16.3. */
  g_free (run (fixture, fixture->db_path, 0, on, NULL));
  out = run (fixture, fixture->db_path, 0, count, NULL);
  g_assert_cmpstr (out, ==, "2026-03-16\tMonday\tmoved from Sat 14.3.2026 (150/1930, 5 §)\n");
  g_clear_pointer (&out, g_free);

  /* 14.12.2025 + 3 months = Sat 14.3.2026 → Mon 16.3.2026, setting or not. */
  out = run (fixture, fixture->db_path, 0, months, NULL);
  g_assert_cmpstr (out, ==, "2026-03-16\tMonday\tmoved from Sat 14.3.2026 (150/1930, 5 §)\n");
}

/* Bad input: a clear message and exit status 2, nothing on stdout. */
static void
test_bad_input (Fixture       *fixture,
                gconstpointer  data)
{
  static const struct { const char *args[7]; const char *says; } cases[] = {
    { { "calendar", "--add-working-days", "seven", "2.4.2026", NULL }, "not a number of working days" },
    { { "calendar", "--add-working-days", "-1", "2.4.2026", NULL }, "not a number of working days" },
    { { "calendar", "--add-working-days", "26001", "2.4.2026", NULL }, "from 0 to 26000" },
    { { "calendar", "--add-months", "3.5", "2.4.2026", NULL }, "not a number of months" },
    { { "calendar", "--add-months", "1201", "2.4.2026", NULL }, "from 0 to 1200" },
    { { "calendar", "--add-working-days", "7", NULL }, "Give one date after the number" },
    { { "calendar", "--add-months", "3", "2.4.2026", "3.4.2026", NULL }, "Give one date" },
    { { "calendar", "--add-working-days", "7", "31.9.2026", NULL }, "is not a date" },
    { { "calendar", "--add-months", "3", "huomenna", NULL }, "is not a date" },
    { { "calendar", "--add-months", "3", "31.12.9950", NULL }, "between the years" },
    { { "calendar", "--add-months", "3", "--add-working-days", "7", "2.4.2026", NULL }, "Give only one" },
    { { "calendar", "--year", "2026", "--add-months", "3", "2.4.2026", NULL }, "--year does not go" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *err = NULL;
      g_autofree char *out = run (fixture, NULL, 2, cases[i].args, &err);

      g_test_message ("%s %s: %s", cases[i].args[1], cases[i].args[2], err);
      g_assert_cmpstr (out, ==, "");
      g_assert_true (g_str_has_prefix (err, "kohtaamo-admin calendar: "));
      g_assert_nonnull (strstr (err, cases[i].says));
    }
}

/* The settings show the words of kh_calendar_describe_saturday_setting(),
 * the same as the Preferences window. */
static void
test_settings_words (Fixture       *fixture,
                     gconstpointer  data)
{
  const char *init[] = { "init", NULL };
  const char *show[] = { "settings", "show", NULL };
  const char *on[] = { "settings", "saturday-working", "on", NULL };
  g_autofree char *out = NULL;

  g_free (run (fixture, fixture->db_path, 0, init, NULL));
  out = run (fixture, fixture->db_path, 0, show, NULL);
  g_assert_true (g_str_has_prefix (out, "saturday-working\toff\n  "));
  g_assert_nonnull (strstr (out, kh_calendar_describe_saturday_setting (FALSE)));
  g_clear_pointer (&out, g_free);

  out = run (fixture, fixture->db_path, 0, on, NULL);
  g_assert_nonnull (strstr (out, kh_calendar_describe_saturday_setting (TRUE)));
  g_clear_pointer (&out, g_free);
  out = run (fixture, fixture->db_path, 0, show, NULL);
  g_assert_true (g_str_has_prefix (out, "saturday-working\ton\n  "));
  g_assert_nonnull (strstr (out, kh_calendar_describe_saturday_setting (TRUE)));
  g_assert_nonnull (strstr (out, "next working day"));
}

/* settings document: the demo's fictional profile, one field set and
 * cleared, a bad value refused with the store's words (issue 8). */
static void
test_document_settings (Fixture       *fixture,
                        gconstpointer  data)
{
  const char *init[] = { "init", NULL };
  const char *demo[] = { "demo", "--clients", "5", NULL };
  const char *show[] = { "settings", "document", NULL };
  const char *set[] = { "settings", "document", "authority_email_sv", "registratur@hyvinvointialue.example", NULL };
  const char *clear[] = { "settings", "document", "unit_sv", "", NULL };
  const char *bad[] = { "settings", "document", "postal_code_town_sv", "Exempel", NULL };
  const char *unknown[] = { "settings", "document", "letterhead", "x", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_free (run (fixture, fixture->db_path, 0, init, NULL));
  g_free (run (fixture, fixture->db_path, 0, demo, NULL));
  out = run (fixture, fixture->db_path, 0, show, NULL);
  g_assert_nonnull (strstr (out, "organisation_sv\tVälfärdsområdet Exempel\n"));
  g_assert_nonnull (strstr (out, "authority_email_sv\t(not set)\n"));
  g_assert_nonnull (strstr (out, "  1\tEeva Koivisto\tjohtava sosiaalityöntekijä\tledande socialarbetare\t"));
  g_clear_pointer (&out, g_free);

  g_free (run (fixture, fixture->db_path, 0, set, NULL));
  g_free (run (fixture, fixture->db_path, 0, clear, NULL));
  g_free (run (fixture, fixture->db_path, 2, bad, &err));
  g_assert_nonnull (strstr (err, "Postal code and town: "));
  g_clear_pointer (&err, g_free);
  g_free (run (fixture, fixture->db_path, 2, unknown, &err));
  g_assert_nonnull (strstr (err, "“document_letterhead” is not a setting"));
  out = run (fixture, fixture->db_path, 0, show, NULL);
  g_assert_nonnull (strstr (out, "authority_email_sv\tregistratur@hyvinvointialue.example\n"));
  g_assert_nonnull (strstr (out, "unit_sv\t(not set)\n"));
  g_assert_nonnull (strstr (out, "postal_code_town_sv\t00990 Exempel\n"));
}

/* settings plan-scale, plan-services, plan-methods: from a file, cleaned,
 * shown by settings show; a bad file refused with the core's words and
 * the setting kept (issue 9, 4). */
static void
test_plan_settings (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (fixture->db_path);
  g_autofree char *scale_file = g_build_filename (dir, "scale.txt", NULL);
  g_autofree char *bad_file = g_build_filename (dir, "bad.txt", NULL);
  g_autofree char *services_file = g_build_filename (dir, "services.txt", NULL);
  g_autofree char *empty_file = g_build_filename (dir, "empty.txt", NULL);
  const char *init[] = { "init", NULL };
  const char *show[] = { "settings", "show", NULL };
  const char *scale[] = { "settings", "plan-scale", scale_file, NULL };
  const char *bad[] = { "settings", "plan-scale", bad_file, NULL };
  const char *services[] = { "settings", "plan-services", services_file, NULL };
  const char *clear[] = { "settings", "plan-services", empty_file, NULL };
  const char *no_file[] = { "settings", "plan-methods", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_true (g_file_set_contents (scale_file, "Ei|Nej\n\n  Vähän | Lite\nPaljon|Mycket\nTäysin|Helt\n", -1, NULL));
  g_assert_true (g_file_set_contents (bad_file, "Ei|Nej\nKyllä\n", -1, NULL));
  g_assert_true (g_file_set_contents (services_file, "Sosiaaliohjaus\r\nTuettu asuminen\r\n", -1, NULL));
  g_assert_true (g_file_set_contents (empty_file, "", -1, NULL));

  g_free (run (fixture, fixture->db_path, 0, init, NULL));
  /* Unset: the default's five steps. */
  out = run (fixture, fixture->db_path, 0, show, NULL);
  g_assert_nonnull (strstr (out, "plan-scale\t(not set: the default)\n"));
  g_assert_nonnull (strstr (out, "  Saavutettu|Uppnått\n"));
  g_assert_nonnull (strstr (out, "plan-services\t(not set)\nplan-methods\t(not set)\n"));
  g_clear_pointer (&out, g_free);

  out = run (fixture, fixture->db_path, 0, scale, NULL);
  g_assert_cmpstr (out, ==, "Saved: plan-scale, 4 lines\n");
  g_clear_pointer (&out, g_free);
  out = run (fixture, fixture->db_path, 0, services, NULL);
  g_assert_cmpstr (out, ==, "Saved: plan-services, 2 lines\n");
  g_clear_pointer (&out, g_free);
  g_free (run (fixture, fixture->db_path, 2, bad, &err));
  g_assert_nonnull (strstr (err, "Line 2 of the scale: write the step in Finnish and in Swedish"));
  g_clear_pointer (&err, g_free);
  g_free (run (fixture, fixture->db_path, 2, no_file, &err));
  g_assert_nonnull (strstr (err, "settings plan-methods FILE"));
  g_clear_pointer (&err, g_free);

  out = run (fixture, fixture->db_path, 0, show, NULL);
  g_assert_nonnull (strstr (out, "plan-scale\n  Ei|Nej\n  Vähän|Lite\n  Paljon|Mycket\n  Täysin|Helt\n"));
  g_assert_nonnull (strstr (out, "plan-services\n  Sosiaaliohjaus\n  Tuettu asuminen\n"));
  g_clear_pointer (&out, g_free);

  out = run (fixture, fixture->db_path, 0, clear, NULL);
  g_assert_cmpstr (out, ==, "Cleared: plan-services\n");
  g_clear_pointer (&out, g_free);
  out = run (fixture, fixture->db_path, 0, show, NULL);
  g_assert_nonnull (strstr (out, "plan-services\t(not set)\n"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/admin/calendar/add-working-days", test_add_working_days);
  ADD ("/admin/calendar/add-months", test_add_months);
  ADD ("/admin/calendar/unit-settings", test_unit_settings);
  ADD ("/admin/calendar/bad-input", test_bad_input);
  ADD ("/admin/calendar/settings-words", test_settings_words);
  ADD ("/admin/calendar/document-settings", test_document_settings);
  ADD ("/admin/calendar/plan-settings", test_plan_settings);

  return g_test_run ();
}
