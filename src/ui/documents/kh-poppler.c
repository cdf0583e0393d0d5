/* kh-poppler.c — poppler-glib for the preview and printing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kohtaamo-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <gmodule.h>

#include "kh-poppler.h"

static KhPoppler api;
static char *load_error;

static gboolean
find (GModule    *module,
      const char *name,
      gpointer   *symbol)
{
  if (g_module_symbol (module, name, symbol) && *symbol != NULL)
    return TRUE;
  load_error = g_strdup_printf ("%s: %s", name, g_module_error ());
  return FALSE;
}

/* Once per process; kept loaded (a GModule never closed). */
static gpointer
load (gpointer data)
{
  GModule *module = g_module_open (KH_POPPLER_GLIB_SONAME, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);

  if (module == NULL)
    {
      load_error = g_strdup (g_module_error ());
      return NULL;
    }
  if (find (module, "poppler_document_new_from_bytes", (gpointer *) &api.document_new_from_bytes)
      && find (module, "poppler_document_get_n_pages", (gpointer *) &api.document_get_n_pages)
      && find (module, "poppler_document_get_page", (gpointer *) &api.document_get_page)
      && find (module, "poppler_page_get_size", (gpointer *) &api.page_get_size)
      && find (module, "poppler_page_render", (gpointer *) &api.page_render)
      && find (module, "poppler_page_render_for_printing", (gpointer *) &api.page_render_for_printing))
    {
      g_module_make_resident (module);
      return &api;
    }
  g_module_close (module);
  return NULL;
}

static const KhPoppler *
ensure_loaded (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, load, NULL);
}

const KhPoppler *
kh_poppler (void)
{
  const KhPoppler *loaded = ensure_loaded ();

  g_return_val_if_fail (loaded != NULL, &api);
  return loaded;
}

PopplerDocument *
kh_poppler_open (GBytes  *pdf,
                 GError **error)
{
  g_autoptr(GError) local_error = NULL;
  const KhPoppler *poppler = ensure_loaded ();
  PopplerDocument *document = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (poppler == NULL)
    {
      g_warning ("%s could not be loaded: %s", KH_POPPLER_GLIB_SONAME, load_error);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   /* Translators: %s is a library's file name, "libpoppler-glib.so.8" */
                   _("Documents cannot be shown: the library %s that shows them is not installed."),
                   KH_POPPLER_GLIB_SONAME);
      return NULL;
    }
  if (pdf != NULL && g_bytes_get_size (pdf) > 0)
    document = poppler->document_new_from_bytes (pdf, NULL, &local_error);
  if (document == NULL || poppler->document_get_n_pages (document) < 1)
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
