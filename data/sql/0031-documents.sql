-- 0031-documents.sql — issued letters and decisions, kept as they were
-- sent (issue 8, 5)
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Issuing a document stores its PDF bytes with their SHA-256 (lower-case
-- hex, computed by the store) and what it is: the person, the case if any,
-- the kind (src/core/kh-document-kind.h), the client's language, the
-- title, who issued it and when (the store's: the acting user, its
-- clock), the day it was sent and how. A decision has a number in the
-- decision register, 1, 2, 3 … in each year without gaps, which the store
-- allocates in the issuing transaction. Documents are never changed or
-- removed (the triggers below, whatever program writes); a correction is
-- a new document of the same person that names the one it corrects.
-- Who issues which kind is kh_document_may_issue's rule, restated here.
-- Keep in sync with data/sql/pg/0025-documents.sql.
--
-- Opening an issued document is a logged read, what 14 ("document"): the
-- access log's CHECK is widened, which SQLite does by copying the table
-- as 0027 did (its rows, numbers and hashes unchanged; the triggers of
-- 0017 again). Each such log row names its document in document_reads.

CREATE TABLE access_log_new (
  id         INTEGER PRIMARY KEY,
  at         INTEGER NOT NULL,
  user_id    INTEGER NOT NULL REFERENCES users (id),
  client_id  INTEGER,
  what       INTEGER NOT NULL CHECK (what BETWEEN 1 AND 14),   -- KhAccessWhat
  basis      INTEGER NOT NULL CHECK (basis BETWEEN 1 AND 4),   -- KhAccessBasis
  seq        INTEGER NOT NULL UNIQUE CHECK (seq >= 1),
  prev_hash  TEXT NOT NULL CHECK (length (prev_hash) = 64 AND prev_hash NOT GLOB '*[^0-9a-f]*'),
  hash       TEXT NOT NULL CHECK (length (hash) = 64 AND hash NOT GLOB '*[^0-9a-f]*')
) STRICT;

INSERT INTO access_log_new (id, at, user_id, client_id, what, basis, seq, prev_hash, hash)
  SELECT id, at, user_id, client_id, what, basis, seq, prev_hash, hash FROM access_log;

DROP TABLE access_log;
ALTER TABLE access_log_new RENAME TO access_log;

CREATE INDEX access_log_client ON access_log (client_id, at);
CREATE INDEX access_log_at ON access_log (at);
CREATE INDEX access_log_user ON access_log (user_id, at);
CREATE INDEX access_log_what ON access_log (what, at);

CREATE TRIGGER access_log_no_update BEFORE UPDATE ON access_log
BEGIN
  SELECT RAISE (ABORT, 'the access log is append-only');
END;

CREATE TRIGGER access_log_no_delete BEFORE DELETE ON access_log
BEGIN
  SELECT RAISE (ABORT, 'the access log is append-only');
END;

CREATE TRIGGER access_log_chain_insert BEFORE INSERT ON access_log
  WHEN NEW.seq IS NOT coalesce ((SELECT max (seq) FROM access_log), 0) + 1
    OR NEW.prev_hash IS NOT coalesce ((SELECT hash FROM access_log ORDER BY seq DESC LIMIT 1),
                                      '0000000000000000000000000000000000000000000000000000000000000000')
BEGIN
  SELECT RAISE (ABORT, 'an access-log row continues the chain: the next seq after the newest row, and its hash as prev_hash');
END;

-- ---- issued documents ----

CREATE TABLE documents (
  id               INTEGER PRIMARY KEY,
  client_id        INTEGER NOT NULL REFERENCES clients (id),
  case_id          INTEGER REFERENCES cases (id),
  kind             INTEGER NOT NULL CHECK (kind BETWEEN 1 AND 6),       -- KhDocumentKind
  language         TEXT NOT NULL CHECK (language IN ('fi', 'sv')),
  title            TEXT NOT NULL CHECK (length (trim (title)) >= 1 AND length (title) <= 200),
  register_year    INTEGER CHECK (register_year BETWEEN 2000 AND 9999),
  register_number  INTEGER CHECK (register_number >= 1),
  issued_at        INTEGER NOT NULL,
  issued_by        INTEGER NOT NULL REFERENCES users (id),
  sent_on          TEXT NOT NULL CHECK (date (sent_on) IS sent_on),
  delivery         TEXT NOT NULL CHECK (delivery IN ('letter', 'electronic', 'handed')),
  corrects_id      INTEGER REFERENCES documents (id),
  pdf              BLOB NOT NULL CHECK (length (pdf) >= 5 AND substr (pdf, 1, 5) = X'255044462D'),
  sha256           TEXT NOT NULL CHECK (length (sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
  -- A decision, and only a decision, has a number in the register.
  CHECK ((kind = 5) = (register_year IS NOT NULL) AND (kind = 5) = (register_number IS NOT NULL)),
  UNIQUE (register_year, register_number)
) STRICT;

CREATE INDEX documents_client ON documents (client_id, issued_at);
CREATE INDEX documents_case ON documents (case_id);
CREATE INDEX documents_corrects ON documents (corrects_id);

-- Who issues which kind (kh_document_may_issue): decisions (5) and
-- payment commitments (4) an active social worker or the lead (KhRole
-- 3–4); the other letters also a counsellor (2).
CREATE TRIGGER documents_issuer BEFORE INSERT ON documents
  WHEN coalesce ((SELECT role FROM users WHERE id = NEW.issued_by AND active = 1), 0)
       NOT IN (CASE WHEN NEW.kind IN (4, 5) THEN 3 ELSE 2 END, 3, 4)
BEGIN
  SELECT RAISE (ABORT, 'a document is issued by an active social worker or lead social worker, a letter also by a counsellor');
END;

-- Of the case's person; a correction of the same person's document.
CREATE TRIGGER documents_person BEFORE INSERT ON documents
  WHEN (NEW.case_id IS NOT NULL
        AND NEW.client_id IS NOT (SELECT client_id FROM cases WHERE id = NEW.case_id))
    OR (NEW.corrects_id IS NOT NULL
        AND NEW.client_id IS NOT (SELECT client_id FROM documents WHERE id = NEW.corrects_id))
BEGIN
  SELECT RAISE (ABORT, 'a document belongs to its case''s person, and corrects a document of the same person');
END;

-- The register's numbers run 1, 2, 3 … in each year without gaps.
CREATE TRIGGER documents_register BEFORE INSERT ON documents
  WHEN NEW.register_year IS NOT NULL
   AND NEW.register_number IS NOT coalesce ((SELECT max (register_number) FROM documents
                                             WHERE register_year = NEW.register_year), 0) + 1
BEGIN
  SELECT RAISE (ABORT, 'a decision takes the next number of its year''s register');
END;

CREATE TRIGGER documents_no_update BEFORE UPDATE ON documents
BEGIN
  SELECT RAISE (ABORT, 'an issued document is kept as it was issued: a correction is a new document');
END;

CREATE TRIGGER documents_no_delete BEFORE DELETE ON documents
BEGIN
  SELECT RAISE (ABORT, 'an issued document is kept as it was issued: a correction is a new document');
END;

-- Another desk's open client page follows a new document (0019).
CREATE TRIGGER client_changes_documents_insert AFTER INSERT ON documents
BEGIN
  INSERT INTO client_changes (client_id, seq)
    VALUES (new.client_id, (SELECT coalesce (max (seq), 0) + 1 FROM client_changes))
    ON CONFLICT (client_id) DO UPDATE SET seq = excluded.seq;
END;

-- ---- which document each opening read ----

-- A row of the access log (by its number in the chain) that read an
-- issued document: opened (what 14) or exported (what 6), of the
-- document's person (the store writes it in the reading's transaction;
-- the server's table checks that the row is such a reading). Append-only
-- as the log. Nothing here refers to the log table itself: a later
-- migration that copies it, as above, must not trip over this table.
CREATE TABLE document_reads (
  log_seq      INTEGER PRIMARY KEY,
  document_id  INTEGER NOT NULL REFERENCES documents (id)
) STRICT;

CREATE INDEX document_reads_document ON document_reads (document_id);

CREATE TRIGGER document_reads_no_update BEFORE UPDATE ON document_reads
BEGIN
  SELECT RAISE (ABORT, 'the access log is append-only');
END;

CREATE TRIGGER document_reads_no_delete BEFORE DELETE ON document_reads
BEGIN
  SELECT RAISE (ABORT, 'the access log is append-only');
END;
