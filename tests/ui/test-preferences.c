/* test-preferences.c — the Preferences window in a real window: the directory
 * by life area, closed days, the Saturday setting, and who may change them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * With KH_TEST_SCREENSHOTS=DIR (and KOHTAAMO_LOCALEDIR, LANGUAGE, LC_ALL,
 * KH_TEST_DARK=1 for the dark style) the pages are saved as pictures.
 */

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "app/kh-preferences-window.h"
#include "core/kh-calendar.h"
#include "core/kh-unit-profile.h"
#include "ui/common/kh-field-message.h"

#include "kh-shell-test.h"
#include "kh-test-ui.h"

typedef struct {
  KhTestUi             ui;
  KhPreferencesWindow *window;
} Fixture;

/* ---- finding widgets ---- */

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
named (GtkWidget  *root,
       const char *name)
{
  GtkWidget *found = find_named (root, name);

  if (found == NULL)
    g_error ("no widget named “%s”", name);
  return found;
}

/* A row with this title under `root`, or NULL. */
static GtkWidget *
find_row (GtkWidget  *root,
          const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (root)
      && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0
      && gtk_widget_get_visible (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static const char *
field_message (GtkWidget *field)
{
  GtkLabel *label = kh_field_message_get_label (field);

  if (!kh_field_message_is_shown (field) || label == NULL)
    return NULL;
  return gtk_label_get_text (label);
}

static void
type_into (GtkWidget  *editor,
           const char *name,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (named (editor, name)), text);
}

/* ---- the fixture ---- */

/* The pictures' window height: the Documents page is a long one. */
static int screenshot_height = 1500;

static void
open_window (Fixture *f)
{
  f->window = kh_preferences_window_new (f->ui.store);
  g_object_ref_sink (f->window);
  if (g_getenv ("KH_TEST_SCREENSHOTS") != NULL)
    gtk_window_set_default_size (GTK_WINDOW (f->window), 760, screenshot_height);
  gtk_window_present (GTK_WINDOW (f->window));
  WAIT_UNTIL (kh_preferences_window_get_pending (f->window) == 0);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  kh_test_ui_set_up (&f->ui);
}

static void
fixture_tear_down_window (Fixture *f)
{
  if (f->window != NULL)
    {
      g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *) &f->window);
      gtk_window_destroy (GTK_WINDOW (f->window));
      g_object_unref (f->window);
      /* Finalized: no reference is left behind, also not a pending call's. */
      WAIT_UNTIL (f->window == NULL);
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  fixture_tear_down_window (f);
  kh_test_ui_tear_down (&f->ui);
}

static void
shoot (Fixture    *f,
       const char *page,
       const char *name)
{
  g_autofree char *file = NULL;

  if (g_getenv ("KH_TEST_SCREENSHOTS") == NULL)
    return;
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (f->window), page);
  file = g_strdup_printf ("preferences-%s-%s-%s",
                          g_getenv ("LANGUAGE") != NULL ? g_getenv ("LANGUAGE") : "en",
                          g_getenv ("KH_TEST_DARK") != NULL ? "dark" : "light", name);
  kh_test_ui_screenshot (GTK_WIDGET (f->window), file);
}

static void
got_result_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static KhService *
stored_service (Fixture    *f,
                const char *name_fi)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) services = NULL;

  kh_store_list_directory_async (f->ui.store, NULL, got_result_cb, &result);
  WAIT_UNTIL (result != NULL);
  services = kh_store_list_directory_finish (f->ui.store, result, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < services->len; i++)
    {
      KhService *service = g_ptr_array_index (services, i);

      if (g_strcmp0 (service->name_fi, name_fi) == 0)
        return g_object_ref (service);
    }
  return NULL;
}

/* ---- the directory ---- */

static void
test_directory (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *editor;
  GtkWidget *row;
  GtkWidget *housing;
  g_autoptr(KhService) saved = NULL;

  open_window (f);
  g_assert_true (kh_preferences_window_can_edit (f->window));

  /* The seed, grouped by life area. */
  row = find_row (named (GTK_WIDGET (f->window), "finances"), "Kela");
  g_assert_nonnull (row);
  g_assert_nonnull (find_row (named (GTK_WIDGET (f->window), "health-safety"), "Sosiaalipäivystys"));
  g_assert_null (find_row (named (GTK_WIDGET (f->window), "housing"), "Kela"));
  /* Nothing is "not placed" in a new database, so that group is hidden. */
  g_assert_false (gtk_widget_get_visible (named (GTK_WIDGET (f->window), "other")));

  /* Add: the editor opens on a subpage. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "preferences.add-service", NULL);
  editor = kh_preferences_window_get_editor (f->window);
  g_assert_nonnull (editor);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));

  /* Bad input: the message is at its field, and nothing is saved. */
  type_into (editor, "name-fi", "Nuorten asunnot");
  g_signal_emit_by_name (named (editor, "save"), "clicked");
  g_assert_cmpstr (field_message (named (editor, "name-sv")), ==,
                   "Name in Swedish: enter the service’s name.");
  g_assert_true (gtk_widget_has_css_class (named (editor, "name-sv"), "error"));
  type_into (editor, "name-sv", "Ungdomsbostäder");
  /* Typing clears the message. */
  g_assert_null (field_message (named (editor, "name-sv")));
  type_into (editor, "phone", "puhelin");
  type_into (editor, "url", "www.example.fi");
  g_signal_emit_by_name (named (editor, "save"), "clicked");
  g_assert_cmpstr (field_message (named (editor, "phone")), ==,
                   "Phone: use digits, and spaces, + - ( ) if you like.");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (editor, "name-fi"))), ==,
                   "Nuorten asunnot");
  type_into (editor, "phone", "09 123 4567");
  g_signal_emit_by_name (named (editor, "save"), "clicked");
  g_assert_cmpstr (field_message (named (editor, "url")), ==,
                   "Web address: give a whole address that starts with https:// or http://.");
  type_into (editor, "url", "https://example.fi/nuoret");
  /* The mark the seeded social emergency service already has. */
  gtk_switch_set_active (GTK_SWITCH (named (editor, "social-emergency")), TRUE);
  g_signal_emit_by_name (named (editor, "save"), "clicked");
  g_assert_cmpstr (field_message (gtk_widget_get_ancestor (named (editor, "social-emergency"),
                                                           ADW_TYPE_ACTION_ROW)), ==,
                   "Social emergency service: “Sosiaalipäivystys / Socialjour” already has "
                   "this mark; remove it there first.");
  gtk_switch_set_active (GTK_SWITCH (named (editor, "social-emergency")), FALSE);
  g_assert_null (stored_service (f, "Nuorten asunnot"));

  adw_combo_row_set_selected (ADW_COMBO_ROW (named (editor, "area")),
                              KH_LIFE_AREA_HOUSING - KH_LIFE_AREA_FIRST);
  adw_combo_row_set_selected (ADW_COMBO_ROW (named (editor, "kind")),
                              KH_SERVICE_KIND_NGO - KH_SERVICE_KIND_FIRST);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (named (editor, "fi")), TRUE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (named (editor, "sv")), TRUE);
  type_into (editor, "notes", "ma–pe 9–15");
  g_signal_emit_by_name (named (editor, "save"), "clicked");
  WAIT_UNTIL (kh_preferences_window_get_editor (f->window) == NULL
              && kh_preferences_window_get_pending (f->window) == 0);

  /* Saved with every field, and listed under housing. */
  saved = stored_service (f, "Nuorten asunnot");
  g_assert_nonnull (saved);
  g_assert_cmpstr (saved->name_sv, ==, "Ungdomsbostäder");
  g_assert_cmpint (saved->area, ==, KH_LIFE_AREA_HOUSING);
  g_assert_cmpint (saved->kind, ==, KH_SERVICE_KIND_NGO);
  g_assert_cmpuint (saved->languages, ==, KH_SERVICE_LANGUAGE_FI | KH_SERVICE_LANGUAGE_SV);
  g_assert_cmpstr (saved->phone, ==, "09 123 4567");
  g_assert_cmpstr (saved->url, ==, "https://example.fi/nuoret");
  g_assert_cmpstr (saved->notes, ==, "ma–pe 9–15");
  g_assert_cmpuint (saved->flags, ==, 0);
  g_assert_true (saved->active);
  housing = named (GTK_WIDGET (f->window), "housing");
  row = find_row (housing, "Nuorten asunnot");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Non-governmental organisation · Finnish, Swedish · 09 123 4567");

  /* Edit it: take it out of use. It stays listed, marked, and in the store. */
  g_signal_emit_by_name (row, "activated");
  editor = kh_preferences_window_get_editor (f->window);
  g_assert_nonnull (editor);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (editor, "name-sv"))), ==,
                   "Ungdomsbostäder");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (named (editor, "active")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "In use");
  gtk_switch_set_active (GTK_SWITCH (named (editor, "active")), FALSE);
  g_signal_emit_by_name (named (editor, "save"), "clicked");
  WAIT_UNTIL (kh_preferences_window_get_editor (f->window) == NULL
              && kh_preferences_window_get_pending (f->window) == 0);
  g_clear_object (&saved);
  saved = stored_service (f, "Nuorten asunnot");
  g_assert_false (saved->active);
  row = find_row (named (GTK_WIDGET (f->window), "housing"), "Nuorten asunnot");
  g_assert_nonnull (row);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Not in use · "));
  g_assert_true (gtk_widget_has_css_class (row, "dim-label"));
}

/* ---- closed days ---- */

/* As the store's shared calendar has it (the intake counts with it). */
static gboolean
is_closed (Fixture *f,
           int      day,
           int      month,
           int      year)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return kh_calendar_is_closed_day (kh_store_get_calendar (f->ui.store), &date, NULL);
}

static void
test_closed_days (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *window;
  GtkWidget *date_row;
  GtkWidget *name_row;
  GtkWidget *row;
  GtkWidget *remove = NULL;

  open_window (f);
  window = GTK_WIDGET (f->window);
  date_row = kh_test_ui_child (window, KH_TYPE_PREFERENCES_WINDOW, "closed_day_date_row");
  name_row = kh_test_ui_child (window, KH_TYPE_PREFERENCES_WINDOW, "closed_day_name_row");
  g_assert_nonnull (find_row (window, "No closed days"));

  /* Bad input, at the field. */
  gtk_editable_set_text (GTK_EDITABLE (date_row), "31.2.2026");
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Koulutuspäivä");
  g_signal_emit_by_name (kh_test_ui_child (window, KH_TYPE_PREFERENCES_WINDOW, "add_closed_day_button"),
                         "clicked");
  g_assert_cmpstr (field_message (date_row), ==, "Date: enter a date, e.g. 2.4.2026.");
  gtk_editable_set_text (GTK_EDITABLE (date_row), "15.5.2026");
  gtk_editable_set_text (GTK_EDITABLE (name_row), "  ");
  g_signal_emit_by_name (kh_test_ui_child (window, KH_TYPE_PREFERENCES_WINDOW, "add_closed_day_button"),
                         "clicked");
  g_assert_cmpstr (field_message (name_row), ==, "Name: say why the unit is closed that day.");
  g_assert_false (is_closed (f, 15, 5, 2026));

  /* Added: listed, and the store's calendar has it at once. */
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Koulutuspäivä");
  g_signal_emit_by_name (kh_test_ui_child (window, KH_TYPE_PREFERENCES_WINDOW, "add_closed_day_button"),
                         "clicked");
  WAIT_UNTIL (find_row (window, "Koulutuspäivä") != NULL
              && kh_preferences_window_get_pending (f->window) == 0);
  row = find_row (window, "Koulutuspäivä");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Friday 15.5.2026");
  g_assert_null (find_row (window, "No closed days"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date_row)), ==, "");
  g_assert_true (is_closed (f, 15, 5, 2026));

  /* Removed with its own button. */
  {
    GtkWidget *stack[64];
    guint n = 0;

    remove = NULL;
    stack[n++] = row;
    while (n > 0 && remove == NULL)
      {
        GtkWidget *w = stack[--n];

        if (GTK_IS_BUTTON (w))
          remove = w;
        for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL && n < G_N_ELEMENTS (stack);
             c = gtk_widget_get_next_sibling (c))
          stack[n++] = c;
      }
  }
  g_assert_nonnull (remove);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (remove), ==, "Remove the closed day Friday 15.5.2026");
  g_signal_emit_by_name (remove, "clicked");
  WAIT_UNTIL (find_row (window, "No closed days") != NULL
              && kh_preferences_window_get_pending (f->window) == 0);
  g_assert_null (find_row (window, "Koulutuspäivä"));
  g_assert_false (is_closed (f, 15, 5, 2026));
}

/* ---- settings ---- */

static void
count_cb (guint *count)
{
  (*count)++;
}

static void
test_settings (Fixture       *f,
               gconstpointer  data)
{
  guint renamed = 0;
  GtkWidget *window;
  GtkWidget *toggle;
  GtkWidget *row;

  open_window (f);
  window = GTK_WIDGET (f->window);
  toggle = kh_test_ui_child (window, KH_TYPE_PREFERENCES_WINDOW, "saturday_switch");
  row = kh_test_ui_child (window, KH_TYPE_PREFERENCES_WINDOW, "saturday_row");
  /* The statute by default, in the words core gives the setting. */
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (toggle)));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       kh_calendar_saturday_setting_title ());
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   kh_calendar_saturday_setting_title ());
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   kh_calendar_describe_saturday_setting (FALSE));

  gtk_switch_set_active (GTK_SWITCH (toggle), TRUE);
  WAIT_UNTIL (kh_preferences_window_get_pending (f->window) == 0);
  g_assert_true (kh_calendar_get_saturday_is_working_day (kh_store_get_calendar (f->ui.store)));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   kh_calendar_describe_saturday_setting (TRUE));

  /* The unit's name: empty is refused at the field. */
  row = kh_test_ui_child (window, KH_TYPE_PREFERENCES_WINDOW, "unit_name_row");
  gtk_editable_set_text (GTK_EDITABLE (row), "   ");
  g_signal_emit_by_name (row, "apply");
  g_assert_cmpstr (field_message (row), ==, "The unit’s name cannot be empty");
  g_assert_null (kh_store_get_unit_name (f->ui.store));
  g_signal_connect_swapped (f->ui.store, "notify::unit-name", G_CALLBACK (count_cb), &renamed);
  gtk_editable_set_text (GTK_EDITABLE (row), "Aikuissosiaalityö, Itä");
  g_signal_emit_by_name (row, "apply");
  WAIT_UNTIL (kh_preferences_window_get_pending (f->window) == 0);
  g_assert_null (field_message (row));
  /* The store's copy follows, and tells the window's header. */
  g_assert_cmpstr (kh_store_get_unit_name (f->ui.store), ==, "Aikuissosiaalityö, Itä");
  g_assert_cmpuint (renamed, ==, 1);
  g_signal_handlers_disconnect_by_func (f->ui.store, count_cb, &renamed);
}

/* ---- pictures of the pages (with KH_TEST_SCREENSHOTS) ---- */

/* Drives the pages as a user would, asserting on the store and the widgets'
 * state rather than on words, so that it runs in any language. */
static void
test_pages (Fixture       *f,
            gconstpointer  data)
{
  GtkWidget *window;
  GtkWidget *editor;
  GtkWidget *date_row;

  open_window (f);
  window = GTK_WIDGET (f->window);
  shoot (f, "directory", "directory");

  gtk_widget_activate_action (window, "preferences.add-service", NULL);
  editor = kh_preferences_window_get_editor (f->window);
  type_into (editor, "name-fi", "Nuorten asunnot");
  type_into (editor, "email", "nuoret at example.fi");
  g_signal_emit_by_name (named (editor, "save"), "clicked");
  g_assert_true (kh_field_message_is_shown (named (editor, "name-sv")));
  shoot (f, "directory", "editor-message");
  type_into (editor, "name-sv", "Ungdomsbostäder");
  type_into (editor, "email", "nuoret@example.fi");
  adw_combo_row_set_selected (ADW_COMBO_ROW (named (editor, "area")),
                              KH_LIFE_AREA_HOUSING - KH_LIFE_AREA_FIRST);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (named (editor, "fi")), TRUE);
  g_signal_emit_by_name (named (editor, "save"), "clicked");
  WAIT_UNTIL (kh_preferences_window_get_editor (f->window) == NULL
              && kh_preferences_window_get_pending (f->window) == 0);
  /* Named in the reader's language. */
  g_assert_true (find_row (named (window, "housing"), "Nuorten asunnot") != NULL
                 || find_row (named (window, "housing"), "Ungdomsbostäder") != NULL);

  date_row = kh_test_ui_child (window, KH_TYPE_PREFERENCES_WINDOW, "closed_day_date_row");
  gtk_editable_set_text (GTK_EDITABLE (date_row), "15.5.2026");
  gtk_editable_set_text (GTK_EDITABLE (kh_test_ui_child (window, KH_TYPE_PREFERENCES_WINDOW,
                                                         "closed_day_name_row")), "Koulutuspäivä");
  g_signal_emit_by_name (kh_test_ui_child (window, KH_TYPE_PREFERENCES_WINDOW, "add_closed_day_button"),
                         "clicked");
  WAIT_UNTIL (find_row (window, "Koulutuspäivä") != NULL
              && kh_preferences_window_get_pending (f->window) == 0);
  gtk_editable_set_text (GTK_EDITABLE (date_row), "30.2.2026");
  g_signal_emit_by_name (kh_test_ui_child (window, KH_TYPE_PREFERENCES_WINDOW, "add_closed_day_button"),
                         "clicked");
  g_assert_true (kh_field_message_is_shown (date_row));
  shoot (f, "closed-days", "closed-days");
  shoot (f, "settings", "settings");
}

/* ---- the unit's documents (issue 8) ---- */

/* 16 × 16 grey, made with Python's zlib (as tests/core/test-unit-profile.c). */
#define PNG_16X16_BASE64 "iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAAAAAA6mKC9AAAAD0lEQVR4nGNoQAMMI1sAAAUMgAFaSOXNAAAAAElFTkSuQmCC"

static KhUnitProfile *
stored_profile (Fixture *f)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  KhUnitProfile *profile;

  kh_store_get_unit_profile_async (f->ui.store, NULL, got_result_cb, &result);
  WAIT_UNTIL (result != NULL);
  profile = kh_store_get_unit_profile_finish (f->ui.store, result, &error);
  g_assert_no_error (error);
  return profile;
}

/* Types into a field and applies it, as the row's button or Enter does. */
static void
apply_field (Fixture    *f,
             const char *key,
             const char *text)
{
  GtkWidget *row = named (GTK_WIDGET (f->window), key);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
  WAIT_UNTIL (kh_preferences_window_get_pending (f->window) == 0);
}

static const struct { const char *key; const char *text; } unit_profile_fields[] = {
  { "document_organisation_fi", "Hyvinvointialue Esimerkki" },
  { "document_unit_fi", "Aikuissosiaalityö" },
  { "document_postal_address_fi", "PL 100" },
  { "document_postal_code_town_fi", "00101 Esimerkki" },
  { "document_phone_fi", "09 123 4567" },
  { "document_web_fi", "www.esimerkki.fi" },
  { "document_organisation_sv", "Välfärdsområdet Exempel" },
  { "document_unit_sv", "Vuxensocialarbete" },
  { "document_postal_address_sv", "PB 100" },
  { "document_postal_code_town_sv", "00101 Exempel" },
  { "document_authority_name_fi", "Yksilöasioiden jaosto" },
  { "document_authority_postal_address_fi", "Kirjaamo, PL 100" },
  { "document_authority_postal_code_town_fi", "00101 Esimerkki" },
  { "document_authority_visiting_address_fi", "Esimerkkikatu 1, Esimerkki" },
  { "document_authority_email_fi", "kirjaamo@esimerkki.fi" },
  { "document_authority_opening_hours_fi", "ma–pe klo 8–16" },
  { "document_authority_name_sv", "Sektionen för individuella ärenden" },
  { "document_authority_postal_address_sv", "Registratorskontoret, PB 100" },
  { "document_authority_postal_code_town_sv", "00101 Exempel" },
  { "document_authority_visiting_address_sv", "Exempelgatan 1, Exempel" },
  { "document_authority_opening_hours_sv", "mån–fre kl. 8–16" },
};

static void
add_decision_maker (Fixture    *f,
                    const char *name,
                    const char *title_fi,
                    const char *title_sv)
{
  KhDocumentSettingsPage *page = kh_preferences_window_get_documents_page (f->window);
  GtkWidget *editor;

  g_signal_emit_by_name (named (GTK_WIDGET (f->window), "add-decision-maker"), "clicked");
  editor = kh_document_settings_page_get_editor (page);
  g_assert_nonnull (editor);
  type_into (editor, "maker-name", name);
  type_into (editor, "maker-title-fi", title_fi);
  type_into (editor, "maker-title-sv", title_sv);
  g_signal_emit_by_name (named (editor, "save"), "clicked");
  WAIT_UNTIL (kh_document_settings_page_get_editor (page) == NULL
              && kh_preferences_window_get_pending (f->window) == 0);
}

static void
test_documents (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(KhUnitProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *png_path = g_build_filename (f->ui.dir, "logo.png", NULL);
  g_autofree char *text_path = g_build_filename (f->ui.dir, "logo.txt", NULL);
  g_autofree guchar *png = NULL;
  g_autoptr(GFile) png_file = NULL;
  g_autoptr(GFile) text_file = NULL;
  KhDocumentSettingsPage *page;
  GtkWidget *window;
  GtkWidget *editor;
  GtkWidget *row;
  gsize png_size = 0;

  open_window (f);
  window = GTK_WIDGET (f->window);
  page = kh_preferences_window_get_documents_page (f->window);
  g_assert_true (kh_preferences_window_can_edit (f->window));
  g_assert_nonnull (named (window, "missing-fi"));
  g_assert_nonnull (named (window, "missing-sv"));

  /* A bad value is refused at its field; the text stays as typed. */
  row = named (window, "document_postal_code_town_fi");
  apply_field (f, "document_postal_code_town_fi", "Esimerkki");
  g_assert_nonnull (field_message (row));
  g_assert_true (g_str_has_prefix (field_message (row),
                                   kh_unit_profile_field_label (KH_UNIT_PROFILE_POSTAL_CODE_TOWN)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Esimerkki");

  for (guint i = 0; i < G_N_ELEMENTS (unit_profile_fields); i++)
    {
      apply_field (f, unit_profile_fields[i].key, unit_profile_fields[i].text);
      g_assert_null (field_message (named (window, unit_profile_fields[i].key)));
    }
  /* Cleaned as stored. */
  apply_field (f, "document_phone_sv", "  09  123 4567 ");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (window, "document_phone_sv"))), ==,
                   "09 123 4567");

  add_decision_maker (f, "Sanna Sosiaali", "johtava sosiaalityöntekijä", "ledande socialarbetare");
  g_assert_nonnull (named (window, "ready-fi"));
  g_assert_nonnull (named (window, "ready-sv"));

  /* A decision maker needs a title: told at the field, nothing saved. */
  g_signal_emit_by_name (named (window, "add-decision-maker"), "clicked");
  editor = kh_document_settings_page_get_editor (page);
  type_into (editor, "maker-name", "Olli Ohjaaja");
  g_signal_emit_by_name (named (editor, "save"), "clicked");
  g_assert_true (kh_field_message_is_shown (named (editor, "maker-title-fi")));
  type_into (editor, "maker-title-fi", "sosiaaliohjaaja");
  type_into (editor, "maker-title-sv", "socialhandledare");
  g_signal_emit_by_name (named (editor, "save"), "clicked");
  WAIT_UNTIL (kh_document_settings_page_get_editor (page) == NULL
              && kh_preferences_window_get_pending (f->window) == 0);

  /* The logo: a text file is refused at the row, a PNG is kept. */
  g_file_set_contents (text_path, "not a picture", -1, &error);
  g_assert_no_error (error);
  text_file = g_file_new_for_path (text_path);
  kh_document_settings_page_load_logo (page, text_file);
  WAIT_UNTIL (kh_preferences_window_get_pending (f->window) == 0);
  g_assert_true (kh_field_message_is_shown (named (window, "logo-row")));
  g_assert_false (gtk_widget_get_visible (named (window, "remove-logo")));
  png = g_base64_decode (PNG_16X16_BASE64, &png_size);
  g_file_set_contents (png_path, (const char *) png, png_size, &error);
  g_assert_no_error (error);
  png_file = g_file_new_for_path (png_path);
  kh_document_settings_page_load_logo (page, png_file);
  WAIT_UNTIL (kh_preferences_window_get_pending (f->window) == 0);
  g_assert_false (kh_field_message_is_shown (named (window, "logo-row")));
  g_assert_true (gtk_widget_get_visible (named (window, "remove-logo")));

  profile = stored_profile (f);
  g_assert_cmpstr (profile->text[1][KH_UNIT_PROFILE_ORGANISATION], ==, "Välfärdsområdet Exempel");
  g_assert_cmpstr (profile->text[0][KH_UNIT_PROFILE_AUTHORITY_NAME], ==, "Yksilöasioiden jaosto");
  g_assert_cmpuint (profile->decision_makers->len, ==, 2);
  g_assert_cmpstr (((KhDecisionMaker *) g_ptr_array_index (profile->decision_makers, 1))->title_sv, ==,
                   "socialhandledare");
  g_assert_cmpuint (g_bytes_get_size (profile->logo), ==, png_size);

  /* Reopened: everything is kept. */
  fixture_tear_down_window (f);
  screenshot_height = 3000;
  open_window (f);
  screenshot_height = 1500;
  window = GTK_WIDGET (f->window);
  for (guint i = 0; i < G_N_ELEMENTS (unit_profile_fields); i++)
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (window, unit_profile_fields[i].key))), ==,
                     unit_profile_fields[i].text);
  g_assert_nonnull (find_row (named (window, "decision-makers"), "Sanna Sosiaali"));
  g_assert_nonnull (find_row (named (window, "decision-makers"), "Olli Ohjaaja"));
  g_assert_true (gtk_widget_get_visible (named (window, "remove-logo")));
  g_assert_nonnull (named (window, "ready-sv"));
  shoot (f, "documents", "documents");

  /* Taken out of use, the decision maker stays in the list. */
  g_signal_emit_by_name (find_row (named (window, "decision-makers"), "Olli Ohjaaja"), "activated");
  editor = kh_document_settings_page_get_editor (kh_preferences_window_get_documents_page (f->window));
  g_assert_nonnull (editor);
  shoot (f, "documents", "decision-maker");
  gtk_switch_set_active (GTK_SWITCH (named (editor, "maker-active")), FALSE);
  g_signal_emit_by_name (named (editor, "save"), "clicked");
  WAIT_UNTIL (kh_document_settings_page_get_editor (kh_preferences_window_get_documents_page (f->window)) == NULL
              && kh_preferences_window_get_pending (f->window) == 0);
  g_clear_pointer (&profile, kh_unit_profile_free);
  profile = stored_profile (f);
  g_assert_false (((KhDecisionMaker *) g_ptr_array_index (profile->decision_makers, 1))->active);

  /* The store refuses (the account became reception's meanwhile): its
   * words at the field, and the text stays as typed. */
  {
    g_autoptr(KhDb) db = kh_db_open (f->ui.location, &error);
    g_autoptr(KhUser) me = NULL;
    g_autoptr(KhUser) other = NULL;
    g_autoptr(KhUser) demoted = NULL;

    g_assert_no_error (error);
    me = kh_db_login (db, g_get_user_name (), NULL, &error);
    g_assert_no_error (error);
    other = kh_db_save_user (db, me, "toinenpaakayttaja", NULL, KH_ROLE_ADMIN, TRUE, &error);
    g_assert_no_error (error);
    demoted = kh_db_save_user (db, other, g_get_user_name (), NULL, KH_ROLE_RECEPTION, TRUE, &error);
    g_assert_no_error (error);
  }
  row = named (window, "document_unit_sv");
  apply_field (f, "document_unit_sv", "Vuxensocialt arbete");
  g_assert_nonnull (field_message (row));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Vuxensocialt arbete");
  g_clear_pointer (&profile, kh_unit_profile_free);
  profile = stored_profile (f);
  g_assert_cmpstr (profile->text[1][KH_UNIT_PROFILE_UNIT], ==, "Vuxensocialarbete");
}

/* ---- client plans' reviews (issue 9, 4) ---- */

static char *
stored_setting (Fixture    *f,
                const char *key)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *value = NULL;

  kh_store_get_setting_async (f->ui.store, key, NULL, got_result_cb, &result);
  WAIT_UNTIL (result != NULL);
  g_assert_true (kh_store_get_setting_finish (f->ui.store, result, &value, &error));
  g_assert_no_error (error);
  return value;
}

static GtkWidget *
plan_field (Fixture    *f,
            const char *name,
            int         index)
{
  GtkWidget *w = kh_plan_settings_page_get_field (kh_preferences_window_get_plans_page (f->window), name, index);

  g_assert_nonnull (w);
  return w;
}

static void
set_list (Fixture    *f,
          const char *name,
          const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (plan_field (f, name, -1))), text, -1);
}

/* The scale edited step by step, refused at the step while a label is
 * missing or has "|", saved as a whole; the lists refused at the list
 * with the core's words and saved; what was typed stays. */
static void
test_client_plans (Fixture       *f,
                   gconstpointer  data)
{
  KhPlanSettingsPage *page;
  g_autofree char *value = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  open_window (f);
  page = kh_preferences_window_get_plans_page (f->window);
  g_assert_nonnull (page);
  /* Unset: the default five steps, in both languages. */
  g_assert_cmpuint (kh_plan_settings_page_get_steps (page), ==, 5);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (plan_field (f, "step-fi", 0))), ==, "Ei edistystä");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (plan_field (f, "step-sv", 4))), ==, "Uppnått");
  shoot (f, "client-plans", "client-plans-default");

  /* Four steps of the unit's own. */
  g_signal_emit_by_name (plan_field (f, "remove-step", 3), "clicked");
  g_signal_emit_by_name (plan_field (f, "remove-step", 2), "clicked");
  g_assert_cmpuint (kh_plan_settings_page_get_steps (page), ==, 3);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (plan_field (f, "step-fi", 2))), ==, "Saavutettu");
  gtk_editable_set_text (GTK_EDITABLE (plan_field (f, "step-fi", 1)), "Vähän edistystä");
  gtk_editable_set_text (GTK_EDITABLE (plan_field (f, "step-sv", 1)), "Lite|framsteg");
  g_signal_emit_by_name (plan_field (f, "add-step", -1), "clicked");
  g_assert_cmpuint (kh_plan_settings_page_get_steps (page), ==, 4);
  /* What was typed survives the rows being laid out again. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (plan_field (f, "step-fi", 1))), ==, "Vähän edistystä");
  gtk_editable_set_text (GTK_EDITABLE (plan_field (f, "step-fi", 3)), "Täysin saavutettu");
  g_signal_emit_by_name (plan_field (f, "save-scale", -1), "clicked");
  /* Refused at the steps: nothing stored, nothing lost. */
  g_assert_true (kh_field_message_is_shown (plan_field (f, "step-sv", 3)));
  g_assert_true (kh_field_message_is_shown (plan_field (f, "step-sv", 1)));
  g_assert_false (kh_field_message_is_shown (plan_field (f, "step-fi", 3)));
  g_assert_cmpuint (kh_preferences_window_get_pending (f->window), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (plan_field (f, "step-fi", 3))), ==, "Täysin saavutettu");
  value = stored_setting (f, "plan_scale");
  g_assert_null (value);
  shoot (f, "client-plans", "client-plans-message");
  gtk_editable_set_text (GTK_EDITABLE (plan_field (f, "step-sv", 1)), "Lite framsteg");
  g_assert_false (kh_field_message_is_shown (plan_field (f, "step-sv", 1)));
  gtk_editable_set_text (GTK_EDITABLE (plan_field (f, "step-sv", 3)), "  Helt   uppnått ");
  g_signal_emit_by_name (plan_field (f, "save-scale", -1), "clicked");
  WAIT_UNTIL (kh_preferences_window_get_pending (f->window) == 0);
  value = stored_setting (f, "plan_scale");
  g_assert_cmpstr (value, ==, "Ei edistystä|Inga framsteg\nVähän edistystä|Lite framsteg\n"
                              "Saavutettu|Uppnått\nTäysin saavutettu|Helt uppnått");
  g_clear_pointer (&value, g_free);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (plan_field (f, "step-sv", 3))), ==, "Helt uppnått");

  /* 2–10 steps: the buttons that would leave them are off. */
  for (int i = 0; i < 6; i++)
    g_signal_emit_by_name (plan_field (f, "add-step", -1), "clicked");
  g_assert_cmpuint (kh_plan_settings_page_get_steps (page), ==, 10);
  g_assert_false (gtk_widget_get_sensitive (plan_field (f, "add-step", -1)));
  g_signal_emit_by_name (plan_field (f, "reset-scale", -1), "clicked");
  g_assert_cmpuint (kh_plan_settings_page_get_steps (page), ==, 5);
  for (int i = 0; i < 3; i++)
    g_signal_emit_by_name (plan_field (f, "remove-step", 0), "clicked");
  g_assert_cmpuint (kh_plan_settings_page_get_steps (page), ==, 2);
  g_assert_false (gtk_widget_get_sensitive (plan_field (f, "remove-step", 1)));
  g_assert_true (gtk_widget_get_sensitive (plan_field (f, "add-step", -1)));

  /* The lists. */
  set_list (f, "services", "Sosiaaliohjaus\nTuettu asuminen\nSosiaaliohjaus\n");
  g_signal_emit_by_name (plan_field (f, "save-services", -1), "clicked");
  g_assert_true (kh_field_message_is_shown (plan_field (f, "services-frame", -1)));
  g_assert_nonnull (field_message (plan_field (f, "services-frame", -1)));
  value = stored_setting (f, "plan_services");
  g_assert_null (value);
  set_list (f, "services", "Sosiaaliohjaus\n\n  Tuettu   asuminen\nTalous- ja velkaneuvonta\n");
  g_assert_false (kh_field_message_is_shown (plan_field (f, "services-frame", -1)));
  g_signal_emit_by_name (plan_field (f, "save-services", -1), "clicked");
  WAIT_UNTIL (kh_preferences_window_get_pending (f->window) == 0);
  value = stored_setting (f, "plan_services");
  g_assert_cmpstr (value, ==, "Sosiaaliohjaus\nTuettu asuminen\nTalous- ja velkaneuvonta");
  g_clear_pointer (&value, g_free);
  /* Shown as stored. */
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (plan_field (f, "services", -1)));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  value = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (value, ==, "Sosiaaliohjaus\nTuettu asuminen\nTalous- ja velkaneuvonta");
  g_clear_pointer (&value, g_free);
  set_list (f, "methods", "Motivoiva haastattelu\nVerkosto\u200bkartta");
  g_signal_emit_by_name (plan_field (f, "save-methods", -1), "clicked");
  g_assert_true (kh_field_message_is_shown (plan_field (f, "methods-frame", -1)));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (plan_field (f, "methods", -1)));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  value = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (value, ==, "Motivoiva haastattelu\nVerkosto\u200bkartta");
  g_clear_pointer (&value, g_free);
  shoot (f, "client-plans", "client-plans-lists");
  set_list (f, "methods", "Motivoiva haastattelu\nVerkostokartta\nRatkaisukeskeinen työ");
  g_signal_emit_by_name (plan_field (f, "save-methods", -1), "clicked");
  WAIT_UNTIL (kh_preferences_window_get_pending (f->window) == 0);
  value = stored_setting (f, "plan_methods");
  g_assert_cmpstr (value, ==, "Motivoiva haastattelu\nVerkostokartta\nRatkaisukeskeinen työ");
  g_clear_pointer (&value, g_free);

  /* Opened again: as stored. */
  fixture_tear_down_window (f);
  open_window (f);
  page = kh_preferences_window_get_plans_page (f->window);
  g_assert_cmpuint (kh_plan_settings_page_get_steps (page), ==, 4);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (plan_field (f, "step-sv", 3))), ==, "Helt uppnått");
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (plan_field (f, "services", -1)));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  value = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (value, ==, "Sosiaaliohjaus\nTuettu asuminen\nTalous- ja velkaneuvonta");
  shoot (f, "client-plans", "client-plans");
}

/* ---- who may change ---- */

static void
make_reception_user (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->ui.dir, "reception.db", NULL);
  g_autoptr(KhDb) db = kh_db_open (path, &error);
  g_autoptr(KhUser) admin = NULL;
  g_autoptr(KhUser) me = NULL;
  g_assert_no_error (error);
  admin = kh_db_login (db, "paakayttaja", "Pää Käyttäjä", &error);
  g_assert_no_error (error);
  me = kh_db_save_user (db, admin, g_get_user_name (), NULL, KH_ROLE_RECEPTION, TRUE, &error);
  g_assert_no_error (error);
  g_clear_pointer (&db, kh_db_close);

  /* The fixture's store, swapped for one on this database. */
  g_object_add_weak_pointer (G_OBJECT (f->ui.store), (gpointer *) &f->ui.store);
  g_object_unref (f->ui.store);
  WAIT_UNTIL (f->ui.store == NULL);
  f->ui.store = kh_store_new (path);
  {
    g_autoptr(GAsyncResult) result = NULL;

    kh_store_open_async (f->ui.store, NULL, got_result_cb, &result);
    WAIT_UNTIL (result != NULL);
    g_clear_object (&me);
    me = kh_store_open_finish (f->ui.store, result, &error);
  }
  g_assert_no_error (error);
  g_assert_cmpint (me->role, ==, KH_ROLE_RECEPTION);
}

static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *window;
  GtkWidget *editor;
  GtkWidget *row;

  make_reception_user (f);
  open_window (f);
  window = GTK_WIDGET (f->window);

  /* Reception sees the directory (its phone numbers) but changes nothing. */
  g_assert_false (kh_preferences_window_can_edit (f->window));
  g_assert_false (gtk_widget_get_visible (kh_test_ui_child (window, KH_TYPE_PREFERENCES_WINDOW,
                                                            "add_service_button")));
  g_assert_false (gtk_widget_get_visible (kh_test_ui_child (window, KH_TYPE_PREFERENCES_WINDOW,
                                                            "add_closed_day_group")));
  g_assert_false (gtk_widget_get_sensitive (kh_test_ui_child (window, KH_TYPE_PREFERENCES_WINDOW,
                                                              "saturday_switch")));
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (kh_test_ui_child (window, KH_TYPE_PREFERENCES_WINDOW,
                                                                             "unit_name_row"))));
  gtk_widget_activate_action (window, "preferences.add-service", NULL);
  g_assert_null (kh_preferences_window_get_editor (f->window));

  row = find_row (named (window, "finances"), "Kela");
  g_assert_nonnull (row);
  g_signal_emit_by_name (row, "activated");
  editor = kh_preferences_window_get_editor (f->window);
  g_assert_nonnull (editor);
  g_assert_false (gtk_widget_get_visible (named (editor, "save")));
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (named (editor, "phone"))));
  g_assert_false (gtk_widget_get_sensitive (named (editor, "active")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (editor, "url"))), ==, "https://www.kela.fi");
  adw_preferences_window_close_subpage (ADW_PREFERENCES_WINDOW (f->window));

  /* The unit's documents: shown, not changed. */
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (named (window, "document_organisation_fi"))));
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (named (window, "document_authority_name_sv"))));
  g_assert_false (gtk_widget_get_visible (named (window, "add-decision-maker")));
  g_assert_false (gtk_widget_get_visible (named (window, "choose-logo")));
  g_assert_false (gtk_widget_get_visible (named (window, "remove-logo")));
  shoot (f, "documents", "documents-read-only");

  /* Client plans' scale and lists: shown, not changed. */
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (plan_field (f, "step-fi", 0))));
  g_assert_false (gtk_widget_get_visible (plan_field (f, "add-step", -1)));
  g_assert_false (gtk_widget_get_visible (plan_field (f, "scale-buttons", -1)));
  g_assert_false (gtk_widget_get_visible (plan_field (f, "remove-step", 0)));
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (plan_field (f, "services", -1))));
  g_assert_false (gtk_widget_get_visible (plan_field (f, "save-methods", -1)));
  g_signal_emit_by_name (plan_field (f, "save-scale", -1), "clicked");
  g_signal_emit_by_name (plan_field (f, "save-services", -1), "clicked");
  g_assert_cmpuint (kh_preferences_window_get_pending (f->window), ==, 0);
  gtk_editable_set_text (GTK_EDITABLE (named (window, "document_organisation_fi")), "Hyvinvointialue Väärä");
  g_signal_emit_by_name (named (window, "document_organisation_fi"), "apply");
  g_assert_cmpuint (kh_preferences_window_get_pending (f->window), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  kh_shell_test_init (&argc, &argv);
  adw_init ();
  if (g_getenv ("KOHTAAMO_LOCALEDIR") != NULL)
    {
      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("KOHTAAMO_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }
  if (g_getenv ("KH_TEST_DARK") != NULL)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/ui/preferences/directory", test_directory);
  ADD ("/ui/preferences/closed-days", test_closed_days);
  ADD ("/ui/preferences/settings", test_settings);
  ADD ("/ui/preferences/read-only", test_read_only);
  ADD ("/ui/preferences/documents", test_documents);
  ADD ("/ui/preferences/client-plans", test_client_plans);
  ADD ("/ui/preferences/pages", test_pages);

  return g_test_run ();
}
