/* kh-contact-attempt.c — the attempts to reach a person (issue 8, 3)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kohtaamo-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kh-contact-attempt.h"
#include "kh-enum-table.h"
#include "kh-text.h"

/* 2000-01-01 00:00 UTC: no attempt is older (the tables' CHECK). */
#define EARLIEST_ATTEMPT G_GINT64_CONSTANT (946684800)

static const KhEnumEntry outcomes[] = {
  /* Translators: what came of an attempt to reach a person */
  ROW_C (KH_ATTEMPT_NO_ANSWER,     "no-answer",    "attempt outcome", NC_("attempt outcome", "No answer")),
  ROW_C (KH_ATTEMPT_WRONG_NUMBER,  "wrong-number", "attempt outcome", NC_("attempt outcome", "Wrong number")),
  /* Translators: a voice or text message, a note at the door or a letter was left */
  ROW_C (KH_ATTEMPT_MESSAGE_LEFT,  "message-left", "attempt outcome", NC_("attempt outcome", "Message left")),
  ROW_C (KH_ATTEMPT_REACHED,       "reached",      "attempt outcome", NC_("attempt outcome", "Reached")),
  END
};

G_DEFINE_FINAL_TYPE (KhContactAttempt, kh_contact_attempt, G_TYPE_OBJECT)

static void
kh_contact_attempt_finalize (GObject *object)
{
  KhContactAttempt *self = KH_CONTACT_ATTEMPT (object);

  g_clear_pointer (&self->attempted_at, g_date_time_unref);
  g_clear_pointer (&self->made_at, g_date_time_unref);
  g_free (self->note);
  g_free (self->made_by_name);

  G_OBJECT_CLASS (kh_contact_attempt_parent_class)->finalize (object);
}

static void
kh_contact_attempt_class_init (KhContactAttemptClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kh_contact_attempt_finalize;
}

static void
kh_contact_attempt_init (KhContactAttempt *self)
{
}

KhContactAttempt *
kh_contact_attempt_new (void)
{
  return g_object_new (KH_TYPE_CONTACT_ATTEMPT, NULL);
}

KhContactAttempt *
kh_contact_attempt_copy (KhContactAttempt *self)
{
  KhContactAttempt *copy;

  g_return_val_if_fail (KH_IS_CONTACT_ATTEMPT (self), NULL);

  copy = kh_contact_attempt_new ();
  copy->id = self->id;
  copy->client_id = self->client_id;
  copy->contact_id = self->contact_id;
  copy->case_id = self->case_id;
  copy->attempted_at = self->attempted_at != NULL ? g_date_time_ref (self->attempted_at) : NULL;
  copy->method = self->method;
  copy->outcome = self->outcome;
  copy->note = g_strdup (self->note);
  copy->made_by = self->made_by;
  copy->made_by_name = g_strdup (self->made_by_name);
  copy->made_at = self->made_at != NULL ? g_date_time_ref (self->made_at) : NULL;
  return copy;
}

const char *
kh_attempt_outcome_key (KhAttemptOutcome outcome)
{
  return kh_enum_table_key (outcomes, outcome);
}

KhAttemptOutcome
kh_attempt_outcome_from_key (const char *key)
{
  return kh_enum_table_value (outcomes, key);
}

const char *
kh_attempt_outcome_label (KhAttemptOutcome outcome)
{
  return kh_enum_table_label (outcomes, outcome);
}

gboolean
kh_contact_attempt_may_record (KhRole role)
{
  return role == KH_ROLE_COUNSELLOR || role == KH_ROLE_SOCIAL_WORKER || role == KH_ROLE_LEAD;
}

gboolean
kh_contact_attempt_outcome_fits (KhAttemptMethod  method,
                                 KhAttemptOutcome outcome)
{
  if (kh_attempt_method_key (method) == NULL || kh_attempt_outcome_key (outcome) == NULL)
    return FALSE;
  if (outcome == KH_ATTEMPT_WRONG_NUMBER)
    return method == KH_ATTEMPT_PHONE || method == KH_ATTEMPT_TEXT_MESSAGE;
  return TRUE;
}

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, message);
  return FALSE;
}

gboolean
kh_contact_attempt_check (KhContactAttempt  *attempt,
                          GDateTime         *now,
                          GDateTime         *not_before,
                          char             **out_note,
                          GError           **error)
{
  g_autofree char *note = NULL;
  gint64 at;

  g_return_val_if_fail (KH_IS_CONTACT_ATTEMPT (attempt), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (kh_attempt_method_key (attempt->method) == NULL)
    return invalid (error, _("Choose how you tried to reach the person."));
  if (kh_attempt_outcome_key (attempt->outcome) == NULL)
    return invalid (error, _("Choose what came of the attempt."));
  if (!kh_contact_attempt_outcome_fits (attempt->method, attempt->outcome))
    return invalid (error, _("A wrong number comes only of a phone call or a text message."));
  if (attempt->attempted_at == NULL)
    return invalid (error, _("Give the time of the attempt."));
  at = g_date_time_to_unix (attempt->attempted_at);
  if (at < EARLIEST_ATTEMPT)
    return invalid (error, _("The time of the attempt is not valid."));
  if (at > g_date_time_to_unix (now) + KH_CONTACT_ATTEMPT_CLOCK_SLACK)
    return invalid (error, _("The attempt is in the future: record it when it has been made."));
  if (not_before != NULL && at < g_date_time_to_unix (not_before))
    return invalid (error, _("The attempt is earlier than the contact it follows up."));

  note = g_strstrip (g_strdup (attempt->note != NULL ? attempt->note : ""));
  /* Translators: the name of a contact attempt's field, as the start of a message about it */
  if (!kh_text_check_field (C_("field", "Note"), note, KH_TEXT_NOTE, KH_CONTACT_ATTEMPT_NOTE_MAX, error))
    return FALSE;
  if (out_note != NULL)
    *out_note = note[0] != '\0' ? g_steal_pointer (&note) : NULL;
  return TRUE;
}

gboolean
kh_contact_attempt_parse_clock (const char *text,
                                int        *out_minutes)
{
  g_autofree char *clean = g_strstrip (g_strdup (text != NULL ? text : ""));
  const char *p = clean;
  int hours = 0, minutes = 0, digits = 0;

  while (g_ascii_isdigit (*p) && digits < 3)
    {
      hours = hours * 10 + (*p++ - '0');
      digits++;
    }
  if (digits == 0 || digits > 2 || hours > 23)
    return FALSE;
  if (*p == '.' || *p == ':')
    {
      p++;
      if (!g_ascii_isdigit (p[0]) || !g_ascii_isdigit (p[1]))
        return FALSE;
      minutes = (p[0] - '0') * 10 + (p[1] - '0');
      p += 2;
      if (minutes > 59)
        return FALSE;
    }
  if (*p != '\0')
    return FALSE;
  if (out_minutes != NULL)
    *out_minutes = hours * 60 + minutes;
  return TRUE;
}

static int
compare_oldest_first (gconstpointer a,
                      gconstpointer b)
{
  KhContactAttempt *x = *(KhContactAttempt **) a;
  KhContactAttempt *y = *(KhContactAttempt **) b;
  int by_time = g_date_time_compare (x->attempted_at, y->attempted_at);

  if (by_time != 0)
    return by_time;
  return x->id < y->id ? -1 : x->id > y->id ? 1 : 0;
}

GPtrArray *
kh_contact_attempts_unreached (GPtrArray *attempts)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  GPtrArray *unreached = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (attempts != NULL, unreached);

  for (guint i = 0; i < attempts->len; i++)
    {
      KhContactAttempt *a = g_ptr_array_index (attempts, i);

      if (a->attempted_at != NULL)
        g_ptr_array_add (sorted, a);
    }
  g_ptr_array_sort (sorted, compare_oldest_first);
  for (guint i = 0; i < sorted->len; i++)
    {
      KhContactAttempt *a = g_ptr_array_index (sorted, i);

      /* A reached attempt ends the run before it: start again after it. */
      if (a->outcome == KH_ATTEMPT_REACHED)
        g_ptr_array_set_size (unreached, 0);
      else
        g_ptr_array_add (unreached, g_object_ref (a));
    }
  return unreached;
}
