/* test-assessment-window.c — the assessment started from a case, left,
 * resumed, finished and versioned, in real windows; and a draft that
 * survives a killed application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 7, 3 and "How we will know": a social worker opens a person's
 * page, starts the assessment from the case, fills in steps, closes the
 * window in the middle (before the typing pause has saved anything),
 * opens it again and finds the same content at the same step; finishes
 * it; makes a new version with a reason. A counsellor's finishing of a
 * special-support assessment is refused by the store and the refusal is
 * shown on the review step. The killed-application test runs the wizard
 * in a child process of this program, kills it with SIGKILL while it
 * types and saves, and reopens the database: the draft is there as the
 * last save left it, never half of one. Runs on SQLite and, in the ui-pg
 * suite, on PostgreSQL.
 */
#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include <locale.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "core/kh-enums.h"
#include "store/kh-db.h"
#include "ui/assessment/kh-assessment-fields.h"
#include "ui/assessment/kh-assessment-wizard-private.h"
#include "ui/assessment/kh-assessment-window.h"
#include "ui/assessment/kh-self-assessment.h"
#include "ui/clients/kh-person-page.h"
#include "ui/common/kh-window-surface.h"

#include "ui/documents/kh-document-window.h"
#include "ui/documents/kh-poppler.h"
#include "kh-test-ui.h"
#include "../store/pg-test-util.h"

typedef struct {
  char      *dir;
  char      *admin_location;   /* the administrator's (SQLite: the file) */
  char      *location;         /* where the worker's store connects */
  char      *pg_dbname;
  gpointer   pg_turn;
  KhStore   *store;            /* as the worker */
  GtkWidget *window;           /* the person's page */
  GtkWidget *page;
  gint64     case_id;
  gint64     client_id;
} Fixture;

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

/* The worker's account: the OS account on SQLite (the store logs in as it),
 * a login of its own on the server. */
static const char *
worker_account (void)
{
  return pg_test_engine () ? "sw" : g_get_user_name ();
}

static KhDb *
open_as (Fixture    *f,
         const char *account)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *conninfo = NULL;
  KhDb *db;

  if (f->pg_dbname == NULL)
    db = kh_db_open (f->admin_location, &error);
  else
    {
      conninfo = pg_test_conninfo (f->pg_dbname, account);
      db = kh_db_open (conninfo, &error);
    }
  g_assert_no_error (error);
  return db;
}

/* A unit with an administrator, a receptionist, the worker (role `role`)
 * and one person with a case that reception opened. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  KhRole role = GPOINTER_TO_INT (data) != 0 ? GPOINTER_TO_INT (data) : KH_ROLE_SOCIAL_WORKER;
  g_autoptr(GError) error = NULL;
  g_autoptr(KhDb) db = NULL;
  g_autoptr(KhUser) admin = NULL;
  g_autoptr(KhUser) rec = NULL;
  g_autoptr(KhUser) worker = NULL;
  KhUser *opened = NULL;

  f->dir = g_dir_make_tmp ("kohtaamo-test-XXXXXX", &error);
  g_assert_no_error (error);
  if (pg_test_engine ())
    {
      f->pg_dbname = pg_test_create_database ();
      f->pg_turn = pg_test_take_turn ();
      f->admin_location = pg_test_conninfo (f->pg_dbname, PG_TEST_ADMIN);
      pg_test_create_login ("rec");
      pg_test_create_login ("sw");
      db = kh_db_open (f->admin_location, &error);
      g_assert_no_error (error);
      admin = kh_db_login (db, PG_TEST_ADMIN, "Testi Testaaja", &error);
      g_assert_no_error (error);
    }
  else
    {
      f->admin_location = g_build_filename (f->dir, "kohtaamo.db", NULL);
      db = kh_db_open (f->admin_location, &error);
      g_assert_no_error (error);
      admin = kh_db_save_user (db, NULL, "kohtaamo-test-admin", "Ilona Lindqvist", KH_ROLE_ADMIN, TRUE, &error);
      g_assert_no_error (error);
    }
  rec = kh_db_save_user (db, admin, "rec", "Riikka Vastaanotto", KH_ROLE_RECEPTION, TRUE, &error);
  g_assert_no_error (error);
  worker = kh_db_save_user (db, admin, worker_account (), "Sari Sosiaalityöntekijä", role, TRUE, &error);
  g_assert_no_error (error);

  {
    g_autoptr(KhDb) rec_db = f->pg_dbname != NULL ? open_as (f, "rec") : NULL;
    g_autoptr(KhContact) contact = kh_contact_new ();
    g_autoptr(KhClient) client = kh_client_new ();
    g_autoptr(KhIntakeResult) result = NULL;
    KhIntake intake = { contact, client, FALSE, 0, 0 };

    client->last_name = g_strdup ("Korhonen");
    client->first_names = g_strdup ("Aino");
    client->language = KH_LANGUAGE_FI;
    client->identity_kind = KH_IDENTITY_BIRTH_DATE;
    client->no_code_reason = KH_NO_CODE_NOT_KNOWN;
    client->birth_date = g_strdup ("1980-05-14");
    client->address = g_strdup ("Kauppakatu 12 B 7");
    client->postal_code = g_strdup ("65100");
    client->city = g_strdup ("Vaasa");
    contact->channel = KH_CHANNEL_WALK_IN;
    contact->contactor = KH_CONTACTOR_SELF;
    contact->language = KH_LANGUAGE_FI;
    contact->urgency = KH_URGENCY_NOT_URGENT;
    contact->outcome = KH_OUTCOME_CASE_OPENED;
    contact->needs = KH_NEED_FINANCIAL;
    contact->received_at = g_date_time_new_now_local ();
    contact->reason_text = g_strdup ("Vuokra maksamatta");
    result = kh_db_save_intake (rec_db != NULL ? rec_db : db, rec, &intake, &error);
    g_assert_no_error (error);
    f->case_id = result->case_id;
    f->client_id = result->client_id;
    g_assert_cmpint (f->case_id, >, 0);
  }

  f->location = f->pg_dbname != NULL ? pg_test_conninfo (f->pg_dbname, "sw") : g_strdup (f->admin_location);
  f->store = kh_store_new (f->location);
  kh_store_open_async (f->store, NULL, store_opened_cb, &opened);
  WAIT_UNTIL (opened != NULL);
  g_assert_cmpint (opened->role, ==, role);
  g_object_unref (opened);

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 900, 800);
  f->page = kh_person_page_new (f->store);
  gtk_window_set_child (GTK_WINDOW (f->window), f->page);
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *window = f->window;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (f->window));
  WAIT_UNTIL (window == NULL);
  g_object_add_weak_pointer (G_OBJECT (f->store), (gpointer *) &f->store);
  g_object_unref (f->store);
  WAIT_UNTIL (f->store == NULL);
  if (f->pg_dbname == NULL)
    {
      g_autofree char *wal = g_strconcat (f->admin_location, "-wal", NULL);
      g_autofree char *shm = g_strconcat (f->admin_location, "-shm", NULL);

      g_remove (wal);
      g_remove (shm);
      g_remove (f->admin_location);
    }
  else
    {
      pg_test_drop_database (f->pg_dbname);
      g_clear_pointer (&f->pg_turn, PQfinish);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->admin_location);
  g_free (f->location);
  g_free (f->pg_dbname);
}

/* ---- finding things on screen ---- */

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0
          && gtk_widget_get_mapped (child))
        return child;
      if ((found = find_button (child, label)) != NULL)
        return found;
    }
  return NULL;
}

static KhAssessmentWindow *
find_assessment_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (KH_IS_ASSESSMENT_WINDOW (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return KH_ASSESSMENT_WINDOW (window);
    }
  return NULL;
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* The person's page, and on it the case's button with `label`, clicked:
 * the assessment's window, loaded. */
static KhAssessmentWindow *
open_from_case (Fixture    *f,
                const char *label)
{
  GtkWidget *button = NULL;
  KhAssessmentWindow *window;

  kh_person_page_load (KH_PERSON_PAGE (f->page), f->client_id);
  WAIT_UNTIL ((button = find_button (f->page, label)) != NULL);
  g_signal_emit_by_name (button, "clicked");
  WAIT_UNTIL ((window = find_assessment_window ()) != NULL);
  WAIT_UNTIL (kh_assessment_window_get_loaded (window));
  g_assert_null (kh_assessment_window_get_message (window));
  return window;
}

static void
type_note (GtkTextView *view,
           const char  *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);

  gtk_widget_grab_focus (GTK_WIDGET (view));
  /* As typed: at the cursor, a character at a time. */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    gtk_text_buffer_insert_interactive_at_cursor (buffer, p, g_utf8_next_char (p) - p, TRUE);
}

static void
close_and_wait (KhAssessmentWindow *window)
{
  gpointer weak = window;

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_close (GTK_WINDOW (window));
  WAIT_UNTIL (weak == NULL);
}

/* What the store has now, read as the worker. */
static KhAssessment *
stored (Fixture *f)
{
  g_autoptr(KhDb) db = open_as (f, worker_account ());
  g_autoptr(KhUser) user = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GError) error = NULL;

  user = kh_db_login (db, worker_account (), NULL, &error);
  g_assert_no_error (error);
  versions = kh_db_list_assessments (db, user, f->case_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, >, 0);
  return kh_assessment_copy (g_ptr_array_index (versions, versions->len - 1));
}

static void
choose (AdwComboRow *row,
        int          value)
{
  kh_choice_row_set (row, value);
  g_assert_cmpint (kh_choice_row_get (row), ==, value);
}

/* Everything 37 § asks for, through the widgets. */
static void
fill_everything (KhAssessmentWizard *w)
{
  kh_assessment_wizard_set_step (w, KH_ASSESSMENT_STEP_START);
  choose (w->present_row, KH_ANSWER_YES);
  choose (w->rights_row, KH_ANSWER_YES);
  choose (w->options_row, KH_ANSWER_YES);
  choose (w->understood_row, KH_ANSWER_YES);
  choose (w->children_row, KH_ANSWER_NO);
  kh_assessment_wizard_set_step (w, KH_ASSESSMENT_STEP_CLIENT_VIEW);
  type_note (w->client_view, "Haluan asunnon pitää.");
  kh_assessment_wizard_set_step (w, KH_ASSESSMENT_STEP_LIFE_AREAS);
  type_note (g_ptr_array_index (w->area_situation, 0), "Työtön vuodesta 2024.");
  choose (g_ptr_array_index (w->area_rating_rows, 0), 2);
  kh_assessment_wizard_set_step (w, KH_ASSESSMENT_STEP_SPECIAL_SUPPORT);
  choose (w->support_row, KH_ANSWER_YES);
  choose (w->duration_row, KH_NEED_DURATION_TEMPORARY);
  choose (w->special_row, KH_ANSWER_NO);
  type_note (w->special_reasons, "Selviää tuen avulla itse.");
  kh_assessment_wizard_set_step (w, KH_ASSESSMENT_STEP_CONCLUSIONS);
  type_note (w->summary, "Vuokrarästit, ei työtä.");
  type_note (w->conclusions, "Asiakkuuden edellytykset täyttyvät.");
  for (guint i = 0; i < w->service_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (w->service_checks, i);

      if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (check), "kh-value")) == KH_SHL_SERVICE_SOCIAL_GUIDANCE)
        gtk_check_button_set_active (check, TRUE);
    }
  choose (w->client_on_worker_row, KH_RESPONSIBLE_WORKER_NEEDED);
  choose (w->worker_on_worker_row, KH_RESPONSIBLE_WORKER_NEEDED);
  choose (w->next_step_row, KH_NEXT_STEP_CLIENT_PLAN);
}

/* ---- the tests ---- */

/* Started from the case, left in the middle, resumed where it was. */
static void
test_start_close_resume (Fixture       *f,
                         gconstpointer  data)
{
  KhAssessmentWindow *window = open_from_case (f, "Start Assessment");
  KhAssessmentWizard *w = kh_assessment_window_get_wizard (window);
  g_autoptr(KhAssessment) after = NULL;
  g_autoptr(GdkSurface) surface = NULL;
  gpointer freed = window;

  g_assert_cmpint (kh_assessment_window_get_case_id (window), ==, f->case_id);
  g_assert_cmpint (kh_assessment_wizard_get_step (w), ==, KH_ASSESSMENT_STEP_START);
  choose (w->present_row, KH_ANSWER_YES);
  gtk_widget_activate_action (GTK_WIDGET (w), "wizard.next", NULL);
  /* A step change saves at once, with the step. */
  WAIT_UNTIL (!kh_assessment_window_get_unsaved (window));
  {
    g_autoptr(KhAssessment) now = stored (f);

    g_assert_cmpint (now->current_step, ==, KH_ASSESSMENT_STEP_CLIENT_VIEW);
    g_assert_cmpint (now->client_present, ==, KH_ANSWER_YES);
  }
  gtk_widget_activate_action (GTK_WIDGET (w), "wizard.next", NULL);
  g_assert_cmpint (kh_assessment_wizard_get_step (w), ==, KH_ASSESSMENT_STEP_LIFE_AREAS);
  type_note (g_ptr_array_index (w->area_situation, 1), "Ammattikoulu kesken.");
  /* Closed before the pause has saved it: closing saves. */
  g_assert_true (kh_assessment_window_get_unsaved (window));
  /* Hidden, saved, destroyed when the save is done. Its surface outlives
   * it (GDK's X11 backend keeps a destroyed surface until the server
   * confirms, and still runs a layout the hiding asked for: after the
   * window is freed when that and the save's answer come in one turn of
   * the main loop). Held here as the backend holds it: once the window is
   * gone, nothing on the surface may still call it (GTK 4.8 leaves its
   * compute-size handler there). The address is only compared. */
  surface = g_object_ref (gtk_native_get_surface (GTK_NATIVE (window)));
  close_and_wait (window);
  g_assert_true (gdk_surface_is_destroyed (surface));
  g_assert_cmpuint (g_signal_handler_find (surface, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, freed), ==, 0);

  after = stored (f);
  g_assert_cmpint (after->status, ==, KH_ASSESSMENT_DRAFT);
  g_assert_cmpint (after->current_step, ==, KH_ASSESSMENT_STEP_LIFE_AREAS);
  g_assert_cmpstr (((KhAreaAssessment *) g_ptr_array_index (after->areas, 1))->situation, ==,
                   "Ammattikoulu kesken.");

  /* The case's button says so now, and opens it where it was left. */
  window = open_from_case (f, "Continue Assessment");
  w = kh_assessment_window_get_wizard (window);
  g_assert_cmpint (kh_assessment_wizard_get_step (w), ==, KH_ASSESSMENT_STEP_LIFE_AREAS);
  {
    g_autofree char *text = kh_note_field_dup_text (g_ptr_array_index (w->area_situation, 1));

    g_assert_cmpstr (text, ==, "Ammattikoulu kesken.");
  }
  g_assert_cmpint (kh_choice_row_get (w->present_row), ==, KH_ANSWER_YES);
  /* Presenting the same case again gives the same window. */
  g_assert_true (kh_assessment_window_present (GTK_WINDOW (f->window), f->store, f->case_id)
                 == GTK_WINDOW (window));
  close_and_wait (window);
}

/* Typing pauses save the draft without closing. */
static void
test_pause_saves (Fixture       *f,
                  gconstpointer  data)
{
  KhAssessmentWindow *window = open_from_case (f, "Start Assessment");
  KhAssessmentWizard *w = kh_assessment_window_get_wizard (window);
  g_autoptr(KhAssessment) after = NULL;

  kh_assessment_wizard_set_step (w, KH_ASSESSMENT_STEP_CLIENT_VIEW);
  WAIT_UNTIL (!kh_assessment_window_get_unsaved (window));
  type_note (w->client_view, "Haluan töihin.");
  g_assert_true (kh_assessment_window_get_unsaved (window));
  WAIT_UNTIL (!kh_assessment_window_get_unsaved (window));
  after = stored (f);
  g_assert_cmpstr (after->client_view, ==, "Haluan töihin.");
  g_assert_true (window == find_assessment_window ());
  close_and_wait (window);
}

/* Finished from the review; then read-only, and a new version with a reason. */
static void
test_finish_and_new_version (Fixture       *f,
                             gconstpointer  data)
{
  KhAssessmentWindow *window = open_from_case (f, "Start Assessment");
  KhAssessmentWizard *w = kh_assessment_window_get_wizard (window);
  g_autoptr(KhAssessment) finished = NULL;
  g_autoptr(KhAssessment) next = NULL;
  AdwMessageDialog *dialog;
  GtkEditable *reason;

  fill_everything (w);
  kh_assessment_wizard_set_step (w, KH_ASSESSMENT_STEP_REVIEW);
  g_assert_true (kh_assessment_wizard_get_check (w)->can_finish);
  gtk_widget_activate_action (GTK_WIDGET (w), "wizard.finish", NULL);
  WAIT_UNTIL (kh_assessment_wizard_get_assessment (w)->status == KH_ASSESSMENT_FINISHED);
  g_assert_null (kh_assessment_window_get_message (window));
  finished = stored (f);
  g_assert_cmpint (finished->status, ==, KH_ASSESSMENT_FINISHED);
  g_assert_cmpstr (finished->summary, ==, "Vuokrarästit, ei työtä.");
  /* Read-only: nothing to finish, the steps cannot be edited. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (w->finish_button)));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (w->summary)));

  /* The summary to the client (SHL 37 §; issue 8, 3): issued in Finnish,
   * the client's language, into the record, and opened to print. */
  gtk_widget_activate_action (GTK_WIDGET (window), "assessment.summary-letter", NULL);
  WAIT_UNTIL ((dialog = find_dialog ()) != NULL);
  adw_message_dialog_response (dialog, "send");
  WAIT_UNTIL (kh_test_ui_find_window (KH_TYPE_DOCUMENT_WINDOW) != NULL);
  {
    g_autoptr(KhDb) db = open_as (f, worker_account ());
    g_autoptr(GError) error = NULL;
    g_autoptr(KhUser) user = kh_db_login (db, worker_account (), NULL, &error);
    g_autoptr(GPtrArray) entries = kh_db_list_client_timeline (db, user, f->client_id, 0, &error);
    g_autoptr(KhIssuedDocument) issued = NULL;
    g_autoptr(PopplerDocument) pdf = NULL;
    g_autoptr(GString) text = g_string_new (NULL);
    KhTimelineEntry *summary = NULL;

    g_assert_no_error (error);
    for (guint i = 0; i < entries->len; i++)
      {
        KhTimelineEntry *e = g_ptr_array_index (entries, i);

        if (e->kind == KH_TIMELINE_DOCUMENT && e->n1 == KH_DOCUMENT_ASSESSMENT_SUMMARY)
          summary = e;
      }
    g_assert_nonnull (summary);
    g_assert_cmpstr (summary->language, ==, "fi");
    g_assert_cmpint (summary->case_id, ==, f->case_id);
    issued = kh_db_get_document_pdf (db, user, summary->id, &error);
    g_assert_no_error (error);
    pdf = kh_poppler_open (issued->pdf, &error);
    g_assert_no_error (error);
    for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
      {
        g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, i);
        g_autofree char *page_text = poppler_page_get_text (page);

        g_string_append (text, page_text);
      }
    g_assert_nonnull (strstr (text->str, "Yhteenveto palvelutarpeen arvioinnista"));
    g_assert_nonnull (strstr (text->str, "Aino Korhonen"));
    g_assert_nonnull (strstr (text->str, "Kauppakatu 12 B 7"));
    /* Signed by the worker who sends it, titled in the client's language. */
    g_assert_nonnull (strstr (text->str, "Työntekijäsi"));
    g_assert_nonnull (strstr (text->str, "Sari Sosiaalityöntekijä"));
  }
  gtk_window_destroy (kh_test_ui_find_window (KH_TYPE_DOCUMENT_WINDOW));
  close_and_wait (window);

  window = open_from_case (f, "Open Assessment");
  w = kh_assessment_window_get_wizard (window);
  g_assert_cmpint (kh_assessment_wizard_get_assessment (w)->status, ==, KH_ASSESSMENT_FINISHED);
  g_assert_cmpint (kh_assessment_wizard_get_step (w), ==, KH_ASSESSMENT_STEP_REVIEW);

  gtk_widget_activate_action (GTK_WIDGET (window), "assessment.new-version", NULL);
  WAIT_UNTIL ((dialog = find_dialog ()) != NULL);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "make"));
  reason = g_object_get_data (G_OBJECT (dialog), "kh-reason");
  gtk_editable_set_text (reason, "Asiakas sai työpaikan.");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "make"));
  /* Enter in the reason makes the version and closes the dialog, as its
   * button does: nothing is left to make a second one with. */
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_signal_emit_by_name (reason, "activate");
  WAIT_UNTIL (dialog == NULL);
  WAIT_UNTIL (kh_assessment_wizard_get_assessment (w)->version == 2);
  g_assert_cmpint (kh_assessment_wizard_get_assessment (w)->status, ==, KH_ASSESSMENT_DRAFT);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (w->summary)));
  next = stored (f);
  g_assert_cmpint (next->version, ==, 2);
  g_assert_cmpint (next->previous_id, ==, finished->id);
  g_assert_cmpstr (next->change_reason, ==, "Asiakas sai työpaikan.");
  g_assert_cmpstr (next->summary, ==, "Vuokrarästit, ei työtä.");
  close_and_wait (window);
}

/* A counsellor cannot finish a special-support assessment (42 §, 46 §):
 * the store says no, and the window says it on the review step, keeping
 * the draft. */
static void
test_refusal_shown (Fixture       *f,
                    gconstpointer  data)
{
  KhAssessmentWindow *window = open_from_case (f, "Start Assessment");
  KhAssessmentWizard *w = kh_assessment_window_get_wizard (window);
  g_autoptr(KhAssessment) after = NULL;

  fill_everything (w);
  kh_assessment_wizard_set_step (w, KH_ASSESSMENT_STEP_SPECIAL_SUPPORT);
  choose (w->special_row, KH_ANSWER_YES);
  kh_assessment_wizard_set_step (w, KH_ASSESSMENT_STEP_REVIEW);
  g_assert_true (kh_assessment_wizard_get_check (w)->can_finish);
  gtk_widget_activate_action (GTK_WIDGET (w), "wizard.finish", NULL);
  WAIT_UNTIL (kh_assessment_window_get_message (window) != NULL);
  g_assert_nonnull (strstr (kh_assessment_window_get_message (window), "42"));
  g_assert_cmpint (kh_assessment_wizard_get_step (w), ==, KH_ASSESSMENT_STEP_REVIEW);
  g_assert_cmpint (kh_assessment_wizard_get_assessment (w)->status, ==, KH_ASSESSMENT_DRAFT);
  WAIT_UNTIL (!kh_assessment_window_get_unsaved (window));
  after = stored (f);
  g_assert_cmpint (after->status, ==, KH_ASSESSMENT_DRAFT);
  g_assert_cmpint (after->special_support, ==, KH_ANSWER_YES);
  close_and_wait (window);
}

static gboolean
has_css_class (GtkWidget  *root,
               const char *css)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_has_css_class (child, css) || has_css_class (child, css))
      return TRUE;
  return FALSE;
}

/* Reception sees the person's cases, and no assessment button on them. */
static void
test_reception_has_no_button (Fixture       *f,
                              gconstpointer  data)
{
  kh_person_page_load (KH_PERSON_PAGE (f->page), f->client_id);
  WAIT_UNTIL (has_css_class (f->page, "kh-case-row"));
  g_assert_false (has_css_class (f->page, "kh-assessment-button"));
  g_assert_false (kh_assessment_window_may_open (f->store));
}

/* ---- killed while saving ---- */

#define WORDS_BEFORE_KILL 12

static int child_out = -1;

static void
child_saved_cb (KhAssessmentWindow *window,
                const KhAssessment *saved,
                gpointer            user_data)
{
  const KhAreaAssessment *area = g_ptr_array_index (saved->areas, 0);
  g_auto(GStrv) words = area->situation != NULL ? g_strsplit (area->situation, " ", -1) : NULL;
  guint n = words != NULL ? g_strv_length (words) : 0;

  if (write (child_out, &n, sizeof n) != sizeof n)
    _exit (4);
}

/* The child: the worker's store and the assessment's window, typing word
 * after word ("w1 w2 …") into the first area, pausing now and then so
 * that the pause saves, and telling the parent each saved count. Never
 * returns; the parent kills it. */
static void G_GNUC_NORETURN
run_child (const char *location,
           gint64      case_id,
           int         out)
{
  g_autoptr(KhStore) store = kh_store_new (location);
  KhUser *opened = NULL;
  KhAssessmentWindow *window;
  KhAssessmentWizard *w;
  GtkTextView *view;

  child_out = out;
  kh_store_open_async (store, NULL, store_opened_cb, &opened);
  WAIT_UNTIL (opened != NULL);
  window = KH_ASSESSMENT_WINDOW (kh_assessment_window_present (NULL, store, case_id));
  WAIT_UNTIL (kh_assessment_window_get_loaded (window));
  g_signal_connect (window, "saved", G_CALLBACK (child_saved_cb), NULL);
  w = kh_assessment_window_get_wizard (window);
  kh_assessment_wizard_set_step (w, KH_ASSESSMENT_STEP_LIFE_AREAS);
  view = g_ptr_array_index (w->area_situation, 0);
  for (guint n = 1; ; n++)
    {
      g_autofree char *word = g_strdup_printf ("%sw%u", n > 1 ? " " : "", n);
      gboolean next = FALSE;

      type_note (view, word);
      /* A pause after every third word (longer than the save delay),
       * otherwise a quick typist's 60 ms. */
      g_timeout_add (n % 3 == 0 ? KH_ASSESSMENT_SAVE_DELAY_MS + 150 : 60, kh_test_ui_timed_out_cb, &next);
      while (!next)
        g_main_context_iteration (NULL, TRUE);
    }
}

static void
test_killed_while_saving (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(KhAssessment) after = NULL;
  g_autofree char *program = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *case_arg = g_strdup_printf ("%" G_GINT64_FORMAT, f->case_id);
  g_autoptr(GError) error = NULL;
  const char *argv[] = { program, "--kill-child", f->location, case_arg, NULL };
  GPid pid;
  int out = -1, status;
  guint saved = 0, n = 0, words;
  const char *situation;

  g_assert_nonnull (program);
  /* A process of its own (not a fork of this one, which has a display
   * connection and threads): this very program, run as the child. */
  g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                            &pid, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  while (saved < WORDS_BEFORE_KILL && read (out, &n, sizeof n) == sizeof n)
    saved = n;
  g_assert_cmpuint (saved, >=, WORDS_BEFORE_KILL);
  /* In the middle of typing (and maybe of a save). */
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  while (read (out, &n, sizeof n) == sizeof n)
    saved = MAX (saved, n);
  close (out);
  g_spawn_close_pid (pid);

  after = stored (f);
  situation = ((KhAreaAssessment *) g_ptr_array_index (after->areas, 0))->situation;
  g_assert_nonnull (situation);
  {
    g_auto(GStrv) split = g_strsplit (situation, " ", -1);

    words = g_strv_length (split);
    g_test_message ("reported saved %u words, stored %u", saved, words);
    /* What the last reported save left, or a later one that committed:
     * each word in order, never half a save. */
    g_assert_cmpuint (words, >=, saved);
    for (guint i = 0; i < words; i++)
      {
        g_autofree char *expected = g_strdup_printf ("w%u", i + 1);

        g_assert_cmpstr (split[i], ==, expected);
      }
  }
  g_assert_cmpint (after->current_step, ==, KH_ASSESSMENT_STEP_LIFE_AREAS);
}

/* KH_TEST_SCREENSHOTS=DIR (and KOHTAAMO_LOCALEDIR + LANGUAGE for Finnish
 * or Swedish): every step, the self-assessment and the finished version,
 * 1280 wide, for looking at. Not a test of anything else. */
static void
test_screenshots (Fixture       *f,
                  gconstpointer  data)
{
  const char *language = g_getenv ("LANGUAGE") != NULL ? g_getenv ("LANGUAGE") : "en";
  KhAssessmentWindow *window = open_from_case (f, _("Start Assessment"));
  KhAssessmentWizard *w = kh_assessment_window_get_wizard (window);
  GtkWindow *self_window = NULL;

  kh_assessment_window_set_client_name (window, "Korhonen, Aino");
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 860);
  fill_everything (w);
  choose (w->new_kind_row, KH_PARTICIPANT_RELATIVE);
  gtk_editable_set_text (GTK_EDITABLE (w->new_name_row), "Matti Korhonen");
  gtk_editable_set_text (GTK_EDITABLE (w->new_role_row), "puoliso");
  g_signal_emit_by_name (w->new_role_row, "entry-activated");
  for (KhAssessmentStep step = KH_ASSESSMENT_STEP_START; step < KH_ASSESSMENT_N_STEPS; step++)
    {
      g_autofree char *name = g_strdup_printf ("assessment-%.2s-%d", language, step + 1);

      kh_assessment_wizard_set_step (w, step);
      WAIT_UNTIL (!kh_assessment_window_get_unsaved (window));
      kh_test_ui_screenshot (GTK_WIDGET (window), name);
    }
  gtk_widget_activate_action (GTK_WIDGET (w), "wizard.self-assessment", NULL);
  {
    GListModel *toplevels = gtk_window_get_toplevels ();

    for (guint i = 0; i < g_list_model_get_n_items (toplevels) && self_window == NULL; i++)
      {
        g_autoptr(GObject) t = g_list_model_get_item (toplevels, i);

        if (KH_IS_SELF_ASSESSMENT (t))
          self_window = GTK_WINDOW (t);
      }
  }
  g_assert_nonnull (self_window);
  gtk_window_set_default_size (self_window, 1280, 860);
  gtk_toggle_button_set_active (kh_self_assessment_get_button (KH_SELF_ASSESSMENT (self_window), 0, 2), TRUE);
  gtk_toggle_button_set_active (kh_self_assessment_get_button (KH_SELF_ASSESSMENT (self_window), 1, 4), TRUE);
  {
    g_autofree char *name = g_strdup_printf ("assessment-%.2s-self", language);

    kh_test_ui_screenshot (GTK_WIDGET (self_window), name);
  }
  gtk_window_destroy (self_window);
  kh_assessment_wizard_set_step (w, KH_ASSESSMENT_STEP_REVIEW);
  gtk_widget_activate_action (GTK_WIDGET (w), "wizard.finish", NULL);
  WAIT_UNTIL (kh_assessment_wizard_get_assessment (w)->status == KH_ASSESSMENT_FINISHED);
  {
    g_autofree char *name = g_strdup_printf ("assessment-%.2s-finished", language);

    kh_test_ui_screenshot (GTK_WIDGET (window), name);
  }
  close_and_wait (window);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 4 && g_strcmp0 (argv[1], "--kill-child") == 0)
    {
      g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
      gtk_init ();
      adw_init ();
      run_child (argv[2], g_ascii_strtoll (argv[3], NULL, 10), STDOUT_FILENO);
    }

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* As the application does at start-up (kh_application_startup). */
  kh_window_surface_release_all ();
  if (g_getenv ("KOHTAAMO_LOCALEDIR") != NULL)
    {
      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("KOHTAAMO_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }

#define ADD(path, role, func) \
  g_test_add (path, Fixture, GINT_TO_POINTER (role), fixture_set_up, func, fixture_tear_down)

  ADD ("/ui/assessment-window/start-close-resume", KH_ROLE_SOCIAL_WORKER, test_start_close_resume);
  ADD ("/ui/assessment-window/pause-saves", KH_ROLE_SOCIAL_WORKER, test_pause_saves);
  ADD ("/ui/assessment-window/finish-and-new-version", KH_ROLE_SOCIAL_WORKER, test_finish_and_new_version);
  ADD ("/ui/assessment-window/refusal-shown", KH_ROLE_COUNSELLOR, test_refusal_shown);
  ADD ("/ui/assessment-window/killed-while-saving", KH_ROLE_SOCIAL_WORKER, test_killed_while_saving);
  ADD ("/ui/assessment-window/reception-has-no-button", KH_ROLE_RECEPTION, test_reception_has_no_button);
  if (g_getenv ("KH_TEST_SCREENSHOTS") != NULL)
    ADD ("/ui/assessment-window/screenshots", KH_ROLE_SOCIAL_WORKER, test_screenshots);

  return g_test_run ();
}
