/* kh-network-versions.h — the saved versions of the network map, two of
 * them side by side (issue 9)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "store/kh-store.h"
#include "kh-ecomap.h"

G_BEGIN_DECLS

#define KH_TYPE_NETWORK_VERSIONS (kh_network_versions_get_type ())
G_DECLARE_FINAL_TYPE (KhNetworkVersions, kh_network_versions, KH, NETWORK_VERSIONS, AdwWindow)

/* The client's versions (read from the store) and the map as it stands
 * (`members_now`, of KhNetworkMember, referenced). "loaded" when the list
 * is in, "compared" when two chosen versions are shown side by side. */
GtkWidget   *kh_network_versions_new         (KhStore           *store,
                                              GtkWindow         *parent,
                                              KhClient          *client,
                                              GPtrArray         *members_now);
/* The versions as listed (KhNetworkVersion, newest first); NULL before. */
GPtrArray   *kh_network_versions_get_list    (KhNetworkVersions *self);
/* The check button that chooses version `id` (0: the map now). */
GtkWidget   *kh_network_versions_get_check   (KhNetworkVersions *self,
                                              gint64             id);
/* The maps side by side (0: the earlier, 1: the later) and the lines that
 * say what changed between them. */
KhEcomap    *kh_network_versions_get_map     (KhNetworkVersions *self,
                                              guint              side);
GPtrArray   *kh_network_versions_get_changes (KhNetworkVersions *self);

G_END_DECLS
