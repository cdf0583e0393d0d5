/* kh-poppler.h — poppler-glib for the preview and printing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The application loads poppler-glib the first time it opens a document
 * (kh_poppler_open), not when it starts: the library and those it brings
 * (NSS, lcms2, OpenJPEG) took a tenth of a start, and the front desk may
 * never show a document all day. Everything the UI calls of it goes
 * through kh_poppler (), whose table is filled when the library is
 * loaded; a document from kh_poppler_open means it is.
 */
#pragma once

#include <poppler.h>

/* poppler-glib 22.12 (Debian 12) has no g_autoptr() support of its own. */
#ifndef KH_POPPLER_AUTOPTR
#define KH_POPPLER_AUTOPTR
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)
#endif

G_BEGIN_DECLS

typedef struct
{
  PopplerDocument *(*document_new_from_bytes)  (GBytes          *bytes,
                                                const char      *password,
                                                GError         **error);
  int              (*document_get_n_pages)     (PopplerDocument *document);
  PopplerPage     *(*document_get_page)        (PopplerDocument *document,
                                                int              index);
  void             (*page_get_size)            (PopplerPage     *page,
                                                double          *width,
                                                double          *height);
  void             (*page_render)              (PopplerPage     *page,
                                                cairo_t         *cairo);
  void             (*page_render_for_printing) (PopplerPage     *page,
                                                cairo_t         *cairo);
} KhPoppler;

/* The library's functions; only once kh_poppler_open has returned a
 * document. */
const KhPoppler *kh_poppler (void);

/* The document in `pdf`, or NULL with a translated message
 * (G_IO_ERROR_INVALID_DATA) when the bytes are not a PDF that poppler
 * reads: poppler's own message is for the log, not for the user; or
 * (G_IO_ERROR_NOT_FOUND) when poppler-glib cannot be loaded. Any thread. */
PopplerDocument *kh_poppler_open (GBytes  *pdf,
                                  GError **error);

G_END_DECLS
