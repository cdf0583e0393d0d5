/* bench-timeline.c — a person's page with 500 timeline entries: time to its
 * first frame with the timeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-timeline DATABASE.db ROUNDS
 *        bench-timeline ADMIN-CONNINFO ROUNDS WORKER-CONNINFO
 *
 * Makes DATABASE.db afresh (SQLite) with the running account a social
 * worker (a second administrator keeps the unit administered), or, on
 * PostgreSQL (issue 7: measured on both engines), the worker's login made a
 * worker by the administrator's; then one person with 500 timeline entries:
 * 50 contacts that each opened a case (100 entries) and 400 case notes.
 * Then, in one process under the X server, ROUNDS times: a new window with
 * the person's page (KhPersonPage on a KhStore that is already open, as in
 * the application), from making the page to the first frame painted with
 * the person's details and the whole timeline come, its first entries in
 * the list (the page's one reading of the store, one transaction with its
 * access-log rows, as in use), and on to the
 * frame in which the list has every entry (the page makes rows for the
 * first entries before its first frame, for the rest after it); and the
 * floor, the same window with a GtkListView of 500 plain labels, to its
 * first frame. Prints "bench:" lines for tools/bench. Aim: median < 50 ms.
 * With KH_BENCH_TRACE=1, also each round's timeline on stderr: when the
 * page was made, the window presented, the person's details came, the
 * timeline came, each frame's layout, paint and end, the process's CPU time
 * at each, and how many widgets the measured frame had; and before the
 * rounds, the median time of each of the page's four reads alone and of
 * its one reading of them all.
 */
#define G_LOG_DOMAIN "kohtaamo-bench"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "store/kh-store.h"
#include "ui/clients/kh-person-page.h"
#include "ui/clients/kh-person-timeline.h"

#include "bench-common.h"
#include "bench-ui.h"

#include <time.h>

/* Under valgrind --tool=callgrind --collect-atstart=no, each measured
 * round's work (the page's: from making it to its measured frame; the
 * floor's: to its frame) is collected and dumped on its own ("page N",
 * "floor N"): instructions, which load does not move. Nothing otherwise. */
#if defined(__has_include)
#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#define BENCH_HAVE_CALLGRIND 1
#endif
#endif
#ifndef BENCH_HAVE_CALLGRIND
#define RUNNING_ON_VALGRIND 0
#define CALLGRIND_TOGGLE_COLLECT
#define CALLGRIND_DUMP_STATS_AT(what) ((void) (what))
#endif

#define N_INTAKES 50
#define N_NOTES 400
#define N_ENTRIES (2 * N_INTAKES + N_NOTES)

static gint64 client_id;

static void
make_database (const char *path,
               const char *worker)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhUser) me = NULL;
  g_autoptr(GArray) cases = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(KhClient) client = kh_client_new ();
  KhDb *db;
  KhDb *admin_db = NULL;
  double start = bench_now_ms ();

  db = bench_open_social_worker (path, worker, &me, &admin_db);

  client->last_name = g_strdup ("Aikajana");
  client->first_names = g_strdup ("Testi");
  client->language = KH_LANGUAGE_FI;
  client->identity_kind = KH_IDENTITY_BIRTH_DATE;
  client->no_code_reason = KH_NO_CODE_NOT_KNOWN;
  client->birth_date = g_strdup ("1961-04-02");
  if (!kh_db_begin (db, &error))
    g_error ("%s", error->message);
  for (guint i = 0; i < N_INTAKES; i++)
    {
      g_autoptr(KhContact) contact = kh_contact_new ();
      g_autoptr(KhIntakeResult) result = NULL;
      KhIntake intake = { contact, client, FALSE, 0, 0 };

      contact->channel = KH_CHANNEL_WALK_IN;
      contact->contactor = KH_CONTACTOR_SELF;
      contact->language = KH_LANGUAGE_FI;
      contact->outcome = KH_OUTCOME_CASE_OPENED;
      contact->needs = KH_NEED_FINANCIAL;
      contact->urgency = KH_URGENCY_NOT_URGENT;
      contact->reason_text = g_strdup_printf ("Yhteydenotto %u", i);
      contact->received_at = g_date_time_new_local (2024, 1 + i % 12, 1 + i % 28, 9 + i % 8, 0, 0);
      intake.assign_to = me->id;
      result = kh_db_save_intake (db, me, &intake, &error);
      if (result == NULL)
        g_error ("intake %u: %s", i, error->message);
      client->id = result->client_id;
      g_array_append_val (cases, result->case_id);
    }
  for (guint i = 0; i < N_NOTES; i++)
    {
      g_autofree char *text = g_strdup_printf ("Merkintä %u: tapasin asiakkaan, asia etenee. "
                                               "Seuraava tapaaminen sovitaan puhelimessa.", i);
      g_autoptr(KhTimelineEntry) note = kh_db_add_case_note (db, me, g_array_index (cases, gint64, i % cases->len),
                                                             text, 0, &error);

      if (note == NULL)
        g_error ("note %u: %s", i, error->message);
    }
  if (!kh_db_commit (db, &error))
    g_error ("%s", error->message);
  client_id = client->id;
  kh_db_close (db);
  g_clear_pointer (&admin_db, kh_db_close);
  g_print ("bench: timeline: one person with %u entries, made in %.1f s\n",
           N_ENTRIES, (bench_now_ms () - start) / 1000.0);
}

typedef struct
{
  GtkWidget *child;
  gboolean (*ready) (GtkWidget *child);
  gboolean (*then) (GtkWidget *child);
  gboolean   done;
  double     at;
  gboolean   ready_painted;   /* what the frame painted, asked when it was */
  gboolean   then_painted;
  guint      widgets;         /* KH_BENCH_TRACE=1: how many it painted */
} Frame;

static gboolean trace;
static gboolean collecting;   /* under callgrind: this round's work */
static guint count_widgets (GtkWidget *widget);

/* After the window painted (its own handler runs first): what it painted. */
static void
paint_cb (GdkFrameClock *clock,
          Frame         *frame)
{
  frame->ready_painted = frame->ready == NULL || frame->ready (frame->child);
  frame->then_painted = frame->then == NULL || frame->then (frame->child);
  /* Under callgrind: the measured frame is painted (its after-paint
   * handlers are not the page's first frame). */
  if (collecting && frame->ready_painted)
    {
      CALLGRIND_TOGGLE_COLLECT;
      collecting = FALSE;
    }
  if (trace)
    frame->widgets = count_widgets (GTK_WIDGET (gtk_widget_get_root (frame->child)));
}

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

/* KH_BENCH_TRACE=1: each round's timeline on stderr (the answers'
 * arrivals, frame starts, paints), wall and CPU time, to see where it goes. */
static double trace_start;
static double trace_cpu_start;

static double
cpu_now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static void
trace_cb (GObject    *object,
          const char *what)
{
  if (trace)
    g_printerr ("  %7.2f ms  (cpu %7.2f ms)  %s\n", bench_now_ms () - trace_start,
                cpu_now_ms () - trace_cpu_start, what);
}

static void
trace_stack_cb (GtkStack   *stack,
                GParamSpec *pspec,
                gpointer    user_data)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "details") == 0)
    trace_cb (NULL, "the person's details came");
}

static void
trace_entries_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  if (added > 1)
    trace_cb (NULL, "the timeline came");
}

/* KH_BENCH_TRACE=1: each of the page's reads alone, to its answer, and
 * the page's one reading of them all (kh_store_read_person_page_async). */
typedef struct
{
  gboolean   came;
  GPtrArray *(*finish) (KhStore *, GAsyncResult *, GError **);
  gboolean   whole_page;
} Read;

static void
trace_read_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  Read *read = user_data;
  g_autoptr(GError) error = NULL;

  if (read->whole_page)
    {
      g_autoptr(KhPersonPageRead) page = kh_store_read_person_page_finish (KH_STORE (object), result, &error);

      if (page == NULL)
        g_error ("%s", error->message);
      if (page->timeline == NULL || page->timeline->len != N_ENTRIES)
        g_error ("the page's reading: no timeline of %u entries", N_ENTRIES);
    }
  else if (read->finish != NULL)
    {
      g_autoptr(GPtrArray) rows = read->finish (KH_STORE (object), result, &error);

      if (rows == NULL)
        g_error ("%s", error->message);
    }
  else
    {
      g_autoptr(KhClient) client = kh_store_get_client_finish (KH_STORE (object), result, &error);

      if (client == NULL)
        g_error ("%s", error->message);
    }
  read->came = TRUE;
}

static void wait_for (gboolean *flag);

static void
trace_reads (KhStore *store)
{
  static const char *const names[] = { "the person", "the cases", "the meetings", "the timeline",
                                        "the page's one reading of all four" };

  for (guint what = 0; what < G_N_ELEMENTS (names); what++)
    {
      g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

      for (guint i = 0; i < 5; i++)
        {
          Read read = { FALSE, NULL, FALSE };
          double t0 = bench_now_ms ();
          double ms;

          switch (what)
            {
            case 0:
              kh_store_get_client_async (store, client_id, KH_ACCESS_PAGE, KH_BASIS_CLIENT_RELATIONSHIP,
                                         NULL, trace_read_cb, &read);
              break;
            case 1:
              read.finish = kh_store_list_client_cases_finish;
              kh_store_list_client_cases_async (store, client_id, NULL, trace_read_cb, &read);
              break;
            case 2:
              read.finish = kh_store_list_client_appointments_finish;
              kh_store_list_client_appointments_async (store, client_id, NULL, trace_read_cb, &read);
              break;
            case 3:
              read.finish = kh_store_list_client_timeline_finish;
              kh_store_list_client_timeline_async (store, client_id, 0, NULL, trace_read_cb, &read);
              break;
            default:
              read.whole_page = TRUE;
              kh_store_read_person_page_async (store, client_id, KH_BASIS_CLIENT_RELATIONSHIP,
                                               KH_PERSON_PAGE_MEETINGS | KH_PERSON_PAGE_TIMELINE,
                                               NULL, trace_read_cb, &read);
              break;
            }
          wait_for (&read.came);
          ms = bench_now_ms () - t0;
          g_array_append_val (times, ms);
        }
      g_printerr ("read alone, %s: median %.2f ms\n", names[what], bench_quantile (times, 0.5));
    }
}

static guint
count_widgets (GtkWidget *widget)
{
  guint n = 1;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_widgets (child);
  return n;
}

static void
wait_for (gboolean *flag)
{
  while (!*flag)
    g_main_context_iteration (NULL, TRUE);
}

static void
wait_for_frame (GtkWidget     *window,
                GdkFrameClock *clock,
                Frame         *frame)
{
  gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), frame);

  frame->done = FALSE;
  gtk_widget_queue_draw (window);
  wait_for (&frame->done);
  g_signal_handler_disconnect (clock, id);
}

/* Presents `child` in a new window; returns when the first frame is
 * painted in which `ready` (if given) held as it was painted, and sets
 * `then_ms` to the first in which `then` held too. */
static double
first_frame (GtkWidget *child,
             gboolean (*ready) (GtkWidget *child),
             gboolean (*then) (GtkWidget *child),
             double     start,
             double    *then_ms)
{
  GtkWidget *window = gtk_window_new ();
  Frame frame = { child, ready, then, FALSE, 0, FALSE, FALSE, 0 };
  GdkFrameClock *clock;
  gulong paint_id;
  double ms;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 900);
  gtk_window_set_child (GTK_WINDOW (window), child);
  gtk_window_present (GTK_WINDOW (window));
  trace_cb (NULL, "presented");
  clock = gtk_widget_get_frame_clock (window);
  while (clock == NULL)
    {
      g_main_context_iteration (NULL, TRUE);
      clock = gtk_widget_get_frame_clock (window);
    }
  paint_id = g_signal_connect (clock, "paint", G_CALLBACK (paint_cb), &frame);
  if (trace)
    {
      g_signal_connect (clock, "layout", G_CALLBACK (trace_cb), (gpointer) "frame: layout");
      g_signal_connect (clock, "paint", G_CALLBACK (trace_cb), (gpointer) "frame: paint");
      g_signal_connect (clock, "after-paint", G_CALLBACK (trace_cb), (gpointer) "frame: painted");
    }
  do
    wait_for_frame (window, clock, &frame);
  while (!frame.ready_painted);
  ms = frame.at - start;
  if (collecting)
    {
      CALLGRIND_TOGGLE_COLLECT;
      collecting = FALSE;
    }
  if (trace)
    g_printerr ("  the measured frame: %u widgets\n", frame.widgets);
  while (!frame.then_painted)
    wait_for_frame (window, clock, &frame);
  if (then_ms != NULL)
    *then_ms = frame.at - start;
  g_signal_handler_disconnect (clock, paint_id);
  if (trace)
    {
      g_signal_handlers_disconnect_by_func (clock, trace_cb, NULL);
      if (then != NULL)
        g_printerr ("  the frame with every row: %u widgets\n", frame.widgets);
    }
  gtk_window_destroy (GTK_WINDOW (window));
  return ms;
}

static GtkWidget *
get_timeline (GtkWidget *page)
{
  GtkWidget *pane = (GtkWidget *) gtk_widget_get_template_child (page, KH_TYPE_PERSON_PAGE, "timeline_pane");

  return gtk_widget_get_first_child (pane);
}

/* The timeline's list (not the one in its drop-down's popup). */
static GtkListView *
find_list_view (GtkWidget *widget)
{
  if (GTK_IS_LIST_VIEW (widget))
    return GTK_LIST_VIEW (widget);
  if (GTK_IS_DROP_DOWN (widget))
    return NULL;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkListView *found = find_list_view (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* How many entries the timeline's list has rows for (or may make). */
static guint
n_listed (GtkWidget *timeline)
{
  GtkListView *list = find_list_view (timeline);

  return list != NULL ? g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list))) : 0;
}

/* The person's details are in, the whole timeline has come, and the list
 * shows its first entries. */
static gboolean
timeline_ready (GtkWidget *page)
{
  GtkWidget *timeline = get_timeline (page);

  return kh_person_page_get_client (KH_PERSON_PAGE (page)) != NULL
         && timeline != NULL
         && kh_person_timeline_is_loaded (KH_PERSON_TIMELINE (timeline))
         && g_list_model_get_n_items (kh_person_timeline_get_model (KH_PERSON_TIMELINE (timeline))) == N_ENTRIES
         && n_listed (timeline) > 0;
}

/* ... and its list is open to every entry (the page makes rows for the
 * first entries before its first frame and for the others after it). */
static gboolean
every_row_ready (GtkWidget *page)
{
  return timeline_ready (page) && n_listed (get_timeline (page)) == N_ENTRIES;
}

static GtkWidget *
person_page (KhStore *store)
{
  GtkWidget *page = kh_person_page_new (store);

  trace_cb (NULL, "page made");
  if (trace)
    {
      GtkWidget *stack = (GtkWidget *) gtk_widget_get_template_child (page, KH_TYPE_PERSON_PAGE, "stack");
      GtkWidget *pane = (GtkWidget *) gtk_widget_get_template_child (page, KH_TYPE_PERSON_PAGE, "timeline_pane");
      GtkWidget *timeline = gtk_widget_get_first_child (pane);

      g_signal_connect (stack, "notify::visible-child-name", G_CALLBACK (trace_stack_cb), NULL);
      g_signal_connect (kh_person_timeline_get_model (KH_PERSON_TIMELINE (timeline)), "items-changed",
                        G_CALLBACK (trace_entries_cb), NULL);
    }
  kh_person_page_load (KH_PERSON_PAGE (page), client_id);
  trace_cb (NULL, "load asked");
  return page;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GArray) view = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) every = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(KhStore) store = NULL;
  g_autoptr(KhUser) user = NULL;
  guint rounds;

  if (argc != 3 && argc != 4)
    {
      g_printerr ("usage: %s DATABASE.db ROUNDS\n"
                  "       %s ADMIN-CONNINFO ROUNDS WORKER-CONNINFO\n", argv[0], argv[0]);
      return 2;
    }
  rounds = (guint) g_ascii_strtoull (argv[2], NULL, 10);
  trace = g_strcmp0 (g_getenv ("KH_BENCH_TRACE"), "1") == 0;
  make_database (argv[1], argc == 4 ? argv[3] : NULL);

  /* As the startup benchmark measures (README, "Benchmarks"). */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("GTK_A11Y", "none", FALSE);
  gtk_init ();
  adw_init ();
  store = kh_store_new (argc == 4 ? argv[3] : argv[1]);
  kh_store_open_async (store, NULL, bench_store_opened_cb, &user);
  while (user == NULL)
    g_main_context_iteration (NULL, TRUE);

  if (trace)
    trace_reads (store);

  for (guint i = 0; i < rounds + 1; i++)
    {
      double start = bench_now_ms ();
      double ms;
      double every_ms;

      trace_start = start;
      trace_cpu_start = cpu_now_ms ();
      if (trace)
        g_printerr ("round %u: the person's page\n", i);
      if (RUNNING_ON_VALGRIND && i > 0)
        {
          CALLGRIND_TOGGLE_COLLECT;
          collecting = TRUE;
        }
      ms = first_frame (person_page (store), timeline_ready, every_row_ready, start, &every_ms);
      if (RUNNING_ON_VALGRIND && i > 0)
        {
          g_autofree char *what = g_strdup_printf ("page %u", i);

          CALLGRIND_DUMP_STATS_AT (what);
        }

      /* The first round warms the caches of both. */
      if (i > 0)
        {
          g_array_append_val (view, ms);
          g_array_append_val (every, every_ms);
        }
      start = bench_now_ms ();
      trace_start = start;
      trace_cpu_start = cpu_now_ms ();
      if (trace)
        g_printerr ("round %u: the floor\n", i);
      if (RUNNING_ON_VALGRIND && i > 0)
        {
          CALLGRIND_TOGGLE_COLLECT;
          collecting = TRUE;
        }
      ms = first_frame (bench_plain_list (N_ENTRIES, "Merkintä %u: tapasin asiakkaan"), NULL, NULL, start, NULL);
      if (RUNNING_ON_VALGRIND && i > 0)
        {
          g_autofree char *what = g_strdup_printf ("floor %u", i);

          CALLGRIND_DUMP_STATS_AT (what);
        }
      if (i > 0)
        g_array_append_val (floor, ms);
    }
  bench_report ("timeline: person page, 500 entries, to first frame", view);
  bench_report ("timeline: and to the frame with every row", every);
  bench_report ("floor: GtkListView of 500 labels", floor);
  g_print ("bench: timeline aim: median < 50 ms: %s\n",
           bench_quantile (view, 0.5) < 50 ? "met" : "NOT met");
  return 0;
}
