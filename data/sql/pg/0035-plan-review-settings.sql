-- 0035-plan-review-settings.sql — PostgreSQL's side of
-- data/sql/0039-plan-review-scale.sql: a review keeps the scale it was
-- rated on, and the server checks the unit's scale and lists for reviews
-- (issue 9, 4; src/core/kh-plan-settings.h)
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Applied as 0001 says (a superuser, one transaction). plan_reviews.scale
-- is the review's scale as kh_plan_scale_to_setting() writes it
-- ("Finnish|Swedish" a line, 2–10 lines, each label trimmed, at most 200
-- characters, no forbidden character); reviews made before this migration
-- were rated on the default five steps and get those. plan_review_add()
-- takes the scale (the old one is dropped); an evaluation's rating is at
-- most its review's steps, whoever inserts it. The settings "plan_scale"
-- (a scale, or "" to unset) and "plan_services" / "plan_methods" (one
-- entry a line, trimmed, at most 200 characters, 100 entries, none twice,
-- or "") are checked here as kh_plan_setting_clean() checks them; who may
-- write settings is unchanged (0001: the lead social worker and the
-- administrator). Keep in sync with src/core/kh-plan-settings.c.

SET ROLE kohtaamo_owner;
SET search_path = kohtaamo, pg_catalog;

-- The steps of a scale in its stored form, or NULL when it is not one.
CREATE FUNCTION plan_scale_steps (t text) RETURNS integer
LANGUAGE plpgsql IMMUTABLE SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
DECLARE
  line   text;
  parts  text[];
  steps  integer := 0;
BEGIN
  IF t IS NULL OR has_forbidden_chars (replace (t, E'\n', ' ')) THEN
    RETURN NULL;
  END IF;
  FOREACH line IN ARRAY string_to_array (t, E'\n') LOOP
    parts := string_to_array (line, '|');
    IF array_length (parts, 1) IS DISTINCT FROM 2
       OR length (btrim (parts[1])) = 0 OR length (btrim (parts[2])) = 0
       OR parts[1] <> btrim (parts[1]) OR parts[2] <> btrim (parts[2])
       OR length (parts[1]) > 200 OR length (parts[2]) > 200 THEN
      RETURN NULL;
    END IF;
    steps := steps + 1;
  END LOOP;
  IF steps NOT BETWEEN 2 AND 10 THEN
    RETURN NULL;
  END IF;
  RETURN steps;
END
$$;

-- A list of services or methods in its stored form?
CREATE FUNCTION plan_list_ok (t text) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
DECLARE
  items text[];
BEGIN
  IF t = '' THEN
    RETURN true;
  END IF;
  IF t IS NULL OR has_forbidden_chars (replace (t, E'\n', ' ')) THEN
    RETURN false;
  END IF;
  items := string_to_array (t, E'\n');
  RETURN array_length (items, 1) <= 100
    AND NOT EXISTS (SELECT 1 FROM unnest (items) AS i (item)
                    WHERE length (btrim (item)) = 0 OR item <> btrim (item) OR length (item) > 200)
    AND (SELECT count (DISTINCT item) FROM unnest (items) AS i (item)) = array_length (items, 1);
END
$$;

CREATE FUNCTION settings_plan_check () RETURNS trigger
LANGUAGE plpgsql SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
BEGIN
  IF NEW.key = 'plan_scale' AND NEW.value <> '' AND plan_scale_steps (NEW.value) IS NULL THEN
    RAISE EXCEPTION USING ERRCODE = 'check_violation',
      MESSAGE = 'plan_scale is 2 to 10 lines of "Finnish|Swedish"';
  END IF;
  IF NEW.key IN ('plan_services', 'plan_methods') AND NOT plan_list_ok (NEW.value) THEN
    RAISE EXCEPTION USING ERRCODE = 'check_violation',
      MESSAGE = format ('%s is at most 100 different lines of at most 200 characters', NEW.key);
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER settings_plan_check BEFORE INSERT OR UPDATE ON settings
  FOR EACH ROW WHEN (NEW.key IN ('plan_scale', 'plan_services', 'plan_methods'))
  EXECUTE FUNCTION settings_plan_check ();

-- The reviews so far: the default five steps, as the program showed them.
ALTER TABLE plan_reviews ADD COLUMN scale text NOT NULL
  DEFAULT E'Ei edistystä|Inga framsteg\nVähän edistystä|Små framsteg\n'
          'Jonkin verran edistystä|Vissa framsteg\nPaljon edistystä|Stora framsteg\nSaavutettu|Uppnått'
  CHECK (plan_scale_steps (scale) IS NOT NULL);
ALTER TABLE plan_reviews ALTER COLUMN scale DROP DEFAULT;

CREATE FUNCTION plan_evaluations_scale () RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
BEGIN
  IF NEW.rating > (SELECT plan_scale_steps (r.scale) FROM plan_reviews r WHERE r.id = NEW.review_id) THEN
    PERFORM plan_refuse ('a rating is a step of its review''s scale');
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER plan_evaluations_scale BEFORE INSERT ON plan_evaluations
  FOR EACH ROW EXECUTE FUNCTION plan_evaluations_scale ();

DROP FUNCTION plan_review_add (bigint, bigint);

CREATE FUNCTION plan_review_add (p_reviewed_id bigint, p_next_id bigint, p_scale text) RETURNS bigint
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
DECLARE
  u users := plan_caller ();
  v plan_versions := plan_open_version (p_next_id);
  r bigint;
BEGIN
  IF v.id IS NULL OR NOT EXISTS (SELECT 1 FROM plan_versions x WHERE x.id = p_reviewed_id
                                   AND x.plan_id = v.plan_id) THEN
    RETURN NULL;
  END IF;
  INSERT INTO plan_reviews AS w (plan_id, client_id, reviewed_id, next_id, reviewed_at, reviewed_by, scale)
    VALUES (v.plan_id, v.client_id, p_reviewed_id, v.id, 0, u.id, p_scale)
    RETURNING w.id INTO r;
  RETURN r;
END
$$;

-- plan_scale_steps and plan_list_ok stay callable, as has_forbidden_chars:
-- the settings' trigger runs as the lead social worker or administrator.
REVOKE ALL ON FUNCTION settings_plan_check (), plan_evaluations_scale (),
  plan_review_add (bigint, bigint, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION plan_review_add (bigint, bigint, text) TO kohtaamo_staff;

RESET ROLE;

INSERT INTO kohtaamo.schema_version (version, name) VALUES (35, '0035-plan-review-settings');
