/* kh-page-paintable.c — a rendered page at its size on screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kohtaamo-ui"

#include "config.h"

#include "kh-page-paintable.h"

struct _KhPagePaintable
{
  GObject     parent_instance;

  GdkTexture *texture;
  int         width;
  int         height;
};

static void kh_page_paintable_paintable_init (GdkPaintableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KhPagePaintable, kh_page_paintable, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GDK_TYPE_PAINTABLE, kh_page_paintable_paintable_init))

static void
kh_page_paintable_snapshot (GdkPaintable *paintable,
                            GdkSnapshot  *snapshot,
                            double        width,
                            double        height)
{
  KhPagePaintable *self = KH_PAGE_PAINTABLE (paintable);
  static const GdkRGBA white = { 1, 1, 1, 1 };

  if (self->texture == NULL)
    {
      gtk_snapshot_append_color (GTK_SNAPSHOT (snapshot), &white, &GRAPHENE_RECT_INIT (0, 0, width, height));
      return;
    }
  gtk_snapshot_append_texture (GTK_SNAPSHOT (snapshot), self->texture,
                               &GRAPHENE_RECT_INIT (0, 0, width, height));
}

static int
kh_page_paintable_get_intrinsic_width (GdkPaintable *paintable)
{
  return KH_PAGE_PAINTABLE (paintable)->width;
}

static int
kh_page_paintable_get_intrinsic_height (GdkPaintable *paintable)
{
  return KH_PAGE_PAINTABLE (paintable)->height;
}

static GdkPaintableFlags
kh_page_paintable_get_flags (GdkPaintable *paintable)
{
  return GDK_PAINTABLE_STATIC_SIZE | GDK_PAINTABLE_STATIC_CONTENTS;
}

static void
kh_page_paintable_paintable_init (GdkPaintableInterface *iface)
{
  iface->snapshot = kh_page_paintable_snapshot;
  iface->get_intrinsic_width = kh_page_paintable_get_intrinsic_width;
  iface->get_intrinsic_height = kh_page_paintable_get_intrinsic_height;
  iface->get_flags = kh_page_paintable_get_flags;
}

static void
kh_page_paintable_finalize (GObject *object)
{
  KhPagePaintable *self = KH_PAGE_PAINTABLE (object);

  g_clear_object (&self->texture);

  G_OBJECT_CLASS (kh_page_paintable_parent_class)->finalize (object);
}

static void
kh_page_paintable_class_init (KhPagePaintableClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kh_page_paintable_finalize;
}

static void
kh_page_paintable_init (KhPagePaintable *self)
{
}

GdkPaintable *
kh_page_paintable_new (GdkTexture *texture,
                       int         width,
                       int         height)
{
  KhPagePaintable *self;

  g_return_val_if_fail (texture == NULL || GDK_IS_TEXTURE (texture), NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);

  self = g_object_new (KH_TYPE_PAGE_PAINTABLE, NULL);
  self->texture = texture != NULL ? g_object_ref (texture) : NULL;
  self->width = width;
  self->height = height;
  return GDK_PAINTABLE (self);
}

GdkTexture *
kh_page_paintable_get_texture (KhPagePaintable *self)
{
  g_return_val_if_fail (KH_IS_PAGE_PAINTABLE (self), NULL);

  return self->texture;
}
