/* kh-timeline.h — one timeline of everything about a person (issue 7, 2)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The client page shows, newest first, every contact, case, assessment
 * version and case note (asiakaskertomus entry) of a person across all
 * their cases. Each is a KhTimelineEntry of one kind; the store reads them
 * with one query whose arms are the kinds (kh-db-timeline.c), so a new kind
 * (plans: issue 9) is one more arm and one more value here.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Fixed codes (only ever appended): the store's query returns them. */
typedef enum {
  KH_TIMELINE_CONTACT = 1,      /* a contact (n1 channel, n2 outcome, flag entered in error) */
  KH_TIMELINE_CASE = 2,         /* a case became pending (n1 status, n2 urgent) */
  KH_TIMELINE_ASSESSMENT = 3,   /* a service-need assessment version (n1 status, n2 version,
                                   ref_id the version it changes, text the reason) */
  KH_TIMELINE_NOTE = 4,         /* a case note (ref_id the note it corrects) */
  KH_TIMELINE_DOCUMENT = 5,     /* an issued document (issue 8, 5): n1 its KhDocumentKind, n2 and
                                   n3 its number and year in its kind's series (a decision's
                                   register, the payment commitments'; else 0), flag a decision
                                   that grants (issue 8, 3), ref_id the
                                   document it corrects, text its title, day the date it was sent,
                                   code its delivery key, language its language; `at` when issued,
                                   `who` by whom */
  KH_TIMELINE_ATTEMPT = 6,      /* an attempt to reach the person (issue 8, 3): n1 its
                                   KhAttemptMethod, n2 its KhAttemptOutcome, ref_id the contact it
                                   follows up (0: none), text its note; `at` when it was made,
                                   `who` who recorded it */
  KH_TIMELINE_PLAN = 7,         /* a client plan's version accepted (issue 9, 5): n1 its number,
                                   ref_id the plan, day its review date; `at` when accepted */
  KH_TIMELINE_PLAN_REVIEW = 8,  /* the review date of a plan's newest version: n1 its number,
                                   ref_id the plan, day the date (`at` that day), flag passed */
  KH_TIMELINE_PLAN_ACTION = 9,  /* an action of a plan's newest version not done by its date:
                                   n1 its KhActorKind, n2 its KhActionStatus, ref_id the plan,
                                   text what, code who of the network, day the date due */
} KhTimelineKind;
#define KH_TIMELINE_FIRST KH_TIMELINE_CONTACT
#define KH_TIMELINE_LAST  KH_TIMELINE_PLAN_ACTION

/* How long a case note may be, in characters. Keep in sync with the CHECKs
 * of data/sql/0027-case-notes.sql and data/sql/pg/0019-case-notes.sql. */
#define KH_CASE_NOTE_MAX 4000

#define KH_TYPE_TIMELINE_ENTRY (kh_timeline_entry_get_type ())
G_DECLARE_FINAL_TYPE (KhTimelineEntry, kh_timeline_entry, KH, TIMELINE_ENTRY, GObject)

struct _KhTimelineEntry
{
  GObject         parent_instance;

  KhTimelineKind  kind;
  gint64          id;          /* the contact's, case's, assessment's or note's id */
  gint64          case_id;     /* 0: none (a contact that opened no case) */
  GDateTime      *at;          /* when it happened (a draft: when last saved) */
  int             n1;          /* per kind, see KhTimelineKind */
  int             n2;
  gint64          ref_id;
  gboolean        flag;
  char           *text;        /* a contact's reason, a version's reason, a note */
  char           *who;         /* who received, wrote, saved or is assigned */
  /* Documents only (NULL and 0 for the other kinds). */
  int             n3;
  char           *day;         /* ISO date */
  char           *code;
  char           *language;    /* "fi" or "sv" */
};

KhTimelineEntry *kh_timeline_entry_new (KhTimelineKind kind);

/* Checks a case note as typed: not empty (only spaces), at most
 * KH_CASE_NOTE_MAX characters, no invisible or direction-changing
 * characters. `out_clean` (may be NULL) gets the text with its ends
 * trimmed, which is what is stored. Translated message on failure
 * (KH_TEXT_ERROR, or G_IO_ERROR_INVALID_DATA for an empty note). */
gboolean kh_case_note_check (const char  *text,
                             char       **out_clean,
                             GError     **error);

G_END_DECLS
