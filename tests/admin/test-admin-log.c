/* test-admin-log.c — kohtaamo-admin log --export and settings unit-name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the real kohtaamo-admin ($KOHTAAMO_ADMIN) and reads back what it
 * wrote. People are fictional (individual numbers 900–999).
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "core/kh-hetu.h"
#include "store/kh-db.h"

#include "admin-test-util.h"

typedef struct
{
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

static char *
run (Fixture            *fixture,
     int                 status,
     const char * const *args)
{
  char *out = NULL;
  g_autofree char *err = NULL;
  int got = admin_test_run (fixture->dir, fixture->db_path, args, &out, &err);

  if (got != status)
    g_error ("kohtaamo-admin %s: exit status %d, expected %d; stderr: %s",
             args[0], got, status, err);
  return out;
}

/* A Swedish-speaking person whose page was opened twice: the extract has
 * the two reads, oldest first, in Swedish, written by --export. */
static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  const char *init[] = { "init", NULL };
  g_autofree char *file = g_build_filename (fixture->dir, "ote.csv", NULL);
  const char *export[] = { "log", "--client", "1", "--export", file, NULL };
  const char *export_limit[] = { "log", "--client", "1", "--export", file, "--limit", "3", NULL };
  g_autofree char *out = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  g_free (run (fixture, 0, init));
  {
    g_autoptr(KhUser) user = NULL;
    g_autoptr(KhDb) db = admin_test_open (fixture->db_path, &user);
    g_autoptr(KhClient) client = kh_client_new ();
    g_autoptr(GError) error = NULL;
    GDate birth;

    client->last_name = g_strdup ("Lindqvist");
    client->first_names = g_strdup ("Stina");
    client->language = KH_LANGUAGE_SV;
    client->identity_kind = KH_IDENTITY_CODE;
    g_date_set_dmy (&birth, 20, 11, 1948);
    client->identity_code = kh_hetu_make (&birth, 942, 0);
    g_assert_cmpint (kh_db_save_client (db, user, client, &error), ==, 1);
    g_assert_no_error (error);
    for (int i = 0; i < 2; i++)
      {
        g_autoptr(KhClient) read = kh_db_get_client (db, user, 1, KH_ACCESS_PAGE,
                                                     KH_BASIS_CLIENT_RELATIONSHIP, &error);
        g_assert_no_error (error);
      }
  }

  out = run (fixture, 0, export);
  g_assert_cmpstr (out, ==, g_strdup_printf ("Wrote 2 rows of the person’s access log to %s\n", file));
  g_assert_true (g_file_get_contents (file, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF"));
  lines = g_strsplit (contents + 3, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);   /* heading, two rows, "" after the last CRLF */
  g_assert_cmpstr (lines[0], ==, "Tid;Användare;Vad som lästes;Grund");
  g_assert_true (g_str_has_suffix (lines[1], ";Personens sida öppnad;Klientrelation"));
  g_assert_true (g_str_has_suffix (lines[2], ";Personens sida öppnad;Klientrelation"));
  g_assert_cmpstr (lines[3], ==, "");

  /* The export was logged: a second extract has it as its third row. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&contents, g_free);
  g_clear_pointer (&lines, g_strfreev);
  out = run (fixture, 0, export);
  g_assert_cmpstr (out, ==, g_strdup_printf ("Wrote 3 rows of the person’s access log to %s\n", file));
  g_assert_true (g_file_get_contents (file, &contents, NULL, NULL));
  lines = g_strsplit (contents + 3, "\r\n", -1);
  g_assert_true (g_str_has_suffix (lines[3], ";Användningsloggen läst;Administration"));

  g_free (run (fixture, 2, export_limit));
}

static void
test_unit_name (Fixture       *fixture,
                gconstpointer  data)
{
  const char *init[] = { "init", NULL };
  const char *set[] = { "settings", "unit-name", "  Vuxensocialarbete,   Västra  ", NULL };
  const char *empty[] = { "settings", "unit-name", "   ", NULL };
  const char *none[] = { "settings", "unit-name", NULL };
  const char *show[] = { "settings", "show", NULL };
  g_autofree char *out = NULL;
  g_autofree char *too_long = g_strnfill (121, 'x');
  const char *long_name[] = { "settings", "unit-name", too_long, NULL };

  g_free (run (fixture, 0, init));
  out = run (fixture, 0, show);
  g_assert_nonnull (strstr (out, "unit-name\t(not set)\n"));
  g_clear_pointer (&out, g_free);

  out = run (fixture, 0, set);
  g_assert_cmpstr (out, ==, "The unit’s name is now “Vuxensocialarbete, Västra”.\n");
  g_clear_pointer (&out, g_free);
  out = run (fixture, 0, show);
  g_assert_nonnull (strstr (out, "unit-name\tVuxensocialarbete, Västra\n"));

  g_free (run (fixture, 2, empty));
  g_free (run (fixture, 2, none));
  g_free (run (fixture, 2, long_name));

  /* The store refuses the same, whatever the client does. */
  {
    g_autoptr(KhUser) user = NULL;
    g_autoptr(KhDb) db = admin_test_open (fixture->db_path, &user);
    g_autoptr(GError) error = NULL;
    g_autofree char *kept = NULL;

    g_assert_false (kh_db_set_setting (db, user, KH_SETTING_UNIT_NAME, "  ", &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
    g_assert_false (kh_db_set_setting (db, user, KH_SETTING_UNIT_NAME, too_long, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
    kept = kh_db_get_setting (db, KH_SETTING_UNIT_NAME, &error);
    g_assert_cmpstr (kept, ==, "Vuxensocialarbete, Västra");
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/admin/log/export", Fixture, NULL, fixture_set_up, test_export, fixture_tear_down);
  g_test_add ("/admin/settings/unit-name", Fixture, NULL, fixture_set_up, test_unit_name, fixture_tear_down);

  return g_test_run ();
}
