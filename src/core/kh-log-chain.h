/* kh-log-chain.h — the access log's hash chain and its checkpoints
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ATL 703/2023 (domain-law.md 4.1): the access log is kept for 12 years and
 * the client has a right to it, so it has to be believable years later.
 * Each row carries a sequence number (1, 2, 3 … without gaps) and the hash
 * of the row before it, so that a row changed, inserted or deleted behind
 * the program's back is found. Both engines use this one formula: SQLite
 * through this function, PostgreSQL in a server function that computes the
 * same text with its built-in sha256().
 *
 *   hash = lower-hex (SHA-256 (UTF-8 text of
 *     "kohtaamo-log-v1|<seq>|<at>|<user_id>|<client_id or empty>|<what>|<basis>|<prev_hash>"))
 *
 * with the numbers in decimal (`at` in Unix seconds) and the first row's
 * prev_hash 64 zeros.
 *
 * A checkpoint (the newest row's sequence number and hash, the count, when,
 * and which database) is kept outside the database: it finds what the chain
 * alone cannot, the newest rows cut off the end.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Characters of a hash in hex, without the terminating NUL. */
#define KH_LOG_HASH_LENGTH 64
/* The first row's prev_hash. */
#define KH_LOG_FIRST_PREV_HASH \
  "0000000000000000000000000000000000000000000000000000000000000000"

/* One row of the access log as the chain sees it. */
typedef struct {
  gint64      seq;
  gint64      at;          /* Unix seconds */
  gint64      user_id;
  gboolean    has_client;  /* FALSE: client_id is NULL (a read about nobody) */
  gint64      client_id;
  gint64      what;        /* KhAccessWhat */
  gint64      basis;       /* KhAccessBasis */
  const char *prev_hash;
} KhLogChainRow;

/* The row's hash as 64 lower-case hex digits into `out` (NUL-terminated). */
void      kh_log_chain_hash          (const KhLogChainRow *row,
                                      char                 out[KH_LOG_HASH_LENGTH + 1]);
/* Whether `text` is 64 lower-case hex digits. */
gboolean  kh_log_hash_is_valid       (const char          *text);

/* ---- checkpoints ---- */

typedef struct {
  /* The database's identity (the setting "database_id"); NULL if it has none. */
  char    *database_id;
  /* Where the database was (a file, or a server), for the reader. */
  char    *location;
  gint64   seq;              /* the newest row at the time */
  char     hash[KH_LOG_HASH_LENGTH + 1];
  guint64  count;            /* rows in the log at the time */
  gint64   made_at;          /* Unix seconds */
} KhLogCheckpoint;

void      kh_log_checkpoint_free     (KhLogCheckpoint     *checkpoint);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KhLogCheckpoint, kh_log_checkpoint_free)

/* The checkpoint as a small key file (UTF-8 text, see kh-log-chain.c). */
char     *kh_log_checkpoint_to_text  (const KhLogCheckpoint *checkpoint);
/* Reads what kh_log_checkpoint_to_text wrote; G_KEY_FILE_ERROR_INVALID_VALUE
 * with a translated message naming what is wrong otherwise. */
KhLogCheckpoint *kh_log_checkpoint_from_text (const char  *text,
                                              gsize        length,
                                              GError     **error);

G_END_DECLS
