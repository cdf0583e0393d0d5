/* test-server-away.c — the main window when the database server goes away (issue 6, 7)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs in the ui-pg suite only: the whole window (KhApplication, KhWindow)
 * on a database of its own on the test cluster, as its administrator
 * "tester". The server "goes away" for that window as a server that stopped
 * would: its session is ended (pg_terminate_backend) and new ones are
 * refused (CONNECT revoked on the test's database), while the superuser
 * beside it still counts rows. It "comes back" when CONNECT is granted
 * again: the store then connects by itself at its next attempt.
 */
#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include "ui/clients/kh-person-editor.h"
#include "ui/common/kh-person-fields.h"
#include "ui/intake/kh-intake-form.h"
#include "ui/intake/kh-reception-page.h"

#include "kh-shell-test.h"
#include "kh-test-ui.h"
#include "../store/pg-test-util.h"

typedef struct {
  KhShellFixture  shell;
  char           *dbname;
  PGconn         *turn;
  KhStore        *store;     /* borrowed: the window's */
  GtkWidget      *form;      /* borrowed */
  guint           n_saved;
  gint64          client_id; /* the person the last save was about */
} Fixture;

/* FALSE when run in Finnish or Swedish for pictures (KOHTAAMO_LOCALEDIR):
 * the words are then not compared. */
static gboolean in_english = TRUE;

static void
saved_cb (KhIntakeForm   *form,
          KhIntakeResult *result,
          Fixture        *f)
{
  f->n_saved++;
  f->client_id = result->client_id;
}

static gboolean
form_made_cb (gpointer data)
{
  Fixture *f = data;
  GtkWidget *page = kh_shell_fixture_get_view (&f->shell, "reception");

  return page != NULL && kh_reception_page_get_form (KH_RECEPTION_PAGE (page)) != NULL;
}

static void
set_up (Fixture *f)
{
  g_autofree char *conninfo = NULL;
  GtkWidget *page;

  kh_shell_fixture_init (&f->shell);
  f->dbname = pg_test_create_database ();
  f->turn = pg_test_take_turn ();
  conninfo = pg_test_conninfo (f->dbname, PG_TEST_ADMIN);
  g_setenv ("KOHTAAMO_DATABASE", conninfo, TRUE);
  kh_shell_fixture_start_as_is (&f->shell);
  g_assert_cmpstr (kh_window_get_state (f->shell.window), ==, "content");
  f->store = kh_window_get_store (f->shell.window);
  g_assert_true (kh_store_get_available (f->store));

  page = kh_shell_fixture_get_view (&f->shell, "reception");
  kh_reception_page_new_contact (KH_RECEPTION_PAGE (page));
  g_assert_true (kh_test_wait_until (form_made_cb, f, 10000));
  f->form = GTK_WIDGET (kh_reception_page_get_form (KH_RECEPTION_PAGE (page)));
  g_signal_connect (f->form, "saved", G_CALLBACK (saved_cb), f);
}

static void
tear_down (Fixture *f)
{
  g_signal_handlers_disconnect_by_func (f->form, saved_cb, f);
  kh_shell_fixture_clear (&f->shell);
  pg_test_drop_database (f->dbname);
  g_clear_pointer (&f->dbname, g_free);
  g_clear_pointer (&f->turn, PQfinish);
}

/* As the superuser, in the cluster's own database. */
static void
superuser_exec (const char *sql)
{
  PGconn *conn = pg_test_connect ("postgres");

  pg_test_exec (conn, sql);
  PQfinish (conn);
}

/* The server goes away for the window: its session ends, a new one is
 * refused. */
static void
server_goes_away (Fixture *f)
{
  g_autofree char *revoke = g_strdup_printf ("REVOKE CONNECT ON DATABASE %s FROM PUBLIC", f->dbname);
  g_autofree char *terminate = g_strdup_printf (
    "SELECT pg_terminate_backend (pid) FROM pg_stat_activity "
    "WHERE datname = '%s' AND usename = '" PG_TEST_ADMIN "'", f->dbname);

  superuser_exec (revoke);
  superuser_exec (terminate);
}

static void
server_comes_back (Fixture *f)
{
  g_autofree char *grant = g_strdup_printf ("GRANT CONNECT ON DATABASE %s TO PUBLIC", f->dbname);

  superuser_exec (grant);
}

static gint64
count (Fixture    *f,
       const char *sql)
{
  return pg_test_count (f->dbname, sql);
}

static GtkWidget *
window_child (Fixture    *f,
              const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (f->shell.window), KH_TYPE_WINDOW, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

static GtkWidget *
form_child (Fixture    *f,
            const char *name)
{
  return kh_test_ui_child (f->form, KH_TYPE_INTAKE_FORM, name);
}

static gboolean
away_cb (gpointer data)
{
  Fixture *f = data;

  return !kh_store_get_available (f->store);
}

static gboolean
back_cb (gpointer data)
{
  Fixture *f = data;

  return kh_store_get_available (f->store);
}

static gboolean
notice_shown (Fixture *f)
{
  return gtk_revealer_get_reveal_child (GTK_REVEALER (window_child (f, "offline_revealer")));
}

static gboolean
form_waits (Fixture *f)
{
  return gtk_revealer_get_reveal_child (GTK_REVEALER (form_child (f, "waiting_revealer")));
}

static gboolean
form_waits_cb (gpointer data)
{
  return form_waits (data);
}

static gboolean
saved_once_cb (gpointer data)
{
  Fixture *f = data;

  return f->n_saved == 1;
}

static gboolean
sensitive_cb (gpointer data)
{
  return gtk_widget_get_sensitive (data);
}

static const char *
text_of (Fixture    *f,
         const char *person_row)
{
  return gtk_editable_get_text (GTK_EDITABLE (kh_test_ui_person_child (f->form, person_row)));
}

/* The window says so calmly; a new person's intake typed and saved while
 * away waits at the form with all that was typed; saving again does not
 * make a second one; when the server is back, the notice goes by itself
 * and the contact is saved, once. */
static void
test_intake_waits_for_server (void)
{
  Fixture fixture = { 0 }, *f = &fixture;
  GtkWidget *offline_label;

  set_up (f);
  g_assert_false (notice_shown (f));

  server_goes_away (f);
  /* The store hears its session end (it listens on it). */
  g_assert_true (kh_test_wait_until (away_cb, f, 10000));
  g_assert_true (notice_shown (f));
  offline_label = window_child (f, "offline_label");
  if (in_english)
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (offline_label)), ==,
                     "The server cannot be reached. What you have typed is kept, and Kohtaamo keeps trying to connect.");
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (window_child (f, "offline_bar")),
                                   GTK_ACCESSIBLE_ROLE_STATUS);
  g_assert_true (gtk_widget_get_sensitive (window_child (f, "reconnect_button")));

  /* Typed while away, and saved. */
  kh_test_ui_fill_new_person (f->form, "Poissaolo", "Paula", "010594Y9021");
  kh_test_ui_fill_contact (f->form, KH_CHANNEL_PHONE, 2, "outcome_advice_check");
  g_assert_true (gtk_widget_activate_action (f->form, "intake.save", NULL));
  g_assert_true (kh_test_wait_until (form_waits_cb, f, 10000));
  kh_test_ui_screenshot (GTK_WIDGET (f->shell.window), "server-away");

  /* All kept, as typed; locked while it waits; nothing saved. */
  g_assert_cmpstr (text_of (f, "last_name_row"), ==, "Poissaolo");
  g_assert_cmpstr (text_of (f, "first_names_row"), ==, "Paula");
  g_assert_cmpstr (text_of (f, "identity_code_row"), ==, "010594Y9021");
  g_assert_false (gtk_widget_get_sensitive (form_child (f, "scroller")));
  if (in_english)
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (form_child (f, "status_label"))), ==,
                     "Waiting for the server…");
  g_assert_false (gtk_widget_get_visible (form_child (f, "error_label")));
  g_assert_cmpuint (f->n_saved, ==, 0);
  g_assert_cmpint (count (f, "SELECT count (*) FROM contacts"), ==, 0);

  /* Save again, and "Try Now", while still away: an attempt each, no
   * second save, still waiting. */
  g_assert_true (gtk_widget_activate_action (f->form, "intake.save", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->shell.window), "win.reconnect", NULL));
  g_assert_false (gtk_widget_get_sensitive (window_child (f, "reconnect_button")));
  g_assert_true (kh_test_wait_until (sensitive_cb, window_child (f, "reconnect_button"), 10000));
  g_assert_true (notice_shown (f));
  g_assert_true (form_waits (f));
  g_assert_cmpint (count (f, "SELECT count (*) FROM contacts"), ==, 0);

  /* Back: the store connects again by itself (at most 5 s after the last
   * attempt), the notice goes, and the contact is saved once. */
  server_comes_back (f);
  g_assert_true (kh_test_wait_until (back_cb, f, 20000));
  g_assert_false (notice_shown (f));
  g_assert_true (kh_test_wait_until (saved_once_cb, f, 10000));
  g_assert_false (form_waits (f));
  g_assert_true (gtk_widget_get_sensitive (form_child (f, "scroller")));
  g_assert_cmpint (count (f, "SELECT count (*) FROM contacts"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count (*) FROM clients WHERE last_name = 'Poissaolo' "
                             "AND first_names = 'Paula'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count (*) FROM contacts WHERE request_id IS NOT NULL"), ==, 1);
  /* The form is ready for the next contact. */
  g_assert_cmpstr (text_of (f, "last_name_row"), ==, "");
  g_assert_cmpuint (f->n_saved, ==, 1);

  tear_down (f);
}

static GtkWidget *
page_child (Fixture    *f,
            const char *name)
{
  GtkWidget *page = kh_shell_fixture_get_view (&f->shell, "reception");
  GObject *child = gtk_widget_get_template_child (page, KH_TYPE_RECEPTION_PAGE, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

static const char *
contacts_heading (Fixture *f)
{
  return gtk_label_get_text (GTK_LABEL (page_child (f, "contacts_count")));
}

static gboolean
one_contact_listed_cb (gpointer data)
{
  Fixture *f = data;

  return (!in_english || g_strcmp0 (contacts_heading (f), "1 contact") == 0)
         && g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (page_child (f, "contacts_stack"))),
                       "list") == 0;
}

static gboolean
two_contacts_listed_cb (gpointer data)
{
  Fixture *f = data;

  return in_english ? g_strcmp0 (contacts_heading (f), "2 contacts") == 0
                    : strstr (contacts_heading (f), "2") != NULL;
}

static void
lists_shown_cb (GtkWidget *page,
                guint     *n)
{
  (*n)++;
}

static gboolean
count_reached_cb (gpointer data)
{
  return *(guint *) data > 0;
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

static void
save_anonymous (Fixture *f,
                guint    need)
{
  gtk_switch_set_active (GTK_SWITCH (form_child (f, "anonymous_switch")), TRUE);
  kh_test_ui_fill_contact (f->form, KH_CHANNEL_PHONE, need, "outcome_advice_check");
  g_assert_true (gtk_widget_activate_action (f->form, "intake.save", NULL));
}

/* A save that the store itself keeps (an anonymous contact goes straight
 * to it): the same calm wait, and one contact once the server is back.
 * The list of today's contacts keeps its row while away. */
static void
test_parked_save_saved_once (void)
{
  Fixture fixture = { 0 }, *f = &fixture;
  GtkWidget *page;
  guint lists_read = 0;

  set_up (f);
  page = kh_shell_fixture_get_view (&f->shell, "reception");

  /* One contact saved while the server is there: the list shows it. */
  save_anonymous (f, 3);
  g_assert_true (kh_test_wait_until (saved_once_cb, f, 10000));
  g_assert_true (kh_test_wait_until (one_contact_listed_cb, f, 10000));

  server_goes_away (f);
  g_assert_true (kh_test_wait_until (away_cb, f, 10000));

  /* Read again while away: the list keeps its row and its heading. */
  g_signal_connect (page, "lists-shown", G_CALLBACK (lists_shown_cb), &lists_read);
  kh_reception_page_refresh (KH_RECEPTION_PAGE (page));
  g_assert_true (kh_test_wait_until (count_reached_cb, &lists_read, 10000));
  g_signal_handlers_disconnect_by_func (page, lists_shown_cb, &lists_read);
  g_assert_true (one_contact_listed_cb (f));
  g_assert_true (notice_shown (f));
  kh_test_ui_screenshot (GTK_WIDGET (f->shell.window), "server-away-lists");

  f->n_saved = 0;
  kh_reception_page_new_contact (KH_RECEPTION_PAGE (page));
  save_anonymous (f, 4);
  g_assert_true (kh_test_wait_until (form_waits_cb, f, 10000));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (form_child (f, "anonymous_switch"))));
  g_assert_cmpuint (f->n_saved, ==, 0);
  g_assert_cmpint (count (f, "SELECT count (*) FROM contacts"), ==, 1);

  /* Closing the window while it waits asks at once; "Keep Waiting"
   * keeps the window, the form and the save. */
  gtk_window_close (GTK_WINDOW (f->shell.window));
  g_assert_true (kh_test_wait_until (dialog_shown_cb, NULL, 5000));
  if (in_english)
    g_assert_cmpstr (adw_message_dialog_get_heading (find_message_dialog ()), ==,
                     "The Contact Waits for the Server");
  kh_test_ui_screenshot (GTK_WIDGET (find_message_dialog ()), "server-away-close");
  /* As its button does: the response, then the dialog goes. */
  {
    AdwMessageDialog *dialog = find_message_dialog ();

    adw_message_dialog_response (dialog, "keep");
    gtk_window_destroy (GTK_WINDOW (dialog));
  }
  g_assert_true (kh_test_wait_until (dialog_gone_cb, NULL, 5000));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->shell.window)));
  g_assert_true (form_waits (f));

  server_comes_back (f);
  /* "Try Now" instead of the next planned attempt. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->shell.window), "win.reconnect", NULL));
  g_assert_true (kh_test_wait_until (back_cb, f, 20000));
  g_assert_true (kh_test_wait_until (saved_once_cb, f, 10000));
  g_assert_false (notice_shown (f));
  g_assert_false (form_waits (f));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (form_child (f, "anonymous_switch"))));
  g_assert_cmpint (count (f, "SELECT count (*) FROM contacts WHERE client_id IS NULL"), ==, 2);
  g_assert_cmpint (count (f, "SELECT count (*) FROM contacts WHERE request_id IS NOT NULL"), ==, 2);
  g_assert_cmpint (count (f, "SELECT count (DISTINCT request_id) FROM contacts"), ==, 2);
  /* Read again now that the server is back (the store's "changed"). */
  g_assert_true (kh_test_wait_until (two_contacts_listed_cb, f, 10000));

  tear_down (f);
}

static void
got_client_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  KhClient **client = user_data;
  g_autoptr(GError) error = NULL;

  *client = kh_store_get_client_finish (KH_STORE (object), result, &error);
  g_assert_no_error (error);
}

static void
editor_saved_cb (KhPersonEditor *editor,
                 gint64          client_id,
                 gint64         *saved)
{
  *saved = client_id;
}

static gboolean
editor_idle_cb (gpointer data)
{
  GObject *save = gtk_widget_get_template_child (data, KH_TYPE_PERSON_EDITOR, "save_button");

  return gtk_widget_get_sensitive (GTK_WIDGET (save));
}

static gboolean
pointer_set_cb (gpointer data)
{
  return *(gpointer *) data != NULL;
}

static gboolean
id_set_cb (gpointer data)
{
  return *(gint64 *) data != 0;
}

/* The other forms that save do not wait: a person's details saved while
 * away fail calmly at the form, everything typed kept, and save when the
 * user saves again once the server is back — once (the version moves by
 * one). */
static void
test_person_editor_keeps_typing (void)
{
  Fixture fixture = { 0 }, *f = &fixture;
  g_autoptr(KhClient) client = NULL;
  GtkWidget *editor;
  GtkWidget *fields;
  GtkWidget *phone;
  GtkLabel *general;
  gint64 saved = 0;

  set_up (f);
  kh_test_ui_fill_new_person (f->form, "Muokattava", "Maria", "010594Y943B");
  kh_test_ui_fill_contact (f->form, KH_CHANNEL_PHONE, 1, "outcome_advice_check");
  g_assert_true (gtk_widget_activate_action (f->form, "intake.save", NULL));
  g_assert_true (kh_test_wait_until (saved_once_cb, f, 10000));
  g_assert_cmpint (f->client_id, >, 0);

  kh_store_get_client_async (f->store, f->client_id, KH_ACCESS_EDIT, KH_BASIS_INTAKE, NULL,
                             got_client_cb, &client);
  g_assert_true (kh_test_wait_until (pointer_set_cb, &client, 10000));
  g_assert_cmpint (client->version, ==, 1);
  editor = kh_person_editor_new (f->store, client);
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (f->shell.window));
  g_signal_connect (editor, "saved", G_CALLBACK (editor_saved_cb), &saved);
  gtk_window_present (GTK_WINDOW (editor));
  fields = GTK_WIDGET (gtk_widget_get_template_child (editor, KH_TYPE_PERSON_EDITOR, "fields"));
  phone = GTK_WIDGET (gtk_widget_get_template_child (fields, KH_TYPE_PERSON_FIELDS, "phone_row"));
  general = GTK_LABEL (gtk_widget_get_template_child (fields, KH_TYPE_PERSON_FIELDS, "general_error_label"));
  gtk_editable_set_text (GTK_EDITABLE (phone), "040 765 4321");

  server_goes_away (f);
  g_assert_true (kh_test_wait_until (away_cb, f, 10000));
  kh_person_editor_save (KH_PERSON_EDITOR (editor));
  g_assert_true (kh_test_wait_until (editor_idle_cb, editor, 10000));
  /* Said at the form; the editor open, the number as typed; nothing saved. */
  g_assert_true (gtk_widget_get_visible (editor));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (general)));
  if (in_english)
    g_assert_nonnull (strstr (gtk_label_get_text (general), "cannot be reached"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (phone)), ==, "040 765 4321");
  g_assert_cmpint (saved, ==, 0);
  g_assert_cmpint (count (f, "SELECT count (*) FROM clients WHERE phone_digits = '0407654321'"), ==, 0);
  kh_test_ui_screenshot (editor, "server-away-person-editor");

  server_comes_back (f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->shell.window), "win.reconnect", NULL));
  g_assert_true (kh_test_wait_until (back_cb, f, 20000));
  kh_person_editor_save (KH_PERSON_EDITOR (editor));
  g_assert_true (kh_test_wait_until (id_set_cb, &saved, 10000));
  g_assert_cmpint (saved, ==, f->client_id);
  g_assert_cmpint (count (f, "SELECT count (*) FROM clients WHERE phone_digits = '0407654321' "
                             "AND version = 2"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count (*) FROM clients"), ==, 1);

  tear_down (f);
}

int
main (int   argc,
      char *argv[])
{
  kh_shell_test_init (&argc, &argv);
  /* Pictures in Finnish and Swedish: KOHTAAMO_LOCALEDIR (the build
   * tree's po/), LANGUAGE and KH_TEST_SCREENSHOTS from outside. */
  if (g_getenv ("KOHTAAMO_LOCALEDIR") != NULL)
    {
      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("KOHTAAMO_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
      in_english = FALSE;
    }

  /* Registered in the ui-pg suite only (tests/ui/meson.build). */
  g_assert_true (pg_test_engine ());
  g_test_add_func ("/ui-pg/server-away/intake-waits-for-server", test_intake_waits_for_server);
  g_test_add_func ("/ui-pg/server-away/parked-save-saved-once", test_parked_save_saved_once);
  g_test_add_func ("/ui-pg/server-away/person-editor-keeps-typing", test_person_editor_keeps_typing);

  return g_test_run ();
}
