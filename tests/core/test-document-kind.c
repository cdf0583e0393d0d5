/* test-document-kind.c — kinds of issued documents, who issues which, the
 * checks before issuing and the export's file names (issue 8, 5)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/kh-document-kind.h"

static void
test_keys (void)
{
  static const struct { KhDocumentKind kind; const char *key; } rows[] = {
    { KH_DOCUMENT_INVITATION,         "invitation" },
    { KH_DOCUMENT_COULD_NOT_REACH,    "could-not-reach" },
    { KH_DOCUMENT_ASSESSMENT_SUMMARY, "assessment-summary" },
    { KH_DOCUMENT_PAYMENT_COMMITMENT, "payment-commitment" },
    { KH_DOCUMENT_DECISION,           "decision" },
    { KH_DOCUMENT_CLIENT_PLAN,        "client-plan" },
  };
  static const struct { KhDocumentDelivery delivery; const char *key; } ways[] = {
    { KH_DOCUMENT_DELIVERY_LETTER,     "letter" },
    { KH_DOCUMENT_DELIVERY_ELECTRONIC, "electronic" },
    { KH_DOCUMENT_DELIVERY_HANDED,     "handed" },
  };

  g_assert_cmpint (G_N_ELEMENTS (rows), ==, KH_DOCUMENT_KIND_LAST);
  for (gsize i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_assert_cmpint (rows[i].kind, ==, i + 1);
      g_assert_cmpstr (kh_document_kind_key (rows[i].kind), ==, rows[i].key);
      g_assert_cmpint (kh_document_kind_from_key (rows[i].key), ==, rows[i].kind);
      g_assert_nonnull (kh_document_kind_label (rows[i].kind));
    }
  g_assert_null (kh_document_kind_key (0));
  g_assert_null (kh_document_kind_key (KH_DOCUMENT_KIND_LAST + 1));
  g_assert_cmpint (kh_document_kind_from_key ("letter"), ==, 0);
  for (gsize i = 0; i < G_N_ELEMENTS (ways); i++)
    {
      g_assert_cmpint (ways[i].delivery, ==, i + 1);
      g_assert_cmpstr (kh_document_delivery_key (ways[i].delivery), ==, ways[i].key);
      g_assert_cmpint (kh_document_delivery_from_key (ways[i].key), ==, ways[i].delivery);
    }
  g_assert_cmpint (kh_document_delivery_from_key ("fax"), ==, 0);
}

static void
test_who_issues (void)
{
  /* Columns: reception, counsellor, social worker, lead, administrator. */
  static const struct { KhDocumentKind kind; gboolean may[5]; } rows[] = {
    { KH_DOCUMENT_INVITATION,         { FALSE, TRUE,  TRUE, TRUE, FALSE } },
    { KH_DOCUMENT_COULD_NOT_REACH,    { FALSE, TRUE,  TRUE, TRUE, FALSE } },
    { KH_DOCUMENT_ASSESSMENT_SUMMARY, { FALSE, TRUE,  TRUE, TRUE, FALSE } },
    { KH_DOCUMENT_PAYMENT_COMMITMENT, { FALSE, FALSE, TRUE, TRUE, FALSE } },
    { KH_DOCUMENT_DECISION,           { FALSE, FALSE, TRUE, TRUE, FALSE } },
    { KH_DOCUMENT_CLIENT_PLAN,        { FALSE, TRUE,  TRUE, TRUE, FALSE } },
    { 0,                              { FALSE, FALSE, FALSE, FALSE, FALSE } },
    { 7,                              { FALSE, FALSE, FALSE, FALSE, FALSE } },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (rows); i++)
    for (KhRole role = KH_ROLE_RECEPTION; role <= KH_ROLE_ADMIN; role++)
      {
        g_test_message ("kind %d, role %d", rows[i].kind, role);
        g_assert_cmpint (kh_document_may_issue (role, rows[i].kind), ==, rows[i].may[role - 1]);
      }
}

static KhIssuedDocument *
valid_document (void)
{
  KhIssuedDocument *d = kh_issued_document_new ();
  static const char pdf[] = "%PDF-1.5\n%\xe2\xe3\xcf\xd3\n";

  d->kind = KH_DOCUMENT_DECISION;
  d->language = g_strdup ("sv");
  d->title = g_strdup ("Beslut om kompletterande utkomststöd");
  g_date_set_dmy (&d->sent_on, 7, G_DATE_DECEMBER, 2026);
  d->delivery = KH_DOCUMENT_DELIVERY_LETTER;
  d->pdf = g_bytes_new_static (pdf, sizeof pdf - 1);
  return d;
}

static void
test_check (void)
{
  static const struct { const char *what; const char *field; const char *value; } bad[] = {
    { "no kind",             "kind",     "0" },
    { "an unknown kind",     "kind",     "9" },
    { "English",             "language", "en" },
    { "no language",         "language", NULL },
    { "no title",            "title",    NULL },
    { "a blank title",       "title",    "  \t " },
    { "an invisible char",   "title",    "P\u00e4\u00e4t\u200b\u00f6s" },
    { "a title of 201",      "title",    "long" },
    { "no sending date",     "sent_on",  NULL },
    { "no delivery",         "delivery", "0" },
    { "no PDF",              "pdf",      NULL },
    { "an empty PDF",        "pdf",      "" },
    { "not a PDF",           "pdf",      "<html>" },
    { "the magic alone",     "pdf",      "%PDF" },
    /* Issue 8, 3: only a decision grants, only a commitment has terms. */
    { "a letter that grants", "grants",  "1" },
    { "a decision with a payee", "payee", "Apteekki" },
    { "a decision resting on one", "decision_id", "7" },
    /* Issue 9, 6: only a client plan is given to a partner agency, and
     * then with the consent it rests on. */
    { "a decision given to an agency", "disclosed_to", "decision" },
    { "a plan given without a consent", "disclosed_to", "no consent" },
    { "a consent without an agency", "consent_id", "5" },
    /* Issue 8, 6: only an invitation names the meeting it invites to. */
    { "a decision naming a meeting", "appointment_id", "9" },
  };
  g_autoptr(KhIssuedDocument) ok = valid_document ();
  g_autoptr(GError) error = NULL;

  g_assert_true (kh_issued_document_check (ok, &error));
  g_assert_no_error (error);
  {
    g_autoptr(KhIssuedDocument) invitation = valid_document ();

    invitation->kind = KH_DOCUMENT_INVITATION;
    invitation->appointment_id = 9;
    invitation->appointment_revision = 2;
    g_assert_true (kh_issued_document_check (invitation, &error));
    g_assert_no_error (error);
  }

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(KhIssuedDocument) d = valid_document ();

      g_test_message ("%s", bad[i].what);
      if (g_str_equal (bad[i].field, "kind"))
        d->kind = atoi (bad[i].value);
      else if (g_str_equal (bad[i].field, "language"))
        {
          g_free (d->language);
          d->language = g_strdup (bad[i].value);
        }
      else if (g_str_equal (bad[i].field, "title"))
        {
          g_free (d->title);
          d->title = g_strcmp0 (bad[i].value, "long") == 0 ? g_strnfill (KH_DOCUMENT_TITLE_MAX + 1, 'a')
                                                           : g_strdup (bad[i].value);
        }
      else if (g_str_equal (bad[i].field, "sent_on"))
        g_date_clear (&d->sent_on, 1);
      else if (g_str_equal (bad[i].field, "delivery"))
        d->delivery = atoi (bad[i].value);
      else if (g_str_equal (bad[i].field, "grants"))
        {
          d->kind = KH_DOCUMENT_INVITATION;
          d->grants = TRUE;
        }
      else if (g_str_equal (bad[i].field, "payee"))
        d->payee = g_strdup (bad[i].value);
      else if (g_str_equal (bad[i].field, "decision_id"))
        d->decision_id = atoi (bad[i].value);
      else if (g_str_equal (bad[i].field, "disclosed_to"))
        {
          d->disclosed_to = 4;
          if (g_str_equal (bad[i].value, "decision"))
            d->consent_id = 5;
          else
            d->kind = KH_DOCUMENT_CLIENT_PLAN;
        }
      else if (g_str_equal (bad[i].field, "appointment_id"))
        d->appointment_id = atoi (bad[i].value);
      else if (g_str_equal (bad[i].field, "consent_id"))
        {
          d->kind = KH_DOCUMENT_CLIENT_PLAN;
          d->consent_id = atoi (bad[i].value);
        }
      else
        {
          g_clear_pointer (&d->pdf, g_bytes_unref);
          if (bad[i].value != NULL)
            d->pdf = g_bytes_new (bad[i].value, strlen (bad[i].value));
        }
      g_assert_false (kh_issued_document_check (d, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      g_clear_error (&error);
    }
  /* A client plan given to a partner agency with the consent. */
  {
    g_autoptr(KhIssuedDocument) plan = valid_document ();

    plan->kind = KH_DOCUMENT_CLIENT_PLAN;
    plan->disclosed_to = 4;
    plan->consent_id = 5;
    g_assert_true (kh_issued_document_check (plan, &error));
    g_assert_no_error (error);
  }
  /* The longest title passes. */
  g_free (ok->title);
  ok->title = g_strnfill (KH_DOCUMENT_TITLE_MAX, 'a');
  g_assert_true (kh_issued_document_check (ok, &error));
}

static void
test_sha256_and_file_names (void)
{
  g_autoptr(GBytes) pdf = g_bytes_new_static ("%PDF-1.5\n", 9);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autofree char *hash = kh_document_sha256 (pdf);
  g_autofree char *none = kh_document_sha256 (empty);
  static const struct { KhDocumentKind kind; gint64 id; int year, number; const char *name; } rows[] = {
    { KH_DOCUMENT_DECISION,   41, 2026,   123, "decision-2026-0123.pdf" },
    { KH_DOCUMENT_DECISION,   42, 2027,     1, "decision-2027-0001.pdf" },
    { KH_DOCUMENT_DECISION,   43, 2027, 12345, "decision-2027-12345.pdf" },
    { KH_DOCUMENT_INVITATION, 44,    0,     0, "document-44.pdf" },
    { KH_DOCUMENT_PAYMENT_COMMITMENT, 1045, 0, 0, "document-1045.pdf" },
    { KH_DOCUMENT_PAYMENT_COMMITMENT, 1046, 2026, 4, "payment-commitment-2026-0004.pdf" },
  };

  /* printf '%%PDF-1.5\n' | sha256sum */
  g_assert_cmpstr (hash, ==, "e23884fcce655e4bcb57f653dd754ece889446e062f6d54bcf0b4df410c24016");
  g_assert_cmpstr (none, ==, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  for (gsize i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(KhIssuedDocument) d = kh_issued_document_new ();
      g_autofree char *name = NULL;

      d->kind = rows[i].kind;
      d->id = rows[i].id;
      d->register_year = rows[i].year;
      d->register_number = rows[i].number;
      name = kh_issued_document_file_name (d);
      g_assert_cmpstr (name, ==, rows[i].name);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/document-kind/keys", test_keys);
  g_test_add_func ("/document-kind/who-issues", test_who_issues);
  g_test_add_func ("/document-kind/check", test_check);
  g_test_add_func ("/document-kind/sha256-and-file-names", test_sha256_and_file_names);

  return g_test_run ();
}
