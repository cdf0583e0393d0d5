/* kh-letters.h — the unit's letters to a client, in the client's language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 8, 3: an invitation to a meeting booked in part 4, the letter sent
 * when a person could not be reached, the summary of a service-need
 * assessment (SHL 37 §) and a payment commitment (maksusitoumus /
 * betalningsförbindelse). Each is plain data (borrowed strings, filled in
 * by the caller from the store) that a builder lays out as a KhDocument in
 * letter->language, "fi" or "sv", whatever the UI's language; every text
 * comes from the po catalogues (kh_catalog_pgettext), the letterhead from
 * the unit's profile in that language (kh_unit_profile_get_letterhead).
 * Dates and times are printed as Finland prints them, in Finnish time
 * (Europe/Helsinki) whatever the machine's time zone.
 *
 * The client plan letter (part 6) is the same engine with a network map
 * drawn inside a page (kh_document_add_picture).
 */
#pragma once

#include "core/kh-appointment.h"
#include "core/kh-assessment.h"
#include "core/kh-enums.h"
#include "core/kh-unit-profile.h"
#include "kh-document.h"

G_BEGIN_DECLS

/* The worker who sends the letter and whom the client contacts. The title
 * is in the letter's language ("sosiaalityöntekijä" / "socialarbetare"). */
typedef struct
{
  const char *name;
  const char *title;
  const char *phone;
  const char *email;
} KhLetterSender;

/* What every letter has. */
typedef struct
{
  const char     *language;           /* the client's: "fi" or "sv" (else "fi") */
  const char     *recipient_name;
  const char     *recipient_address;  /* lines separated by "\n" */
  GDateTime      *date;               /* the letter's date; NULL: today */
  const char     *reference;          /* a register number under the date, or NULL */
  KhLetterSender  sender;
} KhLetter;

/* ---- Invitation to a meeting (kutsu / kallelse) ---- */

typedef struct
{
  KhLetter       letter;
  GDateTime     *starts;
  int            minutes;
  KhMeetingKind  kind;
  const char    *place_name;          /* in person: the service point */
  const char    *place_address;       /* its street address, lines separated by "\n" */
  const char    *client_phone;        /* by phone: the number we call; NULL: "the number you gave" */
  const char    *video_link;          /* by video: the link, or NULL when it is sent later */
  const char    *purpose;             /* what the meeting is about, in the letter's language, or NULL */
  const char * const *bring;          /* what to bring, NULL-terminated, or NULL */
  gboolean       interpreter;         /* an interpreter is booked (kielilaki 18 §, asiakaslaki 5 §) */
  const char    *interpreter_language;/* "arabia" / "arabiska", or NULL */
} KhInvitationLetter;

/* The meeting's day and hours in `language`: "maanantai 14.12.2026 klo
 * 10.00–11.00" / "måndag 14.12.2026 kl. 10.00–11.00"; without `ends`,
 * only the start. Finnish time. */
char       *kh_letter_format_meeting_time (const char               *language,
                                           GDateTime                *starts,
                                           GDateTime                *ends);

/* A new letter; `profile` (may be NULL) gives the letterhead and logo. */
KhDocument *kh_invitation_letter_build    (const KhInvitationLetter *letter,
                                           const KhUnitProfile      *profile);

/* Fills what an appointment (issue 7, 4) says: the client's name, the
 * language, the time, the kind, the service point's name and address (may
 * be NULL), the interpreter and the worker's name. Borrows from both; the
 * rest (address, what to bring, the worker's title, phone and e-mail) is
 * the caller's. */
void        kh_invitation_letter_init_from_appointment (KhInvitationLetter   *letter,
                                                        const KhAppointment  *appointment,
                                                        const KhServicePoint *point);

/* Invitations as one PDF at `target` (kh_document_render_batch): one
 * letter after another, each with its own page numbers. */
gboolean    kh_letters_render_invitations (const KhInvitationLetter *letters,
                                           guint                     n_letters,
                                           const KhUnitProfile      *profile,
                                           GFile                    *target,
                                           KhDocumentProgressFunc    progress,
                                           gpointer                  user_data,
                                           GCancellable             *cancellable,
                                           GError                  **error);

/* ---- Could not reach you (yhteydenottopyyntö / begäran om kontakt) ---- */

/* Why we contact the person: said without sensitive detail, as the letter
 * may be read by others at the address. */
typedef enum
{
  KH_REACH_KELA_NOTIFICATION = 1,   /* Kela notified the social services (TTL 18 h §, eTotu) */
  KH_REACH_OTHER_AUTHORITY = 2,     /* another authority contacted us (SHL 35 §) */
  KH_REACH_OWN_CONTACT = 3,         /* the person contacted us */
  KH_REACH_PENDING_MATTER = 4,      /* a matter pending with us */
} KhReachReason;

typedef struct
{
  GDateTime       *when;
  KhAttemptMethod  method;
} KhAttemptLine;

typedef struct
{
  KhLetter             letter;
  KhReachReason        reason;
  const KhAttemptLine *attempts;
  guint                n_attempts;
  GDate                reply_by;       /* contact us by this day; invalid (g_date_clear): "as soon as possible" */
  const char          *phone_hours;    /* when the worker answers the phone, in the letter's language, or NULL */
} KhCouldNotReachLetter;

KhDocument *kh_could_not_reach_letter_build (const KhCouldNotReachLetter *letter,
                                             const KhUnitProfile         *profile);

/* ---- Summary of a service-need assessment (SHL 37 §) ---- */

typedef struct
{
  KhLetter            letter;
  const KhAssessment *assessment;
  /* The named responsible worker (omatyöntekijä, SHL 42 §), or all NULL. */
  KhLetterSender      responsible_worker;
} KhAssessmentSummaryLetter;

KhDocument *kh_assessment_summary_build   (const KhAssessmentSummaryLetter *letter,
                                           const KhUnitProfile             *profile);

/* ---- Payment commitment (maksusitoumus / betalningsförbindelse) ---- */

/* Sent to the payee (a pharmacy, a landlord): letter.recipient_* is the
 * payee, letter.sender the worker who gives more information. */
typedef struct
{
  KhLetter        letter;
  const char     *number;             /* the commitment's number, to be marked on the invoice */
  const char     *client_name;
  const char     *client_id;          /* the identity code, only when the payee needs it
                                         (a pharmacy; tietosuojalaki 29 §), or NULL */
  const char     *covers;             /* what it covers, in the letter's language */
  gint64          max_cents;          /* the most we pay */
  GDate           valid_from;
  GDate           valid_until;
  const char     *decision;           /* "Päätös 123/2026, 7.12.2026", or NULL */
  const char     *invoice_address;    /* where the invoice goes (an e-invoice address or a postal address) */
  KhLetterSender  maker;              /* who signs it (the decision maker) */
} KhPaymentCommitment;

KhDocument *kh_payment_commitment_build   (const KhPaymentCommitment *commitment,
                                           const KhUnitProfile       *profile);

/* The unit's letterhead and logo in the document's language. */
void        kh_letter_set_unit_profile    (KhDocument          *doc,
                                           const KhUnitProfile *profile);

G_END_DECLS
