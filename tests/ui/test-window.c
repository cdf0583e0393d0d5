/* test-window.c — the main window: views by role, and a database that cannot be opened
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ui/clients/kh-clients-page.h"
#include "ui/clients/kh-person-page.h"
#include "ui/intake/kh-reception-page.h"

#include "kh-shell-test.h"
#include "kh-test-ui.h"

static void
add_users (KhShellFixture *fixture,
           KhRole          own_role,
           gboolean        add_self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhDb) db = NULL;
  g_autoptr(KhUser) admin = NULL;
  g_autoptr(KhUser) self_user = NULL;

  db = kh_db_open (fixture->path, &error);
  g_assert_no_error (error);

  /* Another account is the first user, and so the administrator. */
  admin = kh_db_save_user (db, NULL, "kohtaamo-test-admin", "Ilona Lindqvist", KH_ROLE_ADMIN, TRUE, &error);
  g_assert_no_error (error);
  if (add_self)
    {
      self_user = kh_db_save_user (db, admin, g_get_user_name (), "Pirjo Receptionist", own_role, TRUE, &error);
      g_assert_no_error (error);
    }
}

static gpointer
window_child (KhShellFixture *fixture,
              const char     *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (fixture->window), KH_TYPE_WINDOW, name);
}

/* The window's "error" or "setup" page, made when first shown. */
static gpointer
status_page (KhShellFixture *fixture,
             const char     *name)
{
  GtkWidget *page = gtk_stack_get_child_by_name (window_child (fixture, "main_stack"), name);

  g_assert_true (ADW_IS_STATUS_PAGE (page));
  return page;
}

static gboolean
content_shown_cb (gpointer data)
{
  return g_strcmp0 (kh_window_get_state (data), "content") == 0;
}

static guint
count_users (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhDb) db = kh_db_open (path, &error);
  g_autoptr(GPtrArray) users = NULL;

  g_assert_no_error (error);
  users = kh_db_list_users (db, &error);
  g_assert_no_error (error);
  return users->len;
}

/* A first start that creates a new database says so and asks; "Make Me
 * the Administrator" makes this account its administrator (2.7). */
static void
test_first_start_yes (void)
{
  KhShellFixture fixture = { 0 };
  AdwStatusPage *setup;

  kh_shell_fixture_init (&fixture);
  kh_shell_fixture_start_as_is (&fixture);

  g_assert_cmpstr (kh_window_get_state (fixture.window), ==, "setup");
  setup = status_page (&fixture, "setup");
  g_assert_cmpstr (adw_status_page_get_title (setup), ==, "A New Database Was Created");
  /* The question's answer is in focus. */
  g_assert_true (GTK_IS_BUTTON (gtk_root_get_focus (GTK_ROOT (fixture.window))));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture.window)), GTK_WIDGET (setup)));
  g_assert_true (gtk_widget_has_css_class (gtk_root_get_focus (GTK_ROOT (fixture.window)), "suggested-action"));
  g_assert_nonnull (strstr (adw_status_page_get_description (setup), fixture.path));
  g_assert_nonnull (strstr (adw_status_page_get_description (setup), g_get_user_name ()));
  g_assert_null (kh_shell_fixture_get_view (&fixture, "reception"));
  g_assert_cmpint (kh_store_get_state (kh_window_get_store (fixture.window)), ==,
                   KH_STORE_STATE_NEEDS_ADMINISTRATOR);
  /* Asking wrote nobody into the database. */
  g_assert_cmpuint (count_users (fixture.path), ==, 0);
  kh_test_ui_screenshot (GTK_WIDGET (fixture.window), "first-start-question");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.claim-administration", NULL));
  g_assert_true (kh_test_wait_until (content_shown_cb, fixture.window, 10000));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture.window)), ==, "Kohtaamo");
  g_assert_nonnull (kh_shell_fixture_get_view (&fixture, "reception"));
  g_assert_nonnull (kh_shell_fixture_get_view (&fixture, "clients"));
  g_assert_nonnull (kh_shell_fixture_get_view (&fixture, "log"));
  g_assert_cmpint (kh_store_get_user (kh_window_get_store (fixture.window))->role, ==, KH_ROLE_ADMIN);
  g_assert_cmpuint (count_users (fixture.path), ==, 1);

  kh_shell_fixture_clear (&fixture);
}

/* "Not Me": nothing is written, the window says how to go on, and trying
 * again asks again. */
static void
test_first_start_no (void)
{
  KhShellFixture fixture = { 0 };
  AdwStatusPage *error_page;

  kh_shell_fixture_init (&fixture);
  kh_shell_fixture_start_as_is (&fixture);
  g_assert_cmpstr (kh_window_get_state (fixture.window), ==, "setup");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.decline-administration", NULL));
  g_assert_cmpstr (kh_window_get_state (fixture.window), ==, "error");
  error_page = status_page (&fixture, "error");
  g_assert_cmpstr (adw_status_page_get_title (error_page), ==, "Nobody Administers This Database");
  g_assert_nonnull (strstr (adw_status_page_get_description (error_page), "Nothing was changed."));
  g_assert_null (kh_shell_fixture_get_view (&fixture, "reception"));
  g_assert_cmpuint (count_users (fixture.path), ==, 0);

  /* Try again: the database exists now, still without users. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.retry", NULL));
  g_assert_true (kh_test_wait_until ((KhTestCondition) kh_test_window_settled_cb, fixture.window, 10000));
  g_assert_cmpstr (kh_window_get_state (fixture.window), ==, "setup");
  g_assert_cmpstr (adw_status_page_get_title (status_page (&fixture, "setup")), ==,
                   "Nobody Administers This Database Yet");
  g_assert_cmpuint (count_users (fixture.path), ==, 0);

  kh_shell_fixture_clear (&fixture);
}

/* Where am I: the unit's name and the database in the header. */
static void
test_header_says_unit_and_database (void)
{
  KhShellFixture fixture = { 0 };
  GtkLabel *unit;
  GtkLabel *database;

  /* Not set: the header says so. */
  kh_shell_fixture_init (&fixture);
  kh_shell_fixture_start (&fixture);
  unit = window_child (&fixture, "unit_label");
  database = window_child (&fixture, "database_label");
  g_assert_cmpstr (gtk_label_get_text (unit), ==, "Unit name not set");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (unit), "dim-label"));
  /* A database that opens has no need of the pages that say why it did
   * not, nor of the first start's question: they are not made. */
  g_assert_null (gtk_stack_get_child_by_name (window_child (&fixture, "main_stack"), "error"));
  g_assert_null (gtk_stack_get_child_by_name (window_child (&fixture, "main_stack"), "setup"));
  g_assert_cmpstr (gtk_label_get_text (database), ==, fixture.path);
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (GTK_WIDGET (unit)),
                            "kohtaamo-admin settings unit-name NAME"));
  kh_shell_fixture_clear (&fixture);

  /* Set with kohtaamo-admin settings unit-name. */
  kh_shell_fixture_init (&fixture);
  {
    g_autoptr(KhUser) admin = NULL;
    g_autoptr(KhDb) db = kh_shell_fixture_open_db (&fixture, &admin);
    g_autoptr(GError) error = NULL;

    g_assert_true (kh_db_set_setting (db, admin, KH_SETTING_UNIT_NAME, "Aikuissosiaalityö, Itä", &error));
    g_assert_no_error (error);
  }
  kh_shell_fixture_start (&fixture);
  unit = window_child (&fixture, "unit_label");
  database = window_child (&fixture, "database_label");
  g_assert_cmpstr (gtk_label_get_text (unit), ==, "Aikuissosiaalityö, Itä");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (unit), "dim-label"));
  g_assert_cmpstr (gtk_label_get_text (database), ==, fixture.path);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (unit)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (database)));
  kh_shell_fixture_clear (&fixture);
}

static void
test_views_by_role (void)
{
  static const struct {
    KhRole   role;
    gboolean sees_log;
  } cases[] = {
    { KH_ROLE_RECEPTION, FALSE },
    { KH_ROLE_COUNSELLOR, FALSE },
    { KH_ROLE_SOCIAL_WORKER, FALSE },
    { KH_ROLE_LEAD, TRUE },
    { KH_ROLE_ADMIN, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      KhShellFixture fixture = { 0 };

      g_test_message ("role %s", kh_role_key (cases[i].role));
      kh_shell_fixture_init (&fixture);
      add_users (&fixture, cases[i].role, TRUE);
      kh_shell_fixture_start (&fixture);

      g_assert_cmpstr (kh_window_get_state (fixture.window), ==, "content");
      g_assert_nonnull (kh_shell_fixture_get_view (&fixture, "reception"));
      g_assert_nonnull (kh_shell_fixture_get_view (&fixture, "clients"));
      if (cases[i].sees_log)
        g_assert_nonnull (kh_shell_fixture_get_view (&fixture, "log"));
      else
        g_assert_null (kh_shell_fixture_get_view (&fixture, "log"));

      kh_shell_fixture_clear (&fixture);
    }
}

static gboolean
title_visible_is_cb (gpointer data)
{
  KhShellFixture *fixture = data;
  AdwViewSwitcherTitle *title = window_child (fixture, "switcher_title");

  return gtk_widget_get_mapped (GTK_WIDGET (title))
         && adw_view_switcher_title_get_title_visible (title)
            == GPOINTER_TO_INT (g_object_get_data (G_OBJECT (fixture->window), "kh-test-narrow"));
}

/* The switcher bar at the bottom is for a narrow window: a wide one's
 * first frame does without its buttons (made when the window is first
 * narrowed), and a narrow window's bar has every view. */
static void
test_switcher_bar_when_narrow (void)
{
  KhShellFixture fixture = { 0 };
  AdwViewSwitcherBar *bar;
  AdwViewStack *views;
  guint buttons = 0;

  kh_shell_fixture_init (&fixture);
  add_users (&fixture, KH_ROLE_LEAD, TRUE);
  kh_shell_fixture_start (&fixture);
  bar = window_child (&fixture, "switcher_bar");
  views = window_child (&fixture, "view_stack");

  gtk_window_set_default_size (GTK_WINDOW (fixture.window), 1100, 700);
  g_object_set_data (G_OBJECT (fixture.window), "kh-test-narrow", GINT_TO_POINTER (FALSE));
  g_assert_true (kh_test_wait_until (title_visible_is_cb, &fixture, 10000));
  g_assert_null (adw_view_switcher_bar_get_stack (bar));
  g_assert_false (adw_view_switcher_bar_get_reveal (bar));

  gtk_window_set_default_size (GTK_WINDOW (fixture.window), 360, 700);
  g_object_set_data (G_OBJECT (fixture.window), "kh-test-narrow", GINT_TO_POINTER (TRUE));
  g_assert_true (kh_test_wait_until (title_visible_is_cb, &fixture, 10000));
  g_assert_true (adw_view_switcher_bar_get_stack (bar) == views);
  g_assert_true (adw_view_switcher_bar_get_reveal (bar));
  /* A button for each view: Reception, People, Access Log, Cases, Meetings. */
  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (bar)); w != NULL;)
    {
      if (g_strcmp0 (G_OBJECT_TYPE_NAME (w), "AdwViewSwitcherButton") == 0)
        buttons++;
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && gtk_widget_get_next_sibling (w) == NULL && w != GTK_WIDGET (bar))
            w = gtk_widget_get_parent (w);
          w = (w == NULL || w == GTK_WIDGET (bar)) ? NULL : gtk_widget_get_next_sibling (w);
        }
    }
  g_assert_cmpuint (buttons, ==, 5);

  /* Wide again: the bar folds away and keeps its buttons. */
  gtk_window_set_default_size (GTK_WINDOW (fixture.window), 1100, 700);
  g_object_set_data (G_OBJECT (fixture.window), "kh-test-narrow", GINT_TO_POINTER (FALSE));
  g_assert_true (kh_test_wait_until (title_visible_is_cb, &fixture, 10000));
  g_assert_false (adw_view_switcher_bar_get_reveal (bar));
  g_assert_true (adw_view_switcher_bar_get_stack (bar) == views);

  kh_shell_fixture_clear (&fixture);
}

static void
test_find_person_shortcut (void)
{
  KhShellFixture fixture = { 0 };
  AdwViewStack *stack;
  GtkWidget *focus;

  kh_shell_fixture_init (&fixture);
  kh_shell_fixture_start (&fixture);
  stack = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (fixture.window), KH_TYPE_WINDOW, "view_stack"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.find-person", NULL));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "clients");
  focus = gtk_root_get_focus (GTK_ROOT (fixture.window));
  g_assert_nonnull (focus);
  g_assert_nonnull (gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.show-view", "s", "reception"));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "reception");

  /* Ctrl+N from anywhere: back to reception, a new contact. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.show-view", "s", "clients"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.new-contact", NULL));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "reception");

  kh_shell_fixture_clear (&fixture);
}

static gboolean
person_shown_cb (gpointer data)
{
  KhPersonPage *page = data;

  return kh_person_page_get_client (page) != NULL;
}

static void
test_open_client_from_reception (void)
{
  KhShellFixture fixture = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(KhClient) client = kh_client_new ();
  AdwViewStack *stack;
  KhPersonPage *page;
  gint64 id;

  kh_shell_fixture_init (&fixture);
  {
    g_autoptr(KhUser) user = NULL;
    g_autoptr(KhDb) db = kh_shell_fixture_open_db (&fixture, &user);

    client->identity_kind = KH_IDENTITY_BIRTH_DATE;
    client->no_code_reason = KH_NO_CODE_ASYLUM_SEEKER;
    client->birth_date = g_strdup ("1990-01-01");
    client->last_name = g_strdup ("Shevchenko");
    client->first_names = g_strdup ("Olena");
    client->language = KH_LANGUAGE_OTHER;
    client->other_language = g_strdup ("ukraina");
    client->interpreter = TRUE;
    id = kh_db_save_client (db, user, client, &error);
    g_assert_no_error (error);
  }
  kh_shell_fixture_start (&fixture);
  stack = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (fixture.window), KH_TYPE_WINDOW, "view_stack"));

  g_signal_emit_by_name (kh_shell_fixture_get_view (&fixture, "reception"), "open-client", id);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "clients");
  page = KH_PERSON_PAGE (gtk_widget_get_template_child (kh_shell_fixture_get_view (&fixture, "clients"),
                                                        KH_TYPE_CLIENTS_PAGE, "person_page"));
  g_assert_true (kh_test_wait_until (person_shown_cb, page, 10000));
  g_assert_cmpint (kh_person_page_get_client_id (page), ==, id);
  g_assert_cmpstr (kh_person_page_get_client (page)->last_name, ==, "Shevchenko");

  kh_shell_fixture_clear (&fixture);
}

static void
assert_error_page (KhShellFixture *fixture,
                   const char     *title)
{
  AdwStatusPage *page;

  g_assert_cmpstr (kh_window_get_state (fixture->window), ==, "error");
  page = status_page (fixture, "error");
  g_assert_cmpstr (adw_status_page_get_title (page), ==, title);
  /* The store's own message and the path are there too. */
  g_assert_nonnull (strstr (adw_status_page_get_description (page), fixture->path));
  g_assert_cmpuint (strlen (adw_status_page_get_description (page)), >, strlen (fixture->path) + 10);
  g_assert_null (kh_shell_fixture_get_view (fixture, "reception"));
  g_assert_null (kh_shell_fixture_get_view (fixture, "clients"));
}

static void
test_not_a_database (void)
{
  KhShellFixture fixture = { 0 };
  g_autoptr(GString) junk = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  kh_shell_fixture_init (&fixture);
  for (guint i = 0; i < 400; i++)
    g_string_append (junk, "Tämä ei ole tietokanta. This is not a database.\n");
  g_file_set_contents (fixture.path, junk->str, junk->len, &error);
  g_assert_no_error (error);

  kh_shell_fixture_start (&fixture);
  assert_error_page (&fixture, "This File Is Not a Kohtaamo Database");

  /* Trying again on the same file fails the same way, calmly. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.retry", NULL));
  g_assert_true (kh_test_wait_until ((KhTestCondition) kh_test_window_settled_cb, fixture.window, 10000));
  assert_error_page (&fixture, "This File Is Not a Kohtaamo Database");

  kh_shell_fixture_clear (&fixture);
}

static void
test_unknown_user (void)
{
  KhShellFixture fixture = { 0 };

  kh_shell_fixture_init (&fixture);
  add_users (&fixture, KH_ROLE_RECEPTION, FALSE);
  kh_shell_fixture_start (&fixture);

  assert_error_page (&fixture, "Your Account Is Not a Kohtaamo User");
  /* The real role values, each with its name, and the command (2.10). */
  {
    const char *text = adw_status_page_get_description (status_page (&fixture, "error"));
    g_autofree char *command = g_strdup_printf ("<tt>kohtaamo-admin users set-role %s ROLE</tt>",
                                                g_get_user_name ());

    g_assert_nonnull (strstr (text, command));
    g_assert_nonnull (strstr (text, "\n<tt>reception</tt> — Reception"));
    g_assert_nonnull (strstr (text, "\n<tt>counsellor</tt> — "));
    g_assert_nonnull (strstr (text, "\n<tt>social-worker</tt> — "));
    g_assert_nonnull (strstr (text, "\n<tt>lead</tt> — "));
    g_assert_nonnull (strstr (text, "\n<tt>admin</tt> — Administrator"));
  }

  kh_shell_fixture_clear (&fixture);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  GtkWidget *child;

  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Clicks the dialog's button with this (untranslated: LC_ALL=C) label. */
static void
answer_dialog (const char *label)
{
  GtkWidget *button = find_button (GTK_WIDGET (find_message_dialog ()), label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
}

static gboolean
dialog_shown_cb (gpointer data)
{
  return find_message_dialog () != NULL;
}

static gboolean
dialog_gone_cb (gpointer data)
{
  return find_message_dialog () == NULL;
}

static gboolean
window_gone_cb (gpointer data)
{
  GtkWindow *window = data;

  return !gtk_widget_get_visible (GTK_WIDGET (window));
}

/* Starts the window, begins a new contact and types a person into it. */
static GtkWidget *
start_half_filled_contact (KhShellFixture *fixture)
{
  GtkWidget *reception;
  GtkWidget *form;

  kh_shell_fixture_init (fixture);
  kh_shell_fixture_start (fixture);
  gtk_window_present (GTK_WINDOW (fixture->window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-contact", NULL));
  reception = kh_shell_fixture_get_view (fixture, "reception");
  form = GTK_WIDGET (kh_reception_page_get_form (KH_RECEPTION_PAGE (reception)));
  kh_test_ui_fill_new_person (form, "Virtanen", "Eino", "");
  g_assert_true (kh_reception_page_has_unsaved_work (KH_RECEPTION_PAGE (reception)));

  return form;
}

/* Closing the window (its close button, Ctrl+W) with a half-filled contact
 * asks first, as Escape does; only "Discard" closes it. */
static void
test_close_asks_about_contact (void)
{
  KhShellFixture fixture = { 0 };
  GtkWidget *form;
  GtkWidget *last_name;

  form = start_half_filled_contact (&fixture);
  last_name = kh_test_ui_person_child (form, "last_name_row");

  /* "Keep Editing": the window and the text stay. */
  gtk_window_close (GTK_WINDOW (fixture.window));
  g_assert_true (kh_test_wait_until (dialog_shown_cb, NULL, 5000));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture.window)));
  kh_test_ui_screenshot (GTK_WIDGET (fixture.window), "close-asks-window");
  kh_test_ui_screenshot (GTK_WIDGET (find_message_dialog ()), "close-asks-dialog");
  answer_dialog ("_Keep Editing");
  g_assert_true (kh_test_wait_until (dialog_gone_cb, NULL, 5000));
  kh_test_spin (100);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture.window)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (last_name)), ==, "Virtanen");

  /* Asked again, "Discard": the window closes. */
  gtk_window_close (GTK_WINDOW (fixture.window));
  g_assert_true (kh_test_wait_until (dialog_shown_cb, NULL, 5000));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture.window)));
  answer_dialog ("_Discard");
  g_assert_true (kh_test_wait_until (window_gone_cb, fixture.window, 5000));
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (fixture.app)));

  kh_shell_fixture_clear (&fixture);
}

/* Ctrl+Q (app.quit) closes the windows the same way: it asks too. */
static void
test_quit_asks_about_contact (void)
{
  KhShellFixture fixture = { 0 };

  start_half_filled_contact (&fixture);

  g_action_group_activate_action (G_ACTION_GROUP (fixture.app), "quit", NULL);
  g_assert_true (kh_test_wait_until (dialog_shown_cb, NULL, 5000));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture.window)));

  answer_dialog ("_Discard");
  g_assert_true (kh_test_wait_until (window_gone_cb, fixture.window, 5000));

  kh_shell_fixture_clear (&fixture);
}

/* An empty form is nothing to lose: the window closes at once. */
static void
test_close_without_contact (void)
{
  KhShellFixture fixture = { 0 };

  kh_shell_fixture_init (&fixture);
  kh_shell_fixture_start (&fixture);
  gtk_window_present (GTK_WINDOW (fixture.window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture.window), "win.new-contact", NULL));

  gtk_window_close (GTK_WINDOW (fixture.window));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture.window)));
  g_assert_null (find_message_dialog ());

  kh_shell_fixture_clear (&fixture);
}

static void
test_shortcuts_window (void)
{
  KhShellFixture fixture = { 0 };
  GtkWindow *shortcuts = NULL;
  GListModel *toplevels;
  const char *accels_expected[] = { "<Control>question", NULL };
  g_auto(GStrv) accels = NULL;

  kh_shell_fixture_init (&fixture);
  kh_shell_fixture_start (&fixture);
  gtk_window_present (GTK_WINDOW (fixture.window));

  /* Built on demand, not for every window on the way to its first frame. */
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (fixture.window)));
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (fixture.app), "app.shortcuts");
  g_assert_cmpstrv (accels, accels_expected);

  g_action_group_activate_action (G_ACTION_GROUP (fixture.app), "shortcuts", NULL);
  toplevels = gtk_window_get_toplevels ();  /* transfer none */
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_SHORTCUTS_WINDOW (window))
        shortcuts = window;
    }
  g_assert_nonnull (shortcuts);
  g_assert_true (gtk_window_get_transient_for (shortcuts) == GTK_WINDOW (fixture.window));
  gtk_window_destroy (shortcuts);

  kh_shell_fixture_clear (&fixture);
}

static gboolean
bus_name_owned (GDBusConnection *bus)
{
  g_autoptr(GVariant) reply = NULL;
  gboolean owned = FALSE;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", APP_ID), G_VARIANT_TYPE ("(b)"),
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);

  return owned;
}

static gboolean
primary_ready_cb (gpointer data)
{
  return bus_name_owned (data);
}

static gboolean
flag_set_cb (gpointer data)
{
  return *(gboolean *) data;
}

static void
process_exited_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_subprocess_wait_finish (G_SUBPROCESS (object), result, NULL);
  *(gboolean *) user_data = TRUE;
}

/* Runs `kohtaamo --database PATH` while another Kohtaamo is open; returns
 * its exit status and its stderr. */
static int
run_second (const char  *kohtaamo,
            const char  *path,
            char       **out_stderr)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                              kohtaamo, "--database", path, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, out_stderr, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));

  return g_subprocess_get_exit_status (process);
}

/* A second `kohtaamo --database OTHER` while Kohtaamo is open must not
 * silently show the database already open: it is refused, with a message
 * on its own stderr and status 1. The same database just comes forward. */
static void
test_second_start_other_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GSubprocess) primary = NULL;
  g_autofree char *kohtaamo = g_test_build_filename (G_TEST_BUILT, "..", "..", "src", "app", "kohtaamo", NULL);
  g_autofree char *dir = NULL;
  g_autofree char *first = NULL;
  g_autofree char *other = NULL;
  g_autofree char *same = NULL;
  g_autofree char *message = NULL;
  g_autofree char *object_path = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *name;
  gboolean exited = FALSE;

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  if (bus == NULL || !g_file_test (kohtaamo, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("needs a session bus and the kohtaamo program");
      return;
    }
  if (bus_name_owned (bus))
    {
      g_test_skip ("another Kohtaamo is running on this session bus");
      return;
    }

  dir = g_dir_make_tmp ("kohtaamo-ui-XXXXXX", &error);
  g_assert_no_error (error);
  first = g_build_filename (dir, "first.db", NULL);
  other = g_build_filename (dir, "other.db", NULL);

  primary = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                              kohtaamo, "--database", first, NULL);
  g_assert_no_error (error);
  g_subprocess_wait_async (primary, NULL, process_exited_cb, &exited);
  g_assert_true (kh_test_wait_until (primary_ready_cb, bus, 20000));

  g_assert_cmpint (run_second (kohtaamo, other, &message), ==, 1);
  g_assert_nonnull (strstr (message, first));
  g_assert_nonnull (strstr (message, other));
  g_assert_false (g_file_test (other, G_FILE_TEST_EXISTS));
  g_clear_pointer (&message, g_free);

  /* The same file, by another name: no complaint. */
  same = g_build_filename (dir, ".", "first.db", NULL);
  g_assert_cmpint (run_second (kohtaamo, same, &message), ==, 0);
  g_assert_cmpstr (message, ==, "");

  /* Quit it the way Ctrl+Q does. */
  object_path = g_strdelimit (g_strconcat ("/", APP_ID, NULL), ".", '/');
  g_dbus_connection_call_sync (bus, APP_ID, object_path, "org.gtk.Actions", "Activate",
                               g_variant_new ("(sava{sv})", "quit", NULL, NULL), NULL,
                               G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
  if (!kh_test_wait_until (flag_set_cb, &exited, 20000))
    g_subprocess_force_exit (primary);
  g_assert_true (kh_test_wait_until (flag_set_cb, &exited, 20000));
  g_assert_true (g_subprocess_get_if_exited (primary));
  g_assert_cmpint (g_subprocess_get_exit_status (primary), ==, 0);

  listing = g_dir_open (dir, 0, NULL);
  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *file = g_build_filename (dir, name, NULL);

      g_unlink (file);
    }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  kh_shell_test_init (&argc, &argv);

  g_test_add_func ("/ui/window/first-start-yes", test_first_start_yes);
  g_test_add_func ("/ui/window/first-start-no", test_first_start_no);
  g_test_add_func ("/ui/window/header-says-unit-and-database", test_header_says_unit_and_database);
  g_test_add_func ("/ui/window/views-by-role", test_views_by_role);
  g_test_add_func ("/ui/window/switcher-bar-when-narrow", test_switcher_bar_when_narrow);
  g_test_add_func ("/ui/window/find-person-shortcut", test_find_person_shortcut);
  g_test_add_func ("/ui/window/open-client-from-reception", test_open_client_from_reception);
  g_test_add_func ("/ui/window/not-a-database", test_not_a_database);
  g_test_add_func ("/ui/window/shortcuts-window", test_shortcuts_window);
  g_test_add_func ("/ui/window/unknown-user", test_unknown_user);
  g_test_add_func ("/ui/window/close-asks-about-contact", test_close_asks_about_contact);
  g_test_add_func ("/ui/window/quit-asks-about-contact", test_quit_asks_about_contact);
  g_test_add_func ("/ui/window/close-without-contact", test_close_without_contact);
  g_test_add_func ("/ui/window/second-start-other-database", test_second_start_other_database);

  return g_test_run ();
}
