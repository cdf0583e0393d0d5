/* kh-db-services.c — the directory of services and the unit's calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kohtaamo-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/kh-plan-settings.h"
#include "core/kh-service-check.h"
#include "core/kh-text.h"
#include "core/kh-unit-profile.h"
#include "store/kh-db-private.h"

/* ---- services ---- */

#define SERVICE_COLUMNS \
  "id, name_fi, name_sv, phone, address, url, active, " \
  "area, kind, languages, other_languages, email, notes, flags"

static KhService *
service_from_row (KhDbStmt *stmt)
{
  KhService *service = kh_service_new ();

  service->id = _kh_db_column_int64 (stmt, 0);
  service->name_fi = _kh_db_column_text (stmt, 1);
  service->name_sv = _kh_db_column_text (stmt, 2);
  service->phone = _kh_db_column_text (stmt, 3);
  service->address = _kh_db_column_text (stmt, 4);
  service->url = _kh_db_column_text (stmt, 5);
  service->active = _kh_db_column_int (stmt, 6) != 0;
  service->area = _kh_db_column_int (stmt, 7);
  service->kind = _kh_db_column_int (stmt, 8);
  service->languages = (guint) _kh_db_column_int (stmt, 9);
  service->other_languages = _kh_db_column_text (stmt, 10);
  service->email = _kh_db_column_text (stmt, 11);
  service->notes = _kh_db_column_text (stmt, 12);
  service->flags = (guint) _kh_db_column_int (stmt, 13);
  return service;
}

/**
 * kh_db_list_services:
 *
 * Returns: (transfer full) (element-type KhService): the directory, by life
 *   area and then by name in the UI language.
 */
GPtrArray *
kh_db_list_services (KhDb      *db,
                     gboolean   include_inactive,
                     GError   **error)
{
  g_autoptr(GPtrArray) services = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(KhDbStmt) stmt = NULL;
  g_autofree char *sql = NULL;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  sql = g_strconcat ("SELECT " SERVICE_COLUMNS " FROM services "
                     "WHERE active = 1 OR ?2 = 1 "
                     "ORDER BY area, CASE ?1 WHEN 'sv' THEN name_sv ELSE name_fi END ",
                     db->engine->collate_names, ", id", NULL);
  stmt = _kh_db_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  _kh_db_bind_text (stmt, 1, _kh_db_ui_language ());
  _kh_db_bind_int (stmt, 2, include_inactive ? 1 : 0);
  if (!_kh_db_read_rows (db, stmt, (KhDbRowFunc) service_from_row, services, error))
    return NULL;
  return g_steal_pointer (&services);
}

/**
 * kh_db_find_social_emergency_service:
 *
 * The entry reception directs urgent help to (SHL 29 §): found by its flag,
 * never by its name.
 *
 * Returns: (transfer full) (nullable): the active entry flagged as the social
 *   emergency service, or %NULL (without an error) when the unit has none
 */
KhService *
kh_db_find_social_emergency_service (KhDb    *db,
                                     GError **error)
{
  g_autoptr(GPtrArray) services = NULL;
  KhService *found;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  services = kh_db_list_services (db, FALSE, error);
  if (services == NULL)
    return NULL;
  found = kh_service_find_social_emergency (services);
  return found != NULL ? g_object_ref (found) : NULL;
}

static gint64
write_service (KhDb       *db,
               KhService  *service,
               GError    **error)
{
  g_autoptr(KhDbStmt) stmt = NULL;
  int rc;

  if (service->id > 0)
    stmt = _kh_db_prepare (db,
                           "UPDATE services SET name_fi = ?1, name_sv = ?2, phone = ?3, "
                           "address = ?4, url = ?5, active = ?6, area = ?7, kind = ?8, "
                           "languages = ?9, other_languages = ?10, email = ?11, notes = ?12, "
                           "flags = ?13 WHERE id = ?14 RETURNING id",
                           error);
  else
    stmt = _kh_db_prepare (db,
                           "INSERT INTO services (name_fi, name_sv, phone, address, url, active, "
                           "area, kind, languages, other_languages, email, notes, flags) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) "
                           "RETURNING id",
                           error);
  if (stmt == NULL)
    return 0;
  _kh_db_bind_text (stmt, 1, service->name_fi);
  _kh_db_bind_text (stmt, 2, service->name_sv);
  _kh_db_bind_text (stmt, 3, service->phone);
  _kh_db_bind_text (stmt, 4, service->address);
  _kh_db_bind_text (stmt, 5, service->url);
  _kh_db_bind_int (stmt, 6, service->active ? 1 : 0);
  _kh_db_bind_int (stmt, 7, service->area);
  _kh_db_bind_int (stmt, 8, service->kind);
  _kh_db_bind_int (stmt, 9, (int) service->languages);
  _kh_db_bind_text (stmt, 10, service->other_languages);
  _kh_db_bind_text (stmt, 11, service->email);
  _kh_db_bind_text (stmt, 12, service->notes);
  _kh_db_bind_int (stmt, 13, (int) service->flags);
  if (service->id > 0)
    _kh_db_bind_int64 (stmt, 14, service->id);

  rc = _kh_db_step (stmt);
  if (rc == KH_DB_ROW)
    return _kh_db_column_int64 (stmt, 0);
  if (rc == KH_DB_DONE)
    g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND,
                         _("The service is no longer in the directory."));
  else
    _kh_db_set_error (db, rc, error);
  return 0;
}

/**
 * kh_db_save_service:
 *
 * Adds (id 0) or updates an entry of the directory, after the rules of
 * kh_service_check (both names, the shape and length of each field, no
 * second entry with the same name, one social emergency service). Needs the
 * lead social worker or an administrator. @service is cleaned in place.
 *
 * Returns: the id, or 0 with @error set (INVALID: the message begins with
 *   the field's name).
 */
gint64
kh_db_save_service (KhDb       *db,
                    KhUser     *user,
                    KhService  *service,
                    GError    **error)
{
  g_autoptr(GPtrArray) directory = NULL;
  g_autofree char *message = NULL;
  GError *local_error = NULL;
  gboolean own = FALSE;
  gint64 id = 0;

  g_return_val_if_fail (db != NULL, 0);
  g_return_val_if_fail (KH_IS_SERVICE (service), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!_kh_db_check_role (db, user, KH_ROLE_LEAD, error))
    return 0;

  kh_service_clean (service);
  if (!_kh_db_tx_begin (db, &own, error))
    return 0;
  /* Read and written in one transaction: the check sees what is there. */
  directory = kh_db_list_services (db, TRUE, &local_error);
  if (directory != NULL)
    {
      message = kh_service_check (service, directory, NULL);
      if (message != NULL)
        g_set_error_literal (&local_error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID, message);
      else
        id = write_service (db, service, &local_error);
    }
  if (!_kh_db_tx_finish (db, own, local_error, error))
    return 0;
  return id;
}

/* ---- the unit's calendar ---- */

static gboolean
read_setting (KhDb        *db,
              const char  *key,
              char       **out_value,
              GError     **error)
{
  g_autoptr(KhDbStmt) stmt = _kh_db_prepare (db, "SELECT value FROM settings WHERE key = ?", error);
  int rc;

  *out_value = NULL;
  if (stmt == NULL)
    return FALSE;
  _kh_db_bind_text (stmt, 1, key);
  rc = _kh_db_step (stmt);
  if (rc == KH_DB_ROW)
    *out_value = _kh_db_column_text (stmt, 0);
  else if (rc != KH_DB_DONE)
    {
      _kh_db_set_error (db, rc, error);
      return FALSE;
    }
  return TRUE;
}

/**
 * kh_db_get_setting:
 *
 * Returns: (transfer full) (nullable): the unit's setting, or %NULL if unset.
 */
char *
kh_db_get_setting (KhDb        *db,
                   const char  *key,
                   GError     **error)
{
  char *value = NULL;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  read_setting (db, key, &value, error);
  return value;
}

/**
 * kh_db_get_unit_profile:
 *
 * The unit's letterhead, rectification authority, logo and decision
 * makers from its document settings; not personal data (staff), so no
 * access-log row. Unset or unreadable values are unset fields.
 *
 * Returns: (transfer full): the profile, or %NULL with @error set
 */
KhUnitProfile *
kh_db_get_unit_profile (KhDb    *db,
                        GError **error)
{
  g_autoptr(GHashTable) settings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(KhDbStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _kh_db_prepare (db, "SELECT key, value FROM settings WHERE key LIKE 'document\\_%' ESCAPE '\\'",
                         error);
  if (stmt == NULL)
    return NULL;
  while ((rc = _kh_db_step (stmt)) == KH_DB_ROW)
    g_hash_table_insert (settings, _kh_db_column_text (stmt, 0), _kh_db_column_text (stmt, 1));
  if (rc != KH_DB_DONE)
    {
      _kh_db_set_error (db, rc, error);
      return NULL;
    }
  return kh_unit_profile_from_settings (settings);
}

/**
 * kh_db_set_setting:
 *
 * Sets one of the unit's settings ("saturday_is_working_day": "0" or "1").
 * Needs the lead social worker or an administrator. A document setting
 * (kh-unit-profile.h) must pass kh_unit_profile_clean_setting(), a plan
 * review setting (kh-plan-settings.h) kh_plan_setting_clean() (INVALID
 * with its message), and is stored cleaned.
 */
gboolean
kh_db_set_setting (KhDb        *db,
                   KhUser      *user,
                   const char  *key,
                   const char  *value,
                   GError     **error)
{
  g_autoptr(KhDbStmt) stmt = NULL;
  g_autofree char *clean = NULL;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (key != NULL && value != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_kh_db_check_role (db, user, KH_ROLE_LEAD, error))
    return FALSE;
  /* The unit's document settings are checked here, whoever calls, and
   * stored cleaned; the schema's triggers are the last line. */
  if (g_str_has_prefix (key, KH_SETTING_DOCUMENT_PREFIX))
    {
      g_autofree char *message = NULL;

      clean = kh_unit_profile_clean_setting (key, value, &message);
      if (clean == NULL)
        {
          g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID, message);
          return FALSE;
        }
      value = clean;
    }
  /* The unit's scale and lists for plan reviews likewise (issue 9, 4). */
  else if (kh_plan_setting_is_plan_key (key))
    {
      g_autoptr(GError) check_error = NULL;

      clean = kh_plan_setting_clean (key, value, &check_error);
      if (clean == NULL)
        {
          g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID, check_error->message);
          return FALSE;
        }
      value = clean;
    }
  stmt = _kh_db_prepare (db, "INSERT INTO settings (key, value) VALUES (?1, ?2) "
                         "ON CONFLICT (key) DO UPDATE SET value = excluded.value", error);
  if (stmt == NULL)
    return FALSE;
  _kh_db_bind_text (stmt, 1, key);
  _kh_db_bind_text (stmt, 2, value);
  if (!_kh_db_step_done (db, stmt, error))
    return FALSE;
  g_clear_pointer (&db->calendar, kh_calendar_unref);
  return TRUE;
}

static KhCalendar *
build_calendar (KhDb    *db,
                GError **error)
{
  g_autoptr(KhCalendar) calendar = kh_calendar_new ();
  g_autoptr(KhDbStmt) stmt = NULL;
  g_autofree char *saturday = NULL;
  int rc;

  if (!read_setting (db, "saturday_is_working_day", &saturday, error))
    return NULL;
  kh_calendar_set_saturday_is_working_day (calendar, g_strcmp0 (saturday, "1") == 0);

  stmt = _kh_db_prepare (db, "SELECT date, name FROM closed_days ORDER BY date", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = _kh_db_step (stmt)) == KH_DB_ROW)
    {
      GDate date;

      if (kh_date_from_iso (_kh_db_column_str (stmt, 0), &date))
        kh_calendar_add_closed_day (calendar, &date, _kh_db_column_str (stmt, 1));
    }
  if (rc != KH_DB_DONE)
    {
      _kh_db_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&calendar);
}

/**
 * kh_db_load_calendar:
 *
 * Returns: (transfer full): a new working-day calendar with the unit's
 *   closed days and settings, the caller's own (it may go to another thread).
 */
KhCalendar *
kh_db_load_calendar (KhDb    *db,
                     GError **error)
{
  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return build_calendar (db, error);
}

KhCalendar *
_kh_db_get_calendar (KhDb    *db,
                     GError **error)
{
  /* Kept for the connection: an intake must not reread the closed days.
   * On a server other desks change the settings and the closed days, and
   * nothing tells this connection: read them at each use (two small
   * queries in the intake's transaction). Callers use the calendar before
   * asking again. */
  if (db->calendar == NULL || db->engine->session_account != NULL)
    {
      KhCalendar *calendar = build_calendar (db, error);

      if (calendar == NULL)
        return NULL;
      g_clear_pointer (&db->calendar, kh_calendar_unref);
      db->calendar = calendar;
    }
  return db->calendar;
}

/**
 * kh_db_add_closed_day:
 * @date: d.m.yyyy or ISO
 *
 * Adds (or renames) a day the unit is closed. Needs the lead social worker or
 * an administrator.
 */
gboolean
kh_db_add_closed_day (KhDb        *db,
                      KhUser      *user,
                      const char  *date,
                      const char  *name,
                      GError     **error)
{
  g_autoptr(KhDbStmt) stmt = NULL;
  g_autofree char *clean_name = kh_text_clean (name);
  g_autofree char *iso = NULL;
  GDate day;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_kh_db_check_role (db, user, KH_ROLE_LEAD, error))
    return FALSE;
  if (date == NULL || !kh_date_parse (date, &day))
    {
      g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                           _("Date: enter a date, e.g. 2.4.2026."));
      return FALSE;
    }
  if (clean_name == NULL)
    {
      g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                           _("Name: say why the unit is closed that day."));
      return FALSE;
    }
  iso = kh_date_to_iso (&day);

  stmt = _kh_db_prepare (db,
                         "INSERT INTO closed_days (date, name, created_by) VALUES (?, ?, ?) "
                         "ON CONFLICT (date) DO UPDATE SET name = excluded.name",
                         error);
  if (stmt == NULL)
    return FALSE;
  _kh_db_bind_text (stmt, 1, iso);
  _kh_db_bind_text (stmt, 2, clean_name);
  _kh_db_bind_id (stmt, 3, user->id);
  if (!_kh_db_step_done (db, stmt, error))
    return FALSE;
  g_clear_pointer (&db->calendar, kh_calendar_unref);
  return TRUE;
}
