/* kh-admin-import.h — import-clients: all rows or none
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/kh-csv.h"
#include "store/kh-db.h"

G_BEGIN_DECLS

/* One bad row: the physical line where it starts and why, translated. */
typedef struct {
  guint  line;
  char  *reason;
} KhImportProblem;

void kh_import_problem_free (KhImportProblem *problem);

typedef struct {
  guint checked;     /* data rows read (the header is not a row) */
  guint imported;    /* 0 unless every row was good and it was not a dry run */
  guint bad;         /* rows with an error */
} KhImportSummary;

/* Checks every row of `data` (a whole CSV file) and, when all are good and
 * `dry_run` is FALSE, inserts them all in one transaction and rebuilds the
 * search index. Problems with rows (and with the header, on its line) are
 * appended to `problems` (of KhImportProblem) in line order. Returns FALSE
 * with `error` only when the database failed; the summary is filled in
 * either way. `today` may be NULL for the real date. With `dry_run` the
 * database is only read (open it read-only). */
gboolean kh_admin_import_clients (KhDb             *db,
                                  KhUser           *user,
                                  const char       *data,
                                  gsize             length,
                                  gboolean          dry_run,
                                  const GDate      *today,
                                  GPtrArray        *problems,
                                  KhImportSummary  *summary,
                                  GError          **error);

/* "12 rows checked, 0 imported, 2 with errors", translated. */
char    *kh_admin_import_format_summary (const KhImportSummary *summary);

G_END_DECLS
