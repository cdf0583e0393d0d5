/* test-plan-window.c — a client plan made, refused without losing what was
 * typed, saved, reviewed and sent as a letter, in a real window (issue 9,
 * 3–4 and "How we will know")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A social worker makes, with Aino Mäkinen, a plan of three goals with
 * actions owned by the client, the worker and two agencies of her network
 * (Kela coordinating); the plan is saved and read back from the store. At
 * the review one goal is achieved and one dropped, every goal rated, and
 * the window shows what changed since version 1. The plan goes out as a
 * letter in Aino's language, read back with poppler. Runs on SQLite and,
 * in the ui-pg suite, on PostgreSQL.
 */
#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "core/kh-hetu.h"
#include "core/kh-text.h"
#include "ui/common/kh-field-message.h"
#include "ui/common/kh-form-rows.h"
#include "ui/documents/kh-document-view.h"
#include "ui/documents/kh-document-window.h"
#include "ui/documents/kh-plan-extract.h"
#include "ui/documents/kh-poppler.h"
#include "ui/plans/kh-plan-window.h"

#include "kh-test-ui.h"
#include "../store/pg-test-util.h"

typedef struct {
  KhTestUi      ui;
  KhStore      *store;        /* the worker's desk */
  KhDb         *desk;         /* the worker, beside it */
  KhUser       *me;
  gint64        client_id;
  gint64        case_id;
  gint64        kela;
  gint64        housing;
  KhPlanWindow *window;
} Fixture;

static const char *
worker_account (void)
{
  return kh_test_ui_on_server () ? "sw" : g_get_user_name ();
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

static gint64
add_agency (Fixture    *f,
            const char *name,
            KhSector    sector)
{
  g_autoptr(KhNetworkMember) m = kh_network_member_new (KH_NETWORK_AGENCY);
  g_autoptr(KhNetworkMember) stored = NULL;
  g_autoptr(GError) error = NULL;

  m->client_id = f->client_id;
  m->name = g_strdup (name);
  m->sector = sector;
  m->distance = KH_DISTANCE_MIDDLE;
  m->tie = KH_TIE_ORDINARY;
  m->direction = KH_SUPPORT_TO_CLIENT;
  stored = kh_db_add_network_member (f->desk, f->me, m, &error);
  g_assert_no_error (error);
  return stored->id;
}

/* The unit (an administrator, the test's account a social worker), Aino
 * Mäkinen with an address, her case assigned to the worker, its
 * assessment finished, and her network: her mother, Kela and the housing
 * advice. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhDb) admin_db = NULL;
  g_autoptr(KhUser) admin = NULL;
  g_autoptr(KhUser) user = NULL;
  g_autoptr(KhContact) contact = kh_contact_new ();
  g_autoptr(KhClient) client = kh_client_new ();
  g_autoptr(KhIntakeResult) result = NULL;
  g_autoptr(KhNetworkMember) mother = kh_network_member_new (KH_NETWORK_PERSON);
  g_autoptr(KhNetworkMember) stored = NULL;
  g_autofree char *location = NULL;
  KhIntake intake = { contact, client, FALSE, 0, 0 };
  GDate birth;

  kh_test_ui_set_up (&f->ui);
  admin_db = kh_db_open (f->ui.location, &error);
  g_assert_no_error (error);
  if (kh_test_ui_on_server ())
    {
      admin = kh_db_login (admin_db, PG_TEST_ADMIN, NULL, &error);
      pg_test_create_login ("sw");
    }
  else
    {
      g_autoptr(KhUser) first = kh_db_login (admin_db, g_get_user_name (), NULL, &error);
      g_autoptr(KhUser) ada = kh_db_save_user (admin_db, first, "ada", "Ada Ylläpitäjä", KH_ROLE_ADMIN, TRUE, &error);

      g_assert_no_error (error);
      admin = kh_db_login (admin_db, "ada", NULL, &error);
    }
  g_assert_no_error (error);
  f->me = kh_db_save_user (admin_db, admin, worker_account (), "Sari Sosiaalityöntekijä",
                           KH_ROLE_SOCIAL_WORKER, TRUE, &error);
  g_assert_no_error (error);
  location = kh_test_ui_on_server () ? pg_test_conninfo (f->ui.pg_dbname, worker_account ())
                                     : g_strdup (f->ui.location);
  f->desk = kh_db_open (location, &error);
  g_assert_no_error (error);

  g_date_clear (&birth, 1);
  g_date_set_dmy (&birth, 13, G_DATE_OCTOBER, 1952);
  client->identity_kind = KH_IDENTITY_CODE;
  client->identity_code = kh_hetu_make (&birth, 952, 0);
  client->birth_date = g_strdup ("1952-10-13");
  client->last_name = g_strdup ("Mäkinen");
  client->first_names = g_strdup ("Aino");
  /* Swedish-speaking when the test says so (the letter's language). */
  client->language = GPOINTER_TO_INT (data) != 0 ? KH_LANGUAGE_SV : KH_LANGUAGE_FI;
  client->address = g_strdup ("Koivukuja 3 A 5");
  client->postal_code = g_strdup ("40320");
  client->city = g_strdup ("Jyväskylä");
  contact->channel = KH_CHANNEL_WALK_IN;
  contact->contactor = KH_CONTACTOR_SELF;
  contact->language = KH_LANGUAGE_FI;
  contact->outcome = KH_OUTCOME_CASE_OPENED;
  contact->needs = KH_NEED_FINANCIAL;
  contact->urgency = KH_URGENCY_NOT_URGENT;
  contact->received_at = g_date_time_new_now_local ();
  intake.assign_to = f->me->id;
  result = kh_db_save_intake (f->desk, f->me, &intake, &error);
  g_assert_no_error (error);
  f->client_id = result->client_id;
  f->case_id = result->case_id;

  mother->client_id = f->client_id;
  mother->name = g_strdup ("Maija Mäkinen");
  mother->relation = KH_RELATION_PARENT;
  mother->sector = KH_SECTOR_FAMILY;
  mother->distance = KH_DISTANCE_CLOSE;
  mother->tie = KH_TIE_STRONG;
  stored = kh_db_add_network_member (f->desk, f->me, mother, &error);
  g_assert_no_error (error);
  f->kela = add_agency (f, "Kela", KH_SECTOR_BENEFITS);
  f->housing = add_agency (f, "Asumisneuvonta", KH_SECTOR_HOUSING);
  /* The case's assessment finished; no plan yet. */
  kh_test_ui_finish_assessment (f->desk, f->me, f->case_id);

  f->store = kh_store_new (location);
  kh_store_open_async (f->store, NULL, store_opened_cb, &user);
  WAIT_UNTIL (user != NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->me);
  g_clear_pointer (&f->desk, kh_db_close);
  g_object_add_weak_pointer (G_OBJECT (f->store), (gpointer *) &f->store);
  g_object_unref (f->store);
  WAIT_UNTIL (f->store == NULL);
  kh_test_ui_tear_down (&f->ui);
}

static GtkWidget *
field (Fixture    *f,
       const char *name,
       int         goal,
       int         item)
{
  GtkWidget *w = kh_plan_window_get_field (f->window, name, goal, item);

  g_assert_nonnull (w);
  return w;
}

static void
type (Fixture    *f,
      const char *name,
      int         goal,
      int         item,
      const char *text)
{
  GtkWidget *w = field (f, name, goal, item);

  if (GTK_IS_TEXT_VIEW (w))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (w)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (w), text);
}

static void
choose (Fixture    *f,
        const char *name,
        int         goal,
        int         item,
        guint       position)
{
  adw_combo_row_set_selected (ADW_COMBO_ROW (field (f, name, goal, item)), position);
}

static void
type_day (Fixture    *f,
          const char *name,
          int         goal,
          int         item,
          int         days)
{
  g_autofree char *text = NULL;
  GDate day;

  kh_test_ui_day_from_now (&day, days);
  text = kh_date_format_dmy (&day);
  type (f, name, goal, item, text);
}

static void
click (GtkWidget *button)
{
  g_signal_emit_by_name (button, "clicked");
}

static void
open_window (Fixture *f)
{
  f->window = KH_PLAN_WINDOW (kh_plan_window_present (NULL, f->store, f->client_id, f->case_id,
                                                      "Mäkinen, Aino"));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 900, 1000);
  WAIT_UNTIL (kh_plan_window_get_loaded (f->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
}

/* Scrolls the form so that `widget` is at its top, for a picture. */
static void
scroll_to (GtkWidget *widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *top = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));
  double x = 0, y = 0;

  g_assert_true (gtk_widget_translate_coordinates (widget, top, 0, 0, &x, &y));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)), y - 12);
  gtk_test_widget_wait_for_draw (gtk_widget_get_ancestor (widget, GTK_TYPE_WINDOW));
}

static void
save (Fixture *f)
{
  gtk_widget_activate_action (GTK_WIDGET (f->window), "plan.save", NULL);
}

/* An action of goal `goal`: added, typed, its actor the `who`th choice
 * (0 the client, 1 the worker, 2… the network as listed), due in `days`. */
static void
add_action (Fixture    *f,
            int         goal,
            const char *what,
            guint       who,
            int         days)
{
  GtkWidget *add = field (f, "add-action", goal, -1);
  int item;

  click (add);
  for (item = 0; kh_plan_window_get_field (f->window, "action-what", goal, item + 1) != NULL; item++)
    ;
  type (f, "action-what", goal, item, what);
  choose (f, "action-who", goal, item, who);
  type_day (f, "action-due", goal, item, days);
}

static void
test_make_and_review (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(KhClientPlan) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *changes = NULL;
  gboolean english = g_getenv ("KOHTAAMO_LOCALEDIR") == NULL;
  const KhClientPlan *stored;
  KhPlanGoal *goal;

  open_window (f);
  /* The network is listed mother, Kela, housing advice (by sector): the
   * actors' choices are the client, the worker, then those three. */

  /* The client's view of the need comes from the assessment. */
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (field (f, "need-client", -1, -1)));
    GtkTextIter start, end;
    g_autofree char *text = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (text, ==, "Haluan saada vuokrat maksettua.");
  }
  /* Save with nothing: refused at the fields (the need, under its text). */
  type (f, "need-client", -1, -1, "");
  save (f);
  g_assert_true (kh_field_message_is_shown (gtk_widget_get_ancestor (gtk_widget_get_parent (
                   field (f, "need-client", -1, -1)), GTK_TYPE_BOX)));
  type (f, "need-client", -1, -1, "Haluan saada vuokrat maksettua ja talouden kuntoon.");
  g_assert_false (kh_field_message_is_shown (gtk_widget_get_ancestor (gtk_widget_get_parent (
                    field (f, "need-client", -1, -1)), GTK_TYPE_BOX)));
  /* With the need: still refused, nothing lost. */
  save (f);
  g_assert_true (kh_field_message_is_shown (field (f, "add-goal", -1, -1)));
  g_assert_true (kh_field_message_is_shown (field (f, "review", -1, -1)));
  g_assert_null (kh_plan_window_get_stored (f->window));

  /* Three goals, actions by the client, the worker and two agencies. */
  click (field (f, "add-goal", -1, -1));
  type (f, "goal-text", 0, -1, "Vuokrat maksetaan ajallaan");
  add_action (f, 0, "Haen asumistukea", 0, 14);
  add_action (f, 0, "Neuvoo vuokrarästien sovittelussa", 4, 21);
  click (field (f, "add-goal", -1, -1));
  type (f, "goal-text", 1, -1, "Toimeentulo on turvattu");
  add_action (f, 1, "Käsittelee perustoimeentulotuen", 3, 30);
  add_action (f, 1, "Päätös täydentävästä toimeentulotuesta", 1, 21);
  click (field (f, "add-goal", -1, -1));
  type (f, "goal-text", 2, -1, "Pääsen kuntouttavaan työtoimintaan");
  add_action (f, 2, "Ilmoittaudun työnhakijaksi", 0, 10);
  /* What was typed before the goals came is still there. */
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (field (f, "need-client", -1, -1)));
    GtkTextIter start, end;
    g_autofree char *text = NULL;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (text, ==, "Haluan saada vuokrat maksettua ja talouden kuntoon.");
  }

  /* A partner's switch is read by the agency's name, and the whole row
   * turns it on and off (kh_form_rows_add_switch). */
  {
    GtkWidget *sw = field (f, "partner", -1, 0);
    GtkWidget *row = gtk_widget_get_ancestor (sw, ADW_TYPE_ACTION_ROW);
    g_autofree char *differs = NULL;

    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Kela");
    differs = gtk_test_accessible_check_property (GTK_ACCESSIBLE (sw), GTK_ACCESSIBLE_PROPERTY_LABEL, "Kela");
    g_assert_cmpstr (differs, ==, NULL);
    /* The switch slides over before it turns. */
    adw_action_row_activate (ADW_ACTION_ROW (row));
    WAIT_UNTIL (gtk_switch_get_active (GTK_SWITCH (sw)));
    adw_action_row_activate (ADW_ACTION_ROW (row));
    WAIT_UNTIL (!gtk_switch_get_active (GTK_SWITCH (sw)));
  }

  /* Two partners: Kela coordinating; a second coordinator is one click away
   * but a radio group keeps one. */
  gtk_switch_set_active (GTK_SWITCH (field (f, "partner", -1, 0)), TRUE);
  type (f, "partner-responsibility", -1, 0, "Perustoimeentulotuki ja asumistuki");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (field (f, "partner-coordinator", -1, 0)), TRUE);
  gtk_switch_set_active (GTK_SWITCH (field (f, "partner", -1, 1)), TRUE);
  type (f, "partner-responsibility", -1, 1, "Vuokrarästien sovittelu");
  type (f, "client-part", -1, -1, "Avaan postin joka päivä ja tuon laskut tapaamisiin.");
  type (f, "helps", -1, -1, "Äidin tuki\nMotivaatio");
  type (f, "hinders", -1, -1, "Velat");
  choose (f, "meetings", -1, -1, KH_MEETINGS_FORTNIGHTLY - 1);
  type (f, "duration", -1, -1, "Puoli vuotta");
  type (f, "follow-up", -1, -1, "Tapaamisissa käydään läpi toimenpiteet.");
  type_day (f, "review", -1, -1, 90);
  /* A joint plan without the consents is refused at the sharing row. */
  gtk_switch_set_active (GTK_SWITCH (field (f, "joint", -1, -1)), TRUE);
  save (f);
  g_assert_null (kh_plan_window_get_stored (f->window));
  g_assert_true (kh_field_message_is_shown (gtk_widget_get_ancestor (field (f, "joint", -1, -1),
                                                                     ADW_TYPE_ACTION_ROW)));
  gtk_switch_set_active (GTK_SWITCH (field (f, "joint", -1, -1)), FALSE);
  g_assert_false (kh_field_message_is_shown (field (f, "review", -1, -1)));
  scroll_to (gtk_widget_get_ancestor (field (f, "goal-text", 0, -1), ADW_TYPE_PREFERENCES_GROUP));
  kh_test_ui_screenshot (GTK_WIDGET (f->window), "plan-window-new");

  save (f);
  WAIT_UNTIL (kh_plan_window_get_stored (f->window) != NULL);
  stored = kh_plan_window_get_stored (f->window);
  g_assert_cmpint (stored->version, ==, 1);

  /* As the store has it. */
  read = kh_db_read_client_plan (f->desk, f->me, f->client_id, stored->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (read->goals->len, ==, 3);
  goal = g_ptr_array_index (read->goals, 0);
  g_assert_cmpstr (goal->text, ==, "Vuokrat maksetaan ajallaan");
  g_assert_cmpint (((KhPlanAction *) g_ptr_array_index (goal->actions, 0))->actor, ==, KH_ACTOR_CLIENT);
  g_assert_cmpint (((KhPlanAction *) g_ptr_array_index (goal->actions, 1))->member_id, ==, f->housing);
  goal = g_ptr_array_index (read->goals, 1);
  g_assert_cmpint (((KhPlanAction *) g_ptr_array_index (goal->actions, 0))->member_id, ==, f->kela);
  g_assert_cmpint (((KhPlanAction *) g_ptr_array_index (goal->actions, 1))->actor, ==, KH_ACTOR_WORKER);
  g_assert_cmpuint (read->partners->len, ==, 2);
  g_assert_true (((KhPlanPartner *) g_ptr_array_index (read->partners, 0))->coordinator);
  g_assert_false (((KhPlanPartner *) g_ptr_array_index (read->partners, 1))->coordinator);
  g_assert_cmpuint (read->factors->len, ==, 3);
  g_assert_cmpint (read->meetings, ==, KH_MEETINGS_FORTNIGHTLY);

  /* The saved plan's extract for a partner opens from here (issue 9, 6). */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "plan.extract", NULL);
  WAIT_UNTIL (kh_test_ui_find_window (KH_TYPE_PLAN_EXTRACT_DIALOG) != NULL);
  gtk_window_destroy (kh_test_ui_find_window (KH_TYPE_PLAN_EXTRACT_DIALOG));

  /* The review, in the same window: now the next version's form. Every
   * goal is to be rated first. */
  g_assert_nonnull (kh_plan_window_get_field (f->window, "goal-rating", 0, -1));
  type_day (f, "review", -1, -1, 180);
  save (f);
  g_assert_true (kh_field_message_is_shown (field (f, "goal-rating", 0, -1)));
  g_assert_cmpint (kh_plan_window_get_stored (f->window)->version, ==, 1);

  choose (f, "goal-status", 0, -1, KH_GOAL_ACHIEVED - 1);
  choose (f, "goal-rating", 0, -1, 5);
  type (f, "goal-comment", 0, -1, "Vuokrat maksettu kolme kuukautta.");
  choose (f, "goal-rating", 1, -1, 3);
  choose (f, "action-status", 1, 1, KH_ACTION_DONE - 1);
  choose (f, "goal-status", 2, -1, KH_GOAL_DROPPED - 1);
  choose (f, "goal-rating", 2, -1, 1);
  /* Dropped without a reason: refused at the reason. */
  save (f);
  g_assert_true (kh_field_message_is_shown (field (f, "goal-reason", 2, -1)));
  type (f, "goal-reason", 2, -1, "Aino sai osa-aikatyön.");
  click (field (f, "add-goal", -1, -1));
  type (f, "goal-text", 3, -1, "Maksusuunnitelma pitää");
  add_action (f, 3, "Maksan ensimmäisen erän", 0, 30);
  scroll_to (gtk_widget_get_ancestor (field (f, "goal-text", 1, -1), ADW_TYPE_PREFERENCES_GROUP));
  kh_test_ui_screenshot (GTK_WIDGET (f->window), "plan-window-review");
  save (f);
  WAIT_UNTIL (kh_plan_window_get_stored (f->window)->version == 2);

  /* What changed since version 1, as shown. */
  changes = kh_plan_window_dup_changes (f->window);
  g_test_message ("%s", changes);
  if (english)
    {
      g_assert_nonnull (strstr (changes, "Goals added: Maksusuunnitelma pitää"));
      g_assert_nonnull (strstr (changes, "Goals achieved: Vuokrat maksetaan ajallaan"));
      g_assert_nonnull (strstr (changes, "Goals dropped: Pääsen kuntouttavaan työtoimintaan (Aino sai osa-aikatyön.)"));
      g_assert_nonnull (strstr (changes, "Actions done: Päätös täydentävästä toimeentulotuesta (The worker)"));
    }
  else
    g_assert_cmpuint (strlen (changes), >, 0);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (
    gtk_widget_get_ancestor (field (f, "made", -1, -1), GTK_TYPE_SCROLLED_WINDOW))), 0);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  kh_test_ui_screenshot (GTK_WIDGET (f->window), "plan-window-changes");
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM plan_evaluations WHERE client_id = %"
                                            G_GINT64_FORMAT " AND part = 1 AND rating >= 1", f->client_id);

    g_assert_cmpint (kh_test_ui_count (&f->ui, sql), ==, 3);
  }
}

/* A store error (another desk made the case's plan meanwhile) is said,
 * and the form keeps what was typed. */
static void
test_store_error_keeps_form (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(KhClientPlan) elsewhere = NULL;

  open_window (f);
  type (f, "need-client", -1, -1, "Haluan saada vuokrat maksettua.");
  click (field (f, "add-goal", -1, -1));
  type (f, "goal-text", 0, -1, "Vuokrat maksetaan ajallaan");
  add_action (f, 0, "Haen asumistukea", 0, 14);
  type_day (f, "review", -1, -1, 90);
  elsewhere = kh_test_ui_make_plan (f->desk, f->me, f->client_id, f->case_id, 0, 60, 7);
  save (f);
  WAIT_UNTIL (!kh_plan_window_get_busy (f->window));
  g_assert_null (kh_plan_window_get_stored (f->window));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (f, "goal-text", 0, -1))), ==,
                   "Vuokrat maksetaan ajallaan");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field (f, "action-what", 0, 0))), ==, "Haen asumistukea");
  g_assert_cmpint (kh_test_ui_count (&f->ui, "SELECT count (*) FROM plan_versions"), ==, 1);
}

/* The unit's settings, as its administrator sets them. */
static void
set_unit_setting (Fixture    *f,
                  const char *key,
                  const char *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhDb) admin_db = kh_db_open (f->ui.location, &error);
  g_autoptr(KhUser) admin = NULL;

  g_assert_no_error (error);
  admin = kh_db_login (admin_db, kh_test_ui_on_server () ? PG_TEST_ADMIN : "ada", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (kh_db_set_setting (admin_db, admin, key, value, &error));
  g_assert_no_error (error);
}

/* Whether the past review shows, with `text` in it; `out` its lines. */
static gboolean
review_shows (Fixture     *f,
              const char  *text,
              char       **out)
{
  g_free (*out);
  *out = kh_plan_window_dup_review (f->window);
  return **out != '\0' && strstr (*out, text) != NULL;
}

static guint
choices (GtkWidget *combo)
{
  return g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (combo)));
}

/* Issue 9, 4: AVAIN's four parts at a review. The unit rates on four
 * steps of its own and lists its services and methods; version 2 was
 * reviewed earlier on the default five steps and keeps them. A factor of
 * the plan, a service and a method are switched on, rated and commented,
 * saved with the goal's rating, and the saved version shows all four
 * parts on the new review's scale. */
static void
test_avain_review (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(KhClientPlan) first = NULL;
  g_autoptr(KhClientPlan) next = NULL;
  g_autoptr(KhClientPlan) second = NULL;
  g_autoptr(KhPlanScale) standard = kh_plan_scale_new_default ();
  g_autoptr(GPtrArray) evaluations = g_ptr_array_new_with_free_func ((GDestroyNotify) kh_plan_evaluation_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *past = NULL;
  g_autofree char *review = NULL;
  g_autofree char *sql = NULL;
  gboolean sv = g_str_equal (kh_form_rows_ui_language (), "sv");
  gboolean english = g_getenv ("KOHTAAMO_LOCALEDIR") == NULL;

  set_unit_setting (f, "plan_scale", "Ei edistystä|Inga framsteg\nVähän|Lite\nPaljon|Mycket\nTäysin|Helt");
  set_unit_setting (f, "plan_services", "Sosiaaliohjaus\nTuettu asuminen\nTalous- ja velkaneuvonta");
  set_unit_setting (f, "plan_methods", "Motivoiva haastattelu\nVerkostokartta");

  /* Version 2, by a review on the default scale, with two factors. */
  first = kh_test_ui_make_plan (f->desk, f->me, f->client_id, f->case_id, 60, 14, 7);
  next = kh_client_plan_copy (first);
  g_ptr_array_add (next->factors, kh_plan_factor_new (KH_FACTOR_HELPS, "Äidin tuki"));
  g_ptr_array_add (next->factors, kh_plan_factor_new (KH_FACTOR_HINDERS, "Velat"));
  g_ptr_array_add (evaluations, kh_plan_evaluation_new (KH_EVALUATED_GOAL,
                                                        ((KhPlanGoal *) g_ptr_array_index (first->goals, 0))->id,
                                                        NULL, 3, "Kaksi vuokraa maksettu."));
  second = kh_db_review_client_plan (f->desk, f->me, first, evaluations, standard, next, &error);
  g_assert_no_error (error);
  g_assert_cmpint (second->version, ==, 2);

  open_window (f);
  g_assert_cmpint (kh_plan_window_get_stored (f->window)->version, ==, 2);
  /* The review of version 1 keeps its five steps. */
  WAIT_UNTIL (review_shows (f, "", &past));
  g_test_message ("%s", past);
  g_assert_nonnull (strstr (past, sv ? "Vuokrat maksetaan ajallaan: Vissa framsteg"
                                     : "Vuokrat maksetaan ajallaan: Jonkin verran edistystä"));
  g_assert_nonnull (strstr (past, "Kaksi vuokraa maksettu."));
  if (english)
    g_assert_nonnull (strstr (past, "Goals: Vuokrat maksetaan ajallaan: Jonkin verran edistystä — Kaksi vuokraa maksettu."));

  /* This review: the unit's four steps after "not rated", for every part. */
  g_assert_cmpuint (choices (field (f, "goal-rating", 0, -1)), ==, 5);
  g_assert_cmpuint (choices (field (f, "factor-rating", -1, 0)), ==, 5);
  g_assert_cmpuint (choices (field (f, "service-rating", -1, 2)), ==, 5);
  g_assert_cmpuint (choices (field (f, "method-rating", -1, 1)), ==, 5);
  g_assert_null (kh_plan_window_get_field (f->window, "factor", -1, 2));
  g_assert_null (kh_plan_window_get_field (f->window, "service", -1, 3));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (field (f, "service", -1, 1))), ==,
                   "Tuettu asuminen");
  g_assert_cmpstr (gtk_string_object_get_string (GTK_STRING_OBJECT (g_list_model_get_item (
                     adw_combo_row_get_model (ADW_COMBO_ROW (field (f, "method-rating", -1, 0))), 4))), ==,
                   sv ? "Helt" : "Täysin");

  choose (f, "goal-rating", 0, -1, 4);
  type (f, "goal-comment", 0, -1, "Vuokrat maksettu puoli vuotta.");
  choose (f, "goal-status", 0, -1, KH_GOAL_ACHIEVED - 1);
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (field (f, "factor", -1, 0)), TRUE);
  choose (f, "factor-rating", -1, 0, 4);
  type (f, "factor-comment", -1, 0, "Äiti kävi mukana tapaamisissa.");
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (field (f, "service", -1, 1)), TRUE);
  choose (f, "service-rating", -1, 1, 3);
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (field (f, "method", -1, 1)), TRUE);
  choose (f, "method-rating", -1, 1, 2);
  type (f, "method-comment", -1, 1, "Kartta auttoi näkemään tukijat.");
  /* Switched on, then off again: not evaluated. */
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (field (f, "service", -1, 0)), TRUE);
  choose (f, "service-rating", -1, 0, 1);
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (field (f, "service", -1, 0)), FALSE);
  click (field (f, "add-goal", -1, -1));
  type (f, "goal-text", 1, -1, "Velat järjestyksessä");
  add_action (f, 1, "Varaan ajan velkaneuvontaan", 0, 14);
  type_day (f, "review", -1, -1, 120);
  scroll_to (gtk_widget_get_ancestor (field (f, "factor", -1, 0), ADW_TYPE_PREFERENCES_GROUP));
  kh_test_ui_screenshot (GTK_WIDGET (f->window), "plan-window-avain");
  save (f);
  WAIT_UNTIL (kh_plan_window_get_stored (f->window)->version == 3);

  /* As stored: the goal and three parts, on the unit's four steps. */
  sql = g_strdup_printf ("SELECT count (*) FROM plan_evaluations e JOIN plan_reviews r ON r.id = e.review_id "
                         "WHERE r.next_id = %" G_GINT64_FORMAT " AND r.scale = 'Ei edistystä|Inga framsteg' || %s (10) "
                         "|| 'Vähän|Lite' || %s (10) || 'Paljon|Mycket' || %s (10) || 'Täysin|Helt' "
                         "AND ((e.part = 1 AND e.rating = 4) OR (e.part = 2 AND e.subject = 'Äidin tuki' AND e.rating = 4 "
                         "     AND e.comment = 'Äiti kävi mukana tapaamisissa.') "
                         "  OR (e.part = 3 AND e.subject = 'Tuettu asuminen' AND e.rating = 3) "
                         "  OR (e.part = 4 AND e.subject = 'Verkostokartta' AND e.rating = 2))",
                         kh_plan_window_get_stored (f->window)->id,
                         kh_test_ui_on_server () ? "chr" : "char", kh_test_ui_on_server () ? "chr" : "char",
                         kh_test_ui_on_server () ? "chr" : "char");
  g_assert_cmpint (kh_test_ui_count (&f->ui, sql), ==, 4);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count (*) FROM plan_evaluations e JOIN plan_reviews r ON r.id = e.review_id "
                         "WHERE r.next_id = %" G_GINT64_FORMAT, kh_plan_window_get_stored (f->window)->id);
  g_assert_cmpint (kh_test_ui_count (&f->ui, sql), ==, 4);

  /* The saved version shows its review, all four parts, read-only. */
  WAIT_UNTIL (review_shows (f, "Verkostokartta", &review));
  g_test_message ("%s", review);
  /* The rating in the UI's language, the comment as written ("—" in
   * English, "–" in Finnish and Swedish between them). */
  g_assert_nonnull (strstr (review, sv ? "Vuokrat maksetaan ajallaan: Helt " : "Vuokrat maksetaan ajallaan: Täysin "));
  g_assert_nonnull (strstr (review, " Vuokrat maksettu puoli vuotta."));
  g_assert_nonnull (strstr (review, sv ? "Äidin tuki: Helt " : "Äidin tuki: Täysin "));
  g_assert_nonnull (strstr (review, " Äiti kävi mukana tapaamisissa."));
  g_assert_nonnull (strstr (review, sv ? "Tuettu asuminen: Mycket\n" : "Tuettu asuminen: Paljon\n"));
  g_assert_nonnull (strstr (review, sv ? "Verkostokartta: Lite " : "Verkostokartta: Vähän "));
  g_assert_nonnull (strstr (review, " Kartta auttoi näkemään tukijat."));
  if (english)
    g_assert_nonnull (strstr (review, "Methods: Verkostokartta: Vähän — Kartta auttoi näkemään tukijat."));
  g_assert_null (strstr (review, "Sosiaaliohjaus"));
  if (english)
    {
      g_assert_nonnull (strstr (review, "Goals: Vuokrat"));
      g_assert_nonnull (strstr (review, "Factors that help or hinder: Äidin tuki"));
      g_assert_nonnull (strstr (review, "Services: Tuettu asuminen"));
      g_assert_nonnull (strstr (review, "Methods: Verkostokartta"));
    }
  /* The unit's scale changes later: the saved review keeps its words. */
  set_unit_setting (f, "plan_scale", "");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (
    gtk_widget_get_ancestor (field (f, "made", -1, -1), GTK_TYPE_SCROLLED_WINDOW))), 0);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  kh_test_ui_screenshot (GTK_WIDGET (f->window), "plan-window-avain-saved");
  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = NULL;
  open_window (f);
  g_clear_pointer (&review, g_free);
  WAIT_UNTIL (review_shows (f, "Verkostokartta", &review));
  g_assert_nonnull (strstr (review, sv ? "Verkostokartta: Lite" : "Verkostokartta: Vähän"));
  /* The next review rates on the default five steps again (the goal
   * added is the one being worked on). */
  g_assert_null (kh_plan_window_get_field (f->window, "goal-rating", 0, -1));
  g_assert_cmpuint (choices (field (f, "goal-rating", 1, -1)), ==, 6);
}

#define GOAL0_ID(plan) (((KhPlanGoal *) g_ptr_array_index ((plan)->goals, 0))->id)

/* `text` with every run of white space (line ends, no-break spaces) one
 * space, so that what wraps is still found. */
static char *
flatten (const char *text)
{
  g_auto(GStrv) words = g_regex_split_simple ("[\\s\\x{00A0}]+", text, 0, 0);

  return g_strjoinv (" ", words);
}

/* The text of the PDF the document window shows, or NULL. */
static char *
dup_letter_text (void)
{
  GtkWindow *window = kh_test_ui_find_window (KH_TYPE_DOCUMENT_WINDOW);
  GBytes *pdf = window != NULL ? kh_document_view_get_pdf (kh_document_window_get_view (KH_DOCUMENT_WINDOW (window)))
                               : NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  GString *text;

  if (pdf == NULL)
    return NULL;
  doc = poppler_document_new_from_bytes (pdf, NULL, &error);
  g_assert_no_error (error);
  text = g_string_new (NULL);
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, i);
      g_autofree char *t = poppler_page_get_text (page);

      g_string_append (text, t);
    }
  return g_string_free (text, FALSE);
}

/* The saved plan goes out as a letter in Aino's language (Finnish, or
 * Swedish in the second run, whatever the UI's), kept with her documents,
 * the goal and the actions in it, signed by the worker who sends it and
 * naming her responsible worker (SHL 42 §), both titled in her language,
 * and with the map as the plan's version keeps it: an entry added to the
 * network after the plan was made is not on it, one removed since is.
 * Version 2 was made by a review on the unit's scale of four steps then,
 * which the unit has changed since: the letter prints the review's
 * ratings in that review's words, read with the version in one logged
 * read. */
static void
test_letter (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(KhClientPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *sql = NULL;
  gboolean sv;
  GtkWindow *dialog;

  g_autoptr(KhClientPlan) next = NULL;
  g_autoptr(KhClientPlan) second = NULL;
  g_autoptr(KhPlanScale) scale = NULL;
  g_autoptr(GPtrArray) evaluations = g_ptr_array_new_with_free_func ((GDestroyNotify) kh_plan_evaluation_free);
  g_autofree char *review = NULL;
  g_autofree char *reads_sql = NULL;
  g_autofree char *flat = NULL;
  char *section;
  const char *goals;
  gint64 reads;
  static const char *const later_scale[] = {
    "Heikko", "Kohtalainen", "Hyvä", "Erinomainen", "Svag", "Måttlig", " God", "Utmärkt", NULL,
  };
  static const char *const finnish[] = {
    "Arvio", "arvio", "asteikko", "Tavoitteet", "tekijät", "Palvelut", "Suurelta", "Kokonaan", "Osittain",
    "lainkaan", "kanssasi", NULL,
  };
  g_autoptr(KhResponsibleWorker) naming = NULL;
  g_autoptr(KhNetworkMember) neighbour = kh_network_member_new (KH_NETWORK_PERSON);
  g_autoptr(KhNetworkMember) added = NULL;
  g_autoptr(KhNetworkMember) removed = NULL;
  g_autoptr(GPtrArray) network = NULL;

  naming = kh_db_name_responsible_worker (f->desk, f->me, f->client_id, f->me->id, NULL, &error);
  g_assert_no_error (error);
  plan = kh_test_ui_make_plan (f->desk, f->me, f->client_id, f->case_id, 0, 90, 14);
  /* The review, on the unit's four steps of then: the goal, a factor and
   * a service rated; no method. */
  set_unit_setting (f, "plan_scale", "Ei lainkaan|Inte alls\nOsittain|Delvis\nSuurelta osin|Till stor del\n"
                                     "Kokonaan|Helt och hållet");
  scale = kh_plan_scale_parse ("Ei lainkaan|Inte alls\nOsittain|Delvis\nSuurelta osin|Till stor del\n"
                               "Kokonaan|Helt och hållet", &error);
  g_assert_no_error (error);
  next = kh_client_plan_copy (plan);
  g_ptr_array_add (next->factors, kh_plan_factor_new (KH_FACTOR_HELPS, "Äidin tuki"));
  g_ptr_array_add (evaluations, kh_plan_evaluation_new (KH_EVALUATED_GOAL, GOAL0_ID (plan), NULL, 3,
                                                        "Kaksi vuokraa maksettu."));
  g_ptr_array_add (evaluations, kh_plan_evaluation_new (KH_EVALUATED_FACTOR, 0, "Äidin tuki", 4, NULL));
  g_ptr_array_add (evaluations, kh_plan_evaluation_new (KH_EVALUATED_SERVICE, 0, "Tuettu asuminen", 2,
                                                        "Tukiasunto haettu."));
  second = kh_db_review_client_plan (f->desk, f->me, plan, evaluations, scale, next, &error);
  g_assert_no_error (error);
  g_assert_cmpint (second->version, ==, 2);
  /* The unit's scale since: four other steps. */
  set_unit_setting (f, "plan_scale", "Heikko|Svag\nKohtalainen|Måttlig\nHyvä|God\nErinomainen|Utmärkt");
  /* After the plan: a neighbour comes, the housing advice goes. */
  neighbour->client_id = f->client_id;
  neighbour->name = g_strdup ("Pertti Naapuri");
  neighbour->relation = KH_RELATION_NEIGHBOUR;
  neighbour->sector = KH_SECTOR_FRIENDS;
  neighbour->distance = KH_DISTANCE_MIDDLE;
  neighbour->tie = KH_TIE_ORDINARY;
  added = kh_db_add_network_member (f->desk, f->me, neighbour, &error);
  g_assert_no_error (error);
  network = kh_db_list_network (f->desk, f->me, f->client_id, FALSE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < network->len; i++)
    if (((KhNetworkMember *) g_ptr_array_index (network, i))->id == f->housing)
      removed = kh_db_remove_network_member (f->desk, f->me, g_ptr_array_index (network, i), &error);
  g_assert_no_error (error);
  g_assert_nonnull (removed);

  open_window (f);
  g_assert_cmpint (kh_plan_window_get_stored (f->window)->version, ==, 2);
  WAIT_UNTIL (review_shows (f, "", &review));
  reads_sql = g_strdup_printf ("SELECT count (*) FROM access_log WHERE client_id = %" G_GINT64_FORMAT
                               " AND what = %d", f->client_id, KH_ACCESS_CLIENT_PLAN);
  reads = kh_test_ui_count (&f->ui, reads_sql);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "plan.letter", NULL);
  WAIT_UNTIL ((dialog = kh_test_ui_find_window (ADW_TYPE_MESSAGE_DIALOG)) != NULL);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "send");
  WAIT_UNTIL (kh_test_ui_find_window (KH_TYPE_DOCUMENT_WINDOW) != NULL
              && kh_document_view_get_pdf (kh_document_window_get_view (
                   KH_DOCUMENT_WINDOW (kh_test_ui_find_window (KH_TYPE_DOCUMENT_WINDOW)))) != NULL);
  sv = GPOINTER_TO_INT (data) != 0;
  sql = g_strdup_printf ("SELECT count (*) FROM documents WHERE kind = 6 AND language = '%s'", sv ? "sv" : "fi");
  g_assert_cmpint (kh_test_ui_count (&f->ui, sql), ==, 1);
  text = dup_letter_text ();
  g_test_message ("%s", text);
  if (g_getenv ("KH_TEST_SCREENSHOTS") != NULL)
    {
      GBytes *pdf = kh_document_view_get_pdf (kh_document_window_get_view (
                      KH_DOCUMENT_WINDOW (kh_test_ui_find_window (KH_TYPE_DOCUMENT_WINDOW))));
      g_autofree char *name = g_strdup_printf ("plan-letter-%s.pdf", sv ? "sv" : "fi");
      g_autofree char *path = g_build_filename (g_getenv ("KH_TEST_SCREENSHOTS"), name, NULL);

      g_assert_true (g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL));
    }
  /* The client's language, whatever the UI's. */
  g_assert_nonnull (strstr (text, sv ? "Klientplan" : "Asiakassuunnitelma"));
  g_assert_nonnull (strstr (text, "Vuokrat maksetaan ajallaan"));
  g_assert_nonnull (strstr (text, "Soitan vuokranantajalle"));
  g_assert_nonnull (strstr (text, "Kela"));
  /* The worker who sends it, and the named responsible worker. */
  g_assert_nonnull (strstr (text, sv ? "Din handläggare" : "Työntekijäsi"));
  g_assert_nonnull (strstr (text, sv ? "Din egen kontaktperson" : "Omatyöntekijäsi"));
  g_assert_nonnull (strstr (text, sv ? "Sari Sosiaalityöntekijä, socialarbetare"
                                     : "Sari Sosiaalityöntekijä, sosiaalityöntekijä"));
  /* The version's map. */
  g_assert_nonnull (strstr (text, "Asumisneuvonta"));
  g_assert_null (strstr (text, "Pertti Naapuri"));
  /* The review that made the version, on its own scale in her language,
   * with its comments; no method was evaluated. (Where each rating
   * stands is test-letters' to check: poppler's text here runs a
   * table's columns apart.) The plan and its review were one read. */
  flat = flatten (text);
  section = strstr (flat, sv ? "Utvärdering av planen" : "Suunnitelman arviointi");
  g_assert_nonnull (section);
  /* It ends where the plan begins. */
  g_assert_nonnull (strstr (section, sv ? "Ditt behov av stöd" : "Tuen tarpeesi"));
  *strstr (section, sv ? "Ditt behov av stöd" : "Tuen tarpeesi") = '\0';
  g_test_message ("%s", section);
  g_assert_nonnull (strstr (section, sv ? "Skalan i utvärderingen, från den lägsta till den högsta: Inte alls – "
                                          "Delvis – Till stor del – Helt och hållet."
                                        : "Arvioinnissa käytetty asteikko alimmasta ylimpään: Ei lainkaan – "
                                          "Osittain – Suurelta osin – Kokonaan."));
  goals = strstr (section, sv ? "Mål Vuokrat maksetaan ajallaan" : "Tavoitteet Vuokrat maksetaan ajallaan");
  g_assert_nonnull (goals);
  g_assert_nonnull (strstr (goals, sv ? "Till stor del Kaksi vuokraa maksettu."
                                      : "Suurelta osin Kaksi vuokraa maksettu."));
  g_assert_nonnull (strstr (goals, sv ? "Främjande och hindrande faktorer Äidin tuki Helt och hållet"
                                      : "Edistävät ja estävät tekijät Äidin tuki Kokonaan"));
  g_assert_nonnull (strstr (goals, sv ? "Tjänster Tuettu asuminen" : "Palvelut Tuettu asuminen"));
  g_assert_nonnull (strstr (goals, sv ? "Delvis Tukiasunto haettu." : "Osittain Tukiasunto haettu."));
  g_assert_null (strstr (section, sv ? "Arbetsmetoder" : "Työmenetelmät"));
  /* Not the unit's scale of today; in Swedish, no Finnish text of the
   * letter's own. */
  for (const char * const *word = later_scale; *word != NULL; word++)
    g_assert_null (strstr (section, *word));
  for (const char * const *word = finnish; sv && *word != NULL; word++)
    g_assert_null (strstr (section, *word));
  g_assert_cmpint (kh_test_ui_count (&f->ui, reads_sql), ==, reads + 1);
  gtk_window_destroy (kh_test_ui_find_window (KH_TYPE_DOCUMENT_WINDOW));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  if (g_getenv ("KOHTAAMO_LOCALEDIR") != NULL)
    {
      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("KOHTAAMO_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }

  g_test_add ("/ui/plan-window/make-and-review", Fixture, NULL, fixture_set_up, test_make_and_review,
              fixture_tear_down);
  g_test_add ("/ui/plan-window/store-error-keeps-form", Fixture, NULL, fixture_set_up,
              test_store_error_keeps_form, fixture_tear_down);
  g_test_add ("/ui/plan-window/avain-review", Fixture, NULL, fixture_set_up, test_avain_review,
              fixture_tear_down);
  g_test_add ("/ui/plan-window/letter", Fixture, NULL, fixture_set_up, test_letter, fixture_tear_down);
  g_test_add ("/ui/plan-window/letter-sv", Fixture, GINT_TO_POINTER (1), fixture_set_up, test_letter,
              fixture_tear_down);

  return g_test_run ();
}
