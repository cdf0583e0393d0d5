/* kh-db-admin.c — what kohtaamo-admin needs beyond the rest of KhDb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kohtaamo-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/kh-text.h"

#include "kh-db-private.h"

/**
 * kh_db_count_clients:
 *
 * How many people the database holds. Reads no one's data, so it writes
 * nothing to the access log: `demo` uses it to refuse a database that is
 * already in use, the tests to see what an import or demo wrote.
 *
 * Returns: the number of people, or -1 with @error set.
 */
gint64
kh_db_count_clients (KhDb    *db,
                     GError **error)
{
  g_autoptr(KhDbStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (db != NULL, -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  stmt = _kh_db_prepare (db, "SELECT count(*) FROM clients", error);
  if (stmt == NULL)
    return -1;
  rc = _kh_db_step (stmt);
  if (rc != KH_DB_ROW)
    {
      _kh_db_set_error (db, rc, error);
      return -1;
    }
  return _kh_db_column_int64 (stmt, 0);
}

/**
 * kh_db_prepare_bulk_load:
 *
 * The default cache (2 MiB) holds a small part of the indexes that a large
 * load inserts into at random places (identity codes, names, birth dates),
 * so each insert reads pages back from the write-ahead log. 64 MiB holds a
 * database of 100 000 people with their contacts entirely.
 */
gboolean
kh_db_prepare_bulk_load (KhDb    *db,
                         GError **error)
{
  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (db->engine->bulk_load_sql == NULL)
    return TRUE;
  return _kh_db_exec (db, db->engine->bulk_load_sql, error);
}

/* ---- the unit's own closed days ---- */

void
kh_closed_day_free (KhClosedDay *day)
{
  if (day == NULL)
    return;
  g_free (day->date);
  g_free (day->name);
  g_free (day);
}

static gpointer
closed_day_from_row (KhDbStmt *stmt)
{
  KhClosedDay *day = g_new0 (KhClosedDay, 1);

  day->date = _kh_db_column_text (stmt, 0);
  day->name = _kh_db_column_text (stmt, 1);
  return day;
}

/**
 * kh_db_list_closed_days:
 *
 * The days that the unit itself has closed, without the public holidays:
 * what `kohtaamo-admin calendar --list-closed` shows and what
 * kh_db_remove_closed_day() can remove.
 *
 * Returns: (transfer full) (element-type KhClosedDay): by date, or %NULL
 *   with @error set.
 */
GPtrArray *
kh_db_list_closed_days (KhDb    *db,
                        GError **error)
{
  g_autoptr(GPtrArray) days = g_ptr_array_new_with_free_func ((GDestroyNotify) kh_closed_day_free);
  g_autoptr(KhDbStmt) stmt = NULL;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _kh_db_prepare (db, "SELECT date, name FROM closed_days ORDER BY date", error);
  if (stmt == NULL)
    return NULL;
  if (!_kh_db_read_rows (db, stmt, closed_day_from_row, days, error))
    return NULL;
  return g_steal_pointer (&days);
}

/**
 * kh_db_remove_closed_day:
 * @date: d.m.yyyy or ISO
 *
 * Removes one of the unit's own closed days: the office is open that day
 * again. Deadlines do not change, as closed days never counted against
 * them (domain-law.md section 6). The same roles as kh_db_add_closed_day().
 *
 * Returns: %TRUE if the day was removed.
 */
gboolean
kh_db_remove_closed_day (KhDb        *db,
                         KhUser      *user,
                         const char  *date,
                         GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *iso = NULL;
  gboolean own = FALSE;
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
  iso = kh_date_to_iso (&day);

  if (!_kh_db_tx_begin (db, &own, error))
    return FALSE;
  {
    g_autoptr(KhDbStmt) stmt = _kh_db_prepare (db, "DELETE FROM closed_days WHERE date = ?",
                                               &local_error);

    if (stmt != NULL)
      {
        _kh_db_bind_text (stmt, 1, iso);
        if (_kh_db_step_done (db, stmt, &local_error)
            && _kh_db_changes (db) == 0)
          g_set_error (&local_error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND,
                       /* Translators: %s is a date, 2026-12-23. */
                       _("The unit has no closed day of its own on %s."), iso);
      }
  }
  if (!_kh_db_tx_finish (db, own, g_steal_pointer (&local_error), error))
    return FALSE;

  /* The cached calendar still skips the day. */
  g_clear_pointer (&db->calendar, kh_calendar_unref);
  return TRUE;
}
