/* kh-window-surface.h — a window's surface, let go of when it goes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* For a window's unrealize, before GtkWindow's: nothing on the window's
 * surface calls the window once it is gone. GTK 4.8's GtkWindow leaves its
 * GdkToplevel::compute-size handler on the surface it destroys; GDK's X11
 * backend keeps a destroyed surface until the server confirms it and still
 * runs a layout asked for before (hiding a window asks for one), so a
 * window freed in between is called through that handler. */
void kh_window_surface_release     (GtkWindow *window);
/* kh_window_surface_release () for every window of the process, made now
 * or later, when it is unrealized: a window that hides, saves and is
 * destroyed when the save is done (the assessment's), or any other
 * destroyed while its surface has a layout to come. Once, at start-up. */
void kh_window_surface_release_all (void);

G_END_DECLS
