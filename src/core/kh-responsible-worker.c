/* kh-responsible-worker.c — the rules of naming a responsible worker (42 §)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "kh-caseload.h"
#include "kh-responsible-worker.h"
#include "kh-text.h"

KhResponsibleWorker *
kh_responsible_worker_new (void)
{
  return g_new0 (KhResponsibleWorker, 1);
}

KhResponsibleWorker *
kh_responsible_worker_copy (const KhResponsibleWorker *self)
{
  KhResponsibleWorker *copy;

  if (self == NULL)
    return NULL;
  copy = kh_responsible_worker_new ();
  copy->id = self->id;
  copy->worker_id = self->worker_id;
  copy->worker_name = g_strdup (self->worker_name);
  copy->worker_role = self->worker_role;
  copy->reason = g_strdup (self->reason);
  copy->named_by_name = g_strdup (self->named_by_name);
  copy->named_at = self->named_at != NULL ? g_date_time_ref (self->named_at) : NULL;
  return copy;
}

void
kh_responsible_worker_free (KhResponsibleWorker *self)
{
  if (self == NULL)
    return;
  g_free (self->worker_name);
  g_free (self->reason);
  g_free (self->named_by_name);
  g_clear_pointer (&self->named_at, g_date_time_unref);
  g_free (self);
}

KhNamingProblem
kh_naming_check (const KhNaming *naming)
{
  g_autofree char *reason = NULL;

  g_return_val_if_fail (naming != NULL, KH_NAMING_REASON_MISSING);

  if (!kh_role_works_cases (naming->namer_role))
    return KH_NAMING_NAMER_NOT_PROFESSIONAL;

  reason = kh_text_clean (naming->reason);
  if (naming->worker_id <= 0)
    {
      /* 42 § 1 mom: none only when manifestly unnecessary (or another
       * responsible worker is named elsewhere), and then why. */
      if (reason == NULL)
        return KH_NAMING_REASON_MISSING;
      if (g_utf8_strlen (reason, -1) > KH_RESPONSIBLE_WORKER_MAX_REASON)
        return KH_NAMING_REASON_TOO_LONG;
      return KH_NAMING_OK;
    }

  if (reason != NULL)
    return KH_NAMING_REASON_WITH_WORKER;
  if (!kh_role_works_cases (naming->worker_role))
    return KH_NAMING_WORKER_NOT_PROFESSIONAL;
  if (!naming->worker_active)
    return KH_NAMING_WORKER_INACTIVE;
  /* 42 § 3 mom: for a client who needs special support, a social worker. */
  if (naming->special_support && naming->worker_role == KH_ROLE_COUNSELLOR)
    return KH_NAMING_NEEDS_SOCIAL_WORKER;
  return KH_NAMING_OK;
}

const char *
kh_naming_problem_message (KhNamingProblem problem)
{
  switch (problem)
    {
    case KH_NAMING_OK:
      return NULL;
    case KH_NAMING_NAMER_NOT_PROFESSIONAL:
      return _("Only a social counsellor, a social worker or the lead social worker names a "
               "responsible worker.");
    case KH_NAMING_WORKER_NOT_PROFESSIONAL:
      return _("The responsible worker must be a social counsellor, a social worker or the lead "
               "social worker (Social Welfare Act 42 §).");
    case KH_NAMING_WORKER_INACTIVE:
      return _("This worker no longer uses Kohtaamo. Choose another worker.");
    case KH_NAMING_NEEDS_SOCIAL_WORKER:
      return _("The assessment found a need for special support: the responsible worker must "
               "be a social worker (Social Welfare Act 42 §).");
    case KH_NAMING_REASON_MISSING:
      return _("Say why no responsible worker is named: another one is already named, or naming "
               "one is clearly unnecessary.");
    case KH_NAMING_REASON_TOO_LONG:
      return _("The reason can be at most 1 000 characters.");
    case KH_NAMING_REASON_WITH_WORKER:
      return _("A reason is given only when no responsible worker is named.");
    default:
      g_return_val_if_reached (NULL);
    }
}
