-- 0038-invitation-meetings.sql — an invitation letter keeps the meeting it
-- invites to, as the meeting stood
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- An invitation (kind 1) issued for a meeting booked in the calendar keeps
-- the meeting (appointment_id) and the revision of it the letter prints
-- (appointment_revision: moving a meeting moves its revision on, 0026).
-- So the unit can tell which meetings have been invited to by letter at
-- the time they now have — a batch of the week's letters leaves those out
-- (kh_db_issue_invitations) — and a moved meeting's new letter is told
-- from the old one. The rule below holds whatever program writes: only an
-- invitation names a meeting; the meeting is this person's, not cancelled,
-- and at the revision named. Documents are never changed (0031), so it is
-- checked once, when the document is issued. Older invitations name none.

ALTER TABLE documents ADD COLUMN appointment_id INTEGER REFERENCES appointments (id);
ALTER TABLE documents ADD COLUMN appointment_revision INTEGER;

CREATE INDEX documents_appointment ON documents (appointment_id, appointment_revision);

CREATE TRIGGER documents_appointment BEFORE INSERT ON documents
  WHEN NEW.appointment_id IS NOT NULL OR NEW.appointment_revision IS NOT NULL
BEGIN
  SELECT RAISE (ABORT, 'only an invitation names a meeting: this person''s meeting, not cancelled, as it now stands')
  WHERE NEW.kind IS NOT 1 OR NEW.appointment_id IS NULL OR NEW.appointment_revision IS NULL
     OR NOT EXISTS (SELECT 1 FROM appointments a
                    WHERE a.id = NEW.appointment_id AND a.client_id = NEW.client_id
                      AND a.status <> 3 AND a.revision = NEW.appointment_revision);
END;
