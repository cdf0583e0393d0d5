/* kh-admin-demo.h — fictional people, contacts and cases for demonstrations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "store/kh-db.h"

G_BEGIN_DECLS

typedef struct {
  guint   clients;
  guint   contacts;     /* including the anonymous ones */
  guint   anonymous;
  guint   cases;
  guint   queued;       /* cases waiting in the queue */
  guint   documents;    /* issued decisions */
  guint   network_members; /* entries of the people's networks */
  double  seconds;
} KhDemoSummary;

/* Adds `n_clients` fictional people with their contacts over the year up to
 * `today` (NULL for the real date) and the cases those opened, in one
 * transaction, then rebuilds the search index. The same seed on the same day
 * gives the same data. Refuses (KH_STORE_ERROR_INVALID) a database that
 * already has people unless `force`. */
gboolean kh_admin_demo_run (KhDb           *db,
                            KhUser         *user,
                            guint           n_clients,
                            guint32         seed,
                            gboolean        force,
                            const GDate    *today,
                            KhDemoSummary  *summary,
                            GError        **error);

/* "Added 200 people, 310 contacts (25 anonymous) and 70 cases (12 in the
 * queue) in 0.4 s", translated. */
char    *kh_admin_demo_format_summary (const KhDemoSummary *summary);

/* A person to issue a demo decision to, for their case (kh-admin-demo-documents.c). */
typedef struct {
  KhClient *client;
  gint64    case_id;
} KhDemoDocumentFor;

gboolean kh_admin_demo_issue_documents (KhDb        *db,
                                        KhCalendar  *calendar,
                                        const GDate *today,
                                        GPtrArray   *people,
                                        guint       *n_issued,
                                        GError     **error);

/* Networks for the first `max_people` of `people` (KhDemoDocumentFor),
 * each with a first version (kh-admin-demo-network.c). */
gboolean kh_admin_demo_add_networks (KhDb       *db,
                                     GPtrArray  *people,
                                     guint       max_people,
                                     guint      *n_members,
                                     GError    **error);

/* A client plan for `person`, whose network `members` were just added
 * (kh-admin-demo-plans.c): version 1, and with `reviewed` a review today
 * that made version 2. */
gboolean kh_admin_demo_add_plan (KhDb                    *db,
                                 KhUser                  *worker,
                                 const KhDemoDocumentFor *person,
                                 GPtrArray               *members,
                                 GPtrArray               *services,
                                 gint64                   network_version_id,
                                 gboolean                 reviewed,
                                 const GDate             *today,
                                 GError                 **error);

G_END_DECLS
