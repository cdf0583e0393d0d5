/* kh-caseload-row.h — one case of the caseload, made in code
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/kh-records.h"
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
const char     *kh_caseload_row_get_plan_text   (KhCaseloadRow *self);
/* Whose desk the row is on: their own name is not shown as the worker,
 * and their own cases get an assessment button when `assesses` (their
 * role works with assessments). */
void            kh_caseload_row_set_user        (KhCaseloadRow *self,
                                                 gint64         user_id,
                                                 gboolean       assesses);
/* The row's assessment button while it shows one, else NULL (tests). */
GtkWidget      *kh_caseload_row_get_assessment_button (KhCaseloadRow *self);
/* "Start Assessment", "Continue Assessment" (a draft exists) or "Open
 * Assessment" (finished), as the case's assessment stands. */
const char     *kh_caseload_row_assessment_label (KhCase *kcase);

G_END_DECLS
