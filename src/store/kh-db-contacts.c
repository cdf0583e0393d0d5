/* kh-db-contacts.c — the intake: contacts at reception and the cases they open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kohtaamo-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/kh-deadlines.h"
#include "core/kh-intake-state.h"
#include "core/kh-text.h"
#include "store/kh-db-private.h"

/* A clock a few minutes fast is no reason to refuse what was typed. */
#define FUTURE_TOLERANCE_S (10 * 60)

#define CONTACT_SELECT \
  "SELECT k.id, k.received_at, k.channel, k.contactor, k.contactor_detail, k.referral, " \
  "  k.needs, k.reason_text, k.urgent, k.urgent_note, k.language, k.interpreter, " \
  "  k.outcome, k.service_id, k.outcome_note, k.anonymous, k.client_id, " \
  "  coalesce (cs.id, k.attached_case_id), " \
  "  k.created_by, k.created_at, " \
  "  CASE WHEN c.id IS NULL THEN NULL ELSE c.last_name || ', ' || c.first_names END, " \
  "  CASE ?1 WHEN 'sv' THEN coalesce (s.name_sv, s.name_fi) " \
  "          ELSE coalesce (s.name_fi, s.name_sv) END, " \
  "  coalesce (u.display_name, u.account), " \
  "  k.contactor_name, k.contactor_relation, k.contactor_contact, k.directed_by, " \
  "  k.kela_kind, k.kela_meeting_deadline, k.urgency, k.urgency_assessed_by, " \
  "  k.urgency_assessed_at, k.opens_case, k.no_assessment_reason, k.attached_case_id, " \
  "  k.entered_in_error, coalesce (c.non_disclosure, 0) " \
  "FROM contacts k " \
  "  LEFT JOIN clients c ON c.id = k.client_id " \
  "  LEFT JOIN services s ON s.id = k.service_id " \
  "  LEFT JOIN cases cs ON cs.contact_id = k.id " \
  "  LEFT JOIN users u ON u.id = k.created_by "
#define CONTACT_ORDER " ORDER BY k.received_at DESC, k.id DESC"

#define CASE_SELECT KH_DB_CASE_COLUMNS KH_DB_CASE_FROM

static KhContact *
contact_from_row (KhDbStmt *stmt)
{
  KhContact *contact = kh_contact_new ();

  contact->id = _kh_db_column_int64 (stmt, 0);
  contact->received_at = _kh_db_column_time (stmt, 1);
  contact->channel = _kh_db_column_int (stmt, 2);
  contact->contactor = _kh_db_column_int (stmt, 3);
  contact->contactor_detail = _kh_db_column_text (stmt, 4);
  contact->referral = _kh_db_column_int (stmt, 5);
  contact->needs = _kh_db_column_int (stmt, 6);
  contact->reason_text = _kh_db_column_text (stmt, 7);
  contact->urgent = _kh_db_column_int (stmt, 8) != 0;
  contact->urgent_note = _kh_db_column_text (stmt, 9);
  contact->language = _kh_db_column_int (stmt, 10);
  contact->interpreter = _kh_db_column_int (stmt, 11) != 0;
  contact->outcome = _kh_db_column_int (stmt, 12);
  contact->service_id = _kh_db_column_int64 (stmt, 13);
  contact->outcome_note = _kh_db_column_text (stmt, 14);
  contact->anonymous = _kh_db_column_int (stmt, 15) != 0;
  contact->client_id = _kh_db_column_int64 (stmt, 16);
  contact->case_id = _kh_db_column_int64 (stmt, 17);
  contact->created_by = _kh_db_column_int64 (stmt, 18);
  contact->created_at = _kh_db_column_time (stmt, 19);
  contact->client_name = _kh_db_column_text (stmt, 20);
  contact->service_name = _kh_db_column_text (stmt, 21);
  contact->created_by_name = _kh_db_column_text (stmt, 22);
  contact->contactor_name = _kh_db_column_text (stmt, 23);
  contact->contactor_relation = _kh_db_column_text (stmt, 24);
  contact->contactor_contact = _kh_db_column_text (stmt, 25);
  contact->directed_by = _kh_db_column_text (stmt, 26);
  contact->kela_kind = _kh_db_column_int (stmt, 27);
  contact->kela_meeting_deadline = _kh_db_column_text (stmt, 28);
  contact->urgency = _kh_db_column_int (stmt, 29);
  contact->urgency_assessed_by = _kh_db_column_int64 (stmt, 30);
  contact->urgency_assessed_at = _kh_db_column_time (stmt, 31);
  contact->opens_case = _kh_db_column_int (stmt, 32) != 0;
  contact->no_assessment_reason = _kh_db_column_text (stmt, 33);
  contact->attached_case_id = _kh_db_column_int64 (stmt, 34);
  contact->entered_in_error = _kh_db_column_int (stmt, 35) != 0;
  contact->client_non_disclosure = _kh_db_column_int (stmt, 36) != 0;
  return contact;
}

/* The columns every case query starts with (0–12, CASE_SELECT's order);
 * each query reads its own columns after them. */
KhCase *
_kh_db_case_from_row (KhDbStmt *stmt)
{
  KhCase *kcase = kh_case_new ();

  kcase->id = _kh_db_column_int64 (stmt, 0);
  kcase->client_id = _kh_db_column_int64 (stmt, 1);
  kcase->contact_id = _kh_db_column_int64 (stmt, 2);
  kcase->opened_at = _kh_db_column_time (stmt, 3);
  kcase->status = _kh_db_column_int (stmt, 4);
  kcase->assigned_to = _kh_db_column_int64 (stmt, 5);
  kcase->deadline_groups = _kh_db_column_int (stmt, 6);
  kcase->assessment_deadline = _kh_db_column_text (stmt, 7);
  kcase->client_name = _kh_db_column_text (stmt, 8);
  kcase->assigned_to_name = _kh_db_column_text (stmt, 9);
  kcase->client_language = _kh_db_column_int (stmt, 10);
  kcase->needs = _kh_db_column_int (stmt, 11);
  kcase->urgent = _kh_db_column_int (stmt, 12) != 0;
  return kcase;
}

KhCase *
_kh_db_case_from_full_row (KhDbStmt *stmt)
{
  KhCase *kcase = _kh_db_case_from_row (stmt);

  kcase->implementation_deadline = _kh_db_column_text (stmt, 13);
  kcase->client_non_disclosure = _kh_db_column_int (stmt, 14) != 0;
  kcase->team_id = _kh_db_column_int64 (stmt, 15);
  kcase->team_name = _kh_db_column_text (stmt, 16);
  return kcase;
}

/* ---- validation ---- */

static gboolean
refuse (GError     **error,
        const char  *message)
{
  g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID, message);
  return FALSE;
}

/* Checks and normalises a contact (a copy) against the rules of the intake,
 * which core decides (kh-intake-state.c); the table's CHECKs and triggers
 * restate them below. `has_client` says whether a person comes with it. */
static gboolean
check_contact (KhContact  *contact,
               gboolean    has_client,
               GError    **error)
{
  gint64 now = _kh_db_now ();
  g_autofree char *message = NULL;

  kh_contact_normalize (contact);

  if (contact->received_at == NULL)
    contact->received_at = g_date_time_new_now_local ();
  else if (g_date_time_to_unix (contact->received_at) > now + FUTURE_TOLERANCE_S)
    return refuse (error, _("Received: the time is in the future."));

  if (kh_contact_find_problem (contact, has_client, NULL, &message))
    return refuse (error, message);
  if (contact->anonymous)
    contact->client_id = 0;
  return TRUE;
}

/* SHL 36 § 1 mom: the answer to the urgency check is the saving user's, at
 * the time of saving, unless a bulk import brings its own. */
static void
stamp_urgency (KhContact *contact,
               gint64     user_id)
{
  if (contact->urgency_assessed_by <= 0)
    contact->urgency_assessed_by = user_id;
  if (contact->urgency_assessed_at == NULL)
    contact->urgency_assessed_at = contact->created_at != NULL
                                   ? g_date_time_ref (contact->created_at)
                                   : g_date_time_new_now_local ();
}

static void local_day (GDateTime *time,
                       GDate     *out);

/* TTL 14 d §: a Kela notification of a meeting request carries its deadline. */
static gboolean
set_meeting_deadline (KhDb       *db,
                      KhContact  *contact,
                      GError    **error)
{
  KhCalendar *calendar;
  GDate day, deadline;

  g_clear_pointer (&contact->kela_meeting_deadline, g_free);
  if (contact->kela_kind != KH_KELA_MEETING_REQUEST)
    return TRUE;
  calendar = _kh_db_get_calendar (db, error);
  if (calendar == NULL)
    return FALSE;
  local_day (contact->received_at, &day);
  kh_deadline_kela_meeting (calendar, &day, &deadline);
  contact->kela_meeting_deadline = kh_date_to_iso (&deadline);
  return TRUE;
}

static gboolean
check_exists (KhDb        *db,
              const char  *sql,
              gint64       id,
              const char  *message,
              GError     **error)
{
  g_autoptr(KhDbStmt) stmt = _kh_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  _kh_db_bind_int64 (stmt, 1, id);
  rc = _kh_db_step (stmt);
  if (rc == KH_DB_ROW)
    return TRUE;
  if (rc == KH_DB_DONE)
    return refuse (error, message);
  _kh_db_set_error (db, rc, error);
  return FALSE;
}

static gint64
insert_contact (KhDb       *db,
                KhContact  *contact,
                gint64      created_by,
                const char *request_id,
                GError    **error)
{
  g_autoptr(KhDbStmt) stmt = NULL;
  int rc;

  stmt = _kh_db_prepare (db,
                         "INSERT INTO contacts (received_at, channel, contactor, contactor_detail, "
                         "  referral, needs, reason_text, urgent, urgent_note, language, interpreter, "
                         "  outcome, service_id, outcome_note, anonymous, client_id, created_by, "
                         "  created_at, contactor_name, contactor_relation, contactor_contact, "
                         "  directed_by, kela_kind, kela_meeting_deadline, urgency, "
                         "  urgency_assessed_by, urgency_assessed_at, opens_case, no_assessment_reason, "
                         "  attached_case_id, request_id) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                         "  ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                         error);
  if (stmt == NULL)
    return 0;
  _kh_db_bind_int64 (stmt, 1, g_date_time_to_unix (contact->received_at));
  _kh_db_bind_int (stmt, 2, contact->channel);
  _kh_db_bind_int (stmt, 3, contact->contactor);
  _kh_db_bind_text (stmt, 4, contact->contactor_detail);
  _kh_db_bind_int (stmt, 5, contact->referral);
  _kh_db_bind_int (stmt, 6, contact->needs);
  _kh_db_bind_text (stmt, 7, contact->reason_text);
  _kh_db_bind_int (stmt, 8, contact->urgent ? 1 : 0);
  _kh_db_bind_text (stmt, 9, contact->urgent_note);
  _kh_db_bind_int (stmt, 10, contact->language);
  _kh_db_bind_int (stmt, 11, contact->interpreter ? 1 : 0);
  _kh_db_bind_int (stmt, 12, contact->outcome);
  _kh_db_bind_id (stmt, 13, contact->service_id);
  _kh_db_bind_text (stmt, 14, contact->outcome_note);
  _kh_db_bind_int (stmt, 15, contact->anonymous ? 1 : 0);
  _kh_db_bind_id (stmt, 16, contact->client_id);
  _kh_db_bind_int64 (stmt, 17, created_by);
  _kh_db_bind_int64 (stmt, 18, contact->created_at != NULL
                                  ? g_date_time_to_unix (contact->created_at)
                                  : _kh_db_now ());
  _kh_db_bind_text (stmt, 19, contact->contactor_name);
  _kh_db_bind_text (stmt, 20, contact->contactor_relation);
  _kh_db_bind_text (stmt, 21, contact->contactor_contact);
  _kh_db_bind_text (stmt, 22, contact->directed_by);
  _kh_db_bind_int (stmt, 23, contact->kela_kind);
  _kh_db_bind_text (stmt, 24, contact->kela_meeting_deadline);
  _kh_db_bind_int (stmt, 25, contact->urgency);
  _kh_db_bind_id (stmt, 26, contact->urgency_assessed_by);
  if (contact->urgency_assessed_at != NULL)
    _kh_db_bind_int64 (stmt, 27, g_date_time_to_unix (contact->urgency_assessed_at));
  else
    _kh_db_bind_null (stmt, 27);
  _kh_db_bind_int (stmt, 28, contact->opens_case ? 1 : 0);
  _kh_db_bind_text (stmt, 29, contact->no_assessment_reason);
  _kh_db_bind_id (stmt, 30, contact->attached_case_id);
  _kh_db_bind_text (stmt, 31, request_id);
  rc = _kh_db_step (stmt);
  if (rc != KH_DB_ROW)
    {
      _kh_db_set_error (db, rc, error);
      return 0;
    }
  return _kh_db_column_int64 (stmt, 0);
}

static gint64
insert_case (KhDb    *db,
             KhCase  *kcase,
             GError **error)
{
  g_autoptr(KhDbStmt) stmt = NULL;
  int rc;

  stmt = _kh_db_prepare (db,
                         "INSERT INTO cases (client_id, contact_id, opened_at, status, assigned_to, "
                         "  deadline_groups, assessment_deadline, implementation_deadline, urgent, "
                         "  team_id) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                         error);
  if (stmt == NULL)
    return 0;
  _kh_db_bind_int64 (stmt, 1, kcase->client_id);
  _kh_db_bind_int64 (stmt, 2, kcase->contact_id);
  _kh_db_bind_int64 (stmt, 3, kcase->opened_at != NULL
                                 ? g_date_time_to_unix (kcase->opened_at)
                                 : _kh_db_now ());
  _kh_db_bind_int (stmt, 4, kcase->status);
  _kh_db_bind_id (stmt, 5, kcase->assigned_to);
  _kh_db_bind_int (stmt, 6, kcase->deadline_groups);
  _kh_db_bind_text (stmt, 7, kcase->assessment_deadline);
  _kh_db_bind_text (stmt, 8, kcase->implementation_deadline);
  _kh_db_bind_int (stmt, 9, kcase->urgent ? 1 : 0);
  _kh_db_bind_id (stmt, 10, kcase->team_id);
  rc = _kh_db_step (stmt);
  if (rc != KH_DB_ROW)
    {
      _kh_db_set_error (db, rc, error);
      return 0;
    }
  return _kh_db_column_int64 (stmt, 0);
}

/* ---- deadlines ---- */

/* The day of `time` where the unit is, whatever zone it came in. */
static void
local_day (GDateTime *time,
           GDate     *out)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (time);
  int year, month, day;

  g_date_time_get_ymd (local, &year, &month, &day);
  g_date_clear (out, 1);
  g_date_set_dmy (out, day, month, year);
}

/* SHL 45 §, from the day the case became pending. Only the statutory days
 * matter (150/1930), so the national calendar does. */
static char *
implementation_deadline_for (const GDate *pending_day)
{
  g_autoptr(KhCalendar) national = kh_calendar_new ();
  GDate deadline;

  kh_deadline_implementation (national, pending_day, &deadline);
  return kh_date_to_iso (&deadline);
}

char *
_kh_db_implementation_deadline (gint64 opened_at)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (opened_at);
  GDate day;

  local_day (time, &day);
  return implementation_deadline_for (&day);
}

/* ---- the intake ---- */

void
kh_intake_result_free (KhIntakeResult *result)
{
  if (result == NULL)
    return;
  g_free (result->assessment_deadline);
  g_free (result);
}

KhIntakeResult *
kh_intake_result_copy (const KhIntakeResult *result)
{
  KhIntakeResult *copy;

  g_return_val_if_fail (result != NULL, NULL);

  copy = g_memdup2 (result, sizeof *result);
  copy->assessment_deadline = g_strdup (result->assessment_deadline);
  return copy;
}

/* What undoing a user's latest intake needs, kept by the store that saved
 * it (issue 6, 5). The caller's KhIntakeResult only names the contact: the
 * person as they were before the intake updated them never leaves the
 * store (handing it back was a read of the person without a log row), and
 * nothing the caller sends (a made-up "before", another person's id) is
 * written back. */
typedef struct
{
  gint64    contact_id;
  gint64    client_id;
  gboolean  created_client;
  KhClient *client_before;   /* NULL unless the intake updated the person */
  gint64    saved_at;        /* g_get_monotonic_time () */
} IntakeUndo;

static void
intake_undo_free (gpointer data)
{
  IntakeUndo *undo = data;

  g_clear_object (&undo->client_before);
  g_free (undo);
}

/* After the intake's commit: this is now the user's one intake that can
 * be undone. */
static void
remember_intake (KhDb           *db,
                 KhUser         *user,
                 KhIntakeResult *result,
                 KhClient       *before)
{
  IntakeUndo *undo = g_new0 (IntakeUndo, 1);

  if (db->intake_undo == NULL)
    db->intake_undo = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                             intake_undo_free);
  undo->contact_id = result->contact_id;
  undo->client_id = result->client_id;
  undo->created_client = result->created_client;
  undo->client_before = before != NULL ? g_object_ref (before) : NULL;
  undo->saved_at = g_get_monotonic_time ();
  g_hash_table_replace (db->intake_undo, g_memdup2 (&user->id, sizeof user->id), undo);
}

/* Opens the case of a contact that opens one (CASE_OPENED, or URGENT with
 * a case too, 2.5), with its SHL 36 § and 45 § deadlines. */
static gint64
open_case (KhDb       *db,
           KhIntake   *intake,
           KhContact  *contact,
           KhClient   *client,
           gint64      team_id,
           char      **out_deadline,
           GError    **error)
{
  g_autoptr(KhCase) kcase = kh_case_new ();
  KhCalendar *calendar;
  GDate contact_day, birth, deadline;
  gboolean have_birth;

  calendar = _kh_db_get_calendar (db, error);
  if (calendar == NULL)
    return 0;

  local_day (contact->received_at, &contact_day);
  have_birth = client->birth_date != NULL && kh_date_from_iso (client->birth_date, &birth);

  kcase->client_id = contact->client_id;
  kcase->contact_id = contact->id;
  kcase->opened_at = g_date_time_ref (contact->received_at);
  kcase->assigned_to = intake->assign_to;
  kcase->status = intake->assign_to > 0 ? KH_CASE_ASSIGNED : KH_CASE_QUEUED;
  kcase->team_id = team_id;
  /* The contact's answer, copied for the queue's order (0018). */
  kcase->urgent = contact->urgent;
  kcase->deadline_groups = kh_deadline_effective_groups (intake->deadline_groups,
                                                         have_birth ? &birth : NULL,
                                                         &contact_day);
  if (kh_deadline_assessment_start (calendar, &contact_day,
                                    /* SHL 36 § 2 mom: who made the contact */
                                    kh_deadline_contactor_seeks_services (contact->contactor),
                                    intake->deadline_groups,
                                    have_birth ? &birth : NULL, &deadline))
    kcase->assessment_deadline = kh_date_to_iso (&deadline);
  /* The case becomes pending with the contact (SHL 34 §). */
  kcase->implementation_deadline = implementation_deadline_for (&contact_day);

  *out_deadline = g_strdup (kcase->assessment_deadline);
  return insert_case (db, kcase, error);
}

/* Issue 6, 7: the intake this user saved with `request_id`, if one was
 * (an earlier attempt of the same submission whose answer was lost).
 * Returns FALSE with `error` set when the look failed; `*out_result` is
 * NULL when there is none. Only ids come back: nothing to log. */
static gboolean
find_saved_intake (KhDb             *db,
                   KhUser           *user,
                   const char       *request_id,
                   KhIntakeResult  **out_result,
                   GError          **error)
{
  g_autoptr(KhDbStmt) stmt = NULL;
  KhIntakeResult *result;
  int rc;

  *out_result = NULL;
  stmt = _kh_db_prepare (db, "{intake_by_request}", error);
  if (stmt == NULL)
    return FALSE;
  _kh_db_bind_text (stmt, 1, request_id);
  _kh_db_bind_int64 (stmt, 2, user->id);
  rc = _kh_db_step (stmt);
  if (rc == KH_DB_DONE)
    return TRUE;
  if (rc != KH_DB_ROW)
    {
      _kh_db_set_error (db, rc, error);
      return FALSE;
    }
  result = g_new0 (KhIntakeResult, 1);
  result->contact_id = _kh_db_column_int64 (stmt, 0);
  result->client_id = _kh_db_column_int64 (stmt, 1);
  result->case_id = _kh_db_column_int64 (stmt, 2);
  result->assessment_deadline = _kh_db_column_text (stmt, 3);
  result->attached = _kh_db_column_int (stmt, 4) != 0;
  g_debug ("The intake of request %s was already saved as contact %" G_GINT64_FORMAT,
           request_id, result->contact_id);
  *out_result = result;
  return TRUE;
}

/**
 * kh_db_save_intake:
 *
 * Saves the person (new or updated), the contact and, for CASE_OPENED, the
 * case with its deadline — all or nothing.
 *
 * Returns: (transfer full): what was saved, or %NULL with @error set.
 */
KhIntakeResult *
kh_db_save_intake (KhDb      *db,
                   KhUser    *user,
                   KhIntake  *intake,
                   GError   **error)
{
  g_autoptr(KhIntakeResult) result = NULL;
  g_autoptr(KhContact) contact = NULL;
  g_autoptr(KhClient) client = NULL;
  g_autoptr(KhClient) client_before = NULL;
  g_autofree char *phone_digits = NULL;
  GError *local_error = NULL;
  g_autofree char *request_id = NULL;
  gboolean write_client = FALSE;
  gint64 team_id = 0;
  gboolean own;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (KH_IS_USER (user), NULL);
  g_return_val_if_fail (intake != NULL && KH_IS_CONTACT (intake->contact), NULL);
  g_return_val_if_fail (intake->client == NULL || KH_IS_CLIENT (intake->client), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_kh_db_check_role (db, user, KH_ROLE_RECEPTION, error))
    return NULL;

  /* Issue 6, 7: an attempt of a submission that was already saved (its
   * answer lost with the connection) returns what was saved. */
  if (intake->request_id != NULL)
    {
      if (!g_uuid_string_is_valid (intake->request_id))
        {
          refuse (error, _("The save has no valid request id. Save again."));
          return NULL;
        }
      request_id = g_ascii_strdown (intake->request_id, -1);
      if (!find_saved_intake (db, user, request_id, &result, error))
        return NULL;
      if (result != NULL)
        return g_steal_pointer (&result);
    }

  /* Everything that needs no database is checked before the transaction. */
  contact = kh_contact_copy (intake->contact);
  if (intake->client != NULL)
    client = kh_client_copy (intake->client);
  else if (contact->client_id > 0 && !contact->anonymous)
    {
      /* An existing person named by id only. */
      client = kh_client_new ();
      client->id = contact->client_id;
    }
  if (!check_contact (contact, client != NULL, error))
    return NULL;
  if ((intake->deadline_groups & ~(guint) (KH_DEADLINE_GROUP_OVER_75 |
                                           KH_DEADLINE_GROUP_HIGHEST_CARE_ALLOWANCE |
                                           KH_DEADLINE_GROUP_DISABLED)) != 0)
    {
      refuse (error, _("Deadline groups: unknown group."));
      return NULL;
    }
  if (client != NULL)
    {
      write_client = client->id <= 0 || (intake->client != NULL && intake->update_client);
      if (write_client && !_kh_db_prepare_client (client, &phone_digits, error))
        return NULL;
    }

  result = g_new0 (KhIntakeResult, 1);
  if (!_kh_db_tx_begin (db, &own, error))
    return NULL;

  if (client != NULL)
    {
      if (client->id > 0 && _kh_db_log_before_write (db, user, client->id, &local_error))
        {
          /* Also proves the person exists; kept for undo of an update. */
          g_autoptr(KhClient) before = _kh_db_read_client (db, client->id, &local_error);

          if (before != NULL && !write_client)
            g_set_object (&client, before);
          else if (before != NULL)
            client_before = g_steal_pointer (&before);
        }
      if (local_error == NULL && write_client)
        {
          result->created_client = client->id <= 0;
          client->id = _kh_db_write_client (db, client, phone_digits, &local_error);
        }
      contact->client_id = client->id;
      result->client_id = client->id;
    }

  if (local_error == NULL && intake->assign_to > 0)
    check_exists (db, "SELECT 1 FROM users WHERE id = ? AND active = 1", intake->assign_to,
                  _("Assigned to: the worker was not found or no longer uses Kohtaamo."),
                  &local_error);
  if (local_error == NULL && contact->service_id > 0)
    check_exists (db, "SELECT 1 FROM services WHERE id = ?", contact->service_id,
                  _("Directed to: the service is no longer in the directory."),
                  &local_error);

  /* 2.3: joining a pending case of the same person instead of opening one. */
  contact->attached_case_id = 0;
  if (local_error == NULL && intake->attach_to_case > 0)
    {
      if (!contact->opens_case || client == NULL)
        refuse (&local_error, _("Only a contact that opens a case can join a pending case."));
      else
        {
          g_autoptr(KhDbStmt) stmt = _kh_db_prepare (db,
                                                     "SELECT 1 FROM cases WHERE id = ? AND client_id = ? "
                                                     "AND status <> 3",
                                                     &local_error);

          if (stmt != NULL)
            {
              int rc;

              _kh_db_bind_int64 (stmt, 1, intake->attach_to_case);
              _kh_db_bind_int64 (stmt, 2, client->id);
              rc = _kh_db_step (stmt);
              if (rc == KH_DB_DONE)
                refuse (&local_error, _("The case is no longer pending for this person. Open a new case instead."));
              else if (rc != KH_DB_ROW)
                _kh_db_set_error (db, rc, &local_error);
              else
                contact->attached_case_id = intake->attach_to_case;
            }
        }
    }

  /* Issue 5, 2.9: the team whose queue a new case goes to, one that takes
   * new cases; the form's choice, else the default it would offer. */
  if (local_error == NULL && contact->opens_case && contact->attached_case_id == 0)
    team_id = _kh_db_team_for_case (db, intake->team_id, user->team_id, &local_error);

  if (local_error == NULL)
    {
      stamp_urgency (contact, user->id);
      if (set_meeting_deadline (db, contact, &local_error))
        contact->id = insert_contact (db, contact, user->id, request_id, &local_error);
      result->contact_id = contact->id;
    }
  if (local_error == NULL && contact->attached_case_id > 0)
    {
      result->case_id = contact->attached_case_id;
      result->attached = TRUE;
    }
  else if (local_error == NULL && contact->opens_case)
    result->case_id = open_case (db, intake, contact, client, team_id,
                                 &result->assessment_deadline, &local_error);

  {
    GError *refused = NULL;

    if (!_kh_db_tx_finish (db, own, local_error, &refused))
      {
        g_autoptr(KhIntakeResult) saved = NULL;

        /* Another attempt of the same submission committed meanwhile (its
         * transaction was still open on the server when this one began):
         * the UNIQUE request id refused this one; what it saved is the
         * answer. */
        if (request_id != NULL && own
            && g_error_matches (refused, KH_STORE_ERROR, KH_STORE_ERROR_INVALID)
            && find_saved_intake (db, user, request_id, &saved, NULL) && saved != NULL)
          {
            g_clear_error (&refused);
            return g_steal_pointer (&saved);
          }
        /* A code that is another person's: the refusal is a read of them. */
        if (write_client && client != NULL)
          _kh_db_log_duplicate_code (db, user, client->identity_code, &refused);
        g_propagate_error (error, refused);
        return NULL;
      }
  }
  remember_intake (db, user, result, client_before);
  return g_steal_pointer (&result);
}

/**
 * kh_db_undo_intake:
 *
 * Removes what the user's latest kh_db_save_intake() on this connection
 * made (never the access-log rows), and puts back a person the intake
 * updated, from what the store kept (IntakeUndo): only `result->contact_id`
 * of the caller's record is used, to make sure the user is undoing what
 * they think. Returns nothing of the person.
 */
gboolean
kh_db_undo_intake (KhDb            *db,
                   KhUser          *user,
                   KhIntakeResult  *result,
                   GError         **error)
{
  g_autoptr(KhDbStmt) stmt = NULL;
  IntakeUndo *undo;
  GError *local_error = NULL;
  gboolean own;
  int rc;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (KH_IS_USER (user), FALSE);
  g_return_val_if_fail (result != NULL && result->contact_id > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_kh_db_check_role (db, user, KH_ROLE_RECEPTION, error))
    return FALSE;

  /* Only what this user just did: their latest intake, saved through this
   * connection a moment ago (the window offers the undo for 20 seconds). */
  undo = db->intake_undo != NULL ? g_hash_table_lookup (db->intake_undo, &user->id) : NULL;
  if (undo == NULL || undo->contact_id != result->contact_id)
    {
      g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION,
                           _("Only your latest saved contact can be undone, right after saving it."));
      return FALSE;
    }
  if (g_get_monotonic_time () - undo->saved_at > db->intake_undo_window * G_USEC_PER_SEC)
    {
      g_hash_table_remove (db->intake_undo, &user->id);
      g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION,
                           _("It is too late to undo the contact. Correct it, or mark it entered in error."));
      return FALSE;
    }

  if (!_kh_db_tx_begin (db, &own, error))
    return FALSE;

  /* On a server the person's rows are reachable, to remove them or put
   * them back, only once this transaction has logged the person. */
  _kh_db_log_before_write (db, user, undo->client_id, &local_error);
  if (local_error == NULL)
    stmt = _kh_db_prepare (db,
                         "SELECT created_by, "
                         "  EXISTS (SELECT 1 FROM contact_revisions r WHERE r.contact_id = contacts.id) "
                         "FROM contacts WHERE id = ?",
                         &local_error);
  if (stmt != NULL)
    {
      _kh_db_bind_int64 (stmt, 1, undo->contact_id);
      rc = _kh_db_step (stmt);
      if (rc == KH_DB_DONE)
        g_set_error (&local_error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND,
                     _("The contact has already been removed."));
      else if (rc != KH_DB_ROW)
        _kh_db_set_error (db, rc, &local_error);
      else if (_kh_db_column_int64 (stmt, 0) != user->id)
        g_set_error (&local_error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION,
                     _("Only the person who saved the contact can undo it."));
      /* A corrected or marked contact has a history, which is never
       * removed (the revisions' triggers refuse it as the last line). */
      else if (_kh_db_column_int (stmt, 1) != 0)
        g_set_error (&local_error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                     _("The contact has been corrected since it was saved, so it can no longer be undone. Mark it as entered in error instead."));
      g_clear_pointer (&stmt, _kh_db_stmt_release);
    }

  if (local_error == NULL)
    {
      static const char * const deletes[] = {
        "DELETE FROM cases WHERE contact_id = ?",
        "DELETE FROM contacts WHERE id = ?",
      };

      for (guint i = 0; i < G_N_ELEMENTS (deletes) && local_error == NULL; i++)
        {
          stmt = _kh_db_prepare (db, deletes[i], &local_error);
          if (stmt == NULL)
            break;
          _kh_db_bind_int64 (stmt, 1, undo->contact_id);
          _kh_db_step_done (db, stmt, &local_error);
        }
    }

  if (local_error == NULL && undo->client_before != NULL)
    {
      g_autofree char *digits = _kh_db_phone_key (undo->client_before->phone);
      g_autoptr(KhClient) before = kh_client_copy (undo->client_before);

      /* Over the version the intake wrote, one past the one it read: if
       * someone has changed the person since, undo is refused (STALE)
       * rather than putting back the old details over theirs. */
      before->version++;
      _kh_db_write_client (db, before, digits, &local_error);
    }

  if (local_error == NULL && undo->created_client && undo->client_id > 0)
    {
      /* Only if nothing else came to refer to the person meanwhile. */
      stmt = _kh_db_prepare (db,
                             "DELETE FROM clients WHERE id = ?1 "
                             "AND NOT EXISTS (SELECT 1 FROM contacts WHERE client_id = ?1) "
                             "AND NOT EXISTS (SELECT 1 FROM cases WHERE client_id = ?1)",
                             &local_error);
      if (stmt != NULL)
        {
          _kh_db_bind_int64 (stmt, 1, undo->client_id);
          _kh_db_step_done (db, stmt, &local_error);
        }
    }

  if (!_kh_db_tx_finish (db, own, local_error, error))
    return FALSE;
  /* Undone once. */
  g_hash_table_remove (db->intake_undo, &user->id);
  return TRUE;
}

/* ---- lists ---- */

static GPtrArray *
list_contacts (KhDb        *db,
               const char  *sql,
               gint64       arg1,
               GError     **error)
{
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(KhDbStmt) stmt = NULL;

  stmt = _kh_db_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  _kh_db_bind_text (stmt, 1, _kh_db_ui_language ());
  _kh_db_bind_int64 (stmt, 2, arg1);
  if (!_kh_db_read_rows (db, stmt, (KhDbRowFunc) contact_from_row, contacts, error))
    return NULL;
  return g_steal_pointer (&contacts);
}

/**
 * kh_db_list_client_contacts:
 *
 * Returns: (transfer full) (element-type KhContact): the person's contacts,
 *   newest first; the read is logged as KH_ACCESS_CONTACTS.
 */
GPtrArray *
kh_db_list_client_contacts (KhDb    *db,
                            KhUser  *user,
                            gint64   client_id,
                            GError **error)
{
  g_autoptr(GPtrArray) contacts = NULL;
  GError *local_error = NULL;
  KhAccessBasis basis;
  gboolean own;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (KH_IS_USER (user), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_kh_db_check_role (db, user, KH_ROLE_RECEPTION, error))
    return NULL;
  basis = user->role == KH_ROLE_RECEPTION ? KH_BASIS_INTAKE : KH_BASIS_CLIENT_RELATIONSHIP;

  if (!_kh_db_read_begin (db, &own, error))
    return NULL;
  /* The log row first, as in kh_db_get_client. */
  if (_kh_db_log_access (db, user, client_id, KH_ACCESS_CONTACTS, basis, &local_error) &&
      _kh_db_client_exists (db, client_id, &local_error))
    contacts = list_contacts (db, CONTACT_SELECT "WHERE k.client_id = ?2" CONTACT_ORDER,
                              client_id, &local_error);
  if (!_kh_db_read_finish (db, own, local_error, error))
    return NULL;
  return g_steal_pointer (&contacts);
}

/* A work list (the day's contacts, the queue) shows names and reasons, so it
 * is a read of each person shown: one log row per person per showing of the
 * lists (issue 5 2.6: a person in both today's contacts and the queue was
 * logged twice). `logged` collects the people this call logs; they join the
 * showing's set once the transaction has committed. */
static gboolean
already_logged (KhDb        *db,
                KhUser      *user,
                guint64      showing,
                GHashTable  *logged,
                gint64       client_id)
{
  if (g_hash_table_contains (logged, &client_id))
    return TRUE;
  return showing != 0 && db->work_list_seen != NULL
         && db->work_list_showing == showing && db->work_list_user == user->id
         && g_hash_table_contains (db->work_list_seen, &client_id);
}

void
_kh_db_log_work_list (KhDb        *db,
               KhUser      *user,
               guint64      showing,
               GHashTable  *logged,
               gint64       client_id,
               GError     **error)
{
  KhAccessBasis basis;

  if (client_id <= 0 || already_logged (db, user, showing, logged, client_id))
    return;
  g_hash_table_add (logged, g_memdup2 (&client_id, sizeof client_id));
  basis = user->role == KH_ROLE_RECEPTION ? KH_BASIS_INTAKE : KH_BASIS_CLIENT_RELATIONSHIP;
  _kh_db_log_access (db, user, client_id, KH_ACCESS_WORK_LIST, basis, error);
}

/* After the commit: the people logged are part of the showing. */
void
_kh_db_remember_logged (KhDb       *db,
                 KhUser     *user,
                 guint64     showing,
                 GHashTable *logged)
{
  GHashTableIter iter;
  gpointer key;

  if (showing == 0)
    return;
  if (db->work_list_seen == NULL || db->work_list_showing != showing
      || db->work_list_user != user->id)
    {
      g_clear_pointer (&db->work_list_seen, g_hash_table_unref);
      db->work_list_seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      db->work_list_showing = showing;
      db->work_list_user = user->id;
    }
  g_hash_table_iter_init (&iter, logged);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (db->work_list_seen, g_memdup2 (key, sizeof (gint64)));
}

guint64
kh_work_list_new_showing (void)
{
  static guint64 last = 0;
  static GMutex lock;
  guint64 id;

  g_mutex_lock (&lock);
  id = ++last;
  g_mutex_unlock (&lock);
  return id;
}

/* Reads the one number a count statement gives; FALSE with `error` set
 * when it failed. */
static gboolean
count_rows (KhDb          *db,
            KhDbStmt  *stmt,
            guint         *out_count,
            GError       **error)
{
  int rc = _kh_db_step (stmt);

  if (rc != KH_DB_ROW)
    {
      _kh_db_set_error (db, rc, error);
      return FALSE;
    }
  *out_count = (guint) CLAMP (_kh_db_column_int64 (stmt, 0), 0, G_MAXUINT);
  return TRUE;
}

/* The filters of today's list, in SQL: a value of 0 (?N = 0) lets every
 * row through, so that one statement serves every combination. */
#define CONTACT_FILTER \
  "WHERE k.received_at >= ?2 AND k.received_at < ?3 " \
  "  AND (?4 = 0 OR k.channel = ?4) AND (?5 = 0 OR k.outcome = ?5) " \
  "  AND (?6 = 0 OR k.created_by = ?6) "

static void
bind_contact_filter (KhDbStmt          *stmt,
                     GDateTime             *start,
                     GDateTime             *end,
                     const KhWorkListQuery *query)
{
  _kh_db_bind_int64 (stmt, 2, g_date_time_to_unix (start));
  _kh_db_bind_int64 (stmt, 3, g_date_time_to_unix (end));
  _kh_db_bind_int (stmt, 4, query->channel);
  _kh_db_bind_int (stmt, 5, query->outcome);
  _kh_db_bind_int64 (stmt, 6, query->worker_id);
}

/* On a server (data/sql/pg/0006-store-on-both-engines.sql) the work lists'
 * functions choose the rows and log the people in them, once per showing:
 * the people this showing has already logged, as a bigint[] literal. */
char *
_kh_db_shown_literal (KhDb    *db,
               KhUser  *user,
               guint64  showing)
{
  GString *out = g_string_new ("{");

  if (showing != 0 && db->work_list_seen != NULL && db->work_list_showing == showing
      && db->work_list_user == user->id)
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, db->work_list_seen);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_string_append_printf (out, "%s%" G_GINT64_FORMAT, out->len > 1 ? "," : "",
                                *(gint64 *) key);
    }
  g_string_append_c (out, '}');
  return g_string_free (out, FALSE);
}

/* Runs a server's work-list function (its one column: the rows' ids, in
 * order) and returns the ids as a bigint[] literal, or NULL with `error`. */
char *
_kh_db_server_ids (KhDb      *db,
                      KhDbStmt  *stmt,
                      GError   **error)
{
  GString *out = g_string_new ("{");
  int rc;

  while ((rc = _kh_db_step (stmt)) == KH_DB_ROW)
    g_string_append_printf (out, "%s%" G_GINT64_FORMAT, out->len > 1 ? "," : "",
                            _kh_db_column_int64 (stmt, 0));
  _kh_db_reset (stmt);
  if (rc != KH_DB_DONE)
    {
      _kh_db_set_error (db, rc, error);
      g_string_free (out, TRUE);
      return NULL;
    }
  g_string_append_c (out, '}');
  return g_string_free (out, FALSE);
}

/* The day's contacts on a server: the page and its count from the
 * server's functions, which logged the people on the page (or found them
 * logged in the showing); then the rows themselves, which row-level
 * security now lets through. */
static void
list_contacts_on_server (KhDb                  *db,
                         KhUser                *user,
                         GDateTime             *start,
                         GDateTime             *end,
                         const KhWorkListQuery *query,
                         guint                  limit,
                         GPtrArray             *contacts,
                         guint                 *total,
                         GError               **error)
{
  g_autofree char *shown = _kh_db_shown_literal (db, user, query->showing);
  g_autofree char *ids = NULL;
  g_autoptr(KhDbStmt) stmt = NULL;
  GError *local_error = NULL;

  stmt = _kh_db_prepare (db,
                         "SELECT contact_id FROM kohtaamo.work_list_contacts (CAST (?1 AS bigint), "
                         "  CAST (?2 AS bigint), CAST (?3 AS integer), CAST (?4 AS integer), "
                         "  CAST (?5 AS bigint), CAST (?6 AS integer), CAST (?7 AS integer), "
                         "  CAST (?8 AS bigint[]))",
                         &local_error);
  if (stmt != NULL)
    {
      _kh_db_bind_int64 (stmt, 1, g_date_time_to_unix (start));
      _kh_db_bind_int64 (stmt, 2, g_date_time_to_unix (end));
      _kh_db_bind_int (stmt, 3, query->channel);
      _kh_db_bind_int (stmt, 4, query->outcome);
      _kh_db_bind_int64 (stmt, 5, query->worker_id);
      _kh_db_bind_int64 (stmt, 6, limit);
      _kh_db_bind_int64 (stmt, 7, query->offset);
      _kh_db_bind_text (stmt, 8, shown);
      ids = _kh_db_server_ids (db, stmt, &local_error);
      g_clear_pointer (&stmt, _kh_db_stmt_release);
    }
  if (ids != NULL)
    stmt = _kh_db_prepare (db,
                           CONTACT_SELECT
                           "JOIN unnest (CAST (?2 AS bigint[])) WITH ORDINALITY AS o (id, n) "
                           "  ON o.id = k.id ORDER BY o.n",
                           &local_error);
  if (stmt != NULL)
    {
      _kh_db_bind_text (stmt, 1, _kh_db_ui_language ());
      _kh_db_bind_text (stmt, 2, ids);
      _kh_db_read_rows (db, stmt, (KhDbRowFunc) contact_from_row, contacts, &local_error);
      g_clear_pointer (&stmt, _kh_db_stmt_release);
    }
  if (local_error == NULL)
    stmt = _kh_db_prepare (db,
                           "SELECT kohtaamo.work_list_contacts_count (CAST (?1 AS bigint), "
                           "  CAST (?2 AS bigint), CAST (?3 AS integer), CAST (?4 AS integer), "
                           "  CAST (?5 AS bigint))",
                           &local_error);
  if (stmt != NULL)
    {
      _kh_db_bind_int64 (stmt, 1, g_date_time_to_unix (start));
      _kh_db_bind_int64 (stmt, 2, g_date_time_to_unix (end));
      _kh_db_bind_int (stmt, 3, query->channel);
      _kh_db_bind_int (stmt, 4, query->outcome);
      _kh_db_bind_int64 (stmt, 5, query->worker_id);
      count_rows (db, stmt, total, &local_error);
    }
  if (local_error != NULL)
    g_propagate_error (error, local_error);
}

/**
 * kh_db_list_contacts_query:
 * @date: an ISO date, in local time
 * @query: which page, which filters, which showing
 * @out_total: (out) (optional): how many contacts of the day pass the filters
 *
 * Returns: (transfer full) (element-type KhContact): the page of the day's
 *   contacts, newest first, with names for display; only the people in
 *   them are logged, each once in the showing.
 */
GPtrArray *
kh_db_list_contacts_query (KhDb                  *db,
                           KhUser                *user,
                           const char            *date,
                           const KhWorkListQuery *query,
                           guint                 *out_total,
                           GError               **error)
{
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) logged = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GError *local_error = NULL;
  guint total = 0;
  guint limit;
  gboolean own;
  GDate day;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (KH_IS_USER (user), NULL);
  g_return_val_if_fail (date != NULL, NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  limit = query->limit != 0 ? query->limit : KH_DB_CONTACTS_ON_LIMIT;
  if (!_kh_db_check_role (db, user, KH_ROLE_RECEPTION, error))
    return NULL;
  if (!kh_date_parse (date, &day))
    {
      refuse (error, _("Date: not a valid date."));
      return NULL;
    }
  /* The local day, whatever its length (daylight saving time). */
  start = g_date_time_new_local (g_date_get_year (&day), g_date_get_month (&day),
                                 g_date_get_day (&day), 0, 0, 0);
  g_date_add_days (&day, 1);
  end = g_date_time_new_local (g_date_get_year (&day), g_date_get_month (&day),
                               g_date_get_day (&day), 0, 0, 0);

  if (!_kh_db_read_begin (db, &own, error))
    return NULL;
  if (db->engine->search_on_server)
    {
      list_contacts_on_server (db, user, start, end, query, limit, contacts, &total, &local_error);
      for (guint i = 0; i < contacts->len && local_error == NULL; i++)
        {
          KhContact *contact = g_ptr_array_index (contacts, i);

          if (!contact->anonymous && contact->client_id > 0)
            g_hash_table_add (logged, g_memdup2 (&contact->client_id, sizeof (gint64)));
        }
    }
  else
  {
    /* The page is in the SQL: rows left out are never read, so never
     * logged. */
    g_autoptr(KhDbStmt) stmt = _kh_db_prepare (db,
                                               CONTACT_SELECT CONTACT_FILTER
                                               CONTACT_ORDER " LIMIT ?7 OFFSET ?8",
                                               &local_error);

    if (stmt != NULL)
      {
        _kh_db_bind_text (stmt, 1, _kh_db_ui_language ());
        bind_contact_filter (stmt, start, end, query);
        _kh_db_bind_int64 (stmt, 7, limit);
        _kh_db_bind_int64 (stmt, 8, query->offset);
        _kh_db_read_rows (db, stmt, (KhDbRowFunc) contact_from_row, contacts, &local_error);
      }
  }
  if (local_error == NULL && !db->engine->search_on_server)
    {
      /* The numbers of the list's statement; ?1 is not used here. */
      g_autoptr(KhDbStmt) stmt = _kh_db_prepare (db,
                                                 "SELECT count(*) FROM contacts k " CONTACT_FILTER,
                                                 &local_error);

      if (stmt != NULL)
        {
          bind_contact_filter (stmt, start, end, query);
          count_rows (db, stmt, &total, &local_error);
        }
    }
  for (guint i = 0; i < contacts->len && local_error == NULL && !db->engine->search_on_server; i++)
    {
      KhContact *contact = g_ptr_array_index (contacts, i);

      if (!contact->anonymous)
        _kh_db_log_work_list (db, user, query->showing, logged, contact->client_id, &local_error);
    }
  if (!_kh_db_read_finish (db, own, local_error, error))
    return NULL;
  _kh_db_remember_logged (db, user, query->showing, logged);
  if (out_total != NULL)
    *out_total = total;
  return g_steal_pointer (&contacts);
}

/**
 * kh_db_list_contacts_on_page:
 * @date: an ISO date, in local time
 * @limit: the most rows to return; 0 for %KH_DB_CONTACTS_ON_LIMIT
 * @out_total: (out) (optional): how many contacts the day has in all
 *
 * Returns: (transfer full) (element-type KhContact): the day's newest
 *   contacts, newest first, with names for display; only the people in
 *   them are logged.
 */
GPtrArray *
kh_db_list_contacts_on_page (KhDb        *db,
                             KhUser      *user,
                             const char  *date,
                             guint        limit,
                             guint       *out_total,
                             GError     **error)
{
  KhWorkListQuery query = { 0, limit, 0, 0, 0, 0 };

  return kh_db_list_contacts_query (db, user, date, &query, out_total, error);
}

/**
 * kh_db_list_contacts_on:
 * @date: an ISO date, in local time
 *
 * Returns: (transfer full) (element-type KhContact): the day's newest
 *   %KH_DB_CONTACTS_ON_LIMIT contacts, newest first.
 */
GPtrArray *
kh_db_list_contacts_on (KhDb        *db,
                        KhUser      *user,
                        const char  *date,
                        GError     **error)
{
  return kh_db_list_contacts_on_page (db, user, date, 0, NULL, error);
}

/**
 * kh_db_list_queue_query:
 * @query: which page, which showing, which team (0: every team; the
 *   filters of today's contacts do not apply)
 * @out_total: (out) (optional): how many cases wait in all (in the team)
 * @out_urgent: (out) (optional): how many of them are urgent
 *
 * Returns: (transfer full) (element-type KhCase): the page of the opened
 *   cases waiting for a worker: every urgent case first, then the nearest
 *   statutory deadline, then the oldest; only the people in them are
 *   logged, each once in the showing.
 */
GPtrArray *
kh_db_list_queue_query (KhDb                  *db,
                        KhUser                *user,
                        const KhWorkListQuery *query,
                        guint                 *out_total,
                        guint                 *out_urgent,
                        GError               **error)
{
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) logged = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GError *local_error = NULL;
  guint total = 0;
  guint urgent = 0;
  guint limit;
  gboolean own;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (KH_IS_USER (user), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  limit = query->limit != 0 ? query->limit : KH_DB_QUEUE_LIMIT;
  if (!_kh_db_check_role (db, user, KH_ROLE_RECEPTION, error))
    return NULL;
  if (!_kh_db_read_begin (db, &own, error))
    return NULL;
  if (db->engine->search_on_server)
    {
      /* The server's function chooses the page and logs its people, once
       * per showing (0006); the order is the same. */
      g_autofree char *shown = _kh_db_shown_literal (db, user, query->showing);
      g_autofree char *ids = NULL;
      g_autoptr(KhDbStmt) stmt = _kh_db_prepare (db,
                                                 "SELECT case_id FROM kohtaamo.work_list_queue "
                                                 "(CAST (?1 AS integer), CAST (?2 AS integer), "
                                                 "CAST (?3 AS bigint[]), CAST (?4 AS bigint))",
                                                 &local_error);

      if (stmt != NULL)
        {
          _kh_db_bind_int64 (stmt, 1, limit);
          _kh_db_bind_int64 (stmt, 2, query->offset);
          _kh_db_bind_text (stmt, 3, shown);
          _kh_db_bind_int64 (stmt, 4, query->team_id);
          ids = _kh_db_server_ids (db, stmt, &local_error);
          g_clear_pointer (&stmt, _kh_db_stmt_release);
        }
      if (ids != NULL)
        stmt = _kh_db_prepare (db,
                               CASE_SELECT
                               "JOIN unnest (CAST (?1 AS bigint[])) WITH ORDINALITY AS o (id, n) "
                               "  ON o.id = cs.id ORDER BY o.n",
                               &local_error);
      if (stmt != NULL)
        {
          _kh_db_bind_text (stmt, 1, ids);
          _kh_db_read_rows (db, stmt, (KhDbRowFunc) _kh_db_case_from_full_row, cases, &local_error);
        }
      for (guint i = 0; i < cases->len && local_error == NULL; i++)
        {
          KhCase *kcase = g_ptr_array_index (cases, i);

          g_hash_table_add (logged, g_memdup2 (&kcase->client_id, sizeof (gint64)));
        }
    }
  else
  {
    /* SHL 36 § 1 and 45 §: an urgent case waits for nothing, whatever its
     * deadline group or deadline; urgent ones among themselves, the
     * longest waiting first. The rest by the 36 § deadline, where the
     * law sets one, then by age. The order is the index cases_queue's
     * (0018), the case's own copy of its contact's urgency: a page reads
     * its own rows only, not every waiting case. */
    g_autoptr(KhDbStmt) stmt = _kh_db_prepare (db,
                                               CASE_SELECT "WHERE cs.status = 1 "
                                               "  AND (?3 = 0 OR cs.team_id = ?3) "
                                               "ORDER BY cs.urgent DESC, "
                                               "  CASE WHEN cs.urgent = 1 THEN 0 "
                                               "       WHEN cs.assessment_deadline IS NULL THEN 1 "
                                               "       ELSE 0 END, "
                                               "  CASE WHEN cs.urgent = 1 THEN NULL "
                                               "       ELSE cs.assessment_deadline END, "
                                               "  cs.opened_at, cs.id "
                                               "LIMIT ?1 OFFSET ?2",
                                               &local_error);

    if (stmt != NULL)
      {
        _kh_db_bind_int64 (stmt, 1, limit);
        _kh_db_bind_int64 (stmt, 2, query->offset);
        _kh_db_bind_int64 (stmt, 3, query->team_id);
        _kh_db_read_rows (db, stmt, (KhDbRowFunc) _kh_db_case_from_full_row, cases, &local_error);
      }
  }
  if (local_error == NULL)
    {
      /* On a server, a count of every waiting case (no person). The
       * counts follow the team, so that a team's urgent cases are all
       * counted in its heading (issue 5, 1.1). */
      g_autoptr(KhDbStmt) stmt = _kh_db_prepare (db,
                                                 db->engine->search_on_server
                                                 ? "SELECT total, urgent FROM kohtaamo.queue_counts "
                                                   "(CAST (?1 AS bigint))"
                                                 : "SELECT count(*), coalesce (sum (urgent), 0) "
                                                   "FROM cases WHERE status = 1 "
                                                   "AND (?1 = 0 OR team_id = ?1)",
                                                 &local_error);

      if (stmt != NULL)
        _kh_db_bind_int64 (stmt, 1, query->team_id);
      if (stmt != NULL && count_rows (db, stmt, &total, &local_error))
        urgent = (guint) CLAMP (_kh_db_column_int64 (stmt, 1), 0, G_MAXUINT);
    }
  for (guint i = 0; i < cases->len && local_error == NULL && !db->engine->search_on_server; i++)
    {
      KhCase *kcase = g_ptr_array_index (cases, i);

      _kh_db_log_work_list (db, user, query->showing, logged, kcase->client_id, &local_error);
    }
  if (!_kh_db_read_finish (db, own, local_error, error))
    return NULL;
  _kh_db_remember_logged (db, user, query->showing, logged);
  if (out_total != NULL)
    *out_total = total;
  if (out_urgent != NULL)
    *out_urgent = urgent;
  return g_steal_pointer (&cases);
}

/**
 * kh_db_list_queue_page:
 * @limit: the most rows to return; 0 for %KH_DB_QUEUE_LIMIT
 * @out_total: (out) (optional): how many cases wait in all
 *
 * Returns: (transfer full) (element-type KhCase): the first page of the
 *   queue (see kh_db_list_queue_query).
 */
GPtrArray *
kh_db_list_queue_page (KhDb     *db,
                       KhUser   *user,
                       guint     limit,
                       guint    *out_total,
                       GError  **error)
{
  KhWorkListQuery query = { 0, limit, 0, 0, 0, 0 };

  return kh_db_list_queue_query (db, user, &query, out_total, NULL, error);
}

/**
 * kh_db_list_queue:
 *
 * Returns: (transfer full) (element-type KhCase): the %KH_DB_QUEUE_LIMIT
 *   first cases of the queue.
 */
GPtrArray *
kh_db_list_queue (KhDb     *db,
                  KhUser   *user,
                  GError  **error)
{
  return kh_db_list_queue_page (db, user, 0, NULL, error);
}

/* ---- bulk ---- */

/**
 * kh_db_insert_contact_bulk:
 *
 * Inserts a contact as given (client_id, received_at, created_by), checked as
 * in kh_db_save_intake() but opening no case.
 */
gint64
kh_db_insert_contact_bulk (KhDb       *db,
                           KhUser     *user,
                           KhContact  *contact,
                           GError    **error)
{
  g_autoptr(KhContact) copy = NULL;
  gint64 created_by;

  g_return_val_if_fail (db != NULL, 0);
  g_return_val_if_fail (KH_IS_CONTACT (contact), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  copy = kh_contact_copy (contact);
  if (!check_contact (copy, copy->client_id > 0 && !copy->anonymous, error))
    return 0;
  created_by = copy->created_by > 0 ? copy->created_by : (user != NULL ? user->id : 0);
  stamp_urgency (copy, created_by);
  if (!set_meeting_deadline (db, copy, error))
    return 0;
  return insert_contact (db, copy, created_by, NULL, error);
}

/**
 * kh_db_insert_case_bulk:
 *
 * Inserts a case as given. A status of 0 becomes queued or assigned by
 * assigned_to; a case without an implementation deadline gets it from its
 * opening day (SHL 45 §), as kh_db_save_intake() gives it; one without a
 * team goes to the unit's default team. Its `urgent`
 * must be its contact's: the schema refuses any other (0018).
 */
gint64
kh_db_insert_case_bulk (KhDb    *db,
                        KhCase  *kcase,
                        GError **error)
{
  g_autoptr(KhCase) copy = NULL;

  g_return_val_if_fail (db != NULL, 0);
  g_return_val_if_fail (KH_IS_CASE (kcase), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (kcase->status != 0 && kcase->implementation_deadline != NULL && kcase->team_id > 0)
    return insert_case (db, kcase, error);

  copy = kh_case_new ();
  copy->client_id = kcase->client_id;
  copy->contact_id = kcase->contact_id;
  copy->opened_at = kcase->opened_at ? g_date_time_ref (kcase->opened_at) : NULL;
  copy->assigned_to = kcase->assigned_to;
  copy->status = kcase->status != 0 ? kcase->status
                 : kcase->assigned_to > 0 ? KH_CASE_ASSIGNED : KH_CASE_QUEUED;
  copy->deadline_groups = kcase->deadline_groups;
  copy->urgent = kcase->urgent;
  copy->team_id = kcase->team_id > 0 ? kcase->team_id : _kh_db_team_for_case (db, 0, 0, error);
  if (copy->team_id == 0)
    return 0;
  copy->assessment_deadline = g_strdup (kcase->assessment_deadline);
  copy->implementation_deadline =
    kcase->implementation_deadline != NULL
      ? g_strdup (kcase->implementation_deadline)
      : _kh_db_implementation_deadline (kcase->opened_at != NULL
                                          ? g_date_time_to_unix (kcase->opened_at)
                                          : _kh_db_now ());
  return insert_case (db, copy, error);
}

/* ---- for kh-db-contact-history.c (issue 5, 2.1) ---- */

gboolean
_kh_db_check_contact (KhContact  *contact,
                      gboolean    has_client,
                      GError    **error)
{
  return check_contact (contact, has_client, error);
}

KhContact *
_kh_db_read_contact (KhDb    *db,
                     gint64   contact_id,
                     GError **error)
{
  g_autoptr(GPtrArray) rows = list_contacts (db, CONTACT_SELECT "WHERE k.id = ?2", contact_id, error);

  if (rows == NULL)
    return NULL;
  if (rows->len == 0)
    {
      g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND,
                           _("The contact was not found."));
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (rows, 0));
}
