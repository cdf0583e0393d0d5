/* test-contact-page.c — a saved contact opened, corrected, and marked
 * entered in error, in a real window (issue 5, 2.1)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "core/kh-hetu.h"
#include "core/kh-text.h"
#include "ui/common/kh-field-message.h"
#include "ui/intake/kh-contact-window.h"

#include "kh-test-ui.h"

typedef struct {
  KhTestUi   ui;
  gint64     contact_id;
  GtkWidget *window;         /* the contact window */
} Fixture;

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  KhIntakeResult **saved = user_data;
  g_autoptr(GError) error = NULL;

  *saved = kh_store_save_intake_finish (KH_STORE (object), result, &error);
  g_assert_no_error (error);
}

/* Aino Korhonen came to the desk today about her rent. */
static gint64
save_contact (Fixture *f)
{
  g_autoptr(KhContact) contact = kh_contact_new ();
  g_autoptr(KhClient) client = kh_client_new ();
  g_autoptr(KhIntakeResult) saved = NULL;
  KhIntake intake = { 0 };
  GDate birth;

  g_date_clear (&birth, 1);
  g_date_set_dmy (&birth, 14, 5, 1980);
  client->last_name = g_strdup ("Korhonen");
  client->first_names = g_strdup ("Aino");
  client->language = KH_LANGUAGE_FI;
  client->identity_kind = KH_IDENTITY_CODE;
  client->identity_code = kh_hetu_make (&birth, 931, 0);
  contact->channel = KH_CHANNEL_WALK_IN;
  contact->contactor = KH_CONTACTOR_SELF;
  contact->needs = KH_NEED_FINANCIAL;
  contact->reason_text = g_strdup ("Vuokra maksamatta");
  contact->urgency = KH_URGENCY_NOT_URGENT;
  contact->language = KH_LANGUAGE_FI;
  contact->outcome = KH_OUTCOME_ADVICE;
  intake.contact = contact;
  intake.client = client;
  kh_store_save_intake_async (f->ui.store, &intake, NULL, saved_cb, &saved);
  WAIT_UNTIL (saved != NULL);
  return saved->contact_id;
}

static GtkWidget *
child (Fixture    *f,
       const char *name)
{
  return kh_test_ui_child (f->window, KH_TYPE_CONTACT_WINDOW, name);
}

static const char *
page (Fixture *f)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (child (f, "stack")));
}

/* Is `text` shown by a visible label or row inside `widget`? */
static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  if (!gtk_widget_get_visible (widget))
    return FALSE;
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (shows_text (c, text))
      return TRUE;
  return FALSE;
}

static void
history_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  KhContactHistory **history = user_data;
  g_autoptr(GError) error = NULL;

  *history = kh_store_get_contact_history_finish (KH_STORE (object), result, &error);
  g_assert_no_error (error);
}

static KhContactHistory *
stored_history (Fixture *f)
{
  KhContactHistory *history = NULL;

  kh_store_get_contact_history_async (f->ui.store, f->contact_id, NULL, history_cb, &history);
  WAIT_UNTIL (history != NULL);
  return history;
}

static AdwMessageDialog *
find_dialog (void)
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

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  kh_test_ui_set_up (&f->ui);
  kh_test_ui_show (&f->ui, gtk_label_new (NULL));
  f->contact_id = save_contact (f);
  f->window = kh_contact_window_new (f->ui.store, f->contact_id, GTK_WINDOW (f->ui.window));
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *) &f->window);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 680,
                               g_getenv ("KH_TEST_SCREENSHOTS") ? 1500 : 760);
  gtk_window_present (GTK_WINDOW (f->window));
  WAIT_UNTIL (g_strcmp0 (page (f), "view") == 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  /* Widgets finalized, not only hidden. */
  WAIT_UNTIL (f->window == NULL);
  kh_test_ui_tear_down (&f->ui);
}

static void
test_open_and_correct (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(KhContactHistory) history = NULL;
  GtkWidget *reason = child (f, "reason_row");
  g_autofree char *too_long = NULL;
  KhContactRevision *revision;

  /* The contact as saved, and its history so far: the recording. */
  g_assert_true (shows_text (child (f, "details_group"), "Vuokra maksamatta"));
  g_assert_true (shows_text (child (f, "details_group"), "Korhonen, Aino"));
  g_assert_true (shows_text (child (f, "history_group"), "Recorded by"));
  g_assert_false (gtk_widget_get_visible (child (f, "error_label")));
  g_assert_true (gtk_widget_get_visible (child (f, "correct_button")));

  /* Correct…: the editor holds the values as saved. */
  g_assert_true (gtk_widget_activate_action (f->window, "contact.correct", NULL));
  g_assert_cmpstr (page (f), ==, "edit");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (reason)), ==, "Vuokra maksamatta");
  /* Only what applies: she came herself, so no relative's name. */
  g_assert_false (gtk_widget_get_visible (child (f, "contactor_name_row")));
  g_assert_false (gtk_widget_get_visible (child (f, "directed_by_row")));

  /* Too long: the message is at the field, and what was typed stays. */
  too_long = g_strnfill (4001, 'a');
  gtk_editable_set_text (GTK_EDITABLE (reason), too_long);
  g_assert_true (gtk_widget_activate_action (f->window, "contact.save", NULL));
  g_assert_cmpstr (page (f), ==, "edit");
  g_assert_true (kh_field_message_is_shown (reason));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (reason)), ==, too_long);

  gtk_editable_set_text (GTK_EDITABLE (reason), "Sähkölasku maksamatta");
  gtk_editable_set_text (GTK_EDITABLE (child (f, "correction_reason_row")), "Väärä asiakas kirjoitti");
  g_assert_true (gtk_widget_activate_action (f->window, "contact.save", NULL));
  WAIT_UNTIL (g_strcmp0 (page (f), "view") == 0
              && shows_text (child (f, "history_group"), "Corrected by"));
  g_assert_false (kh_field_message_is_shown (reason));
  g_assert_true (shows_text (child (f, "details_group"), "Sähkölasku maksamatta"));
  /* Who changed what: the field, and what it held before. */
  g_assert_true (shows_text (child (f, "history_group"), "changed: Reason"));
  g_assert_true (shows_text (child (f, "history_group"), "Before: Vuokra maksamatta"));
  kh_test_ui_screenshot (f->window, "contact-corrected");

  history = stored_history (f);
  g_assert_cmpstr (history->contact->reason_text, ==, "Sähkölasku maksamatta");
  g_assert_cmpuint (history->revisions->len, ==, 1);
  revision = g_ptr_array_index (history->revisions, 0);
  g_assert_cmpstr (revision->before->reason_text, ==, "Vuokra maksamatta");
  g_assert_cmpstr (revision->reason, ==, "Väärä asiakas kirjoitti");
}

static void
test_cancel_keeps_contact (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(KhContactHistory) history = NULL;

  g_assert_true (gtk_widget_activate_action (f->window, "contact.correct", NULL));
  gtk_editable_set_text (GTK_EDITABLE (child (f, "reason_row")), "Jotain muuta");
  g_assert_true (gtk_widget_activate_action (f->window, "contact.cancel", NULL));
  g_assert_cmpstr (page (f), ==, "view");
  history = stored_history (f);
  g_assert_cmpstr (history->contact->reason_text, ==, "Vuokra maksamatta");
  g_assert_cmpuint (history->revisions->len, ==, 0);

  /* Saving nothing changed says so at the top of the editor. */
  g_assert_true (gtk_widget_activate_action (f->window, "contact.correct", NULL));
  g_assert_true (gtk_widget_activate_action (f->window, "contact.save", NULL));
  g_assert_cmpstr (page (f), ==, "edit");
  g_assert_true (shows_text (child (f, "edit_message_label"), "Nothing was changed"));
}

static void
test_mark_in_error (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(KhContactHistory) history = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  g_assert_true (gtk_widget_activate_action (f->window, "contact.mark-in-error", NULL));
  WAIT_UNTIL ((dialog = find_dialog ()) != NULL);
  entry = adw_message_dialog_get_extra_child (dialog);
  /* No reason, no marking. */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "mark"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "mark"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Kirjattu väärälle henkilölle");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "mark"));
  kh_test_ui_screenshot (GTK_WIDGET (dialog), "contact-mark-dialog");
  adw_message_dialog_response (dialog, "mark");

  WAIT_UNTIL (gtk_widget_get_visible (child (f, "error_label")));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (f, "error_label"))), ==,
                   "Entered in error: Kirjattu väärälle henkilölle");
  WAIT_UNTIL (shows_text (child (f, "history_group"), "Marked as entered in error by"));
  /* Nothing more can be changed; the contact stays shown as it was. */
  g_assert_false (gtk_widget_get_visible (child (f, "correct_button")));
  g_assert_false (gtk_widget_get_visible (child (f, "mark_button")));
  g_assert_true (shows_text (child (f, "details_group"), "Vuokra maksamatta"));
  kh_test_ui_screenshot (f->window, "contact-entered-in-error");

  history = stored_history (f);
  g_assert_true (history->entered_in_error);
  g_assert_cmpstr (history->error_reason, ==, "Kirjattu väärälle henkilölle");
}

static void
expand_all (GtkWidget *widget)
{
  if (ADW_IS_EXPANDER_ROW (widget))
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (widget), TRUE);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    expand_all (c);
}

/* Pictures for the eye, in whatever language the run has (LANGUAGE=fi, sv):
 * only with KH_TEST_SCREENSHOTS=DIR. It waits on data, not on words. */
static void
test_screenshots (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(KhContactHistory) history = NULL;
  AdwMessageDialog *dialog;

  if (g_getenv ("KH_TEST_SCREENSHOTS") == NULL)
    {
      g_test_skip ("KH_TEST_SCREENSHOTS is not set");
      return;
    }
  g_assert_true (gtk_widget_activate_action (f->window, "contact.correct", NULL));
  gtk_editable_set_text (GTK_EDITABLE (child (f, "reason_row")), "Sähkölasku maksamatta");
  gtk_editable_set_text (GTK_EDITABLE (child (f, "correction_reason_row")), "Kirjoitusvirhe");
  kh_test_ui_screenshot (f->window, "contact-correct");
  g_assert_true (gtk_widget_activate_action (f->window, "contact.save", NULL));
  WAIT_UNTIL (g_strcmp0 (page (f), "view") == 0
              && shows_text (child (f, "details_group"), "Sähkölasku maksamatta"));
  expand_all (child (f, "history_group"));
  kh_test_ui_screenshot (f->window, "contact-history");

  g_assert_true (gtk_widget_activate_action (f->window, "contact.mark-in-error", NULL));
  WAIT_UNTIL ((dialog = find_dialog ()) != NULL);
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)),
                         "Kirjattu väärälle henkilölle");
  kh_test_ui_screenshot (GTK_WIDGET (dialog), "contact-mark-dialog");
  adw_message_dialog_response (dialog, "mark");
  WAIT_UNTIL (gtk_widget_get_visible (child (f, "error_label")));
  history = stored_history (f);
  g_assert_true (history->entered_in_error);
  WAIT_UNTIL (g_strcmp0 (page (f), "view") == 0);
  expand_all (child (f, "history_group"));
  kh_test_ui_screenshot (f->window, "contact-in-error");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* Screenshots in Finnish and Swedish: the build tree's catalogues. */
  if (g_getenv ("KOHTAAMO_LOCALEDIR") != NULL)
    {
      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("KOHTAAMO_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/ui/contact-page/open-and-correct", test_open_and_correct);
  ADD ("/ui/contact-page/cancel-keeps-contact", test_cancel_keeps_contact);
  ADD ("/ui/contact-page/mark-in-error", test_mark_in_error);
  ADD ("/ui/contact-page/screenshots", test_screenshots);

#undef ADD
  return g_test_run ();
}
