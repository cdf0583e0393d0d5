-- 0011-bulk-writes-linear.sql — the marks of a transaction's own rows, swept once
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Issue 6 (items 2 and 9): tx_writes_mark (0001) marks each row a
-- transaction inserts, so that its own INSERT … RETURNING sees it under
-- row-level security, and at every insert it swept the marks of finished
-- transactions. The sweep's query looked through the whole table, the
-- marks of its own transaction included: a transaction that inserts n
-- rows (kohtaamo-admin demo, import-clients) did n sweeps over up to n
-- marks, O(n²) — 5 000 demo people took 34 s, and the benchmark had to
-- switch the trigger off. Now a transaction sweeps once, at its first
-- mark (a flag local to the transaction, set_config (…, true)), and takes
-- up to 1 000 finished marks then; the mark itself is one indexed insert.
-- A session that sets the flag by hand only keeps finished marks longer:
-- a mark names its transaction, so no other transaction is helped by one.

SET ROLE kohtaamo_owner;
SET search_path = kohtaamo, pg_catalog;

CREATE OR REPLACE FUNCTION tx_writes_mark () RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
DECLARE
  me xid8 := pg_current_xact_id ();
BEGIN
  IF current_setting ('kohtaamo.tx_writes_swept', true) IS DISTINCT FROM me::text THEN
    -- Marks of finished transactions serve nobody: remove some, without
    -- waiting for another transaction that is removing them too.
    DELETE FROM tx_writes WHERE ctid IN (
      SELECT ctid FROM tx_writes
      WHERE xact < pg_snapshot_xmin (pg_current_snapshot ())
      LIMIT 1000 FOR UPDATE SKIP LOCKED);
    PERFORM set_config ('kohtaamo.tx_writes_swept', me::text, true);
  END IF;
  INSERT INTO tx_writes (xact, tbl, row_id) VALUES (me, TG_TABLE_NAME, NEW.id);
  RETURN NEW;
END
$$;

RESET ROLE;

INSERT INTO kohtaamo.schema_version (version, name) VALUES (11, '0011-bulk-writes-linear');
