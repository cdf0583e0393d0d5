/* test-person-picker.c — search before create, in a real window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 5, 2.2 and 3.2: the picker says how many match, asks to narrow,
 * selects the row Enter would pick, refuses Enter on a tie and says why,
 * tells a screen reader each row's code, birth date, language and open
 * case, and warns before a duplicate is created.
 */
#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "core/kh-search.h"
#include "store/kh-store.h"
#include "ui/common/kh-form-rows.h"
#include "ui/common/kh-person-fields.h"
#include "ui/common/kh-person-picker.h"
#include "ui/common/kh-person-row.h"
#include "ui/clients/kh-clients-page.h"
#include "ui/clients/kh-person-page.h"
#include "ui/intake/kh-intake-form.h"

#include "kh-test-ui.h"

/* Set when the test runs in Finnish or Swedish for screenshots: the
 * texts are then not compared with the English ones. */
static gboolean localized;

#define assert_text(a, b) G_STMT_START {                \
    if (!localized)                                     \
      g_assert_cmpstr ((a), ==, (b));                   \
  } G_STMT_END

typedef struct {
  KhTestUi   ui;
  GtkWidget *picker;
  KhClient  *chosen;      /* the last "chosen" */
  guint      n_chosen;
} Fixture;

static void
chosen_cb (KhPersonPicker *picker,
           KhClient       *client,
           Fixture        *f)
{
  g_set_object (&f->chosen, client);
  f->n_chosen++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  kh_test_ui_set_up (&f->ui);
  f->picker = kh_person_picker_new (f->ui.store);
  g_signal_connect (f->picker, "chosen", G_CALLBACK (chosen_cb), f);
  kh_test_ui_show (&f->ui, f->picker);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *picker = f->picker;

  g_object_ref (picker);
  g_clear_object (&f->chosen);
  gtk_window_set_child (GTK_WINDOW (f->ui.window), NULL);
  /* Lets go of the store; the tear-down then waits until the store has
   * finished (and answered) every job, a search's too. */
  g_object_run_dispose (G_OBJECT (picker));
  kh_test_ui_tear_down (&f->ui);
  /* GTK lets go of what it held for the last frame. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (picker);
}

static GtkWidget *
child (Fixture    *f,
       const char *name)
{
  return kh_test_ui_child (f->picker, KH_TYPE_PERSON_PICKER, name);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  gint64 *id = user_data;
  g_autoptr(GError) error = NULL;

  *id = kh_store_save_client_finish (KH_STORE (object), result, &error);
  g_assert_no_error (error);
}

static gint64
add_person_in (Fixture    *f,
               const char *last_name,
               const char *first_names,
               const char *birth_iso,
               KhLanguage  language)
{
  g_autoptr(KhClient) client = kh_client_new ();
  gint64 id = 0;

  client->last_name = g_strdup (last_name);
  client->first_names = g_strdup (first_names);
  client->identity_kind = KH_IDENTITY_BIRTH_DATE;
  client->no_code_reason = KH_NO_CODE_NOT_KNOWN;
  client->birth_date = g_strdup (birth_iso);
  client->language = language;
  kh_store_save_client_async (f->ui.store, client, NULL, saved_cb, &id);
  WAIT_UNTIL (id != 0);
  return id;
}

static gint64
add_person (Fixture    *f,
            const char *last_name,
            const char *first_names,
            const char *birth_iso)
{
  return add_person_in (f, last_name, first_names, birth_iso, KH_LANGUAGE_FI);
}

static guint
n_results (Fixture *f)
{
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (child (f, "results_view")))));
}

static const char *
status_text (Fixture *f)
{
  GtkWidget *label = child (f, "search_status_label");

  return gtk_widget_get_visible (label) ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

/* Types `text` and waits until the answer for it is shown. */
static void
type (Fixture    *f,
      const char *text,
      const char *status)
{
  g_autofree char *before = g_strdup (status_text (f));

  gtk_editable_set_text (GTK_EDITABLE (child (f, "search_entry")), text);
  if (localized)
    WAIT_UNTIL (status_text (f) != NULL && g_strcmp0 (status_text (f), before) != 0);
  else
    WAIT_UNTIL (g_strcmp0 (status_text (f), status) == 0);
  gtk_test_widget_wait_for_draw (f->ui.window);
}

static guint
selected (Fixture *f)
{
  GObject *selection = gtk_widget_get_template_child (f->picker, KH_TYPE_PERSON_PICKER, "selection");

  return gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (selection));
}

/* The row widgets the list view made, in order from the top. */
static void
collect_rows (GtkWidget *widget,
              GPtrArray *rows)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      if (KH_IS_PERSON_ROW (c) && kh_person_row_get_hit (KH_PERSON_ROW (c)) != NULL)
        g_ptr_array_add (rows, c);
      else
        collect_rows (c, rows);
    }
}

static GtkWidget *
row_of (Fixture    *f,
        const char *first_names)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_rows (child (f, "results_view"), rows);
  for (guint i = 0; i < rows->len; i++)
    {
      KhSearchHit *hit = kh_person_row_get_hit (g_ptr_array_index (rows, i));

      if (g_strcmp0 (hit->client->first_names, first_names) == 0)
        return g_ptr_array_index (rows, i);
    }
  return NULL;
}

static gboolean
row_is_selected (GtkWidget *row)
{
  /* The list item widget around the row carries the selection. */
  return (gtk_widget_get_state_flags (gtk_widget_get_parent (row)) & GTK_STATE_FLAG_SELECTED) != 0;
}

static void
activate_search (Fixture *f)
{
  g_signal_emit_by_name (child (f, "search_entry"), "activate");
}

static void
count_cb (guint *count)
{
  (*count)++;
}

/* "virtanen" showed 8 of 30 with no hint: the picker says how many, and
 * that the search should be narrowed; Enter picks none of thirty equals. */
static void
test_counts_and_tie (Fixture       *f,
                     gconstpointer  data)
{
  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *first = g_strdup_printf ("Aino%02u", i);

      add_person (f, "Virtanen", first, "1980-01-01");
    }

  type (f, "virtanen",
        "8 shown of 10 people who match. Type more of the name, or the birth date or identity code, to narrow the search.");
  g_assert_cmpuint (n_results (f), ==, 8);
  g_assert_true (gtk_widget_get_visible (child (f, "results_frame")));
  kh_test_ui_screenshot (f->ui.window, "picker-narrow");

  /* Nothing selected: Enter says why and picks nobody. */
  g_assert_cmpuint (selected (f), ==, GTK_INVALID_LIST_POSITION);
  g_assert_false (row_is_selected (row_of (f, "Aino00")));
  activate_search (f);
  assert_text (status_text (f),
                   "8 people match equally well. Choose one with the arrow keys, or type more of the name or identity code.");
  g_assert_cmpuint (f->n_chosen, ==, 0);
  g_assert_cmpint (kh_person_picker_get_mode (KH_PERSON_PICKER (f->picker)), ==, KH_PERSON_PICKER_SEARCH);
  kh_test_ui_screenshot (f->ui.window, "picker-tie");

  /* Chosen with the arrow keys, the selected row is what Enter picks:
   * the list's own activation (Enter on a row) picks its row too. */
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_widget_get_template_child (f->picker, KH_TYPE_PERSON_PICKER, "selection")), 2);
  gtk_test_widget_wait_for_draw (f->ui.window);
  g_assert_true (row_is_selected (row_of (f, "Aino02")));
  activate_search (f);
  g_assert_cmpuint (f->n_chosen, ==, 1);
  g_assert_cmpstr (f->chosen->first_names, ==, "Aino02");
  g_signal_emit_by_name (child (f, "change_button"), "clicked");
  type (f, "virtanen aino", "8 shown of 10 people who match. Type more of the name, or the birth date or identity code, to narrow the search.");
  g_signal_emit_by_name (child (f, "results_view"), "activate", 5);
  g_assert_cmpuint (f->n_chosen, ==, 2);
  g_assert_cmpstr (f->chosen->first_names, ==, "Aino05");
  g_signal_emit_by_name (child (f, "change_button"), "clicked");

  /* Narrowed to one: it is selected and Enter picks it. */
  type (f, "virtanen aino03", "1 person found.");
  g_assert_cmpuint (selected (f), ==, 0);
  g_assert_true (row_is_selected (row_of (f, "Aino03")));
  activate_search (f);
  g_assert_cmpuint (f->n_chosen, ==, 3);
  g_assert_cmpstr (f->chosen->first_names, ==, "Aino03");
  g_assert_cmpint (kh_person_picker_get_mode (KH_PERSON_PICKER (f->picker)), ==, KH_PERSON_PICKER_CHOSEN);
  g_assert_true (kh_person_picker_get_client (KH_PERSON_PICKER (f->picker)) == f->chosen);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child (f, "chosen_row"))),
                   ==, "Virtanen, Aino03");
}

/* Two people share "Nyström" and a birth date: "nyst" finds both, equally
 * good; the whole word "Ny" is better than the starts of words. */
static void
test_clear_best (Fixture       *f,
                 gconstpointer  data)
{
  add_person (f, "Nyström", "Noora", "2006-08-13");
  add_person (f, "Nyström", "Nils", "2006-08-13");
  add_person (f, "Ny", "Aapo", "1990-01-01");

  type (f, "nyst", "2 people found. None matches clearly best: choose one with the arrow keys, or type more.");
  g_assert_cmpuint (selected (f), ==, GTK_INVALID_LIST_POSITION);
  activate_search (f);
  g_assert_cmpuint (f->n_chosen, ==, 0);
  assert_text (status_text (f),
                   "2 people match equally well. Choose one with the arrow keys, or type more of the name or identity code.");

  type (f, "ny", "3 people found. Enter chooses the highlighted one.");
  g_assert_cmpuint (selected (f), ==, 0);

  /* Typed on fast, Enter before the new rows arrive: the row that "ny"
   * selected is not taken for "nyst"; the new rows decide, and tie. */
  {
    g_autofree char *before = g_strdup (status_text (f));

    gtk_editable_set_text (GTK_EDITABLE (child (f, "search_entry")), "nyst");
    g_assert_cmpuint (selected (f), ==, GTK_INVALID_LIST_POSITION);
    activate_search (f);
    g_assert_cmpuint (f->n_chosen, ==, 0);
    WAIT_UNTIL (g_strcmp0 (status_text (f), before) != 0);
    assert_text (status_text (f),
                 "2 people match equally well. Choose one with the arrow keys, or type more of the name or identity code.");
    g_assert_cmpuint (f->n_chosen, ==, 0);
  }

  type (f, "ny", "3 people found. Enter chooses the highlighted one.");
  g_assert_cmpuint (selected (f), ==, 0);

  /* "nys", then Backspace, and Enter before any search has run again: the
   * rows on screen answer "ny", so their pick is back and Enter may take it
   * at once. Checked here without Enter; the Enter follows below. */
  gtk_editable_set_text (GTK_EDITABLE (child (f, "search_entry")), "nys");
  g_assert_cmpuint (selected (f), ==, GTK_INVALID_LIST_POSITION);
  gtk_editable_set_text (GTK_EDITABLE (child (f, "search_entry")), "ny");
  g_assert_cmpuint (selected (f), ==, 0);
  g_assert_true (row_is_selected (row_of (f, "Aapo")));
  g_assert_false (row_is_selected (row_of (f, "Noora")));
  kh_test_ui_screenshot (f->ui.window, "picker-clear-best");
  activate_search (f);
  g_assert_cmpuint (f->n_chosen, ==, 1);
  g_assert_cmpstr (f->chosen->first_names, ==, "Aapo");

  /* Escape clears the search line first, then tells the form around. */
  {
    guint stopped = 0;

    g_signal_connect_swapped (f->picker, "stopped", G_CALLBACK (count_cb), &stopped);
    g_signal_emit_by_name (child (f, "change_button"), "clicked");
    gtk_editable_set_text (GTK_EDITABLE (child (f, "search_entry")), "ny");
    g_signal_emit_by_name (child (f, "search_entry"), "stop-search");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (f, "search_entry"))), ==, "");
    g_assert_cmpuint (stopped, ==, 0);
    g_signal_emit_by_name (child (f, "search_entry"), "stop-search");
    g_assert_cmpuint (stopped, ==, 1);
    activate_search (f);
    g_assert_cmpuint (f->n_chosen, ==, 1);
  }

  /* "Change" goes back to the search, as it was. */
  g_signal_emit_by_name (child (f, "change_button"), "clicked");
  g_assert_cmpint (kh_person_picker_get_mode (KH_PERSON_PICKER (f->picker)), ==, KH_PERSON_PICKER_SEARCH);
  g_assert_null (kh_person_picker_get_client (KH_PERSON_PICKER (f->picker)));
}

/* A screen reader hears the name and what tells people apart. */
static void
test_accessible_row (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *row;

  add_person (f, "Saavutettava", "Sanni", "1980-01-01");
  type (f, "saavutettava", "1 person found.");
  row = row_of (f, "Sanni");
  g_assert_nonnull (row);
  gtk_test_accessible_assert_property (row, GTK_ACCESSIBLE_PROPERTY_LABEL, "Saavutettava, Sanni");
  if (!localized)
    {
      gtk_test_accessible_assert_property (row, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                           "no identity code · born 1.1.1980 · Finnish");
      gtk_test_accessible_assert_property (child (f, "search_entry"), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                           "Search for a person");
    }
}

/* Too few digits say how many more; four find the birthdays. */
static void
test_digits (Fixture       *f,
             gconstpointer  data)
{
  add_person (f, "Elokuu", "Eeva", "1975-08-07");
  add_person (f, "Elokuu", "Emil", "2001-08-07");

  type (f, "07", "Type 2 more digits: an identity code starts with the day and month of birth, for example 0708 for 7 August.");
  g_assert_false (gtk_widget_get_visible (child (f, "results_frame")));
  kh_test_ui_screenshot (f->ui.window, "picker-digits");
  type (f, "0708", "2 people found. None matches clearly best: choose one with the arrow keys, or type more.");
  type (f, "07087", "1 person found.");
  g_assert_nonnull (row_of (f, "Eeva"));
  type (f, "3213", "No birth date starts with these digits. An identity code starts with the day and month of birth, for example 0708 for 7 August.");
  type (f, "zzyzx", "No one found. Check the spelling, or add a new person.");
}

static void
confirmed_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  int *answer = user_data;
  g_autoptr(GError) error = NULL;

  *answer = kh_person_picker_confirm_new_finish (KH_PERSON_PICKER (object), result, &error);
  g_assert_no_error (error);
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

/* The new-person path prefills from the search, takes a person without an
 * identity code, and warns before a second person of the same name and
 * birth date is made; "use" chooses the existing one. */
static void
test_new_person_and_duplicate (Fixture       *f,
                               gconstpointer  data)
{
  KhPersonPicker *picker = KH_PERSON_PICKER (f->picker);
  GtkWidget *fields;
  g_autoptr(KhClient) typed = NULL;
  AdwMessageDialog *dialog;
  gint64 id;
  int answer = -1;

  id = add_person (f, "Kaksonen", "Kaija", "1970-05-05");
  type (f, "Kaksonen Kaija", "1 person found.");
  g_signal_emit_by_name (child (f, "new_person_button"), "clicked");
  g_assert_cmpint (kh_person_picker_get_mode (picker), ==, KH_PERSON_PICKER_NEW);
  g_assert_true (kh_person_picker_has_content (picker));

  fields = child (f, "person_fields");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (kh_test_ui_child (fields, KH_TYPE_PERSON_FIELDS, "last_name_row"))),
                   ==, "Kaksonen");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (kh_test_ui_child (fields, KH_TYPE_PERSON_FIELDS, "first_names_row"))),
                   ==, "Kaija");
  /* No identity code: the birth date and a reason instead. */
  gtk_switch_set_active (GTK_SWITCH (kh_test_ui_child (fields, KH_TYPE_PERSON_FIELDS, "no_code_switch")), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (kh_test_ui_child (fields, KH_TYPE_PERSON_FIELDS, "birth_date_row")),
                         "5.5.1970");
  g_assert_true (kh_person_picker_validate_new (picker));
  typed = kh_person_picker_dup_new_client (picker);
  g_assert_cmpint (typed->identity_kind, ==, KH_IDENTITY_BIRTH_DATE);
  g_assert_cmpstr (typed->birth_date, ==, "1970-05-05");

  kh_person_picker_confirm_new_async (picker, NULL, confirmed_cb, &answer);
  WAIT_UNTIL ((dialog = find_message_dialog ()) != NULL);
  g_assert_true (adw_message_dialog_has_response (dialog, "use"));
  g_assert_true (adw_message_dialog_has_response (dialog, "new"));
  kh_test_ui_screenshot (GTK_WIDGET (dialog), "picker-duplicate");
  adw_message_dialog_response (dialog, "use");
  gtk_window_destroy (GTK_WINDOW (dialog));
  WAIT_UNTIL (answer != -1);
  g_assert_cmpint (answer, ==, KH_PERSON_PICKER_USE_EXISTING);
  g_assert_cmpint (kh_person_picker_get_mode (picker), ==, KH_PERSON_PICKER_CHOSEN);
  g_assert_cmpint (kh_person_picker_get_client (picker)->id, ==, id);
  g_assert_cmpuint (f->n_chosen, ==, 1);

  kh_person_picker_reset (picker);
  g_assert_false (kh_person_picker_has_content (picker));
  g_assert_cmpint (kh_person_picker_get_mode (picker), ==, KH_PERSON_PICKER_SEARCH);
}

/* The intake form's "who" is the picker: a tie there is refused the same
 * way, and the chosen person's language becomes the contact's. */
static void
test_in_intake_form (void)
{
  Fixture fixture = { { NULL, }, NULL, NULL, 0 };
  Fixture *f = &fixture;
  GtkWidget *form;
  GObject *language_row;

  kh_test_ui_set_up (&f->ui);
  form = kh_intake_form_new (f->ui.store);
  g_object_ref (form);
  kh_test_ui_show (&f->ui, form);
  f->picker = GTK_WIDGET (gtk_widget_get_template_child (form, KH_TYPE_INTAKE_FORM, "person_picker"));
  g_signal_connect (f->picker, "chosen", G_CALLBACK (chosen_cb), f);

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *first = g_strdup_printf ("Aino%02u", i);

      add_person (f, "Nyström", first, "2006-08-13");
    }
  add_person_in (f, "Nyqvist", "Noora", "1990-01-01", KH_LANGUAGE_SV);

  type (f, "nyst", "3 people found. None matches clearly best: choose one with the arrow keys, or type more.");
  activate_search (f);
  assert_text (status_text (f),
               "3 people match equally well. Choose one with the arrow keys, or type more of the name or identity code.");
  g_assert_cmpuint (f->n_chosen, ==, 0);
  kh_test_ui_screenshot (f->ui.window, "intake-who-tie");

  type (f, "nyq", "1 person found.");
  kh_test_ui_screenshot (f->ui.window, "intake-who-one");
  activate_search (f);
  g_assert_cmpuint (f->n_chosen, ==, 1);
  language_row = gtk_widget_get_template_child (form, KH_TYPE_INTAKE_FORM, "language_row");
  g_assert_cmpint (kh_form_rows_get_language (ADW_COMBO_ROW (language_row)), ==, KH_LANGUAGE_SV);
  kh_test_ui_screenshot (f->ui.window, "intake-who-chosen");

  g_clear_object (&f->chosen);
  gtk_window_set_child (GTK_WINDOW (f->ui.window), NULL);
  g_object_run_dispose (G_OBJECT (form));
  kh_test_ui_tear_down (&f->ui);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (form);
}

/* The People view's search uses the same rows and rules: it says how many
 * match, Enter on a tie opens nobody and says why, and on a clear best
 * match opens that person. */
static void
test_people_view (void)
{
  Fixture fixture = { { NULL, }, NULL, NULL, 0 };
  Fixture *f = &fixture;
  GtkWidget *clients;
  GtkEditable *entry;
  GtkLabel *count;
  AdwLeaflet *leaflet;
  GListModel *results;
  KhPersonPage *person_page;
  gint64 aapo;

  kh_test_ui_set_up (&f->ui);
  add_person (f, "Nyström", "Noora", "2006-08-13");
  add_person (f, "Nyström", "Nils", "2006-08-13");
  aapo = add_person (f, "Ny", "Aapo", "1990-01-01");
  clients = kh_clients_page_new (f->ui.store);
  g_object_ref (clients);
  kh_test_ui_show (&f->ui, clients);
  entry = GTK_EDITABLE (gtk_widget_get_template_child (clients, KH_TYPE_CLIENTS_PAGE, "search_entry"));
  count = GTK_LABEL (gtk_widget_get_template_child (clients, KH_TYPE_CLIENTS_PAGE, "limit_label"));
  leaflet = ADW_LEAFLET (gtk_widget_get_template_child (clients, KH_TYPE_CLIENTS_PAGE, "leaflet"));
  results = G_LIST_MODEL (gtk_widget_get_template_child (clients, KH_TYPE_CLIENTS_PAGE, "results"));
  person_page = KH_PERSON_PAGE (gtk_widget_get_template_child (clients, KH_TYPE_CLIENTS_PAGE, "person_page"));

  gtk_editable_set_text (entry, "nyst");
  WAIT_UNTIL (g_list_model_get_n_items (results) == 2);
  gtk_test_widget_wait_for_draw (f->ui.window);
  assert_text (gtk_label_get_text (count),
               "2 people found. None matches clearly best: choose one with the arrow keys, or type more.");
  g_signal_emit_by_name (entry, "activate");
  assert_text (gtk_label_get_text (count),
               "2 people match equally well. Choose one with the arrow keys, or type more of the name or identity code.");
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "search");
  kh_test_ui_screenshot (f->ui.window, "people-tie");

  gtk_editable_set_text (entry, "ny");
  WAIT_UNTIL (g_list_model_get_n_items (results) == 3);
  gtk_test_widget_wait_for_draw (f->ui.window);
  kh_test_ui_screenshot (f->ui.window, "people-clear-best");
  g_signal_emit_by_name (entry, "activate");
  WAIT_UNTIL (g_strcmp0 (adw_leaflet_get_visible_child_name (leaflet), "person") == 0);
  g_assert_nonnull (kh_person_page_get_client (person_page));
  g_assert_false (kh_person_page_get_loading (person_page));
  gtk_test_widget_wait_for_draw (f->ui.window);
  kh_test_ui_screenshot (f->ui.window, "people-opened");
  g_assert_cmpint (kh_person_page_get_client (person_page)->id, ==, aapo);

  gtk_window_set_child (GTK_WINDOW (f->ui.window), NULL);
  g_object_run_dispose (G_OBJECT (clients));
  kh_test_ui_tear_down (&f->ui);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (clients);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("KOHTAAMO_LOCALEDIR");

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* Screenshots in Finnish and Swedish: KOHTAAMO_LOCALEDIR, LANGUAGE and
   * KH_TEST_SCREENSHOTS from outside; the asserts then expect English. */
  if (localedir != NULL)
    {
      /* gtk_test_init keeps the C locale. */
      setlocale (LC_ALL, "");
      localized = TRUE;
      bindtextdomain (GETTEXT_PACKAGE, localedir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/ui/person-picker/counts-and-tie", test_counts_and_tie);
  ADD ("/ui/person-picker/clear-best", test_clear_best);
  ADD ("/ui/person-picker/accessible-row", test_accessible_row);
  ADD ("/ui/person-picker/digits", test_digits);
  ADD ("/ui/person-picker/new-person-and-duplicate", test_new_person_and_duplicate);
  g_test_add_func ("/ui/person-picker/in-intake-form", test_in_intake_form);
  g_test_add_func ("/ui/person-picker/people-view", test_people_view);

  return g_test_run ();
}
