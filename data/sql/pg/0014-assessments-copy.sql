-- 0014-assessments-copy.sql — kohtaamo-admin copy takes a unit's
-- service-need assessments onto the server
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Applied as 0001 says (a superuser, one transaction). The copy
-- (kh-db-copy.c, 0007) writes every table of the SQLite file in one
-- transaction of the superuser, marked as copying (copying ()). For the
-- assessments of 0013 that means: a copied version keeps the times and
-- authors the file has (the triggers would stamp the server's clock), a
-- finished version's participants and areas are written after it (the
-- triggers would refuse them as changes of a frozen version), and the ids
-- made after the copy continue after the copied ones (copy_end).

SET ROLE kohtaamo_owner;
SET search_path = kohtaamo, pg_catalog;

CREATE OR REPLACE FUNCTION assessments_rules () RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
DECLARE
  now_s bigint := floor (extract (epoch FROM clock_timestamp ()))::bigint;
  who bigint := session_user_id ();
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status = 2 THEN
      RAISE EXCEPTION USING ERRCODE = 'check_violation', MESSAGE = 'a finished assessment is never removed';
    END IF;
    RETURN OLD;
  END IF;
  -- A copied version keeps its times and authors as the file has them.
  IF TG_OP = 'INSERT' AND copying () THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'INSERT' THEN
    IF NEW.client_id IS DISTINCT FROM (SELECT client_id FROM cases WHERE id = NEW.case_id)
       OR (NEW.previous_id IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM assessments p
                           WHERE p.id = NEW.previous_id AND p.case_id = NEW.case_id
                             AND p.status = 2 AND p.version = NEW.version - 1)) THEN
      RAISE EXCEPTION USING ERRCODE = 'check_violation',
        MESSAGE = 'an assessment belongs to its case''s person, and a new version continues the finished one before it';
    END IF;
    -- The server's clock and the session's user, whatever was passed.
    NEW.created_at := now_s;
    NEW.created_by := coalesce (who, NEW.created_by);
  ELSE
    IF OLD.status = 2 THEN
      RAISE EXCEPTION USING ERRCODE = 'check_violation',
        MESSAGE = 'a finished assessment is never changed: a change is a new version';
    END IF;
    IF NEW.case_id IS DISTINCT FROM OLD.case_id OR NEW.client_id IS DISTINCT FROM OLD.client_id
       OR NEW.version IS DISTINCT FROM OLD.version OR NEW.previous_id IS DISTINCT FROM OLD.previous_id
       OR NEW.change_reason IS DISTINCT FROM OLD.change_reason
       OR NEW.created_by IS DISTINCT FROM OLD.created_by OR NEW.created_at IS DISTINCT FROM OLD.created_at
       OR NEW.revision <= OLD.revision THEN
      RAISE EXCEPTION USING ERRCODE = 'check_violation',
        MESSAGE = 'an assessment''s case, person, version and author stay, and each save moves its revision on';
    END IF;
    IF NEW.status = 2 THEN
      NEW.finished_at := now_s;
      NEW.finished_by := coalesce (who, NEW.finished_by);
    END IF;
  END IF;
  NEW.updated_at := now_s;
  NEW.updated_by := coalesce (who, NEW.updated_by);
  -- 42 §, 46 §: a special-support client's assessment is finished by a
  -- social worker (or the lead social worker).
  IF NEW.status = 2 AND NEW.special_support = 1
     AND (SELECT role FROM users WHERE id = NEW.finished_by) NOT IN (3, 4) THEN
    RAISE EXCEPTION USING ERRCODE = 'check_violation',
      MESSAGE = 'an assessment that finds a need for special support is finished by a social worker';
  END IF;
  RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION assessment_parts_frozen () RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
BEGIN
  -- The copy writes a finished version, then its parts.
  IF TG_OP = 'INSERT' AND copying () THEN
    RETURN NEW;
  END IF;
  IF (TG_OP <> 'INSERT' AND (SELECT status FROM assessments WHERE id = OLD.assessment_id) = 2)
     OR (TG_OP <> 'DELETE' AND (SELECT status FROM assessments WHERE id = NEW.assessment_id) = 2) THEN
    RAISE EXCEPTION USING ERRCODE = 'check_violation',
      MESSAGE = 'a finished assessment is never changed: a change is a new version';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION copy_end () RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  t text;
  top bigint;
BEGIN
  IF NOT copying () THEN
    RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
      MESSAGE = 'this transaction is not copying a unit''s database';
  END IF;
  FOREACH t IN ARRAY ARRAY['users', 'services', 'clients', 'contacts', 'cases',
                           'contact_revisions', 'access_log', 'assessments']
  LOOP
    EXECUTE format ('SELECT max (id) FROM %I', t) INTO top;
    PERFORM setval (pg_get_serial_sequence (format ('kohtaamo.%I', t), 'id'),
                    coalesce (top, 1), top IS NOT NULL);
  END LOOP;
  ALTER TABLE clients ENABLE TRIGGER clients_tx_writes, ENABLE TRIGGER client_changes_clients;
  ALTER TABLE contacts ENABLE TRIGGER contacts_tx_writes, ENABLE TRIGGER client_changes_contacts;
  ALTER TABLE cases ENABLE TRIGGER cases_tx_writes, ENABLE TRIGGER client_changes_cases;
  ALTER TABLE contact_revisions ENABLE TRIGGER contact_revisions_tx_writes;
  DELETE FROM copy_marks WHERE xact = pg_current_xact_id ();
END
$$;

REVOKE ALL ON FUNCTION assessments_rules (), assessment_parts_frozen (), copy_end () FROM PUBLIC;

RESET ROLE;

INSERT INTO kohtaamo.schema_version (version, name) VALUES (14, '0014-assessments-copy');
