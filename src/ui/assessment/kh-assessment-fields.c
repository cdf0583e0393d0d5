/* kh-assessment-fields.c — the kinds of field the assessment's steps are made of
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kohtaamo-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kh-assessment.h"
#include "kh-assessment-fields.h"
#include "ui/common/kh-form-rows.h"

#define VALUES_KEY "kh-choice-values"
#define BOX_KEY "kh-note-box"

GtkTextView *
kh_note_field_new (GtkBox     *box,
                   const char *heading,
                   const char *help)
{
  GtkWidget *field = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (heading);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();

  gtk_widget_set_margin_top (field, 12);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (field), label);
  if (help != NULL)
    {
      GtkWidget *help_label = gtk_label_new (help);

      gtk_label_set_xalign (GTK_LABEL (help_label), 0);
      gtk_label_set_wrap (GTK_LABEL (help_label), TRUE);
      gtk_widget_add_css_class (help_label, "dim-label");
      gtk_widget_add_css_class (help_label, "caption");
      gtk_box_append (GTK_BOX (field), help_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      help, -1);
    }

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 10);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 10);
  gtk_widget_set_size_request (view, -1, 90);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  label, NULL, -1);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_box_append (GTK_BOX (field), frame);
  gtk_box_append (box, field);
  g_object_set_data (G_OBJECT (view), BOX_KEY, field);
  return GTK_TEXT_VIEW (view);
}

GtkWidget *
kh_note_field_get_box (GtkTextView *view)
{
  return g_object_get_data (G_OBJECT (view), BOX_KEY);
}

char *
kh_note_field_dup_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;
  char *text;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (text[0] == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

void
kh_note_field_set_text (GtkTextView *view,
                        const char  *text)
{
  g_autofree char *now = kh_note_field_dup_text (view);

  if (g_strcmp0 (now, text) == 0)
    return;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text != NULL ? text : "", -1);
}

AdwComboRow *
kh_choice_row_new (const char         *title,
                   const char * const *labels,
                   const int          *values)
{
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
  g_autoptr(GtkStringList) model = gtk_string_list_new (labels);
  guint n = g_strv_length ((char **) labels);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
  kh_form_rows_show_whole_choices (row);
  g_object_set_data_full (G_OBJECT (row), VALUES_KEY, g_memdup2 (values, n * sizeof (int)), g_free);
  return row;
}

int
kh_choice_row_get (AdwComboRow *row)
{
  const int *values = g_object_get_data (G_OBJECT (row), VALUES_KEY);
  guint selected = adw_combo_row_get_selected (row);

  g_return_val_if_fail (values != NULL, 0);

  if (selected == GTK_INVALID_LIST_POSITION
      || selected >= g_list_model_get_n_items (adw_combo_row_get_model (row)))
    return 0;
  return values[selected];
}

void
kh_choice_row_set (AdwComboRow *row,
                   int          value)
{
  const int *values = g_object_get_data (G_OBJECT (row), VALUES_KEY);
  guint n = g_list_model_get_n_items (adw_combo_row_get_model (row));

  g_return_if_fail (values != NULL);

  for (guint i = 0; i < n; i++)
    if (values[i] == value)
      {
        if (adw_combo_row_get_selected (row) != i)
          adw_combo_row_set_selected (row, i);
        return;
      }
}

AdwComboRow *
kh_answer_row_new (const char *title,
                   gboolean    partly)
{
  /* Translators: an answer not given yet, in a list of Yes / No */
  const char *labels[] = { C_("answer", "Not answered"), C_("answer", "Yes"), C_("answer", "No"),
                           C_("answer", "Partly"), NULL };
  static const int values[] = { KH_ANSWER_UNANSWERED, KH_ANSWER_YES, KH_ANSWER_NO, KH_ANSWER_PARTLY };

  if (!partly)
    labels[3] = NULL;
  return kh_choice_row_new (title, labels, values);
}
