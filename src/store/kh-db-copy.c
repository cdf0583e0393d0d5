/* kh-db-copy.c — a unit's SQLite database moved onto its PostgreSQL server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * kohtaamo-admin copy (issue 6, item 9). The one file that speaks to both
 * engines at once: it reads the SQLite file through the engine-neutral
 * statements (a read-only connection, one read transaction: one moment of
 * the file) and writes to the server with libpq's COPY FROM STDIN, in ONE
 * transaction of the server's superuser. Any error rolls it back, and the
 * server's database is as "server init" left it.
 *
 * What is copied, with its ids: every table of the file that holds the
 * unit's data (copied_tables; a table neither there nor among those the
 * server makes itself stops the copy): teams, users and the record of
 * their changes, settings, the directory of services, closed days, people
 * (with their versions; the name words and search text are the server's
 * own, made by its triggers from the names and sort keys), contacts,
 * cases, the corrections of contacts, assessments, service points and
 * meetings, case notes, the attempts to reach a person, issued documents
 * (their PDFs as they are: the server's CHECK holds each to its SHA-256,
 * so a changed byte stops the copy) with the record of their readings,
 * the clients' networks (entries with every revision, consents and their
 * withdrawals, dated versions), their client plans (every version with
 * its goals, actions, partners, factors, reviews and evaluations, and
 * its acceptance) and the access log. Every
 * row passes the server's constraints and triggers, so a rule broken in the
 * file stops the copy. Two things need more than an INSERT:
 *
 * - Corrections (contact_revisions) record a contact as it was before each
 *   correction, and the server admits a revision only of the contact as it
 *   is. So a corrected contact is written as it was first, then each
 *   revision followed by the change it recorded, as the desk once did.
 * - A contact that joined a pending case (attached_case_id) and the case
 *   refer to each other: contacts come first without it, then the cases,
 *   then the links.
 *
 * The access log keeps its history: the file's chain is verified first
 * (a broken one stops the copy unless the administrator accepts it, which
 * the server records in log_copies), then its rows are written as they are
 * (data/sql/pg/0007-copy-from-sqlite.sql lets only a copy do that), the
 * server chains the copy's own row (KH_ACCESS_EXPORT: the whole database
 * was read by an administrator's command) after them, and walks the whole
 * chain before the commit.
 *
 * Users map to login roles (users.account is the role's name): a login
 * role that exists is moved into the group of the user's role, out of the
 * others (an inactive user's into none, NOLOGIN); one that does not exist
 * is made NOLOGIN, so that nobody can log in as it until the server's
 * administrator gives it a password (kohtaamo-admin users activate ACCOUNT
 * --password-stdin). A user of the file whose account is also a user on
 * the server takes the file's id, role and state (the file's log refers to
 * them); users only the server has keep theirs, with new ids.
 */
#define G_LOG_DOMAIN "kohtaamo-store"

#include "config.h"

#include <string.h>

#include <libpq-fe.h>

#include <glib/gi18n-lib.h>

#include "store/kh-db-private.h"

typedef struct {
  KhDb   *src;
  KhDb   *dst;
  PGconn *conn;
  /* The rows of user_changes that the copy wrote besides the file's: the
   * server's own users' earlier record, and the copy's (copy_users). */
  gint64  server_user_changes;
} Copy;

/* Every table of the file that holds the unit's data, in the order they
 * are written, with what counts them: check_file_tables refuses a file
 * with a table that is neither here nor in made_by_server below, so that
 * a table added to the schema cannot be left behind unnoticed. */
static const char * const copied_tables[] = {
  "teams", "users", "user_changes", "settings", "services", "closed_days", "clients",
  "contacts", "cases", "contact_revisions", "access_log", "assessments",
  "assessment_participants", "assessment_areas", "service_points", "service_point_hours",
  "appointments", "case_notes", "contact_attempts", "responsible_workers", "documents",
  "document_reads", "network_members", "network_member_revisions", "network_consents",
  "network_consent_withdrawals", "network_versions", "network_version_members",
  "client_plans", "plan_versions", "plan_goals", "plan_actions", "plan_partners", "plan_factors",
  "plan_reviews", "plan_evaluations", "plan_acceptances",
};

/* The file's tables that the server makes itself from the copied rows
 * (its triggers: the name words and the changes announced to other desks),
 * or that hold no unit's data (SQLite's full-text index of the names, a
 * fixed list of characters 0011 refuses in names). */
static const char * const made_by_server[] = {
  "client_words", "client_changes", "contact_name_forbidden_chars",
  "clients_fts", "clients_fts_data", "clients_fts_idx", "clients_fts_docsize",
  "clients_fts_config",
};

/* The revisioned columns of a contact (0013, 0016): what a revision keeps. */
static const char * const revision_columns[] = {
  "channel", "contactor_detail", "needs", "reason_text", "urgent_note", "language",
  "interpreter", "service_id", "outcome_note", "contactor_name", "contactor_relation",
  "contactor_contact", "directed_by",
};

void
kh_db_copy_report_clear (KhDbCopyReport *report)
{
  g_clear_pointer (&report->counts, g_ptr_array_unref);
  g_clear_pointer (&report->new_logins, g_ptr_array_unref);
  g_clear_pointer (&report->kept_users, g_ptr_array_unref);
}

static void
count_free (KhDbCopyCount *count)
{
  g_free (count->table);
  g_free (count);
}

/* ---- the server ---- */

/* Runs `sql` with text parameters; the result when it worked (free it),
 * else NULL with `error` set as the engine maps the server's error. */
static PGresult *
pg_run (Copy               *c,
        const char         *sql,
        int                 n,
        const char * const *values,
        GError            **error)
{
  PGresult *result = PQexecParams (c->conn, sql, n, NULL, values, NULL, NULL, 0);
  ExecStatusType status = PQresultStatus (result);

  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
    return result;
  g_debug ("copy: %s: %s", sql, PQresultErrorMessage (result));
  _kh_db_pg_set_result_error (c->dst, result, error);
  PQclear (result);
  return NULL;
}

static gboolean
pg_do (Copy               *c,
       const char         *sql,
       int                 n,
       const char * const *values,
       GError            **error)
{
  PGresult *result = pg_run (c, sql, n, values, error);

  PQclear (result);
  return result != NULL;
}

/* The first value of the first row, as a number (-1 on error). */
static gint64
pg_number (Copy        *c,
           const char  *sql,
           GError     **error)
{
  PGresult *result = pg_run (c, sql, 0, NULL, error);
  gint64 value = -1;

  if (result == NULL)
    return -1;
  if (PQntuples (result) > 0 && !PQgetisnull (result, 0, 0))
    value = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  PQclear (result);
  return value;
}

/* ---- the file ---- */

static gint64
file_number (Copy        *c,
             const char  *sql,
             GError     **error)
{
  g_autoptr(KhDbStmt) stmt = _kh_db_prepare (c->src, sql, error);
  int rc;

  if (stmt == NULL)
    return -1;
  rc = _kh_db_step (stmt);
  if (rc != KH_DB_ROW)
    {
      _kh_db_set_error (c->src, rc, error);
      return -1;
    }
  return _kh_db_column_is_null (stmt, 0) ? 0 : _kh_db_column_int64 (stmt, 0);
}

/* ---- what is copied, column by column ---- */

typedef struct {
  char     *name;
  gboolean  bytea;
} Column;

static void
column_free (Column *column)
{
  g_free (column->name);
  g_free (column);
}

/* Made by the server, never copied: the folded names (0001, clients_keys)
 * and the transaction of a log row. */
static gboolean
server_computes (const char *table,
                 const char *column)
{
  return (g_str_equal (table, "clients") && g_str_equal (column, "search_text"))
         || (g_str_equal (table, "access_log") && g_str_equal (column, "xact"));
}

/* The columns both have, in the server's order; FAILED when either has one
 * the other lacks (a schema this build does not know how to copy). */
static GPtrArray *
table_columns (Copy        *c,
               const char  *table,
               GError     **error)
{
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func ((GDestroyNotify) column_free);
  g_autoptr(GHashTable) on_server = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(KhDbStmt) stmt = NULL;
  PGresult *result;
  const char *values[] = { table };
  int rc;

  result = pg_run (c,
                   "SELECT column_name, data_type FROM information_schema.columns "
                   "WHERE table_schema = 'kohtaamo' AND table_name = $1 ORDER BY ordinal_position",
                   1, values, error);
  if (result == NULL)
    return NULL;
  for (int i = 0; i < PQntuples (result); i++)
    {
      const char *name = PQgetvalue (result, i, 0);
      Column *column;

      g_hash_table_add (on_server, g_strdup (name));
      if (server_computes (table, name))
        continue;
      column = g_new0 (Column, 1);
      column->name = g_strdup (name);
      column->bytea = g_str_equal (PQgetvalue (result, i, 1), "bytea");
      g_ptr_array_add (columns, column);
    }
  PQclear (result);

  stmt = _kh_db_prepare (c->src, "SELECT name FROM pragma_table_info (?1)", error);
  if (stmt == NULL)
    return NULL;
  _kh_db_bind_text (stmt, 1, table);
  {
    g_autoptr(GHashTable) in_file = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    const char *unknown = NULL;

    while ((rc = _kh_db_step (stmt)) == KH_DB_ROW)
      {
        const char *name = _kh_db_column_str (stmt, 0);

        g_hash_table_add (in_file, g_strdup (name));
        if (unknown == NULL && !g_hash_table_contains (on_server, name))
          unknown = g_intern_string (name);
      }
    if (rc != KH_DB_DONE)
      {
        _kh_db_set_error (c->src, rc, error);
        return NULL;
      }
    for (guint i = 0; unknown == NULL && i < columns->len; i++)
      {
        Column *column = g_ptr_array_index (columns, i);

        if (!g_hash_table_contains (in_file, column->name))
          unknown = g_intern_string (column->name);
      }
    if (unknown != NULL)
      {
        g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_FAILED,
                     /* Translators: a table, then a column of it (kept in English) */
                     _("This version of Kohtaamo cannot copy the column %s.%s: the file and "
                       "the server differ there. Use the same version for both."),
                     table, unknown);
        return NULL;
      }
  }
  return g_steal_pointer (&columns);
}

static gboolean
is_revision_column (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (revision_columns); i++)
    if (g_str_equal (name, revision_columns[i]))
      return TRUE;
  return FALSE;
}

/* What the file's query reads for a column (the table is `k`; for
 * contacts, `r` is the first revision, if any). */
static char *
column_expression (const char *table,
                   const char *column)
{
  if (g_str_equal (table, "contacts"))
    {
      /* Linked after the cases (see the top of the file). */
      if (g_str_equal (column, "attached_case_id"))
        return g_strdup ("NULL");
      /* A corrected contact as it was before its first correction. */
      if (g_str_equal (column, "entered_in_error"))
        return g_strdup ("CASE WHEN r.id IS NULL THEN k.entered_in_error ELSE 0 END");
      if (is_revision_column (column))
        return g_strdup_printf ("CASE WHEN r.id IS NULL THEN k.%s ELSE r.%s END", column, column);
    }
  return g_strdup_printf ("k.%s", column);
}

static const char *
table_source (const char *table)
{
  if (g_str_equal (table, "contacts"))
    return "contacts k LEFT JOIN contact_revisions r "
           "ON r.id = (SELECT min (id) FROM contact_revisions WHERE contact_id = k.id)";
  return NULL;
}

static const char *
table_order (const char *table)
{
  if (g_str_equal (table, "settings"))
    return "k.key";
  if (g_str_equal (table, "closed_days"))
    return "k.date";
  /* The chain's order: each copied row must come after the end. */
  if (g_str_equal (table, "access_log"))
    return "k.seq, k.id";
  if (g_str_equal (table, "assessment_participants") || g_str_equal (table, "assessment_areas"))
    return "k.assessment_id, k.position";
  if (g_str_equal (table, "service_point_hours"))
    return "k.point_id, k.weekday";
  if (g_str_equal (table, "document_reads"))
    return "k.log_seq";
  if (g_str_equal (table, "network_consent_withdrawals"))
    return "k.consent_id";
  if (g_str_equal (table, "network_version_members"))
    return "k.version_id, k.revision_id";
  if (g_str_equal (table, "plan_partners") || g_str_equal (table, "plan_factors"))
    return "k.version_id, k.position";
  if (g_str_equal (table, "plan_evaluations"))
    return "k.review_id, k.position";
  if (g_str_equal (table, "plan_acceptances"))
    return "k.version_id";
  return "k.id";
}

static void
append_copy_text (GString    *out,
                  const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    switch (*p)
      {
      case '\\': g_string_append (out, "\\\\"); break;
      case '\t': g_string_append (out, "\\t"); break;
      case '\n': g_string_append (out, "\\n"); break;
      case '\r': g_string_append (out, "\\r"); break;
      default: g_string_append_c (out, *p); break;
      }
}

static void
append_copy_bytea (GString      *out,
                   const guint8 *data,
                   gsize         size)
{
  static const char hex[] = "0123456789abcdef";

  /* bytea's \x form, its backslash escaped for COPY's text format. */
  g_string_append (out, "\\\\x");
  for (gsize i = 0; i < size; i++)
    {
      g_string_append_c (out, hex[data[i] >> 4]);
      g_string_append_c (out, hex[data[i] & 0xf]);
    }
}

/* Ends a COPY: with `failure` (the file could not be read) it is aborted. */
static gboolean
end_copy (Copy        *c,
          const char  *failure,
          GError     **error)
{
  PGresult *result;
  gboolean ok = TRUE;

  if (PQputCopyEnd (c->conn, failure) != 1)
    {
      _kh_db_pg_set_result_error (c->dst, NULL, error);
      return FALSE;
    }
  while ((result = PQgetResult (c->conn)) != NULL)
    {
      if (PQresultStatus (result) != PGRES_COMMAND_OK && ok)
        {
          ok = FALSE;
          /* The file's own error, when it was the file. */
          if (failure == NULL)
            _kh_db_pg_set_result_error (c->dst, result, error);
        }
      PQclear (result);
    }
  return ok && failure == NULL;
}

/* Streams every row of `table` from the file into the server. */
static gboolean
copy_table (Copy        *c,
            const char  *table,
            GError     **error)
{
  g_autoptr(GPtrArray) columns = table_columns (c, table, error);
  g_autoptr(GString) select = g_string_new ("SELECT ");
  g_autoptr(GString) copy = NULL;
  g_autoptr(GString) buffer = NULL;
  g_autoptr(KhDbStmt) stmt = NULL;
  const char *source = table_source (table);
  PGresult *result;
  int rc;

  if (columns == NULL)
    return FALSE;

  copy = g_string_new (NULL);
  g_string_printf (copy, "COPY %s (", table);
  for (guint i = 0; i < columns->len; i++)
    {
      Column *column = g_ptr_array_index (columns, i);
      g_autofree char *expression = column_expression (table, column->name);

      g_string_append_printf (select, "%s%s", i > 0 ? ", " : "", expression);
      g_string_append_printf (copy, "%s%s", i > 0 ? ", " : "", column->name);
    }
  g_string_append (copy, ") FROM STDIN");
  if (source != NULL)
    g_string_append_printf (select, " FROM %s", source);
  else
    g_string_append_printf (select, " FROM %s k", table);
  g_string_append_printf (select, " ORDER BY %s", table_order (table));

  stmt = _kh_db_prepare (c->src, select->str, error);
  if (stmt == NULL)
    return FALSE;

  result = PQexec (c->conn, copy->str);
  if (PQresultStatus (result) != PGRES_COPY_IN)
    {
      _kh_db_pg_set_result_error (c->dst, result, error);
      PQclear (result);
      return FALSE;
    }
  PQclear (result);

  buffer = g_string_sized_new (1 << 17);
  while ((rc = _kh_db_step (stmt)) == KH_DB_ROW)
    {
      for (guint i = 0; i < columns->len; i++)
        {
          Column *column = g_ptr_array_index (columns, i);

          if (i > 0)
            g_string_append_c (buffer, '\t');
          if (_kh_db_column_is_null (stmt, i))
            g_string_append (buffer, "\\N");
          else if (column->bytea)
            {
              gsize size = 0;
              const void *data = _kh_db_column_blob (stmt, i, &size);

              append_copy_bytea (buffer, data, size);
            }
          else
            append_copy_text (buffer, _kh_db_column_str (stmt, i));
        }
      g_string_append_c (buffer, '\n');
      if (buffer->len >= (1 << 16))
        {
          if (PQputCopyData (c->conn, buffer->str, buffer->len) != 1)
            break;
          g_string_truncate (buffer, 0);
        }
    }
  if (rc != KH_DB_DONE && rc != KH_DB_ROW)
    {
      _kh_db_set_error (c->src, rc, error);
      end_copy (c, "the file could not be read", NULL);
      return FALSE;
    }
  if (rc == KH_DB_ROW || (buffer->len > 0 && PQputCopyData (c->conn, buffer->str, buffer->len) != 1))
    {
      /* The connection failed while sending: its error says why. */
      end_copy (c, NULL, NULL);
      _kh_db_pg_set_result_error (c->dst, NULL, error);
      return FALSE;
    }
  return end_copy (c, NULL, error);
}

/* ---- corrections, replayed (see the top of the file) ---- */

static gboolean
write_revisions (Copy    *c,
                 GError **error)
{
  g_autoptr(GPtrArray) columns = table_columns (c, "contact_revisions", error);
  g_autoptr(GString) select = g_string_new ("SELECT ");
  g_autoptr(GString) insert = NULL;
  g_autoptr(GString) update = g_string_new ("UPDATE contacts SET ");
  g_autoptr(GString) final_select = g_string_new ("SELECT ");
  g_autoptr(KhDbStmt) stmt = NULL;
  int n_columns;
  int rc;

  if (columns == NULL)
    return FALSE;
  n_columns = columns->len;

  insert = g_string_new ("INSERT INTO contact_revisions (");
  for (int i = 0; i < n_columns; i++)
    {
      Column *column = g_ptr_array_index (columns, i);

      g_string_append_printf (select, "%sr.%s", i > 0 ? ", " : "", column->name);
      g_string_append_printf (insert, "%s%s", i > 0 ? ", " : "", column->name);
    }
  /* Then the state the contact had after this correction: the next
   * revision's, or for the last, the contact as it is now. */
  g_string_append (insert, ") VALUES (");
  for (int i = 0; i < n_columns; i++)
    g_string_append_printf (insert, "%s$%d", i > 0 ? ", " : "", i + 1);
  g_string_append (insert, ")");

  for (guint i = 0; i < G_N_ELEMENTS (revision_columns); i++)
    {
      const char *name = revision_columns[i];

      g_string_append_printf (select, ", CASE WHEN n.id IS NULL THEN k.%s ELSE n.%s END",
                              name, name);
      g_string_append_printf (update, "%s%s = $%u", i > 0 ? ", " : "", name, i + 2);
    }
  g_string_append (select, ", CASE WHEN n.id IS NULL THEN k.entered_in_error ELSE 0 END");
  g_string_append_printf (update, ", entered_in_error = $%u WHERE id = $1",
                          (guint) G_N_ELEMENTS (revision_columns) + 2);
  g_string_append (select,
                   " FROM contact_revisions r JOIN contacts k ON k.id = r.contact_id "
                   "LEFT JOIN contact_revisions n ON n.id = (SELECT min (id) FROM contact_revisions "
                   "WHERE contact_id = r.contact_id AND id > r.id) "
                   "ORDER BY r.contact_id, r.id");

  stmt = _kh_db_prepare (c->src, select->str, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = _kh_db_step (stmt)) == KH_DB_ROW)
    {
      g_autofree const char **values = g_new0 (const char *, n_columns);
      g_autofree const char **after = g_new0 (const char *, G_N_ELEMENTS (revision_columns) + 2);
      int contact_column = -1;

      for (int i = 0; i < n_columns; i++)
        {
          Column *column = g_ptr_array_index (columns, i);

          values[i] = _kh_db_column_is_null (stmt, i) ? NULL : _kh_db_column_str (stmt, i);
          if (g_str_equal (column->name, "contact_id"))
            contact_column = i;
        }
      g_assert (contact_column >= 0);
      after[0] = values[contact_column];
      for (guint i = 0; i <= G_N_ELEMENTS (revision_columns); i++)
        after[i + 1] = _kh_db_column_is_null (stmt, n_columns + i)
                       ? NULL : _kh_db_column_str (stmt, n_columns + i);

      if (!pg_do (c, insert->str, n_columns, values, error))
        return FALSE;
      if (!pg_do (c, update->str, G_N_ELEMENTS (revision_columns) + 2, after, error))
        return FALSE;
    }
  if (rc != KH_DB_DONE)
    {
      _kh_db_set_error (c->src, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* Contacts that joined a pending case, linked once the cases are there. */
static gboolean
link_attached_cases (Copy    *c,
                     GError **error)
{
  g_autoptr(KhDbStmt) stmt = _kh_db_prepare (c->src,
                                             "SELECT id, attached_case_id FROM contacts "
                                             "WHERE attached_case_id IS NOT NULL ORDER BY id",
                                             error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = _kh_db_step (stmt)) == KH_DB_ROW)
    {
      const char *values[] = { _kh_db_column_str (stmt, 0), _kh_db_column_str (stmt, 1) };

      if (!pg_do (c, "UPDATE contacts SET attached_case_id = $2 WHERE id = $1", 2, values, error))
        return FALSE;
    }
  if (rc != KH_DB_DONE)
    {
      _kh_db_set_error (c->src, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* ---- users and their logins ---- */

/* Empties a table that only empty tables refer to (kohtaamo.copy_begin has
 * checked them under its locks). The foreign keys' checks would read those
 * tables FOR KEY SHARE as their owner, whom 0001 denies UPDATE on the log
 * and the corrections; with nothing there, the checks are skipped for this
 * one statement (a superuser's setting, local to the transaction). */
static gboolean
delete_all (Copy        *c,
            const char  *table,
            GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SET LOCAL session_replication_role = replica; "
                                          "DELETE FROM %s; "
                                          "SET LOCAL session_replication_role = origin", table);

  return _kh_db_exec (c->dst, sql, error);
}

/* The record of who changed which user (0022, pg 0012): the file's rows
 * with their ids (0020 keeps the server's trigger quiet during a copy),
 * then the server's earlier rows about its own users, their ids now the
 * ones the copy gave them, then one row in the copy's name for each of the
 * server's users whom the copy left otherwise than their last row says (a
 * server user who took the file's role and name). */
static gboolean
copy_user_changes (Copy    *c,
                   GError **error)
{
  gint64 before;
  gint64 after;

  if (!copy_table (c, "user_changes", error)
      || !pg_do (c, "SELECT setval (pg_get_serial_sequence ('kohtaamo.user_changes', 'id'), "
                    "max (id)) FROM user_changes", 0, NULL, error))
    return FALSE;
  before = pg_number (c, "SELECT count (*) FROM user_changes", error);
  if (before < 0
      || !pg_do (c, "INSERT INTO user_changes (at, user_id, role, active, display_name, "
                    "changed_by, changed_by_account) "
                    "SELECT s.at, u.id, s.role, s.active, s.display_name, b.id, s.changed_by_account "
                    "FROM kh_server_user_changes s JOIN users u ON u.account = s.account "
                    "LEFT JOIN users b ON b.account = s.changed_by ORDER BY s.id",
                 0, NULL, error)
      || !pg_do (c, "INSERT INTO user_changes (at, user_id, role, active, display_name, "
                    "changed_by, changed_by_account) "
                    "SELECT floor (extract (epoch FROM now ()))::bigint, u.id, u.role, u.active, "
                    "u.display_name, (SELECT id FROM users WHERE account = session_user), "
                    "session_user FROM users u "
                    "LEFT JOIN user_changes l ON l.id = (SELECT max (id) FROM user_changes "
                    "                                    WHERE user_id = u.id) "
                    "WHERE u.account IN (SELECT account FROM kh_server_users) "
                    "AND (l.id IS NULL OR l.role <> u.role OR l.active <> u.active "
                    "     OR l.display_name IS DISTINCT FROM u.display_name) ORDER BY u.id",
                 0, NULL, error))
    return FALSE;
  after = pg_number (c, "SELECT count (*) FROM user_changes", error);
  if (after < 0)
    return FALSE;
  c->server_user_changes = after - before;
  return TRUE;
}

static gboolean
copy_users (Copy            *c,
            KhDbCopyReport  *report,
            GError         **error)
{
  PGresult *result;

  /* What server init and users made, set aside; the file's users come with
   * their ids (the log and the records refer to them). */
  if (!pg_do (c, "CREATE TEMPORARY TABLE kh_server_users ON COMMIT DROP AS "
                 "SELECT * FROM users", 0, NULL, error)
      || !pg_do (c, "CREATE TEMPORARY TABLE kh_new_logins (account text) ON COMMIT DROP",
                 0, NULL, error)
      /* The record of who made the server's users (server init, users),
       * by account: their ids change below. */
      || !pg_do (c, "CREATE TEMPORARY TABLE kh_server_user_changes ON COMMIT DROP AS "
                    "SELECT c.id, c.at, u.account, c.role, c.active, c.display_name, "
                    "b.account AS changed_by, c.changed_by_account "
                    "FROM user_changes c JOIN users u ON u.id = c.user_id "
                    "LEFT JOIN users b ON b.id = c.changed_by", 0, NULL, error)
      || !delete_all (c, "user_changes", error)
      || !delete_all (c, "users", error)
      /* The file's teams in place of the one that server init made (the
       * users and cases refer to them by id). */
      || !delete_all (c, "teams", error)
      || !copy_table (c, "teams", error)
      || !pg_do (c, "SELECT setval (pg_get_serial_sequence ('kohtaamo.teams', 'id'), max (id)) "
                    "FROM teams", 0, NULL, error)
      || !copy_table (c, "users", error)
      || !pg_do (c, "SELECT setval (pg_get_serial_sequence ('kohtaamo.users', 'id'), max (id)) "
                    "FROM users", 0, NULL, error))
    return FALSE;

  result = pg_run (c,
                   "INSERT INTO users (account, display_name, role, active, created_at) "
                   "SELECT s.account, s.display_name, s.role, s.active, s.created_at "
                   "FROM kh_server_users s "
                   "WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.account = s.account) "
                   "ORDER BY s.id RETURNING account",
                   0, NULL, error);
  if (result == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (result); i++)
    g_ptr_array_add (report->kept_users, g_strdup (PQgetvalue (result, i, 0)));
  PQclear (result);

  if (!copy_user_changes (c, error))
    return FALSE;

  /* Each user's login role, in the group of their role (as
   * kh_db_pg_save_login and kohtaamo.save_user keep them). */
  if (!pg_do (c,
              "DO $copy$ DECLARE u record; g name; BEGIN "
              "FOR u IN SELECT account, role, active FROM kohtaamo.users ORDER BY id LOOP "
              "  IF u.account !~ '^[a-z_][a-z0-9_.-]*$' OR u.account ~ '^(pg_|kohtaamo_)' "
              "     OR length (u.account) > 63 THEN "
              "    RAISE EXCEPTION USING ERRCODE = 'check_violation', MESSAGE = format ("
              "      'the account %s cannot be a login role on the server (lower-case letters, "
              "digits, _ . - only)', u.account); "
              "  END IF; "
              "  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = u.account) THEN "
              "    EXECUTE format ('CREATE ROLE %I NOLOGIN', u.account); "
              "    INSERT INTO kh_new_logins (account) VALUES (u.account); "
              "  END IF; "
              "  IF (SELECT rolsuper FROM pg_roles WHERE rolname = u.account) THEN "
              "    RAISE EXCEPTION USING ERRCODE = 'check_violation', MESSAGE = format ("
              "      'the account %s is a superuser of the server, which cannot be a Kohtaamo "
              "user', u.account); "
              "  END IF; "
              "  IF u.active = 0 THEN "
              "    EXECUTE format ('ALTER ROLE %I NOLOGIN', u.account); "
              "  END IF; "
              "  FOREACH g IN ARRAY ARRAY['kohtaamo_reception', 'kohtaamo_counsellor', "
              "    'kohtaamo_social_worker', 'kohtaamo_lead', 'kohtaamo_admin']::name[] LOOP "
              "    IF u.active = 1 AND g = kohtaamo.role_group (u.role) THEN "
              "      EXECUTE format ('GRANT %I TO %I', g, u.account); "
              "    ELSIF pg_has_role (u.account, g, 'MEMBER') THEN "
              "      EXECUTE format ('REVOKE %I FROM %I', g, u.account); "
              "    END IF; "
              "  END LOOP; "
              "END LOOP; "
              "END $copy$",
              0, NULL, error))
    return FALSE;

  result = pg_run (c, "SELECT account FROM kh_new_logins ORDER BY account", 0, NULL, error);
  if (result == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (result); i++)
    g_ptr_array_add (report->new_logins, g_strdup (PQgetvalue (result, i, 0)));
  PQclear (result);
  return TRUE;
}

/* ---- the whole copy ---- */

static gboolean
check_superuser (Copy    *c,
                 GError **error)
{
  PGresult *result = pg_run (c, "SELECT rolsuper FROM pg_roles WHERE rolname = session_user",
                             0, NULL, error);
  gboolean super;

  if (result == NULL)
    return FALSE;
  super = PQntuples (result) == 1 && PQgetvalue (result, 0, 0)[0] == 't';
  PQclear (result);
  if (!super)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION,
                   _("The copy runs as the server’s superuser (e.g. as the account postgres: "
                     "sudo -u postgres kohtaamo-admin copy …)."));
      return FALSE;
    }
  return TRUE;
}

/* The server's database holds nothing of a unit yet (kohtaamo.copy_begin
 * checks again under its locks). */
static gboolean
check_target_empty (Copy    *c,
                    GError **error)
{
  gint64 people = pg_number (c, "SELECT count (*) FROM clients", error);
  gint64 contacts = people < 0 ? -1 : pg_number (c, "SELECT count (*) FROM contacts", error);
  gint64 rest = contacts < 0 ? -1 : pg_number (c,
                                               "SELECT (SELECT count (*) FROM cases) "
                                               "+ (SELECT count (*) FROM access_log) "
                                               "+ (SELECT count (*) FROM closed_days) "
                                               "+ (SELECT count (*) FROM log_copies) "
                                               "+ (SELECT count (*) FROM case_notes) "
                                               "+ (SELECT count (*) FROM contact_attempts) "
                                               "+ (SELECT count (*) FROM network_members) "
                                               "+ (SELECT count (*) FROM network_versions) "
                                               "+ (SELECT count (*) FROM client_plans) "
                                               "+ (SELECT count (*) FROM responsible_workers) "
                                               "+ (SELECT count (*) FROM documents) "
                                               "+ (SELECT count (*) FROM assessments) "
                                               "+ (SELECT count (*) FROM appointments) "
                                               "+ (SELECT count (*) FROM service_points)",
                                               error);

  if (rest < 0)
    return FALSE;
  if (people > 0 || contacts > 0 || rest > 0)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                   /* Translators: %s is the database server; then numbers of people and contacts */
                   _("The database on the server “%s” already holds a unit’s data (%lld people, "
                     "%lld contacts). The copy goes only into a database that “kohtaamo-admin "
                     "server init” prepared and nobody has used yet. Nothing was copied."),
                   kh_db_get_path (c->dst), (long long) people, (long long) contacts);
      return FALSE;
    }
  return TRUE;
}

static gboolean
in_list (const char * const *list,
         gsize               n,
         const char         *name)
{
  for (gsize i = 0; i < n; i++)
    if (g_str_equal (list[i], name))
      return TRUE;
  return FALSE;
}

/* Every table of the file is copied or made by the server (see
 * copied_tables): a table this build does not know how to copy stops the
 * copy before anything is written, rather than stay behind. */
static gboolean
check_file_tables (Copy    *c,
                   GError **error)
{
  g_autoptr(KhDbStmt) stmt = _kh_db_prepare (c->src,
                                             "SELECT name FROM sqlite_schema WHERE type = 'table' "
                                             "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
                                             error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = _kh_db_step (stmt)) == KH_DB_ROW)
    {
      const char *name = _kh_db_column_str (stmt, 0);

      if (!in_list (copied_tables, G_N_ELEMENTS (copied_tables), name)
          && !in_list (made_by_server, G_N_ELEMENTS (made_by_server), name))
        {
          g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_FAILED,
                       /* Translators: %s is a table of the database (kept in English) */
                       _("This version of Kohtaamo does not know how to copy the table %s of "
                         "the file. Nothing was copied."),
                       name);
          return FALSE;
        }
    }
  if (rc != KH_DB_DONE)
    {
      _kh_db_set_error (c->src, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* The file's chain, in the copy's snapshot of the file. */
static gboolean
verify_file_log (Copy             *c,
                 gboolean          accept_broken_log,
                 KhDbCopyReport   *report,
                 GError          **error)
{
  g_autoptr(KhUser) verifier = kh_user_new ();

  /* The check of kh_db_verify_access_log is the role of who asks: here
   * the server's superuser, whom the store cannot name, acting as an
   * administrator would. */
  verifier->account = g_strdup ("kohtaamo-admin copy");
  verifier->role = KH_ROLE_ADMIN;
  verifier->active = TRUE;
  if (!kh_db_verify_access_log (c->src, verifier, NULL, &report->file_log, error))
    return FALSE;
  if (report->file_log.status != KH_LOG_CHAIN_INTACT && !accept_broken_log)
    {
      g_autofree char *found = kh_log_verify_result_describe (&report->file_log, NULL);

      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                   /* Translators: %s says what is wrong with the access log */
                   _("%s Nothing was copied. To move the database with its log as it is, run "
                     "the copy again with --accept-broken-log: the server then records that "
                     "the log came broken."),
                   found);
      return FALSE;
    }
  return TRUE;
}

/* The server's walk of its whole chain, after the copy's own row. */
static gboolean
verify_server_log (Copy             *c,
                   KhDbCopyReport   *report,
                   gint64            file_rows,
                   GError          **error)
{
  PGresult *result = pg_run (c, "SELECT rows_checked, first_bad_seq, kind FROM access_log_walk ()",
                             0, NULL, error);
  gboolean intact, ok;
  gint64 checked, bad;

  if (result == NULL)
    return FALSE;
  checked = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  intact = PQgetisnull (result, 0, 2);
  bad = intact ? 0 : g_ascii_strtoll (PQgetvalue (result, 0, 1), NULL, 10);
  PQclear (result);

  if (report->file_log.status == KH_LOG_CHAIN_INTACT)
    ok = intact && checked == file_rows + 1;
  else
    /* A log that came broken stays broken where it was, and nowhere before. */
    ok = !intact && bad == report->file_log.broken_seq;
  if (!ok)
    g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_FAILED,
                         _("The access log on the server did not come out as the file had "
                           "it. Nothing was copied."));
  return ok;
}

static gboolean
record_copy (Copy             *c,
             KhDbCopyReport   *report,
             const char       *source_name,
             gint64            admin_id,
             gint64            file_rows,
             GError          **error)
{
  g_autoptr(KhDbStmt) stmt = NULL;
  g_autofree char *by = g_strdup_printf ("%" G_GINT64_FORMAT, admin_id);
  g_autofree char *rows = g_strdup_printf ("%" G_GINT64_FORMAT, file_rows);
  g_autofree char *last_seq = NULL;
  g_autofree char *last_hash = NULL;
  g_autofree char *broken_seq = NULL;
  g_autofree char *problem = NULL;
  int rc;

  stmt = _kh_db_prepare (c->src, "SELECT seq, hash FROM access_log ORDER BY seq DESC, id DESC LIMIT 1",
                         error);
  if (stmt == NULL)
    return FALSE;
  rc = _kh_db_step (stmt);
  if (rc == KH_DB_ROW)
    {
      last_seq = g_strdup (_kh_db_column_str (stmt, 0));
      last_hash = g_strdup (_kh_db_column_str (stmt, 1));
    }
  else if (rc == KH_DB_DONE)
    {
      last_seq = g_strdup ("0");
      last_hash = g_strnfill (KH_LOG_HASH_LENGTH, '0');
    }
  else
    {
      _kh_db_set_error (c->src, rc, error);
      return FALSE;
    }
  if (report->file_log.status != KH_LOG_CHAIN_INTACT)
    {
      broken_seq = g_strdup_printf ("%" G_GINT64_FORMAT, report->file_log.broken_seq);
      problem = kh_log_verify_result_describe (&report->file_log, NULL);
    }
  {
    const char *values[] = { by, source_name, rows, last_seq, last_hash, broken_seq, problem };

    return pg_do (c,
                  "INSERT INTO log_copies (copied_by, source, log_rows, last_seq, last_hash, "
                  "broken_seq, broken_problem) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                  7, values, error);
  }
}

static gboolean
compare_counts (Copy             *c,
                KhDbCopyReport   *report,
                GError          **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (copied_tables); i++)
    {
      const char *table = copied_tables[i];
      g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM %s", table);
      KhDbCopyCount *count = g_new0 (KhDbCopyCount, 1);
      gint64 expected;

      count->table = g_strdup (table);
      g_ptr_array_add (report->counts, count);
      count->in_file = file_number (c, sql, error);
      if (count->in_file < 0)
        return FALSE;
      count->on_server = pg_number (c, sql, error);
      if (count->on_server < 0)
        return FALSE;

      expected = count->in_file;
      if (g_str_equal (table, "users"))
        expected += report->kept_users->len;
      else if (g_str_equal (table, "user_changes"))
        expected += c->server_user_changes;
      else if (g_str_equal (table, "access_log"))
        expected += 1;
      if (count->on_server != expected)
        {
          g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_FAILED,
                       /* Translators: a table's name, then two numbers of rows */
                       _("The table %s has %lld rows on the server but should have %lld. "
                         "Nothing was copied."),
                       table, (long long) count->on_server, (long long) expected);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
run_copy (Copy             *c,
          const char       *source_name,
          const char       *admin_account,
          gboolean          accept_broken_log,
          KhDbCopyReport   *report,
          GError          **error)
{
  gint64 file_rows;
  gint64 admin_id;

  if (!check_file_tables (c, error) || !verify_file_log (c, accept_broken_log, report, error))
    return FALSE;
  file_rows = file_number (c, "SELECT count (*) FROM access_log", error);
  if (file_rows < 0)
    return FALSE;

  if (!pg_do (c, "SELECT copy_begin ()", 0, NULL, error)
      || !copy_users (c, report, error))
    return FALSE;

  {
    const char *values[] = { admin_account };
    PGresult *result = pg_run (c, "SELECT id FROM users WHERE account = $1 AND role = 5 AND active = 1",
                               1, values, error);

    if (result == NULL)
      return FALSE;
    admin_id = PQntuples (result) == 1 ? g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10) : 0;
    PQclear (result);
    if (admin_id == 0)
      {
        g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION,
                     /* Translators: %s is an account name */
                     _("“%s” is not an active administrator in the file or on the server. The "
                       "copy is recorded in the access log as an administrator’s: name one with "
                       "--admin ACCOUNT."),
                     admin_account);
        return FALSE;
      }
  }

  /* What server init put there (the default directory and settings) gives
   * way to the unit's own. */
  if (!pg_do (c, "DELETE FROM settings", 0, NULL, error)
      || !copy_table (c, "settings", error)
      || !delete_all (c, "services", error)
      || !copy_table (c, "services", error)
      || !copy_table (c, "closed_days", error)
      || !copy_table (c, "clients", error)
      || !copy_table (c, "contacts", error)
      || !copy_table (c, "cases", error)
      || !write_revisions (c, error)
      || !link_attached_cases (c, error)
      || !copy_table (c, "assessments", error)
      || !copy_table (c, "assessment_participants", error)
      || !copy_table (c, "assessment_areas", error)
      || !copy_table (c, "service_points", error)
      || !copy_table (c, "service_point_hours", error)
      || !copy_table (c, "appointments", error)
      || !copy_table (c, "case_notes", error)
      || !copy_table (c, "contact_attempts", error)
      || !copy_table (c, "network_members", error)
      || !copy_table (c, "network_member_revisions", error)
      || !copy_table (c, "network_consents", error)
      || !copy_table (c, "network_consent_withdrawals", error)
      || !copy_table (c, "network_versions", error)
      || !copy_table (c, "network_version_members", error)
      /* The plans table by table: the server's rules that depend on the
       * order of a version's rows are the copy's to skip (0031). */
      || !copy_table (c, "client_plans", error)
      || !copy_table (c, "plan_versions", error)
      || !copy_table (c, "plan_goals", error)
      || !copy_table (c, "plan_actions", error)
      || !copy_table (c, "plan_partners", error)
      || !copy_table (c, "plan_factors", error)
      || !copy_table (c, "plan_reviews", error)
      || !copy_table (c, "plan_evaluations", error)
      || !copy_table (c, "plan_acceptances", error)
      || !copy_table (c, "responsible_workers", error)
      || !copy_table (c, "documents", error)
      || !copy_table (c, "access_log", error)
      /* After the log: each names a row of it. */
      || !copy_table (c, "document_reads", error))
    return FALSE;

  /* The ids from here on come after the copied ones, and the log's rows
   * are the server's own again. */
  if (!pg_do (c, "SELECT copy_end ()", 0, NULL, error))
    return FALSE;

  /* The copy itself, in the log: the whole database read by an
   * administrator's command, for administration. */
  {
    g_autofree char *by = g_strdup_printf ("%" G_GINT64_FORMAT, admin_id);
    g_autofree char *what = g_strdup_printf ("%d", KH_ACCESS_EXPORT);
    g_autofree char *basis = g_strdup_printf ("%d", KH_BASIS_ADMINISTRATION);
    const char *values[] = { by, what, basis };
    PGresult *result = pg_run (c,
                               "INSERT INTO access_log (user_id, client_id, what, basis) "
                               "VALUES ($1, NULL, $2, $3) RETURNING seq",
                               3, values, error);

    if (result == NULL)
      return FALSE;
    report->copy_log_seq = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
    PQclear (result);
  }

  return verify_server_log (c, report, file_rows, error)
         && record_copy (c, report, source_name, admin_id, file_rows, error)
         && compare_counts (c, report, error);
}

/**
 * kh_db_copy_to_server:
 *
 * See kh-db.h.
 */
gboolean
kh_db_copy_to_server (KhDb            *source,
                      const char      *source_name,
                      const char      *conninfo,
                      const char      *admin_account,
                      gboolean         accept_broken_log,
                      KhDbCopyReport  *report,
                      GError         **error)
{
  g_autoptr(KhDb) target = NULL;
  g_autoptr(GError) local_error = NULL;
  Copy c = { 0 };
  gboolean ok;

  g_return_val_if_fail (source != NULL && !kh_db_is_server (source), FALSE);
  g_return_val_if_fail (conninfo != NULL && admin_account != NULL, FALSE);
  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  memset (report, 0, sizeof *report);
  report->counts = g_ptr_array_new_with_free_func ((GDestroyNotify) count_free);
  report->new_logins = g_ptr_array_new_with_free_func (g_free);
  report->kept_users = g_ptr_array_new_with_free_func (g_free);

  /* The server's schema as new as this build's (else: server init). */
  target = _kh_db_pg_open (conninfo, FALSE, error);
  if (target == NULL)
    return FALSE;
  c.src = source;
  c.dst = target;
  c.conn = _kh_db_pg_connection (target);

  if (!check_superuser (&c, error) || !check_target_empty (&c, error))
    return FALSE;

  /* One moment of the file, however long the copy takes. */
  if (!_kh_db_exec (source, "BEGIN", error))
    return FALSE;
  if (!_kh_db_exec (target, "BEGIN", error))
    {
      _kh_db_exec (source, "ROLLBACK", NULL);
      return FALSE;
    }

  ok = run_copy (&c, source_name, admin_account, accept_broken_log, report, &local_error);
  _kh_db_exec (source, "ROLLBACK", NULL);
  if (ok)
    ok = _kh_db_exec (target, "COMMIT", &local_error);
  else
    _kh_db_exec (target, "ROLLBACK", NULL);
  if (!ok)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}
