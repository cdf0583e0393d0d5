/* test-access-log.c — the access-log view of the lead social worker and the administrator
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "core/kh-hetu.h"
#include "ui/clients/kh-access-log-page.h"

#include "kh-shell-test.h"

static gint64
seed_and_read (KhShellFixture *shell,
               const char     *last_name,
               const char     *first_names,
               guint           individual)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhDb) db = NULL;
  g_autoptr(KhUser) user = NULL;
  g_autoptr(KhClient) client = kh_client_new ();
  g_autoptr(KhClient) read = NULL;
  GDate birth;
  gint64 id;

  db = kh_shell_fixture_open_db (shell, &user);

  g_date_clear (&birth, 1);
  g_date_set_dmy (&birth, 2, G_DATE_APRIL, 1948);
  client->identity_kind = KH_IDENTITY_CODE;
  client->identity_code = kh_hetu_make (&birth, individual, 0);
  client->birth_date = g_strdup ("1948-04-02");
  client->last_name = g_strdup (last_name);
  client->first_names = g_strdup (first_names);
  client->language = KH_LANGUAGE_SV;

  id = kh_db_save_client (db, user, client, &error);
  g_assert_no_error (error);

  /* One logged read of the person's page. */
  read = kh_db_get_client (db, user, id, KH_ACCESS_PAGE, KH_BASIS_CLIENT_RELATIONSHIP, &error);
  g_assert_no_error (error);

  return id;
}

static gboolean
log_loaded_cb (gpointer data)
{
  KhAccessLogPage *page = data;

  return g_list_model_get_n_items (kh_access_log_page_get_model (page)) > 0;
}

static guint
count_for (GListModel    *model,
           const char    *client_name,
           KhAccessWhat   what)
{
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(KhAccessEntry) entry = g_list_model_get_item (model, i);

      if (g_strcmp0 (entry->client_name, client_name) == 0 && (what == 0 || entry->what == what))
        count++;
    }

  return count;
}

static void
test_lists_and_filters (void)
{
  KhShellFixture fixture = { 0 };
  AdwViewStack *stack;
  KhAccessLogPage *page;
  GListModel *model;
  GtkEditable *filter;
  guint all;

  kh_shell_fixture_init (&fixture);
  seed_and_read (&fixture, "Mäkinen", "Aino", 961);
  seed_and_read (&fixture, "Åberg", "Elsa", 962);
  kh_shell_fixture_start (&fixture);

  page = KH_ACCESS_LOG_PAGE (kh_shell_fixture_get_view (&fixture, "log"));
  g_assert_true (KH_IS_ACCESS_LOG_PAGE (page));
  model = kh_access_log_page_get_model (page);

  /* The log is read only when the view is shown. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  stack = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (fixture.window), KH_TYPE_WINDOW, "view_stack"));
  adw_view_stack_set_visible_child_name (stack, "log");
  g_assert_true (kh_test_wait_until (log_loaded_cb, page, 10000));

  g_assert_cmpuint (count_for (model, "Mäkinen, Aino", KH_ACCESS_PAGE), ==, 1);
  g_assert_cmpuint (count_for (model, "Åberg, Elsa", KH_ACCESS_PAGE), ==, 1);
  all = g_list_model_get_n_items (model);

  /* Filtering by name folds case and ä/a. */
  filter = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (page), KH_TYPE_ACCESS_LOG_PAGE, "filter_entry"));
  gtk_editable_set_text (filter, "maki");
  g_signal_emit_by_name (filter, "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), <, all);
  g_assert_cmpuint (count_for (model, "Åberg, Elsa", 0), ==, 0);
  g_assert_cmpuint (count_for (model, "Mäkinen, Aino", KH_ACCESS_PAGE), ==, 1);

  gtk_editable_set_text (filter, "Nobody Here");
  g_signal_emit_by_name (filter, "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);

  gtk_editable_set_text (filter, "");
  g_signal_emit_by_name (filter, "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, all);

  kh_shell_fixture_clear (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  kh_shell_test_init (&argc, &argv);

  g_test_add_func ("/ui/access-log/lists-and-filters", test_lists_and_filters);

  return g_test_run ();
}
