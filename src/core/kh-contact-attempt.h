/* kh-contact-attempt.h — the attempts to reach a person (issue 8, 3)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Finnish units reach the people Kela notified (eTotu, TTL 18 h §; a
 * personal meeting within 7 working days, TTL 14 d §) and those another
 * authority notified (SHL 35 §) by phone first and by letter when the
 * phone does not answer. Each attempt is recorded: when, how (a
 * KhAttemptMethod), what came of it, an optional short note, who recorded
 * it and when. The could-not-reach letter lists the attempts that did not
 * reach the person (kh_contact_attempts_unreached).
 *
 * Attempts are append-only: nothing changes or removes one (both engines'
 * tables refuse it, data/sql/0032-contact-attempts.sql and
 * data/sql/pg/0028-contact-attempts.sql); a mistaken one stays, and a
 * later attempt with a note says what was wrong. They are recorded and
 * read by social counsellors, social workers and the lead social worker
 * (kh_contact_attempt_may_record); reading them is reading the person's
 * timeline, logged as such.
 */
#pragma once

#include <gio/gio.h>

#include "kh-enums.h"

G_BEGIN_DECLS

/* What came of an attempt. Fixed codes (only ever appended):
 * contact_attempts.outcome on both engines. */
typedef enum {
  KH_ATTEMPT_NO_ANSWER = 1,        /* nobody answered or opened the door */
  KH_ATTEMPT_WRONG_NUMBER = 2,     /* the number is not the person's (phone, text message) */
  KH_ATTEMPT_MESSAGE_LEFT = 3,     /* a voice or text message, a note at the door, a letter sent */
  KH_ATTEMPT_REACHED = 4,          /* the person was reached */
} KhAttemptOutcome;
#define KH_ATTEMPT_OUTCOME_FIRST KH_ATTEMPT_NO_ANSWER
#define KH_ATTEMPT_OUTCOME_LAST  KH_ATTEMPT_REACHED

/* The longest note, in characters. Keep in sync with the CHECKs of
 * data/sql/0032-contact-attempts.sql and data/sql/pg/0028-contact-attempts.sql. */
#define KH_CONTACT_ATTEMPT_NOTE_MAX 500
/* How far ahead of the store's clock an attempt's time may be, in
 * seconds: a desk's clock may run a little ahead (the same in the CHECKs). */
#define KH_CONTACT_ATTEMPT_CLOCK_SLACK 300

#define KH_TYPE_CONTACT_ATTEMPT (kh_contact_attempt_get_type ())
G_DECLARE_FINAL_TYPE (KhContactAttempt, kh_contact_attempt, KH, CONTACT_ATTEMPT, GObject)

struct _KhContactAttempt
{
  GObject           parent_instance;

  gint64            id;            /* 0 before it is recorded */
  gint64            client_id;
  gint64            contact_id;    /* the notification or contact it follows up; 0: none */
  gint64            case_id;       /* 0: none */
  GDateTime        *attempted_at;  /* when the worker tried */
  KhAttemptMethod   method;
  KhAttemptOutcome  outcome;
  char             *note;          /* NULL: none */
  /* The store's: who recorded it and when. */
  gint64            made_by;
  char             *made_by_name;
  GDateTime        *made_at;
};

KhContactAttempt *kh_contact_attempt_new  (void);
/* A deep copy (for the store's worker). */
KhContactAttempt *kh_contact_attempt_copy (KhContactAttempt *self);

/* Stable keys ("no-answer", "wrong-number", "message-left", "reached")
 * and labels in the UI language. NULL / 0 for what is not one. */
const char       *kh_attempt_outcome_key      (KhAttemptOutcome outcome);
KhAttemptOutcome  kh_attempt_outcome_from_key (const char      *key);
const char       *kh_attempt_outcome_label    (KhAttemptOutcome outcome);

/* Who records and reads attempts: social counsellors, social workers and
 * the lead social worker (the timeline's roles); never reception or the
 * administrator role. Keep in sync with both engines' tables. */
gboolean          kh_contact_attempt_may_record (KhRole role);

/* Whether `outcome` can come of `method`: a wrong number only of a phone
 * call or a text message; every other outcome of every method. */
gboolean          kh_contact_attempt_outcome_fits (KhAttemptMethod  method,
                                                   KhAttemptOutcome outcome);

/* The checks of an attempt to record (the tables restate them): a method
 * and an outcome that fits it, a time no later than `now` plus
 * KH_CONTACT_ATTEMPT_CLOCK_SLACK and, when `not_before` is given (the
 * followed contact's arrival), not before it; a note of at most
 * KH_CONTACT_ATTEMPT_NOTE_MAX characters without invisible characters.
 * `out_note` (may be NULL) gets the note trimmed, NULL when only spaces:
 * what is stored. G_IO_ERROR_INVALID_DATA (or KH_TEXT_ERROR for the
 * note's characters) with a translated message. */
gboolean          kh_contact_attempt_check   (KhContactAttempt  *attempt,
                                              GDateTime         *now,
                                              GDateTime         *not_before,
                                              char             **out_note,
                                              GError           **error);

/* A time of day as typed in the attempt's form: "9.15", "09.15", "9:15"
 * or "9" (whole hours), spaces around ignored; `out_minutes` gets the
 * minutes after midnight. FALSE for anything else ("24.00", "9.5",
 * "9.60"). */
gboolean          kh_contact_attempt_parse_clock (const char *text,
                                                  int        *out_minutes);

/* The attempts the could-not-reach letter lists: of `attempts` (of one
 * person, any order), those that did not reach the person and came after
 * the latest one that did, oldest first (ties by id). A new array of the
 * same objects (its own references); empty when the latest attempt
 * reached the person. */
GPtrArray        *kh_contact_attempts_unreached (GPtrArray *attempts);

G_END_DECLS
