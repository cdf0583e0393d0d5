/* kh-contact-revision.c — a saved contact's history of corrections
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kohtaamo-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kh-contact-revision.h"

static gboolean
same_text (const char *a,
           const char *b)
{
  if (a != NULL && *a == '\0')
    a = NULL;
  if (b != NULL && *b == '\0')
    b = NULL;
  return g_strcmp0 (a, b) == 0;
}

guint
kh_contact_changed_fields (KhContact *before,
                           KhContact *after)
{
  guint fields = 0;

  g_return_val_if_fail (KH_IS_CONTACT (before) && KH_IS_CONTACT (after), 0);

  if (before->channel != after->channel)
    fields |= KH_CONTACT_FIELD_CHANNEL;
  if (!same_text (before->contactor_detail, after->contactor_detail))
    fields |= KH_CONTACT_FIELD_CONTACTOR_DETAIL;
  if (before->needs != after->needs)
    fields |= KH_CONTACT_FIELD_NEEDS;
  if (!same_text (before->reason_text, after->reason_text))
    fields |= KH_CONTACT_FIELD_REASON_TEXT;
  if (!same_text (before->urgent_note, after->urgent_note))
    fields |= KH_CONTACT_FIELD_URGENT_NOTE;
  if (before->language != after->language)
    fields |= KH_CONTACT_FIELD_LANGUAGE;
  if (!before->interpreter != !after->interpreter)
    fields |= KH_CONTACT_FIELD_INTERPRETER;
  if (before->service_id != after->service_id)
    fields |= KH_CONTACT_FIELD_SERVICE;
  if (!same_text (before->outcome_note, after->outcome_note))
    fields |= KH_CONTACT_FIELD_OUTCOME_NOTE;
  if (!same_text (before->contactor_name, after->contactor_name))
    fields |= KH_CONTACT_FIELD_CONTACTOR_NAME;
  if (!same_text (before->contactor_relation, after->contactor_relation))
    fields |= KH_CONTACT_FIELD_CONTACTOR_RELATION;
  if (!same_text (before->contactor_contact, after->contactor_contact))
    fields |= KH_CONTACT_FIELD_CONTACTOR_CONTACT;
  if (!same_text (before->directed_by, after->directed_by))
    fields |= KH_CONTACT_FIELD_DIRECTED_BY;
  return fields;
}

const char *
kh_contact_field_label (KhContactField field)
{
  switch (field)
    {
    case KH_CONTACT_FIELD_CHANNEL: return _("Channel");
    case KH_CONTACT_FIELD_CONTACTOR_DETAIL: return _("Who contacted");
    case KH_CONTACT_FIELD_NEEDS: return _("Support needs");
    case KH_CONTACT_FIELD_REASON_TEXT: return _("Reason");
    case KH_CONTACT_FIELD_URGENT_NOTE: return _("Urgent need");
    case KH_CONTACT_FIELD_LANGUAGE: return _("Language of service");
    case KH_CONTACT_FIELD_INTERPRETER: return _("Interpreter");
    case KH_CONTACT_FIELD_SERVICE: return _("Directed to");
    case KH_CONTACT_FIELD_OUTCOME_NOTE: return _("Outcome note");
    case KH_CONTACT_FIELD_CONTACTOR_NAME: return _("Name of who contacted");
    case KH_CONTACT_FIELD_CONTACTOR_RELATION: return _("Relation to the person");
    case KH_CONTACT_FIELD_CONTACTOR_CONTACT: return _("Their contact details");
    case KH_CONTACT_FIELD_DIRECTED_BY: return _("Directed to apply by");
    default: return NULL;
    }
}

char *
kh_contact_dup_field_list (guint fields)
{
  GString *list = g_string_new (NULL);

  for (guint bit = 1; bit <= KH_CONTACT_FIELD_LAST; bit <<= 1)
    {
      if ((fields & bit) == 0)
        continue;
      if (list->len > 0)
        g_string_append (list, ", ");
      g_string_append (list, kh_contact_field_label (bit));
    }
  return g_string_free (list, FALSE);
}

void
kh_contact_take_correctable (KhContact *to,
                             KhContact *from)
{
  g_return_if_fail (KH_IS_CONTACT (to) && KH_IS_CONTACT (from));

  to->channel = from->channel;
  g_free (to->contactor_detail);
  to->contactor_detail = g_strdup (from->contactor_detail);
  to->needs = from->needs;
  g_free (to->reason_text);
  to->reason_text = g_strdup (from->reason_text);
  g_free (to->urgent_note);
  to->urgent_note = g_strdup (from->urgent_note);
  to->language = from->language;
  to->interpreter = from->interpreter;
  to->service_id = from->service_id;
  g_free (to->service_name);
  to->service_name = g_strdup (from->service_name);
  g_free (to->outcome_note);
  to->outcome_note = g_strdup (from->outcome_note);
  g_free (to->contactor_name);
  to->contactor_name = g_strdup (from->contactor_name);
  g_free (to->contactor_relation);
  to->contactor_relation = g_strdup (from->contactor_relation);
  g_free (to->contactor_contact);
  to->contactor_contact = g_strdup (from->contactor_contact);
  g_free (to->directed_by);
  to->directed_by = g_strdup (from->directed_by);
}

KhContactField
kh_contact_field_from_intake (KhIntakeField field)
{
  switch (field)
    {
    case KH_INTAKE_FIELD_CHANNEL: return KH_CONTACT_FIELD_CHANNEL;
    case KH_INTAKE_FIELD_CONTACTOR_DETAIL: return KH_CONTACT_FIELD_CONTACTOR_DETAIL;
    case KH_INTAKE_FIELD_NEEDS: return KH_CONTACT_FIELD_NEEDS;
    case KH_INTAKE_FIELD_REASON_TEXT: return KH_CONTACT_FIELD_REASON_TEXT;
    case KH_INTAKE_FIELD_URGENT_NOTE: return KH_CONTACT_FIELD_URGENT_NOTE;
    case KH_INTAKE_FIELD_LANGUAGE: return KH_CONTACT_FIELD_LANGUAGE;
    case KH_INTAKE_FIELD_SERVICE: return KH_CONTACT_FIELD_SERVICE;
    case KH_INTAKE_FIELD_OUTCOME_NOTE: return KH_CONTACT_FIELD_OUTCOME_NOTE;
    case KH_INTAKE_FIELD_CONTACTOR_NAME: return KH_CONTACT_FIELD_CONTACTOR_NAME;
    case KH_INTAKE_FIELD_CONTACTOR_RELATION: return KH_CONTACT_FIELD_CONTACTOR_RELATION;
    case KH_INTAKE_FIELD_CONTACTOR_CONTACT: return KH_CONTACT_FIELD_CONTACTOR_CONTACT;
    case KH_INTAKE_FIELD_DIRECTED_BY: return KH_CONTACT_FIELD_DIRECTED_BY;
    default: return 0;
    }
}

gboolean
kh_contact_find_correction_problem (KhContact      *before,
                                    KhContact      *after,
                                    gboolean        has_client,
                                    KhIntakeField  *out_field,
                                    char          **out_message)
{
  g_autofree char *message = NULL;
  KhIntakeField field = KH_INTAKE_FIELD_NONE;

  g_return_val_if_fail (KH_IS_CONTACT (before) && KH_IS_CONTACT (after), FALSE);

  /* The authority that directed the person can be corrected, not whether
   * one did (SHL 35 § 1 mom: it decides the kind of contact). */
  if (before->referral != after->referral)
    {
      if (out_field != NULL)
        *out_field = KH_INTAKE_FIELD_DIRECTED_BY;
      if (out_message != NULL)
        *out_message = g_strdup (_("Directed to apply by: whether an authority directed the person cannot be corrected. Mark the contact as entered in error and record it again."));
      return TRUE;
    }
  if (!kh_contact_find_problem (after, has_client, &field, &message))
    return FALSE;
  if (kh_contact_field_from_intake (field) == 0)
    {
      g_autoptr(KhContact) old = kh_contact_copy (before);
      KhIntakeField old_field = KH_INTAKE_FIELD_NONE;

      kh_contact_normalize (old);
      if (kh_contact_find_problem (old, has_client, &old_field, NULL) && old_field == field)
        return FALSE;
    }
  if (out_field != NULL)
    *out_field = field;
  if (out_message != NULL)
    *out_message = g_steal_pointer (&message);
  return TRUE;
}

/* ---- KhContactRevision ------------------------------------------------- */

G_DEFINE_FINAL_TYPE (KhContactRevision, kh_contact_revision, G_TYPE_OBJECT)

static void
kh_contact_revision_finalize (GObject *object)
{
  KhContactRevision *self = KH_CONTACT_REVISION (object);

  g_free (self->changed_by_name);
  g_clear_pointer (&self->changed_at, g_date_time_unref);
  g_free (self->reason);
  g_clear_object (&self->before);

  G_OBJECT_CLASS (kh_contact_revision_parent_class)->finalize (object);
}

static void
kh_contact_revision_class_init (KhContactRevisionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kh_contact_revision_finalize;
}

static void
kh_contact_revision_init (KhContactRevision *self)
{
}

KhContactRevision *
kh_contact_revision_new (void)
{
  return g_object_new (KH_TYPE_CONTACT_REVISION, NULL);
}

void
kh_contact_history_free (KhContactHistory *history)
{
  if (history == NULL)
    return;
  g_clear_object (&history->contact);
  g_free (history->error_reason);
  g_free (history->case_worker_name);
  g_clear_pointer (&history->revisions, g_ptr_array_unref);
  g_free (history->why_not);
  g_free (history);
}
