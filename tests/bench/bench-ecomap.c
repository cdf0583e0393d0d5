/* bench-ecomap.c — the network map with 40 entries: layout and redraw
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What KhEcomap does at 900 × 650 pixels with labels of 12.5 pixels (its
 * size in a window with the default font) times kh_ecomap_crowded_scale,
 * 10 for 40 entries, as it sets them: lays the map out (when the size or
 * the entries change), draws the whole picture into an image
 * surface (when the cached picture is made again: a new size, new
 * entries, a new palette) and draws the selection and focus over it (each
 * frame). The aim: a redraw under 8 ms.
 */
#define G_LOG_DOMAIN "kohtaamo-bench"

#include "config.h"

#include "bench-common.h"
#include "documents/kh-ecomap-draw.h"
#include "tests/ecomap-sample.h"

int
main (int   argc,
      char *argv[])
{
  guint rounds = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 50;
  g_autoptr(GArray) layout_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) picture_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) highlight_ms = g_array_new (FALSE, FALSE, sizeof (double));
  KhEcomapEntry entries[40];
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 900, 650);

  sample_crowd (entries, G_N_ELEMENTS (entries), 9);

  for (guint i = 0; i <= rounds; i++)
    {
      KhEcomapLayout *layout;
      cairo_t *cr;
      double start = bench_now_ms (), ms;

      layout = kh_ecomap_draw_layout (entries, G_N_ELEMENTS (entries), SAMPLE_CLIENT, "fi", 900, 650,
                                      12.5 * kh_ecomap_crowded_scale (G_N_ELEMENTS (entries)));
      ms = bench_now_ms () - start;
      if (i > 0)
        g_array_append_val (layout_ms, ms);

      cr = cairo_create (surface);
      start = bench_now_ms ();
      kh_ecomap_draw (cr, layout, kh_ecomap_palette_light (), 0, FALSE);
      cairo_surface_flush (surface);
      ms = bench_now_ms () - start;
      if (i > 0)
        g_array_append_val (picture_ms, ms);

      start = bench_now_ms ();
      kh_ecomap_draw_highlight (cr, layout, kh_ecomap_palette_light (), 100 + i % 40, TRUE);
      cairo_surface_flush (surface);
      ms = bench_now_ms () - start;
      if (i > 0)
        g_array_append_val (highlight_ms, ms);
      cairo_destroy (cr);
      kh_ecomap_layout_free (layout);
    }
  bench_report ("ecomap: 40 entries laid out", layout_ms);
  bench_report ("ecomap: 40 entries drawn whole", picture_ms);
  bench_report ("ecomap: the selection drawn over", highlight_ms);
  cairo_surface_destroy (surface);
  return 0;
}
