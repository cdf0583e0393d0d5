/* kh-invitation-batch.h — the invitation letters for many meetings as one PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "store/kh-store.h"

G_BEGIN_DECLS

#define KH_TYPE_INVITATION_BATCH (kh_invitation_batch_get_type ())
G_DECLARE_FINAL_TYPE (KhInvitationBatch, kh_invitation_batch, KH, INVITATION_BATCH, AdwWindow)

/* A window that makes the invitation letters for `appointments`
 * (KhAppointment; the cancelled ones are left out) as one PDF, each in
 * its client's language, with a progress bar and Cancel; done, it opens
 * the PDF in a KhDocumentWindow to print or save. Starts at once. */
KhInvitationBatch *kh_invitation_batch_new      (GtkWindow  *parent,
                                                 KhStore    *store,
                                                 GPtrArray  *appointments);
/* For tests: the PDF made (NULL until done), the progress shown (0–1),
 * the status line, and whether it has finished (done, failed or
 * cancelled). */
GBytes            *kh_invitation_batch_get_pdf      (KhInvitationBatch *self);
double             kh_invitation_batch_get_fraction (KhInvitationBatch *self);
const char        *kh_invitation_batch_get_status   (KhInvitationBatch *self);
gboolean           kh_invitation_batch_is_finished  (KhInvitationBatch *self);

G_END_DECLS
