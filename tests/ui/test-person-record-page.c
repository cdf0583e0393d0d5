/* test-person-record-page.c — the person's page by issue 5: the
 * non-disclosure marking and its logged "Show address" (1.9), the person's
 * cases (2.3), the page opening at its top (2.4), the language and
 * interpreter under the name (2.9), and the editor's record fields with
 * their messages at the field (1.9, 1.13)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "core/kh-hetu.h"
#include "ui/clients/kh-clients-page.h"
#include "ui/clients/kh-person-editor.h"
#include "ui/clients/kh-person-page.h"
#include "ui/common/kh-field-message.h"
#include "ui/common/kh-person-fields.h"
#include "ui/common/kh-text-row.h"

#include "kh-shell-test.h"
#include "kh-test-ui.h"

typedef struct {
  KhShellFixture  shell;
  gint64          protected_id;   /* Salainen: marked, Swedish, interpreter, two cases */
  gint64          open_id;        /* Avoin: no marking, many contacts */
  GtkWidget      *clients;
  KhPersonPage   *page;
} Fixture;

static gint64
save_person (KhDb       *db,
             KhUser     *user,
             KhClient   *client)
{
  g_autoptr(GError) error = NULL;
  gint64 id = kh_db_save_client (db, user, client, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
save_contact (KhDb        *db,
              KhUser      *user,
              gint64       client_id,
              KhOutcome    outcome,
              KhContactor  contactor,
              const char  *detail,
              KhReferral   referral,
              GDateTime   *when,
              gint64       team)
{
  g_autoptr(KhContact) contact = kh_contact_new ();
  g_autoptr(KhClient) client = kh_client_new ();
  g_autoptr(KhIntakeResult) result = NULL;
  g_autoptr(GError) error = NULL;
  KhIntake intake = { contact, client, FALSE, 0, 0 };

  client->id = client_id;
  contact->channel = contactor == KH_CONTACTOR_AUTHORITY ? KH_CHANNEL_AUTHORITY
                     : referral == KH_REFERRAL_DIRECTED ? KH_CHANNEL_WALK_IN : KH_CHANNEL_PHONE;
  contact->contactor = contactor;
  if (contactor == KH_CONTACTOR_RELATIVE)
    {
      contact->contactor_name = g_strdup (detail);
      contact->contactor_relation = g_strdup ("tytär");
    }
  else if (referral == KH_REFERRAL_DIRECTED)
    contact->directed_by = g_strdup (detail);
  else
    contact->contactor_detail = g_strdup (detail);
  contact->referral = referral;
  contact->language = KH_LANGUAGE_SV;
  contact->needs = KH_NEED_HOUSING;
  contact->outcome = outcome;
  contact->urgency = KH_URGENCY_NOT_URGENT;
  contact->received_at = g_date_time_ref (when);
  if (contactor == KH_CONTACTOR_RELATIVE)
    intake.deadline_groups = KH_DEADLINE_GROUP_DISABLED;
  intake.team_id = team;
  result = kh_db_save_intake (db, user, &intake, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
}

static void
seed (Fixture *fixture)
{
  g_autoptr(KhDb) db = NULL;
  g_autoptr(KhUser) user = NULL;
  g_autoptr(KhClient) marked = kh_client_new ();
  g_autoptr(KhClient) open = kh_client_new ();
  g_autoptr(GDateTime) thursday = g_date_time_new_local (2026, 4, 2, 10, 15, 0);
  g_autoptr(GDateTime) tuesday = g_date_time_new_local (2026, 4, 14, 9, 0, 0);
  g_autoptr(GDateTime) wednesday = g_date_time_new_local (2026, 4, 1, 13, 0, 0);
  g_autoptr(KhTeam) young = kh_team_new ();
  g_autoptr(GError) error = NULL;
  GDate birth;

  db = kh_shell_fixture_open_db (&fixture->shell, &user);
  young->name = g_strdup ("Nuoret aikuiset");
  g_assert_cmpint (kh_db_save_team (db, user, young, &error), >, 0);
  g_assert_no_error (error);

  /* Fictional people: individual numbers 900–999. */
  g_date_clear (&birth, 1);
  g_date_set_dmy (&birth, 14, G_DATE_MARCH, 1961);
  marked->identity_kind = KH_IDENTITY_CODE;
  marked->identity_code = kh_hetu_make (&birth, 951, 0);
  marked->last_name = g_strdup ("Salainen");
  marked->first_names = g_strdup ("Sanna");
  marked->language = KH_LANGUAGE_SV;
  marked->interpreter = TRUE;
  marked->mother_tongue = KH_LANGUAGE_OTHER;
  marked->other_mother_tongue = g_strdup ("arabia");
  marked->non_disclosure = TRUE;
  marked->address = g_strdup ("Piilotie 7 B 12");
  marked->postal_code = g_strdup ("00510");
  marked->city = g_strdup ("Helsinki");
  marked->representative_name = g_strdup ("Yleinen edunvalvonta");
  marked->representative_contact = g_strdup ("029 566 0000");
  fixture->protected_id = save_person (db, user, marked);

  /* The person's daughter on Thursday 2.4.2026, for a disabled person; the
   * police without consent on Tuesday 14.4.2026, in the young adults'
   * team's queue. */
  save_contact (db, user, fixture->protected_id, KH_OUTCOME_CASE_OPENED, KH_CONTACTOR_RELATIVE,
                "Tiina Salainen", KH_REFERRAL_NONE, thursday, 0);
  save_contact (db, user, fixture->protected_id, KH_OUTCOME_CASE_OPENED, KH_CONTACTOR_AUTHORITY,
                "Poliisi", KH_REFERRAL_WITHOUT_CONSENT, tuesday, young->id);
  /* Wednesday 1.4.2026: the person themselves, directed by Kela to apply. */
  save_contact (db, user, fixture->protected_id, KH_OUTCOME_CASE_OPENED, KH_CONTACTOR_SELF,
                "Kela", KH_REFERRAL_DIRECTED, wednesday, 0);

  g_date_set_dmy (&birth, 1, G_DATE_JUNE, 1975);
  open->identity_kind = KH_IDENTITY_CODE;
  open->identity_code = kh_hetu_make (&birth, 952, 0);
  open->last_name = g_strdup ("Avoin");
  open->first_names = g_strdup ("Aapo");
  open->language = KH_LANGUAGE_FI;
  open->address = g_strdup ("Kotikatu 1");
  open->city = g_strdup ("Espoo");
  fixture->open_id = save_person (db, user, open);
  /* Enough contacts for the page to scroll. */
  for (int day = 1; day <= 28; day++)
    {
      g_autoptr(GDateTime) when = g_date_time_new_local (2026, 3, day, 9, 0, 0);

      save_contact (db, user, fixture->open_id, KH_OUTCOME_ADVICE, KH_CONTACTOR_SELF, NULL,
                    KH_REFERRAL_NONE, when, 0);
    }
}

static guint
count_log_rows (Fixture      *fixture,
                gint64        client_id,
                KhAccessWhat  what)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhDb) db = NULL;
  g_autoptr(KhUser) user = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  guint count = 0;

  db = kh_shell_fixture_open_db (&fixture->shell, &user);
  entries = kh_db_list_access_log (db, user, client_id, 1000, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    if (((KhAccessEntry *) g_ptr_array_index (entries, i))->what == what)
      count++;
  return count;
}

static GtkWidget *
page_child (Fixture    *fixture,
            const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (fixture->page), KH_TYPE_PERSON_PAGE, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

static const char *
row_value (Fixture    *fixture,
           const char *row_name)
{
  return kh_text_row_get_subtitle (KH_TEXT_ROW (page_child (fixture, row_name)));
}

typedef struct {
  Fixture *fixture;
  gint64   id;
} Loaded;

/* The person, their cases and their contacts are all on the page. */
static gboolean
page_loaded_cb (gpointer data)
{
  Loaded *loaded = data;
  KhClient *client = kh_person_page_get_client (loaded->fixture->page);

  return client != NULL && client->id == loaded->id
         && gtk_list_box_get_row_at_index (GTK_LIST_BOX (page_child (loaded->fixture, "cases_list")), 0) != NULL
         && gtk_list_box_get_row_at_index (GTK_LIST_BOX (page_child (loaded->fixture, "contacts_list")), 0) != NULL;
}

static void
open_person (Fixture *fixture,
             gint64   id)
{
  Loaded loaded = { fixture, id };

  kh_clients_page_show_client (KH_CLIENTS_PAGE (fixture->clients), id);
  g_assert_true (kh_test_wait_until (page_loaded_cb, &loaded, 10000));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  kh_shell_fixture_init (&fixture->shell);
  seed (fixture);
  kh_shell_fixture_start (&fixture->shell);
  g_assert_cmpstr (kh_window_get_state (fixture->shell.window), ==, "content");
  /* Pictures of the page in the dark style too (KH_TEST_SCREENSHOTS). */
  if (g_strcmp0 (g_getenv ("KH_TEST_COLOR_SCHEME"), "dark") == 0)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);

  fixture->clients = kh_shell_fixture_get_view (&fixture->shell, "clients");
  g_assert_true (KH_IS_CLIENTS_PAGE (fixture->clients));
  /* The People view on screen, as a receptionist would have it. */
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (fixture->shell.window),
                                                                                        KH_TYPE_WINDOW, "view_stack")),
                                         "clients");
  fixture->page = KH_PERSON_PAGE (gtk_widget_get_template_child (fixture->clients, KH_TYPE_CLIENTS_PAGE,
                                                                 "person_page"));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  kh_shell_fixture_clear (&fixture->shell);
}

/* ---- the non-disclosure marking (1.9) ---- */

static gboolean
address_shown_cb (gpointer data)
{
  return g_strcmp0 (row_value (data, "address_row"), "Piilotie 7 B 12, 00510 Helsinki") == 0;
}

static void
test_protected_address (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkToggleButton *show;

  open_person (fixture, fixture->protected_id);
  show = GTK_TOGGLE_BUTTON (page_child (fixture, "show_address_button"));

  /* The badge warns; the address is not on the page, nor in its record. */
  g_assert_true (gtk_widget_get_visible (page_child (fixture, "protection_badge")));
  g_assert_true (kh_person_page_get_client (fixture->page)->non_disclosure);
  g_assert_null (kh_person_page_get_client (fixture->page)->address);
  g_assert_cmpstr (row_value (fixture, "address_row"), ==, "Protected by a non-disclosure marking");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (show)));
  g_assert_cmpuint (count_log_rows (fixture, fixture->protected_id, KH_ACCESS_PROTECTED_ADDRESS), ==, 0);
  kh_test_ui_screenshot (GTK_WIDGET (fixture->shell.window), "person-protected-hidden");

  /* "Show address" is a logged read of its own. */
  gtk_toggle_button_set_active (show, TRUE);
  g_assert_true (kh_test_wait_until (address_shown_cb, fixture, 10000));
  g_assert_cmpuint (count_log_rows (fixture, fixture->protected_id, KH_ACCESS_PROTECTED_ADDRESS), ==, 1);
  kh_test_ui_screenshot (GTK_WIDGET (fixture->shell.window), "person-protected-shown");

  /* Hiding reads nothing; showing again is another read. */
  gtk_toggle_button_set_active (show, FALSE);
  g_assert_cmpstr (row_value (fixture, "address_row"), ==, "Protected by a non-disclosure marking");
  gtk_toggle_button_set_active (show, TRUE);
  g_assert_true (kh_test_wait_until (address_shown_cb, fixture, 10000));
  g_assert_cmpuint (count_log_rows (fixture, fixture->protected_id, KH_ACCESS_PROTECTED_ADDRESS), ==, 2);

  /* Another person: no badge, the address as it is, no button. */
  open_person (fixture, fixture->open_id);
  g_assert_false (gtk_widget_get_visible (page_child (fixture, "protection_badge")));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (show)));
  g_assert_cmpstr (row_value (fixture, "address_row"), ==, "Kotikatu 1, Espoo");
  kh_test_ui_screenshot (GTK_WIDGET (fixture->shell.window), "person-unmarked");
}

/* ---- the record under the name, and the cases (2.3, 2.9) ---- */

static void
test_cases_and_language (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkListBox *cases;
  GtkListBoxRow *row;
  const char *subtitle;

  open_person (fixture, fixture->protected_id);

  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (page_child (fixture, "language_summary_label"))), ==,
                   "Language of service: Swedish · Interpreter needed");
  g_assert_cmpstr (row_value (fixture, "mother_tongue_row"), ==, "arabia");
  g_assert_cmpstr (row_value (fixture, "representative_row"), ==, "Yleinen edunvalvonta · 029 566 0000");

  cases = GTK_LIST_BOX (page_child (fixture, "cases_list"));
  g_assert_cmpuint (count_log_rows (fixture, fixture->protected_id, KH_ACCESS_CASES), ==, 1);

  /* Newest first: the police notification, without a statutory date. */
  row = gtk_list_box_get_row_at_index (cases, 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Pending since 14.4.2026 · In the queue");
  subtitle = kh_text_row_get_subtitle (KH_TEXT_ROW (row));
  g_test_message ("%s", subtitle);
  g_assert_nonnull (strstr (subtitle, "Assessment starts without delay (SHL 36 §)"));
  g_assert_nonnull (strstr (subtitle, "Decisions: implemented by Tue 14.7.2026 (SHL 45 §)"));
  g_assert_nonnull (strstr (subtitle, "Worker: none yet (in the team’s queue: Nuoret aikuiset)"));
  g_assert_nonnull (strstr (subtitle, "Contact made by: An authority, Poliisi · Notification without consent"));

  /* The daughter's contact for a disabled person: the 7th working day after
   * Thursday 2.4.2026 over Easter is Wednesday 15.4.2026; three months on,
   * Thursday 2.7.2026. */
  row = gtk_list_box_get_row_at_index (cases, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Pending since 2.4.2026 · In the queue");
  subtitle = kh_text_row_get_subtitle (KH_TEXT_ROW (row));
  g_test_message ("%s", subtitle);
  g_assert_nonnull (strstr (subtitle, "Assessment starts by Wed 15.4.2026 (SHL 36 §)"));
  g_assert_nonnull (strstr (subtitle, "Decisions: implemented by Thu 2.7.2026 (SHL 45 §)"));
  g_assert_nonnull (strstr (subtitle, "Contact made by: Relative or close person, Tiina Salainen (tytär)"));
  g_assert_nonnull (strstr (subtitle, "Worker: none yet (in the team’s queue: Aikuissosiaalityö)"));

  /* SHL 35 § 1 p: the person came, directed by Kela. */
  row = gtk_list_box_get_row_at_index (cases, 2);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Pending since 1.4.2026 · In the queue");
  subtitle = kh_text_row_get_subtitle (KH_TEXT_ROW (row));
  g_test_message ("%s", subtitle);
  g_assert_nonnull (strstr (subtitle, "Contact made by: The person themselves · directed to apply by Kela"));
  g_assert_null (gtk_list_box_get_row_at_index (cases, 3));

  /* Under the name: none of the open cases has a worker; the queues they
   * wait in, the newest case's first (issue 5, 2.9). */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (page_child (fixture, "responsible_label"))), ==,
                   "Open cases not yet taken (in the teams’ queues: Nuoret aikuiset, Aikuissosiaalityö)");

  /* A person with no cases says so. */
  open_person (fixture, fixture->open_id);
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (page_child (fixture, "cases_list")), 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "No cases");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (page_child (fixture, "language_summary_label"))), ==,
                   "Language of service: Finnish");
}

/* ---- the page opens at its top (2.4) ---- */

static GtkAdjustment *
page_adjustment (Fixture *fixture)
{
  GtkWidget *details = page_child (fixture, "details_page");

  for (GtkWidget *child = gtk_widget_get_first_child (details); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_SCROLLED_WINDOW (child))
      return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (child));
  g_assert_not_reached ();
}

static gboolean
scrollable_cb (gpointer data)
{
  GtkAdjustment *adjustment = data;

  return gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment) > 200;
}

static void
test_opens_at_top (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkAdjustment *adjustment;

  open_person (fixture, fixture->open_id);
  adjustment = page_adjustment (fixture);
  g_assert_true (kh_test_wait_until (scrollable_cb, adjustment, 10000));

  /* The reader scrolls down to the contacts… */
  gtk_adjustment_set_value (adjustment,
                            gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 200);

  /* …and opens another person: their page starts at their name. */
  open_person (fixture, fixture->protected_id);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->shell.window));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);

  /* The same holds for going back to the first person. */
  gtk_adjustment_set_value (adjustment,
                            gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));
  open_person (fixture, fixture->open_id);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->shell.window));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
}

/* ---- the editor's record fields (1.9, 1.13) ---- */

static KhPersonEditor *
find_editor (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (KH_IS_PERSON_EDITOR (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return KH_PERSON_EDITOR (window);
    }
  return NULL;
}

static gboolean
editor_open_cb (gpointer data)
{
  return find_editor () != NULL;
}

static gboolean
editor_closed_cb (gpointer data)
{
  return find_editor () == NULL;
}

static GtkWidget *
fields_child (KhPersonFields *fields,
              const char     *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (fields), KH_TYPE_PERSON_FIELDS, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

static KhClient *
read_client (Fixture *fixture,
             gint64   id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhDb) db = NULL;
  g_autoptr(KhUser) user = NULL;
  KhClient *client;

  db = kh_shell_fixture_open_db (&fixture->shell, &user);
  client = kh_db_get_client (db, user, id, KH_ACCESS_PROTECTED_ADDRESS, KH_BASIS_ADMINISTRATION, &error);
  g_assert_no_error (error);
  return client;
}

static gboolean
representative_saved_cb (gpointer data)
{
  Fixture *fixture = data;
  g_autoptr(KhClient) client = read_client (fixture, fixture->open_id);

  return g_strcmp0 (client->representative_name, "Edunvalvoja Eeva") == 0;
}

static void
test_editor_record_fields (Fixture       *fixture,
                           gconstpointer  data)
{
  KhPersonEditor *editor;
  KhPersonFields *fields;
  GtkWidget *last_name;
  GtkLabel *message;

  /* The protected person's editor, without the address shown: the address
   * rows give way to a note, and saving keeps the stored address. */
  open_person (fixture, fixture->protected_id);
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "person.edit", NULL);
  g_assert_true (kh_test_wait_until (editor_open_cb, NULL, 10000));
  editor = find_editor ();
  fields = KH_PERSON_FIELDS (gtk_widget_get_template_child (GTK_WIDGET (editor), KH_TYPE_PERSON_EDITOR, "fields"));
  g_assert_true (gtk_widget_get_visible (fields_child (fields, "record_group")));
  g_assert_true (gtk_widget_get_visible (fields_child (fields, "address_withheld_row")));
  g_assert_false (gtk_widget_get_visible (fields_child (fields, "address_row")));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (fields_child (fields, "non_disclosure_switch"))));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (fields_child (fields, "mother_tongue_row"))), ==, 3);
  g_assert_true (gtk_widget_get_visible (fields_child (fields, "other_mother_tongue_row")));
  kh_test_ui_screenshot (GTK_WIDGET (editor), "person-editor-protected");
  gtk_window_destroy (GTK_WINDOW (editor));
  g_assert_true (kh_test_wait_until (editor_closed_cb, NULL, 10000));

  /* A name with a zero-width space is refused at its field, and nothing is
   * saved; the representative is saved once the name is right. */
  open_person (fixture, fixture->open_id);
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "person.edit", NULL);
  g_assert_true (kh_test_wait_until (editor_open_cb, NULL, 10000));
  editor = find_editor ();
  fields = KH_PERSON_FIELDS (gtk_widget_get_template_child (GTK_WIDGET (editor), KH_TYPE_PERSON_EDITOR, "fields"));
  g_assert_false (gtk_widget_get_visible (fields_child (fields, "address_withheld_row")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fields_child (fields, "address_row"))), ==, "Kotikatu 1");

  last_name = fields_child (fields, "last_name_row");
  gtk_editable_set_text (GTK_EDITABLE (last_name), "Av\u200boin");
  gtk_editable_set_text (GTK_EDITABLE (fields_child (fields, "representative_name_row")), "Edunvalvoja Eeva");
  kh_person_editor_save (editor);
  message = kh_field_message_get_label (last_name);
  g_assert_nonnull (message);
  g_assert_true (kh_field_message_is_shown (last_name));
  g_assert_cmpstr (gtk_label_get_text (message), ==,
                   "The text contains an invisible character (U+200B) after “Av”; "
                   "delete it or type the text again.");
  /* Nothing typed is lost. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (last_name)), ==, "Av\u200boin");
  kh_test_ui_screenshot (GTK_WIDGET (editor), "person-editor-invisible-character");
  g_assert_false (representative_saved_cb (fixture));

  gtk_editable_set_text (GTK_EDITABLE (last_name), "Avoin");
  kh_person_editor_save (editor);
  g_assert_true (kh_test_wait_until (editor_closed_cb, NULL, 10000));
  g_assert_true (kh_test_wait_until (representative_saved_cb, fixture, 10000));
}

/* Pictures for review in any language and style (KH_TEST_SCREENSHOTS=DIR,
 * LANGUAGE=fi|sv, KH_TEST_COLOR_SCHEME=dark): no assertion on words here. */
static gboolean
address_not_withheld_cb (gpointer data)
{
  Fixture *fixture = data;

  return gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (page_child (fixture, "show_address_button")))
         && !gtk_widget_has_css_class (page_child (fixture, "address_row"), "kh-empty");
}

static void
test_screenshots (Fixture       *fixture,
                  gconstpointer  data)
{
  KhPersonEditor *editor;

  open_person (fixture, fixture->protected_id);
  kh_test_ui_screenshot (GTK_WIDGET (fixture->shell.window), "person-protected-hidden");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (page_child (fixture, "show_address_button")), TRUE);
  g_assert_true (kh_test_wait_until (address_not_withheld_cb, fixture, 10000));
  kh_test_ui_screenshot (GTK_WIDGET (fixture->shell.window), "person-protected-shown");
  gtk_adjustment_set_value (page_adjustment (fixture), 560);
  kh_test_ui_screenshot (GTK_WIDGET (fixture->shell.window), "person-protected-cases");

  open_person (fixture, fixture->open_id);
  kh_test_ui_screenshot (GTK_WIDGET (fixture->shell.window), "person-unmarked");

  open_person (fixture, fixture->protected_id);
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "person.edit", NULL);
  g_assert_true (kh_test_wait_until (editor_open_cb, NULL, 10000));
  editor = find_editor ();
  gtk_window_set_default_size (GTK_WINDOW (editor), 640, 1000);
  kh_test_ui_screenshot (GTK_WIDGET (editor), "person-editor-protected");
  {
    KhPersonFields *fields = KH_PERSON_FIELDS (gtk_widget_get_template_child (GTK_WIDGET (editor),
                                                                              KH_TYPE_PERSON_EDITOR, "fields"));

    gtk_editable_set_text (GTK_EDITABLE (fields_child (fields, "last_name_row")), "Sala\u200binen");
    kh_person_editor_save (editor);
    kh_test_ui_screenshot (GTK_WIDGET (editor), "person-editor-invisible-character");
  }
  gtk_window_destroy (GTK_WINDOW (editor));
  g_assert_true (kh_test_wait_until (editor_closed_cb, NULL, 10000));
}

int
main (int   argc,
      char *argv[])
{
  kh_shell_test_init (&argc, &argv);
  /* Pictures in the reviewer's language: the build tree's catalogues, as
   * kohtaamo itself binds them (the assertions above are in English). */
  if (g_getenv ("KH_TEST_SCREENSHOTS") != NULL)
    {
      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/person-record/protected-address", test_protected_address);
  ADD ("/ui/person-record/cases-and-language", test_cases_and_language);
  ADD ("/ui/person-record/opens-at-top", test_opens_at_top);
  ADD ("/ui/person-record/editor-record-fields", test_editor_record_fields);
  /* Only when pictures are asked for: it asserts nothing of its own. */
  if (g_getenv ("KH_TEST_SCREENSHOTS") != NULL)
    ADD ("/ui/person-record/screenshots", test_screenshots);

  return g_test_run ();
}
