/* kh-admin-demo-plans.c — client plans for the demo's people with a network
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 9, 3–5: each person of the demo who has a network
 * (kh-admin-demo-network.c) also gets a client plan made from their case's
 * finished assessment (finished here when the demo left it a draft): three
 * goals in the client's words, with actions by the client, the worker and
 * two agencies of the network, the first coordinating. The first of them
 * in each language was made some three months ago and has been reviewed
 * today — version 2, one goal achieved, one dropped, one added — and the
 * others have an action overdue, so that the caseload and the timeline
 * show both. Written by the networks' worker through the store, as its
 * rules require. Everyone is invented.
 */

#define G_LOG_DOMAIN "kohtaamo-admin"

#include "config.h"

#include "core/kh-assessment.h"
#include "kh-admin-demo.h"

typedef struct {
  const char *need_client;
  const char *need_worker;
  const char *strengths;
  const char *client_part;
  const char *follow_up;
  const char *duration;
  const char *goals[3];
  const char *client_action;
  const char *worker_action;
  const char *agency_actions[2];
  const char *responsibilities[2];
  const char *helps;
  const char *hinders;
  const char *new_goal;
  const char *new_action;
  const char *dropped_reason;
  const char *comments[3];
} DemoPlanTexts;

static const DemoPlanTexts texts_fi = {
  "Haluan saada raha-asiat kuntoon ja pysyä asunnossani.",
  "Vuokrarästit ja velat kuormittavat; arjen asioiden hoitaminen on jäänyt.",
  "Hyvä yhteistyö, motivoitunut; harrastus tuo rytmiä viikkoon.",
  "Avaan postin päivittäin ja tuon laskut tapaamisiin.",
  "Tapaamisissa käydään läpi toimenpiteet ja laskut.",
  "Noin puoli vuotta",
  { "Vuokrat on maksettu ajallaan", "Toimeentulo on turvattu", "Pääsen kuntouttavaan työtoimintaan" },
  "Haen asumistukea",
  "Teen päätöksen täydentävästä toimeentulotuesta",
  { "Käsittelee perustoimeentulotuen hakemuksen", "Tekee työkykyarvion" },
  { "Perustoimeentulotuki ja asumistuki", "Työkyvyn arviointi ja terveydentilan seuranta" },
  "Äidin apu lastenhoidossa",
  "Riidat raha-asioista",
  "Maksusuunnitelma pitää",
  "Maksan ensimmäisen erän",
  "Asiakas sai osa-aikatyön, eikä kuntouttava työtoiminta ole enää ajankohtaista.",
  { "Vuokrat maksettu kolme kuukautta peräkkäin.", "Tuki myönnetty, talous vielä tiukka.",
    "Tavoite jäi, kun asiakas sai työtä." },
};

static const DemoPlanTexts texts_sv = {
  "Jag vill få ordning på ekonomin och orka med vardagen.",
  "Hyresskulden och omsorgen om mamman tynger; klienten orkar inte sköta sina ärenden.",
  "Nära relation till systern; stödpersonen är ett viktigt stöd.",
  "Jag öppnar posten varje dag och tar med räkningarna till mötena.",
  "Åtgärderna och räkningarna gås igenom vid varje möte.",
  "Ungefär ett halvår",
  { "Hyran betalas i tid", "Jag orkar med vardagen", "Jag kommer i gång med arbetsverksamhet" },
  "Jag ansöker om bostadsbidrag",
  "Fattar beslut om kompletterande utkomststöd",
  { "Behandlar ansökan om grundläggande utkomststöd", "Erbjuder samtal varannan vecka" },
  { "Grundläggande utkomststöd", "Samtalsstöd" },
  "Systerns stöd",
  "Omsorgen om mamman tar krafterna",
  "En avbetalningsplan håller",
  "Jag betalar den första raten",
  "Klienten fick deltidsarbete; arbetsverksamheten behövs inte längre.",
  { "Hyran betald tre månader i rad.", "Orkar bättre, men tröttheten finns kvar.",
    "Målet föll bort när klienten fick arbete." },
};

static const char *
member_name (KhNetworkMember *m,
             GPtrArray       *services,
             gboolean         sv)
{
  for (guint i = 0; m->name == NULL && services != NULL && i < services->len; i++)
    {
      KhService *s = g_ptr_array_index (services, i);

      if (s->id == m->service_id)
        return sv && s->name_sv != NULL ? s->name_sv : s->name_fi;
    }
  return m->name;
}

static void
days_from (GDate       *out,
           const GDate *today,
           int          days)
{
  *out = *today;
  if (days > 0)
    g_date_add_days (out, days);
  else if (days < 0)
    g_date_subtract_days (out, -days);
}

/* The case's finished assessment, finished now when the demo left it a
 * draft; 0 when it cannot be (nothing made). */
static gint64
finished_assessment (KhDb     *db,
                     KhUser   *worker,
                     gint64    case_id,
                     GError  **error)
{
  g_autoptr(KhAssessment) a = kh_db_start_assessment (db, worker, case_id, error);

  if (a == NULL)
    return 0;
  if (a->status == KH_ASSESSMENT_FINISHED)
    return a->id;
  /* Met today at the latest: a demo of a later day dated some drafts after
   * the real one. */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

    if (a->assessed_on == NULL || g_strcmp0 (a->assessed_on, today) > 0)
      {
        g_free (a->assessed_on);
        a->assessed_on = g_steal_pointer (&today);
      }
  }
  a->client_present = KH_ANSWER_YES;
  a->rights_explained = KH_ANSWER_YES;
  a->options_explained = KH_ANSWER_YES;
  a->client_understood = KH_ANSWER_YES;
  a->has_children = KH_ANSWER_NO;
  if (a->client_view == NULL)
    a->client_view = g_strdup ("Haluan saada asiani järjestykseen.");
  if (a->areas->len > 0 && ((KhAreaAssessment *) g_ptr_array_index (a->areas, 0))->situation == NULL)
    {
      KhAreaAssessment *area = g_ptr_array_index (a->areas, 0);

      area->situation = g_strdup ("Vuokrarästejä ja velkoja.");
      area->client_rating = 2;
      area->worker_rating = 2;
    }
  a->support_needed = KH_ANSWER_YES;
  a->need_duration = KH_NEED_DURATION_TEMPORARY;
  a->special_support = KH_ANSWER_NO;
  g_free (a->special_support_reasons);
  a->special_support_reasons = g_strdup ("Asiakas pystyy hakemaan ja käyttämään palveluja itse.");
  if (a->summary == NULL)
    a->summary = g_strdup ("Asiakkaan toimeentulo on heikentynyt, ja asuminen on uhattuna.");
  if (a->conclusions == NULL)
    a->conclusions = g_strdup ("Asiakkuudelle on edellytykset: tarvitaan sosiaalihuollon palveluja.");
  if (a->services == 0)
    a->services = KH_SHL_SERVICE_BIT (KH_SHL_SERVICE_SOCIAL_GUIDANCE);
  a->client_on_worker = KH_RESPONSIBLE_WORKER_NEEDED;
  a->worker_on_worker = KH_RESPONSIBLE_WORKER_NEEDED;
  a->next_step = KH_NEXT_STEP_CLIENT_PLAN;
  if (!kh_db_finish_assessment (db, worker, a, error))
    return 0;
  return a->id;
}

static KhPlanAction *
demo_action (const char  *what,
             KhActorKind  actor,
             gint64       member_id,
             const char  *name,
             const GDate *today,
             int          due)
{
  KhPlanAction *action = kh_plan_action_new (what, actor, member_id, name);

  days_from (&action->due, today, due);
  return action;
}

/**
 * kh_admin_demo_add_plan:
 * @person: the person and their case
 * @members: (element-type KhNetworkMember): their network as added
 * @network_version_id: the version of the network the plan's map shows
 * @reviewed: whether the plan was made three months ago and reviewed
 *   today (else made three weeks ago, with an action overdue)
 *
 * Returns: FALSE with @error set when the store refuses; TRUE (nothing
 *   made) when the network has not the two agencies the texts are for:
 *   Kela and a health service.
 */
gboolean
kh_admin_demo_add_plan (KhDb                    *db,
                        KhUser                  *worker,
                        const KhDemoDocumentFor *person,
                        GPtrArray               *members,
                        GPtrArray               *services,
                        gint64                   network_version_id,
                        gboolean                 reviewed,
                        const GDate             *today,
                        GError                 **error)
{
  gboolean sv = person->client->language == KH_LANGUAGE_SV;
  const DemoPlanTexts *t = sv ? &texts_sv : &texts_fi;
  const char * const *keys = kh_assessment_default_area_keys ();
  const char *lang = sv ? "sv" : "fi";
  KhNetworkMember *agencies[2] = { NULL, NULL };
  const char *names[2];
  g_autoptr(KhClientPlan) plan = kh_client_plan_new ();
  g_autoptr(KhClientPlan) stored = NULL;
  g_autoptr(KhClientPlan) next = NULL;
  g_autoptr(KhClientPlan) second = NULL;
  g_autoptr(KhPlanScale) scale = NULL;
  g_autoptr(GPtrArray) evaluations = NULL;
  KhPlanGoal *goal;

  /* The partners the texts are written for: Kela (income support) and a
   * health service (the health centre, the mental-health services). */
  for (guint i = 0; i < members->len; i++)
    {
      KhNetworkMember *m = g_ptr_array_index (members, i);

      if (m->kind != KH_NETWORK_AGENCY || member_name (m, services, sv) == NULL)
        continue;
      if (m->sector == KH_SECTOR_BENEFITS && agencies[0] == NULL)
        agencies[0] = m;
      else if (m->sector == KH_SECTOR_HEALTH && agencies[1] == NULL)
        agencies[1] = m;
    }
  if (agencies[0] == NULL)
    return TRUE;
  if (agencies[1] == NULL)
    return TRUE;
  for (guint i = 0; i < 2; i++)
    names[i] = member_name (agencies[i], services, sv);

  plan->client_id = person->client->id;
  plan->case_id = person->case_id;
  plan->assessment_id = finished_assessment (db, worker, person->case_id, error);
  if (plan->assessment_id == 0)
    return FALSE;
  plan->network_version_id = network_version_id;
  days_from (&plan->made_on, today, reviewed ? -95 : -21);
  days_from (&plan->review_on, &plan->made_on, 90);
  plan->need_client_view = g_strdup (t->need_client);
  plan->need_worker_view = g_strdup (t->need_worker);
  plan->strengths = g_strdup (t->strengths);
  plan->client_part = g_strdup (t->client_part);
  plan->meetings = KH_MEETINGS_FORTNIGHTLY;
  plan->follow_up = g_strdup (t->follow_up);
  plan->expected_duration = g_strdup (t->duration);
  for (guint i = 0; i < 3; i++)
    {
      goal = kh_plan_goal_new (t->goals[i], keys[i], kh_assessment_default_area_label_in (keys[i], lang));
      g_ptr_array_add (plan->goals, goal);
    }
  g_ptr_array_add (((KhPlanGoal *) g_ptr_array_index (plan->goals, 0))->actions,
                   demo_action (t->client_action, KH_ACTOR_CLIENT, 0, NULL, &plan->made_on, 14));
  g_ptr_array_add (((KhPlanGoal *) g_ptr_array_index (plan->goals, 1))->actions,
                   demo_action (t->worker_action, KH_ACTOR_WORKER, 0, NULL, &plan->made_on, 14));
  g_ptr_array_add (((KhPlanGoal *) g_ptr_array_index (plan->goals, 1))->actions,
                   demo_action (t->agency_actions[0], KH_ACTOR_NETWORK, agencies[0]->id, names[0],
                                &plan->made_on, 30));
  g_ptr_array_add (((KhPlanGoal *) g_ptr_array_index (plan->goals, 2))->actions,
                   demo_action (t->agency_actions[1], KH_ACTOR_NETWORK, agencies[1]->id, names[1],
                                &plan->made_on, 60));
  for (guint i = 0; i < 2; i++)
    g_ptr_array_add (plan->partners, kh_plan_partner_new (agencies[i]->id, names[i], t->responsibilities[i], i == 0));
  /* A joint plan (39 §, 41 §) when the client has consented to giving it
   * to both partners: then it can be given to them as an extract. */
  {
    g_autoptr(GPtrArray) network = kh_db_list_network (db, worker, person->client->id, FALSE, error);

    if (network == NULL)
      return FALSE;
    plan->joint = TRUE;
    for (guint i = 0; i < 2; i++)
      for (guint j = 0; j < network->len; j++)
        {
          KhNetworkMember *m = g_ptr_array_index (network, j);

          if (m->id == agencies[i]->id && !kh_network_may_share (m->consents, KH_CONSENT_SHARE_PLAN, today))
            plan->joint = FALSE;
        }
  }
  g_ptr_array_add (plan->factors, kh_plan_factor_new (KH_FACTOR_HELPS, t->helps));
  g_ptr_array_add (plan->factors, kh_plan_factor_new (KH_FACTOR_HINDERS, t->hinders));

  stored = kh_db_save_client_plan (db, worker, plan, error);
  if (stored == NULL)
    return FALSE;
  if (!reviewed)
    return TRUE;

  /* The review, today: the rent achieved, the work activity dropped, the
   * worker's decision made, a goal added. */
  next = kh_client_plan_copy (stored);
  {
    /* The map as it stands at the review (a tie has changed since). */
    g_autoptr(KhNetworkVersion) version =
      kh_db_take_network_version (db, worker, person->client->id,
                                  sv ? "Klientplanens uppföljning" : "Asiakassuunnitelman tarkistus", error);

    if (version == NULL)
      return FALSE;
    next->network_version_id = version->id;
  }
  days_from (&next->made_on, today, 0);
  days_from (&next->review_on, today, 90);
  goal = g_ptr_array_index (next->goals, 0);
  goal->status = KH_GOAL_ACHIEVED;
  ((KhPlanAction *) g_ptr_array_index (goal->actions, 0))->status = KH_ACTION_DONE;
  goal = g_ptr_array_index (next->goals, 1);
  ((KhPlanAction *) g_ptr_array_index (goal->actions, 0))->status = KH_ACTION_DONE;
  ((KhPlanAction *) g_ptr_array_index (goal->actions, 1))->status = KH_ACTION_STARTED;
  goal = g_ptr_array_index (next->goals, 2);
  goal->status = KH_GOAL_DROPPED;
  goal->status_reason = g_strdup (t->dropped_reason);
  goal = kh_plan_goal_new (t->new_goal, keys[0], kh_assessment_default_area_label_in (keys[0], lang));
  g_ptr_array_add (goal->actions, demo_action (t->new_action, KH_ACTOR_CLIENT, 0, NULL, today, 30));
  g_ptr_array_add (next->goals, goal);

  scale = kh_plan_scale_new_default ();
  evaluations = g_ptr_array_new_with_free_func ((GDestroyNotify) kh_plan_evaluation_free);
  for (guint i = 0; i < 3; i++)
    g_ptr_array_add (evaluations,
                     kh_plan_evaluation_new (KH_EVALUATED_GOAL,
                                             ((KhPlanGoal *) g_ptr_array_index (stored->goals, i))->id, NULL,
                                             i == 0 ? 5 : i == 1 ? 3 : 1, t->comments[i]));
  g_ptr_array_add (evaluations, kh_plan_evaluation_new (KH_EVALUATED_FACTOR, 0, t->helps, 4, NULL));
  second = kh_db_review_client_plan (db, worker, stored, evaluations, scale, next, error);
  return second != NULL;
}
