/* kh-bench-hooks.h — what tools/bench measures from inside the application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* KOHTAAMO_BENCH_FIRST_FRAME=1: the benchmark's run. */
gboolean kh_bench_hooks_first_frame_enabled (void);
/* main() calls this first: when the process started. */
void     kh_bench_hooks_mark_start          (void);
/* In a benchmark run: waits until `reception_page` has put its first
 * reads in its lists and is on screen, then, after the next frame painted
 * on `window`, prints "first-frame-ms: N" on stderr and quits `app`.
 * Otherwise does nothing. */
void     kh_bench_hooks_watch_first_frame   (GtkWidget      *window,
                                             GtkWidget      *reception_page,
                                             GApplication   *app);

G_END_DECLS
