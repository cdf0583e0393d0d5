/* document-test-util.c — what the document tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "document-test-util.h"

static char *tmp_dir;

void
doc_test_init (int    *argc,
               char ***argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_test_init (argc, argv, NULL);
  tmp_dir = g_dir_make_tmp ("kh-documents-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);
}

int
doc_test_finish (int status)
{
  g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (tmp_dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (tmp_dir);
  g_clear_pointer (&tmp_dir, g_free);
  return status;
}

PopplerDocument *
doc_test_render (KhDocument *doc,
                 const char *name,
                 char      **out_path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autofree char *uri = NULL;
  PopplerDocument *pdf;

  g_assert_true (kh_document_render_pdf (doc, path, &error));
  g_assert_no_error (error);
  if (g_getenv ("KH_TEST_PDF_DIR") != NULL)
    {
      g_autofree char *copy = g_build_filename (g_getenv ("KH_TEST_PDF_DIR"), name, NULL);

      g_assert_true (kh_document_render_pdf (doc, copy, NULL));
    }
  uri = g_filename_to_uri (path, NULL, &error);
  g_assert_no_error (error);
  pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pdf);
  if (out_path != NULL)
    *out_path = g_steal_pointer (&path);
  return pdf;
}

void
doc_test_assert_contains (const char *text,
                          const char *expected)
{
  if (strstr (text, expected) == NULL)
    g_error ("«%s» not found in:\n%s", expected, text);
}

void
doc_test_assert_lacks (const char *text,
                       const char *unexpected)
{
  if (strstr (text, unexpected) != NULL)
    g_error ("«%s» found in:\n%s", unexpected, text);
}

void
doc_test_set_ui_language (const char *language)
{
  g_setenv ("LANGUAGE", language, TRUE);
  setlocale (LC_ALL, g_str_equal (language, "fi") ? "fi_FI.UTF-8" : "sv_FI.UTF-8");
}

/* The text of one page, or of all (index -1), with every run of white
 * space (line ends, no-break spaces) made one space, so that a sentence
 * that wraps is still found; a word that wraps at its hyphen
 * ("hallinto-" at a line's end, "oikeuteen" on the next) stays one. */
char *
doc_test_text (PopplerDocument *pdf,
               int              index)
{
  g_autoptr(GString) all = g_string_new (NULL);
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean space = FALSE;
  gboolean line_end = FALSE;

  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      g_autoptr(PopplerPage) page = NULL;
      g_autofree char *text = NULL;

      if (index >= 0 && i != index)
        continue;
      page = poppler_document_get_page (pdf, i);
      text = poppler_page_get_text (page);
      g_string_append_printf (all, "%s\n", text);
    }
  for (const char *p = all->str; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x00A0)
        {
          line_end |= c == '\n';
          space = TRUE;
          continue;
        }
      if (space && out->len > 0 && !(line_end && out->str[out->len - 1] == '-'))
        g_string_append_c (out, ' ');
      space = FALSE;
      line_end = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_strdup (out->str);
}

/* Whether some place of `a` and some place of `b` on `page` share a line. */
static gboolean
on_one_row (PopplerPage *page,
            const char  *a,
            const char  *b)
{
  GList *found_a = poppler_page_find_text (page, a);
  GList *found_b = poppler_page_find_text (page, b);
  gboolean row = FALSE;

  for (GList *i = found_a; i != NULL && !row; i = i->next)
    for (GList *j = found_b; j != NULL && !row; j = j->next)
      row = ABS (((PopplerRectangle *) i->data)->y1 - ((PopplerRectangle *) j->data)->y1) <= 1.5;
  g_list_free_full (found_a, (GDestroyNotify) poppler_rectangle_free);
  g_list_free_full (found_b, (GDestroyNotify) poppler_rectangle_free);
  return row;
}

void
doc_test_assert_same_row (PopplerDocument *pdf,
                          const char      *a,
                          const char      *b)
{
  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, i);

      if (on_one_row (page, a, b))
        return;
    }
  g_error ("«%s» and «%s» are not on one row of any page", a, b);
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
doc_test_png_of (cairo_surface_t *surface)
{
  GByteArray *png = g_byte_array_new ();

  g_assert_cmpint (cairo_surface_write_to_png_stream (surface, append_bytes, png), ==,
                   CAIRO_STATUS_SUCCESS);
  return g_byte_array_free_to_bytes (png);
}
