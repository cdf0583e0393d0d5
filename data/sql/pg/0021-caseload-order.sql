-- 0021-caseload-order.sql — PostgreSQL's side of data/sql/0028-caseload-order.sql:
-- the caseload's order from an index
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Applied as 0001 says (a superuser, one transaction).
--
-- Issue 7, 1: 5 000 cases open without a pause. caseload() and
-- caseload_counts() (0016) read every case of the list through
-- caseload_scope(), asking the assessments table of each whether its
-- assessment had started (the next statutory date turns on it), and
-- sorted them all for each page: about 25 ms and 10 ms for 5 000 cases. A
-- copy of "started" on the case lets an index give the order, so that a
-- page reads its own rows only and the counts one range of the index.
--
-- The copy can never disagree with the assessments: a case is made
-- without one, the trigger on assessments keeps it as they come and go (a
-- draft may be removed; a finished assessment never is), and the trigger
-- on cases refuses any other value, but while a copy from a SQLite file
-- brings the cases before their assessments (0007).

SET ROLE kohtaamo_owner;
SET search_path = kohtaamo, pg_catalog;

ALTER TABLE cases ADD COLUMN assessment_started integer NOT NULL DEFAULT 0
  CHECK (assessment_started IN (0, 1));

UPDATE cases SET assessment_started = 1 WHERE id IN (SELECT case_id FROM assessments);

CREATE FUNCTION cases_assessment_started () RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
BEGIN
  IF NOT copying ()
     AND NEW.assessment_started
         <> (EXISTS (SELECT 1 FROM assessments WHERE case_id = NEW.id))::integer THEN
    RAISE EXCEPTION USING ERRCODE = 'check_violation',
      MESSAGE = 'a case''s assessment has started exactly when it has an assessment';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER cases_assessment_started BEFORE INSERT OR UPDATE OF assessment_started ON cases
  FOR EACH ROW EXECUTE FUNCTION cases_assessment_started ();

CREATE FUNCTION assessments_start_case () RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE cases SET assessment_started = 1 WHERE id = NEW.case_id AND assessment_started = 0;
  ELSIF NOT EXISTS (SELECT 1 FROM assessments WHERE case_id = OLD.case_id) THEN
    UPDATE cases SET assessment_started = 0 WHERE id = OLD.case_id;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER assessments_start_case AFTER INSERT OR DELETE ON assessments
  FOR EACH ROW EXECUTE FUNCTION assessments_start_case ();

-- The order of caseload() below, expression for expression, after the
-- scope's columns: my cases (a worker's, assigned) and a team's queue
-- (waiting). cases_assigned (0016) is a prefix of the first.
CREATE INDEX cases_mine_order ON cases (
  assigned_to,
  status,
  urgent DESC,
  ((CASE WHEN assessment_started = 0 AND assessment_deadline IS NOT NULL
         THEN assessment_deadline ELSE implementation_deadline END) IS NULL),
  (CASE WHEN assessment_started = 0 AND assessment_deadline IS NOT NULL
        THEN assessment_deadline ELSE implementation_deadline END),
  opened_at,
  id);

CREATE INDEX cases_team_order ON cases (
  status,
  team_id,
  urgent DESC,
  ((CASE WHEN assessment_started = 0 AND assessment_deadline IS NOT NULL
         THEN assessment_deadline ELSE implementation_deadline END) IS NULL),
  (CASE WHEN assessment_started = 0 AND assessment_deadline IS NOT NULL
        THEN assessment_deadline ELSE implementation_deadline END),
  opened_at,
  id);

DROP INDEX cases_assigned;

-- The cases of scope 1 (the caller's) or 2 (team p_team's queue; 0: the
-- caller's team, every team for a caller in none), as a condition on
-- cases cs with $1 the caller or the team: one index each (a queue of
-- every team is sorted).
CREATE FUNCTION caseload_where (p_scope integer, p_team bigint, OUT condition text, OUT key bigint)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
DECLARE
  u users := current_kohtaamo_user ();
BEGIN
  IF u.role NOT IN (2, 3, 4) THEN
    RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
      MESSAGE = 'the caseload is for social counsellors, social workers and the lead social worker';
  END IF;
  IF p_scope = 1 THEN
    condition := 'cs.assigned_to = $1 AND cs.status = 2';
    key := u.id;
  ELSE
    key := coalesce (nullif (coalesce (p_team, 0), 0), u.team_id);
    condition := CASE WHEN key IS NULL THEN 'cs.status = 1 AND $1 IS NULL'
                      ELSE 'cs.status = 1 AND cs.team_id = $1' END;
  END IF;
END
$$;

-- The next statutory date, as kh_case_due takes it: the indexes' own
-- expression.
CREATE FUNCTION caseload_next () RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT '(CASE WHEN cs.assessment_started = 0 AND cs.assessment_deadline IS NOT NULL '
         'THEN cs.assessment_deadline ELSE cs.implementation_deadline END)'
$$;

CREATE OR REPLACE FUNCTION caseload (p_scope integer, p_team bigint, p_limit integer, p_offset integer,
                                     p_shown bigint[])
RETURNS TABLE (case_id bigint, started integer)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
DECLARE
  w record;
  ids bigint[];
  st integer[];
  people bigint[];
BEGIN
  SELECT * INTO w FROM caseload_where (p_scope, p_team);
  EXECUTE format (
    'SELECT array_agg (q.id ORDER BY q.n), array_agg (q.assessment_started ORDER BY q.n), '
    '       array_agg (q.client_id ORDER BY q.n) '
    'FROM (SELECT p.*, row_number () OVER () AS n FROM ('
    '  SELECT cs.id, cs.assessment_started, cs.client_id FROM cases cs WHERE %s '
    '  ORDER BY cs.urgent DESC, %s IS NULL, %s, cs.opened_at, cs.id LIMIT $2 OFFSET $3) AS p) AS q',
    w.condition, caseload_next (), caseload_next ())
    INTO ids, st, people
    USING w.key, least (coalesce (p_limit, 200), 1000), greatest (coalesce (p_offset, 0), 0);
  PERFORM work_list_log (coalesce (people, '{}'), p_shown);
  RETURN QUERY SELECT i, s FROM unnest (ids, st) WITH ORDINALITY AS x (i, s, n) ORDER BY n;
END
$$;

DROP FUNCTION caseload_counts (integer, bigint, text);
CREATE FUNCTION caseload_counts (p_scope integer, p_team bigint, p_today text,
                                 OUT total bigint, OUT urgent bigint, OUT overdue bigint)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
DECLARE
  w record;
BEGIN
  SELECT * INTO w FROM caseload_where (p_scope, p_team);
  EXECUTE format (
    'SELECT count (*), count (*) FILTER (WHERE cs.urgent = 1), '
    '       count (*) FILTER (WHERE cs.urgent = 0 AND %s < $2) '
    'FROM cases cs WHERE %s',
    caseload_next (), w.condition)
    INTO total, urgent, overdue
    USING w.key, p_today;
END
$$;

DROP FUNCTION caseload_scope (integer, bigint);

REVOKE ALL ON FUNCTION cases_assessment_started (), assessments_start_case (),
                       caseload_where (integer, bigint), caseload_next (),
                       caseload_counts (integer, bigint, text)
  FROM PUBLIC;
GRANT EXECUTE ON FUNCTION caseload_counts (integer, bigint, text)
  TO kohtaamo_counsellor, kohtaamo_social_worker, kohtaamo_lead;

RESET ROLE;

INSERT INTO kohtaamo.schema_version (version, name) VALUES (21, '0021-caseload-order');
