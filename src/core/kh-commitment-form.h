/* kh-commitment-form.h — a payment commitment as the worker types it (issue 8, item 3)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The state of the payment commitment window
 * (src/ui/documents/kh-commitment-window.c) as plain data: every field as
 * typed ("1 234,50", "7.12.2026"), and pure functions that say per field
 * what is wrong, in the UI language, and turn the typed text into the
 * terms the store keeps (kh_commitment_form_to_document). A commitment
 * (maksusitoumus / betalningsförbindelse) is sent to the payee — a
 * pharmacy, a landlord, a service provider — and rests on an issued
 * decision of the same person that grants what it pays for. It has a
 * number of its own, 1, 2, 3 … in each year ("4/2026"), which the store
 * gives it when it is issued and which the payee marks on the invoice.
 *
 * The client's identity code is printed only when the payee needs it (a
 * pharmacy does: the prescription is the client's; tietosuojalaki 29 §):
 * otherwise the name is enough. The document language is the client's
 * (kh_decision_form_language_for), the worker may choose the other one.
 */
#pragma once

#include <glib.h>

#include "kh-document-kind.h"
#include "kh-enums.h"
#include "kh-unit-profile.h"

G_BEGIN_DECLS

/* The longest texts, in characters. */
#define KH_COMMITMENT_COVERS_MAX  500
#define KH_COMMITMENT_ADDRESS_MAX 300

/* The places in the form where a problem is shown. */
typedef enum {
  KH_COMMITMENT_FIELD_PROFILE = 0,   /* the unit's letterhead (Preferences → Documents) */
  KH_COMMITMENT_FIELD_DECISION,      /* the decision it rests on */
  KH_COMMITMENT_FIELD_PAYEE_NAME,
  KH_COMMITMENT_FIELD_PAYEE_ADDRESS,
  KH_COMMITMENT_FIELD_COVERS,
  KH_COMMITMENT_FIELD_AMOUNT,
  KH_COMMITMENT_FIELD_VALID_FROM,
  KH_COMMITMENT_FIELD_VALID_UNTIL,
  KH_COMMITMENT_FIELD_INVOICE,
  KH_COMMITMENT_FIELD_MAKER,
  KH_COMMITMENT_FIELD_CONTACT,
  KH_COMMITMENT_N_FIELDS
} KhCommitmentField;

/* Every string is owned, NULL when nothing is typed. */
typedef struct {
  /* The client, as the person's page read them. */
  char               *client_name;       /* "Aino Korhonen" */
  char               *client_code;       /* the identity code, or NULL */

  char               *language;          /* "fi" or "sv" */
  gint64              case_id;           /* the decision's case; 0: none */

  /* The issued decision it rests on. */
  gint64              decision_id;
  guint               decision_number;
  guint               decision_year;
  GDate               decision_date;

  char               *payee_name;
  char               *payee_address;     /* lines separated by "\n" */
  char               *covers;
  char               *amount;            /* as typed: "1 234,50" */
  char               *valid_from;        /* as typed: "7.12.2026" */
  char               *valid_until;
  char               *invoice_address;   /* an e-invoice address or a postal address */
  gboolean            payee_needs_code;  /* print the identity code (a pharmacy) */

  guint               maker_id;          /* a decision maker of the unit profile; 0: none */
  KhRole              contact_role;      /* whose title the form fills in */
  char               *contact_name;
  char               *contact_title;
  char               *contact_phone;
  char               *contact_email;

  GDate               date;              /* the commitment's date, the day it is sent */
  KhDocumentDelivery  delivery;
} KhCommitmentForm;

/* A new form dated `today`: valid from `today` for a month (to the day
 * before the same day of the next month), sent by post, in Finnish, the
 * identity code not printed. */
KhCommitmentForm *kh_commitment_form_new  (const GDate            *today);
void              kh_commitment_form_free (KhCommitmentForm       *form);
KhCommitmentForm *kh_commitment_form_copy (const KhCommitmentForm *form);

/* The decision it rests on: its id, register number and date, and its
 * case (0: none). */
void              kh_commitment_form_set_decision (KhCommitmentForm *form,
                                                   gint64            decision_id,
                                                   guint             number,
                                                   guint             year,
                                                   const GDate      *date,
                                                   gint64            case_id);

/* The signed-in worker as the contact person (title, phone and e-mail as
 * kh_decision_form_contact_for gives them in the form's language). */
void              kh_commitment_form_set_contact  (KhCommitmentForm    *form,
                                                   const char          *name,
                                                   KhRole               role,
                                                   const KhUnitProfile *profile);
/* Changing the language: the contact's title follows while it is the one
 * the form filled in. */
void              kh_commitment_form_set_language (KhCommitmentForm    *form,
                                                   const char          *language,
                                                   const KhUnitProfile *profile);

/* What is wrong, per field, in the UI language. */
typedef struct {
  const char *messages[KH_COMMITMENT_N_FIELDS];  /* NULL: nothing wrong there */
  guint       n_problems;
} KhCommitmentFormCheck;

/* With `complete` FALSE, only what is typed wrong (an amount or a date
 * that does not parse, an amount of zero or over the most, a last day
 * before the first or more than a year after it, a text too long or
 * with invisible characters). With `complete` TRUE, also what is missing:
 * the unit's letterhead in the language, the decision, the payee's name
 * and address, what it covers, the amount, the dates, where the invoice
 * goes, an active decision maker with a title in the language, and a
 * contact person with a phone number or an e-mail address. `profile` may
 * be NULL (not read yet). */
void              kh_commitment_form_check        (const KhCommitmentForm *form,
                                                   const KhUnitProfile    *profile,
                                                   gboolean                complete,
                                                   KhCommitmentFormCheck  *out);

/* The decision as the commitment names it beside its label "Päätös" /
 * "Beslut": its register number and date, "12/2026, 7.12.2026" (newly
 * allocated), or NULL without a decision. */
char             *kh_commitment_form_decision_label (const KhCommitmentForm *form);

/* The document the store keeps for the form: a payment commitment of
 * `client_id` in the form's language, titled "Maksusitoumus" /
 * "Betalningsförbindelse", with the decision, the case, the terms as
 * parsed, sent on the form's date. Without its PDF or number. */
KhIssuedDocument *kh_commitment_form_to_document  (const KhCommitmentForm *form,
                                                   gint64                  client_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KhCommitmentForm, kh_commitment_form_free)

G_END_DECLS
