/* kh-decision.c — a decision (päätös / beslut) as a printable document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The layout follows what Hallintolaki 434/2003 44–45 § asks a decision to
 * show and the order Finnish wellbeing services counties print it in
 * (domain-law.md 2.1, 2.5, 2.6; eVaka's decisions): the matter, the party,
 * the dates and the register number; the decision and, for income
 * support, the amounts, the period and the payee; a departure from the
 * client plan (SHL 45 §, 677/2023); the reasons (HL 45 §); the provisions
 * applied; the decision maker, the preparer and the person who gives more
 * information (HL 44 § 1 mom 4 p); how to request rectification. The
 * instructions for requesting rectification (HL 46–47 §, 49 b–49 d §,
 * SHL 50–51 §) follow as an attachment on a page of their own, with the
 * last day for the request computed for this decision.
 *
 * Every text is looked up in the document's language (the client's) with
 * the message context "decision"; the Swedish is the Finland-Swedish of
 * Förvaltningslagen (begäran om omprövning, delfående,
 * omprövningsmyndighet).
 */
#define G_LOG_DOMAIN "kohtaamo-documents"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/kh-catalog.h"
#include "core/kh-iban.h"
#include "core/kh-money.h"
#include "core/kh-rectification.h"
#include "kh-decision.h"

/* The translation of `msgid` in the decision's language. */
#define T(msgid) kh_catalog_pgettext (language, "decision", (msgid))

static gboolean
filled (const char *text)
{
  return text != NULL && *text != '\0';
}

static char *
format_day (KhDocument  *doc,
            const GDate *date)
{
  return g_date_valid (date) ? kh_document_format_date (doc, date) : g_strdup ("");
}

/* "Name, title" and the phone and e-mail on lines of their own. */
static char *
describe_person (const char             *language,
                 const KhDecisionPerson *person,
                 gboolean                contact)
{
  GString *text = g_string_new (person->name != NULL ? person->name : "");

  if (filled (person->title))
    g_string_append_printf (text, "\n%s", person->title);
  if (contact && filled (person->phone))
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, kh_catalog_pgettext (language, "document",
                                                         NC_ ("document", "Tel. %s")),
                              person->phone);
    }
  if (contact && filled (person->email))
    g_string_append_printf (text, "\n%s", person->email);
  return g_string_free (text, FALSE);
}

/* An address given on several lines (and its postal code and town, if
 * given apart), on one line for a table or footer. */
static char *
one_line (const char *text,
          const char *code_town)
{
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);
  char *joined = g_strjoinv (", ", lines);

  if (filled (code_town))
    {
      char *with_town = g_strdup_printf (*joined != '\0' ? "%s, %s" : "%s%s", joined, code_town);

      g_free (joined);
      joined = with_town;
    }
  return joined;
}

static const char *
kind_title (const char     *language,
            KhDecisionKind  kind)
{
  switch (kind)
    {
    case KH_DECISION_SUPPLEMENTARY_SUPPORT:
      return T (NC_ ("decision", "Decision on supplementary income support"));
    case KH_DECISION_PREVENTIVE_SUPPORT:
      return T (NC_ ("decision", "Decision on preventive income support"));
    case KH_DECISION_SERVICE:
    default:
      return T (NC_ ("decision", "Decision on a social service"));
    }
}

static const char *
outcome_text (const char        *language,
              KhDecisionOutcome  outcome)
{
  switch (outcome)
    {
    case KH_DECISION_GRANTED:
      return T (NC_ ("decision", "Granted"));
    case KH_DECISION_PARTLY_GRANTED:
      return T (NC_ ("decision", "Partly granted"));
    case KH_DECISION_REFUSED:
      return T (NC_ ("decision", "Refused"));
    case KH_DECISION_OUTCOME_NONE:
    default:
      return "";
    }
}

static char *
sent_text (KhDocument              *doc,
           const KhDecisionContent *c)
{
  const char *language = kh_document_get_language (doc);
  g_autofree char *day = format_day (doc, &c->sent_date);

  switch (c->delivery)
    {
    case KH_DELIVERY_ELECTRONIC:
      /* Translators: the sending date of a decision and how it was sent. */
      return g_strdup_printf (T (NC_ ("decision", "%s, electronically")), day);
    case KH_DELIVERY_PROVEN:
      return g_strdup_printf (T (NC_ ("decision", "%s, with proof of receipt")), day);
    case KH_DELIVERY_LETTER:
    default:
      return g_strdup_printf (T (NC_ ("decision", "%s, by ordinary letter")), day);
    }
}

/* The matter, the party, the dates and the number. */
static void
add_facts (KhDocument              *doc,
           const KhDecisionContent *c)
{
  const char *language = kh_document_get_language (doc);
  g_autofree char *party = NULL;
  g_autofree char *decided = format_day (doc, &c->decision_date);
  g_autofree char *sent = sent_text (doc, c);

  party = filled (c->party_id) && filled (c->party_name)
          ? g_strdup_printf ("%s, %s", c->party_name, c->party_id)
          : g_strdup (c->party_name != NULL ? c->party_name : "");
  kh_document_add_field (doc, T (NC_ ("decision", "Matter")), c->subject != NULL ? c->subject : "");
  kh_document_add_field (doc, T (NC_ ("decision", "Party")), party);
  kh_document_add_field (doc, T (NC_ ("decision", "Date of decision")), decided);
  if (c->number > 0)
    {
      g_autofree char *number = kh_decision_number_format (c->number, c->number_year);

      kh_document_add_field (doc, T (NC_ ("decision", "Decision number")), number);
    }
  if (filled (c->corrects))
    kh_document_add_field (doc, T (NC_ ("decision", "Corrects the decision")), c->corrects);
  kh_document_add_field (doc, T (NC_ ("decision", "Sent")), sent);
}

/* What is granted: the service, or the amounts, the period and the payee
 * (HL 44 § 1 mom 3 p). */
static void
add_statement (KhDocument              *doc,
               const KhDecisionContent *c)
{
  const char *language = kh_document_get_language (doc);
  gboolean support = c->kind != KH_DECISION_SERVICE;
  g_autofree char *total = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *period = NULL;
  g_autofree char *payee = NULL;

  kh_document_add_field (doc, T (NC_ ("decision", "Outcome")), outcome_text (language, c->outcome));
  switch (c->outcome)
    {
    case KH_DECISION_GRANTED:
      kh_document_add_paragraph (doc, support
                                 ? (c->kind == KH_DECISION_PREVENTIVE_SUPPORT
                                    ? T (NC_ ("decision", "Preventive income support is granted as follows."))
                                    : T (NC_ ("decision", "Supplementary income support is granted as follows.")))
                                 : T (NC_ ("decision", "The service is granted as follows.")));
      break;
    case KH_DECISION_PARTLY_GRANTED:
      kh_document_add_paragraph (doc, support
                                 ? (c->kind == KH_DECISION_PREVENTIVE_SUPPORT
                                    ? T (NC_ ("decision", "Preventive income support is granted in part as follows. The rest of the application is refused."))
                                    : T (NC_ ("decision", "Supplementary income support is granted in part as follows. The rest of the application is refused.")))
                                 : T (NC_ ("decision", "The service is granted in part as follows. The rest of the application is refused.")));
      break;
    case KH_DECISION_REFUSED:
      kh_document_add_paragraph (doc, T (NC_ ("decision", "The application is refused.")));
      return;
    case KH_DECISION_OUTCOME_NONE:
    default:
      return;
    }

  if (!support)
    {
      kh_document_add_field (doc, T (NC_ ("decision", "Service")), c->service != NULL ? c->service : "");
      return;
    }

  for (guint i = 0; c->amounts != NULL && i < c->n_amounts; i++)
    {
      g_autofree char *amount = kh_money_format (c->amounts[i].cents, language);

      kh_document_add_amount (doc, c->amounts[i].description != NULL ? c->amounts[i].description : "",
                              amount, FALSE);
    }
  total = kh_money_format (kh_decision_total (c), language);
  kh_document_add_amount (doc, T (NC_ ("decision", "Total")), total, TRUE);
  first = format_day (doc, &c->period_start);
  last = format_day (doc, &c->period_end);
  period = g_strdup_printf ("%s\u2013%s", first, last);
  kh_document_add_field (doc, T (NC_ ("decision", "Period")), period);
  switch (c->payee)
    {
    case KH_PAYEE_CLIENT_ACCOUNT:
      {
        g_autofree char *iban = kh_iban_format (c->iban);

        /* Translators: %s is the client's bank account (IBAN). */
        payee = g_strdup_printf (T (NC_ ("decision", "to the client's account %s")),
                                 iban != NULL ? iban : (c->iban != NULL ? c->iban : ""));
      }
      break;
    case KH_PAYEE_DIRECT:
      /* Translators: %s is a landlord or a service provider. */
      payee = g_strdup_printf (T (NC_ ("decision", "directly to %s")),
                               c->payee_name != NULL ? c->payee_name : "");
      break;
    case KH_PAYEE_NONE:
    default:
      payee = g_strdup ("");
      break;
    }
  kh_document_add_field (doc, T (NC_ ("decision", "Paid")), payee);
}

/* Paragraphs separated by an empty line. */
static void
add_text (KhDocument *doc,
          const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text != NULL ? text : "", "\n\n", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        kh_document_add_paragraph (doc, parts[i]);
    }
}

static gboolean
compute (const KhDecisionContent *c,
         KhCalendar              *calendar,
         GDate                   *notified,
         GDate                   *last_day)
{
  return kh_rectification_compute (calendar, &c->sent_date, c->delivery,
                                   c->delivery == KH_DELIVERY_PROVEN ? &c->received_date : NULL,
                                   notified, last_day, NULL);
}

char *
kh_decision_last_day_sentence (const KhDecisionContent *c,
                               KhCalendar              *calendar)
{
  const char *language = c->language;
  g_autoptr(KhDocument) doc = kh_document_new (language);
  g_autofree char *day = NULL;
  GDate notified, last_day;

  if (!compute (c, calendar, &notified, &last_day))
    return NULL;
  day = kh_document_format_date (doc, &last_day);
  /* Translators: %s is the computed last day for a request for
   * rectification, e.g. "8.4.2026". */
  return g_strdup_printf (T (NC_ ("decision", "The request for rectification must be made by %s at the latest.")),
                          day);
}

/* The computed dates for this decision, the last day in bold. */
static void
add_computed_days (KhDocument              *doc,
                   const KhDecisionContent *c,
                   KhCalendar              *calendar)
{
  const char *language = kh_document_get_language (doc);
  g_autofree char *sentence = kh_decision_last_day_sentence (c, calendar);
  g_autofree char *sent = format_day (doc, &c->sent_date);
  g_autofree char *received = NULL;
  g_autofree char *how = NULL;
  g_autofree char *markup = NULL;
  GDate notified, last_day;

  if (!compute (c, calendar, &notified, &last_day))
    {
      /* A proven delivery whose date of receipt is not known yet. (With
       * no sending date nothing is said: kh_decision_check() refuses
       * such a decision.) */
      if (c->delivery == KH_DELIVERY_PROVEN && g_date_valid (&c->sent_date))
        kh_document_add_paragraph (doc, T (NC_ ("decision", "This decision is notified with proof of receipt. The time limit is counted from the date of receipt on the acknowledgement of receipt.")));
      return;
    }
  received = kh_document_format_date (doc, &notified);
  switch (c->delivery)
    {
    case KH_DELIVERY_ELECTRONIC:
      /* Translators: the first %s is the day the decision was sent, the
       * second the day the party is deemed to have received it. */
      how = g_strdup_printf (T (NC_ ("decision", "This decision was sent electronically on %s, so it is deemed to have been received on %s.")),
                             sent, received);
      break;
    case KH_DELIVERY_PROVEN:
      /* Translators: %s is the date of receipt. */
      how = g_strdup_printf (T (NC_ ("decision", "This decision was received on %s according to the proof of receipt.")),
                             received);
      break;
    case KH_DELIVERY_LETTER:
    default:
      how = g_strdup_printf (T (NC_ ("decision", "This decision was sent by ordinary letter on %s, so it is deemed to have been received on %s.")),
                             sent, received);
      break;
    }
  markup = g_markup_printf_escaped ("%s <b>%s</b>", how, sentence);
  kh_document_add_paragraph_markup (doc, markup);
}

static void
add_authority_fields (KhDocument                *doc,
                      const KhDecisionAuthority *authority)
{
  const char *language = kh_document_get_language (doc);
  g_autofree char *postal = one_line (authority->postal_address, authority->postal_code_town);
  g_autofree char *visiting = one_line (authority->visiting_address, NULL);
  g_autofree char *name = filled (authority->unit)
                          ? g_strdup_printf ("%s\n%s", authority->name, authority->unit)
                          : g_strdup (authority->name != NULL ? authority->name : "");

  kh_document_add_field (doc, T (NC_ ("decision", "Authority")), name);
  if (filled (postal))
    kh_document_add_field (doc, T (NC_ ("decision", "Postal address")), postal);
  if (filled (visiting))
    kh_document_add_field (doc, T (NC_ ("decision", "Visiting address")), visiting);
  if (filled (authority->email))
    kh_document_add_field (doc, T (NC_ ("decision", "E-mail")), authority->email);
  if (filled (authority->phone))
    kh_document_add_field (doc, T (NC_ ("decision", "Telephone")), authority->phone);
  if (filled (authority->opening_hours))
    kh_document_add_field (doc, T (NC_ ("decision", "Opening hours")), authority->opening_hours);
}

/* HL 46–47 §, 49 b–49 d §, 59 §, 150/1930 5–6 §, SHL 50–51 §;
 * domain-law.md 2.5, in its order. */
static void
add_rectification_instructions (KhDocument              *doc,
                                const KhDecisionContent *c,
                                KhCalendar              *calendar)
{
  const char *language = kh_document_get_language (doc);
  KhDecisionAuthority authority;
  g_autofree char *decided = format_day (doc, &c->decision_date);
  g_autofree char *concerns = NULL;
  const char *content_items[] = {
    T (NC_ ("decision", "the decision that the request concerns")),
    T (NC_ ("decision", "which part of the decision should be rectified and how it should be changed")),
    T (NC_ ("decision", "the grounds for the request")),
    T (NC_ ("decision", "the name and municipality of residence of the person making the request, and the postal address, telephone number or other contact details to which messages about the matter can be sent")),
    T (NC_ ("decision", "if the request is made by a legal representative or an agent, or drawn up by someone else, that person's name and contact details")),
    NULL,
  };
  const char *attachment_items[] = {
    T (NC_ ("decision", "the decision, in the original or as a copy")),
    T (NC_ ("decision", "a statement of the day on which the decision was received, or other evidence of when the time limit began")),
    T (NC_ ("decision", "the documents the request relies on, unless they have already been given to the authority")),
    NULL,
  };

  kh_decision_authority_for (c->rectification, language, &authority);
  kh_document_add_page_break (doc, T (NC_ ("decision", "Instructions for requesting rectification")));
  kh_document_add_heading (doc, 1, T (NC_ ("decision", "Instructions for requesting rectification")));
  if (c->number > 0)
    {
      g_autofree char *number = kh_decision_number_format (c->number, c->number_year);

      /* Translators: the decision's number and date. */
      concerns = g_strdup_printf (T (NC_ ("decision", "These instructions concern decision %s of %s.")),
                                  number, decided);
    }
  else
    concerns = g_strdup_printf (T (NC_ ("decision", "These instructions concern the decision of %s.")),
                                decided);
  kh_document_add_paragraph (doc, concerns);

  kh_document_add_heading (doc, 2, T (NC_ ("decision", "Right to request rectification")));
  kh_document_add_paragraph (doc, T (NC_ ("decision", "A person who is dissatisfied with this decision may make a written request for rectification. An appeal against the decision may not be made directly to a court.")));
  kh_document_add_paragraph (doc, T (NC_ ("decision", "Rectification may be requested by the person to whom the decision is addressed or whose right, obligation or interest it directly affects (a party).")));

  kh_document_add_heading (doc, 2, T (NC_ ("decision", "Rectification authority")));
  kh_document_add_paragraph (doc, T (NC_ ("decision", "The request for rectification is made to:")));
  add_authority_fields (doc, &authority);

  kh_document_add_heading (doc, 2, T (NC_ ("decision", "Time limit for requesting rectification")));
  kh_document_add_paragraph (doc, T (NC_ ("decision", "The request for rectification must be made within 30 days of notification of the decision. The day of notification is not counted. If the last day of the time limit is a Sunday or other public holiday, Independence Day, May Day, Christmas Eve, Midsummer Eve or a Saturday, the request may be made on the next working day. The request must reach the rectification authority before its office closes on the last day.")));
  kh_document_add_heading (doc, 2, T (NC_ ("decision", "Notification")));
  kh_document_add_paragraph (doc, T (NC_ ("decision", "When the decision is sent by ordinary letter, the party is deemed to have received it on the seventh day after the letter was sent, unless shown otherwise. When the decision is notified by ordinary electronic notification, the party is deemed to have received it on the third day after the message was sent, unless shown otherwise. When the decision is notified with proof of receipt, the day of notification is the date on the acknowledgement of receipt or the certificate of service.")));
  add_computed_days (doc, c, calendar);

  kh_document_add_heading (doc, 2, T (NC_ ("decision", "Form and content of the request")));
  kh_document_add_paragraph (doc, T (NC_ ("decision", "The request for rectification is made in writing. It may also be sent by e-mail. The request must state:")));
  kh_document_add_list (doc, content_items);

  kh_document_add_heading (doc, 2, T (NC_ ("decision", "Attachments to the request")));
  kh_document_add_paragraph (doc, T (NC_ ("decision", "The following are attached to the request for rectification:")));
  kh_document_add_list (doc, attachment_items);

  kh_document_add_heading (doc, 2, T (NC_ ("decision", "Delivering the request")));
  kh_document_add_paragraph (doc, T (NC_ ("decision", "The request may be delivered in person, through an agent or a messenger, by post or by e-mail. The sender is responsible for the request reaching the authority within the time limit. Handling a request for rectification is free of charge.")));

  kh_document_add_heading (doc, 2, T (NC_ ("decision", "Appeal against the decision on the request")));
  kh_document_add_paragraph (doc, T (NC_ ("decision", "The decision given on a request for rectification may be appealed to the administrative court. Instructions for appeal are attached to that decision.")));
}

/**
 * kh_decision_build:
 * @content: the decision
 * @calendar: the Finnish calendar, for the last day of the time limit
 *
 * Returns: (transfer full): the decision and its rectification
 *   instructions, in content->language
 */
KhDocument *
kh_decision_build (const KhDecisionContent *c,
                   KhCalendar              *calendar)
{
  const char *language;
  KhDocument *doc;
  KhDecisionAuthority authority;
  g_autofree char *address = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *last_day = NULL;
  g_autofree char *maker = NULL;
  g_autofree char *preparer = NULL;
  g_autofree char *contact = NULL;
  const char *attachments[2] = { NULL, NULL };

  g_return_val_if_fail (c != NULL && calendar != NULL, NULL);

  language = g_strcmp0 (c->language, "sv") == 0 ? "sv" : "fi";
  doc = kh_document_new (language);
  kh_decision_authority_for (c->authority, language, &authority);
  address = one_line (authority.postal_address, authority.postal_code_town);
  kh_document_set_letterhead (doc, authority.name, authority.unit, address, authority.phone);
  kh_document_set_title (doc, T (NC_ ("decision", "Decision")));
  kh_document_set_author (doc, c->maker.name);
  subject = filled (c->subject) ? g_strdup_printf ("%s: %s", kind_title (language, c->kind), c->subject)
                                : g_strdup (kind_title (language, c->kind));
  kh_document_set_subject (doc, subject);
  if (g_date_valid (&c->decision_date))
    {
      g_autoptr(GDateTime) date = g_date_time_new_utc (g_date_get_year (&c->decision_date),
                                                       g_date_get_month (&c->decision_date),
                                                       g_date_get_day (&c->decision_date), 12, 0, 0);

      kh_document_set_date (doc, date);
    }
  if (c->number > 0)
    {
      g_autofree char *number = kh_decision_number_format (c->number, c->number_year);
      /* Translators: in the header of a decision; %s is "123/2026". */
      g_autofree char *reference = g_strdup_printf (T (NC_ ("decision", "No. %s")), number);

      kh_document_set_reference (doc, reference);
    }
  kh_document_set_recipient (doc, c->party_name, c->party_address);

  kh_document_add_heading (doc, 1, kind_title (language, c->kind));
  add_facts (doc, c);

  kh_document_add_heading (doc, 2, T (NC_ ("decision", "Decision")));
  add_statement (doc, c);

  if (c->departs_from_plan)
    {
      kh_document_add_heading (doc, 2, T (NC_ ("decision", "Departure from the client plan")));
      kh_document_add_paragraph (doc, T (NC_ ("decision", "The decision departs from the services recorded in the client plan for the following reasons.")));
      add_text (doc, c->plan_departure_reasons);
    }

  kh_document_add_heading (doc, 2, T (NC_ ("decision", "Reasons")));
  add_text (doc, c->reasoning);

  if (c->provisions != NULL && c->provisions[0] != NULL)
    {
      kh_document_add_heading (doc, 2, T (NC_ ("decision", "Provisions applied")));
      kh_document_add_list (doc, c->provisions);
    }

  maker = describe_person (language, &c->maker, FALSE);
  preparer = describe_person (language, &c->preparer, FALSE);
  contact = describe_person (language, &c->contact, TRUE);
  kh_document_add_heading (doc, 2, T (NC_ ("decision", "Decision maker")));
  kh_document_add_paragraph (doc, maker);
  kh_document_add_heading (doc, 2, T (NC_ ("decision", "Prepared by")));
  kh_document_add_paragraph (doc, preparer);
  kh_document_add_heading (doc, 2, T (NC_ ("decision", "Further information")));
  kh_document_add_paragraph (doc, contact);

  kh_document_add_heading (doc, 2, T (NC_ ("decision", "Requesting rectification")));
  kh_document_add_paragraph (doc, T (NC_ ("decision", "A person who is dissatisfied with this decision may request rectification. The instructions for requesting rectification are attached.")));
  last_day = kh_decision_last_day_sentence (c, calendar);
  if (last_day != NULL)
    {
      g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>", last_day);

      kh_document_add_paragraph_markup (doc, markup);
    }

  attachments[0] = T (NC_ ("decision", "Instructions for requesting rectification"));
  kh_document_add_attachments (doc, attachments);

  add_rectification_instructions (doc, c, calendar);
  return doc;
}
