/* kh-admin-private.h — what the kohtaamo-admin command files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * kh-admin.c holds main, the table of commands and these helpers; each
 * kh-admin-*.c file holds one group of commands. Every command prints its
 * own errors and returns the exit status.
 */

#pragma once

#include <glib.h>

#include "store/kh-db.h"

G_BEGIN_DECLS

enum {
  EXIT_OK = 0,
  EXIT_FAILED = 1,
  EXIT_USAGE = 2,
};

/* Who may run a command that changes the database. */
typedef enum {
  KH_ADMIN_NEEDS_ADMIN,
  KH_ADMIN_NEEDS_ADMIN_OR_LEAD,
} KhAdminNeeds;

void            _kh_admin_print_error            (const char          *message);
int             _kh_admin_fail                   (const GError        *error);
int             _kh_admin_usage_error            (GOptionContext      *context,
                                                  const char          *message);
int             _kh_admin_unknown_action         (GOptionContext      *context,
                                                  const char          *action);

GOptionContext *_kh_admin_context_new            (const char          *parameter_string,
                                                  const char          *summary,
                                                  const char          *description,
                                                  const GOptionEntry  *entries);
gboolean        _kh_admin_parse_options          (GOptionContext      *context,
                                                  int                 *argc,
                                                  char              ***argv,
                                                  int                 *exit_status);

char           *_kh_admin_database_path          (void);
gboolean        _kh_admin_database_given         (void);
gboolean        _kh_admin_database_exists        (void);
KhDb           *_kh_admin_open_database          (gboolean             read_only,
                                                  char               **out_path);
KhDb           *_kh_admin_open_existing_read_only (void);
KhUser         *_kh_admin_login                  (KhDb                *db,
                                                  GError             **error);
gboolean        _kh_admin_open_and_login         (gboolean             read_only,
                                                  KhAdminNeeds         needs,
                                                  KhDb               **out_db,
                                                  KhUser             **out_user);

void            _kh_admin_print_padded           (const char          *text,
                                                  guint                width);
void            _kh_admin_print_table            (const char * const  *headings,
                                                  guint                n_columns,
                                                  GPtrArray           *rows);

int             _kh_admin_run_users              (int                  argc,
                                                  char               **argv);
int             _kh_admin_run_services           (int                  argc,
                                                  char               **argv);
int             _kh_admin_run_teams              (int                  argc,
                                                  char               **argv);
/* The team of that name (case does not matter) among `teams`, or NULL;
 * and the message for a name that is none (kh-admin-teams.c). */
KhTeam         *_kh_admin_find_team              (GPtrArray           *teams,
                                                  const char          *name);
void            _kh_admin_no_such_team           (const char          *name);
int             _kh_admin_run_calendar           (int                  argc,
                                                  char               **argv);
int             _kh_admin_run_settings           (int                  argc,
                                                  char               **argv);
int             _kh_admin_run_log                (int                  argc,
                                                  char               **argv);
int             _kh_admin_run_documents          (int                  argc,
                                                  char               **argv);
int             _kh_admin_run_backup             (int                  argc,
                                                  char               **argv);
int             _kh_admin_run_restore            (int                  argc,
                                                  char               **argv);
int             _kh_admin_run_check              (int                  argc,
                                                  char               **argv);
int             _kh_admin_run_copy               (int                  argc,
                                                  char               **argv);
int             _kh_admin_run_server             (int                  argc,
                                                  char               **argv);
/* kh-admin-server.c: a new login's password (NULL with `none`). */
char           *_kh_admin_read_password          (const char          *account,
                                                  gboolean             from_stdin,
                                                  gboolean             none,
                                                  gboolean            *ok);

/* settings unit-name (kh-admin-settings.c) */
const char     *_kh_admin_unit_name_help         (void);
void            _kh_admin_show_unit_name         (KhDb                *db);
int             _kh_admin_set_unit_name          (GOptionContext      *context,
                                                  int                  argc,
                                                  char               **argv);
const char     *_kh_admin_document_help          (void);
int             _kh_admin_run_document_setting   (GOptionContext      *context,
                                                  int                  argc,
                                                  char               **argv);
/* settings plan-scale, plan-services, plan-methods (kh-admin-settings.c) */
const char     *_kh_admin_plan_settings_help     (void);
void            _kh_admin_show_plan_settings     (KhDb                *db);
gboolean        _kh_admin_is_plan_setting        (const char          *name);
int             _kh_admin_run_plan_setting       (GOptionContext      *context,
                                                  int                  argc,
                                                  char               **argv);

G_END_DECLS
