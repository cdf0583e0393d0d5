/* kh-assessment-window.h — a case's service-need assessment in its own window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "store/kh-store.h"
#include "kh-assessment-wizard.h"

G_BEGIN_DECLS

#define KH_TYPE_ASSESSMENT_WINDOW (kh_assessment_window_get_type ())
G_DECLARE_FINAL_TYPE (KhAssessmentWindow, kh_assessment_window, KH, ASSESSMENT_WINDOW, AdwWindow)

/* Starts the case's assessment, or continues its draft where the worker
 * left it, or opens its finished version read-only, in a window of its own
 * (of `parent`'s application). A case already open in a window of the same
 * store is presented again. Every change is saved as the draft as it is
 * typed; closing and quitting save first. */
GtkWindow          *kh_assessment_window_present     (GtkWindow  *parent,
                                                      KhStore    *store,
                                                      gint64      case_id);
/* Whose assessment it is, for the window's title (the caller knows it). */
void                kh_assessment_window_set_client_name (KhAssessmentWindow *self,
                                                          const char         *name);

/* Whether the user's role works with assessments (social counsellors,
 * social workers, the lead social worker): where to offer the window. */
gboolean            kh_assessment_window_may_open    (KhStore    *store);

/* For tests. */
KhAssessmentWizard *kh_assessment_window_get_wizard  (KhAssessmentWindow *self);
gint64              kh_assessment_window_get_case_id (KhAssessmentWindow *self);
/* TRUE once the assessment is shown (or why it could not be). */
gboolean            kh_assessment_window_get_loaded  (KhAssessmentWindow *self);
/* TRUE while a change is not yet saved (typed, saving, or waiting). */
gboolean            kh_assessment_window_get_unsaved (KhAssessmentWindow *self);
/* The message shown when a save or finishing failed, or NULL. */
const char         *kh_assessment_window_get_message (KhAssessmentWindow *self);
/* How long after the last keystroke the draft is saved. */
#define KH_ASSESSMENT_SAVE_DELAY_MS 500
/* … and at the latest this long after the first unsaved change, when the
 * typing goes on without a pause. */
#define KH_ASSESSMENT_SAVE_MAX_DELAY_MS 2000

G_END_DECLS
