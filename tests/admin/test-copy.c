/* test-copy.c — kohtaamo-admin copy: a unit's SQLite database onto a
 * PostgreSQL server (issue 6, item 9)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On a throwaway cluster (tools/pg-cluster; KOHTAAMO_TEST_PG from tools/test,
 * or one of its own): a demo database of 300 people with corrections, a
 * contact entered in error and access-log rows is copied into a database
 * that is as "server init" leaves it; every table's rows are there, a person
 * reads back the same through the store on the server, the log's rows keep
 * their hashes and a checkpoint made on the file verifies on the server;
 * every table of the file has its rows there (a table left behind fails,
 * and a table the copy does not know stops it).
 * A rule broken half-way leaves the server's database as it was; a used
 * database, another program's file and a broken log are refused, the file
 * byte for byte unchanged.
 */

#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "../store/pg-test-util.h"
#include "admin-test-util.h"

typedef struct {
  char   *dir;
  char   *db_path;
  char   *dbname;      /* the server's database, as server init leaves it */
  char   *superuser;   /* its superuser's connection string */
  PGconn *turn;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = admin_test_make_dir ();
  f->db_path = g_build_filename (f->dir, "unit.db", NULL);
  /* The template first (it makes the login "tester"), then the turn. */
  f->dbname = pg_test_create_database ();
  f->turn = pg_test_take_turn ();
  f->superuser = g_strdup_printf ("%s dbname=%s", pg_test_server (), f->dbname);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  pg_test_drop_database (f->dbname);
  PQfinish (f->turn);
  admin_test_remove_dir (f->dir);
  g_free (f->db_path);
  g_free (f->dbname);
  g_free (f->superuser);
  g_free (f->dir);
}

static char *
run (Fixture            *f,
     int                 status,
     const char         *database,
     const char * const *args,
     char              **out_stderr)
{
  char *out = NULL;
  g_autofree char *err = NULL;
  int got = admin_test_run (f->dir, database, args, &out, &err);

  if (got != status)
    g_error ("kohtaamo-admin %s: exit status %d, expected %d; stdout: %s; stderr: %s",
             args[0], got, status, out, err);
  if (out_stderr != NULL)
    *out_stderr = g_steal_pointer (&err);
  return out;
}

/* The first column of the first row, read from the file with SQLite itself. */
static char *
file_value (const char *path,
            const char *sql)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
  return value != NULL ? value : g_strdup ("");
}

static void
file_exec (const char *path,
           const char *sql)
{
  sqlite3 *handle = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  if (sqlite3_exec (handle, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (handle);
}

static char *
server_value (Fixture    *f,
              const char *sql)
{
  PGconn *conn = pg_test_connect (f->dbname);
  PGresult *result;
  char *value;

  pg_test_exec (conn, "SET search_path = kohtaamo");
  result = PQexec (conn, sql);
  if (PQresultStatus (result) != PGRES_TUPLES_OK || PQntuples (result) < 1)
    g_error ("%s: %s", sql, PQresultErrorMessage (result));
  value = g_strdup (PQgetisnull (result, 0, 0) ? "" : PQgetvalue (result, 0, 0));
  PQclear (result);
  PQfinish (conn);
  return value;
}

/* Everything a person's page shows, as one text to compare. */
static char *
describe_client (KhClient *c)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "|%d|%s|%d|%s|%s|%s|%d|%s|%d|%s|%s|%s|%s|%s|%"
                          G_GINT64_FORMAT "|%" G_GINT64_FORMAT "|%d|%d|%s|%s|%s|%" G_GINT64_FORMAT,
                          c->id, c->identity_kind, c->identity_code, c->no_code_reason,
                          c->birth_date, c->last_name, c->first_names, c->language,
                          c->other_language, c->interpreter, c->address, c->postal_code,
                          c->city, c->phone, c->email,
                          g_date_time_to_unix (c->created_at), g_date_time_to_unix (c->updated_at),
                          c->non_disclosure, c->mother_tongue, c->other_mother_tongue,
                          c->representative_name, c->representative_contact, c->version);
}

/* A demo unit with what a year at the desks leaves beyond the demo's
 * people, contacts and cases: corrections, a contact entered in error, and
 * reads in the access log. Returns a person with an address. */
static gint64
make_unit (Fixture *f)
{
  const char *demo[] = { "demo", "--clients", "300", "--seed", "6", NULL };
  g_autoptr(KhDb) db = NULL;
  g_autoptr(KhUser) admin = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *person = NULL;

  db = admin_test_open (f->db_path, &admin);
  g_clear_pointer (&db, kh_db_close);
  out = run (f, 0, f->db_path, demo, NULL);

  db = admin_test_open (f->db_path, &admin);
  first = file_value (f->db_path, "SELECT min (id) FROM contacts WHERE anonymous = 0");
  second = file_value (f->db_path, "SELECT max (id) FROM contacts WHERE anonymous = 0");
  {
    g_autoptr(KhContactHistory) history =
      kh_db_get_contact_history (db, admin, g_ascii_strtoll (first, NULL, 10), &error);
    g_autoptr(KhContact) corrected = NULL;

    g_assert_no_error (error);
    corrected = kh_contact_copy (history->contact);
    g_free (corrected->reason_text);
    corrected->reason_text = g_strdup ("Vuokra ja sähkölasku maksamatta");
    g_assert_true (kh_db_correct_contact (db, admin, corrected, "Väärä tieto", &error));
    g_assert_no_error (error);
    g_free (corrected->reason_text);
    /* The store makes the tab and the line break spaces; the backslash
     * stays, and COPY's text format must keep it. */
    corrected->reason_text = g_strdup ("Vuokra\tja sähkölasku\nmaksamatta \\ kaksi kuukautta");
    g_assert_true (kh_db_correct_contact (db, admin, corrected, NULL, &error));
    g_assert_no_error (error);
    g_assert_true (kh_db_mark_contact_in_error (db, admin, g_ascii_strtoll (first, NULL, 10),
                                                "Kirjattu väärälle henkilölle", &error));
    g_assert_no_error (error);
  }
  g_assert_true (kh_db_mark_contact_in_error (db, admin, g_ascii_strtoll (second, NULL, 10),
                                              "Kaksoiskirjaus", &error));
  g_assert_no_error (error);

  /* Issue 5, 2.3: a contact that joined a pending case (the case and the
   * contact refer to each other). */
  {
    g_autofree char *pending = file_value (f->db_path,
                                           "SELECT max (cs.id) FROM cases cs JOIN contacts k "
                                           "ON k.id = cs.contact_id WHERE cs.status = 1 "
                                           "AND k.entered_in_error = 0 AND k.contactor = 1");
    g_autofree char *opening = NULL;
    g_autofree char *sql = g_strdup_printf ("SELECT contact_id FROM cases WHERE id = %s", pending);
    g_autoptr(KhContactHistory) history = NULL;
    g_autoptr(KhContact) contact = NULL;
    g_autoptr(KhClient) client = NULL;
    g_autoptr(KhIntakeResult) joined = NULL;
    KhIntake intake = { 0 };

    opening = file_value (f->db_path, sql);
    history = kh_db_get_contact_history (db, admin, g_ascii_strtoll (opening, NULL, 10), &error);
    g_assert_no_error (error);
    contact = kh_contact_copy (history->contact);
    contact->id = 0;
    g_clear_pointer (&contact->received_at, g_date_time_unref);
    contact->received_at = g_date_time_new_now_local ();
    client = kh_db_get_client (db, admin, contact->client_id, KH_ACCESS_PAGE,
                               KH_BASIS_CLIENT_RELATIONSHIP, &error);
    g_assert_no_error (error);
    intake.contact = contact;
    intake.client = client;
    intake.attach_to_case = g_ascii_strtoll (pending, NULL, 10);
    joined = kh_db_save_intake (db, admin, &intake, &error);
    g_assert_no_error (error);
    g_assert_true (joined->attached);
  }

  /* Issue 7: case notes (one correcting another) by a social worker of
   * the demo, and a user's role changed by the administrator (user_changes). */
  {
    g_autofree char *account = file_value (f->db_path, "SELECT account FROM users WHERE role = 3 "
                                                       "AND active = 1 ORDER BY id LIMIT 1");
    g_autofree char *counsellor = file_value (f->db_path, "SELECT account FROM users WHERE role = 2 "
                                                          "AND active = 1 ORDER BY id LIMIT 1");
    g_autofree char *case_id = file_value (f->db_path, "SELECT min (id) FROM cases WHERE client_id IS NOT NULL");
    g_autofree char *client_id = file_value (f->db_path, "SELECT client_id FROM cases WHERE id = "
                                                         "(SELECT min (id) FROM cases WHERE client_id IS NOT NULL)");
    g_autoptr(KhUser) worker = kh_db_login (db, account, NULL, &error);
    g_autoptr(KhUser) changed = NULL;
    g_autoptr(KhTimelineEntry) note = NULL;
    g_autoptr(KhTimelineEntry) correction = NULL;
    g_autoptr(KhResponsibleWorker) named = NULL;

    g_assert_no_error (error);
    note = kh_db_add_case_note (db, worker, g_ascii_strtoll (case_id, NULL, 10),
                                "Soitettu, sovittu tapaaminen\tensi viikolle.", 0, &error);
    g_assert_no_error (error);
    correction = kh_db_add_case_note (db, worker, g_ascii_strtoll (case_id, NULL, 10),
                                      "Tapaaminen siirtyi.", note->id, &error);
    g_assert_no_error (error);
    named = kh_db_name_responsible_worker (db, worker, g_ascii_strtoll (client_id, NULL, 10),
                                           worker->id, NULL, &error);
    g_assert_no_error (error);
    changed = kh_db_save_user (db, admin, counsellor, "Sanna Esimerkki", KH_ROLE_SOCIAL_WORKER,
                               TRUE, &error);
    g_assert_no_error (error);

    /* Issue 8, 5: a decision and its correction, a letter, and one of
     * them opened (a reading that names it). */
    for (guint i = 0; i < 3; i++)
      {
        g_autoptr(KhIssuedDocument) d = kh_issued_document_new ();
        g_autoptr(KhIssuedDocument) opened = NULL;
        static gint64 decision_id;
        char *pdf = g_strdup_printf ("%%PDF-1.5\nPäätös %u\n%%%%EOF\n", i);

        d->client_id = g_ascii_strtoll (client_id, NULL, 10);
        d->case_id = g_ascii_strtoll (case_id, NULL, 10);
        d->kind = i < 2 ? KH_DOCUMENT_DECISION : KH_DOCUMENT_INVITATION;
        d->language = g_strdup (i == 1 ? "sv" : "fi");
        d->title = g_strdup_printf ("Asiakirja %u", i + 1);
        g_date_set_dmy (&d->sent_on, 7, G_DATE_DECEMBER, 2026);
        d->delivery = KH_DOCUMENT_DELIVERY_LETTER;
        d->corrects_id = i == 1 ? decision_id : 0;
        d->pdf = g_bytes_new_take (pdf, strlen (pdf));
        g_assert_cmpint (kh_db_issue_document (db, worker, d, &error), >, 0);
        g_assert_no_error (error);
        if (i == 0)
          decision_id = d->id;
        opened = kh_db_get_document_pdf (db, worker, d->id, &error);
        g_assert_no_error (error);
      }

    /* Issue 8, 3: two attempts to reach the person, one following up the
     * contact that opened the case. */
    for (guint i = 0; i < 2; i++)
      {
        g_autoptr(KhContactAttempt) a = kh_contact_attempt_new ();
        g_autoptr(KhContactAttempt) stored = NULL;
        g_autofree char *contact_id = file_value (f->db_path, "SELECT contact_id FROM cases WHERE id = "
                                                              "(SELECT min (id) FROM cases WHERE client_id IS NOT NULL)");

        a->client_id = g_ascii_strtoll (client_id, NULL, 10);
        a->case_id = g_ascii_strtoll (case_id, NULL, 10);
        a->contact_id = i == 0 ? g_ascii_strtoll (contact_id, NULL, 10) : 0;
        a->attempted_at = g_date_time_new_now_local ();
        a->method = i == 0 ? KH_ATTEMPT_PHONE : KH_ATTEMPT_LETTER;
        a->outcome = i == 0 ? KH_ATTEMPT_NO_ANSWER : KH_ATTEMPT_MESSAGE_LEFT;
        a->note = i == 0 ? g_strdup ("Ei vastausta, ei vastaajaa.") : NULL;
        stored = kh_db_record_contact_attempt (db, worker, a, &error);
        g_assert_no_error (error);
        g_assert_nonnull (stored);
      }
  }
  /* A draft assessment's participant (the demo writes none). */
  g_clear_pointer (&db, kh_db_close);
  file_exec (f->db_path, "INSERT INTO assessment_participants (assessment_id, position, kind, name, role) "
                         "SELECT min (id), 0, 1, 'Aino Esimerkki', 'äiti' FROM assessments WHERE status = 1; "
                         "INSERT INTO closed_days (date, name, created_by) "
                         "VALUES ('2026-12-24', 'Jouluaatto', 1)");
  g_clear_object (&admin);
  db = admin_test_open (f->db_path, &admin);

  person = file_value (f->db_path, "SELECT min (id) FROM clients WHERE address IS NOT NULL "
                                   "AND phone IS NOT NULL AND non_disclosure = 0");
  for (gint64 id = 1; id <= 5; id++)
    {
      g_autoptr(KhClient) read = kh_db_get_client (db, admin, id, KH_ACCESS_PAGE,
                                                   KH_BASIS_CLIENT_RELATIONSHIP, &error);

      g_assert_no_error (error);
    }
  return g_ascii_strtoll (person, NULL, 10);
}

static void
test_copy_whole (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *checkpoint = g_build_filename (f->dir, "checkpoint.txt", NULL);
  g_autofree char *tester = pg_test_conninfo (f->dbname, PG_TEST_ADMIN);
  const char *make_checkpoint[] = { "log", "checkpoint", "--output", checkpoint, NULL };
  const char *copy[] = { "copy", "--from", f->db_path, "--to", f->superuser,
                         "--admin", PG_TEST_ADMIN, NULL };
  const char *verify[] = { "log", "verify", "--checkpoint", checkpoint, NULL };
  /* The file's tables whose rows the server makes itself from the copied
   * ones, or that hold no unit's data: every other table of the file must
   * have the same rows on the server. A table added to the schema fails
   * here until the copy takes it (or it is named here, with a reason). */
  static const char * const not_copied[] = {
    "client_words",                  /* the server's, made from the names: compared below */
    "client_changes",                /* the changes announced to other desks */
    "contact_name_forbidden_chars",  /* a fixed list of 0011 */
    "clients_fts", "clients_fts_data", "clients_fts_idx", "clients_fts_docsize",
    "clients_fts_config",            /* SQLite's full-text index */
    NULL,
  };
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *file_log_rows = NULL;
  g_autofree char *file_hashes = NULL;
  g_autofree char *server_hashes = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *in_file = NULL;
  g_autofree char *on_server = NULL;
  g_autoptr(KhDb) file_db = NULL;
  g_autoptr(KhDb) server_db = NULL;
  g_autoptr(KhUser) file_admin = NULL;
  g_autoptr(KhUser) server_admin = NULL;
  g_autoptr(KhClient) from_file = NULL;
  g_autoptr(KhClient) from_server = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *file_text = NULL;
  g_autofree char *server_text = NULL;
  gint64 person = make_unit (f);
  g_autofree char *before = NULL;
  gsize before_length = 0;

  g_free (run (f, 0, f->db_path, make_checkpoint, NULL));
  g_assert_true (g_file_get_contents (f->db_path, &before, &before_length, NULL));
  /* A user the server already has, whom the file has too with another
   * role: the file's id and role win, and the record keeps both. */
  {
    const char *add[] = { "users", "add", "shakala", "--role", "reception",
                          "--name", "Sanna Hakala", "--no-password", NULL };

    g_free (run (f, 0, f->superuser, add, NULL));
  }

  out = run (f, 0, NULL, copy, &err);
  g_assert_nonnull (strstr (out, "The access log came intact"));

  /* Every table of the file, row for row: none left behind, none empty
   * in the file (else the comparison proves nothing). The users and the
   * log have the server's own rows besides the file's (below). */
  {
    g_auto(GStrv) names = g_strsplit (file_value (f->db_path,
                                                  "SELECT group_concat (name, ',') FROM "
                                                  "(SELECT name FROM sqlite_schema WHERE type = 'table' "
                                                  " AND name NOT LIKE 'sqlite%' ORDER BY name)"),
                                      ",", -1);

    for (guint i = 0; names[i] != NULL; i++)
      if (!g_strv_contains ((const char * const *) not_copied, names[i]))
        g_ptr_array_add (tables, g_strdup (names[i]));
    g_assert_cmpuint (tables->len, >=, 18);
  }
  for (guint i = 0; i < tables->len; i++)
    {
      const char *table = g_ptr_array_index (tables, i);
      gint64 extra = 0;

      g_free (sql);
      g_free (in_file);
      g_free (on_server);
      if (g_str_equal (table, "users") || g_str_equal (table, "access_log"))
        extra = 1;
      /* The record of the server's administrator and of its shakala,
       * and the copy's row for the role the file gave her (below). */
      else if (g_str_equal (table, "user_changes"))
        extra = 3;
      sql = g_strdup_printf ("SELECT count (*) FROM %s", table);
      in_file = file_value (f->db_path, sql);
      on_server = server_value (f, sql);
      if (g_ascii_strtoll (in_file, NULL, 10) == 0)
        g_error ("the table %s is empty in the test's file", table);
      if (g_ascii_strtoll (on_server, NULL, 10) != g_ascii_strtoll (in_file, NULL, 10) + extra)
        g_error ("the table %s has %s rows in the file and %s on the server", table, in_file, on_server);
    }
  /* The case notes as written, the correction naming the note it corrects. */
  g_assert_cmpstr (server_value (f, "SELECT string_agg (id || ':' || case_id || ':' || "
                                    "coalesce (corrects_id, 0) || ':' || written_by || ':' || "
                                    "written_at || ':' || body, ',' ORDER BY id) FROM case_notes"), ==,
                   file_value (f->db_path, "SELECT group_concat (id || ':' || case_id || ':' || "
                                           "coalesce (corrects_id, 0) || ':' || written_by || ':' || "
                                           "written_at || ':' || body, ',') "
                                           "FROM (SELECT * FROM case_notes ORDER BY id)"));
  /* Issued documents with their bytes, each held to its SHA-256 by the
   * server, and the readings that name them. */
  g_assert_cmpstr (server_value (f, "SELECT string_agg (id || ':' || kind || ':' || "
                                    "coalesce (register_number, 0) || ':' || coalesce (corrects_id, 0) "
                                    "|| ':' || sha256, ',' ORDER BY id) FROM documents "
                                    "WHERE sha256 = encode (sha256 (pdf), 'hex')"), ==,
                   file_value (f->db_path, "SELECT group_concat (id || ':' || kind || ':' || "
                                           "coalesce (register_number, 0) || ':' || coalesce (corrects_id, 0) "
                                           "|| ':' || sha256, ',') FROM (SELECT * FROM documents ORDER BY id)"));
  g_assert_cmpstr (server_value (f, "SELECT string_agg (log_seq || ':' || document_id, ',' ORDER BY log_seq) "
                                    "FROM document_reads"), ==,
                   file_value (f->db_path, "SELECT group_concat (log_seq || ':' || document_id, ',') "
                                           "FROM (SELECT * FROM document_reads ORDER BY log_seq)"));
  /* The attempts to reach a person as recorded: who, when, how. */
  g_assert_cmpstr (server_value (f, "SELECT string_agg (id || ':' || client_id || ':' || coalesce (contact_id, 0) "
                                    "|| ':' || attempted_at || ':' || method || ':' || outcome || ':' || made_by "
                                    "|| ':' || made_at || ':' || coalesce (note, '-'), ',' ORDER BY id) "
                                    "FROM contact_attempts"), ==,
                   file_value (f->db_path, "SELECT group_concat (id || ':' || client_id || ':' || "
                                           "coalesce (contact_id, 0) || ':' || attempted_at || ':' || method "
                                           "|| ':' || outcome || ':' || made_by || ':' || made_at || ':' || "
                                           "coalesce (note, '-'), ',') FROM (SELECT * FROM contact_attempts "
                                           "ORDER BY id)"));
  /* Issue 9, 1: the demo's networks, every revision, consent, withdrawal
   * and version as the file has them. */
  {
    static const struct { const char *table, *columns, *order; } network[] = {
      { "network_members", "id || ':' || client_id || ':' || kind || ':' || created_at || ':' || created_by", "id" },
      { "network_member_revisions",
        "id || ':' || member_id || ':' || revision || ':' || coalesce (name, '-') || ':' || relation || ':' "
        "|| coalesce (service_id, 0) || ':' || coalesce (contact_person, '-') || ':' || sector || ':' || distance "
        "|| ':' || tie || ':' || direction || ':' || support || ':' || removed || ':' || saved_at || ':' || saved_by",
        "id" },
      { "network_consents",
        "id || ':' || member_id || ':' || scope || ':' || given_on || ':' || coalesce (expires_on, '-') || ':' "
        "|| recorded_at", "id" },
      { "network_consent_withdrawals", "consent_id || ':' || withdrawn_on || ':' || recorded_by", "consent_id" },
      { "network_versions", "id || ':' || client_id || ':' || label || ':' || members || ':' || taken_at", "id" },
      { "network_version_members", "version_id || ':' || revision_id", "version_id, revision_id" },
      /* Issue 9, 3: the demo's client plans, the reviewed ones too. */
      { "client_plans", "id || ':' || client_id || ':' || case_id || ':' || assessment_id || ':' || created_by", "id" },
      { "plan_versions",
        "id || ':' || plan_id || ':' || version || ':' || made_on || ':' || review_on || ':' || meetings || ':' "
        "|| coalesce (network_version_id, 0) || ':' || saved_at || ':' || saved_by || ':' || need_client_view", "id" },
      { "plan_goals", "id || ':' || version_id || ':' || coalesce (origin_id, 0) || ':' || status || ':' || text", "id" },
      { "plan_actions",
        "id || ':' || goal_id || ':' || coalesce (origin_id, 0) || ':' || actor || ':' || coalesce (member_id, 0) "
        "|| ':' || coalesce (due_on, '-') || ':' || status", "id" },
      { "plan_partners", "version_id || ':' || position || ':' || coordinator || ':' || name", "version_id, position" },
      { "plan_factors", "version_id || ':' || position || ':' || effect || ':' || text", "version_id, position" },
      { "plan_reviews", "id || ':' || reviewed_id || ':' || next_id || ':' || reviewed_at", "id" },
      { "plan_evaluations", "review_id || ':' || position || ':' || part || ':' || rating", "review_id, position" },
      { "plan_acceptances", "version_id || ':' || accepted_at || ':' || accepted_by", "version_id" },
    };

    g_assert_cmpstr (file_value (f->db_path, "SELECT count (*) > 0 FROM network_consent_withdrawals"), ==, "1");
    for (gsize i = 0; i < G_N_ELEMENTS (network); i++)
      {
        g_autofree char *pg_sql = g_strdup_printf ("SELECT string_agg (%s, ',' ORDER BY %s) FROM %s",
                                                  network[i].columns, network[i].order, network[i].table);
        g_autofree char *lite_sql = g_strdup_printf ("SELECT group_concat (%s, ',') FROM "
                                                    "(SELECT * FROM %s ORDER BY %s)",
                                                    network[i].columns, network[i].table, network[i].order);
        g_autofree char *server = server_value (f, pg_sql);
        g_autofree char *file = file_value (f->db_path, lite_sql);

        g_test_message ("%s", network[i].table);
        g_assert_nonnull (file);
        g_assert_cmpstr (server, ==, file);
      }
  }
  /* The record of user changes: the file's rows as they were, then the
   * server's own (its administrator, made by server init and kept with a
   * new id; its shakala, now the file's), then the copy's row for shakala,
   * whom it made a social worker again. */
  {
    g_autofree char *last = file_value (f->db_path, "SELECT max (id) FROM user_changes");

    g_free (sql);
    sql = g_strdup_printf ("SELECT string_agg (id || ':' || at || ':' || user_id || ':' "
                           "|| role || ':' || active || ':' || coalesce (changed_by, 0) "
                           "|| ':' || changed_by_account, ',' ORDER BY id) FROM user_changes "
                           "WHERE id <= %s", last);
    g_free (on_server);
    on_server = server_value (f, sql);
    g_free (sql);
    sql = g_strdup_printf ("SELECT string_agg (u.account || ':' || c.role || ':' || c.active || ':' "
                           "|| c.changed_by_account, ',' ORDER BY c.id) FROM user_changes c "
                           "JOIN users u ON u.id = c.user_id WHERE c.id > %s", last);
  }
  g_assert_cmpstr (server_value (f, sql), ==,
                   PG_TEST_ADMIN ":5:1:postgres,shakala:1:1:postgres,shakala:3:1:postgres");
  g_assert_cmpstr (on_server, ==,
                   file_value (f->db_path, "SELECT group_concat (id || ':' || at || ':' || user_id || ':' "
                                           "|| role || ':' || active || ':' || coalesce (changed_by, 0) "
                                           "|| ':' || changed_by_account, ',') "
                                           "FROM (SELECT * FROM user_changes ORDER BY id)"));
  g_assert_cmpstr (server_value (f, "SELECT id || ':' || role FROM users WHERE account = 'shakala'"),
                   ==, file_value (f->db_path, "SELECT id || ':' || role FROM users WHERE account = 'shakala'"));
  g_assert_cmpstr (server_value (f, "SELECT count (*) FROM user_changes c "
                                    "WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.id = c.user_id)"),
                   ==, "0");
  /* New ids come after the copied ones there too. */
  g_assert_cmpstr (server_value (f, "SELECT (last_value >= (SELECT max (id) FROM case_notes))::text "
                                    "FROM case_notes_id_seq"), ==, "true");
  g_assert_cmpstr (file_value (f->db_path, "SELECT count (*) FROM clients"), ==, "300");
  /* Issue 7: the demo's assessments, finished ones with their own times. */
  g_assert_cmpint (g_ascii_strtoll (file_value (f->db_path, "SELECT count (*) FROM assessments "
                                                            "WHERE status = 2"), NULL, 10), >, 0);
  g_assert_cmpstr (server_value (f, "SELECT string_agg (id || ':' || status || ':' || created_at || ':' "
                                    "|| coalesce (finished_at, 0), ',' ORDER BY id) FROM assessments"), ==,
                   file_value (f->db_path, "SELECT group_concat (id || ':' || status || ':' || created_at "
                                           "|| ':' || coalesce (finished_at, 0), ',') "
                                           "FROM (SELECT * FROM assessments ORDER BY id)"));
  g_assert_cmpstr (server_value (f, "SELECT count (*) FROM contact_revisions"), ==, "4");
  g_assert_cmpstr (server_value (f, "SELECT count (*) FROM contacts WHERE entered_in_error = 1"),
                   ==, "2");
  g_assert_cmpstr (server_value (f, "SELECT count (*) FROM contacts WHERE attached_case_id IS NOT NULL"),
                   ==, "1");
  g_assert_cmpstr (server_value (f, "SELECT string_agg (id || ':' || attached_case_id, ',') FROM contacts "
                                    "WHERE attached_case_id IS NOT NULL"), ==,
                   file_value (f->db_path, "SELECT group_concat (id || ':' || attached_case_id, ',') "
                                           "FROM contacts WHERE attached_case_id IS NOT NULL"));
  /* Two corrections, then the first contact and another marked entered in error. */
  g_assert_cmpstr (server_value (f, "SELECT reason_text FROM contact_revisions WHERE kind = 2 "
                                    "ORDER BY id LIMIT 1"),
                   ==, "Vuokra ja sähkölasku maksamatta \\ kaksi kuukautta");
  /* The demo's seven users and the server's own administrator. */
  g_assert_cmpstr (file_value (f->db_path, "SELECT count (*) FROM users"), ==, "7");
  g_assert_cmpstr (server_value (f, "SELECT count (*) FROM users"), ==, "8");
  g_assert_cmpstr (server_value (f, "SELECT string_agg (account || ':' || role, ',' ORDER BY id) "
                                    "FROM users WHERE id > 7"), ==, PG_TEST_ADMIN ":5");
  /* A user of the file: a login role in the group of their role, that
   * cannot log in until it is given a password. */
  g_assert_cmpstr (server_value (f, "SELECT rolcanlogin::text || ':' || "
                                    "pg_has_role (u.account, kohtaamo.role_group (u.role), 'MEMBER')::text "
                                    "FROM users u JOIN pg_roles r ON r.rolname = u.account "
                                    "WHERE u.role = 3 ORDER BY u.id LIMIT 1"), ==, "false:true");
  /* The database's identity moved with its log. */
  g_assert_cmpstr (server_value (f, "SELECT value FROM settings WHERE key = 'database_id'"), ==,
                   file_value (f->db_path, "SELECT value FROM settings WHERE key = 'database_id'"));
  /* The desks' bookkeeping triggers, off during the copy, are on again. */
  g_assert_cmpstr (server_value (f, "SELECT count (*) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                                    "JOIN pg_namespace n ON n.oid = c.relnamespace "
                                    "WHERE n.nspname = 'kohtaamo' AND t.tgenabled = 'D'"), ==, "0");
  /* New ids come after the copied ones. */
  g_assert_cmpstr (server_value (f, "SELECT (last_value >= 300)::text FROM clients_id_seq"), ==, "true");

  /* The log: the file's rows with their hashes, then the copy's own row. */
  file_log_rows = file_value (f->db_path, "SELECT count (*) FROM access_log");
  g_assert_cmpint (g_ascii_strtoll (file_log_rows, NULL, 10), >=, 5);
  file_hashes = file_value (f->db_path, "SELECT group_concat (seq || ':' || hash, ',') FROM "
                                        "(SELECT seq, hash FROM access_log ORDER BY seq)");
  server_hashes = server_value (f, "SELECT string_agg (seq || ':' || hash, ',' ORDER BY seq) "
                                   "FROM access_log WHERE seq <= (SELECT max (seq) - 1 FROM access_log)");
  g_assert_cmpstr (server_hashes, ==, file_hashes);
  g_free (sql);
  sql = g_strdup_printf ("SELECT what || ':' || basis || ':' || (client_id IS NULL)::text || ':' || seq "
                         "FROM access_log ORDER BY seq DESC LIMIT 1");
  g_free (on_server);
  on_server = server_value (f, sql);
  g_free (in_file);
  in_file = g_strdup_printf ("6:3:true:%" G_GINT64_FORMAT,
                             g_ascii_strtoll (file_log_rows, NULL, 10) + 1);
  g_assert_cmpstr (on_server, ==, in_file);
  g_assert_cmpstr (server_value (f, "SELECT count (*) FROM log_copies WHERE broken_seq IS NULL"), ==, "1");

  /* log verify on the server walks the whole chain, and the checkpoint
   * made on the file still vouches for it. */
  g_clear_pointer (&out, g_free);
  out = run (f, 0, tester, verify, NULL);
  g_assert_true (g_str_has_prefix (out, "The access log is intact"));
  g_assert_nonnull (strstr (out, "matches the checkpoint"));

  /* A person reads back the same through the store, and is found by
   * name: the server made the name words. */
  file_db = admin_test_open (f->db_path, &file_admin);
  from_file = kh_db_get_client (file_db, file_admin, person, KH_ACCESS_PAGE,
                                KH_BASIS_CLIENT_RELATIONSHIP, &error);
  g_assert_no_error (error);
  server_db = kh_db_open (tester, &error);
  g_assert_no_error (error);
  server_admin = kh_db_login (server_db, PG_TEST_ADMIN, NULL, &error);
  g_assert_no_error (error);
  from_server = kh_db_get_client (server_db, server_admin, person, KH_ACCESS_PAGE,
                                  KH_BASIS_CLIENT_RELATIONSHIP, &error);
  g_assert_no_error (error);
  file_text = describe_client (from_file);
  server_text = describe_client (from_server);
  g_assert_cmpstr (server_text, ==, file_text);
  found = kh_db_search_clients (server_db, server_admin, from_file->last_name, 50, &error);
  g_assert_no_error (error);
  {
    gboolean there = FALSE;

    for (guint i = 0; i < found->len; i++)
      there = there || ((KhClient *) g_ptr_array_index (found, i))->id == person;
    g_assert_true (there);
  }
  g_assert_cmpstr (server_value (f, "SELECT count (*) FROM client_words"), ==,
                   file_value (f->db_path, "SELECT count (*) FROM client_words"));

  /* The copy only read the file. */
  {
    g_autofree char *after = NULL;
    gsize after_length = 0;

    g_clear_pointer (&file_db, kh_db_close);
    g_assert_true (g_file_get_contents (f->db_path, &after, &after_length, NULL));
    g_assert_cmpuint (after_length, ==, before_length);
  }
}

static void
test_copy_all_or_nothing (Fixture       *f,
                          gconstpointer  data)
{
  const char *copy[] = { "copy", "--from", f->db_path, "--to", f->superuser,
                         "--admin", PG_TEST_ADMIN, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *services = NULL;
  g_autofree char *identity = NULL;
  g_autofree char *roles = NULL;

  make_unit (f);
  services = server_value (f, "SELECT count (*) FROM services");
  identity = server_value (f, "SELECT value FROM settings WHERE key = 'database_id'");
  roles = server_value (f, "SELECT count (*) FROM pg_roles");
  /* A rule broken in the file, in a table copied after people and
   * contacts: a case with a worker, but nobody assigned. */
  file_exec (f->db_path,
             "PRAGMA ignore_check_constraints = ON; "
             "UPDATE cases SET status = 2, assigned_to = NULL "
             "WHERE id = (SELECT max (cs.id) FROM cases cs JOIN contacts k ON k.id = cs.contact_id "
             "            WHERE k.entered_in_error = 0)");

  out = run (f, 1, NULL, copy, &err);
  g_assert_nonnull (strstr (err, "The data breaks a rule of the database"));
  g_assert_cmpstr (server_value (f, "SELECT count (*) FROM clients"), ==, "0");
  g_assert_cmpstr (server_value (f, "SELECT count (*) FROM contacts"), ==, "0");
  g_assert_cmpstr (server_value (f, "SELECT count (*) FROM access_log"), ==, "0");
  g_assert_cmpstr (server_value (f, "SELECT string_agg (account, ',') FROM users"), ==, PG_TEST_ADMIN);
  g_assert_cmpstr (server_value (f, "SELECT count (*) FROM services"), ==, services);
  g_assert_cmpstr (server_value (f, "SELECT value FROM settings WHERE key = 'database_id'"), ==,
                   identity);
  g_assert_cmpstr (server_value (f, "SELECT count (*) FROM pg_roles"), ==, roles);
  g_assert_cmpstr (server_value (f, "SELECT count (*) FROM copy_marks"), ==, "0");
}

static void
test_copy_refuses_used_database (Fixture       *f,
                                 gconstpointer  data)
{
  const char *copy[] = { "copy", "--from", f->db_path, "--to", f->superuser,
                         "--admin", PG_TEST_ADMIN, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *contacts = NULL;

  make_unit (f);
  g_free (run (f, 0, NULL, copy, NULL));
  contacts = server_value (f, "SELECT count (*) FROM contacts");

  out = run (f, 1, NULL, copy, &err);
  g_assert_nonnull (strstr (err, "already holds a unit’s data (300 people"));
  g_assert_cmpstr (server_value (f, "SELECT count (*) FROM contacts"), ==, contacts);
  g_assert_cmpstr (server_value (f, "SELECT count (*) FROM log_copies"), ==, "1");
}

static void
test_copy_refuses_other_files (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *other = g_build_filename (f->dir, "other.db", NULL);
  g_autofree char *text = admin_test_write_file (f->dir, "notes.db", "Ei tietokanta.\n");
  g_autofree char *missing = g_build_filename (f->dir, "typo.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length = 0, after_length = 0;
  const char *files[] = { other, text };

  file_exec (other, "CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('karjalanpiirakka')");
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      const char *copy[] = { "copy", "--from", files[i], "--to", f->superuser,
                             "--admin", PG_TEST_ADMIN, NULL };
      g_autofree char *wal = g_strconcat (files[i], "-wal", NULL);
      g_autofree char *err = NULL;

      g_clear_pointer (&before, g_free);
      g_clear_pointer (&after, g_free);
      g_assert_true (g_file_get_contents (files[i], &before, &before_length, NULL));
      g_free (run (f, 1, NULL, copy, &err));
      g_assert_nonnull (strstr (err, "is not a Kohtaamo database"));
      g_assert_true (g_file_get_contents (files[i], &after, &after_length, NULL));
      g_assert_cmpuint (after_length, ==, before_length);
      g_assert_cmpmem (after, after_length, before, before_length);
      g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
    }

  /* A mistyped path does not become a database. */
  {
    const char *copy[] = { "copy", "--from", missing, "--to", f->superuser, NULL };

    g_free (run (f, 1, NULL, copy, NULL));
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  }
  /* A file of an older schema is updated knowingly, not by the copy. */
  make_unit (f);
  file_exec (f->db_path, "PRAGMA user_version = 18");
  {
    const char *copy[] = { "copy", "--from", f->db_path, "--to", f->superuser,
                           "--admin", PG_TEST_ADMIN, NULL };
    g_autofree char *err = NULL;

    g_free (run (f, 1, NULL, copy, &err));
    g_assert_nonnull (strstr (err, "must be updated first"));
    g_assert_cmpstr (file_value (f->db_path, "PRAGMA user_version"), ==, "18");
  }
  g_assert_cmpstr (server_value (f, "SELECT count (*) FROM clients"), ==, "0");
}

/* A table of the file that this build does not know how to copy stops the
 * copy before anything is written, rather than stay behind. */
static void
test_copy_refuses_unknown_table (Fixture       *f,
                                 gconstpointer  data)
{
  const char *copy[] = { "copy", "--from", f->db_path, "--to", f->superuser,
                         "--admin", PG_TEST_ADMIN, NULL };
  g_autofree char *err = NULL;

  make_unit (f);
  file_exec (f->db_path, "CREATE TABLE home_visits (id INTEGER PRIMARY KEY, client_id INTEGER); "
                         "INSERT INTO home_visits (client_id) VALUES (1)");
  g_free (run (f, 1, NULL, copy, &err));
  g_assert_nonnull (strstr (err, "does not know how to copy the table home_visits"));
  g_assert_cmpstr (server_value (f, "SELECT count (*) FROM clients"), ==, "0");
  g_assert_cmpstr (server_value (f, "SELECT count (*) FROM log_copies"), ==, "0");
}

static void
test_copy_broken_log (Fixture       *f,
                      gconstpointer  data)
{
  const char *copy[] = { "copy", "--from", f->db_path, "--to", f->superuser,
                         "--admin", PG_TEST_ADMIN, NULL };
  const char *accept[] = { "copy", "--from", f->db_path, "--to", f->superuser,
                           "--admin", PG_TEST_ADMIN, "--accept-broken-log", NULL };
  const char *verify[] = { "log", "verify", NULL };
  g_autofree char *tester = pg_test_conninfo (f->dbname, PG_TEST_ADMIN);
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;

  make_unit (f);
  /* As someone with the file could: the append-only trigger dropped, a
   * row of the log rewritten. */
  file_exec (f->db_path,
             "DROP TRIGGER IF EXISTS access_log_no_update; "
             "UPDATE access_log SET what = 3 WHERE seq = 3");

  g_free (run (f, 1, NULL, copy, &err));
  g_assert_nonnull (strstr (err, "Row 3 of the access log has been changed"));
  g_assert_nonnull (strstr (err, "--accept-broken-log"));
  g_assert_cmpstr (server_value (f, "SELECT count (*) FROM clients"), ==, "0");

  g_free (run (f, 0, NULL, accept, NULL));
  g_assert_cmpstr (server_value (f, "SELECT broken_seq FROM log_copies"), ==, "3");
  g_assert_cmpstr (server_value (f, "SELECT count (*) FROM clients"), ==, "300");
  /* The log stays broken where it was: the server says so too. */
  out = run (f, 1, tester, verify, &err);
  g_assert_nonnull (strstr (err, "Row 3 of the access log has been changed"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/copy/refuses-other-files", Fixture, NULL, fixture_set_up,
              test_copy_refuses_other_files, fixture_tear_down);
  g_test_add ("/copy/all-or-nothing", Fixture, NULL, fixture_set_up,
              test_copy_all_or_nothing, fixture_tear_down);
  g_test_add ("/copy/whole", Fixture, NULL, fixture_set_up, test_copy_whole, fixture_tear_down);
  g_test_add ("/copy/refuses-used-database", Fixture, NULL, fixture_set_up,
              test_copy_refuses_used_database, fixture_tear_down);
  g_test_add ("/copy/refuses-unknown-table", Fixture, NULL, fixture_set_up,
              test_copy_refuses_unknown_table, fixture_tear_down);
  g_test_add ("/copy/broken-log", Fixture, NULL, fixture_set_up, test_copy_broken_log,
              fixture_tear_down);

  return g_test_run ();
}
