/* kh-db-pg.c — the PostgreSQL engine: a unit's shared server through libpq
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The aggregates write portable SQL with `?` or `?N` parameters; this file
 * turns them into `$N` once, prepares each statement on the server under a
 * name of its own the first time the connection uses it, binds values as
 * text (blobs in binary), executes on the first step and walks the rows of
 * the result. Every call blocks: KhStore runs KhDb on its worker thread, so
 * the UI never waits on the network (DESIGN.md).
 *
 * Each worker connects as their own login role (users.account is the
 * role's name, the shared contract of issue 6): the server, not this
 * program, knows who is reading (session_user).
 */
#define G_LOG_DOMAIN "kohtaamo-store"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include <glib/gi18n-lib.h>

#include "store/kh-db-private.h"

#define SQL_RESOURCE_PATH RESOURCE_BASE "/sql/pg"

/* Type OIDs (catalog/pg_type_d.h, stable across versions). */
#define PG_BOOL_OID  16
#define PG_BYTEA_OID 17
#define PG_TEXT_OID  25

/* Keep in sync with data/fi.kohtaamo.Kohtaamo.sql.gresource.xml. Each
 * file's number is its version in kohtaamo.schema_version. In order of the
 * numbers; a number may be missing while another stream holds it (then a
 * database that has the later ones gets it when it comes: a migration is
 * applied when its number is not recorded, as tools/pg-migrate does). */
static const struct {
  int         version;
  const char *file;
} migrations[] = {
  { 1, "0001-schema.sql" },
  { 2, "0002-search-counts.sql" },
  { 3, "0003-case-urgency.sql" },
  { 4, "0004-live-changes.sql" },
  { 5, "0005-search-ranges-log-verify.sql" },
  { 6, "0006-store-on-both-engines.sql" },
  { 7, "0007-copy-from-sqlite.sql" },
  { 8, "0008-contact-reads.sql" },
  { 9, "0009-request-ids.sql" },
  { 10, "0010-search-in-one-call.sql" },
  { 11, "0011-bulk-writes-linear.sql" },
  { 12, "0012-user-changes.sql" },
  { 13, "0013-assessments.sql" },
  { 14, "0014-assessments-copy.sql" },
  { 15, "0015-teams.sql" },
  { 16, "0016-caseload.sql" },
  { 17, "0017-assessment-step.sql" },
  { 18, "0018-appointments.sql" },
  { 19, "0019-case-notes.sql" },
  { 20, "0020-copy-every-table.sql" },
  { 21, "0021-caseload-order.sql" },
  { 22, "0022-timeline-notes-read-once.sql" },
  { 23, "0023-responsible-workers.sql" },
  { 24, "0024-document-settings.sql" },
  { 25, "0025-documents.sql" },
  { 26, "0026-case-moves-with-worker.sql" },
  { 27, "0027-register-number-reserved.sql" },
  { 28, "0028-contact-attempts.sql" },
  { 29, "0029-payment-commitments.sql" },
  { 30, "0030-network.sql" },
  { 31, "0031-client-plans.sql" },
  { 32, "0032-calendar-dates.sql" },
  { 33, "0033-plan-disclosures.sql" },
  { 34, "0034-invitation-meetings.sql" },
  { 35, "0035-plan-review-settings.sql" },
  { 36, "0036-person-page-read-once.sql" },
  { 37, "0037-policy-function-costs.sql" },
};

/* The engine's error codes (what step and exec return): never 0, 100 or
 * 101 (KH_DB_OK, KH_DB_ROW, KH_DB_DONE). */
enum {
  PG_ERROR = 1,
  PG_ERROR_UNIQUE,
  PG_ERROR_CONSTRAINT,
  PG_ERROR_PERMISSION,
  PG_ERROR_CONNECTION,
  PG_ERROR_BUSY,
  PG_ERROR_READ_ONLY,
  PG_ERROR_MISUSE,
};

typedef struct {
  PGconn *conn;
  /* What the connection was opened with: a reconnection uses it again, so
   * that a multi-host string (host=a,b target_session_attrs=read-write)
   * finds the server that is the primary now (issue 6, 7). */
  char   *conninfo;
  /* The connection broke (or reached a server that only reads): every
   * statement fails with UNAVAILABLE until kh_db_reconnect, so that no
   * operation goes on half-way on another session. */
  gboolean broken;
  /* The login role, as the server says (session_user). */
  char   *account;
  /* The last failure: its code, SQLSTATE and the server's message. */
  int     error_code;
  char   *sqlstate;
  char   *message;
  gint64  changes;
  guint   n_statements;
  /* A name did not resolve (42P01): the login may have lost the schema for
   * a while (a deactivated user), and the server keeps the search path it
   * worked out then, even after the login has the schema again (role
   * membership does not renew it). Setting the path again renews it,
   * before the next statement (refresh_names). */
  gboolean names_stale;
  /* Issue 6, 6 (pg_changes_elsewhere): the server process that LISTENs on
   * kohtaamo_changes (0: none yet), how many notifications of other
   * sessions' commits have come, and the people they named since
   * pg_changed_clients last took them (gint64, each once). */
  int     listen_pid;
  gint64  notified;
  GArray *notified_ids;
} PgConn;

typedef struct {
  KhDb      *db;
  char      *sql;        /* with $N parameters */
  char      *name;       /* the server-side statement */
  int        n_params;
  Oid       *types;
  char     **values;
  int       *lengths;
  int       *formats;
  int        n_columns;  /* -1 until described or executed */
  PGresult  *result;
  int        row;
  guchar    *blob;       /* the last column_blob, decoded */
} PgStmt;

static const KhDbEngine pg_engine;

#define CONN(db) ((PgConn *) (db)->handle)

static gboolean pg_in_transaction (KhDb *db);
static gboolean pg_connected (KhDb *db);
static gboolean pg_reconnect (KhDb *db, GError **error);

/* ---- errors ---- */

static int
code_for_sqlstate (const char *state)
{
  if (state == NULL)
    return PG_ERROR_CONNECTION;
  if (strcmp (state, "23505") == 0)
    return PG_ERROR_UNIQUE;
  if (g_str_has_prefix (state, "23"))
    return PG_ERROR_CONSTRAINT;
  /* Insufficient privilege; a RAISE of the server's own role checks. A
   * table not found after the schema was checked at opening (42P01):
   * the login has lost the schema, as when its user is deactivated (out
   * of every group), and its unqualified names no longer resolve. */
  if (strcmp (state, "42501") == 0 || g_str_has_prefix (state, "28")
      || strcmp (state, "42P01") == 0)
    return PG_ERROR_PERMISSION;
  /* Connection exceptions, the server shutting down, too many connections. */
  if (g_str_has_prefix (state, "08") || g_str_has_prefix (state, "57P")
      || strcmp (state, "53300") == 0)
    return PG_ERROR_CONNECTION;
  /* Serialization failure, deadlock, lock not available. */
  if (strcmp (state, "40001") == 0 || strcmp (state, "40P01") == 0
      || strcmp (state, "55P03") == 0)
    return PG_ERROR_BUSY;
  if (strcmp (state, "25006") == 0)
    return PG_ERROR_READ_ONLY;
  return PG_ERROR;
}

/* Remembers a failure of `result` (NULL: the connection's) and returns its
 * code. */
static int
note_failure (KhDb           *db,
              const PGresult *result)
{
  PgConn *pc = CONN (db);
  const char *state = result ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;
  const char *message = result ? PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY) : NULL;

  if (message == NULL)
    message = PQerrorMessage (pc->conn);
  /* A connection that broke says so in its status, whatever the result. */
  if (PQstatus (pc->conn) == CONNECTION_BAD)
    state = NULL;
  g_free (pc->sqlstate);
  g_free (pc->message);
  pc->sqlstate = g_strdup (state);
  pc->message = g_strstrip (g_strdup (message ? message : ""));
  pc->error_code = code_for_sqlstate (state);
  if (g_strcmp0 (state, "42P01") == 0)
    pc->names_stale = TRUE;
  /* A server that only reads, for a connection that writes: after a
   * failover this session still talks to the old primary's standby (or a
   * demoted server); a new connection finds the primary. A read-only
   * opening (kh_db_open_read_only) is refused writes by its own choice. */
  if (pc->error_code == PG_ERROR_READ_ONLY && !db->read_only)
    pc->error_code = PG_ERROR_CONNECTION;
  if (pc->error_code == PG_ERROR_CONNECTION)
    pc->broken = TRUE;
  return pc->error_code;
}

/* See PgConn.names_stale: not inside a failed transaction, which accepts
 * nothing but its end. */
static void
refresh_names (KhDb *db)
{
  PgConn *pc = CONN (db);
  PGresult *result;

  if (!pc->names_stale || PQtransactionStatus (pc->conn) == PQTRANS_INERROR)
    return;
  result = PQexec (pc->conn, "SET search_path = kohtaamo");
  if (PQresultStatus (result) == PGRES_COMMAND_OK)
    pc->names_stale = FALSE;
  PQclear (result);
}

/* A statement on a broken connection fails at once, without the network. */
static gboolean
check_broken (KhDb *db)
{
  PgConn *pc = CONN (db);

  if (!pc->broken && PQstatus (pc->conn) != CONNECTION_BAD)
    return FALSE;
  pc->broken = TRUE;
  if (pc->error_code != PG_ERROR_CONNECTION)
    {
      g_free (pc->sqlstate);
      g_free (pc->message);
      pc->sqlstate = NULL;
      pc->message = g_strdup ("the connection to the server was lost");
      pc->error_code = PG_ERROR_CONNECTION;
    }
  return TRUE;
}

static void
set_error_for_code (KhDb        *db,
                    int          rc,
                    const char  *detail,
                    GError     **error)
{
  const char *where = db && db->path ? db->path : "?";

  switch (rc)
    {
    case PG_ERROR_UNIQUE:
    case PG_ERROR_CONSTRAINT:
      /* The C code validates before writing and explains in the user's
       * language; reaching a constraint means a rule the checks missed. */
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                   /* Translators: %s is the database's own (English) explanation */
                   _("The data breaks a rule of the database: %s"),
                   detail ? detail : "?");
      break;
    case PG_ERROR_PERMISSION:
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION,
                   /* Translators: %s is the server's own (English) explanation */
                   _("The database server did not allow this: %s"),
                   detail ? detail : "?");
      break;
    case PG_ERROR_CONNECTION:
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_UNAVAILABLE,
                   /* Translators: %s is the database server (a host and a database name) */
                   _("The database server “%s” cannot be reached. Nothing was lost: try again in a moment."),
                   where);
      break;
    case PG_ERROR_BUSY:
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_LOCKED,
                   /* Translators: %s is a file name */
                   _("The database “%s” is in use by another program. Close the other program or wait a moment, and try again."),
                   where);
      break;
    case PG_ERROR_READ_ONLY:
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_READ_ONLY,
                   /* Translators: %s is the database server (a host and a database name) */
                   _("The database server “%s” only reads at the moment (a standby). Try again in a moment."),
                   where);
      break;
    default:
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_FAILED,
                   /* Translators: the first %s is a file name, the second the reason */
                   _("The database “%s” failed: %s"), where,
                   detail ? detail : "?");
      break;
    }
}

static void
pg_set_error (KhDb    *db,
              int      rc,
              GError **error)
{
  PgConn *pc = db->handle;
  const char *detail = NULL;

  /* The connection's message is only about this error if the codes agree. */
  if (pc != NULL && pc->error_code == rc)
    detail = pc->message;
  set_error_for_code (db, rc, detail, error);
}

static int
pg_last_error_code (KhDb *db)
{
  return CONN (db)->error_code != 0 ? CONN (db)->error_code : PG_ERROR;
}

static gboolean
pg_is_unique_violation (KhDb *db,
                        int   rc)
{
  return rc == PG_ERROR_UNIQUE;
}

/* ---- statements ---- */

/* `?` and `?N` outside strings, identifiers and comments become `$N` (a
 * bare `?` takes the number after the largest so far, as in SQLite). */
static char *
translate_parameters (const char *sql,
                      int        *out_n_params)
{
  GString *out = g_string_sized_new (strlen (sql) + 16);
  int largest = 0;

  for (const char *p = sql; *p != '\0'; )
    {
      if (*p == '\'' || *p == '"')
        {
          char quote = *p;

          g_string_append_c (out, *p++);
          while (*p != '\0')
            {
              g_string_append_c (out, *p);
              if (*p++ == quote)
                {
                  if (*p == quote)
                    g_string_append_c (out, *p++);
                  else
                    break;
                }
            }
        }
      else if (p[0] == '-' && p[1] == '-')
        {
          while (*p != '\0' && *p != '\n')
            g_string_append_c (out, *p++);
        }
      else if (p[0] == '/' && p[1] == '*')
        {
          const char *end = strstr (p + 2, "*/");
          gsize len = end ? (gsize) (end + 2 - p) : strlen (p);

          g_string_append_len (out, p, len);
          p += len;
        }
      else if (*p == '?')
        {
          int n = 0;

          p++;
          if (g_ascii_isdigit (*p))
            while (g_ascii_isdigit (*p))
              n = n * 10 + (*p++ - '0');
          else
            n = largest + 1;
          largest = MAX (largest, n);
          g_string_append_printf (out, "$%d", n);
        }
      else
        g_string_append_c (out, *p++);
    }
  *out_n_params = largest;
  return g_string_free (out, FALSE);
}

static void
stmt_clear_result (PgStmt *s)
{
  g_clear_pointer (&s->result, PQclear);
  g_clear_pointer (&s->blob, PQfreemem);
  s->row = -1;
}

/* Prepares the statement on the server. A parameter whose type the server
 * cannot tell from its place (`?2 IS NULL`) is made text, and the
 * statement prepared again. */
static int
server_prepare (PgStmt *s)
{
  PgConn *pc = CONN (s->db);
  /* A failed PREPARE would end an open transaction: a savepoint keeps it. */
  gboolean guard;

  refresh_names (s->db);
  guard = pg_in_transaction (s->db);
  for (int attempt = 0; attempt <= s->n_params; attempt++)
    {
      PGresult *result;
      const char *state;
      const char *message;
      int index;

      if (guard)
        PQclear (PQexec (pc->conn, "SAVEPOINT kh_prepare"));
      result = PQprepare (pc->conn, s->name, s->sql, s->n_params, s->types);
      if (PQresultStatus (result) == PGRES_COMMAND_OK)
        {
          PQclear (result);
          if (guard)
            PQclear (PQexec (pc->conn, "RELEASE SAVEPOINT kh_prepare"));
          return KH_DB_OK;
        }
      if (guard)
        {
          PQclear (PQexec (pc->conn, "ROLLBACK TO SAVEPOINT kh_prepare"));
          PQclear (PQexec (pc->conn, "RELEASE SAVEPOINT kh_prepare"));
        }
      state = PQresultErrorField (result, PG_DIAG_SQLSTATE);
      message = PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY);
      if (g_strcmp0 (state, "42P18") == 0 && message != NULL
          && strchr (message, '$') != NULL
          && (index = atoi (strchr (message, '$') + 1)) >= 1 && index <= s->n_params
          && s->types[index - 1] == 0)
        {
          s->types[index - 1] = PG_TEXT_OID;
          PQclear (result);
          continue;
        }
      index = note_failure (s->db, result);
      g_warning ("Cannot prepare “%s”: %s", s->sql, pc->message);
      PQclear (result);
      return index;
    }
  return note_failure (s->db, NULL);
}

static gpointer
pg_prepare (KhDb       *db,
            const char *sql,
            int        *out_rc)
{
  PgConn *pc = CONN (db);
  PgStmt *s;

  if (check_broken (db))
    {
      *out_rc = PG_ERROR_CONNECTION;
      return NULL;
    }
  s = g_new0 (PgStmt, 1);
  s->db = db;
  s->sql = translate_parameters (sql, &s->n_params);
  s->name = g_strdup_printf ("kh_%u", ++pc->n_statements);
  s->types = g_new0 (Oid, MAX (s->n_params, 1));
  s->values = g_new0 (char *, MAX (s->n_params, 1));
  s->lengths = g_new0 (int, MAX (s->n_params, 1));
  s->formats = g_new0 (int, MAX (s->n_params, 1));
  s->n_columns = -1;
  s->row = -1;

  /* A parameter the SQL does not use (a statement shared with another
   * dialect) has no type to infer: text. */
  for (int i = 1; i <= s->n_params; i++)
    {
      g_autofree char *ref = g_strdup_printf ("$%d", i);
      const char *p = s->sql;
      gboolean used = FALSE;

      while (!used && (p = strstr (p, ref)) != NULL)
        {
          p += strlen (ref);
          used = !g_ascii_isdigit (*p);
        }
      if (!used)
        s->types[i - 1] = PG_TEXT_OID;
    }
  *out_rc = server_prepare (s);
  if (*out_rc != KH_DB_OK)
    {
      g_free (s->sql);
      g_free (s->name);
      g_free (s->types);
      g_free (s->values);
      g_free (s->lengths);
      g_free (s->formats);
      g_free (s);
      return NULL;
    }
  return s;
}

static void
pg_clear_bindings (gpointer stmt)
{
  PgStmt *s = stmt;

  for (int i = 0; i < s->n_params; i++)
    {
      g_clear_pointer (&s->values[i], g_free);
      s->lengths[i] = 0;
      s->formats[i] = 0;
    }
}

static void
pg_finalize (gpointer stmt)
{
  PgStmt *s = stmt;
  PgConn *pc = CONN (s->db);

  stmt_clear_result (s);
  pg_clear_bindings (s);
  /* The server forgets its prepared statements with the session; while it
   * lasts, a statement of ours outlives only the statement cache. */
  if (pc != NULL && pc->conn != NULL && !pc->broken && PQstatus (pc->conn) == CONNECTION_OK
      && PQtransactionStatus (pc->conn) == PQTRANS_IDLE)
    {
      g_autofree char *sql = g_strdup_printf ("DEALLOCATE %s", s->name);

      PQclear (PQexec (pc->conn, sql));
    }
  g_free (s->sql);
  g_free (s->name);
  g_free (s->types);
  g_free (s->values);
  g_free (s->lengths);
  g_free (s->formats);
  g_free (s);
}

static void
pg_reset (gpointer stmt)
{
  stmt_clear_result (stmt);
}

static void
bind_value (PgStmt     *s,
            int         index,
            char       *value,
            int         length,
            int         format)
{
  if (index < 1 || index > s->n_params)
    {
      g_free (value);
      return;
    }
  g_free (s->values[index - 1]);
  s->values[index - 1] = value;
  s->lengths[index - 1] = length;
  s->formats[index - 1] = format;
}

static void
pg_bind_int64 (gpointer stmt,
               int      index,
               gint64   value)
{
  bind_value (stmt, index, g_strdup_printf ("%" G_GINT64_FORMAT, value), 0, 0);
}

static void
pg_bind_text (gpointer    stmt,
              int         index,
              const char *text)
{
  bind_value (stmt, index, g_strdup (text), 0, 0);
}

static void
pg_bind_blob (gpointer    stmt,
              int         index,
              const void *data,
              gsize       size)
{
  /* g_memdup2 of nothing is NULL, which would bind SQL NULL. */
  bind_value (stmt, index, size > 0 ? g_memdup2 (data, size) : g_strdup (""), (int) size, 1);
}

static void
pg_bind_null (gpointer stmt,
              int      index)
{
  bind_value (stmt, index, NULL, 0, 0);
}

static gboolean
is_change_command (const char *status)
{
  return g_str_has_prefix (status, "INSERT") || g_str_has_prefix (status, "UPDATE")
         || g_str_has_prefix (status, "DELETE") || g_str_has_prefix (status, "MERGE");
}

static int
pg_step (gpointer stmt)
{
  PgStmt *s = stmt;
  PgConn *pc = CONN (s->db);

  if (s->result == NULL)
    {
      PGresult *result;
      ExecStatusType status;

      if (check_broken (s->db))
        return PG_ERROR_CONNECTION;
      refresh_names (s->db);
      result = PQexecPrepared (pc->conn, s->name, s->n_params,
                               (const char * const *) s->values, s->lengths, s->formats, 0);
      status = PQresultStatus (result);
      if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK)
        {
          int rc = note_failure (s->db, result);

          PQclear (result);
          return rc;
        }
      if (is_change_command (PQcmdStatus (result)))
        pc->changes = g_ascii_strtoll (PQcmdTuples (result), NULL, 10);
      s->result = result;
      s->n_columns = PQnfields (result);
      s->row = 0;
    }
  else
    {
      g_clear_pointer (&s->blob, PQfreemem);
      s->row++;
    }
  return s->row < PQntuples (s->result) ? KH_DB_ROW : KH_DB_DONE;
}

static gboolean
has_value (PgStmt *s,
           int     column)
{
  return s->result != NULL && s->row >= 0 && s->row < PQntuples (s->result)
         && column >= 0 && column < PQnfields (s->result);
}

static gboolean
pg_column_is_null (gpointer stmt,
                   int      column)
{
  PgStmt *s = stmt;

  return !has_value (s, column) || PQgetisnull (s->result, s->row, column);
}

static gint64
pg_column_int64 (gpointer stmt,
                 int      column)
{
  PgStmt *s = stmt;
  const char *value;

  if (pg_column_is_null (s, column))
    return 0;
  value = PQgetvalue (s->result, s->row, column);
  /* A comparison as a column is a boolean here, an integer in SQLite. */
  if (PQftype (s->result, column) == PG_BOOL_OID)
    return value[0] == 't';
  return g_ascii_strtoll (value, NULL, 10);
}

static const char *
pg_column_str (gpointer stmt,
               int      column)
{
  PgStmt *s = stmt;

  if (pg_column_is_null (s, column))
    return NULL;
  return PQgetvalue (s->result, s->row, column);
}

static const void *
pg_column_blob (gpointer  stmt,
                int       column,
                gsize    *out_size)
{
  PgStmt *s = stmt;
  size_t size = 0;

  *out_size = 0;
  if (pg_column_is_null (s, column))
    return NULL;
  if (PQftype (s->result, column) != PG_BYTEA_OID)
    {
      *out_size = PQgetlength (s->result, s->row, column);
      return PQgetvalue (s->result, s->row, column);
    }
  g_clear_pointer (&s->blob, PQfreemem);
  s->blob = PQunescapeBytea ((const guchar *) PQgetvalue (s->result, s->row, column), &size);
  *out_size = size;
  return s->blob;
}

static int
pg_column_count (gpointer stmt)
{
  PgStmt *s = stmt;

  if (s->n_columns < 0)
    {
      PGresult *result = PQdescribePrepared (CONN (s->db)->conn, s->name);

      s->n_columns = PQresultStatus (result) == PGRES_COMMAND_OK ? PQnfields (result) : 0;
      PQclear (result);
    }
  return s->n_columns;
}

static int
pg_exec (KhDb       *db,
         const char *sql)
{
  PgConn *pc = CONN (db);
  PGresult *result;
  ExecStatusType status;
  int rc = KH_DB_OK;

  if (check_broken (db))
    return PG_ERROR_CONNECTION;
  result = PQexec (pc->conn, sql);
  status = PQresultStatus (result);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_EMPTY_QUERY)
    rc = note_failure (db, result);
  else if (is_change_command (PQcmdStatus (result)))
    pc->changes = g_ascii_strtoll (PQcmdTuples (result), NULL, 10);
  PQclear (result);
  return rc;
}

static gint64
pg_changes (KhDb *db)
{
  return CONN (db)->changes;
}

static gboolean
pg_in_transaction (KhDb *db)
{
  PGTransactionStatusType status = PQtransactionStatus (CONN (db)->conn);

  /* A broken session's transaction is the server's to roll back. */
  if (CONN (db)->broken)
    return FALSE;

  return status == PQTRANS_INTRANS || status == PQTRANS_INERROR || status == PQTRANS_ACTIVE;
}

/* ---- one value ---- */

/* The first column of the first row of `sql` (no parameters), or NULL. */
static char *
query_value (KhDb        *db,
             const char  *sql,
             GError     **error)
{
  PgConn *pc = CONN (db);
  PGresult *result;
  char *value = NULL;

  if (check_broken (db))
    {
      _kh_db_set_error (db, PG_ERROR_CONNECTION, error);
      return NULL;
    }
  result = PQexec (pc->conn, sql);
  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    {
      _kh_db_set_error (db, note_failure (db, result), error);
      PQclear (result);
      return NULL;
    }
  if (PQntuples (result) > 0 && PQnfields (result) > 0 && !PQgetisnull (result, 0, 0))
    value = g_strdup (PQgetvalue (result, 0, 0));
  else
    value = g_strdup ("");
  PQclear (result);
  return value;
}

/* ---- migrations ---- */

/* The newest version recorded (0: no schema yet), or -1 on error. */
static int
read_version (KhDb    *db,
              GError **error)
{
  g_autofree char *exists = NULL;
  g_autofree char *version = NULL;

  exists = query_value (db, "SELECT to_regclass ('kohtaamo.schema_version') IS NOT NULL", error);
  if (exists == NULL)
    return -1;
  if (exists[0] != 't')
    return 0;
  version = query_value (db, "SELECT coalesce (max (version), 0) FROM kohtaamo.schema_version", error);
  if (version == NULL)
    return -1;
  return atoi (version);
}

/* The index in migrations[] of the first migration not recorded yet;
 * G_N_ELEMENTS (migrations) when all are; -1 on error. */
static int
first_missing (KhDb    *db,
               GError **error)
{
  int version = read_version (db, error);

  if (version < 0)
    return -1;
  for (guint i = 0; i < G_N_ELEMENTS (migrations); i++)
    {
      g_autofree char *sql = NULL;
      g_autofree char *there = NULL;

      if (version == 0)
        return i;
      sql = g_strdup_printf ("SELECT EXISTS (SELECT 1 FROM kohtaamo.schema_version "
                             "WHERE version = %d)", migrations[i].version);
      there = query_value (db, sql, error);
      if (there == NULL)
        return -1;
      if (there[0] != 't')
        return i;
    }
  return G_N_ELEMENTS (migrations);
}

static int
pg_schema_version (KhDb *db)
{
  return MAX (read_version (db, NULL), 0);
}

/**
 * kh_db_pg_get_latest_version:
 *
 * The newest server schema this build knows (the number of the last
 * migration in data/sql/pg).
 */
int
kh_db_pg_get_latest_version (void)
{
  return migrations[G_N_ELEMENTS (migrations) - 1].version;
}

static gboolean
apply_migration (KhDb    *db,
                 int      index,
                 GError **error)
{
  g_autofree char *resource = g_strconcat (SQL_RESOURCE_PATH "/", migrations[index].file, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sql = NULL;

  bytes = g_resources_lookup_data (resource, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;
  sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  /* Each file records itself in kohtaamo.schema_version as its last
   * statement (data/sql/pg/0001-schema.sql). */
  if (!_kh_db_exec (db, sql, error))
    {
      g_warning ("Migration pg/%s failed: %s", migrations[index].file, CONN (db)->message);
      return FALSE;
    }
  if (first_missing (db, error) <= index)
    {
      if (error != NULL && *error != NULL)
        return FALSE;
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_FAILED,
                   /* Translators: %s is the file name of a migration */
                   _("The migration “%s” did not record itself."), migrations[index].file);
      return FALSE;
    }
  g_debug ("Applied migration pg/%s to %s", migrations[index].file, db->path);
  return TRUE;
}

static gboolean
check_version (KhDb    *db,
               int      version,
               GError **error)
{
  if (version > kh_db_pg_get_latest_version ())
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_TOO_NEW,
                   /* Translators: %s is a file name; the numbers are schema versions */
                   _("The database “%s” was made by a newer version of Kohtaamo (schema %d; this version knows %d). Update Kohtaamo to open it."),
                   db->path, version, kh_db_pg_get_latest_version ());
      return FALSE;
    }
  return TRUE;
}

/**
 * kh_db_pg_migrate:
 *
 * Brings the server's schema to the newest this build knows, one
 * transaction per migration, each recorded in kohtaamo.schema_version. For
 * the schema's owner (kohtaamo-admin server init, and the tests' template
 * database): workers' roles may not change the schema.
 */
gboolean
kh_db_pg_migrate (KhDb    *db,
                  GError **error)
{
  g_return_val_if_fail (db != NULL && db->engine == &pg_engine, FALSE);

  for (;;)
    {
      int version;
      int missing;

      if (!_kh_db_exec (db, "BEGIN", error))
        return FALSE;
      /* Two programs migrating at once take turns here. */
      if (!_kh_db_exec (db, "SELECT pg_advisory_xact_lock (1263031375)", error))
        goto fail;
      version = read_version (db, error);
      if (version < 0 || !check_version (db, version, error))
        goto fail;
      missing = first_missing (db, error);
      if (missing < 0)
        goto fail;
      if (missing == (int) G_N_ELEMENTS (migrations))
        return _kh_db_exec (db, "COMMIT", error);
      if (!apply_migration (db, missing, error))
        goto fail;
      if (!_kh_db_exec (db, "COMMIT", error))
        goto fail;
      /* The migration may have set its own search path. */
      if (!_kh_db_exec (db, "SET search_path = kohtaamo", error))
        return FALSE;
    }

fail:
  pg_exec (db, "ROLLBACK");
  return FALSE;
}

/* ---- the name search ---- */

/* The people named by the words: on a server only for the access log's
 * filter (kh-db-log.c; the search is the server's own function), where
 * the name index is readable by nobody and a name is not the reader's to
 * see before the person's rows are logged. The server's
 * access_log_people_named (data/sql/pg/0010-search-in-one-call.sql)
 * answers the lead social worker and the administrator only, and only
 * with the people whose log this transaction's logged reading of the log
 * shows. One parameter: the folded words, which it folds again. */
static void
pg_name_match (KhDb       *db,
               GString    *sql,
               int         first_param,
               GPtrArray  *tokens,
               GPtrArray  *folded,
               gboolean    prefix,
               GPtrArray  *params)
{
  GString *words = g_string_new (NULL);

  for (guint i = 0; i < folded->len; i++)
    g_string_append_printf (words, "%s%s", i > 0 ? " " : "", (const char *) g_ptr_array_index (folded, i));
  g_string_append_printf (sql, "SELECT n.client_id FROM kohtaamo.access_log_people_named (?%d, %s) n",
                          first_param, prefix ? "true" : "false");
  g_ptr_array_add (params, g_string_free (words, FALSE));
}

/* ---- other desks' commits (issue 6, 6) ---- */

/* The channel data/sql/pg/0004-live-changes.sql notifies at every commit
 * that changes a person's details, contacts or cases, with the person's id
 * (0: an anonymous contact) as the payload. */
#define CHANGES_CHANNEL "kohtaamo_changes"

static void
note_notified_id (PgConn *pc,
                  gint64  id)
{
  for (guint i = 0; i < pc->notified_ids->len; i++)
    if (g_array_index (pc->notified_ids, gint64, i) == id)
      return;
  g_array_append_val (pc->notified_ids, id);
}

/* Takes what libpq has already received: the notifications that came with
 * any result since the last look, and those read by PQconsumeInput. A
 * session's own commits notify itself too; they are not news to it (the
 * contract of KhDbEngine.changes_elsewhere, as PRAGMA data_version). */
static void
take_notifications (PgConn *pc)
{
  int own = PQbackendPID (pc->conn);
  PGnotify *notify;

  while ((notify = PQnotifies (pc->conn)) != NULL)
    {
      if (notify->be_pid != own && g_str_equal (notify->relname, CHANGES_CHANNEL))
        {
          char *end = NULL;
          gint64 id = g_ascii_strtoll (notify->extra, &end, 10);

          pc->notified++;
          /* Only numbers are sent (note_client_change); anything else
           * still says that something changed, for the lists. */
          note_notified_id (pc, end != notify->extra && *end == '\0' && id >= 0 ? id : 0);
        }
      PQfreemem (notify);
    }
}

/* LISTEN once per server session: at the first look, and again when the
 * connection is a new session (a new server process; its LISTEN does not
 * carry over). What was committed while no session listened is not known
 * one by one: it counts as one change of the lists (id 0). */
static gboolean
ensure_listening (KhDb    *db,
                  GError **error)
{
  PgConn *pc = CONN (db);
  int pid = PQbackendPID (pc->conn);
  gboolean again;

  if (pid != 0 && pid == pc->listen_pid)
    return TRUE;
  again = pc->listen_pid != 0;
  if (!_kh_db_exec (db, "LISTEN " CHANGES_CHANNEL, error))
    return FALSE;
  pc->listen_pid = pid;
  if (pc->notified_ids == NULL)
    pc->notified_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  /* A notification can only come after the LISTEN: drop nothing. */
  if (again)
    {
      pc->notified++;
      note_notified_id (pc, 0);
    }
  return TRUE;
}

/* The mark of KhDbEngine.changes_elsewhere: the number of other sessions'
 * notifications received. No round trip to the server: PQconsumeInput
 * reads what the socket already holds, and KhStore's worker waits on the
 * socket (kh_db_get_change_socket) instead of asking at intervals. Only the
 * first look (LISTEN) talks to the server. */
static gboolean
pg_changes_elsewhere (KhDb     *db,
                      gint64   *out_mark,
                      GError  **error)
{
  PgConn *pc = CONN (db);

  /* A connection that broke stays broken until it is made again: say so
   * without asking libpq, which would add "connection not open" to its
   * message at every look (five times a second). */
  if (PQstatus (pc->conn) == CONNECTION_BAD)
    {
      set_error_for_code (db, PG_ERROR_CONNECTION, NULL, error);
      return FALSE;
    }
  if (!ensure_listening (db, error))
    return FALSE;
  if (!PQconsumeInput (pc->conn))
    {
      _kh_db_set_error (db, note_failure (db, NULL), error);
      return FALSE;
    }
  take_notifications (pc);
  *out_mark = pc->notified;
  return TRUE;
}

static gboolean
pg_changed_clients (KhDb    *db,
                    GArray  *ids,
                    GError **error)
{
  PgConn *pc = CONN (db);

  if (pc->notified_ids != NULL)
    {
      g_array_append_vals (ids, pc->notified_ids->data, pc->notified_ids->len);
      g_array_set_size (pc->notified_ids, 0);
    }
  return TRUE;
}

/* The socket to wait on for notifications, once listening. */
static int
pg_change_socket (KhDb *db)
{
  PgConn *pc = CONN (db);

  if (pc->listen_pid == 0 || PQstatus (pc->conn) != CONNECTION_OK
      || pc->listen_pid != PQbackendPID (pc->conn))
    return -1;
  return PQsocket (pc->conn);
}

/* ---- opening ---- */

static void
pg_close (KhDb *db)
{
  PgConn *pc = db->handle;

  g_clear_pointer (&pc->conn, PQfinish);
  g_clear_pointer (&pc->notified_ids, g_array_unref);
  g_free (pc->conninfo);
  g_free (pc->account);
  g_free (pc->sqlstate);
  g_free (pc->message);
  g_free (pc);
  db->handle = NULL;
}

static const char *
pg_session_account (KhDb *db)
{
  return CONN (db)->account;
}

static const KhDbFragment pg_fragments[] = {
  /* No worker role reads the address columns: the server gives them for a
   * person this transaction logged, and behind a non-disclosure marking
   * not at all (data/sql/pg/0001-schema.sql, client_address). */
  { "client_address", "ca.address, ca.postal_code, ca.city" },
  /* The log rows from before this transaction (its own reading is logged
   * first there). */
  { "earlier_log_rows", "a.xact <> pg_current_xact_id ()" },
  { "client_join", " LEFT JOIN LATERAL kohtaamo.client_address (c.id) ca ON TRUE" },
  /* The server folds the names itself (clients_keys, clients_words). */
  { "set_search_text", "" },
  { "search_text_column", "" },
  { "search_text_value", "" },
  /* The server takes the user from the login and the time from its clock,
   * and chains the row; ?1 and ?2 are typed only to be ignored. */
  { "log_access", "SELECT kohtaamo.log_access (CAST (?3 AS bigint), CAST (?4 AS integer), "
                  "CAST (?5 AS integer)) WHERE CAST (?1 AS bigint) IS NOT NULL "
                  "AND CAST (?2 AS bigint) IS NOT NULL" },
  /* Issue 6, 7: the caller's own contact with request id ?1 (?2, the
   * user, is the session's on the server: data/sql/pg/0006-request-ids.sql). */
  { "intake_by_request", "SELECT contact_id, client_id, case_id, assessment_deadline, attached "
                         "FROM kohtaamo.intake_by_request (?1) WHERE CAST (?2 AS bigint) IS NOT NULL" },
  /* Through the server's function, which checks who asks
   * (data/sql/pg/0015-teams.sql). */
  { "set_user_team", "SELECT kohtaamo.set_user_team (?1, CAST (?2 AS bigint))" },
  /* Only the dates and states of person ?1's versions, in a transaction
   * that logged the timeline (data/sql/pg/0019-case-notes.sql). */
  { "timeline_assessments", "kohtaamo.timeline_assessments (CAST (?1 AS bigint))" },
  /* The plans' dates and states (data/sql/pg/0031-client-plans.sql). */
  { "timeline_plans", "kohtaamo.timeline_plans (CAST (?1 AS bigint))" },
  { NULL, NULL }
};

static const KhDbEngine pg_engine = {
  .fragments = pg_fragments,
  .search_on_server = TRUE,
  .name = "PostgreSQL",
  .begin_sql = "BEGIN",
  /* A read's log rows are committed without waiting for the WAL to reach
   * the disk (at most wal_writer_delay × 3 later, or with the next commit
   * that waits): as on SQLite, a crash of the server's machine may lose
   * the log of the reads of its last moment, never a saved record. The
   * flush took 4–9 ms a keystroke on a shared disk (tools/bench). */
  .logged_read_begin_sql = "BEGIN; SET LOCAL synchronous_commit = off",
  /* The page's parts are read by the person's id, for which a generic plan
   * is as good as any. Left to choose, the server planned the timeline's
   * and the cases' statements anew at every reading (custom plans: about
   * 2 ms of its time each, 5 ms for the reading with 500 entries; its
   * log, bench-timeline). The commit waits for the disk (see
   * kh-db-person-page.c). */
  .page_read_begin_sql = "BEGIN; SET LOCAL plan_cache_mode = force_generic_plan",
  .prepare = pg_prepare,
  .finalize = pg_finalize,
  .reset = pg_reset,
  .clear_bindings = pg_clear_bindings,
  .bind_int64 = pg_bind_int64,
  .bind_text = pg_bind_text,
  .bind_blob = pg_bind_blob,
  .bind_null = pg_bind_null,
  .step = pg_step,
  .column_int64 = pg_column_int64,
  .column_str = pg_column_str,
  .column_is_null = pg_column_is_null,
  .column_blob = pg_column_blob,
  .column_count = pg_column_count,
  .exec = pg_exec,
  .changes = pg_changes,
  .in_transaction = pg_in_transaction,
  .last_error_code = pg_last_error_code,
  .is_unique_violation = pg_is_unique_violation,
  .set_error = pg_set_error,
  .schema_version = pg_schema_version,
  .close = pg_close,
  .session_account = pg_session_account,
  .changes_elsewhere = pg_changes_elsewhere,
  .changed_clients = pg_changed_clients,
  .change_socket = pg_change_socket,
  .connected = pg_connected,
  .reconnect = pg_reconnect,
  .name_match = pg_name_match,
  .clients_in_order = "clients c",
  .position_function = "strpos",
  .json_values_1 = "SELECT json_array_elements_text (CAST (?1 AS json))",
  /* ICU's Finnish order (initdb imports the ICU collations). */
  .collate_names = "COLLATE \"fi-FI-x-icu\"",
  /* Only an administrator changes users, on the server too; it moves the
   * login between the role groups (data/sql/pg/0001-schema.sql). ?5 is the
   * server's own clock there. */
  .save_user_sql = "SELECT kohtaamo.save_user (?1, coalesce (?2, (SELECT display_name FROM users "
                   "WHERE account = ?1)), CAST (?3 AS integer), CAST (?4 AS integer)) "
                   "WHERE CAST (?5 AS bigint) IS NOT NULL",
};

/* The server's session as the store needs it: after every connection,
 * the first and each reconnection (kh_db_reconnect). What a session must
 * have set up before the store uses it goes here; LISTEN is renewed by
 * ensure_listening when it sees a new server process. */
static gboolean
after_connect (KhDb    *db,
               GError **error)
{
  PgConn *pc = CONN (db);
  g_autofree char *account = NULL;

  /* Unqualified names are the schema's (the shared contract); the client
   * speaks UTF-8; times are Unix seconds, so the zone does not matter. */
  if (!_kh_db_exec (db,
                    "SET search_path = kohtaamo; SET client_encoding = 'UTF8'; "
                    "SET application_name = 'kohtaamo'",
                    error))
    return FALSE;
  if (db->read_only && !_kh_db_exec (db, "SET default_transaction_read_only = on", error))
    return FALSE;
  account = query_value (db, "SELECT session_user", error);
  if (account == NULL)
    return FALSE;
  /* Another login after a failover would be another user's session. */
  if (pc->account != NULL && g_strcmp0 (pc->account, account) != 0)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION,
                   /* Translators: %s is a login name on the database server */
                   _("This connection to the database server is logged in as “%s”: it cannot act for another user."),
                   account);
      return FALSE;
    }
  g_free (pc->account);
  pc->account = g_steal_pointer (&account);
  return TRUE;
}

/* The server's notices (a role already a member …) are for the debug log. */
static void
log_notice (void       *user_data,
            const char *message)
{
  g_debug ("Server: %s", message);
}

/* PQconnectdb, and the error of a failed connection. */
static PGconn *
connect_conninfo (const char  *conninfo,
                  const char  *shown,
                  GError     **error)
{
  PGconn *conn = PQconnectdb (conninfo);

  PQsetNoticeProcessor (conn, log_notice, NULL);
  if (PQstatus (conn) != CONNECTION_OK)
    {
      g_autofree char *reason = g_strstrip (g_strdup (PQerrorMessage (conn)));

      g_debug ("Cannot connect to %s: %s", shown, reason);
      if (strstr (reason, "password") != NULL || strstr (reason, "authentication") != NULL
          || strstr (reason, "role") != NULL)
        g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION,
                     /* Translators: the first %s is the database server, the second the server's (English) reason */
                     _("The database server “%s” did not let you in: %s"), shown, reason);
      else
        g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_UNAVAILABLE,
                     /* Translators: the first %s is the database server, the second the (English) reason */
                     _("The database server “%s” cannot be reached: %s"), shown, reason);
      PQfinish (conn);
      return NULL;
    }
  return conn;
}

static gboolean
pg_connected (KhDb *db)
{
  PgConn *pc = CONN (db);

  return !pc->broken && PQstatus (pc->conn) == CONNECTION_OK;
}

/* Issue 6, 7: a new session with the same connection string, after the
 * old one broke (kh_db_reconnect has dropped the statements prepared on
 * it). With host=a,b and target_session_attrs=read-write it is the
 * server that is the primary now. */
static gboolean
pg_reconnect (KhDb    *db,
              GError **error)
{
  PgConn *pc = CONN (db);
  PGconn *conn = connect_conninfo (pc->conninfo, db->path, error);

  if (conn == NULL)
    return FALSE;
  g_clear_pointer (&pc->conn, PQfinish);
  pc->conn = conn;
  pc->broken = FALSE;
  pc->error_code = 0;
  if (!after_connect (db, error))
    {
      /* Tried again at the next reconnection. */
      pc->broken = TRUE;
      return FALSE;
    }
  g_debug ("Connected again to %s (server process %d)", db->path, PQbackendPID (pc->conn));
  return TRUE;
}

static KhDb *
connect_server (const char  *conninfo,
                GError     **error)
{
  g_autofree char *shown = kh_db_pg_display_location (conninfo);
  g_autoptr(KhDb) db = _kh_db_new (&pg_engine, shown);
  PgConn *pc = g_new0 (PgConn, 1);

  db->handle = pc;
  pc->conninfo = g_strdup (conninfo);
  pc->conn = connect_conninfo (conninfo, shown, error);
  if (pc->conn == NULL)
    return NULL;
  if (!after_connect (db, error))
    return NULL;
  return g_steal_pointer (&db);
}

/**
 * kh_db_pg_open_owner:
 *
 * Connects as the schema's owner and migrates (kohtaamo-admin server init,
 * the tests' template database).
 */
KhDb *
kh_db_pg_open_owner (const char  *conninfo,
                     GError     **error)
{
  g_autoptr(KhDb) db = NULL;

  g_return_val_if_fail (conninfo != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  db = connect_server (conninfo, error);
  if (db == NULL || !kh_db_pg_migrate (db, error))
    return NULL;
  return g_steal_pointer (&db);
}

/* A worker's connection: the schema must be there, and as new as this
 * build knows; the workers' roles may not migrate it. */
KhDb *
_kh_db_pg_open (const char  *conninfo,
                gboolean     read_only,
                GError     **error)
{
  g_autoptr(KhDb) db = NULL;
  int version;

  db = connect_server (conninfo, error);
  if (db == NULL)
    return NULL;
  db->read_only = read_only;
  {
    GError *local_error = NULL;

    version = read_version (db, &local_error);
    /* A login in none of Kohtaamo's groups may not even see the schema:
     * say so as kh_db_login says it of an unknown user. */
    if (version < 0 && g_error_matches (local_error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION))
      {
        const char *account = CONN (db)->account != NULL ? CONN (db)->account : "?";

        g_clear_error (&local_error);
        g_set_error (&local_error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION,
                     _("The account “%s” may not use Kohtaamo. Ask an administrator to run “kohtaamo-admin users add %s --role ROLE”."),
                     account, account);
      }
    if (local_error != NULL)
      {
        g_propagate_error (error, local_error);
        return NULL;
      }
  }
  if (!check_version (db, version, error))
    return NULL;
  if (version == 0)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_A_DATABASE,
                   /* Translators: %s is the database server */
                   _("The database on the server “%s” has no Kohtaamo data yet. An administrator sets it up with “kohtaamo-admin server init”."),
                   db->path);
      return NULL;
    }
  if (first_missing (db, error) < (int) G_N_ELEMENTS (migrations))
    {
      if (error != NULL && *error != NULL)
        return NULL;
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_FAILED,
                   /* Translators: %s is the database server */
                   _("The database on the server “%s” must be updated first. An administrator does it with “kohtaamo-admin server init”."),
                   db->path);
      return NULL;
    }
  if (read_only && !_kh_db_exec (db, "SET default_transaction_read_only = on", error))
    return NULL;
  return g_steal_pointer (&db);
}

/* ---- the server's administrator (kohtaamo-admin server init, users) ---- */

/* Runs `sql` with text parameters (NULL for SQL NULL) on the connection. */
static gboolean
exec_params (KhDb        *db,
             const char  *sql,
             int          n,
             const char **values,
             GError     **error)
{
  PGresult *result = PQexecParams (CONN (db)->conn, sql, n, NULL, values, NULL, NULL, 0);
  ExecStatusType status = PQresultStatus (result);
  gboolean ok = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;

  if (!ok)
    _kh_db_set_error (db, note_failure (db, result), error);
  PQclear (result);
  return ok;
}

static const char * const role_groups[] = {
  NULL, "kohtaamo_reception", "kohtaamo_counsellor", "kohtaamo_social_worker",
  "kohtaamo_lead", "kohtaamo_admin",
};

/**
 * kh_db_pg_save_login:
 * @db: a connection as a role that may create roles (the server's
 *   superuser, as kohtaamo-admin server init and users run on a server)
 * @password: (nullable): the login's password; NULL keeps the one it has
 *   (or, for a new login, none: GSSAPI/Kerberos, per pg_hba.conf)
 *
 * Makes @account a Kohtaamo user of @role on the server: its login role
 * (made when missing, its password stored as a SCRAM verifier computed
 * here, so that the password itself never reaches the server's logs),
 * membership of exactly its role's group, and its users row. An inactive
 * user's login is kept but may not log in and is in no group. Refuses
 * (INVALID) to leave no active administrator.
 */
gboolean
kh_db_pg_save_login (KhDb        *db,
                     const char  *account,
                     const char  *display_name,
                     KhRole       role,
                     gboolean     active,
                     const char  *password,
                     GError     **error)
{
  g_autofree char *verifier = NULL;
  g_autofree char *role_text = g_strdup_printf ("%d", role);
  const char *active_text = active ? "1" : "0";
  gboolean ok;

  g_return_val_if_fail (db != NULL && db->engine == &pg_engine, FALSE);
  g_return_val_if_fail (role >= KH_ROLE_FIRST && role <= KH_ROLE_LAST, FALSE);

  if (account == NULL || !g_regex_match_simple ("^[a-z_][a-z0-9_.-]{0,62}$", account, 0, 0)
      || g_str_has_prefix (account, "pg_") || g_str_has_prefix (account, "kohtaamo_"))
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                   _("The account name must be one word, as in the operating system."));
      return FALSE;
    }
  if (password != NULL)
    {
      char *encrypted = PQencryptPasswordConn (CONN (db)->conn, password, account, "scram-sha-256");

      if (encrypted == NULL)
        {
          _kh_db_set_error (db, note_failure (db, NULL), error);
          return FALSE;
        }
      verifier = g_strdup (encrypted);
      PQfreemem (encrypted);
    }

  if (!_kh_db_exec (db, "BEGIN", error))
    return FALSE;
  {
    /* format () quotes the role's name; the verifier is a parameter of
     * the DO block's query, never spliced into SQL by this program. */
    const char *values[] = { account, verifier, active_text };

    ok = exec_params (db,
                            "SELECT set_config ('kohtaamo.new_login', $1, true), "
                            "       set_config ('kohtaamo.new_verifier', coalesce ($2, ''), true), "
                            "       set_config ('kohtaamo.new_active', $3, true)",
                            3, values, error);
    ok = ok && _kh_db_exec (db,
                            "DO $$ DECLARE "
                            "  a text := current_setting ('kohtaamo.new_login'); "
                            "  v text := current_setting ('kohtaamo.new_verifier'); "
                            "  on_ boolean := current_setting ('kohtaamo.new_active') = '1'; "
                            "BEGIN "
                            "  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = a) THEN "
                            "    EXECUTE format ('CREATE ROLE %I NOLOGIN', a); "
                            "  END IF; "
                            "  IF (SELECT rolsuper FROM pg_roles WHERE rolname = a) THEN "
                            "    RAISE EXCEPTION USING ERRCODE = 'check_violation', "
                            "      MESSAGE = 'a superuser cannot be a Kohtaamo user'; "
                            "  END IF; "
                            "  EXECUTE format ('ALTER ROLE %I %s', a, CASE WHEN on_ THEN 'LOGIN' ELSE 'NOLOGIN' END); "
                            "  IF v <> '' THEN "
                            "    EXECUTE format ('ALTER ROLE %I PASSWORD %L', a, v); "
                            "  END IF; "
                            "END $$",
                            error);
  }
  for (int r = KH_ROLE_FIRST; ok && r <= KH_ROLE_LAST; r++)
    {
      g_autofree char *sql = NULL;
      g_autofree char *quoted = NULL;
      char *escaped = PQescapeIdentifier (CONN (db)->conn, account, strlen (account));

      quoted = g_strdup (escaped);
      PQfreemem (escaped);
      sql = g_strdup_printf (active && r == (int) role ? "GRANT %s TO %s" : "REVOKE %s FROM %s",
                             role_groups[r], quoted);
      ok = _kh_db_exec (db, sql, error);
    }
  if (ok)
    {
      const char *values[] = { account, display_name, role_text, active_text };

      ok = exec_params (db,
                        "INSERT INTO kohtaamo.users (account, display_name, role, active, created_at) "
                        "VALUES ($1, nullif (trim ($2), ''), CAST ($3 AS integer), CAST ($4 AS integer), "
                        "        floor (extract (epoch FROM now ()))::bigint) "
                        "ON CONFLICT (account) DO UPDATE SET "
                        "  display_name = coalesce (EXCLUDED.display_name, kohtaamo.users.display_name), "
                        "  role = EXCLUDED.role, active = EXCLUDED.active",
                        4, values, error);
    }
  if (ok)
    {
      g_autofree char *admins = query_value (db,
                                             "SELECT count (*) FROM kohtaamo.users "
                                             "WHERE role = 5 AND active = 1",
                                             error);

      ok = admins != NULL;
      if (ok && atoi (admins) == 0)
        {
          g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                       _("At least one active administrator is needed. Make another account an administrator first."));
          ok = FALSE;
        }
    }
  if (ok)
    return _kh_db_exec (db, "COMMIT", error);
  pg_exec (db, "ROLLBACK");
  return FALSE;
}

/**
 * kh_db_pg_may_create_logins:
 *
 * Whether the connection's role may create login roles (the server's
 * superuser, or a role with CREATEROLE): then kohtaamo-admin manages the
 * users' logins itself (kh_db_pg_save_login).
 */
gboolean
kh_db_pg_may_create_logins (KhDb *db)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (db != NULL, FALSE);

  if (db->engine != &pg_engine)
    return FALSE;
  value = query_value (db, "SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = session_user",
                       NULL);
  return value != NULL && value[0] == 't';
}

/* ---- for kh-db-copy.c ---- */

/* The connection's PGconn (kohtaamo-admin copy streams with COPY). */
gpointer
_kh_db_pg_connection (KhDb *db)
{
  g_return_val_if_fail (db != NULL && db->engine == &pg_engine, NULL);

  return CONN (db)->conn;
}

/* Sets `error` from a failed PGresult (NULL: the connection's failure),
 * as the engine maps it. */
void
_kh_db_pg_set_result_error (KhDb          *db,
                            gconstpointer  result,
                            GError       **error)
{
  g_return_if_fail (db != NULL && db->engine == &pg_engine);

  _kh_db_set_error (db, note_failure (db, result), error);
}
