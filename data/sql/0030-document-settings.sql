-- 0030-document-settings.sql — the unit's document settings: the
-- letterhead, the rectification authority, the decision makers and the
-- logo (issue 8; src/core/kh-unit-profile.h)
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- They live in the settings table, one key per field and language
-- (document_<field>_<fi|sv>), document_decision_makers (a line each, fields
-- split by tabs) and document_logo_png (base64). The store checks every
-- value with kh_unit_profile_clean_setting() and stores it cleaned; the
-- triggers below are the last line for any other program: a known key,
-- within its length, one line without control characters; the logo at
-- least begins as a PNG in base64. "" unsets any key. Who may write: as
-- every setting, the lead social worker and the administrator (the store).
-- Keep the keys and limits in sync with src/core/kh-unit-profile.c and
-- data/sql/pg/0024-document-settings.sql.

CREATE TRIGGER settings_document_insert BEFORE INSERT ON settings
  WHEN NEW.key LIKE 'document\_%' ESCAPE '\'
   AND NOT (
     (NEW.key = 'document_logo_png'
      AND (NEW.value = '' OR (length (NEW.value) <= 699052 AND substr (NEW.value, 1, 11) = 'iVBORw0KGgo'
                              AND NEW.value NOT GLOB '*[^A-Za-z0-9+/=]*')))
     OR (NEW.key = 'document_decision_makers' AND length (NEW.value) <= 160000)
     OR (substr (NEW.key, -3) IN ('_fi', '_sv')
         AND coalesce (CASE substr (NEW.key, 10, length (NEW.key) - 12)
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
                       END, -1) >= length (NEW.value)
         AND NEW.value NOT GLOB ('*[' || char (1) || '-' || char (31) || char (127) || ']*')
         AND NEW.value = trim (NEW.value)))
BEGIN
  SELECT RAISE (ABORT, 'not a document setting, or not of its shape');
END;

CREATE TRIGGER settings_document_update BEFORE UPDATE ON settings
  WHEN NEW.key LIKE 'document\_%' ESCAPE '\'
   AND NOT (
     (NEW.key = 'document_logo_png'
      AND (NEW.value = '' OR (length (NEW.value) <= 699052 AND substr (NEW.value, 1, 11) = 'iVBORw0KGgo'
                              AND NEW.value NOT GLOB '*[^A-Za-z0-9+/=]*')))
     OR (NEW.key = 'document_decision_makers' AND length (NEW.value) <= 160000)
     OR (substr (NEW.key, -3) IN ('_fi', '_sv')
         AND coalesce (CASE substr (NEW.key, 10, length (NEW.key) - 12)
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
                       END, -1) >= length (NEW.value)
         AND NEW.value NOT GLOB ('*[' || char (1) || '-' || char (31) || char (127) || ']*')
         AND NEW.value = trim (NEW.value)))
BEGIN
  SELECT RAISE (ABORT, 'not a document setting, or not of its shape');
END;
