/* kh-assessment-wizard.c — the service-need assessment, step by step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Six steps beside their list (issue 7, 3): the list shows which are
 * complete, Back and Next move between them (Alt+Left, Alt+Right), and any
 * step can be opened at any time. The wizard keeps the assessment as a
 * plain record (core/kh-assessment.h): every edit makes a copy, reads the
 * steps' widgets into it, normalises it and checks it, and ::changed tells
 * the owner, who saves it as the draft, so that leaving loses nothing.
 * What applies and what is missing are the core's answers, not the
 * widgets' (STYLE.md 16).
 */
#define G_LOG_DOMAIN "kohtaamo-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "kh-assessment-wizard-private.h"
#include "kh-self-assessment.h"

G_DEFINE_FINAL_TYPE (KhAssessmentWizard, kh_assessment_wizard, GTK_TYPE_WIDGET)

enum {
  SIGNAL_CHANGED,
  SIGNAL_FINISH,
  SIGNAL_STEP_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_steps (KhAssessmentWizard *self)
{
  KhAssessmentStep step = kh_assessment_wizard_get_step (self);
  gboolean finished = self->assessment->status == KH_ASSESSMENT_FINISHED;

  for (guint i = 0; i < KH_ASSESSMENT_N_STEPS; i++)
    {
      gboolean complete = self->check->step_complete[i];
      GtkImage *icon = self->step_icons[i];
      GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (icon), GTK_TYPE_LIST_BOX_ROW);
      g_autofree char *name = g_strdup_printf ("%s, %s", kh_assessment_step_label (i),
                                               complete ? _("complete") : _("not complete"));

      gtk_image_set_from_icon_name (icon, complete ? "emblem-ok-symbolic" : "radio-symbolic");
      gtk_widget_set_opacity (GTK_WIDGET (icon), complete ? 1.0 : 0.45);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.back", step > KH_ASSESSMENT_STEP_START);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.next", step < KH_ASSESSMENT_STEP_REVIEW);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.finish", self->check->can_finish);
  gtk_widget_set_visible (GTK_WIDGET (self->next_button), step < KH_ASSESSMENT_STEP_REVIEW);
  gtk_widget_set_visible (GTK_WIDGET (self->finish_button), step == KH_ASSESSMENT_STEP_REVIEW && !finished);
  /* A finished assessment is read-only; its summary stays readable (an
   * insensitive page is greyed out). */
  for (guint i = 0; i < KH_ASSESSMENT_N_STEPS; i++)
    gtk_widget_set_sensitive (self->pages[i].page, !finished || i == KH_ASSESSMENT_STEP_REVIEW);
  if (step == KH_ASSESSMENT_STEP_REVIEW)
    _kh_assessment_steps_show_review (self);
}

static void
replace_assessment (KhAssessmentWizard *self,
                    KhAssessment       *assessment)   /* (transfer full) */
{
  g_clear_pointer (&self->assessment, kh_assessment_free);
  g_clear_pointer (&self->check, kh_assessment_check_free);
  self->assessment = assessment;
  kh_assessment_normalize (self->assessment);
  self->check = kh_assessment_check (self->assessment, self->today);
}

void
_kh_assessment_wizard_edited (KhAssessmentWizard *self,
                              KhAssessment       *copy)
{
  if (copy == NULL)
    copy = kh_assessment_copy (self->assessment);
  _kh_assessment_steps_apply (self, copy);
  kh_assessment_normalize (copy);
  if (kh_assessment_equal (copy, self->assessment))
    {
      kh_assessment_free (copy);
      return;
    }
  replace_assessment (self, copy);
  _kh_assessment_steps_render_edit (self);
  update_steps (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

void
_kh_assessment_wizard_go_to (KhAssessmentWizard *self,
                             KhAssessmentStep    step)
{
  kh_assessment_wizard_set_step (self, step);
  gtk_widget_child_focus (self->pages[step].page, GTK_DIR_TAB_FORWARD);
}

static void
step_selected_cb (GtkListBox         *list,
                  GtkListBoxRow      *row,
                  KhAssessmentWizard *self)
{
  if (row != NULL)
    kh_assessment_wizard_set_step (self, gtk_list_box_row_get_index (row));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KhAssessmentWizard *self = KH_ASSESSMENT_WIZARD (widget);
  KhAssessmentStep step = kh_assessment_wizard_get_step (self);

  if (step > KH_ASSESSMENT_STEP_START)
    _kh_assessment_wizard_go_to (self, step - 1);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KhAssessmentWizard *self = KH_ASSESSMENT_WIZARD (widget);
  KhAssessmentStep step = kh_assessment_wizard_get_step (self);

  if (step < KH_ASSESSMENT_STEP_REVIEW)
    _kh_assessment_wizard_go_to (self, step + 1);
}

static void
finish_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KhAssessmentWizard *self = KH_ASSESSMENT_WIZARD (widget);

  if (self->check->can_finish)
    g_signal_emit (self, signals[SIGNAL_FINISH], 0);
}

static void
self_assessment_done_cb (KhSelfAssessment   *window,
                         KhAssessmentWizard *self)
{
  guint n = self->assessment->areas->len;
  g_autofree int *ratings = g_new0 (int, MAX (n, 1));
  g_autofree char *words = kh_self_assessment_dup_words (window);

  for (guint i = 0; i < n; i++)
    ratings[i] = kh_self_assessment_get_rating (window, i);
  _kh_assessment_steps_take_self_assessment (self, ratings, words);
}

/* Issue 7, 3: the client's own rating on the worker's screen. */
static void
self_assessment_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  KhAssessmentWizard *self = KH_ASSESSMENT_WIZARD (widget);
  const GPtrArray *areas = self->assessment->areas;
  g_autofree const char **labels = g_new0 (const char *, areas->len + 1);
  g_autofree int *ratings = g_new0 (int, MAX (areas->len, 1));
  KhSelfAssessment *window;

  for (guint i = 0; i < areas->len; i++)
    {
      const KhAreaAssessment *area = g_ptr_array_index (areas, i);

      labels[i] = area->label;
      ratings[i] = area->client_rating;
    }
  window = kh_self_assessment_new (GTK_WINDOW (gtk_widget_get_root (widget)), labels, areas->len,
                                   ratings, self->assessment->client_view,
                                   (const char * const *) self->answers);
  g_signal_connect_object (window, "done", G_CALLBACK (self_assessment_done_cb), self, 0);
  gtk_window_present (GTK_WINDOW (window));
}

static void
add_step_row (KhAssessmentWizard *self,
              KhAssessmentStep    step)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name ("radio-symbolic");
  g_autofree char *text = g_strdup_printf ("%u. %s", step + 1, kh_assessment_step_label (step));
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (kh_assessment_step_label (step));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_append (self->steps_list, box);
  self->step_icons[step] = GTK_IMAGE (icon);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "title-2");
  gtk_box_append (GTK_BOX (content), title);
  gtk_widget_set_margin_top (content, 24);
  gtk_widget_set_margin_bottom (content, 24);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 760);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_stack_add_named (self->stack, scroller, kh_assessment_step_label (step));
  self->pages[step].page = scroller;
  self->pages[step].box = GTK_BOX (content);
}

static void
kh_assessment_wizard_dispose (GObject *object)
{
  KhAssessmentWizard *self = KH_ASSESSMENT_WIZARD (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), KH_TYPE_ASSESSMENT_WIZARD);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (kh_assessment_wizard_parent_class)->dispose (object);
}

static void
kh_assessment_wizard_finalize (GObject *object)
{
  KhAssessmentWizard *self = KH_ASSESSMENT_WIZARD (object);
  GPtrArray *arrays[] = { self->participant_rows, self->client_rating_rows, self->area_situation,
                          self->area_strengths, self->area_concerns, self->area_rating_rows,
                          self->need_checks, self->service_checks, self->issue_rows };

  for (guint i = 0; i < G_N_ELEMENTS (arrays); i++)
    g_ptr_array_unref (arrays[i]);
  g_clear_pointer (&self->assessment, kh_assessment_free);
  g_clear_pointer (&self->check, kh_assessment_check_free);
  g_free (self->today);
  g_strfreev (self->answers);

  G_OBJECT_CLASS (kh_assessment_wizard_parent_class)->finalize (object);
}

static void
kh_assessment_wizard_class_init (KhAssessmentWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_assessment_wizard_dispose;
  object_class->finalize = kh_assessment_wizard_finalize;

  /* The assessment as typed changed: save it as the draft. */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* Finish was chosen, and the check allows it. */
  signals[SIGNAL_FINISH] =
    g_signal_new ("finish", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* Another step is shown: the owner saves the draft at once, so that
   * opening it again continues there (the record's current_step). */
  signals[SIGNAL_STEP_CHANGED] =
    g_signal_new ("step-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/assessment/kh-assessment-wizard.ui");
  gtk_widget_class_bind_template_child (widget_class, KhAssessmentWizard, back_button);
  gtk_widget_class_bind_template_child (widget_class, KhAssessmentWizard, finish_button);
  gtk_widget_class_bind_template_child (widget_class, KhAssessmentWizard, next_button);
  gtk_widget_class_bind_template_child (widget_class, KhAssessmentWizard, stack);
  gtk_widget_class_bind_template_child (widget_class, KhAssessmentWizard, status_label);
  gtk_widget_class_bind_template_child (widget_class, KhAssessmentWizard, steps_list);

  gtk_widget_class_install_action (widget_class, "wizard.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "wizard.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "wizard.finish", NULL, finish_action);
  gtk_widget_class_install_action (widget_class, "wizard.self-assessment", NULL, self_assessment_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "wizard.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "wizard.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK, "wizard.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK, "wizard.next", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
kh_assessment_wizard_init (KhAssessmentWizard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->assessment = kh_assessment_new ();
  self->check = kh_assessment_check (self->assessment, NULL);
  for (KhAssessmentStep step = 0; step < KH_ASSESSMENT_N_STEPS; step++)
    add_step_row (self, step);
  _kh_assessment_steps_build (self);
  g_signal_connect_object (self->steps_list, "row-selected", G_CALLBACK (step_selected_cb), self, 0);
  gtk_list_box_select_row (self->steps_list, gtk_list_box_get_row_at_index (self->steps_list, 0));
  update_steps (self);
}

GtkWidget *
kh_assessment_wizard_new (void)
{
  return g_object_new (KH_TYPE_ASSESSMENT_WIZARD, NULL);
}

void
kh_assessment_wizard_set_assessment (KhAssessmentWizard *self,
                                     const KhAssessment *assessment,
                                     const char         *today)
{
  g_return_if_fail (KH_IS_ASSESSMENT_WIZARD (self));
  g_return_if_fail (assessment != NULL);

  g_free (self->today);
  self->today = g_strdup (today);
  replace_assessment (self, kh_assessment_copy (assessment));
  _kh_assessment_steps_render (self);
  /* A draft opens where the worker left it (issue 7, 3), or, never moved
   * from the start, at the first step with something missing; a finished
   * one at its summary. */
  self->setting++;
  if (self->assessment->status == KH_ASSESSMENT_FINISHED)
    kh_assessment_wizard_set_step (self, KH_ASSESSMENT_STEP_REVIEW);
  else if (self->assessment->current_step > KH_ASSESSMENT_STEP_START
           && self->assessment->current_step < KH_ASSESSMENT_N_STEPS)
    kh_assessment_wizard_set_step (self, self->assessment->current_step);
  else
    kh_assessment_wizard_set_step (self, self->check->first_incomplete);
  self->setting--;
  self->assessment->current_step = kh_assessment_wizard_get_step (self);
  update_steps (self);
}

const KhAssessment *
kh_assessment_wizard_get_assessment (KhAssessmentWizard *self)
{
  g_return_val_if_fail (KH_IS_ASSESSMENT_WIZARD (self), NULL);

  return self->assessment;
}

const KhAssessmentCheck *
kh_assessment_wizard_get_check (KhAssessmentWizard *self)
{
  g_return_val_if_fail (KH_IS_ASSESSMENT_WIZARD (self), NULL);

  return self->check;
}

KhAssessmentStep
kh_assessment_wizard_get_step (KhAssessmentWizard *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (KH_IS_ASSESSMENT_WIZARD (self), KH_ASSESSMENT_STEP_START);

  row = gtk_list_box_get_selected_row (self->steps_list);
  return row != NULL ? gtk_list_box_row_get_index (row) : KH_ASSESSMENT_STEP_START;
}

void
kh_assessment_wizard_set_step (KhAssessmentWizard *self,
                               KhAssessmentStep    step)
{
  GtkListBoxRow *row;

  g_return_if_fail (KH_IS_ASSESSMENT_WIZARD (self));
  g_return_if_fail (step < KH_ASSESSMENT_N_STEPS);

  row = gtk_list_box_get_row_at_index (self->steps_list, step);
  if (gtk_list_box_get_selected_row (self->steps_list) != row)
    gtk_list_box_select_row (self->steps_list, row);
  gtk_stack_set_visible_child (self->stack, self->pages[step].page);
  /* A new step opens at its top. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->pages[step].page)), 0);
  update_steps (self);
  if (self->assessment->current_step != step)
    {
      self->assessment->current_step = step;
      if (self->setting == 0)
        g_signal_emit (self, signals[SIGNAL_STEP_CHANGED], 0);
    }
}

void
kh_assessment_wizard_set_status (KhAssessmentWizard *self,
                                 const char         *status)
{
  g_return_if_fail (KH_IS_ASSESSMENT_WIZARD (self));

  gtk_label_set_text (self->status_label, status != NULL ? status : "");
}

void
kh_assessment_wizard_set_self_assessment_answers (KhAssessmentWizard *self,
                                                  const char * const *answers)
{
  g_return_if_fail (KH_IS_ASSESSMENT_WIZARD (self));
  g_return_if_fail (answers == NULL || g_strv_length ((char **) answers) == KH_RATING_MAX);

  g_strfreev (self->answers);
  self->answers = g_strdupv ((char **) answers);
}
