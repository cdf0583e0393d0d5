-- 0012-service-map.sql — the directory of services as the unit's stakeholder map
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Each entry gets the life area of adult social work it serves (the six
-- areas of the Uusimaa front-desk model plus health and safety; 8 = not
-- placed yet), the kind of body that runs it, the languages it serves in,
-- e-mail, opening hours or notes, and flags: the social emergency service
-- (SHL 29 §) is found by its flag, never by its name. Codes are those of
-- src/core/kh-service-enums.h; the rules those of kh-service-check.c.
--
-- Entries a unit made itself keep their name and contacts and are honestly
-- "not placed yet" and "not recorded": this migration cannot know them. The
-- twelve entries 0001 seeded, where the unit has not renamed them, are placed
-- (matched once, here, by the exact names 0001 wrote); the TE services ended
-- on 1.1.2025, so that entry is deactivated and the municipal employment
-- services added. Contacts directed to any entry keep it: no row is removed.

ALTER TABLE services ADD COLUMN area INTEGER NOT NULL DEFAULT 8
  CHECK (area BETWEEN 1 AND 8);                                  -- KhLifeArea
ALTER TABLE services ADD COLUMN kind INTEGER NOT NULL DEFAULT 7
  CHECK (kind BETWEEN 1 AND 7);                                  -- KhServiceKind
ALTER TABLE services ADD COLUMN languages INTEGER NOT NULL DEFAULT 0
  CHECK (languages BETWEEN 0 AND 7);                             -- KhServiceLanguages
ALTER TABLE services ADD COLUMN other_languages TEXT
  CHECK (other_languages IS NULL OR length (trim (other_languages)) BETWEEN 1 AND 200);
ALTER TABLE services ADD COLUMN email TEXT
  CHECK (email IS NULL OR (length (email) <= 254 AND email GLOB '?*@?*.?*'
                           AND email NOT GLOB '*[ ,;<>]*'));
ALTER TABLE services ADD COLUMN notes TEXT
  CHECK (notes IS NULL OR length (trim (notes)) BETWEEN 1 AND 1000);
ALTER TABLE services ADD COLUMN flags INTEGER NOT NULL DEFAULT 0
  CHECK (flags BETWEEN 0 AND 3);                                 -- KhServiceFlags

-- The columns of 0001 get their limits by trigger (SQLite cannot add a CHECK
-- to a column that exists).
CREATE TRIGGER services_limits_insert BEFORE INSERT ON services
  WHEN length (NEW.name_fi) > 200 OR length (NEW.name_sv) > 200
    OR length (NEW.phone) > 40 OR NEW.phone GLOB '*[^0-9 +()-]*'
    OR length (NEW.address) > 300
    OR length (NEW.url) > 500
    OR NOT (lower (NEW.url) GLOB 'https://?*' OR lower (NEW.url) GLOB 'http://?*')
BEGIN
  SELECT RAISE (ABORT, 'a directory entry breaks a length or shape rule');
END;

CREATE TRIGGER services_limits_update BEFORE UPDATE ON services
  WHEN length (NEW.name_fi) > 200 OR length (NEW.name_sv) > 200
    OR length (NEW.phone) > 40 OR NEW.phone GLOB '*[^0-9 +()-]*'
    OR length (NEW.address) > 300
    OR length (NEW.url) > 500
    OR NOT (lower (NEW.url) GLOB 'https://?*' OR lower (NEW.url) GLOB 'http://?*')
BEGIN
  SELECT RAISE (ABORT, 'a directory entry breaks a length or shape rule');
END;

-- Reception directs urgent help to the one social emergency service.
CREATE UNIQUE INDEX services_one_social_emergency ON services (active)
  WHERE active = 1 AND (flags & 1) = 1;

-- The entries of 0001, where they still have the names 0001 gave them.
UPDATE services SET area = 3, kind = 1, languages = 7,
                    url = coalesce (url, 'https://www.kela.fi')
  WHERE name_fi = 'Kela' AND name_sv = 'FPA';
UPDATE services SET area = 1, kind = 1, languages = 3, active = 0
  WHERE name_fi = 'Työllisyyspalvelut (TE-palvelut)'
    AND name_sv = 'Sysselsättningstjänster (TE-tjänster)';
UPDATE services SET area = 7, kind = 2
  WHERE name_fi = 'Terveysasema' AND name_sv = 'Hälsostation';
UPDATE services SET area = 7, kind = 2
  WHERE name_fi = 'Mielenterveys- ja päihdepalvelut'
    AND name_sv = 'Mentalvårds- och missbrukarvårdstjänster';
UPDATE services SET area = 3, kind = 1, languages = 3
  WHERE name_fi = 'Talous- ja velkaneuvonta' AND name_sv = 'Ekonomi- och skuldrådgivning';
UPDATE services SET area = 3, kind = 1, languages = 3,
                    url = coalesce (url, 'https://www.ulosottolaitos.fi')
  WHERE name_fi = 'Ulosottolaitos' AND name_sv = 'Utsökningsverket';
UPDATE services SET area = 3, kind = 1, languages = 3
  WHERE name_fi = 'Yleinen edunvalvonta' AND name_sv = 'Allmän intressebevakning';
UPDATE services SET area = 6, kind = 3
  WHERE name_fi = 'Asumisneuvonta' AND name_sv = 'Boenderådgivning';
UPDATE services SET area = 4, kind = 4,
                    name_fi = 'Seurakunnan diakoniatyö', name_sv = 'Församlingens diakoniarbete'
  WHERE name_fi = 'Seurakunta' AND name_sv = 'Församling';
UPDATE services SET area = 5, kind = 5
  WHERE name_fi = 'Järjestöt' AND name_sv = 'Organisationer';
UPDATE services SET area = 5
  WHERE name_fi = 'Tulkkipalvelu' AND name_sv = 'Tolktjänst';
-- SHL 29 §: available around the clock.
UPDATE services SET area = 7, kind = 2, flags = 3
  WHERE name_fi = 'Sosiaalipäivystys' AND name_sv = 'Socialjour'
    AND active = 1
    AND NOT EXISTS (SELECT 1 FROM services WHERE active = 1 AND (flags & 1) = 1);

-- The rest of the map. Local bodies are generic entries: their phones and
-- addresses are the unit's to fill in. Only national numbers and addresses
-- are given. An entry whose name the unit already uses is not added twice.
CREATE TEMP TABLE seed_services (
  name_fi TEXT, name_sv TEXT, area INTEGER, kind INTEGER, languages INTEGER,
  phone TEXT, url TEXT, flags INTEGER
);

INSERT INTO seed_services (name_fi, name_sv, area, kind, languages, phone, url, flags) VALUES
  -- work and functioning
  ('Kunnan työllisyyspalvelut', 'Kommunens sysselsättningstjänster', 1, 3, 0,
   NULL, 'https://tyomarkkinatori.fi', 0),
  ('Kuntouttava työtoiminta', 'Arbetsverksamhet i rehabiliteringssyfte', 1, 2, 0, NULL, NULL, 0),
  ('Vammaispalvelut', 'Funktionshinderservice', 1, 2, 0, NULL, NULL, 0),
  -- skills and education
  ('Ohjaamo', 'Navigatorn', 2, 3, 0, NULL, NULL, 0),
  ('Kansalaisopisto', 'Medborgarinstitut', 2, 3, 0, NULL, NULL, 0),
  -- finances
  ('Takuusäätiö', 'Garantistiftelsen', 3, 5, 0, NULL, 'https://www.takuusaatio.fi', 0),
  ('Ruoka-apu', 'Mathjälp', 3, 5, 0, NULL, NULL, 0),
  -- everyday life
  ('Oikeusaputoimisto', 'Rättshjälpsbyrå', 4, 1, 3, NULL, NULL, 0),
  -- participation
  ('Kotoutumispalvelut', 'Integrationstjänster', 5, 3, 0, NULL, NULL, 0),
  ('Rikosseuraamuslaitos', 'Brottspåföljdsmyndigheten', 5, 1, 3,
   NULL, 'https://www.rikosseuraamus.fi', 0),
  -- housing
  ('Asuntotoimisto', 'Bostadsbyrån', 6, 3, 0, NULL, NULL, 0),
  ('Vuokranantajat', 'Hyresvärdar', 6, 6, 0, NULL, NULL, 0),
  ('Sininauhaliitto', 'Sininauhaliitto', 6, 5, 0, NULL, 'https://www.sininauha.fi', 0),
  -- health and safety
  ('A-klinikka', 'A-kliniken', 7, 6, 0, NULL, 'https://www.a-klinikka.fi', 0),
  ('Peliklinikka', 'Spelkliniken', 7, 2, 0, NULL, 'https://www.peliklinikka.fi', 0),
  ('Kriisikeskus', 'Kriscentret', 7, 5, 0, NULL, NULL, 0),
  ('Kriisipuhelin (MIELI Suomen Mielenterveys ry)', 'Kristelefonen (MIELI Psykisk Hälsa Finland rf)',
   7, 5, 3, '09 2525 0111', 'https://mieli.fi', 0),
  ('Nollalinja', 'Nollinjen', 7, 5, 7, '080 005 005', 'https://www.nollalinja.fi', 2),
  ('Päivystysapu 116117', 'Jourhjälpen 116117', 7, 2, 3, '116 117', NULL, 2),
  ('Poliisi', 'Polisen', 7, 1, 3, NULL, 'https://poliisi.fi', 0);

INSERT INTO services (name_fi, name_sv, area, kind, languages, phone, url, flags)
  SELECT s.name_fi, s.name_sv, s.area, s.kind, s.languages, s.phone, s.url, s.flags
  FROM seed_services AS s
  WHERE NOT EXISTS (SELECT 1 FROM services AS e
                    WHERE e.name_fi = s.name_fi OR e.name_sv = s.name_sv);

UPDATE services SET notes = 'Suomeksi 09 2525 0111, på svenska 09 2525 0112.'
  WHERE name_fi = 'Kriisipuhelin (MIELI Suomen Mielenterveys ry)' AND notes IS NULL;

DROP TABLE seed_services;
