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

#include "core/kh-log-chain.h"
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
/* The schema from which the access log is chained (0017-access-log-chain.sql). */
#define CHAIN_SCHEMA_VERSION 17

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
  "0017-access-log-chain.sql",
  "0018-case-urgency.sql",
  "0019-live-changes.sql",
  "0020-request-ids.sql",
  "0021-assessments.sql",
  "0022-user-changes.sql",
  "0023-teams.sql",
  "0024-caseload.sql",
  "0025-assessment-step.sql",
  "0026-appointments.sql",
  "0027-case-notes.sql",
  "0028-caseload-order.sql",
  "0029-responsible-workers.sql",
  "0030-document-settings.sql",
  "0031-documents.sql",
  "0032-contact-attempts.sql",
  "0033-payment-commitments.sql",
  "0034-network.sql",
  "0035-client-plans.sql",
  "0036-calendar-dates.sql",
  "0037-plan-disclosures.sql",
  "0038-invitation-meetings.sql",
  "0039-plan-review-scale.sql",
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
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_A_DATABASE,
                   /* Translators: %s is a file name */
                   _("The database file “%s” is not a Kohtaamo database."), name);
      break;
    case SQLITE_CORRUPT:
      /* A Kohtaamo database whose pages are damaged (a disk fault, a copy
       * made while it was written): not to be written to any more. */
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_DAMAGED,
                   /* Translators: %s is a file name */
                   _("The database “%s” is damaged. Nothing more is written to it. Restore the latest backup with “kohtaamo-admin restore” and tell your IT support."),
                   name);
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

/* Every change to a row of a table other than the access log marks the
 * transaction as one that saves a record. */
static void
update_hook_cb (void          *user_data,
                int            op,
                const char    *database,
                const char    *table,
                sqlite3_int64  rowid)
{
  KhDb *db = user_data;

  if (g_strcmp0 (table, "access_log") != 0)
    db->records_written = TRUE;
}

/* The -wal file forced to the disk, as synchronous = FULL does at each
 * commit; it cannot be switched on inside a transaction, and whether a
 * transaction saves a record is known only once it has. */
static int
sync_log_file (KhDb *db)
{
  sqlite3_file *file = NULL;
  int rc;

  rc = sqlite3_file_control (db->handle, "main", SQLITE_FCNTL_JOURNAL_POINTER, &file);
  if (rc != SQLITE_OK || file == NULL || file->pMethods == NULL)
    return rc == SQLITE_OK ? SQLITE_OK : rc;
  rc = file->pMethods->xSync (file, SQLITE_SYNC_NORMAL);
  if (rc == SQLITE_OK)
    db->durable_commits++;
  return rc;
}

static int
sqlite_exec (KhDb       *db,
             const char *sql)
{
  gboolean commit = g_str_equal (sql, "COMMIT");
  gboolean durable = commit && db->records_written;
  int rc;

  rc = sqlite3_exec (db->handle, sql, NULL, NULL, NULL);
  if (commit || g_str_equal (sql, "ROLLBACK"))
    db->records_written = FALSE;
  if (rc == SQLITE_OK && durable)
    rc = sync_log_file (db);
  return rc;
}

/**
 * kh_db_get_durable_commits:
 *
 * Returns: how many commits of this connection waited for the disk (those
 *   that saved a record; see kh_db_open_full).
 */
guint
kh_db_get_durable_commits (KhDb *db)
{
  g_return_val_if_fail (db != NULL, 0);

  return db->durable_commits;
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

/* ---- the name search ---- */

/* Each word a quoted FTS5 string, so that nothing a person types (quotes,
 * NEAR, AND, *, :, -) is read as query syntax: one parameter. */
static void
sqlite_name_match (KhDb       *db,
                   GString    *sql,
                   int         first_param,
                   GPtrArray  *tokens,
                   GPtrArray  *folded,
                   gboolean    prefix,
                   GPtrArray  *params)
{
  GString *query = g_string_new (NULL);

  for (guint i = 0; i < tokens->len; i++)
    {
      g_autofree char *token = g_strdup (g_ptr_array_index (tokens, i));

      /* name_tokens keeps letters, digits and marks only: no quote can be
       * in a token. */
      g_string_append_printf (query, "%s\"%s\"%s", i > 0 ? " " : "", token, prefix ? "*" : "");
    }
  g_string_append_printf (sql, "SELECT rowid FROM clients_fts WHERE clients_fts MATCH ?%d",
                          first_param);
  g_ptr_array_add (params, g_string_free (query, FALSE));
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

/* 0017: the rows already in the access log, chained in order of id (the
 * order they were written in), into temp.access_log_chain, which the
 * migration's SQL copies from and drops. SQLite has no SHA-256. */
static int
chain_access_log (KhDb *db)
{
  sqlite3_stmt *read = NULL;
  sqlite3_stmt *write = NULL;
  char prev_hash[KH_LOG_HASH_LENGTH + 1] = KH_LOG_FIRST_PREV_HASH;
  gint64 seq = 0;
  int rc;

  rc = sqlite3_exec (db->handle,
                     "CREATE TEMP TABLE access_log_chain (id INTEGER PRIMARY KEY, seq INTEGER, "
                     "  prev_hash TEXT, hash TEXT)",
                     NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db->handle,
                             "SELECT id, at, user_id, client_id, what, basis FROM access_log ORDER BY id",
                             -1, &read, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db->handle,
                             "INSERT INTO temp.access_log_chain (id, seq, prev_hash, hash) "
                             "VALUES (?, ?, ?, ?)",
                             -1, &write, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (read)) == SQLITE_ROW)
    {
      KhLogChainRow row = {
        .seq = ++seq,
        .at = sqlite3_column_int64 (read, 1),
        .user_id = sqlite3_column_int64 (read, 2),
        .has_client = sqlite3_column_type (read, 3) != SQLITE_NULL,
        .client_id = sqlite3_column_int64 (read, 3),
        .what = sqlite3_column_int64 (read, 4),
        .basis = sqlite3_column_int64 (read, 5),
        .prev_hash = prev_hash,
      };
      char hash[KH_LOG_HASH_LENGTH + 1];

      kh_log_chain_hash (&row, hash);
      sqlite3_bind_int64 (write, 1, sqlite3_column_int64 (read, 0));
      sqlite3_bind_int64 (write, 2, seq);
      sqlite3_bind_text (write, 3, prev_hash, KH_LOG_HASH_LENGTH, SQLITE_TRANSIENT);
      sqlite3_bind_text (write, 4, hash, KH_LOG_HASH_LENGTH, SQLITE_TRANSIENT);
      rc = sqlite3_step (write);
      rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
      sqlite3_reset (write);
      memcpy (prev_hash, hash, sizeof hash);
    }
  if (rc == SQLITE_DONE)
    rc = SQLITE_OK;
  sqlite3_finalize (read);
  sqlite3_finalize (write);
  return rc;
}

/* What a migration needs done in C before its SQL, in its transaction. */
static int
before_migration (KhDb       *db,
                  const char *name)
{
  if (g_str_has_suffix (name, "-access-log-chain.sql"))
    return chain_access_log (db);
  return SQLITE_OK;
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

  rc = before_migration (db, migrations[index]);
  if (rc == SQLITE_OK)
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

/* ---- identifying a file before anything is written to it ---- */

typedef enum {
  FILE_MISSING,
  /* Zero bytes, or a SQLite database with no tables and no application
   * id: nothing in it to lose, so it may become a Kohtaamo database. */
  FILE_EMPTY,
  FILE_KOHTAAMO,
} FileKind;

/* The 100-byte database header and the b-tree header of page 1 (the
 * schema) after it. https://www.sqlite.org/fileformat.html */
#define HEADER_SIZE 108
#define HEADER_MAGIC "SQLite format 3"

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* Asks SQLite, through a read-only connection, what the header alone
 * cannot say: a database in WAL mode whose last commits are still in its
 * -wal file (say, a new Kohtaamo database whose first migration was never
 * copied into the file). Only used when that -wal file exists already. */
static gboolean
identify_with_sqlite (const char  *path,
                      FileKind    *out_kind,
                      GError     **error)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 application_id = -1;
  gint64 n_objects = -1;
  int rc;

  rc = sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (handle,
                             "SELECT (SELECT application_id FROM pragma_application_id), "
                             "(SELECT count(*) FROM sqlite_schema)",
                             -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          application_id = sqlite3_column_int64 (stmt, 0);
          n_objects = sqlite3_column_int64 (stmt, 1);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    {
      set_error_for_code (path, rc, handle ? sqlite3_errmsg (handle) : NULL, error);
      sqlite3_close (handle);
      return FALSE;
    }
  sqlite3_close (handle);

  if (application_id == KH_APPLICATION_ID)
    *out_kind = FILE_KOHTAAMO;
  else if (application_id == 0 && n_objects == 0)
    *out_kind = FILE_EMPTY;
  else
    {
      set_error_for_code (path, SQLITE_NOTADB, NULL, error);
      return FALSE;
    }
  return TRUE;
}

/* What is at `path`, read from the file's first bytes with read(2): no
 * SQLite connection is opened on a file that is not ours, so none of its
 * journals or -wal/-shm files are made, and nothing in it changes (issue 6,
 * item 8). NOT_A_DATABASE for anything else: a text file, another
 * program's database (another application id, or tables without ours). */
static gboolean
identify_file (const char  *path,
               FileKind    *out_kind,
               GError     **error)
{
  guint8 header[HEADER_SIZE];
  GStatBuf file_stat;
  gsize got = 0;
  guint32 application_id;
  guint32 user_version;
  int fd;

  if (g_stat (path, &file_stat) != 0)
    {
      int saved = errno;

      if (saved == ENOENT)
        {
          *out_kind = FILE_MISSING;
          return TRUE;
        }
      set_error_for_code (path, SQLITE_CANTOPEN, g_strerror (saved), error);
      return FALSE;
    }
  if (S_ISDIR (file_stat.st_mode))
    {
      set_error_for_code (path, SQLITE_CANTOPEN, g_strerror (EISDIR), error);
      return FALSE;
    }
  /* A device or a pipe is nobody's database (and opening a pipe would
   * wait for a writer). */
  if (!S_ISREG (file_stat.st_mode))
    {
      set_error_for_code (path, SQLITE_NOTADB, NULL, error);
      return FALSE;
    }
  if (file_stat.st_size == 0)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      GStatBuf wal_stat;

      /* A new database in WAL mode may have all of itself in the -wal. */
      if (g_stat (wal, &wal_stat) == 0 && wal_stat.st_size > 0)
        return identify_with_sqlite (path, out_kind, error);
      *out_kind = FILE_EMPTY;
      return TRUE;
    }

  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY, 0);
  if (fd < 0)
    {
      int saved = errno;

      set_error_for_code (path, SQLITE_CANTOPEN, g_strerror (saved), error);
      return FALSE;
    }
  while (got < sizeof header)
    {
      gssize n = read (fd, header + got, sizeof header - got);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      got += n;
    }
  close (fd);

  if (got < 100 || memcmp (header, HEADER_MAGIC, sizeof HEADER_MAGIC) != 0)
    {
      set_error_for_code (path, SQLITE_NOTADB, NULL, error);
      return FALSE;
    }

  application_id = read_be32 (header + 68);
  user_version = read_be32 (header + 60);
  if (application_id == KH_APPLICATION_ID)
    {
      *out_kind = FILE_KOHTAAMO;
      return TRUE;
    }
  if (application_id != 0)
    {
      set_error_for_code (path, SQLITE_NOTADB, NULL, error);
      return FALSE;
    }

  /* Bytes 18 and 19 are 2 in WAL mode: the header may be older than the
   * commits in the -wal file, if there is one. */
  if (header[18] == 2 && header[19] == 2)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      GStatBuf wal_stat;

      if (g_stat (wal, &wal_stat) == 0 && wal_stat.st_size > 0)
        return identify_with_sqlite (path, out_kind, error);
    }

  /* Page 1 holds the schema: a table leaf (13) with no cells is a database
   * without a single table, index or view. */
  if (got == HEADER_SIZE && user_version == 0 && header[100] == 13
      && header[103] == 0 && header[104] == 0)
    {
      *out_kind = FILE_EMPTY;
      return TRUE;
    }
  set_error_for_code (path, SQLITE_NOTADB, NULL, error);
  return FALSE;
}

/* Tells "cannot write there" apart from other failures before SQLite does,
 * because SQLite silently opens a write-protected file read-only. Makes the
 * folder only when the database is to be created. */
static gboolean
check_writable (const char  *path,
                gboolean     make_folder,
                GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);

  if (make_folder && g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved = errno;

      if (saved == EACCES || saved == EROFS || saved == EPERM)
        set_error_for_code (path, SQLITE_READONLY, NULL, error);
      else
        set_error_for_code (path, SQLITE_CANTOPEN, g_strerror (saved), error);
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
 * 0600; SQLite then gives the -wal and -shm files the mode of the database. */
static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      int saved = errno;

      /* Someone else made it meanwhile: its identity is checked again
       * once it is open (confirm_identity). */
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

/* An existing database open to its group or to everyone is narrowed to
 * 0600 (issue 6, item 8). A SQLite file is one desk's database: one OS
 * account reads and writes it. Several desks share a PostgreSQL server,
 * where the server enforces the roles (README: "Several desks"); a file
 * shared through group permissions would let every member of the group
 * read everyone's data and rewrite the access log, so no setting keeps it
 * open. When the mode cannot be changed (the file belongs to another
 * account), the database still opens and the log says why it stays open. */
static void
narrow_mode (const char *path,
             gboolean    quietly)
{
  GStatBuf file_stat;
  mode_t mode;

  if (g_stat (path, &file_stat) != 0)
    return;
  mode = file_stat.st_mode & 07777;
  if ((mode & 077) == 0)
    return;
  if (g_chmod (path, 0600) != 0)
    g_warning ("The database %s is open to other accounts (mode %04o) and could not be "
               "narrowed to 0600: %s", path, (guint) mode, g_strerror (errno));
  else if (quietly)
    g_debug ("The new database %s was made 0600 (it was %04o)", path, (guint) mode);
  else
    g_message ("The database %s was open to other accounts (mode %04o); it is now 0600",
               path, (guint) mode);
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

/* PRAGMA data_version: a number that changes when another connection (this
 * process's or another's) commits to the database file, and not for this
 * connection's own commits (https://sqlite.org/pragma.html#pragma_data_version).
 * In WAL mode it looks at the log's index in shared memory only: no page of
 * data is read, and no lock is kept (issue 6, 6; about 10 µs). */
static gboolean
sqlite_changes_elsewhere (KhDb     *db,
                          gint64   *out_mark,
                          GError  **error)
{
  g_autoptr(KhDbStmt) stmt = _kh_db_prepare (db, "PRAGMA data_version", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = _kh_db_step (stmt);
  if (rc != KH_DB_ROW)
    {
      _kh_db_set_error (db, rc, error);
      return FALSE;
    }
  *out_mark = _kh_db_column_int64 (stmt, 0);
  return TRUE;
}

static void
sqlite_close (KhDb *db)
{
  sqlite3_close (db->handle);
  db->handle = NULL;
}

static const KhDbFragment sqlite_fragments[] = {
  { "client_address", "c.address, c.postal_code, c.city" },
  { "earlier_log_rows", "1 = 1" },
  { "client_join", "" },
  /* The folded name words: written by the program here (0002-sort-keys.sql). */
  { "set_search_text", "search_text = ?19, " },
  { "search_text_column", ", search_text" },
  { "search_text_value", ", ?19" },
  { "log_access", "INSERT INTO access_log (at, user_id, client_id, what, basis) "
                  "VALUES (?1, ?2, ?3, ?4, ?5)" },
  /* Issue 6, 7: the user's own contact with request id ?1
   * (data/sql/0020-request-ids.sql). */
  { "intake_by_request", "SELECT k.id, coalesce (k.client_id, 0), "
                         "coalesce (cs.id, k.attached_case_id, 0), cs.assessment_deadline, "
                         "k.attached_case_id IS NOT NULL "
                         "FROM contacts k LEFT JOIN cases cs ON cs.contact_id = k.id "
                         "WHERE k.request_id = ?1 AND k.created_by = ?2" },
  /* A user's team (?1 account, ?2 team or NULL): data/sql/0023-teams.sql. */
  { "set_user_team", "UPDATE users SET team_id = ?2 WHERE account = ?1 RETURNING id" },
  /* The person's assessment versions for the timeline (kh-db-timeline.c). */
  { "timeline_assessments", "assessments" },
  /* The person's plans for the timeline (data/sql/0035-client-plans.sql). */
  { "timeline_plans", "timeline_plans" },
  { NULL, NULL }
};

static const KhDbEngine sqlite_engine = {
  .fragments = sqlite_fragments,
  .writes_name_words = TRUE,
  .name = "SQLite",
  .begin_sql = "BEGIN IMMEDIATE",
  .read_begin_sql = "BEGIN",
  .client_chains_log = TRUE,
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
  .name_match = sqlite_name_match,
  .clients_in_order = "clients c INDEXED BY clients_sort",
  .position_function = "instr",
  .json_values_1 = "SELECT value FROM json_each (?1)",
  .collate_names = "COLLATE KH_FI",
  .bulk_load_sql = "PRAGMA cache_size = -65536",
  .save_user_sql = "INSERT INTO users (account, display_name, role, active, created_at) "
                   "VALUES (?1, ?2, ?3, ?4, ?5) "
                   "ON CONFLICT (account) DO UPDATE SET "
                   "  display_name = coalesce (excluded.display_name, display_name), "
                   "  role = excluded.role, active = excluded.active "
                   "RETURNING id",
  .changes_elsewhere = sqlite_changes_elsewhere,
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

/* SQLite's answer, once the file is open for writing and before anything
 * is written: it reads the -wal file too, and the file may have been
 * replaced since identify_file looked at it. */
static gboolean
confirm_identity (KhDb     *db,
                  FileKind  kind,
                  GError  **error)
{
  int application_id = 0;
  int n_objects = 0;

  if (!query_int (db, "PRAGMA application_id", &application_id, error))
    return FALSE;
  if (application_id == KH_APPLICATION_ID)
    return TRUE;
  if (kind != FILE_KOHTAAMO && application_id == 0)
    {
      if (!query_int (db, "SELECT count(*) FROM sqlite_schema", &n_objects, error))
        return FALSE;
      if (n_objects == 0)
        return TRUE;
    }
  set_error_for_code (db->path, SQLITE_NOTADB, NULL, error);
  return FALSE;
}

/* Runs quick_check (the whole database, or one table and its indexes) on
 * any connection; DAMAGED when it reports anything but "ok". */
static gboolean
quick_check_handle (sqlite3     *handle,
                    const char  *path,
                    const char  *table,
                    GError     **error)
{
  g_autofree char *sql = table ? g_strdup_printf ("PRAGMA quick_check(%s)", table)
                               : g_strdup ("PRAGMA quick_check");
  sqlite3_stmt *stmt = NULL;
  gboolean damaged = FALSE;
  int rc;

  rc = sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (line, "ok") != 0)
        {
          /* The first line says where; for whoever restores. */
          if (!damaged)
            g_warning ("quick_check of %s: %s", path, line ? line : "?");
          damaged = TRUE;
        }
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK && rc != SQLITE_DONE)
    {
      set_error_for_code (path, rc, sqlite3_errmsg (handle), error);
      return FALSE;
    }
  if (damaged)
    {
      set_error_for_code (path, SQLITE_CORRUPT, NULL, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
quick_check (KhDb        *db,
             const char  *table,
             GError     **error)
{
  return quick_check_handle (db->handle, db->path, table, error);
}

/* Up to this size the whole file is checked at every open: about a tenth
 * of a second on a shared 2-core machine (16 MiB: some 15 000 people). */
#define CHECK_ALL_BELOW_BYTES (16 * 1024 * 1024)
/* Larger ones (100 000 people: 100 MiB, 1.2 s) have these checked at every
 * open; the whole file at kohtaamo-admin's commands (KH_DB_OPEN_CHECK_ALL),
 * its backup and its check command, and any damaged page SQLite meets in
 * use is DAMAGED too. */
static const char * const small_tables[] = { "users", "settings", "services", "closed_days" };

static gboolean
check_pages (KhDb      *db,
             gboolean   all,
             GError   **error)
{
  int page_size = 0;
  int page_count = 0;

  if (!all)
    {
      if (!query_int (db, "PRAGMA page_size", &page_size, error) ||
          !query_int (db, "PRAGMA page_count", &page_count, error))
        return FALSE;
      all = (gint64) page_size * page_count <= CHECK_ALL_BELOW_BYTES;
    }
  if (all)
    return quick_check (db, NULL, error);

  for (guint i = 0; i < G_N_ELEMENTS (small_tables); i++)
    if (!quick_check (db, small_tables[i], error))
      return FALSE;
  return TRUE;
}

/**
 * kh_db_check:
 *
 * SQLite's quick_check of every page, in a read transaction: others go on
 * writing meanwhile (WAL).
 */
gboolean
kh_db_check (KhDb    *db,
             GError **error)
{
  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!IS_SQLITE (db))
    return TRUE;
  return quick_check (db, NULL, error);
}

static void
set_no_database_error (const char  *path,
                       GError     **error)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND,
               /* Translators: %s is a file name */
               _("There is no Kohtaamo database at “%s”. Check the path; a new database is created with “kohtaamo-admin init”."),
               name);
}

/**
 * kh_db_open_full:
 * @path: the database file
 * @flags: whether to create it, and how much of it to check
 *
 * Opens a Kohtaamo database and migrates it to the newest schema, each
 * migration in a transaction of its own. Nothing is written to the file,
 * nor made beside it, before it is known to be a Kohtaamo database (or
 * empty, with %KH_DB_OPEN_CREATE) and its pages have been checked.
 *
 * Returns: (transfer full): the database, or %NULL with @error set
 *   (NOT_FOUND, NOT_A_DATABASE, DAMAGED, READ_ONLY, LOCKED, TOO_NEW or
 *   FAILED).
 */
KhDb *
_kh_db_sqlite_open_full (const char     *path,
                         KhDbOpenFlags   flags,
                         GError        **error)
{
  g_autoptr(KhDb) db = NULL;
  FileKind kind;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* 1. What is there, from its bytes. */
  if (!identify_file (path, &kind, error))
    return NULL;
  if (kind != FILE_KOHTAAMO && !(flags & KH_DB_OPEN_CREATE))
    {
      set_no_database_error (path, error);
      return NULL;
    }

  /* 2. Ours (or nothing yet): make it, or narrow its mode. */
  if (!check_writable (path, kind == FILE_MISSING, error))
    return NULL;
  if (kind == FILE_MISSING && !create_private_file (path, error))
    return NULL;
  /* An empty file becomes a database now: no need to tell. */
  narrow_mode (path, kind != FILE_KOHTAAMO);
  restrict_side_files (path);

  /* 3. Open for writing, and let SQLite confirm before the first write. */
  db = open_handle (path, SQLITE_OPEN_READWRITE, error);
  if (db == NULL)
    return NULL;
  if (sqlite3_db_readonly (db->handle, "main") == 1)
    {
      set_error_for_code (path, SQLITE_READONLY, NULL, error);
      return NULL;
    }
  if (!configure (db, error))
    return NULL;
  if (!confirm_identity (db, kind, error))
    return NULL;
  if (kind == FILE_KOHTAAMO && !check_pages (db, (flags & KH_DB_OPEN_CHECK_ALL) != 0, error))
    return NULL;

  /* 4. Only now the first writes. */
  if (!_kh_db_exec (db, "PRAGMA journal_mode = WAL", error))
    return NULL;
  /* Power loss (issue 6, item 8). In WAL mode NORMAL loses no committed
   * transaction on a program crash, and the database stays consistent on
   * power loss, but the last commits before it may be lost: they are in
   * the -wal file, not yet forced to the disk. A saved record (an intake,
   * a person, a correction, a user) is the unit's legal record and the
   * person at the desk was told it was saved, so such a commit waits for
   * the disk as FULL would (sqlite_exec). A commit that wrote only
   * access-log rows of a read (every search) does not: FULL there costs
   * 4-9 ms a keystroke (README, "The database file"); its rows reach the
   * disk with the next saved record or checkpoint, seconds later. */
  if (!_kh_db_exec (db, "PRAGMA synchronous = NORMAL", error))
    return NULL;
  sqlite3_update_hook (db->handle, update_hook_cb, db);

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
_kh_db_sqlite_open_read_only (const char  *path,
                              GError     **error)
{
  g_autoptr(KhDb) db = NULL;
  FileKind kind;
  int version = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!identify_file (path, &kind, error))
    return NULL;
  if (kind != FILE_KOHTAAMO)
    {
      set_no_database_error (path, error);
      return NULL;
    }

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

/* ---- backup and restore (issue 6, item 8) ---- */

static int
handle_count (sqlite3     *handle,
              const char  *sql,
              gint64      *out)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *out = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  return rc;
}

/* The counts a backup is compared by, read in the caller's snapshot. */
static int
read_counts (sqlite3    *handle,
             KhDbCounts *counts)
{
  gint64 version = 0;
  int rc;

  *counts = (KhDbCounts) { 0 };
  rc = handle_count (handle, "SELECT count(*) FROM clients", &counts->people);
  if (rc == SQLITE_OK)
    rc = handle_count (handle, "SELECT count(*) FROM contacts", &counts->contacts);
  if (rc == SQLITE_OK)
    rc = handle_count (handle, "SELECT count(*) FROM cases", &counts->cases);
  if (rc == SQLITE_OK)
    rc = handle_count (handle, "SELECT count(*) FROM users", &counts->users);
  if (rc == SQLITE_OK)
    rc = handle_count (handle, "SELECT count(*) FROM access_log", &counts->log_rows);
  if (rc == SQLITE_OK)
    rc = handle_count (handle, "PRAGMA user_version", &version);
  counts->schema_version = (int) version;
  return rc;
}

static gboolean
counts_equal (const KhDbCounts *a,
              const KhDbCounts *b)
{
  return a->people == b->people && a->contacts == b->contacts && a->cases == b->cases
         && a->users == b->users && a->log_rows == b->log_rows
         && a->schema_version == b->schema_version;
}

static gboolean
fsync_path (const char  *path,
            gboolean     directory,
            GError     **error)
{
  int fd = g_open (path, (directory ? O_RDONLY | O_DIRECTORY : O_RDWR) | O_CLOEXEC, 0);
  int saved = 0;

  if (fd < 0 || fsync (fd) != 0)
    saved = errno;
  if (fd >= 0)
    close (fd);
  if (saved != 0)
    {
      set_error_for_code (path, SQLITE_CANTOPEN, g_strerror (saved), error);
      return FALSE;
    }
  return TRUE;
}

static void
remove_with_side_files (const char *path)
{
  static const char * const suffixes[] = { "", "-journal", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

/**
 * kh_db_backup:
 *
 * See kh-db.h. The copy is a single file (rollback journal, not WAL), so
 * that it can be moved and stored as it is.
 */
gboolean
kh_db_backup (KhDb        *db,
              const char  *dest,
              KhDbCounts  *out_counts,
              GError     **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp = NULL;
  KhDbCounts source_counts, copy_counts;
  sqlite3 *out = NULL;
  sqlite3_backup *backup;
  FileKind kind;
  int fd;
  int rc;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (dest != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  g_return_val_if_fail (IS_SQLITE (db), FALSE);
  g_return_val_if_fail (!sqlite_in_transaction (db), FALSE);

  /* Never over another program's file (or a typo's victim). */
  if (!identify_file (dest, &kind, error))
    return FALSE;

  folder = g_path_get_dirname (dest);
  base = g_path_get_basename (dest);
  tmp = g_strdup_printf ("%s/.%s.XXXXXX", folder, base);
  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;

      set_error_for_code (dest, saved == EACCES || saved == EROFS ? SQLITE_READONLY
                                                                  : SQLITE_CANTOPEN,
                          g_strerror (saved), error);
      return FALSE;
    }
  close (fd);

  rc = sqlite3_open_v2 (tmp, &out, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);

  /* One read transaction: the counts and every copied page are the same
   * snapshot, whatever the others write meanwhile (WAL). */
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db->handle, "BEGIN", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    {
      rc = read_counts (db->handle, &source_counts);
      if (rc == SQLITE_OK)
        {
          backup = sqlite3_backup_init (out, "main", db->handle, "main");
          if (backup == NULL)
            rc = sqlite3_errcode (out);
          else
            {
              rc = sqlite3_backup_step (backup, -1);
              rc = rc == SQLITE_DONE ? sqlite3_backup_finish (backup)
                                     : (sqlite3_backup_finish (backup), rc);
            }
        }
      sqlite3_exec (db->handle, "COMMIT", NULL, NULL, NULL);
    }
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (out, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      set_error_for_code (dest, rc, out ? sqlite3_errmsg (out) : NULL, error);
      sqlite3_close (out);
      remove_with_side_files (tmp);
      return FALSE;
    }

  /* The copy, checked as a restore would check it. */
  if (!quick_check_handle (out, dest, NULL, error))
    {
      sqlite3_close (out);
      remove_with_side_files (tmp);
      return FALSE;
    }
  rc = read_counts (out, &copy_counts);
  sqlite3_close (out);
  if (rc != SQLITE_OK || !counts_equal (&source_counts, &copy_counts))
    {
      g_autofree char *name = g_filename_display_name (dest);

      remove_with_side_files (tmp);
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_FAILED,
                   /* Translators: %s is a file name */
                   _("The backup “%s” does not match the database; nothing was written. Try again."),
                   name);
      return FALSE;
    }

  /* On the disk before its name is, and its name before we say so. */
  if (!fsync_path (tmp, FALSE, error) || g_chmod (tmp, 0600) != 0)
    {
      remove_with_side_files (tmp);
      return FALSE;
    }
  if (g_rename (tmp, dest) != 0)
    {
      int saved = errno;

      remove_with_side_files (tmp);
      set_error_for_code (dest, SQLITE_CANTOPEN, g_strerror (saved), error);
      return FALSE;
    }
  if (!fsync_path (folder, TRUE, error))
    return FALSE;

  if (out_counts != NULL)
    *out_counts = source_counts;
  return TRUE;
}

/* A backup file opened read-only: without -wal beside it, as immutable, so
 * that not even a -shm file is made beside it. */
static sqlite3 *
open_backup (const char  *backup,
             GError     **error)
{
  g_autofree char *wal = g_strconcat (backup, "-wal", NULL);
  g_autofree char *uri = NULL;
  sqlite3 *handle = NULL;
  int rc;

  if (!g_file_test (wal, G_FILE_TEST_EXISTS))
    {
      g_autofree char *absolute = g_canonicalize_filename (backup, NULL);
      g_autofree char *escaped = g_uri_escape_string (absolute, "/", FALSE);

      uri = g_strdup_printf ("file:%s?immutable=1", escaped);
    }
  rc = sqlite3_open_v2 (uri ? uri : backup, &handle,
                        SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      set_error_for_code (backup, rc, handle ? sqlite3_errmsg (handle) : NULL, error);
      sqlite3_close (handle);
      return NULL;
    }
  sqlite3_extended_result_codes (handle, 1);
  return handle;
}

/**
 * kh_db_check_backup:
 *
 * See kh-db.h.
 */
gboolean
kh_db_check_backup (const char  *backup,
                    const char  *account,
                    gboolean     accept_broken_log,
                    char       **out_log_problem,
                    KhDbCounts  *out_counts,
                    GError     **error)
{
  g_autofree char *name = NULL;
  KhDbCounts counts;
  sqlite3 *handle;
  sqlite3_stmt *stmt = NULL;
  gint64 application_id = 0;
  gboolean administrator = FALSE;
  FileKind kind;
  int rc;

  g_return_val_if_fail (backup != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!identify_file (backup, &kind, error))
    return FALSE;
  if (kind != FILE_KOHTAAMO)
    {
      if (kind == FILE_MISSING)
        set_no_database_error (backup, error);
      else
        set_error_for_code (backup, SQLITE_NOTADB, NULL, error);
      return FALSE;
    }

  handle = open_backup (backup, error);
  if (handle == NULL)
    return FALSE;
  rc = handle_count (handle, "PRAGMA application_id", &application_id);
  if (rc == SQLITE_OK && application_id != KH_APPLICATION_ID)
    rc = SQLITE_NOTADB;
  if (rc != SQLITE_OK)
    {
      set_error_for_code (backup, rc, sqlite3_errmsg (handle), error);
      sqlite3_close (handle);
      return FALSE;
    }
  rc = read_counts (handle, &counts);
  if (rc != SQLITE_OK)
    {
      set_error_for_code (backup, rc, sqlite3_errmsg (handle), error);
      sqlite3_close (handle);
      return FALSE;
    }
  name = g_filename_display_name (backup);
  if (counts.schema_version > kh_db_get_latest_version ())
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_TOO_NEW,
                   /* Translators: %s is a file name; the numbers are schema versions */
                   _("The database “%s” was made by a newer version of Kohtaamo (schema %d; this version knows %d). Update Kohtaamo to open it."),
                   name, counts.schema_version, kh_db_get_latest_version ());
      sqlite3_close (handle);
      return FALSE;
    }
  if (!quick_check_handle (handle, backup, NULL, error))
    {
      sqlite3_close (handle);
      return FALSE;
    }

  if (account != NULL)
    {
      rc = sqlite3_prepare_v2 (handle, "SELECT count(*) FROM users "
                               "WHERE account = ?1 AND active = 1 AND role = ?2",
                               -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        {
          sqlite3_bind_text (stmt, 1, account, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int (stmt, 2, KH_ROLE_ADMIN);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            administrator = sqlite3_column_int (stmt, 0) > 0;
        }
      sqlite3_finalize (stmt);
      if (!administrator)
        {
          g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION,
                       /* Translators: %s is an OS account, then a file name */
                       _("Only an administrator may restore a backup; the account “%s” is not an active administrator in “%s”."),
                       account, name);
          sqlite3_close (handle);
          return FALSE;
        }
    }

  /* The access log's chain (issue 6, 4 and 8): a backup is the log of
   * years of reads, and a restore must not put back one that was changed
   * behind the triggers' back without saying so. Its own walk, on the
   * backup's read-only connection: nothing is written. */
  if (counts.schema_version >= CHAIN_SCHEMA_VERSION)
    {
      g_autoptr(KhDb) wrapped = _kh_db_new (&sqlite_engine, backup);
      g_autoptr(KhUser) verifier = kh_user_new ();
      KhLogVerifyResult result;

      wrapped->handle = g_steal_pointer (&handle);
      wrapped->read_only = TRUE;
      /* kh_db_verify_access_log asks for the role of who verifies: here
       * the restore, whose right comes from the backup (above). */
      verifier->account = g_strdup ("kohtaamo-admin restore");
      verifier->role = KH_ROLE_ADMIN;
      verifier->active = TRUE;
      if (!kh_db_verify_access_log (wrapped, verifier, NULL, &result, error))
        return FALSE;
      if (result.status != KH_LOG_CHAIN_INTACT)
        {
          g_autofree char *found = kh_log_verify_result_describe (&result, NULL);

          if (!accept_broken_log)
            {
              g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                           /* Translators: %s says what is wrong with the access log */
                           _("%s Nothing was restored. To restore the backup with its log as it "
                             "is, run the restore again with --accept-broken-log: log verify "
                             "will then go on naming the same row."),
                           found);
              return FALSE;
            }
          if (out_log_problem != NULL)
            *out_log_problem = g_steal_pointer (&found);
        }
    }
  else
    sqlite3_close (handle);
  if (out_counts != NULL)
    *out_counts = counts;
  return TRUE;
}

/**
 * kh_db_restore:
 *
 * See kh-db.h.
 */
gboolean
kh_db_restore (const char  *backup,
               const char  *path,
               gboolean     accept_broken_log,
               KhDbCounts  *out_counts,
               GError     **error)
{
  g_autoptr(KhDb) restored = NULL;
  KhDbCounts counts;
  sqlite3 *target = NULL;
  sqlite3 *source = NULL;
  sqlite3_backup *copy;
  FileKind kind;
  int rc;

  g_return_val_if_fail (backup != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!kh_db_check_backup (backup, NULL, accept_broken_log, NULL, &counts, error))
    return FALSE;

  /* Only over a Kohtaamo database (damaged pages or not) or nothing. */
  if (!identify_file (path, &kind, error))
    return FALSE;
  if (!check_writable (path, kind == FILE_MISSING, error))
    return FALSE;
  if (kind == FILE_MISSING && !create_private_file (path, error))
    return FALSE;

  source = open_backup (backup, error);
  if (source == NULL)
    return FALSE;
  rc = sqlite3_open_v2 (path, &target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_extended_result_codes (target, 1);
      /* Kept after the empty transaction: no other connection, in this
       * program or another, may read or write until the copy is done. A
       * Kohtaamo that has the database open makes this BUSY: LOCKED. */
      rc = sqlite3_exec (target, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; COMMIT",
                         NULL, NULL, NULL);
    }
  if (rc == SQLITE_OK)
    {
      /* One write transaction: all pages or none. */
      copy = sqlite3_backup_init (target, "main", source, "main");
      if (copy == NULL)
        rc = sqlite3_errcode (target);
      else
        {
          rc = sqlite3_backup_step (copy, -1);
          rc = rc == SQLITE_DONE ? sqlite3_backup_finish (copy)
                                 : (sqlite3_backup_finish (copy), rc);
        }
    }
  if (rc != SQLITE_OK)
    {
      set_error_for_code (path, rc, target ? sqlite3_errmsg (target) : NULL, error);
      sqlite3_close (source);
      sqlite3_close (target);
      return FALSE;
    }
  sqlite3_close (source);
  /* The database's own journal mode again, and the lock let go. */
  sqlite3_exec (target, "PRAGMA journal_mode = WAL; PRAGMA locking_mode = NORMAL; "
                        "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
  sqlite3_close (target);

  /* Opened as Kohtaamo opens it: migrated if the backup is older, checked. */
  restored = kh_db_open_full (path, KH_DB_OPEN_EXISTING | KH_DB_OPEN_CHECK_ALL, error);
  if (restored == NULL)
    return FALSE;
  if (out_counts != NULL)
    *out_counts = counts;
  return TRUE;
}

/* ---- imports that do not hold the write lock (issue 6, item 8) ---- */

/* Every engine: one write transaction for the whole import. */
static gboolean
import_in_one_transaction (KhDb       *db,
                           KhUser     *user,
                           GPtrArray  *clients,
                           int        *out_failed,
                           GError    **error)
{
  if (!kh_db_prepare_bulk_load (db, error) || !kh_db_begin (db, error))
    return FALSE;
  for (guint i = 0; i < clients->len; i++)
    {
      if (kh_db_insert_client_bulk (db, user, g_ptr_array_index (clients, i), error) > 0)
        continue;
      kh_db_rollback (db);
      *out_failed = (int) i;
      return FALSE;
    }
  if (!kh_db_rebuild_search_index (db, error) || !kh_db_commit (db, error))
    {
      kh_db_rollback (db);
      return FALSE;
    }
  return TRUE;
}

/* "a, b, c" and "a + ?1, b, c": the table's columns as the migrations made
 * them, with `shifted` moved by the ids' offset. Read from the schema, so
 * that no second list of the columns exists to keep in step. */
static gboolean
staged_columns (KhDb        *db,
                const char  *table,
                const char  *shifted,
                char       **out_names,
                char       **out_values,
                GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT name FROM pragma_table_info('%s', 'main') "
                                          "ORDER BY cid", table);
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(GString) values = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db->handle, sql, -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);

      if (names->len > 0)
        {
          g_string_append (names, ", ");
          g_string_append (values, ", ");
        }
      g_string_append_printf (names, "\"%s\"", name);
      if (g_str_equal (name, shifted))
        g_string_append_printf (values, "\"%s\" + ?1", name);
      else
        g_string_append_printf (values, "\"%s\"", name);
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_OK)
    {
      _kh_db_set_error (db, rc, error);
      return FALSE;
    }
  *out_names = g_string_free (g_steal_pointer (&names), FALSE);
  *out_values = g_string_free (g_steal_pointer (&values), FALSE);
  return TRUE;
}

static int
exec_with_offset (KhDb       *db,
                  const char *sql,
                  gint64      offset)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db->handle, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, offset);
      rc = sqlite3_step (stmt);
      rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
  sqlite3_finalize (stmt);
  return rc;
}

/* The publishing transaction: the staged people get the ids after the
 * database's last one, their name words follow them, and the name index
 * takes them one by one (its triggers), which costs a fraction of
 * rebuilding it for everyone. */
static gboolean
publish_staged (KhDb     *db,
                int      *out_failed,
                GError  **error)
{
  g_autofree char *client_names = NULL, *client_values = NULL;
  g_autofree char *word_names = NULL, *word_values = NULL;
  g_autofree char *insert_clients = NULL;
  g_autofree char *insert_words = NULL;
  gint64 offset = 0;
  int rc;

  if (!staged_columns (db, "clients", "id", &client_names, &client_values, error) ||
      !staged_columns (db, "client_words", "client_id", &word_names, &word_values, error))
    return FALSE;
  insert_clients = g_strdup_printf ("INSERT INTO main.clients (%s) SELECT %s "
                                    "FROM kh_staging.clients ORDER BY id",
                                    client_names, client_values);
  insert_words = g_strdup_printf ("INSERT INTO main.client_words (%s) SELECT %s "
                                  "FROM kh_staging.client_words",
                                  word_names, word_values);

  rc = sqlite3_exec (db->handle, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    {
      gint64 last = 0;

      rc = handle_count (db->handle, "SELECT coalesce(max(id), 0) FROM main.clients", &last);
      offset = last;
    }
  if (rc == SQLITE_OK)
    rc = exec_with_offset (db, insert_clients, offset);
  if (rc == SQLITE_OK)
    rc = exec_with_offset (db, insert_words, offset);
  if (rc == SQLITE_OK)
    rc = sqlite_exec (db, "COMMIT");
  if (rc == SQLITE_OK)
    return TRUE;

  if ((rc & 0xff) == SQLITE_CONSTRAINT
      && sqlite3_extended_errcode (db->handle) == SQLITE_CONSTRAINT_UNIQUE)
    {
      gint64 staged_id = 0;

      /* Another desk saved one of these codes after the import's check. */
      sqlite3_exec (db->handle, "ROLLBACK", NULL, NULL, NULL);
      if (handle_count (db->handle, "SELECT s.id FROM kh_staging.clients s "
                                    "JOIN main.clients m ON m.identity_code = s.identity_code "
                                    "ORDER BY s.id LIMIT 1", &staged_id) == SQLITE_OK
          && staged_id > 0)
        *out_failed = (int) (staged_id - 1);
      g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_DUPLICATE_CODE,
                           _("identity code already in the database"));
      return FALSE;
    }
  _kh_db_set_error (db, rc, error);
  if (sqlite_in_transaction (db))
    sqlite3_exec (db->handle, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

/**
 * kh_db_import_clients:
 *
 * See kh-db.h. The law's all-or-nothing holds: nobody in the staging file
 * is visible to anyone until the one publishing transaction commits them
 * all, and a failure anywhere leaves the database as it was.
 */
gboolean
kh_db_import_clients (KhDb       *db,
                      KhUser     *user,
                      GPtrArray  *clients,
                      int        *out_failed,
                      GError    **error)
{
  g_autoptr(KhDb) staging = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *staging_path = NULL;
  int failed = -1;
  gboolean ok = FALSE;
  int fd;
  int rc;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (KH_IS_USER (user), FALSE);
  g_return_val_if_fail (clients != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (out_failed == NULL)
    out_failed = &failed;
  *out_failed = -1;
  if (!_kh_db_check_role (db, user, KH_ROLE_ADMIN, error))
    return FALSE;
  if (!IS_SQLITE (db))
    return import_in_one_transaction (db, user, clients, out_failed, error);

  /* Beside the database: the same folder, the same protection, 0600. */
  folder = g_path_get_dirname (db->path);
  staging_path = g_build_filename (folder, ".kohtaamo-import-XXXXXX", NULL);
  fd = g_mkstemp_full (staging_path, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      set_error_for_code (db->path, SQLITE_CANTOPEN, g_strerror (errno), error);
      return FALSE;
    }
  close (fd);

  /* 1. The slow part, holding no lock on the database. */
  staging = kh_db_open (staging_path, error);
  if (staging != NULL)
    ok = import_in_one_transaction (staging, user, clients, out_failed, error);
  g_clear_pointer (&staging, kh_db_close);

  /* 2. One short transaction. */
  if (ok)
    {
      sqlite3_stmt *attach = NULL;

      rc = sqlite3_prepare_v2 (db->handle, "ATTACH ?1 AS kh_staging", -1, &attach, NULL);
      if (rc == SQLITE_OK)
        {
          sqlite3_bind_text (attach, 1, staging_path, -1, SQLITE_TRANSIENT);
          rc = sqlite3_step (attach);
          rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
        }
      sqlite3_finalize (attach);
      if (rc != SQLITE_OK)
        {
          _kh_db_set_error (db, rc, error);
          ok = FALSE;
        }
      else
        {
          ok = publish_staged (db, out_failed, error);
          sqlite3_exec (db->handle, "DETACH kh_staging", NULL, NULL, NULL);
        }
    }

  remove_with_side_files (staging_path);
  return ok;
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
