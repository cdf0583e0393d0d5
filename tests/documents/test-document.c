/* test-document.c — the document engine, read back with poppler
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every document is rendered to PDF and read back: its text (Finnish,
 * Swedish and Sámi letters), page numbers in the document's language while
 * the process's own language is the other one, page breaks, metadata,
 * embedded fonts and the tagged structure.
 *
 * With KH_TEST_PDF_DIR=DIR the PDFs are also written there, to look at
 * (pdftoppm -r 60 -png DIR/fi-letter.pdf /tmp/fi).
 */
#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "document-test-util.h"


/* Fictional people and a fictional unit. */
#define ORGANISATION "Pohjolan hyvinvointialue"
#define UNIT_FI      "Aikuissosiaalityö, Keskustan tiimi"
#define UNIT_SV      "Socialt arbete för vuxna, centrumteamet"
#define ADDRESS      "Kirkkokatu 9 A, 90100 Oulu"
#define PHONE        "08 555 0100"
#define SAMI_NAME    "Áŋŋel Čuđđi"
#define SAMI_LETTERS "Šárá Ŧ ŋ đ ž"

static GDateTime *
letter_date (void)
{
  g_autoptr(GTimeZone) helsinki = g_time_zone_new_offset (2 * 3600);

  return g_date_time_new (helsinki, 2026, 12, 7, 10, 30, 0);
}

static KhDocument *
new_letter (const char *language)
{
  KhDocument *doc = kh_document_new (language);
  g_autoptr(GDateTime) date = letter_date ();
  gboolean fi = g_str_equal (language, "fi");

  kh_document_set_title (doc, fi ? "Kutsu tapaamiseen" : "Kallelse till möte");
  kh_document_set_author (doc, "Åsa Öhman");
  kh_document_set_subject (doc, fi ? "Tapaaminen 14.12.2026" : "Möte 14.12.2026");
  kh_document_set_date (doc, date);
  kh_document_set_letterhead (doc, ORGANISATION, fi ? UNIT_FI : UNIT_SV, ADDRESS, PHONE);
  kh_document_set_recipient (doc, SAMI_NAME, "Äijälänkatu 4 B 12\n90130 Oulu");
  if (fi)
    {
      kh_document_add_heading (doc, 1, "Kutsu tapaamiseen");
      kh_document_add_paragraph (doc, "Hyvä " SAMI_NAME ", kutsumme teidät tapaamiseen "
                                 "sosiaalityöntekijä Åsa Öhmanin luo. Ärsyttävätkin asiat "
                                 "käydään läpi yhdessä.");
      kh_document_add_heading (doc, 2, "Aika ja paikka");
      kh_document_add_field (doc, "Aika", "maanantai 14.12.2026 klo 9.30");
      kh_document_add_field (doc, "Paikka", "Kirkkokatu 9 A, 2. kerros, huone 214");
      kh_document_add_field (doc, "Ota mukaan", "henkilöllisyystodistus ja " SAMI_LETTERS);
      kh_document_add_signature (doc, "Åsa Öhman", "sosiaalityöntekijä");
      kh_document_add_attachments (doc, (const char *[]) { "Tietosuojaseloste", NULL });
    }
  else
    {
      kh_document_add_heading (doc, 1, "Kallelse till möte");
      kh_document_add_paragraph (doc, "Bästa " SAMI_NAME ", vi kallar er till ett möte hos "
                                 "socialarbetare Åsa Öhman. Även Ärenden om ÅÄÖ gås igenom.");
      kh_document_add_heading (doc, 2, "Tid och plats");
      kh_document_add_field (doc, "Tid", "måndag 14.12.2026 kl. 9.30");
      kh_document_add_field (doc, "Plats", "Kyrkogatan 9 A, 2 våningen, rum 214");
      kh_document_add_field (doc, "Ta med", "identitetsbevis och " SAMI_LETTERS);
      kh_document_add_signature (doc, "Åsa Öhman", "socialarbetare");
      kh_document_add_attachments (doc, (const char *[]) { "Dataskyddsbeskrivning", NULL });
    }
  return doc;
}

static char *
page_text (PopplerDocument *pdf,
           int              index)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, index);

  g_assert_nonnull (page);
  return poppler_page_get_text (page);
}

/* The 0-based page on which `text` first occurs, or -1. The pages' texts
 * are read once per document (poppler_page_find_text reads a page again on
 * each call, and the long documents ask hundreds of times). */
static int
page_of (PopplerDocument *pdf,
         const char      *text)
{
  GPtrArray *pages = g_object_get_data (G_OBJECT (pdf), "kh-page-texts");

  if (pages == NULL)
    {
      pages = g_ptr_array_new_with_free_func (g_free);
      for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
        g_ptr_array_add (pages, doc_test_text (pdf, i));
      g_object_set_data_full (G_OBJECT (pdf), "kh-page-texts", pages,
                              (GDestroyNotify) g_ptr_array_unref);
    }
  for (guint i = 0; i < pages->len; i++)
    if (strstr (g_ptr_array_index (pages, i), text) != NULL)
      return (int) i;
  return -1;
}

static void
test_letter_fi (void)
{
  g_autoptr(KhDocument) doc = new_letter ("fi");
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autoptr(GDateTime) date = letter_date ();
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *author = NULL;
  g_autofree char *subject = NULL;

  doc_test_set_ui_language ("sv");
  pdf = doc_test_render (doc, "fi-letter.pdf", NULL);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 1);
  text = page_text (pdf, 0);
  doc_test_assert_contains (text, ORGANISATION);
  doc_test_assert_contains (text, UNIT_FI);
  doc_test_assert_contains (text, "Sivu 1 (1)");
  doc_test_assert_contains (text, "7.12.2026");
  doc_test_assert_contains (text, SAMI_NAME);
  doc_test_assert_contains (text, "Äijälänkatu 4 B 12");
  doc_test_assert_contains (text, "90130 Oulu");
  doc_test_assert_contains (text, "sosiaalityöntekijä Åsa Öhmanin");
  doc_test_assert_contains (text, "Ärsyttävätkin");
  doc_test_assert_contains (text, "Aika ja paikka");
  doc_test_assert_contains (text, "maanantai 14.12.2026 klo 9.30");
  doc_test_assert_contains (text, "henkilöllisyystodistus ja " SAMI_LETTERS);
  doc_test_assert_contains (text, "Liitteet");
  doc_test_assert_contains (text, "Tietosuojaseloste");
  doc_test_assert_contains (text, "puh. " PHONE);
  doc_test_assert_lacks (text, "Sida");
  doc_test_assert_lacks (text, "Bilagor");

  title = poppler_document_get_title (pdf);
  author = poppler_document_get_author (pdf);
  subject = poppler_document_get_subject (pdf);
  g_assert_cmpstr (title, ==, "Kutsu tapaamiseen");
  g_assert_cmpstr (author, ==, "Åsa Öhman");
  g_assert_cmpstr (subject, ==, "Tapaaminen 14.12.2026");
  g_assert_cmpint (poppler_document_get_creation_date (pdf), ==, g_date_time_to_unix (date));
}

static void
test_letter_sv (void)
{
  g_autoptr(KhDocument) doc = new_letter ("sv");
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autofree char *text = NULL;

  doc_test_set_ui_language ("fi");
  pdf = doc_test_render (doc, "sv-letter.pdf", NULL);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 1);
  text = page_text (pdf, 0);
  doc_test_assert_contains (text, UNIT_SV);
  doc_test_assert_contains (text, "Sida 1 (1)");
  doc_test_assert_contains (text, "7.12.2026");
  doc_test_assert_contains (text, SAMI_NAME);
  doc_test_assert_contains (text, "Ärenden om ÅÄÖ gås igenom");
  doc_test_assert_contains (text, "Tid och plats");
  doc_test_assert_contains (text, "identitetsbevis och " SAMI_LETTERS);
  doc_test_assert_contains (text, "Bilagor");
  doc_test_assert_contains (text, "Dataskyddsbeskrivning");
  doc_test_assert_contains (text, "tfn " PHONE);
  /* Nothing the engine adds itself is in Finnish. */
  doc_test_assert_lacks (text, "Sivu");
  doc_test_assert_lacks (text, "Liitteet");
  doc_test_assert_lacks (text, "puh.");
}

/* 120 numbered paragraphs of two lines or three. */
static KhDocument *
new_long (const char *language)
{
  KhDocument *doc = kh_document_new (language);
  g_autoptr(GDateTime) date = letter_date ();

  kh_document_set_title (doc, "Asiakassuunnitelma");
  kh_document_set_date (doc, date);
  kh_document_set_letterhead (doc, ORGANISATION, UNIT_FI, ADDRESS, PHONE);
  kh_document_set_recipient (doc, SAMI_NAME, "Äijälänkatu 4 B 12\n90130 Oulu");
  kh_document_add_heading (doc, 1, "Asiakassuunnitelma");
  for (int i = 1; i <= 120; i++)
    {
      g_autofree char *text = g_strdup_printf ("Kappale %03d. Tässä kappaleessa kerrotaan "
                                               "asiakkaan tilanteesta, tavoitteista ja "
                                               "palveluista, joita hänelle järjestetään. "
                                               "Äidinkieli, Åland ja Öljyvärit mainitaan. "
                                               "Loppu_%03d.", i, i);

      kh_document_add_paragraph (doc, text);
    }
  return doc;
}

#define LONG_PAGES 9

static void
check_long (const char *language,
            const char *ui_language,
            const char *page_word,
            const char *other_word)
{
  g_autoptr(KhDocument) doc = new_long (language);
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autofree char *name = g_strdup_printf ("%s-long.pdf", language);

  doc_test_set_ui_language (ui_language);
  pdf = doc_test_render (doc, name, NULL);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, LONG_PAGES);
  for (int i = 0; i < LONG_PAGES; i++)
    {
      g_autofree char *text = page_text (pdf, i);
      g_autofree char *expected = g_strdup_printf ("%s %d (%d)", page_word, i + 1,
                                                   LONG_PAGES);

      doc_test_assert_contains (text, expected);
      doc_test_assert_contains (text, ORGANISATION);
      doc_test_assert_lacks (text, other_word);
    }
  /* The paragraphs are all there, in order. */
  g_assert_cmpint (page_of (pdf, "Kappale 001."), ==, 0);
  g_assert_cmpint (page_of (pdf, "Kappale 120."), ==, LONG_PAGES - 1);
  for (int i = 2; i <= 120; i++)
    {
      g_autofree char *before = g_strdup_printf ("Kappale %03d.", i - 1);
      g_autofree char *after = g_strdup_printf ("Kappale %03d.", i);

      g_assert_cmpint (page_of (pdf, before), <=, page_of (pdf, after));
    }
  /* A paragraph of two lines is never split: one line alone would be
   * left at the foot of one page or the head of the next. */
  for (int i = 1; i <= 120; i++)
    {
      g_autofree char *start = g_strdup_printf ("Kappale %03d.", i);
      g_autofree char *end = g_strdup_printf ("Loppu_%03d.", i);

      g_assert_cmpint (page_of (pdf, start), ==, page_of (pdf, end));
    }
}

static void
test_long_fi (void)
{
  check_long ("fi", "sv", "Sivu", "Sida");
}

static void
test_long_sv (void)
{
  check_long ("sv", "fi", "Sida", "Sivu");
}

/* A paragraph longer than a page begins on the first page and continues
 * on the next, line by line; nothing is lost at the break. */
static void
test_split_paragraph (void)
{
  g_autoptr(KhDocument) doc = kh_document_new ("fi");
  g_autoptr(GString) text = g_string_new ("Alkusana.");
  g_autoptr(PopplerDocument) pdf = NULL;

  kh_document_set_letterhead (doc, ORGANISATION, UNIT_FI, ADDRESS, PHONE);
  kh_document_add_paragraph (doc, "Johdanto on lyhyt.");
  for (int i = 1; i <= 200; i++)
    g_string_append_printf (text, " Lause_%03d kertoo jotakin.", i);
  g_string_append (text, " Loppusana.");
  kh_document_add_paragraph (doc, text->str);
  pdf = doc_test_render (doc, "split.pdf", NULL);

  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 2);
  g_assert_cmpint (page_of (pdf, "Alkusana."), ==, 0);
  g_assert_cmpint (page_of (pdf, "Loppusana."), ==, 1);
  for (int i = 1; i <= 200; i++)
    {
      g_autofree char *sentence = g_strdup_printf ("Lause_%03d", i);

      g_assert_cmpint (page_of (pdf, sentence), >=, 0);
    }
}

/* Forty sections of a heading and a paragraph of varying length: every
 * heading is on the same page as the start of its paragraph. */
static void
test_headings_kept_with_text (void)
{
  g_autoptr(KhDocument) doc = kh_document_new ("fi");
  g_autoptr(PopplerDocument) pdf = NULL;

  kh_document_set_letterhead (doc, ORGANISATION, UNIT_FI, ADDRESS, PHONE);
  for (int i = 1; i <= 40; i++)
    {
      g_autofree char *heading = g_strdup_printf ("Otsikko %02d", i);
      g_autoptr(GString) text = g_string_new (NULL);

      g_string_printf (text, "Teksti %02d alkaa.", i);
      for (int j = 0; j < (i * 7) % 11; j++)
        g_string_append (text, " Täytettä on tässä niin, että rivejä tulee useampi.");
      kh_document_add_heading (doc, i % 3 == 0 ? 1 : 2, heading);
      kh_document_add_paragraph (doc, text->str);
    }
  pdf = doc_test_render (doc, "headings.pdf", NULL);

  for (int i = 1; i <= 40; i++)
    {
      g_autofree char *heading = g_strdup_printf ("Otsikko %02d", i);
      g_autofree char *start = g_strdup_printf ("Teksti %02d alkaa.", i);
      int page = page_of (pdf, heading);

      g_assert_cmpint (page, >=, 0);
      g_assert_cmpint (page, ==, page_of (pdf, start));
    }
  /* The sections do run over several pages. */
  g_assert_cmpint (poppler_document_get_n_pages (pdf), >=, 3);
}

static void
test_fonts_embedded (void)
{
  g_autoptr(KhDocument) doc = new_letter ("fi");
  g_autoptr(PopplerDocument) pdf = doc_test_render (doc, "fonts.pdf", NULL);
  g_autoptr(PopplerFontInfo) info = poppler_font_info_new (pdf);
  PopplerFontsIter *iter = NULL;
  gboolean serif = FALSE, sans = FALSE;
  int n = 0;

  g_assert_true (poppler_font_info_scan (info, poppler_document_get_n_pages (pdf), &iter));
  g_assert_nonnull (iter);
  do
    {
      const char *name = poppler_fonts_iter_get_name (iter);

      g_assert_true (poppler_fonts_iter_is_embedded (iter));
      g_assert_true (poppler_fonts_iter_is_subset (iter));
      serif |= strstr (name, "DejaVuSerif") != NULL;
      sans |= strstr (name, "DejaVuSans") != NULL;
      n++;
    }
  while (poppler_fonts_iter_next (iter));
  poppler_fonts_iter_free (iter);
  g_assert_true (serif);
  g_assert_true (sans);
  g_assert_cmpint (n, >=, 3);   /* serif, sans, sans bold */
}

static void
collect_structure (PopplerStructureElementIter *iter,
                   GHashTable                  *kinds)
{
  do
    {
      g_autoptr(PopplerStructureElement) element = poppler_structure_element_iter_get_element (iter);
      PopplerStructureElementIter *child;

      g_hash_table_add (kinds, GINT_TO_POINTER (poppler_structure_element_get_kind (element)));
      child = poppler_structure_element_iter_get_child (iter);
      if (child != NULL)
        {
          collect_structure (child, kinds);
          poppler_structure_element_iter_free (child);
        }
    }
  while (poppler_structure_element_iter_next (iter));
}

static void
test_tagged (void)
{
  g_autoptr(KhDocument) doc = new_letter ("fi");
  g_autofree char *path = NULL;
  g_autoptr(PopplerDocument) pdf = doc_test_render (doc, "tagged.pdf", &path);
  g_autoptr(GHashTable) kinds = g_hash_table_new (NULL, NULL);
  PopplerStructureElementIter *iter = poppler_structure_element_iter_new (pdf);
  const PopplerStructureElementKind expected[] = {
    POPPLER_STRUCTURE_ELEMENT_DOCUMENT,
    POPPLER_STRUCTURE_ELEMENT_HEADING_1,
    POPPLER_STRUCTURE_ELEMENT_HEADING_2,
    POPPLER_STRUCTURE_ELEMENT_PARAGRAPH,
    POPPLER_STRUCTURE_ELEMENT_TABLE,
    POPPLER_STRUCTURE_ELEMENT_TABLE_ROW,
    POPPLER_STRUCTURE_ELEMENT_TABLE_DATA,
    POPPLER_STRUCTURE_ELEMENT_LIST,
    POPPLER_STRUCTURE_ELEMENT_LIST_ITEM,
  };
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_nonnull (iter);
  collect_structure (iter, kinds);
  poppler_structure_element_iter_free (iter);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (!g_hash_table_contains (kinds, GINT_TO_POINTER (expected[i])))
      g_error ("structure element kind %d missing", expected[i]);

  if (pdfinfo == NULL)
    {
      g_test_skip ("pdfinfo (poppler-utils) is not installed: the Tagged line was not checked");
      return;
    }
  g_assert_true (g_spawn_sync (NULL, (char *[]) { pdfinfo, path, NULL }, NULL,
                               G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  doc_test_assert_contains (out, "Tagged:          yes");
  doc_test_assert_contains (out, "Page size:       595.276 x 841.89 pts (A4)");
}

/* The same document through a stream, into memory. */
static void
test_bytes (void)
{
  g_autoptr(KhDocument) doc = new_letter ("sv");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = kh_document_render_bytes (doc, &error);
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (g_bytes_get_size (bytes), >, 5);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), 5, "%PDF-", 5);
  pdf = poppler_document_new_from_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
  text = page_text (pdf, 0);
  doc_test_assert_contains (text, "Sida 1 (1)");
}

/* A page break starts a page of its own with its own title in the header
 * (an attachment); a break at the top of a page adds no empty page. */
static void
test_page_break (void)
{
  g_autoptr(KhDocument) doc = kh_document_new ("fi");
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  kh_document_set_title (doc, "Päätös");
  kh_document_set_reference (doc, "Nro 7/2026");
  kh_document_set_letterhead (doc, ORGANISATION, UNIT_FI, ADDRESS, PHONE);
  kh_document_add_paragraph (doc, "Päätöksen teksti.");
  kh_document_add_page_break (doc, "Oikaisuvaatimusohje");
  kh_document_add_page_break (doc, NULL);
  kh_document_add_heading (doc, 1, "Ohjeen otsikko");
  kh_document_add_paragraph (doc, "Ohjeen teksti.");
  pdf = doc_test_render (doc, "page-break.pdf", NULL);

  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 2);
  first = page_text (pdf, 0);
  second = page_text (pdf, 1);
  doc_test_assert_contains (first, "Päätös");
  doc_test_assert_contains (first, "Nro 7/2026");
  doc_test_assert_lacks (first, "Oikaisuvaatimusohje");
  doc_test_assert_lacks (first, "Ohjeen");
  doc_test_assert_contains (second, "Oikaisuvaatimusohje");
  doc_test_assert_contains (second, "Sivu 2 (2)");
  doc_test_assert_contains (second, "Nro 7/2026");
  doc_test_assert_contains (second, "Ohjeen otsikko");
  doc_test_assert_lacks (second, "Päätöksen teksti.");
}

/* A made-up 80 × 40 pixel logo. */
static GBytes *
make_png (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 80, 40);
  cairo_t *cr = cairo_create (surface);
  GBytes *png;

  cairo_set_source_rgb (cr, 0.0, 0.3, 0.6);
  cairo_rectangle (cr, 0, 0, 40, 40);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.9, 0.6, 0.0);
  cairo_arc (cr, 60, 20, 18, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_destroy (cr);
  png = doc_test_png_of (surface);
  cairo_surface_destroy (surface);
  return png;
}

static void
test_logo (void)
{
  g_autoptr(KhDocument) doc = new_long ("sv");
  g_autoptr(GBytes) png = make_png ();
  g_autoptr(GBytes) garbage = g_bytes_new_static ("not a png", 9);
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;

  g_assert_false (kh_document_set_logo (doc, garbage, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_true (kh_document_set_logo (doc, png, NULL));
  pdf = doc_test_render (doc, "logo.pdf", NULL);
  /* On every page, beside the organisation's name. */
  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, i);
      GList *images = poppler_page_get_image_mapping (page);
      PopplerImageMapping *image;
      GList *name;

      g_assert_cmpuint (g_list_length (images), ==, 1);
      image = images->data;
      /* 12 mm high and 24 mm wide, 20 mm from the left edge (poppler gives
       * whole points). */
      g_assert_cmpfloat_with_epsilon (image->area.x1, 20 * 72 / 25.4, 1.5);
      g_assert_cmpfloat_with_epsilon (image->area.x2 - image->area.x1, 24 * 72 / 25.4, 1.5);
      g_assert_cmpfloat_with_epsilon (image->area.y2 - image->area.y1, 12 * 72 / 25.4, 1.5);
      name = poppler_page_find_text (page, ORGANISATION);
      g_assert_nonnull (name);
      g_assert_cmpfloat (((PopplerRectangle *) name->data)->x1, >, image->area.x2);
      g_list_free_full (name, (GDestroyNotify) poppler_rectangle_free);
      poppler_page_free_image_mapping (images);
    }
}

typedef struct
{
  int    calls;
  double width;
  double height;
} Drawn;

static void
draw_network (cairo_t  *cr,
              double    width,
              double    height,
              gpointer  user_data)
{
  Drawn *drawn = user_data;

  drawn->calls++;
  drawn->width = width;
  drawn->height = height;
  cairo_set_source_rgb (cr, 0.2, 0.4, 0.7);
  cairo_set_line_width (cr, 1.5);
  cairo_arc (cr, width / 2, height / 2, height / 2 - 2, 0, 2 * G_PI);
  cairo_stroke (cr);
  cairo_move_to (cr, width / 2, height / 2);
  cairo_line_to (cr, width, 0);   /* runs out of the box: clipped */
  cairo_stroke (cr);
}

/* A picture drawn inside a page by a callback, tagged as a Figure, its
 * caption under it; one that does not fit goes whole to the next page. */
static void
test_picture (void)
{
  g_autoptr(KhDocument) doc = kh_document_new ("fi");
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autoptr(GHashTable) kinds = g_hash_table_new (NULL, NULL);
  PopplerStructureElementIter *iter;
  Drawn *drawn = g_new0 (Drawn, 1);
  Drawn *second = g_new0 (Drawn, 1);

  kh_document_set_letterhead (doc, ORGANISATION, UNIT_FI, ADDRESS, PHONE);
  kh_document_add_heading (doc, 1, "Asiakassuunnitelma");
  kh_document_add_paragraph (doc, "Verkostokartta kuvaa läheisiä ja palveluja.");
  kh_document_add_picture (doc, 120, 80, "Kuva 1. Verkostokartta 7.12.2026", draw_network, drawn, g_free);
  kh_document_add_paragraph (doc, "Kuvan jälkeen.");
  kh_document_add_picture (doc, 100, 120, "Kuva 2. Toinen kartta", draw_network, second, g_free);
  pdf = doc_test_render (doc, "picture.pdf", NULL);

  /* Once per rendering (doc_test_render renders twice with KH_TEST_PDF_DIR). */
  g_assert_cmpint (drawn->calls, ==, g_getenv ("KH_TEST_PDF_DIR") != NULL ? 2 : 1);
  g_assert_cmpfloat_with_epsilon (drawn->width, 120 * 72 / 25.4, 0.01);
  g_assert_cmpfloat_with_epsilon (drawn->height, 80 * 72 / 25.4, 0.01);
  g_assert_cmpint (page_of (pdf, "Kuva 1. Verkostokartta 7.12.2026"), ==, 0);
  g_assert_cmpint (page_of (pdf, "Kuvan jälkeen."), ==, 0);
  /* 120 mm does not fit under the first one: the whole picture and its
   * caption are on page 2. */
  g_assert_cmpint (page_of (pdf, "Kuva 2. Toinen kartta"), ==, 1);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 2);

  iter = poppler_structure_element_iter_new (pdf);
  collect_structure (iter, kinds);
  poppler_structure_element_iter_free (iter);
  g_assert_true (g_hash_table_contains (kinds, GINT_TO_POINTER (POPPLER_STRUCTURE_ELEMENT_FIGURE)));
}

/* A paragraph that introduces a list goes to the next page with the
 * list's first item rather than end a page alone. */
static void
test_list_kept_with_intro (void)
{
  for (int filler = 20; filler <= 90; filler++)
    {
      g_autoptr(KhDocument) doc = kh_document_new ("fi");
      g_autoptr(PopplerDocument) pdf = NULL;
      g_autofree char *name = g_strdup_printf ("list-intro-%d.pdf", filler);

      for (int i = 0; i < filler; i++)
        kh_document_add_paragraph (doc, "Täyterivi.");
      kh_document_add_paragraph (doc, "Johdanto_listaan:");
      kh_document_add_list (doc, (const char *[]) { "Ensimmäinen_kohta", "toinen", NULL });
      pdf = doc_test_render (doc, name, NULL);
      g_assert_cmpint (page_of (pdf, "Johdanto_listaan:"), ==, page_of (pdf, "Ensimmäinen_kohta"));
    }
}

/* A list with dashes and a table of sums; both tagged. */
static void
test_list_and_amounts (void)
{
  g_autoptr(KhDocument) doc = kh_document_new ("sv");
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autoptr(GHashTable) kinds = g_hash_table_new (NULL, NULL);
  PopplerStructureElementIter *iter;
  g_autofree char *text = NULL;

  kh_document_add_paragraph (doc, "Av begäran ska framgå:");
  kh_document_add_list (doc, (const char *[]) { "det beslut som begäran gäller", "grunderna", NULL });
  kh_document_add_amount (doc, "Hyra december 2026", "412,50 €", FALSE);
  kh_document_add_amount (doc, "Elräkning", "89,90 €", FALSE);
  kh_document_add_amount (doc, "Sammanlagt", "502,40 €", TRUE);
  kh_document_add_paragraph_markup (doc, "Senast den <b>8.4.2026</b> &amp; inte senare.");
  pdf = doc_test_render (doc, "list.pdf", NULL);
  text = page_text (pdf, 0);
  doc_test_assert_contains (text, "det beslut som begäran gäller");
  doc_test_assert_contains (text, "Hyra december 2026");
  doc_test_assert_contains (text, "502,40");
  doc_test_assert_contains (text, "Senast den 8.4.2026 & inte senare.");

  iter = poppler_structure_element_iter_new (pdf);
  collect_structure (iter, kinds);
  poppler_structure_element_iter_free (iter);
  g_assert_true (g_hash_table_contains (kinds, GINT_TO_POINTER (POPPLER_STRUCTURE_ELEMENT_LIST_ITEM)));
  g_assert_true (g_hash_table_contains (kinds, GINT_TO_POINTER (POPPLER_STRUCTURE_ELEMENT_TABLE_DATA)));
}

/* src/documents stays free of GTK (DESIGN.md: layers). */
static void
test_no_gtk (void)
{
  g_autoptr(GDir) dir = g_dir_open (DOCUMENTS_SRCDIR, 0, NULL);
  const char *name;
  int files = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (DOCUMENTS_SRCDIR, name, NULL);
      g_autofree char *contents = NULL;

      if (!g_str_has_suffix (name, ".c") && !g_str_has_suffix (name, ".h")
          && !g_str_equal (name, "meson.build"))
        continue;
      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      if (strstr (contents, "<gtk/") != NULL || strstr (contents, "<adwaita") != NULL
          || strstr (contents, "gtk_dep") != NULL || strstr (contents, "adw_dep") != NULL)
        g_error ("%s uses GTK", path);
      files++;
    }
  g_assert_cmpint (files, >=, 3);
}

int
main (int   argc,
      char *argv[])
{
  doc_test_init (&argc, &argv);

  g_test_add_func ("/documents/letter-fi", test_letter_fi);
  g_test_add_func ("/documents/letter-sv", test_letter_sv);
  g_test_add_func ("/documents/long-fi", test_long_fi);
  g_test_add_func ("/documents/long-sv", test_long_sv);
  g_test_add_func ("/documents/split-paragraph", test_split_paragraph);
  g_test_add_func ("/documents/headings-kept-with-text", test_headings_kept_with_text);
  g_test_add_func ("/documents/fonts-embedded", test_fonts_embedded);
  g_test_add_func ("/documents/tagged", test_tagged);
  g_test_add_func ("/documents/bytes", test_bytes);
  g_test_add_func ("/documents/page-break", test_page_break);
  g_test_add_func ("/documents/logo", test_logo);
  g_test_add_func ("/documents/picture", test_picture);
  g_test_add_func ("/documents/list-and-amounts", test_list_and_amounts);
  g_test_add_func ("/documents/list-kept-with-intro", test_list_kept_with_intro);
  g_test_add_func ("/documents/no-gtk", test_no_gtk);
  return doc_test_finish (g_test_run ());
}
