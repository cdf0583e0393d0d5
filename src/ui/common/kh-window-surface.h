/* kh-window-surface.h — a window's surface, let go of when it goes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* For a window's unrealize, before chaining up: nothing on the window's
 * surface calls the window once it is gone. GTK 4.8's GtkWindow leaves its
 * GdkToplevel::compute-size handler on the surface it destroys; GDK's X11
 * backend keeps a destroyed surface until the server confirms it and still
 * runs a layout asked for before (hiding a window asks for one), so a
 * window freed in between is called through that handler. */
void kh_window_surface_release (GtkWindow *window);

G_END_DECLS
