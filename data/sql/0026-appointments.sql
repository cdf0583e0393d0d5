-- 0026-appointments.sql — the unit's service points and the meetings booked
-- with clients (issue 7, 4)
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- A meeting is in person at a service point, by phone or by video, on a
-- day the office is open, in person within the point's opening hours and
-- in the client's language (or with an interpreter), without overlapping
-- the worker's other meetings. The store checks all of that with the core
-- (kh_appointment_check in src/core/kh-appointment.c) and words the
-- refusal; the triggers below restate what SQL can see, for any program
-- that writes here: weekends and the unit's closed days (the public
-- holidays are computed in C: SQLite has no Easter), the point's hours,
-- its languages, the overlap. Keep in sync with data/sql/pg/0018-appointments.sql.
--
-- Times are the unit's wall clock: `day` (ISO) and `start_min` (minutes
-- after midnight), as opening hours are; a meeting does not run past
-- midnight. A move changes the time in place (status 2, who and when); a
-- cancellation keeps the row with its reason (status 3). Nothing removes
-- a meeting, and a cancelled one does not change again.

CREATE TABLE service_points (
  id                   INTEGER PRIMARY KEY,
  name                 TEXT NOT NULL UNIQUE CHECK (length (trim (name)) BETWEEN 1 AND 200),
  address              TEXT CHECK (address IS NULL OR length (address) <= 200),
  languages            INTEGER NOT NULL CHECK (languages BETWEEN 1 AND 3),  -- KhPointLanguages
  by_appointment_only  INTEGER NOT NULL DEFAULT 0 CHECK (by_appointment_only IN (0, 1)),
  active               INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;

CREATE TABLE service_point_hours (
  point_id  INTEGER NOT NULL REFERENCES service_points (id),
  weekday   INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),   -- Monday 1 … Sunday 7
  opens     INTEGER NOT NULL CHECK (opens BETWEEN 0 AND 1439),
  closes    INTEGER NOT NULL CHECK (closes BETWEEN 1 AND 1440),
  PRIMARY KEY (point_id, weekday),
  CHECK (opens < closes)
) STRICT;

CREATE TABLE appointments (
  id             INTEGER PRIMARY KEY,
  client_id      INTEGER NOT NULL REFERENCES clients (id),
  case_id        INTEGER REFERENCES cases (id),
  worker_id      INTEGER NOT NULL REFERENCES users (id),
  kind           INTEGER NOT NULL CHECK (kind BETWEEN 1 AND 3),       -- KhMeetingKind
  point_id       INTEGER REFERENCES service_points (id),
  day            TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'
                                      AND date (day) = day),
  start_min      INTEGER NOT NULL CHECK (start_min BETWEEN 0 AND 1439),
  minutes        INTEGER NOT NULL CHECK (minutes BETWEEN 5 AND 480),
  language       INTEGER NOT NULL CHECK (language BETWEEN 1 AND 3),   -- KhLanguage
  interpreter    INTEGER NOT NULL DEFAULT 0 CHECK (interpreter IN (0, 1)),
  note           TEXT CHECK (note IS NULL OR length (note) <= 2000),
  status         INTEGER NOT NULL DEFAULT 1 CHECK (status BETWEEN 1 AND 3),  -- KhAppointmentStatus
  revision       INTEGER NOT NULL DEFAULT 0 CHECK (revision >= 0),
  cancel_reason  TEXT CHECK (cancel_reason IS NULL OR length (cancel_reason) <= 500),
  created_by     INTEGER NOT NULL REFERENCES users (id),
  created_at     INTEGER NOT NULL,
  changed_by     INTEGER REFERENCES users (id),
  changed_at     INTEGER,
  CHECK (start_min + minutes <= 1440),
  CHECK ((kind = 1) = (point_id IS NOT NULL)),
  CHECK ((status = 3) = (cancel_reason IS NOT NULL AND length (trim (cancel_reason)) > 0)),
  CHECK ((status = 1) = (changed_by IS NULL AND changed_at IS NULL))
) STRICT;

CREATE INDEX appointments_worker_day ON appointments (worker_id, day, start_min);
CREATE INDEX appointments_client ON appointments (client_id, day);

-- ---- the rules of booking, for any program ----

-- The time and place of a meeting being booked or moved (not of one being
-- cancelled, which keeps the time it had).
CREATE TRIGGER appointments_when_insert BEFORE INSERT ON appointments
  WHEN NEW.status <> 3
BEGIN
  SELECT RAISE (ABORT, 'a meeting is not booked in the past')
    WHERE NEW.day < date ('now', 'localtime');
  SELECT RAISE (ABORT, 'the office is closed on weekends')
    WHERE strftime ('%w', NEW.day) IN ('0', '6');
  SELECT RAISE (ABORT, 'the office is closed that day (a closed day of the unit)')
    WHERE EXISTS (SELECT 1 FROM closed_days WHERE date = NEW.day);
  SELECT RAISE (ABORT, 'a meeting in person is within the service point''s opening hours that day')
    WHERE NEW.kind = 1 AND NOT EXISTS (
      SELECT 1 FROM service_point_hours h
      WHERE h.point_id = NEW.point_id
        AND h.weekday = (CAST (strftime ('%w', NEW.day) AS INTEGER) + 6) % 7 + 1
        AND h.opens <= NEW.start_min AND NEW.start_min + NEW.minutes <= h.closes);
  SELECT RAISE (ABORT, 'the service point does not serve in the meeting''s language: book an interpreter')
    WHERE NEW.kind = 1 AND NEW.interpreter = 0 AND NEW.language IN (1, 2)
      AND (SELECT languages & NEW.language FROM service_points WHERE id = NEW.point_id) = 0;
  SELECT RAISE (ABORT, 'the worker has another meeting then')
    WHERE EXISTS (SELECT 1 FROM appointments o
                  WHERE o.worker_id = NEW.worker_id AND o.day = NEW.day AND o.status <> 3
                    AND o.start_min < NEW.start_min + NEW.minutes
                    AND NEW.start_min < o.start_min + o.minutes);
  SELECT RAISE (ABORT, 'meetings are booked for active counsellors, social workers and the lead social worker')
    WHERE (SELECT role IN (2, 3, 4) AND active = 1 FROM users WHERE id = NEW.worker_id) IS NOT 1;
  SELECT RAISE (ABORT, 'a meeting about a case is with the case''s person')
    WHERE NEW.case_id IS NOT NULL
      AND (SELECT client_id FROM cases WHERE id = NEW.case_id) IS NOT NEW.client_id;
  SELECT RAISE (ABORT, 'a new meeting is booked, not moved or cancelled')
    WHERE NEW.status <> 1;
END;

CREATE TRIGGER appointments_when_update BEFORE UPDATE ON appointments
  WHEN NEW.status <> 3
BEGIN
  SELECT RAISE (ABORT, 'a meeting is not moved into the past')
    WHERE NEW.day < date ('now', 'localtime')
      AND (NEW.day IS NOT OLD.day OR NEW.start_min IS NOT OLD.start_min);
  SELECT RAISE (ABORT, 'the office is closed on weekends')
    WHERE strftime ('%w', NEW.day) IN ('0', '6');
  SELECT RAISE (ABORT, 'the office is closed that day (a closed day of the unit)')
    WHERE EXISTS (SELECT 1 FROM closed_days WHERE date = NEW.day);
  SELECT RAISE (ABORT, 'a meeting in person is within the service point''s opening hours that day')
    WHERE NEW.kind = 1 AND NOT EXISTS (
      SELECT 1 FROM service_point_hours h
      WHERE h.point_id = NEW.point_id
        AND h.weekday = (CAST (strftime ('%w', NEW.day) AS INTEGER) + 6) % 7 + 1
        AND h.opens <= NEW.start_min AND NEW.start_min + NEW.minutes <= h.closes);
  SELECT RAISE (ABORT, 'the service point does not serve in the meeting''s language: book an interpreter')
    WHERE NEW.kind = 1 AND NEW.interpreter = 0 AND NEW.language IN (1, 2)
      AND (SELECT languages & NEW.language FROM service_points WHERE id = NEW.point_id) = 0;
  SELECT RAISE (ABORT, 'the worker has another meeting then')
    WHERE EXISTS (SELECT 1 FROM appointments o
                  WHERE o.worker_id = NEW.worker_id AND o.day = NEW.day AND o.status <> 3
                    AND o.id <> NEW.id
                    AND o.start_min < NEW.start_min + NEW.minutes
                    AND NEW.start_min < o.start_min + o.minutes);
END;

-- What never changes, whoever writes.
CREATE TRIGGER appointments_fixed BEFORE UPDATE ON appointments
  WHEN NEW.client_id IS NOT OLD.client_id OR NEW.case_id IS NOT OLD.case_id
    OR NEW.created_by IS NOT OLD.created_by OR NEW.created_at IS NOT OLD.created_at
    OR NEW.revision <= OLD.revision
BEGIN
  SELECT RAISE (ABORT, 'a meeting''s client, case and booking stay, and each change moves its revision on');
END;

CREATE TRIGGER appointments_cancelled_final BEFORE UPDATE ON appointments
  WHEN OLD.status = 3
BEGIN
  SELECT RAISE (ABORT, 'a cancelled meeting is not changed: book a new one');
END;

CREATE TRIGGER appointments_worker_change BEFORE UPDATE OF worker_id ON appointments
  WHEN NEW.worker_id IS NOT OLD.worker_id
   AND (SELECT role IN (2, 3, 4) AND active = 1 FROM users WHERE id = NEW.worker_id) IS NOT 1
BEGIN
  SELECT RAISE (ABORT, 'meetings are booked for active counsellors, social workers and the lead social worker');
END;

CREATE TRIGGER appointments_no_delete BEFORE DELETE ON appointments
BEGIN
  SELECT RAISE (ABORT, 'a meeting is never removed: cancel it with a reason');
END;

-- A point's hours go with the point; a point with meetings stays (made
-- inactive instead).
CREATE TRIGGER service_points_no_delete BEFORE DELETE ON service_points
  WHEN EXISTS (SELECT 1 FROM appointments WHERE point_id = OLD.id)
BEGIN
  SELECT RAISE (ABORT, 'a service point with meetings is not removed: make it inactive');
END;
