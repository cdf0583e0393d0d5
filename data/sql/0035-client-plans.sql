-- 0035-client-plans.sql — the client plan (asiakassuunnitelma, SHL 39 §),
-- its versions and reviews (issue 9, 3–5)
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Everything here is append-only: no row is ever changed or removed (the
-- triggers below, whatever program writes).
--
-- - client_plans: one plan per case of a person, made from a finished
--   assessment of that case.
-- - plan_versions: each version of the plan, numbered 1, 2, 3 … with the
--   texts of 39 §; the network version its map shows.
-- - plan_goals, plan_actions: a version's goals and each goal's actions.
--   A goal (an action) kept from one version to the next names its first
--   row as origin_id: the goal's identity across versions is
--   coalesce (origin_id, id) (kh_client_plan_compare matches by it).
-- - plan_partners (41 §, one coordinator) and plan_factors (AVAIN).
-- - plan_reviews and plan_evaluations: a review evaluates a version with
--   the client and makes the next one (its evaluations: AVAIN's parts).
-- - plan_acceptances: a version is accepted once all of its rows are in;
--   nothing joins an accepted version afterwards, and only accepted
--   versions are read. The acceptance checks what kh_client_plan_check
--   asks that a database can see: at least one goal; exactly one
--   coordinator when there are partners; a later version made by a
--   review of the one before, every active goal of that one rated.
--
-- Who saved what and when are the store's (the acting user, checked
-- against the users table, and its clock), never the form's; the writer
-- is an active social counsellor, social worker or lead social worker
-- (KhRole 2–4), as for assessments. Reading a plan is logged as what 16.
--
-- Keep in sync with src/core/kh-client-plan.h (codes, bounds:
-- KH_PLAN_SHORT_TEXT_MAX 200, KH_PLAN_TEXT_MAX 8000) and
-- data/sql/pg/0031-client-plans.sql.

CREATE TABLE client_plans (
  id             INTEGER PRIMARY KEY,
  client_id      INTEGER NOT NULL REFERENCES clients (id),
  case_id        INTEGER NOT NULL REFERENCES cases (id),
  assessment_id  INTEGER NOT NULL REFERENCES assessments (id),
  created_at     INTEGER NOT NULL,
  created_by     INTEGER NOT NULL REFERENCES users (id),
  UNIQUE (client_id, case_id),
  UNIQUE (id, client_id)
) STRICT;

CREATE INDEX client_plans_case ON client_plans (case_id);

CREATE TABLE plan_versions (
  id                    INTEGER PRIMARY KEY,
  plan_id               INTEGER NOT NULL,
  client_id             INTEGER NOT NULL,
  version               INTEGER NOT NULL CHECK (version >= 1),
  made_on               TEXT NOT NULL CHECK (date (made_on, '+0 days') IS made_on AND made_on >= '2000-01-01'),
  client_took_part      INTEGER NOT NULL CHECK (client_took_part IN (0, 1)),
  not_taking_part       TEXT CHECK (not_taking_part IS NULL
                                    OR (length (trim (not_taking_part)) >= 1 AND length (not_taking_part) <= 8000)),
  need_client_view      TEXT CHECK (need_client_view IS NULL
                                    OR (length (trim (need_client_view)) >= 1 AND length (need_client_view) <= 8000)),
  need_worker_view      TEXT CHECK (need_worker_view IS NULL
                                    OR (length (trim (need_worker_view)) >= 1 AND length (need_worker_view) <= 8000)),
  services_client_view  TEXT CHECK (services_client_view IS NULL
                                    OR (length (trim (services_client_view)) >= 1
                                        AND length (services_client_view) <= 8000)),
  services_worker_view  TEXT CHECK (services_worker_view IS NULL
                                    OR (length (trim (services_worker_view)) >= 1
                                        AND length (services_worker_view) <= 8000)),
  essential_services    TEXT CHECK (essential_services IS NULL
                                    OR (length (trim (essential_services)) >= 1 AND length (essential_services) <= 8000)),
  strengths             TEXT CHECK (strengths IS NULL OR (length (trim (strengths)) >= 1 AND length (strengths) <= 8000)),
  environment           TEXT CHECK (environment IS NULL
                                    OR (length (trim (environment)) >= 1 AND length (environment) <= 8000)),
  client_proposal       TEXT CHECK (client_proposal IS NULL
                                    OR (length (trim (client_proposal)) >= 1 AND length (client_proposal) <= 8000)),
  client_part           TEXT CHECK (client_part IS NULL
                                    OR (length (trim (client_part)) >= 1 AND length (client_part) <= 8000)),
  meetings              INTEGER NOT NULL CHECK (meetings BETWEEN 1 AND 5),        -- KhMeetingFrequency
  meeting_text          TEXT CHECK (meeting_text IS NULL
                                    OR (length (trim (meeting_text)) >= 1 AND length (meeting_text) <= 8000)),
  expected_duration     TEXT CHECK (expected_duration IS NULL
                                    OR (length (trim (expected_duration)) >= 1 AND length (expected_duration) <= 8000)),
  follow_up             TEXT CHECK (follow_up IS NULL OR (length (trim (follow_up)) >= 1 AND length (follow_up) <= 8000)),
  review_on             TEXT NOT NULL CHECK (date (review_on, '+0 days') IS review_on AND review_on > made_on),
  disagreement_client   TEXT CHECK (disagreement_client IS NULL
                                    OR (length (trim (disagreement_client)) >= 1
                                        AND length (disagreement_client) <= 8000)),
  disagreement_worker   TEXT CHECK (disagreement_worker IS NULL
                                    OR (length (trim (disagreement_worker)) >= 1
                                        AND length (disagreement_worker) <= 8000)),
  joint                 INTEGER NOT NULL CHECK (joint IN (0, 1)),
  network_version_id    INTEGER,
  saved_at              INTEGER NOT NULL,
  saved_by              INTEGER NOT NULL REFERENCES users (id),
  FOREIGN KEY (plan_id, client_id) REFERENCES client_plans (id, client_id),
  FOREIGN KEY (network_version_id, client_id) REFERENCES network_versions (id, client_id),
  UNIQUE (plan_id, version),
  UNIQUE (id, client_id),
  UNIQUE (id, plan_id, client_id),
  -- 39 §: with the client, or why not; the need as one of them sees it;
  -- 4 kohta; a disagreement with both views.
  CHECK (client_took_part = 1 OR not_taking_part IS NOT NULL),
  CHECK (need_client_view IS NOT NULL OR need_worker_view IS NOT NULL),
  CHECK (meetings <> 5 OR meeting_text IS NOT NULL),
  CHECK ((disagreement_client IS NULL) = (disagreement_worker IS NULL)),
  -- Not made after the day it was saved (a desk's clock's slack: a day).
  CHECK (made_on <= date (saved_at + 86400, 'unixepoch'))
) STRICT;

CREATE INDEX plan_versions_client ON plan_versions (client_id);

CREATE TABLE plan_goals (
  id             INTEGER PRIMARY KEY,
  version_id     INTEGER NOT NULL,
  plan_id        INTEGER NOT NULL,
  client_id      INTEGER NOT NULL,
  origin_id      INTEGER REFERENCES plan_goals (id),
  position       INTEGER NOT NULL CHECK (position >= 0),
  text           TEXT NOT NULL CHECK (length (trim (text)) >= 1 AND length (text) <= 8000),
  area_key       TEXT NOT NULL CHECK (length (trim (area_key)) >= 1 AND length (area_key) <= 200),
  area_label     TEXT CHECK (area_label IS NULL OR (length (trim (area_label)) >= 1 AND length (area_label) <= 200)),
  status         INTEGER NOT NULL CHECK (status BETWEEN 1 AND 3),                -- KhGoalStatus
  status_reason  TEXT CHECK (status_reason IS NULL
                             OR (length (trim (status_reason)) >= 1 AND length (status_reason) <= 8000)),
  FOREIGN KEY (version_id, plan_id, client_id) REFERENCES plan_versions (id, plan_id, client_id),
  UNIQUE (version_id, position),
  UNIQUE (version_id, origin_id),
  UNIQUE (id, version_id, client_id),
  CHECK (status <> 3 OR status_reason IS NOT NULL)
) STRICT;

CREATE INDEX plan_goals_client ON plan_goals (client_id);
CREATE INDEX plan_goals_origin ON plan_goals (origin_id);

CREATE TABLE plan_actions (
  id           INTEGER PRIMARY KEY,
  goal_id      INTEGER NOT NULL,
  version_id   INTEGER NOT NULL,
  client_id    INTEGER NOT NULL,
  origin_id    INTEGER REFERENCES plan_actions (id),
  position     INTEGER NOT NULL CHECK (position >= 0),
  what         TEXT NOT NULL CHECK (length (trim (what)) >= 1 AND length (what) <= 200),
  actor        INTEGER NOT NULL CHECK (actor BETWEEN 1 AND 3),                    -- KhActorKind
  member_id    INTEGER,
  actor_name   TEXT CHECK (actor_name IS NULL OR (length (trim (actor_name)) >= 1 AND length (actor_name) <= 200)),
  due_on       TEXT CHECK (due_on IS NULL OR (date (due_on, '+0 days') IS due_on AND due_on >= '2000-01-01')),
  status       INTEGER NOT NULL CHECK (status BETWEEN 1 AND 4),                   -- KhActionStatus
  FOREIGN KEY (goal_id, version_id, client_id) REFERENCES plan_goals (id, version_id, client_id),
  FOREIGN KEY (member_id, client_id) REFERENCES network_members (id, client_id),
  UNIQUE (goal_id, position),
  UNIQUE (version_id, origin_id),
  -- Someone of the network is named; the client and the worker are not.
  CHECK ((actor = 3) = (member_id IS NOT NULL))
) STRICT;

CREATE INDEX plan_actions_client ON plan_actions (client_id);
CREATE INDEX plan_actions_version ON plan_actions (version_id);

CREATE TABLE plan_partners (
  version_id      INTEGER NOT NULL,
  client_id       INTEGER NOT NULL,
  position        INTEGER NOT NULL CHECK (position >= 0),
  member_id       INTEGER,
  name            TEXT NOT NULL CHECK (length (trim (name)) >= 1 AND length (name) <= 200),
  responsibility  TEXT NOT NULL CHECK (length (trim (responsibility)) >= 1 AND length (responsibility) <= 8000),
  coordinator     INTEGER NOT NULL CHECK (coordinator IN (0, 1)),
  PRIMARY KEY (version_id, position),
  FOREIGN KEY (version_id, client_id) REFERENCES plan_versions (id, client_id),
  FOREIGN KEY (member_id, client_id) REFERENCES network_members (id, client_id),
  UNIQUE (version_id, member_id)
) STRICT;

CREATE INDEX plan_partners_client ON plan_partners (client_id);
-- 41 §: one coordinator at most (the acceptance asks for exactly one).
CREATE UNIQUE INDEX plan_partners_one_coordinator ON plan_partners (version_id) WHERE coordinator = 1;

CREATE TABLE plan_factors (
  version_id  INTEGER NOT NULL,
  client_id   INTEGER NOT NULL,
  position    INTEGER NOT NULL CHECK (position >= 0),
  effect      INTEGER NOT NULL CHECK (effect BETWEEN 1 AND 2),                    -- KhFactorEffect
  text        TEXT NOT NULL CHECK (length (trim (text)) >= 1 AND length (text) <= 8000),
  PRIMARY KEY (version_id, position),
  FOREIGN KEY (version_id, client_id) REFERENCES plan_versions (id, client_id)
) STRICT;

CREATE INDEX plan_factors_client ON plan_factors (client_id);

CREATE TABLE plan_reviews (
  id           INTEGER PRIMARY KEY,
  plan_id      INTEGER NOT NULL,
  client_id    INTEGER NOT NULL,
  reviewed_id  INTEGER NOT NULL UNIQUE,      -- the version evaluated
  next_id      INTEGER NOT NULL UNIQUE,      -- the version the review made
  reviewed_at  INTEGER NOT NULL,
  reviewed_by  INTEGER NOT NULL REFERENCES users (id),
  FOREIGN KEY (reviewed_id, plan_id, client_id) REFERENCES plan_versions (id, plan_id, client_id),
  FOREIGN KEY (next_id, plan_id, client_id) REFERENCES plan_versions (id, plan_id, client_id),
  UNIQUE (id, client_id)
) STRICT;

CREATE INDEX plan_reviews_client ON plan_reviews (client_id);

CREATE TABLE plan_evaluations (
  review_id  INTEGER NOT NULL,
  client_id  INTEGER NOT NULL,
  position   INTEGER NOT NULL CHECK (position >= 0),
  part       INTEGER NOT NULL CHECK (part BETWEEN 1 AND 4),                       -- KhEvaluatedPart
  goal_id    INTEGER REFERENCES plan_goals (id),                                  -- the goal's identity
  subject    TEXT CHECK (subject IS NULL OR (length (trim (subject)) >= 1 AND length (subject) <= 200)),
  rating     INTEGER NOT NULL CHECK (rating BETWEEN 0 AND 10),                    -- KH_PLAN_SCALE_MAX_STEPS
  comment    TEXT CHECK (comment IS NULL OR (length (trim (comment)) >= 1 AND length (comment) <= 8000)),
  PRIMARY KEY (review_id, position),
  FOREIGN KEY (review_id, client_id) REFERENCES plan_reviews (id, client_id),
  CHECK ((part = 1) = (goal_id IS NOT NULL)),
  CHECK (part = 1 OR subject IS NOT NULL)
) STRICT;

CREATE INDEX plan_evaluations_client ON plan_evaluations (client_id);

CREATE TABLE plan_acceptances (
  version_id   INTEGER PRIMARY KEY,
  client_id    INTEGER NOT NULL,
  accepted_at  INTEGER NOT NULL,
  accepted_by  INTEGER NOT NULL REFERENCES users (id),
  FOREIGN KEY (version_id, client_id) REFERENCES plan_versions (id, client_id)
) STRICT;

CREATE INDEX plan_acceptances_client ON plan_acceptances (client_id);

-- ---- who writes ----

CREATE TRIGGER client_plans_maker BEFORE INSERT ON client_plans
  WHEN coalesce ((SELECT role FROM users WHERE id = NEW.created_by AND active = 1), 0) NOT IN (2, 3, 4)
BEGIN
  SELECT RAISE (ABORT, 'a client plan is made by an active counsellor, social worker or lead social worker');
END;

CREATE TRIGGER plan_versions_maker BEFORE INSERT ON plan_versions
  WHEN coalesce ((SELECT role FROM users WHERE id = NEW.saved_by AND active = 1), 0) NOT IN (2, 3, 4)
BEGIN
  SELECT RAISE (ABORT, 'a client plan is made by an active counsellor, social worker or lead social worker');
END;

CREATE TRIGGER plan_reviews_maker BEFORE INSERT ON plan_reviews
  WHEN coalesce ((SELECT role FROM users WHERE id = NEW.reviewed_by AND active = 1), 0) NOT IN (2, 3, 4)
BEGIN
  SELECT RAISE (ABORT, 'a client plan is made by an active counsellor, social worker or lead social worker');
END;

CREATE TRIGGER plan_acceptances_maker BEFORE INSERT ON plan_acceptances
  WHEN coalesce ((SELECT role FROM users WHERE id = NEW.accepted_by AND active = 1), 0) NOT IN (2, 3, 4)
BEGIN
  SELECT RAISE (ABORT, 'a client plan is made by an active counsellor, social worker or lead social worker');
END;

-- ---- what a row joins ----

-- A plan is made from a finished assessment of the same case and person.
CREATE TRIGGER client_plans_assessment BEFORE INSERT ON client_plans
  WHEN NOT EXISTS (SELECT 1 FROM assessments a JOIN cases c ON c.id = a.case_id
                   WHERE a.id = NEW.assessment_id AND a.status = 2 AND a.case_id = NEW.case_id
                     AND a.client_id = NEW.client_id AND c.client_id = NEW.client_id)
BEGIN
  SELECT RAISE (ABORT, 'a client plan is made from a finished assessment of the same case');
END;

-- The next version, after the one before was accepted.
CREATE TRIGGER plan_versions_next BEFORE INSERT ON plan_versions
  WHEN NEW.version IS NOT coalesce ((SELECT max (version) FROM plan_versions WHERE plan_id = NEW.plan_id), 0) + 1
    OR (NEW.version > 1
        AND NOT EXISTS (SELECT 1 FROM plan_versions v JOIN plan_acceptances a ON a.version_id = v.id
                        WHERE v.plan_id = NEW.plan_id AND v.version = NEW.version - 1))
BEGIN
  SELECT RAISE (ABORT, 'a client plan''s version is the next one after an accepted version');
END;

-- Nothing joins an accepted version.
CREATE TRIGGER plan_goals_open BEFORE INSERT ON plan_goals
  WHEN EXISTS (SELECT 1 FROM plan_acceptances WHERE version_id = NEW.version_id)
BEGIN
  SELECT RAISE (ABORT, 'an accepted version of a client plan is kept as it was accepted');
END;

CREATE TRIGGER plan_actions_open BEFORE INSERT ON plan_actions
  WHEN EXISTS (SELECT 1 FROM plan_acceptances WHERE version_id = NEW.version_id)
BEGIN
  SELECT RAISE (ABORT, 'an accepted version of a client plan is kept as it was accepted');
END;

CREATE TRIGGER plan_partners_open BEFORE INSERT ON plan_partners
  WHEN EXISTS (SELECT 1 FROM plan_acceptances WHERE version_id = NEW.version_id)
BEGIN
  SELECT RAISE (ABORT, 'an accepted version of a client plan is kept as it was accepted');
END;

CREATE TRIGGER plan_factors_open BEFORE INSERT ON plan_factors
  WHEN EXISTS (SELECT 1 FROM plan_acceptances WHERE version_id = NEW.version_id)
BEGIN
  SELECT RAISE (ABORT, 'an accepted version of a client plan is kept as it was accepted');
END;

CREATE TRIGGER plan_evaluations_open BEFORE INSERT ON plan_evaluations
  WHEN EXISTS (SELECT 1 FROM plan_reviews r JOIN plan_acceptances a ON a.version_id = r.next_id
               WHERE r.id = NEW.review_id)
BEGIN
  SELECT RAISE (ABORT, 'an accepted version of a client plan is kept as it was accepted');
END;

-- A goal (an action) kept from an earlier version of the same plan names
-- its first row.
CREATE TRIGGER plan_goals_origin BEFORE INSERT ON plan_goals
  WHEN NEW.origin_id IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM plan_goals g WHERE g.id = NEW.origin_id AND g.origin_id IS NULL
                     AND g.plan_id = NEW.plan_id AND g.version_id <> NEW.version_id)
BEGIN
  SELECT RAISE (ABORT, 'a goal kept from an earlier version names its first row of the same plan');
END;

CREATE TRIGGER plan_actions_origin BEFORE INSERT ON plan_actions
  WHEN NEW.origin_id IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM plan_actions x JOIN plan_goals xg ON xg.id = x.goal_id
                     JOIN plan_goals g ON g.id = NEW.goal_id
                   WHERE x.id = NEW.origin_id AND x.origin_id IS NULL AND x.version_id <> NEW.version_id
                     AND coalesce (xg.origin_id, xg.id) = coalesce (g.origin_id, g.id))
BEGIN
  SELECT RAISE (ABORT, 'an action kept from an earlier version names its first row of the same goal');
END;

-- A review evaluates an accepted version and makes the next one.
CREATE TRIGGER plan_reviews_versions BEFORE INSERT ON plan_reviews
  WHEN NOT EXISTS (SELECT 1 FROM plan_acceptances WHERE version_id = NEW.reviewed_id)
    OR EXISTS (SELECT 1 FROM plan_acceptances WHERE version_id = NEW.next_id)
    OR (SELECT version FROM plan_versions WHERE id = NEW.next_id)
       IS NOT (SELECT version FROM plan_versions WHERE id = NEW.reviewed_id) + 1
BEGIN
  SELECT RAISE (ABORT, 'a review evaluates an accepted version and makes the next one');
END;

-- An evaluation of a goal is of a goal of the version reviewed.
CREATE TRIGGER plan_evaluations_goal BEFORE INSERT ON plan_evaluations
  WHEN NEW.goal_id IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM plan_goals g JOIN plan_reviews r ON r.reviewed_id = g.version_id
                   WHERE r.id = NEW.review_id AND coalesce (g.origin_id, g.id) = NEW.goal_id)
BEGIN
  SELECT RAISE (ABORT, 'an evaluation is of a goal of the version reviewed');
END;

-- The acceptance: what kh_client_plan_check asks that the rows show.
CREATE TRIGGER plan_acceptances_complete BEFORE INSERT ON plan_acceptances
  WHEN NOT EXISTS (SELECT 1 FROM plan_goals WHERE version_id = NEW.version_id)
    OR (EXISTS (SELECT 1 FROM plan_partners WHERE version_id = NEW.version_id)
        AND (SELECT count (*) FROM plan_partners WHERE version_id = NEW.version_id AND coordinator = 1) <> 1)
BEGIN
  SELECT RAISE (ABORT, 'a client plan has a goal, and one coordinator when it has partners');
END;

CREATE TRIGGER plan_acceptances_reviewed BEFORE INSERT ON plan_acceptances
  WHEN (SELECT version FROM plan_versions WHERE id = NEW.version_id) > 1
   AND (NOT EXISTS (SELECT 1 FROM plan_reviews WHERE next_id = NEW.version_id)
        OR EXISTS (SELECT 1 FROM plan_reviews r JOIN plan_goals g ON g.version_id = r.reviewed_id
                   WHERE r.next_id = NEW.version_id AND g.status = 1
                     AND NOT EXISTS (SELECT 1 FROM plan_evaluations e
                                     WHERE e.review_id = r.id AND e.part = 1
                                       AND e.goal_id = coalesce (g.origin_id, g.id) AND e.rating >= 1)))
BEGIN
  SELECT RAISE (ABORT, 'a later version of a client plan is made by a review that rates every active goal');
END;

-- ---- append-only ----

CREATE TRIGGER client_plans_no_update BEFORE UPDATE ON client_plans
BEGIN
  SELECT RAISE (ABORT, 'a client plan is kept: a change is a new version');
END;

CREATE TRIGGER client_plans_no_delete BEFORE DELETE ON client_plans
BEGIN
  SELECT RAISE (ABORT, 'a client plan is kept: a change is a new version');
END;

CREATE TRIGGER plan_versions_no_update BEFORE UPDATE ON plan_versions
BEGIN
  SELECT RAISE (ABORT, 'a version of a client plan is kept: a change is a new version');
END;

CREATE TRIGGER plan_versions_no_delete BEFORE DELETE ON plan_versions
BEGIN
  SELECT RAISE (ABORT, 'a version of a client plan is kept: a change is a new version');
END;

CREATE TRIGGER plan_goals_no_update BEFORE UPDATE ON plan_goals
BEGIN
  SELECT RAISE (ABORT, 'a version of a client plan is kept: a change is a new version');
END;

CREATE TRIGGER plan_goals_no_delete BEFORE DELETE ON plan_goals
BEGIN
  SELECT RAISE (ABORT, 'a version of a client plan is kept: a change is a new version');
END;

CREATE TRIGGER plan_actions_no_update BEFORE UPDATE ON plan_actions
BEGIN
  SELECT RAISE (ABORT, 'a version of a client plan is kept: a change is a new version');
END;

CREATE TRIGGER plan_actions_no_delete BEFORE DELETE ON plan_actions
BEGIN
  SELECT RAISE (ABORT, 'a version of a client plan is kept: a change is a new version');
END;

CREATE TRIGGER plan_partners_no_update BEFORE UPDATE ON plan_partners
BEGIN
  SELECT RAISE (ABORT, 'a version of a client plan is kept: a change is a new version');
END;

CREATE TRIGGER plan_partners_no_delete BEFORE DELETE ON plan_partners
BEGIN
  SELECT RAISE (ABORT, 'a version of a client plan is kept: a change is a new version');
END;

CREATE TRIGGER plan_factors_no_update BEFORE UPDATE ON plan_factors
BEGIN
  SELECT RAISE (ABORT, 'a version of a client plan is kept: a change is a new version');
END;

CREATE TRIGGER plan_factors_no_delete BEFORE DELETE ON plan_factors
BEGIN
  SELECT RAISE (ABORT, 'a version of a client plan is kept: a change is a new version');
END;

CREATE TRIGGER plan_reviews_no_update BEFORE UPDATE ON plan_reviews
BEGIN
  SELECT RAISE (ABORT, 'a review of a client plan is kept as it was made');
END;

CREATE TRIGGER plan_reviews_no_delete BEFORE DELETE ON plan_reviews
BEGIN
  SELECT RAISE (ABORT, 'a review of a client plan is kept as it was made');
END;

CREATE TRIGGER plan_evaluations_no_update BEFORE UPDATE ON plan_evaluations
BEGIN
  SELECT RAISE (ABORT, 'a review of a client plan is kept as it was made');
END;

CREATE TRIGGER plan_evaluations_no_delete BEFORE DELETE ON plan_evaluations
BEGIN
  SELECT RAISE (ABORT, 'a review of a client plan is kept as it was made');
END;

CREATE TRIGGER plan_acceptances_no_update BEFORE UPDATE ON plan_acceptances
BEGIN
  SELECT RAISE (ABORT, 'a version of a client plan is kept: a change is a new version');
END;

CREATE TRIGGER plan_acceptances_no_delete BEFORE DELETE ON plan_acceptances
BEGIN
  SELECT RAISE (ABORT, 'a version of a client plan is kept: a change is a new version');
END;

-- ---- what the caseload and the timeline show (issue 9, 5) ----

-- Each plan's newest accepted version.
CREATE VIEW plan_current AS
  SELECT p.id AS plan_id, p.client_id, p.case_id, v.id AS version_id, v.version, v.review_on
  FROM client_plans p
    JOIN plan_versions v ON v.plan_id = p.id
  WHERE v.id = (SELECT max (x.id) FROM plan_versions x JOIN plan_acceptances xa ON xa.version_id = x.id
                WHERE x.plan_id = p.id);

-- The timeline's rows of plans (kh-db-timeline.c, KhTimelineKind 7–9),
-- the timeline's columns with the person: each accepted version (n1
-- its number, ref_id the plan, day its review), the newest version's
-- review date, and its actions overdue today (n1 the actor, n2 the
-- status, text what, code who of the network, day the date due).
CREATE VIEW timeline_plans AS
  SELECT v.client_id, 7 AS kind, v.id AS id, p.case_id AS case_id, a.accepted_at AS at,
    v.version AS n1, 0 AS n2, v.plan_id AS ref_id, 0 AS flag, NULL AS text,
    coalesce (u.display_name, u.account) AS who, 0 AS n3, v.review_on AS day, NULL AS code, NULL AS lang
  FROM plan_versions v
    JOIN plan_acceptances a ON a.version_id = v.id
    JOIN client_plans p ON p.id = v.plan_id
    LEFT JOIN users u ON u.id = a.accepted_by
  UNION ALL
  SELECT c.client_id, 8, c.version_id, c.case_id, CAST (strftime ('%s', c.review_on) AS INTEGER),
    c.version, 0, c.plan_id, CASE WHEN c.review_on < date ('now', 'localtime') THEN 1 ELSE 0 END, NULL,
    NULL, 0, c.review_on, NULL, NULL
  FROM plan_current c
  UNION ALL
  SELECT c.client_id, 9, x.id, c.case_id, CAST (strftime ('%s', x.due_on) AS INTEGER),
    x.actor, x.status, c.plan_id, 1, x.what, NULL, 0, x.due_on, x.actor_name, NULL
  FROM plan_current c
    JOIN plan_actions x ON x.version_id = c.version_id
    JOIN plan_goals g ON g.id = x.goal_id
  WHERE g.status = 1 AND x.status IN (1, 2) AND x.due_on < date ('now', 'localtime');

-- The caseload's (kh-db-caseload.c): a case's plan review date and how
-- many of its actions are overdue today.
CREATE VIEW case_plan_status AS
  SELECT c.case_id, c.review_on,
    (SELECT count (*) FROM plan_actions x JOIN plan_goals g ON g.id = x.goal_id
     WHERE x.version_id = c.version_id AND g.status = 1 AND x.status IN (1, 2)
       AND x.due_on < date ('now', 'localtime')) AS overdue
  FROM plan_current c;

-- Another desk's open client page follows a new version (0019).
CREATE TRIGGER client_changes_plan_acceptances_insert AFTER INSERT ON plan_acceptances
BEGIN
  INSERT INTO client_changes (client_id, seq)
    VALUES (new.client_id, (SELECT coalesce (max (seq), 0) + 1 FROM client_changes))
    ON CONFLICT (client_id) DO UPDATE SET seq = excluded.seq;
END;
