/* test-network.c — the client's network: codes and labels, what a valid
 * entry is, consents and where they stand on a day (issue 9, 1)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "core/kh-network.h"
#include "core/kh-text.h"

static void
test_codes (void)
{
  static const struct {
    KhNetworkCode  code;
    int            value;
    const char    *key;
    const char    *fi;
    const char    *sv;
  } rows[] = {
    { KH_NETWORK_CODE_KIND, KH_NETWORK_PERSON, "person", "Asiakkaan läheinen", "Klientens närstående" },
    { KH_NETWORK_CODE_KIND, KH_NETWORK_AGENCY, "agency", "Palvelu tai ammattilainen", "Tjänst eller yrkesperson" },
    { KH_NETWORK_CODE_SECTOR, KH_SECTOR_FAMILY, "family", "Perhe ja suku", "Familj och släkt" },
    { KH_NETWORK_CODE_SECTOR, KH_SECTOR_FRIENDS, "friends", "Ystävät, naapurit ja muut läheiset", "Vänner, grannar och andra närstående" },
    { KH_NETWORK_CODE_SECTOR, KH_SECTOR_SOCIAL_SERVICES, "social-services", "Sosiaalipalvelut", "Socialtjänster" },
    { KH_NETWORK_CODE_SECTOR, KH_SECTOR_HEALTH, "health", "Terveydenhuolto", "Hälso- och sjukvård" },
    { KH_NETWORK_CODE_SECTOR, KH_SECTOR_WORK_EDUCATION, "work-education", "Työ, opiskelu ja työllisyyspalvelut", "Arbete, studier och sysselsättningstjänster" },
    { KH_NETWORK_CODE_SECTOR, KH_SECTOR_BENEFITS, "benefits", "Kela ja talous", "FPA och ekonomi" },
    { KH_NETWORK_CODE_SECTOR, KH_SECTOR_HOUSING, "housing", "Asuminen", "Boende" },
    { KH_NETWORK_CODE_SECTOR, KH_SECTOR_ORGANISATIONS, "organisations", "Järjestöt, seurakunnat ja vapaa-aika", "Organisationer, församlingar och fritid" },
    { KH_NETWORK_CODE_SECTOR, KH_SECTOR_OTHER, "other", "Muu", "Annat" },
    { KH_NETWORK_CODE_DISTANCE, KH_DISTANCE_CLOSE, "close", "Lähellä", "Nära" },
    { KH_NETWORK_CODE_DISTANCE, KH_DISTANCE_MIDDLE, "middle", "Keskietäisyydellä", "På medelavstånd" },
    { KH_NETWORK_CODE_DISTANCE, KH_DISTANCE_FAR, "far", "Kaukana", "Långt borta" },
    { KH_NETWORK_CODE_TIE, KH_TIE_STRONG, "strong", "Vahva", "Stark" },
    { KH_NETWORK_CODE_TIE, KH_TIE_ORDINARY, "ordinary", "Tavallinen", "Vanlig" },
    { KH_NETWORK_CODE_TIE, KH_TIE_WEAK, "weak", "Heikko", "Svag" },
    { KH_NETWORK_CODE_TIE, KH_TIE_STRESSFUL, "stressful", "Kuormittava tai ristiriitainen", "Belastande eller konfliktfylld" },
    { KH_NETWORK_CODE_TIE, KH_TIE_BROKEN, "broken", "Katkennut", "Bruten" },
    { KH_NETWORK_CODE_DIRECTION, KH_SUPPORT_NONE, "none", "Ei tukea kumpaankaan suuntaan", "Inget stöd i någondera riktningen" },
    { KH_NETWORK_CODE_DIRECTION, KH_SUPPORT_TO_CLIENT, "to-client", "Tukee asiakasta", "Stöder klienten" },
    { KH_NETWORK_CODE_DIRECTION, KH_SUPPORT_FROM_CLIENT, "from-client", "Asiakas tukee häntä", "Klienten stöder hen" },
    { KH_NETWORK_CODE_DIRECTION, KH_SUPPORT_BOTH, "both", "Molempiin suuntiin", "I båda riktningarna" },
    { KH_NETWORK_CODE_SUPPORT, KH_SUPPORT_EMOTIONAL, "emotional", "Henkinen tuki", "Känslomässigt stöd" },
    { KH_NETWORK_CODE_SUPPORT, KH_SUPPORT_PRACTICAL, "practical", "Käytännön apu", "Praktisk hjälp" },
    { KH_NETWORK_CODE_SUPPORT, KH_SUPPORT_INFORMATION, "information", "Tieto ja neuvonta", "Information och rådgivning" },
    { KH_NETWORK_CODE_SUPPORT, KH_SUPPORT_COMPANY, "company", "Seura", "Sällskap" },
    { KH_NETWORK_CODE_SUPPORT, KH_SUPPORT_LINKS, "links", "Yhteydet muihin ihmisiin ja palveluihin", "Kontakter till andra människor och tjänster" },
    { KH_NETWORK_CODE_RELATION, KH_RELATION_NONE, "none", "Ei kerrottu", "Inte angiven" },
    { KH_NETWORK_CODE_RELATION, KH_RELATION_PARTNER, "partner", "Puoliso tai kumppani", "Make, maka eller partner" },
    { KH_NETWORK_CODE_RELATION, KH_RELATION_PARENT, "parent", "Vanhempi", "Förälder" },
    { KH_NETWORK_CODE_RELATION, KH_RELATION_CHILD, "child", "Lapsi", "Barn" },
    { KH_NETWORK_CODE_RELATION, KH_RELATION_SIBLING, "sibling", "Sisarus", "Syskon" },
    { KH_NETWORK_CODE_RELATION, KH_RELATION_RELATIVE, "relative", "Muu sukulainen", "Annan släkting" },
    { KH_NETWORK_CODE_RELATION, KH_RELATION_FRIEND, "friend", "Ystävä", "Vän" },
    { KH_NETWORK_CODE_RELATION, KH_RELATION_NEIGHBOUR, "neighbour", "Naapuri", "Granne" },
    { KH_NETWORK_CODE_RELATION, KH_RELATION_SUPPORT_PERSON, "support-person", "Tukihenkilö", "Stödperson" },
    { KH_NETWORK_CODE_RELATION, KH_RELATION_OTHER, "other", "Muu läheinen", "Annan närstående" },
    { KH_NETWORK_CODE_CONSENT_SCOPE, KH_CONSENT_CONTACT, "contact", "Yhteyttä saa ottaa", "Får kontaktas" },
    { KH_NETWORK_CODE_CONSENT_SCOPE, KH_CONSENT_SHARE_INFO, "share-info", "Tietoja saa luovuttaa", "Uppgifter får lämnas ut" },
    { KH_NETWORK_CODE_CONSENT_SCOPE, KH_CONSENT_SHARE_PLAN, "share-plan", "Asiakassuunnitelman saa luovuttaa", "Klientplanen får lämnas ut" },
    { KH_NETWORK_CODE_CONSENT_STATE, KH_CONSENT_NONE, "none", "Ei suostumusta", "Inget samtycke" },
    { KH_NETWORK_CODE_CONSENT_STATE, KH_CONSENT_VALID, "valid", "Voimassa", "Gäller" },
    { KH_NETWORK_CODE_CONSENT_STATE, KH_CONSENT_EXPIRED, "expired", "Päättynyt", "Har gått ut" },
    { KH_NETWORK_CODE_CONSENT_STATE, KH_CONSENT_WITHDRAWN, "withdrawn", "Peruttu", "Återkallat" },
  };
  /* How many values each list has (the tables' CHECKs hold them to it). */
  static const struct { KhNetworkCode code; int first, last; } ranges[] = {
    { KH_NETWORK_CODE_KIND, 1, 2 },
    { KH_NETWORK_CODE_SECTOR, 1, 9 },
    { KH_NETWORK_CODE_DISTANCE, 1, 3 },
    { KH_NETWORK_CODE_TIE, 1, 5 },
    { KH_NETWORK_CODE_DIRECTION, 0, 3 },
    { KH_NETWORK_CODE_RELATION, 0, 9 },
    { KH_NETWORK_CODE_CONSENT_STATE, 0, 3 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_test_message ("%s", rows[i].key);
      g_assert_cmpstr (kh_network_code_key (rows[i].code, rows[i].value), ==, rows[i].key);
      g_assert_cmpint (kh_network_code_from_key (rows[i].code, rows[i].key), ==, rows[i].value);
      g_assert_cmpstr (kh_network_code_label_in (rows[i].code, rows[i].value, "fi"), ==, rows[i].fi);
      g_assert_cmpstr (kh_network_code_label_in (rows[i].code, rows[i].value, "sv"), ==, rows[i].sv);
      g_assert_nonnull (kh_network_code_label (rows[i].code, rows[i].value));
    }
  for (gsize i = 0; i < G_N_ELEMENTS (ranges); i++)
    {
      g_assert_null (kh_network_code_key (ranges[i].code, ranges[i].first - 1));
      g_assert_nonnull (kh_network_code_key (ranges[i].code, ranges[i].first));
      g_assert_nonnull (kh_network_code_key (ranges[i].code, ranges[i].last));
      g_assert_null (kh_network_code_key (ranges[i].code, ranges[i].last + 1));
    }
  g_assert_cmpint (KH_TIE_LAST, ==, 5);
  g_assert_cmpint (KH_SECTOR_LAST, ==, 9);
  g_assert_cmpint (KH_RELATION_LAST, ==, 9);
  /* Flags one at a time: a combination is no key. */
  g_assert_null (kh_network_code_key (KH_NETWORK_CODE_SUPPORT, KH_SUPPORT_EMOTIONAL | KH_SUPPORT_LINKS));
  g_assert_null (kh_network_code_key (KH_NETWORK_CODE_CONSENT_SCOPE, 8));
  g_assert_cmpint (kh_network_code_from_key (KH_NETWORK_CODE_TIE, "conflict"), ==, -1);
  g_assert_cmpint (kh_network_code_from_key (KH_NETWORK_CODE_TIE, NULL), ==, -1);
  g_assert_null (kh_network_code_key (0, 1));
}

static void
test_flags_label (void)
{
  static const struct {
    KhNetworkCode code;
    guint         flags;
    const char   *fi;
    const char   *sv;
  } rows[] = {
    { KH_NETWORK_CODE_SUPPORT, 0, "", "" },
    { KH_NETWORK_CODE_SUPPORT, KH_SUPPORT_COMPANY | KH_SUPPORT_EMOTIONAL, "Henkinen tuki, Seura", "Känslomässigt stöd, Sällskap" },
    { KH_NETWORK_CODE_CONSENT_SCOPE, KH_CONSENT_SHARE_PLAN | KH_CONSENT_CONTACT,
      "Yhteyttä saa ottaa, Asiakassuunnitelman saa luovuttaa", "Får kontaktas, Klientplanen får lämnas ut" },
    /* Bits beyond the list are no label. */
    { KH_NETWORK_CODE_CONSENT_SCOPE, KH_CONSENT_SHARE_INFO | 0x40, "Tietoja saa luovuttaa", "Uppgifter får lämnas ut" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *fi = kh_network_flags_label_in (rows[i].code, rows[i].flags, "fi");
      g_autofree char *sv = kh_network_flags_label_in (rows[i].code, rows[i].flags, "sv");

      g_assert_cmpstr (fi, ==, rows[i].fi);
      g_assert_cmpstr (sv, ==, rows[i].sv);
    }
}

static void
test_days (void)
{
  static const struct { const char *text; gboolean ok; int y, m, d; } rows[] = {
    { "2026-12-07", TRUE, 2026, 12, 7 },
    { "2028-02-29", TRUE, 2028, 2, 29 },
    { "2027-02-29", FALSE },
    { "2026-13-01", FALSE },
    { "2026-1-07", FALSE },
    { "7.12.2026", FALSE },
    { "2026-12-07 ", FALSE },
    { "", FALSE },
    { NULL, FALSE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      GDate day;

      g_assert_cmpint (kh_network_parse_day (rows[i].text, &day), ==, rows[i].ok);
      g_assert_cmpint (g_date_valid (&day), ==, rows[i].ok);
      if (rows[i].ok)
        {
          g_autofree char *back = kh_network_format_day (&day);

          g_assert_cmpint (g_date_get_year (&day), ==, rows[i].y);
          g_assert_cmpint (g_date_get_month (&day), ==, rows[i].m);
          g_assert_cmpint (g_date_get_day (&day), ==, rows[i].d);
          g_assert_cmpstr (back, ==, rows[i].text);
        }
    }
  g_assert_null (kh_network_format_day (NULL));
}

static KhNetworkConsent *
consent (guint       scope,
         const char *given,
         const char *expires,
         const char *withdrawn)
{
  KhNetworkConsent *c = kh_network_consent_new ();

  c->scope = scope;
  kh_network_parse_day (given, &c->given_on);
  kh_network_parse_day (expires, &c->expires_on);
  kh_network_parse_day (withdrawn, &c->withdrawn_on);
  return c;
}

static void
test_consent_state (void)
{
  static const struct {
    const char     *what;
    const char     *given, *expires, *withdrawn;
    const char     *today;
    KhConsentState  state;
  } rows[] = {
    { "given today",                           "2026-12-07", NULL,         NULL,         "2026-12-07", KH_CONSENT_VALID },
    { "given earlier, no end",                 "2025-03-01", NULL,         NULL,         "2026-12-07", KH_CONSENT_VALID },
    { "given tomorrow: not yet in force",      "2026-12-08", NULL,         NULL,         "2026-12-07", KH_CONSENT_NONE },
    { "the day before its expiry",             "2026-06-01", "2026-12-31", NULL,         "2026-12-30", KH_CONSENT_VALID },
    { "its expiry day is still in force",      "2026-06-01", "2026-12-31", NULL,         "2026-12-31", KH_CONSENT_VALID },
    { "the day after its expiry",              "2026-06-01", "2026-12-31", NULL,         "2027-01-01", KH_CONSENT_EXPIRED },
    { "in force for one day, that day",        "2026-12-07", "2026-12-07", NULL,         "2026-12-07", KH_CONSENT_VALID },
    { "in force for one day, the next",        "2026-12-07", "2026-12-07", NULL,         "2026-12-08", KH_CONSENT_EXPIRED },
    { "the day before the withdrawal",         "2026-06-01", NULL,         "2026-11-15", "2026-11-14", KH_CONSENT_VALID },
    { "withdrawn from its day on",             "2026-06-01", NULL,         "2026-11-15", "2026-11-15", KH_CONSENT_WITHDRAWN },
    { "withdrawn the day it was given",        "2026-12-07", NULL,         "2026-12-07", "2026-12-07", KH_CONSENT_WITHDRAWN },
    { "withdrawn, later expired: withdrawn",   "2026-01-01", "2026-06-30", "2026-03-01", "2026-12-07", KH_CONSENT_WITHDRAWN },
    { "expired, then withdrawn: withdrawn",    "2026-01-01", "2026-06-30", "2026-09-01", "2026-12-07", KH_CONSENT_WITHDRAWN },
    { "expired before a later withdrawal",     "2026-01-01", "2026-06-30", "2026-09-01", "2026-08-01", KH_CONSENT_EXPIRED },
    { "no day given",                          NULL,         NULL,         NULL,         "2026-12-07", KH_CONSENT_NONE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(KhNetworkConsent) c = consent (KH_CONSENT_CONTACT, rows[i].given, rows[i].expires, rows[i].withdrawn);
      GDate today;

      g_test_message ("%s", rows[i].what);
      g_assert_true (kh_network_parse_day (rows[i].today, &today));
      g_assert_cmpint (kh_network_consent_state (c, &today), ==, rows[i].state);
    }
}

static void
test_may_share (void)
{
  g_autoptr(GPtrArray) consents = g_ptr_array_new_with_free_func (g_object_unref);
  static const struct {
    const char     *today;
    guint           scope;
    gboolean        may;
    KhConsentState  standing;
    guint           consented;
  } rows[] = {
    /* Before anything was given. */
    { "2026-01-31", KH_CONSENT_CONTACT,    FALSE, KH_CONSENT_NONE,      0 },
    /* Contact from 1 Feb to 30 Jun; information from 1 Mar, withdrawn 1 May. */
    { "2026-02-01", KH_CONSENT_CONTACT,    TRUE,  KH_CONSENT_VALID,     KH_CONSENT_CONTACT },
    { "2026-03-01", KH_CONSENT_SHARE_INFO, TRUE,  KH_CONSENT_VALID,     KH_CONSENT_CONTACT | KH_CONSENT_SHARE_INFO },
    /* Two consents of one flag each are not a consent to both. */
    { "2026-03-01", KH_CONSENT_CONTACT | KH_CONSENT_SHARE_INFO, FALSE, KH_CONSENT_NONE,
      KH_CONSENT_CONTACT | KH_CONSENT_SHARE_INFO },
    { "2026-03-01", KH_CONSENT_SHARE_PLAN, FALSE, KH_CONSENT_NONE,      KH_CONSENT_CONTACT | KH_CONSENT_SHARE_INFO },
    { "2026-05-01", KH_CONSENT_SHARE_INFO, FALSE, KH_CONSENT_WITHDRAWN, KH_CONSENT_CONTACT },
    { "2026-06-30", KH_CONSENT_CONTACT,    TRUE,  KH_CONSENT_VALID,     KH_CONSENT_CONTACT },
    { "2026-07-01", KH_CONSENT_CONTACT,    FALSE, KH_CONSENT_EXPIRED,   0 },
    /* A new consent to everything from 1 Sep: the newest stands. */
    { "2026-09-01", KH_CONSENT_CONTACT,    TRUE,  KH_CONSENT_VALID,     KH_CONSENT_SCOPE_ALL },
    { "2026-09-01", KH_CONSENT_SCOPE_ALL,  TRUE,  KH_CONSENT_VALID,     KH_CONSENT_SCOPE_ALL },
    { "2026-09-01", 0,                     FALSE, KH_CONSENT_NONE,      KH_CONSENT_SCOPE_ALL },
  };

  g_ptr_array_add (consents, consent (KH_CONSENT_CONTACT, "2026-02-01", "2026-06-30", NULL));
  g_ptr_array_add (consents, consent (KH_CONSENT_SHARE_INFO, "2026-03-01", NULL, "2026-05-01"));
  g_ptr_array_add (consents, consent (KH_CONSENT_SCOPE_ALL, "2026-09-01", NULL, NULL));
  for (gsize i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      GDate today;

      g_test_message ("%s, scope %u", rows[i].today, rows[i].scope);
      g_assert_true (kh_network_parse_day (rows[i].today, &today));
      g_assert_cmpint (kh_network_may_share (consents, rows[i].scope, &today), ==, rows[i].may);
      g_assert_cmpint (kh_network_consent_standing (consents, rows[i].scope, &today), ==, rows[i].standing);
      g_assert_cmpuint (kh_network_consented (consents, &today), ==, rows[i].consented);
    }
  {
    GDate today;

    kh_network_parse_day ("2026-09-01", &today);
    g_assert_false (kh_network_may_share (NULL, KH_CONSENT_CONTACT, &today));
    g_assert_cmpint (kh_network_consent_standing (NULL, KH_CONSENT_CONTACT, &today), ==, KH_CONSENT_NONE);
  }
}

static void
test_consent_check (void)
{
  static const struct {
    const char *what;
    guint       scope;
    const char *given, *expires, *withdrawn;
    const char *note;
    gboolean    ok;
    const char *stored_note;
  } rows[] = {
    { "everything, today",              KH_CONSENT_SCOPE_ALL, "2026-12-07", NULL,         NULL, "  kirjallinen  ", TRUE, "kirjallinen" },
    { "one day only",                   KH_CONSENT_CONTACT,   "2026-12-07", "2026-12-07", NULL, " ",               TRUE, NULL },
    { "given earlier, ends next year",  KH_CONSENT_SHARE_PLAN,"2026-11-01", "2027-10-31", NULL, NULL,              TRUE, NULL },
    { "no scope",                       0,                    "2026-12-07", NULL,         NULL, NULL,              FALSE },
    { "a scope beyond the list",        8,                    "2026-12-07", NULL,         NULL, NULL,              FALSE },
    { "no day",                         KH_CONSENT_CONTACT,   NULL,         NULL,         NULL, NULL,              FALSE },
    { "tomorrow",                       KH_CONSENT_CONTACT,   "2026-12-08", NULL,         NULL, NULL,              FALSE },
    { "before 2000",                    KH_CONSENT_CONTACT,   "1999-12-31", NULL,         NULL, NULL,              FALSE },
    { "ends before it was given",       KH_CONSENT_CONTACT,   "2026-12-07", "2026-12-06", NULL, NULL,              FALSE },
    { "recorded as withdrawn",          KH_CONSENT_CONTACT,   "2026-12-01", NULL,   "2026-12-02", NULL,              FALSE },
    { "a note on two lines",            KH_CONSENT_CONTACT,   "2026-12-07", NULL,         NULL, "suullinen\npuhelimessa", FALSE },
    { "a zero-width space",             KH_CONSENT_CONTACT,   "2026-12-07", NULL,         NULL, "suul\u200blinen", FALSE },
  };
  GDate today;

  kh_network_parse_day ("2026-12-07", &today);
  for (gsize i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(KhNetworkConsent) c = consent (rows[i].scope, rows[i].given, rows[i].expires, rows[i].withdrawn);
      g_autoptr(GError) error = NULL;
      g_autofree char *note = NULL;

      g_test_message ("%s", rows[i].what);
      c->note = g_strdup (rows[i].note);
      g_assert_cmpint (kh_network_consent_check (c, &today, &note, &error), ==, rows[i].ok);
      if (rows[i].ok)
        {
          g_assert_no_error (error);
          g_assert_cmpstr (note, ==, rows[i].stored_note);
        }
      else
        {
          g_assert_nonnull (error);
          g_assert_true (error->domain == G_IO_ERROR || error->domain == KH_TEXT_ERROR);
          g_assert_null (note);
        }
    }
  /* A note at the bound, and one over it. */
  {
    g_autoptr(KhNetworkConsent) c = consent (KH_CONSENT_CONTACT, "2026-12-07", NULL, NULL);
    g_autoptr(GError) error = NULL;

    c->note = g_strnfill (KH_NETWORK_CONSENT_NOTE_MAX, 'a');
    g_assert_true (kh_network_consent_check (c, &today, NULL, &error));
    g_free (c->note);
    c->note = g_strnfill (KH_NETWORK_CONSENT_NOTE_MAX + 1, 'a');
    g_assert_false (kh_network_consent_check (c, &today, NULL, &error));
  }
}

static void
test_withdrawal_check (void)
{
  static const struct {
    const char *what;
    const char *given, *already;
    const char *withdrawn_on;
    gboolean    ok;
  } rows[] = {
    { "today",                          "2026-06-01", NULL,         "2026-12-07", TRUE },
    { "the day it was given",           "2026-12-07", NULL,         "2026-12-07", TRUE },
    { "on an earlier day",              "2026-06-01", NULL,         "2026-09-30", TRUE },
    { "before it was given",            "2026-06-01", NULL,         "2026-05-31", FALSE },
    { "tomorrow",                       "2026-06-01", NULL,         "2026-12-08", FALSE },
    { "no day",                         "2026-06-01", NULL,         NULL,         FALSE },
    { "withdrawn already",              "2026-06-01", "2026-10-01", "2026-12-07", FALSE },
  };
  GDate today;

  kh_network_parse_day ("2026-12-07", &today);
  for (gsize i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(KhNetworkConsent) c = consent (KH_CONSENT_CONTACT, rows[i].given, NULL, rows[i].already);
      g_autoptr(GError) error = NULL;
      GDate on;

      g_test_message ("%s", rows[i].what);
      kh_network_parse_day (rows[i].withdrawn_on, &on);
      g_assert_cmpint (kh_network_withdrawal_check (c, &on, &today, &error), ==, rows[i].ok);
      if (!rows[i].ok)
        g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
    }
}

typedef struct {
  const char     *what;
  KhNetworkKind   kind;
  const char     *name;
  gint64          service_id;
  int             relation;
  const char     *relation_text;
  const char     *contact_person;
  int             sector, distance, tie, direction;
  guint           support;
  const char     *note;
  KhNetworkField  fields[3];        /* the fields with a problem, in order; 0 ends */
} MemberRow;

static void
test_member_problems (void)
{
  static const MemberRow rows[] = {
    { "a mother",                   KH_NETWORK_PERSON, "Maija Mäkinen", 0, KH_RELATION_PARENT, "äiti", NULL,
      KH_SECTOR_FAMILY, KH_DISTANCE_CLOSE, KH_TIE_STRONG, KH_SUPPORT_BOTH, KH_SUPPORT_EMOTIONAL | KH_SUPPORT_PRACTICAL, NULL, { 0 } },
    { "a service from the directory", KH_NETWORK_AGENCY, NULL, 12, KH_RELATION_NONE, NULL, "Terhi Terveydenhoitaja",
      KH_SECTOR_HEALTH, KH_DISTANCE_MIDDLE, KH_TIE_ORDINARY, KH_SUPPORT_TO_CLIENT, KH_SUPPORT_INFORMATION, "Käy kerran kuussa.", { 0 } },
    { "an agency by name only",     KH_NETWORK_AGENCY, "A-klinikka", 0, KH_RELATION_NONE, NULL, NULL,
      KH_SECTOR_HEALTH, KH_DISTANCE_FAR, KH_TIE_WEAK, KH_SUPPORT_NONE, 0, NULL, { 0 } },
    { "every kind of support",      KH_NETWORK_PERSON, "Eero", 0, KH_RELATION_FRIEND, NULL, NULL,
      KH_SECTOR_FRIENDS, KH_DISTANCE_CLOSE, KH_TIE_STRESSFUL, KH_SUPPORT_FROM_CLIENT, KH_SUPPORT_KINDS_ALL, NULL, { 0 } },
    { "a person without a name",    KH_NETWORK_PERSON, "   ", 0, KH_RELATION_CHILD, NULL, NULL,
      KH_SECTOR_FAMILY, KH_DISTANCE_CLOSE, KH_TIE_STRONG, KH_SUPPORT_BOTH, 0, NULL, { KH_NETWORK_FIELD_NAME } },
    { "an agency with neither",     KH_NETWORK_AGENCY, NULL, 0, KH_RELATION_NONE, NULL, "Pekka",
      KH_SECTOR_HOUSING, KH_DISTANCE_FAR, KH_TIE_WEAK, KH_SUPPORT_NONE, 0, NULL, { KH_NETWORK_FIELD_NAME } },
    { "a person from the directory",KH_NETWORK_PERSON, "Liisa", 12, KH_RELATION_FRIEND, NULL, "Pekka",
      KH_SECTOR_FRIENDS, KH_DISTANCE_FAR, KH_TIE_WEAK, KH_SUPPORT_NONE, 0, NULL,
      { KH_NETWORK_FIELD_SERVICE, KH_NETWORK_FIELD_CONTACT_PERSON } },
    { "an agency that is a friend", KH_NETWORK_AGENCY, "Kela", 0, KH_RELATION_FRIEND, "kaveri", NULL,
      KH_SECTOR_BENEFITS, KH_DISTANCE_FAR, KH_TIE_WEAK, KH_SUPPORT_NONE, 0, NULL,
      { KH_NETWORK_FIELD_RELATION, KH_NETWORK_FIELD_RELATION_TEXT } },
    { "codes out of range",         KH_NETWORK_PERSON, "Liisa", 0, 10, NULL, NULL,
      10, 0, 6, 4, 0x20, NULL,
      { KH_NETWORK_FIELD_RELATION, KH_NETWORK_FIELD_SECTOR, KH_NETWORK_FIELD_DISTANCE } },
    { "a tie and direction unknown",KH_NETWORK_PERSON, "Liisa", 0, KH_RELATION_FRIEND, NULL, NULL,
      KH_SECTOR_FRIENDS, KH_DISTANCE_FAR, 0, -1, 0, NULL,
      { KH_NETWORK_FIELD_TIE, KH_NETWORK_FIELD_DIRECTION } },
    { "no kind",                    0, "Liisa", 0, KH_RELATION_NONE, NULL, NULL,
      KH_SECTOR_FRIENDS, KH_DISTANCE_FAR, KH_TIE_WEAK, KH_SUPPORT_NONE, 0, NULL, { KH_NETWORK_FIELD_KIND } },
    { "a name on two lines",        KH_NETWORK_PERSON, "Liisa\nLaine", 0, KH_RELATION_FRIEND, NULL, NULL,
      KH_SECTOR_FRIENDS, KH_DISTANCE_FAR, KH_TIE_WEAK, KH_SUPPORT_NONE, 0, "Rivi 1\nRivi 2", { KH_NETWORK_FIELD_NAME } },
    { "a name with a bidi control", KH_NETWORK_PERSON, "Lii\u202esa", 0, KH_RELATION_FRIEND, NULL, NULL,
      KH_SECTOR_FRIENDS, KH_DISTANCE_FAR, KH_TIE_WEAK, KH_SUPPORT_NONE, 0, NULL, { KH_NETWORK_FIELD_NAME } },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(KhNetworkMember) m = kh_network_member_new (rows[i].kind);
      g_autoptr(GArray) problems = NULL;
      g_autoptr(GError) error = NULL;
      guint n = 0;

      g_test_message ("%s", rows[i].what);
      m->name = g_strdup (rows[i].name);
      m->service_id = rows[i].service_id;
      m->relation = rows[i].relation;
      m->relation_text = g_strdup (rows[i].relation_text);
      m->contact_person = g_strdup (rows[i].contact_person);
      m->sector = rows[i].sector;
      m->distance = rows[i].distance;
      m->tie = rows[i].tie;
      m->direction = rows[i].direction;
      m->support = rows[i].support;
      m->note = g_strdup (rows[i].note);
      problems = kh_network_member_problems (m);
      while (n < G_N_ELEMENTS (rows[i].fields) && rows[i].fields[n] != 0)
        n++;
      g_assert_cmpuint (problems->len, >=, n);
      if (n == 0)
        g_assert_cmpuint (problems->len, ==, 0);
      for (guint j = 0; j < n; j++)
        {
          KhNetworkProblem *p = &g_array_index (problems, KhNetworkProblem, j);

          g_assert_cmpint (p->field, ==, rows[i].fields[j]);
          g_assert_true (p->message != NULL && p->message[0] != '\0');
        }
      g_assert_cmpint (kh_network_member_clean (m, &error), ==, n == 0);
      if (n > 0)
        g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
    }
}

static void
test_member_bounds_and_clean (void)
{
  static const struct { KhNetworkField field; guint max; gboolean note; } bounds[] = {
    { KH_NETWORK_FIELD_NAME, KH_NETWORK_NAME_MAX },
    { KH_NETWORK_FIELD_RELATION_TEXT, KH_NETWORK_RELATION_TEXT_MAX },
    { KH_NETWORK_FIELD_CONTACT, KH_NETWORK_CONTACT_MAX },
    { KH_NETWORK_FIELD_CONTACT_PERSON, KH_NETWORK_NAME_MAX },
    { KH_NETWORK_FIELD_NOTE, KH_NETWORK_NOTE_MAX },
  };

  g_assert_cmpint (KH_NETWORK_NAME_MAX, ==, 200);
  g_assert_cmpint (KH_NETWORK_RELATION_TEXT_MAX, ==, 100);
  g_assert_cmpint (KH_NETWORK_CONTACT_MAX, ==, 300);
  g_assert_cmpint (KH_NETWORK_NOTE_MAX, ==, 500);
  for (gsize i = 0; i < G_N_ELEMENTS (bounds); i++)
    for (guint extra = 0; extra <= 1; extra++)
      {
        /* A person for the relation, an agency for the contact person. */
        KhNetworkKind kind = bounds[i].field == KH_NETWORK_FIELD_CONTACT_PERSON ? KH_NETWORK_AGENCY : KH_NETWORK_PERSON;
        g_autoptr(KhNetworkMember) m = kh_network_member_new (kind);
        g_autoptr(GArray) problems = NULL;
        /* "ä" is two bytes and one character. */
        char *text = g_malloc0 ((bounds[i].max + extra) * 2 + 1);

        for (guint c = 0; c < bounds[i].max + extra; c++)
          memcpy (text + 2 * c, "ä", 2);
        m->name = g_strdup ("Nimi");
        switch (bounds[i].field)
          {
          case KH_NETWORK_FIELD_NAME: g_free (m->name); m->name = text; break;
          case KH_NETWORK_FIELD_RELATION_TEXT: m->relation_text = text; break;
          case KH_NETWORK_FIELD_CONTACT: m->contact = text; break;
          case KH_NETWORK_FIELD_CONTACT_PERSON: m->contact_person = text; break;
          default: m->note = text; break;
          }
        problems = kh_network_member_problems (m);
        g_assert_cmpuint (problems->len, ==, extra);
        if (extra)
          g_assert_cmpint (g_array_index (problems, KhNetworkProblem, 0).field, ==, bounds[i].field);
      }

  /* Cleaning trims, and empty texts become none. */
  {
    g_autoptr(KhNetworkMember) m = kh_network_member_new (KH_NETWORK_PERSON);
    g_autoptr(GError) error = NULL;

    m->name = g_strdup ("  Maija Mäkinen \t");
    m->relation_text = g_strdup ("   ");
    m->contact = g_strdup (" 040 123 4567\nmaija@example.fi ");
    m->note = g_strdup ("");
    g_assert_true (kh_network_member_clean (m, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (m->name, ==, "Maija Mäkinen");
    g_assert_null (m->relation_text);
    g_assert_cmpstr (m->contact, ==, "040 123 4567\nmaija@example.fi");
    g_assert_null (m->note);
    /* What a new entry starts as. */
    g_assert_cmpint (m->sector, ==, KH_SECTOR_FAMILY);
    g_assert_cmpint (m->distance, ==, KH_DISTANCE_MIDDLE);
    g_assert_cmpint (m->tie, ==, KH_TIE_ORDINARY);
    g_assert_cmpint (m->direction, ==, KH_SUPPORT_TO_CLIENT);
  }
}

static void
test_display_name_and_copy (void)
{
  g_autoptr(KhNetworkMember) m = kh_network_member_new (KH_NETWORK_AGENCY);
  g_autoptr(KhNetworkMember) copy = NULL;
  KhNetworkConsent *c;

  g_assert_cmpstr (kh_network_member_display_name (m), ==, "");
  m->service_id = 3;
  m->service_name = g_strdup ("Aikuissosiaalityö");
  g_assert_cmpstr (kh_network_member_display_name (m), ==, "Aikuissosiaalityö");
  m->name = g_strdup ("Sosiaalityö, Kallio");
  g_assert_cmpstr (kh_network_member_display_name (m), ==, "Sosiaalityö, Kallio");

  m->consents = g_ptr_array_new_with_free_func (g_object_unref);
  c = consent (KH_CONSENT_SHARE_PLAN, "2026-12-01", "2027-11-30", NULL);
  c->id = 41;
  g_ptr_array_add (m->consents, c);
  copy = kh_network_member_copy (m);
  g_assert_true (copy->consents != m->consents);
  g_assert_cmpuint (copy->consents->len, ==, 1);
  c = g_ptr_array_index (copy->consents, 0);
  g_assert_cmpint (c->id, ==, 41);
  g_assert_cmpint (c->scope, ==, KH_CONSENT_SHARE_PLAN);
  g_assert_cmpint (g_date_get_day (&c->expires_on), ==, 30);
  g_assert_false (g_date_valid (&c->withdrawn_on));
  g_assert_cmpstr (copy->service_name, ==, "Aikuissosiaalityö");
}

static void
test_roles_and_version_label (void)
{
  static const struct { KhRole role; gboolean may; } roles[] = {
    { KH_ROLE_RECEPTION, FALSE },
    { KH_ROLE_COUNSELLOR, TRUE },
    { KH_ROLE_SOCIAL_WORKER, TRUE },
    { KH_ROLE_LEAD, TRUE },
    { KH_ROLE_ADMIN, FALSE },
    { 0, FALSE },
  };
  static const struct { const char *label; const char *stored; } labels[] = {
    { "  Asiakassuunnitelman tarkistus 12/2026 ", "Asiakassuunnitelman tarkistus 12/2026" },
    { "", NULL },
    { "   ", NULL },
    { NULL, NULL },
    { "Kaksi\nriviä", NULL },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (roles); i++)
    g_assert_cmpint (kh_network_may_keep (roles[i].role), ==, roles[i].may);
  for (gsize i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      g_autofree char *stored = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (kh_network_version_check_label (labels[i].label, &stored, &error), ==,
                       labels[i].stored != NULL);
      g_assert_cmpstr (stored, ==, labels[i].stored);
    }
  {
    g_autofree char *at_bound = g_strnfill (KH_NETWORK_VERSION_LABEL_MAX, 'x');
    g_autofree char *over = g_strnfill (KH_NETWORK_VERSION_LABEL_MAX + 1, 'x');

    g_assert_true (kh_network_version_check_label (at_bound, NULL, NULL));
    g_assert_false (kh_network_version_check_label (over, NULL, NULL));
  }
}

static KhNetworkMember *
entry (gint64       id,
       const char  *name,
       KhTieQuality tie,
       gboolean     removed)
{
  KhNetworkMember *m = kh_network_member_new (KH_NETWORK_PERSON);

  m->id = id;
  m->name = g_strdup (name);
  m->tie = tie;
  m->removed = removed;
  return m;
}

static void
test_compare (void)
{
  g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) after = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) changes = NULL;
  static const struct {
    KhNetworkChangeKind kind;
    gint64              before_id, after_id;
    guint               fields;
  } expected[] = {
    /* In the later version's order, then what is only in the earlier. */
    { KH_NETWORK_CHANGED, 1, 1, (1u << KH_NETWORK_FIELD_TIE) | (1u << KH_NETWORK_FIELD_NOTE) },
    { KH_NETWORK_SAME,    2, 2, 0 },
    { KH_NETWORK_ADDED,   0, 5, 0 },
    { KH_NETWORK_REMOVED, 3, 3, 0 },              /* marked removed in the later */
    { KH_NETWORK_CHANGED, 6, 6, 1u << KH_NETWORK_FIELD_NAME },
    { KH_NETWORK_REMOVED, 4, 0, 0 },              /* not in the later at all */
  };
  KhNetworkMember *m;

  g_ptr_array_add (before, entry (1, "Maija", KH_TIE_STRESSFUL, FALSE));
  g_ptr_array_add (before, entry (2, "Eetu", KH_TIE_STRONG, FALSE));
  g_ptr_array_add (before, entry (3, "Jari", KH_TIE_BROKEN, FALSE));
  g_ptr_array_add (before, entry (4, "Veikko", KH_TIE_WEAK, FALSE));
  g_ptr_array_add (before, entry (6, "Liisa Laine", KH_TIE_ORDINARY, FALSE));
  /* Removed already then: not compared. */
  g_ptr_array_add (before, entry (7, "Kalle", KH_TIE_WEAK, TRUE));

  m = entry (1, "Maija", KH_TIE_ORDINARY, FALSE);
  m->note = g_strdup ("Välit parantuneet.");
  g_ptr_array_add (after, m);
  g_ptr_array_add (after, entry (2, "Eetu", KH_TIE_STRONG, FALSE));
  g_ptr_array_add (after, entry (5, "Veikko Naapuri", KH_TIE_WEAK, FALSE));
  g_ptr_array_add (after, entry (3, "Jari", KH_TIE_BROKEN, TRUE));
  g_ptr_array_add (after, entry (6, "Liisa Niemi", KH_TIE_ORDINARY, FALSE));
  g_ptr_array_add (after, entry (7, "Kalle", KH_TIE_WEAK, TRUE));

  changes = kh_network_compare (before, after);
  g_assert_cmpuint (changes->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < changes->len; i++)
    {
      KhNetworkChange *c = g_ptr_array_index (changes, i);

      g_test_message ("change %u", i);
      g_assert_cmpint (c->kind, ==, expected[i].kind);
      g_assert_cmpint (c->before != NULL ? c->before->id : 0, ==, expected[i].before_id);
      g_assert_cmpint (c->after != NULL ? c->after->id : 0, ==, expected[i].after_id);
      g_assert_cmphex (c->fields, ==, expected[i].fields);
    }
  g_clear_pointer (&changes, g_ptr_array_unref);

  /* Against nothing: all added; nothing against something: all removed. */
  changes = kh_network_compare (NULL, before);
  g_assert_cmpuint (changes->len, ==, 5);
  g_assert_cmpint (((KhNetworkChange *) g_ptr_array_index (changes, 0))->kind, ==, KH_NETWORK_ADDED);
  g_clear_pointer (&changes, g_ptr_array_unref);
  changes = kh_network_compare (before, NULL);
  g_assert_cmpuint (changes->len, ==, 5);
  g_assert_cmpint (((KhNetworkChange *) g_ptr_array_index (changes, 4))->kind, ==, KH_NETWORK_REMOVED);
}

/* A directory's agency goes to the sector of the life area it serves. */
static void
test_sector_for_service (void)
{
  static const struct {
    KhLifeArea    area;
    KhServiceKind kind;
    KhSector      sector;
  } cases[] = {
    { KH_LIFE_AREA_WORK,          KH_SERVICE_KIND_MUNICIPALITY, KH_SECTOR_WORK_EDUCATION },
    { KH_LIFE_AREA_SKILLS,        KH_SERVICE_KIND_COMPANY,      KH_SECTOR_WORK_EDUCATION },
    { KH_LIFE_AREA_FINANCES,      KH_SERVICE_KIND_AUTHORITY,    KH_SECTOR_BENEFITS },
    { KH_LIFE_AREA_FINANCES,      KH_SERVICE_KIND_NGO,          KH_SECTOR_ORGANISATIONS },
    { KH_LIFE_AREA_EVERYDAY_LIFE, KH_SERVICE_KIND_PARISH,       KH_SECTOR_ORGANISATIONS },
    { KH_LIFE_AREA_EVERYDAY_LIFE, KH_SERVICE_KIND_COUNTY,       KH_SECTOR_SOCIAL_SERVICES },
    { KH_LIFE_AREA_PARTICIPATION, KH_SERVICE_KIND_PARISH,       KH_SECTOR_ORGANISATIONS },
    { KH_LIFE_AREA_HOUSING,       KH_SERVICE_KIND_COMPANY,      KH_SECTOR_HOUSING },
    { KH_LIFE_AREA_HEALTH_SAFETY, KH_SERVICE_KIND_COUNTY,       KH_SECTOR_HEALTH },
    { KH_LIFE_AREA_OTHER,         KH_SERVICE_KIND_NGO,          KH_SECTOR_ORGANISATIONS },
    { KH_LIFE_AREA_OTHER,         KH_SERVICE_KIND_PARISH,       KH_SECTOR_ORGANISATIONS },
    { KH_LIFE_AREA_OTHER,         KH_SERVICE_KIND_AUTHORITY,    KH_SECTOR_OTHER },
    { KH_LIFE_AREA_OTHER,         KH_SERVICE_KIND_OTHER,        KH_SECTOR_OTHER },
    { 0,                          0,                            KH_SECTOR_OTHER },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (kh_network_sector_for_service (cases[i].area, cases[i].kind), ==, cases[i].sector);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/network/codes", test_codes);
  g_test_add_func ("/core/network/sector-for-service", test_sector_for_service);
  g_test_add_func ("/core/network/flags-label", test_flags_label);
  g_test_add_func ("/core/network/days", test_days);
  g_test_add_func ("/core/network/consent-state", test_consent_state);
  g_test_add_func ("/core/network/may-share", test_may_share);
  g_test_add_func ("/core/network/consent-check", test_consent_check);
  g_test_add_func ("/core/network/withdrawal-check", test_withdrawal_check);
  g_test_add_func ("/core/network/member-problems", test_member_problems);
  g_test_add_func ("/core/network/member-bounds-and-clean", test_member_bounds_and_clean);
  g_test_add_func ("/core/network/display-name-and-copy", test_display_name_and_copy);
  g_test_add_func ("/core/network/roles-and-version-label", test_roles_and_version_label);
  g_test_add_func ("/core/network/compare", test_compare);

  return g_test_run ();
}
