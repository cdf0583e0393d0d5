/* kh-assessment-fields.h — the kinds of field the assessment's steps are made of
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* A multi-line text with its heading (and an optional line of help under
 * it), for the client's words and the worker's notes. The heading is the
 * text view's accessible label. `box` gets the whole. */
GtkTextView *kh_note_field_new      (GtkBox      *box,
                                     const char  *heading,
                                     const char  *help);
/* The text as typed (NULL when empty); cleaning is the core's. */
char        *kh_note_field_dup_text (GtkTextView *view);
/* Sets the text unless it is the same (the cursor stays where it was). */
void         kh_note_field_set_text (GtkTextView *view,
                                     const char  *text);
/* The heading and the frame around a note, for showing and hiding. */
GtkWidget   *kh_note_field_get_box  (GtkTextView *view);

/* A combo row of choices: `labels` (NULL-terminated) stand for `values`
 * (as many), the first normally "not answered" (0). */
AdwComboRow *kh_choice_row_new      (const char         *title,
                                     const char * const *labels,
                                     const int          *values);
int          kh_choice_row_get      (AdwComboRow        *row);
void         kh_choice_row_set      (AdwComboRow        *row,
                                     int                 value);

/* The three answers Yes, No and not answered (KhAnswer), and with Partly. */
AdwComboRow *kh_answer_row_new      (const char         *title,
                                     gboolean            partly);

G_END_DECLS
