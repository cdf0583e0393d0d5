/* test-cli.c — the kohtaamo-admin binary: init, users, calendar, demo, log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include <locale.h>
#include <string.h>

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
    me = kh_db_save_user (db, g_get_user_name (), NULL, KH_ROLE_RECEPTION, TRUE, &error);
    g_assert_no_error (error);
  }

  out = run (fixture, fixture->db_path, 1, list);
  g_assert_cmpstr (out, ==, "");
}

/* ---- demo ---- */

static void
test_demo (Fixture       *fixture,
           gconstpointer  data)
{
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

  out = run (fixture, fixture->db_path, 0, demo);
  g_assert_true (g_str_has_prefix (out, "Added 200 people, "));
  g_clear_pointer (&out, g_free);

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
            if (contact->contactor == KH_CONTACTOR_AUTHORITY)
              g_assert_cmpint (contact->referral, !=, KH_REFERRAL_NONE);
          }
      }
    for (KhChannel c = KH_CHANNEL_FIRST; c <= KH_CHANNEL_LAST; c++)
      g_assert_true (channels & (1u << c));
    for (KhContactor c = KH_CONTACTOR_SELF; c <= KH_CONTACTOR_OTHER; c++)
      g_assert_true (contactors & (1u << c));
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
  const char *demo[] = { "demo", "--clients", "30", "--seed", "42", NULL };
  g_autoptr(KhUser) user_a = NULL;
  g_autoptr(KhUser) user_b = NULL;
  g_autoptr(KhDb) a = NULL;
  g_autoptr(KhDb) b = NULL;

  g_free (run (fixture, path_a, 0, demo));
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
  const char *demo[] = { "demo", "--clients", "5", NULL };
  const char *log[] = { "log", "--client", "1", NULL };
  const char *no_client[] = { "log", NULL };
  g_autofree char *out = NULL;
  g_autofree char *last = NULL;

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
    other_admin = kh_db_save_user (db, "someone-else", NULL, KH_ROLE_ADMIN, TRUE, &error);
    g_assert_no_error (error);
    me = kh_db_save_user (db, g_get_user_name (), NULL, KH_ROLE_RECEPTION, TRUE, &error);
    g_assert_no_error (error);
  }
  g_free (run (fixture, fixture->db_path, 1, log));
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
  ADD ("/admin/cli/users", test_users);
  ADD ("/admin/cli/users/need-admin", test_users_need_admin);
  ADD ("/admin/cli/demo", test_demo);
  ADD ("/admin/cli/demo/deterministic", test_demo_deterministic);
  ADD ("/admin/cli/log", test_log);
  ADD ("/admin/cli/usage", test_usage);

  return g_test_run ();
}
