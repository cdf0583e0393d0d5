/* test-decision-form.c — the decision form's state, without widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The document language chosen from the client's service language; the
 * party from the person's details; the provisions and titles the form
 * fills in, following the kind and the language until the worker changes
 * them; what is wrong at which field, while typing and before issuing,
 * in a table with the expected messages written out (the UI language is
 * English here: LC_ALL=C.UTF-8); the content made of the typed text; and
 * the last day for a request for rectification under the sending date
 * (the dates worked out by hand in tests/core/test-rectification.c).
 * Fictional people and unit; the account is the published example IBAN.
 */
#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "core/kh-decision-form.h"

#include "form-test-util.h"

static KhDecisionForm *
new_form (void)
{
  GDate today;

  set_date (&today, 2, 3, 2026);
  return kh_decision_form_new (&today);
}

static void
replace (char       **field,
         const char  *text)
{
  g_free (*field);
  *field = g_strdup (text);
}

/* A complete decision on supplementary income support, partly granted,
 * in Finnish, sent by letter on Monday 2 March 2026. */
static KhDecisionForm *
complete_form (const KhUnitProfile *profile)
{
  KhDecisionForm *f = new_form ();

  kh_decision_form_set_party (f, "Esimerkki", "Aino", "010190-999W", "1990-01-01",
                              "Äijälänkatu 4 B 12", "90130", "Oulu");
  kh_decision_form_set_kind (f, KH_DECISION_SUPPLEMENTARY_SUPPORT);
  f->outcome = KH_DECISION_PARTLY_GRANTED;
  replace (&f->subject, "Hakemus 24.2.2026: vuokra ja sähkölasku");
  kh_decision_form_set_line (f, 0, "Vuokra maaliskuu 2026", "412,50");
  kh_decision_form_add_line (f);
  kh_decision_form_set_line (f, 1, "Sähkölasku", "1 089,90 €");
  replace (&f->period_start, "1.3.2026");
  replace (&f->period_end, "31.3.2026");
  f->payee = KH_PAYEE_CLIENT_ACCOUNT;
  replace (&f->iban, "fi21 1234 5600 0007 85");
  replace (&f->reasoning, "Asumismenot ovat kohonneet äkillisesti.");
  f->maker_id = 3;
  kh_decision_form_set_preparer (f, "Eero Esimerkki", KH_ROLE_SOCIAL_WORKER, profile);
  return f;
}

/* ---- the language ---- */

static void
test_language (void)
{
  static const struct {
    KhLanguage  client;
    const char *expected;
    gboolean    fallback;
  } cases[] = {
    { KH_LANGUAGE_FI, "fi", FALSE },
    { KH_LANGUAGE_SV, "sv", FALSE },
    { KH_LANGUAGE_OTHER, "fi", TRUE },
    { 0, "fi", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmpstr (kh_decision_form_language_for (cases[i].client), ==, cases[i].expected);
      g_assert_cmpint (kh_decision_form_language_is_fallback (cases[i].client), ==, cases[i].fallback);
    }
}

/* ---- the party ---- */

static void
test_party (void)
{
  static const struct {
    const char *last, *first, *code, *birth, *address, *postal_code, *city;
    const char *name, *id, *where;
  } cases[] = {
    { "Esimerkki", "Aino Maria", "010190-999W", "1990-01-01", "Äijälänkatu 4 B 12", "90130", "Oulu",
      "Aino Maria Esimerkki", "010190-999W", "Äijälänkatu 4 B 12\n90130 Oulu" },
    /* No identity code: the birth date as a date. */
    { "Åström", "Björn", NULL, "1975-11-03", "Storgatan 1", NULL, "Vasa",
      "Björn Åström", "3.11.1975", "Storgatan 1\nVasa" },
    /* A protected address that the page has not shown. */
    { "Korhonen", "Aino", "131052-908T", NULL, NULL, NULL, NULL,
      "Aino Korhonen", "131052-908T", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KhDecisionForm) f = new_form ();

      kh_decision_form_set_party (f, cases[i].last, cases[i].first, cases[i].code, cases[i].birth,
                                  cases[i].address, cases[i].postal_code, cases[i].city);
      g_assert_cmpstr (f->party_name, ==, cases[i].name);
      g_assert_cmpstr (f->party_id, ==, cases[i].id);
      g_assert_cmpstr (f->party_address, ==, cases[i].where);
    }
}

/* ---- what the form fills in ---- */

static void
test_default_provisions (void)
{
  static const struct {
    KhDecisionKind  kind;
    const char     *language;
    const char     *expected;
  } cases[] = {
    { KH_DECISION_SERVICE, "fi",
      "Sosiaalihuoltolaki (1301/2014) 14 ja 45 §\nHallintolaki (434/2003) 44 ja 45 §" },
    { KH_DECISION_SERVICE, "sv",
      "Socialvårdslagen (1301/2014) 14 och 45 §\nFörvaltningslagen (434/2003) 44 och 45 §" },
    { KH_DECISION_SUPPLEMENTARY_SUPPORT, "fi",
      "Laki toimeentulotuesta (1412/1997) 7 c §\nHallintolaki (434/2003) 44 ja 45 §" },
    { KH_DECISION_SUPPLEMENTARY_SUPPORT, "sv",
      "Lagen om utkomststöd (1412/1997) 7 c §\nFörvaltningslagen (434/2003) 44 och 45 §" },
    { KH_DECISION_PREVENTIVE_SUPPORT, "fi",
      "Laki toimeentulotuesta (1412/1997) 8 §\nHallintolaki (434/2003) 44 ja 45 §" },
    { KH_DECISION_PREVENTIVE_SUPPORT, "sv",
      "Lagen om utkomststöd (1412/1997) 8 §\nFörvaltningslagen (434/2003) 44 och 45 §" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = kh_decision_form_default_provisions (cases[i].kind, cases[i].language);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

/* The provisions and the preparer's title follow the kind and the
 * language while they are as filled in; a text the worker changed stays. */
static void
test_follow_defaults (void)
{
  g_autoptr(KhUnitProfile) profile = new_profile ();
  g_autoptr(KhDecisionForm) f = new_form ();

  g_assert_cmpstr (f->language, ==, "fi");
  g_assert_cmpstr (f->provisions, ==,
                   "Sosiaalihuoltolaki (1301/2014) 14 ja 45 §\nHallintolaki (434/2003) 44 ja 45 §");
  kh_decision_form_set_kind (f, KH_DECISION_SUPPLEMENTARY_SUPPORT);
  g_assert_cmpstr (f->provisions, ==,
                   "Laki toimeentulotuesta (1412/1997) 7 c §\nHallintolaki (434/2003) 44 ja 45 §");

  /* Not in the profile: the role's title and the unit's phone. */
  kh_decision_form_set_preparer (f, "Eero Esimerkki", KH_ROLE_SOCIAL_WORKER, profile);
  g_assert_cmpstr (f->preparer_title, ==, "sosiaalityöntekijä");
  g_assert_cmpstr (f->contact_name, ==, "Eero Esimerkki");
  g_assert_cmpstr (f->contact_phone, ==, "08 555 0100");
  g_assert_null (f->contact_email);

  kh_decision_form_set_language (f, "sv", profile);
  g_assert_cmpstr (f->language, ==, "sv");
  g_assert_cmpstr (f->provisions, ==,
                   "Lagen om utkomststöd (1412/1997) 7 c §\nFörvaltningslagen (434/2003) 44 och 45 §");
  g_assert_cmpstr (f->preparer_title, ==, "socialarbetare");
  g_assert_cmpstr (f->contact_title, ==, "socialarbetare");

  /* Typed by the worker: stays through a change of kind and language. */
  replace (&f->provisions, "Lagen om utkomststöd (1412/1997) 7 c § och 8 §");
  replace (&f->preparer_title, "socialarbetare, tf.");
  kh_decision_form_set_kind (f, KH_DECISION_PREVENTIVE_SUPPORT);
  kh_decision_form_set_language (f, "fi", profile);
  g_assert_cmpstr (f->provisions, ==, "Lagen om utkomststöd (1412/1997) 7 c § och 8 §");
  g_assert_cmpstr (f->preparer_title, ==, "socialarbetare, tf.");
  g_assert_cmpstr (f->contact_title, ==, "sosiaalityöntekijä");

  /* Emptied by the worker: filled in again. */
  replace (&f->provisions, "  ");
  kh_decision_form_set_kind (f, KH_DECISION_SERVICE);
  g_assert_cmpstr (f->provisions, ==,
                   "Sosiaalihuoltolaki (1301/2014) 14 ja 45 §\nHallintolaki (434/2003) 44 ja 45 §");

  /* A decision maker of the profile: their own title, phone and e-mail. */
  kh_decision_form_set_preparer (f, "Åsa Öhman", KH_ROLE_LEAD, profile);
  g_assert_cmpstr (f->preparer_title, ==, "johtava sosiaalityöntekijä");
  g_assert_cmpstr (f->contact_phone, ==, "08 555 0103");
  g_assert_cmpstr (f->contact_email, ==, "asa.ohman@example.fi");
  /* An inactive one is not used. */
  kh_decision_form_set_preparer (f, "Eino Entinen", KH_ROLE_COUNSELLOR, profile);
  g_assert_cmpstr (f->preparer_title, ==, "sosiaaliohjaaja");
}

/* ---- the check ---- */

typedef void (*Change) (KhDecisionForm *f);

static void change_nothing (KhDecisionForm *f) { }
static void bad_iban (KhDecisionForm *f) { replace (&f->iban, "FI21 1234 5600 0007 86"); }
static void short_iban (KhDecisionForm *f) { replace (&f->iban, "FI21 1234"); }
static void no_iban (KhDecisionForm *f) { g_clear_pointer (&f->iban, g_free); }
static void no_reasoning (KhDecisionForm *f) { replace (&f->reasoning, " \n "); }
static void bad_amount (KhDecisionForm *f) { kh_decision_form_set_line (f, 1, "Sähkölasku", "108,999"); }
static void zero_amount (KhDecisionForm *f) { kh_decision_form_set_line (f, 1, "Sähkölasku", "0,00"); }
static void no_description (KhDecisionForm *f) { kh_decision_form_set_line (f, 1, NULL, "89,90"); }
static void no_sum (KhDecisionForm *f) { kh_decision_form_set_line (f, 0, "Vuokra", NULL); }
static void empty_line (KhDecisionForm *f) { kh_decision_form_add_line (f); }
static void no_lines (KhDecisionForm *f)
{
  kh_decision_form_remove_line (f, 1);
  kh_decision_form_set_line (f, 0, NULL, NULL);
}
static void bad_period (KhDecisionForm *f) { replace (&f->period_end, "31.2.2026"); }
static void period_backwards (KhDecisionForm *f) { replace (&f->period_end, "28.2.2026"); }
static void refused (KhDecisionForm *f)
{
  f->outcome = KH_DECISION_REFUSED;
  replace (&f->iban, "FI00 nonsense");
  kh_decision_form_set_line (f, 1, "Sähkölasku", "abc");
}
static void no_outcome (KhDecisionForm *f) { f->outcome = KH_DECISION_OUTCOME_NONE; }
static void direct_no_name (KhDecisionForm *f) { f->payee = KH_PAYEE_DIRECT; }
static void direct (KhDecisionForm *f)
{
  f->payee = KH_PAYEE_DIRECT;
  replace (&f->payee_name, "Vuokranantaja Oy");
  replace (&f->iban, "not an account: paid to the landlord");
}
static void service_none (KhDecisionForm *f) { kh_decision_form_set_kind (f, KH_DECISION_SERVICE); }
static void service (KhDecisionForm *f)
{
  kh_decision_form_set_kind (f, KH_DECISION_SERVICE);
  replace (&f->service, "Tehostettu palveluasuminen 1.4.2026 alkaen");
}
static void departs (KhDecisionForm *f) { f->departs_from_plan = TRUE; }
static void no_maker (KhDecisionForm *f) { f->maker_id = 0; }
static void inactive_maker (KhDecisionForm *f) { f->maker_id = 4; }
static void no_preparer_title (KhDecisionForm *f) { g_clear_pointer (&f->preparer_title, g_free); }
static void no_contact_way (KhDecisionForm *f)
{
  g_clear_pointer (&f->contact_phone, g_free);
  g_clear_pointer (&f->contact_email, g_free);
}
static void no_subject (KhDecisionForm *f) { g_clear_pointer (&f->subject, g_free); }
static void bad_decision_date (KhDecisionForm *f) { replace (&f->decision_date, "2.3."); }
static void sent_before (KhDecisionForm *f) { replace (&f->sent_date, "1.3.2026"); }
static void no_address_letter (KhDecisionForm *f) { g_clear_pointer (&f->party_address, g_free); }
static void no_address_handed (KhDecisionForm *f)
{
  g_clear_pointer (&f->party_address, g_free);
  f->delivery = KH_DOCUMENT_DELIVERY_HANDED;
}

#define IBAN_CHECK     "The check digits do not match: check the account number digit by digit"
#define IBAN_LENGTH    "A Finnish IBAN has 18 characters, for example FI21 1234 5600 0007 85"
#define REASONING      "Write the reasons: the facts and the evidence that affected the decision"
#define DATE           "Not a date: write it as 2.4.2026"

static const struct {
  const char      *name;
  Change           change;
  gboolean         profile;
  guint            typed;            /* problems while typing */
  guint            complete;         /* problems before issuing */
  KhDecisionField  field;            /* where the first one is (complete) */
  const char      *message;          /* NULL: not checked (another module's wording) */
  int              line;             /* an amount line with a message, or -1 */
} check_cases[] = {
  { "complete", change_nothing, TRUE, 0, 0, KH_DECISION_FIELD_PROFILE, NULL, -1 },
  { "bad IBAN", bad_iban, TRUE, 1, 1, KH_DECISION_FIELD_IBAN, IBAN_CHECK, -1 },
  { "short IBAN", short_iban, TRUE, 1, 1, KH_DECISION_FIELD_IBAN, IBAN_LENGTH, -1 },
  { "no IBAN", no_iban, TRUE, 0, 1, KH_DECISION_FIELD_IBAN,
    "The client's account number is not a valid Finnish IBAN", -1 },
  { "no reasoning", no_reasoning, TRUE, 0, 1, KH_DECISION_FIELD_REASONING, REASONING, -1 },
  { "three decimals", bad_amount, TRUE, 1, 1, KH_DECISION_FIELD_AMOUNTS, NULL, 1 },
  { "zero euros", zero_amount, TRUE, 1, 1, KH_DECISION_FIELD_AMOUNTS, NULL, 1 },
  { "no description", no_description, TRUE, 0, 1, KH_DECISION_FIELD_AMOUNTS, NULL, 1 },
  { "no sum", no_sum, TRUE, 0, 1, KH_DECISION_FIELD_AMOUNTS, NULL, 0 },
  { "an empty line is left out", empty_line, TRUE, 0, 0, KH_DECISION_FIELD_PROFILE, NULL, -1 },
  { "no lines", no_lines, TRUE, 0, 1, KH_DECISION_FIELD_AMOUNTS,
    "Income support that is granted needs at least one amount", -1 },
  { "31 February", bad_period, TRUE, 1, 1, KH_DECISION_FIELD_PERIOD_END, DATE, -1 },
  { "period backwards", period_backwards, TRUE, 0, 1, KH_DECISION_FIELD_PERIOD_START,
    "Enter the period of the income support: the first and the last day", -1 },
  { "refused: nothing granted is checked", refused, TRUE, 0, 0, KH_DECISION_FIELD_PROFILE, NULL, -1 },
  { "no outcome", no_outcome, TRUE, 0, 1, KH_DECISION_FIELD_OUTCOME,
    "Choose the outcome: granted, partly granted or refused", -1 },
  { "direct, no payee", direct_no_name, TRUE, 0, 1, KH_DECISION_FIELD_PAYEE_NAME,
    "Name the landlord or service provider to whom the support is paid", -1 },
  { "direct: the account is not used", direct, TRUE, 0, 0, KH_DECISION_FIELD_PROFILE, NULL, -1 },
  { "a service, not named", service_none, TRUE, 0, 1, KH_DECISION_FIELD_SERVICE,
    "Say which service is granted, to what extent and from when", -1 },
  { "a service", service, TRUE, 0, 0, KH_DECISION_FIELD_PROFILE, NULL, -1 },
  { "departs from the plan", departs, TRUE, 0, 1, KH_DECISION_FIELD_PLAN_DEPARTURE,
    "The decision departs from the services in the client plan: give the reasons for that", -1 },
  { "no maker", no_maker, TRUE, 0, 1, KH_DECISION_FIELD_MAKER,
    "Enter the name and title of the decision maker", -1 },
  { "inactive maker", inactive_maker, TRUE, 0, 1, KH_DECISION_FIELD_MAKER, NULL, -1 },
  { "no preparer title", no_preparer_title, TRUE, 0, 1, KH_DECISION_FIELD_PREPARER,
    "Enter the name and title of the person who prepared the decision", -1 },
  { "no way to contact", no_contact_way, TRUE, 0, 1, KH_DECISION_FIELD_CONTACT, NULL, -1 },
  { "no subject", no_subject, TRUE, 0, 1, KH_DECISION_FIELD_SUBJECT,
    "Say what the matter is: what was applied for, and when", -1 },
  { "decision date", bad_decision_date, TRUE, 1, 1, KH_DECISION_FIELD_DECISION_DATE, DATE, -1 },
  { "sent before decided", sent_before, TRUE, 0, 1, KH_DECISION_FIELD_SENT_DATE,
    "Enter the date the decision is sent; it cannot be before the date of the decision", -1 },
  { "letter without address", no_address_letter, TRUE, 0, 1, KH_DECISION_FIELD_PARTY,
    "A decision sent by letter needs the party's postal address", -1 },
  { "handed over without address", no_address_handed, TRUE, 0, 0, KH_DECISION_FIELD_PROFILE, NULL, -1 },
  /* Without the unit's settings: the authorities (one message) and the maker. */
  { "no profile", change_nothing, FALSE, 0, 2, KH_DECISION_FIELD_PROFILE,
    "The decision must name the authority that made it (the unit's document settings)", -1 },
};

static void
test_check (void)
{
  g_autoptr(KhUnitProfile) profile = new_profile ();

  for (guint i = 0; i < G_N_ELEMENTS (check_cases); i++)
    {
      const KhUnitProfile *p = check_cases[i].profile ? profile : NULL;
      g_autoptr(KhDecisionForm) f = complete_form (profile);
      KhDecisionFormCheck typed, complete;
      int first = -1;

      g_test_message ("%s", check_cases[i].name);
      check_cases[i].change (f);
      kh_decision_form_check (f, p, FALSE, &typed);
      kh_decision_form_check (f, p, TRUE, &complete);
      g_assert_cmpuint (typed.n_problems, ==, check_cases[i].typed);
      g_assert_cmpuint (complete.n_problems, ==, check_cases[i].complete);
      g_assert_cmpuint (complete.line_messages->len, ==, f->lines->len);
      for (guint j = 0; j < KH_DECISION_N_FIELDS && first < 0; j++)
        if (complete.messages[j] != NULL)
          first = j;
      if (check_cases[i].line >= 0)
        {
          g_assert_nonnull (g_ptr_array_index (complete.line_messages, check_cases[i].line));
          g_assert_null (complete.messages[KH_DECISION_FIELD_AMOUNTS]);
        }
      else if (check_cases[i].complete > 0)
        {
          g_assert_cmpint (first, ==, check_cases[i].field);
          if (check_cases[i].message != NULL)
            g_assert_cmpstr (complete.messages[first], ==, check_cases[i].message);
        }
      else
        g_assert_cmpint (first, ==, -1);
      /* What is wrong while typing is shown the same before issuing. */
      for (guint j = 0; j < KH_DECISION_N_FIELDS; j++)
        if (typed.messages[j] != NULL)
          g_assert_cmpstr (typed.messages[j], ==, complete.messages[j]);
      kh_decision_form_check_clear (&typed);
      kh_decision_form_check_clear (&complete);
    }
}

/* ---- the content ---- */

static void
test_build (void)
{
  g_autoptr(KhUnitProfile) profile = new_profile ();
  g_autoptr(KhDecisionForm) f = complete_form (profile);
  g_autoptr(KhDecisionDraft) draft = NULL;
  g_autoptr(GArray) problems = NULL;
  const KhDecisionContent *c;
  GDate expected;

  kh_decision_form_add_line (f);   /* left empty: not a line */
  replace (&f->provisions, "Laki toimeentulotuesta (1412/1997) 7 c §\n\n  Hallintolaki (434/2003) 45 §  \n");
  draft = kh_decision_form_build (f, profile);
  /* The draft is its own: the form may change or go. */
  g_clear_pointer (&f, kh_decision_form_free);
  c = &draft->content;

  problems = kh_decision_check (c);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpstr (c->language, ==, "fi");
  g_assert_cmpstr (c->authority[0].name, ==, "Pohjolan hyvinvointialue");
  g_assert_cmpstr (c->rectification[0].name, ==, "Yksilöasioiden jaosto");
  g_assert_cmpstr (c->party_name, ==, "Aino Esimerkki");
  g_assert_cmpuint (c->n_amounts, ==, 2);
  g_assert_cmpstr (c->amounts[0].description, ==, "Vuokra maaliskuu 2026");
  g_assert_cmpint (c->amounts[0].cents, ==, 41250);
  g_assert_cmpint (c->amounts[1].cents, ==, 108990);
  g_assert_cmpint (kh_decision_total (c), ==, 150240);
  set_date (&expected, 31, 3, 2026);
  g_assert_cmpint (g_date_compare (&c->period_end, &expected), ==, 0);
  g_assert_cmpstr (c->iban, ==, "FI21 1234 5600 0007 85");
  g_assert_cmpstr (c->provisions[0], ==, "Laki toimeentulotuesta (1412/1997) 7 c §");
  g_assert_cmpstr (c->provisions[1], ==, "Hallintolaki (434/2003) 45 §");
  g_assert_null (c->provisions[2]);
  g_assert_cmpstr (c->maker.name, ==, "Åsa Öhman");
  g_assert_cmpstr (c->maker.title, ==, "johtava sosiaalityöntekijä");
  g_assert_cmpstr (c->preparer.title, ==, "sosiaalityöntekijä");
  g_assert_cmpstr (c->contact.phone, ==, "08 555 0100");
  g_assert_cmpint (c->delivery, ==, KH_DELIVERY_LETTER);
  set_date (&expected, 2, 3, 2026);
  g_assert_cmpint (g_date_compare (&c->sent_date, &expected), ==, 0);
  g_assert_cmpint (g_date_compare (&c->decision_date, &expected), ==, 0);
  g_assert_cmpuint (c->number, ==, 0);
}

/* A refusal prints no amounts or payee; a service prints the service. */
static void
test_build_refusal (void)
{
  g_autoptr(KhUnitProfile) profile = new_profile ();
  g_autoptr(KhDecisionForm) f = complete_form (profile);
  g_autoptr(KhDecisionDraft) draft = NULL;

  f->outcome = KH_DECISION_REFUSED;
  draft = kh_decision_form_build (f, profile);
  g_assert_cmpuint (draft->content.n_amounts, ==, 0);
  g_assert_cmpint (draft->content.payee, ==, KH_PAYEE_NONE);
  g_assert_null (draft->content.iban);
  g_assert_false (g_date_valid (&draft->content.period_start));
}

static void
test_document (void)
{
  g_autoptr(KhUnitProfile) profile = new_profile ();
  g_autoptr(KhDecisionForm) f = complete_form (profile);
  g_autoptr(KhIssuedDocument) d = NULL;
  GDate expected;

  f->case_id = 17;
  f->corrects_id = 5;
  f->delivery = KH_DOCUMENT_DELIVERY_ELECTRONIC;
  kh_decision_form_set_language (f, "sv", profile);
  d = kh_decision_form_to_document (f, 42);
  g_assert_cmpint (d->client_id, ==, 42);
  g_assert_cmpint (d->case_id, ==, 17);
  g_assert_cmpint (d->corrects_id, ==, 5);
  g_assert_cmpint (d->kind, ==, KH_DOCUMENT_DECISION);
  g_assert_cmpstr (d->language, ==, "sv");
  g_assert_cmpstr (d->title, ==, "Beslut om kompletterande utkomststöd");
  g_assert_cmpint (d->delivery, ==, KH_DOCUMENT_DELIVERY_ELECTRONIC);
  set_date (&expected, 2, 3, 2026);
  g_assert_cmpint (g_date_compare (&d->sent_on, &expected), ==, 0);
}

/* ---- the last day ---- */

static void
test_last_day (void)
{
  static const struct {
    const char         *sent;
    KhDocumentDelivery  delivery;
    const char         *expected;
  } cases[] = {
    { "2.3.2026", KH_DOCUMENT_DELIVERY_LETTER,
      "Last day for a request for rectification: 8.4.2026" },
    { "4.12.2026", KH_DOCUMENT_DELIVERY_ELECTRONIC,
      "Last day for a request for rectification: 7.1.2027 (moved past a weekend or holiday)" },
    { "7.12.2026", KH_DOCUMENT_DELIVERY_HANDED,
      "Last day for a request for rectification: 7.1.2027 (moved past a weekend or holiday)" },
    { "2026-03-02", KH_DOCUMENT_DELIVERY_LETTER,
      "Last day for a request for rectification: 8.4.2026" },
    { "", KH_DOCUMENT_DELIVERY_LETTER, NULL },
    { "32.3.2026", KH_DOCUMENT_DELIVERY_LETTER, NULL },
  };
  g_autoptr(KhCalendar) calendar = kh_calendar_new ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(KhDecisionForm) f = new_form ();
      g_autofree char *text = NULL;

      replace (&f->sent_date, cases[i].sent);
      f->delivery = cases[i].delivery;
      text = kh_decision_form_describe_last_day (f, calendar);
      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/decision-form/language", test_language);
  g_test_add_func ("/core/decision-form/party", test_party);
  g_test_add_func ("/core/decision-form/default-provisions", test_default_provisions);
  g_test_add_func ("/core/decision-form/follow-defaults", test_follow_defaults);
  g_test_add_func ("/core/decision-form/check", test_check);
  g_test_add_func ("/core/decision-form/build", test_build);
  g_test_add_func ("/core/decision-form/build-refusal", test_build_refusal);
  g_test_add_func ("/core/decision-form/document", test_document);
  g_test_add_func ("/core/decision-form/last-day", test_last_day);

  return g_test_run ();
}
