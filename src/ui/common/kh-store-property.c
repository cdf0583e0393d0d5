/* kh-store-property.c — the "store" property that every view takes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each view is handed its KhStore at construction and never swaps it, so the
 * property is the same everywhere but for where the instance keeps it. That
 * place is remembered on the type that installed the property (the pspec's
 * owner), so one pair of accessors serves every view.
 */
#define G_LOG_DOMAIN "kohtaamo-ui"

#include "config.h"

#include "store/kh-store.h"

#include "kh-store-property.h"

enum {
  PROP_0,
  PROP_STORE,
};

static GQuark
get_offset_quark (void)
{
  return g_quark_from_static_string ("kh-store-property-offset");
}

static KhStore **
get_store_slot (GObject    *object,
                GParamSpec *pspec)
{
  gsize offset = GPOINTER_TO_SIZE (g_type_get_qdata (pspec->owner_type, get_offset_quark ()));

  return G_STRUCT_MEMBER_P (object, offset);
}

static void
store_get_property (GObject    *object,
                    guint       prop_id,
                    GValue     *value,
                    GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, *get_store_slot (object, pspec));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
store_set_property (GObject      *object,
                    guint         prop_id,
                    const GValue *value,
                    GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_STORE:
      *get_store_slot (object, pspec) = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

void
kh_store_property_install (GObjectClass *object_class,
                           gsize         store_offset)
{
  g_return_if_fail (G_IS_OBJECT_CLASS (object_class));
  /* Offset 0 is the parent instance, never the store. */
  g_return_if_fail (store_offset > 0);

  g_type_set_qdata (G_OBJECT_CLASS_TYPE (object_class), get_offset_quark (),
                    GSIZE_TO_POINTER (store_offset));
  object_class->get_property = store_get_property;
  object_class->set_property = store_set_property;
  g_object_class_install_property (object_class, PROP_STORE,
                                   g_param_spec_object ("store", NULL, NULL, KH_TYPE_STORE,
                                                        G_PARAM_READWRITE |
                                                        G_PARAM_CONSTRUCT_ONLY |
                                                        G_PARAM_STATIC_STRINGS));
}
