/* kh-self-assessment.h — the client's own rating, on the worker's screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KH_TYPE_SELF_ASSESSMENT (kh_self_assessment_get_type ())
G_DECLARE_FINAL_TYPE (KhSelfAssessment, kh_self_assessment, KH, SELF_ASSESSMENT, AdwWindow)

KhSelfAssessment *kh_self_assessment_new        (GtkWindow          *parent,
                                                 const char * const *labels,
                                                 guint               n_areas,
                                                 const int          *ratings,
                                                 const char         *words,
                                                 const char * const *answers);
int               kh_self_assessment_get_rating (KhSelfAssessment   *self,
                                                 guint               index);
char             *kh_self_assessment_dup_words  (KhSelfAssessment   *self);
GtkToggleButton  *kh_self_assessment_get_button (KhSelfAssessment   *self,
                                                 guint               index,
                                                 int                 rating);
GtkTextView      *kh_self_assessment_get_words_view (KhSelfAssessment *self);

G_END_DECLS
