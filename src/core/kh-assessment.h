/* kh-assessment.h — the service-need assessment (SHL 36–37 §) as a record,
 * and its rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The assessment wizard keeps a KhAssessment and renders what
 * kh_assessment_check() says about it: which steps are complete, what the
 * law requires and is still missing (37 §: the summary, the professional's
 * conclusions, the client's own view, both views on a named responsible
 * worker; 36 §: done with the client, rights and options explained, the
 * situation of children in the client's care checked), and so whether it
 * can be finished. The store calls the same check before it finishes an
 * assessment, and the database keeps a finished one frozen: a later change
 * is a new version with a reason (kh_assessment_new_version).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The wizard's steps, in order. */
typedef enum {
  KH_ASSESSMENT_STEP_START = 0,          /* date, participants, how informed, children */
  KH_ASSESSMENT_STEP_CLIENT_VIEW,        /* the client's own view and self-assessment */
  KH_ASSESSMENT_STEP_LIFE_AREAS,         /* situation, strengths, concerns per area */
  KH_ASSESSMENT_STEP_SPECIAL_SUPPORT,    /* special support (3 §), nature of the need (37 §) */
  KH_ASSESSMENT_STEP_CONCLUSIONS,        /* summary, conclusions, services, omatyöntekijä, next step */
  KH_ASSESSMENT_STEP_REVIEW,             /* everything on one page; finishing */
  KH_ASSESSMENT_N_STEPS
} KhAssessmentStep;

/* Integer values below are stored: fixed, only ever appended. 0 is "not
 * answered yet" in each. */

/* Who took part besides the client and the worker (36 § 3 mom, 41 §). */
typedef enum {
  KH_PARTICIPANT_RELATIVE = 1,           /* omainen tai läheinen / anhörig eller närstående */
  KH_PARTICIPANT_LEGAL_REPRESENTATIVE = 2,/* laillinen edustaja / laglig företrädare */
  KH_PARTICIPANT_PROFESSIONAL = 3,       /* another professional or authority (41 §) */
  KH_PARTICIPANT_INTERPRETER = 4,
  KH_PARTICIPANT_SUPPORT_PERSON = 5,     /* tukihenkilö / stödperson */
} KhParticipantKind;
#define KH_PARTICIPANT_FIRST KH_PARTICIPANT_RELATIVE
#define KH_PARTICIPANT_LAST KH_PARTICIPANT_SUPPORT_PERSON

/* A three-way answer. */
typedef enum {
  KH_ANSWER_UNANSWERED = 0,
  KH_ANSWER_YES = 1,
  KH_ANSWER_NO = 2,
  KH_ANSWER_PARTLY = 3,                  /* only where a question allows it */
} KhAnswer;

/* 37 §: whether the need for support is temporary, recurring or long-term. */
typedef enum {
  KH_NEED_DURATION_UNANSWERED = 0,
  KH_NEED_DURATION_TEMPORARY = 1,        /* tilapäinen / tillfällig */
  KH_NEED_DURATION_RECURRING = 2,        /* toistuva / återkommande */
  KH_NEED_DURATION_LONG_TERM = 3,        /* pitkäaikainen / långvarig */
} KhNeedDuration;
#define KH_NEED_DURATION_FIRST KH_NEED_DURATION_TEMPORARY
#define KH_NEED_DURATION_LAST KH_NEED_DURATION_LONG_TERM

/* 37 § 4 kohta, 42 §: a view on a named responsible worker (omatyöntekijä). */
typedef enum {
  KH_RESPONSIBLE_WORKER_UNANSWERED = 0,
  KH_RESPONSIBLE_WORKER_NEEDED = 1,
  KH_RESPONSIBLE_WORKER_NOT_NEEDED = 2,  /* evidently unnecessary (42 § 1 mom) */
  KH_RESPONSIBLE_WORKER_HAS_ONE = 3,     /* another responsible worker is already named */
  KH_RESPONSIBLE_WORKER_NO_VIEW = 4,     /* the client gave no view (client's side only) */
} KhResponsibleWorkerView;
#define KH_RESPONSIBLE_WORKER_FIRST KH_RESPONSIBLE_WORKER_NEEDED
#define KH_RESPONSIBLE_WORKER_LAST KH_RESPONSIBLE_WORKER_NO_VIEW

/* What follows the assessment. */
typedef enum {
  KH_NEXT_STEP_UNANSWERED = 0,
  KH_NEXT_STEP_CLIENT_PLAN = 1,          /* 39 §: the assessment is completed with a plan */
  KH_NEXT_STEP_DECISION = 2,             /* 45 §: a decision on services */
  KH_NEXT_STEP_CLOSE = 3,                /* 34 §: no grounds for clienthood; reasons */
  KH_NEXT_STEP_OTHER_AUTHORITY = 4,      /* 40 §: the need belongs to another authority */
} KhNextStep;
#define KH_NEXT_STEP_FIRST KH_NEXT_STEP_CLIENT_PLAN
#define KH_NEXT_STEP_LAST KH_NEXT_STEP_OTHER_AUTHORITY

/* The services of SHL 14 § that the assessment can say are needed. Flags
 * (a 64-bit set); the order is the section's. */
typedef enum {
  KH_SHL_SERVICE_SOCIAL_WORK = 1,                /* 1 sosiaalityö */
  KH_SHL_SERVICE_SOCIAL_GUIDANCE,                /* 2 sosiaaliohjaus */
  KH_SHL_SERVICE_SOCIAL_REHABILITATION,          /* 3 sosiaalinen kuntoutus */
  KH_SHL_SERVICE_FAMILY_WORK,                    /* 4 perhetyö */
  KH_SHL_SERVICE_FAMILY_HOME_HELP,               /* 5 lapsiperheen kotipalvelu */
  KH_SHL_SERVICE_SUPPORT_SERVICES,               /* 6 tukipalvelut */
  KH_SHL_SERVICE_HOME_CARE,                      /* 7 kotihoito */
  KH_SHL_SERVICE_TEMPORARY_HOUSING,              /* 8 tilapäinen asuminen */
  KH_SHL_SERVICE_SUPPORTED_HOUSING,              /* 9 tuettu asuminen */
  KH_SHL_SERVICE_COMMUNAL_HOUSING,               /* 10 yhteisöllinen asuminen */
  KH_SHL_SERVICE_24H_SERVICE_HOUSING,            /* 11 ympärivuorokautinen palveluasuminen */
  KH_SHL_SERVICE_INSTITUTIONAL_CARE,             /* 12 laitospalvelut */
  KH_SHL_SERVICE_MOBILITY,                       /* 13 liikkumista tukevat palvelut */
  KH_SHL_SERVICE_SUBSTANCE_WORK,                 /* 14 päihde- ja riippuvuustyö */
  KH_SHL_SERVICE_SUBSTANCE_SPECIAL,              /* 15 … erityiset palvelut */
  KH_SHL_SERVICE_DAY_CENTRE,                     /* 16 päiväkeskuspalvelu */
  KH_SHL_SERVICE_MENTAL_HEALTH_WORK,             /* 17 mielenterveystyö */
  KH_SHL_SERVICE_MENTAL_HEALTH_SERVICES,         /* 18 mielenterveystyön palvelut */
  KH_SHL_SERVICE_FAMILY_COUNSELLING,             /* 19 kasvatus- ja perheneuvonta */
  KH_SHL_SERVICE_SUPERVISED_MEETINGS,            /* 20 tapaamisten valvonta */
  KH_SHL_SERVICE_CARER_LEAVE,                    /* 21 omaista hoitavan vapaa */
  /* Services that 14 § names as arranged under other acts. */
  KH_SHL_SERVICE_INCOME_SUPPORT,                 /* toimeentulotuki (1412/1997) */
  KH_SHL_SERVICE_SOCIAL_CREDIT,                  /* sosiaalinen luotto */
  KH_SHL_SERVICE_REHABILITATIVE_WORK,            /* kuntouttava työtoiminta (189/2001) */
  KH_SHL_SERVICE_INFORMAL_CARE_SUPPORT,          /* omaishoidon tuki */
  KH_SHL_SERVICE_OTHER,                          /* another service for an 11 § need */
} KhShlService;
#define KH_SHL_SERVICE_FIRST KH_SHL_SERVICE_SOCIAL_WORK
#define KH_SHL_SERVICE_LAST KH_SHL_SERVICE_OTHER
#define KH_SHL_SERVICE_BIT(s) (G_GUINT64_CONSTANT (1) << (s))

/* A rating of a life area, by the client or the worker: 1 (serious
 * difficulties) to 5 (going well); 0 is not rated. The unit's own scale,
 * not a national measure (domain-law.md 7: AVAIN's scale is not used). */
#define KH_RATING_NONE 0
#define KH_RATING_MIN  1
#define KH_RATING_MAX  5

/* The longest texts, in characters; the store enforces the same. */
#define KH_ASSESSMENT_SHORT_TEXT_MAX  200     /* names, roles, organisations */
#define KH_ASSESSMENT_TEXT_MAX       8000     /* every free text */

typedef struct
{
  KhParticipantKind kind;
  char             *name;
  char             *role;                 /* relation, profession or organisation */
} KhParticipant;

/* One life area as assessed. `key` and `label` are copied from the unit's
 * list when the assessment starts, so that a finished assessment shows the
 * areas it was made with whatever the list says later. */
typedef struct
{
  char  *key;
  char  *label;
  char  *situation;
  char  *strengths;                       /* vahvuudet ja voimavarat */
  char  *concerns;
  int    client_rating;                   /* KH_RATING_* */
  int    worker_rating;
} KhAreaAssessment;

typedef enum {
  KH_ASSESSMENT_DRAFT = 1,
  KH_ASSESSMENT_FINISHED = 2,
} KhAssessmentStatus;

typedef struct _KhAssessment KhAssessment;
struct _KhAssessment
{
  gint64      id;                         /* 0 until saved */
  gint64      case_id;
  gint64      client_id;
  int         version;                    /* 1, 2, … : a finished one changed is a new version */
  gint64      previous_id;                /* the version this one changes, or 0 */
  char       *change_reason;              /* why the finished version was changed */
  KhAssessmentStatus status;
  gint64      revision;                   /* the stored draft's revision (stale saves) */
  /* The wizard's step the draft was left at, so that opening it again
   * continues there (issue 7, 3). Where the worker is, not what the
   * assessment says: kh_assessment_equal() does not compare it. */
  KhAssessmentStep current_step;

  /* Start (36 §) */
  char       *assessed_on;                /* ISO date of the meeting */
  KhAnswer    client_present;
  char       *client_absent_reason;
  GPtrArray  *participants;               /* KhParticipant */
  KhAnswer    rights_explained;           /* rights and obligations */
  KhAnswer    options_explained;          /* options and their effects */
  KhAnswer    client_understood;          /* YES, PARTLY or NO */
  char       *information_note;           /* how the client was informed, an interpreter … */
  KhAnswer    has_children;               /* children living with the client */
  guint       children_count;
  KhAnswer    children_checked;           /* their situation was checked */
  char       *children_note;

  /* The client's own view (37 § 3 kohta) */
  char       *client_view;                /* in the client's own words */
  char       *client_view_obstacle;       /* why there is none (an evident obstacle) */

  /* Life areas, and the 11 § support needs as the legal frame */
  GPtrArray  *areas;                      /* KhAreaAssessment, in the unit's order */
  guint       needs;                      /* KhNeed flags */

  /* Special support (3 §) and the nature of the need (37 §) */
  KhAnswer    support_needed;             /* is there a need for social services at all */
  KhAnswer    special_support;
  char       *special_support_reasons;
  KhNeedDuration need_duration;

  /* Conclusions (37 § 1–2, 4 kohta) */
  char       *summary;                    /* the client's situation and need for services */
  char       *conclusions;               /* on the conditions for clienthood */
  guint64     services;                   /* KH_SHL_SERVICE_BIT flags */
  char       *services_note;
  KhResponsibleWorkerView client_on_worker;
  KhResponsibleWorkerView worker_on_worker;
  char       *responsible_worker_note;
  KhNextStep  next_step;
  char       *next_step_reasons;          /* required when closing or passing on */
  gboolean    disagreement;               /* the client and the worker see it differently */
  char       *client_disagreement;
  char       *worker_disagreement;

  /* Set by the store when finished */
  GDateTime  *finished_at;
  gint64      finished_by;
};

KhAssessment *kh_assessment_new          (void);
KhAssessment *kh_assessment_copy         (const KhAssessment *assessment);
void          kh_assessment_free         (KhAssessment       *assessment);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KhAssessment, kh_assessment_free)
gboolean      kh_assessment_equal        (const KhAssessment *a,
                                          const KhAssessment *b);

KhParticipant *kh_participant_new        (KhParticipantKind kind,
                                          const char       *name,
                                          const char       *role);
void           kh_participant_free       (KhParticipant    *participant);
KhAreaAssessment *kh_area_assessment_new (const char       *key,
                                          const char       *label);
void           kh_area_assessment_free   (KhAreaAssessment *area);

/* A new draft for a case, with the unit's life areas (keys and labels,
 * NULL-terminated, the same length) and today's date. */
KhAssessment *kh_assessment_start        (gint64              case_id,
                                          gint64              client_id,
                                          const char * const *area_keys,
                                          const char * const *area_labels,
                                          const char         *today);

/* Cleans every text (kh_text_clean) and clears what does not apply: no
 * absence reason when the client was present, no children's note without
 * children, no reasons for closing when the next step is a plan, … */
void          kh_assessment_normalize    (KhAssessment       *assessment);

/* The parts of the wizard that show only for some answers. */
typedef enum {
  KH_ASSESSMENT_FIELD_CLIENT_ABSENT_REASON,   /* the client did not take part */
  KH_ASSESSMENT_FIELD_CHILDREN_DETAILS,       /* how many, checked, note: children live with the client */
  KH_ASSESSMENT_FIELD_CLIENT_VIEW_OBSTACLE,   /* no view of the client's own written */
  KH_ASSESSMENT_FIELD_NEED_DURATION,          /* support is needed */
  KH_ASSESSMENT_FIELD_SERVICES,               /* support is needed, or not yet concluded */
  KH_ASSESSMENT_FIELD_NEXT_STEP_REASONS,      /* closing, or another authority */
  KH_ASSESSMENT_FIELD_DISAGREEMENT_VIEWS,     /* the client and the worker disagree */
  KH_ASSESSMENT_N_FIELDS
} KhAssessmentField;

/* Whether `field` applies to the assessment as it is: what
 * kh_assessment_normalize() keeps, and what the wizard shows. */
gboolean      kh_assessment_field_applies (const KhAssessment *assessment,
                                           KhAssessmentField   field);

/* What the law requires and is missing, or wrong. */
typedef enum {
  KH_ASSESSMENT_PROBLEM_NONE = 0,
  KH_ASSESSMENT_PROBLEM_DATE,                 /* no date, or one in the future */
  KH_ASSESSMENT_PROBLEM_CLIENT_PRESENT,       /* 36 § 3 mom: with the client, or why not */
  KH_ASSESSMENT_PROBLEM_PARTICIPANT,          /* a participant without a name or kind */
  KH_ASSESSMENT_PROBLEM_INFORMED,             /* 36 § 4 mom: rights, options, understood */
  KH_ASSESSMENT_PROBLEM_CHILDREN,             /* 36 §: children's situation checked */
  KH_ASSESSMENT_PROBLEM_CLIENT_VIEW,          /* 37 § 3 kohta: the view, or the obstacle */
  KH_ASSESSMENT_PROBLEM_AREAS,                /* no life area assessed at all */
  KH_ASSESSMENT_PROBLEM_RATING,               /* a rating outside 1–5 */
  KH_ASSESSMENT_PROBLEM_SUPPORT_NEEDED,       /* 37 §: whether support is needed */
  KH_ASSESSMENT_PROBLEM_SPECIAL_SUPPORT,      /* 3 §: the judgement, with reasons */
  KH_ASSESSMENT_PROBLEM_NEED_DURATION,        /* 37 §: temporary, recurring or long-term */
  KH_ASSESSMENT_PROBLEM_SUMMARY,              /* 37 § 1 kohta */
  KH_ASSESSMENT_PROBLEM_CONCLUSIONS,          /* 37 § 2 kohta */
  KH_ASSESSMENT_PROBLEM_SERVICES,             /* support needed but no service named */
  KH_ASSESSMENT_PROBLEM_RESPONSIBLE_WORKER,   /* 37 § 4 kohta: both views */
  KH_ASSESSMENT_PROBLEM_NEXT_STEP,            /* the next step, and reasons for closing */
  KH_ASSESSMENT_PROBLEM_DISAGREEMENT,         /* both views of a disagreement */
  KH_ASSESSMENT_PROBLEM_TEXT,                 /* a text over its limit, or with an invisible character */
  KH_ASSESSMENT_N_PROBLEMS
} KhAssessmentProblem;

typedef struct
{
  KhAssessmentProblem problem;
  KhAssessmentStep    step;               /* where it is put right */
  char               *message;            /* translated, for the review page */
} KhAssessmentIssue;

/* What kh_assessment_check() derives: the wizard renders it. */
typedef struct
{
  gboolean   step_complete[KH_ASSESSMENT_N_STEPS];
  GPtrArray *issues;                      /* KhAssessmentIssue, in step order */
  gboolean   can_finish;                  /* no issues, and still a draft */
  /* 42 §: a special-support client's responsible worker must be a social
   * worker in public office; 46 §: so must the decision maker. */
  gboolean   needs_social_worker;
  KhAssessmentStep first_incomplete;      /* REVIEW when all are complete */
} KhAssessmentCheck;

/* `today` (ISO date) is for the date's check. */
KhAssessmentCheck *kh_assessment_check      (const KhAssessment *assessment,
                                             const char         *today);
void               kh_assessment_check_free (KhAssessmentCheck  *check);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KhAssessmentCheck, kh_assessment_check_free)

/* Whether `problem` is among the check's issues. */
gboolean           kh_assessment_check_has  (const KhAssessmentCheck *check,
                                             KhAssessmentProblem      problem);

/* The draft of a new version of a finished assessment, with the reason for
 * the change (required: FALSE and a translated message without one, or
 * when `finished` is not finished). */
KhAssessment *kh_assessment_new_version  (const KhAssessment *finished,
                                          const char         *reason,
                                          char              **out_message);

/* Keys and labels. */
const char   *kh_assessment_step_label   (KhAssessmentStep        step);
const char   *kh_participant_kind_key    (KhParticipantKind       kind);
const char   *kh_participant_kind_label  (KhParticipantKind       kind);
KhParticipantKind kh_participant_kind_from_key (const char     *key);
const char   *kh_need_duration_key       (KhNeedDuration          value);
const char   *kh_need_duration_label     (KhNeedDuration          value);
const char   *kh_need_duration_label_in  (KhNeedDuration          value,
                                          const char             *language);
const char   *kh_responsible_worker_view_label (KhResponsibleWorkerView value);
const char   *kh_responsible_worker_view_label_in (KhResponsibleWorkerView value,
                                                  const char             *language);
const char   *kh_next_step_key           (KhNextStep              value);
const char   *kh_next_step_label         (KhNextStep              value);
const char   *kh_shl_service_key         (KhShlService            service);
const char   *kh_shl_service_label       (KhShlService            service);
const char   *kh_shl_service_label_in    (KhShlService            service,
                                          const char             *language);
KhShlService  kh_shl_service_from_key    (const char             *key);
const char   *kh_rating_label            (int                     rating);
const char   *kh_rating_label_in         (int                     rating,
                                          const char             *language);
const char   *kh_participant_kind_label_in (KhParticipantKind     kind,
                                            const char           *language);

/* The unit's wording of the self-assessment's five answers (1 serious
 * difficulties … 5 going well): exactly five non-empty lines, each at most
 * 40 characters after cleaning; NULL when `setting` is not that (the
 * application's own wording is then used). */
char        **kh_assessment_parse_self_assessment_answers (const char *setting);
#define KH_SELF_ASSESSMENT_ANSWER_MAX 40

/* The unit's life areas when it has not set its own: the six areas of
 * adult social work and health (domain-law.md 7.3: a local list). */
const char * const *kh_assessment_default_area_keys (void);
const char         *kh_assessment_default_area_label (const char *key);
/* The same in "fi" or "sv" (for a letter); NULL for a key that is not one
 * of the default areas (a unit's own area: its stored label is used). */
const char         *kh_assessment_default_area_label_in (const char *key,
                                                         const char *language);

G_END_DECLS
