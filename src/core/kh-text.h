/* kh-text.h — names, dates, phone numbers: sorting, parsing, checking
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Finnish/Swedish alphabetical order, independent of the process locale
 * (SFS 4600 in practice): case and accents folded, except that Å, Ä, Ö sort
 * after Z in that order (and Æ as Ä, Ø as Ö, Ü as Y); W is its own letter
 * after V. kh_collate_compare is what the store registers as the SQLite
 * collation "KH_FI"; kh_collate_key gives a byte string that sorts the same
 * under strcmp. Spaces and punctuation sort before letters ("Mäki", "Mäki-Petäjä",
 * "Mäkinen"); NULL sorts first; only identical strings compare equal. */
int       kh_collate_compare (const char *a,
                              const char *b);
char     *kh_collate_key     (const char *text);

/* A date typed by a person: "2.4.2026", "02.04.2026", "2026-04-02".
 * Two-digit years and years before 1800 are refused; spaces around are ignored.
 * FALSE for anything that is not a real date. */
gboolean  kh_date_parse      (const char *text,
                              GDate      *out);
/* "2026-04-02" */
char     *kh_date_to_iso     (const GDate *date);
gboolean  kh_date_from_iso   (const char  *iso,
                              GDate       *out);
/* A date field as typed: TRUE with `out` set; FALSE with `out` cleared
 * when it is empty or not a date (kh_date_parse). */
gboolean  kh_date_parse_field (const char *text,
                               GDate      *out);
/* What is wrong with a date field as typed, in the UI language: NULL when
 * it is empty or a date, else "Not a date: write it as 2.4.2026". */
const char *kh_date_field_message (const char *text);
/* "2.4.2026" as a form fills in a date, whatever the locale. */
char     *kh_date_format_dmy (const GDate *date);
/* Whether `text` has anything but white space (NULL has not). */
gboolean  kh_text_filled     (const char *text);
/* A date for the screen in the UI locale's short form ("2.4.2026" in fi and sv). */
char     *kh_date_format     (const GDate *date);

/* Phone number reduced to digits with a leading "0" for Finnish numbers:
 * "+358 40 123 4567" -> "0401234567"; "040-123 4567" -> "0401234567";
 * "00358 …" and "+358 (0)40 …" likewise. Foreign numbers keep a leading '+'
 * and their country code: "+46 8 123 456" -> "+468123456".
 * NULL if it has fewer than 5 digits or anything but digits, spaces, '-', '(', ')'
 * and one '+' before the first digit. */
char     *kh_phone_normalize (const char *text);
/* A plausible e-mail address (one '@', a dot in the domain, no spaces). */
gboolean  kh_email_is_valid  (const char *text);
/* Finnish postal code: five digits. */
gboolean  kh_postal_code_is_valid (const char *text);

/* Strips, collapses inner white space; NULL for NULL or an empty result. */
char     *kh_text_clean      (const char *text);
/* The same for free text in paragraphs: line breaks kept, at most one
 * empty line between paragraphs. */
char     *kh_text_clean_note (const char *text);

/* ---- bounded, clean input (issue 5, 1.13) ---- */

#define KH_TEXT_ERROR (kh_text_error_quark ())
GQuark    kh_text_error_quark (void);

typedef enum {
  KH_TEXT_ERROR_TOO_LONG,      /* more characters than the field's limit */
  KH_TEXT_ERROR_INVISIBLE,     /* a format character that shows nothing: zero-width
                                  space/joiners U+200B–U+200D, word joiner U+2060–U+2064,
                                  soft hyphen U+00AD, BOM U+FEFF, any other Cf */
  KH_TEXT_ERROR_DIRECTION,     /* a bidi control: U+200E/F, U+061C, U+202A–U+202E,
                                  U+2066–U+2069 */
  KH_TEXT_ERROR_CONTROL,       /* a control character (Cc), or a line break in one line */
  KH_TEXT_ERROR_ENCODING,      /* not valid UTF-8 */
} KhTextError;

typedef enum {
  KH_TEXT_LINE,                /* one line: a name, a street, a phone number */
  KH_TEXT_NOTE,                /* free text: line breaks and tabs allowed */
} KhTextKind;

/* The one check of a typed text field for every form, the store and the
 * import: at most `max_chars` characters (0 = no limit), and no character
 * that a reader cannot see or that changes the writing direction ("Vir\u200btanen"
 * looks like Virtanen but is not found by it). NULL is fine (an empty field).
 * On failure the translated message starts with `label` when it is given
 * ("Last name: …") and names the character by its code point and where it is. */
gboolean  kh_text_check_field (const char  *label,
                               const char  *text,
                               KhTextKind   kind,
                               guint        max_chars,
                               GError     **error);

G_END_DECLS
