/* kh-plan-extract.h — giving a joint client plan to a partner agency
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/kh-client-plan.h"
#include "core/kh-document-kind.h"
#include "store/kh-store.h"

G_BEGIN_DECLS

/* Issue 9, 6: gives the extract of `plan` (an accepted joint plan, with
 * its client_id and case_id) to the partner agency `member_id` of the
 * client's network: reads the network with its consents (a logged read),
 * the unit's letterhead and the person (a logged read, for the name and
 * identity code), makes the extract with kh_client_plan_for_partner from
 * the consents in force today, lays it out in the client's language and
 * issues it as a client plan that names the agency and the consent it
 * rests on (the store refuses it without that consent, ATL 10 §).
 * G_IO_ERROR_PERMISSION_DENIED, translated, when the client has not
 * consented to giving the agency the plan. */
void              kh_plan_extract_send_async  (KhStore             *store,
                                               const KhClientPlan  *plan,
                                               gint64               member_id,
                                               KhDocumentDelivery   delivery,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
KhIssuedDocument *kh_plan_extract_send_finish (GAsyncResult        *result,
                                               GError             **error);

/* A small window that lists the plan's partners, each with where the
 * client's consent to giving it the plan stands today, takes one and the
 * way it is given, and gives the extract; the issued document then opens
 * in the document window. */
#define KH_TYPE_PLAN_EXTRACT_DIALOG (kh_plan_extract_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KhPlanExtractDialog, kh_plan_extract_dialog, KH, PLAN_EXTRACT_DIALOG, AdwWindow)

GtkWidget        *kh_plan_extract_dialog_new  (GtkWindow           *parent,
                                               KhStore             *store,
                                               const KhClientPlan  *plan);

G_END_DECLS
