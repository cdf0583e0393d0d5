/* kh-client-plan.h — the client plan and its reviews (issue 9, 3–4)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The client plan (asiakassuunnitelma / klientplan, SHL 39 §) is made
 * from a finished service-need assessment, together with the client, and,
 * when the client needs services of several sectors, together with the
 * other agencies (41 §): one plan that all of them follow, with the
 * client's own goals at its centre. What it contains is 39 §'s list
 * (domain-law.md 1.1), "as far as needed"; what this module requires of
 * it before it is accepted is kh_client_plan_check's rule, and the store
 * checks the same.
 *
 * A plan is kept in versions: the first is made from the assessment, each
 * review evaluates every goal with the client and makes the next version
 * (kh_client_plan_compare says what changed since the previous one). The
 * evaluation keeps the four parts of THL's AVAIN measure (goals, factors
 * that help or hinder, services, methods), each with its evaluation, on
 * the unit's own scale (KhPlanScale): domain-law.md 7.1 — the national
 * code lists and scale are not confirmed, so the lists are the unit's
 * configuration and the default scale is the issue's five steps.
 *
 * Pure: no store, no GTK. Dates are GDate; an invalid GDate is "none".
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The longest texts, in characters; the store enforces the same. */
#define KH_PLAN_SHORT_TEXT_MAX   200     /* names, what an action is, a responsibility */
#define KH_PLAN_TEXT_MAX        8000     /* every free text */

/* A goal's course. Fixed codes (only ever appended). */
typedef enum {
  KH_GOAL_ACTIVE = 1,
  KH_GOAL_ACHIEVED = 2,
  KH_GOAL_DROPPED = 3,           /* given up or no longer the client's, with a reason */
} KhGoalStatus;
#define KH_GOAL_STATUS_LAST KH_GOAL_DROPPED

/* Who does an action. */
typedef enum {
  KH_ACTOR_CLIENT = 1,
  KH_ACTOR_WORKER = 2,           /* the responsible worker (or the plan's maker) */
  KH_ACTOR_NETWORK = 3,          /* a person or agency of the client's network: member_id */
} KhActorKind;
#define KH_ACTOR_LAST KH_ACTOR_NETWORK

/* An action's course. */
typedef enum {
  KH_ACTION_PLANNED = 1,
  KH_ACTION_STARTED = 2,
  KH_ACTION_DONE = 3,
  KH_ACTION_DROPPED = 4,
} KhActionStatus;
#define KH_ACTION_STATUS_LAST KH_ACTION_DROPPED

/* 39 § 4 kohta: how often the client and the worker meet (42 §: the
 * responsible worker meets the client in person as often as the plan
 * says). OTHER has its words in meeting_text. */
typedef enum {
  KH_MEETINGS_NOT_SET = 0,
  KH_MEETINGS_WEEKLY = 1,
  KH_MEETINGS_FORTNIGHTLY = 2,
  KH_MEETINGS_MONTHLY = 3,
  KH_MEETINGS_QUARTERLY = 4,
  KH_MEETINGS_OTHER = 5,
} KhMeetingFrequency;
#define KH_MEETINGS_LAST KH_MEETINGS_OTHER

/* AVAIN's second part: a factor of the client's situation and whether it
 * helps or hinders reaching the goals. */
typedef enum {
  KH_FACTOR_HELPS = 1,
  KH_FACTOR_HINDERS = 2,
} KhFactorEffect;

typedef struct
{
  gint64          id;                /* the store's, 0 for a new one */
  char           *what;
  KhActorKind     actor;
  gint64          member_id;         /* KH_ACTOR_NETWORK: the network member */
  char           *actor_name;        /* the member's name as shown (not checked) */
  GDate           due;               /* by when; invalid: no date */
  KhActionStatus  status;
} KhPlanAction;

typedef struct
{
  gint64        id;
  char         *text;                /* in the client's own words */
  char         *area_key;            /* a life area of the unit's list (the assessment's) */
  char         *area_label;          /* its label when the plan was made */
  KhGoalStatus  status;
  char         *status_reason;       /* why it was dropped */
  GPtrArray    *actions;             /* KhPlanAction */
} KhPlanGoal;

/* 41 §: a partner agency and its share of the responsibilities. */
typedef struct
{
  gint64    member_id;               /* the agency in the client's network */
  char     *name;                    /* as shown */
  char     *responsibility;
  gboolean  coordinator;             /* exactly one when there are partners */
} KhPlanPartner;

typedef struct
{
  KhFactorEffect  effect;
  char           *text;
} KhPlanFactor;

typedef struct
{
  gint64          client_id;
  gint64          case_id;
  gint64          assessment_id;     /* the finished assessment it is made from */
  gint64          plan_id;           /* the store's: the plan, the same for all its versions */
  gint64          id;                /* the store's: this version (0: not stored) */
  int             version;           /* 1, 2, …; 0 for one not yet accepted */
  gint64          network_version_id; /* the network version its map shows (0: none) */
  GDate           made_on;
  gboolean        client_took_part;  /* 39 §: drawn up together with the client */
  char           *not_taking_part;   /* why not, when not */

  /* 39 § 1–2 kohta: the need and the services, as the client and as the worker see them */
  char           *need_client_view;
  char           *need_worker_view;
  char           *services_client_view;
  char           *services_worker_view;
  char           *essential_services; /* 3 kohta: with their start and duration */
  char           *strengths;          /* 5 kohta: vahvuudet ja voimavarat */
  char           *environment;        /* 10 kohta: how the situation and surroundings affect functioning */
  char           *client_proposal;    /* 11 kohta: the client's own proposal on how services are produced */
  char           *client_part;        /* the client's own part */

  GPtrArray      *goals;              /* KhPlanGoal; 6 kohta */
  GPtrArray      *factors;            /* KhPlanFactor; AVAIN part 2 */
  GPtrArray      *partners;           /* KhPlanPartner; 8 kohta, 41 § */

  KhMeetingFrequency meetings;       /* 4 kohta */
  char           *meeting_text;
  char           *expected_duration; /* 7 kohta */
  char           *follow_up;         /* 9 kohta: how progress is followed */
  GDate           review_on;         /* 9 kohta: when the plan is reviewed */

  /* A disagreement, with both views and the reasons. */
  char           *disagreement_client;
  char           *disagreement_worker;

  /* A joint plan shared with the partner agencies (39 §, with consent). */
  gboolean        joint;
} KhClientPlan;

KhClientPlan  *kh_client_plan_new        (void);
KhClientPlan  *kh_client_plan_copy       (const KhClientPlan *plan);
void           kh_client_plan_free       (KhClientPlan       *plan);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KhClientPlan, kh_client_plan_free)

KhPlanGoal    *kh_plan_goal_new          (const char   *text,
                                          const char   *area_key,
                                          const char   *area_label);
void           kh_plan_goal_free         (KhPlanGoal   *goal);
KhPlanAction  *kh_plan_action_new        (const char   *what,
                                          KhActorKind   actor,
                                          gint64        member_id,
                                          const char   *actor_name);
void           kh_plan_action_free       (KhPlanAction *action);
KhPlanPartner *kh_plan_partner_new       (gint64        member_id,
                                          const char   *name,
                                          const char   *responsibility,
                                          gboolean      coordinator);
void           kh_plan_partner_free      (KhPlanPartner *partner);
KhPlanFactor  *kh_plan_factor_new        (KhFactorEffect effect,
                                          const char   *text);
void           kh_plan_factor_free       (KhPlanFactor *factor);

/* ---- what a plan needs before it is accepted ---- */

typedef enum {
  KH_PLAN_PROBLEM_DATE,              /* no date, or one in the future */
  KH_PLAN_PROBLEM_TOGETHER,          /* 39 §: with the client, or why not */
  KH_PLAN_PROBLEM_NEED,              /* 39 § 1 kohta: at least one view of the need */
  KH_PLAN_PROBLEM_GOALS,             /* 6 kohta: no goal at all */
  KH_PLAN_PROBLEM_GOAL_TEXT,         /* a goal without words or life area */
  KH_PLAN_PROBLEM_GOAL_REASON,       /* a dropped goal without its reason */
  KH_PLAN_PROBLEM_ACTION,            /* an action without what, who, or a network member */
  KH_PLAN_PROBLEM_PARTNER,           /* a partner without a name or a responsibility */
  KH_PLAN_PROBLEM_COORDINATOR,       /* 41 §: partners, but not exactly one coordinator */
  KH_PLAN_PROBLEM_CONSENT,           /* a joint plan shared with a partner without consent */
  KH_PLAN_PROBLEM_MEETINGS,          /* 4 kohta, 42 § */
  KH_PLAN_PROBLEM_REVIEW,            /* 9 kohta: no review date, or not after the plan's */
  KH_PLAN_PROBLEM_DISAGREEMENT,      /* one view of a disagreement without the other */
  KH_PLAN_PROBLEM_TEXT,              /* a text over its limit, or with an invisible character */
  KH_PLAN_N_PROBLEMS
} KhPlanProblem;

typedef struct
{
  KhPlanProblem problem;
  int           goal;                /* the goal's index, or -1 */
  int           item;                /* the action's or partner's index, or -1 */
  char         *message;             /* translated */
} KhPlanIssue;

/* Whether the client has consented to sharing the plan with a network
 * member (kh_network_may_share's answer for the plan's scope on the
 * plan's date), asked for each partner of a joint plan. */
typedef gboolean (*KhPlanConsentFunc) (gint64   member_id,
                                       gpointer user_data);

/* The problems of `plan` on `today`, in the plan's order: empty when it
 * can be accepted. `consent` may be NULL for a plan that is not joint. */
GPtrArray     *kh_client_plan_check      (const KhClientPlan *plan,
                                          const GDate        *today,
                                          KhPlanConsentFunc   consent,
                                          gpointer            user_data);
gboolean       kh_plan_issues_have       (GPtrArray          *issues,
                                          KhPlanProblem       problem);

/* ---- the unit's evaluation scale ---- */

/* A scale of 2–10 steps, 1 the lowest; each step's label in Finnish and
 * Swedish (the plan letter is in the client's language). */
#define KH_PLAN_SCALE_MIN_STEPS 2
#define KH_PLAN_SCALE_MAX_STEPS 10

typedef struct
{
  int     steps;
  char  **labels_fi;                 /* steps entries */
  char  **labels_sv;
} KhPlanScale;

/* The default: five steps from "no progress" to "achieved". */
KhPlanScale   *kh_plan_scale_new_default (void);
/* From the unit's setting: one step a line, "fi|sv"; NULL with a
 * translated error when it is not 2–10 lines each with both labels. */
KhPlanScale   *kh_plan_scale_parse       (const char         *setting,
                                          GError            **error);
char          *kh_plan_scale_to_setting  (const KhPlanScale  *scale);
const char    *kh_plan_scale_label       (const KhPlanScale  *scale,
                                          int                 rating,
                                          const char         *language);
void           kh_plan_scale_free        (KhPlanScale        *scale);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KhPlanScale, kh_plan_scale_free)

/* ---- a review: every goal evaluated with the client ---- */

/* One evaluation in a review; AVAIN's four parts. */
typedef enum {
  KH_EVALUATED_GOAL = 1,
  KH_EVALUATED_FACTOR = 2,
  KH_EVALUATED_SERVICE = 3,
  KH_EVALUATED_METHOD = 4,
} KhEvaluatedPart;

typedef struct
{
  KhEvaluatedPart part;
  gint64          goal_id;           /* KH_EVALUATED_GOAL */
  char           *subject;           /* the factor, service or method, as shown */
  int             rating;            /* 1 … scale's steps; 0: not rated */
  char           *comment;
} KhPlanEvaluation;

KhPlanEvaluation *kh_plan_evaluation_new  (KhEvaluatedPart part,
                                           gint64          goal_id,
                                           const char     *subject,
                                           int             rating,
                                           const char     *comment);
void              kh_plan_evaluation_free (KhPlanEvaluation *evaluation);

/* A review is complete when every active goal of `plan` has a rating on
 * `scale` (factors, services and methods are evaluated as far as the
 * worker and the client find them relevant). The missing goals' ids are
 * added to `missing` when it is given. */
gboolean       kh_plan_review_complete   (const KhClientPlan *plan,
                                          GPtrArray          *evaluations,
                                          const KhPlanScale  *scale,
                                          GArray             *missing);

/* ---- what changed since the previous version ---- */

typedef struct
{
  GPtrArray *goals_added;            /* KhPlanGoal * (borrowed from the newer plan) */
  GPtrArray *goals_achieved;
  GPtrArray *goals_dropped;
  GPtrArray *actions_done;           /* KhPlanAction *, done since the previous version */
  GPtrArray *actions_late;           /* not done or dropped, due before `today` */
} KhPlanChanges;

/* Goals and actions are matched by id (0 is always new). */
KhPlanChanges *kh_client_plan_compare    (const KhClientPlan *previous,
                                          const KhClientPlan *current,
                                          const GDate        *today);
void           kh_plan_changes_free      (KhPlanChanges      *changes);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KhPlanChanges, kh_plan_changes_free)

/* Labels in the UI language, or in "fi"/"sv"; keys for the store. */
const char    *kh_goal_status_label      (KhGoalStatus        status);
const char    *kh_goal_status_label_in   (KhGoalStatus        status,
                                          const char         *language);
const char    *kh_action_status_label    (KhActionStatus      status);
const char    *kh_action_status_label_in (KhActionStatus      status,
                                          const char         *language);
const char    *kh_actor_label            (KhActorKind         actor);
const char    *kh_meeting_frequency_label (KhMeetingFrequency  meetings);
const char    *kh_meeting_frequency_label_in (KhMeetingFrequency meetings,
                                          const char         *language);
const char    *kh_factor_effect_label    (KhFactorEffect      effect);
const char    *kh_evaluated_part_label   (KhEvaluatedPart     part);

G_END_DECLS
