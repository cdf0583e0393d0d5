/* kh-window.h — the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "app/kh-application.h"
#include "store/kh-store.h"

G_BEGIN_DECLS

#define KH_TYPE_WINDOW (kh_window_get_type ())
G_DECLARE_FINAL_TYPE (KhWindow, kh_window, KH, WINDOW, AdwApplicationWindow)

/* Shows a calm loading state at once and opens `store` in the background. */
KhWindow *kh_window_new       (KhApplication *application,
                               KhStore       *store);
/* For a store whose opening the application has already started. */
KhWindow *kh_window_new_opening (KhApplication *application,
                                 KhStore       *store);
void      kh_window_store_opened (KhWindow     *self,
                                  KhUser       *user,
                                  const GError *error);
KhStore  *kh_window_get_store (KhWindow      *self);
/* "loading" (until every view exists, a moment after the first frame),
 * "error" or "content". */
const char *kh_window_get_state (KhWindow    *self);
void      kh_window_add_toast (KhWindow      *self,
                               AdwToast      *toast);

G_END_DECLS
