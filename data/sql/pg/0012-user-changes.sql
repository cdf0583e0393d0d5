-- 0012-user-changes.sql — who added or changed a user, and when
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Issue 6: PostgreSQL's side of data/sql/0022-user-changes.sql.

SET ROLE kohtaamo_owner;
SET search_path = kohtaamo, pg_catalog;

-- Who added or changed a user, and when (data/sql/0022-user-changes.sql on
-- SQLite, same columns). Here a trigger on users writes each row, with the
-- login that made the change (session_user: an administrator through
-- save_user, or the server's superuser through kohtaamo-admin users and
-- copy), whatever program wrote; nobody changes or removes one.
CREATE TABLE user_changes (
  id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at                  bigint NOT NULL,
  user_id             bigint NOT NULL REFERENCES users (id),
  role                integer NOT NULL CHECK (role BETWEEN 1 AND 5),
  active              integer NOT NULL CHECK (active IN (0, 1)),
  display_name        text,
  changed_by          bigint REFERENCES users (id),
  changed_by_account  text NOT NULL CHECK (length (changed_by_account) BETWEEN 1 AND 256)
);
CREATE INDEX user_changes_user ON user_changes (user_id, at);

CREATE TRIGGER user_changes_no_update BEFORE UPDATE ON user_changes
  FOR EACH ROW EXECUTE FUNCTION refuse ('a change of a user is recorded once and kept');
CREATE TRIGGER user_changes_no_delete BEFORE DELETE ON user_changes
  FOR EACH ROW EXECUTE FUNCTION refuse ('a change of a user is recorded once and kept');

CREATE FUNCTION user_changed () RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
BEGIN
  INSERT INTO user_changes (at, user_id, role, active, display_name, changed_by, changed_by_account)
    VALUES (floor (extract (epoch FROM now ()))::bigint, new.id, new.role, new.active,
            new.display_name,
            (SELECT id FROM users WHERE account = session_user),
            session_user);
  RETURN NULL;
END
$$;

CREATE TRIGGER users_changes_insert AFTER INSERT ON users
  FOR EACH ROW EXECUTE FUNCTION user_changed ();
CREATE TRIGGER users_changes_update AFTER UPDATE OF role, active, display_name ON users
  FOR EACH ROW
  WHEN (new.role IS DISTINCT FROM old.role OR new.active IS DISTINCT FROM old.active
        OR new.display_name IS DISTINCT FROM old.display_name)
  EXECUTE FUNCTION user_changed ();

REVOKE ALL ON user_changes FROM PUBLIC;
REVOKE UPDATE, DELETE, TRUNCATE ON user_changes FROM kohtaamo_owner;
GRANT SELECT ON user_changes TO kohtaamo_admin;

RESET ROLE;

INSERT INTO kohtaamo.schema_version (version, name) VALUES (12, '0012-user-changes');
