/* kh-store.h — the asynchronous store the application uses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * KhStore owns one KhDb on one worker thread, fed by a GAsyncQueue of GTasks,
 * so that the UI thread never waits on the disk. Each call copies what it is
 * given (records are values), runs the matching kh_db_* function on the
 * worker, and completes on the caller's main context. The acting user is the
 * one that kh_store_open logged in.
 */
#pragma once

#include <gio/gio.h>

#include "store/kh-db.h"

G_BEGIN_DECLS

#define KH_TYPE_STORE (kh_store_get_type ())
G_DECLARE_FINAL_TYPE (KhStore, kh_store, KH, STORE, GObject)

/* The default database: $KOHTAAMO_DATABASE, else $XDG_DATA_HOME/kohtaamo/kohtaamo.db. */
char       *kh_store_default_path        (void);

/* Where opening the database is (the "state" property, notified). */
typedef enum {
  KH_STORE_STATE_CLOSED,               /* not asked to open yet */
  KH_STORE_STATE_OPENING,              /* migrating, logging in */
  KH_STORE_STATE_NEEDS_ADMINISTRATOR,  /* no users yet: ask whether this account administers it */
  KH_STORE_STATE_READY,                /* open, a user logged in */
  KH_STORE_STATE_FAILED,               /* kh_store_get_error says why */
} KhStoreState;

GType kh_store_state_get_type (void);
#define KH_TYPE_STORE_STATE (kh_store_state_get_type ())

KhStore    *kh_store_new                 (const char *path);
KhStoreState kh_store_get_state          (KhStore    *self);
const GError *kh_store_get_error         (KhStore    *self);
/* TRUE when opening created the database file (a new, empty database). */
gboolean    kh_store_get_created         (KhStore    *self);
/* The unit's name once READY, or NULL when it has not been set. */
const char *kh_store_get_unit_name       (KhStore    *self);
/* Issue 6, 7: whether the database server can be reached (the property
 * "available"), and connecting again now instead of at the next attempt. */
gboolean    kh_store_get_available       (KhStore    *self);
void        kh_store_reconnect_now       (KhStore    *self);
void        kh_store_reconnect_async     (KhStore             *self,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
gboolean    kh_store_reconnect_finish    (KhStore             *self,
                                          GAsyncResult        *result,
                                          GError             **error);
/* Starts opening (from CLOSED); the state tells the rest. */
void        kh_store_open                (KhStore    *self);
const char *kh_store_get_path            (KhStore    *self);
const char *kh_store_get_display_path    (KhStore    *self);
/* The logged-in user after a successful open, else NULL. */
KhUser     *kh_store_get_user            (KhStore    *self);
/* The unit's calendar, after a successful open (read-only, shared). */
KhCalendar *kh_store_get_calendar        (KhStore    *self);

/* Opens and migrates the database and logs in the OS account (g_get_user_name,
 * display name g_get_real_name). Completes with the KhUser (a new reference;
 * the store keeps its own for kh_store_get_user). Errors are KhStoreError:
 * NOT_A_DATABASE, READ_ONLY, LOCKED, TOO_NEW, PERMISSION (unknown account),
 * NO_ADMINISTRATOR (a database without users: state NEEDS_ADMINISTRATOR;
 * nobody is made its administrator without being asked). */
void        kh_store_open_async          (KhStore             *self,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
KhUser     *kh_store_open_finish         (KhStore             *self,
                                          GAsyncResult        *result,
                                          GError             **error);

/* The answer "yes" to the first-start question (state NEEDS_ADMINISTRATOR):
 * makes the OS account the administrator and logs it in, as open does. */
void        kh_store_claim_administration_async  (KhStore *self, GCancellable *cancellable,
                                                  GAsyncReadyCallback callback, gpointer user_data);
KhUser     *kh_store_claim_administration_finish (KhStore *self, GAsyncResult *result, GError **error);

void        kh_store_search_clients_async  (KhStore *self, const char *query, guint limit,
                                            GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
GPtrArray  *kh_store_search_clients_finish (KhStore *self, GAsyncResult *result, GError **error);
/* kh_db_search_clients_full on the worker. */
void        kh_store_search_clients_full_async  (KhStore *self, const char *query, guint limit,
                                                 GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
KhClientSearch *kh_store_search_clients_full_finish (KhStore *self, GAsyncResult *result, GError **error);

void        kh_store_get_client_async      (KhStore *self, gint64 client_id, KhAccessWhat what, KhAccessBasis basis,
                                            GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
KhClient   *kh_store_get_client_finish     (KhStore *self, GAsyncResult *result, GError **error);
/* Issue 7, 2: the person's page in one transaction (kh_db_read_person_page). */
void        kh_store_read_person_page_async (KhStore *self, gint64 client_id, KhAccessBasis basis,
                                             KhPersonPageParts parts, GCancellable *cancellable,
                                             GAsyncReadyCallback callback, gpointer user_data);
KhPersonPageRead *kh_store_read_person_page_finish (KhStore *self, GAsyncResult *result, GError **error);

void        kh_store_find_similar_clients_async  (KhStore *self, const char *last_name, const char *first_names,
                                                  const char *birth_date, gint64 except_id,
                                                  GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
GPtrArray  *kh_store_find_similar_clients_finish (KhStore *self, GAsyncResult *result, GError **error);

/* Completes with the person's id (finish returns it; 0 with an error). */
void        kh_store_save_client_async     (KhStore *self, KhClient *client,
                                            GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
gint64      kh_store_save_client_finish    (KhStore *self, GAsyncResult *result, GError **error);

void        kh_store_list_client_contacts_async  (KhStore *self, gint64 client_id,
                                                  GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
GPtrArray  *kh_store_list_client_contacts_finish (KhStore *self, GAsyncResult *result, GError **error);

/* The person's cases, newest first (kh_db_list_client_cases; logged). */
void        kh_store_list_client_cases_async  (KhStore *self, gint64 client_id,
                                               GCancellable *cancellable, GAsyncReadyCallback callback,
                                               gpointer user_data);
GPtrArray  *kh_store_list_client_cases_finish (KhStore *self, GAsyncResult *result, GError **error);

/* The person's timeline, newest first (kh_db_list_client_timeline; logged),
 * of KhTimelineEntry; and a case note added (kh_db_add_case_note), the
 * note as stored. `text` is copied before the call returns. */
void        kh_store_list_client_timeline_async  (KhStore *self, gint64 client_id, guint limit,
                                                  GCancellable *cancellable, GAsyncReadyCallback callback,
                                                  gpointer user_data);
GPtrArray  *kh_store_list_client_timeline_finish (KhStore *self, GAsyncResult *result, GError **error);
void        kh_store_add_case_note_async  (KhStore *self, gint64 case_id, const char *text,
                                           gint64 corrects_id, GCancellable *cancellable,
                                           GAsyncReadyCallback callback, gpointer user_data);
KhTimelineEntry *kh_store_add_case_note_finish (KhStore *self, GAsyncResult *result, GError **error);

/* An attempt to reach a person recorded (kh_db_record_contact_attempt;
 * `attempt` is copied before the call returns), the attempt as stored;
 * and the person's attempts, oldest first (kh_db_list_contact_attempts;
 * logged as the timeline's read). */
void        kh_store_record_contact_attempt_async  (KhStore *self, KhContactAttempt *attempt,
                                                    GCancellable *cancellable, GAsyncReadyCallback callback,
                                                    gpointer user_data);
KhContactAttempt *kh_store_record_contact_attempt_finish (KhStore *self, GAsyncResult *result, GError **error);
void        kh_store_list_contact_attempts_async  (KhStore *self, gint64 client_id,
                                                   GCancellable *cancellable, GAsyncReadyCallback callback,
                                                   gpointer user_data);
GPtrArray  *kh_store_list_contact_attempts_finish (KhStore *self, GAsyncResult *result, GError **error);

/* The client's network (kh-db-network.c; issue 9, 1). Every read is
 * logged as the network's (what 15). The entry, the consent and the
 * label are copied before the call returns. */
void        kh_store_list_network_async   (KhStore *self, gint64 client_id, gboolean with_removed,
                                           GCancellable *cancellable, GAsyncReadyCallback callback,
                                           gpointer user_data);
GPtrArray  *kh_store_list_network_finish  (KhStore *self, GAsyncResult *result, GError **error);
void        kh_store_list_network_member_history_async (KhStore *self, gint64 client_id, gint64 member_id,
                                                        GCancellable *cancellable,
                                                        GAsyncReadyCallback callback, gpointer user_data);
GPtrArray  *kh_store_list_network_member_history_finish (KhStore *self, GAsyncResult *result, GError **error);
/* Adds an entry, saves its next revision or removes it
 * (kh_db_add_network_member, _save_, _remove_). */
typedef enum {
  KH_NETWORK_WRITE_ADD,
  KH_NETWORK_WRITE_SAVE,
  KH_NETWORK_WRITE_REMOVE,
} KhNetworkWrite;
void        kh_store_write_network_member_async (KhStore *self, KhNetworkMember *member, KhNetworkWrite write,
                                                 GCancellable *cancellable, GAsyncReadyCallback callback,
                                                 gpointer user_data);
KhNetworkMember *kh_store_write_network_member_finish (KhStore *self, GAsyncResult *result, GError **error);
/* Records a consent (`withdrawn_on` NULL: kh_db_record_network_consent)
 * or its withdrawal on that day (kh_db_withdraw_network_consent). */
void        kh_store_record_network_consent_async (KhStore *self, gint64 client_id, KhNetworkConsent *consent,
                                                   const GDate *withdrawn_on, GCancellable *cancellable,
                                                   GAsyncReadyCallback callback, gpointer user_data);
KhNetworkConsent *kh_store_record_network_consent_finish (KhStore *self, GAsyncResult *result, GError **error);
void        kh_store_take_network_version_async (KhStore *self, gint64 client_id, const char *label,
                                                 GCancellable *cancellable, GAsyncReadyCallback callback,
                                                 gpointer user_data);
KhNetworkVersion *kh_store_take_network_version_finish (KhStore *self, GAsyncResult *result, GError **error);
void        kh_store_list_network_versions_async (KhStore *self, gint64 client_id, GCancellable *cancellable,
                                                  GAsyncReadyCallback callback, gpointer user_data);
GPtrArray  *kh_store_list_network_versions_finish (KhStore *self, GAsyncResult *result, GError **error);
/* A version's entries as they stood (kh_db_read_network_version). */
void        kh_store_read_network_version_async (KhStore *self, gint64 client_id, gint64 version_id,
                                                 GCancellable *cancellable, GAsyncReadyCallback callback,
                                                 gpointer user_data);
GPtrArray  *kh_store_read_network_version_finish (KhStore *self, GAsyncResult *result, GError **error);

/* The client plan (kh-db-plans.c; issue 9, 3–5). Every read is logged as
 * the plan's (what 16). The plans, evaluations and scale are copied
 * before the call returns. Saving makes a case's plan (version 1) from
 * its finished assessment; a review records the evaluations and the next
 * version together. */
void        kh_store_save_client_plan_async (KhStore *self, const KhClientPlan *plan, GCancellable *cancellable,
                                             GAsyncReadyCallback callback, gpointer user_data);
KhClientPlan *kh_store_save_client_plan_finish (KhStore *self, GAsyncResult *result, GError **error);
void        kh_store_review_client_plan_async (KhStore *self, const KhClientPlan *reviewed, GPtrArray *evaluations,
                                               const KhPlanScale *scale, const KhClientPlan *next,
                                               GCancellable *cancellable, GAsyncReadyCallback callback,
                                               gpointer user_data);
KhClientPlan *kh_store_review_client_plan_finish (KhStore *self, GAsyncResult *result, GError **error);
/* Every accepted version of the person's plans (of KhPlanVersionInfo), newest first. */
void        kh_store_list_client_plans_async (KhStore *self, gint64 client_id, GCancellable *cancellable,
                                              GAsyncReadyCallback callback, gpointer user_data);
GPtrArray  *kh_store_list_client_plans_finish (KhStore *self, GAsyncResult *result, GError **error);
void        kh_store_read_client_plan_async (KhStore *self, gint64 client_id, gint64 version_id,
                                             GCancellable *cancellable, GAsyncReadyCallback callback,
                                             gpointer user_data);
KhClientPlan *kh_store_read_client_plan_finish (KhStore *self, GAsyncResult *result, GError **error);
/* The evaluations of the review that made a version (of KhPlanEvaluation). */
void        kh_store_list_plan_evaluations_async (KhStore *self, gint64 client_id, gint64 version_id,
                                                  GCancellable *cancellable, GAsyncReadyCallback callback,
                                                  gpointer user_data);
GPtrArray  *kh_store_list_plan_evaluations_finish (KhStore *self, GAsyncResult *result, GError **error);
/* The same with the scale the review was rated on, as stored with it. */
void        kh_store_read_plan_review_async (KhStore *self, gint64 client_id, gint64 version_id,
                                             GCancellable *cancellable, GAsyncReadyCallback callback,
                                             gpointer user_data);
KhPlanReview *kh_store_read_plan_review_finish (KhStore *self, GAsyncResult *result, GError **error);
/* A version with the review that made it, in one logged read (the plan's letter). */
void        kh_store_read_plan_with_review_async (KhStore *self, gint64 client_id, gint64 version_id,
                                                  GCancellable *cancellable, GAsyncReadyCallback callback,
                                                  gpointer user_data);
KhPlanReview *kh_store_read_plan_with_review_finish (KhStore *self, GAsyncResult *result, GError **error);

/* Issues a letter or decision (kh_db_issue_document): `document` is
 * copied before the call returns; the result is that copy with its id,
 * register number, time, issuer and SHA-256 filled in. Opens an issued
 * document with its PDF, checked against its SHA-256
 * (kh_db_get_document_pdf; logged, naming the document). */
void        kh_store_issue_document_async  (KhStore *self, const KhIssuedDocument *document,
                                            GCancellable *cancellable, GAsyncReadyCallback callback,
                                            gpointer user_data);
/* The same with the PDF made by `render` in the store's thread inside the
 * issuing transaction, once a decision's register number is known
 * (kh_db_issue_document_rendered); `render_data` is freed with
 * `render_data_free` when done. Finished by kh_store_issue_document_finish. */
void        kh_store_issue_document_rendered_async (KhStore *self, const KhIssuedDocument *document,
                                                    KhDocumentRenderFunc render, gpointer render_data,
                                                    GDestroyNotify render_data_free,
                                                    GCancellable *cancellable,
                                                    GAsyncReadyCallback callback, gpointer user_data);
KhIssuedDocument *kh_store_issue_document_finish (KhStore *self, GAsyncResult *result, GError **error);
void        kh_store_get_document_pdf_async  (KhStore *self, gint64 document_id,
                                              GCancellable *cancellable, GAsyncReadyCallback callback,
                                              gpointer user_data);
KhIssuedDocument *kh_store_get_document_pdf_finish (KhStore *self, GAsyncResult *result, GError **error);

/* A batch of the week's invitation letters: which meetings already have
 * theirs (kh_db_list_invited_appointments; the ids copied), and the
 * letters issued in one transaction, all or none (kh_db_issue_invitations;
 * `documents` taken, each with its PDF and meeting). */
void        kh_store_list_invited_appointments_async (KhStore *self, GArray *appointment_ids,
                                                      GCancellable *cancellable,
                                                      GAsyncReadyCallback callback, gpointer user_data);
GArray     *kh_store_list_invited_appointments_finish (KhStore *self, GAsyncResult *result,
                                                       GError **error);
void        kh_store_issue_invitations_async (KhStore *self, GPtrArray *documents,
                                              GCancellable *cancellable, GAsyncReadyCallback callback,
                                              gpointer user_data);
GPtrArray  *kh_store_issue_invitations_finish (KhStore *self, GAsyncResult *result, GError **error);

/* Names the person's responsible worker (42 §), or with `worker_id` 0
 * nobody for `reason` (kh_db_name_responsible_worker): the naming as
 * stored. `reason` is copied before the call returns. */
void        kh_store_name_responsible_worker_async  (KhStore *self, gint64 client_id,
                                                     gint64 worker_id, const char *reason,
                                                     GCancellable *cancellable,
                                                     GAsyncReadyCallback callback, gpointer user_data);
KhResponsibleWorker *kh_store_name_responsible_worker_finish (KhStore *self, GAsyncResult *result,
                                                              GError **error);

/* The intake is deep-copied before the call returns. */
void        kh_store_save_intake_async     (KhStore *self, const KhIntake *intake,
                                            GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
KhIntakeResult *kh_store_save_intake_finish (KhStore *self, GAsyncResult *result, GError **error);

void        kh_store_undo_intake_async     (KhStore *self, const KhIntakeResult *result,
                                            GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
gboolean    kh_store_undo_intake_finish    (KhStore *self, GAsyncResult *result, GError **error);

/* `date` is ISO; NULL for today. At most KH_DB_CONTACTS_ON_LIMIT rows. */
void        kh_store_list_contacts_on_async  (KhStore *self, const char *date,
                                              GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
GPtrArray  *kh_store_list_contacts_on_finish (KhStore *self, GAsyncResult *result, GError **error);
/* The same with a limit (0 = KH_DB_CONTACTS_ON_LIMIT); the finish gives how
 * many contacts the day has in all in `out_total` (may be NULL). */
void        kh_store_list_contacts_on_page_async  (KhStore *self, const char *date, guint limit,
                                                   GCancellable *cancellable, GAsyncReadyCallback callback,
                                                   gpointer user_data);
GPtrArray  *kh_store_list_contacts_on_page_finish (KhStore *self, GAsyncResult *result, guint *out_total,
                                                   GError **error);

/* The KH_DB_QUEUE_LIMIT cases with the nearest deadlines. */
void        kh_store_list_queue_async      (KhStore *self,
                                            GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
GPtrArray  *kh_store_list_queue_finish     (KhStore *self, GAsyncResult *result, GError **error);
/* The `limit` nearest (0 = KH_DB_QUEUE_LIMIT); `out_total` (may be NULL)
 * gets how many cases wait in all. */
void        kh_store_list_queue_page_async  (KhStore *self, guint limit,
                                             GCancellable *cancellable, GAsyncReadyCallback callback,
                                             gpointer user_data);
GPtrArray  *kh_store_list_queue_page_finish (KhStore *self, GAsyncResult *result, guint *out_total,
                                             GError **error);

/* A page of today's contacts (`date` ISO, NULL for today) or of the queue,
 * as kh_db_list_contacts_query / kh_db_list_queue_query; `query` is copied.
 * The finishes give the totals (the queue also how many are urgent). */
void        kh_store_list_contacts_query_async  (KhStore *self, const char *date,
                                                 const KhWorkListQuery *query,
                                                 GCancellable *cancellable, GAsyncReadyCallback callback,
                                                 gpointer user_data);
GPtrArray  *kh_store_list_contacts_query_finish (KhStore *self, GAsyncResult *result, guint *out_total,
                                                 GError **error);
void        kh_store_list_queue_query_async     (KhStore *self, const KhWorkListQuery *query,
                                                 GCancellable *cancellable, GAsyncReadyCallback callback,
                                                 gpointer user_data);
GPtrArray  *kh_store_list_queue_query_finish    (KhStore *self, GAsyncResult *result, guint *out_total,
                                                 guint *out_urgent, GError **error);

/* Every user, active or not, by name (KhUser; no one's personal data, so
 * nothing is logged): for "Assign to a worker" the form keeps the active
 * social workers and counsellors. */
void        kh_store_list_users_async      (KhStore *self,
                                            GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
GPtrArray  *kh_store_list_users_finish     (KhStore *self, GAsyncResult *result, GError **error);

/* The unit's teams by name (issue 5, 2.9); adding, renaming and
 * deactivating one is the administrator's (kh_db_save_team). */
void        kh_store_list_teams_async      (KhStore *self, gboolean include_inactive,
                                            GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
GPtrArray  *kh_store_list_teams_finish     (KhStore *self, GAsyncResult *result, GError **error);
void        kh_store_save_team_async       (KhStore *self, KhTeam *team,
                                            GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
gint64      kh_store_save_team_finish      (KhStore *self, GAsyncResult *result, GError **error);
void        kh_store_list_services_async   (KhStore *self,
                                            GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
GPtrArray  *kh_store_list_services_finish  (KhStore *self, GAsyncResult *result, GError **error);

/* The Preferences window: every entry of the directory (active or not), and
 * its changes; the unit's closed days and settings. The writes that change
 * the calendar (closed days, settings) also renew kh_store_get_calendar()
 * when their finish is called. Writes need the lead social worker or an
 * administrator (PERMISSION). */
void        kh_store_list_directory_async   (KhStore *self,
                                             GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
GPtrArray  *kh_store_list_directory_finish  (KhStore *self, GAsyncResult *result, GError **error);
/* The entry is copied; finish gives its id (0 with an error). */
void        kh_store_save_service_async     (KhStore *self, KhService *service,
                                             GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
gint64      kh_store_save_service_finish    (KhStore *self, GAsyncResult *result, GError **error);
void        kh_store_list_closed_days_async  (KhStore *self,
                                              GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
GPtrArray  *kh_store_list_closed_days_finish (KhStore *self, GAsyncResult *result, GError **error);
void        kh_store_add_closed_day_async    (KhStore *self, const char *date, const char *name,
                                              GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
gboolean    kh_store_add_closed_day_finish   (KhStore *self, GAsyncResult *result, GError **error);
void        kh_store_remove_closed_day_async  (KhStore *self, const char *date,
                                               GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
gboolean    kh_store_remove_closed_day_finish (KhStore *self, GAsyncResult *result, GError **error);
void        kh_store_get_setting_async      (KhStore *self, const char *key,
                                             GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
gboolean    kh_store_get_setting_finish     (KhStore *self, GAsyncResult *result, char **out_value, GError **error);
void        kh_store_set_setting_async      (KhStore *self, const char *key, const char *value,
                                             GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
gboolean    kh_store_set_setting_finish     (KhStore *self, GAsyncResult *result, GError **error);
/* The unit's document settings (core/kh-unit-profile.h), all at once; each
 * is changed with kh_store_set_setting_async under its key. */
void           kh_store_get_unit_profile_async  (KhStore *self,
                                                 GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
KhUnitProfile *kh_store_get_unit_profile_finish (KhStore *self, GAsyncResult *result, GError **error);

void        kh_store_list_access_log_async  (KhStore *self, gint64 client_id, guint limit,
                                             GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
GPtrArray  *kh_store_list_access_log_finish (KhStore *self, GAsyncResult *result, GError **error);

/* A page of the log that matches `filter` (copied): kh_db_read_access_log(). */
void        kh_store_read_access_log_async  (KhStore *self, const KhAccessFilter *filter,
                                             KhAccessPaging paging, gint64 at, gint64 id, guint limit,
                                             GCancellable *cancellable, GAsyncReadyCallback callback,
                                             gpointer user_data);
KhAccessLogSlice *kh_store_read_access_log_finish (KhStore *self, GAsyncResult *result, GError **error);

/* One person's extract as CSV bytes: kh_db_export_access_log(). */
void        kh_store_export_access_log_async  (KhStore *self, gint64 client_id,
                                               GCancellable *cancellable, GAsyncReadyCallback callback,
                                               gpointer user_data);
GBytes     *kh_store_export_access_log_finish (KhStore *self, GAsyncResult *result, GError **error);

/* Emitted on the caller's main context after any successful write (intake
 * saved or undone, person saved), so that views can refresh. A call cancelled
 * before it ran writes nothing; a write that ran is reported as it went even
 * if its cancellable was cancelled meanwhile. */
/* signal: "changed" (KhStore *store)
 * Also emitted, on the context the store was made on, when a commit by
 * another desk (another process or another KhStore on the same database)
 * that changed people's details, contacts or cases is noticed: the worker
 * looks every 200 ms between jobs (kh_db_poll_change; issue 6, 6). Commits
 * that only logged reads elsewhere are not told.
 * signal: "client-changed" (KhStore *store, gint64 client_id)
 * After such a "changed", once for each person whose details, contacts or
 * cases were changed: an open page of theirs reads them again. */

/* ---- correcting a saved contact (issue 5, 2.1) ---- */

/* The contact, its history and the user's rights (kh_db_get_contact_history;
 * logged). */
void        kh_store_get_contact_history_async  (KhStore *self, gint64 contact_id,
                                                 GCancellable *cancellable, GAsyncReadyCallback callback,
                                                 gpointer user_data);
KhContactHistory *kh_store_get_contact_history_finish (KhStore *self, GAsyncResult *result,
                                                       GError **error);
/* kh_db_correct_contact; `corrected` is copied. Emits "changed". */
void        kh_store_correct_contact_async  (KhStore *self, KhContact *corrected, const char *reason,
                                             GCancellable *cancellable, GAsyncReadyCallback callback,
                                             gpointer user_data);
gboolean    kh_store_correct_contact_finish (KhStore *self, GAsyncResult *result, GError **error);
/* kh_db_mark_contact_in_error. Emits "changed". */
void        kh_store_mark_contact_in_error_async  (KhStore *self, gint64 contact_id, const char *reason,
                                                   GCancellable *cancellable, GAsyncReadyCallback callback,
                                                   gpointer user_data);
gboolean    kh_store_mark_contact_in_error_finish (KhStore *self, GAsyncResult *result, GError **error);

/* ---- the caseload (issue 7, 1; kh_db_list_caseload, kh_db_assign_case) ---- */

/* A page of my cases or a team's queue; `query` is copied; `today` (ISO,
 * may be NULL) counts the overdue. */
void        kh_store_list_caseload_async   (KhStore *self, KhCaseloadScope scope,
                                            const KhWorkListQuery *query, const char *today,
                                            GCancellable *cancellable, GAsyncReadyCallback callback,
                                            gpointer user_data);
GPtrArray  *kh_store_list_caseload_finish  (KhStore *self, GAsyncResult *result,
                                            KhCaseloadCounts *out_counts, GError **error);
/* Gives the case to `assignee_id` if it is still with `expected_holder`
 * (0: queued); the logged-in user's id takes it. A write: "changed" follows. */
void        kh_store_assign_case_async     (KhStore *self, gint64 case_id, gint64 expected_holder,
                                            gint64 assignee_id, GCancellable *cancellable,
                                            GAsyncReadyCallback callback, gpointer user_data);
gboolean    kh_store_assign_case_finish    (KhStore *self, GAsyncResult *result, GError **error);

/* ---- appointments (issue 7, 4; kh_db_*_appointment*, kh_db_list_week) ---- */

void        kh_store_list_service_points_async (KhStore *self, gboolean include_inactive,
                                                GCancellable *cancellable, GAsyncReadyCallback callback,
                                                gpointer user_data);
GPtrArray  *kh_store_list_service_points_finish (KhStore *self, GAsyncResult *result, GError **error);
/* Books a copy; the new id, or 0 with INVALID and the core's message when
 * refused. A write: "changed" follows. */
void        kh_store_book_appointment_async    (KhStore *self, const KhAppointment *appointment,
                                                GCancellable *cancellable, GAsyncReadyCallback callback,
                                                gpointer user_data);
gint64      kh_store_book_appointment_finish   (KhStore *self, GAsyncResult *result, GError **error);
/* Moves a copy (its id and revision as read). "changed" follows. */
void        kh_store_move_appointment_async    (KhStore *self, const KhAppointment *appointment,
                                                GCancellable *cancellable, GAsyncReadyCallback callback,
                                                gpointer user_data);
gboolean    kh_store_move_appointment_finish   (KhStore *self, GAsyncResult *result, GError **error);
/* Cancels with a reason. "changed" follows. */
void        kh_store_cancel_appointment_async  (KhStore *self, gint64 id, gint64 revision, const char *reason,
                                                GCancellable *cancellable, GAsyncReadyCallback callback,
                                                gpointer user_data);
gboolean    kh_store_cancel_appointment_finish (KhStore *self, GAsyncResult *result, GError **error);
/* A worker's (0: the user's) Monday–Sunday week of `day` (logged). */
void        kh_store_list_week_async           (KhStore *self, gint64 worker_id, const GDate *day,
                                                GCancellable *cancellable, GAsyncReadyCallback callback,
                                                gpointer user_data);
GPtrArray  *kh_store_list_week_finish          (KhStore *self, GAsyncResult *result, GError **error);
/* A person's meetings, newest first (logged). */
void        kh_store_list_client_appointments_async  (KhStore *self, gint64 client_id,
                                                      GCancellable *cancellable, GAsyncReadyCallback callback,
                                                      gpointer user_data);
GPtrArray  *kh_store_list_client_appointments_finish (KhStore *self, GAsyncResult *result, GError **error);

/* ---- the service-need assessment (issue 7; kh_db_*_assessment*) ---- */

/* The case's draft or a new one (logged). Emits "changed". */
void          kh_store_start_assessment_async  (KhStore *self, gint64 case_id,
                                                GCancellable *cancellable, GAsyncReadyCallback callback,
                                                gpointer user_data);
KhAssessment *kh_store_start_assessment_finish (KhStore *self, GAsyncResult *result, GError **error);
/* One version (logged). */
void          kh_store_get_assessment_async    (KhStore *self, gint64 assessment_id,
                                                GCancellable *cancellable, GAsyncReadyCallback callback,
                                                gpointer user_data);
KhAssessment *kh_store_get_assessment_finish   (KhStore *self, GAsyncResult *result, GError **error);
/* The case's versions, oldest first (of KhAssessment; logged). */
void          kh_store_list_assessments_async  (KhStore *self, gint64 case_id,
                                                GCancellable *cancellable, GAsyncReadyCallback callback,
                                                gpointer user_data);
GPtrArray    *kh_store_list_assessments_finish (KhStore *self, GAsyncResult *result, GError **error);
/* Saves a copy of the draft; answers with it as saved (its new revision),
 * or STALE. No "changed": the wizard saves at every change. */
void          kh_store_save_assessment_async   (KhStore *self, const KhAssessment *assessment,
                                                GCancellable *cancellable, GAsyncReadyCallback callback,
                                                gpointer user_data);
KhAssessment *kh_store_save_assessment_finish  (KhStore *self, GAsyncResult *result, GError **error);
/* Finishes a copy; answers with the finished version. Emits "changed". */
void          kh_store_finish_assessment_async (KhStore *self, const KhAssessment *assessment,
                                                GCancellable *cancellable, GAsyncReadyCallback callback,
                                                gpointer user_data);
KhAssessment *kh_store_finish_assessment_finish (KhStore *self, GAsyncResult *result, GError **error);
/* The draft of a new version, with the reason. Emits "changed". */
void          kh_store_new_assessment_version_async  (KhStore *self, gint64 finished_id, const char *reason,
                                                      GCancellable *cancellable, GAsyncReadyCallback callback,
                                                      gpointer user_data);
KhAssessment *kh_store_new_assessment_version_finish (KhStore *self, GAsyncResult *result, GError **error);

G_END_DECLS
