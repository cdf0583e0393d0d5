/* kh-filter-button.h — a drop-down whose list is made when it first opens
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KH_TYPE_FILTER_BUTTON (kh_filter_button_get_type ())
G_DECLARE_FINAL_TYPE (KhFilterButton, kh_filter_button, KH, FILTER_BUTTON, GtkWidget)

/* The reception's filters: a GtkDropDown to look at and to use (the same
 * style nodes, the same popover with its list and the chosen one ticked),
 * of GtkStringObjects. A GtkDropDown makes its popover, list and search
 * entry with itself: the reception's four were some 20 million
 * instructions of the work before the window's first frame, where nobody
 * opens them. */
GListModel *kh_filter_button_get_model    (KhFilterButton *self);
void        kh_filter_button_set_model    (KhFilterButton *self,
                                           GListModel     *model);
guint       kh_filter_button_get_selected (KhFilterButton *self);
void        kh_filter_button_set_selected (KhFilterButton *self,
                                           guint           position);
/* Opens the list, as a click does; NULL until it was first opened. */
void        kh_filter_button_popup        (KhFilterButton *self);
GtkPopover *kh_filter_button_get_popover  (KhFilterButton *self);

G_END_DECLS
