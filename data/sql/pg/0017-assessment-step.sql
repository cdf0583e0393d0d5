-- 0017-assessment-step.sql — PostgreSQL's side of data/sql/0025-assessment-step.sql:
-- the wizard's step saved with a draft, and what a case's assessment is at
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Applied as 0001 says (a superuser, one transaction).
--
-- Issue 7, 3. A draft is resumed at the step where the worker left it: the
-- step (KhAssessmentStep 0–5) is a column, written by the save with the
-- other fields in one UPDATE (the rules trigger wants each UPDATE to move
-- the revision on, so it cannot be a second statement). assessment_save
-- gets an overload with the step last; the old one stays for clients of
-- 0013 until they are gone.
--
-- A person's page shows on each case whether its assessment is to be
-- started, continued or opened. case_assessment_status() says only that
-- (1 a draft, 2 finished, NULL none), nothing of the content, and logs
-- nothing, as assessment_state() of 0013; reception and the administrator
-- get NULL, as they may not work with assessments at all.

SET ROLE kohtaamo_owner;
SET search_path = kohtaamo, pg_catalog;

ALTER TABLE assessments ADD COLUMN step integer NOT NULL DEFAULT 0 CHECK (step BETWEEN 0 AND 5);

CREATE FUNCTION assessment_save (
  p_id bigint, p_revision bigint,
  p_assessed_on text, p_client_present integer, p_client_absent_reason text,
  p_rights_explained integer, p_options_explained integer, p_client_understood integer,
  p_information_note text, p_has_children integer, p_children_count integer,
  p_children_checked integer, p_children_note text, p_client_view text,
  p_client_view_obstacle text, p_needs integer, p_support_needed integer,
  p_special_support integer, p_special_support_reasons text, p_need_duration integer,
  p_summary text, p_conclusions text, p_services bigint, p_services_note text,
  p_client_on_worker integer, p_worker_on_worker integer, p_responsible_worker_note text,
  p_next_step integer, p_next_step_reasons text, p_disagreement integer,
  p_client_disagreement text, p_worker_disagreement text, p_step integer)
RETURNS bigint
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
DECLARE
  r bigint;
BEGIN
  PERFORM assessment_caller ();
  UPDATE assessments SET
    assessed_on = p_assessed_on, client_present = p_client_present,
    client_absent_reason = p_client_absent_reason, rights_explained = p_rights_explained,
    options_explained = p_options_explained, client_understood = p_client_understood,
    information_note = p_information_note, has_children = p_has_children,
    children_count = p_children_count, children_checked = p_children_checked,
    children_note = p_children_note, client_view = p_client_view,
    client_view_obstacle = p_client_view_obstacle, needs = p_needs,
    support_needed = p_support_needed, special_support = p_special_support,
    special_support_reasons = p_special_support_reasons, need_duration = p_need_duration,
    summary = p_summary, conclusions = p_conclusions, services = p_services,
    services_note = p_services_note, client_on_worker = p_client_on_worker,
    worker_on_worker = p_worker_on_worker, responsible_worker_note = p_responsible_worker_note,
    next_step = p_next_step, next_step_reasons = p_next_step_reasons,
    disagreement = p_disagreement, client_disagreement = p_client_disagreement,
    worker_disagreement = p_worker_disagreement, step = p_step,
    revision = revision + 1
  WHERE id = p_id AND revision = p_revision AND status = 1
  RETURNING revision INTO r;
  RETURN r;
END
$$;

CREATE FUNCTION case_assessment_status (p_case_id bigint) RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
  SELECT min (s.status) FROM assessments s
  WHERE s.case_id = p_case_id AND (current_kohtaamo_user ()).role IN (2, 3, 4)
$$;

REVOKE ALL ON FUNCTION
  assessment_save (bigint, bigint, text, integer, text, integer, integer, integer, text, integer,
                   integer, integer, text, text, text, integer, integer, integer, text, integer,
                   text, text, bigint, text, integer, integer, text, integer, text, integer, text, text,
                   integer),
  case_assessment_status (bigint)
  FROM PUBLIC;
GRANT EXECUTE ON FUNCTION
  assessment_save (bigint, bigint, text, integer, text, integer, integer, integer, text, integer,
                   integer, integer, text, text, text, integer, integer, integer, text, integer,
                   text, text, bigint, text, integer, integer, text, integer, text, integer, text, text,
                   integer),
  case_assessment_status (bigint)
  TO kohtaamo_staff;

RESET ROLE;

INSERT INTO kohtaamo.schema_version (version, name) VALUES (17, '0017-assessment-step');
