/* test-reception-page.c — the reception view in a real window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <adwaita.h>

#include "core/kh-hetu.h"
#include "core/kh-text.h"
#include "store/kh-store.h"
#include "ui/common/kh-person-fields.h"
#include "ui/intake/kh-intake-form.h"
#include "ui/intake/kh-reception-page.h"

#include "kh-test-ui.h"

typedef struct {
  KhTestUi   ui;
  GtkWidget *page;
  AdwToast  *toast;          /* the last "toast" */
  gint64     opened_client;  /* the last "open-client" */
} Fixture;

static guint
count_contacts_today (Fixture *f)
{
  g_autoptr(GPtrArray) contacts = kh_test_ui_list_contacts_today (f->ui.store);

  return contacts->len;
}

static GtkWidget *
page_child (Fixture    *f,
            const char *name)
{
  return kh_test_ui_child (f->page, KH_TYPE_RECEPTION_PAGE, name);
}

static GtkWidget *
get_form (Fixture *f)
{
  return GTK_WIDGET (kh_reception_page_get_form (KH_RECEPTION_PAGE (f->page)));
}

static GtkWidget *
form_child (Fixture    *f,
            const char *name)
{
  return kh_test_ui_child (get_form (f), KH_TYPE_INTAKE_FORM, name);
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
  kh_test_ui_set_up (&f->ui);
  f->page = kh_reception_page_new (f->ui.store);
  g_signal_connect (f->page, "toast", G_CALLBACK (toast_cb), f);
  g_signal_connect (f->page, "open-client", G_CALLBACK (open_client_cb), f);
  kh_test_ui_show (&f->ui, f->page);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  kh_test_ui_tear_down (&f->ui);
  g_clear_object (&f->toast);
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
  kh_test_ui_fill_contact (get_form (f), channel, 2, outcome_check);
}

static void
fill_new_person (Fixture    *f,
                 const char *last_name,
                 const char *first_names,
                 const char *code)
{
  kh_test_ui_fill_new_person (get_form (f), last_name, first_names, code);
}

static void
save (Fixture *f)
{
  g_assert_true (gtk_widget_activate_action (get_form (f), "intake.save", NULL));
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  GtkWidget *contacts = page_child (f, "contacts_list");

  /* A calm empty state, not an empty box. */
  WAIT_UNTIL (shows_text (contacts, "No contacts yet today"));
  kh_test_ui_screenshot (f->ui.window, "reception-empty");
  g_assert_cmpuint (count_rows (contacts), ==, 0);
  g_assert_cmpuint (count_rows (page_child (f, "queue_list")), ==, 0);
}

/* The page and its form both give back the store they were made with. */
static void
test_store_property (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(KhStore) page_store = NULL;
  g_autoptr(KhStore) form_store = NULL;

  g_object_get (f->page, "store", &page_store, NULL);
  g_object_get (get_form (f), "store", &form_store, NULL);
  g_assert_true (page_store == f->ui.store);
  g_assert_true (form_store == f->ui.store);
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
  KhCalendar *calendar = kh_store_get_calendar (f->ui.store);
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
  kh_test_ui_screenshot (f->ui.window, "reception-queue");
}

/* Closing the window while a save is on its way: the save completes in
 * the store, and nothing touches the page or the form that are gone. */
static void
test_close_during_save (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) contacts = NULL;

  start_contact (f);
  gtk_switch_set_active (GTK_SWITCH (form_child (f, "anonymous_switch")), TRUE);
  fill_contact (f, KH_CHANNEL_PHONE, "outcome_advice_check");
  save (f);

  gtk_window_destroy (GTK_WINDOW (f->ui.window));
  f->page = NULL;
  f->ui.window = gtk_window_new ();

  /* The store answers in order: once the list comes, the save's own
   * answer has been handled (a critical there would abort the test). */
  contacts = kh_test_ui_list_contacts_today (f->ui.store);
  g_assert_cmpuint (contacts->len, ==, 1);
  g_assert_null (f->toast);
}

static void
discard_answer_cb (gboolean discard,
                   gpointer user_data)
{
  *(int *) user_data = discard ? 1 : 0;
}

/* The window asks the page before closing: an empty page lets it go, a
 * contact being written is shown and asked about. */
static void
test_unsaved_work (Fixture       *f,
                   gconstpointer  data)
{
  KhReceptionPage *page = KH_RECEPTION_PAGE (f->page);
  GtkWidget *stack = page_child (f, "stack");
  int answer = -1;
  GListModel *toplevels = gtk_window_get_toplevels ();
  AdwMessageDialog *dialog = NULL;

  g_assert_false (kh_reception_page_has_unsaved_work (page));
  kh_reception_page_ask_discard (page, GTK_WINDOW (f->ui.window), discard_answer_cb, &answer);
  g_assert_cmpint (answer, ==, 1);

  start_contact (f);
  fill_new_person (f, "Testinen", "Maija", "");
  g_assert_true (kh_reception_page_has_unsaved_work (page));
  /* Looking at the overview meanwhile: asking shows the form again. */
  gtk_stack_set_visible_child_name (GTK_STACK (stack), "overview");
  answer = -1;
  kh_reception_page_ask_discard (page, GTK_WINDOW (f->ui.window), discard_answer_cb, &answer);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "form");
  for (guint i = 0; dialog == NULL && i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        dialog = ADW_MESSAGE_DIALOG (window);
    }
  g_assert_nonnull (dialog);
  g_assert_cmpint (answer, ==, -1);
  adw_message_dialog_response (dialog, "discard");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpint (answer, ==, 1);
  g_assert_false (kh_reception_page_has_unsaved_work (page));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "overview");
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  guint *n_saved = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(KhIntakeResult) saved = kh_store_save_intake_finish (KH_STORE (object), result, &error);

  g_assert_no_error (error);
  (*n_saved)++;
}

/* Opens `n` cases for new people straight through the store. */
static void
open_cases (Fixture *f,
            guint    n)
{
  guint n_saved = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KhContact) contact = kh_contact_new ();
      g_autoptr(KhClient) client = kh_client_new ();
      KhIntake intake = { contact, client, FALSE, 0, 0 };
      GDate birth;

      g_date_clear (&birth, 1);
      g_date_set_dmy (&birth, 1 + i % 28, 1 + i / 28, 1960);
      client->last_name = g_strdup_printf ("Jonottaja%u", i);
      client->first_names = g_strdup ("Testi");
      client->identity_kind = KH_IDENTITY_CODE;
      client->identity_code = kh_hetu_make (&birth, 900 + i % 100, 0);
      client->language = KH_LANGUAGE_FI;
      contact->received_at = g_date_time_new_now_local ();
      contact->channel = KH_CHANNEL_PHONE;
      contact->contactor = KH_CONTACTOR_SELF;
      contact->needs = KH_NEED_HOUSING;
      contact->language = KH_LANGUAGE_FI;
      contact->outcome = KH_OUTCOME_CASE_OPENED;
      contact->urgency = KH_URGENCY_NOT_URGENT;
      kh_store_save_intake_async (f->ui.store, &intake, NULL, saved_cb, &n_saved);
    }
  WAIT_UNTIL (n_saved == n);
}

/* A long queue shows the nearest cases only, and says how many wait. */
static void
test_queue_limit (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *queue = page_child (f, "queue_list");
  GtkWidget *group = page_child (f, "queue_group");
  g_autofree char *expected = g_strdup_printf ("Showing the %u nearest of %u waiting",
                                               KH_DB_QUEUE_LIMIT, KH_DB_QUEUE_LIMIT + 3);

  open_cases (f, KH_DB_QUEUE_LIMIT + 3);
  WAIT_UNTIL (count_rows (queue) == KH_DB_QUEUE_LIMIT);
  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)), ==, expected);
  kh_test_ui_screenshot (f->ui.window, "reception-queue-limit");
  /* The contacts of today are all listed (fewer than their limit). */
  WAIT_UNTIL (count_rows (page_child (f, "contacts_list")) == KH_DB_QUEUE_LIMIT + 3);
}

static void
sql (Fixture    *f,
     const char *statement)
{
  g_autofree char *path = g_build_filename (f->ui.dir, "kohtaamo.db", NULL);
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, statement, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", statement, message);
  sqlite3_close (db);
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_named (c, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_button (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A list that cannot be read says so in its place, with Try Again; it is
 * not an empty-looking list. */
static void
test_list_error (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *queue = page_child (f, "queue_list");
  GtkWidget *error_row;

  open_cases (f, 1);
  WAIT_UNTIL (count_rows (queue) == 1 && find_named (queue, "kh-list-error") == NULL);

  sql (f, "ALTER TABLE cases RENAME TO cases_away");
  kh_reception_page_refresh (KH_RECEPTION_PAGE (f->page));
  WAIT_UNTIL ((error_row = find_named (queue, "kh-list-error")) != NULL);
  /* In place of the rows: not the "No cases waiting" of an empty queue. */
  g_assert_cmpuint (count_rows (queue), ==, 1);
  g_assert_true (gtk_list_box_get_row_at_index (GTK_LIST_BOX (queue), 0) == GTK_LIST_BOX_ROW (error_row));
  kh_test_ui_screenshot (f->ui.window, "reception-list-error");

  sql (f, "ALTER TABLE cases_away RENAME TO cases");
  g_signal_emit_by_name (find_button (error_row), "clicked");
  WAIT_UNTIL (find_named (queue, "kh-list-error") == NULL && count_rows (queue) == 1);
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
  ADD ("/ui/reception/store-property", test_store_property);
  ADD ("/ui/reception/save-list-undo", test_save_list_undo);
  ADD ("/ui/reception/anonymous-row", test_anonymous_row);
  ADD ("/ui/reception/queue-deadline", test_queue_deadline);
  ADD ("/ui/reception/close-during-save", test_close_during_save);
  ADD ("/ui/reception/unsaved-work", test_unsaved_work);
  ADD ("/ui/reception/queue-limit", test_queue_limit);
  ADD ("/ui/reception/list-error", test_list_error);

#undef ADD

  return g_test_run ();
}
