/* kh-db-private.h — what the kh-db-*.c files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * KhDb is split by aggregate: kh-db.c (opening, migrations, transactions,
 * errors), kh-db-users.c, kh-db-clients.c (people and search),
 * kh-db-contacts.c (intake, contacts, cases), kh-db-services.c (the directory
 * and the unit's calendar) and kh-db-log.c (the access log).
 */
#pragma once

#include <sqlite3.h>

#include "store/kh-db.h"

G_BEGIN_DECLS

struct _KhDb
{
  sqlite3    *handle;
  char       *path;
  gboolean    read_only;

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

  /* When the owner does the upkeep at idle (kh_db_set_maintenance_when_idle):
   * pages in the write-ahead log after the last commit, and whether a
   * commit since the last upkeep may have added name-index segments. */
  int         wal_pages;
  guint       maintenance_when_idle : 1;
  guint       merge_due : 1;
  guint       maintaining : 1;

  /* kh_db_poll_change (kh-db-changes.c): the engine's mark of the last
   * commit seen, and the last client_changes number read. */
  guint       change_watched : 1;
  gint64      data_version;
  gint64      change_seq;
};

/* A borrowed statement from the cache; the cleanup resets it so that it
 * holds no read lock. Never finalize one. */
typedef sqlite3_stmt KhDbStmt;
void          _kh_db_stmt_release      (KhDbStmt    *stmt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KhDbStmt, _kh_db_stmt_release)

/* Sets `error` from the connection's last error, mapped to KhStoreError. */
void          _kh_db_set_error         (KhDb        *db,
                                        int          rc,
                                        GError     **error);
/* A prepared statement for `sql`, from the connection's cache, reset and
 * with its bindings cleared. Use with g_autoptr (KhDbStmt). */
KhDbStmt     *_kh_db_prepare           (KhDb        *db,
                                        const char  *sql,
                                        GError     **error);
/* Steps a statement that returns no rows, then resets it; FALSE with
 * `error` set when it failed. */
gboolean      _kh_db_step_done         (KhDb          *db,
                                        sqlite3_stmt  *stmt,
                                        GError       **error);
/* Makes a new record from the current row of a statement. */
typedef gpointer (*KhDbRowFunc) (sqlite3_stmt *stmt);
/* Steps through every row, appending from_row's record for each to `rows`,
 * then resets the statement; FALSE with `error` set when a step failed (the
 * rows read until then stay in `rows`). */
gboolean      _kh_db_read_rows         (KhDb          *db,
                                        sqlite3_stmt  *stmt,
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
/* _kh_db_tx_end for a caller that collected its error in `local_error`:
 * commits when it is NULL, else rolls back; any error (the caller's, or the
 * commit's) goes to `error`. FALSE when there was one. */
gboolean      _kh_db_tx_finish         (KhDb        *db,
                                        gboolean     own,
                                        GError      *local_error,
                                        GError     **error);

/* Binding helpers: NULL strings and zero ids bind as SQL NULL. */
void          _kh_db_bind_text         (sqlite3_stmt *stmt,
                                        int           index,
                                        const char   *text);
void          _kh_db_bind_id           (sqlite3_stmt *stmt,
                                        int           index,
                                        gint64        id);
char         *_kh_db_column_text       (sqlite3_stmt *stmt,
                                        int           column);
GDateTime    *_kh_db_column_time       (sqlite3_stmt *stmt,
                                        int           column);
gint64        _kh_db_now               (void);

/* Writes one access-log row (inside the caller's transaction). A
 * reception user's row always has the basis KH_BASIS_INTAKE, whatever
 * `basis` says; other roles keep `basis`. */
gboolean      _kh_db_log_access        (KhDb          *db,
                                        KhUser        *user,
                                        gint64         client_id,
                                        KhAccessWhat   what,
                                        KhAccessBasis  basis,
                                        GError       **error);
/* Requires an active user with at least `role`; PERMISSION otherwise. */
gboolean      _kh_db_check_role        (KhUser       *user,
                                        KhRole        role,
                                        GError      **error);

/* The user's UI language for names of services: "fi" or "sv". */
const char   *_kh_db_ui_language       (void);

/* Validates and normalises a person in place (cleaned strings, birth date
 * from the code, phone digits in `out_phone_digits`). */
gboolean      _kh_db_prepare_client    (KhClient     *client,
                                        char        **out_phone_digits,
                                        GError      **error);
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
KhClient     *_kh_db_read_client       (KhDb         *db,
                                        gint64        client_id,
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

/* A case's common columns 0–12 (kh-db-contacts.c, CASE_SELECT's order). */
KhCase       *_kh_db_case_from_row     (sqlite3_stmt *stmt);

G_END_DECLS
