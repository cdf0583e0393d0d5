/* kh-person-picker.h — search before create: find a person, or add one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/kh-records.h"
#include "store/kh-store.h"

G_BEGIN_DECLS

typedef enum {
  KH_PERSON_PICKER_SEARCH,   /* searching; nobody chosen yet */
  KH_PERSON_PICKER_CHOSEN,   /* an existing person is chosen (the "client" property) */
  KH_PERSON_PICKER_NEW,      /* a new person is being typed in */
} KhPersonPickerMode;

/* What the duplicates check before creating a person ended with. */
typedef enum {
  KH_PERSON_PICKER_CREATE_NEW,    /* nobody alike, or "Create New Anyway" */
  KH_PERSON_PICKER_USE_EXISTING,  /* the existing person was chosen instead */
  KH_PERSON_PICKER_KEEP_EDITING,  /* cancelled: the fields stay as typed */
} KhPersonPickerConfirm;

#define KH_TYPE_PERSON_PICKER (kh_person_picker_get_type ())
G_DECLARE_FINAL_TYPE (KhPersonPicker, kh_person_picker, KH, PERSON_PICKER, AdwBin)

GtkWidget          *kh_person_picker_new            (KhStore        *store);
void                kh_person_picker_set_store      (KhPersonPicker *self,
                                                     KhStore        *store);
KhPersonPickerMode  kh_person_picker_get_mode       (KhPersonPicker *self);
/* The chosen existing person (mode CHOSEN), else NULL. */
KhClient           *kh_person_picker_get_client     (KhPersonPicker *self);
/* Chooses `client` as if picked from the results (NULL: back to search). */
void                kh_person_picker_set_client     (KhPersonPicker *self,
                                                     KhClient       *client);
/* How many people a search shows at most (default 8). */
void                kh_person_picker_set_limit      (KhPersonPicker *self,
                                                     guint           limit);

/* The new person (mode NEW): validate shows each problem at its field and
 * focuses the first; dup_new_client gives the typed person. */
gboolean            kh_person_picker_validate_new   (KhPersonPicker *self);
KhClient           *kh_person_picker_dup_new_client (KhPersonPicker *self);
/* Before saving a new person: people with the same name and birth date
 * are most likely the same person, so this asks (AdwMessageDialog on the
 * picker's window) whether to use the existing one. With nobody alike it
 * completes with CREATE_NEW without asking. */
void                kh_person_picker_confirm_new_async  (KhPersonPicker      *self,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
KhPersonPickerConfirm kh_person_picker_confirm_new_finish (KhPersonPicker  *self,
                                                           GAsyncResult    *result,
                                                           GError         **error);

/* The birth date of the chosen or new person, for deadlines. */
gboolean            kh_person_picker_get_birth_date (KhPersonPicker *self,
                                                     GDate          *out);
/* A message under the search line (NULL hides it), e.g. that someone must
 * be chosen; the entry gets a red outline. */
void                kh_person_picker_set_message    (KhPersonPicker *self,
                                                     const char     *message);
/* A store error about the new person (a duplicate code at its field). */
void                kh_person_picker_show_store_error (KhPersonPicker *self,
                                                       const GError   *error);
/* Anything typed, chosen or being added that a reset would throw away. */
gboolean            kh_person_picker_has_content    (KhPersonPicker *self);
/* Back to an empty search. */
void                kh_person_picker_reset          (KhPersonPicker *self);

/* signals:
 *  "chosen" (KhPersonPicker *, KhClient *): the receptionist picked an
 *    existing person (from the results, or instead of a duplicate);
 *  "changed" (KhPersonPicker *): the mode, the chosen person or a field of
 *    the new person changed;
 *  "stopped" (KhPersonPicker *): Escape in an empty search line (the form
 *    around may take it as "cancel"). */

G_END_DECLS
