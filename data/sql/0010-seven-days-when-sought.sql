-- 0010-seven-days-when-sought.sql — the 7-day deadline only when services were sought
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Social Welfare Act 36 § 2 mom: the service-need assessment must start by
-- the 7th working day only when the person, a relative or close person, or
-- their legal representative contacted the unit to obtain services (and the
-- person is in one of the three groups). A notification by an authority or
-- Kela (contactor 3), a contact by anyone else (4) and an anonymous contact
-- (5) set no date: the assessment starts without delay. kh_db_save_intake()
-- follows kh_deadline_contactor_seeks_services(); these triggers are the
-- last line.
--
-- Cases saved before this rule with a date the law does not set lose it,
-- so that the queue no longer shows a "statutory" date that is not one.

UPDATE cases SET assessment_deadline = NULL
  WHERE assessment_deadline IS NOT NULL
    AND contact_id IN (SELECT id FROM contacts WHERE contactor IN (3, 4, 5));

CREATE TRIGGER cases_seven_days_when_sought_insert BEFORE INSERT ON cases
  WHEN NEW.assessment_deadline IS NOT NULL
   AND (SELECT contactor FROM contacts WHERE id = NEW.contact_id) IN (3, 4, 5)
BEGIN
  SELECT RAISE (ABORT, 'the 7-day deadline applies only when the person, a relative or a legal representative sought services (Social Welfare Act 36 §)');
END;

CREATE TRIGGER cases_seven_days_when_sought_update BEFORE UPDATE OF assessment_deadline ON cases
  WHEN NEW.assessment_deadline IS NOT NULL
   AND (SELECT contactor FROM contacts WHERE id = NEW.contact_id) IN (3, 4, 5)
BEGIN
  SELECT RAISE (ABORT, 'the 7-day deadline applies only when the person, a relative or a legal representative sought services (Social Welfare Act 36 §)');
END;
