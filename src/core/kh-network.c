/* kh-network.c — the people and agencies around a client (issue 9, 1)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kohtaamo-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kh-enum-table.h"
#include "kh-network.h"
#include "kh-text.h"

static const KhEnumEntry kinds[] = {
  /* Translators: the kind of an entry in a client's network */
  ROW_C (KH_NETWORK_PERSON, "person", "network kind", NC_("network kind", "Person close to the client")),
  ROW_C (KH_NETWORK_AGENCY, "agency", "network kind", NC_("network kind", "Service or professional")),
  END
};

static const KhEnumEntry sectors[] = {
  /* Translators: a sector of the network map (ecomap) */
  ROW_C (KH_SECTOR_FAMILY,          "family",          "network sector", NC_("network sector", "Family and relatives")),
  ROW_C (KH_SECTOR_FRIENDS,         "friends",         "network sector", NC_("network sector", "Friends, neighbours and others close")),
  ROW_C (KH_SECTOR_SOCIAL_SERVICES, "social-services", "network sector", NC_("network sector", "Social services")),
  ROW_C (KH_SECTOR_HEALTH,          "health",          "network sector", NC_("network sector", "Health care")),
  ROW_C (KH_SECTOR_WORK_EDUCATION,  "work-education",  "network sector", NC_("network sector", "Work, studies and employment services")),
  ROW_C (KH_SECTOR_BENEFITS,        "benefits",        "network sector", NC_("network sector", "Kela and finances")),
  ROW_C (KH_SECTOR_HOUSING,         "housing",         "network sector", NC_("network sector", "Housing")),
  ROW_C (KH_SECTOR_ORGANISATIONS,   "organisations",   "network sector", NC_("network sector", "Organisations, parishes and leisure")),
  ROW_C (KH_SECTOR_OTHER,           "other",           "network sector", NC_("network sector", "Other")),
  END
};

static const KhEnumEntry distances[] = {
  /* Translators: how close to the client an entry of the network is (the ring of the map) */
  ROW_C (KH_DISTANCE_CLOSE,  "close",  "network distance", NC_("network distance", "Close")),
  ROW_C (KH_DISTANCE_MIDDLE, "middle", "network distance", NC_("network distance", "In between")),
  ROW_C (KH_DISTANCE_FAR,    "far",    "network distance", NC_("network distance", "Distant")),
  END
};

static const KhEnumEntry ties[] = {
  /* Translators: the quality of the tie between the client and an entry of the network */
  ROW_C (KH_TIE_STRONG,    "strong",    "network tie", NC_("network tie", "Strong")),
  ROW_C (KH_TIE_ORDINARY,  "ordinary",  "network tie", NC_("network tie", "Ordinary")),
  ROW_C (KH_TIE_WEAK,      "weak",      "network tie", NC_("network tie", "Weak")),
  ROW_C (KH_TIE_STRESSFUL, "stressful", "network tie", NC_("network tie", "Stressful or in conflict")),
  ROW_C (KH_TIE_BROKEN,    "broken",    "network tie", NC_("network tie", "Broken")),
  END
};

static const KhEnumEntry directions[] = {
  /* Translators: which way support flows between the client and an entry of the network */
  ROW_C (KH_SUPPORT_NONE,        "none",        "support direction", NC_("support direction", "No support either way")),
  ROW_C (KH_SUPPORT_TO_CLIENT,   "to-client",   "support direction", NC_("support direction", "Supports the client")),
  ROW_C (KH_SUPPORT_FROM_CLIENT, "from-client", "support direction", NC_("support direction", "The client supports them")),
  ROW_C (KH_SUPPORT_BOTH,        "both",        "support direction", NC_("support direction", "Both ways")),
  END
};

static const KhEnumEntry supports[] = {
  /* Translators: a kind of support an entry of the network gives */
  ROW_C (KH_SUPPORT_EMOTIONAL,   "emotional",   "support kind", NC_("support kind", "Emotional support")),
  ROW_C (KH_SUPPORT_PRACTICAL,   "practical",   "support kind", NC_("support kind", "Practical help")),
  ROW_C (KH_SUPPORT_INFORMATION, "information", "support kind", NC_("support kind", "Information and advice")),
  ROW_C (KH_SUPPORT_COMPANY,     "company",     "support kind", NC_("support kind", "Company")),
  ROW_C (KH_SUPPORT_LINKS,       "links",       "support kind", NC_("support kind", "Links to other people and services")),
  END
};

static const KhEnumEntry relations[] = {
  /* Translators: who a person in the network is to the client */
  ROW_C (KH_RELATION_NONE,           "none",           "network relation", NC_("network relation", "Not given")),
  ROW_C (KH_RELATION_PARTNER,        "partner",        "network relation", NC_("network relation", "Spouse or partner")),
  ROW_C (KH_RELATION_PARENT,         "parent",         "network relation", NC_("network relation", "Parent")),
  ROW_C (KH_RELATION_CHILD,          "child",          "network relation", NC_("network relation", "Child")),
  ROW_C (KH_RELATION_SIBLING,        "sibling",        "network relation", NC_("network relation", "Sibling")),
  ROW_C (KH_RELATION_RELATIVE,       "relative",       "network relation", NC_("network relation", "Other relative")),
  ROW_C (KH_RELATION_FRIEND,         "friend",         "network relation", NC_("network relation", "Friend")),
  ROW_C (KH_RELATION_NEIGHBOUR,      "neighbour",      "network relation", NC_("network relation", "Neighbour")),
  ROW_C (KH_RELATION_SUPPORT_PERSON, "support-person", "network relation", NC_("network relation", "Support person")),
  ROW_C (KH_RELATION_OTHER,          "other",          "network relation", NC_("network relation", "Other close person")),
  END
};

static const KhEnumEntry consent_scopes[] = {
  /* Translators: what the client consented to, for one entry of the network */
  ROW_C (KH_CONSENT_CONTACT,    "contact",    "consent scope", NC_("consent scope", "May be contacted")),
  ROW_C (KH_CONSENT_SHARE_INFO, "share-info", "consent scope", NC_("consent scope", "Information may be disclosed")),
  ROW_C (KH_CONSENT_SHARE_PLAN, "share-plan", "consent scope", NC_("consent scope", "The client plan may be disclosed")),
  END
};

static const KhEnumEntry consent_states[] = {
  /* Translators: where the client's consent stands */
  ROW_C (KH_CONSENT_NONE,      "none",      "consent state", NC_("consent state", "No consent")),
  ROW_C (KH_CONSENT_VALID,     "valid",     "consent state", NC_("consent state", "In force")),
  ROW_C (KH_CONSENT_EXPIRED,   "expired",   "consent state", NC_("consent state", "Expired")),
  ROW_C (KH_CONSENT_WITHDRAWN, "withdrawn", "consent state", NC_("consent state", "Withdrawn")),
  END
};

static const KhEnumEntry *
code_table (KhNetworkCode code)
{
  switch (code)
    {
    case KH_NETWORK_CODE_KIND:          return kinds;
    case KH_NETWORK_CODE_SECTOR:        return sectors;
    case KH_NETWORK_CODE_DISTANCE:      return distances;
    case KH_NETWORK_CODE_TIE:           return ties;
    case KH_NETWORK_CODE_DIRECTION:     return directions;
    case KH_NETWORK_CODE_SUPPORT:       return supports;
    case KH_NETWORK_CODE_RELATION:      return relations;
    case KH_NETWORK_CODE_CONSENT_SCOPE: return consent_scopes;
    case KH_NETWORK_CODE_CONSENT_STATE: return consent_states;
    default:                            return NULL;
    }
}

const char *
kh_network_code_key (KhNetworkCode code,
                     int           value)
{
  const KhEnumEntry *table = code_table (code);

  return table != NULL ? kh_enum_table_key (table, value) : NULL;
}

int
kh_network_code_from_key (KhNetworkCode  code,
                          const char    *key)
{
  const KhEnumEntry *table = code_table (code);

  if (table == NULL || key == NULL)
    return -1;
  for (const KhEnumEntry *e = table; e->key != NULL; e++)
    if (strcmp (e->key, key) == 0)
      return e->value;
  return -1;
}

KhSector
kh_network_sector_for_service (KhLifeArea    area,
                               KhServiceKind kind)
{
  /* Who runs it first: the map's sector for them is the organisations'
   * and parishes' (the diaconal work, a debt-advice organisation). */
  if (kind == KH_SERVICE_KIND_NGO || kind == KH_SERVICE_KIND_PARISH)
    return KH_SECTOR_ORGANISATIONS;
  switch (area)
    {
    case KH_LIFE_AREA_WORK:
    case KH_LIFE_AREA_SKILLS:
      return KH_SECTOR_WORK_EDUCATION;
    case KH_LIFE_AREA_FINANCES:
      return KH_SECTOR_BENEFITS;
    case KH_LIFE_AREA_EVERYDAY_LIFE:
      return KH_SECTOR_SOCIAL_SERVICES;
    case KH_LIFE_AREA_PARTICIPATION:
      return KH_SECTOR_ORGANISATIONS;
    case KH_LIFE_AREA_HOUSING:
      return KH_SECTOR_HOUSING;
    case KH_LIFE_AREA_HEALTH_SAFETY:
      return KH_SECTOR_HEALTH;
    case KH_LIFE_AREA_OTHER:
    default:
      return KH_SECTOR_OTHER;
    }
}

const char *
kh_network_code_label (KhNetworkCode code,
                       int           value)
{
  const KhEnumEntry *table = code_table (code);

  return table != NULL ? kh_enum_table_label (table, value) : NULL;
}

const char *
kh_network_code_label_in (KhNetworkCode  code,
                          int            value,
                          const char    *language)
{
  const KhEnumEntry *table = code_table (code);

  return table != NULL ? kh_enum_table_label_in (table, value, language) : NULL;
}

char *
kh_network_flags_label_in (KhNetworkCode  code,
                           guint          flags,
                           const char    *language)
{
  const KhEnumEntry *table = code_table (code);
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (code == KH_NETWORK_CODE_SUPPORT || code == KH_NETWORK_CODE_CONSENT_SCOPE,
                        g_string_free (out, FALSE));

  for (const KhEnumEntry *e = table; e->key != NULL; e++)
    if ((flags & (guint) e->value) != 0)
      {
        if (out->len > 0)
          g_string_append (out, ", ");
        g_string_append (out, language != NULL ? kh_enum_table_label_in (table, e->value, language)
                                               : kh_enum_table_label (table, e->value));
      }
  return g_string_free (out, FALSE);
}

/* ---- days ---- */

char *
kh_network_format_day (const GDate *day)
{
  if (day == NULL || !g_date_valid (day))
    return NULL;
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (day), g_date_get_month (day),
                          g_date_get_day (day));
}

gboolean
kh_network_parse_day (const char *text,
                      GDate      *out)
{
  unsigned y, m, d;

  g_date_clear (out, 1);
  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  y = (unsigned) g_ascii_strtoull (text, NULL, 10);
  m = (unsigned) g_ascii_strtoull (text + 5, NULL, 10);
  d = (unsigned) g_ascii_strtoull (text + 8, NULL, 10);
  if (y < 1 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (out, d, m, y);
  return TRUE;
}

/* ---- consents ---- */

G_DEFINE_FINAL_TYPE (KhNetworkConsent, kh_network_consent, G_TYPE_OBJECT)

static void
kh_network_consent_finalize (GObject *object)
{
  KhNetworkConsent *self = KH_NETWORK_CONSENT (object);

  g_free (self->note);
  g_free (self->recorded_by_name);
  g_free (self->withdrawn_by_name);
  g_clear_pointer (&self->recorded_at, g_date_time_unref);
  g_clear_pointer (&self->withdrawn_at, g_date_time_unref);

  G_OBJECT_CLASS (kh_network_consent_parent_class)->finalize (object);
}

static void
kh_network_consent_class_init (KhNetworkConsentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kh_network_consent_finalize;
}

static void
kh_network_consent_init (KhNetworkConsent *self)
{
  g_date_clear (&self->given_on, 1);
  g_date_clear (&self->expires_on, 1);
  g_date_clear (&self->withdrawn_on, 1);
}

KhNetworkConsent *
kh_network_consent_new (void)
{
  return g_object_new (KH_TYPE_NETWORK_CONSENT, NULL);
}

KhNetworkConsent *
kh_network_consent_copy (KhNetworkConsent *self)
{
  KhNetworkConsent *copy;

  g_return_val_if_fail (KH_IS_NETWORK_CONSENT (self), NULL);

  copy = kh_network_consent_new ();
  copy->id = self->id;
  copy->member_id = self->member_id;
  copy->scope = self->scope;
  copy->given_on = self->given_on;
  copy->expires_on = self->expires_on;
  copy->note = g_strdup (self->note);
  copy->withdrawn_on = self->withdrawn_on;
  copy->recorded_by = self->recorded_by;
  copy->recorded_by_name = g_strdup (self->recorded_by_name);
  copy->recorded_at = self->recorded_at != NULL ? g_date_time_ref (self->recorded_at) : NULL;
  copy->withdrawn_by = self->withdrawn_by;
  copy->withdrawn_by_name = g_strdup (self->withdrawn_by_name);
  copy->withdrawn_at = self->withdrawn_at != NULL ? g_date_time_ref (self->withdrawn_at) : NULL;
  return copy;
}

KhConsentState
kh_network_consent_state (const KhNetworkConsent *consent,
                          const GDate            *today)
{
  g_return_val_if_fail (KH_IS_NETWORK_CONSENT ((gpointer) consent), KH_CONSENT_NONE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), KH_CONSENT_NONE);

  if (!g_date_valid (&consent->given_on) || g_date_compare (today, &consent->given_on) < 0)
    return KH_CONSENT_NONE;
  if (g_date_valid (&consent->withdrawn_on) && g_date_compare (today, &consent->withdrawn_on) >= 0)
    return KH_CONSENT_WITHDRAWN;
  if (g_date_valid (&consent->expires_on) && g_date_compare (today, &consent->expires_on) > 0)
    return KH_CONSENT_EXPIRED;
  return KH_CONSENT_VALID;
}

gboolean
kh_network_may_share (GPtrArray      *consents,
                      KhConsentScope  scope,
                      const GDate    *today)
{
  if (consents == NULL || scope == 0)
    return FALSE;
  for (guint i = 0; i < consents->len; i++)
    {
      KhNetworkConsent *c = g_ptr_array_index (consents, i);

      if ((c->scope & scope) == scope && kh_network_consent_state (c, today) == KH_CONSENT_VALID)
        return TRUE;
    }
  return FALSE;
}

KhConsentScope
kh_network_consented (GPtrArray   *consents,
                      const GDate *today)
{
  guint scope = 0;

  for (guint i = 0; consents != NULL && i < consents->len; i++)
    {
      KhNetworkConsent *c = g_ptr_array_index (consents, i);

      if (kh_network_consent_state (c, today) == KH_CONSENT_VALID)
        scope |= c->scope;
    }
  return scope & KH_CONSENT_SCOPE_ALL;
}

KhConsentState
kh_network_consent_standing (GPtrArray      *consents,
                             KhConsentScope  scope,
                             const GDate    *today)
{
  KhNetworkConsent *newest = NULL;

  if (kh_network_may_share (consents, scope, today))
    return KH_CONSENT_VALID;
  for (guint i = 0; consents != NULL && i < consents->len; i++)
    {
      KhNetworkConsent *c = g_ptr_array_index (consents, i);
      int by_day;

      if (scope == 0 || (c->scope & scope) != scope || !g_date_valid (&c->given_on)
          || g_date_compare (&c->given_on, today) > 0)
        continue;
      if (newest == NULL)
        {
          newest = c;
          continue;
        }
      by_day = g_date_compare (&c->given_on, &newest->given_on);
      if (by_day > 0 || (by_day == 0 && c->id > newest->id))
        newest = c;
    }
  return newest != NULL ? kh_network_consent_state (newest, today) : KH_CONSENT_NONE;
}

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, message);
  return FALSE;
}

gboolean
kh_network_consent_check (const KhNetworkConsent  *consent,
                          const GDate             *today,
                          char                   **out_note,
                          GError                 **error)
{
  g_autofree char *note = NULL;
  GDate earliest;

  g_return_val_if_fail (KH_IS_NETWORK_CONSENT ((gpointer) consent), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  g_date_clear (&earliest, 1);
  g_date_set_dmy (&earliest, 1, 1, 2000);
  if (consent->scope == 0 || (consent->scope & ~KH_CONSENT_SCOPE_ALL) != 0)
    return invalid (error, _("Choose what the client consents to."));
  if (!g_date_valid (&consent->given_on))
    return invalid (error, _("Give the day the consent was given."));
  if (g_date_compare (&consent->given_on, &earliest) < 0)
    return invalid (error, _("The day the consent was given is not valid."));
  if (g_date_compare (&consent->given_on, today) > 0)
    return invalid (error, _("The consent is given in the future: record it when the client has given it."));
  if (g_date_valid (&consent->expires_on) && g_date_compare (&consent->expires_on, &consent->given_on) < 0)
    return invalid (error, _("The consent cannot end before the day it was given."));
  if (g_date_valid (&consent->withdrawn_on))
    return invalid (error, _("A new consent cannot be recorded as withdrawn."));

  note = g_strstrip (g_strdup (consent->note != NULL ? consent->note : ""));
  /* Translators: the name of a consent's field, as the start of a message about it */
  if (!kh_text_check_field (C_("field", "How the consent was given"), note, KH_TEXT_LINE,
                            KH_NETWORK_CONSENT_NOTE_MAX, error))
    return FALSE;
  if (out_note != NULL)
    *out_note = note[0] != '\0' ? g_steal_pointer (&note) : NULL;
  return TRUE;
}

gboolean
kh_network_withdrawal_check (const KhNetworkConsent  *consent,
                             const GDate             *withdrawn_on,
                             const GDate             *today,
                             GError                 **error)
{
  g_return_val_if_fail (KH_IS_NETWORK_CONSENT ((gpointer) consent), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  if (g_date_valid (&consent->withdrawn_on))
    return invalid (error, _("The consent has already been withdrawn."));
  if (withdrawn_on == NULL || !g_date_valid (withdrawn_on))
    return invalid (error, _("Give the day the consent was withdrawn."));
  if (g_date_valid (&consent->given_on) && g_date_compare (withdrawn_on, &consent->given_on) < 0)
    return invalid (error, _("A consent cannot be withdrawn before the day it was given."));
  if (g_date_compare (withdrawn_on, today) > 0)
    return invalid (error, _("The withdrawal is in the future: record it when the client has withdrawn the consent."));
  return TRUE;
}

/* ---- members ---- */

G_DEFINE_FINAL_TYPE (KhNetworkMember, kh_network_member, G_TYPE_OBJECT)

static void
kh_network_member_finalize (GObject *object)
{
  KhNetworkMember *self = KH_NETWORK_MEMBER (object);

  g_free (self->name);
  g_free (self->relation_text);
  g_free (self->contact);
  g_free (self->contact_person);
  g_free (self->note);
  g_free (self->service_name);
  g_free (self->saved_by_name);
  g_clear_pointer (&self->saved_at, g_date_time_unref);
  g_clear_pointer (&self->consents, g_ptr_array_unref);

  G_OBJECT_CLASS (kh_network_member_parent_class)->finalize (object);
}

static void
kh_network_member_class_init (KhNetworkMemberClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kh_network_member_finalize;
}

static void
kh_network_member_init (KhNetworkMember *self)
{
}

KhNetworkMember *
kh_network_member_new (KhNetworkKind kind)
{
  KhNetworkMember *self = g_object_new (KH_TYPE_NETWORK_MEMBER, NULL);

  self->kind = kind;
  self->sector = kind == KH_NETWORK_AGENCY ? KH_SECTOR_SOCIAL_SERVICES : KH_SECTOR_FAMILY;
  self->distance = KH_DISTANCE_MIDDLE;
  self->tie = KH_TIE_ORDINARY;
  self->direction = KH_SUPPORT_TO_CLIENT;
  return self;
}

KhNetworkMember *
kh_network_member_copy (KhNetworkMember *self)
{
  KhNetworkMember *copy;

  g_return_val_if_fail (KH_IS_NETWORK_MEMBER (self), NULL);

  copy = kh_network_member_new (self->kind);
  copy->id = self->id;
  copy->client_id = self->client_id;
  copy->revision = self->revision;
  copy->name = g_strdup (self->name);
  copy->relation = self->relation;
  copy->relation_text = g_strdup (self->relation_text);
  copy->contact = g_strdup (self->contact);
  copy->service_id = self->service_id;
  copy->contact_person = g_strdup (self->contact_person);
  copy->sector = self->sector;
  copy->distance = self->distance;
  copy->tie = self->tie;
  copy->direction = self->direction;
  copy->support = self->support;
  copy->note = g_strdup (self->note);
  copy->removed = self->removed;
  copy->service_name = g_strdup (self->service_name);
  copy->saved_by = self->saved_by;
  copy->saved_by_name = g_strdup (self->saved_by_name);
  copy->saved_at = self->saved_at != NULL ? g_date_time_ref (self->saved_at) : NULL;
  if (self->consents != NULL)
    {
      copy->consents = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < self->consents->len; i++)
        g_ptr_array_add (copy->consents, kh_network_consent_copy (g_ptr_array_index (self->consents, i)));
    }
  return copy;
}

const char *
kh_network_member_display_name (KhNetworkMember *self)
{
  g_return_val_if_fail (KH_IS_NETWORK_MEMBER (self), "");

  if (self->name != NULL && self->name[0] != '\0')
    return self->name;
  if (self->service_name != NULL)
    return self->service_name;
  return "";
}

gboolean
kh_network_may_keep (KhRole role)
{
  return role == KH_ROLE_COUNSELLOR || role == KH_ROLE_SOCIAL_WORKER || role == KH_ROLE_LEAD;
}

static void
problem_clear (gpointer data)
{
  g_free (((KhNetworkProblem *) data)->message);
}

static void
add_problem (GArray         *problems,
             KhNetworkField  field,
             char           *message)       /* (transfer full) */
{
  KhNetworkProblem p = { field, message };

  g_array_append_val (problems, p);
}

/* A copy of `text` trimmed, NULL when empty. */
static char *
trimmed (const char *text)
{
  char *t = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (t[0] == '\0')
    g_clear_pointer (&t, g_free);
  return t;
}

static void
check_text (GArray         *problems,
            KhNetworkField  field,
            const char     *label,
            const char     *text,
            KhTextKind      kind,
            guint           max)
{
  g_autofree char *clean = trimmed (text);
  g_autoptr(GError) error = NULL;

  if (!kh_text_check_field (label, clean, kind, max, &error))
    add_problem (problems, field, g_strdup (error->message));
}

GArray *
kh_network_member_problems (KhNetworkMember *m)
{
  GArray *problems = g_array_new (FALSE, FALSE, sizeof (KhNetworkProblem));
  g_autofree char *name = NULL;
  gboolean person, agency;

  g_array_set_clear_func (problems, problem_clear);
  g_return_val_if_fail (KH_IS_NETWORK_MEMBER (m), problems);

  person = m->kind == KH_NETWORK_PERSON;
  agency = m->kind == KH_NETWORK_AGENCY;
  name = trimmed (m->name);

  if (!person && !agency)
    add_problem (problems, KH_NETWORK_FIELD_KIND, g_strdup (_("Choose whether this is a person or a service.")));
  if (person && name == NULL)
    add_problem (problems, KH_NETWORK_FIELD_NAME, g_strdup (_("Give the person’s name.")));
  else if (agency && name == NULL && m->service_id <= 0)
    add_problem (problems, KH_NETWORK_FIELD_NAME,
                 g_strdup (_("Choose the service from the directory or give its name.")));
  else
    /* Translators: the name of a network entry's field, as the start of a message about it */
    check_text (problems, KH_NETWORK_FIELD_NAME, C_("field", "Name"), name, KH_TEXT_LINE, KH_NETWORK_NAME_MAX);

  if (kh_network_code_key (KH_NETWORK_CODE_RELATION, m->relation) == NULL)
    add_problem (problems, KH_NETWORK_FIELD_RELATION, g_strdup (_("Choose who the person is to the client.")));
  else if (!person && m->relation != KH_RELATION_NONE)
    add_problem (problems, KH_NETWORK_FIELD_RELATION, g_strdup (_("Only a person has a relation to the client.")));
  if (!person && m->relation_text != NULL && m->relation_text[0] != '\0')
    add_problem (problems, KH_NETWORK_FIELD_RELATION_TEXT, g_strdup (_("Only a person has a relation to the client.")));
  else
    /* Translators: the name of a network entry's field, as the start of a message about it */
    check_text (problems, KH_NETWORK_FIELD_RELATION_TEXT, C_("field", "Relation"), m->relation_text,
                KH_TEXT_LINE, KH_NETWORK_RELATION_TEXT_MAX);
  /* Translators: the name of a network entry's field, as the start of a message about it */
  check_text (problems, KH_NETWORK_FIELD_CONTACT, C_("field", "Contact details"), m->contact,
              KH_TEXT_NOTE, KH_NETWORK_CONTACT_MAX);
  if (m->service_id < 0 || (!agency && m->service_id > 0))
    add_problem (problems, KH_NETWORK_FIELD_SERVICE, g_strdup (_("Only a service comes from the directory.")));
  if (!agency && m->contact_person != NULL && m->contact_person[0] != '\0')
    add_problem (problems, KH_NETWORK_FIELD_CONTACT_PERSON, g_strdup (_("Only a service has a contact person.")));
  else
    /* Translators: the name of a network entry's field, as the start of a message about it */
    check_text (problems, KH_NETWORK_FIELD_CONTACT_PERSON, C_("field", "Contact person"), m->contact_person,
                KH_TEXT_LINE, KH_NETWORK_NAME_MAX);
  if (kh_network_code_key (KH_NETWORK_CODE_SECTOR, m->sector) == NULL)
    add_problem (problems, KH_NETWORK_FIELD_SECTOR, g_strdup (_("Choose the life area or sector.")));
  if (kh_network_code_key (KH_NETWORK_CODE_DISTANCE, m->distance) == NULL)
    add_problem (problems, KH_NETWORK_FIELD_DISTANCE, g_strdup (_("Choose how close to the client it is.")));
  if (kh_network_code_key (KH_NETWORK_CODE_TIE, m->tie) == NULL)
    add_problem (problems, KH_NETWORK_FIELD_TIE, g_strdup (_("Choose the quality of the tie.")));
  if (kh_network_code_key (KH_NETWORK_CODE_DIRECTION, m->direction) == NULL)
    add_problem (problems, KH_NETWORK_FIELD_DIRECTION, g_strdup (_("Choose which way support goes.")));
  if ((m->support & ~KH_SUPPORT_KINDS_ALL) != 0)
    add_problem (problems, KH_NETWORK_FIELD_SUPPORT, g_strdup (_("Choose the kinds of support from the list.")));
  /* Translators: the name of a network entry's field, as the start of a message about it */
  check_text (problems, KH_NETWORK_FIELD_NOTE, C_("field", "Note"), m->note, KH_TEXT_NOTE, KH_NETWORK_NOTE_MAX);
  return problems;
}

static void
replace_trimmed (char **text)
{
  char *clean = trimmed (*text);

  g_free (*text);
  *text = clean;
}

gboolean
kh_network_member_clean (KhNetworkMember  *member,
                         GError          **error)
{
  g_autoptr(GArray) problems = NULL;

  g_return_val_if_fail (KH_IS_NETWORK_MEMBER (member), FALSE);

  problems = kh_network_member_problems (member);
  if (problems->len > 0)
    return invalid (error, g_array_index (problems, KhNetworkProblem, 0).message);
  replace_trimmed (&member->name);
  replace_trimmed (&member->relation_text);
  replace_trimmed (&member->contact);
  replace_trimmed (&member->contact_person);
  replace_trimmed (&member->note);
  return TRUE;
}

/* ---- versions ---- */

KhNetworkVersion *
kh_network_version_copy (const KhNetworkVersion *version)
{
  KhNetworkVersion *copy = g_new0 (KhNetworkVersion, 1);

  *copy = *version;
  copy->label = g_strdup (version->label);
  copy->taken_at = version->taken_at != NULL ? g_date_time_ref (version->taken_at) : NULL;
  copy->taken_by_name = g_strdup (version->taken_by_name);
  return copy;
}

void
kh_network_version_free (KhNetworkVersion *version)
{
  if (version == NULL)
    return;
  g_free (version->label);
  g_clear_pointer (&version->taken_at, g_date_time_unref);
  g_free (version->taken_by_name);
  g_free (version);
}

gboolean
kh_network_version_check_label (const char  *label,
                                char       **out_label,
                                GError     **error)
{
  g_autofree char *clean = trimmed (label);

  if (clean == NULL)
    return invalid (error, _("Give the version a name, such as the review it was taken for."));
  /* Translators: the name of a network version's field, as the start of a message about it */
  if (!kh_text_check_field (C_("field", "Version name"), clean, KH_TEXT_LINE, KH_NETWORK_VERSION_LABEL_MAX, error))
    return FALSE;
  if (out_label != NULL)
    *out_label = g_steal_pointer (&clean);
  return TRUE;
}

/* ---- comparing two versions ---- */

void
kh_network_change_free (KhNetworkChange *change)
{
  if (change == NULL)
    return;
  g_clear_object (&change->before);
  g_clear_object (&change->after);
  g_free (change);
}

#define FIELD(f) (1u << (f))

static guint
differing_fields (KhNetworkMember *a,
                  KhNetworkMember *b)
{
  guint fields = 0;

  if (g_strcmp0 (a->name, b->name) != 0)
    fields |= FIELD (KH_NETWORK_FIELD_NAME);
  if (a->relation != b->relation)
    fields |= FIELD (KH_NETWORK_FIELD_RELATION);
  if (g_strcmp0 (a->relation_text, b->relation_text) != 0)
    fields |= FIELD (KH_NETWORK_FIELD_RELATION_TEXT);
  if (g_strcmp0 (a->contact, b->contact) != 0)
    fields |= FIELD (KH_NETWORK_FIELD_CONTACT);
  if (a->service_id != b->service_id)
    fields |= FIELD (KH_NETWORK_FIELD_SERVICE);
  if (g_strcmp0 (a->contact_person, b->contact_person) != 0)
    fields |= FIELD (KH_NETWORK_FIELD_CONTACT_PERSON);
  if (a->sector != b->sector)
    fields |= FIELD (KH_NETWORK_FIELD_SECTOR);
  if (a->distance != b->distance)
    fields |= FIELD (KH_NETWORK_FIELD_DISTANCE);
  if (a->tie != b->tie)
    fields |= FIELD (KH_NETWORK_FIELD_TIE);
  if (a->direction != b->direction)
    fields |= FIELD (KH_NETWORK_FIELD_DIRECTION);
  if (a->support != b->support)
    fields |= FIELD (KH_NETWORK_FIELD_SUPPORT);
  if (g_strcmp0 (a->note, b->note) != 0)
    fields |= FIELD (KH_NETWORK_FIELD_NOTE);
  return fields;
}

static KhNetworkChange *
change_new (KhNetworkChangeKind  kind,
            KhNetworkMember     *before,
            KhNetworkMember     *after)
{
  KhNetworkChange *c = g_new0 (KhNetworkChange, 1);

  c->kind = kind;
  c->before = before != NULL ? g_object_ref (before) : NULL;
  c->after = after != NULL ? g_object_ref (after) : NULL;
  return c;
}

GPtrArray *
kh_network_compare (GPtrArray *before,
                    GPtrArray *after)
{
  GPtrArray *changes = g_ptr_array_new_with_free_func ((GDestroyNotify) kh_network_change_free);
  g_autoptr(GHashTable) earlier = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) later = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; before != NULL && i < before->len; i++)
    {
      KhNetworkMember *m = g_ptr_array_index (before, i);

      if (!m->removed)
        g_hash_table_insert (earlier, &m->id, m);
    }
  for (guint i = 0; after != NULL && i < after->len; i++)
    {
      KhNetworkMember *m = g_ptr_array_index (after, i);
      KhNetworkMember *was = g_hash_table_lookup (earlier, &m->id);
      KhNetworkChange *c;

      g_hash_table_insert (later, &m->id, m);
      if (m->removed)
        {
          if (was != NULL)
            g_ptr_array_add (changes, change_new (KH_NETWORK_REMOVED, was, m));
          continue;
        }
      if (was == NULL)
        {
          g_ptr_array_add (changes, change_new (KH_NETWORK_ADDED, NULL, m));
          continue;
        }
      c = change_new (KH_NETWORK_SAME, was, m);
      c->fields = differing_fields (was, m);
      if (c->fields != 0)
        c->kind = KH_NETWORK_CHANGED;
      g_ptr_array_add (changes, c);
    }
  for (guint i = 0; before != NULL && i < before->len; i++)
    {
      KhNetworkMember *m = g_ptr_array_index (before, i);

      if (!m->removed && !g_hash_table_contains (later, &m->id))
        g_ptr_array_add (changes, change_new (KH_NETWORK_REMOVED, m, NULL));
    }
  return changes;
}
