/* kh-accessible.c — accessible names GTK 4.8 gets wrong
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 5 2.8: names were read with their mnemonic underscores
 * ("_Tallenna Tallenna") and the main menu by its class name.
 * tests/ui/test-accessibility.c checks every view.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "kh-accessible.h"

#define FIXED_KEY "kh-accessible-mnemonic-fixed"

/* "_Save" → "Save", "C_hange" → "Change", "__" → "_". */
static char *
strip_mnemonic (const char *label)
{
  GString *plain = g_string_sized_new (strlen (label));

  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '_')
        {
          if (p[1] != '_')
            continue;
          p++;
        }
      g_string_append_c (plain, *p);
    }
  return g_string_free (plain, FALSE);
}

static void
update_name (GtkWidget *widget)
{
  const char *label = NULL;
  gboolean underline = FALSE;
  g_autofree char *plain = NULL;

  if (GTK_IS_CHECK_BUTTON (widget))
    {
      label = gtk_check_button_get_label (GTK_CHECK_BUTTON (widget));
      underline = gtk_check_button_get_use_underline (GTK_CHECK_BUTTON (widget));
    }
  else if (GTK_IS_BUTTON (widget))
    {
      label = gtk_button_get_label (GTK_BUTTON (widget));
      underline = gtk_button_get_use_underline (GTK_BUTTON (widget));
    }

  if (label == NULL || !underline || strchr (label, '_') == NULL)
    return;
  plain = strip_mnemonic (label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, plain,
                                  -1);
}

static void
label_changed_cb (GtkWidget  *widget,
                  GParamSpec *pspec,
                  gpointer    user_data)
{
  update_name (widget);
}

static GtkWidget *
find_label (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child))
        return child;
      if ((found = find_label (child)) != NULL)
        return found;
    }
  return NULL;
}

/* Each item of the popover's list is labelled by the label it shows; a
 * recycled item keeps its label widget, so the relation stays right. */
static void
name_list_items (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (child)) == GTK_ACCESSIBLE_ROLE_LIST_ITEM
          && GTK_IS_LIST_VIEW (widget)
          && g_object_get_data (G_OBJECT (child), FIXED_KEY) == NULL)
        {
          GtkWidget *label = find_label (child);

          if (label != NULL)
            {
              g_object_set_data (G_OBJECT (child), FIXED_KEY, GINT_TO_POINTER (TRUE));
              gtk_accessible_update_relation (GTK_ACCESSIBLE (child),
                                              GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                              -1);
            }
          continue;
        }
      name_list_items (child);
    }
}

/* A list view makes its items as it is laid out and scrolled, with no
 * signal for it: while the popover is open, new items are named each
 * frame (a walk over the dozen items shown). */
static gboolean
popover_tick_cb (GtkWidget     *popover,
                 GdkFrameClock *clock,
                 gpointer       user_data)
{
  name_list_items (popover);
  return G_SOURCE_CONTINUE;
}

static void
popover_map_cb (GtkWidget *popover,
                gpointer   user_data)
{
  guint id = gtk_widget_add_tick_callback (popover, popover_tick_cb, NULL, NULL);

  g_object_set_data (G_OBJECT (popover), "kh-accessible-tick", GUINT_TO_POINTER (id));
}

static void
popover_unmap_cb (GtkWidget *popover,
                  gpointer   user_data)
{
  guint id = GPOINTER_TO_UINT (g_object_steal_data (G_OBJECT (popover), "kh-accessible-tick"));

  if (id != 0)
    gtk_widget_remove_tick_callback (popover, id);
}

void
kh_accessible_fix_mnemonics (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  /* The choices of a combo row or a drop-down (GTK 4.8 leaves them nameless). */
  if (GTK_IS_POPOVER (root) && !GTK_IS_POPOVER_MENU (root)
      && g_object_get_data (G_OBJECT (root), FIXED_KEY) == NULL)
    {
      g_object_set_data (G_OBJECT (root), FIXED_KEY, GINT_TO_POINTER (TRUE));
      g_signal_connect (root, "map", G_CALLBACK (popover_map_cb), NULL);
      g_signal_connect (root, "unmap", G_CALLBACK (popover_unmap_cb), NULL);
    }

  if ((GTK_IS_BUTTON (root) || GTK_IS_CHECK_BUTTON (root))
      && g_object_get_data (G_OBJECT (root), FIXED_KEY) == NULL)
    {
      g_object_set_data (G_OBJECT (root), FIXED_KEY, GINT_TO_POINTER (TRUE));
      /* After GTK's own handler, which sets the raw label. */
      g_signal_connect_after (root, "notify::label", G_CALLBACK (label_changed_cb), NULL);
      g_signal_connect_after (root, "notify::use-underline", G_CALLBACK (label_changed_cb), NULL);
      update_name (root);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    kh_accessible_fix_mnemonics (child);
}

void
kh_accessible_name_menu_button (GtkMenuButton *button,
                                const char    *name)
{
  g_return_if_fail (GTK_IS_MENU_BUTTON (button));

  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (button));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
}

static void
set_name (GtkWidget  *widget,
          const char *name)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
}

static const char *
first_label (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *text;

      if (GTK_IS_LABEL (child))
        return gtk_label_get_text (GTK_LABEL (child));
      if ((text = first_label (child)) != NULL)
        return text;
    }
  return NULL;
}

void
kh_accessible_fix_shortcuts_window (GtkWidget *window)
{
  g_return_if_fail (GTK_IS_WIDGET (window));

  for (GtkWidget *child = gtk_widget_get_first_child (window);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_SEARCH_ENTRY (child))
        set_name (child, _("Search Shortcuts"));
      else if (GTK_IS_MENU_BUTTON (child))
        kh_accessible_name_menu_button (GTK_MENU_BUTTON (child), _("Sections"));
      else if (GTK_IS_TOGGLE_BUTTON (child) && !GTK_IS_MENU_BUTTON (gtk_widget_get_parent (child)))
        set_name (child, C_("show the search", "Search"));
      else if (GTK_IS_LIST_BOX_ROW (child) && first_label (child) != NULL)
        set_name (child, first_label (child));

      kh_accessible_fix_shortcuts_window (child);
    }
}

static void
row_parent_cb (GtkWidget  *row,
               GParamSpec *pspec,
               gpointer    user_data)
{
  /* The row may sit in a cell widget of the item. */
  for (GtkWidget *up = gtk_widget_get_parent (row);
       up != NULL && !GTK_IS_LIST_VIEW (up);
       up = gtk_widget_get_parent (up))
    if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (up)) == GTK_ACCESSIBLE_ROLE_LIST_ITEM)
      {
        gtk_accessible_update_relation (GTK_ACCESSIBLE (up),
                                        GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL,
                                        -1);
        break;
      }
}

void
kh_accessible_name_list_item (GtkWidget *row)
{
  g_return_if_fail (GTK_IS_WIDGET (row));

  g_signal_connect (row, "notify::parent", G_CALLBACK (row_parent_cb), NULL);
  row_parent_cb (row, NULL, NULL);
}
