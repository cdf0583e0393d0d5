/* kh-window-surface.c — a window's surface, let go of when it goes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Later GTK disconnects the handler itself when the window unrealizes;
 * there this finds nothing to do.
 */
#define G_LOG_DOMAIN "kohtaamo-ui"

#include "config.h"

#include "kh-window-surface.h"

void
kh_window_surface_release (GtkWindow *window)
{
  GdkSurface *surface;

  g_return_if_fail (GTK_IS_WINDOW (window));

  surface = gtk_native_get_surface (GTK_NATIVE (window));
  if (surface == NULL || !GDK_IS_TOPLEVEL (surface))
    return;
  g_signal_handlers_disconnect_matched (surface, G_SIGNAL_MATCH_ID | G_SIGNAL_MATCH_DATA,
                                        g_signal_lookup ("compute-size", GDK_TYPE_TOPLEVEL), 0, NULL, NULL,
                                        window);
}
