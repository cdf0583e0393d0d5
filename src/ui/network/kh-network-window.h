/* kh-network-window.h — the client's network: the map and its list
 * (issue 9)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "store/kh-store.h"
#include "kh-ecomap.h"
#include "kh-network-export.h"

G_BEGIN_DECLS

#define KH_TYPE_NETWORK_WINDOW (kh_network_window_get_type ())
G_DECLARE_FINAL_TYPE (KhNetworkWindow, kh_network_window, KH, NETWORK_WINDOW, AdwWindow)

/* Whether the store's user keeps networks (kh_network_may_keep: social
 * counsellors, social workers, the lead; the store refuses others). */
gboolean         kh_network_window_may_open   (KhStore         *store);

/* The client's network window over `parent`: the one already open for
 * the client, or a new one that reads the network. */
KhNetworkWindow *kh_network_window_present    (GtkWindow       *parent,
                                               KhStore         *store,
                                               KhClient        *client);

/* The entries as last read (of KhNetworkMember, removed ones left out),
 * NULL before the first answer. "loaded" is emitted after each read. */
GPtrArray       *kh_network_window_get_members (KhNetworkWindow *self);
KhEcomap        *kh_network_window_get_map     (KhNetworkWindow *self);
GtkListBox      *kh_network_window_get_list    (KhNetworkWindow *self);
gint64           kh_network_window_get_client_id (KhNetworkWindow *self);
/* Reads the network again. */
void             kh_network_window_reload      (KhNetworkWindow *self);

/* What the Export menu writes after asking where: the map as it stands,
 * in the client's language. */
void             kh_network_window_export_async  (KhNetworkWindow       *self,
                                                  GFile                 *file,
                                                  KhNetworkExportFormat  format,
                                                  GAsyncReadyCallback    callback,
                                                  gpointer               user_data);
gboolean         kh_network_window_export_finish (KhNetworkWindow       *self,
                                                  GAsyncResult          *result,
                                                  GError               **error);

G_END_DECLS
