/* test-plan-extract.c — giving a joint client plan to a partner agency, in
 * a real window (issue 9, 6): the plan's partners with where the client's
 * consent stands; the one with a consent gets the extract, kept as a
 * disclosure naming the agency and the consent; the PDF read back holds
 * only what the consent allows; a consent withdrawn while the window is
 * open stops it at the top of the window, nothing issued.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <poppler.h>
#include <sqlite3.h>

#include "core/kh-hetu.h"
#include "core/kh-network.h"
#include "store/kh-db.h"
#include "ui/documents/kh-document-window.h"
#include "ui/documents/kh-plan-extract.h"

#include "kh-test-ui.h"

typedef struct {
  char           *dir;
  char           *path;
  KhStore        *store;
  GtkWidget      *parent;
  gint64          client_id;
  gint64          case_id;
  gint64          kela_id;
  gint64          debt_id;
  gint64          friend_id;
  gint64          kela_consent_id;
} Fixture;

static KhNetworkMember *
add_member (KhDb            *db,
            KhUser          *sw,
            KhNetworkMember *m)
{
  g_autoptr(GError) error = NULL;
  KhNetworkMember *stored = kh_db_add_network_member (db, sw, m, &error);

  g_assert_no_error (error);
  return stored;
}

static gint64
add_consent (KhDb           *db,
             KhUser         *sw,
             gint64          client_id,
             gint64          member_id,
             KhConsentScope  scope)
{
  g_autoptr(KhNetworkConsent) c = kh_network_consent_new ();
  g_autoptr(KhNetworkConsent) stored = NULL;
  g_autoptr(GError) error = NULL;

  c->member_id = member_id;
  c->scope = scope;
  g_date_set_dmy (&c->given_on, 1, G_DATE_NOVEMBER, 2026);
  g_date_set_dmy (&c->expires_on, 31, G_DATE_MAY, 2027);
  stored = kh_db_record_network_consent (db, sw, client_id, c, &error);
  g_assert_no_error (error);
  return stored->id;
}

/* The unit (an administrator; the running account a social worker) and
 * Aino Mäkinen, whose case is open: in her network Kela (consent to the
 * plan until 31.5.2027), the debt advice (consent to contact only) and a
 * friend. */
static void
seed (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhDb) db = kh_db_open (f->path, &error);
  g_autoptr(KhUser) admin = NULL;
  g_autoptr(KhUser) own = NULL;
  g_autoptr(KhUser) sw = NULL;
  g_autoptr(KhClient) client = kh_client_new ();
  g_autoptr(KhContact) contact = kh_contact_new ();
  g_autoptr(KhIntakeResult) opened = NULL;
  g_autoptr(KhNetworkMember) kela = kh_network_member_new (KH_NETWORK_AGENCY);
  g_autoptr(KhNetworkMember) debt = kh_network_member_new (KH_NETWORK_AGENCY);
  g_autoptr(KhNetworkMember) friend = kh_network_member_new (KH_NETWORK_PERSON);
  g_autoptr(KhNetworkMember) stored = NULL;
  g_autoptr(KhUser) responsible = NULL;
  g_autoptr(KhResponsibleWorker) naming = NULL;
  KhIntake intake = { contact, client, FALSE, 0, 0 };
  GDate birth;

  g_assert_no_error (error);
  admin = kh_db_save_user (db, NULL, "kohtaamo-test-admin", "Ilona Lindqvist", KH_ROLE_ADMIN, TRUE, &error);
  g_assert_no_error (error);
  own = kh_db_save_user (db, admin, g_get_user_name (), "Sari Sosiaalityöntekijä", KH_ROLE_SOCIAL_WORKER,
                         TRUE, &error);
  g_assert_no_error (error);
  sw = kh_db_login (db, g_get_user_name (), NULL, &error);
  g_assert_no_error (error);

  /* A fictional person: individual number 900–999. */
  g_date_clear (&birth, 1);
  g_date_set_dmy (&birth, 13, G_DATE_OCTOBER, 1972);
  client->identity_kind = KH_IDENTITY_CODE;
  client->identity_code = kh_hetu_make (&birth, 952, 0);
  client->birth_date = g_strdup ("1972-10-13");
  client->last_name = g_strdup ("Mäkinen");
  client->first_names = g_strdup ("Aino Maria");
  client->language = KH_LANGUAGE_FI;
  client->address = g_strdup ("Koivukuja 3 A 5");
  client->postal_code = g_strdup ("40320");
  client->city = g_strdup ("Jyväskylä");
  contact->channel = KH_CHANNEL_WALK_IN;
  contact->contactor = KH_CONTACTOR_SELF;
  contact->language = KH_LANGUAGE_FI;
  contact->outcome = KH_OUTCOME_CASE_OPENED;
  contact->needs = KH_NEED_FINANCIAL;
  contact->urgency = KH_URGENCY_NOT_URGENT;
  contact->reason_text = g_strdup ("Vuokrarästit ja velat");
  contact->received_at = g_date_time_new_now_local ();
  intake.assign_to = sw->id;
  opened = kh_db_save_intake (db, sw, &intake, &error);
  g_assert_no_error (error);
  f->client_id = opened->client_id;
  f->case_id = opened->case_id;
  /* Her named responsible worker (SHL 42 §) is a colleague. */
  responsible = kh_db_save_user (db, admin, "outi", "Outi Omatyöntekijä", KH_ROLE_COUNSELLOR, TRUE, &error);
  g_assert_no_error (error);
  naming = kh_db_name_responsible_worker (db, sw, f->client_id, responsible->id, NULL, &error);
  g_assert_no_error (error);

  kela->client_id = f->client_id;
  kela->service_id = 1;          /* Kela, in the directory every unit starts with */
  kela->contact_person = g_strdup ("Pekka Palveluneuvoja");
  kela->sector = KH_SECTOR_BENEFITS;
  kela->distance = KH_DISTANCE_MIDDLE;
  kela->tie = KH_TIE_ORDINARY;
  stored = add_member (db, sw, kela);
  f->kela_id = stored->id;
  g_clear_object (&stored);
  debt->client_id = f->client_id;
  debt->name = g_strdup ("Talous- ja velkaneuvonta");
  debt->sector = KH_SECTOR_BENEFITS;
  debt->distance = KH_DISTANCE_FAR;
  debt->tie = KH_TIE_WEAK;
  stored = add_member (db, sw, debt);
  f->debt_id = stored->id;
  g_clear_object (&stored);
  friend->client_id = f->client_id;
  friend->name = g_strdup ("Liisa Laine");
  friend->relation = KH_RELATION_FRIEND;
  friend->sector = KH_SECTOR_FRIENDS;
  friend->distance = KH_DISTANCE_CLOSE;
  friend->tie = KH_TIE_STRONG;
  stored = add_member (db, sw, friend);
  f->friend_id = stored->id;

  f->kela_consent_id = add_consent (db, sw, f->client_id, f->kela_id, KH_CONSENT_SHARE_PLAN);
  add_consent (db, sw, f->client_id, f->debt_id, KH_CONSENT_CONTACT);
}

/* A joint plan made 1.12.2026: one goal in the client's words, actions of
 * the client, Kela, the debt advice and the friend; Kela coordinates. */
static KhClientPlan *
joint_plan (Fixture *f)
{
  KhClientPlan *plan = kh_client_plan_new ();
  KhPlanGoal *goal = kh_plan_goal_new ("Saan vuokrarästit maksettua ja asunto säilyy.", "finances", "Talous");

  plan->client_id = f->client_id;
  plan->case_id = f->case_id;
  plan->version = 1;
  plan->joint = TRUE;
  plan->client_took_part = TRUE;
  g_date_set_dmy (&plan->made_on, 1, G_DATE_DECEMBER, 2026);
  g_date_set_dmy (&plan->review_on, 1, G_DATE_MARCH, 2027);
  plan->need_worker_view = g_strdup ("Vuokrarästit, häätöuhka ja päihteiden käyttö.");
  plan->meetings = KH_MEETINGS_FORTNIGHTLY;
  plan->follow_up = g_strdup ("Yhteinen verkostotapaaminen kuukausittain.");
  g_ptr_array_add (goal->actions, kh_plan_action_new ("Vuokranantajan kanssa maksusuunnitelma", KH_ACTOR_CLIENT,
                                                      0, NULL));
  g_ptr_array_add (goal->actions, kh_plan_action_new ("Perustoimeentulotuen päätös", KH_ACTOR_NETWORK,
                                                      f->kela_id, "Kela"));
  g_ptr_array_add (goal->actions, kh_plan_action_new ("Velkaselvitys", KH_ACTOR_NETWORK, f->debt_id,
                                                      "Talous- ja velkaneuvonta"));
  g_ptr_array_add (goal->actions, kh_plan_action_new ("Mukaan vuokranantajan tapaamiseen", KH_ACTOR_NETWORK,
                                                      f->friend_id, "Liisa Laine"));
  g_ptr_array_add (plan->goals, goal);
  g_ptr_array_add (plan->partners, kh_plan_partner_new (f->kela_id, "Kela", "Perustoimeentulotuki", TRUE));
  g_ptr_array_add (plan->partners, kh_plan_partner_new (f->debt_id, "Talous- ja velkaneuvonta",
                                                        "Velkaselvitys", FALSE));
  return plan;
}

static void
opened_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  KhUser **user = user_data;
  g_autoptr(GError) error = NULL;

  *user = kh_store_open_finish (KH_STORE (object), result, &error);
  g_assert_no_error (error);
}

static void
set_up (Fixture       *f,
        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  KhUser *user = NULL;

  f->dir = g_dir_make_tmp ("kohtaamo-test-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "kohtaamo.db", NULL);
  seed (f);
  f->store = kh_store_new (f->path);
  kh_store_open_async (f->store, NULL, opened_cb, &user);
  WAIT_UNTIL (user != NULL);
  g_assert_cmpint (user->role, ==, KH_ROLE_SOCIAL_WORKER);
  g_object_unref (user);
  f->parent = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->parent), 900, 700);
  gtk_window_present (GTK_WINDOW (f->parent));
}

static void
tear_down (Fixture       *f,
           gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GWeakRef gone;

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (window);
    }
  g_weak_ref_init (&gone, f->store);
  g_clear_object (&f->store);
  WAIT_UNTIL (g_weak_ref_get (&gone) == NULL);
  g_weak_ref_clear (&gone);
  for (const char *suffix = ""; suffix != NULL; suffix = g_str_equal (suffix, "") ? "-wal"
                                                        : g_str_equal (suffix, "-wal") ? "-shm" : NULL)
    {
      g_autofree char *file = g_strconcat (f->path, suffix, NULL);

      g_unlink (file);
    }
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
collect_checks (GtkWidget *widget,
                GPtrArray *checks)
{
  if (GTK_IS_CHECK_BUTTON (widget))
    g_ptr_array_add (checks, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_checks (child, checks);
}

static GPtrArray *
partner_checks (GtkWidget *dialog)
{
  GPtrArray *checks = g_ptr_array_new ();

  collect_checks (dialog, checks);
  return checks;
}

static gboolean
is_alert (GtkWidget     *widget,
          gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget))
                                  == GTK_ACCESSIBLE_ROLE_ALERT;
}

static gboolean
is_give_button (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)),
                                              "extract.give") == 0;
}

static AdwActionRow *
row_of (GtkWidget *check)
{
  return ADW_ACTION_ROW (gtk_widget_get_ancestor (check, ADW_TYPE_ACTION_ROW));
}

static gint64
count (Fixture    *f,
       const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

/* The text of the one disclosed document's PDF. */
static char *
disclosed_text (Fixture *f)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GBytes) bytes = NULL;
  PopplerDocument *pdf;
  g_autoptr(GError) error = NULL;
  GString *text = g_string_new (NULL);

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT pdf FROM documents WHERE disclosed_to IS NOT NULL", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  bytes = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  /* With KH_TEST_PDF_DIR=DIR, kept there to look at. */
  if (g_getenv ("KH_TEST_PDF_DIR") != NULL)
    {
      g_autofree char *file = g_build_filename (g_getenv ("KH_TEST_PDF_DIR"), "plan-extract-to-kela.pdf", NULL);

      g_assert_true (g_file_set_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
    }
  pdf = poppler_document_new_from_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      PopplerPage *page = poppler_document_get_page (pdf, i);
      g_autofree char *page_text = poppler_page_get_text (page);

      g_string_append (text, page_text);
      g_string_append_c (text, '\n');
      g_object_unref (page);
    }
  g_object_unref (pdf);
  return g_string_free (text, FALSE);
}

static void
test_given_to_kela (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(KhClientPlan) plan = joint_plan (f);
  g_autoptr(GPtrArray) checks = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *text = NULL;
  GtkWidget *dialog = kh_plan_extract_dialog_new (GTK_WINDOW (f->parent), f->store, plan);
  gint64 network_reads;

  gtk_window_present (GTK_WINDOW (dialog));
  WAIT_UNTIL ((checks = partner_checks (dialog))->len == 2 || (g_ptr_array_unref (checks), FALSE));

  kh_test_ui_screenshot (dialog, "plan-extract");
  /* Kela may have it, and is chosen; the debt advice may not. */
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (row_of (g_ptr_array_index (checks, 0)))));
  g_assert_true (gtk_check_button_get_active (g_ptr_array_index (checks, 0)));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row_of (g_ptr_array_index (checks, 0)))),
                   ==, "Kela");
  g_assert_cmpstr (adw_action_row_get_subtitle (row_of (g_ptr_array_index (checks, 0))), ==,
                   "Consent to the plan, until 31.5.2027");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (row_of (g_ptr_array_index (checks, 1)))));
  g_assert_cmpstr (adw_action_row_get_subtitle (row_of (g_ptr_array_index (checks, 1))), ==,
                   "No consent to giving it the plan");

  network_reads = count (f, "SELECT count (*) FROM access_log WHERE what = 15");
  g_assert_cmpint (network_reads, ==, 1);
  g_assert_true (gtk_widget_activate_action (dialog, "extract.give", NULL));
  WAIT_UNTIL (kh_test_ui_find_window (KH_TYPE_DOCUMENT_WINDOW) != NULL);

  /* Kept as a disclosure: to Kela's entry, on its consent, handed over. */
  sql = g_strdup_printf ("SELECT count (*) FROM documents WHERE kind = 6 AND delivery = 'handed' "
                         "AND disclosed_to = %" G_GINT64_FORMAT " AND consent_id = %" G_GINT64_FORMAT
                         " AND case_id = %" G_GINT64_FORMAT " AND language = 'fi' "
                         "AND title = 'Asiakassuunnitelma: ote yhteistyötaholle – Kela'",
                         f->kela_id, f->kela_consent_id, f->case_id);
  g_assert_cmpint (count (f, sql), ==, 1);
  g_assert_cmpint (count (f, "SELECT count (*) FROM documents"), ==, 1);
  /* The giving read the network again, logged. */
  g_assert_cmpint (count (f, "SELECT count (*) FROM access_log WHERE what = 15"), ==, 2);

  /* The PDF: the plan as Kela may see it (no information consent). */
  text = disclosed_text (f);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "Ote yhteisestä asiakassuunnitelmasta"));
  g_assert_nonnull (strstr (text, "Aino Maria Mäkinen"));
  g_assert_nonnull (strstr (text, "Saan vuokrarästit maksettua ja asunto säilyy."));
  g_assert_nonnull (strstr (text, "Perustoimeentulotuen päätös — Kela"));
  g_assert_nonnull (strstr (text, "Velkaselvitys — joku muu asiakkaan verkostosta"));
  g_assert_nonnull (strstr (text, "31.5.2027 asti"));
  /* Given by the worker at the desk, as the letter's contact and signer. */
  g_assert_nonnull (strstr (text, "Sari Sosiaalityöntekijä, sosiaalityöntekijä"));
  /* Whom the agency contacts about the client: her responsible worker. */
  g_assert_nonnull (strstr (text, "Asiakkaan omatyöntekijä"));
  g_assert_nonnull (strstr (text, "Outi Omatyöntekijä, sosiaaliohjaaja"));
  g_assert_null (strstr (text, "Talous- ja velkaneuvonta"));
  g_assert_null (strstr (text, "Liisa Laine"));
  g_assert_null (strstr (text, "päihteiden"));
  g_assert_null (strstr (text, "Verkostokartta"));
}

static void
test_withdrawn_meanwhile (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(KhClientPlan) plan = joint_plan (f);
  g_autoptr(GPtrArray) checks = NULL;
  GtkWidget *dialog = kh_plan_extract_dialog_new (GTK_WINDOW (f->parent), f->store, plan);
  GtkWidget *label;

  gtk_window_present (GTK_WINDOW (dialog));
  WAIT_UNTIL ((checks = partner_checks (dialog))->len == 2 || (g_ptr_array_unref (checks), FALSE));
  g_assert_true (gtk_check_button_get_active (g_ptr_array_index (checks, 0)));

  /* At another desk, the client withdraws the consent today. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(KhDb) db = kh_db_open (f->path, &error);
    g_autoptr(KhUser) sw = NULL;
    g_autoptr(GPtrArray) network = NULL;
    g_autoptr(KhNetworkConsent) withdrawn = NULL;
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    KhNetworkConsent *consent = NULL;
    GDate today;

    g_assert_no_error (error);
    sw = kh_db_login (db, g_get_user_name (), NULL, &error);
    g_assert_no_error (error);
    network = kh_db_list_network (db, sw, f->client_id, FALSE, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < network->len; i++)
      {
        KhNetworkMember *m = g_ptr_array_index (network, i);

        if (m->id == f->kela_id)
          consent = g_ptr_array_index (m->consents, 0);
      }
    g_assert_nonnull (consent);
    g_date_clear (&today, 1);
    g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                    g_date_time_get_year (now));
    withdrawn = kh_db_withdraw_network_consent (db, sw, f->client_id, consent, &today, &error);
    g_assert_no_error (error);
  }

  /* The store's refusal shows at the top of the window (an alert). */
  label = kh_test_ui_find (dialog, is_alert, NULL);
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_activate_action (dialog, "extract.give", NULL));
  WAIT_UNTIL (gtk_widget_is_visible (label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==,
                   "The client has not consented to giving the plan to Kela.");
  /* Nothing given; the window stays with its choice. */
  g_assert_cmpint (count (f, "SELECT count (*) FROM documents"), ==, 0);
  g_assert_null (kh_test_ui_find_window (KH_TYPE_DOCUMENT_WINDOW));
  g_assert_true (gtk_widget_get_visible (dialog));
  g_assert_true (gtk_check_button_get_active (g_ptr_array_index (checks, 0)));
}

/* A plan that is not a joint one is not given (39 §): the window says so
 * and offers no partner. */
static void
test_not_joint (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(KhClientPlan) plan = joint_plan (f);
  g_autoptr(GPtrArray) checks = NULL;
  GtkWidget *dialog;
  GtkWidget *label;

  plan->joint = FALSE;
  dialog = kh_plan_extract_dialog_new (GTK_WINDOW (f->parent), f->store, plan);
  gtk_window_present (GTK_WINDOW (dialog));
  label = kh_test_ui_find (dialog, is_alert, NULL);
  WAIT_UNTIL ((checks = partner_checks (dialog))->len == 2 || (g_ptr_array_unref (checks), FALSE));
  g_assert_true (gtk_widget_is_visible (label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==,
                   "The plan is not a joint plan, so it is not given to partner agencies.");
  for (guint i = 0; i < checks->len; i++)
    {
      g_assert_false (gtk_check_button_get_active (g_ptr_array_index (checks, i)));
      g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (row_of (g_ptr_array_index (checks, i)))));
    }
  g_assert_false (gtk_widget_is_sensitive (kh_test_ui_find (dialog, is_give_button, NULL)));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  kh_test_ui_bind_catalogue ();

  g_test_add ("/ui/plan-extract/given-to-kela", Fixture, NULL, set_up, test_given_to_kela, tear_down);
  g_test_add ("/ui/plan-extract/withdrawn-meanwhile", Fixture, NULL, set_up, test_withdrawn_meanwhile,
              tear_down);
  g_test_add ("/ui/plan-extract/not-joint", Fixture, NULL, set_up, test_not_joint, tear_down);
  return g_test_run ();
}
