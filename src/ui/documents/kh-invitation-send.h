/* kh-invitation-send.h — issuing one meeting's invitation letter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "core/kh-appointment.h"
#include "core/kh-document-kind.h"
#include "core/kh-records.h"
#include "store/kh-store.h"

G_BEGIN_DECLS

/* Issues the invitation letter of `appointment` in its language (the
 * client's): reads the unit's letterhead, the service point and the
 * person (a logged read, to address the letter), then issues the letter
 * through the store, rendered inside the issuing transaction, sent today
 * by post. The result is the document as issued, with its PDF. INVALID
 * with a translated message for a cancelled meeting, a person with a
 * non-disclosure marking (their letters are not addressed from here) or
 * without an address. */
void              kh_invitation_send_async  (KhStore              *store,
                                             const KhAppointment  *appointment,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
KhIssuedDocument *kh_invitation_send_finish (GAsyncResult         *result,
                                             GError              **error);

/* The name ("First Last") and the postal address lines a letter to
 * `client` is addressed with, newly allocated. FALSE when no letter is
 * addressed from the desk: a non-disclosure marking or an address the
 * store withheld (*is_protected TRUE; ATL 38 §), or no address. */
gboolean          kh_letter_addressee       (const KhClient       *client,
                                             char                **name,
                                             char                **address,
                                             gboolean             *is_protected);

G_END_DECLS
