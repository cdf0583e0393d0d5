/* kh-enums.h — the domain's enumerations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Integer values are stored in the database: they are fixed and only ever
 * appended. Every enumeration has a stable string key (for CSV, the command
 * line and logs) and a translated label (for the screen, in the UI language).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How the contact came in (yhteydenottotapa). */
typedef enum {
  KH_CHANNEL_WALK_IN = 1,          /* asiointi paikan päällä */
  KH_CHANNEL_PHONE = 2,
  KH_CHANNEL_LETTER = 3,           /* letter or paper form */
  KH_CHANNEL_E_MESSAGE = 4,        /* e-form or secure message */
  KH_CHANNEL_CHAT = 5,
  KH_CHANNEL_AUTHORITY = 6,        /* contact or notification from another authority (SHL 35 §) */
  KH_CHANNEL_KELA = 7,             /* Kela notification (eTotu) */
  KH_CHANNEL_EMERGENCY = 8,        /* social emergency service (sosiaalipäivystys) */
} KhChannel;
#define KH_CHANNEL_FIRST KH_CHANNEL_WALK_IN
#define KH_CHANNEL_LAST KH_CHANNEL_EMERGENCY

/* Who made the contact. */
typedef enum {
  KH_CONTACTOR_SELF = 1,
  KH_CONTACTOR_RELATIVE = 2,       /* relative or close person (omainen tai läheinen) */
  KH_CONTACTOR_AUTHORITY = 3,      /* an authority: which one is kept as text */
  KH_CONTACTOR_OTHER = 4,
  KH_CONTACTOR_ANONYMOUS = 5,
} KhContactor;
#define KH_CONTACTOR_FIRST KH_CONTACTOR_SELF
#define KH_CONTACTOR_LAST KH_CONTACTOR_ANONYMOUS

/* SHL 35 §: what kind of contact an authority made. NONE when not from an authority. */
typedef enum {
  KH_REFERRAL_NONE = 0,
  KH_REFERRAL_DIRECTED = 1,        /* the person was directed to apply (ohjattu hakeutumaan) */
  KH_REFERRAL_WITH_CONSENT = 2,    /* contact with the person's consent */
  KH_REFERRAL_WITHOUT_CONSENT = 3, /* notification without consent */
} KhReferral;
#define KH_REFERRAL_LAST KH_REFERRAL_WITHOUT_CONSENT

/* SHL 11 §: the ten support needs, as bit flags (several allowed). */
typedef enum {
  KH_NEED_DAILY_LIFE = 1 << 0,
  KH_NEED_HOUSING = 1 << 1,
  KH_NEED_FINANCIAL = 1 << 2,
  KH_NEED_INCLUSION = 1 << 3,
  KH_NEED_VIOLENCE = 1 << 4,
  KH_NEED_CRISIS = 1 << 5,
  KH_NEED_CHILD_DEVELOPMENT = 1 << 6,
  KH_NEED_SUBSTANCE_HEALTH = 1 << 7,
  KH_NEED_FUNCTIONAL_CAPACITY = 1 << 8,
  KH_NEED_CARERS = 1 << 9,
} KhNeed;
#define KH_N_NEEDS 10
#define KH_NEEDS_ALL ((1u << KH_N_NEEDS) - 1)

/* What came of the contact. */
typedef enum {
  KH_OUTCOME_ADVICE = 1,           /* advice or information, no case opened; may be anonymous */
  KH_OUTCOME_DIRECTED = 2,         /* directed to another service; may be anonymous */
  KH_OUTCOME_CASE_OPENED = 3,      /* asia vireille: a case in the queue or with a worker */
  KH_OUTCOME_URGENT = 4,           /* urgent help: referred to the social emergency service */
} KhOutcome;
#define KH_OUTCOME_FIRST KH_OUTCOME_ADVICE
#define KH_OUTCOME_LAST KH_OUTCOME_URGENT

/* Language of service. */
typedef enum {
  KH_LANGUAGE_FI = 1,
  KH_LANGUAGE_SV = 2,
  KH_LANGUAGE_OTHER = 3,
} KhLanguage;
#define KH_LANGUAGE_FIRST KH_LANGUAGE_FI
#define KH_LANGUAGE_LAST KH_LANGUAGE_OTHER

/* How a person is identified (ATL 38 §). */
typedef enum {
  KH_IDENTITY_CODE = 1,            /* a personal identity code (henkilötunnus) */
  KH_IDENTITY_BIRTH_DATE = 2,      /* no code: a birth date and a reason */
} KhIdentityKind;

/* Why a person has no identity code. NONE when they have one. */
typedef enum {
  KH_NO_CODE_NONE = 0,
  KH_NO_CODE_NOT_KNOWN = 1,        /* has one, not known yet */
  KH_NO_CODE_ASYLUM_SEEKER = 2,
  KH_NO_CODE_FOREIGN = 3,          /* foreign national without a Finnish code */
  KH_NO_CODE_OTHER = 4,
} KhNoCodeReason;
#define KH_NO_CODE_LAST KH_NO_CODE_OTHER

/* Roles, in rising order of access. */
typedef enum {
  KH_ROLE_RECEPTION = 1,
  KH_ROLE_COUNSELLOR = 2,          /* sosiaaliohjaaja */
  KH_ROLE_SOCIAL_WORKER = 3,
  KH_ROLE_LEAD = 4,                /* johtava sosiaalityöntekijä */
  KH_ROLE_ADMIN = 5,
} KhRole;
#define KH_ROLE_FIRST KH_ROLE_RECEPTION
#define KH_ROLE_LAST KH_ROLE_ADMIN

/* Status of a case. */
typedef enum {
  KH_CASE_QUEUED = 1,              /* waiting in the team's queue */
  KH_CASE_ASSIGNED = 2,            /* with a worker */
  KH_CASE_CLOSED = 3,
} KhCaseStatus;

/* SHL 36 §: the groups for whom the assessment must start by the 7th working day. Flags. */
typedef enum {
  KH_DEADLINE_GROUP_OVER_75 = 1 << 0,
  KH_DEADLINE_GROUP_HIGHEST_CARE_ALLOWANCE = 1 << 1,
  KH_DEADLINE_GROUP_DISABLED = 1 << 2,   /* Disability Services Act 675/2023 */
} KhDeadlineGroup;

/* What an access-log row says was read. */
typedef enum {
  KH_ACCESS_SEARCH = 1,            /* the person was shown in search results */
  KH_ACCESS_PAGE = 2,              /* the person's page was opened */
  KH_ACCESS_IDENTITY_CODE = 3,     /* the full identity code was shown */
  KH_ACCESS_CONTACTS = 4,          /* the person's contacts were listed */
  KH_ACCESS_EDIT = 5,              /* the person's details were opened for editing */
  KH_ACCESS_EXPORT = 6,            /* read by an administrator's command */
  KH_ACCESS_ACCESS_LOG = 7,        /* the person's rows of the access log were read */
  KH_ACCESS_WORK_LIST = 8,         /* shown in a work list: the day's contacts or the queue */
  KH_ACCESS_CASES = 9,             /* the person's cases were listed (their page, a second-case warning) */
  KH_ACCESS_PROTECTED_ADDRESS = 10,/* the address behind a non-disclosure marking was shown (ATL 38 §) */
} KhAccessWhat;

/* On what basis it was read. */
typedef enum {
  KH_BASIS_INTAKE = 1,             /* receiving a contact (asiakkuuden vireilletulo) */
  KH_BASIS_CLIENT_RELATIONSHIP = 2,/* an existing client relationship */
  KH_BASIS_ADMINISTRATION = 3,     /* administration, e.g. correcting data */
  KH_BASIS_SUPERVISION = 4,        /* log supervision by the lead social worker */
} KhAccessBasis;

/* Stable keys ("walk-in", "phone", …) and translated labels, in the UI language.
 * Unknown values give NULL. from_key returns 0 for an unknown key. */
const char  *kh_channel_key        (KhChannel      value);
const char  *kh_channel_label      (KhChannel      value);
KhChannel    kh_channel_from_key   (const char    *key);
const char  *kh_contactor_key      (KhContactor    value);
const char  *kh_contactor_label    (KhContactor    value);
const char  *kh_referral_label     (KhReferral     value);
const char  *kh_need_key           (KhNeed         need);
const char  *kh_need_label         (KhNeed         need);
const char  *kh_outcome_key        (KhOutcome      value);
const char  *kh_outcome_label      (KhOutcome      value);
const char  *kh_language_key       (KhLanguage     value);   /* "fi", "sv", "other" */
const char  *kh_language_label     (KhLanguage     value);
KhLanguage   kh_language_from_key  (const char    *key);
const char  *kh_no_code_label      (KhNoCodeReason value);
const char  *kh_role_key           (KhRole         value);   /* "reception", "counsellor", "social-worker", "lead", "admin" */
const char  *kh_role_label         (KhRole         value);
KhRole       kh_role_from_key      (const char    *key);
const char  *kh_case_status_label  (KhCaseStatus   value);
const char  *kh_access_what_label  (KhAccessWhat   value);
const char  *kh_access_basis_label (KhAccessBasis  value);
const char  *kh_deadline_group_label (KhDeadlineGroup group);

/* Keys for the remaining enumerations (CSV, command line, logs). */
KhContactor  kh_contactor_from_key (const char    *key);
const char  *kh_referral_key       (KhReferral     value);   /* "none", "directed", "with-consent", "without-consent" */
KhNeed       kh_need_from_key      (const char    *key);
KhOutcome    kh_outcome_from_key   (const char    *key);
const char  *kh_no_code_key        (KhNoCodeReason value);
const char  *kh_deadline_group_key (KhDeadlineGroup group);

/* Outcomes that may be recorded without any personal data. */
gboolean     kh_outcome_allows_anonymous (KhOutcome value);

/* The access-log labels in a given language ("fi", "sv"), whatever the UI
 * language is: for the extract that goes to the client (kh-catalog.h). */
const char  *kh_access_what_label_in  (KhAccessWhat  value, const char *language);
const char  *kh_access_basis_label_in (KhAccessBasis value, const char *language);

G_END_DECLS
