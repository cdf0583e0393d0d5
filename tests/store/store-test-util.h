/* store-test-util.h — fixtures shared by the store tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every test works on real SQLite files in its own temporary folder. People
 * are fictional; identity codes use the individual numbers 900–999.
 */
#pragma once

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "core/kh-hetu.h"
#include "core/kh-log-chain.h"
#include "core/kh-text.h"
#include "store/kh-db.h"

typedef struct
{
  char   *dir;
  char   *path;
  KhDb   *db;
  KhUser *admin;
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

  f->dir = g_dir_make_tmp ("kohtaamo-store-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "data", "kohtaamo.db", NULL);
  f->db = kh_db_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->db);
  f->admin = kh_db_login (f->db, "tester", "Testi Testaaja", &error);
  g_assert_no_error (error);
  g_assert_cmpint (f->admin->role, ==, KH_ROLE_ADMIN);
}

static inline void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->admin);
  g_clear_pointer (&f->db, kh_db_close);
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

static inline gint64
count (Fixture    *f,
       const char *sql)
{
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
