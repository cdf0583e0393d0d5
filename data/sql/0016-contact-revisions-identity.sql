-- 0016-contact-revisions-identity.sql — correcting who made a contact
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Issue 5, 2.1 with 1.6 and 1.9: the name, relation and contact details of
-- a relative, close person or legal representative who made a contact, and
-- the authority that directed the person to apply (SHL 35 § 1 mom), can be
-- corrected too. Their revisions keep what they held, like the other
-- correctable fields of 0013.
--
-- Revisions written before this migration could not have changed these
-- fields, so what they held before is what the contact holds now: the rows
-- get those values. Revisions are append-only; the migration alone lifts
-- that for this one fill and puts it back.

ALTER TABLE contact_revisions ADD COLUMN contactor_name TEXT;
ALTER TABLE contact_revisions ADD COLUMN contactor_relation TEXT;
ALTER TABLE contact_revisions ADD COLUMN contactor_contact TEXT;
ALTER TABLE contact_revisions ADD COLUMN directed_by TEXT;

DROP TRIGGER contact_revisions_no_update;
UPDATE contact_revisions
   SET contactor_name = (SELECT k.contactor_name FROM contacts k WHERE k.id = contact_id),
       contactor_relation = (SELECT k.contactor_relation FROM contacts k WHERE k.id = contact_id),
       contactor_contact = (SELECT k.contactor_contact FROM contacts k WHERE k.id = contact_id),
       directed_by = (SELECT k.directed_by FROM contacts k WHERE k.id = contact_id);
CREATE TRIGGER contact_revisions_no_update BEFORE UPDATE ON contact_revisions
BEGIN
  SELECT RAISE (ABORT, 'a revision of a contact is never changed');
END;

DROP TRIGGER contact_revisions_record_the_contact;
CREATE TRIGGER contact_revisions_record_the_contact BEFORE INSERT ON contact_revisions
  WHEN NOT EXISTS (SELECT 1 FROM contacts k
                   WHERE k.id = NEW.contact_id
                     AND k.entered_in_error = 0
                     AND k.channel = NEW.channel
                     AND k.contactor_detail IS NEW.contactor_detail
                     AND k.contactor_name IS NEW.contactor_name
                     AND k.contactor_relation IS NEW.contactor_relation
                     AND k.contactor_contact IS NEW.contactor_contact
                     AND k.directed_by IS NEW.directed_by
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

DROP TRIGGER contacts_corrected_with_revision;
CREATE TRIGGER contacts_corrected_with_revision
  BEFORE UPDATE OF channel, contactor_detail, contactor_name, contactor_relation, contactor_contact,
                   directed_by, needs, reason_text, urgent_note, language, interpreter, service_id,
                   outcome_note ON contacts
  WHEN (NEW.channel IS NOT OLD.channel
        OR NEW.contactor_detail IS NOT OLD.contactor_detail
        OR NEW.contactor_name IS NOT OLD.contactor_name
        OR NEW.contactor_relation IS NOT OLD.contactor_relation
        OR NEW.contactor_contact IS NOT OLD.contactor_contact
        OR NEW.directed_by IS NOT OLD.directed_by
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
                     AND r.contactor_name IS OLD.contactor_name
                     AND r.contactor_relation IS OLD.contactor_relation
                     AND r.contactor_contact IS OLD.contactor_contact
                     AND r.directed_by IS OLD.directed_by
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
