/* bench-caseload.c — the Cases view with 5 000 cases: time to its first frame
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-caseload DATABASE.db ROUNDS
 *        bench-caseload ADMIN-CONNINFO ROUNDS WORKER-CONNINFO [SUPERUSER-CONNINFO]
 *
 * Makes DATABASE.db afresh (SQLite): the running account a social worker of
 * the unit's team (a second administrator keeps the unit administered) and
 * 5 000 cases assigned to it, every tenth urgent, pending on days over the
 * past year. On PostgreSQL (issue 7: measured on both engines) the same
 * in the server's database: the administrator's login adds the worker's
 * (a login role the caller made), who then opens the 5 000 cases and is
 * the one the view runs as; the server's superuser, if given, then
 * analyzes the cases, as autovacuum does on a unit's server within a
 * minute of so many new rows (the planner otherwise takes the new
 * cases for none). Then, in one process under the X server, ROUNDS times: a new
 * window with the view (KhCaseloadPage on a KhStore that is already open,
 * as in the application), from making the page to the first frame painted
 * after its first page of cases came; and the floor, the same window with
 * a GtkListView of 5 000 plain labels (GtkStringList), to its first frame.
 * Prints "bench:" lines for tools/bench. Aim: median < 50 ms. With
 * KH_BENCH_TRACE=1, also each round's timeline on stderr: when the page
 * was made, the window presented, each frame's layout, paint and end, and
 * when the first page of cases came — and, before the rounds, five reads of
 * the first page alone (kh_store_list_caseload_async to its answer).
 */
#define G_LOG_DOMAIN "kohtaamo-bench"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <libpq-fe.h>

#include "store/kh-store.h"
#include "ui/caseload/kh-caseload-page.h"

#include "bench-common.h"
#include "bench-ui.h"

#define N_CASES 5000

/* As autovacuum would (see the top): the statistics of the new cases. */
static void
analyze_cases (const char *superuser)
{
  PGconn *conn = PQconnectdb (superuser);
  PGresult *result;

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("analyze: %s", PQerrorMessage (conn));
  result = PQexec (conn, "ANALYZE kohtaamo.cases");
  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    g_error ("analyze: %s", PQerrorMessage (conn));
  PQclear (result);
  PQfinish (conn);
}

static void
make_database (const char *path,
               const char *worker)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhUser) me = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  KhDb *db;
  KhDb *admin_db = NULL;
  double start = bench_now_ms ();

  db = bench_open_social_worker (path, worker, &me, &admin_db);

  if (!kh_db_begin (db, &error))
    g_error ("%s", error->message);
  for (guint i = 0; i < N_CASES; i++)
    {
      g_autoptr(KhContact) contact = kh_contact_new ();
      g_autoptr(KhClient) client = kh_client_new ();
      g_autoptr(KhIntakeResult) result = NULL;
      KhIntake intake = { contact, client, FALSE, 0, 0 };
      char birth[11];

      g_snprintf (birth, sizeof birth, "%04u-%02u-%02u", 1935 + i % 70, 1 + i % 12, 1 + i % 28);
      client->last_name = g_strdup_printf ("Asiakas%u", i);
      client->first_names = g_strdup ("Testi");
      client->language = KH_LANGUAGE_FI;
      client->identity_kind = KH_IDENTITY_BIRTH_DATE;
      client->no_code_reason = KH_NO_CODE_NOT_KNOWN;
      client->birth_date = g_strdup (birth);
      contact->channel = KH_CHANNEL_WALK_IN;
      contact->contactor = KH_CONTACTOR_SELF;
      contact->language = KH_LANGUAGE_FI;
      contact->outcome = KH_OUTCOME_CASE_OPENED;
      contact->needs = KH_NEED_FINANCIAL;
      contact->urgency = i % 10 == 0 ? KH_URGENCY_URGENT : KH_URGENCY_NOT_URGENT;
      contact->received_at = g_date_time_add_days (now, -(int) (i % 365));
      intake.assign_to = me->id;
      result = kh_db_save_intake (db, me, &intake, &error);
      if (result == NULL)
        g_error ("case %u: %s", i, error->message);
    }
  if (!kh_db_commit (db, &error))
    g_error ("%s", error->message);
  kh_db_close (db);
  g_clear_pointer (&admin_db, kh_db_close);
  g_print ("bench: caseload: %u cases assigned to one worker, made in %.1f s\n",
           N_CASES, (bench_now_ms () - start) / 1000.0);
}

typedef struct
{
  gboolean done;
  double   at;
} Frame;

static void
after_paint_cb (GdkFrameClock *clock,
                Frame         *frame)
{
  if (!frame->done)
    {
      frame->done = TRUE;
      frame->at = bench_now_ms ();
    }
}

/* KH_BENCH_TRACE=1: each round's timeline on stderr (frame starts, paints,
 * the first page's arrival), to see where the time goes. */
static gboolean trace;
static double trace_start;

static void
trace_cb (GObject    *object,
          const char *what)
{
  if (trace)
    g_printerr ("  %7.2f ms  %s\n", bench_now_ms () - trace_start, what);
}

static void
trace_loaded_cb (GObject      *model,
                 const GError *error,
                 gpointer      user_data)
{
  trace_cb (model, "first page of cases came");
}

static void
wait_for (gboolean *flag)
{
  while (!*flag)
    g_main_context_iteration (NULL, TRUE);
}

static void
trace_read_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GPtrArray) rows = kh_store_list_caseload_finish (KH_STORE (object), result, NULL, NULL);

  *(gboolean *) user_data = TRUE;
}

/* Presents `child` in a new window; returns when the first frame is
 * painted in which `ready` (if given) held. */
static double
first_frame (GtkWidget *child,
             gboolean (*ready) (GtkWidget *child),
             double     start)
{
  GtkWidget *window = gtk_window_new ();
  Frame frame = { FALSE, 0 };
  GdkFrameClock *clock;
  gulong id;

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  gtk_window_set_child (GTK_WINDOW (window), child);
  gtk_window_present (GTK_WINDOW (window));
  trace_cb (NULL, "presented");
  clock = gtk_widget_get_frame_clock (window);
  while (clock == NULL)
    {
      g_main_context_iteration (NULL, TRUE);
      clock = gtk_widget_get_frame_clock (window);
    }
  if (trace)
    {
      g_signal_connect (clock, "layout", G_CALLBACK (trace_cb), (gpointer) "frame: layout");
      g_signal_connect (clock, "paint", G_CALLBACK (trace_cb), (gpointer) "frame: paint");
      g_signal_connect (clock, "after-paint", G_CALLBACK (trace_cb), (gpointer) "frame: painted");
    }
  for (;;)
    {
      frame.done = FALSE;
      id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &frame);
      gtk_widget_queue_draw (window);
      wait_for (&frame.done);
      g_signal_handler_disconnect (clock, id);
      if (ready == NULL || ready (child))
        break;
    }
  if (trace)
    g_signal_handlers_disconnect_by_func (clock, trace_cb, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  return frame.at - start;
}

static gboolean
caseload_ready (GtkWidget *page)
{
  /* Rows of the first page are on screen: the heading counts them. */
  return *kh_caseload_page_get_heading (KH_CASELOAD_PAGE (page)) != '\0';
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GArray) view = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(KhStore) store = NULL;
  g_autoptr(KhUser) user = NULL;
  guint rounds;

  if (argc < 3 || argc > 5)
    {
      g_printerr ("usage: %s DATABASE.db ROUNDS\n"
                  "       %s ADMIN-CONNINFO ROUNDS WORKER-CONNINFO [SUPERUSER-CONNINFO]\n",
                  argv[0], argv[0]);
      return 2;
    }
  rounds = (guint) g_ascii_strtoull (argv[2], NULL, 10);
  trace = g_strcmp0 (g_getenv ("KH_BENCH_TRACE"), "1") == 0;
  make_database (argv[1], argc >= 4 ? argv[3] : NULL);
  if (argc == 5)
    analyze_cases (argv[4]);

  /* As the startup benchmark measures (README, "Benchmarks"). */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("GTK_A11Y", "none", FALSE);
  gtk_init ();
  adw_init ();
  store = kh_store_new (argc >= 4 ? argv[3] : argv[1]);
  kh_store_open_async (store, NULL, bench_store_opened_cb, &user);
  while (user == NULL)
    g_main_context_iteration (NULL, TRUE);

  if (trace)
    for (guint i = 0; i < 5; i++)
      {
        KhWorkListQuery query = { 0 };
        double t0 = bench_now_ms ();
        gboolean came = FALSE;

        query.limit = 12;
        query.showing = kh_work_list_new_showing ();
        kh_store_list_caseload_async (store, KH_CASELOAD_MINE, &query, NULL, NULL,
                                      trace_read_cb, &came);
        wait_for (&came);
        g_printerr ("read alone: %.2f ms\n", bench_now_ms () - t0);
      }

  for (guint i = 0; i < rounds + 1; i++)
    {
      double start = bench_now_ms ();
      GtkWidget *page;
      double ms;

      trace_start = start;
      if (trace)
        g_printerr ("round %u: the Cases view\n", i);
      page = kh_caseload_page_new (store);
      trace_cb (NULL, "page made");
      if (trace)
        g_signal_connect (kh_caseload_page_get_model (KH_CASELOAD_PAGE (page)), "loaded",
                          G_CALLBACK (trace_loaded_cb), NULL);
      ms = first_frame (page, caseload_ready, start);

      /* The first round warms the caches of both. */
      if (i > 0)
        g_array_append_val (view, ms);
      start = bench_now_ms ();
      trace_start = start;
      if (trace)
        g_printerr ("round %u: the floor\n", i);
      ms = first_frame (bench_plain_list (N_CASES, "Asiakas%u, Testi"), NULL, start);
      if (i > 0)
        g_array_append_val (floor, ms);
    }
  bench_report ("caseload view, 5000 cases, to first frame", view);
  bench_report ("floor: GtkListView of 5000 labels", floor);
  g_print ("bench: caseload aim: median < 50 ms: %s\n",
           bench_quantile (view, 0.5) < 50 ? "met" : "NOT met");
  return 0;
}
