/* bench-search.c — search-as-you-type latency, beside raw floors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-search DATABASE [ROUNDS]
 *        bench-search SERVER-CONNINFO ROUNDS FLOOR-CONNINFO
 *
 * Types a realistic set of queries letter by letter ("m", "mä", "mäk", …,
 * identity-code and birth-date prefixes, phone digits) and times each
 * kh_db_search_clients() call, with the access-log rows it writes. The
 * floors run the same name queries directly with SQLite over the same names
 * copied to a scratch file: an FTS5 prefix query (the same tokenizer) and a
 * LIKE scan. DATABASE is written to (access log): give it a copy.
 *
 * On PostgreSQL (a connection string: the worker's login) the store's
 * search is the server's function, which logs every person it returns;
 * the floor is one prepared query over the same socket, as FLOOR-CONNINFO
 * (the superuser, whom row-level security does not stop): the ids and
 * names of the first 20 people with a name word starting with the longest
 * typed word (folded as the store folds it), from the same word index
 * (client_words) — no order, no other words, no log.
 */

#define G_LOG_DOMAIN "kohtaamo-bench"

#include "config.h"

#include <locale.h>
#include <sqlite3.h>
#include <string.h>
#include <glib/gstdio.h>
#include <libpq-fe.h>

#include "store/kh-db-private.h"
#include "bench-common.h"

/* Whole queries; each is typed one character at a time. Names first (the
 * floors use these), then the other kinds of search. */
static const char *name_queries[] = {
  "mäki", "virt", "lind", "åb", "niemi", "korh", "joh", "aino mä", "ström",
};
static const char *other_queries[] = {
  "0105", "010580", "1.5.1980", "040123", "+358 40",
};

static GPtrArray *
typed_prefixes (const char **queries,
                guint        n_queries)
{
  GPtrArray *prefixes = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n_queries; i++)
    {
      for (const char *p = g_utf8_next_char (queries[i]); ; p = g_utf8_next_char (p))
        {
          g_autofree char *prefix = g_strndup (queries[i], p - queries[i]);

          /* A trailing space adds nothing to search for: the UI waits for
           * the next letter too. */
          if (!g_str_has_suffix (prefix, " "))
            g_ptr_array_add (prefixes, g_steal_pointer (&prefix));
          if (*p == '\0')
            break;
        }
    }
  return prefixes;
}

static KhUser *
bench_user (KhDb *db)
{
  g_autoptr(GError) error = NULL;
  KhUser *user;

  /* On a server, the login is the user (tools/bench made it one). */
  user = kh_db_login (db, kh_db_get_login (db) != NULL ? kh_db_get_login (db) : g_get_user_name (),
                      g_get_real_name (), &error);
  if (user != NULL)
    return user;
  g_clear_error (&error);
  /* The database was made by another account: add a reception user. */
  g_clear_object (&user);
  user = kh_db_save_user (db, bench_first_admin (db), "kohtaamo-bench", "Benchmark",
                          KH_ROLE_RECEPTION, TRUE, &error);
  if (user == NULL)
    g_error ("cannot add the benchmark user: %s", error->message);
  g_object_unref (user);
  user = kh_db_login (db, "kohtaamo-bench", "Benchmark", &error);
  if (user == NULL)
    g_error ("cannot log in: %s", error->message);
  return user;
}

/* `per_prefix` (may be NULL) gets one GArray of samples per prefix. */
static GArray *
time_store_search (KhDb      *db,
                   KhUser    *user,
                   GPtrArray *prefixes,
                   guint      rounds,
                   GPtrArray *per_prefix)
{
  GArray *samples = g_array_new (FALSE, FALSE, sizeof (double));

  if (per_prefix != NULL)
    for (guint i = 0; i < prefixes->len; i++)
      g_ptr_array_add (per_prefix, g_array_new (FALSE, FALSE, sizeof (double)));

  for (guint r = 0; r < rounds; r++)
    for (guint i = 0; i < prefixes->len; i++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(GPtrArray) results = NULL;
        double start = bench_now_ms ();
        double elapsed;

        results = kh_db_search_clients (db, user, g_ptr_array_index (prefixes, i), 20, &error);
        elapsed = bench_now_ms () - start;
        if (results == NULL)
          g_error ("search \"%s\": %s", (char *) g_ptr_array_index (prefixes, i), error->message);
        g_array_append_val (samples, elapsed);
        if (per_prefix != NULL)
          g_array_append_val (g_ptr_array_index (per_prefix, i), elapsed);
      }
  return samples;
}

static void
exec_or_die (sqlite3    *handle,
             const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (handle, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

/* Copies the names to a scratch database file with an FTS5 index made the
 * way TECH-NOTES recommends, so that the floor does not depend on how the
 * store names its tables. */
static sqlite3 *
open_floor (const char *database,
            const char *scratch)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *attach = NULL;

  g_unlink (scratch);
  if (sqlite3_open (scratch, &handle) != SQLITE_OK)
    g_error ("%s: %s", scratch, sqlite3_errmsg (handle));
  exec_or_die (handle, "PRAGMA journal_mode = WAL");
  if (sqlite3_prepare_v2 (handle, "ATTACH ?1 AS src", -1, &attach, NULL) != SQLITE_OK)
    g_error ("attach: %s", sqlite3_errmsg (handle));
  sqlite3_bind_text (attach, 1, database, -1, SQLITE_STATIC);
  if (sqlite3_step (attach) != SQLITE_DONE)
    g_error ("attach %s: %s", database, sqlite3_errmsg (handle));
  sqlite3_finalize (attach);
  exec_or_die (handle,
               "CREATE TABLE names (id INTEGER PRIMARY KEY, last_name TEXT NOT NULL,"
               "                    first_names TEXT NOT NULL);"
               "INSERT INTO names SELECT id, last_name, first_names FROM src.clients;"
               "CREATE VIRTUAL TABLE names_fts USING fts5 (last_name, first_names,"
               "  content='names', content_rowid='id',"
               "  tokenize='unicode61 remove_diacritics 2');"
               "INSERT INTO names_fts (names_fts) VALUES ('rebuild');"
               "DETACH src;");
  return handle;
}

#define FTS_SQL \
  "SELECT n.id, n.last_name, n.first_names" \
  "  FROM names_fts JOIN names n ON n.id = names_fts.rowid" \
  " WHERE names_fts MATCH ?1 LIMIT 20"
#define LIKE_SQL \
  "SELECT id, last_name, first_names FROM names" \
  " WHERE last_name LIKE ?1 OR first_names LIKE ?1" \
  " ORDER BY last_name, first_names LIMIT 20"

/* "aino mä" -> "\"aino\"* \"mä\"*": every word a prefix, all required. */
static char *
fts_expression (const char *text)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  GString *expr = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;
      if (expr->len > 0)
        g_string_append_c (expr, ' ');
      g_string_append_printf (expr, "\"%s\"*", words[i]);
    }
  return g_string_free (expr, FALSE);
}

static GArray *
time_floor (sqlite3    *handle,
            const char *sql,
            gboolean    fts,
            GPtrArray  *prefixes,
            guint       rounds)
{
  GArray *samples = g_array_new (FALSE, FALSE, sizeof (double));
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (handle));

  for (guint r = 0; r < rounds; r++)
    for (guint i = 0; i < prefixes->len; i++)
      {
        const char *text = g_ptr_array_index (prefixes, i);
        g_autofree char *arg = fts ? fts_expression (text) : g_strconcat (text, "%", NULL);
        double start = bench_now_ms ();
        double elapsed;
        gsize bytes = 0;
        int rc;

        /* Like the store: prepared once, bound, stepped to the end, every
         * column read. */
        sqlite3_bind_text (stmt, 1, arg, -1, SQLITE_TRANSIENT);
        while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
          {
            bytes += sqlite3_column_int64 (stmt, 0) & 1;
            bytes += strlen ((const char *) sqlite3_column_text (stmt, 1));
            bytes += strlen ((const char *) sqlite3_column_text (stmt, 2));
          }
        if (rc != SQLITE_DONE)
          g_error ("%s: %s", sql, sqlite3_errmsg (handle));
        sqlite3_reset (stmt);
        sqlite3_clear_bindings (stmt);
        elapsed = bench_now_ms () - start;
        g_array_append_val (samples, elapsed);
        g_assert (bytes < G_MAXSIZE);
      }
  sqlite3_finalize (stmt);
  return samples;
}

/* ---- the floor on PostgreSQL ---- */

#define PG_FLOOR_SQL \
  "SELECT c.id, c.last_name, c.first_names" \
  "  FROM (SELECT DISTINCT w.client_id FROM kohtaamo.client_words w" \
  "         WHERE w.word >= $1 COLLATE \"C\" AND w.word < ($1 || U&'\\+10FFFF') COLLATE \"C\"" \
  "         LIMIT 20) AS x" \
  "  JOIN kohtaamo.clients c ON c.id = x.client_id"

/* The longest folded word of `text` (the one the server's search starts
 * from), or NULL. */
static char *
longest_word (const char *text)
{
  g_autoptr(GPtrArray) words = _kh_db_fold_words (text);
  const char *longest = NULL;

  for (guint i = 0; i < words->len; i++)
    if (longest == NULL || strlen (g_ptr_array_index (words, i)) > strlen (longest))
      longest = g_ptr_array_index (words, i);
  return g_strdup (longest);
}

static GArray *
time_pg_floor (PGconn    *conn,
               GPtrArray *prefixes,
               guint      rounds)
{
  GArray *samples = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint r = 0; r < rounds; r++)
    for (guint i = 0; i < prefixes->len; i++)
      {
        g_autofree char *word = longest_word (g_ptr_array_index (prefixes, i));
        const char *values[1] = { word };
        double start = bench_now_ms ();
        double elapsed;
        gsize bytes = 0;
        PGresult *result;

        if (word == NULL)
          continue;
        result = PQexecPrepared (conn, "floor", 1, values, NULL, NULL, 0);
        if (PQresultStatus (result) != PGRES_TUPLES_OK)
          g_error ("floor: %s", PQerrorMessage (conn));
        for (int row = 0; row < PQntuples (result); row++)
          {
            bytes += g_ascii_strtoll (PQgetvalue (result, row, 0), NULL, 10) & 1;
            bytes += strlen (PQgetvalue (result, row, 1)) + strlen (PQgetvalue (result, row, 2));
          }
        PQclear (result);
        elapsed = bench_now_ms () - start;
        g_array_append_val (samples, elapsed);
        g_assert (bytes < G_MAXSIZE);
      }
  return samples;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhDb) db = NULL;
  g_autoptr(KhUser) user = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GArray) store_all = NULL;
  g_autoptr(GArray) store_names = NULL;
  g_autoptr(GArray) fts = NULL;
  g_autoptr(GArray) like = NULL;
  g_autoptr(GPtrArray) per_prefix = NULL;
  g_autofree char *scratch = NULL;
  guint rounds;
  sqlite3 *floor;
  double ratio;
  gboolean server;
  double median_aim;

  /* The queries are UTF-8: print them as such. */
  setlocale (LC_ALL, "");
  if (argc < 2)
    {
      g_printerr ("usage: %s DATABASE [ROUNDS]\n", argv[0]);
      return 2;
    }
  rounds = argc > 2 ? (guint) g_ascii_strtoull (argv[2], NULL, 10) : 20;
  if (rounds == 0)
    rounds = 1;

  server = kh_db_location_is_server (argv[1]);
  if (server && argc < 4)
    {
      g_printerr ("usage: %s SERVER-CONNINFO ROUNDS FLOOR-CONNINFO\n", argv[0]);
      return 2;
    }
  /* Issue 6: over a Unix socket a server's search may take a little longer. */
  median_aim = server ? 3.0 : 2.0;
  db = kh_db_open (argv[1], &error);
  if (db == NULL)
    g_error ("%s: %s", argv[1], error->message);
  user = bench_user (db);

  names = typed_prefixes (name_queries, G_N_ELEMENTS (name_queries));
  all = typed_prefixes (name_queries, G_N_ELEMENTS (name_queries));
  {
    g_autoptr(GPtrArray) others = typed_prefixes (other_queries, G_N_ELEMENTS (other_queries));
    for (guint i = 0; i < others->len; i++)
      g_ptr_array_add (all, g_strdup (g_ptr_array_index (others, i)));
  }

  g_print ("bench: search: %u typed prefixes (%u of names), %u rounds\n",
           all->len, names->len, rounds);

  /* One pass to warm the page cache and the statement caches. */
  g_array_unref (time_store_search (db, user, all, 1, NULL));
  per_prefix = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  store_all = time_store_search (db, user, all, rounds, per_prefix);
  store_names = time_store_search (db, user, names, rounds, NULL);

  if (server)
    {
      PGconn *conn = PQconnectdb (argv[3]);
      PGresult *prepared;

      if (PQstatus (conn) != CONNECTION_OK)
        g_error ("floor: %s", PQerrorMessage (conn));
      prepared = PQprepare (conn, "floor", PG_FLOOR_SQL, 1, NULL);
      if (PQresultStatus (prepared) != PGRES_COMMAND_OK)
        g_error ("%s: %s", PG_FLOOR_SQL, PQerrorMessage (conn));
      PQclear (prepared);
      g_array_unref (time_pg_floor (conn, names, 1));
      fts = time_pg_floor (conn, names, rounds);
      PQfinish (conn);
    }
  else
    {
      scratch = g_strconcat (argv[1], ".floor", NULL);
      floor = open_floor (argv[1], scratch);
      g_array_unref (time_floor (floor, FTS_SQL, TRUE, names, 1));
      fts = time_floor (floor, FTS_SQL, TRUE, names, rounds);
      g_array_unref (time_floor (floor, LIKE_SQL, FALSE, names, 1));
      like = time_floor (floor, LIKE_SQL, FALSE, names, rounds);
      sqlite3_close (floor);
      g_unlink (scratch);
      {
        g_autofree char *wal = g_strconcat (scratch, "-wal", NULL);
        g_autofree char *shm = g_strconcat (scratch, "-shm", NULL);
        g_unlink (wal);
        g_unlink (shm);
      }
    }

  bench_report ("kh_db_search_clients, all queries", store_all);
  bench_report ("kh_db_search_clients, name queries", store_names);
  if (server)
    bench_report ("floor: raw prepared query, client_words", fts);
  else
    {
      bench_report ("floor: raw FTS5 prefix query, names", fts);
      bench_report ("floor: raw LIKE scan, names", like);
    }

  /* The slowest typed prefixes, for whoever tunes the search. */
  for (guint shown = 0; shown < 3; shown++)
    {
      guint worst = 0;
      double worst_median = -1.0;

      for (guint i = 0; i < per_prefix->len; i++)
        {
          GArray *one = g_ptr_array_index (per_prefix, i);
          double median = one->len ? bench_quantile (one, 0.5) : -1.0;

          if (median > worst_median)
            {
              worst = i;
              worst_median = median;
            }
        }
      if (worst_median < 0.0)
        break;
      g_print ("bench: search slowest prefix \"%s\": median %.3f ms\n",
               (char *) g_ptr_array_index (all, worst), worst_median);
      g_array_set_size (g_ptr_array_index (per_prefix, worst), 0);
    }

  ratio = bench_quantile (store_names, 0.5) / MAX (bench_quantile (fts, 0.5), 0.001);
  g_print ("bench: search ratio (store / %s floor, name medians): %.2fx\n",
           server ? "client_words" : "FTS5", ratio);
  g_print ("bench: search aims: median < %.0f ms: %s, p99 < 16 ms: %s\n", median_aim,
           bench_quantile (store_all, 0.5) < median_aim ? "met" : "NOT met",
           bench_quantile (store_all, 0.99) < 16.0 ? "met" : "NOT met");
  return 0;
}
