-- 0024-document-settings.sql — PostgreSQL's side of
-- data/sql/0030-document-settings.sql: the server checks the unit's
-- document settings (src/core/kh-unit-profile.h) as the application does
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Applied as 0001 says (a superuser, one transaction). Who may write them
-- is unchanged: settings are the lead social worker's and the
-- administrator's (0001's grants); every other role has SELECT only. What
-- they may write is checked here, whatever the client: a known key, a
-- single line within its length without control, invisible or
-- direction-changing characters, the shape of postal codes, phone numbers,
-- e-mail and web addresses; the decision makers' list line by line; the
-- logo as a PNG of sane size. "" unsets any key. Keep the keys and limits
-- in sync with the table in src/core/kh-unit-profile.c.

SET ROLE kohtaamo_owner;
SET search_path = kohtaamo, pg_catalog;

CREATE FUNCTION settings_document_check () RETURNS trigger
LANGUAGE plpgsql SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
DECLARE
  field   text;
  maxlen  integer;
  kind    text;
  line    text;
  parts   text[];
  ids     bigint[] := '{}';
  png     bytea;
  pos     integer;
  len     bigint;
  width   bigint;
  height  bigint;
  seen_idat boolean := false;
  seen_iend boolean := false;
BEGIN
  IF NEW.value = '' THEN
    IF NEW.key NOT IN ('document_decision_makers', 'document_logo_png')
       AND NEW.key !~ '^document_[a-z_]+_(fi|sv)$' THEN
      RAISE EXCEPTION USING ERRCODE = 'check_violation',
        MESSAGE = format ('%s is not a setting of the unit''s documents', NEW.key);
    END IF;
    RETURN NEW;
  END IF;

  IF NEW.key = 'document_decision_makers' THEN
    IF has_forbidden_chars (replace (replace (NEW.value, E'\t', ' '), E'\n', ' ')) THEN
      RAISE EXCEPTION USING ERRCODE = 'check_violation',
        MESSAGE = 'a decision maker''s field has a forbidden character';
    END IF;
    FOREACH line IN ARRAY string_to_array (NEW.value, E'\n') LOOP
      parts := string_to_array (line, E'\t');
      IF array_length (ids, 1) >= 200
         OR array_length (parts, 1) IS DISTINCT FROM 7
         OR parts[1] !~ '^[1-9][0-9]{0,8}$' OR parts[1]::bigint = ANY (ids)
         OR parts[7] NOT IN ('0', '1')
         OR length (trim (parts[2])) = 0 OR length (parts[2]) > 120
         OR length (parts[3]) > 120 OR length (parts[4]) > 120
         OR (length (trim (parts[3])) = 0 AND length (trim (parts[4])) = 0)
         OR (parts[5] <> '' AND (parts[5] !~ '^[0-9 +()-]+$' OR length (parts[5]) > 40
                                  OR length (regexp_replace (parts[5], '[^0-9]', '', 'g')) < 3))
         OR (parts[6] <> '' AND (parts[6] !~ '^[^@\s<>,;]+@[^@\s<>,;]+\.[^@\s<>,;.]+$'
                                  OR length (parts[6]) > 254)) THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation',
          MESSAGE = format ('decision maker %s is not id, name, titles, phone, e-mail and 0/1', coalesce (parts[1], '?'));
      END IF;
      ids := ids || parts[1]::bigint;
    END LOOP;
    RETURN NEW;
  END IF;

  IF NEW.key = 'document_logo_png' THEN
    IF length (NEW.value) > 699052 OR length (NEW.value) % 4 <> 0
       OR NEW.value !~ '^[A-Za-z0-9+/]*={0,2}$' THEN
      RAISE EXCEPTION USING ERRCODE = 'check_violation', MESSAGE = 'the logo is not a PNG as base64';
    END IF;
    png := decode (NEW.value, 'base64');
    IF length (png) > 524288 OR length (png) < 8
       OR substring (png FROM 1 FOR 8) <> '\x89504e470d0a1a0a'::bytea THEN
      RAISE EXCEPTION USING ERRCODE = 'check_violation', MESSAGE = 'the logo is not a PNG of at most 512 kB';
    END IF;
    -- The chunks: IHDR first (with the size), an IDAT, IEND last.
    pos := 8;
    WHILE pos + 12 <= length (png) AND NOT seen_iend LOOP
      len := (get_byte (png, pos)::bigint << 24) | (get_byte (png, pos + 1) << 16)
             | (get_byte (png, pos + 2) << 8) | get_byte (png, pos + 3);
      EXIT WHEN len > length (png) - pos - 12;
      kind := convert_from (substring (png FROM pos + 5 FOR 4), 'SQL_ASCII');
      IF pos = 8 THEN
        EXIT WHEN kind <> 'IHDR' OR len <> 13;
        width := (get_byte (png, 16)::bigint << 24) | (get_byte (png, 17) << 16)
                 | (get_byte (png, 18) << 8) | get_byte (png, 19);
        height := (get_byte (png, 20)::bigint << 24) | (get_byte (png, 21) << 16)
                  | (get_byte (png, 22) << 8) | get_byte (png, 23);
        IF width NOT BETWEEN 16 AND 3000 OR height NOT BETWEEN 16 AND 3000 THEN
          RAISE EXCEPTION USING ERRCODE = 'check_violation',
            MESSAGE = 'the logo''s sides must be 16 to 3000 pixels';
        END IF;
      ELSIF kind = 'IDAT' THEN
        seen_idat := true;
      ELSIF kind = 'IEND' THEN
        seen_iend := true;
      END IF;
      pos := pos + 12 + len::integer;
    END LOOP;
    IF NOT seen_idat OR NOT seen_iend OR pos <> length (png) THEN
      RAISE EXCEPTION USING ERRCODE = 'check_violation', MESSAGE = 'the logo is not a whole PNG';
    END IF;
    RETURN NEW;
  END IF;

  field := substring (NEW.key FROM '^document_([a-z_]+)_(?:fi|sv)$');
  maxlen := CASE field
    WHEN 'organisation' THEN 120
    WHEN 'unit' THEN 120
    WHEN 'postal_address' THEN 120
    WHEN 'postal_code_town' THEN 60
    WHEN 'phone' THEN 40
    WHEN 'email' THEN 254
    WHEN 'web' THEN 200
    WHEN 'authority_name' THEN 200
    WHEN 'authority_postal_address' THEN 120
    WHEN 'authority_postal_code_town' THEN 60
    WHEN 'authority_visiting_address' THEN 200
    WHEN 'authority_email' THEN 254
    WHEN 'authority_opening_hours' THEN 200
  END;
  IF maxlen IS NULL THEN
    RAISE EXCEPTION USING ERRCODE = 'check_violation',
      MESSAGE = format ('%s is not a setting of the unit''s documents', NEW.key);
  END IF;
  IF length (NEW.value) > maxlen OR has_forbidden_chars (NEW.value)
     OR NEW.value <> btrim (NEW.value)
     OR (field IN ('postal_code_town', 'authority_postal_code_town') AND NEW.value !~ '^[0-9]{5} \S')
     OR (field = 'phone' AND (NEW.value !~ '^[0-9 +()-]+$'
                              OR length (regexp_replace (NEW.value, '[^0-9]', '', 'g')) < 3))
     OR (field IN ('email', 'authority_email')
         AND NEW.value !~ '^[^@\s<>,;]+@[^@\s<>,;]+\.[^@\s<>,;.]+$')
     OR (field = 'web' AND (NEW.value ~ '\s'
                            OR (NEW.value !~ '://' AND (NEW.value ~ '@' OR NEW.value !~ '\.'))
                            OR (NEW.value ~ '://' AND NEW.value !~* '^https?://[^/]+'))) THEN
    RAISE EXCEPTION USING ERRCODE = 'check_violation',
      MESSAGE = format ('%s: the value is too long or not of its shape', NEW.key);
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER settings_document_check BEFORE INSERT OR UPDATE ON settings
  FOR EACH ROW WHEN (NEW.key LIKE 'document\_%')
  EXECUTE FUNCTION settings_document_check ();

RESET ROLE;

INSERT INTO kohtaamo.schema_version (version, name) VALUES (24, '0024-document-settings');
