/* kh-enum-table.h — the key/label tables behind the domain's enumerations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Private to src/core. Every enumeration has two names per value: a stable
 * ASCII key (CSV files, the command line, logs) and a label for the screen.
 * A table is a static array of rows ended by END; the label is kept
 * untranslated (marked with N_ or NC_) and translated when asked for, so
 * that a change of the UI language takes effect at once.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  int         value;
  const char *key;
  const char *context;   /* message context for C_ labels, or NULL */
  const char *label;
} KhEnumEntry;

#define ROW(v, k, l)        { (v), (k), NULL, (l) }
#define ROW_C(v, k, c, l)   { (v), (k), (c), (l) }
#define END                 { 0, NULL, NULL, NULL }

const KhEnumEntry *kh_enum_table_find     (const KhEnumEntry *table,
                                           int                value);
/* The value of a key, or 0 when the key is NULL or unknown. */
int                kh_enum_table_value    (const KhEnumEntry *table,
                                           const char        *key);
const char        *kh_enum_table_key      (const KhEnumEntry *table,
                                           int                value);
/* In the UI language. */
const char        *kh_enum_table_label    (const KhEnumEntry *table,
                                           int                value);
/* In a given language ("fi", "sv"), for texts that go to the client. */
const char        *kh_enum_table_label_in (const KhEnumEntry *table,
                                           int                value,
                                           const char        *language);

G_END_DECLS
