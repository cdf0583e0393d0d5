/* kh-catalog.c — translations in a language other than the UI's
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A text for a client (the access-log extract now, letters and decisions
 * later) is in the CLIENT's language, not the worker's (DESIGN.md: "the
 * document language is the client's language"). gettext answers only in the
 * process's language and switching it is not thread-safe, so this reads
 * the same compiled catalogue (kohtaamo.mo) itself: the GNU .mo format is a
 * table of original strings sorted by bytes, and a parallel table of their
 * translations, which a binary search looks up.
 */
#define G_LOG_DOMAIN "kohtaamo-core"

#include "config.h"

#include <string.h>

#include "kh-catalog.h"

#define MO_MAGIC 0x950412deU
#define MO_MAGIC_SWAPPED 0xde120495U

typedef struct
{
  GMappedFile *file;
  const char  *data;
  gsize        size;
  gboolean     swapped;
  guint32      n;
  guint32      originals;
  guint32      translations;
} Catalog;

G_LOCK_DEFINE_STATIC (catalogs);
static GHashTable *catalogs;   /* language -> Catalog* (or NULL: none found) */

static guint32
read_u32 (const Catalog *catalog,
          guint32        offset)
{
  guint32 value;

  if ((gsize) offset + 4 > catalog->size)
    return 0;
  memcpy (&value, catalog->data + offset, 4);
  return catalog->swapped ? GUINT32_SWAP_LE_BE (value) : value;
}

/* The string at entry `index` of the table at `table` (originals or
 * translations), or NULL if the file is damaged. */
static const char *
table_string (const Catalog *catalog,
              guint32        table,
              guint32        index,
              guint32       *out_length)
{
  guint32 length = read_u32 (catalog, table + index * 8);
  guint32 offset = read_u32 (catalog, table + index * 8 + 4);

  if ((gsize) offset + length >= catalog->size || catalog->data[offset + length] != '\0')
    return NULL;
  *out_length = length;
  return catalog->data + offset;
}

static Catalog *
load_catalog (const char *language)
{
  const char *dirs[] = { g_getenv ("KOHTAAMO_LOCALEDIR"), LOCALEDIR, BUILD_LOCALEDIR };

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *path = NULL;
      GMappedFile *file;
      Catalog *catalog;
      guint32 magic;

      if (dirs[i] == NULL || *dirs[i] == '\0')
        continue;
      path = g_build_filename (dirs[i], language, "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
      file = g_mapped_file_new (path, FALSE, NULL);
      if (file == NULL)
        continue;

      catalog = g_new0 (Catalog, 1);
      catalog->file = file;
      catalog->data = g_mapped_file_get_contents (file);
      catalog->size = g_mapped_file_get_length (file);
      if (catalog->size < 28)
        magic = 0;
      else
        memcpy (&magic, catalog->data, 4);
      catalog->swapped = magic == MO_MAGIC_SWAPPED;
      if (magic != MO_MAGIC && magic != MO_MAGIC_SWAPPED)
        {
          g_warning ("%s is not a message catalogue", path);
          g_mapped_file_unref (file);
          g_free (catalog);
          continue;
        }
      catalog->n = read_u32 (catalog, 8);
      catalog->originals = read_u32 (catalog, 12);
      catalog->translations = read_u32 (catalog, 16);
      return catalog;
    }

  return NULL;
}

static const char *
lookup (const Catalog *catalog,
        const char    *key)
{
  guint32 low = 0;
  guint32 high = catalog->n;

  /* msgfmt writes the originals sorted by strcmp. */
  while (low < high)
    {
      guint32 middle = low + (high - low) / 2;
      guint32 length;
      const char *original = table_string (catalog, catalog->originals, middle, &length);
      int cmp;

      if (original == NULL)
        return NULL;
      cmp = strcmp (key, original);
      if (cmp == 0)
        {
          const char *translation = table_string (catalog, catalog->translations, middle, &length);

          /* An empty translation is an untranslated message. */
          return translation != NULL && length > 0 ? translation : NULL;
        }
      if (cmp < 0)
        high = middle;
      else
        low = middle + 1;
    }

  return NULL;
}

/**
 * kh_catalog_pgettext:
 * @language: "fi" or "sv"
 * @context: (nullable): the message context (as in C_())
 * @msgid: the English source text
 *
 * Returns: the translation in @language, or @msgid.
 */
const char *
kh_catalog_pgettext (const char *language,
                     const char *context,
                     const char *msgid)
{
  g_autofree char *key = NULL;
  Catalog *catalog;
  const char *found;

  g_return_val_if_fail (msgid != NULL, NULL);

  if (language == NULL || (strcmp (language, "fi") != 0 && strcmp (language, "sv") != 0))
    return msgid;

  G_LOCK (catalogs);
  if (catalogs == NULL)
    catalogs = g_hash_table_new (g_str_hash, g_str_equal);
  if (!g_hash_table_lookup_extended (catalogs, language, NULL, (gpointer *) &catalog))
    {
      catalog = load_catalog (language);
      /* Kept for the life of the process, like gettext's own. */
      g_hash_table_insert (catalogs, (gpointer) g_intern_string (language), catalog);
    }
  G_UNLOCK (catalogs);

  if (catalog == NULL)
    return msgid;

  /* A message with a context is stored as "context\004msgid". */
  key = context != NULL ? g_strconcat (context, "\004", msgid, NULL) : NULL;
  found = lookup (catalog, key != NULL ? key : msgid);
  return found != NULL ? found : msgid;
}
