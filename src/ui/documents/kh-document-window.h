/* kh-document-window.h — a document's preview, printing and saving (issue 8, 6)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kh-document-view.h"

G_BEGIN_DECLS

#define KH_TYPE_DOCUMENT_WINDOW (kh_document_window_get_type ())
G_DECLARE_FINAL_TYPE (KhDocumentWindow, kh_document_window, KH, DOCUMENT_WINDOW, AdwWindow)

/* A window showing `pdf` with `title` and `subtitle` (what it is: its
 * kind, register number, language) in its header; transient for `parent`
 * (may be NULL). Print (Ctrl+P), Save as PDF (Ctrl+S), zoom (Ctrl+plus,
 * Ctrl+minus, Ctrl+0); Esc and Ctrl+W close it. */
GtkWidget      *kh_document_window_new       (GtkWindow           *parent,
                                              const char          *title,
                                              const char          *subtitle,
                                              GBytes              *pdf);
KhDocumentView *kh_document_window_get_view  (KhDocumentWindow    *self);
/* Adds `widget` to the header's end, left of those added before it (a
 * letter's language, "Issue"). */
void            kh_document_window_add_header_widget (KhDocumentWindow *self,
                                                      GtkWidget        *widget);
/* The name Save as PDF suggests: the title, made a file name, ".pdf". */
char           *kh_document_window_dup_file_name (KhDocumentWindow *self);

/* Writes the PDF's bytes, exactly, to `file` (a local file) in a thread,
 * replacing it atomically; then says so in a toast ("Saved as …"), or why
 * not. What Save as PDF does once a file is chosen. The error of _finish
 * is the translated message the toast showed. */
void            kh_document_window_save_to        (KhDocumentWindow    *self,
                                                   GFile               *file,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean        kh_document_window_save_to_finish (KhDocumentWindow    *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);

G_END_DECLS
