/* test-attempts.c — the attempts to reach a person in the store, on both
 * engines: recorded by whom and when the store says, on the timeline and
 * in the person's list, append-only below the store, what the store
 * refuses, who may, every read logged (issue 8, 3)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include "store-test-util.h"

typedef struct
{
  KhUser    *rec;
  KhUser    *cou;
  KhUser    *sw;
  KhUser    *lead;
  gint64     case_id;
  gint64     client_id;
  gint64     contact_id;
  GDateTime *received_at;
} People;

/* The unit's workers, and a Kela notification about Aino Korhonen that
 * arrived two hours ago and opened a case. */
static void
people_set_up (Fixture *f,
               People  *p)
{
  g_autoptr(KhContact) contact = test_contact (KH_OUTCOME_CASE_OPENED);
  g_autoptr(KhClient) client = test_client ("Korhonen", "Aino", "1980-05-14", 931);
  g_autoptr(KhIntakeResult) result = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  KhIntake intake = { contact, client, FALSE, 0, 0 };

  p->rec = fixture_add_user (f, "rec", "Riikka Vastaanotto", KH_ROLE_RECEPTION);
  p->cou = fixture_add_user (f, "cou", "Outi Ohjaaja", KH_ROLE_COUNSELLOR);
  p->sw = fixture_add_user (f, "sw", "Sari Sosiaalityöntekijä", KH_ROLE_SOCIAL_WORKER);
  p->lead = fixture_add_user (f, "lead", "Leena Johtava", KH_ROLE_LEAD);
  /* Whole seconds: the stored time is. */
  p->received_at = g_date_time_new_from_unix_local (g_date_time_to_unix (now) - 2 * 3600);
  contact->received_at = g_date_time_ref (p->received_at);
  contact->reason_text = g_strdup ("Kelan ilmoitus: tarve sosiaalityölle");
  result = kh_db_save_intake (fixture_db (f, p->rec), p->rec, &intake, &error);
  g_assert_no_error (error);
  p->case_id = result->case_id;
  p->client_id = result->client_id;
  p->contact_id = result->contact_id;
}

static void
people_clear (People *p)
{
  g_clear_object (&p->rec);
  g_clear_object (&p->cou);
  g_clear_object (&p->sw);
  g_clear_object (&p->lead);
  g_clear_pointer (&p->received_at, g_date_time_unref);
}

/* An attempt `minutes` after the notification. */
static KhContactAttempt *
attempt_new (People           *p,
             int               minutes,
             KhAttemptMethod   method,
             KhAttemptOutcome  outcome,
             const char       *note)
{
  KhContactAttempt *a = kh_contact_attempt_new ();

  a->client_id = p->client_id;
  a->contact_id = p->contact_id;
  a->case_id = p->case_id;
  a->attempted_at = g_date_time_add_minutes (p->received_at, minutes);
  a->method = method;
  a->outcome = outcome;
  a->note = g_strdup (note);
  return a;
}

static KhContactAttempt *
record (Fixture          *f,
        KhUser           *user,
        KhContactAttempt *attempt)
{
  g_autoptr(GError) error = NULL;
  KhContactAttempt *stored = kh_db_record_contact_attempt (fixture_db (f, user), user, attempt, &error);

  g_assert_no_error (error);
  g_assert_nonnull (stored);
  return stored;
}

static gint64
timeline_log_rows (Fixture *f,
                   People  *p)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM access_log WHERE client_id = %"
                                          G_GINT64_FORMAT " AND what = %d AND basis = %d",
                                          p->client_id, KH_ACCESS_TIMELINE, KH_BASIS_CLIENT_RELATIONSHIP);

  return count (f, sql);
}

#define ENTRY(entries, i) ((KhTimelineEntry *) g_ptr_array_index ((entries), (i)))
#define ATTEMPT(list, i) ((KhContactAttempt *) g_ptr_array_index ((list), (i)))

static void
test_recorded_and_listed (Fixture       *f,
                          gconstpointer  data)
{
  People p = { 0 };
  g_autoptr(KhContactAttempt) call = NULL;
  g_autoptr(KhContactAttempt) text = NULL;
  g_autoptr(KhContactAttempt) first = NULL;
  g_autoptr(KhContactAttempt) second = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 before, after;

  people_set_up (f, &p);
  call = attempt_new (&p, 30, KH_ATTEMPT_PHONE, KH_ATTEMPT_NO_ANSWER, "  Ei vastausta, ei vastaajaa.\n");
  text = attempt_new (&p, 45, KH_ATTEMPT_TEXT_MESSAGE, KH_ATTEMPT_WRONG_NUMBER, " \n ");
  text->contact_id = 0;

  before = g_get_real_time () / G_USEC_PER_SEC;
  second = record (f, p.sw, text);
  first = record (f, p.cou, call);
  after = g_get_real_time () / G_USEC_PER_SEC;

  /* As stored: the note trimmed (only spaces: none), who and when the
   * store says. */
  g_assert_cmpint (first->id, >, 0);
  g_assert_cmpstr (first->note, ==, "Ei vastausta, ei vastaajaa.");
  g_assert_null (second->note);
  g_assert_cmpstr (first->made_by_name, ==, "Outi Ohjaaja");
  g_assert_cmpint (g_date_time_to_unix (first->made_at), >=, before);
  g_assert_cmpint (g_date_time_to_unix (first->made_at), <=, after);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT made_by FROM contact_attempts WHERE id = %"
                                            G_GINT64_FORMAT, first->id);
    g_assert_cmpint (count (f, sql), ==, p.cou->id);
  }
  /* Recording is a write, not a read. */
  g_assert_cmpint (timeline_log_rows (f, &p), ==, 0);

  /* On the timeline, newest first, with method, outcome and who. */
  entries = kh_db_list_client_timeline (fixture_db (f, p.lead), p.lead, p.client_id, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 4);
  g_assert_cmpint (ENTRY (entries, 0)->kind, ==, KH_TIMELINE_ATTEMPT);
  g_assert_cmpint (ENTRY (entries, 0)->id, ==, second->id);
  g_assert_cmpint (ENTRY (entries, 0)->n1, ==, KH_ATTEMPT_TEXT_MESSAGE);
  g_assert_cmpint (ENTRY (entries, 0)->n2, ==, KH_ATTEMPT_WRONG_NUMBER);
  g_assert_cmpint (ENTRY (entries, 0)->ref_id, ==, 0);
  g_assert_cmpint (ENTRY (entries, 0)->case_id, ==, p.case_id);
  g_assert_null (ENTRY (entries, 0)->text);
  g_assert_cmpstr (ENTRY (entries, 0)->who, ==, "Sari Sosiaalityöntekijä");
  g_assert_cmpint (g_date_time_to_unix (ENTRY (entries, 0)->at), ==,
                   g_date_time_to_unix (p.received_at) + 45 * 60);
  g_assert_cmpint (ENTRY (entries, 1)->kind, ==, KH_TIMELINE_ATTEMPT);
  g_assert_cmpint (ENTRY (entries, 1)->id, ==, first->id);
  g_assert_cmpint (ENTRY (entries, 1)->n1, ==, KH_ATTEMPT_PHONE);
  g_assert_cmpint (ENTRY (entries, 1)->n2, ==, KH_ATTEMPT_NO_ANSWER);
  g_assert_cmpint (ENTRY (entries, 1)->ref_id, ==, p.contact_id);
  g_assert_cmpstr (ENTRY (entries, 1)->text, ==, "Ei vastausta, ei vastaajaa.");
  g_assert_cmpstr (ENTRY (entries, 1)->who, ==, "Outi Ohjaaja");
  g_assert_cmpint (ENTRY (entries, 2)->kind, ==, KH_TIMELINE_CASE);
  g_assert_cmpint (ENTRY (entries, 3)->kind, ==, KH_TIMELINE_CONTACT);
  g_assert_cmpint (timeline_log_rows (f, &p), ==, 1);

  /* The person's list: oldest first, logged as the timeline's read. */
  list = kh_db_list_contact_attempts (fixture_db (f, p.cou), p.cou, p.client_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpint (ATTEMPT (list, 0)->id, ==, first->id);
  g_assert_cmpint (ATTEMPT (list, 0)->client_id, ==, p.client_id);
  g_assert_cmpint (ATTEMPT (list, 0)->contact_id, ==, p.contact_id);
  g_assert_cmpint (ATTEMPT (list, 0)->case_id, ==, p.case_id);
  g_assert_cmpint (ATTEMPT (list, 0)->method, ==, KH_ATTEMPT_PHONE);
  g_assert_cmpint (ATTEMPT (list, 0)->outcome, ==, KH_ATTEMPT_NO_ANSWER);
  g_assert_cmpstr (ATTEMPT (list, 0)->made_by_name, ==, "Outi Ohjaaja");
  g_assert_cmpint (ATTEMPT (list, 0)->made_by, ==, p.cou->id);
  g_assert_cmpint (g_date_time_to_unix (ATTEMPT (list, 0)->made_at), ==, g_date_time_to_unix (first->made_at));
  g_assert_cmpint (ATTEMPT (list, 1)->id, ==, second->id);
  g_assert_cmpint (ATTEMPT (list, 1)->contact_id, ==, 0);
  g_assert_cmpint (timeline_log_rows (f, &p), ==, 2);

  /* Someone else's list holds none of these. */
  {
    gint64 other = add_client (f, "Virtanen", "Eero", "1975-02-03", 942);

    g_clear_pointer (&list, g_ptr_array_unref);
    list = kh_db_list_contact_attempts (fixture_db (f, p.sw), p.sw, other, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (list->len, ==, 0);
  }
  people_clear (&p);
}

static void
test_append_only (Fixture       *f,
                  gconstpointer  data)
{
  People p = { 0 };
  g_autoptr(KhContactAttempt) call = NULL;
  g_autoptr(KhContactAttempt) stored = NULL;
  g_autofree char *update = NULL;
  g_autofree char *delete = NULL;
  g_autofree char *letter_wrong_number = NULL;
  g_autofree char *ahead = NULL;
  RawDb *raw;

  people_set_up (f, &p);
  call = attempt_new (&p, 10, KH_ATTEMPT_PHONE, KH_ATTEMPT_MESSAGE_LEFT, "Jätetty viesti vastaajaan.");
  stored = record (f, p.sw, call);

  /* Below the store, for any program (the server's superuser too). */
  update = g_strdup_printf ("UPDATE contact_attempts SET outcome = 4 WHERE id = %" G_GINT64_FORMAT, stored->id);
  delete = g_strdup_printf ("DELETE FROM contact_attempts WHERE id = %" G_GINT64_FORMAT, stored->id);
  /* The tables restate the core's rules. */
  letter_wrong_number = g_strdup_printf ("INSERT INTO contact_attempts (client_id, attempted_at, method, "
                                         "outcome, made_by, made_at) VALUES (%" G_GINT64_FORMAT ", "
                                         "%" G_GINT64_FORMAT ", 3, 2, %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")",
                                         p.client_id, g_date_time_to_unix (p.received_at), p.sw->id,
                                         g_date_time_to_unix (p.received_at));
  ahead = g_strdup_printf ("INSERT INTO contact_attempts (client_id, contact_id, attempted_at, method, "
                           "outcome, made_by, made_at) VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", "
                           "%" G_GINT64_FORMAT ", 1, 1, %" G_GINT64_FORMAT ", 0)",
                           p.client_id, p.contact_id, g_date_time_to_unix (p.received_at) - 60, p.sw->id);
  raw = raw_connect (f);
  g_assert_true (raw_refuses (raw, update));
  g_assert_true (raw_refuses (raw, delete));
  g_assert_true (raw_refuses (raw, letter_wrong_number));
  /* Earlier than the notification it follows up. */
  g_assert_true (raw_refuses (raw, ahead));
  raw_close (raw);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM contact_attempts WHERE id = %" G_GINT64_FORMAT
                                            " AND outcome = 3 AND note = 'Jätetty viesti vastaajaan.'",
                                            stored->id);
    g_assert_cmpint (count (f, sql), ==, 1);
  }
  g_assert_cmpint (count (f, "SELECT count(*) FROM contact_attempts"), ==, 1);
  people_clear (&p);
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  People p = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 other;
  struct {
    const char       *what;
    int               minutes;
    KhAttemptMethod   method;
    KhAttemptOutcome  outcome;
    gboolean          long_note;
    gboolean          nobody;      /* of no such person */
    int               code;
  } rows[] = {
    { "a wrong number of a letter",        10, KH_ATTEMPT_LETTER,       KH_ATTEMPT_WRONG_NUMBER, FALSE, FALSE, KH_STORE_ERROR_INVALID },
    { "no method",                         10, 0,                       KH_ATTEMPT_NO_ANSWER,    FALSE, FALSE, KH_STORE_ERROR_INVALID },
    { "an outcome that is none",           10, KH_ATTEMPT_PHONE,        9,                       FALSE, FALSE, KH_STORE_ERROR_INVALID },
    { "an hour in the future",            180, KH_ATTEMPT_PHONE,        KH_ATTEMPT_NO_ANSWER,    FALSE, FALSE, KH_STORE_ERROR_INVALID },
    { "a note of 501 characters",          10, KH_ATTEMPT_PHONE,        KH_ATTEMPT_NO_ANSWER,    TRUE,  FALSE, KH_STORE_ERROR_INVALID },
    { "no such person",                    10, KH_ATTEMPT_PHONE,        KH_ATTEMPT_NO_ANSWER,    FALSE, TRUE,  KH_STORE_ERROR_NOT_FOUND },
  };

  people_set_up (f, &p);
  other = add_client (f, "Virtanen", "Eero", "1975-02-03", 942);

  for (gsize i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(KhContactAttempt) a = attempt_new (&p, rows[i].minutes, rows[i].method, rows[i].outcome, NULL);
      g_autoptr(KhContactAttempt) stored = NULL;

      g_test_message ("%s", rows[i].what);
      if (rows[i].long_note)
        a->note = g_strnfill (KH_CONTACT_ATTEMPT_NOTE_MAX + 1, 'a');
      if (rows[i].nobody)
        {
          a->client_id = p.client_id + other + 1000;
          a->contact_id = 0;
          a->case_id = 0;
        }
      stored = kh_db_record_contact_attempt (fixture_db (f, p.sw), p.sw, a, &error);
      g_assert_null (stored);
      g_assert_error (error, KH_STORE_ERROR, rows[i].code);
      g_clear_error (&error);
    }

  /* Another person's attempt following up this person's notification, or
   * in this person's case: the database refuses (on SQLite the store says
   * so first). */
  {
    g_autoptr(KhContactAttempt) a = attempt_new (&p, 10, KH_ATTEMPT_PHONE, KH_ATTEMPT_NO_ANSWER, NULL);

    a->client_id = other;
    a->case_id = 0;
    g_assert_null (kh_db_record_contact_attempt (fixture_db (f, p.sw), p.sw, a, &error));
    g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
    g_clear_error (&error);
    a->contact_id = 0;
    a->case_id = p.case_id;
    g_assert_null (kh_db_record_contact_attempt (fixture_db (f, p.sw), p.sw, a, &error));
    g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
  /* Earlier than the notification it follows up. */
  {
    g_autoptr(KhContactAttempt) a = attempt_new (&p, -5, KH_ATTEMPT_PHONE, KH_ATTEMPT_NO_ANSWER, NULL);

    g_assert_null (kh_db_record_contact_attempt (fixture_db (f, p.sw), p.sw, a, &error));
    g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
  g_assert_cmpint (count (f, "SELECT count(*) FROM contact_attempts"), ==, 0);
  people_clear (&p);
}

static void
test_roles_and_log (Fixture       *f,
                    gconstpointer  data)
{
  People p = { 0 };
  g_autoptr(GError) error = NULL;
  KhUser *refused[2];
  KhUser *allowed[3];

  people_set_up (f, &p);
  allowed[0] = p.cou;
  allowed[1] = p.sw;
  allowed[2] = p.lead;
  for (guint i = 0; i < G_N_ELEMENTS (allowed); i++)
    {
      g_autoptr(KhContactAttempt) a = attempt_new (&p, 10 + (int) i, KH_ATTEMPT_HOME_VISIT,
                                                   KH_ATTEMPT_MESSAGE_LEFT, "Lappu ovessa.");
      g_autoptr(KhContactAttempt) stored = record (f, allowed[i], a);
      g_autoptr(GPtrArray) list = NULL;

      g_assert_cmpint (stored->made_by, ==, allowed[i]->id);
      list = kh_db_list_contact_attempts (fixture_db (f, allowed[i]), allowed[i], p.client_id, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (list->len, ==, i + 1);
      g_assert_cmpint (timeline_log_rows (f, &p), ==, i + 1);
    }

  /* Reception and the administrator neither record nor read them; a
   * refused read logs nothing. */
  refused[0] = p.rec;
  refused[1] = f->admin;
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      KhDb *db = fixture_db (f, refused[i]);
      g_autoptr(KhContactAttempt) a = attempt_new (&p, 20, KH_ATTEMPT_PHONE, KH_ATTEMPT_NO_ANSWER, NULL);

      g_assert_null (kh_db_list_contact_attempts (db, refused[i], p.client_id, &error));
      g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
      g_clear_error (&error);
      g_assert_null (kh_db_record_contact_attempt (db, refused[i], a, &error));
      g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
      g_clear_error (&error);
    }
  g_assert_cmpint (timeline_log_rows (f, &p), ==, 3);
  g_assert_cmpint (count (f, "SELECT count(*) FROM contact_attempts"), ==, 3);

  /* No such person: nothing read, nothing logged. */
  g_assert_null (kh_db_list_contact_attempts (fixture_db (f, p.sw), p.sw, p.client_id + 1000, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM access_log WHERE what = 12"), ==, 3);
  people_clear (&p);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  if (store_test_runs_here (path)) \
    g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/attempts/recorded-and-listed", test_recorded_and_listed);
  ADD ("/store/attempts/append-only", test_append_only);
  ADD ("/store/attempts/refused", test_refused);
  ADD ("/store/attempts/roles-and-log", test_roles_and_log);

  return g_test_run ();
}
