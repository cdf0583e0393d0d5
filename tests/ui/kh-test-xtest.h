/* kh-test-xtest.h — keys and clicks sent through the X server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * XTest, loaded at run time (libXtst.so.6), so that GTK's own focus
 * handling, key bindings and gestures take part, as they would for a
 * person at the keyboard. Shared by the network map's and the network
 * page's tests.
 */
#pragma once

#include <dlfcn.h>
#include <math.h>
#include <gtk/gtk.h>
#include <gdk/x11/gdkx.h>
#include <X11/keysym.h>

typedef int (*KhFakeKeyFunc) (Display *, unsigned int, Bool, unsigned long);
typedef int (*KhFakeButtonFunc) (Display *, unsigned int, Bool, unsigned long);
typedef int (*KhFakeMotionFunc) (Display *, int, int, int, unsigned long);

static struct {
  KhFakeKeyFunc    key;
  KhFakeButtonFunc button;
  KhFakeMotionFunc motion;
} kh_xtest;

/* Whether the window is on X (else the test is skipped). */
static inline gboolean
kh_xtest_available (GtkWidget *window)
{
  return GDK_IS_X11_DISPLAY (gtk_widget_get_display (window));
}

/* The display, with the keyboard given to `window`. */
static inline Display *
kh_xtest_display (GtkWidget *window)
{
  Display *x = gdk_x11_display_get_xdisplay (gtk_widget_get_display (window));
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  if (kh_xtest.key == NULL)
    {
      void *lib = dlopen ("libXtst.so.6", RTLD_NOW);

      g_assert_nonnull (lib);
      kh_xtest.key = (KhFakeKeyFunc) dlsym (lib, "XTestFakeKeyEvent");
      kh_xtest.button = (KhFakeButtonFunc) dlsym (lib, "XTestFakeButtonEvent");
      kh_xtest.motion = (KhFakeMotionFunc) dlsym (lib, "XTestFakeMotionEvent");
      g_assert_true (kh_xtest.key != NULL && kh_xtest.button != NULL && kh_xtest.motion != NULL);
    }
  /* Without a window manager the window gets the keyboard when told. */
  XSetInputFocus (x, gdk_x11_surface_get_xid (surface), RevertToParent, CurrentTime);
  return x;
}

static inline void
kh_xtest_press (GtkWidget *window,
                KeySym     keysym,
                gboolean   shift)
{
  Display *x = kh_xtest_display (window);
  KeyCode code = XKeysymToKeycode (x, keysym);
  KeyCode shift_code = XKeysymToKeycode (x, XK_Shift_L);

  g_assert_cmpuint (code, !=, 0);
  if (shift)
    kh_xtest.key (x, shift_code, True, 0);
  kh_xtest.key (x, code, True, 0);
  kh_xtest.key (x, code, False, 0);
  if (shift)
    kh_xtest.key (x, shift_code, False, 0);
  XSync (x, False);
}

/* Clicks `n` times at `x`, `y` of `widget` (inside `window`). */
static inline void
kh_xtest_click (GtkWidget *window,
                GtkWidget *widget,
                double     x,
                double     y,
                int        n)
{
  Display *display = kh_xtest_display (window);
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  graphene_point_t in_window;
  double sx, sy;
  int root_x, root_y;
  Window child;

  g_assert_true (gtk_widget_compute_point (widget, window, &GRAPHENE_POINT_INIT (x, y), &in_window));
  gtk_native_get_surface_transform (GTK_NATIVE (window), &sx, &sy);
  XTranslateCoordinates (display, gdk_x11_surface_get_xid (surface), DefaultRootWindow (display),
                         (int) round (in_window.x + sx), (int) round (in_window.y + sy), &root_x, &root_y, &child);
  kh_xtest.motion (display, -1, root_x, root_y, 0);
  for (int i = 0; i < n; i++)
    {
      kh_xtest.button (display, 1, True, 0);
      kh_xtest.button (display, 1, False, 0);
    }
  XSync (display, False);
}
