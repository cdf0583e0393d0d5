/* kh-decision-rules.c — what a decision must say (Hallintolaki 44–45 §)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * See kh-decision-rules.h for the sections. The check is what a lawyer
 * of the wellbeing services county would look for before a decision
 * leaves the office; the messages say what to fill in, in the worker's
 * own language.
 */
#define G_LOG_DOMAIN "kohtaamo-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kh-decision-rules.h"
#include "kh-iban.h"
#include "kh-money.h"

#define MAX_NUMBER 999999

static gboolean
empty (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

static gboolean
valid_date (const GDate *date)
{
  return g_date_valid (date);
}

static const char *
either (const char *first,
        const char *second)
{
  return !empty (first) ? first : second;
}

/**
 * kh_decision_authority_for:
 * @pair: the authority in Finnish ([0]) and in Swedish ([1])
 * @language: "fi" or "sv"
 * @out: (out caller-allocates): the fields for @language
 *
 * The worded fields (name, unit, addresses, opening hours) come only from
 * @language, so that a Swedish-speaking client never gets Finnish words
 * (kielilaki 19 §; the same rule as kh_unit_profile_get()); the e-mail
 * address and phone number, which read the same in both, come from the
 * other language where @language has none.
 */
void
kh_decision_authority_for (const KhDecisionAuthority  pair[2],
                           const char                *language,
                           KhDecisionAuthority       *out)
{
  const KhDecisionAuthority *own = &pair[g_strcmp0 (language, "sv") == 0 ? 1 : 0];
  const KhDecisionAuthority *other = &pair[g_strcmp0 (language, "sv") == 0 ? 0 : 1];

  *out = *own;
  out->email = either (own->email, other->email);
  out->phone = either (own->phone, other->phone);
}

/**
 * kh_decision_set_profile:
 * @content: the decision
 * @profile: the unit's document profile (Preferences → Documents)
 *
 * The letterhead's organisation, unit, postal address, postal code and
 * town and phone become the deciding authority, and the profile's
 * rectification authority the one the instructions name, each language
 * from its own fields (kh_unit_profile_get()).
 */
void
kh_decision_set_profile (KhDecisionContent   *content,
                         const KhUnitProfile *profile)
{
  const KhLanguage languages[2] = { KH_LANGUAGE_FI, KH_LANGUAGE_SV };

  g_return_if_fail (content != NULL && profile != NULL);

  for (guint i = 0; i < 2; i++)
    {
      KhLetterhead letterhead;
      KhRectificationAuthority authority;

      kh_unit_profile_get_letterhead (profile, languages[i], &letterhead);
      kh_unit_profile_get_authority (profile, languages[i], &authority);
      content->authority[i] = (KhDecisionAuthority) {
        .name = letterhead.organisation,
        .unit = letterhead.unit,
        .postal_address = letterhead.postal_address,
        .postal_code_town = letterhead.postal_code_town,
        .email = letterhead.email,
        .phone = letterhead.phone,
      };
      content->rectification[i] = (KhDecisionAuthority) {
        .name = authority.name,
        .postal_address = authority.postal_address,
        .postal_code_town = authority.postal_code_town,
        .visiting_address = authority.visiting_address,
        .email = authority.email,
        .opening_hours = authority.opening_hours,
      };
    }
}

void
kh_decision_person_from_maker (const KhDecisionMaker *maker,
                               const char            *language,
                               KhDecisionPerson      *out)
{
  g_return_if_fail (maker != NULL && out != NULL);

  out->name = maker->name;
  out->title = kh_decision_maker_get_title (maker, g_strcmp0 (language, "sv") == 0
                                                   ? KH_LANGUAGE_SV : KH_LANGUAGE_FI);
  out->phone = maker->phone;
  out->email = maker->email;
}

gint64
kh_decision_total (const KhDecisionContent *content)
{
  gint64 total = 0;

  for (guint i = 0; i < content->n_amounts; i++)
    if (content->amounts[i].cents > 0)
      total += content->amounts[i].cents;
  return total;
}

static void
add (GArray            *problems,
     KhDecisionProblem  problem)
{
  int value = problem;

  g_array_append_val (problems, value);
}

static gboolean
is_income_support (const KhDecisionContent *c)
{
  return c->kind == KH_DECISION_SUPPLEMENTARY_SUPPORT || c->kind == KH_DECISION_PREVENTIVE_SUPPORT;
}

static gboolean
grants (const KhDecisionContent *c)
{
  return c->outcome == KH_DECISION_GRANTED || c->outcome == KH_DECISION_PARTLY_GRANTED;
}

static gboolean
person_named (const KhDecisionPerson *person)
{
  return !empty (person->name) && !empty (person->title);
}

/* What is granted: the service, or the amounts, the period and the payee
 * (HL 44 § 1 mom 3 p: "yksilöity tieto siitä, miten asia on ratkaistu"). */
static void
check_statement (const KhDecisionContent *c,
                 GArray                  *problems)
{
  gboolean bad_line = FALSE;

  if (!grants (c))
    return;
  if (!is_income_support (c))
    {
      if (empty (c->service))
        add (problems, KH_DECISION_PROBLEM_SERVICE);
      return;
    }

  if (c->n_amounts == 0 || c->amounts == NULL)
    add (problems, KH_DECISION_PROBLEM_AMOUNTS);
  for (guint i = 0; c->amounts != NULL && i < c->n_amounts; i++)
    bad_line |= empty (c->amounts[i].description) || c->amounts[i].cents <= 0
                || c->amounts[i].cents > KH_MONEY_MAX_CENTS;
  if (bad_line)
    add (problems, KH_DECISION_PROBLEM_AMOUNT_LINE);
  if (!valid_date (&c->period_start) || !valid_date (&c->period_end)
      || g_date_compare (&c->period_end, &c->period_start) < 0)
    add (problems, KH_DECISION_PROBLEM_PERIOD);
  switch (c->payee)
    {
    case KH_PAYEE_CLIENT_ACCOUNT:
      if (kh_iban_validate (c->iban, NULL) != KH_IBAN_OK)
        add (problems, KH_DECISION_PROBLEM_IBAN);
      break;
    case KH_PAYEE_DIRECT:
      if (empty (c->payee_name))
        add (problems, KH_DECISION_PROBLEM_PAYEE_NAME);
      break;
    case KH_PAYEE_NONE:
    default:
      add (problems, KH_DECISION_PROBLEM_PAYEE);
      break;
    }
}

/**
 * kh_decision_check:
 * @content: the decision
 *
 * Returns: (transfer full): the #KhDecisionProblem values (as int), in the
 *   order of the printed decision; empty if nothing is missing
 */
GArray *
kh_decision_check (const KhDecisionContent *c)
{
  GArray *problems = g_array_new (FALSE, FALSE, sizeof (int));
  KhDecisionAuthority authority, rectification;
  gboolean provisions = FALSE;

  g_return_val_if_fail (c != NULL, problems);

  if (g_strcmp0 (c->language, "fi") != 0 && g_strcmp0 (c->language, "sv") != 0)
    add (problems, KH_DECISION_PROBLEM_LANGUAGE);
  kh_decision_authority_for (c->authority, c->language, &authority);
  kh_decision_authority_for (c->rectification, c->language, &rectification);

  /* HL 44 § 1 mom 1 p. */
  if (empty (authority.name))
    add (problems, KH_DECISION_PROBLEM_AUTHORITY);
  if (!valid_date (&c->decision_date))
    add (problems, KH_DECISION_PROBLEM_DECISION_DATE);
  /* 2 p; a letter also needs somewhere to go. */
  if (empty (c->party_name))
    add (problems, KH_DECISION_PROBLEM_PARTY);
  if (c->delivery == KH_DELIVERY_LETTER && empty (c->party_address))
    add (problems, KH_DECISION_PROBLEM_PARTY_ADDRESS);
  /* 3 p. */
  if (empty (c->subject))
    add (problems, KH_DECISION_PROBLEM_SUBJECT);
  if (c->outcome != KH_DECISION_GRANTED && c->outcome != KH_DECISION_PARTLY_GRANTED
      && c->outcome != KH_DECISION_REFUSED)
    add (problems, KH_DECISION_PROBLEM_OUTCOME);
  check_statement (c, problems);
  /* HL 45 § 1 mom. */
  if (empty (c->reasoning))
    add (problems, KH_DECISION_PROBLEM_REASONING);
  for (guint i = 0; c->provisions != NULL && c->provisions[i] != NULL; i++)
    provisions |= !empty (c->provisions[i]);
  if (!provisions)
    add (problems, KH_DECISION_PROBLEM_PROVISIONS);
  /* SHL 45 § (677/2023). */
  if (c->departs_from_plan && empty (c->plan_departure_reasons))
    add (problems, KH_DECISION_PROBLEM_PLAN_DEPARTURE);
  /* The signature and HL 44 § 1 mom 4 p. */
  if (!person_named (&c->maker))
    add (problems, KH_DECISION_PROBLEM_MAKER);
  if (!person_named (&c->preparer))
    add (problems, KH_DECISION_PROBLEM_PREPARER);
  if (empty (c->contact.name) || (empty (c->contact.phone) && empty (c->contact.email)))
    add (problems, KH_DECISION_PROBLEM_CONTACT);
  /* HL 47 § 1 mom 1–4 p (through 46 §), 150/1930 6 §: where the request
   * goes, how it can be delivered, and until when the office is open. */
  if (empty (rectification.name))
    add (problems, KH_DECISION_PROBLEM_RECTIFICATION_AUTHORITY);
  if (empty (rectification.postal_address) || empty (rectification.email)
      || empty (rectification.opening_hours))
    add (problems, KH_DECISION_PROBLEM_RECTIFICATION_ADDRESS);
  /* The time limit runs from notification (HL 49 c §). */
  if (!valid_date (&c->sent_date)
      || (valid_date (&c->decision_date) && g_date_compare (&c->sent_date, &c->decision_date) < 0))
    add (problems, KH_DECISION_PROBLEM_SENT_DATE);
  else if (c->delivery == KH_DELIVERY_PROVEN && valid_date (&c->received_date)
           && g_date_compare (&c->received_date, &c->sent_date) < 0)
    add (problems, KH_DECISION_PROBLEM_RECEIVED_DATE);
  return problems;
}

/**
 * kh_decision_problem_message:
 * @problem: a #KhDecisionProblem
 *
 * Returns: what to fill in or correct, in the UI language
 */
const char *
kh_decision_problem_message (KhDecisionProblem problem)
{
  switch (problem)
    {
    case KH_DECISION_PROBLEM_LANGUAGE:
      return _("Choose the language of the decision: Finnish or Swedish");
    case KH_DECISION_PROBLEM_AUTHORITY:
      return _("The decision must name the authority that made it (the unit's document settings)");
    case KH_DECISION_PROBLEM_DECISION_DATE:
      return _("Enter the date of the decision");
    case KH_DECISION_PROBLEM_PARTY:
      return _("The decision must name the party it concerns");
    case KH_DECISION_PROBLEM_PARTY_ADDRESS:
      return _("A decision sent by letter needs the party's postal address");
    case KH_DECISION_PROBLEM_SUBJECT:
      return _("Say what the matter is: what was applied for, and when");
    case KH_DECISION_PROBLEM_OUTCOME:
      return _("Choose the outcome: granted, partly granted or refused");
    case KH_DECISION_PROBLEM_SERVICE:
      return _("Say which service is granted, to what extent and from when");
    case KH_DECISION_PROBLEM_AMOUNTS:
      return _("Income support that is granted needs at least one amount");
    case KH_DECISION_PROBLEM_AMOUNT_LINE:
      return _("Every amount needs a description and a sum greater than zero");
    case KH_DECISION_PROBLEM_PERIOD:
      return _("Enter the period of the income support: the first and the last day");
    case KH_DECISION_PROBLEM_PAYEE:
      return _("Choose to whom the support is paid: the client's account or directly to a payee");
    case KH_DECISION_PROBLEM_IBAN:
      return _("The client's account number is not a valid Finnish IBAN");
    case KH_DECISION_PROBLEM_PAYEE_NAME:
      return _("Name the landlord or service provider to whom the support is paid");
    case KH_DECISION_PROBLEM_REASONING:
      return _("Write the reasons: the facts and the evidence that affected the decision");
    case KH_DECISION_PROBLEM_PROVISIONS:
      return _("List the provisions applied");
    case KH_DECISION_PROBLEM_PLAN_DEPARTURE:
      return _("The decision departs from the services in the client plan: give the reasons for that");
    case KH_DECISION_PROBLEM_MAKER:
      return _("Enter the name and title of the decision maker");
    case KH_DECISION_PROBLEM_PREPARER:
      return _("Enter the name and title of the person who prepared the decision");
    case KH_DECISION_PROBLEM_CONTACT:
      return _("Name the person who gives more information, with a phone number or an e-mail address");
    case KH_DECISION_PROBLEM_RECTIFICATION_AUTHORITY:
      return _("The instructions for requesting rectification must name the authority that handles the request (the unit's document settings)");
    case KH_DECISION_PROBLEM_RECTIFICATION_ADDRESS:
      return _("The authority that handles requests for rectification needs a postal address, an e-mail address and opening hours (the unit's document settings)");
    case KH_DECISION_PROBLEM_SENT_DATE:
      return _("Enter the date the decision is sent; it cannot be before the date of the decision");
    case KH_DECISION_PROBLEM_RECEIVED_DATE:
      return _("The date of receipt cannot be before the date the decision was sent");
    default:
      break;
    }
  g_return_val_if_reached (_("The decision is incomplete"));
}

/**
 * kh_decision_number_format:
 * @number: the decision's number in its year, from 1
 * @year: the year
 *
 * Returns: (transfer full): "123/2026"
 */
char *
kh_decision_number_format (guint number,
                           guint year)
{
  return g_strdup_printf ("%u/%u", number, year);
}

/* Reads a run of ASCII digits without a leading zero; FALSE if none, if it
 * starts with 0, or if it is longer than `max_digits`. */
static gboolean
read_number (const char **p,
             guint        max_digits,
             guint       *out)
{
  guint value = 0, n = 0;

  if (**p == '0')
    return FALSE;
  while (g_ascii_isdigit (**p))
    {
      if (++n > max_digits)
        return FALSE;
      value = value * 10 + (guint) (**p - '0');
      (*p)++;
    }
  *out = value;
  return n > 0;
}

static void
skip_spaces (const char **p)
{
  while (**p == ' ')
    (*p)++;
}

/**
 * kh_decision_number_parse:
 * @text: "123/2026"
 * @out_number: (out) (optional): 123
 * @out_year: (out) (optional): 2026
 *
 * Returns: %TRUE if @text is a register number
 */
gboolean
kh_decision_number_parse (const char *text,
                          guint      *out_number,
                          guint      *out_year)
{
  const char *p = text;
  guint number, year;

  if (text == NULL)
    return FALSE;
  skip_spaces (&p);
  if (!read_number (&p, 6, &number) || number > MAX_NUMBER)
    return FALSE;
  skip_spaces (&p);
  if (*p++ != '/')
    return FALSE;
  skip_spaces (&p);
  if (!read_number (&p, 4, &year) || year < 2000)
    return FALSE;
  skip_spaces (&p);
  if (*p != '\0')
    return FALSE;
  if (out_number != NULL)
    *out_number = number;
  if (out_year != NULL)
    *out_year = year;
  return TRUE;
}
