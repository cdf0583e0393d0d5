/* kh-plan-window.h — a case's client plan in its own window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "store/kh-store.h"

G_BEGIN_DECLS

#define KH_TYPE_PLAN_WINDOW (kh_plan_window_get_type ())
G_DECLARE_FINAL_TYPE (KhPlanWindow, kh_plan_window, KH, PLAN_WINDOW, AdwWindow)

/* Makes the client plan of the case `case_id` of `client_id` from its
 * finished assessment, or — once it has one — reviews it into its next
 * version, in a window of its own over `parent`. `client_name` is the
 * person as shown ("Mäkinen, Aino"). Emits "saved" after each version. */
GtkWindow    *kh_plan_window_present      (GtkWindow  *parent,
                                           KhStore    *store,
                                           gint64      client_id,
                                           gint64      case_id,
                                           const char *client_name);

/* For tests: TRUE once the window shows the form (or why not). */
gboolean      kh_plan_window_get_loaded   (KhPlanWindow *self);
/* TRUE while saving or sending. */
gboolean      kh_plan_window_get_busy     (KhPlanWindow *self);
/* The newest version stored, or NULL. */
const KhClientPlan *kh_plan_window_get_stored (KhPlanWindow *self);
/* A field of the form by its name ("made", "need-client", "meetings",
 * "review", "add-goal", "joint", …), of goal `goal` ("goal-text",
 * "goal-area", "goal-status", "goal-reason", "goal-rating",
 * "goal-comment", "add-action"), of its action `item` ("action-what",
 * "action-who", "action-due", "action-status"), of the partner `item`
 * ("partner", "partner-responsibility", "partner-coordinator") or, at a
 * review, of the `item`th factor, service or method ("factor", "service",
 * "method": its expander row, switched on when it applied; with
 * "-rating" and "-comment"). */
GtkWidget    *kh_plan_window_get_field    (KhPlanWindow *self,
                                           const char   *name,
                                           int           goal,
                                           int           item);
/* The changes since the previous version, as shown, one a line. */
char         *kh_plan_window_dup_changes  (KhPlanWindow *self);
/* The evaluations of the review that made the newest version, as shown,
 * one a line ("Services: Tuettu asuminen: Much progress — …"); "" until
 * it is read or for a first version. */
char         *kh_plan_window_dup_review   (KhPlanWindow *self);

G_END_DECLS
