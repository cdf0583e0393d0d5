/* kh-calendar.h — the Finnish working-day calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Public holidays (including the movable ones), the eves that close offices
 * (Midsummer Eve, Christmas Eve) and weekends are calendar facts; the unit's
 * own closed days (a bridge day, a training day) are not, and they play no
 * part in any statutory deadline (domain-law.md section 6). The rules:
 *  - counting N working days (arkipäivää: SHL 36 §, TTL 14 a–d §):
 *    Monday–Friday less public holidays and the two eves; Saturday counts
 *    too only if the unit's setting says so (older legal usage);
 *  - moving the last day of a deadline (150/1930, 5 §) off a Saturday,
 *    Sunday, holiday or eve to the next day that is none of those;
 *  - periods in months (150/1930, 3 §): the same day number N months on,
 *    the month's last day where it has none.
 * The closed days decide only when the office is open (appointments):
 * kh_calendar_is_open_day().
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _KhCalendar KhCalendar;

KhCalendar  *kh_calendar_new              (void);
KhCalendar  *kh_calendar_ref              (KhCalendar  *self);
void         kh_calendar_unref            (KhCalendar  *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KhCalendar, kh_calendar_unref)

/* A day the unit is closed (e.g. a bridge day); `name` shown as the day's
 * name. It makes the office closed that day (kh_calendar_is_open_day) and
 * changes no deadline. */
void         kh_calendar_add_closed_day   (KhCalendar  *self,
                                           const GDate *date,
                                           const char  *name);
/* Setting: count Saturday as a working day when counting N working days.
 * Off by default (the statute as Kela reads it: Monday–Friday). A count
 * that then ends on a Saturday is moved by 150/1930 5 §, see
 * kh_calendar_working_days_deadline(). */
void         kh_calendar_set_saturday_is_working_day (KhCalendar *self,
                                                      gboolean    saturday);
gboolean     kh_calendar_get_saturday_is_working_day (KhCalendar *self);
/* The Saturday setting's name and what it does, in the UI language, for
 * every place that shows the setting (kohtaamo-admin, Preferences). */
const char  *kh_calendar_saturday_setting_title    (void);
const char  *kh_calendar_describe_saturday_setting (gboolean on);

/* Easter Sunday of a Gregorian year (1583–9999). */
void         kh_calendar_easter           (guint        year,
                                           GDate       *out);
/* Is the date a public holiday or an office-closing eve (Midsummer Eve,
 * Christmas Eve)? If so and `out_name` is not NULL, sets it to the day's
 * name in the UI language (borrowed). Weekends alone are not "holidays",
 * and neither are the unit's own closed days. */
gboolean     kh_calendar_is_holiday       (KhCalendar  *self,
                                           const GDate *date,
                                           const char **out_name);
/* Is the date one of the unit's own closed days? `out_name` as above. */
gboolean     kh_calendar_is_closed_day    (KhCalendar  *self,
                                           const GDate *date,
                                           const char **out_name);
/* Working day for counting: Mon–Fri (and Sat if set), not a holiday or
 * eve. The unit's closed days ARE working days here. */
gboolean     kh_calendar_is_working_day   (KhCalendar  *self,
                                           const GDate *date);
/* Is the office open: Monday–Friday, not a holiday or eve, and not one of
 * the unit's closed days (for appointments and opening hours; the Saturday
 * setting plays no part). */
gboolean     kh_calendar_is_open_day      (KhCalendar  *self,
                                           const GDate *date);
/* The Nth working day after `start` (start itself is not counted). */
void         kh_calendar_add_working_days (KhCalendar  *self,
                                           const GDate *start,
                                           guint        n,
                                           GDate       *out);
/* The last day of a period of N working days: the Nth working day, moved
 * by 150/1930 5 § if it is a Saturday (possible only with the Saturday
 * setting on). Returns TRUE if it was moved; `out_counted` (may be NULL)
 * gets the Nth working day as counted. */
gboolean     kh_calendar_working_days_deadline (KhCalendar  *self,
                                                const GDate *start,
                                                guint        n,
                                                GDate       *out,
                                                GDate       *out_counted);
/* Working days after `from` up to and including `to`; -1 if `to` is
 * before `from`. "How many working days are left". */
int          kh_calendar_count_working_days (KhCalendar  *self,
                                             const GDate *from,
                                             const GDate *to);
/* 150/1930 5 §: if `last_day` is a Saturday, Sunday, public holiday or eve,
 * the next day that is none of those; otherwise the same day. The unit's own
 * closed days and the Saturday setting do not apply to this rule. Returns
 * TRUE if the day moved. */
gboolean     kh_calendar_move_deadline    (KhCalendar  *self,
                                           const GDate *last_day,
                                           GDate       *out);
/* 150/1930 3 §: the day with the same number `n` months after `start`, or
 * that month's last day where it has no such day. Not moved by 5 §. */
void         kh_calendar_add_months       (const GDate *start,
                                           guint        n,
                                           GDate       *out);
/* "Wed 15.4.2026" in the UI language (newly allocated). */
char        *kh_calendar_format_day       (const GDate *date);
/* "Wednesday" in the UI language (borrowed). */
const char  *kh_calendar_weekday_name     (const GDate *date);
/* "Mon", "ma", "mån" (borrowed), as kh_calendar_format_day shows it. */
const char  *kh_calendar_weekday_abbreviation (const GDate *date);
/* Every Monday–Friday of the year that the office is closed, in order, as
 * newly allocated "YYYY-MM-DD\tName" strings (for `kohtaamo-admin
 * calendar`): holidays, eves and the unit's closed days. */
GPtrArray   *kh_calendar_list_closed_weekdays (KhCalendar *self,
                                               guint       year);

G_END_DECLS
