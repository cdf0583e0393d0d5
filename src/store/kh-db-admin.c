/* kh-db-admin.c — what kohtaamo-admin needs beyond the rest of KhDb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kohtaamo-store"

#include "config.h"

#include "kh-db-private.h"

/**
 * kh_db_count_clients:
 *
 * How many people the database holds. Reads no one's data, so it writes
 * nothing to the access log: `demo` uses it to refuse a database that is
 * already in use, the tests to see what an import or demo wrote.
 *
 * Returns: the number of people, or -1 with @error set.
 */
gint64
kh_db_count_clients (KhDb    *db,
                     GError **error)
{
  g_autoptr(KhDbStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (db != NULL, -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  stmt = _kh_db_prepare (db, "SELECT count(*) FROM clients", error);
  if (stmt == NULL)
    return -1;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _kh_db_set_error (db, rc, error);
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}

/**
 * kh_db_prepare_bulk_load:
 *
 * The default cache (2 MiB) holds a small part of the indexes that a large
 * load inserts into at random places (identity codes, names, birth dates),
 * so each insert reads pages back from the write-ahead log. 64 MiB holds a
 * database of 100 000 people with their contacts entirely.
 */
gboolean
kh_db_prepare_bulk_load (KhDb    *db,
                         GError **error)
{
  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _kh_db_exec (db, "PRAGMA cache_size = -65536", error);
}
