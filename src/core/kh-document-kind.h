/* kh-document-kind.h — what an issued document is (issue 8, 5)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A letter or a decision, once issued, is stored as it was sent: its PDF
 * bytes with their SHA-256, never changed or removed (the store and both
 * databases refuse); a correction is a new document that names the one it
 * corrects. This header names the kinds of document and the ways of
 * delivering one (fixed codes: the database keeps them), who may issue
 * which kind, and the metadata the store stores and lists.
 */
#pragma once

#include <gio/gio.h>

#include "kh-enums.h"

G_BEGIN_DECLS

/* Fixed codes (only ever appended): documents.kind on both engines. */
typedef enum {
  KH_DOCUMENT_INVITATION = 1,         /* an invitation to a meeting */
  KH_DOCUMENT_COULD_NOT_REACH = 2,    /* a letter after the phone did not answer */
  KH_DOCUMENT_ASSESSMENT_SUMMARY = 3, /* the service-need assessment's summary (SHL 37 §) */
  KH_DOCUMENT_PAYMENT_COMMITMENT = 4, /* maksusitoumus / betalningsförbindelse */
  KH_DOCUMENT_DECISION = 5,           /* päätös / beslut (HL 44–45 §): a register number */
  KH_DOCUMENT_CLIENT_PLAN = 6,        /* the client plan (SHL 39 §) */
} KhDocumentKind;
#define KH_DOCUMENT_KIND_FIRST KH_DOCUMENT_INVITATION
#define KH_DOCUMENT_KIND_LAST  KH_DOCUMENT_CLIENT_PLAN

/* How it reached the client (documents.delivery holds the key). */
typedef enum {
  KH_DOCUMENT_DELIVERY_LETTER = 1,      /* "letter": by post */
  KH_DOCUMENT_DELIVERY_ELECTRONIC = 2,  /* "electronic": an electronic notification */
  KH_DOCUMENT_DELIVERY_HANDED = 3,      /* "handed": handed over in person */
} KhDocumentDelivery;

/* The longest title, in characters (the CHECKs of both engines' tables). */
#define KH_DOCUMENT_TITLE_MAX 200

/* A payment commitment's terms (the CHECKs of both engines' tables): a
 * payee's name of 1–KH_COMMITMENT_PAYEE_MAX characters, at most
 * KH_COMMITMENT_MAX_CENTS (100 000,00 €), valid for at most a year (the
 * last day before the same day a year after the first). */
#define KH_COMMITMENT_PAYEE_MAX 200
#define KH_COMMITMENT_MAX_CENTS G_GINT64_CONSTANT (10000000)

/* Stable keys ("invitation", "could-not-reach", "assessment-summary",
 * "payment-commitment", "decision", "client-plan"; "letter",
 * "electronic", "handed") and labels in the UI language, or in the
 * client's ("fi", "sv"). NULL / 0 for what is not one. */
const char        *kh_document_kind_key       (KhDocumentKind kind);
KhDocumentKind     kh_document_kind_from_key  (const char    *key);
const char        *kh_document_kind_label     (KhDocumentKind kind);
const char        *kh_document_kind_label_in  (KhDocumentKind kind,
                                               const char    *language);
const char        *kh_document_delivery_key   (KhDocumentDelivery delivery);
KhDocumentDelivery kh_document_delivery_from_key (const char *key);
const char        *kh_document_delivery_label (KhDocumentDelivery delivery);

/* Who may issue a kind: letters (invitation, could-not-reach, assessment
 * summary, client plan) social counsellors, social workers and the lead
 * social worker; decisions and payment commitments (a decision on
 * income support) social workers and the lead only; reception and the
 * administrator role nothing. Keep in sync with both engines' tables
 * (data/sql/0031-documents.sql, data/sql/pg/0025-documents.sql). */
gboolean           kh_document_may_issue      (KhRole          role,
                                               KhDocumentKind  kind);

/* An issued document: what the store keeps. The PDF (pdf) is set when
 * issuing and when opened (kh_db_get_document_pdf), NULL in a listing. */
typedef struct {
  gint64              id;
  gint64              client_id;
  gint64              case_id;          /* 0: none */
  KhDocumentKind      kind;
  char               *language;         /* "fi" or "sv": the client's */
  char               *title;
  /* Its number in its kind's series, 1, 2, … in each year: a decision's
   * in the decision register, a payment commitment's in the commitments'
   * own; 0 for other kinds. */
  int                 register_year;
  int                 register_number;
  GDateTime          *issued_at;
  gint64              issued_by;
  char               *issued_by_name;
  GDate               sent_on;
  KhDocumentDelivery  delivery;
  gint64              corrects_id;      /* 0: none */
  GBytes             *pdf;
  char               *sha256;           /* of pdf, lower-case hex */
  /* A decision: whether it grants a service or income support (FALSE
   * also for a decision issued before the store kept it). */
  gboolean            grants;
  /* A payment commitment: the granting decision of the same person it
   * rests on, and its terms; 0 / NULL / invalid for other kinds. */
  gint64              decision_id;
  char               *payee;
  gint64              max_cents;
  GDate               valid_from;
  GDate               valid_until;
  /* A client plan given to a partner agency (issue 9, 6): a disclosure
   * (ATL 703/2023 10 §), so the document keeps to whom — the agency's
   * entry in the client's network — and the client's consent it rests
   * on, in force on the sending day for giving that agency the plan.
   * 0 for any other document. */
  gint64              disclosed_to;
  gint64              consent_id;
  /* An invitation to a meeting booked in the calendar (issue 7, 4): the
   * meeting and the revision of it the letter prints (a moved meeting's
   * revision moves on), so the unit can tell which meetings have had
   * their letter. 0 for any other document and for an invitation made
   * before the store kept it. */
  gint64              appointment_id;
  gint64              appointment_revision;
} KhIssuedDocument;

KhIssuedDocument *kh_issued_document_new  (void);
void              kh_issued_document_free (KhIssuedDocument *document);
/* A deep copy (the PDF's bytes shared: GBytes are immutable). */
KhIssuedDocument *kh_issued_document_copy (const KhIssuedDocument *document);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KhIssuedDocument, kh_issued_document_free)

/* Renders the PDF of `document` once the store knows what it prints: a
 * decision's register_year and register_number (0 for other kinds).
 * Called by the store inside the issuing transaction, in the store's
 * thread: pure work on `document` and `user_data`, no store calls.
 * Returns the PDF, or NULL with `error` set (the issuing is then undone). */
typedef GBytes *(*KhDocumentRenderFunc) (const KhIssuedDocument *document,
                                         gpointer                user_data,
                                         GError                **error);

/* The checks of a document to issue (the tables restate them): a kind, a
 * language fi or sv, a title of 1–KH_DOCUMENT_TITLE_MAX characters with
 * no invisible characters, a valid sending date, a delivery, and a PDF
 * (non-empty, beginning "%PDF-"). A payment commitment rests on a
 * decision and has its terms (kh_commitment_terms_check); other kinds
 * have neither, and only a decision grants. Only a client plan is given
 * to a partner agency, and then with the consent it rests on (both or
 * neither). G_IO_ERROR_INVALID_DATA with a translated message. */
gboolean          kh_issued_document_check (const KhIssuedDocument *document,
                                            GError                **error);
/* A payment commitment's terms: a payee's name (KH_TEXT_LINE, at most
 * KH_COMMITMENT_PAYEE_MAX characters), an amount of 1 cent to
 * KH_COMMITMENT_MAX_CENTS, valid dates, the last not before the first and
 * before the same day a year later. G_IO_ERROR_INVALID_DATA with a
 * translated message. */
gboolean          kh_commitment_terms_check (const char   *payee,
                                             gint64        max_cents,
                                             const GDate  *valid_from,
                                             const GDate  *valid_until,
                                             GError      **error);
/* The last day a commitment valid from `from` may run to: the day before
 * the same day a year later (from 29.2.: the day before 28.2.). */
void              kh_commitment_last_valid_day (const GDate *from,
                                                GDate       *out);
/* SHA-256 of the bytes, lower-case hex (64 characters). */
char             *kh_document_sha256      (GBytes *pdf);
/* The file name `kohtaamo-admin documents export` gives it:
 * "decision-2026-0123.pdf" for a decision (the register's year and
 * number, at least four digits), "payment-commitment-2026-0004.pdf" for
 * a payment commitment, "document-<id>.pdf" otherwise. */
char             *kh_issued_document_file_name (const KhIssuedDocument *document);

G_END_DECLS
