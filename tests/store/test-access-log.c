/* test-access-log.c — the access log's filters, paging and the client's extract
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 3 000 rows are written straight into the file, one a minute from Monday
 * 2.3.2026 08.00 Helsinki time: row i by user A when i % 3 == 0 (else B),
 * of kind 1 + i % 8, about nobody when i % 5 == 0, else about Aino (even i)
 * or Stina (odd i, Swedish-speaking). The expected counts below were
 * worked out by hand from that rule, not by the code under test.
 */
#include "config.h"

#include "store-test-util.h"

#define N_ROWS 3000
#define BASE_AT G_GINT64_CONSTANT (1772431200)   /* 2026-03-02 08:00:00 +02:00 */

typedef struct
{
  Fixture  f;
  KhUser  *user_a;
  KhUser  *user_b;
  gint64   aino;
  gint64   stina;
} LogFixture;

static void
log_set_up (LogFixture    *lf,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhClient) stina = NULL;
  RawDb *raw;

  fixture_set_up (&lf->f, data);
  lf->user_a = fixture_save_user (&lf->f, "anna", "Anna Aaltonen", KH_ROLE_SOCIAL_WORKER, TRUE, &error);
  g_assert_no_error (error);
  lf->user_b = fixture_save_user (&lf->f, "bertil", "Bertil Berg", KH_ROLE_RECEPTION, TRUE, &error);
  g_assert_no_error (error);
  lf->aino = add_client (&lf->f, "Mäkinen", "Aino", "1950-04-02", 931);
  stina = test_client ("Lindqvist", "Stina", "1948-11-20", 942);
  stina->language = KH_LANGUAGE_SV;
  lf->stina = kh_db_save_client (lf->f.db, lf->f.admin, stina, &error);
  g_assert_no_error (error);

  raw = raw_connect (&lf->f);
  raw_run (raw, "BEGIN");
  for (int i = 0; i < N_ROWS; i++)
    raw_append_log (raw, BASE_AT + i * 60, i % 3 == 0 ? lf->user_a->id : lf->user_b->id,
                    i % 5 == 0 ? 0 : (i % 2 == 0 ? lf->aino : lf->stina), 1 + i % 8, 2);
  raw_run (raw, "COMMIT");
  raw_close (raw);
}

static void
log_tear_down (LogFixture    *lf,
               gconstpointer  data)
{
  g_clear_object (&lf->user_a);
  g_clear_object (&lf->user_b);
  fixture_tear_down (&lf->f, data);
}

static KhAccessLogSlice *
read_page (LogFixture           *lf,
           const KhAccessFilter *filter,
           KhAccessPaging        paging,
           KhAccessEntry        *from,
           guint                 limit)
{
  g_autoptr(GError) error = NULL;
  KhAccessLogSlice *slice;

  slice = kh_db_read_access_log (lf->f.db, lf->f.admin, filter, paging,
                                 from != NULL ? g_date_time_to_unix (from->at) : 0,
                                 from != NULL ? from->id : 0, limit, &error);
  g_assert_no_error (error);
  g_assert_nonnull (slice);
  return slice;
}

static KhAccessEntry *
entry_at (KhAccessLogSlice *slice,
          guint             index)
{
  g_assert_cmpuint (index, <, slice->entries->len);
  return g_ptr_array_index (slice->entries, index);
}

static void
assert_at (KhAccessEntry *entry,
           const char    *iso)
{
  g_autofree char *text = g_date_time_format (entry->at, "%Y-%m-%d %H:%M:%S");

  g_assert_cmpstr (text, ==, iso);
}

/* Every filter alone and together, each with the total written out. */
static void
test_filters (LogFixture    *lf,
              gconstpointer  data)
{
  struct {
    const char *name;
    int         user;         /* 0 any, 1 A, 2 B */
    int         client;       /* 0 any, 1 Aino, 2 Stina */
    KhAccessWhat what;
    const char *from, *to;    /* ISO or NULL */
    guint64     total;
    const char *newest;       /* the first written row's time, or NULL for none */
    guint       logged;       /* rows the reads before this one logged, today */
  } cases[] = {
    { "user A",                      1, 0, 0,                NULL, NULL,                1000, "2026-03-04 09:57:00" },
    { "kind: page opened",           0, 0, KH_ACCESS_PAGE,   NULL, NULL,                375,  "2026-03-04 09:53:00" },
    /* Each read is logged for each person on its page (issue 6, 5): user
     * A's page had Aino and Stina; the page of "page opened" rows (odd
     * rows) had Stina only; the "Aino" read, Aino. */
    { "Aino",                        0, 1, 0,                NULL, NULL,                1200 + 1, "2026-03-04 09:58:00", 1 },
    { "Stina",                       0, 2, 0,                NULL, NULL,                1200 + 2, "2026-03-04 09:59:00", 2 },
    { "Tuesday 3.3. alone",          0, 0, 0,                "2026-03-03", "2026-03-03", 1440, "2026-03-03 23:59:00" },
    { "Wednesday 4.3.",              0, 0, 0,                "2026-03-04", "2026-03-04", 600, "2026-03-04 09:59:00" },
    { "until Monday 2.3.",           0, 0, 0,                NULL, "2026-03-02",         960, "2026-03-02 23:59:00" },
    { "user A on 3.3.",              1, 0, 0,                "2026-03-03", "2026-03-03", 480, "2026-03-03 23:57:00" },
    { "Aino, searches, from 4.3.",   0, 1, KH_ACCESS_SEARCH, "2026-03-04", NULL,         60, "2026-03-04 09:52:00" },
    { "Stina by B, 2.3.–3.3.",       2, 2, 0,                "2026-03-02", "2026-03-03", 640, "2026-03-03 23:59:00" },
    { "before any row",              0, 0, 0,                "2026-01-01", "2026-03-01",   0, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KhAccessLogSlice) slice = NULL;
      KhAccessFilter filter;

      g_test_message ("%s", cases[i].name);
      kh_access_filter_init (&filter);
      filter.user_id = cases[i].user == 1 ? lf->user_a->id : cases[i].user == 2 ? lf->user_b->id : 0;
      filter.client_id = cases[i].client == 1 ? lf->aino : cases[i].client == 2 ? lf->stina : 0;
      filter.what = cases[i].what;
      if (cases[i].from != NULL)
        g_assert_true (kh_date_from_iso (cases[i].from, &filter.from));
      if (cases[i].to != NULL)
        g_assert_true (kh_date_from_iso (cases[i].to, &filter.to));

      slice = read_page (lf, &filter, KH_ACCESS_PAGE_NEWEST, NULL, 100);
      g_assert_cmpuint (slice->total, ==, cases[i].total);
      g_assert_cmpuint (slice->n_newer, ==, 0);
      g_assert_cmpuint (slice->entries->len, ==, MIN (cases[i].total, 100));
      for (guint j = 0; j < cases[i].logged; j++)
        {
          g_assert_cmpint (entry_at (slice, j)->what, ==, KH_ACCESS_ACCESS_LOG);
          g_assert_cmpint (entry_at (slice, j)->user_id, ==, lf->f.admin->id);
        }
      if (cases[i].newest != NULL)
        assert_at (entry_at (slice, cases[i].logged), cases[i].newest);
      for (guint j = 0; j < slice->entries->len; j++)
        {
          KhAccessEntry *entry = entry_at (slice, j);

          if (filter.user_id > 0)
            g_assert_cmpint (entry->user_id, ==, filter.user_id);
          if (filter.client_id > 0)
            g_assert_cmpint (entry->client_id, ==, filter.client_id);
          if (filter.what != 0)
            g_assert_cmpint (entry->what, ==, filter.what);
          /* The page names whose rows they are. */
          if (entry->client_id == lf->aino)
            g_assert_cmpstr (entry->client_name, ==, "Mäkinen, Aino");
          else if (entry->client_id == lf->stina)
            g_assert_cmpstr (entry->client_name, ==, "Lindqvist, Stina");
          else
            g_assert_null (entry->client_name);
        }
    }
}

/* A name typed in the person filter: prefixes of the name's words, case
 * and ä/a folded; query syntax is taken as text. */
static void
test_person_words (LogFixture    *lf,
                   gconstpointer  data)
{
  struct {
    const char *words;
    gint64      total;
  } cases[] = {
    { "maki",          1200 },   /* Aino Mäkinen */
    { "MÄKINEN aino",  1200 },
    { "lind st",       1200 },   /* Stina Lindqvist */
    { "st lind",       1200 },
    { "aino lind",     0 },
    { "m",             1200 },   /* Mäkinen only: Lindqvist has no word with m */
    { "\"NEAR(a b)\" OR *", 0 },
    { "  ,, ",         3000 },   /* no words: no person condition, every row */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KhAccessLogSlice) slice = NULL;
      KhAccessFilter filter;

      g_test_message ("%s", cases[i].words);
      kh_access_filter_init (&filter);
      filter.person_words = g_strdup (cases[i].words);
      filter.to = (GDate) { 0 };
      g_date_set_dmy (&filter.to, 4, 3, 2026);
      slice = read_page (lf, &filter, KH_ACCESS_PAGE_NEWEST, NULL, 10);
      kh_access_filter_clear (&filter);
      g_assert_cmpuint (slice->total, ==, cases[i].total);
    }
}

/* Older pages reach every one of user B's 2 000 rows exactly once, newest
 * first; newer pages come back the same way; the oldest page is the end. */
static void
test_paging (LogFixture    *lf,
             gconstpointer  data)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func ((GDestroyNotify) kh_access_log_slice_free);
  g_autoptr(KhAccessLogSlice) oldest = NULL;
  g_autoptr(KhAccessLogSlice) newer = NULL;
  KhAccessLogSlice *slice;
  KhAccessFilter filter;
  gint64 last_at = G_MAXINT64, last_id = G_MAXINT64;
  guint n = 0;

  kh_access_filter_init (&filter);
  filter.user_id = lf->user_b->id;

  slice = read_page (lf, &filter, KH_ACCESS_PAGE_NEWEST, NULL, 150);
  while (slice->entries->len > 0)
    {
      g_assert_cmpuint (slice->total, ==, 2000);
      g_assert_cmpuint (slice->n_newer, ==, n);
      for (guint j = 0; j < slice->entries->len; j++)
        {
          KhAccessEntry *entry = entry_at (slice, j);
          gint64 at = g_date_time_to_unix (entry->at);

          g_assert_true (at < last_at || (at == last_at && entry->id < last_id));
          last_at = at;
          last_id = entry->id;
          g_assert_true (g_hash_table_add (seen, &entry->id));
        }
      n += slice->entries->len;
      g_ptr_array_add (pages, slice);
      slice = read_page (lf, &filter, KH_ACCESS_PAGE_OLDER,
                         entry_at (slice, slice->entries->len - 1), 150);
    }
  g_assert_cmpuint (slice->total, ==, 2000);
  kh_access_log_slice_free (slice);
  g_assert_cmpuint (n, ==, 2000);
  g_assert_cmpuint (g_hash_table_size (seen), ==, 2000);
  /* 2 000 rows in pages of 150: 13 full pages and one of 50. */
  g_assert_cmpuint (pages->len, ==, 14);
  assert_at (entry_at (g_ptr_array_index (pages, 0), 0), "2026-03-04 09:59:00");
  assert_at (entry_at (g_ptr_array_index (pages, 1), 0), "2026-03-04 06:14:00");

  /* Back up from the second page: the first page again, whole. */
  newer = read_page (lf, &filter, KH_ACCESS_PAGE_NEWER, entry_at (g_ptr_array_index (pages, 1), 0), 150);
  g_assert_cmpuint (newer->entries->len, ==, 150);
  g_assert_cmpuint (newer->n_newer, ==, 0);
  for (guint j = 0; j < 150; j++)
    g_assert_cmpint (entry_at (newer, j)->id, ==, entry_at (g_ptr_array_index (pages, 0), j)->id);

  /* The oldest page: Monday's first row of B's is 08.01 (row 1). */
  oldest = read_page (lf, &filter, KH_ACCESS_PAGE_OLDEST, NULL, 150);
  g_assert_cmpuint (oldest->entries->len, ==, 150);
  g_assert_cmpuint (oldest->n_newer, ==, 1850);
  assert_at (entry_at (oldest, 149), "2026-03-02 08:01:00");
}

/* Reading is logged per person (issue 6, 5): a row for each person whose
 * rows the page showed, and for the person filtered on; a page about
 * nobody is one row without a person. */
static void
test_reading_is_logged (LogFixture    *lf,
                        gconstpointer  data)
{
  g_autoptr(KhAccessLogSlice) first = NULL;
  g_autoptr(KhAccessLogSlice) second = NULL;
  g_autoptr(KhAccessLogSlice) nobody = NULL;
  g_autoptr(KhAccessLogSlice) readings = NULL;
  KhAccessFilter filter;

  /* The 10 newest rows: 2999 (Stina), 2998 (Aino), …, 2995 and 2990 about
   * nobody. */
  kh_access_filter_init (&filter);
  first = read_page (lf, &filter, KH_ACCESS_PAGE_NEWEST, NULL, 10);
  g_assert_cmpuint (first->total, ==, 3000);
  filter.client_id = lf->aino;
  second = read_page (lf, &filter, KH_ACCESS_PAGE_NEWEST, NULL, 10);
  /* Sunday 1.3.: no rows, no one read. */
  kh_access_filter_init (&filter);
  g_date_set_dmy (&filter.from, 1, 3, 2026);
  g_date_set_dmy (&filter.to, 1, 3, 2026);
  nobody = read_page (lf, &filter, KH_ACCESS_PAGE_NEWEST, NULL, 10);
  g_assert_cmpuint (nobody->total, ==, 0);

  kh_access_filter_init (&filter);
  filter.user_id = lf->f.admin->id;
  filter.what = KH_ACCESS_ACCESS_LOG;
  readings = read_page (lf, &filter, KH_ACCESS_PAGE_NEWEST, NULL, 10);
  /* The three reads above (this one is logged after it counts), newest
   * first: nobody; Aino (the filter); Aino and Stina (the first page, in
   * the order the page showed them: Stina's row 2999 first). */
  /* On a server the first read, of the whole log, was logged first as
   * such (row-level security lets the rows through only then). */
  g_assert_cmpuint (readings->total, ==, lf->f.pg_dbname != NULL ? 5 : 4);
  g_assert_cmpint (entry_at (readings, 0)->client_id, ==, 0);
  g_assert_cmpint (entry_at (readings, 1)->client_id, ==, lf->aino);
  g_assert_cmpint (entry_at (readings, 2)->client_id, ==, lf->aino);
  g_assert_cmpint (entry_at (readings, 3)->client_id, ==, lf->stina);
  if (lf->f.pg_dbname != NULL)
    g_assert_cmpint (entry_at (readings, 4)->client_id, ==, 0);
  for (guint i = 0; i < readings->total; i++)
    {
      g_assert_cmpint (entry_at (readings, i)->basis, ==, KH_BASIS_SUPERVISION);
      g_assert_cmpint (entry_at (readings, i)->user_id, ==, lf->f.admin->id);
    }
}

/* Only the lead social worker and the administrator read the log. */
static void
test_reading_needs_role (LogFixture    *lf,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  KhAccessFilter filter;

  kh_access_filter_init (&filter);
  g_assert_null (kh_db_read_access_log (fixture_db (&lf->f, lf->user_a), lf->user_a, &filter, KH_ACCESS_PAGE_NEWEST,
                                        0, 0, 10, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_null (kh_db_export_access_log (fixture_db (&lf->f, lf->user_b), lf->user_b, lf->stina, NULL, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
}

static char **
read_lines (GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  g_autofree char *text = g_strndup (data, size);

  /* UTF-8 with a byte-order mark, lines ended by CRLF. */
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF"));
  g_assert_true (g_str_has_suffix (text, "\r\n"));
  text[size - 2] = '\0';
  return g_strsplit (text + 3, "\r\n", -1);
}

/* Stina is Swedish-speaking: her extract is in Swedish whatever the UI
 * language is (here C). Oldest first; the export is logged. */
static void
test_export_in_clients_language (LogFixture    *lf,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(KhAccessLogSlice) exports = NULL;
  KhAccessFilter filter;
  guint rows = 0;

  bytes = kh_db_export_access_log (lf->f.db, lf->f.admin, lf->stina, &rows, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows, ==, 1200);
  lines = read_lines (bytes);
  g_assert_cmpuint (g_strv_length (lines), ==, 1201);
  g_assert_cmpstr (lines[0], ==, "Tid;Användare;Vad som lästes;Grund");
  /* Row 1: Monday 08.01, user B, kind 2. */
  g_assert_cmpstr (lines[1], ==, "2.3.2026 08.01.00;Bertil Berg;Personens sida öppnad;Klientrelation");
  /* Row 2999: Wednesday 09.59, user B, kind 8. */
  g_assert_cmpstr (lines[1200], ==, "4.3.2026 09.59.00;Bertil Berg;Visad i en arbetslista;Klientrelation");

  kh_access_filter_init (&filter);
  filter.client_id = lf->stina;
  filter.what = KH_ACCESS_ACCESS_LOG;
  exports = read_page (lf, &filter, KH_ACCESS_PAGE_NEWEST, NULL, 10);
  /* Only the export: kind 7 (i % 8 == 6) falls on even rows, Aino's. */
  g_assert_cmpuint (exports->total, ==, 1);
  g_assert_cmpint (entry_at (exports, 0)->basis, ==, KH_BASIS_ADMINISTRATION);
  g_assert_cmpint (entry_at (exports, 0)->user_id, ==, lf->f.admin->id);
}

/* Aino's language is Finnish. A field with the separator is quoted. */
static void
test_export_finnish_and_quoted (LogFixture    *lf,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(KhUser) odd = NULL;
  g_auto(GStrv) lines = NULL;
  gint64 only;
  guint n;

  only = add_client (&lf->f, "Nieminen", "Eero", "1960-06-15", 977);
  odd = fixture_save_user (&lf->f, "odd", "Virtanen; \"Vilja\"", KH_ROLE_LEAD, TRUE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (kh_db_read_access_log (fixture_db (&lf->f, odd), odd, &(KhAccessFilter) { .client_id = only },
                                           KH_ACCESS_PAGE_NEWEST, 0, 0, 1, &error));
  g_assert_no_error (error);

  bytes = kh_db_export_access_log (lf->f.db, lf->f.admin, only, NULL, &error);
  g_assert_no_error (error);
  lines = read_lines (bytes);
  n = g_strv_length (lines);
  g_assert_cmpstr (lines[0], ==, "Aika;Käyttäjä;Mitä luettiin;Peruste");
  /* Saving Eero logged nothing about reading him: one row, the log read. */
  g_assert_cmpuint (n, ==, 2);
  g_assert_true (g_str_has_suffix (lines[1], ";\"Virtanen; \"\"Vilja\"\"\";Käyttöloki luettu;Lokien valvonta"));

  g_assert_null (kh_db_export_access_log (lf->f.db, lf->f.admin, 999999, NULL, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND);
}

int
main (int    argc,
      char **argv)
{
  /* The rows' days are Helsinki days. */
  g_setenv ("TZ", "Europe/Helsinki", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  if (store_test_runs_here (path)) \
    g_test_add (path, LogFixture, NULL, log_set_up, func, log_tear_down)
  ADD ("/store/access-log/filters", test_filters);
  ADD ("/store/access-log/paging", test_paging);
  ADD ("/store/access-log/person-words", test_person_words);
  ADD ("/store/access-log/reading-is-logged", test_reading_is_logged);
  ADD ("/store/access-log/reading-needs-role", test_reading_needs_role);
  ADD ("/store/access-log/export-in-clients-language", test_export_in_clients_language);
  ADD ("/store/access-log/export-finnish-and-quoted", test_export_finnish_and_quoted);
#undef ADD

  return g_test_run ();
}
