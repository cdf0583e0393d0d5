-- 0005-anonymous-no-outcome-note.sql — an anonymous contact keeps no outcome note
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- An anonymous contact keeps no free text (0001: contactor_detail,
-- reason_text, urgent_note); the outcome note is free text too and was
-- missing from that CHECK. SQLite cannot change a CHECK in place, and the
-- table is referenced by cases, so triggers add the rule. A note already
-- kept on an anonymous contact is personal data the contact should never
-- have held: it is removed before the rule starts.

UPDATE contacts SET outcome_note = NULL
  WHERE anonymous = 1 AND outcome_note IS NOT NULL;

CREATE TRIGGER contacts_anonymous_no_note_insert BEFORE INSERT ON contacts
  WHEN NEW.anonymous = 1 AND NEW.outcome_note IS NOT NULL
BEGIN
  SELECT RAISE (ABORT, 'an anonymous contact keeps no outcome note');
END;

CREATE TRIGGER contacts_anonymous_no_note_update BEFORE UPDATE OF anonymous, outcome_note ON contacts
  WHEN NEW.anonymous = 1 AND NEW.outcome_note IS NOT NULL
BEGIN
  SELECT RAISE (ABORT, 'an anonymous contact keeps no outcome note');
END;
