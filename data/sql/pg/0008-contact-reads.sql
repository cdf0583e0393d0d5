-- 0008-contact-reads.sql — a contact reached by its own id; a protected
-- address shown once, logged once
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Applied as 0001 says (a superuser, one transaction).
--
-- A contact's history, its correction and its marking as entered in error
-- start from the contact's id (kh-db-contact-history.c), but row-level
-- security shows a contact only once the transaction has logged its
-- person, whom the caller does not know yet. log_contact_access logs the
-- read (or the write) of the contact's person for the calling user, as
-- log_access does, and says who it was; a contact of nobody (anonymous)
-- logs nothing.
--
-- A protected address (ATL 38 §; Population Information Act 36 §) is read
-- with client_address (p_show_protected true), which logged the showing
-- (what 10) itself; the store logs it first, as every read, so that the
-- person is visible: client_address now logs it only when this
-- transaction has not already logged that showing for this user.

SET ROLE kohtaamo_owner;
SET search_path = kohtaamo, pg_catalog;

CREATE FUNCTION log_contact_access (p_contact_id bigint, p_what integer, p_basis integer)
RETURNS bigint
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
DECLARE
  person bigint;
BEGIN
  PERFORM current_kohtaamo_user ();
  SELECT k.client_id INTO person FROM contacts k WHERE k.id = p_contact_id;
  IF person IS NOT NULL THEN
    PERFORM log_access (person, p_what, p_basis);
  END IF;
  RETURN person;
END
$$;

CREATE OR REPLACE FUNCTION client_address (p_client_id bigint, p_show_protected boolean DEFAULT false,
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
  IF c.non_disclosure = 1
     AND NOT EXISTS (SELECT 1 FROM access_log a
                     WHERE a.xact = pg_current_xact_id_if_assigned ()
                       AND a.client_id = p_client_id AND a.what = 10
                       AND a.user_id = session_user_id ()) THEN
    PERFORM log_access (p_client_id, 10, p_basis);
  END IF;
  address := c.address;
  postal_code := c.postal_code;
  city := c.city;
  withheld := false;
END
$$;

REVOKE ALL ON FUNCTION log_contact_access (bigint, integer, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION log_contact_access (bigint, integer, integer) TO kohtaamo_staff;

RESET ROLE;

INSERT INTO kohtaamo.schema_version (version, name) VALUES (8, '0008-contact-reads');
