-- 0008-person-records.sql — the person's record by the client-data act, bounded text
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- ATL 703/2023 38 § and issue 5 (1.9, 1.13, 2.3):
--  - a non-disclosure marking (turvakielto / spärrmarkering, Population
--    Information Act 661/2009 36 §): the store then withholds the address from
--    everything but the explicit, logged "show address" on the person's page;
--  - the person's mother tongue as well as the language of service;
--  - the person's legal representative (edunvalvoja / intressebevakare);
--  - two new kinds of read in the access log: the person's cases listed (9)
--    and a protected address shown (10) (KhAccessWhat). SQLite cannot widen a
--    CHECK in place: the log is rebuilt with every row kept, as in 0004.
--  - every text field of a person has a length limit, and the short ones hold
--    no invisible or direction-changing characters (zero-width space, soft
--    hyphen, bidi controls, BOM) and no control characters. The limits are
--    decided in src/core/kh-records.h (KH_CLIENT_MAX_*) and checked there first
--    with a message at the field; these are the last line. The existing
--    columns get them as triggers (the clients table is referenced by
--    contacts and cases and cannot be rebuilt inside this transaction), the
--    new ones as CHECKs. Rows stored before keep what they hold: an update is refused only for a
--    value it changes, so that remaking sort keys (0002) still works on them.

ALTER TABLE clients ADD COLUMN non_disclosure INTEGER NOT NULL DEFAULT 0
  CHECK (non_disclosure IN (0, 1));
-- KhLanguage, or 0 when not recorded.
ALTER TABLE clients ADD COLUMN mother_tongue INTEGER NOT NULL DEFAULT 0
  CHECK (mother_tongue BETWEEN 0 AND 3);
-- The name of the mother tongue when it is "other" (3).
ALTER TABLE clients ADD COLUMN other_mother_tongue TEXT
  CHECK (other_mother_tongue IS NULL
         OR (mother_tongue = 3 AND length (trim (other_mother_tongue)) > 0
             AND length (other_mother_tongue) <= 60));
ALTER TABLE clients ADD COLUMN representative_name TEXT
  CHECK (representative_name IS NULL
         OR (length (trim (representative_name)) > 0 AND length (representative_name) <= 150));
-- How to reach the representative: phone, e-mail or office; only with a name.
ALTER TABLE clients ADD COLUMN representative_contact TEXT
  CHECK (representative_contact IS NULL
         OR (representative_name IS NOT NULL AND length (trim (representative_contact)) > 0
             AND length (representative_contact) <= 200));

CREATE TRIGGER clients_text_length_insert BEFORE INSERT ON clients
  WHEN length (NEW.last_name) > 100
       OR length (NEW.first_names) > 150
       OR length (NEW.other_language) > 60
       OR length (NEW.address) > 150
       OR length (NEW.city) > 80
       OR length (NEW.phone) > 40
       OR length (NEW.email) > 254
BEGIN
  SELECT RAISE (ABORT, 'a person''s text field is longer than its limit');
END;

CREATE TRIGGER clients_text_length_update BEFORE UPDATE OF last_name, first_names, other_language, address, city, phone, email, other_mother_tongue, representative_name, representative_contact ON clients
  WHEN (NEW.last_name IS NOT OLD.last_name AND length (NEW.last_name) > 100)
       OR (NEW.first_names IS NOT OLD.first_names AND length (NEW.first_names) > 150)
       OR (NEW.other_language IS NOT OLD.other_language AND length (NEW.other_language) > 60)
       OR (NEW.address IS NOT OLD.address AND length (NEW.address) > 150)
       OR (NEW.city IS NOT OLD.city AND length (NEW.city) > 80)
       OR (NEW.phone IS NOT OLD.phone AND length (NEW.phone) > 40)
       OR (NEW.email IS NOT OLD.email AND length (NEW.email) > 254)
BEGIN
  SELECT RAISE (ABORT, 'a person''s text field is longer than its limit');
END;

CREATE TRIGGER clients_text_characters_insert BEFORE INSERT ON clients
  WHEN NEW.last_name GLOB '*[' || char (1) || '-' || char (31) || char (127) || char (0x00AD, 0x061C, 0x180E, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF) || ']*'
       OR NEW.first_names GLOB '*[' || char (1) || '-' || char (31) || char (127) || char (0x00AD, 0x061C, 0x180E, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF) || ']*'
       OR NEW.other_language GLOB '*[' || char (1) || '-' || char (31) || char (127) || char (0x00AD, 0x061C, 0x180E, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF) || ']*'
       OR NEW.address GLOB '*[' || char (1) || '-' || char (31) || char (127) || char (0x00AD, 0x061C, 0x180E, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF) || ']*'
       OR NEW.city GLOB '*[' || char (1) || '-' || char (31) || char (127) || char (0x00AD, 0x061C, 0x180E, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF) || ']*'
       OR NEW.phone GLOB '*[' || char (1) || '-' || char (31) || char (127) || char (0x00AD, 0x061C, 0x180E, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF) || ']*'
       OR NEW.email GLOB '*[' || char (1) || '-' || char (31) || char (127) || char (0x00AD, 0x061C, 0x180E, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF) || ']*'
       OR NEW.other_mother_tongue GLOB '*[' || char (1) || '-' || char (31) || char (127) || char (0x00AD, 0x061C, 0x180E, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF) || ']*'
       OR NEW.representative_name GLOB '*[' || char (1) || '-' || char (31) || char (127) || char (0x00AD, 0x061C, 0x180E, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF) || ']*'
       OR NEW.representative_contact GLOB '*[' || char (1) || '-' || char (31) || char (127) || char (0x00AD, 0x061C, 0x180E, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF) || ']*'
BEGIN
  SELECT RAISE (ABORT, 'a person''s text field holds an invisible, direction-changing or control character');
END;

CREATE TRIGGER clients_text_characters_update BEFORE UPDATE OF last_name, first_names, other_language, address, city, phone, email, other_mother_tongue, representative_name, representative_contact ON clients
  WHEN (NEW.last_name IS NOT OLD.last_name AND NEW.last_name GLOB '*[' || char (1) || '-' || char (31) || char (127) || char (0x00AD, 0x061C, 0x180E, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF) || ']*')
       OR (NEW.first_names IS NOT OLD.first_names AND NEW.first_names GLOB '*[' || char (1) || '-' || char (31) || char (127) || char (0x00AD, 0x061C, 0x180E, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF) || ']*')
       OR (NEW.other_language IS NOT OLD.other_language AND NEW.other_language GLOB '*[' || char (1) || '-' || char (31) || char (127) || char (0x00AD, 0x061C, 0x180E, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF) || ']*')
       OR (NEW.address IS NOT OLD.address AND NEW.address GLOB '*[' || char (1) || '-' || char (31) || char (127) || char (0x00AD, 0x061C, 0x180E, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF) || ']*')
       OR (NEW.city IS NOT OLD.city AND NEW.city GLOB '*[' || char (1) || '-' || char (31) || char (127) || char (0x00AD, 0x061C, 0x180E, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF) || ']*')
       OR (NEW.phone IS NOT OLD.phone AND NEW.phone GLOB '*[' || char (1) || '-' || char (31) || char (127) || char (0x00AD, 0x061C, 0x180E, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF) || ']*')
       OR (NEW.email IS NOT OLD.email AND NEW.email GLOB '*[' || char (1) || '-' || char (31) || char (127) || char (0x00AD, 0x061C, 0x180E, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF) || ']*')
       OR (NEW.other_mother_tongue IS NOT OLD.other_mother_tongue AND NEW.other_mother_tongue GLOB '*[' || char (1) || '-' || char (31) || char (127) || char (0x00AD, 0x061C, 0x180E, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF) || ']*')
       OR (NEW.representative_name IS NOT OLD.representative_name AND NEW.representative_name GLOB '*[' || char (1) || '-' || char (31) || char (127) || char (0x00AD, 0x061C, 0x180E, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF) || ']*')
       OR (NEW.representative_contact IS NOT OLD.representative_contact AND NEW.representative_contact GLOB '*[' || char (1) || '-' || char (31) || char (127) || char (0x00AD, 0x061C, 0x180E, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF) || ']*')
BEGIN
  SELECT RAISE (ABORT, 'a person''s text field holds an invisible, direction-changing or control character');
END;

CREATE TABLE access_log_new (
  id         INTEGER PRIMARY KEY,
  at         INTEGER NOT NULL,
  user_id    INTEGER NOT NULL REFERENCES users (id),
  client_id  INTEGER,
  what       INTEGER NOT NULL CHECK (what BETWEEN 1 AND 10),   -- KhAccessWhat
  basis      INTEGER NOT NULL CHECK (basis BETWEEN 1 AND 4)    -- KhAccessBasis
) STRICT;

INSERT INTO access_log_new (id, at, user_id, client_id, what, basis)
  SELECT id, at, user_id, client_id, what, basis FROM access_log;

DROP TABLE access_log;
ALTER TABLE access_log_new RENAME TO access_log;

CREATE INDEX access_log_client ON access_log (client_id, at);
CREATE INDEX access_log_at ON access_log (at);

CREATE TRIGGER access_log_no_update BEFORE UPDATE ON access_log
BEGIN
  SELECT RAISE (ABORT, 'the access log is append-only');
END;

CREATE TRIGGER access_log_no_delete BEFORE DELETE ON access_log
BEGIN
  SELECT RAISE (ABORT, 'the access log is append-only');
END;
