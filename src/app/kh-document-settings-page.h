/* kh-document-settings-page.h — Preferences → Documents: what the unit's
 * letters and decisions say about the unit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "store/kh-store.h"

G_BEGIN_DECLS

#define KH_TYPE_DOCUMENT_SETTINGS_PAGE (kh_document_settings_page_get_type ())
G_DECLARE_FINAL_TYPE (KhDocumentSettingsPage, kh_document_settings_page, KH, DOCUMENT_SETTINGS_PAGE,
                      AdwPreferencesPage)

KhDocumentSettingsPage *kh_document_settings_page_new         (KhStore                *store,
                                                               gboolean                can_edit);
/* Store calls under way (for tests). */
guint                   kh_document_settings_page_get_pending (KhDocumentSettingsPage *self);
/* The decision maker's subpage while it is shown (for tests). */
GtkWidget              *kh_document_settings_page_get_editor  (KhDocumentSettingsPage *self);
/* Reads, checks and stores `file` as the logo, as choosing it does. */
void                    kh_document_settings_page_load_logo   (KhDocumentSettingsPage *self,
                                                               GFile                  *file);

G_END_DECLS
