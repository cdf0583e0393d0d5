/* kh-iban.c — Finnish bank account numbers (IBAN)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules are ISO 13616-1 (structure and check digits, ISO 7064 MOD
 * 97-10) and the Finnish national format (Finanssiala: "FI" + 2 check
 * digits + 14 digits). Income support paid to the client's account goes
 * to this number, so a wrong one is refused at the field rather than found
 * when the payment comes back.
 */
#define G_LOG_DOMAIN "kohtaamo-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kh-iban.h"

#define FI_IBAN_LENGTH 18

/* Copies the letters and digits of `text` in capitals, leaving out spaces,
 * tabs and no-break spaces (U+00A0, U+202F). FALSE if anything else is in
 * it. */
static gboolean
compact (const char *text,
         GString    *out)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == ' ' || c == '\t' || c == 0x00A0 || c == 0x202F)
        continue;
      if (c < 128 && g_ascii_isalnum ((char) c))
        g_string_append_c (out, g_ascii_toupper ((char) c));
      else
        return FALSE;
    }
  return TRUE;
}

/* ISO 7064 MOD 97-10 over the rearranged IBAN, digit by digit so that no
 * big numbers are needed. */
static guint
mod97 (const char *iban)
{
  gsize length = strlen (iban);
  guint remainder = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = iban[(i + 4) % length];

      if (g_ascii_isdigit (c))
        remainder = (remainder * 10 + (guint) (c - '0')) % 97;
      else
        remainder = (remainder * 100 + (guint) (c - 'A' + 10)) % 97;
    }
  return remainder;
}

/**
 * kh_iban_validate:
 * @text: what was typed
 * @out_normalised: (out) (optional): the IBAN without spaces, in capitals
 *
 * Returns: %KH_IBAN_OK or what is wrong, the first problem found: the
 *   characters, the country, the length, the digits, the check digits
 */
KhIbanStatus
kh_iban_validate (const char  *text,
                  char       **out_normalised)
{
  g_autoptr(GString) iban = g_string_new (NULL);

  if (out_normalised != NULL)
    *out_normalised = NULL;
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return text == NULL ? KH_IBAN_EMPTY : KH_IBAN_CHARACTERS;
  if (!compact (text, iban))
    return KH_IBAN_CHARACTERS;
  if (iban->len == 0)
    return KH_IBAN_EMPTY;
  if (iban->len < 2 || !g_str_has_prefix (iban->str, "FI"))
    return KH_IBAN_COUNTRY;
  if (iban->len != FI_IBAN_LENGTH)
    return KH_IBAN_LENGTH;
  for (gsize i = 2; i < iban->len; i++)
    if (!g_ascii_isdigit (iban->str[i]))
      return KH_IBAN_DIGITS;
  /* ISO 13616: check digits are 02–98, and the remainder must be 1. */
  if (g_str_has_prefix (iban->str + 2, "00") || g_str_has_prefix (iban->str + 2, "01")
      || g_str_has_prefix (iban->str + 2, "99") || mod97 (iban->str) != 1)
    return KH_IBAN_CHECK;

  if (out_normalised != NULL)
    *out_normalised = g_strdup (iban->str);
  return KH_IBAN_OK;
}

/**
 * kh_iban_status_message:
 * @status: a #KhIbanStatus
 *
 * Returns: a message for the account-number field, in the UI language
 */
const char *
kh_iban_status_message (KhIbanStatus status)
{
  switch (status)
    {
    case KH_IBAN_OK:
      return _("The account number is valid");
    case KH_IBAN_EMPTY:
      return _("Enter the account number (IBAN)");
    case KH_IBAN_CHARACTERS:
      return _("An account number has only letters, digits and spaces");
    case KH_IBAN_COUNTRY:
      /* Translators: FI is the country code that begins every Finnish IBAN. */
      return _("Only Finnish account numbers can be used: the IBAN must begin with FI");
    case KH_IBAN_LENGTH:
      /* Translators: the official example IBAN; keep it as it is. */
      return _("A Finnish IBAN has 18 characters, for example FI21 1234 5600 0007 85");
    case KH_IBAN_DIGITS:
      return _("After FI, a Finnish IBAN has only digits");
    case KH_IBAN_CHECK:
      return _("The check digits do not match: check the account number digit by digit");
    default:
      break;
    }
  g_return_val_if_reached (_("The account number is not valid"));
}

/**
 * kh_iban_format:
 * @text: an IBAN as typed
 *
 * Returns: (transfer full) (nullable): the IBAN in capitals, in groups of
 *   four separated by spaces, or %NULL if it is not valid
 */
char *
kh_iban_format (const char *text)
{
  g_autofree char *iban = NULL;
  GString *out;

  if (kh_iban_validate (text, &iban) != KH_IBAN_OK)
    return NULL;
  out = g_string_new (NULL);
  for (guint i = 0; iban[i] != '\0'; i++)
    {
      if (i > 0 && i % 4 == 0)
        g_string_append_c (out, ' ');
      g_string_append_c (out, iban[i]);
    }
  return g_string_free (out, FALSE);
}
