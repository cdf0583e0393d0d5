/* kh-db-timeline.c — the person's timeline and case notes (issue 7, 2)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The client page shows everything about a person, newest first, across
 * all their cases: one query (TIMELINE_SQL) whose arms are the kinds of
 * KhTimelineKind, each giving the same columns. A new kind (plans) is
 * one more arm here and one more value there. Issued documents (issue 8,
 * 5) are listed here with their metadata; their PDFs are opened, and
 * logged, one by one (kh-db-documents.c). So are the attempts to reach
 * the person (issue 8, 3; kh-db-attempts.c).
 *
 * Case notes (data/sql/0027-case-notes.sql, data/sql/pg/0019-case-notes.sql)
 * are written for one case, append-only; the author and the time are the
 * store's (SQLite: the acting user, checked against the users table, and
 * this clock) or the server's (its session and clock), never the form's.
 *
 * Who: social counsellors, social workers and the lead social worker;
 * never reception or the administrator role (the server refuses them too).
 * Reading the timeline is logged as KH_ACCESS_TIMELINE, once, in the same
 * transaction: on SQLite by _kh_db_log_access, on a server by
 * kohtaamo.log_timeline_access(), which checks the role and writes the
 * row that row-level security then asks for.
 */
#define G_LOG_DOMAIN "kohtaamo-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/kh-text.h"
#include "store/kh-db-private.h"

/* ?1 the person, ?2 how many. Columns: kind, id, case id, at, n1, n2,
 * ref id, flag, text, who, and for documents n3, day, code, lang
 * (KhTimelineEntry). {timeline_plans} is a view on SQLite and a function
 * on a server (data/sql/0035-client-plans.sql). {timeline_assessments} is the
 * assessments table on SQLite and, on a server, a function that gives
 * only the columns read here (0016). Keep the arms' columns in step. */
#define TIMELINE_SQL \
  "SELECT kind, id, case_id, at, n1, n2, ref_id, flag, text, who, n3, day, code, lang FROM (" \
  /* Contacts: channel, outcome; entered in error. */ \
  "  SELECT 1 AS kind, k.id AS id, " \
  "    coalesce (k.attached_case_id, (SELECT cs.id FROM cases cs WHERE cs.contact_id = k.id), 0) " \
  "      AS case_id, k.received_at AS at, k.channel AS n1, k.outcome AS n2, 0 AS ref_id, " \
  "    k.entered_in_error AS flag, k.reason_text AS text, " \
  "    coalesce (u.display_name, u.account) AS who, 0 AS n3, NULL AS day, NULL AS code, " \
  "    NULL AS lang " \
  "  FROM contacts k LEFT JOIN users u ON u.id = k.created_by " \
  "  WHERE k.client_id = ?1 " \
  "UNION ALL " \
  /* Cases: status, urgent; the worker. */ \
  "  SELECT 2, cs.id, cs.id, cs.opened_at, cs.status, cs.urgent, 0, 0, NULL, " \
  "    coalesce (u.display_name, u.account), 0, NULL, NULL, NULL " \
  "  FROM cases cs LEFT JOIN users u ON u.id = cs.assigned_to " \
  "  WHERE cs.client_id = ?1 " \
  "UNION ALL " \
  /* Assessment versions: status, version; the version changed, its reason. */ \
  "  SELECT 3, s.id, s.case_id, coalesce (s.finished_at, s.updated_at), s.status, s.version, " \
  "    coalesce (s.previous_id, 0), 0, s.change_reason, coalesce (u.display_name, u.account), " \
  "    0, NULL, NULL, NULL " \
  "  FROM {timeline_assessments} s " \
  "    LEFT JOIN users u ON u.id = coalesce (s.finished_by, s.updated_by) " \
  "  WHERE s.client_id = ?1 " \
  "UNION ALL " \
  /* Case notes: the note corrected. */ \
  "  SELECT 4, n.id, n.case_id, n.written_at, 0, 0, coalesce (n.corrects_id, 0), 0, n.body, " \
  "    coalesce (u.display_name, u.account), 0, NULL, NULL, NULL " \
  "  FROM case_notes n LEFT JOIN users u ON u.id = n.written_by " \
  "  WHERE n.client_id = ?1 " \
  "UNION ALL " \
  /* Issued documents (issue 8, 5): their metadata, never the PDF; the \
   * number of the kind's series (a decision's, a payment commitment's); \
   * a decision that grants (a commitment may rest on it). */ \
  "  SELECT 5, d.id, coalesce (d.case_id, 0), d.issued_at, d.kind, " \
  "    coalesce (d.register_number, d.commitment_number, 0), " \
  "    coalesce (d.corrects_id, 0), CASE WHEN d.grants THEN 1 ELSE 0 END, d.title, " \
  "    coalesce (u.display_name, u.account), " \
  "    coalesce (d.register_year, d.commitment_year, 0), d.sent_on, d.delivery, d.language " \
  "  FROM documents d LEFT JOIN users u ON u.id = d.issued_by " \
  "  WHERE d.client_id = ?1 " \
  "UNION ALL " \
  /* Attempts to reach the person (issue 8, 3): method, outcome; the \
   * contact followed up, the note. */ \
  "  SELECT 6, a.id, coalesce (a.case_id, 0), a.attempted_at, a.method, a.outcome, " \
  "    coalesce (a.contact_id, 0), 0, a.note, coalesce (u.display_name, u.account), " \
  "    0, NULL, NULL, NULL " \
  "  FROM contact_attempts a LEFT JOIN users u ON u.id = a.made_by " \
  "  WHERE a.client_id = ?1 " \
  "UNION ALL " \
  /* Client plans (issue 9, 5): each version accepted, the newest \
   * version's review date, its actions overdue (KhTimelineKind 7–9): \
   * SQLite's view timeline_plans, a server's function of that name. */ \
  "  SELECT p.kind, p.id, p.case_id, p.at, p.n1, p.n2, p.ref_id, p.flag, p.text, p.who, p.n3, p.day, " \
  "    p.code, p.lang " \
  "  FROM {timeline_plans} p WHERE p.client_id = ?1 " \
  ") t ORDER BY at DESC, kind DESC, id DESC LIMIT ?2"

static gboolean
check_user (KhDb     *db,
            KhUser   *user,
            GError  **error)
{
  if (!_kh_db_check_role (db, user, KH_ROLE_COUNSELLOR, error))
    return FALSE;
  if (user->role == KH_ROLE_ADMIN)
    {
      g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION,
                           _("Case notes are written and read by social counsellors, social workers and the lead social worker."));
      return FALSE;
    }
  return TRUE;
}

static gpointer
entry_from_row (KhDbStmt *stmt)
{
  KhTimelineEntry *e = kh_timeline_entry_new (_kh_db_column_int (stmt, 0));

  e->id = _kh_db_column_int64 (stmt, 1);
  e->case_id = _kh_db_column_int64 (stmt, 2);
  e->at = _kh_db_column_time (stmt, 3);
  e->n1 = _kh_db_column_int (stmt, 4);
  e->n2 = _kh_db_column_int (stmt, 5);
  e->ref_id = _kh_db_column_int64 (stmt, 6);
  e->flag = _kh_db_column_int (stmt, 7) != 0;
  e->text = _kh_db_column_text (stmt, 8);
  e->who = _kh_db_column_text (stmt, 9);
  e->n3 = _kh_db_column_int (stmt, 10);
  e->day = _kh_db_column_text (stmt, 11);
  e->code = _kh_db_column_text (stmt, 12);
  e->language = _kh_db_column_text (stmt, 13);
  return e;
}

/* Logs the read of the person's `what`: on SQLite after finding the
 * person, on a server by `server_sql` (which checks the role and returns
 * the person, or NULL); FALSE with NOT_FOUND when there is no such person
 * (and nothing logged). */
static gboolean
log_read (KhDb          *db,
          KhUser        *user,
          gint64         client_id,
          KhAccessWhat   what,
          const char    *server_sql,
          GError       **error)
{
  g_autoptr(KhDbStmt) stmt = NULL;
  gboolean found;
  int rc;

  stmt = _kh_db_prepare (db, kh_db_is_server (db) ? server_sql : "SELECT id FROM clients WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  _kh_db_bind_int64 (stmt, 1, client_id);
  rc = _kh_db_step (stmt);
  if (rc != KH_DB_ROW && rc != KH_DB_DONE)
    {
      _kh_db_set_error (db, rc, error);
      return FALSE;
    }
  found = rc == KH_DB_ROW && !_kh_db_column_is_null (stmt, 0);
  _kh_db_reset (stmt);
  if (!found)
    {
      g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND,
                           _("The person was not found."));
      return FALSE;
    }
  if (!kh_db_is_server (db))
    return _kh_db_log_access (db, user, client_id, what, KH_BASIS_CLIENT_RELATIONSHIP, error);
  return TRUE;
}

GPtrArray *
_kh_db_read_logged (KhDb           *db,
                    KhUser         *user,
                    gint64          client_id,
                    KhAccessWhat    what,
                    const char     *server_log_sql,
                    const char     *sql,
                    gint64          param,
                    KhDbRowFunc     from_row,
                    GDestroyNotify  free_row,
                    KhDbRowsThen    then,
                    gpointer        then_data,
                    GError        **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (free_row);
  GError *local_error = NULL;
  gboolean own;

  if (!_kh_db_read_begin (db, &own, error))
    return NULL;
  if (log_read (db, user, client_id, what, server_log_sql, &local_error))
    {
      g_autoptr(KhDbStmt) stmt = _kh_db_prepare (db, sql, &local_error);

      if (stmt != NULL)
        {
          _kh_db_bind_int64 (stmt, 1, client_id);
          _kh_db_bind_int64 (stmt, 2, param);
          _kh_db_bind_text (stmt, 9, _kh_db_ui_language ());
          if (_kh_db_read_rows (db, stmt, from_row, rows, &local_error) && then != NULL)
            then (db, client_id, param, rows, then_data, &local_error);
        }
    }
  if (!_kh_db_read_finish (db, own, local_error, error))
    return NULL;
  return g_steal_pointer (&rows);
}

/* Rows of the person's timeline (the timeline itself, or the attempts to
 * reach them: kh-db-attempts.c), the reading logged once as
 * KH_ACCESS_TIMELINE first (on a server by kohtaamo.log_timeline_access). */
GPtrArray *
_kh_db_read_timeline (KhDb         *db,
                      KhUser       *user,
                      gint64        client_id,
                      const char   *sql,
                      gint64        limit,
                      KhDbRowFunc   from_row,
                      GError      **error)
{
  return _kh_db_read_logged (db, user, client_id, KH_ACCESS_TIMELINE,
                             "SELECT kohtaamo.log_timeline_access (CAST (?1 AS bigint))",
                             sql, limit, from_row, g_object_unref, NULL, NULL, error);
}

/**
 * kh_db_list_client_timeline:
 *
 * Returns: (transfer full) (element-type KhTimelineEntry): the person's
 *   timeline, newest first, at most `limit` entries (0: all); the read is
 *   logged once as KH_ACCESS_TIMELINE.
 */
GPtrArray *
kh_db_list_client_timeline (KhDb     *db,
                            KhUser   *user,
                            gint64    client_id,
                            guint     limit,
                            GError  **error)
{
  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (KH_IS_USER (user), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_user (db, user, error))
    return NULL;
  return _kh_db_read_timeline (db, user, client_id, TIMELINE_SQL, limit > 0 ? (gint64) limit : G_MAXINT64,
                               entry_from_row, error);
}

/**
 * kh_db_add_case_note:
 *
 * Returns: (transfer full): the note as stored (its id, case, time, text
 *   and author), or NULL with `error` set.
 */
KhTimelineEntry *
kh_db_add_case_note (KhDb        *db,
                     KhUser      *user,
                     gint64       case_id,
                     const char  *text,
                     gint64       corrects_id,
                     GError     **error)
{
  g_autoptr(KhTimelineEntry) note = NULL;
  g_autoptr(GError) check_error = NULL;
  g_autofree char *clean = NULL;
  GError *local_error = NULL;
  gboolean own;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (KH_IS_USER (user), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!kh_case_note_check (text, &clean, &check_error))
    {
      g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID, check_error->message);
      return NULL;
    }
  if (!check_user (db, user, error) || !_kh_db_tx_begin (db, &own, error))
    return NULL;

  {
    /* ?1 case, ?2 text, ?3 the note corrected, ?4 user, ?5 now (the
     * server takes both itself): data/sql/pg/0019-case-notes.sql. */
    g_autoptr(KhDbStmt) stmt =
      _kh_db_prepare (db, kh_db_is_server (db)
                            ? "SELECT id, written_at FROM kohtaamo.case_note_add (?1, ?2, ?3) "
                              "WHERE id IS NOT NULL"
                            : "INSERT INTO case_notes (case_id, client_id, body, corrects_id, "
                              "  written_by, written_at) "
                              "SELECT id, client_id, ?2, ?3, ?4, ?5 FROM cases WHERE id = ?1 "
                              "RETURNING id, written_at",
                      &local_error);
    int rc;

    if (stmt != NULL)
      {
        _kh_db_bind_int64 (stmt, 1, case_id);
        _kh_db_bind_text (stmt, 2, clean);
        _kh_db_bind_id (stmt, 3, corrects_id);
        _kh_db_bind_int64 (stmt, 4, user->id);
        _kh_db_bind_int64 (stmt, 5, _kh_db_now ());
        rc = _kh_db_step (stmt);
        if (rc == KH_DB_ROW)
          {
            note = kh_timeline_entry_new (KH_TIMELINE_NOTE);
            note->id = _kh_db_column_int64 (stmt, 0);
            note->at = _kh_db_column_time (stmt, 1);
            note->case_id = case_id;
            note->ref_id = corrects_id;
            note->text = g_steal_pointer (&clean);
            note->who = g_strdup (user->display_name != NULL ? user->display_name : user->account);
          }
        else if (rc == KH_DB_DONE)
          g_set_error_literal (&local_error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND,
                               _("The case was not found."));
        else
          _kh_db_set_error (db, rc, &local_error);
        _kh_db_reset (stmt);
      }
  }
  if (!_kh_db_tx_finish (db, own, local_error, error))
    return NULL;
  return g_steal_pointer (&note);
}
