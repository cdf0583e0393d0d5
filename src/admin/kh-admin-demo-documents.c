/* kh-admin-demo-documents.c — issued decisions for the demo's people
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 8, 7: `kohtaamo-admin demo` also issues documents, so that a
 * demonstration shows decisions on the timeline, in the preview and in
 * `documents export`. Decisions on supplementary income support —
 * granted, partly granted and refused — for Finnish- and Swedish-speaking
 * people with a case, each in the person's own language, rendered with
 * the register number the store gives it (kh_db_issue_document_rendered),
 * signed by the unit profile's decision makers, and issued by a social
 * worker of the demo as the store's rules require (not the administrator
 * who runs the demo). Everything is invented: the amounts, the reasons
 * and the account (the IBAN standard's own example number).
 */

#define G_LOG_DOMAIN "kohtaamo-admin"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/kh-catalog.h"
#include "core/kh-decision-rules.h"
#include "core/kh-document-kind.h"
#include "documents/kh-decision.h"

#include "kh-admin-demo.h"

typedef struct {
  const char *subject;
  const KhDecisionAmount *amounts;
  guint n_amounts;
  const char *reasoning;
} Outcome;

/* [language][outcome - 1]: fi, sv × granted, partly granted, refused. */
static const KhDecisionAmount granted_fi[] = {
  { "Vuokra", 41250 },
  { "Sähkölasku", 8990 },
};
static const KhDecisionAmount granted_sv[] = {
  { "Hyra", 41250 },
  { "Elräkning", 8990 },
};
static const KhDecisionAmount partly_fi[] = {
  { "Hammashoidon lasku", 18400 },
};
static const KhDecisionAmount partly_sv[] = {
  { "Räkning för tandvård", 18400 },
};

static const Outcome outcomes[2][3] = {
  {
    { "Hakemus: vuokra ja sähkölasku", granted_fi, G_N_ELEMENTS (granted_fi),
      "Asumismenot ovat kohonneet äkillisesti, ja hakemuksen liitteistä ilmenee, ettei "
      "hakijalla ole säästöjä eikä muita tuloja kuin perustoimeentulotuki. Vuokra ja "
      "sähkölasku ovat välttämättömiä menoja, joita perustoimeentulotuki ei kata tänä kuukautena." },
    { "Hakemus: hammashoito ja muuttokulut", partly_fi, G_N_ELEMENTS (partly_fi),
      "Hammashoidon tarve on todettu hammaslääkärin lausunnossa, ja hoito on välttämätöntä. "
      "Muuttokuluista ei ole esitetty selvitystä, joten niiltä osin hakemus hylätään." },
    { "Hakemus: kodinkoneen hankinta", NULL, 0,
      "Hakemuksen liitteistä ilmenee, että hakijalla on käytössään säästöjä, joilla kodinkone "
      "voidaan hankkia. Täydentävää toimeentulotukea ei siksi myönnetä." },
  },
  {
    { "Ansökan: hyra och elräkning", granted_sv, G_N_ELEMENTS (granted_sv),
      "Boendeutgifterna har ökat plötsligt, och av bilagorna till ansökan framgår att sökanden "
      "inte har några besparingar eller andra inkomster än grundläggande utkomststöd. Hyran och "
      "elräkningen är nödvändiga utgifter som det grundläggande utkomststödet inte täcker denna månad." },
    { "Ansökan: tandvård och flyttkostnader", partly_sv, G_N_ELEMENTS (partly_sv),
      "Behovet av tandvård har konstaterats i tandläkarens utlåtande, och vården är nödvändig. "
      "Flyttkostnaderna har inte visats, och till den delen avslås ansökan." },
    { "Ansökan: anskaffning av hushållsmaskin", NULL, 0,
      "Av bilagorna till ansökan framgår att sökanden har besparingar som räcker till "
      "hushållsmaskinen. Kompletterande utkomststöd beviljas därför inte." },
  },
};

static const char *const provisions_fi[] = {
  "Laki toimeentulotuesta (1412/1997) 1 §, 2 § ja 7 c §",
  "Hallintolaki (434/2003) 44 ja 45 §",
  NULL,
};
static const char *const provisions_sv[] = {
  "Lagen om utkomststöd (1412/1997) 1 §, 2 § och 7 c §",
  "Förvaltningslagen (434/2003) 44 och 45 §",
  NULL,
};

typedef struct {
  KhDecisionContent  content;
  KhCalendar        *calendar;
} Render;

/* The decision with the number the store holds for it (in its thread). */
static GBytes *
render_decision (const KhIssuedDocument  *document,
                 gpointer                 user_data,
                 GError                 **error)
{
  Render *render = user_data;
  g_autoptr(KhDocument) doc = NULL;

  render->content.number = (guint) document->register_number;
  render->content.number_year = (guint) document->register_year;
  doc = kh_decision_build (&render->content, render->calendar);
  return kh_document_render_bytes (doc, error);
}

/* The last open day at least `days` before `today`. */
static void
open_day_before (KhCalendar  *calendar,
                 const GDate *today,
                 guint        days,
                 GDate       *out)
{
  *out = *today;
  g_date_subtract_days (out, days);
  while (!kh_calendar_is_open_day (calendar, out))
    g_date_subtract_days (out, 1);
}

static KhUser *
find_social_worker (GPtrArray *users)
{
  for (guint i = 0; i < users->len; i++)
    {
      KhUser *user = g_ptr_array_index (users, i);

      if (user->active && user->role == KH_ROLE_SOCIAL_WORKER)
        return user;
    }
  return NULL;
}

static gboolean
issue_one (KhDb                   *db,
           KhUser                 *issuer,
           KhCalendar             *calendar,
           const KhUnitProfile    *profile,
           const KhDemoDocumentFor *person,
           guint                   n,
           guint                   n_people,
           const GDate            *today,
           gboolean               *issued,
           GError                **error)
{
  KhClient *client = person->client;
  gboolean sv = client->language == KH_LANGUAGE_SV;
  const char *language = sv ? "sv" : "fi";
  const Outcome *outcome = &outcomes[sv][n % 3];
  g_autoptr(GPtrArray) makers = kh_unit_profile_list_decision_makers (profile, client->language);
  g_autoptr(KhIssuedDocument) document = kh_issued_document_new ();
  g_autoptr(GArray) problems = NULL;
  g_autofree char *party = g_strdup_printf ("%s %s", client->first_names, client->last_name);
  g_autofree char *address = g_strdup_printf ("%s\n%s %s", client->address, client->postal_code,
                                              client->city);
  Render render = { { 0 }, calendar };
  KhDecisionContent *c = &render.content;
  GDate month;

  *issued = FALSE;
  if (makers->len == 0 || client->address == NULL || client->non_disclosure)
    return TRUE;
  c->language = language;
  kh_decision_set_profile (c, profile);
  /* The register's numbers follow the dates: the first decision is the oldest. */
  open_day_before (calendar, today, 2 + 3 * (n_people - 1 - n), &c->decision_date);
  c->sent_date = c->decision_date;
  c->delivery = n % 4 == 3 ? KH_DELIVERY_ELECTRONIC : KH_DELIVERY_LETTER;
  c->party_name = party;
  c->party_id = client->identity_code != NULL ? client->identity_code : client->birth_date;
  c->party_address = address;
  c->kind = KH_DECISION_SUPPLEMENTARY_SUPPORT;
  c->outcome = n % 3 == 0 ? KH_DECISION_GRANTED : n % 3 == 1 ? KH_DECISION_PARTLY_GRANTED
                                                             : KH_DECISION_REFUSED;
  c->subject = outcome->subject;
  c->amounts = outcome->amounts;
  c->n_amounts = outcome->n_amounts;
  if (c->n_amounts > 0)
    {
      /* The month of the decision. */
      g_date_clear (&month, 1);
      g_date_set_dmy (&month, 1, g_date_get_month (&c->decision_date), g_date_get_year (&c->decision_date));
      c->period_start = month;
      c->period_end = month;
      g_date_set_day (&c->period_end, g_date_get_days_in_month (g_date_get_month (&month),
                                                                g_date_get_year (&month)));
      c->payee = KH_PAYEE_CLIENT_ACCOUNT;
      c->iban = "FI2112345600000785";
    }
  c->reasoning = outcome->reasoning;
  c->provisions = sv ? provisions_sv : provisions_fi;
  kh_decision_person_from_maker (g_ptr_array_index (makers, n % makers->len), language, &c->maker);
  kh_decision_person_from_maker (g_ptr_array_index (makers, (n + 1) % makers->len), language,
                                 &c->preparer);
  c->contact = c->preparer;

  /* What HL 44–45 § require, as the UI would check it. */
  problems = kh_decision_check (c);
  if (problems->len > 0)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                   /* Translators: %s says what is missing from a decision */
                   _("A demo decision is incomplete: %s"),
                   kh_decision_problem_message (g_array_index (problems, int, 0)));
      return FALSE;
    }

  document->client_id = client->id;
  document->case_id = person->case_id;
  document->kind = KH_DOCUMENT_DECISION;
  document->language = g_strdup (language);
  document->title = g_strdup (kh_catalog_pgettext (language, "decision",
                                                   "Decision on supplementary income support"));
  document->sent_on = c->sent_date;
  document->delivery = c->delivery == KH_DELIVERY_ELECTRONIC ? KH_DOCUMENT_DELIVERY_ELECTRONIC
                                                             : KH_DOCUMENT_DELIVERY_LETTER;
  *issued = kh_db_issue_document_rendered (db, issuer, document, render_decision, &render, error) > 0;
  return *issued;
}

/**
 * kh_admin_demo_issue_documents:
 * @people: (element-type KhDemoDocumentFor): Finnish- and
 *   Swedish-speaking people with a case
 *
 * Issues a decision for each of @people, in their language, as a social
 * worker of the demo. Nothing without a social worker or a decision maker
 * in the unit profile. Returns FALSE with @error when the store refuses.
 */
gboolean
kh_admin_demo_issue_documents (KhDb        *db,
                               KhCalendar  *calendar,
                               const GDate *today,
                               GPtrArray   *people,
                               guint       *n_issued,
                               GError     **error)
{
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(KhUnitProfile) profile = NULL;
  KhUser *issuer;

  *n_issued = 0;
  if (people->len == 0)
    return TRUE;
  users = kh_db_list_users (db, error);
  if (users == NULL)
    return FALSE;
  issuer = find_social_worker (users);
  if (issuer == NULL)
    return TRUE;
  profile = kh_db_get_unit_profile (db, error);
  if (profile == NULL)
    return FALSE;
  for (guint i = 0; i < people->len; i++)
    {
      gboolean issued = FALSE;

      if (!issue_one (db, issuer, calendar, profile, g_ptr_array_index (people, i), i, people->len,
                      today, &issued, error))
        return FALSE;
      if (issued)
        (*n_issued)++;
    }
  return TRUE;
}
