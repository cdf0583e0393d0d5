/* kh-appointment.c — meetings with clients, and the rules of booking them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules, in the order they are checked:
 * - not in the past, 5 minutes to 8 hours;
 * - on a day the office is open: Monday–Friday, not a public holiday or
 *   eve, not one of the unit's closed days (kh_calendar_is_open_day; the
 *   closed days decide appointments, not statutory deadlines);
 * - in person: at a service point, within its opening hours that day,
 *   and at a point that serves in the meeting's language (Kielilaki
 *   423/2003: a Finnish- or Swedish-speaking client is served in their
 *   language; a point of the other language only is refused, a bilingual
 *   one fits both) — unless an interpreter is booked for the meeting
 *   (Kielilaki 18 §: the authority arranges interpretation when the
 *   matter is not handled in the person's language). Phone and video
 *   meetings can be in any language;
 * - the worker has no other meeting at the same time.
 */
#define G_LOG_DOMAIN "kohtaamo-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kh-appointment.h"
#include "kh-enum-table.h"
#include "kh-text.h"

static const KhEnumEntry meeting_kinds[] = {
  ROW_C (KH_MEETING_IN_PERSON, "in-person", "meeting", NC_("meeting", "In person")),
  ROW_C (KH_MEETING_PHONE,     "phone",     "meeting", NC_("meeting", "By phone")),
  ROW_C (KH_MEETING_VIDEO,     "video",     "meeting", NC_("meeting", "By video")),
  END
};

const char *
kh_meeting_kind_key (KhMeetingKind kind)
{
  return kh_enum_table_key (meeting_kinds, kind);
}

const char *
kh_meeting_kind_label (KhMeetingKind kind)
{
  return kh_enum_table_label (meeting_kinds, kind);
}

const char *
kh_meeting_kind_label_in (KhMeetingKind  kind,
                          const char    *language)
{
  return kh_enum_table_label_in (meeting_kinds, kind, language);
}

KhServicePoint *
kh_service_point_new (const char *name,
                      guint       languages,
                      gboolean    by_appointment_only)
{
  KhServicePoint *point = g_new0 (KhServicePoint, 1);

  point->name = g_strdup (name);
  point->active = TRUE;
  point->languages = languages;
  point->by_appointment_only = by_appointment_only;
  point->hours = g_array_new (FALSE, FALSE, sizeof (KhOpeningHours));
  return point;
}

KhServicePoint *
kh_service_point_copy (const KhServicePoint *point)
{
  KhServicePoint *copy;

  g_return_val_if_fail (point != NULL, NULL);

  copy = kh_service_point_new (point->name, point->languages, point->by_appointment_only);
  copy->id = point->id;
  copy->address = g_strdup (point->address);
  copy->active = point->active;
  g_array_append_vals (copy->hours, point->hours->data, point->hours->len);
  return copy;
}

const KhOpeningHours *
kh_service_point_hours_on (const KhServicePoint *point,
                           int                   weekday)
{
  g_return_val_if_fail (point != NULL, NULL);

  for (guint i = 0; i < point->hours->len; i++)
    if (g_array_index (point->hours, KhOpeningHours, i).weekday == weekday)
      return &g_array_index (point->hours, KhOpeningHours, i);
  return NULL;
}

static const char *
short_weekday (int weekday)
{
  GDate date;

  /* Monday 1 January 2024, and the days after it. */
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, weekday, G_DATE_JANUARY, 2024);
  return kh_calendar_weekday_abbreviation (&date);
}

char *
kh_service_point_describe_hours (const KhServicePoint *point)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (point != NULL, NULL);

  for (int d = G_DATE_MONDAY; d <= G_DATE_SUNDAY; d++)
    {
      const KhOpeningHours *h = kh_service_point_hours_on (point, d);
      int last = d;

      if (h == NULL)
        continue;
      while (last < G_DATE_SUNDAY)
        {
          const KhOpeningHours *next = kh_service_point_hours_on (point, last + 1);

          if (next == NULL || next->opens != h->opens || next->closes != h->closes)
            break;
          last++;
        }
      if (text->len > 0)
        g_string_append (text, ", ");
      if (last > d)
        g_string_append_printf (text, "%s–%s", short_weekday (d), short_weekday (last));
      else
        g_string_append (text, short_weekday (d));
      g_string_append_printf (text, " %d.%02d–%d.%02d", h->opens / 60, h->opens % 60,
                              h->closes / 60, h->closes % 60);
      d = last;
    }
  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

const char *
kh_service_point_languages_label (guint languages)
{
  if ((languages & KH_POINT_FINNISH) && (languages & KH_POINT_SWEDISH))
    return C_("service point", "Finnish and Swedish");
  if (languages & KH_POINT_SWEDISH)
    return C_("service point", "Swedish");
  return C_("service point", "Finnish");
}

void
kh_service_point_free (KhServicePoint *point)
{
  if (point == NULL)
    return;
  g_free (point->name);
  g_free (point->address);
  g_array_unref (point->hours);
  g_free (point);
}

void
kh_service_point_set_hours (KhServicePoint *point,
                            int             weekday,
                            int             opens,
                            int             closes)
{
  KhOpeningHours hours = { weekday, opens, closes };

  g_return_if_fail (point != NULL);
  g_return_if_fail (weekday >= G_DATE_MONDAY && weekday <= G_DATE_SUNDAY);
  g_return_if_fail (opens >= 0 && opens < closes && closes <= 24 * 60);

  for (guint i = 0; i < point->hours->len; i++)
    if (g_array_index (point->hours, KhOpeningHours, i).weekday == weekday)
      {
        g_array_index (point->hours, KhOpeningHours, i) = hours;
        return;
      }
  g_array_append_val (point->hours, hours);
}

gboolean
kh_service_point_serves (const KhServicePoint *point,
                         KhLanguage            language)
{
  g_return_val_if_fail (point != NULL, FALSE);

  switch (language)
    {
    case KH_LANGUAGE_FI:
      return (point->languages & KH_POINT_FINNISH) != 0;
    case KH_LANGUAGE_SV:
      return (point->languages & KH_POINT_SWEDISH) != 0;
    default:
      /* Another language: served through an interpreter wherever. */
      return TRUE;
    }
}

KhAppointment *
kh_appointment_new (void)
{
  KhAppointment *a = g_new0 (KhAppointment, 1);

  a->kind = KH_MEETING_IN_PERSON;
  a->minutes = 60;
  a->language = KH_LANGUAGE_FI;
  return a;
}

KhAppointment *
kh_appointment_copy (const KhAppointment *a)
{
  KhAppointment *copy;

  g_return_val_if_fail (a != NULL, NULL);

  copy = g_memdup2 (a, sizeof *a);
  copy->starts = a->starts != NULL ? g_date_time_ref (a->starts) : NULL;
  copy->cancel_reason = g_strdup (a->cancel_reason);
  copy->note = g_strdup (a->note);
  copy->created_at = a->created_at != NULL ? g_date_time_ref (a->created_at) : NULL;
  copy->changed_at = a->changed_at != NULL ? g_date_time_ref (a->changed_at) : NULL;
  copy->client_name = g_strdup (a->client_name);
  copy->worker_name = g_strdup (a->worker_name);
  copy->point_name = g_strdup (a->point_name);
  copy->changed_by_name = g_strdup (a->changed_by_name);
  return copy;
}

void
kh_appointment_free (KhAppointment *a)
{
  if (a == NULL)
    return;
  g_clear_pointer (&a->starts, g_date_time_unref);
  g_clear_pointer (&a->created_at, g_date_time_unref);
  g_clear_pointer (&a->changed_at, g_date_time_unref);
  g_free (a->cancel_reason);
  g_free (a->note);
  g_free (a->client_name);
  g_free (a->worker_name);
  g_free (a->point_name);
  g_free (a->changed_by_name);
  g_free (a);
}

GDateTime *
kh_appointment_ends (const KhAppointment *a)
{
  g_return_val_if_fail (a != NULL && a->starts != NULL, NULL);

  return g_date_time_add_minutes (a->starts, a->minutes);
}

static KhAppointmentProblem
problem (KhAppointmentProblem   p,
         char                 **out_message,
         char                  *message)   /* (transfer full) */
{
  if (out_message != NULL)
    *out_message = message;
  else
    g_free (message);
  return p;
}

static char *
format_clock (GDateTime *t)
{
  return g_date_time_format (t, C_("time of day", "%H:%M"));
}

KhAppointmentProblem
kh_appointment_check (const KhAppointment  *a,
                      const KhServicePoint *point,
                      KhCalendar           *calendar,
                      const GPtrArray      *others,
                      GDateTime            *now,
                      char                **out_message)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) ends = NULL;
  g_autoptr(GError) error = NULL;
  GDate day;
  int start_minute, end_minute;

  g_return_val_if_fail (a != NULL && a->starts != NULL && calendar != NULL, KH_APPOINTMENT_PAST);

  if (out_message != NULL)
    *out_message = NULL;

  if (now != NULL && g_date_time_compare (a->starts, now) < 0)
    return problem (KH_APPOINTMENT_PAST, out_message, g_strdup (_("The meeting cannot be booked in the past.")));
  if (a->minutes < KH_APPOINTMENT_MIN_MINUTES || a->minutes > KH_APPOINTMENT_MAX_MINUTES)
    return problem (KH_APPOINTMENT_DURATION, out_message,
                    g_strdup_printf (_("A meeting lasts from %d minutes to %d hours."),
                                     KH_APPOINTMENT_MIN_MINUTES, KH_APPOINTMENT_MAX_MINUTES / 60));
  if (!kh_text_check_field (_("Note for the meeting"), a->note, KH_TEXT_NOTE, KH_APPOINTMENT_NOTE_MAX, &error))
    return problem (KH_APPOINTMENT_TEXT, out_message, g_strdup (error->message));

  local = g_date_time_to_local (a->starts);
  ends = g_date_time_add_minutes (local, a->minutes);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  if (!kh_calendar_is_open_day (calendar, &day))
    {
      const char *name = NULL;
      g_autofree char *shown = kh_calendar_format_day (&day);

      if (kh_calendar_is_holiday (calendar, &day, &name) || kh_calendar_is_closed_day (calendar, &day, &name))
        /* Translators: %s is a day, then the name of the holiday or closed day */
        return problem (KH_APPOINTMENT_CLOSED_DAY, out_message,
                        g_strdup_printf (_("The office is closed on %s (%s)."), shown, name));
      return problem (KH_APPOINTMENT_CLOSED_DAY, out_message,
                      g_strdup_printf (_("The office is closed on %s."), shown));
    }

  if (a->kind == KH_MEETING_IN_PERSON)
    {
      const KhOpeningHours *hours = NULL;

      if (point == NULL)
        return problem (KH_APPOINTMENT_NO_POINT, out_message,
                        g_strdup (_("Choose the service point where the client is met.")));
      for (guint i = 0; i < point->hours->len; i++)
        if (g_array_index (point->hours, KhOpeningHours, i).weekday == (int) g_date_get_weekday (&day))
          hours = &g_array_index (point->hours, KhOpeningHours, i);
      start_minute = g_date_time_get_hour (local) * 60 + g_date_time_get_minute (local);
      end_minute = start_minute + a->minutes;
      if (hours == NULL)
        return problem (KH_APPOINTMENT_POINT_CLOSED, out_message,
                        /* Translators: %s is a service point */
                        g_strdup_printf (_("%s is not open on that weekday."), point->name));
      if (start_minute < hours->opens || end_minute > hours->closes)
        return problem (KH_APPOINTMENT_POINT_CLOSED, out_message,
                        /* Translators: a service point, then its hours: "Kirkkokatu 2 is open 8.00–16.00 that day." */
                        g_strdup_printf (_("%s is open %d.%02d–%d.%02d that day."), point->name,
                                         hours->opens / 60, hours->opens % 60,
                                         hours->closes / 60, hours->closes % 60));
      if (!kh_service_point_serves (point, a->language) && !a->interpreter)
        return problem (KH_APPOINTMENT_LANGUAGE, out_message,
                        g_strdup_printf (a->language == KH_LANGUAGE_SV
                                         ? _("%s does not serve in Swedish: choose a Swedish-language or bilingual service point, meet by phone or video, or book an interpreter.")
                                         : _("%s does not serve in Finnish: choose a Finnish-language or bilingual service point, meet by phone or video, or book an interpreter."),
                                         point->name));
    }

  for (guint i = 0; others != NULL && i < others->len; i++)
    {
      const KhAppointment *o = g_ptr_array_index (others, i);
      g_autoptr(GDateTime) o_ends = NULL;

      if (o->cancelled || (a->id != 0 && o->id == a->id) || o->worker_id != a->worker_id || o->starts == NULL)
        continue;
      o_ends = kh_appointment_ends (o);
      if (g_date_time_compare (o->starts, ends) < 0 && g_date_time_compare (a->starts, o_ends) < 0)
        {
          g_autoptr(GDateTime) o_local = g_date_time_to_local (o->starts);
          g_autoptr(GDateTime) o_local_end = g_date_time_to_local (o_ends);
          g_autofree char *from = format_clock (o_local);
          g_autofree char *to = format_clock (o_local_end);

          return problem (KH_APPOINTMENT_OVERLAP, out_message,
                          /* Translators: the worker's other meeting, "10.00–11.00" */
                          g_strdup_printf (_("You have another meeting then (%s–%s)."), from, to));
        }
    }
  return KH_APPOINTMENT_OK;
}

char *
kh_appointment_check_cancel (const char *reason)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (reason != NULL ? reason : ""));

  if (*trimmed == '\0')
    return g_strdup (_("Write why the meeting is cancelled."));
  if (!kh_text_check_field (_("Reason"), reason, KH_TEXT_NOTE, KH_APPOINTMENT_REASON_MAX, &error))
    return g_strdup (error->message);
  return NULL;
}

char *
kh_appointment_format_when (const KhAppointment *a)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) ends = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *day = NULL;
  GDate date;

  g_return_val_if_fail (a != NULL && a->starts != NULL, NULL);

  local = g_date_time_to_local (a->starts);
  ends = g_date_time_add_minutes (local, a->minutes);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  day = kh_calendar_format_day (&date);
  from = format_clock (local);
  to = format_clock (ends);
  /* Translators: a short weekday and date, then the hours: "Tue 8.12.2026 10.00–11.00" */
  return g_strdup_printf (C_("meeting time", "%s %s–%s"), day, from, to);
}

const char *
kh_appointment_status_label (KhAppointmentStatus status)
{
  switch (status)
    {
    case KH_APPOINTMENT_MOVED:
      return C_("meeting", "Moved");
    case KH_APPOINTMENT_CANCELLED:
      return C_("meeting", "Cancelled");
    case KH_APPOINTMENT_BOOKED:
    default:
      return C_("meeting", "Booked");
    }
}

void
kh_week_range (const GDate  *day,
               GDateTime   **out_monday,
               GDateTime   **out_next_monday)
{
  GDate monday = *day;

  g_return_if_fail (day != NULL && g_date_valid (day));

  g_date_subtract_days (&monday, g_date_get_weekday (day) - G_DATE_MONDAY);
  *out_monday = g_date_time_new_local (g_date_get_year (&monday), g_date_get_month (&monday),
                                       g_date_get_day (&monday), 0, 0, 0);
  *out_next_monday = g_date_time_add_days (*out_monday, 7);
}
