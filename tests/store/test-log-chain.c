/* test-log-chain.c — the access log's hash chain, verified and tampered with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 6, item 4: "a log row rewritten or deleted in a SQLite file is found
 * by log verify". Each test makes a log of ten rows by reading a person ten
 * times through the store, then does with the sqlite3 library on the file
 * what a person with the file could (dropping the append-only triggers
 * first), and checks that kh_db_verify_access_log names the first row that
 * is wrong. The expected hashes of fixed rows were computed once with
 * `printf '%s' 'kohtaamo-log-v1|…' | sha256sum`, not by the code under test.
 */
#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include "store-test-util.h"

#define N_READS 10

#define ZEROS "0000000000000000000000000000000000000000000000000000000000000000"
/* kohtaamo-log-v1|1|1772431200|1|100|1|2|<ZEROS> */
#define FIXED_1 "cc570a0ca121044a86260b55649e0f1083164e7ff08579c0e5c96089c454239d"
/* kohtaamo-log-v1|2|1772431260|1||7|4|<FIXED_1> */
#define FIXED_2 "17dc94290e6d067f5f7fe1db30adce81b9b1664d131ef128ac2bb1c4f7e7736c"
/* kohtaamo-log-v1|3|1772431320|1|101|10|1|<FIXED_2> */
#define FIXED_3 "76924964f59d2d549295ede06e8d5d10777f689316cced9b9240de50e25fb976"

typedef struct
{
  Fixture  f;
  gint64   aino;
  RawDb   *raw;
} ChainFixture;

static void
chain_set_up (ChainFixture  *cf,
              gconstpointer  data)
{
  fixture_set_up (&cf->f, data);
  cf->aino = add_client (&cf->f, "Mäkinen", "Aino", "1950-04-02", 931);
  for (int i = 0; i < N_READS; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(KhClient) read = kh_db_get_client (cf->f.db, cf->f.admin, cf->aino, KH_ACCESS_PAGE,
                                                   KH_BASIS_CLIENT_RELATIONSHIP, &error);

      g_assert_no_error (error);
    }
  cf->raw = raw_connect (&cf->f);
  g_assert_cmpint (raw_number (cf->raw, "SELECT count(*) FROM access_log"), ==, N_READS);
  g_assert_cmpint (raw_number (cf->raw, "SELECT max (seq) FROM access_log"), ==, N_READS);
}

static void
chain_tear_down (ChainFixture  *cf,
                 gconstpointer  data)
{
  raw_close (cf->raw);
  fixture_tear_down (&cf->f, data);
}

static void
raw_exec (RawDb      *raw,
          const char *sql)
{
  raw_run (raw, sql);
}

/* Deletes the row `seq` past the append-only trigger, as the file's owner
 * (SQLite) or the server's superuser (PostgreSQL) could. */
static void
delete_row (ChainFixture *cf,
            int           seq)
{
  g_autofree char *sql = g_strdup_printf ("%s; DELETE FROM access_log WHERE seq = %d",
                                          cf->raw->pg != NULL
                                            ? "ALTER TABLE access_log DISABLE TRIGGER access_log_no_delete"
                                            : "DROP TRIGGER access_log_no_delete",
                                          seq);

  raw_run (cf->raw, sql);
}

static gint64
id_of_seq (ChainFixture *cf,
           int           seq)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM access_log WHERE seq = %d", seq);

  return raw_number (cf->raw, sql);
}

static void
verify (ChainFixture          *cf,
        const KhLogCheckpoint *checkpoint,
        KhLogVerifyResult     *result)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (kh_db_verify_access_log (cf->f.db, cf->f.admin, checkpoint, result, &error));
  g_assert_no_error (error);
}

static KhLogCheckpoint *
checkpoint_now (ChainFixture *cf)
{
  g_autoptr(GError) error = NULL;
  KhLogVerifyResult result;
  KhLogCheckpoint *checkpoint = kh_db_make_log_checkpoint (cf->f.db, cf->f.admin, &result, &error);

  g_assert_no_error (error);
  g_assert_nonnull (checkpoint);
  g_assert_cmpint (result.status, ==, KH_LOG_CHAIN_INTACT);
  return checkpoint;
}

/* The rows the store writes are chained by the formula: each one's hash is
 * SHA-256 of its text, worked out here from its columns, and links to the
 * one before. */
static void
test_store_writes_the_chain (ChainFixture  *cf,
                             gconstpointer  data)
{
  KhLogVerifyResult result;
  g_autofree char *prev = g_strdup (ZEROS);
  g_autoptr(GPtrArray) rows = raw_rows (cf->raw, "SELECT seq, at, user_id, client_id, what, basis, "
                                                 "  prev_hash, hash FROM access_log ORDER BY id");
  gint64 seq = 0;

  for (guint r = 0; r < rows->len; r++)
    {
      g_autofree char *text = NULL;
      g_autofree char *expected = NULL;

      g_assert_cmpint (g_ascii_strtoll (raw_cell (rows, r, 0), NULL, 10), ==, ++seq);
      g_assert_cmpstr (raw_cell (rows, r, 6), ==, prev);
      text = g_strdup_printf ("kohtaamo-log-v1|%lld|%s|%s|%s|%s|%s|%s",
                              (long long) seq, raw_cell (rows, r, 1), raw_cell (rows, r, 2),
                              raw_cell (rows, r, 3), raw_cell (rows, r, 4), raw_cell (rows, r, 5),
                              prev);
      g_assert_cmpint (atoi (raw_cell (rows, r, 4)), ==, KH_ACCESS_PAGE);
      g_assert_cmpint (atoi (raw_cell (rows, r, 5)), ==, KH_BASIS_CLIENT_RELATIONSHIP);
      expected = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
      g_assert_cmpstr (raw_cell (rows, r, 7), ==, expected);
      g_free (prev);
      prev = g_strdup (expected);
    }
  g_assert_cmpint (seq, ==, N_READS);

  verify (cf, NULL, &result);
  g_assert_cmpint (result.status, ==, KH_LOG_CHAIN_INTACT);
  g_assert_cmpuint (result.count, ==, N_READS);
  g_assert_cmpint (result.last_seq, ==, N_READS);
  g_assert_cmpstr (result.last_hash, ==, prev);
}

/* Rows with fixed contents verify to the hashes computed outside. */
static void
test_fixed_rows (void)
{
  Fixture f;
  KhLogVerifyResult result;
  g_autoptr(GError) error = NULL;
  RawDb *raw;
  /* On a server the superuser writes past the chain's trigger (which would
   * take its own clock), and moves the chain's head as the trigger does. */
#define FIXED_ROW(values) \
  "INSERT INTO access_log (at, user_id, client_id, what, basis, seq, prev_hash, hash%s) VALUES " \
  "  (" values "%s);"

  fixture_set_up (&f, NULL);
  raw = raw_connect (&f);
  if (raw->pg != NULL)
    raw_exec (raw, "BEGIN; SET LOCAL session_replication_role = replica");
  {
    const char *column = raw->pg != NULL ? ", xact" : "";
    const char *value = raw->pg != NULL ? ", pg_current_xact_id ()" : "";
    g_autofree char *sql = g_strdup_printf (
      "INSERT INTO clients (id, identity_kind, no_code_reason, birth_date, last_name, "
      "  first_names, language, created_at, updated_at) VALUES "
      "  (100, 2, 1, '1950-01-01', 'Mäkinen', 'Aino', 1, 0, 0), "
      "  (101, 2, 1, '1948-11-20', 'Lindqvist', 'Stina', 2, 0, 0);"
      FIXED_ROW ("1772431200, 1, 100, 1, 2, 1, '" ZEROS "', '" FIXED_1 "'")
      FIXED_ROW ("1772431260, 1, NULL, 7, 4, 2, '" FIXED_1 "', '" FIXED_2 "'")
      FIXED_ROW ("1772431320, 1, 101, 10, 1, 3, '" FIXED_2 "', '" FIXED_3 "'"),
      column, value, column, value, column, value);

    raw_exec (raw, sql);
  }
#undef FIXED_ROW
  if (raw->pg != NULL)
    raw_exec (raw, "UPDATE access_log_head SET seq = 3, hash = '" FIXED_3 "'; COMMIT");
  raw_close (raw);

  g_assert_true (kh_db_verify_access_log (f.db, f.admin, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result.status, ==, KH_LOG_CHAIN_INTACT);
  g_assert_cmpuint (result.count, ==, 3);
  g_assert_cmpint (result.last_seq, ==, 3);
  g_assert_cmpstr (result.last_hash, ==, FIXED_3);

  /* The store's next row follows the fixed ones. */
  {
    g_autoptr(KhClient) read = kh_db_get_client (f.db, f.admin, 100, KH_ACCESS_PAGE,
                                                 KH_BASIS_CLIENT_RELATIONSHIP, &error);
    g_assert_no_error (error);
  }
  raw = raw_connect (&f);
  g_assert_cmpint (raw_number (raw, "SELECT count(*) FROM access_log WHERE seq = 4 "
                                    "AND prev_hash = '" FIXED_3 "'"), ==, 1);
  raw_close (raw);
  fixture_tear_down (&f, NULL);
}

/* An empty log is intact, and says so. */
static void
test_empty (void)
{
  Fixture f;
  KhLogVerifyResult result;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  fixture_set_up (&f, NULL);
  g_assert_true (kh_db_verify_access_log (f.db, f.admin, NULL, &result, &error));
  g_assert_cmpint (result.status, ==, KH_LOG_CHAIN_INTACT);
  g_assert_cmpuint (result.count, ==, 0);
  g_assert_cmpint (result.last_seq, ==, 0);
  text = kh_log_verify_result_describe (&result, NULL);
  g_assert_cmpstr (text, ==, "The access log is intact: it has no rows yet.");
  fixture_tear_down (&f, NULL);
}

/* UPDATE after dropping the trigger: the changed row is named. */
static void
test_updated_row (ChainFixture  *cf,
                  gconstpointer  data)
{
  KhLogVerifyResult result;
  g_autofree char *text = NULL;

  raw_exec (cf->raw, "DROP TRIGGER access_log_no_update;"
                     "UPDATE access_log SET client_id = NULL WHERE seq = 4");
  verify (cf, NULL, &result);
  g_assert_cmpint (result.status, ==, KH_LOG_CHAIN_CHANGED);
  g_assert_cmpint (result.broken_seq, ==, 4);
  g_assert_cmpint (result.broken_id, ==, id_of_seq (cf, 4));
  g_assert_cmpuint (result.count, ==, 3);
  g_assert_cmpint (result.last_seq, ==, 3);
  text = kh_log_verify_result_describe (&result, NULL);
  g_assert_cmpstr (text, ==, "Row 4 of the access log has been changed: its contents no longer "
                             "give its hash. The rows before it are intact.");
}

/* The same change with the row's own hash recomputed by the formula: the
 * next row no longer follows it. */
static void
test_updated_row_rehashed (ChainFixture  *cf,
                           gconstpointer  data)
{
  KhLogVerifyResult result;
  g_autofree char *text = NULL;
  g_autofree char *update = NULL;
  g_autofree char *prev = NULL;
  char hash[KH_LOG_HASH_LENGTH + 1];
  sqlite3_stmt *stmt = NULL;
  KhLogChainRow row = { 0 };

  g_assert_cmpint (sqlite3_prepare_v2 (cf->raw->lite, "SELECT at, user_id, prev_hash FROM access_log "
                                                "WHERE seq = 4", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  prev = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  row = (KhLogChainRow) { 4, sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
                          FALSE, 0, KH_ACCESS_PAGE, KH_BASIS_CLIENT_RELATIONSHIP, prev };
  sqlite3_finalize (stmt);
  kh_log_chain_hash (&row, hash);

  update = g_strdup_printf ("DROP TRIGGER access_log_no_update;"
                            "UPDATE access_log SET client_id = NULL, hash = '%s' WHERE seq = 4", hash);
  raw_exec (cf->raw, update);
  verify (cf, NULL, &result);
  g_assert_cmpint (result.status, ==, KH_LOG_CHAIN_RELINKED);
  g_assert_cmpint (result.broken_seq, ==, 5);
  g_assert_cmpint (result.broken_id, ==, id_of_seq (cf, 5));
  g_assert_cmpint (result.last_seq, ==, 4);
  text = kh_log_verify_result_describe (&result, NULL);
  g_assert_cmpstr (text, ==, "Row 5 of the access log does not follow row 4: one of them has "
                             "been rewritten, or a row put in between.");
}

/* INSERT OR REPLACE over a row: with the triggers in place refused; with
 * the chain's trigger dropped, the replaced row is named. */
static void
test_replaced_row (ChainFixture  *cf,
                   gconstpointer  data)
{
  KhLogVerifyResult result;

  g_assert_cmpint (sqlite3_exec (cf->raw->lite,
                                 "INSERT OR REPLACE INTO access_log (id, at, user_id, client_id, what, basis, "
                                 "  seq, prev_hash, hash) "
                                 "SELECT id, at, user_id, NULL, what, basis, seq, prev_hash, hash "
                                 "FROM access_log WHERE seq = 6", NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  verify (cf, NULL, &result);
  g_assert_cmpint (result.status, ==, KH_LOG_CHAIN_INTACT);

  raw_exec (cf->raw, "DROP TRIGGER access_log_chain_insert;"
                     "INSERT OR REPLACE INTO access_log (id, at, user_id, client_id, what, basis, "
                     "  seq, prev_hash, hash) "
                     "SELECT id, at, user_id, NULL, what, basis, seq, prev_hash, hash "
                     "FROM access_log WHERE seq = 6");
  g_assert_cmpint (raw_number (cf->raw, "SELECT count(*) FROM access_log"), ==, N_READS);
  verify (cf, NULL, &result);
  g_assert_cmpint (result.status, ==, KH_LOG_CHAIN_CHANGED);
  g_assert_cmpint (result.broken_seq, ==, 6);
  g_assert_cmpint (result.broken_id, ==, id_of_seq (cf, 6));
}

/* INSERT OR REPLACE that passes the chain's trigger (the next number, the
 * newest hash) but takes an old row's id: that row is gone, and named. */
static void
test_replaced_row_by_id (ChainFixture  *cf,
                         gconstpointer  data)
{
  KhLogVerifyResult result;
  g_autofree char *text = NULL;

  raw_exec (cf->raw, "INSERT OR REPLACE INTO access_log (id, at, user_id, client_id, what, basis, "
                     "  seq, prev_hash, hash) "
                     "SELECT (SELECT id FROM access_log WHERE seq = 3), at, user_id, client_id, what, "
                     "  basis, seq + 1, hash, hash FROM access_log WHERE seq = 10");
  verify (cf, NULL, &result);
  g_assert_cmpint (result.status, ==, KH_LOG_CHAIN_MISSING);
  g_assert_cmpint (result.broken_seq, ==, 3);
  g_assert_cmpint (result.found_seq, ==, 4);
  g_assert_cmpint (result.broken_id, ==, 0);
  text = kh_log_verify_result_describe (&result, NULL);
  g_assert_cmpstr (text, ==, "Row 3 of the access log is missing: it has been deleted.");
}

/* DELETE after dropping the trigger: the first missing row is named. */
static void
test_deleted_rows (ChainFixture  *cf,
                   gconstpointer  data)
{
  KhLogVerifyResult result;
  g_autofree char *text = NULL;

  raw_exec (cf->raw, "DROP TRIGGER access_log_no_delete;"
                     "DELETE FROM access_log WHERE seq IN (6, 7)");
  verify (cf, NULL, &result);
  g_assert_cmpint (result.status, ==, KH_LOG_CHAIN_MISSING);
  g_assert_cmpint (result.broken_seq, ==, 6);
  g_assert_cmpint (result.found_seq, ==, 8);
  g_assert_cmpuint (result.count, ==, 5);
  text = kh_log_verify_result_describe (&result, NULL);
  g_assert_cmpstr (text, ==, "Rows 6–7 of the access log are missing: they have been deleted.");

  /* The first row too. */
  raw_exec (cf->raw, "DELETE FROM access_log WHERE seq = 1");
  verify (cf, NULL, &result);
  g_assert_cmpint (result.status, ==, KH_LOG_CHAIN_MISSING);
  g_assert_cmpint (result.broken_seq, ==, 1);
  g_assert_cmpuint (result.count, ==, 0);
}

/* The newest rows deleted: the chain alone cannot tell, a checkpoint made
 * before can. */
static void
test_truncated_tail (ChainFixture  *cf,
                     gconstpointer  data)
{
  g_autoptr(KhLogCheckpoint) checkpoint = checkpoint_now (cf);
  KhLogVerifyResult result;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GDateTime) made = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *made_text = NULL;

  g_assert_cmpint (checkpoint->seq, ==, N_READS);
  g_assert_cmpuint (checkpoint->count, ==, N_READS);
  g_assert_cmpstr (checkpoint->location, ==, cf->f.path);
  g_assert_nonnull (checkpoint->database_id);
  g_assert_cmpint (strlen (checkpoint->database_id), ==, 32);

  verify (cf, checkpoint, &result);
  g_assert_cmpint (result.status, ==, KH_LOG_CHAIN_INTACT);

  raw_exec (cf->raw, "DROP TRIGGER access_log_no_delete;"
                     "DELETE FROM access_log WHERE seq >= 8");
  verify (cf, NULL, &result);
  g_assert_cmpint (result.status, ==, KH_LOG_CHAIN_INTACT);
  g_assert_cmpuint (result.count, ==, 7);

  verify (cf, checkpoint, &result);
  g_assert_cmpint (result.status, ==, KH_LOG_CHAIN_CHECKPOINT_MISSING);
  g_assert_cmpint (result.broken_seq, ==, 8);
  g_assert_cmpint (result.last_seq, ==, 7);

  made = g_date_time_new_from_unix_utc (checkpoint->made_at);
  local = g_date_time_to_local (made);
  made_text = g_date_time_format (local, "%Y-%m-%d %H:%M");
  expected = g_strdup_printf ("The access log ends at row 7, but the checkpoint of %s names row 10: "
                              "the rows from 8 on have been deleted.", made_text);
  text = kh_log_verify_result_describe (&result, checkpoint);
  g_assert_cmpstr (text, ==, expected);

  /* The store writes on from row 7: the chain is whole again, the
   * checkpoint still tells. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(KhClient) read = kh_db_get_client (cf->f.db, cf->f.admin, cf->aino, KH_ACCESS_PAGE,
                                                 KH_BASIS_CLIENT_RELATIONSHIP, &error);
    g_assert_no_error (error);
  }
  verify (cf, checkpoint, &result);
  g_assert_cmpint (result.status, ==, KH_LOG_CHAIN_CHECKPOINT_MISSING);
  g_assert_cmpint (result.broken_seq, ==, 9);
}

/* The checkpoint's row rewritten with its hash recomputed (a consistent
 * chain): only the checkpoint finds it. */
static void
test_rewritten_tail (ChainFixture  *cf,
                     gconstpointer  data)
{
  g_autoptr(KhLogCheckpoint) checkpoint = checkpoint_now (cf);
  KhLogVerifyResult result;
  g_autofree char *update = NULL;
  g_autofree char *prev = NULL;
  char hash[KH_LOG_HASH_LENGTH + 1];
  sqlite3_stmt *stmt = NULL;
  KhLogChainRow row;

  g_assert_cmpint (sqlite3_prepare_v2 (cf->raw->lite, "SELECT at, user_id, prev_hash FROM access_log "
                                                "WHERE seq = 10", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  prev = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  row = (KhLogChainRow) { 10, sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
                          FALSE, 0, KH_ACCESS_PAGE, KH_BASIS_CLIENT_RELATIONSHIP, prev };
  sqlite3_finalize (stmt);
  kh_log_chain_hash (&row, hash);
  update = g_strdup_printf ("DROP TRIGGER access_log_no_update;"
                            "UPDATE access_log SET client_id = NULL, hash = '%s' WHERE seq = 10", hash);
  raw_exec (cf->raw, update);

  verify (cf, NULL, &result);
  g_assert_cmpint (result.status, ==, KH_LOG_CHAIN_INTACT);
  verify (cf, checkpoint, &result);
  g_assert_cmpint (result.status, ==, KH_LOG_CHAIN_CHECKPOINT_CHANGED);
  g_assert_cmpint (result.broken_seq, ==, 10);
}

/* A checkpoint of another database is not checked against this one. */
static void
test_other_database (ChainFixture  *cf,
                     gconstpointer  data)
{
  g_autoptr(KhLogCheckpoint) checkpoint = checkpoint_now (cf);
  KhLogVerifyResult result;
  g_autofree char *text = NULL;

  g_free (checkpoint->database_id);
  checkpoint->database_id = g_strdup ("00112233445566778899aabbccddeeff");
  g_free (checkpoint->location);
  checkpoint->location = g_strdup ("/srv/toinen.db");
  verify (cf, checkpoint, &result);
  g_assert_cmpint (result.status, ==, KH_LOG_CHAIN_CHECKPOINT_OTHER_DATABASE);
  text = kh_log_verify_result_describe (&result, checkpoint);
  g_assert_cmpstr (text, ==, "The checkpoint is of another database (/srv/toinen.db), not of this one.");
}

/* A table rebuilt without its constraints, with a row's number used twice. */
static void
test_number_twice (ChainFixture  *cf,
                   gconstpointer  data)
{
  KhLogVerifyResult result;

  raw_exec (cf->raw, "CREATE TABLE loose AS SELECT * FROM access_log;"
                     "DROP TABLE access_log;"
                     "ALTER TABLE loose RENAME TO access_log;"
                     "INSERT INTO access_log SELECT id + 100, at, user_id, client_id, what, basis, "
                     "  seq, prev_hash, hash FROM access_log WHERE seq = 5");
  verify (cf, NULL, &result);
  g_assert_cmpint (result.status, ==, KH_LOG_CHAIN_OUT_OF_ORDER);
  g_assert_cmpint (result.broken_seq, ==, 5);
  g_assert_cmpint (result.broken_id, ==, id_of_seq (cf, 5) + 100);
  g_assert_cmpint (result.last_seq, ==, 5);
}

/* Only the lead social worker and the administrator verify; a broken log
 * gets no checkpoint. */
static void
test_who_may (ChainFixture  *cf,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhUser) reception = NULL;
  g_autoptr(KhUser) worker = NULL;
  g_autoptr(KhUser) lead = NULL;
  g_autoptr(KhLogCheckpoint) checkpoint = NULL;
  KhLogVerifyResult result;

  reception = fixture_save_user (&cf->f, "rita", "Rita Vastaanotto", KH_ROLE_RECEPTION, TRUE, &error);
  worker = fixture_save_user (&cf->f, "sami", "Sami Sosiaalityö", KH_ROLE_SOCIAL_WORKER, TRUE, &error);
  lead = fixture_save_user (&cf->f, "johanna", "Johanna Johtava", KH_ROLE_LEAD, TRUE, &error);
  g_assert_no_error (error);

  g_assert_false (kh_db_verify_access_log (fixture_db (&cf->f, reception), reception, NULL, &result, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_null (kh_db_make_log_checkpoint (fixture_db (&cf->f, worker), worker, &result, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_true (kh_db_verify_access_log (fixture_db (&cf->f, lead), lead, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (result.status, ==, KH_LOG_CHAIN_INTACT);

  delete_row (cf, 2);
  checkpoint = kh_db_make_log_checkpoint (fixture_db (&cf->f, lead), lead, &result, &error);
  g_assert_no_error (error);
  g_assert_null (checkpoint);
  g_assert_cmpint (result.status, ==, KH_LOG_CHAIN_MISSING);
}

/* More rows than one page of the walk: still every row, in order. */
static void
test_many_rows (ChainFixture  *cf,
                gconstpointer  data)
{
  KhLogVerifyResult result;

  if (cf->raw->pg != NULL)
    {
      /* On a server its own trigger chains the rows; 100 to a transaction
       * (each row of one transaction moves the chain's head again). */
      for (int from = 0; from < 25000; from += 100)
        {
          g_autofree char *sql = g_strdup_printf (
            "INSERT INTO access_log (user_id, client_id, what, basis) "
            "SELECT 1, CASE WHEN i %% 7 = 0 THEN NULL ELSE %" G_GINT64_FORMAT " END, 1 + i %% 10, "
            "  1 + i %% 4 FROM generate_series (%d, %d) AS i", cf->aino, from, from + 99);

          raw_exec (cf->raw, sql);
        }
    }
  else
    {
      raw_exec (cf->raw, "BEGIN");
      for (int i = 0; i < 25000; i++)
        raw_append_log (cf->raw, 1772431200 + i, 1, i % 7 == 0 ? 0 : cf->aino, 1 + i % 10,
                        1 + i % 4);
      raw_exec (cf->raw, "COMMIT");
    }
  verify (cf, NULL, &result);
  g_assert_cmpint (result.status, ==, KH_LOG_CHAIN_INTACT);
  g_assert_cmpuint (result.count, ==, N_READS + 25000);

  delete_row (cf, 20001);
  verify (cf, NULL, &result);
  g_assert_cmpint (result.status, ==, KH_LOG_CHAIN_MISSING);
  g_assert_cmpint (result.broken_seq, ==, 20001);
}

typedef struct
{
  const char *path;
  gint64      client_id;
} Desk;

static gpointer
desk_reads (gpointer data)
{
  Desk *desk = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(KhDb) db = kh_db_open (desk->path, &error);
  g_autoptr(KhUser) user = NULL;

  g_assert_no_error (error);
  user = kh_db_login (db, "tester", NULL, &error);
  g_assert_no_error (error);
  for (int i = 0; i < 100; i++)
    {
      g_autoptr(KhClient) read = kh_db_get_client (db, user, desk->client_id, KH_ACCESS_PAGE,
                                                   KH_BASIS_CLIENT_RELATIONSHIP, &error);
      g_assert_no_error (error);
    }
  return NULL;
}

/* Two desks (connections, threads) writing at once: each row still takes
 * the next number and the newest hash, and the chain stays whole. */
static void
test_two_desks (ChainFixture  *cf,
                gconstpointer  data)
{
  Desk desk = { cf->f.path, cf->aino };
  KhLogVerifyResult result;
  GThread *a = g_thread_new ("desk-a", desk_reads, &desk);
  GThread *b = g_thread_new ("desk-b", desk_reads, &desk);

  desk_reads (&desk);
  g_thread_join (a);
  g_thread_join (b);
  /* Before the verify, which is itself logged on a server. */
  g_assert_cmpint (raw_number (cf->raw, "SELECT count(*) FROM access_log"), ==, N_READS + 300);
  verify (cf, NULL, &result);
  g_assert_cmpint (result.status, ==, KH_LOG_CHAIN_INTACT);
  g_assert_cmpuint (result.count, ==, N_READS + 300);
}

/* On a server no role the application uses can delete a row of the log
 * (tests/pg/test-pg-security.py); the server's superuser can, behind the
 * triggers, and can move the chain's end (access_log_head) back with it.
 * The chain then looks whole, and only a checkpoint kept outside the
 * database tells that rows were cut off (issue 6, 4). Each verify on a
 * server is itself a reading of the log, logged as the next row. */
static void
test_server_cut_after_checkpoint (ChainFixture  *cf,
                                  gconstpointer  data)
{
  g_autoptr(KhLogCheckpoint) checkpoint = checkpoint_now (cf);
  KhLogVerifyResult result;

  /* The reads, then the checkpoint's own reading of the log. */
  g_assert_cmpint (checkpoint->seq, ==, N_READS);
  verify (cf, checkpoint, &result);
  g_assert_cmpint (result.status, ==, KH_LOG_CHAIN_INTACT);

  raw_exec (cf->raw, "BEGIN; SET LOCAL session_replication_role = replica; "
                     "DELETE FROM access_log WHERE seq >= 8; "
                     "UPDATE access_log_head SET seq = 7, "
                     "  hash = (SELECT hash FROM access_log WHERE seq = 7); "
                     "COMMIT");
  /* Without the checkpoint: rows 1–7 and the chain's end agree. */
  verify (cf, NULL, &result);
  g_assert_cmpint (result.status, ==, KH_LOG_CHAIN_INTACT);
  g_assert_cmpuint (result.count, ==, 7);

  /* With it: its row N_READS is gone (the log now ends at row 8, the
   * verify's own reading just above). */
  verify (cf, checkpoint, &result);
  g_assert_cmpint (result.status, ==, KH_LOG_CHAIN_CHECKPOINT_MISSING);
  g_assert_cmpint (result.last_seq, ==, 8);
  g_assert_cmpint (result.broken_seq, ==, 9);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  /* Local time for the checkpoint's "made at" in messages. */
  g_setenv ("TZ", "Europe/Helsinki", TRUE);

#define ADD(path, func) \
  g_test_add ("/store/log-chain/" path, ChainFixture, NULL, chain_set_up, func, chain_tear_down)
  ADD ("store-writes-the-chain", test_store_writes_the_chain);
  g_test_add_func ("/store/log-chain/fixed-rows", test_fixed_rows);
  g_test_add_func ("/store/log-chain/empty", test_empty);
  ADD ("who-may", test_who_may);
  ADD ("many-rows", test_many_rows);
  ADD ("two-desks", test_two_desks);
  /* What a person with the SQLite file could do to it (issue 6, 4): on a
   * server, no role the application uses may change the log at all
   * (tests/pg/test-pg-security.py); the server's verify is tested above. */
  if (pg_test_engine ())
    ADD ("server-cut-after-checkpoint", test_server_cut_after_checkpoint);
  if (!pg_test_engine ())
    {
      ADD ("updated-row", test_updated_row);
      ADD ("updated-row-rehashed", test_updated_row_rehashed);
      ADD ("replaced-row", test_replaced_row);
      ADD ("replaced-row-by-id", test_replaced_row_by_id);
      ADD ("deleted-rows", test_deleted_rows);
      ADD ("truncated-tail", test_truncated_tail);
      ADD ("rewritten-tail", test_rewritten_tail);
      ADD ("other-database", test_other_database);
      ADD ("number-twice", test_number_twice);
    }
#undef ADD
  return g_test_run ();
}
