-- 0006-kela-from-authority.sql — a Kela notification comes from an authority
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Kela is an authority: a Kela notification (channel 7) is made by an
-- authority (contactor 3), and so its kind of contact under Social Welfare
-- Act 35 § is allowed by the contactor rule of 0001 (TTL 14 e § applies
-- SHL 35 § to Kela). SQLite cannot change a CHECK in place, so triggers add
-- the rule for new and changed rows. Rows saved before it stay as they were
-- recorded: who made a contact is a fact this migration cannot know.

CREATE TRIGGER contacts_kela_from_authority_insert BEFORE INSERT ON contacts
  WHEN NEW.channel = 7 AND NEW.contactor <> 3
BEGIN
  SELECT RAISE (ABORT, 'a Kela notification comes from Kela, an authority');
END;

CREATE TRIGGER contacts_kela_from_authority_update BEFORE UPDATE OF channel, contactor ON contacts
  WHEN NEW.channel = 7 AND NEW.contactor <> 3
BEGIN
  SELECT RAISE (ABORT, 'a Kela notification comes from Kela, an authority');
END;
