/* kh-search.h — what a search for a person found, and which row Enter picks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "kh-records.h"

G_BEGIN_DECLS

/* How well a person matched what was typed; higher is better. */
typedef enum {
  KH_MATCH_PREFIX = 1,   /* the start of a name word, code, date or number */
  KH_MATCH_WORD = 2,     /* whole name words, or a whole birth date */
  KH_MATCH_EXACT = 3,    /* the whole identity code or phone number */
} KhMatch;

/* What the search needs to say besides its rows. */
typedef enum {
  KH_SEARCH_HINT_NONE = 0,
  KH_SEARCH_HINT_MORE_DIGITS,  /* digits, too few to be a day and month of birth */
  KH_SEARCH_HINT_NOT_A_DATE,   /* four or more digits that start no birth date */
} KhSearchHint;

/* The store counts at most this many matches; beyond it, "more than". */
#define KH_SEARCH_COUNT_CAP 1000
/* Digits that make a day and month of birth ("0708" = 7 August). */
#define KH_SEARCH_DATE_DIGITS 4

/* One person found: the row of a result list. */
#define KH_TYPE_SEARCH_HIT (kh_search_hit_get_type ())
G_DECLARE_FINAL_TYPE (KhSearchHit, kh_search_hit, KH, SEARCH_HIT, GObject)
struct _KhSearchHit
{
  GObject parent_instance;

  KhClient *client;      /* owned */
  KhMatch   match;
  guint     open_cases;  /* cases queued or with a worker */
};

KhSearchHit *kh_search_hit_new (KhClient *client,
                                KhMatch   match);
/* "131052-**** · born 13.10.1952 · Finnish · open case": what the row says
 * under the name, and what a screen reader reads as its description. */
char        *kh_search_hit_dup_summary (KhSearchHit *self);

/* A search's answer. */
typedef struct {
  GPtrArray     *hits;           /* of KhSearchHit, best first, at most the limit */
  guint          total;          /* people who match, at most KH_SEARCH_COUNT_CAP */
  gboolean       more;           /* more than KH_SEARCH_COUNT_CAP match */
  KhSearchHint   hint;
  guint          digits_needed;  /* with MORE_DIGITS: how many more to type */
} KhClientSearch;

KhClientSearch *kh_client_search_new  (void);
void            kh_client_search_free (KhClientSearch *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KhClientSearch, kh_client_search_free)

/* The row Enter picks: the only one, or the first when it matched strictly
 * better than the second. -1 when two rows are equally good (or none). */
int    kh_client_search_pick          (const KhClientSearch *self);
/* What to say above the rows: the count, and whether to narrow, or why
 * Enter does not pick. NULL when the rows say it all (one clear match). */
char  *kh_client_search_dup_status    (const KhClientSearch *self);
/* Why Enter did not pick a row. */
char  *kh_client_search_dup_tie_message (const KhClientSearch *self);

G_END_DECLS
