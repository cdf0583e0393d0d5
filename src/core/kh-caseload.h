/* kh-caseload.h — a social worker's cases in the order they must be seen to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 7, 1: the caseload shows for each case its statutory deadlines and
 * what is overdue or due this week, sorted by urgency. Which deadline is
 * the case's next one, how it stands today, and the order, are decided
 * here, once, without widgets or a database.
 */
#pragma once

#include <glib.h>

#include "kh-records.h"

G_BEGIN_DECLS

/* Which of a case's statutory dates is its next one. */
typedef enum {
  KH_NEXT_DEADLINE_NONE = 0,             /* a closed case, or no date at all */
  KH_NEXT_DEADLINE_ASSESSMENT_START,     /* SHL 36 § 2 mom: the 7th working day */
  KH_NEXT_DEADLINE_IMPLEMENTATION,       /* SHL 45 §: 3 months after pending */
} KhNextDeadline;

/* How the case stands today, most pressing first (the sort's order). */
typedef enum {
  KH_DUE_URGENT = 0,                     /* SHL 36 § 1 mom, 45 §: urgent, whatever its dates */
  KH_DUE_OVERDUE,                        /* its next date is before today */
  KH_DUE_TODAY,
  KH_DUE_THIS_WEEK,                      /* by Sunday of this week */
  KH_DUE_LATER,
  KH_DUE_NO_DATE,                        /* no statutory date (closed, or none applies) */
} KhDueStatus;

typedef struct
{
  KhNextDeadline which;
  GDate          date;                   /* valid unless which is NONE */
  KhDueStatus    status;
  int            days_left;              /* calendar days from today; < 0 when overdue */
} KhCaseDue;

/* The next statutory date of `c` and how it stands on `today`. The 36 §
 * start counts until the assessment has started (`assessment_started`:
 * a draft or a finished assessment exists); after that, or where it does
 * not apply, the 45 § implementation date. A closed case has none. */
void        kh_case_due               (const KhCase *c,
                                       gboolean      assessment_started,
                                       const GDate  *today,
                                       KhCaseDue    *out);

/* The caseload's order: urgent first, then overdue, today, this week,
 * later and dateless; within a group the earlier date first, then the
 * case that became pending first, then the lower id (a stable order). */
int         kh_case_due_compare       (const KhCase    *a,
                                       const KhCaseDue *a_due,
                                       const KhCase    *b,
                                       const KhCaseDue *b_due);

/* How the next date stands, with its rule, in the UI language:
 * "Assessment to start (SHL 36 §): overdue 3 days, Sun 6.12.2026",
 * "…: due today", "…: by Fri 11.12.2026"; "No statutory date" without one.
 * It never says "Urgent": that is the status word beside it
 * (kh_due_status_label); an urgent case's date reads as any other's.
 * Newly allocated. */
char       *kh_case_due_describe      (const KhCaseDue *due);
const char *kh_next_deadline_label    (KhNextDeadline   which);
/* A short word for the list: "Urgent", "Overdue", "Due today", "Due this
 * week"; NULL for later and no date. */
const char *kh_due_status_label       (KhDueStatus      status);

/* Who may take a case or give it to a colleague (issue 7, 1). The rules,
 * the same in the store on both engines (kh_db_assign_case; on a server
 * also the trigger cases_assignment of data/sql/pg/0016-caseload.sql):
 *
 * - Only those who work cases take or assign them: social counsellors,
 *   social workers and the lead social worker. Reception opens cases
 *   into a team's queue and the administrator keeps the system; neither
 *   works cases (SHL 42 §: the responsible worker is a professional).
 * - A case goes only to such a worker, active.
 * - A closed case is not assigned.
 * - The lead social worker runs the unit's daily work: they may assign
 *   any open case to any worker, and move a case from one worker to
 *   another.
 * - A counsellor or social worker works their own team's queue: they may
 *   take a queued case of their team, give it to a colleague of the same
 *   team, and hand a case of their own to such a colleague. A case that
 *   is with another worker is moved only by the lead social worker.
 *
 * Whether someone else took the case meanwhile is not decided here: the
 * store's update is conditional on the holder the caller saw. */
typedef enum {
  KH_ASSIGN_OK = 0,
  KH_ASSIGN_NOT_A_CASE_WORKER,     /* the caller does not work cases */
  KH_ASSIGN_ASSIGNEE_NOT_A_WORKER, /* the assignee does not work cases, or is not active */
  KH_ASSIGN_CLOSED,                /* the case is closed */
  KH_ASSIGN_OTHER_TEAM,            /* not the caller's team's case */
  KH_ASSIGN_ASSIGNEE_OTHER_TEAM,   /* the colleague is not in the case's team */
  KH_ASSIGN_WITH_ANOTHER_WORKER,   /* someone else's case: only the lead moves it */
} KhAssignCheck;

/* Whether `caller` may give `c` (as read) to `assignee` (the caller
 * themselves to take it). */
KhAssignCheck kh_case_assign_check    (const KhUser *caller,
                                       const KhCase *c,
                                       const KhUser *assignee);
/* The message for a refusal, in the UI language; NULL for KH_ASSIGN_OK. */
const char   *kh_assign_check_message (KhAssignCheck check);
/* The team a case is in once it is given to a worker whose team is
 * `assignee_team` (0: in none): a case follows its worker. When the lead
 * social worker gives a case to a worker of another team, the case moves
 * to that team, so that the worker can later hand it to a colleague of
 * their own team (KH_ASSIGN_ASSIGNEE_OTHER_TEAM otherwise) and their
 * team's lists count it; a worker in no team leaves the case where it
 * was. The store moves a case only to an active team (a worker whose team
 * was deactivated takes the case, which stays in its team). */
gint64        kh_case_team_after_assign (gint64     case_team,
                                         gint64     assignee_team);
/* Whether the role works cases (counsellor, social worker, lead). */
gboolean      kh_role_works_cases     (KhRole        role);

G_END_DECLS
