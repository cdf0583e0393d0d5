/* kh-text-row.h — a boxed-list row of a title and wrapping lines, cheap to lay out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KH_TYPE_TEXT_ROW (kh_text_row_get_type ())
G_DECLARE_FINAL_TYPE (KhTextRow, kh_text_row, KH, TEXT_ROW, AdwPreferencesRow)

GtkWidget  *kh_text_row_new          (const char *title,
                                      const char *subtitle);
const char *kh_text_row_get_subtitle (KhTextRow  *self);
void        kh_text_row_set_subtitle (KhTextRow  *self,
                                      const char *subtitle);
void        kh_text_row_add_suffix   (KhTextRow  *self,
                                      GtkWidget  *widget);

G_END_DECLS
