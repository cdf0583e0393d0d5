/* kh-money.h — euro amounts in cents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Amounts are gint64 cents, never floating point. Parsing takes what a
 * person in Finland types ("1 234,50", "1234.5", "12 €"); formatting
 * writes the Finnish and Finland-Swedish form "1 234,50 €", with no-break
 * spaces (U+00A0) between the groups of thousands and before the euro
 * sign, so that a line is never broken inside an amount.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The largest amount accepted: 99 999 999,99 €. */
#define KH_MONEY_MAX_CENTS G_GINT64_CONSTANT (9999999999)

typedef enum
{
  KH_MONEY_OK = 0,
  KH_MONEY_EMPTY,
  KH_MONEY_NEGATIVE,
  KH_MONEY_DECIMALS,   /* more than two decimals */
  KH_MONEY_TOO_LARGE,
  KH_MONEY_INVALID,    /* anything else that is not an amount */
} KhMoneyStatus;

/* Parses an amount of euros. Accepted: digits with spaces (also no-break
 * spaces) between groups, one decimal comma or point with one or two
 * decimals, and a euro sign or "EUR" before or after. Not accepted: a
 * minus sign, two decimal separators ("1.234,50"), three decimals. */
KhMoneyStatus  kh_money_parse           (const char    *text,
                                         gint64        *out_cents);
/* A message for the field, in the UI language. */
const char    *kh_money_status_message  (KhMoneyStatus  status);
/* "1 234,50 €" for "fi" and "sv" (no-break spaces); the English source
 * form "€1,234.50" for anything else. Negative amounts get a minus sign
 * (U+2212). */
char          *kh_money_format          (gint64         cents,
                                         const char    *language);

G_END_DECLS
