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

G_END_DECLS
