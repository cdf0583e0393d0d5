-- 0019-live-changes.sql — live across desks, and no save over another's
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Issue 6, item 6. Two things the store needs when several desks share one
-- database:
--
-- 1. clients.version: the number of the person's details as they were
--    read. A save carries the version it started from, and the store
--    updates only "WHERE id = ? AND version = ?" (kh-db-clients.c), adding
--    one; a save from an older version is refused (KH_STORE_ERROR_STALE),
--    so that nobody's change is silently overwritten. The trigger restates
--    it for any statement: a change of a person's details that does not
--    add exactly one to the version is refused. (Rewriting only the name
--    keys, as kh-db.c does after a migration, is not a change of details.)
--
-- 2. client_changes: for each person, the sequence number of the last
--    commit that changed their details, contacts or cases (client_id 0:
--    an anonymous contact). When another desk's commit is noticed (PRAGMA
--    data_version, kh-db-changes.c), the store reads the rows past the last
--    number it saw, and so knows whether the reception lists and whose open
--    page to read again, without reading anyone's data; a commit that only
--    wrote access-log rows (every read does) names nobody, and nothing is
--    read again. One row per person: the table never grows past the
--    clients table.

ALTER TABLE clients ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);

CREATE TRIGGER clients_version_grows
  BEFORE UPDATE OF identity_kind, identity_code, no_code_reason, birth_date, last_name,
                   first_names, language, other_language, interpreter, address,
                   postal_code, city, phone, phone_digits, email, created_at, updated_at,
                   non_disclosure, mother_tongue, other_mother_tongue,
                   representative_name, representative_contact, version
  ON clients
  WHEN new.version IS NOT old.version + 1
BEGIN
  SELECT RAISE (ABORT, 'a change of a person''s details adds one to clients.version');
END;

CREATE TABLE client_changes (
  client_id  INTEGER PRIMARY KEY,
  seq        INTEGER NOT NULL UNIQUE CHECK (seq >= 1)
) STRICT;

CREATE TRIGGER client_changes_clients_insert AFTER INSERT ON clients
BEGIN
  INSERT INTO client_changes (client_id, seq)
    VALUES (new.id, (SELECT coalesce (max (seq), 0) + 1 FROM client_changes))
    ON CONFLICT (client_id) DO UPDATE SET seq = excluded.seq;
END;

CREATE TRIGGER client_changes_clients_update AFTER UPDATE ON clients
  WHEN new.version IS NOT old.version
BEGIN
  INSERT INTO client_changes (client_id, seq)
    VALUES (new.id, (SELECT coalesce (max (seq), 0) + 1 FROM client_changes))
    ON CONFLICT (client_id) DO UPDATE SET seq = excluded.seq;
END;

CREATE TRIGGER client_changes_clients_delete AFTER DELETE ON clients
BEGIN
  INSERT INTO client_changes (client_id, seq)
    VALUES (old.id, (SELECT coalesce (max (seq), 0) + 1 FROM client_changes))
    ON CONFLICT (client_id) DO UPDATE SET seq = excluded.seq;
END;

CREATE TRIGGER client_changes_contacts_insert AFTER INSERT ON contacts
BEGIN
  INSERT INTO client_changes (client_id, seq)
    VALUES (coalesce (new.client_id, 0), (SELECT coalesce (max (seq), 0) + 1 FROM client_changes))
    ON CONFLICT (client_id) DO UPDATE SET seq = excluded.seq;
END;

CREATE TRIGGER client_changes_contacts_update AFTER UPDATE ON contacts
BEGIN
  INSERT INTO client_changes (client_id, seq)
    VALUES (coalesce (new.client_id, 0), (SELECT coalesce (max (seq), 0) + 1 FROM client_changes))
    ON CONFLICT (client_id) DO UPDATE SET seq = excluded.seq;
  -- A contact corrected over to another person: the first one's page too.
  INSERT INTO client_changes (client_id, seq)
    SELECT coalesce (old.client_id, 0), (SELECT coalesce (max (seq), 0) + 1 FROM client_changes)
     WHERE coalesce (old.client_id, 0) <> coalesce (new.client_id, 0)
    ON CONFLICT (client_id) DO UPDATE SET seq = excluded.seq;
END;

CREATE TRIGGER client_changes_contacts_delete AFTER DELETE ON contacts
BEGIN
  INSERT INTO client_changes (client_id, seq)
    VALUES (coalesce (old.client_id, 0), (SELECT coalesce (max (seq), 0) + 1 FROM client_changes))
    ON CONFLICT (client_id) DO UPDATE SET seq = excluded.seq;
END;

CREATE TRIGGER client_changes_cases_insert AFTER INSERT ON cases
BEGIN
  INSERT INTO client_changes (client_id, seq)
    VALUES (new.client_id, (SELECT coalesce (max (seq), 0) + 1 FROM client_changes))
    ON CONFLICT (client_id) DO UPDATE SET seq = excluded.seq;
END;

CREATE TRIGGER client_changes_cases_update AFTER UPDATE ON cases
BEGIN
  INSERT INTO client_changes (client_id, seq)
    VALUES (new.client_id, (SELECT coalesce (max (seq), 0) + 1 FROM client_changes))
    ON CONFLICT (client_id) DO UPDATE SET seq = excluded.seq;
END;

CREATE TRIGGER client_changes_cases_delete AFTER DELETE ON cases
BEGIN
  INSERT INTO client_changes (client_id, seq)
    VALUES (old.client_id, (SELECT coalesce (max (seq), 0) + 1 FROM client_changes))
    ON CONFLICT (client_id) DO UPDATE SET seq = excluded.seq;
END;
