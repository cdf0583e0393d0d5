-- 0011-contact-model.sql — the contact as the law records it (issue 5, 1.6–1.10, 1.13, 2.5)
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- What changes, and how old rows are read:
--  * SHL 35 § 1 mom 1 p: a person directed to apply by an authority contacts
--    the unit themselves. Such a contact is made by the person (contactor 1)
--    and `directed_by` names the authority. Old DIRECTED rows become that,
--    with the authority they named; a relative's old detail was the relation.
--    A 35 § contact with or without consent is made by an authority (3).
--  * Kela notifications (channel 7) have their own kind (`kela_kind`,
--    KhKelaKind); old ones were never asked and are NOT_RECORDED (6). Their
--    old 35 § kind is kept as it was recorded.
--  * The urgency check (SHL 36 § 1 mom) is an answer with who and when
--    (`urgency`, KhUrgency). An old "urgent" was a recorded answer by the
--    person who saved it; an old "not urgent" may have been a switch left
--    alone, so it is NOT_RECORDED (0), never "not urgent".
--  * An urgent help outcome may open a case too (`opens_case`, 2.5).
--  * Outcome 5 (consulted another authority, SHL 40 §), channels 9 (outreach
--    work, SHL 7 a §) and 10 (call-back request), contact maker 6 (legal
--    representative), and the identity of a relative or a legal
--    representative who made the contact.
--  * SHL 34 §: a contact with consent, a notification without consent and a
--    Kela notification of a need for social work make the matter pending:
--    saved only with a case, urgent help, or `no_assessment_reason`.
--  * Every text has a length limit (KH_CONTACT_*_MAX in kh-intake-state.h)
--    and names refuse invisible and direction-changing characters.
--
-- Rules that old rows cannot have met (they were never asked) hold for new
-- and changed rows through triggers; the rest are CHECKs of the table.
-- SQLite cannot widen a CHECK in place: the table is rebuilt with every row
-- kept. The cases refer to contacts, and a rename would make them refer to
-- the old table; so the rows are copied aside, the table dropped and made
-- anew under its name, and the rows put back. The foreign keys are checked
-- at the commit (defer_foreign_keys), when every case has its contact again.

PRAGMA defer_foreign_keys = ON;

CREATE TEMP TABLE contacts_0006 AS SELECT * FROM contacts;
DROP TABLE contacts;

CREATE TABLE contacts (
  id                    INTEGER PRIMARY KEY,
  received_at           INTEGER NOT NULL,
  channel               INTEGER NOT NULL CHECK (channel BETWEEN 1 AND 10),    -- KhChannel
  contactor             INTEGER NOT NULL CHECK (contactor BETWEEN 1 AND 6),   -- KhContactor
  contactor_detail      TEXT CHECK (length (contactor_detail) <= 200),
  contactor_name        TEXT CHECK (length (contactor_name) <= 200),
  contactor_relation    TEXT CHECK (length (contactor_relation) <= 200),
  contactor_contact     TEXT CHECK (length (contactor_contact) <= 200),
  referral              INTEGER NOT NULL DEFAULT 0 CHECK (referral BETWEEN 0 AND 3),  -- KhReferral
  directed_by           TEXT CHECK (length (directed_by) <= 200),
  kela_kind             INTEGER NOT NULL DEFAULT 0 CHECK (kela_kind BETWEEN 0 AND 6), -- KhKelaKind
  kela_meeting_deadline TEXT CHECK (kela_meeting_deadline IS NULL
                                    OR kela_meeting_deadline GLOB
                                         '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  needs                 INTEGER NOT NULL DEFAULT 0 CHECK (needs BETWEEN 0 AND 1023),  -- KhNeed flags
  reason_text           TEXT,
  urgency               INTEGER NOT NULL DEFAULT 0 CHECK (urgency BETWEEN 0 AND 2),   -- KhUrgency
  urgency_assessed_by   INTEGER REFERENCES users (id),
  urgency_assessed_at   INTEGER,
  urgent                INTEGER NOT NULL DEFAULT 0 CHECK (urgent IN (0, 1)),
  urgent_note           TEXT,
  language              INTEGER NOT NULL CHECK (language BETWEEN 1 AND 3),    -- KhLanguage
  interpreter           INTEGER NOT NULL DEFAULT 0 CHECK (interpreter IN (0, 1)),
  outcome               INTEGER NOT NULL CHECK (outcome BETWEEN 1 AND 5),     -- KhOutcome
  opens_case            INTEGER NOT NULL DEFAULT 0 CHECK (opens_case IN (0, 1)),
  service_id            INTEGER REFERENCES services (id),
  no_assessment_reason  TEXT CHECK (length (no_assessment_reason) <= 2000),
  outcome_note          TEXT,
  anonymous             INTEGER NOT NULL DEFAULT 0 CHECK (anonymous IN (0, 1)),
  client_id             INTEGER REFERENCES clients (id),
  created_by            INTEGER NOT NULL REFERENCES users (id),
  created_at            INTEGER NOT NULL,

  -- An anonymous contact keeps no personal data, and only advice or a
  -- referral elsewhere may be anonymous (statistics only; vasso.fi 4.2).
  CHECK (anonymous = 0
         OR (client_id IS NULL AND contactor_detail IS NULL AND contactor_name IS NULL
             AND contactor_relation IS NULL AND contactor_contact IS NULL
             AND directed_by IS NULL AND reason_text IS NULL AND urgent_note IS NULL
             AND outcome_note IS NULL AND no_assessment_reason IS NULL
             AND outcome IN (1, 2))),
  CHECK (anonymous = 1 OR client_id IS NOT NULL),
  CHECK (contactor <> 5 OR anonymous = 1),
  -- SHL 35 §: directed to apply is the person's own contact; with consent
  -- and without consent are the authority's.
  CHECK (referral <> 1 OR contactor = 1),
  CHECK (referral NOT IN (2, 3) OR contactor = 3),
  CHECK (directed_by IS NULL OR referral = 1),
  -- A Kela notification has its own kind; nothing else has one.
  CHECK ((channel = 7) = (kela_kind <> 0)),
  CHECK (kela_meeting_deadline IS NULL OR kela_kind = 3),
  -- SHL 36 § 1 mom: `urgent` is the answer "urgent"; an answer says who and when.
  CHECK (urgent = (urgency = 1)),
  CHECK (urgency = 0 OR (urgency_assessed_by IS NOT NULL AND urgency_assessed_at IS NOT NULL)),
  -- Directed elsewhere needs the service; only directed, urgent and
  -- consulted name one.
  CHECK (outcome <> 2 OR service_id IS NOT NULL),
  CHECK (service_id IS NULL OR outcome IN (2, 4, 5)),
  -- A case is opened by "case opened", and may be by urgent help (2.5).
  CHECK (opens_case = (outcome = 3) OR outcome = 4),
  -- SHL 36 § 1 mom: a reason not to assess, only where the matter is pending
  -- and neither a case nor urgent help followed.
  CHECK (no_assessment_reason IS NULL
         OR ((referral IN (2, 3) OR kela_kind = 4) AND outcome NOT IN (3, 4)))
) STRICT;

INSERT INTO contacts (id, received_at, channel, contactor, contactor_detail, contactor_name,
                      contactor_relation, contactor_contact, referral, directed_by, kela_kind,
                      kela_meeting_deadline, needs, reason_text, urgency, urgency_assessed_by,
                      urgency_assessed_at, urgent, urgent_note, language, interpreter, outcome,
                      opens_case, service_id, no_assessment_reason, outcome_note, anonymous,
                      client_id, created_by, created_at)
  SELECT id, received_at, channel,
         CASE WHEN referral = 1 THEN 1 WHEN referral IN (2, 3) THEN 3 ELSE contactor END,
         CASE WHEN referral = 1 OR (contactor = 2 AND referral = 0) THEN NULL
              ELSE contactor_detail END,
         NULL,
         CASE WHEN contactor = 2 AND referral = 0 THEN contactor_detail END,
         NULL,
         referral,
         CASE WHEN referral = 1 THEN contactor_detail END,
         CASE WHEN channel = 7 THEN 6 ELSE 0 END,
         NULL, needs, reason_text,
         CASE WHEN urgent = 1 THEN 1 ELSE 0 END,
         CASE WHEN urgent = 1 THEN created_by END,
         CASE WHEN urgent = 1 THEN created_at END,
         urgent, urgent_note, language, interpreter, outcome,
         CASE WHEN outcome = 3 THEN 1 ELSE 0 END,
         service_id, NULL, outcome_note, anonymous, client_id, created_by, created_at
  FROM contacts_0006;

DROP TABLE temp.contacts_0006;

CREATE INDEX contacts_received_at ON contacts (received_at);
CREATE INDEX contacts_client ON contacts (client_id, received_at) WHERE client_id IS NOT NULL;

-- A case is opened by a contact about the same person that opens one.
DROP TRIGGER cases_opened_by_contact;
CREATE TRIGGER cases_opened_by_contact BEFORE INSERT ON cases
  WHEN NOT EXISTS (SELECT 1 FROM contacts
                   WHERE id = new.contact_id AND opens_case = 1 AND client_id = new.client_id)
BEGIN
  SELECT RAISE (ABORT, 'a case must be opened by a case-opening contact about the same person');
END;

-- ---- rules for new and changed rows ----

-- Kela is an authority (TTL 14 e §); its notification has its own kind, not
-- a 35 § kind, and "not recorded" is for history only.
CREATE TRIGGER contacts_kela_insert BEFORE INSERT ON contacts
  WHEN NEW.channel = 7 AND (NEW.contactor <> 3 OR NEW.referral <> 0 OR NEW.kela_kind NOT BETWEEN 1 AND 5)
BEGIN
  SELECT RAISE (ABORT, 'a Kela notification comes from Kela, with its own kind');
END;
CREATE TRIGGER contacts_kela_update BEFORE UPDATE OF channel, contactor, referral, kela_kind ON contacts
  WHEN NEW.channel = 7 AND (NEW.contactor <> 3 OR NEW.referral <> 0 OR NEW.kela_kind NOT BETWEEN 1 AND 5)
BEGIN
  SELECT RAISE (ABORT, 'a Kela notification comes from Kela, with its own kind');
END;

-- An authority's contact is one of the 35 § kinds; a directed person names
-- the authority.
CREATE TRIGGER contacts_referral_insert BEFORE INSERT ON contacts
  WHEN (NEW.contactor = 3 AND NEW.channel <> 7 AND NEW.referral NOT IN (2, 3))
    OR (NEW.referral = 1 AND NEW.directed_by IS NULL)
BEGIN
  SELECT RAISE (ABORT, 'an authority''s contact needs its kind under SHL 35 §, a directed person the authority');
END;
CREATE TRIGGER contacts_referral_update BEFORE UPDATE OF contactor, channel, referral, directed_by ON contacts
  WHEN (NEW.contactor = 3 AND NEW.channel <> 7 AND NEW.referral NOT IN (2, 3))
    OR (NEW.referral = 1 AND NEW.directed_by IS NULL)
BEGIN
  SELECT RAISE (ABORT, 'an authority''s contact needs its kind under SHL 35 §, a directed person the authority');
END;

-- SHL 36 § 1 mom: the urgency is answered.
CREATE TRIGGER contacts_urgency_insert BEFORE INSERT ON contacts
  WHEN NEW.urgency = 0
BEGIN
  SELECT RAISE (ABORT, 'the urgency check must be answered');
END;
CREATE TRIGGER contacts_urgency_update BEFORE UPDATE OF urgency ON contacts
  WHEN NEW.urgency = 0
BEGIN
  SELECT RAISE (ABORT, 'the urgency check must be answered');
END;

-- SHL 34 §, 36 § 1 mom: a contact that makes the matter pending needs a case,
-- urgent help, or a reason why an assessment is evidently unnecessary.
CREATE TRIGGER contacts_pending_insert BEFORE INSERT ON contacts
  WHEN (NEW.referral IN (2, 3) OR NEW.kela_kind = 4)
       AND NEW.outcome NOT IN (3, 4) AND NEW.no_assessment_reason IS NULL
BEGIN
  SELECT RAISE (ABORT, 'a pending matter needs a case, urgent help or a reason not to assess');
END;
CREATE TRIGGER contacts_pending_update
  BEFORE UPDATE OF referral, kela_kind, outcome, no_assessment_reason ON contacts
  WHEN (NEW.referral IN (2, 3) OR NEW.kela_kind = 4)
       AND NEW.outcome NOT IN (3, 4) AND NEW.no_assessment_reason IS NULL
BEGIN
  SELECT RAISE (ABORT, 'a pending matter needs a case, urgent help or a reason not to assess');
END;

-- ATL 38 §: a relative or close person, and a legal representative, by name.
CREATE TRIGGER contacts_contactor_insert BEFORE INSERT ON contacts
  WHEN (NEW.contactor IN (2, 6) AND NEW.contactor_name IS NULL)
    OR (NEW.contactor = 2 AND NEW.contactor_relation IS NULL)
BEGIN
  SELECT RAISE (ABORT, 'a relative or a legal representative is recorded by name');
END;
CREATE TRIGGER contacts_contactor_update
  BEFORE UPDATE OF contactor, contactor_name, contactor_relation ON contacts
  WHEN (NEW.contactor IN (2, 6) AND NEW.contactor_name IS NULL)
    OR (NEW.contactor = 2 AND NEW.contactor_relation IS NULL)
BEGIN
  SELECT RAISE (ABORT, 'a relative or a legal representative is recorded by name');
END;

-- Issue 5, 1.13: the free texts that old rows had without a limit.
CREATE TRIGGER contacts_length_insert BEFORE INSERT ON contacts
  WHEN length (NEW.reason_text) > 4000 OR length (NEW.urgent_note) > 2000
    OR length (NEW.outcome_note) > 2000
BEGIN
  SELECT RAISE (ABORT, 'a text of the contact is too long');
END;
CREATE TRIGGER contacts_length_update
  BEFORE UPDATE OF reason_text, urgent_note, outcome_note ON contacts
  WHEN length (NEW.reason_text) > 4000 OR length (NEW.urgent_note) > 2000
    OR length (NEW.outcome_note) > 2000
BEGIN
  SELECT RAISE (ABORT, 'a text of the contact is too long');
END;

-- Issue 5, 1.13: names refuse invisible and direction-changing characters
-- (the list of kh_text_find_invisible()).
CREATE TABLE contact_name_forbidden_chars (
  c  TEXT PRIMARY KEY
) STRICT, WITHOUT ROWID;
INSERT INTO contact_name_forbidden_chars (c) VALUES
  (char (0x00ad)), (char (0x061c)), (char (0x180e)), (char (0xfeff)),
  (char (0x200b)), (char (0x200c)), (char (0x200d)), (char (0x200e)), (char (0x200f)),
  (char (0x202a)), (char (0x202b)), (char (0x202c)), (char (0x202d)), (char (0x202e)),
  (char (0x2060)), (char (0x2061)), (char (0x2062)), (char (0x2063)), (char (0x2064)),
  (char (0x2066)), (char (0x2067)), (char (0x2068)), (char (0x2069));

CREATE TRIGGER contacts_names_insert BEFORE INSERT ON contacts
  WHEN EXISTS (SELECT 1 FROM contact_name_forbidden_chars
               WHERE instr (coalesce (NEW.contactor_detail, '') || coalesce (NEW.contactor_name, '')
                            || coalesce (NEW.contactor_relation, '') || coalesce (NEW.contactor_contact, '')
                            || coalesce (NEW.directed_by, ''), c) > 0)
BEGIN
  SELECT RAISE (ABORT, 'a name has an invisible or direction-changing character');
END;
CREATE TRIGGER contacts_names_update
  BEFORE UPDATE OF contactor_detail, contactor_name, contactor_relation, contactor_contact,
                   directed_by ON contacts
  WHEN EXISTS (SELECT 1 FROM contact_name_forbidden_chars
               WHERE instr (coalesce (NEW.contactor_detail, '') || coalesce (NEW.contactor_name, '')
                            || coalesce (NEW.contactor_relation, '') || coalesce (NEW.contactor_contact, '')
                            || coalesce (NEW.directed_by, ''), c) > 0)
BEGIN
  SELECT RAISE (ABORT, 'a name has an invisible or direction-changing character');
END;
