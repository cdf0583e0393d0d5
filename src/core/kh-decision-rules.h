/* kh-decision-rules.h — what a decision must say (Hallintolaki 44–45 §)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A decision on a social service or on supplementary or preventive income
 * support, as plain data: the store keeps it, the UI edits it, the
 * document engine prints it (src/documents/kh-decision.c), and
 * kh_decision_check() says what is missing before it may be issued:
 *  - HL 44 § 1 mom: the authority that decided and the date; the parties;
 *    the reasons and a specific statement of what the party is entitled
 *    to or how the matter was otherwise resolved; the name and contact
 *    details of a person who gives more information;
 *  - HL 45 § 1 mom: the facts and evidence that affected the decision and
 *    the provisions applied;
 *  - SHL 45 § (677/2023, from 1.1.2025): where the decision departs from
 *    the services recorded in the client plan, the reasons for that;
 *  - HL 46–47 §, 49 b–d §: the instructions for requesting rectification
 *    (the authority, its addresses and hours; kh-rectification.h for the
 *    time limit), which need the sending date and the delivery method.
 * Every string is borrowed; the struct owns nothing.
 */
#pragma once

#include <glib.h>

#include "kh-rectification.h"
#include "kh-unit-profile.h"

G_BEGIN_DECLS

typedef enum
{
  KH_DECISION_SERVICE = 0,            /* a social service (SHL 14 §) */
  KH_DECISION_SUPPLEMENTARY_SUPPORT,  /* täydentävä toimeentulotuki, TTL 7 c § */
  KH_DECISION_PREVENTIVE_SUPPORT,     /* ehkäisevä toimeentulotuki, TTL 8 § */
} KhDecisionKind;

typedef enum
{
  KH_DECISION_OUTCOME_NONE = 0,
  KH_DECISION_GRANTED,
  KH_DECISION_PARTLY_GRANTED,
  KH_DECISION_REFUSED,
} KhDecisionOutcome;

typedef enum
{
  KH_PAYEE_NONE = 0,
  KH_PAYEE_CLIENT_ACCOUNT,   /* to the client's bank account (a Finnish IBAN) */
  KH_PAYEE_DIRECT,           /* directly to a landlord or service provider */
} KhPayeeKind;

/* One line of granted income support: "Vuokra 12/2026", 41250. */
typedef struct
{
  const char *description;
  gint64      cents;
} KhDecisionAmount;

/* A person named in the decision. */
typedef struct
{
  const char *name;
  const char *title;
  const char *phone;
  const char *email;
} KhDecisionPerson;

/* An authority in one language: the one that decided (the letterhead) or
 * the one that handles requests for rectification. */
typedef struct
{
  const char *name;              /* the organisation */
  const char *unit;              /* the unit, section or body */
  const char *postal_address;    /* lines separated by "\n" */
  const char *postal_code_town;  /* printed after the postal address */
  const char *visiting_address;
  const char *email;
  const char *phone;
  const char *opening_hours;
} KhDecisionAuthority;

typedef struct
{
  const char          *language;        /* the client's: "fi" or "sv" */

  /* HL 44 § 1 mom 1 p: the authority and the date. [0] Finnish, [1]
   * Swedish; the one for the language is printed (see
   * kh_decision_authority_for). */
  KhDecisionAuthority  authority[2];
  GDate                decision_date;
  guint                number;          /* register number (0: not yet given) */
  guint                number_year;

  /* 2 p: the party. */
  const char          *party_name;
  const char          *party_id;        /* identity code or birth date */
  const char          *party_address;   /* lines separated by "\n" */

  /* A correction (HL 50–52 §): the register number of the decision it
   * corrects, as printed ("12/2026"); NULL for none. */
  const char          *corrects;
  /* 3 p: what was decided. */
  KhDecisionKind       kind;
  KhDecisionOutcome    outcome;
  const char          *subject;         /* what was applied for, and when */
  const char          *service;         /* a service: what the party gets */
  const KhDecisionAmount *amounts;      /* income support: what is granted */
  guint                n_amounts;
  GDate                period_start;    /* income support: for which period */
  GDate                period_end;
  KhPayeeKind          payee;
  const char          *iban;            /* KH_PAYEE_CLIENT_ACCOUNT */
  const char          *payee_name;      /* KH_PAYEE_DIRECT */

  /* HL 45 §: the reasons and the provisions; SHL 45 §: a departure from
   * the client plan and its reasons. */
  const char          *reasoning;
  const char * const  *provisions;      /* NULL-terminated */
  gboolean             departs_from_plan;
  const char          *plan_departure_reasons;

  /* 4 p and the signature: decision maker, preparer, contact person. */
  KhDecisionPerson     maker;
  KhDecisionPerson     preparer;
  KhDecisionPerson     contact;

  /* The rectification instructions (HL 46–47 §, 49 b–d §). */
  KhDecisionAuthority  rectification[2];
  GDate                sent_date;
  KhDelivery           delivery;
  GDate                received_date;   /* KH_DELIVERY_PROVEN: the date of
                                           receipt once known (a decision
                                           handed over: that day) */
} KhDecisionContent;

/* Everything kh_decision_check() can find missing or wrong. */
typedef enum
{
  KH_DECISION_PROBLEM_LANGUAGE = 1,
  KH_DECISION_PROBLEM_AUTHORITY,
  KH_DECISION_PROBLEM_DECISION_DATE,
  KH_DECISION_PROBLEM_PARTY,
  KH_DECISION_PROBLEM_PARTY_ADDRESS,
  KH_DECISION_PROBLEM_SUBJECT,
  KH_DECISION_PROBLEM_OUTCOME,
  KH_DECISION_PROBLEM_SERVICE,
  KH_DECISION_PROBLEM_AMOUNTS,
  KH_DECISION_PROBLEM_AMOUNT_LINE,
  KH_DECISION_PROBLEM_PERIOD,
  KH_DECISION_PROBLEM_PAYEE,
  KH_DECISION_PROBLEM_IBAN,
  KH_DECISION_PROBLEM_PAYEE_NAME,
  KH_DECISION_PROBLEM_REASONING,
  KH_DECISION_PROBLEM_PROVISIONS,
  KH_DECISION_PROBLEM_PLAN_DEPARTURE,
  KH_DECISION_PROBLEM_MAKER,
  KH_DECISION_PROBLEM_PREPARER,
  KH_DECISION_PROBLEM_CONTACT,
  KH_DECISION_PROBLEM_RECTIFICATION_AUTHORITY,
  KH_DECISION_PROBLEM_RECTIFICATION_ADDRESS,
  KH_DECISION_PROBLEM_SENT_DATE,
  KH_DECISION_PROBLEM_RECEIVED_DATE,
} KhDecisionProblem;

/* The problems, in the order of the decision (KhDecisionProblem values in
 * a GArray of int); an empty array when the decision may be issued. */
GArray      *kh_decision_check            (const KhDecisionContent *content);
/* What to fix, in the UI language. */
const char  *kh_decision_problem_message  (KhDecisionProblem        problem);

/* The authority's fields for `language` ("fi" or "sv"): the worded ones
 * only in that language, the e-mail and phone from the other language
 * where this one has none. */
void         kh_decision_authority_for    (const KhDecisionAuthority  pair[2],
                                           const char                *language,
                                           KhDecisionAuthority       *out);
/* Fills the deciding authority (the letterhead) and the rectification
 * authority, in Finnish and in Swedish, from the unit's document profile
 * (borrowed: the profile must outlive the content). */
void         kh_decision_set_profile      (KhDecisionContent       *content,
                                           const KhUnitProfile     *profile);
/* A decision maker of the profile as the decision's maker (or preparer,
 * or contact person), with the title in `language` (borrowed). */
void         kh_decision_person_from_maker (const KhDecisionMaker  *maker,
                                            const char             *language,
                                            KhDecisionPerson       *out);

/* The sum of the amount lines in cents. */
gint64       kh_decision_total            (const KhDecisionContent *content);

/* The decision register number, per year: "123/2026". */
char        *kh_decision_number_format    (guint        number,
                                           guint        year);
/* Parses "123/2026" (spaces around the parts allowed): a number 1–999999
 * without leading zeros and a year 2000–9999. */
gboolean     kh_decision_number_parse     (const char  *text,
                                           guint       *out_number,
                                           guint       *out_year);

G_END_DECLS
