/* kh-admin-log.c — kohtaamo-admin log: who has read a person's data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kohtaamo-admin"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "store/kh-db.h"

#include "kh-admin-private.h"

static gint64 opt_client;
static int opt_limit;
static char *opt_export;

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
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(KhDb) db = NULL;
  g_autoptr(KhUser) user = NULL;
  g_autoptr(GPtrArray) entries_read = NULL;
  g_autoptr(GError) error = NULL;
  int status = EXIT_OK;

  context = _kh_admin_context_new (NULL,
                                   _("Prints who has read a person’s data, when, what and on "
                                     "what basis (the person’s right under the Client Data "
                                     "Act). For the lead social worker and the administrator; "
                                     "reading the log is itself logged."),
                                   NULL, entries);
  if (!_kh_admin_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return _kh_admin_usage_error (context, _("log takes no arguments; give the person with "
                                             "--client"));
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

