/* kh-page-paintable.h — a rendered page at its size on screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KH_TYPE_PAGE_PAINTABLE (kh_page_paintable_get_type ())
G_DECLARE_FINAL_TYPE (KhPagePaintable, kh_page_paintable, KH, PAGE_PAINTABLE, GObject)

/* A page of `width` × `height` logical pixels showing `texture` (may be
 * NULL: a white page) scaled to that size. The texture is rendered at the
 * display's scale factor, so it has more pixels than the page has logical
 * ones; GtkPicture sizes itself by the paintable's intrinsic size, which
 * is the logical one here. Immutable: a new zoom is a new paintable. */
GdkPaintable *kh_page_paintable_new         (GdkTexture *texture,
                                             int         width,
                                             int         height);
GdkTexture   *kh_page_paintable_get_texture (KhPagePaintable *self);

G_END_DECLS
