/* kh-plan-share.c — what a partner agency may see of a joint client plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rule is in kh-plan-share.h.
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "kh-plan-share.h"

static const KhPlanPartner *
find_partner (const KhClientPlan *plan,
              gint64              member_id)
{
  for (guint i = 0; i < plan->partners->len; i++)
    {
      const KhPlanPartner *partner = g_ptr_array_index (plan->partners, i);

      if (partner->member_id == member_id)
        return partner;
    }
  return NULL;
}

/* The partners the client has consented to giving the plan to, and the
 * recipient among them. */
static gboolean
named (const KhClientPlan *plan,
       gint64              member_id,
       KhPlanScopeFunc     may_share,
       gpointer            user_data)
{
  return member_id != 0 && find_partner (plan, member_id) != NULL &&
         may_share (member_id, KH_CONSENT_SHARE_PLAN, user_data);
}

static void
clear_text (char **text)
{
  g_clear_pointer (text, g_free);
}

KhClientPlan *
kh_client_plan_for_partner (const KhClientPlan *plan,
                            gint64              member_id,
                            KhPlanScopeFunc     may_share,
                            gpointer            user_data,
                            gboolean           *with_info,
                            GError            **error)
{
  KhClientPlan *extract;
  gboolean info;

  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (may_share != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!plan->joint)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                           _("The plan is not a joint plan, so it is not given to partner agencies."));
      return NULL;
    }
  if (find_partner (plan, member_id) == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                           _("The agency is not one of the plan's partners."));
      return NULL;
    }
  if (!may_share (member_id, KH_CONSENT_SHARE_PLAN, user_data))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   /* Translators: %s is a partner agency of the client plan */
                   _("The client has not consented to giving the plan to %s."),
                   find_partner (plan, member_id)->name);
      return NULL;
    }

  info = may_share (member_id, KH_CONSENT_SHARE_PLAN | KH_CONSENT_SHARE_INFO, user_data);
  extract = kh_client_plan_copy (plan);

  /* Between the client and the unit. */
  extract->meetings = KH_MEETINGS_NOT_SET;
  clear_text (&extract->meeting_text);
  clear_text (&extract->not_taking_part);

  /* The client's situation: only with a consent to share information. */
  if (!info)
    {
      clear_text (&extract->need_client_view);
      clear_text (&extract->need_worker_view);
      clear_text (&extract->services_client_view);
      clear_text (&extract->services_worker_view);
      clear_text (&extract->essential_services);
      clear_text (&extract->strengths);
      clear_text (&extract->environment);
      clear_text (&extract->client_proposal);
      clear_text (&extract->disagreement_client);
      clear_text (&extract->disagreement_worker);
      g_ptr_array_set_size (extract->factors, 0);
    }

  /* Only the partners the plan may be given to are named. */
  for (guint i = extract->partners->len; i > 0; i--)
    {
      const KhPlanPartner *partner = g_ptr_array_index (extract->partners, i - 1);

      if (!named (plan, partner->member_id, may_share, user_data))
        g_ptr_array_remove_index (extract->partners, i - 1);
    }

  /* Anyone else's action: what and by when, not by whom. */
  for (guint i = 0; i < extract->goals->len; i++)
    {
      KhPlanGoal *goal = g_ptr_array_index (extract->goals, i);

      for (guint j = 0; j < goal->actions->len; j++)
        {
          KhPlanAction *action = g_ptr_array_index (goal->actions, j);

          if (action->actor == KH_ACTOR_NETWORK &&
              !named (plan, action->member_id, may_share, user_data))
            {
              action->member_id = 0;
              clear_text (&action->actor_name);
            }
        }
    }

  if (with_info != NULL)
    *with_info = info;
  return extract;
}

KhNetworkConsent *
kh_plan_share_consent (GPtrArray      *consents,
                       KhConsentScope  scope,
                       const GDate    *today)
{
  KhNetworkConsent *found = NULL;

  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  if (consents == NULL || scope == 0)
    return NULL;
  for (guint i = 0; i < consents->len; i++)
    {
      KhNetworkConsent *consent = g_ptr_array_index (consents, i);
      int order;

      if ((consent->scope & scope) != scope || kh_network_consent_state (consent, today) != KH_CONSENT_VALID)
        continue;
      order = found == NULL ? 1 : g_date_compare (&consent->given_on, &found->given_on);
      if (order > 0 || (order == 0 && consent->id > found->id))
        found = consent;
    }
  return found;
}
