/* store-test-util.h — fixtures shared by the store tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every test works on a real database of its own: a SQLite file in its own
 * temporary folder, or, with KOHTAAMO_TEST_ENGINE=pg (the store-pg suite), a
 * new database on a throwaway PostgreSQL cluster (pg-test-util.h). People
 * are fictional; identity codes use the individual numbers 900–999.
 */
#pragma once

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "pg-test-util.h"

#include "core/kh-hetu.h"
#include "core/kh-log-chain.h"
#include "core/kh-text.h"
#include "store/kh-db.h"

typedef struct
{
  char   *dir;
  /* The SQLite file, or the server's connection string (as "tester"). */
  char   *path;
  KhDb   *db;
  KhUser *admin;
  /* PostgreSQL: the test's database, and a connection per other user. */
  char   *pg_dbname;
  GHashTable *user_dbs;
  PGconn *pg_turn;
} Fixture;

static inline void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  dir = g_dir_open (path, 0, NULL);
  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          g_chmod (child, 0700);
          if (g_file_test (child, G_FILE_TEST_IS_DIR))
            remove_tree (child);
          else
            g_unlink (child);
        }
    }
  g_rmdir (path);
}

static inline void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* Some tests keep their fixture on the stack, uninitialised. */
  f->pg_dbname = NULL;
  f->user_dbs = NULL;
  f->pg_turn = NULL;
  f->dir = g_dir_make_tmp ("kohtaamo-store-XXXXXX", &error);
  g_assert_no_error (error);
  if (pg_test_engine ())
    {
      f->pg_dbname = pg_test_create_database ();
      f->pg_turn = pg_test_take_turn ();
      f->path = pg_test_conninfo (f->pg_dbname, PG_TEST_ADMIN);
      f->user_dbs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) kh_db_close);
    }
  else
    f->path = g_build_filename (f->dir, "data", "kohtaamo.db", NULL);
  f->db = kh_db_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->db);
  f->admin = kh_db_login (f->db, PG_TEST_ADMIN, "Testi Testaaja", &error);
  g_assert_no_error (error);
  g_assert_cmpint (f->admin->role, ==, KH_ROLE_ADMIN);
}

static inline void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->admin);
  g_clear_pointer (&f->user_dbs, g_hash_table_unref);
  g_clear_pointer (&f->db, kh_db_close);
  if (f->pg_dbname != NULL)
    pg_test_drop_database (f->pg_dbname);
  g_clear_pointer (&f->pg_turn, PQfinish);
  g_clear_pointer (&f->pg_dbname, g_free);
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* A valid fictional code for a date ("YYYY-MM-DD") and an individual number
 * in 900–999. */
static inline char *
test_code (const char *iso,
           guint       individual)
{
  GDate birth;

  g_assert_true (kh_date_from_iso (iso, &birth));
  g_assert_cmpuint (individual, >=, 900);
  return kh_hetu_make (&birth, individual, 0);
}

static inline KhClient *
test_client (const char *last_name,
             const char *first_names,
             const char *birth_iso,
             guint       individual)   /* 0: no code, birth date only */
{
  KhClient *client = kh_client_new ();

  client->last_name = g_strdup (last_name);
  client->first_names = g_strdup (first_names);
  client->language = KH_LANGUAGE_FI;
  if (individual > 0)
    {
      client->identity_kind = KH_IDENTITY_CODE;
      client->identity_code = test_code (birth_iso, individual);
    }
  else
    {
      client->identity_kind = KH_IDENTITY_BIRTH_DATE;
      client->no_code_reason = KH_NO_CODE_NOT_KNOWN;
      client->birth_date = g_strdup (birth_iso);
    }
  return client;
}

static inline gint64
add_client (Fixture    *f,
            const char *last_name,
            const char *first_names,
            const char *birth_iso,
            guint       individual)
{
  g_autoptr(KhClient) client = test_client (last_name, first_names, birth_iso, individual);
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = kh_db_save_client (f->db, f->admin, client, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* A second, raw connection to the same file, as another program would have. */
static inline sqlite3 *
raw_open (const char *path)
{
  sqlite3 *handle = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_exec (handle, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  return handle;
}

/* SQL that appends a row to the access log as the chain's triggers demand
 * (0017: the next seq, the newest row's hash as prev_hash), for `values`
 * "at, user_id, client_id, what, basis". Its own hash is a placeholder
 * (1 in hex): for tests of the schema's other rules, not of the chain. */
#define RAW_LOG_NEXT(values) \
  "INSERT INTO access_log (at, user_id, client_id, what, basis, seq, prev_hash, hash) " \
  "SELECT " values ", coalesce ((SELECT max (seq) FROM access_log), 0) + 1, " \
  "  coalesce ((SELECT hash FROM access_log ORDER BY seq DESC LIMIT 1), printf ('%064d', 0)), " \
  "  printf ('%064d', 1)"

/* Appends a properly chained row (kh-log-chain.h) to the access log, as
 * another program with the file could; client_id 0 is NULL. */
static inline void
raw_log_append (sqlite3 *handle,
                gint64   at,
                gint64   user_id,
                gint64   client_id,
                int      what,
                int      basis)
{
  char prev_hash[KH_LOG_HASH_LENGTH + 1] = KH_LOG_FIRST_PREV_HASH;
  char hash[KH_LOG_HASH_LENGTH + 1];
  KhLogChainRow row = { 1, at, user_id, client_id > 0, client_id, what, basis, prev_hash };
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (handle,
                                       "SELECT seq, hash FROM access_log ORDER BY seq DESC LIMIT 1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      row.seq = sqlite3_column_int64 (stmt, 0) + 1;
      g_strlcpy (prev_hash, (const char *) sqlite3_column_text (stmt, 1), sizeof prev_hash);
    }
  sqlite3_finalize (stmt);
  kh_log_chain_hash (&row, hash);

  g_assert_cmpint (sqlite3_prepare_v2 (handle,
                                       "INSERT INTO access_log (at, user_id, client_id, what, basis, "
                                       "  seq, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, at);
  sqlite3_bind_int64 (stmt, 2, user_id);
  if (client_id > 0)
    sqlite3_bind_int64 (stmt, 3, client_id);
  sqlite3_bind_int (stmt, 4, what);
  sqlite3_bind_int (stmt, 5, basis);
  sqlite3_bind_int64 (stmt, 6, row.seq);
  sqlite3_bind_text (stmt, 7, prev_hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, hash, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

static inline gint64
raw_count (sqlite3    *handle,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

/* A user of the unit, saved by the administrator (on a server also a
 * login role of that name). */
static inline KhUser *
fixture_add_user (Fixture    *f,
                  const char *account,
                  const char *display_name,
                  KhRole      role)
{
  g_autoptr(GError) error = NULL;
  KhUser *user;

  if (f->pg_dbname != NULL)
    pg_test_create_login (account);
  user = kh_db_save_user (f->db, account, display_name, role, TRUE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (user);
  return user;
}

/* The connection through which `user` works: on SQLite the one file, on a
 * server their own login's connection to the test's database. */
static inline KhDb *
fixture_db (Fixture *f,
            KhUser  *user)
{
  g_autoptr(GError) error = NULL;
  KhDb *db;

  if (f->pg_dbname == NULL || user == NULL || g_strcmp0 (user->account, PG_TEST_ADMIN) == 0)
    return f->db;
  db = g_hash_table_lookup (f->user_dbs, user->account);
  if (db != NULL)
    return db;
  {
    g_autofree char *conninfo = pg_test_conninfo (f->pg_dbname, user->account);

    db = kh_db_open (conninfo, &error);
    g_assert_no_error (error);
    g_hash_table_insert (f->user_dbs, g_strdup (user->account), db);
  }
  return db;
}

/* One number from SQL run beside the store, as another program would:
 * the SQLite file, or the server as its superuser (who sees every row). */
static inline gint64
count (Fixture    *f,
       const char *sql)
{
  if (f->pg_dbname != NULL)
    return pg_test_count (f->pg_dbname, sql);

  sqlite3 *handle = raw_open (f->path);
  gint64 n = raw_count (handle, sql);

  sqlite3_close (handle);
  return n;
}

static inline KhContact *
test_contact (KhOutcome outcome)
{
  KhContact *contact = kh_contact_new ();

  contact->channel = KH_CHANNEL_WALK_IN;
  contact->contactor = KH_CONTACTOR_SELF;
  contact->language = KH_LANGUAGE_FI;
  contact->outcome = outcome;
  contact->needs = KH_NEED_FINANCIAL;
  contact->urgency = outcome == KH_OUTCOME_URGENT ? KH_URGENCY_URGENT : KH_URGENCY_NOT_URGENT;
  return contact;
}
