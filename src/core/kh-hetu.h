/* kh-hetu.h — Finnish personal identity codes (henkilötunnus / personbeteckning)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Format DDMMYYCNNNQ per VN asetus 128/2010, 2 § as amended by 690/2022:
 * century sign '+' (1800s), '-' 'Y' 'X' 'W' 'V' 'U' (1900s), 'A'–'F' (2000s);
 * the sign is significant and is never normalised. Check character: the
 * nine digits DDMMYYNNN mod 31 indexed into "0123456789ABCDEFHJKLMNPRSTUVWXY".
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  KH_HETU_OK = 0,
  KH_HETU_EMPTY,
  KH_HETU_LENGTH,        /* not 11 characters */
  KH_HETU_LOWERCASE,     /* letters must be capitals */
  KH_HETU_FORMAT,        /* digits where digits belong */
  KH_HETU_CENTURY_SIGN,  /* the 7th character is not a known century sign */
  KH_HETU_DATE,          /* no such date */
  KH_HETU_FUTURE,        /* the date is after today */
  KH_HETU_INDIVIDUAL,    /* individual number 000 or 001 */
  KH_HETU_CHECK,         /* the check character does not match */
} KhHetuStatus;

/* Validates `code` exactly (no trimming, no case folding). `today` may be NULL
 * for the real date. On KH_HETU_OK fills `out_birth` (may be NULL) with the
 * birth date and `out_temporary` (may be NULL) with whether the individual
 * number is 900–999 (temporary and test codes). */
KhHetuStatus kh_hetu_validate         (const char   *code,
                                       const GDate  *today,
                                       GDate        *out_birth,
                                       gboolean     *out_temporary);
/* A translated message for the status, for the field, in the UI language. */
const char  *kh_hetu_status_message   (KhHetuStatus  status);
/* The check character for DDMMYYNNN. */
char         kh_hetu_check_char       (guint32       nine_digits);
/* The code with the individual number and check character hidden: "131052-****". */
char        *kh_hetu_mask             (const char   *code);
/* Makes a valid code for a date and individual number (test and demo data). */
char        *kh_hetu_make             (const GDate  *birth,
                                       guint         individual,
                                       char          century_sign);  /* 0 = '-' / 'A' / '+' by century */
/* Does text look like an attempt at an identity code (for search)? */
gboolean     kh_hetu_looks_like       (const char   *text);

G_END_DECLS
