-- 0015-contact-joins-case.sql — a contact can join a case already pending
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Issue 5, 2.3 "no silent second case": a person who already has a pending
-- case (queued or with a worker) gets no second one by accident. The form
-- asks, and the contact can be attached to the case that is pending:
-- `attached_case_id` names it, and then the contact opens no case of its
-- own. The store checks the case (kh_db_save_intake); these triggers are
-- the last line: the case is the same person's, not closed, and the
-- contact is one that would have opened a case.

ALTER TABLE contacts ADD COLUMN attached_case_id INTEGER REFERENCES cases (id);

CREATE TRIGGER contacts_attached_case_insert BEFORE INSERT ON contacts
  WHEN NEW.attached_case_id IS NOT NULL
   AND (NEW.opens_case = 0
        OR NOT EXISTS (SELECT 1 FROM cases
                       WHERE id = NEW.attached_case_id AND client_id = NEW.client_id
                         AND status <> 3))
BEGIN
  SELECT RAISE (ABORT, 'a contact joins only a pending case of the same person');
END;

CREATE TRIGGER contacts_attached_case_update BEFORE UPDATE OF attached_case_id, opens_case, client_id ON contacts
  WHEN NEW.attached_case_id IS NOT NULL
   AND (NEW.opens_case = 0
        OR NOT EXISTS (SELECT 1 FROM cases
                       WHERE id = NEW.attached_case_id AND client_id = NEW.client_id))
BEGIN
  SELECT RAISE (ABORT, 'a contact joins only a pending case of the same person');
END;

-- A contact that joined a case opens none of its own.
CREATE TRIGGER cases_not_by_attached_contact BEFORE INSERT ON cases
  WHEN EXISTS (SELECT 1 FROM contacts WHERE id = NEW.contact_id AND attached_case_id IS NOT NULL)
BEGIN
  SELECT RAISE (ABORT, 'a contact that joined a pending case opens no case of its own');
END;
