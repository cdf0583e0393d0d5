/* kh-work-list-row.h — a row of today's contacts or of the queue
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kh-work-list-item.h"

G_BEGIN_DECLS

#define KH_TYPE_WORK_LIST_ROW (kh_work_list_row_get_type ())
G_DECLARE_FINAL_TYPE (KhWorkListRow, kh_work_list_row, KH, WORK_LIST_ROW, GtkWidget)

/* The row shows its "item" (a KhWorkListItem, handed on by its
 * KhWorkListCell): a contact with
 * its time, channel, person, reasons, language, outcome and service; a case
 * with its person, urgency and deadline; a row whose page is still being
 * read as such. */
GtkWidget      *kh_work_list_row_new      (void);
KhWorkListItem *kh_work_list_row_get_item (KhWorkListRow  *self);
void            kh_work_list_row_set_item (KhWorkListRow  *self,
                                           KhWorkListItem *item);

G_END_DECLS
