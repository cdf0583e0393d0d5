-- 0018-case-urgency.sql — a case carries its contact's urgency, for the queue
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- SHL 36 § 1 mom and 45 § (issue 5, 1.1): every urgent case comes first in
-- the queue. The urgency is the answer recorded on the contact that opened
-- the case; the queue sorted on it through the contacts table, reading two
-- rows per waiting case for every page. A copy on the case lets one index
-- give the queue's order, so that a page reads only its own rows.
--
-- The copy can never disagree with the contact: the store writes it when it
-- opens the case (kh_db_save_intake), the triggers below refuse any other
-- value, and a change of the contact's answer moves its case with it.

ALTER TABLE cases ADD COLUMN urgent INTEGER NOT NULL DEFAULT 0 CHECK (urgent IN (0, 1));

UPDATE cases SET urgent = 1 WHERE contact_id IN (SELECT id FROM contacts WHERE urgent = 1);

CREATE TRIGGER cases_urgent_insert BEFORE INSERT ON cases
  WHEN NEW.urgent IS NOT (SELECT urgent FROM contacts WHERE id = NEW.contact_id)
BEGIN
  SELECT RAISE (ABORT, 'a case is urgent exactly when the contact that opened it is');
END;

CREATE TRIGGER cases_urgent_update BEFORE UPDATE OF urgent, contact_id ON cases
  WHEN NEW.urgent IS NOT (SELECT urgent FROM contacts WHERE id = NEW.contact_id)
BEGIN
  SELECT RAISE (ABORT, 'a case is urgent exactly when the contact that opened it is');
END;

CREATE TRIGGER contacts_urgent_to_case AFTER UPDATE OF urgent ON contacts
  WHEN NEW.urgent IS NOT OLD.urgent
BEGIN
  UPDATE cases SET urgent = NEW.urgent WHERE contact_id = NEW.id;
END;

-- The queue's order (kh_db_list_queue_query): urgent first, the longest
-- waiting first among them; then the nearest 36 § deadline, cases without
-- one after those with one; then the oldest. The expressions are the
-- ORDER BY's own, so that the index gives the order without a sort.
DROP INDEX cases_queue;
CREATE INDEX cases_queue ON cases (
  status,
  urgent DESC,
  (CASE WHEN urgent = 1 THEN 0 WHEN assessment_deadline IS NULL THEN 1 ELSE 0 END),
  (CASE WHEN urgent = 1 THEN NULL ELSE assessment_deadline END),
  opened_at);
