/* kh-person-editor.h — a window for editing a person's details
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "store/kh-store.h"

G_BEGIN_DECLS

#define KH_TYPE_PERSON_EDITOR (kh_person_editor_get_type ())
G_DECLARE_FINAL_TYPE (KhPersonEditor, kh_person_editor, KH, PERSON_EDITOR, AdwWindow)

/* signal: "saved" (gint64 client_id) — emitted once, just before the window closes */

GtkWidget *kh_person_editor_new  (KhStore        *store,
                                  KhClient       *client);
/* Validates and saves, as the Save button does. */
void       kh_person_editor_save (KhPersonEditor *self);

G_END_DECLS
