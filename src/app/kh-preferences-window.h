/* kh-preferences-window.h — the unit's directory, closed days and settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "store/kh-store.h"

#include "kh-document-settings-page.h"
#include "kh-plan-settings-page.h"

G_BEGIN_DECLS

#define KH_TYPE_PREFERENCES_WINDOW (kh_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (KhPreferencesWindow, kh_preferences_window, KH, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

/* Everyone may look; the lead social worker and the administrator may
 * change (as the store allows). @store must be open. */
KhPreferencesWindow *kh_preferences_window_new      (KhStore             *store);
gboolean             kh_preferences_window_can_edit (KhPreferencesWindow *self);

/* For tests: the directory's, the closed days', the settings' and the
 * Documents and Client Plans pages' store calls in
 * flight; 0 when the window shows what the store holds. */
guint                kh_preferences_window_get_pending (KhPreferencesWindow *self);
/* The subpage that edits an entry, or NULL when none is shown. */
GtkWidget           *kh_preferences_window_get_editor  (KhPreferencesWindow *self);
/* The Documents page (letterhead, rectification authority, decision makers). */
KhDocumentSettingsPage *kh_preferences_window_get_documents_page (KhPreferencesWindow *self);
/* The Client Plans page (the scale, services and methods of reviews). */
KhPlanSettingsPage *kh_preferences_window_get_plans_page (KhPreferencesWindow *self);

G_END_DECLS
