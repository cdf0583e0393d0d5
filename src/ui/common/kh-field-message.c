/* kh-field-message.c — a translated message shown right under a form field
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kohtaamo-ui"

#include "config.h"

#include <adwaita.h>

#include "kh-field-message.h"

#define MESSAGE_KEY "kh-field-message"
#define LABEL_KEY "kh-field-message-label"

static GtkWidget *
ensure_message_widget (GtkWidget *field)
{
  GtkWidget *parent;
  GtkWidget *label;
  GtkWidget *holder;

  holder = g_object_get_data (G_OBJECT (field), MESSAGE_KEY);
  if (holder != NULL)
    return holder;

  parent = gtk_widget_get_parent (field);
  label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_add_css_class (label, "caption");

  if (GTK_IS_LIST_BOX (parent) && GTK_IS_LIST_BOX_ROW (field))
    {
      /* A row of its own right under the field, so that the message sits
       * inside the boxed list next to what it is about. It takes no focus:
       * Tab goes from field to field. */
      holder = gtk_list_box_row_new ();
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (holder), FALSE);
      gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (holder), FALSE);
      gtk_widget_set_focusable (holder, FALSE);
      gtk_widget_set_can_target (holder, FALSE);
      gtk_widget_add_css_class (holder, "kh-field-message");
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_set_margin_bottom (label, 6);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (holder), label);
      gtk_list_box_insert (GTK_LIST_BOX (parent), holder,
                           gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (field)) + 1);
    }
  else if (GTK_IS_BOX (parent))
    {
      holder = label;
      gtk_widget_set_margin_top (label, 6);
      gtk_box_insert_child_after (GTK_BOX (parent), holder, field);
    }
  else
    {
      g_critical ("A field message needs the field in a GtkListBox or a GtkBox");
      g_object_ref_sink (label);
      g_object_unref (label);
      return NULL;
    }

  g_object_set_data (G_OBJECT (field), MESSAGE_KEY, holder);
  g_object_set_data (G_OBJECT (field), LABEL_KEY, label);
  return holder;
}

void
kh_field_message_set (GtkWidget  *field,
                      const char *message)
{
  GtkWidget *holder;
  GtkLabel *label;

  g_return_if_fail (GTK_IS_WIDGET (field));

  if (message == NULL)
    {
      holder = g_object_get_data (G_OBJECT (field), MESSAGE_KEY);
      if (holder != NULL)
        gtk_widget_set_visible (holder, FALSE);
      gtk_widget_remove_css_class (field, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }

  holder = ensure_message_widget (field);
  if (holder == NULL)
    return;

  label = g_object_get_data (G_OBJECT (field), LABEL_KEY);
  gtk_label_set_text (label, message);
  gtk_widget_set_visible (holder, TRUE);
  gtk_widget_add_css_class (field, "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (field),
                               GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                               -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (field),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                  -1);
}

GtkLabel *
kh_field_message_get_label (GtkWidget *field)
{
  g_return_val_if_fail (GTK_IS_WIDGET (field), NULL);

  return g_object_get_data (G_OBJECT (field), LABEL_KEY);
}

gboolean
kh_field_message_is_shown (GtkWidget *field)
{
  GtkWidget *holder;

  g_return_val_if_fail (GTK_IS_WIDGET (field), FALSE);

  holder = g_object_get_data (G_OBJECT (field), MESSAGE_KEY);
  return holder != NULL && gtk_widget_get_visible (holder);
}

void
kh_field_message_ensure_style (void)
{
  static GdkDisplay *styled;
  g_autoptr(GtkCssProvider) provider = NULL;
  GdkDisplay *display = gdk_display_get_default ();
  GApplication *app = g_application_get_default ();

  if (display == NULL || display == styled)
    return;
  styled = display;
  /* The application loads it itself at startup, for its display. */
  if (ADW_IS_APPLICATION (app) && g_application_get_is_registered (app)
      && g_strcmp0 (g_application_get_resource_base_path (app), RESOURCE_BASE) == 0)
    return;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_BASE "/style.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static gboolean
enter_pressed_cb (GtkEventControllerKey *controller,
                  guint                  keyval,
                  guint                  keycode,
                  GdkModifierType        state,
                  gpointer               user_data)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus;

  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return FALSE;
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0 || root == NULL)
    return FALSE;

  focus = gtk_root_get_focus (root);
  if (ADW_IS_ACTION_ROW (focus) && gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (focus)))
    {
      adw_action_row_activate (ADW_ACTION_ROW (focus));
      return TRUE;
    }
  if (GTK_IS_CHECK_BUTTON (focus))
    {
      gtk_widget_activate (focus);
      return TRUE;
    }
  return FALSE;
}

void
kh_field_enter_activates_rows (GtkWidget *widget)
{
  GtkEventController *keys;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (enter_pressed_cb), NULL);
  gtk_widget_add_controller (widget, keys);
}
