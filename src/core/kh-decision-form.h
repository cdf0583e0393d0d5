/* kh-decision-form.h — a decision as the worker types it (issue 8, items 2, 4, 5)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The state of the decision window (src/ui/documents/kh-decision-window.c)
 * as plain data: every field as typed ("412,50", "1.12.2026",
 * "fi21 1234 5600 0007 85"), and pure functions that say per field what is
 * wrong, in the UI language, and turn the typed text into the
 * KhDecisionContent that kh_decision_check() judges and kh_decision_build()
 * prints. The widgets render this and send their changes to it; nothing
 * here knows GTK or the store.
 *
 * The document language is the client's, not the UI's: Swedish for a
 * Swedish-speaking client, Finnish for everyone else (a client with
 * another language gets Finnish, and the form says so); the worker may
 * choose the other one. The texts the form fills in for the worker (the
 * provisions applied, the preparer's title) follow the language and the
 * kind of decision for as long as the worker has not changed them.
 */
#pragma once

#include <glib.h>

#include "kh-decision-rules.h"
#include "kh-document-kind.h"
#include "kh-enums.h"
#include "kh-unit-profile.h"

G_BEGIN_DECLS

/* The places in the form where a problem is shown. */
typedef enum {
  KH_DECISION_FIELD_PROFILE = 0,   /* the unit's document settings (Preferences → Documents) */
  KH_DECISION_FIELD_LANGUAGE,
  KH_DECISION_FIELD_PARTY,         /* the person's name and address (their details) */
  KH_DECISION_FIELD_OUTCOME,
  KH_DECISION_FIELD_SUBJECT,
  KH_DECISION_FIELD_SERVICE,
  KH_DECISION_FIELD_AMOUNTS,       /* the amount lines as a whole (each line has its own message) */
  KH_DECISION_FIELD_PERIOD_START,
  KH_DECISION_FIELD_PERIOD_END,
  KH_DECISION_FIELD_PAYEE,
  KH_DECISION_FIELD_IBAN,
  KH_DECISION_FIELD_PAYEE_NAME,
  KH_DECISION_FIELD_REASONING,
  KH_DECISION_FIELD_PROVISIONS,
  KH_DECISION_FIELD_PLAN_DEPARTURE,
  KH_DECISION_FIELD_MAKER,
  KH_DECISION_FIELD_PREPARER,
  KH_DECISION_FIELD_CONTACT,
  KH_DECISION_FIELD_DECISION_DATE,
  KH_DECISION_FIELD_SENT_DATE,
  KH_DECISION_N_FIELDS
} KhDecisionField;

/* One line of income support as typed: "Vuokra joulukuu 2026", "412,50". */
typedef struct {
  char *description;
  char *amount;
} KhDecisionFormLine;

/* Every string is owned, NULL when nothing is typed. */
typedef struct {
  /* The party, as the person's page read them. */
  char               *party_name;
  char               *party_id;          /* identity code, or the birth date */
  char               *party_address;     /* lines separated by "\n"; NULL when protected and not shown */

  char               *language;          /* "fi" or "sv" */
  gint64              case_id;           /* 0: none */
  gint64              corrects_id;       /* the issued decision this one corrects; 0: none */
  char               *corrects_number;   /* its register number as printed, "12/2026"; NULL: none */

  KhDecisionKind      kind;
  KhDecisionOutcome   outcome;
  char               *subject;
  char               *service;
  GPtrArray          *lines;             /* of KhDecisionFormLine */
  char               *period_start;
  char               *period_end;
  KhPayeeKind         payee;
  char               *iban;
  char               *payee_name;

  char               *reasoning;
  char               *provisions;        /* one a line */
  gboolean            departs_from_plan;
  char               *plan_departure_reasons;

  guint               maker_id;          /* a decision maker of the unit profile; 0: none */
  KhRole              preparer_role;     /* whose titles the form fills in */
  char               *preparer_name;
  char               *preparer_title;
  char               *contact_name;
  char               *contact_title;
  char               *contact_phone;
  char               *contact_email;

  char               *decision_date;     /* as typed: "6.12.2026" */
  char               *sent_date;
  KhDocumentDelivery  delivery;
} KhDecisionForm;

/* A new form: a decision on a service, no outcome yet, one empty amount
 * line, paid to the client's account, decided and sent on `today` by
 * letter, in Finnish with its default provisions. */
KhDecisionForm *kh_decision_form_new   (const GDate          *today);
void            kh_decision_form_free  (KhDecisionForm       *form);
KhDecisionForm *kh_decision_form_copy  (const KhDecisionForm *form);

/* The document language for a client whose service language is
 * `client_language`: "sv" for Swedish, "fi" for anything else. */
const char     *kh_decision_form_language_for      (KhLanguage client_language);
/* Whether that is a fallback the form should point out (the client's
 * language is neither Finnish nor Swedish, or not recorded). */
gboolean        kh_decision_form_language_is_fallback (KhLanguage client_language);

/* The party from the person's details: "Korhonen, Aino" printed as
 * "Aino Korhonen", the identity code (or the birth date as d.m.yyyy when
 * there is none), and the address in two lines. `address` may be NULL
 * (a protected address not shown). */
void            kh_decision_form_set_party (KhDecisionForm *form,
                                            const char     *last_name,
                                            const char     *first_names,
                                            const char     *identity_code,
                                            const char     *birth_date_iso,
                                            const char     *address,
                                            const char     *postal_code,
                                            const char     *city);

/* Changing the language or the kind: the provisions and the titles that
 * are still as the form filled them in follow; what the worker typed stays. */
void            kh_decision_form_set_language (KhDecisionForm      *form,
                                               const char          *language,
                                               const KhUnitProfile *profile);
void            kh_decision_form_set_kind     (KhDecisionForm *form,
                                               KhDecisionKind  kind);

/* The provisions a decision of `kind` usually applies, in `language`, one
 * a line (newly allocated). */
char           *kh_decision_form_default_provisions (KhDecisionKind  kind,
                                                     const char     *language);
/* The title of a worker in `role` in `language` ("sosiaalityöntekijä"),
 * or NULL for a role that does not prepare decisions. */
const char     *kh_decision_form_role_title   (KhRole          role,
                                               const char     *language);

/* The signed-in worker as the preparer and the contact person: the title,
 * phone and e-mail of the decision maker of that name in `profile` when
 * there is one, else the role's title and the unit's phone. */
void            kh_decision_form_set_preparer (KhDecisionForm      *form,
                                               const char          *name,
                                               KhRole               role,
                                               const KhUnitProfile *profile);

/* How the form names the worker `name` in `role` in `language`: the
 * title, phone and e-mail of the active decision maker of that name in
 * `profile` when there is one, else the role's title and the unit's
 * phone (e-mail NULL). Borrowed from `profile` or static. */
void            kh_decision_form_contact_for  (const KhUnitProfile *profile,
                                               const char          *name,
                                               KhRole               role,
                                               const char          *language,
                                               const char         **title,
                                               const char         **phone,
                                               const char         **email);

/* Amount lines: appended empty, or removed (index in range). */
void            kh_decision_form_add_line     (KhDecisionForm *form);
void            kh_decision_form_remove_line  (KhDecisionForm *form,
                                               guint           index);
void            kh_decision_form_set_line     (KhDecisionForm *form,
                                               guint           index,
                                               const char     *description,
                                               const char     *amount);

/* What is wrong, per field, in the UI language. */
typedef struct {
  const char *messages[KH_DECISION_N_FIELDS];  /* NULL: nothing wrong there */
  GPtrArray  *line_messages;                   /* per amount line: const char *, or NULL */
  guint       n_problems;                      /* fields and lines with a message */
} KhDecisionFormCheck;

/* With `complete` FALSE, only what is typed wrong (an IBAN, an amount or a
 * date that does not parse): what the form shows while the worker types.
 * With `complete` TRUE, also everything kh_decision_check() finds missing
 * for a decision to be issued, at its field; and a maker that is not an
 * active one of `profile` with a title in the language. `profile` may be
 * NULL (not read yet: the profile's fields are missing). */
void            kh_decision_form_check        (const KhDecisionForm *form,
                                               const KhUnitProfile  *profile,
                                               gboolean              complete,
                                               KhDecisionFormCheck  *out);
void            kh_decision_form_check_clear  (KhDecisionFormCheck  *check);

/* The field where a problem of kh_decision_check() is shown. */
KhDecisionField kh_decision_form_field_of     (KhDecisionProblem     problem);

/* The last day for a request for rectification for the sending date and
 * the delivery as typed, as a line for under them in the UI language
 * ("Last day for a request for rectification: Wednesday 8.4.2026"), or
 * NULL when the sending date is not a date. */
char           *kh_decision_form_describe_last_day (const KhDecisionForm *form,
                                                    KhCalendar           *calendar);

/* A decision's content made of the form, self-contained: it owns a copy
 * of the form and of the profile, and `content` borrows from them, so it
 * may go to another thread. What does not parse is left out (an amount
 * that is not one counts as 0, so kh_decision_check() finds the line). */
typedef struct _KhDecisionDraft KhDecisionDraft;
struct _KhDecisionDraft {
  KhDecisionContent content;
  GBytes           *logo;     /* the unit's logo for the letterhead, or NULL (borrowed) */
};
KhDecisionDraft *kh_decision_form_build      (const KhDecisionForm *form,
                                              const KhUnitProfile  *profile);
void             kh_decision_draft_free      (KhDecisionDraft      *draft);

/* The document the store keeps for the form: a decision of
 * `client_id`, in the form's language, its title the kind of decision in
 * that language, the case, the sending date and the delivery, the
 * decision it corrects, and whether it grants (granted or partly: a
 * payment commitment may rest on it). Without its PDF. */
KhIssuedDocument *kh_decision_form_to_document (const KhDecisionForm *form,
                                                gint64                client_id);
/* The kind of decision in `language` ("Päätös täydentävästä
 * toimeentulotuesta"): the issued document's title. */
const char      *kh_decision_form_kind_title   (KhDecisionKind        kind,
                                                const char           *language);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KhDecisionForm, kh_decision_form_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KhDecisionDraft, kh_decision_draft_free)

G_END_DECLS
