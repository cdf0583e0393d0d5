-- 0027-case-notes.sql — case notes (asiakaskertomus entries) and the
-- person's timeline (issue 7, 2)
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- A case note is a short entry a social worker or counsellor writes on the
-- client page for one of the person's cases. Notes are append-only: nothing
-- changes or removes one (the triggers below, whatever program writes); a
-- correction is a new note that names the note it corrects (`corrects_id`,
-- a note of the same case). Who wrote it and when are the store's (the
-- acting user, its clock), never the form's. Keep in sync with
-- src/core/kh-timeline.h (KH_CASE_NOTE_MAX) and data/sql/pg/0019-case-notes.sql.
--
-- Reading the timeline with its notes is logged as what 12 ("timeline"),
-- listing a person's meetings as what 13 ("meetings"): the access log's
-- CHECK is widened, which SQLite does by copying the
-- table as 0021 did (its rows, numbers and hashes unchanged; the triggers
-- of 0017 again).

CREATE TABLE access_log_new (
  id         INTEGER PRIMARY KEY,
  at         INTEGER NOT NULL,
  user_id    INTEGER NOT NULL REFERENCES users (id),
  client_id  INTEGER,
  what       INTEGER NOT NULL CHECK (what BETWEEN 1 AND 13),   -- KhAccessWhat
  basis      INTEGER NOT NULL CHECK (basis BETWEEN 1 AND 4),   -- KhAccessBasis
  seq        INTEGER NOT NULL UNIQUE CHECK (seq >= 1),
  prev_hash  TEXT NOT NULL CHECK (length (prev_hash) = 64 AND prev_hash NOT GLOB '*[^0-9a-f]*'),
  hash       TEXT NOT NULL CHECK (length (hash) = 64 AND hash NOT GLOB '*[^0-9a-f]*')
) STRICT;

INSERT INTO access_log_new (id, at, user_id, client_id, what, basis, seq, prev_hash, hash)
  SELECT id, at, user_id, client_id, what, basis, seq, prev_hash, hash FROM access_log;

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

CREATE TRIGGER access_log_chain_insert BEFORE INSERT ON access_log
  WHEN NEW.seq IS NOT coalesce ((SELECT max (seq) FROM access_log), 0) + 1
    OR NEW.prev_hash IS NOT coalesce ((SELECT hash FROM access_log ORDER BY seq DESC LIMIT 1),
                                      '0000000000000000000000000000000000000000000000000000000000000000')
BEGIN
  SELECT RAISE (ABORT, 'an access-log row continues the chain: the next seq after the newest row, and its hash as prev_hash');
END;

-- ---- case notes ----

CREATE TABLE case_notes (
  id           INTEGER PRIMARY KEY,
  case_id      INTEGER NOT NULL REFERENCES cases (id),
  client_id    INTEGER NOT NULL REFERENCES clients (id),
  body         TEXT NOT NULL CHECK (length (trim (body)) >= 1 AND length (body) <= 4000),
  corrects_id  INTEGER REFERENCES case_notes (id),
  written_by   INTEGER NOT NULL REFERENCES users (id),
  written_at   INTEGER NOT NULL
) STRICT;

CREATE INDEX case_notes_client ON case_notes (client_id, written_at);
CREATE INDEX case_notes_case ON case_notes (case_id);

-- A note belongs to its case's person, and corrects a note of the same case.
CREATE TRIGGER case_notes_insert BEFORE INSERT ON case_notes
  WHEN NEW.client_id IS NOT (SELECT client_id FROM cases WHERE id = NEW.case_id)
    OR (NEW.corrects_id IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM case_notes n
                        WHERE n.id = NEW.corrects_id AND n.case_id = NEW.case_id))
BEGIN
  SELECT RAISE (ABORT, 'a case note belongs to its case''s person, and corrects a note of the same case');
END;

CREATE TRIGGER case_notes_no_update BEFORE UPDATE ON case_notes
BEGIN
  SELECT RAISE (ABORT, 'a case note is never changed: a correction is a new note');
END;

CREATE TRIGGER case_notes_no_delete BEFORE DELETE ON case_notes
BEGIN
  SELECT RAISE (ABORT, 'a case note is never removed: a correction is a new note');
END;

-- Another desk's open client page follows a new note (0019).
CREATE TRIGGER client_changes_case_notes_insert AFTER INSERT ON case_notes
BEGIN
  INSERT INTO client_changes (client_id, seq)
    VALUES (new.client_id, (SELECT coalesce (max (seq), 0) + 1 FROM client_changes))
    ON CONFLICT (client_id) DO UPDATE SET seq = excluded.seq;
END;
