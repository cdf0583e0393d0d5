/* test-style.c — the app's one style sheet, in a window made without the
 * application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * data/style.css is the whole app's style: AdwApplication loads it when
 * the app starts, and widgets that use its classes load it for windows
 * made without the application (kh_field_message_ensure_style), as the
 * tests make them. A value row (kh-field) shows its title small and its
 * value in full, and a badge is a pill in the error colour, the same as
 * in the app; the old sheet named after the intake is gone.
 */
#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include "ui/common/kh-field-message.h"
#include "ui/common/kh-text-row.h"

#include "kh-test-ui.h"

static int
font_size (GtkWidget *widget)
{
  return pango_font_description_get_size (pango_context_get_font_description (gtk_widget_get_pango_context (widget)));
}

static gboolean
is_label_of_class (GtkWidget     *widget,
                   gconstpointer  css_class)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, css_class);
}

static void
test_without_application (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row = kh_text_row_new ("Henkilötunnus", "010101-999X");
  GtkWidget *plain = kh_text_row_new ("Henkilötunnus", "010101-999X");
  GtkWidget *badge = gtk_label_new ("Turvakielto");
  GtkWidget *title, *value, *plain_title;
  g_autoptr(GError) error = NULL;

  g_assert_null (g_application_get_default ());
  /* The sheet is where the app loads it from, and only there. */
  g_assert_true (g_resources_get_info (RESOURCE_BASE "/style.css", G_RESOURCE_LOOKUP_FLAGS_NONE,
                                       NULL, NULL, NULL));
  g_assert_false (g_resources_get_info (RESOURCE_BASE "/ui/intake/kh-intake.css", G_RESOURCE_LOOKUP_FLAGS_NONE,
                                        NULL, NULL, &error));
  g_assert_error (error, G_RESOURCE_ERROR, G_RESOURCE_ERROR_NOT_FOUND);

  gtk_widget_add_css_class (row, "kh-field");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), plain);
  gtk_widget_add_css_class (badge, "kh-badge");
  gtk_widget_add_css_class (badge, "error");
  gtk_widget_set_halign (badge, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), badge);
  gtk_box_append (GTK_BOX (box), group);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 400, -1);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);
  kh_test_ui_screenshot (window, "style-without-application");

  /* A value row: the title smaller than the value (libadwaita's own row,
   * as the plain one shows, has it the other way round). */
  title = kh_test_ui_find (row, is_label_of_class, "title");
  value = kh_test_ui_find (row, is_label_of_class, "subtitle");
  plain_title = kh_test_ui_find (plain, is_label_of_class, "title");
  g_assert_nonnull (title);
  g_assert_nonnull (value);
  g_assert_cmpint (font_size (title), <, font_size (value));
  g_assert_cmpint (font_size (title), <, font_size (plain_title));
  /* The badge's smaller bold text. */
  g_assert_cmpint (font_size (badge), <, font_size (plain_title));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui/style/without-application", test_without_application);

  return g_test_run ();
}
