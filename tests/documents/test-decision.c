/* test-decision.c — decisions read back with poppler
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A decision is built from plain content (core/kh-decision-rules.h) in the
 * client's language while the process's own language is the other one,
 * rendered to PDF and read back: the headings and texts of that language
 * and none of the other's, everything Hallintolaki 44–45 § and the
 * rectification instructions require, and the last day for a request for
 * rectification printed right for sending dates around Easter, Midsummer,
 * Christmas and a weekend (the dates worked out by hand, as in
 * tests/core/test-rectification.c). Fictional people and unit; the account
 * is the published example IBAN.
 *
 * With KH_TEST_PDF_DIR=DIR the PDFs are also written there, to look at
 * (pdftoppm -r 60 -png DIR/fi-decision.pdf /tmp/fi).
 */
#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "documents/kh-decision.h"
#include "document-test-util.h"


static const KhDecisionAmount amounts_fi[] = {
  { "Vuokra joulukuu 2026", 41250 },
  { "Sähkölasku marraskuu 2026", 8990 },
};
static const KhDecisionAmount amounts_sv[] = {
  { "Hyra december 2026", 41250 },
  { "Elräkning november 2026", 8990 },
};
static const char *const provisions_fi[] = {
  "Laki toimeentulotuesta (1412/1997) 7 c §",
  "Hallintolaki (434/2003) 44 ja 45 §",
  NULL,
};
static const char *const provisions_sv[] = {
  "Lagen om utkomststöd (1412/1997) 7 c §",
  "Förvaltningslagen (434/2003) 44 och 45 §",
  NULL,
};

static void
set (GDate *date,
     guint  d,
     guint  m,
     guint  y)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, d, m, y);
}

/* A complete decision on supplementary income support, sent by letter on
 * Monday 2 March 2026 (domain-law.md 2.3: last day Wednesday 8 April). */
static void
new_content (KhDecisionContent *c,
             const char        *language)
{
  gboolean fi = g_str_equal (language, "fi");

  *c = (KhDecisionContent) { 0 };
  c->language = language;
  c->authority[0] = (KhDecisionAuthority) {
    .name = "Pohjolan hyvinvointialue", .unit = "Aikuissosiaalityö, Keskustan tiimi",
    .postal_address = "PL 10\n90101 Oulu", .phone = "08 555 0100",
  };
  c->authority[1] = (KhDecisionAuthority) {
    .name = "Välfärdsområdet Norden", .unit = "Socialt arbete för vuxna, centrumteamet",
    .postal_address = "PB 10\n90101 Uleåborg",
  };
  set (&c->decision_date, 2, 3, 2026);
  c->number = 123;
  c->number_year = 2026;
  c->party_name = "Áŋŋel Čuđđi";
  c->party_id = "010190-999W";
  c->party_address = fi ? "Äijälänkatu 4 B 12\n90130 Oulu" : "Äijälägatan 4 B 12\n90130 Uleåborg";
  c->kind = KH_DECISION_SUPPLEMENTARY_SUPPORT;
  c->outcome = KH_DECISION_PARTLY_GRANTED;
  c->subject = fi ? "Hakemus 24.2.2026: vuokra ja sähkölasku" : "Ansökan 24.2.2026: hyra och elräkning";
  c->amounts = fi ? amounts_fi : amounts_sv;
  c->n_amounts = 2;
  set (&c->period_start, 1, 3, 2026);
  set (&c->period_end, 31, 3, 2026);
  c->payee = KH_PAYEE_CLIENT_ACCOUNT;
  c->iban = "fi2112345600000785";
  c->reasoning = fi
    ? "Asumismenot ovat kohonneet äkillisesti. Hakemuksen liitteinä olleista tiedoista "
      "ilmenee, että säästöjä ei ole.\n\nMuuttokuluja ei ole esitetty, joten niiltä osin "
      "hakemus hylätään. Öljylämmityksen lisälaskua ei ole otettu huomioon."
    : "Boendeutgifterna har ökat plötsligt. Av bilagorna till ansökan framgår att det inte "
      "finns några besparingar.\n\nFlyttkostnader har inte visats, och till den delen avslås "
      "ansökan. Ärendet har utretts.";
  c->provisions = fi ? provisions_fi : provisions_sv;
  c->maker = (KhDecisionPerson) { "Åsa Öhman", fi ? "johtava sosiaalityöntekijä" : "ledande socialarbetare",
                                  NULL, NULL };
  c->preparer = (KhDecisionPerson) { "Eero Esimerkki", fi ? "sosiaaliohjaaja" : "socialhandledare",
                                     NULL, NULL };
  c->contact = (KhDecisionPerson) { "Eero Esimerkki", fi ? "sosiaaliohjaaja" : "socialhandledare",
                                    "08 555 0101", "eero.esimerkki@example.fi" };
  c->rectification[0] = (KhDecisionAuthority) {
    .name = "Pohjolan hyvinvointialue", .unit = "Yksilöasioiden jaosto",
    .postal_address = "Kirjaamo, PL 10\n90101 Oulu", .visiting_address = "Kirkkokatu 9 A, 90100 Oulu",
    .email = "kirjaamo@example.fi", .opening_hours = "ma–pe klo 9–15",
  };
  c->rectification[1] = (KhDecisionAuthority) {
    .name = "Välfärdsområdet Norden", .unit = "Sektionen för individuella ärenden",
    .postal_address = "Registratorskontoret, PB 10\n90101 Uleåborg",
    .visiting_address = "Kyrkogatan 9 A, 90100 Uleåborg",
    .opening_hours = "mån–fre kl. 9–15",
  };
  set (&c->sent_date, 2, 3, 2026);
  c->delivery = KH_DELIVERY_LETTER;
}

/* The 0-based page of the first page whose text has `needle`, or -1. */
static int
page_of (PopplerDocument *pdf,
         const char      *needle)
{
  for (int i = 0; i < poppler_document_get_n_pages (pdf); i++)
    {
      g_autofree char *text = doc_test_text (pdf, i);

      if (strstr (text, needle) != NULL)
        return i;
    }
  return -1;
}

/* Every heading and the fixed text of a Finnish decision, HL 44–45 § and
 * the rectification instructions (domain-law.md 2.5) in order. */
static const char *const finnish[] = {
  "Päätös täydentävästä toimeentulotuesta",
  "Asia", "Asianosainen", "Päätöspäivä", "Päätösnumero", "Lähetetty",
  "Ratkaisu", "Myönnetään osittain",
  "Täydentävää toimeentulotukea myönnetään osittain seuraavasti. Muilta osin hakemus hylätään.",
  "Yhteensä", "Ajalle", "Maksetaan",
  "Perustelut", "Sovelletut oikeusohjeet", "Päätöksen tekijä", "Valmistelija", "Lisätietoja antaa",
  "Muutoksenhaku", "Liitteet",
  "Oikaisuvaatimusohje", "Oikaisuvaatimusoikeus",
  "jonka oikeuteen, velvollisuuteen tai etuun päätös välittömästi vaikuttaa",
  "Oikaisuvaatimusviranomainen", "Postiosoite", "Käyntiosoite", "Sähköposti", "Aukioloaika",
  "Oikaisuvaatimusaika", "30 päivän kuluessa", "Tiedoksisaantipäivää ei lueta määräaikaan",
  "joulu- tai juhannusaatto tai arkilauantai",
  "Tiedoksisaanti", "seitsemäntenä päivänä", "kolmantena päivänä", "saantitodistukseen",
  "Oikaisuvaatimuksen muoto ja sisältö", "Oikaisuvaatimuksen liitteet",
  "Oikaisuvaatimuksen toimittaminen",
  "Muutoksenhaku oikaisuvaatimukseen annettuun päätökseen", "hallinto-oikeuteen",
  "Sivu 1 (", "puh. 08 555 0100",
};

static const char *const swedish[] = {
  "Beslut om kompletterande utkomststöd",
  "Ärende", "Part", "Beslutsdatum", "Beslutsnummer", "Avsänt",
  "Avgörande", "Beviljas delvis",
  "Kompletterande utkomststöd beviljas delvis enligt följande. I övrigt avslås ansökan.",
  "Sammanlagt", "För tiden", "Betalas",
  "Motivering", "Tillämpade rättsregler", "Beslutsfattare", "Beslutsberedare",
  "Ytterligare upplysningar ger", "Ändringssökande", "Bilagor",
  "Anvisning för begäran om omprövning", "Rätt att begära omprövning",
  "vars rätt, skyldighet eller fördel direkt påverkas av beslutet",
  "Omprövningsmyndighet", "Postadress", "Besöksadress", "E-post", "Öppettider",
  "Tid för begäran om omprövning", "inom 30 dagar", "Delfåendedagen räknas inte in i tiden",
  "julafton", "Delfående", "den sjunde dagen", "den tredje dagen", "mottagningsbeviset",
  "Begärans form och innehåll", "Bilagor till begäran om omprövning",
  "Inlämning av begäran om omprövning",
  "Ändringssökande i beslut med anledning av begäran om omprövning", "förvaltningsdomstolen",
  "Sida 1 (", "tfn 08 555 0100",
};

/* Finnish words that must not appear in a Swedish decision: every
 * Finnish heading and the words of the fixed texts. */
static const char *const finnish_words[] = {
  "Päätös", "päätös", "Asia", "Asianosainen", "Ratkaisu", "Myönnetään", "Yhteensä", "Ajalle",
  "Maksetaan", "Perustelut", "Sovelletut", "Valmistelija", "Lisätietoja", "Muutoksenhaku",
  "Liitteet", "Oikaisu", "oikaisu", "Tiedoksi", "tiedoksi", "viimeistään", "kirjeenä",
  "Sivu", "puh.", "Postiosoite", "Aukioloaika", "hallinto-oikeu", "asiakkaan", "tilille",
  "Hyvinvointialue", "hyvinvointialue", "Kirjaamo", "Yksilöasioiden",
};

static const char *const swedish_words[] = {
  "Beslut", "beslut", "Ärende", "Motivering", "Beslutsfattare", "omprövning", "Delfående",
  "Sida", "tfn", "Bilagor", "Betalas", "Sammanlagt", "senast", "Välfärdsområdet",
};

static void
check_language (const char         *language,
                const char         *ui_language,
                const char *const  *expected,
                guint               n_expected,
                const char *const  *other_words,
                guint               n_other)
{
  g_autoptr(KhCalendar) calendar = kh_calendar_new ();
  KhDecisionContent content;
  g_autoptr(KhDocument) doc = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autofree char *text = NULL;
  g_autofree char *name = g_strdup_printf ("%s-decision.pdf", language);
  gboolean fi = g_str_equal (language, "fi");
  g_autofree char *title = NULL;
  int instructions;

  doc_test_set_ui_language (ui_language);
  new_content (&content, language);
  doc = kh_decision_build (&content, calendar);
  g_assert_cmpstr (kh_document_get_language (doc), ==, language);
  pdf = doc_test_render (doc, name, NULL);
  text = doc_test_text (pdf, -1);

  for (guint i = 0; i < n_expected; i++)
    if (strstr (expected[i], "\u00ad") == NULL)
      doc_test_assert_contains (text, expected[i]);
  for (guint i = 0; i < n_other; i++)
    doc_test_assert_lacks (text, other_words[i]);

  /* HL 44 § 1 mom: the authority and the date, the party, the statement,
   * the contact person; 45 §: reasons and provisions. */
  doc_test_assert_contains (text, fi ? "Pohjolan hyvinvointialue" : "Välfärdsområdet Norden");
  doc_test_assert_contains (text, "2.3.2026");
  doc_test_assert_contains (text, "123/2026");
  doc_test_assert_contains (text, fi ? "Äijälänkatu 4 B 12" : "Äijälägatan 4 B 12");
  doc_test_assert_same_row (pdf, fi ? "Vuokra joulukuu 2026" : "Hyra december 2026", "412,50\u00a0€");
  doc_test_assert_same_row (pdf, fi ? "Sähkölasku marraskuu 2026" : "Elräkning november 2026", "89,90\u00a0€");
  doc_test_assert_same_row (pdf, fi ? "Yhteensä" : "Sammanlagt", "502,40\u00a0€");
  doc_test_assert_same_row (pdf, fi ? "Ajalle" : "För tiden", "1.3.2026–31.3.2026");
  doc_test_assert_same_row (pdf, fi ? "Maksetaan" : "Betalas",
                   fi ? "asiakkaan tilille FI21 1234 5600 0007 85"
                      : "till klientens konto FI21 1234 5600 0007 85");
  doc_test_assert_same_row (pdf, fi ? "Ratkaisu" : "Avgörande", fi ? "Myönnetään osittain" : "Beviljas delvis");
  doc_test_assert_same_row (pdf, fi ? "Asianosainen" : "Part", "Áŋŋel Čuđđi, 010190-999W");
  doc_test_assert_contains (text, fi ? "Öljylämmityksen lisälaskua" : "Ärendet har utretts.");
  doc_test_assert_contains (text, fi ? "Laki toimeentulotuesta (1412/1997) 7 c §"
                            : "Lagen om utkomststöd (1412/1997) 7 c §");
  doc_test_assert_contains (text, fi ? "Åsa Öhman johtava sosiaalityöntekijä" : "Åsa Öhman ledande socialarbetare");
  doc_test_assert_contains (text, fi ? "Eero Esimerkki sosiaaliohjaaja" : "Eero Esimerkki socialhandledare");
  doc_test_assert_contains (text, fi ? "puh. 08 555 0101" : "tfn 08 555 0101");
  doc_test_assert_contains (text, "eero.esimerkki@example.fi");
  /* The rectification authority in the document's language; its e-mail
   * address, given only in Finnish, is used in Swedish too. */
  doc_test_assert_contains (text, fi ? "Yksilöasioiden jaosto" : "Sektionen för individuella ärenden");
  doc_test_assert_contains (text, fi ? "Kirjaamo, PL 10, 90101 Oulu" : "Registratorskontoret, PB 10, 90101 Uleåborg");
  doc_test_assert_contains (text, fi ? "Kirkkokatu 9 A, 90100 Oulu" : "Kyrkogatan 9 A, 90100 Uleåborg");
  doc_test_assert_contains (text, "kirjaamo@example.fi");
  doc_test_assert_contains (text, fi ? "ma–pe klo 9–15" : "mån–fre kl. 9–15");
  /* The computed days: sent Mon 2.3.2026, notified Mon 9.3.2026, last
   * day Wed 8.4.2026. */
  doc_test_assert_contains (text, fi ? "Tämä päätös on lähetetty tavallisena kirjeenä 2.3.2026, joten sen "
                              "katsotaan tulleen tiedoksi 9.3.2026."
                            : "Detta beslut har sänts som vanligt brev den 2.3.2026, och parten "
                              "anses därför ha fått del av det den 9.3.2026.");
  doc_test_assert_contains (text, fi ? "Oikaisuvaatimus on tehtävä viimeistään 8.4.2026."
                            : "Begäran om omprövning ska framställas senast den 8.4.2026.");

  /* The instructions begin on a page of their own, with their own title
   * in the header; the decision's last page has none of them. */
  instructions = page_of (pdf, fi ? "Oikaisuvaatimusoikeus" : "Rätt att begära omprövning");
  g_assert_cmpint (instructions, >=, 1);
  g_assert_cmpint (page_of (pdf, fi ? "Lisätietoja antaa" : "Ytterligare upplysningar ger"), <, instructions);
  {
    g_autofree char *before = doc_test_text (pdf, instructions - 1);
    g_autofree char *first = doc_test_text (pdf, instructions);
    g_autofree char *expected_pages = g_strdup_printf (fi ? "Sivu %d (%d)" : "Sida %d (%d)",
                                                       instructions + 1,
                                                       poppler_document_get_n_pages (pdf));

    doc_test_assert_lacks (before, fi ? "Oikaisuvaatimusoikeus" : "Rätt att begära omprövning");
    doc_test_assert_lacks (first, fi ? "Perustelut" : "Motivering");
    doc_test_assert_contains (first, expected_pages);
    doc_test_assert_contains (first, fi ? "Ohje koskee päätöstä 123/2026, päätöspäivä 2.3.2026."
                               : "Anvisningen gäller beslut 123/2026, beslutsdatum 2.3.2026.");
  }

  title = poppler_document_get_title (pdf);
  g_assert_cmpstr (title, ==, fi ? "Päätös" : "Beslut");
}

static void
test_finnish (void)
{
  check_language ("fi", "sv", finnish, G_N_ELEMENTS (finnish), swedish_words, G_N_ELEMENTS (swedish_words));
}

static void
test_swedish (void)
{
  check_language ("sv", "fi", swedish, G_N_ELEMENTS (swedish), finnish_words, G_N_ELEMENTS (finnish_words));
}

/* A correction names the decision it corrects, beside its own number, in
 * the decision's language; an original names none. */
static void
test_correction (void)
{
  static const struct {
    const char *language;
    const char *label;
    const char *absent;
  } cases[] = {
    { "fi", "Korjattava päätös", "Beslut som rättas" },
    { "sv", "Beslut som rättas", "Korjattava päätös" },
  };
  g_autoptr(KhCalendar) calendar = kh_calendar_new ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      KhDecisionContent content;
      g_autoptr(KhDocument) doc = NULL;
      g_autoptr(KhDocument) original = NULL;
      g_autoptr(PopplerDocument) pdf = NULL;
      g_autoptr(PopplerDocument) original_pdf = NULL;
      g_autofree char *text = NULL;
      g_autofree char *original_text = NULL;

      doc_test_set_ui_language (g_str_equal (cases[i].language, "fi") ? "sv" : "fi");
      new_content (&content, cases[i].language);
      original = kh_decision_build (&content, calendar);
      original_pdf = doc_test_render (original, "original.pdf", NULL);
      original_text = doc_test_text (original_pdf, 0);
      content.corrects = "98/2026";
      doc = kh_decision_build (&content, calendar);
      pdf = doc_test_render (doc, "correction.pdf", NULL);
      text = doc_test_text (pdf, 0);
      doc_test_assert_same_row (pdf, cases[i].label, "98/2026");
      doc_test_assert_lacks (text, cases[i].absent);
      doc_test_assert_lacks (original_text, "98/2026");
    }
}

typedef struct
{
  const char *what;
  guint       d, m, y;      /* sent */
  KhDelivery  delivery;
  guint       rd, rm, ry;   /* received, for KH_DELIVERY_PROVEN */
  const char *notified;
  const char *last_day;
} LastDayCase;

/* Worked out by hand; see tests/core/test-rectification.c. */
static const LastDayCase last_days[] = {
  { "Good Friday 2027", 17, 2, 2027, KH_DELIVERY_LETTER, 0, 0, 0, "24.2.2027", "30.3.2027" },
  { "Easter Monday 2027, electronic", 24, 2, 2027, KH_DELIVERY_ELECTRONIC, 0, 0, 0, "27.2.2027", "30.3.2027" },
  { "Midsummer Eve 2027", 19, 5, 2027, KH_DELIVERY_LETTER, 0, 0, 0, "26.5.2027", "28.6.2027" },
  { "Christmas Eve 2026", 17, 11, 2026, KH_DELIVERY_LETTER, 0, 0, 0, "24.11.2026", "28.12.2026" },
  { "New Year's Day 2027", 25, 11, 2026, KH_DELIVERY_LETTER, 0, 0, 0, "2.12.2026", "4.1.2027" },
  { "Saturday 12.12.2026", 5, 11, 2026, KH_DELIVERY_LETTER, 0, 0, 0, "12.11.2026", "14.12.2026" },
  { "Independence Day 2027, electronic", 3, 11, 2027, KH_DELIVERY_ELECTRONIC, 0, 0, 0, "6.11.2027", "7.12.2027" },
  { "proven, Midsummer 2027", 21, 5, 2027, KH_DELIVERY_PROVEN, 26, 5, 2027, "26.5.2027", "28.6.2027" },
};

static void
test_last_days (void)
{
  g_autoptr(KhCalendar) calendar = kh_calendar_new ();
  const char *languages[] = { "fi", "sv" };

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    for (guint i = 0; i < G_N_ELEMENTS (last_days); i++)
      {
        const LastDayCase *c = &last_days[i];
        gboolean fi = g_str_equal (languages[l], "fi");
        KhDecisionContent content;
        g_autoptr(KhDocument) doc = NULL;
        g_autoptr(PopplerDocument) pdf = NULL;
        g_autofree char *text = NULL;
        g_autofree char *sentence = NULL;
        g_autofree char *notified = NULL;
        g_autofree char *name = g_strdup_printf ("%s-last-day-%u.pdf", languages[l], i);

        g_test_message ("%s %s", languages[l], c->what);
        doc_test_set_ui_language (fi ? "sv" : "fi");
        new_content (&content, languages[l]);
        set (&content.decision_date, c->d, c->m, c->y);
        set (&content.sent_date, c->d, c->m, c->y);
        content.delivery = c->delivery;
        if (c->delivery == KH_DELIVERY_PROVEN)
          set (&content.received_date, c->rd, c->rm, c->ry);
        doc = kh_decision_build (&content, calendar);
        pdf = doc_test_render (doc, name, NULL);
        text = doc_test_text (pdf, -1);

        sentence = g_strdup_printf (fi ? "Oikaisuvaatimus on tehtävä viimeistään %s."
                                       : "Begäran om omprövning ska framställas senast den %s.",
                                    c->last_day);
        if (c->delivery == KH_DELIVERY_PROVEN)
          notified = g_strdup_printf (fi ? "Saantitodistuksen mukaan tämä päätös on saatu tiedoksi %s."
                                         : "Enligt mottagningsbeviset har parten fått del av detta beslut den %s.",
                                      c->notified);
        else
          notified = g_strdup_printf (fi ? "katsotaan tulleen tiedoksi %s." : "ha fått del av det den %s.",
                                      c->notified);
        doc_test_assert_contains (text, sentence);
        doc_test_assert_contains (text, notified);
        /* On the decision's first pages and in the instructions. */
        g_assert_cmpint (page_of (pdf, sentence), <,
                         page_of (pdf, fi ? "Oikaisuvaatimusoikeus" : "Rätt att begära omprövning"));
      }
}

/* A proven delivery whose date of receipt is not known yet: no last day
 * is printed, only how it is counted. */
static void
test_proven_unknown (void)
{
  g_autoptr(KhCalendar) calendar = kh_calendar_new ();
  KhDecisionContent content;
  g_autoptr(KhDocument) doc = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autofree char *text = NULL;

  doc_test_set_ui_language ("fi");
  new_content (&content, "sv");
  content.delivery = KH_DELIVERY_PROVEN;
  g_assert_null (kh_decision_last_day_sentence (&content, calendar));
  doc = kh_decision_build (&content, calendar);
  pdf = doc_test_render (doc, "sv-proven.pdf", NULL);
  text = doc_test_text (pdf, -1);
  doc_test_assert_contains (text, "Detta beslut delges bevisligen.");
  doc_test_assert_contains (text, "2.3.2026, bevisligen");
  doc_test_assert_lacks (text, "ska framställas senast den");
}

/* A service refused and one granted against the client plan (SHL 45 §). */
static void
test_service (void)
{
  g_autoptr(KhCalendar) calendar = kh_calendar_new ();
  const char *languages[] = { "fi", "sv" };

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      gboolean fi = g_str_equal (languages[l], "fi");
      KhDecisionContent content;
      g_autoptr(KhDocument) granted = NULL;
      g_autoptr(KhDocument) refused = NULL;
      g_autoptr(PopplerDocument) pdf = NULL;
      g_autoptr(PopplerDocument) pdf2 = NULL;
      g_autofree char *text = NULL;
      g_autofree char *text2 = NULL;
      g_autofree char *name = g_strdup_printf ("%s-service.pdf", languages[l]);
      g_autofree char *name2 = g_strdup_printf ("%s-refused.pdf", languages[l]);
      g_autoptr(GArray) problems = NULL;

      doc_test_set_ui_language (fi ? "sv" : "fi");
      new_content (&content, languages[l]);
      content.kind = KH_DECISION_SERVICE;
      content.outcome = KH_DECISION_GRANTED;
      content.amounts = NULL;
      content.n_amounts = 0;
      content.payee = KH_PAYEE_NONE;
      content.service = fi ? "Tukiasuminen 1.4.2026 alkaen, kaksi käyntiä viikossa"
                           : "Stödboende från 1.4.2026, två besök i veckan";
      content.departs_from_plan = TRUE;
      content.plan_departure_reasons = fi ? "Suunnitelman mukaista asumispalvelua ei ole vapaana."
                                          : "Det boende som planen anger har inga lediga platser.";
      problems = kh_decision_check (&content);
      g_assert_cmpuint (problems->len, ==, 0);
      granted = kh_decision_build (&content, calendar);
      pdf = doc_test_render (granted, name, NULL);
      text = doc_test_text (pdf, -1);
      doc_test_assert_contains (text, fi ? "Päätös sosiaalipalvelusta" : "Beslut om socialservice");
      doc_test_assert_contains (text, fi ? "Palvelu myönnetään seuraavasti." : "Tjänsten beviljas enligt följande.");
      doc_test_assert_contains (text, content.service);
      doc_test_assert_contains (text, fi ? "Poikkeaminen asiakassuunnitelmasta" : "Avvikelse från klientplanen");
      doc_test_assert_contains (text, content.plan_departure_reasons);
      doc_test_assert_lacks (text, fi ? "Maksetaan" : "Betalas");

      content.outcome = KH_DECISION_REFUSED;
      content.departs_from_plan = FALSE;
      refused = kh_decision_build (&content, calendar);
      pdf2 = doc_test_render (refused, name2, NULL);
      text2 = doc_test_text (pdf2, -1);
      doc_test_assert_same_row (pdf2, fi ? "Ratkaisu" : "Avgörande", fi ? "Hylätään" : "Avslås");
      doc_test_assert_contains (text2, fi ? "Hakemus hylätään." : "Ansökan avslås.");
      doc_test_assert_lacks (text2, fi ? "Poikkeaminen" : "Avvikelse");
    }
}

/* The authorities and the decision maker from the unit's document
 * profile, as Preferences → Documents keeps them: in Swedish, the Swedish
 * fields, the postal code and town after the postal address. */
static void
test_from_profile (void)
{
  g_autoptr(KhCalendar) calendar = kh_calendar_new ();
  g_autoptr(KhUnitProfile) profile = kh_unit_profile_new ();
  g_autoptr(KhDecisionMaker) maker = kh_decision_maker_new ();
  KhDecisionContent content;
  g_autoptr(KhDocument) doc = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autoptr(GArray) problems = NULL;
  g_autofree char *text = NULL;
  static const struct { int language; KhUnitProfileField field; const char *text; } fields[] = {
    { 0, KH_UNIT_PROFILE_ORGANISATION, "Pohjolan hyvinvointialue" },
    { 0, KH_UNIT_PROFILE_PHONE, "08 555 0100" },
    { 0, KH_UNIT_PROFILE_AUTHORITY_EMAIL, "kirjaamo@example.fi" },
    { 1, KH_UNIT_PROFILE_ORGANISATION, "Välfärdsområdet Norden" },
    { 1, KH_UNIT_PROFILE_UNIT, "Socialt arbete för vuxna" },
    { 1, KH_UNIT_PROFILE_POSTAL_ADDRESS, "PB 100" },
    { 1, KH_UNIT_PROFILE_POSTAL_CODE_TOWN, "90101 Uleåborg" },
    { 1, KH_UNIT_PROFILE_AUTHORITY_NAME, "Sektionen för individuella ärenden" },
    { 1, KH_UNIT_PROFILE_AUTHORITY_POSTAL_ADDRESS, "Registratorskontoret, PB 10" },
    { 1, KH_UNIT_PROFILE_AUTHORITY_POSTAL_CODE_TOWN, "90101 Uleåborg" },
    { 1, KH_UNIT_PROFILE_AUTHORITY_VISITING_ADDRESS, "Kyrkogatan 9 A" },
    { 1, KH_UNIT_PROFILE_AUTHORITY_OPENING_HOURS, "mån–fre kl. 9–15" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    profile->text[fields[i].language][fields[i].field] = g_strdup (fields[i].text);
  maker->name = g_strdup ("Åsa Öhman");
  maker->title_fi = g_strdup ("johtava sosiaalityöntekijä");
  maker->title_sv = g_strdup ("ledande socialarbetare");
  doc_test_set_ui_language ("fi");
  new_content (&content, "sv");
  kh_decision_set_profile (&content, profile);
  kh_decision_person_from_maker (maker, "sv", &content.maker);
  problems = kh_decision_check (&content);
  g_assert_cmpuint (problems->len, ==, 0);
  doc = kh_decision_build (&content, calendar);
  pdf = doc_test_render (doc, "sv-profile.pdf", NULL);
  text = doc_test_text (pdf, -1);
  doc_test_assert_contains (text, "Välfärdsområdet Norden · Socialt arbete för vuxna");
  doc_test_assert_contains (text, "PB 100, 90101 Uleåborg · tfn 08 555 0100");
  doc_test_assert_contains (text, "Åsa Öhman ledande socialarbetare");
  doc_test_assert_same_row (pdf, "Postadress", "Registratorskontoret, PB 10, 90101 Uleåborg");
  doc_test_assert_same_row (pdf, "Besöksadress", "Kyrkogatan 9 A");
  doc_test_assert_same_row (pdf, "E-post", "kirjaamo@example.fi");
  doc_test_assert_lacks (text, "Pohjolan");
}

/* An incomplete decision (kh_decision_check would refuse it) still lays
 * out without warnings, leaving out what is missing. */
static void
test_incomplete (void)
{
  g_autoptr(KhCalendar) calendar = kh_calendar_new ();
  KhDecisionContent content = { 0 };
  g_autoptr(KhDocument) doc = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autofree char *text = NULL;

  content.language = "sv";
  content.party_id = "010190-999W";
  doc = kh_decision_build (&content, calendar);
  g_assert_cmpstr (kh_document_get_language (doc), ==, "sv");
  pdf = doc_test_render (doc, "sv-incomplete.pdf", NULL);
  text = doc_test_text (pdf, -1);
  doc_test_assert_contains (text, "Beslut om socialservice");
  doc_test_assert_contains (text, "Anvisning för begäran om omprövning");
  doc_test_assert_lacks (text, "(null)");
  doc_test_assert_lacks (text, "ska framställas senast den");
  doc_test_assert_lacks (text, "bevisligen");
}

static void
test_fonts_and_tags (void)
{
  g_autoptr(KhCalendar) calendar = kh_calendar_new ();
  KhDecisionContent content;
  g_autoptr(KhDocument) doc = NULL;
  g_autofree char *path = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autoptr(PopplerFontInfo) info = NULL;
  PopplerFontsIter *iter = NULL;
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autofree char *pdffonts = g_find_program_in_path ("pdffonts");
  int n = 0;

  new_content (&content, "sv");
  doc = kh_decision_build (&content, calendar);
  pdf = doc_test_render (doc, "sv-fonts.pdf", &path);
  info = poppler_font_info_new (pdf);
  g_assert_true (poppler_font_info_scan (info, poppler_document_get_n_pages (pdf), &iter));
  do
    {
      g_assert_true (poppler_fonts_iter_is_embedded (iter));
      n++;
    }
  while (poppler_fonts_iter_next (iter));
  poppler_fonts_iter_free (iter);
  g_assert_cmpint (n, >=, 3);

  if (pdfinfo == NULL || pdffonts == NULL)
    {
      g_test_skip ("poppler-utils is not installed: pdfinfo and pdffonts were not run");
      return;
    }
  {
    g_autofree char *out = NULL;
    g_autofree char *fonts = NULL;
    g_auto(GStrv) lines = NULL;
    int status;

    g_assert_true (g_spawn_sync (NULL, (char *[]) { pdfinfo, path, NULL }, NULL,
                                 G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, NULL));
    doc_test_assert_contains (out, "Tagged:          yes");
    doc_test_assert_contains (out, "Title:           Beslut");
    g_assert_true (g_spawn_sync (NULL, (char *[]) { pdffonts, path, NULL }, NULL,
                                 G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &fonts, NULL, &status, NULL));
    /* name type encoding emb sub uni object ID: every row says "yes" for
     * embedded, subset and Unicode map. */
    lines = g_strsplit (fonts, "\n", -1);
    for (guint i = 2; lines[i] != NULL; i++)
      {
        g_auto(GStrv) words = NULL;
        g_autoptr(GPtrArray) columns = g_ptr_array_new ();
        guint k;

        if (*lines[i] == '\0')
          continue;
        words = g_strsplit_set (lines[i], " ", -1);
        for (guint j = 0; words[j] != NULL; j++)
          if (*words[j] != '\0')
            g_ptr_array_add (columns, words[j]);
        k = columns->len;
        g_assert_cmpuint (k, >=, 8);
        g_assert_cmpstr (g_ptr_array_index (columns, k - 5), ==, "yes");   /* emb */
        g_assert_cmpstr (g_ptr_array_index (columns, k - 4), ==, "yes");   /* sub */
        g_assert_cmpstr (g_ptr_array_index (columns, k - 3), ==, "yes");   /* uni */
      }
  }
}

int
main (int   argc,
      char *argv[])
{
  doc_test_init (&argc, &argv);

  g_test_add_func ("/decision/finnish", test_finnish);
  g_test_add_func ("/decision/swedish", test_swedish);
  g_test_add_func ("/decision/last-days", test_last_days);
  g_test_add_func ("/decision/proven-unknown", test_proven_unknown);
  g_test_add_func ("/decision/service", test_service);
  g_test_add_func ("/decision/from-profile", test_from_profile);
  g_test_add_func ("/decision/incomplete", test_incomplete);
  g_test_add_func ("/decision/fonts-and-tags", test_fonts_and_tags);
  g_test_add_func ("/decision/correction", test_correction);
  return doc_test_finish (g_test_run ());
}
