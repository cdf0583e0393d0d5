/* test-documents.c — issued letters and decisions in the store, on both
 * engines: issuing stores the PDF with its SHA-256, a decision gets the
 * next number of its year's register (two desks issuing at once too), the
 * databases refuse every change and removal below the store, opening one
 * is a logged read naming it and checks its hash, and the person's
 * timeline lists them (issue 8, 5)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include <string.h>

#include "store-test-util.h"

typedef struct
{
  KhUser *rec;
  KhUser *cou;
  KhUser *sw;
  KhUser *lead;
  gint64  case_id;
  gint64  client_id;
  gint64  other_client_id;
} People;

/* A case opened at reception for Aino Korhonen, and Eero Virtanen. */
static void
people_set_up (Fixture *f,
               People  *p)
{
  g_autoptr(KhContact) contact = test_contact (KH_OUTCOME_CASE_OPENED);
  g_autoptr(KhClient) client = test_client ("Korhonen", "Aino", "1980-05-14", 931);
  g_autoptr(KhIntakeResult) result = NULL;
  g_autoptr(GError) error = NULL;
  KhIntake intake = { contact, client, FALSE, 0, 0 };

  p->rec = fixture_add_user (f, "rec", "Riikka Vastaanotto", KH_ROLE_RECEPTION);
  p->cou = fixture_add_user (f, "cou", "Outi Ohjaaja", KH_ROLE_COUNSELLOR);
  p->sw = fixture_add_user (f, "sw", "Sari Sosiaalityöntekijä", KH_ROLE_SOCIAL_WORKER);
  p->lead = fixture_add_user (f, "lead", "Leena Johtava", KH_ROLE_LEAD);
  contact->received_at = g_date_time_new_now_local ();
  result = kh_db_save_intake (fixture_db (f, p->rec), p->rec, &intake, &error);
  g_assert_no_error (error);
  p->case_id = result->case_id;
  p->client_id = result->client_id;
  p->other_client_id = add_client (f, "Virtanen", "Eero", "1975-02-03", 942);
}

static void
people_clear (People *p)
{
  g_clear_object (&p->rec);
  g_clear_object (&p->cou);
  g_clear_object (&p->sw);
  g_clear_object (&p->lead);
}

/* A PDF's first bytes are all the databases look at; the rest is the
 * document's own (ä and å: bytes, not text). */
static GBytes *
test_pdf (const char *body)
{
  char *text = g_strdup_printf ("%%PDF-1.5\n%%\xe2\xe3\xcf\xd3\n%s\n%%%%EOF\n", body);

  return g_bytes_new_take (text, strlen (text));
}

static KhIssuedDocument *
new_document (gint64          client_id,
              gint64          case_id,
              KhDocumentKind  kind,
              const char     *language,
              const char     *title)
{
  KhIssuedDocument *d = kh_issued_document_new ();

  d->client_id = client_id;
  d->case_id = case_id;
  d->kind = kind;
  d->language = g_strdup (language);
  d->title = g_strdup (title);
  g_date_set_dmy (&d->sent_on, 7, G_DATE_DECEMBER, 2026);
  d->delivery = KH_DOCUMENT_DELIVERY_LETTER;
  d->pdf = test_pdf (title);
  return d;
}

/* A payment commitment to a pharmacy resting on `decision_id`:
 * 1 234,50 € from 7.12.2026 to 6.1.2027. */
static KhIssuedDocument *
new_commitment (gint64 client_id,
                gint64 decision_id)
{
  KhIssuedDocument *d = new_document (client_id, 0, KH_DOCUMENT_PAYMENT_COMMITMENT, "fi", "Maksusitoumus");

  d->decision_id = decision_id;
  d->payee = g_strdup ("Apteekki Äijälä");
  d->max_cents = 123450;
  g_date_set_dmy (&d->valid_from, 7, G_DATE_DECEMBER, 2026);
  g_date_set_dmy (&d->valid_until, 6, G_DATE_JANUARY, 2027);
  return d;
}

static gint64
issue (Fixture           *f,
       KhUser            *user,
       KhIssuedDocument  *document)
{
  g_autoptr(GError) error = NULL;
  gint64 id = kh_db_issue_document (fixture_db (f, user), user, document, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static int
this_year (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_get_year (now);
}

#define ENTRY(entries, i) ((KhTimelineEntry *) g_ptr_array_index ((entries), (i)))

static void
test_issue_and_timeline (Fixture       *f,
                         gconstpointer  data)
{
  People p = { 0 };
  g_autoptr(KhIssuedDocument) letter = NULL;
  g_autoptr(KhIssuedDocument) decision = NULL;
  g_autoptr(KhIssuedDocument) fix = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected_hash = NULL;
  gint64 before, after;

  people_set_up (f, &p);
  before = g_get_real_time () / G_USEC_PER_SEC;
  letter = new_document (p.client_id, p.case_id, KH_DOCUMENT_INVITATION, "fi", "  Kutsu tapaamiseen ");
  issue (f, p.cou, letter);
  decision = new_document (p.client_id, p.case_id, KH_DOCUMENT_DECISION, "sv",
                           "Beslut om kompletterande utkomststöd");
  decision->delivery = KH_DOCUMENT_DELIVERY_ELECTRONIC;
  issue (f, p.sw, decision);
  after = g_get_real_time () / G_USEC_PER_SEC;

  /* As stored: the title trimmed, the hash of the bytes, by whom and when
   * the store says; a letter has no register number, a decision the
   * first of this year's. */
  g_assert_cmpstr (letter->title, ==, "Kutsu tapaamiseen");
  g_assert_cmpint (letter->register_number, ==, 0);
  g_assert_cmpint (letter->register_year, ==, 0);
  g_assert_cmpint (letter->issued_by, ==, p.cou->id);
  g_assert_cmpstr (letter->issued_by_name, ==, "Outi Ohjaaja");
  g_assert_cmpint (g_date_time_to_unix (letter->issued_at), >=, before);
  g_assert_cmpint (g_date_time_to_unix (letter->issued_at), <=, after);
  expected_hash = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, letter->pdf);
  g_assert_cmpstr (letter->sha256, ==, expected_hash);
  g_assert_cmpint (decision->register_year, ==, this_year ());
  g_assert_cmpint (decision->register_number, ==, 1);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT issued_by FROM documents WHERE id = %" G_GINT64_FORMAT,
                                            decision->id);
    g_assert_cmpint (count (f, sql), ==, p.sw->id);
  }

  /* A correction is a new document naming the corrected one. */
  fix = new_document (p.client_id, p.case_id, KH_DOCUMENT_DECISION, "sv",
                      "Beslut om kompletterande utkomststöd (rättelse)");
  fix->corrects_id = decision->id;
  issue (f, p.lead, fix);
  g_assert_cmpint (fix->register_number, ==, 2);

  /* The timeline: newest first, each document with what the row shows. */
  entries = kh_db_list_client_timeline (fixture_db (f, p.sw), p.sw, p.client_id, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 5);
  g_assert_cmpint (ENTRY (entries, 0)->kind, ==, KH_TIMELINE_DOCUMENT);
  g_assert_cmpint (ENTRY (entries, 0)->id, ==, fix->id);
  g_assert_cmpint (ENTRY (entries, 0)->ref_id, ==, decision->id);
  g_assert_cmpint (ENTRY (entries, 0)->n2, ==, 2);
  g_assert_cmpstr (ENTRY (entries, 0)->who, ==, "Leena Johtava");
  g_assert_cmpint (ENTRY (entries, 1)->kind, ==, KH_TIMELINE_DOCUMENT);
  g_assert_cmpint (ENTRY (entries, 1)->id, ==, decision->id);
  g_assert_cmpint (ENTRY (entries, 1)->case_id, ==, p.case_id);
  g_assert_cmpint (ENTRY (entries, 1)->n1, ==, KH_DOCUMENT_DECISION);
  g_assert_cmpint (ENTRY (entries, 1)->n2, ==, 1);
  g_assert_cmpint (ENTRY (entries, 1)->n3, ==, this_year ());
  g_assert_cmpint (ENTRY (entries, 1)->ref_id, ==, 0);
  g_assert_cmpstr (ENTRY (entries, 1)->text, ==, "Beslut om kompletterande utkomststöd");
  g_assert_cmpstr (ENTRY (entries, 1)->who, ==, "Sari Sosiaalityöntekijä");
  g_assert_cmpstr (ENTRY (entries, 1)->day, ==, "2026-12-07");
  g_assert_cmpstr (ENTRY (entries, 1)->code, ==, "electronic");
  g_assert_cmpstr (ENTRY (entries, 1)->language, ==, "sv");
  g_assert_cmpint (g_date_time_to_unix (ENTRY (entries, 1)->at), ==,
                   g_date_time_to_unix (decision->issued_at));
  g_assert_cmpint (ENTRY (entries, 2)->kind, ==, KH_TIMELINE_DOCUMENT);
  g_assert_cmpint (ENTRY (entries, 2)->n1, ==, KH_DOCUMENT_INVITATION);
  g_assert_cmpint (ENTRY (entries, 2)->n2, ==, 0);
  g_assert_cmpint (ENTRY (entries, 2)->n3, ==, 0);
  g_assert_cmpstr (ENTRY (entries, 2)->code, ==, "letter");
  g_assert_cmpstr (ENTRY (entries, 2)->language, ==, "fi");
  g_assert_cmpint (ENTRY (entries, 3)->kind, ==, KH_TIMELINE_CASE);
  g_assert_null (ENTRY (entries, 3)->day);
  g_assert_cmpint (ENTRY (entries, 4)->kind, ==, KH_TIMELINE_CONTACT);

  /* Someone else's timeline has none of them. */
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = kh_db_list_client_timeline (fixture_db (f, p.sw), p.sw, p.other_client_id, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 0);
  people_clear (&p);
}

static void
test_what_is_refused (Fixture       *f,
                      gconstpointer  data)
{
  People p = { 0 };
  g_autoptr(KhIssuedDocument) letter = NULL;
  g_autoptr(GError) error = NULL;
  static const struct { int who; KhDocumentKind kind; } refused[] = {
    { 0, KH_DOCUMENT_INVITATION },
    { 0, KH_DOCUMENT_DECISION },
    { 1, KH_DOCUMENT_DECISION },
    { 1, KH_DOCUMENT_PAYMENT_COMMITMENT },
    { 4, KH_DOCUMENT_INVITATION },
    { 4, KH_DOCUMENT_DECISION },
  };

  people_set_up (f, &p);
  letter = new_document (p.client_id, p.case_id, KH_DOCUMENT_COULD_NOT_REACH, "fi",
                         "Yhteydenottopyyntö");
  issue (f, p.cou, letter);

  /* Who: reception and the administrator issue nothing, a counsellor no
   * decision or payment commitment. */
  for (gsize i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      KhUser *users[] = { p.rec, p.cou, p.sw, p.lead, f->admin };
      KhUser *user = users[refused[i].who];
      g_autoptr(KhIssuedDocument) d = new_document (p.client_id, p.case_id, refused[i].kind, "fi",
                                                    "Päätös toimeentulotuesta");

      g_test_message ("%s issues %s", user->account, kh_document_kind_key (refused[i].kind));
      g_assert_cmpint (kh_db_issue_document (fixture_db (f, user), user, d, &error), ==, 0);
      g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
      g_clear_error (&error);
    }

  /* What: not a PDF; a case of another person; a correction of another
   * person's document; no such person. */
  {
    g_autoptr(KhIssuedDocument) d = new_document (p.client_id, 0, KH_DOCUMENT_INVITATION, "fi", "Kutsu");

    g_bytes_unref (d->pdf);
    d->pdf = g_bytes_new_static ("<html>", 6);
    g_assert_cmpint (kh_db_issue_document (fixture_db (f, p.sw), p.sw, d, &error), ==, 0);
    g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
  {
    g_autoptr(KhIssuedDocument) d = new_document (p.other_client_id, p.case_id, KH_DOCUMENT_INVITATION,
                                                  "fi", "Kutsu");

    g_assert_cmpint (kh_db_issue_document (fixture_db (f, p.sw), p.sw, d, &error), ==, 0);
    g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
  {
    g_autoptr(KhIssuedDocument) d = new_document (p.other_client_id, 0, KH_DOCUMENT_COULD_NOT_REACH,
                                                  "fi", "Yhteydenottopyyntö (korjaus)");

    d->corrects_id = letter->id;
    g_assert_cmpint (kh_db_issue_document (fixture_db (f, p.sw), p.sw, d, &error), ==, 0);
    g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
  {
    g_autoptr(KhIssuedDocument) d = new_document (p.client_id + 1000, 0, KH_DOCUMENT_DECISION, "fi",
                                                  "Päätös");

    g_assert_cmpint (kh_db_issue_document (fixture_db (f, p.sw), p.sw, d, &error), ==, 0);
    g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }
  g_assert_cmpint (count (f, "SELECT count(*) FROM documents"), ==, 1);
  people_clear (&p);
}

/* Below the store, as sqlite3 on the file or psql as the server's
 * superuser would: an issued document is never changed or removed. */
static void
test_immutable (Fixture       *f,
                gconstpointer  data)
{
  People p = { 0 };
  g_autoptr(KhIssuedDocument) decision = NULL;
  static const char * const statements[] = {
    "UPDATE documents SET title = 'Muutettu' WHERE id = %" G_GINT64_FORMAT,
    "UPDATE documents SET pdf = substr (pdf, 1, 6) WHERE id = %" G_GINT64_FORMAT,
    "UPDATE documents SET sent_on = '2026-12-08' WHERE id = %" G_GINT64_FORMAT,
    "DELETE FROM documents WHERE id = %" G_GINT64_FORMAT,
    "UPDATE document_reads SET document_id = document_id WHERE document_id = %" G_GINT64_FORMAT,
    "DELETE FROM document_reads WHERE document_id = %" G_GINT64_FORMAT,
  };
  RawDb *raw;

  people_set_up (f, &p);
  decision = new_document (p.client_id, p.case_id, KH_DOCUMENT_DECISION, "fi",
                           "Päätös täydentävästä toimeentulotuesta");
  issue (f, p.sw, decision);
  {
    g_autoptr(KhIssuedDocument) opened = kh_db_get_document_pdf (fixture_db (f, p.sw), p.sw,
                                                                decision->id, NULL);
    g_assert_nonnull (opened);
  }

  raw = raw_connect (f);
  for (gsize i = 0; i < G_N_ELEMENTS (statements); i++)
    {
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
      g_autofree char *sql = g_strdup_printf (statements[i], decision->id);
#pragma GCC diagnostic pop

      g_assert_true (raw_refuses (raw, sql));
      if (f->pg_dbname == NULL)
        g_assert_nonnull (strstr (raw->message, i < 4 ? "an issued document is kept as it was issued"
                                                      : "the access log is append-only"));
    }
  /* Nor written past the store's rules: the next number of the year only,
   * of the case's person, by a worker who may. */
  {
    g_autofree char *hash = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, decision->pdf);
    const char *shapes[] = {
      /* a gap in the register */
      "INSERT INTO documents (client_id, kind, language, title, register_year, register_number, issued_at, "
      "issued_by, sent_on, delivery, pdf, sha256, grants) SELECT client_id, 5, 'fi', 'X', register_year, 3, 0, "
      "issued_by, sent_on, delivery, pdf, sha256, grants FROM documents WHERE id = %" G_GINT64_FORMAT,
      /* the same number again */
      "INSERT INTO documents (client_id, kind, language, title, register_year, register_number, issued_at, "
      "issued_by, sent_on, delivery, pdf, sha256, grants) SELECT client_id, 5, 'fi', 'X', register_year, 1, 0, "
      "issued_by, sent_on, delivery, pdf, sha256, grants FROM documents WHERE id = %" G_GINT64_FORMAT,
      /* a letter with a number */
      "INSERT INTO documents (client_id, kind, language, title, register_year, register_number, issued_at, "
      "issued_by, sent_on, delivery, pdf, sha256) SELECT client_id, 1, 'fi', 'X', register_year, 2, 0, "
      "issued_by, sent_on, delivery, pdf, sha256 FROM documents WHERE id = %" G_GINT64_FORMAT,
      /* not a PDF */
      "INSERT INTO documents (client_id, kind, language, title, issued_at, issued_by, sent_on, delivery, "
      "pdf, sha256) SELECT client_id, 1, 'fi', 'X', 0, issued_by, sent_on, delivery, "
      "CAST ('<html>' AS BLOB), sha256 FROM documents WHERE id = %" G_GINT64_FORMAT,
      /* a decision by reception */
      "INSERT INTO documents (client_id, kind, language, title, register_year, register_number, issued_at, "
      "issued_by, sent_on, delivery, pdf, sha256, grants) SELECT client_id, 5, 'fi', 'X', register_year, 2, 0, "
      "(SELECT id FROM users WHERE account = 'rec'), sent_on, delivery, pdf, sha256, grants FROM documents "
      "WHERE id = %" G_GINT64_FORMAT,
      /* of another person than the case's */
      "INSERT INTO documents (client_id, case_id, kind, language, title, issued_at, issued_by, sent_on, "
      "delivery, pdf, sha256) SELECT (SELECT max (id) FROM clients), case_id, 1, 'fi', 'X', 0, issued_by, "
      "sent_on, delivery, pdf, sha256 FROM documents WHERE id = %" G_GINT64_FORMAT,
    };

    for (gsize i = 0; i < G_N_ELEMENTS (shapes); i++)
      {
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
        g_autofree char *sql = g_strdup_printf (shapes[i], decision->id);
#pragma GCC diagnostic pop
        g_autofree char *pg = NULL;

        /* The server has no CAST … AS BLOB. */
        if (f->pg_dbname != NULL && strstr (sql, "AS BLOB") != NULL)
          {
            g_auto(GStrv) parts = g_strsplit (sql, "CAST ('<html>' AS BLOB)", 2);
            pg = g_strjoin ("'<html>'::bytea", parts[0], parts[1], NULL);
          }
        g_test_message ("%s", pg != NULL ? pg : sql);
        g_assert_true (raw_refuses (raw, pg != NULL ? pg : sql));
      }
    (void) hash;
  }
  raw_close (raw);
  g_assert_cmpint (count (f, "SELECT count(*) FROM documents"), ==, 1);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM documents WHERE id = %" G_GINT64_FORMAT
                                            " AND title = 'Päätös täydentävästä toimeentulotuesta'",
                                            decision->id);
    g_assert_cmpint (count (f, sql), ==, 1);
  }
  people_clear (&p);
}

static void
test_open_is_logged (Fixture       *f,
                     gconstpointer  data)
{
  People p = { 0 };
  g_autoptr(KhIssuedDocument) decision = NULL;
  g_autoptr(KhIssuedDocument) opened = NULL;
  g_autoptr(KhIssuedDocument) exported = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reads = NULL;
  KhUser *openers[3];

  people_set_up (f, &p);
  decision = new_document (p.client_id, p.case_id, KH_DOCUMENT_DECISION, "sv", "Beslut");
  issue (f, p.sw, decision);
  reads = g_strdup_printf ("SELECT count(*) FROM access_log a JOIN document_reads r ON r.log_seq = a.seq "
                           "WHERE r.document_id = %" G_GINT64_FORMAT " AND a.client_id = %" G_GINT64_FORMAT,
                           decision->id, p.client_id);
  /* Issuing is a write, not a read. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM access_log WHERE what = 14"), ==, 0);

  openers[0] = p.cou;
  openers[1] = p.sw;
  openers[2] = p.lead;
  for (guint i = 0; i < G_N_ELEMENTS (openers); i++)
    {
      g_clear_pointer (&opened, kh_issued_document_free);
      opened = kh_db_get_document_pdf (fixture_db (f, openers[i]), openers[i], decision->id, &error);
      g_assert_no_error (error);
      g_assert_true (g_bytes_equal (opened->pdf, decision->pdf));
      g_assert_cmpstr (opened->sha256, ==, decision->sha256);
      g_assert_cmpstr (opened->title, ==, "Beslut");
      g_assert_cmpstr (opened->language, ==, "sv");
      g_assert_cmpint (opened->register_number, ==, 1);
      g_assert_cmpint (opened->client_id, ==, p.client_id);
      g_assert_cmpint (opened->case_id, ==, p.case_id);
      g_assert_cmpstr (opened->issued_by_name, ==, "Sari Sosiaalityöntekijä");
      g_assert_cmpint (g_date_get_day (&opened->sent_on), ==, 7);
      g_assert_cmpint (opened->delivery, ==, KH_DOCUMENT_DELIVERY_LETTER);
      /* One row per opening, naming the document, by the one who opened. */
      g_assert_cmpint (count (f, reads), ==, i + 1);
      {
        g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM access_log WHERE what = 14 AND basis = 2 "
                                                "AND user_id = %" G_GINT64_FORMAT, openers[i]->id);
        g_assert_cmpint (count (f, sql), ==, 1);
      }
    }

  /* The administrator's export is logged as such. */
  exported = kh_db_get_document_pdf (fixture_db (f, f->admin), f->admin, decision->id, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (exported->pdf, decision->pdf));
  g_assert_cmpint (count (f, reads), ==, 4);
  g_assert_cmpint (count (f, "SELECT count(*) FROM access_log WHERE what = 6 AND basis = 3"), ==, 1);

  /* Reception opens nothing, and nothing is logged; no such document. */
  g_assert_null (kh_db_get_document_pdf (fixture_db (f, p.rec), p.rec, decision->id, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_null (kh_db_get_document_pdf (fixture_db (f, p.sw), p.sw, decision->id + 100, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (count (f, reads), ==, 4);
  g_assert_cmpint (count (f, "SELECT count(*) FROM document_reads"), ==, 4);

  /* The ids for the export: the administrator's only. */
  {
    g_autoptr(GArray) ids = kh_db_list_document_ids (fixture_db (f, f->admin), f->admin, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (ids->len, ==, 1);
    g_assert_cmpint (g_array_index (ids, gint64, 0), ==, decision->id);
    g_assert_null (kh_db_list_document_ids (fixture_db (f, p.lead), p.lead, &error));
    g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
    g_clear_error (&error);
  }
  people_clear (&p);
}

/* Someone who got past the triggers changed the bytes: opening the
 * document says so, and returns nothing. */
static void
test_hash_verified (Fixture       *f,
                    gconstpointer  data)
{
  People p = { 0 };
  g_autoptr(KhIssuedDocument) letter = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tamper = NULL;
  RawDb *raw;

  people_set_up (f, &p);
  letter = new_document (p.client_id, p.case_id, KH_DOCUMENT_INVITATION, "fi", "Kutsu");
  issue (f, p.sw, letter);

  raw = raw_connect (f);
  if (f->pg_dbname != NULL)
    {
      raw_run (raw, "ALTER TABLE documents DISABLE TRIGGER documents_rules");
      raw_run (raw, "ALTER TABLE documents DROP CONSTRAINT documents_sha256_check");
      tamper = g_strdup_printf ("UPDATE documents SET pdf = pdf || '\\x2020'::bytea WHERE id = %"
                                G_GINT64_FORMAT, letter->id);
    }
  else
    {
      raw_run (raw, "DROP TRIGGER documents_no_update");
      tamper = g_strdup_printf ("UPDATE documents SET pdf = CAST (pdf || X'2020' AS BLOB) WHERE id = %" G_GINT64_FORMAT,
                                letter->id);
    }
  raw_run (raw, tamper);
  raw_close (raw);

  g_assert_null (kh_db_get_document_pdf (fixture_db (f, p.sw), p.sw, letter->id, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_DAMAGED);
  g_test_message ("%s", error->message);
  people_clear (&p);
}

typedef struct
{
  KhDb     *db;
  KhUser   *user;
  gint64    client_id;
  gint64    decision_id;   /* payment commitments resting on it; 0: decisions */
  guint     n;
  GArray   *numbers;
  gboolean  rendered;   /* through kh_db_issue_document_rendered */
} Issuer;

typedef enum {
  RENDER_NUMBERED,      /* a PDF that prints "Nro N/YEAR" */
  RENDER_FAILS,         /* an error, as a renderer out of fonts would give */
  RENDER_NOT_A_PDF,
} RenderHow;

static GBytes *
render_decision (const KhIssuedDocument  *document,
                 gpointer                 user_data,
                 GError                 **error)
{
  g_autofree char *body = NULL;

  switch (GPOINTER_TO_INT (user_data))
    {
    case RENDER_FAILS:
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "no font for the page");
      return NULL;
    case RENDER_NOT_A_PDF:
      return g_bytes_new_static ("<html>", 6);
    default:
      body = g_strdup_printf ("P\xc3\xa4\xc3\xa4t\xc3\xb6s Nro %d/%d", document->register_number,
                              document->register_year);
      return test_pdf (body);
    }
}

/* The PDF stored with `document` prints the number it is kept under. */
static void
assert_prints_its_number (const KhIssuedDocument *document)
{
  g_autofree char *expected = g_strdup_printf ("Nro %d/%d", document->register_number,
                                               document->register_year);
  g_autofree char *text = g_strndup (g_bytes_get_data (document->pdf, NULL), g_bytes_get_size (document->pdf));

  g_assert_cmpint (document->register_number, >, 0);
  g_assert_nonnull (strstr (text, expected));
}

static gpointer
issue_decisions (gpointer data)
{
  Issuer *issuer = data;

  for (guint i = 0; i < issuer->n; i++)
    {
      g_autoptr(KhIssuedDocument) d = issuer->decision_id != 0
                                      ? new_commitment (issuer->client_id, issuer->decision_id)
                                      : new_document (issuer->client_id, 0, KH_DOCUMENT_DECISION, "fi", "Päätös");
      g_autoptr(GError) error = NULL;

      if (issuer->rendered)
        {
          g_assert_cmpint (kh_db_issue_document_rendered (issuer->db, issuer->user, d, render_decision,
                                                          GINT_TO_POINTER (RENDER_NUMBERED), &error), >, 0);
          g_assert_no_error (error);
          assert_prints_its_number (d);
        }
      else
        {
          g_assert_cmpint (kh_db_issue_document (issuer->db, issuer->user, d, &error), >, 0);
          g_assert_no_error (error);
        }
      g_array_append_val (issuer->numbers, d->register_number);
    }
  return NULL;
}

static int
compare_ints (gconstpointer a,
              gconstpointer b)
{
  return *(const int *) a - *(const int *) b;
}

/* Two desks issue decisions at the same time, each on its own
 * connection, one rendering its PDFs with the number the store holds for
 * it: every number of the year once, without gaps, and each rendered
 * decision prints the number it is kept under. */
/* A decision of `client_id` that grants, issued by `user`. */
static gint64
issue_granting_decision (Fixture *f,
                         KhUser  *user,
                         gint64   client_id)
{
  g_autoptr(KhIssuedDocument) d = new_document (client_id, 0, KH_DOCUMENT_DECISION, "fi",
                                                "Päätös täydentävästä toimeentulotuesta");

  d->grants = TRUE;
  return issue (f, user, d);
}

static void
register_concurrent (Fixture  *f,
                     gboolean  commitments)
{
  People p = { 0 };
  Issuer issuers[2] = { 0 };
  GThread *threads[2];
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(KhDb) second = NULL;
  g_autoptr(GError) error = NULL;
  const guint n = 12;

  people_set_up (f, &p);
  /* On SQLite, a second connection to the file. */
  if (f->pg_dbname == NULL)
    {
      second = kh_db_open (f->path, &error);
      g_assert_no_error (error);
    }
  issuers[0].db = fixture_db (f, p.sw);
  issuers[0].user = p.sw;
  issuers[1].db = second != NULL ? second : fixture_db (f, p.lead);
  issuers[1].user = p.lead;
  for (guint i = 0; i < 2; i++)
    {
      issuers[i].client_id = i == 0 ? p.client_id : p.other_client_id;
      if (commitments)
        issuers[i].decision_id = issue_granting_decision (f, issuers[i].user, issuers[i].client_id);
      issuers[i].n = n;
      issuers[i].numbers = g_array_new (FALSE, FALSE, sizeof (int));
      issuers[i].rendered = i == 1;
    }
  for (guint i = 0; i < 2; i++)
    threads[i] = g_thread_new ("issuer", issue_decisions, &issuers[i]);
  for (guint i = 0; i < 2; i++)
    {
      g_thread_join (threads[i]);
      g_array_append_vals (all, issuers[i].numbers->data, issuers[i].numbers->len);
      g_array_unref (issuers[i].numbers);
    }
  g_array_sort (all, compare_ints);
  g_assert_cmpuint (all->len, ==, 2 * n);
  for (guint i = 0; i < all->len; i++)
    g_assert_cmpint (g_array_index (all, int, i), ==, i + 1);
  {
    g_autofree char *sql = g_strdup_printf (commitments
                                            ? "SELECT count(DISTINCT commitment_number) FROM documents "
                                              "WHERE commitment_year = %d AND kind = 4"
                                            : "SELECT count(DISTINCT register_number) FROM documents "
                                              "WHERE register_year = %d", this_year ());
    g_assert_cmpint (count (f, sql), ==, 2 * n);
  }
  people_clear (&p);
}

static void
test_register_concurrent (Fixture       *f,
                          gconstpointer  data)
{
  register_concurrent (f, FALSE);
}

/* Issue 8, 3: two desks issue payment commitments at once: their own
 * series, every number of the year once, without gaps (the two granting
 * decisions took 1 and 2 of the decision register, not of this one). */
static void
test_commitment_concurrent (Fixture       *f,
                            gconstpointer  data)
{
  register_concurrent (f, TRUE);
}

/* A payment commitment rests on a granting decision of the same person,
 * takes the next number of its own series in the year, prints the
 * number it is kept under, opens with it, and the timeline lists it with
 * it; the decision register goes on apart. */
static void
test_commitment_numbering (Fixture       *f,
                           gconstpointer  data)
{
  People p = { 0 };
  g_autoptr(KhIssuedDocument) opened = NULL;
  g_autoptr(KhIssuedDocument) next_decision = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  gint64 decision_id, last_id = 0;
  RawDb *raw;
  int last_year = this_year () - 1;

  people_set_up (f, &p);
  decision_id = issue_granting_decision (f, p.sw, p.client_id);
  for (int expected = 1; expected <= 3; expected++)
    {
      g_autoptr(KhIssuedDocument) c = new_commitment (p.client_id, decision_id);
      KhUser *user = expected == 2 ? p.lead : p.sw;

      g_clear_pointer (&c->pdf, g_bytes_unref);
      last_id = kh_db_issue_document_rendered (fixture_db (f, user), user, c, render_decision,
                                               GINT_TO_POINTER (RENDER_NUMBERED), &error);
      g_assert_no_error (error);
      g_assert_cmpint (last_id, >, 0);
      g_assert_cmpint (c->register_number, ==, expected);
      g_assert_cmpint (c->register_year, ==, this_year ());
      assert_prints_its_number (c);
    }
  /* Last year's series does not continue into this year's. */
  raw = raw_connect (f);
  for (int number = 1; number <= 5; number++)
    {
      g_autofree char *sql = g_strdup_printf (
        "INSERT INTO documents (client_id, kind, language, title, issued_at, issued_by, sent_on, delivery, "
        "pdf, sha256, decision_id, commitment_year, commitment_number, payee, max_cents, valid_from, "
        "valid_until) SELECT client_id, 4, 'fi', 'Maksusitoumus', 0, issued_by, sent_on, delivery, pdf, "
        "sha256, decision_id, %d, %d, payee, max_cents, valid_from, valid_until FROM documents "
        "WHERE id = %" G_GINT64_FORMAT, last_year, number, last_id);
      raw_run (raw, sql);
    }
  raw_close (raw);
  {
    g_autoptr(KhIssuedDocument) c = new_commitment (p.client_id, decision_id);

    issue (f, p.sw, c);
    g_assert_cmpint (c->register_number, ==, 4);
  }
  /* The decision register is the decisions' alone: the next is 2. */
  next_decision = new_document (p.client_id, 0, KH_DOCUMENT_DECISION, "fi", "Päätös");
  issue (f, p.lead, next_decision);
  g_assert_cmpint (next_decision->register_number, ==, 2);

  opened = kh_db_get_document_pdf (fixture_db (f, p.sw), p.sw, last_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (opened->kind, ==, KH_DOCUMENT_PAYMENT_COMMITMENT);
  g_assert_cmpint (opened->register_number, ==, 3);
  g_assert_cmpint (opened->register_year, ==, this_year ());
  assert_prints_its_number (opened);

  entries = kh_db_list_client_timeline (fixture_db (f, p.sw), p.sw, p.client_id, 50, &error);
  g_assert_no_error (error);
  {
    guint commitments = 0, granting = 0;

    for (guint i = 0; i < entries->len; i++)
      {
        KhTimelineEntry *e = ENTRY (entries, i);

        if (e->kind != KH_TIMELINE_DOCUMENT)
          continue;
        if (e->n1 == KH_DOCUMENT_PAYMENT_COMMITMENT && e->n3 == this_year ())
          {
            commitments++;
            g_assert_cmpint (e->n2, >=, 1);
            g_assert_cmpint (e->n2, <=, 4);
            g_assert_false (e->flag);
          }
        if (e->n1 == KH_DOCUMENT_DECISION && e->flag)
          {
            granting++;
            g_assert_cmpint (e->id, ==, decision_id);
          }
      }
    g_assert_cmpuint (commitments, ==, 4);
    g_assert_cmpuint (granting, ==, 1);
  }
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM documents WHERE kind = 4 AND "
                                            "commitment_year = %d AND register_number IS NULL "
                                            "AND decision_id = %" G_GINT64_FORMAT, this_year (), decision_id);
    g_assert_cmpint (count (f, sql), ==, 4);
  }
  people_clear (&p);
}

/* The store refuses a commitment without its decision or terms, or on a
 * decision that is not one of the same person that grants; the databases
 * refuse below the store a commitment without a number, a letter with
 * one, a wrong decision link, a gap, and any change of an issued one. */
static void
test_commitment_refused (Fixture       *f,
                         gconstpointer  data)
{
  People p = { 0 };
  g_autoptr(KhIssuedDocument) letter = NULL;
  g_autoptr(KhIssuedDocument) refusing = NULL;
  g_autoptr(KhIssuedDocument) commitment = NULL;
  g_autoptr(GError) error = NULL;
  gint64 decision_id, other_decision_id;
  RawDb *raw;
  enum { NO_DECISION, NO_PAYEE, ZERO, TOO_MUCH, UNTIL_BEFORE, OVER_A_YEAR, OTHER_PERSON,
         NOT_GRANTING, A_LETTER, LETTER_WITH_TERMS, N_CASES };

  people_set_up (f, &p);
  decision_id = issue_granting_decision (f, p.sw, p.client_id);
  other_decision_id = issue_granting_decision (f, p.sw, p.other_client_id);
  refusing = new_document (p.client_id, 0, KH_DOCUMENT_DECISION, "fi", "Päätös");
  issue (f, p.sw, refusing);
  letter = new_document (p.client_id, 0, KH_DOCUMENT_INVITATION, "fi", "Kutsu");
  issue (f, p.sw, letter);

  for (int i = 0; i < N_CASES; i++)
    {
      g_autoptr(KhIssuedDocument) d = new_commitment (p.client_id, decision_id);

      switch (i)
        {
        case NO_DECISION: d->decision_id = 0; break;
        case NO_PAYEE: g_clear_pointer (&d->payee, g_free); break;
        case ZERO: d->max_cents = 0; break;
        case TOO_MUCH: d->max_cents = 10000001; break;
        case UNTIL_BEFORE: g_date_set_dmy (&d->valid_until, 6, G_DATE_DECEMBER, 2026); break;
        case OVER_A_YEAR: g_date_set_dmy (&d->valid_until, 7, G_DATE_DECEMBER, 2027); break;
        case OTHER_PERSON: d->decision_id = other_decision_id; break;
        case NOT_GRANTING: d->decision_id = refusing->id; break;
        case A_LETTER: d->decision_id = letter->id; break;
        case LETTER_WITH_TERMS: d->kind = KH_DOCUMENT_INVITATION; break;
        default: g_assert_not_reached ();
        }
      g_test_message ("case %d", i);
      g_assert_cmpint (kh_db_issue_document (fixture_db (f, p.sw), p.sw, d, &error), ==, 0);
      g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
      g_clear_error (&error);
    }
  g_assert_cmpint (count (f, "SELECT count(*) FROM documents WHERE kind = 4"), ==, 0);

  commitment = new_commitment (p.client_id, decision_id);
  issue (f, p.sw, commitment);
  g_assert_cmpint (commitment->register_number, ==, 1);

  raw = raw_connect (f);
  {
    const char *shapes[] = {
      /* without a number */
      "INSERT INTO documents (client_id, kind, language, title, issued_at, issued_by, sent_on, delivery, "
      "pdf, sha256, decision_id, payee, max_cents, valid_from, valid_until) SELECT client_id, 4, 'fi', 'X', "
      "0, issued_by, sent_on, delivery, pdf, sha256, decision_id, payee, max_cents, valid_from, valid_until "
      "FROM documents WHERE id = {C}",
      /* a number with a gap */
      "INSERT INTO documents (client_id, kind, language, title, issued_at, issued_by, sent_on, delivery, "
      "pdf, sha256, decision_id, commitment_year, commitment_number, payee, max_cents, valid_from, "
      "valid_until) SELECT client_id, 4, 'fi', 'X', 0, issued_by, sent_on, delivery, pdf, sha256, "
      "decision_id, commitment_year, 3, payee, max_cents, valid_from, valid_until "
      "FROM documents WHERE id = {C}",
      /* the same number again */
      "INSERT INTO documents (client_id, kind, language, title, issued_at, issued_by, sent_on, delivery, "
      "pdf, sha256, decision_id, commitment_year, commitment_number, payee, max_cents, valid_from, "
      "valid_until) SELECT client_id, 4, 'fi', 'X', 0, issued_by, sent_on, delivery, pdf, sha256, "
      "decision_id, commitment_year, 1, payee, max_cents, valid_from, valid_until "
      "FROM documents WHERE id = {C}",
      /* resting on the letter */
      "INSERT INTO documents (client_id, kind, language, title, issued_at, issued_by, sent_on, delivery, "
      "pdf, sha256, decision_id, commitment_year, commitment_number, payee, max_cents, valid_from, "
      "valid_until) SELECT client_id, 4, 'fi', 'X', 0, issued_by, sent_on, delivery, pdf, sha256, "
      "{L}, commitment_year, 2, payee, max_cents, valid_from, valid_until "
      "FROM documents WHERE id = {C}",
      /* resting on another person's decision */
      "INSERT INTO documents (client_id, kind, language, title, issued_at, issued_by, sent_on, delivery, "
      "pdf, sha256, decision_id, commitment_year, commitment_number, payee, max_cents, valid_from, "
      "valid_until) SELECT client_id, 4, 'fi', 'X', 0, issued_by, sent_on, delivery, pdf, sha256, "
      "{O}, commitment_year, 2, payee, max_cents, valid_from, valid_until "
      "FROM documents WHERE id = {C}",
      /* resting on a decision that refuses */
      "INSERT INTO documents (client_id, kind, language, title, issued_at, issued_by, sent_on, delivery, "
      "pdf, sha256, decision_id, commitment_year, commitment_number, payee, max_cents, valid_from, "
      "valid_until) SELECT client_id, 4, 'fi', 'X', 0, issued_by, sent_on, delivery, pdf, sha256, "
      "{R}, commitment_year, 2, payee, max_cents, valid_from, valid_until "
      "FROM documents WHERE id = {C}",
      /* a letter with a commitment's number */
      "INSERT INTO documents (client_id, kind, language, title, issued_at, issued_by, sent_on, delivery, "
      "pdf, sha256, commitment_year, commitment_number) SELECT client_id, 1, 'fi', 'X', 0, issued_by, "
      "sent_on, delivery, pdf, sha256, commitment_year, 2 FROM documents WHERE id = {C}",
      /* nothing paid */
      "INSERT INTO documents (client_id, kind, language, title, issued_at, issued_by, sent_on, delivery, "
      "pdf, sha256, decision_id, commitment_year, commitment_number, payee, max_cents, valid_from, "
      "valid_until) SELECT client_id, 4, 'fi', 'X', 0, issued_by, sent_on, delivery, pdf, sha256, "
      "decision_id, commitment_year, 2, payee, 0, valid_from, valid_until "
      "FROM documents WHERE id = {C}",
      /* valid for more than a year */
      "INSERT INTO documents (client_id, kind, language, title, issued_at, issued_by, sent_on, delivery, "
      "pdf, sha256, decision_id, commitment_year, commitment_number, payee, max_cents, valid_from, "
      "valid_until) SELECT client_id, 4, 'fi', 'X', 0, issued_by, sent_on, delivery, pdf, sha256, "
      "decision_id, commitment_year, 2, payee, max_cents, valid_from, '2027-12-07' "
      "FROM documents WHERE id = {C}",
      /* changed once issued */
      "UPDATE documents SET max_cents = 999999 WHERE id = {C}",
      "UPDATE documents SET commitment_number = 7 WHERE id = {C}",
      "DELETE FROM documents WHERE id = {C}",
    };

    for (gsize i = 0; i < G_N_ELEMENTS (shapes); i++)
      {
        g_autoptr(GString) sql = g_string_new (shapes[i]);
        const struct { const char *mark; gint64 id; } ids[] = {
          { "{C}", commitment->id }, { "{L}", letter->id }, { "{O}", other_decision_id }, { "{R}", refusing->id },
        };

        for (gsize k = 0; k < G_N_ELEMENTS (ids); k++)
          {
            g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, ids[k].id);

            g_string_replace (sql, ids[k].mark, id, 0);
          }

        g_test_message ("%s", sql->str);
        g_assert_true (raw_refuses (raw, sql->str));
      }
  }
  raw_close (raw);
  g_assert_cmpint (count (f, "SELECT count(*) FROM documents WHERE kind = 4"), ==, 1);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM documents WHERE id = %" G_GINT64_FORMAT
                                            " AND max_cents = 123450 AND commitment_number = 1"
                                            " AND payee = 'Apteekki Äijälä' AND valid_from = '2026-12-07'"
                                            " AND valid_until = '2027-01-06'", commitment->id);
    g_assert_cmpint (count (f, sql), ==, 1);
  }
  people_clear (&p);
}

/* A decision rendered inside the issuing transaction prints the register
 * number it is kept under, also when it is read back; a render that fails
 * or gives no PDF issues nothing and takes no number. */
static void
test_rendered_number (Fixture       *f,
                      gconstpointer  data)
{
  People p = { 0 };
  g_autoptr(KhIssuedDocument) first = NULL;
  g_autoptr(KhIssuedDocument) second = NULL;
  g_autoptr(KhIssuedDocument) opened = NULL;
  g_autoptr(KhIssuedDocument) letter = NULL;
  g_autoptr(GError) error = NULL;
  static const RenderHow refused[] = { RENDER_FAILS, RENDER_NOT_A_PDF };

  people_set_up (f, &p);
  first = new_document (p.client_id, p.case_id, KH_DOCUMENT_DECISION, "fi", "Päätös");
  g_clear_pointer (&first->pdf, g_bytes_unref);
  g_assert_cmpint (kh_db_issue_document_rendered (fixture_db (f, p.sw), p.sw, first, render_decision,
                                                  GINT_TO_POINTER (RENDER_NUMBERED), &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (first->register_number, ==, 1);
  g_assert_cmpint (first->register_year, ==, this_year ());
  assert_prints_its_number (first);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(KhIssuedDocument) d = new_document (p.client_id, p.case_id, KH_DOCUMENT_DECISION, "fi",
                                                    "Päätös");

      g_assert_cmpint (kh_db_issue_document_rendered (fixture_db (f, p.lead), p.lead, d, render_decision,
                                                      GINT_TO_POINTER (refused[i]), &error), ==, 0);
      if (refused[i] == RENDER_FAILS)
        g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
      else
        g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
      g_clear_error (&error);
    }
  g_assert_cmpint (count (f, "SELECT count(*) FROM documents"), ==, 1);

  /* The next decision takes 2: nothing was used up by the refused ones. */
  second = new_document (p.client_id, p.case_id, KH_DOCUMENT_DECISION, "fi", "Päätös");
  g_assert_cmpint (kh_db_issue_document_rendered (fixture_db (f, p.lead), p.lead, second, render_decision,
                                                  GINT_TO_POINTER (RENDER_NUMBERED), &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (second->register_number, ==, 2);
  assert_prints_its_number (second);
  opened = kh_db_get_document_pdf (fixture_db (f, p.sw), p.sw, second->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (opened->register_number, ==, 2);
  assert_prints_its_number (opened);

  /* A letter has no number: the renderer is told 0. */
  letter = new_document (p.client_id, p.case_id, KH_DOCUMENT_INVITATION, "fi", "Kutsu");
  g_assert_cmpint (kh_db_issue_document_rendered (fixture_db (f, p.cou), p.cou, letter, render_decision,
                                                  GINT_TO_POINTER (RENDER_NUMBERED), &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (letter->register_number, ==, 0);
  people_clear (&p);
}

/* A new year's register starts from 1: last year's decisions, written
 * beside the store with the numbers they had, do not continue into it. */
static void
test_register_per_year (Fixture       *f,
                        gconstpointer  data)
{
  People p = { 0 };
  g_autoptr(KhIssuedDocument) first = NULL;
  g_autoptr(KhIssuedDocument) next = NULL;
  RawDb *raw;
  int last_year;

  people_set_up (f, &p);
  first = new_document (p.client_id, p.case_id, KH_DOCUMENT_DECISION, "fi", "Päätös");
  issue (f, p.sw, first);
  g_assert_cmpint (first->register_number, ==, 1);

  last_year = this_year () - 1;
  raw = raw_connect (f);
  for (int number = 1; number <= 3; number++)
    {
      g_autofree char *sql = g_strdup_printf (
        "INSERT INTO documents (client_id, kind, language, title, register_year, register_number, issued_at, "
        "issued_by, sent_on, delivery, pdf, sha256, grants) SELECT client_id, 5, 'fi', 'Viime vuonna', %d, %d, "
        "0, issued_by, sent_on, delivery, pdf, sha256, grants FROM documents WHERE id = %" G_GINT64_FORMAT,
        last_year, number, first->id);
      raw_run (raw, sql);
    }
  raw_close (raw);

  next = new_document (p.other_client_id, 0, KH_DOCUMENT_DECISION, "fi", "Päätös");
  issue (f, p.lead, next);
  g_assert_cmpint (next->register_year, ==, this_year ());
  g_assert_cmpint (next->register_number, ==, 2);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT max (register_number) FROM documents "
                                            "WHERE register_year = %d", last_year);
    g_assert_cmpint (count (f, sql), ==, 3);
  }
  people_clear (&p);
}

/* Issue 9, 6: a client plan given to a partner agency names the agency's
 * entry in the person's network and the client's consent in force on the
 * sending day (7.12.2026) to giving it the plan; the databases refuse
 * every other (0037 / pg 0033), below the store's own check. */
static KhNetworkConsent *
consent (Fixture         *f,
         People          *p,
         KhNetworkMember *member,
         KhConsentScope   scope,
         int              expires_day)    /* in December 2026, 0: none */
{
  g_autoptr(KhNetworkConsent) c = kh_network_consent_new ();
  g_autoptr(GError) error = NULL;
  KhNetworkConsent *stored;

  c->member_id = member->id;
  c->scope = scope;
  g_date_set_dmy (&c->given_on, 1, G_DATE_NOVEMBER, 2026);
  if (expires_day > 0)
    g_date_set_dmy (&c->expires_on, expires_day, G_DATE_DECEMBER, 2026);
  stored = kh_db_record_network_consent (fixture_db (f, p->sw), p->sw, p->client_id, c, &error);
  g_assert_no_error (error);
  return stored;
}

static void
test_plan_disclosure (Fixture       *f,
                      gconstpointer  data)
{
  People p = { 0 };
  g_autoptr(KhNetworkMember) kela_new = kh_network_member_new (KH_NETWORK_AGENCY);
  g_autoptr(KhNetworkMember) friend_new = kh_network_member_new (KH_NETWORK_PERSON);
  g_autoptr(KhNetworkMember) kela = NULL;
  g_autoptr(KhNetworkMember) friend = NULL;
  g_autoptr(KhNetworkConsent) to_plan = NULL;
  g_autoptr(KhNetworkConsent) to_contact = NULL;
  g_autoptr(KhNetworkConsent) friends = NULL;
  g_autoptr(KhNetworkConsent) ended = NULL;
  g_autoptr(KhNetworkConsent) withdrawn = NULL;
  g_autoptr(KhIssuedDocument) given = NULL;
  g_autoptr(GError) error = NULL;
  GDate day;

  people_set_up (f, &p);
  kela_new->client_id = p.client_id;
  kela_new->service_id = 1;          /* Kela, in the directory every unit starts with */
  kela_new->sector = KH_SECTOR_BENEFITS;
  kela_new->distance = KH_DISTANCE_FAR;
  kela_new->tie = KH_TIE_ORDINARY;
  kela = kh_db_add_network_member (fixture_db (f, p.sw), p.sw, kela_new, &error);
  g_assert_no_error (error);
  friend_new->client_id = p.client_id;
  friend_new->name = g_strdup ("Liisa Laine");
  friend_new->relation = KH_RELATION_FRIEND;
  friend_new->sector = KH_SECTOR_FRIENDS;
  friend_new->distance = KH_DISTANCE_MIDDLE;
  friend_new->tie = KH_TIE_STRONG;
  friend = kh_db_add_network_member (fixture_db (f, p.sw), p.sw, friend_new, &error);
  g_assert_no_error (error);

  to_plan = consent (f, &p, kela, KH_CONSENT_SHARE_PLAN | KH_CONSENT_SHARE_INFO, 31);
  to_contact = consent (f, &p, kela, KH_CONSENT_CONTACT | KH_CONSENT_SHARE_INFO, 0);
  friends = consent (f, &p, friend, KH_CONSENT_SCOPE_ALL, 0);
  ended = consent (f, &p, kela, KH_CONSENT_SHARE_PLAN, 6);

  given = new_document (p.client_id, p.case_id, KH_DOCUMENT_CLIENT_PLAN, "fi", "Asiakassuunnitelman ote: Kela");
  given->disclosed_to = kela->id;
  given->consent_id = to_plan->id;
  issue (f, p.cou, given);

  {
    static const struct {
      const char     *what;
      KhDocumentKind  kind;
      gboolean        to_friend;
      int             consent;      /* 0 to_plan, 1 to_contact, 2 friends, 3 ended */
      gboolean        other_person;
    } refused[] = {
      { "a consent to contact and information only", KH_DOCUMENT_CLIENT_PLAN, FALSE, 1, FALSE },
      { "a consent that ended the day before",       KH_DOCUMENT_CLIENT_PLAN, FALSE, 3, FALSE },
      { "a person, not a partner agency",            KH_DOCUMENT_CLIENT_PLAN, TRUE,  2, FALSE },
      { "another entry's consent",                   KH_DOCUMENT_CLIENT_PLAN, FALSE, 2, FALSE },
      { "another person's document",                 KH_DOCUMENT_CLIENT_PLAN, FALSE, 0, TRUE },
    };
    KhNetworkConsent *consents[] = { to_plan, to_contact, friends, ended };

    for (gsize i = 0; i < G_N_ELEMENTS (refused); i++)
      {
        g_autoptr(KhIssuedDocument) d = new_document (refused[i].other_person ? p.other_client_id : p.client_id,
                                                      refused[i].other_person ? 0 : p.case_id,
                                                      refused[i].kind, "fi", "Asiakassuunnitelman ote");

        d->disclosed_to = refused[i].to_friend ? friend->id : kela->id;
        d->consent_id = consents[refused[i].consent]->id;
        g_assert_cmpint (kh_db_issue_document (fixture_db (f, p.sw), p.sw, d, &error), ==, 0);
        g_assert_nonnull (error);
        g_test_message ("refused, %s: %s", refused[i].what, error->message);
        g_assert_nonnull (strstr (error->message, "partner agency"));
        g_clear_error (&error);
      }
  }

  /* Withdrawn on the sending day: no longer. */
  g_date_set_dmy (&day, 7, G_DATE_DECEMBER, 2026);
  withdrawn = kh_db_withdraw_network_consent (fixture_db (f, p.sw), p.sw, p.client_id, to_plan, &day, &error);
  g_assert_no_error (error);
  {
    g_autoptr(KhIssuedDocument) again = new_document (p.client_id, p.case_id, KH_DOCUMENT_CLIENT_PLAN, "fi",
                                                      "Asiakassuunnitelman ote: Kela");

    again->disclosed_to = kela->id;
    again->consent_id = to_plan->id;
    g_assert_cmpint (kh_db_issue_document (fixture_db (f, p.sw), p.sw, again, &error), ==, 0);
    g_assert_nonnull (error);
    g_clear_error (&error);
  }

  {
    g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM documents WHERE disclosed_to = %"
                                            G_GINT64_FORMAT " AND consent_id = %" G_GINT64_FORMAT,
                                            kela->id, to_plan->id);

    g_assert_cmpint (count (f, "SELECT count (*) FROM documents"), ==, 1);
    g_assert_cmpint (count (f, sql), ==, 1);
  }
  people_clear (&p);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  if (store_test_runs_here (path)) \
    g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/documents/issue-and-timeline", test_issue_and_timeline);
  ADD ("/store/documents/what-is-refused", test_what_is_refused);
  ADD ("/store/documents/immutable", test_immutable);
  ADD ("/store/documents/open-is-logged", test_open_is_logged);
  ADD ("/store/documents/hash-verified", test_hash_verified);
  ADD ("/store/documents/register-concurrent", test_register_concurrent);
  ADD ("/store/documents/register-per-year", test_register_per_year);
  ADD ("/store/documents/rendered-number", test_rendered_number);
  ADD ("/store/documents/commitment-numbering", test_commitment_numbering);
  ADD ("/store/documents/commitment-refused", test_commitment_refused);
  ADD ("/store/documents/commitment-concurrent", test_commitment_concurrent);
  ADD ("/store/documents/plan-disclosure", test_plan_disclosure);

  return g_test_run ();
}
