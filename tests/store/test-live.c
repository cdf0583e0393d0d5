/* test-live.c — several desks on one database (issue 6, 6)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two connections to one database stand for two desks: a commit at one
 * is noticed at the other (kh_db_poll_change, and KhStore's "changed"
 * within a second), and a save made over a version someone else has
 * replaced is refused (STALE), in the store and in the schema. On SQLite
 * two connections to one file (the same OS account); on PostgreSQL
 * (KOHTAAMO_TEST_ENGINE=pg) the other desk is another worker's login on the
 * same server database, told by LISTEN/NOTIFY.
 */
#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "store/kh-store.h"
#include "store-test-util.h"

/* The other desk's login on a server (a lead: saves people, intakes). */
#define OTHER_ACCOUNT "toinen"

/* ---- KhDb: noticing another connection's commits ---- */

/* A second desk on the fixture's database: on SQLite a second connection to
 * the file; on a server another worker's own login. */
static KhDb *
open_other_desk (Fixture  *f,
                 KhUser  **out_user)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *conninfo = NULL;
  const char *account = PG_TEST_ADMIN;
  KhDb *other;

  if (f->pg_dbname != NULL)
    {
      g_autoptr(KhUser) saved = fixture_add_user (f, OTHER_ACCOUNT, "Toinen Työpiste", KH_ROLE_LEAD);

      account = OTHER_ACCOUNT;
      conninfo = pg_test_conninfo (f->pg_dbname, OTHER_ACCOUNT);
    }
  other = kh_db_open (conninfo != NULL ? conninfo : f->path, &error);
  g_assert_no_error (error);
  *out_user = kh_db_login (other, account, "Toinen Työpiste", &error);
  g_assert_no_error (error);
  return other;
}

/* Runs `sql` beside the store, as another program would (the SQLite file,
 * or the server's superuser, whom no grant stops but every trigger does). */
static gboolean
raw_exec (Fixture    *f,
          const char *sql)
{
  gboolean ok;

  if (f->pg_dbname != NULL)
    {
      PGconn *conn = pg_test_connect (f->pg_dbname);
      PGresult *result;

      pg_test_exec (conn, "SET search_path = kohtaamo");
      result = PQexec (conn, sql);
      ok = PQresultStatus (result) == PGRES_COMMAND_OK || PQresultStatus (result) == PGRES_TUPLES_OK;
      if (!ok)
        g_test_message ("%s: %s", sql, PQresultErrorMessage (result));
      PQclear (result);
      PQfinish (conn);
    }
  else
    {
      sqlite3 *handle = raw_open (f->path);

      ok = sqlite3_exec (handle, sql, NULL, NULL, NULL) == SQLITE_OK;
      if (!ok)
        g_test_message ("%s: %s", sql, sqlite3_errmsg (handle));
      sqlite3_close (handle);
    }
  return ok;
}

static gboolean
array_has (GArray *ids,
           gint64  id)
{
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

static gboolean
poll (KhDb    *db,
      GArray **out_ids)
{
  g_autoptr(GError) error = NULL;
  gboolean changed = TRUE;

  g_assert_true (kh_db_poll_change (db, &changed, out_ids, &error));
  g_assert_no_error (error);
  return changed;
}

/* The first look that has news, waiting up to five seconds for it where
 * news comes over a socket (a server's notification arrives a moment
 * after the other desk's commit; SQLite's data_version moves at once).
 * A session's own notifications come before its commit returns, so a
 * look right after one's own commit does say whether they were skipped. */
static gboolean
poll_news (KhDb    *db,
           GArray **out_ids)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  for (;;)
    {
      int socket;
      gint64 left;

      if (poll (db, out_ids))
        return TRUE;
      socket = kh_db_get_change_socket (db);
      left = deadline - g_get_monotonic_time ();
      if (socket < 0 || left <= 0)
        return FALSE;
      {
        GPollFD fd = { socket, G_IO_IN, 0 };

        g_poll (&fd, 1, (int) (left / 1000) + 1);
      }
    }
}

static void
test_poll_change (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhUser) other_user = NULL;
  g_autoptr(KhDb) other = open_other_desk (f, &other_user);
  g_autoptr(GArray) ids = NULL;
  gboolean server = f->pg_dbname != NULL;
  gint64 aino;
  gint64 bertta;

  /* The first look takes the starting point. */
  g_assert_false (poll (f->db, &ids));
  g_assert_null (ids);
  g_assert_false (poll (f->db, &ids));
  g_assert_false (poll (other, NULL));

  /* A look when nothing changed costs next to nothing (it runs five times
   * a second on every idle desk): measured, not asserted. */
  {
    gint64 start = g_get_monotonic_time ();

    for (guint i = 0; i < 1000; i++)
      g_assert_false (poll (f->db, NULL));
    g_test_message ("a look for other desks' commits: %.1f µs",
                    (g_get_monotonic_time () - start) / 1000.0);
  }

  /* The other desk saves a person: this one notices, and whom. */
  {
    g_autoptr(KhClient) client = test_client ("Eläväinen", "Aino", "1980-05-05", 931);

    aino = kh_db_save_client (other, other_user, client, &error);
    g_assert_no_error (error);
  }
  g_assert_true (poll_news (f->db, &ids));
  g_assert_nonnull (ids);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, aino);
  g_clear_pointer (&ids, g_array_unref);
  /* Once. */
  g_assert_false (poll (f->db, &ids));
  g_assert_null (ids);

  /* A connection's own commits are not news to it; the other notices. */
  bertta = add_client (f, "Eläväinen", "Bertta", "1981-06-06", 932);
  g_assert_false (poll (f->db, NULL));
  g_assert_true (poll_news (other, &ids));
  g_assert_true (array_has (ids, bertta));
  g_clear_pointer (&ids, g_array_unref);

  /* A contact saved for a person names the person. */
  {
    g_autoptr(KhIntakeResult) saved = NULL;
    g_autoptr(KhClient) client = kh_db_get_client (other, other_user, aino, KH_ACCESS_PAGE,
                                                   KH_BASIS_INTAKE, &error);
    KhIntake intake = { 0 };

    g_assert_no_error (error);
    intake.contact = test_contact (KH_OUTCOME_CASE_OPENED);
    intake.contact->received_at = g_date_time_new_now_local ();
    intake.client = g_object_ref (client);
    saved = kh_db_save_intake (other, other_user, &intake, &error);
    g_assert_no_error (error);
    g_clear_object (&intake.contact);
    g_clear_object (&intake.client);
  }
  g_assert_true (poll_news (f->db, &ids));
  g_assert_true (array_has (ids, aino));
  /* (Bertta may be named too: this connection's own change since its last
   * look; kh_db_poll_change says so.) */
  g_clear_pointer (&ids, g_array_unref);

  /* A read at the other desk commits its access-log row: on SQLite
   * noticed, but naming nobody (KhStore then tells the views nothing); the
   * server announces changes of people only, so there it is not news. */
  {
    g_autoptr(KhClient) read = kh_db_get_client (other, other_user, bertta, KH_ACCESS_PAGE,
                                                 KH_BASIS_INTAKE, &error);

    g_assert_no_error (error);
  }
  if (server)
    {
      g_assert_false (poll (f->db, &ids));
      g_assert_null (ids);
    }
  else
    {
      g_assert_true (poll_news (f->db, &ids));
      g_assert_nonnull (ids);
      g_assert_cmpuint (ids->len, ==, 0);
      g_clear_pointer (&ids, g_array_unref);
    }

  /* An anonymous contact: 0, for the lists. */
  {
    g_autoptr(KhIntakeResult) saved = NULL;
    KhIntake intake = { 0 };

    intake.contact = test_contact (KH_OUTCOME_ADVICE);
    intake.contact->anonymous = TRUE;
    intake.contact->received_at = g_date_time_new_now_local ();
    saved = kh_db_save_intake (other, other_user, &intake, &error);
    g_assert_no_error (error);
    g_clear_object (&intake.contact);
  }
  g_assert_true (poll_news (f->db, &ids));
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, 0);
  g_clear_pointer (&ids, g_array_unref);

  /* A commit that touches no person (a setting): on SQLite still noticed
   * (the lists may show it), nobody's page needs reading again; the server
   * does not announce it. */
  g_assert_true (kh_db_set_setting (other, other_user, KH_SETTING_UNIT_NAME, "Elävä yksikkö",
                                    &error));
  g_assert_no_error (error);
  if (server)
    {
      g_assert_false (poll (f->db, &ids));
      g_assert_null (ids);
    }
  else
    {
      g_assert_true (poll_news (f->db, &ids));
      g_assert_nonnull (ids);
      g_assert_cmpuint (ids->len, ==, 0);
      g_clear_pointer (&ids, g_array_unref);
    }

  /* Several changes between two looks: each person named once. */
  {
    g_autoptr(KhClient) first = test_client ("Eläväinen", "Cecilia", "1982-07-07", 933);
    g_autoptr(KhClient) again = NULL;
    gint64 cecilia = kh_db_save_client (other, other_user, first, &error);

    g_assert_no_error (error);
    again = kh_db_get_client (other, other_user, cecilia, KH_ACCESS_PAGE, KH_BASIS_INTAKE, &error);
    g_assert_no_error (error);
    g_free (again->city);
    again->city = g_strdup ("Kotka");
    g_assert_cmpint (kh_db_save_client (other, other_user, again, &error), ==, cecilia);
    g_assert_no_error (error);
    g_assert_true (poll_news (f->db, &ids));
    g_assert_cmpuint (ids->len, ==, 1);
    g_assert_cmpint (g_array_index (ids, gint64, 0), ==, cecilia);
    g_clear_pointer (&ids, g_array_unref);
  }

  /* A look inside a transaction of this connection sees nothing (and on a
   * server takes nothing away): the news waits for the next look. */
  {
    g_autoptr(KhClient) client = test_client ("Eläväinen", "Doris", "1983-08-08", 934);
    gint64 doris = kh_db_save_client (other, other_user, client, &error);

    g_assert_no_error (error);
    g_assert_true (kh_db_begin (f->db, &error));
    g_assert_no_error (error);
    g_assert_false (poll (f->db, &ids));
    g_assert_null (ids);
    g_assert_cmpint (kh_db_get_change_socket (f->db), ==, -1);
    g_assert_true (kh_db_commit (f->db, &error));
    g_assert_no_error (error);
    g_assert_true (poll_news (f->db, &ids));
    g_assert_true (array_has (ids, doris));
    g_clear_pointer (&ids, g_array_unref);
  }

  /* Where the worker waits: the server's socket; SQLite has none. */
  if (server)
    g_assert_cmpint (kh_db_get_change_socket (f->db), >=, 0);
  else
    g_assert_cmpint (kh_db_get_change_socket (f->db), ==, -1);
}

/* The server ends the other desk's session (a restart, a failover): its
 * socket wakes the worker once, the look says the server cannot be
 * reached, and from then on there is no socket to wait on (KhStore looks
 * at intervals, never spinning on a dead socket) and each look fails at
 * once, without a word to the server. */
static void
test_server_goes_away (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhUser) other_user = NULL;
  g_autoptr(KhDb) other = open_other_desk (f, &other_user);
  gboolean changed = TRUE;
  GPollFD fd = { -1, G_IO_IN, 0 };

  g_assert_false (poll (other, NULL));
  fd.fd = kh_db_get_change_socket (other);
  g_assert_cmpint (fd.fd, >=, 0);

  g_assert_true (raw_exec (f, "SELECT pg_terminate_backend (pid) FROM pg_stat_activity "
                              "WHERE usename = '" OTHER_ACCOUNT "' AND datname = current_database ()"));
  /* The socket wakes whoever waits on it (at most five seconds each
   * time): first for the server's farewell message, which a look reads,
   * then for the end of the connection, which the look reports. */
  for (guint wakes = 0; ; wakes++)
    {
      g_assert_cmpuint (wakes, <, 3);
      fd.revents = 0;
      g_assert_cmpint (g_poll (&fd, 1, 5000), ==, 1);
      if (!kh_db_poll_change (other, &changed, NULL, &error))
        break;
      g_assert_false (changed);
      g_assert_cmpint (kh_db_get_change_socket (other), ==, fd.fd);
    }
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_UNAVAILABLE);
  g_assert_false (changed);
  g_clear_error (&error);
  g_assert_cmpint (kh_db_get_change_socket (other), ==, -1);

  for (guint i = 0; i < 3; i++)
    {
      g_assert_false (kh_db_poll_change (other, &changed, NULL, &error));
      g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_UNAVAILABLE);
      g_clear_error (&error);
    }
}

/* ---- optimistic concurrency: nobody's save silently overwritten ---- */

static void
test_stale_save (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhUser) other_user = NULL;
  g_autoptr(KhDb) other = open_other_desk (f, &other_user);
  g_autoptr(KhClient) mine = NULL;
  g_autoptr(KhClient) theirs = NULL;
  g_autoptr(KhClient) again = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *hour = NULL;
  gint64 id;

  id = add_client (f, "Ristiriita", "Riikka", "1975-03-03", 941);

  /* Both desks open the person: version 1. */
  mine = kh_db_get_client (f->db, f->admin, id, KH_ACCESS_PAGE, KH_BASIS_INTAKE, &error);
  g_assert_no_error (error);
  theirs = kh_db_get_client (other, other_user, id, KH_ACCESS_PAGE, KH_BASIS_INTAKE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mine->version, ==, 1);
  g_assert_cmpint (theirs->version, ==, 1);

  /* They save first: version 2. */
  g_free (theirs->phone);
  theirs->phone = g_strdup ("040 111 2222");
  now = g_date_time_new_now_local ();
  g_assert_cmpint (kh_db_save_client (other, other_user, theirs, &error), ==, id);
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT version FROM clients WHERE phone_digits = '0401112222'"), ==, 2);

  /* My save over version 1 is refused, and says when they changed it. */
  g_free (mine->city);
  mine->city = g_strdup ("Kuopio");
  g_assert_cmpint (kh_db_save_client (f->db, f->admin, mine, &error), ==, 0);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_STALE);
  hour = g_date_time_format (now, "at %H:");
  g_assert_nonnull (strstr (error->message, hour));
  g_assert_nonnull (strstr (error->message, "Someone else changed this person"));
  g_clear_error (&error);
  /* Nothing of mine was written; theirs stands. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM clients WHERE city = 'Kuopio'"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM clients WHERE phone_digits = '0401112222' "
                             "AND version = 2"), ==, 1);

  /* Read again (their change with it), my change saves: version 3. */
  again = kh_db_get_client (f->db, f->admin, id, KH_ACCESS_PAGE, KH_BASIS_INTAKE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (again->version, ==, 2);
  g_assert_cmpstr (again->phone, ==, "040 111 2222");
  g_free (again->city);
  again->city = g_strdup ("Kuopio");
  g_assert_cmpint (kh_db_save_client (f->db, f->admin, again, &error), ==, id);
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM clients WHERE city = 'Kuopio' "
                             "AND phone_digits = '0401112222' AND version = 3"), ==, 1);

  /* Saving the same version twice: the second is stale too. */
  g_free (again->city);
  again->city = g_strdup ("Iisalmi");
  g_assert_cmpint (kh_db_save_client (f->db, f->admin, again, &error), ==, 0);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_STALE);
  g_clear_error (&error);

  /* A person removed meanwhile is NOT_FOUND, not stale. */
  {
    g_autoptr(KhClient) gone = test_client ("Poissa", "Pirjo", "1960-02-02", 0);

    gone->id = id + 1000;
    gone->version = 1;
    g_assert_cmpint (kh_db_save_client (f->db, f->admin, gone, &error), ==, 0);
    g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND);
  }
}

/* Issue 6, 7: a save sent again (as KhStore does when the server came
 * back, kh-store.c: run_parked) over the version it started from, when
 * the stored person already holds exactly that save one version on, is
 * the same save: the id, not "someone else changed this person". */
static void
test_same_save_again (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhClient) mine = NULL;
  gint64 id = add_client (f, "Uusinta", "Ulla", "1977-07-07", 942);

  mine = kh_db_get_client (f->db, f->admin, id, KH_ACCESS_PAGE, KH_BASIS_INTAKE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mine->version, ==, 1);
  g_free (mine->city);
  mine->city = g_strdup ("Kajaani");
  g_assert_cmpint (kh_db_save_client (f->db, f->admin, mine, &error), ==, id);
  g_assert_no_error (error);
  /* Again, as it was sent: saved, once. */
  g_assert_cmpint (kh_db_save_client (f->db, f->admin, mine, &error), ==, id);
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT version FROM clients WHERE city = 'Kajaani'"), ==, 2);

  /* Anything else over that version is still someone else's change. */
  g_free (mine->phone);
  mine->phone = g_strdup ("044 555 6666");
  g_assert_cmpint (kh_db_save_client (f->db, f->admin, mine, &error), ==, 0);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_STALE);
}

/* ---- a save whose answer the connection lost ---- */

/* A stand-in for the network between a desk and the server: a Unix socket
 * that passes everything on to the server's, and, when armed, ends the
 * connection at the server's answer to a COMMIT, before the desk has it
 * (the server has committed: a cable pulled, a VPN gone at that moment). */
typedef struct {
  char     *dir;        /* where its socket is, as a libpq host */
  char     *upstream;   /* the server's socket */
  int       listener;
  GThread  *acceptor;
  gint      armed;
  gint      dropped;
} Proxy;

typedef struct {
  Proxy *proxy;
  int    desk;
} Relay;

/* Passes the server's whole messages on (type, length, body), holding a
 * partial one; FALSE (the connection is to be dropped) at CommandComplete
 * "COMMIT" when armed. */
static gboolean
pass_server_messages (Proxy      *proxy,
                      GByteArray *pending,
                      int         desk)
{
  while (pending->len >= 5)
    {
      guint32 length;
      gsize whole;

      memcpy (&length, pending->data + 1, 4);
      whole = 1 + GUINT32_FROM_BE (length);
      if (pending->len < whole)
        break;
      if (pending->data[0] == 'C' && whole >= 11 && memcmp (pending->data + 5, "COMMIT", 6) == 0
          && g_atomic_int_compare_and_exchange (&proxy->armed, 1, 0))
        {
          g_atomic_int_set (&proxy->dropped, 1);
          return FALSE;
        }
      if (write (desk, pending->data, whole) != (gssize) whole)
        return FALSE;
      g_byte_array_remove_range (pending, 0, whole);
    }
  return TRUE;
}

static gpointer
relay_thread (gpointer data)
{
  Relay *relay = data;
  Proxy *proxy = relay->proxy;
  struct sockaddr_un address = { .sun_family = AF_UNIX };
  g_autoptr(GByteArray) pending = g_byte_array_new ();
  int server = socket (AF_UNIX, SOCK_STREAM, 0);
  guint8 buffer[8192];

  g_strlcpy (address.sun_path, proxy->upstream, sizeof address.sun_path);
  if (connect (server, (struct sockaddr *) &address, sizeof address) == 0)
    for (;;)
      {
        GPollFD fds[2] = { { relay->desk, G_IO_IN, 0 }, { server, G_IO_IN, 0 } };
        gssize n;

        if (g_poll (fds, 2, -1) < 0 && errno != EINTR)
          break;
        if (fds[0].revents != 0)
          {
            n = read (relay->desk, buffer, sizeof buffer);
            if (n <= 0 || write (server, buffer, n) != n)
              break;
          }
        if (fds[1].revents != 0)
          {
            n = read (server, buffer, sizeof buffer);
            if (n <= 0)
              break;
            g_byte_array_append (pending, buffer, n);
            if (!pass_server_messages (proxy, pending, relay->desk))
              break;
          }
      }
  close (server);
  close (relay->desk);
  g_free (relay);
  return NULL;
}

static gpointer
accept_thread (gpointer data)
{
  Proxy *proxy = data;
  int desk;

  while ((desk = accept (proxy->listener, NULL, NULL)) >= 0)
    {
      Relay *relay = g_new0 (Relay, 1);

      relay->proxy = proxy;
      relay->desk = desk;
      g_thread_unref (g_thread_new ("kh-test-relay", relay_thread, relay));
    }
  return NULL;
}

/* A proxy in front of the test's server; `port` is the server's, which
 * the proxy's socket takes too (the name libpq looks for in a folder). */
static Proxy *
proxy_start (void)
{
  Proxy *proxy = g_new0 (Proxy, 1);
  PQconninfoOption *options = PQconninfoParse (pg_test_server (), NULL);
  const char *host = NULL;
  const char *port = "5432";
  struct sockaddr_un address = { .sun_family = AF_UNIX };
  g_autofree char *path = NULL;

  g_assert_nonnull (options);
  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    if (o->val != NULL && g_str_equal (o->keyword, "host"))
      host = o->val;
    else if (o->val != NULL && g_str_equal (o->keyword, "port"))
      port = o->val;
  g_assert_nonnull (host);
  g_assert_true (g_path_is_absolute (host));
  proxy->upstream = g_strdup_printf ("%s/.s.PGSQL.%s", host, port);
  proxy->dir = g_dir_make_tmp ("kh-proxy-XXXXXX", NULL);
  g_assert_nonnull (proxy->dir);
  path = g_strdup_printf ("%s/.s.PGSQL.%s", proxy->dir, port);
  PQconninfoFree (options);

  proxy->listener = socket (AF_UNIX, SOCK_STREAM, 0);
  g_strlcpy (address.sun_path, path, sizeof address.sun_path);
  g_assert_cmpint (bind (proxy->listener, (struct sockaddr *) &address, sizeof address), ==, 0);
  g_assert_cmpint (listen (proxy->listener, 8), ==, 0);
  proxy->acceptor = g_thread_new ("kh-test-proxy", accept_thread, proxy);
  return proxy;
}

/* Takes no more connections (those under way end with the desk's). */
static void
proxy_stop (Proxy *proxy)
{
  g_autofree char *path = g_strdup_printf ("%s/%s", proxy->dir,
                                           strrchr (proxy->upstream, '/') + 1);

  shutdown (proxy->listener, SHUT_RDWR);
  g_thread_join (proxy->acceptor);
  close (proxy->listener);
  g_unlink (path);
  g_rmdir (proxy->dir);
  g_free (proxy->dir);
  g_free (proxy->upstream);
  g_free (proxy);
}

/* The server keeps its commit; the desk's save hears nothing back, the
 * connection gone. The store connects again and sends the same save (as
 * KhStore does with a parked save): it is recognised as the one already
 * committed, and reported saved — not "someone else changed this person" —
 * with the person one version on, once. */
static void
test_lost_answer (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhDb) desk = NULL;
  g_autoptr(KhUser) user = NULL;
  g_autoptr(KhClient) mine = NULL;
  g_autofree char *conninfo = NULL;
  Proxy *proxy = proxy_start ();
  gint64 id = add_client (f, "Katkos", "Kaisa", "1969-09-09", 943);

  conninfo = g_strdup_printf ("%s host=%s", f->path, proxy->dir);
  desk = kh_db_open (conninfo, &error);
  g_assert_no_error (error);
  user = kh_db_login (desk, PG_TEST_ADMIN, NULL, &error);
  g_assert_no_error (error);
  mine = kh_db_get_client (desk, user, id, KH_ACCESS_PAGE, KH_BASIS_INTAKE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mine->version, ==, 1);
  g_free (mine->city);
  mine->city = g_strdup ("Joensuu");

  g_atomic_int_set (&proxy->armed, 1);
  g_assert_cmpint (kh_db_save_client (desk, user, mine, &error), ==, 0);
  g_assert_nonnull (error);
  g_test_message ("the save with its answer lost: %s", error->message);
  g_clear_error (&error);
  g_assert_cmpint (g_atomic_int_get (&proxy->dropped), ==, 1);
  g_assert_false (kh_db_is_connected (desk));
  /* The server did commit it. */
  g_assert_cmpint (count (f, "SELECT version FROM clients WHERE city = 'Joensuu'"), ==, 2);

  g_assert_true (kh_db_reconnect (desk, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kh_db_save_client (desk, user, mine, &error), ==, id);
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT version FROM clients WHERE city = 'Joensuu'"), ==, 2);
  g_assert_cmpint (count (f, "SELECT count (*) FROM clients WHERE last_name = 'Katkos'"), ==, 1);

  g_clear_pointer (&desk, kh_db_close);
  proxy_stop (proxy);
}

/* The schema says it too (0019-live-changes.sql, pg/0004-live-changes.sql),
 * whoever writes. */
static void
test_version_in_schema (Fixture       *f,
                        gconstpointer  data)
{
  gint64 id = add_client (f, "Kaavio", "Kalle", "1970-01-01", 951);
  g_autofree char *update = NULL;

  /* A change of details that does not add one to the version. */
  update = g_strdup_printf ("UPDATE clients SET city = 'Salo' WHERE id = %" G_GINT64_FORMAT, id);
  g_assert_false (raw_exec (f, update));
  g_free (update);
  update = g_strdup_printf ("UPDATE clients SET city = 'Salo', version = version + 2 "
                            "WHERE id = %" G_GINT64_FORMAT, id);
  g_assert_false (raw_exec (f, update));
  g_free (update);
  update = g_strdup_printf ("UPDATE clients SET version = 1 WHERE id = %" G_GINT64_FORMAT, id);
  g_assert_false (raw_exec (f, update));
  g_free (update);
  update = g_strdup_printf ("UPDATE clients SET version = 0 WHERE id = %" G_GINT64_FORMAT, id);
  g_assert_false (raw_exec (f, update));
  g_free (update);
  /* Adding one is a change, and is noted for the other desks. */
  update = g_strdup_printf ("UPDATE clients SET city = 'Salo', version = version + 1 "
                            "WHERE id = %" G_GINT64_FORMAT, id);
  g_assert_true (raw_exec (f, update));
  g_assert_cmpint (count (f, "SELECT version FROM clients WHERE city = 'Salo'"), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM client_changes "
                             "WHERE seq = (SELECT max (seq) FROM client_changes) "
                             "AND client_id = (SELECT id FROM clients WHERE city = 'Salo')"), ==, 1);
}

/* Undo puts back the person's details only over the version the intake
 * wrote: not over someone else's later change. */
static void
test_undo_after_other_change (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhIntakeResult) saved = NULL;
  g_autoptr(KhClient) client = NULL;
  g_autoptr(KhClient) later = NULL;
  KhIntake intake = { 0 };
  gint64 id = add_client (f, "Perumus", "Paula", "1968-08-08", 961);

  client = kh_db_get_client (f->db, f->admin, id, KH_ACCESS_PAGE, KH_BASIS_INTAKE, &error);
  g_assert_no_error (error);
  g_free (client->phone);
  client->phone = g_strdup ("050 123 4567");
  intake.contact = test_contact (KH_OUTCOME_ADVICE);
  intake.contact->received_at = g_date_time_new_now_local ();
  intake.client = g_object_ref (client);
  intake.update_client = TRUE;
  saved = kh_db_save_intake (f->db, f->admin, &intake, &error);
  g_assert_no_error (error);
  g_clear_object (&intake.contact);
  g_clear_object (&intake.client);
  g_assert_cmpint (count (f, "SELECT version FROM clients WHERE phone_digits = '0501234567'"), ==, 2);

  /* Someone changes the person after the intake. */
  later = kh_db_get_client (f->db, f->admin, id, KH_ACCESS_PAGE, KH_BASIS_INTAKE, &error);
  g_assert_no_error (error);
  g_free (later->city);
  later->city = g_strdup ("Lahti");
  g_assert_cmpint (kh_db_save_client (f->db, f->admin, later, &error), ==, id);
  g_assert_no_error (error);

  /* Undo would put the old details over theirs: refused, nothing removed. */
  g_assert_false (kh_db_undo_intake (f->db, f->admin, saved, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_STALE);
  g_assert_cmpint (count (f, "SELECT count(*) FROM clients WHERE city = 'Lahti' "
                             "AND phone_digits = '0501234567' AND version = 3"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM contacts"), ==, 1);
}

/* Issue 6, 7: a save repeated with the same request id (its first answer
 * lost with the connection) saves one contact and one person. */
static void
test_request_id_saves_once (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhIntakeResult) first = NULL;
  g_autoptr(KhIntakeResult) again = NULL;
  g_autoptr(KhIntakeResult) other = NULL;
  g_autoptr(KhClient) client = kh_client_new ();
  KhIntake intake = { 0 };

  client->last_name = g_strdup ("Toistola");
  client->first_names = g_strdup ("Tuure");
  client->birth_date = g_strdup ("1971-02-03");
  client->identity_code = g_strdup ("030271-9716");
  intake.contact = test_contact (KH_OUTCOME_ADVICE);
  intake.contact->received_at = g_date_time_new_now_local ();
  intake.client = client;
  intake.request_id = (char *) "0b5a1f8e-3c2d-4e6f-9a7b-1c2d3e4f5a6b";

  first = kh_db_save_intake (f->db, f->admin, &intake, &error);
  g_assert_no_error (error);
  g_assert_cmpint (first->contact_id, >, 0);
  g_assert_cmpint (first->client_id, >, 0);
  g_assert_true (first->created_client);

  /* The same submission again, in upper case as another program might
   * write it: the contact the first made. */
  intake.request_id = (char *) "0B5A1F8E-3C2D-4E6F-9A7B-1C2D3E4F5A6B";
  again = kh_db_save_intake (f->db, f->admin, &intake, &error);
  g_assert_no_error (error);
  g_assert_cmpint (again->contact_id, ==, first->contact_id);
  g_assert_cmpint (again->client_id, ==, first->client_id);
  g_assert_false (again->created_client);
  g_assert_cmpint (count (f, "SELECT count(*) FROM contacts"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM clients WHERE last_name = 'Toistola'"), ==, 1);

  /* Not a UUID: refused, nothing saved. */
  intake.request_id = (char *) "not-a-request";
  g_assert_null (kh_db_save_intake (f->db, f->admin, &intake, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Another submission of the same person's contact is another contact. */
  client->id = first->client_id;
  intake.update_client = FALSE;
  intake.request_id = (char *) "7d1e2f30-4a5b-4c6d-8e9f-0a1b2c3d4e5f";
  other = kh_db_save_intake (f->db, f->admin, &intake, &error);
  g_assert_no_error (error);
  g_assert_cmpint (other->contact_id, !=, first->contact_id);
  g_assert_cmpint (count (f, "SELECT count(*) FROM contacts"), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM contacts "
                             "WHERE request_id = '0b5a1f8e-3c2d-4e6f-9a7b-1c2d3e4f5a6b'"), ==, 1);
  g_clear_object (&intake.contact);
}

/* ---- KhStore: another desk's save is heard within a second ---- */

typedef struct
{
  GMainLoop    *loop;
  GAsyncResult *result;
  guint         n_changed;
  gint64        changed_at;
  gint64        client_changed;
  gint64        waiting_for;   /* the person whose change quits the loop */
  gboolean      timed_out;
} Waiter;

static void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Waiter *w = user_data;

  g_assert_null (w->result);
  w->result = g_object_ref (result);
  g_main_loop_quit (w->loop);
}

static gboolean
timeout_cb (gpointer user_data)
{
  Waiter *w = user_data;

  w->timed_out = TRUE;
  g_main_loop_quit (w->loop);
  return G_SOURCE_REMOVE;
}

/* Runs the loop until something quits it, at most `ms` milliseconds. */
static void
run_until (Waiter *w,
           guint   ms)
{
  guint timeout = g_timeout_add (ms, timeout_cb, w);

  w->timed_out = FALSE;
  g_main_loop_run (w->loop);
  if (!w->timed_out)
    g_source_remove (timeout);
}

static GAsyncResult *
wait_for (Waiter *w)
{
  run_until (w, 30000);
  g_assert_false (w->timed_out);
  g_assert_nonnull (w->result);
  return w->result;
}

static void
changed_cb (KhStore *store,
            Waiter  *w)
{
  w->n_changed++;
  if (w->changed_at == 0)
    w->changed_at = g_get_monotonic_time ();
}

static void
client_changed_cb (KhStore *store,
                   gint64   client_id,
                   Waiter  *w)
{
  w->client_changed = client_id;
  if (w->waiting_for != 0 && client_id == w->waiting_for)
    g_main_loop_quit (w->loop);
}

static KhStore *
open_store (const char *path,
            Waiter     *w)
{
  KhStore *store = kh_store_new (path);
  g_autoptr(KhUser) user = NULL;
  g_autoptr(GError) error = NULL;

  kh_store_open_async (store, NULL, done_cb, w);
  user = kh_store_open_finish (store, wait_for (w), &error);
  g_clear_object (&w->result);
  g_assert_no_error (error);
  g_assert_cmpint (kh_store_get_state (store), ==, KH_STORE_STATE_READY);
  return store;
}

/* Waits until `here` has heard that `id` changed, failing the test when
 * that takes a second or more after `saved_at` (issue 6, "How we will
 * know": a second desk sees a new contact within a second). Returns the
 * delay in ms, from the save's answer to "changed" at the other desk. */
static double
heard_within_a_second (Waiter *here,
                       gint64  id,
                       gint64  saved_at)
{
  gint64 deadline = saved_at + G_USEC_PER_SEC;

  if (here->client_changed != id)
    {
      gint64 left = deadline - g_get_monotonic_time ();

      g_assert_cmpint (left, >, 0);
      here->waiting_for = id;
      run_until (here, (guint) ((left + 999) / 1000));
      here->waiting_for = 0;
      g_assert_false (here->timed_out);
    }
  g_assert_cmpint (here->client_changed, ==, id);
  g_assert_cmpint (here->changed_at, >, 0);
  g_assert_cmpint (here->changed_at, <, deadline);
  return MAX (0, here->changed_at - saved_at) / 1000.0;
}

/* Two KhStores on one database, each with its worker: on SQLite two
 * connections to the file (the same OS account); on a server two workers'
 * logins. */
static void
test_store_hears_other_desk (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autofree char *there_path = NULL;
  Waiter here = { loop };
  Waiter there = { loop };
  g_autoptr(KhStore) desk1 = NULL;
  g_autoptr(KhStore) desk2 = NULL;
  g_autoptr(KhClient) client = NULL;
  gint64 saved_at;
  gint64 id;
  double delays[5];
  double contact_delays[3];

  if (f->pg_dbname != NULL)
    {
      g_autoptr(KhUser) other = fixture_add_user (f, OTHER_ACCOUNT, "Toinen Työpiste", KH_ROLE_LEAD);

      there_path = pg_test_conninfo (f->pg_dbname, OTHER_ACCOUNT);
    }
  else
    {
      /* The store logs in as the OS account. */
      g_autoptr(KhUser) me = fixture_add_user (f, g_get_user_name (), "Testi Testaaja",
                                               KH_ROLE_ADMIN);

      there_path = g_strdup (f->path);
    }
  desk1 = open_store (f->path, &here);
  desk2 = open_store (there_path, &there);
  g_signal_connect (desk1, "changed", G_CALLBACK (changed_cb), &here);
  g_signal_connect (desk1, "client-changed", G_CALLBACK (client_changed_cb), &here);
  g_signal_connect (desk2, "changed", G_CALLBACK (changed_cb), &there);

  for (guint i = 0; i < G_N_ELEMENTS (delays); i++)
    {
      g_autofree char *first = g_strdup_printf ("Toinen%c", 'A' + i);

      guint heard_before = here.n_changed;
      guint own_before = there.n_changed;

      here.changed_at = 0;
      here.client_changed = 0;
      client = test_client ("Työpiste", first, "1990-09-09", 971 + i);
      kh_store_save_client_async (desk2, client, NULL, done_cb, &there);
      id = kh_store_save_client_finish (desk2, wait_for (&there), &error);
      /* The commit is done when the save's answer comes. */
      saved_at = g_get_monotonic_time ();
      g_assert_no_error (error);
      g_assert_cmpint (id, >, 0);
      g_clear_object (&there.result);
      g_clear_object (&client);

      /* The other desk hears it, and whose details changed. */
      delays[i] = heard_within_a_second (&here, id, saved_at);
      g_assert_cmpuint (here.n_changed, ==, heard_before + 1);
      /* The desk that saved heard its own write once, from the save. */
      g_assert_cmpuint (there.n_changed, ==, own_before + 1);
    }
  g_test_message ("another desk's save heard after %.0f, %.0f, %.0f, %.0f, %.0f ms",
                  delays[0], delays[1], delays[2], delays[3], delays[4]);

  /* A new contact at reception, a new person with it: the other desk's
   * lists and queue hear it within a second. */
  for (guint i = 0; i < G_N_ELEMENTS (contact_delays); i++)
    {
      g_autofree char *first = g_strdup_printf ("Yhteydenotto%c", 'A' + i);
      g_autoptr(KhIntakeResult) saved = NULL;
      KhIntake intake = { 0 };

      here.changed_at = 0;
      here.client_changed = 0;
      intake.contact = test_contact (KH_OUTCOME_CASE_OPENED);
      intake.contact->received_at = g_date_time_new_now_local ();
      intake.client = test_client ("Vastaanotto", first, "1991-10-10", 981 + i);
      kh_store_save_intake_async (desk2, &intake, NULL, done_cb, &there);
      saved = kh_store_save_intake_finish (desk2, wait_for (&there), &error);
      saved_at = g_get_monotonic_time ();
      g_assert_no_error (error);
      g_assert_nonnull (saved);
      g_assert_true (saved->created_client);
      g_assert_cmpint (saved->contact_id, >, 0);
      g_clear_object (&there.result);
      g_clear_object (&intake.contact);
      g_clear_object (&intake.client);

      contact_delays[i] = heard_within_a_second (&here, saved->client_id, saved_at);
    }
  g_test_message ("another desk's new contact heard after %.0f, %.0f, %.0f ms",
                  contact_delays[0], contact_delays[1], contact_delays[2]);

  g_clear_object (&desk1);
  g_clear_object (&desk2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  if (store_test_runs_here (path)) \
    g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/live/poll-change", test_poll_change);
  /* A server's session only. */
  if (pg_test_engine ())
    ADD ("/live/server-goes-away", test_server_goes_away);
  ADD ("/live/stale-save", test_stale_save);
  ADD ("/live/same-save-again", test_same_save_again);
  /* A server's connection only. */
  if (pg_test_engine ())
    ADD ("/live/lost-answer", test_lost_answer);
  ADD ("/live/request-id-saves-once", test_request_id_saves_once);
  ADD ("/live/version-in-schema", test_version_in_schema);
  ADD ("/live/undo-after-other-change", test_undo_after_other_change);
  ADD ("/live/store-hears-other-desk", test_store_hears_other_desk);

  return g_test_run ();
}
