/* kh-accessible.h — accessible names GTK 4.8 gets wrong
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* GTK 4.8 names a button or check button with a mnemonic by its raw label
 * ("_Tallenna"), which screen readers read with the underscore. This gives
 * every such button in `root` (popovers included) its label without the
 * marker as its name, and keeps it so when the label changes. The items
 * of the lists in its popovers (combo rows, drop-downs) are named by their
 * labels as they appear. */
void kh_accessible_fix_mnemonics      (GtkWidget     *root);

/* Names a menu button and the toggle button inside it, the one that takes
 * the focus (GTK 4.8 leaves the inner one nameless, read as its class). */
void kh_accessible_name_menu_button   (GtkMenuButton *button,
                                       const char    *name);

/* Makes the list item that holds `row` (in a GtkListView, the part that
 * takes the focus) labelled by `row`, which carries the name. */
void kh_accessible_name_list_item     (GtkWidget     *row);

/* Names the parts of GtkShortcutsWindow that GTK 4.8 leaves nameless: its
 * search entry and search button, the sections button and the rows of its
 * popover (by their text). */
void kh_accessible_fix_shortcuts_window (GtkWidget   *window);

G_END_DECLS
