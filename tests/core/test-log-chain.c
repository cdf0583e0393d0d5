/* test-log-chain.c — the access log's hash formula and checkpoint files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The expected hashes were computed once outside Kohtaamo, with coreutils:
 *   printf '%s' 'kohtaamo-log-v1|1|1772431200|1|100|1|2|000…000' | sha256sum
 * and pasted here; they are the contract the PostgreSQL server function
 * computes too (issue 6, item 4).
 */
#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "core/kh-log-chain.h"

#define ZEROS "0000000000000000000000000000000000000000000000000000000000000000"
#define HASH_1 "cc570a0ca121044a86260b55649e0f1083164e7ff08579c0e5c96089c454239d"
#define HASH_2 "e7c74c27963e9c028db40ccaecac5dcbcbfcefcb31e25faac4e1efb502e53ae9"

typedef struct {
  const char    *name;
  KhLogChainRow  row;
  const char    *expected;
} HashRow;

static const HashRow hash_rows[] = {
  /* kohtaamo-log-v1|1|1772431200|1|100|1|2|000…0 */
  { "first row, about a person",
    { 1, G_GINT64_CONSTANT (1772431200), 1, TRUE, 100, 1, 2, ZEROS }, HASH_1 },
  /* kohtaamo-log-v1|2|1772431260|3||7|4|<HASH_1> */
  { "second row, about nobody, chained to the first",
    { 2, G_GINT64_CONSTANT (1772431260), 3, FALSE, 0, 7, 4, HASH_1 }, HASH_2 },
  /* kohtaamo-log-v1|3|0|1|9223372036854775807|10|1|<HASH_2> */
  { "largest id, time zero",
    { 3, 0, 1, TRUE, G_MAXINT64, 10, 1, HASH_2 },
    "079d8ef2a40134c876df77e089abfe45b27c3d4a013b68171e60ce6b3447f18a" },
  /* kohtaamo-log-v1|1|-1|1|0|1|1|000…0: client 0 is written, not left empty */
  { "negative time, client id zero",
    { 1, -1, 1, TRUE, 0, 1, 1, ZEROS },
    "76f421719ff0d9f68d8143bddc376126c0f27829f3132d817b3764fd82629733" },
  /* kohtaamo-log-v1|1|1772431200|1||1|2|000…0 */
  { "NULL client differs from a client",
    { 1, G_GINT64_CONSTANT (1772431200), 1, FALSE, 100, 1, 2, ZEROS },
    "db58a9c3e46c3500bedccf86f508c196420da764f7115b8f74470b677a1ddbe6" },
};

static void
test_hash (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (hash_rows); i++)
    {
      char hash[KH_LOG_HASH_LENGTH + 1];

      g_test_message ("%s", hash_rows[i].name);
      kh_log_chain_hash (&hash_rows[i].row, hash);
      g_assert_cmpstr (hash, ==, hash_rows[i].expected);
      g_assert_true (kh_log_hash_is_valid (hash));
    }
}

static void
test_hash_is_valid (void)
{
  static const struct { const char *text; gboolean valid; } rows[] = {
    { ZEROS, TRUE },
    { HASH_1, TRUE },
    { NULL, FALSE },
    { "", FALSE },
    { "cc570a0ca121044a86260b55649e0f1083164e7ff08579c0e5c96089c454239", FALSE },    /* 63 */
    { "cc570a0ca121044a86260b55649e0f1083164e7ff08579c0e5c96089c454239d0", FALSE },  /* 65 */
    { "CC570A0CA121044A86260B55649E0F1083164E7FF08579C0E5C96089C454239D", FALSE },   /* upper */
    { "gc570a0ca121044a86260b55649e0f1083164e7ff08579c0e5c96089c454239d", FALSE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (rows); i++)
    g_assert_cmpint (kh_log_hash_is_valid (rows[i].text), ==, rows[i].valid);
}

static void
test_checkpoint_round_trip (void)
{
  KhLogCheckpoint written = {
    .database_id = (char *) "5f0c6d2ab1e94a8c9e37d0b4c2a81f66",
    .location = (char *) "/srv/kohtaamo/yksikkö.db",
    .seq = 1234,
    .hash = HASH_2,
    .count = 1234,
    .made_at = G_GINT64_CONSTANT (1796410200),   /* 2026-12-04T18:50:00Z */
  };
  g_autofree char *text = kh_log_checkpoint_to_text (&written);
  g_autoptr(KhLogCheckpoint) read = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (strstr (text, "\n[Checkpoint]\nFormat=1\n"
                                  "Database=5f0c6d2ab1e94a8c9e37d0b4c2a81f66\n"
                                  "Location=/srv/kohtaamo/yksikkö.db\n"
                                  "Seq=1234\n"
                                  "Hash=" HASH_2 "\n"
                                  "Count=1234\n"
                                  "MadeAt=2026-12-04T18:50:00Z\n"));
  g_assert_true (g_str_has_prefix (text, "# Kohtaamo access-log checkpoint"));

  read = kh_log_checkpoint_from_text (text, strlen (text), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read->database_id, ==, "5f0c6d2ab1e94a8c9e37d0b4c2a81f66");
  g_assert_cmpstr (read->location, ==, "/srv/kohtaamo/yksikkö.db");
  g_assert_cmpint (read->seq, ==, 1234);
  g_assert_cmpstr (read->hash, ==, HASH_2);
  g_assert_cmpuint (read->count, ==, 1234);
  g_assert_cmpint (read->made_at, ==, G_GINT64_CONSTANT (1796410200));
}

static void
test_checkpoint_refused (void)
{
  static const struct { const char *text; const char *key; } rows[] = {
    { "", NULL },
    { "hello", NULL },
    { "[Other]\nSeq=1\n", NULL },
    { "[Checkpoint]\nFormat=2\nSeq=1\nHash=" HASH_1 "\nCount=1\nMadeAt=2026-12-04T18:50:00Z\n", "Format" },
    { "[Checkpoint]\nFormat=1\nSeq=0\nHash=" HASH_1 "\nCount=1\nMadeAt=2026-12-04T18:50:00Z\n", "Seq" },
    { "[Checkpoint]\nFormat=1\nSeq=12abc\nHash=" HASH_1 "\nCount=1\nMadeAt=2026-12-04T18:50:00Z\n", "Seq" },
    { "[Checkpoint]\nFormat=1\nSeq=1\nHash=" HASH_1 "\nCount=0\nMadeAt=2026-12-04T18:50:00Z\n", "Count" },
    { "[Checkpoint]\nFormat=1\nSeq=1\nHash=abc\nCount=1\nMadeAt=2026-12-04T18:50:00Z\n", "Hash" },
    { "[Checkpoint]\nFormat=1\nSeq=1\nHash=" HASH_1 "\nCount=1\nMadeAt=yesterday\n", "MadeAt" },
    { "[Checkpoint]\nFormat=1\nSeq=1\nHash=" HASH_1 "\nCount=1\n", "MadeAt" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(KhLogCheckpoint) read = kh_log_checkpoint_from_text (rows[i].text,
                                                                     strlen (rows[i].text),
                                                                     &error);

      g_assert_null (read);
      g_assert_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE);
      if (rows[i].key != NULL)
        {
          g_autofree char *quoted = g_strdup_printf ("“%s”", rows[i].key);

          g_assert_nonnull (strstr (error->message, quoted));
        }
    }
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/log-chain/hash", test_hash);
  g_test_add_func ("/log-chain/hash-is-valid", test_hash_is_valid);
  g_test_add_func ("/log-chain/checkpoint-round-trip", test_checkpoint_round_trip);
  g_test_add_func ("/log-chain/checkpoint-refused", test_checkpoint_refused);
  return g_test_run ();
}
