/* kh-document.h — a letter or decision: a small model rendered to tagged PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * No GTK: cairo's PDF surface and Pango only. Every text the engine adds
 * itself (page numbers, the date, "Attachments") is looked up in the
 * document's own language (kh-catalog.h), never the UI's.
 */
#pragma once

#include <gio/gio.h>
#include <cairo.h>

G_BEGIN_DECLS

typedef struct _KhDocument KhDocument;

/* `language` is the client's: "fi" or "sv" (anything else prints the
 * English source texts). */
KhDocument *kh_document_new                (const char  *language);
void        kh_document_free               (KhDocument  *doc);
const char *kh_document_get_language       (const KhDocument *doc);

/* The PDF metadata. The title is also printed in the page header. */
void        kh_document_set_title          (KhDocument  *doc,
                                            const char  *title);
void        kh_document_set_author         (KhDocument  *doc,
                                            const char  *author);
void        kh_document_set_subject        (KhDocument  *doc,
                                            const char  *subject);

/* The date printed in the header (formatted for the document's language)
 * and written as the PDF's creation date. Without it, the time of
 * rendering. */
void        kh_document_set_date           (KhDocument  *doc,
                                            GDateTime   *date);

/* Printed in the header under the date, e.g. "Decision no. 123/2026". */
void        kh_document_set_reference      (KhDocument  *doc,
                                            const char  *reference);

/* Printed at the top of every page (organisation, unit) and in the footer
 * (all four). Any may be NULL. */
void        kh_document_set_letterhead     (KhDocument  *doc,
                                            const char  *organisation,
                                            const char  *unit,
                                            const char  *address,
                                            const char  *phone);

/* A PNG image at the top left of every page, beside the organisation's
 * name: 12 mm high (narrower if it would be wider than 40 mm). NULL
 * removes it. FALSE with an error if the bytes are not a PNG image. */
gboolean    kh_document_set_logo           (KhDocument  *doc,
                                            GBytes      *png,
                                            GError     **error);

/* The address block on the first page, where an envelope's window is.
 * `address` may have several lines separated by "\n". */
void        kh_document_set_recipient      (KhDocument  *doc,
                                            const char  *name,
                                            const char  *address);

/* The body, in order. `level` is 1 or 2. */
void        kh_document_add_heading        (KhDocument  *doc,
                                            int          level,
                                            const char  *text);
void        kh_document_add_paragraph      (KhDocument  *doc,
                                            const char  *text);
/* A paragraph in Pango markup (<b>, <i>); the caller escapes what it
 * inserts (g_markup_printf_escaped). */
void        kh_document_add_paragraph_markup (KhDocument *doc,
                                              const char *markup);
/* A row of a table of sums: the description where a field table's values
 * begin, the amount (already formatted) right-aligned at the right margin;
 * a total in bold under a rule. Consecutive rows make one table. */
void        kh_document_add_amount         (KhDocument  *doc,
                                            const char  *description,
                                            const char  *amount,
                                            gboolean     total);
/* A list with a dash before each item, tagged L / LI. */
void        kh_document_add_list           (KhDocument         *doc,
                                            const char * const *items);
/* What follows starts on a new page (nothing happens at the top of a
 * page). From that page on, the header shows `header_title` instead of the
 * document's title, unless it is NULL (an attachment: "Liite 1"). */
void        kh_document_add_page_break     (KhDocument  *doc,
                                            const char  *header_title);

/* Draws a picture of `width` × `height` points with its top left corner at
 * 0, 0 of `cr` (clipped to that box); called once per rendering. */
typedef void (*KhDocumentDrawFunc) (cairo_t  *cr,
                                    double    width,
                                    double    height,
                                    gpointer  user_data);
/* A picture inside a page (a drawing such as a network map), `width_mm` ×
 * `height_mm` (at most the body's width), never split across pages,
 * tagged as a Figure, with an optional caption under it. `destroy` frees
 * `user_data` with the document. */
void        kh_document_add_picture        (KhDocument         *doc,
                                            double              width_mm,
                                            double              height_mm,
                                            const char         *caption,
                                            KhDocumentDrawFunc  draw,
                                            gpointer            user_data,
                                            GDestroyNotify      destroy);
/* A row of a two-column field table; consecutive rows make one table. A
 * paragraph just before a table stays on the page of its first row. */
void        kh_document_add_field          (KhDocument  *doc,
                                            const char  *label,
                                            const char  *value);
void        kh_document_add_signature      (KhDocument  *doc,
                                            const char  *name,
                                            const char  *title);
/* A list of attachments under a heading in the document's language. */
void        kh_document_add_attachments    (KhDocument  *doc,
                                            const char * const *names);

/* A date as the document's language writes it: "8.4.2026" (newly
 * allocated). */
char       *kh_document_format_date        (const KhDocument *doc,
                                            const GDate      *date);

/* A4 PDF. Headings stay with what follows them; a paragraph may break
 * between lines at the end of a page, leaving at least two lines on each. */
gboolean    kh_document_render_to_stream   (KhDocument    *doc,
                                            GOutputStream *stream,
                                            GCancellable  *cancellable,
                                            GError       **error);
gboolean    kh_document_render_pdf         (KhDocument    *doc,
                                            const char    *path,
                                            GError       **error);
GBytes     *kh_document_render_bytes       (KhDocument    *doc,
                                            GError       **error);

/* ---- Many documents as one PDF (a batch of letters) ---- */

/* The `index`th document of a batch (0-based), newly made; NULL with
 * `error` set stops the batch. */
typedef KhDocument *(*KhDocumentBatchFunc)    (guint        index,
                                               gpointer     user_data,
                                               GError     **error);
/* Called after each document is drawn: `done` of `total`. On the thread
 * that renders (a GTask's worker: send it on to the main context). */
typedef void        (*KhDocumentProgressFunc) (guint        done,
                                               guint        total,
                                               gpointer     user_data);

/* `n_documents` documents, asked for one at a time from `produce`, in one
 * PDF: each begins on a new page with its own header, recipient and page
 * numbers ("Sivu 1 (2)" again from each one's first page), tagged as a
 * Part of the PDF's Document. The PDF's metadata are the first document's.
 * Checks `cancellable` before each document: then FALSE with
 * G_IO_ERROR_CANCELLED. On FALSE what was written to `stream` is an
 * incomplete PDF and must be discarded. */
gboolean    kh_document_render_batch_to_stream (guint                   n_documents,
                                                KhDocumentBatchFunc     produce,
                                                KhDocumentProgressFunc  progress,
                                                gpointer                user_data,
                                                GOutputStream          *stream,
                                                GCancellable           *cancellable,
                                                GError                **error);
/* The same into `target`, atomically: written beside it under a temporary
 * name and moved over it only when complete. A cancelled or failed batch
 * leaves no file behind (and an existing `target` untouched). */
gboolean    kh_document_render_batch           (guint                   n_documents,
                                                KhDocumentBatchFunc     produce,
                                                KhDocumentProgressFunc  progress,
                                                gpointer                user_data,
                                                GFile                  *target,
                                                GCancellable           *cancellable,
                                                GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KhDocument, kh_document_free)

G_END_DECLS
