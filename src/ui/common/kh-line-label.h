/* kh-line-label.h — lines of text, each cut short at the end, cheap to measure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KH_TYPE_LINE_LABEL (kh_line_label_get_type ())
G_DECLARE_FINAL_TYPE (KhLineLabel, kh_line_label, KH, LINE_LABEL, GtkWidget)

GtkWidget  *kh_line_label_new      (void);
void        kh_line_label_set_text (KhLineLabel   *self,
                                    const char    *text,
                                    PangoAttrList *attrs);
const char *kh_line_label_get_text (KhLineLabel   *self);

G_END_DECLS
