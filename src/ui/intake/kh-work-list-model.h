/* kh-work-list-model.h — a reception work list read from the store a page at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "store/kh-store.h"
#include "kh-work-list-item.h"

G_BEGIN_DECLS

typedef enum {
  KH_WORK_LIST_CONTACTS,   /* today's contacts, newest first (KhContact) */
  KH_WORK_LIST_QUEUE,      /* cases waiting for a worker, urgent first (KhCase) */
} KhWorkListKind;

/* Rows read from the store at once: about what a tall window shows of one
 * list, so that the first page is all that a showing reads (and logs)
 * until the list is scrolled, and start-up makes only those rows. */
#define KH_WORK_LIST_PAGE_SIZE 12

#define KH_TYPE_WORK_LIST_MODEL (kh_work_list_model_get_type ())
G_DECLARE_FINAL_TYPE (KhWorkListModel, kh_work_list_model, KH, WORK_LIST_MODEL, GObject)

/* A GListModel of KhWorkListItem whose length is the whole list's (the
 * store's total, kh_work_list_model_get_total), not the rows read so far;
 * after a reload it starts at the first page, and the view makes it whole
 * with kh_work_list_model_grow, a step per frame: GtkListView makes a list
 * item for each of two hundred positions at once, and the window's first
 * frame needs only the rows on screen. An item of a page not read yet
 * has no record; kh_work_list_model_read_item reads its page (and so logs
 * the people on it, KH_ACCESS_WORK_LIST), and the record follows when the
 * page comes. Every row shown is a logged read of a person: nothing is read
 * ahead of being on screen.
 *
 * The model is empty until the first reload. */
KhWorkListModel *kh_work_list_model_new        (KhStore         *store,
                                                KhWorkListKind   kind);
/* Reads the list afresh from its first page, as part of `showing` (see
 * KhWorkListQuery): the items change in one "items-changed" when the first
 * page has come, then "loaded" is emitted. */
void             kh_work_list_model_reload     (KhWorkListModel *self,
                                                guint64          showing);
/* Issue 6, 6: reads the list again in the same showing, after a change
 * made here or at another desk, keeping the items in place: the first
 * page is read at once; the length changes at the end (so that the view
 * keeps its scroll position, focus and rows); the other pages are read
 * again when kh_work_list_model_read_item asks for an item of theirs, until
 * then their items keep the records they had. People already logged in the
 * showing are not logged again. "loaded" follows the first page. Does
 * nothing before the first reload or while one is on its way. */
void             kh_work_list_model_refresh    (KhWorkListModel *self);
/* Reads the page of `item` (an item of this model) if it is not read or
 * being read since the last reload or refresh. */
void             kh_work_list_model_read_item  (KhWorkListModel *self,
                                                KhWorkListItem  *item);
/* Today's list only: only contacts by `channel`, with `outcome`, recorded
 * by `worker_id` (0 for any); reloads in the same showing if it changed. */
void             kh_work_list_model_set_filter (KhWorkListModel *self,
                                                KhChannel        channel,
                                                KhOutcome        outcome,
                                                gint64           worker_id);
gboolean         kh_work_list_model_has_filter (KhWorkListModel *self);
/* The queue only (issue 5, 2.9): only the cases of `team_id` (0: every
 * team); its counts follow. Reloads in the same showing if it changed. */
void             kh_work_list_model_set_team   (KhWorkListModel *self,
                                                gint64           team_id);
gint64           kh_work_list_model_get_team   (KhWorkListModel *self);
/* Whether the unit has more than one team: the queue of every team then
 * names each case's team in its row (issue 5, 2.9). FALSE until said. */
void             kh_work_list_model_set_teams_named (KhWorkListModel *self,
                                                     gboolean         named);
/* Lengthens the list by `n` more rows (by the rest, once GtkListView
 * would make no more list items for them); TRUE while it is not whole. */
gboolean         kh_work_list_model_grow       (KhWorkListModel *self,
                                                guint            n);
/* How many rows the whole list has (as of the last reload). */
guint            kh_work_list_model_get_total  (KhWorkListModel *self);
/* The queue: how many of the cases are urgent (as of the last reload). */
guint            kh_work_list_model_get_urgent (KhWorkListModel *self);
/* Pages read since the last reload, the first included (a refresh's reads
 * of the same pages are not counted again). */
guint            kh_work_list_model_get_pages_read (KhWorkListModel *self);

/* signal: "loaded" (KhWorkListModel *self, GError *error): a reload's first
 *   page has come (error NULL), or a read failed (the list stays as it was;
 *   a cancelled read is not reported). */

G_END_DECLS
