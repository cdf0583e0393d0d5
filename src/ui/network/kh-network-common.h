/* kh-network-common.h — what the network page, its dialogs and its
 * comparison share (issue 9)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/kh-ecomap-layout.h"
#include "core/kh-network.h"
#include "core/kh-records.h"

G_BEGIN_DECLS

/* The language the UI is shown in, for the map's own words (its sectors'
 * names): "fi", "sv", or "en" for the English source (any other UI
 * language falls back to it). Letters and exports use the client's. */
const char     *kh_network_ui_language        (void);

/* Today, as the consents are judged. */
void            kh_network_today              (GDate            *out);

/* The map's entries for `members` (of KhNetworkMember; removed ones left
 * out), `*n_entries` of them; the labels are the members' own: free the
 * array with g_free while the members live. */
KhEcomapEntry  *kh_network_ecomap_entries     (GPtrArray        *members,
                                               guint            *n_entries);

/* Where the entry's consent stands today, as one state: VALID when a
 * consent is in force, else the state of the newest consent given by
 * today (EXPIRED, WITHDRAWN), else NONE. `scope` gets what the consents
 * in force allow (may be NULL). */
KhConsentState  kh_network_member_consent     (KhNetworkMember  *member,
                                               const GDate      *today,
                                               KhConsentScope   *scope);
/* "Consent in force", "Consent expired" … in the UI language. */
const char     *kh_network_consent_badge      (KhConsentState    state);
/* The style class of that badge: "success", "warning", "error" or
 * "dim-label". */
const char     *kh_network_consent_style      (KhConsentState    state);

/* The tie in one word, as the map's legend names it ("Stressful"), in
 * the UI language. */
const char     *kh_network_tie_word           (KhTieQuality      tie);

/* "Mother · Family and relatives" (a person), "Contact: Liisa Virta ·
 * Health care" (a service): who the entry is, in the UI language. */
char           *kh_network_member_describe    (KhNetworkMember  *member);

/* One line for each change between two versions ("Added: Maija Lehto",
 * "Changed: Maija Lehto — tie: Stressful or in conflict → Ordinary"), in
 * the UI language; an empty array when nothing changed. */
GPtrArray      *kh_network_describe_changes   (GPtrArray        *changes);

/* The client's name in the map's centre: the first of the first names
 * and the last name ("Johanna Hakala"), as the map is shown to the client
 * and reads in a small circle. */
char           *kh_network_client_map_name    (const KhClient   *client);

/* The frame of the network's windows: `header` over a stack (its page
 * "loading" a spinner, shown first) in a toast overlay. */
void            kh_network_frame              (AdwWindow        *window,
                                               GtkWidget        *header,
                                               GtkStack        **stack,
                                               AdwToastOverlay **toasts);

/* A day as the forms show it ("7.12.2026"). */
char           *kh_network_format_date        (const GDate      *day);

G_END_DECLS
