-- 0026-case-moves-with-worker.sql — a case follows its worker into the
-- worker's team
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Applied as 0001 says (a superuser, one transaction).
--
-- Issue 7, 1. When the lead social worker gave a case to a worker of
-- another team, the case stayed in its old team: the worker could not
-- hand it on to a colleague of their own team (assign_check's 5) and
-- their team's lists did not count it. assign_case() now moves the case
-- into the assignee's team when that team is active, as the store does
-- on a file (kh_case_team_after_assign in src/core/kh-caseload.c; keep
-- in sync). A worker in no team, or in a deactivated one, takes the case
-- where it is (cases_team of 0015 refuses an inactive team anyway).
-- Otherwise the function is 0016's.

SET ROLE kohtaamo_owner;
SET search_path = kohtaamo, pg_catalog;

CREATE OR REPLACE FUNCTION assign_case (p_case_id bigint, p_expected bigint, p_assignee bigint,
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
  UPDATE cases
     SET status = 2, assigned_to = p_assignee,
         team_id = coalesce ((SELECT t.id FROM users a JOIN teams t ON t.id = a.team_id
                              WHERE a.id = p_assignee AND t.active = 1),
                             team_id)
   WHERE id = p_case_id;
  outcome := 0;
END
$$;

REVOKE ALL ON FUNCTION assign_case (bigint, bigint, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION assign_case (bigint, bigint, bigint)
  TO kohtaamo_counsellor, kohtaamo_social_worker, kohtaamo_lead;

RESET ROLE;

INSERT INTO kohtaamo.schema_version (version, name) VALUES (26, '0026-case-moves-with-worker');
