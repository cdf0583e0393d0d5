/* kh-db-caseload.c — a worker's caseload: my cases, my team's queue, taking
 * and assigning a case
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 7, 1 (data/sql/0024-caseload.sql, data/sql/pg/0016-caseload.sql).
 *
 * Order. The caseload is read a page at a time (the view scrolls through
 * thousands), so its order is in SQL; it is kh_case_due_compare's order
 * (src/core/kh-caseload.c), which for open cases comes down to: urgent
 * first (those with a date before those without), then by the next
 * statutory date — overdue, today, this week and later are ranges of that
 * date — then the case pending longest, then the id. The next date is the
 * 36 § start while no assessment has started and the law sets one, else
 * the 45 § date. tests/store/test-caseload.c checks the pages against the
 * core's sort, so that the two cannot drift apart.
 *
 * Assigning. The rules are the core's (kh_case_assign_check); the update
 * is conditional on the holder the caller saw, so that two desks taking
 * the same case cannot both have it: the second is told who has it.
 */
#define G_LOG_DOMAIN "kohtaamo-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/kh-caseload.h"
#include "core/kh-text.h"
#include "store/kh-db-private.h"

/* The next statutory date, as kh_case_due takes it (SQLite): the
 * expressions of the indexes cases_mine_order and cases_team_order
 * (data/sql/0028-caseload-order.sql), so that they give the order and the
 * counts without reading every case of the list. */
#define NEXT_DATE \
  "(CASE WHEN cs.assessment_started = 0 AND cs.assessment_deadline IS NOT NULL " \
  "      THEN cs.assessment_deadline ELSE cs.implementation_deadline END)"
#define CASELOAD_ORDER \
  "ORDER BY cs.urgent DESC, " NEXT_DATE " IS NULL, " NEXT_DATE ", cs.opened_at, cs.id "

/* Where the case's assessment is (a draft, finished, or 0: none), for the
 * row's Start, Continue or Open Assessment (the caseload is read only by
 * those who work with assessments, check_case_worker). On a server the
 * function of pg/0017 says that much and no more. */
#define ASSESSMENT_STATUS \
  "coalesce ((SELECT min (a.status) FROM assessments a WHERE a.case_id = cs.id), 0)"
#define ASSESSMENT_STATUS_ON_SERVER \
  "coalesce (kohtaamo.case_assessment_status (cs.id), 0)"

/* The case's client plan (issue 9, 5): its review date and how many of
 * its actions are overdue, no more (data/sql/0035-client-plans.sql; on a
 * server its function case_plan_status). */
#define PLAN_STATUS \
  "(SELECT p.review_on FROM case_plan_status p WHERE p.case_id = cs.id), " \
  "coalesce ((SELECT p.overdue FROM case_plan_status p WHERE p.case_id = cs.id), 0)"
#define PLAN_STATUS_ON_SERVER \
  "(kohtaamo.case_plan_status (cs.id)).review_on, " \
  "coalesce ((kohtaamo.case_plan_status (cs.id)).overdue, 0)"

/* The list's cases, one index each: ?1 the user (my cases) or the team
 * (its queue); a queue of every team (a caller in none, ?1 0) is sorted. */
static const char *
scope_where (KhCaseloadScope scope,
             gint64          team)
{
  if (scope == KH_CASELOAD_MINE)
    return "cs.assigned_to = ?1 AND cs.status = 2 ";
  return team != 0 ? "cs.status = 1 AND cs.team_id = ?1 " : "cs.status = 1 AND ?1 = 0 ";
}

static KhCase *
caseload_row (KhDbStmt *stmt)
{
  KhCase *kcase = _kh_db_case_from_full_row (stmt);

  kcase->assessment_started = _kh_db_column_int (stmt, 17) != 0;
  kcase->assessment_status = _kh_db_column_int (stmt, 18);
  kcase->plan_review_on = _kh_db_column_text (stmt, 19);
  kcase->plan_overdue_actions = _kh_db_column_int (stmt, 20);
  return kcase;
}

static gboolean
check_case_worker (KhDb     *db,
                   KhUser   *user,
                   GError  **error)
{
  if (!_kh_db_check_role (db, user, KH_ROLE_RECEPTION, error))
    return FALSE;
  if (!kh_role_works_cases (user->role))
    {
      g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION,
                           kh_assign_check_message (KH_ASSIGN_NOT_A_CASE_WORKER));
      return FALSE;
    }
  return TRUE;
}

/* The user's team now (the object may be older). */
static gint64
current_team (KhDb     *db,
              gint64    user_id,
              GError  **error)
{
  g_autoptr(KhDbStmt) stmt = _kh_db_prepare (db, "SELECT team_id FROM users WHERE id = ?1", error);
  gint64 team = 0;
  int rc;

  if (stmt == NULL)
    return -1;
  _kh_db_bind_int64 (stmt, 1, user_id);
  rc = _kh_db_step (stmt);
  if (rc == KH_DB_ROW)
    team = _kh_db_column_int64 (stmt, 0);
  else if (rc != KH_DB_DONE)
    {
      _kh_db_set_error (db, rc, error);
      team = -1;
    }
  _kh_db_reset (stmt);
  return team;
}

static void
today_iso (const char *today,
           char        out[11])
{
  GDate day;

  if (today != NULL && kh_date_from_iso (today, &day))
    g_strlcpy (out, today, 11);
  else
    {
      g_date_clear (&day, 1);
      g_date_set_time_t (&day, time (NULL));
      g_snprintf (out, 11, "%04d-%02d-%02d", g_date_get_year (&day), g_date_get_month (&day),
                  g_date_get_day (&day));
    }
}

/* On a server: kohtaamo.caseload chooses the page and logs its people
 * (once per showing), and says which cases' assessments have started. */
static void
list_on_server (KhDb                  *db,
                KhUser                *user,
                KhCaseloadScope        scope,
                const KhWorkListQuery *query,
                guint                  limit,
                const char            *today,
                GPtrArray             *cases,
                KhCaseloadCounts      *counts,
                GError               **error)
{
  g_autofree char *shown = _kh_db_shown_literal (db, user, query->showing);
  g_autoptr(KhDbStmt) stmt = NULL;
  g_autoptr(GString) ids = g_string_new ("{");
  g_autoptr(GString) started = g_string_new ("{");
  GError *local_error = NULL;
  int rc;

  stmt = _kh_db_prepare (db,
                         "SELECT case_id, started FROM kohtaamo.caseload (CAST (?1 AS integer), "
                         "CAST (?2 AS bigint), CAST (?3 AS integer), CAST (?4 AS integer), "
                         "CAST (?5 AS bigint[]))",
                         &local_error);
  if (stmt != NULL)
    {
      _kh_db_bind_int (stmt, 1, scope);
      _kh_db_bind_int64 (stmt, 2, query->team_id);
      _kh_db_bind_int64 (stmt, 3, limit);
      _kh_db_bind_int64 (stmt, 4, query->offset);
      _kh_db_bind_text (stmt, 5, shown);
      while ((rc = _kh_db_step (stmt)) == KH_DB_ROW)
        {
          g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, ids->len > 1 ? "," : "",
                                  _kh_db_column_int64 (stmt, 0));
          g_string_append_printf (started, "%s%d", started->len > 1 ? "," : "",
                                  _kh_db_column_int (stmt, 1));
        }
      if (rc != KH_DB_DONE)
        _kh_db_set_error (db, rc, &local_error);
      _kh_db_reset (stmt);
      g_clear_pointer (&stmt, _kh_db_stmt_release);
    }
  g_string_append_c (ids, '}');
  g_string_append_c (started, '}');
  if (local_error == NULL)
    stmt = _kh_db_prepare (db,
                           KH_DB_CASE_COLUMNS ", o.started, " ASSESSMENT_STATUS_ON_SERVER ", "
                           PLAN_STATUS_ON_SERVER " " KH_DB_CASE_FROM
                           "JOIN unnest (CAST (?1 AS bigint[]), CAST (?2 AS integer[])) "
                           "  WITH ORDINALITY AS o (id, started, n) ON o.id = cs.id ORDER BY o.n",
                           &local_error);
  if (stmt != NULL)
    {
      _kh_db_bind_text (stmt, 1, ids->str);
      _kh_db_bind_text (stmt, 2, started->str);
      _kh_db_read_rows (db, stmt, (KhDbRowFunc) caseload_row, cases, &local_error);
      g_clear_pointer (&stmt, _kh_db_stmt_release);
    }
  if (local_error == NULL)
    stmt = _kh_db_prepare (db,
                           "SELECT total, urgent, overdue FROM kohtaamo.caseload_counts "
                           "(CAST (?1 AS integer), CAST (?2 AS bigint), ?3)",
                           &local_error);
  if (stmt != NULL)
    {
      _kh_db_bind_int (stmt, 1, scope);
      _kh_db_bind_int64 (stmt, 2, query->team_id);
      _kh_db_bind_text (stmt, 3, today);
      rc = _kh_db_step (stmt);
      if (rc == KH_DB_ROW)
        {
          counts->total = (guint) CLAMP (_kh_db_column_int64 (stmt, 0), 0, G_MAXUINT);
          counts->urgent = (guint) CLAMP (_kh_db_column_int64 (stmt, 1), 0, G_MAXUINT);
          counts->overdue = (guint) CLAMP (_kh_db_column_int64 (stmt, 2), 0, G_MAXUINT);
        }
      else
        _kh_db_set_error (db, rc, &local_error);
      _kh_db_reset (stmt);
    }
  if (local_error != NULL)
    g_propagate_error (error, local_error);
}

static void
list_on_file (KhDb                  *db,
              KhUser                *user,
              KhCaseloadScope        scope,
              const KhWorkListQuery *query,
              gint64                 team,
              guint                  limit,
              const char            *today,
              GPtrArray             *cases,
              KhCaseloadCounts      *counts,
              GError               **error)
{
  g_autoptr(KhDbStmt) stmt = NULL;
  g_autofree char *page_sql = NULL;
  g_autofree char *counts_sql = NULL;
  const char *where = scope_where (scope, team);
  gint64 key = scope == KH_CASELOAD_MINE ? user->id : team;
  GError *local_error = NULL;
  int rc;

  page_sql = g_strconcat (KH_DB_CASE_COLUMNS ", cs.assessment_started, " ASSESSMENT_STATUS ", " PLAN_STATUS " "
                          KH_DB_CASE_FROM "WHERE ", where, CASELOAD_ORDER "LIMIT ?2 OFFSET ?3",
                          NULL);
  stmt = _kh_db_prepare (db, page_sql, &local_error);
  if (stmt != NULL)
    {
      _kh_db_bind_int64 (stmt, 1, key);
      _kh_db_bind_int64 (stmt, 2, limit);
      _kh_db_bind_int64 (stmt, 3, query->offset);
      _kh_db_read_rows (db, stmt, (KhDbRowFunc) caseload_row, cases, &local_error);
      g_clear_pointer (&stmt, _kh_db_stmt_release);
    }
  /* Each count a range of the index; a next date is never NULL (45 §
   * always has one), but the order's term is the index's. */
  counts_sql = g_strconcat ("SELECT (SELECT count (*) FROM cases cs WHERE ", where, "), "
                            "  (SELECT count (*) FROM cases cs WHERE ", where, "AND cs.urgent = 1), "
                            "  (SELECT count (*) FROM cases cs WHERE ", where, "AND cs.urgent = 0 "
                            "     AND (" NEXT_DATE " IS NULL) = 0 AND " NEXT_DATE " < ?2)",
                            NULL);
  if (local_error == NULL)
    stmt = _kh_db_prepare (db, counts_sql, &local_error);
  if (stmt != NULL)
    {
      _kh_db_bind_int64 (stmt, 1, key);
      _kh_db_bind_text (stmt, 2, today);
      rc = _kh_db_step (stmt);
      if (rc == KH_DB_ROW)
        {
          counts->total = (guint) CLAMP (_kh_db_column_int64 (stmt, 0), 0, G_MAXUINT);
          counts->urgent = (guint) CLAMP (_kh_db_column_int64 (stmt, 1), 0, G_MAXUINT);
          counts->overdue = (guint) CLAMP (_kh_db_column_int64 (stmt, 2), 0, G_MAXUINT);
        }
      else
        _kh_db_set_error (db, rc, &local_error);
      _kh_db_reset (stmt);
    }
  if (local_error != NULL)
    g_propagate_error (error, local_error);
}

/**
 * kh_db_list_caseload:
 *
 * See kh-db.h.
 *
 * Returns: (transfer full) (element-type KhCase):
 */
GPtrArray *
kh_db_list_caseload (KhDb                  *db,
                     KhUser                *user,
                     KhCaseloadScope        scope,
                     const KhWorkListQuery *query,
                     const char            *today,
                     KhCaseloadCounts      *out_counts,
                     GError               **error)
{
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) logged = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  KhCaseloadCounts counts = { 0, 0, 0 };
  GError *local_error = NULL;
  char day[11];
  guint limit;
  gboolean own;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (KH_IS_USER (user), NULL);
  g_return_val_if_fail (scope == KH_CASELOAD_MINE || scope == KH_CASELOAD_TEAM_QUEUE, NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_case_worker (db, user, error))
    return NULL;
  limit = query->limit != 0 ? MIN (query->limit, 1000) : KH_DB_CASELOAD_LIMIT;
  today_iso (today, day);

  if (!_kh_db_read_begin (db, &own, error))
    return NULL;
  if (kh_db_is_server (db))
    {
      list_on_server (db, user, scope, query, limit, day, cases, &counts, &local_error);
      for (guint i = 0; i < cases->len && local_error == NULL; i++)
        {
          KhCase *kcase = g_ptr_array_index (cases, i);

          g_hash_table_add (logged, g_memdup2 (&kcase->client_id, sizeof (gint64)));
        }
    }
  else
    {
      gint64 team = query->team_id;

      if (team == 0 && scope == KH_CASELOAD_TEAM_QUEUE)
        team = current_team (db, user->id, &local_error);
      if (local_error == NULL)
        list_on_file (db, user, scope, query, team, limit, day, cases, &counts, &local_error);
      for (guint i = 0; i < cases->len && local_error == NULL; i++)
        {
          KhCase *kcase = g_ptr_array_index (cases, i);

          _kh_db_log_work_list (db, user, query->showing, logged, kcase->client_id, &local_error);
        }
    }
  if (!_kh_db_read_finish (db, own, local_error, error))
    return NULL;
  _kh_db_remember_logged (db, user, query->showing, logged);
  if (out_counts != NULL)
    *out_counts = counts;
  return g_steal_pointer (&cases);
}

/* ---- taking and assigning ---- */

static void
set_taken_error (GError     **error,
                 const char  *holder)
{
  /* Translators: %s is the name of the worker who has the case */
  g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_STALE,
               _("Already taken by %s. The list is brought up to date."),
               holder != NULL ? holder : "?");
}

static void
set_check_error (GError        **error,
                 KhAssignCheck   check)
{
  g_set_error_literal (error, KH_STORE_ERROR,
                       check == KH_ASSIGN_NOT_A_CASE_WORKER || check == KH_ASSIGN_OTHER_TEAM
                       || check == KH_ASSIGN_WITH_ANOTHER_WORKER
                       ? KH_STORE_ERROR_PERMISSION : KH_STORE_ERROR_INVALID,
                       kh_assign_check_message (check));
}

/* The user `id` as the users table has them now, or NULL (NOT_FOUND). */
static KhUser *
read_user (KhDb     *db,
           gint64    id,
           GError  **error)
{
  g_autoptr(KhDbStmt) stmt = _kh_db_prepare (db,
                                             "SELECT id, role, active, team_id, "
                                             "  coalesce (display_name, account) FROM users WHERE id = ?1",
                                             error);
  KhUser *user = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  _kh_db_bind_int64 (stmt, 1, id);
  rc = _kh_db_step (stmt);
  if (rc == KH_DB_ROW)
    {
      user = kh_user_new ();
      user->id = _kh_db_column_int64 (stmt, 0);
      user->role = _kh_db_column_int (stmt, 1);
      user->active = _kh_db_column_int (stmt, 2) != 0;
      user->team_id = _kh_db_column_int64 (stmt, 3);
      user->display_name = _kh_db_column_text (stmt, 4);
    }
  else if (rc == KH_DB_DONE)
    g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                         kh_assign_check_message (KH_ASSIGN_ASSIGNEE_NOT_A_WORKER));
  else
    _kh_db_set_error (db, rc, error);
  _kh_db_reset (stmt);
  return user;
}

static void
assign_on_file (KhDb     *db,
                KhUser   *user,
                gint64    case_id,
                gint64    expected_holder,
                gint64    assignee_id,
                GError  **error)
{
  g_autoptr(KhDbStmt) stmt = NULL;
  g_autoptr(KhCase) kcase = kh_case_new ();
  g_autoptr(KhUser) caller = NULL;
  g_autoptr(KhUser) assignee = NULL;
  g_autofree char *holder = NULL;
  KhAssignCheck check;
  int rc;

  stmt = _kh_db_prepare (db,
                         "SELECT cs.status, coalesce (cs.assigned_to, 0), cs.team_id, cs.client_id, "
                         "  coalesce (u.display_name, u.account) "
                         "FROM cases cs LEFT JOIN users u ON u.id = cs.assigned_to WHERE cs.id = ?1",
                         error);
  if (stmt == NULL)
    return;
  _kh_db_bind_int64 (stmt, 1, case_id);
  rc = _kh_db_step (stmt);
  if (rc == KH_DB_DONE)
    {
      g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND,
                           _("The case was not found."));
      return;
    }
  if (rc != KH_DB_ROW)
    {
      _kh_db_set_error (db, rc, error);
      return;
    }
  kcase->id = case_id;
  kcase->status = _kh_db_column_int (stmt, 0);
  kcase->assigned_to = _kh_db_column_int64 (stmt, 1);
  kcase->team_id = _kh_db_column_int64 (stmt, 2);
  kcase->client_id = _kh_db_column_int64 (stmt, 3);
  holder = _kh_db_column_text (stmt, 4);
  _kh_db_reset (stmt);
  g_clear_pointer (&stmt, _kh_db_stmt_release);

  if (kcase->status != KH_CASE_CLOSED && kcase->assigned_to == assignee_id)
    return;                                     /* already theirs */
  if (kcase->status != KH_CASE_CLOSED && kcase->assigned_to != expected_holder)
    {
      if (kcase->assigned_to != 0)
        set_taken_error (error, holder);
      else
        g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_STALE,
                             _("The case has gone back to the queue meanwhile. The list is brought up to date."));
      return;
    }
  caller = read_user (db, user->id, error);
  if (caller == NULL)
    return;
  if (assignee_id == user->id)
    assignee = g_object_ref (caller);
  else if ((assignee = read_user (db, assignee_id, error)) == NULL)
    return;
  check = kh_case_assign_check (caller, kcase, assignee);
  if (check != KH_ASSIGN_OK)
    {
      set_check_error (error, check);
      return;
    }
  /* Conditional on the holder seen: never over someone else's take. The
   * case follows its worker into the worker's team, an active one
   * (kh_case_team_after_assign; the trigger cases_team_update refuses an
   * inactive team). */
  stmt = _kh_db_prepare (db,
                         "UPDATE cases SET status = 2, assigned_to = ?2, "
                         "team_id = coalesce ((SELECT id FROM teams WHERE id = ?4 AND active = 1), team_id) "
                         "WHERE id = ?1 AND status <> 3 AND coalesce (assigned_to, 0) = ?3",
                         error);
  if (stmt == NULL)
    return;
  _kh_db_bind_int64 (stmt, 1, case_id);
  _kh_db_bind_int64 (stmt, 2, assignee_id);
  _kh_db_bind_int64 (stmt, 3, expected_holder);
  _kh_db_bind_int64 (stmt, 4, kh_case_team_after_assign (kcase->team_id, assignee->team_id));
  if (!_kh_db_step_done (db, stmt, error))
    return;
  if (_kh_db_changes (db) != 1)
    {
      g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_STALE,
                           _("Someone changed the case meanwhile. The list is brought up to date."));
      return;
    }
  _kh_db_log_access (db, user, kcase->client_id, KH_ACCESS_CASES, KH_BASIS_CLIENT_RELATIONSHIP, error);
}

/* kohtaamo.assign_case's outcomes (data/sql/pg/0016-caseload.sql). */
enum {
  SERVER_ASSIGNED = 0,
  SERVER_TAKEN = 1,
  SERVER_NOT_FOUND = 2,
  SERVER_BACK_IN_QUEUE = 3,
  SERVER_RULE = 10,             /* + KhAssignCheck */
};

static void
assign_on_server (KhDb     *db,
                  gint64    case_id,
                  gint64    expected_holder,
                  gint64    assignee_id,
                  GError  **error)
{
  g_autoptr(KhDbStmt) stmt = NULL;
  g_autofree char *holder = NULL;
  int outcome;
  int rc;

  stmt = _kh_db_prepare (db,
                         "SELECT outcome, holder FROM kohtaamo.assign_case (CAST (?1 AS bigint), "
                         "CAST (?2 AS bigint), CAST (?3 AS bigint))",
                         error);
  if (stmt == NULL)
    return;
  _kh_db_bind_int64 (stmt, 1, case_id);
  _kh_db_bind_int64 (stmt, 2, expected_holder);
  _kh_db_bind_int64 (stmt, 3, assignee_id);
  rc = _kh_db_step (stmt);
  if (rc != KH_DB_ROW)
    {
      _kh_db_set_error (db, rc, error);
      return;
    }
  outcome = _kh_db_column_int (stmt, 0);
  holder = _kh_db_column_text (stmt, 1);
  _kh_db_reset (stmt);
  switch (outcome)
    {
    case SERVER_ASSIGNED:
      break;
    case SERVER_TAKEN:
      set_taken_error (error, holder);
      break;
    case SERVER_NOT_FOUND:
      g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND,
                           _("The case was not found."));
      break;
    case SERVER_BACK_IN_QUEUE:
      g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_STALE,
                           _("The case has gone back to the queue meanwhile. The list is brought up to date."));
      break;
    default:
      set_check_error (error, outcome > SERVER_RULE ? outcome - SERVER_RULE : KH_ASSIGN_NOT_A_CASE_WORKER);
      break;
    }
}

gboolean
kh_db_assign_case (KhDb      *db,
                   KhUser    *user,
                   gint64     case_id,
                   gint64     expected_holder,
                   gint64     assignee_id,
                   GError   **error)
{
  GError *local_error = NULL;
  gboolean own;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (KH_IS_USER (user), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_case_worker (db, user, error))
    return FALSE;
  if (case_id <= 0 || assignee_id <= 0)
    {
      g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND,
                           case_id <= 0 ? _("The case was not found.")
                                        : kh_assign_check_message (KH_ASSIGN_ASSIGNEE_NOT_A_WORKER));
      return FALSE;
    }
  if (!_kh_db_tx_begin (db, &own, error))
    return FALSE;
  if (kh_db_is_server (db))
    assign_on_server (db, case_id, expected_holder, assignee_id, &local_error);
  else
    assign_on_file (db, user, case_id, expected_holder, assignee_id, &local_error);
  return _kh_db_tx_finish (db, own, local_error, error);
}

gboolean
kh_db_take_case (KhDb      *db,
                 KhUser    *user,
                 gint64     case_id,
                 GError   **error)
{
  g_return_val_if_fail (KH_IS_USER (user), FALSE);

  return kh_db_assign_case (db, user, case_id, 0, user->id, error);
}
