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
