/* test-csv.c — the CSV reader and the checks of one import row
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "core/kh-csv.h"

/* ---- the reader, table-driven ---- */

typedef struct {
  const char *name;
  const char *input;
  /* Records as "line|field|field…" with fields separated by '|'; an error
   * record as "line!" (the reader refused it). NULL-terminated. */
  const char *expected[6];
} ReaderCase;

static const ReaderCase reader_cases[] = {
  { "plain-lf", "a,b,c\n1,2,3\n", { "1|a|b|c", "2|1|2|3", NULL } },
  { "plain-crlf", "a,b\r\n1,2\r\n", { "1|a|b", "2|1|2", NULL } },
  { "no-final-newline", "a,b\n1,2", { "1|a|b", "2|1|2", NULL } },
  { "bom", "\xEF\xBB\xBF" "a,b\n", { "1|a|b", NULL } },
  { "empty-fields", ",,\n", { "1|||", NULL } },
  { "quoted-comma", "\"Mäkinen, Aino\",x\n", { "1|Mäkinen, Aino|x", NULL } },
  { "doubled-quote", "\"say \"\"hei\"\"\",x\n", { "1|say \"hei\"|x", NULL } },
  { "empty-quoted", "\"\",x\n", { "1||x", NULL } },
  { "embedded-newline", "\"Koivukuja 5\nB 12\",x\nnext,y\n",
    { "1|Koivukuja 5\nB 12|x", "3|next|y", NULL } },
  { "embedded-crlf", "\"a\r\nb\",x\r\nc,d\r\n", { "1|a\r\nb|x", "3|c|d", NULL } },
  { "blank-lines-skipped", "a\n\n\r\nb\n", { "1|a", "4|b", NULL } },
  { "stray-quote", "ab\"c,d\nok,1\n", { "1!", "2|ok|1", NULL } },
  { "text-after-quote", "\"ab\"c,d\nok,1\n", { "1!", "2|ok|1", NULL } },
  { "unclosed-quote", "x,\"abc\nmore\n", { "1!", NULL } },
  { "bad-utf8", "a\xFF,b\nok\n", { "1!", "2|ok", NULL } },
  { "empty-input", "", { NULL } },
  { "only-bom", "\xEF\xBB\xBF", { NULL } },
};

static void
test_reader (gconstpointer data)
{
  const ReaderCase *tc = data;
  g_autoptr(KhCsvReader) reader = kh_csv_reader_new (tc->input, -1);
  guint i;

  for (i = 0; tc->expected[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) fields = kh_csv_reader_next (reader, &error);
      g_autofree char *got = NULL;

      if (fields == NULL && error == NULL)
        g_error ("%s: ended before record %u (“%s”)", tc->name, i, tc->expected[i]);

      if (fields == NULL)
        {
          got = g_strdup_printf ("%u!", kh_csv_reader_get_line (reader));
          g_assert_true (error->domain == KH_CSV_ERROR);
          g_assert_nonnull (error->message);
        }
      else
        {
          g_autofree char *joined = g_strjoinv ("|", fields);

          g_assert_no_error (error);
          got = g_strdup_printf ("%u|%s", kh_csv_reader_get_line (reader), joined);
        }
      g_assert_cmpstr (got, ==, tc->expected[i]);
    }

  {
    g_autoptr(GError) error = NULL;
    g_auto(GStrv) fields = kh_csv_reader_next (reader, &error);

    g_assert_null (fields);
    g_assert_no_error (error);
  }
}

static void
test_reader_length (void)
{
  /* The length is respected: the bytes after it are not read. */
  const char data[] = "a,b\nc,d\n";
  g_autoptr(KhCsvReader) reader = kh_csv_reader_new (data, 4);
  g_auto(GStrv) first = kh_csv_reader_next (reader, NULL);
  g_auto(GStrv) second = kh_csv_reader_next (reader, NULL);

  g_assert_nonnull (first);
  g_assert_cmpuint (g_strv_length (first), ==, 2);
  g_assert_null (second);
}

/* ---- the header ---- */

static void
test_header (void)
{
  const char *good[] = { "identity_code", "last_name", "first_names", "language", "birth_date",
                         "phone", "address", "postal_code", "city", NULL };
  const char *swapped[] = { "identity_code", "first_names", "last_name", "language",
                            "birth_date", "phone", "address", "postal_code", "city", NULL };
  const char *short_header[] = { "identity_code", "last_name", NULL };
  const char *long_header[] = { "identity_code", "last_name", "first_names", "language",
                                "birth_date", "phone", "address", "postal_code", "city",
                                "email", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *line = kh_import_dup_header_line ();

  g_assert_cmpstr (line, ==,
                   "identity_code,last_name,first_names,language,birth_date,phone,address,"
                   "postal_code,city");

  g_assert_true (kh_import_check_header (good, &error));
  g_assert_no_error (error);

  g_assert_false (kh_import_check_header (swapped, &error));
  g_assert_error (error, KH_CSV_ERROR, KH_CSV_ERROR_HEADER);
  /* Names the column and what was expected there, and the whole header. */
  g_assert_nonnull (strstr (error->message, "column 2"));
  g_assert_nonnull (strstr (error->message, "“first_names”"));
  g_assert_nonnull (strstr (error->message, "“last_name”"));
  g_assert_nonnull (strstr (error->message, line));
  g_clear_error (&error);

  g_assert_false (kh_import_check_header (short_header, &error));
  g_assert_error (error, KH_CSV_ERROR, KH_CSV_ERROR_HEADER);
  g_assert_nonnull (strstr (error->message, "2 columns"));
  g_clear_error (&error);

  g_assert_false (kh_import_check_header (long_header, &error));
  g_assert_error (error, KH_CSV_ERROR, KH_CSV_ERROR_HEADER);
  g_assert_nonnull (strstr (error->message, "10 columns"));
  g_clear_error (&error);

  {
    const char *semicolons[] = { "identity_code;last_name;first_names;language;birth_date;"
                                 "phone;address;postal_code;city", NULL };

    g_assert_false (kh_import_check_header (semicolons, &error));
    g_assert_error (error, KH_CSV_ERROR, KH_CSV_ERROR_HEADER);
    g_assert_nonnull (strstr (error->message, "semicolons"));
  }
}

/* ---- one row, table-driven ---- */

typedef struct {
  const char *name;
  const char *row;           /* one CSV line of the nine columns */
  const char *reason;        /* NULL = good; else a part of the reason */
  const char *birth_date;    /* for good rows: the birth date kept */
} RowCase;

static const RowCase row_cases[] = {
  { "good-code", "131052-308T,Mäkinotkelma,Maija,fi,,040 123 4567,Kauppakatu 1,00100,Helsinki",
    NULL, "1952-10-13" },
  { "good-new-sign", "010594Y9021,Åberg,Ebba,sv,,,,,", NULL, "1994-05-01" },
  { "good-2000s", "010516B903X,Öhman,Nils Erik,SV,,,,,", NULL, "2016-05-01" },
  { "good-no-code", ",Hassan,Amina,other,1990-02-03,,,,", NULL, "1990-02-03" },
  { "good-other-named", ",Kovalenko,Olena,other:ukraina,1988-11-30,,,,", NULL, "1988-11-30" },
  { "good-spaces-trimmed", " 131052-308T , Mäkinen ,  Aino   Maria ,fi,,,,,", NULL, "1952-10-13" },
  { "bad-check", "131052-308U,Mäkinen,Aino,fi,,,,,",
    "invalid identity code: the check character does not match", NULL },
  { "bad-length", "131052-308,Mäkinen,Aino,fi,,,,,", "invalid identity code: it must be 11", NULL },
  { "bad-lowercase", "010516b903X,Mäkinen,Aino,fi,,,,,", "invalid identity code: its letters", NULL },
  { "bad-century", "131052G308T,Mäkinen,Aino,fi,,,,,", "invalid identity code: the 7th", NULL },
  { "bad-date", "310252-9002,Mäkinen,Aino,fi,,,,,", "invalid identity code: its date does not exist",
    NULL },
  { "future-code", "010199F9001,Mäkinen,Aino,fi,,,,,", "invalid identity code: its date is in the future",
    NULL },
  { "code-and-birth", "131052-308T,Mäkinen,Aino,fi,1952-10-13,,,,", "birth date must be empty", NULL },
  { "no-code-no-birth", ",Mäkinen,Aino,fi,,,,,", "a birth date is needed", NULL },
  { "birth-not-iso", ",Mäkinen,Aino,fi,13.10.1952,,,,", "YYYY-MM-DD", NULL },
  { "birth-impossible", ",Mäkinen,Aino,fi,2023-02-29,,,,", "YYYY-MM-DD", NULL },
  { "birth-future", ",Mäkinen,Aino,fi,2031-01-01,,,,", "birth date is in the future", NULL },
  { "no-last-name", "131052-308T,,Aino,fi,,,,,", "last name is missing", NULL },
  { "no-first-names", "131052-308T,Mäkinen,  ,fi,,,,,", "first names are missing", NULL },
  { "bad-language", "131052-308T,Mäkinen,Aino,en,,,,,", "language must be fi, sv or other", NULL },
  { "empty-language", "131052-308T,Mäkinen,Aino,,,,,,", "language must be fi, sv or other", NULL },
  { "bad-phone", "131052-308T,Mäkinen,Aino,fi,,call me,,,", "phone number is not valid", NULL },
  { "bad-postal-code", "131052-308T,Mäkinen,Aino,fi,,,Kauppakatu 1,1234,Helsinki",
    "postal code must be five digits", NULL },
  { "too-few-fields", "131052-308T,Mäkinen,Aino,fi", "the row has 4 fields where 9 are expected",
    NULL },
  { "too-many-fields", "131052-308T,Mäkinen,Aino,fi,,,,,,", "the row has 10 fields where 9", NULL },
  { "address-on-two-lines", "131052-308T,Mäkinen,Aino,fi,,,\"Koivukuja 5\nB 12\",00100,Helsinki",
    NULL, "1952-10-13" },
  { "control-char", "131052-308T,\"Mäki\nnen\",Aino,fi,,,,,", "last name contains a line break",
    NULL },
};

static void
test_row (gconstpointer data)
{
  const RowCase *tc = data;
  g_autoptr(KhCsvReader) reader = kh_csv_reader_new (tc->row, -1);
  g_auto(GStrv) fields = kh_csv_reader_next (reader, NULL);
  g_autoptr(KhImportRow) row = NULL;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 2, G_DATE_APRIL, 2026);

  g_assert_nonnull (fields);
  row = kh_import_row_new (7, (const char * const *) fields, &today);
  g_assert_cmpuint (row->line, ==, 7);

  if (tc->reason == NULL)
    {
      g_assert_cmpstr (row->reason, ==, NULL);
      g_assert_nonnull (row->client);
      g_assert_cmpstr (row->client->birth_date, ==, tc->birth_date);
      g_assert_nonnull (row->client->last_name);
      g_assert_nonnull (row->client->first_names);
    }
  else
    {
      g_assert_null (row->client);
      g_assert_nonnull (row->reason);
      if (strstr (row->reason, tc->reason) == NULL)
        g_error ("%s: reason “%s” does not contain “%s”", tc->name, row->reason, tc->reason);
    }
}

static void
test_row_fields (void)
{
  const char *fields[] = { " 131052-308T", "  Mäkinen ", "Aino   Maria", "SV", "",
                           "+358 40 123 4567", "Kauppakatu 1 B 12", "00100", "Helsinki", NULL };
  const char *no_code[] = { "", "Ali", "Omar", "other", "1985-07-01", "", "", "", "", NULL };
  g_autoptr(KhImportRow) row = kh_import_row_new (2, fields, NULL);
  g_autoptr(KhImportRow) other = kh_import_row_new (3, no_code, NULL);

  g_assert_cmpstr (row->reason, ==, NULL);
  g_assert_cmpint (row->client->identity_kind, ==, KH_IDENTITY_CODE);
  g_assert_cmpstr (row->client->identity_code, ==, "131052-308T");
  g_assert_cmpint (row->client->no_code_reason, ==, KH_NO_CODE_NONE);
  g_assert_cmpstr (row->client->last_name, ==, "Mäkinen");
  g_assert_cmpstr (row->client->first_names, ==, "Aino Maria");
  g_assert_cmpint (row->client->language, ==, KH_LANGUAGE_SV);
  g_assert_cmpstr (row->client->phone, ==, "+358 40 123 4567");
  g_assert_cmpstr (row->client->address, ==, "Kauppakatu 1 B 12");
  g_assert_cmpstr (row->client->postal_code, ==, "00100");
  g_assert_cmpstr (row->client->city, ==, "Helsinki");
  g_assert_null (row->client->email);

  g_assert_cmpstr (other->reason, ==, NULL);
  g_assert_cmpint (other->client->identity_kind, ==, KH_IDENTITY_BIRTH_DATE);
  g_assert_null (other->client->identity_code);
  g_assert_cmpint (other->client->no_code_reason, ==, KH_NO_CODE_NOT_KNOWN);
  g_assert_cmpint (other->client->language, ==, KH_LANGUAGE_OTHER);
  /* The file did not name the language; the store needs a name. */
  g_assert_cmpstr (other->client->other_language, ==, "not given");
  g_assert_null (row->client->other_language);
  /* Unknown strings are NULL, never "". */
  g_assert_null (other->client->phone);
  g_assert_null (other->client->address);
  g_assert_null (other->client->postal_code);
  g_assert_null (other->client->city);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (reader_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/admin/csv/reader/%s", reader_cases[i].name);
      g_test_add_data_func (path, &reader_cases[i], test_reader);
    }
  g_test_add_func ("/admin/csv/reader/length", test_reader_length);
  g_test_add_func ("/admin/csv/header", test_header);
  for (guint i = 0; i < G_N_ELEMENTS (row_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/admin/csv/row/%s", row_cases[i].name);
      g_test_add_data_func (path, &row_cases[i], test_row);
    }
  g_test_add_func ("/admin/csv/row/fields", test_row_fields);

  return g_test_run ();
}
