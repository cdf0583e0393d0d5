/* kh-service-check.h — the rules of a directory entry, decided once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Preferences window, kohtaamo-admin and the store all check an entry
 * with these functions; the store's constraints (0012-service-map.sql) are
 * the last line.
 */
#pragma once

#include "kh-records.h"

G_BEGIN_DECLS

/* Longest values, in characters (the store's CHECKs say the same). */
#define KH_SERVICE_NAME_MAX 200
#define KH_SERVICE_OTHER_LANGUAGES_MAX 200
#define KH_SERVICE_PHONE_MAX 40
#define KH_SERVICE_EMAIL_MAX 254
#define KH_SERVICE_ADDRESS_MAX 300
#define KH_SERVICE_URL_MAX 500
#define KH_SERVICE_NOTES_MAX 1000

/* The field a message belongs to. */
typedef enum {
  KH_SERVICE_FIELD_NONE = 0,
  KH_SERVICE_FIELD_NAME_FI,
  KH_SERVICE_FIELD_NAME_SV,
  KH_SERVICE_FIELD_AREA,
  KH_SERVICE_FIELD_KIND,
  KH_SERVICE_FIELD_LANGUAGES,
  KH_SERVICE_FIELD_OTHER_LANGUAGES,
  KH_SERVICE_FIELD_PHONE,
  KH_SERVICE_FIELD_EMAIL,
  KH_SERVICE_FIELD_ADDRESS,
  KH_SERVICE_FIELD_URL,
  KH_SERVICE_FIELD_NOTES,
  KH_SERVICE_FIELD_FLAGS,
} KhServiceField;

/* Strips and collapses white space in every text field; empty becomes NULL. */
void        kh_service_clean                 (KhService  *service);

/* Checks a cleaned entry against the rules and against @directory (every
 * entry, active or not; may be NULL): no other entry with the same name in
 * either language, and at most one active social emergency service.
 * Returns: (transfer full) (nullable): NULL when it is fine, else a
 * translated message that begins with the field's name, the field in
 * @out_field. */
char       *kh_service_check                 (KhService       *service,
                                              GPtrArray       *directory,
                                              KhServiceField  *out_field);

/* The active entry flagged as the social emergency service (SHL 29 §),
 * never found by its name; NULL when the unit has none. */
KhService  *kh_service_find_social_emergency (GPtrArray       *services);

/* Short service numbers are fine ("116 117", 112): digits, spaces, + - ( ),
 * at least three digits. */
gboolean    kh_service_phone_is_valid        (const char      *text);
/* A whole web address reception can open: http or https with a host. */
gboolean    kh_service_url_is_valid          (const char      *text);
/* name@domain.tld, no spaces. */
gboolean    kh_service_email_is_valid        (const char      *text);

G_END_DECLS
