/* kh-db-plans.c — the client plan (SHL 39 §), its versions and reviews
 * (issue 9, 3–5)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Append-only on both engines (data/sql/0035-client-plans.sql,
 * data/sql/pg/0031-client-plans.sql): a plan's first version is made from
 * a finished assessment; every later one by a review, which evaluates the
 * version before it with the client. A version is written row by row (its
 * texts, goals, actions, partners, factors) and then accepted, in one
 * transaction; the acceptance's triggers restate what
 * kh_client_plan_check asks that rows can show, and nothing joins an
 * accepted version. Only accepted versions are read.
 *
 * A goal (an action) has one identity across versions: its first row's id
 * (the later rows name it as origin_id), which is the id a KhPlanGoal
 * carries, so that kh_client_plan_compare matches goals by it.
 *
 * Before writing, the store cleans the texts and runs
 * kh_client_plan_check itself (a joint plan's consents are read from the
 * person's network, a read logged as the network's); a review's ratings
 * are checked against the unit's scale (kh_plan_review_complete).
 *
 * Who: social counsellors, social workers and the lead social worker, as
 * for assessments; never reception or the administrator role (the server
 * refuses them too). Every read of a plan is logged once as
 * KH_ACCESS_CLIENT_PLAN in the reading's transaction: on SQLite by
 * _kh_db_log_access, on a server by kohtaamo.log_plan_access(), which
 * checks the role and writes the row that row-level security then asks
 * for. Writes differ by engine as kh-db-assessments.c's do (WriteSql): on
 * a server each is a function taking the SQLite statement's parameters.
 */
#define G_LOG_DOMAIN "kohtaamo-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/kh-plan-settings.h"
#include "core/kh-text.h"
#include "store/kh-db-private.h"

typedef struct {
  const char *lite;
  const char *server;
} WriteSql;

static gboolean
check_user (KhDb     *db,
            KhUser   *user,
            GError  **error)
{
  if (!_kh_db_check_role (db, user, KH_ROLE_COUNSELLOR, error))
    return FALSE;
  if (user->role == KH_ROLE_ADMIN)
    {
      g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION,
                           _("Client plans are made and read by social counsellors, social workers and the lead social worker."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
fail (GError     **error,
      int          code,
      const char  *message)
{
  g_set_error_literal (error, KH_STORE_ERROR, code, message);
  return FALSE;
}

static void
today (GDate *out)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_local (_kh_db_now ());

  g_date_clear (out, 1);
  g_date_set_dmy (out, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

/* ---- cleaning and checking ---- */

static void
clean_line (char **text)
{
  char *clean = kh_text_clean (*text);

  g_free (*text);
  *text = clean;
}

static void
clean_note (char **text)
{
  char *clean = kh_text_clean_note (*text);

  g_free (*text);
  *text = clean;
}

/* The plan's texts as kh-client-plan.c lists them. */
#define PLAN_NOTES(X) \
  X (not_taking_part) X (need_client_view) X (need_worker_view) X (services_client_view) \
  X (services_worker_view) X (essential_services) X (strengths) X (environment) \
  X (client_proposal) X (client_part) X (meeting_text) X (expected_duration) X (follow_up) \
  X (disagreement_client) X (disagreement_worker)

static void
clean_plan (KhClientPlan *plan)
{
#define CLEAN(f) clean_note (&plan->f);
  PLAN_NOTES (CLEAN)
#undef CLEAN
  if (plan->client_took_part)
    g_clear_pointer (&plan->not_taking_part, g_free);
  if (plan->meetings != KH_MEETINGS_OTHER)
    g_clear_pointer (&plan->meeting_text, g_free);
  for (guint i = 0; i < plan->goals->len; i++)
    {
      KhPlanGoal *goal = g_ptr_array_index (plan->goals, i);

      clean_note (&goal->text);
      clean_line (&goal->area_key);
      clean_line (&goal->area_label);
      clean_note (&goal->status_reason);
      if (goal->status == KH_GOAL_ACTIVE || goal->status == KH_GOAL_ACHIEVED)
        g_clear_pointer (&goal->status_reason, g_free);
      for (guint j = 0; j < goal->actions->len; j++)
        {
          KhPlanAction *action = g_ptr_array_index (goal->actions, j);

          clean_line (&action->what);
          clean_line (&action->actor_name);
          if (action->actor != KH_ACTOR_NETWORK)
            {
              action->member_id = 0;
              g_clear_pointer (&action->actor_name, g_free);
            }
        }
    }
  for (guint i = 0; i < plan->partners->len; i++)
    {
      KhPlanPartner *partner = g_ptr_array_index (plan->partners, i);

      clean_line (&partner->name);
      clean_note (&partner->responsibility);
    }
  for (guint i = 0; i < plan->factors->len; i++)
    clean_note (&((KhPlanFactor *) g_ptr_array_index (plan->factors, i))->text);
}

/* The one-line texts the core does not bound (kh_client_plan_check bounds
 * the goals' words and the actions' "what"). */
static gboolean
check_short_texts (const KhClientPlan  *plan,
                   GError             **error)
{
  g_autoptr(GError) check_error = NULL;

  for (guint i = 0; i < plan->goals->len; i++)
    {
      KhPlanGoal *goal = g_ptr_array_index (plan->goals, i);

      if (!kh_text_check_field (NULL, goal->area_key, KH_TEXT_LINE, KH_PLAN_SHORT_TEXT_MAX, &check_error)
          || !kh_text_check_field (NULL, goal->area_label, KH_TEXT_LINE, KH_PLAN_SHORT_TEXT_MAX, &check_error))
        break;
      for (guint j = 0; j < goal->actions->len && check_error == NULL; j++)
        kh_text_check_field (NULL, ((KhPlanAction *) g_ptr_array_index (goal->actions, j))->actor_name,
                             KH_TEXT_LINE, KH_PLAN_SHORT_TEXT_MAX, &check_error);
      if (check_error != NULL)
        break;
    }
  for (guint i = 0; i < plan->partners->len && check_error == NULL; i++)
    kh_text_check_field (NULL, ((KhPlanPartner *) g_ptr_array_index (plan->partners, i))->name,
                         KH_TEXT_LINE, KH_PLAN_SHORT_TEXT_MAX, &check_error);
  for (guint i = 0; i < plan->factors->len && check_error == NULL; i++)
    {
      KhPlanFactor *factor = g_ptr_array_index (plan->factors, i);

      if (factor->text == NULL)
        return fail (error, KH_STORE_ERROR_INVALID, _("Describe each factor that helps or hinders."));
      kh_text_check_field (NULL, factor->text, KH_TEXT_NOTE, KH_PLAN_TEXT_MAX, &check_error);
    }
  if (check_error != NULL)
    return fail (error, KH_STORE_ERROR_INVALID, check_error->message);
  return TRUE;
}

/* kh_client_plan_check's consent question, answered from the person's
 * consents as read in the writing transaction. */
static gboolean
consent_from_network (gint64   member_id,
                      gpointer user_data)
{
  GPtrArray *members = user_data;
  GDate day;

  today (&day);
  for (guint i = 0; members != NULL && i < members->len; i++)
    {
      KhNetworkMember *m = g_ptr_array_index (members, i);

      if (m->id == member_id)
        return kh_network_may_share (m->consents, KH_CONSENT_SHARE_PLAN, &day);
    }
  return FALSE;
}

/* A cleaned copy of `plan` that kh_client_plan_check accepts today, or
 * NULL with INVALID (the first problem's message). A joint plan's
 * consents are the person's network's, read (and logged) for the check. */
static KhClientPlan *
checked_copy (KhDb                *db,
              KhUser              *user,
              const KhClientPlan  *plan,
              GError             **error)
{
  g_autoptr(KhClientPlan) copy = kh_client_plan_copy (plan);
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) issues = NULL;
  GDate day;

  clean_plan (copy);
  if (copy->joint && copy->partners->len > 0)
    {
      members = kh_db_list_network (db, user, copy->client_id, FALSE, error);
      if (members == NULL)
        return NULL;
    }
  today (&day);
  issues = kh_client_plan_check (copy, &day, consent_from_network, members);
  if (issues->len > 0)
    {
      fail (error, KH_STORE_ERROR_INVALID, ((KhPlanIssue *) g_ptr_array_index (issues, 0))->message);
      return NULL;
    }
  if (!check_short_texts (copy, error))
    return NULL;
  return g_steal_pointer (&copy);
}

/* ---- writing ---- */

static KhDbStmt *
prepare_write (KhDb            *db,
               const WriteSql  *sql,
               GError         **error)
{
  return _kh_db_prepare (db, kh_db_is_server (db) ? sql->server : sql->lite, error);
}

/* Steps a write that returns one row: its first column (an id), 0 with
 * `error` set (NOT_FOUND with `missing` when no row). */
static gint64
step_id (KhDb        *db,
         KhDbStmt    *stmt,
         const char  *missing,
         GDateTime  **out_time,
         GError     **error)
{
  gint64 id = 0;
  int rc = _kh_db_step (stmt);

  if (rc == KH_DB_ROW && !_kh_db_column_is_null (stmt, 0))
    {
      id = _kh_db_column_int64 (stmt, 0);
      if (out_time != NULL)
        *out_time = _kh_db_column_time (stmt, 1);
    }
  else if (rc == KH_DB_ROW || rc == KH_DB_DONE)
    fail (error, KH_STORE_ERROR_NOT_FOUND, missing);
  else if (_kh_db_is_unique_violation (db, rc))
    fail (error, KH_STORE_ERROR_STALE,
          _("Someone else saved this client plan meanwhile. Open it again to see their version."));
  else
    _kh_db_set_error (db, rc, error);
  _kh_db_reset (stmt);
  return id;
}

/* SQLite's writer and time: the last two parameters, from `first`. */
static void
bind_writer (KhDb     *db,
             KhDbStmt *stmt,
             int       first,
             KhUser   *user)
{
  if (kh_db_is_server (db))
    return;
  _kh_db_bind_int64 (stmt, first, _kh_db_now ());
  _kh_db_bind_int64 (stmt, first + 1, user->id);
}

static void
bind_day (KhDbStmt    *stmt,
          int          index,
          const GDate *day)
{
  g_autofree char *text = g_date_valid (day) ? kh_network_format_day (day) : NULL;

  _kh_db_bind_text (stmt, index, text);
}

/* ?1 assessment, ?2 person, ?3 case; ?4 now, ?5 user (the server takes
 * both). */
static const WriteSql open_sql = {
  "INSERT INTO client_plans (client_id, case_id, assessment_id, created_at, created_by) "
  "SELECT a.client_id, a.case_id, a.id, ?4, ?5 FROM assessments a "
  "WHERE a.id = ?1 AND a.client_id = ?2 AND a.case_id = ?3 "
  "RETURNING id",
  "SELECT kohtaamo.plan_open (?1, ?2, ?3)",
};

/* ?1 plan, ?2 person, ?3 version, ?4 made on, ?5 with the client, ?6–?15
 * the texts of 39 §, ?16 meetings, ?17 their words, ?18 duration, ?19
 * follow-up, ?20 review on, ?21–?22 a disagreement, ?23 joint, ?24 the
 * network version; ?25 now, ?26 user. */
static const WriteSql version_sql = {
  "INSERT INTO plan_versions (plan_id, client_id, version, made_on, client_took_part, not_taking_part, "
  "  need_client_view, need_worker_view, services_client_view, services_worker_view, "
  "  essential_services, strengths, environment, client_proposal, client_part, meetings, "
  "  meeting_text, expected_duration, follow_up, review_on, disagreement_client, "
  "  disagreement_worker, joint, network_version_id, saved_at, saved_by) "
  "SELECT p.id, p.client_id, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, "
  "  ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26 FROM client_plans p WHERE p.id = ?1 AND p.client_id = ?2 "
  "RETURNING id, saved_at",
  "SELECT id, saved_at FROM kohtaamo.plan_version_add (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
  "  ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24)",
};

/* ?1 version, ?2 origin, ?3 position, ?4 text, ?5 area, ?6 its label,
 * ?7 status, ?8 reason. */
static const WriteSql goal_sql = {
  "INSERT INTO plan_goals (version_id, plan_id, client_id, origin_id, position, text, area_key, "
  "  area_label, status, status_reason) "
  "SELECT id, plan_id, client_id, ?2, ?3, ?4, ?5, ?6, ?7, ?8 FROM plan_versions WHERE id = ?1 "
  "RETURNING id",
  "SELECT kohtaamo.plan_goal_add (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
};

/* ?1 the goal's row, ?2 origin, ?3 position, ?4 what, ?5 actor, ?6
 * member, ?7 its name, ?8 due, ?9 status. */
static const WriteSql action_sql = {
  "INSERT INTO plan_actions (goal_id, version_id, client_id, origin_id, position, what, actor, "
  "  member_id, actor_name, due_on, status) "
  "SELECT id, version_id, client_id, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9 FROM plan_goals WHERE id = ?1 "
  "RETURNING id",
  "SELECT kohtaamo.plan_action_add (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
};

/* ?1 version, ?2 position, ?3 member, ?4 name, ?5 responsibility, ?6
 * coordinator. */
static const WriteSql partner_sql = {
  "INSERT INTO plan_partners (version_id, client_id, position, member_id, name, responsibility, "
  "  coordinator) "
  "SELECT id, client_id, ?2, ?3, ?4, ?5, ?6 FROM plan_versions WHERE id = ?1 RETURNING version_id",
  "SELECT kohtaamo.plan_partner_add (?1, ?2, ?3, ?4, ?5, ?6)",
};

/* ?1 version, ?2 position, ?3 effect, ?4 text. */
static const WriteSql factor_sql = {
  "INSERT INTO plan_factors (version_id, client_id, position, effect, text) "
  "SELECT id, client_id, ?2, ?3, ?4 FROM plan_versions WHERE id = ?1 RETURNING version_id",
  "SELECT kohtaamo.plan_factor_add (?1, ?2, ?3, ?4)",
};

/* ?1 the version reviewed, ?2 the next, ?3 the scale rated on
 * (kh_plan_scale_to_setting); ?4 now, ?5 user. */
static const WriteSql review_sql = {
  "INSERT INTO plan_reviews (plan_id, client_id, reviewed_id, next_id, scale, reviewed_at, reviewed_by) "
  "SELECT plan_id, client_id, id, ?2, ?3, ?4, ?5 FROM plan_versions WHERE id = ?1 RETURNING id",
  "SELECT kohtaamo.plan_review_add (?1, ?2, ?3)",
};

/* ?1 review, ?2 position, ?3 part, ?4 goal, ?5 subject, ?6 rating, ?7
 * comment. */
static const WriteSql evaluation_sql = {
  "INSERT INTO plan_evaluations (review_id, client_id, position, part, goal_id, subject, rating, comment) "
  "SELECT id, client_id, ?2, ?3, ?4, ?5, ?6, ?7 FROM plan_reviews WHERE id = ?1 RETURNING review_id",
  "SELECT kohtaamo.plan_evaluation_add (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
};

/* ?1 version; ?2 now, ?3 user. */
static const WriteSql accept_sql = {
  "INSERT INTO plan_acceptances (version_id, client_id, accepted_at, accepted_by) "
  "SELECT id, client_id, ?2, ?3 FROM plan_versions WHERE id = ?1 RETURNING version_id, accepted_at",
  "SELECT version_id, accepted_at FROM kohtaamo.plan_version_accept (?1)",
};

static gboolean
write_row (KhDb            *db,
           const WriteSql  *sql,
           KhDbStmt       **stmt,
           GError         **error)
{
  *stmt = prepare_write (db, sql, error);
  return *stmt != NULL;
}

/* The version's texts, goals, actions, partners and factors, as rows of
 * version `plan->version` of plan `plan->plan_id`; the goals' and
 * actions' ids become their identities. */
static gboolean
write_version (KhDb          *db,
               KhUser        *user,
               KhClientPlan  *plan,
               GError       **error)
{
  g_autoptr(KhDbStmt) stmt = NULL;
  g_autoptr(GDateTime) saved_at = NULL;

  if (!write_row (db, &version_sql, &stmt, error))
    return FALSE;
  _kh_db_bind_int64 (stmt, 1, plan->plan_id);
  _kh_db_bind_int64 (stmt, 2, plan->client_id);
  _kh_db_bind_int (stmt, 3, plan->version);
  bind_day (stmt, 4, &plan->made_on);
  _kh_db_bind_int (stmt, 5, plan->client_took_part ? 1 : 0);
  _kh_db_bind_text (stmt, 6, plan->not_taking_part);
  _kh_db_bind_text (stmt, 7, plan->need_client_view);
  _kh_db_bind_text (stmt, 8, plan->need_worker_view);
  _kh_db_bind_text (stmt, 9, plan->services_client_view);
  _kh_db_bind_text (stmt, 10, plan->services_worker_view);
  _kh_db_bind_text (stmt, 11, plan->essential_services);
  _kh_db_bind_text (stmt, 12, plan->strengths);
  _kh_db_bind_text (stmt, 13, plan->environment);
  _kh_db_bind_text (stmt, 14, plan->client_proposal);
  _kh_db_bind_text (stmt, 15, plan->client_part);
  _kh_db_bind_int (stmt, 16, plan->meetings);
  _kh_db_bind_text (stmt, 17, plan->meeting_text);
  _kh_db_bind_text (stmt, 18, plan->expected_duration);
  _kh_db_bind_text (stmt, 19, plan->follow_up);
  bind_day (stmt, 20, &plan->review_on);
  _kh_db_bind_text (stmt, 21, plan->disagreement_client);
  _kh_db_bind_text (stmt, 22, plan->disagreement_worker);
  _kh_db_bind_int (stmt, 23, plan->joint ? 1 : 0);
  _kh_db_bind_id (stmt, 24, plan->network_version_id);
  bind_writer (db, stmt, 25, user);
  plan->id = step_id (db, stmt, _("The client plan was not found."), &saved_at, error);
  g_clear_pointer (&stmt, _kh_db_stmt_release);
  if (plan->id == 0)
    return FALSE;

  for (guint i = 0; i < plan->goals->len; i++)
    {
      KhPlanGoal *goal = g_ptr_array_index (plan->goals, i);
      gint64 row;

      if (!write_row (db, &goal_sql, &stmt, error))
        return FALSE;
      _kh_db_bind_int64 (stmt, 1, plan->id);
      _kh_db_bind_id (stmt, 2, goal->id);
      _kh_db_bind_int (stmt, 3, (int) i);
      _kh_db_bind_text (stmt, 4, goal->text);
      _kh_db_bind_text (stmt, 5, goal->area_key);
      _kh_db_bind_text (stmt, 6, goal->area_label);
      _kh_db_bind_int (stmt, 7, goal->status);
      _kh_db_bind_text (stmt, 8, goal->status_reason);
      row = step_id (db, stmt, _("The client plan was not found."), NULL, error);
      g_clear_pointer (&stmt, _kh_db_stmt_release);
      if (row == 0)
        return FALSE;
      if (goal->id <= 0)
        goal->id = row;

      for (guint j = 0; j < goal->actions->len; j++)
        {
          KhPlanAction *action = g_ptr_array_index (goal->actions, j);
          gint64 action_row;

          if (!write_row (db, &action_sql, &stmt, error))
            return FALSE;
          _kh_db_bind_int64 (stmt, 1, row);
          _kh_db_bind_id (stmt, 2, action->id);
          _kh_db_bind_int (stmt, 3, (int) j);
          _kh_db_bind_text (stmt, 4, action->what);
          _kh_db_bind_int (stmt, 5, action->actor);
          _kh_db_bind_id (stmt, 6, action->actor == KH_ACTOR_NETWORK ? action->member_id : 0);
          _kh_db_bind_text (stmt, 7, action->actor_name);
          bind_day (stmt, 8, &action->due);
          _kh_db_bind_int (stmt, 9, action->status);
          action_row = step_id (db, stmt, _("The client plan was not found."), NULL, error);
          g_clear_pointer (&stmt, _kh_db_stmt_release);
          if (action_row == 0)
            return FALSE;
          if (action->id <= 0)
            action->id = action_row;
        }
    }

  for (guint i = 0; i < plan->partners->len; i++)
    {
      KhPlanPartner *partner = g_ptr_array_index (plan->partners, i);

      if (!write_row (db, &partner_sql, &stmt, error))
        return FALSE;
      _kh_db_bind_int64 (stmt, 1, plan->id);
      _kh_db_bind_int (stmt, 2, (int) i);
      _kh_db_bind_id (stmt, 3, partner->member_id);
      _kh_db_bind_text (stmt, 4, partner->name);
      _kh_db_bind_text (stmt, 5, partner->responsibility);
      _kh_db_bind_int (stmt, 6, partner->coordinator ? 1 : 0);
      if (step_id (db, stmt, _("The client plan was not found."), NULL, error) == 0)
        return FALSE;
      g_clear_pointer (&stmt, _kh_db_stmt_release);
    }

  for (guint i = 0; i < plan->factors->len; i++)
    {
      KhPlanFactor *factor = g_ptr_array_index (plan->factors, i);

      if (!write_row (db, &factor_sql, &stmt, error))
        return FALSE;
      _kh_db_bind_int64 (stmt, 1, plan->id);
      _kh_db_bind_int (stmt, 2, (int) i);
      _kh_db_bind_int (stmt, 3, factor->effect);
      _kh_db_bind_text (stmt, 4, factor->text);
      if (step_id (db, stmt, _("The client plan was not found."), NULL, error) == 0)
        return FALSE;
      g_clear_pointer (&stmt, _kh_db_stmt_release);
    }
  return TRUE;
}

static gboolean
accept_version (KhDb          *db,
                KhUser        *user,
                KhClientPlan  *plan,
                GError       **error)
{
  g_autoptr(KhDbStmt) stmt = prepare_write (db, &accept_sql, error);

  if (stmt == NULL)
    return FALSE;
  _kh_db_bind_int64 (stmt, 1, plan->id);
  bind_writer (db, stmt, 2, user);
  return step_id (db, stmt, _("The client plan was not found."), NULL, error) != 0;
}

/* Issue 9, 2: each version of the plan keeps the client's map as it
 * stood, a dated version of the network taken in the same transaction,
 * unless the caller took one for it (`kept`: the version the plan had
 * before, which is not this one's). */
static gboolean
take_map (KhDb          *db,
          KhUser        *user,
          KhClientPlan  *plan,
          gint64         kept,
          GError       **error)
{
  g_autoptr(KhNetworkVersion) version = NULL;
  g_autofree char *label = NULL;

  if (plan->network_version_id > 0 && plan->network_version_id != kept)
    return TRUE;
  /* Translators: the name of the network map's version kept with a version of the client plan */
  label = g_strdup_printf (_("Client plan, version %d"), plan->version);
  version = kh_db_take_network_version (db, user, plan->client_id, label, error);
  if (version == NULL)
    return FALSE;
  plan->network_version_id = version->id;
  return TRUE;
}

/**
 * kh_db_save_client_plan:
 * @plan: a new plan: its person, case and finished assessment, and its
 *   content (version, plan_id and the ids of its goals and actions are
 *   ignored: it is the plan's first version)
 *
 * Makes the case's client plan from its finished assessment: version 1,
 * accepted. The plan's later versions are made by reviews
 * (kh_db_review_client_plan).
 *
 * Returns: (transfer full): the plan as stored (cleaned texts; its
 *   plan_id, id, version 1, and the goals' and actions' ids), or NULL
 *   with @error set: PERMISSION, INVALID (kh_client_plan_check's first
 *   problem; not a finished assessment of the case; the case already has
 *   a plan), NOT_FOUND.
 */
KhClientPlan *
kh_db_save_client_plan (KhDb                *db,
                        KhUser              *user,
                        const KhClientPlan  *plan,
                        GError             **error)
{
  g_autoptr(KhClientPlan) copy = NULL;
  GError *local_error = NULL;
  gboolean own;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (KH_IS_USER (user), NULL);
  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_user (db, user, error))
    return NULL;
  if (!_kh_db_tx_begin (db, &own, error))
    return NULL;
  copy = checked_copy (db, user, plan, &local_error);
  if (copy != NULL)
    {
      g_autoptr(KhDbStmt) stmt = prepare_write (db, &open_sql, &local_error);

      copy->version = 1;
      copy->id = 0;
      for (guint i = 0; i < copy->goals->len; i++)
        {
          KhPlanGoal *goal = g_ptr_array_index (copy->goals, i);

          goal->id = 0;
          for (guint j = 0; j < goal->actions->len; j++)
            ((KhPlanAction *) g_ptr_array_index (goal->actions, j))->id = 0;
        }
      if (stmt != NULL)
        {
          int rc;

          _kh_db_bind_int64 (stmt, 1, copy->assessment_id);
          _kh_db_bind_int64 (stmt, 2, copy->client_id);
          _kh_db_bind_int64 (stmt, 3, copy->case_id);
          bind_writer (db, stmt, 4, user);
          rc = _kh_db_step (stmt);
          if (rc == KH_DB_ROW && !_kh_db_column_is_null (stmt, 0))
            copy->plan_id = _kh_db_column_int64 (stmt, 0);
          else if (rc == KH_DB_ROW || rc == KH_DB_DONE)
            fail (&local_error, KH_STORE_ERROR_NOT_FOUND, _("The assessment was not found."));
          else if (_kh_db_is_unique_violation (db, rc))
            fail (&local_error, KH_STORE_ERROR_INVALID,
                  _("The case already has a client plan: review it to make its next version."));
          else
            _kh_db_set_error (db, rc, &local_error);
          _kh_db_reset (stmt);
        }
      if (local_error == NULL && take_map (db, user, copy, 0, &local_error)
          && write_version (db, user, copy, &local_error))
        accept_version (db, user, copy, &local_error);
    }
  if (!_kh_db_tx_finish (db, own, local_error, error))
    return NULL;
  return g_steal_pointer (&copy);
}

/**
 * kh_db_review_client_plan:
 * @reviewed: the version reviewed, as read (kh_db_read_client_plan)
 * @evaluations: (element-type KhPlanEvaluation): the review's evaluations
 * @scale: the unit's scale, kept with the review (kh_db_read_plan_review)
 * @next: the next version's content, its goals and actions kept from
 *   @reviewed carrying their ids (0: new)
 *
 * Records the review and the plan's next version, accepted, together.
 *
 * Returns: (transfer full): the next version as stored, or NULL with
 *   @error set: PERMISSION, INVALID (kh_client_plan_check; an active
 *   goal not rated on @scale, a rating off it), STALE (the plan has a
 *   newer version than @reviewed), NOT_FOUND.
 */
KhClientPlan *
kh_db_review_client_plan (KhDb                *db,
                          KhUser              *user,
                          const KhClientPlan  *reviewed,
                          GPtrArray           *evaluations,
                          const KhPlanScale   *scale,
                          const KhClientPlan  *next,
                          GError             **error)
{
  g_autoptr(KhClientPlan) copy = NULL;
  g_autofree char *scale_text = NULL;
  GError *local_error = NULL;
  gboolean own;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (KH_IS_USER (user), NULL);
  g_return_val_if_fail (reviewed != NULL && next != NULL && evaluations != NULL && scale != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_user (db, user, error))
    return NULL;
  if (reviewed->id <= 0 || reviewed->plan_id <= 0 || reviewed->version < 1)
    {
      fail (error, KH_STORE_ERROR_NOT_FOUND, _("The client plan was not found."));
      return NULL;
    }
  /* The review keeps its scale, checked as the unit's setting is. */
  {
    g_autofree char *given = kh_plan_scale_to_setting (scale);
    g_autoptr(GError) scale_error = NULL;

    scale_text = kh_plan_setting_clean (KH_SETTING_PLAN_SCALE, given, &scale_error);
    if (scale_text == NULL || *scale_text == '\0')
      {
        fail (error, KH_STORE_ERROR_INVALID,
              scale_error != NULL ? scale_error->message : _("An evaluation is not on the unit’s scale."));
        return NULL;
      }
  }
  if (!kh_plan_review_complete (reviewed, evaluations, scale, NULL))
    {
      fail (error, KH_STORE_ERROR_INVALID, _("Rate every goal being worked on with the client."));
      return NULL;
    }
  for (guint i = 0; i < evaluations->len; i++)
    {
      KhPlanEvaluation *e = g_ptr_array_index (evaluations, i);
      g_autoptr(GError) check_error = NULL;

      if (e->rating < 0 || e->rating > scale->steps
          || (e->part == KH_EVALUATED_GOAL) != (e->goal_id > 0)
          || (e->part != KH_EVALUATED_GOAL && kh_text_clean (e->subject) == NULL)
          || e->part < KH_EVALUATED_GOAL || e->part > KH_EVALUATED_METHOD)
        {
          fail (error, KH_STORE_ERROR_INVALID, _("An evaluation is not on the unit’s scale."));
          return NULL;
        }
      if (!kh_text_check_field (NULL, e->comment, KH_TEXT_NOTE, KH_PLAN_TEXT_MAX, &check_error)
          || !kh_text_check_field (NULL, e->subject, KH_TEXT_LINE, KH_PLAN_SHORT_TEXT_MAX, &check_error))
        {
          fail (error, KH_STORE_ERROR_INVALID, check_error->message);
          return NULL;
        }
    }
  if (!_kh_db_tx_begin (db, &own, error))
    return NULL;
  copy = checked_copy (db, user, next, &local_error);
  if (copy != NULL)
    {
      gint64 review_id = 0;

      copy->client_id = reviewed->client_id;
      copy->case_id = reviewed->case_id;
      copy->assessment_id = reviewed->assessment_id;
      copy->plan_id = reviewed->plan_id;
      copy->version = reviewed->version + 1;
      copy->id = 0;
      if (take_map (db, user, copy, reviewed->network_version_id, &local_error)
          && write_version (db, user, copy, &local_error))
        {
          g_autoptr(KhDbStmt) stmt = prepare_write (db, &review_sql, &local_error);

          if (stmt != NULL)
            {
              _kh_db_bind_int64 (stmt, 1, reviewed->id);
              _kh_db_bind_int64 (stmt, 2, copy->id);
              _kh_db_bind_text (stmt, 3, scale_text);
              bind_writer (db, stmt, 4, user);
              review_id = step_id (db, stmt, _("The client plan was not found."), NULL, &local_error);
            }
        }
      for (guint i = 0; review_id > 0 && i < evaluations->len && local_error == NULL; i++)
        {
          KhPlanEvaluation *e = g_ptr_array_index (evaluations, i);
          g_autoptr(KhDbStmt) stmt = prepare_write (db, &evaluation_sql, &local_error);
          g_autofree char *subject = kh_text_clean (e->subject);
          g_autofree char *comment = kh_text_clean_note (e->comment);

          if (stmt == NULL)
            break;
          _kh_db_bind_int64 (stmt, 1, review_id);
          _kh_db_bind_int (stmt, 2, (int) i);
          _kh_db_bind_int (stmt, 3, e->part);
          _kh_db_bind_id (stmt, 4, e->part == KH_EVALUATED_GOAL ? e->goal_id : 0);
          _kh_db_bind_text (stmt, 5, subject);
          _kh_db_bind_int (stmt, 6, e->rating);
          _kh_db_bind_text (stmt, 7, comment);
          step_id (db, stmt, _("The client plan was not found."), NULL, &local_error);
        }
      if (local_error == NULL)
        accept_version (db, user, copy, &local_error);
    }
  if (!_kh_db_tx_finish (db, own, local_error, error))
    return NULL;
  return g_steal_pointer (&copy);
}

/* ---- reading ---- */

/* The plan's logged reading (_kh_db_read_logged): what 16, on a server
 * through kohtaamo.log_plan_access. */
static GPtrArray *
read_plans (KhDb          *db,
            KhUser        *user,
            gint64         client_id,
            const char    *sql,
            gint64         param,
            KhDbRowFunc    from_row,
            GDestroyNotify free_row,
            KhDbRowsThen   then,
            gpointer       then_data,
            GError       **error)
{
  return _kh_db_read_logged (db, user, client_id, KH_ACCESS_CLIENT_PLAN,
                             "SELECT kohtaamo.log_plan_access (CAST (?1 AS bigint))",
                             sql, param, from_row, free_row, then, then_data, error);
}

static void
column_day (KhDbStmt *stmt,
            int       column,
            GDate    *out)
{
  g_date_clear (out, 1);
  if (!_kh_db_column_is_null (stmt, column))
    kh_network_parse_day (_kh_db_column_str (stmt, column), out);
}

void
kh_plan_version_info_free (KhPlanVersionInfo *info)
{
  if (info == NULL)
    return;
  g_clear_pointer (&info->accepted_at, g_date_time_unref);
  g_free (info->accepted_by_name);
  g_free (info);
}

static gpointer
info_from_row (KhDbStmt *stmt)
{
  KhPlanVersionInfo *info = g_new0 (KhPlanVersionInfo, 1);

  info->plan_id = _kh_db_column_int64 (stmt, 0);
  info->id = _kh_db_column_int64 (stmt, 1);
  info->case_id = _kh_db_column_int64 (stmt, 2);
  info->assessment_id = _kh_db_column_int64 (stmt, 3);
  info->version = _kh_db_column_int (stmt, 4);
  column_day (stmt, 5, &info->made_on);
  column_day (stmt, 6, &info->review_on);
  info->accepted_at = _kh_db_column_time (stmt, 7);
  info->accepted_by_name = _kh_db_column_text (stmt, 8);
  info->network_version_id = _kh_db_column_int64 (stmt, 9);
  info->reviewed = _kh_db_column_int (stmt, 10) != 0;
  return info;
}

/**
 * kh_db_list_client_plans:
 *
 * Returns: (transfer full) (element-type KhPlanVersionInfo): every
 *   accepted version of the person's plans, newest first; the read is
 *   logged once as KH_ACCESS_CLIENT_PLAN. NULL with @error set:
 *   PERMISSION, NOT_FOUND.
 */
GPtrArray *
kh_db_list_client_plans (KhDb     *db,
                         KhUser   *user,
                         gint64    client_id,
                         GError  **error)
{
  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (KH_IS_USER (user), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_user (db, user, error))
    return NULL;
  return read_plans (db, user, client_id,
                     "SELECT p.id, v.id, p.case_id, p.assessment_id, v.version, v.made_on, v.review_on, "
                     "  a.accepted_at, coalesce (u.display_name, u.account), coalesce (v.network_version_id, 0), "
                     "  CASE WHEN EXISTS (SELECT 1 FROM plan_reviews r WHERE r.next_id = v.id) THEN 1 ELSE 0 END "
                     "FROM plan_versions v "
                     "  JOIN plan_acceptances a ON a.version_id = v.id "
                     "  JOIN client_plans p ON p.id = v.plan_id "
                     "  LEFT JOIN users u ON u.id = a.accepted_by "
                     "WHERE v.client_id = ?1 AND ?2 = ?2 "
                     "ORDER BY a.accepted_at DESC, v.id DESC",
                     0, info_from_row, (GDestroyNotify) kh_plan_version_info_free, NULL, NULL, error);
}

static gpointer
plan_from_row (KhDbStmt *stmt)
{
  KhClientPlan *plan = kh_client_plan_new ();
  int c = 0;

  plan->id = _kh_db_column_int64 (stmt, c++);
  plan->plan_id = _kh_db_column_int64 (stmt, c++);
  plan->client_id = _kh_db_column_int64 (stmt, c++);
  plan->case_id = _kh_db_column_int64 (stmt, c++);
  plan->assessment_id = _kh_db_column_int64 (stmt, c++);
  plan->version = _kh_db_column_int (stmt, c++);
  column_day (stmt, c++, &plan->made_on);
  plan->client_took_part = _kh_db_column_int (stmt, c++) != 0;
#define TEXT(f) plan->f = _kh_db_column_text (stmt, c++);
  TEXT (not_taking_part) TEXT (need_client_view) TEXT (need_worker_view) TEXT (services_client_view)
  TEXT (services_worker_view) TEXT (essential_services) TEXT (strengths) TEXT (environment)
  TEXT (client_proposal) TEXT (client_part)
  plan->meetings = _kh_db_column_int (stmt, c++);
  TEXT (meeting_text) TEXT (expected_duration) TEXT (follow_up)
  column_day (stmt, c++, &plan->review_on);
  TEXT (disagreement_client) TEXT (disagreement_worker)
#undef TEXT
  plan->joint = _kh_db_column_int (stmt, c++) != 0;
  plan->network_version_id = _kh_db_column_int64 (stmt, c++);
  return plan;
}

static gpointer
goal_from_row (KhDbStmt *stmt)
{
  g_autofree char *text = _kh_db_column_text (stmt, 2);
  g_autofree char *key = _kh_db_column_text (stmt, 3);
  g_autofree char *label = _kh_db_column_text (stmt, 4);
  KhPlanGoal *goal = kh_plan_goal_new (text, key, label);

  /* Column 0 is the row (attach_children keeps it). */
  goal->id = _kh_db_column_int64 (stmt, 1);
  goal->status = _kh_db_column_int (stmt, 5);
  goal->status_reason = _kh_db_column_text (stmt, 6);
  return goal;
}

typedef struct
{
  gint64        goal_row;
  KhPlanAction *action;
} ActionRow;

static void
action_row_free (ActionRow *row)
{
  kh_plan_action_free (row->action);
  g_free (row);
}

static gpointer
action_from_row (KhDbStmt *stmt)
{
  ActionRow *row = g_new0 (ActionRow, 1);
  g_autofree char *what = _kh_db_column_text (stmt, 2);
  g_autofree char *name = _kh_db_column_text (stmt, 5);

  row->goal_row = _kh_db_column_int64 (stmt, 0);
  row->action = kh_plan_action_new (what, _kh_db_column_int (stmt, 3), _kh_db_column_int64 (stmt, 4), name);
  row->action->id = _kh_db_column_int64 (stmt, 1);
  column_day (stmt, 6, &row->action->due);
  row->action->status = _kh_db_column_int (stmt, 7);
  return row;
}

static gpointer
partner_from_row (KhDbStmt *stmt)
{
  g_autofree char *name = _kh_db_column_text (stmt, 1);
  g_autofree char *responsibility = _kh_db_column_text (stmt, 2);

  return kh_plan_partner_new (_kh_db_column_int64 (stmt, 0), name, responsibility,
                              _kh_db_column_int (stmt, 3) != 0);
}

static gpointer
factor_from_row (KhDbStmt *stmt)
{
  g_autofree char *text = _kh_db_column_text (stmt, 1);

  return kh_plan_factor_new (_kh_db_column_int (stmt, 0), text);
}

static gboolean
read_children (KhDb          *db,
               const char    *sql,
               gint64         version_id,
               KhDbRowFunc    from_row,
               GPtrArray     *rows,
               GError       **error)
{
  g_autoptr(KhDbStmt) stmt = _kh_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  _kh_db_bind_int64 (stmt, 1, version_id);
  return _kh_db_read_rows (db, stmt, from_row, rows, error);
}

/* After the version's row (?2 the version): its goals with their
 * actions, its partners and its factors, in their order. */
static gboolean
attach_children (KhDb       *db,
                 gint64      client_id,
                 gint64      version_id,
                 GPtrArray  *rows,
                 gpointer    data,
                 GError    **error)
{
  g_autoptr(GArray) goal_rows = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) goals = g_ptr_array_new_with_free_func ((GDestroyNotify) kh_plan_goal_free);
  g_autoptr(GPtrArray) actions = g_ptr_array_new_with_free_func ((GDestroyNotify) action_row_free);
  g_autoptr(KhDbStmt) stmt = NULL;
  KhClientPlan *plan;
  int rc;

  if (rows->len == 0)
    return fail (error, KH_STORE_ERROR_NOT_FOUND, _("The client plan was not found."));
  plan = g_ptr_array_index (rows, 0);

  /* The goals' rows and identities. */
  stmt = _kh_db_prepare (db, "SELECT id, coalesce (origin_id, id), text, area_key, area_label, status, "
                             "  status_reason FROM plan_goals WHERE version_id = ?1 ORDER BY position",
                         error);
  if (stmt == NULL)
    return FALSE;
  _kh_db_bind_int64 (stmt, 1, version_id);
  while ((rc = _kh_db_step (stmt)) == KH_DB_ROW)
    {
      gint64 row = _kh_db_column_int64 (stmt, 0);

      g_array_append_val (goal_rows, row);
      g_ptr_array_add (plan->goals, goal_from_row (stmt));
    }
  if (rc != KH_DB_DONE)
    {
      _kh_db_set_error (db, rc, error);
      return FALSE;
    }
  _kh_db_reset (stmt);

  if (!read_children (db, "SELECT goal_id, coalesce (origin_id, id), what, actor, coalesce (member_id, 0), "
                          "  actor_name, due_on, status FROM plan_actions WHERE version_id = ?1 "
                          "ORDER BY goal_id, position",
                      version_id, action_from_row, actions, error))
    return FALSE;
  for (guint i = 0; i < actions->len; i++)
    {
      ActionRow *row = g_ptr_array_index (actions, i);

      for (guint j = 0; j < goal_rows->len; j++)
        if (g_array_index (goal_rows, gint64, j) == row->goal_row)
          {
            KhPlanGoal *goal = g_ptr_array_index (plan->goals, j);

            g_ptr_array_add (goal->actions, g_steal_pointer (&row->action));
            break;
          }
    }
  return read_children (db, "SELECT coalesce (member_id, 0), name, responsibility, coordinator "
                            "FROM plan_partners WHERE version_id = ?1 ORDER BY position",
                        version_id, partner_from_row, plan->partners, error)
         && read_children (db, "SELECT effect, text FROM plan_factors WHERE version_id = ?1 ORDER BY position",
                           version_id, factor_from_row, plan->factors, error);
}

/* The person's accepted version `version_id`, its row and then `then`
 * (attach_children, or attach_review too), in one logged read. */
static KhClientPlan *
read_version (KhDb          *db,
              KhUser        *user,
              gint64         client_id,
              gint64         version_id,
              KhDbRowsThen   then,
              gpointer       then_data,
              GError       **error)
{
  g_autoptr(GPtrArray) rows = NULL;

  if (!check_user (db, user, error))
    return NULL;
  rows = read_plans (db, user, client_id,
                     "SELECT v.id, v.plan_id, v.client_id, p.case_id, p.assessment_id, v.version, v.made_on, "
                     "  v.client_took_part, v.not_taking_part, v.need_client_view, v.need_worker_view, "
                     "  v.services_client_view, v.services_worker_view, v.essential_services, v.strengths, "
                     "  v.environment, v.client_proposal, v.client_part, v.meetings, v.meeting_text, "
                     "  v.expected_duration, v.follow_up, v.review_on, v.disagreement_client, "
                     "  v.disagreement_worker, v.joint, coalesce (v.network_version_id, 0) "
                     "FROM plan_versions v "
                     "  JOIN plan_acceptances a ON a.version_id = v.id "
                     "  JOIN client_plans p ON p.id = v.plan_id "
                     "WHERE v.client_id = ?1 AND v.id = ?2",
                     version_id, plan_from_row, (GDestroyNotify) kh_client_plan_free, then, then_data, error);
  if (rows == NULL)
    return NULL;
  return g_ptr_array_steal_index (rows, 0);
}

/**
 * kh_db_read_client_plan:
 *
 * Returns: (transfer full): the person's accepted version @version_id
 *   with its goals and their actions (ids: their identities across
 *   versions), partners and factors; logged once as
 *   KH_ACCESS_CLIENT_PLAN. NULL with @error set: PERMISSION, NOT_FOUND
 *   (no such person, or version of theirs).
 */
KhClientPlan *
kh_db_read_client_plan (KhDb     *db,
                        KhUser   *user,
                        gint64    client_id,
                        gint64    version_id,
                        GError  **error)
{
  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (KH_IS_USER (user), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return read_version (db, user, client_id, version_id, attach_children, NULL, error);
}

/* The evaluations of the review that made the person's (?1) version ?2,
 * in their order. */
#define EVALUATIONS_SQL \
  "SELECT e.part, coalesce (e.goal_id, 0), e.subject, e.rating, e.comment " \
  "FROM plan_evaluations e JOIN plan_reviews r ON r.id = e.review_id " \
  "  JOIN plan_acceptances a ON a.version_id = r.next_id " \
  "WHERE e.client_id = ?1 AND r.next_id = ?2 ORDER BY e.position"

static gpointer
evaluation_from_row (KhDbStmt *stmt)
{
  g_autofree char *subject = _kh_db_column_text (stmt, 2);
  g_autofree char *comment = _kh_db_column_text (stmt, 4);

  return kh_plan_evaluation_new (_kh_db_column_int (stmt, 0), _kh_db_column_int64 (stmt, 1), subject,
                                 _kh_db_column_int (stmt, 3), comment);
}

/* After the evaluations (?2 the version): the scale of the review that
 * made the version, in the same logged read. */
static gboolean
read_review_scale (KhDb       *db,
                   gint64      client_id,
                   gint64      version_id,
                   GPtrArray  *rows,
                   gpointer    data,
                   GError    **error)
{
  char **out = data;
  g_autoptr(KhDbStmt) stmt = _kh_db_prepare (db, "SELECT scale FROM plan_reviews "
                                                 "WHERE client_id = ?1 AND next_id = ?2", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  _kh_db_bind_int64 (stmt, 1, client_id);
  _kh_db_bind_int64 (stmt, 2, version_id);
  rc = _kh_db_step (stmt);
  if (rc == KH_DB_ROW)
    *out = _kh_db_column_text (stmt, 0);
  else if (rc != KH_DB_DONE)
    {
      _kh_db_set_error (db, rc, error);
      return FALSE;
    }
  return TRUE;
}

/**
 * kh_db_read_plan_review:
 * @version_id: a version of the person's plan
 * @out_scale: (out) (optional) (nullable): the scale the review was
 *   rated on, as stored with it; %NULL for a first version
 *
 * Returns: (transfer full) (element-type KhPlanEvaluation): the
 *   evaluations of the review that made the person's version
 *   @version_id, in their order (none for a first version); logged once
 *   as KH_ACCESS_CLIENT_PLAN. NULL with @error set: PERMISSION,
 *   NOT_FOUND.
 */
GPtrArray *
kh_db_read_plan_review (KhDb          *db,
                        KhUser        *user,
                        gint64         client_id,
                        gint64         version_id,
                        KhPlanScale  **out_scale,
                        GError       **error)
{
  g_autofree char *scale = NULL;
  GPtrArray *evaluations;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (KH_IS_USER (user), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (out_scale != NULL)
    *out_scale = NULL;
  if (!check_user (db, user, error))
    return NULL;
  evaluations = read_plans (db, user, client_id,
                            EVALUATIONS_SQL,
                            version_id, evaluation_from_row, (GDestroyNotify) kh_plan_evaluation_free,
                            read_review_scale, &scale, error);
  /* As stored: the checks at writing keep it a scale. */
  if (evaluations != NULL && out_scale != NULL && scale != NULL)
    *out_scale = kh_plan_scale_parse (scale, NULL);
  return evaluations;
}

void
kh_plan_review_free (KhPlanReview *review)
{
  if (review == NULL)
    return;
  g_clear_pointer (&review->evaluations, g_ptr_array_unref);
  g_clear_pointer (&review->scale, kh_plan_scale_free);
  g_clear_pointer (&review->plan, kh_client_plan_free);
  g_free (review);
}

/* After the version's row (?2 the version): its children, then the
 * evaluations and the scale of the review that made it. */
static gboolean
attach_review (KhDb       *db,
               gint64      client_id,
               gint64      version_id,
               GPtrArray  *rows,
               gpointer    data,
               GError    **error)
{
  KhPlanReview *review = data;
  g_autoptr(KhDbStmt) stmt = NULL;
  g_autofree char *scale = NULL;

  if (!attach_children (db, client_id, version_id, rows, NULL, error))
    return FALSE;
  stmt = _kh_db_prepare (db, EVALUATIONS_SQL, error);
  if (stmt == NULL)
    return FALSE;
  _kh_db_bind_int64 (stmt, 1, client_id);
  _kh_db_bind_int64 (stmt, 2, version_id);
  if (!_kh_db_read_rows (db, stmt, evaluation_from_row, review->evaluations, error)
      || !read_review_scale (db, client_id, version_id, rows, &scale, error))
    return FALSE;
  /* As stored: the checks at writing keep it a scale. */
  if (scale != NULL)
    review->scale = kh_plan_scale_parse (scale, NULL);
  return TRUE;
}

/**
 * kh_db_read_plan_with_review:
 * @version_id: a version of the person's plan
 *
 * What the plan's letter prints: the version as kh_db_read_client_plan
 * reads it, with the review that made it as kh_db_read_plan_review reads
 * that, in one read logged once as KH_ACCESS_CLIENT_PLAN.
 *
 * Returns: (transfer full): the review with its @plan; no evaluations
 *   and no scale for a first version. NULL with @error set: PERMISSION,
 *   NOT_FOUND.
 */
KhPlanReview *
kh_db_read_plan_with_review (KhDb     *db,
                             KhUser   *user,
                             gint64    client_id,
                             gint64    version_id,
                             GError  **error)
{
  g_autoptr(KhPlanReview) review = g_new0 (KhPlanReview, 1);

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (KH_IS_USER (user), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  review->evaluations = g_ptr_array_new_with_free_func ((GDestroyNotify) kh_plan_evaluation_free);
  review->plan = read_version (db, user, client_id, version_id, attach_review, review, error);
  if (review->plan == NULL)
    return NULL;
  return g_steal_pointer (&review);
}

/**
 * kh_db_list_plan_evaluations:
 * @version_id: a version made by a review
 *
 * Returns: (transfer full) (element-type KhPlanEvaluation): the
 *   evaluations of the review that made the person's version
 *   @version_id, in their order (none for a first version); logged once
 *   as KH_ACCESS_CLIENT_PLAN. NULL with @error set: PERMISSION,
 *   NOT_FOUND.
 */
GPtrArray *
kh_db_list_plan_evaluations (KhDb     *db,
                             KhUser   *user,
                             gint64    client_id,
                             gint64    version_id,
                             GError  **error)
{
  return kh_db_read_plan_review (db, user, client_id, version_id, NULL, error);
}
