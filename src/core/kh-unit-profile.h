/* kh-unit-profile.h — what the unit's letters and decisions say about the unit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The letterhead, the authority that handles rectification requests
 * (oikaisuvaatimusviranomainen / omprövningsmyndighet), the logo and the
 * decision makers (issue 8 item 1; domain-law.md 2.4–2.6). A bilingual
 * wellbeing services county has every worded field in Finnish and in
 * Swedish, and a client's letter is printed in the client's language only
 * (kielilaki 19 §), so each language has its own letterhead and its own
 * authority: a Swedish-language handling body may be another section.
 *
 * Stored in the settings table, one key per field and language (the keys
 * below), which the administrator and the lead social worker change in
 * Preferences → Documents; every value is checked by
 * kh_unit_profile_clean_setting() in the store, and on PostgreSQL by the
 * server as well. An empty value or no row is an unset field.
 *
 *   document_<field>_<fi|sv>   one line of text, <field> = kh_unit_profile_field_key()
 *   document_decision_makers   one decision maker a line, seven fields split by tabs:
 *                              id, name, title in Finnish, title in Swedish,
 *                              phone, e-mail, active ("1" or "0")
 *   document_logo_png          a PNG image as base64 (kh_unit_profile_check_logo)
 */
#pragma once

#include <glib.h>

#include "kh-enums.h"

G_BEGIN_DECLS

#define KH_SETTING_DOCUMENT_PREFIX "document_"
#define KH_SETTING_DOCUMENT_DECISION_MAKERS "document_decision_makers"
#define KH_SETTING_DOCUMENT_LOGO "document_logo_png"

/* The logo's limits: a letterhead's logo is a few centimetres wide. */
#define KH_UNIT_PROFILE_LOGO_MAX_BYTES (512 * 1024)
#define KH_UNIT_PROFILE_LOGO_MAX_PIXELS 3000
#define KH_UNIT_PROFILE_LOGO_MIN_PIXELS 16
#define KH_UNIT_PROFILE_DECISION_MAKERS_MAX 200
#define KH_DECISION_MAKER_NAME_MAX 120
#define KH_DECISION_MAKER_TITLE_MAX 120

/* The worded fields; each has a value per language. Keep the table in
 * kh-unit-profile.c and data/sql/pg/NNNN-document-settings.sql in sync. */
typedef enum {
  KH_UNIT_PROFILE_ORGANISATION = 0,      /* Hyvinvointialue Esimerkki */
  KH_UNIT_PROFILE_UNIT,                  /* Aikuissosiaalityö (optional) */
  KH_UNIT_PROFILE_POSTAL_ADDRESS,        /* PL 100 */
  KH_UNIT_PROFILE_POSTAL_CODE_TOWN,      /* 00101 Esimerkki */
  KH_UNIT_PROFILE_PHONE,                 /* the unit's switchboard or advice line */
  KH_UNIT_PROFILE_EMAIL,                 /* optional */
  KH_UNIT_PROFILE_WEB,                   /* optional */
  KH_UNIT_PROFILE_AUTHORITY_NAME,        /* Yksilöasioiden jaosto */
  KH_UNIT_PROFILE_AUTHORITY_POSTAL_ADDRESS,
  KH_UNIT_PROFILE_AUTHORITY_POSTAL_CODE_TOWN,
  KH_UNIT_PROFILE_AUTHORITY_VISITING_ADDRESS,
  KH_UNIT_PROFILE_AUTHORITY_EMAIL,
  KH_UNIT_PROFILE_AUTHORITY_OPENING_HOURS,
  KH_UNIT_PROFILE_N_FIELDS
} KhUnitProfileField;

#define KH_UNIT_PROFILE_FIRST_AUTHORITY_FIELD KH_UNIT_PROFILE_AUTHORITY_NAME

/* What a document needs of the profile. */
typedef enum {
  KH_UNIT_PROFILE_FOR_LETTER = 0,    /* the letterhead */
  KH_UNIT_PROFILE_FOR_DECISION,      /* and the rectification authority and a decision maker */
} KhUnitProfilePurpose;

/* A decision maker (päätöksentekijä / beslutsfattare) of the unit. The id
 * is given when one is added and never reused in the list. */
typedef struct {
  guint     id;
  char     *name;
  char     *title_fi;      /* sosiaalityöntekijä */
  char     *title_sv;      /* socialarbetare */
  char     *phone;
  char     *email;
  gboolean  active;        /* an inactive one is kept for the record, not offered */
} KhDecisionMaker;

KhDecisionMaker *kh_decision_maker_new       (void);
KhDecisionMaker *kh_decision_maker_copy      (const KhDecisionMaker *self);
void             kh_decision_maker_free      (KhDecisionMaker       *self);
/* The title in @language (FI or SV); NULL when it is not written in that
 * language — never the other language's. */
const char      *kh_decision_maker_get_title (const KhDecisionMaker *self,
                                              KhLanguage             language);
/* A translated message that begins with the field's label, or NULL. */
char            *kh_decision_maker_check     (const KhDecisionMaker *self);

typedef struct {
  /* text[language][field]: language 0 = Finnish, 1 = Swedish; NULL = unset.
   * Clean (kh_text_clean) single lines. Use the getters below. */
  char      *text[2][KH_UNIT_PROFILE_N_FIELDS];
  GBytes    *logo;              /* PNG, or NULL */
  GPtrArray *decision_makers;   /* of KhDecisionMaker, in the unit's order */
} KhUnitProfile;

/* The letterhead in one language, borrowed from the profile. */
typedef struct {
  const char *organisation;
  const char *unit;
  const char *postal_address;
  const char *postal_code_town;
  const char *phone;
  const char *email;
  const char *web;
} KhLetterhead;

/* The rectification authority in one language, borrowed from the profile. */
typedef struct {
  const char *name;
  const char *postal_address;
  const char *postal_code_town;
  const char *visiting_address;
  const char *email;
  const char *opening_hours;
} KhRectificationAuthority;

KhUnitProfile *kh_unit_profile_new  (void);
KhUnitProfile *kh_unit_profile_copy (const KhUnitProfile *self);
void           kh_unit_profile_free (KhUnitProfile       *self);

/* ---- the fields ---- */

/* "organisation", "authority_postal_address", …: the middle of the key. */
const char    *kh_unit_profile_field_key   (KhUnitProfileField field);
/* The translated label, in the UI's language ("Postal code and town"). */
const char    *kh_unit_profile_field_label (KhUnitProfileField field);
guint          kh_unit_profile_field_max   (KhUnitProfileField field);
/* Whether the field holds words (a name, an address, hours) rather than a
 * number or an address that reads the same in both languages (phone,
 * e-mail, web). See kh_unit_profile_get(). */
gboolean       kh_unit_profile_field_is_worded (KhUnitProfileField field);
/* "document_organisation_fi"; @language FI or SV. */
char          *kh_unit_profile_setting_key (KhUnitProfileField field,
                                            KhLanguage         language);
/* Every key of the profile, NULL-terminated, in a fixed order. */
const char * const *kh_unit_profile_setting_keys (void);

/* The value as it will be stored (cleaned; "" for an empty field), or NULL
 * with a translated message in @out_message that begins with the field's
 * label. @text may be NULL. */
char          *kh_unit_profile_clean_field (KhUnitProfileField   field,
                                            const char          *text,
                                            char               **out_message);

/* ---- reading ---- */

/* The value of @field in @language, with this fallback rule: a worded
 * field is only ever given in its own language (NULL when it is unset
 * there: a Swedish-speaking client never gets Finnish words); phone,
 * e-mail and web, which read the same in both languages, come from the
 * other language when unset in this one. */
const char    *kh_unit_profile_get            (const KhUnitProfile *self,
                                               KhUnitProfileField   field,
                                               KhLanguage           language);
void           kh_unit_profile_get_letterhead (const KhUnitProfile *self,
                                               KhLanguage           language,
                                               KhLetterhead        *out);
void           kh_unit_profile_get_authority  (const KhUnitProfile *self,
                                               KhLanguage           language,
                                               KhRectificationAuthority *out);
/* The active decision makers that have a title in @language, borrowed. */
GPtrArray     *kh_unit_profile_list_decision_makers (const KhUnitProfile *self,
                                                     KhLanguage           language);
const KhDecisionMaker *kh_unit_profile_find_decision_maker (const KhUnitProfile *self,
                                                            guint                id);

/* What is missing for a document of @purpose in @language: a translated
 * message (in the UI's language, naming the document language) for each
 * missing required field, in the order of the fields; an empty array when
 * the document can be made. Letter: organisation, postal address, postal
 * code and town, phone. Decision: also the authority's name, postal
 * address, postal code and town, visiting address, e-mail and opening
 * hours (domain-law.md 2.5), and an active decision maker with a title in
 * the language. */
GPtrArray     *kh_unit_profile_check (const KhUnitProfile  *self,
                                      KhLanguage            language,
                                      KhUnitProfilePurpose  purpose);

/* ---- the settings ---- */

/* One setting as the store gets it (@key begins with
 * KH_SETTING_DOCUMENT_PREFIX): the value to store — cleaned, "" to unset —
 * or NULL with a translated message in @out_message. An unknown document_
 * key is refused. */
char          *kh_unit_profile_clean_setting (const char  *key,
                                              const char  *value,
                                              char       **out_message);

/* From a table of setting key → value (other keys are ignored); a value
 * that does not pass kh_unit_profile_clean_setting() is left unset. */
KhUnitProfile *kh_unit_profile_from_settings (GHashTable          *settings);
/* Every key of the profile → its value ("" when unset). */
GHashTable    *kh_unit_profile_to_settings   (const KhUnitProfile *self);

/* The list as the setting holds it; "" for none. */
char          *kh_decision_makers_to_setting (GPtrArray           *decision_makers);
/* NULL with a translated message for a malformed list. "" or NULL is an
 * empty list. */
GPtrArray     *kh_decision_makers_parse      (const char          *value,
                                              char               **out_message);
/* The id for a new decision maker: one more than the greatest so far. */
guint          kh_decision_makers_next_id    (GPtrArray           *decision_makers);

/* A PNG of sane size: the signature, a first IHDR chunk with width and
 * height within the limits above, at least one IDAT, an IEND at the end
 * and every chunk's CRC right. FALSE with a translated message otherwise. */
gboolean       kh_unit_profile_check_logo    (GBytes              *png,
                                              char               **out_message);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KhUnitProfile, kh_unit_profile_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KhDecisionMaker, kh_decision_maker_free)

G_END_DECLS
