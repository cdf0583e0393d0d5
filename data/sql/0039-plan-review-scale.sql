-- 0039-plan-review-scale.sql — a review keeps the scale it was rated on,
-- and the unit's scale and lists for reviews (issue 9, 4)
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- The unit configures its evaluation scale ("plan_scale") and its lists
-- of services and working methods ("plan_services", "plan_methods") in
-- the settings table (src/core/kh-plan-settings.h); the store checks them
-- with kh_plan_setting_clean() and stores them cleaned; the triggers
-- below are the last line for any other program: within length, no
-- control character but the line break.
--
-- plan_reviews.scale is the scale of that review, as
-- kh_plan_scale_to_setting() writes it ("Finnish|Swedish" a line, 2–10
-- lines), so that a later change of the unit's scale never changes what
-- an old rating means. Reviews made before this migration were rated on
-- the default five steps (the UI offered no other): they get those, in
-- the words the program showed (po/fi.po, po/sv.po, "plan scale"). An
-- evaluation's rating is at most the steps of its review's scale.
-- Keep in sync with data/sql/pg/0035-plan-review-settings.sql.

ALTER TABLE plan_reviews ADD COLUMN scale TEXT NOT NULL
  DEFAULT 'Ei edistystä|Inga framsteg
Vähän edistystä|Små framsteg
Jonkin verran edistystä|Vissa framsteg
Paljon edistystä|Stora framsteg
Saavutettu|Uppnått'
  CHECK (length (scale) <= 4100
         AND length (scale) - length (replace (scale, char (10), '')) BETWEEN 1 AND 9
         AND length (scale) - length (replace (scale, '|', '')) =
             length (scale) - length (replace (scale, char (10), '')) + 1);

CREATE TRIGGER plan_evaluations_scale BEFORE INSERT ON plan_evaluations
  WHEN NEW.rating > (SELECT length (r.scale) - length (replace (r.scale, char (10), '')) + 1
                     FROM plan_reviews r WHERE r.id = NEW.review_id)
BEGIN
  SELECT RAISE (ABORT, 'a rating is a step of its review''s scale');
END;

CREATE TRIGGER settings_plan_insert BEFORE INSERT ON settings
  WHEN NEW.key IN ('plan_scale', 'plan_services', 'plan_methods')
   AND (length (NEW.value) > 40200
        OR NEW.value GLOB ('*[' || char (1) || '-' || char (9) || char (11) || '-' || char (31) || char (127) || ']*'))
BEGIN
  SELECT RAISE (ABORT, 'not a setting of plan reviews, or not of its shape');
END;

CREATE TRIGGER settings_plan_update BEFORE UPDATE ON settings
  WHEN NEW.key IN ('plan_scale', 'plan_services', 'plan_methods')
   AND (length (NEW.value) > 40200
        OR NEW.value GLOB ('*[' || char (1) || '-' || char (9) || char (11) || '-' || char (31) || char (127) || ']*'))
BEGIN
  SELECT RAISE (ABORT, 'not a setting of plan reviews, or not of its shape');
END;
