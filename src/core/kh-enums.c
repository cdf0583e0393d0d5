/* kh-enums.c — keys and labels of the domain's enumerations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two names for every value: a stable ASCII key that never changes and never
 * gets translated (it appears in CSV files, on the command line and in logs,
 * where a translation would break scripts), and a label for the screen in the
 * UI language. The integer values themselves belong to the database and are
 * defined in kh-enums.h.
 *
 * The labels are written as a Finnish or Swedish receptionist says things at
 * the desk, not as the statute says them: the statute's wording lives in the
 * comments of kh-enums.h and in domain-law.md.
 */
#define G_LOG_DOMAIN "kohtaamo-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kh-catalog.h"
#include "kh-enum-table.h"
#include "kh-enums.h"

/* Channels are short words in a drop-down and a list column; "Phone" or
 * "Chat" alone would be ambiguous for translators, hence the context. */
static const KhEnumEntry channels[] = {
  ROW_C (KH_CHANNEL_WALK_IN,    "walk-in",    "channel", NC_("channel", "Walk-in")),
  ROW_C (KH_CHANNEL_PHONE,      "phone",      "channel", NC_("channel", "Phone")),
  ROW_C (KH_CHANNEL_LETTER,     "letter",     "channel", NC_("channel", "Letter or paper form")),
  ROW_C (KH_CHANNEL_E_MESSAGE,  "e-message",  "channel", NC_("channel", "E-form or secure message")),
  ROW_C (KH_CHANNEL_CHAT,       "chat",       "channel", NC_("channel", "Chat")),
  /* Translators: a contact or notification from another authority under
   * section 35 of the Social Welfare Act (sosiaalihuoltolaki 35 §). */
  ROW_C (KH_CHANNEL_AUTHORITY,  "authority",  "channel", NC_("channel", "Another authority (SHL 35 §)")),
  /* Translators: Kela's notification to social services (eTotu). */
  ROW_C (KH_CHANNEL_KELA,       "kela",       "channel", NC_("channel", "Kela notification")),
  /* Translators: sosiaalipäivystys / socialjouren. */
  ROW_C (KH_CHANNEL_EMERGENCY,  "emergency",  "channel", NC_("channel", "Social emergency service")),
  /* Translators: etsivä työ / uppsökande arbete, sosiaalihuoltolaki 7 a §. */
  ROW_C (KH_CHANNEL_OUTREACH,   "outreach",   "channel", NC_("channel", "Outreach work (SHL 7 a §)")),
  /* Translators: the person left a request to be called back (takaisinsoittopyyntö). */
  ROW_C (KH_CHANNEL_CALL_BACK,  "call-back",  "channel", NC_("channel", "Call-back request")),
  END
};

static const KhEnumEntry contactors[] = {
  ROW_C (KH_CONTACTOR_SELF,      "self",      "contactor", NC_("contactor", "The person themselves")),
  ROW_C (KH_CONTACTOR_RELATIVE,  "relative",  "contactor", NC_("contactor", "Relative or close person")),
  ROW_C (KH_CONTACTOR_AUTHORITY, "authority", "contactor", NC_("contactor", "An authority")),
  ROW_C (KH_CONTACTOR_OTHER,     "other",     "contactor", NC_("contactor", "Someone else")),
  ROW_C (KH_CONTACTOR_ANONYMOUS, "anonymous", "contactor", NC_("contactor", "Anonymous")),
  /* Translators: laillinen edustaja (edunvalvoja) / laglig företrädare (intressebevakare). */
  ROW_C (KH_CONTACTOR_LEGAL_REPRESENTATIVE, "legal-representative", "contactor", NC_("contactor", "Legal representative (guardian)")),
  END
};

/* SHL 35 § gives an authority three ways to act. The labels say what the
 * authority did, so that the receptionist can pick the one the caller
 * describes. */
static const KhEnumEntry referrals[] = {
  ROW_C (KH_REFERRAL_NONE,            "none",            "referral", NC_("referral", "Not from an authority")),
  ROW_C (KH_REFERRAL_DIRECTED,        "directed",        "referral", NC_("referral", "Directed the person to apply")),
  ROW_C (KH_REFERRAL_WITH_CONSENT,    "with-consent",    "referral", NC_("referral", "Contact with the person's consent")),
  ROW_C (KH_REFERRAL_WITHOUT_CONSENT, "without-consent", "referral", NC_("referral", "Notification without consent")),
  END
};

/* The ten support needs of SHL 11 §, in the statute's order and in its own
 * words (the translations follow the Finnish and Swedish texts of the act;
 * point 8 as amended by 1280/2022), so that a need is recorded in the
 * category the law names and nobody has to guess where a need fits. */
static const KhEnumEntry needs[] = {
  ROW_C (KH_NEED_DAILY_LIFE,          "daily-life",          "need", NC_("need", "Coping with daily life")),
  ROW_C (KH_NEED_HOUSING,             "housing",             "need", NC_("need", "Housing")),
  ROW_C (KH_NEED_FINANCIAL,           "financial",           "need", NC_("need", "Financial support")),
  ROW_C (KH_NEED_INCLUSION,           "inclusion",           "need", NC_("need", "Preventing social exclusion and promoting inclusion")),
  ROW_C (KH_NEED_VIOLENCE,            "violence",            "need", NC_("need", "Violence or abuse in close relationships and the family, and other violence or abuse")),
  ROW_C (KH_NEED_CRISIS,              "crisis",              "need", NC_("need", "Sudden crisis situations")),
  ROW_C (KH_NEED_CHILD_DEVELOPMENT,   "child-development",   "need", NC_("need", "Supporting the balanced development and wellbeing of children")),
  ROW_C (KH_NEED_SUBSTANCE_HEALTH,    "substance-health",    "need", NC_("need", "Problem substance use, other addictive behaviour, mental-health problem, other illness, disability or ageing")),
  ROW_C (KH_NEED_FUNCTIONAL_CAPACITY, "functional-capacity", "need", NC_("need", "Other physical, mental, social or cognitive functional capacity")),
  ROW_C (KH_NEED_CARERS,              "carers",              "need", NC_("need", "Supporting relatives and close persons")),
  END
};

static const KhEnumEntry attempt_methods[] = {
  ROW_C (KH_ATTEMPT_PHONE,        "phone",        "contact attempt", NC_("contact attempt", "Phone call")),
  ROW_C (KH_ATTEMPT_TEXT_MESSAGE, "text-message", "contact attempt", NC_("contact attempt", "Text message")),
  ROW_C (KH_ATTEMPT_LETTER,       "letter",       "contact attempt", NC_("contact attempt", "Letter")),
  ROW_C (KH_ATTEMPT_HOME_VISIT,   "home-visit",   "contact attempt", NC_("contact attempt", "Home visit")),
  ROW_C (KH_ATTEMPT_OTHER,        "other",        "contact attempt", NC_("contact attempt", "Other way")),
  END
};

static const KhEnumEntry outcomes[] = {
  ROW_C (KH_OUTCOME_ADVICE,      "advice",      "outcome", NC_("outcome", "Advice or information given")),
  ROW_C (KH_OUTCOME_DIRECTED,    "directed",    "outcome", NC_("outcome", "Directed to another service")),
  /* Translators: the case became pending (asia tuli vireille / ärendet inleddes). */
  ROW_C (KH_OUTCOME_CASE_OPENED, "case-opened", "outcome", NC_("outcome", "Case opened")),
  ROW_C (KH_OUTCOME_URGENT,      "urgent",      "outcome", NC_("outcome", "Urgent help: social emergency service")),
  /* Translators: the worker contacted the authority responsible for the
   * matter, sosiaalihuoltolaki 40 §. */
  ROW_C (KH_OUTCOME_CONSULTED,   "consulted",   "outcome", NC_("outcome", "Consulted another authority (SHL 40 §)")),
  END
};

/* What a Kela notification (eTotu) is about; the labels name the section of
 * the Social Assistance Act (toimeentulotukilaki, TTL) it comes from. */
static const KhEnumEntry kela_kinds[] = {
  ROW_C (KH_KELA_FORWARDED_APPLICATION, "forwarded-application", "kela", NC_("kela", "Application for supplementary or preventive income support forwarded (TTL 14 c §)")),
  ROW_C (KH_KELA_BASIC_AMOUNT_REDUCED,  "basic-amount-reduced",  "kela", NC_("kela", "Basic amount reduced (TTL 10 §)")),
  ROW_C (KH_KELA_MEETING_REQUEST,       "meeting-request",       "kela", NC_("kela", "Client asked for a personal meeting (TTL 14 d §)")),
  ROW_C (KH_KELA_SOCIAL_WORK_NEED,      "social-work-need",      "kela", NC_("kela", "Need for social work")),
  ROW_C (KH_KELA_OTHER,                 "other",                 "kela", NC_("kela", "Other notification")),
  ROW_C (KH_KELA_NOT_RECORDED,          "not-recorded",          "kela", NC_("kela", "Kind not recorded")),
  END
};

static const KhEnumEntry urgencies[] = {
  ROW_C (KH_URGENCY_NOT_RECORDED, "not-recorded", "urgency", NC_("urgency", "Urgency not recorded")),
  ROW_C (KH_URGENCY_URGENT,       "urgent",       "urgency", NC_("urgency", "Urgent")),
  ROW_C (KH_URGENCY_NOT_URGENT,   "not-urgent",   "urgency", NC_("urgency", "Not urgent")),
  END
};

static const KhEnumEntry languages[] = {
  ROW_C (KH_LANGUAGE_FI,    "fi",    "language", NC_("language", "Finnish")),
  ROW_C (KH_LANGUAGE_SV,    "sv",    "language", NC_("language", "Swedish")),
  ROW_C (KH_LANGUAGE_OTHER, "other", "language", NC_("language", "Other language")),
  END
};

static const KhEnumEntry no_code_reasons[] = {
  ROW_C (KH_NO_CODE_NONE,           "none",           "no-code", NC_("no-code", "Has an identity code")),
  ROW_C (KH_NO_CODE_NOT_KNOWN,      "not-known",      "no-code", NC_("no-code", "Identity code not known yet")),
  ROW_C (KH_NO_CODE_ASYLUM_SEEKER,  "asylum-seeker",  "no-code", NC_("no-code", "Asylum seeker")),
  ROW_C (KH_NO_CODE_FOREIGN,        "foreign",        "no-code", NC_("no-code", "Foreign national without a Finnish identity code")),
  ROW_C (KH_NO_CODE_OTHER,          "other",          "no-code", NC_("no-code", "Other reason")),
  END
};

/* The keys are part of the command line of kohtaamo-admin (users --role). */
static const KhEnumEntry roles[] = {
  ROW_C (KH_ROLE_RECEPTION,     "reception",     "role", NC_("role", "Reception")),
  /* Translators: sosiaaliohjaaja / socialhandledare. */
  ROW_C (KH_ROLE_COUNSELLOR,    "counsellor",    "role", NC_("role", "Social counsellor")),
  ROW_C (KH_ROLE_SOCIAL_WORKER, "social-worker", "role", NC_("role", "Social worker")),
  /* Translators: johtava sosiaalityöntekijä / ledande socialarbetare. */
  ROW_C (KH_ROLE_LEAD,          "lead",          "role", NC_("role", "Lead social worker")),
  ROW_C (KH_ROLE_ADMIN,         "admin",         "role", NC_("role", "Administrator")),
  END
};

static const KhEnumEntry case_statuses[] = {
  ROW_C (KH_CASE_QUEUED,   "queued",   "case-status", NC_("case-status", "In the queue")),
  ROW_C (KH_CASE_ASSIGNED, "assigned", "case-status", NC_("case-status", "With a worker")),
  ROW_C (KH_CASE_CLOSED,   "closed",   "case-status", NC_("case-status", "Closed")),
  END
};

/* The access log is read by the lead social worker, who must be able to
 * answer a client's question "who looked at my data and why" (ATL), so the
 * labels say plainly what was seen. */
static const KhEnumEntry access_whats[] = {
  ROW_C (KH_ACCESS_SEARCH,        "search",        "access", NC_("access", "Shown in search results")),
  ROW_C (KH_ACCESS_PAGE,          "page",          "access", NC_("access", "Person's page opened")),
  ROW_C (KH_ACCESS_IDENTITY_CODE, "identity-code", "access", NC_("access", "Identity code shown")),
  ROW_C (KH_ACCESS_CONTACTS,      "contacts",      "access", NC_("access", "Contacts listed")),
  ROW_C (KH_ACCESS_EDIT,          "edit",          "access", NC_("access", "Details opened for editing")),
  ROW_C (KH_ACCESS_EXPORT,        "export",        "access", NC_("access", "Read by an administrator's command")),
  ROW_C (KH_ACCESS_ACCESS_LOG,    "access-log",    "access", NC_("access", "Access log read")),
  ROW_C (KH_ACCESS_WORK_LIST,     "work-list",     "access", NC_("access", "Shown in a work list")),
  ROW_C (KH_ACCESS_CASES,         "cases",         "access", NC_("access", "Cases listed")),
  ROW_C (KH_ACCESS_PROTECTED_ADDRESS, "protected-address", "access", NC_("access", "Protected address shown")),
  ROW_C (KH_ACCESS_ASSESSMENT,    "assessment",    "access", NC_("access", "Service-need assessment opened")),
  ROW_C (KH_ACCESS_TIMELINE,      "timeline",      "access", NC_("access", "Timeline and case notes read")),
  ROW_C (KH_ACCESS_MEETINGS,      "meetings",      "access", NC_("access", "Meetings listed")),
  ROW_C (KH_ACCESS_DOCUMENT,      "document",      "access", NC_("access", "Issued document opened")),
  ROW_C (KH_ACCESS_NETWORK,       "network",       "access", NC_("access", "Network read")),
  ROW_C (KH_ACCESS_CLIENT_PLAN,   "client-plan",   "access", NC_("access", "Client plan opened")),
  END
};

static const KhEnumEntry access_bases[] = {
  ROW_C (KH_BASIS_INTAKE,              "intake",       "access-basis", NC_("access-basis", "Receiving a contact")),
  ROW_C (KH_BASIS_CLIENT_RELATIONSHIP, "client",       "access-basis", NC_("access-basis", "Client relationship")),
  ROW_C (KH_BASIS_ADMINISTRATION,      "admin",        "access-basis", NC_("access-basis", "Administration")),
  ROW_C (KH_BASIS_SUPERVISION,         "supervision",  "access-basis", NC_("access-basis", "Log supervision")),
  END
};

static const KhEnumEntry deadline_groups[] = {
  ROW_C (KH_DEADLINE_GROUP_OVER_75,                 "over-75",                 "deadline-group", NC_("deadline-group", "Over 75")),
  /* Translators: the highest rate of Kela's care allowance for pensioners
   * (eläkettä saavan hoitotuen erityishoitotuki / vårdbidrag med högsta belopp). */
  ROW_C (KH_DEADLINE_GROUP_HIGHEST_CARE_ALLOWANCE,  "highest-care-allowance",  "deadline-group", NC_("deadline-group", "Highest care allowance")),
  /* Translators: a disabled person under the Disability Services Act 675/2023. */
  ROW_C (KH_DEADLINE_GROUP_DISABLED,                "disabled",                "deadline-group", NC_("deadline-group", "Disabled (Disability Services Act)")),
  END
};

/**
 * kh_channel_key:
 * @value: a #KhChannel
 *
 * Returns: (nullable): the stable key, such as "walk-in", or %NULL for an
 *   unknown value
 */
const char *
kh_channel_key (KhChannel value)
{
  return kh_enum_table_key (channels, value);
}

/**
 * kh_channel_label:
 * @value: a #KhChannel
 *
 * Returns: (nullable): the label in the UI language, or %NULL for an
 *   unknown value
 */
const char *
kh_channel_label (KhChannel value)
{
  return kh_enum_table_label (channels, value);
}

/**
 * kh_channel_from_key:
 * @key: (nullable): a key from kh_channel_key()
 *
 * Returns: the channel, or 0 when @key is unknown
 */
KhChannel
kh_channel_from_key (const char *key)
{
  return kh_enum_table_value (channels, key);
}

/**
 * kh_contactor_key:
 * @value: a #KhContactor
 *
 * Returns: (nullable): the stable key, or %NULL for an unknown value
 */
const char *
kh_contactor_key (KhContactor value)
{
  return kh_enum_table_key (contactors, value);
}

/**
 * kh_contactor_label:
 * @value: a #KhContactor
 *
 * Returns: (nullable): the label in the UI language, or %NULL
 */
const char *
kh_contactor_label (KhContactor value)
{
  return kh_enum_table_label (contactors, value);
}

/**
 * kh_contactor_from_key:
 * @key: (nullable): a key from kh_contactor_key()
 *
 * Returns: the contactor, or 0 when @key is unknown
 */
KhContactor
kh_contactor_from_key (const char *key)
{
  return kh_enum_table_value (contactors, key);
}

/**
 * kh_referral_key:
 * @value: a #KhReferral
 *
 * Returns: (nullable): the stable key ("none", "directed", "with-consent",
 *   "without-consent"), or %NULL
 */
const char *
kh_referral_key (KhReferral value)
{
  return kh_enum_table_key (referrals, value);
}

/**
 * kh_referral_label:
 * @value: a #KhReferral
 *
 * Returns: (nullable): the label in the UI language, or %NULL
 */
const char *
kh_referral_label (KhReferral value)
{
  return kh_enum_table_label (referrals, value);
}

/**
 * kh_need_key:
 * @need: a single #KhNeed flag
 *
 * Returns: (nullable): the stable key, or %NULL if @need is not exactly one
 *   known flag
 */
const char *
kh_need_key (KhNeed need)
{
  return kh_enum_table_key (needs, need);
}

/**
 * kh_need_label:
 * @need: a single #KhNeed flag
 *
 * Returns: (nullable): the short label of the SHL 11 § need in the UI
 *   language, or %NULL
 */
const char *
kh_need_label (KhNeed need)
{
  return kh_enum_table_label (needs, need);
}

/**
 * kh_need_from_key:
 * @key: (nullable): a key from kh_need_key()
 *
 * Returns: the need flag, or 0 when @key is unknown
 */
KhNeed
kh_need_from_key (const char *key)
{
  return kh_enum_table_value (needs, key);
}

/**
 * kh_outcome_key:
 * @value: a #KhOutcome
 *
 * Returns: (nullable): the stable key, or %NULL
 */
const char *
kh_outcome_key (KhOutcome value)
{
  return kh_enum_table_key (outcomes, value);
}

/**
 * kh_outcome_label:
 * @value: a #KhOutcome
 *
 * Returns: (nullable): the label in the UI language, or %NULL
 */
const char *
kh_outcome_label (KhOutcome value)
{
  return kh_enum_table_label (outcomes, value);
}

/**
 * kh_outcome_from_key:
 * @key: (nullable): a key from kh_outcome_key()
 *
 * Returns: the outcome, or 0 when @key is unknown
 */
KhOutcome
kh_outcome_from_key (const char *key)
{
  return kh_enum_table_value (outcomes, key);
}

/**
 * kh_language_key:
 * @value: a #KhLanguage
 *
 * Returns: (nullable): "fi", "sv" or "other", or %NULL
 */
const char *
kh_language_key (KhLanguage value)
{
  return kh_enum_table_key (languages, value);
}

/**
 * kh_language_label:
 * @value: a #KhLanguage
 *
 * Returns: (nullable): the language's name in the UI language, or %NULL
 */
const char *
kh_language_label (KhLanguage value)
{
  return kh_enum_table_label (languages, value);
}

/**
 * kh_language_from_key:
 * @key: (nullable): "fi", "sv" or "other"
 *
 * Returns: the language, or 0 when @key is unknown
 */
KhLanguage
kh_language_from_key (const char *key)
{
  return kh_enum_table_value (languages, key);
}

/**
 * kh_no_code_key:
 * @value: a #KhNoCodeReason
 *
 * Returns: (nullable): the stable key, or %NULL
 */
const char *
kh_no_code_key (KhNoCodeReason value)
{
  return kh_enum_table_key (no_code_reasons, value);
}

/**
 * kh_no_code_label:
 * @value: a #KhNoCodeReason
 *
 * Returns: (nullable): why the person has no identity code, in the UI
 *   language, or %NULL
 */
const char *
kh_no_code_label (KhNoCodeReason value)
{
  return kh_enum_table_label (no_code_reasons, value);
}

/**
 * kh_role_key:
 * @value: a #KhRole
 *
 * Returns: (nullable): "reception", "counsellor", "social-worker", "lead" or
 *   "admin", or %NULL
 */
const char *
kh_role_key (KhRole value)
{
  return kh_enum_table_key (roles, value);
}

/**
 * kh_role_label:
 * @value: a #KhRole
 *
 * Returns: (nullable): the title of the role in the UI language, or %NULL
 */
const char *
kh_role_label (KhRole value)
{
  return kh_enum_table_label (roles, value);
}

/**
 * kh_role_from_key:
 * @key: (nullable): a key from kh_role_key()
 *
 * Returns: the role, or 0 when @key is unknown
 */
KhRole
kh_role_from_key (const char *key)
{
  return kh_enum_table_value (roles, key);
}

/**
 * kh_case_status_label:
 * @value: a #KhCaseStatus
 *
 * Returns: (nullable): the label in the UI language, or %NULL
 */
const char *
kh_case_status_label (KhCaseStatus value)
{
  return kh_enum_table_label (case_statuses, value);
}

/**
 * kh_access_what_label:
 * @value: a #KhAccessWhat
 *
 * Returns: (nullable): what was read, in the UI language, or %NULL
 */
const char *
kh_access_what_label (KhAccessWhat value)
{
  return kh_enum_table_label (access_whats, value);
}

/**
 * kh_access_basis_label:
 * @value: a #KhAccessBasis
 *
 * Returns: (nullable): the basis of the read, in the UI language, or %NULL
 */
const char *
kh_access_basis_label (KhAccessBasis value)
{
  return kh_enum_table_label (access_bases, value);
}

/**
 * kh_access_what_label_in:
 * @value: a #KhAccessWhat
 * @language: "fi" or "sv" (anything else: English)
 *
 * Returns: (nullable): what was read, in @language, or %NULL
 */
const char *
kh_access_what_label_in (KhAccessWhat  value,
                         const char   *language)
{
  return kh_enum_table_label_in (access_whats, value, language);
}

/**
 * kh_access_basis_label_in:
 * @value: a #KhAccessBasis
 * @language: "fi" or "sv" (anything else: English)
 *
 * Returns: (nullable): the basis of the read, in @language, or %NULL
 */
const char *
kh_access_basis_label_in (KhAccessBasis  value,
                          const char    *language)
{
  return kh_enum_table_label_in (access_bases, value, language);
}

/**
 * kh_deadline_group_key:
 * @group: a single #KhDeadlineGroup flag
 *
 * Returns: (nullable): the stable key, or %NULL
 */
const char *
kh_deadline_group_key (KhDeadlineGroup group)
{
  return kh_enum_table_key (deadline_groups, group);
}

/**
 * kh_deadline_group_label:
 * @group: a single #KhDeadlineGroup flag
 *
 * Returns: (nullable): the group's label in the UI language, or %NULL
 */
const char *
kh_deadline_group_label (KhDeadlineGroup group)
{
  return kh_enum_table_label (deadline_groups, group);
}

/**
 * kh_outcome_allows_anonymous:
 * @value: a #KhOutcome
 *
 * Advice and directing the person elsewhere need no personal data: the
 * contact is then kept only for statistics. A case that is opened, or an
 * urgent referral to the social emergency service, is about a person and
 * has to be recorded with who it was (SHL 34 §, 36 §).
 *
 * Returns: %TRUE if a contact with this outcome may be anonymous
 */
gboolean
kh_outcome_allows_anonymous (KhOutcome value)
{
  return value == KH_OUTCOME_ADVICE || value == KH_OUTCOME_DIRECTED;
}

/**
 * kh_kela_kind_key:
 * @value: a #KhKelaKind
 *
 * Returns: (nullable): the stable key, or %NULL (also for NONE)
 */
const char *
kh_kela_kind_key (KhKelaKind value)
{
  return kh_enum_table_key (kela_kinds, value);
}

/**
 * kh_kela_kind_label:
 * @value: a #KhKelaKind
 *
 * Returns: (nullable): the label in the UI language, or %NULL
 */
const char *
kh_kela_kind_label (KhKelaKind value)
{
  return kh_enum_table_label (kela_kinds, value);
}

/**
 * kh_kela_kind_from_key:
 * @key: (nullable): a key from kh_kela_kind_key()
 *
 * Returns: the kind, or 0 (NONE) when @key is unknown
 */
KhKelaKind
kh_kela_kind_from_key (const char *key)
{
  return kh_enum_table_value (kela_kinds, key);
}

/**
 * kh_urgency_key:
 * @value: a #KhUrgency
 *
 * Returns: (nullable): "not-recorded", "urgent" or "not-urgent", or %NULL
 */
const char *
kh_urgency_key (KhUrgency value)
{
  return kh_enum_table_key (urgencies, value);
}

/**
 * kh_urgency_label:
 * @value: a #KhUrgency
 *
 * Returns: (nullable): the label in the UI language, or %NULL
 */
const char *
kh_urgency_label (KhUrgency value)
{
  return kh_enum_table_label (urgencies, value);
}

/**
 * kh_urgency_from_key:
 * @key: (nullable): a key from kh_urgency_key()
 *
 * Returns: the urgency; NOT_RECORDED (0) also for an unknown key
 */
KhUrgency
kh_urgency_from_key (const char *key)
{
  return kh_enum_table_value (urgencies, key);
}

/**
 * kh_need_label_in:
 * @need: a single #KhNeed flag
 * @language: "fi" or "sv" (anything else: English)
 *
 * Returns: (nullable): the SHL 11 § need in @language, for a letter
 */
const char *
kh_need_label_in (KhNeed      need,
                  const char *language)
{
  return kh_enum_table_label_in (needs, need, language);
}

const char *
kh_attempt_method_key (KhAttemptMethod value)
{
  return kh_enum_table_key (attempt_methods, value);
}

const char *
kh_attempt_method_label (KhAttemptMethod value)
{
  return kh_enum_table_label (attempt_methods, value);
}

/**
 * kh_attempt_method_label_in:
 * @value: a #KhAttemptMethod
 * @language: "fi" or "sv" (anything else: English)
 *
 * Returns: (nullable): how the person was tried to be reached, in
 *   @language, or %NULL for an unknown value
 */
const char *
kh_attempt_method_label_in (KhAttemptMethod  value,
                            const char      *language)
{
  return kh_enum_table_label_in (attempt_methods, value, language);
}

/**
 * kh_attempt_method_from_key:
 * @key: (nullable): a key from kh_attempt_method_key()
 *
 * Returns: the method, or 0 for an unknown key
 */
KhAttemptMethod
kh_attempt_method_from_key (const char *key)
{
  return kh_enum_table_value (attempt_methods, key);
}
