-- 0029-responsible-workers.sql — the person's named responsible worker
-- (omatyöntekijä / egen kontaktperson, Social Welfare Act 42 §; issue 7, 2)
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Each naming is a row; the newest row of a person (by id) is the current
-- one, and the rows before it say who it was and since when. A row names a
-- worker, or nobody with the reason why (42 § 1 mom: another responsible
-- worker is already named, or naming one is manifestly unnecessary). Who
-- named and when are the store's (the acting user, its clock). Rows are
-- never changed or removed. The rules of src/core/kh-responsible-worker.c
-- are restated below for any program that writes: the one named is an
-- active counsellor, social worker or lead social worker (KhRole 2–4), and
-- a social worker or the lead (3–4) when the person's latest finished
-- assessment found a need for special support (42 § 3 mom); the one who
-- names has one of those roles too. Keep in sync with
-- data/sql/pg/0023-responsible-workers.sql.

CREATE TABLE responsible_workers (
  id          INTEGER PRIMARY KEY,
  client_id   INTEGER NOT NULL REFERENCES clients (id),
  worker_id   INTEGER REFERENCES users (id),
  reason      TEXT CHECK (reason IS NULL OR (length (trim (reason)) >= 1 AND length (reason) <= 1000)),
  named_by    INTEGER NOT NULL REFERENCES users (id),
  named_at    INTEGER NOT NULL,
  CHECK ((worker_id IS NULL) = (reason IS NOT NULL))
) STRICT;

CREATE INDEX responsible_workers_client ON responsible_workers (client_id, id);
CREATE INDEX responsible_workers_worker ON responsible_workers (worker_id);

CREATE TRIGGER responsible_workers_insert BEFORE INSERT ON responsible_workers
  WHEN (SELECT role FROM users WHERE id = NEW.named_by) NOT IN (2, 3, 4)
    OR (NEW.worker_id IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id = NEW.worker_id AND u.active = 1
                        AND u.role IN (2, 3, 4)))
BEGIN
  SELECT RAISE (ABORT, 'a responsible worker is an active counsellor, social worker or lead social worker, named by one');
END;

CREATE TRIGGER responsible_workers_special_support BEFORE INSERT ON responsible_workers
  WHEN NEW.worker_id IS NOT NULL
    AND (SELECT role FROM users WHERE id = NEW.worker_id) = 2
    AND (SELECT a.special_support FROM assessments a
         WHERE a.client_id = NEW.client_id AND a.status = 2
         ORDER BY a.finished_at DESC, a.id DESC LIMIT 1) = 1
BEGIN
  SELECT RAISE (ABORT, 'a client who needs special support has a social worker as responsible worker');
END;

CREATE TRIGGER responsible_workers_no_update BEFORE UPDATE ON responsible_workers
BEGIN
  SELECT RAISE (ABORT, 'a naming of a responsible worker is kept as it was made: a change is a new naming');
END;

CREATE TRIGGER responsible_workers_no_delete BEFORE DELETE ON responsible_workers
BEGIN
  SELECT RAISE (ABORT, 'a naming of a responsible worker is kept as it was made: a change is a new naming');
END;

-- Another desk's open client page follows a new naming (0019).
CREATE TRIGGER client_changes_responsible_workers_insert AFTER INSERT ON responsible_workers
BEGIN
  INSERT INTO client_changes (client_id, seq)
    VALUES (new.client_id, (SELECT coalesce (max (seq), 0) + 1 FROM client_changes))
    ON CONFLICT (client_id) DO UPDATE SET seq = excluded.seq;
END;
