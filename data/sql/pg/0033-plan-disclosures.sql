-- 0033-plan-disclosures.sql — PostgreSQL's side of
-- data/sql/0037-plan-disclosures.sql: a client plan given to a partner
-- agency keeps to whom and the consent it rests on (issue 9, 6)
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Applied as 0001 says (a superuser, one transaction). The columns and the
-- rule restate SQLite's (keep in sync): only a client plan (kind 6) is
-- given to a partner agency; the entry is an agency in this person's
-- network; the consent is that agency's, covers giving it the plan
-- (KH_CONSENT_SHARE_PLAN, 4), and is in force on the sending day (given by
-- it, not ended, not withdrawn). A disclosure (ATL 703/2023 10 §) is thus
-- kept with its recipient and legal basis, and the server refuses one
-- without a consent, whichever role asks. issue_document() takes the two
-- new columns: the old one is dropped.

SET ROLE kohtaamo_owner;
SET search_path = kohtaamo, pg_catalog;

ALTER TABLE documents
  ADD COLUMN disclosed_to bigint REFERENCES network_members (id),
  ADD COLUMN consent_id bigint REFERENCES network_consents (id);

CREATE INDEX documents_disclosed_to ON documents (disclosed_to);

CREATE FUNCTION documents_disclosure_rules () RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
BEGIN
  IF (NEW.disclosed_to IS NOT NULL OR NEW.consent_id IS NOT NULL)
     AND (NEW.kind <> 6 OR NEW.disclosed_to IS NULL OR NEW.consent_id IS NULL
          OR NOT EXISTS (SELECT 1
                         FROM network_members m
                         JOIN network_consents c ON c.member_id = m.id
                         WHERE m.id = NEW.disclosed_to AND m.client_id = NEW.client_id AND m.kind = 2
                           AND c.id = NEW.consent_id AND (c.scope & 4) = 4
                           AND c.given_on <= NEW.sent_on
                           AND (c.expires_on IS NULL OR c.expires_on >= NEW.sent_on)
                           AND NOT EXISTS (SELECT 1 FROM network_consent_withdrawals w
                                           WHERE w.consent_id = c.id AND w.withdrawn_on <= NEW.sent_on))) THEN
    RAISE EXCEPTION USING ERRCODE = 'check_violation',
      MESSAGE = 'a document is given to a partner agency only as a client plan, resting on the client''s consent in force on the sending day to giving that agency the plan';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER documents_disclosure_rules BEFORE INSERT ON documents
  FOR EACH ROW EXECUTE FUNCTION documents_disclosure_rules ();

-- Issues a document as the caller (0025, 0029), now with the partner
-- agency a client plan is given to and the consent it rests on.
DROP FUNCTION issue_document (bigint, bigint, integer, text, text, text, text, bigint, bytea, text,
                              boolean, bigint, text, bigint, text, text);

CREATE FUNCTION issue_document (p_client_id bigint, p_case_id bigint, p_kind integer,
                                p_language text, p_title text, p_sent_on text, p_delivery text,
                                p_corrects_id bigint, p_pdf bytea, p_sha256 text,
                                p_grants boolean, p_decision_id bigint, p_payee text,
                                p_max_cents bigint, p_valid_from text, p_valid_until text,
                                p_disclosed_to bigint, p_consent_id bigint,
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
                              commitment_number, payee, max_cents, valid_from, valid_until,
                              disclosed_to, consent_id)
    VALUES (p_client_id, p_case_id, p_kind, p_language, p_title, year, number, 0, u.id,
            p_sent_on, p_delivery, p_corrects_id, p_pdf, encode (sha256 (p_pdf), 'hex'),
            p_grants, p_decision_id, c_year, c_number, p_payee, p_max_cents, p_valid_from,
            p_valid_until, p_disclosed_to, p_consent_id)
    RETURNING d.id, d.issued_at, coalesce (d.register_year, d.commitment_year),
              coalesce (d.register_number, d.commitment_number)
    INTO id, issued_at, register_year, register_number;
END
$$;

GRANT SELECT (disclosed_to, consent_id)
  ON documents TO kohtaamo_counsellor, kohtaamo_social_worker, kohtaamo_lead;

REVOKE ALL ON FUNCTION documents_disclosure_rules (),
  issue_document (bigint, bigint, integer, text, text, text, text, bigint, bytea, text,
                  boolean, bigint, text, bigint, text, text, bigint, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION
  issue_document (bigint, bigint, integer, text, text, text, text, bigint, bytea, text,
                  boolean, bigint, text, bigint, text, text, bigint, bigint) TO kohtaamo_staff;

RESET ROLE;

INSERT INTO kohtaamo.schema_version (version, name) VALUES (33, '0033-plan-disclosures');
