/* kh-db-log.c — reading the access log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rows are written by _kh_db_log_access (kh-db.c) in the transaction of each
 * read; the table refuses UPDATE and DELETE by trigger (0001-initial.sql).
 */
#define G_LOG_DOMAIN "kohtaamo-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "store/kh-db-private.h"

/* Enough for a screen of supervision; a client's full log is asked by id. */
#define DEFAULT_LIMIT 500

static KhAccessEntry *
entry_from_row (sqlite3_stmt *stmt)
{
  KhAccessEntry *entry = kh_access_entry_new ();

  entry->id = sqlite3_column_int64 (stmt, 0);
  entry->at = _kh_db_column_time (stmt, 1);
  entry->user_id = sqlite3_column_int64 (stmt, 2);
  entry->user_name = _kh_db_column_text (stmt, 3);
  entry->client_id = sqlite3_column_int64 (stmt, 4);
  entry->client_name = _kh_db_column_text (stmt, 5);
  entry->what = sqlite3_column_int (stmt, 6);
  entry->basis = sqlite3_column_int (stmt, 7);
  return entry;
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

  if (!kh_user_can_read_access_log (user) || !user->active)
    {
      g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION,
                           _("Only the lead social worker and administrators may read the access log."));
      return NULL;
    }

  if (!_kh_db_tx_begin (db, &own, error))
    return NULL;

  /* The client's name may be gone (an undone record): the row stays. Two
   * statements, so that each has its index (by time; by person and time). */
#define ENTRY_SELECT \
  "SELECT a.id, a.at, a.user_id, coalesce (u.display_name, u.account), a.client_id, " \
  "  CASE WHEN c.id IS NULL THEN NULL ELSE c.last_name || ', ' || c.first_names END, " \
  "  a.what, a.basis " \
  "FROM access_log a " \
  "  LEFT JOIN users u ON u.id = a.user_id " \
  "  LEFT JOIN clients c ON c.id = a.client_id "
  if (client_id > 0)
    stmt = _kh_db_prepare (db,
                           ENTRY_SELECT "WHERE a.client_id = ?1 "
                           "ORDER BY a.at DESC, a.id DESC LIMIT ?2",
                           &local_error);
  else
    stmt = _kh_db_prepare (db,
                           ENTRY_SELECT "WHERE ?1 = 0 ORDER BY a.at DESC, a.id DESC LIMIT ?2",
                           &local_error);
#undef ENTRY_SELECT
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, client_id);
      sqlite3_bind_int (stmt, 2, limit > 0 ? limit : DEFAULT_LIMIT);
      _kh_db_read_rows (db, stmt, (KhDbRowFunc) entry_from_row, entries, &local_error);
    }
  if (local_error == NULL)
    _kh_db_log_access (db, user, client_id, KH_ACCESS_ACCESS_LOG, KH_BASIS_SUPERVISION,
                       &local_error);

  if (!_kh_db_tx_finish (db, own, local_error, error))
    return NULL;
  return g_steal_pointer (&entries);
}
