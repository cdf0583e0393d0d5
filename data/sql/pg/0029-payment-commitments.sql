-- 0029-payment-commitments.sql — PostgreSQL's side of
-- data/sql/0033-payment-commitments.sql: a payment commitment has a
-- number of its own and rests on a granting decision (issue 8, 3)
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Applied as 0001 says (a superuser, one transaction). The columns, CHECKs
-- and rules restate SQLite's (keep in sync). A payment commitment's
-- number is the next of the commitments' own series of the year (the
-- server's clock), under a transaction-level advisory lock of its own, as
-- the decision register's (0025, 0027): reserve_commitment_number() takes
-- it and reads the next number, the desk renders the commitment with it,
-- and issue_document() in the same transaction gives that number. Two
-- desks issuing at once get 1 and 2, never the same number or a gap.
--
-- issue_document() takes the new columns (a decision's grants, a
-- commitment's decision and terms): the old one is dropped. The new
-- columns are read with the timeline as the others (metadata, no PDF).

SET ROLE kohtaamo_owner;
SET search_path = kohtaamo, pg_catalog;

ALTER TABLE documents
  ADD COLUMN grants boolean,
  ADD COLUMN decision_id bigint REFERENCES documents (id),
  ADD COLUMN commitment_year integer CHECK (commitment_year BETWEEN 2000 AND 9999),
  ADD COLUMN commitment_number integer CHECK (commitment_number >= 1),
  ADD COLUMN payee text CHECK (payee IS NULL OR (length (trim (payee)) >= 1 AND length (payee) <= 200)),
  ADD COLUMN max_cents bigint CHECK (max_cents BETWEEN 1 AND 10000000),
  ADD COLUMN valid_from text CHECK (valid_from ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'
                                    AND to_char (valid_from::date, 'YYYY-MM-DD') = valid_from),
  ADD COLUMN valid_until text CHECK (valid_until ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'
                                     AND to_char (valid_until::date, 'YYYY-MM-DD') = valid_until),
  ADD CONSTRAINT documents_commitment_number_key UNIQUE (commitment_year, commitment_number);

CREATE INDEX documents_decision ON documents (decision_id);

-- A payment commitment, and only it, has a number of its series, a
-- decision and its terms; a decision says whether it grants. A trigger of
-- its own beside documents_rules (0025), which still refuses every change
-- and removal.
CREATE FUNCTION documents_commitment_rules () RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
BEGIN
  IF (NEW.kind = 4) IS DISTINCT FROM (NEW.commitment_year IS NOT NULL AND NEW.commitment_number IS NOT NULL
                                      AND NEW.decision_id IS NOT NULL AND NEW.payee IS NOT NULL
                                      AND NEW.max_cents IS NOT NULL AND NEW.valid_from IS NOT NULL
                                      AND NEW.valid_until IS NOT NULL)
     OR (NEW.kind <> 4 AND num_nonnulls (NEW.commitment_year, NEW.commitment_number, NEW.decision_id,
                                         NEW.payee, NEW.max_cents, NEW.valid_from, NEW.valid_until) > 0)
     OR (NEW.kind <> 5 AND NEW.grants IS NOT NULL)
     -- A decision copied from a file may be older than grants (NULL).
     OR (NEW.kind = 5 AND NEW.grants IS NULL AND NOT copying ())
     OR (NEW.kind = 4 AND NEW.valid_until::date - NEW.valid_from::date NOT BETWEEN 0 AND 364) THEN
    RAISE EXCEPTION USING ERRCODE = 'check_violation',
      MESSAGE = 'a payment commitment, and only it, has its number, the decision it rests on, a payee, a maximum amount and a period of validity of at most 364 days after its first day';
  END IF;
  IF NEW.commitment_year IS NOT NULL
     AND NEW.commitment_number IS DISTINCT FROM
         coalesce ((SELECT max (commitment_number) FROM documents
                    WHERE commitment_year = NEW.commitment_year), 0) + 1 THEN
    RAISE EXCEPTION USING ERRCODE = 'check_violation',
      MESSAGE = 'a payment commitment takes the next number of its year''s series';
  END IF;
  IF NEW.decision_id IS NOT NULL
     AND NOT EXISTS (SELECT 1 FROM documents d
                     WHERE d.id = NEW.decision_id AND d.kind = 5 AND d.grants
                       AND d.client_id = NEW.client_id) THEN
    RAISE EXCEPTION USING ERRCODE = 'check_violation',
      MESSAGE = 'a payment commitment rests on an issued decision of the same person that grants';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER documents_commitment_rules BEFORE INSERT ON documents
  FOR EACH ROW EXECUTE FUNCTION documents_commitment_rules ();

-- The next number of this year's commitments, the series locked until the
-- transaction ends; only those who issue commitments reserve numbers.
CREATE FUNCTION reserve_commitment_number (OUT commitment_year integer, OUT commitment_number integer)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
DECLARE
  u users := current_kohtaamo_user ();
  y integer;
BEGIN
  IF u.role NOT IN (3, 4) THEN
    RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
      MESSAGE = 'payment commitments are issued by social workers and the lead social worker';
  END IF;
  y := extract (year FROM clock_timestamp ())::integer;
  PERFORM pg_advisory_xact_lock (hashtext ('kohtaamo.documents.commitments'), y);
  commitment_year := y;
  SELECT coalesce (max (d.commitment_number), 0) + 1 INTO commitment_number
    FROM documents d WHERE d.commitment_year = y;
END
$$;

-- Issues a document as the caller (0025), now with a decision's grants
-- and a commitment's decision and terms; a commitment's number is the
-- next of its series under its lock. register_year and register_number
-- return the number of the document's series: the decision register's or
-- the commitments'.
DROP FUNCTION issue_document (bigint, bigint, integer, text, text, text, text, bigint, bytea, text);

CREATE FUNCTION issue_document (p_client_id bigint, p_case_id bigint, p_kind integer,
                                p_language text, p_title text, p_sent_on text, p_delivery text,
                                p_corrects_id bigint, p_pdf bytea, p_sha256 text,
                                p_grants boolean, p_decision_id bigint, p_payee text,
                                p_max_cents bigint, p_valid_from text, p_valid_until text,
                                OUT id bigint, OUT issued_at bigint, OUT register_year integer,
                                OUT register_number integer)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
DECLARE
  u users := current_kohtaamo_user ();
  year integer;
  number integer;
  c_year integer;
  c_number integer;
BEGIN
  IF u.role NOT IN (CASE WHEN p_kind IN (4, 5) THEN 3 ELSE 2 END, 3, 4) THEN
    RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
      MESSAGE = 'decisions and payment commitments are issued by social workers and the lead social worker, letters also by counsellors';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM clients c WHERE c.id = p_client_id) THEN
    RETURN;
  END IF;
  IF p_sha256 IS DISTINCT FROM encode (sha256 (p_pdf), 'hex') THEN
    RAISE EXCEPTION USING ERRCODE = 'check_violation',
      MESSAGE = 'the PDF''s SHA-256 is not the one the desk computed: the document changed on the way';
  END IF;
  IF p_kind = 5 THEN
    year := extract (year FROM clock_timestamp ())::integer;
    -- One issuer of the year's register at a time, until commit.
    PERFORM pg_advisory_xact_lock (hashtext ('kohtaamo.documents.register'), year);
    SELECT coalesce (max (d.register_number), 0) + 1 INTO number
      FROM documents d WHERE d.register_year = year;
  ELSIF p_kind = 4 THEN
    SELECT r.commitment_year, r.commitment_number INTO c_year, c_number
      FROM reserve_commitment_number () r;
  END IF;
  INSERT INTO documents AS d (client_id, case_id, kind, language, title, register_year,
                              register_number, issued_at, issued_by, sent_on, delivery,
                              corrects_id, pdf, sha256, grants, decision_id, commitment_year,
                              commitment_number, payee, max_cents, valid_from, valid_until)
    VALUES (p_client_id, p_case_id, p_kind, p_language, p_title, year, number, 0, u.id,
            p_sent_on, p_delivery, p_corrects_id, p_pdf, encode (sha256 (p_pdf), 'hex'),
            p_grants, p_decision_id, c_year, c_number, p_payee, p_max_cents, p_valid_from,
            p_valid_until)
    RETURNING d.id, d.issued_at, coalesce (d.register_year, d.commitment_year),
              coalesce (d.register_number, d.commitment_number)
    INTO id, issued_at, register_year, register_number;
END
$$;

-- Opening a document (0025) gives a commitment's number as its register
-- number, as issue_document() does.
CREATE OR REPLACE FUNCTION open_document (p_id bigint)
RETURNS TABLE (id bigint, client_id bigint, case_id bigint, kind integer, language text,
               title text, register_year integer, register_number integer, issued_at bigint,
               issued_by bigint, issued_by_name text, sent_on text, delivery text,
               corrects_id bigint, pdf bytea, sha256 text)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
DECLARE
  u users := current_kohtaamo_user ();
  person bigint;
  s bigint;
BEGIN
  IF u.role NOT IN (2, 3, 4, 5) THEN
    RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
      MESSAGE = 'issued documents are opened by counsellors, social workers and the lead social worker, and exported by the administrator';
  END IF;
  SELECT d.client_id INTO person FROM documents d WHERE d.id = p_id;
  IF person IS NULL THEN
    RETURN;
  END IF;
  IF u.role = 5 THEN
    s := log_access (person, 6, 3);
  ELSE
    s := log_access (person, 14, 2);
  END IF;
  INSERT INTO document_reads (log_seq, document_id) VALUES (s, p_id);
  RETURN QUERY
    SELECT d.id, d.client_id, d.case_id, d.kind, d.language, d.title,
           coalesce (d.register_year, d.commitment_year), coalesce (d.register_number, d.commitment_number),
           d.issued_at, d.issued_by, coalesce (w.display_name, w.account),
           d.sent_on, d.delivery, d.corrects_id, d.pdf, d.sha256
    FROM documents d JOIN users w ON w.id = d.issued_by
    WHERE d.id = p_id;
END
$$;

GRANT SELECT (grants, decision_id, commitment_year, commitment_number, payee, max_cents, valid_from,
              valid_until)
  ON documents TO kohtaamo_counsellor, kohtaamo_social_worker, kohtaamo_lead;

REVOKE ALL ON FUNCTION documents_commitment_rules (), reserve_commitment_number (),
  issue_document (bigint, bigint, integer, text, text, text, text, bigint, bytea, text,
                  boolean, bigint, text, bigint, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION reserve_commitment_number () TO kohtaamo_social_worker, kohtaamo_lead;
GRANT EXECUTE ON FUNCTION
  issue_document (bigint, bigint, integer, text, text, text, text, bigint, bytea, text,
                  boolean, bigint, text, bigint, text, text) TO kohtaamo_staff;

RESET ROLE;

INSERT INTO kohtaamo.schema_version (version, name) VALUES (29, '0029-payment-commitments');
