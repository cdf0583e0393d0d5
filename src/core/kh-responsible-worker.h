/* kh-responsible-worker.h — the person's named responsible worker
 * (omatyöntekijä / egen kontaktperson, Social Welfare Act 42 §)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 42 § (as amended by 1280/2022): a responsible worker is appointed for
 * the duration of the client relationship, unless another responsible
 * worker is already named or appointing one is manifestly unnecessary.
 * The worker is a social-welfare professional (817/2015 3 §: here the
 * roles social counsellor, social worker and lead social worker, not
 * reception or the administrator); for a client who needs special support
 * (3 §, as the person's latest finished assessment found) a social worker
 * in public office (the roles social worker and lead social worker).
 *
 * Each naming is a row the store keeps (responsible_workers); the newest
 * row is the current one. Whether a naming may be made is decided here,
 * once; the store and the server check the same (0029 / pg 0023).
 */
#pragma once

#include <glib.h>

#include "kh-enums.h"

G_BEGIN_DECLS

/* A naming as the store keeps it: the person's current one on their page. */
typedef struct {
  gint64      id;
  gint64      worker_id;             /* 0: nobody is named, for `reason` */
  char       *worker_name;           /* display name, or the account */
  KhRole      worker_role;
  char       *reason;                /* why nobody is named; NULL with a worker */
  char       *named_by_name;
  GDateTime  *named_at;
} KhResponsibleWorker;

KhResponsibleWorker *kh_responsible_worker_new  (void);
KhResponsibleWorker *kh_responsible_worker_copy (const KhResponsibleWorker *self);
void                 kh_responsible_worker_free (KhResponsibleWorker       *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KhResponsibleWorker, kh_responsible_worker_free)

/* The most characters of the reason why no responsible worker is named. */
#define KH_RESPONSIBLE_WORKER_MAX_REASON 1000

typedef enum {
  KH_NAMING_OK = 0,
  KH_NAMING_NAMER_NOT_PROFESSIONAL,   /* reception or the administrator names */
  KH_NAMING_WORKER_NOT_PROFESSIONAL,  /* the one named is not a social-welfare professional */
  KH_NAMING_WORKER_INACTIVE,          /* the one named may not use Kohtaamo any more */
  KH_NAMING_NEEDS_SOCIAL_WORKER,      /* special support, and the one named is a counsellor */
  KH_NAMING_REASON_MISSING,           /* none named, and no reason given */
  KH_NAMING_REASON_TOO_LONG,
  KH_NAMING_REASON_WITH_WORKER,       /* a worker named and a reason for naming none */
} KhNamingProblem;

/* What a naming is: a worker, or none with the reason why (42 § 1 mom). */
typedef struct {
  KhRole      namer_role;            /* the user who names */
  gint64      worker_id;             /* 0: nobody is named */
  KhRole      worker_role;           /* of worker_id */
  gboolean    worker_active;
  const char *reason;                /* why nobody is named; NULL with a worker */
  gboolean    special_support;       /* the latest finished assessment found the need */
} KhNaming;

/* Who may be named, and who names (42 §, 817/2015 3 §), are the roles
 * that work with cases: kh_role_works_cases (kh-caseload.h). */
KhNamingProblem kh_naming_check              (const KhNaming *naming);
/* A translated sentence for the worker, saying what to do. */
const char     *kh_naming_problem_message    (KhNamingProblem problem);

G_END_DECLS
