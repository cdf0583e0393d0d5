/* test-network-window.c — the client's network page in real windows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 9: a social worker opens a demo person's page and, from it, the
 * network: the list and the map show the same entries; a click on a node
 * selects its row, the arrow keys in the list move the map's selection
 * (both through the X server); a person added through the dialog is in
 * the store; a consent recorded and withdrawn changes the state shown; a
 * version saved and compared with the demo's first one shows the two
 * maps and the changed tie; the map exported as PNG and PDF reads back.
 * Reception sees no network at all. With KH_TEST_SCREENSHOTS set,
 * pictures of networks of 5, 15 and 40 entries, light and dark.
 */
#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n.h>
#include <poppler.h>
#include <sqlite3.h>

#include "admin/kh-admin-demo.h"
#include "ui/clients/kh-clients-page.h"
#include "ui/clients/kh-person-page.h"
#include "ui/network/kh-network-consent-dialog.h"
#include "ui/network/kh-network-member-dialog.h"
#include "ui/network/kh-network-versions.h"
#include "ui/network/kh-network-window.h"
#include "ui/common/kh-field-message.h"

#include "kh-shell-test.h"
#include "kh-test-ui.h"
#include "kh-test-xtest.h"
#include "tests/ecomap-sample.h"

typedef struct {
  KhShellFixture   shell;
  gint64           client_id;
  KhPersonPage    *page;
  KhNetworkWindow *network;
} Fixture;

/* ---- the database ---- */

static KhDb *
open_db (Fixture  *f,
         KhUser  **worker)
{
  g_autoptr(GError) error = NULL;
  KhDb *db = kh_db_open (f->shell.path, &error);

  g_assert_no_error (error);
  if (worker != NULL)
    {
      *worker = kh_db_login (db, g_get_user_name (), NULL, &error);
      g_assert_no_error (error);
    }
  return db;
}

static gint64
query_number (Fixture    *f,
              const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  g_assert_cmpint (sqlite3_open_v2 (f->shell.path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

/* A unit with an administrator and the test's account in `role` (a
 * social worker unless given), the demo's people with their networks,
 * and the person page of the one with the largest network. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  KhRole role = data != NULL ? GPOINTER_TO_INT (data) : KH_ROLE_SOCIAL_WORKER;
  g_autoptr(GError) error = NULL;
  GtkWidget *clients;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  kh_shell_fixture_init (&f->shell);
  {
    g_autoptr(KhDb) db = kh_db_open (f->shell.path, &error);
    g_autoptr(KhUser) admin = NULL;
    g_autoptr(KhUser) worker = NULL;
    KhDemoSummary summary = { 0 };

    g_assert_no_error (error);
    admin = kh_db_save_user (db, NULL, "kohtaamo-test-admin", "Ilona Lindqvist", KH_ROLE_ADMIN, TRUE, &error);
    g_assert_no_error (error);
    worker = kh_db_save_user (db, admin, g_get_user_name (), "Sari Sosiaalityöntekijä", KH_ROLE_SOCIAL_WORKER,
                              TRUE, &error);
    g_assert_no_error (error);
    g_assert_true (kh_admin_demo_run (db, admin, 30, 7, FALSE, NULL, &summary, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (summary.network_members, >, 0);
    if (role != KH_ROLE_SOCIAL_WORKER)
      {
        g_autoptr(KhUser) other = kh_db_save_user (db, admin, g_get_user_name (), NULL, role, TRUE, &error);

        g_assert_no_error (error);
      }
  }
  f->client_id = query_number (f, "SELECT client_id FROM network_members GROUP BY client_id "
                                  "ORDER BY count(*) DESC, client_id LIMIT 1");
  g_assert_cmpint (f->client_id, >, 0);

  kh_shell_fixture_start (&f->shell);
  g_assert_cmpstr (kh_window_get_state (f->shell.window), ==, "content");
  clients = kh_shell_fixture_get_view (&f->shell, "clients");
  f->page = KH_PERSON_PAGE (gtk_widget_get_template_child (clients, KH_TYPE_CLIENTS_PAGE, "person_page"));
  kh_clients_page_show_client (KH_CLIENTS_PAGE (clients), f->client_id);
  WAIT_UNTIL (kh_person_page_get_client (f->page) != NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data G_GNUC_UNUSED)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  /* Every window the test opened (dialogs, message dialogs) but the main one. */
  for (guint i = g_list_model_get_n_items (toplevels); i-- > 0;)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (window != GTK_WINDOW (f->shell.window))
        gtk_window_destroy (window);
    }
  kh_shell_fixture_clear (&f->shell);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
}

/* ---- the windows ---- */

static void
loaded_cb (gpointer data)
{
  (*(guint *) data)++;
}

/* Opens the network from the person page, as a worker does, and waits
 * until it has been read and drawn. */
static KhNetworkWindow *
open_network (Fixture *f)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "person.network", NULL));
  WAIT_UNTIL (kh_test_ui_find_window (KH_TYPE_NETWORK_WINDOW) != NULL);
  f->network = KH_NETWORK_WINDOW (kh_test_ui_find_window (KH_TYPE_NETWORK_WINDOW));
  WAIT_UNTIL (kh_network_window_get_members (f->network) != NULL
              && kh_ecomap_get_layout (kh_network_window_get_map (f->network)) != NULL);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->network));
  return f->network;
}

/* Waits until the window has read the network more than `before` times
 * (counted by loaded_cb) and drawn it. */
static void
reload_after (KhNetworkWindow *network,
              guint           *loads,
              guint            before)
{
  WAIT_UNTIL (*loads > before);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (network));
}

static guint
n_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

static int
index_of (GPtrArray *members,
          gint64     id)
{
  for (guint i = 0; i < members->len; i++)
    if (((KhNetworkMember *) g_ptr_array_index (members, i))->id == id)
      return i;
  return -1;
}

static KhNetworkMember *
member_named (GPtrArray  *members,
              const char *name)
{
  for (guint i = 0; members != NULL && i < members->len; i++)
    if (g_strcmp0 (kh_network_member_display_name (g_ptr_array_index (members, i)), name) == 0)
      return g_ptr_array_index (members, i);
  return NULL;
}

static int
selected_index (GtkListBox *list)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (list);

  return row != NULL ? gtk_list_box_row_get_index (row) : -1;
}

static gboolean
closed (GtkWindow **window)
{
  return *window == NULL;
}

static void
wait_closed (GtkWindow *window)
{
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  WAIT_UNTIL (closed (&window) || !gtk_widget_get_visible (GTK_WIDGET (window)));
  if (window != NULL)
    g_object_remove_weak_pointer (G_OBJECT (window), (gpointer *) &window);
}

/* ---- tests ---- */

/* The list and the map show the same entries; a click on a node selects
 * its row; the arrow keys in the list move the map's selection. */
static void
test_page (Fixture       *f,
           gconstpointer  data G_GNUC_UNUSED)
{
  KhNetworkWindow *network = open_network (f);
  GPtrArray *members = kh_network_window_get_members (network);
  KhEcomap *map = kh_network_window_get_map (network);
  GtkListBox *list = kh_network_window_get_list (network);
  const KhEcomapLayout *layout = kh_ecomap_get_layout (map);
  const KhEcomapNode *node;
  int first;

  g_assert_cmpuint (members->len, >=, 5);
  g_assert_cmpuint (n_rows (list), ==, members->len);
  g_assert_cmpuint (layout->n_nodes, ==, members->len);
  for (guint i = 0; i < members->len; i++)
    {
      KhNetworkMember *m = g_ptr_array_index (members, i);
      AdwPreferencesRow *row = ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (list, i));
      int index = kh_ecomap_layout_find (layout, m->id);

      g_assert_cmpint (index, >=, 0);
      g_assert_cmpstr (adw_preferences_row_get_title (row), ==, kh_network_member_display_name (m));
      g_assert_cmpstr (layout->nodes[index].entry.label, ==, kh_network_member_display_name (m));
    }
  g_assert_null (gtk_list_box_get_selected_row (list));
  /* The map's own words in the UI's language (English here), the names
   * the list and the form use: not the client's Finnish or Swedish. */
  g_assert_cmpint (layout->wedges[0].sector, ==, KH_SECTOR_FAMILY);
  g_assert_cmpstr (layout->wedges[0].name, ==, "Family and relatives");
  for (guint w = 0; w < layout->n_wedges; w++)
    g_assert_cmpstr (layout->wedges[w].name, ==, kh_network_code_label (KH_NETWORK_CODE_SECTOR, layout->wedges[w].sector));

  if (!kh_xtest_available (GTK_WIDGET (network)))
    {
      g_test_skip ("clicks and keys go through X (XTest)");
      return;
    }
  /* A click on the third node: its row is selected. */
  node = &layout->nodes[2];
  kh_xtest_click (GTK_WIDGET (network), GTK_WIDGET (map), node->x, node->y, 1);
  WAIT_UNTIL (kh_ecomap_get_selected_id (map) == node->entry.id);
  g_assert_cmpint (selected_index (list), ==, index_of (members, node->entry.id));

  /* Down in the list: the next row, and its node on the map. */
  first = selected_index (list);
  g_assert_cmpint (first, >=, 0);
  if ((guint) first + 1 >= members->len)
    first = -1;
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (list, first < 0 ? 0 : first)));
  if (first < 0)
    {
      gtk_list_box_select_row (list, gtk_list_box_get_row_at_index (list, 0));
      first = 0;
    }
  WAIT_UNTIL (gtk_widget_has_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (list, first))));
  kh_xtest_press (GTK_WIDGET (network), XK_Down, FALSE);
  WAIT_UNTIL (selected_index (list) == first + 1);
  g_assert_cmpint (kh_ecomap_get_selected_id (map), ==,
                   ((KhNetworkMember *) g_ptr_array_index (members, first + 1))->id);
  kh_xtest_press (GTK_WIDGET (network), XK_Up, FALSE);
  WAIT_UNTIL (selected_index (list) == first);
  g_assert_cmpint (kh_ecomap_get_selected_id (map), ==,
                   ((KhNetworkMember *) g_ptr_array_index (members, first))->id);
  kh_test_ui_screenshot (GTK_WIDGET (network), "network-page");
}

static KhNetworkMemberDialog *
wait_member_dialog (void)
{
  WAIT_UNTIL (kh_test_ui_find_window (KH_TYPE_NETWORK_MEMBER_DIALOG) != NULL);
  return KH_NETWORK_MEMBER_DIALOG (kh_test_ui_find_window (KH_TYPE_NETWORK_MEMBER_DIALOG));
}

static const char *
label_text (GtkWidget *label)
{
  return gtk_label_get_text (GTK_LABEL (label));
}

/* A person added through the dialog: refused at the field without a
 * name, then saved in the store and shown in the list and on the map. */
static void
add_person (Fixture         *f,
            KhNetworkWindow *network,
            const char      *name)
{
  KhNetworkMemberDialog *dialog;
  guint loads = 0;
  guint before = kh_network_window_get_members (network)->len;
  GtkWidget *name_row;

  g_signal_connect_swapped (network, "loaded", G_CALLBACK (loaded_cb), &loads);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (network), "network.add-person", NULL));
  dialog = wait_member_dialog ();
  name_row = kh_network_member_dialog_get_field (dialog, "name");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "member.save", NULL));
  g_assert_true (kh_field_message_is_shown (name_row));
  g_assert_cmpstr (gtk_label_get_text (kh_field_message_get_label (name_row)), ==,
                   "Give the person’s name.");
  kh_test_ui_screenshot (GTK_WIDGET (dialog), "network-member-refused");

  gtk_editable_set_text (GTK_EDITABLE (name_row), name);
  adw_combo_row_set_selected (ADW_COMBO_ROW (kh_network_member_dialog_get_field (dialog, "relation")),
                              KH_RELATION_FRIEND);
  adw_combo_row_set_selected (ADW_COMBO_ROW (kh_network_member_dialog_get_field (dialog, "sector")),
                              KH_SECTOR_FRIENDS - KH_SECTOR_FIRST);
  adw_combo_row_set_selected (ADW_COMBO_ROW (kh_network_member_dialog_get_field (dialog, "tie")),
                              KH_TIE_STRONG - KH_TIE_FIRST);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (kh_network_member_dialog_get_field (dialog, "support-3")), TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "member.save", NULL));
  wait_closed (GTK_WINDOW (dialog));
  reload_after (network, &loads, 0);
  g_signal_handlers_disconnect_by_func (network, loaded_cb, &loads);
  g_assert_cmpuint (kh_network_window_get_members (network)->len, ==, before + 1);

  {
    g_autoptr(KhUser) worker = NULL;
    g_autoptr(KhDb) db = open_db (f, &worker);
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) stored = kh_db_list_network (db, worker, f->client_id, FALSE, &error);
    KhNetworkMember *m;

    g_assert_no_error (error);
    m = member_named (stored, name);
    g_assert_nonnull (m);
    g_assert_cmpint (m->kind, ==, KH_NETWORK_PERSON);
    g_assert_cmpint (m->relation, ==, KH_RELATION_FRIEND);
    g_assert_cmpint (m->sector, ==, KH_SECTOR_FRIENDS);
    g_assert_cmpint (m->tie, ==, KH_TIE_STRONG);
    g_assert_cmpuint (m->support, ==, KH_SUPPORT_COMPANY);
    g_assert_true (kh_ecomap_layout_find (kh_ecomap_get_layout (kh_network_window_get_map (network)), m->id) >= 0);
  }
}

/* Added, then removed through its window: off the list and the map; the
 * store keeps it, marked removed. */
static void
test_add_member (Fixture       *f,
                 gconstpointer  data G_GNUC_UNUSED)
{
  KhNetworkWindow *network = open_network (f);
  GtkListBox *list = kh_network_window_get_list (network);
  KhNetworkMemberDialog *dialog;
  AdwMessageDialog *question;
  KhNetworkMember *m;
  gint64 id;
  guint loads = 0;
  guint before;

  add_person (f, network, "Kalle Testinen");
  before = kh_network_window_get_members (network)->len;
  m = member_named (kh_network_window_get_members (network), "Kalle Testinen");
  id = m->id;
  g_signal_connect_swapped (network, "loaded", G_CALLBACK (loaded_cb), &loads);
  g_signal_emit_by_name (list, "row-activated",
                         gtk_list_box_get_row_at_index (list, index_of (kh_network_window_get_members (network), id)));
  dialog = wait_member_dialog ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "member.remove", NULL));
  WAIT_UNTIL (kh_test_ui_find_window (ADW_TYPE_MESSAGE_DIALOG) != NULL);
  question = ADW_MESSAGE_DIALOG (kh_test_ui_find_window (ADW_TYPE_MESSAGE_DIALOG));
  adw_message_dialog_response (question, "remove");
  wait_closed (GTK_WINDOW (dialog));
  reload_after (network, &loads, 0);
  g_assert_cmpuint (kh_network_window_get_members (network)->len, ==, before - 1);
  g_assert_null (member_named (kh_network_window_get_members (network), "Kalle Testinen"));
  g_assert_cmpint (kh_ecomap_layout_find (kh_ecomap_get_layout (kh_network_window_get_map (network)), id), ==, -1);
  {
    g_autoptr(KhUser) worker = NULL;
    g_autoptr(KhDb) db = open_db (f, &worker);
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) all = kh_db_list_network (db, worker, f->client_id, TRUE, &error);
    g_autoptr(GPtrArray) history = NULL;

    g_assert_no_error (error);
    g_assert_true (member_named (all, "Kalle Testinen")->removed);
    history = kh_db_list_network_member_history (db, worker, f->client_id, id, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (history->len, ==, 2);
  }
}

/* Picking a service of the directory presets its life area on the map:
 * the housing advice goes to housing, the parish's diaconal work to the
 * organisations and parishes; the worker's own choice after it stands. */
static void
test_service_sector (Fixture       *f,
                     gconstpointer  data G_GNUC_UNUSED)
{
  KhNetworkWindow *network = open_network (f);
  KhNetworkMemberDialog *dialog;
  AdwComboRow *service;
  AdwComboRow *sector;
  GListModel *names;
  guint housing = 0;
  guint diaconal = 0;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (network), "network.add-service", NULL));
  dialog = wait_member_dialog ();
  service = ADW_COMBO_ROW (kh_network_member_dialog_get_field (dialog, "service"));
  sector = ADW_COMBO_ROW (kh_network_member_dialog_get_field (dialog, "sector"));
  WAIT_UNTIL (gtk_widget_get_sensitive (GTK_WIDGET (service)));
  names = adw_combo_row_get_model (service);
  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    {
      const char *name = gtk_string_list_get_string (GTK_STRING_LIST (names), i);

      if (g_strcmp0 (name, "Asumisneuvonta") == 0)
        housing = i;
      else if (g_strcmp0 (name, "Seurakunnan diakoniatyö") == 0)
        diaconal = i;
    }
  g_assert_cmpuint (housing, >, 0);
  g_assert_cmpuint (diaconal, >, 0);
  /* A new service starts among the social services. */
  g_assert_cmpuint (adw_combo_row_get_selected (sector), ==, KH_SECTOR_SOCIAL_SERVICES - KH_SECTOR_FIRST);
  adw_combo_row_set_selected (service, housing);
  g_assert_cmpuint (adw_combo_row_get_selected (sector), ==, KH_SECTOR_HOUSING - KH_SECTOR_FIRST);
  adw_combo_row_set_selected (service, diaconal);
  g_assert_cmpuint (adw_combo_row_get_selected (sector), ==, KH_SECTOR_ORGANISATIONS - KH_SECTOR_FIRST);
  adw_combo_row_set_selected (sector, KH_SECTOR_HEALTH - KH_SECTOR_FIRST);
  adw_combo_row_set_selected (service, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (sector), ==, KH_SECTOR_HEALTH - KH_SECTOR_FIRST);
}

/* The store refuses (someone saved the entry meanwhile): the refusal is
 * said and the form keeps what was typed. */
static void
test_store_error_keeps_form (Fixture       *f,
                             gconstpointer  data G_GNUC_UNUSED)
{
  KhNetworkWindow *network = open_network (f);
  GtkListBox *list = kh_network_window_get_list (network);
  KhNetworkMember *first = g_ptr_array_index (kh_network_window_get_members (network), 0);
  KhNetworkMemberDialog *dialog;
  GtkWidget *name_row;
  GtkWidget *message;

  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, 0));
  dialog = wait_member_dialog ();
  name_row = kh_network_member_dialog_get_field (dialog, "name");
  g_assert_cmpint (kh_network_member_dialog_get_member (dialog)->id, ==, first->id);
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Toinen Nimi");
  {
    g_autoptr(KhUser) worker = NULL;
    g_autoptr(KhDb) db = open_db (f, &worker);
    g_autoptr(GError) error = NULL;
    g_autoptr(KhNetworkMember) change = kh_network_member_copy (first);
    g_autoptr(KhNetworkMember) saved = NULL;

    change->distance = change->distance == KH_DISTANCE_FAR ? KH_DISTANCE_CLOSE : KH_DISTANCE_FAR;
    saved = kh_db_save_network_member (db, worker, change, &error);
    g_assert_no_error (error);
  }
  message = kh_network_member_dialog_get_field (dialog, "message");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "member.save", NULL));
  WAIT_UNTIL (label_text (message)[0] != '\0' && gtk_widget_is_visible (message));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Toinen Nimi");
  g_assert_true (gtk_widget_get_sensitive (kh_network_member_dialog_get_field (dialog, "save")));
  kh_test_ui_screenshot (GTK_WIDGET (dialog), "network-member-stale");
}

static GtkWidget *
find_button (GtkWidget *root)
{
  if (GTK_IS_BUTTON (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A consent recorded, then withdrawn: the dialog and the list say so,
 * and the store has both. */
static void
test_consent (Fixture       *f,
              gconstpointer  data G_GNUC_UNUSED)
{
  KhNetworkWindow *network = open_network (f);
  GtkListBox *list = kh_network_window_get_list (network);
  KhNetworkMemberDialog *dialog;
  KhNetworkConsentDialog *consent;
  AdwMessageDialog *question;
  GtkWidget *state;
  GtkWidget *withdraw;
  KhNetworkMember *m;
  guint loads = 0;
  int index;

  add_person (f, network, "Kerttu Suostuja");
  m = member_named (kh_network_window_get_members (network), "Kerttu Suostuja");
  index = index_of (kh_network_window_get_members (network), m->id);
  g_signal_connect_swapped (network, "loaded", G_CALLBACK (loaded_cb), &loads);
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, index));
  dialog = wait_member_dialog ();
  state = kh_network_member_dialog_get_field (dialog, "consent-state");
  g_assert_cmpstr (label_text (state), ==, "No consent");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "member.record-consent", NULL));
  WAIT_UNTIL (kh_test_ui_find_window (KH_TYPE_NETWORK_CONSENT_DIALOG) != NULL);
  consent = KH_NETWORK_CONSENT_DIALOG (kh_test_ui_find_window (KH_TYPE_NETWORK_CONSENT_DIALOG));
  /* Nothing chosen: refused, the dialog stays. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (consent), "consent.record", NULL));
  g_assert_true (gtk_widget_is_visible (kh_network_consent_dialog_get_field (consent, "message")));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (kh_network_consent_dialog_get_field (consent, "scope-0")), TRUE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (kh_network_consent_dialog_get_field (consent, "scope-1")), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (kh_network_consent_dialog_get_field (consent, "note")), "kirjallinen");
  kh_test_ui_screenshot (GTK_WIDGET (consent), "network-consent");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (consent), "consent.record", NULL));
  wait_closed (GTK_WINDOW (consent));
  WAIT_UNTIL (g_strcmp0 (label_text (state), "Consent in force") == 0);
  reload_after (network, &loads, 0);
  kh_test_ui_screenshot (GTK_WIDGET (dialog), "network-member-consent");
  {
    AdwActionRow *row = ADW_ACTION_ROW (gtk_list_box_get_row_at_index (list, index));
    g_autofree char *description = NULL;

    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Kerttu Suostuja");
    description = gtk_test_accessible_check_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                      "Friend · Friends, neighbours and others close. Strong. Consent in force");
    g_assert_null (description);
  }

  /* Withdrawn today. */
  withdraw = find_button (kh_network_member_dialog_get_field (dialog, "consents"));
  g_assert_nonnull (withdraw);
  g_signal_emit_by_name (withdraw, "clicked");
  WAIT_UNTIL (kh_test_ui_find_window (ADW_TYPE_MESSAGE_DIALOG) != NULL);
  question = ADW_MESSAGE_DIALOG (kh_test_ui_find_window (ADW_TYPE_MESSAGE_DIALOG));
  adw_message_dialog_response (question, "withdraw");
  WAIT_UNTIL (g_strcmp0 (label_text (state), "Consent withdrawn") == 0);
  reload_after (network, &loads, 1);
  {
    g_autoptr(KhUser) worker = NULL;
    g_autoptr(KhDb) db = open_db (f, &worker);
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) stored = kh_db_list_network (db, worker, f->client_id, FALSE, &error);
    KhNetworkMember *s;
    KhNetworkConsent *c;

    g_assert_no_error (error);
    s = member_named (stored, "Kerttu Suostuja");
    g_assert_nonnull (s);
    g_assert_cmpuint (s->consents->len, ==, 1);
    c = g_ptr_array_index (s->consents, 0);
    g_assert_cmpuint (c->scope, ==, KH_CONSENT_CONTACT | KH_CONSENT_SHARE_INFO);
    g_assert_cmpstr (c->note, ==, "kirjallinen");
    g_assert_true (g_date_valid (&c->withdrawn_on));
  }
}

/* A version saved; the demo's first one and it side by side, with the
 * tie that changed between them said in words. */
static void
test_versions (Fixture       *f,
               gconstpointer  data G_GNUC_UNUSED)
{
  KhNetworkWindow *network = open_network (f);
  AdwMessageDialog *question;
  KhNetworkVersions *versions;
  GPtrArray *list;
  GPtrArray *changes;
  gint64 first_version, new_version;
  gboolean tie_changed = FALSE;
  g_autofree char *newest = g_strdup_printf ("SELECT max(id) FROM network_versions WHERE client_id = %" G_GINT64_FORMAT,
                                             f->client_id);

  g_assert_cmpint (query_number (f, "SELECT count(*) FROM network_versions"), >, 0);
  first_version = query_number (f, newest);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (network), "network.save-version", NULL));
  WAIT_UNTIL (kh_test_ui_find_window (ADW_TYPE_MESSAGE_DIALOG) != NULL);
  question = ADW_MESSAGE_DIALOG (kh_test_ui_find_window (ADW_TYPE_MESSAGE_DIALOG));
  gtk_editable_set_text (GTK_EDITABLE (g_object_get_data (G_OBJECT (question), "label-row")), "Arviointi 1");
  kh_test_ui_screenshot (GTK_WIDGET (question), "network-save-version");
  adw_message_dialog_response (question, "save");
  WAIT_UNTIL (query_number (f, newest) > first_version);
  new_version = query_number (f, newest);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (network), "network.versions", NULL));
  WAIT_UNTIL (kh_test_ui_find_window (KH_TYPE_NETWORK_VERSIONS) != NULL);
  versions = KH_NETWORK_VERSIONS (kh_test_ui_find_window (KH_TYPE_NETWORK_VERSIONS));
  WAIT_UNTIL (kh_network_versions_get_list (versions) != NULL);
  list = kh_network_versions_get_list (versions);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((KhNetworkVersion *) g_ptr_array_index (list, 0))->label, ==, "Arviointi 1");
  kh_test_ui_screenshot (GTK_WIDGET (versions), "network-versions");

  /* The demo's first version and the new one, not the map now. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (kh_network_versions_get_check (versions, 0)), FALSE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (kh_network_versions_get_check (versions, first_version)), TRUE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (kh_network_versions_get_check (versions, new_version)), TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (versions), "versions.compare", NULL));
  WAIT_UNTIL (kh_network_versions_get_changes (versions) != NULL);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (versions));
  g_assert_cmpuint (kh_ecomap_get_layout (kh_network_versions_get_map (versions, 0))->n_nodes, >, 0);
  g_assert_cmpuint (kh_ecomap_get_layout (kh_network_versions_get_map (versions, 1))->n_nodes, ==,
                    kh_network_window_get_members (network)->len);
  changes = kh_network_versions_get_changes (versions);
  for (guint i = 0; i < changes->len; i++)
    {
      const char *line = g_ptr_array_index (changes, i);

      g_test_message ("%s", line);
      if (g_str_has_prefix (line, "Changed: ") && strstr (line, "tie: ") != NULL)
        tie_changed = TRUE;
    }
  g_assert_true (tie_changed);
  kh_test_ui_screenshot (GTK_WIDGET (versions), "network-compare");
}

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GError **error = user_data;
  gboolean done = kh_network_window_export_finish (KH_NETWORK_WINDOW (object), result, error);

  if (done)
    *error = g_error_new_literal (G_IO_ERROR, 0, "done");
}

static void
export_to (KhNetworkWindow       *network,
           const char            *path,
           KhNetworkExportFormat  format)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  kh_network_window_export_async (network, file, format, exported_cb, &error);
  WAIT_UNTIL (error != NULL);
  g_assert_cmpstr (error->message, ==, "done");
}

/* The map as PNG and PDF: an image that decodes, a page with the names. */
static void
test_export (Fixture       *f,
             gconstpointer  data G_GNUC_UNUSED)
{
  KhNetworkWindow *network = open_network (f);
  /* With KH_TEST_SCREENSHOTS the files stay there, to be looked at. */
  const char *keep = g_getenv ("KH_TEST_SCREENSHOTS");
  g_autofree char *png = g_build_filename (keep != NULL ? keep : f->shell.dir, "network-export.png", NULL);
  g_autofree char *pdf = g_build_filename (keep != NULL ? keep : f->shell.dir, "network-export.pdf", NULL);
  g_autofree char *uri = g_filename_to_uri (pdf, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  PopplerDocument *document;
  PopplerPage *page;
  g_autofree char *text = NULL;
  GPtrArray *members = kh_network_window_get_members (network);
  guint found = 0;

  export_to (network, png, KH_NETWORK_EXPORT_PNG);
  texture = gdk_texture_new_from_filename (png, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), >, 1000);
  g_assert_cmpint (gdk_texture_get_height (texture), >, 700);

  export_to (network, pdf, KH_NETWORK_EXPORT_PDF);
  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, 1);
  page = poppler_document_get_page (document, 0);
  text = poppler_page_get_text (page);
  g_assert_nonnull (strstr (text, kh_person_page_get_client (f->page)->last_name));
  for (guint i = 0; i < members->len; i++)
    {
      g_auto(GStrv) words = g_strsplit (kh_network_member_display_name (g_ptr_array_index (members, i)), " ", -1);

      /* A long name may wrap on two lines: its first word is on the page. */
      if (strstr (text, words[0]) != NULL)
        found++;
    }
  g_assert_cmpuint (found, ==, members->len);
  /* In the client's language, whatever the UI's (English here). */
  g_assert_nonnull (strstr (text, kh_person_page_get_client (f->page)->language == KH_LANGUAGE_SV ? "Familj" : "Perhe"));
  g_assert_null (strstr (text, "Family"));
  g_object_unref (page);
  g_object_unref (document);
}

/* Reception has no network: no row on the person page, no window; the
 * social worker has both. */
static void
test_roles (Fixture       *f,
            gconstpointer  data)
{
  KhRole role = data != NULL ? GPOINTER_TO_INT (data) : KH_ROLE_SOCIAL_WORKER;
  GtkWidget *group = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->page), KH_TYPE_PERSON_PAGE,
                                                                "network_group"));
  KhStore *store = kh_window_get_store (f->shell.window);

  g_assert_nonnull (group);
  if (role == KH_ROLE_RECEPTION)
    {
      g_assert_false (gtk_widget_get_visible (group));
      g_assert_false (kh_network_window_may_open (store));
      /* The action opens a window at once or never: nothing to wait for. */
      gtk_widget_activate_action (GTK_WIDGET (f->page), "person.network", NULL);
      g_assert_null (kh_test_ui_find_window (KH_TYPE_NETWORK_WINDOW));
    }
  else
    {
      g_assert_true (gtk_widget_get_visible (group));
      g_assert_true (kh_network_window_may_open (store));
      open_network (f);
    }
}

/* Another desk adds to the person's network while the window is open:
 * the list and the map follow by themselves (the store hears the commit),
 * the worker's selection and focus where they were. */
static void
test_other_desk (Fixture       *f,
                 gconstpointer  data G_GNUC_UNUSED)
{
  KhNetworkWindow *network = open_network (f);
  GtkListBox *list = kh_network_window_get_list (network);
  KhEcomap *map = kh_network_window_get_map (network);
  guint before = n_rows (list);
  gint64 selected;

  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 1)));
  gtk_list_box_select_row (list, gtk_list_box_get_row_at_index (list, 1));
  selected = kh_ecomap_get_selected_id (map);
  g_assert_cmpint (selected, >, 0);
  {
    g_autoptr(KhUser) worker = NULL;
    g_autoptr(KhDb) db = open_db (f, &worker);
    g_autoptr(KhNetworkMember) m = kh_network_member_new (KH_NETWORK_PERSON);
    g_autoptr(KhNetworkMember) added = NULL;
    g_autoptr(GError) error = NULL;

    m->client_id = f->client_id;
    m->name = g_strdup ("Pertti Naapuri");
    m->relation = KH_RELATION_NEIGHBOUR;
    m->sector = KH_SECTOR_FRIENDS;
    m->distance = KH_DISTANCE_MIDDLE;
    m->tie = KH_TIE_ORDINARY;
    added = kh_db_add_network_member (db, worker, m, &error);
    g_assert_no_error (error);
  }
  WAIT_UNTIL (member_named (kh_network_window_get_members (network), "Pertti Naapuri") != NULL);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (network));
  g_assert_cmpuint (n_rows (list), ==, before + 1);
  g_assert_cmpint (kh_ecomap_get_layout (map)->n_nodes, ==, before + 1);
  g_assert_cmpint (kh_ecomap_get_selected_id (map), ==, selected);
  g_assert_cmpint (selected_index (list), ==, index_of (kh_network_window_get_members (network), selected));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (gtk_list_box_get_selected_row (list))));
}

/* ---- pictures ---- */

/* Makes the person's network `n` entries long, of every sector, ring and
 * tie, as a worker would draw a crowded one. */
static void
shape_network (Fixture *f,
               guint    n)
{
  g_autoptr(KhUser) worker = NULL;
  g_autoptr(KhDb) db = open_db (f, &worker);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) now = kh_db_list_network (db, worker, f->client_id, FALSE, &error);

  g_assert_no_error (error);
  for (guint i = n; i < now->len; i++)
    {
      g_autoptr(KhNetworkMember) removed = kh_db_remove_network_member (db, worker, g_ptr_array_index (now, i), &error);

      g_assert_no_error (error);
    }
  for (guint i = now->len; i < n; i++)
    {
      char name[64];
      KhEcomapEntry e = sample_mix_entry (i, name);
      gboolean agency = e.kind == KH_NETWORK_AGENCY;
      g_autoptr(KhNetworkMember) m = kh_network_member_new (e.kind);
      g_autoptr(KhNetworkMember) added = NULL;

      m->client_id = f->client_id;
      m->name = g_strdup (name);
      m->sector = e.sector;
      m->distance = e.distance;
      m->tie = e.quality;
      m->direction = e.direction;
      m->relation = agency ? KH_RELATION_NONE : m->sector == KH_SECTOR_FRIENDS ? KH_RELATION_FRIEND : KH_RELATION_RELATIVE;
      added = kh_db_add_network_member (db, worker, m, &error);
      g_assert_no_error (error);
    }
}

static void
test_screenshots (Fixture       *f,
                  gconstpointer  data G_GNUC_UNUSED)
{
  static const guint sizes[] = { 5, 15, 40 };
  const char *language = g_getenv ("LANGUAGE") != NULL ? g_getenv ("LANGUAGE") : "en";

  if (g_getenv ("KH_TEST_SCREENSHOTS") == NULL)
    {
      g_test_skip ("pictures only with KH_TEST_SCREENSHOTS");
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      KhNetworkWindow *network;

      shape_network (f, sizes[i]);
      network = open_network (f);
      for (int dark = 0; dark < 2; dark++)
        {
          g_autofree char *name = g_strdup_printf ("network-%u-%s-%s", sizes[i], language, dark ? "dark" : "light");

          adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                              dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
          if (i == 1)
            kh_ecomap_set_selected_id (kh_network_window_get_map (network),
                                       ((KhNetworkMember *) g_ptr_array_index (kh_network_window_get_members (network), 2))->id);
          kh_test_ui_screenshot (GTK_WIDGET (network), name);
        }
      adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
      /* High contrast, where the desktop's setting is there to turn on
       * (libadwaita follows it; the test's settings are in memory). */
      if (i == 1 && g_settings_schema_source_lookup (g_settings_schema_source_get_default (),
                                                     "org.gnome.desktop.a11y.interface", TRUE) != NULL)
        {
          g_autoptr(GSettings) a11y = g_settings_new ("org.gnome.desktop.a11y.interface");
          g_autofree char *name = g_strdup_printf ("network-%u-%s-high-contrast", sizes[i], language);

          g_settings_set_boolean (a11y, "high-contrast", TRUE);
          WAIT_UNTIL (adw_style_manager_get_high_contrast (adw_style_manager_get_default ()));
          kh_test_ui_screenshot (GTK_WIDGET (network), name);
          g_settings_set_boolean (a11y, "high-contrast", FALSE);
          WAIT_UNTIL (!adw_style_manager_get_high_contrast (adw_style_manager_get_default ()));
        }
      gtk_window_destroy (GTK_WINDOW (network));
      WAIT_UNTIL (kh_test_ui_find_window (KH_TYPE_NETWORK_WINDOW) == NULL);
    }
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("KOHTAAMO_LOCALEDIR");

  kh_shell_test_init (&argc, &argv);
  /* Pictures in Finnish or Swedish: the catalogue of KOHTAAMO_LOCALEDIR. */
  kh_test_ui_bind_catalogue ();

#define ADD(path, data, func) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)
  if (localedir == NULL)
    {
      ADD ("/ui/network/page", NULL, test_page);
      ADD ("/ui/network/add-member", NULL, test_add_member);
      ADD ("/ui/network/store-error-keeps-form", NULL, test_store_error_keeps_form);
      ADD ("/ui/network/consent", NULL, test_consent);
      ADD ("/ui/network/versions", NULL, test_versions);
      ADD ("/ui/network/export", NULL, test_export);
      ADD ("/ui/network/other-desk", NULL, test_other_desk);
      ADD ("/ui/network/service-sector", NULL, test_service_sector);
      ADD ("/ui/network/roles/social-worker", NULL, test_roles);
      ADD ("/ui/network/roles/reception", GINT_TO_POINTER (KH_ROLE_RECEPTION), test_roles);
    }
  ADD ("/ui/network/screenshots", NULL, test_screenshots);
#undef ADD

  return g_test_run ();
}
