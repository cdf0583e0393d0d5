/* kh-db.c — statements, transactions and the helpers every aggregate uses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whatever the engine: the aggregates (kh-db-clients.c …) reach their
 * engine only through what is here. The SQLite engine is kh-db-sqlite.c.
 */
#define G_LOG_DOMAIN "kohtaamo-store"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <gmodule.h>

#include <glib/gi18n-lib.h>

#include "core/kh-log-chain.h"
#include "core/kh-text.h"
#include "store/kh-db-private.h"

/* ---- errors ----
 *
 * An extended error domain (GLib 2.68): a refusal can name the record it
 * is about, for the window to say which. */

typedef struct
{
  gint64 appointment_id;
} KhStoreErrorPrivate;

static void
kh_store_error_private_init (KhStoreErrorPrivate *priv)
{
  priv->appointment_id = 0;
}

static void
kh_store_error_private_copy (const KhStoreErrorPrivate *src,
                             KhStoreErrorPrivate       *dest)
{
  dest->appointment_id = src->appointment_id;
}

static void
kh_store_error_private_clear (KhStoreErrorPrivate *priv)
{
}

G_DEFINE_EXTENDED_ERROR (KhStoreError, kh_store_error)

gint64
kh_store_error_get_appointment_id (const GError *error)
{
  KhStoreErrorPrivate *priv;

  if (error == NULL || error->domain != KH_STORE_ERROR)
    return 0;
  priv = kh_store_error_get_private (error);
  return priv != NULL ? priv->appointment_id : 0;
}

void
_kh_store_error_set_appointment_id (GError *error,
                                    gint64  appointment_id)
{
  KhStoreErrorPrivate *priv;

  g_return_if_fail (error != NULL && error->domain == KH_STORE_ERROR);

  priv = kh_store_error_get_private (error);
  if (priv != NULL)
    priv->appointment_id = appointment_id;
}

/* ---- connections ---- */

static void
finalize_statement (gpointer data)
{
  KhDbStmt *stmt = data;

  stmt->db->engine->finalize (stmt->handle);
  g_free (stmt);
}

KhDb *
_kh_db_new (const KhDbEngine *engine,
            const char       *path)
{
  KhDb *db = g_new0 (KhDb, 1);

  db->engine = engine;
  db->path = g_strdup (path);
  db->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          finalize_statement);
  db->intake_undo_window = KH_DB_UNDO_SECONDS;
  return db;
}

void
kh_db_close (KhDb *db)
{
  if (db == NULL)
    return;

  if (db->handle != NULL && db->engine->in_transaction (db))
    db->engine->exec (db, "ROLLBACK");
  /* Statements first: an engine may refuse to close while any is alive. */
  g_clear_pointer (&db->statements, g_hash_table_unref);
  if (db->handle != NULL)
    db->engine->close (db);
  g_clear_pointer (&db->calendar, kh_calendar_unref);
  g_clear_pointer (&db->work_list_seen, g_hash_table_unref);
  g_clear_pointer (&db->intake_undo, g_hash_table_unref);
  g_clear_pointer (&db->log_seen, g_hash_table_unref);
  g_clear_pointer (&db->pending_log, g_array_unref);
  g_free (db->path);
  g_free (db);
}

/**
 * kh_db_open:
 *
 * kh_db_open_full() with %KH_DB_OPEN_CREATE: the application's opening.
 */
KhDb *
kh_db_open (const char  *location,
            GError     **error)
{
  return kh_db_open_full (location, KH_DB_OPEN_CREATE, error);
}

/**
 * kh_db_open_full:
 * @location: the database file, or a PostgreSQL server (a postgresql:// URL,
 *   a libpq connection string or service=NAME: kh_db_location_is_server)
 *
 * Opens the database. A file is treated as @flags say (kh-db-sqlite.c). A
 * server's database must have been set up (kohtaamo-admin server init) and
 * be as new as this build knows: a worker's login may not change its schema,
 * so @flags do not apply there.
 *
 * Returns: (transfer full): the database, or %NULL with @error set (on a
 *   server also PERMISSION for a login refused, UNAVAILABLE for a server
 *   not reached).
 */
/**
 * kh_db_location_is_server:
 * @location: what the database setting says
 *
 * Returns: whether @location names a PostgreSQL server (a postgresql:// or
 *   postgres:// URL, a libpq key=value string, service=NAME) rather than a
 *   SQLite file (DESIGN.md, "Two engines, one store").
 */
gboolean
kh_db_location_is_server (const char *location)
{
  const char *p;

  if (location == NULL)
    return FALSE;
  if (g_str_has_prefix (location, "postgresql://") || g_str_has_prefix (location, "postgres://"))
    return TRUE;
  /* key=value: a word of letters and underscores, then '=', and no '/'
   * before it (a path may contain '='). */
  for (p = location; *p == ' '; p++)
    ;
  if (!g_ascii_isalpha (*p))
    return FALSE;
  while (g_ascii_isalnum (*p) || *p == '_')
    p++;
  while (*p == ' ')
    p++;
  return *p == '=';
}

/* The keys of a connection string that are shown, in this order. */
static const char * const shown_keys[] = { "host", "hostaddr", "port", "dbname", "user", "service" };

static void
shown_put (GHashTable *values,
           const char *key,
           const char *value)
{
  for (guint i = 0; i < G_N_ELEMENTS (shown_keys); i++)
    if (g_str_equal (key, shown_keys[i]) && value != NULL && value[0] != '\0')
      g_hash_table_insert (values, (gpointer) shown_keys[i], g_strdup (value));
}

/* key=value pairs, as libpq reads them: spaces around '=', a value in
 * single quotes with \' and \\ inside. FALSE when they cannot be read. */
static gboolean
parse_key_values (const char *conninfo,
                  GHashTable *values)
{
  const char *p = conninfo;

  for (;;)
    {
      g_autofree char *key = NULL;
      g_autoptr(GString) value = g_string_new (NULL);
      const char *start;

      while (g_ascii_isspace (*p))
        p++;
      if (*p == '\0')
        return TRUE;
      for (start = p; *p != '\0' && *p != '=' && !g_ascii_isspace (*p); p++)
        ;
      key = g_strndup (start, p - start);
      while (g_ascii_isspace (*p))
        p++;
      if (*p != '=' || key[0] == '\0')
        return FALSE;
      p++;
      while (g_ascii_isspace (*p))
        p++;
      if (*p == '\'')
        {
          for (p++; *p != '\''; p++)
            {
              if (*p == '\\' && p[1] != '\0')
                p++;
              if (*p == '\0')
                return FALSE;
              g_string_append_c (value, *p);
            }
          p++;
        }
      else
        {
          for (; *p != '\0' && !g_ascii_isspace (*p); p++)
            {
              if (*p == '\\' && p[1] != '\0')
                p++;
              g_string_append_c (value, *p);
            }
        }
      shown_put (values, key, value->str);
    }
}

/* A percent-encoded part of a URL, or NULL when it is not valid. */
static char *
unescape (const char *start,
          const char *end)
{
  return g_uri_unescape_segment (start, end, NULL);
}

/* postgresql://[user[:password]@][host[:port][,…]][/dbname][?key=value&…] */
static gboolean
parse_url (const char *conninfo,
           GHashTable *values)
{
  const char *p = strstr (conninfo, "://") + 3;
  const char *end = p + strcspn (p, "/?");
  const char *at = NULL;
  g_autoptr(GString) hosts = g_string_new (NULL);
  g_autoptr(GString) ports = g_string_new (NULL);
  gboolean any_port = FALSE;
  g_auto(GStrv) specs = NULL;

  for (const char *q = p; q < end; q++)
    if (*q == '@')
      at = q;
  if (at != NULL)
    {
      const char *colon = memchr (p, ':', at - p);
      g_autofree char *user = unescape (p, colon != NULL ? colon : at);

      if (user == NULL)
        return FALSE;
      shown_put (values, "user", user);
      p = at + 1;
    }

  /* Hosts, each with its port: "[::1]:5432,db2:5433". */
  {
    g_autofree char *spec = g_strndup (p, end - p);

    specs = g_strsplit (spec, ",", -1);
  }
  for (guint i = 0; specs[i] != NULL && (specs[i][0] != '\0' || specs[1] != NULL); i++)
    {
      char *host = specs[i];
      char *port = NULL;
      g_autofree char *host_value = NULL;

      if (host[0] == '[')
        {
          char *close = strchr (host, ']');

          if (close == NULL)
            return FALSE;
          *close = '\0';
          host++;
          if (close[1] == ':')
            port = close + 2;
        }
      else if ((port = strchr (host, ':')) != NULL)
        *port++ = '\0';
      host_value = unescape (host, NULL);
      if (host_value == NULL)
        return FALSE;
      g_string_append_printf (hosts, "%s%s", i > 0 ? "," : "", host_value);
      g_string_append_printf (ports, "%s%s", i > 0 ? "," : "", port != NULL ? port : "");
      any_port |= port != NULL && port[0] != '\0';
    }
  shown_put (values, "host", hosts->str);
  if (any_port)
    shown_put (values, "port", ports->str);

  p = end;
  if (*p == '/')
    {
      const char *db_end = p + 1 + strcspn (p + 1, "?");
      g_autofree char *dbname = unescape (p + 1, db_end);

      if (dbname == NULL)
        return FALSE;
      shown_put (values, "dbname", dbname);
      p = db_end;
    }
  if (*p == '?')
    {
      g_auto(GStrv) params = g_strsplit (p + 1, "&", -1);

      for (guint i = 0; params[i] != NULL; i++)
        {
          char *eq = strchr (params[i], '=');
          g_autofree char *key = NULL;
          g_autofree char *value = NULL;

          if (eq == NULL)
            return FALSE;
          key = unescape (params[i], eq);
          value = unescape (eq + 1, NULL);
          if (key == NULL || value == NULL)
            return FALSE;
          shown_put (values, key, value);
        }
    }
  return TRUE;
}

/**
 * kh_db_pg_display_location:
 * @conninfo: a server's location (a URL or key=value pairs)
 *
 * The location as it may be shown in the window or printed by
 * kohtaamo-admin: the servers, the port, the database, the role and the
 * service name, never a password or any other setting. Read here, not by
 * libpq, so that the application needs libpq only once it connects.
 *
 * Returns: (transfer full): "host=… port=… dbname=… user=…", or
 *   "PostgreSQL" when nothing of that can be read.
 */
char *
kh_db_pg_display_location (const char *conninfo)
{
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  GString *out = g_string_new (NULL);
  gboolean ok;

  g_return_val_if_fail (conninfo != NULL, g_string_free (out, FALSE));

  if (g_str_has_prefix (conninfo, "postgresql://") || g_str_has_prefix (conninfo, "postgres://"))
    ok = parse_url (conninfo, values);
  else
    ok = parse_key_values (conninfo, values);
  for (guint i = 0; ok && i < G_N_ELEMENTS (shown_keys); i++)
    {
      const char *value = g_hash_table_lookup (values, shown_keys[i]);

      if (value != NULL)
        g_string_append_printf (out, "%s%s=%s", out->len > 0 ? " " : "", shown_keys[i], value);
    }
  if (out->len == 0)
    g_string_append (out, "PostgreSQL");
  return g_string_free (out, FALSE);
}

/* The PostgreSQL engine (kh-db-pg.c). kohtaamo-admin and the tests link it
 * in. The application does not: it loads it as a module (kohtaamo-pg, in
 * PKGLIBDIR) the first time a server is opened, so that a desk on SQLite
 * does not load libpq and the TLS, Kerberos and LDAP libraries behind it at
 * every start (measured: about 13 ms of each process start, a sixth of
 * what Kohtaamo adds to a bare window's first frame). The weak reference is
 * NULL where the engine is not linked in. */
#pragma weak _kh_db_pg_open

typedef KhDb *(*KhDbPgOpenFunc) (const char  *conninfo,
                                 gboolean     read_only,
                                 GError     **error);

static KhDbPgOpenFunc
load_pg_engine (GError **error)
{
  static GMutex lock;
  static KhDbPgOpenFunc open_func;
  static char *failure;
  KhDbPgOpenFunc result;

  if (_kh_db_pg_open != NULL)
    return _kh_db_pg_open;

  g_mutex_lock (&lock);
  if (open_func == NULL && failure == NULL)
    {
      /* KOHTAAMO_MODULEDIR, when set, is the only place looked at. */
      const char *env = g_getenv ("KOHTAAMO_MODULEDIR");
      const char *dirs[] = { env != NULL ? env : PKGLIBDIR, env != NULL ? NULL : BUILD_MODULEDIR };
      g_autoptr(GString) reasons = g_string_new (NULL);

      for (guint i = 0; i < G_N_ELEMENTS (dirs) && open_func == NULL; i++)
        {
          g_autofree char *path = NULL;
          GModule *module;
          gpointer symbol = NULL;

          if (dirs[i] == NULL)
            continue;
          path = g_module_build_path (dirs[i], "kohtaamo-pg");
          if (!g_file_test (path, G_FILE_TEST_EXISTS))
            {
              g_string_append_printf (reasons, "%s%s: %s", reasons->len > 0 ? "; " : "",
                                      path, g_strerror (ENOENT));
              continue;
            }
          module = g_module_open (path, G_MODULE_BIND_LOCAL);
          if (module != NULL && g_module_symbol (module, "_kh_db_pg_open", &symbol) && symbol != NULL)
            {
              g_module_make_resident (module);
              open_func = (KhDbPgOpenFunc) symbol;
              g_debug ("the PostgreSQL engine: %s", path);
              break;
            }
          g_string_append_printf (reasons, "%s%s", reasons->len > 0 ? "; " : "", g_module_error ());
          if (module != NULL)
            g_module_close (module);
        }
      if (open_func == NULL)
        failure = g_string_free (g_steal_pointer (&reasons), FALSE);
    }
  result = open_func;
  if (result == NULL)
    g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_FAILED,
                 /* Translators: %s is the technical reason (a file and an error) */
                 _("This installation of Kohtaamo cannot open a database on a server: its PostgreSQL module could not be loaded (%s). Ask your IT support to install Kohtaamo again."),
                 failure);
  g_mutex_unlock (&lock);

  return result;
}

static KhDb *
open_on_server (const char  *location,
                gboolean     read_only,
                GError     **error)
{
  KhDbPgOpenFunc open_func = load_pg_engine (error);

  return open_func != NULL ? open_func (location, read_only, error) : NULL;
}

KhDb *
kh_db_open_full (const char     *location,
                 KhDbOpenFlags   flags,
                 GError        **error)
{
  g_return_val_if_fail (location != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (kh_db_location_is_server (location))
    return open_on_server (location, FALSE, error);
  return _kh_db_sqlite_open_full (location, flags, error);
}

/**
 * kh_db_open_read_only:
 *
 * Opens an existing, migrated database without writing to it.
 */
KhDb *
kh_db_open_read_only (const char  *location,
                      GError     **error)
{
  g_return_val_if_fail (location != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (kh_db_location_is_server (location))
    return open_on_server (location, TRUE, error);
  return _kh_db_sqlite_open_read_only (location, error);
}

const char *
kh_db_get_login (KhDb *db)
{
  g_return_val_if_fail (db != NULL, NULL);

  if (db->engine->session_account == NULL)
    return NULL;
  return db->engine->session_account (db);
}

gboolean
kh_db_is_server (KhDb *db)
{
  g_return_val_if_fail (db != NULL, FALSE);

  return db->engine->session_account != NULL;
}

/* On a server no row of a person is reachable, not even to change it,
 * before this transaction has logged the person (data/sql/pg/0001-schema.sql):
 * a write to an existing person logs it as an edit first. On SQLite the
 * write needs no read of its own. */
gboolean
_kh_db_log_before_write (KhDb     *db,
                         KhUser   *user,
                         gint64    client_id,
                         GError  **error)
{
  if (!db->engine->search_on_server || client_id <= 0)
    return TRUE;
  return _kh_db_log_access (db, user, client_id, KH_ACCESS_EDIT,
                            user->role == KH_ROLE_RECEPTION ? KH_BASIS_INTAKE
                                                            : KH_BASIS_CLIENT_RELATIONSHIP,
                            error);
}

gboolean
_kh_db_log_contact_person (KhDb          *db,
                           KhUser        *user,
                           gint64         contact_id,
                           KhAccessWhat   what,
                           KhAccessBasis  basis,
                           GError       **error)
{
  g_autoptr(KhDbStmt) stmt = NULL;
  int rc;

  if (!db->engine->search_on_server || contact_id <= 0)
    return TRUE;
  if (!_kh_db_check_session_user (db, user, error))
    return FALSE;
  stmt = _kh_db_prepare (db,
                         "SELECT kohtaamo.log_contact_access (CAST (?1 AS bigint), "
                         "CAST (?2 AS integer), CAST (?3 AS integer))",
                         error);
  if (stmt == NULL)
    return FALSE;
  _kh_db_bind_int64 (stmt, 1, contact_id);
  _kh_db_bind_int (stmt, 2, what);
  _kh_db_bind_int (stmt, 3, basis);
  rc = _kh_db_step (stmt);
  if (rc != KH_DB_ROW)
    {
      _kh_db_set_error (db, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* On a server each worker connects as their own login role: a user object
 * of someone else is refused here (and the server refuses it too). */
gboolean
_kh_db_check_session_user (KhDb     *db,
                           KhUser   *user,
                           GError  **error)
{
  const char *account;

  if (db->engine->session_account == NULL)
    return TRUE;
  account = db->engine->session_account (db);
  if (user != NULL && user->account != NULL && g_strcmp0 (user->account, account) == 0)
    return TRUE;
  g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION,
               /* Translators: %s is a login name on the database server */
               _("This connection to the database server is logged in as “%s”: it cannot act for another user."),
               account ? account : "?");
  return FALSE;
}

/**
 * kh_db_is_connected:
 *
 * Issue 6, 7: whether the connection to the server works. FALSE once an
 * operation found it lost (the server stopped, the network went, a
 * failover left it on a server that only reads): then every operation
 * fails with KH_STORE_ERROR_UNAVAILABLE, and nothing runs half on one
 * session and half on another, until kh_db_reconnect(). A file is always
 * connected.
 */
gboolean
kh_db_is_connected (KhDb *db)
{
  g_return_val_if_fail (db != NULL, FALSE);

  return db->engine->connected == NULL || db->engine->connected (db);
}

/**
 * kh_db_reconnect:
 *
 * Connects again with the same connection string, between operations
 * (never inside kh_db_begin): with several hosts and
 * target_session_attrs=read-write that is the server that is the primary
 * now. The statements prepared on the old session are dropped (they are
 * prepared again as they are used); the engine sets the new session up as
 * the first (search path, LISTEN). Does nothing when connected.
 *
 * Returns: whether the connection works now; UNAVAILABLE (or PERMISSION)
 *   when the server still cannot be reached.
 */
gboolean
kh_db_reconnect (KhDb    *db,
                 GError **error)
{
  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (kh_db_is_connected (db))
    return TRUE;
  g_return_val_if_fail (db->engine->reconnect != NULL, FALSE);
  /* The old session's transaction is gone with it. */
  db->explicit_transaction = FALSE;
  g_hash_table_remove_all (db->statements);
  g_clear_pointer (&db->calendar, kh_calendar_unref);
  return db->engine->reconnect (db, error);
}

const char *
kh_db_get_path (KhDb *db)
{
  g_return_val_if_fail (db != NULL, NULL);

  return db->path;
}

int
kh_db_get_schema_version (KhDb *db)
{
  g_return_val_if_fail (db != NULL, 0);

  return db->engine->schema_version (db);
}

/* ---- errors ---- */

void
_kh_db_set_error (KhDb    *db,
                  int      rc,
                  GError **error)
{
  db->engine->set_error (db, rc, error);
}

void
_kh_db_set_last_error (KhDb    *db,
                       GError **error)
{
  db->engine->set_error (db, db->engine->last_error_code (db), error);
}

gboolean
_kh_db_is_unique_violation (KhDb *db,
                            int   rc)
{
  return db->engine->is_unique_violation (db, rc);
}

/* ---- statements ---- */

void
_kh_db_stmt_release (KhDbStmt *stmt)
{
  if (stmt != NULL)
    stmt->db->engine->reset (stmt->handle);
}

/* `sql` with each {name} replaced by the engine's fragment of that name
 * (KhDbEngine.fragments): what the dialects say differently, inside SQL
 * written once. */
static char *
expand_fragments (KhDb       *db,
                  const char *sql)
{
  GString *out = g_string_sized_new (strlen (sql) + 64);

  for (const char *p = sql; *p != '\0'; )
    {
      const char *end = *p == '{' ? strchr (p, '}') : NULL;
      const KhDbFragment *f;

      if (end == NULL)
        {
          g_string_append_c (out, *p++);
          continue;
        }
      for (f = db->engine->fragments; f != NULL && f->name != NULL; f++)
        if (strlen (f->name) == (gsize) (end - p - 1) && strncmp (f->name, p + 1, end - p - 1) == 0)
          break;
      g_assert (f != NULL && f->name != NULL);
      g_string_append (out, f->sql);
      p = end + 1;
    }
  return g_string_free (out, FALSE);
}

KhDbStmt *
_kh_db_prepare (KhDb        *db,
                const char  *sql,
                GError     **error)
{
  KhDbStmt *stmt = g_hash_table_lookup (db->statements, sql);
  g_autofree char *expanded = NULL;
  gpointer handle;
  int rc = KH_DB_OK;

  if (stmt != NULL)
    {
      db->engine->reset (stmt->handle);
      db->engine->clear_bindings (stmt->handle);
      return stmt;
    }

  if (strchr (sql, '{') != NULL)
    expanded = expand_fragments (db, sql);
  handle = db->engine->prepare (db, expanded ? expanded : sql, &rc);
  if (handle == NULL)
    {
      _kh_db_set_error (db, rc, error);
      return NULL;
    }
  stmt = g_new (KhDbStmt, 1);
  stmt->db = db;
  stmt->handle = handle;
  g_hash_table_insert (db->statements, g_strdup (sql), stmt);
  return stmt;
}

int
_kh_db_step (KhDbStmt *stmt)
{
  return stmt->db->engine->step (stmt->handle);
}

void
_kh_db_reset (KhDbStmt *stmt)
{
  stmt->db->engine->reset (stmt->handle);
}

gint64
_kh_db_changes (KhDb *db)
{
  return db->engine->changes (db);
}

gboolean
_kh_db_step_done (KhDb      *db,
                  KhDbStmt  *stmt,
                  GError   **error)
{
  int rc = _kh_db_step (stmt);

  /* The error first: the reset must not change what the connection says. */
  if (rc != KH_DB_DONE)
    _kh_db_set_error (db, rc, error);
  _kh_db_reset (stmt);
  return rc == KH_DB_DONE;
}

gboolean
_kh_db_read_rows (KhDb         *db,
                  KhDbStmt     *stmt,
                  KhDbRowFunc   from_row,
                  GPtrArray    *rows,
                  GError      **error)
{
  int rc;

  while ((rc = _kh_db_step (stmt)) == KH_DB_ROW)
    g_ptr_array_add (rows, from_row (stmt));
  if (rc != KH_DB_DONE)
    _kh_db_set_error (db, rc, error);
  _kh_db_reset (stmt);
  return rc == KH_DB_DONE;
}

gboolean
_kh_db_exec (KhDb        *db,
             const char  *sql,
             GError     **error)
{
  int rc = db->engine->exec (db, sql);

  if (rc != KH_DB_OK)
    {
      _kh_db_set_error (db, rc, error);
      return FALSE;
    }
  return TRUE;
}

void
_kh_db_bind_int64 (KhDbStmt *stmt,
                   int       index,
                   gint64    value)
{
  stmt->db->engine->bind_int64 (stmt->handle, index, value);
}

void
_kh_db_bind_int (KhDbStmt *stmt,
                 int       index,
                 int       value)
{
  stmt->db->engine->bind_int64 (stmt->handle, index, value);
}

void
_kh_db_bind_text (KhDbStmt   *stmt,
                  int         index,
                  const char *text)
{
  if (text != NULL)
    stmt->db->engine->bind_text (stmt->handle, index, text);
  else
    stmt->db->engine->bind_null (stmt->handle, index);
}

void
_kh_db_bind_blob (KhDbStmt   *stmt,
                  int         index,
                  const void *data,
                  gsize       size)
{
  stmt->db->engine->bind_blob (stmt->handle, index, data, size);
}

void
_kh_db_bind_null (KhDbStmt *stmt,
                  int       index)
{
  stmt->db->engine->bind_null (stmt->handle, index);
}

void
_kh_db_bind_id (KhDbStmt *stmt,
                int       index,
                gint64    id)
{
  if (id > 0)
    stmt->db->engine->bind_int64 (stmt->handle, index, id);
  else
    stmt->db->engine->bind_null (stmt->handle, index);
}

gint64
_kh_db_column_int64 (KhDbStmt *stmt,
                     int       column)
{
  return stmt->db->engine->column_int64 (stmt->handle, column);
}

int
_kh_db_column_int (KhDbStmt *stmt,
                   int       column)
{
  return (int) stmt->db->engine->column_int64 (stmt->handle, column);
}

const char *
_kh_db_column_str (KhDbStmt *stmt,
                   int       column)
{
  return stmt->db->engine->column_str (stmt->handle, column);
}

char *
_kh_db_column_text (KhDbStmt *stmt,
                    int       column)
{
  const char *text = stmt->db->engine->column_str (stmt->handle, column);

  return text != NULL && text[0] != '\0' ? g_strdup (text) : NULL;
}

gboolean
_kh_db_column_is_null (KhDbStmt *stmt,
                       int       column)
{
  return stmt->db->engine->column_is_null (stmt->handle, column);
}

const void *
_kh_db_column_blob (KhDbStmt *stmt,
                    int       column,
                    gsize    *out_size)
{
  return stmt->db->engine->column_blob (stmt->handle, column, out_size);
}

int
_kh_db_column_count (KhDbStmt *stmt)
{
  return stmt->db->engine->column_count (stmt->handle);
}

GDateTime *
_kh_db_column_time (KhDbStmt *stmt,
                    int       column)
{
  if (_kh_db_column_is_null (stmt, column))
    return NULL;
  return g_date_time_new_from_unix_local (_kh_db_column_int64 (stmt, column));
}

gint64
_kh_db_now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

const char *
_kh_db_ui_language (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_has_prefix (names[i], "sv"))
        return "sv";
      if (g_str_has_prefix (names[i], "fi"))
        return "fi";
    }
  return "fi";
}

/* ---- transactions ---- */

gboolean
_kh_db_tx_begin (KhDb      *db,
                 gboolean  *own,
                 GError   **error)
{
  *own = !db->engine->in_transaction (db);
  /* SQLite's IMMEDIATE takes the write lock now, so that a read-then-write
   * transaction cannot deadlock against another writer half-way. Inside a
   * caller's transaction a savepoint keeps each operation whole. */
  return _kh_db_exec (db, *own ? db->engine->begin_sql : "SAVEPOINT kh_operation", error);
}

/* One access-log row kept by a read transaction (KhDb.pending_log). */
typedef struct {
  gint64 user_id;
  gint64 client_id;
  int    what;
  int    basis;
} KhDbPendingLog;

static gboolean write_log_row (KhDb         *db,
                               gint64        user_id,
                               gint64        client_id,
                               KhAccessWhat  what,
                               KhAccessBasis basis,
                               GError      **error);

gboolean
_kh_db_read_begin (KhDb      *db,
                   gboolean  *own,
                   GError   **error)
{
  if (db->engine->read_begin_sql == NULL && db->engine->logged_read_begin_sql != NULL
      && !db->read_only && !db->engine->in_transaction (db))
    {
      /* A server: the rows are written as the read goes, in a transaction
       * that writes nothing else. */
      *own = TRUE;
      return _kh_db_exec (db, db->engine->logged_read_begin_sql, error);
    }
  if (db->engine->read_begin_sql == NULL || db->read_only || db->engine->in_transaction (db))
    return _kh_db_tx_begin (db, own, error);

  /* query_only: a write slipped into a read fails at once, in the tests,
   * rather than taking the lock half-way through (and failing with BUSY
   * when another writer came first). */
  if (!_kh_db_exec (db, "PRAGMA query_only = 1", error))
    return FALSE;
  if (!_kh_db_exec (db, db->engine->read_begin_sql, error))
    {
      db->engine->exec (db, "PRAGMA query_only = 0");
      return FALSE;
    }
  *own = TRUE;
  db->reading = TRUE;
  if (db->pending_log == NULL)
    db->pending_log = g_array_new (FALSE, FALSE, sizeof (KhDbPendingLog));
  g_array_set_size (db->pending_log, 0);
  return TRUE;
}

gboolean
_kh_db_read_end (KhDb      *db,
                 gboolean   own,
                 gboolean   ok,
                 GError   **error)
{
  GError *local_error = NULL;
  gboolean write_own;
  gboolean written = TRUE;

  if (!db->reading || !own)
    return _kh_db_tx_end (db, own, ok, error);

  db->reading = FALSE;
  db->engine->exec (db, ok ? "COMMIT" : "ROLLBACK");
  if (db->engine->in_transaction (db))
    db->engine->exec (db, "ROLLBACK");
  db->engine->exec (db, "PRAGMA query_only = 0");
  if (!ok || db->pending_log->len == 0)
    {
      g_array_set_size (db->pending_log, 0);
      return ok;
    }

  /* The rows of what was read: their own write transaction, a few
   * inserts long. */
  if (!_kh_db_tx_begin (db, &write_own, error))
    {
      g_array_set_size (db->pending_log, 0);
      return FALSE;
    }
  for (guint i = 0; i < db->pending_log->len && written; i++)
    {
      KhDbPendingLog *row = &g_array_index (db->pending_log, KhDbPendingLog, i);

      written = write_log_row (db, row->user_id, row->client_id, row->what, row->basis,
                               &local_error);
    }
  g_array_set_size (db->pending_log, 0);
  if (!_kh_db_tx_end (db, write_own, written, &local_error))
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

gboolean
_kh_db_read_finish (KhDb      *db,
                    gboolean   own,
                    GError    *local_error,
                    GError   **error)
{
  if (!_kh_db_read_end (db, own, local_error == NULL, &local_error))
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

gboolean
_kh_db_tx_end (KhDb      *db,
               gboolean   own,
               gboolean   ok,
               GError   **error)
{
  int rc;

  if (!own)
    {
      if (!ok)
        db->engine->exec (db, "ROLLBACK TO kh_operation");
      rc = db->engine->exec (db, "RELEASE kh_operation");
      if (ok && rc != KH_DB_OK)
        {
          _kh_db_set_error (db, rc, error);
          return FALSE;
        }
      return ok;
    }
  if (ok)
    {
      rc = db->engine->exec (db, "COMMIT");
      if (rc == KH_DB_OK)
        return TRUE;
      _kh_db_set_error (db, rc, error);
    }
  if (db->engine->in_transaction (db))
    db->engine->exec (db, "ROLLBACK");
  return FALSE;
}

gboolean
_kh_db_tx_finish (KhDb      *db,
                  gboolean   own,
                  GError    *local_error,
                  GError   **error)
{
  if (!_kh_db_tx_end (db, own, local_error == NULL, &local_error))
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

/**
 * kh_db_begin:
 *
 * Opens an explicit write transaction for bulk work. Functions called inside
 * it do not commit; kh_db_commit() or kh_db_rollback() ends it.
 */
gboolean
kh_db_begin (KhDb    *db,
             GError **error)
{
  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (!db->explicit_transaction, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_kh_db_exec (db, db->engine->begin_sql, error))
    return FALSE;
  db->explicit_transaction = TRUE;
  db->fts_deferred = FALSE;
  return TRUE;
}

gboolean
kh_db_commit (KhDb    *db,
              GError **error)
{
  int rc;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (db->explicit_transaction, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* A bulk load may have deferred the search index: the engine makes it
   * whole in the same transaction, so that no committed state lacks it. */
  if (db->engine->before_commit != NULL && !db->engine->before_commit (db, error))
    {
      kh_db_rollback (db);
      return FALSE;
    }

  rc = db->engine->exec (db, "COMMIT");
  if (rc != KH_DB_OK)
    {
      _kh_db_set_error (db, rc, error);
      kh_db_rollback (db);
      return FALSE;
    }
  db->explicit_transaction = FALSE;
  return TRUE;
}

void
kh_db_rollback (KhDb *db)
{
  g_return_if_fail (db != NULL);

  if (db->engine->in_transaction (db))
    db->engine->exec (db, "ROLLBACK");
  db->explicit_transaction = FALSE;
  if (db->engine->after_rollback != NULL)
    db->engine->after_rollback (db);
  g_clear_pointer (&db->calendar, kh_calendar_unref);
}


gboolean
_kh_db_defer_search_index (KhDb    *db,
                           GError **error)
{
  if (!db->explicit_transaction || db->engine->defer_search_index == NULL)
    return TRUE;
  return db->engine->defer_search_index (db, error);
}

/* ---- sort keys and folded names (0002-sort-keys.sql) ---- */

GPtrArray *
_kh_db_fold_words (const char *text)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *decomposed = NULL;
  GString *word = g_string_new (NULL);

  /* As unicode61 with remove_diacritics 2 sees names: marks dropped after
   * decomposition (ä → a, å → a, é → e), case folded, anything but letters
   * and digits a separator ("Mäki-Petäjä" is two words). */
  decomposed = text != NULL ? g_utf8_normalize (text, -1, G_NORMALIZE_NFD) : NULL;
  for (const char *p = decomposed ? decomposed : ""; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_ismark (c))
        continue;
      if (c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, g_unichar_tolower (c));
          continue;
        }
      if (word->len > 0)
        {
          g_ptr_array_add (words, g_strdup (word->str));
          g_string_truncate (word, 0);
        }
      if (c == 0)
        break;
    }
  g_string_free (word, TRUE);
  return g_steal_pointer (&words);
}

GPtrArray *
_kh_db_name_tokens (const char *text)
{
  g_autoptr(GPtrArray) tokens = g_ptr_array_new_with_free_func (g_free);
  GString *word = g_string_new (NULL);

  for (const char *p = text ? text : ""; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && (g_unichar_isalnum (c) || g_unichar_ismark (c)))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0)
        {
          g_ptr_array_add (tokens, g_strdup (word->str));
          g_string_truncate (word, 0);
        }
      if (c == 0)
        break;
    }
  g_string_free (word, TRUE);
  return g_steal_pointer (&tokens);
}

void
_kh_db_append_name_match (KhDb      *db,
                          GString   *sql,
                          int        first_param,
                          GPtrArray *tokens,
                          gboolean   prefix,
                          GPtrArray *params)
{
  g_autoptr(GPtrArray) folded = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < tokens->len; i++)
    {
      g_autoptr(GPtrArray) words = _kh_db_fold_words (g_ptr_array_index (tokens, i));

      for (guint w = 0; w < words->len; w++)
        g_ptr_array_add (folded, g_strdup (g_ptr_array_index (words, w)));
    }
  db->engine->name_match (db, sql, first_param, tokens, folded, prefix, params);
}

char *
_kh_db_make_sort_key (const char *last_name,
                      const char *first_names)
{
  g_autofree char *last_key = kh_collate_key (last_name ? last_name : "");
  g_autofree char *first_key = kh_collate_key (first_names ? first_names : "");
  /* Each key is its primary weights, 0x01, then accents and case. */
  const char *last_rest = strchr (last_key, '\x01');
  const char *first_rest = strchr (first_key, '\x01');
  GString *key = g_string_new (NULL);

  g_assert (last_rest != NULL && first_rest != NULL);
  /* The letters of both names first, then their accents and case, so that
   * the first bytes (client_words.sort_prefix, 0014-name-words-bounded.sql)
   * hold the first names too. 0x01 sorts below every weight: a last name
   * that is the start of another sorts first ("Mäki" before "Mäkinen"). */
  g_string_append_len (key, last_key, last_rest - last_key);
  g_string_append_c (key, '\x01');
  g_string_append_len (key, first_key, first_rest - first_key);
  g_string_append (key, "\x01\x01");
  g_string_append (key, last_rest + 1);
  g_string_append_c (key, '\x01');
  g_string_append (key, first_rest + 1);
  return g_string_free (key, FALSE);
}

char *
_kh_db_make_search_text (const char  *last_name,
                         const char  *first_names,
                         GPtrArray  **out_words)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  GString *text = g_string_new (" ");
  const char *names[] = { last_name, first_names };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GPtrArray) folded = _kh_db_fold_words (names[i]);

      for (guint w = 0; w < folded->len; w++)
        {
          const char *word = g_ptr_array_index (folded, w);

          g_string_append (text, word);
          g_string_append_c (text, ' ');
          if (!g_ptr_array_find_with_equal_func (words, word, g_str_equal, NULL))
            g_ptr_array_add (words, g_strdup (word));
        }
    }
  if (out_words != NULL)
    *out_words = g_steal_pointer (&words);
  return g_string_free (text, FALSE);
}

gboolean
_kh_db_write_words (KhDb        *db,
                    gint64       client_id,
                    const char  *sort_key,
                    GPtrArray   *words,
                    gboolean     replace,
                    GError     **error)
{
  g_autoptr(KhDbStmt) stmt = NULL;

  if (!db->engine->writes_name_words)
    return TRUE;
  if (replace)
    {
      stmt = _kh_db_prepare (db, "DELETE FROM client_words WHERE client_id = ?", error);
      if (stmt == NULL)
        return FALSE;
      _kh_db_bind_int64 (stmt, 1, client_id);
      if (!_kh_db_step_done (db, stmt, error))
        return FALSE;
    }

  for (guint i = 0; i < words->len; i++)
    {
      stmt = _kh_db_prepare (db,
                             "INSERT INTO client_words (word, sort_prefix, client_id) VALUES (?, ?, ?)",
                             error);
      if (stmt == NULL)
        return FALSE;
      _kh_db_bind_text (stmt, 1, g_ptr_array_index (words, i));
      /* Only the key's start: the whole key per word made the index grow
       * with the square of the name (0014-name-words-bounded.sql). */
      _kh_db_bind_blob (stmt, 2, sort_key, MIN (strlen (sort_key), KH_DB_SORT_PREFIX_BYTES));
      _kh_db_bind_int64 (stmt, 3, client_id);
      if (!_kh_db_step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_name_keys (KhDb        *db,
                 gint64       client_id,
                 const char  *last_name,
                 const char  *first_names,
                 GError     **error)
{
  g_autofree char *sort_key = _kh_db_make_sort_key (last_name, first_names);
  g_autoptr(GPtrArray) words = NULL;
  g_autofree char *search_text = _kh_db_make_search_text (last_name, first_names, &words);
  g_autoptr(KhDbStmt) stmt = NULL;

  stmt = _kh_db_prepare (db, "UPDATE clients SET sort_key = ?, search_text = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  _kh_db_bind_blob (stmt, 1, sort_key, strlen (sort_key));
  _kh_db_bind_text (stmt, 2, search_text);
  _kh_db_bind_int64 (stmt, 3, client_id);
  if (!_kh_db_step_done (db, stmt, error))
    return FALSE;
  return _kh_db_write_words (db, client_id, sort_key, words, TRUE, error);
}

/* Makes the keys and words of every person whose sort key is NULL: after a
 * migration that needs them remade, or a name changed by another program
 * (clients_keys_stale in 0002-sort-keys.sql). */
gboolean
_kh_db_repair_name_keys (KhDb    *db,
                  GError **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(KhDbStmt) stmt = NULL;
  gboolean own;
  gboolean ok = TRUE;
  GError *local_error = NULL;
  int rc;

  stmt = _kh_db_prepare (db,
                         "SELECT id, last_name, first_names FROM clients WHERE sort_key IS NULL",
                         error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = _kh_db_step (stmt)) == KH_DB_ROW)
    {
      gint64 id = _kh_db_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
      g_ptr_array_add (names, g_strdup (_kh_db_column_str (stmt, 1)));
      g_ptr_array_add (names, g_strdup (_kh_db_column_str (stmt, 2)));
    }
  g_clear_pointer (&stmt, _kh_db_stmt_release);
  if (rc != KH_DB_DONE)
    {
      _kh_db_set_error (db, rc, error);
      return FALSE;
    }
  if (ids->len == 0)
    return TRUE;

  g_debug ("Making the name keys of %u people", ids->len);
  if (!_kh_db_tx_begin (db, &own, error))
    return FALSE;
  for (guint i = 0; i < ids->len && ok; i++)
    ok = write_name_keys (db, g_array_index (ids, gint64, i),
                                 g_ptr_array_index (names, 2 * i),
                                 g_ptr_array_index (names, 2 * i + 1), &local_error);
  if (!_kh_db_tx_end (db, own, ok, &local_error))
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

/* ---- access-log and role helpers shared by the aggregates ---- */

/* The acting user as the users table has them now (issue 6, 5): a user
 * deactivated while their window is open loses access at their next
 * operation, and a KhUser made up by the caller (an id that is not there,
 * another account's id, a role the table does not give) gets nothing. One
 * lookup by primary key per operation: the check costs microseconds beside
 * the read it guards (see tests/store/test-leaks.c, "check-cost"). */
gboolean
_kh_db_check_role (KhDb     *db,
                   KhUser   *user,
                   KhRole    role,
                   GError  **error)
{
  g_autoptr(KhDbStmt) stmt = NULL;
  const char *problem = NULL;
  int rc;

  g_return_val_if_fail (db != NULL, FALSE);

  /* On a server, the connection's login role first. */
  if (!_kh_db_check_session_user (db, user, error))
    return FALSE;
  if (user == NULL || user->id <= 0)
    problem = _("Your user account is not known to this database. Close Kohtaamo and open it again.");
  else
    {
      stmt = _kh_db_prepare (db, "SELECT account, role, active FROM users WHERE id = ?", error);
      if (stmt == NULL)
        return FALSE;
      _kh_db_bind_int64 (stmt, 1, user->id);
      rc = _kh_db_step (stmt);
      if (rc != KH_DB_ROW && rc != KH_DB_DONE)
        {
          _kh_db_set_error (db, rc, error);
          return FALSE;
        }
      if (rc == KH_DB_DONE || g_strcmp0 (_kh_db_column_str (stmt, 0), user->account) != 0)
        problem = _("Your user account is not known to this database. Close Kohtaamo and open it again.");
      else if (_kh_db_column_int (stmt, 2) == 0 || !user->active)
        problem = _("Your user account has been disabled. Ask an administrator if you still need Kohtaamo.");
      /* The role the session started with decides what the window offers
       * and how reads are logged (_kh_db_log_access): both must be the
       * table's. */
      else if (_kh_db_column_int (stmt, 1) != (int) user->role)
        problem = _("Your role has changed since you signed in. Close Kohtaamo and open it again.");
    }
  if (problem == NULL && user->role < role)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION,
                   /* Translators: %s is a role, e.g. "Administrator" */
                   _("This needs the role “%s” or higher."),
                   kh_role_label (role) ? kh_role_label (role) : "?");
      return FALSE;
    }
  if (problem != NULL)
    {
      g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION, problem);
      return FALSE;
    }
  return TRUE;
}

gboolean
_kh_db_log_access (KhDb          *db,
                   KhUser        *user,
                   gint64         client_id,
                   KhAccessWhat   what,
                   KhAccessBasis  basis,
                   GError       **error)
{
  g_assert (user != NULL);

  if (!_kh_db_check_session_user (db, user, error))
    return FALSE;

  /* The store, not the view, knows why reception reads: reception has no
   * client relationship, only the receiving of contacts, whatever the
   * caller passed. */
  if (user->role == KH_ROLE_RECEPTION)
    basis = KH_BASIS_INTAKE;

  /* A read transaction's rows are written when it ends (_kh_db_read_end). */
  if (db->reading)
    {
      KhDbPendingLog row = { user->id, client_id, what, basis };

      g_array_append_val (db->pending_log, row);
      return TRUE;
    }
  return write_log_row (db, user->id, client_id, what, basis, error);
}

static gboolean
write_log_row (KhDb          *db,
               gint64         user_id,
               gint64         client_id,
               KhAccessWhat   what,
               KhAccessBasis  basis,
               GError       **error)
{
  g_autoptr(KhDbStmt) stmt = NULL;
  char prev_hash[KH_LOG_HASH_LENGTH + 1] = KH_LOG_FIRST_PREV_HASH;
  char hash[KH_LOG_HASH_LENGTH + 1];
  KhLogChainRow row = { 0 };
  int rc;

  if (!db->engine->client_chains_log)
    {
      /* The server numbers and chains the row itself, with its own clock. */
      stmt = _kh_db_prepare (db, "{log_access}", error);
      if (stmt == NULL)
        return FALSE;
      _kh_db_bind_int64 (stmt, 1, _kh_db_now ());
      _kh_db_bind_int64 (stmt, 2, user_id);
      _kh_db_bind_id (stmt, 3, client_id);
      _kh_db_bind_int (stmt, 4, what);
      _kh_db_bind_int (stmt, 5, basis);
      /* The server's statement answers with the row's number. */
      rc = _kh_db_step (stmt);
      if (rc == KH_DB_ROW)
        rc = _kh_db_step (stmt);
      if (rc != KH_DB_DONE)
        _kh_db_set_error (db, rc, error);
      _kh_db_reset (stmt);
      return rc == KH_DB_DONE;
    }

  /* The chain (kh-log-chain.h): the next number after the newest row, and
   * that row's hash, read in this row's write transaction so that no other
   * writer comes between (0017-access-log-chain.sql refuses anything else). */
  row.seq = 1;
  stmt = _kh_db_prepare (db, "SELECT seq, hash FROM access_log ORDER BY seq DESC LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  rc = _kh_db_step (stmt);
  if (rc == KH_DB_ROW)
    {
      const char *last_hash = _kh_db_column_str (stmt, 1);

      row.seq = _kh_db_column_int64 (stmt, 0) + 1;
      if (last_hash != NULL)
        g_strlcpy (prev_hash, last_hash, sizeof prev_hash);
    }
  else if (rc != KH_DB_DONE)
    {
      _kh_db_set_error (db, rc, error);
      return FALSE;
    }
  g_clear_pointer (&stmt, _kh_db_stmt_release);

  row.at = _kh_db_now ();
  row.user_id = user_id;
  row.has_client = client_id > 0;
  row.client_id = client_id;
  row.what = what;
  row.basis = basis;
  row.prev_hash = prev_hash;
  kh_log_chain_hash (&row, hash);

  stmt = _kh_db_prepare (db,
                         "INSERT INTO access_log (at, user_id, client_id, what, basis, "
                         "  seq, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                         error);
  if (stmt == NULL)
    return FALSE;
  _kh_db_bind_int64 (stmt, 1, row.at);
  _kh_db_bind_int64 (stmt, 2, row.user_id);
  _kh_db_bind_id (stmt, 3, client_id);
  _kh_db_bind_int (stmt, 4, what);
  _kh_db_bind_int (stmt, 5, basis);
  _kh_db_bind_int64 (stmt, 6, row.seq);
  _kh_db_bind_text (stmt, 7, prev_hash);
  _kh_db_bind_text (stmt, 8, hash);
  return _kh_db_step_done (db, stmt, error);
}

