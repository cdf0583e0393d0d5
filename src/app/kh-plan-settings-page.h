/* kh-plan-settings-page.h — Preferences → Client Plans: the unit's
 * evaluation scale and its lists of services and methods for reviews
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "store/kh-store.h"

G_BEGIN_DECLS

#define KH_TYPE_PLAN_SETTINGS_PAGE (kh_plan_settings_page_get_type ())
G_DECLARE_FINAL_TYPE (KhPlanSettingsPage, kh_plan_settings_page, KH, PLAN_SETTINGS_PAGE, AdwPreferencesPage)

KhPlanSettingsPage *kh_plan_settings_page_new         (KhStore            *store,
                                                       gboolean            can_edit);
/* Store calls under way (for tests). */
guint               kh_plan_settings_page_get_pending (KhPlanSettingsPage *self);
/* For tests: "step-fi", "step-sv", "remove-step" of step `index` (from
 * 0); "add-step", "reset-scale", "save-scale", "services",
 * "save-services", "methods", "save-methods" (the lists are text views). */
GtkWidget          *kh_plan_settings_page_get_field   (KhPlanSettingsPage *self,
                                                       const char         *name,
                                                       int                 index);
/* The steps shown. */
guint               kh_plan_settings_page_get_steps   (KhPlanSettingsPage *self);

G_END_DECLS
