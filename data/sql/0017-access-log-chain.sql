-- 0017-access-log-chain.sql — the access log as a hash chain
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- ATL 703/2023 (domain-law.md 4.1): the log is kept for 12 years and the
-- client has a right to it. The triggers below stop the program and anyone
-- who does not drop them; a person with the file can drop them, so each row
-- also carries its place in a chain (issue 6, item 4), and a row changed,
-- inserted or deleted afterwards is found by `kohtaamo-admin log verify`:
--
--   seq        1, 2, 3 … without gaps, in the order the rows were written
--   prev_hash  the hash of row seq - 1 (64 zeros for seq 1)
--   hash       lower-hex SHA-256 of "kohtaamo-log-v1|seq|at|user_id|
--              client_id or empty|what|basis|prev_hash" (src/core/kh-log-chain.c)
--
-- SQLite has no SHA-256, so the program computes the hash
-- (_kh_db_log_access, in the row's transaction). For the rows already in the
-- log, kh-db-sqlite.c (chain_access_log) computes the chain in order of id
-- just before this file runs, into temp.access_log_chain, in the
-- migration's transaction. Run on its own (a schema check), the file makes
-- that table empty itself: fine for an empty log, and a log with rows then
-- stops at NOT NULL below rather than lose them.

CREATE TEMP TABLE IF NOT EXISTS access_log_chain (
  id         INTEGER PRIMARY KEY,
  seq        INTEGER,
  prev_hash  TEXT,
  hash       TEXT
);

CREATE TABLE access_log_new (
  id         INTEGER PRIMARY KEY,
  at         INTEGER NOT NULL,
  user_id    INTEGER NOT NULL REFERENCES users (id),
  client_id  INTEGER,
  what       INTEGER NOT NULL CHECK (what BETWEEN 1 AND 10),   -- KhAccessWhat
  basis      INTEGER NOT NULL CHECK (basis BETWEEN 1 AND 4),   -- KhAccessBasis
  seq        INTEGER NOT NULL UNIQUE CHECK (seq >= 1),
  prev_hash  TEXT NOT NULL CHECK (length (prev_hash) = 64 AND prev_hash NOT GLOB '*[^0-9a-f]*'),
  hash       TEXT NOT NULL CHECK (length (hash) = 64 AND hash NOT GLOB '*[^0-9a-f]*')
) STRICT;

-- A row the C step did not chain has NULLs here, and NOT NULL stops the
-- migration rather than lose it.
INSERT INTO access_log_new (id, at, user_id, client_id, what, basis, seq, prev_hash, hash)
  SELECT l.id, l.at, l.user_id, l.client_id, l.what, l.basis, c.seq, c.prev_hash, c.hash
  FROM access_log l LEFT JOIN temp.access_log_chain c ON c.id = l.id;

DROP TABLE temp.access_log_chain;
DROP TABLE access_log;
ALTER TABLE access_log_new RENAME TO access_log;

CREATE INDEX access_log_client ON access_log (client_id, at);
CREATE INDEX access_log_at ON access_log (at);
CREATE INDEX access_log_user ON access_log (user_id, at);
CREATE INDEX access_log_what ON access_log (what, at);

CREATE TRIGGER access_log_no_update BEFORE UPDATE ON access_log
BEGIN
  SELECT RAISE (ABORT, 'the access log is append-only');
END;

CREATE TRIGGER access_log_no_delete BEFORE DELETE ON access_log
BEGIN
  SELECT RAISE (ABORT, 'the access log is append-only');
END;

-- A new row continues the chain: the next number after the newest row, and
-- that row's hash. The hash itself SQLite cannot check; `log verify` does.
-- This also refuses INSERT OR REPLACE over an existing row's number (its
-- REPLACE would delete the old row without the DELETE trigger).
CREATE TRIGGER access_log_chain_insert BEFORE INSERT ON access_log
  WHEN NEW.seq IS NOT coalesce ((SELECT max (seq) FROM access_log), 0) + 1
    OR NEW.prev_hash IS NOT coalesce ((SELECT hash FROM access_log ORDER BY seq DESC LIMIT 1),
                                      '0000000000000000000000000000000000000000000000000000000000000000')
BEGIN
  SELECT RAISE (ABORT, 'an access-log row continues the chain: the next seq after the newest row, and its hash as prev_hash');
END;

-- The database's identity, written once: a checkpoint of the log names it,
-- so that a checkpoint is never checked against another unit's database. A
-- copy (backup, restore) is the same database and keeps it.
INSERT INTO settings (key, value) VALUES ('database_id', lower (hex (randomblob (16))));

CREATE TRIGGER settings_database_id_insert BEFORE INSERT ON settings
  WHEN NEW.key = 'database_id' AND EXISTS (SELECT 1 FROM settings WHERE key = 'database_id')
BEGIN
  SELECT RAISE (ABORT, 'the database identity is written once');
END;

CREATE TRIGGER settings_database_id_update BEFORE UPDATE ON settings
  WHEN OLD.key = 'database_id' OR NEW.key = 'database_id'
BEGIN
  SELECT RAISE (ABORT, 'the database identity is written once');
END;

CREATE TRIGGER settings_database_id_delete BEFORE DELETE ON settings
  WHEN OLD.key = 'database_id'
BEGIN
  SELECT RAISE (ABORT, 'the database identity is written once');
END;
