/* test-admin-log.c — kohtaamo-admin log --export, log verify and checkpoint,
 * and settings unit-name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the real kohtaamo-admin ($KOHTAAMO_ADMIN) and reads back what it
 * wrote. People are fictional (individual numbers 900–999).
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <sqlite3.h>

#include "core/kh-hetu.h"
#include "core/kh-log-chain.h"
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

/* Runs with the expected status and returns what came on stderr. */
static char *
run_err (Fixture            *fixture,
         int                 status,
         const char * const *args)
{
  g_autofree char *out = NULL;
  char *err = NULL;
  int got = admin_test_run (fixture->dir, fixture->db_path, args, &out, &err);

  if (got != status)
    g_error ("kohtaamo-admin %s: exit status %d, expected %d; stdout: %s; stderr: %s",
             args[0], got, status, out, err);
  return err;
}

static void
raw_exec (Fixture    *fixture,
          const char *sql)
{
  sqlite3 *raw = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open_v2 (fixture->db_path, &raw, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  if (sqlite3_exec (raw, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (raw);
}

static char *
raw_text (Fixture    *fixture,
          const char *sql)
{
  sqlite3 *raw = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text;

  g_assert_cmpint (sqlite3_open_v2 (fixture->db_path, &raw, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (raw, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (raw);
  return text;
}

/* Issue 6, item 4: log verify on an untouched log, after rows deleted off
 * the end (found with a checkpoint), and after a row rewritten in the file
 * with the sqlite3 library. */
static void
test_verify (Fixture       *fixture,
             gconstpointer  data)
{
  const char *init[] = { "init", NULL };
  const char *verify[] = { "log", "verify", NULL };
  const char *checkpoint[] = { "log", "checkpoint", NULL };
  g_autofree char *file = g_build_filename (fixture->dir, "tarkiste.txt", NULL);
  g_autofree char *other = g_build_filename (fixture->dir, "ei-tarkiste.txt", NULL);
  const char *to_file[] = { "log", "checkpoint", "--output", file, NULL };
  const char *against[] = { "log", "verify", "--checkpoint", file, NULL };
  const char *against_other[] = { "log", "verify", "--checkpoint", other, NULL };
  const char *verify_client[] = { "log", "verify", "--client", "1", NULL };
  const char *output_on_verify[] = { "log", "verify", "--output", file, NULL };
  const char *two_actions[] = { "log", "verify", "checkpoint", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *count = NULL;
  g_autofree char *hash5 = NULL;
  g_autofree char *hash3 = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(KhLogCheckpoint) read = NULL;
  g_autoptr(GError) error = NULL;

  g_free (run (fixture, 0, init));
  /* Nothing logged yet: intact, but nothing to make a checkpoint of. */
  out = run (fixture, 0, verify);
  g_assert_cmpstr (out, ==, "The access log is intact: it has no rows yet.\n");
  g_clear_pointer (&out, g_free);
  err = run_err (fixture, 1, checkpoint);
  g_assert_cmpstr (err, ==, "kohtaamo-admin log: The access log has no rows yet: there is "
                            "nothing to make a checkpoint of.\n");
  g_clear_pointer (&err, g_free);

  {
    g_autoptr(KhUser) user = NULL;
    g_autoptr(KhDb) db = admin_test_open (fixture->db_path, &user);
    g_autoptr(KhClient) client = kh_client_new ();
    GDate birth;

    client->last_name = g_strdup ("Mäkinen");
    client->first_names = g_strdup ("Aino");
    client->language = KH_LANGUAGE_FI;
    client->identity_kind = KH_IDENTITY_CODE;
    g_date_set_dmy (&birth, 2, 4, 1950);
    client->identity_code = kh_hetu_make (&birth, 931, 0);
    g_assert_cmpint (kh_db_save_client (db, user, client, &error), ==, 1);
    g_assert_no_error (error);
    for (int i = 0; i < 5; i++)
      {
        g_autoptr(KhClient) again = kh_db_get_client (db, user, 1, KH_ACCESS_PAGE,
                                                      KH_BASIS_CLIENT_RELATIONSHIP, &error);
        g_assert_no_error (error);
      }
  }
  count = raw_text (fixture, "SELECT count(*) FROM access_log");
  g_assert_cmpstr (count, ==, "5");
  hash5 = raw_text (fixture, "SELECT hash FROM access_log WHERE seq = 5");
  hash3 = raw_text (fixture, "SELECT hash FROM access_log WHERE seq = 3");

  out = run (fixture, 0, verify);
  expected = g_strdup_printf ("The access log is intact: 5 rows; the newest is number 5, hash %s.\n",
                              hash5);
  g_assert_cmpstr (out, ==, expected);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&expected, g_free);

  /* Printed, and written to a file. */
  out = run (fixture, 0, checkpoint);
  g_assert_nonnull (strstr (out, "\nSeq=5\n"));
  g_clear_pointer (&out, g_free);
  out = run (fixture, 0, to_file);
  expected = g_strdup_printf ("Checkpoint of row 5 (hash %s) written to %s. Keep it outside the "
                              "database and its backups, e.g. printed or with the unit’s records.\n",
                              hash5, file);
  g_assert_cmpstr (out, ==, expected);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&expected, g_free);
  g_assert_true (g_file_get_contents (file, &contents, NULL, NULL));
  read = kh_log_checkpoint_from_text (contents, strlen (contents), &error);
  g_assert_no_error (error);
  g_assert_cmpint (read->seq, ==, 5);
  g_assert_cmpuint (read->count, ==, 5);
  g_assert_cmpstr (read->hash, ==, hash5);
  g_assert_cmpstr (read->location, ==, fixture->db_path);

  out = run (fixture, 0, against);
  g_assert_nonnull (strstr (out, ". Row 5 matches the checkpoint of "));
  g_clear_pointer (&out, g_free);

  /* The two newest rows deleted with the file: the chain is whole, the
   * checkpoint finds the cut. */
  raw_exec (fixture, "DROP TRIGGER access_log_no_delete; DELETE FROM access_log WHERE seq >= 4");
  out = run (fixture, 0, verify);
  expected = g_strdup_printf ("The access log is intact: 3 rows; the newest is number 3, hash %s.\n",
                              hash3);
  g_assert_cmpstr (out, ==, expected);
  g_clear_pointer (&out, g_free);
  err = run_err (fixture, 1, against);
  g_assert_true (g_str_has_prefix (err, "kohtaamo-admin log: The access log ends at row 3, but the "
                                        "checkpoint of "));
  g_assert_true (g_str_has_suffix (err, " names row 5: the rows from 4 on have been deleted.\n"));
  g_clear_pointer (&err, g_free);

  /* A row rewritten with the file: named, and no checkpoint of it. */
  raw_exec (fixture, "DROP TRIGGER access_log_no_update; "
                     "UPDATE access_log SET user_id = user_id WHERE seq = 1; "
                     "UPDATE access_log SET basis = 4 WHERE seq = 2");
  err = run_err (fixture, 1, verify);
  g_assert_cmpstr (err, ==, "kohtaamo-admin log: Row 2 of the access log has been changed: its "
                            "contents no longer give its hash. The rows before it are intact.\n");
  g_clear_pointer (&err, g_free);
  err = run_err (fixture, 1, to_file);
  g_assert_true (g_str_has_suffix (err, "\nkohtaamo-admin log: No checkpoint was made: a checkpoint "
                                        "vouches for the log up to its row, and this log is not "
                                        "intact.\n"));
  g_clear_pointer (&err, g_free);

  /* Not a checkpoint; options that do not go together. */
  g_assert_true (g_file_set_contents (other, "[Checkpoint]\nFormat=1\nSeq=x\n", -1, NULL));
  err = run_err (fixture, 1, against_other);
  expected = g_strdup_printf ("kohtaamo-admin log: %s: This is not a checkpoint of the access log: "
                              "“Seq” is missing or wrong.\n", other);
  g_assert_cmpstr (err, ==, expected);
  g_free (run (fixture, 2, verify_client));
  g_free (run (fixture, 2, output_on_verify));
  g_free (run (fixture, 2, two_actions));
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
  g_test_add ("/admin/log/verify", Fixture, NULL, fixture_set_up, test_verify, fixture_tear_down);
  g_test_add ("/admin/settings/unit-name", Fixture, NULL, fixture_set_up, test_unit_name, fixture_tear_down);

  return g_test_run ();
}
