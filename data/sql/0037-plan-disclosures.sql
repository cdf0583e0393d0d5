-- 0037-plan-disclosures.sql — a client plan given to a partner agency
-- keeps to whom and the consent it rests on (issue 9, 6)
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- A joint client plan (SHL 39 §, 41 §) is given to a partner agency only
-- as far as the client has consented (kh_client_plan_for_partner decides
-- what the extract holds). Giving it is a disclosure of client data, which
-- ATL 703/2023 10 § has the unit log with its recipient and the consent
-- used. So the issued document keeps the agency's entry in the client's
-- network (disclosed_to) and the consent (consent_id), and the rule below
-- holds whatever program writes: only a client plan (kind 6) is given so;
-- the entry is an agency in this person's network; the consent is that
-- agency's, covers giving it the plan (KH_CONSENT_SHARE_PLAN, 4), was given
-- by the sending day, has not ended by it, and was not withdrawn by it.
-- Documents are never changed (0031), so the rule is checked once, when the
-- document is issued.

ALTER TABLE documents ADD COLUMN disclosed_to INTEGER REFERENCES network_members (id);
ALTER TABLE documents ADD COLUMN consent_id INTEGER REFERENCES network_consents (id);

CREATE INDEX documents_disclosed_to ON documents (disclosed_to);

CREATE TRIGGER documents_disclosure BEFORE INSERT ON documents
  WHEN NEW.disclosed_to IS NOT NULL OR NEW.consent_id IS NOT NULL
BEGIN
  SELECT RAISE (ABORT, 'a document is given to a partner agency only as a client plan, resting on the client''s consent in force on the sending day to giving that agency the plan')
  WHERE NEW.kind IS NOT 6 OR NEW.disclosed_to IS NULL OR NEW.consent_id IS NULL
     OR NOT EXISTS (SELECT 1
                    FROM network_members m
                    JOIN network_consents c ON c.member_id = m.id
                    WHERE m.id = NEW.disclosed_to AND m.client_id = NEW.client_id AND m.kind = 2
                      AND c.id = NEW.consent_id AND (c.scope & 4) = 4
                      AND c.given_on <= NEW.sent_on
                      AND (c.expires_on IS NULL OR c.expires_on >= NEW.sent_on)
                      AND NOT EXISTS (SELECT 1 FROM network_consent_withdrawals w
                                      WHERE w.consent_id = c.id AND w.withdrawn_on <= NEW.sent_on));
END;
