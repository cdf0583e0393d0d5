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

/* The whole unit's log, a page at a time, newest first, with filters by
 * person, user, kind and date range (applied by the store). */
GtkWidget *kh_access_log_page_new    (KhStore         *store);
/* One person's whole log (for their right to know who read their data). */
GtkWidget *kh_access_log_page_new_for_client (KhStore *store,
                                              gint64   client_id);
/* Reads the newest entries again (reading the log is itself logged). */
void       kh_access_log_page_reload (KhAccessLogPage *self);
/* The entries of the page shown (a GListModel of KhAccessEntry). */
GListModel *kh_access_log_page_get_model (KhAccessLogPage *self);
/* How many entries match the filters in all. */
guint64    kh_access_log_page_get_total (KhAccessLogPage *self);
/* Writes the chosen person's extract to `file`, as the export button does
 * after its file chooser; "exported" (gboolean ok) follows. */
void       kh_access_log_page_export_to_file (KhAccessLogPage *self,
                                              GFile           *file);

G_END_DECLS
