/* kh-caseload.c — a social worker's cases in the order they must be seen to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules:
 * - an urgent case comes first, whatever its dates (SHL 36 § 1 mom: the
 *   urgent need is assessed at once; 45 §: urgent matters are decided
 *   without delay), as in the reception queue (issue 5, 1.1);
 * - the next date is the 36 § 2 mom start of the assessment while no
 *   assessment has started and the law sets one, else the 45 §
 *   implementation date; a closed case has none;
 * - "this week" ends on Sunday: a worker plans the week Monday to Sunday.
 */
#define G_LOG_DOMAIN "kohtaamo-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kh-calendar.h"
#include "kh-caseload.h"
#include "kh-text.h"

void
kh_case_due (const KhCase *c,
             gboolean      assessment_started,
             const GDate  *today,
             KhCaseDue    *out)
{
  GDate sunday;

  g_return_if_fail (c != NULL && today != NULL && out != NULL);

  memset (out, 0, sizeof *out);
  g_date_clear (&out->date, 1);
  out->which = KH_NEXT_DEADLINE_NONE;

  if (c->status != KH_CASE_CLOSED)
    {
      if (!assessment_started && kh_date_from_iso (c->assessment_deadline, &out->date))
        out->which = KH_NEXT_DEADLINE_ASSESSMENT_START;
      else if (kh_date_from_iso (c->implementation_deadline, &out->date))
        out->which = KH_NEXT_DEADLINE_IMPLEMENTATION;
    }

  if (out->which != KH_NEXT_DEADLINE_NONE)
    out->days_left = g_date_days_between (today, &out->date);

  sunday = *today;
  g_date_add_days (&sunday, 7 - g_date_get_weekday (today));   /* G_DATE_MONDAY = 1 … SUNDAY = 7 */

  if (c->urgent && c->status != KH_CASE_CLOSED)
    out->status = KH_DUE_URGENT;
  else if (out->which == KH_NEXT_DEADLINE_NONE)
    out->status = KH_DUE_NO_DATE;
  else if (out->days_left < 0)
    out->status = KH_DUE_OVERDUE;
  else if (out->days_left == 0)
    out->status = KH_DUE_TODAY;
  else if (g_date_compare (&out->date, &sunday) <= 0)
    out->status = KH_DUE_THIS_WEEK;
  else
    out->status = KH_DUE_LATER;
}

int
kh_case_due_compare (const KhCase    *a,
                     const KhCaseDue *a_due,
                     const KhCase    *b,
                     const KhCaseDue *b_due)
{
  gboolean a_dated = a_due->which != KH_NEXT_DEADLINE_NONE;
  gboolean b_dated = b_due->which != KH_NEXT_DEADLINE_NONE;
  gint64 a_opened, b_opened;

  if (a_due->status != b_due->status)
    return a_due->status < b_due->status ? -1 : 1;
  /* Urgent cases with a date before those without. */
  if (a_dated != b_dated)
    return a_dated ? -1 : 1;
  if (a_dated)
    {
      int by_date = g_date_compare (&a_due->date, &b_due->date);

      if (by_date != 0)
        return by_date;
    }
  a_opened = a->opened_at != NULL ? g_date_time_to_unix (a->opened_at) : G_MAXINT64;
  b_opened = b->opened_at != NULL ? g_date_time_to_unix (b->opened_at) : G_MAXINT64;
  if (a_opened != b_opened)
    return a_opened < b_opened ? -1 : 1;
  return a->id < b->id ? -1 : a->id > b->id;
}

const char *
kh_next_deadline_label (KhNextDeadline which)
{
  switch (which)
    {
    case KH_NEXT_DEADLINE_ASSESSMENT_START:
      /* Translators: the case's next statutory date is the start of the
       * service-need assessment (sosiaalihuoltolaki 36 §). */
      return _("Assessment to start (SHL 36 §)");
    case KH_NEXT_DEADLINE_IMPLEMENTATION:
      /* Translators: decisions implemented at the latest (sosiaalihuoltolaki 45 §). */
      return _("Decisions implemented (SHL 45 §)");
    case KH_NEXT_DEADLINE_NONE:
    default:
      return NULL;
    }
}

const char *
kh_due_status_label (KhDueStatus status)
{
  switch (status)
    {
    case KH_DUE_URGENT:
      return C_("due", "Urgent");
    case KH_DUE_OVERDUE:
      return C_("due", "Overdue");
    case KH_DUE_TODAY:
      return C_("due", "Due today");
    case KH_DUE_THIS_WEEK:
      return C_("due", "Due this week");
    case KH_DUE_LATER:
    case KH_DUE_NO_DATE:
    default:
      return NULL;
    }
}

char *
kh_case_due_describe (const KhCaseDue *due)
{
  g_autofree char *day = NULL;
  const char *rule;

  g_return_val_if_fail (due != NULL, NULL);

  /* Urgency is the status word's (kh_due_status_label), shown beside this
   * line: said here too, the row said "Urgent" twice. An urgent case's
   * line tells how its date stands, as any other case's. */
  if (due->which == KH_NEXT_DEADLINE_NONE)
    return g_strdup (_("No statutory date"));

  rule = kh_next_deadline_label (due->which);
  day = kh_calendar_format_day (&due->date);

  if (due->days_left < 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: overdue %d day, %s",
                                         "%s: overdue %d days, %s", -due->days_left),
                            rule, -due->days_left, day);
  if (due->days_left == 0)
    /* Translators: %s is the rule, e.g. "Assessment to start (SHL 36 §)" */
    return g_strdup_printf (_("%s: due today"), rule);
  /* Translators: the rule, then its date */
  return g_strdup_printf (_("%s: by %s"), rule, day);
}

gboolean
kh_role_works_cases (KhRole role)
{
  return role == KH_ROLE_COUNSELLOR || role == KH_ROLE_SOCIAL_WORKER || role == KH_ROLE_LEAD;
}

KhAssignCheck
kh_case_assign_check (const KhUser *caller,
                      const KhCase *c,
                      const KhUser *assignee)
{
  g_return_val_if_fail (caller != NULL && c != NULL && assignee != NULL, KH_ASSIGN_NOT_A_CASE_WORKER);

  if (!caller->active || !kh_role_works_cases (caller->role))
    return KH_ASSIGN_NOT_A_CASE_WORKER;
  if (!assignee->active || !kh_role_works_cases (assignee->role))
    return KH_ASSIGN_ASSIGNEE_NOT_A_WORKER;
  if (c->status == KH_CASE_CLOSED)
    return KH_ASSIGN_CLOSED;
  if (caller->role == KH_ROLE_LEAD)
    return KH_ASSIGN_OK;
  if (c->assigned_to != 0 && c->assigned_to != caller->id)
    return KH_ASSIGN_WITH_ANOTHER_WORKER;
  if (c->assigned_to == 0 && (caller->team_id == 0 || c->team_id != caller->team_id))
    return KH_ASSIGN_OTHER_TEAM;
  if (assignee->id != caller->id && assignee->team_id != c->team_id)
    return KH_ASSIGN_ASSIGNEE_OTHER_TEAM;
  return KH_ASSIGN_OK;
}

gint64
kh_case_team_after_assign (gint64 case_team,
                           gint64 assignee_team)
{
  return assignee_team > 0 ? assignee_team : case_team;
}

const char *
kh_assign_check_message (KhAssignCheck check)
{
  switch (check)
    {
    case KH_ASSIGN_NOT_A_CASE_WORKER:
      return _("Cases are taken and assigned by social counsellors, social workers and the lead social worker.");
    case KH_ASSIGN_ASSIGNEE_NOT_A_WORKER:
      return _("A case can be given only to an active social counsellor, social worker or lead social worker.");
    case KH_ASSIGN_CLOSED:
      return _("The case is closed.");
    case KH_ASSIGN_OTHER_TEAM:
      return _("The case waits in another team’s queue. Its own team, or the lead social worker, takes it.");
    case KH_ASSIGN_ASSIGNEE_OTHER_TEAM:
      return _("The colleague is not in the case’s team. The lead social worker can assign cases across teams.");
    case KH_ASSIGN_WITH_ANOTHER_WORKER:
      return _("The case is with another worker. Only the lead social worker moves a case from one worker to another.");
    case KH_ASSIGN_OK:
    default:
      return NULL;
    }
}
