/* test-failover.c — a failover during saves loses no committed contact (issue 6, 7)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two throwaway clusters of their own (tools/pg-cluster, Unix sockets in a
 * temporary folder): a primary (wal_level=replica) and a streaming standby
 * made from it with pg_basebackup -R. A KhStore connects with the
 * multi-host string a unit's desks use,
 *
 *   host=PRIMARY,STANDBY port=5432,5432 target_session_attrs=read-write
 *
 * and a desk saves contacts in a loop, three at a time, each with its own
 * request id as the intake form sends them. Meanwhile the primary is
 * stopped (fast shutdown, as a failing server or an administrator would)
 * and the standby promoted; the desk goes on saving without being told
 * anything but KhStore:available. Afterwards every save the store reported
 * committed is on the new primary, under the contact id it reported, once,
 * and there is nothing else: nothing lost, nothing saved twice.
 *
 * Runs in the store-pg suite only (tests/store/meson.build).
 */
#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include <stdarg.h>

#include <glib/gstdio.h>
#include <libpq-fe.h>

#include "store/kh-db.h"
#include "store/kh-store.h"

#define LOGIN "tester"
#define PASSWORD "kohtaamo-failover"
/* Saves that the desk keeps under way at once. */
#define IN_FLIGHT 3
/* Committed saves before the failover, and after it. */
#define BEFORE 12
#define AFTER 12

typedef struct {
  char       *dir;          /* the temporary folder */
  char       *primary;      /* its clusters' folders (their sockets) */
  char       *standby;
  KhStore    *store;
  /* The desk. */
  gboolean    saving;       /* start a new save when one ends */
  guint       in_flight;
  guint       started;
  GHashTable *committed;    /* request id -> contact id (gint64 in a string) as reported */
  GHashTable *contact_ids;  /* the contact ids reported (each once) */
  GPtrArray  *errors;       /* messages of saves that failed */
  guint       n_unavailable; /* times KhStore:available went FALSE */
  gboolean    subprocess_done;
} Fixture;

static void start_save (Fixture *f);

static gboolean
timed_out_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until `cond` holds; fails after `seconds`. */
#define WAIT_UNTIL_S(cond, seconds) G_STMT_START {                         \
    gboolean timed_out_ = FALSE;                                          \
    guint id_ = g_timeout_add_seconds ((seconds), timed_out_cb, &timed_out_); \
    while (!(cond) && !timed_out_)                                        \
      g_main_context_iteration (NULL, TRUE);                              \
    if (!timed_out_)                                                      \
      g_source_remove (id_);                                              \
    g_assert_true (cond);                                                 \
  } G_STMT_END

/* tools/pg-cluster COMMAND DIR [ARGS…], waited for while the main loop
 * runs (the desk keeps saving meanwhile); its stdout. */
static void
subprocess_done_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Fixture *f = user_data;
  g_autoptr(GError) error = NULL;

  g_subprocess_wait_check_finish (G_SUBPROCESS (object), result, &error);
  g_assert_no_error (error);
  f->subprocess_done = TRUE;
}

static void
pg_cluster (Fixture    *f,
            const char *command,
            const char *dir,
            ...)
{
  g_autofree char *script = g_build_filename (KH_SOURCE_ROOT, "tools", "pg-cluster", NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, script);
  g_ptr_array_add (argv, (char *) command);
  g_ptr_array_add (argv, (char *) dir);
  va_start (args, dir);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata, G_SUBPROCESS_FLAGS_STDOUT_SILENCE,
                               &error);
  g_assert_no_error (error);
  f->subprocess_done = FALSE;
  g_subprocess_wait_check_async (process, NULL, subprocess_done_cb, f);
  WAIT_UNTIL_S (f->subprocess_done, 60);
}

static PGconn *
superuser_connect (const char *dir)
{
  g_autofree char *conninfo = g_strdup_printf ("host=%s port=5432 dbname=kohtaamo user=postgres", dir);
  PGconn *conn = PQconnectdb (conninfo);

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("%s: %s", conninfo, PQerrorMessage (conn));
  return conn;
}

static void
exec_sql (PGconn     *conn,
          const char *sql)
{
  PGresult *result = PQexec (conn, sql);

  if (PQresultStatus (result) != PGRES_COMMAND_OK && PQresultStatus (result) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQresultErrorMessage (result));
  PQclear (result);
}

/* ---- the desk ---- */

static KhContact *
anonymous_contact (void)
{
  KhContact *contact = kh_contact_new ();

  contact->anonymous = TRUE;
  contact->channel = KH_CHANNEL_PHONE;
  contact->contactor = KH_CONTACTOR_SELF;
  contact->language = KH_LANGUAGE_FI;
  contact->outcome = KH_OUTCOME_ADVICE;
  contact->needs = KH_NEED_FINANCIAL;
  contact->urgency = KH_URGENCY_NOT_URGENT;
  contact->received_at = g_date_time_new_now_local ();
  return contact;
}

typedef struct {
  Fixture *f;
  char    *request_id;
} Save;

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Save *save = user_data;
  Fixture *f = save->f;
  g_autoptr(KhIntakeResult) saved = NULL;
  g_autoptr(GError) error = NULL;

  saved = kh_store_save_intake_finish (KH_STORE (object), result, &error);
  f->in_flight--;
  if (saved == NULL)
    g_ptr_array_add (f->errors, g_strdup (error->message));
  else
    {
      /* Each submission reported once, each contact once. */
      g_assert_false (g_hash_table_contains (f->committed, save->request_id));
      g_assert_cmpint (saved->contact_id, >, 0);
      g_assert_true (g_hash_table_add (f->contact_ids, g_memdup2 (&saved->contact_id, sizeof (gint64))));
      g_hash_table_insert (f->committed, g_steal_pointer (&save->request_id),
                           g_strdup_printf ("%" G_GINT64_FORMAT, saved->contact_id));
    }
  g_free (save->request_id);
  g_free (save);
  if (f->saving)
    start_save (f);
}

static void
start_save (Fixture *f)
{
  KhIntake intake = { 0 };
  Save *save = g_new0 (Save, 1);

  save->f = f;
  save->request_id = g_uuid_string_random ();
  intake.contact = anonymous_contact ();
  intake.request_id = save->request_id;
  f->started++;
  f->in_flight++;
  kh_store_save_intake_async (f->store, &intake, NULL, saved_cb, save);
  g_object_unref (intake.contact);
}

static void
available_changed_cb (KhStore *store,
                      GParamSpec *pspec,
                      Fixture *f)
{
  if (!kh_store_get_available (store))
    f->n_unavailable++;
}

/* ---- the clusters ---- */

static void
set_up_clusters (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhDb) owner = NULL;
  g_autofree char *owner_conninfo = NULL;
  PGconn *conn;

  f->dir = g_dir_make_tmp ("kh-fo-XXXXXX", &error);
  g_assert_no_error (error);
  /* The clusters' account (postgres, when this runs as root) goes
   * through it to the folders tools/pg-cluster gives it (mode 0700). */
  g_assert_cmpint (g_chmod (f->dir, 0711), ==, 0);
  /* Short names: the socket path must fit in 107 bytes. */
  f->primary = g_build_filename (f->dir, "a", NULL);
  f->standby = g_build_filename (f->dir, "b", NULL);

  /* A primary that streams its WAL (replica is PostgreSQL 15's default;
   * said here because the test depends on it). fsync off: nothing here
   * survives a power cut, and the failover does not need it to. */
  pg_cluster (f, "start", f->primary, "-c", "wal_level=replica", "-c", "fsync=off", NULL);

  /* The schema and the desk's login, as kohtaamo-admin server init makes
   * them, before the standby is made: it starts with all of it. */
  owner_conninfo = g_strdup_printf ("host=%s port=5432 dbname=kohtaamo user=postgres", f->primary);
  owner = kh_db_pg_open_owner (owner_conninfo, &error);
  g_assert_no_error (error);
  g_clear_pointer (&owner, kh_db_close);
  conn = superuser_connect (f->primary);
  exec_sql (conn, "CREATE ROLE " LOGIN " LOGIN PASSWORD '" PASSWORD "'");
  exec_sql (conn, "GRANT kohtaamo_reception TO " LOGIN);
  exec_sql (conn, "INSERT INTO kohtaamo.users (account, display_name, role, active, created_at) "
                  "VALUES ('" LOGIN "', 'Vastaanotto Varma', 1, 1, 1767225600)");
  PQfinish (conn);

  /* The standby: pg_basebackup -R from the primary, streaming. */
  pg_cluster (f, "standby", f->standby, f->primary, "-c", "fsync=off", NULL);
}

static void
tear_down_clusters (Fixture *f)
{
  const char *rm[] = { "rm", "-rf", f->dir, NULL };

  pg_cluster (f, "stop", f->standby, NULL);
  pg_cluster (f, "stop", f->primary, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               NULL, NULL, NULL, NULL));
  g_clear_pointer (&f->dir, g_free);
  g_clear_pointer (&f->primary, g_free);
  g_clear_pointer (&f->standby, g_free);
}

static void
test_failover_during_saves (void)
{
  Fixture fixture = { 0 }, *f = &fixture;
  g_autofree char *conninfo = NULL;
  PGconn *conn;
  PGresult *rows;
  GHashTableIter iter;
  gpointer key, value;
  guint before;
  gint64 started_at;

  f->committed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  f->contact_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  f->errors = g_ptr_array_new_with_free_func (g_free);
  set_up_clusters (f);
  started_at = g_get_monotonic_time ();

  /* The desk: both servers named, the one that writes taken. */
  conninfo = g_strdup_printf ("host=%s,%s port=5432,5432 dbname=kohtaamo user=" LOGIN
                              " password=" PASSWORD " target_session_attrs=read-write connect_timeout=5",
                              f->primary, f->standby);
  g_assert_true (kh_db_location_is_server (conninfo));
  f->store = kh_store_new (conninfo);
  g_signal_connect (f->store, "notify::available", G_CALLBACK (available_changed_cb), f);
  kh_store_open (f->store);
  WAIT_UNTIL_S (kh_store_get_state (f->store) != KH_STORE_STATE_OPENING
                && kh_store_get_state (f->store) != KH_STORE_STATE_CLOSED, 30);
  g_assert_cmpint (kh_store_get_state (f->store), ==, KH_STORE_STATE_READY);
  g_assert_cmpint (kh_store_get_user (f->store)->role, ==, KH_ROLE_RECEPTION);

  f->saving = TRUE;
  for (guint i = 0; i < IN_FLIGHT; i++)
    start_save (f);
  WAIT_UNTIL_S (g_hash_table_size (f->committed) >= BEFORE, 30);

  /* The primary goes, with saves under way; then the standby takes over. */
  pg_cluster (f, "stop", f->primary, NULL);
  before = g_hash_table_size (f->committed);
  g_test_message ("%u saves committed when the primary had stopped, %u under way", before, f->in_flight);
  pg_cluster (f, "promote", f->standby, NULL);

  /* The desk saves on, on the new primary, with nobody doing anything:
   * the store connects again by itself. */
  WAIT_UNTIL_S (g_hash_table_size (f->committed) >= before + AFTER, 30);
  f->saving = FALSE;
  WAIT_UNTIL_S (f->in_flight == 0, 30);
  g_test_message ("%u saves started, %u committed, in %.1f s", f->started,
                  g_hash_table_size (f->committed),
                  (g_get_monotonic_time () - started_at) / (double) G_TIME_SPAN_SECOND);

  /* It noticed (KhStore:available), and it is back. */
  g_assert_cmpuint (f->n_unavailable, >=, 1);
  g_assert_true (kh_store_get_available (f->store));
  /* No save failed: those that met the failover waited for the server. */
  for (guint i = 0; i < f->errors->len; i++)
    g_test_message ("failed: %s", (char *) g_ptr_array_index (f->errors, i));
  g_assert_cmpuint (f->errors->len, ==, 0);
  g_assert_cmpuint (g_hash_table_size (f->committed), ==, f->started);

  /* On the new primary: every committed save, under the id reported,
   * and nothing else. */
  conn = superuser_connect (f->standby);
  rows = PQexec (conn, "SELECT request_id, id::text, (SELECT pg_is_in_recovery ())::text "
                       "FROM kohtaamo.contacts ORDER BY id");
  g_assert_cmpint (PQresultStatus (rows), ==, PGRES_TUPLES_OK);
  g_assert_cmpint (PQntuples (rows), ==, g_hash_table_size (f->committed));
  for (int i = 0; i < PQntuples (rows); i++)
    {
      const char *request_id = PQgetvalue (rows, i, 0);

      g_assert_cmpstr (PQgetvalue (rows, i, 2), ==, "false");
      g_assert_cmpstr (g_hash_table_lookup (f->committed, request_id), ==, PQgetvalue (rows, i, 1));
    }
  PQclear (rows);
  g_hash_table_iter_init (&iter, f->committed);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *params[] = { key };

      rows = PQexecParams (conn, "SELECT count (*) FROM kohtaamo.contacts WHERE request_id = $1",
                           1, NULL, params, NULL, NULL, 0);
      g_assert_cmpstr (PQgetvalue (rows, 0, 0), ==, "1");
      PQclear (rows);
    }
  PQfinish (conn);

  /* The store goes before its servers. */
  g_object_add_weak_pointer (G_OBJECT (f->store), (gpointer *) &f->store);
  g_object_unref (f->store);
  WAIT_UNTIL_S (f->store == NULL, 10);
  tear_down_clusters (f);
  g_hash_table_unref (f->committed);
  g_hash_table_unref (f->contact_ids);
  g_ptr_array_unref (f->errors);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store-pg/failover/during-saves", test_failover_during_saves);

  return g_test_run ();
}
