/* kh-document-view.h — a PDF's pages, rendered off the UI thread (issue 8, 6)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KH_DOCUMENT_VIEW_ZOOM_MIN 0.5
#define KH_DOCUMENT_VIEW_ZOOM_MAX 3.0

#define KH_TYPE_DOCUMENT_VIEW (kh_document_view_get_type ())
G_DECLARE_FINAL_TYPE (KhDocumentView, kh_document_view, KH, DOCUMENT_VIEW, GtkWidget)

/* properties: "zoom" (1.0 is A4 at 96 dpi: 794 × 1123 logical pixels),
 * "fit-width" (the zoom follows the view's width), "n-pages" (0 until the
 * document has been read, and for what is not a PDF), "rendering" (a
 * rendering is under way: the pages show the previous one, scaled) */

GtkWidget  *kh_document_view_new            (void);
/* Shows `pdf` (NULL: nothing). Its pages are rendered in a thread; bytes
 * that are not a PDF give a translated message in place of the pages. */
void        kh_document_view_set_pdf        (KhDocumentView *self,
                                             GBytes         *pdf);
GBytes     *kh_document_view_get_pdf        (KhDocumentView *self);
guint       kh_document_view_get_n_pages    (KhDocumentView *self);
/* The picture of page `index` (0-based), or NULL. */
GtkWidget  *kh_document_view_get_page       (KhDocumentView *self,
                                             guint           index);
/* The message shown instead of the pages, or NULL. */
const char *kh_document_view_get_error      (KhDocumentView *self);
gboolean    kh_document_view_is_rendering   (KhDocumentView *self);
/* Renderings whose thread has not returned yet, those made stale by a new
 * zoom included (their results are dropped when they come). */
guint       kh_document_view_get_n_threads  (KhDocumentView *self);

/* Clamped to KH_DOCUMENT_VIEW_ZOOM_MIN … _MAX; turns fit-width off. */
void        kh_document_view_set_zoom       (KhDocumentView *self,
                                             double          zoom);
double      kh_document_view_get_zoom       (KhDocumentView *self);
/* The next step up or down (50, 67, 80, 100, 125, 150, 200, 300 %). */
void        kh_document_view_zoom_in        (KhDocumentView *self);
void        kh_document_view_zoom_out       (KhDocumentView *self);
void        kh_document_view_set_fit_width  (KhDocumentView *self,
                                             gboolean        fit_width);
gboolean    kh_document_view_get_fit_width  (KhDocumentView *self);

G_END_DECLS
