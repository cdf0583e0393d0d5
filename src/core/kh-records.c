/* kh-records.c — plain domain records passed between the store and the UI
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The records are GObjects only so that they fit in a GListStore; there are
 * no properties and no signals on purpose. A record is a value handed from
 * the store's worker thread to the UI thread and then owned there: signals
 * would invite code to watch a record for changes that never come, and
 * properties would hide the fact that the fields are plain data.
 */
#define G_LOG_DOMAIN "kohtaamo-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kh-hetu.h"
#include "kh-records.h"
#include "kh-text.h"

/* Copies a GDateTime reference, tolerating NULL (unknown times are NULL). */
static GDateTime *
dup_date_time (GDateTime *dt)
{
  return dt != NULL ? g_date_time_ref (dt) : NULL;
}

/* ---- KhClient ---------------------------------------------------------- */

G_DEFINE_FINAL_TYPE (KhClient, kh_client, G_TYPE_OBJECT)

static void
kh_client_finalize (GObject *object)
{
  KhClient *self = KH_CLIENT (object);

  g_free (self->identity_code);
  g_free (self->birth_date);
  g_free (self->last_name);
  g_free (self->first_names);
  g_free (self->other_language);
  g_free (self->address);
  g_free (self->postal_code);
  g_free (self->city);
  g_free (self->phone);
  g_free (self->email);
  g_free (self->other_mother_tongue);
  g_free (self->representative_name);
  g_free (self->representative_contact);
  g_clear_pointer (&self->created_at, g_date_time_unref);
  g_clear_pointer (&self->updated_at, g_date_time_unref);
  g_clear_pointer (&self->responsible_worker, kh_responsible_worker_free);

  G_OBJECT_CLASS (kh_client_parent_class)->finalize (object);
}

static void
kh_client_class_init (KhClientClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kh_client_finalize;
}

/* The defaults are what a new person on the form starts with: identified by
 * a code, served in Finnish. Everything unknown stays NULL. */
static void
kh_client_init (KhClient *self)
{
  self->identity_kind = KH_IDENTITY_CODE;
  self->no_code_reason = KH_NO_CODE_NONE;
  self->language = KH_LANGUAGE_FI;
}

/**
 * kh_client_new:
 *
 * Returns: (transfer full): a new, unsaved person (id 0)
 */
KhClient *
kh_client_new (void)
{
  return g_object_new (KH_TYPE_CLIENT, NULL);
}

/**
 * kh_client_copy:
 * @self: a #KhClient
 *
 * A deep copy, for editing a person on a form without touching the record
 * that a list shows (the form saves its copy once, when the user saves).
 *
 * Returns: (transfer full): a new record with the same values
 */
KhClient *
kh_client_copy (KhClient *self)
{
  KhClient *copy;

  g_return_val_if_fail (KH_IS_CLIENT (self), NULL);

  copy = kh_client_new ();
  copy->id = self->id;
  copy->identity_kind = self->identity_kind;
  copy->identity_code = g_strdup (self->identity_code);
  copy->no_code_reason = self->no_code_reason;
  copy->birth_date = g_strdup (self->birth_date);
  copy->last_name = g_strdup (self->last_name);
  copy->first_names = g_strdup (self->first_names);
  copy->language = self->language;
  copy->other_language = g_strdup (self->other_language);
  copy->interpreter = self->interpreter;
  copy->address = g_strdup (self->address);
  copy->postal_code = g_strdup (self->postal_code);
  copy->city = g_strdup (self->city);
  copy->phone = g_strdup (self->phone);
  copy->email = g_strdup (self->email);
  copy->created_at = dup_date_time (self->created_at);
  copy->updated_at = dup_date_time (self->updated_at);
  copy->non_disclosure = self->non_disclosure;
  copy->address_withheld = self->address_withheld;
  copy->mother_tongue = self->mother_tongue;
  copy->other_mother_tongue = g_strdup (self->other_mother_tongue);
  copy->representative_name = g_strdup (self->representative_name);
  copy->representative_contact = g_strdup (self->representative_contact);
  copy->version = self->version;
  copy->responsible_worker = kh_responsible_worker_copy (self->responsible_worker);

  return copy;
}

/**
 * kh_client_dup_display_name:
 * @self: a #KhClient
 *
 * The name as lists and the access log show it: the last name first, since
 * that is how Finnish registers and paper files are sorted, "Mäkinen, Aino
 * Maria". A person with only one of the names known gets that name alone.
 *
 * Returns: (transfer full): the display name, never %NULL
 */
char *
kh_client_dup_display_name (const KhClient *self)
{
  g_return_val_if_fail (KH_IS_CLIENT ((gpointer) self), NULL);

  if (self->last_name != NULL && self->first_names != NULL)
    return g_strdup_printf ("%s, %s", self->last_name, self->first_names);
  if (self->last_name != NULL)
    return g_strdup (self->last_name);
  if (self->first_names != NULL)
    return g_strdup (self->first_names);

  /* A record without names can exist only half-way through a form; a
   * visible word is still better than an empty row in a list. */
  return g_strdup (C_("person", "No name"));
}

/**
 * kh_client_dup_masked_code:
 * @self: a #KhClient
 *
 * The identity code with the individual number and check character hidden,
 * "131052-****": enough to tell two people with the same name apart in a
 * list without showing the whole code (showing it is logged separately).
 *
 * Returns: (transfer full) (nullable): the masked code, or %NULL when the
 *   person has no code
 */
char *
kh_client_dup_masked_code (KhClient *self)
{
  g_return_val_if_fail (KH_IS_CLIENT (self), NULL);

  if (self->identity_code == NULL)
    return NULL;
  return kh_hetu_mask (self->identity_code);
}

/**
 * kh_client_check_text:
 * @self: a #KhClient whose text has been cleaned (kh_text_clean)
 * @out_field: (out) (optional): the field at fault
 *
 * Every text field of a person against its limit (KH_CLIENT_MAX_*) and the
 * characters that kh_text_check_field() refuses (issue 5, 1.13).
 *
 * Returns: %TRUE if all are fine; else %FALSE with a %KH_TEXT_ERROR
 */
gboolean
kh_client_check_text (KhClient     *self,
                      const char  **out_field,
                      GError      **error)
{
  const struct {
    const char  *field;
    const char  *label;
    const char  *text;
    guint        max;
  } fields[] = {
    { "last_name", _("Last name"), self->last_name, KH_CLIENT_MAX_LAST_NAME },
    { "first_names", _("First names"), self->first_names, KH_CLIENT_MAX_FIRST_NAMES },
    { "other_language", _("Other language"), self->other_language, KH_CLIENT_MAX_OTHER_LANGUAGE },
    { "other_mother_tongue", _("Other mother tongue"), self->other_mother_tongue,
      KH_CLIENT_MAX_OTHER_LANGUAGE },
    { "address", _("Street address"), self->address, KH_CLIENT_MAX_ADDRESS },
    { "city", _("City"), self->city, KH_CLIENT_MAX_CITY },
    { "phone", _("Phone"), self->phone, KH_CLIENT_MAX_PHONE },
    { "email", _("E-mail"), self->email, KH_CLIENT_MAX_EMAIL },
    { "representative_name", _("Legal representative"), self->representative_name,
      KH_CLIENT_MAX_REPRESENTATIVE_NAME },
    { "representative_contact", _("Representative’s contact details"),
      self->representative_contact, KH_CLIENT_MAX_REPRESENTATIVE_CONTACT },
  };

  g_return_val_if_fail (KH_IS_CLIENT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (gsize i = 0; i < G_N_ELEMENTS (fields); i++)
    if (!kh_text_check_field (fields[i].label, fields[i].text, KH_TEXT_LINE, fields[i].max, error))
      {
        if (out_field != NULL)
          *out_field = fields[i].field;
        return FALSE;
      }
  return TRUE;
}

/* ---- KhContact --------------------------------------------------------- */

G_DEFINE_FINAL_TYPE (KhContact, kh_contact, G_TYPE_OBJECT)

static void
kh_contact_finalize (GObject *object)
{
  KhContact *self = KH_CONTACT (object);

  g_clear_pointer (&self->received_at, g_date_time_unref);
  g_free (self->contactor_detail);
  g_free (self->contactor_name);
  g_free (self->contactor_relation);
  g_free (self->contactor_contact);
  g_free (self->directed_by);
  g_free (self->kela_meeting_deadline);
  g_clear_pointer (&self->urgency_assessed_at, g_date_time_unref);
  g_free (self->no_assessment_reason);
  g_free (self->reason_text);
  g_free (self->urgent_note);
  g_free (self->outcome_note);
  g_clear_pointer (&self->created_at, g_date_time_unref);
  g_free (self->client_name);
  g_free (self->service_name);
  g_free (self->created_by_name);

  G_OBJECT_CLASS (kh_contact_parent_class)->finalize (object);
}

static void
kh_contact_class_init (KhContactClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kh_contact_finalize;
}

/* Zero is deliberately not a valid channel, contactor or outcome: a new
 * contact has none chosen until the receptionist picks one, and the store's
 * CHECK constraints refuse a contact saved without them. */
static void
kh_contact_init (KhContact *self)
{
  self->referral = KH_REFERRAL_NONE;
  self->language = KH_LANGUAGE_FI;
}

/**
 * kh_contact_new:
 *
 * Returns: (transfer full): a new, empty contact
 */
KhContact *
kh_contact_new (void)
{
  return g_object_new (KH_TYPE_CONTACT, NULL);
}

/**
 * kh_contact_copy:
 * @self: a #KhContact
 *
 * Returns: (transfer full): a deep copy of @self
 */
KhContact *
kh_contact_copy (KhContact *self)
{
  KhContact *copy;

  g_return_val_if_fail (KH_IS_CONTACT (self), NULL);

  copy = kh_contact_new ();
  copy->id = self->id;
  copy->received_at = dup_date_time (self->received_at);
  copy->channel = self->channel;
  copy->contactor = self->contactor;
  copy->contactor_detail = g_strdup (self->contactor_detail);
  copy->contactor_name = g_strdup (self->contactor_name);
  copy->contactor_relation = g_strdup (self->contactor_relation);
  copy->contactor_contact = g_strdup (self->contactor_contact);
  copy->referral = self->referral;
  copy->directed_by = g_strdup (self->directed_by);
  copy->kela_kind = self->kela_kind;
  copy->kela_meeting_deadline = g_strdup (self->kela_meeting_deadline);
  copy->needs = self->needs;
  copy->reason_text = g_strdup (self->reason_text);
  copy->urgency = self->urgency;
  copy->urgency_assessed_by = self->urgency_assessed_by;
  copy->urgency_assessed_at = dup_date_time (self->urgency_assessed_at);
  copy->urgent = self->urgent;
  copy->urgent_note = g_strdup (self->urgent_note);
  copy->language = self->language;
  copy->interpreter = self->interpreter;
  copy->outcome = self->outcome;
  copy->opens_case = self->opens_case;
  copy->service_id = self->service_id;
  copy->no_assessment_reason = g_strdup (self->no_assessment_reason);
  copy->outcome_note = g_strdup (self->outcome_note);
  copy->anonymous = self->anonymous;
  copy->client_id = self->client_id;
  copy->case_id = self->case_id;
  copy->attached_case_id = self->attached_case_id;
  copy->created_by = self->created_by;
  copy->created_at = dup_date_time (self->created_at);
  copy->client_name = g_strdup (self->client_name);
  copy->service_name = g_strdup (self->service_name);
  copy->created_by_name = g_strdup (self->created_by_name);
  copy->entered_in_error = self->entered_in_error;
  copy->client_non_disclosure = self->client_non_disclosure;

  return copy;
}

/* ---- KhCase ------------------------------------------------------------ */

G_DEFINE_FINAL_TYPE (KhCase, kh_case, G_TYPE_OBJECT)

static void
kh_case_finalize (GObject *object)
{
  KhCase *self = KH_CASE (object);

  g_clear_pointer (&self->opened_at, g_date_time_unref);
  g_free (self->assessment_deadline);
  g_free (self->implementation_deadline);
  g_free (self->client_name);
  g_free (self->assigned_to_name);
  g_free (self->contactor_detail);
  g_free (self->directed_by);
  g_free (self->team_name);
  g_free (self->plan_review_on);

  G_OBJECT_CLASS (kh_case_parent_class)->finalize (object);
}

static void
kh_case_class_init (KhCaseClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kh_case_finalize;
}

/* A case starts in the team's queue: that is what opening one at the front
 * desk means until a lead assigns it. */
static void
kh_case_init (KhCase *self)
{
  self->status = KH_CASE_QUEUED;
  self->client_language = KH_LANGUAGE_FI;
}

/**
 * kh_case_new:
 *
 * Returns: (transfer full): a new, queued case
 */
KhCase *
kh_case_new (void)
{
  return g_object_new (KH_TYPE_CASE, NULL);
}

/* ---- KhService --------------------------------------------------------- */

G_DEFINE_FINAL_TYPE (KhService, kh_service, G_TYPE_OBJECT)

static void
kh_service_finalize (GObject *object)
{
  KhService *self = KH_SERVICE (object);

  g_free (self->name_fi);
  g_free (self->name_sv);
  g_free (self->other_languages);
  g_free (self->phone);
  g_free (self->email);
  g_free (self->address);
  g_free (self->url);
  g_free (self->notes);

  G_OBJECT_CLASS (kh_service_parent_class)->finalize (object);
}

static void
kh_service_class_init (KhServiceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kh_service_finalize;
}

static void
kh_service_init (KhService *self)
{
  self->area = KH_LIFE_AREA_OTHER;
  self->kind = KH_SERVICE_KIND_OTHER;
  self->active = TRUE;
}

/**
 * kh_service_new:
 *
 * Returns: (transfer full): a new, active directory entry
 */
KhService *
kh_service_new (void)
{
  return g_object_new (KH_TYPE_SERVICE, NULL);
}

/**
 * kh_service_copy:
 *
 * Returns: (transfer full): a new entry with the same values
 */
KhService *
kh_service_copy (KhService *self)
{
  KhService *copy;

  g_return_val_if_fail (KH_IS_SERVICE (self), NULL);

  copy = kh_service_new ();
  copy->id = self->id;
  copy->name_fi = g_strdup (self->name_fi);
  copy->name_sv = g_strdup (self->name_sv);
  copy->area = self->area;
  copy->kind = self->kind;
  copy->languages = self->languages;
  copy->other_languages = g_strdup (self->other_languages);
  copy->phone = g_strdup (self->phone);
  copy->email = g_strdup (self->email);
  copy->address = g_strdup (self->address);
  copy->url = g_strdup (self->url);
  copy->notes = g_strdup (self->notes);
  copy->flags = self->flags;
  copy->active = self->active;
  return copy;
}

/**
 * kh_service_get_name:
 * @self: a #KhService
 * @language: (nullable): "fi" or "sv"; %NULL means "fi"
 *
 * Bilingual units keep both names, but a small unit may only have typed one
 * of them: then the other language is better than an empty row, so the name
 * falls back to the other language.
 *
 * Returns: (nullable): the name in @language, or in the other language, or
 *   %NULL if the entry has no name at all
 */
const char *
kh_service_get_name (KhService  *self,
                     const char *language)
{
  const char *first;
  const char *second;

  g_return_val_if_fail (KH_IS_SERVICE (self), NULL);

  if (g_strcmp0 (language, "sv") == 0)
    {
      first = self->name_sv;
      second = self->name_fi;
    }
  else
    {
      first = self->name_fi;
      second = self->name_sv;
    }

  /* "" is treated as missing too: the records promise NULL for unknown
   * strings, but a name typed as spaces could still arrive from old data. */
  if (first != NULL && *first != '\0')
    return first;
  if (second != NULL && *second != '\0')
    return second;
  return NULL;
}

/* ---- KhTeam ------------------------------------------------------------ */

G_DEFINE_FINAL_TYPE (KhTeam, kh_team, G_TYPE_OBJECT)

static void
kh_team_finalize (GObject *object)
{
  KhTeam *self = KH_TEAM (object);

  g_free (self->name);

  G_OBJECT_CLASS (kh_team_parent_class)->finalize (object);
}

static void
kh_team_class_init (KhTeamClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kh_team_finalize;
}

static void
kh_team_init (KhTeam *self)
{
  self->active = TRUE;
}

/**
 * kh_team_new:
 *
 * Returns: (transfer full): a new, active team without a name
 */
KhTeam *
kh_team_new (void)
{
  return g_object_new (KH_TYPE_TEAM, NULL);
}

/**
 * kh_team_copy:
 * @self: a #KhTeam
 *
 * Returns: (transfer full): a copy of @self, for the store's worker
 */
KhTeam *
kh_team_copy (KhTeam *self)
{
  KhTeam *copy;

  g_return_val_if_fail (KH_IS_TEAM (self), NULL);

  copy = kh_team_new ();
  copy->id = self->id;
  copy->name = g_strdup (self->name);
  copy->active = self->active;
  copy->n_members = self->n_members;
  return copy;
}

/* ---- KhUser ------------------------------------------------------------ */

G_DEFINE_FINAL_TYPE (KhUser, kh_user, G_TYPE_OBJECT)

static void
kh_user_finalize (GObject *object)
{
  KhUser *self = KH_USER (object);

  g_free (self->account);
  g_free (self->display_name);
  g_free (self->team_name);

  G_OBJECT_CLASS (kh_user_parent_class)->finalize (object);
}

static void
kh_user_class_init (KhUserClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kh_user_finalize;
}

/* The least access is the safe default for a user whose role is not set. */
static void
kh_user_init (KhUser *self)
{
  self->role = KH_ROLE_RECEPTION;
  self->active = TRUE;
}

/**
 * kh_user_new:
 *
 * Returns: (transfer full): a new active user with the reception role
 */
KhUser *
kh_user_new (void)
{
  return g_object_new (KH_TYPE_USER, NULL);
}

/**
 * kh_user_can_read_access_log:
 * @self: a #KhUser
 *
 * The access log shows who read whose data; it is itself personal data and
 * is read for supervision only, by the lead social worker and the
 * administrator. An inactive user can read nothing.
 *
 * Returns: %TRUE if the user may read the access log
 */
gboolean
kh_user_can_read_access_log (KhUser *self)
{
  g_return_val_if_fail (KH_IS_USER (self), FALSE);

  if (!self->active)
    return FALSE;
  return self->role == KH_ROLE_LEAD || self->role == KH_ROLE_ADMIN;
}

/* ---- KhAccessEntry ----------------------------------------------------- */

G_DEFINE_FINAL_TYPE (KhAccessEntry, kh_access_entry, G_TYPE_OBJECT)

static void
kh_access_entry_finalize (GObject *object)
{
  KhAccessEntry *self = KH_ACCESS_ENTRY (object);

  g_clear_pointer (&self->at, g_date_time_unref);
  g_free (self->user_name);
  g_free (self->client_name);

  G_OBJECT_CLASS (kh_access_entry_parent_class)->finalize (object);
}

static void
kh_access_entry_class_init (KhAccessEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kh_access_entry_finalize;
}

static void
kh_access_entry_init (KhAccessEntry *self)
{
}

/**
 * kh_access_entry_new:
 *
 * Returns: (transfer full): a new, empty access-log row
 */
KhAccessEntry *
kh_access_entry_new (void)
{
  return g_object_new (KH_TYPE_ACCESS_ENTRY, NULL);
}
