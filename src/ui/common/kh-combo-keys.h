/* kh-combo-keys.h — a combo row's list, from the keyboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* When the row's list opens, the focus is on the current choice (not on
 * the first row), and typing the first letters of a choice moves to it, so
 * that Enter takes it (issue 5, 2.5). Rows shown with
 * kh_form_rows_show_whole_choices(). */
void kh_combo_keys_attach     (AdwComboRow *row);
/* The same for every combo row inside `widget` (a form and its parts). */
void kh_combo_keys_attach_all (GtkWidget   *widget);

G_END_DECLS
