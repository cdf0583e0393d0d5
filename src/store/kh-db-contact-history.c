/* kh-db-contact-history.c — correcting a saved contact; nothing is deleted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 5, 2.1. A saved contact is corrected, or marked entered in error
 * with a reason; every change first writes a revision (0011-contact-
 * revisions.sql) that keeps what the fields held, who changed them, when and
 * why, in the same transaction. Who may do what is decided here, in
 * decide_rights(), and nowhere else:
 *
 *  - reception corrects and marks only contacts received today (the desk's
 *    own day; after that the record is the workers'), and marks one in
 *    error only while the case it opened, if any, waits in the queue;
 *  - counsellors and social workers correct any contact; they mark one in
 *    error unless its case is with another worker or already closed;
 *  - the lead social worker (and the administrator) may do both always;
 *  - nobody changes a contact once it is entered in error.
 *
 * A contact entered in error stays in the record and in the person's and the
 * day's lists, shown as such. The case it opened is closed (it leaves the
 * queue; SHL 34 §: no matter became pending by a contact that did not
 * happen as recorded), and cannot be reopened — unless other contacts
 * joined that case, through which it is still pending.
 */
#define G_LOG_DOMAIN "kohtaamo-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/kh-text.h"
#include "store/kh-db-private.h"

#define REVISION_SELECT \
  "SELECT r.id, r.contact_id, r.kind, r.changed_by, coalesce (u.display_name, u.account), " \
  "  r.changed_at, r.reason, r.channel, r.contactor_detail, r.needs, r.reason_text, " \
  "  r.urgent_note, r.language, r.interpreter, r.service_id, " \
  "  CASE ?1 WHEN 'sv' THEN coalesce (s.name_sv, s.name_fi) " \
  "          ELSE coalesce (s.name_fi, s.name_sv) END, " \
  "  r.outcome_note, r.contactor_name, r.contactor_relation, r.contactor_contact, " \
  "  r.directed_by " \
  "FROM contact_revisions r " \
  "  JOIN users u ON u.id = r.changed_by " \
  "  LEFT JOIN services s ON s.id = r.service_id " \
  "WHERE r.contact_id = ?2 ORDER BY r.id"

static KhContactRevision *
revision_from_row (KhDbStmt *stmt)
{
  KhContactRevision *revision = kh_contact_revision_new ();
  KhContact *before = kh_contact_new ();

  revision->id = _kh_db_column_int64 (stmt, 0);
  revision->contact_id = _kh_db_column_int64 (stmt, 1);
  revision->kind = _kh_db_column_int (stmt, 2);
  revision->changed_by = _kh_db_column_int64 (stmt, 3);
  revision->changed_by_name = _kh_db_column_text (stmt, 4);
  revision->changed_at = _kh_db_column_time (stmt, 5);
  revision->reason = _kh_db_column_text (stmt, 6);
  before->id = revision->contact_id;
  before->channel = _kh_db_column_int (stmt, 7);
  before->contactor_detail = _kh_db_column_text (stmt, 8);
  before->needs = _kh_db_column_int (stmt, 9);
  before->reason_text = _kh_db_column_text (stmt, 10);
  before->urgent_note = _kh_db_column_text (stmt, 11);
  before->language = _kh_db_column_int (stmt, 12);
  before->interpreter = _kh_db_column_int (stmt, 13) != 0;
  before->service_id = _kh_db_column_int64 (stmt, 14);
  before->service_name = _kh_db_column_text (stmt, 15);
  before->outcome_note = _kh_db_column_text (stmt, 16);
  before->contactor_name = _kh_db_column_text (stmt, 17);
  before->contactor_relation = _kh_db_column_text (stmt, 18);
  before->contactor_contact = _kh_db_column_text (stmt, 19);
  before->directed_by = _kh_db_column_text (stmt, 20);
  revision->before = before;
  return revision;
}

/* What the contact's state adds to the decision. */
typedef struct {
  gboolean      entered_in_error;
  KhCaseStatus  case_status;       /* 0: it opened no case */
  gint64        case_worker;
  char         *case_worker_name;
} ContactState;

static gboolean
read_state (KhDb          *db,
            gint64         contact_id,
            ContactState  *state,
            GError       **error)
{
  g_autoptr(KhDbStmt) stmt = NULL;
  int rc;

  stmt = _kh_db_prepare (db,
                         "SELECT k.entered_in_error, cs.status, cs.assigned_to, "
                         "  coalesce (u.display_name, u.account) "
                         "FROM contacts k "
                         "  LEFT JOIN cases cs ON cs.contact_id = k.id "
                         "  LEFT JOIN users u ON u.id = cs.assigned_to "
                         "WHERE k.id = ?",
                         error);
  if (stmt == NULL)
    return FALSE;
  _kh_db_bind_int64 (stmt, 1, contact_id);
  rc = _kh_db_step (stmt);
  if (rc == KH_DB_DONE)
    {
      g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND,
                           _("The contact was not found."));
      return FALSE;
    }
  if (rc != KH_DB_ROW)
    {
      _kh_db_set_error (db, rc, error);
      return FALSE;
    }
  state->entered_in_error = _kh_db_column_int (stmt, 0) != 0;
  state->case_status = _kh_db_column_int (stmt, 1);
  state->case_worker = _kh_db_column_int64 (stmt, 2);
  state->case_worker_name = _kh_db_column_text (stmt, 3);
  return TRUE;
}

static gboolean
received_today (KhContact *contact)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_local (_kh_db_now ());
  g_autoptr(GDateTime) received = g_date_time_to_local (contact->received_at);

  return g_date_time_get_year (now) == g_date_time_get_year (received)
         && g_date_time_get_day_of_year (now) == g_date_time_get_day_of_year (received);
}

/* The one place that decides who may correct or mark a contact. Sets
 * `why_not` (translated) to the first reason a right is missing. */
static void
decide_rights (KhUser        *user,
               KhContact     *contact,
               ContactState  *state,
               gboolean      *can_correct,
               gboolean      *can_mark,
               char         **why_not)
{
  const char *why = NULL;

  *can_correct = FALSE;
  *can_mark = FALSE;

  if (user == NULL || !user->active || user->role < KH_ROLE_RECEPTION)
    why = _("Your role does not allow changing contacts.");
  else if (state->entered_in_error)
    why = _("The contact has been marked entered in error. It is kept in the record as it is.");
  else if (user->role == KH_ROLE_RECEPTION && !received_today (contact))
    why = _("Reception corrects the contacts of the same day. Ask a social counsellor or a social worker to correct an earlier one.");
  else
    {
      *can_correct = TRUE;
      if (user->role >= KH_ROLE_LEAD)
        *can_mark = TRUE;
      else if (state->case_status == 0 || state->case_status == KH_CASE_QUEUED)
        *can_mark = TRUE;
      else if (state->case_status == KH_CASE_ASSIGNED && user->role > KH_ROLE_RECEPTION
               && state->case_worker == user->id)
        *can_mark = TRUE;
      else if (state->case_status == KH_CASE_ASSIGNED)
        why = _("The case this contact opened is with a worker. Only that worker or the lead social worker can mark the contact entered in error.");
      else
        why = _("The case this contact opened has been closed. Only the lead social worker can mark the contact entered in error.");
    }

  if (why_not != NULL)
    *why_not = g_strdup (why);
}

static gboolean
refuse (GError     **error,
        gint         code,
        const char  *message)
{
  g_set_error_literal (error, KH_STORE_ERROR, code, message);
  return FALSE;
}

/* Cleans and checks the reason for a change. */
static gboolean
check_reason (const char  *reason,
              gboolean     required,
              char       **out_clean,
              GError     **error)
{
  g_autofree char *clean = kh_text_clean (reason);

  if (clean == NULL && required)
    return refuse (error, KH_STORE_ERROR_INVALID,
                   _("Reason: say why the contact was entered in error."));
  if (!kh_text_check_field (_("Reason"), clean, KH_TEXT_NOTE, KH_REVISION_MAX_REASON, error))
    {
      if (error != NULL && *error != NULL)
        {
          (*error)->domain = KH_STORE_ERROR;
          (*error)->code = KH_STORE_ERROR_INVALID;
        }
      return FALSE;
    }
  *out_clean = g_steal_pointer (&clean);
  return TRUE;
}

/* Writes the revision: the correctable fields are copied from the row as it
 * is, so that the revision holds exactly what is replaced. */
static gboolean
write_revision (KhDb            *db,
                KhUser          *user,
                gint64           contact_id,
                KhRevisionKind   kind,
                const char      *reason,
                GError         **error)
{
  g_autoptr(KhDbStmt) stmt = NULL;

  stmt = _kh_db_prepare (db,
                         "INSERT INTO contact_revisions (contact_id, kind, changed_by, changed_at, "
                         "  reason, channel, contactor_detail, needs, reason_text, urgent_note, "
                         "  language, interpreter, service_id, outcome_note, contactor_name, "
                         "  contactor_relation, contactor_contact, directed_by) "
                         "SELECT id, ?2, ?3, ?4, ?5, channel, contactor_detail, needs, reason_text, "
                         "  urgent_note, language, interpreter, service_id, outcome_note, "
                         "  contactor_name, contactor_relation, contactor_contact, directed_by "
                         "FROM contacts WHERE id = ?1",
                         error);
  if (stmt == NULL)
    return FALSE;
  _kh_db_bind_int64 (stmt, 1, contact_id);
  _kh_db_bind_int (stmt, 2, kind);
  _kh_db_bind_int64 (stmt, 3, user->id);
  _kh_db_bind_int64 (stmt, 4, _kh_db_now ());
  _kh_db_bind_text (stmt, 5, reason);
  return _kh_db_step_done (db, stmt, error);
}

static gboolean
check_service (KhDb    *db,
               gint64   service_id,
               GError **error)
{
  g_autoptr(KhDbStmt) stmt = NULL;
  int rc;

  if (service_id <= 0)
    return TRUE;
  stmt = _kh_db_prepare (db, "SELECT 1 FROM services WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  _kh_db_bind_int64 (stmt, 1, service_id);
  rc = _kh_db_step (stmt);
  if (rc == KH_DB_ROW)
    return TRUE;
  if (rc == KH_DB_DONE)
    return refuse (error, KH_STORE_ERROR_INVALID,
                   _("Directed to: the service is not in the directory."));
  _kh_db_set_error (db, rc, error);
  return FALSE;
}

/**
 * kh_db_get_contact_history:
 *
 * Returns: (transfer full): the contact, its revisions and the user's rights,
 *   or %NULL with @error set. The read is logged for the person.
 */
KhContactHistory *
kh_db_get_contact_history (KhDb    *db,
                           KhUser  *user,
                           gint64   contact_id,
                           GError **error)
{
  g_autoptr(KhContactHistory) history = g_new0 (KhContactHistory, 1);
  ContactState state = { 0 };
  GError *local_error = NULL;
  gboolean own;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (KH_IS_USER (user), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_kh_db_check_role (db, user, KH_ROLE_RECEPTION, error))
    return NULL;
  if (!_kh_db_read_begin (db, &own, error))
    return NULL;

  /* On a server the person is logged first, so that the contact shows. */
  if (_kh_db_log_contact_person (db, user, contact_id, KH_ACCESS_CONTACTS,
                                 user->role == KH_ROLE_RECEPTION ? KH_BASIS_INTAKE
                                                                 : KH_BASIS_CLIENT_RELATIONSHIP,
                                 &local_error))
    history->contact = _kh_db_read_contact (db, contact_id, &local_error);
  if (history->contact != NULL && read_state (db, contact_id, &state, &local_error))
    {
      g_autoptr(KhDbStmt) stmt = _kh_db_prepare (db, REVISION_SELECT, &local_error);

      history->revisions = g_ptr_array_new_with_free_func (g_object_unref);
      if (stmt != NULL)
        {
          _kh_db_bind_text (stmt, 1, _kh_db_ui_language ());
          _kh_db_bind_int64 (stmt, 2, contact_id);
          _kh_db_read_rows (db, stmt, (KhDbRowFunc) revision_from_row, history->revisions,
                            &local_error);
        }
    }
  /* Reading a contact is reading the person's contacts (ATL: every read is
   * logged); the basis as for the person's list of contacts. */
  if (local_error == NULL && history->contact->client_id > 0 && !db->engine->search_on_server)
    _kh_db_log_access (db, user, history->contact->client_id, KH_ACCESS_CONTACTS,
                       user->role == KH_ROLE_RECEPTION ? KH_BASIS_INTAKE
                                                       : KH_BASIS_CLIENT_RELATIONSHIP,
                       &local_error);
  if (!_kh_db_read_finish (db, own, local_error, error))
    {
      g_free (state.case_worker_name);
      return NULL;
    }

  /* What each correction changed: its "before" against the next version. */
  for (guint i = 0; i < history->revisions->len; i++)
    {
      KhContactRevision *revision = g_ptr_array_index (history->revisions, i);
      KhContact *next = i + 1 < history->revisions->len
                          ? KH_CONTACT_REVISION (g_ptr_array_index (history->revisions, i + 1))->before
                          : history->contact;

      if (revision->kind == KH_REVISION_CORRECTED)
        revision->changed = kh_contact_changed_fields (revision->before, next);
      else
        {
          g_free (history->error_reason);
          history->error_reason = g_strdup (revision->reason);
        }
    }
  history->entered_in_error = state.entered_in_error;
  history->case_status = state.case_status;
  history->case_worker_name = state.case_worker_name;
  decide_rights (user, history->contact, &state, &history->can_correct,
                 &history->can_mark_in_error, &history->why_not);
  return g_steal_pointer (&history);
}

/* Reads the contact and its state and checks the user's right. */
static KhContact *
begin_change (KhDb          *db,
              KhUser        *user,
              gint64         contact_id,
              gboolean       marking,
              ContactState  *state,
              GError       **error)
{
  g_autoptr(KhContact) contact = NULL;
  g_autofree char *why_not = NULL;
  gboolean can_correct, can_mark;

  /* On a server a write to the person is logged first, as every write
   * there (_kh_db_log_before_write). */
  if (!_kh_db_log_contact_person (db, user, contact_id, KH_ACCESS_EDIT,
                                  user->role == KH_ROLE_RECEPTION ? KH_BASIS_INTAKE
                                                                  : KH_BASIS_CLIENT_RELATIONSHIP,
                                  error))
    return NULL;
  contact = _kh_db_read_contact (db, contact_id, error);
  if (contact == NULL || !read_state (db, contact_id, state, error))
    return NULL;
  decide_rights (user, contact, state, &can_correct, &can_mark, &why_not);
  if (!(marking ? can_mark : can_correct))
    {
      refuse (error, KH_STORE_ERROR_PERMISSION, why_not);
      return NULL;
    }
  return g_steal_pointer (&contact);
}

gboolean
kh_db_correct_contact (KhDb        *db,
                       KhUser      *user,
                       KhContact   *corrected,
                       const char  *reason,
                       GError     **error)
{
  g_autoptr(KhContact) before = NULL;
  g_autoptr(KhContact) after = NULL;
  g_autofree char *clean_reason = NULL;
  ContactState state = { 0 };
  GError *local_error = NULL;
  gboolean own;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (KH_IS_USER (user), FALSE);
  g_return_val_if_fail (KH_IS_CONTACT (corrected), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_kh_db_check_role (db, user, KH_ROLE_RECEPTION, error)
      || !check_reason (reason, FALSE, &clean_reason, error))
    return FALSE;
  if (!_kh_db_tx_begin (db, &own, error))
    return FALSE;

  before = begin_change (db, user, corrected->id, FALSE, &state, &local_error);
  if (before != NULL)
    {
      after = kh_contact_copy (before);
      kh_contact_take_correctable (after, corrected);
      g_autofree char *problem = NULL;

      /* The intake's own rules, on the contact as it would be (core). */
      kh_contact_normalize (after);
      if (kh_contact_find_correction_problem (before, after,
                                              after->client_id > 0 && !after->anonymous,
                                              NULL, &problem))
        refuse (&local_error, KH_STORE_ERROR_INVALID, problem);
      else if (check_service (db, after->service_id, &local_error))
        {
          if (kh_contact_changed_fields (before, after) == 0)
            refuse (&local_error, KH_STORE_ERROR_INVALID,
                    _("Nothing was changed. Change a field to correct the contact."));
          else if (write_revision (db, user, before->id, KH_REVISION_CORRECTED, clean_reason,
                                   &local_error))
            {
              g_autoptr(KhDbStmt) stmt = NULL;

              stmt = _kh_db_prepare (db,
                                     "UPDATE contacts SET channel = ?, contactor_detail = ?, "
                                     "  needs = ?, reason_text = ?, urgent_note = ?, language = ?, "
                                     "  interpreter = ?, service_id = ?, outcome_note = ?, "
                                     "  contactor_name = ?, contactor_relation = ?, "
                                     "  contactor_contact = ?, directed_by = ? "
                                     "WHERE id = ?",
                                     &local_error);
              if (stmt != NULL)
                {
                  _kh_db_bind_int (stmt, 1, after->channel);
                  _kh_db_bind_text (stmt, 2, after->contactor_detail);
                  _kh_db_bind_int (stmt, 3, after->needs);
                  _kh_db_bind_text (stmt, 4, after->reason_text);
                  _kh_db_bind_text (stmt, 5, after->urgent_note);
                  _kh_db_bind_int (stmt, 6, after->language);
                  _kh_db_bind_int (stmt, 7, after->interpreter ? 1 : 0);
                  _kh_db_bind_id (stmt, 8, after->service_id);
                  _kh_db_bind_text (stmt, 9, after->outcome_note);
                  _kh_db_bind_text (stmt, 10, after->contactor_name);
                  _kh_db_bind_text (stmt, 11, after->contactor_relation);
                  _kh_db_bind_text (stmt, 12, after->contactor_contact);
                  _kh_db_bind_text (stmt, 13, after->directed_by);
                  _kh_db_bind_int64 (stmt, 14, after->id);
                  _kh_db_step_done (db, stmt, &local_error);
                }
            }
        }
    }
  g_free (state.case_worker_name);
  return _kh_db_tx_finish (db, own, local_error, error);
}

gboolean
kh_db_mark_contact_in_error (KhDb        *db,
                             KhUser      *user,
                             gint64       contact_id,
                             const char  *reason,
                             GError     **error)
{
  g_autoptr(KhContact) contact = NULL;
  g_autofree char *clean_reason = NULL;
  ContactState state = { 0 };
  GError *local_error = NULL;
  gboolean own;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (KH_IS_USER (user), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_kh_db_check_role (db, user, KH_ROLE_RECEPTION, error)
      || !check_reason (reason, TRUE, &clean_reason, error))
    return FALSE;
  if (!_kh_db_tx_begin (db, &own, error))
    return FALSE;

  contact = begin_change (db, user, contact_id, TRUE, &state, &local_error);
  if (contact != NULL
      && write_revision (db, user, contact_id, KH_REVISION_ENTERED_IN_ERROR, clean_reason,
                         &local_error))
    {
      g_autoptr(KhDbStmt) mark = _kh_db_prepare (db,
                                                 "UPDATE contacts SET entered_in_error = 1 "
                                                 "WHERE id = ?",
                                                 &local_error);

      if (mark != NULL)
        {
          _kh_db_bind_int64 (mark, 1, contact_id);
          _kh_db_step_done (db, mark, &local_error);
        }
      /* The case it opened closes (and leaves the queue); a closed one stays
       * as it is. A case that other contacts joined (issue 5, 2.3) is still
       * pending through them (SHL 34 §) and stays open. */
      if (local_error == NULL && state.case_status != 0 && state.case_status != KH_CASE_CLOSED)
        {
          g_autoptr(KhDbStmt) close = _kh_db_prepare (db,
                                                      "UPDATE cases SET status = 3 "
                                                      "WHERE contact_id = ?1 "
                                                      "  AND NOT EXISTS (SELECT 1 FROM contacts j "
                                                      "                  WHERE j.attached_case_id = cases.id "
                                                      "                    AND j.id <> ?1 "
                                                      "                    AND j.entered_in_error = 0)",
                                                      &local_error);

          if (close != NULL)
            {
              _kh_db_bind_int64 (close, 1, contact_id);
              _kh_db_step_done (db, close, &local_error);
            }
        }
    }
  g_free (state.case_worker_name);
  return _kh_db_tx_finish (db, own, local_error, error);
}
