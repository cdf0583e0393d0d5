/* test-plan-share.c — a partner agency's extract of a joint client plan
 * (SHL 41 §, ATL 703/2023 4 §: only what the client has consented to)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include <gio/gio.h>

#include "core/kh-plan-share.h"

/* The network's members in the plan below. */
enum {
  KELA = 21,            /* partner, coordinator */
  DEBT_ADVICE = 22,     /* partner */
  A_CLINIC = 23,        /* partner */
  SISTER = 24,          /* a close person, not a partner */
  HOUSING = 25,         /* an agency, not a partner */
};

/* A joint plan of two goals: the client's, the worker's and four network
 * members' actions; three partners. */
static KhClientPlan *
joint_plan (void)
{
  KhClientPlan *plan = kh_client_plan_new ();
  KhPlanGoal *home = kh_plan_goal_new ("Haluan oman asunnon ennen kesää.", "housing", "Asuminen");
  KhPlanGoal *money = kh_plan_goal_new ("Saan velat järjestykseen.", "finances", "Talous");

  plan->client_id = 7;
  plan->joint = TRUE;
  g_date_set_dmy (&plan->made_on, 1, 12, 2026);
  g_date_set_dmy (&plan->review_on, 1, 3, 2027);
  plan->client_took_part = FALSE;
  plan->not_taking_part = g_strdup ("Sairaalassa suunnitelmaa tehtäessä.");
  plan->need_client_view = g_strdup ("Tarvitsen apua asunnon hakemiseen.");
  plan->need_worker_view = g_strdup ("Asunnottomuuden uhka, velat, päihteet.");
  plan->services_client_view = g_strdup ("Velkaneuvonta.");
  plan->services_worker_view = g_strdup ("Velkaneuvonta ja A-klinikka.");
  plan->essential_services = g_strdup ("A-klinikan avohoito.");
  plan->strengths = g_strdup ("Sisko auttaa.");
  plan->environment = g_strdup ("Asuu tilapäisesti siskon luona.");
  plan->client_proposal = g_strdup ("Tapaamiset iltapäivisin.");
  plan->client_part = g_strdup ("Haen asuntoa itse.");
  plan->expected_duration = g_strdup ("Puoli vuotta");
  plan->follow_up = g_strdup ("Yhteinen tapaaminen kuukausittain.");
  plan->disagreement_client = g_strdup ("En tarvitse A-klinikkaa.");
  plan->disagreement_worker = g_strdup ("Päihteiden käyttö vaikeuttaa asunnon saamista.");
  plan->meetings = KH_MEETINGS_OTHER;
  plan->meeting_text = g_strdup ("Maanantaisin");
  g_ptr_array_add (plan->factors, kh_plan_factor_new (KH_FACTOR_HINDERS, "Päihteet"));

  g_ptr_array_add (home->actions, kh_plan_action_new ("Asuntohakemus", KH_ACTOR_CLIENT, 0, NULL));
  g_ptr_array_add (home->actions, kh_plan_action_new ("Lausunto asunnon tarpeesta", KH_ACTOR_WORKER, 0, NULL));
  g_ptr_array_add (home->actions, kh_plan_action_new ("Asuntonäytöille mukaan", KH_ACTOR_NETWORK, SISTER, "Liisa Esimerkki"));
  g_ptr_array_add (home->actions, kh_plan_action_new ("Asuntotarjous", KH_ACTOR_NETWORK, HOUSING, "Asuntotoimisto"));
  g_ptr_array_add (money->actions, kh_plan_action_new ("Velkaselvitys", KH_ACTOR_NETWORK, DEBT_ADVICE, "Velkaneuvonta"));
  g_ptr_array_add (money->actions, kh_plan_action_new ("Perustoimeentulotuki", KH_ACTOR_NETWORK, KELA, "Kela"));
  g_ptr_array_add (money->actions, kh_plan_action_new ("Avohoitojakso", KH_ACTOR_NETWORK, A_CLINIC, "A-klinikka"));
  g_ptr_array_add (plan->goals, home);
  g_ptr_array_add (plan->goals, money);

  g_ptr_array_add (plan->partners, kh_plan_partner_new (KELA, "Kela", "Perustoimeentulotuki", TRUE));
  g_ptr_array_add (plan->partners, kh_plan_partner_new (DEBT_ADVICE, "Velkaneuvonta", "Velkaselvitys", FALSE));
  g_ptr_array_add (plan->partners, kh_plan_partner_new (A_CLINIC, "A-klinikka", "Avohoito", FALSE));
  return plan;
}

/* The client's consents, as kh_network_may_share answers them: each
 * member's consented scope (0: none). */
typedef struct
{
  gint64         member_id;
  KhConsentScope scope;
} Consent;

typedef struct
{
  const char    *name;
  gboolean       joint;
  gint64         recipient;
  Consent        consents[4];
  /* expected */
  gboolean       given;
  gboolean       with_info;
  const char    *partners;      /* the named partners, "Kela,Velkaneuvonta" */
  const char    *actors;        /* each action's actor name, "-" for none, in order */
} Case;

static gboolean
may_share (gint64         member_id,
           KhConsentScope scope,
           gpointer       user_data)
{
  const Case *c = user_data;

  for (guint i = 0; i < G_N_ELEMENTS (c->consents); i++)
    if (c->consents[i].member_id == member_id)
      return scope != 0 && (c->consents[i].scope & scope) == scope;
  return FALSE;
}

static const Case cases[] = {
  { "not-joint", FALSE, KELA, { { KELA, KH_CONSENT_SCOPE_ALL } }, FALSE },
  { "not-a-partner", TRUE, HOUSING, { { HOUSING, KH_CONSENT_SCOPE_ALL } }, FALSE },
  { "a-close-person", TRUE, SISTER, { { SISTER, KH_CONSENT_SCOPE_ALL } }, FALSE },
  { "no-consent", TRUE, KELA, { { DEBT_ADVICE, KH_CONSENT_SCOPE_ALL } }, FALSE },
  { "contact-and-info-only", TRUE, KELA, { { KELA, KH_CONSENT_CONTACT | KH_CONSENT_SHARE_INFO } }, FALSE },
  /* The plan only: the other partners are not named, nor anyone's action
   * but the client's, the worker's and the recipient's. */
  { "plan-only", TRUE, KELA, { { KELA, KH_CONSENT_SHARE_PLAN } },
    TRUE, FALSE, "Kela", "-,-,-,-,-,Kela,-" },
  /* Another partner with a consent to the plan is named too; one with a
   * consent to contact only is not. */
  { "two-partners", TRUE, KELA,
    { { KELA, KH_CONSENT_SHARE_PLAN }, { DEBT_ADVICE, KH_CONSENT_SHARE_PLAN | KH_CONSENT_CONTACT },
      { A_CLINIC, KH_CONSENT_CONTACT }, { SISTER, KH_CONSENT_SCOPE_ALL } },
    TRUE, FALSE, "Kela,Velkaneuvonta", "-,-,-,-,Velkaneuvonta,Kela,-" },
  /* The plan and information: the client's situation is in the extract. */
  { "plan-and-info", TRUE, DEBT_ADVICE,
    { { DEBT_ADVICE, KH_CONSENT_SHARE_PLAN | KH_CONSENT_SHARE_INFO } },
    TRUE, TRUE, "Velkaneuvonta", "-,-,-,-,Velkaneuvonta,-,-" },
  { "everything", TRUE, A_CLINIC,
    { { A_CLINIC, KH_CONSENT_SCOPE_ALL }, { KELA, KH_CONSENT_SCOPE_ALL }, { DEBT_ADVICE, KH_CONSENT_SCOPE_ALL } },
    TRUE, TRUE, "Kela,Velkaneuvonta,A-klinikka", "-,-,-,-,Velkaneuvonta,Kela,A-klinikka" },
};

static char *
join_partners (const KhClientPlan *plan)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < plan->partners->len; i++)
    {
      const KhPlanPartner *partner = g_ptr_array_index (plan->partners, i);

      g_string_append_printf (s, "%s%s", i > 0 ? "," : "", partner->name);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static char *
join_actors (const KhClientPlan *plan)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < plan->goals->len; i++)
    {
      const KhPlanGoal *goal = g_ptr_array_index (plan->goals, i);

      for (guint j = 0; j < goal->actions->len; j++)
        {
          const KhPlanAction *action = g_ptr_array_index (goal->actions, j);

          g_string_append_printf (s, "%s%s", s->len > 0 ? "," : "",
                                  action->actor_name != NULL ? action->actor_name : "-");
        }
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
test_extract (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(KhClientPlan) plan = joint_plan ();
  g_autoptr(KhClientPlan) extract = NULL;
  g_autoptr(GError) error = NULL;
  gboolean with_info = !c->with_info;

  plan->joint = c->joint;
  extract = kh_client_plan_for_partner (plan, c->recipient, may_share, (gpointer) c, &with_info, &error);
  if (!c->given)
    {
      g_assert_null (extract);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
      g_assert_nonnull (strstr (error->message, "plan"));
      return;
    }

  g_assert_no_error (error);
  g_assert_nonnull (extract);
  g_assert_cmpint (with_info, ==, c->with_info);
  {
    g_autofree char *partners = join_partners (extract);
    g_autofree char *actors = join_actors (extract);

    g_assert_cmpstr (partners, ==, c->partners);
    g_assert_cmpstr (actors, ==, c->actors);
  }

  /* Always: the goals, their actions (what and when), the client's part,
   * the duration, the follow-up, the review. */
  g_assert_cmpuint (extract->goals->len, ==, 2);
  g_assert_cmpstr (((KhPlanGoal *) g_ptr_array_index (extract->goals, 0))->text, ==, "Haluan oman asunnon ennen kesää.");
  g_assert_cmpstr (((KhPlanAction *) g_ptr_array_index (((KhPlanGoal *) g_ptr_array_index (extract->goals, 0))->actions, 2))->what,
                   ==, "Asuntonäytöille mukaan");
  g_assert_cmpstr (extract->client_part, ==, "Haen asuntoa itse.");
  g_assert_cmpstr (extract->expected_duration, ==, "Puoli vuotta");
  g_assert_cmpstr (extract->follow_up, ==, "Yhteinen tapaaminen kuukausittain.");
  g_assert_cmpint (g_date_get_year (&extract->review_on), ==, 2027);

  /* Never: the client's meetings with the worker, why the client was not there. */
  g_assert_cmpint (extract->meetings, ==, KH_MEETINGS_NOT_SET);
  g_assert_null (extract->meeting_text);
  g_assert_null (extract->not_taking_part);

  /* The client's situation only with a consent to share information. */
  if (c->with_info)
    {
      g_assert_cmpstr (extract->need_worker_view, ==, "Asunnottomuuden uhka, velat, päihteet.");
      g_assert_cmpstr (extract->strengths, ==, "Sisko auttaa.");
      g_assert_cmpstr (extract->disagreement_client, ==, "En tarvitse A-klinikkaa.");
      g_assert_cmpuint (extract->factors->len, ==, 1);
    }
  else
    {
      g_assert_null (extract->need_client_view);
      g_assert_null (extract->need_worker_view);
      g_assert_null (extract->services_client_view);
      g_assert_null (extract->services_worker_view);
      g_assert_null (extract->essential_services);
      g_assert_null (extract->strengths);
      g_assert_null (extract->environment);
      g_assert_null (extract->client_proposal);
      g_assert_null (extract->disagreement_client);
      g_assert_null (extract->disagreement_worker);
      g_assert_cmpuint (extract->factors->len, ==, 0);
    }

  /* The plan itself is untouched. */
  g_assert_cmpuint (plan->partners->len, ==, 3);
  g_assert_cmpstr (plan->need_worker_view, ==, "Asunnottomuuden uhka, velat, päihteet.");
  g_assert_cmpstr (((KhPlanAction *) g_ptr_array_index (((KhPlanGoal *) g_ptr_array_index (plan->goals, 0))->actions, 2))->actor_name,
                   ==, "Liisa Esimerkki");
}

/* The consent a disclosure rests on: valid that day, covering the whole
 * scope, the one given last. */
static void
test_consent_for (void)
{
  static const struct {
    gint64         id;
    KhConsentScope scope;
    int            given_day;      /* November 2026 */
    int            expires_day;    /* December 2026, 0: none */
    int            withdrawn_day;  /* December 2026, 0: none */
  } consents[] = {
    { 1, KH_CONSENT_SHARE_PLAN, 1, 0, 0 },
    { 2, KH_CONSENT_SCOPE_ALL, 20, 6, 0 },                         /* ended the day before */
    { 3, KH_CONSENT_SHARE_PLAN | KH_CONSENT_CONTACT, 10, 31, 7 },  /* withdrawn that day */
    { 4, KH_CONSENT_SHARE_PLAN | KH_CONSENT_SHARE_INFO, 5, 31, 0 },
    { 5, KH_CONSENT_CONTACT | KH_CONSENT_SHARE_INFO, 25, 0, 0 },
    { 6, KH_CONSENT_SHARE_PLAN | KH_CONSENT_SHARE_INFO, 5, 0, 8 }, /* withdrawn the day after */
  };
  static const struct {
    KhConsentScope scope;
    int            day;            /* December 2026 */
    gint64         expected;       /* 0: none */
  } rows[] = {
    { KH_CONSENT_SHARE_PLAN, 7, 6 },                               /* 4 and 6 given 5.11.: the later id */
    { KH_CONSENT_SHARE_PLAN | KH_CONSENT_SHARE_INFO, 7, 6 },
    { KH_CONSENT_SHARE_PLAN, 8, 4 },                               /* 6 withdrawn on the 8th */
    { KH_CONSENT_SHARE_PLAN | KH_CONSENT_CONTACT, 7, 0 },          /* 2 ended, 3 withdrawn */
    { KH_CONSENT_SHARE_PLAN | KH_CONSENT_CONTACT, 5, 2 },          /* 2 given last, still in force */
    { KH_CONSENT_CONTACT | KH_CONSENT_SHARE_INFO, 7, 5 },
    { KH_CONSENT_SHARE_PLAN, 31, 4 },                              /* its last day */
    { 0, 7, 0 },
  };
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < G_N_ELEMENTS (consents); i++)
    {
      KhNetworkConsent *c = kh_network_consent_new ();

      c->id = consents[i].id;
      c->member_id = 21;
      c->scope = consents[i].scope;
      g_date_set_dmy (&c->given_on, consents[i].given_day, G_DATE_NOVEMBER, 2026);
      if (consents[i].expires_day > 0)
        g_date_set_dmy (&c->expires_on, consents[i].expires_day, G_DATE_DECEMBER, 2026);
      if (consents[i].withdrawn_day > 0)
        g_date_set_dmy (&c->withdrawn_on, consents[i].withdrawn_day, G_DATE_DECEMBER, 2026);
      g_ptr_array_add (list, c);
    }
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      KhNetworkConsent *found;
      GDate today;

      g_date_clear (&today, 1);
      g_date_set_dmy (&today, rows[i].day, G_DATE_DECEMBER, 2026);
      found = kh_plan_share_consent (list, rows[i].scope, &today);
      g_test_message ("row %u", i);
      g_assert_cmpint (found != NULL ? found->id : 0, ==, rows[i].expected);
    }
  {
    GDate today;

    g_date_clear (&today, 1);
    g_date_set_dmy (&today, 7, G_DATE_DECEMBER, 2026);
    g_assert_null (kh_plan_share_consent (NULL, KH_CONSENT_SHARE_PLAN, &today));
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/plan-share/%s", cases[i].name);

      g_test_add_data_func (path, &cases[i], test_extract);
    }
  g_test_add_func ("/plan-share/consent-for", test_consent_for);
  return g_test_run ();
}
