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
 * they treat Saturday and the unit's own closed days differently:
 *
 *  - counting N working days (SHL 36 § "7. arkipäivä", TTL 14 a §): Monday
 *    to Friday, less holidays, the two eves and the days the unit has
 *    closed; Saturday counts only if the unit's setting says so;
 *  - moving the last day of a deadline (150/1930, 5 §): off a Saturday,
 *    Sunday, holiday or eve, never off a day the unit merely closed.
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
 * Ascension Day and the weekend. It is not a working day when counting,
 * but it does not move the last day of a statutory deadline: 150/1930 lists
 * the days that do, and a unit closing its office cannot lengthen an
 * appeal period. Adding the same day again replaces its name.
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
 * Older legal usage counts Saturday as an "arkipäivä"; Kela and most units
 * count Monday to Friday, which is the default. The setting only affects
 * counting; a deadline still never ends on a Saturday (150/1930, 5 §).
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
 * Public holidays, the two eves that close offices (Midsummer Eve,
 * Christmas Eve) and the unit's own closed days. A statutory name wins
 * over a name the unit gave, so that "Christmas Eve" is never shown as
 * "Closed".
 *
 * Returns: %TRUE if @date is any of those
 */
gboolean
kh_calendar_is_holiday (KhCalendar  *self,
                        const GDate *date,
                        const char **out_name)
{
  const char *name;
  gpointer value = NULL;
  gboolean closed;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  name = statutory_day_name (date);
  if (name != NULL)
    {
      if (out_name != NULL)
        *out_name = _(name);
      return TRUE;
    }

  g_mutex_lock (&self->lock);
  closed = g_hash_table_lookup_extended (self->closed_days,
                                         GUINT_TO_POINTER (g_date_get_julian (date)),
                                         NULL, &value);
  g_mutex_unlock (&self->lock);

  if (!closed)
    return FALSE;

  if (out_name != NULL)
    *out_name = value != NULL ? (const char *) value
                              : C_("calendar", "Unit closed");
  return TRUE;
}

/**
 * kh_calendar_is_working_day:
 * @self: a #KhCalendar
 * @date: a valid date
 *
 * A working day for counting N working days: Monday to Friday (and
 * Saturday if the unit counts it) that is not a holiday, an eve or a day
 * the unit is closed.
 *
 * Returns: %TRUE if @date counts as a working day
 */
gboolean
kh_calendar_is_working_day (KhCalendar  *self,
                            const GDate *date)
{
  GDateWeekday weekday;
  gboolean saturday;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  weekday = g_date_get_weekday (date);
  if (weekday == G_DATE_SUNDAY)
    return FALSE;

  g_mutex_lock (&self->lock);
  saturday = self->saturday_is_working_day;
  g_mutex_unlock (&self->lock);

  if (weekday == G_DATE_SATURDAY && !saturday)
    return FALSE;

  return !kh_calendar_is_holiday (self, date, NULL);
}

/**
 * kh_calendar_add_working_days:
 * @self: a #KhCalendar
 * @start: the day of the event (e.g. the contact); not counted itself
 * @n: how many working days
 * @out: (out caller-allocates): the @n-th working day after @start
 *
 * Counts as SHL 36 § and TTL 14 a § do: the first day counted is the
 * working day after @start, whatever day @start is. With @n = 0 the
 * result is @start itself.
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
  GDate day;

  g_return_if_fail (self != NULL);
  g_return_if_fail (start != NULL && g_date_valid (start));
  g_return_if_fail (out != NULL);

  day = *start;
  while (n > 0)
    {
      g_date_add_days (&day, 1);
      if (kh_calendar_is_working_day (self, &day))
        n--;
    }

  *out = day;
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
 */
void
kh_calendar_move_deadline (KhCalendar  *self,
                           const GDate *last_day,
                           GDate       *out)
{
  GDate day;

  g_return_if_fail (self != NULL);
  g_return_if_fail (last_day != NULL && g_date_valid (last_day));
  g_return_if_fail (out != NULL);

  day = *last_day;
  while (deadline_cannot_end_on (&day))
    g_date_add_days (&day, 1);

  *out = day;
}

/**
 * kh_calendar_list_closed_weekdays:
 * @self: a #KhCalendar
 * @year: a year, 1583–9999
 *
 * Every Monday to Friday of @year that is not a working day, in date order,
 * for `kohtaamo-admin calendar --year`. The names are in the UI language.
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
      /* On Monday to Friday, "not a working day" and "a holiday, an eve or
       * a closed day" are the same thing, so the name always exists. */
      if (!kh_calendar_is_holiday (self, &day, &name))
        continue;

      g_ptr_array_add (lines, g_strdup_printf ("%04u-%02u-%02u\t%s",
                                               year,
                                               (guint) g_date_get_month (&day),
                                               (guint) g_date_get_day (&day),
                                               name));
    }

  return lines;
}
