-- 0028-caseload-order.sql — the caseload's order from an index
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Issue 7, 1: 5 000 cases open without a pause. The caseload's order
-- (kh_case_due_compare, src/store/kh-db-caseload.c) rests on the next
-- statutory date, which is the 36 § start until an assessment of the case
-- has started. Whether one has was asked of the assessments table for
-- every case of the list, and every case sorted, for each page: a copy
-- on the case lets an index give the order, so that a page reads its own
-- rows only and the counts come from the index.
--
-- The copy can never disagree with the assessments: a case is made
-- without one, the triggers below keep it as the assessments come and go
-- (a draft may be removed; a finished assessment never is), and refuse
-- any other value.

ALTER TABLE cases ADD COLUMN assessment_started INTEGER NOT NULL DEFAULT 0
  CHECK (assessment_started IN (0, 1));

UPDATE cases SET assessment_started = 1 WHERE id IN (SELECT case_id FROM assessments);

CREATE TRIGGER cases_assessment_started_insert BEFORE INSERT ON cases
  WHEN NEW.assessment_started <> 0
BEGIN
  SELECT RAISE (ABORT, 'a case''s assessment has started exactly when it has an assessment');
END;

CREATE TRIGGER cases_assessment_started_update BEFORE UPDATE OF assessment_started ON cases
  WHEN NEW.assessment_started IS NOT EXISTS (SELECT 1 FROM assessments WHERE case_id = NEW.id)
BEGIN
  SELECT RAISE (ABORT, 'a case''s assessment has started exactly when it has an assessment');
END;

CREATE TRIGGER assessments_start_case AFTER INSERT ON assessments
BEGIN
  UPDATE cases SET assessment_started = 1 WHERE id = NEW.case_id AND assessment_started = 0;
END;

CREATE TRIGGER assessments_unstart_case AFTER DELETE ON assessments
  WHEN NOT EXISTS (SELECT 1 FROM assessments WHERE case_id = OLD.case_id)
BEGIN
  UPDATE cases SET assessment_started = 0 WHERE id = OLD.case_id;
END;

-- The order of kh-db-caseload.c's CASELOAD_ORDER, expression for
-- expression, after the scope's columns: my cases (a worker's, assigned)
-- and a team's queue (waiting).
CREATE INDEX cases_mine_order ON cases (
  assigned_to,
  status,
  urgent DESC,
  (CASE WHEN assessment_started = 0 AND assessment_deadline IS NOT NULL
        THEN assessment_deadline ELSE implementation_deadline END) IS NULL,
  (CASE WHEN assessment_started = 0 AND assessment_deadline IS NOT NULL
        THEN assessment_deadline ELSE implementation_deadline END),
  opened_at);

CREATE INDEX cases_team_order ON cases (
  status,
  team_id,
  urgent DESC,
  (CASE WHEN assessment_started = 0 AND assessment_deadline IS NOT NULL
        THEN assessment_deadline ELSE implementation_deadline END) IS NULL,
  (CASE WHEN assessment_started = 0 AND assessment_deadline IS NOT NULL
        THEN assessment_deadline ELSE implementation_deadline END),
  opened_at);

-- cases_assigned (0024) is a prefix of cases_mine_order.
DROP INDEX cases_assigned;
