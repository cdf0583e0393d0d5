/* kh-contact-revision.h — a saved contact's history of corrections
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 5, 2.1: a saved contact can be corrected or marked entered in error;
 * nothing is deleted. Each change is a revision that keeps what the
 * correctable fields held before it, who changed them, when and why.
 */
#pragma once

#include "kh-intake-state.h"
#include "kh-records.h"

G_BEGIN_DECLS

typedef enum {
  KH_REVISION_CORRECTED = 1,         /* some fields were changed */
  KH_REVISION_ENTERED_IN_ERROR = 2,  /* the whole contact was marked entered in error */
} KhRevisionKind;

/* The longest reason for a change, in characters (the store's CHECK agrees). */
#define KH_REVISION_MAX_REASON 500

/* The fields of a saved contact that can be corrected, as flags. The person,
 * the time, who made the contact and the outcome are not among them: a
 * contact recorded for the wrong person or with the wrong outcome is marked
 * entered in error and recorded again, because a case may hang on them. */
typedef enum {
  KH_CONTACT_FIELD_CHANNEL          = 1 << 0,
  KH_CONTACT_FIELD_CONTACTOR_DETAIL = 1 << 1,
  KH_CONTACT_FIELD_NEEDS            = 1 << 2,
  KH_CONTACT_FIELD_REASON_TEXT      = 1 << 3,
  KH_CONTACT_FIELD_URGENT_NOTE      = 1 << 4,
  KH_CONTACT_FIELD_LANGUAGE         = 1 << 5,
  KH_CONTACT_FIELD_INTERPRETER      = 1 << 6,
  KH_CONTACT_FIELD_SERVICE          = 1 << 7,
  KH_CONTACT_FIELD_OUTCOME_NOTE     = 1 << 8,
  /* Who made the contact (issue 5, 1.9) and who directed them (1.6). */
  KH_CONTACT_FIELD_CONTACTOR_NAME     = 1 << 9,
  KH_CONTACT_FIELD_CONTACTOR_RELATION = 1 << 10,
  KH_CONTACT_FIELD_CONTACTOR_CONTACT  = 1 << 11,
  KH_CONTACT_FIELD_DIRECTED_BY        = 1 << 12,
} KhContactField;
#define KH_CONTACT_FIELD_LAST KH_CONTACT_FIELD_DIRECTED_BY
#define KH_CONTACT_FIELDS_ALL 0x1fff

/* Which correctable fields differ between two versions of a contact
 * (KhContactField flags; empty and NULL text are the same). */
guint        kh_contact_changed_fields (KhContact *before,
                                        KhContact *after);
/* The label of one field as the form names it, translated ("Channel"). */
const char  *kh_contact_field_label    (KhContactField field);
/* "Channel, Reason" for the flags, in the order above; newly allocated. */
char        *kh_contact_dup_field_list (guint fields);
/* Copies the correctable fields of `from` into `to`. */
void         kh_contact_take_correctable (KhContact *to,
                                          KhContact *from);

/* The KhContactField of an intake field, or 0 when it cannot be corrected. */
KhContactField kh_contact_field_from_intake (KhIntakeField field);
/* The intake's rules (kh_contact_find_problem) for a correction: `after` is
 * `before` with corrected fields, normalised (kh_contact_normalize). A
 * problem with a field that cannot be corrected, which `before` had too
 * (it was saved before the rule, e.g. an urgency never asked), is no reason
 * to refuse a correction of other fields. */
gboolean     kh_contact_find_correction_problem (KhContact      *before,
                                                 KhContact      *after,
                                                 gboolean        has_client,
                                                 KhIntakeField  *out_field,
                                                 char          **out_message);

#define KH_TYPE_CONTACT_REVISION (kh_contact_revision_get_type ())
G_DECLARE_FINAL_TYPE (KhContactRevision, kh_contact_revision, KH, CONTACT_REVISION, GObject)
struct _KhContactRevision
{
  GObject parent_instance;

  gint64          id;
  gint64          contact_id;
  KhRevisionKind  kind;
  gint64          changed_by;        /* user id */
  char           *changed_by_name;   /* for display */
  GDateTime      *changed_at;
  char           *reason;            /* required for ENTERED_IN_ERROR, else may be NULL */
  /* The contact's correctable fields as they were before this change (the
   * other fields of `before` are those of the contact). */
  KhContact      *before;
  /* What this change changed (KhContactField flags): for a correction, the
   * fields that differ from the next version; 0 for ENTERED_IN_ERROR. */
  guint           changed;
};

KhContactRevision *kh_contact_revision_new (void);

/* A saved contact as it is now, with its history, for the contact page. */
typedef struct {
  KhContact    *contact;
  gboolean      entered_in_error;
  char         *error_reason;        /* the reason of the marking, or NULL */
  KhCaseStatus  case_status;         /* of the case it opened; 0 if none */
  char         *case_worker_name;    /* the worker who has that case, or NULL */
  GPtrArray    *revisions;           /* of KhContactRevision, oldest first */
  /* What the reading user may do with it, decided by the store. */
  gboolean      can_correct;
  gboolean      can_mark_in_error;
  char         *why_not;             /* translated: why the user may not, or NULL */
} KhContactHistory;

void kh_contact_history_free (KhContactHistory *history);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KhContactHistory, kh_contact_history_free)

G_END_DECLS
