/* kh-network-consent-dialog.h — recording the client's consent for an
 * entry of the network (issue 9)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/kh-network.h"
#include "store/kh-store.h"

G_BEGIN_DECLS

#define KH_TYPE_NETWORK_CONSENT_DIALOG (kh_network_consent_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KhNetworkConsentDialog, kh_network_consent_dialog, KH, NETWORK_CONSENT_DIALOG, AdwWindow)

/* A new consent for `member`; "recorded" (KhNetworkConsent) once the
 * store has it, then the dialog closes. */
KhNetworkConsentDialog *kh_network_consent_dialog_new       (KhStore                *store,
                                                             GtkWindow              *parent,
                                                             gint64                  client_id,
                                                             KhNetworkMember        *member);
/* "scope-N" (N the flag's bit), "given", "expires", "note", "record",
 * "message". */
GtkWidget              *kh_network_consent_dialog_get_field (KhNetworkConsentDialog *self,
                                                             const char             *name);

G_END_DECLS
