-- 0013-contact-revisions.sql — a saved contact can be corrected; nothing is deleted
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Issue 5, 2.1. An inaccurate entry is corrected (GDPR art. 16) so that the
-- original, the correction, who made it and when stay readable: a client
-- document is never silently rewritten nor removed. A contact can be
--  - corrected: some of its fields changed (those listed in
--    contact_revisions below; the outcome, the person and the time are not:
--    a contact recorded for the wrong person or with the wrong outcome is
--    marked entered in error and recorded again);
--  - marked entered in error, with a reason; it stays in the record.
-- Every change first writes a revision row holding what the fields were
-- before, who changed them, when and why, in the same transaction. The
-- revisions are never changed or removed. The store decides who may do what
-- (kh-db-contact-history.c); these triggers are the last line.

ALTER TABLE contacts ADD COLUMN entered_in_error INTEGER NOT NULL DEFAULT 0
  CHECK (entered_in_error IN (0, 1));

CREATE TABLE contact_revisions (
  id                INTEGER PRIMARY KEY,
  contact_id        INTEGER NOT NULL REFERENCES contacts (id),
  kind              INTEGER NOT NULL CHECK (kind IN (1, 2)),   -- KhRevisionKind: corrected, entered in error
  changed_by        INTEGER NOT NULL REFERENCES users (id),
  changed_at        INTEGER NOT NULL,
  reason            TEXT CHECK (reason IS NULL
                                OR (length (trim (reason)) > 0 AND length (reason) <= 500)),
  -- The contact's correctable fields as they were before this change.
  channel           INTEGER NOT NULL,
  contactor_detail  TEXT,
  needs             INTEGER NOT NULL CHECK (needs BETWEEN 0 AND 1023),
  reason_text       TEXT,
  urgent_note       TEXT,
  language          INTEGER NOT NULL CHECK (language BETWEEN 1 AND 3),
  interpreter       INTEGER NOT NULL CHECK (interpreter IN (0, 1)),
  service_id        INTEGER REFERENCES services (id),
  outcome_note      TEXT,

  -- Marking a contact entered in error always says why.
  CHECK (kind <> 2 OR reason IS NOT NULL)
) STRICT;

CREATE INDEX contact_revisions_contact ON contact_revisions (contact_id, id);

-- Append-only.
CREATE TRIGGER contact_revisions_no_update BEFORE UPDATE ON contact_revisions
BEGIN
  SELECT RAISE (ABORT, 'a revision of a contact is never changed');
END;

CREATE TRIGGER contact_revisions_no_delete BEFORE DELETE ON contact_revisions
BEGIN
  SELECT RAISE (ABORT, 'a revision of a contact is never removed');
END;

-- A revision records the contact as it is, and a contact entered in error is
-- not changed again.
CREATE TRIGGER contact_revisions_record_the_contact BEFORE INSERT ON contact_revisions
  WHEN NOT EXISTS (SELECT 1 FROM contacts k
                   WHERE k.id = NEW.contact_id
                     AND k.entered_in_error = 0
                     AND k.channel = NEW.channel
                     AND k.contactor_detail IS NEW.contactor_detail
                     AND k.needs = NEW.needs
                     AND k.reason_text IS NEW.reason_text
                     AND k.urgent_note IS NEW.urgent_note
                     AND k.language = NEW.language
                     AND k.interpreter = NEW.interpreter
                     AND k.service_id IS NEW.service_id
                     AND k.outcome_note IS NEW.outcome_note)
BEGIN
  SELECT RAISE (ABORT, 'a revision must hold the contact as it is, and a contact entered in error is not changed');
END;

-- A correction is written only after its revision: the newest revision of the
-- contact is a correction that holds the values being replaced.
CREATE TRIGGER contacts_corrected_with_revision
  BEFORE UPDATE OF channel, contactor_detail, needs, reason_text, urgent_note, language,
                   interpreter, service_id, outcome_note ON contacts
  WHEN (NEW.channel IS NOT OLD.channel
        OR NEW.contactor_detail IS NOT OLD.contactor_detail
        OR NEW.needs IS NOT OLD.needs
        OR NEW.reason_text IS NOT OLD.reason_text
        OR NEW.urgent_note IS NOT OLD.urgent_note
        OR NEW.language IS NOT OLD.language
        OR NEW.interpreter IS NOT OLD.interpreter
        OR NEW.service_id IS NOT OLD.service_id
        OR NEW.outcome_note IS NOT OLD.outcome_note)
   AND NOT EXISTS (SELECT 1 FROM contact_revisions r
                   WHERE r.id = (SELECT max (id) FROM contact_revisions
                                 WHERE contact_id = OLD.id)
                     AND r.kind = 1
                     AND r.channel = OLD.channel
                     AND r.contactor_detail IS OLD.contactor_detail
                     AND r.needs = OLD.needs
                     AND r.reason_text IS OLD.reason_text
                     AND r.urgent_note IS OLD.urgent_note
                     AND r.language = OLD.language
                     AND r.interpreter = OLD.interpreter
                     AND r.service_id IS OLD.service_id
                     AND r.outcome_note IS OLD.outcome_note)
BEGIN
  SELECT RAISE (ABORT, 'a contact is corrected only with a revision that keeps what it held');
END;

-- Entered in error is for good, and only with its revision (and its reason).
CREATE TRIGGER contacts_entered_in_error_with_revision BEFORE UPDATE OF entered_in_error ON contacts
  WHEN NEW.entered_in_error IS NOT OLD.entered_in_error
   AND (OLD.entered_in_error = 1
        OR NOT EXISTS (SELECT 1 FROM contact_revisions r
                       WHERE r.id = (SELECT max (id) FROM contact_revisions
                                     WHERE contact_id = OLD.id)
                         AND r.kind = 2))
BEGIN
  SELECT RAISE (ABORT, 'a contact is marked entered in error only with a revision that says why, and the marking is never removed');
END;

-- Nothing with a history is removed (undo of an intake removes only a
-- contact just saved, which has none).
CREATE TRIGGER contacts_with_history_kept BEFORE DELETE ON contacts
  WHEN EXISTS (SELECT 1 FROM contact_revisions WHERE contact_id = OLD.id)
BEGIN
  SELECT RAISE (ABORT, 'a contact with a history of corrections is never removed');
END;

-- A case opened by a contact entered in error is closed and stays closed.
CREATE TRIGGER cases_entered_in_error_stay_closed BEFORE UPDATE OF status ON cases
  WHEN NEW.status <> 3
   AND (SELECT entered_in_error FROM contacts WHERE id = NEW.contact_id) = 1
BEGIN
  SELECT RAISE (ABORT, 'a case opened by a contact entered in error stays closed');
END;
