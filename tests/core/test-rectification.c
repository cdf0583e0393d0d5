/* test-rectification.c — the time limit of a request for rectification
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every expected date was worked out by hand (sending day + 7 or + 3, then
 * + 30, then moved off Saturdays, Sundays, holidays and eves) and its
 * weekday checked against a printed calendar; none is computed by the code
 * under test. The 2026–2027 holidays used (domain-law.md section 6):
 * Good Friday 3.4.2026 and 26.3.2027, Easter Monday 6.4.2026 and 29.3.2027,
 * May Day Fri 1.5.2026, Ascension Day Thu 6.5.2027, Midsummer Eve Fri
 * 25.6.2027, All Saints' Day Sat 6.11.2027, Independence Day Mon 6.12.2027,
 * Christmas Eve Thu 24.12.2026, Christmas Day Fri 25.12.2026, New Year's
 * Day Fri 1.1.2027, Epiphany Wed 6.1.2027.
 */
#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include <locale.h>

#include "core/kh-rectification.h"

typedef struct { guint d, m, y; } Day;

typedef struct
{
  const char *what;
  Day         sent;
  KhDelivery  delivery;
  Day         received;   /* KH_DELIVERY_PROVEN only */
  Day         notified;
  Day         last_day;
  gboolean    moved;
} Case;

#define LETTER     KH_DELIVERY_LETTER
#define ELECTRONIC KH_DELIVERY_ELECTRONIC
#define PROVEN     KH_DELIVERY_PROVEN
#define NONE       { 0, 0, 0 }

static const Case cases[] = {
  /* domain-law.md 2.3, the worked example. */
  { "worked example: Mon 2.3.2026 by letter", { 2, 3, 2026 }, LETTER, NONE,
    { 9, 3, 2026 }, { 8, 4, 2026 }, FALSE },
  /* Easter 2026: the 30th day is Good Friday 3.4.2026; Saturday, Easter
   * Sunday and Easter Monday follow. */
  { "Good Friday 2026", { 25, 2, 2026 }, LETTER, NONE,
    { 4, 3, 2026 }, { 7, 4, 2026 }, TRUE },
  /* Easter 2027: the 30th day on Maundy Thursday stays. */
  { "Maundy Thursday 2027", { 16, 2, 2027 }, LETTER, NONE,
    { 23, 2, 2027 }, { 25, 3, 2027 }, FALSE },
  /* The 30th day is Good Friday 26.3.2027: moved past Easter to Tue 30.3. */
  { "Good Friday 2027", { 17, 2, 2027 }, LETTER, NONE,
    { 24, 2, 2027 }, { 30, 3, 2027 }, TRUE },
  /* Electronic: sent Wed 24.2.2027, notified Sat 27.2.2027 (not moved),
   * the 30th day is Easter Monday 29.3.2027. */
  { "Easter Monday 2027, electronic", { 24, 2, 2027 }, ELECTRONIC, NONE,
    { 27, 2, 2027 }, { 30, 3, 2027 }, TRUE },
  /* Ascension Day Thu 6.5.2027 moves to Fri 7.5.2027. */
  { "Ascension Day 2027", { 30, 3, 2027 }, LETTER, NONE,
    { 6, 4, 2027 }, { 7, 5, 2027 }, TRUE },
  /* May Day Fri 1.5.2026, then the weekend: Mon 4.5.2026. */
  { "May Day 2026", { 25, 3, 2026 }, LETTER, NONE,
    { 1, 4, 2026 }, { 4, 5, 2026 }, TRUE },
  /* Midsummer Eve Fri 25.6.2027, Midsummer Day Sat 26.6, Sunday: Mon 28.6. */
  { "Midsummer Eve 2027", { 19, 5, 2027 }, LETTER, NONE,
    { 26, 5, 2027 }, { 28, 6, 2027 }, TRUE },
  /* Proven: received Wed 26.5.2027 whatever the sending day. */
  { "Midsummer Eve 2027, proven", { 21, 5, 2027 }, PROVEN, { 26, 5, 2027 },
    { 26, 5, 2027 }, { 28, 6, 2027 }, TRUE },
  /* Proven, handed over at the office on the day of sending, Mon
   * 7.12.2026: the 30th day is Epiphany Wed 6.1.2027, so Thu 7.1.2027. */
  { "handed over Mon 7.12.2026", { 7, 12, 2026 }, PROVEN, { 7, 12, 2026 },
    { 7, 12, 2026 }, { 7, 1, 2027 }, TRUE },
  /* Christmas Eve Thu 24.12.2026, Christmas Day, St Stephen's Day (Sat),
   * Sunday: Mon 28.12.2026. */
  { "Christmas Eve 2026", { 17, 11, 2026 }, LETTER, NONE,
    { 24, 11, 2026 }, { 28, 12, 2026 }, TRUE },
  /* New Year's Eve is no holiday: Thu 31.12.2026 stays. */
  { "New Year's Eve 2026", { 24, 11, 2026 }, LETTER, NONE,
    { 1, 12, 2026 }, { 31, 12, 2026 }, FALSE },
  /* New Year's Day Fri 1.1.2027, then the weekend: Mon 4.1.2027. */
  { "New Year's Day 2027", { 25, 11, 2026 }, LETTER, NONE,
    { 2, 12, 2026 }, { 4, 1, 2027 }, TRUE },
  /* Electronic, sent Fri 4.12.2026: notified Mon 7.12.2026; the 30th day is
   * Epiphany Wed 6.1.2027: Thu 7.1.2027. */
  { "Epiphany 2027, electronic", { 4, 12, 2026 }, ELECTRONIC, NONE,
    { 7, 12, 2026 }, { 7, 1, 2027 }, TRUE },
  /* Sent Fri 18.12.2026: deemed notified on Christmas Day 25.12.2026, which
   * is not moved; the 30th day is Sun 24.1.2027: Mon 25.1.2027. */
  { "notified on Christmas Day", { 18, 12, 2026 }, LETTER, NONE,
    { 25, 12, 2026 }, { 25, 1, 2027 }, TRUE },
  /* Electronic, sent Wed 3.11.2027: notified Sat 6.11.2027 (All Saints'
   * Day, not moved); the 30th day is Independence Day Mon 6.12.2027. */
  { "Independence Day 2027, electronic", { 3, 11, 2027 }, ELECTRONIC, NONE,
    { 6, 11, 2027 }, { 7, 12, 2027 }, TRUE },
  /* Weekends: the 30th day a Saturday, then a Sunday. */
  { "Saturday 12.12.2026", { 5, 11, 2026 }, LETTER, NONE,
    { 12, 11, 2026 }, { 14, 12, 2026 }, TRUE },
  { "Sunday 13.12.2026", { 6, 11, 2026 }, LETTER, NONE,
    { 13, 11, 2026 }, { 14, 12, 2026 }, TRUE },
  /* Electronic, sent on a Friday: notified Monday, 30th day a Wednesday. */
  { "electronic Fri 4.9.2026", { 4, 9, 2026 }, ELECTRONIC, NONE,
    { 7, 9, 2026 }, { 7, 10, 2026 }, FALSE },
  /* Over the end of February in a leap year: sent Mon 14.2.2028, notified
   * Mon 21.2.2028; 29 February counts, so the 30th day is Wed 22.3.2028. */
  { "leap year 2028", { 14, 2, 2028 }, LETTER, NONE,
    { 21, 2, 2028 }, { 22, 3, 2028 }, FALSE },
};

static GDate
to_date (const Day *day)
{
  GDate date;

  g_date_clear (&date, 1);
  if (day->d != 0)
    g_date_set_dmy (&date, day->d, day->m, day->y);
  return date;
}

static void
assert_day (const char  *what,
            const GDate *date,
            const Day   *expected)
{
  if (!g_date_valid (date)
      || g_date_get_day (date) != expected->d
      || g_date_get_month (date) != expected->m
      || g_date_get_year (date) != expected->y)
    g_error ("%s: expected %u.%u.%u, got %u.%u.%u", what, expected->d, expected->m, expected->y,
             g_date_valid (date) ? g_date_get_day (date) : 0,
             g_date_valid (date) ? g_date_get_month (date) : 0,
             g_date_valid (date) ? g_date_get_year (date) : 0);
}

static void
test_table (void)
{
  g_autoptr(KhCalendar) calendar = kh_calendar_new ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];
      GDate sent = to_date (&c->sent);
      GDate received = to_date (&c->received);
      GDate notified, last_day;
      gboolean moved = !c->moved;

      g_test_message ("%s", c->what);
      g_assert_true (kh_rectification_compute (calendar, &sent, c->delivery,
                                               c->delivery == PROVEN ? &received : NULL,
                                               &notified, &last_day, &moved));
      assert_day (c->what, &notified, &c->notified);
      assert_day (c->what, &last_day, &c->last_day);
      g_assert_cmpint (moved, ==, c->moved);
    }
}

/* The unit's own closed days (a bridge day) move no statutory deadline. */
static void
test_closed_day_does_not_move (void)
{
  g_autoptr(KhCalendar) calendar = kh_calendar_new ();
  GDate sent, closed, notified, last_day;

  g_date_clear (&sent, 1);
  g_date_clear (&closed, 1);
  g_date_set_dmy (&sent, 2, 3, 2026);
  g_date_set_dmy (&closed, 8, 4, 2026);
  kh_calendar_add_closed_day (calendar, &closed, "Koulutuspäivä");
  g_assert_true (kh_rectification_compute (calendar, &sent, LETTER, NULL, &notified, &last_day, NULL));
  assert_day ("closed day", &last_day, &(Day) { 8, 4, 2026 });
}

static void
test_invalid (void)
{
  g_autoptr(KhCalendar) calendar = kh_calendar_new ();
  GDate sent, received, invalid, notified, last_day;
  gboolean moved = TRUE;

  g_date_clear (&sent, 1);
  g_date_clear (&received, 1);
  g_date_clear (&invalid, 1);
  g_date_set_dmy (&sent, 7, 12, 2026);
  g_date_set_dmy (&received, 4, 12, 2026);

  /* No sending date. */
  g_assert_false (kh_rectification_compute (calendar, &invalid, LETTER, NULL, &notified, &last_day, &moved));
  g_assert_false (g_date_valid (&notified));
  g_assert_false (g_date_valid (&last_day));
  g_assert_false (moved);
  g_assert_false (kh_rectification_compute (calendar, NULL, ELECTRONIC, NULL, &notified, &last_day, NULL));
  /* Proven without a date of receipt, or received before it was sent. */
  g_assert_false (kh_rectification_compute (calendar, &sent, PROVEN, NULL, &notified, &last_day, NULL));
  g_assert_false (kh_rectification_compute (calendar, &sent, PROVEN, &invalid, &notified, &last_day, NULL));
  g_assert_false (kh_rectification_compute (calendar, &sent, PROVEN, &received, &notified, &last_day, NULL));
  g_assert_false (g_date_valid (&last_day));
  /* The date of receipt is ignored for a letter. */
  g_assert_true (kh_rectification_compute (calendar, &sent, LETTER, &received, &notified, &last_day, NULL));
  assert_day ("letter", &notified, &(Day) { 14, 12, 2026 });
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rectification/table", test_table);
  g_test_add_func ("/rectification/closed-day", test_closed_day_does_not_move);
  g_test_add_func ("/rectification/invalid", test_invalid);
  return g_test_run ();
}
