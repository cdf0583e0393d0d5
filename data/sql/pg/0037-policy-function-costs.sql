-- 0037-policy-function-costs.sql — the planner is told what the row-level
-- security's per-row checks cost
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Applied as 0001 says (a superuser, one transaction).
--
-- The policies check some rows one at a time: tx_wrote (the rows this
-- transaction wrote), tx_logged and its kin for one contact, assessment
-- or log row. Each is a SECURITY DEFINER function with its own
-- search_path, which the planner cannot inline: a call costs about 5 µs
-- (tx_wrote, 10 000 calls in 55 ms), as much as reading about a page of a
-- table. Declared at the default cost (100, a quarter of a page), such a
-- check looked cheaper than the index: the list of a person's 50 cases
-- read every contact of the unit and called tx_wrote for each of them,
-- 8–17 ms with 1 050 contacts, where looking up its 50 contacts by their
-- keys takes 1.3 ms (bench-timeline on PostgreSQL, issue 7). Declared at
-- what they cost, the planner calls them for the rows it needs. Who may
-- read or change what is unchanged: only the planner's estimates change.

SET ROLE kohtaamo_owner;
SET search_path = kohtaamo, pg_catalog;

ALTER FUNCTION tx_wrote (text, bigint) COST 300;
ALTER FUNCTION tx_logged (bigint) COST 300;
ALTER FUNCTION tx_logged_contact (bigint) COST 300;
ALTER FUNCTION tx_logged_assessment (bigint) COST 300;
ALTER FUNCTION tx_logged_assessment_id (bigint) COST 300;
ALTER FUNCTION tx_logged_log_read (bigint) COST 300;

RESET ROLE;

INSERT INTO kohtaamo.schema_version (version, name) VALUES (37, '0037-policy-function-costs');
