/* kh-admin-demo-network.c — the networks of a few of the demo's people
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 9, 1: `kohtaamo-admin demo` also draws the network of a few
 * Finnish- and Swedish-speaking people (those who get a demo decision):
 * 5–9 entries each across the sectors of the map — relatives, friends, a
 * neighbour, agencies of the unit's directory with a named contact person
 * and agencies by name — with every quality of tie, consents in force,
 * expired and withdrawn, and a first version of the map ("the initial
 * mapping") taken before one tie changed, so that two versions differ.
 * Written by a worker of the demo as the store's rules require (not the
 * administrator who runs the demo); not on a server, where only a
 * worker's own login keeps a network. Each of them also gets a client
 * plan (kh-admin-demo-plans.c). Everyone is invented.
 */

#define G_LOG_DOMAIN "kohtaamo-admin"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kh-admin-demo.h"

typedef struct {
  KhNetworkKind      kind;
  const char        *first_name;     /* a person: with the client's last name when `family` */
  gboolean           family;
  const char        *last_name;      /* else */
  const char        *service;        /* an agency of the directory (name_fi), or NULL */
  const char        *agency;         /* else an agency by name */
  KhNetworkRelation  relation;
  const char        *relation_text;
  const char        *contact;
  const char        *contact_person;
  KhSector           sector;
  KhDistance         distance;
  KhTieQuality       tie;
  KhSupportDirection direction;
  guint              support;
  const char        *note;
  /* A consent: its scope (0: none), given days ago, in force for days
   * (0: no end), withdrawn days ago (0: not). */
  guint              scope;
  int                given_ago, lasts, withdrawn_ago;
} DemoEntry;

#define E  KH_SUPPORT_EMOTIONAL
#define P  KH_SUPPORT_PRACTICAL
#define I  KH_SUPPORT_INFORMATION
#define C  KH_SUPPORT_COMPANY
#define L  KH_SUPPORT_LINKS

static const DemoEntry entries_fi[] = {
  { KH_NETWORK_PERSON, "Maija", TRUE, NULL, NULL, NULL, KH_RELATION_PARENT, "äiti", "040 612 3344", NULL,
    KH_SECTOR_FAMILY, KH_DISTANCE_CLOSE, KH_TIE_STRESSFUL, KH_SUPPORT_BOTH, E | P,
    "Auttaa lastenhoidossa, mutta raha-asioista riidellään.", 0 },
  { KH_NETWORK_PERSON, "Eetu", TRUE, NULL, NULL, NULL, KH_RELATION_CHILD, "poika, 12 v", NULL, NULL,
    KH_SECTOR_FAMILY, KH_DISTANCE_CLOSE, KH_TIE_STRONG, KH_SUPPORT_FROM_CLIENT, C, NULL, 0 },
  { KH_NETWORK_PERSON, "Jari", FALSE, "Lehtonen", NULL, NULL, KH_RELATION_PARTNER, "entinen puoliso", NULL, NULL,
    KH_SECTOR_FAMILY, KH_DISTANCE_FAR, KH_TIE_BROKEN, KH_SUPPORT_NONE, 0, "Ei yhteydenpitoa vuoden 2025 jälkeen.", 0 },
  { KH_NETWORK_PERSON, "Liisa", FALSE, "Laine", NULL, NULL, KH_RELATION_FRIEND, NULL, "liisa.laine@example.fi", NULL,
    KH_SECTOR_FRIENDS, KH_DISTANCE_MIDDLE, KH_TIE_ORDINARY, KH_SUPPORT_BOTH, E | C, NULL, 0 },
  { KH_NETWORK_PERSON, "Veikko", FALSE, "Niemi", NULL, NULL, KH_RELATION_NEIGHBOUR, NULL, NULL, NULL,
    KH_SECTOR_FRIENDS, KH_DISTANCE_FAR, KH_TIE_WEAK, KH_SUPPORT_TO_CLIENT, P, "Lainaa autoa kauppamatkoille.", 0 },
  { KH_NETWORK_AGENCY, NULL, FALSE, NULL, "Kela", NULL, KH_RELATION_NONE, NULL, "020 692 207",
    "palveluneuvoja Päivi Salo", KH_SECTOR_BENEFITS, KH_DISTANCE_FAR, KH_TIE_WEAK, KH_SUPPORT_TO_CLIENT, I,
    "Perustoimeentulotuki ja asumistuki.", KH_CONSENT_SHARE_INFO | KH_CONSENT_SHARE_PLAN, 20, 365, 0 },
  { KH_NETWORK_AGENCY, NULL, FALSE, NULL, "Terveysasema", NULL, KH_RELATION_NONE, NULL, NULL,
    "terveydenhoitaja Hanna Koski", KH_SECTOR_HEALTH, KH_DISTANCE_MIDDLE, KH_TIE_ORDINARY, KH_SUPPORT_TO_CLIENT,
    I | P, NULL, KH_CONSENT_CONTACT | KH_CONSENT_SHARE_INFO | KH_CONSENT_SHARE_PLAN, 10, 0, 0 },
  { KH_NETWORK_AGENCY, NULL, FALSE, NULL, "Talous- ja velkaneuvonta", NULL, KH_RELATION_NONE, NULL, NULL,
    "velkaneuvoja Mikko Aalto", KH_SECTOR_BENEFITS, KH_DISTANCE_FAR, KH_TIE_WEAK, KH_SUPPORT_TO_CLIENT, I | L,
    NULL, KH_CONSENT_CONTACT, 400, 365, 0 },
  { KH_NETWORK_AGENCY, NULL, FALSE, NULL, NULL, "Kansalaisopiston keramiikkapiiri", KH_RELATION_NONE, NULL, NULL,
    NULL, KH_SECTOR_ORGANISATIONS, KH_DISTANCE_MIDDLE, KH_TIE_STRONG, KH_SUPPORT_TO_CLIENT, C | L,
    "Käy torstaisin.", 0 },
};

static const DemoEntry entries_sv[] = {
  { KH_NETWORK_PERSON, "Karin", TRUE, NULL, NULL, NULL, KH_RELATION_SIBLING, "syster", "050 733 1208", NULL,
    KH_SECTOR_FAMILY, KH_DISTANCE_CLOSE, KH_TIE_STRONG, KH_SUPPORT_BOTH, E | P, NULL, 0 },
  { KH_NETWORK_PERSON, "Ingrid", TRUE, NULL, NULL, NULL, KH_RELATION_PARENT, "mamma, bor på serviceboende", NULL,
    NULL, KH_SECTOR_FAMILY, KH_DISTANCE_MIDDLE, KH_TIE_STRESSFUL, KH_SUPPORT_FROM_CLIENT, P | C,
    "Klienten besöker henne dagligen och orkar inte alltid.", 0 },
  { KH_NETWORK_PERSON, "Mats", FALSE, "Holm", NULL, NULL, KH_RELATION_FRIEND, "gammal arbetskamrat", NULL, NULL,
    KH_SECTOR_FRIENDS, KH_DISTANCE_MIDDLE, KH_TIE_ORDINARY, KH_SUPPORT_BOTH, C, NULL, 0 },
  { KH_NETWORK_PERSON, "Britt", FALSE, "Sjöberg", NULL, NULL, KH_RELATION_SUPPORT_PERSON, NULL, "040 118 2290", NULL,
    KH_SECTOR_ORGANISATIONS, KH_DISTANCE_CLOSE, KH_TIE_STRONG, KH_SUPPORT_TO_CLIENT, E | I | L,
    "Stödperson via Röda Korset sedan våren.", 0 },
  { KH_NETWORK_AGENCY, NULL, FALSE, NULL, "Kela", NULL, KH_RELATION_NONE, NULL, NULL, "servicerådgivare Jonas Berg",
    KH_SECTOR_BENEFITS, KH_DISTANCE_FAR, KH_TIE_WEAK, KH_SUPPORT_TO_CLIENT, I, NULL,
    KH_CONSENT_CONTACT | KH_CONSENT_SHARE_INFO, 60, 0, 5 },
  { KH_NETWORK_AGENCY, NULL, FALSE, NULL, "Mielenterveys- ja päihdepalvelut", NULL, KH_RELATION_NONE, NULL, NULL,
    "psykiatrisk sjukskötare Anna Lind", KH_SECTOR_HEALTH, KH_DISTANCE_MIDDLE, KH_TIE_ORDINARY,
    KH_SUPPORT_TO_CLIENT, E | I, NULL, KH_CONSENT_CONTACT | KH_CONSENT_SHARE_PLAN, 14, 180, 0 },
  { KH_NETWORK_AGENCY, NULL, FALSE, NULL, "Asumisneuvonta", NULL, KH_RELATION_NONE, NULL, NULL, NULL,
    KH_SECTOR_HOUSING, KH_DISTANCE_FAR, KH_TIE_WEAK, KH_SUPPORT_TO_CLIENT, I | P, "Hyresskulden utreds.", 0 },
  { KH_NETWORK_AGENCY, NULL, FALSE, NULL, NULL, "Arbetsverkstaden Verkstan", KH_RELATION_NONE, NULL, NULL,
    "handledare Peter Grön", KH_SECTOR_WORK_EDUCATION, KH_DISTANCE_MIDDLE, KH_TIE_ORDINARY, KH_SUPPORT_BOTH,
    C | L, NULL, KH_CONSENT_CONTACT, 30, 0, 0 },
};

#undef E
#undef P
#undef I
#undef C
#undef L

static gint64
service_id (GPtrArray  *services,
            const char *name_fi)
{
  for (guint i = 0; services != NULL && i < services->len; i++)
    {
      KhService *s = g_ptr_array_index (services, i);

      if (g_strcmp0 (s->name_fi, name_fi) == 0)
        return s->id;
    }
  return 0;
}

static void
days_ago (GDate       *out,
          const GDate *today,
          int          days)
{
  *out = *today;
  if (days > 0)
    g_date_subtract_days (out, days);
  else if (days < 0)
    g_date_add_days (out, -days);
}

static gboolean
add_entry (KhDb            *db,
           KhUser          *worker,
           const KhClient  *client,
           const DemoEntry *e,
           GPtrArray       *services,
           const GDate     *today,
           KhNetworkMember **out,
           GError         **error)
{
  g_autoptr(KhNetworkMember) m = kh_network_member_new (e->kind);
  g_autoptr(KhNetworkMember) stored = NULL;

  m->client_id = client->id;
  if (e->kind == KH_NETWORK_PERSON)
    m->name = g_strdup_printf ("%s %s", e->first_name, e->family ? client->last_name : e->last_name);
  else
    {
      m->service_id = e->service != NULL ? service_id (services, e->service) : 0;
      if (m->service_id == 0)
        m->name = g_strdup (e->service != NULL ? e->service : e->agency);
      m->contact_person = g_strdup (e->contact_person);
    }
  m->relation = e->relation;
  m->relation_text = g_strdup (e->relation_text);
  m->contact = g_strdup (e->contact);
  m->sector = e->sector;
  m->distance = e->distance;
  m->tie = e->tie;
  m->direction = e->direction;
  m->support = e->support;
  m->note = g_strdup (e->note);
  stored = kh_db_add_network_member (db, worker, m, error);
  if (stored == NULL)
    return FALSE;

  if (e->scope != 0)
    {
      g_autoptr(KhNetworkConsent) c = kh_network_consent_new ();
      g_autoptr(KhNetworkConsent) given = NULL;

      c->member_id = stored->id;
      c->scope = e->scope;
      days_ago (&c->given_on, today, e->given_ago);
      if (e->lasts > 0)
        days_ago (&c->expires_on, &c->given_on, -e->lasts);
      given = kh_db_record_network_consent (db, worker, client->id, c, error);
      if (given == NULL)
        return FALSE;
      if (e->withdrawn_ago > 0)
        {
          g_autoptr(KhNetworkConsent) withdrawn = NULL;
          GDate on;

          days_ago (&on, today, e->withdrawn_ago);
          withdrawn = kh_db_withdraw_network_consent (db, worker, client->id, given, &on, error);
          if (withdrawn == NULL)
            return FALSE;
        }
    }
  *out = g_steal_pointer (&stored);
  return TRUE;
}

/**
 * kh_admin_demo_add_networks:
 * @people: (element-type KhDemoDocumentFor): Finnish- and Swedish-speaking
 *   people of the demo
 * @max_people: at most how many get a network, half of them Finnish-
 *   and half Swedish-speaking
 * @n_members: (out): how many entries were added
 *
 * Adds a network to each of the first @max_people of @people, with a first
 * version of it; the store's day (the real today) dates the consents.
 * Nothing without a worker who may keep a network, or on a server.
 */
gboolean
kh_admin_demo_add_networks (KhDb       *db,
                            GPtrArray  *people,
                            guint       max_people,
                            guint      *n_members,
                            GError    **error)
{
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GPtrArray) services = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  KhUser *worker = NULL;
  GDate today;

  *n_members = 0;
  if (kh_db_is_server (db) || people->len == 0)
    return TRUE;
  users = kh_db_list_users (db, error);
  if (users == NULL)
    return FALSE;
  for (guint i = 0; i < users->len && worker == NULL; i++)
    {
      KhUser *user = g_ptr_array_index (users, i);

      if (user->active && kh_network_may_keep (user->role))
        worker = user;
    }
  if (worker == NULL)
    return TRUE;
  services = kh_db_list_services (db, FALSE, error);
  if (services == NULL)
    return FALSE;
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));

  for (guint p = 0, n_fi = 0, n_sv = 0; p < people->len; p++)
    {
      const KhClient *client = ((KhDemoDocumentFor *) g_ptr_array_index (people, p))->client;
      gboolean sv = client->language == KH_LANGUAGE_SV;
      const DemoEntry *entries = sv ? entries_sv : entries_fi;
      guint n = sv ? G_N_ELEMENTS (entries_sv) : G_N_ELEMENTS (entries_fi);
      g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(KhNetworkVersion) version = NULL;

      /* As many of each language. */
      if ((sv ? n_sv : n_fi) >= (max_people + 1) / 2)
        continue;
      if (sv)
        n_sv++;
      else
        n_fi++;
      for (guint i = 0; i < n; i++)
        {
          KhNetworkMember *m = NULL;

          /* Each person a little different: leave out one to three of the
           * people (never the first, whom the version's change is about;
           * never an agency, the client plan's partners). */
          if (i > 0 && entries[i].kind == KH_NETWORK_PERSON && (i + p) % (3 + p % 3) == 2)
            continue;
          if (!add_entry (db, worker, client, &entries[i], services, &today, &m, error))
            return FALSE;
          g_ptr_array_add (added, m);
        }
      *n_members += added->len;

      /* The initial mapping, then the first entry's tie changed since. */
      version = kh_db_take_network_version (db, worker, client->id,
                                            sv ? "Inledande kartläggning" : "Alkukartoitus", error);
      if (version == NULL)
        return FALSE;
      {
        KhNetworkMember *first = g_ptr_array_index (added, 0);
        g_autoptr(KhNetworkMember) saved = NULL;

        first->tie = first->tie == KH_TIE_STRESSFUL ? KH_TIE_ORDINARY : KH_TIE_STRESSFUL;
        saved = kh_db_save_network_member (db, worker, first, error);
        if (saved == NULL)
          return FALSE;
      }
      /* Issue 9, 3: their client plan, the first in each language reviewed. */
      if (!kh_admin_demo_add_plan (db, worker, g_ptr_array_index (people, p), added, services, version->id,
                                   (sv ? n_sv : n_fi) == 1, &today, error))
        return FALSE;
    }
  return TRUE;
}
