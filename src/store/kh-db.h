/* kh-db.h — the SQLite database, synchronous, for one thread at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * KhDb is the store's engine. The application never calls it from the UI
 * thread: KhStore (kh-store.h) owns one KhDb on its worker thread and runs
 * these functions there. kohtaamo-admin, the benchmark and the store tests
 * call them directly. No SQL exists outside src/store/.
 *
 * Every function that reads a person's data takes the acting user and writes
 * the access-log rows in the same transaction as the read. Every row a
 * RECEPTION user causes has the basis KH_BASIS_INTAKE.
 * Every write is one transaction; on error nothing is written.
 */
#pragma once

#include <gio/gio.h>

#include "core/kh-records.h"
#include "core/kh-search.h"
#include "core/kh-calendar.h"
#include "core/kh-contact-revision.h"
#include "core/kh-log-chain.h"
#include "core/kh-assessment.h"
#include "core/kh-appointment.h"
#include "core/kh-timeline.h"
#include "core/kh-contact-attempt.h"
#include "core/kh-client-plan.h"
#include "core/kh-network.h"
#include "core/kh-document-kind.h"
#include "core/kh-unit-profile.h"

G_BEGIN_DECLS

#define KH_STORE_ERROR (kh_store_error_quark ())
GQuark kh_store_error_quark (void);

typedef enum {
  KH_STORE_ERROR_FAILED,          /* anything else; message says what */
  KH_STORE_ERROR_NOT_A_DATABASE,  /* the file is not a Kohtaamo/SQLite database */
  KH_STORE_ERROR_READ_ONLY,       /* the file or folder cannot be written */
  KH_STORE_ERROR_LOCKED,          /* another program holds the database */
  KH_STORE_ERROR_TOO_NEW,         /* made by a newer Kohtaamo (user_version too high) */
  KH_STORE_ERROR_INVALID,         /* the data breaks a domain rule; message says which */
  KH_STORE_ERROR_DUPLICATE_CODE,  /* that identity code already belongs to a person */
  KH_STORE_ERROR_NOT_FOUND,
  KH_STORE_ERROR_PERMISSION,      /* the user's role does not allow this */
  KH_STORE_ERROR_NO_ADMINISTRATOR,/* the database has no users: nobody has been made its administrator */
  KH_STORE_ERROR_DAMAGED,         /* a Kohtaamo database whose pages are damaged: restore a backup */
  KH_STORE_ERROR_UNAVAILABLE,     /* the database server cannot be reached (for now) */
  KH_STORE_ERROR_STALE,           /* someone else saved the record after the version being saved
                                     was read (issue 6, 6); message says when */
} KhStoreError;

/* The meeting a STALE refusal of an invitation letter names: moved or
 * cancelled since the letter was made (kh_db_issue_document,
 * kh_db_issue_invitations); 0 for any other error. */
gint64 kh_store_error_get_appointment_id (const GError *error);

typedef struct _KhDb KhDb;

/* How kh_db_open_full treats the file it is given. */
typedef enum {
  /* An existing Kohtaamo database only: a missing or empty file is
   * NOT_FOUND, and nothing is created (kohtaamo-admin's commands other
   * than init: a mistyped path must not become a new database). */
  KH_DB_OPEN_EXISTING  = 0,
  /* Creates the database (and its folder, 0700) when there is none, or
   * makes an empty file into one (the application, kohtaamo-admin init). */
  KH_DB_OPEN_CREATE    = 1 << 0,
  /* Runs SQLite's quick_check over the whole file before anything is
   * written (about a second per 100 000 people); without it only the small
   * tables are checked at open. See kh_db_open_full. */
  KH_DB_OPEN_CHECK_ALL = 1 << 1,
} KhDbOpenFlags;

/* Opens (creating if needed, with its folder) and migrates to the newest schema.
 * WAL mode, foreign keys on, busy timeout a few seconds.
 * The same as kh_db_open_full (path, KH_DB_OPEN_CREATE, error). */
KhDb      *kh_db_open            (const char  *path,
                                  GError     **error);
/* Opens a Kohtaamo database without ever writing to a file that is not
 * one: the file is identified first from its header (and, only when that
 * cannot tell, through a read-only connection), then opened for writing,
 * its mode narrowed to 0600, checked (quick_check: DAMAGED), and migrated.
 * Errors: NOT_FOUND (no database, without KH_DB_OPEN_CREATE),
 * NOT_A_DATABASE, DAMAGED, READ_ONLY, LOCKED, TOO_NEW or FAILED. */
KhDb      *kh_db_open_full       (const char     *path,
                                  KhDbOpenFlags   flags,
                                  GError        **error);
/* What a backup or a restore counted, in the same snapshot as the copy. */
typedef struct {
  gint64 people;
  gint64 contacts;
  gint64 cases;
  gint64 users;
  gint64 log_rows;
  int    schema_version;
} KhDbCounts;

/* A consistent copy of the whole database in `dest` (SQLite's backup API in
 * one read transaction: others go on writing meanwhile), made as a
 * temporary file beside it, mode 0600, checked (quick_check, the counts
 * compared with the source's in the same snapshot), synced, then renamed
 * over `dest`. An existing `dest` is replaced only if it is a Kohtaamo
 * database (an older backup); anything else there is NOT_A_DATABASE and
 * stays untouched. */
gboolean   kh_db_backup          (KhDb        *db,
                                  const char  *dest,
                                  KhDbCounts  *out_counts,
                                  GError     **error);
/* Checks a backup file without writing to it: a Kohtaamo database (else
 * NOT_A_DATABASE), not made by a newer Kohtaamo (TOO_NEW), not damaged
 * (DAMAGED), its access log's hash chain intact (else INVALID, naming the
 * first row wrong, unless `accept_broken_log`: then `out_log_problem`
 * says what is wrong, and is NULL for an intact log); fills the counts.
 * `account`, when given, must be an active administrator in it
 * (PERMISSION). */
gboolean   kh_db_check_backup    (const char  *backup,
                                  const char  *account,
                                  gboolean     accept_broken_log,
                                  char       **out_log_problem,
                                  KhDbCounts  *out_counts,
                                  GError     **error);
/* Replaces the database at `path` with the checked backup, all or nothing:
 * one write transaction of SQLite's backup API into the database, taken
 * with an exclusive lock, so LOCKED while any program has it open (and
 * nothing changes). `path` must be a Kohtaamo database (it may be damaged)
 * or not exist. The restored database is then opened, migrated and checked
 * (kh_db_open_full with KH_DB_OPEN_CHECK_ALL). */
gboolean   kh_db_restore         (const char  *backup,
                                  const char  *path,
                                  gboolean     accept_broken_log,
                                  KhDbCounts  *out_counts,
                                  GError     **error);

/* How many commits waited for the disk: on SQLite, those that saved a
 * record (anything but access-log rows); see kh-db-sqlite.c. */
guint      kh_db_get_durable_commits (KhDb *db);
/* SQLite's quick_check of the whole database, in a read transaction (others
 * go on writing): DAMAGED when it finds anything. */
gboolean   kh_db_check           (KhDb        *db,
                                  GError     **error);
/* Opens an existing database read-only, for heavy readers (reports, counts).
 * Reads of a person's data need the access log and so a writable database:
 * on this one they fail with READ_ONLY. */
KhDb      *kh_db_open_read_only  (const char  *path,
                                  GError     **error);
void       kh_db_close           (KhDb        *db);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KhDb, kh_db_close)

/* Whether a database setting names a PostgreSQL server (postgresql://…,
 * postgres://…, key=value, service=NAME) rather than a SQLite file. */
gboolean   kh_db_location_is_server (const char *location);
/* A server's location as it may be shown: never a password. */
char      *kh_db_pg_display_location (const char *conninfo);
/* Connects to a server as the schema's owner and brings the schema to the
 * newest (kohtaamo-admin server init; the tests' template). */
KhDb      *kh_db_pg_open_owner   (const char  *conninfo,
                                  GError     **error);
gboolean   kh_db_pg_migrate      (KhDb        *db,
                                  GError     **error);
int        kh_db_pg_get_latest_version (void);
gboolean   kh_db_pg_may_create_logins (KhDb *db);
/* On a connection that may create roles: makes `account` a user of `role`
 * with its own login role (password: NULL keeps it, or none for GSSAPI). */
gboolean   kh_db_pg_save_login   (KhDb        *db,
                                  const char  *account,
                                  const char  *display_name,
                                  KhRole       role,
                                  gboolean     active,
                                  const char  *password,
                                  GError     **error);
/* On a server, the login role the connection was made as (the user's
 * account); NULL on a file. */
const char *kh_db_get_login      (KhDb *db);
/* Whether the connection is to a PostgreSQL server. */
gboolean   kh_db_is_server       (KhDb *db);
/* Issue 6, 7: whether the server's connection works (a file: always), and
 * a new connection in place of a lost one (see kh-db.c). */
gboolean   kh_db_is_connected    (KhDb *db);
gboolean   kh_db_reconnect       (KhDb *db, GError **error);

/* The file, or the server as it may be shown (no password). */
const char *kh_db_get_path       (KhDb *db);
int        kh_db_get_schema_version (KhDb *db);
/* The newest schema this build knows (number of migrations). */
int        kh_db_get_latest_version (void);

/* Explicit transactions for bulk work (demo data, import). Other functions
 * open their own transaction unless one is already open. */
gboolean   kh_db_begin           (KhDb *db, GError **error);

/* Upkeep that SQLite does by default inside the commit that needs it, and
 * that then makes that commit take 10–40 ms (issue 5: saving an intake
 * within one frame): the checkpoint (copying the write-ahead log into the
 * database file once it passes 1 000 pages) and the merging of the name
 * index's segments (FTS5 automerge). An owner with a thread that can wait
 * (KhStore's worker) turns both off in the commit and calls
 * kh_db_maintain() when it is idle and kh_db_maintenance_is_due().
 * Bounds stay: the log never grows past 10 000 pages, and FTS5 still merges
 * in the commit when a level reaches 16 segments (crisismerge). Durability
 * is the same: a committed transaction is in the log (see kh_db_open), a
 * checkpoint only copies it; a merge changes no row. */
gboolean   kh_db_set_maintenance_when_idle (KhDb *db, GError **error);
gboolean   kh_db_maintenance_is_due        (KhDb *db);
gboolean   kh_db_maintain                  (KhDb *db, GError **error);
gboolean   kh_db_commit          (KhDb *db, GError **error);
void       kh_db_rollback        (KhDb *db);

/* ---- changes made elsewhere (issue 6, 6) ---- */

/* Whether anyone else (another desk's Kohtaamo, kohtaamo-admin, another KhDb
 * on the same database) has committed since the last call: cheap enough to
 * ask a few times a second on an idle connection (on SQLite it reads PRAGMA
 * data_version, no data; on PostgreSQL, LISTEN/NOTIFY answers). The first
 * call takes the starting point and answers "not changed". When changed,
 * `out_client_ids` (may be NULL) gets the ids (gint64) of the people whose
 * details, contacts or cases were changed since the last call (0 for
 * anonymous contacts; on SQLite this connection's own changes may be among
 * them); ids only, so nothing is logged. On SQLite a commit that wrote only
 * access-log rows or settings is "changed" with no ids; on PostgreSQL only
 * changes of people are announced (data/sql/pg/0004-live-changes.sql), so
 * such a commit is not noticed at all. FALSE with `error` set when the
 * database could not be asked. */
gboolean   kh_db_poll_change     (KhDb      *db,
                                  gboolean  *out_changed,
                                  GArray   **out_client_ids,
                                  GError   **error);
/* A file descriptor that becomes readable when kh_db_poll_change may have
 * news (PostgreSQL: the connection's socket, once a first poll listens),
 * for a thread that waits for its next job and other desks' commits at
 * once; -1 when there is none (SQLite; a connection being re-made), and
 * then kh_db_poll_change is asked every so often. Never read from it. */
int        kh_db_get_change_socket (KhDb *db);

/* ---- users ---- */

/* Finds the user for an OS account. On a database with no users at all the
 * account becomes the first administrator, as kohtaamo-admin's commands
 * document ("init": whoever sets the database up administers it). NULL +
 * PERMISSION error for an unknown or inactive account when users exist. */
KhUser    *kh_db_login           (KhDb        *db,
                                  const char  *account,
                                  const char  *display_name,
                                  GError     **error);
/* The same, but on a database with no users the account becomes its
 * administrator only with `claim_if_no_users`; without it the answer is
 * NO_ADMINISTRATOR and nothing is written. The application asks the person
 * first (issue 5, 2.7): see kh_store_claim_administration_async. */
KhUser    *kh_db_login_full      (KhDb        *db,
                                  const char  *account,
                                  const char  *display_name,
                                  gboolean     claim_if_no_users,
                                  GError     **error);
GPtrArray *kh_db_list_users      (KhDb *db, GError **error);       /* of KhUser */
/* Adds or updates (by account) a user, as `acting` (an active
 * administrator now; NULL only for a database's first user), and records
 * who did it (user_changes). */
KhUser    *kh_db_save_user       (KhDb        *db,
                                  KhUser      *acting,
                                  const char  *account,
                                  const char  *display_name,
                                  KhRole       role,
                                  gboolean     active,
                                  GError     **error);

/* One addition or change of a user, as user_changes keeps it: what the
 * user was made and who made it, when. */
typedef struct {
  gint64    at;                  /* seconds since 1970, UTC */
  char     *account;
  char     *display_name;        /* NULL for none */
  KhRole    role;
  gboolean  active;
  char     *changed_by_account;  /* the user's own account for a database's first
                                    administrator, who made themselves one */
} KhUserChange;

void       kh_user_change_free   (KhUserChange *change);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KhUserChange, kh_user_change_free)

/* Who added or changed users, and when (issue 6: a role decides what of
 * the clients' data a user reads, so its changes are the unit's record).
 * Every change, newest first, or only those of `account`; only an active
 * administrator may read them (PERMISSION), and on a server only the
 * administrators' group has the table. */
GPtrArray *kh_db_list_user_changes (KhDb        *db,
                                    KhUser      *user,
                                    const char  *account,
                                    GError     **error);   /* of KhUserChange */

/* ---- the responsible worker (issue 7, 2; kh-db-responsible.c) ---- */

/* Names the person's responsible worker (omatyöntekijä, Social Welfare Act
 * 42 §), or with `worker_id` 0 nobody for `reason`, as `user`; the current
 * naming is read with the person's page (KhClient.responsible_worker).
 * See kh-db-responsible.c for what is refused. */
KhResponsibleWorker *kh_db_name_responsible_worker (KhDb        *db,
                                                    KhUser      *user,
                                                    gint64       client_id,
                                                    gint64       worker_id,
                                                    const char  *reason,
                                                    GError     **error);

/* For the demo (kohtaamo-admin demo, on a file): the worker names
 * themselves the person's responsible worker at `named_at`, without the
 * acting user's checks (the table's rules still hold: INVALID when they
 * refuse). Returns the naming's id, or 0 with `error` set. */
gint64     kh_db_insert_responsible_worker_bulk (KhDb       *db,
                                                 gint64      client_id,
                                                 gint64      worker_id,
                                                 GDateTime  *named_at,
                                                 GError    **error);

/* ---- teams (issue 5, 2.9; issue 7, 1; kh-db-teams.c) ---- */

/* The unit's teams by name, with their active members counted; inactive
 * ones too with `include_inactive`. Needs no user: nobody's data. */
GPtrArray *kh_db_list_teams      (KhDb *db, gboolean include_inactive, GError **error); /* of KhTeam */
/* Adds (id 0) or renames, deactivates or activates a team; only the
 * administrator. INVALID for a bad or taken name (case does not matter),
 * or for deactivating the last active team. Returns the id; `team` gets
 * the name as kept. */
gint64     kh_db_save_team       (KhDb *db, KhUser *user, KhTeam *team, GError **error);
/* Puts the user of `account` in an active team, or with 0 in none (see
 * kh-db-teams.c for who may). */
gboolean   kh_db_set_user_team   (KhDb *db, const char *account, gint64 team_id, GError **error);

/* ---- clients ---- */

/* Search before create. The query may be a name or part of one (forgiving of
 * case and ä/a, ö/o, å/a; several words narrow; FTS syntax in the text is
 * taken as text), an identity code or its start (at least the six birth
 * digits), a birth date (d.m.yyyy or yyyy-mm-dd), or a phone number or its
 * start (digits; spaces and +358 / 0 prefix folded). Best matches first: the
 * exact identity code, then names where every word typed is a whole word of
 * the name, then prefixes; within each, by name in Finnish/Swedish order
 * (Å, Ä, Ö after Z). Logs KH_ACCESS_SEARCH (basis INTAKE) for each result in
 * the same transaction. */
GPtrArray *kh_db_search_clients  (KhDb        *db,
                                  KhUser      *user,
                                  const char  *query,
                                  guint        limit,
                                  GError     **error);          /* of KhClient */
/* As kh_db_search_clients, with how well each person matched, whether
 * they have an open case, how many match in all (up to
 * KH_SEARCH_COUNT_CAP) and, for 1–3 digits, how many more are needed; four
 * to six digits find the people born on the dates they start ("0708":
 * 7 August of any year). */
KhClientSearch *kh_db_search_clients_full (KhDb        *db,
                                           KhUser      *user,
                                           const char  *query,
                                           guint        limit,
                                           GError     **error);
/* Logs `what` with `basis`. NOT_FOUND if there is no such person.
 * A person with a non-disclosure marking (non_disclosure) comes without the
 * address, postal code and city (address_withheld), except when `what` is
 * KH_ACCESS_PROTECTED_ADDRESS: the logged "Show address" of their page.
 * No other call returns a protected address (ATL 703/2023 38 §). The store
 * decides the basis for reception: a RECEPTION user's read is logged with
 * KH_BASIS_INTAKE whatever `basis` is (reception has no client relationship);
 * every other role's read is logged with `basis` as passed. */
KhClient  *kh_db_get_client      (KhDb          *db,
                                  KhUser        *user,
                                  gint64         client_id,
                                  KhAccessWhat   what,
                                  KhAccessBasis  basis,
                                  GError       **error);
/* People with the same last name, first names and birth date (the warning
 * before creating a possible duplicate). Excludes `except_id`. Logs SEARCH. */
GPtrArray *kh_db_find_similar_clients (KhDb        *db,
                                       KhUser      *user,
                                       const char  *last_name,
                                       const char  *first_names,
                                       const char  *birth_date,
                                       gint64       except_id,
                                       GError     **error);
/* Inserts (id 0) or updates a person; validates everything (identity code,
 * birth date, language, e-mail shape, the text limits and characters of
 * kh_client_check_text) and refuses with INVALID or DUPLICATE_CODE. A record
 * with address_withheld keeps the stored address. An update is made only
 * over the version it carries (KhClient.version, as read): when someone
 * saved the person since, nothing is written and the answer is STALE, with
 * the time of their change (issue 6, 6). Returns the id.
 * DUPLICATE_CODE tells the user the code's owner is in the register: that
 * is logged as the owner's KH_ACCESS_SEARCH (as kh_db_save_intake does). */
gint64     kh_db_save_client     (KhDb      *db,
                                  KhUser    *user,
                                  KhClient  *client,
                                  GError   **error);
/* The checks of kh_db_save_client without the database: for the form, so
 * that it can say at the field what is wrong. `out_field` (may be NULL) gets
 * the KhClient field name at fault ("identity_code", "birth_date",
 * "last_name", "first_names", "language", "other_language", "email",
 * "postal_code", "phone", "no_code_reason", "mother_tongue",
 * "other_mother_tongue", "representative_name", "representative_contact",
 * "address", "city"). The message is translated. */
gboolean   kh_db_validate_client (KhClient    *client,
                                  const char **out_field,
                                  GError     **error);
/* The person's contacts, newest first. Logs KH_ACCESS_CONTACTS. */
GPtrArray *kh_db_list_client_contacts (KhDb    *db,
                                       KhUser  *user,
                                       gint64   client_id,
                                       GError **error);     /* of KhContact */
/* The person's cases, newest first, with the status, deadlines, worker and team,
 * and who made the opening contact and on what basis (SHL 35 §): for the
 * person's page and the warning before a second case. Logs KH_ACCESS_CASES
 * once (basis INTAKE for reception, else CLIENT_RELATIONSHIP). NOT_FOUND if
 * there is no such person. */
GPtrArray *kh_db_list_client_cases (KhDb    *db,
                                    KhUser  *user,
                                    gint64   client_id,
                                    GError **error);        /* of KhCase */
/* Inserts new people (of KhClient, ids 0) all or none: the import. On
 * SQLite they are first written, with the same code as any bulk insert,
 * into a staging database beside the database (0600, removed after), and
 * then published in one short write transaction, so that searches at the
 * desks, which write access-log rows, do not wait seconds for the import's
 * write lock and fail (issue 6, item 8; README "The database file").
 * On failure `out_failed` (may be NULL) is the index of the person at
 * fault, or -1 when none is; INVALID or DUPLICATE_CODE for a person. */
gboolean   kh_db_import_clients  (KhDb        *db,
                                  KhUser      *user,
                                  GPtrArray   *clients,
                                  int         *out_failed,
                                  GError     **error);
/* Rebuilds the FTS5 name index (kh_db_commit does it after bulk inserts). */
gboolean   kh_db_rebuild_search_index (KhDb *db, GError **error);

/* ---- intake ---- */

typedef struct {
  KhContact *contact;          /* what reception recorded; id 0 */
  KhClient  *client;           /* the person: id 0 = create, id > 0 = existing (updated
                                  if `update_client`); NULL when anonymous */
  gboolean   update_client;
  guint      deadline_groups;  /* KhDeadlineGroup flags, for CASE_OPENED */
  gint64     assign_to;        /* user id, or 0 to leave the case in the queue */
  gint64     attach_to_case;   /* 2.3: a pending case of the same person that the contact
                                  joins instead of opening a new one; 0 for none */
  char      *request_id;       /* issue 6, 7: the submission's id (a UUID the form makes
                                  once, g_uuid_string_random), the same for every attempt
                                  to save it; NULL for none */
  gint64     team_id;          /* the team whose queue an opened case goes to (an active
                                  one); 0: the default of kh_intake_default_team for the
                                  saving user */
} KhIntake;

typedef struct {
  gint64    contact_id;
  gint64    client_id;         /* 0 if anonymous */
  gint64    case_id;           /* 0 unless a case was opened */
  gboolean  created_client;    /* the intake created the person */
  char     *assessment_deadline; /* ISO, or NULL */
  gboolean  attached;          /* the contact joined the pending case `case_id` */
} KhIntakeResult;

KhIntakeResult *kh_intake_result_copy (const KhIntakeResult *result);

void       kh_intake_result_free (KhIntakeResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KhIntakeResult, kh_intake_result_free)

/* Saves the whole intake in one transaction: the person (if new or updated),
 * the contact, and for CASE_OPENED the case with its statutory deadline
 * computed with the unit's calendar. Validates the rules (anonymous only for
 * outcomes that allow it and then no personal data, no notes; referral kind
 * only from an authority; a Kela notification only from an authority; a
 * service for DIRECTED; …) and refuses with INVALID. With a request id
 * (issue 6, 7), an intake this user already saved with the same id is not
 * saved again: its result is returned (created_client FALSE, no undo), so
 * that an attempt repeated after a lost answer saves once. */
KhIntakeResult *kh_db_save_intake (KhDb      *db,
                                   KhUser    *user,
                                   KhIntake  *intake,
                                   GError   **error);
/* How long after kh_db_save_intake its undo is possible. */
#define KH_DB_UNDO_SECONDS 300

/* Undo of a save just made: the user's latest intake through this KhDb,
 * within KH_DB_UNDO_SECONDS, named by result->contact_id (the rest of
 * `result` is not used: the store kept what undoing needs). Removes the
 * contact and its case, puts back the person as they were if the intake
 * updated them, and removes the person if the intake created them and
 * nothing else refers to them. PERMISSION for anything else (another
 * user's contact, an earlier one, too late). Reads and returns nothing of
 * the person, so logs nothing. */
gboolean   kh_db_undo_intake     (KhDb            *db,
                                  KhUser          *user,
                                  KhIntakeResult  *result,
                                  GError         **error);
/* Reception's work lists are read a page at a time: a unit with a hundred
 * thousand people may have thousands of cases waiting, and every row shown
 * is a logged read of a person. These are the limits the un-paged calls use. */
#define KH_DB_CONTACTS_ON_LIMIT 100
#define KH_DB_QUEUE_LIMIT        50

/* Which page of a work list to read, and for which showing of the lists.
 *
 * `showing` ties the pages of one showing together (ATL 703/2023 access log,
 * issue 5 2.6): a person is logged as KH_ACCESS_WORK_LIST once in a showing,
 * however many of its pages and lists (today's contacts and the queue) they
 * appear in. A caller takes a new id (kh_work_list_new_showing) each time it
 * shows the lists afresh; 0 makes every call a showing of its own.
 *
 * The channel, outcome and worker filters are for today's contacts only;
 * the team is for the queue only (its counts follow it). */
typedef struct
{
  guint      offset;     /* rows to skip */
  guint      limit;      /* the most rows to return; 0 for the list's default */
  guint64    showing;
  KhChannel  channel;    /* only contacts by this channel; 0 for any */
  KhOutcome  outcome;    /* only contacts with this outcome; 0 for any */
  gint64     worker_id;  /* only contacts recorded by this user; 0 for anyone */
  gint64     team_id;    /* only the cases of this team; 0 for every team */
} KhWorkListQuery;

/* A new showing id, never 0, unique in the process. Thread-safe. */
guint64    kh_work_list_new_showing (void);

/* Contacts received on a day (ISO date), newest first; names for display.
 * The page `query` asks for; `out_total` (may be NULL) gets how many
 * contacts of the day pass the filters. Logs KH_ACCESS_WORK_LIST for each
 * person in the rows returned (once in the showing), never for others. */
GPtrArray *kh_db_list_contacts_query (KhDb                  *db,
                                      KhUser                *user,
                                      const char            *date,
                                      const KhWorkListQuery *query,
                                      guint                 *out_total,
                                      GError               **error);   /* of KhContact */
/* kh_db_list_contacts_query from the first row, without filters: at most
 * `limit` rows (0 = KH_DB_CONTACTS_ON_LIMIT). */
GPtrArray *kh_db_list_contacts_on_page (KhDb       *db,
                                        KhUser     *user,
                                        const char *date,
                                        guint       limit,
                                        guint      *out_total,
                                        GError    **error);   /* of KhContact */
/* kh_db_list_contacts_on_page with the default limit and no total. */
GPtrArray *kh_db_list_contacts_on (KhDb       *db,
                                   KhUser     *user,
                                   const char *date,
                                   GError    **error);   /* of KhContact */
/* Opened cases waiting for a worker (of query->team_id's team, or of
 * every team): every urgent case first (SHL 36 § 1:
 * the urgent need is assessed at once; 45 §: urgent matters are decided
 * without delay), the oldest urgent first; then the nearest statutory
 * deadline; then the oldest. The page `query` asks for; `out_total` gets
 * how many wait in all (in the team), `out_urgent` how many of them are
 * urgent (both may be NULL). Logs as kh_db_list_contacts_query. */
GPtrArray *kh_db_list_queue_query (KhDb                  *db,
                                   KhUser                *user,
                                   const KhWorkListQuery *query,
                                   guint                 *out_total,
                                   guint                 *out_urgent,
                                   GError               **error);      /* of KhCase */
/* kh_db_list_queue_query from the first row: the `limit` first (0 =
 * KH_DB_QUEUE_LIMIT). */
GPtrArray *kh_db_list_queue_page (KhDb     *db,
                                  KhUser   *user,
                                  guint     limit,
                                  guint    *out_total,
                                  GError  **error);      /* of KhCase */
/* kh_db_list_queue_page with the default limit and no total. */
GPtrArray *kh_db_list_queue      (KhDb     *db,
                                  KhUser   *user,
                                  GError  **error);      /* of KhCase */

/* ---- directory of services ---- */

GPtrArray *kh_db_list_services   (KhDb *db, gboolean include_inactive, GError **error); /* of KhService */
gint64     kh_db_save_service    (KhDb *db, KhUser *user, KhService *service, GError **error);
/* The active entry flagged as the social emergency service; NULL without an
 * error when there is none. */
KhService *kh_db_find_social_emergency_service (KhDb *db, GError **error);

/* ---- the unit's calendar ---- */

/* A calendar with the unit's extra closed days and settings loaded; a new
 * one for each call, owned by the caller. */
KhCalendar *kh_db_load_calendar  (KhDb *db, GError **error);
gboolean   kh_db_add_closed_day  (KhDb *db, KhUser *user, const char *date, const char *name, GError **error);

/* The unit's settings: "saturday_is_working_day" ("0" or "1"). Setting one
 * needs the lead social worker or an administrator. */
char      *kh_db_get_setting     (KhDb *db, const char *key, GError **error);
/* The unit's name, shown in the window's header; unset is no row. */
#define KH_SETTING_UNIT_NAME "unit_name"
gboolean   kh_db_set_setting     (KhDb *db, KhUser *user, const char *key, const char *value,
                                  GError **error);

/* The unit's document settings (letterhead, rectification authority, logo,
 * decision makers): the keys and rules of core/kh-unit-profile.h. Written
 * one key at a time with kh_db_set_setting (same roles; a bad value is
 * INVALID with a translated message); read all at once here. */
KhUnitProfile *kh_db_get_unit_profile (KhDb *db, GError **error);

/* ---- the access log ---- */

/* Only for the lead social worker and the administrator (PERMISSION otherwise).
 * client_id 0 = all; newest first. Reading the log is itself logged, once
 * for each person whose rows were read (see kh_db_read_access_log). */
GPtrArray *kh_db_list_access_log (KhDb    *db,
                                  KhUser  *user,
                                  gint64   client_id,
                                  guint    limit,
                                  GError **error);    /* of KhAccessEntry */

/* What the log view asks for (kh_db_read_access_log): every field is a
 * condition of the SQL, and 0 / an invalid (cleared) date means "any". */
typedef struct {
  gint64        client_id;   /* one person's rows */
  char         *person_words;  /* or the people whose names have words that start
                                * with each of these (as search does) */
  gint64        user_id;     /* one user's reads */
  KhAccessWhat  what;        /* one kind of read */
  GDate         from;        /* first day (local time), inclusive */
  GDate         to;          /* last day (local time), inclusive */
  /* Not a condition: the showing of the log view that the read belongs
   * to (kh_work_list_new_showing). Reading the log is logged once per
   * person per showing, however many of its pages are read; 0 makes each
   * read a showing of its own. */
  guint64       showing;
} KhAccessFilter;

/* Initialises to "everything"; clear frees person_words; copy makes a
 * deep copy into `to` (which is then cleared by the caller). */
void       kh_access_filter_init  (KhAccessFilter *filter);
void       kh_access_filter_clear (KhAccessFilter *filter);
void       kh_access_filter_copy  (const KhAccessFilter *from,
                                   KhAccessFilter       *to);

/* Where a page of the log starts. Keyset paging: OLDER and NEWER continue
 * from a row already shown (its time and id), however many rows have been
 * written since, and cost the same on the first page and the thousandth. */
typedef enum {
  KH_ACCESS_PAGE_NEWEST,     /* the newest rows */
  KH_ACCESS_PAGE_OLDER,      /* the rows just older than (at, id) */
  KH_ACCESS_PAGE_NEWER,      /* the rows just newer than (at, id) */
  KH_ACCESS_PAGE_OLDEST,     /* the oldest rows */
} KhAccessPaging;

typedef struct {
  GPtrArray *entries;      /* of KhAccessEntry, newest first */
  guint64    total;        /* rows that match the filter, in all */
  guint64    n_newer;      /* matching rows newer than entries[0] */
} KhAccessLogSlice;

void       kh_access_log_slice_free (KhAccessLogSlice *page);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KhAccessLogSlice, kh_access_log_slice_free)

/* One page of at most `limit` rows (0: 100) of the log that match `filter`,
 * with the total. Only for the lead social worker and the administrator
 * (as the users table has them now). Reading is itself logged
 * (KH_ACCESS_ACCESS_LOG, SUPERVISION) in the same transaction, after the
 * counting: one row for each person whose rows the page shows and for the
 * person filtered on, once in the showing (filter->showing); a page about
 * nobody, one row without a person. `at` is in seconds since the epoch, as
 * KhAccessEntry's. */
KhAccessLogSlice *kh_db_read_access_log (KhDb                 *db,
                                        KhUser               *user,
                                        const KhAccessFilter *filter,
                                        KhAccessPaging        paging,
                                        gint64                at,
                                        gint64                id,
                                        guint                 limit,
                                        GError              **error);

/* The extract of one person's log that the person has a right to (ATL
 * 703/2023 11 §: who has used or received their data, when and on what
 * basis), as CSV in the person's own language (KhClient.language: Swedish
 * for "sv", else Finnish), whatever the UI language is. Every row, oldest
 * first. Only for the lead social worker and the administrator; the export
 * is logged (KH_ACCESS_ACCESS_LOG, basis ADMINISTRATION: answering the
 * person's request) in the same transaction. NOT_FOUND for no such person.
 * `out_rows` (may be NULL) gets the number of log rows in the extract. */
GBytes    *kh_db_export_access_log (KhDb    *db,
                                    KhUser  *user,
                                    gint64   client_id,
                                    guint   *out_rows,
                                    GError **error);

/* ---- the access log's chain (issue 6, item 4) ---- */

/* The database's identity, written once by 0017-access-log-chain.sql
 * (kh_db_get_setting); a checkpoint names it. */
#define KH_SETTING_DATABASE_ID "database_id"

/* What kh_db_verify_access_log found: the first thing wrong, in the order
 * of the chain (kh-log-chain.h). */
typedef enum {
  KH_LOG_CHAIN_INTACT,           /* every row is in place (and the checkpoint's) */
  KH_LOG_CHAIN_CHANGED,          /* row broken_seq no longer gives its own hash */
  KH_LOG_CHAIN_RELINKED,         /* row broken_seq's prev_hash is not the hash of
                                  * the row before it: one of them was rewritten */
  KH_LOG_CHAIN_MISSING,          /* rows broken_seq … found_seq - 1 are missing */
  KH_LOG_CHAIN_OUT_OF_ORDER,     /* row number broken_seq comes again, or after a
                                  * larger number */
  KH_LOG_CHAIN_CHECKPOINT_OTHER_DATABASE, /* the checkpoint is of another database */
  KH_LOG_CHAIN_CHECKPOINT_MISSING, /* the log ends before the checkpoint's row:
                                    * rows broken_seq … checkpoint's seq are gone */
  KH_LOG_CHAIN_CHECKPOINT_CHANGED, /* the checkpoint's row has another hash */
} KhLogChainStatus;

typedef struct {
  KhLogChainStatus status;
  /* The intact part: rows read in order before the first break (all of
   * them when intact), and the last of them (0 and "" for none). */
  guint64  count;
  gint64   last_seq;
  char     last_hash[KH_LOG_HASH_LENGTH + 1];
  /* The row named (by its number in the chain), its id (0 when missing),
   * and for MISSING, the next number that is there (0: none after). */
  gint64   broken_seq;
  gint64   broken_id;
  gint64   found_seq;
} KhLogVerifyResult;

/* Walks the whole access log in the order of the chain and checks each row:
 * its number, its hash, and its link to the row before. With a checkpoint
 * (kh_log_checkpoint_from_text), also that its row is still there with the
 * same hash, which finds the newest rows cut off the end. Reads no personal
 * data (only numbers and hashes come back), so writes no log row. Only for
 * the lead social worker and the administrator (PERMISSION). Returns FALSE
 * only for an error; what was found is in `result`. Works on either engine. */
gboolean   kh_db_verify_access_log (KhDb                  *db,
                                    KhUser                *user,
                                    const KhLogCheckpoint *checkpoint,
                                    KhLogVerifyResult     *result,
                                    GError               **error);
/* Verifies the log (as above, into `result`) and, when it is intact, returns
 * a checkpoint of its newest row, made now, naming this database.
 * NULL with `error` unset when the log is not intact, or has no rows. */
KhLogCheckpoint *kh_db_make_log_checkpoint (KhDb              *db,
                                            KhUser            *user,
                                            KhLogVerifyResult *result,
                                            GError           **error);
/* What `result` means, in a sentence or two for the person who asked
 * (translated); `checkpoint` is the one it was checked against, or NULL. */
char      *kh_log_verify_result_describe (const KhLogVerifyResult *result,
                                          const KhLogCheckpoint   *checkpoint);

/* ---- moving a unit's SQLite database onto a server (kohtaamo-admin copy) ---- */

/* One table's rows in the file and on the server after the copy. */
typedef struct {
  char   *table;
  gint64  in_file;
  gint64  on_server;
} KhDbCopyCount;

typedef struct {
  /* KhDbCopyCount, in the order the tables were copied. */
  GPtrArray         *counts;
  /* The file's access log as verified before the copy. */
  KhLogVerifyResult  file_log;
  /* Accounts whose login role the copy made, NOLOGIN (no password yet). */
  GPtrArray         *new_logins;
  /* Users only the server had (server init, users): kept, with new ids. */
  GPtrArray         *kept_users;
  /* The copy's own row in the server's access log. */
  gint64             copy_log_seq;
} KhDbCopyReport;

void       kh_db_copy_report_clear (KhDbCopyReport *report);

/* Copies the SQLite database `source` (opened read-only: nothing in it
 * changes) into the server's database `conninfo`, which "server init"
 * prepared and nobody has used (INVALID otherwise), as the server's
 * superuser (PERMISSION otherwise), in one transaction of the server:
 * everything, or on any error nothing. Ids are kept; the access log keeps
 * its rows and chain and gets one row for the copy, by `admin_account`
 * (an active administrator after the copy); a broken chain in the file is
 * INVALID unless `accept_broken_log`, which the server then records
 * (kohtaamo.log_copies, with `source_name`). The counts of every table are
 * compared inside the transaction. See kh-db-copy.c. */
gboolean   kh_db_copy_to_server    (KhDb            *source,
                                    const char      *source_name,
                                    const char      *conninfo,
                                    const char      *admin_account,
                                    gboolean         accept_broken_log,
                                    KhDbCopyReport  *report,
                                    GError         **error);

/* ---- bulk (kohtaamo-admin) ---- */

/* Inserts without logging reads and without updating the FTS5 index per
 * row; for demo data and import inside kh_db_begin/commit, which rebuilds the
 * index once. Validation as in kh_db_save_client. */
gint64     kh_db_insert_client_bulk  (KhDb *db, KhUser *user, KhClient *client, GError **error);
gint64     kh_db_insert_contact_bulk (KhDb *db, KhUser *user, KhContact *contact, GError **error);
gint64     kh_db_insert_case_bulk    (KhDb *db, KhCase *kcase, GError **error);
/* A first version of a case's assessment by `author_id`, finished when its
 * status says so; SQLite only (kh-db-assessments.c). */
gint64     kh_db_insert_assessment_bulk (KhDb *db, gint64 author_id, KhAssessment *assessment,
                                         GError **error);
/* Does a person with this identity code exist? Needs an active user (as
 * the users table has them now); a yes is logged as a read of that person
 * (KH_ACCESS_SEARCH: what a search by the code would tell), a no reads
 * nobody. */
gboolean   kh_db_identity_code_exists (KhDb *db, KhUser *user, const char *code, GError **error);

/* added for kohtaamo-admin */

/* How many people the database holds (-1 on error). Reads no one's data and
 * logs nothing. Implemented in kh-db-admin.c. */
gint64     kh_db_count_clients   (KhDb *db, GError **error);
/* Gives this connection a page cache big enough (64 MiB) for the indexes of
 * a bulk load to stay in memory: 100 000 demo people load a third faster.
 * Lasts until the connection is closed. */
gboolean   kh_db_prepare_bulk_load (KhDb *db, GError **error);

/* One of the unit's own closed days, as stored: an ISO date and its name. */
typedef struct {
  char *date;
  char *name;
} KhClosedDay;

void       kh_closed_day_free    (KhClosedDay *day);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KhClosedDay, kh_closed_day_free)

/* The unit's own closed days (not the public holidays), by date. Reads no
 * one's data and needs no user. Implemented in kh-db-admin.c. */
GPtrArray *kh_db_list_closed_days (KhDb *db, GError **error);     /* of KhClosedDay */
/* Removes a closed day that kh_db_add_closed_day added (@date d.m.yyyy or
 * ISO). Needs the lead social worker or an administrator; INVALID for a date
 * that is not one, NOT_FOUND when the unit has no closed day on that date.
 * Implemented in kh-db-admin.c. */
gboolean   kh_db_remove_closed_day (KhDb        *db,
                                    KhUser      *user,
                                    const char  *date,
                                    GError     **error);

/* ---- the caseload (issue 7, 1; kh-db-caseload.c) ---- */

/* Which of a worker's lists. */
typedef enum {
  KH_CASELOAD_MINE = 1,         /* the cases assigned to the calling worker */
  KH_CASELOAD_TEAM_QUEUE = 2,   /* the cases waiting in a team's queue */
} KhCaseloadScope;

/* The heading's numbers: the list's cases, the urgent ones, and those
 * whose next statutory date (kh_case_due) is before today. */
typedef struct
{
  guint total;
  guint urgent;
  guint overdue;
} KhCaseloadCounts;

#define KH_DB_CASELOAD_LIMIT 200

/* A page of the caseload, in kh_case_due_compare's order (urgent first,
 * then by the next statutory date, then the longest pending), each case
 * with `assessment_started` set. `query` gives the page, the showing
 * and, for the team queue, the team (0: the caller's own team; every
 * team for a caller in none). `today` (ISO; NULL: today) is the day the
 * overdue count is counted on. Social counsellors, social workers and the
 * lead social worker only (PERMISSION otherwise). Each person shown is
 * logged as KH_ACCESS_WORK_LIST once per showing, as in the queue. */
GPtrArray *kh_db_list_caseload   (KhDb                  *db,
                                  KhUser                *user,
                                  KhCaseloadScope        scope,
                                  const KhWorkListQuery *query,
                                  const char            *today,
                                  KhCaseloadCounts      *out_counts,
                                  GError               **error);   /* of KhCase */

/* Gives the case to `assignee_id` (the caller's own id: takes it), if it
 * is still with `expected_holder` (0: waiting in the queue) as the caller
 * saw it: a conditional update, so that a case someone else took
 * meanwhile is never silently taken over. STALE ("Already taken by …")
 * when it is with someone else now; the rules of kh_case_assign_check
 * (PERMISSION or INVALID with its message); NOT_FOUND. Giving a case to
 * whoever already has it succeeds and changes nothing. The person is
 * logged as KH_ACCESS_CASES (the case was handled). On a server through
 * kohtaamo.assign_case (data/sql/pg/0016-caseload.sql). */
gboolean   kh_db_assign_case     (KhDb      *db,
                                  KhUser    *user,
                                  gint64     case_id,
                                  gint64     expected_holder,
                                  gint64     assignee_id,
                                  GError   **error);
/* kh_db_assign_case of a queued case to the caller. */
gboolean   kh_db_take_case       (KhDb      *db,
                                  KhUser    *user,
                                  gint64     case_id,
                                  GError   **error);

/* ---- appointments (issue 7, 4; kh-db-appointments.c) ---- */

/* The unit's service points with their opening hours, by name (of
 * KhServicePoint). Not personal: any user. */
GPtrArray *kh_db_list_service_points (KhDb       *db,
                                      gboolean    include_inactive,
                                      GError    **error);
/* Adds (id 0) or changes a service point and replaces its hours; the
 * lead social worker or the administrator (PERMISSION otherwise).
 * Returns the id, 0 with `error` (INVALID: a name taken, no language). */
gint64     kh_db_save_service_point  (KhDb            *db,
                                      KhUser          *user,
                                      KhServicePoint  *point,
                                      GError         **error);
/* Books a meeting (a copy of `appointment` is stored: worker_id 0 is the
 * caller). The booking rule is kh_appointment_check's, against the point,
 * the unit's calendar and the worker's other meetings now: INVALID with
 * its translated message when refused. A worker books their own meetings,
 * the lead social worker anyone's; reception and the administrator none
 * (PERMISSION). Returns the id, 0 with `error`. */
gint64     kh_db_book_appointment    (KhDb                 *db,
                                      KhUser               *user,
                                      const KhAppointment  *appointment,
                                      GError              **error);
/* Moves a meeting: its kind, place, start, length, interpreter and note
 * from `appointment` (its id and the revision read), under the same rule;
 * STALE when it changed or was cancelled meanwhile. The status becomes
 * KH_APPOINTMENT_MOVED with who and when. */
gboolean   kh_db_move_appointment    (KhDb                 *db,
                                      KhUser               *user,
                                      const KhAppointment  *appointment,
                                      GError              **error);
/* Cancels a meeting over the revision read, with a reason (required,
 * kh_appointment_check_cancel); the row stays, with who and when. */
gboolean   kh_db_cancel_appointment  (KhDb        *db,
                                      KhUser      *user,
                                      gint64       id,
                                      gint64       revision,
                                      const char  *reason,
                                      GError     **error);
/* The worker's meetings (0: the caller's) in the Monday–Sunday week of
 * `day`, cancelled ones too, by time (of KhAppointment). The worker or
 * the lead social worker only. Each person in it is logged as
 * KH_ACCESS_WORK_LIST. */
GPtrArray *kh_db_list_week           (KhDb         *db,
                                      KhUser       *user,
                                      gint64        worker_id,
                                      const GDate  *day,
                                      GError      **error);
/* Demo data (SQLite): books a meeting for its worker under the booking
 * rule, without asking who; see kh-db-appointments.c. */
gint64     kh_db_insert_appointment_bulk (KhDb                 *db,
                                          const KhAppointment  *appointment,
                                          GError              **error);
/* A person's meetings, newest first (of KhAppointment); the person is
 * logged as KH_ACCESS_PAGE (read on their page). */
GPtrArray *kh_db_list_client_appointments (KhDb      *db,
                                           KhUser    *user,
                                           gint64     client_id,
                                           GError   **error);

/* ---- the service-need assessment (SHL 36–37 §, issue 7; kh-db-assessments.c) ---- */

/* The unit's own list of life areas, one "key<TAB>label" per line (a key
 * of kh_assessment_default_area_keys() alone takes its label); unset, the
 * default list. Copied into an assessment when it starts. */
#define KH_SETTING_ASSESSMENT_AREAS "assessment_areas"
/* The unit's own wording of the five answers of the client's
 * self-assessment, from "serious difficulties" to "going well", one per
 * line, in Finnish and in Swedish (kh_assessment_parse_self_assessment_answers);
 * unset, the application's own. Which scale to use is the unit's choice:
 * no national one is confirmed (domain-law.md 7). */
#define KH_SETTING_SELF_ASSESSMENT_ANSWERS_FI "self_assessment_answers_fi"
#define KH_SETTING_SELF_ASSESSMENT_ANSWERS_SV "self_assessment_answers_sv"

/* Every call here is for social counsellors, social workers and the lead
 * social worker as the users table has them now: PERMISSION for reception
 * and the administrator role (on a server, the server refuses them too).
 * Every call that returns an assessment logs KH_ACCESS_ASSESSMENT (basis
 * CLIENT_RELATIONSHIP) for its person, once, in the same transaction. */

/* The case's draft, or a new one (version 1, or the next version's draft is
 * never made here) with the unit's life areas and today's date. NOT_FOUND
 * for no such case. A case whose assessment is finished gets that version
 * back (status FINISHED): a change is kh_db_new_assessment_version(). */
KhAssessment *kh_db_start_assessment  (KhDb         *db,
                                       KhUser       *user,
                                       gint64        case_id,
                                       GError      **error);
/* One version by its id; NOT_FOUND if there is none. */
KhAssessment *kh_db_get_assessment    (KhDb         *db,
                                       KhUser       *user,
                                       gint64        assessment_id,
                                       GError      **error);
/* Every version of the case's assessment, oldest first (of KhAssessment);
 * empty when none was started. NOT_FOUND for no such case. */
GPtrArray    *kh_db_list_assessments  (KhDb         *db,
                                       KhUser       *user,
                                       gint64        case_id,
                                       GError      **error);
/* Saves a draft as it is (the wizard's every change; not normalised, only
 * the text limits and ratings checked: INVALID). Only over the revision it
 * carries: when another desk saved it since, nothing is written and the
 * answer is STALE, saying when. On success `assessment->revision` is the
 * new one. A finished version is INVALID: a change is a new version. Logs
 * nothing (a write; opening it was logged). */
gboolean      kh_db_save_assessment   (KhDb         *db,
                                       KhUser       *user,
                                       KhAssessment *assessment,
                                       GError      **error);
/* Normalises (kh_assessment_normalize), checks (kh_assessment_check, with
 * today's date) and, with nothing missing, saves and finishes the draft in
 * one transaction, over its revision as kh_db_save_assessment. INVALID with
 * the first issue's message when something 37 § requires is missing;
 * PERMISSION when special support was found and the user is not a social
 * worker or the lead social worker (42 §, 46 §). On success `assessment` is
 * the finished version (status, revision, finished_at, finished_by). */
gboolean      kh_db_finish_assessment (KhDb         *db,
                                       KhUser       *user,
                                       KhAssessment *assessment,
                                       GError      **error);
/* The draft of a new version of the finished `finished_id`, with the reason
 * for the change (INVALID without one: kh_assessment_new_version), saved;
 * the case's existing draft is INVALID (there is one to continue). Logs the
 * read of the finished version. */
KhAssessment *kh_db_new_assessment_version (KhDb       *db,
                                            KhUser     *user,
                                            gint64      finished_id,
                                            const char *reason,
                                            GError    **error);

/* ---- the person's timeline and case notes (issue 7, 2; kh-db-timeline.c) ---- */

/* Both for social counsellors, social workers and the lead social worker
 * as the users table has them now: PERMISSION for reception and the
 * administrator role (on a server, the server refuses them too). */

/* Everything about the person across all their cases, newest first (of
 * KhTimelineEntry): contacts, cases, assessment versions (drafts and
 * finished: dates and states, not their content) and case notes; at most
 * `limit` (0: all). Logs KH_ACCESS_TIMELINE (basis CLIENT_RELATIONSHIP)
 * once, in the same transaction. NOT_FOUND for no such person. */
GPtrArray       *kh_db_list_client_timeline (KhDb     *db,
                                             KhUser   *user,
                                             gint64    client_id,
                                             guint     limit,
                                             GError  **error);
/* Issue 7, 2: what a person's page shows, read in one transaction with one
 * commit (kh-db-person-page.c). */
typedef enum {
  KH_PERSON_PAGE_MEETINGS = 1 << 0,   /* their meetings (those who book them) */
  KH_PERSON_PAGE_TIMELINE = 1 << 1,   /* the timeline; without it, the contacts */
} KhPersonPageParts;

typedef struct {
  KhClient  *client;            /* as kh_db_get_client, KH_ACCESS_PAGE */
  GPtrArray *cases;             /* as kh_db_list_client_cases, or NULL and: */
  GError    *cases_error;
  GPtrArray *meetings;          /* as kh_db_list_client_appointments; NULL when */
  GError    *meetings_error;    /*   not asked, or with meetings_error */
  GPtrArray *timeline;          /* as kh_db_list_client_timeline (all); NULL */
  GError    *timeline_error;    /*   when not asked, or with timeline_error */
  GPtrArray *contacts;          /* as kh_db_list_client_contacts, when the */
  GError    *contacts_error;    /*   timeline was not asked */
} KhPersonPageRead;

void       kh_person_page_read_free (KhPersonPageRead *read);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KhPersonPageRead, kh_person_page_read_free)

/* Reads the person (KH_ACCESS_PAGE with `basis`), their cases, and the
 * `parts` asked, each as its own function above reads and logs it (the
 * same checks, the same access-log rows), all in ONE transaction with ONE
 * commit: on a server a transaction whose commit waits for the disk, so
 * that its log rows are durable before anything read is returned; on
 * SQLite one read transaction (one snapshot) whose log rows are written
 * together when it ends, as _kh_db_read_begin says. A part that fails
 * (a role that may not read it) has its error and logs nothing; the person
 * not found or not readable fails the whole read, and nothing is logged.
 * NULL with `error` set then, or when the commit fails. */
KhPersonPageRead *kh_db_read_person_page (KhDb              *db,
                                          KhUser            *user,
                                          gint64             client_id,
                                          KhAccessBasis      basis,
                                          KhPersonPageParts  parts,
                                          GError           **error);

/* Appends a case note (asiakaskertomus entry) to the case `case_id`, by
 * `user`, now; `corrects_id` (0: none) is a note of the same case that it
 * corrects. Notes are never changed or removed (the database refuses).
 * INVALID for an empty or too long text or one with invisible characters
 * (kh_case_note_check), or a corrected note of another case; NOT_FOUND for
 * no such case. Logs nothing (a write). Returns the note as stored. */
KhTimelineEntry *kh_db_add_case_note      (KhDb        *db,
                                           KhUser      *user,
                                           gint64       case_id,
                                           const char  *text,
                                           gint64       corrects_id,
                                           GError     **error);

/* ---- the attempts to reach a person (issue 8, 3; kh-db-attempts.c) ---- */

/* Both for social counsellors, social workers and the lead social worker
 * (kh_contact_attempt_may_record): PERMISSION for reception and the
 * administrator role (on a server, the server refuses them too). */

/* Records `attempt` (client, contact, case, attempted_at, method, outcome,
 * note) by `user`, now; attempts are never changed or removed (the
 * database refuses). INVALID for what kh_contact_attempt_check refuses or
 * a followed contact or a case of another person; NOT_FOUND for no such
 * person or contact. Logs nothing (a write). Returns the attempt as
 * stored. */
KhContactAttempt *kh_db_record_contact_attempt (KhDb              *db,
                                                KhUser            *user,
                                                KhContactAttempt  *attempt,
                                                GError           **error);
/* The person's attempts, oldest first (of KhContactAttempt). Logs
 * KH_ACCESS_TIMELINE (basis CLIENT_RELATIONSHIP) once, in the same
 * transaction: they are part of the timeline. NOT_FOUND for no such person. */
GPtrArray        *kh_db_list_contact_attempts  (KhDb     *db,
                                                KhUser   *user,
                                                gint64    client_id,
                                                GError  **error);

/* ---- the client's network (issue 9, 1; kh-db-network.c) ---- */

/* All for social counsellors, social workers and the lead social worker
 * (kh_network_may_keep): PERMISSION for reception and the administrator
 * role (on a server, the server refuses them too). Every read logs
 * KH_ACCESS_NETWORK (basis CLIENT_RELATIONSHIP) once, in its transaction;
 * writes log nothing. Nothing is ever changed or removed in the tables
 * (data/sql/0034-network.sql): a change of an entry is its next
 * revision, a removal a revision marked removed, a withdrawal of a
 * consent a record beside it. */

/* The person's network as it stands (of KhNetworkMember, each with its
 * consents, oldest first), by sector, distance and when added; the
 * removed entries too with `with_removed`. NOT_FOUND for no such person. */
GPtrArray        *kh_db_list_network            (KhDb              *db,
                                                 KhUser            *user,
                                                 gint64             client_id,
                                                 gboolean           with_removed,
                                                 GError           **error);
/* Every revision of one entry of the person's, oldest first. */
GPtrArray        *kh_db_list_network_member_history (KhDb          *db,
                                                     KhUser        *user,
                                                     gint64         client_id,
                                                     gint64         member_id,
                                                     GError       **error);
/* Adds `member` (client, kind, fields) as its revision 1. INVALID for
 * what kh_network_member_problems finds; NOT_FOUND for no such person or
 * service. Returns the entry as stored. */
KhNetworkMember  *kh_db_add_network_member      (KhDb              *db,
                                                 KhUser            *user,
                                                 KhNetworkMember   *member,
                                                 GError           **error);
/* Saves `member` (as read: id, client, revision; the fields changed) as
 * its next revision; STALE when another revision was saved after the one
 * read, INVALID when it was removed. */
KhNetworkMember  *kh_db_save_network_member     (KhDb              *db,
                                                 KhUser            *user,
                                                 KhNetworkMember   *member,
                                                 GError           **error);
/* Removes `member` (as read) from the network: its last revision, marked
 * removed; errors as kh_db_save_network_member. */
KhNetworkMember  *kh_db_remove_network_member   (KhDb              *db,
                                                 KhUser            *user,
                                                 KhNetworkMember   *member,
                                                 GError           **error);
/* Records `consent` for its entry (member_id) of the person. INVALID for
 * what kh_network_consent_check refuses (today: the store's day). */
KhNetworkConsent *kh_db_record_network_consent  (KhDb              *db,
                                                 KhUser            *user,
                                                 gint64             client_id,
                                                 KhNetworkConsent  *consent,
                                                 GError           **error);
/* Records the withdrawal of `consent` (as read) on `withdrawn_on`.
 * INVALID for what kh_network_withdrawal_check refuses. Returns the
 * consent with its withdrawal. */
KhNetworkConsent *kh_db_withdraw_network_consent (KhDb             *db,
                                                  KhUser           *user,
                                                  gint64            client_id,
                                                  KhNetworkConsent *consent,
                                                  const GDate      *withdrawn_on,
                                                  GError          **error);
/* Takes a dated version of the person's network as it stands, named
 * `label` (kh_network_version_check_label); never changed afterwards. */
KhNetworkVersion *kh_db_take_network_version    (KhDb              *db,
                                                 KhUser            *user,
                                                 gint64             client_id,
                                                 const char        *label,
                                                 GError           **error);
/* The person's versions (of KhNetworkVersion), newest first. */
GPtrArray        *kh_db_list_network_versions   (KhDb              *db,
                                                 KhUser            *user,
                                                 gint64             client_id,
                                                 GError           **error);
/* The entries of one version of the person's as they stood (of
 * KhNetworkMember, with the consents recorded and withdrawn by then),
 * and the version itself in `out_version` (may be NULL). NOT_FOUND for
 * no such person or version of theirs. */
GPtrArray        *kh_db_read_network_version    (KhDb              *db,
                                                 KhUser            *user,
                                                 gint64             client_id,
                                                 gint64             version_id,
                                                 KhNetworkVersion **out_version,
                                                 GError           **error);

/* ---- the client plan (issue 9, 3–5; kh-db-plans.c) ---- */

/* All for social counsellors, social workers and the lead social worker,
 * as assessments: PERMISSION for reception and the administrator role
 * (on a server, the server refuses them too). Every read logs
 * KH_ACCESS_CLIENT_PLAN (basis CLIENT_RELATIONSHIP) once, in its
 * transaction. Nothing is ever changed or removed in the tables
 * (data/sql/0035-client-plans.sql): a plan's first version is made from a
 * finished assessment, every later one by a review. Before writing, the
 * store runs kh_client_plan_check on the cleaned plan (INVALID with its
 * first problem). */

/* One accepted version of a plan, for the list. */
typedef struct
{
  gint64      plan_id;
  gint64      id;                  /* the version */
  gint64      case_id;
  gint64      assessment_id;
  int         version;
  GDate       made_on;
  GDate       review_on;
  GDateTime  *accepted_at;
  char       *accepted_by_name;
  gint64      network_version_id;  /* 0: none */
  gboolean    reviewed;            /* made by a review (not the first version) */
} KhPlanVersionInfo;

void              kh_plan_version_info_free     (KhPlanVersionInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KhPlanVersionInfo, kh_plan_version_info_free)

/* Makes the case's plan from its finished assessment (`plan`'s client,
 * case and assessment_id): version 1. INVALID also when the case already
 * has a plan. Returns the plan as stored (ids filled in). */
KhClientPlan     *kh_db_save_client_plan        (KhDb               *db,
                                                 KhUser             *user,
                                                 const KhClientPlan *plan,
                                                 GError            **error);
/* Records the review of `reviewed` (as read) with the client — its
 * `evaluations` (of KhPlanEvaluation) on the unit's `scale` — and the
 * plan's next version `next` (its kept goals and actions carrying their
 * ids), together. INVALID for an active goal not rated; STALE when the
 * plan has a newer version than `reviewed`. Returns `next` as stored. */
KhClientPlan     *kh_db_review_client_plan      (KhDb               *db,
                                                 KhUser             *user,
                                                 const KhClientPlan *reviewed,
                                                 GPtrArray          *evaluations,
                                                 const KhPlanScale  *scale,
                                                 const KhClientPlan *next,
                                                 GError            **error);
/* Every accepted version of the person's plans (of KhPlanVersionInfo),
 * newest first. NOT_FOUND for no such person. */
GPtrArray        *kh_db_list_client_plans       (KhDb              *db,
                                                 KhUser            *user,
                                                 gint64             client_id,
                                                 GError           **error);
/* The person's version `version_id` with its goals, actions, partners and
 * factors. NOT_FOUND for no such person or version of theirs. */
KhClientPlan     *kh_db_read_client_plan        (KhDb              *db,
                                                 KhUser            *user,
                                                 gint64             client_id,
                                                 gint64             version_id,
                                                 GError           **error);
/* The evaluations (of KhPlanEvaluation) of the review that made the
 * person's version `version_id`; none for a first version. */
GPtrArray        *kh_db_list_plan_evaluations   (KhDb              *db,
                                                 KhUser            *user,
                                                 gint64             client_id,
                                                 gint64             version_id,
                                                 GError           **error);
/* A review as read: its evaluations and the scale they were rated on. */
typedef struct
{
  GPtrArray    *evaluations;         /* KhPlanEvaluation */
  KhPlanScale  *scale;               /* NULL: the version was made without a review */
  KhClientPlan *plan;                /* the version, read with it (kh_db_read_plan_with_review); else NULL */
} KhPlanReview;

void              kh_plan_review_free           (KhPlanReview      *review);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KhPlanReview, kh_plan_review_free)

/* The same with the scale the review was rated on (NULL for a first
 * version), in one logged read. */
GPtrArray        *kh_db_read_plan_review        (KhDb              *db,
                                                 KhUser            *user,
                                                 gint64             client_id,
                                                 gint64             version_id,
                                                 KhPlanScale      **out_scale,
                                                 GError           **error);
/* What the plan's letter prints: the version (kh_db_read_client_plan's)
 * with the review that made it (no evaluations, no scale for a first
 * version), in one logged read. */
KhPlanReview     *kh_db_read_plan_with_review   (KhDb              *db,
                                                 KhUser            *user,
                                                 gint64             client_id,
                                                 gint64             version_id,
                                                 GError           **error);

/* ---- issued letters and decisions (issue 8, 5; kh-db-documents.c) ---- */

/* Issues `document` as `user`, now: stores its PDF with the SHA-256 this
 * computes, in one transaction; a decision gets the next number of this
 * year's register in it, a payment commitment the next of the
 * commitments' own series (on a server, the server's clock and number,
 * safe when desks issue at once). Who may is kh_document_may_issue
 * (PERMISSION otherwise); INVALID for what kh_issued_document_check
 * refuses (a commitment's terms too), a case or a corrected document of
 * another person, a commitment resting on anything but a granting
 * decision of the same person; NOT_FOUND
 * for no such person. On success the document's id, issued_at, issued_by
 * (and name), register_year, register_number and sha256 are filled, and
 * the id returned; 0 with `error`. Logs nothing (a write). Issued
 * documents are never changed or removed: both databases refuse. */
gint64     kh_db_issue_document  (KhDb              *db,
                                  KhUser            *user,
                                  KhIssuedDocument  *document,
                                  GError           **error);
/* As kh_db_issue_document, with the PDF rendered by `render` inside the
 * transaction, after the decision's or commitment's number is allocated
 * (and held: on a server the year's series is locked until commit), so that
 * the number printed is the number kept. `document->pdf` is ignored and
 * set to what `render` returned; a render error undoes the issuing. */
gint64     kh_db_issue_document_rendered (KhDb                 *db,
                                          KhUser               *user,
                                          KhIssuedDocument     *document,
                                          KhDocumentRenderFunc  render,
                                          gpointer              user_data,
                                          GError              **error);
/* Which of `appointment_ids` (gint64), at their present revision, have had
 * their invitation issued (counsellors, social workers, the lead). */
GArray    *kh_db_list_invited_appointments (KhDb     *db,
                                            KhUser   *user,
                                            GArray   *appointment_ids,
                                            GError  **error);
/* A batch of invitations (KhIssuedDocument, each naming its meeting) in
 * one transaction: all or none; STALE when a meeting already has its
 * invitation; `cancellable` checked before each. */
gboolean   kh_db_issue_invitations (KhDb          *db,
                                    KhUser        *user,
                                    GPtrArray     *documents,
                                    GCancellable  *cancellable,
                                    GError       **error);
/* Opens an issued document with its PDF: social counsellors, social
 * workers and the lead social worker (logged KH_ACCESS_DOCUMENT), or the
 * administrator for the export (logged KH_ACCESS_EXPORT); the log row
 * names the document (document_reads), in the same transaction. The bytes
 * are checked against their SHA-256: DAMAGED when they differ.
 * PERMISSION for reception, NOT_FOUND for no such document. */
KhIssuedDocument *kh_db_get_document_pdf (KhDb     *db,
                                          KhUser   *user,
                                          gint64    document_id,
                                          GError  **error);
/* Every issued document's id (gint64), oldest first: the administrator
 * only (the export), nothing logged (ids are nobody's data). */
GArray    *kh_db_list_document_ids (KhDb     *db,
                                    KhUser   *user,
                                    GError  **error);

/* ---- correcting a saved contact (issue 5, 2.1) ---- */

/* A contact as it is now with its history of revisions (oldest first), and
 * what `user` may do with it. Logs KH_ACCESS_CONTACTS for the person (an
 * anonymous contact has none). NOT_FOUND if there is no such contact. */
KhContactHistory *kh_db_get_contact_history (KhDb    *db,
                                             KhUser  *user,
                                             gint64   contact_id,
                                             GError **error);
/* Corrects the correctable fields (kh_contact_take_correctable) of the contact
 * `corrected->id`, checked as the intake checks them; `reason` may be NULL.
 * First writes a revision with what the fields held, in the same
 * transaction. INVALID if nothing changed or a rule is broken; PERMISSION if
 * the user may not (reception: only contacts received today; nobody: a
 * contact entered in error). */
gboolean   kh_db_correct_contact (KhDb        *db,
                                  KhUser      *user,
                                  KhContact   *corrected,
                                  const char  *reason,
                                  GError     **error);
/* Marks a contact entered in error; `reason` is required. The contact stays
 * in the record. A case it opened is closed. Reception may mark only contacts
 * received today whose case is still in the queue; a case that is with a
 * worker or closed can be marked only by that worker or the lead social
 * worker. */
gboolean   kh_db_mark_contact_in_error (KhDb        *db,
                                        KhUser      *user,
                                        gint64       contact_id,
                                        const char  *reason,
                                        GError     **error);

G_END_DECLS
