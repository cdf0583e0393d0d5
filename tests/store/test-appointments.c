/* test-appointments.c — service points and meetings with clients: booking
 * under the core's rule, the worker's week, moving and cancelling, who may,
 * the access log, and the database's own rules (issue 7, 4), on both
 * engines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The unit (all in 2030, so that "not in the past" holds for years):
 * - "Kirkkokatu 2": Finnish, by appointment only, Mon–Thu 8.00–16.00,
 *   Fri 8.00–14.00;
 * - "Strandgatan 5": Swedish, Tue and Thu 9.00–15.00;
 * - "Torikatu 1": bilingual, Mon–Fri 8.00–16.00.
 * Friday 8 March 2030 is the unit's training day (closed). Easter Sunday
 * 2030 is 21 April: Good Friday is 19 April.
 */
#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include "core/kh-appointment.h"
#include "store/kh-store.h"

#include "store-test-util.h"

typedef struct
{
  KhUser *sanna;      /* social worker */
  KhUser *pekka;      /* social worker */
  KhUser *riikka;     /* reception */
  KhUser *leena;      /* lead */
  gint64  kirkkokatu;
  gint64  strandgatan;
  gint64  torikatu;
  gint64  aino;       /* a Finnish-speaking client */
  gint64  bertil;     /* a Swedish-speaking client */
} Unit;

static gint64
save_point (Fixture    *f,
            const char *name,
            guint       languages,
            gboolean    by_appointment,
            const int   hours[][3],
            guint       n_hours)
{
  g_autoptr(KhServicePoint) point = kh_service_point_new (name, languages, by_appointment);
  g_autoptr(GError) error = NULL;
  gint64 id;

  for (guint i = 0; i < n_hours; i++)
    kh_service_point_set_hours (point, hours[i][0], hours[i][1], hours[i][2]);
  id = kh_db_save_service_point (f->db, f->admin, point, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
unit_set_up (Fixture *f,
             Unit    *u)
{
  static const int kirkkokatu[][3] = {
    { 1, 480, 960 }, { 2, 480, 960 }, { 3, 480, 960 }, { 4, 480, 960 }, { 5, 480, 840 },
  };
  static const int strandgatan[][3] = { { 2, 540, 900 }, { 4, 540, 900 } };
  static const int torikatu[][3] = {
    { 1, 480, 960 }, { 2, 480, 960 }, { 3, 480, 960 }, { 4, 480, 960 }, { 5, 480, 960 },
  };
  g_autoptr(KhClient) bertil = test_client ("Lindqvist", "Bertil", "1971-02-03", 0);
  g_autoptr(GError) error = NULL;

  u->sanna = fixture_add_user (f, "sanna", "Sanna Sosiaalityöntekijä", KH_ROLE_SOCIAL_WORKER);
  u->pekka = fixture_add_user (f, "pekka", "Pekka Berg", KH_ROLE_SOCIAL_WORKER);
  u->riikka = fixture_add_user (f, "riikka", "Riikka Vastaanotto", KH_ROLE_RECEPTION);
  u->leena = fixture_add_user (f, "leena", "Leena Johtaja", KH_ROLE_LEAD);
  u->kirkkokatu = save_point (f, "Kirkkokatu 2", KH_POINT_FINNISH, TRUE, kirkkokatu, 5);
  u->strandgatan = save_point (f, "Strandgatan 5", KH_POINT_SWEDISH, FALSE, strandgatan, 2);
  u->torikatu = save_point (f, "Torikatu 1", KH_POINT_FINNISH | KH_POINT_SWEDISH, FALSE, torikatu, 5);
  g_assert_true (kh_db_add_closed_day (f->db, f->admin, "2030-03-08", "Koulutuspäivä", &error));
  g_assert_no_error (error);
  u->aino = add_client (f, "Aaltonen", "Aino", "1980-01-01", 0);
  bertil->language = KH_LANGUAGE_SV;
  u->bertil = kh_db_save_client (f->db, f->admin, bertil, &error);
  g_assert_no_error (error);
}

static void
unit_tear_down (Unit *u)
{
  g_clear_object (&u->sanna);
  g_clear_object (&u->pekka);
  g_clear_object (&u->riikka);
  g_clear_object (&u->leena);
}

static KhAppointment *
meeting (gint64        client,
         KhLanguage    language,
         KhMeetingKind kind,
         gint64        point,
         int           month,
         int           day,
         int           hour,
         int           minute,
         int           minutes)
{
  KhAppointment *a = kh_appointment_new ();

  a->client_id = client;
  a->language = language;
  a->kind = kind;
  a->service_point_id = point;
  a->starts = g_date_time_new_local (2030, month, day, hour, minute, 0);
  a->minutes = minutes;
  return a;
}

static gint64
book (Fixture        *f,
      KhUser         *user,
      KhAppointment  *a,
      GError        **error)
{
  return kh_db_book_appointment (fixture_db (f, user), user, a, error);
}

static GPtrArray *
week (Fixture  *f,
      KhUser   *user,
      gint64    worker,
      int       month,
      int       day,
      GError  **error)
{
  g_autoptr(GDate) date = g_date_new_dmy (day, month, 2030);

  return kh_db_list_week (fixture_db (f, user), user, worker, date, error);
}

static char *
hhmm (GDateTime *t)
{
  return g_date_time_format (t, "%Y-%m-%d %H:%M");
}

static void
test_service_points (Fixture       *f,
                     gconstpointer  data)
{
  Unit u = { 0 };
  g_autoptr(GPtrArray) points = NULL;
  g_autoptr(KhServicePoint) mine = kh_service_point_new ("Oma piste", KH_POINT_FINNISH, FALSE);
  g_autoptr(KhServicePoint) twice = kh_service_point_new ("Torikatu 1", KH_POINT_FINNISH, FALSE);
  g_autoptr(GError) error = NULL;
  const KhOpeningHours *h;
  KhServicePoint *p;

  unit_set_up (f, &u);
  points = kh_db_list_service_points (fixture_db (f, u.sanna), FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (points->len, ==, 3);
  p = g_ptr_array_index (points, 0);
  g_assert_cmpstr (p->name, ==, "Kirkkokatu 2");
  g_assert_cmpuint (p->languages, ==, KH_POINT_FINNISH);
  g_assert_true (p->by_appointment_only);
  g_assert_cmpuint (p->hours->len, ==, 5);
  h = kh_service_point_hours_on (p, G_DATE_FRIDAY);
  g_assert_nonnull (h);
  g_assert_cmpint (h->opens, ==, 8 * 60);
  g_assert_cmpint (h->closes, ==, 14 * 60);
  g_assert_null (kh_service_point_hours_on (p, G_DATE_SATURDAY));
  p = g_ptr_array_index (points, 1);
  g_assert_cmpstr (p->name, ==, "Strandgatan 5");
  g_assert_cmpuint (p->languages, ==, KH_POINT_SWEDISH);
  g_assert_false (p->by_appointment_only);
  g_assert_null (kh_service_point_hours_on (p, G_DATE_MONDAY));
  p = g_ptr_array_index (points, 2);
  g_assert_cmpstr (p->name, ==, "Torikatu 1");
  g_assert_cmpuint (p->languages, ==, KH_POINT_FINNISH | KH_POINT_SWEDISH);

  /* A social worker does not keep the unit's points. */
  g_assert_cmpint (kh_db_save_service_point (fixture_db (f, u.sanna), u.sanna, mine, &error), ==, 0);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  /* A name is the point's own. */
  g_assert_cmpint (kh_db_save_service_point (f->db, f->admin, twice, &error), ==, 0);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "The unit already has a service point of that name.");
  g_clear_error (&error);

  /* The lead makes Strandgatan inactive: it leaves the list for booking. */
  p = kh_service_point_copy (g_ptr_array_index (points, 1));
  p->active = FALSE;
  g_assert_cmpint (kh_db_save_service_point (fixture_db (f, u.leena), u.leena, p, &error), ==, u.strandgatan);
  g_assert_no_error (error);
  kh_service_point_free (p);
  g_clear_pointer (&points, g_ptr_array_unref);
  points = kh_db_list_service_points (fixture_db (f, u.sanna), FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (points->len, ==, 2);
  g_clear_pointer (&points, g_ptr_array_unref);
  points = kh_db_list_service_points (fixture_db (f, u.sanna), TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (points->len, ==, 3);
  g_assert_cmpuint (((KhServicePoint *) g_ptr_array_index (points, 1))->hours->len, ==, 2);

  unit_tear_down (&u);
}

static void
test_book_and_week (Fixture       *f,
                    gconstpointer  data)
{
  Unit u = { 0 };
  g_autoptr(KhAppointment) first = meeting (0, KH_LANGUAGE_FI, KH_MEETING_IN_PERSON, 0, 3, 5, 10, 0, 60);
  g_autoptr(KhAppointment) second = meeting (0, KH_LANGUAGE_SV, KH_MEETING_PHONE, 0, 3, 6, 13, 0, 30);
  g_autoptr(KhAppointment) third = meeting (0, KH_LANGUAGE_FI, KH_MEETING_VIDEO, 0, 3, 4, 8, 30, 45);
  g_autoptr(KhAppointment) next_week = meeting (0, KH_LANGUAGE_FI, KH_MEETING_PHONE, 0, 3, 11, 9, 0, 30);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *s0 = NULL;
  g_autofree char *s1 = NULL;
  g_autofree char *s2 = NULL;
  g_autofree char *sql = NULL;
  KhAppointment *a;
  gint64 id1, id2, id3;

  unit_set_up (f, &u);
  first->client_id = u.aino;
  first->service_point_id = u.kirkkokatu;
  first->note = g_strdup ("  Tuo vuokrasopimus  ");
  second->client_id = u.bertil;
  third->client_id = u.aino;
  next_week->client_id = u.bertil;

  id1 = book (f, u.sanna, first, &error);
  g_assert_no_error (error);
  id2 = book (f, u.sanna, second, &error);
  g_assert_no_error (error);
  id3 = book (f, u.sanna, third, &error);
  g_assert_no_error (error);
  book (f, u.sanna, next_week, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id1, >, 0);
  g_assert_cmpint (id2, >, id1);
  g_assert_cmpint (id3, >, id2);

  /* Thursday 7.3.2030's week: Mon 4.3. – Sun 10.3., by time. */
  rows = week (f, u.sanna, 0, 3, 7, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);
  a = g_ptr_array_index (rows, 0);
  s0 = hhmm (a->starts);
  g_assert_cmpstr (s0, ==, "2030-03-04 08:30");
  g_assert_cmpint (a->id, ==, id3);
  g_assert_cmpint (a->kind, ==, KH_MEETING_VIDEO);
  g_assert_cmpint (a->minutes, ==, 45);
  g_assert_cmpint (a->service_point_id, ==, 0);
  a = g_ptr_array_index (rows, 1);
  s1 = hhmm (a->starts);
  g_assert_cmpstr (s1, ==, "2030-03-05 10:00");
  g_assert_cmpint (a->id, ==, id1);
  g_assert_cmpint (a->client_id, ==, u.aino);
  g_assert_cmpstr (a->client_name, ==, "Aaltonen, Aino");
  g_assert_cmpstr (a->worker_name, ==, "Sanna Sosiaalityöntekijä");
  g_assert_cmpstr (a->point_name, ==, "Kirkkokatu 2");
  g_assert_cmpstr (a->note, ==, "Tuo vuokrasopimus");
  g_assert_cmpint (a->status, ==, KH_APPOINTMENT_BOOKED);
  g_assert_cmpint (a->worker_id, ==, u.sanna->id);
  g_assert_cmpint (a->created_by, ==, u.sanna->id);
  g_assert_nonnull (a->created_at);
  g_assert_null (a->changed_at);
  g_assert_cmpint (a->language, ==, KH_LANGUAGE_FI);
  a = g_ptr_array_index (rows, 2);
  s2 = hhmm (a->starts);
  g_assert_cmpstr (s2, ==, "2030-03-06 13:00");
  g_assert_cmpstr (a->client_name, ==, "Lindqvist, Bertil");
  g_assert_cmpint (a->language, ==, KH_LANGUAGE_SV);

  /* Each person of the week logged once as shown in a work list (8), by
   * Sanna, on the basis of the client relationship (2). */
  sql = g_strdup_printf ("SELECT count(*) FROM access_log WHERE what = 8 AND basis = 2 AND user_id = %"
                         G_GINT64_FORMAT " AND client_id = %" G_GINT64_FORMAT, u.sanna->id, u.aino);
  g_assert_cmpint (count (f, sql), ==, 1);
  g_free (sql);
  sql = g_strdup_printf ("SELECT count(*) FROM access_log WHERE what = 8 AND client_id = %" G_GINT64_FORMAT,
                         u.bertil);
  g_assert_cmpint (count (f, sql), ==, 1);
  g_free (sql);

  /* Another week, the next: only Bertil's phone call. */
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = week (f, u.sanna, u.sanna->id, 3, 11, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);

  /* Aino's own meetings, on her page: logged as her meetings listed (13). */
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = kh_db_list_client_appointments (fixture_db (f, u.pekka), u.pekka, u.aino, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpint (((KhAppointment *) g_ptr_array_index (rows, 0))->id, ==, id1);
  g_assert_cmpint (((KhAppointment *) g_ptr_array_index (rows, 1))->id, ==, id3);
  sql = g_strdup_printf ("SELECT count(*) FROM access_log WHERE what = 13 AND user_id = %" G_GINT64_FORMAT
                         " AND client_id = %" G_GINT64_FORMAT, u.pekka->id, u.aino);
  g_assert_cmpint (count (f, sql), ==, 1);

  unit_tear_down (&u);
}

static void
expect_refused (Fixture        *f,
                KhUser         *user,
                KhAppointment  *a,
                const char     *message)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (book (f, user, a, &error), ==, 0);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  Unit u = { 0 };
  g_autoptr(KhAppointment) ok = NULL;
  g_autoptr(KhAppointment) a = NULL;
  g_autoptr(GError) error = NULL;

  unit_set_up (f, &u);
  ok = meeting (u.aino, KH_LANGUAGE_FI, KH_MEETING_IN_PERSON, u.kirkkokatu, 3, 5, 10, 0, 60);
  g_assert_cmpint (book (f, u.sanna, ok, &error), >, 0);
  g_assert_no_error (error);

  a = meeting (u.aino, KH_LANGUAGE_FI, KH_MEETING_PHONE, 0, 3, 8, 10, 0, 30);
  expect_refused (f, u.sanna, a, "The office is closed on Fri 8.3.2030 (Koulutuspäivä).");
  kh_appointment_free (a);
  a = meeting (u.aino, KH_LANGUAGE_FI, KH_MEETING_VIDEO, 0, 4, 19, 10, 0, 30);
  expect_refused (f, u.sanna, a, "The office is closed on Fri 19.4.2030 (Good Friday).");
  kh_appointment_free (a);
  a = meeting (u.aino, KH_LANGUAGE_FI, KH_MEETING_PHONE, 0, 3, 9, 10, 0, 30);
  expect_refused (f, u.sanna, a, "The office is closed on Sat 9.3.2030.");
  kh_appointment_free (a);
  a = meeting (u.aino, KH_LANGUAGE_FI, KH_MEETING_IN_PERSON, u.kirkkokatu, 3, 5, 15, 30, 60);
  expect_refused (f, u.sanna, a, "Kirkkokatu 2 is open 8.00–16.00 that day.");
  kh_appointment_free (a);
  a = meeting (u.aino, KH_LANGUAGE_FI, KH_MEETING_IN_PERSON, u.strandgatan, 3, 4, 10, 0, 60);
  expect_refused (f, u.sanna, a, "Strandgatan 5 is not open on that weekday.");
  kh_appointment_free (a);
  a = meeting (u.aino, KH_LANGUAGE_FI, KH_MEETING_IN_PERSON, 0, 3, 5, 12, 0, 60);
  expect_refused (f, u.sanna, a, "Choose the service point where the client is met.");
  kh_appointment_free (a);
  a = meeting (u.aino, KH_LANGUAGE_FI, KH_MEETING_PHONE, 0, 3, 5, 10, 30, 30);
  expect_refused (f, u.sanna, a, "You have another meeting then (10:00–11:00).");
  kh_appointment_free (a);
  a = meeting (u.aino, KH_LANGUAGE_FI, KH_MEETING_PHONE, 0, 3, 5, 12, 0, 500);
  expect_refused (f, u.sanna, a, "A meeting lasts from 5 minutes to 8 hours.");
  kh_appointment_free (a);
  a = meeting (u.aino, KH_LANGUAGE_FI, KH_MEETING_PHONE, 0, 3, 5, 12, 0, 30);
  g_date_time_unref (a->starts);
  a->starts = g_date_time_new_local (2020, 3, 5, 12, 0, 0);
  expect_refused (f, u.sanna, a, "The meeting cannot be booked in the past.");
  kh_appointment_free (a);

  /* Bertil speaks Swedish: not at the Finnish-language point, unless an
   * interpreter is booked; at the bilingual one, yes. */
  a = meeting (u.bertil, KH_LANGUAGE_SV, KH_MEETING_IN_PERSON, u.kirkkokatu, 3, 6, 10, 0, 60);
  expect_refused (f, u.sanna, a,
                  "Kirkkokatu 2 does not serve in Swedish: choose a Swedish-language or bilingual "
                  "service point, meet by phone or video, or book an interpreter.");
  a->interpreter = TRUE;
  g_assert_cmpint (book (f, u.sanna, a, &error), >, 0);
  g_assert_no_error (error);
  kh_appointment_free (a);
  a = meeting (u.bertil, KH_LANGUAGE_SV, KH_MEETING_IN_PERSON, u.torikatu, 3, 7, 10, 0, 60);
  g_assert_cmpint (book (f, u.sanna, a, &error), >, 0);
  g_assert_no_error (error);
  /* Another worker is free then. */
  kh_appointment_free (a);
  a = meeting (u.aino, KH_LANGUAGE_FI, KH_MEETING_PHONE, 0, 3, 5, 10, 30, 30);
  g_assert_cmpint (book (f, u.pekka, a, &error), >, 0);
  g_assert_no_error (error);

  g_assert_cmpint (count (f, "SELECT count(*) FROM appointments"), ==, 4);
  unit_tear_down (&u);
}

static KhAppointment *
find (GPtrArray *rows,
      gint64     id)
{
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    if (((KhAppointment *) g_ptr_array_index (rows, i))->id == id)
      return g_ptr_array_index (rows, i);
  return NULL;
}

static void
test_move_and_cancel (Fixture       *f,
                      gconstpointer  data)
{
  Unit u = { 0 };
  g_autoptr(KhAppointment) a = NULL;
  g_autoptr(KhAppointment) moved = NULL;
  g_autoptr(KhAppointment) again = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *when = NULL;
  KhAppointment *row;
  gint64 id;

  unit_set_up (f, &u);
  a = meeting (u.aino, KH_LANGUAGE_FI, KH_MEETING_IN_PERSON, u.kirkkokatu, 3, 5, 10, 0, 60);
  id = book (f, u.sanna, a, &error);
  g_assert_no_error (error);

  rows = week (f, u.sanna, 0, 3, 5, &error);
  g_assert_no_error (error);
  moved = kh_appointment_copy (find (rows, id));
  g_assert_cmpint (moved->revision, ==, 0);

  /* To Thursday 7.3. at 9.00, by phone now. */
  g_date_time_unref (moved->starts);
  moved->starts = g_date_time_new_local (2030, 3, 7, 9, 0, 0);
  moved->kind = KH_MEETING_PHONE;
  g_assert_true (kh_db_move_appointment (fixture_db (f, u.sanna), u.sanna, moved, &error));
  g_assert_no_error (error);

  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = week (f, u.sanna, 0, 3, 5, &error);
  g_assert_no_error (error);
  row = find (rows, id);
  when = hhmm (row->starts);
  g_assert_cmpstr (when, ==, "2030-03-07 09:00");
  g_assert_cmpint (row->status, ==, KH_APPOINTMENT_MOVED);
  g_assert_cmpint (row->kind, ==, KH_MEETING_PHONE);
  g_assert_cmpint (row->service_point_id, ==, 0);
  g_assert_cmpint (row->revision, ==, 1);
  g_assert_cmpint (row->changed_by, ==, u.sanna->id);
  g_assert_cmpstr (row->changed_by_name, ==, "Sanna Sosiaalityöntekijä");
  g_assert_nonnull (row->changed_at);

  /* The copy read before the move is stale now. */
  g_assert_false (kh_db_move_appointment (fixture_db (f, u.sanna), u.sanna, moved, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_STALE);
  g_assert_cmpstr (error->message, ==, "Someone changed the meeting meanwhile. The week is brought up to date.");
  g_clear_error (&error);

  /* Moving onto a closed day is refused as booking is. */
  again = kh_appointment_copy (row);
  g_date_time_unref (again->starts);
  again->starts = g_date_time_new_local (2030, 3, 8, 9, 0, 0);
  g_assert_false (kh_db_move_appointment (fixture_db (f, u.sanna), u.sanna, again, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "The office is closed on Fri 8.3.2030 (Koulutuspäivä).");
  g_clear_error (&error);

  /* A cancellation needs a reason. */
  g_assert_false (kh_db_cancel_appointment (fixture_db (f, u.sanna), u.sanna, id, 1, "   ", &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Write why the meeting is cancelled.");
  g_clear_error (&error);
  g_assert_true (kh_db_cancel_appointment (fixture_db (f, u.sanna), u.sanna, id, 1, " Asiakas sairastui ", &error));
  g_assert_no_error (error);

  /* The row stays, cancelled, with the reason and who. */
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = week (f, u.sanna, 0, 3, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  row = find (rows, id);
  g_assert_cmpint (row->status, ==, KH_APPOINTMENT_CANCELLED);
  g_assert_true (row->cancelled);
  g_assert_cmpstr (row->cancel_reason, ==, "Asiakas sairastui");
  g_assert_cmpint (row->revision, ==, 2);
  g_assert_cmpint (row->changed_by, ==, u.sanna->id);

  /* A cancelled meeting does not move, nor cancel twice. */
  again->revision = 2;
  g_date_time_unref (again->starts);
  again->starts = g_date_time_new_local (2030, 3, 7, 11, 0, 0);
  g_assert_false (kh_db_move_appointment (fixture_db (f, u.sanna), u.sanna, again, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_STALE);
  g_assert_cmpstr (error->message, ==, "The meeting has been cancelled meanwhile. The week is brought up to date.");
  g_clear_error (&error);
  g_assert_false (kh_db_cancel_appointment (fixture_db (f, u.sanna), u.sanna, id, 2, "Uudestaan", &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_STALE);
  g_clear_error (&error);

  /* Its time is free again. */
  kh_appointment_free (a);
  a = meeting (u.bertil, KH_LANGUAGE_SV, KH_MEETING_PHONE, 0, 3, 7, 9, 0, 60);
  g_assert_cmpint (book (f, u.sanna, a, &error), >, 0);
  g_assert_no_error (error);

  g_assert_cmpint (count (f, "SELECT count(*) FROM appointments"), ==, 2);
  unit_tear_down (&u);
}

static void
test_who_may (Fixture       *f,
              gconstpointer  data)
{
  Unit u = { 0 };
  g_autoptr(KhAppointment) a = NULL;
  g_autoptr(KhAppointment) for_sanna = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) day = g_date_new_dmy (5, G_DATE_MARCH, 2030);
  gint64 id;

  unit_set_up (f, &u);
  a = meeting (u.aino, KH_LANGUAGE_FI, KH_MEETING_PHONE, 0, 3, 5, 10, 0, 30);
  id = book (f, u.sanna, a, &error);
  g_assert_no_error (error);

  /* Reception books no worker's meetings and reads no week. */
  g_assert_cmpint (book (f, u.riikka, a, &error), ==, 0);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
  g_assert_cmpstr (error->message, ==,
                   "Meetings with clients are booked by social counsellors, social workers and the lead social worker.");
  g_clear_error (&error);
  g_assert_null (week (f, u.riikka, u.sanna->id, 3, 5, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_null (kh_db_list_client_appointments (fixture_db (f, u.riikka), u.riikka, u.aino, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  /* Nor does the administrator. */
  g_assert_null (kh_db_list_week (f->db, f->admin, u.sanna->id, day, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
  g_clear_error (&error);

  /* Pekka neither reads Sanna's week nor cancels or books for her. */
  g_assert_null (week (f, u.pekka, u.sanna->id, 3, 5, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_false (kh_db_cancel_appointment (fixture_db (f, u.pekka), u.pekka, id, 0, "Ei käy", &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  for_sanna = meeting (u.aino, KH_LANGUAGE_FI, KH_MEETING_PHONE, 0, 3, 6, 10, 0, 30);
  for_sanna->worker_id = u.sanna->id;
  g_assert_cmpint (book (f, u.pekka, for_sanna, &error), ==, 0);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
  g_assert_cmpstr (error->message, ==, "You can book, move and cancel only your own meetings.");
  g_clear_error (&error);

  /* The lead social worker does all of that. */
  g_assert_cmpint (book (f, u.leena, for_sanna, &error), >, 0);
  g_assert_no_error (error);
  rows = week (f, u.leena, u.sanna->id, 3, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpint (((KhAppointment *) g_ptr_array_index (rows, 1))->created_by, ==, u.leena->id);
  g_assert_cmpint (((KhAppointment *) g_ptr_array_index (rows, 1))->worker_id, ==, u.sanna->id);
  g_assert_true (kh_db_cancel_appointment (fixture_db (f, u.leena), u.leena, id, 0, "Sanna on lomalla", &error));
  g_assert_no_error (error);

  unit_tear_down (&u);
}

/* What the database refuses whoever writes (another program: SQLite's
 * triggers, the server's appointments_rules, as its superuser). */
static void
test_database_rules (Fixture       *f,
                     gconstpointer  data)
{
  Unit u = { 0 };
  g_autoptr(KhAppointment) a = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *insert = NULL;
  g_autofree char *sql = NULL;
  RawDb *raw;
  gint64 id;

  unit_set_up (f, &u);
  a = meeting (u.aino, KH_LANGUAGE_FI, KH_MEETING_IN_PERSON, u.kirkkokatu, 3, 5, 10, 0, 60);
  id = book (f, u.sanna, a, &error);
  g_assert_no_error (error);

  raw = raw_connect (f);
  /* client, worker, kind, point, day, start, minutes, language, interpreter */
#define INSERT(client, kind, point, day, start, minutes, language, interpreter) \
  g_strdup_printf ("INSERT INTO appointments (client_id, worker_id, kind, point_id, day, start_min, " \
                   "minutes, language, interpreter, created_by, created_at) VALUES (%" G_GINT64_FORMAT \
                   ", %" G_GINT64_FORMAT ", %d, %s, '%s', %d, %d, %d, %d, %" G_GINT64_FORMAT ", 1)", \
                   client, u.sanna->id, kind, point, day, start, minutes, language, interpreter, u.sanna->id)
  {
    g_autofree char *kirkko = g_strdup_printf ("%" G_GINT64_FORMAT, u.kirkkokatu);
    g_autofree char *saturday = INSERT (u.aino, 2, "NULL", "2030-03-09", 600, 30, 1, 0);
    g_autofree char *closed = INSERT (u.aino, 2, "NULL", "2030-03-08", 600, 30, 1, 0);
    g_autofree char *late = INSERT (u.aino, 1, kirkko, "2030-03-05", 930, 60, 1, 0);
    g_autofree char *swedish = INSERT (u.bertil, 1, kirkko, "2030-03-06", 600, 60, 2, 0);
    g_autofree char *swedish_ok = INSERT (u.bertil, 1, kirkko, "2030-03-06", 600, 60, 2, 1);
    g_autofree char *overlap = INSERT (u.bertil, 2, "NULL", "2030-03-05", 630, 30, 2, 0);
    g_autofree char *past = INSERT (u.aino, 2, "NULL", "2020-03-05", 600, 30, 1, 0);
    g_autofree char *no_point = INSERT (u.aino, 1, "NULL", "2030-03-05", 720, 30, 1, 0);
    g_autofree char *midnight = INSERT (u.aino, 2, "NULL", "2030-03-05", 1400, 60, 1, 0);

    g_assert_true (raw_refuses (raw, saturday));
    g_assert_true (raw_refuses (raw, closed));
    g_assert_true (raw_refuses (raw, late));
    g_assert_true (raw_refuses (raw, swedish));
    g_assert_true (raw_refuses (raw, overlap));
    g_assert_true (raw_refuses (raw, past));
    g_assert_true (raw_refuses (raw, no_point));
    g_assert_true (raw_refuses (raw, midnight));
    raw_run (raw, swedish_ok);
  }
#undef INSERT
  if (f->pg_dbname != NULL)
    {
      /* The server knows the public holidays too: Good Friday 2030. */
      g_autofree char *good_friday = g_strdup_printf (
        "INSERT INTO appointments (client_id, worker_id, kind, day, start_min, minutes, language, "
        "created_by, created_at) VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 2, '2030-04-19', "
        "600, 30, 1, %" G_GINT64_FORMAT ", 1)", u.aino, u.sanna->id, u.sanna->id);

      g_assert_true (raw_refuses (raw, good_friday));
      g_assert_cmpint (raw_number (raw, "SELECT count(*) FROM kohtaamo.easter_sunday (2030) "
                                        "WHERE easter_sunday = '2030-04-21'"), ==, 1);
    }

  sql = g_strdup_printf ("DELETE FROM appointments WHERE id = %" G_GINT64_FORMAT, id);
  g_assert_true (raw_refuses (raw, sql));
  g_free (sql);
  /* Cancelled only with a reason; then final. */
  sql = g_strdup_printf ("UPDATE appointments SET status = 3, revision = revision + 1, changed_by = %"
                         G_GINT64_FORMAT ", changed_at = 2 WHERE id = %" G_GINT64_FORMAT, u.sanna->id, id);
  g_assert_true (raw_refuses (raw, sql));
  g_free (sql);
  sql = g_strdup_printf ("UPDATE appointments SET status = 3, cancel_reason = 'Peruttu', revision = revision + 1, "
                         "changed_by = %" G_GINT64_FORMAT ", changed_at = 2 WHERE id = %" G_GINT64_FORMAT,
                         u.sanna->id, id);
  raw_run (raw, sql);
  g_free (sql);
  sql = g_strdup_printf ("UPDATE appointments SET status = 2, cancel_reason = NULL, revision = revision + 1 "
                         "WHERE id = %" G_GINT64_FORMAT, id);
  g_assert_true (raw_refuses (raw, sql));
  g_free (sql);
  sql = g_strdup_printf ("UPDATE appointments SET client_id = %" G_GINT64_FORMAT ", revision = revision + 1 "
                         "WHERE id = %" G_GINT64_FORMAT, u.bertil, id);
  g_assert_true (raw_refuses (raw, sql));
  g_assert_cmpint (raw_number (raw, "SELECT count(*) FROM appointments WHERE status = 3 "
                                    "AND cancel_reason = 'Peruttu'"), ==, 1);
  raw_close (raw);
  unit_tear_down (&u);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  if (store_test_runs_here (path)) \
    g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/appointments/service-points", test_service_points);
  ADD ("/appointments/book-and-week", test_book_and_week);
  ADD ("/appointments/refused", test_refused);
  ADD ("/appointments/move-and-cancel", test_move_and_cancel);
  ADD ("/appointments/who-may", test_who_may);
  ADD ("/appointments/database-rules", test_database_rules);

  return g_test_run ();
}
