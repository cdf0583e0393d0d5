-- 0005-search-ranges-log-verify.sql — name search read from the word index
-- alone; the access log's chain verified and checkpointed on the server
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Applied as 0001 says (a superuser, one transaction).
--
-- Search. 0001's name search read every candidate's row of clients to sort
-- them, and walked the people in name order when a prefix was common: on
-- 100 000 people a last name shared by 3 000 took ~0.4 s, and a cluster of
-- names under one prefix made the walk read most of the table. Now the
-- candidates come from client_words alone (an index-only range of
-- (word, sort_prefix, client_id)), are cut at the limit by their 24-byte
-- sort prefix, and only those that tie up to the cut are read from clients
-- and put in order by their whole key (as kh-db-clients.c does on SQLite):
-- ~2.5 ms for the same 3 000. The other words typed are checked through
-- client_words_client, now (client_id, word) so that it answers alone.
--
-- The log. kohtaamo.verify_access_log() recomputes the chain on the server
-- and names the first row that is missing, out of order or changed;
-- kohtaamo.access_log_checkpoint() gives the count and the latest hash with
-- the server's time and the database's identity (the setting
-- "database_id", written once, as on SQLite since 0017), to be kept
-- outside the database (issue 6, 4). Both are
-- for the lead social worker and the administrator; they return no
-- personal data.

SET ROLE kohtaamo_owner;
SET search_path = kohtaamo, pg_catalog;

-- The trigger that folds names calls fold_words: by its own search path,
-- not the writer's.
ALTER FUNCTION clients_keys () SET search_path = kohtaamo, pg_catalog, pg_temp;

DROP INDEX client_words_client;
CREATE INDEX client_words_client ON client_words (client_id, word);

CREATE OR REPLACE FUNCTION search_clients_by_name (p_text text, p_limit integer, p_basis integer)
RETURNS TABLE (client_id bigint)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
DECLARE
  words text[] := (fold_words (p_text))[1:6];
  first_word text;
  others text[];
  n_fetch integer;
  n_read integer;
  cut bytea;
  last bytea;
  cand_ids bigint[];
  ids bigint[];
BEGIN
  PERFORM current_kohtaamo_user ();
  IF cardinality (words) = 0 OR p_limit IS NULL OR p_limit <= 0 THEN
    RETURN;
  END IF;
  p_limit := least (p_limit, 1000);
  -- The longest word narrows most; the others must match too.
  SELECT w INTO first_word FROM unnest (words) AS w ORDER BY length (w) DESC, w LIMIT 1;
  others := words[:array_position (words, first_word) - 1]
            || words[array_position (words, first_word) + 1:];

  -- The first rows of the range in (sort_prefix, client_id) order, until
  -- the people who tie with the last one wanted are all in (a person with
  -- two words in the range comes twice).
  n_fetch := 2 * p_limit + 16;
  LOOP
    SELECT count (*), (array_agg (r.sort_prefix ORDER BY r.sort_prefix DESC))[1],
           (array_agg (DISTINCT r.sort_prefix ORDER BY r.sort_prefix))[p_limit],
           array_agg (DISTINCT r.client_id)
      INTO n_read, last, cut, cand_ids
      FROM (SELECT w.sort_prefix, w.client_id FROM client_words w
            WHERE w.word >= first_word COLLATE "C" AND w.word < (first_word || U&'\+10FFFF') COLLATE "C"
              AND (cardinality (others) = 0
                   OR NOT EXISTS (SELECT 1 FROM unnest (others) AS t
                                  WHERE NOT EXISTS (SELECT 1 FROM client_words w2
                                                    WHERE w2.client_id = w.client_id
                                                      AND w2.word >= t COLLATE "C"
                                                      AND w2.word < (t || U&'\+10FFFF') COLLATE "C")))
            ORDER BY w.sort_prefix, w.client_id
            LIMIT n_fetch) AS r;
    EXIT WHEN n_read < n_fetch OR (cut IS NOT NULL AND last > cut);
    n_fetch := n_fetch * 4;
  END LOOP;

  -- These few, read by their ids, in order of their whole sort key.
  SELECT array_agg (h.id ORDER BY h.sort_key, h.id) INTO ids FROM (
    SELECT c.id, c.sort_key FROM clients c WHERE c.id = ANY (cand_ids)
    ORDER BY c.sort_key, c.id
    LIMIT p_limit) AS h;

  PERFORM log_access (i, 1, p_basis) FROM unnest (ids) AS i;
  RETURN QUERY SELECT i FROM unnest (ids) WITH ORDINALITY AS s (i, n) ORDER BY n;
END
$$;

-- The hash of a row by the formula of issue 6 (the same on both engines).
CREATE FUNCTION access_log_row_hash (p_seq bigint, p_at bigint, p_user_id bigint, p_client_id bigint,
                                     p_what integer, p_basis integer, p_prev_hash text)
RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT encode (sha256 (convert_to (
           format ('kohtaamo-log-v1|%s|%s|%s|%s|%s|%s|%s', p_seq, p_at, p_user_id,
                   coalesce (p_client_id::text, ''), p_what, p_basis, p_prev_hash), 'UTF8')), 'hex')
$$;

-- Walks the chain from row 1. problem is NULL when every row is there, in
-- order, unchanged, and the chain's end (access_log_head) is its last row;
-- otherwise first_bad_seq names the first row found missing or changed.
CREATE FUNCTION verify_access_log (OUT rows_checked bigint, OUT first_bad_seq bigint,
                                   OUT problem text, OUT last_hash text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
DECLARE
  r record;
  head access_log_head;
  prev text := repeat ('0', 64);
  n bigint := 0;
BEGIN
  PERFORM current_kohtaamo_user ();
  rows_checked := 0;
  FOR r IN SELECT seq, at, user_id, client_id, what, basis, prev_hash, hash
           FROM access_log ORDER BY seq
  LOOP
    n := n + 1;
    IF r.seq <> n THEN
      first_bad_seq := n;
      problem := format ('row %s is missing', n);
      RETURN;
    END IF;
    IF r.prev_hash <> prev THEN
      first_bad_seq := n;
      problem := format ('row %s does not follow row %s', n, n - 1);
      RETURN;
    END IF;
    IF r.hash <> access_log_row_hash (r.seq, r.at, r.user_id, r.client_id, r.what, r.basis, r.prev_hash) THEN
      first_bad_seq := n;
      problem := format ('row %s was changed', n);
      RETURN;
    END IF;
    prev := r.hash;
    rows_checked := n;
    last_hash := prev;
  END LOOP;
  SELECT * INTO head FROM access_log_head WHERE one = 1;
  IF head.seq <> n OR head.hash <> prev THEN
    first_bad_seq := n + 1;
    problem := format ('the log ends at row %s, but row %s was written', n, head.seq);
  END IF;
END
$$;

-- The database's identity, written once (as SQLite's 0017): a checkpoint
-- names it, so that it is never checked against another unit's database.
INSERT INTO settings (key, value) VALUES ('database_id', replace (gen_random_uuid ()::text, '-', ''));

CREATE FUNCTION settings_database_id () RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
BEGIN
  IF (TG_OP = 'INSERT' AND NEW.key = 'database_id'
      AND EXISTS (SELECT 1 FROM settings WHERE key = 'database_id'))
     OR (TG_OP = 'UPDATE' AND (OLD.key = 'database_id' OR NEW.key = 'database_id'))
     OR (TG_OP = 'DELETE' AND OLD.key = 'database_id') THEN
    RAISE EXCEPTION USING ERRCODE = 'check_violation', MESSAGE = 'the database identity is written once';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;

CREATE TRIGGER settings_database_id BEFORE INSERT OR UPDATE OR DELETE ON settings
  FOR EACH ROW EXECUTE FUNCTION settings_database_id ();

-- A checkpoint now (kh-log-chain.h, KhLogCheckpoint): the newest row's seq
-- and hash, the count, the server's time and the database's identity, to be
-- kept outside the database and compared later: a log cut short or
-- rewritten no longer reaches it.
CREATE FUNCTION access_log_checkpoint (OUT database_id text, OUT seq bigint, OUT hash text,
                                       OUT count bigint, OUT made_at bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
  SELECT (SELECT value FROM settings WHERE key = 'database_id'), h.seq, h.hash,
         (SELECT count (*) FROM access_log), floor (extract (epoch FROM clock_timestamp ()))::bigint
  FROM access_log_head h
  WHERE h.one = 1 AND (current_kohtaamo_user ()).id IS NOT NULL
$$;

REVOKE ALL ON FUNCTION access_log_row_hash (bigint, bigint, bigint, bigint, integer, integer, text),
                       verify_access_log (), access_log_checkpoint () FROM PUBLIC;
GRANT EXECUTE ON FUNCTION access_log_row_hash (bigint, bigint, bigint, bigint, integer, integer, text)
  TO kohtaamo_staff;
GRANT EXECUTE ON FUNCTION verify_access_log (), access_log_checkpoint () TO kohtaamo_lead, kohtaamo_admin;

-- Every read waits for the end of the chain (access_log_head), which each
-- writer holds until its commit: a transaction left open after logging
-- would stop every desk. So a logging read gives up after 5 s with an
-- error instead of hanging, and the server ends a session that sits idle
-- inside a transaction for a minute (the store never does).
ALTER FUNCTION log_access (bigint, integer, integer) SET lock_timeout = '5s';

RESET ROLE;

DO $timeouts$
BEGIN
  EXECUTE format ('ALTER DATABASE %I SET idle_in_transaction_session_timeout = %L',
                  current_database (), '60s');
END
$timeouts$;

INSERT INTO kohtaamo.schema_version (version, name) VALUES (5, '0005-search-ranges-log-verify');
