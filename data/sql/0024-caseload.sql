-- 0024-caseload.sql — a worker's caseload: my cases, taking and assigning
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Issue 7, 1. A worker's own cases are read by holder (the team's queue
-- has cases_team_queue, 0023). Who may take or assign a case is decided by
-- the store (kh_case_assign_check in src/core/kh-caseload.c: SQLite has no
-- logins to ask); what holds for any program is restated here: a case is
-- given only to an active social counsellor, social worker or lead social
-- worker, and a closed case to nobody. PostgreSQL's 0016-caseload.sql
-- enforces the caller's part too.

CREATE INDEX cases_assigned ON cases (assigned_to, status);

CREATE TRIGGER cases_assignee BEFORE UPDATE OF assigned_to ON cases
  WHEN NEW.assigned_to IS NOT OLD.assigned_to AND NEW.assigned_to IS NOT NULL
   AND (SELECT role IN (2, 3, 4) AND active = 1 FROM users WHERE id = NEW.assigned_to) IS NOT 1
BEGIN
  SELECT RAISE (ABORT, 'a case is given only to an active counsellor, social worker or lead social worker');
END;

CREATE TRIGGER cases_closed_not_assigned BEFORE UPDATE OF assigned_to ON cases
  WHEN NEW.assigned_to IS NOT OLD.assigned_to AND OLD.status = 3
BEGIN
  SELECT RAISE (ABORT, 'a closed case is not assigned');
END;
