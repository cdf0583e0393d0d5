/* kh-db-changes.c — noticing what other desks commit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 6, 6: when one desk saves, every other desk's lists and open person
 * pages follow within a second, without reading the data over and over.
 * Two parts:
 *
 *  - whether anyone else has committed at all: engine-specific, and the
 *    only engine-specific part (KhDbEngine.changes_elsewhere: PRAGMA
 *    data_version in kh-db-sqlite.c; on PostgreSQL, LISTEN/NOTIFY answers
 *    the same question in kh-db-pg.c, and the store's worker waits on the
 *    connection's socket, kh_db_get_change_socket, instead of asking);
 *  - whose pages to read again: client_changes (0019-live-changes.sql) has
 *    for each person the sequence number of the last commit that changed
 *    their details, contacts or cases. Portable SQL; ids only, so reading
 *    it is not a read of anyone's data and logs nothing.
 */
#define G_LOG_DOMAIN "kohtaamo-store"

#include "config.h"

#include "store/kh-db-private.h"

static gboolean
read_last_seq (KhDb    *db,
               gint64  *out_seq,
               GError **error)
{
  g_autoptr(KhDbStmt) stmt = NULL;
  int rc;

  stmt = _kh_db_prepare (db, "SELECT coalesce (max (seq), 0) FROM client_changes", error);
  if (stmt == NULL)
    return FALSE;
  rc = _kh_db_step (stmt);
  if (rc != KH_DB_ROW)
    {
      _kh_db_set_error (db, rc, error);
      return FALSE;
    }
  *out_seq = _kh_db_column_int64 (stmt, 0);
  return TRUE;
}

/* The people changed after `db->change_seq`, and the newest number. */
static gboolean
read_changed_clients (KhDb     *db,
                      GArray   *ids,
                      GError  **error)
{
  g_autoptr(KhDbStmt) stmt = NULL;
  int rc;

  stmt = _kh_db_prepare (db, "SELECT client_id, seq FROM client_changes WHERE seq > ? ORDER BY seq",
                         error);
  if (stmt == NULL)
    return FALSE;
  _kh_db_bind_int64 (stmt, 1, db->change_seq);
  while ((rc = _kh_db_step (stmt)) == KH_DB_ROW)
    {
      gint64 id = _kh_db_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
      db->change_seq = MAX (db->change_seq, _kh_db_column_int64 (stmt, 1));
    }
  if (rc != KH_DB_DONE)
    {
      _kh_db_set_error (db, rc, error);
      return FALSE;
    }
  return TRUE;
}

/**
 * kh_db_poll_change:
 * @db: a database
 * @out_changed: (out): whether someone else has committed since the last call
 * @out_client_ids: (out) (optional) (transfer full): when changed, the ids
 *   (gint64) of the people whose details, contacts or cases changed since
 *   the last call; NULL otherwise
 *
 * The first call takes the starting point and says "not changed".
 *
 * Returns: FALSE with @error set when the database could not be asked
 */
gboolean
kh_db_poll_change (KhDb      *db,
                   gboolean  *out_changed,
                   GArray   **out_client_ids,
                   GError   **error)
{
  g_autoptr(GArray) ids = NULL;
  gint64 version = 0;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (out_changed != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *out_changed = FALSE;
  if (out_client_ids != NULL)
    *out_client_ids = NULL;
  /* Inside the caller's transaction nothing else can be seen anyway. */
  if (db->explicit_transaction)
    return TRUE;

  if (db->engine->changes_elsewhere == NULL)
    return TRUE;
  if (!db->engine->changes_elsewhere (db, &version, error))
    return FALSE;
  if (!db->change_watched)
    {
      if (db->engine->changed_clients == NULL && !read_last_seq (db, &db->change_seq, error))
        return FALSE;
      db->data_version = version;
      db->change_watched = TRUE;
      return TRUE;
    }
  if (version == db->data_version)
    return TRUE;

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (db->engine->changed_clients != NULL
      ? !db->engine->changed_clients (db, ids, error)
      : !read_changed_clients (db, ids, error))
    return FALSE;
  db->data_version = version;
  *out_changed = TRUE;
  if (out_client_ids != NULL)
    *out_client_ids = g_steal_pointer (&ids);
  return TRUE;
}

/**
 * kh_db_get_change_socket:
 * @db: a database
 *
 * Returns: the descriptor to wait on for other desks' commits, or -1 when
 *   kh_db_poll_change must be asked at intervals
 */
int
kh_db_get_change_socket (KhDb *db)
{
  g_return_val_if_fail (db != NULL, -1);

  /* Inside a transaction kh_db_poll_change does not look: waiting on the
   * socket would wake at once, again and again. */
  if (db->engine->change_socket == NULL || !db->change_watched || db->explicit_transaction)
    return -1;
  return db->engine->change_socket (db);
}
