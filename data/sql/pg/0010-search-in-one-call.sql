-- 0010-search-in-one-call.sql — search as you type in one call, from a
-- prefix index; the access log filtered by a person's name
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Applied as 0001 says (a superuser, one transaction).
--
-- Issue 6, 2: search on a server as fast as on SQLite (aims over a Unix
-- socket with 100 000 people: median < 3 ms, p99 < 16 ms). Measured with
-- 0005 (tools/bench, a shared 2-core machine): median 20.7 ms, p99 78 ms,
-- against a floor of 0.2 ms. Where the time went:
--
--  * Short prefixes. A word typed as "m" is a range of client_words of
--    ~21 000 rows (21 % of the people), all of them read and sorted to find
--    the first 20 in name order: 15–50 ms. Every search typed letter by
--    letter starts so. Now the prefixes of one to three letters of every
--    name word have their own index, client_name_prefixes (prefix,
--    sort_prefix, client_id): such a prefix is one key, read in name order,
--    and the first rows are the answer. A longer prefix covers few words
--    ("mäki": maki, makinen, makela): each word's rows are read in name
--    order, as many as are wanted, and merged.
--  * Counting. "How many match" counted every match up to the cap through
--    a DISTINCT over the range; now the same index stops at the cap.
--  * Round trips. The client asked the server ~45 times a search (the
--    search, each person's row, each person's open cases, the count):
--    each answer waits for the server to be scheduled on a busy machine.
--    search_clients() does it in one call: it finds the people, counts,
--    logs each person it returns and returns their rows, with the
--    address withheld behind a non-disclosure marking as
--    client_address() does, and their open cases.
--  * Logging. Each person was logged by a call of log_access (its own
--    user check and INSERT); log_access_all logs a search's people in one
--    INSERT, in the order returned (the chain's trigger numbers and
--    hashes each row as before).
--
-- The older search functions (search_clients_by_name, _by_code, _by_phone,
-- _by_birth_dates) stay, for a program of an earlier version at another
-- desk, and now use the same finding and logging.
--
-- The access log by a person's name (kh-db-log.c, KhAccessFilter
-- person_words): the name index is readable by nobody, so the lead social
-- worker's or the administrator's filter asks access_log_people_named(),
-- which answers only them, and only with the people whose log rows this
-- transaction's logged reading of the log may show (tx_logged_log_read).

SET ROLE kohtaamo_owner;
SET search_path = kohtaamo, pg_catalog;

-- ---- the prefix index ----

-- The distinct prefixes of one to three letters of a person's folded name
-- words (fold_words), with the first 24 bytes of the sort key, as
-- client_words keeps whole words. Kept by the server; nobody else reads or
-- writes it.
CREATE TABLE client_name_prefixes (
  prefix       text COLLATE "C" NOT NULL CHECK (length (prefix) BETWEEN 1 AND 3),
  sort_prefix  bytea NOT NULL CHECK (length (sort_prefix) BETWEEN 1 AND 24),
  client_id    bigint NOT NULL
);
CREATE INDEX client_name_prefixes_order ON client_name_prefixes (prefix, sort_prefix, client_id);
CREATE INDEX client_name_prefixes_client ON client_name_prefixes (client_id);
REVOKE ALL ON client_name_prefixes FROM PUBLIC;

CREATE FUNCTION name_prefixes (p_words text[]) RETURNS text[]
LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce (array_agg (DISTINCT left (w, n)), '{}')
  FROM unnest (p_words) AS w, generate_series (1, 3) AS n
  WHERE n <= length (w)
$$;

CREATE FUNCTION clients_name_prefixes () RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    DELETE FROM client_name_prefixes WHERE client_id = OLD.id;
  END IF;
  -- As clients_words: a person without a sort key is not searched.
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.sort_key IS NOT NULL AND length (NEW.sort_key) > 0 THEN
    INSERT INTO client_name_prefixes (prefix, sort_prefix, client_id)
      SELECT p, substring (NEW.sort_key FROM 1 FOR 24), NEW.id
      FROM unnest (name_prefixes (fold_words (NEW.last_name || ' ' || NEW.first_names))) AS p;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER clients_name_prefixes_insert AFTER INSERT ON clients
  FOR EACH ROW EXECUTE FUNCTION clients_name_prefixes ();
CREATE TRIGGER clients_name_prefixes_update AFTER UPDATE OF last_name, first_names, sort_key ON clients
  FOR EACH ROW EXECUTE FUNCTION clients_name_prefixes ();
CREATE TRIGGER clients_name_prefixes_delete AFTER DELETE ON clients
  FOR EACH ROW EXECUTE FUNCTION clients_name_prefixes ();

INSERT INTO client_name_prefixes (prefix, sort_prefix, client_id)
  SELECT DISTINCT left (w.word, n), w.sort_prefix, w.client_id
  FROM client_words w, generate_series (1, 3) AS n
  WHERE n <= length (w.word);

-- ---- finding people by name (for the owner's functions only) ----

-- The words typed as the search folds them (at most six), the one it
-- starts from (the longest: it narrows most) and the others.
CREATE FUNCTION name_query (p_text text, OUT first_word text, OUT other_words text[])
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  words text[] := (fold_words (p_text))[1:6];
  i integer;
BEGIN
  IF cardinality (words) = 0 THEN
    RETURN;
  END IF;
  SELECT w INTO first_word FROM unnest (words) AS w ORDER BY length (w) DESC, w LIMIT 1;
  i := array_position (words, first_word);
  other_words := words[:i - 1] || words[i + 1:];
END
$$;

-- The distinct name words that start with p_prefix, in order, at most
-- p_max of them: one step down the word index each (a skip scan).
CREATE FUNCTION name_words_from (p_prefix text, p_max integer) RETURNS text[]
LANGUAGE sql STABLE AS $$
  WITH RECURSIVE ws (word) AS (
    (SELECT w.word FROM kohtaamo.client_words w
     WHERE w.word >= p_prefix COLLATE "C" AND w.word < (p_prefix || U&'\+10FFFF') COLLATE "C"
     ORDER BY w.word LIMIT 1)
    UNION ALL
    SELECT (SELECT w.word FROM kohtaamo.client_words w
            WHERE w.word > ws.word AND w.word < (p_prefix || U&'\+10FFFF') COLLATE "C"
            ORDER BY w.word LIMIT 1)
    FROM ws WHERE ws.word IS NOT NULL
  )
  SELECT coalesce (array_agg (word), '{}') FROM (SELECT word FROM ws WHERE word IS NOT NULL LIMIT p_max) AS s
$$;

-- The first p_fetch people, in (sort_prefix, client_id) order, who have a
-- name word starting with p_first and, for each of p_others, one starting
-- with it; each person once.
CREATE FUNCTION name_candidates (p_first text, p_others text[], p_fetch integer)
RETURNS TABLE (client_id bigint, sort_prefix bytea)
LANGUAGE plpgsql STABLE SET search_path = kohtaamo, pg_catalog, pg_temp
-- Planned for the words typed: one plan for any word read a short
-- prefix's range and a long one's alike, and walked the whole word index.
SET plan_cache_mode = force_custom_plan AS $$
#variable_conflict use_column
DECLARE
  words text[];
BEGIN
  -- One to three letters: one key of the prefix index, in order.
  IF length (p_first) <= 3 THEN
    RETURN QUERY
      SELECT p.client_id, p.sort_prefix FROM client_name_prefixes p
      WHERE p.prefix = p_first COLLATE "C"
        AND (cardinality (p_others) = 0
             OR NOT EXISTS (SELECT 1 FROM unnest (p_others) AS t
                            WHERE NOT EXISTS (SELECT 1 FROM client_words o
                                              WHERE o.client_id = p.client_id
                                                AND o.word >= t COLLATE "C"
                                                AND o.word < (t || U&'\+10FFFF') COLLATE "C")))
      ORDER BY p.sort_prefix, p.client_id
      LIMIT p_fetch;
    RETURN;
  END IF;
  -- Longer: the few words it starts, each read in order as far as needed
  -- (a person with two of them comes twice).
  words := name_words_from (p_first, 33);
  IF cardinality (words) <= 32 THEN
    RETURN QUERY
      SELECT x.client_id, x.sort_prefix
      FROM unnest (words) AS u (word)
      CROSS JOIN LATERAL (
        SELECT w.client_id, w.sort_prefix FROM client_words w
        WHERE w.word = u.word COLLATE "C"
          AND (cardinality (p_others) = 0
               OR NOT EXISTS (SELECT 1 FROM unnest (p_others) AS t
                              WHERE NOT EXISTS (SELECT 1 FROM client_words o
                                                WHERE o.client_id = w.client_id
                                                  AND o.word >= t COLLATE "C"
                                                  AND o.word < (t || U&'\+10FFFF') COLLATE "C")))
        ORDER BY w.sort_prefix, w.client_id
        LIMIT p_fetch) AS x
      GROUP BY x.sort_prefix, x.client_id
      ORDER BY x.sort_prefix, x.client_id
      LIMIT p_fetch;
  ELSE
    RETURN QUERY
      SELECT w.client_id, w.sort_prefix FROM client_words w
      WHERE w.word >= p_first COLLATE "C" AND w.word < (p_first || U&'\+10FFFF') COLLATE "C"
        AND (cardinality (p_others) = 0
             OR NOT EXISTS (SELECT 1 FROM unnest (p_others) AS t
                            WHERE NOT EXISTS (SELECT 1 FROM client_words o
                                              WHERE o.client_id = w.client_id
                                                AND o.word >= t COLLATE "C"
                                                AND o.word < (t || U&'\+10FFFF') COLLATE "C")))
      GROUP BY w.sort_prefix, w.client_id
      ORDER BY w.sort_prefix, w.client_id
      LIMIT p_fetch;
  END IF;
END
$$;

-- Name search (as 0005): every word typed (folded as fold_words, at most
-- six) starts a word of the person's names; the first p_limit people in
-- name order (sort_key, id). Finds only: the caller logs.
CREATE FUNCTION find_clients_by_name (p_text text, p_limit integer) RETURNS bigint[]
LANGUAGE plpgsql STABLE SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
DECLARE
  q record := name_query (p_text);
  n_fetch integer;
  n_read integer;
  ids bigint[];
  prefixes bytea[];
BEGIN
  IF q.first_word IS NULL OR p_limit IS NULL OR p_limit <= 0 THEN
    RETURN '{}';
  END IF;
  p_limit := least (p_limit, 1000);
  -- The first rows in (sort_prefix, client_id) order, until the people who
  -- tie with the last one wanted are all in; then those few in order of
  -- their whole sort key.
  n_fetch := p_limit + 16;
  LOOP
    SELECT array_agg (c.client_id ORDER BY c.sort_prefix, c.client_id),
           array_agg (c.sort_prefix ORDER BY c.sort_prefix, c.client_id)
      INTO ids, prefixes
      FROM name_candidates (q.first_word, q.other_words, n_fetch) AS c;
    n_read := coalesce (cardinality (ids), 0);
    EXIT WHEN n_read < n_fetch OR prefixes[n_read] > prefixes[p_limit];
    n_fetch := n_fetch * 4;
  END LOOP;
  RETURN ARRAY (SELECT c.id FROM clients c WHERE c.id = ANY (ids)
                ORDER BY c.sort_key, c.id LIMIT p_limit);
END
$$;

-- How many people the name search finds, counted up to p_cap, each one
-- once: from the prefix index, or word by word, a person counted with the
-- first of their words that the prefix starts.
CREATE FUNCTION count_clients_by_name (p_text text, p_cap integer) RETURNS bigint
LANGUAGE plpgsql STABLE SET search_path = kohtaamo, pg_catalog, pg_temp
SET plan_cache_mode = force_custom_plan AS $$
DECLARE
  q record := name_query (p_text);
  p_first text := q.first_word;
  p_others text[] := q.other_words;
  words text[];
  n bigint;
BEGIN
  IF p_first IS NULL THEN
    RETURN 0;
  END IF;
  IF length (p_first) <= 3 THEN
    SELECT count (*) INTO n FROM (
      SELECT 1 FROM client_name_prefixes p
      WHERE p.prefix = p_first COLLATE "C"
        AND (cardinality (p_others) = 0
             OR NOT EXISTS (SELECT 1 FROM unnest (p_others) AS t
                            WHERE NOT EXISTS (SELECT 1 FROM client_words o
                                              WHERE o.client_id = p.client_id
                                                AND o.word >= t COLLATE "C"
                                                AND o.word < (t || U&'\+10FFFF') COLLATE "C")))
      LIMIT p_cap) AS s;
    RETURN n;
  END IF;
  words := name_words_from (p_first, 33);
  IF cardinality (words) <= 32 THEN
    SELECT count (*) INTO n FROM (
      SELECT 1
      FROM unnest (words) WITH ORDINALITY AS u (word, k)
      CROSS JOIN LATERAL (
        SELECT w.client_id FROM client_words w
        WHERE w.word = u.word COLLATE "C"
          AND (u.k = 1
               OR NOT EXISTS (SELECT 1 FROM client_words e
                              WHERE e.client_id = w.client_id
                                AND e.word >= p_first COLLATE "C" AND e.word < u.word COLLATE "C"))
          AND (cardinality (p_others) = 0
               OR NOT EXISTS (SELECT 1 FROM unnest (p_others) AS t
                              WHERE NOT EXISTS (SELECT 1 FROM client_words o
                                                WHERE o.client_id = w.client_id
                                                  AND o.word >= t COLLATE "C"
                                                  AND o.word < (t || U&'\+10FFFF') COLLATE "C")))) AS x
      LIMIT p_cap) AS s;
  ELSE
    SELECT count (*) INTO n FROM (
      SELECT DISTINCT w.client_id FROM client_words w
      WHERE w.word >= p_first COLLATE "C" AND w.word < (p_first || U&'\+10FFFF') COLLATE "C"
        AND (cardinality (p_others) = 0
             OR NOT EXISTS (SELECT 1 FROM unnest (p_others) AS t
                            WHERE NOT EXISTS (SELECT 1 FROM client_words o
                                              WHERE o.client_id = w.client_id
                                                AND o.word >= t COLLATE "C"
                                                AND o.word < (t || U&'\+10FFFF') COLLATE "C")))
      LIMIT p_cap) AS s;
  END IF;
  RETURN n;
END
$$;

-- ---- finding people by code, birth date and phone (as 0001) ----

-- The exact code first, then codes that start with what was typed (at
-- least 6 characters: the date part), in name order.
CREATE FUNCTION find_clients_by_code (p_prefix text, p_limit integer) RETURNS bigint[]
LANGUAGE plpgsql STABLE SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
BEGIN
  p_prefix := upper (trim (p_prefix));
  IF p_prefix IS NULL OR length (p_prefix) < 6 OR p_limit IS NULL OR p_limit <= 0 THEN
    RETURN '{}';
  END IF;
  RETURN ARRAY (
    SELECT c.id FROM clients c
    WHERE c.identity_code COLLATE "C" >= p_prefix
      AND c.identity_code COLLATE "C" < (p_prefix || U&'\+10FFFF') COLLATE "C"
    ORDER BY c.identity_code = p_prefix DESC, c.sort_key, c.id
    LIMIT least (p_limit, 1000));
END
$$;

-- Born on one of p_dates: the person with this phone number first, then
-- in name order.
CREATE FUNCTION find_clients_by_birth_dates (p_dates text[], p_phone_digits text, p_limit integer)
RETURNS bigint[]
LANGUAGE plpgsql STABLE SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
BEGIN
  IF p_dates IS NULL OR cardinality (p_dates) = 0 OR p_limit IS NULL OR p_limit <= 0 THEN
    RETURN '{}';
  END IF;
  RETURN ARRAY (
    SELECT c.id FROM clients c
    WHERE c.birth_date = ANY (p_dates)
    ORDER BY c.phone_digits IS NOT DISTINCT FROM p_phone_digits DESC, c.sort_key, c.id
    LIMIT least (p_limit, 1000));
END
$$;

-- The exact number first, then numbers that start with the digits typed
-- (at least 4), in name order.
CREATE FUNCTION find_clients_by_phone (p_digits text, p_limit integer) RETURNS bigint[]
LANGUAGE plpgsql STABLE SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
BEGIN
  IF p_digits IS NULL OR p_digits !~ '^[0-9]{4,}$' OR p_limit IS NULL OR p_limit <= 0 THEN
    RETURN '{}';
  END IF;
  RETURN ARRAY (
    SELECT c.id FROM clients c
    WHERE c.phone_digits COLLATE "C" >= p_digits
      AND c.phone_digits COLLATE "C" < (p_digits || U&'\+10FFFF') COLLATE "C"
    ORDER BY c.phone_digits = p_digits DESC, c.sort_key, c.id
    LIMIT least (p_limit, 1000));
END
$$;

-- ---- logging the people found ----

-- Logs each of p_client_ids (in their order) as read by the calling user,
-- as log_access does for one: reception's basis is the intake.
CREATE FUNCTION log_access_all (p_client_ids bigint[], p_what integer, p_basis integer)
RETURNS void
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = kohtaamo, pg_catalog, pg_temp SET lock_timeout = '5s' AS $$
DECLARE
  u users := current_kohtaamo_user ();
BEGIN
  IF u.role = 1 THEN
    p_basis := 1;
  END IF;
  IF coalesce (cardinality (p_client_ids), 0) = 0 THEN
    RETURN;
  END IF;
  -- The trigger access_log_chain sets at, seq, prev_hash, hash and xact.
  INSERT INTO access_log (user_id, client_id, what, basis)
    SELECT u.id, s.i, p_what, p_basis
    FROM unnest (p_client_ids) WITH ORDINALITY AS s (i, n)
    ORDER BY s.n;
END
$$;

-- ---- the public search functions ----

CREATE OR REPLACE FUNCTION search_clients_by_name (p_text text, p_limit integer, p_basis integer)
RETURNS TABLE (client_id bigint)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
DECLARE
  ids bigint[];
BEGIN
  PERFORM current_kohtaamo_user ();
  ids := find_clients_by_name (p_text, p_limit);
  PERFORM log_access_all (ids, 1, p_basis);
  RETURN QUERY SELECT i FROM unnest (ids) WITH ORDINALITY AS s (i, n) ORDER BY n;
END
$$;

CREATE OR REPLACE FUNCTION search_clients_by_code (p_prefix text, p_limit integer, p_basis integer)
RETURNS TABLE (client_id bigint)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
DECLARE
  ids bigint[];
BEGIN
  PERFORM current_kohtaamo_user ();
  ids := find_clients_by_code (p_prefix, p_limit);
  PERFORM log_access_all (ids, 1, p_basis);
  RETURN QUERY SELECT i FROM unnest (ids) WITH ORDINALITY AS s (i, n) ORDER BY n;
END
$$;

CREATE OR REPLACE FUNCTION search_clients_by_birth_dates (p_dates text[], p_phone_digits text,
                                                          p_limit integer, p_basis integer)
RETURNS TABLE (client_id bigint)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
DECLARE
  ids bigint[];
BEGIN
  PERFORM current_kohtaamo_user ();
  ids := find_clients_by_birth_dates (p_dates, p_phone_digits, p_limit);
  PERFORM log_access_all (ids, 1, p_basis);
  RETURN QUERY SELECT i FROM unnest (ids) WITH ORDINALITY AS s (i, n) ORDER BY n;
END
$$;

CREATE OR REPLACE FUNCTION search_clients_by_phone (p_digits text, p_limit integer, p_basis integer)
RETURNS TABLE (client_id bigint)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
DECLARE
  ids bigint[];
BEGIN
  PERFORM current_kohtaamo_user ();
  ids := find_clients_by_phone (p_digits, p_limit);
  PERFORM log_access_all (ids, 1, p_basis);
  RETURN QUERY SELECT i FROM unnest (ids) WITH ORDINALITY AS s (i, n) ORDER BY n;
END
$$;

-- The count of 0002, its name search now from the prefix index.
CREATE OR REPLACE FUNCTION count_clients (p_kind text, p_text text, p_dates text[], p_cap integer)
RETURNS bigint
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
DECLARE
  n bigint;
BEGIN
  PERFORM current_kohtaamo_user ();
  p_cap := least (greatest (coalesce (p_cap, 0), 0), 10000);
  IF p_kind = 'name' THEN
    RETURN count_clients_by_name (p_text, p_cap);
  ELSIF p_kind = 'code' THEN
    SELECT count (*) INTO n FROM (
      SELECT 1 FROM clients c
      WHERE (c.identity_code COLLATE "C" >= upper (p_text)
             AND c.identity_code COLLATE "C" < (upper (p_text) || U&'\+10FFFF') COLLATE "C")
         OR (c.identity_code IS NULL AND c.birth_date = p_dates[1])
      LIMIT p_cap) AS s;
  ELSIF p_kind = 'dates' THEN
    SELECT count (*) INTO n FROM (
      SELECT 1 FROM clients c
      WHERE c.birth_date = ANY (coalesce (p_dates, '{}'))
         OR (p_text IS NOT NULL AND c.phone_digits COLLATE "C" >= p_text
             AND c.phone_digits COLLATE "C" < (p_text || U&'\+10FFFF') COLLATE "C")
      LIMIT p_cap) AS s;
  ELSIF p_kind = 'phone' THEN
    SELECT count (*) INTO n FROM (
      SELECT 1 FROM clients c
      WHERE p_text ~ '^[0-9]+$'
        AND c.phone_digits COLLATE "C" >= p_text
        AND c.phone_digits COLLATE "C" < (p_text || U&'\+10FFFF') COLLATE "C"
      LIMIT p_cap) AS s;
  ELSE
    RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value', MESSAGE = 'unknown kind of search';
  END IF;
  RETURN n;
END
$$;

-- Search before create in one call (kh-db-clients.c, search_on_server).
-- p_kind and what it reads:
--   'name'   p_text typed;
--   'code'   p_text the start of an identity code; p_dates[1], when only
--            the birth part and the century sign are typed: the people
--            recorded without a code born that day come after the codes;
--   'dates'  born on one of p_dates, the person whose phone number is
--            p_phone first; p_text, when the digits may start a phone
--            number, counts those numbers too;
--   'phone'  p_text the start of the phone digits.
-- Returns the people found, at most p_limit, in order, each logged (what
-- 1, search) in this transaction: the columns kh-db-clients.c reads
-- (CLIENT_COLUMNS; keep in sync), the address withheld behind a
-- non-disclosure marking, the person's open cases (queued or assigned),
-- and in every row how many match in all, counted up to p_cap; when nobody
-- is returned, one row of that count alone (id NULL).
CREATE FUNCTION search_clients (p_kind text, p_text text, p_dates text[], p_phone text,
                                p_limit integer, p_basis integer, p_cap integer)
RETURNS TABLE (id bigint, identity_kind integer, identity_code text, no_code_reason integer,
               birth_date text, last_name text, first_names text, language integer,
               other_language text, interpreter integer, address text, postal_code text,
               city text, phone text, email text, created_at bigint, updated_at bigint,
               non_disclosure integer, mother_tongue integer, other_mother_tongue text,
               representative_name text, representative_contact text, version bigint,
               open_cases bigint, total bigint)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
#variable_conflict use_column
DECLARE
  ids bigint[] := '{}';
  n bigint;
BEGIN
  PERFORM current_kohtaamo_user ();
  p_limit := least (greatest (coalesce (p_limit, 0), 0), 1000);
  p_cap := least (greatest (coalesce (p_cap, 0), 0), 10000);
  IF p_kind = 'name' THEN
    ids := find_clients_by_name (p_text, p_limit);
    n := count_clients_by_name (p_text, p_cap);
  ELSIF p_kind = 'code' THEN
    ids := find_clients_by_code (p_text, p_limit);
    IF p_dates IS NOT NULL AND cardinality (ids) < p_limit THEN
      -- As the first p_limit born that day are, without a code.
      ids := ids || ARRAY (
        SELECT s.i FROM unnest (find_clients_by_birth_dates (p_dates[1:1], NULL, p_limit))
                        WITH ORDINALITY AS s (i, k)
          JOIN clients c ON c.id = s.i
        WHERE c.identity_code IS NULL
        ORDER BY s.k
        LIMIT p_limit - cardinality (ids));
    END IF;
    n := count_clients ('code', p_text, p_dates[1:1], p_cap);
  ELSIF p_kind = 'dates' THEN
    ids := find_clients_by_birth_dates (p_dates, p_phone, p_limit);
    n := count_clients ('dates', p_text, p_dates, p_cap);
  ELSIF p_kind = 'phone' THEN
    ids := find_clients_by_phone (p_text, p_limit);
    n := count_clients ('phone', p_text, NULL, p_cap);
  ELSE
    RAISE EXCEPTION USING ERRCODE = 'invalid_parameter_value', MESSAGE = 'unknown kind of search';
  END IF;

  IF cardinality (ids) = 0 THEN
    RETURN QUERY SELECT NULL::bigint, NULL::integer, NULL::text, NULL::integer, NULL::text,
                        NULL::text, NULL::text, NULL::integer, NULL::text, NULL::integer,
                        NULL::text, NULL::text, NULL::text, NULL::text, NULL::text,
                        NULL::bigint, NULL::bigint, NULL::integer, NULL::integer, NULL::text,
                        NULL::text, NULL::text, NULL::bigint, NULL::bigint, n;
    RETURN;
  END IF;

  PERFORM log_access_all (ids, 1, p_basis);
  RETURN QUERY
    SELECT c.id, c.identity_kind, c.identity_code, c.no_code_reason, c.birth_date,
           c.last_name, c.first_names, c.language, c.other_language, c.interpreter,
           CASE WHEN c.non_disclosure = 1 THEN NULL ELSE c.address END,
           CASE WHEN c.non_disclosure = 1 THEN NULL ELSE c.postal_code END,
           CASE WHEN c.non_disclosure = 1 THEN NULL ELSE c.city END,
           c.phone, c.email, c.created_at, c.updated_at,
           c.non_disclosure, c.mother_tongue, c.other_mother_tongue, c.representative_name,
           c.representative_contact, c.version,
           -- KH_CASE_QUEUED, KH_CASE_ASSIGNED (kh-enums.h)
           (SELECT count (*) FROM cases k WHERE k.client_id = c.id AND k.status IN (1, 2)),
           n
    FROM unnest (ids) WITH ORDINALITY AS s (i, k)
      JOIN clients c ON c.id = s.i
    ORDER BY s.k;
END
$$;

-- ---- the access log by a person's name ----

-- The people whose names have, for each word of p_words (folded as
-- fold_words), a word that starts with it (p_prefix) or is it: for the
-- access log's filter of the lead social worker and the administrator,
-- and only among the people whose log rows this transaction's logged
-- reading of the log shows (tx_logged_log_read: all after a reading of the
-- whole log, else the person whose log was read).
CREATE FUNCTION access_log_people_named (p_words text, p_prefix boolean)
RETURNS TABLE (client_id bigint)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
#variable_conflict use_column
DECLARE
  u users := current_kohtaamo_user ();
  words text[] := fold_words (p_words);
  -- The end of a word's range: its prefixes (the last character), or the
  -- word alone (every character sorts after U+0001).
  after text := CASE WHEN p_prefix THEN U&'\+10FFFF' ELSE U&'\0001' END;
  whole_log boolean;
BEGIN
  IF u.role NOT IN (4, 5) THEN
    RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
      MESSAGE = 'only the lead social worker and the administrator read the access log';
  END IF;
  IF cardinality (words) = 0 THEN
    RETURN;
  END IF;
  whole_log := tx_logged_log_read (NULL);
  RETURN QUERY
    SELECT DISTINCT w.client_id FROM client_words w
    WHERE w.word >= words[1] COLLATE "C" AND w.word < (words[1] || after) COLLATE "C"
      AND NOT EXISTS (SELECT 1 FROM unnest (words[2:]) AS t
                      WHERE NOT EXISTS (SELECT 1 FROM client_words w2
                                        WHERE w2.client_id = w.client_id
                                          AND w2.word >= t COLLATE "C"
                                          AND w2.word < (t || after) COLLATE "C"))
      AND (whole_log OR tx_logged_log_read (w.client_id));
END
$$;

REVOKE ALL ON FUNCTION name_prefixes (text[]), clients_name_prefixes (),
                       name_query (text), name_words_from (text, integer),
                       name_candidates (text, text[], integer), find_clients_by_name (text, integer),
                       count_clients_by_name (text, integer), find_clients_by_code (text, integer),
                       find_clients_by_birth_dates (text[], text, integer),
                       find_clients_by_phone (text, integer),
                       log_access_all (bigint[], integer, integer),
                       search_clients (text, text, text[], text, integer, integer, integer),
                       access_log_people_named (text, boolean)
  FROM PUBLIC;
GRANT EXECUTE ON FUNCTION search_clients (text, text, text[], text, integer, integer, integer)
  TO kohtaamo_staff;
GRANT EXECUTE ON FUNCTION access_log_people_named (text, boolean) TO kohtaamo_lead, kohtaamo_admin;

RESET ROLE;

INSERT INTO kohtaamo.schema_version (version, name) VALUES (10, '0010-search-in-one-call');
