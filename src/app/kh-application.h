/* kh-application.h — the Kohtaamo application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KH_TYPE_APPLICATION (kh_application_get_type ())
G_DECLARE_FINAL_TYPE (KhApplication, kh_application, KH, APPLICATION, AdwApplication)

KhApplication *kh_application_new               (void);
/* The application's settings (schema APP_ID). */
GSettings     *kh_application_get_settings      (KhApplication *self);
/* --database PATH, else $KOHTAAMO_DATABASE, else the default in the user's data folder. */
char          *kh_application_dup_database_path (KhApplication *self);

/* The benchmark hook (KOHTAAMO_BENCH_FIRST_FRAME=1): main() marks the start,
 * the window reports its first frame with data, and the application prints
 * "first-frame-ms: N" on stderr and quits. */
void           kh_application_mark_start        (void);
gboolean       kh_application_is_bench_first_frame (void);
void           kh_application_report_first_frame (KhApplication *self);

G_END_DECLS
