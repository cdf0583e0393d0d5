/* test-person-page.c — a person's page: what it shows, what it logs, editing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <glib/gi18n-lib.h>

#include "core/kh-hetu.h"
#include "ui/clients/kh-clients-page.h"
#include "ui/clients/kh-person-editor.h"
#include "ui/clients/kh-person-page.h"
#include "ui/common/kh-field-message.h"
#include "ui/common/kh-person-fields.h"
#include "ui/intake/kh-contact-window.h"
#include "ui/common/kh-text-row.h"

#include "kh-shell-test.h"
#include "kh-test-ui.h"

typedef struct {
  KhShellFixture  shell;
  gint64          client_id;
  char           *code;
  KhPersonPage   *page;
} Fixture;

static gint64
seed_person (KhShellFixture *shell,
             char          **out_code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhDb) db = NULL;
  g_autoptr(KhUser) user = NULL;
  g_autoptr(KhClient) client = kh_client_new ();
  GDate birth;
  gint64 id;

  db = kh_shell_fixture_open_db (shell, &user);

  /* A fictional person: individual number 900–999. */
  g_date_clear (&birth, 1);
  g_date_set_dmy (&birth, 13, G_DATE_OCTOBER, 1952);
  client->identity_kind = KH_IDENTITY_CODE;
  client->identity_code = kh_hetu_make (&birth, 952, 0);
  client->birth_date = g_strdup ("1952-10-13");
  client->last_name = g_strdup ("Mäkinen");
  client->first_names = g_strdup ("Aino Maria");
  client->language = KH_LANGUAGE_FI;
  client->interpreter = FALSE;
  client->address = g_strdup ("Kotikatu 1 A 2");
  client->postal_code = g_strdup ("00100");
  client->city = g_strdup ("Helsinki");
  client->phone = g_strdup ("040 123 4567");
  client->email = g_strdup ("aino.makinen@example.fi");

  id = kh_db_save_client (db, user, client, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  *out_code = g_strdup (client->identity_code);
  return id;
}

static guint
count_log_rows (Fixture      *fixture,
                KhAccessWhat  what)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhDb) db = NULL;
  g_autoptr(KhUser) user = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  guint count = 0;

  db = kh_shell_fixture_open_db (&fixture->shell, &user);
  entries = kh_db_list_access_log (db, user, fixture->client_id, 1000, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < entries->len; i++)
    {
      KhAccessEntry *entry = g_ptr_array_index (entries, i);

      g_assert_cmpint (entry->client_id, ==, fixture->client_id);
      if (entry->what == what)
        {
          /* Reads from the person's page are on the basis of the client
           * relationship; search results have the store's own basis. */
          if (what != KH_ACCESS_SEARCH)
            g_assert_cmpint (entry->basis, ==, KH_BASIS_CLIENT_RELATIONSHIP);
          count++;
        }
    }

  return count;
}

static KhClient *
read_client (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhDb) db = NULL;
  g_autoptr(KhUser) user = NULL;
  KhClient *client;

  db = kh_shell_fixture_open_db (&fixture->shell, &user);
  client = kh_db_get_client (db, user, fixture->client_id, KH_ACCESS_EXPORT, KH_BASIS_ADMINISTRATION, &error);
  g_assert_no_error (error);

  return client;
}

static gboolean
page_loaded_cb (gpointer data)
{
  Fixture *fixture = data;
  GtkListBox *contacts;

  contacts = GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (fixture->page), KH_TYPE_PERSON_PAGE,
                                                         gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (
                                                           GTK_WIDGET (fixture->page), KH_TYPE_PERSON_PAGE, "contacts_group")))
                                                         ? "contacts_list"
                                                         /* Those with the timeline have no list of contacts. */
                                                         : "cases_list"));
  return kh_person_page_get_client (fixture->page) != NULL
         && gtk_list_box_get_row_at_index (contacts, 0) != NULL;
}

static const char *
row_value (Fixture    *fixture,
           const char *row_name)
{
  GObject *row = gtk_widget_get_template_child (GTK_WIDGET (fixture->page), KH_TYPE_PERSON_PAGE, row_name);

  g_assert_true (KH_IS_TEXT_ROW (row));
  return kh_text_row_get_subtitle (KH_TEXT_ROW (row));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *clients;

  kh_shell_fixture_init (&fixture->shell);
  fixture->client_id = seed_person (&fixture->shell, &fixture->code);
  kh_shell_fixture_start (&fixture->shell);
  g_assert_cmpstr (kh_window_get_state (fixture->shell.window), ==, "content");

  clients = kh_shell_fixture_get_view (&fixture->shell, "clients");
  g_assert_true (KH_IS_CLIENTS_PAGE (clients));
  fixture->page = KH_PERSON_PAGE (gtk_widget_get_template_child (clients, KH_TYPE_CLIENTS_PAGE, "person_page"));

  kh_clients_page_show_client (KH_CLIENTS_PAGE (clients), fixture->client_id);
  g_assert_true (kh_test_wait_until (page_loaded_cb, fixture, 10000));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  kh_shell_fixture_clear (&fixture->shell);
  g_free (fixture->code);
}

static void
test_shows_details (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkLabel *name;
  g_autofree char *masked = kh_hetu_mask (fixture->code);

  name = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (fixture->page), KH_TYPE_PERSON_PAGE, "name_label"));
  g_assert_cmpstr (gtk_label_get_text (name), ==, "Mäkinen, Aino Maria");

  /* The code is masked until someone asks for it. */
  g_assert_cmpstr (row_value (fixture, "code_row"), ==, masked);
  g_assert_null (strstr (row_value (fixture, "code_row"), fixture->code + 7));
  g_assert_cmpstr (row_value (fixture, "birth_date_row"), ==, "13.10.1952");
  g_assert_cmpstr (row_value (fixture, "phone_row"), ==, "040 123 4567");
  g_assert_cmpstr (row_value (fixture, "email_row"), ==, "aino.makinen@example.fi");
  g_assert_nonnull (strstr (row_value (fixture, "address_row"), "Kotikatu 1 A 2"));
  g_assert_nonnull (strstr (row_value (fixture, "address_row"), "00100 Helsinki"));
}

static void
test_opening_is_logged (Fixture       *fixture,
                        gconstpointer  data)
{
  g_assert_cmpuint (count_log_rows (fixture, KH_ACCESS_PAGE), ==, 1);
  g_assert_cmpuint (count_log_rows (fixture, KH_ACCESS_IDENTITY_CODE), ==, 0);
}

static gboolean
code_shown_cb (gpointer data)
{
  Fixture *fixture = data;

  return g_strcmp0 (row_value (fixture, "code_row"), fixture->code) == 0;
}

static gboolean
code_masked_cb (gpointer data)
{
  Fixture *fixture = data;

  return g_strcmp0 (row_value (fixture, "code_row"), fixture->code) != 0;
}

static void
test_show_code_is_logged (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkToggleButton *show;

  show = GTK_TOGGLE_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (fixture->page), KH_TYPE_PERSON_PAGE, "show_code_button"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (show)));

  gtk_toggle_button_set_active (show, TRUE);
  g_assert_true (kh_test_wait_until (code_shown_cb, fixture, 10000));
  g_assert_cmpuint (count_log_rows (fixture, KH_ACCESS_IDENTITY_CODE), ==, 1);

  /* Hiding is not a read; showing again is. */
  gtk_toggle_button_set_active (show, FALSE);
  g_assert_true (code_masked_cb (fixture));
  gtk_toggle_button_set_active (show, TRUE);
  g_assert_true (kh_test_wait_until (code_shown_cb, fixture, 10000));
  g_assert_cmpuint (count_log_rows (fixture, KH_ACCESS_IDENTITY_CODE), ==, 2);
}

static KhPersonEditor *
find_editor (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (KH_IS_PERSON_EDITOR (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return KH_PERSON_EDITOR (window);
    }

  return NULL;
}

static gboolean
editor_open_cb (gpointer data)
{
  return find_editor () != NULL;
}

static gboolean
editor_closed_cb (gpointer data)
{
  return find_editor () == NULL;
}

static gboolean
email_shown_cb (gpointer data)
{
  Fixture *fixture = data;

  return g_strcmp0 (row_value (fixture, "email_row"), "aino.m@example.org") == 0;
}

static gboolean
not_saving_cb (gpointer data)
{
  KhPersonEditor *editor = data;

  GObject *save = gtk_widget_get_template_child (GTK_WIDGET (editor), KH_TYPE_PERSON_EDITOR, "save_button");

  return gtk_widget_get_sensitive (GTK_WIDGET (save));
}

static void
test_edit (Fixture       *fixture,
           gconstpointer  data)
{
  KhPersonEditor *editor;
  KhPersonFields *fields;
  GtkWidget *email;
  g_autoptr(KhClient) stored = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "person.edit", NULL));
  g_assert_true (kh_test_wait_until (editor_open_cb, NULL, 10000));
  editor = find_editor ();
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (editor)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (editor)) == GTK_WINDOW (fixture->shell.window));
  g_assert_cmpuint (count_log_rows (fixture, KH_ACCESS_EDIT), ==, 1);

  fields = KH_PERSON_FIELDS (gtk_widget_get_template_child (GTK_WIDGET (editor), KH_TYPE_PERSON_EDITOR, "fields"));
  email = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (fields), KH_TYPE_PERSON_FIELDS, "email_row"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (email)), ==, "aino.makinen@example.fi");

  /* A bad e-mail: a message at the field, nothing saved, the text kept. */
  gtk_editable_set_text (GTK_EDITABLE (email), "aino.makinen at example");
  kh_person_editor_save (editor);
  kh_test_wait_until (not_saving_cb, editor, 10000);
  kh_test_spin (100);

  g_assert_true (find_editor () == editor);
  g_assert_true (kh_field_message_is_shown (email));
  g_assert_cmpstr (gtk_label_get_text (kh_field_message_get_label (email)), !=, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (email)), ==, "aino.makinen at example");
  stored = read_client (fixture);
  g_assert_cmpstr (stored->email, ==, "aino.makinen@example.fi");
  g_clear_object (&stored);

  /* Corrected: saved, the window closes and the page shows the new value. */
  gtk_editable_set_text (GTK_EDITABLE (email), "aino.m@example.org");
  kh_person_editor_save (editor);
  g_assert_true (kh_test_wait_until (editor_closed_cb, NULL, 10000));
  g_assert_true (kh_test_wait_until (email_shown_cb, fixture, 10000));
  stored = read_client (fixture);
  g_assert_cmpstr (stored->email, ==, "aino.m@example.org");
  g_assert_cmpstr (stored->last_name, ==, "Mäkinen");
}

static gboolean
phone_shown_cb (gpointer data)
{
  Fixture *fixture = data;

  return g_strcmp0 (row_value (fixture, "phone_row"), "050 999 8888") == 0;
}

static gboolean
revealed_cb (gpointer data)
{
  return gtk_revealer_get_reveal_child (GTK_REVEALER (data));
}

static GtkWidget *
editor_child (KhPersonEditor *editor,
              const char     *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (editor), KH_TYPE_PERSON_EDITOR, name));
}

static GtkWidget *
fields_child (KhPersonEditor *editor,
              const char     *name)
{
  GtkWidget *fields = editor_child (editor, "fields");

  return GTK_WIDGET (gtk_widget_get_template_child (fields, KH_TYPE_PERSON_FIELDS, name));
}

/* Issue 6, 6: while this desk edits the person, another desk saves a new
 * phone number. The open page follows within a second; the editor says
 * so and keeps what was typed; saving over the other desk's change is
 * refused and said, not done; loading their version and saving again
 * keeps both changes. */
static void
test_other_desk_edit (Fixture       *fixture,
                      gconstpointer  data)
{
  KhPersonEditor *editor;
  GtkWidget *revealer;
  GtkWidget *email;
  GtkWidget *phone;
  g_autoptr(KhClient) stored = NULL;
  g_autofree char *notice = NULL;
  gint64 saved_at;

  /* The page on screen (the People view). */
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (fixture->shell.window), KH_TYPE_WINDOW, "view_stack")),
                                         "clients");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (fixture->page)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "person.edit", NULL));
  g_assert_true (kh_test_wait_until (editor_open_cb, NULL, 10000));
  editor = find_editor ();
  revealer = editor_child (editor, "elsewhere_revealer");
  email = fields_child (editor, "email_row");
  phone = fields_child (editor, "phone_row");
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  gtk_editable_set_text (GTK_EDITABLE (email), "aino.m@example.org");

  /* The other desk. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(KhUser) user = NULL;
    g_autoptr(KhDb) db = kh_shell_fixture_open_db (&fixture->shell, &user);
    g_autoptr(KhClient) theirs = kh_db_get_client (db, user, fixture->client_id, KH_ACCESS_EDIT,
                                                   KH_BASIS_CLIENT_RELATIONSHIP, &error);

    g_assert_no_error (error);
    g_free (theirs->phone);
    theirs->phone = g_strdup ("050 999 8888");
    g_assert_cmpint (kh_db_save_client (db, user, theirs, &error), ==, fixture->client_id);
    g_assert_no_error (error);
  }
  saved_at = g_get_monotonic_time ();

  /* The page, within a second; the editor says so; the typing stays. */
  g_assert_true (kh_test_wait_until (phone_shown_cb, fixture, 1000));
  g_test_message ("the other desk's change shown on the page after %.0f ms",
                  (g_get_monotonic_time () - saved_at) / 1000.0);
  g_assert_true (kh_test_wait_until (revealed_cb, revealer, 10000));
  g_assert_false (gtk_widget_get_visible (editor_child (editor, "save_mine_button")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (email)), ==, "aino.m@example.org");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (phone)), ==, "040 123 4567");
  kh_test_ui_screenshot (GTK_WIDGET (editor), "person-editor-changed-elsewhere");
  notice = g_strdup (gtk_label_get_text (GTK_LABEL (editor_child (editor, "elsewhere_label"))));

  /* Saving over their version: refused, said, nothing lost. */
  kh_person_editor_save (editor);
  g_assert_true (kh_test_wait_until (not_saving_cb, editor, 10000));
  g_assert_true (find_editor () == editor);
  g_assert_true (gtk_widget_get_visible (editor_child (editor, "save_mine_button")));
  /* The store's refusal, with the time of their change (in the UI's
   * language: the English text under tools/test). */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (editor_child (editor, "elsewhere_label"))), !=, notice);
  if (g_getenv ("KOHTAAMO_LOCALEDIR") == NULL)
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (editor_child (editor, "elsewhere_label"))),
                              "Someone else changed this person"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (email)), ==, "aino.m@example.org");
  stored = read_client (fixture);
  g_assert_cmpstr (stored->phone, ==, "050 999 8888");
  g_assert_cmpstr (stored->email, ==, "aino.makinen@example.fi");
  g_clear_object (&stored);
  kh_test_ui_screenshot (GTK_WIDGET (editor), "person-editor-stale-save");

  /* Their version in the form; typed again, saved: both changes stand. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.load-theirs", NULL));
  g_assert_true (kh_test_wait_until (not_saving_cb, editor, 10000));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (phone)), ==, "050 999 8888");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (email)), ==, "aino.makinen@example.fi");
  gtk_editable_set_text (GTK_EDITABLE (email), "aino.m@example.org");
  kh_person_editor_save (editor);
  g_assert_true (kh_test_wait_until (editor_closed_cb, NULL, 10000));
  stored = read_client (fixture);
  g_assert_cmpstr (stored->phone, ==, "050 999 8888");
  g_assert_cmpstr (stored->email, ==, "aino.m@example.org");
}

/* The page says on what basis it reads: reception receives contacts,
 * the others read within the client relationship. */
static void
test_basis_by_role (void)
{
  static const struct {
    KhRole        role;
    KhAccessBasis basis;
  } cases[] = {
    { KH_ROLE_RECEPTION, KH_BASIS_INTAKE },
    { KH_ROLE_COUNSELLOR, KH_BASIS_CLIENT_RELATIONSHIP },
    { KH_ROLE_SOCIAL_WORKER, KH_BASIS_CLIENT_RELATIONSHIP },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Fixture fixture = { 0 };
      g_autoptr(GError) error = NULL;
      g_autoptr(KhUser) admin = NULL;
      g_autoptr(GPtrArray) entries = NULL;
      GtkWidget *clients;
      guint pages = 0;

      g_test_message ("role %s", kh_role_key (cases[i].role));
      kh_shell_fixture_init (&fixture.shell);
      {
        g_autoptr(KhDb) db = kh_db_open (fixture.shell.path, &error);
        g_autoptr(KhUser) own = NULL;

        g_assert_no_error (error);
        admin = kh_db_save_user (db, NULL, "kohtaamo-test-admin", "Ilona Lindqvist", KH_ROLE_ADMIN, TRUE, &error);
        g_assert_no_error (error);
        own = kh_db_save_user (db, admin, g_get_user_name (), "Pirjo Testinen", cases[i].role, TRUE, &error);
        g_assert_no_error (error);
      }
      fixture.client_id = seed_person (&fixture.shell, &fixture.code);
      kh_shell_fixture_start (&fixture.shell);
      g_assert_cmpstr (kh_window_get_state (fixture.shell.window), ==, "content");

      clients = kh_shell_fixture_get_view (&fixture.shell, "clients");
      fixture.page = KH_PERSON_PAGE (gtk_widget_get_template_child (clients, KH_TYPE_CLIENTS_PAGE, "person_page"));
      kh_clients_page_show_client (KH_CLIENTS_PAGE (clients), fixture.client_id);
      g_assert_true (kh_test_wait_until (page_loaded_cb, &fixture, 10000));

      {
        g_autoptr(KhDb) db = kh_db_open (fixture.shell.path, &error);
        g_autoptr(KhUser) reader = NULL;

        g_assert_no_error (error);
        reader = kh_db_login (db, "kohtaamo-test-admin", NULL, &error);
        g_assert_no_error (error);
        entries = kh_db_list_access_log (db, reader, fixture.client_id, 1000, &error);
        g_assert_no_error (error);
      }
      for (guint j = 0; j < entries->len; j++)
        {
          KhAccessEntry *entry = g_ptr_array_index (entries, j);

          if (entry->what == KH_ACCESS_PAGE)
            {
              g_assert_cmpint (entry->basis, ==, cases[i].basis);
              pages++;
            }
        }
      g_assert_cmpuint (pages, ==, 1);

      fixture_tear_down (&fixture, NULL);
    }
}

static gboolean
message_dialog_shown (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return TRUE;
    }

  return FALSE;
}

/* Closing while a save runs must not offer to discard what is already on
 * its way to the store: the window waits and closes when the save is done. */
static void
test_close_while_saving (Fixture       *fixture,
                         gconstpointer  data)
{
  KhPersonEditor *editor;
  KhPersonFields *fields;
  GtkWidget *email;
  g_autoptr(KhClient) stored = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "person.edit", NULL));
  g_assert_true (kh_test_wait_until (editor_open_cb, NULL, 10000));
  editor = find_editor ();
  fields = KH_PERSON_FIELDS (gtk_widget_get_template_child (GTK_WIDGET (editor), KH_TYPE_PERSON_EDITOR, "fields"));
  email = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (fields), KH_TYPE_PERSON_FIELDS, "email_row"));

  gtk_editable_set_text (GTK_EDITABLE (email), "aino.m@example.org");
  kh_person_editor_save (editor);
  g_assert_false (not_saving_cb (editor));

  /* Escape, Cancel and the window manager all end up here. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "window.close", NULL);
  g_assert_true (find_editor () == editor);
  gtk_window_close (GTK_WINDOW (editor));
  g_assert_true (find_editor () == editor);
  g_assert_false (message_dialog_shown ());

  g_assert_true (kh_test_wait_until (editor_closed_cb, NULL, 10000));
  g_assert_false (message_dialog_shown ());
  g_assert_true (kh_test_wait_until (email_shown_cb, fixture, 10000));
  stored = read_client (fixture);
  g_assert_cmpstr (stored->email, ==, "aino.m@example.org");
}

/* Unsaved changes: closing asks; "Discard" closes and nothing is saved. */
static void
test_close_asks (Fixture       *fixture,
                 gconstpointer  data)
{
  KhPersonEditor *editor;
  KhPersonFields *fields;
  GtkWidget *email;
  g_autoptr(KhClient) stored = NULL;
  GListModel *toplevels;
  AdwMessageDialog *dialog = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "person.edit", NULL));
  g_assert_true (kh_test_wait_until (editor_open_cb, NULL, 10000));
  editor = find_editor ();
  fields = KH_PERSON_FIELDS (gtk_widget_get_template_child (GTK_WIDGET (editor), KH_TYPE_PERSON_EDITOR, "fields"));
  email = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (fields), KH_TYPE_PERSON_FIELDS, "email_row"));
  gtk_editable_set_text (GTK_EDITABLE (email), "aino.m@example.org");

  gtk_window_close (GTK_WINDOW (editor));
  g_assert_true (find_editor () == editor);
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && dialog == NULL; i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        dialog = ADW_MESSAGE_DIALOG (window);
    }
  g_assert_nonnull (dialog);

  adw_message_dialog_response (dialog, "discard");
  g_assert_true (kh_test_wait_until (editor_closed_cb, NULL, 10000));
  kh_test_spin (100);
  stored = read_client (fixture);
  g_assert_cmpstr (stored->email, ==, "aino.makinen@example.fi");
}

/* Closing the main window while a person's details are being edited over
 * it: the editor asks about its changes first; the main window stays. */
static void
test_window_close_asks_editor (Fixture       *fixture,
                               gconstpointer  data)
{
  KhPersonEditor *editor;
  KhPersonFields *fields;
  GtkWidget *email;
  GListModel *toplevels;
  AdwMessageDialog *dialog = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "person.edit", NULL));
  g_assert_true (kh_test_wait_until (editor_open_cb, NULL, 10000));
  editor = find_editor ();
  fields = KH_PERSON_FIELDS (gtk_widget_get_template_child (GTK_WIDGET (editor), KH_TYPE_PERSON_EDITOR, "fields"));
  email = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (fields), KH_TYPE_PERSON_FIELDS, "email_row"));
  gtk_editable_set_text (GTK_EDITABLE (email), "aino.m@example.org");

  gtk_window_close (GTK_WINDOW (fixture->shell.window));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->shell.window)));
  g_assert_true (find_editor () == editor);
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && dialog == NULL; i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        dialog = ADW_MESSAGE_DIALOG (window);
    }
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (editor));

  adw_message_dialog_response (dialog, "discard");
  g_assert_true (kh_test_wait_until (editor_closed_cb, NULL, 10000));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->shell.window)));
}

static gboolean
results_shown_cb (gpointer data)
{
  GtkWidget *clients = data;
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (clients, KH_TYPE_CLIENTS_PAGE, "results_stack"));

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), "results") == 0;
}

static gboolean
nobody_shown_cb (gpointer data)
{
  GtkWidget *clients = data;
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (clients, KH_TYPE_CLIENTS_PAGE, "results_stack"));

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), "none") == 0;
}

static gboolean
person_open_cb (gpointer data)
{
  Fixture *fixture = data;

  return kh_person_page_get_client (fixture->page) != NULL
         && kh_person_page_get_client (fixture->page)->id == fixture->client_id;
}

/* The People view's leaflet turned to the person's page: was the page
 * still waiting for the person (its spinner), or were they in? */
typedef struct
{
  KhPersonPage *page;
  guint         came;
  gboolean      came_loading;
} Arrival;

static void
leaflet_turned_cb (AdwLeaflet *leaflet,
                   GParamSpec *pspec,
                   Arrival    *arrival)
{
  if (g_strcmp0 (adw_leaflet_get_visible_child_name (leaflet), "person") != 0)
    return;
  arrival->came++;
  arrival->came_loading = kh_person_page_get_loading (arrival->page);
}

static gboolean
arrived_cb (gpointer data)
{
  return ((Arrival *) data)->came > 0;
}

/* Search as you type, forgiving of ä/a and case, then Enter opens the best
 * match; the people shown in the results are logged as a search read.
 * Issue 7: the person's page comes in with the person's details, not with
 * a spinner first; a reading slower than the wait comes in with it. */
static void
test_search_then_enter (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(KhClient) other = kh_client_new ();
  g_autoptr(KhUser) blocker_user = NULL;
  Arrival arrival = { 0 };
  KhDb *blocker;
  GtkWidget *back;
  GtkWidget *clients;
  GtkEditable *entry;
  GListModel *list;
  AdwLeaflet *leaflet;

  kh_shell_fixture_init (&fixture.shell);
  fixture.client_id = seed_person (&fixture.shell, &fixture.code);
  kh_shell_fixture_start (&fixture.shell);
  clients = kh_shell_fixture_get_view (&fixture.shell, "clients");
  fixture.page = KH_PERSON_PAGE (gtk_widget_get_template_child (clients, KH_TYPE_CLIENTS_PAGE, "person_page"));
  entry = GTK_EDITABLE (gtk_widget_get_template_child (clients, KH_TYPE_CLIENTS_PAGE, "search_entry"));
  list = G_LIST_MODEL (gtk_widget_get_template_child (clients, KH_TYPE_CLIENTS_PAGE, "results"));
  leaflet = ADW_LEAFLET (gtk_widget_get_template_child (clients, KH_TYPE_CLIENTS_PAGE, "leaflet"));
  /* The People view on screen, as where one searches. */
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (fixture.shell.window),
                                                                                        KH_TYPE_WINDOW, "view_stack")),
                                         "clients");
  g_assert_true (gtk_widget_get_mapped (clients));

  gtk_editable_set_text (entry, "MAKINEN ai");
  g_assert_true (kh_test_wait_until (results_shown_cb, clients, 10000));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  /* It says how many match (issue 5, 2.2). */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_template_child (clients, KH_TYPE_CLIENTS_PAGE,
                                                                                 "limit_label"))),
                   ==, "1 person found.");
  g_assert_cmpuint (count_log_rows (&fixture, KH_ACCESS_SEARCH), ==, 1);

  arrival.page = fixture.page;
  g_signal_connect (leaflet, "notify::visible-child-name", G_CALLBACK (leaflet_turned_cb), &arrival);
  g_signal_emit_by_name (entry, "activate");
  /* The search stays while the page reads. */
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "search");
  g_assert_true (kh_test_wait_until (person_open_cb, &fixture, 10000));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "person");
  g_assert_cmpuint (arrival.came, ==, 1);
  g_assert_false (arrival.came_loading);
  back = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (fixture.page), KH_TYPE_PERSON_PAGE, "back_button"));
  g_assert_true (gtk_widget_has_focus (back));

  /* Back keeps the search as it was. */
  g_assert_true (gtk_widget_activate_action (clients, "clients.back", NULL));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "search");
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "MAKINEN ai");
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);

  /* Another person, while another desk writes (its transaction holds
   * the database): the reading waits for it, the page comes in with its
   * spinner after the wait (a tenth of a second), the person when the
   * other desk is done. */
  blocker = kh_shell_fixture_open_db (&fixture.shell, &blocker_user);
  other->last_name = g_strdup ("Mäkinen");
  other->first_names = g_strdup ("Eero");
  other->identity_kind = KH_IDENTITY_BIRTH_DATE;
  other->no_code_reason = KH_NO_CODE_NOT_KNOWN;
  other->birth_date = g_strdup ("1949-02-28");
  other->language = KH_LANGUAGE_FI;
  other->id = kh_db_save_client (blocker, blocker_user, other, &error);
  g_assert_no_error (error);
  gtk_editable_set_text (entry, "MAKINEN ee");
  g_assert_true (kh_test_wait_until (results_shown_cb, clients, 10000));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  g_assert_true (kh_db_begin (blocker, &error));
  g_assert_no_error (error);
  arrival.came = 0;
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "search");
  g_assert_true (kh_test_wait_until (arrived_cb, &arrival, 2000));
  g_assert_true (arrival.came_loading);
  g_assert_true (kh_person_page_get_loading (fixture.page));
  g_assert_null (kh_person_page_get_client (fixture.page));
  g_assert_true (kh_db_commit (blocker, &error));
  g_assert_no_error (error);
  g_clear_pointer (&blocker, kh_db_close);
  g_assert_true (kh_test_wait_until (person_open_cb, &(Fixture) { .page = fixture.page, .client_id = other->id },
                                     10000));
  g_assert_false (kh_person_page_get_loading (fixture.page));
  g_assert_cmpuint (arrival.came, ==, 1);

  /* Back while the page still reads: it does not come. */
  g_assert_true (gtk_widget_activate_action (clients, "clients.back", NULL));
  gtk_editable_set_text (entry, "MAKINEN ai");
  g_assert_true (kh_test_wait_until (results_shown_cb, clients, 10000));
  arrival.came = 0;
  g_signal_emit_by_name (entry, "activate");
  g_assert_true (gtk_widget_activate_action (clients, "clients.back", NULL));
  g_assert_true (kh_test_wait_until (person_open_cb, &fixture, 10000));
  g_assert_false (kh_test_wait_until (arrived_cb, &arrival, 300));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "search");

  /* From elsewhere (reception, the caseload) the page shows at once. */
  kh_clients_page_show_client (KH_CLIENTS_PAGE (clients), other->id);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "person");
  g_assert_true (kh_person_page_get_loading (fixture.page));
  g_assert_true (kh_test_wait_until (person_open_cb, &(Fixture) { .page = fixture.page, .client_id = other->id },
                                     10000));
  g_assert_true (gtk_widget_activate_action (clients, "clients.back", NULL));
  g_signal_handlers_disconnect_by_func (leaflet, leaflet_turned_cb, &arrival);

  /* Nobody by that name: a calm empty state. */
  gtk_editable_set_text (entry, "Zyxwv");
  g_assert_true (kh_test_wait_until (nobody_shown_cb, clients, 10000));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);

  kh_shell_fixture_clear (&fixture.shell);
  g_free (fixture.code);
}

/* Issue 5, 2.1: a contact on the person's page opens with its history; one
 * entered in error is shown as such. */
static gboolean
contact_row_cb (gpointer data)
{
  Fixture *fixture = data;
  GtkListBox *contacts = GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (fixture->page),
                                                                      KH_TYPE_PERSON_PAGE, "contacts_list"));
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (contacts, 0);

  return row != NULL && g_object_get_data (G_OBJECT (row), "kh-contact-id") != NULL;
}

static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget)
      && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (shows_label (c, text))
      return TRUE;
  return FALSE;
}

static GtkWidget *contact_window;

static gboolean
contact_window_shown_cb (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  contact_window = NULL;
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (KH_IS_CONTACT_WINDOW (window))
        contact_window = GTK_WIDGET (window);
    }
  return contact_window != NULL
         && g_strcmp0 (gtk_stack_get_visible_child_name (
                         GTK_STACK (gtk_widget_get_template_child (contact_window, KH_TYPE_CONTACT_WINDOW,
                                                                   "stack"))), "view") == 0;
}

static gboolean
contact_window_gone_cb (gpointer data)
{
  return contact_window == NULL;
}

static void
test_contact_opens (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkListBox *contacts;
  GtkWidget *clients;

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(KhUser) user = NULL;
    g_autoptr(KhDb) db = kh_shell_fixture_open_db (&fixture->shell, &user);
    g_autoptr(KhContact) contact = kh_contact_new ();
    g_autoptr(KhClient) client = read_client (fixture);
    g_autoptr(KhIntakeResult) saved = NULL;
    KhIntake intake = { contact, client, FALSE, 0, 0 };

    contact->channel = KH_CHANNEL_PHONE;
    contact->contactor = KH_CONTACTOR_SELF;
    contact->needs = KH_NEED_HOUSING;
    contact->urgency = KH_URGENCY_NOT_URGENT;
    contact->language = KH_LANGUAGE_FI;
    contact->outcome = KH_OUTCOME_ADVICE;
    saved = kh_db_save_intake (db, user, &intake, &error);
    g_assert_no_error (error);
    g_assert_true (kh_db_mark_contact_in_error (db, user, saved->contact_id, "Kaksoiskirjaus", &error));
    g_assert_no_error (error);
  }
  clients = kh_shell_fixture_get_view (&fixture->shell, "clients");
  kh_clients_page_show_client (KH_CLIENTS_PAGE (clients), fixture->client_id);
  g_assert_true (kh_test_wait_until (contact_row_cb, fixture, 10000));
  contacts = GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (fixture->page),
                                                          KH_TYPE_PERSON_PAGE, "contacts_list"));
  g_assert_true (shows_label (GTK_WIDGET (gtk_list_box_get_row_at_index (contacts, 0)), "Entered in error"));

  g_signal_emit_by_name (gtk_list_box_get_row_at_index (contacts, 0), "activated");
  g_assert_true (kh_test_wait_until (contact_window_shown_cb, NULL, 10000));
  /* Already on the person's page: no "Open Person's Page". */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (
    contact_window, KH_TYPE_CONTACT_WINDOW, "person_button"))));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_widget_get_template_child (
    contact_window, KH_TYPE_CONTACT_WINDOW, "error_label"))));
  g_object_add_weak_pointer (G_OBJECT (contact_window), (gpointer *) &contact_window);
  gtk_window_destroy (GTK_WINDOW (contact_window));
  g_assert_true (kh_test_wait_until (contact_window_gone_cb, NULL, 10000));
}

int
main (int   argc,
      char *argv[])
{
  kh_shell_test_init (&argc, &argv);
  /* Pictures in Finnish and Swedish: KOHTAAMO_LOCALEDIR, LANGUAGE and
   * KH_TEST_SCREENSHOTS from outside; run the picture test only
   * (-p /ui/person-page/other-desk-edit). */
  if (g_getenv ("KOHTAAMO_LOCALEDIR") != NULL)
    {
      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("KOHTAAMO_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }

  g_test_add ("/ui/person-page/shows-details", Fixture, NULL,
              fixture_set_up, test_shows_details, fixture_tear_down);
  g_test_add ("/ui/person-page/opening-is-logged", Fixture, NULL,
              fixture_set_up, test_opening_is_logged, fixture_tear_down);
  g_test_add ("/ui/person-page/show-code-is-logged", Fixture, NULL,
              fixture_set_up, test_show_code_is_logged, fixture_tear_down);
  g_test_add ("/ui/person-page/contact-opens", Fixture, NULL,
              fixture_set_up, test_contact_opens, fixture_tear_down);
  g_test_add ("/ui/person-page/edit", Fixture, NULL,
              fixture_set_up, test_edit, fixture_tear_down);

  g_test_add ("/ui/person-page/other-desk-edit", Fixture, NULL,
              fixture_set_up, test_other_desk_edit, fixture_tear_down);
  g_test_add ("/ui/person-page/close-while-saving", Fixture, NULL,
              fixture_set_up, test_close_while_saving, fixture_tear_down);
  g_test_add ("/ui/person-page/close-asks", Fixture, NULL,
              fixture_set_up, test_close_asks, fixture_tear_down);
  g_test_add ("/ui/person-page/window-close-asks-editor", Fixture, NULL,
              fixture_set_up, test_window_close_asks_editor, fixture_tear_down);
  g_test_add_func ("/ui/person-page/basis-by-role", test_basis_by_role);
  g_test_add_func ("/ui/person-page/search-then-enter", test_search_then_enter);

  return g_test_run ();
}
