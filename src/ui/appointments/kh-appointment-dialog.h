/* kh-appointment-dialog.h — booking, moving and cancelling a meeting with a
 * client
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/kh-appointment.h"
#include "core/kh-records.h"
#include "store/kh-store.h"

G_BEGIN_DECLS

#define KH_TYPE_APPOINTMENT_DIALOG (kh_appointment_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KhAppointmentDialog, kh_appointment_dialog, KH, APPOINTMENT_DIALOG, AdwWindow)

/* Booking: with `client` (may be NULL: the person picker chooses one) on
 * `day` (NULL: the next day the office is open). */
KhAppointmentDialog *kh_appointment_dialog_new_book (KhStore        *store,
                                                     GtkWindow      *parent,
                                                     KhClient       *client,
                                                     const GDate    *day);
/* Moving or cancelling a meeting as read (a copy is kept). */
KhAppointmentDialog *kh_appointment_dialog_new_move (KhStore             *store,
                                                     GtkWindow           *parent,
                                                     const KhAppointment *appointment);

/* For tests: a field by name ("picker", "kind", "point", "calendar",
 * "start", "length", "language", "interpreter", "interpreter-button",
 * "note", "save", "cancel-meeting"), whether the service points are read,
 * and the message shown at the form (a refusal), or NULL. */
GtkWidget           *kh_appointment_dialog_get_field   (KhAppointmentDialog *self,
                                                        const char          *name);
gboolean             kh_appointment_dialog_has_points  (KhAppointmentDialog *self);
const char          *kh_appointment_dialog_get_message (KhAppointmentDialog *self);

/* Signal "done" (const char *toast): booked, moved or cancelled; the
 * dialog closes after it. */

G_END_DECLS
