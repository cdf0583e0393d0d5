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
/* Lists today's contacts and the queue again, once, soon: calls made
 * together are one read, and while the lists are not shown (the page not
 * mapped, or the form in front) the read waits until they are. */
void          kh_reception_page_refresh      (KhReceptionPage *self);
/* For a window about to be shown with this page in front: reads the lists
 * now rather than when the page is mapped, so that the window's first frames
 * are not spent waiting for them. The first map then reads nothing more.
 * Does nothing on a page already on screen. */
void          kh_reception_page_read_ahead   (KhReceptionPage *self);
/* The page makes its form when first needed, or in idle time once its lists
 * are on screen; this makes it at once if it is not there yet. */
KhIntakeForm *kh_reception_page_get_form     (KhReceptionPage *self);

/* For the window's close-request and app.quit: is a contact being written
 * or saved (see kh_intake_form_has_unsaved_work)? A form not made yet has
 * nothing to lose. */
gboolean      kh_reception_page_has_unsaved_work (KhReceptionPage   *self);
/* Shows the form and asks "Discard This Contact?" over `parent` (see
 * kh_intake_form_ask_discard); `callback` gets TRUE when the window may
 * close, FALSE when the receptionist keeps editing. Without unsaved work
 * it is called at once with TRUE. Typical use in close-request:
 *
 *   if (!self->closing_confirmed && kh_reception_page_has_unsaved_work (page))
 *     {
 *       kh_reception_page_ask_discard (page, GTK_WINDOW (self), discard_cb, self);
 *       return TRUE;      // keep the window; discard_cb closes it on TRUE
 *     }
 */
void          kh_reception_page_ask_discard      (KhReceptionPage   *self,
                                                  GtkWindow         *parent,
                                                  KhDiscardCallback  callback,
                                                  gpointer           user_data);

/* Action "reception.new-contact" (also Ctrl+N inside the page).
 *
 * signal: "toast" (KhReceptionPage *self, AdwToast *toast): show this toast
 *   ("Contact saved" with Undo). The toast is not transferred: add it with
 *   adw_toast_overlay_add_toast (overlay, g_object_ref (toast)).
 * signal: "open-client" (KhReceptionPage *self, gint64 client_id): a contact
 *   or queue row of a person was activated.
 * signal: "lists-shown" (KhReceptionPage *self): both lists of a refresh
 *   have their answer (rows or an error) in place; the next frame painted
 *   shows them (the window's benchmark hook waits for it). */

G_END_DECLS
