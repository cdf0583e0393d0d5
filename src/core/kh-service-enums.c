/* kh-service-enums.c — life areas, kinds, languages and flags of the directory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "kh-service-enums.h"

typedef struct
{
  int         value;
  const char *key;
  const char *context;
  const char *label;
} Entry;

static const Entry life_areas[] = {
  { KH_LIFE_AREA_WORK,          "work",          "life area", NC_("life area", "Work and functioning") },
  { KH_LIFE_AREA_SKILLS,        "skills",        "life area", NC_("life area", "Skills and education") },
  { KH_LIFE_AREA_FINANCES,      "finances",      "life area", NC_("life area", "Finances") },
  { KH_LIFE_AREA_EVERYDAY_LIFE, "everyday-life", "life area", NC_("life area", "Everyday life") },
  { KH_LIFE_AREA_PARTICIPATION, "participation", "life area", NC_("life area", "Participation") },
  { KH_LIFE_AREA_HOUSING,       "housing",       "life area", NC_("life area", "Housing") },
  { KH_LIFE_AREA_HEALTH_SAFETY, "health-safety", "life area", NC_("life area", "Health and safety") },
  /* Translators: entries that have no life area yet (made before the map). */
  { KH_LIFE_AREA_OTHER,         "other",         "life area", NC_("life area", "Not placed yet") },
  { 0, NULL, NULL, NULL }
};

static const Entry kinds[] = {
  { KH_SERVICE_KIND_AUTHORITY,    "authority",    "service kind", NC_("service kind", "Public authority") },
  { KH_SERVICE_KIND_COUNTY,       "county",       "service kind", NC_("service kind", "Wellbeing services county") },
  { KH_SERVICE_KIND_MUNICIPALITY, "municipality", "service kind", NC_("service kind", "Municipality") },
  { KH_SERVICE_KIND_PARISH,       "parish",       "service kind", NC_("service kind", "Parish") },
  { KH_SERVICE_KIND_NGO,          "ngo",          "service kind", NC_("service kind", "Non-governmental organisation") },
  { KH_SERVICE_KIND_COMPANY,      "company",      "service kind", NC_("service kind", "Company") },
  /* Translators: who runs the service is not recorded (entries made before the map). */
  { KH_SERVICE_KIND_OTHER,        "unknown",      "service kind", NC_("service kind", "Not recorded") },
  { 0, NULL, NULL, NULL }
};

static const Entry languages[] = {
  { KH_SERVICE_LANGUAGE_FI, "fi", "language served", NC_("language served", "Finnish") },
  { KH_SERVICE_LANGUAGE_SV, "sv", "language served", NC_("language served", "Swedish") },
  { KH_SERVICE_LANGUAGE_EN, "en", "language served", NC_("language served", "English") },
  { 0, NULL, NULL, NULL }
};

/* The same in running text ("Kela · Finnish, Swedish"): Finnish and
 * Swedish write language names in lower case there. */
static const Entry languages_in_text[] = {
  { KH_SERVICE_LANGUAGE_FI, "fi", "language served, in running text", NC_("language served, in running text", "Finnish") },
  { KH_SERVICE_LANGUAGE_SV, "sv", "language served, in running text", NC_("language served, in running text", "Swedish") },
  { KH_SERVICE_LANGUAGE_EN, "en", "language served, in running text", NC_("language served, in running text", "English") },
  { 0, NULL, NULL, NULL }
};

static const Entry flags[] = {
  { KH_SERVICE_FLAG_SOCIAL_EMERGENCY, "social-emergency", "service flag",
    NC_("service flag", "Social emergency service") },
  { KH_SERVICE_FLAG_AROUND_THE_CLOCK, "around-the-clock", "service flag",
    NC_("service flag", "Answers day and night") },
  { 0, NULL, NULL, NULL }
};

static const Entry *
find_value (const Entry *table,
            int          value)
{
  for (const Entry *e = table; e->key != NULL; e++)
    if (e->value == value)
      return e;
  return NULL;
}

static int
find_key (const Entry *table,
          const char  *key)
{
  if (key == NULL)
    return 0;
  for (const Entry *e = table; e->key != NULL; e++)
    if (strcmp (e->key, key) == 0)
      return e->value;
  return 0;
}

static const char *
key_of (const Entry *table,
        int          value)
{
  const Entry *e = find_value (table, value);

  return e != NULL ? e->key : NULL;
}

static const char *
label_of (const Entry *table,
          int          value)
{
  const Entry *e = find_value (table, value);

  return e != NULL ? g_dpgettext2 (GETTEXT_PACKAGE, e->context, e->label) : NULL;
}

const char *
kh_life_area_key (KhLifeArea value)
{
  return key_of (life_areas, value);
}

/**
 * kh_life_area_label:
 *
 * Returns: (nullable): the area's name in the UI language, %NULL for a value
 *   that is not one
 */
const char *
kh_life_area_label (KhLifeArea value)
{
  return label_of (life_areas, value);
}

KhLifeArea
kh_life_area_from_key (const char *key)
{
  return find_key (life_areas, key);
}

const char *
kh_service_kind_key (KhServiceKind value)
{
  return key_of (kinds, value);
}

const char *
kh_service_kind_label (KhServiceKind value)
{
  return label_of (kinds, value);
}

KhServiceKind
kh_service_kind_from_key (const char *key)
{
  return find_key (kinds, key);
}

const char *
kh_service_language_key (KhServiceLanguages language)
{
  return key_of (languages, language);
}

const char *
kh_service_language_label (KhServiceLanguages language)
{
  return label_of (languages, language);
}

/**
 * kh_service_languages_describe:
 *
 * Returns: (transfer full): the languages as running text, "Finnish,
 *   Swedish" ("suomi, ruotsi"); "" for none
 */
char *
kh_service_languages_describe (guint value)
{
  GString *text = g_string_new (NULL);

  for (const Entry *e = languages_in_text; e->key != NULL; e++)
    if (value & (guint) e->value)
      {
        if (text->len > 0)
          g_string_append (text, ", ");
        g_string_append (text, g_dpgettext2 (GETTEXT_PACKAGE, e->context, e->label));
      }
  return g_string_free (text, FALSE);
}

/**
 * kh_service_languages_parse:
 * @text: language keys separated by commas or spaces, e.g. "fi,sv"
 *
 * Returns: %TRUE with the flags in @out_languages; %FALSE for an unknown
 *   key or an empty list
 */
gboolean
kh_service_languages_parse (const char *text,
                            guint      *out_languages)
{
  g_auto(GStrv) words = NULL;
  guint result = 0;

  g_return_val_if_fail (out_languages != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  words = g_strsplit_set (text, ", ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      int value;

      if (*words[i] == '\0')
        continue;
      value = find_key (languages, words[i]);
      if (value == 0)
        return FALSE;
      result |= (guint) value;
    }
  if (result == 0)
    return FALSE;
  *out_languages = result;
  return TRUE;
}

/**
 * kh_service_languages_format:
 *
 * Returns: (transfer full): the keys, "fi, sv"; "" for none
 */
char *
kh_service_languages_format (guint value)
{
  GString *text = g_string_new (NULL);

  for (const Entry *e = languages; e->key != NULL; e++)
    if (value & (guint) e->value)
      {
        if (text->len > 0)
          g_string_append (text, ", ");
        g_string_append (text, e->key);
      }
  return g_string_free (text, FALSE);
}

const char *
kh_service_flag_key (KhServiceFlags flag)
{
  return key_of (flags, flag);
}

const char *
kh_service_flag_label (KhServiceFlags flag)
{
  return label_of (flags, flag);
}

KhServiceFlags
kh_service_flag_from_key (const char *key)
{
  return find_key (flags, key);
}
