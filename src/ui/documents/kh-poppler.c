/* kh-poppler.c — poppler-glib for the preview and printing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kohtaamo-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "kh-poppler.h"

PopplerDocument *
kh_poppler_open (GBytes  *pdf,
                 GError **error)
{
  g_autoptr(GError) local_error = NULL;
  PopplerDocument *document = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (pdf != NULL && g_bytes_get_size (pdf) > 0)
    document = poppler_document_new_from_bytes (pdf, NULL, &local_error);
  if (document == NULL || poppler_document_get_n_pages (document) < 1)
    {
      /* Poppler's message is in English and about the file's insides. */
      g_debug ("not a PDF that can be shown: %s", local_error != NULL ? local_error->message : "no pages");
      g_clear_object (&document);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           /* Translators: shown instead of a document's pages, under "The Document Cannot Be Shown" */
                           _("This is not a PDF file, or the file is damaged."));
    }
  return document;
}
