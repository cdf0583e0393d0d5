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

/* Nothing on the window's surface calls the window once it is gone. */
static void
release (GtkWindow *window)
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

static void
unrealize_cb (GtkWidget *window)
{
  release (GTK_WINDOW (window));
}

static void
toplevels_changed_cb (GListModel *toplevels,
                      guint       position,
                      guint       removed,
                      guint       added)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      /* Before GtkWindow's own unrealize, which destroys the surface. */
      if (g_object_get_data (G_OBJECT (window), "kh-surface-watched") == NULL)
        {
          g_object_set_data (G_OBJECT (window), "kh-surface-watched", GINT_TO_POINTER (TRUE));
          g_signal_connect (window, "unrealize", G_CALLBACK (unrealize_cb), NULL);
        }
    }
}

void
kh_window_surface_release_all (void)
{
  static gboolean watching;
  GListModel *toplevels;

  if (watching)
    return;
  watching = TRUE;
  toplevels = gtk_window_get_toplevels ();
  g_signal_connect (toplevels, "items-changed", G_CALLBACK (toplevels_changed_cb), NULL);
  toplevels_changed_cb (toplevels, 0, 0, g_list_model_get_n_items (toplevels));
}
