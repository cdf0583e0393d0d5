/* kh-contact-window.h — a saved contact: details, history, corrections
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 5, 2.1. Opened from a row of today's contacts, of the queue (the
 * contact that opened the case) or of the person's page. Shows the contact
 * as it is now, "Entered in error" with its reason if it was so marked, and
 * its history (who changed what, when, and what the fields were before).
 * "Correct…" edits the correctable fields in place, with messages at the
 * field and nothing typed lost; "Mark as Entered in Error…" asks for the
 * reason. The store decides who may do either; the buttons follow it.
 */
#pragma once

#include <adwaita.h>

#include "store/kh-store.h"

G_BEGIN_DECLS

#define KH_TYPE_CONTACT_WINDOW (kh_contact_window_get_type ())
G_DECLARE_FINAL_TYPE (KhContactWindow, kh_contact_window, KH, CONTACT_WINDOW, AdwWindow)

/* A modal window over `parent` (may be NULL) for contact `contact_id`; it
 * reads the contact at once. Present it. */
GtkWidget *kh_contact_window_new (KhStore   *store,
                                  gint64     contact_id,
                                  GtkWindow *parent);

/* Whether "Open Person's Page" is offered (not from the person's own page). */
void       kh_contact_window_set_person_shown (KhContactWindow *self,
                                               gboolean         shown);

/* Signal "open-client" (gint64 client_id): "Open Person's Page" was chosen;
 * the window closes itself after emitting it. */

G_END_DECLS
