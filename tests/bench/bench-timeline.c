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
 * worker by the administrator's; then two people with 500 timeline entries
 * each: 50 contacts that each opened a case (100 entries) and 400 case
 * notes. Then, in one process under the X server, one window with the
 * People view (KhClientsPage on a KhStore that is already open, as in the
 * application) showing its search, and ROUNDS times: a person opened from
 * it (the name typed and its one result listed, not measured; then Enter;
 * the two in turn, so that each opening is of another person than the
 * page had), from Enter to the first frame painted with the person's page
 * on screen, their details in and the whole timeline come, its first
 * entries in the list (the page's one reading of the store, one
 * transaction with its access-log rows, as in use; the previous person
 * was let go of when the view went back to its search, as in use, before
 * the round), and on to the frame in which the list has
 * every entry (the page makes rows for the first entries before its first
 * frame, for the rest after it); and the floor, in the same window, a
 * GtkListView of 500 plain labels made and shown in a leaflet, to its
 * first frame. Animations are off, so that the measured frame is the
 * whole view, not the first step of a slide. Prints "bench:" lines for
 * tools/bench. Aim: median < 50 ms.
 * With KH_BENCH_TRACE=1, also each round's timeline on stderr: when Enter
 * was pressed, the person's details came, the timeline came,
 * each frame's layout, paint and end, the process's CPU time at each, and
 * how many widgets the window had at the measured frame; and before the
 * rounds, the median time of each of the page's four reads alone and of
 * its one reading of them all.
 */
#define G_LOG_DOMAIN "kohtaamo-bench"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "core/kh-search.h"
#include "store/kh-store.h"
#include "ui/clients/kh-clients-page.h"
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

/* Two people, each with N_ENTRIES entries: the rounds open them in turn,
 * so that each opening is of another person than the page shows (the
 * same person opened again keeps their details on screen). */
static gint64 client_ids[2];
static const char *const person_names[2] = { "Aikajana Testi", "Aikajana Toinen" };

/* One person with N_INTAKES contacts, each opening a case assigned to
 * `me`, and N_NOTES notes on those cases. */
static gint64
make_person (KhDb       *db,
             KhUser     *me,
             const char *first_names,
             const char *birth_date)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) cases = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(KhClient) client = kh_client_new ();

  client->last_name = g_strdup ("Aikajana");
  client->first_names = g_strdup (first_names);
  client->language = KH_LANGUAGE_FI;
  client->identity_kind = KH_IDENTITY_BIRTH_DATE;
  client->no_code_reason = KH_NO_CODE_NOT_KNOWN;
  client->birth_date = g_strdup (birth_date);
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
  return client->id;
}

static void
make_database (const char *path,
               const char *worker)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhUser) me = NULL;
  KhDb *db;
  KhDb *admin_db = NULL;
  double start = bench_now_ms ();

  db = bench_open_social_worker (path, worker, &me, &admin_db);
  if (!kh_db_begin (db, &error))
    g_error ("%s", error->message);
  client_ids[0] = make_person (db, me, "Testi", "1961-04-02");
  client_ids[1] = make_person (db, me, "Toinen", "1958-11-23");
  if (!kh_db_commit (db, &error))
    g_error ("%s", error->message);
  kh_db_close (db);
  g_clear_pointer (&admin_db, kh_db_close);
  g_print ("bench: timeline: two people with %u entries each, made in %.1f s\n",
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
              kh_store_get_client_async (store, client_ids[0], KH_ACCESS_PAGE, KH_BASIS_CLIENT_RELATIONSHIP,
                                         NULL, trace_read_cb, &read);
              break;
            case 1:
              read.finish = kh_store_list_client_cases_finish;
              kh_store_list_client_cases_async (store, client_ids[0], NULL, trace_read_cb, &read);
              break;
            case 2:
              read.finish = kh_store_list_client_appointments_finish;
              kh_store_list_client_appointments_async (store, client_ids[0], NULL, trace_read_cb, &read);
              break;
            case 3:
              read.finish = kh_store_list_client_timeline_finish;
              kh_store_list_client_timeline_async (store, client_ids[0], 0, NULL, trace_read_cb, &read);
              break;
            default:
              read.whole_page = TRUE;
              kh_store_read_person_page_async (store, client_ids[0], KH_BASIS_CLIENT_RELATIONSHIP,
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

/* Paints one frame of `window` and waits for it (not measured). */
static void
paint_a_frame (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  Frame frame = { 0 };
  gulong id;

  while (clock == NULL)
    {
      g_main_context_iteration (NULL, TRUE);
      clock = gtk_widget_get_frame_clock (window);
    }
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &frame);
  gtk_widget_queue_draw (window);
  wait_for (&frame.done);
  g_signal_handler_disconnect (clock, id);
}

/* A window of the benchmark's size with `child`, presented and painted
 * once (not measured: the application's window is up already). */
static GtkWidget *
shown_window (GtkWidget *child)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 900);
  gtk_window_set_child (GTK_WINDOW (window), child);
  gtk_window_present (GTK_WINDOW (window));
  paint_a_frame (window);
  return window;
}

/* After something was asked of `window`'s child: the frames it paints of
 * itself (this asks for none, so as not to add any) until the first in
 * which `frame->ready` held as it was painted; returns when that was,
 * from `start`, and sets `then_ms` to the first in which `frame->then`
 * held too. */
static double
painted_when (GtkWidget *window,
              Frame     *frame,
              double     start,
              double    *then_ms)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gulong paint_id = g_signal_connect (clock, "paint", G_CALLBACK (paint_cb), frame);
  gulong after_id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), frame);
  double ms;

  if (trace)
    {
      g_signal_connect (clock, "layout", G_CALLBACK (trace_cb), (gpointer) "frame: layout");
      g_signal_connect (clock, "paint", G_CALLBACK (trace_cb), (gpointer) "frame: paint");
      g_signal_connect (clock, "after-paint", G_CALLBACK (trace_cb), (gpointer) "frame: painted");
    }
  do
    {
      frame->done = FALSE;
      wait_for (&frame->done);
    }
  while (!frame->ready_painted);
  ms = frame->at - start;
  if (collecting)
    {
      CALLGRIND_TOGGLE_COLLECT;
      collecting = FALSE;
    }
  if (trace)
    g_printerr ("  the measured frame: %u widgets\n", frame->widgets);
  /* The rest of the rows come after the first frame; ask for frames now,
   * in case nothing else does. */
  while (!frame->then_painted)
    {
      frame->done = FALSE;
      gtk_widget_queue_draw (window);
      wait_for (&frame->done);
    }
  if (then_ms != NULL)
    *then_ms = frame->at - start;
  g_signal_handler_disconnect (clock, paint_id);
  g_signal_handler_disconnect (clock, after_id);
  if (trace)
    {
      g_signal_handlers_disconnect_matched (clock, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, trace_cb, NULL);
      if (frame->then != NULL)
        g_printerr ("  the frame with every row: %u widgets\n", frame->widgets);
    }
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

static KhPersonPage *
get_person_page (GtkWidget *clients)
{
  return KH_PERSON_PAGE (gtk_widget_get_template_child (clients, KH_TYPE_CLIENTS_PAGE, "person_page"));
}

/* The People view shows the person's page, not its search; the person's
 * details are in, the whole timeline has come, and the list shows its
 * first entries. */
static gboolean
timeline_ready (GtkWidget *clients)
{
  AdwLeaflet *leaflet = ADW_LEAFLET (gtk_widget_get_template_child (clients, KH_TYPE_CLIENTS_PAGE, "leaflet"));
  KhPersonPage *page = get_person_page (clients);
  GtkWidget *timeline = get_timeline (GTK_WIDGET (page));

  return g_strcmp0 (adw_leaflet_get_visible_child_name (leaflet), "person") == 0
         && kh_person_page_get_client (page) != NULL
         && !kh_person_page_get_loading (page)
         && timeline != NULL
         && kh_person_timeline_is_loaded (KH_PERSON_TIMELINE (timeline))
         && g_list_model_get_n_items (kh_person_timeline_get_model (KH_PERSON_TIMELINE (timeline))) == N_ENTRIES
         && n_listed (timeline) > 0;
}

/* ... and its list is open to every entry (the page makes rows for the
 * first entries before its first frame and for the others after it). */
static gboolean
every_row_ready (GtkWidget *clients)
{
  return timeline_ready (clients) && n_listed (get_timeline (GTK_WIDGET (get_person_page (clients)))) == N_ENTRIES;
}

static void
trace_page (GtkWidget *clients)
{
  GtkWidget *page = GTK_WIDGET (get_person_page (clients));
  GtkWidget *stack = (GtkWidget *) gtk_widget_get_template_child (page, KH_TYPE_PERSON_PAGE, "stack");

  g_signal_connect (stack, "notify::visible-child-name", G_CALLBACK (trace_stack_cb), NULL);
  g_signal_connect (kh_person_timeline_get_model (KH_PERSON_TIMELINE (get_timeline (page))), "items-changed",
                    G_CALLBACK (trace_entries_cb), NULL);
}

/* Before a round of `child`: the window shows it, painted (not measured). */
static void
show_in (GtkWidget *window,
         GtkStack  *stack,
         GtkWidget *child)
{
  gtk_stack_set_visible_child (stack, child);
  paint_a_frame (window);
}

/* Where person `i` is in the People view's results, or -1. */
static int
find_result (GListModel *results,
             guint       i)
{
  for (guint k = 0; k < g_list_model_get_n_items (results); k++)
    {
      g_autoptr(KhSearchHit) hit = g_list_model_get_item (results, k);

      if (hit->client->id == client_ids[i])
        return (int) k;
    }
  return -1;
}

/* The People view's search for person `i`'s name, until the list has them,
 * and them chosen (as with the arrow keys, should a server kept from an
 * earlier run have more people of that name): not measured; the worker
 * types, and then presses Enter. */
static void
search_for (GtkWidget *clients,
            guint      i)
{
  GtkEditable *entry = GTK_EDITABLE (gtk_widget_get_template_child (clients, KH_TYPE_CLIENTS_PAGE, "search_entry"));
  GListModel *results = G_LIST_MODEL (gtk_widget_get_template_child (clients, KH_TYPE_CLIENTS_PAGE, "results"));
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_widget_get_template_child (clients, KH_TYPE_CLIENTS_PAGE,
                                                                                       "selection"));
  int position;

  gtk_editable_set_text (entry, person_names[i]);
  while ((position = find_result (results, i)) < 0)
    g_main_context_iteration (NULL, TRUE);
  gtk_single_selection_set_selected (selection, (guint) position);
  paint_a_frame (gtk_widget_get_ancestor (clients, GTK_TYPE_WINDOW));
}

static void
start_round (guint       i,
             const char *what)
{
  trace_start = bench_now_ms ();
  trace_cpu_start = cpu_now_ms ();
  if (trace)
    g_printerr ("round %u: %s\n", i, what);
  if (RUNNING_ON_VALGRIND && i > 0)
    {
      CALLGRIND_TOGGLE_COLLECT;
      collecting = TRUE;
    }
}

static void
end_round (guint       i,
           const char *what)
{
  if (RUNNING_ON_VALGRIND && i > 0)
    {
      g_autofree char *name = g_strdup_printf ("%s %u", what, i);

      CALLGRIND_DUMP_STATS_AT (name);
    }
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
  GtkWidget *window;
  GtkStack *stack;
  GtkWidget *clients;
  AdwLeaflet *floor_leaflet;
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
  /* The page and the floor come in at once, not sliding in over the next
   * quarter second: the measured frame is the whole view. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  store = kh_store_new (argc == 4 ? argv[3] : argv[1]);
  kh_store_open_async (store, NULL, bench_store_opened_cb, &user);
  while (user == NULL)
    g_main_context_iteration (NULL, TRUE);

  if (trace)
    trace_reads (store);

  /* One window, as the application's: the People view with its search on
   * screen, and the floor's leaflet with a plain page on screen. */
  clients = kh_clients_page_new (store);
  floor_leaflet = ADW_LEAFLET (adw_leaflet_new ());
  adw_leaflet_set_can_unfold (floor_leaflet, FALSE);
  adw_leaflet_page_set_name (adw_leaflet_append (floor_leaflet, gtk_label_new (NULL)), "search");
  stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_child (stack, clients);
  gtk_stack_add_child (stack, GTK_WIDGET (floor_leaflet));
  window = shown_window (GTK_WIDGET (stack));
  if (trace)
    trace_page (clients);

  for (guint i = 0; i < rounds + 1; i++)
    {
      Frame page = { clients, timeline_ready, every_row_ready, FALSE, 0, FALSE, FALSE, 0 };
      Frame plain = { NULL, NULL, NULL, FALSE, 0, FALSE, FALSE, 0 };
      GtkWidget *list;
      double start;
      double ms;
      double every_ms;

      /* From the search, a person other than the one before (the first
       * round warms the caches of both). */
      show_in (window, stack, clients);
      search_for (clients, i % 2);
      start_round (i, "the person's page");
      start = trace_start;
      g_signal_emit_by_name (gtk_widget_get_template_child (clients, KH_TYPE_CLIENTS_PAGE, "search_entry"), "activate");
      trace_cb (NULL, "Enter pressed");
      ms = painted_when (window, &page, start, &every_ms);
      end_round (i, "page");
      if (i > 0)
        {
          g_array_append_val (view, ms);
          g_array_append_val (every, every_ms);
        }
      kh_clients_page_focus_search (KH_CLIENTS_PAGE (clients));

      /* The floor: a list of 500 labels made and shown in the leaflet. */
      show_in (window, stack, GTK_WIDGET (floor_leaflet));
      start_round (i, "the floor");
      start = trace_start;
      list = bench_plain_list (N_ENTRIES, "Merkintä %u: tapasin asiakkaan");
      plain.child = list;
      adw_leaflet_append (floor_leaflet, list);
      adw_leaflet_set_visible_child (floor_leaflet, list);
      ms = painted_when (window, &plain, start, NULL);
      end_round (i, "floor");
      if (i > 0)
        g_array_append_val (floor, ms);
      adw_leaflet_set_visible_child_name (floor_leaflet, "search");
      adw_leaflet_remove (floor_leaflet, list);
    }
  gtk_window_destroy (GTK_WINDOW (window));
  bench_report ("timeline: person page, 500 entries, to first frame", view);
  bench_report ("timeline: and to the frame with every row", every);
  bench_report ("floor: GtkListView of 500 labels", floor);
  g_print ("bench: timeline aim: median < 50 ms: %s\n",
           bench_quantile (view, 0.5) < 50 ? "met" : "NOT met");
  return 0;
}
