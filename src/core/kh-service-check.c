/* kh-service-check.c — the rules of a directory entry
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "kh-service-check.h"
#include "kh-text.h"

static void
clean_field (char **field)
{
  char *clean = kh_text_clean (*field);

  g_free (*field);
  *field = clean;
}

/**
 * kh_service_clean:
 *
 * Cleans the text fields in place: reception must not find two entries that
 * differ only by spaces.
 */
void
kh_service_clean (KhService *service)
{
  g_return_if_fail (KH_IS_SERVICE (service));

  clean_field (&service->name_fi);
  clean_field (&service->name_sv);
  clean_field (&service->other_languages);
  clean_field (&service->phone);
  clean_field (&service->email);
  clean_field (&service->address);
  clean_field (&service->url);
  clean_field (&service->notes);
}

gboolean
kh_service_phone_is_valid (const char *text)
{
  guint digits = 0;

  if (text == NULL)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (strchr (" +-()", *p) == NULL)
        return FALSE;
    }
  return digits >= 3;
}

gboolean
kh_service_url_is_valid (const char *text)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;
  const char *host;

  if (text == NULL || strchr (text, ' ') != NULL)
    return FALSE;
  uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    return FALSE;
  scheme = g_uri_get_scheme (uri);
  host = g_uri_get_host (uri);
  return (g_ascii_strcasecmp (scheme, "https") == 0 || g_ascii_strcasecmp (scheme, "http") == 0)
         && host != NULL && *host != '\0';
}

gboolean
kh_service_email_is_valid (const char *text)
{
  const char *at;
  const char *dot;

  if (text == NULL || strpbrk (text, " \t\n<>,;") != NULL)
    return FALSE;
  at = strchr (text, '@');
  if (at == NULL || at == text || strchr (at + 1, '@') != NULL)
    return FALSE;
  dot = strrchr (at + 1, '.');
  return dot != NULL && dot > at + 1 && dot[1] != '\0';
}

static gboolean
too_long (const char *text,
          guint       max)
{
  return text != NULL && g_utf8_strlen (text, -1) > (glong) max;
}

static char *
casefold_or_null (const char *text)
{
  return text != NULL ? g_utf8_casefold (text, -1) : NULL;
}

/* Another entry with the same name in either language (case ignored):
 * two entries that reception cannot tell apart. */
static KhService *
find_same_name (GPtrArray *directory,
                KhService *service,
                gboolean  *out_swedish)
{
  g_autofree char *fi = casefold_or_null (service->name_fi);
  g_autofree char *sv = casefold_or_null (service->name_sv);

  for (guint i = 0; directory != NULL && i < directory->len; i++)
    {
      KhService *other = g_ptr_array_index (directory, i);
      g_autofree char *other_fi = NULL;
      g_autofree char *other_sv = NULL;

      if (other->id == service->id && service->id != 0)
        continue;
      other_fi = casefold_or_null (other->name_fi);
      other_sv = casefold_or_null (other->name_sv);
      if (fi != NULL && g_strcmp0 (fi, other_fi) == 0)
        {
          *out_swedish = FALSE;
          return other;
        }
      if (sv != NULL && g_strcmp0 (sv, other_sv) == 0)
        {
          *out_swedish = TRUE;
          return other;
        }
    }
  return NULL;
}

static char *
too_long_message (const char *field_label,
                  guint       max)
{
  /* Translators: the first %s is a field's name, %u a number of characters. */
  return g_strdup_printf (_("%s: shorten it to %u characters at most."), field_label, max);
}

/**
 * kh_service_check:
 * @service: a cleaned entry (kh_service_clean)
 * @directory: (nullable) (element-type KhService): every entry of the directory
 * @out_field: (out) (optional): the field the message belongs to
 *
 * Returns: (transfer full) (nullable): %NULL when the entry may be saved,
 *   else what is wrong, in the UI language
 */
char *
kh_service_check (KhService      *service,
                  GPtrArray      *directory,
                  KhServiceField *out_field)
{
  KhServiceField field_dummy;
  KhService *same;
  KhService *emergency;
  gboolean swedish = FALSE;

  g_return_val_if_fail (KH_IS_SERVICE (service), NULL);

  if (out_field == NULL)
    out_field = &field_dummy;
  *out_field = KH_SERVICE_FIELD_NONE;

  /* A bilingual unit needs both names; the directory shows each in the
   * reader's language. */
#define FAIL(field, message) G_STMT_START { *out_field = (field); return (message); } G_STMT_END
  if (service->name_fi == NULL)
    FAIL (KH_SERVICE_FIELD_NAME_FI, g_strdup (_("Name in Finnish: enter the service’s name.")));
  if (too_long (service->name_fi, KH_SERVICE_NAME_MAX))
    FAIL (KH_SERVICE_FIELD_NAME_FI, too_long_message (_("Name in Finnish"), KH_SERVICE_NAME_MAX));
  if (service->name_sv == NULL)
    FAIL (KH_SERVICE_FIELD_NAME_SV, g_strdup (_("Name in Swedish: enter the service’s name.")));
  if (too_long (service->name_sv, KH_SERVICE_NAME_MAX))
    FAIL (KH_SERVICE_FIELD_NAME_SV, too_long_message (_("Name in Swedish"), KH_SERVICE_NAME_MAX));
  if (kh_life_area_key (service->area) == NULL)
    FAIL (KH_SERVICE_FIELD_AREA, g_strdup (_("Life area: choose one of the list.")));
  if (kh_service_kind_key (service->kind) == NULL)
    FAIL (KH_SERVICE_FIELD_KIND, g_strdup (_("Kind: choose one of the list.")));
  if ((service->languages & ~(guint) KH_SERVICE_LANGUAGES_ALL) != 0)
    FAIL (KH_SERVICE_FIELD_LANGUAGES, g_strdup (_("Languages: choose from Finnish, Swedish and English.")));
  if (too_long (service->other_languages, KH_SERVICE_OTHER_LANGUAGES_MAX))
    FAIL (KH_SERVICE_FIELD_OTHER_LANGUAGES,
          too_long_message (_("Other languages"), KH_SERVICE_OTHER_LANGUAGES_MAX));
  if (service->phone != NULL && !kh_service_phone_is_valid (service->phone))
    FAIL (KH_SERVICE_FIELD_PHONE,
          g_strdup (_("Phone: use digits, and spaces, + - ( ) if you like.")));
  if (too_long (service->phone, KH_SERVICE_PHONE_MAX))
    FAIL (KH_SERVICE_FIELD_PHONE, too_long_message (_("Phone"), KH_SERVICE_PHONE_MAX));
  if (service->email != NULL
      && (!kh_service_email_is_valid (service->email) || too_long (service->email, KH_SERVICE_EMAIL_MAX)))
    FAIL (KH_SERVICE_FIELD_EMAIL,
          g_strdup (_("E-mail: give a whole address, e.g. neuvonta@example.fi.")));
  if (too_long (service->address, KH_SERVICE_ADDRESS_MAX))
    FAIL (KH_SERVICE_FIELD_ADDRESS, too_long_message (_("Address"), KH_SERVICE_ADDRESS_MAX));
  if (service->url != NULL && !kh_service_url_is_valid (service->url))
    FAIL (KH_SERVICE_FIELD_URL,
          g_strdup (_("Web address: give a whole address that starts with https:// or http://.")));
  if (too_long (service->url, KH_SERVICE_URL_MAX))
    FAIL (KH_SERVICE_FIELD_URL, too_long_message (_("Web address"), KH_SERVICE_URL_MAX));
  if (too_long (service->notes, KH_SERVICE_NOTES_MAX))
    FAIL (KH_SERVICE_FIELD_NOTES, too_long_message (_("Opening hours and notes"), KH_SERVICE_NOTES_MAX));
  if ((service->flags & ~(guint) KH_SERVICE_FLAGS_ALL) != 0)
    FAIL (KH_SERVICE_FIELD_FLAGS, g_strdup (_("Marks: unknown mark.")));

  same = find_same_name (directory, service, &swedish);
  if (same != NULL)
    FAIL (swedish ? KH_SERVICE_FIELD_NAME_SV : KH_SERVICE_FIELD_NAME_FI,
          /* Translators: the first %s is "Name in Finnish" or "Name in Swedish",
           * then the other entry's names in Finnish and in Swedish. */
          g_strdup_printf (_("%s: the directory already has “%s / %s”; change that entry instead."),
                           swedish ? _("Name in Swedish") : _("Name in Finnish"),
                           same->name_fi, same->name_sv));

  /* Urgent help is directed to the social emergency service (SHL 29 §):
   * reception must find exactly one, so only one active entry has the mark. */
  if (service->active && (service->flags & KH_SERVICE_FLAG_SOCIAL_EMERGENCY) != 0)
    {
      emergency = kh_service_find_social_emergency (directory);
      if (emergency != NULL && !(service->id != 0 && emergency->id == service->id))
        FAIL (KH_SERVICE_FIELD_FLAGS,
              /* Translators: the entry that has the mark, in Finnish and in Swedish. */
              g_strdup_printf (_("Social emergency service: “%s / %s” already has this mark; "
                                 "remove it there first."),
                               emergency->name_fi, emergency->name_sv));
    }
#undef FAIL

  return NULL;
}

/**
 * kh_service_find_social_emergency:
 * @services: (nullable) (element-type KhService):
 *
 * Returns: (transfer none) (nullable): the first active entry with the
 *   social emergency mark
 */
KhService *
kh_service_find_social_emergency (GPtrArray *services)
{
  for (guint i = 0; services != NULL && i < services->len; i++)
    {
      KhService *service = g_ptr_array_index (services, i);

      if (service->active && (service->flags & KH_SERVICE_FLAG_SOCIAL_EMERGENCY) != 0)
        return service;
    }
  return NULL;
}
