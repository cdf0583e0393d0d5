/* kh-attempt-dialog.h — recording an attempt to reach a person (issue 8, 3)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/kh-contact-attempt.h"
#include "store/kh-store.h"

G_BEGIN_DECLS

#define KH_TYPE_ATTEMPT_DIALOG (kh_attempt_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KhAttemptDialog, kh_attempt_dialog, KH, ATTEMPT_DIALOG, AdwWindow)

/* For the person `client_id` (`client_name` in the title). `contacts` (of
 * KhTimelineEntry of kind KH_TIMELINE_CONTACT, newest first; may be NULL)
 * are what the attempt may follow up; the newest that was not entered in
 * error is chosen at first. The time starts as now. */
KhAttemptDialog *kh_attempt_dialog_new       (KhStore    *store,
                                              GtkWindow  *parent,
                                              gint64      client_id,
                                              const char *client_name,
                                              GPtrArray  *contacts);

/* For tests: a field by name ("method", "outcome", "follows", "day",
 * "time", "note", "record", "message"). */
GtkWidget       *kh_attempt_dialog_get_field (KhAttemptDialog *self,
                                              const char      *name);

/* Signal "recorded" (KhContactAttempt *stored): recorded; the dialog
 * closes after it. */

G_END_DECLS
