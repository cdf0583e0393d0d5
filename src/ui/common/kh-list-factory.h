/* kh-list-factory.h — list item factories made in code, and lazy tooltips
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A factory whose rows are a widget of `child_type`, with the list item's
 * item set on its property `property` at bind (and NULL at unbind). */
GtkListItemFactory *kh_list_factory_new      (GType        child_type,
                                              const char  *property);

/* Sets a widget's tooltip text so that it is made only when asked for. */
void                kh_lazy_tooltip_set_text (GtkWidget   *widget,
                                              const char  *text);

G_END_DECLS
