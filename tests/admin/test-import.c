/* test-import.c — import-clients against real SQLite files: all rows or none
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "admin/kh-admin-import.h"

#include "admin-test-util.h"

#define HEADER "identity_code,last_name,first_names,language,birth_date,phone,address,postal_code,city"

/* Three good people: a code with the 1900s sign '-', one with the 2023
 * sign 'Y', one without a code; a BOM, CRLF and a quoted address. */
static const char good_file[] =
  "\xEF\xBB\xBF" HEADER "\r\n"
  "131052-308T,Mäkinotkelma,Maija,fi,,040 123 4567,\"Kauppakatu 1, B 12\",00100,Helsinki\r\n"
  "010594Y9021,Åberg,Ebba Maria,sv,,050 765 4321,Storgatan 3,65100,Vasa\r\n"
  ",Hassan,Amina,other,1990-02-03,,,,\r\n";

typedef struct {
  char     *dir;
  char     *db_path;
  KhDb     *db;
  KhUser   *user;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = admin_test_make_dir ();
  fixture->db_path = g_build_filename (fixture->dir, "kohtaamo.db", NULL);
  fixture->db = admin_test_open (fixture->db_path, &fixture->user);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->user);
  g_clear_pointer (&fixture->db, kh_db_close);
  admin_test_remove_dir (fixture->dir);
  g_free (fixture->db_path);
  g_free (fixture->dir);
}

static gint64
count_clients (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  gint64 n = kh_db_count_clients (fixture->db, &error);

  g_assert_no_error (error);
  return n;
}

/* Imports `text` through the API; returns the problems as "line N: reason"
 * joined by '\n' (empty when none). */
static char *
import (Fixture         *fixture,
        const char      *text,
        gboolean         dry_run,
        KhImportSummary *summary)
{
  g_autoptr(GPtrArray) problems =
    g_ptr_array_new_with_free_func ((GDestroyNotify) kh_import_problem_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 2, G_DATE_APRIL, 2026);

  g_assert_true (kh_admin_import_clients (fixture->db, fixture->user, text, strlen (text),
                                          dry_run, &today, problems, summary, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < problems->len; i++)
    {
      KhImportProblem *problem = g_ptr_array_index (problems, i);

      g_string_append_printf (report, "%sline %u: %s", i > 0 ? "\n" : "",
                              problem->line, problem->reason);
    }
  return g_string_free (g_steal_pointer (&report), FALSE);
}

static void
test_good_file (Fixture       *fixture,
                gconstpointer  data)
{
  KhImportSummary summary;
  g_autofree char *report = import (fixture, good_file, FALSE, &summary);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  KhClient *client;

  g_assert_cmpstr (report, ==, "");
  g_assert_cmpuint (summary.checked, ==, 3);
  g_assert_cmpuint (summary.imported, ==, 3);
  g_assert_cmpuint (summary.bad, ==, 0);
  g_assert_cmpint (count_clients (fixture), ==, 3);

  /* What was in the file is what the database holds, and the search index
   * knows the new people. */
  found = kh_db_search_clients (fixture->db, fixture->user, "Mäkinotkelma", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  client = g_ptr_array_index (found, 0);
  g_assert_cmpstr (client->identity_code, ==, "131052-308T");
  g_assert_cmpstr (client->birth_date, ==, "1952-10-13");
  g_assert_cmpstr (client->address, ==, "Kauppakatu 1, B 12");
  g_assert_cmpstr (client->postal_code, ==, "00100");
  g_assert_cmpint (client->language, ==, KH_LANGUAGE_FI);
  g_clear_pointer (&found, g_ptr_array_unref);

  found = kh_db_search_clients (fixture->db, fixture->user, "aberg", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  client = g_ptr_array_index (found, 0);
  g_assert_cmpstr (client->identity_code, ==, "010594Y9021");
  g_assert_cmpint (client->language, ==, KH_LANGUAGE_SV);
  g_clear_pointer (&found, g_ptr_array_unref);

  found = kh_db_search_clients (fixture->db, fixture->user, "Hassan", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  client = g_ptr_array_index (found, 0);
  g_assert_null (client->identity_code);
  g_assert_cmpint (client->identity_kind, ==, KH_IDENTITY_BIRTH_DATE);
  g_assert_cmpint (client->no_code_reason, ==, KH_NO_CODE_NOT_KNOWN);
  g_assert_cmpstr (client->birth_date, ==, "1990-02-03");
}

static void
test_one_bad_row (Fixture       *fixture,
                  gconstpointer  data)
{
  /* The bad row is the third person, on line 5 because the second person's
   * address spans lines 3 and 4. */
  const char text[] =
    HEADER "\n"
    "131052-308T,Mäkinotkelma,Maija,fi,,,,,\n"
    "010594Y9021,Åberg,Ebba,sv,,,\"Storgatan 3\nC 4\",65100,Vasa\n"
    "020594X903R,Virtanen,Matti,fi,,,,,\n"
    ",Hassan,Amina,other,1990-02-03,,,,\n";
  KhImportSummary summary;
  g_autofree char *report = import (fixture, text, FALSE, &summary);

  g_assert_cmpstr (report, ==, "line 5: invalid identity code: the check character does not match");
  g_assert_cmpuint (summary.checked, ==, 4);
  g_assert_cmpuint (summary.imported, ==, 0);
  g_assert_cmpuint (summary.bad, ==, 1);
  g_assert_cmpint (count_clients (fixture), ==, 0);
}

static void
test_every_bad_row_reported (Fixture       *fixture,
                             gconstpointer  data)
{
  const char text[] =
    HEADER "\n"
    "131052-308T,Mäkinotkelma,Maija,fi,,,,,\n"     /* 2: good */
    "131052-308T,Mäkinen,Maija,fi,,,,,\n"          /* 3: repeated */
    ",Hassan,Amina,en,1990-02-03,,,,\n"            /* 4: language */
    "010594Y9021,Åberg,Ebba,sv,1994-05-01,,,,\n"   /* 5: birth date with a code */
    ",Ali,Omar,other,,,,,\n"                       /* 6: no birth date */
    "\"broken,Ali,Omar,other,,,,,\n";              /* 7: never closed */
  KhImportSummary summary;
  g_autofree char *report = import (fixture, text, FALSE, &summary);

  g_assert_cmpstr (report, ==,
                   "line 3: identity code repeated on line 2\n"
                   "line 4: language must be fi, sv or other\n"
                   "line 5: birth date must be empty when there is an identity code "
                   "(the code holds the birth date)\n"
                   "line 6: a birth date is needed when there is no identity code\n"
                   "line 7: a quoted field is not closed");
  g_assert_cmpuint (summary.checked, ==, 6);
  g_assert_cmpuint (summary.imported, ==, 0);
  g_assert_cmpuint (summary.bad, ==, 5);
  g_assert_cmpint (count_clients (fixture), ==, 0);
}

/* A rule only the store knows (a birth year before 1880) is reported in the
 * same shape as the importer's own: lower case, no full stop. */
static void
test_store_reason_shape (Fixture       *fixture,
                         gconstpointer  data)
{
  const char text[] =
    HEADER "\n"
    "131052-308T,Mäkinotkelma,Maija,fi,,,,,\n"     /* 2: good */
    ",Hassan,Amina,other,1850-02-03,,,,\n"         /* 3: the store's rule */
    ",Ali,Omar,other,,,,,\n";                      /* 4: the importer's rule */
  KhImportSummary summary;
  g_autofree char *report = import (fixture, text, TRUE, &summary);
  g_auto(GStrv) lines = g_strsplit (report, "\n", -1);

  g_assert_cmpstr (report, ==,
                   "line 3: birth date: the year is not plausible\n"
                   "line 4: a birth date is needed when there is no identity code");
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *reason = strchr (lines[i], ':') + 2;

      g_assert_true (g_unichar_islower (g_utf8_get_char (reason)));
      g_assert_false (g_str_has_suffix (reason, "."));
    }
  g_assert_cmpuint (summary.bad, ==, 2);
  g_assert_cmpint (count_clients (fixture), ==, 0);
}

/* Issue 5, 1.13: names with invisible or direction-changing characters, and
 * text over its limit, are refused with the line, and nothing is imported. */
static void
test_hidden_characters (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *long_city = g_strnfill (81, 'x');
  g_autofree char *text =
    g_strconcat (HEADER "\n",
                 "131052-308T,Mäkinotkelma,Maija,fi,,,,,\n",            /* 2: good */
                 ",Vir\u200btanen,Ville,fi,1980-01-01,,,,\n",         /* 3: zero-width space */
                 ",Virtanen,\u202eelliV,fi,1980-01-01,,,,\n",         /* 4: right-to-left override */
                 ",Virtanen,Vil\u00adle,fi,1980-01-01,,,,\n",         /* 5: soft hyphen */
                 ",Virtanen,Ville,fi,1980-01-01,,,,", long_city, "\n", /* 6: too long */
                 NULL);
  KhImportSummary summary;
  g_autofree char *report = import (fixture, text, FALSE, &summary);

  g_assert_cmpstr (report, ==,
                   "line 3: last name: the text contains an invisible character (U+200B) "
                   "after “Vir”; delete it or type the text again\n"
                   "line 4: first names: the text contains a hidden character that changes "
                   "the writing direction (U+202E) at the start; delete it or type the text again\n"
                   "line 5: first names: the text contains an invisible character (U+00AD) "
                   "after “Vil”; delete it or type the text again\n"
                   "line 6: city: the text is too long (81 characters; at most 80)");
  g_assert_cmpuint (summary.checked, ==, 5);
  g_assert_cmpuint (summary.imported, ==, 0);
  g_assert_cmpuint (summary.bad, ==, 4);
  g_assert_cmpint (count_clients (fixture), ==, 0);
}

static void
test_dry_run (Fixture       *fixture,
              gconstpointer  data)
{
  KhImportSummary summary;
  g_autofree char *report = import (fixture, good_file, TRUE, &summary);

  g_assert_cmpstr (report, ==, "");
  g_assert_cmpuint (summary.checked, ==, 3);
  g_assert_cmpuint (summary.imported, ==, 0);
  g_assert_cmpuint (summary.bad, ==, 0);
  g_assert_cmpint (count_clients (fixture), ==, 0);
}

static void
test_duplicate_in_database (Fixture       *fixture,
                            gconstpointer  data)
{
  /* 100190-999P and 100190Y999P are two people (DVV): only the exact code
   * is a duplicate. */
  const char second[] =
    HEADER "\n"
    "100190Y999P,Virtanen,Matti,fi,,,,,\n"
    "010594Y9021,Åberg,Ebba,sv,,,,,\n";
  const char first[] =
    HEADER "\n"
    "100190-999P,Virtanen,Matti,fi,,,,,\n"
    "131052-308T,Mäkinotkelma,Maija,fi,,,,,\n"
    "010594Y9021,Åberg,Ebba,sv,,,,,\n";
  KhImportSummary summary;
  g_autofree char *report1 = import (fixture, first, FALSE, &summary);
  g_autofree char *report2 = NULL;

  g_assert_cmpstr (report1, ==, "");
  g_assert_cmpuint (summary.imported, ==, 3);

  report2 = import (fixture, second, FALSE, &summary);
  g_assert_cmpstr (report2, ==, "line 3: identity code already in the database");
  g_assert_cmpuint (summary.checked, ==, 2);
  g_assert_cmpuint (summary.imported, ==, 0);
  g_assert_cmpuint (summary.bad, ==, 1);
  g_assert_cmpint (count_clients (fixture), ==, 3);
}

static void
test_wrong_header (Fixture       *fixture,
                   gconstpointer  data)
{
  const char swapped[] =
    "identity_code,first_names,last_name,language,birth_date,phone,address,postal_code,city\n"
    "131052-308T,Maija,Mäkinotkelma,fi,,,,,\n";
  const char empty[] = "";
  KhImportSummary summary;
  g_autofree char *report = import (fixture, swapped, FALSE, &summary);
  g_autofree char *report_empty = NULL;

  g_assert_true (g_str_has_prefix (report,
                                   "line 1: column 2 of the header is “first_names” where "
                                   "“last_name” is expected; the header must be exactly, "
                                   "in this order: " HEADER));
  g_assert_cmpuint (summary.checked, ==, 0);
  g_assert_cmpint (count_clients (fixture), ==, 0);

  report_empty = import (fixture, empty, FALSE, &summary);
  g_assert_true (g_str_has_prefix (report_empty, "line 1: the file is empty"));
}

static void
test_summary_text (void)
{
  KhImportSummary summary = { 12, 0, 2 };
  KhImportSummary one = { 1, 1, 0 };
  g_autofree char *text = kh_admin_import_format_summary (&summary);
  g_autofree char *text_one = kh_admin_import_format_summary (&one);

  g_assert_cmpstr (text, ==, "12 rows checked, 0 imported, 2 with errors");
  g_assert_cmpstr (text_one, ==, "1 row checked, 1 imported, 0 with errors");
}

/* ---- the real binary ---- */

static void
test_binary (Fixture       *fixture,
             gconstpointer  data)
{
  const char bad_file[] =
    HEADER "\n"
    "131052-308T,Mäkinotkelma,Maija,fi,,,,,\n"
    "020594X903R,Virtanen,Matti,fi,,,,,\n"
    "010594Y9021,Åberg,Ebba,sv,,,,,\n"
    ",Hassan,Amina,arabic,1990-02-03,,,,\n"
    ",Ali,Omar,other,1850-02-03,,,,\n";
  g_autofree char *good_path = admin_test_write_file (fixture->dir, "good.csv", good_file);
  g_autofree char *bad_path = admin_test_write_file (fixture->dir, "bad.csv", bad_file);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.csv", NULL);
  const char *bad_args[] = { "import-clients", bad_path, NULL };
  const char *dry_args[] = { "import-clients", "--dry-run", good_path, NULL };
  const char *good_args[] = { "import-clients", good_path, NULL };
  const char *missing_args[] = { "import-clients", missing, NULL };
  const char *no_args[] = { "import-clients", NULL };
  char *out = NULL, *err = NULL;
  g_autofree char *last = NULL;

  /* The database file is shared with the test's own connection (WAL). */
  g_assert_cmpint (admin_test_run (fixture->dir, fixture->db_path, bad_args, &out, &err), ==, 1);
  g_assert_cmpstr (err, ==,
                   "line 3: invalid identity code: the check character does not match\n"
                   "line 5: language must be fi, sv or other\n"
                   "line 6: birth date: the year is not plausible\n");
  last = admin_test_last_line (out);
  g_assert_cmpstr (last, ==, "5 rows checked, 0 imported, 3 with errors");
  g_assert_cmpint (count_clients (fixture), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&last, g_free);

  g_assert_cmpint (admin_test_run (fixture->dir, fixture->db_path, dry_args, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  last = admin_test_last_line (out);
  g_assert_cmpstr (last, ==, "3 rows checked, 0 imported, 0 with errors");
  g_assert_cmpint (count_clients (fixture), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&last, g_free);

  g_assert_cmpint (admin_test_run (fixture->dir, fixture->db_path, good_args, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  last = admin_test_last_line (out);
  g_assert_cmpstr (last, ==, "3 rows checked, 3 imported, 0 with errors");
  g_assert_cmpint (count_clients (fixture), ==, 3);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&last, g_free);

  /* Again: now every row is already there. */
  g_assert_cmpint (admin_test_run (fixture->dir, fixture->db_path, good_args, &out, &err), ==, 1);
  g_assert_cmpstr (err, ==,
                   "line 2: identity code already in the database\n"
                   "line 3: identity code already in the database\n");
  g_assert_cmpint (count_clients (fixture), ==, 3);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (admin_test_run (fixture->dir, fixture->db_path, missing_args, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "missing.csv"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (admin_test_run (fixture->dir, fixture->db_path, no_args, &out, &err), ==, 2);
  g_free (out);
  g_free (err);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/admin/import/good-file", test_good_file);
  ADD ("/admin/import/one-bad-row-imports-nothing", test_one_bad_row);
  ADD ("/admin/import/every-bad-row-reported", test_every_bad_row_reported);
  ADD ("/admin/import/store-reason-shape", test_store_reason_shape);
  ADD ("/admin/import/dry-run-writes-nothing", test_dry_run);
  ADD ("/admin/import/duplicate-in-database", test_duplicate_in_database);
  ADD ("/admin/import/wrong-header", test_wrong_header);
  g_test_add_func ("/admin/import/summary-text", test_summary_text);
  ADD ("/admin/import/hidden-characters", test_hidden_characters);
  ADD ("/admin/import/binary", test_binary);

  return g_test_run ();
}
