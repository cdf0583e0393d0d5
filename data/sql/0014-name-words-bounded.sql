-- 0014-name-words-bounded.sql — name words with a bounded sort prefix
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- 0003 stored every name word with the person's WHOLE sort key, so that a
-- name of n words took n copies of a key as long as the name: the index
-- grew with the square of the name. A 23 KB last name grew a database from
-- 2.7 MB to 751 MB (issue 5, 1.13). Now each word carries only the first
-- 24 bytes of the key, and kh-db-clients.c orders the people whose
-- prefixes tie by their whole key in clients.sort_key: the index is the
-- size of the name plus a constant per word.
--
-- So that the 24 bytes tell most people apart, the sort key now puts the
-- primary weights of both names first (last name 0x01 first names 0x01
-- 0x01, then accents and case): "Virtanen Aino" and "Virtanen Veikko"
-- differ within the prefix. kh-db.c remakes the keys, the folded names and
-- the words of every person whose sort key is NULL when it opens the
-- database.

DROP TRIGGER clients_words_delete;
DROP INDEX client_words_word;
DROP INDEX client_words_client;
DROP TABLE client_words;

CREATE TABLE client_words (
  word         TEXT NOT NULL CHECK (length (word) > 0 AND word NOT GLOB '* *'),
  sort_prefix  BLOB NOT NULL CHECK (length (sort_prefix) BETWEEN 1 AND 24),
  client_id    INTEGER NOT NULL
) STRICT;

CREATE INDEX client_words_word ON client_words (word, sort_prefix, client_id);
CREATE INDEX client_words_client ON client_words (client_id);

CREATE TRIGGER clients_words_delete AFTER DELETE ON clients
BEGIN
  DELETE FROM client_words WHERE client_id = old.id;
END;

UPDATE clients SET sort_key = NULL, search_text = NULL;
