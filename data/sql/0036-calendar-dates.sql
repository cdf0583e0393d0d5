-- 0036-calendar-dates.sql — a date column holds a day of the calendar
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- The date columns made before 0034 were checked with a GLOB pattern, or
-- with date (x) IS x, and SQLite's date () keeps any day up to 31 as it is:
-- date ('2026-02-30') is '2026-02-30', so a program writing with sqlite3
-- could store 30 February. date (x, '+0 days') normalises the day
-- ('2026-03-02'), so it equals x only for a real day; 0034's columns are
-- checked so already. A CHECK cannot be changed without rebuilding its
-- table, so these triggers refuse such a day on INSERT and UPDATE of each
-- such column, whatever program writes. (On PostgreSQL these columns are
-- of type date, which holds no such day.) Rows already stored are not
-- touched: the program wrote none (its dates are GDate's).

CREATE TRIGGER clients_birth_date_is_a_day_insert
BEFORE INSERT ON clients
WHEN NEW.birth_date IS NOT NULL AND date (NEW.birth_date, '+0 days') IS NOT NEW.birth_date
BEGIN
  SELECT RAISE (ABORT, 'clients.birth_date is a day of the calendar (YYYY-MM-DD)');
END;

CREATE TRIGGER clients_birth_date_is_a_day_update
BEFORE UPDATE OF birth_date ON clients
WHEN NEW.birth_date IS NOT NULL AND date (NEW.birth_date, '+0 days') IS NOT NEW.birth_date
BEGIN
  SELECT RAISE (ABORT, 'clients.birth_date is a day of the calendar (YYYY-MM-DD)');
END;

CREATE TRIGGER cases_assessment_deadline_is_a_day_insert
BEFORE INSERT ON cases
WHEN NEW.assessment_deadline IS NOT NULL AND date (NEW.assessment_deadline, '+0 days') IS NOT NEW.assessment_deadline
BEGIN
  SELECT RAISE (ABORT, 'cases.assessment_deadline is a day of the calendar (YYYY-MM-DD)');
END;

CREATE TRIGGER cases_assessment_deadline_is_a_day_update
BEFORE UPDATE OF assessment_deadline ON cases
WHEN NEW.assessment_deadline IS NOT NULL AND date (NEW.assessment_deadline, '+0 days') IS NOT NEW.assessment_deadline
BEGIN
  SELECT RAISE (ABORT, 'cases.assessment_deadline is a day of the calendar (YYYY-MM-DD)');
END;

CREATE TRIGGER cases_implementation_deadline_is_a_day_insert
BEFORE INSERT ON cases
WHEN NEW.implementation_deadline IS NOT NULL AND date (NEW.implementation_deadline, '+0 days') IS NOT NEW.implementation_deadline
BEGIN
  SELECT RAISE (ABORT, 'cases.implementation_deadline is a day of the calendar (YYYY-MM-DD)');
END;

CREATE TRIGGER cases_implementation_deadline_is_a_day_update
BEFORE UPDATE OF implementation_deadline ON cases
WHEN NEW.implementation_deadline IS NOT NULL AND date (NEW.implementation_deadline, '+0 days') IS NOT NEW.implementation_deadline
BEGIN
  SELECT RAISE (ABORT, 'cases.implementation_deadline is a day of the calendar (YYYY-MM-DD)');
END;

CREATE TRIGGER closed_days_date_is_a_day_insert
BEFORE INSERT ON closed_days
WHEN NEW.date IS NOT NULL AND date (NEW.date, '+0 days') IS NOT NEW.date
BEGIN
  SELECT RAISE (ABORT, 'closed_days.date is a day of the calendar (YYYY-MM-DD)');
END;

CREATE TRIGGER closed_days_date_is_a_day_update
BEFORE UPDATE OF date ON closed_days
WHEN NEW.date IS NOT NULL AND date (NEW.date, '+0 days') IS NOT NEW.date
BEGIN
  SELECT RAISE (ABORT, 'closed_days.date is a day of the calendar (YYYY-MM-DD)');
END;

CREATE TRIGGER contacts_kela_meeting_deadline_is_a_day_insert
BEFORE INSERT ON contacts
WHEN NEW.kela_meeting_deadline IS NOT NULL AND date (NEW.kela_meeting_deadline, '+0 days') IS NOT NEW.kela_meeting_deadline
BEGIN
  SELECT RAISE (ABORT, 'contacts.kela_meeting_deadline is a day of the calendar (YYYY-MM-DD)');
END;

CREATE TRIGGER contacts_kela_meeting_deadline_is_a_day_update
BEFORE UPDATE OF kela_meeting_deadline ON contacts
WHEN NEW.kela_meeting_deadline IS NOT NULL AND date (NEW.kela_meeting_deadline, '+0 days') IS NOT NEW.kela_meeting_deadline
BEGIN
  SELECT RAISE (ABORT, 'contacts.kela_meeting_deadline is a day of the calendar (YYYY-MM-DD)');
END;

CREATE TRIGGER assessments_assessed_on_is_a_day_insert
BEFORE INSERT ON assessments
WHEN NEW.assessed_on IS NOT NULL AND date (NEW.assessed_on, '+0 days') IS NOT NEW.assessed_on
BEGIN
  SELECT RAISE (ABORT, 'assessments.assessed_on is a day of the calendar (YYYY-MM-DD)');
END;

CREATE TRIGGER assessments_assessed_on_is_a_day_update
BEFORE UPDATE OF assessed_on ON assessments
WHEN NEW.assessed_on IS NOT NULL AND date (NEW.assessed_on, '+0 days') IS NOT NEW.assessed_on
BEGIN
  SELECT RAISE (ABORT, 'assessments.assessed_on is a day of the calendar (YYYY-MM-DD)');
END;

CREATE TRIGGER appointments_day_is_a_day_insert
BEFORE INSERT ON appointments
WHEN NEW.day IS NOT NULL AND date (NEW.day, '+0 days') IS NOT NEW.day
BEGIN
  SELECT RAISE (ABORT, 'appointments.day is a day of the calendar (YYYY-MM-DD)');
END;

CREATE TRIGGER appointments_day_is_a_day_update
BEFORE UPDATE OF day ON appointments
WHEN NEW.day IS NOT NULL AND date (NEW.day, '+0 days') IS NOT NEW.day
BEGIN
  SELECT RAISE (ABORT, 'appointments.day is a day of the calendar (YYYY-MM-DD)');
END;

CREATE TRIGGER documents_sent_on_is_a_day_insert
BEFORE INSERT ON documents
WHEN NEW.sent_on IS NOT NULL AND date (NEW.sent_on, '+0 days') IS NOT NEW.sent_on
BEGIN
  SELECT RAISE (ABORT, 'documents.sent_on is a day of the calendar (YYYY-MM-DD)');
END;

CREATE TRIGGER documents_sent_on_is_a_day_update
BEFORE UPDATE OF sent_on ON documents
WHEN NEW.sent_on IS NOT NULL AND date (NEW.sent_on, '+0 days') IS NOT NEW.sent_on
BEGIN
  SELECT RAISE (ABORT, 'documents.sent_on is a day of the calendar (YYYY-MM-DD)');
END;

CREATE TRIGGER documents_valid_from_is_a_day_insert
BEFORE INSERT ON documents
WHEN NEW.valid_from IS NOT NULL AND date (NEW.valid_from, '+0 days') IS NOT NEW.valid_from
BEGIN
  SELECT RAISE (ABORT, 'documents.valid_from is a day of the calendar (YYYY-MM-DD)');
END;

CREATE TRIGGER documents_valid_from_is_a_day_update
BEFORE UPDATE OF valid_from ON documents
WHEN NEW.valid_from IS NOT NULL AND date (NEW.valid_from, '+0 days') IS NOT NEW.valid_from
BEGIN
  SELECT RAISE (ABORT, 'documents.valid_from is a day of the calendar (YYYY-MM-DD)');
END;

CREATE TRIGGER documents_valid_until_is_a_day_insert
BEFORE INSERT ON documents
WHEN NEW.valid_until IS NOT NULL AND date (NEW.valid_until, '+0 days') IS NOT NEW.valid_until
BEGIN
  SELECT RAISE (ABORT, 'documents.valid_until is a day of the calendar (YYYY-MM-DD)');
END;

CREATE TRIGGER documents_valid_until_is_a_day_update
BEFORE UPDATE OF valid_until ON documents
WHEN NEW.valid_until IS NOT NULL AND date (NEW.valid_until, '+0 days') IS NOT NEW.valid_until
BEGIN
  SELECT RAISE (ABORT, 'documents.valid_until is a day of the calendar (YYYY-MM-DD)');
END;
