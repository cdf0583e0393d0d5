/* test-contact-attempts.c — recording an attempt to reach a person from
 * their timeline, in a real window (issue 8, 3): with the keyboard (keys
 * through the X server, XTest), the attempt on the timeline at once and in
 * the store as the desk's; a time that is no time refused at its field
 * with what was typed kept; not offered to reception.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <dlfcn.h>
#include <string.h>
#include <locale.h>
#include <glib/gi18n-lib.h>
#include <gdk/x11/gdkx.h>
#include <X11/Xlib.h>
#include <X11/keysym.h>
#include <sqlite3.h>

#include "core/kh-hetu.h"
#include "ui/clients/kh-attempt-dialog.h"
#include "ui/clients/kh-clients-page.h"
#include "ui/clients/kh-person-page.h"
#include "ui/clients/kh-person-timeline.h"
#include "ui/common/kh-line-label.h"
#include "ui/common/kh-field-message.h"
#include "ui/documents/kh-document-window.h"
#include <poppler.h>

#include "kh-shell-test.h"
#include "kh-test-ui.h"

#define WORKER "kohtaamo-test-sw"

typedef int (*FakeKeyFunc) (Display *display, unsigned int keycode, int is_press, unsigned long delay);

typedef struct {
  KhShellFixture  shell;
  gint64          client_id;
  gint64          contact_id;
  KhPersonPage   *page;
  FakeKeyFunc     fake_key;
  Display        *display;
} Fixture;

/* Whether the next start records two attempts that did not reach Aino:
 * a call on 3.3.2025 at 13.15 and a text message on 4.3.2025 at 9.40. */
static gboolean seed_attempts;
/* Whether Aino's address is protected (a non-disclosure marking, ATL 38 §). */
static gboolean seed_protected;

/* The unit (an administrator, Sari the social worker, the running account
 * in `role`) and Aino Mäkinen, whom Kela notified on 3.3.2025 at 9.00 of a
 * need for social work: a case pending, assigned to Sari. */
static void
seed (Fixture *fixture,
      KhRole   role)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhUser) admin = NULL;
  g_autoptr(KhUser) sw = NULL;
  g_autoptr(KhUser) own = NULL;
  g_autoptr(KhDb) db = kh_db_open (fixture->shell.path, &error);
  g_autoptr(KhClient) client = kh_client_new ();
  g_autoptr(KhContact) contact = kh_contact_new ();
  g_autoptr(KhIntakeResult) opened = NULL;
  g_autoptr(GTimeZone) helsinki = g_time_zone_new_identifier ("Europe/Helsinki");
  KhIntake intake = { contact, client, FALSE, 0, 0 };
  GDate birth;

  g_assert_no_error (error);
  admin = kh_db_save_user (db, NULL, "kohtaamo-test-admin", "Ilona Lindqvist", KH_ROLE_ADMIN, TRUE, &error);
  g_assert_no_error (error);
  sw = kh_db_save_user (db, admin, WORKER, "Sari Sosiaalityöntekijä", KH_ROLE_SOCIAL_WORKER, TRUE, &error);
  g_assert_no_error (error);
  own = kh_db_save_user (db, admin, g_get_user_name (), "Outi Ohjaaja", role, TRUE, &error);
  g_assert_no_error (error);

  /* A fictional person: individual number 900–999. */
  g_date_clear (&birth, 1);
  g_date_set_dmy (&birth, 13, G_DATE_OCTOBER, 1952);
  client->identity_kind = KH_IDENTITY_CODE;
  client->identity_code = kh_hetu_make (&birth, 952, 0);
  client->birth_date = g_strdup ("1952-10-13");
  client->last_name = g_strdup ("Mäkinen");
  client->first_names = g_strdup ("Aino Maria");
  client->language = KH_LANGUAGE_FI;
  contact->channel = KH_CHANNEL_KELA;
  contact->contactor = KH_CONTACTOR_AUTHORITY;
  contact->contactor_detail = g_strdup ("Kela");
  contact->kela_kind = KH_KELA_SOCIAL_WORK_NEED;
  contact->language = KH_LANGUAGE_FI;
  contact->outcome = KH_OUTCOME_CASE_OPENED;
  contact->needs = KH_NEED_FINANCIAL;
  contact->urgency = KH_URGENCY_NOT_URGENT;
  contact->reason_text = g_strdup ("Kelan ilmoitus: tarve sosiaalityölle");
  contact->received_at = g_date_time_new (helsinki, 2025, 3, 3, 9, 0, 0);
  client->address = g_strdup ("Koivukuja 3 A 5");
  client->postal_code = g_strdup ("40320");
  client->city = g_strdup ("Jyväskylä");
  client->non_disclosure = seed_protected;
  intake.assign_to = sw->id;
  g_clear_object (&sw);
  sw = kh_db_login (db, WORKER, NULL, &error);
  g_assert_no_error (error);
  opened = kh_db_save_intake (db, sw, &intake, &error);
  g_assert_no_error (error);
  fixture->client_id = opened->client_id;
  fixture->contact_id = opened->contact_id;

  for (guint i = 0; seed_attempts && i < 2; i++)
    {
      g_autoptr(KhContactAttempt) a = kh_contact_attempt_new ();
      g_autoptr(KhContactAttempt) stored = NULL;

      a->client_id = opened->client_id;
      a->contact_id = opened->contact_id;
      a->case_id = opened->case_id;
      /* Finnish time, as the letter prints it whatever the machine's zone. */
      a->attempted_at = i == 0 ? g_date_time_new (helsinki, 2025, 3, 3, 13, 15, 0)
                               : g_date_time_new (helsinki, 2025, 3, 4, 9, 40, 0);
      a->method = i == 0 ? KH_ATTEMPT_PHONE : KH_ATTEMPT_TEXT_MESSAGE;
      a->outcome = i == 0 ? KH_ATTEMPT_NO_ANSWER : KH_ATTEMPT_MESSAGE_LEFT;
      stored = kh_db_record_contact_attempt (db, sw, a, &error);
      g_assert_no_error (error);
    }
}

static gboolean
page_loaded_cb (gpointer data)
{
  Fixture *fixture = data;

  return kh_person_page_get_client (fixture->page) != NULL;
}

static KhPersonTimeline *
get_timeline (Fixture *fixture)
{
  GtkWidget *pane = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (fixture->page), KH_TYPE_PERSON_PAGE,
                                                                 "timeline_pane");
  GtkWidget *child = gtk_widget_get_first_child (pane);

  return child != NULL && KH_IS_PERSON_TIMELINE (child) ? KH_PERSON_TIMELINE (child) : NULL;
}

static gboolean
timeline_loaded_cb (gpointer data)
{
  KhPersonTimeline *timeline = get_timeline (data);

  return timeline != NULL && kh_person_timeline_is_loaded (timeline);
}

static void
start (Fixture *fixture,
       KhRole   role)
{
  GtkWidget *clients;
  AdwViewStack *stack;

  kh_shell_fixture_init (&fixture->shell);
  seed (fixture, role);
  kh_shell_fixture_start (&fixture->shell);
  g_assert_cmpstr (kh_window_get_state (fixture->shell.window), ==, "content");
  clients = kh_shell_fixture_get_view (&fixture->shell, "clients");
  stack = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (fixture->shell.window),
                                                         KH_TYPE_WINDOW, "view_stack"));
  adw_view_stack_set_visible_child_name (stack, "clients");
  fixture->page = KH_PERSON_PAGE (gtk_widget_get_template_child (clients, KH_TYPE_CLIENTS_PAGE, "person_page"));
  kh_clients_page_show_client (KH_CLIENTS_PAGE (clients), fixture->client_id);
  g_assert_true (kh_test_wait_until (page_loaded_cb, fixture, 10000));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  start (fixture, KH_ROLE_COUNSELLOR);
  g_assert_true (kh_test_wait_until (timeline_loaded_cb, fixture, 10000));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  kh_shell_fixture_clear (&fixture->shell);
}

/* ---- keys through the X server ---- */

static gboolean
keys_ready (Fixture *fixture)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (fixture->shell.window));
  void *xtst;

  if (!GDK_IS_X11_DISPLAY (display))
    return FALSE;
  xtst = dlopen ("libXtst.so.6", RTLD_NOW);
  g_assert_nonnull (xtst);
  fixture->fake_key = (FakeKeyFunc) dlsym (xtst, "XTestFakeKeyEvent");
  g_assert_nonnull (fixture->fake_key);
  fixture->display = gdk_x11_display_get_xdisplay (display);
  return TRUE;
}

/* The server has the keys once XSync returns; then the window's frame. */
static void
settle (Fixture   *fixture,
        GtkWidget *window)
{
  XSync (fixture->display, False);
  for (guint i = 0; i < 3; i++)
    while (g_main_context_pending (NULL))
      g_main_context_iteration (NULL, FALSE);
  gtk_test_widget_wait_for_draw (window);
}

/* Without a window manager a window gets the keyboard when told. */
static void
give_keyboard (Fixture   *fixture,
               GtkWidget *window)
{
  gtk_test_widget_wait_for_draw (window);
  XSetInputFocus (fixture->display, gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window))),
                  RevertToParent, CurrentTime);
  settle (fixture, window);
}

static void
key (Fixture   *fixture,
     GtkWidget *window,
     KeySym     modifier,
     KeySym     keysym)
{
  KeyCode code = XKeysymToKeycode (fixture->display, keysym);
  KeyCode mod = modifier != NoSymbol ? XKeysymToKeycode (fixture->display, modifier) : 0;

  g_assert_cmpuint (code, !=, 0);
  if (mod != 0)
    fixture->fake_key (fixture->display, mod, True, 0);
  fixture->fake_key (fixture->display, code, True, 0);
  fixture->fake_key (fixture->display, code, False, 0);
  if (mod != 0)
    fixture->fake_key (fixture->display, mod, False, 0);
  settle (fixture, window);
}

/* Lower-case ASCII letters, digits, space, ',' and '.'. */
static void
type (Fixture    *fixture,
      GtkWidget  *window,
      const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      KeySym sym = *p == ' ' ? XK_space : *p == '.' ? XK_period : *p == ',' ? XK_comma : (KeySym) *p;

      g_assert_true (g_ascii_islower (*p) || g_ascii_isdigit (*p) || strchr (" .,", *p) != NULL);
      key (fixture, window, NoSymbol, sym);
    }
}

/* The key that a label's mnemonic is ("Record a Contact A_ttempt…": t),
 * in the language of the run. */
static KeySym
mnemonic_of (const char *label)
{
  const char *underline = strchr (label, '_');

  g_assert_nonnull (underline);
  return (KeySym) gdk_unicode_to_keyval (g_unichar_tolower (g_utf8_get_char (underline + 1)));
}

static gboolean
dialog_open_cb (gpointer data)
{
  GtkWindow *window = kh_test_ui_find_window (KH_TYPE_ATTEMPT_DIALOG);

  return window != NULL && gtk_widget_get_mapped (GTK_WIDGET (window));
}

static gboolean
dialog_gone_cb (gpointer data)
{
  return kh_test_ui_find_window (KH_TYPE_ATTEMPT_DIALOG) == NULL;
}

static KhTimelineEntry *
entry_at (Fixture *fixture,
          guint    i)
{
  GListModel *model = kh_person_timeline_get_model (get_timeline (fixture));
  KhTimelineEntry *e = g_list_model_get_item (model, i);

  g_object_unref (e);   /* the model keeps it */
  return e;
}

static gboolean
attempt_on_top_cb (gpointer data)
{
  Fixture *fixture = data;
  GListModel *model = kh_person_timeline_get_model (get_timeline (fixture));

  return g_list_model_get_n_items (model) > 0 && entry_at (fixture, 0)->kind == KH_TIMELINE_ATTEMPT;
}

/* Whether a label inside `widget` has `text` as one of its lines (a row
 * of the timeline is one KhLineLabel of three lines). */
static gboolean
has_line (GtkWidget  *widget,
          const char *text)
{
  if (GTK_IS_LABEL (widget) || KH_IS_LINE_LABEL (widget))
    {
      g_auto(GStrv) lines = g_strsplit (GTK_IS_LABEL (widget) ? gtk_label_get_text (GTK_LABEL (widget))
                                        : kh_line_label_get_text (KH_LINE_LABEL (widget)), "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        if (g_strcmp0 (lines[i], text) == 0)
          return TRUE;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_line (child, text))
      return TRUE;
  return FALSE;
}

/* A number from the file, read beside the window. */
static gint64
count (Fixture    *fixture,
       const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (fixture->shell.path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static void
test_record_with_keys (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *main_window = GTK_WIDGET (fixture->shell.window);
  g_autoptr(GDateTime) before = g_date_time_new_now_local ();
  GtkWidget *dialog;
  g_autofree char *line = NULL;
  g_autofree char *made_by = NULL;

  if (!keys_ready (fixture))
    {
      g_test_skip ("the keys are sent through X (XTest)");
      return;
    }
  give_keyboard (fixture, main_window);
  /* Alt+T: "Record a Contact Attempt…". */
  key (fixture, main_window, XK_Alt_L, mnemonic_of (_("Record a Contact A_ttempt…")));
  g_assert_true (kh_test_wait_until (dialog_open_cb, NULL, 10000));
  dialog = GTK_WIDGET (kh_test_ui_find_window (KH_TYPE_ATTEMPT_DIALOG));
  give_keyboard (fixture, dialog);
  /* It follows up the Kela notification, a call that was not answered,
   * now: as the form starts. */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (kh_attempt_dialog_get_field (KH_ATTEMPT_DIALOG (dialog), "follows"))), ==, 1);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (kh_attempt_dialog_get_field (KH_ATTEMPT_DIALOG (dialog), "method"))), ==, 0);
  /* Alt+N: the note; Enter records. */
  key (fixture, dialog, XK_Alt_L,
       mnemonic_of (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (kh_attempt_dialog_get_field (KH_ATTEMPT_DIALOG (dialog), "note")))));
  type (fixture, dialog, "ei vastausta, soitan uudelleen");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (kh_attempt_dialog_get_field (KH_ATTEMPT_DIALOG (dialog), "note"))),
                   ==, "ei vastausta, soitan uudelleen");
  key (fixture, dialog, NoSymbol, XK_Return);
  g_assert_true (kh_test_wait_until (dialog_gone_cb, NULL, 10000));

  /* On the timeline at once, on top: a call, not answered, by Outi. */
  g_assert_true (kh_test_wait_until (attempt_on_top_cb, fixture, 10000));
  g_assert_cmpint (entry_at (fixture, 0)->n1, ==, KH_ATTEMPT_PHONE);
  g_assert_cmpint (entry_at (fixture, 0)->n2, ==, KH_ATTEMPT_NO_ANSWER);
  g_assert_cmpint (entry_at (fixture, 0)->ref_id, ==, fixture->contact_id);
  g_assert_cmpstr (entry_at (fixture, 0)->text, ==, "ei vastausta, soitan uudelleen");
  g_assert_cmpstr (entry_at (fixture, 0)->who, ==, "Outi Ohjaaja");
  /* To the minute of when it was typed. */
  g_assert_cmpint (g_date_time_to_unix (entry_at (fixture, 0)->at) / 60, >=, g_date_time_to_unix (before) / 60);
  gtk_test_widget_wait_for_draw (main_window);
  line = g_strdup_printf ("%s · %s · %s", kh_attempt_method_label (KH_ATTEMPT_PHONE),
                          kh_attempt_outcome_label (KH_ATTEMPT_NO_ANSWER), "ei vastausta, soitan uudelleen");
  g_assert_true (has_line (GTK_WIDGET (get_timeline (fixture)), line));

  /* In the store as the desk's, following up the notification. */
  made_by = g_strdup_printf ("SELECT count(*) FROM contact_attempts a JOIN users u ON u.id = a.made_by "
                             "WHERE u.display_name = 'Outi Ohjaaja' AND a.method = 1 AND a.outcome = 1 "
                             "AND a.contact_id = %" G_GINT64_FORMAT " AND a.note = 'ei vastausta, soitan uudelleen'",
                             fixture->contact_id);
  g_assert_cmpint (count (fixture, made_by), ==, 1);
}

static gboolean
time_message_cb (gpointer data)
{
  return kh_field_message_is_shown (data);
}

static void
test_bad_time_kept (Fixture       *fixture,
                    gconstpointer  data)
{
  KhPersonTimeline *timeline = get_timeline (fixture);
  KhAttemptDialog *dialog;
  GtkWidget *time_row;
  GtkWidget *note_row;

  gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.record-attempt", NULL);
  g_assert_true (kh_test_wait_until (dialog_open_cb, NULL, 10000));
  dialog = KH_ATTEMPT_DIALOG (kh_test_ui_find_window (KH_TYPE_ATTEMPT_DIALOG));
  time_row = kh_attempt_dialog_get_field (dialog, "time");
  note_row = kh_attempt_dialog_get_field (dialog, "note");
  gtk_editable_set_text (GTK_EDITABLE (time_row), "25.00");
  gtk_editable_set_text (GTK_EDITABLE (note_row), "Kotikäynti, ei ketään kotona");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "attempt.record", NULL);
  g_assert_true (kh_test_wait_until (time_message_cb, time_row, 10000));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (time_row)), ==, "25.00");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (note_row)), ==, "Kotikäynti, ei ketään kotona");
  g_assert_nonnull (kh_test_ui_find_window (KH_TYPE_ATTEMPT_DIALOG));
  /* A letter cannot reach a wrong number: said at the top, kept. */
  gtk_editable_set_text (GTK_EDITABLE (time_row), "8.30");
  adw_combo_row_set_selected (ADW_COMBO_ROW (kh_attempt_dialog_get_field (dialog, "method")),
                              KH_ATTEMPT_LETTER - KH_ATTEMPT_FIRST);
  adw_combo_row_set_selected (ADW_COMBO_ROW (kh_attempt_dialog_get_field (dialog, "outcome")),
                              KH_ATTEMPT_WRONG_NUMBER - KH_ATTEMPT_OUTCOME_FIRST);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "attempt.record", NULL);
  g_assert_false (kh_field_message_is_shown (time_row));
  g_assert_true (gtk_widget_get_visible (kh_attempt_dialog_get_field (dialog, "message")));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (kh_attempt_dialog_get_field (dialog, "message"))), ==,
                   _("A wrong number comes only of a phone call or a text message."));
  if (g_getenv ("KH_TEST_SCREENSHOTS") != NULL)
    kh_test_ui_screenshot (GTK_WIDGET (dialog), "contact-attempt-refused");
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM contact_attempts"), ==, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_not_for_reception (void)
{
  Fixture fixture = { 0 };

  start (&fixture, KH_ROLE_RECEPTION);
  /* Reception has no timeline, so nothing to record attempts from. */
  g_assert_null (get_timeline (&fixture));
  fixture_tear_down (&fixture, NULL);
}

/* For the pictures: KH_TEST_SCREENSHOTS=DIR, in the language of the run:
 * the form as it starts, and the timeline with two attempts. */
static void
test_screenshot (Fixture       *fixture,
                 gconstpointer  data)
{
  KhPersonTimeline *timeline = get_timeline (fixture);
  KhAttemptDialog *dialog;

  if (g_getenv ("KH_TEST_SCREENSHOTS") == NULL)
    {
      g_test_skip ("KH_TEST_SCREENSHOTS is not set");
      return;
    }
  gtk_window_set_default_size (GTK_WINDOW (fixture->shell.window), 1280, 960);
  for (guint i = 0; i < 2; i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.record-attempt", NULL);
      g_assert_true (kh_test_wait_until (dialog_open_cb, NULL, 10000));
      dialog = KH_ATTEMPT_DIALOG (kh_test_ui_find_window (KH_TYPE_ATTEMPT_DIALOG));
      if (i == 0)
        {
          gtk_editable_set_text (GTK_EDITABLE (kh_attempt_dialog_get_field (dialog, "time")), "0.01");
          gtk_editable_set_text (GTK_EDITABLE (kh_attempt_dialog_get_field (dialog, "note")),
                                 "Ei vastaajaa");
          kh_test_ui_screenshot (GTK_WIDGET (dialog), "contact-attempt-dialog");
        }
      else
        {
          adw_combo_row_set_selected (ADW_COMBO_ROW (kh_attempt_dialog_get_field (dialog, "method")),
                                      KH_ATTEMPT_TEXT_MESSAGE - KH_ATTEMPT_FIRST);
          adw_combo_row_set_selected (ADW_COMBO_ROW (kh_attempt_dialog_get_field (dialog, "outcome")),
                                      KH_ATTEMPT_MESSAGE_LEFT - KH_ATTEMPT_OUTCOME_FIRST);
        }
      gtk_widget_activate_action (GTK_WIDGET (dialog), "attempt.record", NULL);
      g_assert_true (kh_test_wait_until (dialog_gone_cb, NULL, 10000));
    }
  kh_test_ui_screenshot (GTK_WIDGET (fixture->shell.window), "contact-attempt-timeline");
}

/* ---- the could-not-reach letter ---- */

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0;
}

static GtkWidget *
find_button (GtkWidget  *within,
             const char *label)
{
  return kh_test_ui_find (within, is_button_labelled, label);
}

static gboolean
button_shown_cb (gpointer data)
{
  return gtk_widget_get_visible (data) && gtk_widget_get_mapped (data);
}

static gboolean
letter_window_cb (gpointer data)
{
  GtkWindow *window = kh_test_ui_find_window (KH_TYPE_DOCUMENT_WINDOW);

  return window != NULL && kh_document_view_get_pdf (kh_document_window_get_view (KH_DOCUMENT_WINDOW (window))) != NULL;
}

static gboolean
letter_window_gone_cb (gpointer data)
{
  return kh_test_ui_find_window (KH_TYPE_DOCUMENT_WINDOW) == NULL;
}

/* The text of every page of the PDF the window shows. */
static char *
dup_letter_text (GtkWindow *window)
{
  GBytes *pdf = kh_document_view_get_pdf (kh_document_window_get_view (KH_DOCUMENT_WINDOW (window)));
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) doc_object = NULL;
  PopplerDocument *doc = poppler_document_new_from_bytes (pdf, NULL, &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  doc_object = G_OBJECT (doc);
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autoptr(GObject) page = G_OBJECT (poppler_document_get_page (doc, i));
      g_autofree char *t = poppler_page_get_text (POPPLER_PAGE (page));

      g_string_append (text, t);
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}

static gboolean
letter_in_swedish_cb (gpointer data)
{
  GtkWindow *window = kh_test_ui_find_window (KH_TYPE_DOCUMENT_WINDOW);
  g_autofree char *text = window != NULL ? dup_letter_text (window) : NULL;

  return text != NULL && strstr (text, "Telefonsamtal") != NULL;
}

static gboolean
document_on_top_cb (gpointer data)
{
  Fixture *fixture = data;
  GListModel *model = kh_person_timeline_get_model (get_timeline (fixture));

  return g_list_model_get_n_items (model) > 0 && entry_at (fixture, 0)->kind == KH_TIMELINE_DOCUMENT;
}

static void
save_pdf_for_pictures (GtkWindow  *window,
                       const char *name)
{
  const char *dir = g_getenv ("KH_TEST_SCREENSHOTS");
  GBytes *pdf = kh_document_view_get_pdf (kh_document_window_get_view (KH_DOCUMENT_WINDOW (window)));
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;
  path = g_strdup_printf ("%s/%s.pdf", dir, name);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL));
}

static void
test_could_not_reach_letter (void)
{
  Fixture fixture = { 0 };
  GtkWidget *timeline;
  GtkWidget *button;
  GtkWindow *window;
  GtkWidget *dropdown;
  GtkWidget *issue;
  g_autofree char *fi_text = NULL;
  g_autofree char *sv_text = NULL;

  seed_attempts = TRUE;
  start (&fixture, KH_ROLE_COUNSELLOR);
  seed_attempts = FALSE;
  g_assert_true (kh_test_wait_until (timeline_loaded_cb, &fixture, 10000));
  timeline = GTK_WIDGET (get_timeline (&fixture));
  /* Offered: two attempts did not reach Aino. */
  button = find_button (timeline, _("Could-Not-Reach _Letter…"));
  g_assert_nonnull (button);
  g_assert_true (kh_test_wait_until (button_shown_cb, button, 10000));
  gtk_widget_activate (button);
  g_assert_true (kh_test_wait_until (letter_window_cb, NULL, 20000));
  window = kh_test_ui_find_window (KH_TYPE_DOCUMENT_WINDOW);

  /* In Aino's language, Finnish, whatever the UI's: the attempts with
   * their dates and times as Finland writes them, and how. */
  fi_text = dup_letter_text (window);
  g_test_message ("%s", fi_text);
  g_assert_nonnull (strstr (fi_text, "3.3.2025 klo 13.15"));
  g_assert_nonnull (strstr (fi_text, "4.3.2025 klo 9.40"));
  g_assert_nonnull (strstr (fi_text, "Puhelu"));
  g_assert_nonnull (strstr (fi_text, "Tekstiviesti"));
  g_assert_nonnull (strstr (fi_text, "Koivukuja 3 A 5"));
  g_assert_null (strstr (fi_text, "Telefonsamtal"));
  save_pdf_for_pictures (window, "could-not-reach-fi");

  /* The worker switches to Swedish: the letter is made again. */
  dropdown = kh_test_ui_find_type (GTK_WIDGET (window), GTK_TYPE_DROP_DOWN);
  g_assert_nonnull (dropdown);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 1);
  g_assert_true (kh_test_wait_until (letter_in_swedish_cb, NULL, 20000));
  sv_text = dup_letter_text (window);
  g_assert_nonnull (strstr (sv_text, "3.3.2025 kl. 13.15"));
  g_assert_nonnull (strstr (sv_text, "4.3.2025 kl. 9.40"));
  g_assert_nonnull (strstr (sv_text, "Textmeddelande"));
  g_assert_null (strstr (sv_text, "Puhelu"));
  save_pdf_for_pictures (window, "could-not-reach-sv");
  if (g_getenv ("KH_TEST_SCREENSHOTS") != NULL)
    kh_test_ui_screenshot (GTK_WIDGET (window), "could-not-reach-window");

  /* Issued: the window closes, the letter is on top of the timeline and
   * in the store as the desk's, in Swedish, with the bytes shown. */
  issue = find_button (GTK_WIDGET (window), _("_Issue"));
  g_assert_nonnull (issue);
  gtk_widget_activate (issue);
  g_assert_true (kh_test_wait_until (letter_window_gone_cb, NULL, 20000));
  g_assert_true (kh_test_wait_until (document_on_top_cb, &fixture, 10000));
  g_assert_cmpint (entry_at (&fixture, 0)->n1, ==, KH_DOCUMENT_COULD_NOT_REACH);
  g_assert_cmpstr (entry_at (&fixture, 0)->language, ==, "sv");
  g_assert_cmpstr (entry_at (&fixture, 0)->who, ==, "Outi Ohjaaja");
  g_assert_cmpint (count (&fixture, "SELECT count(*) FROM documents d JOIN users u ON u.id = d.issued_by "
                                    "WHERE d.kind = 2 AND d.language = 'sv' AND u.display_name = 'Outi Ohjaaja' "
                                    "AND d.title = 'Begäran om kontakt'"), ==, 1);
  fixture_tear_down (&fixture, NULL);
}

static gboolean
message_dialog_cb (gpointer data)
{
  return kh_test_ui_find_window (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

/* Not to a protected address: said, and no letter made or issued. */
static void
test_no_letter_to_protected_address (void)
{
  Fixture fixture = { 0 };
  GtkWidget *button;
  GtkWindow *dialog;

  seed_attempts = TRUE;
  seed_protected = TRUE;
  start (&fixture, KH_ROLE_COUNSELLOR);
  seed_attempts = FALSE;
  seed_protected = FALSE;
  g_assert_true (kh_test_wait_until (timeline_loaded_cb, &fixture, 10000));
  button = find_button (GTK_WIDGET (get_timeline (&fixture)), _("Could-Not-Reach _Letter…"));
  g_assert_true (kh_test_wait_until (button_shown_cb, button, 10000));
  gtk_widget_activate (button);
  g_assert_true (kh_test_wait_until (message_dialog_cb, NULL, 10000));
  dialog = kh_test_ui_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            _("The person has a non-disclosure marking: their address is not printed from here. Contact them as the marking allows.")));
  g_assert_null (kh_test_ui_find_window (KH_TYPE_DOCUMENT_WINDOW));
  gtk_window_destroy (dialog);
  g_assert_cmpint (count (&fixture, "SELECT count(*) FROM documents"), ==, 0);
  fixture_tear_down (&fixture, NULL);
}

int
main (int   argc,
      char *argv[])
{
  kh_shell_test_init (&argc, &argv);
  if (g_getenv ("KOHTAAMO_LOCALEDIR") != NULL)
    {
      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("KOHTAAMO_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }

  g_test_add ("/ui/contact-attempts/record-with-keys", Fixture, NULL,
              fixture_set_up, test_record_with_keys, fixture_tear_down);
  g_test_add ("/ui/contact-attempts/bad-time-kept", Fixture, NULL,
              fixture_set_up, test_bad_time_kept, fixture_tear_down);
  g_test_add_func ("/ui/contact-attempts/not-for-reception", test_not_for_reception);
  g_test_add_func ("/ui/contact-attempts/could-not-reach-letter", test_could_not_reach_letter);
  g_test_add_func ("/ui/contact-attempts/no-letter-to-protected-address", test_no_letter_to_protected_address);
  g_test_add ("/ui/contact-attempts/screenshot", Fixture, NULL,
              fixture_set_up, test_screenshot, fixture_tear_down);

  return g_test_run ();
}
