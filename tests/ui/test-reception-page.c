/* test-reception-page.c — the reception view in a real window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <adwaita.h>

#include "core/kh-hetu.h"
#include "core/kh-text.h"
#include "store/kh-store.h"
#include "ui/common/kh-person-fields.h"
#include "ui/intake/kh-intake-form.h"
#include "ui/intake/kh-reception-page.h"

typedef struct {
  char      *dir;
  KhStore   *store;
  GtkWidget *window;
  GtkWidget *page;
  AdwToast  *toast;          /* the last "toast" */
  gint64     opened_client;  /* the last "open-client" */
} Fixture;

static gboolean
timed_out_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until `cond` holds, failing after 10 s. Never sleeps. */
#define WAIT_UNTIL(cond) G_STMT_START {                                 \
    gboolean timed_out_ = FALSE;                                        \
    guint id_ = g_timeout_add_seconds (10, timed_out_cb, &timed_out_);  \
    while (!(cond) && !timed_out_)                                      \
      g_main_context_iteration (NULL, TRUE);                            \
    if (!timed_out_)                                                    \
      g_source_remove (id_);                                            \
    g_assert_true (cond);                                               \
  } G_STMT_END

/* With KH_TEST_SCREENSHOTS=DIR set, saves what the window shows as
 * DIR/NAME.png, for looking at the layout; otherwise does nothing. */
static void
screenshot (GtkWidget  *window,
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

    g_timeout_add (500, timed_out_cb, &settled);
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
got_contacts_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GPtrArray **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = kh_store_list_contacts_on_finish (KH_STORE (object), result, &error);
  g_assert_no_error (error);
}

static guint
count_contacts_today (Fixture *f)
{
  g_autoptr(GPtrArray) contacts = NULL;

  kh_store_list_contacts_on_async (f->store, NULL, NULL, got_contacts_cb, &contacts);
  WAIT_UNTIL (contacts != NULL);
  return contacts->len;
}

static GtkWidget *
child (GtkWidget  *widget,
       GType       type,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (widget, type, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static GtkWidget *
page_child (Fixture    *f,
            const char *name)
{
  return child (f->page, KH_TYPE_RECEPTION_PAGE, name);
}

static GtkWidget *
form_child (Fixture    *f,
            const char *name)
{
  return child (GTK_WIDGET (kh_reception_page_get_form (KH_RECEPTION_PAGE (f->page))),
                KH_TYPE_INTAKE_FORM, name);
}

static GtkWidget *
person_child (Fixture    *f,
              const char *name)
{
  return child (form_child (f, "person_fields"), KH_TYPE_PERSON_FIELDS, name);
}

static guint
count_rows (GtkWidget *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), n) != NULL)
    n++;
  return n;
}

static AdwActionRow *
row_at (GtkWidget *list,
        guint      index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), index);

  g_assert_true (ADW_IS_ACTION_ROW (row));
  return ADW_ACTION_ROW (row);
}

/* Is `text` shown by some label inside `widget`? */
static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget)
      && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (shows_text (c, text))
      return TRUE;
  return FALSE;
}

static void
toast_cb (KhReceptionPage *page,
          AdwToast        *toast,
          Fixture         *f)
{
  g_set_object (&f->toast, toast);
}

static void
open_client_cb (KhReceptionPage *page,
                gint64           client_id,
                Fixture         *f)
{
  f->opened_client = client_id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  KhUser *user = NULL;

  f->dir = g_dir_make_tmp ("kohtaamo-test-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "kohtaamo.db", NULL);
  f->store = kh_store_new (path);
  kh_store_open_async (f->store, NULL, store_opened_cb, &user);
  WAIT_UNTIL (user != NULL);
  g_object_unref (user);

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 900,
                               g_getenv ("KH_TEST_SCREENSHOTS") ? 2600 : 800);
  f->page = kh_reception_page_new (f->store);
  g_signal_connect (f->page, "toast", G_CALLBACK (toast_cb), f);
  g_signal_connect (f->page, "open-client", G_CALLBACK (open_client_cb), f);
  gtk_window_set_child (GTK_WINDOW (f->window), f->page);
  gtk_window_present (GTK_WINDOW (f->window));
  gtk_test_widget_wait_for_draw (f->window);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "kohtaamo.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->toast);
  g_object_add_weak_pointer (G_OBJECT (f->store), (gpointer *) &f->store);
  g_object_unref (f->store);
  WAIT_UNTIL (f->store == NULL);

  g_remove (wal);
  g_remove (shm);
  g_remove (path);
  g_rmdir (f->dir);
  g_free (f->dir);
}

static void
start_contact (Fixture *f)
{
  GtkWidget *stack = page_child (f, "stack");
  GtkWidget *service_row;

  g_assert_true (gtk_widget_activate_action (f->page, "reception.new-contact", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "form");
  service_row = form_child (f, "service_row");
  WAIT_UNTIL (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (service_row))) > 1);
}

static void
fill_contact (Fixture    *f,
              KhChannel   channel,
              const char *outcome_check)
{
  GtkWidget *grid = form_child (f, "needs_grid");

  adw_combo_row_set_selected (ADW_COMBO_ROW (form_child (f, "channel_row")), channel);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (gtk_grid_get_child_at (GTK_GRID (grid), 0, 1)), TRUE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (form_child (f, outcome_check)), TRUE);
}

static void
fill_new_person (Fixture    *f,
                 const char *last_name,
                 const char *first_names,
                 const char *code)
{
  g_signal_emit_by_name (form_child (f, "new_person_button"), "clicked");
  gtk_editable_set_text (GTK_EDITABLE (person_child (f, "last_name_row")), last_name);
  gtk_editable_set_text (GTK_EDITABLE (person_child (f, "first_names_row")), first_names);
  gtk_editable_set_text (GTK_EDITABLE (person_child (f, "identity_code_row")), code);
}

static void
save (Fixture *f)
{
  GtkWidget *form = GTK_WIDGET (kh_reception_page_get_form (KH_RECEPTION_PAGE (f->page)));

  g_assert_true (gtk_widget_activate_action (form, "intake.save", NULL));
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  GtkWidget *contacts = page_child (f, "contacts_list");

  /* A calm empty state, not an empty box. */
  WAIT_UNTIL (shows_text (contacts, "No contacts yet today"));
  screenshot (f->window, "reception-empty");
  g_assert_cmpuint (count_rows (contacts), ==, 0);
  g_assert_cmpuint (count_rows (page_child (f, "queue_list")), ==, 0);
}

static void
test_save_list_undo (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *contacts = page_child (f, "contacts_list");
  GtkWidget *stack = page_child (f, "stack");
  AdwActionRow *row;

  start_contact (f);
  fill_new_person (f, "Testinen", "Maija", "010594Y9021");
  fill_contact (f, KH_CHANNEL_WALK_IN, "outcome_advice_check");
  save (f);

  /* Saved: back to the overview, a toast, and the contact listed. */
  WAIT_UNTIL (f->toast != NULL);
  g_assert_cmpstr (adw_toast_get_title (f->toast), ==, "Contact saved");
  g_assert_nonnull (adw_toast_get_button_label (f->toast));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "overview");
  WAIT_UNTIL (count_rows (contacts) == 1);
  row = row_at (contacts, 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Testinen, Maija");
  g_assert_cmpuint (count_contacts_today (f), ==, 1);

  /* The row opens the person. */
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
  g_signal_emit_by_name (contacts, "row-activated", row);
  g_assert_cmpint (f->opened_client, >, 0);

  /* Undo takes it away again. */
  g_signal_emit_by_name (f->toast, "button-clicked");
  WAIT_UNTIL (count_rows (contacts) == 0);
  g_assert_cmpuint (count_contacts_today (f), ==, 0);
}

static void
test_anonymous_row (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *contacts = page_child (f, "contacts_list");
  AdwActionRow *row;

  start_contact (f);
  gtk_switch_set_active (GTK_SWITCH (form_child (f, "anonymous_switch")), TRUE);
  fill_contact (f, KH_CHANNEL_PHONE, "outcome_advice_check");
  save (f);

  WAIT_UNTIL (count_rows (contacts) == 1);
  row = row_at (contacts, 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Anonymous");
  g_assert_false (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
}

static void
test_queue_deadline (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *queue = page_child (f, "queue_list");
  KhCalendar *calendar = kh_store_get_calendar (f->store);
  g_autofree char *code = NULL;
  g_autofree char *expected = NULL;
  GDate today, birth, deadline;
  AdwActionRow *row;

  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  g_date_clear (&birth, 1);
  g_date_set_dmy (&birth, 1, 1, g_date_get_year (&today) - 76);
  code = kh_hetu_make (&birth, 907, 0);
  g_date_clear (&deadline, 1);
  kh_calendar_add_working_days (calendar, &today, 7, &deadline);
  expected = kh_date_format (&deadline);

  start_contact (f);
  fill_new_person (f, "Vanhanen", "Elli", code);
  fill_contact (f, KH_CHANNEL_PHONE, "outcome_case_check");
  save (f);

  WAIT_UNTIL (count_rows (queue) == 1);
  row = row_at (queue, 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Vanhanen, Elli");
  g_assert_true (shows_text (GTK_WIDGET (row), expected));
  g_assert_true (shows_text (GTK_WIDGET (row), "in 7 working days"));
  screenshot (f->window, "reception-queue");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/ui/reception/empty", test_empty);
  ADD ("/ui/reception/save-list-undo", test_save_list_undo);
  ADD ("/ui/reception/anonymous-row", test_anonymous_row);
  ADD ("/ui/reception/queue-deadline", test_queue_deadline);

#undef ADD

  return g_test_run ();
}
