/* kh-network.h — the people and agencies around a client (issue 9, 1)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A client's network (verkosto / nätverk): the people around the client
 * (relatives, friends, neighbours, a support person) and the agencies and
 * professionals involved, each placed on the ecomap (verkostokartta /
 * nätverkskarta) by its sector, its distance from the client and the
 * quality and direction of the tie. The codes below are stored in the
 * database on both engines: they are fixed and only ever appended.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A person of the client's own circle, or an agency or professional. */
typedef enum {
  KH_NETWORK_PERSON = 1,
  KH_NETWORK_AGENCY = 2,
} KhNetworkKind;
#define KH_NETWORK_KIND_FIRST KH_NETWORK_PERSON
#define KH_NETWORK_KIND_LAST  KH_NETWORK_AGENCY

/* The sector of the map an entry is drawn in, clockwise from the top. */
typedef enum {
  KH_SECTOR_FAMILY = 1,            /* perhe ja suku / familj och släkt */
  KH_SECTOR_FRIENDS = 2,           /* ystävät, naapurit ja muut läheiset / vänner, grannar och andra närstående */
  KH_SECTOR_SOCIAL_SERVICES = 3,   /* sosiaalipalvelut / socialtjänster */
  KH_SECTOR_HEALTH = 4,            /* terveydenhuolto / hälso- och sjukvård */
  KH_SECTOR_WORK_EDUCATION = 5,    /* työ, opiskelu ja työllisyyspalvelut / arbete, studier och sysselsättningstjänster */
  KH_SECTOR_BENEFITS = 6,          /* Kela ja talous / FPA och ekonomi */
  KH_SECTOR_HOUSING = 7,           /* asuminen / boende */
  KH_SECTOR_ORGANISATIONS = 8,     /* järjestöt, seurakunnat ja vapaa-aika / organisationer, församlingar och fritid */
  KH_SECTOR_OTHER = 9,
} KhSector;
#define KH_SECTOR_FIRST KH_SECTOR_FAMILY
#define KH_SECTOR_LAST  KH_SECTOR_OTHER

/* How close to the client: the ring it is drawn on, the innermost first. */
typedef enum {
  KH_DISTANCE_CLOSE = 1,
  KH_DISTANCE_MIDDLE = 2,
  KH_DISTANCE_FAR = 3,
} KhDistance;
#define KH_DISTANCE_FIRST KH_DISTANCE_CLOSE
#define KH_DISTANCE_LAST  KH_DISTANCE_FAR

/* The quality of the tie, as the line is drawn: thick solid, thin solid,
 * dashed, zigzag, crossed. */
typedef enum {
  KH_TIE_STRONG = 1,
  KH_TIE_ORDINARY = 2,
  KH_TIE_WEAK = 3,
  KH_TIE_STRESSFUL = 4,            /* stressful or in conflict */
  KH_TIE_BROKEN = 5,
} KhTieQuality;
#define KH_TIE_FIRST KH_TIE_STRONG
#define KH_TIE_LAST  KH_TIE_BROKEN

/* Which way support flows, as the arrows are drawn. */
typedef enum {
  KH_SUPPORT_NONE = 0,
  KH_SUPPORT_TO_CLIENT = 1,        /* the entry supports the client */
  KH_SUPPORT_FROM_CLIENT = 2,      /* the client supports the entry (a carer, say) */
  KH_SUPPORT_BOTH = 3,
} KhSupportDirection;
#define KH_SUPPORT_DIRECTION_LAST KH_SUPPORT_BOTH

/* The kinds of support given, as flags. */
typedef enum {
  KH_SUPPORT_EMOTIONAL = 1 << 0,
  KH_SUPPORT_PRACTICAL = 1 << 1,
  KH_SUPPORT_INFORMATION = 1 << 2,
  KH_SUPPORT_COMPANY = 1 << 3,
  KH_SUPPORT_LINKS = 1 << 4,       /* links to other people and services */
} KhSupportKinds;
#define KH_SUPPORT_KINDS_ALL 0x1f

G_END_DECLS
