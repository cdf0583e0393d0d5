/* kh-week-page.h — a worker's week of meetings with clients
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "store/kh-store.h"

G_BEGIN_DECLS

#define KH_TYPE_WEEK_PAGE (kh_week_page_get_type ())
G_DECLARE_FINAL_TYPE (KhWeekPage, kh_week_page, KH, WEEK_PAGE, GtkWidget)

/* Signals: "toast" (AdwToast). The week is read when the page is first
 * mapped, and follows the store's "changed". */
GtkWidget   *kh_week_page_new          (KhStore     *store);
/* Shows the week of `day` (Monday to Friday). */
void         kh_week_page_set_day      (KhWeekPage  *self,
                                        const GDate *day);
void         kh_week_page_get_monday   (KhWeekPage  *self,
                                        GDate       *out);
/* For tests: the heading, the meetings shown (KhAppointment, borrowed),
 * a day's list (0 Monday … 4 Friday) and the dialog open now, if any. */
const char  *kh_week_page_get_heading  (KhWeekPage  *self);
GPtrArray   *kh_week_page_get_meetings (KhWeekPage  *self);
GtkListBox  *kh_week_page_get_day_list (KhWeekPage  *self,
                                        guint        weekday_index);
GtkWindow   *kh_week_page_get_dialog   (KhWeekPage  *self);
/* Whether a read is on its way (tests wait for it to end). */
gboolean     kh_week_page_is_loading   (KhWeekPage  *self);

G_END_DECLS
