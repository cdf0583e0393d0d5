/* kh-db-documents.c — issued letters and decisions, kept as they were sent
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 8, 5: issuing stores a document's PDF bytes with their SHA-256
 * (computed here with GChecksum; on a server computed again and compared
 * by the server, whose table CHECKs the bytes), what it is and who issued
 * it, in one transaction; a decision gets the next number of its year's
 * register in that transaction. Nothing changes or removes an issued
 * document (data/sql/0031-documents.sql, data/sql/pg/0025-documents.sql:
 * triggers on both engines, and on a server no grant but through its
 * functions); a correction is a new document naming the one it corrects.
 *
 * Who issues which kind: kh_document_may_issue (src/core), restated by
 * the tables. Opening a document (its bytes) is a logged read of its own
 * — KH_ACCESS_DOCUMENT for a worker, KH_ACCESS_EXPORT for the
 * administrator's export — whose access-log row is named in
 * document_reads; the bytes are checked against their SHA-256 before they
 * are returned. A person's documents are listed (metadata only) on their
 * timeline (kh-db-timeline.c).
 */
#define G_LOG_DOMAIN "kohtaamo-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "store/kh-db-private.h"

static gboolean
check_issuer (KhDb                    *db,
              KhUser                  *user,
              const KhIssuedDocument  *document,
              GError                 **error)
{
  if (!_kh_db_check_role (db, user, KH_ROLE_RECEPTION, error))
    return FALSE;
  if (!kh_document_may_issue (user->role, document->kind))
    {
      g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION,
                           user->role == KH_ROLE_COUNSELLOR
                             ? _("Decisions and payment commitments are issued by social workers and the lead social worker.")
                             : _("Documents are issued by social counsellors, social workers and the lead social worker."));
      return FALSE;
    }
  return TRUE;
}

/* The next number of `year`'s decision register, or of its payment
 * commitments' series (SQLite: the write transaction is the only writer;
 * a server allocates its own). */
static int
next_register_number (KhDb            *db,
                      KhDocumentKind   kind,
                      int              year,
                      GError         **error)
{
  g_autoptr(KhDbStmt) stmt = _kh_db_prepare (db, kind == KH_DOCUMENT_PAYMENT_COMMITMENT
                                                   ? "SELECT coalesce (max (commitment_number), 0) + 1 "
                                                     "FROM documents WHERE commitment_year = ?1"
                                                   : "SELECT coalesce (max (register_number), 0) + 1 "
                                                     "FROM documents WHERE register_year = ?1", error);
  int rc;

  if (stmt == NULL)
    return 0;
  _kh_db_bind_int (stmt, 1, year);
  rc = _kh_db_step (stmt);
  if (rc != KH_DB_ROW)
    {
      _kh_db_set_error (db, rc, error);
      return 0;
    }
  return _kh_db_column_int (stmt, 0);
}

/* A server's decision register: the next number of this year's register,
 * the register locked until the transaction ends (data/sql/pg/
 * 0027-register-number-reserved.sql), so that issue_document() then
 * gives the document that same number. */
static gboolean
reserve_on_server (KhDb            *db,
                   KhDocumentKind   kind,
                   int             *year,
                   int             *number,
                   GError         **error)
{
  g_autoptr(KhDbStmt) stmt = _kh_db_prepare (db, kind == KH_DOCUMENT_PAYMENT_COMMITMENT
                                                   ? "SELECT commitment_year, commitment_number "
                                                     "FROM kohtaamo.reserve_commitment_number ()"
                                                   : "SELECT register_year, register_number "
                                                     "FROM kohtaamo.reserve_register_number ()", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = _kh_db_step (stmt);
  if (rc != KH_DB_ROW)
    {
      _kh_db_set_error (db, rc, error);
      return FALSE;
    }
  *year = _kh_db_column_int (stmt, 0);
  *number = _kh_db_column_int (stmt, 1);
  _kh_db_reset (stmt);
  return TRUE;
}

/* Inside the transaction: the PDF from `render` with the register number
 * it is to print, then the checks a PDF given by the caller had before. */
static gboolean
render_in_transaction (KhIssuedDocument      *document,
                       int                    year,
                       int                    number,
                       KhDocumentRenderFunc   render,
                       gpointer               user_data,
                       GError               **error)
{
  g_autoptr(GError) check_error = NULL;
  GBytes *pdf;

  document->register_year = year;
  document->register_number = number;
  pdf = render (document, user_data, error);
  if (pdf == NULL)
    return FALSE;
  g_clear_pointer (&document->pdf, g_bytes_unref);
  document->pdf = pdf;
  if (!kh_issued_document_check (document, &check_error))
    {
      g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID, check_error->message);
      return FALSE;
    }
  return TRUE;
}

/* An invitation names its meeting as the letter prints it: refused
 * (STALE, naming the meeting: kh_store_error_get_appointment_id) when the
 * meeting has been moved or cancelled since, as the tables would refuse
 * it below in words of their own. */
static gboolean
check_meeting (KhDb                    *db,
               const KhIssuedDocument  *document,
               GError                 **error)
{
  g_autoptr(KhDbStmt) stmt = NULL;
  gboolean stands = FALSE;
  int rc;

  if (document->kind != KH_DOCUMENT_INVITATION || document->appointment_id <= 0)
    return TRUE;
  stmt = _kh_db_prepare (db, kh_db_is_server (db)
                               ? "SELECT status, revision FROM kohtaamo.appointment_state (CAST (?1 AS bigint))"
                               : "SELECT status, revision FROM appointments WHERE id = ?1",
                         error);
  if (stmt == NULL)
    return FALSE;
  _kh_db_bind_int64 (stmt, 1, document->appointment_id);
  rc = _kh_db_step (stmt);
  if (rc != KH_DB_ROW && rc != KH_DB_DONE)
    {
      _kh_db_set_error (db, rc, error);
      _kh_db_reset (stmt);
      return FALSE;
    }
  if (rc == KH_DB_ROW && _kh_db_column_int (stmt, 0) == KH_APPOINTMENT_CANCELLED)
    g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_STALE,
                         _("The meeting has been cancelled since the letter was made. "
                           "The letter was not kept."));
  else if (rc == KH_DB_ROW && _kh_db_column_int64 (stmt, 1) != document->appointment_revision)
    g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_STALE,
                         _("The meeting has been changed since the letter was made. The letter "
                           "was not kept: check the meeting and send the letter again."));
  else if (rc == KH_DB_DONE)
    g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND, _("The meeting was not found."));
  else
    stands = TRUE;
  _kh_db_reset (stmt);
  if (g_error_matches (error != NULL ? *error : NULL, KH_STORE_ERROR, KH_STORE_ERROR_STALE))
    _kh_store_error_set_appointment_id (*error, document->appointment_id);
  return stands;
}

static gint64
issue_document (KhDb                  *db,
                KhUser                *user,
                KhIssuedDocument      *document,
                KhDocumentRenderFunc   render,
                gpointer               user_data,
                GError               **error)
{
  g_autoptr(GError) check_error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *title = NULL;
  char sent_on[16];
  GError *local_error = NULL;
  gint64 id = 0;
  int year = 0, number = 0;
  gboolean own;
  /* A decision's register number, a commitment's in its own series. */
  gboolean numbered = document != NULL && (document->kind == KH_DOCUMENT_DECISION
                                           || document->kind == KH_DOCUMENT_PAYMENT_COMMITMENT);
  char valid_from[16] = "", valid_until[16] = "";

  g_return_val_if_fail (db != NULL, 0);
  g_return_val_if_fail (KH_IS_USER (user), 0);
  g_return_val_if_fail (document != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!check_issuer (db, user, document, error))
    return 0;
  /* A rendered document's PDF is checked once it is rendered. */
  if (render == NULL && !kh_issued_document_check (document, &check_error))
    {
      g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID, check_error->message);
      return 0;
    }
  title = g_strstrip (g_strdup (document->title != NULL ? document->title : ""));
  g_date_strftime (sent_on, sizeof sent_on, "%Y-%m-%d", &document->sent_on);
  if (g_date_valid (&document->valid_from))
    g_date_strftime (valid_from, sizeof valid_from, "%Y-%m-%d", &document->valid_from);
  if (g_date_valid (&document->valid_until))
    g_date_strftime (valid_until, sizeof valid_until, "%Y-%m-%d", &document->valid_until);
  now = g_date_time_new_now_local ();

  if (!_kh_db_tx_begin (db, &own, error))
    return 0;
  check_meeting (db, document, &local_error);
  if (local_error == NULL && numbered && !kh_db_is_server (db))
    {
      year = g_date_time_get_year (now);
      number = next_register_number (db, document->kind, year, &local_error);
    }
  else if (local_error == NULL && numbered && render != NULL)
    reserve_on_server (db, document->kind, &year, &number, &local_error);
  if (local_error == NULL && render != NULL)
    render_in_transaction (document, year, number, render, user_data, &local_error);
  if (local_error == NULL)
    {
      /* ?1 person, ?2 case, ?3 kind, ?4 language, ?5 title, ?6 sent on,
       * ?7 delivery, ?8 corrected, ?9 PDF, ?10 its SHA-256, ?11 a
       * decision grants, ?12–?16 a commitment's decision, payee, most
       * paid, first and last day; ?17 user, ?18 now, ?19–?20 the year and
       * number of the kind's series (the server takes those itself):
       * data/sql/pg/0029-payment-commitments.sql; ?21–?22 the partner
       * agency a client plan is given to and the consent it rests on
       * (0037-plan-disclosures.sql); ?23–?24 the meeting an invitation
       * is for and its revision (0038-invitation-meetings.sql). */
      g_autoptr(KhDbStmt) stmt =
        _kh_db_prepare (db, kh_db_is_server (db)
                              ? "SELECT id, issued_at, register_year, register_number "
                                "FROM kohtaamo.issue_document (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
                                "  ?11, ?12, ?13, ?14, ?15, ?16, ?21, ?22, ?23, ?24) "
                                "WHERE id IS NOT NULL"
                              : "INSERT INTO documents (client_id, case_id, kind, language, title, "
                                "  register_year, register_number, issued_at, issued_by, sent_on, "
                                "  delivery, corrects_id, pdf, sha256, grants, decision_id, "
                                "  commitment_year, commitment_number, payee, max_cents, valid_from, "
                                "  valid_until, disclosed_to, consent_id, appointment_id, appointment_revision) "
                                "SELECT id, ?2, ?3, ?4, ?5, CASE WHEN ?3 = 4 THEN NULL ELSE ?19 END, "
                                "  CASE WHEN ?3 = 4 THEN NULL ELSE ?20 END, ?18, ?17, ?6, ?7, ?8, ?9, ?10, "
                                "  ?11, ?12, CASE WHEN ?3 = 4 THEN ?19 END, CASE WHEN ?3 = 4 THEN ?20 END, "
                                "  ?13, ?14, ?15, ?16, ?21, ?22, ?23, ?24 "
                                "FROM clients WHERE id = ?1 "
                                "RETURNING id, issued_at, coalesce (register_year, commitment_year), "
                                "  coalesce (register_number, commitment_number)",
                        &local_error);
      gsize size = 0;
      const void *data = g_bytes_get_data (document->pdf, &size);
      int rc;

      sha256 = kh_document_sha256 (document->pdf);
      if (stmt != NULL)
        {
          _kh_db_bind_int64 (stmt, 1, document->client_id);
          _kh_db_bind_id (stmt, 2, document->case_id);
          _kh_db_bind_int (stmt, 3, document->kind);
          _kh_db_bind_text (stmt, 4, document->language);
          _kh_db_bind_text (stmt, 5, title);
          _kh_db_bind_text (stmt, 6, sent_on);
          _kh_db_bind_text (stmt, 7, kh_document_delivery_key (document->delivery));
          _kh_db_bind_id (stmt, 8, document->corrects_id);
          _kh_db_bind_blob (stmt, 9, data, size);
          _kh_db_bind_text (stmt, 10, sha256);
          if (document->kind == KH_DOCUMENT_DECISION)
            _kh_db_bind_int (stmt, 11, document->grants ? 1 : 0);
          else
            _kh_db_bind_null (stmt, 11);
          _kh_db_bind_id (stmt, 12, document->decision_id);
          _kh_db_bind_text (stmt, 13, document->payee);
          if (document->max_cents != 0)
            _kh_db_bind_int64 (stmt, 14, document->max_cents);
          else
            _kh_db_bind_null (stmt, 14);
          _kh_db_bind_text (stmt, 15, valid_from[0] != '\0' ? valid_from : NULL);
          _kh_db_bind_text (stmt, 16, valid_until[0] != '\0' ? valid_until : NULL);
          _kh_db_bind_int64 (stmt, 17, user->id);
          _kh_db_bind_int64 (stmt, 18, g_date_time_to_unix (now));
          if (number > 0 && !kh_db_is_server (db))
            {
              _kh_db_bind_int (stmt, 19, year);
              _kh_db_bind_int (stmt, 20, number);
            }
          else
            {
              _kh_db_bind_null (stmt, 19);
              _kh_db_bind_null (stmt, 20);
            }
          _kh_db_bind_id (stmt, 21, document->disclosed_to);
          _kh_db_bind_id (stmt, 22, document->consent_id);
          _kh_db_bind_id (stmt, 23, document->appointment_id);
          if (document->appointment_id != 0)
            _kh_db_bind_int64 (stmt, 24, document->appointment_revision);
          else
            _kh_db_bind_null (stmt, 24);
          rc = _kh_db_step (stmt);
          if (rc == KH_DB_ROW)
            {
              id = _kh_db_column_int64 (stmt, 0);
              g_clear_pointer (&document->issued_at, g_date_time_unref);
              document->issued_at = _kh_db_column_time (stmt, 1);
              document->register_year = _kh_db_column_int (stmt, 2);
              document->register_number = _kh_db_column_int (stmt, 3);
              /* The number printed is the number kept (the register was
               * held since it was read). */
              if (render != NULL && number > 0
                  && (document->register_year != year || document->register_number != number))
                g_set_error (&local_error, KH_STORE_ERROR, KH_STORE_ERROR_STALE,
                             /* Translators: the number printed, then the number the register gave */
                             _("The document was rendered with the number %d/%d but the register gave "
                               "%d/%d. Nothing was issued: issue it again."),
                             number, year, document->register_number, document->register_year);
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
    return 0;

  document->id = id;
  document->issued_by = user->id;
  g_free (document->issued_by_name);
  document->issued_by_name = g_strdup (user->display_name != NULL ? user->display_name : user->account);
  g_free (document->sha256);
  document->sha256 = g_steal_pointer (&sha256);
  g_free (document->title);
  document->title = g_steal_pointer (&title);
  return id;
}

/**
 * kh_db_issue_document:
 * @document: what to issue (client, case, kind, language, title, sent_on,
 *   delivery, corrects_id, pdf); on success its id, issued_at, issued_by,
 *   issued_by_name, register_year, register_number and sha256 are filled
 *
 * Returns: the new document's id, or 0 with @error set: INVALID
 *   (kh_issued_document_check, a case or corrected document of another
 *   person), PERMISSION (kh_document_may_issue), NOT_FOUND (no such
 *   person), STALE (an invitation's meeting moved or cancelled since the
 *   revision it names; kh_store_error_get_appointment_id names it).
 */
gint64
kh_db_issue_document (KhDb              *db,
                      KhUser            *user,
                      KhIssuedDocument  *document,
                      GError           **error)
{
  return issue_document (db, user, document, NULL, NULL, error);
}

/**
 * kh_db_issue_document_rendered:
 * @render: makes the PDF once the register number is known
 *
 * As kh_db_issue_document(), with the PDF made inside the transaction by
 * @render from @document with its register year and number set, so that
 * a decision prints the number the register keeps. A render error, or a
 * PDF kh_issued_document_check() refuses, undoes the issuing.
 */
gint64
kh_db_issue_document_rendered (KhDb                 *db,
                               KhUser               *user,
                               KhIssuedDocument     *document,
                               KhDocumentRenderFunc  render,
                               gpointer              user_data,
                               GError              **error)
{
  g_return_val_if_fail (render != NULL, 0);

  return issue_document (db, user, document, render, user_data, error);
}

/* Whether the meeting, at its present revision, has had its invitation
 * issued (a server holds the answer until the transaction ends). */
static gboolean
appointment_invited (KhDb      *db,
                     KhDbStmt  *stmt,
                     gint64     appointment_id,
                     gboolean  *invited,
                     GError   **error)
{
  int rc;

  _kh_db_bind_int64 (stmt, 1, appointment_id);
  rc = _kh_db_step (stmt);
  if (rc != KH_DB_ROW)
    {
      _kh_db_set_error (db, rc, error);
      _kh_db_reset (stmt);
      return FALSE;
    }
  *invited = _kh_db_column_int (stmt, 0) != 0;
  _kh_db_reset (stmt);
  return TRUE;
}

static KhDbStmt *
prepare_invited (KhDb    *db,
                 GError **error)
{
  return _kh_db_prepare (db, kh_db_is_server (db)
                               ? "SELECT CASE WHEN kohtaamo.appointment_invited (CAST (?1 AS bigint)) "
                                 "  THEN 1 ELSE 0 END"
                               : "SELECT EXISTS (SELECT 1 FROM documents d JOIN appointments a "
                                 "  ON a.id = d.appointment_id AND a.revision = d.appointment_revision "
                                 "  WHERE a.id = ?1 AND d.kind = 1)",
                         error);
}

/**
 * kh_db_list_invited_appointments:
 * @appointment_ids: (element-type gint64): meetings
 *
 * Which of the meetings, as they now stand (their present revision), have
 * had their invitation issued — sent one at a time or in a batch. Those
 * who send letters only (PERMISSION for the others). No person's data:
 * nothing logged.
 *
 * Returns: (transfer full) (element-type gint64): those meetings' ids, in
 *   the order given, or NULL with @error set.
 */
GArray *
kh_db_list_invited_appointments (KhDb     *db,
                                 KhUser   *user,
                                 GArray   *appointment_ids,
                                 GError  **error)
{
  g_autoptr(GArray) invited = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(KhDbStmt) stmt = NULL;
  GError *local_error = NULL;
  gboolean own;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (KH_IS_USER (user), NULL);
  g_return_val_if_fail (appointment_ids != NULL, NULL);

  if (!_kh_db_check_role (db, user, KH_ROLE_COUNSELLOR, error))
    return NULL;
  if (!_kh_db_tx_begin (db, &own, error))
    return NULL;
  stmt = prepare_invited (db, &local_error);
  for (guint i = 0; stmt != NULL && local_error == NULL && i < appointment_ids->len; i++)
    {
      gint64 id = g_array_index (appointment_ids, gint64, i);
      gboolean is_invited = FALSE;

      if (appointment_invited (db, stmt, id, &is_invited, &local_error) && is_invited)
        g_array_append_val (invited, id);
    }
  g_clear_pointer (&stmt, _kh_db_stmt_release);
  if (!_kh_db_tx_finish (db, own, local_error, error))
    return NULL;
  return g_steal_pointer (&invited);
}

/**
 * kh_db_issue_invitations:
 * @documents: (element-type KhIssuedDocument): invitations, each with its
 *   PDF and the meeting it is for (appointment_id, appointment_revision);
 *   on success each is filled as kh_db_issue_document() fills it
 * @cancellable: checked before each document
 *
 * Issues the invitation letters of a batch (the week's letters, printed
 * as one PDF) in one transaction: all of them or, on any error or
 * cancellation, none. Refused (STALE, nothing issued) when a meeting, as
 * it now stands, has already had its invitation issued (someone sent it
 * since the batch was made): a batch never sends one again; a worker who
 * means to does so from the meeting itself. Refused (STALE, naming the
 * meeting: kh_store_error_get_appointment_id) when a meeting has been
 * moved or cancelled since its letter was made. INVALID for a document that
 * is not an invitation naming its meeting; otherwise as
 * kh_db_issue_document().
 */
gboolean
kh_db_issue_invitations (KhDb          *db,
                         KhUser        *user,
                         GPtrArray     *documents,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(KhDbStmt) stmt = NULL;
  GError *local_error = NULL;
  gboolean own;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (KH_IS_USER (user), FALSE);
  g_return_val_if_fail (documents != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_kh_db_tx_begin (db, &own, error))
    return FALSE;
  stmt = prepare_invited (db, &local_error);
  for (guint i = 0; stmt != NULL && local_error == NULL && i < documents->len; i++)
    {
      KhIssuedDocument *document = g_ptr_array_index (documents, i);
      gboolean invited = FALSE;

      if (g_cancellable_set_error_if_cancelled (cancellable, &local_error))
        break;
      if (document->kind != KH_DOCUMENT_INVITATION || document->appointment_id <= 0)
        g_set_error_literal (&local_error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                             _("Only invitations to meetings in the calendar are issued together."));
      else if (!appointment_invited (db, stmt, document->appointment_id, &invited, &local_error))
        break;
      else if (invited)
        g_set_error_literal (&local_error, KH_STORE_ERROR, KH_STORE_ERROR_STALE,
                             _("A meeting’s invitation has been sent since the letters were made. "
                               "Nothing was kept: make the letters again."));
      else
        issue_document (db, user, document, NULL, NULL, &local_error);
    }
  g_clear_pointer (&stmt, _kh_db_stmt_release);
  return _kh_db_tx_finish (db, own, local_error, error);
}

/* Columns 0–15 of a document with its PDF (the server's open_document
 * gives the same). */
#define DOCUMENT_SELECT \
  "SELECT d.id, d.client_id, d.case_id, d.kind, d.language, d.title, " \
  "  coalesce (d.register_year, d.commitment_year), " \
  "  coalesce (d.register_number, d.commitment_number), d.issued_at, d.issued_by, coalesce (w.display_name, w.account), " \
  "  d.sent_on, d.delivery, d.corrects_id, d.pdf, d.sha256 "

static KhIssuedDocument *
document_from_row (KhDbStmt *stmt)
{
  KhIssuedDocument *d = kh_issued_document_new ();
  const char *sent_on = _kh_db_column_str (stmt, 11);
  gsize size = 0;
  const void *data;

  d->id = _kh_db_column_int64 (stmt, 0);
  d->client_id = _kh_db_column_int64 (stmt, 1);
  d->case_id = _kh_db_column_int64 (stmt, 2);
  d->kind = _kh_db_column_int (stmt, 3);
  d->language = _kh_db_column_text (stmt, 4);
  d->title = _kh_db_column_text (stmt, 5);
  d->register_year = _kh_db_column_int (stmt, 6);
  d->register_number = _kh_db_column_int (stmt, 7);
  d->issued_at = _kh_db_column_time (stmt, 8);
  d->issued_by = _kh_db_column_int64 (stmt, 9);
  d->issued_by_name = _kh_db_column_text (stmt, 10);
  if (sent_on != NULL)
    g_date_set_parse (&d->sent_on, sent_on);
  d->delivery = kh_document_delivery_from_key (_kh_db_column_str (stmt, 12));
  d->corrects_id = _kh_db_column_int64 (stmt, 13);
  data = _kh_db_column_blob (stmt, 14, &size);
  d->pdf = g_bytes_new (data, size);
  d->sha256 = _kh_db_column_text (stmt, 15);
  return d;
}

/* Reads the document (and on a server logs its reading: open_document);
 * NULL with NOT_FOUND when there is none. */
static KhIssuedDocument *
read_document (KhDb     *db,
               gint64    document_id,
               GError  **error)
{
  g_autoptr(KhDbStmt) stmt = _kh_db_prepare (db, kh_db_is_server (db)
                                                   ? "SELECT * FROM kohtaamo.open_document (?1)"
                                                   : DOCUMENT_SELECT
                                                     "FROM documents d JOIN users w ON w.id = d.issued_by "
                                                     "WHERE d.id = ?1",
                                             error);
  KhIssuedDocument *document = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  _kh_db_bind_int64 (stmt, 1, document_id);
  rc = _kh_db_step (stmt);
  if (rc == KH_DB_ROW)
    document = document_from_row (stmt);
  else if (rc == KH_DB_DONE)
    g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND,
                         _("The document was not found."));
  else
    _kh_db_set_error (db, rc, error);
  _kh_db_reset (stmt);
  return document;
}

/* SQLite: the reading's log row, and its naming of the document. */
static gboolean
log_document_read (KhDb                    *db,
                   KhUser                  *user,
                   const KhIssuedDocument  *document,
                   GError                 **error)
{
  g_autoptr(KhDbStmt) stmt = NULL;
  gboolean export = user->role == KH_ROLE_ADMIN;

  if (!_kh_db_log_access (db, user, document->client_id,
                          export ? KH_ACCESS_EXPORT : KH_ACCESS_DOCUMENT,
                          export ? KH_BASIS_ADMINISTRATION : KH_BASIS_CLIENT_RELATIONSHIP, error))
    return FALSE;
  stmt = _kh_db_prepare (db, "INSERT INTO document_reads (log_seq, document_id) "
                             "SELECT max (seq), ?1 FROM access_log", error);
  if (stmt == NULL)
    return FALSE;
  _kh_db_bind_int64 (stmt, 1, document->id);
  return _kh_db_step_done (db, stmt, error);
}

/**
 * kh_db_get_document_pdf:
 *
 * Opens an issued document: a social counsellor, social worker or the lead
 * social worker (KH_ACCESS_DOCUMENT, client relationship), or the
 * administrator for the export (KH_ACCESS_EXPORT, administration); the
 * access-log row names the document (document_reads), in the same
 * transaction. The bytes are checked against their SHA-256: DAMAGED (and
 * nothing returned) when they differ.
 *
 * Returns: (transfer full): the document with its PDF, or NULL with
 *   @error set (PERMISSION, NOT_FOUND, DAMAGED).
 */
KhIssuedDocument *
kh_db_get_document_pdf (KhDb     *db,
                        KhUser   *user,
                        gint64    document_id,
                        GError  **error)
{
  g_autoptr(KhIssuedDocument) document = NULL;
  GError *local_error = NULL;
  gboolean own;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (KH_IS_USER (user), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_kh_db_check_role (db, user, KH_ROLE_COUNSELLOR, error))
    return NULL;
  if (!_kh_db_tx_begin (db, &own, error))
    return NULL;
  document = read_document (db, document_id, &local_error);
  if (document != NULL && !kh_db_is_server (db))
    log_document_read (db, user, document, &local_error);
  if (document != NULL && local_error == NULL)
    {
      g_autofree char *computed = kh_document_sha256 (document->pdf);

      if (g_strcmp0 (computed, document->sha256) != 0)
        g_set_error (&local_error, KH_STORE_ERROR, KH_STORE_ERROR_DAMAGED,
                     /* Translators: %lld is the number of a document */
                     _("The issued document %lld is not as it was issued: its bytes no longer give "
                       "the SHA-256 stored with it. Restore the latest backup."),
                     (long long) document_id);
    }
  if (!_kh_db_tx_finish (db, own, local_error, error))
    return NULL;
  return g_steal_pointer (&document);
}

/**
 * kh_db_list_document_ids:
 *
 * Every issued document's id, oldest first, for the administrator's
 * export (PERMISSION for anyone else). Ids only: nobody's data, nothing
 * logged.
 *
 * Returns: (transfer full) (element-type gint64): the ids, or NULL with
 *   @error set.
 */
GArray *
kh_db_list_document_ids (KhDb     *db,
                         KhUser   *user,
                         GError  **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(KhDbStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (KH_IS_USER (user), NULL);

  if (!_kh_db_check_role (db, user, KH_ROLE_ADMIN, error))
    return NULL;
  stmt = _kh_db_prepare (db, kh_db_is_server (db) ? "SELECT * FROM kohtaamo.document_ids ()"
                                                  : "SELECT id FROM documents ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = _kh_db_step (stmt)) == KH_DB_ROW)
    {
      gint64 id = _kh_db_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != KH_DB_DONE)
    {
      _kh_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}
