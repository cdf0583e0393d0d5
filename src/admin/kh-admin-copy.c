/* kh-admin-copy.c — kohtaamo-admin copy: a unit's SQLite database onto its
 * PostgreSQL server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `copy --from FILE.db --to URL` moves everything in one transaction of the
 * server (src/store/kh-db-copy.c says what and how) and prints, per table,
 * the rows in the file and on the server, counted inside that transaction.
 * The file is opened read-only after its first bytes say it is a Kohtaamo
 * database, so another program's file, or a unit's, is never changed; its
 * schema must be this version's (an older one is updated by opening it
 * once, which the administrator does knowingly, after a backup), and its
 * pages are checked before anything is sent.
 */

#define G_LOG_DOMAIN "kohtaamo-admin"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "store/kh-db.h"

#include "kh-admin-private.h"

static char *opt_from;
static char *opt_to;
static char *opt_admin;
static gboolean opt_accept_broken_log;

static void
print_counts (const KhDbCopyReport *report)
{
  const char *headings[3] = {
    C_("column", "Table"), C_("column", "In the file"), C_("column", "On the server"),
  };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint i = 0; i < report->counts->len; i++)
    {
      const KhDbCopyCount *count = g_ptr_array_index (report->counts, i);
      char **row = g_new0 (char *, 4);

      row[0] = g_strdup (count->table);
      row[1] = g_strdup_printf ("%lld", (long long) count->in_file);
      row[2] = g_strdup_printf ("%lld", (long long) count->on_server);
      g_ptr_array_add (rows, row);
    }
  _kh_admin_print_table (headings, G_N_ELEMENTS (headings), rows);
}

static void
print_accounts (const char *intro,
                GPtrArray  *accounts)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < accounts->len; i++)
    g_string_append_printf (list, "%s%s", i > 0 ? ", " : "",
                            (const char *) g_ptr_array_index (accounts, i));
  g_print ("%s %s\n", intro, list->str);
}

static int
run_copy (void)
{
  g_autoptr(KhDb) source = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = kh_db_pg_display_location (opt_to);
  const char *admin = opt_admin != NULL ? opt_admin : g_get_user_name ();
  KhDbCopyReport report = { 0 };
  gint64 started;

  /* Read-only: nothing in the file changes, whatever it is. */
  source = kh_db_open_read_only (opt_from, &error);
  if (source == NULL)
    return _kh_admin_fail (error);
  if (!kh_db_check (source, &error))
    return _kh_admin_fail (error);

  started = g_get_monotonic_time ();
  if (!kh_db_copy_to_server (source, opt_from, opt_to, admin, opt_accept_broken_log,
                             &report, &error))
    {
      kh_db_copy_report_clear (&report);
      return _kh_admin_fail (error);
    }

  print_counts (&report);
  g_print ("\n");
  /* Translators: a file, the database server, then seconds */
  g_print (_("Copied %s to %s in %.1f s, in one transaction.\n"), opt_from, shown,
           (g_get_monotonic_time () - started) / 1e6);
  if (report.file_log.status == KH_LOG_CHAIN_INTACT)
    /* Translators: the number of a row of the access log */
    g_print (_("The access log came intact and goes on on the server; the copy itself is its "
               "row %lld.\n"), (long long) report.copy_log_seq);
  else
    /* Translators: the numbers of two rows of the access log */
    g_print (_("The access log came broken at row %lld, as it was in the file "
               "(--accept-broken-log, recorded on the server); the copy itself is its row "
               "%lld.\n"),
             (long long) report.file_log.broken_seq, (long long) report.copy_log_seq);
  if (report.kept_users->len > 0)
    print_accounts (_("Users only the server had were kept:"), report.kept_users);
  if (report.new_logins->len > 0)
    {
      print_accounts (_("These users have no login on the server yet (a role that cannot log "
                        "in was made for each):"), report.new_logins);
      g_print ("%s\n", _("Give each a password with “kohtaamo-admin --database URL users "
                         "activate ACCOUNT --password-stdin” (or --no-password for Kerberos)."));
    }
  kh_db_copy_report_clear (&report);
  return EXIT_OK;
}

int
_kh_admin_run_copy (int    argc,
                    char **argv)
{
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_FILENAME, &opt_from,
      N_("The unit’s SQLite database file"), N_("FILE.db") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &opt_to,
      N_("The server’s database that “server init” prepared, as its superuser"), N_("URL") },
    { "admin", 'a', 0, G_OPTION_ARG_STRING, &opt_admin,
      N_("The administrator the access log records the copy for (default: your account)"),
      N_("ACCOUNT") },
    { "accept-broken-log", 0, 0, G_OPTION_ARG_NONE, &opt_accept_broken_log,
      N_("Copy even if the file’s access log is not intact (the server records it)"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  int status = EXIT_OK;

  context = _kh_admin_context_new (NULL,
                                   _("Moves a unit’s SQLite database onto a PostgreSQL server, "
                                     "all or nothing: people, contacts, cases, corrections, "
                                     "users, the directory, the settings and the access log, "
                                     "with their ids. The counts of every table are compared "
                                     "before the server commits. The file is only read."),
                                   NULL, entries);
  if (!_kh_admin_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return _kh_admin_usage_error (context, _("copy takes no arguments, only --from and --to"));
  if (opt_from == NULL || opt_to == NULL)
    return _kh_admin_usage_error (context, _("Say: copy --from FILE.db --to URL"));
  if (kh_db_location_is_server (opt_from))
    return _kh_admin_usage_error (context, _("--from must name a SQLite file"));
  if (!kh_db_location_is_server (opt_to))
    return _kh_admin_usage_error (context, _("URL must name a PostgreSQL server "
                                             "(postgresql://…, host=… dbname=…, or service=NAME)"));
  return run_copy ();
}
