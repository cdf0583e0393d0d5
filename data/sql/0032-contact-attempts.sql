-- 0032-contact-attempts.sql — the attempts to reach a person (issue 8, 3)
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Units reach the people Kela notified by phone first and by letter when
-- the phone does not answer: each attempt is recorded here (when, how,
-- what came of it, a short note), for one person, following up one of
-- their contacts (a Kela notification) and one of their cases when the
-- worker says so. Who recorded it and when are the store's (the acting
-- user, its clock), never the form's. Attempts are append-only: nothing
-- changes or removes one (the triggers below, whatever program writes).
-- Keep in sync with src/core/kh-contact-attempt.h (codes, the note's
-- length, the clock's slack, who) and data/sql/pg/0028-contact-attempts.sql.
--
-- Reading the attempts is reading the person's timeline (kh-db-timeline.c,
-- kh-db-attempts.c), logged as what 12: the access log is unchanged.

CREATE TABLE contact_attempts (
  id            INTEGER PRIMARY KEY,
  client_id     INTEGER NOT NULL REFERENCES clients (id),
  contact_id    INTEGER REFERENCES contacts (id),
  case_id       INTEGER REFERENCES cases (id),
  attempted_at  INTEGER NOT NULL CHECK (attempted_at >= 946684800),   -- from 2000
  method        INTEGER NOT NULL CHECK (method BETWEEN 1 AND 5),      -- KhAttemptMethod
  outcome       INTEGER NOT NULL CHECK (outcome BETWEEN 1 AND 4),     -- KhAttemptOutcome
  note          TEXT CHECK (note IS NULL OR (length (trim (note)) >= 1 AND length (note) <= 500)),
  made_by       INTEGER NOT NULL REFERENCES users (id),
  made_at       INTEGER NOT NULL,
  -- A wrong number only of a phone call or a text message.
  CHECK (outcome <> 2 OR method IN (1, 2)),
  -- Not in the future of when it was recorded (a desk's clock's slack).
  CHECK (attempted_at <= made_at + 300)
) STRICT;

CREATE INDEX contact_attempts_client ON contact_attempts (client_id, attempted_at);
CREATE INDEX contact_attempts_contact ON contact_attempts (contact_id);
CREATE INDEX contact_attempts_case ON contact_attempts (case_id);

-- Who records (kh_contact_attempt_may_record): an active social
-- counsellor, social worker or the lead social worker (KhRole 2–4).
CREATE TRIGGER contact_attempts_maker BEFORE INSERT ON contact_attempts
  WHEN coalesce ((SELECT role FROM users WHERE id = NEW.made_by AND active = 1), 0) NOT IN (2, 3, 4)
BEGIN
  SELECT RAISE (ABORT, 'a contact attempt is recorded by an active counsellor, social worker or lead social worker');
END;

-- The followed contact and the case are the person's; the attempt is not
-- earlier than the contact it follows up.
CREATE TRIGGER contact_attempts_person BEFORE INSERT ON contact_attempts
  WHEN (NEW.contact_id IS NOT NULL
        AND NEW.client_id IS NOT (SELECT client_id FROM contacts WHERE id = NEW.contact_id))
    OR (NEW.case_id IS NOT NULL
        AND NEW.client_id IS NOT (SELECT client_id FROM cases WHERE id = NEW.case_id))
BEGIN
  SELECT RAISE (ABORT, 'a contact attempt follows up a contact and a case of its own person');
END;

CREATE TRIGGER contact_attempts_after_contact BEFORE INSERT ON contact_attempts
  WHEN NEW.contact_id IS NOT NULL
   AND NEW.attempted_at < (SELECT received_at FROM contacts WHERE id = NEW.contact_id)
BEGIN
  SELECT RAISE (ABORT, 'a contact attempt is not earlier than the contact it follows up');
END;

CREATE TRIGGER contact_attempts_no_update BEFORE UPDATE ON contact_attempts
BEGIN
  SELECT RAISE (ABORT, 'a contact attempt is kept as it was recorded');
END;

CREATE TRIGGER contact_attempts_no_delete BEFORE DELETE ON contact_attempts
BEGIN
  SELECT RAISE (ABORT, 'a contact attempt is kept as it was recorded');
END;

-- Another desk's open client page follows a new attempt (0019).
CREATE TRIGGER client_changes_contact_attempts_insert AFTER INSERT ON contact_attempts
BEGIN
  INSERT INTO client_changes (client_id, seq)
    VALUES (new.client_id, (SELECT coalesce (max (seq), 0) + 1 FROM client_changes))
    ON CONFLICT (client_id) DO UPDATE SET seq = excluded.seq;
END;
