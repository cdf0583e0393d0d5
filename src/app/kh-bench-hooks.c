/* kh-bench-hooks.c — what tools/bench measures from inside the application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tools/bench starts `kohtaamo` with KOHTAAMO_BENCH_FIRST_FRAME=1 and reads
 * "first-frame-ms: N" from its stderr: the time from the start of the
 * process to the first frame in which the reception view shows its data.
 * Everything that serves that measurement is here, so that the application
 * and the window carry no benchmark code of their own beyond one call each.
 */

#define G_LOG_DOMAIN "kohtaamo-app"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "kh-bench-hooks.h"

/* CLOCK_MONOTONIC microseconds at process start. */
static gint64 process_start_us;

gboolean
kh_bench_hooks_first_frame_enabled (void)
{
  return g_strcmp0 (g_getenv ("KOHTAAMO_BENCH_FIRST_FRAME"), "1") == 0;
}

/* The kernel's start time of this process (jiffies since boot) moved onto
 * the monotonic clock. Its resolution is one jiffy (usually 10 ms); the
 * benchmark can pass its own exact spawn time instead (see mark_start). */
static gint64
read_process_start_us (void)
{
  g_autofree char *stat = NULL;
  struct timespec boot;
  const char *p;
  unsigned long long start_ticks;
  long ticks_per_s;
  gint64 now_boot_us;
  int field;

  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL))
    return 0;

  /* The command name may contain spaces: count fields after its ')'. */
  p = strrchr (stat, ')');
  if (p == NULL)
    return 0;
  for (field = 2; field < 22 && p != NULL; field++)
    p = strchr (p + 1, ' ');
  if (p == NULL || sscanf (p + 1, "%llu", &start_ticks) != 1)
    return 0;

  ticks_per_s = sysconf (_SC_CLK_TCK);
  if (ticks_per_s <= 0 || clock_gettime (CLOCK_BOOTTIME, &boot) != 0)
    return 0;

  now_boot_us = (gint64) boot.tv_sec * G_USEC_PER_SEC + boot.tv_nsec / 1000;
  return g_get_monotonic_time ()
         - (now_boot_us - (gint64) (start_ticks * G_USEC_PER_SEC / ticks_per_s));
}

/**
 * kh_bench_hooks_mark_start:
 *
 * Remembers when the process started. tools/bench may pass its own spawn
 * time as KOHTAAMO_BENCH_START_US (g_get_monotonic_time of the parent:
 * CLOCK_MONOTONIC is shared by all processes); otherwise the kernel's
 * start time of the process is used.
 */
void
kh_bench_hooks_mark_start (void)
{
  const char *env;

  if (!kh_bench_hooks_first_frame_enabled ())
    return;

  env = g_getenv ("KOHTAAMO_BENCH_START_US");
  if (env != NULL)
    process_start_us = g_ascii_strtoll (env, NULL, 10);
  if (process_start_us <= 0)
    process_start_us = read_process_start_us ();
  if (process_start_us <= 0)
    process_start_us = g_get_monotonic_time ();
}

typedef struct
{
  GWeakRef      window;
  GApplication *app;          /* owned */
  gulong        after_paint_id;
} Watch;

static void
watch_free (Watch *watch)
{
  g_weak_ref_clear (&watch->window);
  g_clear_object (&watch->app);
  g_free (watch);
}

static void
report (Watch *watch)
{
  gint64 elapsed_us = g_get_monotonic_time () - process_start_us;

  /* A machine-readable line for tools/bench, never translated. */
  fprintf (stderr, "first-frame-ms: %" G_GINT64_FORMAT "\n", (elapsed_us + 500) / 1000);
  fflush (stderr);
  /* Quit as Ctrl+Q does, closing the windows: their store closes its
   * database, which folds the write-ahead log back into the file and
   * removes it. The next run then starts as after a worker's day, not
   * with every earlier run's log to read through first. */
  g_action_group_activate_action (G_ACTION_GROUP (watch->app), "quit", NULL);
}

static void
after_paint_cb (GdkFrameClock *clock,
                Watch         *watch)
{
  g_clear_signal_handler (&watch->after_paint_id, clock);
  report (watch);
  watch_free (watch);
}

/* Part 2: the reception view has its data and is on screen; the next
 * frame painted is the first frame with data. */
static void
reception_mapped_cb (GtkWidget *page,
                     Watch     *watch)
{
  g_autoptr(GtkWidget) window = g_weak_ref_get (&watch->window);
  GdkFrameClock *clock = window != NULL ? gtk_widget_get_frame_clock (window) : NULL;

  g_signal_handlers_disconnect_by_func (page, reception_mapped_cb, watch);
  if (clock == NULL)
    {
      watch_free (watch);
      return;
    }
  watch->after_paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), watch);
  gtk_widget_queue_draw (page);
}

/* Part 1: the reception view has put the answers of its first reads
 * (today's contacts and the queue) in its lists. */
static void
lists_shown_cb (GtkWidget *page,
                Watch     *watch)
{
  g_signal_handlers_disconnect_by_func (page, lists_shown_cb, watch);
  if (gtk_widget_get_mapped (page))
    reception_mapped_cb (page, watch);
  else
    g_signal_connect (page, "map", G_CALLBACK (reception_mapped_cb), watch);
}

void
kh_bench_hooks_watch_first_frame (GtkWidget    *window,
                                  GtkWidget    *reception_page,
                                  GApplication *app)
{
  Watch *watch;

  g_return_if_fail (GTK_IS_WIDGET (window));
  g_return_if_fail (GTK_IS_WIDGET (reception_page));

  if (!kh_bench_hooks_first_frame_enabled () || app == NULL)
    return;

  watch = g_new0 (Watch, 1);
  g_weak_ref_init (&watch->window, window);
  watch->app = g_object_ref (app);
  g_signal_connect (reception_page, "lists-shown", G_CALLBACK (lists_shown_cb), watch);
}
