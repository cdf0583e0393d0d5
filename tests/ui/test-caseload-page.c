/* test-caseload-page.c — the caseload in a real window (issue 7, 1)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The test's account is made a social worker of the unit's team (with a
 * second administrator, so that the unit keeps one), a colleague joins
 * the team, and cases are opened at reception. Then the page runs on a
 * KhStore of its own, as the worker's desk; another desk (a KhDb on the
 * same file) takes a case meanwhile. Runs on SQLite and, in the ui-pg
 * suite, on PostgreSQL, where each worker is a login of their own (the
 * server knows who acts by the connection) and the administrator is the
 * test database's.
 */
#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "core/kh-calendar.h"
#include "core/kh-caseload.h"
#include "core/kh-text.h"
#include "store/kh-store.h"
#include "ui/caseload/kh-caseload-page.h"
#include "ui/caseload/kh-caseload-row.h"
#include "ui/assessment/kh-assessment-fields.h"
#include "ui/assessment/kh-assessment-window.h"
#include "ui/assessment/kh-assessment-wizard-private.h"

#include "kh-test-ui.h"
#include "../store/pg-test-util.h"

typedef struct {
  KhTestUi   ui;
  KhStore   *store;        /* the worker's desk */
  GtkWidget *page;
  KhDb      *other;        /* another desk, as the worker */
  KhDb      *pekka_desk;   /* Pekka's (the same as `other` on SQLite) */
  KhUser    *me;           /* as the other desk knows them */
  KhUser    *pekka;
  gint64     old_case;     /* Vanhanen: over 75, contact Thu 2.4.2026 */
  gint64     urgent_case;
  gint64     mine_case;
  gint64     old_client;
  gint64     mine_client;
  gint64     opened_client;
  char      *toast;
} Fixture;

/* The worker's account: the OS account on SQLite (the store logs in as
 * it), a login of its own on the server. */
static const char *
worker_account (void)
{
  return kh_test_ui_on_server () ? "sw" : g_get_user_name ();
}

static gint64
open_case (Fixture    *f,
           const char *last_name,
           const char *first_names,
           const char *birth,
           GDateTime  *received,
           gboolean    urgent,
           gint64      assign_to,
           gint64     *out_client)
{
  g_autoptr(KhContact) contact = kh_contact_new ();
  g_autoptr(KhClient) client = kh_client_new ();
  g_autoptr(KhIntakeResult) result = NULL;
  g_autoptr(GError) error = NULL;
  KhIntake intake = { contact, client, FALSE, 0, 0 };

  client->last_name = g_strdup (last_name);
  client->first_names = g_strdup (first_names);
  client->language = KH_LANGUAGE_FI;
  client->identity_kind = KH_IDENTITY_BIRTH_DATE;
  client->no_code_reason = KH_NO_CODE_NOT_KNOWN;
  client->birth_date = g_strdup (birth);
  contact->channel = KH_CHANNEL_WALK_IN;
  contact->contactor = KH_CONTACTOR_SELF;
  contact->language = KH_LANGUAGE_FI;
  contact->outcome = KH_OUTCOME_CASE_OPENED;
  contact->needs = KH_NEED_FINANCIAL;
  contact->urgency = urgent ? KH_URGENCY_URGENT : KH_URGENCY_NOT_URGENT;
  contact->received_at = g_date_time_ref (received);
  intake.assign_to = assign_to;
  result = kh_db_save_intake (f->other, f->me, &intake, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result->case_id, >, 0);
  if (out_client != NULL)
    *out_client = result->client_id;
  return result->case_id;
}

static void
toast_cb (GtkWidget *page,
          AdwToast  *toast,
          Fixture   *f)
{
  g_free (f->toast);
  f->toast = g_strdup (adw_toast_get_title (toast));
}

static void
open_client_cb (GtkWidget *page,
                gint64     client_id,
                Fixture   *f)
{
  f->opened_client = client_id;
}

static void
store_opened_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  KhUser **user = user_data;
  g_autoptr(GError) error = NULL;

  *user = kh_store_open_finish (KH_STORE (object), result, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhUser) admin = NULL;
  g_autoptr(KhUser) ada = NULL;
  g_autoptr(KhUser) user = NULL;
  g_autoptr(GPtrArray) teams = NULL;
  g_autoptr(GDateTime) easter = g_date_time_new_local (2026, 4, 2, 9, 30, 0);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(KhDb) admin_db = NULL;
  g_autofree char *worker_location = NULL;
  const char *me = worker_account ();
  /* The worker's role: a social worker, or the lead social worker when
   * the test says so. */
  KhRole role = data != NULL ? (KhRole) GPOINTER_TO_INT (data) : KH_ROLE_SOCIAL_WORKER;
  gint64 team;

  kh_test_ui_set_up (&f->ui);
  admin_db = kh_db_open (f->ui.location, &error);
  g_assert_no_error (error);
  if (kh_test_ui_on_server ())
    {
      /* The test database's administrator; the workers' logins. */
      admin = kh_db_login (admin_db, PG_TEST_ADMIN, NULL, &error);
      g_assert_no_error (error);
      pg_test_create_login (me);
      pg_test_create_login ("pekka");
    }
  else
    {
      /* The test's account becomes the worker: Ada administers. */
      admin = kh_db_login (admin_db, g_get_user_name (), NULL, &error);
      g_assert_no_error (error);
      ada = kh_db_save_user (admin_db, admin, "ada", "Ada Ylläpitäjä", KH_ROLE_ADMIN, TRUE, &error);
      g_assert_no_error (error);
      g_clear_object (&admin);
      admin = kh_db_login (admin_db, "ada", NULL, &error);
      g_assert_no_error (error);
    }
  f->me = kh_db_save_user (admin_db, admin, me, "Sanna Sosiaalityöntekijä", role, TRUE, &error);
  g_assert_no_error (error);
  f->pekka = kh_db_save_user (admin_db, admin, "pekka", "Pekka Berg", KH_ROLE_SOCIAL_WORKER, TRUE, &error);
  g_assert_no_error (error);
  teams = kh_db_list_teams (admin_db, FALSE, &error);
  g_assert_no_error (error);
  team = ((KhTeam *) g_ptr_array_index (teams, 0))->id;
  g_assert_true (kh_db_set_user_team (admin_db, me, team, &error));
  g_assert_true (kh_db_set_user_team (admin_db, "pekka", team, &error));
  g_assert_no_error (error);
  f->me->team_id = f->pekka->team_id = team;
  if (role == KH_ROLE_LEAD)
    {
      /* A worker of another team, whom the lead may give a case to. */
      g_autoptr(KhTeam) young = kh_team_new ();
      g_autoptr(KhUser) tiina = NULL;

      young->name = g_strdup ("Nuoret aikuiset");
      g_assert_cmpint (kh_db_save_team (admin_db, admin, young, &error), >, 0);
      g_assert_no_error (error);
      if (kh_test_ui_on_server ())
        pg_test_create_login ("tiina");
      tiina = kh_db_save_user (admin_db, admin, "tiina", "Tiina Tiimiläinen", KH_ROLE_SOCIAL_WORKER,
                               TRUE, &error);
      g_assert_no_error (error);
      g_assert_true (kh_db_set_user_team (admin_db, "tiina", young->id, &error));
      g_assert_no_error (error);
    }

  worker_location = kh_test_ui_on_server () ? pg_test_conninfo (f->ui.pg_dbname, me)
                                            : g_strdup (f->ui.location);
  f->other = kh_db_open (worker_location, &error);
  g_assert_no_error (error);
  if (kh_test_ui_on_server ())
    {
      g_autofree char *pekka_location = pg_test_conninfo (f->ui.pg_dbname, "pekka");

      f->pekka_desk = kh_db_open (pekka_location, &error);
      g_assert_no_error (error);
    }
  else
    f->pekka_desk = f->other;

  f->old_case = open_case (f, "Vanhanen", "Elsa", "1948-05-10", easter, FALSE, 0, &f->old_client);
  f->urgent_case = open_case (f, "Kiireinen", "Kalle", "1990-01-01", now, TRUE, 0, NULL);
  f->mine_case = open_case (f, "Omanen", "Olli", "1985-03-03", now, FALSE, f->me->id, &f->mine_client);

  /* The worker's desk: a store that logs in as the test's account. */
  f->store = kh_store_new (worker_location);
  kh_store_open_async (f->store, NULL, store_opened_cb, &user);
  WAIT_UNTIL (user != NULL);
  g_assert_cmpint (user->role, ==, role);

  f->page = kh_caseload_page_new (f->store);
  g_signal_connect (f->page, "toast", G_CALLBACK (toast_cb), f);
  g_signal_connect (f->page, "open-client", G_CALLBACK (open_client_cb), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *dir = g_strdup (f->ui.dir);
  g_autofree char *path = g_build_filename (dir, "kohtaamo.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_clear_object (&f->me);
  g_clear_object (&f->pekka);
  if (f->pekka_desk != f->other)
    g_clear_pointer (&f->pekka_desk, kh_db_close);
  f->pekka_desk = NULL;
  g_clear_pointer (&f->other, kh_db_close);
  g_clear_pointer (&f->toast, g_free);
  /* The page holds the worker's store until the window goes. */
  g_object_add_weak_pointer (G_OBJECT (f->store), (gpointer *) &f->store);
  g_object_unref (f->store);
  kh_test_ui_tear_down (&f->ui);
  WAIT_UNTIL (f->store == NULL);
  g_remove (wal);
  g_remove (shm);
  g_remove (path);
  g_rmdir (dir);
}

static GListModel *
model (Fixture *f)
{
  return kh_caseload_page_get_model (KH_CASELOAD_PAGE (f->page));
}

static guint
n_rows (Fixture *f)
{
  return g_list_model_get_n_items (model (f));
}

/* The case at `position`, once its page is read; NULL before. */
static KhCase *
case_at (Fixture *f,
         guint    position)
{
  g_autoptr(KhWorkListItem) item = g_list_model_get_item (model (f), position);
  GObject *record = item != NULL ? kh_work_list_item_get_record (item) : NULL;

  return KH_IS_CASE (record) ? KH_CASE (record) : NULL;
}

static KhCaseloadRow *
row_of (Fixture *f,
        gint64   case_id)
{
  GtkWidget *view = GTK_WIDGET (kh_caseload_page_get_list_view (KH_CASELOAD_PAGE (f->page)));

  for (GtkWidget *child = gtk_widget_get_first_child (view); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);
      KhWorkListItem *item;
      GObject *record;

      if (!KH_IS_CASELOAD_ROW (row))
        continue;
      item = kh_caseload_row_get_item (KH_CASELOAD_ROW (row));
      record = item != NULL ? kh_work_list_item_get_record (item) : NULL;
      if (KH_IS_CASE (record) && KH_CASE (record)->id == case_id)
        return KH_CASELOAD_ROW (row);
    }
  return NULL;
}

static gboolean
shows (Fixture *f,
       guint    n)
{
  return n_rows (f) == n && (n == 0 || case_at (f, n - 1) != NULL);
}

static void
select_case (Fixture *f,
             gint64   case_id)
{
  GtkSelectionModel *selection = gtk_list_view_get_model (kh_caseload_page_get_list_view (KH_CASELOAD_PAGE (f->page)));

  for (guint i = 0; i < n_rows (f); i++)
    if (case_at (f, i) != NULL && case_at (f, i)->id == case_id)
      {
        gtk_selection_model_select_item (selection, i, TRUE);
        return;
      }
  g_assert_not_reached ();
}

static AdwMessageDialog *
find_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static gboolean
action_enabled (Fixture    *f,
                const char *name)
{
  /* A button bound to the action is sensitive exactly when it is enabled. */
  GtkWidget *button = NULL;
  GtkWidget *bar = gtk_widget_get_first_child (f->page);

  for (GtkWidget *c = gtk_widget_get_first_child (bar); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_ACTIONABLE (c) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (c)), name) == 0)
      button = c;
  g_assert_nonnull (button);
  return gtk_widget_is_sensitive (button);
}

/* Assign… for the case, once the action is enabled: its dialog. */
static AdwMessageDialog *
open_assign_dialog (Fixture *f,
                    gint64   case_id)
{
  select_case (f, case_id);
  WAIT_UNTIL (action_enabled (f, "caseload.assign"));
  g_assert_true (gtk_widget_activate_action (f->page, "caseload.assign", NULL));
  WAIT_UNTIL (find_dialog () != NULL);
  return find_dialog ();
}

/* My cases, the team's queue with its deadlines, taking, another desk,
 * assigning, opening the person. */
static void
test_caseload (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  KhCaseloadRow *row;
  AdwMessageDialog *dialog;
  const char *due;
  /* Pictures in Finnish and Swedish skip the English wording. */
  gboolean english = g_getenv ("KOHTAAMO_LOCALEDIR") == NULL;

  kh_test_ui_show (&f->ui, f->page);

  /* My cases first: the one assigned at reception. */
  WAIT_UNTIL (shows (f, 1));
  g_assert_cmpint (case_at (f, 0)->id, ==, f->mine_case);
  if (english)
    g_assert_cmpstr (kh_caseload_page_get_heading (KH_CASELOAD_PAGE (f->page)), ==, "1 case");
  g_assert_false (action_enabled (f, "caseload.take"));   /* mine already */
  kh_test_ui_screenshot (f->ui.window, "caseload-mine");

  /* The team's queue: the urgent case first, then Elsa Vanhanen, over 75,
   * whose contact came on Thursday 2.4.2026: her assessment was to start
   * by the 7th working day, Wednesday 15.4.2026 (Good Friday 3.4. and
   * Easter Monday 6.4. are not working days) — overdue now. */
  kh_caseload_page_set_scope (KH_CASELOAD_PAGE (f->page), KH_CASELOAD_TEAM_QUEUE);
  WAIT_UNTIL (shows (f, 2));
  g_assert_cmpint (case_at (f, 0)->id, ==, f->urgent_case);
  g_assert_cmpint (case_at (f, 1)->id, ==, f->old_case);
  g_assert_cmpstr (case_at (f, 1)->assessment_deadline, ==, "2026-04-15");
  g_assert_cmpstr (case_at (f, 1)->implementation_deadline, ==, "2026-07-02");
  WAIT_UNTIL (row_of (f, f->old_case) != NULL && row_of (f, f->urgent_case) != NULL);
  if (english)
    g_assert_cmpstr (kh_caseload_row_get_status_text (row_of (f, f->urgent_case)), ==, "Urgent");
  /* Said once, by the status word: the line tells the date. */
  if (english)
    g_assert_null (strstr (kh_caseload_row_get_due_text (row_of (f, f->urgent_case)), "Urgent"));
  row = row_of (f, f->old_case);
  if (english)
    g_assert_cmpstr (kh_caseload_row_get_status_text (row), ==, "Overdue");
  due = kh_caseload_row_get_due_text (row);
  g_test_message ("%s", due);
  if (english)
    g_assert_true (g_str_has_prefix (due, "Assessment to start (SHL 36 §): overdue "));
  if (english)
    g_assert_true (g_str_has_suffix (due, "Wed 15.4.2026"));
  if (english)
    g_assert_cmpstr (kh_caseload_page_get_heading (KH_CASELOAD_PAGE (f->page)), ==,
                     "2 cases, 1 urgent, 1 overdue");
  kh_test_ui_screenshot (f->ui.window, "caseload-queue");

  /* Take Elsa Vanhanen's case: it leaves the queue. */
  select_case (f, f->old_case);
  WAIT_UNTIL (action_enabled (f, "caseload.take"));
  g_assert_true (gtk_widget_activate_action (f->page, "caseload.take", NULL));
  WAIT_UNTIL (shows (f, 1));
  g_assert_cmpint (case_at (f, 0)->id, ==, f->urgent_case);
  WAIT_UNTIL (f->toast != NULL);
  if (english)
    g_assert_cmpstr (f->toast, ==, "You took the case of Vanhanen, Elsa. It is now in your cases.");

  /* Another desk takes the urgent case: it leaves this desk's queue
   * without anyone asking (the store's "changed"). */
  g_assert_true (kh_db_take_case (f->pekka_desk, f->pekka, f->urgent_case, &error));
  g_assert_no_error (error);
  WAIT_UNTIL (shows (f, 0));

  /* My cases: Omanen and Vanhanen (overdue first). Give Omanen to Pekka. */
  kh_caseload_page_set_scope (KH_CASELOAD_PAGE (f->page), KH_CASELOAD_MINE);
  WAIT_UNTIL (shows (f, 2));
  g_assert_cmpint (case_at (f, 0)->id, ==, f->old_case);
  g_assert_cmpint (case_at (f, 1)->id, ==, f->mine_case);
  dialog = open_assign_dialog (f, f->mine_case);
  kh_test_ui_screenshot (GTK_WIDGET (dialog), "caseload-assign");
  adw_message_dialog_response (dialog, "assign");
  WAIT_UNTIL (shows (f, 1));
  if (english)
    g_assert_cmpstr (f->toast, ==, "The case of Omanen, Olli is now with Pekka Berg.");
  g_assert_cmpint (kh_test_ui_count (&f->ui, "SELECT count(*) FROM cases WHERE assigned_to = "
                                             "(SELECT id FROM users WHERE account = 'pekka')"), ==, 2);

  /* Enter on a case opens the person. */
  g_signal_emit_by_name (kh_caseload_page_get_list_view (KH_CASELOAD_PAGE (f->page)), "activate", 0);
  g_assert_cmpint (f->opened_client, ==, f->old_client);
}

/* Take and Assign… are reachable from the keyboard: buttons with
 * mnemonics, focusable; the switch too. */
static void
test_keyboard (Fixture       *f,
               gconstpointer  data)
{
  GtkWidget *bar;
  guint mnemonics = 0;

  kh_test_ui_show (&f->ui, f->page);
  WAIT_UNTIL (shows (f, 1));
  bar = gtk_widget_get_first_child (f->page);
  for (GtkWidget *c = gtk_widget_get_first_child (bar); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      if (GTK_IS_BUTTON (c))
        {
          g_assert_true (gtk_button_get_use_underline (GTK_BUTTON (c)));
          g_assert_true (gtk_widget_get_focusable (c));
          mnemonics++;
        }
      for (GtkWidget *b = gtk_widget_get_first_child (c); b != NULL; b = gtk_widget_get_next_sibling (b))
        if (GTK_IS_TOGGLE_BUTTON (b))
          {
            g_assert_true (gtk_button_get_use_underline (GTK_BUTTON (b)));
            mnemonics++;
          }
    }
  g_assert_cmpuint (mnemonics, ==, 4);   /* My Cases, Team Queue, Take, Assign… */
}

static KhAssessmentWindow *
find_assessment_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (KH_IS_ASSESSMENT_WINDOW (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return KH_ASSESSMENT_WINDOW (window);
    }
  return NULL;
}

/* The row's assessment button, when it says `label`. */
static GtkWidget *
assessment_button (Fixture    *f,
                   gint64      case_id,
                   const char *label)
{
  KhCaseloadRow *row = row_of (f, case_id);
  GtkWidget *button = row != NULL ? kh_caseload_row_get_assessment_button (row) : NULL;

  if (button == NULL || g_strcmp0 (gtk_button_get_label (GTK_BUTTON (button)), label) != 0)
    return NULL;
  return button;
}

static KhAssessmentWindow *
wait_for_assessment_window (gint64 case_id)
{
  KhAssessmentWindow *window;

  WAIT_UNTIL ((window = find_assessment_window ()) != NULL);
  WAIT_UNTIL (kh_assessment_window_get_loaded (window));
  g_assert_null (kh_assessment_window_get_message (window));
  g_assert_cmpint (kh_assessment_window_get_case_id (window), ==, case_id);
  return window;
}

static void
close_and_wait (KhAssessmentWindow *window)
{
  gpointer weak = window;

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_close (GTK_WINDOW (window));
  WAIT_UNTIL (weak == NULL);
}

/* Whether the page binds `accelerator` to the action `name`. */
static gboolean
binds (GtkWidget  *widget,
       const char *accelerator,
       const char *name)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (accelerator);

  g_assert_nonnull (wanted);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted)
              && GTK_IS_NAMED_ACTION (action)
              && g_strcmp0 (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)), name) == 0)
            return TRUE;
        }
    }
  return FALSE;
}

/* The menu's item labels, in order. */
static char *
menu_labels (GMenuModel *menu)
{
  g_autoptr(GString) labels = g_string_new (NULL);

  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      g_autofree char *label = NULL;

      if (section != NULL)
        {
          g_autofree char *inner = menu_labels (section);

          g_string_append_printf (labels, "%s%s", labels->len > 0 && *inner != '\0' ? "|" : "", inner);
        }
      else if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        g_string_append_printf (labels, "%s%s", labels->len > 0 ? "|" : "", label);
    }
  return g_string_free (g_steal_pointer (&labels), FALSE);
}

static GtkPopoverMenu *
find_popover_menu (GtkWidget *widget)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_POPOVER_MENU (c))
      return GTK_POPOVER_MENU (c);
  return NULL;
}

/* Issue 7, "how we will know": the worker takes a case from the team's
 * queue, starts its assessment from the case's row, types, closes the
 * window in the middle, and continues from the row where they were: the
 * button, the keyboard (Ctrl+Enter, the context menu) open the same
 * window as the person's page. */
static void
test_assess_from_row (Fixture       *f,
                      gconstpointer  data)
{
  KhAssessmentWindow *window;
  KhAssessmentWizard *w;
  GtkPopoverMenu *menu;
  GtkWidget *button;
  gboolean english = g_getenv ("KOHTAAMO_LOCALEDIR") == NULL;

  kh_test_ui_show (&f->ui, f->page);
  WAIT_UNTIL (shows (f, 1));

  /* In the queue: no assessment before the case is taken. */
  kh_caseload_page_set_scope (KH_CASELOAD_PAGE (f->page), KH_CASELOAD_TEAM_QUEUE);
  WAIT_UNTIL (shows (f, 2));
  WAIT_UNTIL (row_of (f, f->old_case) != NULL);
  g_assert_null (kh_caseload_row_get_assessment_button (row_of (f, f->old_case)));
  select_case (f, f->old_case);
  WAIT_UNTIL (action_enabled (f, "caseload.take"));
  g_assert_false (gtk_widget_activate_action (f->page, "caseload.assess-selected", NULL)
                  && find_assessment_window () != NULL);
  g_assert_true (gtk_widget_activate_action (f->page, "caseload.take", NULL));
  WAIT_UNTIL (shows (f, 1));

  /* My cases: Vanhanen's row says Start Assessment. */
  kh_caseload_page_set_scope (KH_CASELOAD_PAGE (f->page), KH_CASELOAD_MINE);
  WAIT_UNTIL (shows (f, 2));
  if (english)
    {
      WAIT_UNTIL ((button = assessment_button (f, f->old_case, "Start Assessment")) != NULL);
      g_assert_nonnull (assessment_button (f, f->mine_case, "Start Assessment"));
    }
  else
    WAIT_UNTIL (row_of (f, f->old_case) != NULL
                && (button = kh_caseload_row_get_assessment_button (row_of (f, f->old_case))) != NULL);
  kh_test_ui_screenshot (f->ui.window, "caseload-assess");
  g_signal_emit_by_name (button, "clicked");
  window = wait_for_assessment_window (f->old_case);
  w = kh_assessment_window_get_wizard (window);
  g_assert_cmpint (kh_assessment_wizard_get_step (w), ==, KH_ASSESSMENT_STEP_START);
  gtk_widget_activate_action (GTK_WIDGET (w), "wizard.next", NULL);
  g_assert_cmpint (kh_assessment_wizard_get_step (w), ==, KH_ASSESSMENT_STEP_CLIENT_VIEW);
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (w->client_view);
    const char *text = "Haluan pysyä kotona.";

    gtk_widget_grab_focus (GTK_WIDGET (w->client_view));
    for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
      gtk_text_buffer_insert_interactive_at_cursor (buffer, p, g_utf8_next_char (p) - p, TRUE);
  }
  /* Closed in the middle of typing: closing saves. */
  close_and_wait (window);

  /* The row says Continue Assessment now; Ctrl+Enter on the selected case
   * opens the draft where it was left. */
  if (english)
    WAIT_UNTIL (assessment_button (f, f->old_case, "Continue Assessment") != NULL);
  else
    WAIT_UNTIL (case_at (f, 0) != NULL && case_at (f, 0)->assessment_status == 1);
  g_assert_true (binds (f->page, "<Control>Return", "caseload.assess-selected"));
  g_assert_true (binds (f->page, "Menu", "caseload.menu"));
  g_assert_true (binds (f->page, "<Shift>F10", "caseload.menu"));
  select_case (f, f->old_case);
  g_assert_true (gtk_widget_activate_action (f->page, "caseload.assess-selected", NULL));
  window = wait_for_assessment_window (f->old_case);
  w = kh_assessment_window_get_wizard (window);
  g_assert_cmpint (kh_assessment_wizard_get_step (w), ==, KH_ASSESSMENT_STEP_CLIENT_VIEW);
  {
    g_autofree char *text = kh_note_field_dup_text (w->client_view);

    g_assert_cmpstr (text, ==, "Haluan pysyä kotona.");
  }
  close_and_wait (window);

  /* The case's context menu (the Menu key) has the same, first. */
  select_case (f, f->old_case);
  g_assert_true (gtk_widget_activate_action (f->page, "caseload.menu", NULL));
  menu = find_popover_menu (f->page);
  g_assert_nonnull (menu);
  WAIT_UNTIL (gtk_widget_get_visible (GTK_WIDGET (menu)));
  if (english)
    {
      g_autofree char *labels = menu_labels (gtk_popover_menu_get_menu_model (menu));

      g_assert_cmpstr (labels, ==, "Continue Assessment|Open Person|_Assign…");
    }
  kh_test_ui_screenshot (f->ui.window, "caseload-menu");
  gtk_popover_popdown (GTK_POPOVER (menu));
  g_assert_true (gtk_widget_activate_action (f->page, "caseload.assess", "x", f->old_case));
  window = wait_for_assessment_window (f->old_case);
  close_and_wait (window);
}

/* Issue 5, 2.9: the lead social worker gives a case to a colleague: the
 * case's team is listed; a worker of another team is behind "Show workers
 * of other teams", still to be chosen (cases move between teams). */
static void
test_assign_team_first (Fixture       *f,
                        gconstpointer  data)
{
  AdwMessageDialog *dialog;
  GtkWidget *extra;
  GtkDropDown *choice;
  GtkCheckButton *all;
  GListModel *names;
  gboolean english = g_getenv ("KOHTAAMO_LOCALEDIR") == NULL;

  kh_test_ui_show (&f->ui, f->page);
  WAIT_UNTIL (shows (f, 1));
  dialog = open_assign_dialog (f, f->mine_case);
  extra = adw_message_dialog_get_extra_child (dialog);
  choice = GTK_DROP_DOWN (gtk_widget_get_first_child (extra));
  all = GTK_CHECK_BUTTON (gtk_widget_get_last_child (extra));

  /* The case's team: Pekka (the case is the lead's own). */
  names = gtk_drop_down_get_model (choice);
  g_assert_cmpuint (g_list_model_get_n_items (names), ==, 1);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 0), ==, "Pekka Berg");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (all)));
  g_assert_false (gtk_check_button_get_active (all));
  if (english)
    g_assert_cmpstr (gtk_check_button_get_label (all), ==, "Show _workers of other teams");

  /* Everyone, the team first; the choice stays where it was. */
  gtk_check_button_set_active (all, TRUE);
  names = gtk_drop_down_get_model (choice);
  g_assert_cmpuint (g_list_model_get_n_items (names), ==, 2);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 0), ==, "Pekka Berg");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 1), ==,
                   "Tiina Tiimiläinen · Nuoret aikuiset");
  g_assert_cmpuint (gtk_drop_down_get_selected (choice), ==, 0);
  gtk_drop_down_set_selected (choice, 1);
  kh_test_ui_screenshot (GTK_WIDGET (dialog), "caseload-assign-other-team");

  /* Back to the team: Pekka again, Tiina not listed. */
  gtk_check_button_set_active (all, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (choice)), ==, 1);
  g_assert_cmpuint (gtk_drop_down_get_selected (choice), ==, 0);

  /* And Tiina after all: the case is hers. */
  gtk_check_button_set_active (all, TRUE);
  gtk_drop_down_set_selected (choice, 1);
  adw_message_dialog_response (dialog, "assign");
  WAIT_UNTIL (shows (f, 0));
  if (english)
    g_assert_cmpstr (f->toast, ==,
                     "The case of Omanen, Olli is now with Tiina Tiimiläinen, in the team Nuoret aikuiset.");
  /* The case went with her into her team (kh_case_team_after_assign). */
  g_assert_cmpint (kh_test_ui_count (&f->ui, "SELECT count(*) FROM cases WHERE assigned_to = "
                                             "(SELECT id FROM users WHERE account = 'tiina') "
                                             "AND team_id = (SELECT id FROM teams WHERE name = 'Nuoret aikuiset')"),
                   ==, 1);
}

/* Issue 9, 5: the case's client plan on its row — the review date
 * passed, an action overdue — and nothing of a plan on a case without. */
static void
test_plan_on_row (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(KhClientPlan) plan = NULL;
  g_autofree char *review = NULL;
  g_autofree char *want = NULL;
  g_autofree char *iso = NULL;
  KhCaseloadRow *row;
  GDate day;

  /* Made a hundred days ago, to be reviewed ten days ago; the client's
   * action was due five days ago. */
  plan = kh_test_ui_make_plan (f->other, f->me, f->mine_client, f->mine_case, 100, -10, -5);
  iso = kh_date_to_iso (&plan->review_on);
  kh_test_ui_show (&f->ui, f->page);
  WAIT_UNTIL (shows (f, 1) && row_of (f, f->mine_case) != NULL);
  g_assert_cmpstr (case_at (f, 0)->plan_review_on, ==, iso);
  g_assert_cmpint (case_at (f, 0)->plan_overdue_actions, ==, 1);
  row = row_of (f, f->mine_case);
  kh_test_ui_screenshot (f->ui.window, "caseload-plan");
  if (g_getenv ("KOHTAAMO_LOCALEDIR") == NULL)
    {
      kh_test_ui_day_from_now (&day, -10);
      review = kh_calendar_format_day (&day);
      want = g_strdup_printf ("Client plan review overdue: %s · 1 plan action overdue", review);
      g_assert_cmpstr (kh_caseload_row_get_plan_text (row), ==, want);
    }
  /* The queue's cases have none. */
  kh_caseload_page_set_scope (KH_CASELOAD_PAGE (f->page), KH_CASELOAD_TEAM_QUEUE);
  WAIT_UNTIL (shows (f, 2) && row_of (f, f->old_case) != NULL);
  g_assert_null (kh_caseload_row_get_plan_text (row_of (f, f->old_case)));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* Pictures in Finnish and Swedish: KOHTAAMO_LOCALEDIR, LANGUAGE and
   * KH_TEST_SCREENSHOTS from outside (the assertions are on English text:
   * run the pictures with -p /ui/caseload/keyboard … or read them only). */
  if (g_getenv ("KOHTAAMO_LOCALEDIR") != NULL)
    {
      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("KOHTAAMO_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }

  g_test_add ("/ui/caseload/take-assign-live", Fixture, NULL, fixture_set_up, test_caseload,
              fixture_tear_down);
  g_test_add ("/ui/caseload/plan-on-row", Fixture, NULL, fixture_set_up, test_plan_on_row,
              fixture_tear_down);
  g_test_add ("/ui/caseload/keyboard", Fixture, NULL, fixture_set_up, test_keyboard,
              fixture_tear_down);
  g_test_add ("/ui/caseload/assess-from-row", Fixture, NULL, fixture_set_up, test_assess_from_row,
              fixture_tear_down);
  g_test_add ("/ui/caseload/assign-team-first", Fixture, GINT_TO_POINTER (KH_ROLE_LEAD),
              fixture_set_up, test_assign_team_first, fixture_tear_down);

  return g_test_run ();
}
