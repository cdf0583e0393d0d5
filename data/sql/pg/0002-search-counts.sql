-- 0002-search-counts.sql — how many people a search finds, and the people
-- an intake may be about to record twice, on the server
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- The search functions of 0001 return the people shown (and log each one);
-- the search box also says how many match in all (up to a cap, "more than
-- 1000"), as on SQLite (kh-db-clients.c). A number is no person's data: the
-- count is not logged, and it needs no row of clients to be visible.
--
-- Before a new person is saved, reception is shown the people with the same
-- birth date and name (kh_db_find_similar_clients): only those are
-- returned and logged, not everyone born that day.

SET ROLE kohtaamo_owner;
SET search_path = kohtaamo, pg_catalog;

-- p_kind: 'name' (every word typed starts a word of the names, folded as
-- fold_words), 'code' (identity codes that start with p_text; with only
-- the birth part and the century sign typed, also the people without a
-- code born on p_dates[1]), 'dates' (born on one of p_dates, or a phone
-- number starting with p_text when it is given), 'phone' (phone numbers
-- starting with p_text). Counts up to p_cap.
CREATE FUNCTION count_clients (p_kind text, p_text text, p_dates text[], p_cap integer)
RETURNS bigint
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
DECLARE
  words text[];
  first_word text;
  n bigint;
BEGIN
  PERFORM current_kohtaamo_user ();
  p_cap := least (greatest (coalesce (p_cap, 0), 0), 10000);
  IF p_kind = 'name' THEN
    words := (fold_words (p_text))[1:6];
    IF cardinality (words) = 0 THEN
      RETURN 0;
    END IF;
    SELECT w INTO first_word FROM unnest (words) AS w ORDER BY length (w) DESC LIMIT 1;
    SELECT count (*) INTO n FROM (
      SELECT DISTINCT w.client_id FROM client_words w
      WHERE w.word >= first_word COLLATE "C" AND w.word < (first_word || U&'\+10FFFF') COLLATE "C"
        AND NOT EXISTS (SELECT 1 FROM unnest (words) AS t
                        WHERE NOT EXISTS (SELECT 1 FROM client_words w2
                                          WHERE w2.client_id = w.client_id
                                            AND w2.word >= t COLLATE "C"
                                            AND w2.word < (t || U&'\+10FFFF') COLLATE "C"))
      LIMIT p_cap) AS s;
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

-- The people born on p_birth_date whose last name is p_last_name and whose
-- first names start with the word p_first_word (case and Unicode form
-- folded, accents kept), except p_except; each one returned is logged
-- (what 1, search).
CREATE FUNCTION find_similar_clients (p_last_name text, p_first_word text, p_birth_date text,
                                      p_except bigint, p_basis integer)
RETURNS TABLE (client_id bigint)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
DECLARE
  ids bigint[];
BEGIN
  PERFORM current_kohtaamo_user ();
  SELECT array_agg (h.id ORDER BY h.sort_key, h.id) INTO ids FROM (
    SELECT c.id, c.sort_key FROM clients c
    WHERE c.birth_date = p_birth_date
      AND c.id IS DISTINCT FROM p_except
      AND lower (normalize (trim (c.last_name), NFC)) = lower (normalize (trim (p_last_name), NFC))
      AND (p_first_word IS NULL
           OR lower (normalize (split_part (trim (c.first_names), ' ', 1), NFC))
              = lower (normalize (p_first_word, NFC)))
    ORDER BY c.sort_key, c.id
    LIMIT 50) AS h;
  PERFORM log_access (i, 1, p_basis) FROM unnest (ids) AS i;
  RETURN QUERY SELECT i FROM unnest (ids) WITH ORDINALITY AS s (i, n) ORDER BY n;
END
$$;

REVOKE ALL ON FUNCTION count_clients (text, text, text[], integer),
                       find_similar_clients (text, text, text, bigint, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION count_clients (text, text, text[], integer),
                          find_similar_clients (text, text, text, bigint, integer)
  TO kohtaamo_staff;

RESET ROLE;

INSERT INTO kohtaamo.schema_version (version, name) VALUES (2, '0002-search-counts');
