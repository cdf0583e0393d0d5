/* admin-test-util.h — temporary databases and running kohtaamo-admin
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "store/kh-db.h"

G_BEGIN_DECLS

/* A fresh temporary folder; removed with everything in it by
 * admin_test_remove_dir. */
char      *admin_test_make_dir    (void);
void       admin_test_remove_dir  (const char *dir);

/* Writes `text` into dir/name and returns the path. */
char      *admin_test_write_file  (const char *dir,
                                   const char *name,
                                   const char *text);

/* Opens (creating) the database at `path` and logs in the test's own OS
 * account (the first user: an administrator). */
KhDb      *admin_test_open        (const char  *path,
                                   KhUser     **out_user);

/* Runs the kohtaamo-admin binary (path in $KOHTAAMO_ADMIN) with `args`,
 * with KOHTAAMO_DATABASE set to `database` (or unset for NULL, with
 * XDG_DATA_HOME pointing into `dir`). Returns the exit status. */
int        admin_test_run         (const char          *dir,
                                   const char          *database,
                                   const char * const  *args,
                                   char               **out_stdout,
                                   char               **out_stderr);

/* The last line of `text` (without its line break). */
char      *admin_test_last_line   (const char *text);

G_END_DECLS
