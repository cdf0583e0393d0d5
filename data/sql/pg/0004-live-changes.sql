-- 0004-live-changes.sql — PostgreSQL's side of data/sql/0019-live-changes.sql
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Issue 6, item 6, as on SQLite:
--
-- 1. clients.version: a save carries the version it started from and the
--    store updates "WHERE id = ? AND version = ?", adding one
--    (kh-db-clients.c); any change of a person's details that does not add
--    exactly one is refused here too, whoever writes.
--
-- 2. client_changes: for each person (0: an anonymous contact) the number
--    of the last change of their details, contacts or cases. Every such
--    change is also announced on the channel kohtaamo_changes with the
--    person's id as the payload (NOTIFY is delivered at commit, to the
--    sessions that LISTEN): the PostgreSQL engine's answer to
--    kh_db_poll_change, where SQLite reads PRAGMA data_version. The engine
--    learns whose details changed from the payloads
--    (KhDbEngine.changed_clients), so workers are granted nothing on the
--    table: it holds ids only, for the order of changes and for upkeep.

SET ROLE kohtaamo_owner;
SET search_path = kohtaamo, pg_catalog;

ALTER TABLE clients ADD COLUMN version bigint NOT NULL DEFAULT 1 CHECK (version >= 1);
-- Read with the details, and raised by one with every save (column grants
-- as 0001's for the other columns).
GRANT SELECT (version), UPDATE (version) ON clients TO kohtaamo_staff;

CREATE TRIGGER clients_version_grows
  BEFORE UPDATE OF identity_kind, identity_code, no_code_reason, birth_date, last_name,
                   first_names, language, other_language, interpreter, address,
                   postal_code, city, phone, phone_digits, email, created_at, updated_at,
                   non_disclosure, mother_tongue, other_mother_tongue,
                   representative_name, representative_contact, version
  ON clients
  FOR EACH ROW WHEN (new.version IS DISTINCT FROM old.version + 1)
  EXECUTE FUNCTION refuse ('a change of a person''s details adds one to clients.version');

CREATE TABLE client_changes (
  client_id  bigint PRIMARY KEY,
  seq        bigint NOT NULL UNIQUE CHECK (seq >= 1)
);
CREATE SEQUENCE client_changes_seq;

-- Runs as the owner: workers change people through the store and never
-- write this table themselves.
CREATE FUNCTION note_client_change (changed bigint) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = kohtaamo, pg_catalog AS $$
  INSERT INTO client_changes (client_id, seq) VALUES (changed, nextval ('client_changes_seq'))
    ON CONFLICT (client_id) DO UPDATE SET seq = excluded.seq;
  SELECT pg_notify ('kohtaamo_changes', changed::text);
$$;

CREATE FUNCTION client_changed () RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = kohtaamo, pg_catalog AS $$
BEGIN
  IF TG_TABLE_NAME = 'clients' THEN
    IF TG_OP = 'DELETE' THEN
      PERFORM note_client_change (old.id);
    ELSIF TG_OP = 'INSERT' OR new.version IS DISTINCT FROM old.version THEN
      PERFORM note_client_change (new.id);
    END IF;
  ELSE
    IF TG_OP <> 'INSERT' THEN
      PERFORM note_client_change (coalesce (old.client_id, 0));
    END IF;
    IF TG_OP <> 'DELETE'
       AND (TG_OP = 'INSERT' OR coalesce (new.client_id, 0) <> coalesce (old.client_id, 0)) THEN
      PERFORM note_client_change (coalesce (new.client_id, 0));
    END IF;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER client_changes_clients AFTER INSERT OR UPDATE OR DELETE ON clients
  FOR EACH ROW EXECUTE FUNCTION client_changed ();
CREATE TRIGGER client_changes_contacts AFTER INSERT OR UPDATE OR DELETE ON contacts
  FOR EACH ROW EXECUTE FUNCTION client_changed ();
CREATE TRIGGER client_changes_cases AFTER INSERT OR UPDATE OR DELETE ON cases
  FOR EACH ROW EXECUTE FUNCTION client_changed ();

RESET ROLE;

INSERT INTO kohtaamo.schema_version (version, name) VALUES (4, '0004-live-changes');
