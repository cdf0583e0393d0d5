/* kh-field-message.h — a translated message shown right under a form field
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Shows `message` under `field` (NULL hides it) and gives the field the
 * `error` style class and the accessible invalid state. The message widget is
 * made on first use: a non-focusable row after the field when the field is a
 * row of a GtkListBox (an AdwPreferencesGroup), else a label after it in its
 * GtkBox. */
void      kh_field_message_set   (GtkWidget  *field,
                                  const char *message);
/* The message widget's label, or NULL when none was ever shown (for tests). */
GtkLabel *kh_field_message_get_label (GtkWidget *field);
/* Is a message shown for the field? */
gboolean  kh_field_message_is_shown  (GtkWidget *field);

/* Makes Enter toggle or open what has the focus inside `widget` (a switch
 * or check row, a combo row, a check button) instead of activating the
 * window's default (Save), which Enter in a text field still does. */
void      kh_field_enter_activates_rows (GtkWidget *widget);

/* Loads the app's style sheet (data/style.css: message rows, badges,
 * value rows) once per display, unless the running application has
 * loaded it already. Widgets that use its classes call it in init, so
 * that they look the same in a window made without the application. */
void      kh_field_message_ensure_style (void);

G_END_DECLS
