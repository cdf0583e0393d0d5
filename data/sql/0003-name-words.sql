-- 0003-name-words.sql — one row per folded name word, in Finnish order
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Measured on 100 000 people: a prefix typed at the desk that matches a few
-- thousand people clustered under one last name ("niem", "mäk") cost 10–25 ms
-- either way of 0002 (sorting every FTS hit, or walking all names before
-- the cluster). Here a prefix is a range of this index, read in order of
-- (word, sort_key): a few thousand neighbouring entries, well under 1 ms.
-- kh-db.c writes the words with each person; this trigger removes them.

CREATE TABLE client_words (
  word       TEXT NOT NULL CHECK (length (word) > 0 AND word NOT GLOB '* *'),
  sort_key   BLOB NOT NULL,
  client_id  INTEGER NOT NULL
) STRICT;

CREATE INDEX client_words_word ON client_words (word, sort_key, client_id);
CREATE INDEX client_words_client ON client_words (client_id);

CREATE TRIGGER clients_words_delete AFTER DELETE ON clients
BEGIN
  DELETE FROM client_words WHERE client_id = old.id;
END;

-- kh-db.c remakes the keys, the folded names and the words of every person
-- whose sort key is NULL when it opens the database.
UPDATE clients SET sort_key = NULL, search_text = NULL;
