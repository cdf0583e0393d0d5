-- 0021-assessments.sql — the service-need assessment (SHL 36–37 §, issue 7)
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- One row of `assessments` per version (src/core/kh-assessment.h,
-- KhAssessment): a draft (status 1) that the wizard saves at every change,
-- over the revision it read (the store's stale-save check; a save bumps
-- `revision`), and then a finished version (status 2) that nothing changes
-- or removes any more. A change after finishing is a new version row, with
-- the version it changes (`previous_id`) and the reason. A case has at
-- most one draft. The participants and the life areas are rows of their own,
-- in the order of the form (`position`), written with the assessment in one
-- transaction.
--
-- The CHECKs restate the core's rules (kh_assessment_check): the text
-- limits (KH_ASSESSMENT_TEXT_MAX 8000, KH_ASSESSMENT_SHORT_TEXT_MAX 200
-- characters), the ranges of the enumerations, the ISO date; and for a
-- finished version what 37 § requires, as the last line behind the store.
-- Keep in sync with src/core/kh-assessment.[ch] and data/sql/pg/0013-assessments.sql.
--
-- Reading an assessment is logged (KhAccessWhat 11, "assessment"): the
-- access log's CHECK is widened, which SQLite does by copying the table
-- (its rows, numbers and hashes unchanged; the triggers of 0017 again).

CREATE TABLE access_log_new (
  id         INTEGER PRIMARY KEY,
  at         INTEGER NOT NULL,
  user_id    INTEGER NOT NULL REFERENCES users (id),
  client_id  INTEGER,
  what       INTEGER NOT NULL CHECK (what BETWEEN 1 AND 11),   -- KhAccessWhat
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

-- ---- the assessment ----

CREATE TABLE assessments (
  id                       INTEGER PRIMARY KEY,
  case_id                  INTEGER NOT NULL REFERENCES cases (id),
  client_id                INTEGER NOT NULL REFERENCES clients (id),
  version                  INTEGER NOT NULL CHECK (version >= 1),
  previous_id              INTEGER REFERENCES assessments (id),
  change_reason            TEXT CHECK (change_reason IS NULL OR length (change_reason) BETWEEN 1 AND 8000),
  status                   INTEGER NOT NULL DEFAULT 1 CHECK (status IN (1, 2)),  -- KhAssessmentStatus
  revision                 INTEGER NOT NULL DEFAULT 0 CHECK (revision >= 0),

  -- Start (36 §); KhAnswer 0–3 throughout
  assessed_on              TEXT CHECK (assessed_on IS NULL
                                       OR (assessed_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'
                                           AND date (assessed_on) IS assessed_on)),
  client_present           INTEGER NOT NULL DEFAULT 0 CHECK (client_present BETWEEN 0 AND 3),
  client_absent_reason     TEXT CHECK (length (client_absent_reason) <= 8000),
  rights_explained         INTEGER NOT NULL DEFAULT 0 CHECK (rights_explained BETWEEN 0 AND 3),
  options_explained        INTEGER NOT NULL DEFAULT 0 CHECK (options_explained BETWEEN 0 AND 3),
  client_understood        INTEGER NOT NULL DEFAULT 0 CHECK (client_understood BETWEEN 0 AND 3),
  information_note         TEXT CHECK (length (information_note) <= 8000),
  has_children             INTEGER NOT NULL DEFAULT 0 CHECK (has_children BETWEEN 0 AND 3),
  children_count           INTEGER NOT NULL DEFAULT 0 CHECK (children_count BETWEEN 0 AND 1000),
  children_checked         INTEGER NOT NULL DEFAULT 0 CHECK (children_checked BETWEEN 0 AND 3),
  children_note            TEXT CHECK (length (children_note) <= 8000),

  -- The client's own view (37 § 3 kohta)
  client_view              TEXT CHECK (length (client_view) <= 8000),
  client_view_obstacle     TEXT CHECK (length (client_view_obstacle) <= 8000),

  -- The 11 § support needs (KhNeed flags, 10 bits)
  needs                    INTEGER NOT NULL DEFAULT 0 CHECK (needs BETWEEN 0 AND 1023),

  -- Special support (3 §) and the nature of the need (37 §)
  support_needed           INTEGER NOT NULL DEFAULT 0 CHECK (support_needed BETWEEN 0 AND 3),
  special_support          INTEGER NOT NULL DEFAULT 0 CHECK (special_support BETWEEN 0 AND 3),
  special_support_reasons  TEXT CHECK (length (special_support_reasons) <= 8000),
  need_duration            INTEGER NOT NULL DEFAULT 0 CHECK (need_duration BETWEEN 0 AND 3),

  -- Conclusions (37 § 1–2, 4 kohta); services: KH_SHL_SERVICE_BIT flags 1–26
  summary                  TEXT CHECK (length (summary) <= 8000),
  conclusions              TEXT CHECK (length (conclusions) <= 8000),
  services                 INTEGER NOT NULL DEFAULT 0 CHECK (services BETWEEN 0 AND 134217726
                                                             AND services % 2 = 0),
  services_note            TEXT CHECK (length (services_note) <= 8000),
  client_on_worker         INTEGER NOT NULL DEFAULT 0 CHECK (client_on_worker BETWEEN 0 AND 4),
  worker_on_worker         INTEGER NOT NULL DEFAULT 0 CHECK (worker_on_worker BETWEEN 0 AND 4),
  responsible_worker_note  TEXT CHECK (length (responsible_worker_note) <= 8000),
  next_step                INTEGER NOT NULL DEFAULT 0 CHECK (next_step BETWEEN 0 AND 4),
  next_step_reasons        TEXT CHECK (length (next_step_reasons) <= 8000),
  disagreement             INTEGER NOT NULL DEFAULT 0 CHECK (disagreement IN (0, 1)),
  client_disagreement      TEXT CHECK (length (client_disagreement) <= 8000),
  worker_disagreement      TEXT CHECK (length (worker_disagreement) <= 8000),

  created_by               INTEGER NOT NULL REFERENCES users (id),
  created_at               INTEGER NOT NULL,
  updated_by               INTEGER NOT NULL REFERENCES users (id),
  updated_at               INTEGER NOT NULL,
  finished_at              INTEGER,
  finished_by              INTEGER REFERENCES users (id),

  UNIQUE (case_id, version),
  -- A first version changes nothing; a later one changes the one before,
  -- for a reason.
  CHECK ((version = 1) = (previous_id IS NULL)),
  CHECK ((version = 1) = (change_reason IS NULL)),
  CHECK ((status = 1 AND finished_at IS NULL AND finished_by IS NULL)
         OR (status = 2 AND finished_at IS NOT NULL AND finished_by IS NOT NULL)),
  -- Finishing: what 37 § requires (kh_assessment_check), the last line.
  CHECK (status = 1
         OR (assessed_on IS NOT NULL
             AND client_present <> 0
             AND (ifnull (client_view, '') <> '' OR ifnull (client_view_obstacle, '') <> '')
             AND support_needed <> 0
             AND (support_needed <> 1 OR need_duration BETWEEN 1 AND 3)
             AND special_support IN (1, 2) AND ifnull (special_support_reasons, '') <> ''
             AND ifnull (summary, '') <> '' AND ifnull (conclusions, '') <> ''
             AND client_on_worker BETWEEN 1 AND 4 AND worker_on_worker BETWEEN 1 AND 3
             AND next_step BETWEEN 1 AND 4
             AND (next_step NOT IN (3, 4) OR ifnull (next_step_reasons, '') <> '')))
) STRICT;

-- At most one draft per case: the wizard always continues that one.
CREATE UNIQUE INDEX assessments_one_draft ON assessments (case_id) WHERE status = 1;
CREATE INDEX assessments_client ON assessments (client_id);

CREATE TABLE assessment_participants (
  assessment_id  INTEGER NOT NULL REFERENCES assessments (id),
  position       INTEGER NOT NULL CHECK (position >= 0),
  kind           INTEGER NOT NULL DEFAULT 0 CHECK (kind BETWEEN 0 AND 5),   -- KhParticipantKind
  name           TEXT CHECK (length (name) <= 200),
  role           TEXT CHECK (length (role) <= 200),
  PRIMARY KEY (assessment_id, position)
) STRICT;

CREATE TABLE assessment_areas (
  assessment_id  INTEGER NOT NULL REFERENCES assessments (id),
  position       INTEGER NOT NULL CHECK (position >= 0),
  key            TEXT NOT NULL CHECK (length (key) BETWEEN 1 AND 200),
  label          TEXT NOT NULL CHECK (length (label) BETWEEN 1 AND 200),
  situation      TEXT CHECK (length (situation) <= 8000),
  strengths      TEXT CHECK (length (strengths) <= 8000),
  concerns       TEXT CHECK (length (concerns) <= 8000),
  client_rating  INTEGER NOT NULL DEFAULT 0 CHECK (client_rating BETWEEN 0 AND 5),
  worker_rating  INTEGER NOT NULL DEFAULT 0 CHECK (worker_rating BETWEEN 0 AND 5),
  PRIMARY KEY (assessment_id, position),
  UNIQUE (assessment_id, key)
) STRICT;

-- The assessment belongs to the case's person; a new version continues the
-- finished version before it, of the same case.
CREATE TRIGGER assessments_insert BEFORE INSERT ON assessments
  WHEN NEW.client_id IS NOT (SELECT client_id FROM cases WHERE id = NEW.case_id)
    OR (NEW.previous_id IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM assessments p
                        WHERE p.id = NEW.previous_id AND p.case_id = NEW.case_id
                          AND p.status = 2 AND p.version = NEW.version - 1))
BEGIN
  SELECT RAISE (ABORT, 'an assessment belongs to its case''s person, and a new version continues the finished one before it');
END;

-- A finished version is never changed or removed, by anyone: a change is
-- a new version with a reason.
CREATE TRIGGER assessments_finished_update BEFORE UPDATE ON assessments
  WHEN OLD.status = 2
BEGIN
  SELECT RAISE (ABORT, 'a finished assessment is never changed: a change is a new version');
END;

CREATE TRIGGER assessments_finished_delete BEFORE DELETE ON assessments
  WHEN OLD.status = 2
BEGIN
  SELECT RAISE (ABORT, 'a finished assessment is never removed');
END;

-- What a version is and who began it never change; every save moves the
-- revision on (the stale-save check relies on it).
CREATE TRIGGER assessments_identity BEFORE UPDATE ON assessments
  WHEN NEW.case_id IS NOT OLD.case_id OR NEW.client_id IS NOT OLD.client_id
    OR NEW.version IS NOT OLD.version OR NEW.previous_id IS NOT OLD.previous_id
    OR NEW.change_reason IS NOT OLD.change_reason
    OR NEW.created_by IS NOT OLD.created_by OR NEW.created_at IS NOT OLD.created_at
    OR NEW.revision <= OLD.revision
BEGIN
  SELECT RAISE (ABORT, 'an assessment''s case, person, version and author stay, and each save moves its revision on');
END;

-- 42 §, 46 §: an assessment that finds a need for special support is
-- finished by a social worker (or the lead social worker).
CREATE TRIGGER assessments_special_support BEFORE UPDATE OF status ON assessments
  WHEN NEW.status = 2 AND NEW.special_support = 1
    AND (SELECT role FROM users WHERE id = NEW.finished_by) NOT IN (3, 4)
BEGIN
  SELECT RAISE (ABORT, 'an assessment that finds a need for special support is finished by a social worker');
END;

CREATE TRIGGER assessment_participants_finished_insert BEFORE INSERT ON assessment_participants
  WHEN (SELECT status FROM assessments WHERE id = NEW.assessment_id) = 2
BEGIN
  SELECT RAISE (ABORT, 'a finished assessment is never changed: a change is a new version');
END;

CREATE TRIGGER assessment_participants_finished_update BEFORE UPDATE ON assessment_participants
  WHEN (SELECT status FROM assessments WHERE id = OLD.assessment_id) = 2
    OR (SELECT status FROM assessments WHERE id = NEW.assessment_id) = 2
BEGIN
  SELECT RAISE (ABORT, 'a finished assessment is never changed: a change is a new version');
END;

CREATE TRIGGER assessment_participants_finished_delete BEFORE DELETE ON assessment_participants
  WHEN (SELECT status FROM assessments WHERE id = OLD.assessment_id) = 2
BEGIN
  SELECT RAISE (ABORT, 'a finished assessment is never changed: a change is a new version');
END;

CREATE TRIGGER assessment_areas_finished_insert BEFORE INSERT ON assessment_areas
  WHEN (SELECT status FROM assessments WHERE id = NEW.assessment_id) = 2
BEGIN
  SELECT RAISE (ABORT, 'a finished assessment is never changed: a change is a new version');
END;

CREATE TRIGGER assessment_areas_finished_update BEFORE UPDATE ON assessment_areas
  WHEN (SELECT status FROM assessments WHERE id = OLD.assessment_id) = 2
    OR (SELECT status FROM assessments WHERE id = NEW.assessment_id) = 2
BEGIN
  SELECT RAISE (ABORT, 'a finished assessment is never changed: a change is a new version');
END;

CREATE TRIGGER assessment_areas_finished_delete BEFORE DELETE ON assessment_areas
  WHEN (SELECT status FROM assessments WHERE id = OLD.assessment_id) = 2
BEGIN
  SELECT RAISE (ABORT, 'a finished assessment is never changed: a change is a new version');
END;
