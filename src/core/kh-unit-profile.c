/* kh-unit-profile.c — the unit's letterhead, rectification authority, logo
 * and decision makers, and their settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "kh-service-check.h"
#include "kh-text.h"
#include "kh-unit-profile.h"

typedef enum {
  KIND_LINE,
  KIND_PHONE,
  KIND_EMAIL,
  KIND_WEB,
  KIND_POSTAL_CODE_TOWN,
} FieldKind;

/* Keep in sync with data/sql/pg/NNNN-document-settings.sql and
 * data/sql/NNNN-document-settings.sql (the keys and the lengths). */
static const struct {
  const char *key;
  guint       max;
  FieldKind   kind;
  gboolean    for_letter;     /* required for every document */
  gboolean    for_decision;   /* required for a decision */
} fields[KH_UNIT_PROFILE_N_FIELDS] = {
  [KH_UNIT_PROFILE_ORGANISATION]               = { "organisation",               120, KIND_LINE,             TRUE,  TRUE  },
  [KH_UNIT_PROFILE_UNIT]                       = { "unit",                       120, KIND_LINE,             FALSE, FALSE },
  [KH_UNIT_PROFILE_POSTAL_ADDRESS]             = { "postal_address",             120, KIND_LINE,             TRUE,  TRUE  },
  [KH_UNIT_PROFILE_POSTAL_CODE_TOWN]           = { "postal_code_town",            60, KIND_POSTAL_CODE_TOWN, TRUE,  TRUE  },
  [KH_UNIT_PROFILE_PHONE]                      = { "phone",                       40, KIND_PHONE,            TRUE,  TRUE  },
  [KH_UNIT_PROFILE_EMAIL]                      = { "email",                      254, KIND_EMAIL,            FALSE, FALSE },
  [KH_UNIT_PROFILE_WEB]                        = { "web",                        200, KIND_WEB,              FALSE, FALSE },
  [KH_UNIT_PROFILE_AUTHORITY_NAME]             = { "authority_name",             200, KIND_LINE,             FALSE, TRUE  },
  [KH_UNIT_PROFILE_AUTHORITY_POSTAL_ADDRESS]   = { "authority_postal_address",   120, KIND_LINE,             FALSE, TRUE  },
  [KH_UNIT_PROFILE_AUTHORITY_POSTAL_CODE_TOWN] = { "authority_postal_code_town",  60, KIND_POSTAL_CODE_TOWN, FALSE, TRUE  },
  [KH_UNIT_PROFILE_AUTHORITY_VISITING_ADDRESS] = { "authority_visiting_address", 200, KIND_LINE,             FALSE, TRUE  },
  [KH_UNIT_PROFILE_AUTHORITY_EMAIL]            = { "authority_email",            254, KIND_EMAIL,            FALSE, TRUE  },
  [KH_UNIT_PROFILE_AUTHORITY_OPENING_HOURS]    = { "authority_opening_hours",    200, KIND_LINE,             FALSE, TRUE  },
};

static guint
language_index (KhLanguage language)
{
  return language == KH_LANGUAGE_SV ? 1 : 0;
}

static const char *
language_suffix (guint index)
{
  return index == 1 ? "sv" : "fi";
}

/* ---- decision makers ---- */

KhDecisionMaker *
kh_decision_maker_new (void)
{
  KhDecisionMaker *self = g_new0 (KhDecisionMaker, 1);

  self->active = TRUE;
  return self;
}

KhDecisionMaker *
kh_decision_maker_copy (const KhDecisionMaker *self)
{
  KhDecisionMaker *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (KhDecisionMaker, 1);
  copy->id = self->id;
  copy->name = g_strdup (self->name);
  copy->title_fi = g_strdup (self->title_fi);
  copy->title_sv = g_strdup (self->title_sv);
  copy->phone = g_strdup (self->phone);
  copy->email = g_strdup (self->email);
  copy->active = self->active;
  return copy;
}

void
kh_decision_maker_free (KhDecisionMaker *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self->title_fi);
  g_free (self->title_sv);
  g_free (self->phone);
  g_free (self->email);
  g_free (self);
}

/**
 * kh_decision_maker_get_title:
 *
 * Returns: (nullable): the title in @language, never the other one's
 */
const char *
kh_decision_maker_get_title (const KhDecisionMaker *self,
                             KhLanguage             language)
{
  g_return_val_if_fail (self != NULL, NULL);

  return language == KH_LANGUAGE_SV ? self->title_sv : self->title_fi;
}

static gboolean
check_line (const char  *label,
            const char  *text,
            guint        max,
            char       **out_message)
{
  g_autoptr(GError) error = NULL;

  if (kh_text_check_field (label, text, KH_TEXT_LINE, max, &error))
    return TRUE;
  *out_message = g_strdup (error->message);
  return FALSE;
}

/**
 * kh_decision_maker_check:
 *
 * The name and at least one title are required; phone and e-mail are
 * optional and must look like ones. Cleans nothing: give it clean text.
 *
 * Returns: (transfer full) (nullable): a translated message, or %NULL
 */
char *
kh_decision_maker_check (const KhDecisionMaker *self)
{
  char *message = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->name == NULL || *self->name == '\0')
    return g_strdup (_("Name: write the decision maker’s name."));
  if (!check_line (_("Name"), self->name, KH_DECISION_MAKER_NAME_MAX, &message)
      || !check_line (_("Title in Finnish"), self->title_fi, KH_DECISION_MAKER_TITLE_MAX, &message)
      || !check_line (_("Title in Swedish"), self->title_sv, KH_DECISION_MAKER_TITLE_MAX, &message)
      || !check_line (_("Phone"), self->phone, 40, &message)
      || !check_line (_("E-mail"), self->email, 254, &message))
    return message;
  if ((self->title_fi == NULL || *self->title_fi == '\0')
      && (self->title_sv == NULL || *self->title_sv == '\0'))
    return g_strdup (_("Title in Finnish: write the decision maker’s title, as it is printed "
                       "under the name (e.g. sosiaalityöntekijä)."));
  if (self->phone != NULL && *self->phone != '\0' && !kh_service_phone_is_valid (self->phone))
    return g_strdup (_("Phone: use digits, spaces and + - ( ), e.g. 040 123 4567."));
  if (self->email != NULL && *self->email != '\0' && !kh_service_email_is_valid (self->email))
    return g_strdup (_("E-mail: write the whole address, e.g. etunimi.sukunimi@example.fi."));
  return NULL;
}

/* ---- the profile ---- */

KhUnitProfile *
kh_unit_profile_new (void)
{
  KhUnitProfile *self = g_new0 (KhUnitProfile, 1);

  self->decision_makers = g_ptr_array_new_with_free_func ((GDestroyNotify) kh_decision_maker_free);
  return self;
}

KhUnitProfile *
kh_unit_profile_copy (const KhUnitProfile *self)
{
  KhUnitProfile *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = kh_unit_profile_new ();
  for (guint l = 0; l < 2; l++)
    for (guint f = 0; f < KH_UNIT_PROFILE_N_FIELDS; f++)
      copy->text[l][f] = g_strdup (self->text[l][f]);
  copy->logo = self->logo != NULL ? g_bytes_ref (self->logo) : NULL;
  for (guint i = 0; i < self->decision_makers->len; i++)
    g_ptr_array_add (copy->decision_makers,
                     kh_decision_maker_copy (g_ptr_array_index (self->decision_makers, i)));
  return copy;
}

void
kh_unit_profile_free (KhUnitProfile *self)
{
  if (self == NULL)
    return;
  for (guint l = 0; l < 2; l++)
    for (guint f = 0; f < KH_UNIT_PROFILE_N_FIELDS; f++)
      g_free (self->text[l][f]);
  g_clear_pointer (&self->logo, g_bytes_unref);
  g_clear_pointer (&self->decision_makers, g_ptr_array_unref);
  g_free (self);
}

const char *
kh_unit_profile_field_key (KhUnitProfileField field)
{
  g_return_val_if_fail (field < KH_UNIT_PROFILE_N_FIELDS, NULL);

  return fields[field].key;
}

/**
 * kh_unit_profile_field_label:
 *
 * Returns: the field's label as Preferences shows it, inside its group
 *   ("Name" of the rectification authority)
 */
const char *
kh_unit_profile_field_label (KhUnitProfileField field)
{
  switch (field)
    {
    case KH_UNIT_PROFILE_ORGANISATION:
      /* Translators: the letterhead's first line, e.g. "Hyvinvointialue Esimerkki" */
      return _("Organisation");
    case KH_UNIT_PROFILE_UNIT:
      /* Translators: the letterhead's second line, e.g. "Aikuissosiaalityö" */
      return _("Unit");
    case KH_UNIT_PROFILE_POSTAL_ADDRESS:
    case KH_UNIT_PROFILE_AUTHORITY_POSTAL_ADDRESS:
      /* Translators: a street address or a P.O. box, without the postal code */
      return _("Postal address");
    case KH_UNIT_PROFILE_POSTAL_CODE_TOWN:
    case KH_UNIT_PROFILE_AUTHORITY_POSTAL_CODE_TOWN:
      return _("Postal code and town");
    case KH_UNIT_PROFILE_PHONE:
      return _("Phone");
    case KH_UNIT_PROFILE_EMAIL:
    case KH_UNIT_PROFILE_AUTHORITY_EMAIL:
      return _("E-mail");
    case KH_UNIT_PROFILE_WEB:
      return _("Web address");
    case KH_UNIT_PROFILE_AUTHORITY_NAME:
      /* Translators: the name of the body that handles rectification
       * requests, e.g. "Yksilöasioiden jaosto" */
      return _("Name of the authority");
    case KH_UNIT_PROFILE_AUTHORITY_VISITING_ADDRESS:
      return _("Visiting address");
    case KH_UNIT_PROFILE_AUTHORITY_OPENING_HOURS:
      /* Translators: when the registry office takes requests, e.g. "ma–pe 8–16" */
      return _("Opening hours");
    case KH_UNIT_PROFILE_N_FIELDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The field named outside its group, for a message about a document. */
static const char *
field_description (KhUnitProfileField field)
{
  switch (field)
    {
    case KH_UNIT_PROFILE_ORGANISATION:
      return _("the letterhead’s organisation");
    case KH_UNIT_PROFILE_UNIT:
      return _("the letterhead’s unit");
    case KH_UNIT_PROFILE_POSTAL_ADDRESS:
      return _("the letterhead’s postal address");
    case KH_UNIT_PROFILE_POSTAL_CODE_TOWN:
      return _("the letterhead’s postal code and town");
    case KH_UNIT_PROFILE_PHONE:
      return _("the letterhead’s phone number");
    case KH_UNIT_PROFILE_EMAIL:
      return _("the letterhead’s e-mail address");
    case KH_UNIT_PROFILE_WEB:
      return _("the letterhead’s web address");
    case KH_UNIT_PROFILE_AUTHORITY_NAME:
      return _("the name of the rectification authority");
    case KH_UNIT_PROFILE_AUTHORITY_POSTAL_ADDRESS:
      return _("the rectification authority’s postal address");
    case KH_UNIT_PROFILE_AUTHORITY_POSTAL_CODE_TOWN:
      return _("the rectification authority’s postal code and town");
    case KH_UNIT_PROFILE_AUTHORITY_VISITING_ADDRESS:
      return _("the rectification authority’s visiting address");
    case KH_UNIT_PROFILE_AUTHORITY_EMAIL:
      return _("the rectification authority’s e-mail address");
    case KH_UNIT_PROFILE_AUTHORITY_OPENING_HOURS:
      return _("the rectification authority’s opening hours");
    case KH_UNIT_PROFILE_N_FIELDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

guint
kh_unit_profile_field_max (KhUnitProfileField field)
{
  g_return_val_if_fail (field < KH_UNIT_PROFILE_N_FIELDS, 0);

  return fields[field].max;
}

gboolean
kh_unit_profile_field_is_worded (KhUnitProfileField field)
{
  g_return_val_if_fail (field < KH_UNIT_PROFILE_N_FIELDS, TRUE);

  return fields[field].kind != KIND_PHONE && fields[field].kind != KIND_EMAIL
         && fields[field].kind != KIND_WEB;
}

char *
kh_unit_profile_setting_key (KhUnitProfileField field,
                             KhLanguage         language)
{
  g_return_val_if_fail (field < KH_UNIT_PROFILE_N_FIELDS, NULL);
  g_return_val_if_fail (language == KH_LANGUAGE_FI || language == KH_LANGUAGE_SV, NULL);

  return g_strdup_printf (KH_SETTING_DOCUMENT_PREFIX "%s_%s", fields[field].key,
                          language_suffix (language_index (language)));
}

const char * const *
kh_unit_profile_setting_keys (void)
{
  static char **keys;

  if (g_once_init_enter (&keys))
    {
      GPtrArray *all = g_ptr_array_new ();

      for (guint l = 0; l < 2; l++)
        for (guint f = 0; f < KH_UNIT_PROFILE_N_FIELDS; f++)
          g_ptr_array_add (all, kh_unit_profile_setting_key (f, l == 1 ? KH_LANGUAGE_SV : KH_LANGUAGE_FI));
      g_ptr_array_add (all, g_strdup (KH_SETTING_DOCUMENT_DECISION_MAKERS));
      g_ptr_array_add (all, g_strdup (KH_SETTING_DOCUMENT_LOGO));
      g_ptr_array_add (all, NULL);
      g_once_init_leave (&keys, (char **) g_ptr_array_free (all, FALSE));
    }
  return (const char * const *) keys;
}

/* Parses "document_<field>_<fi|sv>". */
static gboolean
parse_field_key (const char          *key,
                 KhUnitProfileField  *out_field,
                 guint               *out_language)
{
  const char *middle;
  gsize length;

  if (!g_str_has_prefix (key, KH_SETTING_DOCUMENT_PREFIX))
    return FALSE;
  middle = key + strlen (KH_SETTING_DOCUMENT_PREFIX);
  length = strlen (middle);
  if (length < 4 || middle[length - 3] != '_')
    return FALSE;
  for (guint f = 0; f < KH_UNIT_PROFILE_N_FIELDS; f++)
    if (strlen (fields[f].key) == length - 3 && strncmp (middle, fields[f].key, length - 3) == 0)
      for (guint l = 0; l < 2; l++)
        if (strcmp (middle + length - 2, language_suffix (l)) == 0)
          {
            *out_field = f;
            *out_language = l;
            return TRUE;
          }
  return FALSE;
}

static gboolean
postal_code_town_is_valid (const char *text)
{
  for (guint i = 0; i < 5; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return text[5] == ' ' && text[6] != '\0' && text[6] != ' ';
}

/* A web address as a letterhead prints it: "www.example.fi" or a whole
 * http(s) address. */
static gboolean
web_is_valid (const char *text)
{
  if (strstr (text, "://") != NULL)
    return kh_service_url_is_valid (text);
  return strpbrk (text, " @") == NULL && strchr (text, '.') != NULL
         && g_ascii_isalnum (text[0]) && text[strlen (text) - 1] != '.';
}

/**
 * kh_unit_profile_clean_field:
 *
 * Returns: (transfer full) (nullable): the cleaned value ("" when empty), or
 *   %NULL with a translated message in @out_message
 */
char *
kh_unit_profile_clean_field (KhUnitProfileField   field,
                             const char          *text,
                             char               **out_message)
{
  g_autofree char *clean = NULL;
  g_autoptr(GError) error = NULL;
  const char *label;

  g_return_val_if_fail (field < KH_UNIT_PROFILE_N_FIELDS, NULL);
  g_return_val_if_fail (out_message != NULL, NULL);

  *out_message = NULL;
  label = kh_unit_profile_field_label (field);
  /* Checked before cleaning too: cleaning would turn a line break into a space. */
  if (!kh_text_check_field (label, text, KH_TEXT_LINE, 0, &error))
    {
      *out_message = g_strdup (error->message);
      return NULL;
    }
  clean = kh_text_clean (text);
  if (clean == NULL)
    return g_strdup ("");
  if (!kh_text_check_field (label, clean, KH_TEXT_LINE, fields[field].max, &error))
    {
      *out_message = g_strdup (error->message);
      return NULL;
    }
  switch (fields[field].kind)
    {
    case KIND_PHONE:
      if (!kh_service_phone_is_valid (clean))
        *out_message = g_strdup_printf (_("%s: use digits, spaces and + - ( ), e.g. 09 123 4567."), label);
      break;
    case KIND_EMAIL:
      if (!kh_service_email_is_valid (clean))
        *out_message = g_strdup_printf (_("%s: write the whole address, e.g. kirjaamo@example.fi."), label);
      break;
    case KIND_WEB:
      if (!web_is_valid (clean))
        *out_message = g_strdup_printf (_("%s: write the address as it is printed, e.g. www.example.fi."), label);
      break;
    case KIND_POSTAL_CODE_TOWN:
      if (!postal_code_town_is_valid (clean))
        *out_message = g_strdup_printf (_("%s: the five-digit postal code, a space and the town, e.g. 00101 Helsinki."), label);
      break;
    case KIND_LINE:
    default:
      break;
    }
  if (*out_message != NULL)
    return NULL;
  return g_steal_pointer (&clean);
}

/* ---- reading ---- */

/**
 * kh_unit_profile_get:
 *
 * Returns: (nullable): the value, borrowed; see the header for the rule
 */
const char *
kh_unit_profile_get (const KhUnitProfile *self,
                     KhUnitProfileField   field,
                     KhLanguage           language)
{
  guint l;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (field < KH_UNIT_PROFILE_N_FIELDS, NULL);
  g_return_val_if_fail (language == KH_LANGUAGE_FI || language == KH_LANGUAGE_SV, NULL);

  l = language_index (language);
  if (self->text[l][field] != NULL || kh_unit_profile_field_is_worded (field))
    return self->text[l][field];
  return self->text[1 - l][field];
}

void
kh_unit_profile_get_letterhead (const KhUnitProfile *self,
                                KhLanguage           language,
                                KhLetterhead        *out)
{
  g_return_if_fail (self != NULL && out != NULL);

  out->organisation = kh_unit_profile_get (self, KH_UNIT_PROFILE_ORGANISATION, language);
  out->unit = kh_unit_profile_get (self, KH_UNIT_PROFILE_UNIT, language);
  out->postal_address = kh_unit_profile_get (self, KH_UNIT_PROFILE_POSTAL_ADDRESS, language);
  out->postal_code_town = kh_unit_profile_get (self, KH_UNIT_PROFILE_POSTAL_CODE_TOWN, language);
  out->phone = kh_unit_profile_get (self, KH_UNIT_PROFILE_PHONE, language);
  out->email = kh_unit_profile_get (self, KH_UNIT_PROFILE_EMAIL, language);
  out->web = kh_unit_profile_get (self, KH_UNIT_PROFILE_WEB, language);
}

void
kh_unit_profile_get_authority (const KhUnitProfile      *self,
                               KhLanguage                language,
                               KhRectificationAuthority *out)
{
  g_return_if_fail (self != NULL && out != NULL);

  out->name = kh_unit_profile_get (self, KH_UNIT_PROFILE_AUTHORITY_NAME, language);
  out->postal_address = kh_unit_profile_get (self, KH_UNIT_PROFILE_AUTHORITY_POSTAL_ADDRESS, language);
  out->postal_code_town = kh_unit_profile_get (self, KH_UNIT_PROFILE_AUTHORITY_POSTAL_CODE_TOWN, language);
  out->visiting_address = kh_unit_profile_get (self, KH_UNIT_PROFILE_AUTHORITY_VISITING_ADDRESS, language);
  out->email = kh_unit_profile_get (self, KH_UNIT_PROFILE_AUTHORITY_EMAIL, language);
  out->opening_hours = kh_unit_profile_get (self, KH_UNIT_PROFILE_AUTHORITY_OPENING_HOURS, language);
}

/**
 * kh_unit_profile_list_decision_makers:
 *
 * Returns: (transfer container): the active decision makers with a title in
 *   @language, borrowed from @self
 */
GPtrArray *
kh_unit_profile_list_decision_makers (const KhUnitProfile *self,
                                      KhLanguage           language)
{
  GPtrArray *list = g_ptr_array_new ();

  g_return_val_if_fail (self != NULL, list);

  for (guint i = 0; i < self->decision_makers->len; i++)
    {
      KhDecisionMaker *maker = g_ptr_array_index (self->decision_makers, i);

      if (maker->active && kh_decision_maker_get_title (maker, language) != NULL)
        g_ptr_array_add (list, maker);
    }
  return list;
}

static KhDecisionMaker *
find_maker (GPtrArray *list,
            guint      id)
{
  for (guint i = 0; i < list->len; i++)
    {
      KhDecisionMaker *maker = g_ptr_array_index (list, i);

      if (maker->id == id)
        return maker;
    }
  return NULL;
}

const KhDecisionMaker *
kh_unit_profile_find_decision_maker (const KhUnitProfile *self,
                                     guint                id)
{
  g_return_val_if_fail (self != NULL, NULL);

  return find_maker (self->decision_makers, id);
}

/**
 * kh_unit_profile_check:
 *
 * Returns: (transfer full) (element-type utf8): the translated messages,
 *   empty when a document of @purpose can be made in @language
 */
GPtrArray *
kh_unit_profile_check (const KhUnitProfile  *self,
                       KhLanguage            language,
                       KhUnitProfilePurpose  purpose)
{
  GPtrArray *messages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) makers = NULL;

  g_return_val_if_fail (self != NULL, messages);
  g_return_val_if_fail (language == KH_LANGUAGE_FI || language == KH_LANGUAGE_SV, messages);

  for (guint f = 0; f < KH_UNIT_PROFILE_N_FIELDS; f++)
    {
      gboolean required = purpose == KH_UNIT_PROFILE_FOR_DECISION ? fields[f].for_decision
                                                                 : fields[f].for_letter;

      if (!required || kh_unit_profile_get (self, f, language) != NULL)
        continue;
      g_ptr_array_add (messages,
                       language == KH_LANGUAGE_SV
                       /* Translators: %s is e.g. "the letterhead’s postal address" */
                       ? g_strdup_printf (_("Missing in Swedish: %s."), field_description (f))
                       /* Translators: %s is e.g. "the letterhead’s postal address" */
                       : g_strdup_printf (_("Missing in Finnish: %s."), field_description (f)));
    }
  if (purpose != KH_UNIT_PROFILE_FOR_DECISION)
    return messages;
  makers = kh_unit_profile_list_decision_makers (self, language);
  if (makers->len == 0)
    g_ptr_array_add (messages,
                     g_strdup (language == KH_LANGUAGE_SV
                               ? _("No decision maker in use has a title in Swedish.")
                               : _("No decision maker in use has a title in Finnish.")));
  return messages;
}

/* ---- decision makers in a setting ---- */

static char *
empty_to_null (const char *text)
{
  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

char *
kh_decision_makers_to_setting (GPtrArray *decision_makers)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; decision_makers != NULL && i < decision_makers->len; i++)
    {
      KhDecisionMaker *maker = g_ptr_array_index (decision_makers, i);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, "%u\t%s\t%s\t%s\t%s\t%s\t%d", maker->id,
                              maker->name != NULL ? maker->name : "",
                              maker->title_fi != NULL ? maker->title_fi : "",
                              maker->title_sv != NULL ? maker->title_sv : "",
                              maker->phone != NULL ? maker->phone : "",
                              maker->email != NULL ? maker->email : "",
                              maker->active ? 1 : 0);
    }
  return g_string_free (text, FALSE);
}

/**
 * kh_decision_makers_parse:
 *
 * Returns: (transfer full) (nullable): the list, or %NULL with a translated
 *   message that names the line
 */
GPtrArray *
kh_decision_makers_parse (const char  *value,
                          char       **out_message)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) kh_decision_maker_free);
  g_auto(GStrv) lines = NULL;

  g_return_val_if_fail (out_message != NULL, NULL);

  *out_message = NULL;
  if (value == NULL || *value == '\0')
    return g_steal_pointer (&list);
  if (!g_utf8_validate (value, -1, NULL))
    {
      *out_message = g_strdup (_("The list of decision makers is not readable (not UTF-8)."));
      return NULL;
    }
  lines = g_strsplit (value, "\n", -1);
  if (g_strv_length (lines) > KH_UNIT_PROFILE_DECISION_MAKERS_MAX)
    {
      *out_message = g_strdup_printf (_("The list of decision makers can have at most %u names."),
                                      KH_UNIT_PROFILE_DECISION_MAKERS_MAX);
      return NULL;
    }
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (lines[i], "\t", -1);
      g_autoptr(KhDecisionMaker) maker = NULL;
      g_autofree char *problem = NULL;
      guint64 id = 0;

      if (g_strv_length (parts) != 7
          || !g_ascii_string_to_unsigned (parts[0], 10, 1, G_MAXINT32, &id, NULL)
          || (strcmp (parts[6], "0") != 0 && strcmp (parts[6], "1") != 0))
        problem = g_strdup (_("it is not id, name, two titles, phone, e-mail and 0 or 1 split by tabs"));
      else
        {
          maker = kh_decision_maker_new ();
          maker->id = (guint) id;
          maker->name = empty_to_null (parts[1]);
          maker->title_fi = empty_to_null (parts[2]);
          maker->title_sv = empty_to_null (parts[3]);
          maker->phone = empty_to_null (parts[4]);
          maker->email = empty_to_null (parts[5]);
          maker->active = parts[6][0] == '1';
          for (guint j = 1; j < 6 && problem == NULL; j++)
            {
              g_autofree char *clean = kh_text_clean (parts[j]);

              if (g_strcmp0 (clean != NULL ? clean : "", parts[j]) != 0)
                problem = g_strdup (_("a field has extra spaces"));
            }
          if (problem == NULL)
            problem = kh_decision_maker_check (maker);
          if (problem == NULL && find_maker (list, maker->id) != NULL)
            problem = g_strdup (_("its id is used twice"));
        }
      if (problem != NULL)
        {
          /* Translators: %u is a line number, %s what is wrong with it */
          *out_message = g_strdup_printf (_("Decision makers, line %u: %s"), i + 1, problem);
          return NULL;
        }
      g_ptr_array_add (list, g_steal_pointer (&maker));
    }
  return g_steal_pointer (&list);
}

guint
kh_decision_makers_next_id (GPtrArray *decision_makers)
{
  guint next = 1;

  for (guint i = 0; decision_makers != NULL && i < decision_makers->len; i++)
    {
      KhDecisionMaker *maker = g_ptr_array_index (decision_makers, i);

      next = MAX (next, maker->id + 1);
    }
  return next;
}

/* ---- the logo ---- */

static guint32
crc32_of (const guint8 *data,
          gsize         length)
{
  guint32 crc = 0xffffffffu;

  for (gsize i = 0; i < length; i++)
    {
      crc ^= data[i];
      for (int k = 0; k < 8; k++)
        crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
    }
  return crc ^ 0xffffffffu;
}

static guint32
read_u32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/**
 * kh_unit_profile_check_logo:
 *
 * Walks the PNG's chunks (RFC 2083): it is not decoded here, the PDF
 * builder's cairo does that, but what cairo gets is a whole PNG of a size
 * a letterhead can hold.
 */
gboolean
kh_unit_profile_check_logo (GBytes  *png,
                            char   **out_message)
{
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  const guint8 *data;
  gsize size;
  gsize at = 8;
  gboolean seen_idat = FALSE;
  gboolean seen_iend = FALSE;

  g_return_val_if_fail (png != NULL, FALSE);
  g_return_val_if_fail (out_message != NULL, FALSE);

  *out_message = NULL;
  data = g_bytes_get_data (png, &size);
  if (size > KH_UNIT_PROFILE_LOGO_MAX_BYTES)
    {
      *out_message = g_strdup_printf (_("The logo is too large (at most %u kB). "
                                        "Save it smaller, e.g. 600 pixels wide."),
                                      KH_UNIT_PROFILE_LOGO_MAX_BYTES / 1024);
      return FALSE;
    }
  if (size < 8 || memcmp (data, signature, 8) != 0)
    {
      *out_message = g_strdup (_("The logo is not a PNG image. Save it as PNG and choose it again."));
      return FALSE;
    }
  while (at < size && !seen_iend)
    {
      guint32 length;
      const guint8 *type;

      if (size - at < 12 || (length = read_u32 (data + at)) > size - at - 12)
        break;
      type = data + at + 4;
      if (crc32_of (type, length + 4) != read_u32 (data + at + 8 + length))
        break;
      if (at == 8)
        {
          guint32 width, height;

          if (memcmp (type, "IHDR", 4) != 0 || length != 13)
            break;
          width = read_u32 (type + 4);
          height = read_u32 (type + 8);
          if (width < KH_UNIT_PROFILE_LOGO_MIN_PIXELS || height < KH_UNIT_PROFILE_LOGO_MIN_PIXELS
              || width > KH_UNIT_PROFILE_LOGO_MAX_PIXELS || height > KH_UNIT_PROFILE_LOGO_MAX_PIXELS)
            {
              /* Translators: the logo's width and height in pixels, then the limits */
              *out_message = g_strdup_printf (_("The logo is %u × %u pixels; a side can be %u to %u pixels."),
                                              width, height, KH_UNIT_PROFILE_LOGO_MIN_PIXELS,
                                              KH_UNIT_PROFILE_LOGO_MAX_PIXELS);
              return FALSE;
            }
        }
      else if (memcmp (type, "IDAT", 4) == 0)
        seen_idat = TRUE;
      else if (memcmp (type, "IEND", 4) == 0)
        seen_iend = TRUE;
      at += 12 + length;
    }
  if (!seen_idat || !seen_iend || at != size)
    {
      *out_message = g_strdup (_("The logo is not a whole PNG image (the file is damaged). "
                                 "Save it again and choose it again."));
      return FALSE;
    }
  return TRUE;
}

/* Strict base64: the alphabet, padding only at the end, a multiple of four. */
static GBytes *
decode_base64 (const char *text)
{
  gsize length = strlen (text);
  gsize decoded_length = 0;
  guchar *decoded;

  if (length == 0 || length % 4 != 0)
    return NULL;
  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      if (c == '=' ? i < length - 2 || (i == length - 2 && text[length - 1] != '=')
                   : !(g_ascii_isalnum (c) || c == '+' || c == '/'))
        return NULL;
    }
  decoded = g_base64_decode (text, &decoded_length);
  return g_bytes_new_take (decoded, decoded_length);
}

/* ---- the settings ---- */

/**
 * kh_unit_profile_clean_setting:
 *
 * Returns: (transfer full) (nullable): the value to store, or %NULL with a
 *   translated message in @out_message
 */
char *
kh_unit_profile_clean_setting (const char  *key,
                               const char  *value,
                               char       **out_message)
{
  KhUnitProfileField field;
  guint language;

  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (out_message != NULL, NULL);

  *out_message = NULL;
  if (value == NULL || *value == '\0')
    {
      if (parse_field_key (key, &field, &language) || strcmp (key, KH_SETTING_DOCUMENT_LOGO) == 0
          || strcmp (key, KH_SETTING_DOCUMENT_DECISION_MAKERS) == 0)
        return g_strdup ("");
    }
  else if (parse_field_key (key, &field, &language))
    return kh_unit_profile_clean_field (field, value, out_message);
  else if (strcmp (key, KH_SETTING_DOCUMENT_DECISION_MAKERS) == 0)
    {
      g_autoptr(GPtrArray) list = kh_decision_makers_parse (value, out_message);

      return list != NULL ? kh_decision_makers_to_setting (list) : NULL;
    }
  else if (strcmp (key, KH_SETTING_DOCUMENT_LOGO) == 0)
    {
      g_autoptr(GBytes) png = NULL;

      if (strlen (value) > (KH_UNIT_PROFILE_LOGO_MAX_BYTES / 3 + 1) * 4)
        {
          *out_message = g_strdup_printf (_("The logo is too large (at most %u kB). "
                                            "Save it smaller, e.g. 600 pixels wide."),
                                          KH_UNIT_PROFILE_LOGO_MAX_BYTES / 1024);
          return NULL;
        }
      png = decode_base64 (value);
      if (png == NULL)
        {
          *out_message = g_strdup (_("The logo is not stored as base64 text."));
          return NULL;
        }
      return kh_unit_profile_check_logo (png, out_message) ? g_strdup (value) : NULL;
    }
  /* Translators: %s is the name of a setting, e.g. "document_logo" */
  *out_message = g_strdup_printf (_("“%s” is not a setting of the unit’s documents."), key);
  return NULL;
}

/**
 * kh_unit_profile_from_settings:
 * @settings: (element-type utf8 utf8): key → value
 *
 * Returns: (transfer full): the profile; what does not pass the checks is unset
 */
KhUnitProfile *
kh_unit_profile_from_settings (GHashTable *settings)
{
  g_autoptr(KhUnitProfile) self = kh_unit_profile_new ();
  const char *value;

  g_return_val_if_fail (settings != NULL, NULL);

  for (guint l = 0; l < 2; l++)
    for (guint f = 0; f < KH_UNIT_PROFILE_N_FIELDS; f++)
      {
        g_autofree char *key = kh_unit_profile_setting_key (f, l == 1 ? KH_LANGUAGE_SV : KH_LANGUAGE_FI);
        g_autofree char *message = NULL;
        g_autofree char *clean = NULL;

        value = g_hash_table_lookup (settings, key);
        if (value == NULL)
          continue;
        clean = kh_unit_profile_clean_field (f, value, &message);
        if (clean != NULL && *clean != '\0')
          self->text[l][f] = g_steal_pointer (&clean);
      }
  value = g_hash_table_lookup (settings, KH_SETTING_DOCUMENT_DECISION_MAKERS);
  if (value != NULL)
    {
      g_autofree char *message = NULL;
      GPtrArray *list = kh_decision_makers_parse (value, &message);

      if (list != NULL)
        {
          g_ptr_array_unref (self->decision_makers);
          self->decision_makers = list;
        }
    }
  value = g_hash_table_lookup (settings, KH_SETTING_DOCUMENT_LOGO);
  if (value != NULL && *value != '\0')
    {
      g_autoptr(GBytes) png = decode_base64 (value);
      g_autofree char *message = NULL;

      if (png != NULL && kh_unit_profile_check_logo (png, &message))
        self->logo = g_steal_pointer (&png);
    }
  return g_steal_pointer (&self);
}

/**
 * kh_unit_profile_to_settings:
 *
 * Returns: (transfer full) (element-type utf8 utf8): every key → its value
 */
GHashTable *
kh_unit_profile_to_settings (const KhUnitProfile *self)
{
  GHashTable *settings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_return_val_if_fail (self != NULL, settings);

  for (guint l = 0; l < 2; l++)
    for (guint f = 0; f < KH_UNIT_PROFILE_N_FIELDS; f++)
      g_hash_table_insert (settings,
                           kh_unit_profile_setting_key (f, l == 1 ? KH_LANGUAGE_SV : KH_LANGUAGE_FI),
                           g_strdup (self->text[l][f] != NULL ? self->text[l][f] : ""));
  g_hash_table_insert (settings, g_strdup (KH_SETTING_DOCUMENT_DECISION_MAKERS),
                       kh_decision_makers_to_setting (self->decision_makers));
  g_hash_table_insert (settings, g_strdup (KH_SETTING_DOCUMENT_LOGO),
                       self->logo != NULL
                       ? g_base64_encode (g_bytes_get_data (self->logo, NULL), g_bytes_get_size (self->logo))
                       : g_strdup (""));
  return settings;
}
