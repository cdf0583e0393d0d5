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

/* The cases that do not pass on PostgreSQL yet (issue 6: the store-pg
 * suite runs every store test there): gaps of the server engine being
 * closed, named here so that none is forgotten. They run on SQLite; on
 * PostgreSQL they are not registered, so they are not counted either.
 * None now: the last one, the log filtered by a person's name, has its
 * server function since data/sql/pg/0010. The list ends with NULL. */
static const char * const pg_pending_cases[] = {
  NULL,
};

/* Whether the case `path` runs on this engine (see pg_pending_cases). */
static inline gboolean
store_test_runs_here (const char *path)
{
  /* KOHTAAMO_TEST_PG_PENDING=1 runs them anyway, to work on them. */
  if (!pg_test_engine () || g_getenv ("KOHTAAMO_TEST_PG_PENDING") != NULL)
    return TRUE;
  for (gsize i = 0; pg_pending_cases[i] != NULL; i++)
    if (g_str_equal (path, pg_pending_cases[i]))
      return FALSE;
  return TRUE;
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

/* A hash of 64 zeros, and a placeholder hash (1 in hex), in SQL that both
 * engines read. */
#define RAW_ZERO_HASH "'0000000000000000000000000000000000000000000000000000000000000000'"
#define RAW_ONE_HASH  "'0000000000000000000000000000000000000000000000000000000000000001'"

/* SQL that appends a row to the access log as the chain's triggers demand
 * (0017: the next seq, the newest row's hash as prev_hash), for `values`
 * "at, user_id, client_id, what, basis". Its own hash is a placeholder:
 * for tests of the schema's other rules, not of the chain. On PostgreSQL
 * the server's trigger sets at, seq and both hashes itself. */
#define RAW_LOG_NEXT(values) \
  "INSERT INTO access_log (at, user_id, client_id, what, basis, seq, prev_hash, hash) " \
  "SELECT " values ", coalesce ((SELECT max (seq) FROM access_log), 0) + 1, " \
  "  coalesce ((SELECT hash FROM access_log ORDER BY seq DESC LIMIT 1), " RAW_ZERO_HASH "), " \
  "  " RAW_ONE_HASH

/* The database beside the store, as another program would reach it: the
 * SQLite file, or the server as its superuser (past row-level security and
 * grants, but not past the schema's constraints and triggers), with the
 * schema kohtaamo on the search path. The same SQL on either engine. */
typedef struct
{
  sqlite3 *lite;
  PGconn  *pg;
  /* The last statement's error, or NULL; and whether it was a rule of the
   * schema that refused it (SQLite: SQLITE_CONSTRAINT; PostgreSQL: an
   * integrity constraint, SQLSTATE class 23), not, say, a typo. */
  char    *message;
  gboolean refused;
} RawDb;

static inline RawDb *
raw_connect (Fixture *f)
{
  RawDb *raw = g_new0 (RawDb, 1);

  if (f->pg_dbname != NULL)
    {
      raw->pg = pg_test_connect (f->pg_dbname);
      pg_test_exec (raw->pg, "SET search_path = kohtaamo");
    }
  else
    raw->lite = raw_open (f->path);
  return raw;
}

static inline void
raw_close (RawDb *raw)
{
  if (raw->lite != NULL)
    sqlite3_close (raw->lite);
  g_clear_pointer (&raw->pg, PQfinish);
  g_free (raw->message);
  g_free (raw);
}

/* Runs `sql`; FALSE with raw->message set when the database refused it. */
static inline gboolean
raw_try (RawDb      *raw,
         const char *sql)
{
  g_clear_pointer (&raw->message, g_free);
  raw->refused = FALSE;
  if (raw->pg != NULL)
    {
      PGresult *result = PQexec (raw->pg, sql);
      ExecStatusType status = PQresultStatus (result);
      gboolean ok = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;

      if (!ok)
        {
          const char *state = PQresultErrorField (result, PG_DIAG_SQLSTATE);

          raw->message = g_strdup (PQresultErrorMessage (result));
          raw->refused = state != NULL && g_str_has_prefix (state, "23");
        }
      PQclear (result);
      return ok;
    }
  else
    {
      char *message = NULL;
      int rc = sqlite3_exec (raw->lite, sql, NULL, NULL, &message);

      if (rc != SQLITE_OK)
        {
          raw->message = g_strdup (message != NULL ? message : sqlite3_errstr (rc));
          raw->refused = (sqlite3_extended_errcode (raw->lite) & 0xff) == SQLITE_CONSTRAINT;
        }
      sqlite3_free (message);
      return rc == SQLITE_OK;
    }
}

/* Whether a rule of the schema refused `sql` (any other error fails). */
static inline gboolean
raw_refuses (RawDb      *raw,
             const char *sql)
{
  if (raw_try (raw, sql))
    return FALSE;
  g_test_message ("%s: %s", sql, raw->message);
  if (!raw->refused)
    g_error ("%s: failed, but not by a rule: %s", sql, raw->message);
  return TRUE;
}

static inline void
raw_run (RawDb      *raw,
         const char *sql)
{
  if (!raw_try (raw, sql))
    g_error ("%s: %s", sql, raw->message);
}

/* The rows of a query, each a GPtrArray of its columns' text (NULL for
 * NULL); read them with raw_cell. */
static inline GPtrArray *
raw_rows (RawDb      *raw,
          const char *sql)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  if (raw->pg != NULL)
    {
      PGresult *result = PQexec (raw->pg, sql);

      if (PQresultStatus (result) != PGRES_TUPLES_OK)
        g_error ("%s: %s", sql, PQresultErrorMessage (result));
      for (int r = 0; r < PQntuples (result); r++)
        {
          GPtrArray *row = g_ptr_array_new_with_free_func (g_free);

          for (int c = 0; c < PQnfields (result); c++)
            g_ptr_array_add (row, PQgetisnull (result, r, c) ? NULL
                                                             : g_strdup (PQgetvalue (result, r, c)));
          g_ptr_array_add (rows, row);
        }
      PQclear (result);
    }
  else
    {
      sqlite3_stmt *stmt = NULL;

      if (sqlite3_prepare_v2 (raw->lite, sql, -1, &stmt, NULL) != SQLITE_OK)
        g_error ("%s: %s", sql, sqlite3_errmsg (raw->lite));
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          GPtrArray *row = g_ptr_array_new_with_free_func (g_free);

          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            g_ptr_array_add (row, g_strdup ((const char *) sqlite3_column_text (stmt, c)));
          g_ptr_array_add (rows, row);
        }
      sqlite3_finalize (stmt);
    }
  return rows;
}

static inline const char *
raw_cell (GPtrArray *rows,
          guint      row,
          guint      column)
{
  g_assert_cmpuint (row, <, rows->len);
  return g_ptr_array_index ((GPtrArray *) g_ptr_array_index (rows, row), column);
}

/* The first column of the first row, as a number. */
static inline gint64
raw_number (RawDb      *raw,
            const char *sql)
{
  if (raw->pg != NULL)
    {
      PGresult *result = PQexec (raw->pg, sql);
      gint64 n;

      if (PQresultStatus (result) != PGRES_TUPLES_OK || PQntuples (result) < 1)
        g_error ("%s: %s", sql, PQresultErrorMessage (result));
      n = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
      PQclear (result);
      return n;
    }
  else
    {
      sqlite3_stmt *stmt = NULL;
      gint64 n;

      if (sqlite3_prepare_v2 (raw->lite, sql, -1, &stmt, NULL) != SQLITE_OK)
        g_error ("%s: %s", sql, sqlite3_errmsg (raw->lite));
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      n = sqlite3_column_int64 (stmt, 0);
      sqlite3_finalize (stmt);
      return n;
    }
}

/* Appends a properly chained row (kh-log-chain.h, the same formula on both
 * engines) to the access log, at the time given, as a program restoring
 * old rows would; client_id 0 is NULL. On PostgreSQL the superuser writes
 * past the chain's trigger (which would take the server's clock) and moves
 * the chain's head (access_log_head) as the trigger does. */
static inline void
raw_append_log (RawDb  *raw,
                gint64  at,
                gint64  user_id,
                gint64  client_id,
                int     what,
                int     basis)
{
  char prev_hash[KH_LOG_HASH_LENGTH + 1] = KH_LOG_FIRST_PREV_HASH;
  char hash[KH_LOG_HASH_LENGTH + 1];
  KhLogChainRow row = { 1, at, user_id, client_id > 0, client_id, what, basis, prev_hash };
  g_autoptr(GPtrArray) last = raw_rows (raw, raw->pg != NULL
                                               ? "SELECT seq, hash FROM access_log_head"
                                               : "SELECT seq, hash FROM access_log "
                                                 "ORDER BY seq DESC LIMIT 1");
  g_autofree char *client = client_id > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, client_id)
                                          : g_strdup ("NULL");
  g_autofree char *sql = NULL;

  if (last->len > 0)
    {
      row.seq = g_ascii_strtoll (raw_cell (last, 0, 0), NULL, 10) + 1;
      g_strlcpy (prev_hash, raw_cell (last, 0, 1), sizeof prev_hash);
    }
  kh_log_chain_hash (&row, hash);
  if (raw->pg != NULL)
    {
      sql = g_strdup_printf ("SET session_replication_role = replica; "
                             "INSERT INTO access_log (at, user_id, client_id, what, basis, seq, "
                             "  prev_hash, hash, xact) VALUES (%" G_GINT64_FORMAT ", %"
                             G_GINT64_FORMAT ", %s, %d, %d, %" G_GINT64_FORMAT ", '%s', '%s', "
                             "  pg_current_xact_id ()); "
                             "UPDATE access_log_head SET seq = %" G_GINT64_FORMAT ", hash = '%s'; "
                             "SET session_replication_role = origin",
                             at, user_id, client, what, basis, row.seq, prev_hash, hash,
                             row.seq, hash);
    }
  else
    sql = g_strdup_printf ("INSERT INTO access_log (at, user_id, client_id, what, basis, seq, "
                           "  prev_hash, hash) VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT
                           ", %s, %d, %d, %" G_GINT64_FORMAT ", '%s', '%s')",
                           at, user_id, client, what, basis, row.seq, prev_hash, hash);
  raw_run (raw, sql);
}

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
  RawDb raw = { handle, NULL, NULL, FALSE };

  raw_append_log (&raw, at, user_id, client_id, what, basis);
  g_free (raw.message);
}

static inline gint64
raw_count (sqlite3    *handle,
           const char *sql)
{
  RawDb raw = { handle, NULL, NULL, FALSE };

  return raw_number (&raw, sql);
}

/* Saves a user as the administrator does (kh_db_save_user); on a server
 * the login role of a valid account name is made first, as kohtaamo-admin
 * users add does. */
static inline KhUser *
fixture_save_user (Fixture     *f,
                   const char  *account,
                   const char  *display_name,
                   KhRole       role,
                   gboolean     active,
                   GError     **error)
{
  if (f->pg_dbname != NULL && account != NULL
      && g_regex_match_simple ("^[a-z_][a-z0-9_.-]*$", account, 0, 0))
    pg_test_create_login (account);
  return kh_db_save_user (f->db, f->admin, account, display_name, role, active, error);
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
  KhUser *user = fixture_save_user (f, account, display_name, role, TRUE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (user);
  return user;
}

/* The connection through which `account` works: on SQLite the one file,
 * on a server their own login's connection to the test's database. */
static inline KhDb *
fixture_db_account (Fixture    *f,
                    const char *account)
{
  g_autoptr(GError) error = NULL;
  KhDb *db;

  if (f->pg_dbname == NULL || account == NULL || g_strcmp0 (account, PG_TEST_ADMIN) == 0)
    return f->db;
  db = g_hash_table_lookup (f->user_dbs, account);
  if (db != NULL)
    return db;
  {
    g_autofree char *conninfo = pg_test_conninfo (f->pg_dbname, account);

    db = kh_db_open (conninfo, &error);
    g_assert_no_error (error);
    g_hash_table_insert (f->user_dbs, g_strdup (account), db);
  }
  return db;
}

/* The connection through which `user` works. */
static inline KhDb *
fixture_db (Fixture *f,
            KhUser  *user)
{
  return fixture_db_account (f, user != NULL ? user->account : NULL);
}

/* One number from SQL run beside the store, as another program would:
 * the SQLite file, or the server as its superuser (who sees every row). */
static inline gint64
count (Fixture    *f,
       const char *sql)
{
  RawDb *raw = raw_connect (f);
  gint64 n = raw_number (raw, sql);

  raw_close (raw);
  return n;
}

/* How many people the name index finds by the whole word `word` (folded,
 * as typed in lower case): SQLite's clients_fts, the server's
 * client_words. */
static inline gint64
name_index_count (Fixture    *f,
                  const char *word)
{
  g_autofree char *sql = f->pg_dbname != NULL
    ? g_strdup_printf ("SELECT count(DISTINCT client_id) FROM client_words WHERE word = '%s'", word)
    : g_strdup_printf ("SELECT count(*) FROM clients_fts WHERE clients_fts MATCH '%s'", word);

  return count (f, sql);
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

/* Everything 36–37 § asks, as a worker fills it in. */
static inline void
test_complete_assessment (KhAssessment *a)
{
  KhAreaAssessment *area = g_ptr_array_index (a->areas, 0);

  a->client_present = KH_ANSWER_YES;
  a->rights_explained = KH_ANSWER_YES;
  a->options_explained = KH_ANSWER_YES;
  a->client_understood = KH_ANSWER_YES;
  a->has_children = KH_ANSWER_NO;
  g_free (a->client_view);
  a->client_view = g_strdup ("Haluan saada vuokrat maksettua ja löytää työtä.");
  g_free (area->situation);
  area->situation = g_strdup ("Vuokrarästejä kolmelta kuukaudelta.");
  area->worker_rating = 2;
  area->client_rating = 3;
  a->support_needed = KH_ANSWER_YES;
  a->need_duration = KH_NEED_DURATION_TEMPORARY;
  a->services = KH_SHL_SERVICE_BIT (KH_SHL_SERVICE_SOCIAL_WORK);
  a->special_support = KH_ANSWER_NO;
  g_free (a->special_support_reasons);
  a->special_support_reasons = g_strdup ("Asiakas hakee ja saa palveluja itse.");
  g_free (a->summary);
  a->summary = g_strdup ("Taloudellinen tilanne on heikentynyt työttömyyden vuoksi.");
  g_free (a->conclusions);
  a->conclusions = g_strdup ("Asiakkuudelle on edellytykset.");
  a->client_on_worker = KH_RESPONSIBLE_WORKER_NEEDED;
  a->worker_on_worker = KH_RESPONSIBLE_WORKER_NEEDED;
  a->next_step = KH_NEXT_STEP_CLIENT_PLAN;
}
