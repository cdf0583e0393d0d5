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

/* Actions: "intake.save" (Ctrl+S, Enter in a field), "intake.cancel" (Escape).
 *
 * signal: "saved" (KhIntakeForm *self, KhIntakeResult *result): the intake was
 *   saved; `result` is only valid during the emission (copy what you keep).
 *   The form resets itself after the emission.
 * signal: "cancelled" (KhIntakeForm *self): the receptionist gave up; the
 *   form has been reset. */

G_END_DECLS
