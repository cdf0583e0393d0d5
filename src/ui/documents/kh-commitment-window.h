/* kh-commitment-window.h — writing and issuing a payment commitment (issue 8, item 3)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/kh-commitment-form.h"
#include "store/kh-store.h"

G_BEGIN_DECLS

#define KH_TYPE_COMMITMENT_WINDOW (kh_commitment_window_get_type ())
G_DECLARE_FINAL_TYPE (KhCommitmentWindow, kh_commitment_window, KH, COMMITMENT_WINDOW, AdwWindow)

/* Whether the signed-in worker may issue payment commitments (social
 * workers and the lead social worker: kh_document_may_issue). */
gboolean        kh_commitment_window_may_open (KhStore   *store);

/* A new payment commitment for `client` (as the person's page read them)
 * resting on the issued decision `decision_id` of that person, numbered
 * `number`/`year` in the register and issued on `decided` (may be NULL),
 * about `case_id` (0: none). The window reads the unit's document
 * settings itself. "issued" is emitted with the KhIssuedDocument as the
 * store kept it before the window closes; the issued commitment is then
 * shown in the document window, to print or save. */
GtkWidget      *kh_commitment_window_new      (KhStore     *store,
                                               GtkWindow   *parent,
                                               KhClient    *client,
                                               gint64       decision_id,
                                               guint        number,
                                               guint        year,
                                               const GDate *decided,
                                               gint64       case_id);

/* The form's state as last read from the widgets. */
const KhCommitmentForm *kh_commitment_window_get_form (KhCommitmentWindow *self);
/* Whether the unit's settings are in and the form is shown. */
gboolean        kh_commitment_window_is_ready (KhCommitmentWindow *self);

G_END_DECLS
