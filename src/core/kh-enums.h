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
  KH_CHANNEL_OUTREACH = 9,         /* outreach work, SHL 7 a § (etsivä työ / uppsökande arbete) */
  KH_CHANNEL_CALL_BACK = 10,       /* a call-back request (takaisinsoittopyyntö) */
} KhChannel;
#define KH_CHANNEL_FIRST KH_CHANNEL_WALK_IN
#define KH_CHANNEL_LAST KH_CHANNEL_CALL_BACK

/* Who made the contact. */
typedef enum {
  KH_CONTACTOR_SELF = 1,
  KH_CONTACTOR_RELATIVE = 2,       /* relative or close person (omainen tai läheinen) */
  KH_CONTACTOR_AUTHORITY = 3,      /* an authority: which one is kept as text */
  KH_CONTACTOR_OTHER = 4,
  KH_CONTACTOR_ANONYMOUS = 5,
  KH_CONTACTOR_LEGAL_REPRESENTATIVE = 6, /* laillinen edustaja (edunvalvoja) / laglig
                                            företrädare (intressebevakare): SHL 36 §, ATL 38 § */
} KhContactor;
#define KH_CONTACTOR_FIRST KH_CONTACTOR_SELF
#define KH_CONTACTOR_LAST KH_CONTACTOR_LEGAL_REPRESENTATIVE

/* SHL 35 §: what kind of contact an authority made. NONE when not from an authority.
 * DIRECTED (35 § 1 mom 1 p) is something the authority tells the person; the
 * person then contacts the unit: such a contact is made by the person (SELF)
 * and `directed_by` names the authority. WITH_CONSENT and WITHOUT_CONSENT are
 * made by the authority itself and make the matter pending (SHL 34 §). */
typedef enum {
  KH_REFERRAL_NONE = 0,
  KH_REFERRAL_DIRECTED = 1,        /* the person was directed to apply (ohjattu hakeutumaan) */
  KH_REFERRAL_WITH_CONSENT = 2,    /* contact with the person's consent */
  KH_REFERRAL_WITHOUT_CONSENT = 3, /* notification without consent */
} KhReferral;
#define KH_REFERRAL_LAST KH_REFERRAL_WITHOUT_CONSENT

/* A Kela notification (eTotu) and what it is about: not one of the 35 § kinds
 * (domain-law 3.3–3.4). NONE when the contact is not from Kela. NOT_RECORDED
 * is only for contacts saved before the kind was asked. */
typedef enum {
  KH_KELA_NONE = 0,
  KH_KELA_FORWARDED_APPLICATION = 1, /* supplementary or preventive income support forwarded, TTL 14 c § */
  KH_KELA_BASIC_AMOUNT_REDUCED = 2,  /* a decision reducing the basic amount, TTL 10 § */
  KH_KELA_MEETING_REQUEST = 3,       /* the client asked for a personal meeting, TTL 14 d § */
  KH_KELA_SOCIAL_WORK_NEED = 4,      /* a need for social work; makes the matter pending (SHL 34 §) */
  KH_KELA_OTHER = 5,
  KH_KELA_NOT_RECORDED = 6,          /* history only */
} KhKelaKind;
#define KH_KELA_FIRST KH_KELA_FORWARDED_APPLICATION
#define KH_KELA_LAST_CHOICE KH_KELA_OTHER
#define KH_KELA_LAST KH_KELA_NOT_RECORDED

/* SHL 36 § 1 mom: the urgent need is assessed at once, and the answer is a
 * recorded fact (who and when go with it). NOT_RECORDED is only for contacts
 * saved before the answer was required: it never reads as "not urgent". */
typedef enum {
  KH_URGENCY_NOT_RECORDED = 0,
  KH_URGENCY_URGENT = 1,
  KH_URGENCY_NOT_URGENT = 2,
} KhUrgency;
#define KH_URGENCY_LAST KH_URGENCY_NOT_URGENT

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
  KH_OUTCOME_URGENT = 4,           /* urgent help: referred to the social emergency service;
                                      may open a case as well (`opens_case`) */
  KH_OUTCOME_CONSULTED = 5,        /* consulted another authority, SHL 40 § */
} KhOutcome;
#define KH_OUTCOME_FIRST KH_OUTCOME_ADVICE
#define KH_OUTCOME_LAST KH_OUTCOME_CONSULTED

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

/* How a worker tried to reach a person who did not answer (issue 8, 3:
 * units reach people whom Kela notified by phone first and by letter when
 * the phone does not answer; each attempt is recorded, and the
 * could-not-reach letter lists them). Stored integers: fixed, only ever
 * appended. */
typedef enum {
  KH_ATTEMPT_PHONE = 1,            /* a call that was not answered */
  KH_ATTEMPT_TEXT_MESSAGE = 2,
  KH_ATTEMPT_LETTER = 3,
  KH_ATTEMPT_HOME_VISIT = 4,       /* nobody at home */
  KH_ATTEMPT_OTHER = 5,            /* another way (the note says which) */
} KhAttemptMethod;
#define KH_ATTEMPT_FIRST KH_ATTEMPT_PHONE
#define KH_ATTEMPT_LAST KH_ATTEMPT_OTHER

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
  KH_ACCESS_ASSESSMENT = 11,       /* a service-need assessment (SHL 36–37 §) was opened */
  KH_ACCESS_TIMELINE = 12,         /* the person's timeline with its case notes was read (issue 7, 2) */
  KH_ACCESS_MEETINGS = 13,         /* the person's meetings were listed (their page; issue 7, 4) */
  KH_ACCESS_DOCUMENT = 14,         /* an issued letter or decision was opened (issue 8, 5; document_reads
                                      names which) */
  KH_ACCESS_NETWORK = 15,          /* the person's network (people and agencies, consents,
                                      versions) was read (issue 9, 1) */
  KH_ACCESS_CLIENT_PLAN = 16,      /* a client plan (SHL 39 §) was opened (issue 9, 3) */
} KhAccessWhat;
#define KH_ACCESS_LAST KH_ACCESS_CLIENT_PLAN

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

const char  *kh_kela_kind_key      (KhKelaKind     value);
const char  *kh_kela_kind_label    (KhKelaKind     value);
KhKelaKind   kh_kela_kind_from_key (const char    *key);
const char  *kh_urgency_key        (KhUrgency      value);
const char  *kh_urgency_label      (KhUrgency      value);
KhUrgency    kh_urgency_from_key   (const char    *key);

/* Outcomes that may be recorded without any personal data. */
gboolean     kh_outcome_allows_anonymous (KhOutcome value);

/* The access-log labels in a given language ("fi", "sv"), whatever the UI
 * language is: for the extract that goes to the client (kh-catalog.h). */
const char  *kh_access_what_label_in  (KhAccessWhat  value, const char *language);
const char  *kh_access_basis_label_in (KhAccessBasis value, const char *language);

/* The same for what goes into letters: the 11 § needs, and how a person
 * was tried to be reached ("Phone call" / "Puhelu" / "Telefonsamtal"). */
const char  *kh_need_label_in         (KhNeed        need, const char *language);
const char  *kh_attempt_method_key    (KhAttemptMethod value);   /* "phone", "text-message", "letter", "home-visit" */
const char  *kh_attempt_method_label  (KhAttemptMethod value);
const char  *kh_attempt_method_label_in (KhAttemptMethod value, const char *language);
KhAttemptMethod kh_attempt_method_from_key (const char *key);

G_END_DECLS
