/* kh-person-timeline.h — the person's timeline and case notes on their page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "store/kh-store.h"

G_BEGIN_DECLS

#define KH_TYPE_PERSON_TIMELINE (kh_person_timeline_get_type ())
G_DECLARE_FINAL_TYPE (KhPersonTimeline, kh_person_timeline, KH, PERSON_TIMELINE, GtkWidget)

/* signals: "toast" (AdwToast *toast); "window-closed" when a contact or an
 * assessment opened from an entry was closed (it may have changed them) */

GtkWidget  *kh_person_timeline_new        (KhStore          *store);
/* Whether the user may see the timeline at all: social counsellors, social
 * workers and the lead (never reception or the administrator role). */
gboolean    kh_person_timeline_may_read   (KhStore          *store);
/* Reads the person's timeline (one access-log row, by the store). Another
 * person's page forgets the previous one's entries and note being written;
 * the same person's keeps the note. */
void        kh_person_timeline_load       (KhPersonTimeline *self,
                                           gint64            client_id,
                                           const char       *client_name);
/* The page reads the person's timeline itself: as kh_person_timeline_load
 * without reading, until kh_person_timeline_show_read brings it. */
void        kh_person_timeline_expect     (KhPersonTimeline *self,
                                           gint64            client_id);
/* As kh_person_timeline_load and kh_person_timeline_set_client, with the
 * entries (KhTimelineEntry, newest first) or the error that the page's own
 * reading brought (kh_store_read_person_page_async, which logged it). */
void        kh_person_timeline_show_read  (KhPersonTimeline *self,
                                           KhClient         *client,
                                           GPtrArray        *entries,
                                           const GError     *error);
/* The person's cases (KhCase), for naming each entry's case and choosing
 * the case of a new note. */
void        kh_person_timeline_set_cases  (KhPersonTimeline *self,
                                           GPtrArray        *cases);
/* Empties the list, the cases and the note being written. */
void        kh_person_timeline_clear      (KhPersonTimeline *self);
/* The entries as shown (KhTimelineEntry), newest first. */
/* The person as the page read them (their language and address), for the
 * could-not-reach letter (issue 8, 3), and their name for the windows
 * opened from the timeline; after kh_person_timeline_load for the same
 * person. NULL: no letter is offered. */
void        kh_person_timeline_set_client (KhPersonTimeline *self,
                                           KhClient         *client);
GListModel *kh_person_timeline_get_model  (KhPersonTimeline *self);
/* Whether a note is being written (its text not empty) or saved. */
gboolean    kh_person_timeline_is_writing (KhPersonTimeline *self);
/* Moves the keyboard focus into the note being written. */
void        kh_person_timeline_focus_note   (KhPersonTimeline *self);
/* Throws away the note being written (not one being saved). */
void        kh_person_timeline_discard_note (KhPersonTimeline *self);
/* Whether the first reading of the current person has arrived. */
gboolean    kh_person_timeline_is_loaded  (KhPersonTimeline *self);

G_END_DECLS
