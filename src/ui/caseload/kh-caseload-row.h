/* kh-caseload-row.h — one case of the caseload, made in code
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ui/intake/kh-work-list-item.h"

G_BEGIN_DECLS

#define KH_TYPE_CASELOAD_ROW (kh_caseload_row_get_type ())
G_DECLARE_FINAL_TYPE (KhCaseloadRow, kh_caseload_row, KH, CASELOAD_ROW, GtkWidget)

/* The row shows its item's case once read ("item": a KhWorkListItem). The
 * day counted as today is the local day when the record came. */
KhWorkListItem *kh_caseload_row_get_item (KhCaseloadRow  *self);
void            kh_caseload_row_set_item (KhCaseloadRow  *self,
                                          KhWorkListItem *item);
/* What the row says of the case's next date ("Overdue", …), for tests. */
const char     *kh_caseload_row_get_status_text (KhCaseloadRow *self);
const char     *kh_caseload_row_get_due_text    (KhCaseloadRow *self);

G_END_DECLS
