/* test-person-timeline.c — the timeline and case notes on a person's page,
 * in a real window: what it shows and in which order, writing a note,
 * refusing a bad one without losing it, who sees it, what is logged
 * (issue 7, 2); an issued document opened from it (issue 8, 5)
 *
 * On SQLite (suite ui) and, with KOHTAAMO_TEST_ENGINE=pg (suite ui-pg), on
 * a database of the test cluster, where each account is a login of its own
 * and the window signs in as the running desk's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "core/kh-calendar.h"
#include "core/kh-hetu.h"
#include "documents/kh-document.h"
#include "ui/clients/kh-clients-page.h"
#include "ui/clients/kh-person-page.h"
#include "ui/clients/kh-person-timeline.h"
#include "ui/common/kh-field-message.h"
#include "ui/common/kh-line-label.h"
#include "ui/documents/kh-document-window.h"
#include "ui/plans/kh-plan-window.h"

#include "kh-shell-test.h"
#include "kh-test-ui.h"
#include "../store/pg-test-util.h"

#define WORKER "kohtaamo-test-sw"
/* The desk of the window: the running account on SQLite (the window signs
 * in as it), a login of its own on a server. */
#define OWN_ON_SERVER "kohtaamo-test-own"
#define NOTE_TEXT "Tapasin asiakkaan. Vuokrarästi selvitetään Kelan kanssa.\nSeuraava tapaaminen sovitaan puhelimessa."

typedef struct {
  KhShellFixture    shell;
  char             *pg_dbname;   /* on a server: the test's database */
  gpointer          pg_turn;
  gint64            client_id;
  gint64            case_id;
  KhPersonPage     *page;
  GtkWidget        *clients;
} Fixture;

/* The unit's administrator: the first account on SQLite, the cluster
 * template's on a server. */
static const char *
admin_account (void)
{
  return kh_test_ui_on_server () ? PG_TEST_ADMIN : "kohtaamo-test-admin";
}

static const char *
own_account (void)
{
  return kh_test_ui_on_server () ? OWN_ON_SERVER : g_get_user_name ();
}

/* Where `account` opens the database: the file, or its own login. */
static char *
location_of (Fixture    *fixture,
             const char *account)
{
  if (fixture->pg_dbname != NULL)
    return pg_test_conninfo (fixture->pg_dbname, account);
  return g_strdup (fixture->shell.path);
}

static KhDb *
open_as (Fixture    *fixture,
         const char *account,
         KhUser    **out_user)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *location = location_of (fixture, account);
  KhDb *db = kh_db_open (location, &error);

  g_assert_no_error (error);
  *out_user = kh_db_login (db, account, NULL, &error);
  g_assert_no_error (error);
  return db;
}

static KhContact *
make_contact (int         day,
              int         hour,
              KhOutcome   outcome,
              const char *reason)
{
  KhContact *contact = kh_contact_new ();

  contact->channel = KH_CHANNEL_WALK_IN;
  contact->contactor = KH_CONTACTOR_SELF;
  contact->language = KH_LANGUAGE_FI;
  contact->outcome = outcome;
  contact->needs = KH_NEED_FINANCIAL;
  contact->urgency = KH_URGENCY_NOT_URGENT;
  contact->reason_text = g_strdup (reason);
  contact->received_at = g_date_time_new_local (2025, 3, day, hour, 0, 0);
  return contact;
}

/* The unit (an administrator, Sari the social worker, the running account
 * in `role`) and Aino Mäkinen: a contact on 3.3.2025 that opened a case
 * assigned to Sari, advice on 10.3.2025, and Sari's note on the case. */
static void
seed (Fixture *fixture,
      KhRole   role)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhUser) admin = NULL;
  g_autoptr(KhUser) sw = NULL;
  g_autoptr(KhUser) own = NULL;
  g_autoptr(KhDb) db = NULL;
  g_autoptr(KhClient) client = kh_client_new ();
  g_autoptr(KhContact) first = make_contact (3, 9, KH_OUTCOME_CASE_OPENED, "Vuokra maksamatta");
  g_autoptr(KhContact) second = make_contact (10, 14, KH_OUTCOME_ADVICE, "Kysyi toimeentulotuesta");
  g_autoptr(KhIntakeResult) opened = NULL;
  g_autoptr(KhIntakeResult) advised = NULL;
  g_autoptr(KhTimelineEntry) note = NULL;
  KhIntake intake = { first, client, FALSE, 0, 0 };
  GDate birth;

  if (fixture->pg_dbname != NULL)
    {
      pg_test_create_login (WORKER);
      pg_test_create_login (OWN_ON_SERVER);
      db = open_as (fixture, PG_TEST_ADMIN, &admin);
    }
  else
    {
      db = kh_db_open (fixture->shell.path, &error);
      g_assert_no_error (error);
      admin = kh_db_save_user (db, NULL, "kohtaamo-test-admin", "Ilona Lindqvist", KH_ROLE_ADMIN, TRUE, &error);
    }
  g_assert_no_error (error);
  sw = kh_db_save_user (db, admin, WORKER, "Sari Sosiaalityöntekijä", KH_ROLE_SOCIAL_WORKER, TRUE, &error);
  g_assert_no_error (error);
  own = kh_db_save_user (db, admin, own_account (), "Pirjo Testinen", role, TRUE, &error);
  g_assert_no_error (error);
  g_clear_object (&sw);
  g_clear_pointer (&db, kh_db_close);
  db = open_as (fixture, WORKER, &sw);

  /* A fictional person: individual number 900–999. */
  g_date_clear (&birth, 1);
  g_date_set_dmy (&birth, 13, G_DATE_OCTOBER, 1952);
  client->identity_kind = KH_IDENTITY_CODE;
  client->identity_code = kh_hetu_make (&birth, 952, 0);
  client->birth_date = g_strdup ("1952-10-13");
  client->last_name = g_strdup ("Mäkinen");
  client->first_names = g_strdup ("Aino Maria");
  client->language = KH_LANGUAGE_FI;
  client->interpreter = TRUE;
  intake.assign_to = sw->id;
  opened = kh_db_save_intake (db, sw, &intake, &error);
  g_assert_no_error (error);
  g_assert_cmpint (opened->case_id, >, 0);
  fixture->client_id = opened->client_id;
  fixture->case_id = opened->case_id;

  client->id = fixture->client_id;
  intake.contact = second;
  intake.assign_to = 0;
  advised = kh_db_save_intake (db, sw, &intake, &error);
  g_assert_no_error (error);
  g_assert_cmpint (advised->case_id, ==, 0);

  note = kh_db_add_case_note (db, sw, fixture->case_id, NOTE_TEXT, 0, &error);
  g_assert_no_error (error);
}

static gboolean
page_loaded_cb (gpointer data)
{
  Fixture *fixture = data;
  GtkListBox *cases = GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (fixture->page),
                                                                   KH_TYPE_PERSON_PAGE, "cases_list"));

  return kh_person_page_get_client (fixture->page) != NULL
         && gtk_list_box_get_row_at_index (cases, 0) != NULL;
}

/* `n` more cases for Aino, pending from 1.4.2025 on, one a day. */
static void
add_cases (Fixture *fixture,
           guint    n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhUser) sw = NULL;
  g_autoptr(KhDb) db = open_as (fixture, WORKER, &sw);
  g_autoptr(KhClient) client = kh_client_new ();

  client->id = fixture->client_id;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KhContact) contact = make_contact (1, 9, KH_OUTCOME_CASE_OPENED, "Uusi hakemus");
      g_autoptr(KhIntakeResult) result = NULL;
      KhIntake intake = { contact, client, FALSE, 0, 0 };

      g_date_time_unref (contact->received_at);
      contact->received_at = g_date_time_new_local (2025, 4, 1 + i, 9, 0, 0);
      intake.assign_to = sw->id;
      result = kh_db_save_intake (db, sw, &intake, &error);
      g_assert_no_error (error);
      g_assert_cmpint (result->case_id, >, 0);
    }
}

/* Whether the next start issues two documents for Aino first. */
static gboolean seed_documents;

/* A one-page PDF with `title` as its heading. */
static GBytes *
make_pdf (const char *language,
          const char *title)
{
  g_autoptr(KhDocument) doc = kh_document_new (language);
  g_autoptr(GError) error = NULL;
  GBytes *pdf;

  kh_document_set_title (doc, title);
  kh_document_add_heading (doc, 1, title);
  kh_document_add_paragraph (doc, "Aino Mäkinen, Koivukuja 3 A 5, 40320 Jyväskylä");
  pdf = kh_document_render_bytes (doc, &error);
  g_assert_no_error (error);
  return pdf;
}

/* Sari issues Aino a decision in Swedish, sent electronically on
 * 7.12.2026, and an invitation in Finnish handed over on 8.12.2026. */
static void
issue_documents (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhUser) sw = NULL;
  g_autoptr(KhDb) db = open_as (fixture, WORKER, &sw);

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(KhIssuedDocument) d = kh_issued_document_new ();

      d->client_id = fixture->client_id;
      d->case_id = fixture->case_id;
      d->kind = i == 0 ? KH_DOCUMENT_DECISION : KH_DOCUMENT_INVITATION;
      d->language = g_strdup (i == 0 ? "sv" : "fi");
      d->title = g_strdup (i == 0 ? "Beslut om kompletterande utkomststöd" : "Kutsu tapaamiseen");
      g_date_set_dmy (&d->sent_on, 7 + i, G_DATE_DECEMBER, 2026);
      d->delivery = i == 0 ? KH_DOCUMENT_DELIVERY_ELECTRONIC : KH_DOCUMENT_DELIVERY_HANDED;
      d->pdf = make_pdf (d->language, d->title);
      g_assert_cmpint (kh_db_issue_document (db, sw, d, &error), >, 0);
      g_assert_no_error (error);
    }
}

/* Whether the next start makes Aino a client plan first. */
static gboolean seed_plan;

static void
start_with (Fixture *fixture,
            KhRole   role,
            guint    more_cases)
{
  kh_shell_fixture_init (&fixture->shell);
  if (kh_test_ui_on_server ())
    {
      g_autofree char *own = NULL;

      fixture->pg_dbname = pg_test_create_database ();
      fixture->pg_turn = pg_test_take_turn ();
      own = location_of (fixture, OWN_ON_SERVER);
      g_setenv ("KOHTAAMO_DATABASE", own, TRUE);
    }
  /* Every test starts where a first start does, on the reception view:
   * the window keeps the last view in GSettings, which the tests of this
   * program share (a question on closing shows the People view). */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);

    g_settings_reset (settings, "last-view");
  }
  seed (fixture, role);
  add_cases (fixture, more_cases);
  if (seed_documents)
    issue_documents (fixture);
  if (seed_plan)
    {
      g_autoptr(KhUser) sw = NULL;
      g_autoptr(KhDb) db = open_as (fixture, WORKER, &sw);
      /* Made three weeks ago, reviewed in 60 days; the client's action was
       * due a week ago, Kela's is due in a month. */
      g_autoptr(KhClientPlan) plan = kh_test_ui_make_plan (db, sw, fixture->client_id, fixture->case_id,
                                                           21, 60, -7);
    }
  if (fixture->pg_dbname != NULL)
    kh_shell_fixture_start_as_is (&fixture->shell);
  else
    kh_shell_fixture_start (&fixture->shell);
  g_assert_cmpstr (kh_window_get_state (fixture->shell.window), ==, "content");
  fixture->clients = kh_shell_fixture_get_view (&fixture->shell, "clients");
  fixture->page = KH_PERSON_PAGE (gtk_widget_get_template_child (fixture->clients, KH_TYPE_CLIENTS_PAGE,
                                                                 "person_page"));
  kh_clients_page_show_client (KH_CLIENTS_PAGE (fixture->clients), fixture->client_id);
  g_assert_true (kh_test_wait_until (page_loaded_cb, fixture, 10000));
}

static void
start (Fixture *fixture,
       KhRole   role)
{
  start_with (fixture, role, 0);
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
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  start (fixture, KH_ROLE_SOCIAL_WORKER);
  g_assert_true (kh_test_wait_until (timeline_loaded_cb, fixture, 10000));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  kh_shell_fixture_clear (&fixture->shell);
  if (fixture->pg_dbname != NULL)
    pg_test_drop_database (fixture->pg_dbname);
  g_clear_pointer (&fixture->pg_dbname, g_free);
  g_clear_pointer ((PGconn **) &fixture->pg_turn, PQfinish);
}

/* The first `type` inside `widget`, not looking into drop-downs (whose
 * popup has a list view of its own). */
static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  if (GTK_IS_DROP_DOWN (widget))
    return NULL;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Whether a label inside `widget` shows `text` as one of its lines (a row
 * of the timeline is one KhLineLabel of three lines), or ends a line with
 * it. */
static gboolean
has_line (GtkWidget  *widget,
          const char *text,
          gboolean    at_end)
{
  if (GTK_IS_LABEL (widget) || KH_IS_LINE_LABEL (widget))
    {
      g_auto(GStrv) lines = g_strsplit (GTK_IS_LABEL (widget) ? gtk_label_get_text (GTK_LABEL (widget))
                                        : kh_line_label_get_text (KH_LINE_LABEL (widget)), "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        if (at_end ? g_str_has_suffix (lines[i], text) : g_strcmp0 (lines[i], text) == 0)
          return TRUE;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_line (child, text, at_end))
      return TRUE;
  return FALSE;
}

static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  return has_line (widget, text, FALSE);
}

static gboolean
has_label_ending (GtkWidget  *widget,
                  const char *end)
{
  return has_line (widget, end, TRUE);
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

static guint
count_reads (Fixture       *fixture,
             KhAccessWhat   what)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhUser) admin = NULL;
  g_autoptr(KhDb) db = open_as (fixture, admin_account (), &admin);
  g_autoptr(GPtrArray) entries = kh_db_list_access_log (db, admin, fixture->client_id, 1000, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    {
      KhAccessEntry *entry = g_ptr_array_index (entries, i);

      if (entry->what == what)
        {
          g_assert_cmpint (entry->basis, ==, KH_BASIS_CLIENT_RELATIONSHIP);
          n++;
        }
    }
  return n;
}

static guint
count_timeline_reads (Fixture *fixture)
{
  return count_reads (fixture, KH_ACCESS_TIMELINE);
}

/* The notes stored for the person, newest first, read as Sari. */
static GPtrArray *
stored_notes (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhUser) sw = NULL;
  g_autoptr(KhDb) db = open_as (fixture, WORKER, &sw);
  g_autoptr(GPtrArray) entries = kh_db_list_client_timeline (db, sw, fixture->client_id, 0, &error);
  GPtrArray *notes = g_ptr_array_new_with_free_func (g_object_unref);

  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    if (((KhTimelineEntry *) g_ptr_array_index (entries, i))->kind == KH_TIMELINE_NOTE)
      g_ptr_array_add (notes, g_object_ref (g_ptr_array_index (entries, i)));
  return notes;
}

static void
test_newest_first (Fixture       *fixture,
                   gconstpointer  data)
{
  KhPersonTimeline *timeline = get_timeline (fixture);
  GListModel *model = kh_person_timeline_get_model (timeline);
  GtkLabel *responsible = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (fixture->page),
                                                                   KH_TYPE_PERSON_PAGE, "responsible_label"));
  GtkLabel *language = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (fixture->page),
                                                                KH_TYPE_PERSON_PAGE, "language_summary_label"));

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (timeline)));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  /* Entries: their list shows (an empty timeline hides it). */
  g_assert_true (gtk_widget_is_visible (kh_test_ui_find_css_class (GTK_WIDGET (timeline), "kh-timeline")));
  /* Every contact is in the timeline: no second list of them. */
  g_assert_false (gtk_widget_get_visible ((GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (fixture->page),
                                                                                       KH_TYPE_PERSON_PAGE,
                                                                                       "contacts_group")));
  /* Written today, then 10.3.2025 14.00, then 3.3.2025 9.00: the case
   * and the contact that opened it. */
  g_assert_cmpint (entry_at (fixture, 0)->kind, ==, KH_TIMELINE_NOTE);
  g_assert_cmpstr (entry_at (fixture, 0)->text, ==, NOTE_TEXT);
  g_assert_cmpint (entry_at (fixture, 1)->kind, ==, KH_TIMELINE_CONTACT);
  g_assert_cmpint (entry_at (fixture, 1)->n2, ==, KH_OUTCOME_ADVICE);
  g_assert_cmpint (entry_at (fixture, 2)->kind, ==, KH_TIMELINE_CASE);
  g_assert_cmpint (entry_at (fixture, 2)->case_id, ==, fixture->case_id);
  g_assert_cmpint (entry_at (fixture, 3)->kind, ==, KH_TIMELINE_CONTACT);
  g_assert_cmpint (entry_at (fixture, 3)->n2, ==, KH_OUTCOME_CASE_OPENED);

  /* As the rows show them: date, kind, one line, the case and who. */
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->shell.window));
  g_assert_true (has_label (GTK_WIDGET (timeline), "10.3.2025 14:00 · Contact"));
  g_assert_true (has_label (GTK_WIDGET (timeline), "Walk-in · Advice or information given · Kysyi toimeentulotuesta"));
  g_assert_true (has_label (GTK_WIDGET (timeline), "No case · Sari Sosiaalityöntekijä"));
  g_assert_true (has_label (GTK_WIDGET (timeline), "3.3.2025 09:00 · Case became pending"));
  g_assert_true (has_label (GTK_WIDGET (timeline), "Tapasin asiakkaan. Vuokrarästi selvitetään Kelan kanssa. …"));
  g_assert_true (has_label (GTK_WIDGET (timeline), "Case pending since 3.3.2025 · Sari Sosiaalityöntekijä"));

  /* The header: language, interpreter and the responsible worker. */
  g_assert_cmpstr (gtk_label_get_text (language), ==, "Language of service: Finnish · Interpreter needed");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (responsible)));
  g_assert_cmpstr (gtk_label_get_text (responsible), ==, "Open cases held by Sari Sosiaalityöntekijä");
}

static void
type_note (KhPersonTimeline *timeline,
           const char       *text)
{
  GtkTextView *view = GTK_TEXT_VIEW (find_descendant (GTK_WIDGET (timeline), GTK_TYPE_TEXT_VIEW));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
}

static char *
typed_note (KhPersonTimeline *timeline)
{
  GtkTextView *view = GTK_TEXT_VIEW (find_descendant (GTK_WIDGET (timeline), GTK_TYPE_TEXT_VIEW));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (view), &start, &end);
  return gtk_text_iter_get_text (&start, &end);
}

static GtkWidget *
note_field (KhPersonTimeline *timeline)
{
  return gtk_widget_get_parent (find_descendant (GTK_WIDGET (timeline), GTK_TYPE_TEXT_VIEW));
}

static gboolean
n_entries_is_5_cb (gpointer data)
{
  return g_list_model_get_n_items (kh_person_timeline_get_model (get_timeline (data))) == 5;
}

static void
test_write_note (Fixture       *fixture,
                 gconstpointer  data)
{
  KhPersonTimeline *timeline = get_timeline (fixture);
  g_autoptr(GPtrArray) notes = NULL;
  g_autofree char *left = NULL;

  type_note (timeline, "Asiakas toi vuokrasopimuksen.");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.save", NULL));
  g_assert_true (kh_test_wait_until (n_entries_is_5_cb, fixture, 10000));

  /* On top at once, and in the database, for the case open by default. */
  g_assert_cmpint (entry_at (fixture, 0)->kind, ==, KH_TIMELINE_NOTE);
  g_assert_cmpstr (entry_at (fixture, 0)->text, ==, "Asiakas toi vuokrasopimuksen.");
  /* The name the administrator gave, not the one the system knows. */
  g_assert_cmpstr (entry_at (fixture, 0)->who, ==, "Pirjo Testinen");
  notes = stored_notes (fixture);
  g_assert_cmpuint (notes->len, ==, 2);
  g_assert_cmpstr (((KhTimelineEntry *) notes->pdata[0])->text, ==, "Asiakas toi vuokrasopimuksen.");
  g_assert_cmpint (((KhTimelineEntry *) notes->pdata[0])->case_id, ==, fixture->case_id);
  g_assert_cmpstr (((KhTimelineEntry *) notes->pdata[0])->who, ==, "Pirjo Testinen");
  g_assert_cmpint (((KhTimelineEntry *) notes->pdata[0])->ref_id, ==, 0);
  /* The field is empty for the next one. */
  left = typed_note (timeline);
  g_assert_cmpstr (left, ==, "");
}

static void
test_correct_note (Fixture       *fixture,
                   gconstpointer  data)
{
  KhPersonTimeline *timeline = get_timeline (fixture);
  GtkListView *list = GTK_LIST_VIEW (find_descendant (GTK_WIDGET (timeline), GTK_TYPE_LIST_VIEW));
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (list));
  g_autoptr(GPtrArray) notes = NULL;
  g_autofree char *start_text = NULL;
  gint64 original = entry_at (fixture, 0)->id;

  gtk_single_selection_set_selected (selection, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.correct", NULL));
  /* The correction starts from the note it corrects. */
  start_text = typed_note (timeline);
  g_assert_cmpstr (start_text, ==, NOTE_TEXT);
  type_note (timeline, "Tapasin asiakkaan. Vuokrarästi selvitetään Kelan ja vuokranantajan kanssa.");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.save", NULL));
  g_assert_true (kh_test_wait_until (n_entries_is_5_cb, fixture, 10000));

  notes = stored_notes (fixture);
  g_assert_cmpuint (notes->len, ==, 2);
  g_assert_cmpint (((KhTimelineEntry *) notes->pdata[0])->ref_id, ==, original);
  /* The note corrected stays as it was. */
  g_assert_cmpstr (((KhTimelineEntry *) notes->pdata[1])->text, ==, NOTE_TEXT);
  g_assert_cmpint (entry_at (fixture, 0)->ref_id, ==, original);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->shell.window));
  g_assert_true (has_label_ending (GTK_WIDGET (timeline), " · Case note, correction"));
}

static gboolean
message_shown_cb (gpointer data)
{
  return kh_field_message_is_shown (note_field (get_timeline (data)));
}

static gboolean
person_released_cb (gpointer data)
{
  return kh_person_page_get_client (((Fixture *) data)->page) == NULL;
}

/* Back to the search: the person's page lets go of the person (their
 * rows leave with them, so that the next opening has nothing to take off
 * first), but not while a note is being written on it: the person and
 * the note stay, as typed. */
static void
test_back_lets_go (Fixture       *fixture,
                   gconstpointer  data)
{
  AdwLeaflet *leaflet = ADW_LEAFLET (gtk_widget_get_template_child (fixture->clients, KH_TYPE_CLIENTS_PAGE,
                                                                    "leaflet"));
  g_autofree char *kept = NULL;

  type_note (get_timeline (fixture), "Soitin asiakkaalle, ei vastannut.");
  g_assert_true (gtk_widget_activate_action (fixture->clients, "clients.back", NULL));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "search");
  g_assert_false (kh_test_wait_until (person_released_cb, fixture, 1000));
  g_assert_false (adw_leaflet_get_child_transition_running (leaflet));
  g_assert_cmpint (kh_person_page_get_client (fixture->page)->id, ==, fixture->client_id);
  kept = typed_note (get_timeline (fixture));
  g_assert_cmpstr (kept, ==, "Soitin asiakkaalle, ei vastannut.");

  kh_clients_page_show_client (KH_CLIENTS_PAGE (fixture->clients), fixture->client_id);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "person");
  type_note (get_timeline (fixture), "");
  g_assert_true (gtk_widget_activate_action (fixture->clients, "clients.back", NULL));
  g_assert_true (kh_test_wait_until (person_released_cb, fixture, 10000));
  g_assert_true (kh_person_page_get_loading (fixture->page));
  g_assert_cmpuint (g_list_model_get_n_items (kh_person_timeline_get_model (get_timeline (fixture))), ==, 0);
}

static gboolean
note_question_cb (gpointer data)
{
  return kh_test_ui_find_window (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

/* The question about the note being written: its words, then `response`. */
static void
answer_note_question (const char *response)
{
  GtkWindow *dialog;

  g_assert_true (kh_test_wait_until (note_question_cb, NULL, 10000));
  dialog = kh_test_ui_find_window (ADW_TYPE_MESSAGE_DIALOG);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  kh_test_ui_screenshot (GTK_WIDGET (dialog), "note-question");
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Discard the Case Note?");
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "The case note you have started on this person’s page has not been saved.");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  gtk_window_destroy (dialog);
}

static gboolean
other_person_open_cb (gpointer data)
{
  Fixture *fixture = data;
  KhClient *client = kh_person_page_get_client (fixture->page);

  return client != NULL && client->id != fixture->client_id && !kh_person_page_get_loading (fixture->page);
}

/* Never lose what was typed: opening another person, or closing the
 * window, while a case note is being written asks first; kept, the note
 * and its person stay, with the cursor in the note. */
static void
test_note_asks (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhUser) sw = NULL;
  g_autoptr(KhDb) db = open_as (fixture, WORKER, &sw);
  g_autoptr(KhClient) other = kh_client_new ();
  g_autofree char *kept = NULL;
  g_autofree char *left = NULL;
  AdwLeaflet *leaflet = ADW_LEAFLET (gtk_widget_get_template_child (fixture->clients, KH_TYPE_CLIENTS_PAGE,
                                                                    "leaflet"));
  GtkWidget *note;

  other->last_name = g_strdup ("Lahtinen");
  other->first_names = g_strdup ("Veli");
  other->identity_kind = KH_IDENTITY_BIRTH_DATE;
  other->no_code_reason = KH_NO_CODE_NOT_KNOWN;
  other->birth_date = g_strdup ("1950-06-30");
  other->language = KH_LANGUAGE_FI;
  other->id = kh_db_save_client (db, sw, other, &error);
  g_assert_no_error (error);

  type_note (get_timeline (fixture), "Asiakas soitti, pyysi ajan.");
  note = find_descendant (GTK_WIDGET (get_timeline (fixture)), GTK_TYPE_TEXT_VIEW);

  /* Back to the search (the note stays, with its person), then another
   * person: the note comes back on screen behind the question; kept. */
  g_assert_true (gtk_widget_activate_action (fixture->clients, "clients.back", NULL));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "search");
  kh_clients_page_show_client (KH_CLIENTS_PAGE (fixture->clients), other->id);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "person");
  answer_note_question ("keep");
  g_assert_cmpint (kh_person_page_get_client (fixture->page)->id, ==, fixture->client_id);
  kept = typed_note (get_timeline (fixture));
  g_assert_cmpstr (kept, ==, "Asiakas soitti, pyysi ajan.");
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (fixture->shell.window)) == note);

  /* Closing the window: kept, the window stays. */
  gtk_window_close (GTK_WINDOW (fixture->shell.window));
  answer_note_question ("keep");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->shell.window)));
  g_assert_true (kh_person_page_has_unsaved_note (fixture->page));

  /* Another person: thrown away, and the other person opens. */
  kh_clients_page_show_client (KH_CLIENTS_PAGE (fixture->clients), other->id);
  answer_note_question ("discard");
  g_assert_true (kh_test_wait_until (other_person_open_cb, fixture, 10000));
  left = typed_note (get_timeline (fixture));
  g_assert_cmpstr (left, ==, "");
  g_assert_false (kh_person_page_has_unsaved_note (fixture->page));
}

static void
test_invalid_note_kept (Fixture       *fixture,
                        gconstpointer  data)
{
  static const struct {
    const char *text;
    const char *message;
  } cases[] = {
    { "   \n  ", "The note is empty: write what happened." },
    { "Tapaaminen\xe2\x80\x8b sovittu",
      "Case note: the text contains an invisible character (U+200B) after “Tapaaminen”; delete it or type the text again." },
  };
  KhPersonTimeline *timeline = get_timeline (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) notes = NULL;
      g_autofree char *kept = NULL;

      type_note (timeline, cases[i].text);
      g_assert_false (kh_field_message_is_shown (note_field (timeline)));
      gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.save", NULL);
      g_assert_true (kh_test_wait_until (message_shown_cb, fixture, 10000));
      g_assert_cmpstr (gtk_label_get_text (kh_field_message_get_label (note_field (timeline))), ==,
                       cases[i].message);
      kept = typed_note (timeline);
      g_assert_cmpstr (kept, ==, cases[i].text);
      g_assert_cmpuint (g_list_model_get_n_items (kh_person_timeline_get_model (timeline)), ==, 4);
      notes = stored_notes (fixture);
      g_assert_cmpuint (notes->len, ==, 1);
    }

  /* Too long: 4 001 characters. */
  {
    g_autofree char *text = g_strnfill (KH_CASE_NOTE_MAX + 1, 'a');
    g_autofree char *kept = NULL;

    type_note (timeline, text);
    gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.save", NULL);
    g_assert_true (kh_test_wait_until (message_shown_cb, fixture, 10000));
    g_assert_cmpstr (gtk_label_get_text (kh_field_message_get_label (note_field (timeline))), ==,
                     "Case note: the text is too long (4001 characters; at most 4000).");
    kept = typed_note (timeline);
    g_assert_cmpstr (kept, ==, text);
  }
}

static gboolean
two_reads_cb (gpointer data)
{
  return count_timeline_reads (data) >= 2;
}

static void
test_one_log_row_per_reading (Fixture       *fixture,
                              gconstpointer  data)
{
  KhPersonTimeline *timeline = get_timeline (fixture);

  g_assert_cmpuint (count_timeline_reads (fixture), ==, 1);
  /* A note written is not a reading. */
  type_note (timeline, "Puhelu asiakkaalle.");
  gtk_widget_activate_action (GTK_WIDGET (timeline), "timeline.save", NULL);
  g_assert_true (kh_test_wait_until (n_entries_is_5_cb, fixture, 10000));
  g_assert_cmpuint (count_timeline_reads (fixture), ==, 1);
  /* Opening the page again is; a note begun stays. */
  type_note (timeline, "Kesken jäänyt merkintä");
  kh_person_page_load (fixture->page, fixture->client_id);
  g_assert_true (kh_test_wait_until (two_reads_cb, fixture, 10000));
  g_assert_true (kh_test_wait_until (timeline_loaded_cb, fixture, 10000));
  g_assert_cmpuint (g_list_model_get_n_items (kh_person_timeline_get_model (timeline)), ==, 5);
  kh_test_spin (200);
  g_assert_cmpuint (count_timeline_reads (fixture), ==, 2);
  {
    g_autofree char *kept = typed_note (timeline);

    g_assert_cmpstr (kept, ==, "Kesken jäänyt merkintä");
  }
}

/* Reception and the administrator role do not have the section at all,
 * and nothing of it is read. */
static void
test_not_for_reception (void)
{
  static const KhRole roles[] = { KH_ROLE_RECEPTION, KH_ROLE_ADMIN };

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      Fixture fixture = { 0 };
      GtkWidget *pane;

      g_test_message ("role %s", kh_role_key (roles[i]));
      start (&fixture, roles[i]);
      pane = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (fixture.page), KH_TYPE_PERSON_PAGE, "timeline_pane");
      g_assert_false (gtk_widget_get_visible (pane));
      g_assert_null (get_timeline (&fixture));
      g_assert_null (find_descendant (GTK_WIDGET (fixture.page), GTK_TYPE_TEXT_VIEW));
      g_assert_true (gtk_widget_get_visible ((GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (fixture.page),
                                                                                          KH_TYPE_PERSON_PAGE,
                                                                                          "contacts_group")));
      g_assert_cmpuint (count_timeline_reads (&fixture), ==, 0);
      fixture_tear_down (&fixture, NULL);
    }
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

/* Twelve cases: the five newest listed, the other seven on request. */
static void
test_many_cases (void)
{
  Fixture fixture = { 0 };
  GtkListBox *cases;
  GtkListBoxRow *more;

  start_with (&fixture, KH_ROLE_SOCIAL_WORKER, 11);
  cases = GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (fixture.page), KH_TYPE_PERSON_PAGE,
                                                       "cases_list"));
  g_assert_cmpuint (count_rows (cases), ==, 6);
  more = gtk_list_box_get_row_at_index (cases, 5);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (more)), ==, "Show All 12 Cases");
  g_signal_emit_by_name (more, "activate");
  g_assert_cmpuint (count_rows (cases), ==, 12);
  /* The oldest, the one of 3.3.2025, is now last. */
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (cases, 11))),
                   ==, "Pending since 3.3.2025 · With a worker");
  fixture_tear_down (&fixture, NULL);
}

/* The person's page, large, as a picture (KH_TEST_SCREENSHOTS). */
static void
screenshot_page (Fixture    *fixture,
                 const char *name)
{
  if (g_getenv ("KH_TEST_SCREENSHOTS") == NULL)
    return;
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (gtk_widget_get_template_child (
                                           GTK_WIDGET (fixture->shell.window), KH_TYPE_WINDOW,
                                           "view_stack")), "clients");
  gtk_window_set_default_size (GTK_WINDOW (fixture->shell.window), 1280, 960);
  kh_test_spin (300);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->shell.window));
  kh_test_ui_screenshot (GTK_WIDGET (fixture->shell.window), name);
}

/* Issued documents (issue 8, 5) are entries of their own: the kind,
 * then the title, a decision's register number, the language and when
 * and how it was sent; by whom, on which case. */
static void
test_issued_documents (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *decision = g_strdup_printf ("Beslut om kompletterande utkomststöd · No. 1/%d · "
                                               "In Swedish · Sent 7.12.2026 electronically",
                                               g_date_time_get_year (now));
  GtkWidget *timeline;

  seed_documents = TRUE;
  fixture_set_up (&fixture, NULL);
  seed_documents = FALSE;
  /* The pictures are taken in the run's language, the lines read in English. */
  screenshot_page (&fixture, "person-timeline-documents");
  if (g_getenv ("KOHTAAMO_LOCALEDIR") == NULL)
    {
      timeline = GTK_WIDGET (get_timeline (&fixture));
      g_assert_true (has_line (timeline, "Decision", TRUE));
      g_assert_true (has_line (timeline, "Invitation", TRUE));
      g_assert_true (has_label (timeline, decision));
      g_assert_true (has_label (timeline, "Kutsu tapaamiseen · In Finnish · Handed over 8.12.2026"));
      g_assert_true (has_line (timeline, " · Sari Sosiaalityöntekijä", TRUE));
    }
  fixture_tear_down (&fixture, NULL);
}

/* Issue 9, 5: the plan's version, its review date and an overdue action
 * are entries of their own; the review, ahead, is the newest. */
static void
test_client_plan (void)
{
  Fixture fixture = { 0 };
  g_autofree char *review = NULL;
  g_autofree char *due = NULL;
  GtkWidget *timeline;
  GDate day;

  seed_plan = TRUE;
  fixture_set_up (&fixture, NULL);
  seed_plan = FALSE;
  screenshot_page (&fixture, "person-timeline-plan");
  g_assert_cmpint (entry_at (&fixture, 0)->kind, ==, KH_TIMELINE_PLAN_REVIEW);
  if (g_getenv ("KOHTAAMO_LOCALEDIR") == NULL)
    {
      g_autofree char *review_line = NULL;
      g_autofree char *action_line = NULL;

      kh_test_ui_day_from_now (&day, 60);
      review = kh_calendar_format_day (&day);
      kh_test_ui_day_from_now (&day, -7);
      due = kh_calendar_format_day (&day);
      timeline = GTK_WIDGET (get_timeline (&fixture));
      review_line = g_strdup_printf ("Version 1 · To be reviewed by %s", review);
      action_line = g_strdup_printf ("Soitan vuokranantajalle · The client · due %s", due);
      g_assert_true (has_line (timeline, " · Client plan review due", TRUE));
      g_assert_true (has_line (timeline, " · Client plan made", TRUE));
      g_assert_true (has_line (timeline, " · Plan action overdue", TRUE));
      g_assert_true (has_label (timeline, review_line));
      g_assert_true (has_label (timeline, action_line));
      /* Kela's action is not late: no entry. */
      for (guint i = 0; i < g_list_model_get_n_items (kh_person_timeline_get_model (get_timeline (&fixture))); i++)
        if (entry_at (&fixture, i)->kind == KH_TIMELINE_PLAN_ACTION)
          g_assert_cmpstr (entry_at (&fixture, i)->text, ==, "Soitan vuokranantajalle");
    }
  fixture_tear_down (&fixture, NULL);
}

static gboolean
plan_window_loaded_cb (gpointer data)
{
  GtkWindow *window = kh_test_ui_find_window (KH_TYPE_PLAN_WINDOW);

  return window != NULL && kh_plan_window_get_loaded (KH_PLAN_WINDOW (window));
}

static GtkWidget *
find_with_class (GtkWidget  *widget,
                 const char *css_class)
{
  if (gtk_widget_has_css_class (widget, css_class))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_with_class (child, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Issue 9, 3: the case with a finished assessment and a plan offers the
 * plan on the person's page; it opens the review of its version 1, and
 * so do the plan's entries on the timeline. */
static void
test_open_plan (void)
{
  Fixture fixture = { 0 };
  GtkWidget *button;
  GtkWindow *window;
  guint opened = 0;

  seed_plan = TRUE;
  fixture_set_up (&fixture, NULL);
  seed_plan = FALSE;
  button = find_with_class (GTK_WIDGET (fixture.page), "kh-plan-button");
  g_assert_nonnull (button);
  if (g_getenv ("KOHTAAMO_LOCALEDIR") == NULL)
    g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "Client Plan…");
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (kh_test_wait_until (plan_window_loaded_cb, NULL, 10000));
  window = kh_test_ui_find_window (KH_TYPE_PLAN_WINDOW);
  g_assert_cmpint (kh_plan_window_get_stored (KH_PLAN_WINDOW (window))->version, ==, 1);
  g_assert_nonnull (kh_plan_window_get_field (KH_PLAN_WINDOW (window), "goal-rating", 0, -1));
  gtk_window_destroy (window);
  g_assert_null (kh_test_ui_find_window (KH_TYPE_PLAN_WINDOW));

  /* Issue 9, 5: the plan's entries on the timeline open it too: its
   * review date, and the version itself. */
  for (guint i = 0; i < g_list_model_get_n_items (kh_person_timeline_get_model (get_timeline (&fixture))); i++)
    {
      KhTimelineKind kind = entry_at (&fixture, i)->kind;
      GtkListView *list;

      if (kind != KH_TIMELINE_PLAN_REVIEW && kind != KH_TIMELINE_PLAN)
        continue;
      list = GTK_LIST_VIEW (find_descendant (GTK_WIDGET (get_timeline (&fixture)), GTK_TYPE_LIST_VIEW));
      g_signal_emit_by_name (list, "activate", i);
      g_assert_true (kh_test_wait_until (plan_window_loaded_cb, NULL, 10000));
      window = kh_test_ui_find_window (KH_TYPE_PLAN_WINDOW);
      g_assert_cmpint (kh_plan_window_get_stored (KH_PLAN_WINDOW (window))->version, ==, 1);
      g_assert_cmpint (kh_plan_window_get_stored (KH_PLAN_WINDOW (window))->case_id, ==,
                       entry_at (&fixture, i)->case_id);
      gtk_window_destroy (window);
      g_assert_null (kh_test_ui_find_window (KH_TYPE_PLAN_WINDOW));
      opened++;
    }
  g_assert_cmpuint (opened, ==, 2);
  fixture_tear_down (&fixture, NULL);
}

/* The entry of the person's decision in the timeline's list. */
static guint
decision_position (Fixture *fixture)
{
  GListModel *model = kh_person_timeline_get_model (get_timeline (fixture));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (entry_at (fixture, i)->kind == KH_TIMELINE_DOCUMENT && entry_at (fixture, i)->n1 == KH_DOCUMENT_DECISION)
      return i;
  g_assert_not_reached ();
}

static gboolean
document_shown_cb (gpointer data)
{
  GtkWindow *window = kh_test_ui_find_window (KH_TYPE_DOCUMENT_WINDOW);
  KhDocumentView *view = window != NULL ? kh_document_window_get_view (KH_DOCUMENT_WINDOW (window)) : NULL;

  /* Laid out on screen: the page as wide as A4 at 100 %. */
  return view != NULL && kh_document_view_get_n_pages (view) > 0 && !kh_document_view_is_rendering (view)
         && gtk_widget_get_width (kh_document_view_get_page (view, 0)) == 794;
}

static gboolean
refusal_shown_cb (gpointer data)
{
  return kh_test_ui_find_window (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

/* Activating the decision's row (as a click or Enter does) reads its PDF
 * through the store, which logs the reading and names the document, and
 * shows it in a window of its own. */
static void
test_open_document (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *subtitle = g_strdup_printf ("Decision · No. 1/%d · In Swedish", g_date_time_get_year (now));
  g_autofree char *reads = NULL;
  GtkListView *list;
  GtkWindow *window;
  KhDocumentView *view;
  KhTestUi sql = { 0 };

  seed_documents = TRUE;
  fixture_set_up (&fixture, NULL);
  seed_documents = FALSE;
  g_assert_cmpuint (count_reads (&fixture, KH_ACCESS_DOCUMENT), ==, 0);
  list = GTK_LIST_VIEW (find_descendant (GTK_WIDGET (get_timeline (&fixture)), GTK_TYPE_LIST_VIEW));
  g_signal_emit_by_name (list, "activate", decision_position (&fixture));
  g_assert_true (kh_test_wait_until (document_shown_cb, &fixture, 10000));

  window = kh_test_ui_find_window (KH_TYPE_DOCUMENT_WINDOW);
  view = kh_document_window_get_view (KH_DOCUMENT_WINDOW (window));
  g_assert_true (gtk_window_get_transient_for (window) == GTK_WINDOW (fixture.shell.window));
  g_assert_cmpstr (gtk_window_get_title (window), ==, "Beslut om kompletterande utkomststöd");
  g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (adw_header_bar_get_title_widget (
                     ADW_HEADER_BAR (find_descendant (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR))))), ==, subtitle);
  g_assert_cmpuint (kh_document_view_get_n_pages (view), ==, 1);

  /* One reading in the access log, naming the decision. */
  g_assert_cmpuint (count_reads (&fixture, KH_ACCESS_DOCUMENT), ==, 1);
  sql.location = fixture.shell.path;
  sql.pg_dbname = fixture.pg_dbname;
  reads = g_strdup_printf ("SELECT count(*) FROM document_reads WHERE document_id = %" G_GINT64_FORMAT,
                           entry_at (&fixture, decision_position (&fixture))->id);
  g_assert_cmpint (kh_test_ui_count (&sql, reads), ==, 1);

  gtk_window_destroy (window);
  fixture_tear_down (&fixture, NULL);
}

/* A document whose bytes are no longer those issued: the store's
 * message, and no window of the document. */
static void
test_open_damaged_document (void)
{
  Fixture fixture = { 0 };
  KhTestUi sql = { 0 };
  GtkListView *list;
  GtkWindow *dialog;
  g_autofree char *tamper = NULL;
  g_autofree char *expected = NULL;
  gint64 id;

  seed_documents = TRUE;
  fixture_set_up (&fixture, NULL);
  seed_documents = FALSE;
  id = entry_at (&fixture, decision_position (&fixture))->id;
  sql.location = fixture.shell.path;
  sql.pg_dbname = fixture.pg_dbname;
  if (fixture.pg_dbname != NULL)
    {
      kh_test_ui_sql (&sql, "ALTER TABLE documents DISABLE TRIGGER documents_rules");
      kh_test_ui_sql (&sql, "ALTER TABLE documents DROP CONSTRAINT documents_sha256_check");
      tamper = g_strdup_printf ("UPDATE documents SET pdf = pdf || '\\x2020'::bytea WHERE id = %" G_GINT64_FORMAT, id);
    }
  else
    {
      kh_test_ui_sql (&sql, "DROP TRIGGER documents_no_update");
      tamper = g_strdup_printf ("UPDATE documents SET pdf = CAST (pdf || X'2020' AS BLOB) WHERE id = %" G_GINT64_FORMAT,
                                id);
    }
  kh_test_ui_sql (&sql, tamper);

  list = GTK_LIST_VIEW (find_descendant (GTK_WIDGET (get_timeline (&fixture)), GTK_TYPE_LIST_VIEW));
  g_signal_emit_by_name (list, "activate", decision_position (&fixture));
  g_assert_true (kh_test_wait_until (refusal_shown_cb, &fixture, 10000));
  dialog = kh_test_ui_find_window (ADW_TYPE_MESSAGE_DIALOG);
  expected = g_strdup_printf ("The issued document %" G_GINT64_FORMAT " is not as it was issued: its bytes no longer "
                              "give the SHA-256 stored with it. Restore the latest backup.", id);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "The Document Cannot Be Opened");
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==, expected);
  g_assert_null (kh_test_ui_find_window (KH_TYPE_DOCUMENT_WINDOW));
  gtk_window_destroy (dialog);
  fixture_tear_down (&fixture, NULL);
}

/* For the pictures: KH_TEST_SCREENSHOTS=DIR, in the language of the run. */
static void
test_screenshot (Fixture       *fixture,
                 gconstpointer  data)
{
  AdwViewStack *stack = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (fixture->shell.window),
                                                                      KH_TYPE_WINDOW, "view_stack"));

  adw_view_stack_set_visible_child_name (stack, "clients");
  gtk_window_set_default_size (GTK_WINDOW (fixture->shell.window), 1280, 960);
  kh_test_spin (300);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->shell.window));
  kh_test_ui_screenshot (GTK_WIDGET (fixture->shell.window), "person-timeline");
  /* And the details scrolled to their end: the cases, the meetings and
   * the network map's row. */
  if (g_getenv ("KH_TEST_SCREENSHOTS") != NULL)
    {
      GtkWidget *details = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (fixture->page),
                                                                      KH_TYPE_PERSON_PAGE, "details_page"));
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (
        GTK_SCROLLED_WINDOW (gtk_widget_get_first_child (details)));

      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->shell.window));
      kh_test_ui_screenshot (GTK_WIDGET (fixture->shell.window), "person-timeline-lower");
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
    }
  type_note (get_timeline (fixture), "Tapaaminen\xe2\x80\x8b sovittu");
  gtk_widget_activate_action (GTK_WIDGET (get_timeline (fixture)), "timeline.save", NULL);
  g_assert_true (kh_test_wait_until (message_shown_cb, fixture, 10000));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->shell.window));
  kh_test_ui_screenshot (GTK_WIDGET (fixture->shell.window), "person-timeline-invalid");
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

  g_test_add ("/ui/person-timeline/newest-first", Fixture, NULL,
              fixture_set_up, test_newest_first, fixture_tear_down);
  g_test_add ("/ui/person-timeline/write-note", Fixture, NULL,
              fixture_set_up, test_write_note, fixture_tear_down);
  g_test_add ("/ui/person-timeline/correct-note", Fixture, NULL,
              fixture_set_up, test_correct_note, fixture_tear_down);
  g_test_add ("/ui/person-timeline/invalid-note-kept", Fixture, NULL,
              fixture_set_up, test_invalid_note_kept, fixture_tear_down);
  g_test_add ("/ui/person-timeline/note-asks", Fixture, NULL,
              fixture_set_up, test_note_asks, fixture_tear_down);
  g_test_add ("/ui/person-timeline/back-lets-go", Fixture, NULL,
              fixture_set_up, test_back_lets_go, fixture_tear_down);
  g_test_add ("/ui/person-timeline/one-log-row-per-reading", Fixture, NULL,
              fixture_set_up, test_one_log_row_per_reading, fixture_tear_down);
  g_test_add_func ("/ui/person-timeline/not-for-reception", test_not_for_reception);
  g_test_add_func ("/ui/person-timeline/many-cases", test_many_cases);
  g_test_add_func ("/ui/person-timeline/issued-documents", test_issued_documents);
  g_test_add_func ("/ui/person-timeline/client-plan", test_client_plan);
  g_test_add_func ("/ui/person-timeline/open-plan", test_open_plan);
  g_test_add_func ("/ui/person-timeline/open-document", test_open_document);
  g_test_add_func ("/ui/person-timeline/open-damaged-document", test_open_damaged_document);
  g_test_add ("/ui/person-timeline/screenshot", Fixture, NULL,
              fixture_set_up, test_screenshot, fixture_tear_down);

  return g_test_run ();
}
