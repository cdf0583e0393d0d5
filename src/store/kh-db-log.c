/* kh-db-log.c — reading the access log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rows are written by _kh_db_log_access (kh-db.c) in the transaction of each
 * read; the table refuses UPDATE and DELETE by trigger (0001-initial.sql).
 */
#define G_LOG_DOMAIN "kohtaamo-store"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "core/kh-catalog.h"
#include "store/kh-db-private.h"

/* Enough for a screen of supervision; a client's full log is asked by id. */
#define DEFAULT_LIMIT 500
/* One page of the log view. */
#define DEFAULT_PAGE 100

static KhAccessEntry *
entry_from_row (KhDbStmt *stmt)
{
  KhAccessEntry *entry = kh_access_entry_new ();

  entry->id = _kh_db_column_int64 (stmt, 0);
  entry->at = _kh_db_column_time (stmt, 1);
  entry->user_id = _kh_db_column_int64 (stmt, 2);
  entry->user_name = _kh_db_column_text (stmt, 3);
  entry->client_id = _kh_db_column_int64 (stmt, 4);
  entry->client_name = _kh_db_column_text (stmt, 5);
  entry->what = _kh_db_column_int (stmt, 6);
  entry->basis = _kh_db_column_int (stmt, 7);
  return entry;
}

/* Only the lead social worker and the administrator read the log (it is
 * kept for supervising use, ATL 703/2023 10 §; access by task, 9 §), as
 * the users table has them now (_kh_db_check_role). */
static gboolean
check_reader (KhDb    *db,
              KhUser  *user,
              GError **error)
{
  if (!_kh_db_check_role (db, user, KH_ROLE_RECEPTION, error))
    return FALSE;
  if (!kh_user_can_read_access_log (user))
    {
      g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION,
                           _("Only the lead social worker and administrators may read the access log."));
      return FALSE;
    }
  return TRUE;
}

/* KH_ACCESS_ACCESS_LOG is "the person's rows of the access log were read"
 * (kh-enums.h), so reading the log is logged per person (issue 6, 5): one
 * row for each person whose rows (with their name) were read, so that
 * their own extract (ATL 703/2023 11 §) shows who read their log and when.
 * A page of 100 rows about 47 people had been one row about nobody. A
 * person filtered on is logged even when they have no rows: asking for
 * their log is a read of it. A read that showed no one's rows is still on
 * record, as one row without a person (id 0 below).
 *
 * As with the work lists (issue 5, 2.6), a person is logged once in a
 * showing of the log view (`showing`, 0 for none), however many of its
 * pages are read. `logged` collects this read's people; they join the
 * showing's set after the commit (remember_log_read). */
static gboolean
log_seen_before (KhDb       *db,
                 KhUser     *user,
                 guint64     showing,
                 GHashTable *logged,
                 gint64      client_id)
{
  if (g_hash_table_contains (logged, &client_id))
    return TRUE;
  return showing != 0 && db->log_seen != NULL && db->log_showing == showing
         && db->log_user == user->id && g_hash_table_contains (db->log_seen, &client_id);
}

static gboolean
log_one_read (KhDb          *db,
              KhUser        *user,
              guint64        showing,
              GHashTable    *logged,
              gint64         client_id,
              KhAccessBasis  basis,
              GError       **error)
{
  if (log_seen_before (db, user, showing, logged, client_id))
    return TRUE;
  g_hash_table_insert (logged, g_memdup2 (&client_id, sizeof client_id), NULL);
  return _kh_db_log_access (db, user, client_id, KH_ACCESS_ACCESS_LOG, basis, error);
}

/* On a server the read itself was logged first (server_logged: the person
 * filtered on, or the whole log), as row-level security there demands:
 * each person read is still logged after it, as on SQLite. */
static gboolean
log_log_read (KhDb          *db,
              KhUser        *user,
              GPtrArray     *entries,
              gint64         filter_client,
              guint64        showing,
              GHashTable    *logged,
              KhAccessBasis  basis,
              GError       **error)
{
  gboolean server_logged = db->engine->search_on_server;
  gboolean anyone = filter_client > 0 || server_logged;

  if (server_logged && filter_client > 0)
    g_hash_table_insert (logged, g_memdup2 (&filter_client, sizeof filter_client), NULL);
  else if (filter_client > 0
           && !log_one_read (db, user, showing, logged, filter_client, basis, error))
    return FALSE;
  for (guint i = 0; i < entries->len; i++)
    {
      KhAccessEntry *entry = g_ptr_array_index (entries, i);

      if (entry->client_id <= 0)
        continue;
      anyone = TRUE;
      if (!log_one_read (db, user, showing, logged, entry->client_id, basis, error))
        return FALSE;
    }
  if (!anyone)
    return log_one_read (db, user, showing, logged, 0, basis, error);
  return TRUE;
}

/* After the commit: the people logged are part of the showing. */
static void
remember_log_read (KhDb       *db,
                   KhUser     *user,
                   guint64     showing,
                   GHashTable *logged)
{
  GHashTableIter iter;
  gpointer key, value;

  if (showing == 0)
    return;
  if (db->log_seen == NULL || db->log_showing != showing || db->log_user != user->id)
    {
      g_clear_pointer (&db->log_seen, g_hash_table_unref);
      db->log_seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
      db->log_showing = showing;
      db->log_user = user->id;
    }
  g_hash_table_iter_init (&iter, logged);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (db->log_seen, g_memdup2 (key, sizeof (gint64)), g_strdup (value));
}

/* On a server a person's name is readable only once this transaction has
 * logged the person: the page's rows came without names. Each person this
 * read logged is named from the table now; one the showing logged before
 * keeps the name read then (`logged` and the showing keep the names, as
 * their values). */
static gboolean
name_people_on_server (KhDb        *db,
                       KhUser      *user,
                       guint64      showing,
                       GPtrArray   *entries,
                       GHashTable  *logged,
                       GError     **error)
{
  if (!db->engine->search_on_server)
    return TRUE;
  for (guint i = 0; i < entries->len; i++)
    {
      KhAccessEntry *entry = g_ptr_array_index (entries, i);
      gpointer name = NULL;

      if (entry->client_id <= 0 || entry->client_name != NULL)
        continue;
      if (g_hash_table_lookup_extended (logged, &entry->client_id, NULL, &name))
        {
          if (name == NULL)
            {
              g_autoptr(KhDbStmt) stmt = _kh_db_prepare (db,
                                                         "SELECT last_name || ', ' || first_names "
                                                         "FROM clients WHERE id = ?",
                                                         error);
              int rc;

              if (stmt == NULL)
                return FALSE;
              _kh_db_bind_int64 (stmt, 1, entry->client_id);
              rc = _kh_db_step (stmt);
              if (rc == KH_DB_ROW)
                name = _kh_db_column_text (stmt, 0);
              else if (rc != KH_DB_DONE)
                {
                  _kh_db_set_error (db, rc, error);
                  return FALSE;
                }
              /* The record may be gone (an undone intake): no name. */
              g_hash_table_insert (logged, g_memdup2 (&entry->client_id, sizeof (gint64)), name);
            }
        }
      else if (showing != 0 && db->log_seen != NULL && db->log_showing == showing
               && db->log_user == user->id)
        name = g_hash_table_lookup (db->log_seen, &entry->client_id);
      entry->client_name = g_strdup (name);
    }
  return TRUE;
}

/**
 * kh_db_list_access_log:
 * @client_id: one person's rows, or 0 for all
 * @limit: at most this many rows; 0 for a default
 *
 * Only for the lead social worker and the administrator. The reading is
 * itself logged (KH_ACCESS_ACCESS_LOG, basis SUPERVISION) in the same
 * transaction.
 *
 * Returns: (transfer full) (element-type KhAccessEntry): newest first.
 */
GPtrArray *
kh_db_list_access_log (KhDb    *db,
                       KhUser  *user,
                       gint64   client_id,
                       guint    limit,
                       GError **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(KhDbStmt) stmt = NULL;
  GError *local_error = NULL;
  gboolean own;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (KH_IS_USER (user), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_reader (db, user, error))
    return NULL;

  if (!_kh_db_read_begin (db, &own, error))
    return NULL;
  /* On a server the log is readable only after the reading is logged;
   * either way the rows read are those from before this reading. */
  if (db->engine->search_on_server)
    _kh_db_log_access (db, user, client_id, KH_ACCESS_ACCESS_LOG, KH_BASIS_SUPERVISION,
                       &local_error);

  /* The client's name may be gone (an undone record): the row stays. Two
   * statements, so that each has its index (by time; by person and time). */
#define ENTRY_SELECT \
  "SELECT a.id, a.at, a.user_id, coalesce (u.display_name, u.account), a.client_id, " \
  "  CASE WHEN c.id IS NULL THEN NULL ELSE c.last_name || ', ' || c.first_names END, " \
  "  a.what, a.basis " \
  "FROM access_log a " \
  "  LEFT JOIN users u ON u.id = a.user_id " \
  "  LEFT JOIN clients c ON c.id = a.client_id "
  if (local_error != NULL)
    ;
  else if (client_id > 0)
    stmt = _kh_db_prepare (db,
                           ENTRY_SELECT "WHERE a.client_id = ?1 AND {earlier_log_rows} "
                           "ORDER BY a.at DESC, a.id DESC LIMIT ?2",
                           &local_error);
  else
    stmt = _kh_db_prepare (db,
                           ENTRY_SELECT "WHERE ?1 = 0 AND {earlier_log_rows} "
                           "ORDER BY a.at DESC, a.id DESC LIMIT ?2",
                           &local_error);
#undef ENTRY_SELECT
  if (stmt != NULL)
    {
      _kh_db_bind_int64 (stmt, 1, client_id);
      _kh_db_bind_int (stmt, 2, limit > 0 ? limit : DEFAULT_LIMIT);
      _kh_db_read_rows (db, stmt, (KhDbRowFunc) entry_from_row, entries, &local_error);
    }
  if (local_error == NULL)
    {
      g_autoptr(GHashTable) logged = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                            g_free, g_free);

      if (log_log_read (db, user, entries, client_id, 0, logged, KH_BASIS_SUPERVISION, &local_error))
        name_people_on_server (db, user, 0, entries, logged, &local_error);
    }

  if (!_kh_db_read_finish (db, own, local_error, error))
    return NULL;
  return g_steal_pointer (&entries);
}

void
kh_access_filter_init (KhAccessFilter *filter)
{
  g_return_if_fail (filter != NULL);

  memset (filter, 0, sizeof *filter);
  g_date_clear (&filter->from, 1);
  g_date_clear (&filter->to, 1);
}

void
kh_access_filter_clear (KhAccessFilter *filter)
{
  g_return_if_fail (filter != NULL);

  g_clear_pointer (&filter->person_words, g_free);
}

void
kh_access_filter_copy (const KhAccessFilter *from,
                       KhAccessFilter       *to)
{
  g_return_if_fail (from != NULL && to != NULL);

  *to = *from;
  to->person_words = g_strdup (from->person_words);
}

void
kh_access_log_slice_free (KhAccessLogSlice *page)
{
  if (page == NULL)
    return;
  g_clear_pointer (&page->entries, g_ptr_array_unref);
  g_free (page);
}

/* Local midnight at the start of `date`, in seconds since the epoch. */
static gint64
local_midnight (const GDate *date)
{
  g_autoptr(GDateTime) midnight = g_date_time_new_local (g_date_get_year (date),
                                                         g_date_get_month (date),
                                                         g_date_get_day (date), 0, 0, 0);

  return midnight != NULL ? g_date_time_to_unix (midnight) : 0;
}

/* The filter as SQL conditions over `a` (access_log), with their values
 * bound in order from ?1 by bind_filter. Only the conditions asked for are
 * written, so that SQLite can pick the index that fits: by person, by
 * user, by kind or by time (0009-access-log-filters.sql). */
static void
append_filter (KhDb                 *db,
               GString              *sql,
               const KhAccessFilter *filter,
               GPtrArray            *params)
{
  g_autoptr(GPtrArray) tokens = _kh_db_name_tokens (filter->person_words);

  g_string_append (sql, " WHERE {earlier_log_rows}");
  if (filter->client_id > 0)
    g_string_append (sql, " AND a.client_id = ?1");
  /* Each word a prefix ("mäki" "aino" find Mäkinen, Aino); the engine's
   * name index folds case and ä/a, ö/o, å/a. */
  if (tokens->len > 0)
    {
      g_string_append (sql, " AND a.client_id IN (");
      _kh_db_append_name_match (db, sql, filter->client_id > 0 ? 2 : 1, tokens, TRUE, params);
      g_string_append (sql, ")");
    }
  if (filter->user_id > 0)
    g_string_append (sql, " AND a.user_id = ?");
  if (filter->what != 0)
    g_string_append (sql, " AND a.what = ?");
  if (g_date_valid (&filter->from))
    g_string_append (sql, " AND a.at >= ?");
  if (g_date_valid (&filter->to))
    g_string_append (sql, " AND a.at < ?");
}

static int
bind_filter (KhDbStmt             *stmt,
             const KhAccessFilter *filter,
             GPtrArray            *params)
{
  int i = 1;

  if (filter->client_id > 0)
    _kh_db_bind_int64 (stmt, i++, filter->client_id);
  for (guint p = 0; p < params->len; p++)
    _kh_db_bind_text (stmt, i++, g_ptr_array_index (params, p));
  if (filter->user_id > 0)
    _kh_db_bind_int64 (stmt, i++, filter->user_id);
  if (filter->what != 0)
    _kh_db_bind_int (stmt, i++, filter->what);
  if (g_date_valid (&filter->from))
    _kh_db_bind_int64 (stmt, i++, local_midnight (&filter->from));
  if (g_date_valid (&filter->to))
    {
      GDate next = filter->to;

      /* The whole last day: up to the next midnight. */
      g_date_add_days (&next, 1);
      _kh_db_bind_int64 (stmt, i++, local_midnight (&next));
    }
  return i;
}

/* How many rows match the filter, and with `newer_than` (at, id) also
 * newer than that row. */
static gboolean
count_rows (KhDb                 *db,
            const KhAccessFilter *filter,
            gboolean              newer,
            gint64                at,
            gint64                id,
            guint64              *out_count,
            GError              **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT count(*) FROM access_log a");
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(KhDbStmt) stmt = NULL;
  int i, rc;

  append_filter (db, sql, filter, params);
  if (newer)
    g_string_append (sql, " AND (a.at, a.id) > (?, ?)");
  stmt = _kh_db_prepare (db, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  i = bind_filter (stmt, filter, params);
  if (newer)
    {
      _kh_db_bind_int64 (stmt, i++, at);
      _kh_db_bind_int64 (stmt, i++, id);
    }
  rc = _kh_db_step (stmt);
  if (rc != KH_DB_ROW)
    {
      _kh_db_set_error (db, rc, error);
      return FALSE;
    }
  *out_count = (guint64) _kh_db_column_int64 (stmt, 0);
  return TRUE;
}

#define PAGE_SELECT \
  "SELECT a.id, a.at, a.user_id, coalesce (u.display_name, u.account), a.client_id, " \
  "  CASE WHEN c.id IS NULL THEN NULL ELSE c.last_name || ', ' || c.first_names END, " \
  "  a.what, a.basis " \
  "FROM access_log a " \
  "  LEFT JOIN users u ON u.id = a.user_id " \
  "  LEFT JOIN clients c ON c.id = a.client_id"

/**
 * kh_db_read_access_log:
 *
 * Returns: (transfer full): the page, or %NULL with @error set.
 */
KhAccessLogSlice *
kh_db_read_access_log (KhDb                 *db,
                       KhUser               *user,
                       const KhAccessFilter *filter,
                       KhAccessPaging        paging,
                       gint64                at,
                       gint64                id,
                       guint                 limit,
                       GError              **error)
{
  g_autoptr(KhAccessLogSlice) page = g_new0 (KhAccessLogSlice, 1);
  g_autoptr(GHashTable) logged = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GString) sql = g_string_new (PAGE_SELECT);
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(KhDbStmt) stmt = NULL;
  GError *local_error = NULL;
  gboolean ascending = paging == KH_ACCESS_PAGE_NEWER || paging == KH_ACCESS_PAGE_OLDEST;
  gboolean own;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (KH_IS_USER (user), NULL);
  g_return_val_if_fail (filter != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_reader (db, user, error))
    return NULL;

  page->entries = g_ptr_array_new_with_free_func (g_object_unref);
  if (limit == 0)
    limit = DEFAULT_PAGE;

  append_filter (db, sql, filter, params);
  if (paging == KH_ACCESS_PAGE_OLDER)
    g_string_append (sql, " AND (a.at, a.id) < (?, ?)");
  else if (paging == KH_ACCESS_PAGE_NEWER)
    g_string_append (sql, " AND (a.at, a.id) > (?, ?)");
  /* Newer pages are read upwards from the row and turned round below. */
  g_string_append (sql, ascending ? " ORDER BY a.at, a.id LIMIT ?"
                                  : " ORDER BY a.at DESC, a.id DESC LIMIT ?");

  if (!_kh_db_read_begin (db, &own, error))
    return NULL;

  if (db->engine->search_on_server)
    _kh_db_log_access (db, user, filter->client_id, KH_ACCESS_ACCESS_LOG, KH_BASIS_SUPERVISION,
                       &local_error);
  if (local_error == NULL)
    stmt = _kh_db_prepare (db, sql->str, &local_error);
  if (stmt != NULL)
    {
      int i = bind_filter (stmt, filter, params);

      if (paging == KH_ACCESS_PAGE_OLDER || paging == KH_ACCESS_PAGE_NEWER)
        {
          _kh_db_bind_int64 (stmt, i++, at);
          _kh_db_bind_int64 (stmt, i++, id);
        }
      _kh_db_bind_int (stmt, i, (int) MIN (limit, (guint) G_MAXINT));
      _kh_db_read_rows (db, stmt, (KhDbRowFunc) entry_from_row, page->entries, &local_error);
    }
  if (local_error == NULL && ascending)
    {
      for (guint lo = 0, hi = page->entries->len; lo + 1 < hi; lo++, hi--)
        {
          gpointer swap = page->entries->pdata[lo];

          page->entries->pdata[lo] = page->entries->pdata[hi - 1];
          page->entries->pdata[hi - 1] = swap;
        }
    }
  if (local_error == NULL)
    count_rows (db, filter, FALSE, 0, 0, &page->total, &local_error);
  if (local_error == NULL && page->entries->len > 0)
    {
      KhAccessEntry *first = g_ptr_array_index (page->entries, 0);

      count_rows (db, filter, TRUE, g_date_time_to_unix (first->at), first->id,
                  &page->n_newer, &local_error);
    }
  /* Counted before this read is logged: the view shows what it read. */
  if (local_error == NULL
      && log_log_read (db, user, page->entries, filter->client_id, filter->showing, logged,
                       KH_BASIS_SUPERVISION, &local_error))
    name_people_on_server (db, user, filter->showing, page->entries, logged, &local_error);

  if (!_kh_db_read_finish (db, own, local_error, error))
    return NULL;
  remember_log_read (db, user, filter->showing, logged);
  return g_steal_pointer (&page);
}

/* One CSV field: quoted when it holds the separator, a quote or a line
 * break (RFC 4180, with ';' as Finnish and Swedish spreadsheets expect). */
static void
append_csv_field (GString    *out,
                  const char *text,
                  gboolean    last)
{
  if (text == NULL)
    text = "";
  if (strpbrk (text, ";\"\r\n") != NULL)
    {
      g_string_append_c (out, '"');
      for (const char *p = text; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, text);
  g_string_append (out, last ? "\r\n" : ";");
}

/**
 * kh_db_export_access_log:
 *
 * Returns: (transfer full): the CSV file's bytes (UTF-8 with a byte-order
 *   mark, so that spreadsheets read ä, ö and å right), or %NULL with @error.
 */
GBytes *
kh_db_export_access_log (KhDb    *db,
                         KhUser  *user,
                         gint64   client_id,
                         guint   *out_rows,
                         GError **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(KhDbStmt) stmt = NULL;
  g_autoptr(GString) out = NULL;
  GError *local_error = NULL;
  const char *language = "fi";
  gboolean found = FALSE;
  gboolean own;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (KH_IS_USER (user), NULL);
  g_return_val_if_fail (client_id > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_reader (db, user, error))
    return NULL;
  if (!_kh_db_read_begin (db, &own, error))
    return NULL;
  if (db->engine->search_on_server
      && !_kh_db_log_access (db, user, client_id, KH_ACCESS_ACCESS_LOG, KH_BASIS_ADMINISTRATION,
                             &local_error))
    {
      _kh_db_read_finish (db, own, local_error, error);
      return NULL;
    }

  /* The person's language decides the extract's: Swedish for a
   * Swedish-speaking client, Finnish otherwise (the unit's other language
   * when the client's is neither). */
  stmt = _kh_db_prepare (db, "SELECT language FROM clients WHERE id = ?", &local_error);
  if (stmt != NULL)
    {
      int rc;

      _kh_db_bind_int64 (stmt, 1, client_id);
      rc = _kh_db_step (stmt);
      if (rc == KH_DB_ROW)
        {
          found = TRUE;
          if (_kh_db_column_int (stmt, 0) == KH_LANGUAGE_SV)
            language = "sv";
        }
      else if (rc != KH_DB_DONE)
        _kh_db_set_error (db, rc, &local_error);
    }
  g_clear_pointer (&stmt, _kh_db_stmt_release);
  if (local_error == NULL && !found)
    g_set_error_literal (&local_error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND,
                         _("The person was not found. Someone may have removed the record."));

  if (local_error == NULL)
    stmt = _kh_db_prepare (db, PAGE_SELECT " WHERE a.client_id = ? AND {earlier_log_rows} "
                           "ORDER BY a.at, a.id",
                           &local_error);
  if (stmt != NULL)
    {
      _kh_db_bind_int64 (stmt, 1, client_id);
      _kh_db_read_rows (db, stmt, (KhDbRowFunc) entry_from_row, entries, &local_error);
    }
  if (local_error == NULL && !db->engine->search_on_server)
    _kh_db_log_access (db, user, client_id, KH_ACCESS_ACCESS_LOG, KH_BASIS_ADMINISTRATION,
                       &local_error);
  if (!_kh_db_read_finish (db, own, local_error, error))
    return NULL;

  /* The headings and labels are the UI's own messages, looked up in the
   * client's language (kh-catalog.c). */
  out = g_string_new ("\xEF\xBB\xBF");
  append_csv_field (out, kh_catalog_gettext (language, "Time"), FALSE);
  append_csv_field (out, kh_catalog_gettext (language, "User"), FALSE);
  append_csv_field (out, kh_catalog_gettext (language, "What was read"), FALSE);
  append_csv_field (out, kh_catalog_gettext (language, "Basis"), TRUE);
  for (guint i = 0; i < entries->len; i++)
    {
      KhAccessEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *when = g_date_time_format (entry->at,
                                                  kh_catalog_gettext (language, "%-d.%-m.%Y %H:%M:%S"));

      append_csv_field (out, when, FALSE);
      append_csv_field (out, entry->user_name, FALSE);
      append_csv_field (out, kh_access_what_label_in (entry->what, language), FALSE);
      append_csv_field (out, kh_access_basis_label_in (entry->basis, language), TRUE);
    }

  if (out_rows != NULL)
    *out_rows = entries->len;
  return g_string_free_to_bytes (g_steal_pointer (&out));
}

/* ---- the chain (issue 6, item 4; kh-log-chain.h) ---- */

/* Rows read per statement: the walk holds no more than this in memory on a
 * server, and each page starts from the index. */
#define VERIFY_PAGE 10000

static gboolean
check_can_verify (KhUser  *user,
                  GError **error)
{
  if (user == NULL || !kh_user_can_read_access_log (user) || !user->active)
    {
      g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION,
                           _("Only the lead social worker and administrators may verify the access log."));
      return FALSE;
    }
  return TRUE;
}

static void
set_broken (KhLogVerifyResult *result,
            KhLogChainStatus   status,
            gint64             seq,
            gint64             id)
{
  result->status = status;
  result->broken_seq = seq;
  result->broken_id = id;
}

/* The walk along the chain (kh_db_verify_access_log). */
static gboolean
walk_chain (KhDb                  *db,
            const KhLogCheckpoint *checkpoint,
            KhLogVerifyResult     *result,
            GError               **error)
{
  char prev_hash[KH_LOG_HASH_LENGTH + 1] = KH_LOG_FIRST_PREV_HASH;
  /* The checkpoint's row's hash, once the walk has passed it. */
  char checkpoint_hash[KH_LOG_HASH_LENGTH + 1] = "";
  gint64 last_seq = 0;
  gint64 last_id = 0;
  gboolean broken = FALSE;

  /* In the order of the chain, a page at a time. (seq, id): if the table
   * has lost its UNIQUE on seq, a number that comes twice is still read. */
  while (!broken)
    {
      g_autoptr(KhDbStmt) stmt = NULL;
      guint n_read = 0;
      int rc = KH_DB_DONE;

      stmt = _kh_db_prepare (db,
                             "SELECT id, seq, at, user_id, client_id, what, basis, prev_hash, hash "
                             "FROM access_log a WHERE (seq, id) > (?1, ?2) AND {earlier_log_rows} "
                             "ORDER BY seq, id LIMIT ?3",
                             error);
      if (stmt == NULL)
        return FALSE;
      _kh_db_bind_int64 (stmt, 1, last_seq);
      _kh_db_bind_int64 (stmt, 2, last_id);
      _kh_db_bind_int (stmt, 3, VERIFY_PAGE);

      while (!broken && (rc = _kh_db_step (stmt)) == KH_DB_ROW)
        {
          gint64 id = _kh_db_column_int64 (stmt, 0);
          const char *stored_prev = _kh_db_column_str (stmt, 7);
          const char *stored_hash = _kh_db_column_str (stmt, 8);
          KhLogChainRow row = {
            .seq = _kh_db_column_int64 (stmt, 1),
            .at = _kh_db_column_int64 (stmt, 2),
            .user_id = _kh_db_column_int64 (stmt, 3),
            .has_client = !_kh_db_column_is_null (stmt, 4),
            .client_id = _kh_db_column_int64 (stmt, 4),
            .what = _kh_db_column_int64 (stmt, 5),
            .basis = _kh_db_column_int64 (stmt, 6),
            .prev_hash = stored_prev != NULL ? stored_prev : "",
          };
          char computed[KH_LOG_HASH_LENGTH + 1];

          n_read++;
          if (row.seq <= result->last_seq)
            {
              set_broken (result, KH_LOG_CHAIN_OUT_OF_ORDER, row.seq, id);
              broken = TRUE;
              break;
            }
          if (row.seq > result->last_seq + 1)
            {
              set_broken (result, KH_LOG_CHAIN_MISSING, result->last_seq + 1, 0);
              result->found_seq = row.seq;
              broken = TRUE;
              break;
            }

          kh_log_chain_hash (&row, computed);
          if (g_strcmp0 (computed, stored_hash) != 0)
            {
              set_broken (result, KH_LOG_CHAIN_CHANGED, row.seq, id);
              broken = TRUE;
              break;
            }
          if (g_strcmp0 (row.prev_hash, prev_hash) != 0)
            {
              set_broken (result, KH_LOG_CHAIN_RELINKED, row.seq, id);
              broken = TRUE;
              break;
            }

          /* Intact so far. */
          memcpy (prev_hash, computed, sizeof prev_hash);
          result->count++;
          result->last_seq = row.seq;
          memcpy (result->last_hash, computed, sizeof result->last_hash);
          if (checkpoint != NULL && row.seq == checkpoint->seq)
            memcpy (checkpoint_hash, computed, sizeof checkpoint_hash);
          last_seq = row.seq;
          last_id = id;
        }
      if (!broken && rc != KH_DB_DONE)
        {
          _kh_db_set_error (db, rc, error);
          return FALSE;
        }
      if (n_read < VERIFY_PAGE)
        break;
    }
  if (broken)
    return TRUE;

  if (checkpoint != NULL)
    {
      if (checkpoint->seq > result->last_seq)
        set_broken (result, KH_LOG_CHAIN_CHECKPOINT_MISSING, result->last_seq + 1, 0);
      else if (strcmp (checkpoint_hash, checkpoint->hash) != 0)
        set_broken (result, KH_LOG_CHAIN_CHECKPOINT_CHANGED, checkpoint->seq, 0);
    }
  return TRUE;
}

gboolean
kh_db_verify_access_log (KhDb                  *db,
                         KhUser                *user,
                         const KhLogCheckpoint *checkpoint,
                         KhLogVerifyResult     *result,
                         GError               **error)
{
  GError *local_error = NULL;
  gboolean own;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  memset (result, 0, sizeof *result);
  if (!check_can_verify (user, error))
    return FALSE;

  if (checkpoint != NULL && checkpoint->database_id != NULL)
    {
      g_autofree char *database_id = kh_db_get_setting (db, KH_SETTING_DATABASE_ID, error);

      if (database_id == NULL && error != NULL && *error != NULL)
        return FALSE;
      if (database_id != NULL && g_strcmp0 (database_id, checkpoint->database_id) != 0)
        {
          result->status = KH_LOG_CHAIN_CHECKPOINT_OTHER_DATABASE;
          return TRUE;
        }
    }

  /* On a server the log's rows are readable only after the reading is
   * logged, in the same transaction (data/sql/pg/0001-schema.sql,
   * access_log_read): the walk is a reading of the whole log, and is
   * logged as one; the rows it reads are those from before it. On SQLite
   * the walk writes nothing (`log verify` opens the file read-only). */
  if (!db->engine->search_on_server)
    return walk_chain (db, checkpoint, result, error);
  if (!_kh_db_tx_begin (db, &own, error))
    return FALSE;
  if (_kh_db_log_access (db, user, 0, KH_ACCESS_ACCESS_LOG, KH_BASIS_ADMINISTRATION, &local_error))
    walk_chain (db, checkpoint, result, &local_error);
  return _kh_db_tx_finish (db, own, local_error, error);
}

KhLogCheckpoint *
kh_db_make_log_checkpoint (KhDb              *db,
                           KhUser            *user,
                           KhLogVerifyResult *result,
                           GError           **error)
{
  g_autoptr(KhLogCheckpoint) checkpoint = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (result != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!kh_db_verify_access_log (db, user, NULL, result, error))
    return NULL;
  /* A checkpoint vouches for the chain up to its row: never of a broken one. */
  if (result->status != KH_LOG_CHAIN_INTACT || result->count == 0)
    return NULL;

  checkpoint = g_new0 (KhLogCheckpoint, 1);
  checkpoint->database_id = kh_db_get_setting (db, KH_SETTING_DATABASE_ID, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  checkpoint->location = g_strdup (db->path);
  checkpoint->seq = result->last_seq;
  memcpy (checkpoint->hash, result->last_hash, sizeof checkpoint->hash);
  checkpoint->count = result->count;
  checkpoint->made_at = _kh_db_now ();
  return g_steal_pointer (&checkpoint);
}

static char *
format_made_at (const KhLogCheckpoint *checkpoint)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (checkpoint->made_at);
  g_autoptr(GDateTime) local = g_date_time_to_local (utc);

  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

char *
kh_log_verify_result_describe (const KhLogVerifyResult *result,
                               const KhLogCheckpoint   *checkpoint)
{
  g_autofree char *made = NULL;
  long long broken = result->broken_seq;

  g_return_val_if_fail (result != NULL, NULL);

  if (checkpoint != NULL)
    made = format_made_at (checkpoint);

  switch (result->status)
    {
    case KH_LOG_CHAIN_INTACT:
      if (result->count == 0)
        return g_strdup (_("The access log is intact: it has no rows yet."));
      if (checkpoint != NULL)
        /* Translators: a number of rows, the newest row's number, its hash (64 hex digits), then
         * the checkpoint's row number and when it was made ("2026-12-04 18:50") */
        return g_strdup_printf (ngettext ("The access log is intact: %llu row; the newest is "
                                          "number %lld, hash %s. Row %lld matches the checkpoint "
                                          "of %s.",
                                          "The access log is intact: %llu rows; the newest is "
                                          "number %lld, hash %s. Row %lld matches the checkpoint "
                                          "of %s.", result->count),
                                (unsigned long long) result->count, (long long) result->last_seq,
                                result->last_hash, (long long) checkpoint->seq, made);
      /* Translators: a number of rows, the newest row's number, its hash (64 hex digits) */
      return g_strdup_printf (ngettext ("The access log is intact: %llu row; the newest is "
                                        "number %lld, hash %s.",
                                        "The access log is intact: %llu rows; the newest is "
                                        "number %lld, hash %s.", result->count),
                              (unsigned long long) result->count, (long long) result->last_seq,
                              result->last_hash);

    case KH_LOG_CHAIN_CHANGED:
      /* Translators: %lld is a row's number in the access log */
      return g_strdup_printf (_("Row %lld of the access log has been changed: its contents no "
                                "longer give its hash. The rows before it are intact."), broken);

    case KH_LOG_CHAIN_RELINKED:
      if (broken == 1)
        return g_strdup (_("Row 1 of the access log does not start the chain: it has been "
                           "rewritten, or rows before it removed and the rest renumbered."));
      /* Translators: %lld are two consecutive row numbers of the access log */
      return g_strdup_printf (_("Row %lld of the access log does not follow row %lld: one of "
                                "them has been rewritten, or a row put in between."),
                              broken, broken - 1);

    case KH_LOG_CHAIN_MISSING:
      if (result->found_seq == result->broken_seq + 1)
        /* Translators: %lld is a row's number in the access log */
        return g_strdup_printf (_("Row %lld of the access log is missing: it has been deleted."),
                                broken);
      /* Translators: %lld are the first and last numbers of deleted rows of the access log */
      return g_strdup_printf (_("Rows %lld–%lld of the access log are missing: they have been "
                                "deleted."), broken, (long long) result->found_seq - 1);

    case KH_LOG_CHAIN_OUT_OF_ORDER:
      /* Translators: %lld is a row's number in the access log */
      return g_strdup_printf (_("Row number %lld of the access log comes again or out of "
                                "order: the log has been rearranged."), broken);

    case KH_LOG_CHAIN_CHECKPOINT_OTHER_DATABASE:
      /* Translators: %s is a file name or a server */
      return g_strdup_printf (_("The checkpoint is of another database (%s), not of this one."),
                              checkpoint != NULL && checkpoint->location != NULL
                              ? checkpoint->location : "?");

    case KH_LOG_CHAIN_CHECKPOINT_MISSING:
      if (checkpoint == NULL)
        break;
      /* Translators: the newest row's number, when the checkpoint was made ("2026-12-04
       * 18:50"), the checkpoint's row number, then the first missing row's number */
      return g_strdup_printf (_("The access log ends at row %lld, but the checkpoint of %s "
                                "names row %lld: the rows from %lld on have been deleted."),
                              (long long) result->last_seq, made, (long long) checkpoint->seq,
                              broken);

    case KH_LOG_CHAIN_CHECKPOINT_CHANGED:
      /* Translators: a row's number, then when the checkpoint was made ("2026-12-04 18:50") */
      return g_strdup_printf (_("Row %lld of the access log is not the row the checkpoint of %s "
                                "names: the log has been rewritten up to that row."),
                              broken, made);
    }
  g_return_val_if_reached (NULL);
}
