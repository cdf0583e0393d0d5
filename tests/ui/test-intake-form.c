/* test-intake-form.c — the new-contact form in a real window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include <glib/gstdio.h>
#include <adwaita.h>

#include "core/kh-hetu.h"
#include "core/kh-text.h"
#include "store/kh-store.h"
#include "ui/common/kh-field-message.h"
#include "ui/common/kh-form-rows.h"
#include "ui/common/kh-person-fields.h"
#include "ui/intake/kh-intake-form.h"

#include "kh-test-ui.h"

typedef struct {
  KhTestUi      ui;
  GtkWidget    *form;
  KhIntakeResult *saved;     /* a copy of what "saved" gave */
  guint         n_saved;
} Fixture;

static void
got_queue_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GPtrArray **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = kh_store_list_queue_finish (KH_STORE (object), result, &error);
  g_assert_no_error (error);
}

static GPtrArray *
list_contacts_today (Fixture *f)
{
  return kh_test_ui_list_contacts_today (f->ui.store);
}

static GPtrArray *
list_queue (Fixture *f)
{
  GPtrArray *cases = NULL;

  kh_store_list_queue_async (f->ui.store, NULL, got_queue_cb, &cases);
  WAIT_UNTIL (cases != NULL);
  return cases;
}

static GtkWidget *
form_child (Fixture    *f,
            const char *name)
{
  return kh_test_ui_child (f->form, KH_TYPE_INTAKE_FORM, name);
}

static GtkWidget *
person_child (Fixture    *f,
              const char *name)
{
  return kh_test_ui_person_child (f->form, name);
}

static void
set_text (GtkWidget  *editable,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
}

static void
saved_cb (KhIntakeForm   *form,
          KhIntakeResult *result,
          Fixture        *f)
{
  g_clear_pointer (&f->saved, kh_intake_result_free);
  f->saved = kh_intake_result_copy (result);
  f->n_saved++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  kh_test_ui_set_up (&f->ui);
  f->form = kh_intake_form_new (f->ui.store);
  g_signal_connect (f->form, "saved", G_CALLBACK (saved_cb), f);
  kh_test_ui_show (&f->ui, f->form);

  /* The directory of services arrives from the store. */
  WAIT_UNTIL (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (form_child (f, "service_row")))) > 1);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  kh_test_ui_tear_down (&f->ui);
  g_clear_pointer (&f->saved, kh_intake_result_free);
}

static void
fill_new_person (Fixture    *f,
                 const char *last_name,
                 const char *first_names,
                 const char *code)
{
  kh_test_ui_fill_new_person (f->form, last_name, first_names, code);
}

static void
fill_contact (Fixture    *f,
              KhChannel   channel,
              const char *outcome_check)
{
  kh_test_ui_fill_contact (f->form, channel, 1 /* housing */, outcome_check);
}

static void
save (Fixture *f)
{
  /* As at the desk, the form has been laid out before Save is pressed. */
  gtk_test_widget_wait_for_draw (f->ui.window);
  g_assert_true (gtk_widget_activate_action (f->form, "intake.save", NULL));
}

static void
assert_message_at (GtkWidget  *field,
                   const char *expected)
{
  GtkLabel *label;

  g_assert_true (kh_field_message_is_shown (field));
  g_assert_true (gtk_widget_has_css_class (field, "error"));
  label = kh_field_message_get_label (field);
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (label)));
  if (expected != NULL)
    g_assert_cmpstr (gtk_label_get_text (label), ==, expected);
}

static void
assert_focus_in (Fixture   *f,
                 GtkWidget *field)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->ui.window));

  g_assert_nonnull (focus);
  g_assert_true (focus == field || gtk_widget_is_ancestor (focus, field));
}

static void
test_bad_identity_code (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) contacts = NULL;
  GtkWidget *code_row;

  fill_new_person (f, "Testinen", "Maija", "131052-308x");
  code_row = person_child (f, "identity_code_row");
  /* Typed in lower case, kept in capitals. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (code_row)), ==, "131052-308X");
  fill_contact (f, KH_CHANNEL_WALK_IN, "outcome_advice_check");

  save (f);
  kh_test_ui_screenshot (f->ui.window, "intake-bad-code");

  assert_message_at (code_row, kh_hetu_status_message (KH_HETU_CHECK));
  assert_focus_in (f, code_row);
  /* Nothing typed is lost. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (code_row)), ==, "131052-308X");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (person_child (f, "last_name_row"))), ==, "Testinen");
  g_assert_cmpuint (f->n_saved, ==, 0);

  /* Nothing saved. */
  contacts = list_contacts_today (f);
  g_assert_cmpuint (contacts->len, ==, 0);

  /* Correcting the code takes the message away, and then it saves. */
  set_text (code_row, "131052-308T");
  g_assert_false (kh_field_message_is_shown (code_row));
  save (f);
  WAIT_UNTIL (f->n_saved == 1);
  g_assert_cmpint (f->saved->client_id, >, 0);
  g_assert_true (f->saved->created_client);
}

static void
test_missing_choices (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) contacts = NULL;

  /* Nothing chosen at all: who, channel, reasons and outcome are asked for. */
  save (f);
  g_assert_true (kh_field_message_is_shown (form_child (f, "search_box")));
  g_assert_true (gtk_widget_has_css_class (form_child (f, "search_entry"), "error"));
  assert_message_at (form_child (f, "channel_row"), NULL);
  assert_message_at (form_child (f, "needs_grid"), NULL);
  assert_message_at (form_child (f, "outcome_urgent_row"), NULL);
  assert_focus_in (f, form_child (f, "search_entry"));

  /* Received in the future is refused. */
  set_text (form_child (f, "received_row"), "1.1.2999 10.00");
  save (f);
  assert_message_at (form_child (f, "received_row"), NULL);

  contacts = list_contacts_today (f);
  g_assert_cmpuint (contacts->len, ==, 0);
  g_assert_cmpuint (f->n_saved, ==, 0);
}

static void
test_directed_without_service (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GPtrArray) contacts = NULL;
  GtkWidget *service_row = form_child (f, "service_row");

  gtk_switch_set_active (GTK_SWITCH (form_child (f, "anonymous_switch")), TRUE);
  fill_contact (f, KH_CHANNEL_PHONE, "outcome_directed_check");
  g_assert_true (gtk_widget_get_visible (service_row));

  save (f);

  assert_message_at (service_row, NULL);
  assert_focus_in (f, service_row);
  /* The bad field is scrolled into view. */
  if (g_getenv ("KH_TEST_SCREENSHOTS") == NULL)
    {
      GtkAdjustment *adjustment =
        gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (form_child (f, "scroller")));

      WAIT_UNTIL (gtk_adjustment_get_value (adjustment) > 0);
    }
  kh_test_ui_screenshot (f->ui.window, "intake-anonymous-directed");
  contacts = list_contacts_today (f);
  g_assert_cmpuint (contacts->len, ==, 0);

  /* Choosing a service clears the message; then it saves. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (service_row), 1);
  g_assert_false (kh_field_message_is_shown (service_row));
  save (f);
  WAIT_UNTIL (f->n_saved == 1);
}

static void
test_anonymous_advice (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) contacts = NULL;
  KhContact *contact;

  gtk_switch_set_active (GTK_SWITCH (form_child (f, "anonymous_switch")), TRUE);
  /* The person, the free text and the case outcomes are out of reach. */
  g_assert_false (gtk_widget_get_visible (form_child (f, "person_picker")));
  g_assert_true (gtk_widget_get_visible (form_child (f, "anonymous_label")));
  g_assert_false (gtk_widget_get_visible (form_child (f, "reason_text_box")));
  g_assert_false (gtk_widget_get_sensitive (form_child (f, "outcome_case_row")));

  fill_contact (f, KH_CHANNEL_CHAT, "outcome_advice_check");
  save (f);
  WAIT_UNTIL (f->n_saved == 1);
  g_assert_cmpint (f->saved->client_id, ==, 0);
  g_assert_cmpint (f->saved->case_id, ==, 0);

  contacts = list_contacts_today (f);
  g_assert_cmpuint (contacts->len, ==, 1);
  contact = g_ptr_array_index (contacts, 0);
  g_assert_true (contact->anonymous);
  g_assert_cmpint (contact->client_id, ==, 0);
  g_assert_null (contact->reason_text);
  g_assert_cmpint (contact->channel, ==, KH_CHANNEL_CHAT);
  g_assert_cmpuint (contact->needs, ==, KH_NEED_HOUSING);

  /* The form is empty again for the next person. */
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (form_child (f, "anonymous_switch"))));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (form_child (f, "channel_row"))), ==, 0);
}

static void
test_case_opened_over_75 (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) cases = NULL;
  g_autofree char *code = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *expected_text = NULL;
  KhCalendar *calendar = kh_store_get_calendar (f->ui.store);
  GDate today, birth, deadline;
  KhCase *kcase;
  const char *title;

  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  g_date_clear (&birth, 1);
  g_date_set_dmy (&birth, 1, 1, g_date_get_year (&today) - 76);
  code = kh_hetu_make (&birth, 905, 0);
  g_date_clear (&deadline, 1);
  kh_calendar_add_working_days (calendar, &today, 7, &deadline);
  expected = kh_date_to_iso (&deadline);
  expected_text = kh_date_format (&deadline);

  fill_new_person (f, "Vanhanen", "Elli", code);
  fill_contact (f, KH_CHANNEL_PHONE, "outcome_case_check");

  /* Over 75 follows from the birth date, and the deadline shows at once. */
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (form_child (f, "over_75_check"))));
  title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (form_child (f, "deadline_row")));
  g_assert_nonnull (strstr (title, expected_text));
  kh_test_ui_screenshot (f->ui.window, "intake-case-opened");

  save (f);
  WAIT_UNTIL (f->n_saved == 1);
  g_assert_cmpint (f->saved->case_id, >, 0);
  g_assert_cmpstr (f->saved->assessment_deadline, ==, expected);

  cases = list_queue (f);
  g_assert_cmpuint (cases->len, ==, 1);
  kcase = g_ptr_array_index (cases, 0);
  g_assert_cmpstr (kcase->assessment_deadline, ==, expected);
  g_assert_true (kcase->deadline_groups & KH_DEADLINE_GROUP_OVER_75);
}

static void
test_no_code_needs_birth_date (Fixture       *f,
                               gconstpointer  data)
{
  GtkWidget *birth_row;

  fill_new_person (f, "Rahimi", "Amir", "");
  gtk_switch_set_active (GTK_SWITCH (person_child (f, "no_code_switch")), TRUE);
  birth_row = person_child (f, "birth_date_row");
  g_assert_true (gtk_widget_get_visible (birth_row));
  g_assert_false (gtk_widget_get_visible (person_child (f, "identity_code_row")));
  set_text (birth_row, "31.2.1990");
  set_text (person_child (f, "email_row"), "amir at example");
  fill_contact (f, KH_CHANNEL_WALK_IN, "outcome_advice_check");

  save (f);
  assert_message_at (birth_row, NULL);
  assert_message_at (person_child (f, "email_row"), NULL);
  assert_focus_in (f, birth_row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (birth_row)), ==, "31.2.1990");

  set_text (birth_row, "28.2.1990");
  set_text (person_child (f, "email_row"), "amir@example.fi");
  save (f);
  WAIT_UNTIL (f->n_saved == 1);
  g_assert_true (f->saved->created_client);
}

/* A rule only the store knows (no birth year before 1880) is still shown
 * at its field, not as a general message after a refused save. */
static void
test_store_rule_at_field (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) contacts = NULL;
  GtkWidget *birth_row;

  fill_new_person (f, "Vanha", "Aatami", "");
  gtk_switch_set_active (GTK_SWITCH (person_child (f, "no_code_switch")), TRUE);
  birth_row = person_child (f, "birth_date_row");
  set_text (birth_row, "1.1.1850");
  fill_contact (f, KH_CHANNEL_WALK_IN, "outcome_advice_check");

  save (f);
  assert_message_at (birth_row, NULL);
  assert_focus_in (f, birth_row);
  g_assert_false (gtk_widget_get_visible (form_child (f, "error_label")));
  g_assert_false (gtk_widget_get_visible (person_child (f, "general_error_label")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (birth_row)), ==, "1.1.1850");
  contacts = list_contacts_today (f);
  g_assert_cmpuint (contacts->len, ==, 0);

  set_text (birth_row, "1.1.1950");
  g_assert_false (kh_field_message_is_shown (birth_row));
  save (f);
  WAIT_UNTIL (f->n_saved == 1);
}

/* A new person's service language starts as the UI's: Swedish in the
 * Swedish UI, Finnish in the Finnish one. */
static void
test_new_person_language (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *saved_language = g_strdup (g_getenv ("LANGUAGE"));
  GtkWidget *language_row = person_child (f, "language_row");
  const struct { const char *language; KhLanguage expected; } cases[] = {
    { "sv_FI:sv", KH_LANGUAGE_SV },
    { "fi_FI:fi", KH_LANGUAGE_FI },
    { "sv", KH_LANGUAGE_SV },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_setenv ("LANGUAGE", cases[i].language, TRUE);
      kh_intake_form_reset (KH_INTAKE_FORM (f->form));
      fill_new_person (f, "Lindqvist", "Stina", "");
      g_assert_cmpint (kh_form_rows_get_language (ADW_COMBO_ROW (language_row)), ==, cases[i].expected);
    }

  if (saved_language != NULL)
    g_setenv ("LANGUAGE", saved_language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
}

/* A Kela notification is made by Kela, an authority: choosing the channel
 * after "relative" turns the contactor to an authority named Kela, fixed
 * while the channel is Kela. It has its own kind, not a 35 § kind (1.7):
 * a meeting request shows and keeps the TTL 14 d § deadline. */
static void
test_kela_contactor (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) contacts = NULL;
  GtkWidget *contactor_row = form_child (f, "contactor_row");
  GtkWidget *kind_row = form_child (f, "kela_kind_row");
  GtkWidget *meeting_row = form_child (f, "kela_meeting_row");
  KhContact *contact;

  fill_new_person (f, "Testinen", "Maija", "010594Y9021");
  adw_combo_row_set_selected (ADW_COMBO_ROW (contactor_row), 1);   /* a relative */
  g_assert_true (gtk_widget_get_visible (form_child (f, "contactor_name_row")));
  /* Thursday 2.4.2026, before Easter: the 7th working day is 15.4.2026. */
  set_text (form_child (f, "received_row"), "2.4.2026 10.15");
  fill_contact (f, KH_CHANNEL_KELA, "outcome_advice_check");

  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (contactor_row)), ==, 3);
  g_assert_false (gtk_widget_get_sensitive (contactor_row));
  g_assert_false (gtk_widget_get_visible (form_child (f, "contactor_name_row")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (form_child (f, "contactor_detail_row"))), ==, "Kela");
  g_assert_false (gtk_widget_get_visible (form_child (f, "referral_row")));
  g_assert_true (gtk_widget_get_visible (kind_row));

  /* Its kind is asked for. */
  save (f);
  assert_message_at (kind_row, NULL);
  assert_focus_in (f, kind_row);
  g_assert_cmpuint (f->n_saved, ==, 0);

  adw_combo_row_set_selected (ADW_COMBO_ROW (kind_row), KH_KELA_MEETING_REQUEST);
  g_assert_false (kh_field_message_is_shown (kind_row));
  g_assert_true (gtk_widget_get_visible (meeting_row));
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (meeting_row)), "15.4.2026"));
  kh_test_ui_screenshot (f->ui.window, "intake-kela-meeting");

  save (f);
  WAIT_UNTIL (f->n_saved == 1);
  contacts = kh_test_ui_list_contacts_on (f->ui.store, "2026-04-02");
  g_assert_cmpuint (contacts->len, ==, 1);
  contact = g_ptr_array_index (contacts, 0);
  g_assert_cmpint (contact->channel, ==, KH_CHANNEL_KELA);
  g_assert_cmpint (contact->contactor, ==, KH_CONTACTOR_AUTHORITY);
  g_assert_cmpint (contact->referral, ==, KH_REFERRAL_NONE);
  g_assert_cmpint (contact->kela_kind, ==, KH_KELA_MEETING_REQUEST);
  g_assert_cmpstr (contact->kela_meeting_deadline, ==, "2026-04-15");

  /* Another channel frees the contactor again. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (form_child (f, "channel_row")), KH_CHANNEL_KELA);
  g_assert_false (gtk_widget_get_sensitive (contactor_row));
  adw_combo_row_set_selected (ADW_COMBO_ROW (form_child (f, "channel_row")), KH_CHANNEL_PHONE);
  g_assert_true (gtk_widget_get_sensitive (contactor_row));
}

/* Is `text` shown (really on screen, not only set) by a label in `widget`? */
static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_is_visible (widget)
      && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (shows_text (c, text))
      return TRUE;
  return FALSE;
}

/* A temporary identity code (individual number 900–999) gets a calm note,
 * not an error, and saves. */
static void
test_temporary_code_note (Fixture       *f,
                          gconstpointer  data)
{
  GtkWidget *fields = form_child (f, "person_fields");
  GtkWidget *code_row;
  const char *note = "A temporary identity code";

  fill_new_person (f, "Testinen", "Maija", "131052-308T");
  code_row = person_child (f, "identity_code_row");
  g_assert_false (shows_text (fields, note));

  set_text (code_row, "010594Y9021");
  g_assert_true (shows_text (fields, note));
  g_assert_false (kh_field_message_is_shown (code_row));
  g_assert_false (gtk_widget_has_css_class (code_row, "error"));
  kh_test_ui_screenshot (f->ui.window, "intake-temporary-code");

  /* An unfinished code has no note. */
  set_text (code_row, "010594Y902");
  g_assert_false (shows_text (fields, note));
  set_text (code_row, "010594Y9021");

  fill_contact (f, KH_CHANNEL_WALK_IN, "outcome_advice_check");
  save (f);
  WAIT_UNTIL (f->n_saved == 1);
}

static void
sql (Fixture    *f,
     const char *statement)
{
  kh_test_ui_sql (&f->ui, statement);
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

/* A directory of services that cannot be read is said at the service row,
 * with Try Again; a directed contact is refused there, not elsewhere. */
static void
test_services_error (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *service_row;
  GtkWidget *retry;
  g_autoptr(GPtrArray) contacts = NULL;

  sql (f, "ALTER TABLE services RENAME TO services_away");
  f->form = kh_intake_form_new (f->ui.store);
  g_signal_connect (f->form, "saved", G_CALLBACK (saved_cb), f);
  gtk_window_set_child (GTK_WINDOW (f->ui.window), f->form);
  service_row = form_child (f, "service_row");
  retry = find_named (service_row, "kh-services-retry");
  g_assert_nonnull (retry);
  WAIT_UNTIL (gtk_widget_get_visible (retry));
  g_assert_nonnull (adw_action_row_get_subtitle (ADW_ACTION_ROW (service_row)));

  gtk_switch_set_active (GTK_SWITCH (form_child (f, "anonymous_switch")), TRUE);
  fill_contact (f, KH_CHANNEL_PHONE, "outcome_directed_check");
  save (f);
  assert_message_at (service_row, NULL);
  kh_test_ui_screenshot (f->ui.window, "intake-services-error");

  sql (f, "ALTER TABLE services_away RENAME TO services");
  contacts = list_contacts_today (f);
  g_assert_cmpuint (contacts->len, ==, 0);
  g_signal_emit_by_name (retry, "clicked");
  WAIT_UNTIL (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (service_row))) > 1);
  g_assert_false (gtk_widget_get_visible (retry));
  g_assert_false (kh_field_message_is_shown (service_row));
  adw_combo_row_set_selected (ADW_COMBO_ROW (service_row), 1);
  save (f);
  WAIT_UNTIL (f->n_saved == 1);
}

/* An opened case can go straight to a worker (active counsellors, social
 * workers and leads are offered); then it does not wait in the queue. */
static void
test_assign_to_worker (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) cases = NULL;
  GtkWidget *assign_row;
  GListModel *names;
  g_autofree char *code = NULL;
  GDate birth;

  sql (f, "INSERT INTO users (account, display_name, role, active, created_at) VALUES "
          "('tsosiaali', 'Sosiaalinen Tea', 3, 1, 0), "
          "('vanha', 'Entinen Eero', 3, 0, 0), "
          "('vastaanotto', 'Vastaanottaja Vilja', 1, 1, 0)");
  f->form = kh_intake_form_new (f->ui.store);
  g_signal_connect (f->form, "saved", G_CALLBACK (saved_cb), f);
  gtk_window_set_child (GTK_WINDOW (f->ui.window), f->form);
  assign_row = form_child (f, "assign_row");
  g_assert_false (gtk_widget_get_visible (form_child (f, "assign_group")));

  /* The queue and the one active social worker. */
  WAIT_UNTIL (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (assign_row))) == 2);
  names = adw_combo_row_get_model (ADW_COMBO_ROW (assign_row));
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 0), ==, "Team queue (not assigned)");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 1), ==, "Sosiaalinen Tea");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (assign_row)), ==, 0);

  g_date_clear (&birth, 1);
  g_date_set_dmy (&birth, 3, 3, 1970);
  code = kh_hetu_make (&birth, 911, 0);
  fill_new_person (f, "Annettu", "Aino", code);
  fill_contact (f, KH_CHANNEL_PHONE, "outcome_case_check");
  g_assert_true (gtk_widget_get_visible (form_child (f, "assign_group")));
  /* Issue 5, 2.9: the unit's only team takes the case; no choice shown. */
  g_assert_false (gtk_widget_get_visible (form_child (f, "team_row")));
  adw_combo_row_set_selected (ADW_COMBO_ROW (assign_row), 1);
  kh_test_ui_screenshot (f->ui.window, "intake-assign");
  save (f);
  WAIT_UNTIL (f->n_saved == 1);
  g_assert_cmpint (f->saved->case_id, >, 0);

  cases = list_queue (f);
  g_assert_cmpuint (cases->len, ==, 0);
  /* The next contact starts from the queue again. */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (assign_row)), ==, 0);
}

/* Issue 5, 2.9: with more than one team the form offers the active ones
 * for an opened case, the first by name chosen for a receptionist in no
 * team; the case waits in the team chosen. */
static void
test_team_choice (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) cases = NULL;
  GtkWidget *team_row;
  GListModel *names;
  g_autofree char *code = NULL;
  GDate birth;

  sql (f, "INSERT INTO teams (name, active, created_at) VALUES "
          "('Nuoret aikuiset', 1, 0), ('Lakkautettu tiimi', 1, 0)");
  sql (f, "UPDATE teams SET active = 0 WHERE name = 'Lakkautettu tiimi'");
  f->form = kh_intake_form_new (f->ui.store);
  g_signal_connect (f->form, "saved", G_CALLBACK (saved_cb), f);
  gtk_window_set_child (GTK_WINDOW (f->ui.window), f->form);
  team_row = form_child (f, "team_row");

  /* The active teams by name; the first chosen. */
  WAIT_UNTIL (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (team_row))) == 2);
  names = adw_combo_row_get_model (ADW_COMBO_ROW (team_row));
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 0), ==, "Aikuissosiaalityö");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 1), ==, "Nuoret aikuiset");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (team_row)), ==, 0);

  g_date_clear (&birth, 1);
  g_date_set_dmy (&birth, 4, 4, 2004);
  code = kh_hetu_make (&birth, 912, 0);
  fill_new_person (f, "Tiimissa", "Tuuli", code);
  /* Advice opens no case: no team to choose. */
  fill_contact (f, KH_CHANNEL_WALK_IN, "outcome_advice_check");
  g_assert_false (gtk_widget_get_visible (team_row));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (form_child (f, "outcome_case_check")), TRUE);
  g_assert_true (gtk_widget_get_visible (team_row));
  adw_combo_row_set_selected (ADW_COMBO_ROW (team_row), 1);
  /* Reached from the keyboard. */
  g_assert_true (gtk_widget_grab_focus (team_row));
  kh_test_ui_screenshot (f->ui.window, "intake-team");
  save (f);
  WAIT_UNTIL (f->n_saved == 1);
  g_assert_cmpint (f->saved->case_id, >, 0);

  cases = list_queue (f);
  g_assert_cmpuint (cases->len, ==, 1);
  g_assert_cmpstr (((KhCase *) g_ptr_array_index (cases, 0))->team_name, ==, "Nuoret aikuiset");
  /* The next contact starts from the default team again. */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (team_row)), ==, 0);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* borrowed */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* Answers a message dialog as its button would: response, then close. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
save_first_person (Fixture *f)
{
  fill_new_person (f, "Testinen", "Maija", "010594Y9021");
  fill_contact (f, KH_CHANNEL_WALK_IN, "outcome_advice_check");
  save (f);
  WAIT_UNTIL (f->n_saved == 1);
  g_assert_true (f->saved->created_client);
}

/* Enter in a text field saves: Save is the window's default widget. */
static void
test_enter_saves (Fixture       *f,
                  gconstpointer  data)
{
  GtkEditable *text;

  gtk_switch_set_active (GTK_SWITCH (form_child (f, "anonymous_switch")), TRUE);
  fill_contact (f, KH_CHANNEL_WALK_IN, "outcome_advice_check");
  gtk_test_widget_wait_for_draw (f->ui.window);
  g_assert_true (gtk_window_get_default_widget (GTK_WINDOW (f->ui.window)) == form_child (f, "save_button"));

  text = gtk_editable_get_delegate (GTK_EDITABLE (form_child (f, "received_row")));
  g_signal_emit_by_name (text, "activate");
  WAIT_UNTIL (f->n_saved == 1);
}

/* Search before create: typing finds the person, Enter picks the best
 * match, and the contact is saved for them without a new person. */
static void
test_search_and_choose (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *results = form_child (f, "results_frame");
  GtkWidget *view = form_child (f, "results_view");
  GtkWidget *stack = form_child (f, "who_stack");
  gint64 first_id;

  save_first_person (f);
  first_id = f->saved->client_id;

  set_text (form_child (f, "search_entry"), "testi");
  WAIT_UNTIL (gtk_widget_get_visible (results)
              && g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (view)))) == 1);
  g_signal_emit_by_name (form_child (f, "search_entry"), "activate");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "chosen");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (form_child (f, "chosen_row"))),
                   ==, "Testinen, Maija");

  fill_contact (f, KH_CHANNEL_PHONE, "outcome_advice_check");
  save (f);
  WAIT_UNTIL (f->n_saved == 2);
  g_assert_cmpint (f->saved->client_id, ==, first_id);
  g_assert_false (f->saved->created_client);

  /* Nobody found: the form says so calmly. */
  set_text (form_child (f, "search_entry"), "Zzyzx");
  WAIT_UNTIL (gtk_widget_get_visible (form_child (f, "search_status_label")));
  g_assert_false (gtk_widget_get_visible (results));
}

/* The same name and birth date warns before a second person is made. */
static void
test_possible_duplicate (Fixture       *f,
                         gconstpointer  data)
{
  AdwMessageDialog *dialog;
  gint64 first_id;

  save_first_person (f);
  first_id = f->saved->client_id;

  /* Another code, same name, same birth date (1.5.1994). */
  fill_new_person (f, "Testinen", "Maija", "010594Y9032");
  fill_contact (f, KH_CHANNEL_PHONE, "outcome_advice_check");
  save (f);
  WAIT_UNTIL ((dialog = find_message_dialog ()) != NULL);
  g_assert_true (adw_message_dialog_has_response (dialog, "use"));
  g_assert_true (adw_message_dialog_has_response (dialog, "new"));
  g_assert_true (adw_message_dialog_has_response (dialog, "cancel"));
  g_assert_cmpuint (f->n_saved, ==, 1);

  respond (dialog, "use");
  WAIT_UNTIL (f->n_saved == 2);
  g_assert_cmpint (f->saved->client_id, ==, first_id);
  g_assert_false (f->saved->created_client);
}

/* The store refuses an identity code that someone already has: the
 * message is at the field and the form keeps everything. */
static void
test_duplicate_code (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) contacts = NULL;
  GtkWidget *code_row;

  save_first_person (f);

  fill_new_person (f, "Toinen", "Henrik", "010594Y9021");
  fill_contact (f, KH_CHANNEL_PHONE, "outcome_advice_check");
  code_row = person_child (f, "identity_code_row");
  save (f);
  WAIT_UNTIL (kh_field_message_is_shown (code_row));
  assert_message_at (code_row, NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (person_child (f, "last_name_row"))), ==, "Toinen");
  g_assert_cmpuint (f->n_saved, ==, 1);
  /* Save is offered again. */
  g_assert_true (gtk_widget_get_sensitive (form_child (f, "save_button")));

  contacts = list_contacts_today (f);
  g_assert_cmpuint (contacts->len, ==, 1);
}

static void
cancelled_cb (KhIntakeForm *form,
              guint        *count)
{
  (*count)++;
}

/* Cancel leaves at once from an empty form and asks first when something
 * was entered, keeping everything on "Keep Editing". */
static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  AdwMessageDialog *dialog;
  guint cancelled = 0;

  g_signal_connect (f->form, "cancelled", G_CALLBACK (cancelled_cb), &cancelled);
  g_assert_true (gtk_widget_activate_action (f->form, "intake.cancel", NULL));
  g_assert_cmpuint (cancelled, ==, 1);
  g_assert_null (find_message_dialog ());

  set_text (form_child (f, "search_entry"), "Mäki");
  g_assert_true (gtk_widget_activate_action (f->form, "intake.cancel", NULL));
  WAIT_UNTIL ((dialog = find_message_dialog ()) != NULL);
  respond (dialog, "keep");
  WAIT_UNTIL (find_message_dialog () == NULL);
  g_assert_cmpuint (cancelled, ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (form_child (f, "search_entry"))), ==, "Mäki");

  g_assert_true (gtk_widget_activate_action (f->form, "intake.cancel", NULL));
  WAIT_UNTIL ((dialog = find_message_dialog ()) != NULL);
  respond (dialog, "discard");
  WAIT_UNTIL (cancelled == 2);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (form_child (f, "search_entry"))), ==, "");
}

typedef struct {
  guint    calls;
  gboolean discard;
} DiscardAnswer;

static void
discard_answer_cb (gboolean discard,
                   gpointer user_data)
{
  DiscardAnswer *answer = user_data;

  answer->calls++;
  answer->discard = discard;
}

/* What the window asks before closing: nothing to lose answers at once;
 * typed work asks, and is kept or discarded as answered. */
static void
test_ask_discard (Fixture       *f,
                  gconstpointer  data)
{
  KhIntakeForm *form = KH_INTAKE_FORM (f->form);
  DiscardAnswer answer = { 0, FALSE };
  AdwMessageDialog *dialog;

  g_assert_false (kh_intake_form_has_unsaved_work (form));
  kh_intake_form_ask_discard (form, NULL, discard_answer_cb, &answer);
  g_assert_cmpuint (answer.calls, ==, 1);
  g_assert_true (answer.discard);
  g_assert_null (find_message_dialog ());

  set_text (form_child (f, "search_entry"), "Mäki");
  g_assert_true (kh_intake_form_has_unsaved_work (form));
  kh_intake_form_ask_discard (form, GTK_WINDOW (f->ui.window), discard_answer_cb, &answer);
  WAIT_UNTIL ((dialog = find_message_dialog ()) != NULL);
  g_assert_cmpuint (answer.calls, ==, 1);
  /* A second question while one is open keeps the work. */
  kh_intake_form_ask_discard (form, NULL, discard_answer_cb, &answer);
  g_assert_cmpuint (answer.calls, ==, 2);
  g_assert_false (answer.discard);

  respond (dialog, "keep");
  g_assert_cmpuint (answer.calls, ==, 3);
  g_assert_false (answer.discard);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (form_child (f, "search_entry"))), ==, "Mäki");
  WAIT_UNTIL (find_message_dialog () == NULL);

  kh_intake_form_ask_discard (form, NULL, discard_answer_cb, &answer);
  WAIT_UNTIL ((dialog = find_message_dialog ()) != NULL);
  respond (dialog, "discard");
  g_assert_cmpuint (answer.calls, ==, 4);
  g_assert_true (answer.discard);
  g_assert_false (kh_intake_form_has_unsaved_work (form));
}

/* A save under way is unsaved work; asking waits for it and, once it is
 * saved, answers without a question. */
static void
test_ask_discard_while_saving (Fixture       *f,
                               gconstpointer  data)
{
  KhIntakeForm *form = KH_INTAKE_FORM (f->form);
  DiscardAnswer answer = { 0, FALSE };
  AdwMessageDialog *dialog;
  guint cancelled = 0;

  g_signal_connect (f->form, "cancelled", G_CALLBACK (cancelled_cb), &cancelled);
  gtk_switch_set_active (GTK_SWITCH (form_child (f, "anonymous_switch")), TRUE);
  fill_contact (f, KH_CHANNEL_PHONE, "outcome_advice_check");
  save (f);
  g_assert_true (kh_intake_form_has_unsaved_work (form));
  kh_intake_form_ask_discard (form, NULL, discard_answer_cb, &answer);
  g_assert_cmpuint (answer.calls, ==, 0);

  WAIT_UNTIL (answer.calls == 1);
  g_assert_true (answer.discard);
  g_assert_cmpuint (f->n_saved, ==, 1);
  g_assert_null (find_message_dialog ());
  g_assert_false (kh_intake_form_has_unsaved_work (form));
  /* Saved, not given up. */
  g_assert_cmpuint (cancelled, ==, 0);

  /* A save the store refuses keeps the form, so then it asks. */
  fill_new_person (f, "Testinen", "Maija", "010594Y9021");
  fill_contact (f, KH_CHANNEL_WALK_IN, "outcome_advice_check");
  save (f);
  WAIT_UNTIL (f->n_saved == 2);
  fill_new_person (f, "Toinen", "Henrik", "010594Y9021");
  fill_contact (f, KH_CHANNEL_PHONE, "outcome_advice_check");
  save (f);
  kh_intake_form_ask_discard (form, NULL, discard_answer_cb, &answer);
  WAIT_UNTIL ((dialog = find_message_dialog ()) != NULL);
  g_assert_cmpuint (answer.calls, ==, 1);
  g_assert_true (kh_field_message_is_shown (person_child (f, "identity_code_row")));
  respond (dialog, "keep");
  g_assert_cmpuint (answer.calls, ==, 2);
  g_assert_false (answer.discard);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (person_child (f, "last_name_row"))), ==, "Toinen");
  g_assert_cmpuint (cancelled, ==, 0);
}

/* Every field can be reached with Tab alone, in reading order. */
static void
test_tab_order (Fixture       *f,
                gconstpointer  data)
{
  const char *form_fields[] = {
    "search_entry", "new_person_button", "anonymous_list", "received_row", "channel_row",
    "contactor_row", "reason_view", "urgent_row", "language_row", "outcome_advice_row",
    "outcome_note_row", "cancel_button", "save_button",
  };
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();
  guint next = 0;

  kh_intake_form_focus_start (KH_INTAKE_FORM (f->form));
  for (guint i = 0; i < 200 && next < G_N_ELEMENTS (form_fields); i++)
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->ui.window));
      GtkWidget *want = form_child (f, form_fields[next]);

      if (g_getenv ("KH_TEST_VERBOSE"))
        g_message ("focus %u: %s %s", i, focus ? G_OBJECT_TYPE_NAME (focus) : "-",
                   focus && ADW_IS_PREFERENCES_ROW (focus) ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (focus)) : "");
      if (focus != NULL && (focus == want || gtk_widget_is_ancestor (focus, want)))
        next++;
      if (!gtk_widget_child_focus (f->ui.window, GTK_DIR_TAB_FORWARD))
        break;
    }
  if (next < G_N_ELEMENTS (form_fields))
    g_error ("Tab never reached %s", form_fields[next]);
}

/* libadwaita 1.2 cuts combo-row values at 20 characters; the form shows
 * them whole ("E-form or secure message", not "E-form or secure mess…"). */
static GtkLabel *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return GTK_LABEL (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *label = find_label (child, text);

      if (label != NULL)
        return label;
    }
  return NULL;
}

static void
test_whole_choices (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *row = form_child (f, "channel_row");
  const char *text = kh_channel_label (KH_CHANNEL_E_MESSAGE);
  GtkLabel *label;

  g_assert_cmpint (g_utf8_strlen (text, -1), >, 20);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), KH_CHANNEL_E_MESSAGE);
  gtk_test_widget_wait_for_draw (row);

  label = find_label (row, text);
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (label)));
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (label)));
  g_assert_nonnull (adw_combo_row_get_list_factory (ADW_COMBO_ROW (row)));
}

/* ---- the law of the contact (issue 5, 1.6–1.10, 2.5) ---- */

/* A police notification: the authority is the contact maker, with its
 * name and its 35 § kind. */
static void
fill_police_notification (Fixture    *f,
                          const char *outcome_check)
{
  fill_new_person (f, "Ilmoitettu", "Iida", "010594Y9021");
  fill_contact (f, KH_CHANNEL_AUTHORITY, outcome_check);
  set_text (form_child (f, "contactor_detail_row"), "Poliisi");
  /* Index 2: without consent (index 1 is with consent). */
  adw_combo_row_set_selected (ADW_COMBO_ROW (form_child (f, "referral_row")), 2);
}

/* SHL 34 §, 36 § 1 mom: a notification without consent cannot be saved as
 * advice without a reason why an assessment is evidently unnecessary. */
static void
test_notification_needs_reason (Fixture       *f,
                                gconstpointer  data)
{
  GtkWidget *reason_row = form_child (f, "no_assessment_row");
  g_autoptr(GPtrArray) contacts = NULL;
  KhContact *contact;

  g_assert_false (gtk_widget_get_visible (reason_row));
  fill_police_notification (f, "outcome_advice_check");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (form_child (f, "contactor_row"))), ==, 3);
  g_assert_true (gtk_widget_get_visible (reason_row));

  save (f);
  assert_message_at (reason_row, NULL);
  assert_focus_in (f, reason_row);
  kh_test_ui_screenshot (f->ui.window, "intake-notification-needs-reason");
  contacts = list_contacts_today (f);
  g_assert_cmpuint (contacts->len, ==, 0);
  g_clear_pointer (&contacts, g_ptr_array_unref);

  set_text (reason_row, "Asiakkuus jo aikuissosiaalityössä, tieto omatyöntekijälle");
  g_assert_false (kh_field_message_is_shown (reason_row));
  save (f);
  WAIT_UNTIL (f->n_saved == 1);
  g_assert_cmpint (f->saved->case_id, ==, 0);
  contacts = list_contacts_today (f);
  contact = g_ptr_array_index (contacts, 0);
  g_assert_cmpint (contact->contactor, ==, KH_CONTACTOR_AUTHORITY);
  g_assert_cmpint (contact->referral, ==, KH_REFERRAL_WITHOUT_CONSENT);
  g_assert_cmpstr (contact->no_assessment_reason, ==, "Asiakkuus jo aikuissosiaalityössä, tieto omatyöntekijälle");
}

/* 2.5: an urgent notification is urgent help and an opened case at once;
 * no 7-day date, since the police did not seek services (36 § 2 mom). */
static void
test_urgent_and_case (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *opens = form_child (f, "opens_case_check");
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  KhContact *contact;

  fill_police_notification (f, "outcome_urgent_check");
  /* Urgent help answers the urgency and, for a notification, opens a case. */
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (form_child (f, "urgency_yes_check"))));
  g_assert_true (gtk_widget_get_visible (form_child (f, "opens_case_row")));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (opens)));
  g_assert_true (gtk_widget_get_visible (form_child (f, "deadline_group")));
  g_assert_false (gtk_widget_get_visible (form_child (f, "no_assessment_row")));
  kh_test_ui_screenshot (f->ui.window, "intake-urgent-and-case");

  save (f);
  WAIT_UNTIL (f->n_saved == 1);
  g_assert_cmpint (f->saved->case_id, >, 0);
  g_assert_null (f->saved->assessment_deadline);
  contacts = list_contacts_today (f);
  contact = g_ptr_array_index (contacts, 0);
  g_assert_cmpint (contact->outcome, ==, KH_OUTCOME_URGENT);
  g_assert_true (contact->opens_case);
  g_assert_cmpint (contact->urgency, ==, KH_URGENCY_URGENT);
  g_assert_cmpint (contact->urgency_assessed_by, ==, kh_store_get_user (f->ui.store)->id);
  g_assert_nonnull (contact->urgency_assessed_at);
  g_assert_cmpint (contact->service_id, >, 0);
  cases = list_queue (f);
  g_assert_cmpuint (cases->len, ==, 1);
}

/* 1.8: the urgency check is an answer: nothing chosen is not "not urgent". */
static void
test_urgency_required (Fixture       *f,
                       gconstpointer  data)
{
  GtkWidget *no = form_child (f, "urgency_no_check");

  gtk_switch_set_active (GTK_SWITCH (form_child (f, "anonymous_switch")), TRUE);
  fill_contact (f, KH_CHANNEL_PHONE, "outcome_advice_check");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (no), FALSE);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (form_child (f, "urgency_yes_check"))));

  save (f);
  assert_message_at (form_child (f, "urgent_row"), NULL);
  assert_focus_in (f, form_child (f, "urgent_row"));
  g_assert_cmpuint (f->n_saved, ==, 0);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (no), TRUE);
  g_assert_false (kh_field_message_is_shown (form_child (f, "urgent_row")));
  save (f);
  WAIT_UNTIL (f->n_saved == 1);
}

/* 1.9: a relative or close person who made the contact, by name and
 * relation; the legal representative by name. */
static void
test_contact_maker_identity (Fixture       *f,
                             gconstpointer  data)
{
  GtkWidget *contactor_row = form_child (f, "contactor_row");
  GtkWidget *name_row = form_child (f, "contactor_name_row");
  GtkWidget *relation_row = form_child (f, "contactor_relation_row");
  g_autoptr(GPtrArray) contacts = NULL;
  KhContact *contact;

  fill_new_person (f, "Läheinen", "Lauri", "010594Y9021");
  fill_contact (f, KH_CHANNEL_PHONE, "outcome_advice_check");
  adw_combo_row_set_selected (ADW_COMBO_ROW (contactor_row), 1);   /* relative */
  g_assert_true (gtk_widget_get_visible (name_row));
  g_assert_true (gtk_widget_get_visible (relation_row));
  g_assert_true (gtk_widget_get_visible (form_child (f, "contactor_contact_row")));
  g_assert_false (gtk_widget_get_visible (form_child (f, "directed_by_row")));

  save (f);
  assert_message_at (name_row, NULL);
  set_text (name_row, "Liisa Läheinen");
  save (f);
  assert_message_at (relation_row, NULL);
  set_text (relation_row, "tytär");
  set_text (form_child (f, "contactor_contact_row"), "040 123 4567");
  save (f);
  WAIT_UNTIL (f->n_saved == 1);
  contacts = list_contacts_today (f);
  contact = g_ptr_array_index (contacts, 0);
  g_assert_cmpint (contact->contactor, ==, KH_CONTACTOR_RELATIVE);
  g_assert_cmpstr (contact->contactor_name, ==, "Liisa Läheinen");
  g_assert_cmpstr (contact->contactor_relation, ==, "tytär");
  g_assert_cmpstr (contact->contactor_contact, ==, "040 123 4567");
  g_clear_pointer (&contacts, g_ptr_array_unref);

  /* The legal representative: a name, no relation. */
  fill_new_person (f, "Edustettu", "Eino", "");
  gtk_switch_set_active (GTK_SWITCH (person_child (f, "no_code_switch")), TRUE);
  set_text (person_child (f, "birth_date_row"), "1.1.1960");
  fill_contact (f, KH_CHANNEL_PHONE, "outcome_advice_check");
  adw_combo_row_set_selected (ADW_COMBO_ROW (contactor_row), 2);
  g_assert_true (gtk_widget_get_visible (name_row));
  g_assert_false (gtk_widget_get_visible (relation_row));
  set_text (name_row, "Yleinen edunvalvonta, Eila Edunvalvoja");
  save (f);
  WAIT_UNTIL (f->n_saved == 2);
  contacts = list_contacts_today (f);
  contact = g_ptr_array_index (contacts, 0);
  g_assert_cmpint (contact->contactor, ==, KH_CONTACTOR_LEGAL_REPRESENTATIVE);
  g_assert_cmpstr (contact->contactor_name, ==, "Yleinen edunvalvonta, Eila Edunvalvoja");
}

/* 1.6: directed to apply is the person's own contact, with the authority
 * that directed them; a name with a zero-width space is refused (1.13). */
static void
test_directed_by (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *directed_row = form_child (f, "directed_by_row");
  g_autoptr(GPtrArray) contacts = NULL;
  KhContact *contact;

  fill_new_person (f, "Ohjattu", "Olli", "010594Y9021");
  fill_contact (f, KH_CHANNEL_WALK_IN, "outcome_advice_check");
  g_assert_true (gtk_widget_get_visible (directed_row));
  set_text (directed_row, "Terveys\u200basema");
  save (f);
  assert_message_at (directed_row, NULL);
  g_assert_cmpuint (f->n_saved, ==, 0);

  set_text (directed_row, "Terveysasema");
  save (f);
  WAIT_UNTIL (f->n_saved == 1);
  contacts = list_contacts_today (f);
  contact = g_ptr_array_index (contacts, 0);
  g_assert_cmpint (contact->contactor, ==, KH_CONTACTOR_SELF);
  g_assert_cmpint (contact->referral, ==, KH_REFERRAL_DIRECTED);
  g_assert_cmpstr (contact->directed_by, ==, "Terveysasema");
}

/* 2.5: "over 75" follows a known birth date both ways; only without one is
 * it ticked by hand. */
static void
test_over_75_follows_birth (Fixture       *f,
                            gconstpointer  data)
{
  GtkWidget *check = form_child (f, "over_75_check");
  GtkWidget *row = form_child (f, "over_75_row");
  GtkWidget *birth_row;

  fill_new_person (f, "Ikä", "Iiris", "");
  gtk_switch_set_active (GTK_SWITCH (person_child (f, "no_code_switch")), TRUE);
  birth_row = person_child (f, "birth_date_row");
  fill_contact (f, KH_CHANNEL_PHONE, "outcome_case_check");

  /* No birth date yet: by hand. */
  g_assert_true (gtk_widget_get_sensitive (row));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);

  /* Born 1.1.1940: over 75, fixed. */
  set_text (birth_row, "1.1.1940");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_false (gtk_widget_get_sensitive (row));
  /* Born 1.1.1990: not over 75, the tick goes. */
  set_text (birth_row, "1.1.1990");
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_false (gtk_widget_get_sensitive (row));
  /* The date removed: by hand again. */
  set_text (birth_row, "");
  g_assert_true (gtk_widget_get_sensitive (row));
}

/* 2.5: the reasons and the outcomes are one Tab stop each, with arrows
 * inside; Enter on a box saves. */
static void
test_one_tab_stop_per_group (Fixture       *f,
                             gconstpointer  data)
{
  GtkWidget *grid = form_child (f, "needs_grid");
  GtkWidget *advice = form_child (f, "outcome_advice_check");
  guint stops = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (grid); c != NULL; c = gtk_widget_get_next_sibling (c))
    stops += gtk_widget_get_can_focus (c) ? 1 : 0;
  g_assert_cmpuint (stops, ==, 1);
  stops = 0;
  for (guint i = 0; i < 5; i++)
    {
      const char *names[] = { "outcome_advice_check", "outcome_directed_check",
                              "outcome_consulted_check", "outcome_case_check",
                              "outcome_urgent_check" };

      stops += gtk_widget_get_can_focus (form_child (f, names[i])) ? 1 : 0;
    }
  g_assert_cmpuint (stops, ==, 1);
  g_assert_true (gtk_widget_get_can_focus (advice));

  /* Choosing an outcome makes it the group's stop. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (form_child (f, "outcome_case_check")), TRUE);
  g_assert_true (gtk_widget_get_can_focus (form_child (f, "outcome_case_check")));
  g_assert_false (gtk_widget_get_can_focus (advice));
  g_assert_true (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (advice)) == GTK_ACCESSIBLE_ROLE_RADIO);
}

/* Each outcome shows what it needs, and nothing else (pictures of each
 * with KH_TEST_SCREENSHOTS, in the UI language of the run). */
static void
test_each_outcome (Fixture       *f,
                   gconstpointer  data)
{
  static const struct {
    const char *check;
    const char *name;
    gboolean    service;
    gboolean    deadlines;
    gboolean    opens_case_row;
  } rows[] = {
    { "outcome_advice_check",    "intake-outcome-advice",    FALSE, FALSE, FALSE },
    { "outcome_directed_check",  "intake-outcome-directed",  TRUE,  FALSE, FALSE },
    { "outcome_case_check",      "intake-outcome-case",      FALSE, TRUE,  FALSE },
    { "outcome_urgent_check",    "intake-outcome-urgent",    TRUE,  TRUE,  TRUE },
    { "outcome_consulted_check", "intake-outcome-consulted", TRUE,  FALSE, FALSE },
  };

  save_first_person (f);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      GtkWidget *view = form_child (f, "results_view");

      kh_intake_form_reset (KH_INTAKE_FORM (f->form));
      /* The person found, as at the desk: the picture shows the contact. */
      set_text (form_child (f, "search_entry"), "testi");
      WAIT_UNTIL (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (view)))) == 1);
      g_signal_emit_by_name (form_child (f, "search_entry"), "activate");
      fill_contact (f, KH_CHANNEL_AUTHORITY, rows[i].check);
      set_text (form_child (f, "contactor_detail_row"), "Poliisi");
      adw_combo_row_set_selected (ADW_COMBO_ROW (form_child (f, "referral_row")), 2);
      g_assert_true (gtk_widget_get_visible (form_child (f, "service_row")) == rows[i].service);
      /* Urgent help for a notification opens a case too (2.5). */
      g_assert_true (gtk_widget_get_visible (form_child (f, "deadline_group")) == rows[i].deadlines);
      g_assert_true (gtk_widget_get_visible (form_child (f, "opens_case_row")) == rows[i].opens_case_row);
      /* A notification answered without a case or urgent help asks why. */
      g_assert_true (gtk_widget_get_visible (form_child (f, "no_assessment_row")) == !rows[i].deadlines);
      kh_test_ui_screenshot (f->ui.window, rows[i].name);
    }
}

/* 2.3: no silent second case. A case for a person who has one pending asks
 * first, and the contact joins the pending case; a second case only when
 * asked for. */
static void
test_no_silent_second_case (Fixture       *f,
                            gconstpointer  data)
{
  GtkWidget *view = form_child (f, "results_view");
  g_autoptr(GPtrArray) cases = NULL;
  AdwMessageDialog *dialog;
  gint64 first_case;

  fill_new_person (f, "Toistuva", "Tiina", "010594Y9021");
  fill_contact (f, KH_CHANNEL_PHONE, "outcome_case_check");
  save (f);
  WAIT_UNTIL (f->n_saved == 1);
  first_case = f->saved->case_id;
  g_assert_cmpint (first_case, >, 0);

  for (guint round = 0; round < 2; round++)
    {
      set_text (form_child (f, "search_entry"), "toistuva");
      WAIT_UNTIL (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (view)))) == 1);
      g_signal_emit_by_name (form_child (f, "search_entry"), "activate");
      fill_contact (f, KH_CHANNEL_WALK_IN, "outcome_case_check");
      save (f);
      WAIT_UNTIL ((dialog = find_message_dialog ()) != NULL);
      g_assert_true (adw_message_dialog_has_response (dialog, "attach"));
      g_assert_true (adw_message_dialog_has_response (dialog, "new"));
      g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "attach");
      if (round == 0)
        {
          kh_test_ui_screenshot (GTK_WIDGET (dialog), "intake-pending-case");
          respond (dialog, "attach");
          WAIT_UNTIL (f->n_saved == 2);
          g_assert_true (f->saved->attached);
          g_assert_cmpint (f->saved->case_id, ==, first_case);
        }
      else
        {
          respond (dialog, "new");
          WAIT_UNTIL (f->n_saved == 3);
          g_assert_false (f->saved->attached);
          g_assert_cmpint (f->saved->case_id, !=, first_case);
        }
    }
  cases = list_queue (f);
  g_assert_cmpuint (cases->len, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("KOHTAAMO_LOCALEDIR");

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* Pictures in Finnish and Swedish: KOHTAAMO_LOCALEDIR, LANGUAGE and
   * KH_TEST_SCREENSHOTS from outside (the asserts of messages then expect
   * English and fail; run the picture tests only, e.g. -p .../each-outcome). */
  if (localedir != NULL)
    {
      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, localedir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/ui/intake-form/bad-identity-code", test_bad_identity_code);
  ADD ("/ui/intake-form/missing-choices", test_missing_choices);
  ADD ("/ui/intake-form/directed-without-service", test_directed_without_service);
  ADD ("/ui/intake-form/anonymous-advice", test_anonymous_advice);
  ADD ("/ui/intake-form/case-opened-over-75", test_case_opened_over_75);
  ADD ("/ui/intake-form/no-code-needs-birth-date", test_no_code_needs_birth_date);
  ADD ("/ui/intake-form/store-rule-at-field", test_store_rule_at_field);
  ADD ("/ui/intake-form/new-person-language", test_new_person_language);
  ADD ("/ui/intake-form/kela-contactor", test_kela_contactor);
  ADD ("/ui/intake-form/temporary-code-note", test_temporary_code_note);
  ADD ("/ui/intake-form/services-error", test_services_error);
  ADD ("/ui/intake-form/assign-to-worker", test_assign_to_worker);
  ADD ("/ui/intake-form/team-choice", test_team_choice);
  ADD ("/ui/intake-form/tab-order", test_tab_order);
  ADD ("/ui/intake-form/whole-choices", test_whole_choices);
  ADD ("/ui/intake-form/enter-saves", test_enter_saves);
  ADD ("/ui/intake-form/search-and-choose", test_search_and_choose);
  ADD ("/ui/intake-form/possible-duplicate", test_possible_duplicate);
  ADD ("/ui/intake-form/duplicate-code", test_duplicate_code);
  ADD ("/ui/intake-form/cancel", test_cancel);
  ADD ("/ui/intake-form/ask-discard", test_ask_discard);
  ADD ("/ui/intake-form/ask-discard-while-saving", test_ask_discard_while_saving);
  ADD ("/ui/intake-form/notification-needs-reason", test_notification_needs_reason);
  ADD ("/ui/intake-form/urgent-and-case", test_urgent_and_case);
  ADD ("/ui/intake-form/urgency-required", test_urgency_required);
  ADD ("/ui/intake-form/contact-maker-identity", test_contact_maker_identity);
  ADD ("/ui/intake-form/directed-by", test_directed_by);
  ADD ("/ui/intake-form/over-75-follows-birth", test_over_75_follows_birth);
  ADD ("/ui/intake-form/one-tab-stop-per-group", test_one_tab_stop_per_group);
  ADD ("/ui/intake-form/each-outcome", test_each_outcome);
  ADD ("/ui/intake-form/no-silent-second-case", test_no_silent_second_case);

#undef ADD

  return g_test_run ();
}
