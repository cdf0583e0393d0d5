/* kh-list-factory.c — list item factories made in code, and lazy tooltips
 *
 * The lists' rows are one widget each (KhPersonRow, KhWorkListCell) with a
 * property for the item. A GtkBuilderListItemFactory would say the same in
 * a template, but it parses that template once per row it makes: measured
 * on the reception page, about 25 ms of the first frame for its five
 * lists. This factory makes the widget with g_object_new and hands it the
 * item at bind, which is all the template said.
 *
 * gtk_widget_set_tooltip_text () also sets the widget's has-tooltip, and
 * on X11 that asks the server where the pointer is, once per widget: a
 * round trip for every row of a list. The lazy tooltip keeps the text on
 * the widget and answers query-tooltip only when the pointer rests there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "kh-list-factory.h"

#define PROPERTY_KEY "kh-list-factory-property"
#define TOOLTIP_KEY "kh-lazy-tooltip"

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  user_data)
{
  GType child_type = GPOINTER_TO_SIZE (user_data);

  gtk_list_item_set_child (list_item, g_object_new (child_type, NULL));
}

static void
set_item (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  item)
{
  const char *property = g_object_get_data (G_OBJECT (factory), PROPERTY_KEY);

  g_object_set (gtk_list_item_get_child (list_item), property, item, NULL);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         gpointer                  user_data)
{
  set_item (factory, list_item, gtk_list_item_get_item (list_item));
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  set_item (factory, list_item, NULL);
}

GtkListItemFactory *
kh_list_factory_new (GType       child_type,
                     const char *property)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_return_val_if_fail (g_type_is_a (child_type, GTK_TYPE_WIDGET), factory);

  g_object_set_data_full (G_OBJECT (factory), PROPERTY_KEY,
                          g_strdup (property), g_free);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb),
                    GSIZE_TO_POINTER (child_type));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), NULL);

  return factory;
}

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard_mode,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  const char *text = g_object_get_data (G_OBJECT (widget), TOOLTIP_KEY);

  if (text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

void
kh_lazy_tooltip_set_text (GtkWidget  *widget,
                          const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (g_object_get_data (G_OBJECT (widget), TOOLTIP_KEY "-connected") == NULL)
    {
      g_signal_connect (widget, "query-tooltip",
                        G_CALLBACK (query_tooltip_cb), NULL);
      g_object_set_data (G_OBJECT (widget), TOOLTIP_KEY "-connected",
                         GINT_TO_POINTER (TRUE));
    }

  g_object_set_data_full (G_OBJECT (widget), TOOLTIP_KEY,
                          g_strdup (text), g_free);
  /* The property only: unlike gtk_widget_set_tooltip_text, this does not
   * ask the X server for the pointer's position. */
  gtk_widget_set_has_tooltip (widget, text != NULL);
}
