-- 0036-person-page-read-once.sql — the person's page on a server: row-level
-- security asks once per query whom the transaction logged, not once per
-- row; the cases' assessment and plan states in one call
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Applied as 0001 says (a superuser, one transaction).
--
-- The read policies of clients, contacts, cases, appointments and
-- responsible_workers called tx_logged (client_id) (0001, 0006) for every
-- row: a SECURITY DEFINER function with its own search_path, which the
-- planner cannot inline, so each row paid a function call and a look into
-- access_log and tx_shown (about 50 µs). The person's page of the
-- benchmark's person with 500 timeline entries (issue 7) read 50 cases,
-- their 50 contacts and their person so, twice (the cases, the timeline):
-- 30 of the page's 35 ms on the server. As 0022 did for the case notes,
-- the same rule asked once: the persons whom this transaction logged for
-- the caller, or marked as shown again (tx_logged_clients, an
-- uncorrelated subquery that the executor runs once and hashes). Who sees
-- what is unchanged: the same roles, the same rows of access_log and
-- tx_shown (this transaction, the session's user) before any row; the
-- rows this transaction wrote (tx_wrote) as before. The UPDATE and DELETE
-- policies stay as they were (one row at a time).
--
-- case_assessment_status (0017) and case_plan_status (0031), called for
-- each case of the person's list of cases, are asked once for the person
-- by client_case_states, which says the same and no more (whether each
-- case's assessment is a draft or finished, its plan's review date), for
-- the same roles, and only in a transaction that logged the person.

SET ROLE kohtaamo_owner;
SET search_path = kohtaamo, pg_catalog;

-- The persons this transaction logged for the caller: tx_logged's rule
-- (0006) as a set.
CREATE FUNCTION tx_logged_clients () RETURNS SETOF bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
  SELECT a.client_id FROM access_log a
  WHERE a.xact = pg_current_xact_id_if_assigned ()
    AND a.client_id IS NOT NULL
    AND a.user_id = session_user_id ()
  UNION ALL
  SELECT s.client_id FROM tx_shown s
  WHERE s.xact = pg_current_xact_id_if_assigned ()
    AND s.user_id = session_user_id ()
$$;

REVOKE ALL ON FUNCTION tx_logged_clients () FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tx_logged_clients () TO kohtaamo_staff;

DROP POLICY clients_read ON clients;
CREATE POLICY clients_read ON clients FOR SELECT TO kohtaamo_staff
  USING (id IN (SELECT tx_logged_clients ()) OR tx_wrote ('clients', id));

DROP POLICY contacts_read ON contacts;
CREATE POLICY contacts_read ON contacts FOR SELECT TO kohtaamo_staff
  USING (client_id IS NULL OR client_id IN (SELECT tx_logged_clients ()) OR tx_wrote ('contacts', id));

DROP POLICY cases_read ON cases;
CREATE POLICY cases_read ON cases FOR SELECT TO kohtaamo_staff
  USING (client_id IN (SELECT tx_logged_clients ()) OR tx_wrote ('cases', id));

DROP POLICY appointments_read ON appointments;
CREATE POLICY appointments_read ON appointments FOR SELECT
  TO kohtaamo_counsellor, kohtaamo_social_worker, kohtaamo_lead
  USING (client_id IN (SELECT tx_logged_clients ()));

DROP POLICY responsible_workers_read ON responsible_workers;
CREATE POLICY responsible_workers_read ON responsible_workers FOR SELECT
  TO kohtaamo_staff
  USING (client_id IN (SELECT tx_logged_clients ()));

-- Each case of the person: the state of its assessment (the lowest
-- status, 0 without one) and its plan's review date (NULL without one),
-- as case_assessment_status and case_plan_status say them; nothing for
-- those who do not work with assessments, nor before the person is logged
-- in this transaction.
CREATE FUNCTION client_case_states (p_client_id bigint)
RETURNS TABLE (case_id bigint, assessment_status integer, review_on text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
BEGIN
  IF (current_kohtaamo_user ()).role NOT IN (2, 3, 4) OR NOT tx_logged (p_client_id) THEN
    RETURN;
  END IF;
  RETURN QUERY
    SELECT cs.id,
      coalesce ((SELECT min (s.status) FROM assessments s WHERE s.case_id = cs.id), 0)::integer,
      (SELECT c.review_on FROM plan_current c WHERE c.case_id = cs.id LIMIT 1)
    FROM cases cs
    WHERE cs.client_id = p_client_id;
END
$$;

REVOKE ALL ON FUNCTION client_case_states (bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION client_case_states (bigint) TO kohtaamo_staff;

RESET ROLE;

INSERT INTO kohtaamo.schema_version (version, name) VALUES (36, '0036-person-page-read-once');
