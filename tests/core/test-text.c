/* test-text.c — tests for collation, date parsing and contact details
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "core/kh-records.h"
#include "core/kh-text.h"

static int
sign (int v)
{
  return v < 0 ? -1 : v > 0 ? 1 : 0;
}

/* Names in the expected order, each strictly before the next. */
static const char *const expected_order[] = {
  "Aalto", "Aaltonen", "Ahonen", "anttila", "Anttila",
  "Eklund", "Éklöf", "Ekström", "Ékström",
  "Laine",
  "Müller",            /* ü as y: "myller" */
  "Myllymäki",
  "Mäki", "Mäki Anna", "Mäki-Petäjä", "Mäkinen",
  "Niemi", "Vainio", "Virtanen",
  "Wahlström",         /* W is its own letter after V */
  "Westerlund", "Yli-Hietanen", "Zetterberg",
  "Åberg", "Åström",
  "Æbelø",             /* æ as ä */
  "Ärmänen", "Öhman",
  "Øster",             /* ø as ö */
  "Östman",
};

static void
test_collate_order (void)
{
  for (guint i = 0; i + 1 < G_N_ELEMENTS (expected_order); i++)
    {
      const char *a = expected_order[i];
      const char *b = expected_order[i + 1];

      g_test_message ("%s < %s", a, b);
      g_assert_cmpint (kh_collate_compare (a, b), <, 0);
      g_assert_cmpint (kh_collate_compare (b, a), >, 0);
    }
}

/* Sorting a shuffled list gives the expected order. */
static void
test_collate_sort (void)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  /* A fixed shuffle: every 7th name, wrapping round (7 and 30 are coprime). */
  for (guint i = 0; i < G_N_ELEMENTS (expected_order); i++)
    g_ptr_array_add (names, (gpointer) expected_order[(i * 7) % G_N_ELEMENTS (expected_order)]);

  g_assert_cmpuint (names->len, ==, G_N_ELEMENTS (expected_order));
  for (guint i = 0; i < names->len; i++)
    for (guint j = i + 1; j < names->len; j++)
      if (kh_collate_compare (names->pdata[j], names->pdata[i]) < 0)
        {
          gpointer tmp = names->pdata[i];

          names->pdata[i] = names->pdata[j];
          names->pdata[j] = tmp;
        }

  for (guint i = 0; i < names->len; i++)
    g_assert_cmpstr (names->pdata[i], ==, expected_order[i]);
}

/* Pairs with the expected sign: case and accents are only tie-breakers. */
static void
test_collate_pairs (void)
{
  static const struct { const char *a, *b; int expected; } cases[] = {
    { "Zetterberg", "Åberg", -1 },
    { "Åberg", "Ärmänen", -1 },
    { "Ärmänen", "Öhman", -1 },
    { "zz", "å", -1 },
    { "Virtanen", "Wahlström", -1 },
    { "Vzz", "Wa", -1 },
    { "Öberg", "oberg", 1 },          /* ö is a letter after z, not an o */
    { "MÄKINEN", "mäkinen", 1 },      /* same letters: lower case first */
    { "mäkinen", "MÄKINEN", -1 },
    { "MÄKINEN", "mäkinen-a", -1 },   /* letters before case */
    { "éva", "eva", 1 },
    { "Éva", "evb", -1 },             /* accent is weaker than a letter */
    { "Nyström", "Nüström", -1 },     /* y = ü, and the accent decides */
    { "Nüström", "Nyströn", -1 },
    { "Strauß", "Strauss", 1 },       /* ß as ss */
    { "Strauß", "Strausz", -1 },
    { "Hæggström", "Häggström", 1 },  /* æ = ä */
    { "Hæggström", "Häggströn", -1 },
    { "Mäki", "Mäki", 0 },
    { "", "", 0 },
    { "", "A", -1 },
    { NULL, "A", -1 },
    { NULL, NULL, 0 },
    { "A", NULL, 1 },
    { "Anna 2", "Anna 10", 1 },       /* digits are not numbers */
    { "Иванов", "Öhman", 1 },         /* other scripts after the Nordic letters */
    { "Mäki", "Ma\xcc\x88ki", 1 },    /* decomposed ä equals ä until the last level */
    { "Ma\xcc\x88kinen", "Mäki", 1 },
    { "Ma\xcc\x88kinen", "Mazur", 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s ? %s", cases[i].a ? cases[i].a : "(null)",
                      cases[i].b ? cases[i].b : "(null)");
      g_assert_cmpint (sign (kh_collate_compare (cases[i].a, cases[i].b)), ==, cases[i].expected);
      g_assert_cmpint (sign (kh_collate_compare (cases[i].b, cases[i].a)), ==, -cases[i].expected);
    }
}

/* strcmp of keys has the sign of compare, for every pair of a varied list;
 * equal only for equal strings (a total order). */
static void
test_collate_key_consistent (void)
{
  static const char *const words[] = {
    "", " ", "-", "a", "A", "á", "Á", "ä", "Ä", "a\xcc\x88", "A\xcc\x88", "å", "Å",
    "æ", "Æ", "ö", "Ö", "ø", "Ø", "o", "O", "ó", "ü", "Ü", "y", "Y", "u", "v", "w",
    "W", "z", "ß", "ss", "SS", "sz", "œ", "oe", "0", "9", "10",
    "Mäki", "MÄKI", "mäki", "Mäki-Petäjä", "Mäki Anna", "Mäkinen", "Makinen",
    "Åberg", "Aberg", "Zetterberg", "Wahlström", "Virtanen", "Иванов", "Ivanov",
    "José", "Jose", "JOSÉ", "Łukasz", "Lukasz", "Đorđević", "Dordevic", "Ñúñez",
    "Nunez", "a b", "a  b", "a\tb", "x\xff", "x\xfe", "\xe2\x80\x8b" "a", "a",
  };
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    g_ptr_array_add (keys, kh_collate_key (words[i]));

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    for (guint j = 0; j < G_N_ELEMENTS (words); j++)
      {
        int by_compare = sign (kh_collate_compare (words[i], words[j]));
        int by_key = sign (strcmp (keys->pdata[i], keys->pdata[j]));

        if (by_compare != by_key)
          g_test_message ("'%s' vs '%s': compare %d, key %d", words[i], words[j],
                          by_compare, by_key);
        g_assert_cmpint (by_compare, ==, by_key);
        g_assert_cmpint (by_compare == 0, ==, strcmp (words[i], words[j]) == 0);
      }
}

/* The same property over random strings made of the pieces that exercise
 * every path of the collation: ASCII, Latin-1 letters, decomposed letters
 * with combining marks, ligatures, other scripts, punctuation, invalid
 * bytes. Reproducible with --seed. */
static void
test_collate_key_random (void)
{
  static const char *const pieces[] = {
    "a", "A", "e", "o", "u", "y", "w", "v", "s", "z", "Z", " ", "-", "'", "1", "0",
    "ä", "Ä", "ö", "Ö", "å", "Å", "é", "É", "ü", "æ", "ø", "ß", "œ", "ł", "\xc2\xa0",
    "\xcc\x88", "\xcc\x8a", "\xcc\x81", "a\xcc\x88", "A\xcc\x8a", "o\xcc\x88\xcc\x81",
    "Ж", "ж", "\xe2\x80\x8b", "\xff", "\x01",
  };
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < 600; i++)
    {
      GString *w = g_string_new (NULL);
      guint len = g_test_rand_int_range (0, 7);

      for (guint j = 0; j < len; j++)
        g_string_append (w, pieces[g_test_rand_int_range (0, G_N_ELEMENTS (pieces))]);
      g_ptr_array_add (keys, kh_collate_key (w->str));
      g_ptr_array_add (words, g_string_free (w, FALSE));
    }

  for (guint i = 0; i < words->len; i++)
    for (guint j = i; j < words->len; j += 1 + g_test_rand_int_range (0, 5))
      {
        int by_compare = sign (kh_collate_compare (words->pdata[i], words->pdata[j]));
        int by_key = sign (strcmp (keys->pdata[i], keys->pdata[j]));

        g_assert_cmpint (by_compare, ==, by_key);
        g_assert_cmpint (by_compare, ==, -sign (kh_collate_compare (words->pdata[j], words->pdata[i])));
        g_assert_cmpint (by_compare == 0, ==, strcmp (words->pdata[i], words->pdata[j]) == 0);
      }
}

/* The order does not follow the process locale. */
static void
test_collate_locale_independent (void)
{
  const char *locales[] = { "C", "C.UTF-8", "en_US.UTF-8", "fi_FI.UTF-8", "sv_FI.UTF-8" };
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (locales); i++)
    {
      /* Locales that are not generated on this machine are skipped; C is
       * always there. */
      if (setlocale (LC_ALL, locales[i]) == NULL)
        continue;
      g_assert_cmpint (kh_collate_compare ("Zetterberg", "Åberg"), <, 0);
      g_assert_cmpint (kh_collate_compare ("Virtanen", "Wahlström"), <, 0);
      g_assert_cmpint (kh_collate_compare ("Öhman", "Ärmänen"), >, 0);
    }
  setlocale (LC_ALL, saved);
}

typedef struct
{
  const char *text;
  gboolean    ok;
  guint       day, month, year;
} DateCase;

static void
test_date_parse (void)
{
  static const DateCase cases[] = {
    { "2.4.2026", TRUE, 2, 4, 2026 },
    { "02.04.2026", TRUE, 2, 4, 2026 },
    { "2026-04-02", TRUE, 2, 4, 2026 },
    { "2026-4-2", TRUE, 2, 4, 2026 },
    { " 2.4.2026 ", TRUE, 2, 4, 2026 },
    { "29.2.2024", TRUE, 29, 2, 2024 },
    { "29.2.2000", TRUE, 29, 2, 2000 },
    { "31.12.1899", TRUE, 31, 12, 1899 },
    { "1.1.1800", TRUE, 1, 1, 1800 },
    { "29.2.2025", FALSE },
    { "29.2.1900", FALSE },
    { "31.4.2026", FALSE },
    { "0.4.2026", FALSE },
    { "2.0.2026", FALSE },
    { "2.13.2026", FALSE },
    { "32.1.2026", FALSE },
    { "2.4.26", FALSE },           /* two-digit year */
    { "02.04.26", FALSE },
    { "26-04-02", FALSE },
    { "2.4.026", FALSE },
    { "2.4.20266", FALSE },
    { "2.4.2026.", FALSE },
    { "2.4.", FALSE },
    { "2/4/2026", FALSE },
    { "2026-02-30", FALSE },
    { "2026-04-02T10:00", FALSE },
    { "2026-004-02", FALSE },
    { "002.4.2026", FALSE },
    { "1.1.1799", FALSE },
    { "2. 4. 2026", FALSE },
    { "", FALSE },
    { "   ", FALSE },
    { "huomenna", FALSE },
    { NULL, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate date;

      g_date_clear (&date, 1);
      g_test_message ("'%s'", cases[i].text ? cases[i].text : "(null)");
      g_assert_cmpint (kh_date_parse (cases[i].text, &date), ==, cases[i].ok);
      if (!cases[i].ok)
        continue;
      g_assert_cmpuint (g_date_get_day (&date), ==, cases[i].day);
      g_assert_cmpuint (g_date_get_month (&date), ==, cases[i].month);
      g_assert_cmpuint (g_date_get_year (&date), ==, cases[i].year);
    }
}

static void
test_date_iso (void)
{
  static const struct { const char *iso; gboolean ok; } cases[] = {
    { "2026-04-02", TRUE },
    { "2024-02-29", TRUE },
    { "1800-01-01", TRUE },
    { "2025-02-29", FALSE },
    { "2026-4-2", FALSE },
    { "2026-04-02 ", FALSE },
    { "02.04.2026", FALSE },
    { "2026/04/02", FALSE },
    { "0000-01-01", FALSE },
    { "", FALSE },
    { NULL, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate date;

      g_date_clear (&date, 1);
      g_assert_cmpint (kh_date_from_iso (cases[i].iso, &date), ==, cases[i].ok);
      if (cases[i].ok)
        {
          g_autofree char *back = kh_date_to_iso (&date);

          g_assert_cmpstr (back, ==, cases[i].iso);
        }
    }

  {
    g_autoptr(GDate) d = g_date_new_dmy (2, G_DATE_APRIL, 2026);
    g_autofree char *iso = kh_date_to_iso (d);
    g_autofree char *shown = kh_date_format (d);

    g_assert_cmpstr (iso, ==, "2026-04-02");
    g_assert_cmpstr (shown, ==, "2.4.2026");
  }
  {
    g_autoptr(GDate) d = g_date_new_dmy (31, G_DATE_DECEMBER, 1952);
    g_autofree char *shown = kh_date_format (d);
    GDate back;

    g_assert_cmpstr (shown, ==, "31.12.1952");
    g_assert_true (kh_date_parse (shown, &back));
    g_assert_cmpint (g_date_compare (&back, d), ==, 0);
  }
}

static void
test_phone (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "+358 40 123 4567", "0401234567" },
    { "040-123 4567", "0401234567" },
    { "040 123 4567", "0401234567" },
    { "0401234567", "0401234567" },
    { "+358401234567", "0401234567" },
    { "+358 (0)40 123 4567", "0401234567" },
    { "00358 40 123 4567", "0401234567" },
    { "(09) 310 1234", "093101234" },
    { "+46 8 123 456", "+468123456" },
    { "0046 8 123 456", "+468123456" },
    { "112", NULL },                 /* fewer than five digits */
    { "1234", NULL },
    { "12345", "12345" },
    { "+358 12", NULL },
    { "040 123 4567 ext 5", NULL },
    { "040.123.4567", NULL },
    { "040+1234567", NULL },
    { "++358401234567", NULL },
    { "", NULL },
    { NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = kh_phone_normalize (cases[i].in);

      g_test_message ("'%s'", cases[i].in ? cases[i].in : "(null)");
      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

static void
test_email (void)
{
  static const struct { const char *text; gboolean ok; } cases[] = {
    { "aino.makinen@example.fi", TRUE },
    { "aino+kohtaamo@mail.example.com", TRUE },
    { "a@b.fi", TRUE },
    { "äiti@esimerkki.fi", TRUE },
    { "aino.makinen@example", FALSE },
    { "aino@@example.fi", FALSE },
    { "aino@exa@mple.fi", FALSE },
    { "@example.fi", FALSE },
    { "aino@", FALSE },
    { "aino@.example.fi", FALSE },
    { "aino@example.fi.", FALSE },
    { "aino@example..fi", FALSE },
    { "aino makinen@example.fi", FALSE },
    { "aino@example,fi", FALSE },
    { "aino.@example.fi", FALSE },
    { ".aino@example.fi", FALSE },
    { "ainoexample.fi", FALSE },
    { "", FALSE },
    { NULL, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("'%s'", cases[i].text ? cases[i].text : "(null)");
      g_assert_cmpint (kh_email_is_valid (cases[i].text), ==, cases[i].ok);
    }
}

static void
test_postal_code (void)
{
  g_assert_true (kh_postal_code_is_valid ("00100"));
  g_assert_true (kh_postal_code_is_valid ("99999"));
  g_assert_false (kh_postal_code_is_valid ("0010"));
  g_assert_false (kh_postal_code_is_valid ("001000"));
  g_assert_false (kh_postal_code_is_valid ("00 100"));
  g_assert_false (kh_postal_code_is_valid ("0010a"));
  g_assert_false (kh_postal_code_is_valid (" 00100"));
  g_assert_false (kh_postal_code_is_valid (""));
  g_assert_false (kh_postal_code_is_valid (NULL));
}

static void
test_text_clean (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "Mäkinen", "Mäkinen" },
    { "  Mäkinen  ", "Mäkinen" },
    { "Aino   Maria", "Aino Maria" },
    { "Aino\tMaria\nLiisa", "Aino Maria Liisa" },
    { "Aino\xc2\xa0Maria", "Aino Maria" },    /* no-break space */
    { "Ai\x01no", "Aino" },
    { "", NULL },
    { "   \t\n ", NULL },
    { NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = kh_text_clean (cases[i].in);

      g_assert_cmpstr (out, ==, cases[i].out);
    }

  /* Invalid UTF-8 is repaired, never passed on. */
  {
    g_autofree char *out = kh_text_clean ("M\xe4kinen");

    g_assert_nonnull (out);
    g_assert_true (g_utf8_validate (out, -1, NULL));
  }
}

/* Free text keeps its paragraphs: one empty line between them at most. */
static void
test_clean_note (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "  Asun yksin.  ", "Asun yksin." },
    { "Asun yksin.\nVuokra on  myöhässä.", "Asun yksin.\nVuokra on myöhässä." },
    { "Ensimmäinen.\r\n\r\n\r\n\r\nToinen.", "Ensimmäinen.\n\nToinen." },
    { "Rivi   \n   seuraava\tsana", "Rivi\nseuraava sana" },
    { "\n\n  Alussa tyhjää\n\n", "Alussa tyhjää" },
    { "Vanha Mac\rrivinvaihto", "Vanha Mac\nrivinvaihto" },
    { "Ai\x01no", "Aino" },
    { " \n\t\r\n ", NULL },
    { NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = kh_text_clean_note (cases[i].in);

      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

/* ---- bounded, clean input (issue 5, 1.13) ---- */

typedef struct
{
  const char  *text;
  KhTextKind   kind;
  guint        max;
  int          code;        /* -1: accepted; else the KhTextError */
  const char  *in_message;  /* a piece the English message must hold */
} CheckCase;

static const CheckCase check_cases[] = {
  { NULL, KH_TEXT_LINE, 10, -1, NULL },
  { "Virtanen", KH_TEXT_LINE, 100, -1, NULL },
  { "Åström-Öhman", KH_TEXT_LINE, 100, -1, NULL },
  { "O’Brien d'Artagnan", KH_TEXT_LINE, 100, -1, NULL },
  { "Nguyễn Thị Minh Khai", KH_TEXT_LINE, 100, -1, NULL },       /* combining-free Vietnamese */
  { "Ахмед", KH_TEXT_LINE, 100, -1, NULL },
  { "محمد", KH_TEXT_LINE, 100, -1, NULL },                         /* right-to-left letters are fine */
  { "Vir\u200btanen", KH_TEXT_LINE, 100, KH_TEXT_ERROR_INVISIBLE, "(U+200B) after “Vir”" },
  { "Vir\u200ctanen", KH_TEXT_LINE, 100, KH_TEXT_ERROR_INVISIBLE, "U+200C" },
  { "Vir\u200dtanen", KH_TEXT_LINE, 100, KH_TEXT_ERROR_INVISIBLE, "U+200D" },
  { "Vir\u2060tanen", KH_TEXT_LINE, 100, KH_TEXT_ERROR_INVISIBLE, "U+2060" },
  { "Vir\u00adtanen", KH_TEXT_LINE, 100, KH_TEXT_ERROR_INVISIBLE, "U+00AD" },
  { "\ufeffVirtanen", KH_TEXT_LINE, 100, KH_TEXT_ERROR_INVISIBLE, "(U+FEFF) at the start" },
  { "Virtanen\u2063", KH_TEXT_LINE, 100, KH_TEXT_ERROR_INVISIBLE, "U+2063" },
  { "Vir\u200etanen", KH_TEXT_LINE, 100, KH_TEXT_ERROR_DIRECTION, "U+200E" },
  { "Vir\u200ftanen", KH_TEXT_LINE, 100, KH_TEXT_ERROR_DIRECTION, "U+200F" },
  { "\u202aVirtanen", KH_TEXT_LINE, 100, KH_TEXT_ERROR_DIRECTION, "U+202A" },
  { "\u202eenatriV", KH_TEXT_LINE, 100, KH_TEXT_ERROR_DIRECTION, "U+202E" },
  { "Vir\u2066tanen\u2069", KH_TEXT_LINE, 100, KH_TEXT_ERROR_DIRECTION, "U+2066" },
  { "Virtanen\u2069", KH_TEXT_LINE, 100, KH_TEXT_ERROR_DIRECTION, "U+2069" },
  { "Vir\u061ctanen", KH_TEXT_LINE, 100, KH_TEXT_ERROR_DIRECTION, "U+061C" },
  { "Vir\ntanen", KH_TEXT_LINE, 100, KH_TEXT_ERROR_CONTROL, "U+000A" },
  { "Vir\ttanen", KH_TEXT_LINE, 100, KH_TEXT_ERROR_CONTROL, "U+0009" },
  { "Vir\u2028tanen", KH_TEXT_LINE, 100, KH_TEXT_ERROR_CONTROL, "U+2028" },
  { "Vir\x7ftanen", KH_TEXT_LINE, 100, KH_TEXT_ERROR_CONTROL, "U+007F" },
  { "Rivi yksi\nRivi kaksi\tsarkain", KH_TEXT_NOTE, 100, -1, NULL },
  { "Huom\u200b", KH_TEXT_NOTE, 100, KH_TEXT_ERROR_INVISIBLE, "after “Huom”" },
  { "Huom\x01", KH_TEXT_NOTE, 100, KH_TEXT_ERROR_CONTROL, "U+0001" },
  /* The place is shown with at most 12 characters before it. */
  { "Abcdefghijklmnopqrstuvwxyz\u200b", KH_TEXT_LINE, 100, KH_TEXT_ERROR_INVISIBLE, "after “opqrstuvwxyz”" },
  /* Length counts characters, not bytes: ä is two bytes. */
  { "ääääääääää", KH_TEXT_LINE, 10, -1, NULL },
  { "äääääääääää", KH_TEXT_LINE, 10, KH_TEXT_ERROR_TOO_LONG, "(11 characters; at most 10)" },
  { "abcdefghijk", KH_TEXT_LINE, 0, -1, NULL },
  { "Vir\xfftanen", KH_TEXT_LINE, 100, KH_TEXT_ERROR_ENCODING, "UTF-8" },
};

static void
test_check_field (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (check_cases); i++)
    {
      const CheckCase *c = &check_cases[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) labelled = NULL;
      gboolean ok;

      g_test_message ("case %" G_GSIZE_FORMAT, i);
      ok = kh_text_check_field (NULL, c->text, c->kind, c->max, &error);
      if (c->code < 0)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          continue;
        }
      g_assert_false (ok);
      g_assert_error (error, KH_TEXT_ERROR, c->code);
      g_assert_nonnull (strstr (error->message, c->in_message));
      g_assert_true (g_str_has_prefix (error->message, "The text "));

      /* With a label, the message starts with it. */
      g_assert_false (kh_text_check_field ("Last name", c->text, c->kind, c->max, &labelled));
      g_assert_error (labelled, KH_TEXT_ERROR, c->code);
      g_assert_true (g_str_has_prefix (labelled->message, "Last name: the text "));
    }
}

static void
test_client_check_text (void)
{
  g_autoptr(KhClient) client = kh_client_new ();
  g_autoptr(GError) error = NULL;
  const char *field = NULL;

  client->last_name = g_strdup ("Virtanen");
  client->first_names = g_strdup ("Ville");
  g_assert_true (kh_client_check_text (client, &field, &error));
  g_assert_no_error (error);

  client->representative_contact = g_strdup ("040\u200b 123");
  g_assert_false (kh_client_check_text (client, &field, &error));
  g_assert_cmpstr (field, ==, "representative_contact");
  g_assert_true (g_str_has_prefix (error->message, "Representative’s contact details: "));
  g_clear_error (&error);

  g_free (client->first_names);
  client->first_names = g_strnfill (KH_CLIENT_MAX_FIRST_NAMES + 1, 'a');
  g_assert_false (kh_client_check_text (client, &field, &error));
  g_assert_cmpstr (field, ==, "first_names");
  g_assert_error (error, KH_TEXT_ERROR, KH_TEXT_ERROR_TOO_LONG);
  g_assert_nonnull (strstr (error->message, "(151 characters; at most 150)"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/text/collate-order", test_collate_order);
  g_test_add_func ("/core/text/collate-sort", test_collate_sort);
  g_test_add_func ("/core/text/collate-pairs", test_collate_pairs);
  g_test_add_func ("/core/text/collate-key-consistent", test_collate_key_consistent);
  g_test_add_func ("/core/text/collate-key-random", test_collate_key_random);
  g_test_add_func ("/core/text/collate-locale-independent", test_collate_locale_independent);
  g_test_add_func ("/core/text/date-parse", test_date_parse);
  g_test_add_func ("/core/text/date-iso", test_date_iso);
  g_test_add_func ("/core/text/phone", test_phone);
  g_test_add_func ("/core/text/email", test_email);
  g_test_add_func ("/core/text/postal-code", test_postal_code);
  g_test_add_func ("/core/text/text-clean", test_text_clean);
  g_test_add_func ("/core/text/clean-note", test_clean_note);
  g_test_add_func ("/core/text/check-field", test_check_field);
  g_test_add_func ("/core/text/client-check-text", test_client_check_text);

  return g_test_run ();
}
