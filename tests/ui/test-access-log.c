/* test-access-log.c — the access-log view of the lead social worker and the administrator
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "core/kh-hetu.h"
#include "ui/clients/kh-access-log-page.h"
#include "ui/clients/kh-clients-page.h"
#include "ui/clients/kh-person-page.h"

#include "kh-shell-test.h"
#include "kh-test-ui.h"

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

/* `times` more logged reads of a person's page, in one transaction. */
static void
read_more (KhShellFixture *shell,
           gint64          client_id,
           guint           times)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhDb) db = NULL;
  g_autoptr(KhUser) user = NULL;

  db = kh_shell_fixture_open_db (shell, &user);
  g_assert_true (kh_db_begin (db, &error));
  for (guint i = 0; i < times; i++)
    {
      g_autoptr(KhClient) read = kh_db_get_client (db, user, client_id, KH_ACCESS_PAGE,
                                                   KH_BASIS_CLIENT_RELATIONSHIP, &error);

      g_assert_no_error (error);
    }
  g_assert_true (kh_db_commit (db, &error));
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  GtkWidget *child;

  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The person's log in its own window over the main window, or NULL. */
static KhAccessLogPage *
find_person_log (KhShellFixture *fixture)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (window != GTK_WIDGET (fixture->window) && gtk_widget_get_visible (window))
        {
          GtkWidget *page = find_descendant (window, KH_TYPE_ACCESS_LOG_PAGE);

          if (page != NULL)
            return KH_ACCESS_LOG_PAGE (page);
        }
    }

  return NULL;
}

static gboolean
person_log_open_cb (gpointer data)
{
  return find_person_log (data) != NULL;
}

typedef struct {
  KhAccessLogPage *page;
  guint            at_least;
} LoadedWait;

static gboolean
loaded_at_least_cb (gpointer data)
{
  LoadedWait *wait = data;

  return g_list_model_get_n_items (kh_access_log_page_get_model (wait->page)) >= wait->at_least;
}

static gboolean
person_shown_cb (gpointer data)
{
  return kh_person_page_get_client (data) != NULL;
}

/* The unit's log shows the newest 500 rows and says so; a person's older
 * reads are all on their own log, reached from their page. */
static void
test_person_log_is_whole (void)
{
  KhShellFixture fixture = { 0 };
  AdwViewStack *stack;
  KhAccessLogPage *page;
  KhAccessLogPage *person_log;
  KhPersonPage *person_page;
  GtkWidget *clients;
  GtkWidget *limit_label;
  LoadedWait wait;
  GListModel *model;
  gint64 aino;
  gint64 elsa;

  kh_shell_fixture_init (&fixture);
  aino = seed_and_read (&fixture, "Mäkinen", "Aino", 961);
  read_more (&fixture, aino, 599);
  elsa = seed_and_read (&fixture, "Åberg", "Elsa", 962);
  read_more (&fixture, elsa, 520);
  kh_shell_fixture_start (&fixture);

  /* The unit's log: only the newest 500, all Elsa's, and a note. */
  page = KH_ACCESS_LOG_PAGE (kh_shell_fixture_get_view (&fixture, "log"));
  stack = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (fixture.window), KH_TYPE_WINDOW, "view_stack"));
  adw_view_stack_set_visible_child_name (stack, "log");
  g_assert_true (kh_test_wait_until (log_loaded_cb, page, 10000));
  model = kh_access_log_page_get_model (page);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 500);
  g_assert_cmpuint (count_for (model, "Mäkinen, Aino", 0), ==, 0);
  limit_label = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page), KH_TYPE_ACCESS_LOG_PAGE, "limit_label"));
  g_assert_true (gtk_widget_get_visible (limit_label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (limit_label)), "500"));
  kh_test_spin (200);
  kh_test_ui_screenshot (GTK_WIDGET (fixture.window), "access-log-newest");

  /* Aino's page has her whole log. */
  clients = kh_shell_fixture_get_view (&fixture, "clients");
  adw_view_stack_set_visible_child_name (stack, "clients");
  person_page = KH_PERSON_PAGE (gtk_widget_get_template_child (clients, KH_TYPE_CLIENTS_PAGE, "person_page"));
  kh_clients_page_show_client (KH_CLIENTS_PAGE (clients), aino);
  g_assert_true (kh_test_wait_until (person_shown_cb, person_page, 10000));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (person_page),
                                                                                    KH_TYPE_PERSON_PAGE, "log_group"))));
  kh_test_ui_screenshot (GTK_WIDGET (fixture.window), "access-log-person-page");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (person_page), "person.show-log", NULL));
  g_assert_true (kh_test_wait_until (person_log_open_cb, &fixture, 10000));
  person_log = find_person_log (&fixture);
  wait.page = person_log;
  wait.at_least = 600;
  g_assert_true (kh_test_wait_until (loaded_at_least_cb, &wait, 10000));

  model = kh_access_log_page_get_model (person_log);
  /* 600 reads of her page (and the opening just now), nobody else's rows. */
  g_assert_cmpuint (count_for (model, "Mäkinen, Aino", KH_ACCESS_PAGE), ==, 601);
  g_assert_cmpuint (count_for (model, "Åberg, Elsa", 0), ==, 0);
  limit_label = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (person_log), KH_TYPE_ACCESS_LOG_PAGE, "limit_label"));
  g_assert_false (gtk_widget_get_visible (limit_label));
  kh_test_spin (200);
  kh_test_ui_screenshot (GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (person_log))),
                         "access-log-person");

  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (person_log))));
  kh_shell_fixture_clear (&fixture);
}

/* Only those who may read the log see the row on a person's page. */
static void
test_person_log_by_role (void)
{
  static const struct {
    KhRole   role;
    gboolean sees_row;
  } cases[] = {
    { KH_ROLE_RECEPTION, FALSE },
    { KH_ROLE_SOCIAL_WORKER, FALSE },
    { KH_ROLE_LEAD, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      KhShellFixture fixture = { 0 };
      g_autoptr(GError) error = NULL;
      GtkWidget *clients;
      GtkWidget *person_page;
      GtkWidget *group;

      kh_shell_fixture_init (&fixture);
      {
        g_autoptr(KhDb) db = kh_db_open (fixture.path, &error);
        g_autoptr(KhUser) admin = NULL;
        g_autoptr(KhUser) own = NULL;

        g_assert_no_error (error);
        admin = kh_db_save_user (db, "kohtaamo-test-admin", "Ilona Lindqvist", KH_ROLE_ADMIN, TRUE, &error);
        g_assert_no_error (error);
        own = kh_db_save_user (db, g_get_user_name (), "Pirjo Testinen", cases[i].role, TRUE, &error);
        g_assert_no_error (error);
      }
      kh_shell_fixture_start (&fixture);
      clients = kh_shell_fixture_get_view (&fixture, "clients");
      person_page = GTK_WIDGET (gtk_widget_get_template_child (clients, KH_TYPE_CLIENTS_PAGE, "person_page"));
      group = GTK_WIDGET (gtk_widget_get_template_child (person_page, KH_TYPE_PERSON_PAGE, "log_group"));
      g_assert_cmpint (gtk_widget_get_visible (group), ==, cases[i].sees_row);

      kh_shell_fixture_clear (&fixture);
    }
}

int
main (int   argc,
      char *argv[])
{
  kh_shell_test_init (&argc, &argv);

  g_test_add_func ("/ui/access-log/lists-and-filters", test_lists_and_filters);
  g_test_add_func ("/ui/access-log/person-log-is-whole", test_person_log_is_whole);
  g_test_add_func ("/ui/access-log/person-log-by-role", test_person_log_by_role);

  return g_test_run ();
}
