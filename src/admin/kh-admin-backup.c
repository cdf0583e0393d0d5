/* kh-admin-backup.c — kohtaamo-admin backup, restore and check
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The SQLite file of one desk (issue 6, item 8): a consistent copy while
 * others write, a restore that checks the copy first and replaces the
 * database all or nothing, and the whole check of the file that the
 * window's start does not run on a large database (README, "The database
 * file").
 */

#define G_LOG_DOMAIN "kohtaamo-admin"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "store/kh-db.h"

#include "kh-admin-private.h"

static void
print_counts (const KhDbCounts *counts)
{
  /* Translators: what a backup holds; the numbers are counts of rows */
  g_print (_("People: %lld, contacts: %lld, cases: %lld, users: %lld, access-log rows: %lld, "
             "schema version: %d\n"),
           (long long) counts->people, (long long) counts->contacts,
           (long long) counts->cases, (long long) counts->users,
           (long long) counts->log_rows, counts->schema_version);
}

int
_kh_admin_run_backup (int    argc,
                      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(KhDb) db = NULL;
  g_autoptr(KhUser) admin = NULL;
  g_autoptr(GError) error = NULL;
  KhDbCounts counts;
  int status = EXIT_OK;

  context = _kh_admin_context_new (_("FILE"),
                                   _("Copies the whole database into FILE while others go on "
                                     "working: one consistent moment, checked (SQLite’s "
                                     "quick_check and the counts of rows), mode 0600. An "
                                     "existing FILE is replaced only if it is a Kohtaamo "
                                     "database (an older backup)."),
                                   NULL, NULL);
  if (!_kh_admin_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return _kh_admin_usage_error (context, _("Name one backup file"));

  /* Everyone's data leaves the database: the administrator's to do. */
  if (!_kh_admin_open_and_login (FALSE, KH_ADMIN_NEEDS_ADMIN, &db, &admin))
    return EXIT_FAILED;

  if (!kh_db_backup (db, argv[1], &counts, &error))
    return _kh_admin_fail (error);

  /* Translators: %s is a file name */
  g_print (_("Backup written to %s and checked.\n"), argv[1]);
  print_counts (&counts);
  return EXIT_OK;
}

int
_kh_admin_run_restore (int    argc,
                       char **argv)
{
  gboolean accept_broken_log = FALSE;
  const GOptionEntry entries[] = {
    { "accept-broken-log", 0, 0, G_OPTION_ARG_NONE, &accept_broken_log,
      N_("Restore a backup whose access log is not intact, as it is"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *log_problem = NULL;
  KhDbCounts counts;
  int status = EXIT_OK;

  context = _kh_admin_context_new (_("FILE"),
                                   _("Replaces the database with the backup FILE, all or "
                                     "nothing. The backup is checked first: a Kohtaamo "
                                     "database, not damaged, not from a newer Kohtaamo, its "
                                     "access log intact, and your account an administrator "
                                     "in it. Close Kohtaamo on every desk first: the restore "
                                     "is refused while any program has the database open."),
                                   NULL, entries);
  if (!_kh_admin_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return _kh_admin_usage_error (context, _("Name one backup file"));

  path = _kh_admin_database_path ();
  /* The database may be damaged, so the right to restore comes from the
   * backup: whoever administers what is restored. */
  if (!kh_db_check_backup (argv[1], g_get_user_name (), accept_broken_log, &log_problem,
                           &counts, &error))
    return _kh_admin_fail (error);
  if (!kh_db_restore (argv[1], path, accept_broken_log, &counts, &error))
    return _kh_admin_fail (error);

  /* Translators: the first %s is the backup file, the second the database */
  g_print (_("Restored %s into %s and checked.\n"), argv[1], path);
  print_counts (&counts);
  if (log_problem != NULL)
    {
      /* Translators: %s says what is wrong with the access log */
      g_autofree char *message = g_strdup_printf (_("Restored with a broken access log, as "
                                                    "asked: %s"), log_problem);

      _kh_admin_print_error (message);
    }
  return EXIT_OK;
}

int
_kh_admin_run_check (int    argc,
                     char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(KhDb) db = NULL;
  int status = EXIT_OK;

  context = _kh_admin_context_new (NULL,
                                   _("Checks every page of the database (SQLite’s "
                                     "quick_check) without changing it. Exit status 1 and a "
                                     "message when it is damaged."),
                                   NULL, NULL);
  if (!_kh_admin_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return _kh_admin_usage_error (context, _("check takes no arguments"));

  /* Every command's opening checks the whole file first. */
  db = _kh_admin_open_database (FALSE, NULL);
  if (db == NULL)
    return EXIT_FAILED;
  g_print ("%s\n", _("The database is sound."));
  return EXIT_OK;
}
