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

/* Shows `store` as its state says (a calm loading state while it opens),
 * opening it in the background unless that has begun. */
KhWindow *kh_window_new       (KhApplication *application,
                               KhStore       *store);
KhStore  *kh_window_get_store (KhWindow      *self);
/* "loading" (until every view exists, a moment after the first frame),
 * "setup" (the first-start question), "error" or "content". */
const char *kh_window_get_state (KhWindow    *self);
void      kh_window_add_toast (KhWindow      *self,
                               AdwToast      *toast);
/* The reception page while it reads its first lists before the window is
 * shown (its "lists-shown" comes when they are in), or NULL. */
GtkWidget *kh_window_get_reading_page (KhWindow *self);

G_END_DECLS
