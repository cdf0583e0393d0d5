/* test-responsible-worker.c — the person's named responsible worker
 * (omatyöntekijä, Social Welfare Act 42 §) on their page, in a real window:
 * shown under the name to whoever reads the page, named and changed by
 * those who work with cases, a refusal shown at the field with the form
 * kept (issue 7, 2)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <glib/gi18n-lib.h>

#include "ui/clients/kh-clients-page.h"
#include "ui/clients/kh-person-page.h"
#include "ui/clients/kh-responsible-worker-dialog.h"
#include "ui/common/kh-field-message.h"
#include "ui/common/kh-text-row.h"

#include "kh-shell-test.h"
#include "kh-test-ui.h"

#define REASON "Asiakkaalla on omatyöntekijä vammaispalveluissa."

typedef struct {
  KhShellFixture    shell;
  gint64            client_id;
  gint64            counsellor_id;
  KhPersonPage     *page;
} Fixture;

/* The unit (an administrator, Outi the counsellor, Sari the social
 * worker, the running account in `role`) and Aino Mäkinen; with
 * `named_by_sari`, Sari has named herself Aino's responsible worker. */
static void
seed (Fixture  *fixture,
      KhRole    role,
      gboolean  named_by_sari)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhUser) admin = NULL;
  g_autoptr(KhUser) outi = NULL;
  g_autoptr(KhUser) sari = NULL;
  g_autoptr(KhUser) own = NULL;
  g_autoptr(KhDb) db = kh_db_open (fixture->shell.path, &error);
  g_autoptr(KhClient) client = kh_client_new ();

  g_assert_no_error (error);
  admin = kh_db_save_user (db, NULL, "kohtaamo-test-admin", "Ilona Lindqvist", KH_ROLE_ADMIN, TRUE, &error);
  g_assert_no_error (error);
  outi = kh_db_save_user (db, admin, "kohtaamo-test-cou", "Outi Ohjaaja", KH_ROLE_COUNSELLOR, TRUE, &error);
  g_assert_no_error (error);
  sari = kh_db_save_user (db, admin, "kohtaamo-test-sw", "Sari Sosiaalityöntekijä",
                          KH_ROLE_SOCIAL_WORKER, TRUE, &error);
  g_assert_no_error (error);
  own = kh_db_save_user (db, admin, g_get_user_name (), "Pirjo Testinen", role, TRUE, &error);
  g_assert_no_error (error);
  fixture->counsellor_id = outi->id;

  /* A fictional person: no identity code needed here. */
  client->identity_kind = KH_IDENTITY_BIRTH_DATE;
  client->no_code_reason = KH_NO_CODE_NOT_KNOWN;
  client->birth_date = g_strdup ("1952-10-13");
  client->last_name = g_strdup ("Mäkinen");
  client->first_names = g_strdup ("Aino Maria");
  client->language = KH_LANGUAGE_FI;
  fixture->client_id = kh_db_save_client (db, sari, client, &error);
  g_assert_no_error (error);

  if (named_by_sari)
    {
      g_autoptr(KhResponsibleWorker) named =
        kh_db_name_responsible_worker (db, sari, fixture->client_id, sari->id, NULL, &error);

      g_assert_no_error (error);
    }
}

static gboolean
page_loaded_cb (gpointer data)
{
  Fixture *fixture = data;

  return kh_person_page_get_client (fixture->page) != NULL;
}

static void
start (Fixture  *fixture,
       KhRole    role,
       gboolean  named_by_sari)
{
  GtkWidget *clients;

  kh_shell_fixture_init (&fixture->shell);
  seed (fixture, role, named_by_sari);
  kh_shell_fixture_start (&fixture->shell);
  g_assert_cmpstr (kh_window_get_state (fixture->shell.window), ==, "content");
  clients = kh_shell_fixture_get_view (&fixture->shell, "clients");
  fixture->page = KH_PERSON_PAGE (gtk_widget_get_template_child (clients, KH_TYPE_CLIENTS_PAGE,
                                                                 "person_page"));
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (gtk_widget_get_template_child (
                                           GTK_WIDGET (fixture->shell.window), KH_TYPE_WINDOW, "view_stack")),
                                         "clients");
  kh_clients_page_show_client (KH_CLIENTS_PAGE (clients), fixture->client_id);
  g_assert_true (kh_test_wait_until (page_loaded_cb, fixture, 10000));
}

static GtkWidget *
page_child (Fixture    *fixture,
            const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (fixture->page), KH_TYPE_PERSON_PAGE, name));
}

static const char *
named_text (Fixture *fixture)
{
  return kh_text_row_get_subtitle (KH_TEXT_ROW (page_child (fixture, "named_worker_row")));
}

typedef struct {
  Fixture    *fixture;
  const char *text;
} Expected;

static gboolean
named_text_is_cb (gpointer data)
{
  Expected *e = data;

  return g_strcmp0 (named_text (e->fixture), e->text) == 0;
}

static KhResponsibleWorkerDialog *
find_dialog (void)
{
  GListModel *windows = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (windows); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (windows, i);

      if (KH_IS_RESPONSIBLE_WORKER_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return KH_RESPONSIBLE_WORKER_DIALOG (window);
    }
  return NULL;
}

static gboolean
dialog_ready_cb (gpointer data)
{
  KhResponsibleWorkerDialog *dialog = find_dialog ();

  return dialog != NULL && kh_responsible_worker_dialog_is_ready (dialog);
}

static gboolean
dialog_gone_cb (gpointer data)
{
  return find_dialog () == NULL;
}

static gboolean
label_is_cb (GtkWidget     *widget,
             gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_visible (widget)
         && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), data) == 0;
}

static KhResponsibleWorkerDialog *
open_dialog (Fixture *fixture)
{
  GtkWidget *button = page_child (fixture, "name_worker_button");

  g_assert_true (gtk_widget_get_visible (button));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "person.name-worker");
  g_assert_true (gtk_widget_activate_action (button, "person.name-worker", NULL));
  g_assert_true (kh_test_wait_until (dialog_ready_cb, NULL, 10000));
  return find_dialog ();
}

/* The choice whose label starts with `prefix`. */
static void
choose (KhResponsibleWorkerDialog *dialog,
        const char                *prefix)
{
  AdwComboRow *row = ADW_COMBO_ROW (kh_responsible_worker_dialog_get_field (dialog, "worker"));
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_has_prefix (gtk_string_list_get_string (GTK_STRING_LIST (model), i), prefix))
      {
        adw_combo_row_set_selected (row, i);
        return;
      }
  g_error ("no choice “%s…”", prefix);
}

static gboolean
reason_refused_cb (gpointer data)
{
  KhResponsibleWorkerDialog *dialog = data;

  return kh_field_message_is_shown (kh_responsible_worker_dialog_get_field (dialog, "reason"));
}

/* The first drop-down under `widget`. */
static GtkWidget *
find_drop_down (GtkWidget *widget)
{
  if (GTK_IS_DROP_DOWN (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_drop_down (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
hidden_cb (gpointer data)
{
  return !gtk_widget_get_visible (GTK_WIDGET (data));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  KhResponsibleWorkerDialog *dialog = find_dialog ();

  if (dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  kh_shell_fixture_clear (&fixture->shell);
}

/* A social worker names the counsellor; then records that nobody is
 * named: without a reason it is refused at the reason, the choice kept;
 * with one it is saved. The store keeps both namings. */
static void
test_name_and_change (Fixture       *fixture,
                      gconstpointer  data)
{
  KhResponsibleWorkerDialog *dialog;
  GtkWidget *reason;
  /* The texts as the page says them, in the language the test runs in
   * (KOHTAAMO_LOCALEDIR, LANGUAGE: the screenshots in Finnish and Swedish). */
  const char *named_as = "Outi Ohjaaja";
  g_autofree char *nobody_as = g_strdup_printf (_("None named: %s"), REASON);
  Expected named = { fixture, named_as };
  Expected nobody = { fixture, nobody_as };
  g_autoptr(GError) error = NULL;
  g_autoptr(KhDb) db = NULL;
  g_autoptr(KhUser) user = NULL;
  g_autoptr(KhClient) stored = NULL;

  start (fixture, KH_ROLE_SOCIAL_WORKER, FALSE);
  g_assert_cmpstr (named_text (fixture), ==, _("Not named yet"));
  /* A row of its own, as the details below it: the title, what is named
   * under it, the button at its end (not a line wrapped beside a button). */
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (page_child (fixture, "named_worker_row"))),
                   ==, _("Responsible worker"));
  g_assert_true (gtk_widget_get_ancestor (page_child (fixture, "name_worker_button"), KH_TYPE_TEXT_ROW)
                 == page_child (fixture, "named_worker_row"));
  /* Aino has no case: the timeline offers no case to write a note for
   * (no empty drop-down saying GTK's "(None)"). */
  {
    GtkWidget *cases = find_drop_down (page_child (fixture, "timeline_pane"));

    g_assert_nonnull (cases);
    g_assert_true (kh_test_wait_until (hidden_cb, cases, 10000));
  }
  /* Nor anything in the timeline: it says so, with no empty frame below. */
  {
    GtkWidget *pane = page_child (fixture, "timeline_pane");
    GtkWidget *list = kh_test_ui_find_css_class (pane, "kh-timeline");

    g_assert_nonnull (list);
    g_assert_nonnull (kh_test_ui_find (pane, label_is_cb, _("Nothing recorded yet")));
    g_assert_false (gtk_widget_is_visible (list));
  }
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (page_child (fixture, "name_worker_button"))), ==,
                   _("_Name…"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->shell.window));
  kh_test_ui_screenshot (GTK_WIDGET (fixture->shell.window), "responsible-worker-not-named");

  dialog = open_dialog (fixture);
  /* Reception and the administrator are not offered. */
  {
    AdwComboRow *row = ADW_COMBO_ROW (kh_responsible_worker_dialog_get_field (dialog, "worker"));
    GListModel *model = adw_combo_row_get_model (row);
    g_autofree char *outi = g_strdup_printf (_("%s (%s)"), "Outi Ohjaaja", kh_role_label (KH_ROLE_COUNSELLOR));
    g_autofree char *pirjo = g_strdup_printf (_("%s (%s)"), "Pirjo Testinen", kh_role_label (KH_ROLE_SOCIAL_WORKER));
    g_autofree char *sari = g_strdup_printf (_("%s (%s)"), "Sari Sosiaalityöntekijä",
                                             kh_role_label (KH_ROLE_SOCIAL_WORKER));
    const char *expected[] = { outi, pirjo, sari, _("Nobody") };

    g_assert_cmpstr (kh_role_label (KH_ROLE_COUNSELLOR), ==, C_("role", "Social counsellor"));
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, G_N_ELEMENTS (expected));
    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), i), ==, expected[i]);
  }
  reason = kh_responsible_worker_dialog_get_field (dialog, "reason");
  g_assert_false (gtk_widget_get_visible (reason));
  choose (dialog, "Outi");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "responsible.save", NULL));
  g_assert_true (kh_test_wait_until (named_text_is_cb, &named, 10000));
  g_assert_true (kh_test_wait_until (dialog_gone_cb, NULL, 5000));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (page_child (fixture, "name_worker_button"))), ==,
                   _("_Change…"));

  /* Nobody, and no reason: refused where it happened, the form kept. */
  dialog = open_dialog (fixture);
  reason = kh_responsible_worker_dialog_get_field (dialog, "reason");
  choose (dialog, _("Nobody"));
  g_assert_true (gtk_widget_get_visible (reason));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "responsible.save", NULL));
  g_assert_true (kh_test_wait_until (reason_refused_cb, dialog, 10000));
  g_assert_cmpstr (gtk_label_get_text (kh_field_message_get_label (reason)), ==,
                   _("Say why no responsible worker is named: another one is already named, or naming "
                     "one is clearly unnecessary."));
  g_assert_true (find_dialog () == dialog);
  g_assert_cmpstr (named_text (fixture), ==, named_as);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  kh_test_ui_screenshot (GTK_WIDGET (dialog), "responsible-worker-refused");

  gtk_editable_set_text (GTK_EDITABLE (reason), REASON);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "responsible.save", NULL));
  g_assert_true (kh_test_wait_until (named_text_is_cb, &nobody, 10000));
  g_assert_true (kh_test_wait_until (dialog_gone_cb, NULL, 5000));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->shell.window));
  kh_test_ui_screenshot (GTK_WIDGET (fixture->shell.window), "responsible-worker-page");

  /* What the page shows is what the store keeps. */
  db = kh_shell_fixture_open_db (&fixture->shell, &user);
  stored = kh_db_get_client (db, user, fixture->client_id, KH_ACCESS_PAGE, KH_BASIS_CLIENT_RELATIONSHIP,
                             &error);
  g_assert_no_error (error);
  g_assert_nonnull (stored->responsible_worker);
  g_assert_cmpint (stored->responsible_worker->worker_id, ==, 0);
  g_assert_cmpstr (stored->responsible_worker->reason, ==, REASON);
  g_assert_cmpstr (stored->responsible_worker->named_by_name, ==, "Pirjo Testinen");
}

/* Reception sees who the worker is, and cannot name one. */
static void
test_reception_sees_it (void)
{
  Fixture fixture = { 0 };
  const char *sari = "Sari Sosiaalityöntekijä";

  start (&fixture, KH_ROLE_RECEPTION, TRUE);
  g_assert_cmpstr (named_text (&fixture), ==, sari);
  g_assert_false (gtk_widget_get_visible (page_child (&fixture, "name_worker_button")));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (fixture.page), "person.name-worker", NULL)
                  && find_dialog () != NULL);
  fixture_tear_down (&fixture, NULL);
}

int
main (int   argc,
      char *argv[])
{
  kh_shell_test_init (&argc, &argv);
  if (g_getenv ("KOHTAAMO_LOCALEDIR") != NULL)
    {
      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("KOHTAAMO_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }

  g_test_add ("/ui/responsible-worker/name-and-change", Fixture, NULL,
              NULL, test_name_and_change, fixture_tear_down);
  g_test_add_func ("/ui/responsible-worker/reception-sees-it", test_reception_sees_it);
  return g_test_run ();
}
