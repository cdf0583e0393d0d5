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

static gpointer
child (KhAccessLogPage *page,
       const char      *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (page), KH_TYPE_ACCESS_LOG_PAGE, name);
}

typedef struct {
  KhAccessLogPage *page;
  const char      *heading;
} HeadingWait;

static gboolean
heading_is_cb (gpointer data)
{
  HeadingWait *wait = data;

  return g_strcmp0 (gtk_label_get_text (child (wait->page, "count_label")), wait->heading) == 0;
}

/* Waits until the heading says `heading` (the page's read has come back). */
static void
wait_heading (KhAccessLogPage *page,
              const char      *heading)
{
  HeadingWait wait = { page, heading };

  if (!kh_test_wait_until (heading_is_cb, &wait, 10000))
    for (guint i = 0; i < g_list_model_get_n_items (kh_access_log_page_get_model (page)); i++)
      {
        g_autoptr(KhAccessEntry) e = g_list_model_get_item (kh_access_log_page_get_model (page), i);
        g_autofree char *t = g_date_time_format (e->at, "%T");
        g_printerr ("row %s %d %s %ld\n", t, e->what, e->client_name, (long) e->id);
      }
  if (!heading_is_cb (&wait))
    g_error ("The heading is “%s”, not “%s”", gtk_label_get_text (child (page, "count_label")), heading);
}

typedef struct {
  KhAccessLogPage *page;
  const char      *client_name;
  KhAccessWhat     what;
  guint            n;
} RowsWait;

static gboolean
rows_are_cb (gpointer data)
{
  RowsWait *wait = data;

  return count_for (kh_access_log_page_get_model (wait->page), wait->client_name, wait->what) == wait->n;
}

/* Waits until the page shows `n` rows of `what` about the person (a read
 * whose heading may be the same as the one before it). */
static void
wait_rows (KhAccessLogPage *page,
           const char      *client_name,
           KhAccessWhat     what,
           guint            n)
{
  RowsWait wait = { page, client_name, what, n };

  g_assert_true (kh_test_wait_until (rows_are_cb, &wait, 10000));
}

static gboolean
users_listed_cb (gpointer data)
{
  return g_list_model_get_n_items (gtk_drop_down_get_model (child (data, "user_dropdown"))) == 2;
}

static KhAccessLogPage *
show_log (KhShellFixture *fixture)
{
  KhAccessLogPage *page = KH_ACCESS_LOG_PAGE (kh_shell_fixture_get_view (fixture, "log"));
  AdwViewStack *stack;

  g_assert_true (KH_IS_ACCESS_LOG_PAGE (page));
  /* The log is read only when the view is shown. */
  g_assert_cmpuint (g_list_model_get_n_items (kh_access_log_page_get_model (page)), ==, 0);
  stack = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (fixture->window), KH_TYPE_WINDOW, "view_stack"));
  adw_view_stack_set_visible_child_name (stack, "log");
  g_assert_true (kh_test_wait_until (log_loaded_cb, page, 10000));
  return page;
}

static void
type_person (KhAccessLogPage *page,
             const char      *text)
{
  GtkEditable *entry = child (page, "person_entry");

  gtk_editable_set_text (entry, text);
  g_signal_emit_by_name (entry, "search-changed");
}

static void
type_dates (KhAccessLogPage *page,
            const char      *from,
            const char      *to)
{
  gtk_editable_set_text (child (page, "from_entry"), from);
  gtk_editable_set_text (child (page, "to_entry"), to);
  g_signal_emit_by_name (child (page, "to_entry"), "activate");
}

static guint
what_row (KhAccessLogPage *page,
          KhAccessWhat     what)
{
  GListModel *model = gtk_drop_down_get_model (child (page, "what_dropdown"));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), kh_access_what_label (what)) == 0)
      return i;
  g_assert_not_reached ();
}

/* Each filter is asked of the store: the heading gives the total that
 * matches, written out here from what the test wrote. Bad dates are told
 * at the field and change nothing. */
static void
test_lists_and_filters (void)
{
  KhShellFixture fixture = { 0 };
  KhAccessLogPage *page;
  GListModel *model;

  kh_shell_fixture_init (&fixture);
  seed_and_read (&fixture, "Mäkinen", "Aino", 961);
  seed_and_read (&fixture, "Åberg", "Elsa", 962);
  kh_shell_fixture_start (&fixture);

  page = show_log (&fixture);
  model = kh_access_log_page_get_model (page);
  g_assert_cmpuint (count_for (model, "Mäkinen, Aino", KH_ACCESS_PAGE), ==, 1);
  g_assert_cmpuint (count_for (model, "Åberg, Elsa", KH_ACCESS_PAGE), ==, 1);

  /* A name: prefixes of its words, case and ä/a folded. Her rows: her
   * page opened, and the first showing of the log, which had her rows
   * (reading the log is logged per person, issue 6, 5). */
  type_person (page, "maki");
  wait_rows (page, "Mäkinen, Aino", KH_ACCESS_ACCESS_LOG, 1);
  wait_heading (page, "Entries 1–2 of 2");
  g_assert_cmpuint (count_for (model, "Mäkinen, Aino", KH_ACCESS_PAGE), ==, 1);
  g_assert_cmpuint (count_for (model, "Åberg, Elsa", 0), ==, 0);
  type_person (page, "Nobody Here");
  wait_heading (page, "No entries");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (page, "stack")), ==, "empty");
  type_person (page, "");

  /* A kind: the two pages opened. */
  gtk_drop_down_set_selected (child (page, "what_dropdown"), what_row (page, KH_ACCESS_PAGE));
  wait_heading (page, "Entries 1–2 of 2");
  g_assert_cmpuint (count_for (model, "Åberg, Elsa", KH_ACCESS_PAGE), ==, 1);
  g_assert_cmpuint (count_for (model, "Mäkinen, Aino", KH_ACCESS_PAGE), ==, 1);
  /* The user: the test's account wrote them all. */
  g_assert_true (kh_test_wait_until (users_listed_cb, page, 10000));
  gtk_drop_down_set_selected (child (page, "user_dropdown"), 1);
  wait_heading (page, "Entries 1–2 of 2");
  gtk_drop_down_set_selected (child (page, "what_dropdown"), 0);

  /* A date range before anything was written: nothing. */
  type_dates (page, "1.1.2000", "31.12.2000");
  wait_heading (page, "No entries");
  g_assert_false (gtk_widget_get_visible (child (page, "date_error_label")));

  /* Bad dates are told at the field; what was typed stays, and so do the rows. */
  type_dates (page, "32.1.2026", "");
  g_assert_true (gtk_widget_get_visible (child (page, "date_error_label")));
  g_assert_cmpstr (gtk_label_get_text (child (page, "date_error_label")), ==,
                   "Type the date as d.m.yyyy, for example 2.3.2026.");
  g_assert_true (gtk_widget_has_css_class (child (page, "from_entry"), "error"));
  g_assert_cmpstr (gtk_editable_get_text (child (page, "from_entry")), ==, "32.1.2026");
  type_dates (page, "2.3.2026", "1.3.2026");
  g_assert_cmpstr (gtk_label_get_text (child (page, "date_error_label")), ==,
                   "The first day is after the last day.");
  g_assert_cmpstr (gtk_label_get_text (child (page, "count_label")), ==, "No entries");
  type_dates (page, "", "");
  g_assert_false (gtk_widget_get_visible (child (page, "date_error_label")));
  g_assert_false (gtk_widget_has_css_class (child (page, "from_entry"), "error"));

  /* Enter on a row takes only that person; export is then possible.
   * (Only the page opened: each showing above logged her log as read.) */
  gtk_drop_down_set_selected (child (page, "what_dropdown"), what_row (page, KH_ACCESS_PAGE));
  type_person (page, "aberg");
  wait_heading (page, "Entry 1–1 of 1");
  g_assert_false (gtk_widget_is_sensitive (child (page, "export_button")));
  g_signal_emit_by_name (child (page, "column_view"), "activate", 0);
  g_assert_true (gtk_widget_get_visible (child (page, "person_chip")));
  g_assert_false (gtk_widget_get_visible (child (page, "person_entry")));
  g_assert_cmpstr (gtk_label_get_text (child (page, "person_label")), ==, "Only Åberg, Elsa");
  g_assert_cmpstr (gtk_editable_get_text (child (page, "person_entry")), ==, "");
  wait_heading (page, "Entry 1–1 of 1");
  g_assert_true (gtk_widget_is_sensitive (child (page, "export_button")));
  kh_test_ui_screenshot (GTK_WIDGET (fixture.window), "access-log-one-person");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "log.clear-person", NULL));
  g_assert_false (gtk_widget_is_sensitive (child (page, "export_button")));
  g_assert_true (gtk_widget_get_visible (child (page, "person_entry")));

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

static gboolean
person_shown_cb (gpointer data)
{
  return kh_person_page_get_client (data) != NULL;
}

static void
exported_cb (KhAccessLogPage *page,
             gboolean         ok,
             int             *result)
{
  *result = ok ? 1 : 0;
}

static gboolean
int_set_cb (gpointer data)
{
  return *(int *) data >= 0;
}

/* The unit's log pages through every row, newer and older, with the total
 * in the heading; a person's page opens their log, which exports their
 * extract in their language (Swedish here, the UI being English). */
static void
test_paging_and_person_log (void)
{
  KhShellFixture fixture = { 0 };
  AdwViewStack *stack;
  KhAccessLogPage *page;
  KhAccessLogPage *person_log;
  KhPersonPage *person_page;
  GtkWidget *clients;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = NULL;
  g_auto(GStrv) lines = NULL;
  int exported = -1;
  gint64 aino;
  gint64 elsa;

  kh_shell_fixture_init (&fixture);
  aino = seed_and_read (&fixture, "Mäkinen", "Aino", 961);
  read_more (&fixture, aino, 250);
  elsa = seed_and_read (&fixture, "Åberg", "Elsa", 962);
  read_more (&fixture, elsa, 520);
  kh_shell_fixture_start (&fixture);

  /* Everyone: 251 + 521 rows, and no cap. */
  page = show_log (&fixture);
  wait_heading (page, "Entries 1–100 of 772");

  /* Aino's 251 rows by name. Reading them is logged once in this showing
   * (issue 6, 5): from the second page on, her 252nd row, the newest, is
   * this read, so her 251 earlier rows are entries 2–252. */
  type_person (page, "mäkinen");
  wait_heading (page, "Entries 1–100 of 251");
  g_assert_false (gtk_widget_is_sensitive (child (page, "newer_button")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "log.older", NULL));
  wait_heading (page, "Entries 102–201 of 252");
  g_assert_true (gtk_widget_is_sensitive (child (page, "newer_button")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "log.older", NULL));
  wait_heading (page, "Entries 202–252 of 252");
  g_assert_cmpuint (g_list_model_get_n_items (kh_access_log_page_get_model (page)), ==, 51);
  g_assert_false (gtk_widget_is_sensitive (child (page, "older_button")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "log.newer", NULL));
  wait_heading (page, "Entries 102–201 of 252");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "log.oldest", NULL));
  wait_heading (page, "Entries 153–252 of 252");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "log.newest", NULL));
  wait_heading (page, "Entries 1–100 of 252");
  g_assert_cmpuint (count_for (kh_access_log_page_get_model (page), "Mäkinen, Aino",
                               KH_ACCESS_ACCESS_LOG), ==, 1);
  kh_test_ui_screenshot (GTK_WIDGET (fixture.window), "access-log-filtered");

  /* Aino's page has her log. */
  clients = kh_shell_fixture_get_view (&fixture, "clients");
  stack = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (fixture.window), KH_TYPE_WINDOW, "view_stack"));
  adw_view_stack_set_visible_child_name (stack, "clients");
  person_page = KH_PERSON_PAGE (gtk_widget_get_template_child (clients, KH_TYPE_CLIENTS_PAGE, "person_page"));
  kh_clients_page_show_client (KH_CLIENTS_PAGE (clients), aino);
  g_assert_true (kh_test_wait_until (person_shown_cb, person_page, 10000));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (person_page),
                                                                                    KH_TYPE_PERSON_PAGE, "log_group"))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (person_page), "person.show-log", NULL));
  g_assert_true (kh_test_wait_until (person_log_open_cb, &fixture, 10000));
  person_log = find_person_log (&fixture);
  g_assert_true (kh_test_wait_until (log_loaded_cb, person_log, 10000));
  g_assert_cmpuint (g_list_model_get_n_items (kh_access_log_page_get_model (person_log)), ==, 100);
  g_assert_cmpuint (count_for (kh_access_log_page_get_model (person_log), "Åberg, Elsa", 0), ==, 0);
  g_assert_cmpuint (kh_access_log_page_get_total (person_log), >=, 252);
  g_assert_false (gtk_widget_get_visible (child (person_log, "filter_box")));
  g_assert_true (gtk_widget_is_sensitive (child (person_log, "export_button")));

  /* The extract: Swedish, every row, oldest first; the export is logged. */
  dir = g_dir_make_tmp ("kohtaamo-export-XXXXXX", NULL);
  path = g_build_filename (dir, "utdrag.csv", NULL);
  file = g_file_new_for_path (path);
  g_signal_connect (person_log, "exported", G_CALLBACK (exported_cb), &exported);
  kh_access_log_page_export_to_file (person_log, file);
  g_assert_true (kh_test_wait_until (int_set_cb, &exported, 10000));
  g_assert_cmpint (exported, ==, 1);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBFTid;Användare;Vad som lästes;Grund\r\n"));
  lines = g_strsplit (contents, "\r\n", -1);
  /* The heading, every row the log had when it was shown and its own read, and "" */
  g_assert_cmpuint (g_strv_length (lines), >=, 1 + 252 + 1);
  g_assert_true (g_str_has_suffix (lines[1], ";Personens sida öppnad;Klientrelation"));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (child (person_log, "note_label")),
                                   "The extract was saved to "));
  kh_test_ui_screenshot (GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (person_log))), "access-log-person-exported");
  g_unlink (path);
  g_rmdir (dir);

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
        admin = kh_db_save_user (db, NULL, "kohtaamo-test-admin", "Ilona Lindqvist", KH_ROLE_ADMIN, TRUE, &error);
        g_assert_no_error (error);
        own = kh_db_save_user (db, admin, g_get_user_name (), "Pirjo Testinen", cases[i].role, TRUE, &error);
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
  g_test_add_func ("/ui/access-log/paging-and-person-log", test_paging_and_person_log);
  g_test_add_func ("/ui/access-log/person-log-by-role", test_person_log_by_role);

  return g_test_run ();
}
