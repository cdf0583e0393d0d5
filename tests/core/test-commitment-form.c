/* test-commitment-form.c — the payment commitment form's state, without widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The form's defaults (a month from today); what is wrong at which field,
 * while typing and before issuing, in a table with the expected messages
 * written out (the UI language is English here: LC_ALL=C.UTF-8); the
 * store's rule for the terms (kh_commitment_terms_check) in a table; the
 * decision as the commitment names it; the
 * contact's title following the language; and the document the store
 * keeps. Fictional people and unit.
 */
#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "core/kh-commitment-form.h"

#include "form-test-util.h"

static KhCommitmentForm *
new_form (guint d,
          guint m,
          guint y)
{
  GDate today;

  set_date (&today, d, m, y);
  return kh_commitment_form_new (&today);
}

/* A form that can be issued. */
static KhCommitmentForm *
complete_form (void)
{
  KhCommitmentForm *f = new_form (7, 12, 2026);
  GDate decided;

  set_date (&decided, 4, 12, 2026);
  kh_commitment_form_set_decision (f, 41, 12, 2026, &decided, 7);
  f->payee_name = g_strdup ("Apteekki Äijälä");
  f->payee_address = g_strdup ("Kauppakatu 1\n90100 Oulu");
  f->covers = g_strdup ("Lääkemääräyksen mukaiset lääkkeet");
  f->amount = g_strdup ("1 234,50");
  f->invoice_address = g_strdup ("verkkolaskuosoite 003712345678");
  f->maker_id = 3;
  f->contact_name = g_strdup ("Eero Esimerkki");
  f->contact_phone = g_strdup ("08 555 0101");
  return f;
}

static void
test_defaults (void)
{
  static const struct { guint d, m, y; const char *from, *until; } rows[] = {
    {  7, 12, 2026, "7.12.2026", "6.1.2027" },
    {  1,  2, 2026, "1.2.2026",  "28.2.2026" },
    { 15,  6, 2027, "15.6.2027", "14.7.2027" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(KhCommitmentForm) f = new_form (rows[i].d, rows[i].m, rows[i].y);

      g_assert_cmpstr (f->valid_from, ==, rows[i].from);
      g_assert_cmpstr (f->valid_until, ==, rows[i].until);
      g_assert_cmpstr (f->language, ==, "fi");
      g_assert_cmpint (f->delivery, ==, KH_DOCUMENT_DELIVERY_LETTER);
      g_assert_false (f->payee_needs_code);
      g_assert_cmpint (f->decision_id, ==, 0);
    }
}

typedef enum {
  EDIT_NONE,
  EDIT_AMOUNT,
  EDIT_FROM,
  EDIT_UNTIL,
  EDIT_PAYEE,
  EDIT_PAYEE_ADDRESS,
  EDIT_COVERS,
  EDIT_INVOICE,
  EDIT_MAKER,
  EDIT_CONTACT_PHONE,
  EDIT_DECISION,
} Edit;

static void
apply_edit (KhCommitmentForm *f,
            Edit              edit,
            const char       *value)
{
  char **field = NULL;

  switch (edit)
    {
    case EDIT_NONE: return;
    case EDIT_AMOUNT: field = &f->amount; break;
    case EDIT_FROM: field = &f->valid_from; break;
    case EDIT_UNTIL: field = &f->valid_until; break;
    case EDIT_PAYEE: field = &f->payee_name; break;
    case EDIT_PAYEE_ADDRESS: field = &f->payee_address; break;
    case EDIT_COVERS: field = &f->covers; break;
    case EDIT_INVOICE: field = &f->invoice_address; break;
    case EDIT_CONTACT_PHONE: field = &f->contact_phone; break;
    case EDIT_MAKER:
      f->maker_id = value != NULL ? (guint) atoi (value) : 0;
      return;
    case EDIT_DECISION:
      kh_commitment_form_set_decision (f, 0, 0, 0, NULL, 0);
      return;
    default:
      g_assert_not_reached ();
    }
  g_free (*field);
  *field = g_strdup (value);
}

static void
test_check (void)
{
  static const struct {
    const char        *what;
    Edit               edit;
    const char        *value;
    gboolean           complete;
    KhCommitmentField  field;      /* KH_COMMITMENT_N_FIELDS: nothing wrong */
    const char        *message;
  } rows[] = {
    { "complete", EDIT_NONE, NULL, TRUE, KH_COMMITMENT_N_FIELDS, NULL },
    { "typing: nothing yet", EDIT_PAYEE, NULL, FALSE, KH_COMMITMENT_N_FIELDS, NULL },
    { "amount not one", EDIT_AMOUNT, "12,345", FALSE, KH_COMMITMENT_FIELD_AMOUNT,
      "An amount has at most two decimals (cents)" },
    { "amount zero", EDIT_AMOUNT, "0,00", FALSE, KH_COMMITMENT_FIELD_AMOUNT,
      "The amount must be greater than zero" },
    { "amount over the most", EDIT_AMOUNT, "100 000,01", FALSE, KH_COMMITMENT_FIELD_AMOUNT,
      "A payment commitment is for at most 100 000,00 €" },
    { "amount the most", EDIT_AMOUNT, "100 000,00", TRUE, KH_COMMITMENT_N_FIELDS, NULL },
    { "amount missing", EDIT_AMOUNT, NULL, TRUE, KH_COMMITMENT_FIELD_AMOUNT,
      "Enter the most we pay, e.g. 250,00" },
    { "amount missing, typing", EDIT_AMOUNT, NULL, FALSE, KH_COMMITMENT_N_FIELDS, NULL },
    { "from not a date", EDIT_FROM, "31.11.2026", FALSE, KH_COMMITMENT_FIELD_VALID_FROM,
      "Not a date: write it as 2.4.2026" },
    { "until before from", EDIT_UNTIL, "6.12.2026", FALSE, KH_COMMITMENT_FIELD_VALID_UNTIL,
      "The last day cannot be before the first day" },
    { "until the same day", EDIT_UNTIL, "7.12.2026", TRUE, KH_COMMITMENT_N_FIELDS, NULL },
    { "until a year less a day", EDIT_UNTIL, "6.12.2027", TRUE, KH_COMMITMENT_N_FIELDS, NULL },
    { "until a whole year", EDIT_UNTIL, "7.12.2027", FALSE, KH_COMMITMENT_FIELD_VALID_UNTIL,
      "A payment commitment is valid for a year at most" },
    { "until missing", EDIT_UNTIL, NULL, TRUE, KH_COMMITMENT_FIELD_VALID_UNTIL,
      "Enter the last day of validity" },
    { "from missing", EDIT_FROM, "  ", TRUE, KH_COMMITMENT_FIELD_VALID_FROM,
      "Enter the first day of validity" },
    { "payee missing", EDIT_PAYEE, NULL, TRUE, KH_COMMITMENT_FIELD_PAYEE_NAME,
      "Enter the payee: a pharmacy, a landlord or a service provider" },
    { "payee invisible", EDIT_PAYEE, "Apteekki\u200b", FALSE, KH_COMMITMENT_FIELD_PAYEE_NAME,
      "The text contains an invisible character (U+200B) after “Apteekki”; delete it or type the text again." },
    { "payee address missing", EDIT_PAYEE_ADDRESS, NULL, TRUE, KH_COMMITMENT_FIELD_PAYEE_ADDRESS,
      "Enter the payee’s postal address" },
    { "covers missing", EDIT_COVERS, NULL, TRUE, KH_COMMITMENT_FIELD_COVERS,
      "Say what the payment commitment covers" },
    { "invoice missing", EDIT_INVOICE, NULL, TRUE, KH_COMMITMENT_FIELD_INVOICE,
      "Say where the payee sends the invoice" },
    { "no maker", EDIT_MAKER, NULL, TRUE, KH_COMMITMENT_FIELD_MAKER,
      "Choose the decision maker who signs the payment commitment" },
    { "an inactive maker", EDIT_MAKER, "4", TRUE, KH_COMMITMENT_FIELD_MAKER,
      "Choose the decision maker who signs the payment commitment" },
    { "no way to reach the contact", EDIT_CONTACT_PHONE, NULL, TRUE, KH_COMMITMENT_FIELD_CONTACT,
      "Name the contact person, with a phone number or an e-mail address" },
    { "no decision", EDIT_DECISION, NULL, TRUE, KH_COMMITMENT_FIELD_DECISION,
      "A payment commitment is made from an issued decision that grants it" },
  };
  g_autoptr(KhUnitProfile) profile = new_profile ();

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(KhCommitmentForm) f = complete_form ();
      KhCommitmentFormCheck check;

      g_test_message ("%s", rows[i].what);
      if (!rows[i].complete)
        {
          /* While typing, what is missing is not said: start from empty. */
          g_clear_pointer (&f->payee_name, g_free);
          g_clear_pointer (&f->amount, g_free);
          if (rows[i].edit == EDIT_AMOUNT)
            g_clear_pointer (&f->covers, g_free);
        }
      apply_edit (f, rows[i].edit, rows[i].value);
      kh_commitment_form_check (f, profile, rows[i].complete, &check);
      for (guint j = 0; j < KH_COMMITMENT_N_FIELDS; j++)
        g_assert_cmpstr (check.messages[j], ==, j == rows[i].field ? rows[i].message : NULL);
      g_assert_cmpuint (check.n_problems, ==, rows[i].field == KH_COMMITMENT_N_FIELDS ? 0 : 1);
    }
}

/* Without the unit's letterhead: the profile row says what is missing. */
static void
test_check_profile (void)
{
  g_autoptr(KhCommitmentForm) f = complete_form ();
  g_autoptr(KhUnitProfile) empty = kh_unit_profile_new ();
  KhCommitmentFormCheck check;

  kh_commitment_form_check (f, NULL, TRUE, &check);
  g_assert_cmpstr (check.messages[KH_COMMITMENT_FIELD_PROFILE], ==,
                   "The unit’s document settings are not read yet");
  kh_commitment_form_check (f, empty, TRUE, &check);
  g_assert_nonnull (check.messages[KH_COMMITMENT_FIELD_PROFILE]);
  g_assert_nonnull (check.messages[KH_COMMITMENT_FIELD_MAKER]);
  kh_commitment_form_check (f, empty, FALSE, &check);
  g_assert_cmpuint (check.n_problems, ==, 0);
}

/* The store's rule, the same as the form's. */
static void
test_terms (void)
{
  static const struct {
    const char *payee;
    gint64      cents;
    guint       fd, fm, fy, ud, um, uy;   /* 0: no date */
    gboolean    ok;
  } rows[] = {
    { "Apteekki Äijälä", 123450, 7, 12, 2026, 31, 12, 2026, TRUE },
    { "Apteekki Äijälä", 1, 7, 12, 2026, 7, 12, 2026, TRUE },
    { "Apteekki Äijälä", 10000000, 7, 12, 2026, 6, 12, 2027, TRUE },
    { "Apteekki Äijälä", 10000001, 7, 12, 2026, 31, 12, 2026, FALSE },
    { "Apteekki Äijälä", 0, 7, 12, 2026, 31, 12, 2026, FALSE },
    { "Apteekki Äijälä", -5, 7, 12, 2026, 31, 12, 2026, FALSE },
    { "Apteekki Äijälä", 100, 7, 12, 2026, 6, 12, 2026, FALSE },
    { "Apteekki Äijälä", 100, 7, 12, 2026, 7, 12, 2027, FALSE },
    { "Apteekki Äijälä", 100, 29, 2, 2028, 27, 2, 2029, TRUE },
    { "Apteekki Äijälä", 100, 29, 2, 2028, 28, 2, 2029, FALSE },
    { "Apteekki Äijälä", 100, 0, 0, 0, 31, 12, 2026, FALSE },
    { "Apteekki Äijälä", 100, 7, 12, 2026, 0, 0, 0, FALSE },
    { "   ", 100, 7, 12, 2026, 31, 12, 2026, FALSE },
    { NULL, 100, 7, 12, 2026, 31, 12, 2026, FALSE },
    { "Apteekki\u202e", 100, 7, 12, 2026, 31, 12, 2026, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(GError) error = NULL;
      GDate from, until;
      gboolean ok;

      g_date_clear (&from, 1);
      g_date_clear (&until, 1);
      if (rows[i].fd != 0)
        set_date (&from, rows[i].fd, rows[i].fm, rows[i].fy);
      if (rows[i].ud != 0)
        set_date (&until, rows[i].ud, rows[i].um, rows[i].uy);
      g_test_message ("row %u", i);
      ok = kh_commitment_terms_check (rows[i].payee, rows[i].cents, &from, &until, &error);
      g_assert_cmpint (ok, ==, rows[i].ok);
      if (ok)
        g_assert_no_error (error);
      else
        g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
    }
}

static void
test_decision_label (void)
{
  static const struct { const char *language; gboolean dated; const char *expected; } rows[] = {
    { "fi", TRUE,  "12/2026, 4.12.2026" },
    { "sv", TRUE,  "12/2026, 4.12.2026" },
    { "fi", FALSE, "12/2026" },
    { "sv", FALSE, "12/2026" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(KhCommitmentForm) f = complete_form ();
      g_autofree char *label = NULL;
      GDate decided;

      set_date (&decided, 4, 12, 2026);
      kh_commitment_form_set_decision (f, 41, 12, 2026, rows[i].dated ? &decided : NULL, 0);
      kh_commitment_form_set_language (f, rows[i].language, NULL);
      label = kh_commitment_form_decision_label (f);
      g_assert_cmpstr (label, ==, rows[i].expected);
    }
  {
    g_autoptr(KhCommitmentForm) f = new_form (7, 12, 2026);

    g_assert_null (kh_commitment_form_decision_label (f));
  }
}

/* The contact's title follows the language until the worker types one. */
static void
test_contact (void)
{
  static const struct {
    const char *name;
    KhRole      role;
    const char *title_fi, *title_sv, *phone, *email;
  } rows[] = {
    { "Åsa Öhman", KH_ROLE_LEAD, "johtava sosiaalityöntekijä", "ledande socialarbetare",
      "08 555 0103", "asa.ohman@example.fi" },
    { "Eero Esimerkki", KH_ROLE_SOCIAL_WORKER, "sosiaalityöntekijä", "socialarbetare", "08 555 0100", NULL },
  };
  g_autoptr(KhUnitProfile) profile = new_profile ();

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(KhCommitmentForm) f = new_form (7, 12, 2026);

      kh_commitment_form_set_contact (f, rows[i].name, rows[i].role, profile);
      g_assert_cmpstr (f->contact_name, ==, rows[i].name);
      g_assert_cmpstr (f->contact_title, ==, rows[i].title_fi);
      g_assert_cmpstr (f->contact_phone, ==, rows[i].phone);
      g_assert_cmpstr (f->contact_email, ==, rows[i].email);
      kh_commitment_form_set_language (f, "sv", profile);
      g_assert_cmpstr (f->contact_title, ==, rows[i].title_sv);
      g_free (f->contact_title);
      f->contact_title = g_strdup ("handläggare");
      kh_commitment_form_set_language (f, "fi", profile);
      g_assert_cmpstr (f->contact_title, ==, "handläggare");
      g_assert_cmpstr (f->language, ==, "fi");
    }
}

static void
test_to_document (void)
{
  static const struct { const char *language, *title; } rows[] = {
    { "fi", "Maksusitoumus" },
    { "sv", "Betalningsförbindelse" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(KhCommitmentForm) f = complete_form ();
      g_autoptr(KhIssuedDocument) d = NULL;
      g_autoptr(GError) error = NULL;

      kh_commitment_form_set_language (f, rows[i].language, NULL);
      g_free (f->payee_name);
      f->payee_name = g_strdup ("  Apteekki   Äijälä ");
      f->delivery = KH_DOCUMENT_DELIVERY_ELECTRONIC;
      d = kh_commitment_form_to_document (f, 1001);
      g_assert_cmpint (d->client_id, ==, 1001);
      g_assert_cmpint (d->case_id, ==, 7);
      g_assert_cmpint (d->kind, ==, KH_DOCUMENT_PAYMENT_COMMITMENT);
      g_assert_cmpstr (d->language, ==, rows[i].language);
      g_assert_cmpstr (d->title, ==, rows[i].title);
      g_assert_cmpint (d->decision_id, ==, 41);
      g_assert_cmpstr (d->payee, ==, "Apteekki Äijälä");
      g_assert_cmpint (d->max_cents, ==, 123450);
      g_assert_cmpint (g_date_get_day (&d->valid_from), ==, 7);
      g_assert_cmpint (g_date_get_month (&d->valid_from), ==, 12);
      g_assert_cmpint (g_date_get_year (&d->valid_from), ==, 2026);
      g_assert_cmpint (g_date_get_day (&d->valid_until), ==, 6);
      g_assert_cmpint (g_date_get_month (&d->valid_until), ==, 1);
      g_assert_cmpint (g_date_get_year (&d->valid_until), ==, 2027);
      g_assert_cmpint (g_date_get_day (&d->sent_on), ==, 7);
      g_assert_cmpint (d->delivery, ==, KH_DOCUMENT_DELIVERY_ELECTRONIC);
      g_assert_false (d->grants);
      /* With a PDF it passes the store's check. */
      d->pdf = g_bytes_new_static ("%PDF-1.5\n", 9);
      g_assert_true (kh_issued_document_check (d, &error));
      g_assert_no_error (error);
      /* Without the decision it does not. */
      d->decision_id = 0;
      g_assert_false (kh_issued_document_check (d, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/commitment-form/defaults", test_defaults);
  g_test_add_func ("/commitment-form/check", test_check);
  g_test_add_func ("/commitment-form/check-profile", test_check_profile);
  g_test_add_func ("/commitment-form/terms", test_terms);
  g_test_add_func ("/commitment-form/decision-label", test_decision_label);
  g_test_add_func ("/commitment-form/contact", test_contact);
  g_test_add_func ("/commitment-form/to-document", test_to_document);
  return g_test_run ();
}
