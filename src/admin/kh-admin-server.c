/* kh-admin-server.c — kohtaamo-admin server: a unit's PostgreSQL server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * server init URL sets up the database on a server (the schema by its
 * migrations, the group roles, the first administrator's login role); it
 * runs as the server's superuser (e.g. as the operating-system account
 * "postgres" over the local socket). The passwords of logins are read from
 * the terminal without echo, or from standard input with --password-stdin;
 * with --no-password the login has none (GSSAPI/Kerberos in pg_hba.conf).
 */

#define G_LOG_DOMAIN "kohtaamo-admin"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>

#include "store/kh-db.h"

#include "kh-admin-private.h"

static char *opt_admin;
static char *opt_name;
static gboolean opt_password_stdin;
static gboolean opt_no_password;

/* One line, without its line end; NULL at the end of the input. */
static char *
read_line (FILE *in)
{
  g_autoptr(GString) line = g_string_new (NULL);
  int c;

  while ((c = fgetc (in)) != EOF && c != '\n')
    g_string_append_c (line, (char) c);
  if (c == EOF && line->len == 0)
    return NULL;
  if (line->len > 0 && line->str[line->len - 1] == '\r')
    g_string_truncate (line, line->len - 1);
  return g_string_free (g_steal_pointer (&line), FALSE);
}

/* Reads a line from the terminal without showing it. */
static char *
read_hidden (const char *prompt)
{
  struct termios before, hidden;
  gboolean tty = isatty (STDIN_FILENO) && tcgetattr (STDIN_FILENO, &before) == 0;
  char *line;

  g_printerr ("%s", prompt);
  if (tty)
    {
      hidden = before;
      hidden.c_lflag &= ~ECHO;
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &hidden);
    }
  line = read_line (stdin);
  if (tty)
    {
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &before);
      g_printerr ("\n");
    }
  return line;
}

/**
 * _kh_admin_read_password:
 *
 * The password of a new login: from standard input (--password-stdin), or
 * asked twice on the terminal. NULL with --no-password, or when none came
 * (then `*ok` is FALSE and the reason was printed).
 */
char *
_kh_admin_read_password (const char *account,
                         gboolean    from_stdin,
                         gboolean    none,
                         gboolean   *ok)
{
  g_autofree char *first = NULL;
  g_autofree char *again = NULL;
  g_autofree char *prompt = NULL;

  *ok = TRUE;
  if (none)
    return NULL;
  if (from_stdin)
    first = read_line (stdin);
  else
    {
      /* Translators: %s is an account name */
      prompt = g_strdup_printf (_("Password for %s: "), account);
      first = read_hidden (prompt);
      if (first != NULL && *first != '\0')
        again = read_hidden (_("The same password again: "));
      if (first != NULL && g_strcmp0 (first, again) != 0)
        {
          _kh_admin_print_error (_("The passwords differ; nothing was changed"));
          *ok = FALSE;
          return NULL;
        }
    }
  if (first == NULL || strlen (first) < 8)
    {
      _kh_admin_print_error (_("A password of at least 8 characters is needed (or --no-password "
                               "for a login by Kerberos)"));
      *ok = FALSE;
      return NULL;
    }
  return g_steal_pointer (&first);
}

static int
server_init (const char *location)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhDb) db = NULL;
  g_autofree char *password = NULL;
  g_autofree char *shown = kh_db_pg_display_location (location);
  const char *account = opt_admin != NULL ? opt_admin : g_get_user_name ();
  gboolean ok;

  db = kh_db_pg_open_owner (location, &error);
  if (db == NULL)
    return _kh_admin_fail (error);
  if (!kh_db_pg_may_create_logins (db))
    {
      _kh_admin_print_error (_("server init runs as the server’s superuser (e.g. as the "
                               "account postgres: sudo -u postgres kohtaamo-admin server init "
                               "\"dbname=kohtaamo\")"));
      return EXIT_FAILED;
    }
  /* Translators: %s is the database server */
  g_print (_("The database on %s has the newest schema.\n"), shown);

  password = _kh_admin_read_password (account, opt_password_stdin, opt_no_password, &ok);
  if (!ok)
    return EXIT_FAILED;
  if (!kh_db_pg_save_login (db, account, opt_name, KH_ROLE_ADMIN, TRUE, password, &error))
    return _kh_admin_fail (error);
  /* Translators: %s is an account name */
  g_print (_("%s is an administrator of Kohtaamo and logs in with their own login.\n"), account);
  return EXIT_OK;
}

int
_kh_admin_run_server (int    argc,
                      char **argv)
{
  const GOptionEntry entries[] = {
    { "admin", 'a', 0, G_OPTION_ARG_STRING, &opt_admin,
      N_("The first administrator’s account (default: yours)"), N_("ACCOUNT") },
    { "name", 'n', 0, G_OPTION_ARG_STRING, &opt_name,
      N_("The first administrator’s display name"), N_("NAME") },
    { "password-stdin", 0, 0, G_OPTION_ARG_NONE, &opt_password_stdin,
      N_("Read the password from standard input"), NULL },
    { "no-password", 0, 0, G_OPTION_ARG_NONE, &opt_no_password,
      N_("No password: the login is by Kerberos (GSSAPI)"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  int status = EXIT_OK;

  context = _kh_admin_context_new (_("init URL"),
                                   _("Sets up Kohtaamo’s database on a PostgreSQL server: the "
                                     "schema (or its update), the roles, and the first "
                                     "administrator with a login of their own. URL is a "
                                     "postgresql:// address or a connection string of the "
                                     "server’s superuser."),
                                   NULL, entries);
  if (!_kh_admin_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 3 || !g_str_equal (argv[1], "init"))
    return _kh_admin_usage_error (context, _("Say: server init URL"));
  if (!kh_db_location_is_server (argv[2]))
    return _kh_admin_usage_error (context, _("URL must name a PostgreSQL server "
                                             "(postgresql://…, host=… dbname=…, or service=NAME)"));
  if (opt_password_stdin && opt_no_password)
    return _kh_admin_usage_error (context, _("--password-stdin and --no-password exclude each other"));
  return server_init (argv[2]);
}
