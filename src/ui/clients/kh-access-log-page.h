/* kh-access-log-page.h — the access log, for the lead social worker and the administrator
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "store/kh-store.h"

G_BEGIN_DECLS

#define KH_TYPE_ACCESS_LOG_PAGE (kh_access_log_page_get_type ())
G_DECLARE_FINAL_TYPE (KhAccessLogPage, kh_access_log_page, KH, ACCESS_LOG_PAGE, GtkWidget)

/* The newest entries of the whole unit's log, with a filter by name. */
GtkWidget *kh_access_log_page_new    (KhStore         *store);
/* One person's whole log (for their right to know who read their data). */
GtkWidget *kh_access_log_page_new_for_client (KhStore *store,
                                              gint64   client_id);
/* Reads the newest entries again (reading the log is itself logged). */
void       kh_access_log_page_reload (KhAccessLogPage *self);
/* The entries shown after filtering (a GListModel of KhAccessEntry). */
GListModel *kh_access_log_page_get_model (KhAccessLogPage *self);

G_END_DECLS
