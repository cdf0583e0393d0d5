-- 0034-network.sql — the client's network: the people and agencies around
-- a client, the client's consents, and dated versions of the network
-- (issue 9, 1)
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Everything here is append-only: no row is ever changed or removed (the
-- triggers below, whatever program writes).
--
-- - network_members: an entry of one client's network, its kind fixed.
-- - network_member_revisions: each saved state of an entry, numbered
--   1, 2, 3 … per entry; the highest is the entry as it stands. A change
--   is a new revision, and so is a removal (removed = 1: the last one, the
--   entry kept, marked). The earlier revisions are the entry's history.
-- - network_consents: a consent the client gave for one entry (scope,
--   the day given, the last day in force); never changed.
-- - network_consent_withdrawals: the withdrawal of a consent, beside it:
--   the consent is kept as it was given.
-- - network_versions and network_version_members: a dated version of the
--   network (a client plan's review takes one): the revisions that stood
--   then, sealed by their count (members): no row joins a version later.
--
-- Who saved what and when are the store's (the acting user, checked
-- against the users table, and its clock), never the form's; the writer
-- is an active social counsellor, social worker or lead social worker
-- (KhRole 2–4, kh_network_may_keep). Reading a person's network is logged
-- as what 15 (KhAccessWhat); what 16 is the client plan's (issue 9, 3),
-- so the access log's CHECK is widened here once for both.
--
-- Keep in sync with src/core/kh-network.h (codes, bounds, who) and
-- data/sql/pg/0030-network.sql.

-- ---- the access log takes what 15 and 16 ----
--
-- SQLite cannot change a CHECK: the table is copied as 0031 did (its
-- rows, numbers and hashes unchanged; the triggers of 0017 again).

CREATE TABLE access_log_new (
  id         INTEGER PRIMARY KEY,
  at         INTEGER NOT NULL,
  user_id    INTEGER NOT NULL REFERENCES users (id),
  client_id  INTEGER,
  what       INTEGER NOT NULL CHECK (what BETWEEN 1 AND 16),   -- KhAccessWhat
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

-- ---- the entries ----

CREATE TABLE network_members (
  id          INTEGER PRIMARY KEY,
  client_id   INTEGER NOT NULL REFERENCES clients (id),
  kind        INTEGER NOT NULL CHECK (kind BETWEEN 1 AND 2),        -- KhNetworkKind
  created_at  INTEGER NOT NULL,
  created_by  INTEGER NOT NULL REFERENCES users (id),
  UNIQUE (id, client_id, kind)
) STRICT;

CREATE INDEX network_members_client ON network_members (client_id);

CREATE TABLE network_member_revisions (
  id              INTEGER PRIMARY KEY,
  member_id       INTEGER NOT NULL,
  client_id       INTEGER NOT NULL,
  kind            INTEGER NOT NULL CHECK (kind BETWEEN 1 AND 2),
  revision        INTEGER NOT NULL CHECK (revision >= 1),
  name            TEXT CHECK (name IS NULL OR (length (trim (name)) >= 1 AND length (name) <= 200)),
  relation        INTEGER NOT NULL CHECK (relation BETWEEN 0 AND 9),         -- KhNetworkRelation
  relation_text   TEXT CHECK (relation_text IS NULL
                              OR (length (trim (relation_text)) >= 1 AND length (relation_text) <= 100)),
  contact         TEXT CHECK (contact IS NULL OR (length (trim (contact)) >= 1 AND length (contact) <= 300)),
  service_id      INTEGER REFERENCES services (id),
  contact_person  TEXT CHECK (contact_person IS NULL
                              OR (length (trim (contact_person)) >= 1 AND length (contact_person) <= 200)),
  sector          INTEGER NOT NULL CHECK (sector BETWEEN 1 AND 9),           -- KhSector
  distance        INTEGER NOT NULL CHECK (distance BETWEEN 1 AND 3),         -- KhDistance
  tie             INTEGER NOT NULL CHECK (tie BETWEEN 1 AND 5),              -- KhTieQuality
  direction       INTEGER NOT NULL CHECK (direction BETWEEN 0 AND 3),        -- KhSupportDirection
  support         INTEGER NOT NULL CHECK (support BETWEEN 0 AND 31),         -- KhSupportKinds
  note            TEXT CHECK (note IS NULL OR (length (trim (note)) >= 1 AND length (note) <= 500)),
  removed         INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1)),
  saved_at        INTEGER NOT NULL,
  saved_by        INTEGER NOT NULL REFERENCES users (id),
  FOREIGN KEY (member_id, client_id, kind) REFERENCES network_members (id, client_id, kind),
  UNIQUE (member_id, revision),
  -- A person has a name, and may have a relation; an agency has a name or
  -- a service of the directory, and may have a contact person.
  CHECK (kind <> 1 OR (name IS NOT NULL AND service_id IS NULL AND contact_person IS NULL)),
  CHECK (kind <> 2 OR ((name IS NOT NULL OR service_id IS NOT NULL)
                       AND relation = 0 AND relation_text IS NULL))
) STRICT;

CREATE INDEX network_member_revisions_client ON network_member_revisions (client_id, member_id, revision);
CREATE INDEX network_member_revisions_service ON network_member_revisions (service_id);

-- Who saves (kh_network_may_keep): an active counsellor, social worker or
-- the lead social worker.
CREATE TRIGGER network_members_maker BEFORE INSERT ON network_members
  WHEN coalesce ((SELECT role FROM users WHERE id = NEW.created_by AND active = 1), 0) NOT IN (2, 3, 4)
BEGIN
  SELECT RAISE (ABORT, 'a network is kept by an active counsellor, social worker or lead social worker');
END;

CREATE TRIGGER network_member_revisions_maker BEFORE INSERT ON network_member_revisions
  WHEN coalesce ((SELECT role FROM users WHERE id = NEW.saved_by AND active = 1), 0) NOT IN (2, 3, 4)
BEGIN
  SELECT RAISE (ABORT, 'a network is kept by an active counsellor, social worker or lead social worker');
END;

-- The next revision, never after a removal.
CREATE TRIGGER network_member_revisions_next BEFORE INSERT ON network_member_revisions
  WHEN NEW.revision IS NOT coalesce ((SELECT max (revision) FROM network_member_revisions
                                      WHERE member_id = NEW.member_id), 0) + 1
    OR EXISTS (SELECT 1 FROM network_member_revisions WHERE member_id = NEW.member_id AND removed = 1)
BEGIN
  SELECT RAISE (ABORT, 'a network entry is saved as its next revision, and not after it was removed');
END;

CREATE TRIGGER network_members_no_update BEFORE UPDATE ON network_members
BEGIN
  SELECT RAISE (ABORT, 'a network entry is kept: a change is a new revision');
END;

CREATE TRIGGER network_members_no_delete BEFORE DELETE ON network_members
BEGIN
  SELECT RAISE (ABORT, 'a network entry is kept: a change is a new revision');
END;

CREATE TRIGGER network_member_revisions_no_update BEFORE UPDATE ON network_member_revisions
BEGIN
  SELECT RAISE (ABORT, 'a network entry is kept: a change is a new revision');
END;

CREATE TRIGGER network_member_revisions_no_delete BEFORE DELETE ON network_member_revisions
BEGIN
  SELECT RAISE (ABORT, 'a network entry is kept: a change is a new revision');
END;

-- ---- consents ----
--
-- Days are 'YYYY-MM-DD' of a real day: date() with a modifier makes
-- '2026-02-30' '2026-03-02', which is then not the text.

CREATE TABLE network_consents (
  id           INTEGER PRIMARY KEY,
  member_id    INTEGER NOT NULL,
  client_id    INTEGER NOT NULL,
  scope        INTEGER NOT NULL CHECK (scope BETWEEN 1 AND 7),                -- KhConsentScope
  given_on     TEXT NOT NULL CHECK (date (given_on, '+0 days') IS given_on AND given_on >= '2000-01-01'),
  expires_on   TEXT CHECK (expires_on IS NULL OR (date (expires_on, '+0 days') IS expires_on AND expires_on >= given_on)),
  note         TEXT CHECK (note IS NULL OR (length (trim (note)) >= 1 AND length (note) <= 300)),
  recorded_at  INTEGER NOT NULL,
  recorded_by  INTEGER NOT NULL REFERENCES users (id),
  FOREIGN KEY (member_id, client_id) REFERENCES network_members (id, client_id),
  -- Not given after the day it was recorded (a desk's clock's slack: a day).
  CHECK (given_on <= date (recorded_at + 86400, 'unixepoch')),
  UNIQUE (id, client_id)
) STRICT;

CREATE INDEX network_consents_member ON network_consents (member_id);
CREATE INDEX network_consents_client ON network_consents (client_id);

-- (id, client_id) of network_members for the consents' key.
CREATE UNIQUE INDEX network_members_client_key ON network_members (id, client_id);

CREATE TABLE network_consent_withdrawals (
  consent_id     INTEGER PRIMARY KEY,
  client_id      INTEGER NOT NULL,
  withdrawn_on   TEXT NOT NULL CHECK (date (withdrawn_on, '+0 days') IS withdrawn_on),
  recorded_at    INTEGER NOT NULL,
  recorded_by    INTEGER NOT NULL REFERENCES users (id),
  FOREIGN KEY (consent_id, client_id) REFERENCES network_consents (id, client_id),
  CHECK (withdrawn_on <= date (recorded_at + 86400, 'unixepoch'))
) STRICT;

CREATE INDEX network_consent_withdrawals_client ON network_consent_withdrawals (client_id);

CREATE TRIGGER network_consents_maker BEFORE INSERT ON network_consents
  WHEN coalesce ((SELECT role FROM users WHERE id = NEW.recorded_by AND active = 1), 0) NOT IN (2, 3, 4)
BEGIN
  SELECT RAISE (ABORT, 'a network is kept by an active counsellor, social worker or lead social worker');
END;

CREATE TRIGGER network_consent_withdrawals_maker BEFORE INSERT ON network_consent_withdrawals
  WHEN coalesce ((SELECT role FROM users WHERE id = NEW.recorded_by AND active = 1), 0) NOT IN (2, 3, 4)
BEGIN
  SELECT RAISE (ABORT, 'a network is kept by an active counsellor, social worker or lead social worker');
END;

CREATE TRIGGER network_consent_withdrawals_after_given BEFORE INSERT ON network_consent_withdrawals
  WHEN NEW.withdrawn_on < (SELECT given_on FROM network_consents WHERE id = NEW.consent_id)
BEGIN
  SELECT RAISE (ABORT, 'a consent is not withdrawn before the day it was given');
END;

CREATE TRIGGER network_consents_no_update BEFORE UPDATE ON network_consents
BEGIN
  SELECT RAISE (ABORT, 'a consent is kept as it was given: a withdrawal is recorded beside it');
END;

CREATE TRIGGER network_consents_no_delete BEFORE DELETE ON network_consents
BEGIN
  SELECT RAISE (ABORT, 'a consent is kept as it was given: a withdrawal is recorded beside it');
END;

CREATE TRIGGER network_consent_withdrawals_no_update BEFORE UPDATE ON network_consent_withdrawals
BEGIN
  SELECT RAISE (ABORT, 'a consent is kept as it was given: a withdrawal is recorded beside it');
END;

CREATE TRIGGER network_consent_withdrawals_no_delete BEFORE DELETE ON network_consent_withdrawals
BEGIN
  SELECT RAISE (ABORT, 'a consent is kept as it was given: a withdrawal is recorded beside it');
END;

-- ---- versions ----

CREATE TABLE network_versions (
  id         INTEGER PRIMARY KEY,
  client_id  INTEGER NOT NULL REFERENCES clients (id),
  label      TEXT NOT NULL CHECK (length (trim (label)) >= 1 AND length (label) <= 200),
  members    INTEGER NOT NULL CHECK (members >= 0),
  taken_at   INTEGER NOT NULL,
  taken_by   INTEGER NOT NULL REFERENCES users (id),
  UNIQUE (id, client_id)
) STRICT;

CREATE INDEX network_versions_client ON network_versions (client_id, taken_at);

-- (id, client_id) of the revisions for the versions' key.
CREATE UNIQUE INDEX network_member_revisions_client_key ON network_member_revisions (id, client_id);

CREATE TABLE network_version_members (
  version_id   INTEGER NOT NULL,
  revision_id  INTEGER NOT NULL,
  client_id    INTEGER NOT NULL,
  PRIMARY KEY (version_id, revision_id),
  FOREIGN KEY (version_id, client_id) REFERENCES network_versions (id, client_id),
  FOREIGN KEY (revision_id, client_id) REFERENCES network_member_revisions (id, client_id)
) STRICT;

CREATE INDEX network_version_members_client ON network_version_members (client_id);

CREATE TRIGGER network_versions_maker BEFORE INSERT ON network_versions
  WHEN coalesce ((SELECT role FROM users WHERE id = NEW.taken_by AND active = 1), 0) NOT IN (2, 3, 4)
BEGIN
  SELECT RAISE (ABORT, 'a network is kept by an active counsellor, social worker or lead social worker');
END;

-- Sealed: no more entries than the version counted when taken, and no
-- removed entry.
CREATE TRIGGER network_version_members_sealed BEFORE INSERT ON network_version_members
  WHEN (SELECT count (*) FROM network_version_members WHERE version_id = NEW.version_id)
       >= (SELECT members FROM network_versions WHERE id = NEW.version_id)
    OR (SELECT removed FROM network_member_revisions WHERE id = NEW.revision_id) = 1
BEGIN
  SELECT RAISE (ABORT, 'a network version is kept as it was taken');
END;

CREATE TRIGGER network_versions_no_update BEFORE UPDATE ON network_versions
BEGIN
  SELECT RAISE (ABORT, 'a network version is kept as it was taken');
END;

CREATE TRIGGER network_versions_no_delete BEFORE DELETE ON network_versions
BEGIN
  SELECT RAISE (ABORT, 'a network version is kept as it was taken');
END;

CREATE TRIGGER network_version_members_no_update BEFORE UPDATE ON network_version_members
BEGIN
  SELECT RAISE (ABORT, 'a network version is kept as it was taken');
END;

CREATE TRIGGER network_version_members_no_delete BEFORE DELETE ON network_version_members
BEGIN
  SELECT RAISE (ABORT, 'a network version is kept as it was taken');
END;

-- Another desk's open client page follows a change of the network (0019).
CREATE TRIGGER client_changes_network_insert AFTER INSERT ON network_member_revisions
BEGIN
  INSERT INTO client_changes (client_id, seq)
    VALUES (new.client_id, (SELECT coalesce (max (seq), 0) + 1 FROM client_changes))
    ON CONFLICT (client_id) DO UPDATE SET seq = excluded.seq;
END;

CREATE TRIGGER client_changes_network_consents_insert AFTER INSERT ON network_consents
BEGIN
  INSERT INTO client_changes (client_id, seq)
    VALUES (new.client_id, (SELECT coalesce (max (seq), 0) + 1 FROM client_changes))
    ON CONFLICT (client_id) DO UPDATE SET seq = excluded.seq;
END;

CREATE TRIGGER client_changes_network_withdrawals_insert AFTER INSERT ON network_consent_withdrawals
BEGIN
  INSERT INTO client_changes (client_id, seq)
    VALUES (new.client_id, (SELECT coalesce (max (seq), 0) + 1 FROM client_changes))
    ON CONFLICT (client_id) DO UPDATE SET seq = excluded.seq;
END;
