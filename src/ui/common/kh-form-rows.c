/* kh-form-rows.c — reading and filling the rows that several forms share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The intake form and the person fields both ask for a service language:
 * one table of choices keeps their combo rows in the same order.
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
