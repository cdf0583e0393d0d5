/* kh-intake-state.h — the intake form's state and the rules of a contact
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules of a contact at reception live here, once: which fields apply
 * for a channel, a contact maker and an outcome, what is missing or wrong
 * (a field and a translated message), and which deadlines follow. The
 * intake form renders a KhIntakeView and sends its changes to a
 * KhIntakeState; the store calls kh_contact_check() before it writes and
 * keeps its CHECK constraints and triggers as the last line.
 */
#pragma once

#include <glib.h>

#include "kh-calendar.h"
#include "kh-enums.h"
#include "kh-records.h"

G_BEGIN_DECLS

/* The fields of the intake, for messages and for what applies. */
typedef enum {
  KH_INTAKE_FIELD_NONE = 0,
  KH_INTAKE_FIELD_WHO,                  /* the person, or anonymity */
  KH_INTAKE_FIELD_RECEIVED,
  KH_INTAKE_FIELD_CHANNEL,
  KH_INTAKE_FIELD_CONTACTOR,
  KH_INTAKE_FIELD_CONTACTOR_DETAIL,     /* which authority, or who else */
  KH_INTAKE_FIELD_CONTACTOR_NAME,       /* relative's or legal representative's name */
  KH_INTAKE_FIELD_CONTACTOR_RELATION,
  KH_INTAKE_FIELD_CONTACTOR_CONTACT,
  KH_INTAKE_FIELD_DIRECTED_BY,
  KH_INTAKE_FIELD_REFERRAL,
  KH_INTAKE_FIELD_KELA_KIND,
  KH_INTAKE_FIELD_NEEDS,
  KH_INTAKE_FIELD_REASON_TEXT,
  KH_INTAKE_FIELD_URGENCY,
  KH_INTAKE_FIELD_URGENT_NOTE,
  KH_INTAKE_FIELD_LANGUAGE,
  KH_INTAKE_FIELD_OUTCOME,
  KH_INTAKE_FIELD_SERVICE,
  KH_INTAKE_FIELD_OPENS_CASE,
  KH_INTAKE_FIELD_NO_ASSESSMENT_REASON,
  KH_INTAKE_FIELD_OUTCOME_NOTE,
  KH_INTAKE_FIELD_DEADLINE_GROUPS,
  KH_INTAKE_FIELD_TEAM,                 /* the team whose queue a new case goes to */
  KH_INTAKE_FIELD_ASSIGN_TO,
  KH_INTAKE_N_FIELDS
} KhIntakeField;

/* The longest text each field keeps, in characters (issue 5, 1.13). The
 * store enforces the same numbers with CHECK length(). */
#define KH_CONTACT_SHORT_TEXT_MAX  200   /* names, relation, contact details, authority */
#define KH_CONTACT_NOTE_MAX       2000   /* urgent note, outcome note, no-assessment reason */
#define KH_CONTACT_REASON_MAX     4000   /* the reason in the person's own words */

guint        kh_intake_field_max_length (KhIntakeField field);   /* 0 for a field without text */

/* SHL 34 §: a contact with the person's consent, a notification without
 * consent (35 §) and a Kela notification of a need for social work make
 * the matter pending: they need a case, urgent help, or a reason why an
 * assessment is evidently unnecessary (36 § 1 mom). */
gboolean     kh_contact_makes_pending   (const KhContact *contact);
/* Does `field` apply to a contact with these choices? */
gboolean     kh_contact_field_applies   (const KhContact *contact,
                                         KhIntakeField    field);
/* Makes a contact consistent with its choices: cleans every text, clears
 * what does not apply (a hidden field keeps nothing), derives what follows
 * (anonymous from the contactor, urgent from urgency, DIRECTED from
 * `directed_by`, opens_case for CASE_OPENED). */
void         kh_contact_normalize       (KhContact       *contact);
/* The first problem of a normalised contact, or FALSE when there is none.
 * `has_client`: a person comes with it. `out_message` (may be NULL) gets a
 * translated message for the field. */
gboolean     kh_contact_find_problem    (const KhContact *contact,
                                         gboolean         has_client,
                                         KhIntakeField   *out_field,
                                         char           **out_message);

/* Who the contact is about, as the form knows it. */
typedef enum {
  KH_INTAKE_WHO_NONE = 0,               /* nobody chosen yet */
  KH_INTAKE_WHO_EXISTING = 1,           /* a person found by the search */
  KH_INTAKE_WHO_NEW = 2,                /* a new person being added */
} KhIntakeWho;

/* The intake form's state: a plain record. The form keeps one and replaces
 * its values with the setters; everything it shows is derived from it by
 * kh_intake_view_new(). `original` is the state as it was at the start. */
typedef struct _KhIntakeState KhIntakeState;
struct _KhIntakeState
{
  KhContact   *contact;                 /* the values being recorded (owned) */
  KhContact   *original;                /* as they were when the form was reset (owned) */
  KhIntakeWho  who;
  char        *birth_date;              /* the person's, ISO, or NULL when unknown */
  gboolean     received_valid;          /* the received time could be read */
  guint        deadline_groups;         /* ticked by hand (KhDeadlineGroup) */
  gint64       assign_to;               /* user id; 0 leaves the case in the queue */
  gboolean     services_failed;         /* the directory could not be loaded */
  /* The unit's active teams that a new case can go to (gint64 ids, in the
   * order the form offers them), or NULL while they are not known; the
   * team chosen, and the one the form started with (see
   * kh_intake_state_set_teams). */
  GArray      *teams;
  gint64       team_id;
  gint64       default_team;
};

KhIntakeState *kh_intake_state_new        (void);
KhIntakeState *kh_intake_state_copy       (const KhIntakeState *state);
void           kh_intake_state_free       (KhIntakeState *state);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KhIntakeState, kh_intake_state_free)
/* Has anything been entered since the start? */
gboolean       kh_intake_state_has_changes (const KhIntakeState *state);

/* Setters: each replaces one value (strings are copied and cleaned). */
void kh_intake_state_set_anonymous  (KhIntakeState *state, gboolean anonymous);
void kh_intake_state_set_who        (KhIntakeState *state, KhIntakeWho who, const char *birth_date);
void kh_intake_state_set_received   (KhIntakeState *state, GDateTime *received_at);   /* NULL: unreadable */
void kh_intake_state_set_channel    (KhIntakeState *state, KhChannel channel);
void kh_intake_state_set_contactor  (KhIntakeState *state, KhContactor contactor);
void kh_intake_state_set_referral   (KhIntakeState *state, KhReferral referral);
void kh_intake_state_set_kela_kind  (KhIntakeState *state, KhKelaKind kind);
void kh_intake_state_set_text       (KhIntakeState *state, KhIntakeField field, const char *text);
void kh_intake_state_set_needs      (KhIntakeState *state, guint needs);
void kh_intake_state_set_urgency    (KhIntakeState *state, KhUrgency urgency);
void kh_intake_state_set_language   (KhIntakeState *state, KhLanguage language, gboolean interpreter);
void kh_intake_state_set_outcome    (KhIntakeState *state, KhOutcome outcome);
void kh_intake_state_set_opens_case (KhIntakeState *state, gboolean opens_case);
void kh_intake_state_set_service    (KhIntakeState *state, gint64 service_id);
void kh_intake_state_set_deadline_groups (KhIntakeState *state, guint groups);
void kh_intake_state_set_assign_to  (KhIntakeState *state, gint64 user_id);
/* The unit's active teams (`team_ids`, in the order offered) and the
 * receptionist's own team (0: none): the team becomes the default
 * (kh_intake_default_team) unless one of these teams was chosen already. */
void kh_intake_state_set_teams      (KhIntakeState *state, const gint64 *team_ids, guint n_teams,
                                     gint64 own_team);
void kh_intake_state_set_team       (KhIntakeState *state, gint64 team_id);

/* The team a new case goes to when nobody chose another (issue 5, 2.9):
 * the receptionist's own team when it is among the active teams
 * `team_ids`, else the first of them (the unit's only team, when it has
 * one); 0 when there is no active team. The store decides with the same
 * function when an intake names no team. */
gint64 kh_intake_default_team (const gint64 *team_ids,
                               guint         n_teams,
                               gint64        own_team);

/* What the form shows, derived from a state. */
typedef struct
{
  gboolean  applies[KH_INTAKE_N_FIELDS];
  char     *messages[KH_INTAKE_N_FIELDS];  /* translated, NULL when the field is fine */
  KhIntakeField first_problem;             /* NONE when the intake can be saved */
  gboolean  opens_case;
  guint     groups_from_birth;             /* OVER_75 when the birth date says so */
  guint     effective_groups;
  gboolean  seeks_services;                /* a contact to obtain services (SHL 36 § 2 mom) */
  gboolean  has_assessment_deadline;       /* SHL 36 § 2 mom: the 7th working day */
  GDate     assessment_deadline;
  gboolean  has_meeting_deadline;          /* TTL 14 d §: the 7th working day */
  GDate     meeting_deadline;
  gboolean  has_implementation_deadline;   /* SHL 45 §: 3 months from the contact */
  GDate     implementation_deadline;
} KhIntakeView;

/* `now` is the time of the check: a contact received later than a few
 * minutes after it is in the future, and its day is the contact day when
 * the received time cannot be read. `calendar` may be NULL (no deadlines). */
KhIntakeView *kh_intake_view_new  (const KhIntakeState *state,
                                   KhCalendar          *calendar,
                                   GDateTime           *now);
void          kh_intake_view_free (KhIntakeView        *view);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KhIntakeView, kh_intake_view_free)

/* The contact to save: a normalised copy. */
KhContact    *kh_intake_state_build_contact (const KhIntakeState *state);

G_END_DECLS
