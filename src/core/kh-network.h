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

#include <gio/gio.h>

#include "kh-enums.h"
#include "kh-service-enums.h"

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

/* ---- the rest of an entry: who a person is, consents, the record ---- */

/* Who a person is to the client (people only; an agency has none). Its
 * own words go in relation_text ("äiti", "entinen työkaveri"). Fixed
 * codes, only ever appended. */
typedef enum {
  KH_RELATION_NONE = 0,
  KH_RELATION_PARTNER = 1,         /* spouse or partner */
  KH_RELATION_PARENT = 2,
  KH_RELATION_CHILD = 3,
  KH_RELATION_SIBLING = 4,
  KH_RELATION_RELATIVE = 5,        /* another relative */
  KH_RELATION_FRIEND = 6,
  KH_RELATION_NEIGHBOUR = 7,
  KH_RELATION_SUPPORT_PERSON = 8,  /* tukihenkilö / stödperson */
  KH_RELATION_OTHER = 9,           /* another close person */
} KhNetworkRelation;
#define KH_RELATION_LAST KH_RELATION_OTHER

/* What the client consented to (41 §, ATL): flags, any combination but
 * none. */
typedef enum {
  KH_CONSENT_CONTACT = 1 << 0,     /* the worker may contact it about the client */
  KH_CONSENT_SHARE_INFO = 1 << 1,  /* information about the client may be given to it */
  KH_CONSENT_SHARE_PLAN = 1 << 2,  /* the client plan may be given to it */
} KhConsentScope;
#define KH_CONSENT_SCOPE_ALL 0x7

/* Where a consent stands on a given day (kh_network_consent_state). */
typedef enum {
  KH_CONSENT_NONE = 0,             /* no consent, or not yet in force */
  KH_CONSENT_VALID = 1,
  KH_CONSENT_EXPIRED = 2,
  KH_CONSENT_WITHDRAWN = 3,
} KhConsentState;

/* The code lists above, for their keys and labels. */
typedef enum {
  KH_NETWORK_CODE_KIND = 1,        /* KhNetworkKind */
  KH_NETWORK_CODE_SECTOR,          /* KhSector */
  KH_NETWORK_CODE_DISTANCE,        /* KhDistance */
  KH_NETWORK_CODE_TIE,             /* KhTieQuality */
  KH_NETWORK_CODE_DIRECTION,       /* KhSupportDirection */
  KH_NETWORK_CODE_SUPPORT,         /* one KhSupportKinds flag */
  KH_NETWORK_CODE_RELATION,        /* KhNetworkRelation (none: "none") */
  KH_NETWORK_CODE_CONSENT_SCOPE,   /* one KhConsentScope flag */
  KH_NETWORK_CODE_CONSENT_STATE,   /* KhConsentState */
} KhNetworkCode;

/* The stable ASCII key of `value` in the list `code` ("family",
 * "stressful", "share-plan" …), NULL for what is not one of its values. */
const char *kh_network_code_key      (KhNetworkCode  code,
                                      int            value);
/* The value of a key, -1 for an unknown key or NULL. */
int         kh_network_code_from_key (KhNetworkCode  code,
                                      const char    *key);
/* The label in the UI language, and in a given language ("fi", "sv";
 * anything else: English) for the documents that go to the client and
 * the agencies. NULL for what is not a value. */
const char *kh_network_code_label    (KhNetworkCode  code,
                                      int            value);
const char *kh_network_code_label_in (KhNetworkCode  code,
                                      int            value,
                                      const char    *language);
/* The sector an agency of the unit's directory is drawn in: an
 * organisation's or a parish's own, else the sector of the life area it
 * serves (the directory's stakeholder map, kh-service-enums.h), OTHER for
 * one not yet placed. A preset the worker may change. */
KhSector    kh_network_sector_for_service (KhLifeArea     area,
                                           KhServiceKind  kind);
/* "Emotional support, practical help" — the labels of the flags set in
 * `flags` (KH_NETWORK_CODE_SUPPORT or _CONSENT_SCOPE) in the order of the
 * bits, joined by ", "; "" for none. */
char       *kh_network_flags_label_in (KhNetworkCode  code,
                                       guint          flags,
                                       const char    *language);

/* Bounds of the texts, in characters. Keep in sync with the CHECKs of
 * data/sql/0034-network.sql and data/sql/pg/0030-network.sql. */
#define KH_NETWORK_NAME_MAX 200
#define KH_NETWORK_RELATION_TEXT_MAX 100
#define KH_NETWORK_CONTACT_MAX 300
#define KH_NETWORK_NOTE_MAX 500
#define KH_NETWORK_CONSENT_NOTE_MAX 300
#define KH_NETWORK_VERSION_LABEL_MAX 200

/* A consent the client gave for one entry of the network: its scope, the
 * day it was given, the last day it is in force (optional) and, once it
 * is withdrawn, the day of that. A consent is never changed: a
 * withdrawal is recorded beside it (both engines keep both), a new
 * consent is a new record. */
#define KH_TYPE_NETWORK_CONSENT (kh_network_consent_get_type ())
G_DECLARE_FINAL_TYPE (KhNetworkConsent, kh_network_consent, KH, NETWORK_CONSENT, GObject)

struct _KhNetworkConsent
{
  GObject         parent_instance;

  gint64          id;              /* 0 before it is recorded */
  gint64          member_id;
  KhConsentScope  scope;
  GDate           given_on;        /* the day the client gave it */
  GDate           expires_on;      /* the last day in force; cleared (invalid): no end */
  char           *note;            /* how it was given ("kirjallinen", "puhelimessa"); NULL: none */
  GDate           withdrawn_on;    /* cleared: not withdrawn */
  /* The store's: who recorded it and when, and the withdrawal. */
  gint64          recorded_by;
  char           *recorded_by_name;
  GDateTime      *recorded_at;
  gint64          withdrawn_by;
  char           *withdrawn_by_name;
  GDateTime      *withdrawn_at;
};

KhNetworkConsent *kh_network_consent_new  (void);
KhNetworkConsent *kh_network_consent_copy (KhNetworkConsent *self);

/* Where `consent` stands on `today`. Decided here, once:
 * - before its given_on it is not in force yet: NONE;
 * - from the day of its withdrawal on: WITHDRAWN (withdrawn the day it
 *   was given, it is withdrawn on that day already);
 * - its expiry day is the last day it is in force: VALID on that day,
 *   EXPIRED from the next;
 * - else VALID. A consent without a valid given_on is NONE. */
KhConsentState    kh_network_consent_state (const KhNetworkConsent *consent,
                                            const GDate            *today);
/* Whether the consents of one entry (`consents`, of KhNetworkConsent, may
 * be NULL) allow everything in `scope` on `today`: one consent VALID then
 * and covering every flag of `scope` (two consents of one flag each do
 * not make a consent to both). FALSE for an empty scope. */
gboolean          kh_network_may_share     (GPtrArray              *consents,
                                            KhConsentScope          scope,
                                            const GDate            *today);
/* What the entry's valid consents allow on `today`, together (for the
 * list's column), and where the consent for `scope` stands: VALID when
 * kh_network_may_share, else the state of the newest consent given by
 * `today` (by given_on, then id) covering `scope` (EXPIRED, WITHDRAWN),
 * else NONE. */
KhConsentScope    kh_network_consented     (GPtrArray              *consents,
                                            const GDate            *today);
KhConsentState    kh_network_consent_standing (GPtrArray           *consents,
                                               KhConsentScope       scope,
                                               const GDate         *today);

/* The checks of a consent to record on `today` (the tables restate them):
 * a scope of 1–7; a given_on from 2000 on and not after today; an expiry,
 * when given, not before given_on; a note of at most
 * KH_NETWORK_CONSENT_NOTE_MAX characters of plain text (`out_note`, may be
 * NULL: it trimmed, NULL when empty). G_IO_ERROR_INVALID_DATA with a
 * translated message. */
gboolean          kh_network_consent_check (const KhNetworkConsent *consent,
                                            const GDate            *today,
                                            char                  **out_note,
                                            GError                **error);
/* The checks of withdrawing `consent` on the day `withdrawn_on`: not
 * withdrawn already, not before it was given, not after `today`. */
gboolean          kh_network_withdrawal_check (const KhNetworkConsent *consent,
                                               const GDate            *withdrawn_on,
                                               const GDate            *today,
                                               GError                **error);

/* A day as the tables keep it ("2026-12-07"), and back: FALSE (out
 * cleared) for anything but a real day in that form. */
char             *kh_network_format_day    (const GDate            *day);
gboolean          kh_network_parse_day     (const char             *text,
                                            GDate                  *out);

/* One entry of the client's network as it stands (or stood, in a
 * version): kind, who, where on the map, the tie and the support. */
#define KH_TYPE_NETWORK_MEMBER (kh_network_member_get_type ())
G_DECLARE_FINAL_TYPE (KhNetworkMember, kh_network_member, KH, NETWORK_MEMBER, GObject)

struct _KhNetworkMember
{
  GObject             parent_instance;

  gint64              id;            /* 0 before it is added */
  gint64              client_id;
  KhNetworkKind       kind;          /* fixed when added */
  int                 revision;      /* 1, 2, 3 … as saved; 0 before it is added */

  char               *name;          /* the person's or the agency's name; an agency
                                      * from the directory may leave it NULL */
  KhNetworkRelation   relation;      /* people only */
  char               *relation_text; /* people only; NULL: none */
  char               *contact;       /* phone, e-mail or address as written; NULL: none */
  gint64              service_id;    /* agencies: the unit's directory (services); 0: none */
  char               *contact_person;/* agencies: the named professional; NULL: none */
  KhSector            sector;
  KhDistance          distance;
  KhTieQuality        tie;
  KhSupportDirection  direction;
  KhSupportKinds      support;
  char               *note;          /* NULL: none */
  gboolean            removed;       /* removed from the network (kept, marked) */

  /* The store's: the directory's name of service_id in the UI language,
   * who saved this revision and when, and the entry's consents (of
   * KhNetworkConsent, oldest first; NULL when not read). */
  char               *service_name;
  gint64              saved_by;
  char               *saved_by_name;
  GDateTime          *saved_at;
  GPtrArray          *consents;
};

KhNetworkMember  *kh_network_member_new    (KhNetworkKind     kind);
/* A deep copy, consents included. */
KhNetworkMember  *kh_network_member_copy   (KhNetworkMember  *self);
/* The name to show: name, else the directory's service name, else "". */
const char       *kh_network_member_display_name (KhNetworkMember *self);

/* The fields of an entry, for the problems below. */
typedef enum {
  KH_NETWORK_FIELD_KIND = 1,
  KH_NETWORK_FIELD_NAME,
  KH_NETWORK_FIELD_RELATION,
  KH_NETWORK_FIELD_RELATION_TEXT,
  KH_NETWORK_FIELD_CONTACT,
  KH_NETWORK_FIELD_SERVICE,
  KH_NETWORK_FIELD_CONTACT_PERSON,
  KH_NETWORK_FIELD_SECTOR,
  KH_NETWORK_FIELD_DISTANCE,
  KH_NETWORK_FIELD_TIE,
  KH_NETWORK_FIELD_DIRECTION,
  KH_NETWORK_FIELD_SUPPORT,
  KH_NETWORK_FIELD_NOTE,
} KhNetworkField;

typedef struct
{
  KhNetworkField  field;
  char           *message;           /* translated, for the field */
} KhNetworkProblem;

/* Every problem of `member`, in the order of the fields (an empty array:
 * it may be saved). The rules (the tables restate them):
 * - kind a person or an agency; sector, distance, tie, direction within
 *   their lists; support kinds within KH_SUPPORT_KINDS_ALL;
 * - a person has a name; an agency a name or a service of the directory;
 * - relation and its words only for a person, a directory service and a
 *   contact person only for an agency;
 * - texts within their bounds (name KH_NETWORK_NAME_MAX …), one line
 *   each but the note, no invisible characters.
 * Texts are judged as they will be stored: trimmed, empty as none. */
GArray           *kh_network_member_problems (KhNetworkMember *member);
/* For the store: the member's texts trimmed in place (empty: NULL), and
 * the first problem as G_IO_ERROR_INVALID_DATA; TRUE when there is none. */
gboolean          kh_network_member_clean    (KhNetworkMember *member,
                                              GError         **error);

/* Who keeps a client's network, and reads it: social counsellors, social
 * workers and the lead social worker; never reception or the
 * administrator role. Keep in sync with both engines' tables. */
gboolean          kh_network_may_keep        (KhRole           role);

/* A dated version of the network (a client plan's review takes one):
 * its label, when and by whom, and the entries as they stood then. Never
 * changed once taken. */
typedef struct
{
  gint64      id;
  gint64      client_id;
  char       *label;
  GDateTime  *taken_at;
  gint64      taken_by;
  char       *taken_by_name;
  int         n_members;
} KhNetworkVersion;

KhNetworkVersion *kh_network_version_copy   (const KhNetworkVersion *version);
void              kh_network_version_free   (KhNetworkVersion       *version);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KhNetworkVersion, kh_network_version_free)
/* A label of 1–KH_NETWORK_VERSION_LABEL_MAX characters on one line;
 * `out_label` gets it trimmed. */
gboolean          kh_network_version_check_label (const char  *label,
                                                  char       **out_label,
                                                  GError     **error);

/* ---- comparing two versions ---- */

/* What became of an entry between two versions of the network. */
typedef enum {
  KH_NETWORK_SAME = 0,
  KH_NETWORK_ADDED = 1,            /* in the later version only */
  KH_NETWORK_REMOVED = 2,          /* in the earlier only, or removed in the later */
  KH_NETWORK_CHANGED = 3,          /* in both, with a field changed */
} KhNetworkChangeKind;

typedef struct
{
  KhNetworkChangeKind  kind;
  KhNetworkMember     *before;     /* (nullable): as it stood in the earlier version */
  KhNetworkMember     *after;      /* (nullable): in the later one */
  guint                fields;     /* 1 << KhNetworkField of each field that differs */
} KhNetworkChange;

void              kh_network_change_free    (KhNetworkChange *change);

/* The entries of two versions side by side (`before` and `after`, of
 * KhNetworkMember, as kh_db_read_network_version or kh_db_list_network
 * give them), matched by entry: those of `after` in its order (SAME,
 * CHANGED, ADDED; one marked removed there is REMOVED), then those only
 * in `before`, in its order (REMOVED). Consents are not compared: they
 * have dates of their own (kh_network_consent_state). A new array of
 * KhNetworkChange holding references to the members. */
GPtrArray        *kh_network_compare        (GPtrArray       *before,
                                             GPtrArray       *after);

G_END_DECLS
