/* kh-person-fields.h — the fields of a person, for intake and editing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/kh-records.h"

G_BEGIN_DECLS

#define KH_TYPE_PERSON_FIELDS (kh_person_fields_get_type ())
G_DECLARE_FINAL_TYPE (KhPersonFields, kh_person_fields, KH, PERSON_FIELDS, AdwBin)

GtkWidget *kh_person_fields_new              (void);
/* Fills the fields from `client` (NULL clears them) and hides all messages.
 * The client's id is kept for kh_person_fields_dup_client. */
void       kh_person_fields_set_client       (KhPersonFields *self,
                                              KhClient       *client);
/* Checks every field, shows a message under each bad one, moves the focus to
 * the first bad one and keeps all text. FALSE if anything is bad. */
gboolean   kh_person_fields_validate         (KhPersonFields *self);
/* A new KhClient from the fields (call after validate). */
KhClient  *kh_person_fields_dup_client       (KhPersonFields *self);
/* Shows a store error: DUPLICATE_CODE at the identity-code field, anything
 * else as a general message above the fields. */
void       kh_person_fields_show_store_error (KhPersonFields *self,
                                              const GError   *error);
/* Hides every message. */
void       kh_person_fields_clear_messages   (KhPersonFields *self);
/* Fills the name or the identity code from what was typed into a search:
 * "Mäkinen Aino" or "Mäkinen, Aino" -> last and first names, "131052-308T" ->
 * identity code. Other text is left out. */
void       kh_person_fields_prefill          (KhPersonFields *self,
                                              const char     *search_text);
/* The birth date the fields give (from a valid code, or the typed birth date),
 * for live hints such as "over 75". FALSE when there is none yet. */
gboolean   kh_person_fields_get_birth_date   (KhPersonFields *self,
                                              GDate          *out);
/* Shows the rows of the person's record that reception does not fill in at
 * the desk: mother tongue, the non-disclosure marking and the legal
 * representative (ATL 703/2023 38 §). Hidden by default; when hidden, the
 * client from set_client keeps its values of them. A client whose address
 * the store withheld (address_withheld) shows a note instead of the address
 * rows, and dup_client leaves the stored address as it is. */
void       kh_person_fields_set_show_record  (KhPersonFields *self,
                                              gboolean        show);
/* Moves the focus to the first field. */
void       kh_person_fields_focus_start      (KhPersonFields *self);

/* signal: "changed" (KhPersonFields *self): any field was edited. */

G_END_DECLS
