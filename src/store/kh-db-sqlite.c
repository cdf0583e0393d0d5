/* kh-db-sqlite.c — the SQLite engine: opening, migrating and guarding the
 * database file, its statements and errors, and the name index's upkeep
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kohtaamo-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "core/kh-text.h"
#include "store/kh-db-private.h"

static const KhDbEngine sqlite_engine;

/* The upkeep and index calls of kh-db.h are for this engine's databases;
 * on another engine they have nothing to do. */
#define IS_SQLITE(db) ((db)->engine == &sqlite_engine)

#define SQL_RESOURCE_PATH RESOURCE_BASE "/sql"
/* 'KHTO', set by 0001-initial.sql. */
#define KH_APPLICATION_ID 1263031375
/* Long enough to ride out another writer's commit, short enough that the
 * person at the desk is told soon that another program holds the database. */
#define BUSY_TIMEOUT_MS 3000

/* Keep in sync with data/fi.kohtaamo.Kohtaamo.sql.gresource.xml. */
static const char * const migrations[] = {
  "0001-initial.sql",
  "0002-sort-keys.sql",
  "0003-name-words.sql",
  "0004-access-work-lists.sql",
  "0005-anonymous-no-outcome-note.sql",
  "0006-kela-from-authority.sql",
  "0007-implementation-deadline.sql",
  "0008-person-records.sql",
  "0009-access-log-filters.sql",
  "0010-seven-days-when-sought.sql",
  "0011-contact-model.sql",
  "0012-service-map.sql",
  "0013-contact-revisions.sql",
  "0014-name-words-bounded.sql",
  "0015-contact-joins-case.sql",
  "0016-contact-revisions-identity.sql",
  "0017-case-urgency.sql",
};

/* ---- errors ---- */

static char *
display_path (KhDb *db)
{
  return db && db->path ? g_filename_display_name (db->path) : g_strdup ("?");
}

static void
set_error_for_code (const char  *path,
                    int          rc,
                    const char  *detail,
                    GError     **error)
{
  g_autofree char *name = path ? g_filename_display_name (path) : g_strdup ("?");

  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_A_DATABASE,
                   /* Translators: %s is a file name */
                   _("The database file “%s” is not a Kohtaamo database."), name);
      break;
    case SQLITE_READONLY:
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_READ_ONLY,
                   /* Translators: %s is a file name */
                   _("The database file “%s” cannot be written. Check that you may write to the file and to its folder."),
                   name);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_LOCKED,
                   /* Translators: %s is a file name */
                   _("The database “%s” is in use by another program. Close the other program or wait a moment, and try again."),
                   name);
      break;
    case SQLITE_CANTOPEN:
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_FAILED,
                   /* Translators: the first %s is a file name, the second the reason */
                   _("The database file “%s” cannot be opened: %s"), name,
                   detail ? detail : sqlite3_errstr (rc));
      break;
    case SQLITE_FULL:
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_FAILED,
                   /* Translators: %s is a file name */
                   _("The disk is full: the database “%s” cannot grow. Nothing was saved."), name);
      break;
    case SQLITE_CONSTRAINT:
      /* The C code validates before writing and explains in the user's
       * language; reaching a constraint means a rule the checks missed. */
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                   /* Translators: %s is the database's own (English) explanation */
                   _("The data breaks a rule of the database: %s"),
                   detail ? detail : sqlite3_errstr (rc));
      break;
    default:
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_FAILED,
                   /* Translators: the first %s is a file name, the second the reason */
                   _("The database “%s” failed: %s"), name,
                   detail ? detail : sqlite3_errstr (rc));
      break;
    }
}

static void
sqlite_set_error (KhDb    *db,
                  int      rc,
                  GError **error)
{
  const char *detail = NULL;

  if (db->handle != NULL)
    {
      int ext = sqlite3_extended_errcode (db->handle);

      /* The connection's message is only about this error if the codes agree. */
      if ((ext & 0xff) == (rc & 0xff))
        {
          rc = ext;
          detail = sqlite3_errmsg (db->handle);
        }
    }
  set_error_for_code (db->path, rc, detail, error);
}

static int
sqlite_last_error_code (KhDb *db)
{
  return sqlite3_errcode (db->handle);
}

static gboolean
sqlite_is_unique_violation (KhDb *db,
                            int   rc)
{
  return (rc & 0xff) == SQLITE_CONSTRAINT
         && sqlite3_extended_errcode (db->handle) == SQLITE_CONSTRAINT_UNIQUE;
}

/* ---- statements ---- */

static gpointer
sqlite_prepare (KhDb       *db,
                const char *sql,
                int        *out_rc)
{
  sqlite3_stmt *stmt = NULL;

  *out_rc = sqlite3_prepare_v3 (db->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (*out_rc != SQLITE_OK)
    {
      g_warning ("Cannot prepare “%s”: %s", sql, sqlite3_errmsg (db->handle));
      return NULL;
    }
  return stmt;
}

static void
sqlite_finalize (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
sqlite_reset (gpointer stmt)
{
  sqlite3_reset (stmt);
}

static void
sqlite_clear_bindings (gpointer stmt)
{
  sqlite3_clear_bindings (stmt);
}

static void
sqlite_bind_int64 (gpointer stmt,
                   int      index,
                   gint64   value)
{
  sqlite3_bind_int64 (stmt, index, value);
}

static void
sqlite_bind_text (gpointer    stmt,
                  int         index,
                  const char *text)
{
  sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static void
sqlite_bind_blob (gpointer    stmt,
                  int         index,
                  const void *data,
                  gsize       size)
{
  sqlite3_bind_blob64 (stmt, index, data, size, SQLITE_TRANSIENT);
}

static void
sqlite_bind_null (gpointer stmt,
                  int      index)
{
  sqlite3_bind_null (stmt, index);
}

static int
sqlite_step (gpointer stmt)
{
  return sqlite3_step (stmt);
}

static gint64
sqlite_column_int64 (gpointer stmt,
                     int      column)
{
  return sqlite3_column_int64 (stmt, column);
}

static const char *
sqlite_column_str (gpointer stmt,
                   int      column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

static gboolean
sqlite_column_is_null (gpointer stmt,
                       int      column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL;
}

static const void *
sqlite_column_blob (gpointer  stmt,
                    int       column,
                    gsize    *out_size)
{
  const void *data = sqlite3_column_blob (stmt, column);

  /* After the blob, as SQLite asks. */
  *out_size = sqlite3_column_bytes (stmt, column);
  return data;
}

static int
sqlite_column_count (gpointer stmt)
{
  return sqlite3_column_count (stmt);
}

static int
sqlite_exec (KhDb       *db,
             const char *sql)
{
  return sqlite3_exec (db->handle, sql, NULL, NULL, NULL);
}

static gint64
sqlite_changes (KhDb *db)
{
  return sqlite3_changes64 (db->handle);
}

static gboolean
sqlite_in_transaction (KhDb *db)
{
  return sqlite3_get_autocommit (db->handle) == 0;
}

/* ---- the FTS5 name index in bulk loads (see 0001-initial.sql) ---- */

static gboolean
sqlite_defer_search_index (KhDb    *db,
                           GError **error)
{
  if (db->fts_deferred)
    return TRUE;
  if (!_kh_db_exec (db,
                    "INSERT OR REPLACE INTO settings (key, value) VALUES ('fts_deferred', '1')",
                    error))
    return FALSE;
  db->fts_deferred = TRUE;
  return TRUE;
}

/* A bulk load deferred the search index: rebuild it once, in the same
 * transaction. */
static gboolean
sqlite_before_commit (KhDb    *db,
                      GError **error)
{
  if (!db->fts_deferred)
    return TRUE;
  if (!_kh_db_exec (db,
                    "DELETE FROM settings WHERE key = 'fts_deferred';"
                    "INSERT INTO clients_fts (clients_fts) VALUES ('rebuild');",
                    error))
    return FALSE;
  db->fts_deferred = FALSE;
  return TRUE;
}

static void
sqlite_after_rollback (KhDb *db)
{
  db->fts_deferred = FALSE;
}


/**
 * kh_db_rebuild_search_index:
 *
 * Rebuilds the FTS5 name index from the clients table.
 */
gboolean
kh_db_rebuild_search_index (KhDb    *db,
                            GError **error)
{
  gboolean own;
  gboolean ok;

  g_return_val_if_fail (db != NULL, FALSE);

  if (!IS_SQLITE (db))
    return TRUE;
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_kh_db_tx_begin (db, &own, error))
    return FALSE;
  ok = _kh_db_exec (db,
                    "DELETE FROM settings WHERE key = 'fts_deferred';"
                    "INSERT INTO clients_fts (clients_fts) VALUES ('rebuild');",
                    error);
  if (ok)
    db->fts_deferred = FALSE;
  return _kh_db_tx_end (db, own, ok, error);
}

/* ---- collation ---- */

static int
collate_fi (void       *user_data,
            int         len_a,
            const void *a,
            int         len_b,
            const void *b)
{
  /* SQLite's strings are not NUL-terminated here. */
  char stack_a[128], stack_b[128];
  g_autofree char *heap_a = NULL;
  g_autofree char *heap_b = NULL;
  char *sa = stack_a, *sb = stack_b;

  if (len_a >= (int) sizeof stack_a)
    sa = heap_a = g_malloc (len_a + 1);
  if (len_b >= (int) sizeof stack_b)
    sb = heap_b = g_malloc (len_b + 1);
  memcpy (sa, a, len_a);
  sa[len_a] = '\0';
  memcpy (sb, b, len_b);
  sb[len_b] = '\0';

  return kh_collate_compare (sa, sb);
}

/* ---- opening and migrations ---- */

static int
query_int (KhDb       *db,
           const char *sql,
           int        *out,
           GError    **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db->handle, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *out = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
      else if (rc == SQLITE_DONE)
        {
          *out = 0;
          rc = SQLITE_OK;
        }
    }
  if (rc != SQLITE_OK)
    _kh_db_set_error (db, rc, error);
  sqlite3_finalize (stmt);
  return rc == SQLITE_OK;
}

static gboolean
check_version (KhDb    *db,
               int      version,
               GError **error)
{
  int application_id = 0;
  int n_objects = 0;

  if (version > kh_db_get_latest_version ())
    {
      g_autofree char *name = display_path (db);

      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_TOO_NEW,
                   /* Translators: %s is a file name; the numbers are schema versions */
                   _("The database “%s” was made by a newer version of Kohtaamo (schema %d; this version knows %d). Update Kohtaamo to open it."),
                   name, version, kh_db_get_latest_version ());
      return FALSE;
    }

  if (!query_int (db, "PRAGMA application_id", &application_id, error))
    return FALSE;
  if (version == 0)
    {
      /* Another program's database: never add our tables to it. */
      if (!query_int (db, "SELECT count(*) FROM sqlite_schema", &n_objects, error))
        return FALSE;
      if (n_objects == 0 && application_id == 0)
        return TRUE;
    }
  else if (application_id == KH_APPLICATION_ID)
    return TRUE;

  set_error_for_code (db->path, SQLITE_NOTADB, NULL, error);
  return FALSE;
}

/* 0007: the SHL 45 § deadline of each case that existed before the
 * migration, from the day it was opened. Needs the holiday calendar (Easter),
 * so it is done here, inside the migration's transaction. */
static int
fill_implementation_deadlines (KhDb *db)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) opened = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db->handle,
                           "SELECT id, opened_at FROM cases WHERE implementation_deadline IS NULL",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return rc;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 at = sqlite3_column_int64 (stmt, 1);

      g_array_append_val (ids, id);
      g_array_append_val (opened, at);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return rc;

  rc = sqlite3_prepare_v2 (db->handle,
                           "UPDATE cases SET implementation_deadline = ? WHERE id = ?",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return rc;
  for (guint i = 0; i < ids->len && rc == SQLITE_OK; i++)
    {
      g_autofree char *deadline =
        _kh_db_implementation_deadline (g_array_index (opened, gint64, i));

      sqlite3_bind_text (stmt, 1, deadline, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, g_array_index (ids, gint64, i));
      rc = sqlite3_step (stmt);
      rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  return rc;
}

/* What a migration needs done in C after its SQL, in its transaction. */
static int
after_migration (KhDb       *db,
                 const char *name)
{
  if (g_str_has_suffix (name, "-implementation-deadline.sql"))
    return fill_implementation_deadlines (db);
  return SQLITE_OK;
}

static gboolean
apply_migration (KhDb    *db,
                 int      index,
                 GError **error)
{
  g_autofree char *resource = g_strconcat (SQL_RESOURCE_PATH "/", migrations[index], NULL);
  g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", index + 1);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sql = NULL;
  gsize size;
  int rc;

  bytes = g_resources_lookup_data (resource, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;
  sql = g_strndup (g_bytes_get_data (bytes, &size), g_bytes_get_size (bytes));

  rc = sqlite3_exec (db->handle, sql, NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = after_migration (db, migrations[index]);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db->handle, set_version, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      g_warning ("Migration %s failed: %s", migrations[index], sqlite3_errmsg (db->handle));
      _kh_db_set_error (db, rc, error);
      return FALSE;
    }
  g_debug ("Applied migration %s to %s", migrations[index], db->path);
  return TRUE;
}

static gboolean
migrate (KhDb    *db,
         GError **error)
{
  for (;;)
    {
      int version = 0;

      /* One transaction per migration, and the version read inside it, so
       * that two programs opening a new database at once do not both apply. */
      if (!_kh_db_exec (db, "BEGIN IMMEDIATE", error))
        return FALSE;
      if (!query_int (db, "PRAGMA user_version", &version, error) ||
          !check_version (db, version, error))
        {
          sqlite3_exec (db->handle, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
      if (version == kh_db_get_latest_version ())
        return _kh_db_exec (db, "COMMIT", error);

      if (!apply_migration (db, version, error))
        {
          sqlite3_exec (db->handle, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
      if (!_kh_db_exec (db, "COMMIT", error))
        {
          sqlite3_exec (db->handle, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
    }
}

/* Tells "cannot write there" apart from other failures before SQLite does,
 * because SQLite silently opens a write-protected file read-only. */
static gboolean
check_writable (const char  *path,
                GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved = errno;

      if (saved == EACCES || saved == EROFS || saved == EPERM)
        set_error_for_code (path, SQLITE_READONLY, NULL, error);
      else
        set_error_for_code (path, SQLITE_CANTOPEN, g_strerror (saved), error);
      return FALSE;
    }

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      set_error_for_code (path, SQLITE_CANTOPEN, g_strerror (EISDIR), error);
      return FALSE;
    }

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (access (path, W_OK) != 0)
        {
          set_error_for_code (path, SQLITE_READONLY, NULL, error);
          return FALSE;
        }
    }
  /* WAL needs to create its -wal and -shm files beside the database. */
  if (access (folder, W_OK) != 0)
    {
      set_error_for_code (path, SQLITE_READONLY, NULL, error);
      return FALSE;
    }
  return TRUE;
}

/* Social-work data is for its owner only. SQLite creates a new database
 * with the umask's mode (0644 as a rule), so a new file is made here first,
 * 0600; SQLite then gives the -wal and -shm files the mode of the database.
 * An existing file keeps the mode it has: an administrator may have chosen
 * one on purpose. */
static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      int saved = errno;

      /* Someone else made it meanwhile: theirs to decide. */
      if (saved == EEXIST)
        return TRUE;
      set_error_for_code (path, SQLITE_CANTOPEN, g_strerror (saved), error);
      return FALSE;
    }
  /* The umask may have taken bits away, never added any; this only makes
   * sure of 0600 whatever the umask. */
  if (fchmod (fd, 0600) != 0)
    g_debug ("Could not set the mode of %s: %s", path, g_strerror (errno));
  close (fd);
  return TRUE;
}

/* The -wal and -shm files are never wider open than the database itself
 * (SQLite makes them so; a file left by another program may not be). */
static void
restrict_side_files (const char *path)
{
  static const char * const suffixes[] = { "-wal", "-shm" };
  GStatBuf main_stat;

  if (g_stat (path, &main_stat) != 0)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *side = g_strconcat (path, suffixes[i], NULL);
      GStatBuf side_stat;
      mode_t mode;

      if (g_stat (side, &side_stat) != 0)
        continue;
      mode = side_stat.st_mode & main_stat.st_mode & 0777;
      if (mode != (side_stat.st_mode & 0777) && g_chmod (side, mode) != 0)
        g_debug ("Could not set the mode of %s: %s", side, g_strerror (errno));
    }
}

static int
sqlite_schema_version (KhDb *db)
{
  int version = 0;

  if (!query_int (db, "PRAGMA user_version", &version, NULL))
    return 0;
  return version;
}

static void
sqlite_close (KhDb *db)
{
  sqlite3_close (db->handle);
  db->handle = NULL;
}

static const KhDbEngine sqlite_engine = {
  .name = "SQLite",
  .begin_sql = "BEGIN IMMEDIATE",
  .prepare = sqlite_prepare,
  .finalize = sqlite_finalize,
  .reset = sqlite_reset,
  .clear_bindings = sqlite_clear_bindings,
  .bind_int64 = sqlite_bind_int64,
  .bind_text = sqlite_bind_text,
  .bind_blob = sqlite_bind_blob,
  .bind_null = sqlite_bind_null,
  .step = sqlite_step,
  .column_int64 = sqlite_column_int64,
  .column_str = sqlite_column_str,
  .column_is_null = sqlite_column_is_null,
  .column_blob = sqlite_column_blob,
  .column_count = sqlite_column_count,
  .exec = sqlite_exec,
  .changes = sqlite_changes,
  .in_transaction = sqlite_in_transaction,
  .last_error_code = sqlite_last_error_code,
  .is_unique_violation = sqlite_is_unique_violation,
  .set_error = sqlite_set_error,
  .defer_search_index = sqlite_defer_search_index,
  .before_commit = sqlite_before_commit,
  .after_rollback = sqlite_after_rollback,
  .schema_version = sqlite_schema_version,
  .close = sqlite_close,
};

static KhDb *
open_handle (const char  *path,
             int          flags,
             GError     **error)
{
  g_autoptr(KhDb) db = _kh_db_new (&sqlite_engine, path);
  sqlite3 *handle = NULL;
  int rc;

  rc = sqlite3_open_v2 (path, &handle, flags | SQLITE_OPEN_NOMUTEX, NULL);
  db->handle = handle;
  if (rc != SQLITE_OK)
    {
      _kh_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&db);
}

static gboolean
configure (KhDb    *db,
           GError **error)
{
  sqlite3_extended_result_codes (db->handle, 1);
  sqlite3_busy_timeout (db->handle, BUSY_TIMEOUT_MS);

  if (sqlite3_create_collation_v2 (db->handle, "KH_FI", SQLITE_UTF8, NULL,
                                   collate_fi, NULL) != SQLITE_OK)
    {
      _kh_db_set_error (db, sqlite3_errcode (db->handle), error);
      return FALSE;
    }

  return _kh_db_exec (db, "PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY;", error);
}

/**
 * kh_db_open:
 * @path: the database file
 *
 * Opens the database, creating it and its folder if needed, and migrates it
 * to the newest schema. Each migration is one transaction.
 *
 * Returns: (transfer full): the database, or %NULL with @error set
 *   (NOT_A_DATABASE, READ_ONLY, LOCKED, TOO_NEW or FAILED).
 */
KhDb *
kh_db_open (const char  *path,
            GError     **error)
{
  g_autoptr(KhDb) db = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_writable (path, error))
    return NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS) && !create_private_file (path, error))
    return NULL;

  db = open_handle (path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error);
  if (db == NULL)
    return NULL;
  if (sqlite3_db_readonly (db->handle, "main") == 1)
    {
      set_error_for_code (path, SQLITE_READONLY, NULL, error);
      return NULL;
    }
  if (!configure (db, error))
    return NULL;

  /* journal_mode needs the file read first: a text file fails here with
   * NOTADB, before anything is written to it. */
  if (!_kh_db_exec (db, "PRAGMA journal_mode = WAL", error))
    return NULL;
  /* In WAL mode NORMAL loses no committed transaction on a program crash and
   * spares an fsync per commit (every search writes access-log rows). */
  if (!_kh_db_exec (db, "PRAGMA synchronous = NORMAL", error))
    return NULL;

  if (!migrate (db, error))
    return NULL;

  if (!_kh_db_repair_name_keys (db, error))
    return NULL;

  /* The migrations wrote, so the -wal and -shm files exist by now. */
  restrict_side_files (path);
  return g_steal_pointer (&db);
}

/**
 * kh_db_open_read_only:
 *
 * Opens an existing, migrated database without writing to it.
 */
KhDb *
kh_db_open_read_only (const char  *path,
                      GError     **error)
{
  g_autoptr(KhDb) db = NULL;
  int version = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  db = open_handle (path, SQLITE_OPEN_READONLY, error);
  if (db == NULL)
    return NULL;
  db->read_only = TRUE;
  if (!configure (db, error))
    return NULL;
  if (!query_int (db, "PRAGMA user_version", &version, error) ||
      !check_version (db, version, error))
    return NULL;
  if (version < kh_db_get_latest_version ())
    {
      g_autofree char *name = display_path (db);

      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_FAILED,
                   /* Translators: %s is a file name */
                   _("The database “%s” must be updated first: open it once with Kohtaamo."),
                   name);
      return NULL;
    }
  return g_steal_pointer (&db);
}

/* SQLite's own threshold for its automatic checkpoint: the log stays as
 * small as it always was, only the moment of the checkpoint moves. */
#define CHECKPOINT_DUE_PAGES 1000
/* Past this (about 40 MB) the checkpoint runs in the commit after all. */
#define CHECKPOINT_FORCED_PAGES 10000
/* Pages of merged name index one "merge" command writes: a few ms. */
#define MERGE_PAGES 500
/* "merge" commands per upkeep, at most: the rest waits for the next one. */
#define MERGE_STEPS 8

/* After every commit of this connection (SQLite's automatic checkpoint is
 * itself such a hook: this one replaces it). */
static int
wal_hook_cb (void       *user_data,
             sqlite3    *handle,
             const char *name,
             int         pages)
{
  KhDb *db = user_data;

  db->wal_pages = pages;
  if (!db->maintaining)
    db->merge_due = TRUE;
  if (pages >= CHECKPOINT_FORCED_PAGES
      && sqlite3_wal_checkpoint_v2 (handle, name, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL) == SQLITE_OK)
    db->wal_pages = 0;
  return SQLITE_OK;
}

/**
 * kh_db_set_maintenance_when_idle:
 *
 * No checkpoint (below a log of %CHECKPOINT_FORCED_PAGES) and no ordinary
 * merge of the name index run inside a commit any more: the caller runs
 * kh_db_maintain() when it is idle. KhStore does, on its worker.
 *
 * FTS5 keeps its automerge setting in the database: 0 is written there
 * once, and other connections (kohtaamo-admin) then merge only at
 * crisismerge, which keeps the index bounded.
 */
gboolean
kh_db_set_maintenance_when_idle (KhDb    *db,
                                 GError **error)
{
  g_autoptr(KhDbStmt) stmt = NULL;
  gboolean set = FALSE;

  g_return_val_if_fail (db != NULL, FALSE);

  if (!IS_SQLITE (db))
    return TRUE;
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (db->read_only || db->maintenance_when_idle)
    return TRUE;

  stmt = _kh_db_prepare (db, "SELECT v FROM clients_fts_config WHERE k = 'automerge'", error);
  if (stmt == NULL)
    return FALSE;
  if (_kh_db_step (stmt) == KH_DB_ROW)
    set = !_kh_db_column_is_null (stmt, 0) && _kh_db_column_int (stmt, 0) == 0;
  g_clear_pointer (&stmt, _kh_db_stmt_release);
  if (!set && !_kh_db_exec (db, "INSERT INTO clients_fts (clients_fts, rank) VALUES ('automerge', 0)",
                            error))
    return FALSE;

  db->maintenance_when_idle = TRUE;
  db->merge_due = TRUE;
  sqlite3_wal_hook (db->handle, wal_hook_cb, db);
  return TRUE;
}

/**
 * kh_db_maintenance_is_due:
 *
 * Returns: whether the log has grown to where SQLite would have run its
 *   automatic checkpoint, or a commit may have left name-index segments
 *   to merge.
 */
gboolean
kh_db_maintenance_is_due (KhDb *db)
{
  g_return_val_if_fail (db != NULL, FALSE);

  if (!IS_SQLITE (db))
    return FALSE;

  return db->maintenance_when_idle && (db->merge_due || db->wal_pages >= CHECKPOINT_DUE_PAGES);
}

/* One step of merging the name index's segments, as automerge would have
 * (the "merge" command with a positive size merges a level only where it
 * has usermerge = 4 segments). FALSE in `more` when nothing was left. */
static gboolean
merge_step (KhDb     *db,
            gboolean *more,
            GError  **error)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO clients_fts (clients_fts, rank) "
                                          "VALUES ('merge', %d)", MERGE_PAGES);
  sqlite3_int64 before = sqlite3_total_changes64 (db->handle);

  if (!_kh_db_exec (db, sql, error))
    return FALSE;
  /* The FTS5 documentation's test: fewer than two changes, no work done. */
  *more = sqlite3_total_changes64 (db->handle) - before >= 2;
  return TRUE;
}

/**
 * kh_db_maintain:
 *
 * Merges the name index's segments (a few steps of a few ms each), then
 * copies the log into the database file as far as no reader needs it (a
 * passive checkpoint: it never waits for a lock). The next commit then
 * starts the log again from its beginning.
 */
gboolean
kh_db_maintain (KhDb    *db,
                GError **error)
{
  int log_frames = 0;
  int copied_frames = 0;
  gboolean more = TRUE;
  gboolean ok = TRUE;
  int rc;

  g_return_val_if_fail (db != NULL, FALSE);

  if (!IS_SQLITE (db))
    return TRUE;
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!db->maintenance_when_idle)
    return TRUE;

  db->maintaining = TRUE;
  for (guint step = 0; step < MERGE_STEPS && more && ok; step++)
    ok = merge_step (db, &more, error);
  db->maintaining = FALSE;
  if (!ok)
    return FALSE;
  db->merge_due = more;

  if (db->wal_pages < CHECKPOINT_DUE_PAGES)
    return TRUE;
  rc = sqlite3_wal_checkpoint_v2 (db->handle, "main", SQLITE_CHECKPOINT_PASSIVE,
                                  &log_frames, &copied_frames);
  if (rc != SQLITE_OK)
    {
      _kh_db_set_error (db, rc, error);
      return FALSE;
    }
  /* Frames another connection still reads are copied next time. */
  db->wal_pages = MAX (log_frames - copied_frames, 0);
  return TRUE;
}

int
kh_db_get_latest_version (void)
{
  return G_N_ELEMENTS (migrations);
}
