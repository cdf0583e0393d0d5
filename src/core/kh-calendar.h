/* kh-calendar.h — the Finnish working-day calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Public holidays (including the movable ones), the eves that close offices
 * (Midsummer Eve, Christmas Eve), weekends, and the extra closed days a unit
 * adds. Two separate rules (domain-law.md section 6):
 *  - counting N working days (SHL 36 §, TTL 14 a §): Monday–Friday less
 *    holidays and closed days (Saturday optionally a working day, a setting);
 *  - moving the last day of a deadline (150/1930, 5 §) off a Saturday,
 *    Sunday, holiday or eve to the next working day.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _KhCalendar KhCalendar;

KhCalendar  *kh_calendar_new              (void);
KhCalendar  *kh_calendar_ref              (KhCalendar  *self);
void         kh_calendar_unref            (KhCalendar  *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KhCalendar, kh_calendar_unref)

/* A day the unit is closed (e.g. a bridge day); `name` shown as the day's name. */
void         kh_calendar_add_closed_day   (KhCalendar  *self,
                                           const GDate *date,
                                           const char  *name);
/* Setting: count Saturday as a working day when counting N working days. */
void         kh_calendar_set_saturday_is_working_day (KhCalendar *self,
                                                      gboolean    saturday);

/* Easter Sunday of a Gregorian year (1583–9999). */
void         kh_calendar_easter           (guint        year,
                                           GDate       *out);
/* Is the date a public holiday, an office-closing eve or a closed day of the
 * unit? If so and `out_name` is not NULL, sets it to the day's name in the UI
 * language (borrowed). Weekends alone are not "holidays". */
gboolean     kh_calendar_is_holiday       (KhCalendar  *self,
                                           const GDate *date,
                                           const char **out_name);
/* Working day for counting: Mon–Fri (and Sat if set), not a holiday. */
gboolean     kh_calendar_is_working_day   (KhCalendar  *self,
                                           const GDate *date);
/* The Nth working day after `start` (start itself is not counted). */
void         kh_calendar_add_working_days (KhCalendar  *self,
                                           const GDate *start,
                                           guint        n,
                                           GDate       *out);
/* 150/1930 5 §: if `last_day` is a Saturday, Sunday, public holiday or eve,
 * the next day that is none of those; otherwise the same day. The unit's own
 * closed days and the Saturday setting do not apply to this rule. */
void         kh_calendar_move_deadline    (KhCalendar  *self,
                                           const GDate *last_day,
                                           GDate       *out);
/* Every Monday–Friday of the year that is not a working day, in order, as
 * newly allocated "YYYY-MM-DD\tName" strings (for `kohtaamo-admin calendar`). */
GPtrArray   *kh_calendar_list_closed_weekdays (KhCalendar *self,
                                               guint       year);

G_END_DECLS
