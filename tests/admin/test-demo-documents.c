/* test-demo-documents.c — the demo's issued decisions, read back (issue 8, 7)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `kohtaamo-admin demo` issues decisions to Finnish- and Swedish-speaking
 * people, each in the person's language; `documents export` writes them
 * out; poppler reads them back. A Swedish decision has Swedish headings
 * and no Finnish ones, and every decision prints the register number it
 * is kept under.
 */

#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>
#include "ui/documents/kh-poppler.h"
#include <sqlite3.h>

#include "admin-test-util.h"

static char *
file_value (const char *path,
            const char *sql)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return value;
}

/* Every page's text, white space made single spaces. */
static char *
pdf_text (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) pdf = poppler_document_new_from_gfile (file, NULL, NULL, &error);
  g_autoptr(GString) text = g_string_new (NULL);
  g_auto(GStrv) words = NULL;

  g_assert_no_error (error);
  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (pdf, i);
      g_autofree char *page_text = poppler_page_get_text (page);

      g_string_append_printf (text, "%s\n", page_text);
    }
  words = g_strsplit_set (text->str, " \n\t\u00a0", -1);
  return g_strjoinv (" ", words);
}

static void
test_demo_decisions (void)
{
  g_autofree char *dir = admin_test_make_dir ();
  g_autofree char *db_path = g_build_filename (dir, "kohtaamo.db", NULL);
  g_autofree char *out = g_build_filename (dir, "vienti", NULL);
  const char *init[] = { "init", NULL };
  const char *demo[] = { "demo", "--clients", "300", "--seed", "11", NULL };
  const char *export[] = { "documents", "export", out, NULL };
  g_autofree char *n_fi = NULL, *n_sv = NULL, *numbers = NULL, *issuers = NULL, *year = NULL;
  g_autofree char *services = NULL, *methods = NULL;
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  guint checked = 0;

  g_assert_cmpint (admin_test_run (dir, db_path, init, NULL, NULL), ==, 0);
  g_assert_cmpint (admin_test_run (dir, db_path, demo, NULL, NULL), ==, 0);

  /* Six Finnish and four Swedish decisions, numbered 1–10 in this year's
   * register, issued by a social worker (role 3), not the administrator. */
  n_fi = file_value (db_path, "SELECT count(*) FROM documents WHERE kind = 5 AND language = 'fi'");
  n_sv = file_value (db_path, "SELECT count(*) FROM documents WHERE kind = 5 AND language = 'sv'");
  g_assert_cmpstr (n_fi, ==, "6");
  g_assert_cmpstr (n_sv, ==, "4");
  numbers = file_value (db_path, "SELECT group_concat (register_number, ',') FROM "
                                 "(SELECT register_number FROM documents ORDER BY register_number)");
  g_assert_cmpstr (numbers, ==, "1,2,3,4,5,6,7,8,9,10");
  issuers = file_value (db_path, "SELECT group_concat (DISTINCT u.role) FROM documents d "
                                 "JOIN users u ON u.id = d.issued_by");
  g_assert_cmpstr (issuers, ==, "3");
  /* Each for a person of that language, on their own case. */
  g_assert_cmpstr (file_value (db_path, "SELECT count(*) FROM documents d JOIN clients c ON c.id = d.client_id "
                                        "JOIN cases k ON k.id = d.case_id AND k.client_id = c.id "
                                        "WHERE d.language = CASE c.language WHEN 1 THEN 'fi' WHEN 2 THEN 'sv' END"),
                   ==, "10");

  /* The lists its plans' reviews evaluate (issue 9, 4), in both languages. */
  services = file_value (db_path, "SELECT value FROM settings WHERE key = 'plan_services'");
  methods = file_value (db_path, "SELECT count(*) FROM settings WHERE key = 'plan_methods' "
                                 "AND value LIKE 'Motivoiva haastattelu / Motiverande samtal%'");
  g_assert_cmpstr (services, ==,
                   "Sosiaaliohjaus / Socialhandledning\n"
                   "Tuettu asuminen / Stödboende\n"
                   "Talous- ja velkaneuvonta / Ekonomi- och skuldrådgivning\n"
                   "Kuntouttava työtoiminta / Arbetsverksamhet i rehabiliteringssyfte\n"
                   "Päihdepalvelut / Missbrukarvård");
  g_assert_cmpstr (methods, ==, "1");

  g_assert_cmpint (admin_test_run (dir, db_path, export, NULL, NULL), ==, 0);
  year = file_value (db_path, "SELECT register_year FROM documents LIMIT 1");

  g_assert_cmpint (sqlite3_open_v2 (db_path, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, "SELECT register_number, language FROM documents", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      int number = sqlite3_column_int (stmt, 0);
      gboolean sv = g_str_equal ((const char *) sqlite3_column_text (stmt, 1), "sv");
      g_autofree char *name = g_strdup_printf ("decision-%s-%04d.pdf", year, number);
      g_autofree char *path = g_build_filename (out, name, NULL);
      g_autofree char *text = pdf_text (path);
      g_autofree char *printed = g_strdup_printf ("%d/%s", number, year);

      /* The number it is kept under, in its own language's words. */
      g_assert_nonnull (strstr (text, printed));
      if (sv)
        {
          g_assert_nonnull (strstr (text, "Beslutsnummer"));
          g_assert_nonnull (strstr (text, "Anvisning för begäran om omprövning"));
          g_assert_nonnull (strstr (text, "Lagen om utkomststöd"));
          g_assert_null (strstr (text, "Päätös"));
          g_assert_null (strstr (text, "Oikaisuvaatimus"));
        }
      else
        {
          g_assert_nonnull (strstr (text, "Päätösnumero"));
          g_assert_nonnull (strstr (text, "Laki toimeentulotuesta"));
          g_assert_null (strstr (text, "Beslut"));
        }
      checked++;
    }
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  g_assert_cmpuint (checked, ==, 10);

  admin_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/admin/demo/decisions", test_demo_decisions);

  return g_test_run ();
}
