-- 0001-schema.sql — Kohtaamo on PostgreSQL 15: the schema, the roles, and the
-- server's enforcement of who reads what
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- PostgreSQL's own series of migrations (data/sql/pg/NNNN-….sql), applied in
-- order, each in one transaction, by a superuser (it creates roles and
-- extensions): `psql -v ON_ERROR_STOP=1 --single-transaction -f FILE`. Each
-- file records itself in kohtaamo.schema_version as its last statement, so
-- that applying a file twice fails instead of doing anything. Never edit a
-- file once released: add the next one.
--
-- The tables are the END STATE of the SQLite migrations data/sql/0001…0016:
-- same table and column names, same CHECKs; SQLite's triggers are restated
-- in PL/pgSQL (the rules SQLite could add only by trigger stay triggers, so
-- that they hold for new and changed rows as they do there). Types: ids and
-- times (Unix seconds) bigint, codes integer, flags integer 0/1 with CHECK,
-- TEXT text, BLOB bytea. SQLite-only: the FTS5 table clients_fts (search
-- uses client_words here) and the helper table contact_name_forbidden_chars
-- (a regular expression here).
--
-- ============================ HOW A READ IS LOGGED ============================
--
-- Roles. Each worker logs in as their own PostgreSQL role, named as their
-- users.account; kohtaamo.current_kohtaamo_user() maps session_user to the
-- users row and raises at once (SQLSTATE 42501) when there is none, when it
-- is inactive, or when the login is not a member of the group of its
-- Kohtaamo role: the state is read on every call, never cached. The group
-- roles kohtaamo_reception, _counsellor, _social_worker, _lead, _admin (KhRole
-- 1–5) are members of kohtaamo_staff; every object belongs to kohtaamo_owner
-- (NOLOGIN). Nobody logs in as the owner in everyday use.
--
-- Writing the log. kohtaamo.log_access(client_id, what, basis) is the only
-- way a worker writes an access_log row (no role has INSERT on the table).
-- It runs as the owner (SECURITY DEFINER), takes the user from session_user,
-- forces reception's basis to intake (as kh-db.c does), and the table's
-- BEFORE INSERT trigger sets the time from the server clock, seq (1, 2, 3 …
-- without gaps: the single row of access_log_head is locked until commit),
-- prev_hash and hash = hex(sha256('kohtaamo-log-v1|seq|at|user_id|client_id
-- or empty|what|basis|prev_hash')), and `xact`, the id of the transaction
-- (pg_current_xact_id()). The log is append-only for every role, the owner
-- included: no UPDATE, DELETE or TRUNCATE privilege, and triggers refusing
-- them.
--
-- Reading. Worker roles have no way to a person's data but row-level
-- security: a row of clients, contacts, cases or contact_revisions is
-- visible (and updatable, deletable) only when THIS transaction has logged
-- THAT person for THE CALLING user (an access_log row with xact =
-- pg_current_xact_id_if_assigned(), client_id, user_id), or when this
-- transaction created the row itself (kohtaamo.tx_writes, filled by a
-- BEFORE INSERT trigger, so that INSERT … RETURNING works). So the engine
-- reads a person as: BEGIN; SELECT kohtaamo.log_access(id, what, basis);
-- SELECT … FROM clients WHERE id = …; COMMIT — the same SQL as on SQLite,
-- with the log row first. A transaction that rolls back loses its log row
-- and its reads together. An UPDATE or DELETE of an existing person's rows
-- must log first too (e.g. what 5 "edit" before saving their details).
-- Reads that cannot log first, because they find who is shown, are
-- SECURITY DEFINER functions that return ids in order and log each person
-- they return (search: what 1; work lists: what 8); the engine then reads
-- those rows with ordinary SELECTs. Address, postal code and city are not
-- readable as columns at all: kohtaamo.client_address(id, show_protected)
-- returns them for a person logged in this transaction, and behind a
-- non-disclosure marking only with show_protected, which logs what 10.
-- client_words (folded name words) is kept by the server from the names and
-- readable by nobody but the owner's search functions. Anonymous contacts
-- (no person) are visible to all staff. The access log is read by the lead
-- social worker and the administrator only (grants), and only after the
-- reading itself was logged in the transaction (what 7: with a client_id,
-- that person's rows; with none, all rows). Reception reads the intake and
-- the case's queue columns only (column grants); anything added later for
-- case work is not granted to reception unless a migration says so. The
-- users table is written only through kohtaamo.save_user(), which checks
-- that the caller is an active administrator, keeps one active
-- administrator, and moves the login between the group roles.
-- ============================================================================

-- ---- roles (cluster-wide: made once, kept when a second database uses them)

DO $roles$
DECLARE
  r text;
BEGIN
  FOREACH r IN ARRAY ARRAY['kohtaamo_owner', 'kohtaamo_staff', 'kohtaamo_reception',
                           'kohtaamo_counsellor', 'kohtaamo_social_worker', 'kohtaamo_lead',
                           'kohtaamo_admin']
  LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
      EXECUTE format ('CREATE ROLE %I NOLOGIN', r);
    END IF;
  END LOOP;
END
$roles$;

GRANT kohtaamo_staff TO kohtaamo_reception, kohtaamo_counsellor, kohtaamo_social_worker,
                        kohtaamo_lead, kohtaamo_admin;
-- The owner moves logins between the groups (kohtaamo.save_user) without
-- CREATEROLE, which in PostgreSQL 15 could grant far more.
GRANT kohtaamo_reception, kohtaamo_counsellor, kohtaamo_social_worker, kohtaamo_lead,
      kohtaamo_admin TO kohtaamo_owner WITH ADMIN OPTION;

CREATE SCHEMA kohtaamo AUTHORIZATION kohtaamo_owner;
REVOKE ALL ON SCHEMA kohtaamo FROM PUBLIC;
GRANT USAGE ON SCHEMA kohtaamo TO kohtaamo_staff;

SET ROLE kohtaamo_owner;
SET search_path = kohtaamo, pg_catalog;

-- Functions are not executable by PUBLIC: each is granted to whom it is for.
ALTER DEFAULT PRIVILEGES FOR ROLE kohtaamo_owner IN SCHEMA kohtaamo
  REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;

CREATE TABLE schema_version (
  version     integer PRIMARY KEY,
  name        text NOT NULL,
  applied_at  bigint NOT NULL DEFAULT floor (extract (epoch FROM now ()))::bigint
);

-- A rule the SQLite schema keeps by trigger, refused with its message:
-- BEFORE … FOR EACH ROW WHEN (…) EXECUTE FUNCTION refuse ('message').
CREATE FUNCTION refuse () RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION USING ERRCODE = 'check_violation', MESSAGE = TG_ARGV[0];
END
$$;

-- Issue 5, 1.13: control characters, and the invisible and
-- direction-changing characters of kh_text_find_invisible().
CREATE FUNCTION has_forbidden_chars (t text) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
  SELECT t ~ '[\u0001-\u001f\u007f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]'
$$;

-- The invisible and direction-changing characters only (names of a contact,
-- 0011: contact_name_forbidden_chars).
CREATE FUNCTION has_invisible_chars (t text) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
  SELECT t ~ '[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]'
$$;

-- Name words as _kh_db_fold_words (kh-db.c) and SQLite's unicode61 with
-- remove_diacritics 2 see them: marks dropped after decomposition (ä → a,
-- å → a, é → e), case folded, anything but letters and digits a separator.
CREATE FUNCTION fold_words (t text) RETURNS text[]
LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce (array_agg (w ORDER BY n), '{}')
  FROM regexp_split_to_table (
         lower (regexp_replace (normalize (coalesce (t, ''), NFD),
                                '[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]',
                                '', 'g')),
         '[^[:alnum:]]+') WITH ORDINALITY AS s (w, n)
  WHERE w <> ''
$$;

-- ---- users ----

CREATE TABLE users (
  id            bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  account       text NOT NULL UNIQUE CHECK (length (account) > 0),
  display_name  text,
  role          integer NOT NULL CHECK (role BETWEEN 1 AND 5),   -- KhRole
  active        integer NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at    bigint NOT NULL
);

-- ---- people ----

CREATE TABLE clients (
  id              bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  identity_kind   integer NOT NULL CHECK (identity_kind IN (1, 2)),   -- KhIdentityKind
  identity_code   text UNIQUE CHECK (identity_code IS NULL OR length (identity_code) = 11),
  no_code_reason  integer NOT NULL DEFAULT 0 CHECK (no_code_reason BETWEEN 0 AND 4),
  birth_date      text NOT NULL CHECK (birth_date ~ '^[0-9]{4}-[0-1][0-9]-[0-3][0-9]$'),
  last_name       text NOT NULL CHECK (length (trim (last_name)) > 0),
  first_names     text NOT NULL CHECK (length (trim (first_names)) > 0),
  language        integer NOT NULL CHECK (language BETWEEN 1 AND 3),   -- KhLanguage
  other_language  text,
  interpreter     integer NOT NULL DEFAULT 0 CHECK (interpreter IN (0, 1)),
  address         text,
  postal_code     text CHECK (postal_code IS NULL OR postal_code ~ '^[0-9]{5}$'),
  city            text,
  phone           text,
  phone_digits    text CHECK (phone_digits IS NULL OR phone_digits ~ '^[0-9]*$'),
  email           text CHECK (email IS NULL OR (email LIKE '%_@_%._%' AND email NOT LIKE '% %')),
  created_at      bigint NOT NULL,
  updated_at      bigint NOT NULL,
  -- 0002: kh_collate_key order as bytes (made by the client); the folded
  -- name words, made here by the server.
  sort_key        bytea,
  search_text     text,
  -- 0008
  non_disclosure  integer NOT NULL DEFAULT 0 CHECK (non_disclosure IN (0, 1)),
  mother_tongue   integer NOT NULL DEFAULT 0 CHECK (mother_tongue BETWEEN 0 AND 3),
  other_mother_tongue text
    CHECK (other_mother_tongue IS NULL
           OR (mother_tongue = 3 AND length (trim (other_mother_tongue)) > 0
               AND length (other_mother_tongue) <= 60)),
  representative_name text
    CHECK (representative_name IS NULL
           OR (length (trim (representative_name)) > 0 AND length (representative_name) <= 150)),
  representative_contact text
    CHECK (representative_contact IS NULL
           OR (representative_name IS NOT NULL AND length (trim (representative_contact)) > 0
               AND length (representative_contact) <= 200)),

  -- ATL 38 §: a code, or a birth date and the reason there is no code.
  CHECK ((identity_kind = 1 AND identity_code IS NOT NULL AND no_code_reason = 0)
         OR (identity_kind = 2 AND identity_code IS NULL AND no_code_reason BETWEEN 1 AND 4)),
  -- The birth date of a person with a code is the code's date (DDMMYY).
  CHECK (identity_code IS NULL
         OR (substr (identity_code, 1, 2) = substr (birth_date, 9, 2)
             AND substr (identity_code, 3, 2) = substr (birth_date, 6, 2)
             AND substr (identity_code, 5, 2) = substr (birth_date, 3, 2))),
  CHECK (other_language IS NULL OR language = 3)
);

CREATE INDEX clients_birth_date ON clients (birth_date);
CREATE INDEX clients_phone_digits ON clients (phone_digits COLLATE "C")
  WHERE phone_digits IS NOT NULL;
CREATE INDEX clients_identity_code_prefix ON clients (identity_code COLLATE "C");
CREATE INDEX clients_sort ON clients (sort_key, id);

-- 0008: lengths and characters of new and changed values.
CREATE TRIGGER clients_text_length_insert BEFORE INSERT ON clients
  FOR EACH ROW
  WHEN (length (NEW.last_name) > 100 OR length (NEW.first_names) > 150
        OR length (NEW.other_language) > 60 OR length (NEW.address) > 150
        OR length (NEW.city) > 80 OR length (NEW.phone) > 40 OR length (NEW.email) > 254)
  EXECUTE FUNCTION refuse ('a person''s text field is longer than its limit');

CREATE TRIGGER clients_text_length_update
  BEFORE UPDATE OF last_name, first_names, other_language, address, city, phone, email,
                   other_mother_tongue, representative_name, representative_contact ON clients
  FOR EACH ROW
  WHEN ((NEW.last_name IS DISTINCT FROM OLD.last_name AND length (NEW.last_name) > 100)
        OR (NEW.first_names IS DISTINCT FROM OLD.first_names AND length (NEW.first_names) > 150)
        OR (NEW.other_language IS DISTINCT FROM OLD.other_language AND length (NEW.other_language) > 60)
        OR (NEW.address IS DISTINCT FROM OLD.address AND length (NEW.address) > 150)
        OR (NEW.city IS DISTINCT FROM OLD.city AND length (NEW.city) > 80)
        OR (NEW.phone IS DISTINCT FROM OLD.phone AND length (NEW.phone) > 40)
        OR (NEW.email IS DISTINCT FROM OLD.email AND length (NEW.email) > 254))
  EXECUTE FUNCTION refuse ('a person''s text field is longer than its limit');

CREATE TRIGGER clients_text_characters_insert BEFORE INSERT ON clients
  FOR EACH ROW
  WHEN (has_forbidden_chars (NEW.last_name) OR has_forbidden_chars (NEW.first_names)
        OR has_forbidden_chars (NEW.other_language) OR has_forbidden_chars (NEW.address)
        OR has_forbidden_chars (NEW.city) OR has_forbidden_chars (NEW.phone)
        OR has_forbidden_chars (NEW.email) OR has_forbidden_chars (NEW.other_mother_tongue)
        OR has_forbidden_chars (NEW.representative_name)
        OR has_forbidden_chars (NEW.representative_contact))
  EXECUTE FUNCTION refuse ('a person''s text field holds an invisible, direction-changing or control character');

CREATE TRIGGER clients_text_characters_update
  BEFORE UPDATE OF last_name, first_names, other_language, address, city, phone, email,
                   other_mother_tongue, representative_name, representative_contact ON clients
  FOR EACH ROW
  WHEN ((NEW.last_name IS DISTINCT FROM OLD.last_name AND has_forbidden_chars (NEW.last_name))
        OR (NEW.first_names IS DISTINCT FROM OLD.first_names AND has_forbidden_chars (NEW.first_names))
        OR (NEW.other_language IS DISTINCT FROM OLD.other_language AND has_forbidden_chars (NEW.other_language))
        OR (NEW.address IS DISTINCT FROM OLD.address AND has_forbidden_chars (NEW.address))
        OR (NEW.city IS DISTINCT FROM OLD.city AND has_forbidden_chars (NEW.city))
        OR (NEW.phone IS DISTINCT FROM OLD.phone AND has_forbidden_chars (NEW.phone))
        OR (NEW.email IS DISTINCT FROM OLD.email AND has_forbidden_chars (NEW.email))
        OR (NEW.other_mother_tongue IS DISTINCT FROM OLD.other_mother_tongue
            AND has_forbidden_chars (NEW.other_mother_tongue))
        OR (NEW.representative_name IS DISTINCT FROM OLD.representative_name
            AND has_forbidden_chars (NEW.representative_name))
        OR (NEW.representative_contact IS DISTINCT FROM OLD.representative_contact
            AND has_forbidden_chars (NEW.representative_contact)))
  EXECUTE FUNCTION refuse ('a person''s text field holds an invisible, direction-changing or control character');

-- 0002: a name changed by a statement that did not also set the sort key
-- loses its key (the client makes it again); the folded words are the
-- server's own.
CREATE FUNCTION clients_keys () RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND NEW.sort_key IS NOT DISTINCT FROM OLD.sort_key
     AND (NEW.last_name IS DISTINCT FROM OLD.last_name
          OR NEW.first_names IS DISTINCT FROM OLD.first_names) THEN
    NEW.sort_key := NULL;
  END IF;
  NEW.search_text := ' ' || array_to_string (fold_words (NEW.last_name || ' ' || NEW.first_names), ' ')
                     || ' ';
  RETURN NEW;
END
$$;

CREATE TRIGGER clients_keys BEFORE INSERT OR UPDATE ON clients
  FOR EACH ROW EXECUTE FUNCTION clients_keys ();

-- ---- name search (0003, 0014) ----

-- One row per folded name word, with the first 24 bytes of the person's
-- sort key: a typed prefix is a range of client_words_word, read in name
-- order. Kept by the server (clients_words below); nobody else reads or
-- writes it.
CREATE TABLE client_words (
  word         text COLLATE "C" NOT NULL CHECK (length (word) > 0 AND word !~ ' '),
  sort_prefix  bytea NOT NULL CHECK (length (sort_prefix) BETWEEN 1 AND 24),
  client_id    bigint NOT NULL
);

CREATE INDEX client_words_word ON client_words (word, sort_prefix, client_id);
CREATE INDEX client_words_client ON client_words (client_id);

CREATE FUNCTION clients_words () RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    DELETE FROM client_words WHERE client_id = OLD.id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.sort_key IS NOT NULL AND length (NEW.sort_key) > 0 THEN
    INSERT INTO client_words (word, sort_prefix, client_id)
      SELECT DISTINCT w, substring (NEW.sort_key FROM 1 FOR 24), NEW.id
      FROM unnest (fold_words (NEW.last_name || ' ' || NEW.first_names)) AS w;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER clients_words_insert AFTER INSERT ON clients
  FOR EACH ROW EXECUTE FUNCTION clients_words ();
CREATE TRIGGER clients_words_update AFTER UPDATE OF last_name, first_names, sort_key ON clients
  FOR EACH ROW EXECUTE FUNCTION clients_words ();
CREATE TRIGGER clients_words_delete AFTER DELETE ON clients
  FOR EACH ROW EXECUTE FUNCTION clients_words ();

-- ---- the unit's settings and calendar ----

CREATE TABLE settings (
  key    text PRIMARY KEY,
  value  text NOT NULL
);

INSERT INTO settings (key, value) VALUES ('saturday_is_working_day', '0');

-- 0009: the unit's name.
CREATE TRIGGER settings_unit_name_insert BEFORE INSERT ON settings
  FOR EACH ROW
  WHEN (NEW.key = 'unit_name' AND (length (trim (NEW.value)) = 0 OR length (NEW.value) > 120))
  EXECUTE FUNCTION refuse ('the unit name must be 1 to 120 characters');
CREATE TRIGGER settings_unit_name_update BEFORE UPDATE ON settings
  FOR EACH ROW
  WHEN (NEW.key = 'unit_name' AND (length (trim (NEW.value)) = 0 OR length (NEW.value) > 120))
  EXECUTE FUNCTION refuse ('the unit name must be 1 to 120 characters');

CREATE TABLE closed_days (
  date        text PRIMARY KEY CHECK (date ~ '^[0-9]{4}-[0-1][0-9]-[0-3][0-9]$'),
  name        text NOT NULL CHECK (length (trim (name)) > 0),
  created_by  bigint REFERENCES users (id)
);

-- ---- the directory of services (0001, 0012) ----

CREATE TABLE services (
  id               bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  name_fi          text NOT NULL CHECK (length (trim (name_fi)) > 0),
  name_sv          text NOT NULL CHECK (length (trim (name_sv)) > 0),
  phone            text,
  address          text,
  url              text,
  active           integer NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  area             integer NOT NULL DEFAULT 8 CHECK (area BETWEEN 1 AND 8),        -- KhLifeArea
  kind             integer NOT NULL DEFAULT 7 CHECK (kind BETWEEN 1 AND 7),        -- KhServiceKind
  languages        integer NOT NULL DEFAULT 0 CHECK (languages BETWEEN 0 AND 7),   -- KhServiceLanguages
  other_languages  text CHECK (other_languages IS NULL
                               OR length (trim (other_languages)) BETWEEN 1 AND 200),
  email            text CHECK (email IS NULL OR (length (email) <= 254 AND email ~ '^.+@.+\..+$'
                                                 AND email !~ '[ ,;<>]')),
  notes            text CHECK (notes IS NULL OR length (trim (notes)) BETWEEN 1 AND 1000),
  flags            integer NOT NULL DEFAULT 0 CHECK (flags BETWEEN 0 AND 3)        -- KhServiceFlags
);

CREATE TRIGGER services_limits_insert BEFORE INSERT ON services
  FOR EACH ROW
  WHEN (length (NEW.name_fi) > 200 OR length (NEW.name_sv) > 200
        OR length (NEW.phone) > 40 OR NEW.phone ~ '[^0-9 +()-]'
        OR length (NEW.address) > 300 OR length (NEW.url) > 500
        OR NOT (lower (NEW.url) LIKE 'https://_%' OR lower (NEW.url) LIKE 'http://_%'))
  EXECUTE FUNCTION refuse ('a directory entry breaks a length or shape rule');
CREATE TRIGGER services_limits_update BEFORE UPDATE ON services
  FOR EACH ROW
  WHEN (length (NEW.name_fi) > 200 OR length (NEW.name_sv) > 200
        OR length (NEW.phone) > 40 OR NEW.phone ~ '[^0-9 +()-]'
        OR length (NEW.address) > 300 OR length (NEW.url) > 500
        OR NOT (lower (NEW.url) LIKE 'https://_%' OR lower (NEW.url) LIKE 'http://_%'))
  EXECUTE FUNCTION refuse ('a directory entry breaks a length or shape rule');

-- Reception directs urgent help to the one social emergency service.
CREATE UNIQUE INDEX services_one_social_emergency ON services (active)
  WHERE active = 1 AND (flags & 1) = 1;

-- The directory as a new SQLite database has it after 0012.
INSERT INTO services (id, name_fi, name_sv, phone, url, active, area, kind, languages, notes, flags)
OVERRIDING SYSTEM VALUE VALUES
  (1, 'Kela', 'FPA', NULL, 'https://www.kela.fi', 1, 3, 1, 7, NULL, 0),
  (2, 'Työllisyyspalvelut (TE-palvelut)', 'Sysselsättningstjänster (TE-tjänster)', NULL, NULL, 0, 1, 1, 3, NULL, 0),
  (3, 'Terveysasema', 'Hälsostation', NULL, NULL, 1, 7, 2, 0, NULL, 0),
  (4, 'Mielenterveys- ja päihdepalvelut', 'Mentalvårds- och missbrukarvårdstjänster', NULL, NULL, 1, 7, 2, 0, NULL, 0),
  (5, 'Talous- ja velkaneuvonta', 'Ekonomi- och skuldrådgivning', NULL, NULL, 1, 3, 1, 3, NULL, 0),
  (6, 'Ulosottolaitos', 'Utsökningsverket', NULL, 'https://www.ulosottolaitos.fi', 1, 3, 1, 3, NULL, 0),
  (7, 'Yleinen edunvalvonta', 'Allmän intressebevakning', NULL, NULL, 1, 3, 1, 3, NULL, 0),
  (8, 'Asumisneuvonta', 'Boenderådgivning', NULL, NULL, 1, 6, 3, 0, NULL, 0),
  (9, 'Seurakunnan diakoniatyö', 'Församlingens diakoniarbete', NULL, NULL, 1, 4, 4, 0, NULL, 0),
  (10, 'Järjestöt', 'Organisationer', NULL, NULL, 1, 5, 5, 0, NULL, 0),
  (11, 'Tulkkipalvelu', 'Tolktjänst', NULL, NULL, 1, 5, 7, 0, NULL, 0),
  (12, 'Sosiaalipäivystys', 'Socialjour', NULL, NULL, 1, 7, 2, 0, NULL, 3),
  (13, 'Kunnan työllisyyspalvelut', 'Kommunens sysselsättningstjänster', NULL, 'https://tyomarkkinatori.fi', 1, 1, 3, 0, NULL, 0),
  (14, 'Kuntouttava työtoiminta', 'Arbetsverksamhet i rehabiliteringssyfte', NULL, NULL, 1, 1, 2, 0, NULL, 0),
  (15, 'Vammaispalvelut', 'Funktionshinderservice', NULL, NULL, 1, 1, 2, 0, NULL, 0),
  (16, 'Ohjaamo', 'Navigatorn', NULL, NULL, 1, 2, 3, 0, NULL, 0),
  (17, 'Kansalaisopisto', 'Medborgarinstitut', NULL, NULL, 1, 2, 3, 0, NULL, 0),
  (18, 'Takuusäätiö', 'Garantistiftelsen', NULL, 'https://www.takuusaatio.fi', 1, 3, 5, 0, NULL, 0),
  (19, 'Ruoka-apu', 'Mathjälp', NULL, NULL, 1, 3, 5, 0, NULL, 0),
  (20, 'Oikeusaputoimisto', 'Rättshjälpsbyrå', NULL, NULL, 1, 4, 1, 3, NULL, 0),
  (21, 'Kotoutumispalvelut', 'Integrationstjänster', NULL, NULL, 1, 5, 3, 0, NULL, 0),
  (22, 'Rikosseuraamuslaitos', 'Brottspåföljdsmyndigheten', NULL, 'https://www.rikosseuraamus.fi', 1, 5, 1, 3, NULL, 0),
  (23, 'Asuntotoimisto', 'Bostadsbyrån', NULL, NULL, 1, 6, 3, 0, NULL, 0),
  (24, 'Vuokranantajat', 'Hyresvärdar', NULL, NULL, 1, 6, 6, 0, NULL, 0),
  (25, 'Sininauhaliitto', 'Sininauhaliitto', NULL, 'https://www.sininauha.fi', 1, 6, 5, 0, NULL, 0),
  (26, 'A-klinikka', 'A-kliniken', NULL, 'https://www.a-klinikka.fi', 1, 7, 6, 0, NULL, 0),
  (27, 'Peliklinikka', 'Spelkliniken', NULL, 'https://www.peliklinikka.fi', 1, 7, 2, 0, NULL, 0),
  (28, 'Kriisikeskus', 'Kriscentret', NULL, NULL, 1, 7, 5, 0, NULL, 0),
  (29, 'Kriisipuhelin (MIELI Suomen Mielenterveys ry)', 'Kristelefonen (MIELI Psykisk Hälsa Finland rf)',
   '09 2525 0111', 'https://mieli.fi', 1, 7, 5, 3, 'Suomeksi 09 2525 0111, på svenska 09 2525 0112.', 0),
  (30, 'Nollalinja', 'Nollinjen', '080 005 005', 'https://www.nollalinja.fi', 1, 7, 5, 7, NULL, 2),
  (31, 'Päivystysapu 116117', 'Jourhjälpen 116117', '116 117', NULL, 1, 7, 2, 3, NULL, 2),
  (32, 'Poliisi', 'Polisen', NULL, 'https://poliisi.fi', 1, 7, 1, 3, NULL, 0);

ALTER TABLE services ALTER COLUMN id RESTART WITH 33;

-- ---- contacts at reception (0011, 0013, 0015) ----

CREATE TABLE contacts (
  id                    bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  received_at           bigint NOT NULL,
  channel               integer NOT NULL CHECK (channel BETWEEN 1 AND 10),    -- KhChannel
  contactor             integer NOT NULL CHECK (contactor BETWEEN 1 AND 6),   -- KhContactor
  contactor_detail      text CHECK (length (contactor_detail) <= 200),
  contactor_name        text CHECK (length (contactor_name) <= 200),
  contactor_relation    text CHECK (length (contactor_relation) <= 200),
  contactor_contact     text CHECK (length (contactor_contact) <= 200),
  referral              integer NOT NULL DEFAULT 0 CHECK (referral BETWEEN 0 AND 3),  -- KhReferral
  directed_by           text CHECK (length (directed_by) <= 200),
  kela_kind             integer NOT NULL DEFAULT 0 CHECK (kela_kind BETWEEN 0 AND 6), -- KhKelaKind
  kela_meeting_deadline text CHECK (kela_meeting_deadline IS NULL
                                    OR kela_meeting_deadline ~ '^[0-9]{4}-[0-1][0-9]-[0-3][0-9]$'),
  needs                 integer NOT NULL DEFAULT 0 CHECK (needs BETWEEN 0 AND 1023),  -- KhNeed flags
  reason_text           text,
  urgency               integer NOT NULL DEFAULT 0 CHECK (urgency BETWEEN 0 AND 2),   -- KhUrgency
  urgency_assessed_by   bigint REFERENCES users (id),
  urgency_assessed_at   bigint,
  urgent                integer NOT NULL DEFAULT 0 CHECK (urgent IN (0, 1)),
  urgent_note           text,
  language              integer NOT NULL CHECK (language BETWEEN 1 AND 3),    -- KhLanguage
  interpreter           integer NOT NULL DEFAULT 0 CHECK (interpreter IN (0, 1)),
  outcome               integer NOT NULL CHECK (outcome BETWEEN 1 AND 5),     -- KhOutcome
  opens_case            integer NOT NULL DEFAULT 0 CHECK (opens_case IN (0, 1)),
  service_id            bigint REFERENCES services (id),
  no_assessment_reason  text CHECK (length (no_assessment_reason) <= 2000),
  outcome_note          text,
  anonymous             integer NOT NULL DEFAULT 0 CHECK (anonymous IN (0, 1)),
  client_id             bigint REFERENCES clients (id),
  created_by            bigint NOT NULL REFERENCES users (id),
  created_at            bigint NOT NULL,
  -- 0013
  entered_in_error      integer NOT NULL DEFAULT 0 CHECK (entered_in_error IN (0, 1)),
  -- 0015 (its foreign key follows the cases table)
  attached_case_id      bigint,

  -- An anonymous contact keeps no personal data, and only advice or a
  -- referral elsewhere may be anonymous (statistics only; vasso.fi 4.2).
  CHECK (anonymous = 0
         OR (client_id IS NULL AND contactor_detail IS NULL AND contactor_name IS NULL
             AND contactor_relation IS NULL AND contactor_contact IS NULL
             AND directed_by IS NULL AND reason_text IS NULL AND urgent_note IS NULL
             AND outcome_note IS NULL AND no_assessment_reason IS NULL
             AND outcome IN (1, 2))),
  CHECK (anonymous = 1 OR client_id IS NOT NULL),
  CHECK (contactor <> 5 OR anonymous = 1),
  -- SHL 35 §
  CHECK (referral <> 1 OR contactor = 1),
  CHECK (referral NOT IN (2, 3) OR contactor = 3),
  CHECK (directed_by IS NULL OR referral = 1),
  -- A Kela notification has its own kind; nothing else has one.
  CHECK ((channel = 7) = (kela_kind <> 0)),
  CHECK (kela_meeting_deadline IS NULL OR kela_kind = 3),
  -- SHL 36 § 1 mom
  CHECK (urgent = (urgency = 1)::integer),
  CHECK (urgency = 0 OR (urgency_assessed_by IS NOT NULL AND urgency_assessed_at IS NOT NULL)),
  CHECK (outcome <> 2 OR service_id IS NOT NULL),
  CHECK (service_id IS NULL OR outcome IN (2, 4, 5)),
  CHECK (opens_case = (outcome = 3)::integer OR outcome = 4),
  CHECK (no_assessment_reason IS NULL
         OR ((referral IN (2, 3) OR kela_kind = 4) AND outcome NOT IN (3, 4)))
);

CREATE INDEX contacts_received_at ON contacts (received_at);
CREATE INDEX contacts_client ON contacts (client_id, received_at) WHERE client_id IS NOT NULL;

-- Kela is an authority (TTL 14 e §); its notification has its own kind.
CREATE TRIGGER contacts_kela_insert BEFORE INSERT ON contacts
  FOR EACH ROW
  WHEN (NEW.channel = 7 AND (NEW.contactor <> 3 OR NEW.referral <> 0 OR NEW.kela_kind NOT BETWEEN 1 AND 5))
  EXECUTE FUNCTION refuse ('a Kela notification comes from Kela, with its own kind');
CREATE TRIGGER contacts_kela_update BEFORE UPDATE OF channel, contactor, referral, kela_kind ON contacts
  FOR EACH ROW
  WHEN (NEW.channel = 7 AND (NEW.contactor <> 3 OR NEW.referral <> 0 OR NEW.kela_kind NOT BETWEEN 1 AND 5))
  EXECUTE FUNCTION refuse ('a Kela notification comes from Kela, with its own kind');

CREATE TRIGGER contacts_referral_insert BEFORE INSERT ON contacts
  FOR EACH ROW
  WHEN ((NEW.contactor = 3 AND NEW.channel <> 7 AND NEW.referral NOT IN (2, 3))
        OR (NEW.referral = 1 AND NEW.directed_by IS NULL))
  EXECUTE FUNCTION refuse ('an authority''s contact needs its kind under SHL 35 §, a directed person the authority');
CREATE TRIGGER contacts_referral_update BEFORE UPDATE OF contactor, channel, referral, directed_by ON contacts
  FOR EACH ROW
  WHEN ((NEW.contactor = 3 AND NEW.channel <> 7 AND NEW.referral NOT IN (2, 3))
        OR (NEW.referral = 1 AND NEW.directed_by IS NULL))
  EXECUTE FUNCTION refuse ('an authority''s contact needs its kind under SHL 35 §, a directed person the authority');

-- SHL 36 § 1 mom: the urgency is answered.
CREATE TRIGGER contacts_urgency_insert BEFORE INSERT ON contacts
  FOR EACH ROW WHEN (NEW.urgency = 0)
  EXECUTE FUNCTION refuse ('the urgency check must be answered');
CREATE TRIGGER contacts_urgency_update BEFORE UPDATE OF urgency ON contacts
  FOR EACH ROW WHEN (NEW.urgency = 0)
  EXECUTE FUNCTION refuse ('the urgency check must be answered');

-- SHL 34 §, 36 § 1 mom
CREATE TRIGGER contacts_pending_insert BEFORE INSERT ON contacts
  FOR EACH ROW
  WHEN ((NEW.referral IN (2, 3) OR NEW.kela_kind = 4)
        AND NEW.outcome NOT IN (3, 4) AND NEW.no_assessment_reason IS NULL)
  EXECUTE FUNCTION refuse ('a pending matter needs a case, urgent help or a reason not to assess');
CREATE TRIGGER contacts_pending_update
  BEFORE UPDATE OF referral, kela_kind, outcome, no_assessment_reason ON contacts
  FOR EACH ROW
  WHEN ((NEW.referral IN (2, 3) OR NEW.kela_kind = 4)
        AND NEW.outcome NOT IN (3, 4) AND NEW.no_assessment_reason IS NULL)
  EXECUTE FUNCTION refuse ('a pending matter needs a case, urgent help or a reason not to assess');

-- ATL 38 §: a relative or close person, and a legal representative, by name.
CREATE TRIGGER contacts_contactor_insert BEFORE INSERT ON contacts
  FOR EACH ROW
  WHEN ((NEW.contactor IN (2, 6) AND NEW.contactor_name IS NULL)
        OR (NEW.contactor = 2 AND NEW.contactor_relation IS NULL))
  EXECUTE FUNCTION refuse ('a relative or a legal representative is recorded by name');
CREATE TRIGGER contacts_contactor_update
  BEFORE UPDATE OF contactor, contactor_name, contactor_relation ON contacts
  FOR EACH ROW
  WHEN ((NEW.contactor IN (2, 6) AND NEW.contactor_name IS NULL)
        OR (NEW.contactor = 2 AND NEW.contactor_relation IS NULL))
  EXECUTE FUNCTION refuse ('a relative or a legal representative is recorded by name');

-- Issue 5, 1.13
CREATE TRIGGER contacts_length_insert BEFORE INSERT ON contacts
  FOR EACH ROW
  WHEN (length (NEW.reason_text) > 4000 OR length (NEW.urgent_note) > 2000
        OR length (NEW.outcome_note) > 2000)
  EXECUTE FUNCTION refuse ('a text of the contact is too long');
CREATE TRIGGER contacts_length_update BEFORE UPDATE OF reason_text, urgent_note, outcome_note ON contacts
  FOR EACH ROW
  WHEN (length (NEW.reason_text) > 4000 OR length (NEW.urgent_note) > 2000
        OR length (NEW.outcome_note) > 2000)
  EXECUTE FUNCTION refuse ('a text of the contact is too long');

CREATE TRIGGER contacts_names_insert BEFORE INSERT ON contacts
  FOR EACH ROW
  WHEN (has_invisible_chars (coalesce (NEW.contactor_detail, '') || coalesce (NEW.contactor_name, '')
                             || coalesce (NEW.contactor_relation, '') || coalesce (NEW.contactor_contact, '')
                             || coalesce (NEW.directed_by, '')))
  EXECUTE FUNCTION refuse ('a name has an invisible or direction-changing character');
CREATE TRIGGER contacts_names_update
  BEFORE UPDATE OF contactor_detail, contactor_name, contactor_relation, contactor_contact,
                   directed_by ON contacts
  FOR EACH ROW
  WHEN (has_invisible_chars (coalesce (NEW.contactor_detail, '') || coalesce (NEW.contactor_name, '')
                             || coalesce (NEW.contactor_relation, '') || coalesce (NEW.contactor_contact, '')
                             || coalesce (NEW.directed_by, '')))
  EXECUTE FUNCTION refuse ('a name has an invisible or direction-changing character');

-- ---- cases (0001, 0007, 0010, 0011, 0013, 0015) ----

CREATE TABLE cases (
  id                       bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  client_id                bigint NOT NULL REFERENCES clients (id),
  contact_id               bigint NOT NULL UNIQUE REFERENCES contacts (id),
  opened_at                bigint NOT NULL,
  status                   integer NOT NULL CHECK (status BETWEEN 1 AND 3),   -- KhCaseStatus
  assigned_to              bigint REFERENCES users (id),
  deadline_groups          integer NOT NULL DEFAULT 0 CHECK (deadline_groups BETWEEN 0 AND 7),
  assessment_deadline      text CHECK (assessment_deadline IS NULL
                                       OR assessment_deadline ~ '^[0-9]{4}-[0-1][0-9]-[0-3][0-9]$'),
  implementation_deadline  text CHECK (implementation_deadline IS NULL
                                       OR implementation_deadline ~ '^[0-9]{4}-[0-1][0-9]-[0-3][0-9]$'),

  CHECK (status <> 1 OR assigned_to IS NULL),
  CHECK (status <> 2 OR assigned_to IS NOT NULL)
);

CREATE INDEX cases_client ON cases (client_id);
CREATE INDEX cases_queue ON cases (status, assessment_deadline);

ALTER TABLE contacts ADD FOREIGN KEY (attached_case_id) REFERENCES cases (id);

-- The rules below read other rows: they run as the owner, so that
-- row-level security does not hide from them the rows they check.

-- A case is opened by a contact about the same person that opens one; a
-- contact that joined a pending case opens none of its own (0015); SHL 45 §
-- (0007) and 36 § (0010).
CREATE FUNCTION cases_rules () RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
DECLARE
  k record;
BEGIN
  SELECT opens_case, client_id, attached_case_id, contactor, entered_in_error
    INTO k FROM contacts WHERE id = NEW.contact_id;
  IF TG_OP = 'INSERT' THEN
    IF NOT FOUND OR k.opens_case <> 1 OR k.client_id IS DISTINCT FROM NEW.client_id THEN
      RAISE EXCEPTION USING ERRCODE = 'check_violation',
        MESSAGE = 'a case must be opened by a case-opening contact about the same person';
    END IF;
    IF k.attached_case_id IS NOT NULL THEN
      RAISE EXCEPTION USING ERRCODE = 'check_violation',
        MESSAGE = 'a contact that joined a pending case opens no case of its own';
    END IF;
  END IF;
  IF NEW.implementation_deadline IS NULL
     AND (TG_OP = 'INSERT' OR NEW.implementation_deadline IS DISTINCT FROM OLD.implementation_deadline) THEN
    RAISE EXCEPTION USING ERRCODE = 'check_violation',
      MESSAGE = 'a case needs its implementation deadline (Social Welfare Act 45 §)';
  END IF;
  IF NEW.assessment_deadline IS NOT NULL AND k.contactor IN (3, 4, 5)
     AND (TG_OP = 'INSERT' OR NEW.assessment_deadline IS DISTINCT FROM OLD.assessment_deadline) THEN
    RAISE EXCEPTION USING ERRCODE = 'check_violation',
      MESSAGE = 'the 7-day deadline applies only when the person, a relative or a legal representative sought services (Social Welfare Act 36 §)';
  END IF;
  -- 0013: a case opened by a contact entered in error stays closed.
  IF TG_OP = 'UPDATE' AND NEW.status <> 3 AND k.entered_in_error = 1
     AND NEW.status IS DISTINCT FROM OLD.status THEN
    RAISE EXCEPTION USING ERRCODE = 'check_violation',
      MESSAGE = 'a case opened by a contact entered in error stays closed';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER cases_rules BEFORE INSERT OR UPDATE ON cases
  FOR EACH ROW EXECUTE FUNCTION cases_rules ();

-- 0015: a contact joins only a pending case of the same person.
CREATE FUNCTION contacts_attached_case () RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
BEGIN
  IF NEW.attached_case_id IS NOT NULL
     AND (NEW.opens_case = 0
          OR NOT EXISTS (SELECT 1 FROM cases
                         WHERE id = NEW.attached_case_id AND client_id = NEW.client_id
                           AND (TG_OP = 'UPDATE' OR status <> 3))) THEN
    RAISE EXCEPTION USING ERRCODE = 'check_violation',
      MESSAGE = 'a contact joins only a pending case of the same person';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER contacts_attached_case_insert BEFORE INSERT ON contacts
  FOR EACH ROW WHEN (NEW.attached_case_id IS NOT NULL)
  EXECUTE FUNCTION contacts_attached_case ();
CREATE TRIGGER contacts_attached_case_update
  BEFORE UPDATE OF attached_case_id, opens_case, client_id ON contacts
  FOR EACH ROW WHEN (NEW.attached_case_id IS NOT NULL)
  EXECUTE FUNCTION contacts_attached_case ();

-- ---- corrections of a contact (0013, 0016) ----

CREATE TABLE contact_revisions (
  id                  bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  contact_id          bigint NOT NULL REFERENCES contacts (id),
  kind                integer NOT NULL CHECK (kind IN (1, 2)),   -- KhRevisionKind
  changed_by          bigint NOT NULL REFERENCES users (id),
  changed_at          bigint NOT NULL,
  reason              text CHECK (reason IS NULL
                                  OR (length (trim (reason)) > 0 AND length (reason) <= 500)),
  channel             integer NOT NULL,
  contactor_detail    text,
  needs               integer NOT NULL CHECK (needs BETWEEN 0 AND 1023),
  reason_text         text,
  urgent_note         text,
  language            integer NOT NULL CHECK (language BETWEEN 1 AND 3),
  interpreter         integer NOT NULL CHECK (interpreter IN (0, 1)),
  service_id          bigint REFERENCES services (id),
  outcome_note        text,
  contactor_name      text,
  contactor_relation  text,
  contactor_contact   text,
  directed_by         text,

  CHECK (kind <> 2 OR reason IS NOT NULL)
);

CREATE INDEX contact_revisions_contact ON contact_revisions (contact_id, id);

CREATE TRIGGER contact_revisions_no_update BEFORE UPDATE ON contact_revisions
  FOR EACH ROW EXECUTE FUNCTION refuse ('a revision of a contact is never changed');
CREATE TRIGGER contact_revisions_no_delete BEFORE DELETE ON contact_revisions
  FOR EACH ROW EXECUTE FUNCTION refuse ('a revision of a contact is never removed');
CREATE TRIGGER contact_revisions_no_truncate BEFORE TRUNCATE ON contact_revisions
  FOR EACH STATEMENT EXECUTE FUNCTION refuse ('a revision of a contact is never removed');

-- A revision records the contact as it is, and a contact entered in error
-- is not changed again.
CREATE FUNCTION contact_revisions_record_the_contact () RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM contacts k
                 WHERE k.id = NEW.contact_id
                   AND k.entered_in_error = 0
                   AND k.channel = NEW.channel
                   AND k.contactor_detail IS NOT DISTINCT FROM NEW.contactor_detail
                   AND k.contactor_name IS NOT DISTINCT FROM NEW.contactor_name
                   AND k.contactor_relation IS NOT DISTINCT FROM NEW.contactor_relation
                   AND k.contactor_contact IS NOT DISTINCT FROM NEW.contactor_contact
                   AND k.directed_by IS NOT DISTINCT FROM NEW.directed_by
                   AND k.needs = NEW.needs
                   AND k.reason_text IS NOT DISTINCT FROM NEW.reason_text
                   AND k.urgent_note IS NOT DISTINCT FROM NEW.urgent_note
                   AND k.language = NEW.language
                   AND k.interpreter = NEW.interpreter
                   AND k.service_id IS NOT DISTINCT FROM NEW.service_id
                   AND k.outcome_note IS NOT DISTINCT FROM NEW.outcome_note) THEN
    RAISE EXCEPTION USING ERRCODE = 'check_violation',
      MESSAGE = 'a revision must hold the contact as it is, and a contact entered in error is not changed';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER contact_revisions_record_the_contact BEFORE INSERT ON contact_revisions
  FOR EACH ROW EXECUTE FUNCTION contact_revisions_record_the_contact ();

-- A correction is written only after its revision; entered in error is for
-- good and only with its revision; nothing with a history is removed.
CREATE FUNCTION contacts_history_rules () RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
DECLARE
  r contact_revisions;
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF EXISTS (SELECT 1 FROM contact_revisions WHERE contact_id = OLD.id) THEN
      RAISE EXCEPTION USING ERRCODE = 'check_violation',
        MESSAGE = 'a contact with a history of corrections is never removed';
    END IF;
    RETURN OLD;
  END IF;

  SELECT * INTO r FROM contact_revisions
    WHERE id = (SELECT max (id) FROM contact_revisions WHERE contact_id = OLD.id);

  IF (NEW.channel IS DISTINCT FROM OLD.channel
      OR NEW.contactor_detail IS DISTINCT FROM OLD.contactor_detail
      OR NEW.contactor_name IS DISTINCT FROM OLD.contactor_name
      OR NEW.contactor_relation IS DISTINCT FROM OLD.contactor_relation
      OR NEW.contactor_contact IS DISTINCT FROM OLD.contactor_contact
      OR NEW.directed_by IS DISTINCT FROM OLD.directed_by
      OR NEW.needs IS DISTINCT FROM OLD.needs
      OR NEW.reason_text IS DISTINCT FROM OLD.reason_text
      OR NEW.urgent_note IS DISTINCT FROM OLD.urgent_note
      OR NEW.language IS DISTINCT FROM OLD.language
      OR NEW.interpreter IS DISTINCT FROM OLD.interpreter
      OR NEW.service_id IS DISTINCT FROM OLD.service_id
      OR NEW.outcome_note IS DISTINCT FROM OLD.outcome_note)
     AND NOT (r.id IS NOT NULL
              AND r.kind = 1
              AND r.channel = OLD.channel
              AND r.contactor_detail IS NOT DISTINCT FROM OLD.contactor_detail
              AND r.contactor_name IS NOT DISTINCT FROM OLD.contactor_name
              AND r.contactor_relation IS NOT DISTINCT FROM OLD.contactor_relation
              AND r.contactor_contact IS NOT DISTINCT FROM OLD.contactor_contact
              AND r.directed_by IS NOT DISTINCT FROM OLD.directed_by
              AND r.needs = OLD.needs
              AND r.reason_text IS NOT DISTINCT FROM OLD.reason_text
              AND r.urgent_note IS NOT DISTINCT FROM OLD.urgent_note
              AND r.language = OLD.language
              AND r.interpreter = OLD.interpreter
              AND r.service_id IS NOT DISTINCT FROM OLD.service_id
              AND r.outcome_note IS NOT DISTINCT FROM OLD.outcome_note) THEN
    RAISE EXCEPTION USING ERRCODE = 'check_violation',
      MESSAGE = 'a contact is corrected only with a revision that keeps what it held';
  END IF;

  IF NEW.entered_in_error IS DISTINCT FROM OLD.entered_in_error
     AND (OLD.entered_in_error = 1 OR r.id IS NULL OR r.kind <> 2) THEN
    RAISE EXCEPTION USING ERRCODE = 'check_violation',
      MESSAGE = 'a contact is marked entered in error only with a revision that says why, and the marking is never removed';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER contacts_history_rules_update BEFORE UPDATE ON contacts
  FOR EACH ROW EXECUTE FUNCTION contacts_history_rules ();
CREATE TRIGGER contacts_with_history_kept BEFORE DELETE ON contacts
  FOR EACH ROW EXECUTE FUNCTION contacts_history_rules ();

-- ---- the access log (0001, 0004, 0008, 0009; the chain of issue 6) ----

-- Who read whose data, when, what and why (ATL 703/2023). Append-only.
-- client_id has no foreign key on purpose: the log outlives an undone record.
CREATE TABLE access_log (
  id         bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  at         bigint NOT NULL,
  user_id    bigint NOT NULL REFERENCES users (id),
  client_id  bigint,
  what       integer NOT NULL CHECK (what BETWEEN 1 AND 10),   -- KhAccessWhat
  basis      integer NOT NULL CHECK (basis BETWEEN 1 AND 4),   -- KhAccessBasis
  seq        bigint NOT NULL UNIQUE CHECK (seq > 0),
  prev_hash  text NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
  hash       text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
  -- PostgreSQL only: the transaction that wrote the row, which row-level
  -- security compares with the reading transaction.
  xact       xid8 NOT NULL
);

CREATE INDEX access_log_client ON access_log (client_id, at);
CREATE INDEX access_log_at ON access_log (at);
CREATE INDEX access_log_user ON access_log (user_id, at);
CREATE INDEX access_log_what ON access_log (what, at);
CREATE INDEX access_log_xact ON access_log (xact, client_id);

-- The end of the chain: its one row is locked by each writer until commit,
-- so that seq has no gaps and each row's prev_hash is the row before.
CREATE TABLE access_log_head (
  one   integer PRIMARY KEY DEFAULT 1 CHECK (one = 1),
  seq   bigint NOT NULL,
  hash  text NOT NULL
);
INSERT INTO access_log_head (seq, hash) VALUES (0, repeat ('0', 64));

CREATE FUNCTION access_log_chain () RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
DECLARE
  head access_log_head;
BEGIN
  SELECT * INTO STRICT head FROM access_log_head WHERE one = 1 FOR UPDATE;
  NEW.seq := head.seq + 1;
  NEW.prev_hash := head.hash;
  -- The server's clock, read after the lock: times never go back along seq.
  NEW.at := floor (extract (epoch FROM clock_timestamp ()))::bigint;
  NEW.xact := pg_current_xact_id ();
  NEW.hash := encode (sha256 (convert_to (
                format ('kohtaamo-log-v1|%s|%s|%s|%s|%s|%s|%s',
                        NEW.seq, NEW.at, NEW.user_id, coalesce (NEW.client_id::text, ''),
                        NEW.what, NEW.basis, NEW.prev_hash), 'UTF8')), 'hex');
  UPDATE access_log_head SET seq = NEW.seq, hash = NEW.hash WHERE one = 1;
  RETURN NEW;
END
$$;

CREATE TRIGGER access_log_chain BEFORE INSERT ON access_log
  FOR EACH ROW EXECUTE FUNCTION access_log_chain ();

CREATE TRIGGER access_log_no_update BEFORE UPDATE ON access_log
  FOR EACH ROW EXECUTE FUNCTION refuse ('the access log is append-only');
CREATE TRIGGER access_log_no_delete BEFORE DELETE ON access_log
  FOR EACH ROW EXECUTE FUNCTION refuse ('the access log is append-only');
CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log
  FOR EACH STATEMENT EXECUTE FUNCTION refuse ('the access log is append-only');
CREATE TRIGGER access_log_head_no_delete BEFORE DELETE ON access_log_head
  FOR EACH ROW EXECUTE FUNCTION refuse ('the access log is append-only');
CREATE TRIGGER access_log_head_no_truncate BEFORE TRUNCATE ON access_log_head
  FOR EACH STATEMENT EXECUTE FUNCTION refuse ('the access log is append-only');

-- ---- who is calling ----

CREATE FUNCTION role_group (role integer) RETURNS name
LANGUAGE sql IMMUTABLE AS $$
  SELECT (ARRAY['kohtaamo_reception', 'kohtaamo_counsellor', 'kohtaamo_social_worker',
                'kohtaamo_lead', 'kohtaamo_admin']::name[])[role]
$$;

-- The Kohtaamo user of this login, read now: an unknown or inactive user,
-- or a login outside its role's group, gets an error, never a row.
CREATE FUNCTION current_kohtaamo_user () RETURNS users
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
DECLARE
  u users;
BEGIN
  SELECT * INTO u FROM users WHERE account = session_user;
  IF NOT FOUND THEN
    RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
      MESSAGE = format ('the login %s is not a Kohtaamo user', session_user);
  END IF;
  IF u.active <> 1 THEN
    RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
      MESSAGE = format ('the Kohtaamo user %s is not active', session_user);
  END IF;
  IF NOT pg_has_role (session_user, role_group (u.role), 'MEMBER') THEN
    RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
      MESSAGE = format ('the login %s is not in the group of its Kohtaamo role (%s)',
                        session_user, role_group (u.role));
  END IF;
  RETURN u;
END
$$;

-- The id of the active user of this login, or NULL: for policies, which
-- must not raise on rows they merely filter.
CREATE FUNCTION session_user_id () RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
  SELECT id FROM users WHERE account = session_user AND active = 1
$$;

-- ---- writing the log ----

CREATE FUNCTION log_access (p_client_id bigint, p_what integer, p_basis integer)
RETURNS bigint
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
DECLARE
  u users := current_kohtaamo_user ();
  s bigint;
BEGIN
  -- Reception has no client relationship, only the receiving of contacts
  -- (as _kh_db_log_access in kh-db.c), whatever the caller passed.
  IF u.role = 1 THEN
    p_basis := 1;
  END IF;
  -- The trigger access_log_chain sets at, seq, prev_hash, hash and xact.
  INSERT INTO access_log (user_id, client_id, what, basis)
    VALUES (u.id, p_client_id, p_what, p_basis)
    RETURNING seq INTO s;
  RETURN s;
END
$$;

-- ---- what row-level security asks ----

-- Has this transaction logged this person for the calling user?
CREATE FUNCTION tx_logged (p_client_id bigint) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM access_log a
                 WHERE a.xact = pg_current_xact_id_if_assigned ()
                   AND a.client_id = p_client_id
                   AND a.user_id = session_user_id ())
$$;

-- Rows this transaction created: its own INSERT … RETURNING sees them.
CREATE TABLE tx_writes (
  xact    xid8 NOT NULL,
  tbl     text NOT NULL,
  row_id  bigint NOT NULL
);
CREATE INDEX tx_writes_row ON tx_writes (xact, tbl, row_id);

CREATE FUNCTION tx_wrote (p_tbl text, p_row_id bigint) RETURNS boolean
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM tx_writes w
                 WHERE w.xact = pg_current_xact_id_if_assigned ()
                   AND w.tbl = p_tbl AND w.row_id = p_row_id)
$$;

CREATE FUNCTION tx_writes_mark () RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
BEGIN
  -- Marks of finished transactions serve nobody: remove some, without
  -- waiting for another transaction that is removing them too.
  DELETE FROM tx_writes WHERE ctid IN (
    SELECT ctid FROM tx_writes
    WHERE xact < pg_snapshot_xmin (pg_current_snapshot ())
    LIMIT 100 FOR UPDATE SKIP LOCKED);
  INSERT INTO tx_writes (xact, tbl, row_id) VALUES (pg_current_xact_id (), TG_TABLE_NAME, NEW.id);
  RETURN NEW;
END
$$;

CREATE TRIGGER clients_tx_writes BEFORE INSERT ON clients
  FOR EACH ROW EXECUTE FUNCTION tx_writes_mark ();
CREATE TRIGGER contacts_tx_writes BEFORE INSERT ON contacts
  FOR EACH ROW EXECUTE FUNCTION tx_writes_mark ();
CREATE TRIGGER cases_tx_writes BEFORE INSERT ON cases
  FOR EACH ROW EXECUTE FUNCTION tx_writes_mark ();
CREATE TRIGGER contact_revisions_tx_writes BEFORE INSERT ON contact_revisions
  FOR EACH ROW EXECUTE FUNCTION tx_writes_mark ();

-- A revision is read with its contact's person.
CREATE FUNCTION tx_logged_contact (p_contact_id bigint) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM contacts k
                 WHERE k.id = p_contact_id
                   AND (k.client_id IS NULL OR tx_logged (k.client_id)))
$$;

-- Reading the log: this transaction logged the reading (what 7), of this
-- person's rows or (client_id NULL) of all rows, by a lead social worker or
-- an administrator.
CREATE FUNCTION tx_logged_log_read (p_client_id bigint) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM access_log a JOIN users u ON u.id = a.user_id
                 WHERE a.xact = pg_current_xact_id_if_assigned ()
                   AND a.what = 7
                   AND (a.client_id IS NULL OR a.client_id = p_client_id)
                   AND u.account = session_user AND u.active = 1 AND u.role IN (4, 5))
$$;

-- ---- reads that find whom to show: each person returned is logged ----

-- Name search: every word typed is the start of a word of the person's
-- names (folded as fold_words), in name order (sort_key, id). A rare prefix
-- is read from client_words; a common one walks the people in name order
-- until enough are found. Each person returned is logged (what 1).
CREATE FUNCTION search_clients_by_name (p_text text, p_limit integer, p_basis integer)
RETURNS TABLE (client_id bigint)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
DECLARE
  words text[] := (fold_words (p_text))[1:6];
  first_word text;
  n_first bigint;
  ids bigint[];
BEGIN
  PERFORM current_kohtaamo_user ();
  IF cardinality (words) = 0 OR p_limit IS NULL OR p_limit <= 0 THEN
    RETURN;
  END IF;
  p_limit := least (p_limit, 1000);
  -- The longest word narrows most.
  SELECT w INTO first_word FROM unnest (words) AS w ORDER BY length (w) DESC LIMIT 1;

  SELECT count (*) INTO n_first FROM (
    SELECT 1 FROM client_words w
    WHERE w.word >= first_word COLLATE "C" AND w.word < (first_word || U&'\+10FFFF') COLLATE "C"
    LIMIT 5001) AS s;

  IF n_first <= 5000 THEN
    SELECT array_agg (h.id ORDER BY h.sort_key, h.id) INTO ids FROM (
      SELECT c.id, c.sort_key FROM clients c
      WHERE c.id IN (SELECT w.client_id FROM client_words w
                     WHERE w.word >= first_word COLLATE "C" AND w.word < (first_word || U&'\+10FFFF') COLLATE "C")
        AND NOT EXISTS (SELECT 1 FROM unnest (words) AS t
                        WHERE NOT EXISTS (SELECT 1 FROM client_words w2
                                          WHERE w2.client_id = c.id
                                            AND w2.word >= t COLLATE "C" AND w2.word < (t || U&'\+10FFFF') COLLATE "C"))
      ORDER BY c.sort_key, c.id
      LIMIT p_limit) AS h;
  ELSE
    SELECT array_agg (h.id ORDER BY h.sort_key, h.id) INTO ids FROM (
      SELECT c.id, c.sort_key FROM clients c
      WHERE c.sort_key IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM unnest (words) AS t
                        WHERE NOT EXISTS (SELECT 1 FROM client_words w2
                                          WHERE w2.client_id = c.id
                                            AND w2.word >= t COLLATE "C" AND w2.word < (t || U&'\+10FFFF') COLLATE "C"))
      ORDER BY c.sort_key, c.id
      LIMIT p_limit) AS h;
  END IF;

  PERFORM log_access (i, 1, p_basis) FROM unnest (ids) AS i;
  RETURN QUERY SELECT i FROM unnest (ids) WITH ORDINALITY AS s (i, n) ORDER BY n;
END
$$;

-- Identity code search: the exact code first, then codes that start with
-- what was typed (at least 6 characters: the date part), in name order.
CREATE FUNCTION search_clients_by_code (p_prefix text, p_limit integer, p_basis integer)
RETURNS TABLE (client_id bigint)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
DECLARE
  ids bigint[];
BEGIN
  PERFORM current_kohtaamo_user ();
  p_prefix := upper (trim (p_prefix));
  IF p_prefix IS NULL OR length (p_prefix) < 6 OR p_limit IS NULL OR p_limit <= 0 THEN
    RETURN;
  END IF;
  SELECT array_agg (h.id ORDER BY h.n) INTO ids FROM (
    SELECT c.id, row_number () OVER (ORDER BY c.identity_code = p_prefix DESC, c.sort_key, c.id) AS n
    FROM clients c
    WHERE c.identity_code COLLATE "C" >= p_prefix
      AND c.identity_code COLLATE "C" < (p_prefix || U&'\+10FFFF') COLLATE "C"
    ORDER BY c.identity_code = p_prefix DESC, c.sort_key, c.id
    LIMIT least (p_limit, 1000)) AS h;
  PERFORM log_access (i, 1, p_basis) FROM unnest (ids) AS i;
  RETURN QUERY SELECT i FROM unnest (ids) WITH ORDINALITY AS s (i, n) ORDER BY n;
END
$$;

-- Birth date search (a date typed, or the dates a partial date can be),
-- the person with this phone number first, then in name order.
CREATE FUNCTION search_clients_by_birth_dates (p_dates text[], p_phone_digits text,
                                               p_limit integer, p_basis integer)
RETURNS TABLE (client_id bigint)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
DECLARE
  ids bigint[];
BEGIN
  PERFORM current_kohtaamo_user ();
  IF p_dates IS NULL OR cardinality (p_dates) = 0 OR p_limit IS NULL OR p_limit <= 0 THEN
    RETURN;
  END IF;
  SELECT array_agg (h.id ORDER BY h.n) INTO ids FROM (
    SELECT c.id, row_number () OVER (ORDER BY c.phone_digits IS NOT DISTINCT FROM p_phone_digits DESC,
                                              c.sort_key, c.id) AS n
    FROM clients c
    WHERE c.birth_date = ANY (p_dates)
    ORDER BY c.phone_digits IS NOT DISTINCT FROM p_phone_digits DESC, c.sort_key, c.id
    LIMIT least (p_limit, 1000)) AS h;
  PERFORM log_access (i, 1, p_basis) FROM unnest (ids) AS i;
  RETURN QUERY SELECT i FROM unnest (ids) WITH ORDINALITY AS s (i, n) ORDER BY n;
END
$$;

-- Phone search: the exact number first, then numbers that start with the
-- digits typed (at least 4), in name order.
CREATE FUNCTION search_clients_by_phone (p_digits text, p_limit integer, p_basis integer)
RETURNS TABLE (client_id bigint)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
DECLARE
  ids bigint[];
BEGIN
  PERFORM current_kohtaamo_user ();
  IF p_digits IS NULL OR p_digits !~ '^[0-9]{4,}$' OR p_limit IS NULL OR p_limit <= 0 THEN
    RETURN;
  END IF;
  SELECT array_agg (h.id ORDER BY h.n) INTO ids FROM (
    SELECT c.id, row_number () OVER (ORDER BY c.phone_digits = p_digits DESC, c.sort_key, c.id) AS n
    FROM clients c
    WHERE c.phone_digits COLLATE "C" >= p_digits
      AND c.phone_digits COLLATE "C" < (p_digits || U&'\+10FFFF') COLLATE "C"
    ORDER BY c.phone_digits = p_digits DESC, c.sort_key, c.id
    LIMIT least (p_limit, 1000)) AS h;
  PERFORM log_access (i, 1, p_basis) FROM unnest (ids) AS i;
  RETURN QUERY SELECT i FROM unnest (ids) WITH ORDINALITY AS s (i, n) ORDER BY n;
END
$$;

-- The day's contacts at reception (received in [p_from, p_to)), newest
-- first; each person shown is logged once (what 8). Anonymous contacts
-- come too: they hold nobody's data.
CREATE FUNCTION work_list_contacts (p_from bigint, p_to bigint, p_limit integer, p_offset integer)
RETURNS TABLE (contact_id bigint)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
DECLARE
  u users := current_kohtaamo_user ();
  ids bigint[];
BEGIN
  SELECT array_agg (h.id ORDER BY h.received_at DESC, h.id DESC) INTO ids FROM (
    SELECT k.id, k.received_at FROM contacts k
    WHERE k.received_at >= p_from AND k.received_at < p_to
    ORDER BY k.received_at DESC, k.id DESC
    LIMIT least (coalesce (p_limit, 200), 1000) OFFSET greatest (coalesce (p_offset, 0), 0)) AS h;
  PERFORM log_access (k.client_id, 8, CASE WHEN u.role = 1 THEN 1 ELSE 2 END)
    FROM (SELECT DISTINCT client_id FROM contacts WHERE id = ANY (ids) AND client_id IS NOT NULL) AS k;
  RETURN QUERY SELECT i FROM unnest (ids) WITH ORDINALITY AS s (i, n) ORDER BY n;
END
$$;

-- The queue: queued cases (status 1), urgent first, then by the 36 §
-- deadline where the law sets one, then the oldest (as kh-db-contacts.c);
-- each person shown is logged once (what 8).
CREATE FUNCTION work_list_queue (p_limit integer, p_offset integer)
RETURNS TABLE (case_id bigint)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
DECLARE
  u users := current_kohtaamo_user ();
  ids bigint[];
BEGIN
  SELECT array_agg (h.id ORDER BY h.n) INTO ids FROM (
    SELECT cs.id, row_number () OVER (
             ORDER BY k.urgent DESC,
                      CASE WHEN k.urgent = 1 THEN false ELSE cs.assessment_deadline IS NULL END,
                      CASE WHEN k.urgent = 1 THEN NULL ELSE cs.assessment_deadline END,
                      cs.opened_at, cs.id) AS n
    FROM cases cs JOIN contacts k ON k.id = cs.contact_id
    WHERE cs.status = 1
    ORDER BY n
    LIMIT least (coalesce (p_limit, 200), 1000) OFFSET greatest (coalesce (p_offset, 0), 0)) AS h;
  PERFORM log_access (c.client_id, 8, CASE WHEN u.role = 1 THEN 1 ELSE 2 END)
    FROM (SELECT DISTINCT client_id FROM cases WHERE id = ANY (ids)) AS c;
  RETURN QUERY SELECT i FROM unnest (ids) WITH ORDINALITY AS s (i, n) ORDER BY n;
END
$$;

-- How many cases wait, and how many of them are urgent: counts, no person.
CREATE FUNCTION queue_counts (OUT total bigint, OUT urgent bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
  SELECT count (*), count (*) FILTER (WHERE k.urgent = 1)
  FROM cases cs JOIN contacts k ON k.id = cs.contact_id
  WHERE cs.status = 1 AND (current_kohtaamo_user ()).id IS NOT NULL
$$;

-- A person's address (ATL 38 §; Population Information Act 36 §): for a
-- person this transaction logged; behind a non-disclosure marking only
-- when asked to show it, which is logged (what 10).
CREATE FUNCTION client_address (p_client_id bigint, p_show_protected boolean DEFAULT false,
                                p_basis integer DEFAULT 2,
                                OUT address text, OUT postal_code text, OUT city text,
                                OUT withheld boolean)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
DECLARE
  c record;
BEGIN
  PERFORM current_kohtaamo_user ();
  IF NOT (tx_logged (p_client_id) OR tx_wrote ('clients', p_client_id)) THEN
    RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
      MESSAGE = 'the person''s address is read only after the reading is logged';
  END IF;
  SELECT k.address, k.postal_code, k.city, k.non_disclosure INTO c FROM clients k WHERE k.id = p_client_id;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  IF c.non_disclosure = 1 AND NOT p_show_protected THEN
    withheld := true;
    RETURN;
  END IF;
  IF c.non_disclosure = 1 THEN
    PERFORM log_access (p_client_id, 10, p_basis);
  END IF;
  address := c.address;
  postal_code := c.postal_code;
  city := c.city;
  withheld := false;
END
$$;

-- ---- users: written by an administrator only ----

-- Adds or changes a user (kh_db_save_user): the caller is an active
-- administrator; one active administrator always remains; a login role of
-- that name is moved into its role's group (out of all when inactive).
-- Creating login roles and their passwords is the server administrator's
-- (kohtaamo-admin users), not this function's.
CREATE FUNCTION save_user (p_account text, p_display_name text, p_role integer, p_active integer)
RETURNS bigint
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
DECLARE
  me users := current_kohtaamo_user ();
  old users;
  uid bigint;
  g name;
BEGIN
  IF me.role <> 5 THEN
    RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
      MESSAGE = 'only an administrator changes users';
  END IF;
  IF p_account IS NULL OR p_account !~ '^[a-z_][a-z0-9_.-]*$' OR p_account ~ '^(pg_|kohtaamo_)'
     OR length (p_account) > 63 THEN
    RAISE EXCEPTION USING ERRCODE = 'check_violation', MESSAGE = 'the account name is not valid';
  END IF;
  IF p_role NOT BETWEEN 1 AND 5 OR p_active NOT IN (0, 1) THEN
    RAISE EXCEPTION USING ERRCODE = 'check_violation', MESSAGE = 'unknown role';
  END IF;
  -- Everyone waits here for the previous change of users: two
  -- administrators demoting each other at once leave one.
  LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE;
  SELECT * INTO old FROM users WHERE account = p_account;
  IF FOUND AND old.role = 5 AND old.active = 1 AND (p_role <> 5 OR p_active <> 1)
     AND NOT EXISTS (SELECT 1 FROM users WHERE role = 5 AND active = 1 AND account <> p_account) THEN
    RAISE EXCEPTION USING ERRCODE = 'check_violation',
      MESSAGE = 'at least one active administrator is needed';
  END IF;
  INSERT INTO users (account, display_name, role, active, created_at)
    VALUES (p_account, nullif (trim (p_display_name), ''), p_role, p_active,
            floor (extract (epoch FROM now ()))::bigint)
    ON CONFLICT (account) DO UPDATE
      SET display_name = EXCLUDED.display_name, role = EXCLUDED.role, active = EXCLUDED.active
    RETURNING id INTO uid;

  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_account AND NOT rolsuper) THEN
    FOREACH g IN ARRAY ARRAY['kohtaamo_reception', 'kohtaamo_counsellor', 'kohtaamo_social_worker',
                             'kohtaamo_lead', 'kohtaamo_admin']::name[]
    LOOP
      IF p_active = 1 AND g = role_group (p_role) THEN
        EXECUTE format ('GRANT %I TO %I', g, p_account);
      ELSIF pg_has_role (p_account, g, 'MEMBER') THEN
        EXECUTE format ('REVOKE %I FROM %I', g, p_account);
      END IF;
    END LOOP;
  END IF;
  RETURN uid;
END
$$;

-- ---- privileges ----

REVOKE ALL ON ALL TABLES IN SCHEMA kohtaamo FROM PUBLIC;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA kohtaamo FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA kohtaamo FROM PUBLIC;

-- Even the owner, in everyday use, only appends to the log (its triggers
-- refuse the rest as well).
REVOKE UPDATE, DELETE, TRUNCATE ON access_log FROM kohtaamo_owner;
REVOKE DELETE, TRUNCATE ON access_log_head FROM kohtaamo_owner;
REVOKE UPDATE, DELETE, TRUNCATE ON contact_revisions FROM kohtaamo_owner;

-- Not personal: every member of staff reads them.
GRANT SELECT ON schema_version, users, settings, closed_days, services TO kohtaamo_staff;
-- The unit's settings, calendar and directory: the lead social worker and
-- the administrator (kh-db-admin.c, kh-db-services.c).
GRANT INSERT, UPDATE, DELETE ON settings, closed_days TO kohtaamo_lead, kohtaamo_admin;
GRANT INSERT, UPDATE ON services TO kohtaamo_lead, kohtaamo_admin;

-- Personal data: every worker role, through row-level security below.
GRANT SELECT (id, identity_kind, identity_code, no_code_reason, birth_date, last_name,
              first_names, language, other_language, interpreter, phone, phone_digits, email,
              created_at, updated_at, sort_key, search_text, non_disclosure, mother_tongue,
              other_mother_tongue, representative_name, representative_contact)
  ON clients TO kohtaamo_staff;
GRANT INSERT (id, identity_kind, identity_code, no_code_reason, birth_date, last_name,
              first_names, language, other_language, interpreter, address, postal_code, city,
              phone, phone_digits, email, created_at, updated_at, sort_key, non_disclosure,
              mother_tongue, other_mother_tongue, representative_name, representative_contact),
      UPDATE (identity_kind, identity_code, no_code_reason, birth_date, last_name,
              first_names, language, other_language, interpreter, address, postal_code, city,
              phone, phone_digits, email, updated_at, sort_key, non_disclosure,
              mother_tongue, other_mother_tongue, representative_name, representative_contact),
      DELETE
  ON clients TO kohtaamo_staff;

GRANT SELECT, INSERT, UPDATE, DELETE ON contacts TO kohtaamo_staff;
GRANT SELECT, INSERT ON contact_revisions TO kohtaamo_staff;

-- Reception reads of a case what the queue shows (the intake's columns);
-- the other roles read cases whole.
GRANT SELECT (id, client_id, contact_id, opened_at, status, assigned_to, deadline_groups,
              assessment_deadline, implementation_deadline)
  ON cases TO kohtaamo_reception;
GRANT SELECT ON cases TO kohtaamo_counsellor, kohtaamo_social_worker, kohtaamo_lead, kohtaamo_admin;
GRANT INSERT, UPDATE, DELETE ON cases TO kohtaamo_staff;

GRANT USAGE ON ALL SEQUENCES IN SCHEMA kohtaamo TO kohtaamo_staff;
REVOKE USAGE ON SEQUENCE access_log_id_seq, users_id_seq FROM kohtaamo_staff;

-- The log: read by the lead social worker and the administrator only.
GRANT SELECT ON access_log TO kohtaamo_lead, kohtaamo_admin;

GRANT EXECUTE ON FUNCTION current_kohtaamo_user (), session_user_id (), log_access (bigint, integer, integer),
      tx_logged (bigint), tx_wrote (text, bigint), tx_logged_contact (bigint),
      tx_logged_log_read (bigint),
      search_clients_by_name (text, integer, integer),
      search_clients_by_code (text, integer, integer),
      search_clients_by_birth_dates (text[], text, integer, integer),
      search_clients_by_phone (text, integer, integer),
      work_list_contacts (bigint, bigint, integer, integer),
      work_list_queue (integer, integer), queue_counts (),
      client_address (bigint, boolean, integer),
      fold_words (text), has_forbidden_chars (text), has_invisible_chars (text), role_group (integer)
  TO kohtaamo_staff;
GRANT EXECUTE ON FUNCTION save_user (text, text, integer, integer) TO kohtaamo_admin;

-- ---- row-level security ----

ALTER TABLE clients ENABLE ROW LEVEL SECURITY;
ALTER TABLE contacts ENABLE ROW LEVEL SECURITY;
ALTER TABLE cases ENABLE ROW LEVEL SECURITY;
ALTER TABLE contact_revisions ENABLE ROW LEVEL SECURITY;
ALTER TABLE access_log ENABLE ROW LEVEL SECURITY;

CREATE POLICY clients_read ON clients FOR SELECT TO kohtaamo_staff
  USING (tx_logged (id) OR tx_wrote ('clients', id));
CREATE POLICY clients_insert ON clients FOR INSERT TO kohtaamo_staff
  WITH CHECK (session_user_id () IS NOT NULL);
CREATE POLICY clients_update ON clients FOR UPDATE TO kohtaamo_staff
  USING (tx_logged (id) OR tx_wrote ('clients', id));
CREATE POLICY clients_delete ON clients FOR DELETE TO kohtaamo_staff
  USING (tx_logged (id) OR tx_wrote ('clients', id));

CREATE POLICY contacts_read ON contacts FOR SELECT TO kohtaamo_staff
  USING (client_id IS NULL OR tx_logged (client_id) OR tx_wrote ('contacts', id));
CREATE POLICY contacts_insert ON contacts FOR INSERT TO kohtaamo_staff
  WITH CHECK (created_by = session_user_id ());
CREATE POLICY contacts_update ON contacts FOR UPDATE TO kohtaamo_staff
  USING (client_id IS NULL OR tx_logged (client_id) OR tx_wrote ('contacts', id));
-- Undoing an intake: one's own contact, or as the lead social worker or
-- the administrator (kh-db-contacts.c).
CREATE POLICY contacts_delete ON contacts FOR DELETE TO kohtaamo_staff
  USING ((client_id IS NULL OR tx_logged (client_id) OR tx_wrote ('contacts', id))
         AND (created_by = session_user_id ()
              OR pg_has_role (session_user, 'kohtaamo_lead', 'MEMBER')
              OR pg_has_role (session_user, 'kohtaamo_admin', 'MEMBER')));

CREATE POLICY cases_read ON cases FOR SELECT TO kohtaamo_staff
  USING (tx_logged (client_id) OR tx_wrote ('cases', id));
CREATE POLICY cases_insert ON cases FOR INSERT TO kohtaamo_staff
  WITH CHECK (session_user_id () IS NOT NULL);
CREATE POLICY cases_update ON cases FOR UPDATE TO kohtaamo_staff
  USING (tx_logged (client_id) OR tx_wrote ('cases', id));
CREATE POLICY cases_delete ON cases FOR DELETE TO kohtaamo_staff
  USING (tx_logged (client_id) OR tx_wrote ('cases', id));

CREATE POLICY contact_revisions_read ON contact_revisions FOR SELECT TO kohtaamo_staff
  USING (tx_logged_contact (contact_id) OR tx_wrote ('contact_revisions', id));
CREATE POLICY contact_revisions_insert ON contact_revisions FOR INSERT TO kohtaamo_staff
  WITH CHECK (changed_by = session_user_id ());

CREATE POLICY access_log_read ON access_log FOR SELECT TO kohtaamo_lead, kohtaamo_admin
  USING (tx_logged_log_read (client_id));

RESET ROLE;

INSERT INTO kohtaamo.schema_version (version, name) VALUES (1, '0001-schema');
