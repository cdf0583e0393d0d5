/* kh-calendar.c — the Finnish working-day calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Which days are holidays is a matter of law (domain-law.md section 6):
 * the church holidays of Kirkkolaki 1054/1993 4:3 (now 652/2023 1:6), and
 * Independence Day, May Day, Christmas Eve and Midsummer Eve named by laki
 * säädetyn ajan laskemisesta 150/1930, 5 §. Everything is computed from the
 * date itself, so the calendar works for any year without a table that
 * someone has to remember to extend.
 *
 * Two rules use the calendar and they are kept apart on purpose, because
 * they treat Saturday differently (domain-law.md section 6):
 *
 *  - counting N working days (SHL 36 § "7. arkipäivä", TTL 14 a–d §):
 *    Monday to Friday, less holidays and the two eves; Saturday counts only
 *    if the unit's setting says so;
 *  - moving the last day of a deadline (150/1930, 5 §): off a Saturday,
 *    Sunday, holiday or eve.
 *
 * The unit's own closed days (a bridge day, a training day) are part of
 * neither: "arkipäivä" is a calendar fact, and an office closing cannot
 * lengthen a statutory time. They only say when the office is open, for
 * appointments (kh_calendar_is_open_day()).
 */
#define G_LOG_DOMAIN "kohtaamo-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kh-calendar.h"

struct _KhCalendar
{
  gatomicrefcount  ref_count;

  /* The calendar is shared by the UI thread and the store's worker, and
   * a unit may add a closed day while the worker computes a deadline, so
   * the settings are behind a lock. */
  GMutex           lock;
  GHashTable      *closed_days;     /* Julian day number → name (in names) */
  GStringChunk    *names;           /* closed-day names, never freed before the calendar */
  gboolean         saturday_is_working_day;
};

/**
 * kh_calendar_new:
 *
 * A calendar with the statutory holidays only, counting Monday to Friday.
 *
 * Returns: (transfer full): a new calendar
 */
KhCalendar *
kh_calendar_new (void)
{
  KhCalendar *self = g_new0 (KhCalendar, 1);

  g_atomic_ref_count_init (&self->ref_count);
  g_mutex_init (&self->lock);
  self->closed_days = g_hash_table_new (NULL, NULL);
  self->names = g_string_chunk_new (256);

  return self;
}

/**
 * kh_calendar_ref:
 * @self: a #KhCalendar
 *
 * Returns: (transfer full): @self
 */
KhCalendar *
kh_calendar_ref (KhCalendar *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

/**
 * kh_calendar_unref:
 * @self: (transfer full): a #KhCalendar
 *
 * Drops a reference; the calendar is freed with the last one.
 */
void
kh_calendar_unref (KhCalendar *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_hash_table_unref (self->closed_days);
  g_string_chunk_free (self->names);
  g_mutex_clear (&self->lock);
  g_free (self);
}

/**
 * kh_calendar_add_closed_day:
 * @self: a #KhCalendar
 * @date: a valid date
 * @name: (nullable): the day's name, as the unit calls it; %NULL for a
 *   generic name
 *
 * Adds a day on which the unit is closed, such as a bridge day between
 * Ascension Day and the weekend. The office is not open that day
 * (kh_calendar_is_open_day()), but the day stays a working day for every
 * statutory count (SHL 36 §, TTL 14 d §) and does not move the last day of
 * a deadline: 150/1930 lists the days that do, and a unit closing its
 * office cannot lengthen a period set by law. Adding the same day again
 * replaces its name.
 */
void
kh_calendar_add_closed_day (KhCalendar  *self,
                            const GDate *date,
                            const char  *name)
{
  const char *stored;

  g_return_if_fail (self != NULL);
  g_return_if_fail (date != NULL && g_date_valid (date));

  g_mutex_lock (&self->lock);
  /* Names live in a string chunk so that a name handed out by
   * kh_calendar_is_holiday() stays valid even if the day is renamed. */
  stored = name != NULL ? g_string_chunk_insert_const (self->names, name) : NULL;
  g_hash_table_insert (self->closed_days,
                       GUINT_TO_POINTER (g_date_get_julian (date)),
                       (gpointer) stored);
  g_mutex_unlock (&self->lock);
}

/**
 * kh_calendar_set_saturday_is_working_day:
 * @self: a #KhCalendar
 * @saturday: whether Saturday counts as a working day
 *
 * Older legal usage counts Saturday as an "arkipäivä" (150/1930 speaks of
 * an "arkilauantai"); Kela counts Monday to Friday, and so does Kohtaamo by
 * default. With the setting on, Saturdays count when N working days are
 * counted (so the period can end sooner), and a count that ends on a
 * Saturday ends on the next working day instead, because 150/1930 5 §
 * moves a last day off an arkilauantai
 * (kh_calendar_working_days_deadline()). Periods in months and the move
 * of a last day do not depend on the setting.
 */
void
kh_calendar_set_saturday_is_working_day (KhCalendar *self,
                                         gboolean    saturday)
{
  g_return_if_fail (self != NULL);

  g_mutex_lock (&self->lock);
  self->saturday_is_working_day = !!saturday;
  g_mutex_unlock (&self->lock);
}

/**
 * kh_calendar_get_saturday_is_working_day:
 * @self: a #KhCalendar
 *
 * Returns: whether Saturday counts as a working day when counting
 */
gboolean
kh_calendar_get_saturday_is_working_day (KhCalendar *self)
{
  gboolean saturday;

  g_return_val_if_fail (self != NULL, FALSE);

  g_mutex_lock (&self->lock);
  saturday = self->saturday_is_working_day;
  g_mutex_unlock (&self->lock);
  return saturday;
}

/**
 * kh_calendar_saturday_setting_title:
 *
 * The name of the Saturday setting, for a switch or a settings list.
 *
 * Returns: (transfer none): the title in the UI language
 */
const char *
kh_calendar_saturday_setting_title (void)
{
  return _("Count Saturdays as working days");
}

/**
 * kh_calendar_describe_saturday_setting:
 * @on: the setting's value
 *
 * What the Saturday setting does when it has the value @on, in the words
 * that `kohtaamo-admin settings` and the Preferences window both show, so
 * that the two never say different things. The text says what
 * kh_calendar_working_days_deadline() does.
 *
 * Returns: (transfer none): the description in the UI language
 */
const char *
kh_calendar_describe_saturday_setting (gboolean on)
{
  if (on)
    return _("Saturdays count as working days when a deadline is counted in working days, "
             "such as the 7th working day of Social Welfare Act 36 §, so the deadline can "
             "come sooner. A deadline that would end on a Saturday ends on the next working "
             "day instead (150/1930, 5 §). Sundays, public holidays, Christmas Eve and "
             "Midsummer Eve never count.");
  return _("Working days are counted as the law is read by default and as Kela counts: "
           "Monday to Friday, less public holidays, Christmas Eve and Midsummer Eve. A "
           "deadline counted in working days therefore never ends on a Saturday.");
}

/**
 * kh_calendar_easter:
 * @year: a Gregorian year (1583 or later)
 * @out: (out caller-allocates): Easter Sunday of @year
 *
 * The "anonymous Gregorian" computus (Meeus, Astronomical Algorithms,
 * chapter 8), valid for every Gregorian year. The Finnish Evangelical
 * Lutheran and Orthodox churches both keep the Western date in Finland, and
 * the public holidays follow the Lutheran calendar.
 */
void
kh_calendar_easter (guint  year,
                    GDate *out)
{
  guint a, b, c, d, e, f, g, h, i, k, l, m, month, day;

  g_return_if_fail (out != NULL);
  g_return_if_fail (year >= 1583 && year <= 9999);

  a = year % 19;                /* place in the 19-year Metonic cycle */
  b = year / 100;
  c = year % 100;
  d = b / 4;
  e = b % 4;
  f = (b + 8) / 25;             /* the lunar correction … */
  g = (b - f + 1) / 3;
  h = (19 * a + b - d - g + 15) % 30;   /* … gives the epact-based full moon */
  i = c / 4;
  k = c % 4;
  l = (32 + 2 * e + 2 * i - h - k) % 7; /* days to the following Sunday */
  m = (a + 11 * h + 22 * l) / 451;
  month = (h + l - 7 * m + 114) / 31;
  day = (h + l - 7 * m + 114) % 31 + 1;

  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

/* The name of a statutory non-working day (the untranslated message), or
 * NULL. Weekends are not named: a Sunday is not a "holiday" in this sense,
 * although the movable Sunday feasts are. */
static const char *
statutory_day_name (const GDate *date)
{
  GDateDay day = g_date_get_day (date);
  GDateMonth month = g_date_get_month (date);
  GDateYear year = g_date_get_year (date);
  GDateWeekday weekday = g_date_get_weekday (date);
  GDate easter;
  gint from_easter;

  /* Fixed dates first: they are the cheapest to check. */
  switch (month)
    {
    case G_DATE_JANUARY:
      if (day == 1)
        return N_("New Year's Day");
      if (day == 6)
        return N_("Epiphany");
      break;
    case G_DATE_MAY:
      if (day == 1)
        return N_("May Day");
      break;
    case G_DATE_JUNE:
      /* Midsummer Eve is the Friday and Midsummer Day the Saturday between
       * 19 and 26 June (Kirkkolaki 1054/1993 4:3; the practice continues
       * under 652/2023). */
      if (weekday == G_DATE_FRIDAY && day >= 19 && day <= 25)
        return N_("Midsummer Eve");
      if (weekday == G_DATE_SATURDAY && day >= 20 && day <= 26)
        return N_("Midsummer Day");
      break;
    case G_DATE_OCTOBER:
      /* All Saints' Day: the Saturday from 31 October to 6 November. */
      if (weekday == G_DATE_SATURDAY && day == 31)
        return N_("All Saints' Day");
      break;
    case G_DATE_NOVEMBER:
      if (weekday == G_DATE_SATURDAY && day <= 6)
        return N_("All Saints' Day");
      break;
    case G_DATE_DECEMBER:
      if (day == 6)
        return N_("Independence Day");
      if (day == 24)
        return N_("Christmas Eve");
      if (day == 25)
        return N_("Christmas Day");
      if (day == 26)
        return N_("St Stephen's Day");
      break;
    default:
      break;
    }

  /* The movable feasts fall between 20 March (Good Friday at the earliest)
   * and 13 June (Whit Sunday at the latest); other months need no Easter. */
  if (month < G_DATE_MARCH || month > G_DATE_JUNE || year < 1583)
    return NULL;

  kh_calendar_easter (year, &easter);
  from_easter = (gint) g_date_get_julian (date) - (gint) g_date_get_julian (&easter);

  switch (from_easter)
    {
    case -2:
      return N_("Good Friday");
    case 0:
      return N_("Easter Sunday");
    case 1:
      return N_("Easter Monday");
    case 39:
      return N_("Ascension Day");
    case 49:
      return N_("Whit Sunday");
    default:
      return NULL;
    }
}

/**
 * kh_calendar_is_holiday:
 * @self: a #KhCalendar
 * @date: a valid date
 * @out_name: (out) (optional) (transfer none): the day's name in the UI
 *   language
 *
 * Public holidays and the two eves that close offices (Midsummer Eve,
 * Christmas Eve; 150/1930, 5 §). The unit's own closed days are not
 * holidays: see kh_calendar_is_closed_day().
 *
 * Returns: %TRUE if @date is a public holiday or one of the eves
 */
gboolean
kh_calendar_is_holiday (KhCalendar  *self,
                        const GDate *date,
                        const char **out_name)
{
  const char *name;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  name = statutory_day_name (date);
  if (name == NULL)
    return FALSE;
  if (out_name != NULL)
    *out_name = _(name);
  return TRUE;
}

/**
 * kh_calendar_is_closed_day:
 * @self: a #KhCalendar
 * @date: a valid date
 * @out_name: (out) (optional) (transfer none): the name the unit gave the
 *   day, or a generic one
 *
 * Returns: %TRUE if the unit added @date as one of its closed days
 */
gboolean
kh_calendar_is_closed_day (KhCalendar  *self,
                           const GDate *date,
                           const char **out_name)
{
  gpointer value = NULL;
  gboolean closed;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  g_mutex_lock (&self->lock);
  closed = g_hash_table_lookup_extended (self->closed_days,
                                         GUINT_TO_POINTER (g_date_get_julian (date)),
                                         NULL, &value);
  g_mutex_unlock (&self->lock);

  if (closed && out_name != NULL)
    *out_name = value != NULL ? (const char *) value
                              : C_("calendar", "Unit closed");
  return closed;
}

/* Monday–Friday (and Saturday if `saturday`), not a holiday or eve. */
static gboolean
is_working_day (const GDate *date,
                gboolean     saturday)
{
  GDateWeekday weekday = g_date_get_weekday (date);

  if (weekday == G_DATE_SUNDAY || (weekday == G_DATE_SATURDAY && !saturday))
    return FALSE;
  return statutory_day_name (date) == NULL;
}

/**
 * kh_calendar_is_working_day:
 * @self: a #KhCalendar
 * @date: a valid date
 *
 * A working day (arkipäivä) for counting N working days: Monday to Friday
 * (and Saturday if the unit counts it) that is not a public holiday or one
 * of the two eves. The unit's own closed days are working days here
 * (domain-law.md section 6).
 *
 * Returns: %TRUE if @date counts as a working day
 */
gboolean
kh_calendar_is_working_day (KhCalendar  *self,
                            const GDate *date)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  return is_working_day (date, kh_calendar_get_saturday_is_working_day (self));
}

/**
 * kh_calendar_is_open_day:
 * @self: a #KhCalendar
 * @date: a valid date
 *
 * Whether the office is open: Monday to Friday, not a public holiday or
 * eve, and not one of the unit's closed days. For appointments and opening
 * hours, never for a statutory deadline. The Saturday setting is about
 * counting, not about opening the office, so it plays no part.
 *
 * Returns: %TRUE if the office is open on @date
 */
gboolean
kh_calendar_is_open_day (KhCalendar  *self,
                         const GDate *date)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  return is_working_day (date, FALSE) && !kh_calendar_is_closed_day (self, date, NULL);
}

/**
 * kh_calendar_add_working_days:
 * @self: a #KhCalendar
 * @start: the day of the event (e.g. the contact); not counted itself
 * @n: how many working days
 * @out: (out caller-allocates): the @n-th working day after @start
 *
 * Counts as SHL 36 § does: the first day counted is the working day after
 * @start, whatever day @start is. With @n = 0 the result is @start itself.
 * The count may end on a Saturday if the unit counts Saturdays; for the
 * last day of a deadline use kh_calendar_working_days_deadline().
 *
 * Example: a contact on Thursday 2 April 2026; Good Friday (3.4) and Easter
 * Monday (6.4) do not count, so the 7th working day is Wednesday 15 April.
 */
void
kh_calendar_add_working_days (KhCalendar  *self,
                              const GDate *start,
                              guint        n,
                              GDate       *out)
{
  gboolean saturday;
  GDate day;

  g_return_if_fail (self != NULL);
  g_return_if_fail (start != NULL && g_date_valid (start));
  g_return_if_fail (out != NULL);

  saturday = kh_calendar_get_saturday_is_working_day (self);
  day = *start;
  while (n > 0)
    {
      g_date_add_days (&day, 1);
      if (is_working_day (&day, saturday))
        n--;
    }

  *out = day;
}

/**
 * kh_calendar_working_days_deadline:
 * @self: a #KhCalendar
 * @start: the day of the event; not counted itself
 * @n: how many working days
 * @out: (out caller-allocates): the last day of the period
 * @out_counted: (out caller-allocates) (optional): the @n-th working day
 *   as counted
 *
 * The last day of a period of @n working days (SHL 36 §): the @n-th working
 * day after @start, and if that is a Saturday (which only happens when the
 * unit counts Saturdays) the next day that is not a Saturday, Sunday,
 * holiday or eve, as 150/1930 5 § moves a last day off an "arkilauantai".
 * This is what kh_calendar_describe_saturday_setting() promises.
 *
 * Returns: %TRUE if the last day was moved off a Saturday
 */
gboolean
kh_calendar_working_days_deadline (KhCalendar  *self,
                                   const GDate *start,
                                   guint        n,
                                   GDate       *out,
                                   GDate       *out_counted)
{
  GDate counted;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (start != NULL && g_date_valid (start), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  kh_calendar_add_working_days (self, start, n, &counted);
  if (out_counted != NULL)
    *out_counted = counted;
  /* A counted day is never a Sunday, a holiday or an eve: only a Saturday
   * can need moving. n = 0 is the start day itself, not a deadline. */
  if (n == 0)
    {
      *out = counted;
      return FALSE;
    }
  return kh_calendar_move_deadline (self, &counted, out);
}

/**
 * kh_calendar_count_working_days:
 * @self: a #KhCalendar
 * @from: the first day, not counted (e.g. today)
 * @to: the last day, counted if it is a working day
 *
 * How many working days (as kh_calendar_is_working_day() counts them) lie
 * after @from up to and including @to: 0 when @to is @from, or when only
 * weekends and holidays lie between.
 *
 * Returns: the number of working days, or -1 if @to is before @from
 */
int
kh_calendar_count_working_days (KhCalendar  *self,
                                const GDate *from,
                                const GDate *to)
{
  gboolean saturday;
  GDate day;
  int n = 0;

  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (from != NULL && g_date_valid (from), -1);
  g_return_val_if_fail (to != NULL && g_date_valid (to), -1);

  if (g_date_compare (to, from) < 0)
    return -1;

  saturday = kh_calendar_get_saturday_is_working_day (self);
  day = *from;
  while (g_date_compare (&day, to) < 0)
    {
      g_date_add_days (&day, 1);
      if (is_working_day (&day, saturday))
        n++;
    }
  return n;
}

/* 150/1930, 5 §: the days on which a deadline cannot end. The unit's
 * closed days and the Saturday setting play no part here. */
static gboolean
deadline_cannot_end_on (const GDate *date)
{
  GDateWeekday weekday = g_date_get_weekday (date);

  return weekday == G_DATE_SATURDAY
         || weekday == G_DATE_SUNDAY
         || statutory_day_name (date) != NULL;
}

/**
 * kh_calendar_move_deadline:
 * @self: a #KhCalendar
 * @last_day: the last day of a period as counted (e.g. 30 days after
 *   the decision was received)
 * @out: (out caller-allocates): the day on which the period really ends
 *
 * If the last day is a Saturday, a Sunday, a church holiday, Independence
 * Day, May Day, Christmas Eve or Midsummer Eve, the deadline moves to the
 * next day that is none of those (laki säädetyn ajan laskemisesta
 * 150/1930, 5 §). Days the unit closed on its own do not move it.
 *
 * Examples: Saturday 6 December 2025 (Independence Day) moves to Monday
 * 8 December; Wednesday 24 December 2025 moves past Christmas Day, St
 * Stephen's Day and the weekend to Monday 29 December.
 *
 * Returns: %TRUE if the day moved
 */
gboolean
kh_calendar_move_deadline (KhCalendar  *self,
                           const GDate *last_day,
                           GDate       *out)
{
  GDate day;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (last_day != NULL && g_date_valid (last_day), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  day = *last_day;
  while (deadline_cannot_end_on (&day))
    g_date_add_days (&day, 1);

  *out = day;
  return g_date_compare (&day, last_day) != 0;
}

/**
 * kh_calendar_add_months:
 * @start: the day the period starts from (e.g. the case became pending)
 * @n: how many months
 * @out: (out caller-allocates): the day the period ends, before any move
 *
 * A period of @n months ends on the day of the month with the same number
 * as @start; where that month has no such day, on its last day (laki
 * säädetyn ajan laskemisesta 150/1930, 3 §). 31 January + 3 months is
 * 30 April; 30 November + 3 months is 28 February (29 February in a leap
 * year). The result is not moved off a weekend or holiday: apply
 * kh_calendar_move_deadline() (5 §) for the last day of a deadline.
 */
void
kh_calendar_add_months (const GDate *start,
                        guint        n,
                        GDate       *out)
{
  guint month0, year, day;

  g_return_if_fail (start != NULL && g_date_valid (start));
  g_return_if_fail (out != NULL);

  month0 = (guint) g_date_get_month (start) - 1 + n;
  year = g_date_get_year (start) + month0 / 12;
  month0 %= 12;
  g_return_if_fail (year <= 9999);
  day = MIN ((guint) g_date_get_day (start),
             (guint) g_date_get_days_in_month ((GDateMonth) (month0 + 1), (GDateYear) year));

  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) day, (GDateMonth) (month0 + 1), (GDateYear) year);
}

/**
 * kh_calendar_weekday_name:
 * @date: a valid date
 *
 * Returns: (transfer none): the day of the week ("Wednesday") in the UI
 *   language
 */
const char *
kh_calendar_weekday_name (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  switch (g_date_get_weekday (date))
    {
    case G_DATE_MONDAY:
      return C_("weekday", "Monday");
    case G_DATE_TUESDAY:
      return C_("weekday", "Tuesday");
    case G_DATE_WEDNESDAY:
      return C_("weekday", "Wednesday");
    case G_DATE_THURSDAY:
      return C_("weekday", "Thursday");
    case G_DATE_FRIDAY:
      return C_("weekday", "Friday");
    case G_DATE_SATURDAY:
      return C_("weekday", "Saturday");
    case G_DATE_SUNDAY:
      return C_("weekday", "Sunday");
    case G_DATE_BAD_WEEKDAY:
    default:
      g_return_val_if_reached (NULL);
    }
}

static const char *
weekday_abbreviation (const GDate *date)
{
  switch (g_date_get_weekday (date))
    {
    case G_DATE_MONDAY:
      /* Translators: Monday, shortened before a date ("Mon 13.4.2026") */
      return C_("weekday", "Mon");
    case G_DATE_TUESDAY:
      return C_("weekday", "Tue");
    case G_DATE_WEDNESDAY:
      return C_("weekday", "Wed");
    case G_DATE_THURSDAY:
      return C_("weekday", "Thu");
    case G_DATE_FRIDAY:
      return C_("weekday", "Fri");
    case G_DATE_SATURDAY:
      return C_("weekday", "Sat");
    case G_DATE_SUNDAY:
      return C_("weekday", "Sun");
    case G_DATE_BAD_WEEKDAY:
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
kh_calendar_weekday_abbreviation (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return weekday_abbreviation (date);
}

/**
 * kh_calendar_format_day:
 * @date: a valid date
 *
 * A deadline for the screen, with its day of the week: "Wed 15.4.2026"
 * ("ke 15.4.2026", "ons 15.4.2026").
 *
 * Returns: (transfer full): the short weekday and the date
 */
char *
kh_calendar_format_day (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  /* Translators: a short day of the week and a date: "Wed 15.4.2026" */
  return g_strdup_printf (C_("day", "%s %u.%u.%u"),
                          weekday_abbreviation (date),
                          (guint) g_date_get_day (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_year (date));
}

/**
 * kh_calendar_list_closed_weekdays:
 * @self: a #KhCalendar
 * @year: a year, 1583–9999
 *
 * Every Monday to Friday of @year on which the office is closed, in date
 * order, for `kohtaamo-admin calendar --year`: public holidays, the two
 * eves and the unit's own closed days (these last stay working days for
 * deadlines). The names are in the UI language; a statutory name wins over
 * a name the unit gave the same day.
 *
 * Returns: (transfer full) (element-type utf8): newly allocated strings
 *   "YYYY-MM-DD\tName"
 */
GPtrArray *
kh_calendar_list_closed_weekdays (KhCalendar *self,
                                  guint       year)
{
  GPtrArray *lines;
  GDate day;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (year >= 1583 && year <= 9999, NULL);

  lines = g_ptr_array_new_with_free_func (g_free);

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 1, G_DATE_JANUARY, (GDateYear) year);
  for (; g_date_get_year (&day) == year; g_date_add_days (&day, 1))
    {
      const char *name = NULL;

      if (g_date_get_weekday (&day) >= G_DATE_SATURDAY)
        continue;
      if (!kh_calendar_is_holiday (self, &day, &name)
          && !kh_calendar_is_closed_day (self, &day, &name))
        continue;

      g_ptr_array_add (lines, g_strdup_printf ("%04u-%02u-%02u\t%s",
                                               year,
                                               (guint) g_date_get_month (&day),
                                               (guint) g_date_get_day (&day),
                                               name));
    }

  return lines;
}
