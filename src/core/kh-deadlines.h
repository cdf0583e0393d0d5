/* kh-deadlines.h — statutory deadlines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "kh-calendar.h"
#include "kh-enums.h"

G_BEGIN_DECLS

/* SHL 36 §: the service-need assessment must start by the 7th working day
 * after the contact for a person over 75, on the highest care allowance, or
 * disabled (675/2023). `groups` is KhDeadlineGroup flags; `birth` (may be
 * NULL) adds OVER_75 by itself when the person is over 75 on `contact_day`.
 * Returns FALSE (and leaves `out` alone) when no statutory deadline applies. */
gboolean kh_deadline_assessment_start (KhCalendar  *calendar,
                                       const GDate *contact_day,
                                       guint        groups,
                                       const GDate *birth,
                                       GDate       *out);

/* The groups that apply, including OVER_75 derived from the birth date. */
guint    kh_deadline_effective_groups (guint        groups,
                                       const GDate *birth,
                                       const GDate *contact_day);

/* The number of working days in the SHL 36 § rule (7). */
#define KH_ASSESSMENT_START_WORKING_DAYS 7

/* Where "over 75" (yli 75-vuotias / över 75 år) begins: the age in whole
 * years on the contact day at which OVER_75 applies. The statute's wording
 * could be read as "from the day after the 75th birthday" or even "from the
 * 76th"; municipal guidance paraphrases it as "75 vuotta täyttänyt" (has
 * turned 75), and erring towards the earlier deadline protects the person,
 * so a person counts from their 75th birthday. domain-law.md 1.1 marks the
 * boundary NOT CONFIRMED: this is the one place to change it. */
#define KH_DEADLINE_OVER_75_MIN_AGE 75

G_END_DECLS
