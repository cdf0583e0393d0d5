/* kh-rectification.h — the time limit of a request for rectification
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A decision of the wellbeing services county on social services or on
 * supplementary or preventive income support may be contested by a
 * request for rectification (oikaisuvaatimus / begäran om omprövning,
 * sosiaalihuoltolaki 1301/2014 50 §, hallintolaki 434/2003 chapter 7 a).
 * The request must be made within 30 days of notification (HL 49 c §):
 *  - ordinary letter: the party is deemed notified on the 7th day after
 *    the letter was sent (HL 59 §);
 *  - ordinary electronic notification: on the 3rd day after the message
 *    was sent (laki sähköisestä asioinnista viranomaistoiminnassa
 *    13/2003 19 §, as amended by 924/2010);
 *  - proven notification (acknowledgement of receipt, handed over with a
 *    certificate, HL 60 §): the date of receipt given on it.
 * The day of notification is not counted (laki säädetyn ajan laskemisesta
 * 150/1930 2 §), so the 30th day is the notification day plus 30. The
 * deemed notification day is not moved even when it is a Sunday or a
 * holiday; only the last day of the period is moved off a Saturday,
 * Sunday, church holiday, Independence Day, May Day, Christmas Eve or
 * Midsummer Eve to the next working day (150/1930 5 §).
 */
#pragma once

#include <glib.h>

#include "kh-calendar.h"

G_BEGIN_DECLS

typedef enum
{
  KH_DELIVERY_LETTER = 0,   /* ordinary letter, HL 59 § */
  KH_DELIVERY_ELECTRONIC,   /* ordinary electronic notification, 13/2003 19 § */
  KH_DELIVERY_PROVEN,       /* proven notification or handed over, HL 60 § */
} KhDelivery;

#define KH_RECTIFICATION_DAYS 30

/* The day the party is deemed notified and the last day for a request for
 * rectification. `received` is the date of receipt for
 * KH_DELIVERY_PROVEN and ignored otherwise (may be NULL then). Returns
 * FALSE (outputs cleared) when a date is missing or invalid, or the date
 * of receipt is before the sending date. Returns TRUE otherwise;
 * `out_moved` (may be NULL) says whether 150/1930 5 § moved the last day. */
gboolean     kh_rectification_compute   (KhCalendar  *calendar,
                                         const GDate *sent,
                                         KhDelivery   delivery,
                                         const GDate *received,
                                         GDate       *out_notified,
                                         GDate       *out_last_day,
                                         gboolean    *out_moved);

G_END_DECLS
