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

void
kh_accessible_fix_mnemonics (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

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
