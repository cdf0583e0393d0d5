/* kh-db-responsible.c — the person's named responsible worker (42 §)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 7, 2: the client page shows who the person's responsible worker
 * (omatyöntekijä / egen kontaktperson) is, and a counsellor, social worker
 * or the lead social worker names one, or records why none is named.
 * The rules are src/core/kh-responsible-worker.c's; the tables restate
 * them for any program (data/sql/0029-responsible-workers.sql, and on a
 * server data/sql/pg/0023-responsible-workers.sql, which also decides who
 * may and stamps who named and when).
 *
 * The current naming is read with the person (kh_db_get_client), in the
 * transaction that logged the read: on a server, row-level security shows
 * the rows only there.
 */
#define G_LOG_DOMAIN "kohtaamo-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/kh-text.h"
#include "store/kh-db-private.h"

/* What both engines' tables say when special support needs a social
 * worker (the SQLite trigger and the server's); the store says it in the
 * user's words (kh_naming_problem_message). */
#define SPECIAL_SUPPORT_RULE "a client who needs special support has a social worker"

#define NAMING_SELECT \
  "SELECT r.id, r.worker_id, coalesce (w.display_name, w.account), w.role, r.reason, " \
  "  coalesce (b.display_name, b.account), r.named_at " \
  "FROM responsible_workers r " \
  "  LEFT JOIN users w ON w.id = r.worker_id " \
  "  JOIN users b ON b.id = r.named_by "

static KhResponsibleWorker *
naming_from_row (KhDbStmt *stmt)
{
  KhResponsibleWorker *naming = kh_responsible_worker_new ();

  naming->id = _kh_db_column_int64 (stmt, 0);
  naming->worker_id = _kh_db_column_int64 (stmt, 1);
  naming->worker_name = _kh_db_column_text (stmt, 2);
  naming->worker_role = _kh_db_column_int (stmt, 3);
  naming->reason = _kh_db_column_text (stmt, 4);
  naming->named_by_name = _kh_db_column_text (stmt, 5);
  naming->named_at = _kh_db_column_time (stmt, 6);
  return naming;
}

static KhResponsibleWorker *
read_naming (KhDb         *db,
             const char   *where,
             gint64        id,
             GError      **error)
{
  g_autofree char *sql = g_strconcat (NAMING_SELECT, where, NULL);
  g_autoptr(KhDbStmt) stmt = _kh_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  _kh_db_bind_int64 (stmt, 1, id);
  rc = _kh_db_step (stmt);
  if (rc == KH_DB_ROW)
    return naming_from_row (stmt);
  if (rc != KH_DB_DONE)
    _kh_db_set_error (db, rc, error);
  return NULL;
}

/* Inside the transaction that logged the read of `client`: its current
 * naming, if any, into client->responsible_worker. */
gboolean
_kh_db_read_responsible_worker (KhDb      *db,
                                KhClient  *client,
                                GError   **error)
{
  GError *local_error = NULL;

  g_clear_pointer (&client->responsible_worker, kh_responsible_worker_free);
  client->responsible_worker = read_naming (db, "WHERE r.client_id = ?1 ORDER BY r.id DESC LIMIT 1",
                                            client->id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

/* The one named: their role and whether they are active, for the rule. */
static gboolean
read_worker (KhDb      *db,
             gint64     worker_id,
             KhNaming  *naming,
             GError   **error)
{
  g_autoptr(KhDbStmt) stmt = NULL;
  int rc;

  if (worker_id <= 0)
    return TRUE;
  stmt = _kh_db_prepare (db, "SELECT role, active FROM users WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  _kh_db_bind_int64 (stmt, 1, worker_id);
  rc = _kh_db_step (stmt);
  if (rc == KH_DB_ROW)
    {
      naming->worker_role = _kh_db_column_int (stmt, 0);
      naming->worker_active = _kh_db_column_int (stmt, 1) != 0;
      return TRUE;
    }
  if (rc == KH_DB_DONE)
    {
      g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND,
                           _("The worker was not found."));
      return FALSE;
    }
  _kh_db_set_error (db, rc, error);
  return FALSE;
}

static void
set_naming_error (KhNamingProblem   problem,
                  GError          **error)
{
  g_set_error_literal (error, KH_STORE_ERROR,
                       problem == KH_NAMING_NAMER_NOT_PROFESSIONAL ? KH_STORE_ERROR_PERMISSION
                                                                   : KH_STORE_ERROR_INVALID,
                       kh_naming_problem_message (problem));
}

/**
 * kh_db_name_responsible_worker:
 * @worker_id: the one named, or 0 for nobody
 * @reason: (nullable): why nobody is named (42 § 1 mom); NULL with a worker
 *
 * Records a naming of the person's responsible worker as @user, now; it
 * becomes the current one. INVALID (with the rule's words) for a naming
 * kh_naming_check refuses — including a counsellor named for a person
 * whose latest finished assessment found a need for special support —
 * PERMISSION for reception and the administrator, NOT_FOUND for no such
 * person or worker.
 *
 * Returns: (transfer full): the naming as stored, or NULL with @error set.
 */
KhResponsibleWorker *
kh_db_name_responsible_worker (KhDb        *db,
                               KhUser      *user,
                               gint64       client_id,
                               gint64       worker_id,
                               const char  *reason,
                               GError     **error)
{
  g_autoptr(KhResponsibleWorker) result = NULL;
  g_autofree char *clean = NULL;
  KhNaming naming = { 0 };
  KhNamingProblem problem;
  GError *local_error = NULL;
  gboolean own;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (KH_IS_USER (user), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_kh_db_check_role (db, user, KH_ROLE_RECEPTION, error))
    return NULL;
  clean = worker_id > 0 ? NULL : kh_text_clean_note (reason);
  naming.namer_role = user->role;
  naming.worker_id = worker_id;
  naming.reason = worker_id > 0 ? reason : clean;
  if (!_kh_db_tx_begin (db, &own, error))
    return NULL;

  if (read_worker (db, worker_id, &naming, &local_error))
    {
      problem = kh_naming_check (&naming);
      if (problem != KH_NAMING_OK)
        set_naming_error (problem, &local_error);
    }

  if (local_error == NULL)
    {
      /* ?1 person, ?2 worker, ?3 reason, ?4 user, ?5 now (the server
       * takes both itself): data/sql/pg/0023-responsible-workers.sql. */
      g_autoptr(KhDbStmt) stmt =
        _kh_db_prepare (db, kh_db_is_server (db)
                              ? "SELECT id, named_at FROM kohtaamo.responsible_worker_name (?1, ?2, ?3) "
                                "WHERE id IS NOT NULL"
                              : "INSERT INTO responsible_workers (client_id, worker_id, reason, "
                                "  named_by, named_at) "
                                "SELECT id, ?2, ?3, ?4, ?5 FROM clients WHERE id = ?1 "
                                "RETURNING id, named_at",
                        &local_error);
      g_autoptr(GDateTime) named_at = NULL;
      gint64 id = 0;
      int rc;

      if (stmt != NULL)
        {
          _kh_db_bind_int64 (stmt, 1, client_id);
          _kh_db_bind_id (stmt, 2, worker_id);
          _kh_db_bind_text (stmt, 3, clean);
          _kh_db_bind_int64 (stmt, 4, user->id);
          _kh_db_bind_int64 (stmt, 5, _kh_db_now ());
          rc = _kh_db_step (stmt);
          if (rc == KH_DB_ROW)
            {
              id = _kh_db_column_int64 (stmt, 0);
              named_at = _kh_db_column_time (stmt, 1);
            }
          else if (rc == KH_DB_DONE)
            g_set_error_literal (&local_error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND,
                                 _("The person was not found."));
          else
            {
              _kh_db_set_error (db, rc, &local_error);
              /* 42 § 3 mom, which the tables check against the person's
               * assessments. */
              if (strstr (local_error->message, SPECIAL_SUPPORT_RULE) != NULL)
                {
                  g_clear_error (&local_error);
                  set_naming_error (KH_NAMING_NEEDS_SOCIAL_WORKER, &local_error);
                }
            }
          _kh_db_reset (stmt);
        }
      if (id > 0)
        {
          /* What was stored is what was asked, with the store's (or the
           * server's) time. */
          result = kh_responsible_worker_new ();
          result->id = id;
          result->worker_id = worker_id;
          result->worker_role = naming.worker_role;
          result->reason = g_steal_pointer (&clean);
          result->named_by_name = g_strdup (user->display_name != NULL ? user->display_name
                                                                       : user->account);
          result->named_at = g_steal_pointer (&named_at);
        }
    }

  if (result != NULL && result->worker_id > 0)
    {
      g_autoptr(KhDbStmt) stmt = _kh_db_prepare (db, "SELECT coalesce (display_name, account) "
                                                     "FROM users WHERE id = ?", &local_error);

      if (stmt != NULL)
        {
          _kh_db_bind_int64 (stmt, 1, result->worker_id);
          if (_kh_db_step (stmt) == KH_DB_ROW)
            result->worker_name = _kh_db_column_text (stmt, 0);
        }
    }

  if (!_kh_db_tx_finish (db, own, local_error, error))
    return NULL;
  return g_steal_pointer (&result);
}

gint64
kh_db_insert_responsible_worker_bulk (KhDb       *db,
                                      gint64      client_id,
                                      gint64      worker_id,
                                      GDateTime  *named_at,
                                      GError    **error)
{
  g_autoptr(KhDbStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (db != NULL, 0);
  g_return_val_if_fail (worker_id > 0 && named_at != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  stmt = _kh_db_prepare (db, "INSERT INTO responsible_workers (client_id, worker_id, named_by, named_at) "
                             "VALUES (?1, ?2, ?2, ?3) RETURNING id", error);
  if (stmt == NULL)
    return 0;
  _kh_db_bind_int64 (stmt, 1, client_id);
  _kh_db_bind_int64 (stmt, 2, worker_id);
  _kh_db_bind_int64 (stmt, 3, g_date_time_to_unix (named_at));
  rc = _kh_db_step (stmt);
  if (rc != KH_DB_ROW)
    {
      _kh_db_set_error (db, rc, error);
      return 0;
    }
  return _kh_db_column_int64 (stmt, 0);
}
