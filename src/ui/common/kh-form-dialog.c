/* kh-form-dialog.c — the frame of a small form window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the small forms (a contact attempt, an entry of a client's network,
 * a consent) share: Cancel and the action in the header bar, the store's
 * refusal at the top of the form, and their rows.
 */
#define G_LOG_DOMAIN "kohtaamo-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "kh-accessible.h"
#include "kh-field-message.h"
#include "kh-form-dialog.h"
#include "kh-form-rows.h"

void
kh_form_dialog_build (AdwWindow    *window,
                      KhFormDialog *form,
                      const char   *title,
                      const char   *subtitle,
                      const char   *action_mnemonic,
                      const char   *action_name,
                      int           width,
                      int           height)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkEventController *keys = gtk_shortcut_controller_new ();

  kh_field_message_ensure_style ();
  /* Escape is Cancel. */
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (GTK_WIDGET (window), keys);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_title (GTK_WINDOW (window), title);
  form->title = adw_window_title_new (title, subtitle);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), form->title);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  form->action_button = gtk_button_new_with_mnemonic (action_mnemonic);
  gtk_widget_add_css_class (form->action_button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (form->action_button), action_name);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), form->action_button);
  gtk_box_append (GTK_BOX (box), header);

  form->page = adw_preferences_page_new ();
  gtk_widget_set_vexpand (form->page, TRUE);
  gtk_box_append (GTK_BOX (box), form->page);
  form->message_group = kh_form_dialog_add_group (form, NULL);
  form->message_label = g_object_new (GTK_TYPE_LABEL, "accessible-role", GTK_ACCESSIBLE_ROLE_ALERT,
                                      "wrap", TRUE, "xalign", 0.0, NULL);
  gtk_widget_add_css_class (form->message_label, "error");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (form->message_group), form->message_label);
  gtk_widget_set_visible (form->message_group, FALSE);
  adw_window_set_content (window, box);
}

void
kh_form_dialog_finish (AdwWindow    *window,
                       KhFormDialog *form)
{
  gtk_window_set_default_widget (GTK_WINDOW (window), form->action_button);
  kh_field_enter_activates_rows (form->page);
  kh_accessible_fix_mnemonics (GTK_WIDGET (window));
}

void
kh_form_dialog_show_message (KhFormDialog *form,
                             const char   *message)
{
  gtk_label_set_text (GTK_LABEL (form->message_label), message != NULL ? message : "");
  gtk_widget_set_visible (form->message_group, message != NULL);
}

GtkWidget *
kh_form_dialog_add_group (KhFormDialog *form,
                          const char   *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  if (title != NULL)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (form->page), ADW_PREFERENCES_GROUP (group));
  return group;
}

AdwEntryRow *
kh_form_dialog_add_entry (GtkWidget  *group,
                          const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return ADW_ENTRY_ROW (row);
}

AdwComboRow *
kh_form_dialog_add_combo (GtkWidget  *group,
                          const char *title,
                          GListModel *model)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), model);
  kh_form_rows_show_whole_choices (ADW_COMBO_ROW (row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return ADW_COMBO_ROW (row);
}

GtkWidget *
kh_form_dialog_add_check (GtkWidget  *group,
                          const char *title)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return check;
}
