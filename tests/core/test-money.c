/* test-money.c — euro amounts: parsing what people type, formatting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include <locale.h>

#include "core/kh-money.h"

#define NBSP "\u00a0"

typedef struct
{
  const char   *text;
  KhMoneyStatus status;
  gint64        cents;
} ParseCase;

static const ParseCase parse_cases[] = {
  { "1 234,50", KH_MONEY_OK, 123450 },
  { "1234.5", KH_MONEY_OK, 123450 },
  { "1234,50", KH_MONEY_OK, 123450 },
  { "12 €", KH_MONEY_OK, 1200 },
  { "12€", KH_MONEY_OK, 1200 },
  { "€12", KH_MONEY_OK, 1200 },
  { "12 EUR", KH_MONEY_OK, 1200 },
  { "12 e", KH_MONEY_OK, 1200 },
  { "12", KH_MONEY_OK, 1200 },
  { "0,05", KH_MONEY_OK, 5 },
  { "0", KH_MONEY_OK, 0 },
  { "  412,50 €  ", KH_MONEY_OK, 41250 },
  { "1" NBSP "234" NBSP "567,89" NBSP "€", KH_MONEY_OK, 123456789 },
  { "1\u202f234,00", KH_MONEY_OK, 123400 },
  { "+15,00", KH_MONEY_OK, 1500 },
  { "99 999 999,99", KH_MONEY_OK, G_GINT64_CONSTANT (9999999999) },

  { "", KH_MONEY_EMPTY, 0 },
  { "   ", KH_MONEY_EMPTY, 0 },
  { "€", KH_MONEY_EMPTY, 0 },
  { "-12,00", KH_MONEY_NEGATIVE, 0 },
  { "\u221212,00", KH_MONEY_NEGATIVE, 0 },
  { "- 5 €", KH_MONEY_NEGATIVE, 0 },
  { "12,345", KH_MONEY_DECIMALS, 0 },
  { "1.234,50", KH_MONEY_INVALID, 0 },
  { "1,234.50", KH_MONEY_INVALID, 0 },
  { "12,", KH_MONEY_INVALID, 0 },
  { ",50", KH_MONEY_INVALID, 0 },
  { "12 ,50", KH_MONEY_INVALID, 0 },
  { "1  234", KH_MONEY_INVALID, 0 },
  { "12,5 0", KH_MONEY_INVALID, 0 },
  { "kaksitoista", KH_MONEY_INVALID, 0 },
  { "12a", KH_MONEY_INVALID, 0 },
  { "1e3", KH_MONEY_INVALID, 0 },
  { "12 € 50", KH_MONEY_INVALID, 0 },
  { "100 000 000", KH_MONEY_TOO_LARGE, 0 },
  { "99999999999999999999999", KH_MONEY_TOO_LARGE, 0 },
};

typedef struct
{
  gint64      cents;
  const char *language;
  const char *expected;
} FormatCase;

static const FormatCase format_cases[] = {
  { 123450, "fi", "1" NBSP "234,50" NBSP "€" },
  { 123450, "sv", "1" NBSP "234,50" NBSP "€" },
  { 123450, "en", "€1,234.50" },
  { 41250, "fi", "412,50" NBSP "€" },
  { 5, "fi", "0,05" NBSP "€" },
  { 0, "sv", "0,00" NBSP "€" },
  { 100, "fi", "1,00" NBSP "€" },
  { 100000, "fi", "1" NBSP "000,00" NBSP "€" },
  { 123456789, "sv", "1" NBSP "234" NBSP "567,89" NBSP "€" },
  { G_GINT64_CONSTANT (9999999999), "fi", "99" NBSP "999" NBSP "999,99" NBSP "€" },
  { -2550, "fi", "\u221225,50" NBSP "€" },
};

static void
test_parse (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (parse_cases); i++)
    {
      const ParseCase *c = &parse_cases[i];
      gint64 cents = -1;
      KhMoneyStatus status = kh_money_parse (c->text, &cents);

      if (status != c->status || cents != c->cents)
        g_error ("«%s»: expected %d %" G_GINT64_FORMAT ", got %d %" G_GINT64_FORMAT,
                 c->text, c->status, c->cents, status, cents);
    }
  g_assert_cmpint (kh_money_parse (NULL, NULL), ==, KH_MONEY_EMPTY);
}

static void
test_format (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (format_cases); i++)
    {
      g_autofree char *text = kh_money_format (format_cases[i].cents, format_cases[i].language);

      g_assert_cmpstr (text, ==, format_cases[i].expected);
    }
}

/* What is formatted in Finnish or Swedish reads back the same. */
static void
test_round_trip (void)
{
  const gint64 amounts[] = { 0, 1, 99, 100, 41250, 123450, 100000000, 9999999999 };

  for (guint i = 0; i < G_N_ELEMENTS (amounts); i++)
    {
      g_autofree char *text = kh_money_format (amounts[i], "sv");
      gint64 cents = -1;

      g_assert_cmpint (kh_money_parse (text, &cents), ==, KH_MONEY_OK);
      g_assert_cmpint (cents, ==, amounts[i]);
    }
}

static void
test_messages (void)
{
  for (KhMoneyStatus s = KH_MONEY_OK; s <= KH_MONEY_INVALID; s++)
    g_assert_cmpstr (kh_money_status_message (s), !=, "");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/money/parse", test_parse);
  g_test_add_func ("/money/format", test_format);
  g_test_add_func ("/money/round-trip", test_round_trip);
  g_test_add_func ("/money/messages", test_messages);
  return g_test_run ();
}
