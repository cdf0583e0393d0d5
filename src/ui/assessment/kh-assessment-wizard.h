/* kh-assessment-wizard.h — the service-need assessment, step by step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/kh-assessment.h"

G_BEGIN_DECLS

#define KH_TYPE_ASSESSMENT_WIZARD (kh_assessment_wizard_get_type ())
G_DECLARE_FINAL_TYPE (KhAssessmentWizard, kh_assessment_wizard, KH, ASSESSMENT_WIZARD, GtkWidget)

GtkWidget          *kh_assessment_wizard_new            (void);
/* Shows `assessment` (copied) as it is, at its first incomplete step.
 * `today` (ISO) is the date its check uses. */
void                kh_assessment_wizard_set_assessment (KhAssessmentWizard *self,
                                                         const KhAssessment *assessment,
                                                         const char         *today);
/* The assessment as typed so far (normalised), owned by the wizard. Each
 * change emits ::changed; the owner saves it as the draft. */
const KhAssessment *kh_assessment_wizard_get_assessment (KhAssessmentWizard *self);
const KhAssessmentCheck *kh_assessment_wizard_get_check (KhAssessmentWizard *self);
KhAssessmentStep    kh_assessment_wizard_get_step       (KhAssessmentWizard *self);
void                kh_assessment_wizard_set_step       (KhAssessmentWizard *self,
                                                         KhAssessmentStep    step);
/* The unit's wording of the self-assessment's five answers (NULL: the
 * application's own), as kh_assessment_parse_self_assessment_answers gives. */
void                kh_assessment_wizard_set_self_assessment_answers (KhAssessmentWizard *self,
                                                                      const char * const *answers);
/* A line under the steps: "Saved 10.42", "Not saved: …". */
void                kh_assessment_wizard_set_status     (KhAssessmentWizard *self,
                                                         const char         *status);

G_END_DECLS
