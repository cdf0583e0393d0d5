-- 0027-register-number-reserved.sql — a decision prints the register
-- number it is kept under
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Applied as 0001 says (a superuser, one transaction).
--
-- Issue 8, 4–5. issue_document() (0025) gives a decision the next number
-- of its year's register, but the desk had rendered the PDF before, so
-- the number was not printed on the decision. The desk now reserves the
-- number first, in the issuing transaction: reserve_register_number()
-- takes the year's register lock that issue_document() takes (a
-- transaction-level advisory lock, held until commit or rollback; taking
-- it again in the same transaction is free) and reads the next number.
-- The desk renders the decision with it, and issue_document() in the same
-- transaction then computes that same number, since no other desk can
-- issue a decision of that year meanwhile (kh-db-documents.c compares the
-- two and undoes the issuing if they ever differ, e.g. across midnight of
-- New Year's Eve). Only those who issue decisions reserve numbers.

SET ROLE kohtaamo_owner;
SET search_path = kohtaamo, pg_catalog;

CREATE FUNCTION reserve_register_number (OUT register_year integer, OUT register_number integer)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
DECLARE
  u users := current_kohtaamo_user ();
  y integer;
  n integer;
BEGIN
  IF u.role NOT IN (3, 4) THEN
    RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
      MESSAGE = 'decisions are issued by social workers and the lead social worker';
  END IF;
  y := extract (year FROM clock_timestamp ())::integer;
  PERFORM pg_advisory_xact_lock (hashtext ('kohtaamo.documents.register'), y);
  SELECT coalesce (max (d.register_number), 0) + 1 INTO n
    FROM documents d WHERE d.register_year = y;
  register_year := y;
  register_number := n;
END
$$;

REVOKE ALL ON FUNCTION reserve_register_number () FROM PUBLIC;
GRANT EXECUTE ON FUNCTION reserve_register_number () TO kohtaamo_social_worker, kohtaamo_lead;

RESET ROLE;

INSERT INTO kohtaamo.schema_version (version, name) VALUES (27, '0027-register-number-reserved');
