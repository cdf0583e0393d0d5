/* bench-live.c — how soon a change at one desk shows at another
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-live SAVING-DATABASE WATCHING-DATABASE [CHANGES]
 *
 * Issue 6, 6: when one desk saves, the other desks' lists and open pages
 * follow within a second. A KhStore opened on WATCHING-DATABASE stands for
 * the other desk (its worker looks for other desks' commits as in the
 * application); a KhDb on SAVING-DATABASE saves a new fictional person
 * CHANGES times, a random 0–250 ms apart, and the time is taken to
 * ::client-changed for that person on the watching store's main loop: from
 * the save's return (the commit is done; the other desk may have heard it
 * already, while the save was still reading its answer) and from the
 * save's start (an upper bound, with the save itself). On SQLite both name the same file (the
 * worker looks at PRAGMA data_version every 200 ms); on PostgreSQL two
 * logins to one database (LISTEN/NOTIFY, the worker waits on the socket).
 * Both databases are written to: give copies.
 */

#define G_LOG_DOMAIN "kohtaamo-bench"

#include "config.h"

#include "store/kh-store.h"
#include "bench-common.h"

typedef struct
{
  GMainLoop    *loop;
  GAsyncResult *result;
  gint64        waiting_for;
  double        heard_at;
  gboolean      timed_out;
} Watch;

static void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Watch *w = user_data;

  w->result = g_object_ref (result);
  g_main_loop_quit (w->loop);
}

static void
client_changed_cb (KhStore *store,
                   gint64   client_id,
                   Watch   *w)
{
  if (w->waiting_for != 0 && client_id == w->waiting_for)
    {
      w->heard_at = bench_now_ms ();
      w->waiting_for = 0;
      g_main_loop_quit (w->loop);
    }
}

static gboolean
timeout_cb (gpointer user_data)
{
  Watch *w = user_data;

  w->timed_out = TRUE;
  g_main_loop_quit (w->loop);
  return G_SOURCE_REMOVE;
}

static void
run_for (Watch *w,
         guint  ms)
{
  guint timeout = g_timeout_add (ms, timeout_cb, w);

  w->timed_out = FALSE;
  g_main_loop_run (w->loop);
  if (!w->timed_out)
    g_source_remove (timeout);
}

static KhUser *
login (KhDb *db)
{
  g_autoptr(GError) error = NULL;
  const char *account = kh_db_get_login (db) != NULL ? kh_db_get_login (db) : g_get_user_name ();
  KhUser *user = kh_db_login (db, account, g_get_real_name (), &error);

  if (user == NULL)
    g_error ("cannot log in as %s: %s", account, error->message);
  return user;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(KhStore) store = NULL;
  g_autoptr(KhUser) watcher = NULL;
  g_autoptr(KhDb) db = NULL;
  g_autoptr(KhUser) user = NULL;
  g_autoptr(GArray) delays = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) from_start = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261204);
  Watch w = { loop };
  guint changes;
  gboolean server;

  if (argc < 3)
    {
      g_printerr ("usage: %s SAVING-DATABASE WATCHING-DATABASE [CHANGES]\n", argv[0]);
      return 2;
    }
  changes = argc > 3 ? (guint) g_ascii_strtoull (argv[3], NULL, 10) : 30;
  changes = MAX (changes, 1);
  server = kh_db_location_is_server (argv[2]);

  store = kh_store_new (argv[2]);
  kh_store_open_async (store, NULL, done_cb, &w);
  run_for (&w, 60000);
  if (w.result == NULL)
    g_error ("the watching store did not open in a minute");
  watcher = kh_store_open_finish (store, w.result, &error);
  g_clear_object (&w.result);
  if (watcher == NULL)
    g_error ("%s: %s", argv[2], error->message);
  g_signal_connect (store, "client-changed", G_CALLBACK (client_changed_cb), &w);

  db = kh_db_open (argv[1], &error);
  if (db == NULL)
    g_error ("%s: %s", argv[1], error->message);
  user = login (db);

  g_print ("bench: live: %u saves at one desk, heard at another (%s)\n", changes,
           server ? "PostgreSQL, LISTEN/NOTIFY" : "SQLite, PRAGMA data_version every 200 ms");
  /* The watching store's first look takes its starting point. */
  run_for (&w, 300);

  for (guint i = 0; i < changes; i++)
    {
      g_autoptr(KhClient) client = kh_client_new ();
      double start;
      double saved_at;
      double delay;
      gint64 id;

      client->identity_kind = KH_IDENTITY_BIRTH_DATE;
      client->no_code_reason = KH_NO_CODE_NOT_KNOWN;
      client->birth_date = g_strdup_printf ("19%02u-%02u-%02u", 40 + i % 60, 1 + i % 12, 1 + i % 28);
      client->last_name = g_strdup ("Työpistevaihto");
      client->first_names = g_strdup_printf ("Testi%u", i);
      client->language = KH_LANGUAGE_FI;

      start = bench_now_ms ();
      id = kh_db_save_client (db, user, client, &error);
      saved_at = bench_now_ms ();
      if (id <= 0)
        g_error ("save: %s", error->message);
      w.waiting_for = id;
      run_for (&w, 5000);
      if (w.timed_out)
        g_error ("the other desk did not hear change %u in 5 s", i);
      delay = w.heard_at - saved_at;
      g_array_append_val (delays, delay);
      delay = w.heard_at - start;
      g_array_append_val (from_start, delay);
      /* The next change comes at some other moment of the poll. */
      run_for (&w, g_rand_int_range (rand, 0, 251));
    }

  bench_report ("desk to desk, from the save's return", delays);
  bench_report ("desk to desk, from the save's start", from_start);
  g_print ("bench: live aim: under 1 s (largest from the start %.1f ms): %s\n",
           bench_quantile (from_start, 1.0),
           bench_quantile (from_start, 1.0) < 1000.0 ? "met" : "NOT met");

  g_clear_object (&user);
  g_clear_pointer (&db, kh_db_close);
  g_clear_object (&watcher);
  g_clear_object (&store);
  return 0;
}
