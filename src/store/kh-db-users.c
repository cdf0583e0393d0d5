/* kh-db-users.c — users and their roles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kohtaamo-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/kh-text.h"
#include "store/kh-db-private.h"

/* A user with their team's name (0023-teams.sql). */
#define USER_SELECT \
  "SELECT u.id, u.account, u.display_name, u.role, u.active, u.team_id, t.name " \
  "FROM users u LEFT JOIN teams t ON t.id = u.team_id "

static KhUser *
user_from_row (KhDbStmt *stmt)
{
  KhUser *user = kh_user_new ();

  user->id = _kh_db_column_int64 (stmt, 0);
  user->account = _kh_db_column_text (stmt, 1);
  user->display_name = _kh_db_column_text (stmt, 2);
  user->role = _kh_db_column_int (stmt, 3);
  user->active = _kh_db_column_int (stmt, 4) != 0;
  user->team_id = _kh_db_column_int64 (stmt, 5);
  user->team_name = _kh_db_column_text (stmt, 6);
  return user;
}

static KhUser *
find_user (KhDb        *db,
           const char  *account,
           GError     **error)
{
  g_autoptr(KhDbStmt) stmt = NULL;
  int rc;

  stmt = _kh_db_prepare (db, USER_SELECT "WHERE u.account = ?", error);
  if (stmt == NULL)
    return NULL;
  _kh_db_bind_text (stmt, 1, account);
  rc = _kh_db_step (stmt);
  if (rc == KH_DB_ROW)
    return user_from_row (stmt);
  if (rc != KH_DB_DONE)
    _kh_db_set_error (db, rc, error);
  return NULL;
}

static gint64
count_active_admins (KhDb        *db,
                     const char  *except_account,
                     GError     **error)
{
  g_autoptr(KhDbStmt) stmt = NULL;
  int rc;

  stmt = _kh_db_prepare (db,
                         "SELECT count(*) FROM users WHERE role = 5 AND active = 1 "
                         "AND account IS DISTINCT FROM ?",
                         error);
  if (stmt == NULL)
    return -1;
  _kh_db_bind_text (stmt, 1, except_account);
  rc = _kh_db_step (stmt);
  if (rc != KH_DB_ROW)
    {
      _kh_db_set_error (db, rc, error);
      return -1;
    }
  return _kh_db_column_int64 (stmt, 0);
}

static gint64
upsert_user (KhDb        *db,
             const char  *account,
             const char  *display_name,
             KhRole       role,
             gboolean     active,
             GError     **error)
{
  g_autoptr(KhDbStmt) stmt = NULL;
  int rc;

  stmt = _kh_db_prepare (db, db->engine->save_user_sql, error);
  if (stmt == NULL)
    return 0;
  _kh_db_bind_text (stmt, 1, account);
  _kh_db_bind_text (stmt, 2, display_name);
  _kh_db_bind_int (stmt, 3, role);
  _kh_db_bind_int (stmt, 4, active ? 1 : 0);
  _kh_db_bind_int64 (stmt, 5, _kh_db_now ());
  rc = _kh_db_step (stmt);
  if (rc != KH_DB_ROW)
    {
      _kh_db_set_error (db, rc, error);
      return 0;
    }
  return _kh_db_column_int64 (stmt, 0);
}

/* Issue 6: who added or changed a user, and when (user_changes, append-
 * only). On a server its trigger on users records every change with the
 * login that made it (data/sql/pg/0011), whatever program wrote it; on
 * SQLite the store records it here, in the change's transaction.
 * `changed_by` is NULL for the first administrator of a new database. */
static gboolean
record_user_change (KhDb        *db,
                    KhUser      *user,
                    KhUser      *changed_by,
                    GError     **error)
{
  g_autoptr(KhDbStmt) stmt = NULL;

  if (db->engine->session_account != NULL)
    return TRUE;
  stmt = _kh_db_prepare (db,
                         "INSERT INTO user_changes (at, user_id, role, active, display_name, "
                         "  changed_by, changed_by_account) VALUES (?, ?, ?, ?, ?, ?, ?)",
                         error);
  if (stmt == NULL)
    return FALSE;
  _kh_db_bind_int64 (stmt, 1, _kh_db_now ());
  _kh_db_bind_int64 (stmt, 2, user->id);
  _kh_db_bind_int (stmt, 3, user->role);
  _kh_db_bind_int (stmt, 4, user->active ? 1 : 0);
  _kh_db_bind_text (stmt, 5, user->display_name);
  _kh_db_bind_id (stmt, 6, changed_by != NULL ? changed_by->id : 0);
  _kh_db_bind_text (stmt, 7, changed_by != NULL ? changed_by->account : user->account);
  return _kh_db_step_done (db, stmt, error);
}

static gint64
count_users (KhDb     *db,
             GError  **error)
{
  g_autoptr(KhDbStmt) stmt = _kh_db_prepare (db, "SELECT count(*) FROM users", error);

  if (stmt == NULL)
    return -1;
  if (_kh_db_step (stmt) != KH_DB_ROW)
    {
      _kh_db_set_last_error (db, error);
      return -1;
    }
  return _kh_db_column_int64 (stmt, 0);
}

/**
 * kh_db_login:
 *
 * Returns: (transfer full): the user of @account, or %NULL with PERMISSION.
 */
KhUser *
kh_db_login (KhDb        *db,
             const char  *account,
             const char  *display_name,
             GError     **error)
{
  return kh_db_login_full (db, account, display_name, TRUE, error);
}

/**
 * kh_db_login_full:
 *
 * Returns: (transfer full): the user of @account, or %NULL with PERMISSION
 *   or (without @claim_if_no_users, on a database without users)
 *   NO_ADMINISTRATOR.
 */
KhUser *
kh_db_login_full (KhDb        *db,
                  const char  *account,
                  const char  *display_name,
                  gboolean     claim_if_no_users,
                  GError     **error)
{
  g_autoptr(KhUser) user = NULL;
  g_autofree char *clean_name = NULL;
  GError *local_error = NULL;
  gint64 n_users;
  gboolean own;
  gboolean ok = TRUE;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (account != NULL && *account != '\0', NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  clean_name = kh_text_clean (display_name);
  /* On a server the login role is who logs in, whatever the caller says. */
  if (db->engine->session_account != NULL
      && g_strcmp0 (account, db->engine->session_account (db)) != 0)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION,
                   /* Translators: both %s are the user's operating-system account name */
                   _("The account “%s” may not use Kohtaamo. Ask an administrator to run “kohtaamo-admin users add %s --role ROLE”."),
                   account, account);
      return NULL;
    }
  if (!_kh_db_tx_begin (db, &own, error))
    return NULL;

  user = find_user (db, account, &local_error);
  if (user == NULL && local_error == NULL)
    {
      g_autoptr(KhDbStmt) stmt = _kh_db_prepare (db, "SELECT count(*) FROM users", &local_error);

      n_users = -1;
      if (stmt != NULL && _kh_db_step (stmt) == KH_DB_ROW)
        n_users = _kh_db_column_int64 (stmt, 0);
      else if (stmt != NULL)
        _kh_db_set_last_error (db, &local_error);

      /* The first start on a new database: whoever set it up administers
       * it, but only when asked to; nobody becomes an administrator
       * without saying so. */
      if (n_users == 0 && !claim_if_no_users)
        g_set_error_literal (&local_error, KH_STORE_ERROR, KH_STORE_ERROR_NO_ADMINISTRATOR,
                             _("Nobody administers this database yet."));
      else if (n_users == 0 &&
               upsert_user (db, account, clean_name, KH_ROLE_ADMIN, TRUE, &local_error) > 0)
        {
          g_message ("The first account “%s” is now the administrator", account);
          user = find_user (db, account, &local_error);
          if (user != NULL && !record_user_change (db, user, NULL, &local_error))
            g_clear_object (&user);
        }
    }

  if (local_error != NULL)
    ok = FALSE;
  else if (user == NULL || !user->active)
    {
      g_set_error (&local_error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION,
                   /* Translators: both %s are the user's operating-system account name */
                   _("The account “%s” may not use Kohtaamo. Ask an administrator to run “kohtaamo-admin users add %s --role ROLE”."),
                   account, account);
      ok = FALSE;
    }
  /* On a server users are written by an administrator only
   * (kohtaamo.save_user): the name stays as they set it. On SQLite too a
   * name the administrator gave (users add --name) stays; a user without
   * one gets the name the operating system knows, recorded as a change. */
  else if (clean_name != NULL && user->display_name == NULL
           && db->engine->session_account == NULL && !db->read_only)
    {
      /* Not on a read-only connection: a check such as `log verify` writes
       * nothing. */
      g_autoptr(KhDbStmt) stmt = _kh_db_prepare (db,
                                                 "UPDATE users SET display_name = ? WHERE id = ?",
                                                 &local_error);

      if (stmt != NULL)
        {
          _kh_db_bind_text (stmt, 1, clean_name);
          _kh_db_bind_int64 (stmt, 2, user->id);
          if (_kh_db_step (stmt) != KH_DB_DONE)
            _kh_db_set_last_error (db, &local_error);
          else
            {
              g_free (user->display_name);
              user->display_name = g_strdup (clean_name);
              record_user_change (db, user, user, &local_error);
            }
        }
      ok = local_error == NULL;
    }

  if (!_kh_db_tx_end (db, own, ok, &local_error))
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return g_steal_pointer (&user);
}

/**
 * kh_db_list_users:
 *
 * Returns: (transfer full) (element-type KhUser): every user, by name.
 */
GPtrArray *
kh_db_list_users (KhDb    *db,
                  GError **error)
{
  g_autoptr(GPtrArray) users = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(KhDbStmt) stmt = NULL;
  g_autofree char *sql = NULL;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  sql = g_strconcat (USER_SELECT
                     "ORDER BY coalesce (u.display_name, u.account) ", db->engine->collate_names,
                     ", u.account", NULL);
  stmt = _kh_db_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  if (!_kh_db_read_rows (db, stmt, (KhDbRowFunc) user_from_row, users, error))
    return NULL;
  return g_steal_pointer (&users);
}

/**
 * kh_db_save_user:
 * @acting: the administrator who makes the change, as the users table has
 *   them now (PERMISSION otherwise); %NULL only for the first user of a
 *   database that has none
 *
 * Adds or updates a user by account, and records who did it and when
 * (user_changes). Refuses (INVALID) to leave the database without an
 * active administrator.
 */
KhUser *
kh_db_save_user (KhDb        *db,
                 KhUser      *acting,
                 const char  *account,
                 const char  *display_name,
                 KhRole       role,
                 gboolean     active,
                 GError     **error)
{
  g_autofree char *clean_account = NULL;
  g_autofree char *clean_name = NULL;
  KhUser *user = NULL;
  GError *local_error = NULL;
  gboolean own;
  gboolean ok = TRUE;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  clean_account = kh_text_clean (account);
  clean_name = kh_text_clean (display_name);
  if (clean_account == NULL || strchr (clean_account, ' ') != NULL)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                   _("The account name must be one word, as in the operating system."));
      return NULL;
    }
  if (role < KH_ROLE_FIRST || role > KH_ROLE_LAST)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                   _("Unknown role."));
      return NULL;
    }

  /* Issue 6: the store, not the program that calls it, decides who may
   * change users: the acting user's current row, as for every read. */
  if (acting != NULL && !_kh_db_check_role (db, acting, KH_ROLE_ADMIN, error))
    return NULL;

  if (!_kh_db_tx_begin (db, &own, error))
    return NULL;

  if (acting == NULL)
    {
      gint64 n_users = count_users (db, &local_error);

      if (n_users > 0)
        g_set_error_literal (&local_error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION,
                             _("Only an administrator may add or change users."));
    }

  if (local_error == NULL && (role != KH_ROLE_ADMIN || !active))
    {
      g_autoptr(KhUser) existing = find_user (db, clean_account, &local_error);
      gint64 others;

      if (existing != NULL && existing->role == KH_ROLE_ADMIN && existing->active)
        {
          others = count_active_admins (db, clean_account, &local_error);
          if (others == 0)
            g_set_error (&local_error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                         _("At least one active administrator is needed. Make another account an administrator first."));
        }
    }

  if (local_error == NULL &&
      upsert_user (db, clean_account, clean_name, role, active, &local_error) > 0)
    user = find_user (db, clean_account, &local_error);
  if (user != NULL && !record_user_change (db, user, acting, &local_error))
    g_clear_object (&user);
  if (local_error == NULL && user == NULL)
    g_set_error (&local_error, KH_STORE_ERROR, KH_STORE_ERROR_FAILED,
                 _("The user could not be saved."));
  ok = local_error == NULL;

  if (!_kh_db_tx_end (db, own, ok, &local_error))
    {
      g_clear_object (&user);
      g_propagate_error (error, local_error);
      return NULL;
    }
  return user;
}

void
kh_user_change_free (KhUserChange *change)
{
  if (change == NULL)
    return;
  g_free (change->account);
  g_free (change->display_name);
  g_free (change->changed_by_account);
  g_free (change);
}

static KhUserChange *
user_change_from_row (KhDbStmt *stmt)
{
  KhUserChange *change = g_new0 (KhUserChange, 1);

  change->at = _kh_db_column_int64 (stmt, 0);
  change->account = _kh_db_column_text (stmt, 1);
  change->display_name = _kh_db_column_text (stmt, 2);
  change->role = _kh_db_column_int (stmt, 3);
  change->active = _kh_db_column_int (stmt, 4) != 0;
  change->changed_by_account = _kh_db_column_text (stmt, 5);
  return change;
}

/**
 * kh_db_list_user_changes:
 * @user: who reads them: an active administrator (PERMISSION otherwise)
 * @account: (nullable): only this account's changes; %NULL for all
 *
 * Returns: (transfer full) (element-type KhUserChange): the changes of
 *   users (user_changes), newest first.
 */
GPtrArray *
kh_db_list_user_changes (KhDb        *db,
                         KhUser      *user,
                         const char  *account,
                         GError     **error)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) kh_user_change_free);
  g_autoptr(KhDbStmt) stmt = NULL;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_kh_db_check_role (db, user, KH_ROLE_ADMIN, error))
    return NULL;
  stmt = _kh_db_prepare (db,
                         "SELECT c.at, u.account, c.display_name, c.role, c.active, "
                         "  c.changed_by_account "
                         "FROM user_changes c JOIN users u ON u.id = c.user_id "
                         "WHERE u.account = coalesce (?, u.account) "
                         "ORDER BY c.at DESC, c.id DESC",
                         error);
  if (stmt == NULL)
    return NULL;
  _kh_db_bind_text (stmt, 1, account);
  if (!_kh_db_read_rows (db, stmt, (KhDbRowFunc) user_change_from_row, changes, error))
    return NULL;
  return g_steal_pointer (&changes);
}
