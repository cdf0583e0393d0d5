/* test-file-trust.c — a SQLite file that can be trusted (issue 6, item 8)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Another program's file is byte for byte the same after Kohtaamo refuses
 * it, with nothing left beside it; nothing is created where no database
 * was expected; a database open to other accounts is narrowed to 0600; a
 * damaged page is reported as damaged, not as "not a Kohtaamo database".
 */
#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store-test-util.h"

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("kohtaamo-trust-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* What must not change: the bytes, the modification time to the
 * nanosecond, and which files lie beside it. */
typedef struct {
  char            *sha256;
  struct timespec  mtime;
  guint            mode;
  gboolean         side[3];
} FileState;

static const char * const side_suffixes[] = { "-wal", "-shm", "-journal" };

static void
file_state (const char *path,
            FileState  *state)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  struct stat buf;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_free (state->sha256);
  state->sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guint8 *) contents, length);
  g_assert_cmpint (stat (path, &buf), ==, 0);
  state->mtime = buf.st_mtim;
  state->mode = buf.st_mode & 07777;
  for (guint i = 0; i < G_N_ELEMENTS (side_suffixes); i++)
    {
      g_autofree char *side = g_strconcat (path, side_suffixes[i], NULL);

      state->side[i] = g_file_test (side, G_FILE_TEST_EXISTS);
    }
}

static void
assert_unchanged (const char      *path,
                  const FileState *before)
{
  FileState after = { 0 };

  file_state (path, &after);
  g_assert_cmpstr (after.sha256, ==, before->sha256);
  g_assert_cmpint (after.mtime.tv_sec, ==, before->mtime.tv_sec);
  g_assert_cmpint (after.mtime.tv_nsec, ==, before->mtime.tv_nsec);
  g_assert_cmphex (after.mode, ==, before->mode);
  for (guint i = 0; i < G_N_ELEMENTS (side_suffixes); i++)
    {
      if (after.side[i] != before->side[i])
        g_error ("%s%s was %s", path, side_suffixes[i], after.side[i] ? "made" : "removed");
    }
  g_free (after.sha256);
}

static void
raw_exec (sqlite3    *handle,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (handle, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static void
make_other_database (const char *path,
                     const char *sql)
{
  sqlite3 *raw = NULL;

  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  raw_exec (raw, sql);
  g_assert_cmpint (sqlite3_close (raw), ==, SQLITE_OK);
}

/* The ways of opening; every one must refuse and change nothing. */
typedef enum {
  OPEN_CREATE,
  OPEN_EXISTING,
  OPEN_CHECK_ALL,
  OPEN_READ_ONLY,
  N_OPENS
} OpenWay;

static KhDb *
open_way (const char  *path,
          OpenWay      way,
          GError     **error)
{
  switch (way)
    {
    case OPEN_CREATE:
      return kh_db_open (path, error);
    case OPEN_EXISTING:
      return kh_db_open_full (path, KH_DB_OPEN_EXISTING, error);
    case OPEN_CHECK_ALL:
      return kh_db_open_full (path, KH_DB_OPEN_CREATE | KH_DB_OPEN_CHECK_ALL, error);
    case OPEN_READ_ONLY:
      return kh_db_open_read_only (path, error);
    case N_OPENS:
    default:
      g_assert_not_reached ();
    }
}

static void
assert_refused_unchanged (const char *path,
                          int         code)
{
  FileState before = { 0 };

  file_state (path, &before);
  for (OpenWay way = 0; way < N_OPENS; way++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(KhDb) db = open_way (path, way, &error);

      g_assert_null (db);
      g_assert_error (error, KH_STORE_ERROR, code);
      g_test_message ("way %d: %s", way, error->message);
      assert_unchanged (path, &before);
    }
  g_free (before.sha256);
}

typedef struct {
  const char *name;
  /* SQL for another program's database, or NULL and the bytes of a file. */
  const char *sql;
  const char *bytes;
  gssize      length;
} OtherFile;

static const char text_bytes[] =
  "Muistiinpanoja: tämä ei ole tietokanta.\n"
  "This is a text file, long enough to fill a header of one hundred bytes or more.\n";
/* The magic and then nothing: shorter than a header. */
static const char short_bytes[] = "SQLite format 3\0\x10\0";
/* The magic, then garbage where the header's fields are. */
static const char garbage_bytes[] =
  "SQLite format 3\0\xff\xff\x07\x07\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff"
  "\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff"
  "\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff"
  "\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff"
  "\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff";

static const OtherFile other_files[] = {
  { "rollback-journal", "CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('puuro')",
    NULL, 0 },
  { "wal", "PRAGMA journal_mode = WAL; CREATE TABLE recipes (name TEXT); "
           "INSERT INTO recipes VALUES ('puuro')", NULL, 0 },
  /* No tables, but another program's mark. */
  { "other-application-id", "PRAGMA application_id = 1347440720; PRAGMA user_version = 3",
    NULL, 0 },
  /* No tables and no mark, but a schema version: someone's, not empty. */
  { "user-version-only", "PRAGMA user_version = 7", NULL, 0 },
  { "text", NULL, text_bytes, sizeof text_bytes - 1 },
  { "short", NULL, short_bytes, sizeof short_bytes - 1 },
  { "garbage-header", NULL, garbage_bytes, sizeof garbage_bytes - 1 },
};

static void
test_other_file (gconstpointer data)
{
  const OtherFile *other = data;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *name = g_strconcat (other->name, ".db", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);

  if (other->sql != NULL)
    make_other_database (path, other->sql);
  else
    g_assert_true (g_file_set_contents (path, other->bytes, other->length, NULL));
  /* Its owner's mode stays too. */
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);

  assert_refused_unchanged (path, KH_STORE_ERROR_NOT_A_DATABASE);
  remove_tree (dir);
}

/* Another program has its WAL database open, its last commit still in the
 * -wal file: the header alone cannot tell, so SQLite is asked read-only. */
static void
test_other_wal_in_use (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "busy.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  FileState before = { 0 };
  FileState wal_before = { 0 };
  sqlite3 *other = NULL;

  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  raw_exec (other, "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0; "
                   "CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('puuro')");
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  file_state (path, &before);
  file_state (wal, &wal_before);
  for (OpenWay way = 0; way < N_OPENS; way++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(KhDb) db = open_way (path, way, &error);

      g_assert_null (db);
      g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_A_DATABASE);
      assert_unchanged (path, &before);
      assert_unchanged (wal, &wal_before);
    }
  g_assert_cmpint (raw_count (other, "SELECT count(*) FROM recipes"), ==, 1);
  g_assert_cmpint (sqlite3_close (other), ==, SQLITE_OK);
  g_free (before.sha256);
  g_free (wal_before.sha256);
  remove_tree (dir);
}

/* A Kohtaamo database whose last commits are still in its -wal file (the
 * program stopped before a checkpoint) is recognised as one. */
static void
test_own_wal_recognised (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "kohtaamo.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KhDb) db = NULL;
  g_autofree char *copy_path = g_build_filename (dir, "crashed.db", NULL);
  g_autofree char *copy_wal = g_strconcat (copy_path, "-wal", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;

  /* A new database, copied with its -wal file while it is open: as after
   * a crash before the first checkpoint. */
  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  db = kh_db_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (copy_path, contents, length, NULL));
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (wal, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 0);
  g_assert_true (g_file_set_contents (copy_wal, contents, length, NULL));
  g_clear_pointer (&db, kh_db_close);

  /* Its file alone says "no application id", or nothing at all. */
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (copy_path, &contents, &length, NULL));
  g_test_message ("the file has %" G_GSIZE_FORMAT " bytes", length);
  g_assert_true (length == 0 || (length >= 100 && memcmp (contents + 68, "\0\0\0\0", 4) == 0));

  db = kh_db_open_full (copy_path, KH_DB_OPEN_EXISTING | KH_DB_OPEN_CHECK_ALL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kh_db_get_schema_version (db), ==, kh_db_get_latest_version ());
  g_clear_pointer (&db, kh_db_close);
  remove_tree (dir);
}

/* ---- nothing made where a database was expected ---- */

static void
test_missing_not_created (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *folder = g_build_filename (dir, "typo", NULL);
  g_autofree char *path = g_build_filename (folder, "kohtaamo.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KhDb) db = NULL;

  db = kh_db_open_full (path, KH_DB_OPEN_EXISTING | KH_DB_OPEN_CHECK_ALL, &error);
  g_assert_null (db);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "kohtaamo-admin init"));
  g_test_message ("%s", error->message);
  /* Not the file, not its folder. */
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  db = kh_db_open_read_only (path, &error);
  g_assert_null (db);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* The application's opening makes it, 0600 in a 0700 folder. */
  db = kh_db_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  remove_tree (dir);
}

/* A zero-length file is no database yet: only an opening that may create
 * makes it one; the others leave it as it is. */
static void
test_empty_file (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "empty.db", NULL);
  g_autofree char *sqlite_empty = g_build_filename (dir, "sqlite-empty.db", NULL);
  const char *paths[] = { path, sqlite_empty };

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  /* A SQLite database with nothing in it: a header and an empty schema. */
  make_other_database (sqlite_empty, "VACUUM");
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  g_assert_cmpint (g_chmod (sqlite_empty, 0600), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      FileState before = { 0 };
      g_autoptr(GError) error = NULL;
      g_autoptr(KhDb) db = NULL;

      file_state (paths[i], &before);
      db = kh_db_open_full (paths[i], KH_DB_OPEN_EXISTING, &error);
      g_assert_null (db);
      g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND);
      g_clear_error (&error);
      db = kh_db_open_read_only (paths[i], &error);
      g_assert_null (db);
      g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND);
      g_clear_error (&error);
      assert_unchanged (paths[i], &before);

      db = kh_db_open (paths[i], &error);
      g_assert_no_error (error);
      g_assert_cmpint (kh_db_get_schema_version (db), ==, kh_db_get_latest_version ());
      g_free (before.sha256);
    }
  remove_tree (dir);
}

/* ---- the mode of an existing database ---- */

static guint
file_mode (const char *path)
{
  GStatBuf buf;

  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  return buf.st_mode & 07777;
}

static void
test_mode_narrowed (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "kohtaamo.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(KhDb) db = kh_db_open (path, &error);

    g_assert_no_error (error);
  }
  /* Shared with a group and readable by everyone, as a copy made with the
   * umask's mode would be. */
  g_assert_cmpint (g_chmod (path, 0664), ==, 0);
  g_test_expect_message ("kohtaamo-store", G_LOG_LEVEL_MESSAGE, "*open to other accounts (mode 0664)*");
  {
    g_autoptr(KhDb) db = kh_db_open_full (path, KH_DB_OPEN_EXISTING, &error);

    g_assert_no_error (error);
    g_test_assert_expected_messages ();
    g_assert_cmphex (file_mode (path), ==, 0600);
    g_assert_cmphex (file_mode (wal), ==, 0600);
    g_assert_cmphex (file_mode (shm), ==, 0600);
  }
  remove_tree (dir);
}

/* ---- damaged pages ---- */

/* A database of `n` people, closed (everything in the file itself). */
static void
make_database_with_people (const char *path,
                           guint       n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhDb) db = kh_db_open (path, &error);
  g_autoptr(KhUser) admin = NULL;

  g_assert_no_error (error);
  admin = kh_db_login (db, "tester", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (kh_db_begin (db, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *last = g_strdup_printf ("Vaurio%04u", i);
      g_autofree char *birth = g_strdup_printf ("19%02u-%02u-%02u", 40 + i % 50, 1 + i % 12,
                                                1 + i % 28);
      g_autoptr(KhClient) client = test_client (last, "Ville Veikko", birth, 900 + i % 100);

      g_assert_cmpint (kh_db_save_client (db, admin, client, &error), >, 0);
      g_assert_no_error (error);
    }
  g_assert_true (kh_db_commit (db, &error));
  g_assert_no_error (error);
}

/* A leaf page of the table's b-tree in the middle of its pages. */
static gint64
middle_leaf_page (const char *path,
                  const char *table,
                  gint64     *out_page_size)
{
  g_autofree char *sql = g_strdup_printf ("SELECT pageno FROM dbstat WHERE name = '%s' "
                                          "AND pagetype = 'leaf' ORDER BY pageno", table);
  g_autoptr(GArray) pages = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3 *raw = raw_open (path);
  sqlite3_stmt *stmt = NULL;
  gint64 page;

  g_assert_cmpint (sqlite3_prepare_v2 (raw, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 pageno = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (pages, pageno);
    }
  sqlite3_finalize (stmt);
  *out_page_size = raw_count (raw, "PRAGMA page_size");
  g_assert_cmpint (sqlite3_close (raw), ==, SQLITE_OK);

  g_assert_cmpuint (pages->len, >=, 3);
  page = g_array_index (pages, gint64, pages->len / 2);
  return page;
}

/* Garbage over one whole page, from its first byte. */
static void
write_garbage (const char *path,
               gint64      page,
               gint64      page_size)
{
  g_autofree guint8 *garbage = g_malloc (page_size);
  int fd;

  for (gint64 i = 0; i < page_size; i++)
    garbage[i] = (guint8) (0x5a ^ (i * 37));
  fd = open (path, O_WRONLY);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (pwrite (fd, garbage, page_size, (page - 1) * page_size), ==, page_size);
  g_assert_cmpint (close (fd), ==, 0);
}

static void
test_damaged_page (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "kohtaamo.db", NULL);
  FileState before = { 0 };
  gint64 page_size = 0;
  gint64 page;

  make_database_with_people (path, 600);
  page = middle_leaf_page (path, "clients", &page_size);
  g_test_message ("garbage over page %" G_GINT64_FORMAT " of %" G_GINT64_FORMAT " bytes",
                  page, page_size);
  write_garbage (path, page, page_size);

  file_state (path, &before);
  for (OpenWay way = OPEN_CREATE; way <= OPEN_CHECK_ALL; way++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(KhDb) db = NULL;

      g_test_expect_message ("kohtaamo-store", G_LOG_LEVEL_WARNING, "quick_check of *");
      db = open_way (path, way, &error);
      g_test_assert_expected_messages ();
      g_assert_null (db);
      /* Not "not a Kohtaamo database": it is one, and it is damaged. */
      g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_DAMAGED);
      g_assert_nonnull (strstr (error->message, "kohtaamo.db"));
      g_assert_nonnull (strstr (error->message, "kohtaamo-admin restore"));
      g_test_message ("%s", error->message);
      /* Nothing more written into it. */
      assert_unchanged (path, &before);
    }
  g_free (before.sha256);
  remove_tree (dir);
}

/* kh_db_check on a sound database, while another connection writes. */
static void
test_check_sound (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "kohtaamo.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KhDb) db = NULL;

  make_database_with_people (path, 50);
  db = kh_db_open_full (path, KH_DB_OPEN_EXISTING | KH_DB_OPEN_CHECK_ALL, &error);
  g_assert_no_error (error);
  g_assert_true (kh_db_check (db, &error));
  g_assert_no_error (error);
  remove_tree (dir);
}

/* ---- power loss ---- */

/* A saved record waits for the disk; a read's access-log rows do not. */
static void
test_durable_commits (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "kohtaamo.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KhDb) db = kh_db_open (path, &error);
  g_autoptr(KhUser) admin = NULL;
  g_autoptr(KhClient) client = test_client ("Kestävä", "Kaisa", "1977-03-04", 944);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(KhClient) read = NULL;
  gint64 id;
  guint before;

  g_assert_no_error (error);
  admin = kh_db_login (db, "tester", NULL, &error);
  g_assert_no_error (error);

  before = kh_db_get_durable_commits (db);
  id = kh_db_save_client (db, admin, client, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kh_db_get_durable_commits (db), ==, before + 1);

  /* A search and a read write access-log rows only. */
  found = kh_db_search_clients (db, admin, "kestävä", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  read = kh_db_get_client (db, admin, id, KH_ACCESS_PAGE, KH_BASIS_ADMINISTRATION, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kh_db_get_durable_commits (db), ==, before + 1);

  /* A change of the person is a saved record again. */
  g_free (read->phone);
  read->phone = g_strdup ("040 123 4567");
  g_assert_cmpint (kh_db_save_client (db, admin, read, &error), ==, id);
  g_assert_no_error (error);
  g_assert_cmpuint (kh_db_get_durable_commits (db), ==, before + 2);

  g_clear_pointer (&db, kh_db_close);
  remove_tree (dir);
}

/* ---- an import does not hold the write lock ---- */

static GPtrArray *
import_people (guint first,
               guint n)
{
  GPtrArray *clients = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = first; i < first + n; i++)
    {
      g_autofree char *last = g_strdup_printf ("Tuonti%05u", i);
      char birth[16];
      GDate date;

      /* One person a day from 2001 on: every code is different. */
      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, 1, 2001);
      g_date_add_days (&date, i);
      g_date_strftime (birth, sizeof birth, "%Y-%m-%d", &date);
      g_ptr_array_add (clients, test_client (last, "Tuula", birth, i % 2 ? 900 + i % 100 : 0));
    }
  return clients;
}

typedef struct {
  const char *path;
  GPtrArray  *clients;
  gboolean    ok;
  gint        done;
} Importer;

static gpointer
importer_thread (gpointer data)
{
  Importer *importer = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(KhDb) db = kh_db_open_full (importer->path, KH_DB_OPEN_EXISTING, &error);
  g_autoptr(KhUser) admin = NULL;

  g_assert_no_error (error);
  admin = kh_db_login (db, "tester", NULL, &error);
  g_assert_no_error (error);
  importer->ok = kh_db_import_clients (db, admin, importer->clients, NULL, &error);
  g_assert_no_error (error);
  g_atomic_int_set (&importer->done, 1);
  return NULL;
}

static gboolean
staging_exists (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (handle)) != NULL)
    if (g_str_has_prefix (name, ".kohtaamo-import-"))
      return TRUE;
  return FALSE;
}

/* While the import writes its people (into its staging file), another
 * desk can take the write lock at once: a search, which writes access-log
 * rows, does not wait for the import. Before issue 6 the import held the
 * lock from its first row to its commit. */
static void
test_import_leaves_lock_free (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "kohtaamo.db", NULL);
  g_autoptr(GPtrArray) clients = import_people (0, 4000);
  g_autoptr(GThread) thread = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KhDb) db = NULL;
  g_autoptr(KhUser) admin = NULL;
  g_autoptr(GPtrArray) found = NULL;
  Importer importer = { path, clients, FALSE, 0 };
  guint free_while_staging = 0;
  guint searched_while_staging = 0;
  gint64 count;
  sqlite3 *desk;

  make_database_with_people (path, 10);
  desk = raw_open (path);
  db = kh_db_open_full (path, KH_DB_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  admin = kh_db_login (db, "tester", NULL, &error);
  g_assert_no_error (error);

  thread = g_thread_new ("import", importer_thread, &importer);
  while (!g_atomic_int_get (&importer.done))
    {
      if (!staging_exists (dir))
        {
          g_thread_yield ();
          continue;
        }
      /* No waiting at all: the lock is free or it is not. */
      sqlite3_busy_timeout (desk, 0);
      if (sqlite3_exec (desk, "BEGIN IMMEDIATE", NULL, NULL, NULL) == SQLITE_OK)
        {
          g_assert_cmpint (sqlite3_exec (desk, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
          free_while_staging++;
          /* And a search, with its log rows, works; it finds nobody of
           * the import, or (if it was published just now) everyone. */
          g_clear_pointer (&found, g_ptr_array_unref);
          found = kh_db_search_clients (db, admin, "tuonti", 50, &error);
          g_assert_no_error (error);
          count = kh_db_count_clients (db, &error);
          g_assert_no_error (error);
          g_assert_true ((count == 10 && found->len == 0) || (count == 4010 && found->len == 50));
          searched_while_staging++;
        }
      g_usleep (2000);
    }
  g_thread_join (g_steal_pointer (&thread));
  g_test_message ("the lock was free %u times while the import wrote", free_while_staging);
  g_assert_true (importer.ok);
  g_assert_cmpuint (free_while_staging, >, 0);
  g_assert_cmpuint (searched_while_staging, >, 0);
  g_assert_false (staging_exists (dir));

  /* All of them, found by name and by their words. */
  g_assert_cmpint (kh_db_count_clients (db, &error), ==, 4010);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = kh_db_search_clients (db, admin, "tuonti03999", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (raw_count (desk, "SELECT count(*) FROM clients_fts WHERE clients_fts "
                                    "MATCH 'tuonti*'"), ==, 4000);
  g_assert_cmpint (raw_count (desk, "SELECT count(*) FROM pragma_integrity_check "
                                    "WHERE integrity_check <> 'ok'"), ==, 0);
  g_assert_cmpint (sqlite3_close (desk), ==, SQLITE_OK);
  remove_tree (dir);
}

/* A code that another desk saved after the import's check: nothing of the
 * import is written, and the person at fault is named. */
static void
test_import_all_or_nothing (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "kohtaamo.db", NULL);
  g_autoptr(GPtrArray) clients = import_people (0, 300);
  g_autoptr(GError) error = NULL;
  g_autoptr(KhDb) db = NULL;
  g_autoptr(KhUser) admin = NULL;
  KhClient *taken = g_ptr_array_index (clients, 201);
  g_autoptr(KhClient) other = test_client ("Toinen", "Tiina", "1941-10-10", 901);
  int failed = -2;

  make_database_with_people (path, 10);
  db = kh_db_open_full (path, KH_DB_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  admin = kh_db_login (db, "tester", NULL, &error);
  g_assert_no_error (error);
  /* Row 201 has a code; another desk saves someone with it. */
  g_assert_nonnull (taken->identity_code);
  g_free (other->identity_code);
  other->identity_code = g_strdup (taken->identity_code);
  g_free (other->birth_date);
  other->birth_date = g_strdup (taken->birth_date);
  g_assert_cmpint (kh_db_save_client (db, admin, other, &error), >, 0);
  g_assert_no_error (error);

  g_assert_false (kh_db_import_clients (db, admin, clients, &failed, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_DUPLICATE_CODE);
  g_assert_cmpint (failed, ==, 201);
  g_clear_error (&error);
  g_assert_cmpint (kh_db_count_clients (db, &error), ==, 11);
  g_assert_false (staging_exists (dir));

  /* A person the store's rules refuse: named, nothing written. */
  g_ptr_array_remove_index (clients, 201);
  {
    KhClient *bad = g_ptr_array_index (clients, 42);

    /* A zero-width space inside the name. */
    g_free (bad->last_name);
    bad->last_name = g_strdup ("Nolla\xe2\x80\x8bleveys");
  }
  g_assert_false (kh_db_import_clients (db, admin, clients, &failed, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_assert_cmpint (failed, ==, 42);
  g_clear_error (&error);
  g_assert_cmpint (kh_db_count_clients (db, &error), ==, 11);
  g_assert_false (staging_exists (dir));
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (other_files); i++)
    {
      g_autofree char *name = g_strdup_printf ("/store/file/other/%s", other_files[i].name);

      g_test_add_data_func (name, &other_files[i], test_other_file);
    }
  g_test_add_func ("/store/file/other/wal-in-use", test_other_wal_in_use);
  g_test_add_func ("/store/file/own-wal-recognised", test_own_wal_recognised);
  g_test_add_func ("/store/file/missing-not-created", test_missing_not_created);
  g_test_add_func ("/store/file/empty-file", test_empty_file);
  g_test_add_func ("/store/file/mode-narrowed", test_mode_narrowed);
  g_test_add_func ("/store/file/damaged-page", test_damaged_page);
  g_test_add_func ("/store/file/check-sound", test_check_sound);
  g_test_add_func ("/store/file/durable-commits", test_durable_commits);
  g_test_add_func ("/store/import/leaves-lock-free", test_import_leaves_lock_free);
  g_test_add_func ("/store/import/all-or-nothing", test_import_all_or_nothing);

  return g_test_run ();
}
