/* bench-bare-window.c — the floor for start to first frame: a bare window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An AdwApplicationWindow with a header bar and nothing else, the size of
 * Kohtaamo's default window. After its first frame is painted it prints
 * "first-frame-ms: N" (time since main) to stderr, like Kohtaamo with
 * KOHTAAMO_BENCH_FIRST_FRAME=1, and quits. tools/bench measures both the
 * same way from outside.
 */

#define G_LOG_DOMAIN "kohtaamo-bench"

#include <adwaita.h>

static gint64 start_us;

static void
after_paint_cb (GdkFrameClock *clock,
                GtkWindow     *window)
{
  g_printerr ("first-frame-ms: %.1f\n", (g_get_monotonic_time () - start_us) / 1000.0);
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, window);
  gtk_window_destroy (window);
}

static void
map_cb (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), window);
}

static void
activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_title (GTK_WINDOW (window), "Bare");
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  g_signal_connect (window, "map", G_CALLBACK (map_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;

  start_us = g_get_monotonic_time ();
  /* Not unique, as Kohtaamo in a benchmark run: no bus name to claim. */
  app = adw_application_new ("fi.kohtaamo.BenchBareWindow", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
