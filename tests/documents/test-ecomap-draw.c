/* test-ecomap-draw.c — the network map's drawing, its PDF and PNG, in a letter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The ties are checked in pixels: one entry on the middle ring straight above
 * the client on an 800 × 600 image at a font size of 12 has its line on the
 * column x = 400 between the client's circle and the node, nothing else near it.
 * The exports are read back: the PDF with poppler (its text and page
 * size), the PNG with cairo.
 */
#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gstdio.h>

#include "document-test-util.h"
#include "documents/kh-ecomap-draw.h"
#include "tests/ecomap-sample.h"

#define WIDTH 800
#define HEIGHT 600
#define FONT 12

typedef struct {
  cairo_surface_t *surface;
  KhEcomapLayout  *layout;
  double           top;             /* the line's end at the node */
  double           bottom;          /* and at the client */
} Drawn;

static void
drawn_clear (Drawn *d)
{
  cairo_surface_destroy (d->surface);
  kh_ecomap_layout_free (d->layout);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Drawn, drawn_clear)

/* One entry of `quality`, `direction` and `kind` above the client. */
static void
draw_one (Drawn                 *d,
          KhTieQuality           quality,
          KhSupportDirection     direction,
          KhNetworkKind          kind,
          const KhEcomapPalette *palette,
          gint64                 selected)
{
  KhEcomapEntry entry = { 7, "Sisko", kind, KH_SECTOR_FAMILY, KH_DISTANCE_MIDDLE, quality, direction };
  cairo_t *cr;

  d->layout = kh_ecomap_draw_layout (&entry, 1, "Aino", "fi", WIDTH, HEIGHT, FONT);
  g_assert_cmpfloat_with_epsilon (d->layout->nodes[0].x, WIDTH / 2, 1e-9);
  d->top = d->layout->nodes[0].y + d->layout->nodes[0].radius;
  d->bottom = d->layout->cy - d->layout->client_radius;
  d->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cr = cairo_create (d->surface);
  kh_ecomap_draw (cr, d->layout, palette, selected, FALSE);
  cairo_destroy (cr);
  cairo_surface_flush (d->surface);
}

/* The darkness of a pixel on white (0 white, 1 black). */
static double
ink (Drawn *d,
     int    x,
     int    y)
{
  const guint8 *data = cairo_image_surface_get_data (d->surface);
  guint32 pixel = *(const guint32 *) (data + y * cairo_image_surface_get_stride (d->surface) + 4 * x);
  double r = (pixel >> 16 & 0xff) / 255.0, g = (pixel >> 8 & 0xff) / 255.0, b = (pixel & 0xff) / 255.0;

  return 1 - (0.2126 * r + 0.7152 * g + 0.0722 * b);
}

static guint32
pixel (Drawn *d,
       int    x,
       int    y)
{
  const guint8 *data = cairo_image_surface_get_data (d->surface);

  return *(const guint32 *) (data + y * cairo_image_surface_get_stride (d->surface) + 4 * x) & 0xffffff;
}

/* How many pixels across the line at height `y` are inked. */
static int
width_at (Drawn *d,
          int    y)
{
  int n = 0;

  for (int x = WIDTH / 2 - 10; x <= WIDTH / 2 + 10; x++)
    n += ink (d, x, y) > 0.4;
  return n;
}

/* Along the column x = 200 between the two ends (away from the
 * arrowheads): the number of inked runs and of blank pixels. */
static void
runs (Drawn *d,
      int   *n_runs,
      int   *n_blank)
{
  gboolean in = FALSE;

  *n_runs = *n_blank = 0;
  for (int y = (int) d->top + FONT * 1.5; y < (int) d->bottom - FONT * 1.5; y++)
    {
      gboolean inked = ink (d, WIDTH / 2, y) > 0.4;

      if (inked && !in)
        (*n_runs)++;
      if (!inked)
        (*n_blank)++;
      in = inked;
    }
}

static void
test_ties (void)
{
  g_auto(Drawn) strong = { 0 };
  g_auto(Drawn) ordinary = { 0 };
  g_auto(Drawn) weak = { 0 };
  g_auto(Drawn) stressful = { 0 };
  g_auto(Drawn) broken = { 0 };
  const KhEcomapPalette *light = kh_ecomap_palette_light ();
  int n_runs, n_blank, mid;
  int zig = 0, zig_ordinary = 0;

  draw_one (&strong, KH_TIE_STRONG, KH_SUPPORT_NONE, KH_NETWORK_PERSON, light, 0);
  draw_one (&ordinary, KH_TIE_ORDINARY, KH_SUPPORT_NONE, KH_NETWORK_PERSON, light, 0);
  draw_one (&weak, KH_TIE_WEAK, KH_SUPPORT_NONE, KH_NETWORK_PERSON, light, 0);
  draw_one (&stressful, KH_TIE_STRESSFUL, KH_SUPPORT_NONE, KH_NETWORK_PERSON, light, 0);
  draw_one (&broken, KH_TIE_BROKEN, KH_SUPPORT_NONE, KH_NETWORK_PERSON, light, 0);
  mid = (int) ((ordinary.top + ordinary.bottom) / 2);
  g_test_message ("line from %.1f to %.1f", ordinary.top, ordinary.bottom);

  /* Strong: thicker than ordinary (0.34 and 0.13 of the font: 4 and 1.6
   * pixels). */
  g_test_message ("widths: strong %d, ordinary %d", width_at (&strong, mid - 5), width_at (&ordinary, mid - 5));
  g_assert_cmpint (width_at (&strong, mid - 5), >=, 4);
  g_assert_cmpint (width_at (&ordinary, mid - 5), <=, 2);
  g_assert_cmpint (width_at (&ordinary, mid - 5), >=, 1);

  /* Solid lines run unbroken; a weak one is dashed: many runs, gaps. */
  runs (&ordinary, &n_runs, &n_blank);
  g_assert_cmpint (n_runs, ==, 1);
  g_assert_cmpint (n_blank, ==, 0);
  runs (&strong, &n_runs, &n_blank);
  g_assert_cmpint (n_runs, ==, 1);
  runs (&weak, &n_runs, &n_blank);
  g_test_message ("weak: %d runs, %d blank", n_runs, n_blank);
  g_assert_cmpint (n_runs, >=, 5);
  g_assert_cmpint (n_blank, >=, 15);

  /* Stressful: a zigzag reaches 4 pixels to both sides of the line. */
  for (int y = (int) stressful.top + 2 * FONT; y < (int) stressful.bottom - 2 * FONT; y++)
    {
      zig += ink (&stressful, WIDTH / 2 + 4, y) > 0.3;
      zig += ink (&stressful, WIDTH / 2 - 4, y) > 0.3;
      zig_ordinary += ink (&ordinary, WIDTH / 2 + 4, y) > 0.3 || ink (&ordinary, WIDTH / 2 - 4, y) > 0.3;
    }
  g_assert_cmpint (zig, >=, 6);
  g_assert_cmpint (zig_ordinary, ==, 0);
  /* In the stress colour (red), not the lines' grey. */
  {
    gboolean red = FALSE;

    for (int y = (int) stressful.top + 2 * FONT; y < (int) stressful.bottom - 2 * FONT && !red; y++)
      for (int x = WIDTH / 2 - 5; x <= WIDTH / 2 + 5 && !red; x++)
        {
          guint32 p = pixel (&stressful, x, y);

          red = (p >> 16 & 0xff) > 150 && (p >> 8 & 0xff) < 90;
        }
    g_assert_true (red);
  }

  /* Broken: a cross in the middle, its arms 45° off the line (0.55 × 0.7
   * of the font along each axis from the middle); an ordinary line has
   * nothing there. */
  {
    int bmid = (int) round ((broken.top + broken.bottom) / 2);
    int arm = 4;

    g_assert_cmpfloat (ink (&broken, WIDTH / 2 + arm, bmid - arm), >, 0.4);
    g_assert_cmpfloat (ink (&broken, WIDTH / 2 - arm, bmid + arm), >, 0.4);
    g_assert_cmpfloat (ink (&broken, WIDTH / 2 + arm, bmid + arm), >, 0.4);
    g_assert_cmpfloat (ink (&broken, WIDTH / 2 - arm, bmid - arm), >, 0.4);
    g_assert_cmpfloat (ink (&ordinary, WIDTH / 2 + arm, bmid - arm), <, 0.1);
    g_assert_cmpfloat (ink (&ordinary, WIDTH / 2 - arm, bmid + arm), <, 0.1);
    /* The line itself is thin. */
    g_assert_cmpint (width_at (&broken, bmid - 3 * FONT), <=, 2);
  }
}

/* Arrowheads where support flows: at the client's end when the entry
 * supports the client, at the entry's when the client supports it. */
static void
test_arrows (void)
{
  static const struct {
    KhSupportDirection direction;
    gboolean           at_client;
    gboolean           at_entry;
  } cases[] = {
    { KH_SUPPORT_NONE, FALSE, FALSE },
    { KH_SUPPORT_TO_CLIENT, TRUE, FALSE },
    { KH_SUPPORT_FROM_CLIENT, FALSE, TRUE },
    { KH_SUPPORT_BOTH, TRUE, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Drawn) d = { 0 };

      draw_one (&d, KH_TIE_ORDINARY, cases[i].direction, KH_NETWORK_PERSON, kh_ecomap_palette_light (), 0);
      /* 3 pixels beside the line, 8 from the tip: inside a head of 11.4
       * by 2 × 5.4, outside the line. */
      g_test_message ("direction %d", cases[i].direction);
      g_assert_cmpint (ink (&d, WIDTH / 2 + 3, (int) d.bottom - 8) > 0.3, ==, cases[i].at_client);
      g_assert_cmpint (ink (&d, WIDTH / 2 - 3, (int) d.bottom - 8) > 0.3, ==, cases[i].at_client);
      g_assert_cmpint (ink (&d, WIDTH / 2 + 3, (int) d.top + 8) > 0.3, ==, cases[i].at_entry);
      g_assert_cmpint (ink (&d, WIDTH / 2 - 3, (int) d.top + 8) > 0.3, ==, cases[i].at_entry);
    }
}

/* People are circles and agencies rounded squares: the corner of the
 * node's box is drawn only for an agency. The selection fills the node
 * with its colour. */
static void
test_shapes (void)
{
  g_auto(Drawn) person = { 0 };
  g_auto(Drawn) agency = { 0 };
  g_auto(Drawn) selected = { 0 };
  const KhEcomapPalette *light = kh_ecomap_palette_light ();
  double x, y, d;

  draw_one (&person, KH_TIE_ORDINARY, KH_SUPPORT_NONE, KH_NETWORK_PERSON, light, 0);
  draw_one (&agency, KH_TIE_ORDINARY, KH_SUPPORT_NONE, KH_NETWORK_AGENCY, light, 0);
  draw_one (&selected, KH_TIE_ORDINARY, KH_SUPPORT_NONE, KH_NETWORK_PERSON, light, 7);
  x = person.layout->nodes[0].x;
  y = person.layout->nodes[0].y;
  /* 0.82 of the radius along both axes: 1.16 radii from the centre, off a
   * circle and its outline, inside the square's rounded corner. */
  d = person.layout->nodes[0].radius * 0.82;
  for (int sx = -1; sx <= 1; sx += 2)
    for (int sy = -1; sy <= 1; sy += 2)
      {
        g_assert_cmpfloat (ink (&person, (int) floor (x + sx * d), (int) floor (y + sy * d)), <, 0.03);
        g_assert_cmpfloat (ink (&agency, (int) floor (x + sx * d), (int) floor (y + sy * d)), >, 0.08);
      }
  g_assert_cmphex (pixel (&person, (int) x, (int) y), ==, 0xc6dcf7);
  g_assert_cmphex (pixel (&agency, (int) x, (int) y), ==, 0xc9eccf);
  g_assert_cmphex (pixel (&selected, (int) x, (int) y), ==, 0x1c71d8);
}

/* The background is the palette's: dark in the dark palette. */
static void
test_palettes (void)
{
  g_auto(Drawn) dark = { 0 };
  g_auto(Drawn) light = { 0 };
  g_auto(Drawn) contrast = { 0 };

  draw_one (&dark, KH_TIE_STRONG, KH_SUPPORT_BOTH, KH_NETWORK_PERSON, kh_ecomap_palette_dark (), 0);
  draw_one (&light, KH_TIE_STRONG, KH_SUPPORT_BOTH, KH_NETWORK_PERSON, kh_ecomap_palette_light (), 0);
  draw_one (&contrast, KH_TIE_STRONG, KH_SUPPORT_BOTH, KH_NETWORK_PERSON, kh_ecomap_palette_high_contrast (), 0);
  g_assert_cmpfloat (ink (&dark, 3, 3), >, 0.85);
  g_assert_cmpfloat (ink (&light, 3, 3), <, 0.01);
  /* The line light on dark, dark on light; black in high contrast. */
  g_assert_cmpfloat (ink (&dark, WIDTH / 2, (int) (dark.top + dark.bottom) / 2), <, 0.3);
  g_assert_cmpfloat (ink (&light, WIDTH / 2, (int) (light.top + light.bottom) / 2), >, 0.6);
  g_assert_cmphex (pixel (&contrast, WIDTH / 2, (int) (contrast.top + contrast.bottom) / 2), ==, 0x000000);
}

/* ---- exports ---- */

#define network sample_network

static const char *const labels[] = {
  "Äiti Marjatta", "Veli Eero", "Ystävä Åsa Öhman", "Serkku Áŋgá Šiellá", "Aikuissosiaalityö, Laura Koski", "Terveysasema",
  "Vuokranantaja Oy", "Kela", "Diakoni Pirjo", "Aino Lehto",
};

static PopplerDocument *
open_pdf (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  PopplerDocument *pdf = poppler_document_new_from_file (uri, NULL, &error);

  g_assert_no_error (error);
  return pdf;
}

static void
test_pdf (void)
{
  static const struct {
    const char *language;
    const char *sectors[3];
    const char *legend[3];
  } cases[] = {
    { "fi", { "Perhe", "Sosiaalipalvelut", "Kela ja talous" }, { "Selitykset", "Kuormittava", "Katkennut" } },
    { "sv", { "Familj", "Socialtjänster", "FPA och ekonomi" }, { "Teckenförklaring", "Belastande", "Bruten" } },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(KhEcomapPicture) picture = kh_ecomap_picture_new (network, G_N_ELEMENTS (network), "Aino Lehto",
                                                                  cases[c].language);
      g_autoptr(GError) error = NULL;
      g_autofree char *dir = g_dir_make_tmp ("kh-ecomap-XXXXXX", NULL);
      g_autofree char *path = g_build_filename (dir, "map.pdf", NULL);
      g_autoptr(PopplerDocument) pdf = NULL;
      g_autofree char *text = NULL;
      double width, height;

      g_assert_true (kh_ecomap_picture_export_pdf (picture, path, 482, 340, &error));
      g_assert_no_error (error);
      if (g_getenv ("KH_TEST_PDF_DIR") != NULL)
        {
          g_autofree char *name = g_strdup_printf ("ecomap-%s.pdf", cases[c].language);
          g_autofree char *copy = g_build_filename (g_getenv ("KH_TEST_PDF_DIR"), name, NULL);

          g_assert_true (kh_ecomap_picture_export_pdf (picture, copy, 482, 340, NULL));
        }
      pdf = open_pdf (path);
      g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 1);
      {
        g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, 0);

        poppler_page_get_size (page, &width, &height);
      }
      g_assert_cmpfloat_with_epsilon (width, 482, 0.01);
      g_assert_cmpfloat_with_epsilon (height, 340, 0.01);
      text = doc_test_text (pdf, 0);
      g_test_message ("%s: %s", cases[c].language, text);
      for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
        doc_test_assert_contains (text, labels[i]);
      for (guint i = 0; i < G_N_ELEMENTS (cases[c].sectors); i++)
        doc_test_assert_contains (text, cases[c].sectors[i]);
      for (guint i = 0; i < G_N_ELEMENTS (cases[c].legend); i++)
        doc_test_assert_contains (text, cases[c].legend[i]);
      /* Without the legend. */
      {
        g_autoptr(PopplerDocument) bare = NULL;
        g_autofree char *bare_text = NULL;

        kh_ecomap_picture_set_legend (picture, FALSE);
        g_assert_true (kh_ecomap_picture_export_pdf (picture, path, 482, 340, &error));
        bare = open_pdf (path);
        bare_text = doc_test_text (bare, 0);
        doc_test_assert_contains (bare_text, labels[0]);
        for (guint i = 0; i < G_N_ELEMENTS (cases[c].legend); i++)
          doc_test_assert_lacks (bare_text, cases[c].legend[i]);
      }
      {
        g_autofree char *title = poppler_document_get_title (pdf);

        g_assert_nonnull (strstr (title, "Aino Lehto"));
      }
      g_unlink (path);
      g_rmdir (dir);
    }

  /* Somewhere it cannot be written. */
  {
    g_autoptr(KhEcomapPicture) picture = kh_ecomap_picture_new (network, 2, "Aino Lehto", "fi");
    g_autoptr(GError) error = NULL;

    g_assert_false (kh_ecomap_picture_export_pdf (picture, "/nonexistent/kh/map.pdf", 400, 300, &error));
    g_assert_nonnull (error);
  }
}

static void
test_png (void)
{
  g_autoptr(KhEcomapPicture) picture = kh_ecomap_picture_new (network, G_N_ELEMENTS (network), "Aino Lehto", "sv");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kh-ecomap-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "map.png", NULL);
  cairo_surface_t *image;

  g_assert_true (kh_ecomap_picture_export_png (picture, path, 1000, 700, &error));
  g_assert_no_error (error);
  if (g_getenv ("KH_TEST_PDF_DIR") != NULL)
    {
      g_autofree char *copy = g_build_filename (g_getenv ("KH_TEST_PDF_DIR"), "ecomap-sv.png", NULL);
      g_autoptr(KhEcomapPicture) dark = kh_ecomap_picture_new (network, G_N_ELEMENTS (network), "Aino Lehto", "fi");
      g_autofree char *dark_copy = g_build_filename (g_getenv ("KH_TEST_PDF_DIR"), "ecomap-fi-dark.png", NULL);

      g_assert_true (kh_ecomap_picture_export_png (picture, copy, 1000, 700, NULL));
      kh_ecomap_picture_set_palette (dark, kh_ecomap_palette_dark ());
      g_assert_true (kh_ecomap_picture_export_png (dark, dark_copy, 1000, 700, NULL));
    }
  image = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1000);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 700);
  /* White paper; the client's blue circle in the middle. */
  {
    const guint8 *data = cairo_image_surface_get_data (image);
    int stride = cairo_image_surface_get_stride (image);

    g_assert_cmphex (*(const guint32 *) (data + 2 * stride + 8) & 0xffffff, ==, 0xffffff);
    g_assert_cmphex (*(const guint32 *) (data + 318 * stride + 4 * 500) & 0xffffff, ==, 0x1c71d8);
  }
  cairo_surface_destroy (image);
  g_unlink (path);
  g_rmdir (dir);
}

/* In a letter: the map as a picture in the client plan, its labels read
 * back from the letter's PDF. */
static void
test_in_document (void)
{
  g_autoptr(KhDocument) doc = kh_document_new ("sv");
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autofree char *text = NULL;

  kh_document_add_heading (doc, 1, "Klientplan");
  kh_document_add_paragraph (doc, "Nätverkskartan visar de närstående och tjänsterna.");
  kh_document_add_picture (doc, 170, 120, "Bild 1. Nätverkskarta 7.12.2026", kh_ecomap_picture_draw,
                           kh_ecomap_picture_new (network, G_N_ELEMENTS (network), "Aino Lehto", "sv"),
                           (GDestroyNotify) kh_ecomap_picture_free);
  pdf = doc_test_render (doc, "ecomap-letter.pdf", NULL);
  text = doc_test_text (pdf, -1);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    doc_test_assert_contains (text, labels[i]);
  doc_test_assert_contains (text, "Familj");
  doc_test_assert_contains (text, "Teckenförklaring");
  doc_test_assert_contains (text, "Bild 1. Nätverkskarta 7.12.2026");
  doc_test_assert_lacks (text, "Perhe");
}

/* The labels as the drawing measures them (Pango, the sectors' names in
 * Finnish and Swedish) kept apart from each other, from the nodes and the
 * sectors' names: the network page's pictures' mix of 5, 15, 25 and 40
 * entries in a window's map (780 × 700 pixels, labels of 11.3 times
 * kh_ecomap_crowded_scale) and a letter's (165 × 130 mm, 8 points). */
static void
test_labels_apart (void)
{
  static const struct {
    const char *where;
    double      width, height, font_size;
  } sizes[] = { { "window", 780, 700, 11.3 }, { "letter", 467.7, 368.5, 8 } };
  static const guint counts[] = { 5, 15, 25, 40 };
  static const char *const languages[] = { "fi", "sv" };

  for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
    for (guint c = 0; c < G_N_ELEMENTS (counts); c++)
      for (guint g = 0; g < G_N_ELEMENTS (languages); g++)
        {
          KhEcomapEntry entries[40];
          char names[40][64];
          g_autoptr(KhEcomapLayout) l = NULL;
          guint n = counts[c];

          for (guint i = 0; i < n; i++)
            entries[i] = sample_mix_entry (i, names[i]);
          l = kh_ecomap_draw_layout (entries, n, SAMPLE_CLIENT, languages[g], sizes[z].width, sizes[z].height,
                                     sizes[z].font_size * kh_ecomap_crowded_scale (n));
          g_test_message ("%s, %u entries, %s", sizes[z].where, n, languages[g]);
          for (guint i = 0; i < n; i++)
            {
              const KhEcomapNode *a = &l->nodes[i];

              for (guint j = 0; j < n; j++)
                if (j != i)
                  {
                    g_assert_false (kh_ecomap_rect_overlaps (&a->label, &l->nodes[j].label));
                    g_assert_false (kh_ecomap_circle_overlaps_rect (l->nodes[j].x, l->nodes[j].y, l->nodes[j].radius,
                                                                    &a->label));
                  }
              for (guint w = 0; w < l->n_wedges; w++)
                g_assert_false (kh_ecomap_rect_overlaps (&a->label, &l->wedges[w].label));
            }
        }
}

int
main (int    argc,
      char **argv)
{
  doc_test_init (&argc, &argv);

  g_test_add_func ("/ecomap-draw/ties", test_ties);
  g_test_add_func ("/ecomap-draw/arrows", test_arrows);
  g_test_add_func ("/ecomap-draw/shapes", test_shapes);
  g_test_add_func ("/ecomap-draw/palettes", test_palettes);
  g_test_add_func ("/ecomap-draw/pdf", test_pdf);
  g_test_add_func ("/ecomap-draw/png", test_png);
  g_test_add_func ("/ecomap-draw/in-document", test_in_document);
  g_test_add_func ("/ecomap-draw/labels-apart", test_labels_apart);
  return doc_test_finish (g_test_run ());
}
