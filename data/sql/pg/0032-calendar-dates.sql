-- 0032-calendar-dates.sql — PostgreSQL's side of data/sql/0036-calendar-dates.sql:
-- a date column holds a day of the calendar
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Applied as 0001 says (a superuser, one transaction). Five date columns
-- of 0001 were checked only by a pattern, so '2026-02-30' passed; three of
-- 0025 and 0029 cast to date in their CHECK, so such a day raised a cast
-- error instead of breaking the CHECK. Each now has iso_date_ok (0013):
-- the pattern, and the day read back as itself. NOT VALID: the rows
-- already stored are not read again (the program wrote none that fail;
-- its dates are GDate's), every new or changed row is checked.

SET ROLE kohtaamo_owner;
SET search_path = kohtaamo, pg_catalog;

ALTER TABLE clients
  ADD CONSTRAINT clients_birth_date_is_a_day CHECK (iso_date_ok (birth_date)) NOT VALID;
ALTER TABLE closed_days
  ADD CONSTRAINT closed_days_date_is_a_day CHECK (iso_date_ok (date)) NOT VALID;
ALTER TABLE contacts
  ADD CONSTRAINT contacts_kela_meeting_deadline_is_a_day
  CHECK (kela_meeting_deadline IS NULL OR iso_date_ok (kela_meeting_deadline)) NOT VALID;
ALTER TABLE cases
  ADD CONSTRAINT cases_assessment_deadline_is_a_day
  CHECK (assessment_deadline IS NULL OR iso_date_ok (assessment_deadline)) NOT VALID,
  ADD CONSTRAINT cases_implementation_deadline_is_a_day
  CHECK (implementation_deadline IS NULL OR iso_date_ok (implementation_deadline)) NOT VALID;

ALTER TABLE documents
  DROP CONSTRAINT documents_sent_on_check,
  DROP CONSTRAINT documents_valid_from_check,
  DROP CONSTRAINT documents_valid_until_check,
  ADD CONSTRAINT documents_sent_on_is_a_day CHECK (iso_date_ok (sent_on)) NOT VALID,
  ADD CONSTRAINT documents_valid_from_is_a_day CHECK (valid_from IS NULL OR iso_date_ok (valid_from)) NOT VALID,
  ADD CONSTRAINT documents_valid_until_is_a_day CHECK (valid_until IS NULL OR iso_date_ok (valid_until)) NOT VALID;

-- A CHECK runs its function as the role that writes the row; iso_date_ok
-- reads nothing, so every role may run it.
GRANT EXECUTE ON FUNCTION iso_date_ok (text) TO PUBLIC;

RESET ROLE;

INSERT INTO kohtaamo.schema_version (version, name) VALUES (32, '0032-calendar-dates');
