/* test-search.c — people search, Finnish order, and the access log of reads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include "store-test-util.h"

static GPtrArray *
search (Fixture    *f,
        const char *query,
        guint       limit)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *results = kh_db_search_clients (f->db, f->admin, query, limit, &error);

  g_assert_no_error (error);
  g_assert_nonnull (results);
  return results;
}

/* "Last, First; Last, First" for comparing whole answers. */
static char *
names_of (GPtrArray *clients)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < clients->len; i++)
    {
      KhClient *client = g_ptr_array_index (clients, i);

      g_string_append_printf (names, "%s%s, %s", i > 0 ? "; " : "", client->last_name,
                              client->first_names);
    }
  return g_string_free (names, FALSE);
}

static void
assert_search (Fixture    *f,
               const char *query,
               const char *expected)
{
  g_autoptr(GPtrArray) results = search (f, query, 50);
  g_autofree char *names = names_of (results);

  g_test_message ("“%s” → %s", query, names);
  g_assert_cmpstr (names, ==, expected);
}

static void
add_people (Fixture *f)
{
  add_client (f, "Mäki", "Aino", "1952-10-13", 950);
  add_client (f, "Mäkinen", "Matti", "1961-02-03", 951);
  add_client (f, "Mäkinen", "Aino", "1975-07-08", 952);
  add_client (f, "Makkonen", "Pekka", "1980-01-01", 953);
  add_client (f, "Åhlund", "Erik", "1990-12-24", 954);
  add_client (f, "Mäki-Petäjä", "Ville", "2001-03-04", 955);
  add_client (f, "Ahmadi", "Sara", "1952-10-13", 0);   /* no code, same birth date */
}

static void
test_name_folding (Fixture       *f,
                   gconstpointer  data)
{
  add_people (f);

  /* Whole words first, then the rest in Finnish order. */
  assert_search (f, "maki", "Mäki, Aino; Mäki-Petäjä, Ville; Mäkinen, Aino; Mäkinen, Matti");
  assert_search (f, "MÄKI", "Mäki, Aino; Mäki-Petäjä, Ville; Mäkinen, Aino; Mäkinen, Matti");
  assert_search (f, "mäkinen", "Mäkinen, Aino; Mäkinen, Matti");
  /* Several words narrow, in either order. */
  assert_search (f, "aino mäki", "Mäki, Aino; Mäkinen, Aino");
  assert_search (f, "Mäkinen Ai", "Mäkinen, Aino");
  /* remove_diacritics folds å to a: "ahl" finds Åhlund. */
  assert_search (f, "ahl", "Åhlund, Erik");
  assert_search (f, "åhl", "Åhlund, Erik");
  assert_search (f, "petaja", "Mäki-Petäjä, Ville");
  assert_search (f, "makk", "Makkonen, Pekka");
  assert_search (f, "nobody", "");
}

static void
test_syntax_is_text (Fixture       *f,
                     gconstpointer  data)
{
  static const char * const queries[] = {
    "\"", "maki\"*", "NEAR(maki aino)", "maki OR aino", "maki AND", "NOT maki", "-maki",
    "*", "last_name:maki", "^maki", "(", "\"\"\"", "maki'; DROP TABLE clients; --", "{maki}",
    "   ", "",
  };

  add_people (f);
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GPtrArray) results = search (f, queries[i], 20);

      g_test_message ("“%s” → %u", queries[i], results->len);
    }
  assert_search (f, "\"mäki\"", "Mäki, Aino; Mäki-Petäjä, Ville; Mäkinen, Aino; Mäkinen, Matti");
  assert_search (f, "mäki*", "Mäki, Aino; Mäki-Petäjä, Ville; Mäkinen, Aino; Mäkinen, Matti");
  g_assert_cmpint (count (f, "SELECT count(*) FROM clients"), ==, 7);
}

static void
test_finnish_order (Fixture       *f,
                    gconstpointer  data)
{
  /* Same shape of name, so only the order of the alphabet decides. */
  add_client (f, "Öberg", "Anna", "1970-01-01", 0);
  add_client (f, "Zetterberg", "Anna", "1970-01-02", 0);
  add_client (f, "Åberg", "Anna", "1970-01-03", 0);
  add_client (f, "Ärling", "Anna", "1970-01-04", 0);
  add_client (f, "Ahonen", "Anna", "1970-01-05", 0);
  add_client (f, "Virtanen", "Anna", "1970-01-06", 0);
  add_client (f, "Wikström", "Anna", "1970-01-07", 0);
  add_client (f, "ahola", "Anna", "1970-01-08", 0);

  /* W is its own letter after V; Å Ä Ö after Z; case does not matter. */
  assert_search (f, "anna",
                 "ahola, Anna; Ahonen, Anna; Virtanen, Anna; Wikström, Anna; Zetterberg, Anna; "
                 "Åberg, Anna; Ärling, Anna; Öberg, Anna");
}

static void
test_identity_code (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *code = test_code ("1952-10-13", 950);
  g_autofree char *lower = g_ascii_strdown (code, -1);
  g_autofree char *partial = g_strndup (code, 8);
  g_autoptr(KhClient) dvv = test_client ("Testi", "Tuuli", "1994-05-01", 902);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;

  add_people (f);
  g_free (dvv->identity_code);
  dvv->identity_code = g_strdup ("010594Y9021");
  kh_db_save_client (f->db, f->admin, dvv, &error);
  g_assert_no_error (error);

  assert_search (f, code, "Mäki, Aino");
  assert_search (f, "010594Y9021", "Testi, Tuuli");
  assert_search (f, "010594y9021", "Testi, Tuuli");
  /* The birth part: everyone born that day, Ahmadi too, who has no code
   * (issue 5, 2.2: a partial code finds the people born on its dates). */
  assert_search (f, "131052", "Ahmadi, Sara; Mäki, Aino");
  /* With the century sign, the codes first, then those without a code. */
  assert_search (f, "131052-", "Mäki, Aino; Ahmadi, Sara");
  /* Once the individual number is typed, only codes. */
  assert_search (f, partial, "Mäki, Aino");
  assert_search (f, "010594", "Testi, Tuuli");
  assert_search (f, "010594-", "");
  /* A code that is nobody's. */
  assert_search (f, "131052-999X", "");

  results = search (f, code, 10);
  g_assert_cmpuint (results->len, ==, 1);
  g_assert_cmpstr (((KhClient *) g_ptr_array_index (results, 0))->identity_code, ==, code);
}

static void
test_birth_date (Fixture       *f,
                 gconstpointer  data)
{
  add_people (f);

  assert_search (f, "13.10.1952", "Ahmadi, Sara; Mäki, Aino");
  assert_search (f, "1952-10-13", "Ahmadi, Sara; Mäki, Aino");
  assert_search (f, "8.7.1975", "Mäkinen, Aino");
  assert_search (f, "1.1.1900", "");
}

static void
test_phone (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(KhClient) client = test_client ("Puhelin", "Paula", "1966-06-06", 0);
  g_autoptr(KhClient) other = test_client ("Soittaja", "Sami", "1967-07-07", 0);
  g_autoptr(KhClient) abroad = test_client ("Ulkomaa", "Ulla", "1968-08-08", 0);
  g_autoptr(GError) error = NULL;

  client->phone = g_strdup ("040 123 4567");
  other->phone = g_strdup ("+358 50 765 4321");
  kh_db_save_client (f->db, f->admin, client, &error);
  g_assert_no_error (error);
  kh_db_save_client (f->db, f->admin, other, &error);
  g_assert_no_error (error);
  /* A Swedish number keeps its country code. */
  abroad->phone = g_strdup ("+46 70 123 4567");
  kh_db_save_client (f->db, f->admin, abroad, &error);
  g_assert_no_error (error);

  assert_search (f, "0401234567", "Puhelin, Paula");
  assert_search (f, "+358 40 123 4567", "Puhelin, Paula");
  assert_search (f, "040-123 4567", "Puhelin, Paula");
  assert_search (f, "040 123", "Puhelin, Paula");
  assert_search (f, "050 765 4321", "Soittaja, Sami");
  assert_search (f, "+358 50 765", "Soittaja, Sami");
  assert_search (f, "+46 70 123 4567", "Ulkomaa, Ulla");
  assert_search (f, "0046 70 123", "Ulkomaa, Ulla");
  assert_search (f, "044 000 0000", "");
}

static void
test_limit_and_similar (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) similar = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  add_people (f);
  results = search (f, "m", 2);
  g_assert_cmpuint (results->len, ==, 2);
  g_clear_pointer (&results, g_ptr_array_unref);
  results = search (f, "m", 0);
  g_assert_cmpuint (results->len, ==, 0);

  id = add_client (f, "Virta", "Ville Veikko", "1999-09-09", 0);
  similar = kh_db_find_similar_clients (f->db, f->admin, "VIRTA", "ville", "9.9.1999", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (similar->len, ==, 1);
  g_assert_cmpint (((KhClient *) g_ptr_array_index (similar, 0))->id, ==, id);
  g_clear_pointer (&similar, g_ptr_array_unref);

  /* Not the person being edited, not another birth date, not another name. */
  similar = kh_db_find_similar_clients (f->db, f->admin, "Virta", "Ville", "1999-09-09", id, &error);
  g_assert_cmpuint (similar->len, ==, 0);
  g_clear_pointer (&similar, g_ptr_array_unref);
  similar = kh_db_find_similar_clients (f->db, f->admin, "Virta", "Ville", "1999-09-10", 0, &error);
  g_assert_cmpuint (similar->len, ==, 0);
  g_clear_pointer (&similar, g_ptr_array_unref);
  similar = kh_db_find_similar_clients (f->db, f->admin, "Virtanen", "Ville", "1999-09-09", 0, &error);
  g_assert_cmpuint (similar->len, ==, 0);
}

static void
test_bulk_load (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 start;

  start = g_get_monotonic_time ();
  g_assert_true (kh_db_begin (f->db, &error));
  for (guint i = 0; i < 4000; i++)
    {
      g_autofree char *last = g_strdup_printf ("Bulkkinen%u", i % 100);
      g_autoptr(KhClient) client = test_client (last, i % 2 ? "Åsa" : "Eino", "1950-01-01", 0);

      g_assert_cmpint (kh_db_insert_client_bulk (f->db, f->admin, client, &error), >, 0);
      g_assert_no_error (error);
    }
  g_assert_true (kh_db_commit (f->db, &error));
  g_assert_no_error (error);
  g_test_message ("4000 people in %.0f ms", (g_get_monotonic_time () - start) / 1e3);

  /* The index was rebuilt at the commit and is kept by triggers again. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM settings WHERE key = 'fts_deferred'"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM clients_fts WHERE clients_fts MATCH 'bulkkinen7*'"),
                   ==, 440);
  g_assert_cmpint (count (f, "SELECT count(*) FROM clients_fts WHERE clients_fts MATCH 'asa'"),
                   ==, 2000);
  add_client (f, "Jälkeen", "Jaana", "1950-01-01", 0);
  assert_search (f, "jalkeen", "Jälkeen, Jaana");
  /* Bulk reads log nothing. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM access_log"), ==, 1);

  /* Thousands of hits, clustered under one name: answered from the range of
   * client_words; several words: by walking the names in order. Either way
   * the whole word comes first, the rest in Finnish order. */
  add_client (f, "Bulk", "Åke", "1950-01-01", 0);
  {
    static const char * const queries[] = { "bulk", "bulk asa", "åsa bulkki" };

    for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
      {
        g_autoptr(GPtrArray) results = search (f, queries[q], 50);

        g_assert_cmpuint (results->len, ==, 50);
        for (guint i = 0; i < results->len; i++)
          {
            KhClient *b = g_ptr_array_index (results, i);

            if (q == 0 && i == 0)
              {
                g_assert_cmpstr (b->last_name, ==, "Bulk");
                continue;
              }
            g_assert_true (g_str_has_prefix (b->last_name, "Bulkkinen"));
            if (q > 0)
              g_assert_cmpstr (b->first_names, ==, "Åsa");
            if (i > (q == 0 ? 1u : 0u))
              {
                KhClient *a = g_ptr_array_index (results, i - 1);
                g_autofree char *ka = g_strconcat (a->last_name, " ", a->first_names, NULL);
                g_autofree char *kb = g_strconcat (b->last_name, " ", b->first_names, NULL);

                g_assert_cmpint (kh_collate_compare (ka, kb), <=, 0);
                if (kh_collate_compare (ka, kb) == 0)
                  g_assert_cmpint (a->id, <, b->id);
              }
          }
        if (q > 0)
          g_assert_cmpstr (((KhClient *) g_ptr_array_index (results, 0))->last_name, ==, "Bulkkinen1");
      }
  }
  {
    g_autoptr(GPtrArray) asa = search (f, "asa bulkkinen1", 50);

    /* "Bulkkinen1" whole (40 people) before "Bulkkinen1x" prefixes. */
    g_assert_cmpuint (asa->len, ==, 50);
    g_assert_cmpstr (((KhClient *) g_ptr_array_index (asa, 39))->last_name, ==, "Bulkkinen1");
    g_assert_cmpstr (((KhClient *) g_ptr_array_index (asa, 40))->last_name, ==, "Bulkkinen11");
  }

  /* A rolled-back bulk load leaves neither people nor the flag. */
  g_assert_true (kh_db_begin (f->db, &error));
  {
    g_autoptr(KhClient) client = test_client ("Peruttu", "Pia", "1950-01-01", 0);

    g_assert_cmpint (kh_db_insert_client_bulk (f->db, f->admin, client, &error), >, 0);
  }
  kh_db_rollback (f->db);
  g_assert_cmpint (count (f, "SELECT count(*) FROM settings WHERE key = 'fts_deferred'"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM clients WHERE last_name = 'Peruttu'"), ==, 0);
  add_client (f, "Sitten", "Sini", "1950-01-01", 0);
  assert_search (f, "sitten", "Sitten, Sini");

  g_assert_true (kh_db_rebuild_search_index (f->db, &error));
  assert_search (f, "jalkeen", "Jälkeen, Jaana");
}

/* ---- the access log ---- */

static gint64
log_rows (Fixture    *f,
          const char *where)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM access_log WHERE %s", where);

  return count (f, sql);
}

static void
test_log_search (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *where = NULL;

  add_people (f);
  g_assert_cmpint (log_rows (f, "TRUE"), ==, 0);

  results = search (f, "mäki", 20);
  g_assert_cmpuint (results->len, ==, 4);
  where = g_strdup_printf ("what = %d AND basis = %d AND user_id = %" G_GINT64_FORMAT,
                           KH_ACCESS_SEARCH, KH_BASIS_INTAKE, f->admin->id);
  g_assert_cmpint (log_rows (f, where), ==, 4);
  for (guint i = 0; i < results->len; i++)
    {
      g_autofree char *one = g_strdup_printf ("client_id = %" G_GINT64_FORMAT,
                                              ((KhClient *) g_ptr_array_index (results, i))->id);

      g_assert_cmpint (log_rows (f, one), ==, 1);
    }

  /* No results, no rows. */
  g_clear_pointer (&results, g_ptr_array_unref);
  results = search (f, "nobody", 20);
  g_assert_cmpint (log_rows (f, "TRUE"), ==, 4);
}

static void
test_log_reads (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(KhClient) client = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *where = NULL;
  gint64 id;

  id = add_client (f, "Luettu", "Lasse", "1977-07-07", 0);

  client = kh_db_get_client (f->db, f->admin, id, KH_ACCESS_IDENTITY_CODE, KH_BASIS_CLIENT_RELATIONSHIP,
                             &error);
  g_assert_no_error (error);
  where = g_strdup_printf ("client_id = %" G_GINT64_FORMAT " AND what = %d AND basis = %d",
                           id, KH_ACCESS_IDENTITY_CODE, KH_BASIS_CLIENT_RELATIONSHIP);
  g_assert_cmpint (log_rows (f, where), ==, 1);

  contacts = kh_db_list_client_contacts (f->db, f->admin, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (contacts->len, ==, 0);
  g_free (where);
  where = g_strdup_printf ("client_id = %" G_GINT64_FORMAT " AND what = %d", id, KH_ACCESS_CONTACTS);
  g_assert_cmpint (log_rows (f, where), ==, 1);

  /* A person who is not there: an error, and no row. */
  g_assert_null (kh_db_get_client (f->db, f->admin, id + 100, KH_ACCESS_PAGE, KH_BASIS_INTAKE, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (kh_db_list_client_contacts (f->db, f->admin, id + 100, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (log_rows (f, "TRUE"), ==, 2);
}

/* The store decides the basis of reception's reads: reception has no
 * client relationship, whatever the page passes. Other roles keep theirs. */
static void
test_log_basis_by_role (Fixture       *f,
                        gconstpointer  data)
{
  static const struct {
    KhRole         role;
    KhAccessBasis  passed;
    KhAccessBasis  logged;
  } cases[] = {
    { KH_ROLE_RECEPTION,      KH_BASIS_CLIENT_RELATIONSHIP, KH_BASIS_INTAKE },
    { KH_ROLE_RECEPTION,      KH_BASIS_ADMINISTRATION,      KH_BASIS_INTAKE },
    { KH_ROLE_RECEPTION,      KH_BASIS_INTAKE,              KH_BASIS_INTAKE },
    { KH_ROLE_COUNSELLOR,     KH_BASIS_CLIENT_RELATIONSHIP, KH_BASIS_CLIENT_RELATIONSHIP },
    { KH_ROLE_SOCIAL_WORKER,  KH_BASIS_INTAKE,              KH_BASIS_INTAKE },
    { KH_ROLE_ADMIN,          KH_BASIS_ADMINISTRATION,      KH_BASIS_ADMINISTRATION },
  };
  gint64 id = add_client (f, "Perusteltu", "Pekka", "1977-07-07", 0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *account = g_strdup_printf ("kayttaja%u", i);
      g_autofree char *where = NULL;
      g_autoptr(KhUser) user = NULL;
      g_autoptr(KhClient) client = NULL;
      g_autoptr(GError) error = NULL;

      user = fixture_add_user (f, account, NULL, cases[i].role);
      client = kh_db_get_client (fixture_db (f, user), user, id, KH_ACCESS_PAGE, cases[i].passed,
                                 &error);
      g_assert_no_error (error);
      where = g_strdup_printf ("user_id = %" G_GINT64_FORMAT " AND client_id = %" G_GINT64_FORMAT
                               " AND basis = %d", user->id, id, cases[i].logged);
      g_assert_cmpint (log_rows (f, where), ==, 1);
    }
}

static void
test_log_reading (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(KhUser) reception = NULL;
  g_autoptr(KhUser) lead = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  KhAccessEntry *newest;
  gint64 id;

  id = add_client (f, "Valvottu", "Veera", "1988-08-08", 0);
  reception = fixture_add_user (f, "vastaanotto", "Rita Reception", KH_ROLE_RECEPTION);
  lead = fixture_add_user (f, "johtaja", "Johanna Johtava", KH_ROLE_LEAD);

  results = kh_db_search_clients (fixture_db (f, reception), reception, "valvottu", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 1);

  /* Reception may not read the log. */
  g_assert_null (kh_db_list_access_log (fixture_db (f, reception), reception, 0, 10, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_cmpint (log_rows (f, "TRUE"), ==, 1);

  entries = kh_db_list_access_log (fixture_db (f, lead), lead, id, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  newest = g_ptr_array_index (entries, 0);
  g_assert_cmpint (newest->client_id, ==, id);
  g_assert_cmpint (newest->user_id, ==, reception->id);
  g_assert_cmpstr (newest->user_name, ==, "Rita Reception");
  g_assert_cmpstr (newest->client_name, ==, "Valvottu, Veera");
  g_assert_cmpint (newest->what, ==, KH_ACCESS_SEARCH);
  g_assert_nonnull (newest->at);

  /* The reading itself is in the log, and shows up next time. */
  g_assert_cmpint (log_rows (f, "what = 7 AND basis = 4"), ==, 1);
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = kh_db_list_access_log (f->db, f->admin, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 2);
  newest = g_ptr_array_index (entries, 0);
  g_assert_cmpint (newest->what, ==, KH_ACCESS_ACCESS_LOG);
  g_assert_cmpint (newest->user_id, ==, lead->id);
}

/* Issue 6, 8: a read takes no write lock (a WAL reader), and the write
 * transaction for its access-log rows holds the lock only for them. While
 * another program holds the write lock — an import publishing its people,
 * say — a search that shows nobody needs no lock at all, and one that
 * shows people waits only to log them, and then returns them. Before, a
 * search was one write transaction from its start: each one here waited
 * the 3-second busy timeout and failed ("in use by another program"). */
typedef struct {
  KhDb      *db;
  KhUser    *user;
  GPtrArray *found;
  GError    *error;
} SearchJob;

static gpointer
search_in_thread (gpointer data)
{
  SearchJob *job = data;

  job->found = kh_db_search_clients (job->db, job->user, "lukija", 10, &job->error);
  return NULL;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static void
test_reads_beside_a_writer (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SearchJob job = { f->db, f->admin, NULL, NULL };
  gint64 took[40];
  GThread *thread;
  sqlite3 *writer;

  add_client (f, "Lukija", "Liisa", "1970-01-02", 0);
  add_client (f, "Lukija", "Lasse", "1971-02-03", 0);
  add_client (f, "Lukija", "Leena", "1972-03-04", 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM access_log WHERE what = 1"), ==, 0);

  /* Another program's write transaction, open: it holds the write lock. */
  writer = raw_open (f->path);
  g_assert_cmpint (sqlite3_exec (writer, "BEGIN IMMEDIATE; "
                                         "INSERT INTO closed_days (date, name) "
                                         "VALUES ('2031-01-02', 'Koulutus')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  for (guint i = 0; i < G_N_ELEMENTS (took); i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GPtrArray) found = kh_db_search_clients (f->db, f->admin, "kirjoittaja", 10,
                                                         &error);

      g_assert_no_error (error);
      g_assert_cmpuint (found->len, ==, 0);
      took[i] = g_get_monotonic_time () - start;
    }
  qsort (took, G_N_ELEMENTS (took), sizeof took[0], compare_gint64);
  g_test_message ("a search of nobody while another program holds the write lock: median "
                  "%.3f ms, longest %.3f ms (before: 3 s, then BUSY)",
                  took[G_N_ELEMENTS (took) / 2] / 1000.0, took[G_N_ELEMENTS (took) - 1] / 1000.0);
  /* Far below the busy timeout the lock would have cost. */
  g_assert_cmpint (took[G_N_ELEMENTS (took) - 1], <, G_USEC_PER_SEC);

  /* People found are returned once their log rows are written, after the
   * writer's commit. */
  thread = g_thread_new ("search", search_in_thread, &job);
  g_assert_cmpint (sqlite3_exec (writer, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  g_thread_join (thread);
  g_assert_no_error (job.error);
  g_assert_cmpuint (job.found->len, ==, 3);
  g_ptr_array_unref (job.found);
  g_assert_cmpint (count (f, "SELECT count(*) FROM access_log WHERE what = 1"), ==, 3);
  g_assert_cmpint (count (f, "SELECT count(*) FROM closed_days WHERE date = '2031-01-02'"), ==, 1);
  sqlite3_close (writer);
}

static void
test_log_append_only (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) results = NULL;
  sqlite3 *raw;

  add_people (f);
  results = search (f, "aino", 10);
  g_assert_cmpuint (results->len, ==, 2);

  raw = raw_open (f->path);
  g_assert_cmpint (sqlite3_exec (raw, "UPDATE access_log SET client_id = NULL", NULL, NULL, NULL),
                   ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (raw, "DELETE FROM access_log", NULL, NULL, NULL),
                   ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (raw_count (raw, "SELECT count(*) FROM access_log WHERE client_id IS NOT NULL"), ==, 2);
  /* The log outlives the person (no foreign key on client_id). */
  g_assert_cmpint (sqlite3_exec (raw, "PRAGMA foreign_keys = ON; DELETE FROM clients", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (raw_count (raw, "SELECT count(*) FROM access_log"), ==, 2);
  sqlite3_close (raw);
}

/* ---- search you can trust (issue 5, 2.2) ---- */

static KhClientSearch *
search_full (Fixture    *f,
             const char *query,
             guint       limit)
{
  g_autoptr(GError) error = NULL;
  KhClientSearch *search = kh_db_search_clients_full (f->db, f->admin, query, limit, &error);

  g_assert_no_error (error);
  g_assert_nonnull (search);
  return search;
}

static const char *
hit_name (KhClientSearch *search,
          guint           i)
{
  return ((KhSearchHit *) g_ptr_array_index (search->hits, i))->client->first_names;
}

static KhMatch
hit_match (KhClientSearch *search,
           guint           i)
{
  return ((KhSearchHit *) g_ptr_array_index (search->hits, i))->match;
}

/* "virtanen" showed 8 of 30 with no hint: now the store says 30. */
static void
test_totals (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(KhClientSearch) search = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *first = g_strdup_printf ("Aino%02u", i);

      add_client (f, "Virtanen", first, "1980-01-01", 0);
    }
  add_client (f, "Virta", "Ville", "1980-01-01", 0);

  search = search_full (f, "virtanen", 8);
  g_assert_cmpuint (search->hits->len, ==, 8);
  g_assert_cmpuint (search->total, ==, 30);
  g_assert_false (search->more);
  g_assert_cmpstr (hit_name (search, 0), ==, "Aino00");
  g_assert_cmpstr (hit_name (search, 7), ==, "Aino07");
  g_clear_pointer (&search, kh_client_search_free);

  /* The prefix counts everyone it finds, the whole word "Virta" too. */
  search = search_full (f, "virt", 8);
  g_assert_cmpuint (search->total, ==, 31);
  g_assert_cmpstr (hit_name (search, 0), ==, "Ville");
  g_clear_pointer (&search, kh_client_search_free);

  search = search_full (f, "virtanen aino07", 8);
  g_assert_cmpuint (search->total, ==, 1);
  g_assert_cmpuint (search->hits->len, ==, 1);
  g_clear_pointer (&search, kh_client_search_free);

  search = search_full (f, "1.1.1980", 5);
  g_assert_cmpuint (search->total, ==, 31);
  g_assert_cmpuint (search->hits->len, ==, 5);
  g_clear_pointer (&search, kh_client_search_free);

  search = search_full (f, "nobody", 8);
  g_assert_cmpuint (search->total, ==, 0);
  g_assert_cmpuint (search->hits->len, ==, 0);
  g_clear_pointer (&search, kh_client_search_free);

  /* Beyond the cap the count says "more than 1000", without counting on. */
  g_assert_true (kh_db_begin (f->db, &error));
  for (guint i = 0; i < 1010; i++)
    {
      g_autoptr(KhClient) client = test_client ("Monilainen", "Matti", "1970-02-02", 0);

      g_assert_cmpint (kh_db_insert_client_bulk (f->db, f->admin, client, &error), >, 0);
    }
  g_assert_true (kh_db_commit (f->db, &error));
  g_assert_no_error (error);
  search = search_full (f, "monilainen", 8);
  g_assert_cmpuint (search->total, ==, 1000);
  g_assert_true (search->more);
  g_assert_cmpuint (search->hits->len, ==, 8);
  g_clear_pointer (&search, kh_client_search_free);
  search = search_full (f, "2.2.1970", 8);
  g_assert_cmpuint (search->total, ==, 1000);
  g_assert_true (search->more);
}

/* A partial identity code: four digits are the day and month of birth,
 * five add the decade, six the year. Fewer say how many more are needed. */
static void
test_partial_code (Fixture       *f,
                   gconstpointer  data)
{
  static const struct {
    const char   *query;
    const char   *expected;
    KhSearchHint  hint;
    guint         digits_needed;
  } cases[] = {
    { "1",      "",                                  KH_SEARCH_HINT_MORE_DIGITS, 3 },
    { "13",     "",                                  KH_SEARCH_HINT_MORE_DIGITS, 2 },
    { "131",    "",                                  KH_SEARCH_HINT_MORE_DIGITS, 1 },
    /* 13 October, any year: Ahmadi (no code) and Mäki, both 1952, and
     * Kolmas, 2005. */
    { "1310",   "Ahmadi, Sara; Kolmas, Kaisa; Mäki, Aino", KH_SEARCH_HINT_NONE, 0 },
    { "13105",  "Ahmadi, Sara; Mäki, Aino",          KH_SEARCH_HINT_NONE, 0 },
    { "13100",  "Kolmas, Kaisa",                     KH_SEARCH_HINT_NONE, 0 },
    { "131052", "Ahmadi, Sara; Mäki, Aino",          KH_SEARCH_HINT_NONE, 0 },
    { "131005", "Kolmas, Kaisa",                     KH_SEARCH_HINT_NONE, 0 },
    { "131099", "",                                  KH_SEARCH_HINT_NONE, 0 },
    { "0807",   "Mäkinen, Aino",                     KH_SEARCH_HINT_NONE, 0 },
    { "2412",   "Åhlund, Erik",                      KH_SEARCH_HINT_NONE, 0 },
    /* No month 13, no 32nd day, no 30 February. */
    { "0113",   "",                                  KH_SEARCH_HINT_NOT_A_DATE, 0 },
    { "3201",   "",                                  KH_SEARCH_HINT_NOT_A_DATE, 0 },
    { "3002",   "",                                  KH_SEARCH_HINT_NOT_A_DATE, 0 },
    /* 29 February exists in leap years only; 2000 was one. */
    { "290200", "Karkaus, Kalle",                    KH_SEARCH_HINT_NONE, 0 },
    { "2902",   "Karkaus, Kalle",                    KH_SEARCH_HINT_NONE, 0 },
  };

  add_people (f);
  add_client (f, "Kolmas", "Kaisa", "2005-10-13", 0);
  add_client (f, "Karkaus", "Kalle", "2000-02-29", 960);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KhClientSearch) search = search_full (f, cases[i].query, 20);
      g_autoptr(GPtrArray) clients = g_ptr_array_new ();
      g_autofree char *names = NULL;

      for (guint h = 0; h < search->hits->len; h++)
        g_ptr_array_add (clients, ((KhSearchHit *) g_ptr_array_index (search->hits, h))->client);
      names = names_of (clients);
      g_test_message ("“%s” → %s", cases[i].query, names);
      g_assert_cmpstr (names, ==, cases[i].expected);
      g_assert_cmpint (search->hint, ==, cases[i].hint);
      g_assert_cmpuint (search->digits_needed, ==, cases[i].digits_needed);
      g_assert_cmpuint (search->total, ==, search->hits->len);
      for (guint h = 0; h < search->hits->len; h++)
        g_assert_cmpint (hit_match (search, h), ==, KH_MATCH_PREFIX);
    }
}

/* Two people shared "130806A**** · born 13.8.2006", and Enter took the
 * wrong one: equally good rows are marked equal, and the store says which
 * rows match better. */
static void
test_match_quality (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *code_a = test_code ("2006-08-13", 931);
  g_autoptr(KhClientSearch) search = NULL;

  add_client (f, "Nyström", "Noora", "2006-08-13", 931);
  add_client (f, "Nyström", "Nils", "2006-08-13", 932);
  add_client (f, "Nyman", "Oskar", "1990-01-01", 0);
  add_client (f, "Ny", "Aapo", "1990-01-01", 0);

  search = search_full (f, "130806A", 8);
  g_assert_cmpuint (search->hits->len, ==, 2);
  g_assert_cmpint (hit_match (search, 0), ==, KH_MATCH_PREFIX);
  g_assert_cmpint (hit_match (search, 1), ==, KH_MATCH_PREFIX);
  g_assert_cmpint (kh_client_search_pick (search), ==, -1);
  g_clear_pointer (&search, kh_client_search_free);

  /* The whole code is exact. */
  search = search_full (f, code_a, 8);
  g_assert_cmpuint (search->hits->len, ==, 1);
  g_assert_cmpint (hit_match (search, 0), ==, KH_MATCH_EXACT);
  g_assert_cmpint (kh_client_search_pick (search), ==, 0);
  g_clear_pointer (&search, kh_client_search_free);

  /* "nyst": two Nyströms, equally good; the total says both. */
  search = search_full (f, "nyst", 8);
  g_assert_cmpuint (search->total, ==, 2);
  g_assert_cmpint (kh_client_search_pick (search), ==, -1);
  g_clear_pointer (&search, kh_client_search_free);

  /* A whole word beats the starts of words: "ny" is Ny, Aapo. */
  search = search_full (f, "ny", 8);
  g_assert_cmpuint (search->total, ==, 4);
  g_assert_cmpstr (hit_name (search, 0), ==, "Aapo");
  g_assert_cmpint (hit_match (search, 0), ==, KH_MATCH_WORD);
  g_assert_cmpint (hit_match (search, 1), ==, KH_MATCH_PREFIX);
  g_assert_cmpint (kh_client_search_pick (search), ==, 0);
  g_clear_pointer (&search, kh_client_search_free);

  search = search_full (f, "noora nyström", 8);
  g_assert_cmpuint (search->hits->len, ==, 1);
  g_assert_cmpint (hit_match (search, 0), ==, KH_MATCH_WORD);
  g_assert_cmpint (kh_client_search_pick (search), ==, 0);
}

/* Each row says whether the person has an open case. */
static void
test_open_cases (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(KhClientSearch) search = NULL;
  g_autoptr(KhContact) contact = test_contact (KH_OUTCOME_CASE_OPENED);
  g_autoptr(KhContact) advice = test_contact (KH_OUTCOME_ADVICE);
  g_autoptr(KhIntakeResult) result = NULL;
  g_autoptr(KhIntakeResult) result2 = NULL;
  g_autoptr(GError) error = NULL;
  gint64 with_case = add_client (f, "Tapaus", "Tiina", "1970-03-03", 0);

  add_client (f, "Tapaus", "Toivo", "1971-03-03", 0);
  contact->client_id = with_case;
  contact->received_at = g_date_time_new_now_local ();
  {
    KhIntake intake = { contact, NULL, FALSE, 0, 0 };

    result = kh_db_save_intake (f->db, f->admin, &intake, &error);
    g_assert_no_error (error);
  }
  advice->client_id = with_case;
  advice->received_at = g_date_time_new_now_local ();
  {
    KhIntake intake = { advice, NULL, FALSE, 0, 0 };

    result2 = kh_db_save_intake (f->db, f->admin, &intake, &error);
    g_assert_no_error (error);
  }

  search = search_full (f, "tapaus", 8);
  g_assert_cmpuint (search->hits->len, ==, 2);
  g_assert_cmpstr (hit_name (search, 0), ==, "Tiina");
  g_assert_cmpuint (((KhSearchHit *) g_ptr_array_index (search->hits, 0))->open_cases, ==, 1);
  g_assert_cmpuint (((KhSearchHit *) g_ptr_array_index (search->hits, 1))->open_cases, ==, 0);
}

/* ---- the name-word index (issue 5, 1.13) ---- */

static gint64
page_count (Fixture *f)
{
  return count (f, "SELECT page_count FROM pragma_page_count");
}

/* A 23 KB last name grew a database from 2.7 MB to 751 MB: every name word
 * was stored with the whole sort key, so that the index grew with the
 * square of the name. Now a word costs its own length and at most 24 bytes
 * of the key. Names are at most 100 + 150 characters (KH_CLIENT_MAX_*):
 * with the most words they can have, twenty people fit in a bound written
 * for the new layout. */
static void
test_long_name_size (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(KhClientSearch) search = NULL;
  gint64 before, after;

  add_client (f, "Lyhyt", "Liisa", "1960-01-01", 0);
  before = page_count (f);
  for (guint p = 0; p < 20; p++)
    {
      g_autoptr(GString) last = g_string_new (NULL);
      g_autoptr(GString) first = g_string_new (NULL);

      /* 33 words of two letters in 98 characters, 50 in 149. */
      for (guint i = 0; i < 33; i++)
        g_string_append_printf (last, "%s%c%c", i > 0 ? " " : "", 'A' + p, 'a' + i % 26);
      for (guint i = 0; i < 50; i++)
        g_string_append_printf (first, "%s%c%c", i > 0 ? " " : "", 'A' + (i % 26), 'a' + p);
      g_assert_cmpuint (last->len, <=, KH_CLIENT_MAX_LAST_NAME);
      g_assert_cmpuint (first->len, <=, KH_CLIENT_MAX_FIRST_NAMES);
      add_client (f, last->str, first->str, "1960-01-01", 0);
    }
  after = page_count (f);
  g_test_message ("pages: %" G_GINT64_FORMAT " → %" G_GINT64_FORMAT, before, after);

  /* Every word holds at most 24 bytes of the key. */
  g_assert_cmpint (count (f, "SELECT max (length (sort_prefix)) FROM client_words"), <=, 24);
  /* 20 people × 51 distinct words (26 in the last name, 26 in the first
   * names, one of them in both). */
  g_assert_cmpint (count (f, "SELECT count(*) FROM client_words"), ==, 2 + 20 * 51);
  g_test_message ("sort key %" G_GINT64_FORMAT " bytes",
                  count (f, "SELECT max (length (sort_key)) FROM clients"));
  /* Bounded: 20 people with their keys, FTS rows and 1 020 index entries of
   * a few dozen bytes fit in 80 pages of 4 KiB (320 KiB; measured: 62).
   * The whole key (996 bytes for these names) per word, in the table and
   * in its index, took 20 × 51 × 996 × 2 bytes ≈ 2 MB, some 500 pages. */
  g_assert_cmpint (count (f, "SELECT page_size FROM pragma_page_size"), ==, 4096);
  g_assert_cmpint (after - before, <=, 80);

  /* And each person is found by any of their words. */
  search = search_full (f, "Ba Cb", 8);
  g_assert_cmpuint (search->total, ==, 1);
}

/* People whose sort prefixes tie (a long shared last name) still come in
 * the order of their whole names. */
static void
test_prefix_ties (Fixture       *f,
                  gconstpointer  data)
{
  static const char *firsts[] = { "Ö", "Bertta", "Aino", "Äijä", "Cecilia", "Aada", "Zoe", "Åke" };
  const char *last = "Pitkäsukunimisenkaltainen";
  g_autoptr(KhClientSearch) search = NULL;
  GString *names = g_string_new (NULL);
  g_autofree char *joined = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (firsts); i++)
    add_client (f, last, firsts[i], "1960-01-01", 0);

  for (guint limit = 1; limit <= 8; limit++)
    {
      g_clear_pointer (&search, kh_client_search_free);
      search = search_full (f, "pitkasukunimisenkaltainen", limit);
      g_assert_cmpuint (search->hits->len, ==, limit);
      g_assert_cmpuint (search->total, ==, 8);
    }
  for (guint i = 0; i < search->hits->len; i++)
    g_string_append_printf (names, "%s%s", i > 0 ? " " : "", hit_name (search, i));
  joined = g_string_free (names, FALSE);
  g_assert_cmpstr (joined, ==, "Aada Aino Bertta Cecilia Zoe Åke Äijä Ö");
  g_clear_pointer (&search, kh_client_search_free);

  /* The same by prefix, with the limit in the middle of the tie. */
  search = search_full (f, "pitkasuku", 3);
  g_assert_cmpuint (search->hits->len, ==, 3);
  g_assert_cmpstr (hit_name (search, 0), ==, "Aada");
  g_assert_cmpstr (hit_name (search, 1), ==, "Aino");
  g_assert_cmpstr (hit_name (search, 2), ==, "Bertta");
}

/* The name index's upkeep moved out of the commits (issue 5: an intake
 * saved within one frame): the setting is in the database for every
 * connection, names saved one commit at a time are all found before and
 * after the idle upkeep, and the index stays sound. */
static void
test_maintenance_when_idle (Fixture       *f,
                            gconstpointer  data)
{
  static const char *first_names[] = { "Aino", "Eero", "Linnea", "Veikko", "Signe", "Onni" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  sqlite3 *handle;

  /* Off by default: kohtaamo-admin and the tests keep SQLite's own upkeep. */
  g_assert_false (kh_db_maintenance_is_due (f->db));
  g_assert_cmpint (count (f, "SELECT count(*) FROM clients_fts_config WHERE k = 'automerge'"), ==, 0);

  g_assert_true (kh_db_set_maintenance_when_idle (f->db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT v FROM clients_fts_config WHERE k = 'automerge'"), ==, 0);
  g_assert_true (kh_db_maintenance_is_due (f->db));
  g_assert_true (kh_db_maintain (f->db, &error));
  g_assert_no_error (error);
  g_assert_false (kh_db_maintenance_is_due (f->db));
  /* Setting it again changes nothing. */
  g_assert_true (kh_db_set_maintenance_when_idle (f->db, &error));
  g_assert_false (kh_db_maintenance_is_due (f->db));

  /* 36 commits: nine times the 4 segments that automerge would have
   * merged inside a commit. */
  for (guint i = 0; i < 36; i++)
    {
      g_autofree char *first = g_strdup_printf ("%s", first_names[i % G_N_ELEMENTS (first_names)]);
      g_autofree char *birth = g_strdup_printf ("1980-01-%02u", i % 28 + 1);

      add_client (f, "Upkeepinen", first, birth, 900 + i);
    }
  g_assert_true (kh_db_maintenance_is_due (f->db));
  found = kh_db_search_clients (f->db, f->admin, "upkeep", 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 36);
  g_clear_pointer (&found, g_ptr_array_unref);

  g_assert_true (kh_db_maintain (f->db, &error));
  g_assert_no_error (error);
  g_assert_false (kh_db_maintenance_is_due (f->db));
  found = kh_db_search_clients (f->db, f->admin, "upkeepinen linnea", 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 6);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = kh_db_search_clients (f->db, f->admin, "upkeep", 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 36);

  handle = raw_open (f->path);
  g_assert_cmpint (sqlite3_exec (handle, "INSERT INTO clients_fts (clients_fts) VALUES ('integrity-check')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);
}

/* A person with a non-disclosure marking (ATL 703/2023 38 §) comes out of
 * a search without the address, whatever is searched for. */
static void
test_protected_address (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(KhClient) client = test_client ("Suojattu", "Sirpa", "1977-07-07", 0);
  g_autoptr(GError) error = NULL;
  static const char * const queries[] = { "suojattu", "suoj", "7.7.1977", "0707", "070777", "040 777 1234" };

  client->non_disclosure = TRUE;
  client->address = g_strdup ("Piilokatu 1");
  client->postal_code = g_strdup ("00100");
  client->city = g_strdup ("Helsinki");
  client->phone = g_strdup ("040 777 1234");
  kh_db_save_client (f->db, f->admin, client, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(KhClientSearch) search = search_full (f, queries[i], 8);
      KhClient *found;

      g_test_message ("“%s”", queries[i]);
      g_assert_cmpuint (search->hits->len, ==, 1);
      found = ((KhSearchHit *) g_ptr_array_index (search->hits, 0))->client;
      g_assert_true (found->non_disclosure);
      g_assert_null (found->address);
      g_assert_null (found->postal_code);
      g_assert_null (found->city);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/search/name-folding", test_name_folding);
  ADD ("/store/search/syntax-is-text", test_syntax_is_text);
  ADD ("/store/search/finnish-order", test_finnish_order);
  ADD ("/store/search/identity-code", test_identity_code);
  ADD ("/store/search/birth-date", test_birth_date);
  ADD ("/store/search/phone", test_phone);
  ADD ("/store/search/limit-and-similar", test_limit_and_similar);
  if (!pg_test_engine ())
    ADD ("/store/search/bulk-load", test_bulk_load);
  ADD ("/store/search/totals", test_totals);
  ADD ("/store/search/partial-code", test_partial_code);
  ADD ("/store/search/match-quality", test_match_quality);
  ADD ("/store/search/open-cases", test_open_cases);
  if (!pg_test_engine ())
    ADD ("/store/search/long-name-size", test_long_name_size);
  ADD ("/store/search/prefix-ties", test_prefix_ties);
  ADD ("/store/search/protected-address", test_protected_address);
  ADD ("/store/search/log-basis-by-role", test_log_basis_by_role);
  /* SQLite's own upkeep, and its file (the server's log is append-only
   * by its grants and triggers: tests/pg). */
  if (!pg_test_engine ())
    {
      ADD ("/store/search/maintenance-when-idle", test_maintenance_when_idle);
      ADD ("/store/search/reads-beside-a-writer", test_reads_beside_a_writer);
      ADD ("/store/access-log/append-only", test_log_append_only);
    }
  ADD ("/store/access-log/search", test_log_search);
  ADD ("/store/access-log/reads", test_log_reads);
  ADD ("/store/access-log/reading-the-log", test_log_reading);

  return g_test_run ();
}
