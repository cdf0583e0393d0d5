/* kh-db-attempts.c — the attempts to reach a person (issue 8, 3)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Recording an attempt (a call that was not answered, a text message, a
 * letter, a home visit) checks it with kh_contact_attempt_check and who
 * may with kh_contact_attempt_may_record (src/core), and writes it in one
 * transaction; who recorded it and when are the store's (SQLite: the
 * acting user, checked against the users table, and this clock) or the
 * server's (its session and clock: kohtaamo.record_contact_attempt), never
 * the form's. Attempts are append-only on both engines
 * (data/sql/0032-contact-attempts.sql, data/sql/pg/0028-contact-attempts.sql).
 *
 * Reading a person's attempts is reading their timeline: logged once as
 * KH_ACCESS_TIMELINE in the reading's transaction (_kh_db_read_timeline;
 * on a server the row that row-level security then asks for). The
 * timeline itself lists them too (kh-db-timeline.c).
 */
#define G_LOG_DOMAIN "kohtaamo-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "store/kh-db-private.h"

static gboolean
check_user (KhDb     *db,
            KhUser   *user,
            GError  **error)
{
  if (!_kh_db_check_role (db, user, KH_ROLE_COUNSELLOR, error))
    return FALSE;
  if (!kh_contact_attempt_may_record (user->role))
    {
      g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION,
                           _("Attempts to reach a person are recorded and read by social counsellors, social workers and the lead social worker."));
      return FALSE;
    }
  return TRUE;
}

/* SQLite: the followed contact's person and arrival (the server's trigger
 * asks the same itself, and its row-level security hides the contact
 * until a read is logged). FALSE with NOT_FOUND when there is none. */
static gboolean
read_followed_contact (KhDb        *db,
                       gint64       contact_id,
                       gint64      *out_client_id,
                       GDateTime  **out_received_at,
                       GError     **error)
{
  g_autoptr(KhDbStmt) stmt = _kh_db_prepare (db, "SELECT client_id, received_at FROM contacts WHERE id = ?1",
                                             error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  _kh_db_bind_int64 (stmt, 1, contact_id);
  rc = _kh_db_step (stmt);
  if (rc == KH_DB_ROW)
    {
      *out_client_id = _kh_db_column_int64 (stmt, 0);
      *out_received_at = _kh_db_column_time (stmt, 1);
    }
  else if (rc == KH_DB_DONE)
    g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND,
                         _("The contact was not found."));
  else
    _kh_db_set_error (db, rc, error);
  _kh_db_reset (stmt);
  return rc == KH_DB_ROW;
}

/* The checks that need the database: on SQLite, the followed contact is
 * the person's and the attempt not earlier than it. */
static gboolean
check_attempt (KhDb              *db,
               KhContactAttempt  *attempt,
               GDateTime         *now,
               char             **out_note,
               GError           **error)
{
  g_autoptr(GDateTime) received_at = NULL;
  g_autoptr(GError) check_error = NULL;
  gint64 contact_client = 0;

  if (attempt->contact_id > 0 && !kh_db_is_server (db))
    {
      if (!read_followed_contact (db, attempt->contact_id, &contact_client, &received_at, error))
        return FALSE;
      if (contact_client != attempt->client_id)
        {
          g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                               _("The contact that the attempt follows up is another person’s."));
          return FALSE;
        }
    }
  if (!kh_contact_attempt_check (attempt, now, received_at, out_note, &check_error))
    {
      g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID, check_error->message);
      return FALSE;
    }
  return TRUE;
}

/**
 * kh_db_record_contact_attempt:
 * @attempt: what to record (client, contact, case, attempted_at, method,
 *   outcome, note)
 *
 * Returns: (transfer full): the attempt as stored (its id, cleaned note,
 *   who recorded it and when), or NULL with @error set: PERMISSION
 *   (kh_contact_attempt_may_record), INVALID (kh_contact_attempt_check, a
 *   contact or case of another person), NOT_FOUND (no such person or
 *   contact).
 */
KhContactAttempt *
kh_db_record_contact_attempt (KhDb              *db,
                              KhUser            *user,
                              KhContactAttempt  *attempt,
                              GError           **error)
{
  g_autoptr(KhContactAttempt) stored = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *note = NULL;
  GError *local_error = NULL;
  gboolean own;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (KH_IS_USER (user), NULL);
  g_return_val_if_fail (KH_IS_CONTACT_ATTEMPT (attempt), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_user (db, user, error) || !_kh_db_tx_begin (db, &own, error))
    return NULL;
  now = g_date_time_new_from_unix_local (_kh_db_now ());
  if (check_attempt (db, attempt, now, &note, &local_error))
    {
      /* ?1 person, ?2 contact, ?3 case, ?4 when, ?5 method, ?6 outcome,
       * ?7 note; ?8 user, ?9 now (the server takes both itself):
       * data/sql/pg/0028-contact-attempts.sql. */
      g_autoptr(KhDbStmt) stmt =
        _kh_db_prepare (db, kh_db_is_server (db)
                              ? "SELECT id, made_at FROM kohtaamo.record_contact_attempt "
                                "(?1, ?2, ?3, ?4, ?5, ?6, ?7) WHERE id IS NOT NULL"
                              : "INSERT INTO contact_attempts (client_id, contact_id, case_id, "
                                "  attempted_at, method, outcome, note, made_by, made_at) "
                                "SELECT id, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9 FROM clients WHERE id = ?1 "
                                "RETURNING id, made_at",
                        &local_error);
      int rc;

      if (stmt != NULL)
        {
          _kh_db_bind_int64 (stmt, 1, attempt->client_id);
          _kh_db_bind_id (stmt, 2, attempt->contact_id);
          _kh_db_bind_id (stmt, 3, attempt->case_id);
          _kh_db_bind_int64 (stmt, 4, g_date_time_to_unix (attempt->attempted_at));
          _kh_db_bind_int (stmt, 5, attempt->method);
          _kh_db_bind_int (stmt, 6, attempt->outcome);
          _kh_db_bind_text (stmt, 7, note);
          if (!kh_db_is_server (db))
            {
              _kh_db_bind_int64 (stmt, 8, user->id);
              _kh_db_bind_int64 (stmt, 9, g_date_time_to_unix (now));
            }
          rc = _kh_db_step (stmt);
          if (rc == KH_DB_ROW)
            {
              stored = kh_contact_attempt_copy (attempt);
              stored->id = _kh_db_column_int64 (stmt, 0);
              g_clear_pointer (&stored->made_at, g_date_time_unref);
              stored->made_at = _kh_db_column_time (stmt, 1);
              g_free (stored->note);
              stored->note = g_steal_pointer (&note);
              stored->made_by = user->id;
              g_free (stored->made_by_name);
              stored->made_by_name = g_strdup (user->display_name != NULL ? user->display_name
                                                                          : user->account);
            }
          else if (rc == KH_DB_DONE)
            g_set_error_literal (&local_error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND,
                                 _("The person was not found."));
          else
            _kh_db_set_error (db, rc, &local_error);
          _kh_db_reset (stmt);
        }
    }
  if (!_kh_db_tx_finish (db, own, local_error, error))
    return NULL;
  return g_steal_pointer (&stored);
}

static gpointer
attempt_from_row (KhDbStmt *stmt)
{
  KhContactAttempt *a = kh_contact_attempt_new ();

  a->id = _kh_db_column_int64 (stmt, 0);
  a->client_id = _kh_db_column_int64 (stmt, 1);
  a->contact_id = _kh_db_column_int64 (stmt, 2);
  a->case_id = _kh_db_column_int64 (stmt, 3);
  a->attempted_at = _kh_db_column_time (stmt, 4);
  a->method = _kh_db_column_int (stmt, 5);
  a->outcome = _kh_db_column_int (stmt, 6);
  a->note = _kh_db_column_text (stmt, 7);
  a->made_by = _kh_db_column_int64 (stmt, 8);
  a->made_by_name = _kh_db_column_text (stmt, 9);
  a->made_at = _kh_db_column_time (stmt, 10);
  return a;
}

/**
 * kh_db_list_contact_attempts:
 *
 * Returns: (transfer full) (element-type KhContactAttempt): the person's
 *   attempts, oldest first; the read is logged once as KH_ACCESS_TIMELINE.
 *   NULL with @error set: PERMISSION, NOT_FOUND (no such person).
 */
GPtrArray *
kh_db_list_contact_attempts (KhDb     *db,
                             KhUser   *user,
                             gint64    client_id,
                             GError  **error)
{
  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (KH_IS_USER (user), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_user (db, user, error))
    return NULL;
  return _kh_db_read_timeline (db, user, client_id,
                               "SELECT a.id, a.client_id, a.contact_id, a.case_id, a.attempted_at, "
                               "  a.method, a.outcome, a.note, a.made_by, "
                               "  coalesce (u.display_name, u.account), a.made_at "
                               "FROM contact_attempts a LEFT JOIN users u ON u.id = a.made_by "
                               "WHERE a.client_id = ?1 ORDER BY a.attempted_at, a.id LIMIT ?2",
                               G_MAXINT64, attempt_from_row, error);
}
