/* kh-combo-keys.c — a combo row's list, from the keyboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libadwaita 1.2 opens a combo row's list with the focus on its first row
 * whatever is chosen, and has no type-ahead: a receptionist changing
 * "Phone" to "Chat" pressed Down past every choice. Here the list opens on
 * the current choice, and letters move to the first choice that starts
 * with what was typed (within a second, as a file chooser does).
 */
#define G_LOG_DOMAIN "kohtaamo-ui"

#include "config.h"

#include <string.h>

#include "kh-combo-keys.h"

#define TYPE_AHEAD_RESET_US (1000 * 1000)

typedef struct
{
  AdwComboRow *row;          /* unowned: the data lives on the row */
  GString     *typed;
  gint64       typed_at;
} ComboKeys;

static void
combo_keys_free (gpointer data)
{
  ComboKeys *keys = data;

  g_string_free (keys->typed, TRUE);
  g_free (keys);
}

/* The list item widgets of the popover's list, in order. */
static GtkWidget *
find_list_view (GtkWidget *widget)
{
  if (GTK_IS_LIST_VIEW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_list_view (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The choice widget (the box the row's list factory made) inside an item. */
static GtkWidget *
item_box (GtkWidget *item)
{
  GtkWidget *box = gtk_widget_get_first_child (item);

  return GTK_IS_BOX (box) ? box : NULL;
}

static const char *
item_text (GtkWidget *item)
{
  GtkWidget *box = item_box (item);
  GtkWidget *label = box != NULL ? gtk_widget_get_first_child (box) : NULL;

  return GTK_IS_LABEL (label) ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

/* Moves the list's focus to item `target` the way its own arrow keys do,
 * so that the list knows which item Enter takes (a plain grab_focus on an
 * item leaves the list's own idea of its focus behind in GTK 4.8). */
static void
move_focus_to (GtkWidget *list,
               guint      target)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (list));
  guint focused = 0, n = 0;

  for (GtkWidget *item = gtk_widget_get_first_child (list);
       item != NULL;
       item = gtk_widget_get_next_sibling (item))
    {
      if (item_box (item) == NULL)
        continue;
      if (focus != NULL && (item == focus || gtk_widget_is_ancestor (focus, item)))
        focused = n;
      n++;
    }
  if (target >= n)
    return;
  while (focused < target && gtk_widget_child_focus (list, GTK_DIR_DOWN))
    focused++;
  while (focused > target && gtk_widget_child_focus (list, GTK_DIR_UP))
    focused--;
}

static gboolean
focus_current_cb (gpointer data)
{
  GtkWidget *popover = data;
  GtkWidget *list = find_list_view (popover);
  AdwComboRow *row = g_object_get_data (G_OBJECT (popover), "kh-combo-row");

  if (list == NULL || row == NULL || !gtk_widget_get_mapped (popover))
    return G_SOURCE_REMOVE;
  move_focus_to (list, adw_combo_row_get_selected (row));
  return G_SOURCE_REMOVE;
}

static void
popover_mapped_cb (GtkWidget *popover,
                   ComboKeys *keys)
{
  g_string_truncate (keys->typed, 0);
  /* After the list view has made its rows and focused the first. */
  g_idle_add_full (G_PRIORITY_LOW, focus_current_cb, g_object_ref (popover), g_object_unref);
}

static gboolean
popover_key_pressed_cb (GtkEventControllerKey *controller,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        ComboKeys             *keys)
{
  GtkWidget *popover = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkWidget *list = find_list_view (popover);
  gunichar c = gdk_keyval_to_unicode (keyval);
  gint64 now = g_get_monotonic_time ();
  g_autofree char *prefix = NULL;

  if (list == NULL || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  /* Enter takes the choice that has the focus, however it got there. */
  if (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter)
    {
      GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (popover));
      guint i = 0;

      for (GtkWidget *item = gtk_widget_get_first_child (list);
           item != NULL && focus != NULL;
           item = gtk_widget_get_next_sibling (item))
        {
          if (item_box (item) == NULL)
            continue;
          if (item == focus || gtk_widget_is_ancestor (focus, item))
            {
              adw_combo_row_set_selected (keys->row, i);
              gtk_popover_popdown (GTK_POPOVER (popover));
              /* Back on the row, so that Tab goes on from it. */
              gtk_widget_grab_focus (GTK_WIDGET (keys->row));
              return TRUE;
            }
          i++;
        }
      return FALSE;
    }
  if (c == 0 || !g_unichar_isgraph (c))
    return FALSE;
  if (now - keys->typed_at > TYPE_AHEAD_RESET_US)
    g_string_truncate (keys->typed, 0);
  keys->typed_at = now;
  g_string_append_unichar (keys->typed, c);
  prefix = g_utf8_casefold (keys->typed->str, -1);

  {
    guint i = 0;

    for (GtkWidget *item = gtk_widget_get_first_child (list);
         item != NULL;
         item = gtk_widget_get_next_sibling (item))
      {
        const char *text = item_text (item);
        g_autofree char *folded = text != NULL ? g_utf8_casefold (text, -1) : NULL;

        if (text == NULL)
          continue;
        if (g_str_has_prefix (folded, prefix))
          {
            move_focus_to (list, i);
            return TRUE;
          }
        i++;
      }
  }
  return TRUE;
}

static GtkWidget *
find_popover (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_POPOVER (child))
        return child;
      found = find_popover (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/**
 * kh_combo_keys_attach:
 * @row: a combo row
 *
 * Opens the row's list on its current choice and adds type-ahead to it.
 */
void
kh_combo_keys_attach (AdwComboRow *row)
{
  GtkWidget *popover;
  GtkEventController *controller;
  ComboKeys *keys;

  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  if (g_object_get_data (G_OBJECT (row), "kh-combo-keys") != NULL)
    return;
  popover = find_popover (GTK_WIDGET (row));
  if (popover == NULL)
    {
      g_warning ("kh_combo_keys_attach: the combo row has no popover");
      return;
    }
  keys = g_new0 (ComboKeys, 1);
  keys->row = row;
  keys->typed = g_string_new (NULL);
  g_object_set_data_full (G_OBJECT (row), "kh-combo-keys", keys, combo_keys_free);
  g_object_set_data (G_OBJECT (popover), "kh-combo-row", row);

  g_signal_connect (popover, "map", G_CALLBACK (popover_mapped_cb), keys);
  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (popover_key_pressed_cb), keys);
  gtk_widget_add_controller (popover, controller);
}

/**
 * kh_combo_keys_attach_all:
 * @widget: a widget
 *
 * kh_combo_keys_attach() for every combo row inside @widget.
 */
void
kh_combo_keys_attach_all (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (ADW_IS_COMBO_ROW (widget))
    {
      kh_combo_keys_attach (ADW_COMBO_ROW (widget));
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    kh_combo_keys_attach_all (child);
}
