/* kh-reception-page.h — the reception view: today's contacts, the queue, the form
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "store/kh-store.h"
#include "kh-intake-form.h"

G_BEGIN_DECLS

#define KH_TYPE_RECEPTION_PAGE (kh_reception_page_get_type ())
G_DECLARE_FINAL_TYPE (KhReceptionPage, kh_reception_page, KH, RECEPTION_PAGE, AdwBin)

/* `store` must be open. */
GtkWidget    *kh_reception_page_new          (KhStore         *store);
/* Shows the new-contact form, focused on the person search. */
void          kh_reception_page_new_contact  (KhReceptionPage *self);
/* Lists today's contacts and the queue again. */
void          kh_reception_page_refresh      (KhReceptionPage *self);
KhIntakeForm *kh_reception_page_get_form     (KhReceptionPage *self);

/* Action "reception.new-contact" (also Ctrl+N inside the page).
 *
 * signal: "toast" (KhReceptionPage *self, AdwToast *toast): show this toast
 *   ("Contact saved" with Undo). The toast is not transferred: add it with
 *   adw_toast_overlay_add_toast (overlay, g_object_ref (toast)).
 * signal: "open-client" (KhReceptionPage *self, gint64 client_id): a contact
 *   or queue row of a person was activated. */

G_END_DECLS
