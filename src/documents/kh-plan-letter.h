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
} KhPlanLetter;

KhDocument *kh_plan_letter_build (const KhPlanLetter   *letter,
                                  const KhUnitProfile  *profile);

G_END_DECLS
