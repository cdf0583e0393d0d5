/* kh-work-list-item.h — one row of a reception work list, loaded or not yet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "core/kh-calendar.h"

G_BEGIN_DECLS

#define KH_TYPE_WORK_LIST_ITEM (kh_work_list_item_get_type ())
G_DECLARE_FINAL_TYPE (KhWorkListItem, kh_work_list_item, KH, WORK_LIST_ITEM, GObject)

/* An item stands for a position of a KhWorkListModel. Its "record" (a
 * KhContact or a KhCase) is NULL until the page it is on has been read from
 * the store; then it is set once, with a notification. */
KhWorkListItem *kh_work_list_item_new        (guint           position);
/* The item's position in its model. */
guint           kh_work_list_item_get_position (KhWorkListItem *self);
GObject        *kh_work_list_item_get_record (KhWorkListItem *self);
/* `calendar` (may be NULL) counts the working days left to a deadline. */
void            kh_work_list_item_set_record (KhWorkListItem *self,
                                              GObject        *record,
                                              KhCalendar     *calendar);
KhCalendar     *kh_work_list_item_get_calendar (KhWorkListItem *self);
/* Whether the row names the case's team (issue 5, 2.9: a queue of every
 * team, in a unit of several, says which team's queue each case waits
 * in). Once the record is set, a change notifies "record", which the row
 * follows. */
void            kh_work_list_item_set_team_shown (KhWorkListItem *self,
                                                  gboolean        shown);
gboolean        kh_work_list_item_get_team_shown (KhWorkListItem *self);

G_END_DECLS
