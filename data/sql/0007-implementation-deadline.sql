-- 0007-implementation-deadline.sql — the SHL 45 § deadline of every case
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Social Welfare Act 45 §: decisions are implemented at the latest 3 months
-- after the case became pending. The day is counted by 150/1930 3 § (the
-- same day number three months on, the month's last day where it has none)
-- and moved off a Saturday, Sunday, public holiday or eve by 5 §; the
-- holidays include Easter's, which SQL cannot reasonably compute, so the
-- store fills the column for cases that existed before this migration in C,
-- in the same transaction (kh-db.c, fill_implementation_deadlines) and
-- kh_db_save_intake() sets it when it opens a case. New cases must have it.

ALTER TABLE cases ADD COLUMN implementation_deadline TEXT
  CHECK (implementation_deadline IS NULL
         OR implementation_deadline GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]');

CREATE TRIGGER cases_implementation_deadline_insert BEFORE INSERT ON cases
  WHEN NEW.implementation_deadline IS NULL
BEGIN
  SELECT RAISE (ABORT, 'a case needs its implementation deadline (Social Welfare Act 45 §)');
END;

CREATE TRIGGER cases_implementation_deadline_update
  BEFORE UPDATE OF implementation_deadline ON cases
  WHEN NEW.implementation_deadline IS NULL
BEGIN
  SELECT RAISE (ABORT, 'a case needs its implementation deadline (Social Welfare Act 45 §)');
END;
