-- 0023-teams.sql — the unit's teams: each case waits in one team's queue
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Issue 5, 2.9 (the queue per team at reception) and issue 7, 1 (my
-- team's queue on the social worker's desk). Until now every opened case
-- went to one queue. A unit has teams (the administrator names them and
-- deactivates one that no longer takes cases; a team is never removed, so
-- that its cases keep it); a worker belongs to at most one team
-- (reception and the administrator usually to none); every case belongs
-- to one team.
--
-- This migration makes the unit's first team, named as the unit is (the
-- setting unit_name) or "Aikuissosiaalityö", puts every existing case in
-- it, and the workers who take cases (counsellors, social workers and the
-- lead social worker: they all worked the one queue) too.
--
-- Rules, restated below the store (kh_db_save_intake, kh_db_save_team):
-- a new case has a team, and only an active team gets new cases or new
-- members; a case's team is never taken away. The column cannot be NOT
-- NULL here (SQLite adds a column with NOT NULL only with a default), so
-- the triggers say it; PostgreSQL's 0015-teams.sql says NOT NULL.

CREATE TABLE teams (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE
                CHECK (length (trim (name)) > 0 AND length (name) <= 80
                       AND name = trim (name)),
  active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at  INTEGER NOT NULL
) STRICT;

INSERT INTO teams (name, active, created_at)
  VALUES (coalesce ((SELECT trim (substr (value, 1, 80)) FROM settings
                     WHERE key = 'unit_name' AND length (trim (value)) > 0),
                    'Aikuissosiaalityö'),
          1, unixepoch ());

ALTER TABLE users ADD COLUMN team_id INTEGER REFERENCES teams (id);
ALTER TABLE cases ADD COLUMN team_id INTEGER REFERENCES teams (id);

UPDATE cases SET team_id = (SELECT min (id) FROM teams);
UPDATE users SET team_id = (SELECT min (id) FROM teams) WHERE role IN (2, 3, 4);

CREATE TRIGGER cases_team_insert BEFORE INSERT ON cases
  WHEN NEW.team_id IS NULL
BEGIN
  SELECT RAISE (ABORT, 'a case belongs to a team');
END;

CREATE TRIGGER cases_team_active_insert BEFORE INSERT ON cases
  WHEN (SELECT active FROM teams WHERE id = NEW.team_id) IS NOT 1
BEGIN
  SELECT RAISE (ABORT, 'only an active team gets new cases');
END;

CREATE TRIGGER cases_team_update BEFORE UPDATE OF team_id ON cases
  WHEN NEW.team_id IS NOT OLD.team_id
   AND (NEW.team_id IS NULL OR (SELECT active FROM teams WHERE id = NEW.team_id) IS NOT 1)
BEGIN
  SELECT RAISE (ABORT, 'a case moves only to an active team');
END;

CREATE TRIGGER users_team_insert BEFORE INSERT ON users
  WHEN NEW.team_id IS NOT NULL AND (SELECT active FROM teams WHERE id = NEW.team_id) IS NOT 1
BEGIN
  SELECT RAISE (ABORT, 'only an active team gets new members');
END;

CREATE TRIGGER users_team_update BEFORE UPDATE OF team_id ON users
  WHEN NEW.team_id IS NOT OLD.team_id AND NEW.team_id IS NOT NULL
   AND (SELECT active FROM teams WHERE id = NEW.team_id) IS NOT 1
BEGIN
  SELECT RAISE (ABORT, 'only an active team gets new members');
END;

-- The unit always has a team that takes cases.
CREATE TRIGGER teams_one_active BEFORE UPDATE OF active ON teams
  WHEN NEW.active = 0 AND OLD.active = 1
   AND NOT EXISTS (SELECT 1 FROM teams WHERE active = 1 AND id <> NEW.id)
BEGIN
  SELECT RAISE (ABORT, 'at least one active team is needed');
END;

CREATE TRIGGER teams_no_delete BEFORE DELETE ON teams
BEGIN
  SELECT RAISE (ABORT, 'a team is deactivated, never removed');
END;

-- One team's queue in the queue's order (kh_db_list_queue_query with a
-- team), as cases_queue (0018) gives the whole queue's.
CREATE INDEX cases_team_queue ON cases (
  status,
  team_id,
  urgent DESC,
  (CASE WHEN urgent = 1 THEN 0 WHEN assessment_deadline IS NULL THEN 1 ELSE 0 END),
  (CASE WHEN urgent = 1 THEN NULL ELSE assessment_deadline END),
  opened_at);
