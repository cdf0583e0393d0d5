/* kh-log-chain.c — the access log's hash chain and its checkpoints
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kohtaamo-core"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "kh-log-chain.h"

/* The formula's version: a new formula gets a new prefix, never a changed
 * meaning for this one. */
#define CHAIN_PREFIX "kohtaamo-log-v1"

#define CHECKPOINT_GROUP "Checkpoint"
#define CHECKPOINT_FORMAT 1

void
kh_log_chain_hash (const KhLogChainRow *row,
                   char                 out[KH_LOG_HASH_LENGTH + 1])
{
  /* The longest text: the prefix, six 20-character numbers, the hash and
   * the separators, well under this. */
  char text[256];
  char client[24] = "";
  guint8 digest[32];
  gsize digest_len = sizeof digest;
  GChecksum *checksum;
  int len;

  g_return_if_fail (row != NULL && row->prev_hash != NULL);

  if (row->has_client)
    g_snprintf (client, sizeof client, "%" G_GINT64_FORMAT, row->client_id);
  len = g_snprintf (text, sizeof text,
                    CHAIN_PREFIX "|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT
                    "|%s|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT "|%.64s",
                    row->seq, row->at, row->user_id, client, row->what, row->basis,
                    row->prev_hash);
  g_assert (len > 0 && (gsize) len < sizeof text);

  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_checksum_update (checksum, (const guchar *) text, len);
  g_checksum_get_digest (checksum, digest, &digest_len);
  g_checksum_free (checksum);

  for (gsize i = 0; i < sizeof digest; i++)
    {
      out[2 * i] = "0123456789abcdef"[digest[i] >> 4];
      out[2 * i + 1] = "0123456789abcdef"[digest[i] & 0xf];
    }
  out[KH_LOG_HASH_LENGTH] = '\0';
}

gboolean
kh_log_hash_is_valid (const char *text)
{
  if (text == NULL)
    return FALSE;
  for (int i = 0; i < KH_LOG_HASH_LENGTH; i++)
    if (!((text[i] >= '0' && text[i] <= '9') || (text[i] >= 'a' && text[i] <= 'f')))
      return FALSE;
  return text[KH_LOG_HASH_LENGTH] == '\0';
}

/* ---- checkpoints ---- */

void
kh_log_checkpoint_free (KhLogCheckpoint *checkpoint)
{
  if (checkpoint == NULL)
    return;
  g_free (checkpoint->database_id);
  g_free (checkpoint->location);
  g_free (checkpoint);
}

/* A small key file that a person can read and a safe can keep:
 *
 *   # Kohtaamo access-log checkpoint …
 *   [Checkpoint]
 *   Format=1
 *   Database=3f2a…            (absent when the database has no identity)
 *   Location=/srv/kohtaamo/kohtaamo.db
 *   Seq=1234
 *   Hash=9c1e…
 *   Count=1234
 *   MadeAt=2026-12-04T18:30:00Z
 */
char *
kh_log_checkpoint_to_text (const KhLogCheckpoint *checkpoint)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GDateTime) made = NULL;
  g_autofree char *made_text = NULL;

  g_return_val_if_fail (checkpoint != NULL, NULL);

  made = g_date_time_new_from_unix_utc (checkpoint->made_at);
  made_text = g_date_time_format (made, "%Y-%m-%dT%H:%M:%SZ");

  g_key_file_set_integer (file, CHECKPOINT_GROUP, "Format", CHECKPOINT_FORMAT);
  if (checkpoint->database_id != NULL)
    g_key_file_set_string (file, CHECKPOINT_GROUP, "Database", checkpoint->database_id);
  if (checkpoint->location != NULL)
    g_key_file_set_string (file, CHECKPOINT_GROUP, "Location", checkpoint->location);
  g_key_file_set_int64 (file, CHECKPOINT_GROUP, "Seq", checkpoint->seq);
  g_key_file_set_string (file, CHECKPOINT_GROUP, "Hash", checkpoint->hash);
  g_key_file_set_uint64 (file, CHECKPOINT_GROUP, "Count", checkpoint->count);
  g_key_file_set_string (file, CHECKPOINT_GROUP, "MadeAt", made_text);
  /* The file's own words stay in English: it is read by tools and years later. */
  g_key_file_set_comment (file, CHECKPOINT_GROUP, NULL,
                          " Kohtaamo access-log checkpoint: the newest row of the log when it was\n"
                          " made. Keep it outside the database; check the log against it with\n"
                          " kohtaamo-admin log verify --checkpoint FILE",
                          NULL);
  return g_key_file_to_data (file, NULL, NULL);
}

static gboolean
invalid (GError    **error,
         const char *key)
{
  g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
               /* Translators: %s is a key in the checkpoint file, e.g. "Hash" */
               _("This is not a checkpoint of the access log: “%s” is missing or wrong."), key);
  return FALSE;
}

KhLogCheckpoint *
kh_log_checkpoint_from_text (const char  *text,
                             gsize        length,
                             GError     **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(KhLogCheckpoint) checkpoint = g_new0 (KhLogCheckpoint, 1);
  g_autoptr(GDateTime) made = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *made_text = NULL;
  g_autofree char *seq_text = NULL;
  g_autofree char *count_text = NULL;
  g_autoptr(GError) local_error = NULL;
  int format;

  g_return_val_if_fail (text != NULL, NULL);

  if (!g_key_file_load_from_data (file, text, length, G_KEY_FILE_NONE, NULL) ||
      !g_key_file_has_group (file, CHECKPOINT_GROUP))
    {
      g_set_error_literal (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                           _("This is not a checkpoint of the access log."));
      return NULL;
    }

  format = g_key_file_get_integer (file, CHECKPOINT_GROUP, "Format", &local_error);
  if (local_error != NULL || format != CHECKPOINT_FORMAT)
    {
      invalid (error, "Format");
      return NULL;
    }

  checkpoint->database_id = g_key_file_get_string (file, CHECKPOINT_GROUP, "Database", NULL);
  checkpoint->location = g_key_file_get_string (file, CHECKPOINT_GROUP, "Location", NULL);

  /* Strictly decimal: g_key_file_get_int64 would take "12abc". */
  seq_text = g_key_file_get_string (file, CHECKPOINT_GROUP, "Seq", NULL);
  if (seq_text == NULL ||
      !g_ascii_string_to_signed (seq_text, 10, 1, G_MAXINT64, &checkpoint->seq, NULL))
    {
      invalid (error, "Seq");
      return NULL;
    }
  count_text = g_key_file_get_string (file, CHECKPOINT_GROUP, "Count", NULL);
  if (count_text == NULL ||
      !g_ascii_string_to_unsigned (count_text, 10, 1, G_MAXINT64, &checkpoint->count, NULL))
    {
      invalid (error, "Count");
      return NULL;
    }

  hash = g_key_file_get_string (file, CHECKPOINT_GROUP, "Hash", NULL);
  if (!kh_log_hash_is_valid (hash))
    {
      invalid (error, "Hash");
      return NULL;
    }
  memcpy (checkpoint->hash, hash, KH_LOG_HASH_LENGTH + 1);

  made_text = g_key_file_get_string (file, CHECKPOINT_GROUP, "MadeAt", NULL);
  if (made_text != NULL)
    made = g_date_time_new_from_iso8601 (made_text, NULL);
  if (made == NULL)
    {
      invalid (error, "MadeAt");
      return NULL;
    }
  checkpoint->made_at = g_date_time_to_unix (made);

  return g_steal_pointer (&checkpoint);
}
