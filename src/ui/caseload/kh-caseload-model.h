/* kh-caseload-model.h — my cases or my team's queue, read a page at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "store/kh-store.h"
#include "ui/intake/kh-work-list-item.h"

G_BEGIN_DECLS

/* Rows read at once: about what a tall window shows. */
#define KH_CASELOAD_PAGE_SIZE 12

#define KH_TYPE_CASELOAD_MODEL (kh_caseload_model_get_type ())
G_DECLARE_FINAL_TYPE (KhCaseloadModel, kh_caseload_model, KH, CASELOAD_MODEL, GObject)

/* A GListModel of KhWorkListItem (each a position whose record, a KhCase,
 * comes when its page is read), as the reception's work lists
 * (kh-work-list-model.h): its length is the whole list's; it starts with
 * the first page and grows a step per frame (kh_caseload_model_grow); a
 * page is read — and its people logged — only when a row of it is on
 * screen (kh_caseload_model_read_item). "loaded" (GError or NULL) follows
 * each first page. */
KhCaseloadModel *kh_caseload_model_new        (KhStore         *store);
void             kh_caseload_model_set_scope  (KhCaseloadModel *self,
                                               KhCaseloadScope  scope);
KhCaseloadScope  kh_caseload_model_get_scope  (KhCaseloadModel *self);
/* Reads the first page afresh, as a new showing. */
void             kh_caseload_model_reload     (KhCaseloadModel *self);
/* Reads the first page again in the same showing, keeping the rows where
 * they are (a change here or at another desk). */
void             kh_caseload_model_refresh    (KhCaseloadModel *self);
void             kh_caseload_model_read_item  (KhCaseloadModel *self,
                                               KhWorkListItem  *item);
gboolean         kh_caseload_model_grow       (KhCaseloadModel *self,
                                               guint            n);
const KhCaseloadCounts *kh_caseload_model_get_counts (KhCaseloadModel *self);
/* Whether a first page has come since the last reload. */
gboolean         kh_caseload_model_is_loaded  (KhCaseloadModel *self);

G_END_DECLS
