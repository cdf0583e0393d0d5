/* kh-plan-share.h — what a partner agency may see of a joint client plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 9, 6: a joint client plan (SHL 39 §, 41 §) is sent to a partner
 * agency only as far as the client's consent allows. Client data is
 * confidential (ATL 703/2023 4 §) and is disclosed to an agency outside
 * the unit with the client's consent (SHL 41 §: "disclosure without
 * consent is governed by the client-rights law and ATL"), so the extract
 * an agency gets is decided here, from the consents the client has given
 * in the network (kh-network.h), on the day the extract is made:
 *
 *  - the agency must be one of the plan's partners, the plan must be a
 *    joint one, and the client must have consented to giving it the plan
 *    (KH_CONSENT_SHARE_PLAN); otherwise there is no extract;
 *  - the goals in the client's words, their actions, the client's own
 *    part, the expected duration, the follow-up and the review date are
 *    the plan that all partners follow: always in the extract;
 *  - the views of the need and of the services, the essential services,
 *    the strengths, the surroundings, the client's proposal, the factors
 *    that help or hinder, and differing views describe the client's
 *    situation: only with a consent to share information about the client
 *    (KH_CONSENT_SHARE_INFO) as well;
 *  - of the other partners, only those the client has consented to giving
 *    the plan to are named, with their responsibilities; an action of
 *    anyone else in the network (a relative, an agency without consent)
 *    keeps what is done and by when, but not by whom;
 *  - how often the client meets the worker, and why the client did not
 *    take part, stay between the client and the unit.
 *
 * The network map is never in the extract: it names the client's private
 * people. Pure: no store, no GTK.
 */
#pragma once

#include "kh-client-plan.h"
#include "kh-network.h"

G_BEGIN_DECLS

/* Whether the client's consents allow everything in `scope` for the
 * network member `member_id` on the extract's day (the caller answers it
 * with kh_network_may_share). */
typedef gboolean (*KhPlanScopeFunc) (gint64          member_id,
                                     KhConsentScope  scope,
                                     gpointer        user_data);

/* The extract of `plan` for the partner agency `member_id`: a new plan
 * with only what that agency may see, and in `with_info` whether it has
 * the client's situation too (KH_CONSENT_SHARE_INFO). NULL with a
 * translated G_IO_ERROR_PERMISSION_DENIED when the plan is not joint, the
 * agency is not one of its partners, or the client has not consented to
 * giving it the plan. */
KhClientPlan *kh_client_plan_for_partner (const KhClientPlan *plan,
                                          gint64              member_id,
                                          KhPlanScopeFunc     may_share,
                                          gpointer            user_data,
                                          gboolean           *with_info,
                                          GError            **error);

/* The consent of one entry (`consents`, of KhNetworkConsent) that a
 * disclosure of `scope` on `today` rests on: a consent VALID then that
 * covers every flag of `scope` (kh_network_may_share's rule), the one
 * given last (by given_on, then id) when several do; NULL when none. */
KhNetworkConsent *kh_plan_share_consent (GPtrArray      *consents,
                                         KhConsentScope  scope,
                                         const GDate    *today);

G_END_DECLS
