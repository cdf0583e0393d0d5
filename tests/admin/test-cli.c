/* test-cli.c — the kohtaamo-admin binary: init, users, services, calendar,
 * settings, demo, log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <sqlite3.h>

#include "core/kh-text.h"

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

/* Runs and expects `status`; returns stdout. */
static char *
run (Fixture            *fixture,
     const char         *database,
     int                 status,
     const char * const *args)
{
  char *out = NULL;
  g_autofree char *err = NULL;
  int got = admin_test_run (fixture->dir, database, args, &out, &err);

  if (got != status)
    g_error ("kohtaamo-admin %s: exit status %d, expected %d; stderr: %s",
             args[0], got, status, err);
  return out;
}

/* ---- calendar ---- */

static void
check_calendar_2026 (const char *out,
                     const char *extra_day)
{
  /* domain-law.md section 6: the weekday holidays and eves of 2026. Not
   * 6.12. (a Sunday), 20.6. (Midsummer Day, a Saturday), 31.10. (All
   * Saints' Day, a Saturday), 26.12. (a Saturday). */
  const char *expected[] = {
    "2026-01-01", "2026-01-06", "2026-04-03", "2026-04-06", "2026-05-01", "2026-05-14",
    "2026-06-19", "2026-12-24", "2026-12-25", NULL,
  };
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  g_autoptr(GPtrArray) dates = g_ptr_array_new_with_free_func (g_free);
  guint e = 0;

  g_assert_true (g_str_has_suffix (out, "\n"));
  for (guint i = 0; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      const char *tab = strchr (lines[i], '\t');
      g_autofree char *date_text = NULL;
      GDate date;

      g_assert_nonnull (tab);
      g_assert_cmpuint (strlen (tab + 1), >, 0);   /* the day has a name */
      date_text = g_strndup (lines[i], tab - lines[i]);
      g_assert_true (kh_date_from_iso (date_text, &date));
      g_assert_cmpint (g_date_get_weekday (&date), <=, G_DATE_FRIDAY);
      g_ptr_array_add (dates, g_steal_pointer (&date_text));
    }

  for (guint i = 0; i < dates->len; i++)
    {
      const char *date = g_ptr_array_index (dates, i);

      if (extra_day != NULL && g_str_equal (date, extra_day))
        continue;
      g_assert_cmpstr (date, ==, expected[e]);
      e++;
    }
  g_assert_null (expected[e]);

  g_assert_nonnull (strstr (out, "2026-04-03\t"));   /* Good Friday */
  g_assert_nonnull (strstr (out, "2026-06-19\t"));   /* Midsummer Eve */
}

static void
test_calendar_national (Fixture       *fixture,
                        gconstpointer  data)
{
  const char *args[] = { "calendar", "--year", "2026", NULL };
  /* No database anywhere: the plain national calendar. */
  g_autofree char *out = run (fixture, NULL, 0, args);

  check_calendar_2026 (out, NULL);
}

static void
test_calendar_unit (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *args[] = { "--database", fixture->db_path, "calendar", "--year", "2026", NULL };
  g_autofree char *out = NULL;

  {
    g_autoptr(KhUser) user = NULL;
    g_autoptr(KhDb) db = admin_test_open (fixture->db_path, &user);
    g_autoptr(GError) error = NULL;

    g_assert_true (kh_db_add_closed_day (db, user, "2026-12-23", "Unit closed", &error));
    g_assert_no_error (error);
  }

  out = run (fixture, NULL, 0, args);
  g_assert_nonnull (strstr (out, "2026-12-23\tUnit closed\n"));
  check_calendar_2026 (out, "2026-12-23");
}

static void
test_calendar_usage (Fixture       *fixture,
                     gconstpointer  data)
{
  const char *no_year[] = { "calendar", NULL };
  const char *bad_year[] = { "calendar", "--year", "twenty", NULL };
  const char *old_year[] = { "calendar", "--year", "1200", NULL };
  g_autofree char *missing = g_build_filename (fixture->dir, "nothing-here.db", NULL);
  const char *missing_db[] = { "calendar", "--year", "2026", "--database", missing, NULL };
  g_autofree char *out1 = run (fixture, NULL, 2, no_year);
  g_autofree char *out2 = run (fixture, NULL, 2, bad_year);
  g_autofree char *out3 = run (fixture, NULL, 2, old_year);
  /* A database named but not there is an error, not the national calendar. */
  g_autofree char *out4 = run (fixture, NULL, 1, missing_db);

  g_assert_cmpstr (out4, ==, "");
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

/* ---- init and users ---- */

static void
test_users (Fixture       *fixture,
            gconstpointer  data)
{
  const char *init[] = { "init", NULL };
  const char *add[] = { "users", "add", "aino.reception", "--role", "reception",
                        "--name", "Aino Virtanen", NULL };
  const char *add_again[] = { "users", "add", "aino.reception", "--role", "lead", NULL };
  const char *bad_role[] = { "users", "add", "pekka", "--role", "boss", NULL };
  const char *set_role[] = { "users", "set-role", "aino.reception", "lead", NULL };
  const char *deactivate[] = { "users", "deactivate", "aino.reception", NULL };
  const char *deactivate_self[] = { "users", "deactivate", g_get_user_name (), NULL };
  const char *unknown[] = { "users", "deactivate", "nobody", NULL };
  const char *list[] = { "users", "list", NULL };
  const char *no_action[] = { "users", NULL };
  g_autofree char *out = NULL;
  g_autofree char *line = NULL;
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KhDb) db = NULL;

  out = run (fixture, fixture->db_path, 0, init);
  g_assert_nonnull (strstr (out, fixture->db_path));
  g_assert_nonnull (strstr (out, "Schema version: "));
  g_clear_pointer (&out, g_free);

  g_free (run (fixture, fixture->db_path, 0, add));
  g_free (run (fixture, fixture->db_path, 1, add_again));
  g_free (run (fixture, fixture->db_path, 2, bad_role));
  g_free (run (fixture, fixture->db_path, 2, no_action));
  g_free (run (fixture, fixture->db_path, 1, unknown));

  out = run (fixture, fixture->db_path, 0, list);
  g_assert_nonnull (strstr (out, "aino.reception"));
  g_assert_nonnull (strstr (out, "Aino Virtanen"));
  g_assert_nonnull (strstr (out, "reception"));
  g_clear_pointer (&out, g_free);

  g_free (run (fixture, fixture->db_path, 0, set_role));
  g_free (run (fixture, fixture->db_path, 0, deactivate));
  /* The only administrator cannot lock everyone out. */
  g_free (run (fixture, fixture->db_path, 1, deactivate_self));

  /* Who changed the user and when, newest first: deactivated, made a
   * lead, added; each by the administrator. */
  {
    const char *history[] = { "users", "history", "aino.reception", NULL };
    const char *history_all[] = { "users", "history", NULL };
    const char *history_unknown[] = { "users", "history", "nobody", NULL };
    const char *history_two[] = { "users", "history", "a", "b", NULL };
    const char *expected[3][5] = {
      { "aino.reception", "Aino Virtanen", "lead", "no", NULL },
      { "aino.reception", "Aino Virtanen", "lead", "yes", NULL },
      { "aino.reception", "Aino Virtanen", "reception", "yes", NULL },
    };
    g_auto(GStrv) lines = NULL;

    out = run (fixture, fixture->db_path, 0, history);
    lines = g_strsplit (g_strchomp (out), "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 4);
    g_assert_true (g_str_has_prefix (lines[0], "Time"));
    for (guint i = 0; i < 3; i++)
      {
        g_auto(GStrv) cells = g_regex_split_simple ("\\s{2,}", lines[i + 1], 0, 0);

        g_assert_cmpuint (g_strv_length (cells), ==, 6);
        g_assert_true (g_regex_match_simple ("^20[0-9][0-9]-[01][0-9]-[0-3][0-9] "
                                             "[0-2][0-9]:[0-5][0-9]:[0-5][0-9]$",
                                             cells[0], 0, 0));
        for (guint c = 0; c < 4; c++)
          g_assert_cmpstr (cells[c + 1], ==, expected[i][c]);
        g_assert_cmpstr (cells[5], ==, g_get_user_name ());
      }
    g_clear_pointer (&out, g_free);

    /* Everyone's: the administrator's own first row too (they made themselves one). */
    out = run (fixture, fixture->db_path, 0, history_all);
    g_clear_pointer (&lines, g_strfreev);
    lines = g_strsplit (g_strchomp (out), "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 5);
    g_clear_pointer (&out, g_free);
    g_free (run (fixture, fixture->db_path, 1, history_unknown));
    g_free (run (fixture, fixture->db_path, 2, history_two));
  }

  db = kh_db_open (fixture->db_path, &error);
  g_assert_no_error (error);
  users = kh_db_list_users (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (users->len, ==, 2);
  for (guint i = 0; i < users->len; i++)
    {
      KhUser *user = g_ptr_array_index (users, i);

      if (g_str_equal (user->account, "aino.reception"))
        {
          g_assert_cmpint (user->role, ==, KH_ROLE_LEAD);
          g_assert_false (user->active);
          g_assert_cmpstr (user->display_name, ==, "Aino Virtanen");
        }
      else
        {
          g_assert_cmpstr (user->account, ==, g_get_user_name ());
          g_assert_cmpint (user->role, ==, KH_ROLE_ADMIN);
          g_assert_true (user->active);
        }
    }
}

static void
test_users_need_admin (Fixture       *fixture,
                       gconstpointer  data)
{
  const char *list[] = { "users", "list", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  /* Somebody else is the administrator; this account is reception. */
  {
    g_autoptr(KhDb) db = kh_db_open (fixture->db_path, &error);
    g_autoptr(KhUser) first = NULL;
    g_autoptr(KhUser) me = NULL;

    g_assert_no_error (error);
    first = kh_db_login (db, "someone-else", "Someone Else", &error);
    g_assert_no_error (error);
    me = kh_db_save_user (db, first, g_get_user_name (), NULL, KH_ROLE_RECEPTION, TRUE, &error);
    g_assert_no_error (error);
  }

  out = run (fixture, fixture->db_path, 1, list);
  g_assert_cmpstr (out, ==, "");
}

/* Runs and expects `status`; returns stderr. */
static char *
run_err (Fixture            *fixture,
         int                 status,
         const char * const *args)
{
  g_autofree char *out = NULL;
  char *err = NULL;
  int got = admin_test_run (fixture->dir, fixture->db_path, args, &out, &err);

  if (got != status)
    g_error ("kohtaamo-admin %s: exit status %d, expected %d; stderr: %s",
             args[0], got, status, err);
  return err;
}

/* An active administrator of `db` as its users table has them; on a
 * database without users this account, made its first. */
static KhUser *
an_administrator (KhDb *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) users = kh_db_list_users (db, &error);
  KhUser *admin;

  g_assert_no_error (error);
  for (guint i = 0; i < users->len; i++)
    {
      KhUser *user = g_ptr_array_index (users, i);

      if (user->active && user->role == KH_ROLE_ADMIN)
        return g_object_ref (user);
    }
  admin = kh_db_login (db, g_get_user_name (), NULL, &error);
  g_assert_no_error (error);
  return admin;
}

/* Makes somebody else the administrator and this account `role`. */
static void
demote_self (Fixture *fixture,
             KhRole   role)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhDb) db = kh_db_open (fixture->db_path, &error);
  g_autoptr(KhUser) other = NULL;
  g_autoptr(KhUser) me = NULL;

  g_assert_no_error (error);
  me = an_administrator (db);
  other = kh_db_save_user (db, me, "someone-else", NULL, KH_ROLE_ADMIN, TRUE, &error);
  g_assert_no_error (error);
  g_clear_object (&me);
  me = kh_db_save_user (db, other, g_get_user_name (), NULL, role, TRUE, &error);
  g_assert_no_error (error);
}

static KhService *
service_named (Fixture    *fixture,
               const char *name_fi)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhDb) db = kh_db_open (fixture->db_path, &error);
  g_autoptr(GPtrArray) services = NULL;

  g_assert_no_error (error);
  services = kh_db_list_services (db, TRUE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < services->len; i++)
    {
      KhService *service = g_ptr_array_index (services, i);

      if (g_strcmp0 (service->name_fi, name_fi) == 0)
        return g_object_ref (service);
    }
  return NULL;
}

/* ---- services ---- */

static void
test_services (Fixture       *fixture,
               gconstpointer  data)
{
  const char *init[] = { "init", NULL };
  const char *add[] = { "services", "add", "--name-fi", "Kaupungin velkaneuvonta",
                        "--name-sv", "Stadens skuldrådgivning", "--phone", "09 310 1234",
                        "--address", "Toinen linja 4", "--url", "https://example.fi/velka",
                        NULL };
  const char *add_again[] = { "services", "add", "--name-fi", "kaupungin  VELKANEUVONTA",
                              "--name-sv", "Något annat", NULL };
  const char *no_sv[] = { "services", "add", "--name-fi", "Vain suomeksi", NULL };
  const char *bad_url[] = { "services", "add", "--name-fi", "A", "--name-sv", "B",
                            "--url", "example.fi", NULL };
  const char *list[] = { "services", "list", NULL };
  const char *list_all[] = { "services", "list", "--all", NULL };
  g_autoptr(KhService) service = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *id = NULL;

  g_free (run (fixture, fixture->db_path, 0, init));

  /* The seeded directory is there. */
  out = run (fixture, fixture->db_path, 0, list);
  g_assert_true (g_str_has_prefix (out, "ID"));
  g_assert_nonnull (strstr (out, "Kela"));
  g_assert_nonnull (strstr (out, "FPA"));
  g_clear_pointer (&out, g_free);

  out = run (fixture, fixture->db_path, 0, add);
  g_assert_true (g_str_has_prefix (out, "Added service "));
  g_clear_pointer (&out, g_free);
  service = service_named (fixture, "Kaupungin velkaneuvonta");
  g_assert_nonnull (service);
  g_assert_cmpstr (service->name_sv, ==, "Stadens skuldrådgivning");
  g_assert_cmpstr (service->phone, ==, "09 310 1234");
  g_assert_cmpstr (service->address, ==, "Toinen linja 4");
  g_assert_cmpstr (service->url, ==, "https://example.fi/velka");
  g_assert_true (service->active);
  id = g_strdup_printf ("%" G_GINT64_FORMAT, service->id);
  g_clear_object (&service);

  /* Refusals: the same name again, a missing name, a web address without
   * its scheme; each says why, on stderr, after the command's name. */
  err = run_err (fixture, 1, add_again);
  g_assert_true (g_str_has_prefix (err, "kohtaamo-admin services: Name in Finnish: "));
  g_assert_nonnull (strstr (err, "Kaupungin velkaneuvonta / Stadens skuldrådgivning"));
  g_clear_pointer (&err, g_free);
  err = run_err (fixture, 2, no_sv);
  g_assert_nonnull (strstr (err, "--name-sv"));
  g_clear_pointer (&err, g_free);
  g_free (run (fixture, fixture->db_path, 2, bad_url));
  g_assert_null (service_named (fixture, "Vain suomeksi"));
  g_assert_null (service_named (fixture, "A"));

  {
    const char *edit[] = { "services", "edit", id, "--name-fi", "Velkaneuvonta",
                           "--phone", "", NULL };
    const char *edit_nothing[] = { "services", "edit", id, NULL };
    const char *edit_empty_name[] = { "services", "edit", id, "--name-fi", " ", NULL };
    const char *deactivate[] = { "services", "deactivate", id, NULL };
    const char *activate[] = { "services", "activate", id, NULL };
    const char *unknown[] = { "services", "edit", "9999", "--phone", "112", NULL };
    const char *not_a_number[] = { "services", "deactivate", "Kela", NULL };
    g_autofree char *row_start = g_strdup_printf ("\n%s ", id);

    g_free (run (fixture, fixture->db_path, 0, edit));
    service = service_named (fixture, "Velkaneuvonta");
    g_assert_nonnull (service);
    /* What was not named stays; an empty value removes. */
    g_assert_cmpstr (service->name_sv, ==, "Stadens skuldrådgivning");
    g_assert_null (service->phone);
    g_assert_cmpstr (service->url, ==, "https://example.fi/velka");
    g_clear_object (&service);

    g_free (run (fixture, fixture->db_path, 2, edit_nothing));
    err = run_err (fixture, 1, edit_empty_name);
    g_assert_nonnull (strstr (err, "Name in Finnish"));
    g_clear_pointer (&err, g_free);
    err = run_err (fixture, 1, unknown);
    g_assert_nonnull (strstr (err, "9999"));
    g_clear_pointer (&err, g_free);
    g_free (run (fixture, fixture->db_path, 2, not_a_number));

    g_free (run (fixture, fixture->db_path, 0, deactivate));
    service = service_named (fixture, "Velkaneuvonta");
    g_assert_false (service->active);
    g_clear_object (&service);

    /* Inactive: gone from the list, still in --all, marked. */
    out = run (fixture, fixture->db_path, 0, list);
    g_assert_null (strstr (out, "Velkaneuvonta"));
    g_clear_pointer (&out, g_free);
    out = run (fixture, fixture->db_path, 0, list_all);
    {
      const char *row = strstr (out, row_start);
      g_autofree char *line = NULL;

      g_assert_nonnull (row);
      line = g_strndup (row + 1, strchr (row + 1, '\n') - (row + 1));
      g_assert_nonnull (strstr (line, "Velkaneuvonta"));
      g_assert_true (g_str_has_suffix (line, " no"));
    }
    g_clear_pointer (&out, g_free);

    g_free (run (fixture, fixture->db_path, 0, activate));
    service = service_named (fixture, "Velkaneuvonta");
    g_assert_true (service->active);
    g_clear_object (&service);
    out = run (fixture, fixture->db_path, 0, list);
    g_assert_nonnull (strstr (out, row_start));
    g_clear_pointer (&out, g_free);
  }
}

/* The map's fields: life area, kind, languages, marks, e-mail, notes. */
static void
test_services_map (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *init[] = { "init", NULL };
  const char *add[] = { "services", "add", "--name-fi", "Nuorten talo",
                        "--name-sv", "Ungdomshuset", "--area", "participation",
                        "--kind", "municipality", "--languages", "fi,sv",
                        "--other-languages", "ru, ar", "--email", "talo@example.fi",
                        "--notes", "ma–pe 12–18", "--flag", "around-the-clock", NULL };
  const char *bad_area[] = { "services", "add", "--name-fi", "A", "--name-sv", "B",
                             "--area", "money", NULL };
  const char *bad_kind[] = { "services", "add", "--name-fi", "A", "--name-sv", "B",
                             "--kind", "state", NULL };
  const char *bad_languages[] = { "services", "add", "--name-fi", "A", "--name-sv", "B",
                                  "--languages", "fi,ru", NULL };
  const char *bad_flag[] = { "services", "add", "--name-fi", "A", "--name-sv", "B",
                             "--flag", "urgent", NULL };
  const char *bad_email[] = { "services", "add", "--name-fi", "A", "--name-sv", "B",
                              "--email", "talo at example.fi", NULL };
  const char *second_emergency[] = { "services", "add", "--name-fi", "Kriisipäivystys",
                                     "--name-sv", "Krisjour", "--flag", "social-emergency",
                                     NULL };
  g_autoptr(KhService) service = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *id = NULL;

  g_free (run (fixture, fixture->db_path, 0, init));
  out = run (fixture, fixture->db_path, 0, add);
  g_assert_true (g_str_has_prefix (out, "Added service "));
  g_clear_pointer (&out, g_free);
  service = service_named (fixture, "Nuorten talo");
  g_assert_nonnull (service);
  g_assert_cmpint (service->area, ==, KH_LIFE_AREA_PARTICIPATION);
  g_assert_cmpint (service->kind, ==, KH_SERVICE_KIND_MUNICIPALITY);
  g_assert_cmpuint (service->languages, ==, KH_SERVICE_LANGUAGE_FI | KH_SERVICE_LANGUAGE_SV);
  g_assert_cmpstr (service->other_languages, ==, "ru, ar");
  g_assert_cmpstr (service->email, ==, "talo@example.fi");
  g_assert_cmpstr (service->notes, ==, "ma–pe 12–18");
  g_assert_cmpuint (service->flags, ==, KH_SERVICE_FLAG_AROUND_THE_CLOCK);
  id = g_strdup_printf ("%" G_GINT64_FORMAT, service->id);
  g_clear_object (&service);

  {
    const char *show[] = { "services", "show", id, NULL };
    const char *edit[] = { "services", "edit", id, "--area", "housing", "--languages", "",
                           "--no-flags", "--email", "", NULL };

    out = run (fixture, fixture->db_path, 0, show);
    g_assert_nonnull (strstr (out, "Ungdomshuset\n"));
    g_assert_nonnull (strstr (out, "participation\n"));
    g_assert_nonnull (strstr (out, "municipality\n"));
    g_assert_nonnull (strstr (out, "fi, sv\n"));
    g_assert_nonnull (strstr (out, "around-the-clock\n"));
    g_clear_pointer (&out, g_free);

    g_free (run (fixture, fixture->db_path, 0, edit));
    service = service_named (fixture, "Nuorten talo");
    g_assert_cmpint (service->area, ==, KH_LIFE_AREA_HOUSING);
    g_assert_cmpint (service->kind, ==, KH_SERVICE_KIND_MUNICIPALITY);
    g_assert_cmpuint (service->languages, ==, 0);
    g_assert_cmpuint (service->flags, ==, 0);
    g_assert_null (service->email);
    g_assert_cmpstr (service->notes, ==, "ma–pe 12–18");
    g_clear_object (&service);
  }

  /* The list shows the area and kind by their keys. */
  {
    const char *list[] = { "services", "list", NULL };

    out = run (fixture, fixture->db_path, 0, list);
    g_assert_nonnull (strstr (out, "health-safety"));
    g_assert_nonnull (strstr (out, "housing"));
    g_clear_pointer (&out, g_free);
  }

  /* Unknown words are usage errors, before anything is opened. */
  err = run_err (fixture, 2, bad_area);
  g_assert_nonnull (strstr (err, "--area: use one of work, skills, finances, everyday-life, "
                                 "participation, housing, health-safety, other"));
  g_clear_pointer (&err, g_free);
  err = run_err (fixture, 2, bad_kind);
  g_assert_nonnull (strstr (err, "--kind: use one of authority, county, municipality, parish, "
                                 "ngo, company, unknown"));
  g_clear_pointer (&err, g_free);
  err = run_err (fixture, 2, bad_languages);
  g_assert_nonnull (strstr (err, "--languages"));
  g_clear_pointer (&err, g_free);
  err = run_err (fixture, 2, bad_flag);
  g_assert_nonnull (strstr (err, "--flag: use one of social-emergency, around-the-clock"));
  g_clear_pointer (&err, g_free);
  err = run_err (fixture, 2, bad_email);
  g_assert_nonnull (strstr (err, "--email"));
  g_clear_pointer (&err, g_free);
  g_assert_null (service_named (fixture, "A"));

  /* One social emergency service: the seeded one has the mark. */
  err = run_err (fixture, 1, second_emergency);
  g_assert_nonnull (strstr (err, "Social emergency service: “Sosiaalipäivystys / Socialjour”"));
  g_assert_null (service_named (fixture, "Kriisipäivystys"));
}

static void
test_services_need_role (Fixture       *fixture,
                         gconstpointer  data)
{
  const char *add[] = { "services", "add", "--name-fi", "Seurakunta 2",
                        "--name-sv", "Församling 2", NULL };
  const char *list[] = { "services", "list", NULL };
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;

  demote_self (fixture, KH_ROLE_RECEPTION);
  err = run_err (fixture, 1, add);
  g_assert_true (g_str_has_prefix (err, "kohtaamo-admin services: Only an administrator or "
                                        "a lead social worker may do this"));
  g_assert_null (service_named (fixture, "Seurakunta 2"));
  /* Anyone may read the directory: it holds no one's data. */
  out = run (fixture, fixture->db_path, 0, list);
  g_assert_nonnull (strstr (out, "Kela"));

  /* The lead social worker keeps the unit's directory. */
  demote_self (fixture, KH_ROLE_LEAD);
  g_free (run (fixture, fixture->db_path, 0, add));
  g_assert_nonnull (service_named (fixture, "Seurakunta 2"));
}

/* ---- the unit's closed days and settings ---- */

/* The 7th working day after Monday 14.9.2026, with the unit's calendar, as
 * `kohtaamo-admin calendar --add-working-days 7` prints it (the date comes
 * first on the line). */
static char *
deadline_from_monday (Fixture *fixture)
{
  const char *count[] = { "calendar", "--add-working-days", "7", "14.9.2026", NULL };
  g_autofree char *out = run (fixture, fixture->db_path, 0, count);
  const char *tab = strchr (out, '\t');

  g_assert_nonnull (tab);
  return g_strndup (out, tab - out);
}

static void
test_closed_days (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *init[] = { "init", NULL };
  const char *add[] = { "calendar", "--add-closed", "15.9.2026", "Training", NULL };
  const char *add_again[] = { "calendar", "--add-closed", "2026-09-15", "Training", "day", NULL };
  const char *year[] = { "calendar", "--year", "2026", NULL };
  const char *list[] = { "calendar", "--list-closed", NULL };
  const char *list_2025[] = { "calendar", "--list-closed", "--year", "2025", NULL };
  const char *remove_day[] = { "calendar", "--remove-closed", "2026-09-15", NULL };
  const char *no_name[] = { "calendar", "--add-closed", "2026-09-15", NULL };
  const char *bad_date[] = { "calendar", "--add-closed", "31.9.2026", "Nothing", NULL };
  const char *holiday[] = { "calendar", "--remove-closed", "2026-12-24", NULL };
  const char *two[] = { "calendar", "--list-closed", "--remove-closed", "2026-09-15", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *before = NULL;
  g_autofree char *during = NULL;
  g_autofree char *after = NULL;

  g_free (run (fixture, fixture->db_path, 0, init));
  /* Tue 15 … Wed 23 September: seven working days. */
  before = deadline_from_monday (fixture);
  g_assert_cmpstr (before, ==, "2026-09-23");

  g_free (run (fixture, fixture->db_path, 2, no_name));
  g_free (run (fixture, fixture->db_path, 2, bad_date));
  g_free (run (fixture, fixture->db_path, 2, two));

  out = run (fixture, fixture->db_path, 0, add);
  g_assert_cmpstr (out, ==, "Added the closed day 2026-09-15: Training\n");
  g_clear_pointer (&out, g_free);

  /* Adding the day again renames it. */
  out = run (fixture, fixture->db_path, 0, add_again);
  g_assert_cmpstr (out, ==, "Renamed the closed day 2026-09-15: Training day\n");
  g_clear_pointer (&out, g_free);

  /* In the year's list with its name, the rest of the year unchanged. */
  out = run (fixture, fixture->db_path, 0, year);
  g_assert_nonnull (strstr (out, "\n2026-09-15\tTraining day\n"));
  check_calendar_2026 (out, "2026-09-15");
  g_clear_pointer (&out, g_free);

  out = run (fixture, fixture->db_path, 0, list);
  g_assert_cmpstr (out, ==, "2026-09-15\tTraining day\n");
  g_clear_pointer (&out, g_free);
  out = run (fixture, fixture->db_path, 0, list_2025);
  g_assert_null (strstr (out, "2026-09-15"));
  g_clear_pointer (&out, g_free);

  /* The closed day does not move the deadline (domain-law.md section 6;
   * until issue 5 it did, and this test said so). */
  during = deadline_from_monday (fixture);
  g_assert_cmpstr (during, ==, "2026-09-23");

  out = run (fixture, fixture->db_path, 0, remove_day);
  g_assert_cmpstr (out, ==, "Removed the closed day 2026-09-15: Training day\n");
  g_clear_pointer (&out, g_free);
  out = run (fixture, fixture->db_path, 0, year);
  check_calendar_2026 (out, NULL);
  g_clear_pointer (&out, g_free);
  after = deadline_from_monday (fixture);
  g_assert_cmpstr (after, ==, "2026-09-23");

  /* Gone: removing it again, or a holiday set by law, fails and says why. */
  err = run_err (fixture, 1, remove_day);
  g_assert_true (g_str_has_prefix (err, "kohtaamo-admin calendar: "));
  g_assert_nonnull (strstr (err, "2026-09-15"));
  g_clear_pointer (&err, g_free);
  err = run_err (fixture, 1, holiday);
  g_assert_nonnull (strstr (err, "cannot be removed"));
  g_clear_pointer (&err, g_free);

  /* Reception may not close the office. */
  demote_self (fixture, KH_ROLE_RECEPTION);
  err = run_err (fixture, 1, add);
  g_assert_nonnull (strstr (err, "Only an administrator or a lead social worker"));
  g_clear_pointer (&out, g_free);
  out = run (fixture, fixture->db_path, 0, list);
  g_assert_null (strstr (out, "2026-09-15"));
}

static void
test_saturday_setting (Fixture       *fixture,
                       gconstpointer  data)
{
  const char *init[] = { "init", NULL };
  const char *show[] = { "settings", "show", NULL };
  const char *on[] = { "settings", "saturday-working", "on", NULL };
  const char *off[] = { "settings", "saturday-working", "off", NULL };
  const char *bad_value[] = { "settings", "saturday-working", "sometimes", NULL };
  const char *unknown[] = { "settings", "sunday-working", "on", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_free (run (fixture, fixture->db_path, 0, init));
  out = run (fixture, fixture->db_path, 0, show);
  g_assert_true (g_str_has_prefix (out, "saturday-working\toff\n"));
  g_clear_pointer (&out, g_free);

  g_free (run (fixture, fixture->db_path, 2, bad_value));
  g_free (run (fixture, fixture->db_path, 2, unknown));

  g_free (run (fixture, fixture->db_path, 0, on));
  out = run (fixture, fixture->db_path, 0, show);
  g_assert_true (g_str_has_prefix (out, "saturday-working\ton\n"));
  g_clear_pointer (&out, g_free);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(KhDb) db = kh_db_open (fixture->db_path, &error);
    g_autoptr(KhCalendar) calendar = NULL;
    g_autofree char *value = NULL;
    g_autofree char *deadline = NULL;
    GDate saturday;

    g_assert_no_error (error);
    value = kh_db_get_setting (db, "saturday_is_working_day", &error);
    g_assert_no_error (error);
    g_assert_cmpstr (value, ==, "1");
    calendar = kh_db_load_calendar (db, &error);
    g_assert_no_error (error);
    g_date_clear (&saturday, 1);
    g_date_set_dmy (&saturday, 19, G_DATE_SEPTEMBER, 2026);
    g_assert_true (kh_calendar_is_working_day (calendar, &saturday));
    /* Tue 15 … Tue 22, with Saturday 19 counted. */
    deadline = deadline_from_monday (fixture);
    g_assert_cmpstr (deadline, ==, "2026-09-22");
  }

  g_free (run (fixture, fixture->db_path, 0, off));
  out = run (fixture, fixture->db_path, 0, show);
  g_assert_true (g_str_has_prefix (out, "saturday-working\toff\n"));
  g_clear_pointer (&out, g_free);
  {
    g_autofree char *deadline = deadline_from_monday (fixture);

    g_assert_cmpstr (deadline, ==, "2026-09-23");
  }

  /* Reception may not change it. */
  demote_self (fixture, KH_ROLE_RECEPTION);
  err = run_err (fixture, 1, on);
  g_assert_true (g_str_has_prefix (err, "kohtaamo-admin settings: "));
  out = run (fixture, fixture->db_path, 0, show);
  g_assert_true (g_str_has_prefix (out, "saturday-working\toff\n"));
}

/* ---- demo ---- */


/* The first column of the first row, read from the file with SQLite itself. */
static char *
file_value (const char *path,
            const char *sql)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return value != NULL ? value : g_strdup ("");
}

static void
test_demo (Fixture       *fixture,
           gconstpointer  data)
{
  const char *init[] = { "init", NULL };
  const char *demo[] = { "demo", "--clients", "200", "--seed", "7", NULL };
  const char *again[] = { "demo", "--clients", "10", NULL };
  const char *force[] = { "demo", "--clients", "10", "--force", "--seed", "8", NULL };
  const char *bad_count[] = { "demo", "--clients", "many", NULL };
  g_autofree char *out = NULL;
  g_autofree char *today = NULL;
  g_autoptr(KhDb) db = NULL;
  g_autoptr(KhUser) user = NULL;
  g_autoptr(GPtrArray) queue = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GError) error = NULL;
  guint with_code = 0, without_code = 0, swedish = 0;

  g_free (run (fixture, fixture->db_path, 2, bad_count));

  g_free (run (fixture, fixture->db_path, 0, init));
  out = run (fixture, fixture->db_path, 0, demo);
  g_assert_true (g_str_has_prefix (out, "Added 200 people, "));
  g_clear_pointer (&out, g_free);

  /* The cases with a worker go to the demo's counsellors and social
   * workers of the case's team (on a server too: test-server.c), never to
   * the administrator who ran it. */
  {
    g_autofree char *wrong = file_value (fixture->db_path,
                                         "SELECT count (*) FROM cases c JOIN users u "
                                         "ON u.id = c.assigned_to WHERE u.role NOT IN (2, 3) "
                                         "OR u.team_id IS NOT c.team_id");
    g_autofree char *spread = file_value (fixture->db_path,
                                          "SELECT count (DISTINCT assigned_to) >= 3 AND count (*) >= 10 "
                                          "FROM cases WHERE assigned_to IS NOT NULL");

    g_assert_cmpstr (wrong, ==, "0");
    g_assert_cmpstr (spread, ==, "1");
  }

  db = admin_test_open (fixture->db_path, &user);
  g_assert_cmpint (kh_db_count_clients (db, NULL), ==, 200);

  for (gint64 id = 1; id <= 200; id++)
    {
      g_autoptr(KhClient) client = kh_db_get_client (db, user, id, KH_ACCESS_PAGE,
                                                     KH_BASIS_ADMINISTRATION, &error);

      g_assert_no_error (error);
      if (client->identity_code != NULL)
        {
          /* Only the individual numbers 900–999: nobody real. */
          g_assert_cmpint (client->identity_code[7], ==, '9');
          with_code++;
        }
      else
        {
          g_assert_cmpint (client->no_code_reason, !=, KH_NO_CODE_NONE);
          g_assert_nonnull (client->birth_date);
          without_code++;
        }
      if (client->language == KH_LANGUAGE_SV)
        swedish++;
      if (client->email != NULL)
        g_assert_true (g_str_has_suffix (client->email, "@example.fi")
                       || g_str_has_suffix (client->email, "@example.com"));
    }
  g_assert_cmpuint (with_code, >, 150);
  g_assert_cmpuint (without_code, >, 0);

  /* Every channel, every kind of contactor that names someone, and every
   * outcome occurs; a referral elsewhere names its service. */
  {
    guint channels = 0, contactors = 0, outcomes = 0;

    for (gint64 id = 1; id <= 200; id++)
      {
        g_autoptr(GPtrArray) list = kh_db_list_client_contacts (db, user, id, &error);

        g_assert_no_error (error);
        g_assert_cmpuint (list->len, >=, 1);
        for (guint i = 0; i < list->len; i++)
          {
            KhContact *contact = g_ptr_array_index (list, i);

            channels |= 1u << contact->channel;
            contactors |= 1u << contact->contactor;
            outcomes |= 1u << contact->outcome;
            if (contact->outcome == KH_OUTCOME_DIRECTED)
              g_assert_cmpint (contact->service_id, >, 0);
            /* 1.6, 1.7: an authority's contact has its 35 § kind, Kela's its own. */
            if (contact->contactor == KH_CONTACTOR_AUTHORITY && contact->channel != KH_CHANNEL_KELA)
              g_assert_cmpint (contact->referral, !=, KH_REFERRAL_NONE);
            if (contact->channel == KH_CHANNEL_KELA)
              g_assert_cmpint (contact->kela_kind, !=, KH_KELA_NONE);
            if (contact->referral == KH_REFERRAL_DIRECTED)
              g_assert_nonnull (contact->directed_by);
            g_assert_cmpint (contact->urgency, !=, KH_URGENCY_NOT_RECORDED);
          }
      }
    for (KhChannel c = KH_CHANNEL_FIRST; c <= KH_CHANNEL_LAST; c++)
      g_assert_true (channels & (1u << c));
    for (KhContactor c = KH_CONTACTOR_SELF; c <= KH_CONTACTOR_OTHER; c++)
      g_assert_true (contactors & (1u << c));
    g_assert_true (contactors & (1u << KH_CONTACTOR_LEGAL_REPRESENTATIVE));
    for (KhOutcome o = KH_OUTCOME_FIRST; o <= KH_OUTCOME_LAST; o++)
      g_assert_true (outcomes & (1u << o));
  }
  /* About one in five speaks Swedish. */
  g_assert_cmpuint (swedish, >=, 20);
  g_assert_cmpuint (swedish, <=, 70);

  queue = kh_db_list_queue (db, user, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (queue->len, >, 0);

  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    today = g_date_time_format (now, "%Y-%m-%d");
  }
  contacts = kh_db_list_contacts_on (db, user, today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (contacts->len, >=, 3);

  /* A database with people is refused without --force. */
  g_free (run (fixture, fixture->db_path, 1, again));
  g_assert_cmpint (kh_db_count_clients (db, NULL), ==, 200);
  out = run (fixture, fixture->db_path, 0, force);
  g_assert_true (g_str_has_prefix (out, "Added 10 people, "));
  g_assert_cmpint (kh_db_count_clients (db, NULL), ==, 210);
}

static void
test_demo_deterministic (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *path_a = g_build_filename (fixture->dir, "a.db", NULL);
  g_autofree char *path_b = g_build_filename (fixture->dir, "b.db", NULL);
  const char *init[] = { "init", NULL };
  const char *demo[] = { "demo", "--clients", "30", "--seed", "42", NULL };
  g_autoptr(KhUser) user_a = NULL;
  g_autoptr(KhUser) user_b = NULL;
  g_autoptr(KhDb) a = NULL;
  g_autoptr(KhDb) b = NULL;

  g_free (run (fixture, path_a, 0, init));
  g_free (run (fixture, path_a, 0, demo));
  g_free (run (fixture, path_b, 0, init));
  g_free (run (fixture, path_b, 0, demo));

  a = admin_test_open (path_a, &user_a);
  b = admin_test_open (path_b, &user_b);
  for (gint64 id = 1; id <= 30; id++)
    {
      g_autoptr(KhClient) ca = kh_db_get_client (a, user_a, id, KH_ACCESS_PAGE,
                                                 KH_BASIS_ADMINISTRATION, NULL);
      g_autoptr(KhClient) cb = kh_db_get_client (b, user_b, id, KH_ACCESS_PAGE,
                                                 KH_BASIS_ADMINISTRATION, NULL);

      g_assert_nonnull (ca);
      g_assert_nonnull (cb);
      g_assert_cmpstr (ca->identity_code, ==, cb->identity_code);
      g_assert_cmpstr (ca->last_name, ==, cb->last_name);
      g_assert_cmpstr (ca->first_names, ==, cb->first_names);
      g_assert_cmpstr (ca->address, ==, cb->address);
    }
}

/* ---- log ---- */

static void
test_log (Fixture       *fixture,
          gconstpointer  data)
{
  const char *init[] = { "init", NULL };
  const char *demo[] = { "demo", "--clients", "5", NULL };
  const char *log[] = { "log", "--client", "1", NULL };
  const char *no_client[] = { "log", NULL };
  g_autofree char *out = NULL;
  g_autofree char *last = NULL;

  g_free (run (fixture, fixture->db_path, 0, init));
  g_free (run (fixture, fixture->db_path, 0, demo));

  {
    g_autoptr(KhUser) user = NULL;
    g_autoptr(KhDb) db = admin_test_open (fixture->db_path, &user);
    g_autoptr(KhClient) client = kh_db_get_client (db, user, 1, KH_ACCESS_PAGE,
                                                   KH_BASIS_ADMINISTRATION, NULL);

    g_assert_nonnull (client);
  }

  out = run (fixture, fixture->db_path, 0, log);
  /* The page opened above is in the log, with the person's name. */
  g_assert_true (g_str_has_prefix (out, "Access log of "));
  g_assert_nonnull (strstr (out, kh_access_what_label (KH_ACCESS_PAGE)));
  g_assert_nonnull (strstr (out, kh_access_basis_label (KH_BASIS_ADMINISTRATION)));
  last = admin_test_last_line (out);
  g_assert_true (g_str_has_suffix (last, "rows") || g_str_has_suffix (last, "row"));
  g_free (run (fixture, fixture->db_path, 2, no_client));

  /* Reception may not read the log. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(KhDb) db = kh_db_open (fixture->db_path, &error);
    g_autoptr(KhUser) other_admin = NULL;
    g_autoptr(KhUser) me = NULL;

    g_assert_no_error (error);
    me = an_administrator (db);
    other_admin = kh_db_save_user (db, me, "someone-else", NULL, KH_ROLE_ADMIN, TRUE, &error);
    g_assert_no_error (error);
    g_clear_object (&me);
    me = kh_db_save_user (db, other_admin, g_get_user_name (), NULL, KH_ROLE_RECEPTION, TRUE, &error);
    g_assert_no_error (error);
  }
  g_free (run (fixture, fixture->db_path, 1, log));
}

/* ---- a mistyped path (issue 6, item 8) ---- */

/* Only init makes a database; every other command refuses a path where
 * there is none, and makes nothing there. */
static void
test_no_database (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (fixture->dir, "kohtamo", NULL);
  g_autofree char *typo = g_build_filename (folder, "kohtaamo.db", NULL);
  const char *commands[][6] = {
    { "users", "list", NULL },
    { "users", "add", "aino.reception", "--role", "reception", NULL },
    { "demo", "--clients", "5", NULL },
    { "settings", "show", NULL },
    { "log", "--client", "1", NULL },
  };
  const char *init[] = { "init", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (admin_test_run (fixture->dir, typo, commands[i], &out, &err), ==, 1);
      g_assert_nonnull (strstr (err, typo));
      g_assert_nonnull (strstr (err, "kohtaamo-admin init"));
      g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
    }

  g_free (run (fixture, typo, 0, init));
  g_assert_true (g_file_test (typo, G_FILE_TEST_IS_REGULAR));
}

/* ---- usage ---- */

static void
test_usage (Fixture       *fixture,
            gconstpointer  data)
{
  const char *nothing[] = { NULL };
  const char *unknown[] = { "frobnicate", NULL };
  const char *help[] = { "--help", NULL };
  const char *users_help[] = { "users", "--help", NULL };
  g_autofree char *out = NULL;

  g_free (run (fixture, fixture->db_path, 2, nothing));
  g_free (run (fixture, fixture->db_path, 2, unknown));
  out = run (fixture, fixture->db_path, 0, help);
  g_assert_nonnull (strstr (out, "import-clients"));
  g_assert_nonnull (strstr (out, "calendar"));
  g_clear_pointer (&out, g_free);
  out = run (fixture, fixture->db_path, 0, users_help);
  g_assert_nonnull (strstr (out, "set-role"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/admin/cli/calendar/national", test_calendar_national);
  ADD ("/admin/cli/calendar/unit-closed-days", test_calendar_unit);
  ADD ("/admin/cli/calendar/usage", test_calendar_usage);
  ADD ("/admin/cli/calendar/closed-days", test_closed_days);
  ADD ("/admin/cli/settings/saturday", test_saturday_setting);
  ADD ("/admin/cli/services", test_services);
  ADD ("/admin/cli/services/need-role", test_services_need_role);
  ADD ("/admin/cli/services/map", test_services_map);
  ADD ("/admin/cli/users", test_users);
  ADD ("/admin/cli/users/need-admin", test_users_need_admin);
  ADD ("/admin/cli/demo", test_demo);
  ADD ("/admin/cli/demo/deterministic", test_demo_deterministic);
  ADD ("/admin/cli/log", test_log);
  ADD ("/admin/cli/no-database", test_no_database);
  ADD ("/admin/cli/usage", test_usage);

  return g_test_run ();
}
