/* test-constraints.c — the schema refuses what breaks a domain rule, and so
 * does KhDb, saying why; nothing is half-written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include "store-test-util.h"

/* Rows the database must accept (so that the refused ones below differ from
 * them only by what they break). Runs after the fixture made user 1. */
static const char * const good_rows[] = {
  "INSERT INTO clients (id, identity_kind, identity_code, no_code_reason, birth_date, last_name, "
  "  first_names, language, created_at, updated_at) "
  "VALUES (100, 1, '010594Y9021', 0, '1994-05-01', 'Testinen', 'Anna', 1, 0, 0)",
  "INSERT INTO clients (id, identity_kind, no_code_reason, birth_date, last_name, first_names, "
  "  language, other_language, interpreter, postal_code, phone_digits, email, created_at, updated_at) "
  "VALUES (101, 2, 2, '1990-01-01', 'Ahmadi', 'Sara', 3, 'dari', 1, '00100', '0401234567', "
  "  'sara@example.fi', 0, 0)",
  "INSERT INTO contacts (id, received_at, channel, contactor, language, outcome, opens_case, "
  "  anonymous, client_id, created_by, created_at, urgency, urgency_assessed_by, urgency_assessed_at) "
  "VALUES (200, 0, 1, 1, 1, 3, 1, 0, 100, 1, 0, 2, 1, 0)",
  "INSERT INTO contacts (id, received_at, channel, contactor, language, outcome, service_id, "
  "  anonymous, created_by, created_at, needs, urgency, urgency_assessed_by, urgency_assessed_at) "
  "VALUES (201, 0, 2, 5, 2, 2, 1, 1, 1, 0, 1023, 2, 1, 0)",
  /* 2.5: an urgent notification without consent is urgent help, not a case. */
  "INSERT INTO contacts (id, received_at, channel, contactor, contactor_detail, referral, language, "
  "  outcome, anonymous, client_id, created_by, created_at, urgency, urgent, urgency_assessed_by, "
  "  urgency_assessed_at) "
  "VALUES (202, 0, 6, 3, 'Poliisi', 3, 1, 4, 0, 101, 1, 0, 1, 1, 1, 0)",
  /* 1.7: a Kela notification with its own kind. */
  "INSERT INTO contacts (id, received_at, channel, contactor, contactor_detail, kela_kind, language, "
  "  outcome, anonymous, client_id, created_by, created_at, urgency, urgency_assessed_by, "
  "  urgency_assessed_at) "
  "VALUES (203, 0, 7, 3, 'Kela', 1, 1, 1, 0, 100, 1, 0, 2, 1, 0)",
  /* 2.5: … and the same, with a case too; 1.6: with consent and a case. */
  "INSERT INTO contacts (id, received_at, channel, contactor, contactor_detail, referral, language, "
  "  outcome, opens_case, anonymous, client_id, created_by, created_at, urgency, urgent, "
  "  urgency_assessed_by, urgency_assessed_at) "
  "VALUES (210, 0, 6, 3, 'Poliisi', 3, 1, 4, 1, 0, 101, 1, 0, 1, 1, 1, 0)",
  /* 1.6, 36 § 1 mom: a notification answered with advice and a reason. */
  "INSERT INTO contacts (id, received_at, channel, contactor, contactor_detail, referral, language, "
  "  outcome, no_assessment_reason, anonymous, client_id, created_by, created_at, urgency, "
  "  urgency_assessed_by, urgency_assessed_at) "
  "VALUES (211, 0, 6, 3, 'Poliisi', 2, 1, 1, 'Asiakkuus jo aikuissosiaalityössä', 0, 101, 1, 0, 2, 1, 0)",
  /* 1.6: directed to apply, by the person; 1.9: a legal representative. */
  "INSERT INTO contacts (id, received_at, channel, contactor, referral, directed_by, language, "
  "  outcome, anonymous, client_id, created_by, created_at, urgency, urgency_assessed_by, "
  "  urgency_assessed_at) "
  "VALUES (212, 0, 1, 1, 1, 'Terveysasema', 1, 1, 0, 101, 1, 0, 2, 1, 0)",
  "INSERT INTO contacts (id, received_at, channel, contactor, contactor_name, contactor_contact, "
  "  language, outcome, anonymous, client_id, created_by, created_at, urgency, urgency_assessed_by, "
  "  urgency_assessed_at) "
  "VALUES (213, 0, 2, 6, 'Eero Edunvalvoja', '040 123 4567', 1, 5, 0, 101, 1, 0, 2, 1, 0)",
  /* 0018: the case of an urgent contact is urgent. */
  "INSERT INTO cases (team_id, id, client_id, contact_id, opened_at, status, implementation_deadline, urgent) "
  "VALUES (1, 310, 101, 210, 0, 1, '2026-07-02', 1)",
  /* Opens a case, but has none: for the cases' rows below (a relative, 1.9). */
  "INSERT INTO contacts (id, received_at, channel, contactor, contactor_name, contactor_relation, "
  "  language, outcome, opens_case, anonymous, client_id, created_by, created_at, urgency, "
  "  urgency_assessed_by, urgency_assessed_at) "
  "VALUES (204, 0, 1, 2, 'Liisa Testinen', 'tytär', 1, 3, 1, 0, 100, 1, 0, 2, 1, 0)",
  /* The police open a case without consent: no 7-day deadline (SHL 36 §). */
  "INSERT INTO contacts (id, received_at, channel, contactor, contactor_detail, referral, language, "
  "  outcome, opens_case, anonymous, client_id, created_by, created_at, urgency, "
  "  urgency_assessed_by, urgency_assessed_at) "
  "VALUES (205, 0, 6, 3, 'Poliisi', 3, 1, 3, 1, 0, 101, 1, 0, 2, 1, 0)",
  "INSERT INTO cases (team_id, id, client_id, contact_id, opened_at, status, deadline_groups, "
  "  implementation_deadline) VALUES (1, 301, 101, 205, 0, 1, 1, '2026-07-02')",
  "INSERT INTO contacts (id, received_at, channel, contactor, contactor_detail, referral, language, "
  "  outcome, opens_case, anonymous, client_id, created_by, created_at, urgency, "
  "  urgency_assessed_by, urgency_assessed_at) "
  "VALUES (206, 0, 6, 3, 'Poliisi', 3, 1, 3, 1, 0, 101, 1, 0, 2, 1, 0)",
  "INSERT INTO cases (team_id, id, client_id, contact_id, opened_at, status, deadline_groups, "
  "  assessment_deadline, implementation_deadline) "
  "VALUES (1, 300, 100, 200, 0, 1, 7, '2026-04-15', '2026-07-02')",
  RAW_LOG_NEXT ("0, 1, 100, 1, 1"),
  "INSERT INTO closed_days (date, name) VALUES ('2026-05-15', 'Siltapäivä')",
  /* 0023: a team that no longer takes cases. */
  "INSERT INTO teams (id, name, active, created_at) VALUES (2, 'Lakkautettu tiimi', 0, 0)",
  /* 0036: real days, one of them a leap day. */
  "INSERT INTO closed_days (date, name) VALUES ('2028-02-29', 'Karkauspäivä')",
  "INSERT INTO contacts (id, received_at, channel, contactor, contactor_detail, kela_kind, "
  "  kela_meeting_deadline, language, outcome, anonymous, client_id, created_by, created_at, urgency, "
  "  urgency_assessed_by, urgency_assessed_at) "
  "VALUES (214, 0, 7, 3, 'Kela', 3, '2026-03-02', 1, 1, 0, 100, 1, 0, 2, 1, 0)",
};

typedef struct
{
  const char *rule;
  const char *sql;
} BadRow;

#define CLIENT_INSERT \
  "INSERT INTO clients (identity_kind, identity_code, no_code_reason, birth_date, last_name, " \
  "  first_names, language, other_language, postal_code, phone_digits, email, created_at, updated_at) "
#define CONTACT_INSERT \
  "INSERT INTO contacts (urgency, urgency_assessed_by, urgency_assessed_at, " \
  "  received_at, channel, contactor, contactor_detail, referral, needs, " \
  "  reason_text, urgent, urgent_note, language, outcome, service_id, anonymous, client_id, " \
  "  created_by, created_at) "

static const BadRow bad_rows[] = {
  { "role in range", "INSERT INTO users (account, role, created_at) VALUES ('a', 6, 0)" },
  { "role not zero", "INSERT INTO users (account, role, created_at) VALUES ('b', 0, 0)" },
  { "active is boolean", "INSERT INTO users (account, role, active, created_at) VALUES ('c', 1, 2, 0)" },
  { "account not empty", "INSERT INTO users (account, role, created_at) VALUES ('', 1, 0)" },
  { "account unique", "INSERT INTO users (account, role, created_at) VALUES ('tester', 1, 0)" },
  { "STRICT: role is an integer", "INSERT INTO users (account, role, created_at) VALUES ('d', 'admin', 0)" },

  { "identity kind in range",
    CLIENT_INSERT "VALUES (3, NULL, 1, '1990-01-01', 'X', 'Y', 1, NULL, NULL, NULL, NULL, 0, 0)" },
  { "code kind needs a code",
    CLIENT_INSERT "VALUES (1, NULL, 0, '1990-01-01', 'X', 'Y', 1, NULL, NULL, NULL, NULL, 0, 0)" },
  { "code kind has no reason",
    CLIENT_INSERT "VALUES (1, '020594X903P', 1, '1994-05-02', 'X', 'Y', 1, NULL, NULL, NULL, NULL, 0, 0)" },
  { "birth-date kind has no code",
    CLIENT_INSERT "VALUES (2, '020594X903P', 1, '1994-05-02', 'X', 'Y', 1, NULL, NULL, NULL, NULL, 0, 0)" },
  { "birth-date kind needs a reason",
    CLIENT_INSERT "VALUES (2, NULL, 0, '1990-01-01', 'X', 'Y', 1, NULL, NULL, NULL, NULL, 0, 0)" },
  { "reason in range",
    CLIENT_INSERT "VALUES (2, NULL, 5, '1990-01-01', 'X', 'Y', 1, NULL, NULL, NULL, NULL, 0, 0)" },
  { "code has 11 characters",
    CLIENT_INSERT "VALUES (1, '020594X903', 0, '1994-05-02', 'X', 'Y', 1, NULL, NULL, NULL, NULL, 0, 0)" },
  { "code unique",
    CLIENT_INSERT "VALUES (1, '010594Y9021', 0, '1994-05-01', 'X', 'Y', 1, NULL, NULL, NULL, NULL, 0, 0)" },
  { "birth date is the code's date",
    CLIENT_INSERT "VALUES (1, '020594X903P', 0, '1994-05-03', 'X', 'Y', 1, NULL, NULL, NULL, NULL, 0, 0)" },
  { "birth date is ISO",
    CLIENT_INSERT "VALUES (2, NULL, 1, '1.1.1990', 'X', 'Y', 1, NULL, NULL, NULL, NULL, 0, 0)" },
  { "birth date required",
    CLIENT_INSERT "VALUES (2, NULL, 1, NULL, 'X', 'Y', 1, NULL, NULL, NULL, NULL, 0, 0)" },
  { "last name required",
    CLIENT_INSERT "VALUES (2, NULL, 1, '1990-01-01', '  ', 'Y', 1, NULL, NULL, NULL, NULL, 0, 0)" },
  { "first names required",
    CLIENT_INSERT "VALUES (2, NULL, 1, '1990-01-01', 'X', NULL, 1, NULL, NULL, NULL, NULL, 0, 0)" },
  { "language in range",
    CLIENT_INSERT "VALUES (2, NULL, 1, '1990-01-01', 'X', 'Y', 4, NULL, NULL, NULL, NULL, 0, 0)" },
  { "other language only with language other",
    CLIENT_INSERT "VALUES (2, NULL, 1, '1990-01-01', 'X', 'Y', 1, 'dari', NULL, NULL, NULL, 0, 0)" },
  { "postal code five digits",
    CLIENT_INSERT "VALUES (2, NULL, 1, '1990-01-01', 'X', 'Y', 1, NULL, '0010', NULL, NULL, 0, 0)" },
  { "phone digits are digits",
    CLIENT_INSERT "VALUES (2, NULL, 1, '1990-01-01', 'X', 'Y', 1, NULL, NULL, '040-123', NULL, 0, 0)" },
  { "e-mail shape",
    CLIENT_INSERT "VALUES (2, NULL, 1, '1990-01-01', 'X', 'Y', 1, NULL, NULL, NULL, 'no-at-sign', 0, 0)" },

  { "channel in range",
    CONTACT_INSERT "VALUES (2, 1, 0, 0, 11, 1, NULL, 0, 0, NULL, 0, NULL, 1, 1, NULL, 0, 100, 1, 0)" },
  { "channel not zero",
    CONTACT_INSERT "VALUES (2, 1, 0, 0, 0, 1, NULL, 0, 0, NULL, 0, NULL, 1, 1, NULL, 0, 100, 1, 0)" },
  { "contactor in range",
    CONTACT_INSERT "VALUES (2, 1, 0, 0, 1, 7, NULL, 0, 0, NULL, 0, NULL, 1, 1, NULL, 0, 100, 1, 0)" },
  { "referral in range",
    CONTACT_INSERT "VALUES (2, 1, 0, 0, 6, 3, NULL, 4, 0, NULL, 0, NULL, 1, 1, NULL, 0, 100, 1, 0)" },
  { "directed to apply names the authority",
    CONTACT_INSERT "VALUES (2, 1, 0, 0, 1, 1, NULL, 1, 0, NULL, 0, NULL, 1, 1, NULL, 0, 100, 1, 0)" },
  { "with consent only from an authority",
    CONTACT_INSERT "VALUES (2, 1, 0, 0, 1, 1, NULL, 2, 0, NULL, 0, NULL, 1, 3, NULL, 0, 100, 1, 0)" },
  { "directed to apply is the person's own contact",
    "INSERT INTO contacts (received_at, channel, contactor, contactor_detail, referral, directed_by, "
    "  language, outcome, client_id, created_by, created_at, urgency, urgency_assessed_by, "
    "  urgency_assessed_at) VALUES (0, 6, 3, 'Poliisi', 1, 'Poliisi', 1, 1, 100, 1, 0, 2, 1, 0)" },
  { "an authority's contact has its 35 § kind",
    CONTACT_INSERT "VALUES (2, 1, 0, 0, 6, 3, 'Poliisi', 0, 0, NULL, 0, NULL, 1, 3, NULL, 0, 100, 1, 0)" },
  { "urgency answered (1.8)",
    CONTACT_INSERT "VALUES (0, NULL, NULL, 0, 1, 1, NULL, 0, 0, NULL, 0, NULL, 1, 1, NULL, 0, 100, 1, 0)" },
  { "urgency answered by somebody, at some time",
    CONTACT_INSERT "VALUES (2, NULL, NULL, 0, 1, 1, NULL, 0, 0, NULL, 0, NULL, 1, 1, NULL, 0, 100, 1, 0)" },
  { "urgent is the answer urgent",
    CONTACT_INSERT "VALUES (2, 1, 0, 0, 1, 1, NULL, 0, 0, NULL, 1, NULL, 1, 1, NULL, 0, 100, 1, 0)" },
  { "urgency not answered, updated either",
    "UPDATE contacts SET urgency = 0, urgent = 0, urgency_assessed_by = NULL, urgency_assessed_at = NULL "
    "WHERE id = 200" },
  { "a pending matter needs a case, urgent help or a reason (34 §, 36 §)",
    CONTACT_INSERT "VALUES (2, 1, 0, 0, 6, 3, 'Poliisi', 3, 0, NULL, 0, NULL, 1, 1, NULL, 0, 100, 1, 0)" },
  { "a pending matter needs a reason, updated either",
    "UPDATE contacts SET no_assessment_reason = NULL WHERE id = 211" },
  { "a reason not to assess only for a pending matter",
    "INSERT INTO contacts (received_at, channel, contactor, language, outcome, no_assessment_reason, "
    "  client_id, created_by, created_at, urgency, urgency_assessed_by, urgency_assessed_at) "
    "VALUES (0, 1, 1, 1, 1, 'turha', 100, 1, 0, 2, 1, 0)" },
  { "a Kela notification has its kind (1.7)",
    CONTACT_INSERT "VALUES (2, 1, 0, 0, 7, 3, 'Kela', 0, 0, NULL, 0, NULL, 1, 1, NULL, 0, 100, 1, 0)" },
  { "a Kela notification has no 35 § kind",
    "INSERT INTO contacts (received_at, channel, contactor, referral, kela_kind, language, outcome, "
    "  opens_case, client_id, created_by, created_at, urgency, urgency_assessed_by, urgency_assessed_at) "
    "VALUES (0, 7, 3, 3, 4, 1, 3, 1, 100, 1, 0, 2, 1, 0)" },
  { "a Kela kind only for a Kela notification",
    "INSERT INTO contacts (received_at, channel, contactor, kela_kind, language, outcome, "
    "  client_id, created_by, created_at, urgency, urgency_assessed_by, urgency_assessed_at) "
    "VALUES (0, 2, 1, 1, 1, 1, 100, 1, 0, 2, 1, 0)" },
  { "a new Kela notification is never 'not recorded'",
    "INSERT INTO contacts (received_at, channel, contactor, kela_kind, language, outcome, "
    "  client_id, created_by, created_at, urgency, urgency_assessed_by, urgency_assessed_at) "
    "VALUES (0, 7, 3, 6, 1, 1, 100, 1, 0, 2, 1, 0)" },
  { "a meeting deadline only for a meeting request",
    "INSERT INTO contacts (received_at, channel, contactor, kela_kind, kela_meeting_deadline, "
    "  language, outcome, client_id, created_by, created_at, urgency, urgency_assessed_by, "
    "  urgency_assessed_at) VALUES (0, 7, 3, 1, '2026-04-15', 1, 1, 100, 1, 0, 2, 1, 0)" },
  { "a relative is recorded by name (1.9)",
    "INSERT INTO contacts (received_at, channel, contactor, contactor_relation, language, outcome, "
    "  client_id, created_by, created_at, urgency, urgency_assessed_by, urgency_assessed_at) "
    "VALUES (0, 2, 2, 'tytär', 1, 1, 100, 1, 0, 2, 1, 0)" },
  { "a relative with the relation",
    "INSERT INTO contacts (received_at, channel, contactor, contactor_name, language, outcome, "
    "  client_id, created_by, created_at, urgency, urgency_assessed_by, urgency_assessed_at) "
    "VALUES (0, 2, 2, 'Liisa Korhonen', 1, 1, 100, 1, 0, 2, 1, 0)" },
  { "a legal representative by name",
    "INSERT INTO contacts (received_at, channel, contactor, language, outcome, "
    "  client_id, created_by, created_at, urgency, urgency_assessed_by, urgency_assessed_at) "
    "VALUES (0, 2, 6, 1, 1, 100, 1, 0, 2, 1, 0)" },
  { "no invisible characters in a name (1.13)",
    "INSERT INTO contacts (received_at, channel, contactor, contactor_name, contactor_relation, "
    "  language, outcome, client_id, created_by, created_at, urgency, urgency_assessed_by, "
    "  urgency_assessed_at) VALUES (0, 2, 2, 'Vir' || char (0x200b) || 'tanen', 'poika', 1, 1, 100, "
    "  1, 0, 2, 1, 0)" },
  { "no direction-changing characters in who directed",
    "UPDATE contacts SET directed_by = 'Terveys' || char (0x202e) || 'asema' WHERE id = 212" },
  { "a name at most 200 characters (1.13)",
    "UPDATE contacts SET contactor_name = printf ('%.201c', 'x') WHERE id = 213" },
  { "a reason at most 4000 characters",
    "UPDATE contacts SET reason_text = printf ('%.4001c', 'x') WHERE id = 213" },
  { "only urgent help opens a case besides 'case opened' (2.5)",
    "UPDATE contacts SET opens_case = 1 WHERE id = 211" },
  { "a contact joins only a pending case of the same person (2.3)",
    "UPDATE contacts SET attached_case_id = 301 WHERE id = 200" },
  { "a contact joins only a case that exists",
    "UPDATE contacts SET attached_case_id = 9999 WHERE id = 200" },
  { "'case opened' opens a case",
    "UPDATE contacts SET opens_case = 0 WHERE id = 200" },
  { "needs within the ten bits",
    CONTACT_INSERT "VALUES (2, 1, 0, 0, 1, 1, NULL, 0, 1024, NULL, 0, NULL, 1, 1, NULL, 0, 100, 1, 0)" },
  { "needs not negative",
    CONTACT_INSERT "VALUES (2, 1, 0, 0, 1, 1, NULL, 0, -1, NULL, 0, NULL, 1, 1, NULL, 0, 100, 1, 0)" },
  { "urgent is boolean",
    CONTACT_INSERT "VALUES (2, 1, 0, 0, 1, 1, NULL, 0, 0, NULL, 2, NULL, 1, 1, NULL, 0, 100, 1, 0)" },
  { "language in range",
    CONTACT_INSERT "VALUES (2, 1, 0, 0, 1, 1, NULL, 0, 0, NULL, 0, NULL, 0, 1, NULL, 0, 100, 1, 0)" },
  { "outcome in range",
    CONTACT_INSERT "VALUES (2, 1, 0, 0, 1, 1, NULL, 0, 0, NULL, 0, NULL, 1, 6, NULL, 0, 100, 1, 0)" },
  { "directed needs a service",
    CONTACT_INSERT "VALUES (2, 1, 0, 0, 1, 1, NULL, 0, 0, NULL, 0, NULL, 1, 2, NULL, 0, 100, 1, 0)" },
  { "a service only when directed, urgent or consulted",
    CONTACT_INSERT "VALUES (2, 1, 0, 0, 1, 1, NULL, 0, 0, NULL, 0, NULL, 1, 3, 1, 0, 100, 1, 0)" },
  { "the service exists",
    CONTACT_INSERT "VALUES (2, 1, 0, 0, 1, 1, NULL, 0, 0, NULL, 0, NULL, 1, 2, 999, 0, 100, 1, 0)" },
  { "the person exists",
    CONTACT_INSERT "VALUES (2, 1, 0, 0, 1, 1, NULL, 0, 0, NULL, 0, NULL, 1, 1, NULL, 0, 999, 1, 0)" },
  { "the user exists",
    CONTACT_INSERT "VALUES (2, 1, 0, 0, 1, 1, NULL, 0, 0, NULL, 0, NULL, 1, 1, NULL, 0, 100, 999, 0)" },
  { "a contact with a person has the person",
    CONTACT_INSERT "VALUES (2, 1, 0, 0, 1, 1, NULL, 0, 0, NULL, 0, NULL, 1, 1, NULL, 0, NULL, 1, 0)" },
  { "anonymous keeps no person",
    CONTACT_INSERT "VALUES (2, 1, 0, 0, 1, 5, NULL, 0, 0, NULL, 0, NULL, 1, 1, NULL, 1, 100, 1, 0)" },
  { "anonymous keeps no contactor detail",
    CONTACT_INSERT "VALUES (2, 1, 0, 0, 1, 2, 'äiti', 0, 0, NULL, 0, NULL, 1, 1, NULL, 1, NULL, 1, 0)" },
  { "anonymous keeps no reason text",
    CONTACT_INSERT "VALUES (2, 1, 0, 0, 1, 5, NULL, 0, 0, 'velat', 0, NULL, 1, 1, NULL, 1, NULL, 1, 0)" },
  { "anonymous keeps no urgent note",
    CONTACT_INSERT "VALUES (1, 1, 0, 0, 1, 5, NULL, 0, 0, NULL, 1, 'huoli', 1, 1, NULL, 1, NULL, 1, 0)" },
  { "a Kela notification comes from an authority",
    CONTACT_INSERT "VALUES (2, 1, 0, 0, 7, 1, NULL, 0, 0, NULL, 0, NULL, 1, 1, NULL, 0, 100, 1, 0)" },
  { "a Kela notification comes from an authority, updated either",
    "UPDATE contacts SET channel = 7 WHERE id = 200" },
  { "anonymous keeps no outcome note",
    "INSERT INTO contacts (received_at, channel, contactor, language, outcome, outcome_note, "
    "  anonymous, created_by, created_at) VALUES (0, 1, 5, 1, 1, 'soittaa huomenna', 1, 1, 0)" },
  { "anonymous keeps no outcome note, updated either",
    "UPDATE contacts SET outcome_note = 'soittaa huomenna' WHERE id = 201" },
  { "anonymous only for advice or directed",
    CONTACT_INSERT "VALUES (2, 1, 0, 0, 1, 5, NULL, 0, 0, NULL, 0, NULL, 1, 3, NULL, 1, NULL, 1, 0)" },
  { "anonymous not for urgent help",
    CONTACT_INSERT "VALUES (2, 1, 0, 0, 1, 5, NULL, 0, 0, NULL, 0, NULL, 1, 4, NULL, 1, NULL, 1, 0)" },
  { "an anonymous contactor means an anonymous contact",
    CONTACT_INSERT "VALUES (2, 1, 0, 0, 1, 5, NULL, 0, 0, NULL, 0, NULL, 1, 1, NULL, 0, 100, 1, 0)" },

  { "case status in range",
    "INSERT INTO cases (team_id, client_id, contact_id, opened_at, implementation_deadline, status) VALUES (1, 100, 200, 0, '2026-07-02', 4)" },
  { "one case per contact",
    "INSERT INTO cases (team_id, client_id, contact_id, opened_at, implementation_deadline, status) VALUES (1, 100, 200, 0, '2026-07-02', 1)" },
  { "queued has nobody",
    "INSERT INTO cases (team_id, client_id, contact_id, opened_at, implementation_deadline, status, assigned_to) "
    "VALUES (1, 100, 200, 0, '2026-07-02', 1, 1)" },
  { "assigned has somebody",
    "INSERT INTO cases (team_id, client_id, contact_id, opened_at, implementation_deadline, status) VALUES (1, 100, 200, 0, '2026-07-02', 2)" },
  { "deadline groups within three bits",
    "INSERT INTO cases (team_id, client_id, contact_id, opened_at, implementation_deadline, status, deadline_groups) "
    "VALUES (1, 100, 200, 0, '2026-07-02', 1, 8)" },
  { "deadline is ISO",
    "INSERT INTO cases (team_id, client_id, contact_id, opened_at, implementation_deadline, status, assessment_deadline) "
    "VALUES (1, 100, 200, 0, '2026-07-02', 1, '15.4.2026')" },
  { "a case is opened by a case-opening contact",
    "INSERT INTO cases (team_id, client_id, contact_id, opened_at, status, urgent) VALUES (1, 101, 202, 0, 1, 1)" },
  { "a case is opened by a case-opening contact, not by a consulted one",
    "INSERT INTO cases (team_id, client_id, contact_id, opened_at, status) VALUES (1, 101, 213, 0, 1)" },
  { "a case is about the contact's person",
    "INSERT INTO cases (team_id, client_id, contact_id, opened_at, implementation_deadline, status) VALUES (1, 101, 200, 0, '2026-07-02', 1)" },

  { "a case has its implementation deadline (SHL 45 §)",
    "INSERT INTO cases (team_id, client_id, contact_id, opened_at, status) VALUES (1, 100, 204, 0, 1)" },
  { "the implementation deadline is ISO",
    "INSERT INTO cases (team_id, client_id, contact_id, opened_at, implementation_deadline, status) "
    "VALUES (1, 100, 204, 0, '2.7.2026', 1)" },
  { "the implementation deadline cannot be removed",
    "UPDATE cases SET implementation_deadline = NULL" },
  { "no 7-day deadline for a case an authority notified",
    "UPDATE cases SET assessment_deadline = '2026-04-15' WHERE id = 301" },
  { "no 7-day deadline for a new case an authority notified",
    "INSERT INTO cases (team_id, client_id, contact_id, opened_at, implementation_deadline, status, "
    "  deadline_groups, assessment_deadline) VALUES (1, 101, 206, 0, '2026-07-02', 1, 1, '2026-04-15')" },

  /* 0023, issue 5 2.9: a case waits in a team's queue. */
  { "a case belongs to a team",
    "INSERT INTO cases (client_id, contact_id, opened_at, implementation_deadline, status) "
    "VALUES (100, 204, 0, '2026-07-02', 1)" },
  { "only an active team gets new cases",
    "INSERT INTO cases (team_id, client_id, contact_id, opened_at, implementation_deadline, status) "
    "VALUES (2, 100, 204, 0, '2026-07-02', 1)" },
  { "a case keeps its team",
    "UPDATE cases SET team_id = NULL WHERE id = 300" },
  { "a case moves only to an active team",
    "UPDATE cases SET team_id = 2 WHERE id = 300" },
  { "only an active team gets new members",
    "UPDATE users SET team_id = 2" },
  { "one active team remains",
    "UPDATE teams SET active = 0" },
  { "a team is never removed",
    "DELETE FROM teams WHERE id = 2" },
  { "a team's name is unique",
    "INSERT INTO teams (name, active, created_at) VALUES ('Lakkautettu tiimi', 1, 0)" },

  /* 0018, SHL 36 § 1 and 45 §: the queue's urgency is the contact's answer. */
  { "a case is urgent only when its contact is",
    "INSERT INTO cases (team_id, client_id, contact_id, opened_at, implementation_deadline, status, urgent) "
    "VALUES (1, 100, 204, 0, '2026-07-02', 1, 1)" },
  { "an urgent contact's case cannot be made not urgent",
    "UPDATE cases SET urgent = 0 WHERE id = 310" },
  { "a case cannot be made urgent on its own",
    "UPDATE cases SET urgent = 1 WHERE id = 300" },
  { "a case moved to another contact keeps agreeing with it",
    "UPDATE cases SET contact_id = 204 WHERE id = 310" },

  { "access: what in range", RAW_LOG_NEXT ("0, 1, 100, 17, 1") },
  { "access: basis in range", RAW_LOG_NEXT ("0, 1, 100, 1, 5") },
  { "access: the user exists", RAW_LOG_NEXT ("0, 999, 100, 1, 1") },
  { "access log: no update", "UPDATE access_log SET what = 2" },
  { "access log: no delete", "DELETE FROM access_log" },
  /* The chain (0017): a row has its number, link and hash. */
  { "access log: a row has its number",
    "INSERT INTO access_log (at, user_id, client_id, what, basis, prev_hash, hash) "
    "SELECT 0, 1, 100, 1, 1, hash, printf ('%064d', 1) FROM access_log ORDER BY seq DESC LIMIT 1" },
  { "access log: the next number, not a later one",
    "INSERT INTO access_log (at, user_id, client_id, what, basis, seq, prev_hash, hash) "
    "SELECT 0, 1, 100, 1, 1, seq + 2, hash, printf ('%064d', 1) FROM access_log ORDER BY seq DESC LIMIT 1" },
  { "access log: INSERT OR REPLACE cannot take an old row's number",
    "INSERT OR REPLACE INTO access_log (id, at, user_id, client_id, what, basis, seq, prev_hash, hash) "
    "SELECT id, at, user_id, NULL, what, basis, seq, prev_hash, hash FROM access_log ORDER BY seq DESC LIMIT 1" },
  { "access log: prev_hash is the newest row's hash",
    "INSERT INTO access_log (at, user_id, client_id, what, basis, seq, prev_hash, hash) "
    "SELECT 0, 1, 100, 1, 1, seq + 1, printf ('%064d', 2), printf ('%064d', 1) FROM access_log "
    "ORDER BY seq DESC LIMIT 1" },
  { "access log: hash is 64 lower-case hex digits",
    "INSERT INTO access_log (at, user_id, client_id, what, basis, seq, prev_hash, hash) "
    "SELECT 0, 1, 100, 1, 1, seq + 1, hash, upper (hash) || 'A' FROM access_log "
    "ORDER BY seq DESC LIMIT 1" },
  { "database identity: not changed", "UPDATE settings SET value = 'x' WHERE key = 'database_id'" },
  { "database identity: not deleted", "DELETE FROM settings WHERE key = 'database_id'" },
  { "database identity: not replaced",
    "INSERT OR REPLACE INTO settings (key, value) VALUES ('database_id', 'x')" },

  { "closed day is ISO", "INSERT INTO closed_days (date, name) VALUES ('2026-5-15', 'x')" },
  { "closed day has a name", "INSERT INTO closed_days (date, name) VALUES ('2026-05-16', ' ')" },
  { "service has both names", "INSERT INTO services (name_fi, name_sv) VALUES ('Kela', '')" },

  /* 0036: a date column holds a day of the calendar ('2026-02-30' fits
   * every pattern, and SQLite's date () keeps it as it is). */
  { "birth date is a day",
    CLIENT_INSERT "VALUES (2, NULL, 1, '1990-02-30', 'X', 'Y', 1, NULL, NULL, NULL, NULL, 0, 0)" },
  { "closed day is a day", "INSERT INTO closed_days (date, name) VALUES ('2026-02-30', 'x')" },
  { "assessment deadline is a day", "UPDATE cases SET assessment_deadline = '2026-04-31' WHERE id = 300" },
  { "implementation deadline is a day", "UPDATE cases SET implementation_deadline = '2026-02-30' WHERE id = 300" },
  { "Kela meeting deadline is a day",
    "INSERT INTO contacts (received_at, channel, contactor, contactor_detail, kela_kind, "
    "  kela_meeting_deadline, language, outcome, anonymous, client_id, created_by, created_at, urgency, "
    "  urgency_assessed_by, urgency_assessed_at) "
    "VALUES (0, 7, 3, 'Kela', 3, '2026-02-29', 1, 1, 0, 100, 1, 0, 2, 1, 0)" },
  { "a corrected Kela meeting deadline is a day",
    "UPDATE contacts SET kela_meeting_deadline = '2026-02-29' WHERE id = 214" },
};

static void
test_schema_refuses (Fixture       *f,
                     gconstpointer  data)
{
  sqlite3 *raw = raw_open (f->path);
  gint64 before_log;

  for (guint i = 0; i < G_N_ELEMENTS (good_rows); i++)
    {
      int rc = sqlite3_exec (raw, good_rows[i], NULL, NULL, NULL);

      if (rc != SQLITE_OK)
        g_error ("good row %u refused: %s", i, sqlite3_errmsg (raw));
    }

  before_log = raw_count (raw, "SELECT count(*) FROM access_log");
  for (guint i = 0; i < G_N_ELEMENTS (bad_rows); i++)
    {
      int rc = sqlite3_exec (raw, bad_rows[i].sql, NULL, NULL, NULL);

      g_test_message ("%s: %s", bad_rows[i].rule, sqlite3_errmsg (raw));
      if (rc == SQLITE_OK)
        g_error ("the rule “%s” let the row in", bad_rows[i].rule);
      g_assert_cmpint (rc & 0xff, ==, SQLITE_CONSTRAINT);
    }
  g_assert_cmpint (raw_count (raw, "SELECT count(*) FROM access_log"), ==, before_log);
  /* 0036's rule on INSERT and on UPDATE of each of its ten date columns
   * (the assessments', appointments' and documents' too, which have no
   * rows here). */
  g_assert_cmpint (raw_count (raw, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
                                   "AND name GLOB '*_is_a_day_*' AND sql LIKE '%''+0 days''%'"), ==, 20);
  sqlite3_close (raw);
}

/* ---- KhDb's own checks, with the field to show the message at ---- */

typedef struct
{
  const char *field;
  void (*spoil) (KhClient *client);
} BadClient;

static void spoil_last_name (KhClient *c) { g_free (c->last_name); c->last_name = g_strdup ("   "); }
static void spoil_first_names (KhClient *c) { g_clear_pointer (&c->first_names, g_free); }
static void spoil_code_check (KhClient *c) { c->identity_code[10] = c->identity_code[10] == 'A' ? 'B' : 'A'; }
static void spoil_code_lower (KhClient *c) { g_free (c->identity_code); c->identity_code = g_strdup ("010594y9021"); }
static void spoil_code_missing (KhClient *c) { g_clear_pointer (&c->identity_code, g_free); }
static void spoil_code_future (KhClient *c) { g_free (c->identity_code); c->identity_code = g_strdup ("010199F9027"); }
static void spoil_language (KhClient *c) { c->language = 0; }
static void spoil_other_language (KhClient *c) { c->language = KH_LANGUAGE_OTHER; }
static void spoil_email (KhClient *c) { c->email = g_strdup ("anna at example"); }
static void spoil_postal_code (KhClient *c) { c->postal_code = g_strdup ("1234"); }
static void spoil_phone (KhClient *c) { c->phone = g_strdup ("puhelin"); }

static void
spoil_birth_future (KhClient *c)
{
  g_clear_pointer (&c->identity_code, g_free);
  c->identity_kind = KH_IDENTITY_BIRTH_DATE;
  c->no_code_reason = KH_NO_CODE_ASYLUM_SEEKER;
  c->birth_date = g_strdup ("2.1.2199");
}

static void
spoil_birth_missing (KhClient *c)
{
  g_clear_pointer (&c->identity_code, g_free);
  c->identity_kind = KH_IDENTITY_BIRTH_DATE;
  c->no_code_reason = KH_NO_CODE_ASYLUM_SEEKER;
}

static void
spoil_no_reason (KhClient *c)
{
  g_clear_pointer (&c->identity_code, g_free);
  c->identity_kind = KH_IDENTITY_BIRTH_DATE;
  c->birth_date = g_strdup ("1990-01-01");
}

static const BadClient bad_clients[] = {
  { "last_name", spoil_last_name },
  { "first_names", spoil_first_names },
  { "identity_code", spoil_code_check },
  { "identity_code", spoil_code_lower },
  { "identity_code", spoil_code_missing },
  { "identity_code", spoil_code_future },
  { "birth_date", spoil_birth_future },
  { "birth_date", spoil_birth_missing },
  { "no_code_reason", spoil_no_reason },
  { "language", spoil_language },
  { "other_language", spoil_other_language },
  { "email", spoil_email },
  { "postal_code", spoil_postal_code },
  { "phone", spoil_phone },
};

static void
test_client_validation (Fixture       *f,
                        gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_clients); i++)
    {
      g_autoptr(KhClient) client = test_client ("Virtanen", "Anna", "1994-05-01", 902);
      g_autoptr(GError) error = NULL;
      const char *field = NULL;

      bad_clients[i].spoil (client);
      g_assert_false (kh_db_validate_client (client, &field, &error));
      g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
      g_assert_cmpstr (field, ==, bad_clients[i].field);
      g_test_message ("%s: %s", field, error->message);
      g_clear_error (&error);

      g_assert_cmpint (kh_db_save_client (f->db, f->admin, client, &error), ==, 0);
      g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
    }
  g_assert_cmpint (count (f, "SELECT count(*) FROM clients"), ==, 0);
}

static void
test_client_normalised (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(KhClient) client = test_client ("  Mäki  ", "Aino   Maria", "1952-10-13", 950);
  g_autoptr(KhClient) saved = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  client->birth_date = g_strdup ("1999-01-01");   /* the code wins */
  client->phone = g_strdup ("+358 40 123 4567");
  client->email = g_strdup ("");
  id = kh_db_save_client (f->db, f->admin, client, &error);
  g_assert_no_error (error);

  saved = kh_db_get_client (f->db, f->admin, id, KH_ACCESS_PAGE, KH_BASIS_INTAKE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (saved->last_name, ==, "Mäki");
  g_assert_cmpstr (saved->first_names, ==, "Aino Maria");
  g_assert_cmpstr (saved->birth_date, ==, "1952-10-13");
  g_assert_null (saved->email);
  g_assert_cmpint (saved->no_code_reason, ==, KH_NO_CODE_NONE);
  g_assert_nonnull (saved->created_at);
  g_assert_cmpint (count (f, "SELECT count(*) FROM clients WHERE phone_digits = '0401234567'"), ==, 1);
}

static void
test_duplicate_code (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(KhClient) second = test_client ("Toinen", "Tuomas", "1994-05-01", 902);
  g_autoptr(GError) error = NULL;
  gint64 first_id;

  first_id = add_client (f, "Ensimmäinen", "Eeva", "1994-05-01", 902);
  g_assert_true (kh_db_identity_code_exists (f->db, f->admin, second->identity_code, &error));

  g_assert_cmpint (kh_db_save_client (f->db, f->admin, second, &error), ==, 0);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_DUPLICATE_CODE);
  g_clear_error (&error);

  /* Nor by editing another person to have it. */
  g_free (second->identity_code);
  second->identity_code = test_code ("1994-05-01", 903);
  second->id = kh_db_save_client (f->db, f->admin, second, &error);
  g_assert_no_error (error);
  {
    /* As the editor has them: read, with their version. */
    g_autoptr(KhClient) edited = kh_db_get_client (f->db, f->admin, second->id, KH_ACCESS_EDIT,
                                                   KH_BASIS_ADMINISTRATION, &error);

    g_assert_no_error (error);
    g_free (edited->identity_code);
    edited->identity_code = test_code ("1994-05-01", 902);
    g_assert_cmpint (kh_db_save_client (f->db, f->admin, edited, &error), ==, 0);
    g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_DUPLICATE_CODE);
    g_clear_error (&error);
  }

  /* The same person may keep their own code. */
  {
    g_autoptr(KhClient) first = kh_db_get_client (f->db, f->admin, first_id, KH_ACCESS_EDIT,
                                                  KH_BASIS_ADMINISTRATION, &error);
    g_free (first->city);
    first->city = g_strdup ("Vaasa");
    g_assert_cmpint (kh_db_save_client (f->db, f->admin, first, &error), ==, first_id);
    g_assert_no_error (error);
  }
  g_assert_cmpint (count (f, "SELECT count(*) FROM clients"), ==, 2);
}

static void
test_century_signs_distinct (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(KhClient) dash = test_client ("Viiva", "Ville", "1990-01-10", 999);
  g_autoptr(KhClient) y = test_client ("Yy", "Ylva", "1990-01-10", 999);
  g_autoptr(GError) error = NULL;

  /* DVV: 100190-999P and 100190Y999P are two different people. */
  g_free (dash->identity_code);
  dash->identity_code = g_strdup ("100190-999P");
  g_free (y->identity_code);
  y->identity_code = g_strdup ("100190Y999P");
  g_assert_cmpint (kh_db_save_client (f->db, f->admin, dash, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (kh_db_save_client (f->db, f->admin, y, &error), >, 0);
  g_assert_no_error (error);
}

/* kh_db_identity_code_exists says yes for a code that is there, on both
 * engines: as written (another century sign is another person), inside
 * an administrator's transaction (import, demo: kh_db_begin), and for a
 * person saved earlier in that transaction. */
static void
test_identity_code_exists (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(KhClient) y = test_client ("Yy", "Ylva", "1990-01-10", 999);
  g_autoptr(KhClient) later = test_client ("Myöhempi", "Mauri", "2005-03-04", 998);
  g_autoptr(GError) error = NULL;

  g_free (y->identity_code);
  y->identity_code = g_strdup ("100190Y999P");
  g_assert_cmpint (kh_db_save_client (f->db, f->admin, y, &error), >, 0);
  g_assert_no_error (error);

  g_assert_true (kh_db_identity_code_exists (f->db, f->admin, "100190Y999P", &error));
  g_assert_no_error (error);
  g_assert_false (kh_db_identity_code_exists (f->db, f->admin, "100190-999P", &error));
  g_assert_no_error (error);

  g_assert_true (kh_db_begin (f->db, &error));
  g_assert_no_error (error);
  g_assert_true (kh_db_identity_code_exists (f->db, f->admin, "100190Y999P", &error));
  g_assert_no_error (error);
  g_assert_false (kh_db_identity_code_exists (f->db, f->admin, later->identity_code, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kh_db_save_client (f->db, f->admin, later, &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (kh_db_identity_code_exists (f->db, f->admin, later->identity_code, &error));
  g_assert_no_error (error);
  g_assert_true (kh_db_commit (f->db, &error));
  g_assert_no_error (error);

  g_assert_true (kh_db_identity_code_exists (f->db, f->admin, later->identity_code, &error));
  g_assert_no_error (error);
}

/* ---- intake rules: refused whole ---- */

static KhIntakeResult *
try_intake (Fixture    *f,
            KhContact  *contact,
            KhClient   *client,
            gint64      assign_to,
            GError    **error)
{
  KhIntake intake = { contact, client, FALSE, 0, assign_to };

  return kh_db_save_intake (f->db, f->admin, &intake, error);
}

static void
assert_nothing_written (Fixture *f)
{
  g_assert_cmpint (count (f, "SELECT count(*) FROM clients"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM contacts"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM cases"), ==, 0);
}

/* 0018: a case's copy of its contact's urgency follows the contact, and
 * the store writes it when it opens a case. */
static void
test_case_urgency (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  RawDb *raw = raw_connect (f);

  for (guint i = 0; i < G_N_ELEMENTS (good_rows); i++)
    raw_run (raw, good_rows[i]);
  g_assert_cmpint (raw_number (raw, "SELECT count(*) FROM cases WHERE urgent = 1"), ==, 1);
  g_assert_cmpint (raw_number (raw, "SELECT urgent FROM cases WHERE id = 310"), ==, 1);

  /* The contact's answer changes: its case changes with it, both ways. */
  raw_run (raw, "UPDATE contacts SET urgency = 1, urgent = 1 WHERE id = 200");
  g_assert_cmpint (raw_number (raw, "SELECT urgent FROM cases WHERE id = 300"), ==, 1);
  raw_run (raw, "UPDATE contacts SET urgency = 2, urgent = 0 WHERE id = 200");
  g_assert_cmpint (raw_number (raw, "SELECT urgent FROM cases WHERE id = 300"), ==, 0);
  /* Writing the value it already has is no change. */
  raw_run (raw, "UPDATE cases SET urgent = 1 WHERE id = 310");
  raw_close (raw);

  /* The store's own write path: an urgent case opened at the desk. */
  {
    g_autoptr(KhContact) contact = test_contact (KH_OUTCOME_CASE_OPENED);
    g_autoptr(KhClient) client = test_client ("Kiire", "Kaisa", "1986-02-02", 961);
    g_autoptr(KhIntakeResult) result = NULL;

    contact->urgency = KH_URGENCY_URGENT;
    contact->urgent = TRUE;
    result = try_intake (f, contact, client, 0, &error);
    g_assert_no_error (error);
    g_assert_cmpint (result->case_id, >, 0);
  }
  {
    g_autoptr(KhContact) contact = test_contact (KH_OUTCOME_CASE_OPENED);
    g_autoptr(KhClient) client = test_client ("Rauha", "Raili", "1986-03-03", 962);
    g_autoptr(KhIntakeResult) result = NULL;

    result = try_intake (f, contact, client, 0, &error);
    g_assert_no_error (error);
    g_assert_cmpint (result->case_id, >, 0);
  }
  g_assert_cmpint (count (f, "SELECT count(*) FROM cases cs JOIN clients c ON c.id = cs.client_id "
                             "WHERE (c.last_name = 'Kiire' AND cs.urgent = 1) "
                             "   OR (c.last_name = 'Rauha' AND cs.urgent = 0)"), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM cases cs JOIN contacts k ON k.id = cs.contact_id "
                             "WHERE cs.urgent IS DISTINCT FROM k.urgent"), ==, 0);
}

static void
test_anonymous_rules (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(KhIntakeResult) result = NULL;
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(KhContact) contact = test_contact (KH_OUTCOME_ADVICE);

    contact->anonymous = TRUE;
    contact->reason_text = g_strdup ("Kertoi veloistaan");
    g_assert_null (try_intake (f, contact, NULL, 0, &error));
    g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
    g_test_message ("%s", error->message);
    g_clear_error (&error);
  }
  {
    g_autoptr(KhContact) contact = test_contact (KH_OUTCOME_ADVICE);

    contact->anonymous = TRUE;
    contact->outcome_note = g_strdup ("Soittaa uudelleen huomenna");
    g_assert_null (try_intake (f, contact, NULL, 0, &error));
    g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
    g_assert_true (g_str_has_prefix (error->message, "Outcome note:"));
    g_clear_error (&error);
    /* Spaces only are no note. */
    g_free (contact->outcome_note);
    contact->outcome_note = g_strdup ("   ");
    result = try_intake (f, contact, NULL, 0, &error);
    g_assert_no_error (error);
    g_assert_true (kh_db_undo_intake (f->db, f->admin, result, &error));
    g_assert_no_error (error);
    g_clear_pointer (&result, kh_intake_result_free);
  }
  {
    g_autoptr(KhContact) contact = test_contact (KH_OUTCOME_ADVICE);
    g_autoptr(KhClient) client = test_client ("Anonyymi", "Ei", "1980-01-01", 0);

    contact->anonymous = TRUE;
    g_assert_null (try_intake (f, contact, client, 0, &error));
    g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
  {
    g_autoptr(KhContact) contact = test_contact (KH_OUTCOME_CASE_OPENED);

    contact->contactor = KH_CONTACTOR_ANONYMOUS;
    g_assert_null (try_intake (f, contact, NULL, 0, &error));
    g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
  {
    g_autoptr(KhContact) contact = test_contact (KH_OUTCOME_ADVICE);

    /* Not anonymous, but nobody either. */
    g_assert_null (try_intake (f, contact, NULL, 0, &error));
    g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
  assert_nothing_written (f);

  {
    g_autoptr(KhContact) contact = test_contact (KH_OUTCOME_ADVICE);

    contact->contactor = KH_CONTACTOR_ANONYMOUS;
    contact->channel = KH_CHANNEL_CHAT;
    result = try_intake (f, contact, NULL, 0, &error);
    g_assert_no_error (error);
    g_assert_cmpint (result->client_id, ==, 0);
    g_assert_cmpint (result->case_id, ==, 0);
    g_assert_cmpint (count (f, "SELECT count(*) FROM contacts WHERE anonymous = 1 "
                               "AND client_id IS NULL AND channel = 5"), ==, 1);
  }
}

static void
test_combination_rules (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  {
    /* A referral kind from someone who is not an authority. */
    g_autoptr(KhContact) contact = test_contact (KH_OUTCOME_ADVICE);
    g_autoptr(KhClient) client = test_client ("Lähde", "Liisa", "1970-03-03", 0);

    contact->referral = KH_REFERRAL_WITH_CONSENT;
    g_assert_null (try_intake (f, contact, client, 0, &error));
    g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
  {
    /* Kela is an authority: a Kela notification from anyone else is
     * refused, whatever its kind. */
    static const KhContactor others[] = {
      KH_CONTACTOR_SELF, KH_CONTACTOR_RELATIVE, KH_CONTACTOR_OTHER, KH_CONTACTOR_ANONYMOUS,
    };

    for (guint i = 0; i < G_N_ELEMENTS (others); i++)
      {
        g_autoptr(KhContact) contact = test_contact (KH_OUTCOME_ADVICE);
        g_autoptr(KhClient) client = test_client ("Lähde", "Liisa", "1970-03-03", 0);

        contact->channel = KH_CHANNEL_KELA;
        contact->contactor = others[i];
        g_assert_null (try_intake (f, contact, others[i] == KH_CONTACTOR_ANONYMOUS ? NULL : client,
                                   0, &error));
        g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
        g_assert_true (g_str_has_prefix (error->message, "Contact made by:"));
        g_clear_error (&error);
      }
  }
  {
    /* Directed, but where? */
    g_autoptr(KhContact) contact = test_contact (KH_OUTCOME_DIRECTED);
    g_autoptr(KhClient) client = test_client ("Lähde", "Liisa", "1970-03-03", 0);

    g_assert_null (try_intake (f, contact, client, 0, &error));
    g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
  {
    /* Needs outside the ten of SHL 11 §. */
    g_autoptr(KhContact) contact = test_contact (KH_OUTCOME_ADVICE);
    g_autoptr(KhClient) client = test_client ("Lähde", "Liisa", "1970-03-03", 0);

    contact->needs = 1u << 10;
    g_assert_null (try_intake (f, contact, client, 0, &error));
    g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
  assert_nothing_written (f);

  {
    /* From Kela as an authority, with its kind of contact. */
    g_autoptr(KhContact) contact = test_contact (KH_OUTCOME_CASE_OPENED);
    g_autoptr(KhClient) client = test_client ("Lähde", "Liisa", "1970-03-03", 0);
    g_autoptr(KhIntakeResult) result = NULL;

    contact->channel = KH_CHANNEL_KELA;
    contact->contactor = KH_CONTACTOR_AUTHORITY;
    contact->contactor_detail = g_strdup ("Kela");
    contact->referral = KH_REFERRAL_WITHOUT_CONSENT;
    /* 1.7: not with a 35 § kind … */
    g_assert_null (try_intake (f, contact, client, 0, &error));
    g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
    g_clear_error (&error);
    /* … but with its own. */
    contact->referral = KH_REFERRAL_NONE;
    contact->kela_kind = KH_KELA_SOCIAL_WORK_NEED;
    result = try_intake (f, contact, client, 0, &error);
    g_assert_no_error (error);
    g_assert_cmpint (count (f, "SELECT count(*) FROM contacts WHERE channel = 7 AND contactor = 3 "
                               "AND referral = 0 AND kela_kind = 4"), ==, 1);
  }
}

static void
test_failed_intake_writes_nothing (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  {
    /* The person is valid and written first; the service does not exist. */
    g_autoptr(KhContact) contact = test_contact (KH_OUTCOME_DIRECTED);
    g_autoptr(KhClient) client = test_client ("Kesken", "Kalle", "1985-06-06", 960);

    contact->service_id = 9999;
    g_assert_null (try_intake (f, contact, client, 0, &error));
    g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
  {
    /* The case cannot go to a worker who does not exist. */
    g_autoptr(KhContact) contact = test_contact (KH_OUTCOME_CASE_OPENED);
    g_autoptr(KhClient) client = test_client ("Kesken", "Kalle", "1985-06-06", 960);

    g_assert_null (try_intake (f, contact, client, 4242, &error));
    g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
  assert_nothing_written (f);

  /* Inside a caller's transaction, a failed intake leaves the earlier work. */
  g_assert_true (kh_db_begin (f->db, &error));
  add_client (f, "Ennen", "Eino", "1960-01-01", 0);
  {
    g_autoptr(KhContact) contact = test_contact (KH_OUTCOME_CASE_OPENED);
    g_autoptr(KhClient) client = test_client ("Kesken", "Kalle", "1985-06-06", 960);

    g_assert_null (try_intake (f, contact, client, 4242, &error));
    g_clear_error (&error);
  }
  g_assert_true (kh_db_commit (f->db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM clients"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM clients WHERE last_name = 'Ennen'"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  if (store_test_runs_here (path)) \
    g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  /* The SQLite schema's own rules, in SQLite's SQL (STRICT, INSERT OR
   * REPLACE, printf): on PostgreSQL, tests/pg/test-pg-security.py. */
  if (!pg_test_engine ())
    ADD ("/store/constraints/schema-refuses", test_schema_refuses);
  ADD ("/store/constraints/case-urgency", test_case_urgency);
  ADD ("/store/constraints/client-validation", test_client_validation);
  ADD ("/store/constraints/client-normalised", test_client_normalised);
  ADD ("/store/constraints/duplicate-code", test_duplicate_code);
  ADD ("/store/constraints/century-signs-distinct", test_century_signs_distinct);
  ADD ("/store/constraints/identity-code-exists", test_identity_code_exists);
  ADD ("/store/constraints/anonymous", test_anonymous_rules);
  ADD ("/store/constraints/combinations", test_combination_rules);
  ADD ("/store/constraints/failed-intake-writes-nothing", test_failed_intake_writes_nothing);

  return g_test_run ();
}
