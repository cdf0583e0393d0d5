/* kh-ecomap.h — the client's network map, drawn and chosen from (issue 9, 2)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/kh-ecomap-layout.h"

G_BEGIN_DECLS

#define KH_TYPE_ECOMAP (kh_ecomap_get_type ())
G_DECLARE_FINAL_TYPE (KhEcomap, kh_ecomap, KH, ECOMAP, GtkWidget)

GtkWidget            *kh_ecomap_new              (void);

/* The map of `client_name`'s network: copies `entries`. A selected entry
 * that is no longer there is unselected. */
void                  kh_ecomap_set_entries      (KhEcomap            *self,
                                                  const KhEcomapEntry *entries,
                                                  guint                n_entries,
                                                  const char          *client_name);

/* The selected entry's id, 0 for none ("selected-id"). An id the map does
 * not have selects nothing. */
gint64                kh_ecomap_get_selected_id  (KhEcomap            *self);
void                  kh_ecomap_set_selected_id  (KhEcomap            *self,
                                                  gint64               id);

/* Where the entries are drawn now (NULL before the widget has a size); in
 * the widget's coordinates. */
const KhEcomapLayout *kh_ecomap_get_layout       (KhEcomap            *self);

G_END_DECLS
