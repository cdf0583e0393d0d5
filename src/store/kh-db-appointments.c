/* kh-db-appointments.c — the unit's service points and the meetings booked
 * with clients
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 7, 4 (data/sql/0026-appointments.sql, data/sql/pg/0018-appointments.sql).
 *
 * Booking and moving. The rule is the core's (kh_appointment_check): the
 * store reads what it needs — the service point with its hours, the
 * unit's calendar, the times the worker is taken that day (nobody's name)
 * — and refuses with the core's translated message before writing. The
 * database holds the same rule for any other program (SQLite's triggers,
 * the server's appointments_rules), so a refusal there is the last line,
 * not the everyday one.
 *
 * Who. Social counsellors, social workers and the lead social worker
 * (kh_role_works_cases); a worker books, moves and cancels their own
 * meetings and reads their own week, the lead social worker anyone's.
 * Reception does not book the workers' meetings: the law gives reception
 * no client relationship (0001).
 *
 * The access log. A week shown logs each of its people as shown in a work
 * list (KH_ACCESS_WORK_LIST); a person's meetings read on their page log
 * the person as their meetings listed (KH_ACCESS_MEETINGS), a row of its
 * own beside the page's. Booking, moving and
 * cancelling read nothing of the person and log nothing, as an
 * assessment's saves.
 *
 * Moves and cancellations are conditional on the revision the caller saw:
 * a meeting changed at another desk meanwhile is never silently
 * overwritten (STALE).
 */
#define G_LOG_DOMAIN "kohtaamo-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/kh-caseload.h"
#include "core/kh-text.h"
#include "store/kh-db-private.h"

/* ---- service points ---- */

static gboolean
read_hours (KhDb       *db,
            GHashTable *points,
            GError    **error)
{
  g_autoptr(KhDbStmt) stmt = _kh_db_prepare (db,
                                             "SELECT point_id, weekday, opens, closes FROM service_point_hours "
                                             "ORDER BY point_id, weekday",
                                             error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = _kh_db_step (stmt)) == KH_DB_ROW)
    {
      gint64 id = _kh_db_column_int64 (stmt, 0);
      KhServicePoint *point = g_hash_table_lookup (points, &id);

      if (point != NULL)
        kh_service_point_set_hours (point, _kh_db_column_int (stmt, 1), _kh_db_column_int (stmt, 2),
                                    _kh_db_column_int (stmt, 3));
    }
  _kh_db_reset (stmt);
  if (rc != KH_DB_DONE)
    {
      _kh_db_set_error (db, rc, error);
      return FALSE;
    }
  return TRUE;
}

static KhServicePoint *
point_from_row (KhDbStmt *stmt)
{
  KhServicePoint *point = kh_service_point_new (_kh_db_column_str (stmt, 1),
                                                (guint) _kh_db_column_int (stmt, 3),
                                                _kh_db_column_int (stmt, 4) != 0);

  point->id = _kh_db_column_int64 (stmt, 0);
  point->address = _kh_db_column_text (stmt, 2);
  point->active = _kh_db_column_int (stmt, 5) != 0;
  return point;
}

/**
 * kh_db_list_service_points:
 *
 * See kh-db.h.
 *
 * Returns: (transfer full) (element-type KhServicePoint):
 */
GPtrArray *
kh_db_list_service_points (KhDb      *db,
                           gboolean   include_inactive,
                           GError   **error)
{
  g_autoptr(GPtrArray) points = g_ptr_array_new_with_free_func ((GDestroyNotify) kh_service_point_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(KhDbStmt) stmt = NULL;
  GError *local_error = NULL;
  gboolean own;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_kh_db_tx_begin (db, &own, error))
    return NULL;
  stmt = _kh_db_prepare (db,
                         "SELECT id, name, address, languages, by_appointment_only, active "
                         "FROM service_points WHERE active = 1 OR ?1 = 1 ORDER BY name, id",
                         &local_error);
  if (stmt != NULL)
    {
      _kh_db_bind_int (stmt, 1, include_inactive ? 1 : 0);
      _kh_db_read_rows (db, stmt, (KhDbRowFunc) point_from_row, points, &local_error);
    }
  for (guint i = 0; i < points->len; i++)
    {
      KhServicePoint *point = g_ptr_array_index (points, i);

      g_hash_table_insert (by_id, &point->id, point);
    }
  if (local_error == NULL)
    read_hours (db, by_id, &local_error);
  if (!_kh_db_tx_finish (db, own, local_error, error))
    return NULL;
  return g_steal_pointer (&points);
}

/* One point with its hours, or NULL (NOT_FOUND). */
static KhServicePoint *
read_point (KhDb     *db,
            gint64    point_id,
            GError  **error)
{
  g_autoptr(KhDbStmt) stmt = NULL;
  g_autoptr(KhDbStmt) hours = NULL;
  g_autoptr(KhServicePoint) point = NULL;
  int rc;

  stmt = _kh_db_prepare (db,
                         "SELECT id, name, address, languages, by_appointment_only, active "
                         "FROM service_points WHERE id = ?1",
                         error);
  if (stmt == NULL)
    return NULL;
  _kh_db_bind_int64 (stmt, 1, point_id);
  rc = _kh_db_step (stmt);
  if (rc == KH_DB_ROW)
    point = point_from_row (stmt);
  _kh_db_reset (stmt);
  if (rc == KH_DB_DONE)
    {
      g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                           _("Choose the service point where the client is met."));
      return NULL;
    }
  if (rc != KH_DB_ROW)
    {
      _kh_db_set_error (db, rc, error);
      return NULL;
    }
  hours = _kh_db_prepare (db, "SELECT weekday, opens, closes FROM service_point_hours WHERE point_id = ?1",
                          error);
  if (hours == NULL)
    return NULL;
  _kh_db_bind_int64 (hours, 1, point_id);
  while ((rc = _kh_db_step (hours)) == KH_DB_ROW)
    kh_service_point_set_hours (point, _kh_db_column_int (hours, 0), _kh_db_column_int (hours, 1),
                                _kh_db_column_int (hours, 2));
  _kh_db_reset (hours);
  if (rc != KH_DB_DONE)
    {
      _kh_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&point);
}

static gboolean
check_point (const KhServicePoint  *point,
             GError               **error)
{
  g_autofree char *name = g_strdup (point->name != NULL ? point->name : "");

  g_strstrip (name);
  if (*name == '\0' || g_utf8_strlen (name, -1) > KH_SERVICE_POINT_NAME_MAX)
    {
      g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                           _("A service point needs a name of at most 200 characters."));
      return FALSE;
    }
  if (!kh_text_check_field (_("Name"), point->name, KH_TEXT_LINE, KH_SERVICE_POINT_NAME_MAX, error)
      || !kh_text_check_field (_("Address"), point->address, KH_TEXT_LINE, 200, error))
    return FALSE;
  if ((point->languages & (KH_POINT_FINNISH | KH_POINT_SWEDISH)) == 0
      || (point->languages & ~(guint) (KH_POINT_FINNISH | KH_POINT_SWEDISH)) != 0)
    {
      g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                           _("A service point serves in Finnish, in Swedish or in both."));
      return FALSE;
    }
  for (guint i = 0; i < point->hours->len; i++)
    {
      const KhOpeningHours *h = &g_array_index (point->hours, KhOpeningHours, i);

      if (h->weekday < G_DATE_MONDAY || h->weekday > G_DATE_SUNDAY
          || h->opens < 0 || h->opens >= h->closes || h->closes > 24 * 60)
        {
          g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                               _("Opening hours open before they close, within one day."));
          return FALSE;
        }
    }
  return TRUE;
}

static gint64
save_point_on_file (KhDb            *db,
                    KhServicePoint  *point,
                    GError         **error)
{
  g_autoptr(KhDbStmt) stmt = NULL;
  gint64 id = point->id;
  int rc;

  if (id > 0)
    {
      stmt = _kh_db_prepare (db,
                             "UPDATE service_points SET name = ?2, address = ?3, languages = ?4, "
                             "  by_appointment_only = ?5, active = ?6 WHERE id = ?1",
                             error);
      if (stmt == NULL)
        return 0;
      _kh_db_bind_int64 (stmt, 1, id);
    }
  else
    {
      stmt = _kh_db_prepare (db,
                             "INSERT INTO service_points (name, address, languages, by_appointment_only, active) "
                             "VALUES (?2, ?3, ?4, ?5, ?6) RETURNING id",
                             error);
      if (stmt == NULL)
        return 0;
    }
  _kh_db_bind_text (stmt, 2, point->name);
  _kh_db_bind_text (stmt, 3, point->address);
  _kh_db_bind_int (stmt, 4, (int) point->languages);
  _kh_db_bind_int (stmt, 5, point->by_appointment_only ? 1 : 0);
  _kh_db_bind_int (stmt, 6, point->active ? 1 : 0);
  rc = _kh_db_step (stmt);
  if (id <= 0 && rc == KH_DB_ROW)
    id = _kh_db_column_int64 (stmt, 0);
  else if (rc != KH_DB_DONE)
    {
      if (_kh_db_is_unique_violation (db, rc))
        g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                             _("The unit already has a service point of that name."));
      else
        _kh_db_set_error (db, rc, error);
      _kh_db_reset (stmt);
      return 0;
    }
  else if (_kh_db_changes (db) != 1)
    {
      _kh_db_reset (stmt);
      g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND,
                           _("The service point was not found."));
      return 0;
    }
  _kh_db_reset (stmt);
  g_clear_pointer (&stmt, _kh_db_stmt_release);

  stmt = _kh_db_prepare (db, "DELETE FROM service_point_hours WHERE point_id = ?1", error);
  if (stmt == NULL)
    return 0;
  _kh_db_bind_int64 (stmt, 1, id);
  if (!_kh_db_step_done (db, stmt, error))
    return 0;
  g_clear_pointer (&stmt, _kh_db_stmt_release);
  stmt = _kh_db_prepare (db,
                         "INSERT INTO service_point_hours (point_id, weekday, opens, closes) "
                         "VALUES (?1, ?2, ?3, ?4)",
                         error);
  if (stmt == NULL)
    return 0;
  for (guint i = 0; i < point->hours->len; i++)
    {
      const KhOpeningHours *h = &g_array_index (point->hours, KhOpeningHours, i);

      _kh_db_bind_int64 (stmt, 1, id);
      _kh_db_bind_int (stmt, 2, h->weekday);
      _kh_db_bind_int (stmt, 3, h->opens);
      _kh_db_bind_int (stmt, 4, h->closes);
      if (!_kh_db_step_done (db, stmt, error))
        return 0;
    }
  return id;
}

static gint64
save_point_on_server (KhDb            *db,
                      KhServicePoint  *point,
                      GError         **error)
{
  g_autoptr(KhDbStmt) stmt = NULL;
  g_autoptr(GString) hours = g_string_new ("{");
  gint64 id = 0;
  int rc;

  for (guint i = 0; i < point->hours->len; i++)
    {
      const KhOpeningHours *h = &g_array_index (point->hours, KhOpeningHours, i);

      g_string_append_printf (hours, "%s{%d,%d,%d}", i > 0 ? "," : "", h->weekday, h->opens, h->closes);
    }
  g_string_append_c (hours, '}');
  stmt = _kh_db_prepare (db,
                         "SELECT kohtaamo.save_service_point (CAST (?1 AS bigint), ?2, ?3, "
                         "CAST (?4 AS integer), CAST (?5 AS integer), CAST (?6 AS integer), "
                         "CAST (?7 AS integer[]))",
                         error);
  if (stmt == NULL)
    return 0;
  _kh_db_bind_int64 (stmt, 1, point->id);
  _kh_db_bind_text (stmt, 2, point->name);
  _kh_db_bind_text (stmt, 3, point->address);
  _kh_db_bind_int (stmt, 4, (int) point->languages);
  _kh_db_bind_int (stmt, 5, point->by_appointment_only ? 1 : 0);
  _kh_db_bind_int (stmt, 6, point->active ? 1 : 0);
  _kh_db_bind_text (stmt, 7, point->hours->len > 0 ? hours->str : NULL);
  rc = _kh_db_step (stmt);
  if (rc == KH_DB_ROW)
    id = _kh_db_column_int64 (stmt, 0);
  else if (_kh_db_is_unique_violation (db, rc))
    g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                         _("The unit already has a service point of that name."));
  else
    _kh_db_set_error (db, rc, error);
  _kh_db_reset (stmt);
  if (rc == KH_DB_ROW && id == 0)
    g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND,
                         _("The service point was not found."));
  return id;
}

gint64
kh_db_save_service_point (KhDb            *db,
                          KhUser          *user,
                          KhServicePoint  *point,
                          GError         **error)
{
  GError *local_error = NULL;
  gboolean own;
  gint64 id;

  g_return_val_if_fail (db != NULL, 0);
  g_return_val_if_fail (KH_IS_USER (user), 0);
  g_return_val_if_fail (point != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!_kh_db_check_role (db, user, KH_ROLE_RECEPTION, error))
    return 0;
  if (user->role != KH_ROLE_LEAD && user->role != KH_ROLE_ADMIN)
    {
      g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION,
                           _("Service points are kept by the lead social worker and the administrator."));
      return 0;
    }
  if (!check_point (point, error))
    return 0;
  if (!_kh_db_tx_begin (db, &own, error))
    return 0;
  if (kh_db_is_server (db))
    id = save_point_on_server (db, point, &local_error);
  else
    id = save_point_on_file (db, point, &local_error);
  if (!_kh_db_tx_finish (db, own, local_error, error))
    return 0;
  return id;
}

/* ---- who may ---- */

static gboolean
check_booker (KhDb     *db,
              KhUser   *user,
              gint64    worker_id,
              GError  **error)
{
  if (!_kh_db_check_role (db, user, KH_ROLE_RECEPTION, error))
    return FALSE;
  if (!kh_role_works_cases (user->role))
    {
      g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION,
                           _("Meetings with clients are booked by social counsellors, social workers and the lead social worker."));
      return FALSE;
    }
  if (worker_id != 0 && worker_id != user->id && user->role != KH_ROLE_LEAD)
    {
      g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION,
                           _("You can book, move and cancel only your own meetings."));
      return FALSE;
    }
  return TRUE;
}

/* ---- the booking rule ---- */

static char *
day_of (GDateTime *t,
        int       *out_start_min)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (t);

  *out_start_min = g_date_time_get_hour (local) * 60 + g_date_time_get_minute (local);
  return g_date_time_format (local, "%Y-%m-%d");
}

/* The worker's other meetings that day (times only, not cancelled), as
 * KhAppointment for kh_appointment_check. */
static GPtrArray *
read_busy (KhDb        *db,
           gint64       worker_id,
           const char  *day,
           gint64       except,
           GError     **error)
{
  g_autoptr(GPtrArray) busy = g_ptr_array_new_with_free_func ((GDestroyNotify) kh_appointment_free);
  g_autoptr(KhDbStmt) stmt = NULL;
  GDate date;
  int rc;

  stmt = _kh_db_prepare (db,
                         kh_db_is_server (db)
                         ? "SELECT id, start_min, minutes FROM kohtaamo.worker_busy "
                           "(CAST (?1 AS bigint), ?2, CAST (?3 AS bigint))"
                         : "SELECT id, start_min, minutes FROM appointments "
                           "WHERE worker_id = ?1 AND day = ?2 AND status <> 3 AND id IS NOT ?3 "
                           "ORDER BY start_min",
                         error);
  if (stmt == NULL)
    return NULL;
  if (!kh_date_from_iso (day, &date))
    return g_steal_pointer (&busy);
  _kh_db_bind_int64 (stmt, 1, worker_id);
  _kh_db_bind_text (stmt, 2, day);
  _kh_db_bind_id (stmt, 3, except);
  while ((rc = _kh_db_step (stmt)) == KH_DB_ROW)
    {
      KhAppointment *o = kh_appointment_new ();
      int start = _kh_db_column_int (stmt, 1);

      o->id = _kh_db_column_int64 (stmt, 0);
      o->worker_id = worker_id;
      o->minutes = _kh_db_column_int (stmt, 2);
      o->starts = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                         g_date_get_day (&date), start / 60, start % 60, 0);
      g_ptr_array_add (busy, o);
    }
  _kh_db_reset (stmt);
  if (rc != KH_DB_DONE)
    {
      _kh_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&busy);
}

/* kh_appointment_check against what the database has now: INVALID with
 * the core's message when the meeting cannot be booked so. */
static gboolean
check_booking (KhDb                 *db,
               const KhAppointment  *a,
               const char           *day,
               GError              **error)
{
  g_autoptr(KhServicePoint) point = NULL;
  g_autoptr(GPtrArray) busy = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *message = NULL;
  KhCalendar *calendar;

  if (a->kind < KH_MEETING_FIRST || a->kind > KH_MEETING_LAST
      || a->language < KH_LANGUAGE_FIRST || a->language > KH_LANGUAGE_LAST)
    {
      g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                           _("Choose how the client is met and in which language."));
      return FALSE;
    }
  if (a->kind == KH_MEETING_IN_PERSON && a->service_point_id > 0)
    {
      point = read_point (db, a->service_point_id, error);
      if (point == NULL)
        return FALSE;
      if (!point->active)
        {
          g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                       /* Translators: %s is a service point */
                       _("%s no longer takes meetings."), point->name);
          return FALSE;
        }
    }
  calendar = _kh_db_get_calendar (db, error);
  if (calendar == NULL)
    return FALSE;
  busy = read_busy (db, a->worker_id, day, a->id, error);
  if (busy == NULL)
    return FALSE;
  if (kh_appointment_check (a, point, calendar, busy, now, &message) != KH_APPOINTMENT_OK)
    {
      g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID, message);
      return FALSE;
    }
  return TRUE;
}

static char *
clean_text (const char *text)
{
  g_autofree char *copy = g_strdup (text != NULL ? text : "");

  g_strstrip (copy);
  return *copy != '\0' ? g_steal_pointer (&copy) : NULL;
}

/* ---- booking ---- */

static gint64
book_on_file (KhDb                *db,
              gint64               created_by,
              const KhAppointment *a,
              const char          *day,
              int                  start_min,
              GError             **error)
{
  g_autoptr(KhDbStmt) stmt = NULL;
  gint64 id = 0;
  int rc;

  stmt = _kh_db_prepare (db,
                         "INSERT INTO appointments (client_id, case_id, worker_id, kind, point_id, day, "
                         "  start_min, minutes, language, interpreter, note, created_by, created_at) "
                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) RETURNING id",
                         error);
  if (stmt == NULL)
    return 0;
  _kh_db_bind_int64 (stmt, 1, a->client_id);
  _kh_db_bind_id (stmt, 2, a->case_id);
  _kh_db_bind_int64 (stmt, 3, a->worker_id);
  _kh_db_bind_int (stmt, 4, a->kind);
  _kh_db_bind_id (stmt, 5, a->kind == KH_MEETING_IN_PERSON ? a->service_point_id : 0);
  _kh_db_bind_text (stmt, 6, day);
  _kh_db_bind_int (stmt, 7, start_min);
  _kh_db_bind_int (stmt, 8, a->minutes);
  _kh_db_bind_int (stmt, 9, a->language);
  _kh_db_bind_int (stmt, 10, a->interpreter ? 1 : 0);
  _kh_db_bind_text (stmt, 11, a->note);
  _kh_db_bind_int64 (stmt, 12, created_by);
  _kh_db_bind_int64 (stmt, 13, _kh_db_now ());
  rc = _kh_db_step (stmt);
  if (rc == KH_DB_ROW)
    id = _kh_db_column_int64 (stmt, 0);
  else
    _kh_db_set_error (db, rc, error);
  _kh_db_reset (stmt);
  return id;
}

static gint64
book_on_server (KhDb                *db,
                const KhAppointment *a,
                const char          *day,
                int                  start_min,
                GError             **error)
{
  g_autoptr(KhDbStmt) stmt = NULL;
  gint64 id = 0;
  int rc;

  stmt = _kh_db_prepare (db,
                         "SELECT kohtaamo.appointment_book (CAST (?1 AS bigint), CAST (?2 AS bigint), "
                         "CAST (?3 AS bigint), CAST (?4 AS integer), CAST (?5 AS bigint), ?6, "
                         "CAST (?7 AS integer), CAST (?8 AS integer), CAST (?9 AS integer), "
                         "CAST (?10 AS integer), ?11)",
                         error);
  if (stmt == NULL)
    return 0;
  _kh_db_bind_int64 (stmt, 1, a->client_id);
  _kh_db_bind_id (stmt, 2, a->case_id);
  _kh_db_bind_int64 (stmt, 3, a->worker_id);
  _kh_db_bind_int (stmt, 4, a->kind);
  _kh_db_bind_id (stmt, 5, a->kind == KH_MEETING_IN_PERSON ? a->service_point_id : 0);
  _kh_db_bind_text (stmt, 6, day);
  _kh_db_bind_int (stmt, 7, start_min);
  _kh_db_bind_int (stmt, 8, a->minutes);
  _kh_db_bind_int (stmt, 9, a->language);
  _kh_db_bind_int (stmt, 10, a->interpreter ? 1 : 0);
  _kh_db_bind_text (stmt, 11, a->note);
  rc = _kh_db_step (stmt);
  if (rc == KH_DB_ROW)
    id = _kh_db_column_int64 (stmt, 0);
  else
    _kh_db_set_error (db, rc, error);
  _kh_db_reset (stmt);
  return id;
}

gint64
kh_db_book_appointment (KhDb                 *db,
                        KhUser               *user,
                        const KhAppointment  *appointment,
                        GError              **error)
{
  g_autoptr(KhAppointment) a = NULL;
  g_autofree char *day = NULL;
  GError *local_error = NULL;
  int start_min;
  gboolean own;
  gint64 id = 0;

  g_return_val_if_fail (db != NULL, 0);
  g_return_val_if_fail (KH_IS_USER (user), 0);
  g_return_val_if_fail (appointment != NULL && appointment->starts != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  a = kh_appointment_copy (appointment);
  a->id = 0;
  if (a->worker_id == 0)
    a->worker_id = user->id;
  g_free (a->note);
  a->note = clean_text (appointment->note);
  if (!check_booker (db, user, a->worker_id, error))
    return 0;
  if (a->client_id <= 0)
    {
      g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                           _("Choose the client the meeting is with."));
      return 0;
    }
  day = day_of (a->starts, &start_min);

  if (!_kh_db_tx_begin (db, &own, error))
    return 0;
  if (check_booking (db, a, day, &local_error))
    {
      if (kh_db_is_server (db))
        id = book_on_server (db, a, day, start_min, &local_error);
      else
        id = book_on_file (db, user->id, a, day, start_min, &local_error);
    }
  if (!_kh_db_tx_finish (db, own, local_error, error))
    return 0;
  return id;
}

/**
 * kh_db_insert_appointment_bulk:
 *
 * Demo data: books `appointment` for its worker as the worker would, under
 * the same rule (INVALID with the core's message when it does not fit),
 * without the check of who asks, as kh_db_insert_case_bulk(). On a server
 * only a worker's own login books: PERMISSION there.
 *
 * Returns: the id, or 0 with `error` set
 */
gint64
kh_db_insert_appointment_bulk (KhDb                 *db,
                               const KhAppointment  *appointment,
                               GError              **error)
{
  g_autofree char *day = NULL;
  GError *local_error = NULL;
  int start_min;
  gboolean own;
  gint64 id = 0;

  g_return_val_if_fail (db != NULL, 0);
  g_return_val_if_fail (appointment != NULL && appointment->starts != NULL, 0);
  g_return_val_if_fail (appointment->worker_id > 0 && appointment->client_id > 0, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (kh_db_is_server (db))
    {
      g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION,
                           _("Meetings with clients are booked by social counsellors, social workers and the lead social worker."));
      return 0;
    }
  day = day_of (appointment->starts, &start_min);
  if (!_kh_db_tx_begin (db, &own, error))
    return 0;
  if (check_booking (db, appointment, day, &local_error))
    id = book_on_file (db, appointment->worker_id, appointment, day, start_min, &local_error);
  if (!_kh_db_tx_finish (db, own, local_error, error))
    return 0;
  return id;
}

/* ---- moving and cancelling ---- */

/* Why a conditional change changed nothing: NOT_FOUND, or STALE. */
static void
set_unchanged_error (KhDb     *db,
                     gint64    id,
                     GError  **error)
{
  g_autoptr(KhDbStmt) stmt = NULL;
  int rc;

  stmt = _kh_db_prepare (db,
                         kh_db_is_server (db)
                         ? "SELECT status, revision FROM kohtaamo.appointment_state (CAST (?1 AS bigint))"
                         : "SELECT status, revision FROM appointments WHERE id = ?1",
                         error);
  if (stmt == NULL)
    return;
  _kh_db_bind_int64 (stmt, 1, id);
  rc = _kh_db_step (stmt);
  if (rc == KH_DB_DONE)
    g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND, _("The meeting was not found."));
  else if (rc == KH_DB_ROW && _kh_db_column_int (stmt, 0) == KH_APPOINTMENT_CANCELLED)
    g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_STALE,
                         _("The meeting has been cancelled meanwhile. The week is brought up to date."));
  else if (rc == KH_DB_ROW)
    g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_STALE,
                         _("Someone changed the meeting meanwhile. The week is brought up to date."));
  else
    _kh_db_set_error (db, rc, error);
  _kh_db_reset (stmt);
}

/* The stored meeting's worker (for who may), or 0 with `error`. */
static gint64
stored_worker (KhDb     *db,
               gint64    id,
               GError  **error)
{
  g_autoptr(KhDbStmt) stmt = NULL;
  gint64 worker = 0;
  int rc;

  if (kh_db_is_server (db))
    return -1;                  /* the server's functions check */
  stmt = _kh_db_prepare (db, "SELECT worker_id FROM appointments WHERE id = ?1", error);
  if (stmt == NULL)
    return 0;
  _kh_db_bind_int64 (stmt, 1, id);
  rc = _kh_db_step (stmt);
  if (rc == KH_DB_ROW)
    worker = _kh_db_column_int64 (stmt, 0);
  else if (rc == KH_DB_DONE)
    g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND, _("The meeting was not found."));
  else
    _kh_db_set_error (db, rc, error);
  _kh_db_reset (stmt);
  return worker;
}

gboolean
kh_db_move_appointment (KhDb                 *db,
                        KhUser               *user,
                        const KhAppointment  *appointment,
                        GError              **error)
{
  g_autoptr(KhAppointment) a = NULL;
  g_autoptr(KhDbStmt) stmt = NULL;
  g_autofree char *day = NULL;
  GError *local_error = NULL;
  gint64 worker;
  gint64 revision = 0;
  int start_min;
  gboolean own;
  int rc;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (KH_IS_USER (user), FALSE);
  g_return_val_if_fail (appointment != NULL && appointment->starts != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  a = kh_appointment_copy (appointment);
  g_free (a->note);
  a->note = clean_text (appointment->note);
  if (!check_booker (db, user, 0, error))
    return FALSE;
  day = day_of (a->starts, &start_min);

  if (!_kh_db_tx_begin (db, &own, error))
    return FALSE;
  worker = stored_worker (db, a->id, &local_error);
  if (worker > 0)
    {
      a->worker_id = worker;
      check_booker (db, user, worker, &local_error);
    }
  if (local_error == NULL)
    check_booking (db, a, day, &local_error);
  if (local_error == NULL)
    stmt = _kh_db_prepare (db,
                           kh_db_is_server (db)
                           ? "SELECT kohtaamo.appointment_move (CAST (?1 AS bigint), CAST (?2 AS bigint), "
                             "CAST (?3 AS integer), CAST (?4 AS bigint), ?5, CAST (?6 AS integer), "
                             "CAST (?7 AS integer), CAST (?8 AS integer), ?9)"
                           : "UPDATE appointments SET kind = ?3, point_id = ?4, day = ?5, start_min = ?6, "
                             "  minutes = ?7, interpreter = ?8, note = ?9, status = 2, "
                             "  revision = revision + 1, changed_by = ?10, changed_at = ?11 "
                             "WHERE id = ?1 AND revision = ?2 AND status <> 3 RETURNING revision",
                           &local_error);
  if (stmt != NULL)
    {
      _kh_db_bind_int64 (stmt, 1, a->id);
      _kh_db_bind_int64 (stmt, 2, a->revision);
      _kh_db_bind_int (stmt, 3, a->kind);
      _kh_db_bind_id (stmt, 4, a->kind == KH_MEETING_IN_PERSON ? a->service_point_id : 0);
      _kh_db_bind_text (stmt, 5, day);
      _kh_db_bind_int (stmt, 6, start_min);
      _kh_db_bind_int (stmt, 7, a->minutes);
      _kh_db_bind_int (stmt, 8, a->interpreter ? 1 : 0);
      _kh_db_bind_text (stmt, 9, a->note);
      if (!kh_db_is_server (db))
        {
          _kh_db_bind_int64 (stmt, 10, user->id);
          _kh_db_bind_int64 (stmt, 11, _kh_db_now ());
        }
      rc = _kh_db_step (stmt);
      if (rc == KH_DB_ROW && !_kh_db_column_is_null (stmt, 0))
        revision = _kh_db_column_int64 (stmt, 0);
      else if (rc != KH_DB_ROW && rc != KH_DB_DONE)
        _kh_db_set_error (db, rc, &local_error);
      _kh_db_reset (stmt);
      if (local_error == NULL && revision == 0)
        set_unchanged_error (db, a->id, &local_error);
    }
  return _kh_db_tx_finish (db, own, local_error, error);
}

gboolean
kh_db_cancel_appointment (KhDb        *db,
                          KhUser      *user,
                          gint64       id,
                          gint64       revision,
                          const char  *reason,
                          GError     **error)
{
  g_autoptr(KhDbStmt) stmt = NULL;
  g_autofree char *why = NULL;
  g_autofree char *cleaned = clean_text (reason);
  GError *local_error = NULL;
  gint64 worker;
  gint64 done = 0;
  gboolean own;
  int rc;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (KH_IS_USER (user), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_booker (db, user, 0, error))
    return FALSE;
  why = kh_appointment_check_cancel (cleaned);
  if (why != NULL)
    {
      g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID, why);
      return FALSE;
    }
  if (!_kh_db_tx_begin (db, &own, error))
    return FALSE;
  worker = stored_worker (db, id, &local_error);
  if (worker > 0)
    check_booker (db, user, worker, &local_error);
  if (local_error == NULL)
    stmt = _kh_db_prepare (db,
                           kh_db_is_server (db)
                           ? "SELECT kohtaamo.appointment_cancel (CAST (?1 AS bigint), CAST (?2 AS bigint), ?3)"
                           : "UPDATE appointments SET status = 3, cancel_reason = ?3, revision = revision + 1, "
                             "  changed_by = ?4, changed_at = ?5 "
                             "WHERE id = ?1 AND revision = ?2 AND status <> 3 RETURNING revision",
                           &local_error);
  if (stmt != NULL)
    {
      _kh_db_bind_int64 (stmt, 1, id);
      _kh_db_bind_int64 (stmt, 2, revision);
      _kh_db_bind_text (stmt, 3, cleaned);
      if (!kh_db_is_server (db))
        {
          _kh_db_bind_int64 (stmt, 4, user->id);
          _kh_db_bind_int64 (stmt, 5, _kh_db_now ());
        }
      rc = _kh_db_step (stmt);
      if (rc == KH_DB_ROW && !_kh_db_column_is_null (stmt, 0))
        done = _kh_db_column_int64 (stmt, 0);
      else if (rc != KH_DB_ROW && rc != KH_DB_DONE)
        _kh_db_set_error (db, rc, &local_error);
      _kh_db_reset (stmt);
      if (local_error == NULL && done == 0)
        set_unchanged_error (db, id, &local_error);
    }
  return _kh_db_tx_finish (db, own, local_error, error);
}

/* ---- reading ---- */

#define APPOINTMENT_COLUMNS \
  "SELECT a.id, a.client_id, a.case_id, a.worker_id, a.kind, a.point_id, a.day, a.start_min, " \
  "  a.minutes, a.language, a.interpreter, a.note, a.status, a.revision, a.cancel_reason, " \
  "  a.created_by, a.created_at, a.changed_by, a.changed_at, " \
  "  c.last_name || ', ' || c.first_names, coalesce (w.display_name, w.account), p.name, " \
  "  coalesce (ch.display_name, ch.account) " \
  "FROM appointments a " \
  "  JOIN clients c ON c.id = a.client_id " \
  "  JOIN users w ON w.id = a.worker_id " \
  "  LEFT JOIN service_points p ON p.id = a.point_id " \
  "  LEFT JOIN users ch ON ch.id = a.changed_by "

static KhAppointment *
appointment_from_row (KhDbStmt *stmt)
{
  KhAppointment *a = kh_appointment_new ();
  GDate date;
  int start;

  a->id = _kh_db_column_int64 (stmt, 0);
  a->client_id = _kh_db_column_int64 (stmt, 1);
  a->case_id = _kh_db_column_int64 (stmt, 2);
  a->worker_id = _kh_db_column_int64 (stmt, 3);
  a->kind = _kh_db_column_int (stmt, 4);
  a->service_point_id = _kh_db_column_int64 (stmt, 5);
  start = _kh_db_column_int (stmt, 7);
  if (kh_date_from_iso (_kh_db_column_str (stmt, 6), &date))
    a->starts = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                       g_date_get_day (&date), start / 60, start % 60, 0);
  a->minutes = _kh_db_column_int (stmt, 8);
  a->language = _kh_db_column_int (stmt, 9);
  a->interpreter = _kh_db_column_int (stmt, 10) != 0;
  a->note = _kh_db_column_text (stmt, 11);
  a->status = _kh_db_column_int (stmt, 12);
  a->cancelled = a->status == KH_APPOINTMENT_CANCELLED;
  a->revision = _kh_db_column_int64 (stmt, 13);
  a->cancel_reason = _kh_db_column_text (stmt, 14);
  a->created_by = _kh_db_column_int64 (stmt, 15);
  a->created_at = _kh_db_column_time (stmt, 16);
  a->changed_by = _kh_db_column_int64 (stmt, 17);
  a->changed_at = _kh_db_column_is_null (stmt, 18) ? NULL : _kh_db_column_time (stmt, 18);
  a->client_name = _kh_db_column_text (stmt, 19);
  a->worker_name = _kh_db_column_text (stmt, 20);
  a->point_name = _kh_db_column_text (stmt, 21);
  a->changed_by_name = _kh_db_column_text (stmt, 22);
  return a;
}

/* The server's week_appointments: checks who asks and logs the people. */
static void
log_week_on_server (KhDb        *db,
                    gint64       worker_id,
                    const char  *from,
                    const char  *to,
                    GError     **error)
{
  g_autoptr(KhDbStmt) stmt = NULL;
  int rc;

  stmt = _kh_db_prepare (db,
                         "SELECT id FROM kohtaamo.week_appointments (CAST (?1 AS bigint), ?2, ?3)",
                         error);
  if (stmt == NULL)
    return;
  _kh_db_bind_int64 (stmt, 1, worker_id);
  _kh_db_bind_text (stmt, 2, from);
  _kh_db_bind_text (stmt, 3, to);
  while ((rc = _kh_db_step (stmt)) == KH_DB_ROW)
    ;
  if (rc != KH_DB_DONE)
    _kh_db_set_error (db, rc, error);
  _kh_db_reset (stmt);
}

/**
 * kh_db_list_week:
 *
 * See kh-db.h.
 *
 * Returns: (transfer full) (element-type KhAppointment):
 */
GPtrArray *
kh_db_list_week (KhDb         *db,
                 KhUser       *user,
                 gint64        worker_id,
                 const GDate  *day,
                 GError      **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) kh_appointment_free);
  g_autoptr(GHashTable) people = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(KhDbStmt) stmt = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  GError *local_error = NULL;
  GDate monday, sunday;
  gboolean own;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (KH_IS_USER (user), NULL);
  g_return_val_if_fail (day != NULL && g_date_valid (day), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (worker_id == 0)
    worker_id = user->id;
  if (!check_booker (db, user, 0, error))
    return NULL;
  if (worker_id != user->id && user->role != KH_ROLE_LEAD)
    {
      g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION,
                           _("A worker's week is seen by the worker and the lead social worker."));
      return NULL;
    }
  monday = *day;
  g_date_subtract_days (&monday, g_date_get_weekday (day) - G_DATE_MONDAY);
  sunday = monday;
  g_date_add_days (&sunday, 6);
  from = kh_date_to_iso (&monday);
  to = kh_date_to_iso (&sunday);

  if (!_kh_db_read_begin (db, &own, error))
    return NULL;
  if (kh_db_is_server (db))
    log_week_on_server (db, worker_id, from, to, &local_error);
  if (local_error == NULL)
    stmt = _kh_db_prepare (db,
                           APPOINTMENT_COLUMNS
                           "WHERE a.worker_id = ?1 AND a.day BETWEEN ?2 AND ?3 "
                           "ORDER BY a.day, a.start_min, a.id",
                           &local_error);
  if (stmt != NULL)
    {
      _kh_db_bind_int64 (stmt, 1, worker_id);
      _kh_db_bind_text (stmt, 2, from);
      _kh_db_bind_text (stmt, 3, to);
      _kh_db_read_rows (db, stmt, (KhDbRowFunc) appointment_from_row, rows, &local_error);
    }
  if (!kh_db_is_server (db))
    for (guint i = 0; i < rows->len && local_error == NULL; i++)
      {
        KhAppointment *a = g_ptr_array_index (rows, i);

        if (g_hash_table_contains (people, &a->client_id))
          continue;
        g_hash_table_add (people, g_memdup2 (&a->client_id, sizeof (gint64)));
        _kh_db_log_access (db, user, a->client_id, KH_ACCESS_WORK_LIST, KH_BASIS_CLIENT_RELATIONSHIP,
                           &local_error);
      }
  if (!_kh_db_read_finish (db, own, local_error, error))
    return NULL;
  return g_steal_pointer (&rows);
}

/**
 * kh_db_list_client_appointments:
 *
 * See kh-db.h.
 *
 * Returns: (transfer full) (element-type KhAppointment):
 */
GPtrArray *
kh_db_list_client_appointments (KhDb      *db,
                                KhUser    *user,
                                gint64     client_id,
                                GError   **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) kh_appointment_free);
  g_autoptr(KhDbStmt) stmt = NULL;
  GError *local_error = NULL;
  gboolean own;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (KH_IS_USER (user), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_booker (db, user, 0, error))
    return NULL;
  if (!_kh_db_read_begin (db, &own, error))
    return NULL;
  /* First on a server, whose row-level security shows the rows of a
   * person logged in the transaction; SQLite writes it as the read ends. */
  _kh_db_log_access (db, user, client_id, KH_ACCESS_MEETINGS, KH_BASIS_CLIENT_RELATIONSHIP, &local_error);
  if (local_error == NULL)
    stmt = _kh_db_prepare (db,
                           APPOINTMENT_COLUMNS
                           "WHERE a.client_id = ?1 ORDER BY a.day DESC, a.start_min DESC, a.id DESC",
                           &local_error);
  if (stmt != NULL)
    {
      _kh_db_bind_int64 (stmt, 1, client_id);
      _kh_db_read_rows (db, stmt, (KhDbRowFunc) appointment_from_row, rows, &local_error);
    }
  if (!_kh_db_read_finish (db, own, local_error, error))
    return NULL;
  return g_steal_pointer (&rows);
}
