/* kh-work-list-cell.h — the child of a reception work-list item
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kh-work-list-item.h"
#include "kh-work-list-row.h"

G_BEGIN_DECLS

#define KH_TYPE_WORK_LIST_CELL (kh_work_list_cell_get_type ())
G_DECLARE_FINAL_TYPE (KhWorkListCell, kh_work_list_cell, KH, WORK_LIST_CELL, GtkWidget)

/* What the work lists' factory (kh_list_factory_new in kh-reception-page.c)
 * makes for each GtkListItem, its "item" set at bind. GtkListView makes
 * items for a couple of hundred positions around those on screen, and most
 * of them are on pages not read yet or off screen: a cell stays empty (a
 * row's height) until its item has a record and it is laid out on screen,
 * and only then makes its KhWorkListRow. */
KhWorkListItem *kh_work_list_cell_get_item (KhWorkListCell *self);
void            kh_work_list_cell_set_item (KhWorkListCell *self,
                                            KhWorkListItem *item);
/* The row, once made; NULL before. */
KhWorkListRow  *kh_work_list_cell_get_row  (KhWorkListCell *self);

G_END_DECLS
