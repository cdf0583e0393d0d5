/* kh-assessment.c — the service-need assessment (SHL 36–37 §) and its rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules, with the section each restates (domain-law.md 1.1):
 *
 * 36 § 3 mom  — the assessment is made together with the client (and with
 *               relatives, close persons and other actors where needed):
 *               the client took part, or the record says why not.
 * 36 § 4 mom  — the worker explains the client's rights and obligations,
 *               the options and their effects, so that the client
 *               understands them: both recorded, and whether the client
 *               understood.
 * 36 §        — the situation of children living with the client is
 *               checked (the issue's "children … whether their situation
 *               was checked"; SHL 36 § and child-welfare practice).
 * 37 §        — the assessment concludes whether there is a need for
 *               support and whether it is temporary, recurring or
 *               long-term, and contains: 1) a summary of the situation and
 *               the need for services and special support; 2) the
 *               professional's conclusions on the conditions for
 *               clienthood; 3) the client's own view, unless there is an
 *               evident obstacle; 4) the client's and the professional's
 *               view on a named responsible worker (42 §).
 * 3 § (1280/2022) — needing special support is a professional judgement:
 *               recorded with its reasons either way.
 * 42 §, 46 §  — for a client needing special support the responsible
 *               worker and the decision maker are social workers in public
 *               office (needs_social_worker).
 * 34 §        — closing needs the reason that there are no grounds.
 */
#define G_LOG_DOMAIN "kohtaamo-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "kh-assessment.h"
#include "kh-enum-table.h"
#include "kh-text.h"

/* ---- keys and labels ---- */

static const KhEnumEntry step_labels[] = {
  ROW_C (KH_ASSESSMENT_STEP_START,           "start",           "assessment step", NC_("assessment step", "Start")),
  ROW_C (KH_ASSESSMENT_STEP_CLIENT_VIEW,     "client-view",     "assessment step", NC_("assessment step", "The client’s view")),
  ROW_C (KH_ASSESSMENT_STEP_LIFE_AREAS,      "life-areas",      "assessment step", NC_("assessment step", "Life areas")),
  ROW_C (KH_ASSESSMENT_STEP_SPECIAL_SUPPORT, "special-support", "assessment step", NC_("assessment step", "Special support")),
  ROW_C (KH_ASSESSMENT_STEP_CONCLUSIONS,     "conclusions",     "assessment step", NC_("assessment step", "Conclusions")),
  ROW_C (KH_ASSESSMENT_STEP_REVIEW,          "review",          "assessment step", NC_("assessment step", "Review and finish")),
  END
};

static const KhEnumEntry participant_kinds[] = {
  ROW_C (KH_PARTICIPANT_RELATIVE,             "relative",             "participant", NC_("participant", "Relative or close person")),
  ROW_C (KH_PARTICIPANT_LEGAL_REPRESENTATIVE, "legal-representative", "participant", NC_("participant", "Legal representative")),
  ROW_C (KH_PARTICIPANT_PROFESSIONAL,         "professional",         "participant", NC_("participant", "Other professional")),
  ROW_C (KH_PARTICIPANT_INTERPRETER,          "interpreter",          "participant", NC_("participant", "Interpreter")),
  ROW_C (KH_PARTICIPANT_SUPPORT_PERSON,       "support-person",       "participant", NC_("participant", "Support person")),
  END
};

static const KhEnumEntry need_durations[] = {
  /* Translators: SHL 37 §: the need for support is "tilapäinen, toistuva tai
   * pitkäaikainen" / "tillfällig, återkommande eller långvarig". */
  ROW_C (KH_NEED_DURATION_TEMPORARY, "temporary", "need duration", NC_("need duration", "Temporary")),
  ROW_C (KH_NEED_DURATION_RECURRING, "recurring", "need duration", NC_("need duration", "Recurring")),
  ROW_C (KH_NEED_DURATION_LONG_TERM, "long-term", "need duration", NC_("need duration", "Long-term")),
  END
};

static const KhEnumEntry worker_views[] = {
  ROW_C (KH_RESPONSIBLE_WORKER_NEEDED,     "needed",     "responsible worker", NC_("responsible worker", "Needed")),
  /* Translators: SHL 42 §: "ilmeisen tarpeetonta" / "uppenbart onödigt". */
  ROW_C (KH_RESPONSIBLE_WORKER_NOT_NEEDED, "not-needed", "responsible worker", NC_("responsible worker", "Evidently unnecessary")),
  ROW_C (KH_RESPONSIBLE_WORKER_HAS_ONE,    "has-one",    "responsible worker", NC_("responsible worker", "Another responsible worker already named")),
  ROW_C (KH_RESPONSIBLE_WORKER_NO_VIEW,    "no-view",    "responsible worker", NC_("responsible worker", "The client gave no view")),
  END
};

static const KhEnumEntry next_steps[] = {
  ROW_C (KH_NEXT_STEP_CLIENT_PLAN,     "client-plan",     "next step", NC_("next step", "Client plan (SHL 39 §)")),
  ROW_C (KH_NEXT_STEP_DECISION,        "decision",        "next step", NC_("next step", "Decision on services (SHL 45 §)")),
  ROW_C (KH_NEXT_STEP_CLOSE,           "close",           "next step", NC_("next step", "Close the case: no grounds for clienthood")),
  ROW_C (KH_NEXT_STEP_OTHER_AUTHORITY, "other-authority", "next step", NC_("next step", "Contact the responsible authority (SHL 40 §)")),
  END
};

/* The section's own words (sosiaalihuoltolaki 14 § / socialvårdslagen 14 §). */
static const KhEnumEntry shl_services[] = {
  ROW_C (KH_SHL_SERVICE_SOCIAL_WORK,            "social-work",            "SHL 14 §", NC_("SHL 14 §", "Social work")),
  ROW_C (KH_SHL_SERVICE_SOCIAL_GUIDANCE,        "social-guidance",        "SHL 14 §", NC_("SHL 14 §", "Social guidance")),
  ROW_C (KH_SHL_SERVICE_SOCIAL_REHABILITATION,  "social-rehabilitation",  "SHL 14 §", NC_("SHL 14 §", "Social rehabilitation")),
  ROW_C (KH_SHL_SERVICE_FAMILY_WORK,            "family-work",            "SHL 14 §", NC_("SHL 14 §", "Family work")),
  ROW_C (KH_SHL_SERVICE_FAMILY_HOME_HELP,       "family-home-help",       "SHL 14 §", NC_("SHL 14 §", "Home help for families with children")),
  ROW_C (KH_SHL_SERVICE_SUPPORT_SERVICES,       "support-services",       "SHL 14 §", NC_("SHL 14 §", "Support services")),
  ROW_C (KH_SHL_SERVICE_HOME_CARE,              "home-care",              "SHL 14 §", NC_("SHL 14 §", "Home care")),
  ROW_C (KH_SHL_SERVICE_TEMPORARY_HOUSING,      "temporary-housing",      "SHL 14 §", NC_("SHL 14 §", "Temporary housing")),
  ROW_C (KH_SHL_SERVICE_SUPPORTED_HOUSING,      "supported-housing",      "SHL 14 §", NC_("SHL 14 §", "Supported housing")),
  ROW_C (KH_SHL_SERVICE_COMMUNAL_HOUSING,       "communal-housing",       "SHL 14 §", NC_("SHL 14 §", "Communal housing")),
  ROW_C (KH_SHL_SERVICE_24H_SERVICE_HOUSING,    "24h-service-housing",    "SHL 14 §", NC_("SHL 14 §", "Round-the-clock service housing")),
  ROW_C (KH_SHL_SERVICE_INSTITUTIONAL_CARE,     "institutional-care",     "SHL 14 §", NC_("SHL 14 §", "Institutional care")),
  ROW_C (KH_SHL_SERVICE_MOBILITY,               "mobility",               "SHL 14 §", NC_("SHL 14 §", "Services supporting mobility")),
  ROW_C (KH_SHL_SERVICE_SUBSTANCE_WORK,         "substance-work",         "SHL 14 §", NC_("SHL 14 §", "Substance abuse and addiction work")),
  ROW_C (KH_SHL_SERVICE_SUBSTANCE_SPECIAL,      "substance-special",      "SHL 14 §", NC_("SHL 14 §", "Special services of substance abuse and addiction work")),
  ROW_C (KH_SHL_SERVICE_DAY_CENTRE,             "day-centre",             "SHL 14 §", NC_("SHL 14 §", "Day centre services")),
  ROW_C (KH_SHL_SERVICE_MENTAL_HEALTH_WORK,     "mental-health-work",     "SHL 14 §", NC_("SHL 14 §", "Mental health work")),
  ROW_C (KH_SHL_SERVICE_MENTAL_HEALTH_SERVICES, "mental-health-services", "SHL 14 §", NC_("SHL 14 §", "Mental health services")),
  ROW_C (KH_SHL_SERVICE_FAMILY_COUNSELLING,     "family-counselling",     "SHL 14 §", NC_("SHL 14 §", "Child guidance and family counselling")),
  ROW_C (KH_SHL_SERVICE_SUPERVISED_MEETINGS,    "supervised-meetings",    "SHL 14 §", NC_("SHL 14 §", "Supervised meetings of a child and parent")),
  ROW_C (KH_SHL_SERVICE_CARER_LEAVE,            "carer-leave",            "SHL 14 §", NC_("SHL 14 §", "Leave for a person caring for a relative")),
  ROW_C (KH_SHL_SERVICE_INCOME_SUPPORT,         "income-support",         "SHL 14 §", NC_("SHL 14 §", "Income support")),
  ROW_C (KH_SHL_SERVICE_SOCIAL_CREDIT,          "social-credit",          "SHL 14 §", NC_("SHL 14 §", "Social credit")),
  ROW_C (KH_SHL_SERVICE_REHABILITATIVE_WORK,    "rehabilitative-work",    "SHL 14 §", NC_("SHL 14 §", "Rehabilitative work activity")),
  ROW_C (KH_SHL_SERVICE_INFORMAL_CARE_SUPPORT,  "informal-care-support",  "SHL 14 §", NC_("SHL 14 §", "Support for informal care")),
  ROW_C (KH_SHL_SERVICE_OTHER,                  "other",                  "SHL 14 §", NC_("SHL 14 §", "Another service")),
  END
};

static const KhEnumEntry ratings[] = {
  ROW_C (1, "1", "rating", NC_("rating", "1 – serious difficulties")),
  ROW_C (2, "2", "rating", NC_("rating", "2 – considerable difficulties")),
  ROW_C (3, "3", "rating", NC_("rating", "3 – some difficulties")),
  ROW_C (4, "4", "rating", NC_("rating", "4 – mostly going well")),
  ROW_C (5, "5", "rating", NC_("rating", "5 – going well")),
  END
};

/* The issue's areas: work and functional capacity, skills and education,
 * finances, everyday life, participation and relationships, housing,
 * health and substance use. */
static const KhEnumEntry default_areas[] = {
  ROW_C (1, "work",          "assessment area", NC_("assessment area", "Work and functional capacity")),
  ROW_C (2, "skills",        "assessment area", NC_("assessment area", "Skills and education")),
  ROW_C (3, "finances",      "assessment area", NC_("assessment area", "Finances")),
  ROW_C (4, "everyday-life", "assessment area", NC_("assessment area", "Everyday life")),
  ROW_C (5, "participation", "assessment area", NC_("assessment area", "Participation and relationships")),
  ROW_C (6, "housing",       "assessment area", NC_("assessment area", "Housing")),
  ROW_C (7, "health",        "assessment area", NC_("assessment area", "Health and substance use")),
  END
};

const char *
kh_assessment_step_label (KhAssessmentStep step)
{
  return kh_enum_table_label (step_labels, step);
}

const char *
kh_participant_kind_key (KhParticipantKind kind)
{
  return kh_enum_table_key (participant_kinds, kind);
}

const char *
kh_participant_kind_label (KhParticipantKind kind)
{
  return kh_enum_table_label (participant_kinds, kind);
}

KhParticipantKind
kh_participant_kind_from_key (const char *key)
{
  return kh_enum_table_value (participant_kinds, key);
}

const char *
kh_need_duration_key (KhNeedDuration value)
{
  return kh_enum_table_key (need_durations, value);
}

const char *
kh_need_duration_label (KhNeedDuration value)
{
  return kh_enum_table_label (need_durations, value);
}

const char *
kh_need_duration_label_in (KhNeedDuration  value,
                           const char     *language)
{
  return kh_enum_table_label_in (need_durations, value, language);
}

const char *
kh_responsible_worker_view_label (KhResponsibleWorkerView value)
{
  return kh_enum_table_label (worker_views, value);
}

const char *
kh_responsible_worker_view_label_in (KhResponsibleWorkerView  value,
                                     const char              *language)
{
  return kh_enum_table_label_in (worker_views, value, language);
}

const char *
kh_next_step_key (KhNextStep value)
{
  return kh_enum_table_key (next_steps, value);
}

const char *
kh_next_step_label (KhNextStep value)
{
  return kh_enum_table_label (next_steps, value);
}

const char *
kh_shl_service_key (KhShlService service)
{
  return kh_enum_table_key (shl_services, service);
}

const char *
kh_shl_service_label (KhShlService service)
{
  return kh_enum_table_label (shl_services, service);
}

const char *
kh_shl_service_label_in (KhShlService  service,
                         const char   *language)
{
  return kh_enum_table_label_in (shl_services, service, language);
}

KhShlService
kh_shl_service_from_key (const char *key)
{
  return kh_enum_table_value (shl_services, key);
}

const char *
kh_rating_label (int rating)
{
  return kh_enum_table_label (ratings, rating);
}

const char *
kh_rating_label_in (int         rating,
                    const char *language)
{
  return kh_enum_table_label_in (ratings, rating, language);
}

const char *
kh_participant_kind_label_in (KhParticipantKind  kind,
                              const char        *language)
{
  return kh_enum_table_label_in (participant_kinds, kind, language);
}

const char * const *
kh_assessment_default_area_keys (void)
{
  static const char *keys[G_N_ELEMENTS (default_areas)];

  if (keys[0] == NULL)
    for (guint i = 0; default_areas[i].key != NULL; i++)
      keys[i] = default_areas[i].key;
  return keys;
}

const char *
kh_assessment_default_area_label (const char *key)
{
  return kh_enum_table_label (default_areas, kh_enum_table_value (default_areas, key));
}

/* ---- the record ---- */

KhParticipant *
kh_participant_new (KhParticipantKind  kind,
                    const char        *name,
                    const char        *role)
{
  KhParticipant *p = g_new0 (KhParticipant, 1);

  p->kind = kind;
  p->name = g_strdup (name);
  p->role = g_strdup (role);
  return p;
}

void
kh_participant_free (KhParticipant *participant)
{
  if (participant == NULL)
    return;
  g_free (participant->name);
  g_free (participant->role);
  g_free (participant);
}

KhAreaAssessment *
kh_area_assessment_new (const char *key,
                        const char *label)
{
  KhAreaAssessment *area = g_new0 (KhAreaAssessment, 1);

  area->key = g_strdup (key);
  area->label = g_strdup (label);
  return area;
}

void
kh_area_assessment_free (KhAreaAssessment *area)
{
  if (area == NULL)
    return;
  g_free (area->key);
  g_free (area->label);
  g_free (area->situation);
  g_free (area->strengths);
  g_free (area->concerns);
  g_free (area);
}

KhAssessment *
kh_assessment_new (void)
{
  KhAssessment *a = g_new0 (KhAssessment, 1);

  a->version = 1;
  a->status = KH_ASSESSMENT_DRAFT;
  a->participants = g_ptr_array_new_with_free_func ((GDestroyNotify) kh_participant_free);
  a->areas = g_ptr_array_new_with_free_func ((GDestroyNotify) kh_area_assessment_free);
  return a;
}

/* Every text of an assessment, with the step where it is written, for
 * copying, freeing, comparing, cleaning and checking in one place. */
#define TEXT_FIELDS(X) \
  X (change_reason, REVIEW) X (assessed_on, START) X (client_absent_reason, START) \
  X (information_note, START) X (children_note, START) X (client_view, CLIENT_VIEW) \
  X (client_view_obstacle, CLIENT_VIEW) X (special_support_reasons, SPECIAL_SUPPORT) \
  X (summary, CONCLUSIONS) X (conclusions, CONCLUSIONS) X (services_note, CONCLUSIONS) \
  X (responsible_worker_note, CONCLUSIONS) X (next_step_reasons, CONCLUSIONS) \
  X (client_disagreement, CONCLUSIONS) X (worker_disagreement, CONCLUSIONS)

void
kh_assessment_free (KhAssessment *a)
{
  if (a == NULL)
    return;
#define FREE_TEXT(f, step) g_free (a->f);
  TEXT_FIELDS (FREE_TEXT)
#undef FREE_TEXT
  g_ptr_array_unref (a->participants);
  g_ptr_array_unref (a->areas);
  g_clear_pointer (&a->finished_at, g_date_time_unref);
  g_free (a);
}

KhAssessment *
kh_assessment_copy (const KhAssessment *a)
{
  KhAssessment *copy;

  g_return_val_if_fail (a != NULL, NULL);

  copy = kh_assessment_new ();
  {
    GPtrArray *participants = copy->participants;
    GPtrArray *areas = copy->areas;

    *copy = *a;
    copy->participants = participants;
    copy->areas = areas;
  }
#define COPY_TEXT(f, step) copy->f = g_strdup (a->f);
  TEXT_FIELDS (COPY_TEXT)
#undef COPY_TEXT
  for (guint i = 0; i < a->participants->len; i++)
    {
      const KhParticipant *p = g_ptr_array_index (a->participants, i);

      g_ptr_array_add (copy->participants, kh_participant_new (p->kind, p->name, p->role));
    }
  for (guint i = 0; i < a->areas->len; i++)
    {
      const KhAreaAssessment *area = g_ptr_array_index (a->areas, i);
      KhAreaAssessment *c = kh_area_assessment_new (area->key, area->label);

      c->situation = g_strdup (area->situation);
      c->strengths = g_strdup (area->strengths);
      c->concerns = g_strdup (area->concerns);
      c->client_rating = area->client_rating;
      c->worker_rating = area->worker_rating;
      g_ptr_array_add (copy->areas, c);
    }
  copy->finished_at = a->finished_at != NULL ? g_date_time_ref (a->finished_at) : NULL;
  return copy;
}

gboolean
kh_assessment_equal (const KhAssessment *a,
                     const KhAssessment *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

#define SAME_TEXT(f, step) if (g_strcmp0 (a->f, b->f) != 0) return FALSE;
  TEXT_FIELDS (SAME_TEXT)
#undef SAME_TEXT
  if (a->id != b->id || a->case_id != b->case_id || a->client_id != b->client_id
      || a->version != b->version || a->previous_id != b->previous_id
      || a->status != b->status
      || a->client_present != b->client_present || a->rights_explained != b->rights_explained
      || a->options_explained != b->options_explained
      || a->client_understood != b->client_understood || a->has_children != b->has_children
      || a->children_count != b->children_count || a->children_checked != b->children_checked
      || a->needs != b->needs || a->support_needed != b->support_needed
      || a->special_support != b->special_support || a->need_duration != b->need_duration
      || a->services != b->services || a->client_on_worker != b->client_on_worker
      || a->worker_on_worker != b->worker_on_worker || a->next_step != b->next_step
      || a->disagreement != b->disagreement
      || a->participants->len != b->participants->len || a->areas->len != b->areas->len)
    return FALSE;
  for (guint i = 0; i < a->participants->len; i++)
    {
      const KhParticipant *p = g_ptr_array_index (a->participants, i);
      const KhParticipant *q = g_ptr_array_index (b->participants, i);

      if (p->kind != q->kind || g_strcmp0 (p->name, q->name) != 0 || g_strcmp0 (p->role, q->role) != 0)
        return FALSE;
    }
  for (guint i = 0; i < a->areas->len; i++)
    {
      const KhAreaAssessment *x = g_ptr_array_index (a->areas, i);
      const KhAreaAssessment *y = g_ptr_array_index (b->areas, i);

      if (g_strcmp0 (x->key, y->key) != 0 || g_strcmp0 (x->label, y->label) != 0
          || g_strcmp0 (x->situation, y->situation) != 0
          || g_strcmp0 (x->strengths, y->strengths) != 0
          || g_strcmp0 (x->concerns, y->concerns) != 0
          || x->client_rating != y->client_rating || x->worker_rating != y->worker_rating)
        return FALSE;
    }
  return TRUE;
}

KhAssessment *
kh_assessment_start (gint64              case_id,
                     gint64              client_id,
                     const char * const *area_keys,
                     const char * const *area_labels,
                     const char         *today)
{
  KhAssessment *a = kh_assessment_new ();

  a->case_id = case_id;
  a->client_id = client_id;
  a->assessed_on = g_strdup (today);
  for (guint i = 0; area_keys != NULL && area_keys[i] != NULL; i++)
    g_ptr_array_add (a->areas, kh_area_assessment_new (area_keys[i],
                                                       area_labels != NULL && area_labels[i] != NULL
                                                       ? area_labels[i] : area_keys[i]));
  return a;
}

/* ---- what applies ---- */

gboolean
kh_assessment_field_applies (const KhAssessment *a,
                             KhAssessmentField   field)
{
  g_return_val_if_fail (a != NULL, FALSE);

  switch (field)
    {
    case KH_ASSESSMENT_FIELD_CLIENT_ABSENT_REASON:
      return a->client_present == KH_ANSWER_NO;
    case KH_ASSESSMENT_FIELD_CHILDREN_DETAILS:
      return a->has_children == KH_ANSWER_YES;
    case KH_ASSESSMENT_FIELD_CLIENT_VIEW_OBSTACLE:
      return a->client_view == NULL || a->client_view[0] == '\0';
    case KH_ASSESSMENT_FIELD_NEED_DURATION:
      return a->support_needed == KH_ANSWER_YES;
    case KH_ASSESSMENT_FIELD_SERVICES:
      return a->support_needed != KH_ANSWER_NO;
    case KH_ASSESSMENT_FIELD_NEXT_STEP_REASONS:
      return a->next_step == KH_NEXT_STEP_CLOSE || a->next_step == KH_NEXT_STEP_OTHER_AUTHORITY;
    case KH_ASSESSMENT_FIELD_DISAGREEMENT_VIEWS:
      return a->disagreement;
    case KH_ASSESSMENT_N_FIELDS:
    default:
      break;
    }
  g_return_val_if_reached (FALSE);
}

/* ---- normalising ---- */

static void
clean (char **text)
{
  char *cleaned = kh_text_clean (*text);

  g_free (*text);
  *text = cleaned;
}

static void
clean_note (char **text)
{
  char *cleaned = kh_text_clean_note (*text);

  g_free (*text);
  *text = cleaned;
}

static gboolean
has_text (const char *text)
{
  return text != NULL && text[0] != '\0';
}

void
kh_assessment_normalize (KhAssessment *a)
{
  g_return_if_fail (a != NULL);

#define CLEAN_TEXT(f, step) clean_note (&a->f);
  TEXT_FIELDS (CLEAN_TEXT)
#undef CLEAN_TEXT
  clean (&a->assessed_on);
  for (guint i = 0; i < a->participants->len; i++)
    {
      KhParticipant *p = g_ptr_array_index (a->participants, i);

      clean (&p->name);
      clean (&p->role);
    }
  for (guint i = 0; i < a->areas->len; i++)
    {
      KhAreaAssessment *area = g_ptr_array_index (a->areas, i);

      clean_note (&area->situation);
      clean_note (&area->strengths);
      clean_note (&area->concerns);
    }

  /* What does not apply keeps nothing (kh_assessment_field_applies). */
  if (!kh_assessment_field_applies (a, KH_ASSESSMENT_FIELD_CLIENT_ABSENT_REASON))
    g_clear_pointer (&a->client_absent_reason, g_free);
  if (!kh_assessment_field_applies (a, KH_ASSESSMENT_FIELD_CHILDREN_DETAILS))
    {
      a->children_count = 0;
      a->children_checked = KH_ANSWER_UNANSWERED;
      g_clear_pointer (&a->children_note, g_free);
    }
  if (!kh_assessment_field_applies (a, KH_ASSESSMENT_FIELD_CLIENT_VIEW_OBSTACLE))
    g_clear_pointer (&a->client_view_obstacle, g_free);
  if (!kh_assessment_field_applies (a, KH_ASSESSMENT_FIELD_NEXT_STEP_REASONS))
    g_clear_pointer (&a->next_step_reasons, g_free);
  if (!kh_assessment_field_applies (a, KH_ASSESSMENT_FIELD_DISAGREEMENT_VIEWS))
    {
      g_clear_pointer (&a->client_disagreement, g_free);
      g_clear_pointer (&a->worker_disagreement, g_free);
    }
  if (!kh_assessment_field_applies (a, KH_ASSESSMENT_FIELD_NEED_DURATION))
    a->need_duration = KH_NEED_DURATION_UNANSWERED;
  if (!kh_assessment_field_applies (a, KH_ASSESSMENT_FIELD_SERVICES))
    {
      a->services = 0;
      g_clear_pointer (&a->services_note, g_free);
    }
}

/* ---- the check ---- */

static gboolean
valid_iso_date (const char *text,
                GDate      *out)
{
  int y, m, d;
  char rest;

  if (text == NULL || sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &rest) != 3
      || strlen (text) != 10 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (out, d, m, y);
  return TRUE;
}

static void
add_issue (KhAssessmentCheck   *check,
           KhAssessmentProblem  problem,
           KhAssessmentStep     step,
           char                *message)   /* (transfer full) */
{
  KhAssessmentIssue *issue = g_new0 (KhAssessmentIssue, 1);

  issue->problem = problem;
  issue->step = step;
  issue->message = message;
  g_ptr_array_add (check->issues, issue);
  check->step_complete[step] = FALSE;
}

static void
issue_free (KhAssessmentIssue *issue)
{
  g_free (issue->message);
  g_free (issue);
}

#define ISSUE(p, s, msg) add_issue (check, (p), (s), g_strdup (msg))

static void
check_start (const KhAssessment *a,
             const char         *today,
             KhAssessmentCheck  *check)
{
  GDate date, now;
  const KhAssessmentStep s = KH_ASSESSMENT_STEP_START;

  if (!valid_iso_date (a->assessed_on, &date))
    ISSUE (KH_ASSESSMENT_PROBLEM_DATE, s, _("Enter the date of the assessment."));
  else if (valid_iso_date (today, &now) && g_date_compare (&date, &now) > 0)
    ISSUE (KH_ASSESSMENT_PROBLEM_DATE, s, _("The date of the assessment cannot be in the future."));

  /* 36 § 3 mom: together with the client. */
  if (a->client_present == KH_ANSWER_UNANSWERED)
    ISSUE (KH_ASSESSMENT_PROBLEM_CLIENT_PRESENT, s, _("Record whether the client took part."));
  else if (a->client_present == KH_ANSWER_NO && !has_text (a->client_absent_reason))
    ISSUE (KH_ASSESSMENT_PROBLEM_CLIENT_PRESENT, s,
           _("The assessment is made together with the client: say why the client did not take part."));

  for (guint i = 0; i < a->participants->len; i++)
    {
      const KhParticipant *p = g_ptr_array_index (a->participants, i);

      if (kh_participant_kind_key (p->kind) == NULL || !has_text (p->name))
        {
          ISSUE (KH_ASSESSMENT_PROBLEM_PARTICIPANT, s,
                 _("Every participant needs a name and what they took part as."));
          break;
        }
    }

  /* 36 § 4 mom: rights, obligations, options and their effects, understood. */
  if (a->client_present == KH_ANSWER_YES
      && (a->rights_explained != KH_ANSWER_YES || a->options_explained != KH_ANSWER_YES
          || a->client_understood == KH_ANSWER_UNANSWERED))
    ISSUE (KH_ASSESSMENT_PROBLEM_INFORMED, s,
           _("Record that the client’s rights and obligations and the options and their effects were explained, and whether the client understood them."));
  else if (a->client_understood != KH_ANSWER_YES && a->client_understood != KH_ANSWER_UNANSWERED
           && !has_text (a->information_note))
    ISSUE (KH_ASSESSMENT_PROBLEM_INFORMED, s,
           _("The client did not fully understand: say how this was taken into account."));

  /* Children living with the client. */
  if (a->has_children == KH_ANSWER_UNANSWERED)
    ISSUE (KH_ASSESSMENT_PROBLEM_CHILDREN, s, _("Record whether children live with the client."));
  else if (a->has_children == KH_ANSWER_YES
           && (a->children_count == 0 || a->children_checked == KH_ANSWER_UNANSWERED))
    ISSUE (KH_ASSESSMENT_PROBLEM_CHILDREN, s,
           _("Record how many children live with the client and whether their situation was checked."));
  else if (a->has_children == KH_ANSWER_YES && a->children_checked == KH_ANSWER_NO
           && !has_text (a->children_note))
    ISSUE (KH_ASSESSMENT_PROBLEM_CHILDREN, s,
           _("The children’s situation was not checked: say why, and what follows."));
}

static void
check_client_view (const KhAssessment *a,
                   KhAssessmentCheck  *check)
{
  const KhAssessmentStep s = KH_ASSESSMENT_STEP_CLIENT_VIEW;

  /* 37 § 3 kohta: unless there is an evident obstacle. */
  if (!has_text (a->client_view) && !has_text (a->client_view_obstacle))
    ISSUE (KH_ASSESSMENT_PROBLEM_CLIENT_VIEW, s,
           _("Write the client’s own view of their situation and need for support, or why it could not be asked."));
  for (guint i = 0; i < a->areas->len; i++)
    {
      const KhAreaAssessment *area = g_ptr_array_index (a->areas, i);

      if (area->client_rating != KH_RATING_NONE
          && (area->client_rating < KH_RATING_MIN || area->client_rating > KH_RATING_MAX))
        {
          ISSUE (KH_ASSESSMENT_PROBLEM_RATING, s, _("A rating is from 1 to 5."));
          break;
        }
    }
}

static void
check_areas (const KhAssessment *a,
             KhAssessmentCheck  *check)
{
  const KhAssessmentStep s = KH_ASSESSMENT_STEP_LIFE_AREAS;
  gboolean any = FALSE;

  for (guint i = 0; i < a->areas->len; i++)
    {
      const KhAreaAssessment *area = g_ptr_array_index (a->areas, i);

      any |= has_text (area->situation) || has_text (area->strengths) || has_text (area->concerns);
      if (area->worker_rating != KH_RATING_NONE
          && (area->worker_rating < KH_RATING_MIN || area->worker_rating > KH_RATING_MAX))
        ISSUE (KH_ASSESSMENT_PROBLEM_RATING, s, _("A rating is from 1 to 5."));
    }
  /* 37 § 1 kohta asks for a summary of the client's situation: it rests
   * on at least one area described. */
  if (!any)
    ISSUE (KH_ASSESSMENT_PROBLEM_AREAS, s, _("Describe the client’s situation in at least one life area."));
}

static void
check_special_support (const KhAssessment *a,
                       KhAssessmentCheck  *check)
{
  const KhAssessmentStep s = KH_ASSESSMENT_STEP_SPECIAL_SUPPORT;

  /* 37 §: whether there is a need for support, and its nature. */
  if (a->support_needed == KH_ANSWER_UNANSWERED)
    ISSUE (KH_ASSESSMENT_PROBLEM_SUPPORT_NEEDED, s, _("Conclude whether the client needs social services."));
  else if (a->support_needed == KH_ANSWER_YES && a->need_duration == KH_NEED_DURATION_UNANSWERED)
    ISSUE (KH_ASSESSMENT_PROBLEM_NEED_DURATION, s,
           _("Say whether the need for support is temporary, recurring or long-term."));

  /* 3 §: a professional judgement, with its reasons either way. */
  if (a->special_support == KH_ANSWER_UNANSWERED || a->special_support == KH_ANSWER_PARTLY)
    ISSUE (KH_ASSESSMENT_PROBLEM_SPECIAL_SUPPORT, s, _("Assess whether the client needs special support."));
  else if (!has_text (a->special_support_reasons))
    ISSUE (KH_ASSESSMENT_PROBLEM_SPECIAL_SUPPORT, s,
           _("Give the reasons for the assessment of special support."));
}

static void
check_conclusions (const KhAssessment *a,
                   KhAssessmentCheck  *check)
{
  const KhAssessmentStep s = KH_ASSESSMENT_STEP_CONCLUSIONS;

  if (!has_text (a->summary))
    ISSUE (KH_ASSESSMENT_PROBLEM_SUMMARY, s,
           _("Write a summary of the client’s situation and need for services and special support."));
  if (!has_text (a->conclusions))
    ISSUE (KH_ASSESSMENT_PROBLEM_CONCLUSIONS, s,
           _("Write your conclusions on the conditions for a client relationship."));
  if (a->support_needed == KH_ANSWER_YES && a->services == 0)
    ISSUE (KH_ASSESSMENT_PROBLEM_SERVICES, s, _("Name the services the client needs."));
  /* 37 § 4 kohta: the client's and the professional's view. */
  if (a->client_on_worker == KH_RESPONSIBLE_WORKER_UNANSWERED
      || a->worker_on_worker == KH_RESPONSIBLE_WORKER_UNANSWERED
      || a->worker_on_worker == KH_RESPONSIBLE_WORKER_NO_VIEW)
    ISSUE (KH_ASSESSMENT_PROBLEM_RESPONSIBLE_WORKER, s,
           _("Record both the client’s and your own view on whether a named responsible worker is needed."));
  if (a->next_step == KH_NEXT_STEP_UNANSWERED)
    ISSUE (KH_ASSESSMENT_PROBLEM_NEXT_STEP, s, _("Choose what follows the assessment."));
  else if ((a->next_step == KH_NEXT_STEP_CLOSE || a->next_step == KH_NEXT_STEP_OTHER_AUTHORITY)
           && !has_text (a->next_step_reasons))
    ISSUE (KH_ASSESSMENT_PROBLEM_NEXT_STEP, s,
           a->next_step == KH_NEXT_STEP_CLOSE
           ? _("Give the reasons why there are no grounds for a client relationship.")
           : _("Say which authority is contacted and why."));
  else if (a->next_step == KH_NEXT_STEP_CLOSE && a->support_needed == KH_ANSWER_YES)
    ISSUE (KH_ASSESSMENT_PROBLEM_NEXT_STEP, s,
           _("The client needs social services: the case cannot be closed for lack of grounds."));
  if (a->disagreement && (!has_text (a->client_disagreement) || !has_text (a->worker_disagreement)))
    ISSUE (KH_ASSESSMENT_PROBLEM_DISAGREEMENT, s,
           _("Where you and the client see things differently, record both views."));
}

/* The one text check of core (kh_text_check_field): the limit, and no
 * invisible or direction-changing character. The first problem only. */
static gboolean
text_problem (KhAssessmentCheck *check,
              const char        *text,
              KhTextKind         kind,
              guint              max,
              KhAssessmentStep   step)
{
  g_autoptr(GError) error = NULL;

  if (kh_text_check_field (NULL, text, kind, max, &error))
    return FALSE;
  add_issue (check, KH_ASSESSMENT_PROBLEM_TEXT, step, g_strdup (error->message));
  return TRUE;
}

static void
check_texts (const KhAssessment *a,
             KhAssessmentCheck  *check)
{
#define CHECK_TEXT(f, step) \
  if (text_problem (check, a->f, KH_TEXT_NOTE, KH_ASSESSMENT_TEXT_MAX, KH_ASSESSMENT_STEP_##step)) \
    return;
  TEXT_FIELDS (CHECK_TEXT)
#undef CHECK_TEXT
  for (guint i = 0; i < a->participants->len; i++)
    {
      const KhParticipant *p = g_ptr_array_index (a->participants, i);

      if (text_problem (check, p->name, KH_TEXT_LINE, KH_ASSESSMENT_SHORT_TEXT_MAX, KH_ASSESSMENT_STEP_START)
          || text_problem (check, p->role, KH_TEXT_LINE, KH_ASSESSMENT_SHORT_TEXT_MAX, KH_ASSESSMENT_STEP_START))
        return;
    }
  for (guint i = 0; i < a->areas->len; i++)
    {
      const KhAreaAssessment *area = g_ptr_array_index (a->areas, i);
      const char *texts[] = { area->situation, area->strengths, area->concerns };

      for (guint j = 0; j < G_N_ELEMENTS (texts); j++)
        if (text_problem (check, texts[j], KH_TEXT_NOTE, KH_ASSESSMENT_TEXT_MAX,
                          KH_ASSESSMENT_STEP_LIFE_AREAS))
          return;
    }
}

static int
by_step (gconstpointer a,
         gconstpointer b)
{
  const KhAssessmentIssue *x = *(KhAssessmentIssue * const *) a;
  const KhAssessmentIssue *y = *(KhAssessmentIssue * const *) b;

  return (int) x->step - (int) y->step;
}

/**
 * kh_assessment_check:
 * @assessment: a normalised assessment
 * @today: (nullable): today's ISO date, for the date's check
 *
 * Returns: (transfer full): which steps are complete, what is missing or
 *   wrong (each with the step where it is put right and a translated
 *   message), and whether the assessment can be finished.
 */
KhAssessmentCheck *
kh_assessment_check (const KhAssessment *a,
                     const char         *today)
{
  KhAssessmentCheck *check = g_new0 (KhAssessmentCheck, 1);

  g_return_val_if_fail (a != NULL, check);

  check->issues = g_ptr_array_new_with_free_func ((GDestroyNotify) issue_free);
  for (guint i = 0; i < KH_ASSESSMENT_N_STEPS; i++)
    check->step_complete[i] = TRUE;

  check_start (a, today, check);
  check_client_view (a, check);
  check_areas (a, check);
  check_special_support (a, check);
  check_conclusions (a, check);
  check_texts (a, check);
  /* Stable: within a step, the order the form shows them in. */
  g_ptr_array_sort (check->issues, by_step);

  check->step_complete[KH_ASSESSMENT_STEP_REVIEW] = check->issues->len == 0;
  check->can_finish = check->issues->len == 0 && a->status == KH_ASSESSMENT_DRAFT;
  check->needs_social_worker = a->special_support == KH_ANSWER_YES;
  check->first_incomplete = KH_ASSESSMENT_STEP_REVIEW;
  for (guint i = 0; i < KH_ASSESSMENT_STEP_REVIEW; i++)
    if (!check->step_complete[i])
      {
        check->first_incomplete = i;
        break;
      }
  return check;
}

void
kh_assessment_check_free (KhAssessmentCheck *check)
{
  if (check == NULL)
    return;
  g_ptr_array_unref (check->issues);
  g_free (check);
}

gboolean
kh_assessment_check_has (const KhAssessmentCheck *check,
                         KhAssessmentProblem      problem)
{
  g_return_val_if_fail (check != NULL, FALSE);

  for (guint i = 0; i < check->issues->len; i++)
    if (((KhAssessmentIssue *) g_ptr_array_index (check->issues, i))->problem == problem)
      return TRUE;
  return FALSE;
}

/* ---- versions ---- */

KhAssessment *
kh_assessment_new_version (const KhAssessment  *finished,
                           const char          *reason,
                           char               **out_message)
{
  g_autofree char *cleaned = kh_text_clean_note (reason);
  g_autoptr(GError) error = NULL;
  KhAssessment *next;

  g_return_val_if_fail (finished != NULL, NULL);

  if (finished->status != KH_ASSESSMENT_FINISHED)
    {
      if (out_message != NULL)
        *out_message = g_strdup (_("Only a finished assessment is changed as a new version: a draft can be edited as it is."));
      return NULL;
    }
  if (!has_text (cleaned))
    {
      if (out_message != NULL)
        *out_message = g_strdup (_("Say why the finished assessment is changed."));
      return NULL;
    }
  if (!kh_text_check_field (NULL, cleaned, KH_TEXT_NOTE, KH_ASSESSMENT_TEXT_MAX, &error))
    {
      if (out_message != NULL)
        *out_message = g_strdup (error->message);
      return NULL;
    }

  next = kh_assessment_copy (finished);
  next->previous_id = finished->id;
  next->id = 0;
  next->version = finished->version + 1;
  next->status = KH_ASSESSMENT_DRAFT;
  next->revision = 0;
  next->current_step = KH_ASSESSMENT_STEP_START;
  g_free (next->change_reason);
  next->change_reason = g_steal_pointer (&cleaned);
  g_clear_pointer (&next->finished_at, g_date_time_unref);
  next->finished_by = 0;
  return next;
}

/* ---- the self-assessment's wording ---- */

char **
kh_assessment_parse_self_assessment_answers (const char *setting)
{
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) answers = NULL;

  if (setting == NULL)
    return NULL;
  lines = g_strsplit (setting, "\n", -1);
  answers = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *answer = kh_text_clean (lines[i]);

      /* Blank lines are skipped. */
      if (answer == NULL)
        continue;
      if (g_utf8_strlen (answer, -1) > KH_SELF_ASSESSMENT_ANSWER_MAX)
        return NULL;
      g_ptr_array_add (answers, g_steal_pointer (&answer));
    }
  if (answers->len != KH_RATING_MAX)
    return NULL;
  g_ptr_array_add (answers, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&answers), FALSE);
}

const char *
kh_assessment_default_area_label_in (const char *key,
                                     const char *language)
{
  int value = kh_enum_table_value (default_areas, key);

  return value != 0 ? kh_enum_table_label_in (default_areas, value, language) : NULL;
}
