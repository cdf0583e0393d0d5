/* kh-admin-demo.c — fictional people, contacts and cases for demonstrations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everyone here is invented: names are drawn from common Finnish and
 * Swedish names, identity codes use only the individual numbers 900–999
 * (temporary and test codes that no real person has), e-mail addresses are
 * at example.fi and example.com. About four in five people speak Finnish,
 * one in five Swedish, and a few another language with an interpreter.
 *
 * Speed: 100 000 people must load well under a minute, so everything goes
 * into one transaction through the *_bulk functions and the search index is
 * rebuilt once at the end.
 */

#define G_LOG_DOMAIN "kohtaamo-admin"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "core/kh-intake-state.h"
#include "core/kh-deadlines.h"
#include "core/kh-hetu.h"
#include "core/kh-text.h"
#include "core/kh-plan-settings.h"
#include "core/kh-unit-profile.h"

#include "kh-admin-demo.h"

#define N(array) G_N_ELEMENTS (array)

/* ---- names and places ---- */

static const char * const fi_women[] = {
  "Aino", "Anna", "Anne", "Anneli", "Eeva", "Elina", "Emma", "Helena", "Hanna", "Heidi",
  "Inkeri", "Johanna", "Kaarina", "Katja", "Kirsi", "Laura", "Liisa", "Maria", "Marjatta",
  "Minna", "Noora", "Outi", "Päivi", "Pirjo", "Riikka", "Sari", "Satu", "Sofia", "Tiina",
  "Tuula", "Ulla", "Venla", "Aila", "Sirkka", "Eila", "Kerttu", "Helmi", "Ilona", "Aada",
  "Iida", "Elli", "Siiri", "Hilkka", "Raija", "Merja", "Jaana", "Susanna", "Milla",
};
static const char * const fi_men[] = {
  "Antti", "Ari", "Eero", "Erkki", "Heikki", "Ilkka", "Jari", "Jouni", "Juha", "Juhani",
  "Jukka", "Kalle", "Kari", "Lauri", "Markku", "Matti", "Mikko", "Onni", "Pekka", "Pentti",
  "Petri", "Raimo", "Sami", "Seppo", "Timo", "Tapio", "Tuomas", "Ville", "Väinö", "Eino",
  "Oskari", "Olavi", "Aleksi", "Eetu", "Joonas", "Veikko", "Jyrki", "Risto", "Harri", "Esa",
  "Teemu", "Jussi", "Toni", "Ossi", "Aarne", "Tauno",
};
static const char * const fi_last[] = {
  "Virtanen", "Korhonen", "Mäkinen", "Nieminen", "Mäkelä", "Hämäläinen", "Laine", "Heikkinen",
  "Koskinen", "Järvinen", "Lehtonen", "Lehtinen", "Saarinen", "Salminen", "Heinonen", "Niemi",
  "Heikkilä", "Kinnunen", "Salonen", "Turunen", "Salo", "Laitinen", "Tuominen", "Rantanen",
  "Karjalainen", "Jokinen", "Mattila", "Savolainen", "Lahtinen", "Ahonen", "Hiltunen",
  "Kärkkäinen", "Pääkkönen", "Leinonen", "Räsänen", "Väisänen", "Hyvönen", "Kettunen",
  "Miettinen", "Pitkänen", "Aaltonen", "Manninen", "Huttunen", "Anttila", "Lindroos",
  "Ylönen", "Östman", "Oksanen", "Peltonen", "Toivonen", "Seppälä", "Hakala", "Pulkkinen",
};
static const char * const sv_women[] = {
  "Anna", "Karin", "Ingrid", "Ebba", "Elsa", "Linnea", "Maja", "Sara", "Ulrika", "Britt",
  "Gunilla", "Margareta", "Astrid", "Stina", "Agneta", "Camilla", "Johanna", "Kristina",
  "Saga", "Wilma", "Ellen", "Greta", "Solveig", "Ann-Christin",
};
static const char * const sv_men[] = {
  "Anders", "Bengt", "Björn", "Erik", "Fredrik", "Gustav", "Henrik", "Johan", "Lars", "Mats",
  "Nils", "Per", "Rasmus", "Stefan", "Ulf", "Åke", "Göran", "Mikael", "Kaj", "Ragnar",
  "Tor", "Jonas", "Kim", "Leif",
};
static const char * const sv_last[] = {
  "Lindqvist", "Åberg", "Öhman", "Johansson", "Karlsson", "Nyström", "Lindholm", "Sjöberg",
  "Holmström", "Forsman", "Westerlund", "Björklund", "Grönqvist", "Sundström", "Lindberg",
  "Eriksson", "Andersson", "Backman", "Ekholm", "Österberg", "Wikström", "Strandberg",
  "Blomqvist", "Häggblom", "Åström", "Söderholm", "Nylund", "Granqvist", "Fagerström",
};
/* People who have no Finnish identity code yet: common names of the largest
 * language groups among newcomers. */
static const char * const other_women[] = {
  "Amina", "Fatima", "Halima", "Olena", "Iryna", "Maryam", "Leyla", "Natalia", "Sara",
};
static const char * const other_men[] = {
  "Ahmed", "Mohamed", "Hassan", "Ali", "Yusuf", "Oleksandr", "Dmytro", "Omar", "Abdi",
};
static const char * const other_last[] = {
  "Hassan", "Mohamed", "Ali", "Ahmadi", "Abdullahi", "Kovalenko", "Shevchenko", "Bondarenko",
  "Hosseini", "Warsame", "Yilmaz", "Nguyen",
};
/* The language's name as reception would write it (in Finnish). */
static const char * const other_languages[] = {
  "arabia", "somali", "ukraina", "venäjä", "dari", "persia", "turkki", "vietnam",
};

typedef struct {
  const char *name_fi;
  const char *name_sv;
  const char *postal_codes[4];
  gboolean    swedish_area;   /* where many Swedish speakers live */
} Town;

static const Town towns[] = {
  { "Helsinki", "Helsingfors", { "00100", "00530", "00710", "00940" }, TRUE },
  { "Espoo", "Esbo", { "02100", "02230", "02600", "02770" }, TRUE },
  { "Vantaa", "Vanda", { "01300", "01350", "01600", "01730" }, FALSE },
  { "Tampere", "Tammerfors", { "33100", "33200", "33500", "33720" }, FALSE },
  { "Turku", "Åbo", { "20100", "20320", "20500", "20810" }, TRUE },
  { "Oulu", "Uleåborg", { "90100", "90500", "90570", "90650" }, FALSE },
  { "Jyväskylä", "Jyväskylä", { "40100", "40320", "40520", "40740" }, FALSE },
  { "Kuopio", "Kuopio", { "70100", "70500", "70620", "70820" }, FALSE },
  { "Lahti", "Lahtis", { "15100", "15140", "15500", "15610" }, FALSE },
  { "Pori", "Björneborg", { "28100", "28130", "28400", "28600" }, FALSE },
  { "Joensuu", "Joensuu", { "80100", "80200", "80220", "80710" }, FALSE },
  { "Vaasa", "Vasa", { "65100", "65200", "65320", "65610" }, TRUE },
  { "Porvoo", "Borgå", { "06100", "06150", "06400", "06500" }, TRUE },
  { "Pietarsaari", "Jakobstad", { "68600", "68620", "68660", "68690" }, TRUE },
  { "Raasepori", "Raseborg", { "10300", "10600", "10650", "10900" }, TRUE },
  { "Kokkola", "Karleby", { "67100", "67200", "67300", "67700" }, TRUE },
  { "Kirkkonummi", "Kyrkslätt", { "02400", "02440", "02460", "02480" }, TRUE },
  { "Loviisa", "Lovisa", { "07900", "07910", "07930", "07940" }, TRUE },
};

static const char * const fi_streets[] = {
  "Mannerheimintie", "Hämeenkatu", "Kauppakatu", "Koulukatu", "Rantatie", "Kirkkokatu",
  "Puistokatu", "Aleksanterinkatu", "Koivukuja", "Pihlajatie", "Männikkötie", "Tehtaankatu",
  "Satamakatu", "Asemakatu", "Vaahteratie", "Kalevankatu", "Myllytie", "Kuusitie",
};
static const char * const sv_streets[] = {
  "Storgatan", "Kyrkogatan", "Strandvägen", "Skolgatan", "Esplanaden", "Sandvägen",
  "Björkvägen", "Hamngatan", "Nygatan", "Rönnvägen", "Kvarnvägen", "Granvägen",
};

/* Authorities that contact social services under SHL 35 §. */
static const char * const authorities[] = {
  "Terveysasema", "HUS, psykiatrian poliklinikka", "Poliisi", "Työllisyyspalvelut",
  "Ensihoito", "Keskussairaalan päivystys", "Kotihoito", "Vankila",
};
static const char * const relatives_fi[] = { "tytär", "poika", "sisar", "veli", "puoliso", "naapuri" };
static const char * const relative_first_names[] = { "Liisa", "Matti", "Anna", "Juha", "Sanna", "Pekka" };
/* SHL 36 § 1 mom: why a matter made pending needs no assessment. */
static const char * const no_assessment_reasons[] = {
  "Asiakkuus jo aikuissosiaalityössä, tieto välitetty omatyöntekijälle.",
  "Tuen tarve selvitetty puhelimessa, palvelut jo käytössä.",
  "Henkilö muuttanut toiselle hyvinvointialueelle, asia siirretty.",
};

/* Free-text reasons by need, in Finnish and Swedish. */
typedef struct {
  KhNeed      need;
  const char *fi;
  const char *sv;
} Reason;

static const Reason reasons[] = {
  { KH_NEED_FINANCIAL, "Toimeentulotuki ja vuokrarästit.", "Utkomststöd och hyresskulder." },
  { KH_NEED_FINANCIAL, "Rahat loppuneet ennen kuun loppua.", "Pengarna tar slut före månadens slut." },
  { KH_NEED_HOUSING, "Häätöuhka, vuokranantaja irtisanonut sopimuksen.",
    "Hot om vräkning, hyresvärden har sagt upp avtalet." },
  { KH_NEED_HOUSING, "Asunnottomana, yöpyy tuttavien luona.", "Bostadslös, sover hos bekanta." },
  { KH_NEED_DAILY_LIFE, "Arjen asiat eivät suju, tarvitsee tukea.",
    "Vardagen fungerar inte, behöver stöd." },
  { KH_NEED_SUBSTANCE_HEALTH, "Alkoholinkäyttö lisääntynyt, haluaa apua.",
    "Alkoholbruket har ökat, vill ha hjälp." },
  { KH_NEED_SUBSTANCE_HEALTH, "Mielenterveyden vaikeuksia, hoitokontakti puuttuu.",
    "Psykiska svårigheter, saknar vårdkontakt." },
  { KH_NEED_INCLUSION, "Yksinäisyys, ei työtä eikä opiskelupaikkaa.",
    "Ensamhet, inget arbete eller studieplats." },
  { KH_NEED_VIOLENCE, "Kertoo lähisuhdeväkivallasta.", "Berättar om våld i nära relationer." },
  { KH_NEED_CRISIS, "Äkillinen kriisi, läheisen kuolema.", "Akut kris, en närstående har dött." },
  { KH_NEED_FUNCTIONAL_CAPACITY, "Toimintakyky heikentynyt sairaalajakson jälkeen.",
    "Funktionsförmågan försämrad efter sjukhusvistelse." },
  { KH_NEED_CARERS, "Omaishoitaja uupunut.", "Närståendevårdaren är utmattad." },
  { KH_NEED_CHILD_DEVELOPMENT, "Huoli perheen nuoren jaksamisesta.",
    "Oro för hur familjens ungdom orkar." },
};

static const char * const urgent_notes[] = {
  "Ei ruokaa eikä rahaa viikonlopuksi.",
  "Ei yöpaikkaa tälle yölle.",
  "Itsetuhoisia puheita, ohjattu päivystykseen.",
  "Väkivallan uhka kotona.",
};

typedef struct {
  const char *account;
  const char *name;
  KhRole      role;
  int         team;      /* index in Demo.teams; -1: in none (reception) */
} Staff;

/* The unit's fictional staff, so that cases can be with a worker. */
static const Staff staff[] = {
  { "mlindholm", "Marja Lindholm", KH_ROLE_RECEPTION, -1 },
  { "tkorpela", "Tiina Korpela", KH_ROLE_RECEPTION, -1 },
  { "jniskanen", "Jussi Niskanen", KH_ROLE_COUNSELLOR, 1 },
  { "shakala", "Sanna Hakala", KH_ROLE_SOCIAL_WORKER, 0 },
  { "pberg", "Peter Berg", KH_ROLE_SOCIAL_WORKER, 2 },
  { "ekoivisto", "Eeva Koivisto", KH_ROLE_LEAD, 0 },
};

/* The teams a demo unit has besides its first one (issue 5, 2.9): young
 * adults, and the Swedish-speaking clients. Cases go to them by the
 * person's age and language. */
#define DEMO_N_TEAMS 3
static const char * const extra_teams[DEMO_N_TEAMS - 1] = {
  "Nuoret aikuiset",
  "Ruotsinkielinen tiimi",
};

/* ---- the generator ---- */

typedef struct {
  KhDb          *db;
  KhUser        *user;
  GRand         *rand;
  /* The assessments' own numbers, so that the people, contacts and cases
   * of a seed stay the same with or without them. */
  GRand         *assessment_rand;
  KhCalendar    *calendar;
  GDate          today;
  GDateTime     *now;
  /* GLib 2.74 reloads the local zone from disk on every
   * g_date_time_new_local() when TZ is unset; one zone for the whole run
   * made 100 000 people load a sixth faster. */
  GTimeZone     *zone;
  GHashTable    *codes;            /* identity codes used */
  gboolean       check_database;   /* --force: codes may already be there */
  GArray        *receptionists;    /* user ids */
  GArray        *workers;
  gint64         teams[DEMO_N_TEAMS];       /* the unit's first team, then extra_teams */
  GArray        *team_workers[DEMO_N_TEAMS]; /* user ids of each team's workers */
  GArray        *services;         /* active service ids */
  gint64         emergency_service;
  /* Cases with a worker lately, for meetings (MeetingCandidate). */
  GArray        *meeting_candidates;
  GHashTable    *named;            /* people given a responsible worker (gint64 *) */
  GPtrArray     *document_people;  /* of KhDemoDocumentFor: a few fi, a few sv */
  guint          document_people_sv;
  KhDemoSummary *summary;
} Demo;

/* How many Finnish- and Swedish-speaking people get a demo decision. */
#define DEMO_DECISIONS_FI 6
#define DEMO_DECISIONS_SV 4
/* How many of them get a network (issue 9, 1): the first Finnish- and
 * Swedish-speaking ones as they come. */
#define DEMO_NETWORKS 6

static void
document_for_free (KhDemoDocumentFor *d)
{
  g_object_unref (d->client);
  g_free (d);
}

typedef struct {
  gint64     client_id;
  gint64     case_id;
  gint64     worker_id;
  KhLanguage language;
} MeetingCandidate;

static const char *
pick (Demo               *demo,
      const char * const *array,
      guint               n)
{
  return array[g_rand_int_range (demo->rand, 0, n)];
}

static gboolean
chance (Demo   *demo,
        double  p)
{
  return g_rand_double (demo->rand) < p;
}

static char *
ascii_fold (const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (c)
        {
        case 0xE4: case 0xE5: case 0xE1: g_string_append_c (out, 'a'); break;  /* ä å á */
        case 0xF6: case 0xF8: g_string_append_c (out, 'o'); break;             /* ö ø */
        case 0xFC: g_string_append_c (out, 'u'); break;                        /* ü */
        case 0xE9: g_string_append_c (out, 'e'); break;                        /* é */
        case ' ': case '-': g_string_append_c (out, '-'); break;
        default:
          if (c < 128 && g_ascii_isalnum (c))
            g_string_append_c (out, (char) c);
        }
    }
  return g_string_free (out, FALSE);
}

/* Ages 18–95, with more older people than a uniform spread would give so
 * that the SHL 36 § over-75 deadline shows in the queue. */
static void
pick_birth_date (Demo  *demo,
                 GDate *out)
{
  int age;

  if (chance (demo, 0.15))
    age = g_rand_int_range (demo->rand, 70, 96);
  else
    age = g_rand_int_range (demo->rand, 18, 70);

  *out = demo->today;
  g_date_subtract_years (out, age);
  g_date_subtract_days (out, g_rand_int_range (demo->rand, 0, 365));
}

/* An identity code nobody else in the data has: individual numbers 900–999
 * only, odd for men and even for women as on real codes. */
static char *
make_code (Demo     *demo,
           GDate    *birth,
           gboolean  man)
{
  for (guint attempt = 0; attempt < 400; attempt++)
    {
      guint individual = 900 + 2 * g_rand_int_range (demo->rand, 0, 50) + (man ? 1 : 0);
      g_autofree char *code = NULL;

      /* After many tries the day is crowded: move to the day before. */
      if (attempt > 0 && attempt % 100 == 0)
        g_date_subtract_days (birth, 1);

      code = kh_hetu_make (birth, individual, 0);
      if (code == NULL || g_hash_table_contains (demo->codes, code))
        continue;
      if (demo->check_database && kh_db_identity_code_exists (demo->db, demo->user, code, NULL))
        continue;

      g_hash_table_add (demo->codes, g_strdup (code));
      return g_steal_pointer (&code);
    }
  return NULL;
}

static KhClient *
make_client (Demo *demo)
{
  g_autoptr(KhClient) client = kh_client_new ();
  const char * const *women, * const *men, * const *last;
  guint n_women, n_men, n_last;
  gboolean man = chance (demo, 0.5);
  gboolean newcomer = chance (demo, 0.03);
  double r = g_rand_double (demo->rand);
  const Town *town;
  GDate birth;

  if (newcomer)
    {
      women = other_women, n_women = N (other_women);
      men = other_men, n_men = N (other_men);
      last = other_last, n_last = N (other_last);
      client->language = KH_LANGUAGE_OTHER;
      client->other_language = g_strdup (pick (demo, other_languages, N (other_languages)));
      client->interpreter = TRUE;
    }
  else if (r < 0.8)
    {
      women = fi_women, n_women = N (fi_women);
      men = fi_men, n_men = N (fi_men);
      /* Swedish family names are common among Finnish speakers too. */
      last = chance (demo, 0.1) ? sv_last : fi_last;
      n_last = last == sv_last ? N (sv_last) : N (fi_last);
      client->language = KH_LANGUAGE_FI;
    }
  else
    {
      women = sv_women, n_women = N (sv_women);
      men = sv_men, n_men = N (sv_men);
      last = chance (demo, 0.15) ? fi_last : sv_last;
      n_last = last == sv_last ? N (sv_last) : N (fi_last);
      client->language = KH_LANGUAGE_SV;
    }

  client->last_name = g_strdup (pick (demo, last, n_last));
  {
    const char * const *names = man ? men : women;
    guint n_names = man ? n_men : n_women;
    const char *first = pick (demo, names, n_names);
    const char *second = pick (demo, names, n_names);

    if (!newcomer && chance (demo, 0.7) && g_strcmp0 (first, second) != 0)
      client->first_names = g_strdup_printf ("%s %s", first, second);
    else
      client->first_names = g_strdup (first);
  }

  pick_birth_date (demo, &birth);
  if (newcomer && chance (demo, 0.8))
    {
      static const KhNoCodeReason no_code[] = {
        KH_NO_CODE_ASYLUM_SEEKER, KH_NO_CODE_ASYLUM_SEEKER, KH_NO_CODE_FOREIGN,
        KH_NO_CODE_NOT_KNOWN, KH_NO_CODE_OTHER,
      };

      client->identity_kind = KH_IDENTITY_BIRTH_DATE;
      client->no_code_reason = no_code[g_rand_int_range (demo->rand, 0, N (no_code))];
      client->birth_date = kh_date_to_iso (&birth);
    }
  else
    {
      client->identity_kind = KH_IDENTITY_CODE;
      client->identity_code = make_code (demo, &birth, man);
      if (client->identity_code == NULL)
        return NULL;
      client->no_code_reason = KH_NO_CODE_NONE;
      client->birth_date = kh_date_to_iso (&birth);
    }

  /* Swedish speakers mostly live on the coast. */
  do
    town = &towns[g_rand_int_range (demo->rand, 0, N (towns))];
  while (client->language == KH_LANGUAGE_SV && !town->swedish_area && chance (demo, 0.9));

  if (!chance (demo, 0.04))   /* a few have no fixed address */
    {
      gboolean sv = client->language == KH_LANGUAGE_SV;
      const char *street = sv ? pick (demo, sv_streets, N (sv_streets))
                              : pick (demo, fi_streets, N (fi_streets));
      int number = g_rand_int_range (demo->rand, 1, 80);

      if (chance (demo, 0.6))
        client->address = g_strdup_printf ("%s %d %c %d", street, number,
                                           'A' + g_rand_int_range (demo->rand, 0, 4),
                                           g_rand_int_range (demo->rand, 1, 60));
      else
        client->address = g_strdup_printf ("%s %d", street, number);
      client->postal_code = g_strdup (town->postal_codes[g_rand_int_range (demo->rand, 0, 4)]);
      client->city = g_strdup (sv ? town->name_sv : town->name_fi);
    }

  if (chance (demo, 0.85))
    client->phone = g_strdup_printf ("%s %03d %04d", chance (demo, 0.5) ? "040" : "050",
                                     g_rand_int_range (demo->rand, 0, 1000),
                                     g_rand_int_range (demo->rand, 0, 10000));
  if (chance (demo, 0.4))
    {
      g_autofree char *first = g_strdup (client->first_names);
      g_autofree char *local_first = NULL;
      g_autofree char *local_last = ascii_fold (client->last_name);
      char *space = strchr (first, ' ');

      if (space != NULL)
        *space = '\0';
      local_first = ascii_fold (first);
      client->email = g_strdup_printf ("%s.%s@%s", local_first, local_last,
                                       chance (demo, 0.7) ? "example.fi" : "example.com");
    }

  return g_steal_pointer (&client);
}

static GDateTime *
contact_time (Demo *demo,
              int   days_ago,
              gboolean any_day)
{
  g_autoptr(GDateTime) day = NULL;
  GDate date = demo->today;
  int minutes;
  int earlier;

  g_date_subtract_days (&date, days_ago);
  /* Offices are closed at weekends; only the emergency service works then.
   * Today is kept as it is, so that the reception view has today's
   * contacts to show whatever the day of the demonstration. */
  if (!any_day && days_ago > 0)
    {
      while (g_date_get_weekday (&date) >= G_DATE_SATURDAY)
        g_date_subtract_days (&date, 1);
    }

  /* Both drawn always: the same seed must give the same data whatever the
   * time of day the demo runs. */
  minutes = 8 * 60 + g_rand_int_range (demo->rand, 0, 8 * 60);
  earlier = g_rand_int_range (demo->rand, 1, 30);
  day = g_date_time_new (demo->zone, g_date_get_year (&date), g_date_get_month (&date),
                         g_date_get_day (&date), minutes / 60, minutes % 60,
                         g_rand_int_range (demo->rand, 0, 60));

  /* Nothing may have come in after now; and a contact of today stays
   * today, even just after midnight. */
  if (g_date_time_compare (day, demo->now) > 0)
    {
      g_autoptr(GDateTime) midnight = g_date_time_new (demo->zone, g_date_get_year (&date),
                                                       g_date_get_month (&date),
                                                       g_date_get_day (&date), 0, 0, 0);
      g_autoptr(GDateTime) before = g_date_time_add_minutes (demo->now, -earlier);

      if (g_date_time_compare (before, midnight) < 0)
        return g_date_time_ref (demo->now);
      return g_steal_pointer (&before);
    }
  return g_steal_pointer (&day);
}

static guint
pick_needs (Demo      *demo,
            KhLanguage language,
            char     **out_text)
{
  const Reason *reason = &reasons[g_rand_int_range (demo->rand, 0, N (reasons))];
  guint needs = reason->need;

  if (chance (demo, 0.4))
    needs |= 1u << g_rand_int_range (demo->rand, 0, KH_N_NEEDS);
  if (out_text != NULL)
    *out_text = g_strdup (language == KH_LANGUAGE_SV ? reason->sv : reason->fi);
  return needs;
}

static gint64
pick_id (Demo   *demo,
         GArray *ids)
{
  return g_array_index (ids, gint64, g_rand_int_range (demo->rand, 0, ids->len));
}

static gboolean
add_anonymous_contact (Demo    *demo,
                       GError **error)
{
  static const KhChannel channels[] = {
    KH_CHANNEL_PHONE, KH_CHANNEL_PHONE, KH_CHANNEL_WALK_IN, KH_CHANNEL_CHAT, KH_CHANNEL_E_MESSAGE,
  };
  g_autoptr(KhContact) contact = kh_contact_new ();

  contact->received_at = contact_time (demo, g_rand_int_range (demo->rand, 0, 365), FALSE);
  contact->channel = channels[g_rand_int_range (demo->rand, 0, N (channels))];
  contact->contactor = KH_CONTACTOR_ANONYMOUS;
  contact->anonymous = TRUE;
  contact->language = chance (demo, 0.8) ? KH_LANGUAGE_FI : KH_LANGUAGE_SV;
  contact->needs = pick_needs (demo, contact->language, NULL);
  if (chance (demo, 0.6))
    {
      contact->outcome = KH_OUTCOME_ADVICE;
    }
  else
    {
      contact->outcome = KH_OUTCOME_DIRECTED;
      contact->service_id = pick_id (demo, demo->services);
    }
  contact->created_by = pick_id (demo, demo->receptionists);
  contact->urgency = KH_URGENCY_NOT_URGENT;

  if (kh_db_insert_contact_bulk (demo->db, demo->user, contact, error) <= 0)
    return FALSE;
  demo->summary->contacts++;
  demo->summary->anonymous++;
  return TRUE;
}

/* Issue 7: a service-need assessment for some of the cases with a worker
 * or closed, by the case's worker: finished for a closed case and for half
 * of the others, a draft otherwise, so that the assessment views have data.
 * On a server only a worker's own login writes assessments, and the demo
 * runs as the administrator: it makes none there. */
static gboolean
add_assessment (Demo         *demo,
                KhCase       *kcase,
                const GDate  *contact_day,
                int           days_ago,
                GError      **error)
{
  static const char * const views[] = {
    "Haluaisin saada raha-asiani järjestykseen ja vuokrat maksettua.",
    "Toivon apua oman asunnon löytämiseen, nyt asun tuttavan luona.",
    "Jaksaminen on ollut huonoa, tarvitsisin jonkun jonka kanssa puhua.",
    "Haluan päästä takaisin töihin tai opiskelemaan.",
  };
  static const char * const situations[] = {
    "Vuokrarästejä on kertynyt kolmelta kuukaudelta, ja sähkölasku on maksamatta.",
    "Asuu tilapäisesti tuttavan luona, oma vuokrasopimus päättyi.",
    "Työttömänä vuoden, ansiopäiväraha päättymässä.",
    "Arki sujuu, mutta asioiden hoitaminen virastoissa on raskasta.",
    "Yhteydenpito läheisiin on vähentynyt, asiakas kokee olevansa yksin.",
  };
  static const char * const strengths[] = {
    "Motivoitunut muutokseen, hyvä yhteistyö.",
    "Tukena aikuinen tytär, joka asuu lähellä.",
    "Aiempaa työkokemusta hoitoalalta.",
  };
  static const char * const summaries[] = {
    "Asiakkaan toimeentulo on heikentynyt työttömyyden pitkittyessä, ja asuminen on uhattuna.",
    "Asiakas on vailla vakinaista asuntoa ja tarvitsee tukea asumisen järjestämiseen.",
    "Asiakkaan arjessa selviytyminen on heikentynyt, ja hän tarvitsee ohjausta asioiden hoitamiseen.",
  };
  GRand *r = demo->assessment_rand;
  const char * const *keys = kh_assessment_default_area_keys ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(KhAssessment) a = NULL;
  g_autofree char *on = NULL;
  GDate day = *contact_day;
  gboolean finished = kcase->status == KH_CASE_CLOSED || g_rand_boolean (r);

#define PICK(list) (list)[g_rand_int_range (r, 0, N (list))]
  for (guint i = 0; keys[i] != NULL; i++)
    g_ptr_array_add (labels, (gpointer) kh_assessment_default_area_label (keys[i]));
  g_ptr_array_add (labels, NULL);
  /* The meeting within two weeks of the contact, never after today. */
  g_date_add_days (&day, MIN (days_ago, g_rand_int_range (r, 1, 15)));
  on = kh_date_to_iso (&day);
  a = kh_assessment_start (kcase->id, kcase->client_id, keys,
                           (const char * const *) labels->pdata, on);
  a->version = 1;
  a->client_present = KH_ANSWER_YES;
  a->rights_explained = KH_ANSWER_YES;
  a->options_explained = KH_ANSWER_YES;
  a->client_understood = KH_ANSWER_YES;
  a->has_children = KH_ANSWER_NO;
  a->client_view = g_strdup (PICK (views));
  a->needs = KH_NEED_FINANCIAL | (g_rand_boolean (r) ? KH_NEED_HOUSING : KH_NEED_DAILY_LIFE);
  for (guint i = 0; i < a->areas->len; i++)
    if (i == 0 || g_rand_double (r) < 0.4)
      {
        KhAreaAssessment *area = g_ptr_array_index (a->areas, i);

        area->situation = g_strdup (PICK (situations));
        if (g_rand_boolean (r))
          area->strengths = g_strdup (PICK (strengths));
        area->client_rating = g_rand_int_range (r, KH_RATING_MIN, KH_RATING_MAX + 1);
        area->worker_rating = g_rand_int_range (r, KH_RATING_MIN, KH_RATING_MAX + 1);
      }
  if (finished)
    {
      a->support_needed = KH_ANSWER_YES;
      a->need_duration = g_rand_int_range (r, KH_NEED_DURATION_FIRST, KH_NEED_DURATION_LAST + 1);
      a->special_support = KH_ANSWER_NO;
      a->special_support_reasons = g_strdup ("Asiakas pystyy hakemaan ja käyttämään palveluja itse.");
      a->summary = g_strdup (PICK (summaries));
      a->conclusions = g_strdup ("Asiakkuudelle on edellytykset: tarvitaan sosiaalihuollon palveluja.");
      a->services = KH_SHL_SERVICE_BIT (KH_SHL_SERVICE_SOCIAL_GUIDANCE)
                    | KH_SHL_SERVICE_BIT (KH_SHL_SERVICE_INCOME_SUPPORT);
      a->client_on_worker = KH_RESPONSIBLE_WORKER_NEEDED;
      a->worker_on_worker = KH_RESPONSIBLE_WORKER_NEEDED;
      a->next_step = KH_NEXT_STEP_CLIENT_PLAN;
      a->status = KH_ASSESSMENT_FINISHED;
    }
#undef PICK
  return kh_db_insert_assessment_bulk (demo->db, kcase->assigned_to, a, error) > 0;
}

static gboolean
add_case (Demo       *demo,
          KhClient   *client,
          KhContact  *contact,
          int         days_ago,
          gboolean    queued,
          GError    **error)
{
  g_autoptr(KhCase) kcase = kh_case_new ();
  GDate contact_day, birth, deadline;
  gboolean has_birth;

  kcase->client_id = contact->client_id;
  kcase->contact_id = contact->id;
  kcase->opened_at = g_date_time_ref (contact->received_at);
  kcase->urgent = contact->urgent;

  if (chance (demo, 0.06))
    kcase->deadline_groups |= KH_DEADLINE_GROUP_DISABLED;
  if (chance (demo, 0.03))
    kcase->deadline_groups |= KH_DEADLINE_GROUP_HIGHEST_CARE_ALLOWANCE;

  g_date_clear (&contact_day, 1);
  g_date_set_dmy (&contact_day, g_date_time_get_day_of_month (contact->received_at),
                  g_date_time_get_month (contact->received_at),
                  g_date_time_get_year (contact->received_at));
  has_birth = kh_date_from_iso (client->birth_date, &birth);
  kcase->deadline_groups = kh_deadline_effective_groups (kcase->deadline_groups,
                                                         has_birth ? &birth : NULL,
                                                         &contact_day);
  if (kh_deadline_assessment_start (demo->calendar, &contact_day,
                                    kh_deadline_contactor_seeks_services (contact->contactor),
                                    kcase->deadline_groups,
                                    has_birth ? &birth : NULL, &deadline))
    kcase->assessment_deadline = kh_date_to_iso (&deadline);
  kh_deadline_implementation (demo->calendar, &contact_day, &deadline);
  kcase->implementation_deadline = kh_date_to_iso (&deadline);

  /* Old cases are with a worker or done; new ones wait in the queue. */
  if (queued)
    kcase->status = KH_CASE_QUEUED;
  else if (days_ago > 60)
    kcase->status = chance (demo, 0.7) ? KH_CASE_CLOSED : KH_CASE_ASSIGNED;
  else if (days_ago > 14)
    kcase->status = chance (demo, 0.85) ? KH_CASE_ASSIGNED : KH_CASE_QUEUED;
  else
    kcase->status = chance (demo, 0.4) ? KH_CASE_ASSIGNED : KH_CASE_QUEUED;

  /* The team: Swedish-speaking clients to their team, young adults
   * (under 30 when the contact came) to theirs, the rest to the first. */
  {
    guint team = 0;

    if (client->language == KH_LANGUAGE_SV)
      team = 2;
    else if (has_birth)
      {
        GDate thirty = birth;

        g_date_add_years (&thirty, 30);
        if (g_date_compare (&contact_day, &thirty) < 0)
          team = 1;
      }
    kcase->team_id = demo->teams[team];
    if (kcase->status != KH_CASE_QUEUED)
      kcase->assigned_to = pick_id (demo, demo->team_workers[team]->len > 0
                                          ? demo->team_workers[team] : demo->workers);
  }

  kcase->id = kh_db_insert_case_bulk (demo->db, kcase, error);
  if (kcase->id <= 0)
    return FALSE;
  demo->summary->cases++;
  if (kcase->status != KH_CASE_QUEUED && kcase->assigned_to > 0 && !kh_db_is_server (demo->db)
      && g_rand_double (demo->assessment_rand) < 0.4
      && !add_assessment (demo, kcase, &contact_day, days_ago, error))
    return FALSE;
  /* 42 §: most people with a worker have that worker named as their
   * responsible worker a week after the contact (once a person; not when
   * the table's rule refuses it: a counsellor for someone whose assessment
   * found a need for special support). Not on a server, where only a
   * worker's own login names. */
  if (kcase->status != KH_CASE_QUEUED && kcase->assigned_to > 0 && !kh_db_is_server (demo->db)
      && !g_hash_table_contains (demo->named, &kcase->client_id)
      && kcase->client_id % 10 < 7)
    {
      g_autoptr(GDateTime) named_at = g_date_time_add_days (contact->received_at, 7);
      g_autoptr(GError) refused = NULL;
      gint64 *key = g_new (gint64, 1);

      *key = kcase->client_id;
      g_hash_table_add (demo->named, key);
      if (kh_db_insert_responsible_worker_bulk (demo->db, kcase->client_id, kcase->assigned_to,
                                                named_at, &refused) <= 0
          && !g_error_matches (refused, KH_STORE_ERROR, KH_STORE_ERROR_INVALID))
        {
          g_propagate_error (error, g_steal_pointer (&refused));
          return FALSE;
        }
    }
  if (kcase->status == KH_CASE_QUEUED)
    demo->summary->queued++;
  if (kcase->status == KH_CASE_ASSIGNED && kcase->assigned_to > 0 && days_ago <= 60)
    {
      MeetingCandidate m = { kcase->client_id, kcase->id, kcase->assigned_to, client->language };

      g_array_append_val (demo->meeting_candidates, m);
    }
  /* Issue 8, 7: a decision for some people with a worker, in their language. */
  if (kcase->status == KH_CASE_ASSIGNED && !kh_db_is_server (demo->db)
      && (client->language == KH_LANGUAGE_SV
          ? demo->document_people_sv < DEMO_DECISIONS_SV
          : client->language == KH_LANGUAGE_FI
            && demo->document_people->len - demo->document_people_sv < DEMO_DECISIONS_FI))
    {
      KhDemoDocumentFor *d = g_new0 (KhDemoDocumentFor, 1);

      d->client = g_object_ref (client);
      d->case_id = kcase->id;
      g_ptr_array_add (demo->document_people, d);
      if (client->language == KH_LANGUAGE_SV)
        demo->document_people_sv++;
    }
  return TRUE;
}

static gboolean
add_contact (Demo      *demo,
             KhClient  *client,
             int        days_ago,
             gboolean   opens_case,
             GError   **error)
{
  g_autoptr(KhContact) contact = kh_contact_new ();
  double r = g_rand_double (demo->rand);
  gboolean any_day = FALSE;

  if (r < 0.25)
    contact->channel = KH_CHANNEL_WALK_IN;
  else if (r < 0.53)
    contact->channel = KH_CHANNEL_PHONE;
  else if (r < 0.56)
    contact->channel = KH_CHANNEL_CALL_BACK;
  else if (r < 0.58)
    contact->channel = KH_CHANNEL_OUTREACH;
  else if (r < 0.63)
    contact->channel = KH_CHANNEL_LETTER;
  else if (r < 0.77)
    contact->channel = KH_CHANNEL_E_MESSAGE;
  else if (r < 0.82)
    contact->channel = KH_CHANNEL_CHAT;
  else if (r < 0.91)
    contact->channel = KH_CHANNEL_AUTHORITY;
  else if (r < 0.97)
    contact->channel = KH_CHANNEL_KELA;
  else
    contact->channel = KH_CHANNEL_EMERGENCY, any_day = TRUE;

  contact->received_at = contact_time (demo, days_ago, any_day);

  switch (contact->channel)
    {
    case KH_CHANNEL_AUTHORITY:
      contact->contactor = KH_CONTACTOR_AUTHORITY;
      contact->contactor_detail = g_strdup (pick (demo, authorities, N (authorities)));
      break;
    case KH_CHANNEL_KELA:
      /* 1.7: Kela's notifications have their own kinds (eTotu, in about
       * the shares THL found in 2017–18). */
      contact->contactor = KH_CONTACTOR_AUTHORITY;
      contact->contactor_detail = g_strdup ("Kela");
      r = g_rand_double (demo->rand);
      contact->kela_kind = r < 0.5 ? KH_KELA_FORWARDED_APPLICATION
                           : r < 0.7 ? KH_KELA_BASIC_AMOUNT_REDUCED
                           : r < 0.8 ? KH_KELA_MEETING_REQUEST
                           : r < 0.9 ? KH_KELA_SOCIAL_WORK_NEED : KH_KELA_OTHER;
      break;
    case KH_CHANNEL_EMERGENCY:
      contact->contactor = KH_CONTACTOR_AUTHORITY;
      contact->contactor_detail = g_strdup ("Sosiaalipäivystys");
      break;
    default:
      r = g_rand_double (demo->rand);
      if (r < 0.78)
        contact->contactor = KH_CONTACTOR_SELF;
      else if (r < 0.93)
        {
          /* ATL 38 §: a relative by name and relation (1.9). */
          contact->contactor = KH_CONTACTOR_RELATIVE;
          contact->contactor_relation = g_strdup (pick (demo, relatives_fi, N (relatives_fi)));
          contact->contactor_name = g_strdup_printf ("%s %s", pick (demo, relative_first_names, N (relative_first_names)),
                                                     client->last_name);
        }
      else if (r < 0.95)
        {
          contact->contactor = KH_CONTACTOR_AUTHORITY;
          contact->contactor_detail = g_strdup (pick (demo, authorities, N (authorities)));
        }
      else if (r < 0.97)
        {
          contact->contactor = KH_CONTACTOR_LEGAL_REPRESENTATIVE;
          contact->contactor_name = g_strdup ("Yleinen edunvalvonta, Eila Edunvalvoja");
          contact->contactor_contact = g_strdup ("029 566 0000");
        }
      else
        {
          contact->contactor = KH_CONTACTOR_OTHER;
          contact->contactor_detail = g_strdup ("Ystävä");
        }
    }

  /* SHL 35 §: an authority contacts with consent or notifies without; a
   * person it directed to apply contacts the unit themselves (1.6). */
  if (contact->contactor == KH_CONTACTOR_AUTHORITY && contact->channel != KH_CHANNEL_KELA)
    contact->referral = g_rand_double (demo->rand) < 0.7 ? KH_REFERRAL_WITH_CONSENT
                                                         : KH_REFERRAL_WITHOUT_CONSENT;
  else if (contact->contactor == KH_CONTACTOR_SELF && chance (demo, 0.1))
    {
      contact->referral = KH_REFERRAL_DIRECTED;
      contact->directed_by = g_strdup (pick (demo, authorities, N (authorities)));
    }

  contact->needs = pick_needs (demo, client->language, &contact->reason_text);
  contact->language = client->language;
  contact->interpreter = client->interpreter;
  contact->client_id = client->id;
  contact->created_by = pick_id (demo, demo->receptionists);

  r = g_rand_double (demo->rand);
  if (opens_case)
    contact->outcome = KH_OUTCOME_CASE_OPENED;
  else if (r < 0.04 || contact->channel == KH_CHANNEL_EMERGENCY)
    contact->outcome = KH_OUTCOME_URGENT;
  else if (r < 0.42)
    contact->outcome = KH_OUTCOME_ADVICE;
  else if (r < 0.62)
    contact->outcome = KH_OUTCOME_DIRECTED;
  else if (r < 0.65)
    contact->outcome = KH_OUTCOME_CONSULTED;
  else
    contact->outcome = KH_OUTCOME_CASE_OPENED;

  if (contact->outcome == KH_OUTCOME_DIRECTED)
    contact->service_id = pick_id (demo, demo->services);
  if (contact->outcome == KH_OUTCOME_URGENT)
    {
      contact->urgent = TRUE;
      contact->urgent_note = g_strdup (pick (demo, urgent_notes, N (urgent_notes)));
      contact->service_id = demo->emergency_service;
    }
  else if (chance (demo, 0.02))
    {
      /* SHL 36 §: an urgent need found, handled without the emergency service. */
      contact->urgent = TRUE;
      contact->urgent_note = g_strdup (pick (demo, urgent_notes, N (urgent_notes)));
    }
  /* SHL 36 § 1 mom: every contact has its urgency answered (1.8). */
  contact->urgency = contact->urgent ? KH_URGENCY_URGENT : KH_URGENCY_NOT_URGENT;
  /* SHL 34 §: a matter made pending and neither opened nor urgent says why. */
  if (kh_contact_makes_pending (contact) && contact->outcome != KH_OUTCOME_CASE_OPENED
      && contact->outcome != KH_OUTCOME_URGENT)
    contact->no_assessment_reason = g_strdup (pick (demo, no_assessment_reasons,
                                                    N (no_assessment_reasons)));

  contact->id = kh_db_insert_contact_bulk (demo->db, demo->user, contact, error);
  if (contact->id <= 0)
    return FALSE;
  demo->summary->contacts++;

  if (contact->outcome == KH_OUTCOME_CASE_OPENED)
    return add_case (demo, client, contact, days_ago, opens_case, error);
  return TRUE;
}

/* The unit's first active team, and the demo's other teams, made when
 * the unit has none of that name. */
static gboolean
ensure_teams (Demo    *demo,
              GError **error)
{
  g_autoptr(GPtrArray) teams = kh_db_list_teams (demo->db, TRUE, error);
  gint64 first = 0;

  if (teams == NULL)
    return FALSE;
  for (guint i = 0; i < teams->len && first == 0; i++)
    {
      KhTeam *team = g_ptr_array_index (teams, i);
      gboolean extra = FALSE;

      for (guint e = 0; e < G_N_ELEMENTS (extra_teams); e++)
        extra = extra || g_str_equal (team->name, extra_teams[e]);
      if (team->active && !extra)
        first = team->id;
    }
  demo->teams[0] = first;
  for (guint e = 0; e < G_N_ELEMENTS (extra_teams); e++)
    {
      g_autoptr(KhTeam) team = NULL;

      for (guint i = 0; i < teams->len && team == NULL; i++)
        {
          KhTeam *there = g_ptr_array_index (teams, i);

          if (g_str_equal (there->name, extra_teams[e]))
            team = g_object_ref (there);
        }
      if (team == NULL)
        {
          team = kh_team_new ();
          team->name = g_strdup (extra_teams[e]);
        }
      /* A demo team deactivated since is used again. */
      if (team->id == 0 || !team->active)
        {
          team->active = TRUE;
          if (kh_db_save_team (demo->db, demo->user, team, error) <= 0)
            return FALSE;
        }
      demo->teams[e + 1] = team->id;
    }
  if (demo->teams[0] == 0)
    demo->teams[0] = demo->teams[1];
  return TRUE;
}

static gboolean
ensure_staff (Demo    *demo,
              GError **error)
{
  g_autoptr(GPtrArray) users = kh_db_list_users (demo->db, error);

  if (users == NULL)
    return FALSE;

  for (guint s = 0; s < N (staff); s++)
    {
      KhUser *found = NULL;

      for (guint i = 0; i < users->len && found == NULL; i++)
        {
          KhUser *user = g_ptr_array_index (users, i);

          if (g_strcmp0 (user->account, staff[s].account) == 0)
            found = user;
        }

      /* An account that exists keeps its role: demo data never changes who
       * may do what. */
      if (found == NULL)
        {
          g_autoptr(KhUser) saved = kh_db_save_user (demo->db, demo->user, staff[s].account, staff[s].name,
                                                     staff[s].role, TRUE, error);
          if (saved == NULL)
            return FALSE;
          g_ptr_array_add (users, g_steal_pointer (&saved));
        }
    }

  for (guint i = 0; i < users->len; i++)
    {
      KhUser *user = g_ptr_array_index (users, i);

      if (!user->active)
        continue;
      /* A demo worker without a team joins theirs; a team chosen by
       * an administrator stays. */
      for (guint s = 0; s < N (staff) && user->team_id == 0; s++)
        if (staff[s].team >= 0 && g_str_equal (user->account, staff[s].account))
          {
            if (!kh_db_set_user_team (demo->db, user->account, demo->teams[staff[s].team], error))
              return FALSE;
            user->team_id = demo->teams[staff[s].team];
          }
      /* On a server a contact is recorded by whoever is logged in, and the
       * server holds to it (contacts_insert, data/sql/pg/0001-schema.sql):
       * the administrator who makes the demo records every contact. The
       * cases still go to the demo's workers, on both engines (a new case
       * may name its worker; the server checks a change of worker). */
      if (user->role == KH_ROLE_RECEPTION)
        {
          if (!kh_db_is_server (demo->db))
            g_array_append_val (demo->receptionists, user->id);
        }
      else if (user->role == KH_ROLE_COUNSELLOR || user->role == KH_ROLE_SOCIAL_WORKER)
        {
          g_array_append_val (demo->workers, user->id);
          for (guint t = 0; t < DEMO_N_TEAMS; t++)
            if (user->team_id == demo->teams[t])
              g_array_append_val (demo->team_workers[t], user->id);
        }
    }
  if (kh_db_is_server (demo->db) || demo->receptionists->len == 0)
    {
      g_array_set_size (demo->receptionists, 0);
      g_array_append_val (demo->receptionists, demo->user->id);
    }
  if (demo->workers->len == 0)
    g_array_append_val (demo->workers, demo->user->id);

  return TRUE;
}

static gboolean
load_services (Demo    *demo,
               GError **error)
{
  g_autoptr(GPtrArray) services = kh_db_list_services (demo->db, FALSE, error);

  if (services == NULL)
    return FALSE;

  for (guint i = 0; i < services->len; i++)
    {
      KhService *service = g_ptr_array_index (services, i);

      g_array_append_val (demo->services, service->id);
      if (g_strcmp0 (service->name_fi, "Sosiaalipäivystys") == 0)
        demo->emergency_service = service->id;
    }

  if (demo->services->len == 0)
    {
      g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                           _("The directory of services is empty; demo contacts need services "
                             "to direct people to"));
      return FALSE;
    }
  if (demo->emergency_service == 0)
    demo->emergency_service = g_array_index (demo->services, gint64, 0);
  return TRUE;
}

/* Issue 8: a fictional county's letterhead, rectification authority and
 * decision makers (the demo staff), so that the demo documents have them,
 * and the lists its plans' reviews evaluate. Only what the unit has not
 * set itself; addresses on the reserved ".example" domain. */
static const struct { const char *key; const char *value; } demo_profile[] = {
  { "document_organisation_fi", "Hyvinvointialue Esimerkki" },
  { "document_unit_fi", "Aikuissosiaalityö" },
  { "document_postal_address_fi", "PL 100" },
  { "document_postal_code_town_fi", "00990 Esimerkki" },
  { "document_phone_fi", "09 876 5400" },
  { "document_email_fi", "aikuissosiaalityo@hyvinvointialue.example" },
  { "document_web_fi", "www.hyvinvointialue.example" },
  { "document_organisation_sv", "Välfärdsområdet Exempel" },
  { "document_unit_sv", "Vuxensocialarbete" },
  { "document_postal_address_sv", "PB 100" },
  { "document_postal_code_town_sv", "00990 Exempel" },
  { "document_web_sv", "www.hyvinvointialue.example/sv" },
  { "document_authority_name_fi", "Hyvinvointialue Esimerkki, yksilöasioiden jaosto" },
  { "document_authority_postal_address_fi", "Kirjaamo, PL 100" },
  { "document_authority_postal_code_town_fi", "00990 Esimerkki" },
  { "document_authority_visiting_address_fi", "Esimerkinkatu 4, Esimerkki" },
  { "document_authority_email_fi", "kirjaamo@hyvinvointialue.example" },
  { "document_authority_opening_hours_fi", "ma–pe klo 9–15" },
  { "document_authority_name_sv", "Välfärdsområdet Exempel, sektionen för individuella ärenden" },
  { "document_authority_postal_address_sv", "Registratorskontoret, PB 100" },
  { "document_authority_postal_code_town_sv", "00990 Exempel" },
  { "document_authority_visiting_address_sv", "Exempelgatan 4, Exempel" },
  { "document_authority_opening_hours_sv", "mån–fre kl. 9–15" },
  { KH_SETTING_DOCUMENT_DECISION_MAKERS,
    "1\tEeva Koivisto\tjohtava sosiaalityöntekijä\tledande socialarbetare\t09 876 5410\teeva.koivisto@hyvinvointialue.example\t1\n"
    "2\tSanna Hakala\tsosiaalityöntekijä\tsocialarbetare\t09 876 5411\tsanna.hakala@hyvinvointialue.example\t1\n"
    "3\tPeter Berg\tsosiaalityöntekijä\tsocialarbetare\t09 876 5412\tpeter.berg@hyvinvointialue.example\t1" },
  /* Issue 9, 4: the services and working methods a review evaluates with
   * the client (AVAIN's third and fourth parts), the unit's own lists; a
   * bilingual unit names each in both languages. */
  { KH_SETTING_PLAN_SERVICES,
    "Sosiaaliohjaus / Socialhandledning\n"
    "Tuettu asuminen / Stödboende\n"
    "Talous- ja velkaneuvonta / Ekonomi- och skuldrådgivning\n"
    "Kuntouttava työtoiminta / Arbetsverksamhet i rehabiliteringssyfte\n"
    "Päihdepalvelut / Missbrukarvård" },
  { KH_SETTING_PLAN_METHODS,
    "Motivoiva haastattelu / Motiverande samtal\n"
    "Verkostokokous / Nätverksmöte\n"
    "Verkostokartta / Nätverkskarta\n"
    "Ratkaisukeskeinen työskentely / Lösningsfokuserat arbete" },
};

static gboolean
ensure_unit_profile (Demo    *demo,
                     GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo_profile); i++)
    {
      g_autofree char *value = kh_db_get_setting (demo->db, demo_profile[i].key, error);

      if (value == NULL && error != NULL && *error != NULL)
        return FALSE;
      if ((value == NULL || *value == '\0')
          && !kh_db_set_setting (demo->db, demo->user, demo_profile[i].key, demo_profile[i].value, error))
        return FALSE;
    }
  return TRUE;
}

/* Issue 7, 4: the unit's service points — a Finnish-language office by
 * appointment only, a Swedish-language one two days a week, a bilingual
 * service point open to walk-ins — unless it has some already. */
static gboolean
ensure_service_points (Demo    *demo,
                       GArray  *ids,
                       GError **error)
{
  static const struct {
    const char *name;
    const char *address;
    guint       languages;
    gboolean    by_appointment;
    int         days[5][3];
  } points[] = {
    { "Sosiaalitoimisto Kirkkokatu", "Kirkkokatu 2, 00100 Helsinki", KH_POINT_FINNISH, TRUE,
      { { 1, 480, 960 }, { 2, 480, 960 }, { 3, 480, 960 }, { 4, 480, 960 }, { 5, 480, 840 } } },
    { "Socialbyrån Strandgatan", "Strandgatan 5, 00100 Helsingfors", KH_POINT_SWEDISH, FALSE,
      { { 2, 540, 900 }, { 4, 540, 900 } } },
    { "Palvelupiste Torikatu – Servicepunkten Torggatan", "Torikatu 1, 00100 Helsinki",
      KH_POINT_FINNISH | KH_POINT_SWEDISH, FALSE,
      { { 1, 480, 960 }, { 2, 480, 960 }, { 3, 480, 960 }, { 4, 480, 960 }, { 5, 480, 960 } } },
  };
  g_autoptr(GPtrArray) existing = kh_db_list_service_points (demo->db, FALSE, error);

  if (existing == NULL)
    return FALSE;
  for (guint i = 0; i < existing->len; i++)
    g_array_append_val (ids, ((KhServicePoint *) g_ptr_array_index (existing, i))->id);
  if (existing->len > 0)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    {
      g_autoptr(KhServicePoint) point = kh_service_point_new (points[i].name, points[i].languages,
                                                              points[i].by_appointment);
      gint64 id;

      point->address = g_strdup (points[i].address);
      for (guint d = 0; d < G_N_ELEMENTS (points[i].days) && points[i].days[d][0] != 0; d++)
        kh_service_point_set_hours (point, points[i].days[d][0], points[i].days[d][1],
                                    points[i].days[d][2]);
      id = kh_db_save_service_point (demo->db, demo->user, point, error);
      if (id <= 0)
        return FALSE;
      g_array_append_val (ids, id);
    }
  return TRUE;
}

/* Meetings of the workers with their recent clients over the next two
 * weeks, from the real today on (a meeting is not booked in the past). A
 * meeting the rule refuses (a closed day, an overlap, a point's hours) is
 * left out. Not on a server, where only a worker's own login books. */
static gboolean
add_meetings (Demo    *demo,
              GError **error)
{
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_rand_int (demo->assessment_rand));
  GDate first;
  guint wanted = MIN (demo->meeting_candidates->len, 12 * MAX (demo->workers->len, 1u));
  guint booked = 0;

  if (!ensure_service_points (demo, points, error))
    return FALSE;
  if (kh_db_is_server (demo->db) || points->len == 0)
    return TRUE;
  listed = kh_db_list_service_points (demo->db, FALSE, error);
  if (listed == NULL)
    return FALSE;

  g_date_clear (&first, 1);
  g_date_set_time_t (&first, time (NULL));
  if (g_date_compare (&demo->today, &first) > 0)
    first = demo->today;
  for (guint i = 0; i < wanted * 4 && booked < wanted; i++)
    {
      const MeetingCandidate *m = &g_array_index (demo->meeting_candidates, MeetingCandidate,
                                                  g_rand_int_range (rand, 0, (gint32) demo->meeting_candidates->len));
      g_autoptr(KhAppointment) a = kh_appointment_new ();
      g_autoptr(GError) refused = NULL;
      static const int lengths[] = { 30, 45, 60, 60, 90 };
      GDate day = first;
      double kind = g_rand_double (rand);

      g_date_add_days (&day, g_rand_int_range (rand, 0, 14));
      if (!kh_calendar_is_open_day (demo->calendar, &day))
        continue;
      a->client_id = m->client_id;
      a->case_id = m->case_id;
      a->worker_id = m->worker_id;
      a->language = m->language;
      a->interpreter = m->language == KH_LANGUAGE_OTHER;
      a->minutes = lengths[g_rand_int_range (rand, 0, G_N_ELEMENTS (lengths))];
      a->starts = g_date_time_new (demo->zone, g_date_get_year (&day), g_date_get_month (&day),
                                   g_date_get_day (&day), g_rand_int_range (rand, 8, 15),
                                   g_rand_boolean (rand) ? 0 : 30, 0);
      a->kind = kind < 0.6 ? KH_MEETING_IN_PERSON : kind < 0.9 ? KH_MEETING_PHONE : KH_MEETING_VIDEO;
      if (a->kind == KH_MEETING_IN_PERSON)
        {
          /* A point that serves in the client's language. */
          for (guint tries = 0; tries < 4 && a->service_point_id == 0; tries++)
            {
              const KhServicePoint *p = g_ptr_array_index (listed, g_rand_int_range (rand, 0, (gint32) listed->len));

              if (kh_service_point_serves (p, a->language))
                a->service_point_id = p->id;
            }
          if (a->service_point_id == 0)
            a->kind = KH_MEETING_PHONE;
        }
      if (kh_db_insert_appointment_bulk (demo->db, a, &refused) > 0)
        {
          booked++;
          continue;
        }
      if (!g_error_matches (refused, KH_STORE_ERROR, KH_STORE_ERROR_INVALID))
        {
          g_propagate_error (error, g_steal_pointer (&refused));
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
generate (Demo    *demo,
          guint    n_clients,
          GError **error)
{
  /* A few contacts today that opened a case still in the queue, so that the
   * reception view has something to show on any day. */
  guint today_cases = CLAMP (n_clients / 500, MIN (n_clients, 3u), 40u);

  for (guint i = 0; i < n_clients; i++)
    {
      g_autoptr(KhClient) client = make_client (demo);
      guint n_contacts = 1;

      if (client == NULL)
        {
          g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                               _("Ran out of free demo identity codes"));
          return FALSE;
        }

      client->id = kh_db_insert_client_bulk (demo->db, demo->user, client, error);
      if (client->id <= 0)
        return FALSE;
      demo->summary->clients++;

      if (chance (demo, 0.4))
        n_contacts++;
      if (chance (demo, 0.1))
        n_contacts++;

      for (guint c = 0; c < n_contacts; c++)
        {
          gboolean today = i < today_cases && c == 0;
          int days_ago = today ? 0 : g_rand_int_range (demo->rand, 0, 365);

          if (!add_contact (demo, client, days_ago, today, error))
            return FALSE;
        }

      /* One anonymous contact (advice, statistics only) per ten people. */
      if (i % 10 == 9 && !add_anonymous_contact (demo, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
kh_admin_demo_run (KhDb           *db,
                   KhUser         *user,
                   guint           n_clients,
                   guint32         seed,
                   gboolean        force,
                   const GDate    *today,
                   KhDemoSummary  *summary,
                   GError        **error)
{
  g_autoptr(GRand) rand = NULL;
  g_autoptr(GRand) assessment_rand = NULL;
  g_autoptr(KhCalendar) calendar = NULL;
  g_autoptr(GHashTable) codes = NULL;
  g_autoptr(GArray) receptionists = NULL;
  g_autoptr(GArray) workers = NULL;
  g_autoptr(GArray) services = NULL;
  g_autoptr(GArray) meeting_candidates = g_array_new (FALSE, FALSE, sizeof (MeetingCandidate));
  g_autoptr(GHashTable) named = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) document_people = g_ptr_array_new_with_free_func ((GDestroyNotify) document_for_free);
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  gint64 existing;
  gint64 start;
  Demo demo = { 0 };

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (KH_IS_USER (user), FALSE);
  g_return_val_if_fail (summary != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  start = g_get_monotonic_time ();
  *summary = (KhDemoSummary) { 0 };

  existing = kh_db_count_clients (db, error);
  if (existing < 0)
    return FALSE;
  if (existing > 0 && !force)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                   /* Translators: %u is a number of people. */
                   ngettext ("The database already has %u person; "
                             "demo data goes only into an empty database (or use --force)",
                             "The database already has %u people; "
                             "demo data goes only into an empty database (or use --force)",
                             (gulong) existing),
                   (guint) existing);
      return FALSE;
    }

  calendar = kh_db_load_calendar (db, error);
  if (calendar == NULL)
    return FALSE;

  zone = g_time_zone_new_local ();
  now = g_date_time_new_now (zone);
  rand = g_rand_new_with_seed (seed);
  assessment_rand = g_rand_new_with_seed (seed ^ 0x5a17e5u);
  codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  receptionists = g_array_new (FALSE, FALSE, sizeof (gint64));
  workers = g_array_new (FALSE, FALSE, sizeof (gint64));
  services = g_array_new (FALSE, FALSE, sizeof (gint64));

  demo.db = db;
  demo.user = user;
  demo.rand = rand;
  demo.assessment_rand = assessment_rand;
  demo.calendar = calendar;
  demo.now = now;
  demo.zone = zone;
  demo.codes = codes;
  demo.check_database = existing > 0;
  demo.receptionists = receptionists;
  demo.workers = workers;
  demo.services = services;
  demo.meeting_candidates = meeting_candidates;
  demo.named = named;
  demo.document_people = document_people;
  demo.summary = summary;
  g_date_clear (&demo.today, 1);
  if (today != NULL)
    demo.today = *today;
  else
    g_date_set_dmy (&demo.today, g_date_time_get_day_of_month (now),
                    g_date_time_get_month (now), g_date_time_get_year (now));

  for (guint t = 0; t < DEMO_N_TEAMS; t++)
    demo.team_workers[t] = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (!ensure_teams (&demo, error) || !ensure_staff (&demo, error)
      || !load_services (&demo, error) || !ensure_unit_profile (&demo, error))
    {
      for (guint t = 0; t < DEMO_N_TEAMS; t++)
        g_array_unref (demo.team_workers[t]);
      return FALSE;
    }

  if (!kh_db_prepare_bulk_load (db, error) || !kh_db_begin (db, error))
    {
      for (guint t = 0; t < DEMO_N_TEAMS; t++)
        g_array_unref (demo.team_workers[t]);
      return FALSE;
    }
  if (!generate (&demo, n_clients, error)
      || !add_meetings (&demo, error)
      || !kh_admin_demo_issue_documents (db, calendar, &demo.today, demo.document_people,
                                         &summary->documents, error)
      || !kh_admin_demo_add_networks (db, demo.document_people, DEMO_NETWORKS,
                                      &summary->network_members, error)
      || !kh_db_rebuild_search_index (db, error)
      || !kh_db_commit (db, error))
    {
      kh_db_rollback (db);
      *summary = (KhDemoSummary) { 0 };
      for (guint t = 0; t < DEMO_N_TEAMS; t++)
        g_array_unref (demo.team_workers[t]);
      return FALSE;
    }
  for (guint t = 0; t < DEMO_N_TEAMS; t++)
    g_array_unref (demo.team_workers[t]);

  summary->seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  return TRUE;
}

char *
kh_admin_demo_format_summary (const KhDemoSummary *summary)
{
  g_autofree char *people = NULL;
  g_autofree char *contacts = NULL;
  g_autofree char *cases = NULL;

  g_return_val_if_fail (summary != NULL, NULL);

  /* Translators: part of the demo summary, e.g. "Added 200 people". */
  people = g_strdup_printf (ngettext ("Added %u person", "Added %u people", summary->clients),
                            summary->clients);
  /* Translators: part of the demo summary: contacts, of which some anonymous. */
  contacts = g_strdup_printf (ngettext ("%u contact (%u anonymous)",
                                        "%u contacts (%u anonymous)", summary->contacts),
                              summary->contacts, summary->anonymous);
  /* Translators: part of the demo summary: cases, of which some wait in the queue. */
  cases = g_strdup_printf (ngettext ("%u case (%u in the queue)",
                                     "%u cases (%u in the queue)", summary->cases),
                           summary->cases, summary->queued);

  /* Translators: the demo summary: people, contacts and cases, then seconds. */
  return g_strdup_printf (_("%s, %s and %s in %.2f s"), people, contacts, cases,
                          summary->seconds);
}
