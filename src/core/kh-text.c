/* kh-text.c — names, dates, phone numbers: sorting, parsing, checking
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything here is independent of the process locale. A unit's machines
 * may run in English, or lack the fi_FI and sv_FI locales altogether, and
 * the order of a client list or the meaning of "2.4.2026" must not change
 * with that.
 */
#define G_LOG_DOMAIN "kohtaamo-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kh-text.h"

/* ------------------------------------------------------------------------ *
 * Collation
 *
 * The order is decided in four levels, each only breaking the ties of the
 * one before (as in the Unicode collation algorithm, much simplified):
 *
 *  1. primary: letters with case and accents folded, in the Finnish and
 *     Swedish alphabet a … z å ä ö, where w is a letter of its own after v
 *     and æ sorts as ä, ø as ö, ü as y (SFS 4600 in practice). Spaces and
 *     punctuation sort before digits and digits before letters, so that
 *     "Mäki", "Mäki-Petäjä" and "Mäkinen" come in the order of a phone book.
 *  2. secondary: the accents ("Ekström" before "Ékström");
 *  3. tertiary: case, lower before upper;
 *  4. the UTF-8 bytes, so that two different strings never compare equal
 *     (a SQLite collation must be a total order for ORDER BY and indexes to
 *     agree, and a GtkSortListModel must be stable across runs).
 *
 * kh_collate_compare walks both strings without allocating, because SQLite
 * calls it for every comparison of a sort; kh_collate_key writes the same
 * weights as bytes. Both use next_unit() below, which is what keeps them
 * consistent. Keep the byte encoding in append_* in sync with the ordering
 * in compare_*.
 * ------------------------------------------------------------------------ */

/* Primary weights. Every weight is at least 0x02 so that 0x01 can separate
 * the levels in a key and 0x00 never appears in it. */
enum {
  W_SEPARATOR = 0x01,
  W_SPACE = 0x02,
  W_PUNCT = 0x03,
  W_DIGIT = 0x10,          /* 0x10–0x19 */
  W_LETTER = 0x20,         /* a–z: 0x20–0x39 */
  W_A_RING = 0x3a,         /* å */
  W_A_UMLAUT = 0x3b,       /* ä */
  W_O_UMLAUT = 0x3c,       /* ö */
  W_OTHER = 0x40,          /* any other character: followed by its code point */
};

/* One collation unit. A character gives one unit, or two for ligatures
 * (ß → ss, œ → oe); combining marks give none of their own but an accent
 * on the unit before. */
typedef struct
{
  guint32  primary;        /* weight << 24, or W_OTHER << 24 | code point */
  gunichar accent;         /* 0, or the lower-case accented character */
  gboolean upper;
} KhUnit;

/* The iterator over a string: where it is and a unit left over from a
 * ligature that expands to two. */
typedef struct
{
  const char *p;
  KhUnit      pending;
  gboolean    has_pending;
} KhUnitIter;

static guint32
letter (char c)
{
  return (guint32) (W_LETTER + (c - 'a')) << 24;
}

/* Folds one lower-case character to its primary weight and accent. Returns
 * the number of units written (0 for characters that do not sort, such as
 * control characters; 2 for ligatures). */
static guint
fold_char (gunichar  lc,
           KhUnit   *units)
{
  gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n;
  gunichar base;

  units[0].accent = 0;
  units[1].accent = 0;

  if (lc < 0x80)
    {
      if (lc >= 'a' && lc <= 'z')
        units[0].primary = letter ((char) lc);
      else if (lc >= '0' && lc <= '9')
        units[0].primary = (guint32) (W_DIGIT + (lc - '0')) << 24;
      else if (lc == ' ' || lc == '\t' || lc == '\n' || lc == '\r')
        units[0].primary = (guint32) W_SPACE << 24;
      else if (lc < 0x20 || lc == 0x7f)
        return 0;
      else
        units[0].primary = (guint32) W_PUNCT << 24;
      return 1;
    }

  /* The letters of the Nordic alphabet and their look-alikes. Æ and Ø are
   * the Danish and Norwegian forms of Ä and Ö; Ü is filed under Y in
   * Finnish and Swedish directories. They keep an accent so that "Müller"
   * and "Myller" still come out in a fixed order. */
  switch (lc)
    {
    case 0x00e5: /* å */
      units[0].primary = (guint32) W_A_RING << 24;
      return 1;
    case 0x00e4: /* ä */
      units[0].primary = (guint32) W_A_UMLAUT << 24;
      return 1;
    case 0x00f6: /* ö */
      units[0].primary = (guint32) W_O_UMLAUT << 24;
      return 1;
    case 0x00e6: /* æ */
      units[0].primary = (guint32) W_A_UMLAUT << 24;
      units[0].accent = lc;
      return 1;
    case 0x00f8: /* ø */
      units[0].primary = (guint32) W_O_UMLAUT << 24;
      units[0].accent = lc;
      return 1;
    case 0x00fc: /* ü */
    case 0x0171: /* ű */
      units[0].primary = letter ('y');
      units[0].accent = lc;
      return 1;
    case 0x00df: /* ß */
      units[0].primary = letter ('s');
      units[1].primary = letter ('s');
      units[0].accent = lc;
      return 2;
    case 0x0153: /* œ */
      units[0].primary = letter ('o');
      units[1].primary = letter ('e');
      units[0].accent = lc;
      return 2;
    case 0x00f0: /* ð */
    case 0x0111: /* đ */
      units[0].primary = letter ('d');
      units[0].accent = lc;
      return 1;
    case 0x0142: /* ł */
      units[0].primary = letter ('l');
      units[0].accent = lc;
      return 1;
    case 0x0131: /* dotless ı */
      units[0].primary = letter ('i');
      units[0].accent = lc;
      return 1;
    case 0x00a0: /* no-break space */
      units[0].primary = (guint32) W_SPACE << 24;
      return 1;
    default:
      break;
    }

  /* Other accented Latin letters (é, è, á, ç, ñ, š, ž …) sort as their base
   * letter: the canonical decomposition puts the base first. */
  n = g_unichar_fully_decompose (lc, FALSE, decomposed, G_N_ELEMENTS (decomposed));
  base = n > 0 ? decomposed[0] : lc;
  if (base != lc && base < 0x80 && base >= 'a' && base <= 'z')
    {
      units[0].primary = letter ((char) base);
      units[0].accent = lc;
      return 1;
    }

  if (g_unichar_isspace (lc))
    {
      units[0].primary = (guint32) W_SPACE << 24;
      return 1;
    }
  if (g_unichar_ispunct (lc))
    {
      units[0].primary = (guint32) W_PUNCT << 24;
      return 1;
    }
  if (g_unichar_iscntrl (lc) || g_unichar_type (lc) == G_UNICODE_FORMAT)
    return 0;

  /* Anything else (Cyrillic, Arabic …) sorts after the Nordic letters, by
   * code point: not a linguistic order, but a fixed and sensible one. */
  units[0].primary = ((guint32) W_OTHER << 24) | lc;
  return 1;
}

static inline gboolean
is_combining (gunichar c)
{
  return c >= 0x0300 && c <= 0x036f;
}

/* Text that was typed on a Mac or pasted from a PDF may be decomposed:
 * "a" + U+0308 instead of "ä". Such a pair must sort exactly like the
 * precomposed letter at the primary level, so a base letter followed by a
 * combining diaeresis or ring is put together here. */
static gunichar
compose_nordic (gunichar  base,
                gunichar  mark)
{
  gunichar lower = g_unichar_tolower (base);
  gboolean upper = lower != base;
  gunichar composed = 0;

  if (mark == 0x0308 && lower == 'a')
    composed = 0x00e4;
  else if (mark == 0x0308 && lower == 'o')
    composed = 0x00f6;
  else if (mark == 0x030a && lower == 'a')
    composed = 0x00e5;
  else if (mark == 0x0308 && lower == 'u')
    composed = 0x00fc;

  if (composed == 0)
    return 0;
  return upper ? g_unichar_toupper (composed) : composed;
}

/* The units of U+0000–U+00FF, which cover every Finnish and Swedish name
 * typed on a Nordic keyboard. SQLite calls kh_collate_compare for every
 * comparison of a sort, so these characters are looked up in a table made
 * once with fold_char() instead of being folded again each time. */
typedef struct
{
  KhUnit units[2];
  guint  n;
} KhLatin1Entry;

static const KhLatin1Entry *
latin1_table (void)
{
  static KhLatin1Entry *table = NULL;

  if (g_once_init_enter (&table))
    {
      KhLatin1Entry *t = g_new0 (KhLatin1Entry, 256);

      for (gunichar c = 0; c < 256; c++)
        {
          gunichar lc = g_unichar_tolower (c);

          t[c].n = fold_char (lc, t[c].units);
          t[c].units[0].upper = t[c].units[1].upper = lc != c;
        }
      g_once_init_leave (&table, t);
    }

  return table;
}

/* Returns the next collation unit of the string, or FALSE at its end. */
static gboolean
next_unit (KhUnitIter *it,
           KhUnit     *unit)
{
  const KhLatin1Entry *latin1 = latin1_table ();

  if (it->has_pending)
    {
      *unit = it->pending;
      it->has_pending = FALSE;
      return TRUE;
    }

  while (*it->p != '\0')
    {
      const guchar *b = (const guchar *) it->p;
      KhUnit units[2];
      gunichar c, lc;
      guint n;
      gsize len = 0;

      /* The fast path: a character below U+0100 (one byte, or two starting
       * with 0xC2/0xC3) not followed by a combining mark (U+0300–U+036F,
       * whose UTF-8 starts with 0xCC or 0xCD). It gives exactly what the
       * general path below would. */
      if (b[0] < 0x80)
        {
          c = b[0];
          len = 1;
        }
      else if ((b[0] == 0xc2 || b[0] == 0xc3) && (b[1] & 0xc0) == 0x80)
        {
          c = ((gunichar) (b[0] & 0x1f) << 6) | (b[1] & 0x3f);
          len = 2;
        }
      if (len > 0 && b[len] != 0xcc && b[len] != 0xcd)
        {
          const KhLatin1Entry *e = &latin1[c];

          it->p += len;
          if (e->n == 0)
            continue;
          *unit = e->units[0];
          if (e->n == 2)
            {
              it->pending = e->units[1];
              it->has_pending = TRUE;
            }
          return TRUE;
        }

      /* The general path: any character, or one followed by combining
       * marks that have to be folded into it. */
      if ((guchar) *it->p < 0x80)
        c = (guchar) *it->p++;
      else
        {
          c = g_utf8_get_char_validated (it->p, -1);
          if (c == (gunichar) -1 || c == (gunichar) -2)
            {
              /* A stray byte of invalid UTF-8: give it a weight of its own
               * rather than stopping, so the order is still total. */
              c = 0xfffd;
              it->p++;
            }
          else
            it->p = g_utf8_next_char (it->p);
        }

      if (is_combining (c))
        continue;  /* a mark with no letter before it: ignored at primary */

      if (is_combining (g_utf8_get_char_validated (it->p, -1)))
        {
          gunichar composed = compose_nordic (c, g_utf8_get_char (it->p));

          if (composed != 0)
            {
              c = composed;
              it->p = g_utf8_next_char (it->p);
            }
        }

      lc = g_unichar_tolower (c);
      n = fold_char (lc, units);
      if (n == 0)
        continue;

      units[0].upper = units[1].upper = lc != c;

      /* Any remaining combining marks make the letter "accented". */
      while (is_combining (g_utf8_get_char_validated (it->p, -1)))
        {
          if (units[0].accent == 0)
            units[0].accent = g_utf8_get_char (it->p);
          it->p = g_utf8_next_char (it->p);
        }

      *unit = units[0];
      if (n == 2)
        {
          it->pending = units[1];
          it->has_pending = TRUE;
        }
      return TRUE;
    }

  return FALSE;
}

static void
unit_iter_init (KhUnitIter *it,
                const char *text)
{
  it->p = text;
  it->has_pending = FALSE;
}

/* The three levels share one walk: compare a level, and if both strings
 * tie on it, walk again for the next. */
typedef enum {
  LEVEL_PRIMARY,
  LEVEL_ACCENT,
  LEVEL_CASE,
} KhLevel;

/* Orders two units at a level as their encoded bytes would order. */
static int
compare_units (const KhUnit *a,
               const KhUnit *b,
               KhLevel       level)
{
  switch (level)
    {
    case LEVEL_PRIMARY:
      return a->primary < b->primary ? -1 : a->primary > b->primary ? 1 : 0;
    case LEVEL_ACCENT:
      return a->accent < b->accent ? -1 : a->accent > b->accent ? 1 : 0;
    case LEVEL_CASE:
      return (int) a->upper - (int) b->upper;
    default:
      g_assert_not_reached ();
    }
}

static int
compare_level (const char *a,
               const char *b,
               KhLevel     level)
{
  KhUnitIter ia, ib;

  unit_iter_init (&ia, a);
  unit_iter_init (&ib, b);

  for (;;)
    {
      KhUnit ua, ub;
      gboolean has_a = next_unit (&ia, &ua);
      gboolean has_b = next_unit (&ib, &ub);
      int cmp;

      /* The shorter string sorts first, as the separator byte in a key
       * (0x01) is below every weight. */
      if (!has_a || !has_b)
        return (int) has_a - (int) has_b;

      cmp = compare_units (&ua, &ub, level);
      if (cmp != 0)
        return cmp;
    }
}

/**
 * kh_collate_compare:
 * @a: (nullable): a UTF-8 string
 * @b: (nullable): a UTF-8 string
 *
 * Compares two strings in Finnish and Swedish alphabetical order, whatever
 * the process locale. %NULL sorts before every string. Two strings compare
 * equal only if they are byte for byte the same.
 *
 * Returns: negative, zero or positive, as strcmp()
 */
int
kh_collate_compare (const char *a,
                    const char *b)
{
  int cmp;

  if (a == NULL || b == NULL)
    return (int) (a != NULL) - (int) (b != NULL);

  cmp = compare_level (a, b, LEVEL_PRIMARY);
  if (cmp == 0)
    cmp = compare_level (a, b, LEVEL_ACCENT);
  if (cmp == 0)
    cmp = compare_level (a, b, LEVEL_CASE);
  if (cmp == 0)
    cmp = strcmp (a, b);

  return cmp < 0 ? -1 : cmp > 0 ? 1 : 0;
}

/* Encodes a value of up to 21 bits (a code point) as three bytes of seven
 * bits with the top bit set: never 0x00 or 0x01, and ordered as the value. */
static void
append_21 (GString *key,
           guint32  value)
{
  g_string_append_c (key, (char) (0x80 | ((value >> 14) & 0x7f)));
  g_string_append_c (key, (char) (0x80 | ((value >> 7) & 0x7f)));
  g_string_append_c (key, (char) (0x80 | (value & 0x7f)));
}

static void
append_unit (GString      *key,
             const KhUnit *unit,
             KhLevel       level)
{
  switch (level)
    {
    case LEVEL_PRIMARY:
      g_string_append_c (key, (char) (unit->primary >> 24));
      if ((unit->primary >> 24) == W_OTHER)
        append_21 (key, unit->primary & 0x1fffff);
      break;
    case LEVEL_ACCENT:
      /* "No accent" is one byte below every accented form (0x02 < 0x03). */
      if (unit->accent == 0)
        g_string_append_c (key, 0x02);
      else
        {
          g_string_append_c (key, 0x03);
          append_21 (key, unit->accent);
        }
      break;
    case LEVEL_CASE:
      g_string_append_c (key, unit->upper ? 0x03 : 0x02);
      break;
    default:
      g_assert_not_reached ();
    }
}

/**
 * kh_collate_key:
 * @text: a UTF-8 string
 *
 * A sort key: for any two strings, strcmp() of their keys has the sign of
 * kh_collate_compare() of the strings. Useful to sort many strings once
 * (each key is made once) or to store beside a name.
 *
 * Returns: (transfer full): the key, a NUL-terminated byte string that is
 *   not meant to be shown
 */
char *
kh_collate_key (const char *text)
{
  static const KhLevel levels[] = { LEVEL_PRIMARY, LEVEL_ACCENT, LEVEL_CASE };
  GString *key;

  g_return_val_if_fail (text != NULL, NULL);

  key = g_string_sized_new (strlen (text) * 3 + 4);
  for (guint l = 0; l < G_N_ELEMENTS (levels); l++)
    {
      KhUnitIter it;
      KhUnit unit;

      unit_iter_init (&it, text);
      while (next_unit (&it, &unit))
        append_unit (key, &unit, levels[l]);
      g_string_append_c (key, W_SEPARATOR);
    }

  /* The last level is the text itself, which cannot contain 0x00 and is
   * compared by strcmp exactly as kh_collate_compare does. */
  g_string_append (key, text);

  return g_string_free (key, FALSE);
}

/* ------------------------------------------------------------------------ *
 * Dates
 * ------------------------------------------------------------------------ */

/* Reads 1 to max_digits ASCII digits; returns the number of digits read. */
static guint
read_number (const char *s,
             guint       max_digits,
             guint      *value)
{
  guint n = 0;

  *value = 0;
  while (n < max_digits && s[n] >= '0' && s[n] <= '9')
    {
      *value = *value * 10 + (guint) (s[n] - '0');
      n++;
    }
  return n;
}

/**
 * kh_date_parse:
 * @text: a date as a person typed it
 * @out: (out): the date
 *
 * Accepts the Finnish and Swedish way of writing dates, "2.4.2026" or
 * "02.04.2026", and ISO 8601 "2026-04-02" (also with one-digit month or
 * day). Spaces around the date are ignored.
 *
 * Two-digit years are refused: for a birth date "2.4.26" could be 1926 or
 * 2026, and a guess that is wrong by a century is worse than a question.
 * Years before 1800 are refused too; no living person or current deadline
 * has one, so such a year is a typing error.
 *
 * Returns: %TRUE and @out set if @text is a real date
 */
gboolean
kh_date_parse (const char *text,
               GDate      *out)
{
  g_autofree char *s = NULL;
  guint a, b, c, n;
  const char *p;
  guint day, month, year;

  g_return_val_if_fail (out != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  s = g_strstrip (g_strdup (text));
  p = s;

  n = read_number (p, 4, &a);
  if (n == 0)
    return FALSE;
  p += n;

  if (n == 4 && *p == '-')
    {
      /* yyyy-mm-dd */
      year = a;
      p++;
      n = read_number (p, 2, &b);
      if (n == 0 || *(p += n) != '-')
        return FALSE;
      p++;
      n = read_number (p, 2, &c);
      if (n == 0)
        return FALSE;
      p += n;
      month = b;
      day = c;
    }
  else if (n <= 2 && *p == '.')
    {
      /* d.m.yyyy */
      day = a;
      p++;
      n = read_number (p, 2, &b);
      if (n == 0 || *(p += n) != '.')
        return FALSE;
      p++;
      n = read_number (p, 4, &c);
      if (n != 4)
        return FALSE;
      p += n;
      month = b;
      year = c;
    }
  else
    return FALSE;

  if (*p != '\0')
    return FALSE;
  if (year < 1800)
    return FALSE;
  if (!g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_clear (out, 1);
  g_date_set_dmy (out, day, month, year);
  return TRUE;
}

/**
 * kh_date_to_iso:
 * @date: a valid date
 *
 * Returns: (transfer full): the date as "YYYY-MM-DD"
 */
char *
kh_date_to_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_day (date));
}

/**
 * kh_date_from_iso:
 * @iso: (nullable): a date as "YYYY-MM-DD", exactly (as the store keeps it)
 * @out: (out): the date
 *
 * Strict on purpose: this reads what the program itself wrote, and anything
 * else means damaged data, which must not pass as a date.
 *
 * Returns: %TRUE if @iso is a real date in that exact form
 */
gboolean
kh_date_from_iso (const char *iso,
                  GDate      *out)
{
  guint year, month, day;

  g_return_val_if_fail (out != NULL, FALSE);

  if (iso == NULL || strlen (iso) != 10 || iso[4] != '-' || iso[7] != '-')
    return FALSE;
  if (read_number (iso, 4, &year) != 4
      || read_number (iso + 5, 2, &month) != 2
      || read_number (iso + 8, 2, &day) != 2)
    return FALSE;
  if (year == 0 || !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_clear (out, 1);
  g_date_set_dmy (out, day, month, year);
  return TRUE;
}

/**
 * kh_date_format:
 * @date: a valid date
 *
 * The short date for the screen. Finnish and Swedish (in Finland) both write
 * "2.4.2026", without leading zeros; the English UI uses the same form since
 * its users work in Finland, where "4/2/2026" would be read wrongly.
 *
 * Returns: (transfer full): the date as "d.m.yyyy"
 */
gboolean
kh_text_filled (const char *text)
{
  if (text == NULL)
    return FALSE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return TRUE;
  return FALSE;
}

gboolean
kh_date_parse_field (const char *text,
                     GDate      *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  g_date_clear (out, 1);
  if (!kh_text_filled (text) || !kh_date_parse (text, out))
    {
      g_date_clear (out, 1);
      return FALSE;
    }
  return TRUE;
}

const char *
kh_date_field_message (const char *text)
{
  GDate date;

  if (kh_text_filled (text) && !kh_date_parse_field (text, &date))
    /* Translators: under a date field of a decision or a payment commitment */
    return _("Not a date: write it as 2.4.2026");
  return NULL;
}

char *
kh_date_format_dmy (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%u.%u.%u", g_date_get_day (date), g_date_get_month (date),
                          g_date_get_year (date));
}

char *
kh_date_format (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%u.%u.%u",
                          (guint) g_date_get_day (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_year (date));
}

/* ------------------------------------------------------------------------ *
 * Contact details
 * ------------------------------------------------------------------------ */

/**
 * kh_phone_normalize:
 * @text: (nullable): a phone number as typed
 *
 * Reduces a number to one form so that search finds "040 123 4567" when
 * "+358401234567" was saved. Finnish numbers in the international form
 * ("+358 40 …", "00358 40 …", also with the national "(0)") become the
 * national form "040…". Foreign numbers keep their "+" and country code,
 * as the country code cannot be guessed back.
 *
 * Returns: (transfer full) (nullable): digits (with a leading "+" for a
 *   foreign number), or %NULL if @text is not a phone number: any
 *   character other than digits, spaces, '-', '(', ')' and a leading '+',
 *   or fewer than 5 digits
 */
char *
kh_phone_normalize (const char *text)
{
  g_autoptr(GString) digits = NULL;
  gboolean international = FALSE;
  gboolean seen_digit = FALSE;
  const char *rest;

  if (text == NULL)
    return NULL;

  digits = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p >= '0' && *p <= '9')
        {
          g_string_append_c (digits, *p);
          seen_digit = TRUE;
        }
      else if (*p == '+')
        {
          /* A plus only makes sense before the first digit, once. */
          if (seen_digit || international)
            return NULL;
          international = TRUE;
        }
      else if (*p != ' ' && *p != '-' && *p != '(' && *p != ')')
        return NULL;
    }

  /* "00" is the international call prefix dialled from Finland. */
  if (!international && g_str_has_prefix (digits->str, "00"))
    {
      g_string_erase (digits, 0, 2);
      international = TRUE;
    }

  if (digits->len < 5)
    return NULL;

  if (!international)
    return g_strdup (digits->str);

  if (!g_str_has_prefix (digits->str, "358"))
    return g_strdup_printf ("+%s", digits->str);

  /* +358 40 … → 040 …; "+358 (0)40 …" already carries the national zero. */
  rest = digits->str + 3;
  if (*rest == '0')
    rest++;
  if (strlen (rest) + 1 < 5)
    return NULL;
  return g_strdup_printf ("0%s", rest);
}

/**
 * kh_email_is_valid:
 * @text: (nullable): an e-mail address
 *
 * A plausibility check for a form, not RFC 5322: exactly one '@' with
 * something before it, a domain with a dot that is not at either end and
 * no empty labels, and no spaces or control characters anywhere. It catches
 * the usual typing errors ("matti.meikalainen@example", "matti@@example.fi",
 * a comma for a dot) without refusing real addresses.
 *
 * Returns: %TRUE if @text looks like an e-mail address
 */
gboolean
kh_email_is_valid (const char *text)
{
  const char *at;
  const char *domain;

  if (text == NULL || *text == '\0' || strlen (text) > 254)
    return FALSE;
  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c <= 0x20 || c == 0x7f || c == ',' || c == ';'
          || c == '<' || c == '>' || c == '"' || c == '(' || c == ')')
        return FALSE;
    }

  at = strchr (text, '@');
  if (at == NULL || at == text || strchr (at + 1, '@') != NULL)
    return FALSE;

  domain = at + 1;
  if (*domain == '\0' || *domain == '.' || *domain == '-')
    return FALSE;
  if (strchr (domain, '.') == NULL || g_str_has_suffix (domain, ".")
      || strstr (domain, "..") != NULL)
    return FALSE;
  if (*(at - 1) == '.' || *text == '.')
    return FALSE;

  return TRUE;
}

/**
 * kh_postal_code_is_valid:
 * @text: (nullable): a postal code
 *
 * Returns: %TRUE if @text is exactly five digits, as Finnish postal codes are
 */
gboolean
kh_postal_code_is_valid (const char *text)
{
  if (text == NULL || strlen (text) != 5)
    return FALSE;
  for (guint i = 0; i < 5; i++)
    if (text[i] < '0' || text[i] > '9')
      return FALSE;
  return TRUE;
}

/**
 * kh_text_clean:
 * @text: (nullable): text from an entry or a file
 *
 * Removes white space at both ends and collapses every run of inner white
 * space (tabs, line breaks, no-break spaces) into one space, so that
 * "Mäkinen " and "Mäkinen" are the same name to search and to the unique
 * checks. Invalid UTF-8 is repaired rather than refused, since the text
 * may come from an old file, and control characters are dropped. The
 * records promise NULL rather than "" for unknown values, hence the %NULL.
 *
 * Returns: (transfer full) (nullable): the cleaned text, or %NULL when
 *   nothing is left
 */
char *
kh_text_clean (const char *text)
{
  g_autofree char *valid = NULL;
  g_autoptr(GString) out = NULL;
  gboolean pending_space = FALSE;

  if (text == NULL)
    return NULL;

  valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x00a0 || c == 0x202f)
        {
          pending_space = out->len > 0;
          continue;
        }
      if (g_unichar_iscntrl (c))
        continue;

      if (pending_space)
        g_string_append_c (out, ' ');
      pending_space = FALSE;
      g_string_append_unichar (out, c);
    }

  if (out->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * kh_text_clean_note:
 * @text: (nullable): free text as typed, in paragraphs
 *
 * kh_text_clean() for a text whose lines matter (a client's own words, an
 * assessment's summary): line breaks stay (CR LF and CR become LF), at
 * most one empty line between paragraphs, each line's spaces collapsed
 * and its ends trimmed, tabs become spaces, other control characters go.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL when nothing is
 *   left
 */
char *
kh_text_clean_note (const char *text)
{
  g_autofree char *valid = NULL;
  g_autoptr(GString) out = NULL;
  gboolean pending_space = FALSE;
  guint pending_breaks = 0;

  if (text == NULL)
    return NULL;

  valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\r' && p[1] == '\n')
        continue;
      if (c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029)
        {
          if (out->len > 0)
            pending_breaks = MIN (pending_breaks + 1, 2);
          pending_space = FALSE;
          continue;
        }
      if (g_unichar_isspace (c) || c == 0x00a0 || c == 0x202f)
        {
          pending_space = out->len > 0 && pending_breaks == 0;
          continue;
        }
      if (g_unichar_iscntrl (c))
        continue;

      for (; pending_breaks > 0; pending_breaks--)
        g_string_append_c (out, '\n');
      if (pending_space)
        g_string_append_c (out, ' ');
      pending_space = FALSE;
      g_string_append_unichar (out, c);
    }

  if (out->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* ------------------------------------------------------------------------ *
 * Bounded, clean input (issue 5, 1.13)
 *
 * A name pasted from a web page or a PDF can carry characters that show
 * nothing: "Vir\u200btanen" (a zero-width space) looks like Virtanen, sorts
 * and is found as something else. Right-to-left overrides can make a text
 * show in another order than it is stored. Such characters are refused with
 * a message that says which and where, never removed silently: the person
 * retyping the name decides what it is. Length limits keep one field from
 * growing a database (a 23 KB surname once grew one from 2.7 MB to 751 MB).
 * ------------------------------------------------------------------------ */

G_DEFINE_QUARK (kh-text-error-quark, kh_text_error)

static gboolean
is_direction_control (gunichar c)
{
  return c == 0x200e || c == 0x200f || c == 0x061c
         || (c >= 0x202a && c <= 0x202e)
         || (c >= 0x2066 && c <= 0x2069);
}

/* What comes before position `at` of `text`, at most 12 characters, for the
 * message: the person sees where to look. */
static char *
text_before (const char *text,
             const char *at)
{
  glong n = g_utf8_pointer_to_offset (text, at);
  const char *start = n > 12 ? g_utf8_offset_to_pointer (text, n - 12) : text;

  return g_strndup (start, at - start);
}

static gboolean
fail_at (GError      **error,
         const char   *label,
         KhTextError   code,
         const char   *text,
         const char   *at,
         gunichar      c)
{
  g_autofree char *before = text_before (text, at);
  g_autofree char *what = NULL;

  switch (code)
    {
    case KH_TEXT_ERROR_DIRECTION:
      what = before[0] != '\0'
             /* Translators: %04X is a Unicode code point (e.g. 202E); %s is the text just before it */
             ? g_strdup_printf (_("a hidden character that changes the writing direction (U+%04X) after “%s”; delete it or type the text again."),
                                (guint) c, before)
             : g_strdup_printf (_("a hidden character that changes the writing direction (U+%04X) at the start; delete it or type the text again."),
                                (guint) c);
      break;
    case KH_TEXT_ERROR_CONTROL:
      what = before[0] != '\0'
             /* Translators: %04X is a Unicode code point (e.g. 000A); %s is the text just before it */
             ? g_strdup_printf (_("a control character or line break (U+%04X) after “%s”; delete it or type the text again."),
                                (guint) c, before)
             : g_strdup_printf (_("a control character or line break (U+%04X) at the start; delete it or type the text again."),
                                (guint) c);
      break;
    case KH_TEXT_ERROR_INVISIBLE:
    default:
      what = before[0] != '\0'
             /* Translators: %04X is a Unicode code point (e.g. 200B); %s is the text just before it */
             ? g_strdup_printf (_("an invisible character (U+%04X) after “%s”; delete it or type the text again."),
                                (guint) c, before)
             : g_strdup_printf (_("an invisible character (U+%04X) at the start; delete it or type the text again."),
                                (guint) c);
      break;
    }

  if (label != NULL)
    /* Translators: a field's label, then what is wrong with it ("Last name: the text contains …") */
    g_set_error (error, KH_TEXT_ERROR, code, _("%s: the text contains %s"), label, what);
  else
    /* Translators: what is wrong with a text ("The text contains an invisible character …") */
    g_set_error (error, KH_TEXT_ERROR, code, _("The text contains %s"), what);
  return FALSE;
}

/**
 * kh_text_check_field:
 * @label: (nullable): the field's translated label, for the message
 * @text: (nullable): the text as it will be stored
 * @kind: one line, or free text with line breaks
 * @max_chars: the most characters the field takes; 0 for no limit
 *
 * Returns: %TRUE if @text may be stored; else %FALSE with a %KH_TEXT_ERROR
 *   whose message is translated and says what to do.
 */
gboolean
kh_text_check_field (const char  *label,
                     const char  *text,
                     KhTextKind   kind,
                     guint        max_chars,
                     GError     **error)
{
  glong length;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (text == NULL)
    return TRUE;

  if (!g_utf8_validate (text, -1, NULL))
    {
      if (label != NULL)
        g_set_error (error, KH_TEXT_ERROR, KH_TEXT_ERROR_ENCODING,
                     /* Translators: %s is a field's label */
                     _("%s: the text is not readable (not UTF-8). Type it again."), label);
      else
        g_set_error_literal (error, KH_TEXT_ERROR, KH_TEXT_ERROR_ENCODING,
                             _("The text is not readable (not UTF-8). Type it again."));
      return FALSE;
    }

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (is_direction_control (c))
        return fail_at (error, label, KH_TEXT_ERROR_DIRECTION, text, p, c);
      if (type == G_UNICODE_FORMAT)
        return fail_at (error, label, KH_TEXT_ERROR_INVISIBLE, text, p, c);
      if (type == G_UNICODE_CONTROL || type == G_UNICODE_LINE_SEPARATOR
          || type == G_UNICODE_PARAGRAPH_SEPARATOR)
        {
          if (kind == KH_TEXT_NOTE && (c == '\n' || c == '\t' || c == '\r'))
            continue;
          return fail_at (error, label, KH_TEXT_ERROR_CONTROL, text, p, c);
        }
    }

  length = g_utf8_strlen (text, -1);
  if (max_chars > 0 && length > (glong) max_chars)
    {
      if (label != NULL)
        g_set_error (error, KH_TEXT_ERROR, KH_TEXT_ERROR_TOO_LONG,
                     /* Translators: %s is a field's label; then two numbers of characters */
                     _("%s: the text is too long (%ld characters; at most %u)."),
                     label, length, max_chars);
      else
        g_set_error (error, KH_TEXT_ERROR, KH_TEXT_ERROR_TOO_LONG,
                     _("The text is too long (%ld characters; at most %u)."),
                     length, max_chars);
      return FALSE;
    }
  return TRUE;
}
