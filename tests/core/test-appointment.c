/* test-appointment.c — booking a meeting with a client: the rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The service point "Kirkkokatu 2" is Finnish-language, open Monday to
 * Thursday 8.00–16.00 and Friday 8.00–14.00. Friday 11 December 2026 is the
 * unit's training day (closed); Thursday 24 December is Christmas Eve.
 * Now is Monday 7 December 2026 at 9.00.
 */
#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include "core/kh-appointment.h"

static KhAppointment *
meeting (int day, int hour, int minute, int minutes, KhMeetingKind kind, KhLanguage language)
{
  KhAppointment *a = kh_appointment_new ();

  a->worker_id = 5;
  a->client_id = 9;
  a->kind = kind;
  a->starts = g_date_time_new_local (2026, 12, day, hour, minute, 0);
  a->minutes = minutes;
  a->language = language;
  return a;
}

static const struct {
  const char          *name;
  int                  day, hour, minute, minutes;
  KhMeetingKind        kind;
  KhLanguage           language;
  gboolean             no_point;
  KhAppointmentProblem expected;
} cases[] = {
  { "Tuesday 10.00, an hour", 8, 10, 0, 60, KH_MEETING_IN_PERSON, KH_LANGUAGE_FI, FALSE, KH_APPOINTMENT_OK },
  { "ends at closing time", 8, 15, 0, 60, KH_MEETING_IN_PERSON, KH_LANGUAGE_FI, FALSE, KH_APPOINTMENT_OK },
  { "ends after closing time", 8, 15, 30, 60, KH_MEETING_IN_PERSON, KH_LANGUAGE_FI, FALSE, KH_APPOINTMENT_POINT_CLOSED },
  { "before opening", 8, 7, 30, 45, KH_MEETING_IN_PERSON, KH_LANGUAGE_FI, FALSE, KH_APPOINTMENT_POINT_CLOSED },
  { "this morning, already past", 7, 8, 0, 30, KH_MEETING_IN_PERSON, KH_LANGUAGE_FI, FALSE, KH_APPOINTMENT_PAST },
  { "the training day", 11, 10, 0, 60, KH_MEETING_IN_PERSON, KH_LANGUAGE_FI, FALSE, KH_APPOINTMENT_CLOSED_DAY },
  { "the training day by phone too", 11, 10, 0, 30, KH_MEETING_PHONE, KH_LANGUAGE_FI, FALSE, KH_APPOINTMENT_CLOSED_DAY },
  { "Christmas Eve", 24, 10, 0, 60, KH_MEETING_PHONE, KH_LANGUAGE_FI, FALSE, KH_APPOINTMENT_CLOSED_DAY },
  { "Saturday", 12, 10, 0, 60, KH_MEETING_VIDEO, KH_LANGUAGE_FI, FALSE, KH_APPOINTMENT_CLOSED_DAY },
  { "Friday afternoon after 14.00", 18, 14, 0, 30, KH_MEETING_IN_PERSON, KH_LANGUAGE_FI, FALSE, KH_APPOINTMENT_POINT_CLOSED },
  { "Friday afternoon by phone", 18, 14, 0, 30, KH_MEETING_PHONE, KH_LANGUAGE_FI, FALSE, KH_APPOINTMENT_OK },
  { "in Swedish at a Finnish point", 8, 10, 0, 60, KH_MEETING_IN_PERSON, KH_LANGUAGE_SV, FALSE, KH_APPOINTMENT_LANGUAGE },
  { "in Swedish by video", 8, 10, 0, 60, KH_MEETING_VIDEO, KH_LANGUAGE_SV, FALSE, KH_APPOINTMENT_OK },
  { "another language, interpreter", 8, 10, 0, 60, KH_MEETING_IN_PERSON, KH_LANGUAGE_OTHER, FALSE, KH_APPOINTMENT_OK },
  { "in person without a point", 8, 10, 0, 60, KH_MEETING_IN_PERSON, KH_LANGUAGE_FI, TRUE, KH_APPOINTMENT_NO_POINT },
  { "four minutes", 8, 10, 0, 4, KH_MEETING_PHONE, KH_LANGUAGE_FI, FALSE, KH_APPOINTMENT_DURATION },
  { "nine hours", 8, 7, 0, 540, KH_MEETING_PHONE, KH_LANGUAGE_FI, FALSE, KH_APPOINTMENT_DURATION },
  { "overlaps 13.00–14.00", 9, 13, 30, 60, KH_MEETING_PHONE, KH_LANGUAGE_FI, FALSE, KH_APPOINTMENT_OVERLAP },
  { "right after 13.00–14.00", 9, 14, 0, 60, KH_MEETING_PHONE, KH_LANGUAGE_FI, FALSE, KH_APPOINTMENT_OK },
  { "right before 13.00–14.00", 9, 12, 0, 60, KH_MEETING_PHONE, KH_LANGUAGE_FI, FALSE, KH_APPOINTMENT_OK },
  { "over a cancelled one", 10, 10, 0, 60, KH_MEETING_PHONE, KH_LANGUAGE_FI, FALSE, KH_APPOINTMENT_OK },
};

static void
test_check (void)
{
  g_autoptr(KhServicePoint) point = kh_service_point_new ("Kirkkokatu 2", KH_POINT_FINNISH, TRUE);
  g_autoptr(KhCalendar) calendar = kh_calendar_new ();
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 12, 7, 9, 0, 0);
  g_autoptr(GPtrArray) others = g_ptr_array_new_with_free_func ((GDestroyNotify) kh_appointment_free);
  KhAppointment *cancelled;
  GDate training;

  for (int d = G_DATE_MONDAY; d <= G_DATE_THURSDAY; d++)
    kh_service_point_set_hours (point, d, 8 * 60, 16 * 60);
  kh_service_point_set_hours (point, G_DATE_FRIDAY, 8 * 60, 14 * 60);
  g_date_clear (&training, 1);
  g_date_set_dmy (&training, 11, G_DATE_DECEMBER, 2026);
  kh_calendar_add_closed_day (calendar, &training, "Koulutuspäivä");
  g_ptr_array_add (others, meeting (9, 13, 0, 60, KH_MEETING_IN_PERSON, KH_LANGUAGE_FI));
  cancelled = meeting (10, 10, 0, 60, KH_MEETING_IN_PERSON, KH_LANGUAGE_FI);
  cancelled->cancelled = TRUE;
  g_ptr_array_add (others, cancelled);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KhAppointment) a = meeting (cases[i].day, cases[i].hour, cases[i].minute, cases[i].minutes,
                                            cases[i].kind, cases[i].language);
      g_autofree char *message = NULL;
      KhAppointmentProblem p;

      g_test_message ("%s", cases[i].name);
      p = kh_appointment_check (a, cases[i].kind == KH_MEETING_IN_PERSON && !cases[i].no_point ? point : NULL,
                                calendar, others, now, &message);
      g_assert_cmpint (p, ==, cases[i].expected);
      if (p == KH_APPOINTMENT_OK)
        g_assert_null (message);
      else
        g_assert_nonnull (message);
    }

  /* Moving the 13.00 meeting itself to 13.30 does not collide with itself. */
  {
    KhAppointment *moved = kh_appointment_copy (g_ptr_array_index (others, 0));

    ((KhAppointment *) g_ptr_array_index (others, 0))->id = 41;
    moved->id = 41;
    g_date_time_unref (moved->starts);
    moved->starts = g_date_time_new_local (2026, 12, 9, 13, 30, 0);
    g_assert_cmpint (kh_appointment_check (moved, point, calendar, others, now, NULL), ==, KH_APPOINTMENT_OK);
    kh_appointment_free (moved);
  }
}

/* Kielilaki 18 §: with an interpreter booked, a Swedish-speaking client
 * can be met at the Finnish-language point; the refusal says so. */
static void
test_interpreter (void)
{
  g_autoptr(KhServicePoint) point = kh_service_point_new ("Kirkkokatu 2", KH_POINT_FINNISH, TRUE);
  g_autoptr(KhCalendar) calendar = kh_calendar_new ();
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 12, 7, 9, 0, 0);
  g_autoptr(KhAppointment) a = meeting (8, 10, 0, 60, KH_MEETING_IN_PERSON, KH_LANGUAGE_SV);
  g_autofree char *message = NULL;

  kh_service_point_set_hours (point, G_DATE_TUESDAY, 8 * 60, 16 * 60);
  g_assert_cmpint (kh_appointment_check (a, point, calendar, NULL, now, &message), ==, KH_APPOINTMENT_LANGUAGE);
  g_assert_cmpstr (message, ==, "Kirkkokatu 2 does not serve in Swedish: choose a Swedish-language or "
                   "bilingual service point, meet by phone or video, or book an interpreter.");
  a->interpreter = TRUE;
  g_assert_cmpint (kh_appointment_check (a, point, calendar, NULL, now, NULL), ==, KH_APPOINTMENT_OK);
}

static void
test_cancel_reason (void)
{
  g_autofree char *empty = kh_appointment_check_cancel ("  ");
  g_autofree char *none = kh_appointment_check_cancel (NULL);
  g_autofree char *ok = kh_appointment_check_cancel ("Asiakas sairastui");
  g_autofree char *long_one = NULL;
  g_autofree char *too_long = g_strnfill (501, 'x');

  g_assert_cmpstr (empty, ==, "Write why the meeting is cancelled.");
  g_assert_cmpstr (none, ==, "Write why the meeting is cancelled.");
  g_assert_null (ok);
  long_one = kh_appointment_check_cancel (too_long);
  g_assert_nonnull (long_one);
}

static void
test_format (void)
{
  g_autoptr(KhAppointment) a = meeting (8, 10, 0, 90, KH_MEETING_PHONE, KH_LANGUAGE_FI);
  g_autofree char *when = kh_appointment_format_when (a);

  g_assert_cmpstr (when, ==, "Tue 8.12.2026 10:00–11:30");
  g_assert_cmpstr (kh_appointment_status_label (KH_APPOINTMENT_CANCELLED), ==, "Cancelled");
  g_assert_cmpstr (kh_meeting_kind_key (KH_MEETING_VIDEO), ==, "video");
}

static void
test_describe_hours (void)
{
  g_autoptr(KhServicePoint) point = kh_service_point_new ("Kirkkokatu 2", KH_POINT_FINNISH, TRUE);
  g_autoptr(KhServicePoint) copy = NULL;
  g_autofree char *none = kh_service_point_describe_hours (point);
  g_autofree char *text = NULL;
  g_autofree char *two = NULL;

  g_assert_null (none);
  for (int d = G_DATE_MONDAY; d <= G_DATE_THURSDAY; d++)
    kh_service_point_set_hours (point, d, 8 * 60, 16 * 60);
  kh_service_point_set_hours (point, G_DATE_FRIDAY, 8 * 60, 14 * 60 + 30);
  text = kh_service_point_describe_hours (point);
  g_assert_cmpstr (text, ==, "Mon–Thu 8.00–16.00, Fri 8.00–14.30");

  copy = kh_service_point_copy (point);
  kh_service_point_set_hours (copy, G_DATE_WEDNESDAY, 9 * 60, 12 * 60);
  two = kh_service_point_describe_hours (copy);
  g_assert_cmpstr (two, ==, "Mon–Tue 8.00–16.00, Wed 9.00–12.00, Thu 8.00–16.00, Fri 8.00–14.30");
  g_assert_cmpstr (kh_service_point_languages_label (KH_POINT_FINNISH | KH_POINT_SWEDISH), ==,
                   "Finnish and Swedish");
}

static void
test_week (void)
{
  GDate thursday;
  g_autoptr(GDateTime) monday = NULL;
  g_autoptr(GDateTime) next = NULL;
  g_autofree char *a = NULL, *b = NULL;

  g_date_clear (&thursday, 1);
  g_date_set_dmy (&thursday, 31, G_DATE_DECEMBER, 2026);
  kh_week_range (&thursday, &monday, &next);
  a = g_date_time_format (monday, "%Y-%m-%d %H:%M");
  b = g_date_time_format (next, "%Y-%m-%d %H:%M");
  g_assert_cmpstr (a, ==, "2026-12-28 00:00");
  g_assert_cmpstr (b, ==, "2027-01-04 00:00");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/appointment/check", test_check);
  g_test_add_func ("/core/appointment/week", test_week);
  g_test_add_func ("/core/appointment/interpreter", test_interpreter);
  g_test_add_func ("/core/appointment/cancel-reason", test_cancel_reason);
  g_test_add_func ("/core/appointment/format", test_format);
  g_test_add_func ("/core/appointment/describe-hours", test_describe_hours);

  return g_test_run ();
}
