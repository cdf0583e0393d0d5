/* bench-intake.c — saving an intake, beside a raw single-row INSERT
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-intake DATABASE [SAVES]
 *        bench-intake SERVER-CONNINFO SAVES FLOOR-CONNINFO
 *
 * Times kh_db_save_intake() for a walk-in of a new (fictional) person that
 * opens a case: the person, the contact, the case and its statutory
 * deadline in one transaction. The floor is one INSERT of one row into a
 * scratch table of the same database file, in its own transaction, with the
 * store's journal mode and synchronous setting. DATABASE is written to:
 * give it a copy.
 *
 * The connection does SQLite's upkeep (checkpoints, merging the name index)
 * as the application's does: when idle, not in the commit
 * (kh_db_set_maintenance_when_idle; KhStore's worker runs it after a
 * quarter of a second with nothing to do). Between two saves the benchmark
 * runs due upkeep as that idle worker would, outside the save's time, and
 * reports it on its own line.
 *
 * On PostgreSQL (a connection string: the worker's login) the floor is
 * BEGIN, one prepared INSERT of one row into a scratch table and COMMIT
 * over the same socket as FLOOR-CONNINFO, which waits for the server's
 * WAL flush as the store's commit does (synchronous_commit=on).
 */

#define G_LOG_DOMAIN "kohtaamo-bench"

#include "config.h"

#include <sqlite3.h>
#include <libpq-fe.h>

#include "core/kh-hetu.h"
#include "store/kh-db.h"
#include "bench-common.h"

static const char *last_names[] = { "Mäkelä", "Koskinen", "Lindström", "Heikkinen", "Åkerlund" };
static const char *first_names[] = { "Aino", "Eero", "Linnea", "Veikko", "Signe" };

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

/* A fictional person with an identity code (individual number 900–999)
 * that the database does not have yet. */
static KhClient *
new_person (KhDb   *db,
            KhUser *user,
            GRand  *rand,
            guint   i)
{
  g_autoptr(KhClient) client = kh_client_new ();

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDate) birth = g_date_new_dmy (g_rand_int_range (rand, 1, 29),
                                               g_rand_int_range (rand, 1, 13),
                                               g_rand_int_range (rand, 1940, 2005));
      g_autofree char *code = kh_hetu_make (birth, g_rand_int_range (rand, 900, 1000), 0);

      if (kh_db_identity_code_exists (db, user, code, &error))
        continue;
      if (error != NULL)
        g_error ("identity code lookup: %s", error->message);

      client->identity_kind = KH_IDENTITY_CODE;
      client->identity_code = g_steal_pointer (&code);
      client->birth_date = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (birth),
                                            g_date_get_month (birth), g_date_get_day (birth));
      break;
    }
  client->last_name = g_strdup (last_names[i % G_N_ELEMENTS (last_names)]);
  client->first_names = g_strdup (first_names[(i / 5) % G_N_ELEMENTS (first_names)]);
  client->language = (i % 4 == 3) ? KH_LANGUAGE_SV : KH_LANGUAGE_FI;
  client->phone = g_strdup_printf ("040 %03u %04u", 900 + i % 100, i % 10000);
  return g_steal_pointer (&client);
}

static KhContact *
new_contact (KhClient *client)
{
  KhContact *contact = kh_contact_new ();

  contact->received_at = g_date_time_new_now_local ();
  contact->channel = KH_CHANNEL_WALK_IN;
  contact->contactor = KH_CONTACTOR_SELF;
  contact->referral = KH_REFERRAL_NONE;
  contact->needs = KH_NEED_HOUSING | KH_NEED_FINANCIAL;
  contact->reason_text = g_strdup ("Rent arrears; asks about housing advice and income support.");
  contact->urgency = KH_URGENCY_NOT_URGENT;
  contact->language = client->language;
  contact->outcome = KH_OUTCOME_CASE_OPENED;
  contact->anonymous = FALSE;
  return contact;
}

static GArray *
time_store (KhDb    *db,
            KhUser  *user,
            guint    saves,
            GArray  *checkpoints)
{
  GArray *samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261122);

  for (guint i = 0; i < saves; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(KhClient) client = new_person (db, user, rand, i);
      g_autoptr(KhContact) contact = new_contact (client);
      g_autoptr(KhIntakeResult) result = NULL;
      KhIntake intake = { 0 };
      double start, elapsed;

      intake.contact = contact;
      intake.client = client;
      intake.deadline_groups = (i % 7 == 0) ? KH_DEADLINE_GROUP_OVER_75 : 0;

      start = bench_now_ms ();
      result = kh_db_save_intake (db, user, &intake, &error);
      elapsed = bench_now_ms () - start;
      /* On PostgreSQL kh_db_identity_code_exists does not see a code whose
       * owner the transaction has not logged: a code drawn again is
       * refused at the save. Another person, not timed. */
      if (result == NULL && g_error_matches (error, KH_STORE_ERROR, KH_STORE_ERROR_DUPLICATE_CODE))
        {
          i--;
          continue;
        }
      if (result == NULL)
        g_error ("save intake: %s", error->message);
      if (result->case_id == 0)
        g_error ("save intake: no case was opened");
      /* The first saves warm the statement cache; not measured. */
      if (i >= 5)
        g_array_append_val (samples, elapsed);

      /* The receptionist's next save comes seconds later: the worker has
       * done the upkeep by then, if some was due. */
      if (kh_db_maintenance_is_due (db))
        {
          start = bench_now_ms ();
          if (!kh_db_maintain (db, &error))
            g_error ("upkeep: %s", error->message);
          elapsed = bench_now_ms () - start;
          g_array_append_val (checkpoints, elapsed);
        }
    }
  return samples;
}

static GArray *
time_floor (const char *path,
            guint       saves)
{
  GArray *samples = g_array_new (FALSE, FALSE, sizeof (double));
  sqlite3 *handle = NULL;
  sqlite3_stmt *begin = NULL, *insert = NULL, *commit = NULL;
  char *message = NULL;

  if (sqlite3_open (path, &handle) != SQLITE_OK)
    g_error ("%s: %s", path, sqlite3_errmsg (handle));
  /* The store's saves wait for the disk (FULL's sync of the -wal file at
   * commit; kh-db-sqlite.c), and so does the floor. */
  if (sqlite3_exec (handle,
                    "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
                    "CREATE TABLE IF NOT EXISTS bench_scratch ("
                    "  id INTEGER PRIMARY KEY, at INTEGER NOT NULL, note TEXT NOT NULL) STRICT;",
                    NULL, NULL, &message) != SQLITE_OK)
    g_error ("floor: %s", message);
  if (sqlite3_prepare_v2 (handle, "BEGIN IMMEDIATE", -1, &begin, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (handle, "INSERT INTO bench_scratch (at, note) VALUES (?1, ?2)",
                          -1, &insert, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (handle, "COMMIT", -1, &commit, NULL) != SQLITE_OK)
    g_error ("floor: %s", sqlite3_errmsg (handle));

  for (guint i = 0; i < saves; i++)
    {
      double start = bench_now_ms ();
      double elapsed;

      if (sqlite3_step (begin) != SQLITE_DONE)
        g_error ("floor begin: %s", sqlite3_errmsg (handle));
      sqlite3_bind_int64 (insert, 1, g_get_real_time ());
      sqlite3_bind_text (insert, 2, "Rent arrears; asks about housing advice.", -1, SQLITE_STATIC);
      if (sqlite3_step (insert) != SQLITE_DONE)
        g_error ("floor insert: %s", sqlite3_errmsg (handle));
      if (sqlite3_step (commit) != SQLITE_DONE)
        g_error ("floor commit: %s", sqlite3_errmsg (handle));
      sqlite3_reset (begin);
      sqlite3_reset (insert);
      sqlite3_reset (commit);
      elapsed = bench_now_ms () - start;
      if (i >= 5)
        g_array_append_val (samples, elapsed);
    }
  sqlite3_exec (handle, "DROP TABLE bench_scratch", NULL, NULL, NULL);
  sqlite3_finalize (begin);
  sqlite3_finalize (insert);
  sqlite3_finalize (commit);
  sqlite3_close (handle);
  return samples;
}

static void
pg_run (PGconn     *conn,
        const char *sql)
{
  PGresult *result = PQexec (conn, sql);

  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    g_error ("floor: %s: %s", sql, PQerrorMessage (conn));
  PQclear (result);
}

static GArray *
time_pg_floor (const char *conninfo,
               guint       saves)
{
  GArray *samples = g_array_new (FALSE, FALSE, sizeof (double));
  PGconn *conn = PQconnectdb (conninfo);
  PGresult *result;

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("floor: %s", PQerrorMessage (conn));
  pg_run (conn, "SET synchronous_commit = on");
  pg_run (conn, "CREATE TABLE IF NOT EXISTS public.bench_scratch ("
                "  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, at bigint NOT NULL,"
                "  note text NOT NULL)");
  result = PQprepare (conn, "insert",
                      "INSERT INTO public.bench_scratch (at, note) VALUES ($1, $2)", 2, NULL);
  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    g_error ("floor: %s", PQerrorMessage (conn));
  PQclear (result);

  for (guint i = 0; i < saves; i++)
    {
      g_autofree char *at = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_real_time ());
      const char *values[2] = { at, "Rent arrears; asks about housing advice." };
      double start = bench_now_ms ();
      double elapsed;

      pg_run (conn, "BEGIN");
      result = PQexecPrepared (conn, "insert", 2, values, NULL, NULL, 0);
      if (PQresultStatus (result) != PGRES_COMMAND_OK)
        g_error ("floor insert: %s", PQerrorMessage (conn));
      PQclear (result);
      pg_run (conn, "COMMIT");
      elapsed = bench_now_ms () - start;
      if (i >= 5)
        g_array_append_val (samples, elapsed);
    }
  pg_run (conn, "DROP TABLE public.bench_scratch");
  PQfinish (conn);
  return samples;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) store = NULL;
  g_autoptr(GArray) floor = NULL;
  g_autoptr(GArray) checkpoints = g_array_new (FALSE, FALSE, sizeof (double));
  KhDb *db;
  KhUser *user;
  guint saves;
  double ratio;
  gboolean server;
  double median_aim;

  if (argc < 2)
    {
      g_printerr ("usage: %s DATABASE [SAVES]\n", argv[0]);
      return 2;
    }
  saves = argc > 2 ? (guint) g_ascii_strtoull (argv[2], NULL, 10) : 200;
  saves = MAX (saves, 10);
  server = kh_db_location_is_server (argv[1]);
  if (server && argc < 4)
    {
      g_printerr ("usage: %s SERVER-CONNINFO SAVES FLOOR-CONNINFO\n", argv[0]);
      return 2;
    }
  /* Issue 6: on a server with synchronous_commit=on, 10 ms. */
  median_aim = server ? 10.0 : 5.0;

  db = kh_db_open (argv[1], &error);
  if (db == NULL)
    g_error ("%s: %s", argv[1], error->message);
  user = bench_user (db);
  g_print ("bench: intake: %u saves of a new person with a case opened\n", saves);
  if (!kh_db_set_maintenance_when_idle (db, &error))
    g_error ("%s: %s", argv[1], error->message);
  store = time_store (db, user, saves, checkpoints);
  g_object_unref (user);
  kh_db_close (db);

  floor = server ? time_pg_floor (argv[3], saves) : time_floor (argv[1], saves);

  bench_report ("kh_db_save_intake (new person, case opened)", store);
  bench_report ("floor: raw one-row INSERT, own transaction", floor);
  if (checkpoints->len > 0)
    bench_report ("upkeep when idle (not in a save)", checkpoints);
  ratio = bench_quantile (store, 0.5) / MAX (bench_quantile (floor, 0.5), 0.001);
  g_print ("bench: intake ratio (store / floor, medians): %.2fx\n", ratio);
  g_print ("bench: intake aims: median < %.0f ms: %s, p99 < 16 ms: %s\n", median_aim,
           bench_quantile (store, 0.5) < median_aim ? "met" : "NOT met",
           bench_quantile (store, 0.99) < 16.0 ? "met" : "NOT met");
  return 0;
}
