/* kh-responsible-worker-dialog.h — naming the person's responsible worker
 * (omatyöntekijä, Social Welfare Act 42 §)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/kh-records.h"
#include "store/kh-store.h"

G_BEGIN_DECLS

#define KH_TYPE_RESPONSIBLE_WORKER_DIALOG (kh_responsible_worker_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KhResponsibleWorkerDialog, kh_responsible_worker_dialog, KH,
                      RESPONSIBLE_WORKER_DIALOG, AdwWindow)

/* For `client`, whose current naming (client->responsible_worker, may be
 * NULL) the form starts from. */
KhResponsibleWorkerDialog *kh_responsible_worker_dialog_new (KhStore   *store,
                                                             GtkWindow *parent,
                                                             KhClient  *client);

/* For tests: a field by name ("worker", "reason", "save"), and whether the
 * workers are read. */
GtkWidget *kh_responsible_worker_dialog_get_field  (KhResponsibleWorkerDialog *self,
                                                    const char                *name);
gboolean   kh_responsible_worker_dialog_is_ready   (KhResponsibleWorkerDialog *self);

/* Signal "named" (KhResponsibleWorker *naming, boxed as a pointer, valid
 * during the emission): saved; the dialog closes after it. */

G_END_DECLS
