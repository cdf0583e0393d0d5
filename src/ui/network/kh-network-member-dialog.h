/* kh-network-member-dialog.h — adding, changing and removing an entry of
 * the client's network, with its consents (issue 9)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/kh-network.h"
#include "store/kh-store.h"

G_BEGIN_DECLS

#define KH_TYPE_NETWORK_MEMBER_DIALOG (kh_network_member_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KhNetworkMemberDialog, kh_network_member_dialog, KH, NETWORK_MEMBER_DIALOG, AdwWindow)

/* A new entry of `kind` (`member` NULL), or `member` as read (copied) to
 * change. "changed" is emitted after each write the store took: the entry
 * saved or removed, a consent recorded or withdrawn. */
KhNetworkMemberDialog *kh_network_member_dialog_new       (KhStore         *store,
                                                           GtkWindow       *parent,
                                                           gint64           client_id,
                                                           const char      *client_name,
                                                           KhNetworkKind    kind,
                                                           KhNetworkMember *member);

/* The form's widgets by name, for the tests: "name", "relation",
 * "relation-text", "contact", "service", "contact-person", "sector",
 * "distance", "tie", "direction", "support-N" (N the flag's bit), "note",
 * "save", "remove", "record-consent", "consents", "consent-state",
 * "message". */
GtkWidget             *kh_network_member_dialog_get_field (KhNetworkMemberDialog *self,
                                                           const char            *name);
/* The entry as it stands in the dialog (as last read or saved). */
KhNetworkMember       *kh_network_member_dialog_get_member (KhNetworkMemberDialog *self);

G_END_DECLS
