/* test-decision-rules.c — what a decision must say (HL 44–45 §), and the
 * decision register number
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A complete decision on supplementary income support has no problems;
 * each case then takes one thing away (or gets one thing wrong) and
 * expects exactly the problems written out. Fictional people, a made-up
 * unit; the account is the published example IBAN.
 */
#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "core/kh-decision-rules.h"

static const KhDecisionAmount amounts[] = {
  { "Vuokra 12/2026", 41250 },
  { "Sähkölasku 11/2026", 8990 },
};
static const KhDecisionAmount bad_amounts[] = {
  { "Vuokra 12/2026", 41250 },
  { "", 1000 },
};
static const KhDecisionAmount zero_amounts[] = {
  { "Vuokra 12/2026", 0 },
};
static const char *const provisions[] = {
  "Laki toimeentulotuesta (1412/1997) 7 c §",
  NULL,
};
static const char *const blank_provisions[] = { "  ", NULL };

static void
set (GDate *date,
     guint  d,
     guint  m,
     guint  y)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, d, m, y);
}

static void
complete (KhDecisionContent *c)
{
  *c = (KhDecisionContent) { 0 };
  c->language = "fi";
  c->authority[0] = (KhDecisionAuthority) { .name = "Pohjolan hyvinvointialue",
                                            .unit = "Aikuissosiaalityö" };
  c->authority[1] = (KhDecisionAuthority) { .name = "Välfärdsområdet Norden" };
  set (&c->decision_date, 7, 12, 2026);
  c->number = 123;
  c->number_year = 2026;
  c->party_name = "Aino Esimerkki";
  c->party_id = "010190-999W";
  c->party_address = "Äijälänkatu 4 B 12\n90130 Oulu";
  c->kind = KH_DECISION_SUPPLEMENTARY_SUPPORT;
  c->outcome = KH_DECISION_GRANTED;
  c->subject = "Hakemus 1.12.2026";
  c->amounts = amounts;
  c->n_amounts = G_N_ELEMENTS (amounts);
  set (&c->period_start, 1, 12, 2026);
  set (&c->period_end, 31, 12, 2026);
  c->payee = KH_PAYEE_CLIENT_ACCOUNT;
  c->iban = "FI21 1234 5600 0007 85";
  c->reasoning = "Asumismenot ovat kohonneet.";
  c->provisions = provisions;
  c->maker = (KhDecisionPerson) { "Åsa Öhman", "johtava sosiaalityöntekijä", NULL, NULL };
  c->preparer = (KhDecisionPerson) { "Eero Esimerkki", "sosiaaliohjaaja", NULL, NULL };
  c->contact = (KhDecisionPerson) { "Eero Esimerkki", "sosiaaliohjaaja", "08 555 0101", NULL };
  c->rectification[0] = (KhDecisionAuthority) {
    .name = "Pohjolan hyvinvointialue, yksilöasioiden jaosto",
    .postal_address = "PL 10\n90101 Oulu",
    .email = "kirjaamo@example.fi",
    .opening_hours = "ma–pe klo 9–15",
  };
  set (&c->sent_date, 7, 12, 2026);
  c->delivery = KH_DELIVERY_LETTER;
}

typedef void (*Change) (KhDecisionContent *c);

#define CHANGE(name, ...) static void name (KhDecisionContent *c) { __VA_ARGS__; }

CHANGE (nothing, (void) c)
CHANGE (language_en, c->language = "en")
CHANGE (no_authority, c->authority[0].name = NULL; c->authority[1].name = "")
/* A Swedish decision never borrows the Finnish name (kielilaki 19 §). */
CHANGE (sv_authority_from_fi, c->language = "sv"; c->authority[1].name = NULL;
        c->rectification[1] = (KhDecisionAuthority) { .name = "Sektionen för individuella ärenden",
                                                      .postal_address = "PB 10\n90101 Uleåborg",
                                                      .opening_hours = "mån–fre kl. 9–15" })
CHANGE (no_decision_date, g_date_clear (&c->decision_date, 1))
CHANGE (no_party, c->party_name = " ")
CHANGE (no_address_letter, c->party_address = NULL)
CHANGE (no_address_electronic, c->party_address = NULL; c->delivery = KH_DELIVERY_ELECTRONIC)
CHANGE (no_subject, c->subject = "")
CHANGE (no_outcome, c->outcome = KH_DECISION_OUTCOME_NONE)
CHANGE (service_no_service, c->kind = KH_DECISION_SERVICE; c->amounts = NULL; c->n_amounts = 0;
        c->payee = KH_PAYEE_NONE)
CHANGE (service_ok, c->kind = KH_DECISION_SERVICE; c->service = "Tukiasuminen 1.1.2027 alkaen";
        c->amounts = NULL; c->n_amounts = 0; c->payee = KH_PAYEE_NONE;
        g_date_clear (&c->period_start, 1))
CHANGE (service_refused, c->kind = KH_DECISION_SERVICE; c->outcome = KH_DECISION_REFUSED;
        c->amounts = NULL; c->n_amounts = 0; c->payee = KH_PAYEE_NONE)
CHANGE (support_refused, c->outcome = KH_DECISION_REFUSED; c->amounts = NULL; c->n_amounts = 0;
        c->payee = KH_PAYEE_NONE; g_date_clear (&c->period_end, 1))
CHANGE (no_amounts, c->amounts = NULL; c->n_amounts = 0)
CHANGE (partly_no_amounts, c->outcome = KH_DECISION_PARTLY_GRANTED; c->n_amounts = 0)
CHANGE (bad_line, c->amounts = bad_amounts; c->n_amounts = G_N_ELEMENTS (bad_amounts))
CHANGE (zero_line, c->kind = KH_DECISION_PREVENTIVE_SUPPORT; c->amounts = zero_amounts;
        c->n_amounts = G_N_ELEMENTS (zero_amounts))
CHANGE (no_period, g_date_clear (&c->period_end, 1))
CHANGE (period_backwards, set (&c->period_end, 30, 11, 2026))
CHANGE (no_payee, c->payee = KH_PAYEE_NONE)
CHANGE (bad_iban, c->iban = "FI21 1234 5600 0007 86")
CHANGE (no_iban, c->iban = NULL)
CHANGE (direct_ok, c->payee = KH_PAYEE_DIRECT; c->iban = NULL; c->payee_name = "Asunto Oy Pohjantähti")
CHANGE (direct_no_name, c->payee = KH_PAYEE_DIRECT; c->payee_name = "")
CHANGE (no_reasoning, c->reasoning = NULL)
CHANGE (no_provisions, c->provisions = NULL)
CHANGE (blank_provisions_, c->provisions = blank_provisions)
CHANGE (departs_no_reasons, c->departs_from_plan = TRUE)
CHANGE (departs_reasons, c->departs_from_plan = TRUE;
        c->plan_departure_reasons = "Suunnitelman mukainen palvelu ei ole saatavilla.")
CHANGE (no_maker_title, c->maker.title = NULL)
CHANGE (no_preparer, c->preparer = (KhDecisionPerson) { 0 })
CHANGE (contact_no_way, c->contact.phone = NULL; c->contact.email = "")
CHANGE (contact_email, c->contact.phone = NULL; c->contact.email = "eero@example.fi")
CHANGE (contact_no_name, c->contact.name = NULL)
CHANGE (no_rectification, c->rectification[0] = (KhDecisionAuthority) { 0 })
CHANGE (rectification_no_hours, c->rectification[0].opening_hours = NULL)
/* In Swedish, the e-mail address comes from the Finnish fields, the words
 * do not. */
CHANGE (rectification_sv, c->language = "sv";
        c->rectification[1] = (KhDecisionAuthority) { .name = "Sektionen för individuella ärenden",
                                                      .postal_address = "PB 10\n90101 Uleåborg",
                                                      .opening_hours = "mån–fre kl. 9–15" })
CHANGE (rectification_sv_words_missing, c->language = "sv";
        c->rectification[1] = (KhDecisionAuthority) { .name = "Sektionen för individuella ärenden" })
CHANGE (no_sent_date, g_date_clear (&c->sent_date, 1))
CHANGE (sent_before_decision, set (&c->sent_date, 4, 12, 2026))
CHANGE (proven_unknown, c->delivery = KH_DELIVERY_PROVEN)
CHANGE (proven_before_sent, c->delivery = KH_DELIVERY_PROVEN; set (&c->received_date, 6, 12, 2026))
CHANGE (everything, *c = (KhDecisionContent) { 0 })

#define P(x) KH_DECISION_PROBLEM_##x
#define END 0

static const struct
{
  const char *what;
  Change      change;
  int         expected[24];
} cases[] = {
  { "complete", nothing, { END } },
  { "language", language_en, { P (LANGUAGE), END } },
  { "authority", no_authority, { P (AUTHORITY), END } },
  { "sv authority not from fi", sv_authority_from_fi, { P (AUTHORITY), END } },
  { "decision date", no_decision_date, { P (DECISION_DATE), END } },
  { "party", no_party, { P (PARTY), END } },
  { "address, letter", no_address_letter, { P (PARTY_ADDRESS), END } },
  { "address, electronic", no_address_electronic, { END } },
  { "subject", no_subject, { P (SUBJECT), END } },
  { "outcome", no_outcome, { P (OUTCOME), END } },
  { "service missing", service_no_service, { P (SERVICE), END } },
  { "service", service_ok, { END } },
  { "service refused", service_refused, { END } },
  { "support refused", support_refused, { END } },
  { "no amounts", no_amounts, { P (AMOUNTS), END } },
  { "partly, no amounts", partly_no_amounts, { P (AMOUNTS), END } },
  { "bad line", bad_line, { P (AMOUNT_LINE), END } },
  { "zero line", zero_line, { P (AMOUNT_LINE), END } },
  { "period", no_period, { P (PERIOD), END } },
  { "period backwards", period_backwards, { P (PERIOD), END } },
  { "payee", no_payee, { P (PAYEE), END } },
  { "iban", bad_iban, { P (IBAN), END } },
  { "no iban", no_iban, { P (IBAN), END } },
  { "direct", direct_ok, { END } },
  { "direct, no name", direct_no_name, { P (PAYEE_NAME), END } },
  { "reasoning", no_reasoning, { P (REASONING), END } },
  { "provisions", no_provisions, { P (PROVISIONS), END } },
  { "blank provisions", blank_provisions_, { P (PROVISIONS), END } },
  { "departs, no reasons", departs_no_reasons, { P (PLAN_DEPARTURE), END } },
  { "departs with reasons", departs_reasons, { END } },
  { "maker title", no_maker_title, { P (MAKER), END } },
  { "preparer", no_preparer, { P (PREPARER), END } },
  { "contact without phone or e-mail", contact_no_way, { P (CONTACT), END } },
  { "contact by e-mail", contact_email, { END } },
  { "contact without name", contact_no_name, { P (CONTACT), END } },
  { "rectification authority", no_rectification,
    { P (RECTIFICATION_AUTHORITY), P (RECTIFICATION_ADDRESS), END } },
  { "rectification hours", rectification_no_hours, { P (RECTIFICATION_ADDRESS), END } },
  { "rectification sv", rectification_sv, { END } },
  { "rectification sv, words missing", rectification_sv_words_missing,
    { P (RECTIFICATION_ADDRESS), END } },
  { "sent date", no_sent_date, { P (SENT_DATE), END } },
  { "sent before decision", sent_before_decision, { P (SENT_DATE), END } },
  { "proven, receipt not yet known", proven_unknown, { END } },
  { "proven, received before sent", proven_before_sent, { P (RECEIVED_DATE), END } },
  /* An empty decision: everything in the order of the printed decision;
   * a refusal is not assumed, so there is no outcome and no statement. */
  { "everything", everything,
    { P (LANGUAGE), P (AUTHORITY), P (DECISION_DATE), P (PARTY), P (PARTY_ADDRESS), P (SUBJECT),
      P (OUTCOME), P (REASONING), P (PROVISIONS), P (MAKER), P (PREPARER), P (CONTACT),
      P (RECTIFICATION_AUTHORITY), P (RECTIFICATION_ADDRESS), P (SENT_DATE), END } },
};

static void
test_check (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      KhDecisionContent content;
      g_autoptr(GArray) problems = NULL;
      guint n = 0;

      complete (&content);
      cases[i].change (&content);
      problems = kh_decision_check (&content);
      while (cases[i].expected[n] != END)
        n++;
      if (problems->len != n
          || memcmp (problems->data, cases[i].expected, n * sizeof (int)) != 0)
        {
          g_autoptr(GString) got = g_string_new (NULL);

          for (guint j = 0; j < problems->len; j++)
            g_string_append_printf (got, " %d", g_array_index (problems, int, j));
          g_error ("%s: expected %u problems, got:%s", cases[i].what, n, got->str);
        }
    }
}

static void
test_messages (void)
{
  for (int p = KH_DECISION_PROBLEM_LANGUAGE; p <= KH_DECISION_PROBLEM_RECEIVED_DATE; p++)
    {
      const char *message = kh_decision_problem_message (p);

      g_assert_nonnull (message);
      g_assert_cmpuint (strlen (message), >, 10);
    }
}

static void
test_authority_for (void)
{
  const KhDecisionAuthority pair[2] = {
    { .name = "Pohjolan hyvinvointialue", .unit = "Aikuissosiaalityö",
      .postal_address = "PL 10\n90101 Oulu", .visiting_address = "Kirkkokatu 9 A",
      .email = "kirjaamo@example.fi", .phone = "08 555 0100", .opening_hours = "ma–pe klo 9–15" },
    { .name = "Välfärdsområdet Norden", .unit = "", .postal_address = "PB 10\n90101 Uleåborg",
      .opening_hours = "mån–fre kl. 9–15" },
  };
  KhDecisionAuthority out;

  kh_decision_authority_for (pair, "sv", &out);
  g_assert_cmpstr (out.name, ==, "Välfärdsområdet Norden");
  g_assert_cmpstr (out.unit, ==, "");
  g_assert_cmpstr (out.postal_address, ==, "PB 10\n90101 Uleåborg");
  g_assert_null (out.visiting_address);
  g_assert_cmpstr (out.email, ==, "kirjaamo@example.fi");
  g_assert_cmpstr (out.phone, ==, "08 555 0100");
  g_assert_cmpstr (out.opening_hours, ==, "mån–fre kl. 9–15");
  kh_decision_authority_for (pair, "fi", &out);
  g_assert_cmpstr (out.name, ==, "Pohjolan hyvinvointialue");
  g_assert_cmpstr (out.postal_address, ==, "PL 10\n90101 Oulu");
  g_assert_cmpstr (out.opening_hours, ==, "ma–pe klo 9–15");
}

/* The authorities and the decision maker from the unit's document
 * profile, each language from its own fields. */
static void
test_profile (void)
{
  g_autoptr(KhUnitProfile) profile = kh_unit_profile_new ();
  g_autoptr(KhDecisionMaker) maker = kh_decision_maker_new ();
  g_autoptr(GArray) problems = NULL;
  KhDecisionContent content;
  KhDecisionPerson person;
  static const struct { int language; KhUnitProfileField field; const char *text; } fields[] = {
    { 0, KH_UNIT_PROFILE_ORGANISATION, "Pohjolan hyvinvointialue" },
    { 0, KH_UNIT_PROFILE_UNIT, "Aikuissosiaalityö" },
    { 0, KH_UNIT_PROFILE_POSTAL_ADDRESS, "PL 100" },
    { 0, KH_UNIT_PROFILE_POSTAL_CODE_TOWN, "90101 Oulu" },
    { 0, KH_UNIT_PROFILE_PHONE, "08 555 0100" },
    { 0, KH_UNIT_PROFILE_AUTHORITY_NAME, "Yksilöasioiden jaosto" },
    { 0, KH_UNIT_PROFILE_AUTHORITY_POSTAL_ADDRESS, "Kirjaamo, PL 10" },
    { 0, KH_UNIT_PROFILE_AUTHORITY_POSTAL_CODE_TOWN, "90101 Oulu" },
    { 0, KH_UNIT_PROFILE_AUTHORITY_EMAIL, "kirjaamo@example.fi" },
    { 0, KH_UNIT_PROFILE_AUTHORITY_OPENING_HOURS, "ma–pe klo 9–15" },
    { 1, KH_UNIT_PROFILE_ORGANISATION, "Välfärdsområdet Norden" },
    { 1, KH_UNIT_PROFILE_AUTHORITY_NAME, "Sektionen för individuella ärenden" },
    { 1, KH_UNIT_PROFILE_AUTHORITY_POSTAL_ADDRESS, "Registratorskontoret, PB 10" },
    { 1, KH_UNIT_PROFILE_AUTHORITY_POSTAL_CODE_TOWN, "90101 Uleåborg" },
    { 1, KH_UNIT_PROFILE_AUTHORITY_OPENING_HOURS, "mån–fre kl. 9–15" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    profile->text[fields[i].language][fields[i].field] = g_strdup (fields[i].text);
  complete (&content);
  kh_decision_set_profile (&content, profile);
  g_assert_cmpstr (content.authority[0].name, ==, "Pohjolan hyvinvointialue");
  g_assert_cmpstr (content.authority[0].postal_code_town, ==, "90101 Oulu");
  g_assert_cmpstr (content.authority[1].name, ==, "Välfärdsområdet Norden");
  g_assert_null (content.authority[1].unit);
  g_assert_cmpstr (content.authority[1].phone, ==, "08 555 0100");
  g_assert_cmpstr (content.rectification[0].name, ==, "Yksilöasioiden jaosto");
  g_assert_cmpstr (content.rectification[1].postal_address, ==, "Registratorskontoret, PB 10");
  g_assert_cmpstr (content.rectification[1].email, ==, "kirjaamo@example.fi");
  problems = kh_decision_check (&content);
  g_assert_cmpuint (problems->len, ==, 0);

  maker->name = g_strdup ("Åsa Öhman");
  maker->title_fi = g_strdup ("johtava sosiaalityöntekijä");
  maker->title_sv = g_strdup ("ledande socialarbetare");
  maker->phone = g_strdup ("08 555 0102");
  kh_decision_person_from_maker (maker, "sv", &person);
  g_assert_cmpstr (person.name, ==, "Åsa Öhman");
  g_assert_cmpstr (person.title, ==, "ledande socialarbetare");
  g_assert_cmpstr (person.phone, ==, "08 555 0102");
  kh_decision_person_from_maker (maker, "fi", &person);
  g_assert_cmpstr (person.title, ==, "johtava sosiaalityöntekijä");
}

static void
test_total (void)
{
  KhDecisionContent content;

  complete (&content);
  g_assert_cmpint (kh_decision_total (&content), ==, 50240);
  content.n_amounts = 0;
  g_assert_cmpint (kh_decision_total (&content), ==, 0);
}

static void
test_number (void)
{
  static const struct { const char *text; gboolean ok; guint number, year; } parse[] = {
    { "123/2026", TRUE, 123, 2026 },
    { "1/2027", TRUE, 1, 2027 },
    { " 45 / 2026 ", TRUE, 45, 2026 },
    { "999999/9999", TRUE, 999999, 9999 },
    { "0/2026", FALSE, 0, 0 },
    { "012/2026", FALSE, 0, 0 },
    { "1000000/2026", FALSE, 0, 0 },
    { "123/26", FALSE, 0, 0 },
    { "123/1999", FALSE, 0, 0 },
    { "123/20266", FALSE, 0, 0 },
    { "123-2026", FALSE, 0, 0 },
    { "2026/123", FALSE, 0, 0 },
    { "123/2026a", FALSE, 0, 0 },
    { "/2026", FALSE, 0, 0 },
    { "", FALSE, 0, 0 },
    { NULL, FALSE, 0, 0 },
  };
  g_autofree char *text = kh_decision_number_format (123, 2026);
  g_autofree char *first = kh_decision_number_format (1, 2027);

  g_assert_cmpstr (text, ==, "123/2026");
  g_assert_cmpstr (first, ==, "1/2027");
  for (guint i = 0; i < G_N_ELEMENTS (parse); i++)
    {
      guint number = 0, year = 0;

      g_assert_cmpint (kh_decision_number_parse (parse[i].text, &number, &year), ==, parse[i].ok);
      if (parse[i].ok)
        {
          g_assert_cmpuint (number, ==, parse[i].number);
          g_assert_cmpuint (year, ==, parse[i].year);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/decision-rules/check", test_check);
  g_test_add_func ("/decision-rules/messages", test_messages);
  g_test_add_func ("/decision-rules/authority-for", test_authority_for);
  g_test_add_func ("/decision-rules/profile", test_profile);
  g_test_add_func ("/decision-rules/total", test_total);
  g_test_add_func ("/decision-rules/number", test_number);
  return g_test_run ();
}
