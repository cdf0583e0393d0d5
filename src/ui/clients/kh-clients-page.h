/* kh-clients-page.h — the People view: search, then a person's page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "store/kh-store.h"
#include "ui/intake/kh-intake-form.h"   /* KhDiscardCallback */

G_BEGIN_DECLS

#define KH_TYPE_CLIENTS_PAGE (kh_clients_page_get_type ())
G_DECLARE_FINAL_TYPE (KhClientsPage, kh_clients_page, KH, CLIENTS_PAGE, GtkWidget)

/* signal: "toast" (AdwToast *toast) — a message for the window's toast overlay */

GtkWidget *kh_clients_page_new          (KhStore       *store);
/* Opens the person's page (e.g. from reception). */
void       kh_clients_page_show_client  (KhClientsPage *self,
                                         gint64         client_id);
/* A case note is being written on the person's page. */
gboolean   kh_clients_page_has_unsaved_note (KhClientsPage     *self);
/* Shows that note and asks whether to throw it away (see
 * kh_person_page_ask_discard_note). */
void       kh_clients_page_ask_discard_note (KhClientsPage     *self,
                                             GtkWindow         *parent,
                                             KhDiscardCallback  callback,
                                             gpointer           user_data);
/* Back to the search with the cursor in the search entry. */
void       kh_clients_page_focus_search (KhClientsPage *self);

G_END_DECLS
