/* kh-deadlines.c — statutory deadlines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * SHL 36 § 2 mom (as in force from 1 January 2025, 677/2023): the
 * service-need assessment must start at the latest on the 7th working day
 * after the person, a relative or close person, or a legal representative
 * contacted social services to obtain services, when the person
 *  1. is over 75,
 *  2. receives the highest care allowance (570/2007, 9 § 3 mom. 3 kohta), or
 *  3. is disabled within the Disability Services Act 675/2023.
 * For everyone else, and for a case opened on a notification by an
 * authority or anyone else, the law says "without delay" and sets no date,
 * which is why kh_deadline_assessment_start() can answer "no deadline".
 *
 * SHL 45 §: decisions are implemented at the latest 3 months after the case
 * became pending, a period counted in months (150/1930, 3 § and 5 §).
 *
 * TTL 14 d §: a personal meeting within 7 working days of the client's
 * request, counted as Kela counts (domain-law.md 3.3).
 */
#define G_LOG_DOMAIN "kohtaamo-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kh-deadlines.h"
#include "kh-text.h"

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
 * kh_deadline_contactor_seeks_services:
 * @contactor: who made the contact
 *
 * SHL 36 § 2 mom sets the 7-day deadline only when "the person, a relative
 * or close person, or their legal representative" contacts the unit to
 * obtain services. A notification by another authority under 35 § (also
 * Kela's, TTL 14 e §), a contact by anyone else and an anonymous contact
 * are not such a contact: those cases start without delay, with no date.
 *
 * Returns: whether a contact by @contactor counts as seeking services
 */
gboolean
kh_deadline_contactor_seeks_services (KhContactor contactor)
{
  switch (contactor)
    {
    case KH_CONTACTOR_SELF:
    case KH_CONTACTOR_RELATIVE:
    case KH_CONTACTOR_LEGAL_REPRESENTATIVE:
      return TRUE;
    case KH_CONTACTOR_AUTHORITY:
    case KH_CONTACTOR_OTHER:
    case KH_CONTACTOR_ANONYMOUS:
    default:
      return FALSE;
    }
}

/**
 * kh_deadline_assessment_start:
 * @calendar: the unit's working-day calendar
 * @contact_day: the day the person contacted social services
 * @contact_to_obtain_services: whether the person themselves, a relative
 *   or close person, or their legal representative contacted the unit to
 *   obtain services (SHL 36 § 2 mom). %FALSE for a notification by an
 *   authority (35 §), Kela or anyone else, and for an anonymous contact.
 * @groups: #KhDeadlineGroup flags that the worker marked
 * @birth: (nullable): the person's birth date, if known
 * @out: (out caller-allocates): the last day for starting the assessment
 *
 * The 7th working day after @contact_day (the contact day itself is not
 * counted), when the contact was made to obtain services and any SHL 36 §
 * group applies. The count is on calendar working days: Monday to Friday
 * less holidays and the two eves, Saturday too if the unit counts it (and
 * then a count ending on a Saturday moves to the next working day); the
 * unit's own closed days do not count against it.
 *
 * Returns: %TRUE and @out set if the statutory 7-day deadline applies;
 *   %FALSE and @out untouched otherwise (start without delay)
 */
gboolean
kh_deadline_assessment_start (KhCalendar  *calendar,
                              const GDate *contact_day,
                              gboolean     contact_to_obtain_services,
                              guint        groups,
                              const GDate *birth,
                              GDate       *out)
{
  g_return_val_if_fail (calendar != NULL, FALSE);
  g_return_val_if_fail (contact_day != NULL && g_date_valid (contact_day), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (!contact_to_obtain_services)
    return FALSE;
  if (kh_deadline_effective_groups (groups, birth, contact_day) == 0)
    return FALSE;

  kh_calendar_working_days_deadline (calendar, contact_day,
                                     KH_ASSESSMENT_START_WORKING_DAYS, out, NULL);
  return TRUE;
}

/* A date of a record, for the screen, or NULL. */
static char *
format_iso (const char *iso)
{
  GDate date;

  if (iso == NULL || !kh_date_from_iso (iso, &date))
    return NULL;
  return kh_calendar_format_day (&date);
}

/**
 * kh_deadline_describe_assessment_start:
 * @assessment_deadline: (nullable): the case's assessment deadline, an ISO
 *   date, or %NULL where the 7-day rule does not apply
 *
 * The one wording of a case's assessment-start rule, for the queue, the
 * person's page and wherever else a case is shown.
 *
 * Returns: (transfer full): "by Wed 15.4.2026 (SHL 36 §)" or "without
 *   delay (SHL 36 §)" in the UI language
 */
char *
kh_deadline_describe_assessment_start (const char *assessment_deadline)
{
  g_autofree char *day = format_iso (assessment_deadline);

  if (day == NULL)
    /* Translators: when the service-need assessment of a case must start,
     * where no date applies: Social Welfare Act 36 § 2 mom says "without
     * delay" (fi "viipymättä", sv "utan dröjsmål"). */
    return g_strdup (_("without delay (SHL 36 §)"));
  /* Translators: when the service-need assessment of a case must start;
   * %s is a day such as "Wed 15.4.2026" (fi "viimeistään", sv "senast"). */
  return g_strdup_printf (_("by %s (SHL 36 §)"), day);
}

/**
 * kh_deadline_implementation:
 * @calendar: a working-day calendar (only its statutory days are used)
 * @pending_day: the day the case became pending (the opening contact)
 * @out: (out caller-allocates): the last day for implementing decisions
 *
 * SHL 45 §: decisions are implemented without undue delay and at the
 * latest 3 months after the case became pending. The period is counted by
 * 150/1930 3 § (the same day number three months on, the month's last day
 * where it has none) and its last day moved off a Saturday, Sunday, holiday
 * or eve by 5 §. Neither the Saturday setting nor the unit's closed days
 * change it.
 *
 * Examples: 31.1.2026 → Thu 30.4.2026; 30.11.2026 → Sun 28.2.2027 →
 * Mon 1.3.2027.
 */
void
kh_deadline_implementation (KhCalendar  *calendar,
                            const GDate *pending_day,
                            GDate       *out)
{
  GDate last;

  g_return_if_fail (calendar != NULL);
  g_return_if_fail (pending_day != NULL && g_date_valid (pending_day));
  g_return_if_fail (out != NULL);

  kh_calendar_add_months (pending_day, KH_IMPLEMENTATION_MONTHS, &last);
  kh_calendar_move_deadline (calendar, &last, out);
}

/**
 * kh_deadline_describe_implementation:
 * @implementation_deadline: (nullable): the case's implementation
 *   deadline, an ISO date
 *
 * Returns: (transfer full) (nullable): "by Thu 30.4.2026 (SHL 45 §)" in
 *   the UI language, or %NULL without a date
 */
char *
kh_deadline_describe_implementation (const char *implementation_deadline)
{
  g_autofree char *day = format_iso (implementation_deadline);

  if (day == NULL)
    return NULL;
  /* Translators: by when a case's decisions must be implemented (Social
   * Welfare Act 45 §: at the latest 3 months after the case became
   * pending); %s is a day such as "Thu 30.4.2026". */
  return g_strdup_printf (_("implemented by %s (SHL 45 §)"), day);
}

/* Kela's working day: Monday–Friday, not a holiday or eve. */
static gboolean
is_kela_working_day (KhCalendar  *calendar,
                     const GDate *date)
{
  return g_date_get_weekday (date) <= G_DATE_FRIDAY
         && !kh_calendar_is_holiday (calendar, date, NULL);
}

/**
 * kh_deadline_kela_meeting:
 * @calendar: a working-day calendar (only its statutory days are used)
 * @arrival_day: the day the request for a personal meeting arrived (the
 *   Kela notification)
 * @out: (out caller-allocates): the last day for the meeting
 *
 * TTL 14 d §: a client who asks for one gets a personal meeting with a
 * social-welfare professional within 7 working days. Counted as Kela
 * counts (domain-law.md 3.3): Monday to Friday only, whatever the unit's
 * Saturday setting, from the working day after arrival; holidays and "the
 * days comparable to them" (the two eves) lengthen the time; a request
 * arriving on a weekend counts as arriving on Monday, so counting starts
 * on Tuesday. Kela's rule names the weekend; a holiday or eve is treated
 * the same way, as the next working day is the first day the request can
 * be handled. The unit's closed days do not count against it.
 *
 * Example: arrival Thursday 2 April 2026 → Wednesday 15 April 2026;
 * arrival Saturday 7 March 2026 counts as Monday 9 March → Wednesday
 * 18 March 2026.
 */
void
kh_deadline_kela_meeting (KhCalendar  *calendar,
                          const GDate *arrival_day,
                          GDate       *out)
{
  GDate day;
  guint n = KH_KELA_MEETING_WORKING_DAYS;

  g_return_if_fail (calendar != NULL);
  g_return_if_fail (arrival_day != NULL && g_date_valid (arrival_day));
  g_return_if_fail (out != NULL);

  day = *arrival_day;
  while (!is_kela_working_day (calendar, &day))
    g_date_add_days (&day, 1);
  while (n > 0)
    {
      g_date_add_days (&day, 1);
      if (is_kela_working_day (calendar, &day))
        n--;
    }
  *out = day;
}

/**
 * kh_deadline_describe_kela_meeting:
 * @meeting_deadline: (nullable): the last day for the meeting, an ISO date
 *
 * Returns: (transfer full) (nullable): "meeting by Wed 15.4.2026 (TTL
 *   14 d §)" in the UI language, or %NULL without a date
 */
char *
kh_deadline_describe_kela_meeting (const char *meeting_deadline)
{
  g_autofree char *day = format_iso (meeting_deadline);

  if (day == NULL)
    return NULL;
  /* Translators: by when a client who asked Kela for a personal meeting
   * must meet a social-welfare professional (Social Assistance Act,
   * toimeentulotukilaki, 14 d §); %s is a day such as "Wed 15.4.2026". */
  return g_strdup_printf (_("meeting by %s (TTL 14 d §)"), day);
}
