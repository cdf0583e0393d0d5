/* test-iban.c — Finnish IBAN validation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * FI21 1234 5600 0007 85 and FI14 1009 3000 1234 58 are the published
 * example numbers; the others were made from made-up account numbers, their
 * check digits worked out separately (98 − the remainder of BBAN + "151800"
 * divided by 97). None is a real person's account.
 */
#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "core/kh-iban.h"

typedef struct
{
  const char  *text;
  KhIbanStatus status;
  const char  *formatted;   /* KH_IBAN_OK only */
} Case;

static const Case cases[] = {
  { "FI21 1234 5600 0007 85", KH_IBAN_OK, "FI21 1234 5600 0007 85" },
  { "FI2112345600000785", KH_IBAN_OK, "FI21 1234 5600 0007 85" },
  { "fi21 1234 5600 0007 85", KH_IBAN_OK, "FI21 1234 5600 0007 85" },
  { "  FI21 12345600 000785 ", KH_IBAN_OK, "FI21 1234 5600 0007 85" },
  { "FI21\u00a01234\u00a05600\u00a00007\u00a085", KH_IBAN_OK, "FI21 1234 5600 0007 85" },
  { "FI14 1009 3000 1234 58", KH_IBAN_OK, "FI14 1009 3000 1234 58" },
  { "FI09 8000 1700 0000 01", KH_IBAN_OK, "FI09 8000 1700 0000 01" },
  { "FI40 4005 5010 0000 01", KH_IBAN_OK, "FI40 4005 5010 0000 01" },
  { "FI52 5799 9010 0000 13", KH_IBAN_OK, "FI52 5799 9010 0000 13" },
  { "FI57 9999 9999 9999 99", KH_IBAN_OK, "FI57 9999 9999 9999 99" },

  { "", KH_IBAN_EMPTY, NULL },
  { "   ", KH_IBAN_EMPTY, NULL },
  { "FI21-1234-5600-0007-85", KH_IBAN_CHARACTERS, NULL },
  { "FI21 1234 5600 0007 85.", KH_IBAN_CHARACTERS, NULL },
  { "FÌ21 1234 5600 0007 85", KH_IBAN_CHARACTERS, NULL },
  /* The Swedish and German published examples: valid IBANs, not Finnish. */
  { "SE45 5000 0000 0583 9825 7466", KH_IBAN_COUNTRY, NULL },
  { "DE89 3704 0044 0532 0130 00", KH_IBAN_COUNTRY, NULL },
  { "12345600000785", KH_IBAN_COUNTRY, NULL },
  { "F", KH_IBAN_COUNTRY, NULL },
  { "FI21 1234 5600 0007 8", KH_IBAN_LENGTH, NULL },
  { "FI21 1234 5600 0007 855", KH_IBAN_LENGTH, NULL },
  { "FI", KH_IBAN_LENGTH, NULL },
  { "FI21 1234 5600 0007 8X", KH_IBAN_DIGITS, NULL },
  { "FIAB 1234 5600 0007 85", KH_IBAN_DIGITS, NULL },
  /* One digit wrong, two digits swapped, the check digits wrong. */
  { "FI21 1234 5600 0007 86", KH_IBAN_CHECK, NULL },
  { "FI21 2134 5600 0007 85", KH_IBAN_CHECK, NULL },
  { "FI22 1234 5600 0007 85", KH_IBAN_CHECK, NULL },
  /* Check digits 00, 01 and 99 are never issued (ISO 13616). */
  { "FI00 1234 5600 0007 85", KH_IBAN_CHECK, NULL },
};

static void
test_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];
      g_autofree char *normalised = NULL;
      g_autofree char *formatted = kh_iban_format (c->text);
      KhIbanStatus status = kh_iban_validate (c->text, &normalised);

      if (status != c->status)
        g_error ("«%s»: expected status %d, got %d", c->text, c->status, status);
      g_assert_cmpstr (formatted, ==, c->formatted);
      if (c->status == KH_IBAN_OK)
        {
          g_assert_cmpuint (strlen (normalised), ==, 18);
          g_assert_true (g_str_has_prefix (normalised, "FI"));
        }
      else
        g_assert_null (normalised);
    }
  g_assert_cmpint (kh_iban_validate (NULL, NULL), ==, KH_IBAN_EMPTY);
}

static void
test_messages (void)
{
  for (KhIbanStatus s = KH_IBAN_OK; s <= KH_IBAN_CHECK; s++)
    {
      const char *message = kh_iban_status_message (s);

      g_assert_nonnull (message);
      g_assert_cmpstr (message, !=, "");
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/iban/table", test_table);
  g_test_add_func ("/iban/messages", test_messages);
  return g_test_run ();
}
