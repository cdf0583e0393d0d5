/* kh-iban.h — Finnish bank account numbers (IBAN)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A Finnish IBAN is "FI", two check digits and a 14-digit account number:
 * 18 characters, printed in groups of four ("FI21 1234 5600 0007 85").
 * The check digits are those of ISO 13616 (ISO 7064 MOD 97-10): with the
 * first four characters moved to the end and every letter replaced by two
 * digits (A = 10 … Z = 35), the number leaves remainder 1 when divided by 97.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  KH_IBAN_OK = 0,
  KH_IBAN_EMPTY,
  KH_IBAN_CHARACTERS,  /* something other than letters, digits and spaces */
  KH_IBAN_COUNTRY,     /* does not start with FI */
  KH_IBAN_LENGTH,      /* not 18 characters without the spaces */
  KH_IBAN_DIGITS,      /* a letter after "FI" */
  KH_IBAN_CHECK,       /* the check digits do not match */
} KhIbanStatus;

/* Validates what a person typed: spaces (also no-break spaces) anywhere and
 * lower-case letters are accepted. `out_normalised` (may be NULL) gets the
 * 18 characters in capitals without spaces on KH_IBAN_OK (newly
 * allocated), NULL otherwise. */
KhIbanStatus  kh_iban_validate        (const char   *text,
                                       char        **out_normalised);
/* A message for the field, in the UI language. */
const char   *kh_iban_status_message  (KhIbanStatus  status);
/* A valid IBAN in groups of four with spaces, "FI21 1234 5600 0007 85";
 * NULL if `text` is not a valid Finnish IBAN. */
char         *kh_iban_format          (const char   *text);

G_END_DECLS
