/* test-hetu.c — tests for Finnish personal identity codes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only test codes and made-up codes with individual numbers 900–999 appear
 * here, apart from the classic published example 131052-308T.
 */
#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "core/kh-hetu.h"

/* A fixed "today" so that the future-date tests do not age. */
static GDate *
fixed_today (void)
{
  return g_date_new_dmy (22, G_DATE_NOVEMBER, 2026);
}

/* The check character computed here independently of kh_hetu_check_char,
 * straight from the decree's description. */
static char
reference_check (const char *code)
{
  static const char alphabet[] = "0123456789ABCDEFHJKLMNPRSTUVWXY";
  char nine[10];
  guint64 n;

  memcpy (nine, code, 6);
  memcpy (nine + 6, code + 7, 3);
  nine[9] = '\0';
  n = g_ascii_strtoull (nine, NULL, 10);
  return alphabet[n % 31];
}

typedef struct
{
  const char *code;
  guint       day, month, year;
  gboolean    temporary;
} ValidCase;

/* domain-law.md 5.2: every DVV example and test code. */
static const ValidCase dvv_codes[] = {
  { "131052-308T", 13, 10, 1952, FALSE },
  { "100190-999P", 10, 1, 1990, TRUE },
  { "100190Y999P", 10, 1, 1990, TRUE },
  { "010190-999W", 1, 1, 1990, TRUE },
  { "010594Y9021", 1, 5, 1994, TRUE },
  { "010594Y9032", 1, 5, 1994, TRUE },
  { "020594X903P", 2, 5, 1994, TRUE },
  { "020594X902N", 2, 5, 1994, TRUE },
  { "030594W903B", 3, 5, 1994, TRUE },
  { "030694W9024", 3, 6, 1994, TRUE },
  { "040594V9030", 4, 5, 1994, TRUE },
  { "040594V902Y", 4, 5, 1994, TRUE },
  { "050594U903M", 5, 5, 1994, TRUE },
  { "050594U902L", 5, 5, 1994, TRUE },
  { "010516B903X", 1, 5, 2016, TRUE },
  { "010516B902W", 1, 5, 2016, TRUE },
  { "020516C903K", 2, 5, 2016, TRUE },
  { "030516D9037", 3, 5, 2016, TRUE },
  { "010501E9032", 1, 5, 2001, TRUE },
  { "020503F9037", 2, 5, 2003, TRUE },
  { "020504A902E", 2, 5, 2004, TRUE },
  { "020504B904H", 2, 5, 2004, TRUE },
};

static void
test_dvv_codes (void)
{
  g_autoptr(GDate) today = fixed_today ();

  for (guint i = 0; i < G_N_ELEMENTS (dvv_codes); i++)
    {
      const ValidCase *c = &dvv_codes[i];
      GDate birth;
      gboolean temporary = !c->temporary;
      KhHetuStatus status;

      g_date_clear (&birth, 1);
      status = kh_hetu_validate (c->code, today, &birth, &temporary);
      g_test_message ("%s", c->code);
      g_assert_cmpint (status, ==, KH_HETU_OK);
      g_assert_true (g_date_valid (&birth));
      g_assert_cmpuint (g_date_get_day (&birth), ==, c->day);
      g_assert_cmpuint (g_date_get_month (&birth), ==, c->month);
      g_assert_cmpuint (g_date_get_year (&birth), ==, c->year);
      g_assert_cmpint (temporary, ==, c->temporary);
      g_assert_cmpint (kh_hetu_validate (c->code, NULL, NULL, NULL), ==, KH_HETU_OK);
    }
}

/* The warning in domain-law.md: a published example with a wrong check
 * character. */
static void
test_known_bad_example (void)
{
  g_autoptr(GDate) today = fixed_today ();

  g_assert_cmpint (kh_hetu_validate ("010190-999K", today, NULL, NULL), ==, KH_HETU_CHECK);
  g_assert_cmpint (kh_hetu_check_char (10190999), ==, 'W');
  g_assert_cmpint (kh_hetu_check_char (131052308), ==, 'T');
}

/* Every century sign gives its century, and the sign is never ignored:
 * the same digits under two signs are two valid codes (two people). */
static void
test_century_signs (void)
{
  static const struct { char sign; guint year; } signs[] = {
    { '+', 1890 },
    { '-', 1990 }, { 'Y', 1990 }, { 'X', 1990 }, { 'W', 1990 }, { 'V', 1990 }, { 'U', 1990 },
    { 'A', 2090 }, { 'B', 2090 }, { 'C', 2090 }, { 'D', 2090 }, { 'E', 2090 }, { 'F', 2090 },
  };
  g_autoptr(GDate) today = g_date_new_dmy (1, G_DATE_JANUARY, 2095);

  for (guint i = 0; i < G_N_ELEMENTS (signs); i++)
    {
      char code[12];
      GDate birth;

      g_snprintf (code, sizeof code, "150690%c950_", signs[i].sign);
      code[10] = reference_check (code);
      g_test_message ("%s", code);
      g_assert_cmpint (kh_hetu_validate (code, today, &birth, NULL), ==, KH_HETU_OK);
      g_assert_cmpuint (g_date_get_year (&birth), ==, signs[i].year);
      g_assert_cmpuint (g_date_get_month (&birth), ==, 6);
      g_assert_cmpuint (g_date_get_day (&birth), ==, 15);
    }

  /* Characters that are not century signs, including the lower-case forms
   * of real ones (reported as lower case) and letters after F. */
  {
    static const struct { const char *code; KhHetuStatus status; } bad[] = {
      { "150690G950H", KH_HETU_CENTURY_SIGN },
      { "150690Z950H", KH_HETU_CENTURY_SIGN },
      { "150690*950H", KH_HETU_CENTURY_SIGN },
      { "150690 950H", KH_HETU_CENTURY_SIGN },
      { "150690/950H", KH_HETU_CENTURY_SIGN },
      { "15069009500", KH_HETU_CENTURY_SIGN },
      { "150690a950H", KH_HETU_LOWERCASE },
      { "150690y950H", KH_HETU_LOWERCASE },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_test_message ("%s", bad[i].code);
        g_assert_cmpint (kh_hetu_validate (bad[i].code, today, NULL, NULL), ==, bad[i].status);
      }
  }
}

/* Every wrong check character of a few codes is refused, including the
 * letters left out of the alphabet (G, I, O, Q, Z). */
static void
test_wrong_check_characters (void)
{
  static const char *bases[] = {
    "131052-308T", "100190Y999P", "010594Y9021", "020504B904H", "010100+900F",
  };
  static const char candidates[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  g_autoptr(GDate) today = fixed_today ();

  for (guint i = 0; i < G_N_ELEMENTS (bases); i++)
    {
      guint accepted = 0;

      for (const char *c = candidates; *c != '\0'; c++)
        {
          char code[12];
          KhHetuStatus status;

          g_strlcpy (code, bases[i], sizeof code);
          code[10] = *c;
          status = kh_hetu_validate (code, today, NULL, NULL);
          if (*c == bases[i][10])
            {
              g_assert_cmpint (status, ==, KH_HETU_OK);
              accepted++;
            }
          else
            g_assert_cmpint (status, ==, KH_HETU_CHECK);
        }
      g_assert_cmpuint (accepted, ==, 1);
    }

  /* A typical single-digit typing error. */
  g_assert_cmpint (kh_hetu_validate ("131052-309T", today, NULL, NULL), ==, KH_HETU_CHECK);
  g_assert_cmpint (kh_hetu_validate ("131025-308T", today, NULL, NULL), ==, KH_HETU_CHECK);
}

typedef struct
{
  const char   *prefix;    /* DDMMYYC; completed with 950 and the right check */
  KhHetuStatus  status;
} DateCase;

/* Impossible dates, and the leap-year rule per century. */
static const DateCase date_cases[] = {
  { "310490-", KH_HETU_DATE },       /* 31 April */
  { "310690Y", KH_HETU_DATE },       /* 31 June */
  { "310990A", KH_HETU_DATE },       /* 31 September (2090 too, but date first) */
  { "311190+", KH_HETU_DATE },       /* 31 November */
  { "000190-", KH_HETU_DATE },       /* day 0 */
  { "320190-", KH_HETU_DATE },
  { "010090-", KH_HETU_DATE },       /* month 0 */
  { "011390-", KH_HETU_DATE },       /* month 13 */
  { "300290-", KH_HETU_DATE },
  /* 29 February in years that are not leap years, in every century. */
  { "290201+", KH_HETU_DATE },       /* 1801 */
  { "290200+", KH_HETU_DATE },       /* 1800: divisible by 100, not by 400 */
  { "290200-", KH_HETU_DATE },       /* 1900 */
  { "290200U", KH_HETU_DATE },       /* 1900 */
  { "290299-", KH_HETU_DATE },       /* 1999 */
  { "290223A", KH_HETU_DATE },       /* 2023 */
  { "290201F", KH_HETU_DATE },       /* 2001 */
  /* … and in leap years. */
  { "290200A", KH_HETU_OK },         /* 2000: divisible by 400 */
  { "290200E", KH_HETU_OK },
  { "290296+", KH_HETU_OK },         /* 1896 */
  { "290296-", KH_HETU_OK },         /* 1996 */
  { "290296X", KH_HETU_OK },
  { "290224B", KH_HETU_OK },         /* 2024 */
  { "310190-", KH_HETU_OK },
  { "300490-", KH_HETU_OK },
};

static void
test_impossible_dates (void)
{
  g_autoptr(GDate) today = fixed_today ();

  for (guint i = 0; i < G_N_ELEMENTS (date_cases); i++)
    {
      char code[12];

      g_snprintf (code, sizeof code, "%s950_", date_cases[i].prefix);
      code[10] = reference_check (code);
      g_test_message ("%s", code);
      g_assert_cmpint (kh_hetu_validate (code, today, NULL, NULL), ==, date_cases[i].status);
    }
}

/* Relative to a fixed today, 22 November 2026. */
static void
test_future_dates (void)
{
  static const DateCase cases[] = {
    { "221126A", KH_HETU_OK },       /* born today */
    { "211126B", KH_HETU_OK },       /* yesterday */
    { "231126A", KH_HETU_FUTURE },   /* tomorrow */
    { "010127A", KH_HETU_FUTURE },
    { "010190A", KH_HETU_FUTURE },   /* 2090, where 1990 was meant: wrong sign */
    { "010190-", KH_HETU_OK },
    { "221126-", KH_HETU_OK },       /* 1926 */
  };
  g_autoptr(GDate) today = fixed_today ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char code[12];

      g_snprintf (code, sizeof code, "%s950_", cases[i].prefix);
      code[10] = reference_check (code);
      g_test_message ("%s", code);
      g_assert_cmpint (kh_hetu_validate (code, today, NULL, NULL), ==, cases[i].status);
    }

  /* With NULL, the real date is used: 2099 is always in the future here. */
  {
    char code[12] = "010199A950_";

    code[10] = reference_check (code);
    g_assert_cmpint (kh_hetu_validate (code, NULL, NULL, NULL), ==, KH_HETU_FUTURE);
  }
}

static void
test_shape (void)
{
  static const struct { const char *code; KhHetuStatus status; } cases[] = {
    { NULL, KH_HETU_EMPTY },
    { "", KH_HETU_EMPTY },
    { "131052-308", KH_HETU_LENGTH },
    { "131052-308TT", KH_HETU_LENGTH },
    { " 131052-308T", KH_HETU_LENGTH },
    { "131052-308T ", KH_HETU_LENGTH },
    { "13105-2308T", KH_HETU_FORMAT },
    { "131052 308T", KH_HETU_CENTURY_SIGN },
    { "131052", KH_HETU_LENGTH },
    { "131052-308t", KH_HETU_LOWERCASE },
    { "100190y999P", KH_HETU_LOWERCASE },
    { "100190Y999p", KH_HETU_LOWERCASE },
    { "020504a902E", KH_HETU_LOWERCASE },
    { "020504A902e", KH_HETU_LOWERCASE },
    { "1310S2-308T", KH_HETU_FORMAT },
    { "131052-3O8T", KH_HETU_FORMAT },
    { "131052-308Ä", KH_HETU_FORMAT },   /* 11 characters, 12 bytes */
    { "131052-308-", KH_HETU_FORMAT },
    { "13.10.52-30", KH_HETU_FORMAT },
  };
  g_autoptr(GDate) today = fixed_today ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gboolean temporary = TRUE;
      GDate birth;

      g_date_clear (&birth, 1);
      g_test_message ("%s", cases[i].code ? cases[i].code : "(null)");
      g_assert_cmpint (kh_hetu_validate (cases[i].code, today, &birth, &temporary), ==,
                       cases[i].status);
      /* Nothing is written on failure. */
      g_assert_false (g_date_valid (&birth));
      g_assert_true (temporary);
    }
}

/* Individual numbers 000 and 001 are never given; 002 is the first. */
static void
test_individual_number (void)
{
  static const struct { const char *nnn; KhHetuStatus status; gboolean temporary; } cases[] = {
    { "000", KH_HETU_INDIVIDUAL, FALSE },
    { "001", KH_HETU_INDIVIDUAL, FALSE },
    { "002", KH_HETU_OK, FALSE },
    { "899", KH_HETU_OK, FALSE },
    { "900", KH_HETU_OK, TRUE },
    { "950", KH_HETU_OK, TRUE },
    { "999", KH_HETU_OK, TRUE },
  };
  g_autoptr(GDate) today = fixed_today ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char code[12];
      gboolean temporary = !cases[i].temporary;

      g_snprintf (code, sizeof code, "131052-%s_", cases[i].nnn);
      code[10] = reference_check (code);
      g_test_message ("%s", code);
      g_assert_cmpint (kh_hetu_validate (code, today, NULL, &temporary), ==, cases[i].status);
      if (cases[i].status == KH_HETU_OK)
        g_assert_cmpint (temporary, ==, cases[i].temporary);
    }
}

static void
test_messages (void)
{
  for (KhHetuStatus s = KH_HETU_OK; s <= KH_HETU_CHECK; s++)
    {
      const char *message = kh_hetu_status_message (s);

      g_assert_nonnull (message);
      g_assert_cmpuint (strlen (message), >, 10);
      for (KhHetuStatus t = KH_HETU_OK; t < s; t++)
        g_assert_cmpstr (message, !=, kh_hetu_status_message (t));
    }
  g_assert_nonnull (strstr (kh_hetu_status_message (KH_HETU_CHECK), "last character"));
}

static void
test_mask (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "131052-308T", "131052-****" },
    { "100190Y999P", "100190Y****" },
    { "020504B904H", "020504B****" },
    { "1310", "1310" },
    { "131052-30", "131052***" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *masked = kh_hetu_mask (cases[i].in);

      g_assert_cmpstr (masked, ==, cases[i].out);
    }
}

/* make() round-trips through validate() for every sign and many dates. */
static void
test_make (void)
{
  static const char signs[] = "+-YXWVUABCDEF";
  g_autoptr(GDate) today = g_date_new_dmy (31, G_DATE_DECEMBER, 2099);
  GDate date;

  g_date_clear (&date, 1);
  for (guint year = 1800; year <= 2099; year += 7)
    for (guint month = 1; month <= 12; month += 5)
      {
        g_date_set_dmy (&date, month == 1 ? 31 : 28, month, year);
        for (guint individual = 2; individual <= 999; individual += 137)
          {
            g_autofree char *made = kh_hetu_make (&date, individual, 0);
            GDate birth;
            gboolean temporary;

            g_assert_nonnull (made);
            g_assert_cmpint (kh_hetu_validate (made, today, &birth, &temporary), ==, KH_HETU_OK);
            g_assert_cmpint (g_date_compare (&birth, &date), ==, 0);
            g_assert_cmpint (temporary, ==, individual >= 900);
            g_assert_cmpint (made[10], ==, reference_check (made));
          }
      }

  /* The default signs, and an explicit sign of the right century. */
  g_date_set_dmy (&date, 13, 10, 1952);
  {
    g_autofree char *a = kh_hetu_make (&date, 308, 0);
    g_autofree char *b = kh_hetu_make (&date, 308, 'Y');

    g_assert_cmpstr (a, ==, "131052-308T");
    g_assert_cmpstr (b, ==, "131052Y308T");
  }
  g_date_set_dmy (&date, 2, 5, 2004);
  {
    g_autofree char *a = kh_hetu_make (&date, 902, 0);
    g_autofree char *b = kh_hetu_make (&date, 904, 'B');

    g_assert_cmpstr (a, ==, "020504A902E");
    g_assert_cmpstr (b, ==, "020504B904H");
  }
  g_date_set_dmy (&date, 1, 1, 1800);
  {
    g_autofree char *a = kh_hetu_make (&date, 900, 0);

    g_assert_cmpstr (a, ==, "010100+900F");
  }

  for (const char *s = signs; *s != '\0'; s++)
    {
      guint year = *s == '+' ? 1850 : (*s >= 'A' && *s <= 'F') ? 2010 : 1950;
      g_autofree char *made = NULL;

      g_date_set_dmy (&date, 1, 1, year);
      made = kh_hetu_make (&date, 950, *s);
      g_assert_nonnull (made);
      g_assert_cmpint (made[6], ==, *s);
      g_assert_cmpint (kh_hetu_validate (made, today, NULL, NULL), ==, KH_HETU_OK);
    }
}

/* A sign of the wrong century is a programming error, caught loudly. */
static void
test_make_wrong_sign (void)
{
  GDate date;
  char *made;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, 1, 1990);
  g_test_expect_message ("kohtaamo-core", G_LOG_LEVEL_CRITICAL, "*century_of_sign*");
  made = kh_hetu_make (&date, 950, 'A');
  g_test_assert_expected_messages ();
  g_assert_null (made);
}

static void
test_looks_like (void)
{
  static const struct { const char *text; gboolean expected; } cases[] = {
    { "131052-308T", TRUE },
    { "131052-308t", TRUE },
    { " 131052-308T ", TRUE },
    { "131052", TRUE },
    { "131052-", TRUE },
    { "131052a", TRUE },
    { "100190Y9", TRUE },
    { "131052-30", TRUE },
    { "13105", FALSE },
    { "0401234567", FALSE },       /* a phone number: month 01, then digits */
    { "321052", FALSE },
    { "131352", FALSE },
    { "131052G", FALSE },
    { "131052-3a8", FALSE },
    { "131052-308TT", FALSE },
    { "Mäkinen", FALSE },
    { "", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("'%s'", cases[i].text);
      g_assert_cmpint (kh_hetu_looks_like (cases[i].text), ==, cases[i].expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/hetu/dvv-test-codes", test_dvv_codes);
  g_test_add_func ("/core/hetu/known-bad-example", test_known_bad_example);
  g_test_add_func ("/core/hetu/century-signs", test_century_signs);
  g_test_add_func ("/core/hetu/wrong-check-characters", test_wrong_check_characters);
  g_test_add_func ("/core/hetu/impossible-dates", test_impossible_dates);
  g_test_add_func ("/core/hetu/future-dates", test_future_dates);
  g_test_add_func ("/core/hetu/shape", test_shape);
  g_test_add_func ("/core/hetu/individual-number", test_individual_number);
  g_test_add_func ("/core/hetu/messages", test_messages);
  g_test_add_func ("/core/hetu/mask", test_mask);
  g_test_add_func ("/core/hetu/make", test_make);
  g_test_add_func ("/core/hetu/make-wrong-sign", test_make_wrong_sign);
  g_test_add_func ("/core/hetu/looks-like", test_looks_like);

  return g_test_run ();
}
