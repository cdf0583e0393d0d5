/* test-documents-export.c — kohtaamo-admin documents export (issue 8, 7)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real binary on a real SQLite file: every issued document comes out
 * as the bytes it was issued as, named by its register number or id, 0600,
 * with SHA256SUMS; each opening is in the access log as an export naming
 * the document; a second run keeps what is already there; a file with
 * other contents is never written over; only the administrator exports.
 */

#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include <locale.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "core/kh-hetu.h"
#include "admin-test-util.h"

typedef struct {
  char   *dir;
  char   *db_path;
  char   *out;       /* the export folder (not made by the test) */
  GBytes *letter;    /* the PDFs as issued */
  GBytes *decision;
  gint64  letter_id;
  int     year;      /* the decision's register year (issued now) */
} Fixture;

/* The first bytes are all the store looks at; the rest is the document's. */
static GBytes *
test_pdf (const char *body)
{
  char *text = g_strdup_printf ("%%PDF-1.5\n%%\xe2\xe3\xcf\xd3\n%s\n%%%%EOF\n", body);

  return g_bytes_new_take (text, strlen (text));
}

static gint64
issue (KhDb           *db,
       KhUser         *user,
       gint64          client_id,
       KhDocumentKind  kind,
       const char     *title,
       GBytes         *pdf,
       int            *out_year)
{
  g_autoptr(KhIssuedDocument) d = kh_issued_document_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  d->client_id = client_id;
  d->kind = kind;
  d->language = g_strdup ("fi");
  d->title = g_strdup (title);
  g_date_set_dmy (&d->sent_on, 7, G_DATE_DECEMBER, 2026);
  d->delivery = KH_DOCUMENT_DELIVERY_LETTER;
  d->pdf = g_bytes_ref (pdf);
  id = kh_db_issue_document (db, user, d, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  if (out_year != NULL)
    *out_year = d->register_year;
  return id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(KhUser) admin = NULL;
  g_autoptr(KhUser) worker = NULL;
  g_autoptr(KhClient) client = kh_client_new ();
  g_autoptr(KhDb) db = NULL;
  g_autoptr(GError) error = NULL;
  GDate birth;
  gint64 client_id;

  f->dir = admin_test_make_dir ();
  f->db_path = g_build_filename (f->dir, "kohtaamo.db", NULL);
  f->out = g_build_filename (f->dir, "vienti", "2026", NULL);
  db = admin_test_open (f->db_path, &admin);

  worker = kh_db_save_user (db, admin, "sanna", "Sanna Sosiaalityöntekijä", KH_ROLE_SOCIAL_WORKER,
                            TRUE, &error);
  g_assert_no_error (error);
  g_date_clear (&birth, 1);
  g_date_set_dmy (&birth, 14, 3, 1961);
  client->last_name = g_strdup ("Åkerlund");
  client->first_names = g_strdup ("Märta");
  client->language = KH_LANGUAGE_SV;
  client->identity_kind = KH_IDENTITY_CODE;
  client->identity_code = kh_hetu_make (&birth, 934, 0);
  client_id = kh_db_save_client (db, admin, client, &error);
  g_assert_no_error (error);

  f->letter = test_pdf ("Kallelse — Märta Åkerlund");
  f->decision = test_pdf ("Beslut om utkomststöd");
  f->letter_id = issue (db, worker, client_id, KH_DOCUMENT_INVITATION, "Kallelse till möte",
                        f->letter, NULL);
  issue (db, worker, client_id, KH_DOCUMENT_DECISION, "Beslut om kompletterande utkomststöd",
         f->decision, &f->year);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  admin_test_remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->db_path);
  g_free (f->out);
  g_bytes_unref (f->letter);
  g_bytes_unref (f->decision);
}

static int
export (Fixture  *f,
        char    **out_stdout,
        char    **out_stderr)
{
  const char *args[] = { "documents", "export", f->out, NULL };

  return admin_test_run (f->dir, f->db_path, args, out_stdout, out_stderr);
}

/* The file's bytes equal `expected`, and only its owner may read it. */
static void
assert_file (const char *path,
             GBytes     *expected)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  GStatBuf st;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

/* One number, read with the sqlite3 library as another program would. */
static gint64
count (Fixture    *f,
       const char *sql)
{
  sqlite3 *raw = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (f->db_path, &raw, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (raw, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (raw);
  return n;
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *letter_name = g_strdup_printf ("document-%" G_GINT64_FORMAT ".pdf", f->letter_id);
  g_autofree char *decision_name = g_strdup_printf ("decision-%d-0001.pdf", f->year);
  g_autofree char *letter_path = g_build_filename (f->out, letter_name, NULL);
  g_autofree char *decision_path = g_build_filename (f->out, decision_name, NULL);
  g_autofree char *sums_path = g_build_filename (f->out, "SHA256SUMS", NULL);
  g_autofree char *sums = NULL;
  g_autofree char *expected_sums = NULL;
  g_autofree char *letter_sum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, f->letter);
  g_autofree char *decision_sum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, f->decision);

  g_assert_cmpint (export (f, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "written 2, already in place 0."));
  assert_file (letter_path, f->letter);
  assert_file (decision_path, f->decision);

  /* What sha256sum -c reads: the issued order, two spaces. */
  expected_sums = g_strdup_printf ("%s  %s\n%s  %s\n", letter_sum, letter_name, decision_sum, decision_name);
  g_assert_true (g_file_get_contents (sums_path, &sums, NULL, NULL));
  g_assert_cmpstr (sums, ==, expected_sums);

  /* Each opening logged as an export (KH_ACCESS_EXPORT = 6), naming its document. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM access_log a JOIN document_reads r ON r.log_seq = a.id "
                             "WHERE a.what = 6"), ==, 2);

  /* Again: both kept, nothing written; opened (and logged) again to check them. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (export (f, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "written 0, already in place 2."));
  g_assert_cmpint (count (f, "SELECT count(*) FROM document_reads"), ==, 4);
}

/* A file of the same name with other contents is never written over. */
static void
test_export_keeps_other_files (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *decision_name = g_strdup_printf ("decision-%d-0001.pdf", f->year);
  g_autofree char *decision_path = g_build_filename (f->out, decision_name, NULL);
  g_autofree char *contents = NULL;

  g_assert_cmpint (g_mkdir_with_parents (f->out, 0700), ==, 0);
  g_assert_true (g_file_set_contents (decision_path, "someone's own file", -1, NULL));
  g_assert_cmpint (export (f, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "is already in the folder with other contents"));
  g_assert_true (g_file_get_contents (decision_path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "someone's own file");
}

/* Only the administrator: a social worker's account is refused, nothing written. */
static void
test_export_only_admin (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(KhUser) admin = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  {
    g_autoptr(KhDb) db = admin_test_open (f->db_path, &admin);
    g_autoptr(KhUser) other = kh_db_save_user (db, admin, "toinen-admin", NULL, KH_ROLE_ADMIN, TRUE, &error);
    g_autoptr(KhUser) me = NULL;

    g_assert_no_error (error);
    me = kh_db_save_user (db, other, g_get_user_name (), NULL, KH_ROLE_SOCIAL_WORKER, TRUE, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpint (export (f, &out, &err), ==, 1);
  g_assert_false (g_file_test (f->out, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/admin/documents/export", Fixture, NULL, fixture_set_up, test_export, fixture_tear_down);
  g_test_add ("/admin/documents/export-keeps-other-files", Fixture, NULL, fixture_set_up,
              test_export_keeps_other_files, fixture_tear_down);
  g_test_add ("/admin/documents/export-only-admin", Fixture, NULL, fixture_set_up,
              test_export_only_admin, fixture_tear_down);

  return g_test_run ();
}
