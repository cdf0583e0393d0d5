/* test-letters.c — the letters and a batch of them, read back with poppler
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each letter (src/documents/kh-letters.h) is built in Finnish and in
 * Swedish while the process's own language is the other one, rendered and
 * read back: the sentences of its language written out here, dates as
 * dates, ä/ö/å as they went in, and none of a list of the other language's
 * words. A batch of three letters is one PDF whose page numbers begin again
 * with each letter; progress is reported after each; a cancelled batch
 * leaves no file. Fictional people and unit.
 *
 * With KH_TEST_PDF_DIR=DIR the PDFs are also written there, to look at.
 */
#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "documents/kh-letters.h"
#include "core/kh-plan-share.h"
#include "documents/kh-plan-letter.h"
#include "document-test-util.h"

static GTimeZone *helsinki;

/* A time in Finland. */
static GDateTime *
fi_time (int y,
         int m,
         int d,
         int h,
         int min)
{
  return g_date_time_new (helsinki, y, m, d, h, min, 0);
}

static KhUnitProfile *
new_profile (void)
{
  KhUnitProfile *profile = kh_unit_profile_new ();
  static const struct { int language; KhUnitProfileField field; const char *text; } fields[] = {
    { 0, KH_UNIT_PROFILE_ORGANISATION, "Pohjolan hyvinvointialue" },
    { 0, KH_UNIT_PROFILE_UNIT, "Aikuissosiaalityö" },
    { 0, KH_UNIT_PROFILE_POSTAL_ADDRESS, "PL 100" },
    { 0, KH_UNIT_PROFILE_POSTAL_CODE_TOWN, "90101 Oulu" },
    { 0, KH_UNIT_PROFILE_PHONE, "08 555 0100" },
    { 1, KH_UNIT_PROFILE_ORGANISATION, "Välfärdsområdet Norden" },
    { 1, KH_UNIT_PROFILE_UNIT, "Socialt arbete för vuxna" },
    { 1, KH_UNIT_PROFILE_POSTAL_ADDRESS, "PB 100" },
    { 1, KH_UNIT_PROFILE_POSTAL_CODE_TOWN, "90101 Uleåborg" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    profile->text[fields[i].language][fields[i].field] = g_strdup (fields[i].text);
  return profile;
}

/* Words of the fixed texts of each language that the other must not
 * have (names of people and places excepted). */
static const char *const finnish_words[] = {
  "Sivu", "Kutsu", "tapaami", "Aika", "Paikka", "Tervetuloa", "terveisin", "Puhelin",
  "Sähköposti", "Ota ", "yhteyttä", "Kela", "Yhteenveto", "arvio", "palvelu", "tuki", "tuen",
  "Maksusitoumus", "asiakas", "Asiakas", "lasku", "Lasku", "enintään", "klo", "maanantai",
  "Tilanne", "Vahvuudet", "Omatyöntekijä", "näkemys", " ja ", " on ", "sinu", "Sinu",
};
static const char *const swedish_words[] = {
  "Sida", "Kallelse", "möte", "Tid ", "Plats", "Välkommen", "hälsning", "Telefon ",
  "E-post", "Kontakta", "FPA", "Sammandrag", "bedömning", "tjänst", "stöd", "Betalningsförbindelse",
  "klient", "Klient", "faktur", "högst", "kl.", "måndag", "Situation", "Styrkor", "kontaktperson",
  " och ", " är ", " du ", "Du ", "dig",
};

static void
assert_language (const char *text,
                 const char *language)
{
  gboolean fi = g_str_equal (language, "fi");
  const char *const *words = fi ? swedish_words : finnish_words;
  guint n = fi ? G_N_ELEMENTS (swedish_words) : G_N_ELEMENTS (finnish_words);

  for (guint i = 0; i < n; i++)
    doc_test_assert_lacks (text, words[i]);
}

/* Every expected text ("label\tvalue": a row of a field table) is in
 * the PDF. */
static void
check_texts (PopplerDocument    *pdf,
             const char         *text,
             const char * const *expected)
{
  for (guint i = 0; expected[i] != NULL; i++)
    {
      const char *tab = strchr (expected[i], '\t');

      if (tab != NULL)
        {
          g_autofree char *label = g_strndup (expected[i], tab - expected[i]);

          doc_test_assert_same_row (pdf, label, tab + 1);
        }
      else
        doc_test_assert_contains (text, expected[i]);
    }
}

/* Renders `doc`, checks every expected text and the language, and
 * returns the PDF's text. */
static char *
render_and_check (KhDocument         *doc,
                  const char         *name,
                  const char * const *expected)
{
  g_autoptr(PopplerDocument) pdf = doc_test_render (doc, name, NULL);
  char *text = doc_test_text (pdf, -1);

  check_texts (pdf, text, expected);
  assert_language (text, kh_document_get_language (doc));
  return text;
}

/* ---- Meeting times ---- */

static void
test_meeting_time (void)
{
  static const struct {
    const char *language;
    int y, m, d, h, min;     /* the start in UTC */
    int minutes;             /* 0: no end */
    const char *expected;
  } rows[] = {
    /* Winter time, UTC+2. */
    { "fi", 2026, 12, 14, 8, 0, 60, "maanantai 14.12.2026 klo 10.00–11.00" },
    { "sv", 2026, 12, 14, 8, 0, 60, "måndag 14.12.2026 kl. 10.00–11.00" },
    { "fi", 2026, 12, 18, 7, 5, 45, "perjantai 18.12.2026 klo 9.05–9.50" },
    { "sv", 2027, 1, 3, 6, 30, 30, "söndag 3.1.2027 kl. 8.30–9.00" },
    /* Summer time, UTC+3. */
    { "fi", 2026, 6, 30, 10, 15, 0, "tiistai 30.6.2026 klo 13.15" },
    { "sv", 2026, 6, 30, 10, 15, 0, "tisdag 30.6.2026 kl. 13.15" },
    /* 23.00 UTC on a Wednesday is Thursday in Finland. */
    { "fi", 2026, 12, 9, 23, 0, 0, "torstai 10.12.2026 klo 1.00" },
    { "sv", 2026, 3, 4, 12, 0, 90, "onsdag 4.3.2026 kl. 14.00–15.30" },
    { "fi", 2026, 9, 5, 7, 0, 60, "lauantai 5.9.2026 klo 10.00–11.00" },
    { "sv", 2026, 9, 5, 7, 0, 60, "lördag 5.9.2026 kl. 10.00–11.00" },
  };

  doc_test_set_ui_language ("fi");
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(GDateTime) starts = g_date_time_new_utc (rows[i].y, rows[i].m, rows[i].d,
                                                         rows[i].h, rows[i].min, 0);
      g_autoptr(GDateTime) ends = rows[i].minutes > 0 ? g_date_time_add_minutes (starts, rows[i].minutes)
                                                      : NULL;
      g_autofree char *text = kh_letter_format_meeting_time (rows[i].language, starts, ends);

      g_assert_cmpstr (text, ==, rows[i].expected);
    }
}

/* ---- Invitation ---- */

static const char *const bring_fi[] = { "Henkilöllisyystodistus", "Viimeisimmät tiliotteet", NULL };
static const char *const bring_sv[] = { "Identitetsbevis", "De senaste kontoutdragen", NULL };

static void
new_invitation (KhInvitationLetter *l,
                const char         *language,
                GDateTime          *starts,
                GDateTime          *date)
{
  gboolean fi = g_str_equal (language, "fi");

  *l = (KhInvitationLetter) { 0 };
  l->letter.language = language;
  l->letter.recipient_name = "Åsa Öhman-Äikäs";
  l->letter.recipient_address = fi ? "Äijälänkatu 4 B 12\n90130 Oulu" : "Äijälägatan 4 B 12\n90130 Uleåborg";
  l->letter.date = date;
  l->letter.sender = (KhLetterSender) { "Eero Esimerkki", fi ? "sosiaaliohjaaja" : "socialhandledare",
                                        "08 555 0101", "eero.esimerkki@example.fi" };
  l->starts = starts;
  l->minutes = 60;
  l->kind = KH_MEETING_IN_PERSON;
  l->place_name = fi ? "Keskustan sosiaalitoimisto" : "Centrums socialbyrå";
  l->place_address = fi ? "Kirkkokatu 9 A, 2. kerros\n90100 Oulu" : "Kyrkogatan 9 A, 2 våningen\n90100 Uleåborg";
  l->bring = fi ? bring_fi : bring_sv;
  l->interpreter = TRUE;
  l->interpreter_language = fi ? "arabia" : "arabiska";
}

static void
check_invitation (gconstpointer data)
{
  const char *language = data;
  g_autoptr(KhUnitProfile) profile = new_profile ();
  g_autoptr(GDateTime) starts = fi_time (2026, 12, 14, 10, 0);
  g_autoptr(GDateTime) date = fi_time (2026, 12, 7, 9, 0);
  g_autoptr(KhDocument) doc = NULL;
  g_autofree char *text = NULL;
  g_autofree char *name = g_strdup_printf ("%s-invitation.pdf", language);
  gboolean fi = g_str_equal (language, "fi");
  KhInvitationLetter l;
  static const char *const expected_fi[] = {
    "Pohjolan hyvinvointialue", "Aikuissosiaalityö", "Kutsu", "7.12.2026", "Sivu 1 (1)",
    "Åsa Öhman-Äikäs", "Äijälänkatu 4 B 12", "Kutsu tapaamiseen",
    "Sinulle on varattu aika tapaamiseen.",
    "Aika\tmaanantai 14.12.2026 klo 10.00–11.00",
    "Paikka\tKeskustan sosiaalitoimisto", "Kirkkokatu 9 A, 2. kerros 90100 Oulu",
    "Tapaat\tEero Esimerkki, sosiaaliohjaaja",
    "Tulethan paikalle muutama minuutti ennen sovittua aikaa.",
    "Tapaamiseen on tilattu tulkki (arabia). Tulkkaus on sinulle maksutonta.",
    "Ota mukaasi", "Henkilöllisyystodistus", "Viimeisimmät tiliotteet",
    "Jos et pääse tulemaan",
    "Jos aika ei sovi sinulle tai joudut perumaan sen, ilmoita siitä meille mahdollisimman pian, "
    "viimeistään tapaamista edeltävänä arkipäivänä. Sovimme kanssasi uuden ajan.",
    "Puhelin\t08 555 0101", "Sähköposti\teero.esimerkki@example.fi",
    "Älä lähetä luottamuksellisia tietoja tavallisella sähköpostilla.",
    "Tervetuloa!", "Ystävällisin terveisin", "Eero Esimerkki sosiaaliohjaaja",
    "PL 100, 90101 Oulu", "puh. 08 555 0100",
    NULL,
  };
  static const char *const expected_sv[] = {
    "Välfärdsområdet Norden", "Socialt arbete för vuxna", "Kallelse", "7.12.2026", "Sida 1 (1)",
    "Åsa Öhman-Äikäs", "Äijälägatan 4 B 12", "Kallelse till möte",
    "Du har fått en tid för ett möte.",
    "Tid\tmåndag 14.12.2026 kl. 10.00–11.00",
    "Plats\tCentrums socialbyrå", "Kyrkogatan 9 A, 2 våningen 90100 Uleåborg",
    "Du träffar\tEero Esimerkki, socialhandledare",
    "Kom gärna några minuter före utsatt tid.",
    "En tolk (arabiska) har beställts till mötet. Tolkningen är avgiftsfri för dig.",
    "Ta med dig", "Identitetsbevis", "De senaste kontoutdragen",
    "Om du inte kan komma",
    "Om tiden inte passar dig eller om du måste avboka den, meddela oss så snart som möjligt, "
    "senast vardagen före mötet. Vi kommer överens om en ny tid med dig.",
    "Telefon\t08 555 0101", "E-post\teero.esimerkki@example.fi",
    "Skicka inte konfidentiella uppgifter med vanlig e-post.",
    "Välkommen!", "Med vänlig hälsning", "Eero Esimerkki socialhandledare",
    "PB 100, 90101 Uleåborg", "tfn 08 555 0100",
    NULL,
  };

  doc_test_set_ui_language (fi ? "sv" : "fi");
  new_invitation (&l, language, starts, date);
  doc = kh_invitation_letter_build (&l, profile);
  g_assert_cmpstr (kh_document_get_language (doc), ==, language);
  text = render_and_check (doc, name, fi ? expected_fi : expected_sv);
}

/* By phone and by video: what replaces the place. */
static void
test_invitation_remote (void)
{
  static const struct {
    const char   *language;
    KhMeetingKind kind;
    const char   *phone;
    const char   *link;
    const char   *expected[4];
    const char   *absent;
  } rows[] = {
    { "fi", KH_MEETING_PHONE, "040 123 4567", NULL,
      { "Sinulle on varattu puhelinaika.", "Tapaamistapa\tPuhelimitse",
        "Soitamme sinulle numeroon 040 123 4567, kun tapaaminen alkaa. Pidäthän puhelimen lähelläsi. "
        "Puhelu voi tulla salaisesta numerosta.", NULL }, "Paikka" },
    { "sv", KH_MEETING_PHONE, NULL, NULL,
      { "Du har fått en telefontid.", "Mötesform\tPer telefon",
        "Vi ringer dig när mötet börjar, till det nummer som du har gett oss.", NULL }, "Plats" },
    { "fi", KH_MEETING_VIDEO, NULL, NULL,
      { "Sinulle on varattu aika videotapaamiseen.", "Tapaamistapa\tVideoyhteydellä",
        "Lähetämme sinulle linkin tapaamiseen sähköpostilla tai tekstiviestillä ennen tapaamista.", NULL },
      "Linkki tapaamiseen" },
    { "sv", KH_MEETING_VIDEO, NULL, "https://video.example.fi/m/4711",
      { "Du har fått en tid för ett videomöte.", "Länk till mötet\thttps://video.example.fi/m/4711",
        "Öppna länken några minuter innan mötet börjar.", NULL }, "Vi skickar dig en länk" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(GDateTime) starts = fi_time (2026, 12, 15, 13, 30);
      g_autoptr(GDateTime) date = fi_time (2026, 12, 7, 9, 0);
      g_autoptr(KhDocument) doc = NULL;
      g_autoptr(PopplerDocument) pdf = NULL;
      g_autofree char *text = NULL;
      g_autofree char *name = g_strdup_printf ("%s-invitation-%s.pdf", rows[i].language,
                                               kh_meeting_kind_key (rows[i].kind));
      KhInvitationLetter l;

      doc_test_set_ui_language (g_str_equal (rows[i].language, "fi") ? "sv" : "fi");
      new_invitation (&l, rows[i].language, starts, date);
      l.kind = rows[i].kind;
      l.client_phone = rows[i].phone;
      l.video_link = rows[i].link;
      l.interpreter = FALSE;
      l.bring = NULL;
      doc = kh_invitation_letter_build (&l, NULL);
      pdf = doc_test_render (doc, name, NULL);
      text = doc_test_text (pdf, -1);
      check_texts (pdf, text, rows[i].expected);
      doc_test_assert_lacks (text, rows[i].absent);
      doc_test_assert_lacks (text, g_str_equal (rows[i].language, "fi") ? "tulkki" : "tolk");
      doc_test_assert_lacks (text, g_str_equal (rows[i].language, "fi") ? "Ota mukaasi" : "Ta med dig");
      assert_language (text, rows[i].language);
    }
}

/* What an appointment says goes into the letter. */
static void
test_invitation_from_appointment (void)
{
  g_autoptr(KhAppointment) a = kh_appointment_new ();
  g_autoptr(KhServicePoint) point = kh_service_point_new ("Centrums socialbyrå", KH_POINT_SWEDISH, FALSE);
  KhInvitationLetter l = { 0 };

  a->starts = fi_time (2026, 12, 14, 10, 0);
  a->minutes = 45;
  a->kind = KH_MEETING_IN_PERSON;
  a->language = KH_LANGUAGE_SV;
  a->interpreter = TRUE;
  a->client_name = g_strdup ("Åsa Öhman-Äikäs");
  a->worker_name = g_strdup ("Eero Esimerkki");
  point->address = g_strdup ("Kyrkogatan 9 A\n90100 Uleåborg");
  kh_invitation_letter_init_from_appointment (&l, a, point);
  g_assert_cmpstr (l.letter.language, ==, "sv");
  g_assert_cmpstr (l.letter.recipient_name, ==, "Åsa Öhman-Äikäs");
  g_assert_cmpstr (l.letter.sender.name, ==, "Eero Esimerkki");
  g_assert_true (l.starts == a->starts);
  g_assert_cmpint (l.minutes, ==, 45);
  g_assert_cmpint (l.kind, ==, KH_MEETING_IN_PERSON);
  g_assert_cmpstr (l.place_name, ==, "Centrums socialbyrå");
  g_assert_cmpstr (l.place_address, ==, "Kyrkogatan 9 A\n90100 Uleåborg");
  g_assert_true (l.interpreter);

  /* By phone: no place, and a Finnish (or other) language is Finnish. */
  l = (KhInvitationLetter) { 0 };
  a->kind = KH_MEETING_PHONE;
  a->language = KH_LANGUAGE_OTHER;
  kh_invitation_letter_init_from_appointment (&l, a, point);
  g_assert_cmpstr (l.letter.language, ==, "fi");
  g_assert_null (l.place_name);
  g_assert_null (l.place_address);
}

/* ---- Could not reach you ---- */

/* The letter to `language`'s reader (the UI in the other language), sent
 * for `reason` after three attempts. */
static KhDocument *
could_not_reach_letter (const char    *language,
                        KhReachReason  reason)
{
  g_autoptr(KhUnitProfile) profile = new_profile ();
  g_autoptr(GDateTime) date = fi_time (2026, 12, 7, 9, 0);
  g_autoptr(GDateTime) first = fi_time (2026, 12, 2, 9, 15);
  g_autoptr(GDateTime) second = fi_time (2026, 12, 3, 14, 40);
  g_autoptr(GDateTime) third = fi_time (2026, 12, 4, 10, 5);
  gboolean fi = g_str_equal (language, "fi");
  KhAttemptLine attempts[3];
  KhCouldNotReachLetter l = { 0 };

  attempts[0] = (KhAttemptLine) { first, KH_ATTEMPT_PHONE };
  attempts[1] = (KhAttemptLine) { second, KH_ATTEMPT_TEXT_MESSAGE };
  attempts[2] = (KhAttemptLine) { third, KH_ATTEMPT_PHONE };
  doc_test_set_ui_language (fi ? "sv" : "fi");
  l.letter.language = language;
  l.letter.recipient_name = "Åsa Öhman-Äikäs";
  l.letter.recipient_address = "Äijälänkatu 4 B 12\n90130 Oulu";
  l.letter.date = date;
  l.letter.sender = (KhLetterSender) { "Eero Esimerkki", fi ? "sosiaaliohjaaja" : "socialhandledare",
                                       "08 555 0101", NULL };
  l.reason = reason;
  l.attempts = attempts;
  l.n_attempts = G_N_ELEMENTS (attempts);
  g_date_clear (&l.reply_by, 1);
  g_date_set_dmy (&l.reply_by, 21, 12, 2026);
  l.phone_hours = fi ? "ma–pe klo 9–10" : "mån–fre kl. 9–10";
  return kh_could_not_reach_letter_build (&l, profile);
}

static void
check_could_not_reach (gconstpointer data)
{
  const char *language = data;
  g_autoptr(KhDocument) doc = NULL;
  g_autofree char *text = NULL;
  g_autofree char *name = g_strdup_printf ("%s-could-not-reach.pdf", language);
  gboolean fi = g_str_equal (language, "fi");
  static const char *const expected_fi[] = {
    "Yhteydenottopyyntö", "7.12.2026", "Sivu 1 (1)", "Åsa Öhman-Äikäs",
    "Olemme yrittäneet tavoittaa sinua",
    "Kela on ilmoittanut meille, että saatat tarvita sosiaalihuollon tukea. Haluaisimme keskustella "
    "kanssasi tilanteestasi ja tuesta, jota voisit saada.",
    "Olemme yrittäneet tavoittaa sinua seuraavasti:",
    "2.12.2026 klo 9.15\tPuhelu", "3.12.2026 klo 14.40\tTekstiviesti", "4.12.2026 klo 10.05\tPuhelu",
    "Ota meihin yhteyttä", "Pyydämme sinua ottamaan meihin yhteyttä viimeistään 21.12.2026.",
    "Työntekijäsi\tEero Esimerkki, sosiaaliohjaaja", "Puhelin\t08 555 0101",
    "Puhelinaika\tma–pe klo 9–10",
    "Jos et ota yhteyttä",
    "Jos et ota meihin yhteyttä, oletamme, ettet tällä hetkellä tarvitse sosiaalihuollon palveluja, "
    "ja päätämme asian käsittelyn. Voit ottaa yhteyttä myöhemminkin, jos tilanteesi muuttuu.",
    NULL,
  };
  static const char *const expected_sv[] = {
    "Begäran om kontakt", "7.12.2026", "Sida 1 (1)", "Åsa Öhman-Äikäs",
    "Vi har försökt nå dig",
    "FPA har meddelat oss att du kanske behöver stöd av socialvården. Vi vill gärna tala med dig "
    "om din situation och om vilket stöd du kunde få.",
    "Vi har försökt nå dig på följande sätt:",
    "2.12.2026 kl. 9.15\tTelefonsamtal", "3.12.2026 kl. 14.40\tTextmeddelande", "4.12.2026 kl. 10.05\tTelefonsamtal",
    "Kontakta oss", "Vi ber dig kontakta oss senast den 21.12.2026.",
    "Din handläggare\tEero Esimerkki, socialhandledare", "Telefon\t08 555 0101",
    "Telefontid\tmån–fre kl. 9–10",
    "Om du inte kontaktar oss",
    "Om du inte kontaktar oss utgår vi från att du för närvarande inte behöver socialvårdens tjänster, "
    "och vi avslutar handläggningen av ärendet. Du kan kontakta oss också senare om din situation förändras.",
    NULL,
  };

  doc = could_not_reach_letter (language, KH_REACH_KELA_NOTIFICATION);
  text = render_and_check (doc, name, fi ? expected_fi : expected_sv);
  /* Nothing sensitive: not why Kela notified. */
  doc_test_assert_lacks (text, fi ? "perusosa" : "grunddel");
}

/* A matter already pending: the letter says so in the words of SHL 34 §
 * and 45 § ("vireillä", "inletts"). */
static void
check_could_not_reach_pending (gconstpointer data)
{
  const char *language = data;
  gboolean fi = g_str_equal (language, "fi");
  g_autoptr(KhDocument) doc = could_not_reach_letter (language, KH_REACH_PENDING_MATTER);
  g_autofree char *name = g_strdup_printf ("%s-could-not-reach-pending.pdf", language);
  static const char *const expected_fi[] = {
    "Olemme yrittäneet tavoittaa sinua",
    "Haluaisimme keskustella kanssasi asiastasi, joka on meillä vireillä.",
    NULL,
  };
  static const char *const expected_sv[] = {
    "Vi har försökt nå dig",
    "Vi vill gärna tala med dig om ditt ärende som har inletts hos oss.",
    NULL,
  };
  g_autofree char *text = render_and_check (doc, name, fi ? expected_fi : expected_sv);

  doc_test_assert_lacks (text, fi ? "Kela" : "FPA");
}

/* ---- Assessment summary ---- */

static KhAssessment *
new_assessment (gboolean fi)
{
  KhAssessment *a = kh_assessment_new ();
  KhAreaAssessment *housing = kh_area_assessment_new ("housing", "Asuminen");
  KhAreaAssessment *finances = kh_area_assessment_new ("finances", "Talous");
  KhAreaAssessment *own = kh_area_assessment_new ("pets", fi ? "Lemmikit" : "Husdjur");

  a->assessed_on = g_strdup ("2026-12-03");
  a->client_present = KH_ANSWER_YES;
  g_ptr_array_add (a->participants, kh_participant_new (KH_PARTICIPANT_SUPPORT_PERSON, "Björn Ärlig", NULL));
  housing->client_rating = 2;
  housing->worker_rating = 3;
  housing->situation = g_strdup (fi ? "Vuokra-asunto, vuokrarästejä kaksi kuukautta."
                                    : "Hyresbostad, hyran obetald för två månader.");
  housing->strengths = g_strdup (fi ? "Hyvä suhde isännöitsijään." : "Gott förhållande till disponenten.");
  finances->client_rating = 1;
  finances->concerns = g_strdup (fi ? "Ulosotossa kaksi velkaa." : "Två skulder hos utsökningen.");
  own->worker_rating = 5;
  g_ptr_array_add (a->areas, housing);
  g_ptr_array_add (a->areas, finances);
  g_ptr_array_add (a->areas, own);
  g_ptr_array_add (a->areas, kh_area_assessment_new ("health", "Terveys"));
  a->needs = KH_NEED_HOUSING | KH_NEED_FINANCIAL;
  a->support_needed = KH_ANSWER_YES;
  a->need_duration = KH_NEED_DURATION_RECURRING;
  a->special_support = KH_ANSWER_NO;
  a->summary = g_strdup (fi ? "Olet ollut työttömänä vuoden. Vuokra on jäänyt maksamatta.\n\nHaet apua taloutesi järjestämiseen."
                            : "Du har varit arbetslös i ett år. Hyran har blivit obetald.\n\nDu söker hjälp med att ordna din ekonomi.");
  a->client_view = g_strdup (fi ? "Haluan pitää asuntoni ja saada velat järjestykseen."
                                : "Jag vill behålla min bostad och få ordning på skulderna.");
  a->conclusions = g_strdup (fi ? "Asiakkuudelle on perusteet." : "Det finns grunder för klientskap.");
  a->services = KH_SHL_SERVICE_BIT (KH_SHL_SERVICE_SOCIAL_WORK) | KH_SHL_SERVICE_BIT (KH_SHL_SERVICE_INCOME_SUPPORT);
  a->client_on_worker = KH_RESPONSIBLE_WORKER_NEEDED;
  a->worker_on_worker = KH_RESPONSIBLE_WORKER_NEEDED;
  a->next_step = KH_NEXT_STEP_CLIENT_PLAN;
  return a;
}

static void
check_summary (gconstpointer data)
{
  const char *language = data;
  gboolean fi = g_str_equal (language, "fi");
  g_autoptr(KhUnitProfile) profile = new_profile ();
  g_autoptr(KhAssessment) a = new_assessment (fi);
  g_autoptr(GDateTime) date = fi_time (2026, 12, 7, 9, 0);
  g_autoptr(KhDocument) doc = NULL;
  g_autofree char *text = NULL;
  g_autofree char *name = g_strdup_printf ("%s-assessment-summary.pdf", language);
  KhAssessmentSummaryLetter l = { 0 };
  static const char *const expected_fi[] = {
    "Yhteenveto", "7.12.2026", "Yhteenveto palvelutarpeen arvioinnista",
    "Tämä on yhteenveto palvelutarpeesi arvioinnista, jonka teimme yhdessä kanssasi (sosiaalihuoltolaki 36 ja 37 §).",
    "Arvioinnin päivämäärä\t3.12.2026", "Muut osallistujat\tBjörn Ärlig (Tukihenkilö)",
    "Tilanteesi", "Olet ollut työttömänä vuoden. Vuokra on jäänyt maksamatta.",
    "Tuen tarve", "Tarvitset sosiaalihuollon tukea.", "Tuen tarpeen luonne\tToistuva",
    "Tuen tarpeet\tAsuminen", "Taloudellinen tuki", "Erityisen tuen tarvetta ei todettu.",
    "Elämän osa-alueet", "Asuminen", "Oma näkemyksesi\t2 – huomattavia vaikeuksia",
    "Työntekijän näkemys\t3 – jonkin verran vaikeuksia",
    "Tilanne\tVuokra-asunto, vuokrarästejä kaksi kuukautta.", "Vahvuudet\tHyvä suhde isännöitsijään.",
    "Talous", "Oma näkemyksesi\t1 – vakavia vaikeuksia", "Huolenaiheet\tUlosotossa kaksi velkaa.",
    "Lemmikit", "Työntekijän näkemys\t5 – sujuu hyvin",
    "Haluan pitää asuntoni ja saada velat järjestykseen.",
    "Työntekijän johtopäätökset", "Asiakkuudelle on perusteet.",
    "Ehdotetut palvelut", "Sosiaalityö", "Toimeentulotuki",
    "Omatyöntekijä", "Näkemyksesi\tTarpeen",
    "Omatyöntekijäsi\tEero Esimerkki, sosiaalityöntekijä", "08 555 0101",
    "Miten asiasi etenee", "Laadimme kanssasi asiakassuunnitelman.",
    "Tämä yhteenveto ei ole päätös.",
    "Ystävällisin terveisin",
    NULL,
  };
  static const char *const expected_sv[] = {
    "Sammandrag", "7.12.2026", "Sammandrag av bedömningen av servicebehovet",
    "Detta är ett sammandrag av bedömningen av ditt servicebehov, som vi gjorde tillsammans med dig "
    "(36 och 37 § i socialvårdslagen).",
    "Datum för bedömningen\t3.12.2026", "Övriga deltagare\tBjörn Ärlig (Stödperson)",
    "Din situation", "Du har varit arbetslös i ett år. Hyran har blivit obetald.",
    "Behov av stöd", "Du behöver stöd av socialvården.", "Behovets art\tÅterkommande",
    "Stödbehov\tBoende", "Ekonomiskt stöd", "Något behov av särskilt stöd konstaterades inte.",
    "Livsområden", "Boende", "Din egen syn\t2 – betydande svårigheter",
    "Handläggarens syn\t3 – vissa svårigheter",
    "Situation\tHyresbostad, hyran obetald för två månader.", "Styrkor\tGott förhållande till disponenten.",
    "Ekonomi", "Din egen syn\t1 – allvarliga svårigheter", "Bekymmer\tTvå skulder hos utsökningen.",
    "Husdjur", "Handläggarens syn\t5 – går bra",
    "Jag vill behålla min bostad och få ordning på skulderna.",
    "Handläggarens slutsatser", "Det finns grunder för klientskap.",
    "Föreslagna tjänster", "Socialt arbete", "Utkomststöd",
    "Egen kontaktperson", "Din syn\tBehövs",
    "Din egen kontaktperson\tEero Esimerkki, socialarbetare", "08 555 0101",
    "Hur ditt ärende går vidare", "Vi gör upp en klientplan tillsammans med dig.",
    "Detta sammandrag är inte ett beslut.",
    "Med vänlig hälsning",
    NULL,
  };

  doc_test_set_ui_language (fi ? "sv" : "fi");
  l.letter.language = language;
  l.letter.recipient_name = "Åsa Öhman-Äikäs";
  l.letter.recipient_address = "Äijälänkatu 4 B 12\n90130 Oulu";
  l.letter.date = date;
  l.letter.sender = (KhLetterSender) { "Eero Esimerkki", fi ? "sosiaalityöntekijä" : "socialarbetare",
                                       "08 555 0101", NULL };
  l.assessment = a;
  l.responsible_worker = l.letter.sender;
  doc = kh_assessment_summary_build (&l, profile);
  text = render_and_check (doc, name, fi ? expected_fi : expected_sv);
  /* An area with nothing said about it is left out. */
  doc_test_assert_lacks (text, fi ? "Terveys" : "Hälsa");
}

/* ---- Payment commitment ---- */

static void
check_commitment (gconstpointer data)
{
  const char *language = data;
  gboolean fi = g_str_equal (language, "fi");
  g_autoptr(KhUnitProfile) profile = new_profile ();
  g_autoptr(GDateTime) date = fi_time (2026, 12, 7, 9, 0);
  g_autoptr(KhDocument) doc = NULL;
  g_autofree char *text = NULL;
  g_autofree char *name = g_strdup_printf ("%s-payment-commitment.pdf", language);
  KhPaymentCommitment c = { 0 };
  static const char *const expected_fi[] = {
    "Maksusitoumus", "7.12.2026", "Apteekki Äijälä", "Kauppakatu 1",
    "Pohjolan hyvinvointialue sitoutuu maksamaan alla mainitun asiakkaan puolesta tässä maksusitoumuksessa mainitut kulut.",
    "Maksusitoumuksen numero\t4/2026", "Asiakas\tÅsa Öhman-Äikäs, 010190-999W",
    "Maksunsaaja\tApteekki Äijälä", "Apteekki Äijälä Kauppakatu 1 90100 Oulu",
    "Käyttötarkoitus\tLääkemääräyksen mukaiset lääkkeet", "Enimmäismäärä\t1\u00a0234,50\u00a0€",
    "Voimassa\t7.12.2026–31.12.2026", "Päätös\t123/2026",
    "Maksamme tämän maksusitoumuksen perusteella enintään 1 234,50 €.",
    "Laskutusohje", "Laskuttakaa seuraavasti:",
    "Merkitkää laskuun tämän maksusitoumuksen numero (4/2026) ja asiakkaan nimi.",
    "Laskuttakaa vain sitä, mitä maksusitoumus kattaa, ja vain sen voimassaoloaikana. Enimmäismäärän ylittävää osaa emme maksa.",
    "Lähettäkää lasku osoitteeseen: verkkolaskuosoite 003712345678",
    "Maksusitoumusta ei voi vaihtaa rahaksi eikä siirtää toiselle henkilölle.",
    "Lisätietoja", "Yhteyshenkilö\tEero Esimerkki, sosiaaliohjaaja",
    "Kaisa Päättäjä johtava sosiaalityöntekijä",
    NULL,
  };
  static const char *const expected_sv[] = {
    "Betalningsförbindelse", "7.12.2026", "Apoteket Äijälä", "Handelsgatan 1",
    "Välfärdsområdet Norden förbinder sig att för den nedan nämnda klientens räkning betala de kostnader som anges i denna betalningsförbindelse.",
    "Betalningsförbindelsens nummer\t4/2026", "Klient\tÅsa Öhman-Äikäs",
    "Betalningsmottagare\tApoteket Äijälä", "Apoteket Äijälä Handelsgatan 1 90100 Uleåborg",
    "Ändamål\tLäkemedel enligt recept", "Högsta belopp\t1\u00a0234,50\u00a0€",
    "Giltighetstid\t7.12.2026–31.12.2026", "Beslut\t123/2026",
    "Vi betalar högst 1 234,50 € med stöd av denna betalningsförbindelse.",
    "Faktureringsanvisning", "Fakturera enligt följande:",
    "Ange betalningsförbindelsens nummer (4/2026) och klientens namn på fakturan.",
    "Fakturera endast det som betalningsförbindelsen omfattar och endast under dess giltighetstid.",
    "Skicka fakturan till: e-fakturaadress 003712345678",
    "Betalningsförbindelsen kan inte växlas in mot pengar eller överlåtas till någon annan.",
    "Ytterligare upplysningar", "Kontaktperson\tEero Esimerkki, socialhandledare",
    "Kaisa Päättäjä ledande socialarbetare",
    NULL,
  };

  doc_test_set_ui_language (fi ? "sv" : "fi");
  c.letter.language = language;
  c.letter.recipient_name = fi ? "Apteekki Äijälä" : "Apoteket Äijälä";
  c.letter.recipient_address = fi ? "Kauppakatu 1\n90100 Oulu" : "Handelsgatan 1\n90100 Uleåborg";
  c.letter.date = date;
  c.letter.sender = (KhLetterSender) { "Eero Esimerkki", fi ? "sosiaaliohjaaja" : "socialhandledare",
                                       "08 555 0101", NULL };
  c.number = "4/2026";
  c.client_name = "Åsa Öhman-Äikäs";
  c.client_id = fi ? "010190-999W" : NULL;
  c.covers = fi ? "Lääkemääräyksen mukaiset lääkkeet" : "Läkemedel enligt recept";
  c.max_cents = 123450;
  g_date_clear (&c.valid_from, 1);
  g_date_clear (&c.valid_until, 1);
  g_date_set_dmy (&c.valid_from, 7, 12, 2026);
  g_date_set_dmy (&c.valid_until, 31, 12, 2026);
  c.decision = "123/2026";
  c.invoice_address = fi ? "verkkolaskuosoite 003712345678" : "e-fakturaadress 003712345678";
  c.maker = (KhLetterSender) { "Kaisa Päättäjä", fi ? "johtava sosiaalityöntekijä" : "ledande socialarbetare",
                               NULL, NULL };
  doc = kh_payment_commitment_build (&c, profile);
  text = render_and_check (doc, name, fi ? expected_fi : expected_sv);
  if (!fi)
    doc_test_assert_lacks (text, "010190");
}

/* ---- A batch ---- */

typedef struct
{
  GPtrArray    *documents;    /* KhDocument, taken one by one */
  GArray       *progress;     /* done, total, done, total, … */
  GCancellable *cancel_after; /* cancelled after the first is done */
  guint         fail_at;      /* 0: never, else the 1-based document that fails */
} Batch;

static KhDocument *
take_document (guint     index,
               gpointer  user_data,
               GError  **error)
{
  Batch *batch = user_data;

  if (batch->fail_at == index + 1)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "no address for letter %u", index + 1);
      return NULL;
    }
  return g_steal_pointer (&g_ptr_array_index (batch->documents, index));
}

static void
record_progress (guint    done,
                 guint    total,
                 gpointer user_data)
{
  Batch *batch = user_data;

  g_array_append_val (batch->progress, done);
  g_array_append_val (batch->progress, total);
  if (batch->cancel_after != NULL && done == 1)
    g_cancellable_cancel (batch->cancel_after);
}

/* Three letters: a Finnish invitation, a Swedish one, and a Finnish one
 * with a long list of what to bring, on two pages. */
static GPtrArray *
three_letters (GDateTime *starts,
               GDateTime *date)
{
  GPtrArray *documents = g_ptr_array_new_with_free_func ((GDestroyNotify) kh_document_free);
  g_autoptr(KhUnitProfile) profile = new_profile ();
  g_autoptr(GPtrArray) long_list = g_ptr_array_new_with_free_func (g_free);
  KhInvitationLetter l;

  new_invitation (&l, "fi", starts, date);
  l.letter.recipient_name = "Aino Ensimmäinen";
  g_ptr_array_add (documents, kh_invitation_letter_build (&l, profile));
  new_invitation (&l, "sv", starts, date);
  l.letter.recipient_name = "Björn Andersson";
  g_ptr_array_add (documents, kh_invitation_letter_build (&l, profile));
  for (guint i = 1; i <= 30; i++)
    g_ptr_array_add (long_list, g_strdup_printf ("Tosite numero %u", i));
  g_ptr_array_add (long_list, NULL);
  new_invitation (&l, "fi", starts, date);
  l.letter.recipient_name = "Cecilia Kolmas";
  l.bring = (const char * const *) long_list->pdata;
  g_ptr_array_add (documents, kh_invitation_letter_build (&l, profile));
  return documents;
}

static char *
tmp_path (const char *name)
{
  return g_build_filename (g_get_tmp_dir (), name, NULL);
}

static void
test_batch (void)
{
  g_autoptr(GDateTime) starts = fi_time (2026, 12, 14, 10, 0);
  g_autoptr(GDateTime) date = fi_time (2026, 12, 7, 9, 0);
  g_autoptr(GPtrArray) documents = three_letters (starts, date);
  g_autoptr(GArray) progress = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kh-batch-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "kutsut.pdf", NULL);
  g_autofree char *uri = NULL;
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  Batch batch = { documents, progress, NULL, 0 };
  static const guint expected_progress[] = { 1, 3, 2, 3, 3, 3 };
  static const struct { const char *texts[3]; } pages[] = {
    { { "Aino Ensimmäinen", "Sivu 1 (1)", "Kutsu tapaamiseen" } },
    { { "Björn Andersson", "Sida 1 (1)", "Kallelse till möte" } },
    { { "Cecilia Kolmas", "Sivu 1 (2)", "Kutsu tapaamiseen" } },
    { { "Sivu 2 (2)", "Tosite numero 30", "Tervetuloa!" } },
  };

  doc_test_set_ui_language ("fi");
  file = g_file_new_for_path (path);
  g_assert_true (kh_document_render_batch (documents->len, take_document, record_progress, &batch,
                                           file, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (progress->len, ==, G_N_ELEMENTS (expected_progress));
  for (guint i = 0; i < progress->len; i++)
    g_assert_cmpuint (g_array_index (progress, guint, i), ==, expected_progress[i]);

  uri = g_filename_to_uri (path, NULL, NULL);
  pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, G_N_ELEMENTS (pages));
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *text = doc_test_text (pdf, (int) i);

      for (guint j = 0; j < G_N_ELEMENTS (pages[i].texts); j++)
        doc_test_assert_contains (text, pages[i].texts[j]);
    }
  /* Each letter's recipient only on its own first page. */
  {
    g_autofree char *second = doc_test_text (pdf, 1);

    doc_test_assert_lacks (second, "Aino");
    doc_test_assert_lacks (second, "Cecilia");
  }
  g_assert_cmpstr (poppler_document_get_title (pdf), ==, "Kutsu");

  if (pdfinfo != NULL)
    {
      g_autofree char *out = NULL;
      int status;

      g_assert_true (g_spawn_sync (NULL, (char *[]) { pdfinfo, path, NULL }, NULL,
                                   G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, NULL));
      doc_test_assert_contains (out, "Tagged:          yes");
      doc_test_assert_contains (out, "Pages:           4");
    }
  g_unlink (path);
  g_rmdir (dir);
}

/* The files in `dir`, as one string. */
static char *
list_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GString) names = g_string_new (NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    g_string_append_printf (names, "%s;", name);
  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* Cancelled after the first letter, or failing at the second: an error,
 * and no file at the target and nothing half-written beside it; an
 * earlier file at the target is kept as it was. */
static void
test_batch_stops (void)
{
  g_autoptr(GDateTime) starts = fi_time (2026, 12, 14, 10, 0);
  g_autoptr(GDateTime) date = fi_time (2026, 12, 7, 9, 0);
  g_autofree char *dir = g_dir_make_tmp ("kh-batch-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "kutsut.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  for (guint round = 0; round < 3; round++)
    {
      g_autoptr(GPtrArray) documents = three_letters (starts, date);
      g_autoptr(GArray) progress = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *files = NULL;
      Batch batch = { documents, progress, round < 2 ? cancellable : NULL, round == 2 ? 2 : 0 };

      if (round == 1)
        g_assert_true (g_file_set_contents (path, "earlier", -1, NULL));
      g_assert_false (kh_document_render_batch (documents->len, take_document, record_progress, &batch,
                                                file, cancellable, &error));
      if (round < 2)
        g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      else
        g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      /* Only the first was done. */
      g_assert_cmpuint (progress->len, ==, 2);
      g_assert_cmpuint (g_array_index (progress, guint, 0), ==, 1);
      files = list_dir (dir);
      if (round == 0)
        g_assert_cmpstr (files, ==, "");
      else
        {
          g_autofree char *contents = NULL;

          g_assert_cmpstr (files, ==, "kutsut.pdf;");
          g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
          g_assert_cmpstr (contents, ==, "earlier");
        }
    }
  g_unlink (path);
  g_rmdir (dir);
}

/* Into a stream: the same PDF; cancelled before the first letter,
 * nothing is asked for. */
static void
test_batch_stream (void)
{
  g_autoptr(GDateTime) starts = fi_time (2026, 12, 14, 10, 0);
  g_autoptr(GDateTime) date = fi_time (2026, 12, 7, 9, 0);
  g_autoptr(GPtrArray) documents = three_letters (starts, date);
  g_autoptr(GArray) progress = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;
  Batch batch = { documents, progress, NULL, 0 };

  g_assert_true (kh_document_render_batch_to_stream (documents->len, take_document, NULL, &batch,
                                                     stream, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (stream, NULL, NULL));
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
  pdf = poppler_document_new_from_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 4);
  g_assert_cmpuint (progress->len, ==, 0);

  g_cancellable_cancel (cancellable);
  g_clear_object (&stream);
  stream = g_memory_output_stream_new_resizable ();
  g_clear_pointer (&documents, g_ptr_array_unref);
  documents = three_letters (starts, date);
  batch.documents = documents;
  g_assert_false (kh_document_render_batch_to_stream (documents->len, take_document, record_progress, &batch,
                                                      stream, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (progress->len, ==, 0);
  g_assert_nonnull (g_ptr_array_index (documents, 0));
}

/* The invitations for a list of appointments, as the UI makes them. */
static void
test_render_invitations (void)
{
  g_autoptr(KhUnitProfile) profile = new_profile ();
  g_autoptr(GDateTime) starts = fi_time (2026, 12, 14, 10, 0);
  g_autoptr(GDateTime) later = fi_time (2026, 12, 14, 11, 30);
  g_autoptr(GDateTime) date = fi_time (2026, 12, 7, 9, 0);
  g_autoptr(GArray) progress = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GError) error = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autofree char *path = tmp_path ("kh-test-invitations.pdf");
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  KhInvitationLetter letters[2];
  Batch batch = { NULL, progress, NULL, 0 };

  doc_test_set_ui_language ("fi");
  new_invitation (&letters[0], "sv", starts, date);
  new_invitation (&letters[1], "fi", later, date);
  letters[1].letter.recipient_name = "Aino Ensimmäinen";
  g_assert_true (kh_letters_render_invitations (letters, 2, profile, file, record_progress, &batch,
                                                NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (progress->len, ==, 4);
  pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 2);
  first = doc_test_text (pdf, 0);
  second = doc_test_text (pdf, 1);
  doc_test_assert_contains (first, "måndag 14.12.2026 kl. 10.00–11.00");
  doc_test_assert_contains (first, "Välfärdsområdet Norden");
  assert_language (first, "sv");
  doc_test_assert_contains (second, "Aino Ensimmäinen");
  doc_test_assert_contains (second, "maanantai 14.12.2026 klo 11.30–12.30");
  assert_language (second, "fi");
  g_unlink (path);
}

/* A logo of noise, which compresses badly: 200 × 200 pixels, about
 * 120 kB as PNG. */
static GBytes *
noise_png (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 200, 200);
  GRand *rand = g_rand_new_with_seed (8);
  guint32 *pixels;
  GBytes *png;

  cairo_surface_flush (surface);
  pixels = (guint32 *) cairo_image_surface_get_data (surface);
  for (guint i = 0; i < 200 * 200; i++)
    pixels[i] = g_rand_int (rand) & 0xffffff;
  cairo_surface_mark_dirty (surface);
  png = doc_test_png_of (surface);
  cairo_surface_destroy (surface);
  g_rand_free (rand);
  return png;
}

/* The unit's logo in every letter of a batch is one image in the PDF. */
static void
test_batch_logo_once (void)
{
  g_autoptr(KhUnitProfile) profile = new_profile ();
  g_autoptr(GDateTime) starts = fi_time (2026, 12, 14, 10, 0);
  g_autoptr(GDateTime) date = fi_time (2026, 12, 7, 9, 0);
  g_autofree char *path = tmp_path ("kh-test-logo-batch.pdf");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  KhInvitationLetter letters[10];
  gsize logo_size, sizes[2];

  profile->logo = noise_png ();
  logo_size = g_bytes_get_size (profile->logo);
  g_assert_cmpuint (logo_size, >, 100000);
  for (guint i = 0; i < G_N_ELEMENTS (letters); i++)
    new_invitation (&letters[i], "fi", starts, date);
  for (guint round = 0; round < 2; round++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;

      g_assert_true (kh_letters_render_invitations (letters, round == 0 ? 1 : 10, profile, file,
                                                    NULL, NULL, NULL, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, &sizes[round], NULL));
    }
  /* Nine more letters add their text, not nine more logos. */
  g_assert_cmpuint (sizes[0], >, logo_size / 2);
  g_assert_cmpuint (sizes[1] - sizes[0], <, logo_size);
  g_unlink (path);
}

/* ---- The client plan (issue 9, 3) ---- */

static KhClientPlan *
new_plan (gboolean fi)
{
  KhClientPlan *plan = kh_client_plan_new ();
  KhPlanGoal *home = kh_plan_goal_new (fi ? "Haluan oman vuokra-asunnon ennen kesää." : "Jag vill ha en egen hyresbostad före sommaren.",
                                       "housing", fi ? "Asuminen" : "Boende");
  KhPlanGoal *work = kh_plan_goal_new (fi ? "Pääsen työkokeiluun." : "Jag kommer i arbetsprövning.",
                                       "work", fi ? "Työ" : "Arbete");
  KhPlanAction *apply = kh_plan_action_new (fi ? "Asuntohakemus vuokrataloyhtiöön" : "Bostadsansökan till hyresbolaget",
                                            KH_ACTOR_CLIENT, 0, NULL);
  KhPlanAction *debts = kh_plan_action_new (fi ? "Velkatilanteen selvitys" : "Utredning av skulderna",
                                            KH_ACTOR_NETWORK, 12, fi ? "Talous- ja velkaneuvonta" : "Skuldrådgivningen");

  g_date_set_dmy (&apply->due, 15, 1, 2027);
  debts->status = KH_ACTION_STARTED;
  g_ptr_array_add (home->actions, apply);
  g_ptr_array_add (home->actions, debts);
  g_ptr_array_add (work->actions, kh_plan_action_new (fi ? "Yhteys työkokeilun järjestäjään" : "Kontakt med arrangören av arbetsprövningen",
                                                      KH_ACTOR_WORKER, 0, NULL));
  g_ptr_array_add (plan->goals, home);
  g_ptr_array_add (plan->goals, work);
  g_ptr_array_add (plan->partners, kh_plan_partner_new (12, fi ? "Talous- ja velkaneuvonta" : "Skuldrådgivningen",
                                                        fi ? "Velkojen selvittely" : "Reder ut skulderna", FALSE));
  g_ptr_array_add (plan->partners, kh_plan_partner_new (13, fi ? "Työllisyyspalvelut" : "Sysselsättningstjänsterna",
                                                        fi ? "Työkokeilun järjestäminen" : "Ordnar arbetsprövningen", TRUE));
  plan->version = 2;
  g_date_set_dmy (&plan->made_on, 1, 12, 2026);
  g_date_set_dmy (&plan->review_on, 1, 3, 2027);
  plan->meetings = KH_MEETINGS_FORTNIGHTLY;
  plan->need_client_view = g_strdup (fi ? "Tarvitsen apua asunnon löytämiseen." : "Jag behöver hjälp att hitta en bostad.");
  plan->need_worker_view = g_strdup (fi ? "Asunnottomuuden uhka ja velat." : "Risk för bostadslöshet och skulder.");
  plan->strengths = g_strdup (fi ? "Sitkeys, hyvät välit siskoon." : "Uthållighet, god kontakt med systern.");
  plan->client_part = g_strdup (fi ? "Haen asuntoja viikoittain." : "Jag söker bostäder varje vecka.");
  plan->follow_up = g_strdup (fi ? "Käymme tavoitteet läpi tapaamisissa." : "Vi går igenom målen vid mötena.");
  plan->disagreement_client = g_strdup (fi ? "En tarvitse päihdepalveluja." : "Jag behöver inga missbrukartjänster.");
  plan->disagreement_worker = g_strdup (fi ? "Päihteiden käyttö vaikeuttaa asumista." : "Missbruket försvårar boendet.");
  return plan;
}

/* Issue 9, 4: the review that made version 2, on a scale of four steps
 * of its own (the unit's scale is the default five, or anything else:
 * the letter never sees it). The first goal is rated with a comment, the
 * second without; the factor and a service are rated, another service
 * was switched on and not rated, no method was evaluated. */
static const char *const review_scale =
  "Ei lainkaan|Inte alls\nOsittain|Delvis\nSuurelta osin|Till stor del\nKokonaan|Helt och hållet";

static GPtrArray *
new_review (KhClientPlan *plan,
            gboolean      fi)
{
  GPtrArray *evaluations = g_ptr_array_new_with_free_func ((GDestroyNotify) kh_plan_evaluation_free);

  ((KhPlanGoal *) g_ptr_array_index (plan->goals, 0))->id = 101;
  ((KhPlanGoal *) g_ptr_array_index (plan->goals, 1))->id = 102;
  g_ptr_array_add (plan->factors, kh_plan_factor_new (KH_FACTOR_HELPS, fi ? "Siskon tuki" : "Systerns hjälp"));
  g_ptr_array_add (evaluations, kh_plan_evaluation_new (KH_EVALUATED_GOAL, 101, NULL, 3,
                                                        fi ? "Kolme asuntohakemusta lähetetty."
                                                           : "Tre bostadsansökningar har skickats."));
  g_ptr_array_add (evaluations, kh_plan_evaluation_new (KH_EVALUATED_GOAL, 102, NULL, 1, NULL));
  g_ptr_array_add (evaluations, kh_plan_evaluation_new (KH_EVALUATED_FACTOR, 0, fi ? "Siskon tuki" : "Systerns hjälp",
                                                        4, fi ? "Sisko kävi mukana tapaamisissa."
                                                              : "Systern kom med till mötena."));
  g_ptr_array_add (evaluations, kh_plan_evaluation_new (KH_EVALUATED_SERVICE, 0,
                                                        fi ? "Talous- ja velkaneuvonta" : "Skuldrådgivningen",
                                                        2, NULL));
  g_ptr_array_add (evaluations, kh_plan_evaluation_new (KH_EVALUATED_SERVICE, 0,
                                                        fi ? "Tuettu asuminen" : "Boendestöd", 0, NULL));
  return evaluations;
}

/* The text of the review's section: from its heading to the next one. */
static char *
review_section (const char *text,
                const char *heading,
                const char *next)
{
  const char *start = strstr (text, heading);
  const char *end = start != NULL ? strstr (start, next) : NULL;

  g_assert_nonnull (start);
  g_assert_nonnull (end);
  return g_strndup (start, end - start);
}

static void
check_plan (gconstpointer data)
{
  const char *language = data;
  gboolean fi = g_str_equal (language, "fi");
  g_autoptr(KhUnitProfile) profile = new_profile ();
  g_autoptr(GDateTime) date = fi_time (2026, 12, 1, 9, 0);
  g_autoptr(KhClientPlan) plan = new_plan (fi);
  g_autoptr(GPtrArray) evaluations = new_review (plan, fi);
  g_autoptr(KhPlanScale) scale = kh_plan_scale_parse (review_scale, NULL);
  g_autoptr(KhDocument) doc = NULL;
  g_autofree char *text = NULL;
  g_autofree char *section = NULL;
  g_autofree char *name = g_strdup_printf ("%s-client-plan.pdf", language);
  const KhEcomapEntry network[] = {
    { 11, fi ? "Sisko Ánne" : "Systern Ánne", KH_NETWORK_PERSON, KH_SECTOR_FAMILY, KH_DISTANCE_CLOSE, KH_TIE_STRONG, KH_SUPPORT_BOTH },
    { 12, fi ? "Velkaneuvonta" : "Skuldrådgivningen", KH_NETWORK_AGENCY, KH_SECTOR_BENEFITS, KH_DISTANCE_MIDDLE, KH_TIE_ORDINARY, KH_SUPPORT_TO_CLIENT },
    { 13, fi ? "Työllisyyspalvelut" : "Sysselsättningstjänster", KH_NETWORK_AGENCY, KH_SECTOR_WORK_EDUCATION, KH_DISTANCE_FAR, KH_TIE_WEAK, KH_SUPPORT_TO_CLIENT },
    { 14, fi ? "Entinen puoliso" : "Före detta make", KH_NETWORK_PERSON, KH_SECTOR_FAMILY, KH_DISTANCE_MIDDLE, KH_TIE_STRESSFUL, KH_SUPPORT_NONE },
  };
  KhPlanLetter l = { 0 };
  static const char *const expected_fi[] = {
    "Asiakassuunnitelmasi", "sosiaalihuoltolaki 39 §",
    "Laadittu\t1.12.2026", "Versio\t2", "Tapaamme\tKahden viikon välein", "Suunnitelma arvioidaan\t1.3.2027",
    "Suunnitelman arviointi", "Arvioimme 1.12.2026 yhdessä kanssasi, miten suunnitelma on toteutunut.",
    "Arvioinnissa käytetty asteikko alimmasta ylimpään: Ei lainkaan – Osittain – Suurelta osin – Kokonaan.",
    /* The goal wraps in the table's first column. */
    "Tavoitteet", "Haluan oman vuokra-\tSuurelta osin", "Kolme asuntohakemusta lähetetty.",
    "Pääsen työkokeiluun.\tEi lainkaan",
    "Edistävät ja estävät tekijät", "Siskon tuki\tKokonaan", "Sisko kävi mukana tapaamisissa.",
    "Palvelut", "Talous- ja velkaneuvonta\tOsittain",
    "Tuen tarpeesi", "Näkemyksesi\tTarvitsen apua asunnon löytämiseen.",
    "Työntekijän näkemys\tAsunnottomuuden uhka ja velat.",
    "Vahvuutesi ja voimavarasi", "Sitkeys, hyvät välit siskoon.",
    "Tavoitteesi", "Tavoite 1: Haluan oman vuokra-asunnon ennen kesää.", "Asuminen · Työn alla",
    "Asuntohakemus vuokrataloyhtiöön — sinä, 15.1.2027 mennessä (Suunniteltu)",
    "Velkatilanteen selvitys — Talous- ja velkaneuvonta (Aloitettu)",
    "Tavoite 2: Pääsen työkokeiluun.", "Yhteys työkokeilun järjestäjään — työntekijäsi (Suunniteltu)",
    "Oma osuutesi", "Haen asuntoja viikoittain.",
    "Kuka vastaa mistäkin", "Talous- ja velkaneuvonta\tVelkojen selvittely",
    "Työllisyyspalvelut\tTyökokeilun järjestäminen (koordinoi suunnitelmaa)",
    "Verkostosi", "Verkostokartta", "Sisko Ánne", "Entinen puoliso", "Perhe",
    "Verkostokartta: Sisko Ánne (Perhe ja suku, vahva); Velkaneuvonta",
    "Miten seuraamme suunnitelmaa", "Eriävät näkemykset", "En tarvitse päihdepalveluja.",
    "Tämä suunnitelma ei ole päätös.", "Omatyöntekijäsi\tOlli Ohjaaja, sosiaaliohjaaja",
    "Ystävällisin terveisin",
    NULL,
  };
  static const char *const expected_sv[] = {
    "Din klientplan", "socialvårdslagen 39 §",
    "Utarbetad\t1.12.2026", "Version\t2", "Vi träffas\tVarannan vecka", "Planen utvärderas\t1.3.2027",
    "Utvärdering av planen", "Den 1.12.2026 utvärderade vi tillsammans med dig hur planen har genomförts.",
    "Skalan i utvärderingen, från den lägsta till den högsta: Inte alls – Delvis – Till stor del – Helt och hållet.",
    "Mål", "Jag vill ha en egen\tTill stor del", "Tre bostadsansökningar har skickats.",
    "Jag kommer i\tInte alls",
    "Främjande och hindrande faktorer", "Systerns hjälp\tHelt och hållet", "Systern kom med till mötena.",
    "Tjänster", "Skuldrådgivningen\tDelvis",
    "Ditt behov av stöd", "Din syn\tJag behöver hjälp att hitta en bostad.",
    "Handläggarens syn\tRisk för bostadslöshet och skulder.",
    "Dina styrkor och resurser", "Uthållighet, god kontakt med systern.",
    "Dina mål", "Mål 1: Jag vill ha en egen hyresbostad före sommaren.", "Boende · Pågår",
    "Bostadsansökan till hyresbolaget — du, senast 15.1.2027 (Planerad)",
    "Utredning av skulderna — Skuldrådgivningen (Påbörjad)",
    "Mål 2: Jag kommer i arbetsprövning.", "Kontakt med arrangören av arbetsprövningen — din handläggare (Planerad)",
    "Din egen del", "Jag söker bostäder varje vecka.",
    "Vem ansvarar för vad", "Skuldrådgivningen\tReder ut skulderna",
    "Sysselsättningstjänsterna\tOrdnar arbetsprövningen (samordnar planen)",
    "Ditt nätverk", "Nätverkskarta", "Systern Ánne", "Före detta make", "Familj",
    "Nätverkskarta: Systern Ánne (Familj och släkt, stark); Skuldrådgivningen",
    "Hur vi följer upp planen", "Avvikande åsikter", "Jag behöver inga missbrukartjänster.",
    "Den här planen är inget beslut.", "Din egen kontaktperson\tOlli Ohjaaja, socialhandledare",
    "Med vänlig hälsning",
    NULL,
  };
  /* Not in the review: the service not rated, the part not evaluated,
   * the unit's default scale; in Swedish, none of the Finnish words. */
  static const char *const not_in_review_fi[] = {
    "Tuettu asuminen", "Työmenetelmät", "edistystä", NULL,
  };
  static const char *const not_in_review_sv[] = {
    "Boendestöd", "Arbetsmetoder", "framsteg", "Suurelta", "Kokonaan", "Osittain", "lainkaan", "Tavoitteet",
    "Palvelut", "Arvio", "arvio", "tekijät", NULL,
  };

  doc_test_set_ui_language (fi ? "sv" : "fi");
  l.letter.language = language;
  l.letter.recipient_name = "Åsa Öhman-Äikäs";
  l.letter.recipient_address = fi ? "Kauppakatu 3 A 5\n90100 Oulu" : "Handelsgatan 3 A 5\n90100 Uleåborg";
  l.letter.date = date;
  l.letter.sender = (KhLetterSender) { "Sari Sosiaalityöntekijä", fi ? "sosiaalityöntekijä" : "socialarbetare",
                                       "08 555 0102", NULL };
  l.responsible_worker = (KhLetterSender) { "Olli Ohjaaja", fi ? "sosiaaliohjaaja" : "socialhandledare",
                                           "08 555 0103", NULL };
  l.plan = plan;
  l.client_name = "Åsa Öhman-Äikäs";
  l.network = network;
  l.n_network = G_N_ELEMENTS (network);
  l.evaluations = evaluations;
  l.review_scale = scale;
  doc = kh_plan_letter_build (&l, profile);
  text = render_and_check (doc, name, fi ? expected_fi : expected_sv);
  section = review_section (text, fi ? "Suunnitelman arviointi" : "Utvärdering av planen",
                            fi ? "Tuen tarpeesi" : "Ditt behov av stöd");
  for (const char * const *word = fi ? not_in_review_fi : not_in_review_sv; *word != NULL; word++)
    doc_test_assert_lacks (section, *word);

  /* A version made without a review, and one whose review rated
   * nothing that is in it: no section. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GPtrArray) unrated = g_ptr_array_new_with_free_func ((GDestroyNotify) kh_plan_evaluation_free);
      g_autoptr(KhDocument) plain = NULL;
      g_autoptr(PopplerDocument) pdf = NULL;
      g_autofree char *plain_text = NULL;
      g_autofree char *plain_name = g_strdup_printf ("%s-client-plan-unreviewed-%u.pdf", language, i);

      g_ptr_array_add (unrated, kh_plan_evaluation_new (KH_EVALUATED_GOAL, 999, NULL, 3, NULL));
      g_ptr_array_add (unrated, kh_plan_evaluation_new (KH_EVALUATED_METHOD, 0, "Verkostokartta", 0, NULL));
      l.evaluations = i == 0 ? NULL : unrated;
      l.review_scale = i == 0 ? NULL : scale;
      plain = kh_plan_letter_build (&l, profile);
      pdf = doc_test_render (plain, plain_name, NULL);
      plain_text = doc_test_text (pdf, -1);
      doc_test_assert_contains (plain_text, fi ? "Miten seuraamme suunnitelmaa" : "Hur vi följer upp planen");
      doc_test_assert_lacks (plain_text, fi ? "Suunnitelman arviointi" : "Utvärdering av planen");
      doc_test_assert_lacks (plain_text, fi ? "Arvioimme" : "utvärderade vi");
    }
}

/* The extract for a partner agency (issue 9, 6): the coordinator,
 * Työllisyyspalvelut (13), has the client's consent to the plan; the debt
 * advice (12) has none, so it is not named. In Finnish the consent covers
 * the plan only, in Swedish information about the client as well. */
static gboolean
extract_consents (gint64         member_id,
                  KhConsentScope scope,
                  gpointer       user_data)
{
  KhConsentScope given = GPOINTER_TO_UINT (user_data);

  return member_id == 13 && (given & scope) == scope;
}

static void
check_plan_extract (gconstpointer data)
{
  const char *language = data;
  gboolean fi = g_str_equal (language, "fi");
  g_autoptr(KhUnitProfile) profile = new_profile ();
  g_autoptr(GDateTime) date = fi_time (2026, 12, 7, 9, 0);
  g_autoptr(KhClientPlan) plan = new_plan (fi);
  g_autoptr(KhClientPlan) extract = NULL;
  g_autoptr(KhDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *name = g_strdup_printf ("%s-client-plan-extract.pdf", language);
  KhConsentScope scope = fi ? KH_CONSENT_SHARE_PLAN : KH_CONSENT_SHARE_PLAN | KH_CONSENT_SHARE_INFO;
  KhPlanExtractLetter l = { 0 };
  static const char *const expected_fi[] = {
    "Ote yhteisestä asiakassuunnitelmasta", "sosiaalihuoltolaki 39 ja 41 §",
    "Asiakas\tÅsa Öhman-Äikäs", "Henkilötunnus\t150385-953S",
    "Suostumus annettu\t20.11.2026", "Suostumus voimassa\t31.5.2027 asti",
    "Laadittu\t1.12.2026", "Versio\t2", "Suunnitelma arvioidaan\t1.3.2027",
    "Asiakkaan tavoitteet", "Tavoitteet on kirjattu asiakkaan omin sanoin.",
    "Tavoite 1: Haluan oman vuokra-asunnon ennen kesää.",
    "Asuntohakemus vuokrataloyhtiöön — asiakas, 15.1.2027 mennessä (Suunniteltu)",
    "Velkatilanteen selvitys — joku muu asiakkaan verkostosta (Aloitettu)",
    "Yhteys työkokeilun järjestäjään — Sari Sosiaalityöntekijä (Suunniteltu)",
    "Asiakkaan oma osuus", "Haen asuntoja viikoittain.",
    "Kuka vastaa mistäkin", "Työllisyyspalvelut\tTyökokeilun järjestäminen (koordinoi suunnitelmaa)",
    "Miten seuraamme suunnitelmaa", "Yhteyshenkilö\tSari Sosiaalityöntekijä",
    "salassa pidettäviä", "Ystävällisin terveisin",
    NULL,
  };
  static const char *const expected_sv[] = {
    "Utdrag ur en gemensam klientplan", "socialvårdslagen 39 och 41 §",
    "Klient\tÅsa Öhman-Äikäs", "Personbeteckning\t150385-953S",
    "Samtycket givet\t20.11.2026", "Samtycket gäller\ttills klienten återkallar det",
    "Utarbetad\t1.12.2026", "Version\t2", "Planen utvärderas\t1.3.2027",
    "Klientens behov av stöd", "Klientens syn\tJag behöver hjälp att hitta en bostad.",
    "Handläggarens syn\tRisk för bostadslöshet och skulder.",
    "Klientens styrkor och resurser", "Uthållighet, god kontakt med systern.",
    "Klientens mål", "Målen är skrivna med klientens egna ord.",
    "Bostadsansökan till hyresbolaget — klienten, senast 15.1.2027 (Planerad)",
    "Utredning av skulderna — någon annan i klientens nätverk (Påbörjad)",
    "Klientens egen del", "Vem ansvarar för vad",
    "Sysselsättningstjänsterna\tOrdnar arbetsprövningen (samordnar planen)",
    "Avvikande åsikter", "Jag behöver inga missbrukartjänster.",
    "Kontaktperson\tSari Sosiaalityöntekijä", "sekretessbelagda", "Med vänlig hälsning",
    NULL,
  };
  /* Never in either: the partner without consent, the map, the client's
   * meetings with the worker; in Finnish (the plan only) not the client's
   * situation either. */
  static const char *const absent_fi[] = {
    "Talous- ja velkaneuvonta", "Verkostokartta", "Tapaamme", "Kahden viikon",
    "tuen tarve", "Asunnottomuuden", "Sitkeys", "Eriävät", "päihde", NULL,
  };
  static const char *const absent_sv[] = {
    "Skuldrådgivningen", "Nätverkskarta", "Vi träffas", "Varannan vecka", NULL,
  };

  plan->joint = TRUE;
  extract = kh_client_plan_for_partner (plan, 13, extract_consents, GUINT_TO_POINTER (scope), &l.with_info, &error);
  g_assert_no_error (error);
  g_assert_cmpint (l.with_info, ==, !fi);

  doc_test_set_ui_language (fi ? "sv" : "fi");
  l.letter.language = language;
  l.letter.recipient_name = fi ? "Työllisyyspalvelut" : "Sysselsättningstjänsterna";
  l.letter.recipient_address = fi ? "Torikatu 10\n90100 Oulu" : "Torggatan 10\n90100 Uleåborg";
  l.letter.date = date;
  l.letter.sender = (KhLetterSender) { "Sari Sosiaalityöntekijä", fi ? "sosiaalityöntekijä" : "socialarbetare",
                                       "08 555 0102", NULL };
  l.extract = extract;
  l.client_name = "Åsa Öhman-Äikäs";
  l.client_identity = "150385-953S";
  g_date_set_dmy (&l.consent_given, 20, 11, 2026);
  if (fi)
    g_date_set_dmy (&l.consent_expires, 31, 5, 2027);
  doc = kh_plan_extract_build (&l, profile);
  text = render_and_check (doc, name, fi ? expected_fi : expected_sv);
  for (const char * const *word = fi ? absent_fi : absent_sv; *word != NULL; word++)
    if (strstr (text, *word) != NULL)
      g_error ("The partner's extract has \"%s\", which the client has not consented to giving it", *word);
}

int
main (int   argc,
      char *argv[])
{
  doc_test_init (&argc, &argv);
  helsinki = g_time_zone_new_identifier ("Europe/Helsinki");
  g_assert_nonnull (helsinki);

  g_test_add_data_func ("/letters/client-plan/finnish", "fi", check_plan);
  g_test_add_data_func ("/letters/client-plan/swedish", "sv", check_plan);
  g_test_add_data_func ("/letters/client-plan-extract/finnish", "fi", check_plan_extract);
  g_test_add_data_func ("/letters/client-plan-extract/swedish", "sv", check_plan_extract);
  g_test_add_func ("/letters/meeting-time", test_meeting_time);
  g_test_add_data_func ("/letters/invitation/finnish", "fi", check_invitation);
  g_test_add_data_func ("/letters/invitation/swedish", "sv", check_invitation);
  g_test_add_func ("/letters/invitation/by-phone-and-video", test_invitation_remote);
  g_test_add_func ("/letters/invitation/from-appointment", test_invitation_from_appointment);
  g_test_add_data_func ("/letters/could-not-reach/finnish", "fi", check_could_not_reach);
  g_test_add_data_func ("/letters/could-not-reach/swedish", "sv", check_could_not_reach);
  g_test_add_data_func ("/letters/could-not-reach/pending/finnish", "fi", check_could_not_reach_pending);
  g_test_add_data_func ("/letters/could-not-reach/pending/swedish", "sv", check_could_not_reach_pending);
  g_test_add_data_func ("/letters/assessment-summary/finnish", "fi", check_summary);
  g_test_add_data_func ("/letters/assessment-summary/swedish", "sv", check_summary);
  g_test_add_data_func ("/letters/payment-commitment/finnish", "fi", check_commitment);
  g_test_add_data_func ("/letters/payment-commitment/swedish", "sv", check_commitment);
  g_test_add_func ("/letters/batch/one-pdf", test_batch);
  g_test_add_func ("/letters/batch/cancel-and-failure", test_batch_stops);
  g_test_add_func ("/letters/batch/stream", test_batch_stream);
  g_test_add_func ("/letters/batch/invitations", test_render_invitations);
  g_test_add_func ("/letters/batch/logo-once", test_batch_logo_once);
  return doc_test_finish (g_test_run ());
}
