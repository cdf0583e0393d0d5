/* kh-intake-state.c — the intake form's state and the rules of a contact
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two layers. The contact rules (kh_contact_*) hold wherever a contact is
 * saved: the form, the store, the demo data. The state and its view
 * (kh_intake_state_*, kh_intake_view_*) add what only a form knows: which
 * person was chosen, a received time that could not be read, a directory
 * that failed to load, and the deadlines to show while typing. Nothing
 * here knows GTK or SQLite; the tests drive it with plain values.
 */
#define G_LOG_DOMAIN "kohtaamo-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kh-deadlines.h"
#include "kh-intake-state.h"
#include "kh-text.h"

/* A clock a few minutes ahead of another is not the future. */
#define FUTURE_TOLERANCE_S (10 * 60)


/**
 * kh_intake_field_max_length:
 * @field: a #KhIntakeField
 *
 * Returns: the most characters the field keeps, or 0 for a field that is
 *   not text
 */
guint
kh_intake_field_max_length (KhIntakeField field)
{
  switch (field)
    {
    case KH_INTAKE_FIELD_CONTACTOR_DETAIL:
    case KH_INTAKE_FIELD_CONTACTOR_NAME:
    case KH_INTAKE_FIELD_CONTACTOR_RELATION:
    case KH_INTAKE_FIELD_CONTACTOR_CONTACT:
    case KH_INTAKE_FIELD_DIRECTED_BY:
      return KH_CONTACT_SHORT_TEXT_MAX;
    case KH_INTAKE_FIELD_URGENT_NOTE:
    case KH_INTAKE_FIELD_NO_ASSESSMENT_REASON:
    case KH_INTAKE_FIELD_OUTCOME_NOTE:
      return KH_CONTACT_NOTE_MAX;
    case KH_INTAKE_FIELD_REASON_TEXT:
      return KH_CONTACT_REASON_MAX;
    default:
      return 0;
    }
}

/* The text fields of a contact, for the loops below. */
static char **
text_field (KhContact     *contact,
            KhIntakeField  field)
{
  switch (field)
    {
    case KH_INTAKE_FIELD_CONTACTOR_DETAIL:     return &contact->contactor_detail;
    case KH_INTAKE_FIELD_CONTACTOR_NAME:       return &contact->contactor_name;
    case KH_INTAKE_FIELD_CONTACTOR_RELATION:   return &contact->contactor_relation;
    case KH_INTAKE_FIELD_CONTACTOR_CONTACT:    return &contact->contactor_contact;
    case KH_INTAKE_FIELD_DIRECTED_BY:          return &contact->directed_by;
    case KH_INTAKE_FIELD_REASON_TEXT:          return &contact->reason_text;
    case KH_INTAKE_FIELD_URGENT_NOTE:          return &contact->urgent_note;
    case KH_INTAKE_FIELD_NO_ASSESSMENT_REASON: return &contact->no_assessment_reason;
    case KH_INTAKE_FIELD_OUTCOME_NOTE:         return &contact->outcome_note;
    default:                                   return NULL;
    }
}

static const KhIntakeField text_fields[] = {
  KH_INTAKE_FIELD_CONTACTOR_DETAIL, KH_INTAKE_FIELD_CONTACTOR_NAME,
  KH_INTAKE_FIELD_CONTACTOR_RELATION, KH_INTAKE_FIELD_CONTACTOR_CONTACT,
  KH_INTAKE_FIELD_DIRECTED_BY, KH_INTAKE_FIELD_REASON_TEXT, KH_INTAKE_FIELD_URGENT_NOTE,
  KH_INTAKE_FIELD_NO_ASSESSMENT_REASON, KH_INTAKE_FIELD_OUTCOME_NOTE,
};

/**
 * kh_contact_makes_pending:
 * @contact: a #KhContact
 *
 * SHL 34 §: the matter becomes pending when a social-welfare employee
 * learns of a person who may need services: a contact with the person's
 * consent and a notification without consent (35 § 1 mom 2–3 p) do that,
 * and so does Kela's notification of a need for social work (TTL 14 e §
 * applies SHL 35 § to Kela). Being directed to apply (35 § 1 mom 1 p)
 * does not: the person then applies, or not.
 *
 * Returns: %TRUE if the contact makes the matter pending
 */
gboolean
kh_contact_makes_pending (const KhContact *contact)
{
  g_return_val_if_fail (KH_IS_CONTACT ((KhContact *) contact), FALSE);

  if (contact->channel == KH_CHANNEL_KELA)
    return contact->kela_kind == KH_KELA_SOCIAL_WORK_NEED;
  return contact->referral == KH_REFERRAL_WITH_CONSENT
         || contact->referral == KH_REFERRAL_WITHOUT_CONSENT;
}

static gboolean
outcome_gives_help (KhOutcome outcome)
{
  return outcome == KH_OUTCOME_CASE_OPENED || outcome == KH_OUTCOME_URGENT;
}

/* What applies by the contact's choices, whether or not it is anonymous:
 * what normalising clears. */
static gboolean
applies_by_choice (const KhContact *contact,
                   KhIntakeField    field)
{
  KhContactor who = contact->contactor;

  switch (field)
    {
    case KH_INTAKE_FIELD_CONTACTOR_DETAIL:
      return who == KH_CONTACTOR_AUTHORITY || who == KH_CONTACTOR_OTHER;
    case KH_INTAKE_FIELD_CONTACTOR_NAME:
    case KH_INTAKE_FIELD_CONTACTOR_CONTACT:
      return who == KH_CONTACTOR_RELATIVE || who == KH_CONTACTOR_LEGAL_REPRESENTATIVE;
    case KH_INTAKE_FIELD_CONTACTOR_RELATION:
      return who == KH_CONTACTOR_RELATIVE;
    case KH_INTAKE_FIELD_DIRECTED_BY:
      return who == KH_CONTACTOR_SELF && contact->channel != KH_CHANNEL_KELA;
    case KH_INTAKE_FIELD_REFERRAL:
      return who == KH_CONTACTOR_AUTHORITY && contact->channel != KH_CHANNEL_KELA;
    case KH_INTAKE_FIELD_KELA_KIND:
      return contact->channel == KH_CHANNEL_KELA;
    case KH_INTAKE_FIELD_URGENT_NOTE:
      return contact->urgency == KH_URGENCY_URGENT;
    case KH_INTAKE_FIELD_SERVICE:
      return contact->outcome == KH_OUTCOME_DIRECTED || contact->outcome == KH_OUTCOME_URGENT
             || contact->outcome == KH_OUTCOME_CONSULTED;
    case KH_INTAKE_FIELD_OPENS_CASE:
      return contact->outcome == KH_OUTCOME_URGENT;
    case KH_INTAKE_FIELD_NO_ASSESSMENT_REASON:
      return kh_contact_makes_pending (contact) && !outcome_gives_help (contact->outcome);
    case KH_INTAKE_FIELD_DEADLINE_GROUPS:
    case KH_INTAKE_FIELD_TEAM:
    case KH_INTAKE_FIELD_ASSIGN_TO:
      return contact->outcome == KH_OUTCOME_CASE_OPENED
             || (contact->outcome == KH_OUTCOME_URGENT && contact->opens_case);
    default:
      return TRUE;
    }
}

/**
 * kh_contact_field_applies:
 * @contact: a #KhContact
 * @field: a #KhIntakeField
 *
 * An anonymous contact keeps only what statistics need (vasso.fi 4.2): no
 * person, no contact maker, no free text. Otherwise a field applies by the
 * channel (a Kela notification has its kind), the contact maker (an
 * authority's name, a relative's identity, who directed the person) and
 * the outcome (a service, a case, a reason for no assessment).
 *
 * Returns: %TRUE if the form shows @field for @contact
 */
gboolean
kh_contact_field_applies (const KhContact *contact,
                          KhIntakeField    field)
{
  g_return_val_if_fail (KH_IS_CONTACT ((KhContact *) contact), FALSE);

  if (contact->anonymous || contact->contactor == KH_CONTACTOR_ANONYMOUS)
    {
      switch (field)
        {
        case KH_INTAKE_FIELD_RECEIVED:
        case KH_INTAKE_FIELD_CHANNEL:
        case KH_INTAKE_FIELD_NEEDS:
        case KH_INTAKE_FIELD_URGENCY:
        case KH_INTAKE_FIELD_LANGUAGE:
        case KH_INTAKE_FIELD_OUTCOME:
        case KH_INTAKE_FIELD_WHO:
          return TRUE;
        case KH_INTAKE_FIELD_SERVICE:
          return applies_by_choice (contact, field);
        default:
          return FALSE;
        }
    }
  return applies_by_choice (contact, field);
}

/**
 * kh_contact_normalize:
 * @contact: a #KhContact to change in place
 *
 * Cleans every text (kh_text_clean()), clears the fields that do not
 * apply to the contact's choices (what the form hides is not kept), and
 * derives what follows from a choice: ANONYMOUS and anonymity go
 * together; the person directed by an authority is a DIRECTED contact
 * (35 § 1 mom 1 p); CASE_OPENED always opens a case, and only URGENT may
 * open one besides; `urgent` says whether urgency is URGENT.
 */
void
kh_contact_normalize (KhContact *contact)
{
  g_return_if_fail (KH_IS_CONTACT (contact));

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      char **text = text_field (contact, text_fields[i]);
      char *clean = kh_text_clean (*text);

      g_free (*text);
      *text = clean;
    }

  if (contact->contactor == KH_CONTACTOR_ANONYMOUS)
    contact->anonymous = TRUE;
  if (contact->anonymous)
    contact->contactor = KH_CONTACTOR_ANONYMOUS;
  if (contact->contactor == KH_CONTACTOR_SELF && contact->directed_by != NULL
      && contact->referral == KH_REFERRAL_NONE)
    contact->referral = KH_REFERRAL_DIRECTED;
  /* A caller that says `urgent` (and nothing of urgency) has answered. */
  if (contact->urgency == KH_URGENCY_NOT_RECORDED && contact->urgent)
    contact->urgency = KH_URGENCY_URGENT;
  if (contact->outcome == KH_OUTCOME_CASE_OPENED)
    contact->opens_case = TRUE;
  else if (contact->outcome != KH_OUTCOME_URGENT)
    contact->opens_case = FALSE;
  contact->urgent = contact->urgency == KH_URGENCY_URGENT;

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    if (!applies_by_choice (contact, text_fields[i]))
      g_clear_pointer (text_field (contact, text_fields[i]), g_free);
  if (!applies_by_choice (contact, KH_INTAKE_FIELD_KELA_KIND))
    contact->kela_kind = KH_KELA_NONE;
  if (contact->kela_kind != KH_KELA_MEETING_REQUEST)
    g_clear_pointer (&contact->kela_meeting_deadline, g_free);
  if (!applies_by_choice (contact, KH_INTAKE_FIELD_SERVICE))
    contact->service_id = 0;
}

static gboolean
problem (KhIntakeField  field,
         char          *message,
         KhIntakeField *out_field,
         char         **out_message)
{
  if (out_field != NULL)
    *out_field = field;
  if (out_message != NULL)
    *out_message = message;
  else
    g_free (message);
  return TRUE;
}

#define PROBLEM(field, message) problem ((field), g_strdup (message), out_field, out_message)

/* Names are found by what they look like (1.13). */
static gboolean
is_name_field (KhIntakeField field)
{
  return kh_intake_field_max_length (field) == KH_CONTACT_SHORT_TEXT_MAX;
}

/**
 * kh_contact_find_problem:
 * @contact: a normalised #KhContact
 * @has_client: whether a person comes with the contact
 * @out_field: (out) (optional): the field of the first problem
 * @out_message: (out) (optional) (transfer full): a translated message
 *   for that field
 *
 * The rules of a contact, in the order of the form, so that the first
 * problem is the one highest up.
 *
 * Returns: %TRUE if there is a problem, %FALSE if the contact can be saved
 */
gboolean
kh_contact_find_problem (const KhContact *contact,
                         gboolean         has_client,
                         KhIntakeField   *out_field,
                         char           **out_message)
{
  KhContact *c = (KhContact *) contact;

  g_return_val_if_fail (KH_IS_CONTACT (c), TRUE);

  /* Who. */
  if (c->anonymous && has_client)
    return PROBLEM (KH_INTAKE_FIELD_WHO, _("An anonymous contact keeps no person. Remove the person, or do not mark the contact anonymous."));
  if (!c->anonymous && !has_client)
    return PROBLEM (KH_INTAKE_FIELD_WHO, _("Find the person, add a new person, or mark the contact anonymous."));

  /* Contact. */
  if (c->channel < KH_CHANNEL_FIRST || c->channel > KH_CHANNEL_LAST)
    return PROBLEM (KH_INTAKE_FIELD_CHANNEL, _("Choose how the contact came in."));
  if (c->contactor < KH_CONTACTOR_FIRST || c->contactor > KH_CONTACTOR_LAST)
    return PROBLEM (KH_INTAKE_FIELD_CONTACTOR, _("Contact made by: choose who made the contact."));
  /* Kela is an authority (TTL 14 e §): its notification is made by it. */
  if (c->channel == KH_CHANNEL_KELA && c->contactor != KH_CONTACTOR_AUTHORITY && !c->anonymous)
    return PROBLEM (KH_INTAKE_FIELD_CONTACTOR, _("Contact made by: a Kela notification comes from Kela, an authority."));
  if (c->channel == KH_CHANNEL_KELA && c->anonymous)
    return PROBLEM (KH_INTAKE_FIELD_CONTACTOR, _("Contact made by: a Kela notification comes from Kela, an authority."));

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      KhIntakeField field = text_fields[i];
      const char *text = *text_field (c, field);
      guint max = kh_intake_field_max_length (field);
      g_autoptr(GError) text_error = NULL;

      if (text == NULL)
        continue;
      if (c->anonymous)
        {
          if (field == KH_INTAKE_FIELD_REASON_TEXT)
            return PROBLEM (field, _("Reason: an anonymous contact keeps no free text. Choose the support needs only, or do not mark the contact anonymous."));
          if (field == KH_INTAKE_FIELD_URGENT_NOTE)
            return PROBLEM (field, _("Urgent need: an anonymous contact keeps no note. Remove the note, or do not mark the contact anonymous."));
          if (field == KH_INTAKE_FIELD_OUTCOME_NOTE)
            return PROBLEM (field, _("Outcome note: an anonymous contact keeps no note. Remove the note, or do not mark the contact anonymous."));
          return PROBLEM (field, _("Who contacted: an anonymous contact keeps no personal data. Remove the text, or do not mark the contact anonymous."));
        }
      /* The one text check of core (kh-text.c): the limit, and no
       * invisible or direction-changing character (1.13). */
      if (!kh_text_check_field (NULL, text, is_name_field (field) ? KH_TEXT_LINE : KH_TEXT_NOTE,
                                max, &text_error))
        return problem (field, g_strdup (text_error->message), out_field, out_message);
    }

  if (!c->anonymous)
    {
      if (c->contactor == KH_CONTACTOR_AUTHORITY && c->contactor_detail == NULL
          && c->channel != KH_CHANNEL_KELA)
        return PROBLEM (KH_INTAKE_FIELD_CONTACTOR_DETAIL, _("Name the authority, for example the health centre or the police."));
      /* ATL 38 §: who made the contact is recorded; a relative or close
       * person and a legal representative by name. */
      if ((c->contactor == KH_CONTACTOR_RELATIVE || c->contactor == KH_CONTACTOR_LEGAL_REPRESENTATIVE)
          && c->contactor_name == NULL)
        return PROBLEM (KH_INTAKE_FIELD_CONTACTOR_NAME, _("Write the name of the person who made the contact."));
      if (c->contactor == KH_CONTACTOR_RELATIVE && c->contactor_relation == NULL)
        return PROBLEM (KH_INTAKE_FIELD_CONTACTOR_RELATION, _("Write how they are related to the person, for example daughter or neighbour."));
    }

  /* SHL 35 §. */
  if (c->referral > KH_REFERRAL_LAST)
    return PROBLEM (KH_INTAKE_FIELD_REFERRAL, _("Kind of contact: choose one of the three kinds of Social Welfare Act 35 §."));
  if (c->channel == KH_CHANNEL_KELA && c->referral != KH_REFERRAL_NONE)
    return PROBLEM (KH_INTAKE_FIELD_REFERRAL, _("A Kela notification is recorded with its own kind, not as a contact under Social Welfare Act 35 §."));
  if (c->referral == KH_REFERRAL_DIRECTED && c->contactor != KH_CONTACTOR_SELF)
    return PROBLEM (KH_INTAKE_FIELD_REFERRAL, _("A person directed to apply by an authority contacts the unit themselves: record the contact as made by the person, directed by the authority."));
  if (c->referral == KH_REFERRAL_DIRECTED && c->directed_by == NULL)
    return PROBLEM (KH_INTAKE_FIELD_DIRECTED_BY, _("Name the authority that directed the person to apply."));
  if ((c->referral == KH_REFERRAL_WITH_CONSENT || c->referral == KH_REFERRAL_WITHOUT_CONSENT)
      && c->contactor != KH_CONTACTOR_AUTHORITY)
    return PROBLEM (KH_INTAKE_FIELD_REFERRAL, _("Kind of contact: only a contact from another authority has a kind under Social Welfare Act 35 §."));
  if (c->contactor == KH_CONTACTOR_AUTHORITY && c->channel != KH_CHANNEL_KELA
      && c->referral != KH_REFERRAL_WITH_CONSENT && c->referral != KH_REFERRAL_WITHOUT_CONSENT)
    return PROBLEM (KH_INTAKE_FIELD_REFERRAL, _("Choose which kind of contact the authority made."));
  if (c->channel == KH_CHANNEL_KELA
      && (c->kela_kind < KH_KELA_FIRST || c->kela_kind > KH_KELA_LAST_CHOICE))
    return PROBLEM (KH_INTAKE_FIELD_KELA_KIND, _("Choose what Kela's notification is about."));

  /* Reasons: statistics need a topic even for an anonymous contact. */
  if ((c->needs & ~KH_NEEDS_ALL) != 0)
    return PROBLEM (KH_INTAKE_FIELD_NEEDS, _("Reasons: unknown support need."));
  if (c->needs == 0 && c->reason_text == NULL)
    return PROBLEM (KH_INTAKE_FIELD_NEEDS, c->anonymous
                    ? _("Choose at least one reason.")
                    : _("Choose at least one reason, or describe it in the person's own words."));

  /* SHL 36 § 1 mom: the urgency is an answer, never a default. */
  if (c->urgency != KH_URGENCY_URGENT && c->urgency != KH_URGENCY_NOT_URGENT)
    return PROBLEM (KH_INTAKE_FIELD_URGENCY, _("Answer whether the person needs urgent help."));

  if (c->language < KH_LANGUAGE_FIRST || c->language > KH_LANGUAGE_LAST)
    return PROBLEM (KH_INTAKE_FIELD_LANGUAGE, _("Language: choose the language the contact was served in."));

  /* Outcome. */
  if (c->outcome < KH_OUTCOME_FIRST || c->outcome > KH_OUTCOME_LAST)
    return PROBLEM (KH_INTAKE_FIELD_OUTCOME, _("Choose the outcome."));
  if (c->anonymous && !kh_outcome_allows_anonymous (c->outcome))
    return PROBLEM (KH_INTAKE_FIELD_OUTCOME, _("An anonymous contact can only get advice or be directed to another service."));
  if (c->outcome == KH_OUTCOME_DIRECTED && c->service_id <= 0)
    return PROBLEM (KH_INTAKE_FIELD_SERVICE, _("Choose the service the person was directed to."));
  if (c->opens_case && !outcome_gives_help (c->outcome))
    return PROBLEM (KH_INTAKE_FIELD_OPENS_CASE, _("A case is opened only when the outcome is an opened case or urgent help."));
  /* SHL 34 §, 36 § 1 mom. */
  if (kh_contact_makes_pending (c) && !outcome_gives_help (c->outcome)
      && c->no_assessment_reason == NULL)
    return PROBLEM (KH_INTAKE_FIELD_NO_ASSESSMENT_REASON, _("This contact makes the matter pending: open a case, give urgent help, or write why an assessment of the need for services is evidently unnecessary."));

  return FALSE;
}

#undef PROBLEM

/* ---- the form's state ---- */

/**
 * kh_intake_state_new:
 *
 * A new contact as the form starts it: nothing chosen (the receptionist
 * picks the channel, the outcome and the urgency), served in Finnish.
 *
 * Returns: (transfer full): a new state
 */
KhIntakeState *
kh_intake_state_new (void)
{
  KhIntakeState *state = g_new0 (KhIntakeState, 1);

  state->contact = kh_contact_new ();
  state->contact->contactor = KH_CONTACTOR_SELF;
  state->received_valid = TRUE;
  state->original = kh_contact_copy (state->contact);
  return state;
}

/**
 * kh_intake_state_copy:
 * @state: a #KhIntakeState
 *
 * Returns: (transfer full): a deep copy
 */
KhIntakeState *
kh_intake_state_copy (const KhIntakeState *state)
{
  KhIntakeState *copy;

  g_return_val_if_fail (state != NULL, NULL);

  copy = g_memdup2 (state, sizeof *state);
  copy->contact = kh_contact_copy (state->contact);
  copy->original = kh_contact_copy (state->original);
  copy->birth_date = g_strdup (state->birth_date);
  if (state->teams != NULL)
    {
      copy->teams = g_array_sized_new (FALSE, FALSE, sizeof (gint64), state->teams->len);
      g_array_append_vals (copy->teams, state->teams->data, state->teams->len);
    }
  return copy;
}

void
kh_intake_state_free (KhIntakeState *state)
{
  if (state == NULL)
    return;
  g_clear_object (&state->contact);
  g_clear_object (&state->original);
  g_free (state->birth_date);
  g_clear_pointer (&state->teams, g_array_unref);
  g_free (state);
}

/**
 * kh_intake_state_has_changes:
 * @state: a #KhIntakeState
 *
 * Returns: %TRUE if any value that the receptionist enters differs from
 *   the start (the received time, which the form fills in, does not count)
 */
gboolean
kh_intake_state_has_changes (const KhIntakeState *state)
{
  const KhContact *a = state->contact;
  const KhContact *b = state->original;

  if (state->who != KH_INTAKE_WHO_NONE || state->deadline_groups != 0 || state->assign_to != 0
      || state->team_id != state->default_team)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    if (g_strcmp0 (*text_field ((KhContact *) a, text_fields[i]),
                   *text_field ((KhContact *) b, text_fields[i])) != 0)
      return TRUE;
  return a->channel != b->channel || a->contactor != b->contactor || a->referral != b->referral
         || a->kela_kind != b->kela_kind || a->needs != b->needs || a->urgency != b->urgency
         || a->outcome != b->outcome || a->service_id != b->service_id
         || a->anonymous != b->anonymous || a->opens_case != b->opens_case;
}

void
kh_intake_state_set_anonymous (KhIntakeState *state,
                               gboolean       anonymous)
{
  KhContact *c = state->contact;

  c->anonymous = anonymous;
  if (anonymous)
    c->contactor = KH_CONTACTOR_ANONYMOUS;
  else if (c->contactor == KH_CONTACTOR_ANONYMOUS)
    c->contactor = KH_CONTACTOR_SELF;
}

void
kh_intake_state_set_who (KhIntakeState *state,
                         KhIntakeWho    who,
                         const char    *birth_date)
{
  state->who = who;
  g_free (state->birth_date);
  state->birth_date = g_strdup (birth_date);
}

void
kh_intake_state_set_received (KhIntakeState *state,
                              GDateTime     *received_at)
{
  KhContact *c = state->contact;

  g_clear_pointer (&c->received_at, g_date_time_unref);
  state->received_valid = received_at != NULL;
  if (received_at != NULL)
    c->received_at = g_date_time_ref (received_at);
}

/* A Kela notification is made by Kela, an authority (TTL 14 e §), so the
 * contact maker follows the channel and the authority's name is "Kela". */
void
kh_intake_state_set_channel (KhIntakeState *state,
                             KhChannel      channel)
{
  KhContact *c = state->contact;
  KhChannel before = c->channel;

  c->channel = channel;
  if (c->anonymous)
    return;
  if (channel == KH_CHANNEL_KELA)
    {
      c->contactor = KH_CONTACTOR_AUTHORITY;
      c->referral = KH_REFERRAL_NONE;
      g_free (c->contactor_detail);
      c->contactor_detail = g_strdup ("Kela");
    }
  else if (before == KH_CHANNEL_KELA && g_strcmp0 (c->contactor_detail, "Kela") == 0)
    g_clear_pointer (&c->contactor_detail, g_free);
  /* A notification from another authority is made by that authority. */
  if (channel == KH_CHANNEL_AUTHORITY && c->contactor == KH_CONTACTOR_SELF)
    c->contactor = KH_CONTACTOR_AUTHORITY;
}

void
kh_intake_state_set_contactor (KhIntakeState *state,
                               KhContactor    contactor)
{
  KhContact *c = state->contact;

  if (c->channel == KH_CHANNEL_KELA || c->anonymous)
    return;
  c->contactor = contactor;
  /* 35 § 1 mom 1 p belongs to the person; 2–3 p to the authority. */
  if (contactor == KH_CONTACTOR_SELF)
    c->referral = c->directed_by != NULL ? KH_REFERRAL_DIRECTED : KH_REFERRAL_NONE;
  else if (contactor != KH_CONTACTOR_AUTHORITY)
    c->referral = KH_REFERRAL_NONE;
  else if (c->referral == KH_REFERRAL_DIRECTED)
    c->referral = KH_REFERRAL_NONE;
}

/* Urgent help for a contact that makes the matter pending opens a case
 * with it, whichever was chosen first (2.5). */
static void
follow_pending (KhIntakeState *state)
{
  if (state->contact->outcome == KH_OUTCOME_URGENT)
    state->contact->opens_case = kh_contact_makes_pending (state->contact);
}

void
kh_intake_state_set_referral (KhIntakeState *state,
                              KhReferral     referral)
{
  state->contact->referral = referral;
  follow_pending (state);
}

void
kh_intake_state_set_kela_kind (KhIntakeState *state,
                               KhKelaKind     kind)
{
  state->contact->kela_kind = kind;
  follow_pending (state);
}

void
kh_intake_state_set_text (KhIntakeState *state,
                          KhIntakeField  field,
                          const char    *text)
{
  KhContact *c = state->contact;
  char **slot = text_field (c, field);

  g_return_if_fail (slot != NULL);
  g_free (*slot);
  *slot = kh_text_clean (text);
  /* Who directed the person makes the contact a 35 § 1 mom 1 p one. */
  if (field == KH_INTAKE_FIELD_DIRECTED_BY && c->contactor == KH_CONTACTOR_SELF)
    c->referral = *slot != NULL ? KH_REFERRAL_DIRECTED : KH_REFERRAL_NONE;
}

void
kh_intake_state_set_needs (KhIntakeState *state,
                           guint          needs)
{
  state->contact->needs = needs;
}

void
kh_intake_state_set_urgency (KhIntakeState *state,
                             KhUrgency      urgency)
{
  state->contact->urgency = urgency;
  state->contact->urgent = urgency == KH_URGENCY_URGENT;
}

void
kh_intake_state_set_language (KhIntakeState *state,
                              KhLanguage     language,
                              gboolean       interpreter)
{
  state->contact->language = language;
  state->contact->interpreter = interpreter;
}

/* Urgent help is an answer to an urgent need; a notification that makes
 * the matter pending opens a case with it unless the worker says not
 * (2.5: an urgent 35 § notification is both). */
void
kh_intake_state_set_outcome (KhIntakeState *state,
                             KhOutcome      outcome)
{
  KhContact *c = state->contact;

  c->outcome = outcome;
  if (outcome == KH_OUTCOME_URGENT)
    {
      kh_intake_state_set_urgency (state, KH_URGENCY_URGENT);
      c->opens_case = kh_contact_makes_pending (c);
    }
  else
    c->opens_case = outcome == KH_OUTCOME_CASE_OPENED;
}

void
kh_intake_state_set_opens_case (KhIntakeState *state,
                                gboolean       opens_case)
{
  if (state->contact->outcome == KH_OUTCOME_URGENT)
    state->contact->opens_case = opens_case;
}

void
kh_intake_state_set_service (KhIntakeState *state,
                             gint64         service_id)
{
  state->contact->service_id = service_id;
}

void
kh_intake_state_set_deadline_groups (KhIntakeState *state,
                                     guint          groups)
{
  state->deadline_groups = groups;
}

void
kh_intake_state_set_assign_to (KhIntakeState *state,
                               gint64         user_id)
{
  state->assign_to = user_id;
}

static gboolean
team_offered (const gint64 *team_ids,
              guint         n_teams,
              gint64        team_id)
{
  for (guint i = 0; i < n_teams && team_id > 0; i++)
    if (team_ids[i] == team_id)
      return TRUE;
  return FALSE;
}

/**
 * kh_intake_default_team:
 * @team_ids: (array length=n_teams): the unit's active teams, in the order
 *   they are offered
 * @n_teams: how many
 * @own_team: the receptionist's team, 0 for none
 *
 * Reception usually works for the whole unit and belongs to no team; a
 * receptionist of a team (a unit with a desk per team) sends its cases to
 * their own team. A team that no longer takes cases is never the default.
 *
 * Returns: the team a new case goes to unless another is chosen, or 0
 */
gint64
kh_intake_default_team (const gint64 *team_ids,
                        guint         n_teams,
                        gint64        own_team)
{
  g_return_val_if_fail (team_ids != NULL || n_teams == 0, 0);

  if (team_offered (team_ids, n_teams, own_team))
    return own_team;
  return n_teams > 0 ? team_ids[0] : 0;
}

void
kh_intake_state_set_teams (KhIntakeState *state,
                           const gint64  *team_ids,
                           guint          n_teams,
                           gint64         own_team)
{
  gboolean kept;

  g_return_if_fail (team_ids != NULL || n_teams == 0);

  kept = team_offered (team_ids, n_teams, state->team_id)
         && state->team_id != state->default_team;
  g_clear_pointer (&state->teams, g_array_unref);
  state->teams = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_teams);
  g_array_append_vals (state->teams, team_ids, n_teams);
  state->default_team = kh_intake_default_team (team_ids, n_teams, own_team);
  /* A team chosen by hand stays chosen while it is offered. */
  if (!kept)
    state->team_id = state->default_team;
}

void
kh_intake_state_set_team (KhIntakeState *state,
                          gint64         team_id)
{
  state->team_id = team_id;
}

/**
 * kh_intake_state_build_contact:
 * @state: a #KhIntakeState
 *
 * Returns: (transfer full): the contact to save, normalised: what does not
 *   apply (also to an anonymous contact) is left out
 */
KhContact *
kh_intake_state_build_contact (const KhIntakeState *state)
{
  KhContact *contact = kh_contact_copy (state->contact);

  if (contact->anonymous)
    {
      for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
        g_clear_pointer (text_field (contact, text_fields[i]), g_free);
      contact->contactor = KH_CONTACTOR_ANONYMOUS;
      contact->referral = KH_REFERRAL_NONE;
      contact->client_id = 0;
    }
  else if (!applies_by_choice (contact, KH_INTAKE_FIELD_REFERRAL)
           && contact->referral != KH_REFERRAL_DIRECTED)
    contact->referral = KH_REFERRAL_NONE;
  kh_contact_normalize (contact);
  return contact;
}

/* ---- the view ---- */

static void
set_message (KhIntakeView  *view,
             KhIntakeField  field,
             const char    *message)
{
  if (view->messages[field] != NULL || message == NULL)
    return;
  view->messages[field] = g_strdup (message);
  if (view->first_problem == KH_INTAKE_FIELD_NONE || field < view->first_problem)
    view->first_problem = field;
}

/**
 * kh_intake_view_new:
 * @state: a #KhIntakeState
 * @calendar: (nullable): the unit's calendar, for the deadlines
 * @now: the time of the check
 *
 * Everything the form shows, derived from @state alone: which fields
 * apply, a message for each field that is missing or wrong (the first in
 * the form's order is `first_problem`), the deadline groups that follow
 * from the birth date, and the deadlines that apply.
 *
 * Returns: (transfer full): the view
 */
KhIntakeView *
kh_intake_view_new (const KhIntakeState *state,
                    KhCalendar          *calendar,
                    GDateTime           *now)
{
  KhIntakeView *view = g_new0 (KhIntakeView, 1);
  g_autoptr(KhContact) contact = kh_intake_state_build_contact (state);
  g_autoptr(GDateTime) local = NULL;
  GDate day, birth;
  gboolean has_birth = FALSE;
  gboolean has_client = state->who != KH_INTAKE_WHO_NONE && !contact->anonymous;
  KhIntakeField field;
  char *message = NULL;

  g_return_val_if_fail (state != NULL && now != NULL, view);

  for (guint i = 0; i < KH_INTAKE_N_FIELDS; i++)
    view->applies[i] = kh_contact_field_applies (state->contact, i);
  view->applies[KH_INTAKE_FIELD_NONE] = FALSE;
  view->opens_case = contact->opens_case;

  /* What only the form knows comes first in its order. */
  if (!state->received_valid)
    set_message (view, KH_INTAKE_FIELD_RECEIVED, _("Write the date and time as 2.4.2026 14.30."));
  else if (state->contact->received_at != NULL
           && g_date_time_difference (state->contact->received_at, now)
              > (GTimeSpan) FUTURE_TOLERANCE_S * G_TIME_SPAN_SECOND)
    set_message (view, KH_INTAKE_FIELD_RECEIVED, _("The contact cannot have been received in the future."));

  /* Every rule, one field at a time: a field's problem found, the field
   * is taken as fixed to look for the next one. */
  {
    g_autoptr(KhContact) probe = kh_contact_copy (contact);

    for (guint round = 0; round < KH_INTAKE_N_FIELDS; round++)
      {
        if (!kh_contact_find_problem (probe, has_client, &field, &message))
          break;
        set_message (view, field, message);
        g_clear_pointer (&message, g_free);
        /* Make the probe pass that rule, so that the next one shows. */
        switch (field)
          {
          case KH_INTAKE_FIELD_WHO:
            has_client = !probe->anonymous;
            if (probe->channel == KH_CHANNEL_KELA)
              probe->channel = KH_CHANNEL_PHONE;
            break;
          case KH_INTAKE_FIELD_CHANNEL: probe->channel = KH_CHANNEL_WALK_IN; break;
          case KH_INTAKE_FIELD_CONTACTOR:
            probe->contactor = probe->anonymous ? KH_CONTACTOR_ANONYMOUS : KH_CONTACTOR_AUTHORITY;
            break;
          case KH_INTAKE_FIELD_REFERRAL:
            probe->referral = probe->contactor == KH_CONTACTOR_AUTHORITY
                              ? KH_REFERRAL_WITH_CONSENT : KH_REFERRAL_NONE;
            g_free (probe->no_assessment_reason);
            probe->no_assessment_reason = g_strdup ("-");
            break;
          case KH_INTAKE_FIELD_KELA_KIND: probe->kela_kind = KH_KELA_OTHER; break;
          case KH_INTAKE_FIELD_NEEDS: probe->needs = KH_NEED_HOUSING; break;
          case KH_INTAKE_FIELD_URGENCY: probe->urgency = KH_URGENCY_NOT_URGENT; break;
          case KH_INTAKE_FIELD_LANGUAGE: probe->language = KH_LANGUAGE_FI; break;
          case KH_INTAKE_FIELD_OUTCOME:
            probe->outcome = KH_OUTCOME_ADVICE;
            probe->opens_case = FALSE;
            break;
          case KH_INTAKE_FIELD_SERVICE: probe->service_id = 1; break;
          case KH_INTAKE_FIELD_OPENS_CASE: probe->opens_case = FALSE; break;
          case KH_INTAKE_FIELD_NO_ASSESSMENT_REASON:
            g_free (probe->no_assessment_reason);
            probe->no_assessment_reason = g_strdup ("-");
            break;
          default:
            {
              char **text = text_field (probe, field);

              if (text == NULL)
                round = KH_INTAKE_N_FIELDS;
              else
                {
                  g_free (*text);
                  *text = g_strdup ("-");
                }
            }
            break;
          }
      }
  }

  /* Urgent help is given through a service of the directory. */
  if (contact->outcome == KH_OUTCOME_URGENT || contact->outcome == KH_OUTCOME_DIRECTED)
    {
      if (state->services_failed)
        set_message (view, KH_INTAKE_FIELD_SERVICE,
                     _("The directory of services could not be loaded. Try again, or choose another outcome."));
      else if (contact->service_id <= 0)
        set_message (view, KH_INTAKE_FIELD_SERVICE, _("Choose the service the person was directed to."));
    }

  /* The team whose queue the case goes to (issue 5, 2.9): offered when
   * the unit has more than one; before the teams are known, the store
   * gives the default (kh_intake_default_team). */
  if (state->teams == NULL || state->teams->len <= 1)
    view->applies[KH_INTAKE_FIELD_TEAM] = FALSE;
  if (contact->opens_case && state->teams != NULL)
    {
      if (state->teams->len == 0)
        set_message (view, KH_INTAKE_FIELD_TEAM,
                     _("No team takes new cases. Ask the administrator to add a team or make one active again."));
      else if (!team_offered ((const gint64 *) state->teams->data, state->teams->len,
                              state->team_id))
        set_message (view, KH_INTAKE_FIELD_TEAM, _("Choose the team whose queue the case goes to."));
    }

  /* Deadlines. */
  local = g_date_time_to_local (state->received_valid && state->contact->received_at != NULL
                                ? state->contact->received_at : now);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  has_birth = !contact->anonymous && state->birth_date != NULL
              && kh_date_from_iso (state->birth_date, &birth);
  view->groups_from_birth = kh_deadline_effective_groups (0, has_birth ? &birth : NULL, &day);
  view->effective_groups = view->groups_from_birth | state->deadline_groups;
  /* SHL 36 § 2 mom: who made the contact decides whether the 7 days run. */
  view->seeks_services = !contact->anonymous
                         && kh_deadline_contactor_seeks_services (contact->contactor);
  g_date_clear (&view->assessment_deadline, 1);
  g_date_clear (&view->meeting_deadline, 1);
  g_date_clear (&view->implementation_deadline, 1);
  if (calendar != NULL && contact->opens_case)
    {
      view->has_assessment_deadline =
        kh_deadline_assessment_start (calendar, &day, view->seeks_services, view->effective_groups,
                                      has_birth ? &birth : NULL, &view->assessment_deadline);
      /* SHL 45 §: the case is pending from the contact's day. */
      kh_deadline_implementation (calendar, &day, &view->implementation_deadline);
      view->has_implementation_deadline = TRUE;
    }
  if (calendar != NULL && contact->kela_kind == KH_KELA_MEETING_REQUEST)
    {
      kh_deadline_kela_meeting (calendar, &day, &view->meeting_deadline);
      view->has_meeting_deadline = TRUE;
    }

  return view;
}

void
kh_intake_view_free (KhIntakeView *view)
{
  if (view == NULL)
    return;
  for (guint i = 0; i < KH_INTAKE_N_FIELDS; i++)
    g_free (view->messages[i]);
  g_free (view);
}
