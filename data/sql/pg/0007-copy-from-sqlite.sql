-- 0007-copy-from-sqlite.sql — moving a unit's SQLite database onto the server
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Applied as 0001 says (a superuser, one transaction).
--
-- `kohtaamo-admin copy --from FILE.db --to URL` (src/store/kh-db-copy.c)
-- moves a unit's SQLite database into a database that "server init"
-- prepared, in ONE transaction of the server's superuser: everything or
-- nothing. Its rows pass the same constraints and triggers as any other
-- (the server's rules are checked again on the unit's data), with two
-- exceptions that only such a transaction gets, and only while it runs:
--
-- * The access log keeps its history. A copied row keeps its seq, time,
--   user, prev_hash and hash as the file had them, so that the chain the
--   file's checkpoints vouch for goes on unchanged on the server; the
--   chain's end (access_log_head) moves to each copied row; the rows written
--   after it (the copy's own row first) are chained by the server as
--   always. A copied row comes after the end it finds, or is refused.
-- * The database's identity (settings "database_id", written once) becomes
--   the file's: the log's checkpoints name it, and the log has moved.
--
-- Which transaction is the copy: kohtaamo.copy_begin() marks it in
-- copy_marks and kohtaamo.copy_end() removes the mark before the commit.
-- Neither function, nor the table, is granted to any role: only the owner
-- and the superuser reach them, never a worker's login. copy_begin refuses
-- a database that already holds a unit's data and locks the tables against
-- writers until the commit.

SET ROLE kohtaamo_owner;
SET search_path = kohtaamo, pg_catalog;

CREATE TABLE copy_marks (
  xact  xid8 PRIMARY KEY
);

-- Whether this transaction is copying a unit's database in.
CREATE FUNCTION copying () RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM copy_marks WHERE xact = pg_current_xact_id_if_assigned ())
$$;

-- Each copy, as its administrator ran it: append-only, read by the lead
-- social worker and the administrator. broken_seq and broken_problem say
-- that the file's log was not intact and the copy went on anyway
-- (--accept-broken-log): the first row found changed or missing there.
CREATE TABLE log_copies (
  id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  copied_at           bigint NOT NULL DEFAULT floor (extract (epoch FROM clock_timestamp ()))::bigint,
  copied_by           bigint NOT NULL REFERENCES users (id),
  source              text NOT NULL CHECK (length (source) > 0),
  log_rows            bigint NOT NULL CHECK (log_rows >= 0),
  last_seq            bigint NOT NULL CHECK (last_seq >= 0),
  last_hash           text NOT NULL CHECK (last_hash ~ '^[0-9a-f]{64}$'),
  broken_seq          bigint,
  broken_problem      text,
  CHECK ((broken_seq IS NULL) = (broken_problem IS NULL))
);

CREATE TRIGGER log_copies_no_update BEFORE UPDATE ON log_copies
  FOR EACH ROW EXECUTE FUNCTION refuse ('the record of a copy is never changed');
CREATE TRIGGER log_copies_no_delete BEFORE DELETE ON log_copies
  FOR EACH ROW EXECUTE FUNCTION refuse ('the record of a copy is never removed');
CREATE TRIGGER log_copies_no_truncate BEFORE TRUNCATE ON log_copies
  FOR EACH STATEMENT EXECUTE FUNCTION refuse ('the record of a copy is never removed');

-- The start of a copy: the database holds no unit's data yet (what "server
-- init" and "users" make — users, the default directory and settings — is
-- replaced or kept by the copy), nobody writes until the commit, and the
-- transaction is marked.
CREATE FUNCTION copy_begin () RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE users, settings, closed_days, services, clients, contacts, cases,
             contact_revisions, access_log, access_log_head, log_copies IN EXCLUSIVE MODE;
  IF EXISTS (SELECT 1 FROM clients) OR EXISTS (SELECT 1 FROM contacts)
     OR EXISTS (SELECT 1 FROM cases) OR EXISTS (SELECT 1 FROM contact_revisions)
     OR EXISTS (SELECT 1 FROM closed_days) OR EXISTS (SELECT 1 FROM access_log)
     OR EXISTS (SELECT 1 FROM log_copies)
     OR (SELECT seq FROM access_log_head WHERE one = 1) <> 0 THEN
    RAISE EXCEPTION USING ERRCODE = 'object_not_in_prerequisite_state',
      MESSAGE = 'the database on the server already holds a unit''s data';
  END IF;
  INSERT INTO copy_marks (xact) VALUES (pg_current_xact_id ());
  -- Bookkeeping for desks at work, not rules: a row's own transaction
  -- marks (tx_writes, for RLS) and the changes announced to the other desks
  -- (0004) serve nobody while the tables are locked, and per row they cost
  -- minutes on 100 000 people. Off for this transaction only: copy_end
  -- turns them on again before the commit, and a rollback does too.
  ALTER TABLE clients DISABLE TRIGGER clients_tx_writes, DISABLE TRIGGER client_changes_clients;
  ALTER TABLE contacts DISABLE TRIGGER contacts_tx_writes, DISABLE TRIGGER client_changes_contacts;
  ALTER TABLE cases DISABLE TRIGGER cases_tx_writes, DISABLE TRIGGER client_changes_cases;
  ALTER TABLE contact_revisions DISABLE TRIGGER contact_revisions_tx_writes;
END
$$;

-- The end of a copy, before its commit: the ids made from now on come
-- after the copied ones, and the mark goes.
CREATE FUNCTION copy_end () RETURNS void
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
                           'contact_revisions', 'access_log']
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

-- 0001's chain, with the copy's rows kept as they were.
CREATE OR REPLACE FUNCTION access_log_chain () RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
DECLARE
  head access_log_head;
BEGIN
  SELECT * INTO STRICT head FROM access_log_head WHERE one = 1 FOR UPDATE;
  NEW.xact := pg_current_xact_id ();
  IF NEW.seq IS NOT NULL AND copying () THEN
    IF NEW.seq <= head.seq OR NEW.at IS NULL OR NEW.prev_hash IS NULL OR NEW.hash IS NULL THEN
      RAISE EXCEPTION USING ERRCODE = 'check_violation',
        MESSAGE = format ('a copied log row comes after the end of the log, whole (row %s after row %s)',
                          NEW.seq, head.seq);
    END IF;
    UPDATE access_log_head SET seq = NEW.seq, hash = NEW.hash WHERE one = 1;
    RETURN NEW;
  END IF;
  NEW.seq := head.seq + 1;
  NEW.prev_hash := head.hash;
  -- The server's clock, read after the lock: times never go back along seq.
  NEW.at := floor (extract (epoch FROM clock_timestamp ()))::bigint;
  NEW.hash := access_log_row_hash (NEW.seq, NEW.at, NEW.user_id, NEW.client_id,
                                   NEW.what, NEW.basis, NEW.prev_hash);
  UPDATE access_log_head SET seq = NEW.seq, hash = NEW.hash WHERE one = 1;
  RETURN NEW;
END
$$;

-- 0005's identity, which a copy replaces with the file's.
CREATE OR REPLACE FUNCTION settings_database_id () RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
BEGIN
  IF NOT copying ()
     AND ((TG_OP = 'INSERT' AND NEW.key = 'database_id'
           AND EXISTS (SELECT 1 FROM settings WHERE key = 'database_id'))
          OR (TG_OP = 'UPDATE' AND (OLD.key = 'database_id' OR NEW.key = 'database_id'))
          OR (TG_OP = 'DELETE' AND OLD.key = 'database_id')) THEN
    RAISE EXCEPTION USING ERRCODE = 'check_violation', MESSAGE = 'the database identity is written once';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;

-- The walk of 0005's verify_access_log () without its check of the caller,
-- for the copy (whose superuser is no Kohtaamo user), which compares it
-- with what the file's walk found (kh_db_verify_access_log): kind is NULL
-- for an intact chain, else 'missing' (rows first_bad_seq … found_seq - 1
-- are not there), 'changed' (the row no longer gives its hash) or
-- 'relinked' (its prev_hash is not the row before's hash), checked in that
-- order as kh-db-log.c does.
CREATE FUNCTION access_log_walk (OUT rows_checked bigint, OUT first_bad_seq bigint,
                                 OUT found_seq bigint, OUT kind text, OUT problem text,
                                 OUT last_hash text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
DECLARE
  r record;
  head access_log_head;
  prev text := repeat ('0', 64);
  n bigint := 0;
BEGIN
  rows_checked := 0;
  FOR r IN SELECT seq, at, user_id, client_id, what, basis, prev_hash, hash
           FROM access_log ORDER BY seq
  LOOP
    n := n + 1;
    IF r.seq <> n THEN
      first_bad_seq := n;
      found_seq := r.seq;
      kind := 'missing';
      problem := format ('row %s is missing', n);
      RETURN;
    END IF;
    IF r.hash <> access_log_row_hash (r.seq, r.at, r.user_id, r.client_id, r.what, r.basis, r.prev_hash) THEN
      first_bad_seq := n;
      kind := 'changed';
      problem := format ('row %s was changed', n);
      RETURN;
    END IF;
    IF r.prev_hash <> prev THEN
      first_bad_seq := n;
      kind := 'relinked';
      problem := format ('row %s does not follow row %s', n, n - 1);
      RETURN;
    END IF;
    prev := r.hash;
    rows_checked := n;
    last_hash := prev;
  END LOOP;
  SELECT * INTO head FROM access_log_head WHERE one = 1;
  IF head.seq <> n OR head.hash <> prev THEN
    -- Rows cut off the end: the chain's end names a later row.
    first_bad_seq := n + 1;
    found_seq := head.seq + 1;
    kind := 'missing';
    problem := format ('the log ends at row %s, but row %s was written', n, head.seq);
  END IF;
END
$$;

REVOKE ALL ON TABLE copy_marks, log_copies FROM PUBLIC;
REVOKE UPDATE, DELETE, TRUNCATE ON log_copies FROM kohtaamo_owner;
REVOKE ALL ON FUNCTION copying (), copy_begin (), copy_end (), access_log_walk () FROM PUBLIC;
GRANT SELECT ON log_copies TO kohtaamo_lead, kohtaamo_admin;

RESET ROLE;

INSERT INTO kohtaamo.schema_version (version, name) VALUES (7, '0007-copy-from-sqlite');
