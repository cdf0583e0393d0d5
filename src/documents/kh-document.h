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

/* Printed at the top of every page (organisation, unit) and in the footer
 * (all four). Any may be NULL. */
void        kh_document_set_letterhead     (KhDocument  *doc,
                                            const char  *organisation,
                                            const char  *unit,
                                            const char  *address,
                                            const char  *phone);

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
/* A row of a two-column field table; consecutive rows make one table. */
void        kh_document_add_field          (KhDocument  *doc,
                                            const char  *label,
                                            const char  *value);
void        kh_document_add_signature      (KhDocument  *doc,
                                            const char  *name,
                                            const char  *title);
/* A list of attachments under a heading in the document's language. */
void        kh_document_add_attachments    (KhDocument  *doc,
                                            const char * const *names);

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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KhDocument, kh_document_free)

G_END_DECLS
