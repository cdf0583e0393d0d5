/* kh-person-row.h — a person found by a search, as a list row
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/kh-search.h"

G_BEGIN_DECLS

#define KH_TYPE_PERSON_ROW (kh_person_row_get_type ())
G_DECLARE_FINAL_TYPE (KhPersonRow, kh_person_row, KH, PERSON_ROW, GtkBox)

KhSearchHit *kh_person_row_get_hit (KhPersonRow *self);
void         kh_person_row_set_hit (KhPersonRow *self,
                                    KhSearchHit *hit);

G_END_DECLS
