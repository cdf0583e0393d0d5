-- 0034-invitation-meetings.sql — PostgreSQL's side of
-- data/sql/0038-invitation-meetings.sql: an invitation letter keeps the
-- meeting it invites to, as the meeting stood
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Applied as 0001 says (a superuser, one transaction). The columns and the
-- rule restate SQLite's (keep in sync): only an invitation (kind 1) names a
-- meeting; the meeting is this person's, not cancelled, and at the revision
-- named. issue_document() takes the two new columns: the old one is
-- dropped. appointment_invited() tells whether a meeting, as it now stands,
-- has had its invitation issued, and holds that answer (an advisory lock on
-- the meeting) until the caller's transaction ends, so that two workers'
-- batches of the week's letters do not both invite to it.

SET ROLE kohtaamo_owner;
SET search_path = kohtaamo, pg_catalog;

ALTER TABLE documents
  ADD COLUMN appointment_id bigint REFERENCES appointments (id),
  ADD COLUMN appointment_revision bigint;

CREATE INDEX documents_appointment ON documents (appointment_id, appointment_revision);

CREATE FUNCTION documents_appointment_rules () RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
BEGIN
  IF (NEW.appointment_id IS NOT NULL OR NEW.appointment_revision IS NOT NULL)
     AND (NEW.kind <> 1 OR NEW.appointment_id IS NULL OR NEW.appointment_revision IS NULL
          OR NOT EXISTS (SELECT 1 FROM appointments a
                         WHERE a.id = NEW.appointment_id AND a.client_id = NEW.client_id
                           AND a.status <> 3 AND a.revision = NEW.appointment_revision)) THEN
    RAISE EXCEPTION USING ERRCODE = 'check_violation',
      MESSAGE = 'only an invitation names a meeting: this person''s meeting, not cancelled, as it now stands';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER documents_appointment_rules BEFORE INSERT ON documents
  FOR EACH ROW EXECUTE FUNCTION documents_appointment_rules ();

-- Whether the meeting, at its present revision, has an invitation issued;
-- held until the transaction ends. Only those who send letters ask.
CREATE FUNCTION appointment_invited (p_appointment_id bigint) RETURNS boolean
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = kohtaamo, pg_catalog, pg_temp AS $$
DECLARE
  u users := current_kohtaamo_user ();
BEGIN
  IF u.role NOT IN (2, 3, 4) THEN
    RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
      MESSAGE = 'letters are sent by social counsellors, social workers and the lead social worker';
  END IF;
  PERFORM pg_advisory_xact_lock (hashtext ('kohtaamo.documents.invitation'),
                                 (p_appointment_id % 2147483647)::integer);
  RETURN EXISTS (SELECT 1 FROM documents d JOIN appointments a
                   ON a.id = d.appointment_id AND a.revision = d.appointment_revision
                 WHERE a.id = p_appointment_id AND d.kind = 1);
END
$$;

-- Issues a document as the caller (0025, 0029, 0033), now with the meeting
-- an invitation is for.
DROP FUNCTION issue_document (bigint, bigint, integer, text, text, text, text, bigint, bytea, text,
                              boolean, bigint, text, bigint, text, text, bigint, bigint);

CREATE FUNCTION issue_document (p_client_id bigint, p_case_id bigint, p_kind integer,
                                p_language text, p_title text, p_sent_on text, p_delivery text,
                                p_corrects_id bigint, p_pdf bytea, p_sha256 text,
                                p_grants boolean, p_decision_id bigint, p_payee text,
                                p_max_cents bigint, p_valid_from text, p_valid_until text,
                                p_disclosed_to bigint, p_consent_id bigint,
                                p_appointment_id bigint, p_appointment_revision bigint,
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
                              disclosed_to, consent_id, appointment_id, appointment_revision)
    VALUES (p_client_id, p_case_id, p_kind, p_language, p_title, year, number, 0, u.id,
            p_sent_on, p_delivery, p_corrects_id, p_pdf, encode (sha256 (p_pdf), 'hex'),
            p_grants, p_decision_id, c_year, c_number, p_payee, p_max_cents, p_valid_from,
            p_valid_until, p_disclosed_to, p_consent_id, p_appointment_id,
            p_appointment_revision)
    RETURNING d.id, d.issued_at, coalesce (d.register_year, d.commitment_year),
              coalesce (d.register_number, d.commitment_number)
    INTO id, issued_at, register_year, register_number;
END
$$;

GRANT SELECT (appointment_id, appointment_revision)
  ON documents TO kohtaamo_counsellor, kohtaamo_social_worker, kohtaamo_lead;

REVOKE ALL ON FUNCTION documents_appointment_rules (), appointment_invited (bigint),
  issue_document (bigint, bigint, integer, text, text, text, text, bigint, bytea, text,
                  boolean, bigint, text, bigint, text, text, bigint, bigint, bigint, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION appointment_invited (bigint),
  issue_document (bigint, bigint, integer, text, text, text, text, bigint, bytea, text,
                  boolean, bigint, text, bigint, text, text, bigint, bigint, bigint, bigint) TO kohtaamo_staff;

RESET ROLE;

INSERT INTO kohtaamo.schema_version (version, name) VALUES (34, '0034-invitation-meetings');
