-- 0020-request-ids.sql — a save that is repeated is not saved twice
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Issue 6, item 7. When the connection to the database is lost just as a
-- save commits, the program cannot know whether the save was made: the
-- form keeps what was typed and saves it again when the connection is
-- back. Each submission of the intake form carries a request id that the
-- program makes once (a random UUID, g_uuid_string_random), the same for
-- every attempt of that submission; the contact records it, and an
-- attempt whose id is already there returns the contact that was saved
-- (kh_db_save_intake) instead of inserting another. The UNIQUE index
-- restates it for any writer, and the id never changes after the insert.

ALTER TABLE contacts ADD COLUMN request_id TEXT
  CHECK (request_id IS NULL
         OR (length (request_id) = 36 AND request_id NOT GLOB '*[^0-9a-f-]*'));

CREATE UNIQUE INDEX contacts_request_id ON contacts (request_id);

CREATE TRIGGER contacts_request_id_kept
  BEFORE UPDATE OF request_id ON contacts
  FOR EACH ROW WHEN new.request_id IS NOT old.request_id
BEGIN
  SELECT RAISE (ABORT, 'the request id of a contact never changes');
END;
