/* test-search-state.c — which row Enter picks, and what the search says
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include <locale.h>

#include "core/kh-search.h"

/* A search answer from a string of match levels: "32" is an exact match
 * then a whole-word one. */
static KhClientSearch *
make_search (const char *matches,
             guint       total,
             gboolean    more)
{
  KhClientSearch *search = kh_client_search_new ();

  for (const char *p = matches; *p != '\0'; p++)
    {
      g_autoptr(KhClient) client = kh_client_new ();

      client->id = p - matches + 1;
      g_ptr_array_add (search->hits, kh_search_hit_new (client, (KhMatch) (*p - '0')));
    }
  search->total = total;
  search->more = more;
  return search;
}

static void
test_pick (void)
{
  static const struct {
    const char *matches;
    guint       total;
    gboolean    more;
    int         pick;
  } cases[] = {
    { "",     0,    FALSE, -1 },
    { "1",    1,    FALSE,  0 },   /* the only one */
    { "2",    1,    FALSE,  0 },
    { "1",    5,    FALSE, -1 },   /* one shown of five: not "the" one */
    { "3",    1000, TRUE,  -1 },
    { "11",   2,    FALSE, -1 },   /* "nyst": two Nyströms */
    { "22",   30,   FALSE, -1 },   /* "virtanen": thirty Virtanens */
    { "21",   2,    FALSE,  0 },   /* "Mäki" before "Mäkinen" */
    { "31",   2,    FALSE,  0 },   /* the whole code before its prefixes */
    { "32",   9,    FALSE,  0 },
    { "33",   2,    FALSE, -1 },
    { "211",  3,    FALSE,  0 },
    { "221",  3,    FALSE, -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KhClientSearch) search = make_search (cases[i].matches, cases[i].total, cases[i].more);

      g_test_message ("%s of %u%s", cases[i].matches, cases[i].total, cases[i].more ? "+" : "");
      g_assert_cmpint (kh_client_search_pick (search), ==, cases[i].pick);
    }
}

static void
test_status (void)
{
  static const struct {
    const char   *matches;
    guint         total;
    gboolean      more;
    KhSearchHint  hint;
    guint         digits_needed;
    const char   *status;
  } cases[] = {
    { "", 0, FALSE, KH_SEARCH_HINT_NONE, 0,
      "No one found. Check the spelling, or add a new person." },
    { "", 0, FALSE, KH_SEARCH_HINT_MORE_DIGITS, 1,
      "Type 1 more digit: an identity code starts with the day and month of birth, for example 0708 for 7 August." },
    { "", 0, FALSE, KH_SEARCH_HINT_MORE_DIGITS, 3,
      "Type 3 more digits: an identity code starts with the day and month of birth, for example 0708 for 7 August." },
    { "", 0, FALSE, KH_SEARCH_HINT_NOT_A_DATE, 0,
      "No birth date starts with these digits. An identity code starts with the day and month of birth, for example 0708 for 7 August." },
    { "1", 1, FALSE, KH_SEARCH_HINT_NONE, 0, "1 person found." },
    { "21", 2, FALSE, KH_SEARCH_HINT_NONE, 0, "2 people found. Enter chooses the highlighted one." },
    { "11", 2, FALSE, KH_SEARCH_HINT_NONE, 0,
      "2 people found. None matches clearly best: choose one with the arrow keys, or type more." },
    { "22222222", 30, FALSE, KH_SEARCH_HINT_NONE, 0,
      "8 shown of 30 people who match. Type more of the name, or the birth date or identity code, to narrow the search." },
    { "22222222", 1000, TRUE, KH_SEARCH_HINT_NONE, 0,
      "8 shown of more than 1000 people who match. Type more of the name, or the birth date or identity code, to narrow the search." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KhClientSearch) search = make_search (cases[i].matches, cases[i].total, cases[i].more);
      g_autofree char *status = NULL;

      search->hint = cases[i].hint;
      search->digits_needed = cases[i].digits_needed;
      status = kh_client_search_dup_status (search);
      g_assert_cmpstr (status, ==, cases[i].status);
    }
}

static void
test_tie_message (void)
{
  g_autoptr(KhClientSearch) two = make_search ("11", 2, FALSE);
  g_autoptr(KhClientSearch) three = make_search ("2221", 4, FALSE);
  g_autoptr(KhClientSearch) one = make_search ("2", 4, FALSE);
  g_autofree char *m2 = kh_client_search_dup_tie_message (two);
  g_autofree char *m3 = kh_client_search_dup_tie_message (three);
  g_autofree char *m1 = kh_client_search_dup_tie_message (one);

  g_assert_cmpstr (m2, ==, "2 people match equally well. Choose one with the arrow keys, or type more of the name or identity code.");
  g_assert_cmpstr (m3, ==, "3 people match equally well. Choose one with the arrow keys, or type more of the name or identity code.");
  g_assert_cmpstr (m1, ==, "More people match than are shown. Type more, or choose the person with the arrow keys.");
}

/* What tells two people of the same name apart, also to a screen reader. */
static void
test_summary (void)
{
  g_autoptr(KhClient) client = kh_client_new ();
  g_autoptr(KhSearchHit) hit = NULL;
  g_autofree char *with_code = NULL;
  g_autofree char *without = NULL;

  client->identity_kind = KH_IDENTITY_CODE;
  client->identity_code = g_strdup ("130806A931X");
  client->birth_date = g_strdup ("2006-08-13");
  client->language = KH_LANGUAGE_SV;
  client->address = g_strdup ("Salainen katu 1");
  client->city = g_strdup ("Helsinki");
  hit = kh_search_hit_new (client, KH_MATCH_PREFIX);
  hit->open_cases = 1;
  with_code = kh_search_hit_dup_summary (hit);
  /* Never an address, nor the city. */
  g_assert_cmpstr (with_code, ==, "130806A**** · born 13.8.2006 · Swedish · open case");

  g_clear_pointer (&client->identity_code, g_free);
  client->identity_kind = KH_IDENTITY_BIRTH_DATE;
  client->language = KH_LANGUAGE_OTHER;
  client->other_language = g_strdup ("arabia");
  client->interpreter = TRUE;
  hit->open_cases = 2;
  without = kh_search_hit_dup_summary (hit);
  g_assert_cmpstr (without, ==, "no identity code · born 13.8.2006 · arabia, interpreter · 2 open cases");

  /* A marked person is said to be marked, wherever the summary is shown. */
  {
    g_autofree char *marked = NULL;

    client->non_disclosure = TRUE;
    hit->open_cases = 0;
    marked = kh_search_hit_dup_summary (hit);
    g_assert_cmpstr (marked, ==, "no identity code · born 13.8.2006 · arabia, interpreter · Non-disclosure marking");
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/search/pick", test_pick);
  g_test_add_func ("/core/search/status", test_status);
  g_test_add_func ("/core/search/tie-message", test_tie_message);
  g_test_add_func ("/core/search/summary", test_summary);

  return g_test_run ();
}
