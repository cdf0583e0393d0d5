-- 0001-initial.sql — the first Kohtaamo schema: users, people, contacts at
-- reception, cases, the directory of services, the unit's calendar, settings
-- and the access log.
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Applied in one transaction by kh-db.c, which then sets PRAGMA user_version.
-- Never edit this file once released: add 0002-….sql instead.
--
-- Enumerated columns hold the fixed integer codes of src/core/kh-enums.h.
-- Keep the CHECK ranges in sync with that header: the C code validates first
-- and says what is wrong in the user's language; these constraints are the
-- last line, so that no program (or hand-typed SQL) can store a record that
-- breaks a domain rule.
-- Times are Unix seconds (UTC); dates are ISO 8601 text ("2026-04-02").

-- 'KHTO': tells a Kohtaamo database from any other SQLite file.
PRAGMA application_id = 1263031375;

CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  account       TEXT NOT NULL UNIQUE CHECK (length (account) > 0),
  display_name  TEXT,
  role          INTEGER NOT NULL CHECK (role BETWEEN 1 AND 5),   -- KhRole
  active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at    INTEGER NOT NULL
) STRICT;

CREATE TABLE clients (
  id              INTEGER PRIMARY KEY,
  identity_kind   INTEGER NOT NULL CHECK (identity_kind IN (1, 2)),   -- KhIdentityKind
  -- UNIQUE allows any number of NULLs: people without a code.
  identity_code   TEXT UNIQUE CHECK (identity_code IS NULL OR length (identity_code) = 11),
  no_code_reason  INTEGER NOT NULL DEFAULT 0 CHECK (no_code_reason BETWEEN 0 AND 4),
  birth_date      TEXT NOT NULL
                    CHECK (birth_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  last_name       TEXT NOT NULL CHECK (length (trim (last_name)) > 0),
  first_names     TEXT NOT NULL CHECK (length (trim (first_names)) > 0),
  language        INTEGER NOT NULL CHECK (language BETWEEN 1 AND 3),   -- KhLanguage
  other_language  TEXT,
  interpreter     INTEGER NOT NULL DEFAULT 0 CHECK (interpreter IN (0, 1)),
  address         TEXT,
  postal_code     TEXT CHECK (postal_code IS NULL
                              OR postal_code GLOB '[0-9][0-9][0-9][0-9][0-9]'),
  city            TEXT,
  phone           TEXT,
  phone_digits    TEXT CHECK (phone_digits IS NULL OR phone_digits NOT GLOB '*[^0-9]*'),
  email           TEXT CHECK (email IS NULL OR (email LIKE '%_@_%._%' AND email NOT LIKE '% %')),
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL,

  -- ATL 38 §: a code, or a birth date and the reason there is no code.
  CHECK ((identity_kind = 1 AND identity_code IS NOT NULL AND no_code_reason = 0)
         OR (identity_kind = 2 AND identity_code IS NULL AND no_code_reason BETWEEN 1 AND 4)),
  -- The birth date of a person with a code is the code's date (DDMMYY).
  CHECK (identity_code IS NULL
         OR (substr (identity_code, 1, 2) = substr (birth_date, 9, 2)
             AND substr (identity_code, 3, 2) = substr (birth_date, 6, 2)
             AND substr (identity_code, 5, 2) = substr (birth_date, 3, 2))),
  -- The name of another language only when the language is "other".
  CHECK (other_language IS NULL OR language = 3)
) STRICT;

CREATE INDEX clients_birth_date ON clients (birth_date);
CREATE INDEX clients_phone_digits ON clients (phone_digits) WHERE phone_digits IS NOT NULL;

-- Name search: folds case and ä→a, ö→o, å→a on both sides (TECH-NOTES).
CREATE VIRTUAL TABLE clients_fts USING fts5 (
  last_name, first_names,
  content = 'clients', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TABLE settings (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL
) STRICT;

INSERT INTO settings (key, value) VALUES ('saturday_is_working_day', '0');

-- The index is kept by triggers, except while a bulk load has set
-- 'fts_deferred' inside its transaction: kh-db.c then rebuilds the index
-- once before the commit (10× faster than per-row updates for 100k people).
CREATE TRIGGER clients_fts_insert AFTER INSERT ON clients
  WHEN (SELECT value FROM settings WHERE key = 'fts_deferred') IS NOT '1'
BEGIN
  INSERT INTO clients_fts (rowid, last_name, first_names)
    VALUES (new.id, new.last_name, new.first_names);
END;

CREATE TRIGGER clients_fts_delete AFTER DELETE ON clients
  WHEN (SELECT value FROM settings WHERE key = 'fts_deferred') IS NOT '1'
BEGIN
  INSERT INTO clients_fts (clients_fts, rowid, last_name, first_names)
    VALUES ('delete', old.id, old.last_name, old.first_names);
END;

CREATE TRIGGER clients_fts_update AFTER UPDATE OF last_name, first_names ON clients
  WHEN (SELECT value FROM settings WHERE key = 'fts_deferred') IS NOT '1'
BEGIN
  INSERT INTO clients_fts (clients_fts, rowid, last_name, first_names)
    VALUES ('delete', old.id, old.last_name, old.first_names);
  INSERT INTO clients_fts (rowid, last_name, first_names)
    VALUES (new.id, new.last_name, new.first_names);
END;

CREATE TABLE services (
  id       INTEGER PRIMARY KEY,
  name_fi  TEXT NOT NULL CHECK (length (trim (name_fi)) > 0),
  name_sv  TEXT NOT NULL CHECK (length (trim (name_sv)) > 0),
  phone    TEXT,
  address  TEXT,
  url      TEXT,
  active   INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;

-- The directory a unit starts with; it edits the rest (phone, address, url).
INSERT INTO services (name_fi, name_sv) VALUES
  ('Kela', 'FPA'),
  ('Työllisyyspalvelut (TE-palvelut)', 'Sysselsättningstjänster (TE-tjänster)'),
  ('Terveysasema', 'Hälsostation'),
  ('Mielenterveys- ja päihdepalvelut', 'Mentalvårds- och missbrukarvårdstjänster'),
  ('Talous- ja velkaneuvonta', 'Ekonomi- och skuldrådgivning'),
  ('Ulosottolaitos', 'Utsökningsverket'),
  ('Yleinen edunvalvonta', 'Allmän intressebevakning'),
  ('Asumisneuvonta', 'Boenderådgivning'),
  ('Seurakunta', 'Församling'),
  ('Järjestöt', 'Organisationer'),
  ('Tulkkipalvelu', 'Tolktjänst'),
  ('Sosiaalipäivystys', 'Socialjour');

CREATE TABLE contacts (
  id                INTEGER PRIMARY KEY,
  received_at       INTEGER NOT NULL,
  channel           INTEGER NOT NULL CHECK (channel BETWEEN 1 AND 8),     -- KhChannel
  contactor         INTEGER NOT NULL CHECK (contactor BETWEEN 1 AND 5),   -- KhContactor
  contactor_detail  TEXT,
  referral          INTEGER NOT NULL DEFAULT 0 CHECK (referral BETWEEN 0 AND 3),  -- KhReferral
  needs             INTEGER NOT NULL DEFAULT 0 CHECK (needs BETWEEN 0 AND 1023),  -- KhNeed flags
  reason_text       TEXT,
  urgent            INTEGER NOT NULL DEFAULT 0 CHECK (urgent IN (0, 1)),
  urgent_note       TEXT,
  language          INTEGER NOT NULL CHECK (language BETWEEN 1 AND 3),    -- KhLanguage
  interpreter       INTEGER NOT NULL DEFAULT 0 CHECK (interpreter IN (0, 1)),
  outcome           INTEGER NOT NULL CHECK (outcome BETWEEN 1 AND 4),     -- KhOutcome
  service_id        INTEGER REFERENCES services (id),
  outcome_note      TEXT,
  anonymous         INTEGER NOT NULL DEFAULT 0 CHECK (anonymous IN (0, 1)),
  client_id         INTEGER REFERENCES clients (id),
  created_by        INTEGER NOT NULL REFERENCES users (id),
  created_at        INTEGER NOT NULL,

  -- An anonymous contact keeps no personal data, and only advice or a
  -- referral elsewhere may be anonymous (statistics only; vasso.fi 4.2).
  CHECK (anonymous = 0
         OR (client_id IS NULL AND contactor_detail IS NULL AND reason_text IS NULL
             AND urgent_note IS NULL AND outcome IN (1, 2))),
  CHECK (anonymous = 1 OR client_id IS NOT NULL),
  CHECK (contactor <> 5 OR anonymous = 1),
  -- SHL 35 §: the kind of referral exists only for contacts from an authority.
  CHECK (referral = 0 OR contactor = 3 OR channel = 6),
  -- Directed elsewhere needs the service; only directed and urgent name one.
  CHECK (outcome <> 2 OR service_id IS NOT NULL),
  CHECK (service_id IS NULL OR outcome IN (2, 4))
) STRICT;

CREATE INDEX contacts_received_at ON contacts (received_at);
CREATE INDEX contacts_client ON contacts (client_id, received_at) WHERE client_id IS NOT NULL;

CREATE TABLE cases (
  id                   INTEGER PRIMARY KEY,
  client_id            INTEGER NOT NULL REFERENCES clients (id),
  contact_id           INTEGER NOT NULL UNIQUE REFERENCES contacts (id),
  opened_at            INTEGER NOT NULL,
  status               INTEGER NOT NULL CHECK (status BETWEEN 1 AND 3),   -- KhCaseStatus
  assigned_to          INTEGER REFERENCES users (id),
  deadline_groups      INTEGER NOT NULL DEFAULT 0 CHECK (deadline_groups BETWEEN 0 AND 7),
  assessment_deadline  TEXT CHECK (assessment_deadline IS NULL
                                   OR assessment_deadline GLOB
                                        '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),

  -- Queued means nobody has it; assigned means somebody does.
  CHECK (status <> 1 OR assigned_to IS NULL),
  CHECK (status <> 2 OR assigned_to IS NOT NULL)
) STRICT;

CREATE INDEX cases_client ON cases (client_id);
CREATE INDEX cases_queue ON cases (status, assessment_deadline);

-- A case is opened by a contact about the same person whose outcome says so.
CREATE TRIGGER cases_opened_by_contact BEFORE INSERT ON cases
  WHEN NOT EXISTS (SELECT 1 FROM contacts
                   WHERE id = new.contact_id AND outcome = 3 AND client_id = new.client_id)
BEGIN
  SELECT RAISE (ABORT, 'a case must be opened by a case-opening contact about the same person');
END;

CREATE TABLE closed_days (
  date        TEXT PRIMARY KEY
                CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  name        TEXT NOT NULL CHECK (length (trim (name)) > 0),
  created_by  INTEGER REFERENCES users (id)
) STRICT;

-- Who read whose data, when, what and why (ATL 703/2023). Append-only.
-- client_id has no foreign key on purpose: the log outlives an undone record.
CREATE TABLE access_log (
  id         INTEGER PRIMARY KEY,
  at         INTEGER NOT NULL,
  user_id    INTEGER NOT NULL REFERENCES users (id),
  client_id  INTEGER,
  what       INTEGER NOT NULL CHECK (what BETWEEN 1 AND 7),    -- KhAccessWhat, KH_ACCESS_ACCESS_LOG
  basis      INTEGER NOT NULL CHECK (basis BETWEEN 1 AND 4)    -- KhAccessBasis
) STRICT;

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
