/* kh-money.c — euro amounts in cents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Finnish and Finland-Swedish way of writing amounts (Kielitoimiston
 * ohjepankki; Svenska skrivregler, Institutet för de inhemska språken):
 * a decimal comma, a space between groups of three digits, and the euro
 * sign after the amount with a space: "1 234,50 €". People also type a
 * decimal point (it is on the numeric keypad), so both are read.
 */
#define G_LOG_DOMAIN "kohtaamo-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kh-money.h"

#define NBSP "\xc2\xa0"

static gboolean
is_space (gunichar c)
{
  return c == ' ' || c == '\t' || c == 0x00A0 || c == 0x202F || c == 0x2009;
}

static void
trim_spaces (GString *s)
{
  while (s->len > 0 && is_space (g_utf8_get_char (s->str)))
    g_string_erase (s, 0, g_utf8_next_char (s->str) - s->str);
  while (s->len > 0)
    {
      const char *last = g_utf8_find_prev_char (s->str, s->str + s->len);

      if (!is_space (g_utf8_get_char (last)))
        break;
      g_string_truncate (s, last - s->str);
    }
}

/* Removes a euro sign or "EUR" at either end of `s` (already without
 * spaces at its ends). */
static void
strip_currency (GString *s)
{
  static const char *const signs[] = { "\xe2\x82\xac", "EUR", "eur", "e" };

  for (guint i = 0; i < G_N_ELEMENTS (signs); i++)
    {
      gsize n = strlen (signs[i]);

      if (s->len >= n && strcmp (s->str + s->len - n, signs[i]) == 0)
        {
          g_string_truncate (s, s->len - n);
          return;
        }
      if (s->len >= n && strncmp (s->str, signs[i], n) == 0 && i < 3)
        {
          g_string_erase (s, 0, n);
          return;
        }
    }
}

/**
 * kh_money_parse:
 * @text: what was typed
 * @out_cents: (out) (optional): the amount in cents on %KH_MONEY_OK, else 0
 *
 * Examples: "1 234,50" and "1234.5" are 123450 cents; "12 €" is 1200;
 * "0,05" is 5.
 *
 * Returns: %KH_MONEY_OK or what is wrong
 */
KhMoneyStatus
kh_money_parse (const char *text,
                gint64     *out_cents)
{
  g_autoptr(GString) s = g_string_new (NULL);
  gint64 euros = 0, cents = 0;
  guint digits = 0, decimals = 0;
  gboolean separator = FALSE, space_pending = FALSE;
  const char *p;

  if (out_cents != NULL)
    *out_cents = 0;
  if (text == NULL)
    return KH_MONEY_EMPTY;
  if (!g_utf8_validate (text, -1, NULL))
    return KH_MONEY_INVALID;

  /* Spaces of every kind at the ends, then a currency sign and the spaces
   * between it and the number. */
  g_string_assign (s, text);
  trim_spaces (s);
  strip_currency (s);
  trim_spaces (s);
  if (s->len == 0)
    return KH_MONEY_EMPTY;
  if (s->str[0] == '-' || g_str_has_prefix (s->str, "\xe2\x88\x92"))
    return KH_MONEY_NEGATIVE;
  if (s->str[0] == '+')
    g_string_erase (s, 0, 1);
  /* "1.234,50" and "1,234.50": a thousands separator other than a space
   * cannot be told from a decimal one, so neither is guessed. */
  if (strchr (s->str, ',') != NULL && strchr (s->str, '.') != NULL)
    return KH_MONEY_INVALID;

  for (p = s->str; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= '0' && c <= '9')
        {
          space_pending = FALSE;
          if (separator)
            {
              if (++decimals > 2)
                {
                  /* Only zeros after the second decimal are still three
                   * decimals as typed: refuse them all alike. */
                  return KH_MONEY_DECIMALS;
                }
              cents = cents * 10 + (c - '0');
            }
          else
            {
              euros = euros * 10 + (c - '0');
              digits++;
              if (euros > KH_MONEY_MAX_CENTS / 100)
                return KH_MONEY_TOO_LARGE;
            }
        }
      else if (is_space (c))
        {
          /* A space only between digits of the whole euros. */
          if (separator || digits == 0 || space_pending)
            return KH_MONEY_INVALID;
          space_pending = TRUE;
        }
      else if (c == ',' || c == '.')
        {
          if (separator || digits == 0 || space_pending)
            return KH_MONEY_INVALID;
          separator = TRUE;
        }
      else
        return KH_MONEY_INVALID;
    }
  if (digits == 0 || space_pending || (separator && decimals == 0))
    return KH_MONEY_INVALID;
  if (decimals == 1)
    cents *= 10;

  if (out_cents != NULL)
    *out_cents = euros * 100 + cents;
  return KH_MONEY_OK;
}

/**
 * kh_money_status_message:
 * @status: a #KhMoneyStatus
 *
 * Returns: a message for an amount field, in the UI language
 */
const char *
kh_money_status_message (KhMoneyStatus status)
{
  switch (status)
    {
    case KH_MONEY_OK:
      return _("The amount is valid");
    case KH_MONEY_EMPTY:
      return _("Enter the amount in euros");
    case KH_MONEY_NEGATIVE:
      return _("The amount cannot be negative");
    case KH_MONEY_DECIMALS:
      return _("An amount has at most two decimals (cents)");
    case KH_MONEY_TOO_LARGE:
      return _("The amount is too large");
    case KH_MONEY_INVALID:
      /* Translators: examples of amounts the field accepts; use the decimal
       * separator of your language. */
      return _("Type the amount in euros, for example 1 234,50 or 12");
    default:
      break;
    }
  g_return_val_if_reached (_("The amount is not valid"));
}

/* The whole euros with `group` between groups of three digits. */
static void
append_grouped (GString    *out,
                guint64     euros,
                const char *group)
{
  char digits[32];
  gsize n;

  g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, euros);
  n = strlen (digits);
  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append (out, group);
      g_string_append_c (out, digits[i]);
    }
}

/**
 * kh_money_format:
 * @cents: the amount in cents
 * @language: the document's or the UI's language: "fi", "sv" or another
 *
 * Returns: (transfer full): "1 234,50 €" (no-break spaces) in Finnish and
 *   Swedish, "€1,234.50" otherwise
 */
char *
kh_money_format (gint64      cents,
                 const char *language)
{
  GString *out = g_string_new (NULL);
  gboolean nordic = g_strcmp0 (language, "fi") == 0 || g_strcmp0 (language, "sv") == 0;
  guint64 magnitude = cents < 0 ? (guint64) 0 - (guint64) cents : (guint64) cents;

  if (cents < 0)
    g_string_append (out, "\xe2\x88\x92");   /* U+2212 MINUS SIGN */
  if (!nordic)
    g_string_append (out, "\xe2\x82\xac");
  append_grouped (out, magnitude / 100, nordic ? NBSP : ",");
  g_string_append_printf (out, "%s%02u", nordic ? "," : ".", (guint) (magnitude % 100));
  if (nordic)
    g_string_append (out, NBSP "\xe2\x82\xac");
  return g_string_free (out, FALSE);
}
