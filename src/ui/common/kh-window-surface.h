/* kh-window-surface.h — a window's surface, let go of when it goes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* GTK 4.8's GtkWindow leaves its GdkToplevel::compute-size handler on the
 * surface it destroys; GDK's X11 backend keeps a destroyed surface until
 * the server confirms it and still runs a layout asked for before (hiding
 * a window asks for one), so a window freed in between is called through
 * that handler. This disconnects it, before GtkWindow's own unrealize, for
 * every window of the process, made now or later: a window that hides,
 * saves and is destroyed when the save is done (the assessment's), or any
 * other destroyed while its surface has a layout to come. Once, at
 * start-up. */
void kh_window_surface_release_all (void);

G_END_DECLS
