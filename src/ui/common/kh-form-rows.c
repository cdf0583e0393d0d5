/* kh-form-rows.c — reading and filling the rows that several forms share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The intake form and the person fields both ask for a service language:
 * one table of choices keeps their combo rows in the same order. The plan,
 * the assessment and the preferences make their switch rows alike.
 */
#define G_LOG_DOMAIN "kohtaamo-ui"

#include "config.h"

#include "core/kh-text.h"

#include "kh-form-rows.h"

static const KhLanguage languages[] = { KH_LANGUAGE_FI, KH_LANGUAGE_SV, KH_LANGUAGE_OTHER };

char *
kh_form_rows_dup_text (AdwEntryRow *row)
{
  g_return_val_if_fail (ADW_IS_ENTRY_ROW (row), NULL);

  return kh_text_clean (gtk_editable_get_text (GTK_EDITABLE (row)));
}

void
kh_form_rows_setup_language (AdwComboRow *row)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    gtk_string_list_append (labels, kh_language_label (languages[i]));
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
  kh_form_rows_show_whole_choices (row);
}

KhLanguage
kh_form_rows_get_language (AdwComboRow *row)
{
  guint i;

  g_return_val_if_fail (ADW_IS_COMBO_ROW (row), KH_LANGUAGE_FI);

  i = adw_combo_row_get_selected (row);
  return i < G_N_ELEMENTS (languages) ? languages[i] : KH_LANGUAGE_FI;
}

void
kh_form_rows_set_language (AdwComboRow *row,
                           KhLanguage   language)
{
  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (languages[i] == language)
      adw_combo_row_set_selected (row, i);
}

const char *
kh_form_rows_ui_language (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_has_prefix (names[i], "sv"))
        return "sv";
      if (g_str_has_prefix (names[i], "fi"))
        return "fi";
    }
  return "fi";
}

KhLanguage
kh_form_rows_default_language (void)
{
  return g_str_equal (kh_form_rows_ui_language (), "sv") ? KH_LANGUAGE_SV : KH_LANGUAGE_FI;
}

GtkSwitch *
kh_form_rows_add_switch (GtkWidget     *parent,
                         const char    *title,
                         const char    *subtitle,
                         AdwActionRow **out_row)
{
  GtkWidget *row;
  GtkWidget *toggle;

  g_return_val_if_fail (ADW_IS_PREFERENCES_GROUP (parent) || GTK_IS_LIST_BOX (parent), NULL);
  g_return_val_if_fail (title != NULL, NULL);

  row = adw_action_row_new ();
  toggle = gtk_switch_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  /* libadwaita 1.2 leaves the switch nameless. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  if (ADW_IS_PREFERENCES_GROUP (parent))
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (parent), row);
  else
    gtk_list_box_append (GTK_LIST_BOX (parent), row);
  if (out_row != NULL)
    *out_row = ADW_ACTION_ROW (row);
  return GTK_SWITCH (toggle);
}

/* ---- whole choices ----
 *
 * libadwaita 1.2's default combo-row factory cuts every choice at 20
 * characters, so "E-form or secure message" reads "E-form or secure mess…"
 * in the row and in its list. These factories show the whole text: the row
 * ellipsizes only when it really runs out of room, and the list wraps long
 * choices and marks the chosen one, as the default list does. */

static void
setup_value_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_value_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (string));
}

static void
setup_choice_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), check);
  gtk_list_item_set_child (item, box);
}

static void
update_check (GtkListItem *item,
              AdwComboRow *row)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *check = gtk_widget_get_last_child (box);

  gtk_widget_set_opacity (check, adw_combo_row_get_selected (row) == gtk_list_item_get_position (item));
}

static void
selected_changed_cb (AdwComboRow *row,
                     GParamSpec  *pspec,
                     GtkListItem *item)
{
  update_check (item, row);
}

static void
bind_choice_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                AdwComboRow              *row)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (box)),
                      gtk_string_object_get_string (string));
  /* Tied to the item too, should it ever go without being unbound. */
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (selected_changed_cb), item, 0);
  update_check (item, row);
}

static void
unbind_choice_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  AdwComboRow              *row)
{
  g_signal_handlers_disconnect_by_func (row, selected_changed_cb, item);
}

/**
 * kh_form_rows_show_whole_choices:
 * @row: a combo row over a #GtkStringList
 *
 * Shows the row's choices whole, in the row and in its list.
 */
void
kh_form_rows_show_whole_choices (AdwComboRow *row)
{
  g_autoptr(GtkListItemFactory) value_factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) list_factory = gtk_signal_list_item_factory_new ();

  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  g_signal_connect (value_factory, "setup", G_CALLBACK (setup_value_cb), NULL);
  g_signal_connect (value_factory, "bind", G_CALLBACK (bind_value_cb), NULL);
  /* The list lives inside the row's popover: the row outlives its items. */
  g_signal_connect (list_factory, "setup", G_CALLBACK (setup_choice_cb), NULL);
  g_signal_connect (list_factory, "bind", G_CALLBACK (bind_choice_cb), row);
  g_signal_connect (list_factory, "unbind", G_CALLBACK (unbind_choice_cb), row);
  adw_combo_row_set_factory (row, value_factory);
  adw_combo_row_set_list_factory (row, list_factory);
}
