/* kh-rectification.c — the time limit of a request for rectification
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * See kh-rectification.h for the sections applied. The arithmetic is in
 * calendar days (g_date_add_days), which is what "30 days" means in
 * 150/1930 and in HL 49 c §; only the last day is then moved by
 * kh_calendar_move_deadline() (150/1930 5 §).
 */
#define G_LOG_DOMAIN "kohtaamo-core"

#include "config.h"

#include "kh-rectification.h"

/* HL 59 §: "seitsemäntenä päivänä kirjeen lähettämisestä". */
#define LETTER_DAYS     7
/* 13/2003 19 § (924/2010): "kolmantena päivänä viestin lähettämisestä". */
#define ELECTRONIC_DAYS 3

static gboolean
valid (const GDate *date)
{
  return date != NULL && g_date_valid (date);
}

/**
 * kh_rectification_compute:
 * @calendar: the Finnish calendar (its holidays and eves)
 * @sent: the day the decision was sent (posted, or the message sent)
 * @delivery: how it was notified
 * @received: (nullable): for %KH_DELIVERY_PROVEN, the date of receipt on
 *   the acknowledgement or certificate
 * @out_notified: (out caller-allocates): the day the party is deemed
 *   notified (tiedoksisaantipäivä / delfåendedag), never moved
 * @out_last_day: (out caller-allocates): the last day for the request
 * @out_moved: (out) (optional): whether 150/1930 5 § moved the last day
 *
 * Example (domain-law.md 2.3): a letter sent on Monday 2 March 2026 is
 * deemed received on Monday 9 March; the 30 days are counted from 10 March
 * and end on Wednesday 8 April 2026, a working day.
 *
 * Returns: %FALSE if a needed date is missing or the date of receipt is
 *   before the sending date
 */
gboolean
kh_rectification_compute (KhCalendar  *calendar,
                          const GDate *sent,
                          KhDelivery   delivery,
                          const GDate *received,
                          GDate       *out_notified,
                          GDate       *out_last_day,
                          gboolean    *out_moved)
{
  GDate notified, counted;
  gboolean moved;

  g_return_val_if_fail (calendar != NULL, FALSE);
  g_return_val_if_fail (out_notified != NULL && out_last_day != NULL, FALSE);

  g_date_clear (out_notified, 1);
  g_date_clear (out_last_day, 1);
  if (out_moved != NULL)
    *out_moved = FALSE;
  if (!valid (sent))
    return FALSE;

  notified = *sent;
  switch (delivery)
    {
    case KH_DELIVERY_LETTER:
      g_date_add_days (&notified, LETTER_DAYS);
      break;
    case KH_DELIVERY_ELECTRONIC:
      g_date_add_days (&notified, ELECTRONIC_DAYS);
      break;
    case KH_DELIVERY_PROVEN:
      /* HL 60 §: the date on the acknowledgement of receipt. It cannot be
       * before the decision was sent or handed over. */
      if (!valid (received) || g_date_compare (received, sent) < 0)
        return FALSE;
      notified = *received;
      break;
    default:
      g_return_val_if_reached (FALSE);
    }

  /* 150/1930 2 §: the day of notification is not counted, so the 30th day
   * is the notification day plus 30. */
  counted = notified;
  g_date_add_days (&counted, KH_RECTIFICATION_DAYS);
  /* 150/1930 5 §: only the last day moves. */
  moved = kh_calendar_move_deadline (calendar, &counted, out_last_day);
  *out_notified = notified;
  if (out_moved != NULL)
    *out_moved = moved;
  return TRUE;
}
