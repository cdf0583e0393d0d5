/* test-server.c — kohtaamo-admin on a PostgreSQL server (issue 6, item 9)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On a throwaway cluster (tools/pg-cluster; KOHTAAMO_TEST_PG from tools/test,
 * or one of its own), as the README's "Setting up a unit's server" does it:
 * `server init URL` on an empty database makes the schema and the first
 * administrator's login; as the server's superuser `users add` makes a
 * worker's login role in the group of their role and `users deactivate`
 * takes the login away (the worker can no longer connect); as the
 * administrator's own login `demo` and `import-clients` fill the database.
 */

#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "core/kh-hetu.h"
#include "../store/pg-test-util.h"
#include "admin-test-util.h"

/* Login roles are the cluster's: names of this test's own. */
#define ADMIN_ACCOUNT "srv_anna"
#define WORKER_ACCOUNT "srv_pekka"

typedef struct {
  char   *dir;
  char   *dbname;     /* an empty database, as createdb leaves it */
  char   *superuser;  /* its superuser's connection string */
  PGconn *turn;
} Fixture;

static void
drop_logins (void)
{
  PGconn *conn = pg_test_connect ("postgres");

  /* Left by an earlier run on a kept cluster: the test starts without them. */
  pg_test_exec (conn, "DROP ROLE IF EXISTS " ADMIN_ACCOUNT);
  pg_test_exec (conn, "DROP ROLE IF EXISTS " WORKER_ACCOUNT);
  PQfinish (conn);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static guint n;
  g_autofree char *sql = NULL;
  PGconn *conn;

  f->dir = admin_test_make_dir ();
  /* The roles (kohtaamo_owner and the groups) come with the template's
   * cluster; the database itself is empty, as createdb leaves it. */
  pg_test_ensure_template ();
  f->turn = pg_test_take_turn ();
  drop_logins ();
  f->dbname = g_strdup_printf ("kh_server_%d_%u", (int) getpid (), ++n);
  sql = g_strdup_printf ("CREATE DATABASE %s TEMPLATE template0 ENCODING 'UTF8' "
                         "LOCALE 'C.UTF-8'", f->dbname);
  conn = pg_test_connect ("postgres");
  pg_test_exec (conn, sql);
  PQfinish (conn);
  f->superuser = g_strdup_printf ("%s dbname=%s", pg_test_server (), f->dbname);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  pg_test_drop_database (f->dbname);
  drop_logins ();
  PQfinish (f->turn);
  admin_test_remove_dir (f->dir);
  g_free (f->dbname);
  g_free (f->superuser);
  g_free (f->dir);
}

static char *
run (Fixture            *f,
     int                 status,
     const char         *database,
     const char * const *args)
{
  char *out = NULL;
  g_autofree char *err = NULL;
  int got = admin_test_run (f->dir, database, args, &out, &err);

  if (got != status)
    g_error ("kohtaamo-admin %s: exit status %d, expected %d; stdout: %s; stderr: %s",
             args[0], got, status, out, err);
  return out;
}

/* The first column of the first row, as the superuser, in the database. */
static char *
server_text (Fixture    *f,
             const char *sql)
{
  PGconn *conn = pg_test_connect (f->dbname);
  PGresult *result = PQexec (conn, sql);
  char *value;

  if (PQresultStatus (result) != PGRES_TUPLES_OK || PQntuples (result) < 1)
    g_error ("%s: %s", sql, PQresultErrorMessage (result));
  value = g_strdup (PQgetvalue (result, 0, 0));
  PQclear (result);
  PQfinish (conn);
  return value;
}

static void
set_password (Fixture    *f,
              const char *account)
{
  g_autofree char *sql = g_strdup_printf ("ALTER ROLE %s PASSWORD '%s'", account,
                                          PG_TEST_PASSWORD);
  PGconn *conn = pg_test_connect ("postgres");

  pg_test_exec (conn, sql);
  PQfinish (conn);
}

/* Whether `account` can connect to the database with its password. */
static gboolean
can_connect (Fixture    *f,
             const char *account)
{
  g_autofree char *conninfo = pg_test_conninfo (f->dbname, account);
  PGconn *conn = PQconnectdb (conninfo);
  gboolean ok = PQstatus (conn) == CONNECTION_OK;

  PQfinish (conn);
  return ok;
}

static void
test_init_users_demo_import (Fixture       *f,
                             gconstpointer  data)
{
  const char *init[] = { "server", "init", f->superuser, "--admin", ADMIN_ACCOUNT,
                         "--name", "Anna Ylläpitäjä", "--no-password", NULL };
  const char *add[] = { "users", "add", WORKER_ACCOUNT, "--role", "reception",
                        "--name", "Pekka Berg", "--no-password", NULL };
  const char *deactivate[] = { "users", "deactivate", WORKER_ACCOUNT, NULL };
  const char *activate[] = { "users", "activate", WORKER_ACCOUNT, NULL };
  const char *demo[] = { "demo", "--clients", "60", "--seed", "5", NULL };
  GDate birth;
  g_autofree char *code = (g_date_clear (&birth, 1), g_date_set_dmy (&birth, 13, 10, 1952),
                           kh_hetu_make (&birth, 930, 0));
  g_autofree char *rows = g_strdup_printf (
    "identity_code,last_name,first_names,language,birth_date,phone,address,postal_code,city\n"
    "%s,Palvelinmäki,Maija,fi,,,,,\n"
    ",Hassan,Amina,other,1990-02-03,,,,\n", code);
  g_autofree char *csv = admin_test_write_file (f->dir, "people.csv", rows);
  const char *import[] = { "import-clients", csv, NULL };
  g_autofree char *admin = pg_test_conninfo (f->dbname, ADMIN_ACCOUNT);
  g_autofree char *latest = g_strdup_printf ("%d", kh_db_pg_get_latest_version ());
  g_autofree char *text = NULL;

  /* server init: the schema, and the first administrator with a login. */
  g_free (run (f, 0, NULL, init));
  text = server_text (f, "SELECT max (version) FROM kohtaamo.schema_version");
  g_assert_cmpstr (text, ==, latest);
  g_clear_pointer (&text, g_free);
  text = server_text (f, "SELECT account || '|' || display_name || '|' || role || '|' || active "
                         "FROM kohtaamo.users");
  g_assert_cmpstr (text, ==, ADMIN_ACCOUNT "|Anna Ylläpitäjä|5|1");
  g_clear_pointer (&text, g_free);
  text = server_text (f, "SELECT rolcanlogin::text || '|' || "
                         "pg_has_role ('" ADMIN_ACCOUNT "', 'kohtaamo_admin', 'MEMBER')::text "
                         "FROM pg_roles WHERE rolname = '" ADMIN_ACCOUNT "'");
  g_assert_cmpstr (text, ==, "true|true");
  g_clear_pointer (&text, g_free);
  set_password (f, ADMIN_ACCOUNT);
  g_assert_true (can_connect (f, ADMIN_ACCOUNT));

  /* users as the superuser: a login role in the group of the role. */
  g_free (run (f, 0, f->superuser, add));
  text = server_text (f, "SELECT role || '|' || active FROM kohtaamo.users "
                         "WHERE account = '" WORKER_ACCOUNT "'");
  g_assert_cmpstr (text, ==, "1|1");
  g_clear_pointer (&text, g_free);
  text = server_text (f, "SELECT rolcanlogin::text || '|' || "
                         "pg_has_role ('" WORKER_ACCOUNT "', 'kohtaamo_reception', 'MEMBER')::text "
                         "FROM pg_roles WHERE rolname = '" WORKER_ACCOUNT "'");
  g_assert_cmpstr (text, ==, "true|true");
  g_clear_pointer (&text, g_free);
  set_password (f, WORKER_ACCOUNT);
  g_assert_true (can_connect (f, WORKER_ACCOUNT));

  /* Deactivated: the login is taken away, not only the row. */
  g_free (run (f, 0, f->superuser, deactivate));
  text = server_text (f, "SELECT active FROM kohtaamo.users WHERE account = '" WORKER_ACCOUNT "'");
  g_assert_cmpstr (text, ==, "0");
  g_clear_pointer (&text, g_free);
  g_assert_false (can_connect (f, WORKER_ACCOUNT));
  g_free (run (f, 0, f->superuser, activate));
  g_assert_true (can_connect (f, WORKER_ACCOUNT));

  /* demo and import-clients as the administrator's own login. */
  g_free (run (f, 0, admin, demo));
  text = server_text (f, "SELECT count (*) FROM kohtaamo.clients");
  g_assert_cmpstr (text, ==, "60");
  g_clear_pointer (&text, g_free);
  text = server_text (f, "SELECT (count (*) > 60)::text FROM kohtaamo.contacts");
  g_assert_cmpstr (text, ==, "true");
  g_clear_pointer (&text, g_free);
  /* The cases with a worker go to the demo's counsellors and social
   * workers of the case's team, as on SQLite (test-cli.c), never to the
   * administrator who ran it. */
  text = server_text (f, "SELECT count (*) FROM kohtaamo.cases c JOIN kohtaamo.users u "
                         "ON u.id = c.assigned_to WHERE u.role NOT IN (2, 3) "
                         "OR u.team_id IS DISTINCT FROM c.team_id");
  g_assert_cmpstr (text, ==, "0");
  g_clear_pointer (&text, g_free);
  text = server_text (f, "SELECT (count (DISTINCT assigned_to) >= 3 AND count (*) >= 10)::text "
                         "FROM kohtaamo.cases WHERE assigned_to IS NOT NULL");
  g_assert_cmpstr (text, ==, "true");
  g_clear_pointer (&text, g_free);
  g_free (run (f, 0, admin, import));
  text = server_text (f, "SELECT count (*) FROM kohtaamo.clients");
  g_assert_cmpstr (text, ==, "62");
  g_clear_pointer (&text, g_free);
  text = server_text (f, "SELECT first_names FROM kohtaamo.clients WHERE last_name = 'Palvelinmäki'");
  g_assert_cmpstr (text, ==, "Maija");
  g_clear_pointer (&text, g_free);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/server/init-users-demo-import", Fixture, NULL, fixture_set_up,
              test_init_users_demo_import, fixture_tear_down);

  return g_test_run ();
}
