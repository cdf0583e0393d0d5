/* kh-decision-window.h — writing and issuing a decision (issue 8, items 2, 4, 5)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/kh-decision-form.h"
#include "store/kh-store.h"

G_BEGIN_DECLS

#define KH_TYPE_DECISION_WINDOW (kh_decision_window_get_type ())
G_DECLARE_FINAL_TYPE (KhDecisionWindow, kh_decision_window, KH, DECISION_WINDOW, AdwWindow)

/* Whether the signed-in worker may issue decisions (social workers and
 * the lead social worker: kh_document_may_issue). */
gboolean        kh_decision_window_may_open    (KhStore          *store);

/* A new decision for `client` as the person's page read them (no second
 * read): the party's name, identity code and address. `address_client`,
 * when not NULL, is the same person with the protected address that the
 * page has shown (a logged read of its own). `cases` (of KhCase, may be
 * NULL) are the person's cases; the newest open one is chosen. The
 * window reads the unit's document settings itself. "issued" is emitted
 * with the KhIssuedDocument (as the store kept it, without its PDF)
 * before the window closes. */
GtkWidget      *kh_decision_window_new         (KhStore          *store,
                                                GtkWindow        *parent,
                                                KhClient         *client,
                                                KhClient         *address_client,
                                                GPtrArray        *cases);

/* A correction: the form starts empty with the decision it corrects,
 * named by its register number `label` ("12/2026"), shown at its top and
 * printed on the correction ("Korjattava päätös 12/2026"). */
void            kh_decision_window_set_corrects (KhDecisionWindow *self,
                                                 gint64            document_id,
                                                 const char       *label);

/* The form's state as last read from the widgets. */
const KhDecisionForm *kh_decision_window_get_form (KhDecisionWindow *self);
/* Whether the unit's settings are in and the form is shown. */
gboolean        kh_decision_window_is_ready    (KhDecisionWindow *self);

G_END_DECLS
