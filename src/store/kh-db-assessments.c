/* kh-db-assessments.c — the service-need assessment (SHL 36–37 §, issue 7)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row of `assessments` per version, with its participants and life
 * areas (data/sql/0021-assessments.sql, data/sql/pg/0013-assessments.sql).
 * The rules are the core's (kh-assessment.h); the database restates the
 * finishing rules and keeps a finished version frozen.
 *
 * Reads are the same SQL on both engines, after the read is logged: on
 * SQLite by _kh_db_log_access, on a server by log_assessment_access(),
 * which checks the role and writes the log row that row-level security
 * then asks for. Writes differ: on a server no worker role may write the
 * tables, so each write is a function of the server that takes the same
 * parameters, in the same order, as the SQLite statement (WriteSql).
 */
#define G_LOG_DOMAIN "kohtaamo-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/kh-text.h"
#include "store/kh-db-private.h"

/* A write as SQLite's statement and as the server's function. Keep the
 * parameters in step with data/sql/pg/0013-assessments.sql. */
typedef struct {
  const char *lite;
  const char *server;
} WriteSql;

#define ASSESSMENT_SELECT \
  "SELECT id, case_id, client_id, version, previous_id, change_reason, status, revision, " \
  "  assessed_on, client_present, client_absent_reason, rights_explained, options_explained, " \
  "  client_understood, information_note, has_children, children_count, children_checked, " \
  "  children_note, client_view, client_view_obstacle, needs, support_needed, special_support, " \
  "  special_support_reasons, need_duration, summary, conclusions, services, services_note, " \
  "  client_on_worker, worker_on_worker, responsible_worker_note, next_step, next_step_reasons, " \
  "  disagreement, client_disagreement, worker_disagreement, finished_at, finished_by, step " \
  "FROM assessments "

/* ?1 id, ?2 the revision read, ?3–?32 the fields (bind_fields), ?33 the
 * wizard's step (0025-assessment-step.sql), ?34 the user, ?35 now (the
 * server takes both itself). */
static const WriteSql save_sql = {
  "UPDATE assessments SET assessed_on = ?3, client_present = ?4, client_absent_reason = ?5, "
  "  rights_explained = ?6, options_explained = ?7, client_understood = ?8, "
  "  information_note = ?9, has_children = ?10, children_count = ?11, children_checked = ?12, "
  "  children_note = ?13, client_view = ?14, client_view_obstacle = ?15, needs = ?16, "
  "  support_needed = ?17, special_support = ?18, special_support_reasons = ?19, "
  "  need_duration = ?20, summary = ?21, conclusions = ?22, services = ?23, "
  "  services_note = ?24, client_on_worker = ?25, worker_on_worker = ?26, "
  "  responsible_worker_note = ?27, next_step = ?28, next_step_reasons = ?29, "
  "  disagreement = ?30, client_disagreement = ?31, worker_disagreement = ?32, "
  "  step = ?33, revision = revision + 1, updated_by = ?34, updated_at = ?35 "
  "WHERE id = ?1 AND revision = ?2 AND status = 1 RETURNING revision",
  "SELECT kohtaamo.assessment_save (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
  "  ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, "
  "  ?31, ?32, ?33)",
};

/* ?1 case, ?2 person, ?3 version, ?4 previous version, ?5 reason, ?6 user, ?7 now. */
static const WriteSql insert_sql = {
  "INSERT INTO assessments (case_id, client_id, version, previous_id, change_reason, "
  "  created_by, created_at, updated_by, updated_at) "
  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?6, ?7) RETURNING id",
  "SELECT kohtaamo.assessment_insert (?1, ?2, ?3, ?4, ?5)",
};

static const WriteSql clear_participants_sql = {
  "DELETE FROM assessment_participants WHERE assessment_id = ?1",
  "SELECT kohtaamo.assessment_clear_participants (?1)",
};

static const WriteSql clear_areas_sql = {
  "DELETE FROM assessment_areas WHERE assessment_id = ?1",
  "SELECT kohtaamo.assessment_clear_areas (?1)",
};

static const WriteSql add_participant_sql = {
  "INSERT INTO assessment_participants (assessment_id, position, kind, name, role) "
  "VALUES (?1, ?2, ?3, ?4, ?5)",
  "SELECT kohtaamo.assessment_add_participant (?1, ?2, ?3, ?4, ?5)",
};

static const WriteSql add_area_sql = {
  "INSERT INTO assessment_areas (assessment_id, position, key, label, situation, strengths, "
  "  concerns, client_rating, worker_rating) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
  "SELECT kohtaamo.assessment_add_area (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
};

/* ?1 id, ?2 user, ?3 now. */
static const WriteSql finish_sql = {
  "UPDATE assessments SET status = 2, revision = revision + 1, finished_by = ?2, "
  "  finished_at = ?3, updated_by = ?2, updated_at = ?3 "
  "WHERE id = ?1 AND status = 1 RETURNING finished_at",
  "SELECT kohtaamo.assessment_finish (?1)",
};

/* Only what a refused save needs to say why: ?1 id. */
static const WriteSql state_sql = {
  "SELECT status, updated_at FROM assessments WHERE id = ?1",
  "SELECT status, updated_at FROM kohtaamo.assessment_state (?1)",
};

static KhDbStmt *
prepare_write (KhDb           *db,
               const WriteSql *sql,
               GError        **error)
{
  return _kh_db_prepare (db, kh_db_is_server (db) ? sql->server : sql->lite, error);
}

/* Steps a write through: its one row (the server's function answers with
 * one; SQLite's RETURNING too) is left current when `out_row` asks for it.
 * FALSE with `error` set when it failed. */
static gboolean
step_write (KhDb      *db,
            KhDbStmt  *stmt,
            gboolean  *out_row,
            GError   **error)
{
  int rc = _kh_db_step (stmt);

  if (rc != KH_DB_ROW && rc != KH_DB_DONE)
    {
      _kh_db_set_error (db, rc, error);
      return FALSE;
    }
  if (out_row != NULL)
    *out_row = rc == KH_DB_ROW;
  return TRUE;
}

/* ---- who may ---- */

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
                           _("Service-need assessments are read and written by social counsellors, social workers and the lead social worker."));
      return FALSE;
    }
  return TRUE;
}

/* Logs the reading of the person of a case (or of an assessment, when
 * `assessment_id`) as KH_ACCESS_ASSESSMENT; their id, or 0 with NOT_FOUND. */
static gint64
log_read (KhDb     *db,
          KhUser   *user,
          gint64    case_id,
          gint64    assessment_id,
          GError  **error)
{
  g_autoptr(KhDbStmt) stmt = NULL;
  gint64 client_id = 0;
  int rc;

  if (kh_db_is_server (db))
    stmt = _kh_db_prepare (db, "SELECT kohtaamo.log_assessment_access (CAST (?1 AS bigint), "
                               "CAST (?2 AS bigint))", error);
  else if (assessment_id > 0)
    stmt = _kh_db_prepare (db, "SELECT client_id FROM assessments WHERE id = ?2", error);
  else
    stmt = _kh_db_prepare (db, "SELECT client_id FROM cases WHERE id = ?1", error);
  if (stmt == NULL)
    return 0;
  _kh_db_bind_id (stmt, 1, assessment_id > 0 ? 0 : case_id);
  _kh_db_bind_id (stmt, 2, assessment_id);
  rc = _kh_db_step (stmt);
  if (rc != KH_DB_ROW && rc != KH_DB_DONE)
    {
      _kh_db_set_error (db, rc, error);
      return 0;
    }
  if (rc == KH_DB_ROW && !_kh_db_column_is_null (stmt, 0))
    client_id = _kh_db_column_int64 (stmt, 0);
  _kh_db_reset (stmt);
  if (client_id <= 0)
    {
      g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND,
                           assessment_id > 0 ? _("The assessment was not found.")
                                             : _("The case was not found."));
      return 0;
    }
  if (!kh_db_is_server (db)
      && !_kh_db_log_access (db, user, client_id, KH_ACCESS_ASSESSMENT,
                             KH_BASIS_CLIENT_RELATIONSHIP, error))
    return 0;
  return client_id;
}

/* ---- reading ---- */

static gpointer
assessment_from_row (KhDbStmt *stmt)
{
  KhAssessment *a = kh_assessment_new ();
  int c = 0;

  a->id = _kh_db_column_int64 (stmt, c++);
  a->case_id = _kh_db_column_int64 (stmt, c++);
  a->client_id = _kh_db_column_int64 (stmt, c++);
  a->version = _kh_db_column_int (stmt, c++);
  a->previous_id = _kh_db_column_int64 (stmt, c++);
  a->change_reason = _kh_db_column_text (stmt, c++);
  a->status = _kh_db_column_int (stmt, c++);
  a->revision = _kh_db_column_int64 (stmt, c++);
  a->assessed_on = _kh_db_column_text (stmt, c++);
  a->client_present = _kh_db_column_int (stmt, c++);
  a->client_absent_reason = _kh_db_column_text (stmt, c++);
  a->rights_explained = _kh_db_column_int (stmt, c++);
  a->options_explained = _kh_db_column_int (stmt, c++);
  a->client_understood = _kh_db_column_int (stmt, c++);
  a->information_note = _kh_db_column_text (stmt, c++);
  a->has_children = _kh_db_column_int (stmt, c++);
  a->children_count = _kh_db_column_int (stmt, c++);
  a->children_checked = _kh_db_column_int (stmt, c++);
  a->children_note = _kh_db_column_text (stmt, c++);
  a->client_view = _kh_db_column_text (stmt, c++);
  a->client_view_obstacle = _kh_db_column_text (stmt, c++);
  a->needs = _kh_db_column_int (stmt, c++);
  a->support_needed = _kh_db_column_int (stmt, c++);
  a->special_support = _kh_db_column_int (stmt, c++);
  a->special_support_reasons = _kh_db_column_text (stmt, c++);
  a->need_duration = _kh_db_column_int (stmt, c++);
  a->summary = _kh_db_column_text (stmt, c++);
  a->conclusions = _kh_db_column_text (stmt, c++);
  a->services = (guint64) _kh_db_column_int64 (stmt, c++);
  a->services_note = _kh_db_column_text (stmt, c++);
  a->client_on_worker = _kh_db_column_int (stmt, c++);
  a->worker_on_worker = _kh_db_column_int (stmt, c++);
  a->responsible_worker_note = _kh_db_column_text (stmt, c++);
  a->next_step = _kh_db_column_int (stmt, c++);
  a->next_step_reasons = _kh_db_column_text (stmt, c++);
  a->disagreement = _kh_db_column_int (stmt, c++) != 0;
  a->client_disagreement = _kh_db_column_text (stmt, c++);
  a->worker_disagreement = _kh_db_column_text (stmt, c++);
  a->finished_at = _kh_db_column_time (stmt, c++);
  a->finished_by = _kh_db_column_int64 (stmt, c++);
  {
    int step = _kh_db_column_int (stmt, c++);   /* CLAMP evaluates it more than once */

    a->current_step = CLAMP (step, KH_ASSESSMENT_STEP_START, KH_ASSESSMENT_STEP_REVIEW);
  }
  return a;
}

static gpointer
participant_from_row (KhDbStmt *stmt)
{
  return kh_participant_new (_kh_db_column_int (stmt, 0), _kh_db_column_str (stmt, 1),
                             _kh_db_column_str (stmt, 2));
}

static gpointer
area_from_row (KhDbStmt *stmt)
{
  KhAreaAssessment *area = kh_area_assessment_new (_kh_db_column_str (stmt, 0),
                                                   _kh_db_column_str (stmt, 1));

  area->situation = _kh_db_column_text (stmt, 2);
  area->strengths = _kh_db_column_text (stmt, 3);
  area->concerns = _kh_db_column_text (stmt, 4);
  area->client_rating = _kh_db_column_int (stmt, 5);
  area->worker_rating = _kh_db_column_int (stmt, 6);
  return area;
}

/* The versions that `where` (with ?1) selects, whole, into `rows`; read
 * after log_read in the same transaction. */
static gboolean
read_assessments (KhDb        *db,
                  const char  *where,
                  gint64       id,
                  GPtrArray   *rows,
                  GError     **error)
{
  g_autofree char *sql = g_strconcat (ASSESSMENT_SELECT, where, NULL);
  g_autoptr(KhDbStmt) stmt = _kh_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  _kh_db_bind_int64 (stmt, 1, id);
  if (!_kh_db_read_rows (db, stmt, assessment_from_row, rows, error))
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      KhAssessment *a = g_ptr_array_index (rows, i);
      g_autoptr(KhDbStmt) parts = NULL;
      g_autoptr(KhDbStmt) areas = NULL;

      parts = _kh_db_prepare (db, "SELECT kind, name, role FROM assessment_participants "
                                  "WHERE assessment_id = ?1 ORDER BY position", error);
      if (parts == NULL)
        return FALSE;
      _kh_db_bind_int64 (parts, 1, a->id);
      if (!_kh_db_read_rows (db, parts, participant_from_row, a->participants, error))
        return FALSE;
      areas = _kh_db_prepare (db, "SELECT key, label, situation, strengths, concerns, "
                                  "  client_rating, worker_rating FROM assessment_areas "
                                  "WHERE assessment_id = ?1 ORDER BY position", error);
      if (areas == NULL)
        return FALSE;
      _kh_db_bind_int64 (areas, 1, a->id);
      if (!_kh_db_read_rows (db, areas, area_from_row, a->areas, error))
        return FALSE;
    }
  return TRUE;
}

static KhAssessment *
read_one (KhDb     *db,
          gint64    assessment_id,
          GError  **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) kh_assessment_free);

  if (!read_assessments (db, "WHERE id = ?1", assessment_id, rows, error))
    return NULL;
  if (rows->len == 0)
    {
      g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND,
                           _("The assessment was not found."));
      return NULL;
    }
  return g_ptr_array_steal_index (rows, 0);
}

/* ---- writing ---- */

/* Empty texts are stored as NULL (and read back as NULL). */
static void
bind_text (KhDbStmt   *stmt,
           int         index,
           const char *text)
{
  _kh_db_bind_text (stmt, index, text != NULL && text[0] != '\0' ? text : NULL);
}

static void
bind_fields (KhDbStmt           *stmt,
             const KhAssessment *a)
{
  int i = 3;

  bind_text (stmt, i++, a->assessed_on);
  _kh_db_bind_int (stmt, i++, a->client_present);
  bind_text (stmt, i++, a->client_absent_reason);
  _kh_db_bind_int (stmt, i++, a->rights_explained);
  _kh_db_bind_int (stmt, i++, a->options_explained);
  _kh_db_bind_int (stmt, i++, a->client_understood);
  bind_text (stmt, i++, a->information_note);
  _kh_db_bind_int (stmt, i++, a->has_children);
  _kh_db_bind_int (stmt, i++, (int) a->children_count);
  _kh_db_bind_int (stmt, i++, a->children_checked);
  bind_text (stmt, i++, a->children_note);
  bind_text (stmt, i++, a->client_view);
  bind_text (stmt, i++, a->client_view_obstacle);
  _kh_db_bind_int (stmt, i++, (int) a->needs);
  _kh_db_bind_int (stmt, i++, a->support_needed);
  _kh_db_bind_int (stmt, i++, a->special_support);
  bind_text (stmt, i++, a->special_support_reasons);
  _kh_db_bind_int (stmt, i++, a->need_duration);
  bind_text (stmt, i++, a->summary);
  bind_text (stmt, i++, a->conclusions);
  _kh_db_bind_int64 (stmt, i++, (gint64) a->services);
  bind_text (stmt, i++, a->services_note);
  _kh_db_bind_int (stmt, i++, a->client_on_worker);
  _kh_db_bind_int (stmt, i++, a->worker_on_worker);
  bind_text (stmt, i++, a->responsible_worker_note);
  _kh_db_bind_int (stmt, i++, a->next_step);
  bind_text (stmt, i++, a->next_step_reasons);
  _kh_db_bind_int (stmt, i++, a->disagreement ? 1 : 0);
  bind_text (stmt, i++, a->client_disagreement);
  bind_text (stmt, i++, a->worker_disagreement);
  g_assert (i == 33);
}

/* Why a save over `a->revision` changed no row: the version is finished
 * (INVALID), someone saved it since (STALE, saying when), or it is gone. */
static void
set_not_saved_error (KhDb               *db,
                     const KhAssessment *a,
                     GError            **error)
{
  g_autoptr(KhDbStmt) stmt = prepare_write (db, &state_sql, error);
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *time = NULL;
  int rc;

  if (stmt == NULL)
    return;
  _kh_db_bind_int64 (stmt, 1, a->id);
  rc = _kh_db_step (stmt);
  if (rc != KH_DB_ROW && rc != KH_DB_DONE)
    {
      _kh_db_set_error (db, rc, error);
      return;
    }
  if (rc == KH_DB_DONE)
    g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND,
                         _("The assessment was not found."));
  else if (_kh_db_column_int (stmt, 0) == KH_ASSESSMENT_FINISHED)
    g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                         _("This assessment is finished and can no longer be changed. A change is made as a new version, with the reason for it."));
  else
    {
      when = g_date_time_new_from_unix_local (_kh_db_column_int64 (stmt, 1));
      /* Translators: the time of a change made today, with its preposition,
       * as in "changed … at 14:05"; see the g_date_time_format documentation */
      time = when != NULL ? g_date_time_format (when, C_("time of a change today", "at %H:%M"))
                          : g_strdup ("?");
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_STALE,
                   /* Translators: %s is when, as in "at 14:05" */
                   _("Someone else saved this assessment %s, after you opened it. Nothing was saved: open it again to see their version."),
                   time);
    }
}

/* The draft's fields over the revision it carries, then its participants
 * and areas; `a->revision` becomes the new one. Inside a transaction. */
static gboolean
write_draft (KhDb          *db,
             gint64         user_id,
             KhAssessment  *a,
             GError       **error)
{
  g_autoptr(KhDbStmt) stmt = NULL;
  gboolean row = FALSE;
  gint64 revision;

  stmt = prepare_write (db, &save_sql, error);
  if (stmt == NULL)
    return FALSE;
  _kh_db_bind_int64 (stmt, 1, a->id);
  _kh_db_bind_int64 (stmt, 2, a->revision);
  bind_fields (stmt, a);
  _kh_db_bind_int (stmt, 33, CLAMP ((int) a->current_step, KH_ASSESSMENT_STEP_START, KH_ASSESSMENT_STEP_REVIEW));
  _kh_db_bind_int64 (stmt, 34, user_id);
  _kh_db_bind_int64 (stmt, 35, _kh_db_now ());
  if (!step_write (db, stmt, &row, error))
    return FALSE;
  if (!row || _kh_db_column_is_null (stmt, 0))
    {
      _kh_db_reset (stmt);
      set_not_saved_error (db, a, error);
      return FALSE;
    }
  revision = _kh_db_column_int64 (stmt, 0);
  _kh_db_reset (stmt);
  g_clear_pointer (&stmt, _kh_db_stmt_release);

  /* Participants and areas are few: written again whole. */
  stmt = prepare_write (db, &clear_participants_sql, error);
  if (stmt == NULL)
    return FALSE;
  _kh_db_bind_int64 (stmt, 1, a->id);
  if (!step_write (db, stmt, NULL, error))
    return FALSE;
  g_clear_pointer (&stmt, _kh_db_stmt_release);
  stmt = prepare_write (db, &clear_areas_sql, error);
  if (stmt == NULL)
    return FALSE;
  _kh_db_bind_int64 (stmt, 1, a->id);
  if (!step_write (db, stmt, NULL, error))
    return FALSE;
  g_clear_pointer (&stmt, _kh_db_stmt_release);

  for (guint i = 0; i < a->participants->len; i++)
    {
      const KhParticipant *p = g_ptr_array_index (a->participants, i);
      g_autoptr(KhDbStmt) add = prepare_write (db, &add_participant_sql, error);

      if (add == NULL)
        return FALSE;
      _kh_db_bind_int64 (add, 1, a->id);
      _kh_db_bind_int (add, 2, (int) i);
      _kh_db_bind_int (add, 3, p->kind);
      bind_text (add, 4, p->name);
      bind_text (add, 5, p->role);
      if (!step_write (db, add, NULL, error))
        return FALSE;
    }
  for (guint i = 0; i < a->areas->len; i++)
    {
      const KhAreaAssessment *area = g_ptr_array_index (a->areas, i);
      g_autoptr(KhDbStmt) add = prepare_write (db, &add_area_sql, error);

      if (add == NULL)
        return FALSE;
      _kh_db_bind_int64 (add, 1, a->id);
      _kh_db_bind_int (add, 2, (int) i);
      _kh_db_bind_text (add, 3, area->key);
      _kh_db_bind_text (add, 4, area->label);
      bind_text (add, 5, area->situation);
      bind_text (add, 6, area->strengths);
      bind_text (add, 7, area->concerns);
      _kh_db_bind_int (add, 8, area->client_rating);
      _kh_db_bind_int (add, 9, area->worker_rating);
      if (!step_write (db, add, NULL, error))
        return FALSE;
    }
  a->revision = revision;
  return TRUE;
}

/* A new version's row (a->case_id, client_id, version, previous_id,
 * change_reason), then its fields; `a->id` and `a->revision` are set. */
/* `out_taken` (may be NULL) says that the case already had the version
 * (or a draft) when the row was written: another desk's, committed while
 * this one looked (the unique indexes of 0021 and pg 0013). */
static gboolean
insert_draft (KhDb          *db,
              gint64         user_id,
              KhAssessment  *a,
              gboolean      *out_taken,
              GError       **error)
{
  g_autoptr(KhDbStmt) stmt = prepare_write (db, &insert_sql, error);
  gboolean row = FALSE;
  int rc;

  if (out_taken != NULL)
    *out_taken = FALSE;
  if (stmt == NULL)
    return FALSE;
  _kh_db_bind_int64 (stmt, 1, a->case_id);
  _kh_db_bind_int64 (stmt, 2, a->client_id);
  _kh_db_bind_int (stmt, 3, a->version);
  _kh_db_bind_id (stmt, 4, a->previous_id);
  bind_text (stmt, 5, a->change_reason);
  _kh_db_bind_int64 (stmt, 6, user_id);
  _kh_db_bind_int64 (stmt, 7, _kh_db_now ());
  rc = _kh_db_step (stmt);
  if (rc != KH_DB_ROW && rc != KH_DB_DONE)
    {
      if (out_taken != NULL)
        *out_taken = _kh_db_is_unique_violation (db, rc);
      _kh_db_set_error (db, rc, error);
      return FALSE;
    }
  row = rc == KH_DB_ROW;
  if (!row || _kh_db_column_is_null (stmt, 0))
    {
      g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_FAILED,
                           _("The assessment could not be saved."));
      return FALSE;
    }
  a->id = _kh_db_column_int64 (stmt, 0);
  a->revision = 0;
  _kh_db_reset (stmt);
  return write_draft (db, user_id, a, error);
}

/* Finishes the draft just written; its time in `out_at`. */
static gboolean
finish_draft (KhDb          *db,
              gint64         user_id,
              KhAssessment  *a,
              gint64        *out_at,
              GError       **error)
{
  g_autoptr(KhDbStmt) stmt = prepare_write (db, &finish_sql, error);
  gboolean row = FALSE;

  if (stmt == NULL)
    return FALSE;
  _kh_db_bind_int64 (stmt, 1, a->id);
  _kh_db_bind_int64 (stmt, 2, user_id);
  _kh_db_bind_int64 (stmt, 3, _kh_db_now ());
  if (!step_write (db, stmt, &row, error))
    return FALSE;
  if (!row || _kh_db_column_is_null (stmt, 0))
    {
      _kh_db_reset (stmt);
      set_not_saved_error (db, a, error);
      return FALSE;
    }
  *out_at = _kh_db_column_int64 (stmt, 0);
  _kh_db_reset (stmt);
  return TRUE;
}

/* What a draft may hold: the text limits and characters, and ratings. */
static gboolean
check_draft (const KhAssessment  *a,
             GError             **error)
{
  g_autoptr(KhAssessmentCheck) check = kh_assessment_check (a, NULL);

  for (guint i = 0; i < check->issues->len; i++)
    {
      const KhAssessmentIssue *issue = g_ptr_array_index (check->issues, i);

      if (issue->problem == KH_ASSESSMENT_PROBLEM_TEXT || issue->problem == KH_ASSESSMENT_PROBLEM_RATING)
        {
          g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID, issue->message);
          return FALSE;
        }
    }
  return TRUE;
}

static char *
today_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* The unit's life areas: the setting's "key<TAB>label" lines, or the
 * default list. */
static void
unit_areas (KhDb        *db,
            GPtrArray  **out_keys,
            GPtrArray  **out_labels)
{
  g_autofree char *setting = kh_db_get_setting (db, KH_SETTING_ASSESSMENT_AREAS, NULL);
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *labels = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) lines = NULL;

  if (setting != NULL)
    {
      lines = g_strsplit (setting, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_auto(GStrv) parts = g_strsplit (lines[i], "\t", 2);
          g_autofree char *key = parts[0] != NULL ? g_strstrip (g_strdup (parts[0])) : NULL;
          g_autofree char *label = parts[0] != NULL && parts[1] != NULL
                                   ? g_strstrip (g_strdup (parts[1])) : NULL;

          if (key == NULL || key[0] == '\0')
            continue;
          if (label == NULL || label[0] == '\0')
            {
              g_free (label);
              label = g_strdup (kh_assessment_default_area_label (key));
            }
          if (label == NULL)
            continue;
          g_ptr_array_add (keys, g_steal_pointer (&key));
          g_ptr_array_add (labels, g_steal_pointer (&label));
        }
    }
  if (keys->len == 0)
    {
      const char * const *defaults = kh_assessment_default_area_keys ();

      for (guint i = 0; defaults[i] != NULL; i++)
        {
          g_ptr_array_add (keys, g_strdup (defaults[i]));
          g_ptr_array_add (labels, g_strdup (kh_assessment_default_area_label (defaults[i])));
        }
    }
  g_ptr_array_add (keys, NULL);
  g_ptr_array_add (labels, NULL);
  *out_keys = keys;
  *out_labels = labels;
}

/* The case's draft, or else its newest version, or 0. */
static gint64
current_version (KhDb     *db,
                 gint64    case_id,
                 GError  **error)
{
  g_autoptr(KhDbStmt) stmt = NULL;
  gint64 id = 0;
  int rc;

  stmt = _kh_db_prepare (db, "SELECT id FROM assessments WHERE case_id = ?1 "
                             "ORDER BY status, version DESC LIMIT 1", error);
  if (stmt == NULL)
    return -1;
  _kh_db_bind_int64 (stmt, 1, case_id);
  rc = _kh_db_step (stmt);
  if (rc == KH_DB_ROW)
    id = _kh_db_column_int64 (stmt, 0);
  else if (rc != KH_DB_DONE)
    {
      _kh_db_set_error (db, rc, error);
      return -1;
    }
  _kh_db_reset (stmt);
  return id;
}

/* ---- the API ---- */

KhAssessment *
kh_db_start_assessment (KhDb     *db,
                        KhUser   *user,
                        gint64    case_id,
                        GError  **error)
{
  g_autoptr(KhAssessment) a = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean own = FALSE;
  gint64 client_id, id;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_user (db, user, error))
    return NULL;
  /* Two desks starting the case's first assessment at once: on SQLite the
   * second waits for the first's write lock and then finds its draft; on
   * PostgreSQL both find none, and the second's row waits on the unique
   * index until the first commits, then is refused. That desk then does
   * it again, in a transaction of its own, and opens the draft the other
   * desk made: one assessment, never a rule's raw error. */
  for (guint attempt = 0; ; attempt++)
    {
      gboolean taken = FALSE;

      if (!_kh_db_tx_begin (db, &own, error))
        return NULL;
      if ((client_id = log_read (db, user, case_id, 0, &local_error)) > 0
          && (id = current_version (db, case_id, &local_error)) >= 0)
        {
          if (id == 0)
            {
              g_autoptr(GPtrArray) keys = NULL;
              g_autoptr(GPtrArray) labels = NULL;
              g_autofree char *today = today_iso ();
              g_autoptr(KhAssessment) draft = NULL;

              unit_areas (db, &keys, &labels);
              draft = kh_assessment_start (case_id, client_id, (const char * const *) keys->pdata,
                                           (const char * const *) labels->pdata, today);
              draft->version = 1;
              if (insert_draft (db, user->id, draft, &taken, &local_error))
                id = draft->id;
            }
          if (local_error == NULL)
            a = read_one (db, id, &local_error);
        }
      if (taken && attempt == 0)
        {
          g_debug ("Case %" G_GINT64_FORMAT ": another desk started its assessment; opening that",
                   case_id);
          _kh_db_tx_finish (db, own, g_steal_pointer (&local_error), NULL);
          continue;
        }
      if (!_kh_db_tx_finish (db, own, g_steal_pointer (&local_error), error))
        return NULL;
      return g_steal_pointer (&a);
    }
}

KhAssessment *
kh_db_get_assessment (KhDb     *db,
                      KhUser   *user,
                      gint64    assessment_id,
                      GError  **error)
{
  g_autoptr(KhAssessment) a = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean own = FALSE;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_user (db, user, error) || !_kh_db_tx_begin (db, &own, error))
    return NULL;
  if (log_read (db, user, 0, assessment_id, &local_error) > 0)
    a = read_one (db, assessment_id, &local_error);
  if (!_kh_db_tx_finish (db, own, g_steal_pointer (&local_error), error))
    return NULL;
  return g_steal_pointer (&a);
}

GPtrArray *
kh_db_list_assessments (KhDb     *db,
                        KhUser   *user,
                        gint64    case_id,
                        GError  **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) kh_assessment_free);
  g_autoptr(GError) local_error = NULL;
  gboolean own = FALSE;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_user (db, user, error) || !_kh_db_tx_begin (db, &own, error))
    return NULL;
  if (log_read (db, user, case_id, 0, &local_error) > 0)
    read_assessments (db, "WHERE case_id = ?1 ORDER BY version", case_id, rows, &local_error);
  if (!_kh_db_tx_finish (db, own, g_steal_pointer (&local_error), error))
    return NULL;
  return g_steal_pointer (&rows);
}

gboolean
kh_db_save_assessment (KhDb          *db,
                       KhUser        *user,
                       KhAssessment  *assessment,
                       GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 revision;
  gboolean own = FALSE;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (assessment != NULL && assessment->id > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_user (db, user, error) || !check_draft (assessment, error)
      || !_kh_db_tx_begin (db, &own, error))
    return FALSE;
  /* The revision moves only if the transaction commits. */
  revision = assessment->revision;
  write_draft (db, user->id, assessment, &local_error);
  if (!_kh_db_tx_finish (db, own, g_steal_pointer (&local_error), error))
    {
      assessment->revision = revision;
      return FALSE;
    }
  return TRUE;
}

gboolean
kh_db_finish_assessment (KhDb          *db,
                         KhUser        *user,
                         KhAssessment  *assessment,
                         GError       **error)
{
  g_autoptr(KhAssessmentCheck) check = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *today = today_iso ();
  gint64 revision, finished_at = 0;
  gboolean own = FALSE;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (assessment != NULL && assessment->id > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_user (db, user, error))
    return FALSE;
  kh_assessment_normalize (assessment);
  check = kh_assessment_check (assessment, today);
  if (check->issues->len > 0)
    {
      const KhAssessmentIssue *first = g_ptr_array_index (check->issues, 0);

      g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID, first->message);
      return FALSE;
    }
  if (!check->can_finish)
    {
      g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                           _("This assessment is finished and can no longer be changed. A change is made as a new version, with the reason for it."));
      return FALSE;
    }
  /* 42 §: a special-support client's responsible worker is a social
   * worker; 46 §: so is the one who decides. */
  if (check->needs_social_worker && user->role != KH_ROLE_SOCIAL_WORKER && user->role != KH_ROLE_LEAD)
    {
      g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION,
                           _("The client needs special support: the assessment is finished by a social worker (Social Welfare Act 42 and 46 §)."));
      return FALSE;
    }

  if (!_kh_db_tx_begin (db, &own, error))
    return FALSE;
  revision = assessment->revision;
  if (write_draft (db, user->id, assessment, &local_error))
    finish_draft (db, user->id, assessment, &finished_at, &local_error);
  if (!_kh_db_tx_finish (db, own, g_steal_pointer (&local_error), error))
    {
      assessment->revision = revision;
      return FALSE;
    }
  assessment->status = KH_ASSESSMENT_FINISHED;
  assessment->revision += 1;
  assessment->finished_by = user->id;
  g_clear_pointer (&assessment->finished_at, g_date_time_unref);
  assessment->finished_at = g_date_time_new_from_unix_local (finished_at);
  return TRUE;
}

KhAssessment *
kh_db_new_assessment_version (KhDb        *db,
                              KhUser      *user,
                              gint64       finished_id,
                              const char  *reason,
                              GError     **error)
{
  g_autoptr(KhAssessment) finished = NULL;
  g_autoptr(KhAssessment) next = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean own = FALSE;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_user (db, user, error) || !_kh_db_tx_begin (db, &own, error))
    return NULL;
  if (log_read (db, user, 0, finished_id, &local_error) > 0
      && (finished = read_one (db, finished_id, &local_error)) != NULL)
    {
      g_autofree char *message = NULL;
      gint64 current = current_version (db, finished->case_id, &local_error);

      if (current > 0 && current != finished_id)
        g_set_error_literal (&local_error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                             _("This case already has a newer version of its assessment: continue that one."));
      else if (current > 0
               && (next = kh_assessment_new_version (finished, reason, &message)) == NULL)
        g_set_error_literal (&local_error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID, message);
      else if (next != NULL)
        {
          gboolean taken = FALSE;

          if (insert_draft (db, user->id, next, &taken, &local_error))
            {
              KhAssessment *stored = read_one (db, next->id, &local_error);

              g_clear_pointer (&next, kh_assessment_free);
              next = stored;
            }
          else if (taken)
            {
              /* Another desk made the new version meanwhile (PostgreSQL:
               * both saw none; SQLite's write lock orders them). */
              g_clear_error (&local_error);
              g_set_error_literal (&local_error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                                   _("This case already has a newer version of its assessment: continue that one."));
            }
        }
    }
  if (!_kh_db_tx_finish (db, own, g_steal_pointer (&local_error), error))
    return NULL;
  return g_steal_pointer (&next);
}

/**
 * kh_db_insert_assessment_bulk:
 *
 * Demo data: stores `assessment` (a first version, id 0) as written by
 * `author_id`, and finishes it when its status says FINISHED. Neither
 * checked by the core nor logged, as kh_db_insert_case_bulk(); the
 * database's own rules hold. On a server no login but a worker's own
 * writes assessments: PERMISSION there.
 *
 * Returns: the id, or 0 with `error` set
 */
gint64
kh_db_insert_assessment_bulk (KhDb          *db,
                              gint64         author_id,
                              KhAssessment  *assessment,
                              GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean finish, own = FALSE;
  gint64 at = 0;

  g_return_val_if_fail (db != NULL, 0);
  g_return_val_if_fail (assessment != NULL && assessment->id == 0, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (kh_db_is_server (db))
    {
      g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION,
                           _("Service-need assessments are read and written by social counsellors, social workers and the lead social worker."));
      return 0;
    }
  finish = assessment->status == KH_ASSESSMENT_FINISHED;
  assessment->status = KH_ASSESSMENT_DRAFT;
  if (!_kh_db_tx_begin (db, &own, error))
    return 0;
  if (insert_draft (db, author_id, assessment, NULL, &local_error) && finish
      && finish_draft (db, author_id, assessment, &at, &local_error))
    {
      assessment->status = KH_ASSESSMENT_FINISHED;
      assessment->finished_by = author_id;
      assessment->finished_at = g_date_time_new_from_unix_local (at);
    }
  if (!_kh_db_tx_finish (db, own, g_steal_pointer (&local_error), error))
    return 0;
  return assessment->id;
}
