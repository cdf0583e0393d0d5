/* test-plans.c — the client plan in the store, on both engines: made from
 * a finished assessment, checked as the core checks it, reviewed into
 * version 2, append-only below the store, who may, every read logged, and
 * its dates on the caseload and the timeline (issue 9, 3–5)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include "core/kh-plan-settings.h"
#include "store-desk-util.h"

typedef struct
{
  KhUser *rec;
  KhUser *cou;
  KhUser *sw;
  KhUser *lead;
  gint64  client_id;
  gint64  case_id;
  gint64  assessment_id;
  gint64  kela;            /* network members: agencies */
  gint64  housing;
  gint64  mother;          /* a person */
} People;

static void
day_from_now (GDate *out,
              int    days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (out, 1);
  g_date_set_dmy (out, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  if (days > 0)
    g_date_add_days (out, days);
  else if (days < 0)
    g_date_subtract_days (out, -days);
}

static gint64
add_member (Fixture       *f,
            People        *p,
            KhNetworkKind  kind,
            const char    *name,
            KhSector       sector)
{
  g_autoptr(KhNetworkMember) m = kh_network_member_new (kind);
  g_autoptr(KhNetworkMember) stored = NULL;
  g_autoptr(GError) error = NULL;

  m->client_id = p->client_id;
  m->name = g_strdup (name);
  m->sector = sector;
  m->distance = KH_DISTANCE_MIDDLE;
  m->tie = KH_TIE_ORDINARY;
  m->direction = KH_SUPPORT_TO_CLIENT;
  stored = kh_db_add_network_member (fixture_db (f, p->sw), p->sw, m, &error);
  g_assert_no_error (error);
  return stored->id;
}

static void
consent_to_plan (Fixture *f,
                 People  *p,
                 gint64   member_id)
{
  g_autoptr(KhNetworkConsent) c = kh_network_consent_new ();
  g_autoptr(KhNetworkConsent) stored = NULL;
  g_autoptr(GError) error = NULL;

  c->member_id = member_id;
  c->scope = KH_CONSENT_SHARE_PLAN | KH_CONSENT_CONTACT;
  day_from_now (&c->given_on, -1);
  stored = kh_db_record_network_consent (fixture_db (f, p->sw), p->sw, p->client_id, c, &error);
  g_assert_no_error (error);
}

/* The unit's workers; a case opened at reception for Aino Korhonen and
 * given to Sari, its assessment finished; her network: Kela and the
 * housing office (agencies), her mother. */
static void
people_set_up (Fixture *f,
               People  *p)
{
  g_autoptr(KhContact) contact = test_contact (KH_OUTCOME_CASE_OPENED);
  g_autoptr(KhClient) client = test_client ("Korhonen", "Aino", "1980-05-14", 931);
  g_autoptr(KhIntakeResult) result = NULL;
  g_autoptr(KhAssessment) a = NULL;
  g_autoptr(GError) error = NULL;
  KhIntake intake = { contact, client, FALSE, 0, 0 };

  p->rec = fixture_add_user (f, "rec", "Riikka Vastaanotto", KH_ROLE_RECEPTION);
  p->cou = fixture_add_user (f, "cou", "Outi Ohjaaja", KH_ROLE_COUNSELLOR);
  p->sw = fixture_add_user (f, "sw", "Sari Sosiaalityöntekijä", KH_ROLE_SOCIAL_WORKER);
  p->lead = fixture_add_user (f, "lead", "Leena Johtava", KH_ROLE_LEAD);
  contact->received_at = g_date_time_new_now_local ();
  contact->reason_text = g_strdup ("Vuokra maksamatta");
  result = kh_db_save_intake (fixture_db (f, p->rec), p->rec, &intake, &error);
  g_assert_no_error (error);
  p->case_id = result->case_id;
  p->client_id = result->client_id;
  g_assert_true (kh_db_assign_case (fixture_db (f, p->lead), p->lead, p->case_id, 0, p->sw->id, &error));
  g_assert_no_error (error);
  a = kh_db_start_assessment (fixture_db (f, p->sw), p->sw, p->case_id, &error);
  g_assert_no_error (error);
  test_complete_assessment (a);
  g_assert_true (kh_db_finish_assessment (fixture_db (f, p->sw), p->sw, a, &error));
  g_assert_no_error (error);
  p->assessment_id = a->id;
  p->kela = add_member (f, p, KH_NETWORK_AGENCY, "Kela, Tampereen toimisto", KH_SECTOR_BENEFITS);
  p->housing = add_member (f, p, KH_NETWORK_AGENCY, "Asumisneuvonta", KH_SECTOR_HOUSING);
  p->mother = add_member (f, p, KH_NETWORK_PERSON, "Maija Korhonen", KH_SECTOR_FAMILY);
}

static void
people_clear (People *p)
{
  g_clear_object (&p->rec);
  g_clear_object (&p->cou);
  g_clear_object (&p->sw);
  g_clear_object (&p->lead);
}

static KhPlanAction *
action (const char  *what,
        KhActorKind  actor,
        gint64       member_id,
        const char  *name,
        int          due_in_days)
{
  KhPlanAction *a = kh_plan_action_new (what, actor, member_id, name);

  day_from_now (&a->due, due_in_days);
  return a;
}

/* The plan: three goals in the client's words, actions owned by
 * the client, the worker and two agencies; the agencies as partners,
 * Kela coordinating. */
static KhClientPlan *
test_plan (People *p)
{
  KhClientPlan *plan = kh_client_plan_new ();
  KhPlanGoal *goal;

  plan->client_id = p->client_id;
  plan->case_id = p->case_id;
  plan->assessment_id = p->assessment_id;
  day_from_now (&plan->made_on, 0);
  day_from_now (&plan->review_on, 90);
  plan->need_client_view = g_strdup ("  Haluan saada vuokrat maksettua.  ");
  plan->need_worker_view = g_strdup ("Taloudellinen tilanne on heikentynyt työttömyyden vuoksi.");
  plan->strengths = g_strdup ("Hyvä suhde äitiin; motivoitunut.");
  plan->client_part = g_strdup ("Avaan postin joka päivä.");
  plan->meetings = KH_MEETINGS_FORTNIGHTLY;
  plan->follow_up = g_strdup ("Tapaamiset kahden viikon välein.");

  goal = kh_plan_goal_new ("Vuokrat maksetaan ajallaan", "housing", "Asuminen");
  g_ptr_array_add (goal->actions, action ("Haen asumistukea", KH_ACTOR_CLIENT, 0, NULL, 14));
  g_ptr_array_add (goal->actions, action ("Neuvoo hakemuksessa", KH_ACTOR_NETWORK, p->housing, "Asumisneuvonta", 7));
  g_ptr_array_add (plan->goals, goal);
  goal = kh_plan_goal_new ("Toimeentulo on turvattu", "finances", "Talous");
  g_ptr_array_add (goal->actions, action ("Käsittelee perustoimeentulotuen", KH_ACTOR_NETWORK, p->kela,
                                          "Kela, Tampereen toimisto", 30));
  g_ptr_array_add (goal->actions, action ("Tekee täydentävän toimeentulotuen päätöksen", KH_ACTOR_WORKER, 0,
                                          NULL, 21));
  g_ptr_array_add (plan->goals, goal);
  goal = kh_plan_goal_new ("Löydän työtä", "work", "Työ");
  g_ptr_array_add (goal->actions, action ("Ilmoittaudun työnhakijaksi", KH_ACTOR_CLIENT, 0, NULL, 10));
  g_ptr_array_add (plan->goals, goal);

  g_ptr_array_add (plan->partners, kh_plan_partner_new (p->kela, "Kela, Tampereen toimisto",
                                                        "Perustoimeentulotuki", TRUE));
  g_ptr_array_add (plan->partners, kh_plan_partner_new (p->housing, "Asumisneuvonta",
                                                        "Vuokrarästien sovittelu", FALSE));
  g_ptr_array_add (plan->factors, kh_plan_factor_new (KH_FACTOR_HELPS, "Äidin tuki"));
  g_ptr_array_add (plan->factors, kh_plan_factor_new (KH_FACTOR_HINDERS, "Velat"));
  return plan;
}

static KhClientPlan *
save (Fixture      *f,
      KhUser       *user,
      KhClientPlan *plan)
{
  g_autoptr(GError) error = NULL;
  KhClientPlan *stored = kh_db_save_client_plan (fixture_db (f, user), user, plan, &error);

  g_assert_no_error (error);
  g_assert_nonnull (stored);
  return stored;
}

static KhClientPlan *
read_plan (Fixture *f,
           KhUser  *user,
           gint64   client_id,
           gint64   version_id)
{
  g_autoptr(GError) error = NULL;
  KhClientPlan *plan = kh_db_read_client_plan (fixture_db (f, user), user, client_id, version_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

static gint64
plan_reads (Fixture *f,
            gint64   client_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM access_log WHERE client_id = %"
                                          G_GINT64_FORMAT " AND what = %d AND basis = %d",
                                          client_id, KH_ACCESS_CLIENT_PLAN, KH_BASIS_CLIENT_RELATIONSHIP);

  return count (f, sql);
}

#define GOAL(plan, i) ((KhPlanGoal *) g_ptr_array_index ((plan)->goals, (i)))
#define ACTION(goal, i) ((KhPlanAction *) g_ptr_array_index ((goal)->actions, (i)))
#define PARTNER(plan, i) ((KhPlanPartner *) g_ptr_array_index ((plan)->partners, (i)))

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  People p = { 0 };
  g_autoptr(KhClientPlan) plan = NULL;
  g_autoptr(KhClientPlan) stored = NULL;
  g_autoptr(KhClientPlan) read = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GPtrArray) evaluations = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *made = NULL;
  g_autofree char *made_read = NULL;

  people_set_up (f, &p);
  plan = test_plan (&p);
  stored = save (f, p.sw, plan);
  g_assert_cmpint (stored->plan_id, >, 0);
  g_assert_cmpint (stored->id, >, 0);
  g_assert_cmpint (stored->version, ==, 1);
  g_assert_cmpstr (stored->need_client_view, ==, "Haluan saada vuokrat maksettua.");
  g_assert_cmpint (GOAL (stored, 0)->id, >, 0);
  g_assert_cmpint (ACTION (GOAL (stored, 0), 1)->id, >, 0);
  /* Saving is a write, not a read. */
  g_assert_cmpint (plan_reads (f, p.client_id), ==, 0);

  read = read_plan (f, p.cou, p.client_id, stored->id);
  g_assert_cmpint (plan_reads (f, p.client_id), ==, 1);
  g_assert_cmpint (read->id, ==, stored->id);
  g_assert_cmpint (read->plan_id, ==, stored->plan_id);
  g_assert_cmpint (read->client_id, ==, p.client_id);
  g_assert_cmpint (read->case_id, ==, p.case_id);
  g_assert_cmpint (read->assessment_id, ==, p.assessment_id);
  g_assert_cmpint (read->version, ==, 1);
  made = kh_network_format_day (&plan->made_on);
  made_read = kh_network_format_day (&read->made_on);
  g_assert_cmpstr (made_read, ==, made);
  g_assert_cmpint (g_date_days_between (&read->made_on, &read->review_on), ==, 90);
  g_assert_true (read->client_took_part);
  g_assert_cmpstr (read->need_client_view, ==, "Haluan saada vuokrat maksettua.");
  g_assert_cmpstr (read->need_worker_view, ==, "Taloudellinen tilanne on heikentynyt työttömyyden vuoksi.");
  g_assert_cmpstr (read->strengths, ==, "Hyvä suhde äitiin; motivoitunut.");
  g_assert_cmpstr (read->client_part, ==, "Avaan postin joka päivä.");
  g_assert_null (read->services_client_view);
  g_assert_cmpint (read->meetings, ==, KH_MEETINGS_FORTNIGHTLY);
  g_assert_cmpstr (read->follow_up, ==, "Tapaamiset kahden viikon välein.");
  g_assert_false (read->joint);
  /* The map as it stood, kept with the version (issue 9, 2). */
  g_assert_cmpint (read->network_version_id, >, 0);
  g_assert_cmpint (read->network_version_id, ==, stored->network_version_id);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM network_versions WHERE id = %" G_GINT64_FORMAT
                                            " AND client_id = %" G_GINT64_FORMAT
                                            " AND label = 'Client plan, version 1' AND members >= 2",
                                            read->network_version_id, p.client_id);

    g_assert_cmpint (count (f, sql), ==, 1);
  }

  g_assert_cmpuint (read->goals->len, ==, 3);
  g_assert_cmpstr (GOAL (read, 0)->text, ==, "Vuokrat maksetaan ajallaan");
  g_assert_cmpstr (GOAL (read, 0)->area_key, ==, "housing");
  g_assert_cmpstr (GOAL (read, 0)->area_label, ==, "Asuminen");
  g_assert_cmpint (GOAL (read, 0)->status, ==, KH_GOAL_ACTIVE);
  g_assert_cmpint (GOAL (read, 0)->id, ==, GOAL (stored, 0)->id);
  g_assert_cmpint (GOAL (read, 2)->id, ==, GOAL (stored, 2)->id);
  g_assert_cmpuint (GOAL (read, 0)->actions->len, ==, 2);
  g_assert_cmpstr (ACTION (GOAL (read, 0), 0)->what, ==, "Haen asumistukea");
  g_assert_cmpint (ACTION (GOAL (read, 0), 0)->actor, ==, KH_ACTOR_CLIENT);
  g_assert_cmpint (ACTION (GOAL (read, 0), 0)->member_id, ==, 0);
  g_assert_cmpint (ACTION (GOAL (read, 0), 1)->actor, ==, KH_ACTOR_NETWORK);
  g_assert_cmpint (ACTION (GOAL (read, 0), 1)->member_id, ==, p.housing);
  g_assert_cmpstr (ACTION (GOAL (read, 0), 1)->actor_name, ==, "Asumisneuvonta");
  g_assert_cmpint (ACTION (GOAL (read, 0), 1)->id, ==, ACTION (GOAL (stored, 0), 1)->id);
  g_assert_cmpint (g_date_days_between (&read->made_on, &ACTION (GOAL (read, 0), 1)->due), ==, 7);
  g_assert_cmpint (ACTION (GOAL (read, 1), 0)->member_id, ==, p.kela);
  g_assert_cmpint (ACTION (GOAL (read, 1), 1)->actor, ==, KH_ACTOR_WORKER);
  g_assert_cmpint (ACTION (GOAL (read, 1), 1)->status, ==, KH_ACTION_PLANNED);
  g_assert_cmpuint (read->partners->len, ==, 2);
  g_assert_cmpint (PARTNER (read, 0)->member_id, ==, p.kela);
  g_assert_true (PARTNER (read, 0)->coordinator);
  g_assert_cmpstr (PARTNER (read, 1)->responsibility, ==, "Vuokrarästien sovittelu");
  g_assert_false (PARTNER (read, 1)->coordinator);
  g_assert_cmpuint (read->factors->len, ==, 2);
  g_assert_cmpint (((KhPlanFactor *) g_ptr_array_index (read->factors, 1))->effect, ==, KH_FACTOR_HINDERS);
  g_assert_cmpstr (((KhPlanFactor *) g_ptr_array_index (read->factors, 1))->text, ==, "Velat");

  versions = kh_db_list_client_plans (fixture_db (f, p.lead), p.lead, p.client_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 1);
  {
    KhPlanVersionInfo *info = g_ptr_array_index (versions, 0);

    g_assert_cmpint (info->id, ==, stored->id);
    g_assert_cmpint (info->case_id, ==, p.case_id);
    g_assert_cmpint (info->version, ==, 1);
    g_assert_false (info->reviewed);
    g_assert_cmpstr (info->accepted_by_name, ==, "Sari Sosiaalityöntekijä");
  }
  /* The first version was made by no review. */
  evaluations = kh_db_list_plan_evaluations (fixture_db (f, p.sw), p.sw, p.client_id, stored->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (evaluations->len, ==, 0);
  /* Three reads, three rows. */
  g_assert_cmpint (plan_reads (f, p.client_id), ==, 3);
  people_clear (&p);
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  People p = { 0 };
  g_autoptr(KhClientPlan) plan = NULL;
  g_autoptr(KhClientPlan) stored = NULL;
  g_autoptr(GError) error = NULL;
  static const struct {
    const char *what;
    int         change;
    int         code;
  } rows[] = {
    { "two coordinators",                    1, KH_STORE_ERROR_INVALID },
    { "no coordinator",                      2, KH_STORE_ERROR_INVALID },
    { "no goal",                             3, KH_STORE_ERROR_INVALID },
    { "review before the plan was made",     4, KH_STORE_ERROR_INVALID },
    { "an action by nobody of the network",  5, KH_STORE_ERROR_INVALID },
    { "a dropped goal without its reason",   6, KH_STORE_ERROR_INVALID },
    { "a goal over its length",              7, KH_STORE_ERROR_INVALID },
    { "one view of a disagreement",          8, KH_STORE_ERROR_INVALID },
    { "joint without consent",               9, KH_STORE_ERROR_INVALID },
    { "an unfinished assessment's case",    10, -1 },
  };

  people_set_up (f, &p);
  for (gsize i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(KhClientPlan) bad = test_plan (&p);

      g_test_message ("%s", rows[i].what);
      switch (rows[i].change)
        {
        case 1: PARTNER (bad, 1)->coordinator = TRUE; break;
        case 2: PARTNER (bad, 0)->coordinator = FALSE; break;
        case 3: g_ptr_array_set_size (bad->goals, 0); break;
        case 4: day_from_now (&bad->review_on, 0); break;
        case 5: ACTION (GOAL (bad, 0), 1)->member_id = 0; break;
        case 6: GOAL (bad, 2)->status = KH_GOAL_DROPPED; break;
        case 7: g_free (GOAL (bad, 1)->text); GOAL (bad, 1)->text = g_strnfill (KH_PLAN_TEXT_MAX + 1, 'a'); break;
        case 8: bad->disagreement_client = g_strdup ("En halua muuttaa."); break;
        case 9: bad->joint = TRUE; break;
        case 10: bad->assessment_id = p.assessment_id + 1000; break;
        default: g_assert_not_reached ();
        }
      g_assert_null (kh_db_save_client_plan (fixture_db (f, p.sw), p.sw, bad, &error));
      if (rows[i].code >= 0)
        g_assert_error (error, KH_STORE_ERROR, rows[i].code);
      else
        g_assert_true (error != NULL && error->domain == KH_STORE_ERROR);
      g_clear_error (&error);
    }
  g_assert_cmpint (count (f, "SELECT count(*) FROM client_plans"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM plan_versions"), ==, 0);

  /* Joint, with the consent of both partners: shared. */
  consent_to_plan (f, &p, p.kela);
  consent_to_plan (f, &p, p.housing);
  plan = test_plan (&p);
  plan->joint = TRUE;
  /* Not by reception or the administrator role. */
  g_assert_null (kh_db_save_client_plan (fixture_db (f, p.rec), p.rec, plan, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  stored = save (f, p.cou, plan);
  g_assert_true (stored->joint);
  /* One plan a case: the next version is a review's. */
  g_assert_null (kh_db_save_client_plan (fixture_db (f, p.sw), p.sw, plan, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM client_plans"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM plan_versions"), ==, 1);

  /* Reading: not reception; nothing logged for them. */
  g_assert_null (kh_db_read_client_plan (fixture_db (f, p.rec), p.rec, p.client_id, stored->id, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_null (kh_db_list_client_plans (fixture_db (f, p.rec), p.rec, p.client_id, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_cmpint (plan_reads (f, p.client_id), ==, 0);
  /* Someone else's version of this person's id: not found. */
  g_assert_null (kh_db_read_client_plan (fixture_db (f, p.sw), p.sw, p.client_id, stored->id + 1000, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  people_clear (&p);
}

/* Below the store: an accepted version is kept as it was, for any
 * program. */
/* Writes version `version` of the plan row by row, as any program could
 * (made today, reviewed in 30 days), and returns its id. */
static gint64
raw_add_version (RawDb  *raw,
                 People *p,
                 gint64  plan_id,
                 int     version)
{
  g_autofree char *made = NULL;
  g_autofree char *review = NULL;
  g_autofree char *sql = NULL;
  GDate day;

  day_from_now (&day, 0);
  made = kh_network_format_day (&day);
  day_from_now (&day, 30);
  review = kh_network_format_day (&day);
  sql = g_strdup_printf ("INSERT INTO plan_versions (plan_id, client_id, version, made_on, "
                         "client_took_part, need_client_view, meetings, review_on, joint, saved_at, "
                         "saved_by) VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", %d, '%s', 1, "
                         "'Tarve', 3, '%s', 0, %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")",
                         plan_id, p->client_id, version, made, review, g_get_real_time () / G_USEC_PER_SEC,
                         p->sw->id);
  raw_run (raw, sql);
  return raw_number (raw, "SELECT max (id) FROM plan_versions");
}

static void
test_append_only (Fixture       *f,
                  gconstpointer  data)
{
  People p = { 0 };
  g_autoptr(KhClientPlan) plan = NULL;
  g_autoptr(KhClientPlan) stored = NULL;
  g_autoptr(KhClientPlan) read = NULL;
  g_autofree char *update = NULL;
  g_autofree char *update_goal = NULL;
  g_autofree char *delete_action = NULL;
  g_autofree char *add_goal = NULL;
  g_autofree char *second_coordinator = NULL;
  g_autofree char *unaccept = NULL;
  RawDb *raw;

  people_set_up (f, &p);
  plan = test_plan (&p);
  stored = save (f, p.sw, plan);
  update = g_strdup_printf ("UPDATE plan_versions SET need_client_view = 'Toinen' WHERE id = %" G_GINT64_FORMAT,
                            stored->id);
  update_goal = g_strdup_printf ("UPDATE plan_goals SET status = 2 WHERE version_id = %" G_GINT64_FORMAT,
                                 stored->id);
  delete_action = g_strdup_printf ("DELETE FROM plan_actions WHERE version_id = %" G_GINT64_FORMAT, stored->id);
  add_goal = g_strdup_printf ("INSERT INTO plan_goals (version_id, plan_id, client_id, position, text, area_key, "
                              "status) VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT
                              ", 9, 'Uusi', 'work', 1)", stored->id, stored->plan_id, p.client_id);
  second_coordinator = g_strdup_printf ("INSERT INTO plan_partners (version_id, client_id, position, member_id, "
                                        "name, responsibility, coordinator) VALUES (%" G_GINT64_FORMAT ", %"
                                        G_GINT64_FORMAT ", 9, NULL, 'Kolmas', 'Jotain', 1)",
                                        stored->id, p.client_id);
  unaccept = g_strdup_printf ("DELETE FROM plan_acceptances WHERE version_id = %" G_GINT64_FORMAT, stored->id);
  raw = raw_connect (f);
  g_assert_true (raw_refuses (raw, update));
  g_assert_true (raw_refuses (raw, update_goal));
  g_assert_true (raw_refuses (raw, delete_action));
  g_assert_true (raw_refuses (raw, add_goal));
  g_assert_true (raw_refuses (raw, second_coordinator));
  g_assert_true (raw_refuses (raw, unaccept));
  g_assert_true (raw_refuses (raw, "DELETE FROM client_plans"));

  /* A second version written row by row, as any program could: one
   * coordinator at most, and not accepted without a review. */
  {
    g_autofree char *goal = NULL;
    g_autofree char *coordinator = NULL;
    g_autofree char *another = NULL;
    g_autofree char *accept = NULL;
    gint64 v2 = raw_add_version (raw, &p, stored->plan_id, 2);

    goal = g_strdup_printf ("INSERT INTO plan_goals (version_id, plan_id, client_id, position, text, area_key, "
                            "status) VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT
                            ", 0, 'Uusi', 'work', 1)", v2, stored->plan_id, p.client_id);
    raw_run (raw, goal);
    coordinator = g_strdup_printf ("INSERT INTO plan_partners (version_id, client_id, position, member_id, name, "
                                   "responsibility, coordinator) VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT
                                   ", 0, NULL, 'Kela', 'Tuki', 1)", v2, p.client_id);
    raw_run (raw, coordinator);
    another = g_strdup_printf ("INSERT INTO plan_partners (version_id, client_id, position, member_id, name, "
                               "responsibility, coordinator) VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT
                               ", 1, NULL, 'Asumisneuvonta', 'Sovittelu', 1)", v2, p.client_id);
    g_assert_true (raw_refuses (raw, another));
    accept = g_strdup_printf ("INSERT INTO plan_acceptances (version_id, client_id, accepted_at, accepted_by) "
                              "VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", %"
                              G_GINT64_FORMAT ")", v2, p.client_id, g_get_real_time () / G_USEC_PER_SEC, p.sw->id);
    g_assert_true (raw_refuses (raw, accept));
  }
  raw_close (raw);

  read = read_plan (f, p.sw, p.client_id, stored->id);
  g_assert_cmpstr (read->need_client_view, ==, "Haluan saada vuokrat maksettua.");
  g_assert_cmpuint (read->goals->len, ==, 3);
  g_assert_cmpint (GOAL (read, 0)->status, ==, KH_GOAL_ACTIVE);
  g_assert_cmpuint (GOAL (read, 0)->actions->len, ==, 2);
  g_assert_cmpuint (read->partners->len, ==, 2);
  people_clear (&p);
}

/* The next version by a review: every active goal rated; one achieved,
 * one dropped, one kept with its action done, one added. */
static void
test_review (Fixture       *f,
             gconstpointer  data)
{
  People p = { 0 };
  g_autoptr(KhClientPlan) plan = NULL;
  g_autoptr(KhClientPlan) first = NULL;
  g_autoptr(KhClientPlan) next = NULL;
  g_autoptr(KhClientPlan) second = NULL;
  g_autoptr(KhClientPlan) read = NULL;
  g_autoptr(KhClientPlan) again = NULL;
  g_autoptr(KhPlanScale) scale = kh_plan_scale_new_default ();
  g_autoptr(GPtrArray) evaluations = g_ptr_array_new_with_free_func ((GDestroyNotify) kh_plan_evaluation_free);
  g_autoptr(GPtrArray) stored_evaluations = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(KhPlanChanges) changes = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;

  people_set_up (f, &p);
  plan = test_plan (&p);
  first = save (f, p.sw, plan);
  read = read_plan (f, p.sw, p.client_id, first->id);

  next = kh_client_plan_copy (read);
  GOAL (next, 0)->status = KH_GOAL_ACHIEVED;
  GOAL (next, 2)->status = KH_GOAL_DROPPED;
  GOAL (next, 2)->status_reason = g_strdup ("Asiakas aloitti opinnot.");
  ACTION (GOAL (next, 1), 1)->status = KH_ACTION_DONE;
  g_ptr_array_add (next->goals, kh_plan_goal_new ("Opinnot etenevät", "education", "Koulutus"));
  g_ptr_array_add (GOAL (next, 3)->actions, action ("Sovin opintosuunnitelman", KH_ACTOR_CLIENT, 0, NULL, 30));
  day_from_now (&next->review_on, 180);

  /* Two of three goals rated: not a review. */
  g_ptr_array_add (evaluations, kh_plan_evaluation_new (KH_EVALUATED_GOAL, GOAL (read, 0)->id, NULL, 5,
                                                        "Vuokrat maksettu kolme kuukautta."));
  g_ptr_array_add (evaluations, kh_plan_evaluation_new (KH_EVALUATED_GOAL, GOAL (read, 1)->id, NULL, 3, NULL));
  g_assert_null (kh_db_review_client_plan (fixture_db (f, p.sw), p.sw, read, evaluations, scale, next, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* A rating off the scale. */
  g_ptr_array_add (evaluations, kh_plan_evaluation_new (KH_EVALUATED_GOAL, GOAL (read, 2)->id, NULL, 6, NULL));
  g_assert_null (kh_db_review_client_plan (fixture_db (f, p.sw), p.sw, read, evaluations, scale, next, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_ptr_array_remove_index (evaluations, 2);
  g_ptr_array_add (evaluations, kh_plan_evaluation_new (KH_EVALUATED_GOAL, GOAL (read, 2)->id, NULL, 1,
                                                        "Tavoite ei ole enää ajankohtainen."));
  g_ptr_array_add (evaluations, kh_plan_evaluation_new (KH_EVALUATED_FACTOR, 0, "Äidin tuki", 4, NULL));
  g_ptr_array_add (evaluations, kh_plan_evaluation_new (KH_EVALUATED_SERVICE, 0, "Asumisneuvonta", 5, NULL));
  g_assert_cmpint (count (f, "SELECT count(*) FROM plan_versions"), ==, 1);

  second = kh_db_review_client_plan (fixture_db (f, p.lead), p.lead, read, evaluations, scale, next, &error);
  g_assert_no_error (error);
  g_assert_cmpint (second->version, ==, 2);
  g_assert_cmpint (second->plan_id, ==, first->plan_id);
  g_assert_cmpint (GOAL (second, 0)->id, ==, GOAL (first, 0)->id);
  g_assert_cmpint (GOAL (second, 3)->id, >, GOAL (first, 2)->id);
  /* The review keeps the map as it stands now, beside the first version's. */
  g_assert_cmpint (second->network_version_id, >, read->network_version_id);
  g_assert_cmpint (read->network_version_id, >, 0);
  g_assert_cmpint (count (f, "SELECT count (*) FROM network_versions WHERE label = 'Client plan, version 2'"), ==, 1);

  /* A second review of version 1: the plan has moved on. */
  g_assert_null (kh_db_review_client_plan (fixture_db (f, p.sw), p.sw, read, evaluations, scale, next, &error));
  g_assert_true (error != NULL && error->domain == KH_STORE_ERROR);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM plan_versions"), ==, 2);

  /* As read back and compared: added, achieved, dropped, an action done. */
  again = read_plan (f, p.cou, p.client_id, second->id);
  g_assert_cmpint (again->version, ==, 2);
  g_assert_cmpuint (again->goals->len, ==, 4);
  g_assert_cmpstr (GOAL (again, 2)->status_reason, ==, "Asiakas aloitti opinnot.");
  g_assert_cmpint (GOAL (again, 1)->id, ==, GOAL (read, 1)->id);
  g_assert_cmpint (ACTION (GOAL (again, 1), 1)->id, ==, ACTION (GOAL (read, 1), 1)->id);
  day_from_now (&today, 0);
  changes = kh_client_plan_compare (read, again, &today);
  g_assert_cmpuint (changes->goals_added->len, ==, 1);
  g_assert_cmpstr (((KhPlanGoal *) g_ptr_array_index (changes->goals_added, 0))->text, ==, "Opinnot etenevät");
  g_assert_cmpuint (changes->goals_achieved->len, ==, 1);
  g_assert_cmpstr (((KhPlanGoal *) g_ptr_array_index (changes->goals_achieved, 0))->text, ==,
                   "Vuokrat maksetaan ajallaan");
  g_assert_cmpuint (changes->goals_dropped->len, ==, 1);
  g_assert_cmpstr (((KhPlanGoal *) g_ptr_array_index (changes->goals_dropped, 0))->text, ==, "Löydän työtä");
  g_assert_cmpuint (changes->actions_done->len, ==, 1);
  g_assert_cmpstr (((KhPlanAction *) g_ptr_array_index (changes->actions_done, 0))->what, ==,
                   "Tekee täydentävän toimeentulotuen päätöksen");

  stored_evaluations = kh_db_list_plan_evaluations (fixture_db (f, p.sw), p.sw, p.client_id, second->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored_evaluations->len, ==, 5);
  {
    KhPlanEvaluation *e0 = g_ptr_array_index (stored_evaluations, 0);
    KhPlanEvaluation *e3 = g_ptr_array_index (stored_evaluations, 3);

    g_assert_cmpint (e0->part, ==, KH_EVALUATED_GOAL);
    g_assert_cmpint (e0->goal_id, ==, GOAL (read, 0)->id);
    g_assert_cmpint (e0->rating, ==, 5);
    g_assert_cmpstr (e0->comment, ==, "Vuokrat maksettu kolme kuukautta.");
    g_assert_cmpint (e3->part, ==, KH_EVALUATED_FACTOR);
    g_assert_cmpstr (e3->subject, ==, "Äidin tuki");
    g_assert_cmpint (e3->goal_id, ==, 0);
  }
  versions = kh_db_list_client_plans (fixture_db (f, p.sw), p.sw, p.client_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 2);
  g_assert_cmpint (((KhPlanVersionInfo *) g_ptr_array_index (versions, 0))->version, ==, 2);
  g_assert_true (((KhPlanVersionInfo *) g_ptr_array_index (versions, 0))->reviewed);
  g_assert_cmpstr (((KhPlanVersionInfo *) g_ptr_array_index (versions, 0))->accepted_by_name, ==, "Leena Johtava");
  g_assert_cmpint (((KhPlanVersionInfo *) g_ptr_array_index (versions, 1))->version, ==, 1);
  /* Reads: version 1, version 2, the evaluations, the list. */
  g_assert_cmpint (plan_reads (f, p.client_id), ==, 4);
  people_clear (&p);
}

static char *
setting (Fixture    *f,
         const char *key)
{
  g_autoptr(GError) error = NULL;
  char *value = kh_db_get_setting (f->db, key, &error);

  g_assert_no_error (error);
  return value;
}

/* Issue 9, 4: the unit's scale and lists, checked by the store and — on a
 * server — by the server; a review keeps the scale it was rated on, and a
 * rating above its steps is refused whoever writes it. */
static void
test_review_scale (Fixture       *f,
                   gconstpointer  data)
{
  static const char *four_steps = "Ei edistystä|Inga framsteg\nVähän|Lite\nPaljon|Mycket\nTäysin|Helt";
  People p = { 0 };
  g_autoptr(KhClientPlan) plan = NULL;
  g_autoptr(KhClientPlan) first = NULL;
  g_autoptr(KhClientPlan) read = NULL;
  g_autoptr(KhClientPlan) next = NULL;
  g_autoptr(KhClientPlan) second = NULL;
  g_autoptr(KhPlanScale) unit_scale = NULL;
  g_autoptr(KhPlanScale) kept = NULL;
  g_autoptr(GPtrArray) evaluations = g_ptr_array_new_with_free_func ((GDestroyNotify) kh_plan_evaluation_free);
  g_autoptr(GPtrArray) stored_evaluations = NULL;
  g_autoptr(GPtrArray) first_evaluations = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  /* A character by its code, in either engine's SQL. */
  const char *chr = f->pg_dbname != NULL ? "chr" : "char";
  RawDb *raw;

  people_set_up (f, &p);

  /* The settings: the lead social worker sets them, cleaned; a social
   * worker may not; a bad value is refused and the old one kept. */
  g_assert_false (kh_db_set_setting (fixture_db (f, p.sw), p.sw, KH_SETTING_PLAN_SCALE, four_steps, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_true (kh_db_set_setting (fixture_db (f, p.lead), p.lead, KH_SETTING_PLAN_SCALE,
                                    "\n Ei edistystä | Inga framsteg\nVähän|Lite\n\nPaljon|Mycket\nTäysin|Helt\n",
                                    &error));
  g_assert_no_error (error);
  value = setting (f, KH_SETTING_PLAN_SCALE);
  g_assert_cmpstr (value, ==, four_steps);
  g_clear_pointer (&value, g_free);
  g_assert_true (kh_db_set_setting (fixture_db (f, p.lead), p.lead, KH_SETTING_PLAN_SERVICES,
                                    "Sosiaaliohjaus\n\n  Tuettu asuminen\nAikuissosiaalityö", &error));
  g_assert_no_error (error);
  g_assert_true (kh_db_set_setting (fixture_db (f, p.lead), p.lead, KH_SETTING_PLAN_METHODS,
                                    "Motivoiva haastattelu\nVerkostokartta", &error));
  g_assert_no_error (error);
  value = setting (f, KH_SETTING_PLAN_SERVICES);
  g_assert_cmpstr (value, ==, "Sosiaaliohjaus\nTuettu asuminen\nAikuissosiaalityö");
  g_clear_pointer (&value, g_free);
  {
    static const struct { const char *key; const char *value; } bad[] = {
      { KH_SETTING_PLAN_SCALE, "Vain yksi|Bara ett" },
      { KH_SETTING_PLAN_SCALE, "1|1\n2|2\n3|3\n4|4\n5|5\n6|6\n7|7\n8|8\n9|9\n10|10\n11|11" },
      { KH_SETTING_PLAN_SCALE, "Ei|Nej\nKyllä" },
      { KH_SETTING_PLAN_SERVICES, "Sosiaaliohjaus\nSosiaaliohjaus" },
      { KH_SETTING_PLAN_METHODS, "Motivoiva\thaastattelu" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_assert_false (kh_db_set_setting (fixture_db (f, p.lead), p.lead, bad[i].key, bad[i].value, &error));
        g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
        g_clear_error (&error);
      }
  }
  value = setting (f, KH_SETTING_PLAN_SCALE);
  g_assert_cmpstr (value, ==, four_steps);
  g_clear_pointer (&value, g_free);

  /* Below the store: SQLite's triggers refuse a control character; the
   * server refuses every value kh_plan_setting_clean refuses. */
  raw = raw_connect (f);
  {
    g_autofree char *tab = g_strdup_printf ("UPDATE settings SET value = 'Motivoiva' || %s (9) || 'haastattelu' "
                                            "WHERE key = 'plan_methods'", chr);

    g_assert_true (raw_refuses (raw, tab));
  }
  if (f->pg_dbname != NULL)
    {
      g_assert_true (raw_refuses (raw, "UPDATE settings SET value = 'Vain yksi|Bara ett' WHERE key = 'plan_scale'"));
      g_assert_true (raw_refuses (raw, "UPDATE settings SET value = E'Ei|Nej\\nKyllä' WHERE key = 'plan_scale'"));
      g_assert_true (raw_refuses (raw, "UPDATE settings SET value = E' Ei|Nej\\nKyllä|Ja' WHERE key = 'plan_scale'"));
      g_assert_true (raw_refuses (raw, "UPDATE settings SET value = E'A\\nA' WHERE key = 'plan_services'"));
      g_assert_true (raw_refuses (raw, "UPDATE settings SET value = E'A\\n\\nB' WHERE key = 'plan_services'"));
      g_assert_true (raw_refuses (raw, "UPDATE settings SET value = repeat ('x', 201) WHERE key = 'plan_methods'"));
      raw_run (raw, "UPDATE settings SET value = repeat ('x', 200) WHERE key = 'plan_methods'");
      raw_run (raw, "UPDATE settings SET value = E'Motivoiva haastattelu\\nVerkostokartta' "
                    "WHERE key = 'plan_methods'");
    }
  raw_close (raw);

  /* A review on the unit's four steps: 5 is off it. */
  plan = test_plan (&p);
  first = save (f, p.sw, plan);
  read = read_plan (f, p.sw, p.client_id, first->id);
  next = kh_client_plan_copy (read);
  value = setting (f, KH_SETTING_PLAN_SCALE);
  unit_scale = kh_plan_scale_from_setting (value);
  g_clear_pointer (&value, g_free);
  g_assert_cmpint (unit_scale->steps, ==, 4);
  for (guint i = 0; i < read->goals->len; i++)
    g_ptr_array_add (evaluations, kh_plan_evaluation_new (KH_EVALUATED_GOAL, GOAL (read, i)->id, NULL, 5, NULL));
  g_assert_null (kh_db_review_client_plan (fixture_db (f, p.sw), p.sw, read, evaluations, unit_scale, next, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_clear_error (&error);
  for (guint i = 0; i < evaluations->len; i++)
    ((KhPlanEvaluation *) g_ptr_array_index (evaluations, i))->rating = 4 - i;
  g_ptr_array_add (evaluations, kh_plan_evaluation_new (KH_EVALUATED_FACTOR, 0, "Äidin tuki", 4, "Kantaa"));
  g_ptr_array_add (evaluations, kh_plan_evaluation_new (KH_EVALUATED_SERVICE, 0, "Tuettu asuminen", 3, NULL));
  g_ptr_array_add (evaluations, kh_plan_evaluation_new (KH_EVALUATED_METHOD, 0, "Verkostokartta", 2, "Auttoi"));
  second = kh_db_review_client_plan (fixture_db (f, p.sw), p.sw, read, evaluations, unit_scale, next, &error);
  g_assert_no_error (error);

  /* The unit goes back to the default scale: the review keeps its own. */
  g_assert_true (kh_db_set_setting (fixture_db (f, p.lead), p.lead, KH_SETTING_PLAN_SCALE, "", &error));
  g_assert_no_error (error);
  value = setting (f, KH_SETTING_PLAN_SCALE);
  g_assert_true (value == NULL || *value == '\0');
  g_clear_pointer (&value, g_free);
  stored_evaluations = kh_db_read_plan_review (fixture_db (f, p.cou), p.cou, p.client_id, second->id, &kept, &error);
  g_assert_no_error (error);
  g_assert_nonnull (kept);
  g_assert_cmpint (kept->steps, ==, 4);
  g_assert_cmpstr (kh_plan_scale_label (kept, 4, "fi"), ==, "Täysin");
  g_assert_cmpstr (kh_plan_scale_label (kept, 4, "sv"), ==, "Helt");
  g_assert_cmpstr (kh_plan_scale_label (kept, 1, "fi"), ==, "Ei edistystä");
  g_assert_cmpuint (stored_evaluations->len, ==, 6);
  {
    KhPlanEvaluation *factor = g_ptr_array_index (stored_evaluations, 3);
    KhPlanEvaluation *service = g_ptr_array_index (stored_evaluations, 4);
    KhPlanEvaluation *method = g_ptr_array_index (stored_evaluations, 5);

    g_assert_cmpint (((KhPlanEvaluation *) g_ptr_array_index (stored_evaluations, 0))->rating, ==, 4);
    g_assert_cmpint (factor->part, ==, KH_EVALUATED_FACTOR);
    g_assert_cmpstr (factor->subject, ==, "Äidin tuki");
    g_assert_cmpstr (factor->comment, ==, "Kantaa");
    g_assert_cmpint (service->part, ==, KH_EVALUATED_SERVICE);
    g_assert_cmpstr (service->subject, ==, "Tuettu asuminen");
    g_assert_cmpint (service->rating, ==, 3);
    g_assert_cmpint (method->part, ==, KH_EVALUATED_METHOD);
    g_assert_cmpstr (method->subject, ==, "Verkostokartta");
    g_assert_cmpint (method->rating, ==, 2);
  }
  /* The first version was made without a review: no scale. */
  first_evaluations = kh_db_read_plan_review (fixture_db (f, p.cou), p.cou, p.client_id, first->id, &kept, &error);
  g_assert_no_error (error);
  g_assert_null (kept);
  g_assert_cmpuint (first_evaluations->len, ==, 0);
  /* What the plan's letter prints: the version with its review, on the
   * review's scale, in one logged read; a first version without. */
  {
    g_autoptr(KhPlanReview) with_review = NULL;
    g_autoptr(KhPlanReview) without = NULL;
    gint64 reads = plan_reads (f, p.client_id);

    with_review = kh_db_read_plan_with_review (fixture_db (f, p.cou), p.cou, p.client_id, second->id, &error);
    g_assert_no_error (error);
    g_assert_cmpint (plan_reads (f, p.client_id), ==, reads + 1);
    g_assert_cmpint (with_review->plan->id, ==, second->id);
    g_assert_cmpint (with_review->plan->version, ==, 2);
    g_assert_cmpuint (with_review->plan->goals->len, ==, read->goals->len);
    g_assert_cmpint (with_review->scale->steps, ==, 4);
    g_assert_cmpstr (kh_plan_scale_label (with_review->scale, 3, "sv"), ==, "Mycket");
    g_assert_cmpuint (with_review->evaluations->len, ==, 6);
    g_assert_cmpstr (((KhPlanEvaluation *) g_ptr_array_index (with_review->evaluations, 5))->comment, ==, "Auttoi");
    without = kh_db_read_plan_with_review (fixture_db (f, p.cou), p.cou, p.client_id, first->id, &error);
    g_assert_no_error (error);
    g_assert_cmpint (plan_reads (f, p.client_id), ==, reads + 2);
    g_assert_cmpint (without->plan->version, ==, 1);
    g_assert_null (without->scale);
    g_assert_cmpuint (without->evaluations->len, ==, 0);
    /* Not reception's; no such version of hers. */
    g_assert_null (kh_db_read_plan_with_review (fixture_db (f, p.rec), p.rec, p.client_id, second->id, &error));
    g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
    g_clear_error (&error);
    g_assert_null (kh_db_read_plan_with_review (fixture_db (f, p.cou), p.cou, p.client_id, second->id + 1000, &error));
    g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }

  /* Row by row, as any program could: a review's scale is 2–10 lines of
   * "fi|sv", and a rating above its steps is refused. */
  raw = raw_connect (f);
  {
    g_autofree char *one_step = NULL;
    g_autofree char *two_steps = NULL;
    g_autofree char *above = NULL;
    g_autofree char *top = NULL;
    gint64 v3 = raw_add_version (raw, &p, first->plan_id, 3);
    gint64 r3;

#define REVIEW_SQL(scale) \
    "INSERT INTO plan_reviews (plan_id, client_id, reviewed_id, next_id, reviewed_at, reviewed_by, scale) " \
    "VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", %" \
    G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", " scale ")"
    one_step = g_strdup_printf (REVIEW_SQL ("'Vain|Bara'"), first->plan_id, p.client_id, second->id, v3,
                                g_get_real_time () / G_USEC_PER_SEC, p.sw->id);
    g_assert_true (raw_refuses (raw, one_step));
    two_steps = g_strdup_printf (REVIEW_SQL ("'Ei|Nej' || %s (10) || 'Kyllä|Ja'"), first->plan_id,
                                 p.client_id, second->id, v3, g_get_real_time () / G_USEC_PER_SEC, p.sw->id, chr);
#undef REVIEW_SQL
    raw_run (raw, two_steps);
    r3 = raw_number (raw, "SELECT max (id) FROM plan_reviews");
    above = g_strdup_printf ("INSERT INTO plan_evaluations (review_id, client_id, position, part, subject, rating) "
                             "VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 0, 3, 'Tuettu asuminen', 3)",
                             r3, p.client_id);
    g_assert_true (raw_refuses (raw, above));
    top = g_strdup_printf ("INSERT INTO plan_evaluations (review_id, client_id, position, part, subject, rating) "
                           "VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 0, 3, 'Tuettu asuminen', 2)",
                           r3, p.client_id);
    raw_run (raw, top);
  }
  raw_close (raw);
  people_clear (&p);
}

#define ENTRY(entries, i) ((KhTimelineEntry *) g_ptr_array_index ((entries), (i)))

static KhTimelineEntry *
find_entry (GPtrArray      *entries,
            KhTimelineKind  kind)
{
  for (guint i = 0; i < entries->len; i++)
    if (ENTRY (entries, i)->kind == kind)
      return ENTRY (entries, i);
  return NULL;
}

/* Issue 9, 5: the review date and an overdue action on the timeline and
 * the caseload. */
static void
test_caseload_and_timeline (Fixture       *f,
                            gconstpointer  data)
{
  People p = { 0 };
  g_autoptr(KhClientPlan) plan = NULL;
  g_autoptr(KhClientPlan) stored = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *review = NULL;
  g_autofree char *due = NULL;
  KhCaseloadCounts counts = { 0 };
  KhWorkListQuery query = { 0 };
  KhTimelineEntry *e;
  KhCase *kcase = NULL;
  gint64 timeline_reads;

  people_set_up (f, &p);

  /* No plan: nothing of one on the caseload. */
  cases = kh_db_list_caseload (fixture_db (f, p.sw), p.sw, KH_CASELOAD_MINE, &query, NULL, &counts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cases->len, ==, 1);
  g_assert_null (((KhCase *) g_ptr_array_index (cases, 0))->plan_review_on);
  g_clear_pointer (&cases, g_ptr_array_unref);

  plan = test_plan (&p);
  /* Made three weeks ago: the worker's action was due a week ago. */
  day_from_now (&plan->made_on, -21);
  day_from_now (&plan->review_on, 60);
  day_from_now (&ACTION (GOAL (plan, 1), 1)->due, -7);
  /* Done late: not overdue. */
  day_from_now (&ACTION (GOAL (plan, 0), 0)->due, -3);
  ACTION (GOAL (plan, 0), 0)->status = KH_ACTION_DONE;
  stored = save (f, p.sw, plan);
  review = kh_network_format_day (&plan->review_on);
  due = kh_network_format_day (&ACTION (GOAL (plan, 1), 1)->due);

  entries = kh_db_list_client_timeline (fixture_db (f, p.cou), p.cou, p.client_id, 0, &error);
  g_assert_no_error (error);
  e = find_entry (entries, KH_TIMELINE_PLAN);
  g_assert_nonnull (e);
  g_assert_cmpint (e->id, ==, stored->id);
  g_assert_cmpint (e->case_id, ==, p.case_id);
  g_assert_cmpint (e->n1, ==, 1);
  g_assert_cmpstr (e->day, ==, review);
  g_assert_cmpstr (e->who, ==, "Sari Sosiaalityöntekijä");
  e = find_entry (entries, KH_TIMELINE_PLAN_REVIEW);
  g_assert_nonnull (e);
  g_assert_cmpstr (e->day, ==, review);
  g_assert_false (e->flag);
  /* The review is ahead: the newest entry. */
  g_assert_true (ENTRY (entries, 0) == e);
  e = find_entry (entries, KH_TIMELINE_PLAN_ACTION);
  g_assert_nonnull (e);
  g_assert_cmpstr (e->text, ==, "Tekee täydentävän toimeentulotuen päätöksen");
  g_assert_cmpint (e->n1, ==, KH_ACTOR_WORKER);
  g_assert_cmpstr (e->day, ==, due);
  {
    guint overdue = 0;

    for (guint i = 0; i < entries->len; i++)
      overdue += ENTRY (entries, i)->kind == KH_TIMELINE_PLAN_ACTION;
    g_assert_cmpuint (overdue, ==, 1);
  }
  /* The timeline's read is the timeline's. */
  timeline_reads = count (f, "SELECT count(*) FROM access_log WHERE what = 12");
  g_assert_cmpint (timeline_reads, ==, 1);
  g_assert_cmpint (plan_reads (f, p.client_id), ==, 0);

  cases = kh_db_list_caseload (fixture_db (f, p.sw), p.sw, KH_CASELOAD_MINE, &query, NULL, &counts, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < cases->len; i++)
    if (((KhCase *) g_ptr_array_index (cases, i))->id == p.case_id)
      kcase = g_ptr_array_index (cases, i);
  g_assert_nonnull (kcase);
  g_assert_cmpstr (kcase->plan_review_on, ==, review);
  g_assert_cmpint (kcase->plan_overdue_actions, ==, 1);
  people_clear (&p);
}

/* ---- the store's calls, off the caller's thread ---- */

static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  People p = { 0 };
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(KhStore) store = NULL;
  g_autoptr(KhUser) me = NULL;
  g_autoptr(KhClientPlan) plan = NULL;
  g_autoptr(KhClientPlan) stored = NULL;
  g_autoptr(KhClientPlan) read = NULL;
  g_autoptr(KhClientPlan) next = NULL;
  g_autoptr(KhClientPlan) second = NULL;
  g_autoptr(KhPlanScale) scale = kh_plan_scale_new_default ();
  g_autoptr(GPtrArray) evaluations = g_ptr_array_new_with_free_func ((GDestroyNotify) kh_plan_evaluation_free);
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GPtrArray) stored_evaluations = NULL;
  g_autoptr(KhPlanReview) with_review = NULL;
  g_autoptr(GError) error = NULL;
  Waiter w = { loop, NULL };

  people_set_up (f, &p);
  store = open_desk (f, &w, &me);

  plan = test_plan (&p);
  kh_store_save_client_plan_async (store, plan, NULL, done_cb, &w);
  stored = kh_store_save_client_plan_finish (store, wait_for (&w), &error);
  g_assert_no_error (error);
  g_assert_cmpint (stored->version, ==, 1);

  kh_store_read_client_plan_async (store, p.client_id, stored->id, NULL, done_cb, &w);
  read = kh_store_read_client_plan_finish (store, wait_for (&w), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (read->goals->len, ==, 3);

  next = kh_client_plan_copy (read);
  GOAL (next, 1)->status = KH_GOAL_ACHIEVED;
  for (guint i = 0; i < read->goals->len; i++)
    g_ptr_array_add (evaluations, kh_plan_evaluation_new (KH_EVALUATED_GOAL, GOAL (read, i)->id, NULL, 3, NULL));
  kh_store_review_client_plan_async (store, read, evaluations, scale, next, NULL, done_cb, &w);
  second = kh_store_review_client_plan_finish (store, wait_for (&w), &error);
  g_assert_no_error (error);
  g_assert_cmpint (second->version, ==, 2);

  kh_store_list_client_plans_async (store, p.client_id, NULL, done_cb, &w);
  versions = kh_store_list_client_plans_finish (store, wait_for (&w), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 2);

  kh_store_list_plan_evaluations_async (store, p.client_id, second->id, NULL, done_cb, &w);
  stored_evaluations = kh_store_list_plan_evaluations_finish (store, wait_for (&w), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored_evaluations->len, ==, 3);
  g_assert_cmpint (plan_reads (f, p.client_id), ==, 3);

  kh_store_read_plan_with_review_async (store, p.client_id, second->id, NULL, done_cb, &w);
  with_review = kh_store_read_plan_with_review_finish (store, wait_for (&w), &error);
  g_assert_no_error (error);
  g_assert_cmpint (with_review->plan->version, ==, 2);
  g_assert_cmpuint (with_review->evaluations->len, ==, 3);
  g_assert_cmpint (with_review->scale->steps, ==, 5);
  g_assert_cmpint (plan_reads (f, p.client_id), ==, 4);

  g_clear_object (&w.result);
  g_clear_object (&store);
  people_clear (&p);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  if (store_test_runs_here (path)) \
    g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/plans/round-trip", test_round_trip);
  ADD ("/store/plans/refused", test_refused);
  ADD ("/store/plans/append-only", test_append_only);
  ADD ("/store/plans/review", test_review);
  ADD ("/store/plans/review-scale", test_review_scale);
  ADD ("/store/plans/caseload-and-timeline", test_caseload_and_timeline);
  ADD ("/store/plans/async", test_async);

  return g_test_run ();
}
