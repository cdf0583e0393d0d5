/* kh-form-dialog.h — the frame of a small form window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* A modal form in an AdwWindow: a header bar with Cancel and the form's
 * action (its default), a preferences page, and at the top of the page a
 * message group, hidden until the store refuses (its label an alert, so
 * that a screen reader says it). */
typedef struct {
  GtkWidget *page;            /* AdwPreferencesPage: the groups go here */
  GtkWidget *title;           /* AdwWindowTitle */
  GtkWidget *action_button;
  GtkWidget *message_group;
  GtkWidget *message_label;
} KhFormDialog;

/* Builds the frame into `window`: `action_mnemonic` ("_Record") runs the
 * widget action `action_name`; Escape cancels. */
void         kh_form_dialog_build        (AdwWindow    *window,
                                          KhFormDialog *form,
                                          const char   *title,
                                          const char   *subtitle,
                                          const char   *action_mnemonic,
                                          const char   *action_name,
                                          int           width,
                                          int           height);
/* After the groups are in: Enter toggles rows, buttons get their names. */
void         kh_form_dialog_finish       (AdwWindow    *window,
                                          KhFormDialog *form);
/* Shows `message` at the top (NULL hides it). */
void         kh_form_dialog_show_message (KhFormDialog *form,
                                          const char   *message);

/* A group of the page (`title` may be NULL), and rows in a group. */
GtkWidget   *kh_form_dialog_add_group    (KhFormDialog *form,
                                          const char   *title);
AdwEntryRow *kh_form_dialog_add_entry    (GtkWidget    *group,
                                          const char   *title);
AdwComboRow *kh_form_dialog_add_combo    (GtkWidget    *group,
                                          const char   *title,
                                          GListModel   *model);
/* A row with a check button before its title; returns the check button. */
GtkWidget   *kh_form_dialog_add_check    (GtkWidget    *group,
                                          const char   *title);

G_END_DECLS
