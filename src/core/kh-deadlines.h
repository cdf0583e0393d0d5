/* kh-deadlines.h — statutory deadlines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "kh-calendar.h"
#include "kh-enums.h"

G_BEGIN_DECLS

/* SHL 36 § 2 mom: the service-need assessment must start by the 7th working
 * day after the contact when BOTH
 *  - the person, a relative or close person, or their legal representative
 *    contacted the unit to obtain services (`contact_to_obtain_services`:
 *    not a notification by an authority, Kela or anyone else), and
 *  - the person is over 75, on the highest care allowance, or disabled
 *    (675/2023): `groups` is KhDeadlineGroup flags; `birth` (may be NULL)
 *    adds OVER_75 by itself when the person is over 75 on `contact_day`.
 * Returns FALSE (and leaves `out` alone) when no statutory date applies:
 * the assessment then starts without delay (36 § 2 mom, first sentence). */
gboolean kh_deadline_assessment_start (KhCalendar  *calendar,
                                       const GDate *contact_day,
                                       gboolean     contact_to_obtain_services,
                                       guint        groups,
                                       const GDate *birth,
                                       GDate       *out);

/* Whether a contact by `contactor` is one made to obtain services in the
 * sense of SHL 36 § 2 mom: the person themselves or a relative or close
 * person (and a legal representative, when that contact maker exists).
 * Authorities (including Kela), others and anonymous contacts: FALSE. */
gboolean kh_deadline_contactor_seeks_services (KhContactor contactor);

/* The groups that apply, including OVER_75 derived from the birth date. */
guint    kh_deadline_effective_groups (guint        groups,
                                       const GDate *birth,
                                       const GDate *contact_day);

/* How a case's assessment-start rule reads on the screen, from the case's
 * assessment_deadline (ISO date, or NULL where no statutory date applies):
 * "by Wed 15.4.2026 (SHL 36 §)" or "without delay (SHL 36 §)", in the UI
 * language. Newly allocated. */
char    *kh_deadline_describe_assessment_start (const char *assessment_deadline);

/* SHL 45 §: decisions implemented at the latest 3 months after the case
 * became pending, counted by 150/1930 3 § and moved by 5 §. */
void     kh_deadline_implementation   (KhCalendar  *calendar,
                                       const GDate *pending_day,
                                       GDate       *out);
/* "by Thu 30.4.2026 (SHL 45 §)" from the case's implementation_deadline
 * (ISO date); NULL if it is NULL or not a date. Newly allocated. */
char    *kh_deadline_describe_implementation (const char *implementation_deadline);

/* TTL 14 d §: a personal meeting within 7 working days of the request,
 * counted as Kela counts (Monday–Friday whatever the unit's Saturday
 * setting; a request that arrives on a weekend, holiday or eve counts as
 * arriving on the next working day). */
void     kh_deadline_kela_meeting     (KhCalendar  *calendar,
                                       const GDate *arrival_day,
                                       GDate       *out);
/* "meeting by Fri 10.4.2026 (TTL 14 d §)" from an ISO date; NULL if it is
 * NULL or not a date. Newly allocated. */
char    *kh_deadline_describe_kela_meeting (const char *meeting_deadline);

/* The number of working days in the SHL 36 § rule (7). */
#define KH_ASSESSMENT_START_WORKING_DAYS 7
/* The months in the SHL 45 § rule (3). */
#define KH_IMPLEMENTATION_MONTHS 3
/* The working days in the TTL 14 d § rule (7). */
#define KH_KELA_MEETING_WORKING_DAYS 7

/* Where "over 75" (yli 75-vuotias / över 75 år) begins: the age in whole
 * years on the contact day at which OVER_75 applies. The statute's wording
 * could be read as "from the day after the 75th birthday" or even "from the
 * 76th"; municipal guidance paraphrases it as "75 vuotta täyttänyt" (has
 * turned 75), and erring towards the earlier deadline protects the person,
 * so a person counts from their 75th birthday. domain-law.md 1.1 marks the
 * boundary NOT CONFIRMED: this is the one place to change it. */
#define KH_DEADLINE_OVER_75_MIN_AGE 75

G_END_DECLS
