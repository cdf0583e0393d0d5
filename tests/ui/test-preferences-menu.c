/* test-preferences-menu.c — Preferences open from the main menu and Ctrl+comma
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "app/kh-preferences-window.h"

#include "kh-shell-test.h"
#include "kh-test-ui.h"

/* Does `model` (or a section of it) have an item for `action`? */
static gboolean
menu_has_action (GMenuModel *model,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *item_action = NULL;
      g_autoptr(GMenuModel) section = NULL;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &item_action)
          && g_strcmp0 (item_action, action) == 0)
        return TRUE;
      section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);
      if (section != NULL && menu_has_action (section, action))
        return TRUE;
    }
  return FALSE;
}

static gboolean
label_is_cb (GtkWidget     *widget,
             gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static KhPreferencesWindow *
find_preferences (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (KH_IS_PREFERENCES_WINDOW (window))
        return KH_PREFERENCES_WINDOW (window);
    }
  return NULL;
}

static gboolean
preferences_shown_cb (gpointer data)
{
  KhPreferencesWindow *window = find_preferences ();

  return window != NULL && kh_preferences_window_get_pending (window) == 0;
}

static void
test_opened_from_menu (void)
{
  KhShellFixture fixture = { 0 };
  g_auto(GStrv) accels = NULL;
  GtkMenuButton *menu_button;
  KhPreferencesWindow *preferences;
  GtkPopover *popover;
  KhUser *user;

  kh_shell_fixture_init (&fixture);
  kh_shell_fixture_start (&fixture);
  g_assert_cmpstr (kh_window_get_state (fixture.window), ==, "content");

  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (fixture.app), "app.preferences");
  g_assert_cmpstr (accels[0], ==, "<Control>comma");
  menu_button = GTK_MENU_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (fixture.window),
                                                                KH_TYPE_WINDOW, "menu_button"));
  /* The menu is made when it first opens, not with the window; then it
   * has its items and says who is logged in. */
  g_assert_null (gtk_menu_button_get_popover (menu_button));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (menu_button)));
  gtk_menu_button_popup (menu_button);
  popover = gtk_menu_button_get_popover (menu_button);
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_true (menu_has_action (gtk_menu_button_get_menu_model (menu_button), "app.preferences"));
  user = kh_store_get_user (kh_window_get_store (fixture.window));
  g_assert_nonnull (kh_test_ui_find (GTK_WIDGET (popover), label_is_cb,
                                     user->display_name != NULL ? user->display_name : user->account));
  /* Opened again, it is the same menu. */
  gtk_menu_button_popdown (menu_button);
  gtk_menu_button_popup (menu_button);
  g_assert_true (gtk_menu_button_get_popover (menu_button) == popover);
  gtk_menu_button_popdown (menu_button);

  g_assert_null (find_preferences ());
  g_action_group_activate_action (G_ACTION_GROUP (fixture.app), "preferences", NULL);
  g_assert_true (kh_test_wait_until (preferences_shown_cb, NULL, 10000));
  preferences = find_preferences ();
  /* Over the window whose database it shows; the test's account made the
   * database, so it is the administrator and may change. */
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (preferences)) == GTK_WINDOW (fixture.window));
  g_assert_true (kh_preferences_window_can_edit (preferences));

  g_object_add_weak_pointer (G_OBJECT (preferences), (gpointer *) &preferences);
  gtk_window_destroy (GTK_WINDOW (preferences));
  g_assert_true (kh_test_wait_until (kh_test_is_null_cb, &preferences, 5000));

  kh_shell_fixture_clear (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  kh_shell_test_init (&argc, &argv);

  g_test_add_func ("/ui/preferences/opened-from-menu", test_opened_from_menu);

  return g_test_run ();
}
