/* kh-deadlines.c — statutory deadlines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SHL 36 § (as in force from 1 January 2025, 677/2023): the service-need
 * assessment must start at the latest on the 7th working day after the
 * person, a relative or close person, or a legal representative contacted
 * social services, when the person
 *  1. is over 75,
 *  2. receives the highest care allowance (570/2007, 9 § 3 mom. 3 kohta), or
 *  3. is disabled within the Disability Services Act 675/2023.
 * For everyone else the law says "without delay" and sets no date, which
 * is why kh_deadline_assessment_start() can answer "no deadline".
 */
#define G_LOG_DOMAIN "kohtaamo-core"

#include "config.h"

#include "kh-deadlines.h"

#define KNOWN_GROUPS (KH_DEADLINE_GROUP_OVER_75 \
                      | KH_DEADLINE_GROUP_HIGHEST_CARE_ALLOWANCE \
                      | KH_DEADLINE_GROUP_DISABLED)

/* The person's age in whole years on `day`. A birthday on 29 February is
 * reached on 28 February in other years: like a period counted in years
 * under 150/1930, 4 §, it ends on the last day of the month when the month
 * has no matching day. */
static guint
age_on (const GDate *birth,
        const GDate *day)
{
  guint years;
  guint anniversary_day;
  GDateMonth birth_month = g_date_get_month (birth);
  GDateYear year = g_date_get_year (day);

  if (g_date_compare (day, birth) < 0)
    return 0;

  years = g_date_get_year (day) - g_date_get_year (birth);
  anniversary_day = MIN (g_date_get_day (birth),
                         g_date_get_days_in_month (birth_month, year));

  /* Not yet had this year's birthday. */
  if (g_date_get_month (day) < birth_month
      || (g_date_get_month (day) == birth_month
          && g_date_get_day (day) < anniversary_day))
    years--;

  return years;
}

/**
 * kh_deadline_effective_groups:
 * @groups: #KhDeadlineGroup flags that the worker marked
 * @birth: (nullable): the person's birth date, if known
 * @contact_day: (nullable): the day of the contact
 *
 * The marked groups, plus OVER_75 when the birth date shows that the person
 * is over 75 on the day of the contact (see %KH_DEADLINE_OVER_75_MIN_AGE for
 * where the line is drawn). A marked OVER_75 is kept even without a birth
 * date: the person may be known to be over 75 before their details are.
 *
 * Returns: the #KhDeadlineGroup flags that apply
 */
guint
kh_deadline_effective_groups (guint        groups,
                              const GDate *birth,
                              const GDate *contact_day)
{
  guint effective = groups & KNOWN_GROUPS;

  if (birth != NULL && g_date_valid (birth)
      && contact_day != NULL && g_date_valid (contact_day)
      && age_on (birth, contact_day) >= KH_DEADLINE_OVER_75_MIN_AGE)
    effective |= KH_DEADLINE_GROUP_OVER_75;

  return effective;
}

/**
 * kh_deadline_assessment_start:
 * @calendar: the unit's working-day calendar
 * @contact_day: the day the person contacted social services
 * @groups: #KhDeadlineGroup flags that the worker marked
 * @birth: (nullable): the person's birth date, if known
 * @out: (out caller-allocates): the last day for starting the assessment
 *
 * The 7th working day after @contact_day (the contact day itself is not
 * counted), when any SHL 36 § group applies. The count follows the
 * calendar, including its Saturday setting and the unit's closed days.
 *
 * Returns: %TRUE and @out set if a statutory deadline applies; %FALSE and
 *   @out untouched otherwise
 */
gboolean
kh_deadline_assessment_start (KhCalendar  *calendar,
                              const GDate *contact_day,
                              guint        groups,
                              const GDate *birth,
                              GDate       *out)
{
  g_return_val_if_fail (calendar != NULL, FALSE);
  g_return_val_if_fail (contact_day != NULL && g_date_valid (contact_day), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (kh_deadline_effective_groups (groups, birth, contact_day) == 0)
    return FALSE;

  kh_calendar_add_working_days (calendar, contact_day,
                                KH_ASSESSMENT_START_WORKING_DAYS, out);
  return TRUE;
}
