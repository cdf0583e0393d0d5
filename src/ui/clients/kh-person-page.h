/* kh-person-page.h — a person's basic page: details and contacts so far
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "store/kh-store.h"
#include "ui/intake/kh-intake-form.h"   /* KhDiscardCallback */

G_BEGIN_DECLS

#define KH_TYPE_PERSON_PAGE (kh_person_page_get_type ())
G_DECLARE_FINAL_TYPE (KhPersonPage, kh_person_page, KH, PERSON_PAGE, GtkWidget)

/* signals: "toast" (AdwToast *toast); "saved" (gint64 client_id) after an edit is saved */

GtkWidget *kh_person_page_new           (KhStore      *store);
void       kh_person_page_set_store     (KhPersonPage *self,
                                         KhStore      *store);
/* Loads the person (logged as opening the page: on the basis of intake for
 * reception, of the client relationship for everyone else) and their
 * contacts. */
void       kh_person_page_load          (KhPersonPage *self,
                                         gint64        client_id);
/* A case note is being written on the page's timeline (or saved). */
gboolean   kh_person_page_has_unsaved_note (KhPersonPage      *self);
/* Asks over `parent` whether to throw that note away; `callback` gets
 * TRUE if it was (or there was none), FALSE if it is kept (the cursor
 * back in it). */
void       kh_person_page_ask_discard_note (KhPersonPage      *self,
                                            GtkWindow         *parent,
                                            KhDiscardCallback  callback,
                                            gpointer           user_data);
/* The page has left the screen: the person is taken off it (their rows
 * too), as when another is opened, unless a note is being written on it;
 * TRUE if taken off (or none was there). */
gboolean   kh_person_page_release       (KhPersonPage *self);
gint64     kh_person_page_get_client_id (KhPersonPage *self);
/* Moves the keyboard focus into the page (its Back button). */
void       kh_person_page_focus         (KhPersonPage *self);
/* Property "loading": TRUE while a new opening waits for the person's
 * details (its spinner shows), FALSE once they or why not are shown. */
gboolean   kh_person_page_get_loading   (KhPersonPage *self);
/* The person as last loaded, or NULL. */
KhClient  *kh_person_page_get_client    (KhPersonPage *self);

G_END_DECLS
