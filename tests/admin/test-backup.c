/* test-backup.c — kohtaamo-admin backup, restore and check (issue 6, item 8)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A backup is one consistent moment even while another connection saves
 * people, 0600 and a single file; a restore checks the backup first and
 * replaces the database all or nothing, never while a program has it open.
 */

#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include <fcntl.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "core/kh-hetu.h"
#include "admin-test-util.h"

typedef struct {
  char *dir;
  char *db_path;
  char *backup_path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = admin_test_make_dir ();
  fixture->db_path = g_build_filename (fixture->dir, "kohtaamo.db", NULL);
  fixture->backup_path = g_build_filename (fixture->dir, "backup.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  admin_test_remove_dir (fixture->dir);
  g_free (fixture->db_path);
  g_free (fixture->backup_path);
  g_free (fixture->dir);
}

static char *
run (Fixture            *fixture,
     int                 status,
     const char * const *args,
     char              **out_stderr)
{
  char *out = NULL;
  g_autofree char *err = NULL;
  int got = admin_test_run (fixture->dir, fixture->db_path, args, &out, &err);

  if (got != status)
    g_error ("kohtaamo-admin %s: exit status %d, expected %d; stderr: %s",
             args[0], got, status, err);
  if (out_stderr != NULL)
    *out_stderr = g_steal_pointer (&err);
  return out;
}

static KhClient *
fictional_person (guint i)
{
  KhClient *client = kh_client_new ();
  GDate birth;

  g_date_clear (&birth, 1);
  g_date_set_dmy (&birth, 1 + i % 28, 1 + i % 12, 1950 + i % 40);
  client->last_name = g_strdup_printf ("Varmuus%u", i);
  client->first_names = g_strdup ("Veera");
  client->language = KH_LANGUAGE_FI;
  client->identity_kind = KH_IDENTITY_CODE;
  client->identity_code = kh_hetu_make (&birth, 900 + i % 100, 0);
  return client;
}

/* A database of `n` people, made by the test's own account (its
 * administrator). */
static void
make_people (const char *path,
             guint       first,
             guint       n)
{
  g_autoptr(KhUser) user = NULL;
  g_autoptr(KhDb) db = admin_test_open (path, &user);
  g_autoptr(GError) error = NULL;

  for (guint i = first; i < first + n; i++)
    {
      g_autoptr(KhClient) client = fictional_person (i);

      g_assert_cmpint (kh_db_save_client (db, user, client, &error), >, 0);
      g_assert_no_error (error);
    }
}

static gint64
count_people (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhDb) db = kh_db_open_full (path, KH_DB_OPEN_EXISTING, &error);

  g_assert_no_error (error);
  return kh_db_count_clients (db, &error);
}

static char *
sha256_of (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guint8 *) contents, length);
}

/* ---- backup while another connection writes ---- */

typedef struct {
  const char *path;
  gint        stop;
  guint       saved;
} Writer;

static gpointer
writer_thread (gpointer data)
{
  Writer *writer = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(KhDb) db = kh_db_open_full (writer->path, KH_DB_OPEN_EXISTING, &error);
  g_autoptr(KhUser) user = NULL;

  g_assert_no_error (error);
  user = kh_db_login (db, g_get_user_name (), NULL, &error);
  g_assert_no_error (error);
  while (!g_atomic_int_get (&writer->stop))
    {
      g_autoptr(KhClient) client = fictional_person (1000 + writer->saved);

      g_assert_cmpint (kh_db_save_client (db, user, client, &error), >, 0);
      g_assert_no_error (error);
      writer->saved++;
    }
  return NULL;
}

static void
test_backup_while_writing (Fixture       *fixture,
                           gconstpointer  data)
{
  const char *backup[] = { "backup", fixture->backup_path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *wal = g_strconcat (fixture->backup_path, "-wal", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GThread) thread = NULL;
  KhDbCounts counts;
  Writer writer = { fixture->db_path, 0, 0 };
  GStatBuf buf;

  make_people (fixture->db_path, 0, 200);
  thread = g_thread_new ("writer", writer_thread, &writer);
  /* Wait until the writer has saved someone. */
  while (g_atomic_int_get ((gint *) &writer.saved) == 0)
    g_thread_yield ();
  out = run (fixture, 0, backup, NULL);
  g_atomic_int_set (&writer.stop, 1);
  g_thread_join (g_steal_pointer (&thread));
  g_test_message ("%s(the writer saved %u people meanwhile)", out, writer.saved);
  g_assert_nonnull (strstr (out, "checked"));

  /* One file, only for its owner, and sound. */
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_stat (fixture->backup_path, &buf), ==, 0);
  g_assert_cmphex (buf.st_mode & 0777, ==, 0600);
  g_assert_true (kh_db_check_backup (fixture->backup_path, g_get_user_name (), FALSE, NULL, &counts, &error));
  g_assert_no_error (error);
  /* A moment between the first save of the writer and its last. */
  g_assert_cmpint (counts.people, >, 200);
  g_assert_cmpint (counts.people, <=, 200 + writer.saved);
  g_assert_cmpint (counts.schema_version, ==, kh_db_get_latest_version ());
  /* What it printed is what the file holds. */
  expected = g_strdup_printf ("People: %lld,", (long long) counts.people);
  g_assert_nonnull (strstr (out, expected));
  /* No temporary file left beside it. */
  {
    g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      g_assert_false (g_str_has_prefix (name, ".backup.db."));
  }
}

/* A backup never writes over a file that is not a Kohtaamo database. */
static void
test_backup_not_over_other_file (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autofree char *notes = admin_test_write_file (fixture->dir, "notes.txt",
                                                  "Tärkeitä muistiinpanoja.\n");
  const char *backup[] = { "backup", notes, NULL };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *err = NULL;

  make_people (fixture->db_path, 0, 5);
  before = sha256_of (notes);
  g_free (run (fixture, 1, backup, &err));
  g_assert_nonnull (strstr (err, "not a Kohtaamo database"));
  after = sha256_of (notes);
  g_assert_cmpstr (after, ==, before);
}

/* ---- restore ---- */

static void
test_restore (Fixture       *fixture,
              gconstpointer  data)
{
  const char *backup[] = { "backup", fixture->backup_path, NULL };
  const char *restore[] = { "restore", fixture->backup_path, NULL };
  g_autofree char *out = NULL;

  make_people (fixture->db_path, 0, 30);
  g_free (run (fixture, 0, backup, NULL));
  /* Work after the backup is what a restore takes back. */
  make_people (fixture->db_path, 30, 12);
  g_assert_cmpint (count_people (fixture->db_path), ==, 42);

  out = run (fixture, 0, restore, NULL);
  g_assert_nonnull (strstr (out, "People: 30,"));
  g_assert_cmpint (count_people (fixture->db_path), ==, 30);
}

/* Refused while a program has the database open, and nothing changes. */
static void
test_restore_while_open (Fixture       *fixture,
                         gconstpointer  data)
{
  const char *backup[] = { "backup", fixture->backup_path, NULL };
  const char *restore[] = { "restore", fixture->backup_path, NULL };
  g_autofree char *err = NULL;
  g_autoptr(KhDb) open_db = NULL;
  g_autoptr(GError) error = NULL;

  make_people (fixture->db_path, 0, 10);
  g_free (run (fixture, 0, backup, NULL));
  make_people (fixture->db_path, 10, 3);

  /* A Kohtaamo somewhere has it open, idle. */
  open_db = kh_db_open (fixture->db_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kh_db_count_clients (open_db, &error), ==, 13);

  g_free (run (fixture, 1, restore, &err));
  g_assert_nonnull (strstr (err, "in use by another program"));
  g_assert_cmpint (kh_db_count_clients (open_db, &error), ==, 13);
  g_clear_pointer (&open_db, kh_db_close);
  g_assert_cmpint (count_people (fixture->db_path), ==, 13);
}

/* The backup is checked before anything is done to the database. */
static void
test_restore_checks_backup (Fixture       *fixture,
                            gconstpointer  data)
{
  const char *backup[] = { "backup", fixture->backup_path, NULL };
  const char *restore[] = { "restore", fixture->backup_path, NULL };
  g_autofree char *notes = admin_test_write_file (fixture->dir, "notes.db", "Ei tietokanta.\n");
  const char *restore_notes[] = { "restore", notes, NULL };
  g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d",
                                                  kh_db_get_latest_version () + 1);
  g_autofree char *reset_version = g_strdup_printf ("PRAGMA user_version = %d",
                                                    kh_db_get_latest_version ());
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *err = NULL;
  sqlite3 *raw = NULL;

  make_people (fixture->db_path, 0, 20);
  g_free (run (fixture, 0, backup, NULL));
  make_people (fixture->db_path, 20, 1);
  before = sha256_of (fixture->db_path);

  /* Not a Kohtaamo database. */
  g_free (run (fixture, 1, restore_notes, &err));
  g_assert_nonnull (strstr (err, "not a Kohtaamo database"));
  g_clear_pointer (&err, g_free);

  /* From a newer Kohtaamo. */
  g_assert_cmpint (sqlite3_open (fixture->backup_path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, set_version, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (raw), ==, SQLITE_OK);
  g_free (run (fixture, 1, restore, &err));
  g_assert_nonnull (strstr (err, "newer version of Kohtaamo"));
  g_clear_pointer (&err, g_free);

  /* Made by a unit where this account is not an administrator. */
  g_assert_cmpint (sqlite3_open (fixture->backup_path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, reset_version, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "UPDATE users SET account = 'joku.muu'", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (raw), ==, SQLITE_OK);
  g_free (run (fixture, 1, restore, &err));
  g_assert_nonnull (strstr (err, "Only an administrator may restore"));

  after = sha256_of (fixture->db_path);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (count_people (fixture->db_path), ==, 21);
}

/* A backup whose access log was changed behind the triggers' back (as
 * whoever holds the file could) is refused, naming the row, unless
 * --accept-broken-log: then it is restored as it is and said so. */
static void
test_restore_broken_log (Fixture       *fixture,
                         gconstpointer  data)
{
  const char *backup[] = { "backup", fixture->backup_path, NULL };
  const char *restore[] = { "restore", fixture->backup_path, NULL };
  const char *restore_anyway[] = { "restore", "--accept-broken-log", fixture->backup_path, NULL };
  const char *verify[] = { "log", "verify", NULL };
  g_autofree char *before = NULL;
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;
  sqlite3 *raw = NULL;

  make_people (fixture->db_path, 0, 6);
  {
    /* Reads of the people: rows in the log. */
    g_autoptr(KhUser) user = NULL;
    g_autoptr(KhDb) db = admin_test_open (fixture->db_path, &user);
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) found = kh_db_search_clients (db, user, "varmuus", 10, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (found->len, ==, 6);
  }
  g_free (run (fixture, 0, backup, NULL));
  make_people (fixture->db_path, 6, 2);
  before = sha256_of (fixture->db_path);

  g_assert_cmpint (sqlite3_open (fixture->backup_path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "DROP TRIGGER access_log_no_update; "
                                      "UPDATE access_log SET client_id = NULL WHERE seq = 3",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (raw), ==, SQLITE_OK);

  g_free (run (fixture, 1, restore, &err));
  g_assert_nonnull (strstr (err, "Row 3 of the access log has been changed"));
  g_assert_nonnull (strstr (err, "Nothing was restored"));
  g_assert_nonnull (strstr (err, "--accept-broken-log"));
  g_clear_pointer (&err, g_free);
  {
    g_autofree char *after = sha256_of (fixture->db_path);

    g_assert_cmpstr (after, ==, before);
  }
  g_assert_cmpint (count_people (fixture->db_path), ==, 8);

  out = run (fixture, 0, restore_anyway, &err);
  g_assert_nonnull (strstr (out, "People: 6,"));
  g_assert_nonnull (strstr (err, "Row 3 of the access log has been changed"));
  g_assert_cmpint (count_people (fixture->db_path), ==, 6);
  g_clear_pointer (&err, g_free);
  /* The break stays where it was, for log verify to name. */
  g_free (run (fixture, 1, verify, &err));
  g_assert_nonnull (strstr (err, "Row 3 of the access log has been changed"));
}

/* Garbage over one page of the clients table's b-tree. */
static void
damage (const char *path)
{
  sqlite3 *raw = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 page = 0;
  gint64 page_size = 4096;
  guint8 garbage[4096];
  int fd;

  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (raw, "SELECT max(pageno) FROM dbstat WHERE name = 'clients' "
                                            "AND pagetype = 'leaf'", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  page = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (raw), ==, SQLITE_OK);
  g_assert_cmpint (page, >, 1);

  for (guint i = 0; i < sizeof garbage; i++)
    garbage[i] = (guint8) (0xa5 ^ (i * 13));
  fd = open (path, O_WRONLY);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (pwrite (fd, garbage, page_size, (page - 1) * page_size), ==, page_size);
  g_assert_cmpint (close (fd), ==, 0);
}

/* A damaged backup is refused; a damaged database is what a restore is
 * for, and every command meanwhile says it is damaged. */
static void
test_damaged (Fixture       *fixture,
              gconstpointer  data)
{
  const char *backup[] = { "backup", fixture->backup_path, NULL };
  const char *restore[] = { "restore", fixture->backup_path, NULL };
  const char *check[] = { "check", NULL };
  const char *users[] = { "users", "list", NULL };
  g_autofree char *copy = g_build_filename (fixture->dir, "damaged-backup.db", NULL);
  const char *restore_damaged[] = { "restore", copy, NULL };
  g_autofree char *contents = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  gsize length = 0;

  make_people (fixture->db_path, 0, 300);
  g_free (run (fixture, 0, backup, NULL));
  g_free (run (fixture, 0, check, NULL));

  /* A damaged copy of the backup. */
  g_assert_true (g_file_get_contents (fixture->backup_path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (copy, contents, length, NULL));
  damage (copy);
  g_free (run (fixture, 1, restore_damaged, &err));
  g_assert_nonnull (strstr (err, "is damaged"));
  g_clear_pointer (&err, g_free);

  /* The database itself damaged. */
  damage (fixture->db_path);
  g_free (run (fixture, 1, check, &err));
  g_assert_nonnull (strstr (err, "is damaged"));
  g_assert_nonnull (strstr (err, "kohtaamo-admin restore"));
  g_clear_pointer (&err, g_free);
  g_free (run (fixture, 1, users, &err));
  g_assert_nonnull (strstr (err, "is damaged"));

  out = run (fixture, 0, restore, NULL);
  g_assert_nonnull (strstr (out, "People: 300,"));
  g_free (run (fixture, 0, check, NULL));
  g_assert_cmpint (count_people (fixture->db_path), ==, 300);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/admin/backup/while-writing", test_backup_while_writing);
  ADD ("/admin/backup/not-over-other-file", test_backup_not_over_other_file);
  ADD ("/admin/restore/replaces", test_restore);
  ADD ("/admin/restore/refused-while-open", test_restore_while_open);
  ADD ("/admin/restore/checks-backup", test_restore_checks_backup);
  ADD ("/admin/restore/damaged", test_damaged);
  ADD ("/admin/restore/broken-log", test_restore_broken_log);

  return g_test_run ();
}
