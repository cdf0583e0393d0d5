-- 0022-user-changes.sql — who added or changed a user, and when
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Issue 6: a user's role decides what of the clients' data they read, so
-- a change of it is the unit's record as much as a read is. Each addition
-- or change of a user (kh_db_save_user: role, active, name) is a row here,
-- written by the store in the change's transaction with the administrator
-- who made it (changed_by; NULL for the first administrator of a new
-- database, who made themselves one) after the store has checked that
-- administrator's current row in users. Rows are never changed or
-- removed. On PostgreSQL (data/sql/pg/0011) a trigger on users writes
-- them, with the login that made the change, whatever program it was.

CREATE TABLE user_changes (
  id                  INTEGER PRIMARY KEY,
  at                  INTEGER NOT NULL,
  user_id             INTEGER NOT NULL REFERENCES users (id),
  role                INTEGER NOT NULL CHECK (role BETWEEN 1 AND 5),
  active              INTEGER NOT NULL CHECK (active IN (0, 1)),
  display_name        TEXT,
  changed_by          INTEGER REFERENCES users (id),
  changed_by_account  TEXT NOT NULL CHECK (length (changed_by_account) BETWEEN 1 AND 256)
) STRICT;

CREATE INDEX user_changes_user ON user_changes (user_id, at);

CREATE TRIGGER user_changes_no_update BEFORE UPDATE ON user_changes
BEGIN
  SELECT RAISE (ABORT, 'a change of a user is recorded once and kept');
END;

CREATE TRIGGER user_changes_no_delete BEFORE DELETE ON user_changes
BEGIN
  SELECT RAISE (ABORT, 'a change of a user is recorded once and kept');
END;
