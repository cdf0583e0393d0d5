-- 0020-copy-every-table.sql — kohtaamo-admin copy takes every table of
-- the unit's file: the record of user changes and the case notes too
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Applied as 0001 says (a superuser, one transaction).
--
-- The copy (src/store/kh-db-copy.c, 0007) left user_changes (0012) and
-- case_notes (0019) behind. Now it writes them with their ids, so:
--
-- * While a copy runs, the trigger on users writes no user_changes row of
--   its own: the file's rows say who changed whom and when, and the copy
--   (kh-db-copy.c, copy_users) writes, after them, the server's earlier
--   rows for its own users and one row for each user whom the copy left
--   otherwise than their last row says, in the copy's name (session_user).
-- * copy_begin locks every table a copy writes, refuses a database that
--   already holds case notes or a record of user changes beyond what
--   "server init" and "users" make, and turns off the announcement of
--   changes for case notes too (0004, per row; nobody listens while the
--   tables are locked); copy_end turns it on again.
-- * copy_end moves the ids of case notes and user changes past the
--   copied ones as it does for the other tables.

SET ROLE kohtaamo_owner;
SET search_path = kohtaamo, pg_catalog;

CREATE OR REPLACE FUNCTION user_changed () RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
BEGIN
  -- A copy writes the file's record and its own (kh-db-copy.c).
  IF copying () THEN
    RETURN NULL;
  END IF;
  INSERT INTO user_changes (at, user_id, role, active, display_name, changed_by, changed_by_account)
    VALUES (floor (extract (epoch FROM now ()))::bigint, new.id, new.role, new.active,
            new.display_name,
            (SELECT id FROM users WHERE account = session_user),
            session_user);
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION copy_begin () RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE teams, users, user_changes, settings, closed_days, services, clients, contacts,
             cases, contact_revisions, assessments, assessment_participants, assessment_areas,
             service_points, service_point_hours, appointments, case_notes, access_log,
             access_log_head, log_copies IN EXCLUSIVE MODE;
  IF EXISTS (SELECT 1 FROM clients) OR EXISTS (SELECT 1 FROM contacts)
     OR EXISTS (SELECT 1 FROM cases) OR EXISTS (SELECT 1 FROM contact_revisions)
     OR EXISTS (SELECT 1 FROM closed_days) OR EXISTS (SELECT 1 FROM access_log)
     OR EXISTS (SELECT 1 FROM log_copies) OR EXISTS (SELECT 1 FROM case_notes)
     OR EXISTS (SELECT 1 FROM assessments) OR EXISTS (SELECT 1 FROM appointments)
     OR EXISTS (SELECT 1 FROM service_points)
     OR (SELECT seq FROM access_log_head WHERE one = 1) <> 0 THEN
    RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
      MESSAGE = 'the database on the server already holds a unit''s data';
  END IF;
  INSERT INTO copy_marks (xact) VALUES (pg_current_xact_id ());
  -- As 0007: the desks' bookkeeping, off for this transaction only.
  ALTER TABLE clients DISABLE TRIGGER clients_tx_writes, DISABLE TRIGGER client_changes_clients;
  ALTER TABLE contacts DISABLE TRIGGER contacts_tx_writes, DISABLE TRIGGER client_changes_contacts;
  ALTER TABLE cases DISABLE TRIGGER cases_tx_writes, DISABLE TRIGGER client_changes_cases;
  ALTER TABLE contact_revisions DISABLE TRIGGER contact_revisions_tx_writes;
  ALTER TABLE case_notes DISABLE TRIGGER client_changes_case_notes;
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
  FOREACH t IN ARRAY ARRAY['teams', 'users', 'user_changes', 'services', 'clients', 'contacts',
                           'cases', 'contact_revisions', 'access_log', 'assessments',
                           'service_points', 'appointments', 'case_notes']
  LOOP
    EXECUTE format ('SELECT max (id) FROM %I', t) INTO top;
    PERFORM setval (pg_get_serial_sequence (format ('kohtaamo.%I', t), 'id'),
                    coalesce (top, 1), top IS NOT NULL);
  END LOOP;
  ALTER TABLE clients ENABLE TRIGGER clients_tx_writes, ENABLE TRIGGER client_changes_clients;
  ALTER TABLE contacts ENABLE TRIGGER contacts_tx_writes, ENABLE TRIGGER client_changes_contacts;
  ALTER TABLE cases ENABLE TRIGGER cases_tx_writes, ENABLE TRIGGER client_changes_cases;
  ALTER TABLE contact_revisions ENABLE TRIGGER contact_revisions_tx_writes;
  ALTER TABLE case_notes ENABLE TRIGGER client_changes_case_notes;
  DELETE FROM copy_marks WHERE xact = pg_current_xact_id ();
END
$$;

REVOKE ALL ON FUNCTION copy_begin (), copy_end () FROM PUBLIC;

RESET ROLE;

INSERT INTO kohtaamo.schema_version (version, name) VALUES (20, '0020-copy-every-table');
