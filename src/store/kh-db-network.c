/* kh-db-network.c — the client's network, the client's consents and dated
 * versions of the network (issue 9, 1)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything is append-only on both engines (data/sql/0034-network.sql,
 * data/sql/pg/0030-network.sql): an entry's change is its next revision,
 * its removal a revision marked removed, a consent's withdrawal a row
 * beside it, and a version the revisions that stood when it was taken.
 * Who saved what and when are the store's (SQLite: the acting user,
 * checked against the users table, and this clock) or the server's (its
 * session and clock, in the kohtaamo.network_* functions), never the
 * form's. The checks are the core's (kh_network_member_clean,
 * kh_network_consent_check, kh_network_withdrawal_check); the tables
 * restate them.
 *
 * Who: social counsellors, social workers and the lead social worker
 * (kh_network_may_keep); never reception or the administrator role (the
 * server refuses them too).
 *
 * Every read of a person's network — the entries with their consents, an
 * entry's history, the list of versions, a version's entries — is logged
 * once as KH_ACCESS_NETWORK in the reading's transaction: on SQLite by
 * _kh_db_log_access, on a server by kohtaamo.log_network_access(), which
 * checks the role and writes the row that row-level security then asks
 * for. Writes log nothing.
 */
#define G_LOG_DOMAIN "kohtaamo-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "store/kh-db-private.h"

static gboolean
check_user (KhDb     *db,
            KhUser   *user,
            GError  **error)
{
  if (!_kh_db_check_role (db, user, KH_ROLE_COUNSELLOR, error))
    return FALSE;
  if (!kh_network_may_keep (user->role))
    {
      g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION,
                           _("A client’s network is kept and read by social counsellors, social workers and the lead social worker."));
      return FALSE;
    }
  return TRUE;
}

static const char *
user_name (KhUser *user)
{
  return user->display_name != NULL ? user->display_name : user->account;
}

static void
today (GDate *out)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_local (_kh_db_now ());

  g_date_clear (out, 1);
  g_date_set_dmy (out, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

static gboolean
not_found (GError     **error,
           const char  *message)
{
  g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND, message);
  return FALSE;
}

static gboolean
invalid_from (GError  **error,
              GError   *check_error)
{
  g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID, check_error->message);
  return FALSE;
}

/* ---- reading ---- */

/* The columns of a revision `r` (read by member_from_row), with the
 * directory's name in the UI language (?9) and who saved it. */
#define MEMBER_COLUMNS \
  "SELECT r.member_id, r.client_id, r.kind, r.revision, r.name, r.relation, r.relation_text, " \
  "  r.contact, r.service_id, r.contact_person, r.sector, r.distance, r.tie, r.direction, " \
  "  r.support, r.note, r.removed, CASE WHEN ?9 = 'sv' THEN s.name_sv ELSE s.name_fi END, " \
  "  r.saved_by, coalesce (u.display_name, u.account), r.saved_at "
#define MEMBER_JOINS \
  "  LEFT JOIN services s ON s.id = r.service_id " \
  "  LEFT JOIN users u ON u.id = r.saved_by "
#define CURRENT_REVISION \
  "r.revision = (SELECT max (x.revision) FROM network_member_revisions x WHERE x.member_id = r.member_id)"

static gpointer
member_from_row (KhDbStmt *stmt)
{
  KhNetworkMember *m = kh_network_member_new (_kh_db_column_int (stmt, 2));

  m->id = _kh_db_column_int64 (stmt, 0);
  m->client_id = _kh_db_column_int64 (stmt, 1);
  m->revision = _kh_db_column_int (stmt, 3);
  m->name = _kh_db_column_text (stmt, 4);
  m->relation = _kh_db_column_int (stmt, 5);
  m->relation_text = _kh_db_column_text (stmt, 6);
  m->contact = _kh_db_column_text (stmt, 7);
  m->service_id = _kh_db_column_int64 (stmt, 8);
  m->contact_person = _kh_db_column_text (stmt, 9);
  m->sector = _kh_db_column_int (stmt, 10);
  m->distance = _kh_db_column_int (stmt, 11);
  m->tie = _kh_db_column_int (stmt, 12);
  m->direction = _kh_db_column_int (stmt, 13);
  m->support = _kh_db_column_int (stmt, 14);
  m->note = _kh_db_column_text (stmt, 15);
  m->removed = _kh_db_column_int (stmt, 16) != 0;
  m->service_name = _kh_db_column_text (stmt, 17);
  m->saved_by = _kh_db_column_int64 (stmt, 18);
  m->saved_by_name = _kh_db_column_text (stmt, 19);
  m->saved_at = _kh_db_column_time (stmt, 20);
  return m;
}

static void
column_day (KhDbStmt *stmt,
            int       column,
            GDate    *out)
{
  kh_network_parse_day (_kh_db_column_str (stmt, column), out);
}

static gpointer
consent_from_row (KhDbStmt *stmt)
{
  KhNetworkConsent *c = kh_network_consent_new ();

  c->id = _kh_db_column_int64 (stmt, 0);
  c->member_id = _kh_db_column_int64 (stmt, 1);
  c->scope = _kh_db_column_int (stmt, 2);
  column_day (stmt, 3, &c->given_on);
  column_day (stmt, 4, &c->expires_on);
  c->note = _kh_db_column_text (stmt, 5);
  c->recorded_by = _kh_db_column_int64 (stmt, 6);
  c->recorded_by_name = _kh_db_column_text (stmt, 7);
  c->recorded_at = _kh_db_column_time (stmt, 8);
  if (!_kh_db_column_is_null (stmt, 9))
    {
      column_day (stmt, 9, &c->withdrawn_on);
      c->withdrawn_by = _kh_db_column_int64 (stmt, 10);
      c->withdrawn_by_name = _kh_db_column_text (stmt, 11);
      c->withdrawn_at = _kh_db_column_time (stmt, 12);
    }
  return c;
}

/* Reads the person's consents recorded until `until` (Unix seconds; a
 * withdrawal counts when recorded until then too) and gives each of
 * `members` its own, oldest first. */
static gboolean
attach_consents_until (KhDb       *db,
                       gint64      client_id,
                       gint64      until,
                       GPtrArray  *members,
                       GError    **error)
{
  g_autoptr(KhDbStmt) stmt =
    _kh_db_prepare (db,
                    "SELECT c.id, c.member_id, c.scope, c.given_on, c.expires_on, c.note, c.recorded_by, "
                    "  coalesce (u.display_name, u.account), c.recorded_at, w.withdrawn_on, "
                    "  w.recorded_by, coalesce (wu.display_name, wu.account), w.recorded_at "
                    "FROM network_consents c "
                    "  LEFT JOIN network_consent_withdrawals w "
                    "    ON w.consent_id = c.id AND w.recorded_at <= ?2 "
                    "  LEFT JOIN users u ON u.id = c.recorded_by "
                    "  LEFT JOIN users wu ON wu.id = w.recorded_by "
                    "WHERE c.client_id = ?1 AND c.recorded_at <= ?2 "
                    "ORDER BY c.given_on, c.id",
                    error);
  g_autoptr(GPtrArray) consents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);

  if (stmt == NULL)
    return FALSE;
  _kh_db_bind_int64 (stmt, 1, client_id);
  _kh_db_bind_int64 (stmt, 2, until);
  if (!_kh_db_read_rows (db, stmt, consent_from_row, consents, error))
    return FALSE;
  for (guint i = 0; i < members->len; i++)
    {
      KhNetworkMember *m = g_ptr_array_index (members, i);

      g_clear_pointer (&m->consents, g_ptr_array_unref);
      m->consents = g_ptr_array_new_with_free_func (g_object_unref);
      g_hash_table_insert (by_id, &m->id, m);
    }
  for (guint i = 0; i < consents->len; i++)
    {
      KhNetworkConsent *c = g_ptr_array_index (consents, i);
      KhNetworkMember *m = g_hash_table_lookup (by_id, &c->member_id);

      if (m != NULL)
        g_ptr_array_add (m->consents, g_object_ref (c));
    }
  return TRUE;
}

/* The network's logged reading (_kh_db_read_logged): what 15, on a server
 * through kohtaamo.log_network_access. */
static GPtrArray *
read_network (KhDb          *db,
              KhUser        *user,
              gint64         client_id,
              const char    *sql,
              gint64         param,
              KhDbRowFunc    from_row,
              GDestroyNotify free_row,
              KhDbRowsThen   then,
              gpointer       then_data,
              GError       **error)
{
  return _kh_db_read_logged (db, user, client_id, KH_ACCESS_NETWORK,
                             "SELECT kohtaamo.log_network_access (CAST (?1 AS bigint))",
                             sql, param, from_row, free_row, then, then_data, error);
}

/* After the entries as they stand: their consents, all of them. */
static gboolean
attach_consents (KhDb       *db,
                 gint64      client_id,
                 gint64      param,
                 GPtrArray  *members,
                 gpointer    data,
                 GError    **error)
{
  return attach_consents_until (db, client_id, G_MAXINT64, members, error);
}

/**
 * kh_db_list_network:
 * @with_removed: whether to list the entries removed from the network too
 *
 * Returns: (transfer full) (element-type KhNetworkMember): the person's
 *   network as it stands, by sector, distance and when added, each entry
 *   with its consents (oldest first); the read is logged once as
 *   KH_ACCESS_NETWORK. NULL with @error set: PERMISSION, NOT_FOUND.
 */
GPtrArray *
kh_db_list_network (KhDb      *db,
                    KhUser    *user,
                    gint64     client_id,
                    gboolean   with_removed,
                    GError   **error)
{
  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (KH_IS_USER (user), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_user (db, user, error))
    return NULL;
  return read_network (db, user, client_id,
                       MEMBER_COLUMNS "FROM network_member_revisions r " MEMBER_JOINS
                       "WHERE r.client_id = ?1 AND " CURRENT_REVISION " AND (?2 = 1 OR r.removed = 0) "
                       "ORDER BY r.sector, r.distance, r.member_id",
                       with_removed ? 1 : 0, member_from_row, g_object_unref, attach_consents, NULL, error);
}

/**
 * kh_db_list_network_member_history:
 *
 * Returns: (transfer full) (element-type KhNetworkMember): every revision
 *   of the person's entry @member_id, oldest first (without consents);
 *   logged once as KH_ACCESS_NETWORK. NULL with @error set: PERMISSION,
 *   NOT_FOUND (no such person; an entry of someone else gives no rows).
 */
GPtrArray *
kh_db_list_network_member_history (KhDb     *db,
                                   KhUser   *user,
                                   gint64    client_id,
                                   gint64    member_id,
                                   GError  **error)
{
  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (KH_IS_USER (user), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_user (db, user, error))
    return NULL;
  return read_network (db, user, client_id,
                       MEMBER_COLUMNS "FROM network_member_revisions r " MEMBER_JOINS
                       "WHERE r.client_id = ?1 AND r.member_id = ?2 ORDER BY r.revision",
                       member_id, member_from_row, g_object_unref, NULL, NULL, error);
}

static gpointer
version_from_row (KhDbStmt *stmt)
{
  KhNetworkVersion *v = g_new0 (KhNetworkVersion, 1);

  v->id = _kh_db_column_int64 (stmt, 0);
  v->client_id = _kh_db_column_int64 (stmt, 1);
  v->label = _kh_db_column_text (stmt, 2);
  v->taken_at = _kh_db_column_time (stmt, 3);
  v->taken_by = _kh_db_column_int64 (stmt, 4);
  v->taken_by_name = _kh_db_column_text (stmt, 5);
  v->n_members = _kh_db_column_int (stmt, 6);
  return v;
}

#define VERSION_SELECT \
  "SELECT v.id, v.client_id, v.label, v.taken_at, v.taken_by, " \
  "  coalesce (u.display_name, u.account), v.members " \
  "FROM network_versions v LEFT JOIN users u ON u.id = v.taken_by "

/**
 * kh_db_list_network_versions:
 *
 * Returns: (transfer full) (element-type KhNetworkVersion): the person's
 *   versions of the network, newest first; logged once as
 *   KH_ACCESS_NETWORK. NULL with @error set: PERMISSION, NOT_FOUND.
 */
GPtrArray *
kh_db_list_network_versions (KhDb     *db,
                             KhUser   *user,
                             gint64    client_id,
                             GError  **error)
{
  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (KH_IS_USER (user), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_user (db, user, error))
    return NULL;
  return read_network (db, user, client_id,
                       VERSION_SELECT "WHERE v.client_id = ?1 "
                       "ORDER BY v.taken_at DESC, v.id DESC",
                       0, version_from_row, (GDestroyNotify) kh_network_version_free, NULL, NULL, error);
}

/* After a version's entries (?2 the version): the version itself into
 * `data` (KhNetworkVersion **), NOT_FOUND when the person has no such
 * version; the consents recorded (and withdrawn) by when it was taken. */
static gboolean
attach_version (KhDb       *db,
                gint64      client_id,
                gint64      version_id,
                GPtrArray  *members,
                gpointer    data,
                GError    **error)
{
  KhNetworkVersion **out = data;
  g_autoptr(KhDbStmt) stmt = _kh_db_prepare (db, VERSION_SELECT "WHERE v.client_id = ?1 AND v.id = ?2", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  _kh_db_bind_int64 (stmt, 1, client_id);
  _kh_db_bind_int64 (stmt, 2, version_id);
  rc = _kh_db_step (stmt);
  if (rc == KH_DB_ROW)
    *out = version_from_row (stmt);
  else if (rc == KH_DB_DONE)
    not_found (error, _("The version of the network was not found."));
  else
    _kh_db_set_error (db, rc, error);
  _kh_db_reset (stmt);
  return *out != NULL
         && attach_consents_until (db, client_id, g_date_time_to_unix ((*out)->taken_at), members, error);
}

/**
 * kh_db_read_network_version:
 * @out_version: (out) (optional): the version itself
 *
 * Returns: (transfer full) (element-type KhNetworkMember): the entries of
 *   the person's version @version_id as they stood when it was taken, by
 *   sector, distance and when added, each with the consents recorded (and
 *   withdrawn) by then; logged once as KH_ACCESS_NETWORK. NULL with
 *   @error set: PERMISSION, NOT_FOUND (no such person or version of
 *   theirs).
 */
GPtrArray *
kh_db_read_network_version (KhDb              *db,
                            KhUser            *user,
                            gint64             client_id,
                            gint64             version_id,
                            KhNetworkVersion **out_version,
                            GError           **error)
{
  g_autoptr(KhNetworkVersion) version = NULL;
  GPtrArray *members;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (KH_IS_USER (user), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_user (db, user, error))
    return NULL;
  members = read_network (db, user, client_id,
                          MEMBER_COLUMNS "FROM network_version_members vm "
                          "  JOIN network_member_revisions r ON r.id = vm.revision_id " MEMBER_JOINS
                          "WHERE vm.client_id = ?1 AND vm.version_id = ?2 "
                          "ORDER BY r.sector, r.distance, r.member_id",
                          version_id, member_from_row, g_object_unref, attach_version, &version, error);
  if (members != NULL && out_version != NULL)
    *out_version = g_steal_pointer (&version);
  return members;
}

/* ---- writing ---- */

/* A copy of `member` cleaned and checked (INVALID with the core's first
 * problem), for the write. */
static KhNetworkMember *
clean_copy (KhNetworkMember  *member,
            GError          **error)
{
  g_autoptr(KhNetworkMember) copy = kh_network_member_copy (member);
  g_autoptr(GError) check_error = NULL;

  if (!kh_network_member_clean (copy, &check_error))
    {
      invalid_from (error, check_error);
      return NULL;
    }
  return g_steal_pointer (&copy);
}

/* Binds the entry's fields from `first` on, in the order of the tables'
 * columns: name, relation, relation_text, contact, service_id,
 * contact_person, sector, distance, tie, direction, support, note. */
static void
bind_fields (KhDbStmt        *stmt,
             int              first,
             KhNetworkMember *m)
{
  _kh_db_bind_text (stmt, first, m->name);
  _kh_db_bind_int (stmt, first + 1, m->relation);
  _kh_db_bind_text (stmt, first + 2, m->relation_text);
  _kh_db_bind_text (stmt, first + 3, m->contact);
  _kh_db_bind_id (stmt, first + 4, m->service_id);
  _kh_db_bind_text (stmt, first + 5, m->contact_person);
  _kh_db_bind_int (stmt, first + 6, m->sector);
  _kh_db_bind_int (stmt, first + 7, m->distance);
  _kh_db_bind_int (stmt, first + 8, m->tie);
  _kh_db_bind_int (stmt, first + 9, m->direction);
  _kh_db_bind_int (stmt, first + 10, m->support);
  _kh_db_bind_text (stmt, first + 11, m->note);
}

#define REVISION_INSERT \
  "INSERT INTO network_member_revisions (member_id, client_id, kind, revision, name, relation, " \
  "  relation_text, contact, service_id, contact_person, sector, distance, tie, direction, " \
  "  support, note, removed, saved_at, saved_by) "

/* The entry as stored: `m` with what the store stamped. */
static void
stamp (KhNetworkMember *m,
       KhUser          *user,
       GDateTime       *saved_at)
{
  m->saved_by = user->id;
  g_free (m->saved_by_name);
  m->saved_by_name = g_strdup (user_name (user));
  g_clear_pointer (&m->saved_at, g_date_time_unref);
  m->saved_at = saved_at;
}

/* SQLite: is `sid` a service of the directory? (A server's foreign key
 * says so by refusing.) */
static gboolean
check_service (KhDb     *db,
               gint64    sid,
               GError  **error)
{
  g_autoptr(KhDbStmt) stmt = NULL;
  int rc;

  if (sid <= 0 || kh_db_is_server (db))
    return TRUE;
  stmt = _kh_db_prepare (db, "SELECT 1 FROM services WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  _kh_db_bind_int64 (stmt, 1, sid);
  rc = _kh_db_step (stmt);
  _kh_db_reset (stmt);
  if (rc == KH_DB_ROW)
    return TRUE;
  if (rc != KH_DB_DONE)
    {
      _kh_db_set_error (db, rc, error);
      return FALSE;
    }
  return not_found (error, _("The service was not found in the directory."));
}

/**
 * kh_db_add_network_member:
 * @member: the entry to add (client, kind and the fields)
 *
 * Returns: (transfer full): the entry as stored (its id, revision 1, the
 *   cleaned texts, who saved it and when, no consents), or NULL with
 *   @error set: PERMISSION, INVALID (kh_network_member_problems' first),
 *   NOT_FOUND (no such person, or service).
 */
KhNetworkMember *
kh_db_add_network_member (KhDb             *db,
                          KhUser           *user,
                          KhNetworkMember  *member,
                          GError          **error)
{
  g_autoptr(KhNetworkMember) m = NULL;
  GError *local_error = NULL;
  gboolean own;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (KH_IS_USER (user), NULL);
  g_return_val_if_fail (KH_IS_NETWORK_MEMBER (member), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_user (db, user, error) || (m = clean_copy (member, error)) == NULL)
    return NULL;
  if (!_kh_db_tx_begin (db, &own, error))
    return NULL;
  if (check_service (db, m->service_id, &local_error))
    {
      gint64 now = _kh_db_now ();
      g_autoptr(KhDbStmt) stmt =
        _kh_db_prepare (db, kh_db_is_server (db)
                              ? "SELECT id, saved_at FROM kohtaamo.network_member_add "
                                "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14) "
                                "WHERE id IS NOT NULL"
                              : "INSERT INTO network_members (client_id, kind, created_at, created_by) "
                                "SELECT id, ?2, ?15, ?16 FROM clients WHERE id = ?1 "
                                "RETURNING id, created_at",
                        &local_error);
      int rc;

      if (stmt != NULL)
        {
          _kh_db_bind_int64 (stmt, 1, m->client_id);
          _kh_db_bind_int (stmt, 2, m->kind);
          bind_fields (stmt, 3, m);
          if (!kh_db_is_server (db))
            {
              _kh_db_bind_int64 (stmt, 15, now);
              _kh_db_bind_int64 (stmt, 16, user->id);
            }
          rc = _kh_db_step (stmt);
          if (rc == KH_DB_ROW)
            {
              m->id = _kh_db_column_int64 (stmt, 0);
              m->revision = 1;
              m->removed = FALSE;
              g_clear_pointer (&m->consents, g_ptr_array_unref);
              m->consents = g_ptr_array_new_with_free_func (g_object_unref);
              stamp (m, user, _kh_db_column_time (stmt, 1));
            }
          else if (rc == KH_DB_DONE)
            not_found (&local_error, _("The person was not found."));
          else
            _kh_db_set_error (db, rc, &local_error);
          _kh_db_reset (stmt);
        }
      if (local_error == NULL && !kh_db_is_server (db))
        {
          g_autoptr(KhDbStmt) rev =
            _kh_db_prepare (db, REVISION_INSERT "VALUES (?1, ?2, ?15, 1, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
                                "?10, ?11, ?12, ?13, ?14, 0, ?16, ?17)",
                            &local_error);

          if (rev != NULL)
            {
              _kh_db_bind_int64 (rev, 1, m->id);
              _kh_db_bind_int64 (rev, 2, m->client_id);
              bind_fields (rev, 3, m);
              _kh_db_bind_int (rev, 15, m->kind);
              _kh_db_bind_int64 (rev, 16, now);
              _kh_db_bind_int64 (rev, 17, user->id);
              _kh_db_step_done (db, rev, &local_error);
            }
        }
    }
  if (!_kh_db_tx_finish (db, own, local_error, error))
    return NULL;
  g_free (m->service_name);
  m->service_name = NULL;
  return g_steal_pointer (&m);
}

/* SQLite: the entry's newest revision and whether it is removed; FALSE
 * with NOT_FOUND when the person has no such entry. */
static gboolean
read_current (KhDb      *db,
              gint64     member_id,
              gint64     client_id,
              int       *out_revision,
              gboolean  *out_removed,
              GError   **error)
{
  g_autoptr(KhDbStmt) stmt =
    _kh_db_prepare (db, "SELECT revision, removed FROM network_member_revisions "
                        "WHERE member_id = ?1 AND client_id = ?2 ORDER BY revision DESC LIMIT 1",
                    error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  _kh_db_bind_int64 (stmt, 1, member_id);
  _kh_db_bind_int64 (stmt, 2, client_id);
  rc = _kh_db_step (stmt);
  if (rc == KH_DB_ROW)
    {
      *out_revision = _kh_db_column_int (stmt, 0);
      *out_removed = _kh_db_column_int (stmt, 1) != 0;
    }
  else if (rc == KH_DB_DONE)
    not_found (error, _("The entry of the network was not found."));
  else
    _kh_db_set_error (db, rc, error);
  _kh_db_reset (stmt);
  return rc == KH_DB_ROW;
}

static gboolean
stale (GError  **error,
       int       why)       /* 1: another revision came, 2: removed */
{
  if (why == 2)
    g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                         _("The entry has been removed from the network."));
  else
    g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_STALE,
                         _("Someone else changed this entry of the network meanwhile. Open it again to see their changes."));
  return FALSE;
}

/* The next revision of the entry `m` (m->revision: the one edited). */
static KhNetworkMember *
save_revision (KhDb             *db,
               KhUser           *user,
               KhNetworkMember  *member,
               gboolean          removed,
               GError          **error)
{
  g_autoptr(KhNetworkMember) m = NULL;
  GError *local_error = NULL;
  gboolean own;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (KH_IS_USER (user), NULL);
  g_return_val_if_fail (KH_IS_NETWORK_MEMBER (member), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_user (db, user, error) || (m = clean_copy (member, error)) == NULL)
    return NULL;
  if (m->id <= 0 || m->revision <= 0)
    {
      not_found (error, _("The entry of the network was not found."));
      return NULL;
    }
  if (!_kh_db_tx_begin (db, &own, error))
    return NULL;
  if (!kh_db_is_server (db))
    {
      int current = 0;
      gboolean was_removed = FALSE;

      if (read_current (db, m->id, m->client_id, &current, &was_removed, &local_error)
          && check_service (db, m->service_id, &local_error))
        {
          if (was_removed)
            stale (&local_error, 2);
          else if (current != m->revision)
            stale (&local_error, 1);
        }
    }
  if (local_error == NULL)
    {
      gint64 now = _kh_db_now ();
      /* ?1 entry, ?2 person, ?3 the new revision, ?4–?15 the fields, ?16
       * removed; ?17 now, ?18 user (the server takes both itself). */
      g_autoptr(KhDbStmt) stmt =
        _kh_db_prepare (db, kh_db_is_server (db)
                              ? "SELECT saved_at, stale FROM kohtaamo.network_member_save "
                                "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16) "
                                "WHERE saved_at IS NOT NULL OR stale > 0"
                              : REVISION_INSERT "SELECT m.id, m.client_id, m.kind, ?3, ?4, ?5, ?6, ?7, ?8, "
                                "  ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18 "
                                "FROM network_members m WHERE m.id = ?1 AND m.client_id = ?2 "
                                "RETURNING saved_at, 0",
                        &local_error);
      int rc;

      if (stmt != NULL)
        {
          _kh_db_bind_int64 (stmt, 1, m->id);
          _kh_db_bind_int64 (stmt, 2, m->client_id);
          _kh_db_bind_int (stmt, 3, m->revision + 1);
          bind_fields (stmt, 4, m);
          _kh_db_bind_int (stmt, 16, removed ? 1 : 0);
          if (!kh_db_is_server (db))
            {
              _kh_db_bind_int64 (stmt, 17, now);
              _kh_db_bind_int64 (stmt, 18, user->id);
            }
          rc = _kh_db_step (stmt);
          if (rc == KH_DB_ROW && _kh_db_column_int (stmt, 1) > 0)
            stale (&local_error, _kh_db_column_int (stmt, 1));
          else if (rc == KH_DB_ROW)
            {
              m->revision++;
              m->removed = removed;
              stamp (m, user, _kh_db_column_time (stmt, 0));
            }
          else if (rc == KH_DB_DONE)
            not_found (&local_error, _("The entry of the network was not found."));
          else
            _kh_db_set_error (db, rc, &local_error);
          _kh_db_reset (stmt);
        }
    }
  if (!_kh_db_tx_finish (db, own, local_error, error))
    return NULL;
  return g_steal_pointer (&m);
}

/**
 * kh_db_save_network_member:
 * @member: the entry as read (id, client, kind, revision) with the fields
 *   changed
 *
 * Saves the entry's next revision; the earlier ones stay as its history.
 *
 * Returns: (transfer full): the entry as stored (revision one higher), or
 *   NULL with @error set: PERMISSION, INVALID (the core's checks, or the
 *   entry was removed), STALE (someone saved another revision after
 *   @member's), NOT_FOUND.
 */
KhNetworkMember *
kh_db_save_network_member (KhDb             *db,
                           KhUser           *user,
                           KhNetworkMember  *member,
                           GError          **error)
{
  return save_revision (db, user, member, FALSE, error);
}

/**
 * kh_db_remove_network_member:
 * @member: the entry as read (id, client, kind, revision)
 *
 * Removes the entry from the network: a last revision marked removed,
 * nothing deleted (the versions that hold it keep it).
 *
 * Returns: (transfer full): the entry as stored, removed; NULL with
 *   @error set as kh_db_save_network_member.
 */
KhNetworkMember *
kh_db_remove_network_member (KhDb             *db,
                             KhUser           *user,
                             KhNetworkMember  *member,
                             GError          **error)
{
  return save_revision (db, user, member, TRUE, error);
}

/**
 * kh_db_record_network_consent:
 * @consent: what to record (member, scope, given_on, expires_on, note)
 *
 * Returns: (transfer full): the consent as stored (its id, the cleaned
 *   note, who recorded it and when), or NULL with @error set:
 *   PERMISSION, INVALID (kh_network_consent_check), NOT_FOUND (the person
 *   has no such entry).
 */
KhNetworkConsent *
kh_db_record_network_consent (KhDb              *db,
                              KhUser            *user,
                              gint64             client_id,
                              KhNetworkConsent  *consent,
                              GError           **error)
{
  g_autoptr(KhNetworkConsent) c = NULL;
  g_autoptr(GError) check_error = NULL;
  g_autofree char *note = NULL;
  g_autofree char *given = NULL;
  g_autofree char *expires = NULL;
  GError *local_error = NULL;
  gboolean own;
  GDate day;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (KH_IS_USER (user), NULL);
  g_return_val_if_fail (KH_IS_NETWORK_CONSENT (consent), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_user (db, user, error))
    return NULL;
  today (&day);
  if (!kh_network_consent_check (consent, &day, &note, &check_error))
    {
      invalid_from (error, check_error);
      return NULL;
    }
  given = kh_network_format_day (&consent->given_on);
  expires = kh_network_format_day (&consent->expires_on);
  if (!_kh_db_tx_begin (db, &own, error))
    return NULL;

  {
    /* ?1 entry, ?2 person, ?3 scope, ?4 given, ?5 expires, ?6 note; ?7
     * now, ?8 user (the server takes both itself). */
    g_autoptr(KhDbStmt) stmt =
      _kh_db_prepare (db, kh_db_is_server (db)
                            ? "SELECT id, recorded_at FROM kohtaamo.network_consent_record "
                              "(?1, ?2, ?3, ?4, ?5, ?6) WHERE id IS NOT NULL"
                            : "INSERT INTO network_consents (member_id, client_id, scope, given_on, "
                              "  expires_on, note, recorded_at, recorded_by) "
                              "SELECT id, client_id, ?3, ?4, ?5, ?6, ?7, ?8 FROM network_members "
                              "WHERE id = ?1 AND client_id = ?2 RETURNING id, recorded_at",
                      &local_error);
    int rc;

    if (stmt != NULL)
      {
        _kh_db_bind_int64 (stmt, 1, consent->member_id);
        _kh_db_bind_int64 (stmt, 2, client_id);
        _kh_db_bind_int (stmt, 3, consent->scope);
        _kh_db_bind_text (stmt, 4, given);
        _kh_db_bind_text (stmt, 5, expires);
        _kh_db_bind_text (stmt, 6, note);
        if (!kh_db_is_server (db))
          {
            _kh_db_bind_int64 (stmt, 7, _kh_db_now ());
            _kh_db_bind_int64 (stmt, 8, user->id);
          }
        rc = _kh_db_step (stmt);
        if (rc == KH_DB_ROW)
          {
            c = kh_network_consent_copy (consent);
            c->id = _kh_db_column_int64 (stmt, 0);
            g_clear_pointer (&c->recorded_at, g_date_time_unref);
            c->recorded_at = _kh_db_column_time (stmt, 1);
            g_free (c->note);
            c->note = g_steal_pointer (&note);
            c->recorded_by = user->id;
            g_free (c->recorded_by_name);
            c->recorded_by_name = g_strdup (user_name (user));
          }
        else if (rc == KH_DB_DONE)
          not_found (&local_error, _("The entry of the network was not found."));
        else
          _kh_db_set_error (db, rc, &local_error);
        _kh_db_reset (stmt);
      }
  }
  if (!_kh_db_tx_finish (db, own, local_error, error))
    return NULL;
  return g_steal_pointer (&c);
}

/* SQLite: the consent's day given and its withdrawal, as stored, into
 * `c`; NOT_FOUND when the person has no such consent. */
static gboolean
read_consent (KhDb              *db,
              gint64             client_id,
              KhNetworkConsent  *c,
              GError           **error)
{
  g_autoptr(KhDbStmt) stmt =
    _kh_db_prepare (db, "SELECT c.given_on, w.withdrawn_on FROM network_consents c "
                        "  LEFT JOIN network_consent_withdrawals w ON w.consent_id = c.id "
                        "WHERE c.id = ?1 AND c.client_id = ?2",
                    error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  _kh_db_bind_int64 (stmt, 1, c->id);
  _kh_db_bind_int64 (stmt, 2, client_id);
  rc = _kh_db_step (stmt);
  if (rc == KH_DB_ROW)
    {
      column_day (stmt, 0, &c->given_on);
      column_day (stmt, 1, &c->withdrawn_on);
    }
  else if (rc == KH_DB_DONE)
    not_found (error, _("The consent was not found."));
  else
    _kh_db_set_error (db, rc, error);
  _kh_db_reset (stmt);
  return rc == KH_DB_ROW;
}

/**
 * kh_db_withdraw_network_consent:
 * @consent: the consent as read
 * @withdrawn_on: the day the client withdrew it
 *
 * Records the withdrawal beside the consent, which stays as it was given.
 *
 * Returns: (transfer full): the consent with its withdrawal, or NULL
 *   with @error set: PERMISSION, INVALID (kh_network_withdrawal_check,
 *   or withdrawn already), NOT_FOUND.
 */
KhNetworkConsent *
kh_db_withdraw_network_consent (KhDb              *db,
                                KhUser            *user,
                                gint64             client_id,
                                KhNetworkConsent  *consent,
                                const GDate       *withdrawn_on,
                                GError           **error)
{
  g_autoptr(KhNetworkConsent) c = NULL;
  g_autofree char *day_text = NULL;
  GError *local_error = NULL;
  gboolean own;
  GDate day;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (KH_IS_USER (user), NULL);
  g_return_val_if_fail (KH_IS_NETWORK_CONSENT (consent), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_user (db, user, error))
    return NULL;
  c = kh_network_consent_copy (consent);
  today (&day);
  day_text = kh_network_format_day (withdrawn_on);
  if (!_kh_db_tx_begin (db, &own, error))
    return NULL;
  /* On SQLite the stored consent decides; a server's trigger and key
   * decide there, and the caller's copy gives the message first. */
  if (kh_db_is_server (db) || read_consent (db, client_id, c, &local_error))
    {
      g_autoptr(GError) check_error = NULL;

      if (!kh_network_withdrawal_check (c, withdrawn_on, &day, &check_error))
        invalid_from (&local_error, check_error);
    }
  if (local_error == NULL)
    {
      g_autoptr(KhDbStmt) stmt =
        _kh_db_prepare (db, kh_db_is_server (db)
                              ? "SELECT recorded_at FROM kohtaamo.network_consent_withdraw (?1, ?2, ?3) "
                                "WHERE recorded_at IS NOT NULL"
                              : "INSERT INTO network_consent_withdrawals (consent_id, client_id, "
                                "  withdrawn_on, recorded_at, recorded_by) "
                                "SELECT id, client_id, ?3, ?4, ?5 FROM network_consents "
                                "WHERE id = ?1 AND client_id = ?2 RETURNING recorded_at",
                        &local_error);
      int rc;

      if (stmt != NULL)
        {
          _kh_db_bind_int64 (stmt, 1, c->id);
          _kh_db_bind_int64 (stmt, 2, client_id);
          _kh_db_bind_text (stmt, 3, day_text);
          if (!kh_db_is_server (db))
            {
              _kh_db_bind_int64 (stmt, 4, _kh_db_now ());
              _kh_db_bind_int64 (stmt, 5, user->id);
            }
          rc = _kh_db_step (stmt);
          if (rc == KH_DB_ROW)
            {
              c->withdrawn_on = *withdrawn_on;
              c->withdrawn_at = _kh_db_column_time (stmt, 0);
              c->withdrawn_by = user->id;
              c->withdrawn_by_name = g_strdup (user_name (user));
            }
          else if (rc == KH_DB_DONE)
            not_found (&local_error, _("The consent was not found."));
          else if (_kh_db_is_unique_violation (db, rc))
            g_set_error_literal (&local_error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                                 _("The consent has already been withdrawn."));
          else
            _kh_db_set_error (db, rc, &local_error);
          _kh_db_reset (stmt);
        }
    }
  if (!_kh_db_tx_finish (db, own, local_error, error))
    return NULL;
  return g_steal_pointer (&c);
}

/**
 * kh_db_take_network_version:
 * @label: what the version is for ("Asiakassuunnitelman tarkistus 12/2026")
 *
 * Takes a dated version of the person's network as it stands: the entries
 * not removed, each at its newest revision. Never changed afterwards.
 *
 * Returns: (transfer full): the version (id, when, by whom, how many
 *   entries), or NULL with @error set: PERMISSION, INVALID (the label),
 *   NOT_FOUND.
 */
KhNetworkVersion *
kh_db_take_network_version (KhDb        *db,
                            KhUser      *user,
                            gint64       client_id,
                            const char  *label,
                            GError     **error)
{
  g_autoptr(KhNetworkVersion) v = NULL;
  g_autoptr(GError) check_error = NULL;
  g_autofree char *clean = NULL;
  GError *local_error = NULL;
  gboolean own;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (KH_IS_USER (user), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_user (db, user, error))
    return NULL;
  if (!kh_network_version_check_label (label, &clean, &check_error))
    {
      invalid_from (error, check_error);
      return NULL;
    }
  if (!_kh_db_tx_begin (db, &own, error))
    return NULL;

  {
    /* SQLite: in this write transaction nothing changes between the count
     * and the rows. ?1 person, ?2 label, ?3 now, ?4 user. */
    g_autoptr(KhDbStmt) stmt =
      _kh_db_prepare (db, kh_db_is_server (db)
                            ? "SELECT id, taken_at, members FROM kohtaamo.network_version_take (?1, ?2) "
                              "WHERE id IS NOT NULL"
                            : "INSERT INTO network_versions (client_id, label, members, taken_at, taken_by) "
                              "SELECT c.id, ?2, (SELECT count (*) FROM network_member_revisions r "
                              "  WHERE r.client_id = c.id AND r.removed = 0 AND " CURRENT_REVISION "), "
                              "  ?3, ?4 FROM clients c WHERE c.id = ?1 "
                              "RETURNING id, taken_at, members",
                      &local_error);
    int rc;

    if (stmt != NULL)
      {
        _kh_db_bind_int64 (stmt, 1, client_id);
        _kh_db_bind_text (stmt, 2, clean);
        if (!kh_db_is_server (db))
          {
            _kh_db_bind_int64 (stmt, 3, _kh_db_now ());
            _kh_db_bind_int64 (stmt, 4, user->id);
          }
        rc = _kh_db_step (stmt);
        if (rc == KH_DB_ROW)
          {
            v = g_new0 (KhNetworkVersion, 1);
            v->id = _kh_db_column_int64 (stmt, 0);
            v->client_id = client_id;
            v->label = g_steal_pointer (&clean);
            v->taken_at = _kh_db_column_time (stmt, 1);
            v->taken_by = user->id;
            v->taken_by_name = g_strdup (user_name (user));
            v->n_members = _kh_db_column_int (stmt, 2);
          }
        else if (rc == KH_DB_DONE)
          not_found (&local_error, _("The person was not found."));
        else
          _kh_db_set_error (db, rc, &local_error);
        _kh_db_reset (stmt);
      }
  }
  if (v != NULL && !kh_db_is_server (db))
    {
      g_autoptr(KhDbStmt) stmt =
        _kh_db_prepare (db, "INSERT INTO network_version_members (version_id, revision_id, client_id) "
                            "SELECT ?1, r.id, r.client_id FROM network_member_revisions r "
                            "WHERE r.client_id = ?2 AND r.removed = 0 AND " CURRENT_REVISION " "
                            "ORDER BY r.member_id",
                        &local_error);

      if (stmt != NULL)
        {
          _kh_db_bind_int64 (stmt, 1, v->id);
          _kh_db_bind_int64 (stmt, 2, client_id);
          _kh_db_step_done (db, stmt, &local_error);
        }
    }
  if (!_kh_db_tx_finish (db, own, local_error, error))
    return NULL;
  return g_steal_pointer (&v);
}
