-- 0022-timeline-notes-read-once.sql — the case notes' row-level security
-- asks once per reading whose timeline the transaction logged, not once
-- per note
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Applied as 0001 says (a superuser, one transaction). (0021 is the
-- caseload's stream.)
--
-- case_notes_read (0019) called tx_logged_timeline (client_id) for every
-- note: a SECURITY DEFINER function with its own search_path, which the
-- planner cannot inline, so each row paid a function call and a look into
-- access_log. For a person with 400 notes that was most of the timeline's
-- reading on a server (20 ms of a 31 ms query, measured with the
-- benchmark's person of 500 entries). The same rule, asked once: the
-- persons whose timeline this transaction logged for the caller
-- (tx_timeline_clients, an uncorrelated subquery that the executor runs
-- once and hashes), and a note is visible when its person is one of them.
-- Who sees what is unchanged: the same roles, the same log row (what 12,
-- this transaction, the session's user) before any note.

SET ROLE kohtaamo_owner;
SET search_path = kohtaamo, pg_catalog;

-- The persons whose timeline this transaction has logged for the caller
-- (log_timeline_access, 0019): tx_logged_timeline's rule as a set.
CREATE FUNCTION tx_timeline_clients () RETURNS SETOF bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
  SELECT a.client_id FROM access_log a
  WHERE a.xact = pg_current_xact_id_if_assigned ()
    AND a.what = 12
    AND a.user_id = session_user_id ()
$$;

REVOKE ALL ON FUNCTION tx_timeline_clients () FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tx_timeline_clients () TO kohtaamo_staff;

DROP POLICY case_notes_read ON case_notes;
CREATE POLICY case_notes_read ON case_notes FOR SELECT
  TO kohtaamo_counsellor, kohtaamo_social_worker, kohtaamo_lead
  USING (client_id IN (SELECT tx_timeline_clients ()));

RESET ROLE;

INSERT INTO kohtaamo.schema_version (version, name) VALUES (22, '0022-timeline-notes-read-once');
