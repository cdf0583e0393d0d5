-- 0003-case-urgency.sql — a case carries its contact's urgency, for the queue
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- The PostgreSQL side of data/sql/0018-case-urgency.sql. SHL 36 § 1 mom and
-- 45 § (issue 5, 1.1): every urgent case comes first in the queue. The
-- urgency is the answer recorded on the contact that opened the case; a
-- copy on the case lets one index give the queue's order, so that a page
-- reads only its own rows instead of every waiting case and its contact.
--
-- The copy can never disagree with the contact: the store writes it when it
-- opens a case, the trigger refuses any other value, and a change of the
-- contact's answer moves its case with it.

SET ROLE kohtaamo_owner;
SET search_path = kohtaamo, pg_catalog;

ALTER TABLE cases ADD COLUMN urgent integer NOT NULL DEFAULT 0 CHECK (urgent IN (0, 1));

UPDATE cases SET urgent = 1 WHERE contact_id IN (SELECT id FROM contacts WHERE urgent = 1);

CREATE FUNCTION cases_urgent () RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
BEGIN
  IF NEW.urgent IS DISTINCT FROM (SELECT urgent FROM contacts WHERE id = NEW.contact_id) THEN
    RAISE EXCEPTION USING ERRCODE = 'check_violation',
      MESSAGE = 'a case is urgent exactly when the contact that opened it is';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER cases_urgent_insert BEFORE INSERT ON cases
  FOR EACH ROW EXECUTE FUNCTION cases_urgent ();
CREATE TRIGGER cases_urgent_update BEFORE UPDATE OF urgent, contact_id ON cases
  FOR EACH ROW EXECUTE FUNCTION cases_urgent ();

CREATE FUNCTION contacts_urgent_to_case () RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
BEGIN
  UPDATE cases SET urgent = NEW.urgent WHERE contact_id = NEW.id;
  RETURN NULL;
END
$$;

CREATE TRIGGER contacts_urgent_to_case AFTER UPDATE OF urgent ON contacts
  FOR EACH ROW WHEN (NEW.urgent IS DISTINCT FROM OLD.urgent)
  EXECUTE FUNCTION contacts_urgent_to_case ();

-- The queue's order (work_list_queue, kh_db_list_queue_query): urgent
-- first, the longest waiting first among them; then the nearest 36 §
-- deadline, cases without one after those with one; then the oldest.
DROP INDEX cases_queue;
CREATE INDEX cases_queue ON cases (
  status,
  urgent DESC,
  (CASE WHEN urgent = 1 THEN 0 WHEN assessment_deadline IS NULL THEN 1 ELSE 0 END),
  (CASE WHEN urgent = 1 THEN NULL ELSE assessment_deadline END),
  opened_at,
  id);

CREATE OR REPLACE FUNCTION work_list_queue (p_limit integer, p_offset integer)
RETURNS TABLE (case_id bigint)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
DECLARE
  u users := current_kohtaamo_user ();
  ids bigint[];
BEGIN
  SELECT array_agg (h.id ORDER BY h.n) INTO ids FROM (
    SELECT q.id, row_number () OVER () AS n FROM (
      SELECT cs.id FROM cases cs
      WHERE cs.status = 1
      ORDER BY cs.urgent DESC,
               CASE WHEN cs.urgent = 1 THEN 0 WHEN cs.assessment_deadline IS NULL THEN 1 ELSE 0 END,
               CASE WHEN cs.urgent = 1 THEN NULL ELSE cs.assessment_deadline END,
               cs.opened_at, cs.id
      LIMIT least (coalesce (p_limit, 200), 1000) OFFSET greatest (coalesce (p_offset, 0), 0)) AS q) AS h;
  PERFORM log_access (c.client_id, 8, CASE WHEN u.role = 1 THEN 1 ELSE 2 END)
    FROM (SELECT DISTINCT client_id FROM cases WHERE id = ANY (ids)) AS c;
  RETURN QUERY SELECT i FROM unnest (ids) WITH ORDINALITY AS s (i, n) ORDER BY n;
END
$$;

CREATE OR REPLACE FUNCTION queue_counts (OUT total bigint, OUT urgent bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
  SELECT count (*), count (*) FILTER (WHERE cs.urgent = 1)
  FROM cases cs
  WHERE cs.status = 1 AND (current_kohtaamo_user ()).id IS NOT NULL
$$;

-- Reception reads of a case what the queue shows: its urgency too.
GRANT SELECT (urgent) ON cases TO kohtaamo_reception;

RESET ROLE;

INSERT INTO kohtaamo.schema_version (version, name) VALUES (3, '0003-case-urgency');
