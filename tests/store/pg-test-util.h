/* pg-test-util.h — the store tests on a throwaway PostgreSQL cluster
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * With KOHTAAMO_TEST_ENGINE=pg the store's fixture opens a new database on
 * a cluster instead of a SQLite file. tools/test starts one cluster for the
 * whole run (tools/pg-cluster) and passes its superuser's connection string
 * in KOHTAAMO_TEST_PG; without it, a test program starts a cluster of its
 * own and stops it when it exits.
 *
 * Once per cluster, a template database "kh_template" is migrated by the
 * superuser (kh_db_pg_open_owner) and given the first administrator, the
 * login role "tester" (as kohtaamo-admin server init does); each test then
 * gets CREATE DATABASE … TEMPLATE kh_template, and drops it after. The
 * template's comment is a fingerprint of the migrations it was made from
 * (pg_test_migrations_fingerprint): a cluster kept between runs of other
 * builds or branches gets a template of this build's files.
 */
#pragma once

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>
#include <libpq-fe.h>

#include "config.h"

#include "store/kh-db.h"

/* The first administrator's login (and password) in every test database. */
#define PG_TEST_ADMIN "tester"
#define PG_TEST_PASSWORD "kohtaamo-test"
#define PG_TEST_TEMPLATE "kh_template"

static inline gboolean
pg_test_engine (void)
{
  return g_strcmp0 (g_getenv ("KOHTAAMO_TEST_ENGINE"), "pg") == 0;
}

static char *pg_test_cluster_dir;

static void
pg_test_stop_cluster (void)
{
  g_autofree char *script = g_build_filename (KH_SOURCE_ROOT, "tools", "pg-cluster", NULL);
  const char *argv[] = { script, "stop", pg_test_cluster_dir, NULL };

  if (pg_test_cluster_dir == NULL)
    return;
  g_autoptr(GError) error = NULL;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                     NULL, NULL, NULL, &error))
    g_printerr ("Could not stop the test cluster in %s: %s\n", pg_test_cluster_dir, error->message);
  {
    const char *rm[] = { "rm", "-rf", pg_test_cluster_dir, NULL };

    g_spawn_sync (NULL, (char **) rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                  NULL, NULL, NULL, NULL);
  }
  g_clear_pointer (&pg_test_cluster_dir, g_free);
}

/* "host=… port=… user=postgres" of the cluster, without a dbname. */
static inline const char *
pg_test_server (void)
{
  static char *server;
  const char *env;

  if (server != NULL)
    return server;
  env = g_getenv ("KOHTAAMO_TEST_PG");
  if (env != NULL && *env != '\0')
    {
      server = g_strdup (env);
      return server;
    }
  {
    g_autofree char *script = g_build_filename (KH_SOURCE_ROOT, "tools", "pg-cluster", NULL);
    g_autofree char *out = NULL;
    g_autoptr(GError) error = NULL;
    int status = 0;
    char template_dir[] = "/tmp/kh-pg-XXXXXX";
    const char *argv[] = { script, "start", NULL, "-c", "fsync=off", NULL };

    g_assert_nonnull (g_mkdtemp (template_dir));
    pg_test_cluster_dir = g_strdup (template_dir);
    argv[2] = pg_test_cluster_dir;
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL,
                  &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    atexit (pg_test_stop_cluster);
    /* The script prints "host=DIR port=P dbname=kohtaamo user=postgres". */
    server = g_strdup_printf ("host=%s port=5432 user=postgres", pg_test_cluster_dir);
  }
  return server;
}

static inline PGconn *
pg_test_connect (const char *dbname)
{
  g_autofree char *conninfo = g_strdup_printf ("%s dbname=%s", pg_test_server (), dbname);
  PGconn *conn = PQconnectdb (conninfo);

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("Cannot connect to the test cluster (%s): %s", conninfo, PQerrorMessage (conn));
  return conn;
}

static inline void
pg_test_exec (PGconn     *conn,
              const char *sql)
{
  PGresult *result = PQexec (conn, sql);
  ExecStatusType status = PQresultStatus (result);

  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQresultErrorMessage (result));
  PQclear (result);
}

/* A login role (password PG_TEST_PASSWORD), made once per cluster. */
static inline void
pg_test_create_login_on (PGconn     *conn,
                         const char *account)
{
  g_autofree char *sql = g_strdup_printf (
    "DO $$ BEGIN "
    "IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '%s') THEN "
    "CREATE ROLE \"%s\" LOGIN PASSWORD '%s'; END IF; END $$",
    account, account, PG_TEST_PASSWORD);

  pg_test_exec (conn, sql);
}

static inline void
pg_test_create_login (const char *account)
{
  PGconn *conn = pg_test_connect ("postgres");

  pg_test_create_login_on (conn, account);
  PQfinish (conn);
}

/* What the server's migrations say, whole: a SHA-256 of every file under
 * the resources' sql/pg, in name order. A template migrated by a build
 * whose files differ (another branch with the same schema version, a
 * migration changed while it was being written) is made again. */
static inline int
pg_test_compare_names (const void *a,
                       const void *b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static inline char *
pg_test_migrations_fingerprint (void)
{
  const char *dir = RESOURCE_BASE "/sql/pg/";
  g_auto(GStrv) names = g_resources_enumerate_children (dir, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  g_assert_nonnull (names);
  qsort (names, g_strv_length (names), sizeof (char *), pg_test_compare_names);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (dir, names[i], NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

      g_assert_nonnull (bytes);
      g_checksum_update (sum, (const guchar *) names[i], strlen (names[i]) + 1);
      g_checksum_update (sum, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
    }
  return g_strdup (g_checksum_get_string (sum));
}

/* The template, made by the first test program that needs it. */
static inline void
pg_test_ensure_template (void)
{
  static gboolean done;
  g_autofree char *fingerprint = NULL;
  g_autofree char *comment = NULL;
  PGconn *conn;
  PGresult *result;
  gboolean exists;

  if (done)
    return;
  fingerprint = pg_test_migrations_fingerprint ();
  conn = pg_test_connect ("postgres");
  /* Test programs run at once: one makes the template, the others wait. */
  pg_test_exec (conn, "SELECT pg_advisory_lock (1263031375)");
  result = PQexec (conn, "SELECT coalesce (shobj_description (oid, 'pg_database'), '') FROM pg_database "
                        "WHERE datname = '" PG_TEST_TEMPLATE "'");
  exists = PQntuples (result) > 0;
  /* A cluster kept between runs: a template migrated from other files
   * (an older build, another branch) is made again. */
  if (exists && g_strcmp0 (PQgetvalue (result, 0, 0), fingerprint) != 0)
    {
      pg_test_exec (conn, "DROP DATABASE " PG_TEST_TEMPLATE " WITH (FORCE)");
      exists = FALSE;
    }
  PQclear (result);
  if (!exists)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(KhDb) db = NULL;
      g_autofree char *owner = g_strdup_printf ("%s dbname=" PG_TEST_TEMPLATE, pg_test_server ());
      PGconn *template_conn;

      pg_test_exec (conn, "CREATE DATABASE " PG_TEST_TEMPLATE " TEMPLATE template0 "
                          "ENCODING 'UTF8' LOCALE 'C.UTF-8'");
      db = kh_db_pg_open_owner (owner, &error);
      g_assert_no_error (error);
      g_clear_pointer (&db, kh_db_close);

      /* The first administrator, as kohtaamo-admin server init makes it. */
      template_conn = pg_test_connect (PG_TEST_TEMPLATE);
      pg_test_create_login_on (template_conn, PG_TEST_ADMIN);
      pg_test_exec (template_conn, "GRANT kohtaamo_admin TO " PG_TEST_ADMIN);
      pg_test_exec (template_conn,
                    "INSERT INTO kohtaamo.users (account, display_name, role, active, created_at) "
                    "VALUES ('" PG_TEST_ADMIN "', 'Testi Testaaja', 5, 1, 1767225600)");
      PQfinish (template_conn);
      comment = g_strdup_printf ("COMMENT ON DATABASE " PG_TEST_TEMPLATE " IS '%s'", fingerprint);
      pg_test_exec (conn, comment);
    }
  pg_test_exec (conn, "SELECT pg_advisory_unlock (1263031375)");
  PQfinish (conn);
  done = TRUE;
}

/* Login roles and their groups belong to the whole cluster, not to one
 * database: a test that makes "anna" a social worker, or demotes the
 * administrator, would change the other tests' users. So the tests on a
 * cluster take turns (an advisory lock held by the returned connection
 * until it is closed), and each starts from the template's memberships:
 * only the administrator in a group. */
static inline PGconn *
pg_test_take_turn (void)
{
  PGconn *conn = pg_test_connect ("postgres");

  pg_test_exec (conn, "SELECT pg_advisory_lock (1263031376)");
  pg_test_exec (conn,
                "DO $$ DECLARE r record; BEGIN "
                "FOR r IN SELECT g.rolname AS g, u.rolname AS u FROM pg_auth_members m "
                "  JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member "
                "  WHERE g.rolname IN ('kohtaamo_reception', 'kohtaamo_counsellor', "
                "    'kohtaamo_social_worker', 'kohtaamo_lead', 'kohtaamo_admin') "
                "  AND u.rolcanlogin AND NOT u.rolsuper LOOP "
                "  EXECUTE format ('REVOKE %I FROM %I', r.g, r.u); "
                "END LOOP; END $$");
  pg_test_exec (conn, "GRANT kohtaamo_admin TO " PG_TEST_ADMIN);
  return conn;
}

/* A new database from the template; the caller drops it. */
static inline char *
pg_test_create_database (void)
{
  static guint n;
  char *name = g_strdup_printf ("kh_test_%d_%u", (int) getpid (), ++n);
  g_autofree char *sql = g_strdup_printf ("CREATE DATABASE %s TEMPLATE " PG_TEST_TEMPLATE, name);
  PGconn *conn;

  pg_test_ensure_template ();
  conn = pg_test_connect ("postgres");
  pg_test_exec (conn, sql);
  PQfinish (conn);
  return name;
}

static inline void
pg_test_drop_database (const char *name)
{
  g_autofree char *sql = g_strdup_printf ("DROP DATABASE IF EXISTS %s WITH (FORCE)", name);
  PGconn *conn = pg_test_connect ("postgres");

  pg_test_exec (conn, sql);
  PQfinish (conn);
}

/* How `account` connects to the test's database. */
static inline char *
pg_test_conninfo (const char *dbname,
                  const char *account)
{
  /* A later keyword wins over the server string's user=postgres. */
  return g_strdup_printf ("%s dbname=%s user=%s password=%s", pg_test_server (), dbname,
                          account, PG_TEST_PASSWORD);
}

/* The first column of the first row, as the superuser (no row-level
 * security), in the test's database. */
static inline gint64
pg_test_count (const char *dbname,
               const char *sql)
{
  PGconn *conn = pg_test_connect (dbname);
  PGresult *result;
  gint64 n;

  pg_test_exec (conn, "SET search_path = kohtaamo");
  result = PQexec (conn, sql);
  if (PQresultStatus (result) != PGRES_TUPLES_OK || PQntuples (result) < 1)
    g_error ("%s: %s", sql, PQresultErrorMessage (result));
  n = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  PQclear (result);
  PQfinish (conn);
  return n;
}
