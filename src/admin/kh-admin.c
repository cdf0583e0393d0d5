/* kh-admin.c — kohtaamo-admin, the command line for administrators
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One GOptionContext per subcommand, so that `kohtaamo-admin users --help`
 * says what that command takes. Exit status: 0 done, 1 failed (or bad rows
 * in an import), 2 the command line was wrong.
 *
 * This file holds main, the table of commands, the helpers every command
 * shares (kh-admin-private.h) and the commands init, demo and
 * import-clients; the other commands are in kh-admin-*.c.
 */

#define G_LOG_DOMAIN "kohtaamo-admin"

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "store/kh-db.h"
#include "store/kh-store.h"

#include "kh-admin-demo.h"
#include "kh-admin-import.h"
#include "kh-admin-private.h"

/* The global option, accepted before the command and after it. */
static char *opt_database;

static const GOptionEntry global_entries[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, &opt_database,
    N_("The database file (default: $KOHTAAMO_DATABASE, else the user’s data folder)"),
    N_("PATH") },
  { NULL }
};

typedef struct {
  const char *name;
  const char *summary;
  int       (*run) (int argc, char **argv);
} Command;

/* ---- helpers ---- */

void
_kh_admin_print_error (const char *message)
{
  g_printerr ("%s: %s\n", g_get_prgname (), message);
}

/* Prints an error from the store (its messages name the file or the field
 * and say what to do) and gives the exit status of a failed command. */
int
_kh_admin_fail (const GError *error)
{
  _kh_admin_print_error (error->message);
  return EXIT_FAILED;
}

int
_kh_admin_usage_error (GOptionContext *context,
                       const char     *message)
{
  _kh_admin_print_error (message);
  /* Translators: %s is the command, e.g. “kohtaamo-admin users”. */
  g_printerr (_("Try “%s --help”.\n"), g_get_prgname ());
  return EXIT_USAGE;
}

int
_kh_admin_unknown_action (GOptionContext *context,
                          const char     *action)
{
  /* Translators: %s is what was typed. */
  g_autofree char *message = g_strdup_printf (_("Unknown action “%s”"), action);

  return _kh_admin_usage_error (context, message);
}

/* A subcommand's option context: its summary, the description (the list of
 * actions) if any, and its own options, which --help lists before the
 * global --database. */
GOptionContext *
_kh_admin_context_new (const char         *parameter_string,
                       const char         *summary,
                       const char         *description,
                       const GOptionEntry *entries)
{
  GOptionContext *context = g_option_context_new (parameter_string);

  g_option_context_set_summary (context, summary);
  if (description != NULL)
    g_option_context_set_description (context, description);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  return context;
}

/* Parses a subcommand's options; on failure reports it and returns FALSE. */
gboolean
_kh_admin_parse_options (GOptionContext   *context,
                         int              *argc,
                         char           ***argv,
                         int              *exit_status)
{
  g_autoptr(GError) error = NULL;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, global_entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *exit_status = _kh_admin_usage_error (context, error->message);
      return FALSE;
    }
  return TRUE;
}

char *
_kh_admin_database_path (void)
{
  if (opt_database != NULL && *opt_database != '\0')
    return g_strdup (opt_database);
  return kh_store_default_path ();
}

/* Was the database named by the user rather than the default? */
gboolean
_kh_admin_database_given (void)
{
  const char *env = g_getenv ("KOHTAAMO_DATABASE");

  return (opt_database != NULL && *opt_database != '\0') || (env != NULL && *env != '\0');
}

/* For the commands that must not create a database: says so when there is
 * none yet. */
gboolean
_kh_admin_database_exists (void)
{
  g_autofree char *path = _kh_admin_database_path ();

  /* A server's database is set up by "server init"; opening says if not. */
  if (kh_db_location_is_server (path))
    return TRUE;
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      /* Translators: %s is a file name. */
      g_autofree char *message =
        g_strdup_printf (_("There is no database at %s; create it with "
                           "“kohtaamo-admin init” first"), path);
      _kh_admin_print_error (message);
      return FALSE;
    }
  return TRUE;
}

/* Opens the database for a command. Only init creates one (`create`):
 * every other command refuses a path where there is no database, so that
 * a mistyped --database never becomes a new, empty one. Every page is
 * checked first (a second per 100 000 people): an administrator's command
 * must not write into a damaged file. */
static KhDb *
open_database (gboolean   read_only,
               gboolean   create,
               char     **out_path)
{
  g_autofree char *path = _kh_admin_database_path ();
  g_autoptr(GError) error = NULL;
  KhDb *db;

  if (!create && !_kh_admin_database_exists ())
    return NULL;

  /* On a server every reading of a person's data, the log's included,
   * writes its log row (data/sql/pg/0001-schema.sql): a read-only
   * connection could read nothing. Read-only is for files. */
  if (read_only && !kh_db_location_is_server (path))
    db = kh_db_open_read_only (path, &error);
  else
    db = kh_db_open_full (path, (create ? KH_DB_OPEN_CREATE : KH_DB_OPEN_EXISTING)
                                | KH_DB_OPEN_CHECK_ALL, &error);

  if (db == NULL)
    {
      /* The store's messages name the file and say what to do. */
      _kh_admin_fail (error);
      return NULL;
    }

  if (out_path != NULL)
    *out_path = g_steal_pointer (&path);
  return db;
}

KhDb *
_kh_admin_open_database (gboolean  read_only,
                         char    **out_path)
{
  return open_database (read_only, FALSE, out_path);
}

/* Opens an existing database read-only for a command that only shows the
 * unit's directory or calendar: no user data is read, so no login. */
KhDb *
_kh_admin_open_existing_read_only (void)
{
  return _kh_admin_open_database (TRUE, NULL);
}

KhUser *
_kh_admin_login (KhDb    *db,
                 GError **error)
{
  const char *real_name = g_get_real_name ();

  /* GLib says "Unknown" when the account has no real name. */
  if (real_name == NULL || *real_name == '\0' || g_strcmp0 (real_name, "Unknown") == 0)
    real_name = NULL;

  /* On a server the login role is the user (users.account). */
  return kh_db_login (db, kh_db_get_login (db) != NULL ? kh_db_get_login (db) : g_get_user_name (),
                      real_name, error);
}

/* Logs the OS account in and checks its role; prints why not. */
static KhUser *
login_with_role (KhDb         *db,
                 KhAdminNeeds  needs)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhUser) user = _kh_admin_login (db, &error);
  gboolean lead_allowed = needs == KH_ADMIN_NEEDS_ADMIN_OR_LEAD;
  g_autofree char *message = NULL;

  if (user == NULL)
    {
      _kh_admin_fail (error);
      return NULL;
    }

  if (user->role == KH_ROLE_ADMIN || (lead_allowed && user->role == KH_ROLE_LEAD))
    return g_steal_pointer (&user);

  if (lead_allowed)
    /* Translators: %s is an OS account name, then a role such as “Reception”. */
    message = g_strdup_printf (_("Only an administrator or a lead social worker may do this; "
                                 "the account “%s” is: %s"),
                               user->account, kh_role_label (user->role));
  else
    message = g_strdup_printf (_("Only an administrator may do this; "
                                 "the account “%s” is: %s"),
                               user->account, kh_role_label (user->role));
  _kh_admin_print_error (message);
  return NULL;
}

/* The start of every command that changes the database (or reads people's
 * data): opens it and logs the OS account in with the role it needs. On
 * failure says why and returns FALSE; the command then exits with
 * EXIT_FAILED. */
gboolean
_kh_admin_open_and_login (gboolean       read_only,
                          KhAdminNeeds   needs,
                          KhDb         **out_db,
                          KhUser       **out_user)
{
  g_autoptr(KhDb) db = _kh_admin_open_database (read_only, NULL);
  g_autoptr(KhUser) user = NULL;

  if (db == NULL)
    return FALSE;
  user = login_with_role (db, needs);
  if (user == NULL)
    return FALSE;

  *out_db = g_steal_pointer (&db);
  *out_user = g_steal_pointer (&user);
  return TRUE;
}

void
_kh_admin_print_padded (const char *text,
                        guint       width)
{
  guint len = g_utf8_strlen (text, -1);

  g_print ("%s", text);
  for (guint i = len; i < width; i++)
    g_print (" ");
}

/* Prints rows (arrays of n_columns strings) under headings, in columns. */
void
_kh_admin_print_table (const char * const *headings,
                       guint               n_columns,
                       GPtrArray          *rows)
{
  g_autofree guint *widths = g_new0 (guint, n_columns);

  for (guint c = 0; c < n_columns; c++)
    widths[c] = g_utf8_strlen (headings[c], -1);
  for (guint i = 0; i < rows->len; i++)
    {
      const char * const *row = g_ptr_array_index (rows, i);

      for (guint c = 0; c < n_columns; c++)
        widths[c] = MAX (widths[c], g_utf8_strlen (row[c], -1));
    }

  for (guint c = 0; c < n_columns; c++)
    _kh_admin_print_padded (headings[c], c + 1 < n_columns ? widths[c] + 2 : 0);
  g_print ("\n");
  for (guint i = 0; i < rows->len; i++)
    {
      const char * const *row = g_ptr_array_index (rows, i);

      for (guint c = 0; c < n_columns; c++)
        _kh_admin_print_padded (row[c], c + 1 < n_columns ? widths[c] + 2 : 0);
      g_print ("\n");
    }
}

static gboolean
parse_count (const char *text,
             guint64     min,
             guint64     max,
             guint64    *out)
{
  return g_ascii_string_to_unsigned (text, 10, min, max, out, NULL);
}

/* ---- init ---- */

static int
run_init (int    argc,
          char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(KhDb) db = NULL;
  g_autoptr(KhUser) user = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  int status = EXIT_OK;

  context = _kh_admin_context_new (NULL,
                                   _("Creates the database, or brings an existing one to the "
                                     "newest schema, and makes your account the administrator "
                                     "of a database that has no users yet."),
                                   NULL, NULL);
  if (!_kh_admin_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return _kh_admin_usage_error (context, _("init takes no arguments"));

  db = open_database (FALSE, TRUE, &path);
  if (db == NULL)
    return EXIT_FAILED;

  g_print (_("Database: %s\n"), path);
  g_print (_("Schema version: %d\n"), kh_db_get_schema_version (db));

  /* Any account may run init: the first one becomes the administrator. */
  user = _kh_admin_login (db, &error);
  if (user == NULL)
    return _kh_admin_fail (error);
  /* Translators: %s is an OS account, then a role such as “Administrator”. */
  g_print (_("Your account “%s” is: %s\n"), user->account, kh_role_label (user->role));

  return EXIT_OK;
}

/* ---- demo ---- */

static char *opt_clients;
static char *opt_seed;
static gboolean opt_force;

static int
run_demo (int    argc,
          char **argv)
{
  const GOptionEntry entries[] = {
    { "clients", 'n', 0, G_OPTION_ARG_STRING, &opt_clients,
      N_("How many fictional people to add"), N_("N") },
    { "seed", 's', 0, G_OPTION_ARG_STRING, &opt_seed,
      N_("Seed of the random numbers (the same seed gives the same data on the same day)"),
      N_("S") },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &opt_force,
      N_("Add demo data even if the database already has people"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(KhDb) db = NULL;
  g_autoptr(KhUser) admin = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary_text = NULL;
  KhDemoSummary summary;
  guint64 n_clients = 0;
  guint64 seed = 1;
  int status = EXIT_OK;

  context = _kh_admin_context_new (NULL,
                                   _("Fills the database with fictional Finnish- and "
                                     "Swedish-speaking people (identity codes only with the "
                                     "individual numbers 900–999), their contacts over the "
                                     "last year and opened cases."),
                                   NULL, entries);
  if (!_kh_admin_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return _kh_admin_usage_error (context, _("demo takes no arguments"));
  if (opt_clients == NULL)
    return _kh_admin_usage_error (context, _("Say how many people with --clients N"));
  if (!parse_count (opt_clients, 1, 1000000, &n_clients))
    return _kh_admin_usage_error (context, _("--clients must be a whole number from 1 to "
                                             "1000000"));
  if (opt_seed != NULL && !parse_count (opt_seed, 0, G_MAXUINT32, &seed))
    return _kh_admin_usage_error (context, _("--seed must be a whole number from 0 to "
                                             "4294967295"));

  if (!_kh_admin_open_and_login (FALSE, KH_ADMIN_NEEDS_ADMIN, &db, &admin))
    return EXIT_FAILED;

  if (!kh_admin_demo_run (db, admin, (guint) n_clients, (guint32) seed, opt_force,
                          NULL, &summary, &error))
    return _kh_admin_fail (error);

  summary_text = kh_admin_demo_format_summary (&summary);
  g_print ("%s\n", summary_text);
  return EXIT_OK;
}

/* ---- import-clients ---- */

static gboolean opt_dry_run;

static int
run_import (int    argc,
            char **argv)
{
  const GOptionEntry entries[] = {
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &opt_dry_run,
      N_("Only check the file; write nothing"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(KhDb) db = NULL;
  g_autoptr(KhUser) admin = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *header = kh_import_dup_header_line ();
  g_autofree char *description = NULL;
  g_autofree char *data = NULL;
  g_autofree char *summary_text = NULL;
  KhImportSummary summary;
  gsize length = 0;
  int status = EXIT_OK;

  /* Translators: %s is the header line of the file (kept in English). */
  description = g_strdup_printf (_("The file is UTF-8 CSV with this header row:\n  %s\n"
                                   "birth_date (YYYY-MM-DD) only where identity_code is empty; "
                                   "language is fi, sv or other (other:NAME names the "
                                   "language, e.g. other:arabia). All rows are imported or "
                                   "none: each bad row is reported as “line N: reason”."),
                                 header);
  context = _kh_admin_context_new (_("FILE.csv"), _("Imports people from a CSV file."),
                                   description, entries);
  if (!_kh_admin_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return _kh_admin_usage_error (context, _("Name one CSV file"));

  if (!g_file_get_contents (argv[1], &data, &length, &error))
    return _kh_admin_fail (error);

  /* A dry run opens the database read-only: it cannot write even by mistake.
   * It still has to exist and be up to date. */
  if (!_kh_admin_open_and_login (opt_dry_run, KH_ADMIN_NEEDS_ADMIN, &db, &admin))
    return EXIT_FAILED;

  problems = g_ptr_array_new_with_free_func ((GDestroyNotify) kh_import_problem_free);
  if (!kh_admin_import_clients (db, admin, data, length, opt_dry_run, NULL,
                                problems, &summary, &error))
    return _kh_admin_fail (error);

  for (guint i = 0; i < problems->len; i++)
    {
      KhImportProblem *problem = g_ptr_array_index (problems, i);

      /* Translators: the report of a bad row: a line number, then the reason. */
      g_printerr (_("line %u: %s\n"), problem->line, problem->reason);
    }

  if (opt_dry_run && problems->len == 0)
    g_print ("%s\n", _("Dry run: every row is good; nothing was written."));
  else if (problems->len > 0)
    g_print ("%s\n", _("Nothing was imported: correct the rows above and run the import "
                       "again."));

  summary_text = kh_admin_import_format_summary (&summary);
  g_print ("%s\n", summary_text);

  return problems->len > 0 ? EXIT_FAILED : EXIT_OK;
}

/* ---- main ---- */

static const Command commands[] = {
  { "init", N_("Create or update the database; the first account becomes administrator"),
    run_init },
  { "users", N_("List, add, change and deactivate users"), _kh_admin_run_users },
  { "services", N_("List and edit the directory of services"), _kh_admin_run_services },
  { "teams", N_("List, add, rename and deactivate the unit’s teams"), _kh_admin_run_teams },
  { "calendar", N_("Print the weekdays of a year on which the office is closed; add and "
                   "remove the unit’s closed days; count working days and months"),
    _kh_admin_run_calendar },
  { "settings", N_("Show and change the unit’s settings"), _kh_admin_run_settings },
  { "demo", N_("Add fictional people, contacts and cases"), run_demo },
  { "import-clients", N_("Import people from a CSV file, all or none"),
    run_import },
  { "log", N_("Print the access log of a person; verify the log and make checkpoints of it"),
    _kh_admin_run_log },
  { "documents", N_("Export every issued letter and decision as PDF files"),
    _kh_admin_run_documents },
  { "backup", N_("Copy the database into a file, consistently, while others work"),
    _kh_admin_run_backup },
  { "restore", N_("Replace the database with a checked backup, all or nothing"),
    _kh_admin_run_restore },
  { "check", N_("Check every page of the database"), _kh_admin_run_check },
  { "server", N_("Set up Kohtaamo’s database on a PostgreSQL server"), _kh_admin_run_server },
  { "copy", N_("Move a unit’s SQLite database onto a PostgreSQL server, all or nothing"),
    _kh_admin_run_copy },
};

static gboolean opt_version;

/* The store tells the application's log what it did ("the first account is
 * now the administrator"); here each command says that itself, on stdout,
 * so the store's messages would only repeat it on stderr. Warnings stay. */
static void
drop_message (const char     *log_domain,
              GLogLevelFlags  log_level,
              const char     *message,
              gpointer        user_data)
{
}

static char *
commands_description (void)
{
  g_autoptr(GString) text = g_string_new (_("Commands:"));

  g_string_append_c (text, '\n');
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (text, "  %-16s %s\n", commands[i].name, _(commands[i].summary));
  g_string_append_printf (text, "\n%s\n",
                          _("Run “kohtaamo-admin COMMAND --help” to see what a command takes."));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

int
main (int   argc,
      char *argv[])
{
  const GOptionEntry main_entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, &opt_version, N_("Print the version"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  const char *localedir;

  localedir = g_getenv ("KOHTAAMO_LOCALEDIR");
  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("kohtaamo-admin");
  if (g_getenv ("G_MESSAGES_DEBUG") == NULL)
    g_log_set_handler ("kohtaamo-store", G_LOG_LEVEL_MESSAGE | G_LOG_LEVEL_INFO,
                       drop_message, NULL);

  description = commands_description ();
  context = g_option_context_new (_("COMMAND [OPTIONS…]"));
  g_option_context_set_summary (context, _("Sets up and maintains a Kohtaamo database."));
  g_option_context_set_description (context, description);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, global_entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, main_entries, GETTEXT_PACKAGE);
  /* Stop at the command: what follows is the command's to parse. */
  g_option_context_set_strict_posix (context, TRUE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return _kh_admin_usage_error (context, error->message);

  if (opt_version)
    {
      g_print ("kohtaamo-admin %s\n", PACKAGE_VERSION);
      return EXIT_OK;
    }

  if (argc < 2)
    return _kh_admin_usage_error (context, _("Say which command to run"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      {
        /* The command sees itself as argv[0]: "kohtaamo-admin users". */
        g_autofree char *prgname = g_strdup_printf ("kohtaamo-admin %s", commands[i].name);
        g_auto(GStrv) sub_argv = g_new0 (char *, argc);
        int sub_argc = argc - 1;
        int status;

        sub_argv[0] = g_strdup (prgname);
        /* Help and error messages then name the command too. */
        g_set_prgname (prgname);
        for (int j = 2; j < argc; j++)
          sub_argv[j - 1] = g_strdup (argv[j]);

        {
          /* g_option_context_parse rearranges the array; keep our own to free. */
          g_autofree char **parse_argv = g_memdup2 (sub_argv, sizeof (char *) * argc);

          status = commands[i].run (sub_argc, parse_argv);
        }
        return status;
      }

  {
    /* Translators: %s is what was typed as the command. */
    g_autofree char *message = g_strdup_printf (_("Unknown command “%s”"), argv[1]);
    return _kh_admin_usage_error (context, message);
  }
}
