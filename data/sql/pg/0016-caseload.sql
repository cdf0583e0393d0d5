-- 0016-caseload.sql — PostgreSQL's side of data/sql/0024-caseload.sql: a
-- worker's caseload, taking and assigning a case
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Applied as 0001 says (a superuser, one transaction).
--
-- Issue 7, 1. The rules of src/core/kh-caseload.c (kh_case_assign_check;
-- keep in sync), enforced here for whatever program a login runs:
--
-- - Only social counsellors, social workers and the lead social worker
--   (KhRole 2–4) take or assign cases; reception and the administrator
--   never do (they may still close a case, as corrections do: only a
--   change of the case's holder is checked).
-- - A case goes only to an active worker of those roles; a closed case to
--   nobody.
-- - The lead social worker may give any open case to any such worker.
--   Others work their own team's queue: a queued case of their team, to
--   themselves or a colleague of that team, or a case of their own handed
--   to such a colleague; a case with another worker is not theirs to move.
--
-- The trigger cases_assignment checks every change of holder, so a direct
-- UPDATE (which row-level security allows after logging the person) is
-- held to the same rules. assign_case() is the store's way: it locks the
-- row, changes the holder only if it is still the one the caller saw, and
-- logs the person as what 9 ("Cases listed") with the client relationship
-- as its basis. It answers with an outcome for the store to word in the
-- user's language: 0 done, 1 taken by someone else (their name), 2 no such
-- case, 3 back in the queue meanwhile, 10 + KhAssignCheck for a rule.
--
-- The caseload is read as the queue is (0006, 0015): caseload() chooses a
-- page in kh_case_due_compare's order, logs its people once per showing
-- (work_list_log) and says which cases' assessments have started;
-- caseload_counts() counts without naming anyone.

SET ROLE kohtaamo_owner;
SET search_path = kohtaamo, pg_catalog;

CREATE INDEX cases_assigned ON cases (assigned_to, status);

-- The rule, as kh_case_assign_check: 0 or a KhAssignCheck.
CREATE FUNCTION assign_check (p_caller users, p_case cases, p_assignee bigint) RETURNS integer
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
DECLARE
  a users;
BEGIN
  IF p_caller.active <> 1 OR p_caller.role NOT IN (2, 3, 4) THEN
    RETURN 1;
  END IF;
  SELECT * INTO a FROM users WHERE id = p_assignee;
  IF NOT FOUND OR a.active <> 1 OR a.role NOT IN (2, 3, 4) THEN
    RETURN 2;
  END IF;
  IF p_case.status = 3 THEN
    RETURN 3;
  END IF;
  IF p_caller.role = 4 THEN
    RETURN 0;
  END IF;
  IF p_case.assigned_to IS NOT NULL AND p_case.assigned_to <> p_caller.id THEN
    RETURN 6;
  END IF;
  IF p_case.assigned_to IS NULL
     AND (p_caller.team_id IS NULL OR p_case.team_id IS DISTINCT FROM p_caller.team_id) THEN
    RETURN 4;
  END IF;
  IF a.id <> p_caller.id AND a.team_id IS DISTINCT FROM p_case.team_id THEN
    RETURN 5;
  END IF;
  RETURN 0;
END
$$;

CREATE FUNCTION cases_assignment () RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
DECLARE
  why integer;
BEGIN
  -- A copy brings cases as they were (0007).
  IF copying () OR NEW.assigned_to IS NOT DISTINCT FROM OLD.assigned_to THEN
    RETURN NEW;
  END IF;
  -- What holds whoever writes, as SQLite's 0024 triggers.
  IF NEW.assigned_to IS NOT NULL
     AND (SELECT role IN (2, 3, 4) AND active = 1 FROM users WHERE id = NEW.assigned_to)
         IS DISTINCT FROM true THEN
    RAISE EXCEPTION USING ERRCODE = 'check_violation',
      MESSAGE = 'a case is given only to an active counsellor, social worker or lead social worker';
  END IF;
  IF OLD.status = 3 THEN
    RAISE EXCEPTION USING ERRCODE = 'check_violation', MESSAGE = 'a closed case is not assigned';
  END IF;
  -- Who may: every login but the server's superuser, who is past every
  -- rule anyway.
  IF coalesce ((SELECT rolsuper FROM pg_roles WHERE rolname = session_user), false) THEN
    RETURN NEW;
  END IF;
  IF NEW.assigned_to IS NULL THEN
    RAISE EXCEPTION USING ERRCODE = 'check_violation',
      MESSAGE = 'a case is not taken away from its worker';
  END IF;
  why := assign_check (current_kohtaamo_user (), OLD, NEW.assigned_to);
  IF why = 1 THEN
    RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
      MESSAGE = 'cases are taken and assigned by social counsellors, social workers and the lead social worker';
  ELSIF why <> 0 THEN
    RAISE EXCEPTION USING ERRCODE = 'check_violation',
      MESSAGE = CASE why
        WHEN 4 THEN 'the case waits in another team''s queue'
        WHEN 5 THEN 'the colleague is not in the case''s team'
        ELSE 'the case is with another worker: only the lead social worker moves it' END;
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER cases_assignment BEFORE UPDATE OF assigned_to ON cases
  FOR EACH ROW EXECUTE FUNCTION cases_assignment ();

-- ---- taking and assigning ----

CREATE FUNCTION assign_case (p_case_id bigint, p_expected bigint, p_assignee bigint,
                             OUT outcome integer, OUT holder text)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
DECLARE
  u users := current_kohtaamo_user ();
  c cases;
  why integer;
BEGIN
  IF u.role NOT IN (2, 3, 4) THEN
    RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
      MESSAGE = 'cases are taken and assigned by social counsellors, social workers and the lead social worker';
  END IF;
  SELECT * INTO c FROM cases WHERE id = p_case_id FOR UPDATE;
  IF NOT FOUND THEN
    outcome := 2;
    RETURN;
  END IF;
  IF c.status <> 3 AND c.assigned_to IS NOT DISTINCT FROM p_assignee THEN
    outcome := 0;                                 -- already theirs
    RETURN;
  END IF;
  IF c.status <> 3 AND coalesce (c.assigned_to, 0) <> coalesce (p_expected, 0) THEN
    IF c.assigned_to IS NULL THEN
      outcome := 3;
    ELSE
      outcome := 1;
      SELECT coalesce (display_name, account) INTO holder FROM users WHERE id = c.assigned_to;
    END IF;
    RETURN;
  END IF;
  why := assign_check (u, c, p_assignee);
  IF why <> 0 THEN
    outcome := 10 + why;
    RETURN;
  END IF;
  PERFORM log_access (c.client_id, 9, 2);
  UPDATE cases SET status = 2, assigned_to = p_assignee WHERE id = p_case_id;
  outcome := 0;
END
$$;

-- ---- reading the caseload ----

-- The page of scope 1 (the caller's cases) or 2 (team p_team's queue; 0:
-- the caller's team, every team for a caller in none), in
-- kh_case_due_compare's order (see src/store/kh-db-caseload.c).
CREATE FUNCTION caseload_scope (p_scope integer, p_team bigint)
RETURNS TABLE (id bigint, client_id bigint, urgent integer, next text, opened_at bigint, started integer)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
DECLARE
  u users := current_kohtaamo_user ();
  team bigint := nullif (coalesce (p_team, 0), 0);
BEGIN
  IF u.role NOT IN (2, 3, 4) THEN
    RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
      MESSAGE = 'the caseload is for social counsellors, social workers and the lead social worker';
  END IF;
  IF team IS NULL THEN
    team := u.team_id;
  END IF;
  RETURN QUERY
    SELECT s.id, s.client_id, s.urgent,
           CASE WHEN s.started = 0 AND s.assessment_deadline IS NOT NULL
                THEN s.assessment_deadline ELSE s.implementation_deadline END,
           s.opened_at, s.started
    FROM (SELECT cs.id, cs.client_id, cs.urgent, cs.assessment_deadline, cs.implementation_deadline,
                 cs.opened_at,
                 (EXISTS (SELECT 1 FROM assessments a WHERE a.case_id = cs.id))::integer AS started
          FROM cases cs
          WHERE (p_scope = 1 AND cs.status = 2 AND cs.assigned_to = u.id)
             OR (p_scope = 2 AND cs.status = 1 AND (team IS NULL OR cs.team_id = team))) AS s;
END
$$;

CREATE FUNCTION caseload (p_scope integer, p_team bigint, p_limit integer, p_offset integer,
                          p_shown bigint[])
RETURNS TABLE (case_id bigint, started integer)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
DECLARE
  ids bigint[];
  st integer[];
  people bigint[];
BEGIN
  SELECT array_agg (q.id ORDER BY q.n), array_agg (q.started ORDER BY q.n),
         array_agg (q.client_id ORDER BY q.n)
    INTO ids, st, people
  FROM (SELECT s.id, s.started, s.client_id,
               row_number () OVER (ORDER BY s.urgent DESC, s.next IS NULL, s.next, s.opened_at, s.id) AS n
        FROM caseload_scope (p_scope, p_team) AS s
        ORDER BY s.urgent DESC, s.next IS NULL, s.next, s.opened_at, s.id
        LIMIT least (coalesce (p_limit, 200), 1000) OFFSET greatest (coalesce (p_offset, 0), 0)) AS q;
  PERFORM work_list_log (coalesce (people, '{}'), p_shown);
  RETURN QUERY SELECT i, s FROM unnest (ids, st) WITH ORDINALITY AS x (i, s, n) ORDER BY n;
END
$$;

-- The list's cases, the urgent ones, and those overdue on p_today (ISO):
-- counts, no person.
CREATE FUNCTION caseload_counts (p_scope integer, p_team bigint, p_today text,
                                 OUT total bigint, OUT urgent bigint, OUT overdue bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
  SELECT count (*), count (*) FILTER (WHERE s.urgent = 1),
         count (*) FILTER (WHERE s.urgent = 0 AND s.next < p_today)
  FROM caseload_scope (p_scope, p_team) AS s
$$;

REVOKE ALL ON FUNCTION assign_check (users, cases, bigint), cases_assignment (),
                       assign_case (bigint, bigint, bigint),
                       caseload_scope (integer, bigint),
                       caseload (integer, bigint, integer, integer, bigint[]),
                       caseload_counts (integer, bigint, text)
  FROM PUBLIC;
GRANT EXECUTE ON FUNCTION assign_case (bigint, bigint, bigint),
                          caseload (integer, bigint, integer, integer, bigint[]),
                          caseload_counts (integer, bigint, text)
  TO kohtaamo_counsellor, kohtaamo_social_worker, kohtaamo_lead;

RESET ROLE;

INSERT INTO kohtaamo.schema_version (version, name) VALUES (16, '0016-caseload');
