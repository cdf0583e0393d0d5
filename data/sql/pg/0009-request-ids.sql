-- 0009-request-ids.sql — PostgreSQL's side of data/sql/0020-request-ids.sql
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Issue 6, item 7: a save whose answer was lost (the server stopped, a
-- failover) is made again with the same request id, and returns the
-- contact the first attempt saved instead of inserting another. The
-- UNIQUE constraint holds for any writer: a second insert with the id
-- waits for the first transaction and is refused if it committed.
--
-- Finding the earlier attempt: a worker reads a contact only after its
-- person is logged in the transaction (row-level security, 0001), and the
-- answer the form needs is only ids. intake_by_request returns the ids of
-- the caller's own contact with the request id (created_by is the
-- session's user), nothing of the person; reading the person later is
-- logged as every read.

SET ROLE kohtaamo_owner;
SET search_path = kohtaamo, pg_catalog;

ALTER TABLE contacts ADD COLUMN request_id text
  CHECK (request_id IS NULL
         OR request_id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$');
ALTER TABLE contacts ADD CONSTRAINT contacts_request_id_unique UNIQUE (request_id);

CREATE TRIGGER contacts_request_id_kept
  BEFORE UPDATE OF request_id ON contacts
  FOR EACH ROW WHEN (new.request_id IS DISTINCT FROM old.request_id)
  EXECUTE FUNCTION refuse ('the request id of a contact never changes');

-- The contact, its person (0: anonymous), the case it opened or joined
-- (0: none), the assessment deadline of a case it opened, and whether it
-- joined a pending case: what kh_db_save_intake answers.
CREATE FUNCTION intake_by_request (p_request_id text)
RETURNS TABLE (contact_id bigint, client_id bigint, case_id bigint,
               assessment_deadline text, attached integer)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
  SELECT k.id, coalesce (k.client_id, 0), coalesce (cs.id, k.attached_case_id, 0),
         cs.assessment_deadline, CASE WHEN k.attached_case_id IS NULL THEN 0 ELSE 1 END
    FROM contacts k LEFT JOIN cases cs ON cs.contact_id = k.id
   WHERE k.request_id = p_request_id
     AND k.created_by = session_user_id ()
$$;

REVOKE ALL ON FUNCTION intake_by_request (text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION intake_by_request (text) TO kohtaamo_staff;

RESET ROLE;

INSERT INTO kohtaamo.schema_version (version, name) VALUES (9, '0009-request-ids');
