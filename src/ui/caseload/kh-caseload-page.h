/* kh-caseload-page.h — the worker's cases and their team's queue
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "store/kh-store.h"

G_BEGIN_DECLS

#define KH_TYPE_CASELOAD_PAGE (kh_caseload_page_get_type ())
G_DECLARE_FINAL_TYPE (KhCaseloadPage, kh_caseload_page, KH, CASELOAD_PAGE, GtkWidget)

/* Signals: "toast" (AdwToast), "open-client" (gint64: the person of an
 * activated case). The lists are read when the page is first mapped, and
 * follow the store's "changed". */
GtkWidget       *kh_caseload_page_new        (KhStore         *store);
void             kh_caseload_page_set_scope  (KhCaseloadPage  *self,
                                              KhCaseloadScope  scope);
KhCaseloadScope  kh_caseload_page_get_scope  (KhCaseloadPage  *self);
/* For tests and the benchmark. */
GtkListView     *kh_caseload_page_get_list_view (KhCaseloadPage *self);
GListModel      *kh_caseload_page_get_model  (KhCaseloadPage  *self);
const char      *kh_caseload_page_get_heading (KhCaseloadPage *self);

G_END_DECLS
