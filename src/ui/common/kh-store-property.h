/* kh-store-property.h — the "store" property that every view takes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Installs "store" (a KhStore, construct-only) as property 1 of a view class
 * that has no other properties, with the class's get_property and
 * set_property: the instance keeps its own reference at `store_offset`
 * (G_STRUCT_OFFSET of a `KhStore *` field), which dispose must clear. */
void kh_store_property_install (GObjectClass *object_class,
                                gsize         store_offset);

G_END_DECLS
