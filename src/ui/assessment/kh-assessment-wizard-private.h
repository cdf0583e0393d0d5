/* kh-assessment-wizard-private.h — what the wizard and its steps share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The wizard (kh-assessment-wizard.c) keeps the assessment and its check
 * and moves between the steps; kh-assessment-steps.c makes each step's
 * widgets, shows an assessment in them (render) and reads them back into a
 * copy (apply). The rules are the core's (kh-assessment.c): the widgets
 * only show what kh_assessment_field_applies and kh_assessment_check say.
 */
#pragma once

#include "kh-assessment-wizard.h"

G_BEGIN_DECLS

typedef struct
{
  GtkWidget   *page;                   /* the scrolled page in the stack */
  GtkBox      *box;                    /* its content */
} KhStepPage;

struct _KhAssessmentWizard
{
  GtkWidget          parent_instance;

  /* template widgets */
  GtkListBox        *steps_list;
  GtkStack          *stack;
  GtkButton         *back_button;
  GtkButton         *next_button;
  GtkButton         *finish_button;
  GtkLabel          *status_label;

  KhStepPage         pages[KH_ASSESSMENT_N_STEPS];
  GtkImage          *step_icons[KH_ASSESSMENT_N_STEPS];

  /* Start */
  GtkEntry          *date_entry;
  AdwComboRow       *present_row;
  GtkTextView       *absent_reason;
  AdwPreferencesGroup *participants_group;
  GPtrArray         *participant_rows;  /* the rows shown, to remove them */
  AdwComboRow       *new_kind_row;
  AdwEntryRow       *new_name_row;
  AdwEntryRow       *new_role_row;
  AdwComboRow       *rights_row;
  AdwComboRow       *options_row;
  AdwComboRow       *understood_row;
  GtkTextView       *information_note;
  AdwComboRow       *children_row;
  AdwActionRow      *children_count_row;
  GtkSpinButton     *children_count;
  AdwComboRow       *children_checked_row;
  GtkTextView       *children_note;

  /* The client's view */
  GtkTextView       *client_view;
  GtkTextView       *client_view_obstacle;
  AdwPreferencesGroup *client_ratings_group;
  GPtrArray         *client_rating_rows;  /* AdwComboRow, one per area */

  /* Life areas: per area, in the assessment's order */
  GPtrArray         *area_situation;      /* GtkTextView */
  GPtrArray         *area_strengths;
  GPtrArray         *area_concerns;
  GPtrArray         *area_rating_rows;    /* AdwComboRow */
  GtkBox            *areas_box;

  /* Special support */
  AdwComboRow       *support_row;
  AdwComboRow       *duration_row;
  AdwComboRow       *special_row;
  GtkTextView       *special_reasons;
  GPtrArray         *need_checks;         /* GtkCheckButton, KhNeed in "kh-value" */

  /* Conclusions */
  GtkTextView       *summary;
  GtkTextView       *conclusions;
  GtkWidget         *services_box;
  GPtrArray         *service_checks;      /* GtkCheckButton, KhShlService in "kh-value" */
  GtkTextView       *services_note;
  AdwComboRow       *client_on_worker_row;
  AdwComboRow       *worker_on_worker_row;
  GtkTextView       *worker_note;
  AdwComboRow       *next_step_row;
  GtkTextView       *next_step_reasons;
  GtkSwitch         *disagreement_switch;
  GtkTextView       *client_disagreement;
  GtkTextView       *worker_disagreement;

  /* Review */
  GtkBox            *review_box;          /* rebuilt when shown */
  AdwPreferencesGroup *issues_group;
  GPtrArray         *issue_rows;

  /* state */
  KhAssessment      *assessment;          /* as typed, normalised */
  KhAssessmentCheck *check;
  char              *today;
  guint              rendering;           /* > 0 while widgets are being filled */
  guint              setting;             /* > 0 while an assessment is being shown */
  char             **answers;             /* the unit's self-assessment wording, or NULL */
};

/* kh-assessment-steps.c */
void _kh_assessment_steps_build  (KhAssessmentWizard *self);
void _kh_assessment_steps_render (KhAssessmentWizard *self);
void _kh_assessment_steps_render_edit (KhAssessmentWizard *self);
void _kh_assessment_steps_apply  (KhAssessmentWizard *self,
                                  KhAssessment       *copy);
void _kh_assessment_steps_show_review (KhAssessmentWizard *self);
void _kh_assessment_steps_take_self_assessment (KhAssessmentWizard *self,
                                                const int          *ratings,
                                                const char         *words);

/* kh-assessment-wizard.c: a widget of a step was changed by the user. */
void _kh_assessment_wizard_edited (KhAssessmentWizard *self,
                                   KhAssessment       *copy);   /* (nullable) (transfer full) */
/* Moves to a step (from the review's list of what is missing). */
void _kh_assessment_wizard_go_to (KhAssessmentWizard *self,
                                  KhAssessmentStep    step);

G_END_DECLS
