/* kh-admin-log.c — kohtaamo-admin log: who has read a person's data, and
 * whether the log is intact
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `log --client ID` prints or exports one person's log (ATL 703/2023 11 §).
 * `log verify` walks the log's hash chain (issue 6, item 4) and names the
 * first row that was changed, deleted or put out of order; `log checkpoint`
 * writes the newest row's number and hash to keep outside the database, and
 * `log verify --checkpoint FILE` finds rows cut off the end with it. The
 * checks are the store's (kh_db_verify_access_log), on either engine.
 */

#define G_LOG_DOMAIN "kohtaamo-admin"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "store/kh-db.h"

#include "kh-admin-private.h"

static gint64 opt_client;
static int opt_limit;
static char *opt_export;
static char *opt_checkpoint;
static char *opt_output;

/* `log verify [--checkpoint FILE]` */
static int
run_verify (void)
{
  g_autoptr(KhDb) db = NULL;
  g_autoptr(KhUser) user = NULL;
  g_autoptr(KhLogCheckpoint) checkpoint = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;
  KhLogVerifyResult result;
  gsize length = 0;

  if (opt_checkpoint != NULL)
    {
      if (!g_file_get_contents (opt_checkpoint, &text, &length, &error))
        return _kh_admin_fail (error);
      checkpoint = kh_log_checkpoint_from_text (text, length, &error);
      if (checkpoint == NULL)
        {
          message = g_strdup_printf ("%s: %s", opt_checkpoint, error->message);
          _kh_admin_print_error (message);
          return EXIT_FAILED;
        }
    }

  if (!_kh_admin_database_exists () ||
      !_kh_admin_open_and_login (FALSE, KH_ADMIN_NEEDS_ADMIN_OR_LEAD, &db, &user))
    return EXIT_FAILED;
  if (!kh_db_verify_access_log (db, user, checkpoint, &result, &error))
    return _kh_admin_fail (error);

  message = kh_log_verify_result_describe (&result, checkpoint);
  if (result.status == KH_LOG_CHAIN_INTACT)
    {
      g_print ("%s\n", message);
      return EXIT_OK;
    }
  _kh_admin_print_error (message);
  return EXIT_FAILED;
}

/* `log checkpoint [--output FILE]` */
static int
run_checkpoint (void)
{
  g_autoptr(KhDb) db = NULL;
  g_autoptr(KhUser) user = NULL;
  g_autoptr(KhLogCheckpoint) checkpoint = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  KhLogVerifyResult result;

  if (!_kh_admin_database_exists () ||
      !_kh_admin_open_and_login (FALSE, KH_ADMIN_NEEDS_ADMIN_OR_LEAD, &db, &user))
    return EXIT_FAILED;
  checkpoint = kh_db_make_log_checkpoint (db, user, &result, &error);
  if (checkpoint == NULL && error != NULL)
    return _kh_admin_fail (error);
  if (checkpoint == NULL && result.status == KH_LOG_CHAIN_INTACT)
    {
      _kh_admin_print_error (_("The access log has no rows yet: there is nothing to make a "
                               "checkpoint of."));
      return EXIT_FAILED;
    }
  if (checkpoint == NULL)
    {
      g_autofree char *message = kh_log_verify_result_describe (&result, NULL);

      _kh_admin_print_error (message);
      _kh_admin_print_error (_("No checkpoint was made: a checkpoint vouches for the log up "
                               "to its row, and this log is not intact."));
      return EXIT_FAILED;
    }

  text = kh_log_checkpoint_to_text (checkpoint);
  if (opt_output == NULL)
    {
      g_print ("%s", text);
      return EXIT_OK;
    }
  if (!g_file_set_contents_full (opt_output, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                 &error))
    return _kh_admin_fail (error);
  /* Translators: the row's number, its hash (64 hex digits), then a file name */
  g_print (_("Checkpoint of row %lld (hash %s) written to %s. Keep it outside the database "
             "and its backups, e.g. printed or with the unit’s records.\n"),
           (long long) checkpoint->seq, checkpoint->hash, opt_output);
  return EXIT_OK;
}

/* --export FILE: the person's extract as CSV in their language. */
static int
export_log (KhDb   *db,
            KhUser *user)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize size;
  const char *data;
  guint rows = 0;

  bytes = kh_db_export_access_log (db, user, opt_client, &rows, &error);
  if (bytes == NULL)
    return _kh_admin_fail (error);
  data = g_bytes_get_data (bytes, &size);
  if (!g_file_set_contents_full (opt_export, data, size, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    return _kh_admin_fail (error);
  /* Translators: %u is a number of rows, %s a file name */
  g_print (ngettext ("Wrote %u row of the person’s access log to %s\n",
                     "Wrote %u rows of the person’s access log to %s\n", rows),
           rows, opt_export);
  return EXIT_OK;
}

int
_kh_admin_run_log (int    argc,
                   char **argv)
{
  const GOptionEntry entries[] = {
    { "client", 'c', 0, G_OPTION_ARG_INT64, &opt_client,
      N_("The person’s number in the database"), N_("ID") },
    { "limit", 'l', 0, G_OPTION_ARG_INT, &opt_limit,
      N_("Show at most this many rows, newest first (default: all)"), N_("N") },
    { "export", 'e', 0, G_OPTION_ARG_FILENAME, &opt_export,
      N_("Write the person’s extract to FILE as CSV, in the person’s language (the "
         "client’s right to the log, Client Data Act 11 §)"), N_("FILE") },
    { "checkpoint", 0, 0, G_OPTION_ARG_FILENAME, &opt_checkpoint,
      N_("verify: also check the log against a checkpoint written by “log checkpoint”"),
      N_("FILE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output,
      N_("checkpoint: write the checkpoint to FILE instead of printing it"), N_("FILE") },
    { NULL }
  };
  const char *action = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(KhDb) db = NULL;
  g_autoptr(KhUser) user = NULL;
  g_autoptr(GPtrArray) entries_read = NULL;
  g_autoptr(GError) error = NULL;
  int status = EXIT_OK;

  context = _kh_admin_context_new (_("[verify | checkpoint]"),
                                   _("Prints who has read a person’s data, when, what and on "
                                     "what basis (the person’s right under the Client Data "
                                     "Act). For the lead social worker and the administrator; "
                                     "reading the log is itself logged."),
                                   _("Actions:\n"
                                     "  (none)       --client ID: the person’s log, or "
                                     "--export FILE: their extract\n"
                                     "  verify       check that no row of the log has been "
                                     "changed, deleted or reordered since it was written; "
                                     "names the first one that has and exits with status 1\n"
                                     "  checkpoint   print (or --output FILE) the newest row’s "
                                     "number and hash, to keep outside the database: "
                                     "“verify --checkpoint FILE” then also finds rows cut off "
                                     "the end of the log\n"),
                                   entries);
  if (!_kh_admin_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc > 2)
    return _kh_admin_usage_error (context, _("log takes at most one action: verify or "
                                             "checkpoint"));
  if (argc == 2)
    action = argv[1];

  if (action != NULL && strcmp (action, "verify") != 0 && strcmp (action, "checkpoint") != 0)
    return _kh_admin_unknown_action (context, action);
  if (action != NULL && (opt_client != 0 || opt_limit != 0 || opt_export != NULL))
    return _kh_admin_usage_error (context, _("--client, --limit and --export are for a "
                                             "person’s log, not for verify or checkpoint"));
  if (opt_checkpoint != NULL && g_strcmp0 (action, "verify") != 0)
    return _kh_admin_usage_error (context, _("--checkpoint goes with verify"));
  if (opt_output != NULL && g_strcmp0 (action, "checkpoint") != 0)
    return _kh_admin_usage_error (context, _("--output goes with checkpoint"));
  if (g_strcmp0 (action, "verify") == 0)
    return run_verify ();
  if (g_strcmp0 (action, "checkpoint") == 0)
    return run_checkpoint ();

  if (opt_client <= 0)
    return _kh_admin_usage_error (context, _("Give the person’s number with --client ID"));
  if (opt_limit < 0)
    return _kh_admin_usage_error (context, _("--limit cannot be negative"));
  if (opt_export != NULL && opt_limit > 0)
    return _kh_admin_usage_error (context, _("--export writes every row; leave out --limit"));

  /* Reading the log reads about a person: it is logged under this user. */
  if (!_kh_admin_open_and_login (FALSE, KH_ADMIN_NEEDS_ADMIN_OR_LEAD, &db, &user))
    return EXIT_FAILED;

  if (opt_export != NULL)
    return export_log (db, user);

  entries_read = kh_db_list_access_log (db, user, opt_client,
                                        opt_limit > 0 ? (guint) opt_limit : G_MAXUINT, &error);
  if (entries_read == NULL)
    return _kh_admin_fail (error);

  if (entries_read->len > 0)
    {
      KhAccessEntry *first = g_ptr_array_index (entries_read, 0);

      /* The name comes with the log rows: printing it reads nothing more. */
      if (first->client_name != NULL)
        /* Translators: %s is a person's name, "Mäkinen, Aino". */
        g_print (_("Access log of %s\n"), first->client_name);
    }

  for (guint i = 0; i < entries_read->len; i++)
    {
      KhAccessEntry *entry = g_ptr_array_index (entries_read, i);
      g_autofree char *when = g_date_time_format (entry->at, "%Y-%m-%d %H:%M:%S");

      const char *what = kh_access_what_label (entry->what);
      const char *basis = kh_access_basis_label (entry->basis);

      /* The store appends kinds of its own (reading the log itself). */
      if (entry->what == KH_ACCESS_ACCESS_LOG)
        what = _("The access log was read");
      g_print ("%s\t%s\t%s\t%s\n", when,
               entry->user_name != NULL ? entry->user_name : "",
               what != NULL ? what : "", basis != NULL ? basis : "");
    }
  if (entries_read->len == 0)
    g_print ("%s\n", _("Nothing has been logged about this person."));
  else
    g_print (ngettext ("%u row\n", "%u rows\n", entries_read->len), entries_read->len);

  return EXIT_OK;
}

