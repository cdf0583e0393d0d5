/* kh-decision.h — a decision (päätös / beslut) as a printable document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lays out a KhDecisionContent (core/kh-decision-rules.h) in the CLIENT's
 * language, whatever the UI's language: the matter and the party, the
 * decision and what the party gets, the reasons, the provisions applied,
 * the decision maker, the preparer and who gives more information, and the
 * instructions for requesting rectification as an attachment on a page of
 * its own, with the last day for the request computed for this decision's
 * sending date and delivery (core/kh-rectification.h).
 */
#pragma once

#include "core/kh-calendar.h"
#include "core/kh-decision-rules.h"
#include "kh-document.h"

G_BEGIN_DECLS

/* A new document for `content` in content->language ("fi" or "sv"). The
 * content is not checked here (kh_decision_check); what is missing is
 * left out. The letterhead comes from content->authority; the caller may
 * add a logo (kh_document_set_logo). */
KhDocument  *kh_decision_build                  (const KhDecisionContent *content,
                                                 KhCalendar              *calendar);

/* The sentence with the last day for a request for rectification in
 * `language`: "Oikaisuvaatimus on tehtävä viimeistään 8.4.2026." (newly
 * allocated), or NULL when the last day cannot be known yet (a proven
 * delivery whose date of receipt is not known). */
char        *kh_decision_last_day_sentence      (const KhDecisionContent *content,
                                                 KhCalendar              *calendar);

G_END_DECLS
