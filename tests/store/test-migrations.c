/* test-migrations.c — opening, migrating, and refusing bad database files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store-test-util.h"

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("kohtaamo-store-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
assert_latest (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhDb) db = kh_db_open (path, &error);

  g_assert_no_error (error);
  g_assert_cmpint (kh_db_get_schema_version (db), ==, kh_db_get_latest_version ());
}

static void
test_from_empty_file (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "empty.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) services = NULL;
  sqlite3 *raw;
  sqlite3_stmt *stmt;

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  assert_latest (path);
  g_assert_cmpint (kh_db_get_latest_version (), >=, 1);

  raw = raw_open (path);
  /* WAL is persistent, so another connection sees it. */
  g_assert_cmpint (sqlite3_prepare_v2 (raw, "PRAGMA journal_mode", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
  sqlite3_finalize (stmt);
  /* Every table is STRICT, except the FTS5 machinery. */
  g_assert_cmpint (raw_count (raw, "SELECT count(*) FROM pragma_table_list "
                                   "WHERE schema = 'main' AND type = 'table' AND strict = 0 "
                                   "AND name NOT LIKE 'clients_fts%' AND name NOT LIKE 'sqlite_%'"),
                   ==, 0);
  g_assert_cmpint (raw_count (raw, "SELECT count(*) FROM services WHERE active = 1"), ==, 31);
  g_assert_cmpint (raw_count (raw, "SELECT count(*) FROM services WHERE name_fi = 'Kela' "
                                   "AND name_sv = 'FPA'"), ==, 1);
  g_assert_cmpint (raw_count (raw, "SELECT count(*) FROM services WHERE name_fi = 'Sosiaalipäivystys' "
                                   "AND name_sv = 'Socialjour'"), ==, 1);
  sqlite3_close (raw);

  remove_tree (dir);
}

static void
test_creates_folder (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "a", "b", "kohtaamo.db", NULL);

  assert_latest (path);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  /* And again: opening a migrated database changes nothing. */
  assert_latest (path);
  remove_tree (dir);
}

static guint
file_mode (const char *path)
{
  GStatBuf buf;

  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  return buf.st_mode & 0777;
}

/* Social-work data is for its owner only, whatever the umask. */
static void
test_private_file (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "kohtaamo.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *shared = g_build_filename (dir, "shared.db", NULL);
  g_autoptr(GError) error = NULL;
  mode_t old_umask = umask (022);

  {
    g_autoptr(KhDb) db = kh_db_open (path, &error);

    g_assert_no_error (error);
    /* While open, the database and its WAL files. */
    g_assert_cmphex (file_mode (path), ==, 0600);
    g_assert_cmphex (file_mode (wal), ==, 0600);
    g_assert_cmphex (file_mode (shm), ==, 0600);
  }

  /* A -wal file left wider open by another program is narrowed. */
  g_unlink (wal);
  g_unlink (shm);
  g_assert_true (g_file_set_contents (wal, "", 0, NULL));
  g_assert_cmpint (g_chmod (wal, 0644), ==, 0);
  {
    g_autoptr(KhDb) db = kh_db_open (path, &error);

    g_assert_no_error (error);
    g_assert_cmphex (file_mode (wal), ==, 0600);
  }

  /* An empty file made into a database is narrowed to 0600 too. */
  g_assert_true (g_file_set_contents (shared, "", 0, NULL));
  g_assert_cmpint (g_chmod (shared, 0640), ==, 0);
  {
    g_autoptr(KhDb) db = kh_db_open (shared, &error);

    g_assert_no_error (error);
    g_assert_cmphex (file_mode (shared), ==, 0600);
  }

  umask (old_umask);
  remove_tree (dir);
}

static void
assert_same_rows (sqlite3    *handle,
                  const char *sql_main,
                  const char *sql_fresh)
{
  g_autoptr(GString) a = g_string_new (NULL);
  g_autoptr(GString) b = g_string_new (NULL);
  const char *sqls[] = { sql_main, sql_fresh };
  GString *outs[] = { a, b };

  for (guint i = 0; i < 2; i++)
    {
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (handle, sqls[i], -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            g_string_append_printf (outs[i], "%s|", (const char *) sqlite3_column_text (stmt, c));
          g_string_append_c (outs[i], '\n');
        }
      sqlite3_finalize (stmt);
    }
  g_assert_cmpstr (a->str, ==, b->str);
}

/* Builds a database at `version` the way an older Kohtaamo left it: the
 * migration files from the source tree applied by hand. */
static void
make_old_database (const char *path,
                   int         version)
{
  sqlite3 *raw = NULL;

  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  for (int v = 1; v <= version; v++)
    {
      g_autofree char *pattern = g_strdup_printf ("%04d-", v);
      g_autoptr(GDir) dir = g_dir_open (SOURCE_SQLDIR, 0, NULL);
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", v);
      const char *name;
      gboolean found = FALSE;

      g_assert_nonnull (dir);
      while ((name = g_dir_read_name (dir)) != NULL)
        if (g_str_has_prefix (name, pattern) && g_str_has_suffix (name, ".sql"))
          {
            g_autofree char *file = g_build_filename (SOURCE_SQLDIR, name, NULL);
            g_autofree char *sql = NULL;

            g_assert_true (g_file_get_contents (file, &sql, NULL, NULL));
            g_assert_cmpint (sqlite3_exec (raw, sql, NULL, NULL, NULL), ==, SQLITE_OK);
            found = TRUE;
          }
      g_assert_true (found);
      g_assert_cmpint (sqlite3_exec (raw, set_version, NULL, NULL, NULL), ==, SQLITE_OK);
    }
  /* Someone the old version saved, to be carried over. */
  if (version >= 1)
    g_assert_cmpint (sqlite3_exec (raw,
                                   "INSERT INTO clients (identity_kind, no_code_reason, birth_date, "
                                   "  last_name, first_names, language, created_at, updated_at) "
                                   "VALUES (2, 1, '1950-01-01', 'Vanha', 'Väinö', 1, 0, 0)",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);
}

static void
test_same_as_fresh (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *fresh = g_build_filename (dir, "fresh.db", NULL);

  assert_latest (fresh);

  /* From every older version, including nothing at all. */
  for (int version = 0; version < kh_db_get_latest_version (); version++)
    {
      g_autofree char *name = g_strdup_printf ("from-%d.db", version);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *attach = NULL;
      sqlite3 *raw;
      sqlite3_stmt *tables;

      make_old_database (path, version);
      assert_latest (path);

      if (version >= 1)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(KhDb) db = kh_db_open (path, &error);
          g_autoptr(KhUser) user = kh_db_login (db, "tester", NULL, &error);
          g_autoptr(GPtrArray) found = NULL;

          sqlite3 *check;

          /* Carried over, searchable, with its sort key made at open. */
          found = kh_db_search_clients (db, user, "vaino", 10, &error);
          g_assert_no_error (error);
          g_assert_cmpuint (found->len, ==, 1);
          g_assert_cmpstr (((KhClient *) g_ptr_array_index (found, 0))->first_names, ==, "Väinö");
          check = raw_open (path);
          g_assert_cmpint (raw_count (check, "SELECT count(*) FROM clients WHERE sort_key IS NULL "
                                             "OR search_text <> ' vanha vaino '"), ==, 0);
          sqlite3_close (check);
        }

      raw = raw_open (path);
      attach = sqlite3_mprintf ("ATTACH %Q AS fresh", fresh);
      g_assert_cmpint (sqlite3_exec (raw, attach, NULL, NULL, NULL), ==, SQLITE_OK);

      assert_same_rows (raw,
                        "SELECT type, name, tbl_name FROM main.sqlite_schema ORDER BY type, name",
                        "SELECT type, name, tbl_name FROM fresh.sqlite_schema ORDER BY type, name");

      g_assert_cmpint (sqlite3_prepare_v2 (raw,
                                           "SELECT name FROM main.sqlite_schema WHERE type = 'table'",
                                           -1, &tables, NULL), ==, SQLITE_OK);
      while (sqlite3_step (tables) == SQLITE_ROW)
        {
          const char *table = (const char *) sqlite3_column_text (tables, 0);
          g_autofree char *a = NULL;
          g_autofree char *b = NULL;

          a = sqlite3_mprintf ("SELECT cid, name, type, \"notnull\", dflt_value, pk "
                               "FROM pragma_table_info (%Q, 'main') ORDER BY cid", table);
          b = sqlite3_mprintf ("SELECT cid, name, type, \"notnull\", dflt_value, pk "
                               "FROM pragma_table_info (%Q, 'fresh') ORDER BY cid", table);
          assert_same_rows (raw, a, b);
          sqlite3_free (g_steal_pointer (&a));
          sqlite3_free (g_steal_pointer (&b));
          a = sqlite3_mprintf ("SELECT name, \"unique\", partial FROM pragma_index_list (%Q, 'main') "
                               "ORDER BY name", table);
          b = sqlite3_mprintf ("SELECT name, \"unique\", partial FROM pragma_index_list (%Q, 'fresh') "
                               "ORDER BY name", table);
          assert_same_rows (raw, a, b);
          sqlite3_free (g_steal_pointer (&a));
          sqlite3_free (g_steal_pointer (&b));
        }
      sqlite3_finalize (tables);
      sqlite3_free (g_steal_pointer (&attach));
      sqlite3_close (raw);
    }

  remove_tree (dir);
}

/* 0005: a note an older version let an anonymous contact keep is removed,
 * and the rest of the contact stays. */
static void
test_anonymous_notes_removed (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "kohtaamo.db", NULL);
  sqlite3 *raw;

  make_old_database (path, 4);
  raw = raw_open (path);
  g_assert_cmpint (sqlite3_exec (raw,
                                 "INSERT INTO users (id, account, role, created_at) VALUES (1, 'vanha', 5, 0);"
                                 "INSERT INTO contacts (received_at, channel, contactor, language, outcome, "
                                 "  outcome_note, anonymous, created_by, created_at) "
                                 "VALUES (0, 2, 5, 1, 1, 'soittaa huomenna', 1, 1, 0)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  assert_latest (path);
  raw = raw_open (path);
  g_assert_cmpint (raw_count (raw, "SELECT count(*) FROM contacts WHERE anonymous = 1 "
                                   "AND outcome_note IS NULL AND channel = 2"), ==, 1);
  sqlite3_close (raw);
  remove_tree (dir);
}

/* The SHL 45 § implementation deadline of cases saved before the column
 * existed is computed by the migration (in C: it needs Easter), from the
 * day each was opened. Version 6 is the last one without it. */
static void
test_implementation_deadline_backfill (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "kohtaamo.db", NULL);
  sqlite3 *raw;

  make_old_database (path, 6);
  raw = raw_open (path);
  /* Opened at noon UTC on 31.1.2026, 30.11.2026 and 19.3.2026: the same
   * local day in Finland. */
  g_assert_cmpint (sqlite3_exec (raw,
                                 "INSERT INTO users (id, account, role, created_at) VALUES (1, 'vanha', 5, 0);"
                                 "INSERT INTO contacts (id, received_at, channel, contactor, language, outcome, "
                                 "  anonymous, client_id, created_by, created_at) VALUES "
                                 "  (1, 1769860800, 1, 1, 1, 3, 0, 1, 1, 0),"
                                 "  (2, 1796040000, 1, 1, 1, 3, 0, 1, 1, 0),"
                                 "  (3, 1773921600, 1, 1, 1, 3, 0, 1, 1, 0);"
                                 "INSERT INTO cases (id, client_id, contact_id, opened_at, status) VALUES "
                                 "  (1, 1, 1, 1769860800, 1), (2, 1, 2, 1796040000, 1),"
                                 "  (3, 1, 3, 1773921600, 1)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  assert_latest (path);
  raw = raw_open (path);
  /* 31.1.2026 → Thu 30.4.2026; 30.11.2026 → Sun 28.2.2027 → Mon 1.3.2027;
   * 19.3.2026 → Midsummer Eve 19.6.2026 → Mon 22.6.2026. */
  g_assert_cmpint (raw_count (raw, "SELECT count(*) FROM cases WHERE "
                                   "(id = 1 AND implementation_deadline = '2026-04-30') OR "
                                   "(id = 2 AND implementation_deadline = '2027-03-01') OR "
                                   "(id = 3 AND implementation_deadline = '2026-06-22')"), ==, 3);
  sqlite3_close (raw);
  remove_tree (dir);
}

/* SHL 36 § 2 mom: a case opened by an authority's notification, by someone
 * else or anonymously loses the 7-day date an older version gave it; a
 * case the person sought keeps it. Version 7 is older than the
 * rule. */
static void
test_seven_days_only_when_sought (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "kohtaamo.db", NULL);
  sqlite3 *raw;

  make_old_database (path, 7);   /* before 0010 */
  raw = raw_open (path);
  g_assert_cmpint (sqlite3_exec (raw,
                                 "INSERT INTO users (id, account, role, created_at) VALUES (1, 'vanha', 5, 0);"
                                 "INSERT INTO contacts (id, received_at, channel, contactor, contactor_detail, "
                                 "  referral, language, outcome, anonymous, client_id, created_by, created_at) VALUES "
                                 "  (1, 1775131200, 1, 1, NULL, 0, 1, 3, 0, 1, 1, 0),"
                                 "  (2, 1775131200, 6, 3, 'Poliisi', 3, 1, 3, 0, 1, 1, 0),"
                                 "  (3, 1775131200, 2, 2, NULL, 0, 1, 3, 0, 1, 1, 0),"
                                 "  (4, 1775131200, 2, 4, 'naapuri', 0, 1, 3, 0, 1, 1, 0);"
                                 "INSERT INTO cases (id, client_id, contact_id, opened_at, status, deadline_groups, "
                                 "  assessment_deadline, implementation_deadline) VALUES "
                                 "  (1, 1, 1, 1775131200, 1, 1, '2026-04-15', '2026-07-02'),"
                                 "  (2, 1, 2, 1775131200, 1, 1, '2026-04-15', '2026-07-02'),"
                                 "  (3, 1, 3, 1775131200, 1, 1, '2026-04-15', '2026-07-02'),"
                                 "  (4, 1, 4, 1775131200, 1, 1, '2026-04-15', '2026-07-02')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  assert_latest (path);
  raw = raw_open (path);
  g_assert_cmpint (raw_count (raw, "SELECT count(*) FROM cases WHERE "
                                   "(id IN (1, 3) AND assessment_deadline = '2026-04-15') OR "
                                   "(id IN (2, 4) AND assessment_deadline IS NULL)"), ==, 4);
  g_assert_cmpint (raw_count (raw, "SELECT count(*) FROM cases "
                                   "WHERE implementation_deadline = '2026-07-02'"), ==, 4);
  sqlite3_close (raw);
  remove_tree (dir);
}

/* 0016: revisions written before it get the identity fields the contact
 * holds (they could not have changed them). */
static void
test_revisions_identity_backfill (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "kohtaamo.db", NULL);
  sqlite3 *raw;

  make_old_database (path, 15);   /* after 0013, before 0016 */
  raw = raw_open (path);
  g_assert_cmpint (sqlite3_exec (raw,
                                 "INSERT INTO users (id, account, role, created_at) VALUES (1, 'vanha', 5, 0);"
                                 "INSERT INTO contacts (id, received_at, channel, contactor, contactor_name, "
                                 "  contactor_relation, contactor_contact, needs, reason_text, urgency, "
                                 "  urgency_assessed_by, urgency_assessed_at, language, outcome, anonymous, "
                                 "  client_id, created_by, created_at) VALUES "
                                 "  (1, 1775131200, 2, 2, 'Liisa Korhonen', 'tytär', '040 765 4321', 4, "
                                 "   'Vuokra', 2, 1, 1775131200, 1, 1, 0, 1, 1, 0);"
                                 "INSERT INTO contact_revisions (contact_id, kind, changed_by, changed_at, "
                                 "  channel, needs, reason_text, language, interpreter) VALUES "
                                 "  (1, 1, 1, 1775131300, 2, 4, 'Vuokra', 1, 0)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  assert_latest (path);
  raw = raw_open (path);
  g_assert_cmpint (raw_count (raw, "SELECT count(*) FROM contact_revisions "
                                   "WHERE contactor_name = 'Liisa Korhonen' AND contactor_relation = 'tytär' "
                                   "AND contactor_contact = '040 765 4321' AND directed_by IS NULL"), ==, 1);
  /* And the revisions are append-only again. */
  g_assert_cmpint (sqlite3_exec (raw, "UPDATE contact_revisions SET reason = 'x'", NULL, NULL, NULL), ==,
                   SQLITE_CONSTRAINT);
  sqlite3_close (raw);
  remove_tree (dir);
}

/* 0017: the rows already in the access log are chained in order of id,
 * whatever order they were inserted in; the hashes were computed outside
 * with `printf '%s' 'kohtaamo-log-v1|1|1772431200|1|100|1|2|000…' | sha256sum`.
 * The database gets its identity, and the log verifies. */
static void
test_access_log_chained (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "kohtaamo.db", NULL);
  g_autoptr(GError) error = NULL;
  KhLogVerifyResult result;
  sqlite3 *raw;

  make_old_database (path, 16);   /* before 0017 */
  raw = raw_open (path);
  g_assert_cmpint (sqlite3_exec (raw,
                                 "INSERT INTO users (id, account, role, created_at) VALUES (1, 'vanha', 5, 0);"
                                 "INSERT INTO access_log (id, at, user_id, client_id, what, basis) VALUES "
                                 "  (12, 1772431320, 1, 101, 10, 1),"
                                 "  (3, 1772431200, 1, 100, 1, 2),"
                                 "  (7, 1772431260, 1, NULL, 7, 4)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  assert_latest (path);
  raw = raw_open (path);
  g_assert_cmpint (raw_count (raw, "SELECT count(*) FROM access_log WHERE "
                                   "(id = 3 AND seq = 1 AND prev_hash = printf ('%064d', 0) AND hash = "
                                   "  'cc570a0ca121044a86260b55649e0f1083164e7ff08579c0e5c96089c454239d') OR "
                                   "(id = 7 AND seq = 2 AND client_id IS NULL AND prev_hash = "
                                   "  'cc570a0ca121044a86260b55649e0f1083164e7ff08579c0e5c96089c454239d' AND hash = "
                                   "  '17dc94290e6d067f5f7fe1db30adce81b9b1664d131ef128ac2bb1c4f7e7736c') OR "
                                   "(id = 12 AND seq = 3 AND prev_hash = "
                                   "  '17dc94290e6d067f5f7fe1db30adce81b9b1664d131ef128ac2bb1c4f7e7736c' AND hash = "
                                   "  '76924964f59d2d549295ede06e8d5d10777f689316cced9b9240de50e25fb976')"), ==, 3);
  g_assert_cmpint (raw_count (raw, "SELECT count(*) FROM settings WHERE key = 'database_id' "
                                   "AND length (value) = 32"), ==, 1);
  g_assert_cmpint (raw_count (raw, "SELECT count(*) FROM sqlite_temp_schema"), ==, 0);
  /* Append-only again. */
  g_assert_cmpint (sqlite3_exec (raw, "DELETE FROM access_log", NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  sqlite3_close (raw);

  {
    g_autoptr(KhDb) db = kh_db_open (path, &error);
    g_autoptr(KhUser) admin = NULL;

    g_assert_no_error (error);
    admin = kh_db_login (db, "vanha", NULL, &error);
    g_assert_no_error (error);
    g_assert_true (kh_db_verify_access_log (db, admin, NULL, &result, &error));
    g_assert_no_error (error);
    g_assert_cmpint (result.status, ==, KH_LOG_CHAIN_INTACT);
    g_assert_cmpuint (result.count, ==, 3);
    g_assert_cmpstr (result.last_hash, ==, "76924964f59d2d549295ede06e8d5d10777f689316cced9b9240de50e25fb976");
  }
  remove_tree (dir);
}

/* 0018: cases saved before it get their contact's urgency, and the queue
 * reads them urgent first in the new index's order. */
static void
test_case_urgency_backfill (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "kohtaamo.db", NULL);
  sqlite3 *raw;
  sqlite3_stmt *stmt;
  g_autoptr(GString) order = g_string_new (NULL);

  make_old_database (path, 17);   /* before 0018 */
  raw = raw_open (path);
  /* Contact 2 is urgent; the others are not. Case 3 has the nearest 36 §
   * deadline, case 1 none. */
  g_assert_cmpint (sqlite3_exec (raw,
                                 "INSERT INTO users (id, account, role, created_at) VALUES (1, 'vanha', 5, 0);"
                                 "INSERT INTO contacts (id, received_at, channel, contactor, urgency, urgent, "
                                 "  urgency_assessed_by, urgency_assessed_at, language, outcome, opens_case, "
                                 "  anonymous, client_id, created_by, created_at) VALUES "
                                 "  (1, 1775131200, 1, 1, 2, 0, 1, 1775131200, 1, 3, 1, 0, 1, 1, 0),"
                                 "  (2, 1775217600, 1, 1, 1, 1, 1, 1775217600, 1, 3, 1, 0, 1, 1, 0),"
                                 "  (3, 1775304000, 1, 1, 2, 0, 1, 1775304000, 1, 3, 1, 0, 1, 1, 0);"
                                 "INSERT INTO cases (id, client_id, contact_id, opened_at, status, deadline_groups, "
                                 "  assessment_deadline, implementation_deadline) VALUES "
                                 "  (1, 1, 1, 1775131200, 1, 0, NULL, '2026-07-02'),"
                                 "  (2, 1, 2, 1775217600, 1, 0, NULL, '2026-07-03'),"
                                 "  (3, 1, 3, 1775304000, 1, 1, '2026-04-15', '2026-07-06')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  assert_latest (path);
  raw = raw_open (path);
  g_assert_cmpint (raw_count (raw, "SELECT count(*) FROM cases WHERE "
                                   "(id = 2 AND urgent = 1) OR (id IN (1, 3) AND urgent = 0)"), ==, 3);
  /* The queue's order, from the index alone: urgent, then the deadline,
   * then the one without. */
  g_assert_cmpint (sqlite3_prepare_v2 (raw,
                                       "SELECT id FROM cases INDEXED BY cases_queue WHERE status = 1 "
                                       "ORDER BY urgent DESC, "
                                       "  CASE WHEN urgent = 1 THEN 0 WHEN assessment_deadline IS NULL THEN 1 "
                                       "       ELSE 0 END, "
                                       "  CASE WHEN urgent = 1 THEN NULL ELSE assessment_deadline END, "
                                       "  opened_at, id",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (order, "%lld ", (long long) sqlite3_column_int64 (stmt, 0));
  sqlite3_finalize (stmt);
  g_assert_cmpstr (order->str, ==, "2 3 1 ");
  sqlite3_close (raw);
  remove_tree (dir);
}

/* 0011: old contacts read the way the law now records them (1.6–1.8). */
static void
test_contacts_converted (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "kohtaamo.db", NULL);
  sqlite3 *raw;

  make_old_database (path, 10);   /* before 0011 */
  raw = raw_open (path);
  g_assert_cmpint (sqlite3_exec (raw,
                                 "INSERT INTO users (id, account, role, created_at) VALUES (1, 'vanha', 5, 0);"
                                 "INSERT INTO contacts (id, received_at, channel, contactor, contactor_detail, "
                                 "  referral, urgent, language, outcome, client_id, created_by, created_at) VALUES "
                                 /* directed to apply, recorded as the authority's contact */
                                 "  (1, 0, 6, 3, 'Terveysasema', 1, 0, 1, 1, 1, 1, 100), "
                                 /* a relative, the relation in the detail */
                                 "  (2, 0, 2, 2, 'tytär', 0, 0, 1, 1, 1, 1, 100), "
                                 /* Kela with a 35 § kind, never asked its own */
                                 "  (3, 0, 7, 3, 'Kela', 2, 0, 1, 1, 1, 1, 100), "
                                 /* urgent, and a case */
                                 "  (4, 0, 1, 1, NULL, 0, 1, 1, 3, 1, 1, 200);"
                                 "INSERT INTO cases (id, client_id, contact_id, opened_at, status, "
                                 "  implementation_deadline) VALUES (1, 1, 4, 0, 1, '1970-04-01')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  assert_latest (path);
  raw = raw_open (path);
  /* 35 § 1 mom 1 p: the person's own contact, directed by the authority. */
  g_assert_cmpint (raw_count (raw, "SELECT count(*) FROM contacts WHERE id = 1 AND contactor = 1 "
                                   "AND referral = 1 AND directed_by = 'Terveysasema' "
                                   "AND contactor_detail IS NULL"), ==, 1);
  g_assert_cmpint (raw_count (raw, "SELECT count(*) FROM contacts WHERE id = 2 AND contactor = 2 "
                                   "AND contactor_relation = 'tytär' AND contactor_detail IS NULL "
                                   "AND contactor_name IS NULL"), ==, 1);
  /* Kela's kind was never asked: not recorded; its 35 § kind is kept. */
  g_assert_cmpint (raw_count (raw, "SELECT count(*) FROM contacts WHERE id = 3 AND kela_kind = 6 "
                                   "AND referral = 2"), ==, 1);
  /* "Urgent" was an answer, by who saved it; "not urgent" may not have been. */
  g_assert_cmpint (raw_count (raw, "SELECT count(*) FROM contacts WHERE id = 4 AND urgency = 1 "
                                   "AND urgent = 1 AND urgency_assessed_by = 1 "
                                   "AND urgency_assessed_at = 200 AND opens_case = 1"), ==, 1);
  g_assert_cmpint (raw_count (raw, "SELECT count(*) FROM contacts WHERE urgency = 0 "
                                   "AND urgency_assessed_by IS NULL"), ==, 3);
  /* The case still has its contact. */
  g_assert_cmpint (raw_count (raw, "SELECT count(*) FROM cases JOIN contacts k "
                                   "ON k.id = cases.contact_id"), ==, 1);
  g_assert_cmpint (raw_count (raw, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  sqlite3_close (raw);
  remove_tree (dir);
}

static void
test_read_only_open (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "kohtaamo.db", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KhDb) db = NULL;

  assert_latest (path);
  db = kh_db_open_read_only (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kh_db_get_schema_version (db), ==, kh_db_get_latest_version ());
  g_clear_pointer (&db, kh_db_close);

  db = kh_db_open_read_only (missing, &error);
  g_assert_null (db);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  remove_tree (dir);
}

/* ---- bad files ---- */

static void
test_text_file (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "notes.db", NULL);
  static const char text[] = "Muistiinpanoja: tämä ei ole tietokanta.\n"
                             "This is a text file, long enough to fill a header of one hundred bytes or more.\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(KhDb) db = NULL;
  g_autofree char *after = NULL;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  db = kh_db_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_A_DATABASE);
  g_assert_nonnull (strstr (error->message, "notes.db"));
  g_test_message ("%s", error->message);

  /* Nothing written to it. */
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, text);
  remove_tree (dir);
}

static void
test_other_sqlite_database (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "other.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KhDb) db = NULL;
  sqlite3 *raw = NULL;

  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "CREATE TABLE recipes (name TEXT)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  db = kh_db_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_A_DATABASE);

  raw = raw_open (path);
  g_assert_cmpint (raw_count (raw, "SELECT count(*) FROM sqlite_schema"), ==, 1);
  sqlite3_close (raw);
  remove_tree (dir);
}

static void
test_too_new (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "kohtaamo.db", NULL);
  g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d",
                                                  kh_db_get_latest_version () + 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(KhDb) db = NULL;
  sqlite3 *raw;

  assert_latest (path);
  raw = raw_open (path);
  g_assert_cmpint (sqlite3_exec (raw, set_version, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  db = kh_db_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_TOO_NEW);
  g_clear_error (&error);
  db = kh_db_open_read_only (path, &error);
  g_assert_null (db);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_TOO_NEW);
  remove_tree (dir);
}

static void
test_locked (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "kohtaamo.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KhDb) db = NULL;
  g_autoptr(KhUser) user = NULL;
  g_autoptr(KhClient) client = test_client ("Lukkari", "Leena", "1980-05-01", 931);
  sqlite3 *other;
  gint64 start, elapsed;

  db = kh_db_open (path, &error);
  g_assert_no_error (error);
  user = kh_db_login (db, "tester", NULL, &error);
  g_assert_no_error (error);

  /* Another program holds the database. */
  other = raw_open (path);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN EXCLUSIVE; "
                                        "INSERT INTO settings VALUES ('other', 'x')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  start = g_get_monotonic_time ();
  g_assert_cmpint (kh_db_save_client (db, user, client, &error), ==, 0);
  elapsed = g_get_monotonic_time () - start;
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_LOCKED);
  g_test_message ("%s (after %.1f s)", error->message, elapsed / 1e6);
  /* Waited for the busy timeout, but not for ever. */
  g_assert_cmpint (elapsed, >=, 1 * G_USEC_PER_SEC);
  g_assert_cmpint (elapsed, <, 10 * G_USEC_PER_SEC);
  g_clear_error (&error);

  /* Opening it again meanwhile is refused the same way. */
  g_clear_pointer (&db, kh_db_close);
  db = kh_db_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_LOCKED);
  g_clear_error (&error);

  /* When the other program lets go, the same work succeeds. */
  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  db = kh_db_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kh_db_save_client (db, user, client, &error), >, 0);
  g_assert_no_error (error);

  g_clear_pointer (&db, kh_db_close);
  remove_tree (dir);
}

/* Root may write anywhere, so the read-only cases run in a child that gives
 * up root for "nobody" first; as an ordinary user the permissions suffice. */
static void
run_read_only_child (const char *case_name)
{
  const char *parent = g_getenv ("KH_TEST_READ_ONLY_DIR");
  g_autofree char *folder = g_build_filename (parent, case_name, NULL);
  g_autofree char *path = g_build_filename (folder, "kohtaamo.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KhDb) db = NULL;

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  if (g_str_equal (case_name, "file"))
    {
      assert_latest (path);
      /* A clean file without -wal/-shm, write-protected, in a folder that
       * anyone may write to. */
      g_assert_cmpint (g_chmod (path, 0444), ==, 0);
      g_assert_cmpint (g_chmod (folder, 0777), ==, 0);
    }
  else
    g_assert_cmpint (g_chmod (folder, 0555), ==, 0);

  if (geteuid () == 0)
    {
      g_assert_cmpint (g_chmod (parent, 0755), ==, 0);
      if (setgid (65534) != 0 || setuid (65534) != 0)
        {
          g_test_skip ("cannot drop root privileges to test a read-only location");
          return;
        }
    }

  db = kh_db_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_READ_ONLY);
  g_test_message ("%s", error->message);
}

static void
test_read_only (gconstpointer data)
{
  const char *case_name = data;
  g_autofree char *dir = NULL;

  if (g_test_subprocess ())
    {
      run_read_only_child (case_name);
      return;
    }

  dir = make_temp_dir ();
  g_setenv ("KH_TEST_READ_ONLY_DIR", dir, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_unsetenv ("KH_TEST_READ_ONLY_DIR");
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/migrations/from-empty-file", test_from_empty_file);
  g_test_add_func ("/store/migrations/creates-folder", test_creates_folder);
  g_test_add_func ("/store/open/private-file", test_private_file);
  g_test_add_func ("/store/migrations/same-as-fresh", test_same_as_fresh);
  g_test_add_func ("/store/migrations/access-log-chained", test_access_log_chained);
  g_test_add_func ("/store/migrations/anonymous-notes-removed", test_anonymous_notes_removed);
  g_test_add_func ("/store/migrations/contacts-converted", test_contacts_converted);
  g_test_add_func ("/store/migrations/implementation-deadline-backfill",
                   test_implementation_deadline_backfill);
  g_test_add_func ("/store/migrations/seven-days-only-when-sought",
                   test_seven_days_only_when_sought);
  g_test_add_func ("/store/migrations/revisions-identity-backfill", test_revisions_identity_backfill);
  g_test_add_func ("/store/migrations/case-urgency-backfill", test_case_urgency_backfill);
  g_test_add_func ("/store/migrations/read-only-open", test_read_only_open);
  g_test_add_func ("/store/open/text-file", test_text_file);
  g_test_add_func ("/store/open/other-sqlite-database", test_other_sqlite_database);
  g_test_add_func ("/store/open/too-new", test_too_new);
  g_test_add_func ("/store/open/locked", test_locked);
  g_test_add_data_func ("/store/open/read-only-file", "file", test_read_only);
  g_test_add_data_func ("/store/open/read-only-folder", "folder", test_read_only);

  return g_test_run ();
}
