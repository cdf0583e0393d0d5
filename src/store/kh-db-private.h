/* kh-db-private.h — what the kh-db-*.c files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * KhDb is split by aggregate: kh-db.c (statements, transactions and the
 * helpers every aggregate uses, whatever the engine), kh-db-sqlite.c (the
 * SQLite engine: opening, migrations, errors, the name index's upkeep),
 * kh-db-users.c, kh-db-clients.c (people and search),
 * kh-db-contacts.c (intake, contacts, cases), kh-db-services.c (the directory
 * and the unit's calendar) and kh-db-log.c (the access log).
 */
#pragma once

#include "store/kh-db.h"

G_BEGIN_DECLS

/* What the engine's step returns (the same numbers as SQLite's). Any other
 * value is an error code of the engine, for _kh_db_set_error. */
#define KH_DB_OK   0
#define KH_DB_ROW  100
#define KH_DB_DONE 101

typedef struct _KhDbStmt   KhDbStmt;
typedef struct _KhDbEngine KhDbEngine;

/* A piece of SQL that the dialects write differently: the aggregates'
 * SQL says {name}, and _kh_db_prepare puts the engine's `sql` there. */
typedef struct {
  const char *name;
  const char *sql;
} KhDbFragment;

/* One SQL engine behind the aggregates: kh-db-sqlite.c (the embedded
 * default) and the server engine. The aggregate files (kh-db-clients.c …)
 * write portable SQL once — `?` or `?N` parameters, RETURNING, ON CONFLICT —
 * and reach the engine only through the functions below. What the dialects
 * do differently (opening, migrations, search indexes, collation, upkeep)
 * lives in the engine's own file. */
struct _KhDbEngine
{
  const char  *name;
  /* Statement for a write transaction of its own. */
  const char  *begin_sql;
  /* Statement for a read transaction of its own (_kh_db_read_begin), whose
   * access-log rows are written after it in a short write transaction;
   * NULL: reads are write transactions, their rows written as they go
   * (a server, whose row-level security needs the row first). */
  const char  *read_begin_sql;
  /* Where read_begin_sql is NULL: the statement that begins such a
   * transaction, which writes only the access-log rows of its read, so
   * that its commit need not wait for the disk as a saved record's does
   * (README, "Power loss"); NULL: begin_sql. */
  const char  *logged_read_begin_sql;
  /* Statement for the one transaction of a person's page
   * (kh_db_read_person_page) on a server; NULL: begin_sql. */
  const char  *page_read_begin_sql;
  /* Whether the program computes an access-log row's seq, prev_hash and
   * hash (src/core/kh-log-chain.h) as SQLite must; a server that computes
   * them itself (with its own clock) leaves this FALSE. */
  gboolean     client_chains_log;

  gpointer   (*prepare)          (KhDb *db, const char *sql, int *out_rc);
  void       (*finalize)         (gpointer stmt);
  void       (*reset)            (gpointer stmt);
  void       (*clear_bindings)   (gpointer stmt);
  void       (*bind_int64)       (gpointer stmt, int index, gint64 value);
  void       (*bind_text)        (gpointer stmt, int index, const char *text);
  void       (*bind_blob)        (gpointer stmt, int index, const void *data, gsize size);
  void       (*bind_null)        (gpointer stmt, int index);
  int        (*step)             (gpointer stmt);
  gint64     (*column_int64)     (gpointer stmt, int column);
  const char *(*column_str)      (gpointer stmt, int column);
  gboolean   (*column_is_null)   (gpointer stmt, int column);
  const void *(*column_blob)     (gpointer stmt, int column, gsize *out_size);
  int        (*column_count)     (gpointer stmt);

  int        (*exec)             (KhDb *db, const char *sql);
  gint64     (*changes)          (KhDb *db);
  gboolean   (*in_transaction)   (KhDb *db);
  int        (*last_error_code)  (KhDb *db);
  gboolean   (*is_unique_violation) (KhDb *db, int rc);
  void       (*set_error)        (KhDb *db, int rc, GError **error);

  /* kh_db_begin's bulk loads: defer the name index, and make it whole
   * again before the commit. NULL where the engine keeps it current. */
  gboolean   (*defer_search_index) (KhDb *db, GError **error);
  gboolean   (*before_commit)    (KhDb *db, GError **error);
  void       (*after_rollback)   (KhDb *db);

  int        (*schema_version)   (KhDb *db);
  void       (*close)            (KhDb *db);

  /* The login role the server knows the connection by (users.account), or
   * NULL where the engine has no logins (SQLite: the program decides). */
  const char *(*session_account) (KhDb *db);

  /* What the dialects say differently in the aggregates' SQL. */
  /* Appends to `sql` a query of the ids (one column) of the people who
   * have, for each of `folded` (the words as _kh_db_fold_words folds them;
   * `tokens` as typed), a name word that is it (or starts with it, when
   * `prefix`). Its parameters are numbered from `first_param`; their values
   * (text) are appended to `params`. */
  void        (*name_match)      (KhDb       *db,
                                  GString    *sql,
                                  int         first_param,
                                  GPtrArray  *tokens,
                                  GPtrArray  *folded,
                                  gboolean    prefix,
                                  GPtrArray  *params);
  /* The clients table as `c`, read in sort-key order (an index hint). */
  const char  *clients_in_order;
  /* position (haystack, needle): 1-based, 0 when not there. */
  const char  *position_function;
  /* A query of the text values of the JSON array that parameter ?1 is. */
  const char  *json_values_1;
  /* The Finnish/Swedish order of names, after an ORDER BY term. */
  const char  *collate_names;
  /* {name} → SQL, ending with { NULL, NULL }:
   *  {client_address}  address, postal code and city of `c` (clients)
   *  {client_join}     what {client_address} needs after `clients c`
   *  {earlier_log_rows} access_log rows `a` from before this transaction
   *  {log_access}      a statement that logs a read: ?1 at (Unix seconds),
   *                    ?2 user id, ?3 client id, ?4 what, ?5 basis
   *  {set_user_team}   puts user ?1 (account) in team ?2 (NULL: none); one row */
  const KhDbFragment *fragments;
  /* The program writes clients.search_text and client_words (else the
   * database's triggers keep them). */
  gboolean     writes_name_words;
  /* The server's functions find the people and log them
   * (kohtaamo.search_clients_by_name …): no row of clients is visible to
   * a worker before it is logged. */
  gboolean     search_on_server;
  /* Adds or changes a user: ?1 account, ?2 display name (NULL keeps the
   * one there), ?3 role, ?4 active, ?5 now; returns the id. */
  const char  *save_user_sql;
  /* Session settings for a large load (kh_db_prepare_bulk_load), or NULL. */
  const char  *bulk_load_sql;

  /* Issue 6, 6 (kh_db_poll_change): a mark that changes whenever another
   * connection has committed, and not for this one's own commits; cheap
   * enough to ask five times a second. SQLite: PRAGMA data_version; a
   * server engine: a count of the notifications (LISTEN/NOTIFY) received. */
  gboolean   (*changes_elsewhere) (KhDb *db, gint64 *out_mark, GError **error);
  /* After changes_elsewhere moved: appends to `ids` the people changed
   * since the last call (a server engine: the NOTIFY payloads received on
   * kohtaamo_changes, data/sql/pg/0004-live-changes.sql). NULL: the store
   * reads the table client_changes past the last number it saw. */
  gboolean   (*changed_clients)   (KhDb *db, GArray *ids, GError **error);
  /* A socket that becomes readable when another connection's commit may
   * have come (the server's notifications), for KhStore's worker to wait
   * on instead of looking at intervals; -1 while there is none. NULL:
   * look every so often (SQLite). */
  int        (*change_socket)     (KhDb *db);

  /* Issue 6, 7: whether the connection to a server still works (NULL: a
   * file is always there), and a new connection in place of a broken one,
   * with the same connection string (kh_db_reconnect). */
  gboolean   (*connected)         (KhDb *db);
  gboolean   (*reconnect)         (KhDb *db, GError **error);
};

struct _KhDb
{
  const KhDbEngine *engine;
  /* The engine's connection (sqlite3 *). */
  gpointer    handle;
  /* The file, or the server as the user may see it (no password). */
  char       *path;
  gboolean    read_only;

  /* In a read transaction of _kh_db_read_begin: _kh_db_log_access keeps
   * the rows in `pending_log` (KhDbPendingLog) for _kh_db_read_end. */
  gboolean    reading;
  GArray     *pending_log;

  /* Depth of kh_db_begin: functions that open their own transaction only do
   * so when none is open, and then commit or roll back themselves. */
  guint       explicit_transaction : 1;
  /* A bulk load inside the explicit transaction deferred the search index. */
  guint       fts_deferred : 1;

  /* Prepared statements by SQL text, reused for the connection's life. */
  GHashTable *statements;

  /* Cached; dropped when closed days or settings change. */
  KhCalendar *calendar;

  /* The people already logged in the current showing of the work lists
   * (see KhWorkListQuery.showing): its id, its user, their client ids. */
  guint64     work_list_showing;
  gint64      work_list_user;
  GHashTable *work_list_seen;

  /* The same for the log view's showings (kh-db-log.c): the people whose
   * log rows were already logged as read in the showing. */
  guint64     log_showing;
  gint64      log_user;
  GHashTable *log_seen;

  /* Each user's latest intake through this connection, what undoing it
   * needs (kh-db-contacts.c, IntakeUndo), by user id; and for how many
   * seconds after the save it can be undone (KH_DB_UNDO_SECONDS). */
  GHashTable *intake_undo;
  gint64      intake_undo_window;

  /* When the owner does the upkeep at idle (kh_db_set_maintenance_when_idle):
   * pages in the write-ahead log after the last commit, and whether a
   * commit since the last upkeep may have added name-index segments. */
  int         wal_pages;
  /* The transaction changed something other than access-log rows (see
   * sqlite_exec's COMMIT), and how many commits waited for the disk. */
  guint       records_written : 1;
  guint       durable_commits;
  guint       maintenance_when_idle : 1;
  guint       merge_due : 1;
  guint       maintaining : 1;

  /* kh_db_poll_change (kh-db-changes.c): the engine's mark of the last
   * commit seen, and the last client_changes number read. */
  guint       change_watched : 1;
  gint64      data_version;
  gint64      change_seq;
};

/* A prepared statement, borrowed from the connection's cache; the cleanup
 * resets it so that it holds no read lock. Never free one. */
struct _KhDbStmt
{
  KhDb     *db;
  gpointer  handle;
};

void          _kh_db_stmt_release      (KhDbStmt    *stmt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KhDbStmt, _kh_db_stmt_release)

/* The engines' own openings (kh_db_open chooses by the location). */
KhDb         *_kh_db_sqlite_open_full  (const char     *path,
                                        KhDbOpenFlags   flags,
                                        GError        **error);
KhDb         *_kh_db_sqlite_open_read_only (const char  *path,
                                            GError     **error);
KhDb         *_kh_db_pg_open           (const char  *conninfo,
                                        gboolean     read_only,
                                        GError     **error);

/* The PostgreSQL engine's PGconn, and its errors (kh-db-copy.c). */
gpointer      _kh_db_pg_connection     (KhDb          *db);
void          _kh_db_pg_set_result_error (KhDb        *db,
                                          gconstpointer result,
                                          GError     **error);

/* A new connection's common part (kh_db_close frees it). */
KhDb         *_kh_db_new               (const KhDbEngine *engine,
                                        const char       *path);

/* Names the meeting a KH_STORE_ERROR is about
 * (kh_store_error_get_appointment_id). */
void          _kh_store_error_set_appointment_id (GError *error,
                                                  gint64  appointment_id);
/* Sets `error` from the engine's error code `rc`, mapped to KhStoreError. */
void          _kh_db_set_error         (KhDb        *db,
                                        int          rc,
                                        GError     **error);
/* Sets `error` from the connection's last error. */
void          _kh_db_set_last_error    (KhDb        *db,
                                        GError     **error);
/* Whether `rc` (a failed step) broke a UNIQUE constraint. */
gboolean      _kh_db_is_unique_violation (KhDb      *db,
                                          int        rc);
/* A prepared statement for `sql`, from the connection's cache, reset and
 * with its bindings cleared. Use with g_autoptr (KhDbStmt). */
KhDbStmt     *_kh_db_prepare           (KhDb        *db,
                                        const char  *sql,
                                        GError     **error);
/* KH_DB_ROW, KH_DB_DONE or an engine's error code. */
int           _kh_db_step              (KhDbStmt    *stmt);
void          _kh_db_reset             (KhDbStmt    *stmt);
/* Rows changed by the last statement. */
gint64        _kh_db_changes           (KhDb        *db);
/* Steps a statement that returns no rows, then resets it; FALSE with
 * `error` set when it failed. */
gboolean      _kh_db_step_done         (KhDb          *db,
                                        KhDbStmt      *stmt,
                                        GError       **error);
/* Makes a new record from the current row of a statement. */
typedef gpointer (*KhDbRowFunc) (KhDbStmt *stmt);
/* Steps through every row, appending from_row's record for each to `rows`,
 * then resets the statement; FALSE with `error` set when a step failed (the
 * rows read until then stay in `rows`). */
gboolean      _kh_db_read_rows         (KhDb          *db,
                                        KhDbStmt      *stmt,
                                        KhDbRowFunc    from_row,
                                        GPtrArray     *rows,
                                        GError       **error);
/* Runs SQL without results. */
gboolean      _kh_db_exec              (KhDb        *db,
                                        const char  *sql,
                                        GError     **error);

/* A write transaction of its own, or a savepoint inside one that is open
 * (kh_db_begin). `own` tells _kh_db_tx_end which. */
gboolean      _kh_db_tx_begin          (KhDb        *db,
                                        gboolean    *own,
                                        GError     **error);
/* Commits (ok) or rolls back (!ok) an own transaction; returns ok && the
 * commit worked, setting `error` only when the commit fails (so the caller
 * passes the error it collected, and it is set whenever FALSE comes back as
 * long as !ok comes with an error). Inside kh_db_begin only this
 * operation's savepoint is rolled back: the caller of kh_db_begin decides
 * about the rest. */
gboolean      _kh_db_tx_end            (KhDb        *db,
                                        gboolean     own,
                                        gboolean     ok,
                                        GError     **error);
/* A read of a person's data (issue 6, 8): where the engine has
 * read_begin_sql (SQLite), a read transaction of its own — WAL readers
 * take no lock, so a read never waits for another program's write, nor
 * holds one up — whose access-log rows (_kh_db_log_access) are kept and
 * written by _kh_db_read_end in a write transaction of their own, which
 * holds the write lock only for those rows. Nothing read is returned
 * unless they commit: _kh_db_read_end is FALSE then, and the caller drops
 * what it read. Inside a caller's transaction, and on a server (whose
 * row-level security needs the row before the read), as _kh_db_tx_begin. */
gboolean      _kh_db_read_begin        (KhDb        *db,
                                        gboolean    *own,
                                        GError     **error);
gboolean      _kh_db_read_end          (KhDb        *db,
                                        gboolean     own,
                                        gboolean     ok,
                                        GError     **error);
gboolean      _kh_db_read_finish       (KhDb        *db,
                                        gboolean     own,
                                        GError      *local_error,
                                        GError     **error);
/* _kh_db_tx_end for a caller that collected its error in `local_error`:
 * commits when it is NULL, else rolls back; any error (the caller's, or the
 * commit's) goes to `error`. FALSE when there was one. */
gboolean      _kh_db_tx_finish         (KhDb        *db,
                                        gboolean     own,
                                        GError      *local_error,
                                        GError     **error);

/* Binding: parameters count from 1. NULL strings and zero ids bind as
 * SQL NULL. */
void          _kh_db_bind_int64        (KhDbStmt     *stmt,
                                        int           index,
                                        gint64        value);
void          _kh_db_bind_int          (KhDbStmt     *stmt,
                                        int           index,
                                        int           value);
void          _kh_db_bind_text         (KhDbStmt     *stmt,
                                        int           index,
                                        const char   *text);
void          _kh_db_bind_blob         (KhDbStmt     *stmt,
                                        int           index,
                                        const void   *data,
                                        gsize         size);
void          _kh_db_bind_null         (KhDbStmt     *stmt,
                                        int           index);
void          _kh_db_bind_id           (KhDbStmt     *stmt,
                                        int           index,
                                        gint64        id);
/* Columns count from 0. _str is borrowed until the next step or reset;
 * _text is a copy, NULL for NULL and for an empty string. */
gint64        _kh_db_column_int64      (KhDbStmt     *stmt,
                                        int           column);
int           _kh_db_column_int        (KhDbStmt     *stmt,
                                        int           column);
const char   *_kh_db_column_str        (KhDbStmt     *stmt,
                                        int           column);
char         *_kh_db_column_text       (KhDbStmt     *stmt,
                                        int           column);
gboolean      _kh_db_column_is_null    (KhDbStmt     *stmt,
                                        int           column);
const void   *_kh_db_column_blob       (KhDbStmt     *stmt,
                                        int           column,
                                        gsize        *out_size);
int           _kh_db_column_count      (KhDbStmt     *stmt);
GDateTime    *_kh_db_column_time       (KhDbStmt     *stmt,
                                        int           column);
gint64        _kh_db_now               (void);

/* kh-db-responsible.c: inside the transaction that logged the read of
 * `client`, its current naming of a responsible worker (42 §). */
gboolean      _kh_db_read_responsible_worker (KhDb      *db,
                                              KhClient  *client,
                                              GError   **error);

/* Writes one access-log row (inside the caller's transaction). A
 * reception user's row always has the basis KH_BASIS_INTAKE, whatever
 * `basis` says; other roles keep `basis`. */
gboolean      _kh_db_log_access        (KhDb          *db,
                                        KhUser        *user,
                                        gint64         client_id,
                                        KhAccessWhat   what,
                                        KhAccessBasis  basis,
                                        GError       **error);
/* On a server, logs an edit of the person before their rows are written
 * (only a logged person's rows are reachable there). */
gboolean      _kh_db_log_before_write  (KhDb         *db,
                                        KhUser       *user,
                                        gint64        client_id,
                                        GError      **error);
/* On a server a contact is visible only once its person is logged in the
 * transaction: logs the contact's person (if any) as `what`, `basis` for
 * `user` (data/sql/pg/0008-contact-reads.sql). Nothing on SQLite, where
 * the caller logs after reading. */
gboolean      _kh_db_log_contact_person (KhDb         *db,
                                         KhUser       *user,
                                         gint64        contact_id,
                                         KhAccessWhat  what,
                                         KhAccessBasis basis,
                                         GError      **error);
/* On a server, PERMISSION unless `user` is the connection's login role. */
gboolean      _kh_db_check_session_user (KhDb         *db,
                                         KhUser       *user,
                                         GError      **error);
/* Requires that `user` is, in the users table now, an active user with
 * the same account and role as the object says, and at least `role`;
 * PERMISSION otherwise (issue 6, 5: the store checks the user's current
 * state, not the object the client holds). Every entry point that reads or
 * writes a person's data calls it first. */
gboolean      _kh_db_check_role        (KhDb         *db,
                                        KhUser       *user,
                                        KhRole        role,
                                        GError      **error);

/* kh-db-timeline.c: rows of a person's data read by `sql` (?1 the
 * person, ?2 `param`, ?9 the UI language: "fi" or "sv"; a statement may
 * leave any of the last two unused), each made by `from_row`, in a
 * transaction that first logs the reading once as `what` (basis client
 * relationship): on a server by `server_log_sql`, a call of a kohtaamo
 * function that checks the role, logs and returns the person (NULL: no
 * such person), with the person as ?1. `then` (may be NULL) runs on the
 * rows in the same transaction. NULL with `error` set (NOT_FOUND: no such
 * person, nothing logged). The caller checks the role first. */
typedef gboolean (*KhDbRowsThen) (KhDb       *db,
                                  gint64      client_id,
                                  gint64      param,
                                  GPtrArray  *rows,
                                  gpointer    data,
                                  GError    **error);
GPtrArray    *_kh_db_read_logged       (KhDb           *db,
                                        KhUser         *user,
                                        gint64          client_id,
                                        KhAccessWhat    what,
                                        const char     *server_log_sql,
                                        const char     *sql,
                                        gint64          param,
                                        KhDbRowFunc     from_row,
                                        GDestroyNotify  free_row,
                                        KhDbRowsThen    then,
                                        gpointer        then_data,
                                        GError        **error);
/* The timeline's (what 12, kohtaamo.log_timeline_access): `sql` with ?1
 * the person and ?2 how many (G_MAXINT64: all). */
GPtrArray    *_kh_db_read_timeline     (KhDb         *db,
                                        KhUser       *user,
                                        gint64        client_id,
                                        const char   *sql,
                                        gint64        limit,
                                        KhDbRowFunc   from_row,
                                        GError      **error);

/* The user's UI language for names of services: "fi" or "sv". */
const char   *_kh_db_ui_language       (void);

/* Validates and normalises a person in place (cleaned strings, birth date
 * from the code, phone digits in `out_phone_digits`). */
gboolean      _kh_db_prepare_client    (KhClient     *client,
                                        char        **out_phone_digits,
                                        GError      **error);
/* Name words as typed, split where unicode61 splits them. */
GPtrArray    *_kh_db_name_tokens       (const char   *text);
/* Appends the engine's query of the people whose names match `tokens`
 * (engine->name_match), its parameters from `first_param`, their text
 * values to `params`. */
void          _kh_db_append_name_match (KhDb         *db,
                                        GString      *sql,
                                        int           first_param,
                                        GPtrArray    *tokens,
                                        gboolean      prefix,
                                        GPtrArray    *params);
/* Name words folded as the FTS tokenizer folds them (for search_text). */
GPtrArray    *_kh_db_fold_words        (const char   *text);
/* How much of the sort key each client_words row keeps
 * (0014-name-words-bounded.sql). Keep in sync with its CHECK. */
#define KH_DB_SORT_PREFIX_BYTES 24
/* The byte sort key of a name in KH_FI order (clients.sort_key). */
char         *_kh_db_make_sort_key     (const char   *last_name,
                                        const char   *first_names);
/* " folded name words " (clients.search_text), and the distinct words. */
char         *_kh_db_make_search_text  (const char   *last_name,
                                        const char   *first_names,
                                        GPtrArray   **out_words);
/* Writes a person's client_words rows (after removing the old ones if
 * `replace`). */
gboolean      _kh_db_write_words       (KhDb         *db,
                                        gint64        client_id,
                                        const char   *sort_key,
                                        GPtrArray    *words,
                                        gboolean      replace,
                                        GError      **error);
/* Digits of a phone number for the phone_digits column, or NULL. */
char         *_kh_db_phone_key         (const char   *phone);
/* Inserts or updates (client->id > 0) a prepared person; returns the id. */
gint64        _kh_db_write_client      (KhDb         *db,
                                        KhClient     *client,
                                        const char   *phone_digits,
                                        GError      **error);
/* After a write refused with DUPLICATE_CODE (`*error`) and rolled back:
 * logs the read that the refusal is (the code's owner, as a search by the
 * code) in a transaction of its own. If that fails, `*error` becomes the
 * logging's error, which confirms nothing. FALSE (and nothing done) for
 * any other error. */
gboolean      _kh_db_log_duplicate_code (KhDb        *db,
                                         KhUser      *user,
                                         const char  *code,
                                         GError     **error);
KhClient     *_kh_db_read_client       (KhDb         *db,
                                        gint64        client_id,
                                        GError      **error);
/* Whether the person is there (NOT_FOUND if not), without reading them:
 * their row and address are the person's page's to read. */
gboolean      _kh_db_client_exists     (KhDb         *db,
                                        gint64        client_id,
                                        GError      **error);

/* Makes the name keys of every person whose sort key is NULL (after a
 * migration that needs them remade, or a name changed by another program). */
gboolean      _kh_db_repair_name_keys  (KhDb         *db,
                                        GError      **error);

/* The unit's calendar, cached for the connection (borrowed). */
KhCalendar   *_kh_db_get_calendar      (KhDb         *db,
                                        GError      **error);

/* SHL 45 §: the implementation deadline (ISO date, newly allocated) of a
 * case opened at `opened_at` (Unix seconds; its local day is the day the
 * case became pending). */
char         *_kh_db_implementation_deadline (gint64 opened_at);

/* The deferred-index flag of bulk loads (see 0001-initial.sql). */
gboolean      _kh_db_defer_search_index (KhDb        *db,
                                         GError     **error);

/* The intake's checks of a contact (kh-db-contacts.c), for corrections:
 * normalises the copy it is given. */
gboolean      _kh_db_check_contact     (KhContact    *contact,
                                        gboolean      has_client,
                                        GError      **error);
/* One contact with its display names; NOT_FOUND if there is none. Not
 * logged: the caller logs. */
KhContact    *_kh_db_read_contact      (KhDb         *db,
                                        gint64        contact_id,
                                        GError      **error);

/* The team a new case goes to (kh-db-teams.c): `requested` when it takes
 * new cases, else with 0 the default (kh_intake_default_team with
 * `own_team`); 0 with `error` (INVALID) when there is none. */
gint64        _kh_db_team_for_case     (KhDb         *db,
                                        gint64        requested,
                                        gint64        own_team,
                                        GError      **error);

/* A case's common columns 0–12 (kh-db-contacts.c, CASE_SELECT's order). */
KhCase       *_kh_db_case_from_row     (KhDbStmt     *stmt);

/* A case with its person's name, its holder's and its team's: columns
 * 0–16, read by _kh_db_case_from_full_row. Queries add their own columns
 * after them. */
#define KH_DB_CASE_COLUMNS \
  "SELECT cs.id, cs.client_id, cs.contact_id, cs.opened_at, cs.status, cs.assigned_to, " \
  "  cs.deadline_groups, cs.assessment_deadline, " \
  "  c.last_name || ', ' || c.first_names, coalesce (u.display_name, u.account), " \
  "  c.language, k.needs, cs.urgent, cs.implementation_deadline, c.non_disclosure, " \
  "  cs.team_id, t.name "
#define KH_DB_CASE_FROM \
  "FROM cases cs " \
  "  JOIN clients c ON c.id = cs.client_id " \
  "  JOIN contacts k ON k.id = cs.contact_id " \
  "  LEFT JOIN users u ON u.id = cs.assigned_to " \
  "  LEFT JOIN teams t ON t.id = cs.team_id "
KhCase       *_kh_db_case_from_full_row (KhDbStmt    *stmt);

/* The work lists' access logging (kh-db-contacts.c): a person shown is
 * logged as KH_ACCESS_WORK_LIST once per showing; `logged` collects this
 * call's people, who join the showing once the transaction committed
 * (_kh_db_remember_logged). */
void          _kh_db_log_work_list     (KhDb         *db,
                                        KhUser       *user,
                                        guint64       showing,
                                        GHashTable   *logged,
                                        gint64        client_id,
                                        GError      **error);
void          _kh_db_remember_logged   (KhDb         *db,
                                        KhUser       *user,
                                        guint64       showing,
                                        GHashTable   *logged);
/* On a server: the people the showing has logged, as a bigint[] literal. */
char         *_kh_db_shown_literal     (KhDb         *db,
                                        KhUser       *user,
                                        guint64       showing);
/* Steps a server's work-list function (first column: ids, in order) and
 * returns them as a bigint[] literal, or NULL with `error`. */
char         *_kh_db_server_ids        (KhDb         *db,
                                        KhDbStmt     *stmt,
                                        GError      **error);

G_END_DECLS
