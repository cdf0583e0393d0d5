-- 0033-payment-commitments.sql — a payment commitment has a number of its
-- own and rests on a granting decision (issue 8, 3)
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- A payment commitment (maksusitoumus / betalningsförbindelse, kind 4) is
-- sent to a payee — a pharmacy, a landlord, a service provider — who marks
-- its number on the invoice. The number is the next of the commitments'
-- own series of the year, 1, 2, 3 … without gaps ("4/2026"), which the
-- store gives in the issuing transaction, as a decision's (0031); the two
-- series are apart, so the columns are too (the register's UNIQUE of 0031
-- cannot be widened without copying the table). A commitment rests on an
-- issued decision of the same person that grants a service or income
-- support (decision_id), and the table keeps its terms — the payee, the
-- most that is paid and the period of validity — with the rules the form
-- and the store check (kh_commitment_terms_check in
-- src/core/kh-document-kind.c): a payee of 1–200 characters, 1 cent to
-- 100 000,00 €, the last day not before the first and at most 364 days
-- after it. A decision says whether it grants (grants: 1 granted or
-- partly, 0 refused; NULL for a decision issued before this, on which no
-- commitment can rest). Other kinds have none of these.
-- Keep in sync with data/sql/pg/0029-payment-commitments.sql.

ALTER TABLE documents ADD COLUMN grants INTEGER CHECK (grants IN (0, 1));
ALTER TABLE documents ADD COLUMN decision_id INTEGER REFERENCES documents (id);
ALTER TABLE documents ADD COLUMN commitment_year INTEGER CHECK (commitment_year BETWEEN 2000 AND 9999);
ALTER TABLE documents ADD COLUMN commitment_number INTEGER CHECK (commitment_number >= 1);
ALTER TABLE documents ADD COLUMN payee TEXT
  CHECK (payee IS NULL OR (length (trim (payee)) >= 1 AND length (payee) <= 200));
ALTER TABLE documents ADD COLUMN max_cents INTEGER CHECK (max_cents BETWEEN 1 AND 10000000);
ALTER TABLE documents ADD COLUMN valid_from TEXT CHECK (date (valid_from) IS valid_from);
ALTER TABLE documents ADD COLUMN valid_until TEXT CHECK (date (valid_until) IS valid_until);

CREATE UNIQUE INDEX documents_commitment_number ON documents (commitment_year, commitment_number);
CREATE INDEX documents_decision ON documents (decision_id);

-- A payment commitment, and only it, has a number of its series, a
-- decision and its terms; a new decision says whether it grants, and
-- nothing else does.
CREATE TRIGGER documents_commitment_terms BEFORE INSERT ON documents
  WHEN (NEW.kind = 4) IS NOT (NEW.commitment_year IS NOT NULL AND NEW.commitment_number IS NOT NULL
                              AND NEW.decision_id IS NOT NULL AND NEW.payee IS NOT NULL
                              AND NEW.max_cents IS NOT NULL AND NEW.valid_from IS NOT NULL
                              AND NEW.valid_until IS NOT NULL)
    OR (NEW.kind <> 4 AND coalesce (NEW.commitment_year, NEW.commitment_number, NEW.decision_id, NEW.payee,
                                     NEW.max_cents, NEW.valid_from, NEW.valid_until) IS NOT NULL)
    OR (NEW.kind = 5) IS NOT (NEW.grants IS NOT NULL)
    OR julianday (NEW.valid_until) - julianday (NEW.valid_from) NOT BETWEEN 0 AND 364
BEGIN
  SELECT RAISE (ABORT, 'a payment commitment, and only it, has its number, the decision it rests on, a payee, a maximum amount and a period of validity of at most 364 days after its first day');
END;

-- The commitments' numbers run 1, 2, 3 … in each year without gaps.
CREATE TRIGGER documents_commitment_number BEFORE INSERT ON documents
  WHEN NEW.commitment_year IS NOT NULL
   AND NEW.commitment_number IS NOT coalesce ((SELECT max (commitment_number) FROM documents
                                               WHERE commitment_year = NEW.commitment_year), 0) + 1
BEGIN
  SELECT RAISE (ABORT, 'a payment commitment takes the next number of its year''s series');
END;

-- It rests on an issued decision of the same person that grants.
CREATE TRIGGER documents_commitment_decision BEFORE INSERT ON documents
  WHEN NEW.decision_id IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM documents d
                   WHERE d.id = NEW.decision_id AND d.kind = 5 AND d.grants = 1
                     AND d.client_id = NEW.client_id)
BEGIN
  SELECT RAISE (ABORT, 'a payment commitment rests on an issued decision of the same person that grants');
END;
