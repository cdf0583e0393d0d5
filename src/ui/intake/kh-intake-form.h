/* kh-intake-form.h — the new-contact form at reception
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "store/kh-store.h"

G_BEGIN_DECLS

#define KH_TYPE_INTAKE_FORM (kh_intake_form_get_type ())
G_DECLARE_FINAL_TYPE (KhIntakeForm, kh_intake_form, KH, INTAKE_FORM, AdwBin)

/* `store` must be open (its calendar and user are used). */
GtkWidget *kh_intake_form_new         (KhStore      *store);
/* Empties every field and hides every message; "received" becomes now. */
void       kh_intake_form_reset       (KhIntakeForm *self);
/* Moves the focus to where a new contact starts: the person search. */
void       kh_intake_form_focus_start (KhIntakeForm *self);

/* Would closing now lose anything: something typed or chosen in the form,
 * or a save that the store has not finished yet? */
gboolean   kh_intake_form_has_unsaved_work (KhIntakeForm *self);

/* The answer of kh_intake_form_ask_discard: `discard` is TRUE when the
 * work may go (the form has then been reset and "cancelled" emitted, or
 * there was nothing to lose), FALSE when the receptionist keeps editing. */
typedef void (*KhDiscardCallback) (gboolean discard,
                                   gpointer user_data);

/* For closing the window or quitting. Without unsaved work, calls
 * `callback` (TRUE) at once. With a save under way, waits for it: when it
 * is saved there is nothing to lose (TRUE, no question); when the store
 * refused it, asks. Otherwise asks "Discard This Contact?" over `parent`
 * (NULL: the form's window). `callback` is called exactly once; while a
 * question is open, another call is answered FALSE at once. */
void       kh_intake_form_ask_discard      (KhIntakeForm      *self,
                                            GtkWindow         *parent,
                                            KhDiscardCallback  callback,
                                            gpointer           user_data);

/* Actions: "intake.save" (Ctrl+S, Enter in a field), "intake.cancel" (Escape).
 *
 * signal: "saved" (KhIntakeForm *self, KhIntakeResult *result): the intake was
 *   saved; `result` is only valid during the emission (copy what you keep).
 *   The form resets itself after the emission.
 * signal: "cancelled" (KhIntakeForm *self): the receptionist gave up; the
 *   form has been reset. */

G_END_DECLS
