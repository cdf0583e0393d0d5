-- 0009-access-log-filters.sql — the access log's filters, and the unit's name
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- The log view filters by person, user, kind and date range in SQL and
-- pages by (at, id) (kh-db-log.c). Person and time have their indexes since
-- 0001; these add user and kind, each followed by time so that a filtered
-- page is read in order straight from the index.

CREATE INDEX access_log_user ON access_log (user_id, at);
CREATE INDEX access_log_what ON access_log (what, at);

-- The unit's name (setting "unit_name"), shown in the window's header so
-- that a worker sees which unit's database is open. Unset is no row. The
-- store refuses an empty or over-long name, whatever the client does.
CREATE TRIGGER settings_unit_name_insert BEFORE INSERT ON settings
  WHEN NEW.key = 'unit_name'
   AND (length (trim (NEW.value)) = 0 OR length (NEW.value) > 120)
BEGIN
  SELECT RAISE (ABORT, 'the unit name must be 1 to 120 characters');
END;

CREATE TRIGGER settings_unit_name_update BEFORE UPDATE ON settings
  WHEN NEW.key = 'unit_name'
   AND (length (trim (NEW.value)) = 0 OR length (NEW.value) > 120)
BEGIN
  SELECT RAISE (ABORT, 'the unit name must be 1 to 120 characters');
END;
