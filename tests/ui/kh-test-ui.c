/* kh-test-ui.c — what the intake-form and reception-page tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include <locale.h>
#include <glib/gstdio.h>
#include <glib/gi18n-lib.h>

#include "ui/common/kh-person-fields.h"
#include "ui/common/kh-person-picker.h"
#include "ui/intake/kh-intake-form.h"

#include "kh-test-ui.h"

#include <sqlite3.h>

#include "../store/pg-test-util.h"

gboolean
kh_test_ui_timed_out_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
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

void
kh_test_ui_set_up (KhTestUi *ui)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  KhUser *user = NULL;

  ui->dir = g_dir_make_tmp ("kohtaamo-test-XXXXXX", &error);
  g_assert_no_error (error);
  ui->pg_dbname = NULL;
  ui->pg_turn = NULL;
  if (pg_test_engine ())
    {
      /* A database of its own on the test cluster, made from the template
       * that kohtaamo-admin server init would leave: "tester" administers
       * it, and the store signs in as that login. */
      ui->pg_dbname = pg_test_create_database ();
      ui->pg_turn = pg_test_take_turn ();
      path = pg_test_conninfo (ui->pg_dbname, PG_TEST_ADMIN);
      g_assert_true (kh_db_location_is_server (path));
    }
  else
    {
      path = g_build_filename (ui->dir, "kohtaamo.db", NULL);
      /* Set up as kohtaamo-admin init does: the test's account administers it. */
      {
        g_autoptr(KhDb) db = kh_db_open (path, &error);
        g_autoptr(KhUser) admin = NULL;

        g_assert_no_error (error);
        admin = kh_db_login (db, g_get_user_name (), NULL, &error);
        g_assert_no_error (error);
      }
    }
  ui->location = g_strdup (path);
  ui->store = kh_store_new (path);
  kh_store_open_async (ui->store, NULL, store_opened_cb, &user);
  WAIT_UNTIL (user != NULL);
  g_object_unref (user);

  ui->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (ui->window), 900,
                               g_getenv ("KH_TEST_SCREENSHOTS") ? 2600 : 800);
}

void
kh_test_ui_show (KhTestUi  *ui,
                 GtkWidget *child)
{
  gtk_window_set_child (GTK_WINDOW (ui->window), child);
  gtk_window_present (GTK_WINDOW (ui->window));
  gtk_test_widget_wait_for_draw (ui->window);
}

void
kh_test_ui_tear_down (KhTestUi *ui)
{
  g_autofree char *path = g_build_filename (ui->dir, "kohtaamo.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  GtkWidget *window = ui->window;
  GtkWidget *child = gtk_window_get_child (GTK_WINDOW (window));

  /* Every test ends with its widgets finalized: the window and the view it
   * showed must go with the destroy, or something still holds them. */
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  if (child != NULL)
    g_object_add_weak_pointer (G_OBJECT (child), (gpointer *) &child);
  gtk_window_destroy (GTK_WINDOW (ui->window));
  ui->window = NULL;
  WAIT_UNTIL (window == NULL && child == NULL);
  /* The worker may hold the store a moment longer. */
  g_object_add_weak_pointer (G_OBJECT (ui->store), (gpointer *) &ui->store);
  g_object_unref (ui->store);
  WAIT_UNTIL (ui->store == NULL);

  g_remove (wal);
  g_remove (shm);
  g_remove (path);
  g_rmdir (ui->dir);
  g_clear_pointer (&ui->dir, g_free);
  g_clear_pointer (&ui->location, g_free);
  if (ui->pg_dbname != NULL)
    pg_test_drop_database (ui->pg_dbname);
  g_clear_pointer (&ui->pg_dbname, g_free);
  g_clear_pointer ((PGconn **) &ui->pg_turn, PQfinish);
}

gboolean
kh_test_ui_on_server (void)
{
  return pg_test_engine ();
}

void
kh_test_ui_sql (KhTestUi   *ui,
                const char *statement)
{
  if (ui->pg_dbname != NULL)
    {
      PGconn *conn = pg_test_connect (ui->pg_dbname);

      pg_test_exec (conn, "SET search_path = kohtaamo");
      pg_test_exec (conn, statement);
      PQfinish (conn);
    }
  else
    {
      sqlite3 *db = NULL;
      char *message = NULL;

      g_assert_cmpint (sqlite3_open (ui->location, &db), ==, SQLITE_OK);
      if (sqlite3_exec (db, statement, NULL, NULL, &message) != SQLITE_OK)
        g_error ("%s: %s", statement, message);
      sqlite3_close (db);
    }
}

gint64
kh_test_ui_count (KhTestUi   *ui,
                  const char *query)
{
  gint64 n;

  if (ui->pg_dbname != NULL)
    return pg_test_count (ui->pg_dbname, query);
  {
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_open (ui->location, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, query, -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    n = sqlite3_column_int64 (stmt, 0);
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }
  return n;
}

void
kh_test_ui_screenshot (GtkWidget  *window,
                       const char *name)
{
  const char *dir = g_getenv ("KH_TEST_SCREENSHOTS");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  GskRenderer *renderer;
  int width, height;

  if (dir == NULL)
    return;
  /* Let the rows' own animations settle: only when pictures are asked for. */
  {
    gboolean settled = FALSE;

    g_timeout_add (500, kh_test_ui_timed_out_cb, &settled);
    while (!settled)
      g_main_context_iteration (NULL, TRUE);
  }
  gtk_test_widget_wait_for_draw (window);
  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 0.98, 0.98, 0.98, 1 },
                             &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  file = g_strdup_printf ("%s/%s.png", dir, name);
  gdk_texture_save_to_png (texture, file);
}

void
kh_test_ui_bind_catalogue (void)
{
  if (g_getenv ("KOHTAAMO_LOCALEDIR") == NULL)
    return;
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("KOHTAAMO_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

GtkWidget *
kh_test_ui_find (GtkWidget         *widget,
                 KhTestWidgetMatch  match,
                 gconstpointer      data)
{
  if (match (widget, data))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = kh_test_ui_find (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (data));
}

GtkWidget *
kh_test_ui_find_type (GtkWidget *widget,
                      GType      type)
{
  return kh_test_ui_find (widget, is_of_type, GSIZE_TO_POINTER (type));
}

static gboolean
has_css_class (GtkWidget     *widget,
               gconstpointer  data)
{
  return gtk_widget_has_css_class (widget, data);
}

GtkWidget *
kh_test_ui_find_css_class (GtkWidget  *widget,
                           const char *css_class)
{
  return kh_test_ui_find (widget, has_css_class, css_class);
}

GtkWindow *
kh_test_ui_find_window (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WINDOW (window);
    }
  return NULL;
}

GtkWidget *
kh_test_ui_child (GtkWidget  *widget,
                  GType       type,
                  const char *name)
{
  GObject *object = gtk_widget_get_template_child (widget, type, name);

  /* The form's "who" lives in its person picker (issue 5, 3.2). */
  if (object == NULL && type == KH_TYPE_INTAKE_FORM)
    {
      GObject *picker = gtk_widget_get_template_child (widget, type, "person_picker");

      if (picker != NULL)
        object = gtk_widget_get_template_child (GTK_WIDGET (picker), KH_TYPE_PERSON_PICKER, name);
    }
  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

GtkWidget *
kh_test_ui_person_child (GtkWidget  *form,
                         const char *name)
{
  GtkWidget *fields = kh_test_ui_child (form, KH_TYPE_INTAKE_FORM, "person_fields");

  return kh_test_ui_child (fields, KH_TYPE_PERSON_FIELDS, name);
}

void
kh_test_ui_fill_new_person (GtkWidget  *form,
                            const char *last_name,
                            const char *first_names,
                            const char *code)
{
  g_signal_emit_by_name (kh_test_ui_child (form, KH_TYPE_INTAKE_FORM, "new_person_button"),
                         "clicked");
  gtk_editable_set_text (GTK_EDITABLE (kh_test_ui_person_child (form, "last_name_row")),
                         last_name);
  gtk_editable_set_text (GTK_EDITABLE (kh_test_ui_person_child (form, "first_names_row")),
                         first_names);
  gtk_editable_set_text (GTK_EDITABLE (kh_test_ui_person_child (form, "identity_code_row")),
                         code);
}

void
kh_test_ui_fill_contact (GtkWidget  *form,
                         KhChannel   channel,
                         guint       need,
                         const char *outcome_check)
{
  GtkWidget *grid = kh_test_ui_child (form, KH_TYPE_INTAKE_FORM, "needs_grid");
  GtkWidget *check = gtk_grid_get_child_at (GTK_GRID (grid), need % 2, need / 2);
  GtkWidget *channel_row = kh_test_ui_child (form, KH_TYPE_INTAKE_FORM, "channel_row");
  GtkWidget *outcome = kh_test_ui_child (form, KH_TYPE_INTAKE_FORM, outcome_check);

  adw_combo_row_set_selected (ADW_COMBO_ROW (channel_row), channel);
  g_assert_true (GTK_IS_CHECK_BUTTON (check));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  /* SHL 36 § 1 mom: the urgency is answered; urgent help answers it. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (kh_test_ui_child (form, KH_TYPE_INTAKE_FORM,
                                                                   "urgency_no_check")), TRUE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (outcome), TRUE);
}

static void
got_contacts_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GPtrArray **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = kh_store_list_contacts_on_finish (KH_STORE (object), result, &error);
  g_assert_no_error (error);
}

GPtrArray *
kh_test_ui_list_contacts_today (KhStore *store)
{
  return kh_test_ui_list_contacts_on (store, NULL);
}

/* The contacts received on `date` (ISO; NULL for today). */
GPtrArray *
kh_test_ui_list_contacts_on (KhStore    *store,
                             const char *date)
{
  GPtrArray *contacts = NULL;

  kh_store_list_contacts_on_async (store, date, NULL, got_contacts_cb, &contacts);
  WAIT_UNTIL (contacts != NULL);
  return contacts;
}

void
kh_test_ui_day_from_now (GDate *out,
                         int    days)
{
  g_date_clear (out, 1);
  g_date_set_time_t (out, time (NULL));
  if (days > 0)
    g_date_add_days (out, days);
  else if (days < 0)
    g_date_subtract_days (out, -days);
}

gint64
kh_test_ui_finish_assessment (KhDb   *db,
                              KhUser *worker,
                              gint64  case_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhAssessment) a = kh_db_start_assessment (db, worker, case_id, &error);
  KhAreaAssessment *area;

  g_assert_no_error (error);
  if (a->status == KH_ASSESSMENT_FINISHED)
    return a->id;
  area = g_ptr_array_index (a->areas, 0);
  area->situation = g_strdup ("Vuokrarästejä kolmelta kuukaudelta.");
  area->client_rating = area->worker_rating = 2;
  a->client_present = a->rights_explained = a->options_explained = a->client_understood = KH_ANSWER_YES;
  a->has_children = a->special_support = KH_ANSWER_NO;
  a->support_needed = KH_ANSWER_YES;
  a->client_view = g_strdup ("Haluan saada vuokrat maksettua.");
  a->special_support_reasons = g_strdup ("Hakee palveluja itse.");
  a->need_duration = KH_NEED_DURATION_TEMPORARY;
  a->services = KH_SHL_SERVICE_BIT (KH_SHL_SERVICE_SOCIAL_WORK);
  a->summary = g_strdup ("Toimeentulo on heikentynyt.");
  a->conclusions = g_strdup ("Asiakkuudelle on edellytykset.");
  a->client_on_worker = a->worker_on_worker = KH_RESPONSIBLE_WORKER_NEEDED;
  a->next_step = KH_NEXT_STEP_CLIENT_PLAN;
  g_assert_true (kh_db_finish_assessment (db, worker, a, &error));
  g_assert_no_error (error);
  return a->id;
}

KhClientPlan *
kh_test_ui_make_plan (KhDb   *db,
                      KhUser *worker,
                      gint64  client_id,
                      gint64  case_id,
                      int     made_ago,
                      int     review_in,
                      int     due_in)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhNetworkMember) kela = kh_network_member_new (KH_NETWORK_AGENCY);
  g_autoptr(KhNetworkMember) stored = NULL;
  g_autoptr(KhClientPlan) plan = kh_client_plan_new ();
  KhClientPlan *saved;
  KhPlanGoal *goal;
  KhPlanAction *action;

  plan->assessment_id = kh_test_ui_finish_assessment (db, worker, case_id);
  kela->client_id = client_id;
  kela->name = g_strdup ("Kela");
  kela->sector = KH_SECTOR_BENEFITS;
  kela->distance = KH_DISTANCE_FAR;
  kela->tie = KH_TIE_WEAK;
  stored = kh_db_add_network_member (db, worker, kela, &error);
  g_assert_no_error (error);

  plan->client_id = client_id;
  plan->case_id = case_id;
  kh_test_ui_day_from_now (&plan->made_on, -made_ago);
  kh_test_ui_day_from_now (&plan->review_on, review_in);
  plan->need_client_view = g_strdup ("Haluan saada vuokrat maksettua.");
  plan->meetings = KH_MEETINGS_MONTHLY;
  goal = kh_plan_goal_new ("Vuokrat maksetaan ajallaan", "housing", "Asuminen");
  action = kh_plan_action_new ("Soitan vuokranantajalle", KH_ACTOR_CLIENT, 0, NULL);
  kh_test_ui_day_from_now (&action->due, due_in);
  g_ptr_array_add (goal->actions, action);
  action = kh_plan_action_new ("Käsittelee asumistuen", KH_ACTOR_NETWORK, stored->id, "Kela");
  kh_test_ui_day_from_now (&action->due, 30);
  g_ptr_array_add (goal->actions, action);
  g_ptr_array_add (plan->goals, goal);
  saved = kh_db_save_client_plan (db, worker, plan, &error);
  g_assert_no_error (error);
  return saved;
}
