/* kh-db-teams.c — the unit's teams: whose queue a case waits in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 5, 2.9 and issue 7, 1 (data/sql/0023-teams.sql,
 * data/sql/pg/0015-teams.sql). A team is named and deactivated by the
 * administrator, never removed; a user belongs to at most one; every case
 * to one. The rules are checked here with messages for the person, and
 * restated by the schema's constraints and triggers on both engines.
 */
#define G_LOG_DOMAIN "kohtaamo-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/kh-intake-state.h"
#include "core/kh-text.h"
#include "store/kh-db-private.h"

static KhTeam *
team_from_row (KhDbStmt *stmt)
{
  KhTeam *team = kh_team_new ();

  team->id = _kh_db_column_int64 (stmt, 0);
  team->name = _kh_db_column_text (stmt, 1);
  team->active = _kh_db_column_int (stmt, 2) != 0;
  team->n_members = (guint) CLAMP (_kh_db_column_int64 (stmt, 3), 0, G_MAXUINT);
  return team;
}

/**
 * kh_db_list_teams:
 * @include_inactive: also the teams that no longer take cases
 *
 * Reads no one's data and needs no user: the teams are the unit's.
 *
 * Returns: (transfer full) (element-type KhTeam): the teams by name (in
 *   Finnish/Swedish order), with their active members counted
 */
GPtrArray *
kh_db_list_teams (KhDb      *db,
                  gboolean   include_inactive,
                  GError   **error)
{
  g_autoptr(GPtrArray) teams = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(KhDbStmt) stmt = NULL;
  g_autofree char *sql = NULL;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  sql = g_strconcat ("SELECT t.id, t.name, t.active, "
                     "  (SELECT count(*) FROM users u WHERE u.team_id = t.id AND u.active = 1) "
                     "FROM teams t WHERE ?1 = 1 OR t.active = 1 "
                     "ORDER BY t.name ", db->engine->collate_names, ", t.id", NULL);
  stmt = _kh_db_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  _kh_db_bind_int (stmt, 1, include_inactive ? 1 : 0);
  if (!_kh_db_read_rows (db, stmt, (KhDbRowFunc) team_from_row, teams, error))
    return NULL;
  return g_steal_pointer (&teams);
}

/* The name as it is kept: cleaned, checked as any typed line. */
static char *
clean_team_name (const char  *name,
                 GError     **error)
{
  g_autofree char *clean = kh_text_clean (name);
  GError *local_error = NULL;

  if (clean == NULL)
    {
      g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                           _("Team: write the team’s name."));
      return NULL;
    }
  if (!kh_text_check_field (_("Team"), clean, KH_TEXT_LINE, KH_TEAM_NAME_MAX, &local_error))
    {
      g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID, local_error->message);
      g_error_free (local_error);
      return NULL;
    }
  return g_steal_pointer (&clean);
}

/**
 * kh_db_save_team:
 * @team: the team: id 0 adds one; otherwise its name and whether it is
 *   active are changed
 *
 * Only the administrator. INVALID for an empty, too long or unclean name,
 * a name another team has (whatever its case), deactivating the last
 * active team, or a team that is not there.
 *
 * Returns: the team's id, or 0 with @error set
 */
gint64
kh_db_save_team (KhDb     *db,
                 KhUser   *user,
                 KhTeam   *team,
                 GError  **error)
{
  g_autoptr(GPtrArray) teams = NULL;
  g_autofree char *name = NULL;
  GError *local_error = NULL;
  KhTeam *existing = NULL;
  gboolean own;
  gint64 id = 0;
  guint n_active_others = 0;

  g_return_val_if_fail (db != NULL, 0);
  g_return_val_if_fail (KH_IS_TEAM (team), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!_kh_db_check_role (db, user, KH_ROLE_ADMIN, error))
    return 0;
  name = clean_team_name (team->name, error);
  if (name == NULL)
    return 0;

  if (!_kh_db_tx_begin (db, &own, error))
    return 0;
  teams = kh_db_list_teams (db, TRUE, &local_error);
  for (guint i = 0; teams != NULL && i < teams->len; i++)
    {
      KhTeam *other = g_ptr_array_index (teams, i);
      g_autofree char *a = g_utf8_casefold (other->name, -1);
      g_autofree char *b = g_utf8_casefold (name, -1);

      if (other->id == team->id)
        existing = other;
      else
        {
          if (other->active)
            n_active_others++;
          if (local_error == NULL && g_str_equal (a, b))
            /* Translators: %s is a team's name */
            g_set_error (&local_error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                         _("Team: the unit already has a team called “%s”."), other->name);
        }
    }
  if (local_error == NULL && team->id > 0 && existing == NULL)
    g_set_error_literal (&local_error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND,
                         _("The team was not found."));
  if (local_error == NULL && !team->active && n_active_others == 0)
    g_set_error_literal (&local_error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                         _("At least one team must take new cases. Add or activate another team first."));
  if (local_error == NULL)
    {
      g_autoptr(KhDbStmt) stmt = _kh_db_prepare (db,
                                                 team->id > 0
                                                 ? "UPDATE teams SET name = ?1, active = ?2 "
                                                   "WHERE id = ?3 RETURNING id"
                                                 : "INSERT INTO teams (name, active, created_at) "
                                                   "VALUES (?1, ?2, ?4) RETURNING id",
                                                 &local_error);

      if (stmt != NULL)
        {
          int rc;

          _kh_db_bind_text (stmt, 1, name);
          _kh_db_bind_int (stmt, 2, team->active ? 1 : 0);
          if (team->id > 0)
            _kh_db_bind_int64 (stmt, 3, team->id);
          else
            _kh_db_bind_int64 (stmt, 4, _kh_db_now ());
          rc = _kh_db_step (stmt);
          if (rc == KH_DB_ROW)
            id = _kh_db_column_int64 (stmt, 0);
          else
            _kh_db_set_error (db, rc, &local_error);
        }
    }
  if (!_kh_db_tx_finish (db, own, local_error, error))
    return 0;
  g_free (team->name);
  team->name = g_steal_pointer (&name);
  team->id = id;
  return id;
}

/* Is `team_id` a team that takes new cases and members? FALSE with
 * `error` INVALID (or the read's error) when not. */
static gboolean
check_active_team (KhDb        *db,
                   gint64       team_id,
                   GError     **error)
{
  g_autoptr(KhDbStmt) stmt = _kh_db_prepare (db, "SELECT active FROM teams WHERE id = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  _kh_db_bind_int64 (stmt, 1, team_id);
  rc = _kh_db_step (stmt);
  if (rc == KH_DB_ROW && _kh_db_column_int (stmt, 0) == 1)
    return TRUE;
  if (rc == KH_DB_ROW || rc == KH_DB_DONE)
    g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                         rc == KH_DB_ROW
                         ? _("Team: the team no longer takes new cases. Choose another team.")
                         : _("Team: the team was not found."));
  else
    _kh_db_set_error (db, rc, error);
  return FALSE;
}

/* The team a new case goes to: `requested` when it is active; with none
 * requested, the default of kh_intake_default_team (the user's own team,
 * else the first active team by name). 0 with `error` set when there is
 * none. */
gint64
_kh_db_team_for_case (KhDb     *db,
                      gint64    requested,
                      gint64    own_team,
                      GError  **error)
{
  g_autoptr(GPtrArray) teams = NULL;
  g_autoptr(GArray) ids = NULL;
  gint64 team;

  if (requested > 0)
    return check_active_team (db, requested, error) ? requested : 0;

  teams = kh_db_list_teams (db, FALSE, error);
  if (teams == NULL)
    return 0;
  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), teams->len);
  for (guint i = 0; i < teams->len; i++)
    g_array_append_val (ids, ((KhTeam *) g_ptr_array_index (teams, i))->id);
  team = kh_intake_default_team ((const gint64 *) ids->data, ids->len, own_team);
  if (team == 0)
    g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                         _("No team takes new cases. Ask the administrator to add a team or make one active again."));
  return team;
}

/**
 * kh_db_set_user_team:
 * @account: the user's account
 * @team_id: the team, or 0 for none
 *
 * Puts a user in a team that takes new members (an active one), or in
 * none. On a server, as an administrator's login or as the server's
 * superuser (kohtaamo.set_user_team checks); on a file kohtaamo-admin has
 * checked that an administrator runs it, as for kh_db_save_user.
 * NOT_FOUND for an account that is no user; INVALID for a team that is
 * not active.
 */
gboolean
kh_db_set_user_team (KhDb        *db,
                     const char  *account,
                     gint64       team_id,
                     GError     **error)
{
  g_autoptr(KhDbStmt) stmt = NULL;
  GError *local_error = NULL;
  gboolean own;
  int rc;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (account != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_kh_db_tx_begin (db, &own, error))
    return FALSE;
  stmt = _kh_db_prepare (db, "SELECT 1 FROM users WHERE account = ?", &local_error);
  if (stmt != NULL)
    {
      _kh_db_bind_text (stmt, 1, account);
      rc = _kh_db_step (stmt);
      if (rc == KH_DB_DONE)
        g_set_error (&local_error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND,
                     _("The account “%s” is not a user of this database"), account);
      else if (rc != KH_DB_ROW)
        _kh_db_set_error (db, rc, &local_error);
      g_clear_pointer (&stmt, _kh_db_stmt_release);
    }
  if (local_error == NULL && team_id > 0)
    check_active_team (db, team_id, &local_error);
  if (local_error == NULL)
    stmt = _kh_db_prepare (db, "{set_user_team}", &local_error);
  if (stmt != NULL)
    {
      _kh_db_bind_text (stmt, 1, account);
      _kh_db_bind_id (stmt, 2, team_id);
      rc = _kh_db_step (stmt);
      if (rc != KH_DB_ROW)
        _kh_db_set_error (db, rc, &local_error);
      _kh_db_reset (stmt);
    }
  return _kh_db_tx_finish (db, own, local_error, error);
}
