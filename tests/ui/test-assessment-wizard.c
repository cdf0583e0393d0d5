/* test-assessment-wizard.c — the service-need assessment's steps in a real
 * window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 7, 3 and 5: the wizard is driven through its widgets as a worker
 * would fill it in; what it records is read from the record it keeps, and
 * what it shows (which steps are complete, what is missing, what applies)
 * is compared with the core's rules. The private header gives the test the
 * steps' widgets.
 */
#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "core/kh-enums.h"
#include "ui/assessment/kh-assessment-fields.h"
#include "ui/assessment/kh-assessment-wizard-private.h"
#include "ui/assessment/kh-self-assessment.h"

#include "kh-test-ui.h"

#define TODAY "2026-12-04"

typedef struct {
  KhTestUi            ui;
  KhAssessmentWizard *wizard;
  guint               n_changed;
  guint               n_finish;
} Fixture;

static void
changed_cb (KhAssessmentWizard *wizard,
            Fixture            *f)
{
  f->n_changed++;
}

static void
finish_cb (KhAssessmentWizard *wizard,
           Fixture            *f)
{
  f->n_finish++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  kh_test_ui_set_up (&f->ui);
  f->wizard = KH_ASSESSMENT_WIZARD (kh_assessment_wizard_new ());
  g_signal_connect (f->wizard, "changed", G_CALLBACK (changed_cb), f);
  g_signal_connect (f->wizard, "finish", G_CALLBACK (finish_cb), f);
  kh_test_ui_show (&f->ui, GTK_WIDGET (f->wizard));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *wizard = GTK_WIDGET (f->wizard);

  g_object_ref (wizard);
  gtk_window_set_child (GTK_WINDOW (f->ui.window), NULL);
  kh_test_ui_tear_down (&f->ui);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (wizard);
}

static void
start_new (Fixture *f)
{
  g_autoptr(KhAssessment) a = kh_assessment_start (3, 4, kh_assessment_default_area_keys (), NULL, TODAY);

  for (guint i = 0; i < a->areas->len; i++)
    {
      KhAreaAssessment *area = g_ptr_array_index (a->areas, i);

      g_free (area->label);
      area->label = g_strdup (kh_assessment_default_area_label (area->key));
    }
  kh_assessment_wizard_set_assessment (f->wizard, a, TODAY);
}

static void
type_note (GtkTextView *view,
           const char  *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, text, -1);
}

static void
choose (AdwComboRow *row,
        int          value)
{
  kh_choice_row_set (row, value);
  g_assert_cmpint (kh_choice_row_get (row), ==, value);
}

static const KhAssessment *
current (Fixture *f)
{
  return kh_assessment_wizard_get_assessment (f->wizard);
}

static gboolean
shows (GtkTextView *note)
{
  return gtk_widget_get_visible (kh_note_field_get_box (note));
}

/* A new draft opens at its start, nothing complete, nothing to finish. */
static void
test_new_draft (Fixture       *f,
                gconstpointer  data)
{
  const KhAssessmentCheck *check;

  start_new (f);
  check = kh_assessment_wizard_get_check (f->wizard);
  g_assert_cmpint (kh_assessment_wizard_get_step (f->wizard), ==, KH_ASSESSMENT_STEP_START);
  for (guint i = 0; i < KH_ASSESSMENT_N_STEPS; i++)
    g_assert_false (check->step_complete[i]);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->wizard->date_entry)), ==, "4.12.2026");
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (f->wizard->back_button)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->wizard->finish_button)));
  /* The unit's seven areas, each with its rows. */
  g_assert_cmpuint (f->wizard->area_situation->len, ==, 7);
  g_assert_cmpuint (f->wizard->client_rating_rows->len, ==, 7);
  /* What does not apply yet is not shown. */
  g_assert_false (shows (f->wizard->absent_reason));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->wizard->children_count_row)));
  g_assert_false (shows (f->wizard->next_step_reasons));
  g_assert_cmpuint (f->n_changed, ==, 0);

  /* Alt+Right's action moves on; the step list follows. */
  gtk_widget_activate_action (GTK_WIDGET (f->wizard), "wizard.next", NULL);
  g_assert_cmpint (kh_assessment_wizard_get_step (f->wizard), ==, KH_ASSESSMENT_STEP_CLIENT_VIEW);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (f->wizard->back_button)));
  gtk_widget_activate_action (GTK_WIDGET (f->wizard), "wizard.back", NULL);
  g_assert_cmpint (kh_assessment_wizard_get_step (f->wizard), ==, KH_ASSESSMENT_STEP_START);
}

/* Filled in through the widgets, step by step, as at the desk. */
static void
test_fill_and_finish (Fixture       *f,
                      gconstpointer  data)
{
  KhAssessmentWizard *w = f->wizard;
  const KhAssessmentCheck *check;
  guint changes;

  start_new (f);

  /* Start: the client absent first, which asks why. */
  choose (w->present_row, KH_ANSWER_NO);
  g_assert_cmpuint (f->n_changed, ==, 1);
  g_assert_true (shows (w->absent_reason));
  type_note (w->absent_reason, "Sairaalassa.");
  g_assert_cmpstr (current (f)->client_absent_reason, ==, "Sairaalassa.");
  choose (w->present_row, KH_ANSWER_YES);
  g_assert_false (shows (w->absent_reason));
  g_assert_null (current (f)->client_absent_reason);

  gtk_editable_set_text (GTK_EDITABLE (w->date_entry), "3.12.2026");
  g_assert_cmpstr (current (f)->assessed_on, ==, "2026-12-03");

  choose (w->new_kind_row, KH_PARTICIPANT_RELATIVE);
  gtk_editable_set_text (GTK_EDITABLE (w->new_name_row), "Aino Testinen");
  gtk_editable_set_text (GTK_EDITABLE (w->new_role_row), "sisar");
  g_signal_emit_by_name (w->new_role_row, "entry-activated");
  g_assert_cmpuint (current (f)->participants->len, ==, 1);
  g_assert_cmpstr (((KhParticipant *) g_ptr_array_index (current (f)->participants, 0))->name, ==, "Aino Testinen");
  g_assert_cmpuint (w->participant_rows->len, ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (w->new_name_row)), ==, "");

  choose (w->rights_row, KH_ANSWER_YES);
  choose (w->options_row, KH_ANSWER_YES);
  choose (w->understood_row, KH_ANSWER_YES);
  choose (w->children_row, KH_ANSWER_YES);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (w->children_count_row)));
  gtk_spin_button_set_value (w->children_count, 2);
  choose (w->children_checked_row, KH_ANSWER_YES);
  check = kh_assessment_wizard_get_check (w);
  g_assert_true (check->step_complete[KH_ASSESSMENT_STEP_START]);
  g_assert_cmpuint (current (f)->children_count, ==, 2);

  /* The client's view: typing keeps the spaces in the field, the record
   * keeps the text cleaned. */
  gtk_widget_activate_action (GTK_WIDGET (w), "wizard.next", NULL);
  type_note (w->client_view, "Haluan pitää ");
  g_assert_cmpstr (current (f)->client_view, ==, "Haluan pitää");
  type_note (w->client_view, "asunnon.");
  g_assert_cmpstr (current (f)->client_view, ==, "Haluan pitää asunnon.");
  g_assert_false (shows (w->client_view_obstacle));
  choose (g_ptr_array_index (w->client_rating_rows, 5), 2);
  g_assert_cmpint (((KhAreaAssessment *) g_ptr_array_index (current (f)->areas, 5))->client_rating, ==, 2);
  g_assert_true (kh_assessment_wizard_get_check (w)->step_complete[KH_ASSESSMENT_STEP_CLIENT_VIEW]);

  /* Life areas: housing. */
  gtk_widget_activate_action (GTK_WIDGET (w), "wizard.next", NULL);
  type_note (g_ptr_array_index (w->area_situation, 5), "Vuokrarästejä kolmelta kuukaudelta.");
  choose (g_ptr_array_index (w->area_rating_rows, 5), 2);
  g_assert_cmpstr (((KhAreaAssessment *) g_ptr_array_index (current (f)->areas, 5))->situation, ==,
                   "Vuokrarästejä kolmelta kuukaudelta.");
  g_assert_true (kh_assessment_wizard_get_check (w)->step_complete[KH_ASSESSMENT_STEP_LIFE_AREAS]);

  /* Special support. */
  gtk_widget_activate_action (GTK_WIDGET (w), "wizard.next", NULL);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (w->duration_row)));
  choose (w->support_row, KH_ANSWER_YES);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (w->duration_row)));
  choose (w->duration_row, KH_NEED_DURATION_TEMPORARY);
  choose (w->special_row, KH_ANSWER_NO);
  g_assert_false (kh_assessment_wizard_get_check (w)->step_complete[KH_ASSESSMENT_STEP_SPECIAL_SUPPORT]);
  type_note (w->special_reasons, "Hakee palvelut itse.");
  gtk_check_button_set_active (g_ptr_array_index (w->need_checks, 1), TRUE);
  g_assert_cmpuint (current (f)->needs, ==, KH_NEED_HOUSING);
  g_assert_true (kh_assessment_wizard_get_check (w)->step_complete[KH_ASSESSMENT_STEP_SPECIAL_SUPPORT]);

  /* Conclusions. */
  gtk_widget_activate_action (GTK_WIDGET (w), "wizard.next", NULL);
  type_note (w->summary, "Asunto on vaarassa vuokrarästien vuoksi.");
  type_note (w->conclusions, "Asiakkuuden edellytykset täyttyvät.");
  gtk_check_button_set_active (g_ptr_array_index (w->service_checks, KH_SHL_SERVICE_SOCIAL_GUIDANCE - 1), TRUE);
  g_assert_cmpuint (current (f)->services, ==, KH_SHL_SERVICE_BIT (KH_SHL_SERVICE_SOCIAL_GUIDANCE));
  choose (w->client_on_worker_row, KH_RESPONSIBLE_WORKER_NEEDED);
  choose (w->worker_on_worker_row, KH_RESPONSIBLE_WORKER_NEEDED);
  choose (w->next_step_row, KH_NEXT_STEP_CLOSE);
  g_assert_true (shows (w->next_step_reasons));
  /* Closing while services are needed is refused by the core's rule. */
  type_note (w->next_step_reasons, "Ei perusteita.");
  g_assert_true (kh_assessment_check_has (kh_assessment_wizard_get_check (w), KH_ASSESSMENT_PROBLEM_NEXT_STEP));
  choose (w->next_step_row, KH_NEXT_STEP_CLIENT_PLAN);
  g_assert_false (shows (w->next_step_reasons));
  g_assert_null (current (f)->next_step_reasons);

  /* Review: nothing missing, Finish offered and emitted. */
  gtk_widget_activate_action (GTK_WIDGET (w), "wizard.next", NULL);
  check = kh_assessment_wizard_get_check (w);
  for (guint i = 0; i < check->issues->len; i++)
    g_test_message ("missing: %s", ((KhAssessmentIssue *) g_ptr_array_index (check->issues, i))->message);
  g_assert_true (check->can_finish);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (w->finish_button)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (w->next_button)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (w->issues_group)));
  for (guint i = 0; i < KH_ASSESSMENT_N_STEPS; i++)
    g_assert_true (check->step_complete[i]);
  changes = f->n_changed;
  gtk_widget_activate_action (GTK_WIDGET (w), "wizard.finish", NULL);
  g_assert_cmpuint (f->n_finish, ==, 1);
  g_assert_cmpuint (f->n_changed, ==, changes);
  kh_test_ui_screenshot (f->ui.window, "assessment-review");
}

/* The review lists what is missing and each row opens its step. */
static void
test_review_goes_to_step (Fixture       *f,
                          gconstpointer  data)
{
  KhAssessmentWizard *w = f->wizard;
  AdwActionRow *row;

  start_new (f);
  kh_assessment_wizard_set_step (w, KH_ASSESSMENT_STEP_REVIEW);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (w->issues_group)));
  g_assert_cmpuint (w->issue_rows->len, ==, kh_assessment_wizard_get_check (w)->issues->len);
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (w->finish_button)));
  /* The first is about the start; the last about the conclusions. */
  row = g_ptr_array_index (w->issue_rows, w->issue_rows->len - 1);
  g_signal_emit_by_name (row, "activated");
  g_assert_cmpint (kh_assessment_wizard_get_step (w), ==, KH_ASSESSMENT_STEP_CONCLUSIONS);
  kh_test_ui_screenshot (f->ui.window, "assessment-conclusions");
}

/* Resumed: the wizard opens at the first step with something missing and
 * shows what was saved. */
static void
test_resume (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(KhAssessment) a = kh_assessment_start (3, 4, kh_assessment_default_area_keys (), NULL, "2026-12-01");

  a->client_present = KH_ANSWER_YES;
  a->rights_explained = KH_ANSWER_YES;
  a->options_explained = KH_ANSWER_YES;
  a->client_understood = KH_ANSWER_PARTLY;
  a->information_note = g_strdup ("Tulkki paikalla.\n\nKäytiin läpi kahdesti.");
  a->has_children = KH_ANSWER_NO;
  a->disagreement = TRUE;
  a->worker_disagreement = g_strdup ("Omatyöntekijä tarvitaan.");
  kh_assessment_wizard_set_assessment (f->wizard, a, TODAY);

  g_assert_cmpint (kh_assessment_wizard_get_step (f->wizard), ==, KH_ASSESSMENT_STEP_CLIENT_VIEW);
  g_assert_true (kh_assessment_wizard_get_check (f->wizard)->step_complete[KH_ASSESSMENT_STEP_START]);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (f->wizard->date_entry)), ==, "1.12.2026");
  {
    g_autofree char *note = kh_note_field_dup_text (f->wizard->information_note);

    g_assert_cmpstr (note, ==, "Tulkki paikalla.\n\nKäytiin läpi kahdesti.");
  }
  g_assert_true (gtk_switch_get_active (f->wizard->disagreement_switch));
  g_assert_true (shows (f->wizard->worker_disagreement));
  /* Showing it changed nothing: no draft to save. */
  g_assert_cmpuint (f->n_changed, ==, 0);
  g_assert_true (kh_assessment_equal (current (f), a));
}

/* The window the client answers in. */
static KhSelfAssessment *
find_self_assessment (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* (transfer none) */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (KH_IS_SELF_ASSESSMENT (window))
        return KH_SELF_ASSESSMENT (window);
    }
  return NULL;
}

/* Does any label under `widget` show `text`? */
static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (shows_text (c, text))
      return TRUE;
  return FALSE;
}

/* Issue 7, 3: the client rates the areas on the worker's screen, which
 * shows nothing else of the record. */
static void
test_self_assessment (Fixture       *f,
                      gconstpointer  data)
{
  KhAssessmentWizard *w = f->wizard;
  KhSelfAssessment *window;
  KhAreaAssessment *housing;
  g_autoptr(KhAssessment) a = kh_assessment_start (3, 4, kh_assessment_default_area_keys (), NULL, TODAY);

  for (guint i = 0; i < a->areas->len; i++)
    {
      KhAreaAssessment *area = g_ptr_array_index (a->areas, i);

      g_free (area->label);
      area->label = g_strdup (kh_assessment_default_area_label (area->key));
    }
  housing = g_ptr_array_index (a->areas, 5);
  housing->situation = g_strdup ("Vuokrarästejä kolmelta kuukaudelta.");
  housing->worker_rating = 2;
  a->client_view = g_strdup ("Haluan pitää asunnon.");
  kh_assessment_wizard_set_assessment (w, a, TODAY);
  kh_assessment_wizard_set_step (w, KH_ASSESSMENT_STEP_CLIENT_VIEW);

  gtk_widget_activate_action (GTK_WIDGET (w), "wizard.self-assessment", NULL);
  window = find_self_assessment ();
  g_assert_nonnull (window);
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)));
  /* Nothing of the worker's: not the notes, not the worker's rating. */
  g_assert_false (shows_text (GTK_WIDGET (window), "Vuokrarästejä"));
  g_assert_true (shows_text (GTK_WIDGET (window), kh_assessment_default_area_label ("housing")));
  {
    g_autofree char *words = kh_self_assessment_dup_words (window);

    g_assert_cmpstr (words, ==, "Haluan pitää asunnon.");
  }
  for (guint i = 0; i < 7; i++)
    g_assert_cmpint (kh_self_assessment_get_rating (window, i), ==, 0);
  kh_test_ui_screenshot (GTK_WIDGET (window), "assessment-self");

  gtk_toggle_button_set_active (kh_self_assessment_get_button (window, 5, 2), TRUE);
  gtk_toggle_button_set_active (kh_self_assessment_get_button (window, 0, 4), TRUE);
  gtk_toggle_button_set_active (kh_self_assessment_get_button (window, 0, 5), TRUE);
  g_assert_cmpint (kh_self_assessment_get_rating (window, 0), ==, 5);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (kh_self_assessment_get_words_view (window)),
                            "Haluan pitää asunnon ja löytää työtä.", -1);
  /* Done hands the answers over and closes the window. */
  {
    g_autoptr(GtkWidget) held = g_object_ref (GTK_WIDGET (window));

    gtk_widget_activate_action (GTK_WIDGET (window), "self.done", NULL);
    g_assert_false (gtk_widget_get_visible (held));
  }
  g_assert_null (find_self_assessment ());
  g_assert_cmpint (((KhAreaAssessment *) g_ptr_array_index (current (f)->areas, 5))->client_rating, ==, 2);
  g_assert_cmpint (((KhAreaAssessment *) g_ptr_array_index (current (f)->areas, 0))->client_rating, ==, 5);
  g_assert_cmpint (((KhAreaAssessment *) g_ptr_array_index (current (f)->areas, 5))->worker_rating, ==, 2);
  g_assert_cmpstr (current (f)->client_view, ==, "Haluan pitää asunnon ja löytää työtä.");
  g_assert_cmpint (kh_choice_row_get (g_ptr_array_index (w->client_rating_rows, 0)), ==, 5);
  g_assert_cmpuint (f->n_changed, ==, 1);
}

/* A finished assessment is shown, not edited. */
static void
test_finished (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(KhAssessment) a = kh_assessment_start (3, 4, kh_assessment_default_area_keys (), NULL, "2026-12-01");

  a->status = KH_ASSESSMENT_FINISHED;
  kh_assessment_wizard_set_assessment (f->wizard, a, TODAY);
  kh_assessment_wizard_set_step (f->wizard, KH_ASSESSMENT_STEP_REVIEW);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->wizard->finish_button)));
  /* The steps are read-only; the summary stays readable, not greyed out. */
  g_assert_true (gtk_widget_get_sensitive (f->wizard->pages[KH_ASSESSMENT_STEP_REVIEW].page));
  for (guint i = 0; i < KH_ASSESSMENT_STEP_REVIEW; i++)
    g_assert_false (gtk_widget_get_sensitive (f->wizard->pages[i].page));

  /* Back to a draft, every step can be edited again. */
  a->status = KH_ASSESSMENT_DRAFT;
  kh_assessment_wizard_set_assessment (f->wizard, a, TODAY);
  for (guint i = 0; i < KH_ASSESSMENT_N_STEPS; i++)
    g_assert_true (gtk_widget_get_sensitive (f->wizard->pages[i].page));
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("KOHTAAMO_LOCALEDIR");

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  if (localedir != NULL)
    {
      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, localedir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/ui/assessment-wizard/new-draft", test_new_draft);
  ADD ("/ui/assessment-wizard/fill-and-finish", test_fill_and_finish);
  ADD ("/ui/assessment-wizard/review-goes-to-step", test_review_goes_to_step);
  ADD ("/ui/assessment-wizard/resume", test_resume);
  ADD ("/ui/assessment-wizard/self-assessment", test_self_assessment);
  ADD ("/ui/assessment-wizard/finished", test_finished);

  return g_test_run ();
}
