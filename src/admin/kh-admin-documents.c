/* kh-admin-documents.c — kohtaamo-admin documents export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 8, 7: every issued letter and decision written out as the PDF it
 * was issued as, for an archive, a request for documents or a court. The
 * store hands each one over only after checking its bytes against the
 * SHA-256 kept with it, and logs each opening as an export naming the
 * document (kh_db_get_document_pdf). The folder gets SHA256SUMS beside
 * the files, in the form `sha256sum -c` reads, so that whoever receives
 * the folder can check it without Kohtaamo.
 *
 * A file already in the folder is left as it is when it holds the same
 * bytes (an export run again adds only what was issued since), and the
 * export stops before writing anything over a file that differs. Every
 * file is written whole or not at all (a temporary file renamed), 0600:
 * these are people's documents.
 */

#define G_LOG_DOMAIN "kohtaamo-admin"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "core/kh-document-kind.h"
#include "store/kh-db.h"

#include "kh-admin-private.h"

/* Whether `path` is absent (TRUE, *same FALSE) or holds exactly `bytes`
 * (TRUE, *same TRUE); FALSE with `error` when it holds something else or
 * cannot be read. */
static gboolean
check_existing (const char  *path,
                GBytes      *bytes,
                gboolean    *same,
                GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) local_error = NULL;

  *same = FALSE;
  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (length == g_bytes_get_size (bytes) && memcmp (contents, g_bytes_get_data (bytes, NULL), length) == 0)
    {
      *same = TRUE;
      return TRUE;
    }
  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
               /* Translators: %s is a file name */
               _("%s is already in the folder with other contents. Nothing was written over it: "
                 "export into an empty folder."), path);
  return FALSE;
}

static int
export_documents (const char *dir)
{
  g_autoptr(KhDb) db = NULL;
  g_autoptr(KhUser) admin = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GString) sums = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *sums_path = NULL;
  guint written = 0, kept = 0;

  /* Everyone's documents leave the database: the administrator's to do.
   * Not read-only: each opening is logged. */
  if (!_kh_admin_open_and_login (FALSE, KH_ADMIN_NEEDS_ADMIN, &db, &admin))
    return EXIT_FAILED;
  ids = kh_db_list_document_ids (db, admin, &error);
  if (ids == NULL)
    return _kh_admin_fail (error);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (&error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   /* Translators: the folder, then the system's reason */
                   _("Cannot make the folder %s: %s"), dir, g_strerror (saved));
      return _kh_admin_fail (error);
    }

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(KhIssuedDocument) document = NULL;
      g_autofree char *name = NULL;
      g_autofree char *path = NULL;
      gboolean same;

      document = kh_db_get_document_pdf (db, admin, g_array_index (ids, gint64, i), &error);
      if (document == NULL)
        return _kh_admin_fail (error);
      name = kh_issued_document_file_name (document);
      path = g_build_filename (dir, name, NULL);
      if (!check_existing (path, document->pdf, &same, &error))
        return _kh_admin_fail (error);
      if (same)
        kept++;
      else if (g_file_set_contents_full (path, g_bytes_get_data (document->pdf, NULL),
                                         g_bytes_get_size (document->pdf),
                                         G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
        written++;
      else
        return _kh_admin_fail (error);
      g_string_append_printf (sums, "%s  %s\n", document->sha256, name);
    }

  sums_path = g_build_filename (dir, "SHA256SUMS", NULL);
  if (!g_file_set_contents_full (sums_path, sums->str, sums->len,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    return _kh_admin_fail (error);

  /* Translators: the folder, the number of documents written, then the number already there */
  g_print (_("Exported into %s: written %u, already in place %u. Each was checked against its "
             "SHA-256, listed in SHA256SUMS.\n"),
           dir, written, kept);
  return EXIT_OK;
}

int
_kh_admin_run_documents (int    argc,
                         char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  int status = EXIT_OK;

  context = _kh_admin_context_new (_("export DIR"),
                                   _("Writes every issued letter and decision into the folder "
                                     "DIR as the PDF it was issued as: a decision as "
                                     "decision-YEAR-NUMBER.pdf by its register number, any "
                                     "other document as document-ID.pdf, with SHA256SUMS for "
                                     "checking them (sha256sum -c SHA256SUMS). Each document is "
                                     "checked against its SHA-256 first, and each opening is "
                                     "logged. Files already in DIR with the same contents are "
                                     "kept; nothing is written over a file that differs."),
                                   NULL, NULL);
  if (!_kh_admin_parse_options (context, &argc, &argv, &status))
    return status;
  if (argc < 2)
    return _kh_admin_usage_error (context, _("Say what to do: export"));
  if (!g_str_equal (argv[1], "export"))
    return _kh_admin_unknown_action (context, argv[1]);
  if (argc != 3)
    return _kh_admin_usage_error (context, _("Name one folder to export into"));
  return export_documents (argv[2]);
}
