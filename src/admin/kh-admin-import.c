/* kh-admin-import.c — import-clients: all rows or none
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two passes: every row is checked first (its own fields, codes repeated in
 * the file, codes already in the database), and only a file without a single
 * bad row is written, in one transaction. A unit moving from another system
 * must be able to fix the file and run it again without cleaning up half an
 * import.
 */

#define G_LOG_DOMAIN "kohtaamo-admin"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kh-admin-import.h"

void
kh_import_problem_free (KhImportProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->reason);
  g_free (problem);
}

static void
add_problem (GPtrArray  *problems,
             guint       line,
             const char *reason)
{
  KhImportProblem *problem = g_new0 (KhImportProblem, 1);

  problem->line = line;
  problem->reason = g_strdup (reason);
  g_ptr_array_add (problems, problem);
}

/* The store says what is wrong as the form shows it at the field: "Birth
 * date: the year is not plausible." Every other reason of the report is in
 * lower case without a full stop, as it follows "line N: ", so the store's
 * message is brought to that shape here, in one place, whatever rule of the
 * store it comes from. A word in capitals ("URL") keeps them. */
static char *
reason_from_store (const char *message)
{
  g_autofree char *clean = g_strstrip (g_strdup (message));
  GString *reason = g_string_new (NULL);
  gsize len;

  if (*clean != '\0')
    {
      gunichar first = g_utf8_get_char (clean);
      const char *rest = g_utf8_next_char (clean);
      gboolean acronym = *rest != '\0' && g_unichar_isupper (g_utf8_get_char (rest));

      g_string_append_unichar (reason, acronym ? first : g_unichar_tolower (first));
      g_string_append (reason, rest);
    }

  len = reason->len;
  /* The final full stop goes; an ellipsis ("...") stays. */
  if (len > 0 && reason->str[len - 1] == '.' && (len < 2 || reason->str[len - 2] != '.'))
    g_string_truncate (reason, len - 1);

  return g_string_free (reason, FALSE);
}

static void
add_store_problem (GPtrArray  *problems,
                   guint       line,
                   const char *message)
{
  g_autofree char *reason = reason_from_store (message);

  add_problem (problems, line, reason);
}

static gboolean
insert_rows (KhDb       *db,
             KhUser     *user,
             GPtrArray  *rows,
             GPtrArray  *problems,
             GError    **error)
{
  g_autoptr(GPtrArray) clients = g_ptr_array_new ();
  g_autoptr(GError) local_error = NULL;
  KhImportRow *row;
  int failed = -1;

  for (guint i = 0; i < rows->len; i++)
    {
      row = g_ptr_array_index (rows, i);
      g_ptr_array_add (clients, row->client);
    }

  /* All or none; on SQLite staged beside the database and published in
   * one short transaction, so that the desks' searches go on meanwhile. */
  if (kh_db_import_clients (db, user, clients, &failed, &local_error))
    return TRUE;

  /* A rule that only the store knows (or a code that another program
   * added since the check): this row is bad, and so nothing is written. */
  row = failed >= 0 && (guint) failed < rows->len ? g_ptr_array_index (rows, failed) : NULL;
  if (row != NULL && g_error_matches (local_error, KH_STORE_ERROR, KH_STORE_ERROR_DUPLICATE_CODE))
    {
      add_problem (problems, row->line, _("identity code already in the database"));
      return TRUE;
    }
  if (row != NULL && g_error_matches (local_error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID))
    {
      add_store_problem (problems, row->line, local_error->message);
      return TRUE;
    }
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

gboolean
kh_admin_import_clients (KhDb             *db,
                         KhUser           *user,
                         const char       *data,
                         gsize             length,
                         gboolean          dry_run,
                         const GDate      *today,
                         GPtrArray        *problems,
                         KhImportSummary  *summary,
                         GError          **error)
{
  g_autoptr(KhCsvReader) reader = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GHashTable) seen = NULL;   /* identity code -> first line */
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) header = NULL;
  guint first_problem = problems->len;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (KH_IS_USER (user), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (problems != NULL, FALSE);
  g_return_val_if_fail (summary != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *summary = (KhImportSummary) { 0 };

  reader = kh_csv_reader_new (data, length);
  header = kh_csv_reader_next (reader, &local_error);
  if (header == NULL)
    {
      g_autofree char *expected = kh_import_dup_header_line ();
      g_autofree char *reason = NULL;

      if (local_error != NULL)
        reason = g_strdup (local_error->message);
      else
        /* Translators: %s is the header line, kept in English. */
        reason = g_strdup_printf (_("the file is empty; its first line must be the header: %s"),
                                  expected);
      add_problem (problems, MAX (kh_csv_reader_get_line (reader), 1), reason);
      return TRUE;
    }
  if (!kh_import_check_header ((const char * const *) header, &local_error))
    {
      add_problem (problems, kh_csv_reader_get_line (reader), local_error->message);
      return TRUE;
    }

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) kh_import_row_free);
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (;;)
    {
      g_auto(GStrv) fields = NULL;
      g_autoptr(KhImportRow) row = NULL;
      guint line;

      g_clear_error (&local_error);
      fields = kh_csv_reader_next (reader, &local_error);
      line = kh_csv_reader_get_line (reader);

      if (fields == NULL && local_error == NULL)
        break;

      summary->checked++;

      if (fields == NULL)
        {
          add_problem (problems, line, local_error->message);
          summary->bad++;
          continue;
        }

      row = kh_import_row_new (line, (const char * const *) fields, today);
      if (row->reason != NULL)
        {
          add_problem (problems, line, row->reason);
          summary->bad++;
          continue;
        }

      /* The store's own rules, so that a dry run finds what the import
       * itself would refuse. */
      if (!kh_db_validate_client (row->client, NULL, &local_error))
        {
          add_store_problem (problems, line, local_error->message);
          summary->bad++;
          continue;
        }

      if (row->client->identity_code != NULL)
        {
          const char *code = row->client->identity_code;
          gpointer first_line;
          gboolean exists;

          /* The century sign is part of the code (100190-999P and
           * 100190Y999P are two people), so codes are compared as written. */
          if (g_hash_table_lookup_extended (seen, code, NULL, &first_line))
            {
              g_autofree char *reason =
                g_strdup_printf (_("identity code repeated on line %u"),
                                 GPOINTER_TO_UINT (first_line));

              add_problem (problems, line, reason);
              summary->bad++;
              continue;
            }
          g_hash_table_insert (seen, g_strdup (code), GUINT_TO_POINTER (line));

          exists = kh_db_identity_code_exists (db, user, code, &local_error);
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          if (exists)
            {
              add_problem (problems, line, _("identity code already in the database"));
              summary->bad++;
              continue;
            }
        }

      g_ptr_array_add (rows, g_steal_pointer (&row));
    }

  if (problems->len > first_problem || dry_run || rows->len == 0)
    return TRUE;

  if (!insert_rows (db, user, rows, problems, error))
    return FALSE;

  if (problems->len > first_problem)
    summary->bad++;
  else
    summary->imported = rows->len;

  return TRUE;
}

char *
kh_admin_import_format_summary (const KhImportSummary *summary)
{
  g_autofree char *checked = NULL;
  g_autofree char *imported = NULL;
  g_autofree char *bad = NULL;

  g_return_val_if_fail (summary != NULL, NULL);

  /* Translators: the first part of the import summary
   * ("12 rows checked, 0 imported, 2 with errors"). */
  checked = g_strdup_printf (ngettext ("%u row checked", "%u rows checked", summary->checked),
                             summary->checked);
  /* Translators: the second part of the import summary: rows written. */
  imported = g_strdup_printf (ngettext ("%u imported", "%u imported", summary->imported),
                              summary->imported);
  /* Translators: the third part of the import summary: rows that have errors. */
  bad = g_strdup_printf (ngettext ("%u with errors", "%u with errors", summary->bad),
                         summary->bad);

  /* Translators: joins the three parts of the import summary:
   * rows checked, rows imported, rows with errors. */
  return g_strdup_printf (_("%s, %s, %s"), checked, imported, bad);
}
