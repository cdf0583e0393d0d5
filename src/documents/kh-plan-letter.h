/* kh-plan-letter.h — the client plan as a letter, with the network map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 9, 3 and issue 8, 3: the client plan (SHL 39 §) sent to the
 * client, in the client's language, and — for a joint plan, with the
 * client's consent — to the partner agencies (41 §): the need and the
 * services as the client and the worker see them, the strengths, the goals
 * in the client's own words with their actions, the client's own part, the
 * partners and their responsibilities, how often the client and the
 * worker meet, how progress is followed and when the plan is reviewed,
 * how the review that made this version rated each thing (issue 9, 4),
 * disagreements with both views; and the client's network map drawn
 * inside a page by the same code that draws it on screen
 * (kh_ecomap_picture_draw). A plan is not a decision, and says so.
 */
#pragma once

#include "core/kh-client-plan.h"
#include "core/kh-ecomap-layout.h"
#include "kh-letters.h"

G_BEGIN_DECLS

typedef struct
{
  KhLetter             letter;
  const KhClientPlan  *plan;
  const char          *client_name;     /* at the centre of the map */
  const KhEcomapEntry *network;         /* the map's entries, or NULL: no map */
  guint                n_network;
  /* The named responsible worker (omatyöntekijä, SHL 42 §), or all NULL. */
  KhLetterSender       responsible_worker;
  /* Issue 9, 4: the review that made this version — its evaluations
   * (KhPlanEvaluation, AVAIN's four parts) on the review's own scale, as
   * kh_db_read_plan_with_review reads them — or NULL for a version made
   * without a review: then the letter has no review section. */
  GPtrArray           *evaluations;
  const KhPlanScale   *review_scale;
} KhPlanLetter;

KhDocument *kh_plan_letter_build (const KhPlanLetter   *letter,
                                  const KhUnitProfile  *profile);

/* Issue 9, 6: the shorter version for a partner agency, addressed to the
 * agency (letter.recipient_*), in the client's language: only what the
 * client has consented to giving that agency, which is decided by
 * kh_client_plan_for_partner (core/kh-plan-share.h). Never the network
 * map: it names the client's private people. */
typedef struct
{
  KhLetter             letter;
  const KhClientPlan  *extract;         /* kh_client_plan_for_partner's */
  gboolean             with_info;       /* its with_info: the client's situation too */
  const char          *client_name;
  const char          *client_identity; /* the identity code, or NULL */
  GDate                consent_given;   /* the consent the extract rests on */
  GDate                consent_expires; /* invalid: until withdrawn */
  KhLetterSender       responsible_worker;
} KhPlanExtractLetter;

KhDocument *kh_plan_extract_build (const KhPlanExtractLetter *letter,
                                   const KhUnitProfile       *profile);

G_END_DECLS
