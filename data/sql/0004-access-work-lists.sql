-- 0004-access-work-lists.sql — log the people shown in reception's work lists
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- The day's contacts and the queue show names and reasons for contact, so
-- showing them is a read of personal data and is logged (KH_ACCESS_WORK_LIST,
-- 8). Reading the log itself (KH_ACCESS_ACCESS_LOG, 7) moves into
-- KhAccessWhat. SQLite cannot widen a CHECK in place: the table is rebuilt
-- with every row kept. Dropping it fires no DELETE trigger.

CREATE TABLE access_log_new (
  id         INTEGER PRIMARY KEY,
  at         INTEGER NOT NULL,
  user_id    INTEGER NOT NULL REFERENCES users (id),
  client_id  INTEGER,
  what       INTEGER NOT NULL CHECK (what BETWEEN 1 AND 8),    -- KhAccessWhat
  basis      INTEGER NOT NULL CHECK (basis BETWEEN 1 AND 4)    -- KhAccessBasis
) STRICT;

INSERT INTO access_log_new (id, at, user_id, client_id, what, basis)
  SELECT id, at, user_id, client_id, what, basis FROM access_log;

DROP TABLE access_log;
ALTER TABLE access_log_new RENAME TO access_log;

CREATE INDEX access_log_client ON access_log (client_id, at);
CREATE INDEX access_log_at ON access_log (at);

CREATE TRIGGER access_log_no_update BEFORE UPDATE ON access_log
BEGIN
  SELECT RAISE (ABORT, 'the access log is append-only');
END;

CREATE TRIGGER access_log_no_delete BEFORE DELETE ON access_log
BEGIN
  SELECT RAISE (ABORT, 'the access log is append-only');
END;
