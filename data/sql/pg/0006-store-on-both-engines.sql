-- 0006-store-on-both-engines.sql — what the store's tests found missing on
-- the server when they ran there too (issue 6: the whole store test suite
-- on both engines)
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Applied as 0001 says (a superuser, one transaction).
--
-- Undoing an intake. Removing a contact makes the foreign key of
-- contact_revisions look for the contact's revisions with a row lock (FOR
-- KEY SHARE), as the table's owner; 0001 took every UPDATE on the table
-- from the owner, and a lock needs one: no contact could be removed at all.
-- The owner gets UPDATE of one column back for the lock; the table's
-- trigger contact_revisions_no_update still refuses every change.
--
-- Work lists. The day's contacts at reception have the filters they have
-- on SQLite (channel, outcome, the worker who recorded the contact; issue
-- 5, 2.9) with their count, and both lists log a person once per showing
-- of the lists (issue 5, 2.6) as on SQLite: the caller names the people
-- its showing has already logged (p_shown); a person named there whom this
-- user's work list logged (what 8) within the last hour is shown again
-- without a new row, marked in tx_shown for this transaction, which
-- row-level security accepts as it accepts this transaction's own log
-- rows (tx_logged). Anyone else named is logged as usual: a client cannot
-- read a person without a work-list row of their own for that person from
-- the last hour.

SET ROLE kohtaamo_owner;
SET search_path = kohtaamo, pg_catalog;

-- ---- undoing an intake ----

GRANT UPDATE (contact_id) ON contact_revisions TO kohtaamo_owner;

-- ---- the people a showing of the work lists shows again ----

CREATE TABLE tx_shown (
  xact       xid8 NOT NULL,
  user_id    bigint NOT NULL,
  client_id  bigint NOT NULL
);
CREATE INDEX tx_shown_row ON tx_shown (xact, client_id);
REVOKE ALL ON tx_shown FROM PUBLIC;

CREATE OR REPLACE FUNCTION tx_logged (p_client_id bigint) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM access_log a
                 WHERE a.xact = pg_current_xact_id_if_assigned ()
                   AND a.client_id = p_client_id
                   AND a.user_id = session_user_id ())
      OR EXISTS (SELECT 1 FROM tx_shown s
                 WHERE s.xact = pg_current_xact_id_if_assigned ()
                   AND s.client_id = p_client_id
                   AND s.user_id = session_user_id ())
$$;

-- Logs each person of a page of a work list (what 8), or marks the person
-- shown again in the showing (see above). For the work-list functions only.
CREATE FUNCTION work_list_log (p_client_ids bigint[], p_shown bigint[]) RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
DECLARE
  u users := current_kohtaamo_user ();
  c bigint;
  since bigint := floor (extract (epoch FROM now ()))::bigint - 3600;
BEGIN
  -- Marks of finished transactions serve nobody (as tx_writes_mark).
  DELETE FROM tx_shown WHERE ctid IN (
    SELECT ctid FROM tx_shown
    WHERE xact < pg_snapshot_xmin (pg_current_snapshot ())
    LIMIT 100 FOR UPDATE SKIP LOCKED);
  FOR c IN SELECT DISTINCT x FROM unnest (p_client_ids) AS x WHERE x IS NOT NULL LOOP
    IF c = ANY (coalesce (p_shown, '{}'))
       AND EXISTS (SELECT 1 FROM access_log a
                   WHERE a.client_id = c AND a.at >= since
                     AND a.user_id = u.id AND a.what = 8) THEN
      INSERT INTO tx_shown (xact, user_id, client_id) VALUES (pg_current_xact_id (), u.id, c);
    ELSE
      PERFORM log_access (c, 8, CASE WHEN u.role = 1 THEN 1 ELSE 2 END);
    END IF;
  END LOOP;
END
$$;

-- ---- the day's contacts, with the filters; the queue ----

-- Contacts received in [p_from, p_to), of the channel, outcome and the
-- worker who recorded them (0: any), newest first (kh-db-contacts.c,
-- CONTACT_FILTER and CONTACT_ORDER). Anonymous contacts come too: they
-- hold nobody's data.
CREATE FUNCTION work_list_contacts (p_from bigint, p_to bigint, p_channel integer,
                                    p_outcome integer, p_worker bigint,
                                    p_limit integer, p_offset integer, p_shown bigint[])
RETURNS TABLE (contact_id bigint)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
DECLARE
  ids bigint[];
BEGIN
  PERFORM current_kohtaamo_user ();
  SELECT array_agg (h.id ORDER BY h.received_at DESC, h.id DESC) INTO ids FROM (
    SELECT k.id, k.received_at FROM contacts k
    WHERE k.received_at >= p_from AND k.received_at < p_to
      AND (coalesce (p_channel, 0) = 0 OR k.channel = p_channel)
      AND (coalesce (p_outcome, 0) = 0 OR k.outcome = p_outcome)
      AND (coalesce (p_worker, 0) = 0 OR k.created_by = p_worker)
    ORDER BY k.received_at DESC, k.id DESC
    LIMIT least (coalesce (p_limit, 200), 1000) OFFSET greatest (coalesce (p_offset, 0), 0)) AS h;
  PERFORM work_list_log (ARRAY (SELECT k.client_id FROM contacts k WHERE k.id = ANY (ids)), p_shown);
  RETURN QUERY SELECT i FROM unnest (ids) WITH ORDINALITY AS s (i, n) ORDER BY n;
END
$$;

-- How many contacts pass the same filters: a count, no person.
CREATE FUNCTION work_list_contacts_count (p_from bigint, p_to bigint, p_channel integer,
                                          p_outcome integer, p_worker bigint)
RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
  SELECT count (*) FROM contacts k
  WHERE k.received_at >= p_from AND k.received_at < p_to
    AND (coalesce (p_channel, 0) = 0 OR k.channel = p_channel)
    AND (coalesce (p_outcome, 0) = 0 OR k.outcome = p_outcome)
    AND (coalesce (p_worker, 0) = 0 OR k.created_by = p_worker)
    AND (current_kohtaamo_user ()).id IS NOT NULL
$$;

-- The queue as 0003's work_list_queue, a person once per showing.
CREATE FUNCTION work_list_queue (p_limit integer, p_offset integer, p_shown bigint[])
RETURNS TABLE (case_id bigint)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
DECLARE
  ids bigint[];
BEGIN
  PERFORM current_kohtaamo_user ();
  SELECT array_agg (h.id ORDER BY h.n) INTO ids FROM (
    SELECT q.id, row_number () OVER () AS n FROM (
      SELECT cs.id FROM cases cs
      WHERE cs.status = 1
      ORDER BY cs.urgent DESC,
               CASE WHEN cs.urgent = 1 THEN 0 WHEN cs.assessment_deadline IS NULL THEN 1 ELSE 0 END,
               CASE WHEN cs.urgent = 1 THEN NULL ELSE cs.assessment_deadline END,
               cs.opened_at, cs.id
      LIMIT least (coalesce (p_limit, 200), 1000) OFFSET greatest (coalesce (p_offset, 0), 0)) AS q) AS h;
  PERFORM work_list_log (ARRAY (SELECT cs.client_id FROM cases cs WHERE cs.id = ANY (ids)), p_shown);
  RETURN QUERY SELECT i FROM unnest (ids) WITH ORDINALITY AS s (i, n) ORDER BY n;
END
$$;

REVOKE ALL ON FUNCTION work_list_log (bigint[], bigint[]),
                       work_list_contacts (bigint, bigint, integer, integer, bigint, integer, integer, bigint[]),
                       work_list_contacts_count (bigint, bigint, integer, integer, bigint),
                       work_list_queue (integer, integer, bigint[])
  FROM PUBLIC;
GRANT EXECUTE ON FUNCTION work_list_contacts (bigint, bigint, integer, integer, bigint, integer, integer, bigint[]),
                          work_list_contacts_count (bigint, bigint, integer, integer, bigint),
                          work_list_queue (integer, integer, bigint[])
  TO kohtaamo_staff;

RESET ROLE;

INSERT INTO kohtaamo.schema_version (version, name) VALUES (6, '0006-store-on-both-engines');
