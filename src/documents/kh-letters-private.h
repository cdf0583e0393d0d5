/* kh-letters-private.h — what the letters of src/documents share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * kh-letters.c lays every letter out the same way; a letter built in a
 * file of its own (kh-plan-letter.c) uses the same parts from there.
 */
#pragma once

#include "kh-letters.h"

G_BEGIN_DECLS

/* A letter in letter->language with the unit's letterhead, the date,
 * the reference and the recipient. */
KhDocument *_kh_letter_new                (const KhLetter       *letter,
                                           const KhUnitProfile  *profile,
                                           const char           *title);
/* Paragraphs separated by an empty line, as a worker types them. */
void        _kh_letter_add_text           (KhDocument           *doc,
                                           const char           *text);
/* A field table row, when there is a value. */
void        _kh_letter_add_field_if       (KhDocument           *doc,
                                           const char           *label,
                                           const char           *value);
/* The worker's name (under `name_label`), phone and e-mail. */
void        _kh_letter_add_contact_fields (KhDocument           *doc,
                                           const char           *name_label,
                                           const KhLetterSender *sender);
/* "Kind regards" and the signature. */
void        _kh_letter_add_closing        (KhDocument           *doc,
                                           const KhLetterSender *signer);
/* "14.12.2026", as the letter prints a day. */
char       *_kh_letter_format_day         (const char           *language,
                                           const GDate          *date);

G_END_DECLS
