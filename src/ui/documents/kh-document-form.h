/* kh-document-form.h — what the decision and payment commitment windows share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both windows (kh-decision-window.c, kh-commitment-window.c) keep their
 * state in a pure core form and read their widgets into it on every
 * change; these are the small pieces of that they have in common: the
 * choices of a combo row, the typed text of an entry, the unit's decision
 * makers as a choice, and the two questions — before issuing, and before
 * discarding what was typed.
 */
#pragma once

#include <adwaita.h>

#include "core/kh-document-kind.h"
#include "core/kh-unit-profile.h"
#include "store/kh-store.h"

G_BEGIN_DECLS

/* `labels` as the row's choices, each shown whole. */
void        kh_document_form_set_choices  (AdwComboRow  *row,
                                           const char  **labels,
                                           guint         n);
/* The position of `value` in `values`, 0 when it is not there. */
guint       kh_document_form_index_of     (const int    *values,
                                           guint         n,
                                           int           value);
/* The entry's text as typed, trimmed; NULL when empty. */
char       *kh_document_form_dup_entry    (gpointer      editable);
void        kh_document_form_set_entry    (gpointer      editable,
                                           const char   *text);
/* Replaces *field with `text` (taken). */
void        kh_document_form_replace      (char        **field,
                                           char         *text);

/* The unit's active decision makers with a title in `language` ("fi",
 * "sv") as the row's choices after "Choose…", the one with `selected_id`
 * chosen when it is there. Returns them (borrowed from `profile`), in the
 * row's order. */
GPtrArray  *kh_document_form_fill_makers  (AdwComboRow         *row,
                                           const KhUnitProfile *profile,
                                           const char          *language,
                                           guint                selected_id);
/* The id of the maker chosen in a row filled as above; 0: none. */
guint       kh_document_form_selected_maker (AdwComboRow *row,
                                             GPtrArray   *makers);

/* The unit's document settings as kh_store_get_unit_profile_async read
 * them for a window: NULL when cancelled; when they could not be read,
 * an empty profile and the reason in `toasts` (the form then says at its
 * rows what is missing). */
KhUnitProfile *kh_document_form_profile_finish (GObject         *store,
                                                GAsyncResult    *result,
                                                AdwToastOverlay *toasts);

/* The ways of sending (by post, electronically, handed over) as the
 * row's choices, `delivery` chosen; and the one chosen. */
void        kh_document_form_fill_deliveries  (AdwComboRow        *row,
                                               KhDocumentDelivery  delivery);
KhDocumentDelivery kh_document_form_selected_delivery (AdwComboRow *row);

/* A document laid out off the UI thread from plain data (copies the
 * window made): `render` makes the PDF numbered `number`/`year` (0: not
 * yet numbered), in a worker thread or the store's. */
typedef GBytes *(*KhDocumentFormRender) (gpointer   data,
                                         int        number,
                                         int        year,
                                         GError   **error);
typedef struct _KhDocumentFormJob KhDocumentFormJob;

/* A job of `render` on `data`, freed with `data_free`. */
KhDocumentFormJob *kh_document_form_job_new  (KhDocumentFormRender  render,
                                              gpointer              data,
                                              GDestroyNotify        data_free);
void        kh_document_form_job_free     (gpointer              job);
/* The store's KhDocumentRenderFunc for a job given as its user_data:
 * the document with the number the store has just given it. */
GBytes     *kh_document_form_job_render_issued (const KhIssuedDocument *document,
                                                gpointer                job,
                                                GError                **error);
/* Renders `job` (taken) without a number in a thread, then shows the PDF
 * in a document window over `owner` with `title` and `subtitle`, or the
 * error in `toasts`; `finished` is called on `owner` either way (not when
 * `cancellable` was cancelled). */
void        kh_document_form_preview      (GtkWindow            *owner,
                                           AdwToastOverlay      *toasts,
                                           GCancellable         *cancellable,
                                           KhDocumentFormJob    *job,
                                           const char           *title,
                                           const char           *subtitle,
                                           void                (*finished) (GtkWindow *owner));

/* The question before issuing: "Cancel" and `issue_label` (the response
 * "issue", suggested); `callback` is connected to "response" with
 * `owner`'s lifetime. Presented. */
void        kh_document_form_ask_issue    (GtkWindow    *parent,
                                           const char   *heading,
                                           const char   *body,
                                           const char   *issue_label,
                                           GCallback     callback,
                                           gpointer      owner);
/* The question before closing a window with something typed: "Keep
 * Editing" and "Discard" (the response "discard", destructive). */
void        kh_document_form_ask_discard  (GtkWindow    *parent,
                                           const char   *heading,
                                           const char   *body,
                                           GCallback     callback,
                                           gpointer      owner);
/* Closes `window` once the current event is over (a dialog transient for
 * it still closes itself after its response). */
void        kh_document_form_close_later  (GtkWindow    *window);

G_END_DECLS
