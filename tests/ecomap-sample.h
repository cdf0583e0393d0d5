/* ecomap-sample.h — a client's network for the ecomap's tests and benchmark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fictional people and agencies. Header-only: each program takes what it
 * needs.
 */
#pragma once

#include "core/kh-ecomap-layout.h"

/* A network as a worker would draw it with the client: every tie quality
 * and direction, people and agencies in seven sectors, ä, ö, å and Sámi
 * letters in the names. */
static const KhEcomapEntry sample_network[] G_GNUC_UNUSED = {
  { 1, "Äiti Marjatta", KH_NETWORK_PERSON, KH_SECTOR_FAMILY, KH_DISTANCE_CLOSE, KH_TIE_STRONG, KH_SUPPORT_BOTH },
  { 2, "Veli Eero", KH_NETWORK_PERSON, KH_SECTOR_FAMILY, KH_DISTANCE_FAR, KH_TIE_BROKEN, KH_SUPPORT_NONE },
  { 3, "Ystävä Åsa Öhman", KH_NETWORK_PERSON, KH_SECTOR_FRIENDS, KH_DISTANCE_CLOSE, KH_TIE_ORDINARY, KH_SUPPORT_TO_CLIENT },
  { 4, "Serkku Áŋgá Šiellá", KH_NETWORK_PERSON, KH_SECTOR_FAMILY, KH_DISTANCE_MIDDLE, KH_TIE_WEAK, KH_SUPPORT_FROM_CLIENT },
  { 5, "Aikuissosiaalityö, Laura Koski", KH_NETWORK_AGENCY, KH_SECTOR_SOCIAL_SERVICES, KH_DISTANCE_MIDDLE,
    KH_TIE_ORDINARY, KH_SUPPORT_TO_CLIENT },
  { 6, "Terveysasema", KH_NETWORK_AGENCY, KH_SECTOR_HEALTH, KH_DISTANCE_MIDDLE, KH_TIE_WEAK, KH_SUPPORT_TO_CLIENT },
  { 7, "Vuokranantaja Oy", KH_NETWORK_AGENCY, KH_SECTOR_HOUSING, KH_DISTANCE_FAR, KH_TIE_STRESSFUL, KH_SUPPORT_NONE },
  { 8, "Kela", KH_NETWORK_AGENCY, KH_SECTOR_BENEFITS, KH_DISTANCE_FAR, KH_TIE_ORDINARY, KH_SUPPORT_TO_CLIENT },
  { 9, "Diakoni Pirjo", KH_NETWORK_PERSON, KH_SECTOR_ORGANISATIONS, KH_DISTANCE_MIDDLE, KH_TIE_STRONG, KH_SUPPORT_BOTH },
};
#define SAMPLE_CLIENT "Aino Lehto"

/* Names to fill crowded maps with. */
static const char *const sample_names[] G_GNUC_UNUSED = {
  "Äiti Marjatta", "Isä", "Sisko Helmi", "Veli Eero", "Mummo", "Ystävä Sanna", "Naapuri Pekka",
  "Tukihenkilö Åsa", "Aikuissosiaalityö, Laura Koski", "Terveysasema", "Psykiatrian poliklinikka",
  "Työllisyyspalvelut, Jussi", "Kela", "Vuokranantaja Oy", "Seurakunnan diakoni", "Ánne Áŋgel",
  "Kuntouttava työtoiminta", "Velkaneuvonta", "A-klinikka", "Kirjasto",
};

/* `n` entries spread over `n_sectors` sectors from the first, all three
 * rings, every tie and direction, in a fixed pattern. */
static inline void
sample_crowd (KhEcomapEntry *entries,
              guint          n,
              guint          n_sectors)
{
  for (guint i = 0; i < n; i++)
    entries[i] = (KhEcomapEntry) { 100 + i, sample_names[(i * 7) % G_N_ELEMENTS (sample_names)],
                                   i % 3 ? KH_NETWORK_PERSON : KH_NETWORK_AGENCY, KH_SECTOR_FIRST + i % n_sectors,
                                   KH_DISTANCE_FIRST + (i / 2) % 3, KH_TIE_FIRST + i % 5, i % 4 };
}

/* The network of the network page's pictures (tests/ui/test-network-window.c):
 * every third entry a service, in the six service sectors by turns; the
 * people in the family, every fourth among the friends; the rings, ties
 * and directions by turns. With 40 entries, some 20 relatives, 7 friends
 * and 13 services two or three to a sector: the crowded map a worker
 * draws with a client who has many services. */
static const char *const sample_first_names[] G_GNUC_UNUSED = {
  "Maija", "Eetu", "Jari", "Liisa", "Pekka", "Anna-Kaisa", "Tuomas", "Helmi", "Oskari", "Sanna",
  "Ville", "Kaarina", "Jussi", "Elina", "Matti", "Hilkka", "Aleksi", "Riikka", "Onni", "Tarja",
};
static const char *const sample_last_names[] G_GNUC_UNUSED = {
  "Lehtonen", "Virtanen", "Korhonen", "Nieminen", "Mäkelä", "Hämäläinen", "Laine", "Heikkinen",
};
static const char *const sample_agencies[] G_GNUC_UNUSED = {
  "Terveysasema", "Kela", "Työllisyyspalvelut", "Aikuissosiaalityö", "Vuokranantaja", "A-klinikka",
  "Velkaneuvonta", "Seurakunnan diakoniatyö", "Mielenterveystoimisto", "Työkokeilupaikka",
};

/* Entry `i` of that network; a person's name is written into `name`
 * (at least 64 bytes). */
static inline KhEcomapEntry
sample_mix_entry (guint i,
                  char *name)
{
  gboolean agency = i % 3 == 2;

  if (agency)
    g_strlcpy (name, sample_agencies[i % G_N_ELEMENTS (sample_agencies)], 64);
  else
    g_snprintf (name, 64, "%s %s", sample_first_names[i % G_N_ELEMENTS (sample_first_names)],
                sample_last_names[(i / 3) % G_N_ELEMENTS (sample_last_names)]);
  return (KhEcomapEntry) { 100 + i, name, agency ? KH_NETWORK_AGENCY : KH_NETWORK_PERSON,
                           agency ? KH_SECTOR_SOCIAL_SERVICES + (i / 3) % 6
                                  : i % 4 == 0 ? KH_SECTOR_FRIENDS : KH_SECTOR_FAMILY,
                           KH_DISTANCE_FIRST + i % 3, KH_TIE_FIRST + (i * 7) % 5, i % 4 };
}
