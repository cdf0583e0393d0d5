/* kh-db.c — opening, migrating and guarding the SQLite database
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

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "core/kh-text.h"
#include "store/kh-db-private.h"

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
  "0017-live-changes.sql",
};

G_DEFINE_QUARK (kh-store-error-quark, kh_store_error)

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

void
_kh_db_set_error (KhDb    *db,
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

/* ---- statements ---- */

void
_kh_db_stmt_release (KhDbStmt *stmt)
{
  if (stmt != NULL)
    sqlite3_reset (stmt);
}

KhDbStmt *
_kh_db_prepare (KhDb        *db,
                const char  *sql,
                GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (db->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (db->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      g_warning ("Cannot prepare “%s”: %s", sql, sqlite3_errmsg (db->handle));
      _kh_db_set_error (db, rc, error);
      return NULL;
    }
  g_hash_table_insert (db->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
_kh_db_step_done (KhDb          *db,
                  sqlite3_stmt  *stmt,
                  GError       **error)
{
  int rc = sqlite3_step (stmt);

  /* The error first: the reset must not change what the connection says. */
  if (rc != SQLITE_DONE)
    _kh_db_set_error (db, rc, error);
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE;
}

gboolean
_kh_db_read_rows (KhDb          *db,
                  sqlite3_stmt  *stmt,
                  KhDbRowFunc    from_row,
                  GPtrArray     *rows,
                  GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, from_row (stmt));
  if (rc != SQLITE_DONE)
    _kh_db_set_error (db, rc, error);
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE;
}

gboolean
_kh_db_exec (KhDb        *db,
             const char  *sql,
             GError     **error)
{
  int rc = sqlite3_exec (db->handle, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      _kh_db_set_error (db, rc, error);
      return FALSE;
    }
  return TRUE;
}

void
_kh_db_bind_text (sqlite3_stmt *stmt,
                  int           index,
                  const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

void
_kh_db_bind_id (sqlite3_stmt *stmt,
                int           index,
                gint64        id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

char *
_kh_db_column_text (sqlite3_stmt *stmt,
                    int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return text != NULL && text[0] != '\0' ? g_strdup ((const char *) text) : NULL;
}

GDateTime *
_kh_db_column_time (sqlite3_stmt *stmt,
                    int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;
  return g_date_time_new_from_unix_local (sqlite3_column_int64 (stmt, column));
}

gint64
_kh_db_now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

const char *
_kh_db_ui_language (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_has_prefix (names[i], "sv"))
        return "sv";
      if (g_str_has_prefix (names[i], "fi"))
        return "fi";
    }
  return "fi";
}

/* ---- transactions ---- */

gboolean
_kh_db_tx_begin (KhDb      *db,
                 gboolean  *own,
                 GError   **error)
{
  *own = sqlite3_get_autocommit (db->handle) != 0;
  /* IMMEDIATE: take the write lock now, so that a read-then-write
   * transaction cannot deadlock against another writer half-way. Inside a
   * caller's transaction a savepoint keeps each operation whole. */
  return _kh_db_exec (db, *own ? "BEGIN IMMEDIATE" : "SAVEPOINT kh_operation", error);
}

gboolean
_kh_db_tx_end (KhDb      *db,
               gboolean   own,
               gboolean   ok,
               GError   **error)
{
  int rc;

  if (!own)
    {
      if (!ok)
        sqlite3_exec (db->handle, "ROLLBACK TO kh_operation", NULL, NULL, NULL);
      rc = sqlite3_exec (db->handle, "RELEASE kh_operation", NULL, NULL, NULL);
      if (ok && rc != SQLITE_OK)
        {
          _kh_db_set_error (db, rc, error);
          return FALSE;
        }
      return ok;
    }
  if (ok)
    {
      rc = sqlite3_exec (db->handle, "COMMIT", NULL, NULL, NULL);
      if (rc == SQLITE_OK)
        return TRUE;
      _kh_db_set_error (db, rc, error);
    }
  if (!sqlite3_get_autocommit (db->handle))
    sqlite3_exec (db->handle, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

gboolean
_kh_db_tx_finish (KhDb      *db,
                  gboolean   own,
                  GError    *local_error,
                  GError   **error)
{
  if (!_kh_db_tx_end (db, own, local_error == NULL, &local_error))
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

/**
 * kh_db_begin:
 *
 * Opens an explicit write transaction for bulk work. Functions called inside
 * it do not commit; kh_db_commit() or kh_db_rollback() ends it.
 */
gboolean
kh_db_begin (KhDb    *db,
             GError **error)
{
  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (!db->explicit_transaction, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_kh_db_exec (db, "BEGIN IMMEDIATE", error))
    return FALSE;
  db->explicit_transaction = TRUE;
  db->fts_deferred = FALSE;
  return TRUE;
}

gboolean
kh_db_commit (KhDb    *db,
              GError **error)
{
  int rc;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (db->explicit_transaction, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* A bulk load deferred the search index: rebuild it once, in the same
   * transaction, so that no committed state lacks it. */
  if (db->fts_deferred)
    {
      if (!_kh_db_exec (db,
                        "DELETE FROM settings WHERE key = 'fts_deferred';"
                        "INSERT INTO clients_fts (clients_fts) VALUES ('rebuild');",
                        error))
        {
          kh_db_rollback (db);
          return FALSE;
        }
      db->fts_deferred = FALSE;
    }

  rc = sqlite3_exec (db->handle, "COMMIT", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      _kh_db_set_error (db, rc, error);
      kh_db_rollback (db);
      return FALSE;
    }
  db->explicit_transaction = FALSE;
  return TRUE;
}

void
kh_db_rollback (KhDb *db)
{
  g_return_if_fail (db != NULL);

  if (!sqlite3_get_autocommit (db->handle))
    sqlite3_exec (db->handle, "ROLLBACK", NULL, NULL, NULL);
  db->explicit_transaction = FALSE;
  db->fts_deferred = FALSE;
  g_clear_pointer (&db->calendar, kh_calendar_unref);
}

gboolean
_kh_db_defer_search_index (KhDb    *db,
                           GError **error)
{
  if (db->fts_deferred || !db->explicit_transaction)
    return TRUE;
  if (!_kh_db_exec (db,
                    "INSERT OR REPLACE INTO settings (key, value) VALUES ('fts_deferred', '1')",
                    error))
    return FALSE;
  db->fts_deferred = TRUE;
  return TRUE;
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

/* ---- sort keys and folded names (0002-sort-keys.sql) ---- */

GPtrArray *
_kh_db_fold_words (const char *text)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *decomposed = NULL;
  GString *word = g_string_new (NULL);

  /* As unicode61 with remove_diacritics 2 sees names: marks dropped after
   * decomposition (ä → a, å → a, é → e), case folded, anything but letters
   * and digits a separator ("Mäki-Petäjä" is two words). */
  decomposed = text != NULL ? g_utf8_normalize (text, -1, G_NORMALIZE_NFD) : NULL;
  for (const char *p = decomposed ? decomposed : ""; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_ismark (c))
        continue;
      if (c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, g_unichar_tolower (c));
          continue;
        }
      if (word->len > 0)
        {
          g_ptr_array_add (words, g_strdup (word->str));
          g_string_truncate (word, 0);
        }
      if (c == 0)
        break;
    }
  g_string_free (word, TRUE);
  return g_steal_pointer (&words);
}

char *
_kh_db_make_sort_key (const char *last_name,
                      const char *first_names)
{
  g_autofree char *last_key = kh_collate_key (last_name ? last_name : "");
  g_autofree char *first_key = kh_collate_key (first_names ? first_names : "");
  /* Each key is its primary weights, 0x01, then accents and case. */
  const char *last_rest = strchr (last_key, '\x01');
  const char *first_rest = strchr (first_key, '\x01');
  GString *key = g_string_new (NULL);

  g_assert (last_rest != NULL && first_rest != NULL);
  /* The letters of both names first, then their accents and case, so that
   * the first bytes (client_words.sort_prefix, 0014-name-words-bounded.sql)
   * hold the first names too. 0x01 sorts below every weight: a last name
   * that is the start of another sorts first ("Mäki" before "Mäkinen"). */
  g_string_append_len (key, last_key, last_rest - last_key);
  g_string_append_c (key, '\x01');
  g_string_append_len (key, first_key, first_rest - first_key);
  g_string_append (key, "\x01\x01");
  g_string_append (key, last_rest + 1);
  g_string_append_c (key, '\x01');
  g_string_append (key, first_rest + 1);
  return g_string_free (key, FALSE);
}

char *
_kh_db_make_search_text (const char  *last_name,
                         const char  *first_names,
                         GPtrArray  **out_words)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  GString *text = g_string_new (" ");
  const char *names[] = { last_name, first_names };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GPtrArray) folded = _kh_db_fold_words (names[i]);

      for (guint w = 0; w < folded->len; w++)
        {
          const char *word = g_ptr_array_index (folded, w);

          g_string_append (text, word);
          g_string_append_c (text, ' ');
          if (!g_ptr_array_find_with_equal_func (words, word, g_str_equal, NULL))
            g_ptr_array_add (words, g_strdup (word));
        }
    }
  if (out_words != NULL)
    *out_words = g_steal_pointer (&words);
  return g_string_free (text, FALSE);
}

gboolean
_kh_db_write_words (KhDb        *db,
                    gint64       client_id,
                    const char  *sort_key,
                    GPtrArray   *words,
                    gboolean     replace,
                    GError     **error)
{
  g_autoptr(KhDbStmt) stmt = NULL;

  if (replace)
    {
      stmt = _kh_db_prepare (db, "DELETE FROM client_words WHERE client_id = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, client_id);
      if (!_kh_db_step_done (db, stmt, error))
        return FALSE;
    }

  for (guint i = 0; i < words->len; i++)
    {
      stmt = _kh_db_prepare (db,
                             "INSERT INTO client_words (word, sort_prefix, client_id) VALUES (?, ?, ?)",
                             error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, g_ptr_array_index (words, i), -1, SQLITE_STATIC);
      /* Only the key's start: the whole key per word made the index grow
       * with the square of the name (0014-name-words-bounded.sql). */
      sqlite3_bind_blob (stmt, 2, sort_key, MIN (strlen (sort_key), KH_DB_SORT_PREFIX_BYTES),
                         SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, client_id);
      if (!_kh_db_step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_name_keys (KhDb        *db,
                 gint64       client_id,
                 const char  *last_name,
                 const char  *first_names,
                 GError     **error)
{
  g_autofree char *sort_key = _kh_db_make_sort_key (last_name, first_names);
  g_autoptr(GPtrArray) words = NULL;
  g_autofree char *search_text = _kh_db_make_search_text (last_name, first_names, &words);
  g_autoptr(KhDbStmt) stmt = NULL;

  stmt = _kh_db_prepare (db, "UPDATE clients SET sort_key = ?, search_text = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_blob (stmt, 1, sort_key, strlen (sort_key), SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, search_text, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, client_id);
  if (!_kh_db_step_done (db, stmt, error))
    return FALSE;
  return _kh_db_write_words (db, client_id, sort_key, words, TRUE, error);
}

/* Makes the keys and words of every person whose sort key is NULL: after a
 * migration that needs them remade, or a name changed by another program
 * (clients_keys_stale in 0002-sort-keys.sql). */
static gboolean
repair_name_keys (KhDb    *db,
                  GError **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(KhDbStmt) stmt = NULL;
  gboolean own;
  gboolean ok = TRUE;
  GError *local_error = NULL;
  int rc;

  stmt = _kh_db_prepare (db,
                         "SELECT id, last_name, first_names FROM clients WHERE sort_key IS NULL",
                         error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
      g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
      g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 2)));
    }
  g_clear_pointer (&stmt, _kh_db_stmt_release);
  if (rc != SQLITE_DONE)
    {
      _kh_db_set_error (db, rc, error);
      return FALSE;
    }
  if (ids->len == 0)
    return TRUE;

  g_debug ("Making the name keys of %u people", ids->len);
  if (!_kh_db_tx_begin (db, &own, error))
    return FALSE;
  for (guint i = 0; i < ids->len && ok; i++)
    ok = write_name_keys (db, g_array_index (ids, gint64, i),
                                 g_ptr_array_index (names, 2 * i),
                                 g_ptr_array_index (names, 2 * i + 1), &local_error);
  if (!_kh_db_tx_end (db, own, ok, &local_error))
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
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

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static KhDb *
db_new (const char *path)
{
  KhDb *db = g_new0 (KhDb, 1);

  db->path = g_strdup (path);
  db->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          finalize_statement);
  return db;
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
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_writable (path, error))
    return NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS) && !create_private_file (path, error))
    return NULL;

  db = db_new (path);
  rc = sqlite3_open_v2 (path, &db->handle,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      _kh_db_set_error (db, rc, error);
      return NULL;
    }
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

  if (!repair_name_keys (db, error))
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
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  db = db_new (path);
  db->read_only = TRUE;
  rc = sqlite3_open_v2 (path, &db->handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      _kh_db_set_error (db, rc, error);
      return NULL;
    }
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
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (db->read_only || db->maintenance_when_idle)
    return TRUE;

  stmt = _kh_db_prepare (db, "SELECT v FROM clients_fts_config WHERE k = 'automerge'", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    set = sqlite3_column_type (stmt, 0) != SQLITE_NULL && sqlite3_column_int (stmt, 0) == 0;
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

void
kh_db_close (KhDb *db)
{
  if (db == NULL)
    return;

  if (db->handle != NULL && !sqlite3_get_autocommit (db->handle))
    sqlite3_exec (db->handle, "ROLLBACK", NULL, NULL, NULL);
  /* Statements first: sqlite3_close refuses while any is alive. */
  g_clear_pointer (&db->statements, g_hash_table_unref);
  if (db->handle != NULL)
    sqlite3_close (db->handle);
  g_clear_pointer (&db->calendar, kh_calendar_unref);
  g_clear_pointer (&db->work_list_seen, g_hash_table_unref);
  g_free (db->path);
  g_free (db);
}

int
kh_db_get_schema_version (KhDb *db)
{
  int version = 0;

  g_return_val_if_fail (db != NULL, 0);

  if (!query_int (db, "PRAGMA user_version", &version, NULL))
    return 0;
  return version;
}

int
kh_db_get_latest_version (void)
{
  return G_N_ELEMENTS (migrations);
}

const char *
kh_db_get_path (KhDb *db)
{
  g_return_val_if_fail (db != NULL, NULL);

  return db->path;
}

/* ---- access-log and role helpers shared by the aggregates ---- */

gboolean
_kh_db_check_role (KhUser  *user,
                   KhRole   role,
                   GError **error)
{
  if (user == NULL || !user->active || user->role < role)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION,
                   /* Translators: %s is a role, e.g. "Administrator" */
                   _("This needs the role “%s” or higher."),
                   kh_role_label (role) ? kh_role_label (role) : "?");
      return FALSE;
    }
  return TRUE;
}

gboolean
_kh_db_log_access (KhDb          *db,
                   KhUser        *user,
                   gint64         client_id,
                   KhAccessWhat   what,
                   KhAccessBasis  basis,
                   GError       **error)
{
  g_autoptr(KhDbStmt) stmt = NULL;

  g_assert (user != NULL);

  /* The store, not the view, knows why reception reads: reception has no
   * client relationship, only the receiving of contacts, whatever the
   * caller passed. */
  if (user->role == KH_ROLE_RECEPTION)
    basis = KH_BASIS_INTAKE;

  stmt = _kh_db_prepare (db,
                         "INSERT INTO access_log (at, user_id, client_id, what, basis) "
                         "VALUES (?, ?, ?, ?, ?)",
                         error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, _kh_db_now ());
  sqlite3_bind_int64 (stmt, 2, user->id);
  _kh_db_bind_id (stmt, 3, client_id);
  sqlite3_bind_int (stmt, 4, what);
  sqlite3_bind_int (stmt, 5, basis);
  return _kh_db_step_done (db, stmt, error);
}
