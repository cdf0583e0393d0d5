/* test-contact-attempt.c — the attempts to reach a person: codes, who
 * records them, what a valid attempt is, and which the could-not-reach
 * letter lists (issue 8, 3)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "core/kh-contact-attempt.h"
#include "core/kh-text.h"

static void
test_keys (void)
{
  static const struct { KhAttemptMethod method; const char *key; } methods[] = {
    { KH_ATTEMPT_PHONE,        "phone" },
    { KH_ATTEMPT_TEXT_MESSAGE, "text-message" },
    { KH_ATTEMPT_LETTER,       "letter" },
    { KH_ATTEMPT_HOME_VISIT,   "home-visit" },
    { KH_ATTEMPT_OTHER,        "other" },
  };
  static const struct { KhAttemptOutcome outcome; const char *key; } outcomes[] = {
    { KH_ATTEMPT_NO_ANSWER,    "no-answer" },
    { KH_ATTEMPT_WRONG_NUMBER, "wrong-number" },
    { KH_ATTEMPT_MESSAGE_LEFT, "message-left" },
    { KH_ATTEMPT_REACHED,      "reached" },
  };

  /* The codes are the tables' (only ever appended). */
  g_assert_cmpint (G_N_ELEMENTS (methods), ==, KH_ATTEMPT_LAST);
  for (gsize i = 0; i < G_N_ELEMENTS (methods); i++)
    {
      g_assert_cmpint (methods[i].method, ==, i + 1);
      g_assert_cmpstr (kh_attempt_method_key (methods[i].method), ==, methods[i].key);
      g_assert_cmpint (kh_attempt_method_from_key (methods[i].key), ==, methods[i].method);
      g_assert_nonnull (kh_attempt_method_label (methods[i].method));
    }
  g_assert_cmpint (G_N_ELEMENTS (outcomes), ==, KH_ATTEMPT_OUTCOME_LAST);
  for (gsize i = 0; i < G_N_ELEMENTS (outcomes); i++)
    {
      g_assert_cmpint (outcomes[i].outcome, ==, i + 1);
      g_assert_cmpstr (kh_attempt_outcome_key (outcomes[i].outcome), ==, outcomes[i].key);
      g_assert_cmpint (kh_attempt_outcome_from_key (outcomes[i].key), ==, outcomes[i].outcome);
      g_assert_nonnull (kh_attempt_outcome_label (outcomes[i].outcome));
    }
  g_assert_null (kh_attempt_outcome_key (0));
  g_assert_null (kh_attempt_outcome_key (5));
  g_assert_cmpint (kh_attempt_outcome_from_key ("busy"), ==, 0);
  g_assert_null (kh_attempt_method_key (6));
}

static void
test_who_records (void)
{
  static const struct { KhRole role; gboolean may; } rows[] = {
    { KH_ROLE_RECEPTION,     FALSE },
    { KH_ROLE_COUNSELLOR,    TRUE },
    { KH_ROLE_SOCIAL_WORKER, TRUE },
    { KH_ROLE_LEAD,          TRUE },
    { KH_ROLE_ADMIN,         FALSE },
    { 0,                     FALSE },
    { 6,                     FALSE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_test_message ("role %d", rows[i].role);
      g_assert_cmpint (kh_contact_attempt_may_record (rows[i].role), ==, rows[i].may);
    }
}

static void
test_outcome_fits (void)
{
  /* Columns: no answer, wrong number, message left, reached. */
  static const struct { KhAttemptMethod method; gboolean fits[4]; } rows[] = {
    { KH_ATTEMPT_PHONE,        { TRUE,  TRUE,  TRUE,  TRUE } },
    { KH_ATTEMPT_TEXT_MESSAGE, { TRUE,  TRUE,  TRUE,  TRUE } },
    { KH_ATTEMPT_LETTER,       { TRUE,  FALSE, TRUE,  TRUE } },
    { KH_ATTEMPT_HOME_VISIT,   { TRUE,  FALSE, TRUE,  TRUE } },
    { KH_ATTEMPT_OTHER,        { TRUE,  FALSE, TRUE,  TRUE } },
    { 0,                       { FALSE, FALSE, FALSE, FALSE } },
    { 6,                       { FALSE, FALSE, FALSE, FALSE } },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (rows); i++)
    for (KhAttemptOutcome o = KH_ATTEMPT_NO_ANSWER; o <= KH_ATTEMPT_REACHED; o++)
      {
        g_test_message ("method %d, outcome %d", rows[i].method, o);
        g_assert_cmpint (kh_contact_attempt_outcome_fits (rows[i].method, o), ==, rows[i].fits[o - 1]);
      }
  g_assert_false (kh_contact_attempt_outcome_fits (KH_ATTEMPT_PHONE, 0));
  g_assert_false (kh_contact_attempt_outcome_fits (KH_ATTEMPT_PHONE, 5));
}

static GDateTime *
helsinki (int year, int month, int day, int hour, int minute)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/Helsinki");

  return g_date_time_new (tz, year, month, day, hour, minute, 0);
}

static void
test_check (void)
{
  /* now: Monday 7 December 2026 at 10.00; the Kela notification arrived
   * Thursday 3 December at 14.20. */
  static const struct {
    const char       *what;
    KhAttemptMethod   method;
    KhAttemptOutcome  outcome;
    int               day, hour, minute;   /* December 2026; day 0: no time */
    gboolean          follows;             /* follows the notification */
    const char       *note;
    gboolean          ok;
    const char       *stored_note;
  } rows[] = {
    { "a call, no answer",              KH_ATTEMPT_PHONE,        KH_ATTEMPT_NO_ANSWER,    4,  9,  5, TRUE,  NULL,                 TRUE,  NULL },
    { "a text, wrong number",           KH_ATTEMPT_TEXT_MESSAGE, KH_ATTEMPT_WRONG_NUMBER, 4,  9, 10, TRUE,  "Numero ei ole käytössä", TRUE, "Numero ei ole käytössä" },
    { "a note of spaces is none",       KH_ATTEMPT_HOME_VISIT,   KH_ATTEMPT_MESSAGE_LEFT, 5, 13,  0, TRUE,  "   \n ",              TRUE,  NULL },
    { "the note trimmed",               KH_ATTEMPT_OTHER,        KH_ATTEMPT_REACHED,      7,  9, 59, FALSE, "  Tavattiin Kelassa ", TRUE,  "Tavattiin Kelassa" },
    { "five minutes ahead is the slack", KH_ATTEMPT_PHONE,       KH_ATTEMPT_REACHED,      7, 10,  5, FALSE, NULL,                 TRUE,  NULL },
    { "at the notification's minute",   KH_ATTEMPT_PHONE,        KH_ATTEMPT_NO_ANSWER,    3, 14, 20, TRUE,  NULL,                 TRUE,  NULL },
    { "six minutes ahead",              KH_ATTEMPT_PHONE,        KH_ATTEMPT_REACHED,      7, 10,  6, FALSE, NULL,                 FALSE, NULL },
    { "before the notification",        KH_ATTEMPT_PHONE,        KH_ATTEMPT_NO_ANSWER,    3, 14, 19, TRUE,  NULL,                 FALSE, NULL },
    { "a wrong number of a letter",     KH_ATTEMPT_LETTER,       KH_ATTEMPT_WRONG_NUMBER, 4,  9,  0, FALSE, NULL,                 FALSE, NULL },
    { "a wrong number at the door",     KH_ATTEMPT_HOME_VISIT,   KH_ATTEMPT_WRONG_NUMBER, 4,  9,  0, FALSE, NULL,                 FALSE, NULL },
    { "no method",                      0,                       KH_ATTEMPT_NO_ANSWER,    4,  9,  0, FALSE, NULL,                 FALSE, NULL },
    { "an unknown method",              6,                       KH_ATTEMPT_NO_ANSWER,    4,  9,  0, FALSE, NULL,                 FALSE, NULL },
    { "no outcome",                     KH_ATTEMPT_PHONE,        0,                       4,  9,  0, FALSE, NULL,                 FALSE, NULL },
    { "no time",                        KH_ATTEMPT_PHONE,        KH_ATTEMPT_NO_ANSWER,    0,  0,  0, FALSE, NULL,                 FALSE, NULL },
    { "an invisible character",         KH_ATTEMPT_PHONE,        KH_ATTEMPT_NO_ANSWER,    4,  9,  0, FALSE, "Ei\u200b vastausta", FALSE, NULL },
    { "a note of 501",                  KH_ATTEMPT_PHONE,        KH_ATTEMPT_NO_ANSWER,    4,  9,  0, FALSE, "long",               FALSE, NULL },
  };
  g_autoptr(GDateTime) now = helsinki (2026, 12, 7, 10, 0);
  g_autoptr(GDateTime) notified = helsinki (2026, 12, 3, 14, 20);

  for (gsize i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(KhContactAttempt) a = kh_contact_attempt_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *stored = NULL;
      gboolean ok;

      g_test_message ("%s", rows[i].what);
      a->method = rows[i].method;
      a->outcome = rows[i].outcome;
      if (rows[i].day > 0)
        a->attempted_at = helsinki (2026, 12, rows[i].day, rows[i].hour, rows[i].minute);
      a->note = g_strcmp0 (rows[i].note, "long") == 0 ? g_strnfill (KH_CONTACT_ATTEMPT_NOTE_MAX + 1, 'a')
                                                       : g_strdup (rows[i].note);
      ok = kh_contact_attempt_check (a, now, rows[i].follows ? notified : NULL, &stored, &error);
      g_assert_cmpint (ok, ==, rows[i].ok);
      if (ok)
        {
          g_assert_no_error (error);
          g_assert_cmpstr (stored, ==, rows[i].stored_note);
        }
      else
        {
          g_assert_nonnull (error);
          g_assert_true (error->domain == G_IO_ERROR || error->domain == KH_TEXT_ERROR);
          g_assert_cmpuint (strlen (error->message), >, 10);
        }
    }

  /* A note of exactly the limit passes. */
  {
    g_autoptr(KhContactAttempt) a = kh_contact_attempt_new ();

    a->method = KH_ATTEMPT_PHONE;
    a->outcome = KH_ATTEMPT_MESSAGE_LEFT;
    a->attempted_at = helsinki (2026, 12, 4, 9, 0);
    a->note = g_strnfill (KH_CONTACT_ATTEMPT_NOTE_MAX, 'a');
    g_assert_true (kh_contact_attempt_check (a, now, NULL, NULL, NULL));
  }
}

static void
test_unreached (void)
{
  /* Each row: attempts as (id, day of December 2026, hour, outcome), and
   * the ids the letter lists, oldest first. */
  static const struct {
    const char *what;
    struct { gint64 id; int day, hour; KhAttemptOutcome outcome; } in[5];
    gint64 listed[5];
  } rows[] = {
    { "none", { { 0 } }, { 0 } },
    { "two unanswered calls, given newest first",
      { { 2, 4, 13, KH_ATTEMPT_NO_ANSWER }, { 1, 4, 9, KH_ATTEMPT_NO_ANSWER } },
      { 1, 2 } },
    { "reached at last: nothing to write",
      { { 1, 3, 9, KH_ATTEMPT_NO_ANSWER }, { 2, 4, 9, KH_ATTEMPT_MESSAGE_LEFT }, { 3, 5, 9, KH_ATTEMPT_REACHED } },
      { 0 } },
    { "reached once, then not again: only the later ones",
      { { 4, 7, 9, KH_ATTEMPT_WRONG_NUMBER }, { 1, 1, 9, KH_ATTEMPT_NO_ANSWER },
        { 2, 2, 9, KH_ATTEMPT_REACHED }, { 3, 4, 9, KH_ATTEMPT_MESSAGE_LEFT } },
      { 3, 4 } },
    { "the same minute: by id",
      { { 8, 4, 9, KH_ATTEMPT_NO_ANSWER }, { 5, 4, 9, KH_ATTEMPT_MESSAGE_LEFT } },
      { 5, 8 } },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GPtrArray) listed = NULL;
      guint n = 0;

      g_test_message ("%s", rows[i].what);
      for (gsize j = 0; j < G_N_ELEMENTS (rows[i].in) && rows[i].in[j].id != 0; j++)
        {
          KhContactAttempt *a = kh_contact_attempt_new ();

          a->id = rows[i].in[j].id;
          a->method = KH_ATTEMPT_PHONE;
          a->outcome = rows[i].in[j].outcome;
          a->attempted_at = helsinki (2026, 12, rows[i].in[j].day, rows[i].in[j].hour, 0);
          g_ptr_array_add (all, a);
        }
      listed = kh_contact_attempts_unreached (all);
      while (n < G_N_ELEMENTS (rows[i].listed) && rows[i].listed[n] != 0)
        n++;
      g_assert_cmpuint (listed->len, ==, n);
      for (guint j = 0; j < n; j++)
        g_assert_cmpint (((KhContactAttempt *) g_ptr_array_index (listed, j))->id, ==, rows[i].listed[j]);
    }
}

static void
test_parse_clock (void)
{
  static const struct { const char *text; int minutes; } rows[] = {
    { "9.15",    9 * 60 + 15 },
    { "09.15",   9 * 60 + 15 },
    { "9:15",    9 * 60 + 15 },
    { " 14.05 ", 14 * 60 + 5 },
    { "0.00",    0 },
    { "23.59",   23 * 60 + 59 },
    { "9",       9 * 60 },
    { "24.00",   -1 },
    { "9.5",     -1 },
    { "9.60",    -1 },
    { "9.155",   -1 },
    { "915",     -1 },
    { "klo 9",   -1 },
    { "",        -1 },
    { NULL,      -1 },
    { "-1.00",   -1 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      int minutes = -7;
      gboolean ok = kh_contact_attempt_parse_clock (rows[i].text, &minutes);

      g_test_message ("“%s”", rows[i].text);
      g_assert_cmpint (ok, ==, rows[i].minutes >= 0);
      g_assert_cmpint (minutes, ==, ok ? rows[i].minutes : -7);
    }
}

static void
test_copy (void)
{
  g_autoptr(KhContactAttempt) a = kh_contact_attempt_new ();
  g_autoptr(KhContactAttempt) b = NULL;

  a->id = 7;
  a->client_id = 3;
  a->contact_id = 11;
  a->case_id = 5;
  a->attempted_at = helsinki (2026, 12, 4, 9, 5);
  a->method = KH_ATTEMPT_TEXT_MESSAGE;
  a->outcome = KH_ATTEMPT_MESSAGE_LEFT;
  a->note = g_strdup ("Tekstiviesti lähetetty");
  a->made_by = 2;
  a->made_by_name = g_strdup ("Sanna Sosiaaliohjaaja");
  b = kh_contact_attempt_copy (a);
  g_assert_cmpint (b->id, ==, 7);
  g_assert_cmpint (b->client_id, ==, 3);
  g_assert_cmpint (b->contact_id, ==, 11);
  g_assert_cmpint (b->case_id, ==, 5);
  g_assert_true (g_date_time_equal (b->attempted_at, a->attempted_at));
  g_assert_cmpint (b->method, ==, KH_ATTEMPT_TEXT_MESSAGE);
  g_assert_cmpint (b->outcome, ==, KH_ATTEMPT_MESSAGE_LEFT);
  g_assert_cmpstr (b->note, ==, "Tekstiviesti lähetetty");
  g_assert_true (b->note != a->note);
  g_assert_cmpstr (b->made_by_name, ==, "Sanna Sosiaaliohjaaja");
  g_assert_null (b->made_at);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/contact-attempt/keys", test_keys);
  g_test_add_func ("/core/contact-attempt/who-records", test_who_records);
  g_test_add_func ("/core/contact-attempt/outcome-fits", test_outcome_fits);
  g_test_add_func ("/core/contact-attempt/check", test_check);
  g_test_add_func ("/core/contact-attempt/unreached", test_unreached);
  g_test_add_func ("/core/contact-attempt/parse-clock", test_parse_clock);
  g_test_add_func ("/core/contact-attempt/copy", test_copy);
  return g_test_run ();
}
