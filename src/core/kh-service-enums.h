/* kh-service-enums.h — the directory of services as the unit's stakeholder map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Finnish adult social-work units draw their stakeholders by the six life
 * areas of adult social work (the Uusimaa front-desk model), plus health and
 * safety. domain-law.md 7.3: the six areas are a local taxonomy, not a
 * national standard; here they are fixed codes with labels, stored in the
 * services table (CHECK in 0012-service-map.sql). Integer values are stored:
 * they are fixed and only ever appended.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The life area an entry serves, in the order the map shows them. */
typedef enum {
  KH_LIFE_AREA_WORK = 1,            /* työ ja toimintakyky / arbete och funktionsförmåga */
  KH_LIFE_AREA_SKILLS = 2,          /* osaaminen / kunnande */
  KH_LIFE_AREA_FINANCES = 3,        /* talous / ekonomi */
  KH_LIFE_AREA_EVERYDAY_LIFE = 4,   /* arjen sujuminen / vardagen */
  KH_LIFE_AREA_PARTICIPATION = 5,   /* osallisuus / delaktighet */
  KH_LIFE_AREA_HOUSING = 6,         /* asuminen / boende */
  KH_LIFE_AREA_HEALTH_SAFETY = 7,   /* terveys ja turvallisuus / hälsa och trygghet */
  KH_LIFE_AREA_OTHER = 8,           /* not yet placed: entries from before the map */
} KhLifeArea;
#define KH_LIFE_AREA_FIRST KH_LIFE_AREA_WORK
#define KH_LIFE_AREA_LAST KH_LIFE_AREA_OTHER

/* Who runs the service. */
typedef enum {
  KH_SERVICE_KIND_AUTHORITY = 1,    /* a state authority (Kela, the police, …) */
  KH_SERVICE_KIND_COUNTY = 2,       /* wellbeing services county (hyvinvointialue / välfärdsområde) */
  KH_SERVICE_KIND_MUNICIPALITY = 3,
  KH_SERVICE_KIND_PARISH = 4,
  KH_SERVICE_KIND_NGO = 5,          /* järjestö / organisation */
  KH_SERVICE_KIND_COMPANY = 6,
  KH_SERVICE_KIND_OTHER = 7,        /* not known: entries from before the map */
} KhServiceKind;
#define KH_SERVICE_KIND_FIRST KH_SERVICE_KIND_AUTHORITY
#define KH_SERVICE_KIND_LAST KH_SERVICE_KIND_OTHER

/* The languages the service serves in, as flags; others are named in text. */
typedef enum {
  KH_SERVICE_LANGUAGE_FI = 1 << 0,
  KH_SERVICE_LANGUAGE_SV = 1 << 1,
  KH_SERVICE_LANGUAGE_EN = 1 << 2,
} KhServiceLanguages;
#define KH_SERVICE_LANGUAGES_ALL 7

/* What reception must be able to find without matching a name. */
typedef enum {
  KH_SERVICE_FLAG_SOCIAL_EMERGENCY = 1 << 0,  /* sosiaalipäivystys / socialjour (SHL 29 §) */
  KH_SERVICE_FLAG_AROUND_THE_CLOCK = 1 << 1,  /* answers day and night */
} KhServiceFlags;
#define KH_SERVICE_FLAGS_ALL 3

const char    *kh_life_area_key           (KhLifeArea value);
const char    *kh_life_area_label         (KhLifeArea value);
KhLifeArea     kh_life_area_from_key      (const char *key);   /* 0 if unknown */

const char    *kh_service_kind_key        (KhServiceKind value);
const char    *kh_service_kind_label      (KhServiceKind value);
KhServiceKind  kh_service_kind_from_key   (const char *key);   /* 0 if unknown */

/* "fi", "sv", "en"; labels "Finnish", … */
const char    *kh_service_language_key    (KhServiceLanguages language);
const char    *kh_service_language_label  (KhServiceLanguages language);
/* Parses "fi,sv" (commas or spaces); FALSE for an unknown word or none. */
gboolean       kh_service_languages_parse (const char *text,
                                           guint      *out_languages);
/* The languages in running text of the UI language: "Finnish, Swedish". */
char          *kh_service_languages_describe (guint languages);
/* "fi, sv"; "" for none. */
char          *kh_service_languages_format (guint languages);

/* "social-emergency", "around-the-clock" */
const char    *kh_service_flag_key        (KhServiceFlags flag);
const char    *kh_service_flag_label      (KhServiceFlags flag);
KhServiceFlags kh_service_flag_from_key   (const char *key);   /* 0 if unknown */

G_END_DECLS
