/* kh-form-rows.h — reading and filling the rows that several forms share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/kh-enums.h"

G_BEGIN_DECLS

/* The row's text as kh_text_clean() gives it: NULL when nothing is typed. */
char       *kh_form_rows_dup_text        (AdwEntryRow *row);

/* A language combo row lists Finnish, Swedish and other, in that order. */
void        kh_form_rows_setup_language  (AdwComboRow *row);
KhLanguage  kh_form_rows_get_language    (AdwComboRow *row);
/* Selects `language`; a value the row does not list leaves it as it is. */
void        kh_form_rows_set_language    (AdwComboRow *row,
                                          KhLanguage   language);

/* The UI's language as the store picks the names of services: "sv" when
 * the first Finnish or Swedish name in g_get_language_names () is Swedish,
 * else "fi". */
const char *kh_form_rows_ui_language     (void);
/* The service language a new person starts with: the UI's, since staff
 * working in Swedish mostly receive Swedish speakers. */
KhLanguage  kh_form_rows_default_language (void);

/* A row titled `title`, with `subtitle` under it when not NULL, and a
 * switch at its end that a click anywhere on the row toggles; the screen
 * reader names the switch by the title. The row goes at the end of
 * `parent`, a preferences group or a list box; `out_row`, when not NULL,
 * gets it. Returns the switch, off. */
GtkSwitch  *kh_form_rows_add_switch      (GtkWidget     *parent,
                                          const char    *title,
                                          const char    *subtitle,
                                          AdwActionRow **out_row);

/* Shows the choices whole: libadwaita 1.2 cuts them at 20 characters. */
void        kh_form_rows_show_whole_choices (AdwComboRow *row);

G_END_DECLS
