/* kh-hetu.c — Finnish personal identity codes (henkilötunnus / personbeteckning)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules are those of VN asetus 128/2010, 2 § as amended by 690/2022 (in
 * force since 1 January 2023); see domain-law.md section 5. The validation
 * is exact on purpose: a code is an identifier, and "fixing" what a person
 * typed (trimming, upper-casing, swapping a century sign) could turn one
 * person's code into another's. Since 2023 two codes that differ only in the
 * century sign belong to two different people (100190-999P, 100190Y999P).
 */
#define G_LOG_DOMAIN "kohtaamo-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kh-hetu.h"

#define HETU_LENGTH 11

/* The check alphabet leaves out G, I, O, Q and Z, which are easy to confuse
 * with digits or with each other when read aloud or handwritten. */
static const char check_alphabet[] = "0123456789ABCDEFHJKLMNPRSTUVWXY";

/* Maps a century sign to the first year of its century, or 0 if the
 * character is no century sign. The 1900s have six signs and the 2000s six
 * since 690/2022; '+' is the only sign for the 1800s. */
static guint
century_of_sign (char sign)
{
  switch (sign)
    {
    case '+':
      return 1800;
    case '-': case 'Y': case 'X': case 'W': case 'V': case 'U':
      return 1900;
    case 'A': case 'B': case 'C': case 'D': case 'E': case 'F':
      return 2000;
    default:
      return 0;
    }
}

static inline gboolean
is_digit (char c)
{
  return c >= '0' && c <= '9';
}

/* Reads n ASCII digits that the caller has already checked. */
static guint
digits_value (const char *s,
              guint       n)
{
  guint v = 0;

  for (guint i = 0; i < n; i++)
    v = v * 10 + (guint) (s[i] - '0');
  return v;
}

/**
 * kh_hetu_check_char:
 * @nine_digits: the number DDMMYYNNN (date and individual number, without
 *   the century sign)
 *
 * Returns: the check character that belongs to @nine_digits
 */
char
kh_hetu_check_char (guint32 nine_digits)
{
  return check_alphabet[nine_digits % 31];
}

/**
 * kh_hetu_validate:
 * @code: the code exactly as typed
 * @today: (nullable): the date to compare the birth date with; %NULL for
 *   the real local date
 * @out_birth: (out) (optional): the birth date, set only on %KH_HETU_OK
 * @out_temporary: (out) (optional): whether the individual number is
 *   900–999, set only on %KH_HETU_OK
 *
 * Checks every rule of the identity code and returns the first one that
 * fails. The order is chosen so that the message names the most useful
 * thing to correct first: the shape of the code (length, capitals, digits,
 * century sign), then the date, then the individual number, and the check
 * character last, since a wrong check character is what any other typing
 * error would also produce.
 *
 * Individual numbers 900–999 are accepted: they are the temporary codes of
 * hospitals and the test codes of DVV, and a social-work unit does meet
 * people who only have a temporary code. @out_temporary lets the caller tell
 * the user.
 *
 * Returns: %KH_HETU_OK or the first rule that fails
 */
KhHetuStatus
kh_hetu_validate (const char  *code,
                  const GDate *today,
                  GDate       *out_birth,
                  gboolean    *out_temporary)
{
  guint day, month, year, century, individual;
  guint32 nine;
  g_autoptr(GDate) birth = NULL;
  GDate now;

  if (code == NULL || *code == '\0')
    return KH_HETU_EMPTY;

  /* Length is counted in characters, not bytes, so that "131052-308Ä"
   * (eleven characters, twelve bytes) is reported as a misplaced character,
   * which is what it is, rather than as a code of the wrong length. */
  if (g_utf8_validate (code, -1, NULL))
    {
      if (g_utf8_strlen (code, -1) != HETU_LENGTH)
        return KH_HETU_LENGTH;
    }
  else if (strlen (code) != HETU_LENGTH)
    {
      return KH_HETU_LENGTH;
    }

  /* Lower-case letters are reported on their own: "131052-308t" is the
   * single most common way of typing a correct code wrongly, and the user
   * should learn that capitals matter rather than that the code is bad. */
  for (const char *p = code; *p != '\0'; p++)
    if (*p >= 'a' && *p <= 'z')
      return KH_HETU_LOWERCASE;

  if (strlen (code) != HETU_LENGTH)
    return KH_HETU_FORMAT;

  for (guint i = 0; i < 6; i++)
    if (!is_digit (code[i]))
      return KH_HETU_FORMAT;

  century = century_of_sign (code[6]);
  if (century == 0)
    return KH_HETU_CENTURY_SIGN;

  for (guint i = 7; i < 10; i++)
    if (!is_digit (code[i]))
      return KH_HETU_FORMAT;

  /* The last character must at least be a digit or a capital; a capital
   * outside the alphabet (G, I, O, Q, Z) is simply a check character that
   * does not match, which is reported below. */
  if (!is_digit (code[10]) && !(code[10] >= 'A' && code[10] <= 'Z'))
    return KH_HETU_FORMAT;

  day = digits_value (code, 2);
  month = digits_value (code + 2, 2);
  year = century + digits_value (code + 4, 2);

  /* g_date_valid_dmy knows the Gregorian leap years, so 29.2.1900 fails and
   * 29.2.2000 passes: the century sign decides which of them the code means. */
  if (!g_date_valid_dmy (day, month, year))
    return KH_HETU_DATE;
  birth = g_date_new_dmy (day, month, year);

  if (today == NULL)
    {
      g_date_clear (&now, 1);
      g_date_set_time_t (&now, time (NULL));
      today = &now;
    }
  if (g_date_compare (birth, today) > 0)
    return KH_HETU_FUTURE;

  individual = digits_value (code + 7, 3);
  if (individual < 2)
    return KH_HETU_INDIVIDUAL;

  nine = digits_value (code, 6) * 1000u + individual;
  if (code[10] != kh_hetu_check_char (nine))
    return KH_HETU_CHECK;

  if (out_birth != NULL)
    *out_birth = *birth;
  if (out_temporary != NULL)
    *out_temporary = individual >= 900;

  return KH_HETU_OK;
}

/**
 * kh_hetu_status_message:
 * @status: a #KhHetuStatus
 *
 * A message for the identity-code field, written for the person at the
 * desk: it says what to look at, not which rule of a decree failed.
 *
 * Returns: the message in the UI language
 */
const char *
kh_hetu_status_message (KhHetuStatus status)
{
  switch (status)
    {
    case KH_HETU_OK:
      return _("The identity code is valid");
    case KH_HETU_EMPTY:
      return _("Enter the identity code");
    case KH_HETU_LENGTH:
      /* Translators: 131052-308T is the official example code; keep it. */
      return _("An identity code has 11 characters, for example 131052-308T");
    case KH_HETU_LOWERCASE:
      return _("Type the letters of the identity code as capitals");
    case KH_HETU_FORMAT:
      return _("A character is in the wrong place: the code is six digits, a century sign, three digits and a check character");
    case KH_HETU_CENTURY_SIGN:
      /* Translators: the 7th character of the code; the signs themselves are
       * not translated. */
      return _("The 7th character must be a century sign: + - Y X W V U or A B C D E F");
    case KH_HETU_DATE:
      return _("The first six digits are not a real date: check the birth date");
    case KH_HETU_FUTURE:
      return _("The birth date in the identity code is in the future");
    case KH_HETU_INDIVIDUAL:
      return _("The individual number (characters 8–10) cannot be 000 or 001");
    case KH_HETU_CHECK:
      return _("The check character does not match: check the last character");
    default:
      break;
    }

  g_return_val_if_reached (_("The identity code is not valid"));
}

/**
 * kh_hetu_mask:
 * @code: an identity code
 *
 * Keeps the birth date and the century sign and hides the rest, so that a
 * list can tell people with the same name apart without showing the whole
 * code. Anything that is not 11 characters long (a half-typed code, a
 * foreign identifier) is hidden after its sixth character.
 *
 * Returns: (transfer full): the masked code, e.g. "131052-****"
 */
char *
kh_hetu_mask (const char *code)
{
  g_autofree char *masked = NULL;
  gsize len, keep;

  g_return_val_if_fail (code != NULL, NULL);

  len = strlen (code);
  keep = len == HETU_LENGTH ? 7 : MIN (len, 6);
  masked = g_strdup (code);
  for (gsize i = keep; i < len; i++)
    masked[i] = '*';

  return g_steal_pointer (&masked);
}

/**
 * kh_hetu_make:
 * @birth: the birth date, 1800–2099
 * @individual: the individual number, 2–999 (use 900–999 for made-up
 *   people)
 * @century_sign: the century sign, or 0 for the classic one of the century
 *   ('+', '-' or 'A')
 *
 * Builds a valid code, for demo and test data. The result always passes
 * kh_hetu_validate() for a @today on or after @birth.
 *
 * Returns: (transfer full) (nullable): the code, or %NULL if the sign does
 *   not belong to the birth year's century
 */
char *
kh_hetu_make (const GDate *birth,
              guint        individual,
              char         century_sign)
{
  guint year, century;
  guint32 nine;

  g_return_val_if_fail (birth != NULL && g_date_valid (birth), NULL);
  g_return_val_if_fail (individual >= 2 && individual <= 999, NULL);

  year = g_date_get_year (birth);
  g_return_val_if_fail (year >= 1800 && year <= 2099, NULL);
  century = year - year % 100;

  if (century_sign == 0)
    century_sign = century == 1800 ? '+' : century == 1900 ? '-' : 'A';
  g_return_val_if_fail (century_of_sign (century_sign) == century, NULL);

  nine = (g_date_get_day (birth) * 10000u
          + g_date_get_month (birth) * 100u
          + year % 100) * 1000u + individual;

  return g_strdup_printf ("%02u%02u%02u%c%03u%c",
                          (guint) g_date_get_day (birth),
                          (guint) g_date_get_month (birth),
                          year % 100,
                          century_sign,
                          individual,
                          kh_hetu_check_char (nine));
}

/**
 * kh_hetu_looks_like:
 * @text: what the user typed in a search field
 *
 * Decides whether a search should look at identity codes rather than names
 * or phone numbers. It looks like a code when it starts with a possible
 * day and month (DDMM, day 01–31, month 01–12) and two more digits, and
 * goes on, if at all, with a century sign (either case, since a search is
 * forgiving) and up to four more code characters. Leading and trailing
 * spaces are ignored. Six digits alone count, so that a receptionist can
 * find people by the date part of their code.
 *
 * Returns: %TRUE if @text looks like the start of an identity code
 */
gboolean
kh_hetu_looks_like (const char *text)
{
  g_autofree char *s = NULL;
  gsize len;
  guint day, month;

  g_return_val_if_fail (text != NULL, FALSE);

  s = g_strstrip (g_strdup (text));
  len = strlen (s);
  if (len < 6 || len > HETU_LENGTH)
    return FALSE;

  for (guint i = 0; i < 6; i++)
    if (!is_digit (s[i]))
      return FALSE;

  day = digits_value (s, 2);
  month = digits_value (s + 2, 2);
  if (day < 1 || day > 31 || month < 1 || month > 12)
    return FALSE;

  if (len == 6)
    return TRUE;

  if (century_of_sign (g_ascii_toupper (s[6])) == 0)
    return FALSE;

  for (gsize i = 7; i < len; i++)
    {
      /* The three individual digits, then the check character. */
      if (i < 10 ? !is_digit (s[i]) : !g_ascii_isalnum (s[i]))
        return FALSE;
    }

  return TRUE;
}
