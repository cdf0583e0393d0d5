/* kh-enum-table.c — the key/label tables behind the domain's enumerations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kohtaamo-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kh-catalog.h"
#include "kh-enum-table.h"

/* Tables are a dozen or two rows at most, so a linear search is both the
 * simplest and the fastest. */
const KhEnumEntry *
kh_enum_table_find (const KhEnumEntry *table,
                    int                value)
{
  for (const KhEnumEntry *e = table; e->key != NULL; e++)
    if (e->value == value)
      return e;
  return NULL;
}

int
kh_enum_table_value (const KhEnumEntry *table,
                     const char        *key)
{
  if (key == NULL)
    return 0;
  for (const KhEnumEntry *e = table; e->key != NULL; e++)
    if (strcmp (e->key, key) == 0)
      return e->value;
  return 0;
}

const char *
kh_enum_table_key (const KhEnumEntry *table,
                   int                value)
{
  const KhEnumEntry *e = kh_enum_table_find (table, value);

  return e != NULL ? e->key : NULL;
}

/* g_dpgettext2 is what C_() expands to; calling it here keeps the context
 * that NC_() recorded in the table, so translators see the same context
 * that the lookup uses. */
const char *
kh_enum_table_label (const KhEnumEntry *table,
                     int                value)
{
  const KhEnumEntry *e = kh_enum_table_find (table, value);

  if (e == NULL)
    return NULL;
  if (e->context != NULL)
    return g_dpgettext2 (GETTEXT_PACKAGE, e->context, e->label);
  return g_dgettext (GETTEXT_PACKAGE, e->label);
}

const char *
kh_enum_table_label_in (const KhEnumEntry *table,
                        int                value,
                        const char        *language)
{
  const KhEnumEntry *e = kh_enum_table_find (table, value);

  if (e == NULL)
    return NULL;
  return kh_catalog_pgettext (language, e->context, e->label);
}
