/* test-work-lists.c — reception's work lists: the queue's order (urgent
 * first), pages, the filters of today's list, and their access log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include "store-test-util.h"

static KhIntakeResult *
save_as (Fixture   *f,
         KhUser    *user,
         KhContact *contact,
         KhClient  *client)
{
  KhIntake intake = { contact, client, FALSE, 0, 0 };
  g_autoptr(GError) error = NULL;
  KhIntakeResult *result;

  result = kh_db_save_intake (fixture_db (f, user), user, &intake, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

/* A case opened on 2 April 2026 at `hour`:`minute` for a new person. */
static void
open_case (Fixture    *f,
           const char *last_name,
           const char *birth_iso,
           gboolean    urgent,
           guint       hour,
           guint       minute)
{
  g_autoptr(KhContact) contact = test_contact (KH_OUTCOME_CASE_OPENED);
  g_autoptr(KhClient) client = test_client (last_name, "Testi", birth_iso, 0);
  g_autoptr(KhIntakeResult) result = NULL;

  contact->received_at = g_date_time_new_local (2026, 4, 2, hour, minute, 0);
  /* SHL 36 § 1 mom: the answer to the urgency check. */
  contact->urgency = urgent ? KH_URGENCY_URGENT : KH_URGENCY_NOT_URGENT;
  result = save_as (f, f->admin, contact, client);
  g_assert_cmpint (result->case_id, >, 0);
}

static GPtrArray *
queue_page (Fixture *f,
            guint    offset,
            guint    limit,
            guint64  showing,
            guint   *total,
            guint   *urgent)
{
  KhWorkListQuery query = { offset, limit, showing, 0, 0, 0 };
  g_autoptr(GError) error = NULL;
  GPtrArray *rows;

  rows = kh_db_list_queue_query (f->db, f->admin, &query, total, urgent, &error);
  g_assert_no_error (error);
  g_assert_nonnull (rows);
  return rows;
}

static const char *
case_name (GPtrArray *cases,
           guint      i)
{
  return ((KhCase *) g_ptr_array_index (cases, i))->client_name;
}

static const char *
contact_name (GPtrArray *contacts,
              guint      i)
{
  return ((KhContact *) g_ptr_array_index (contacts, i))->client_name;
}

/* Issue 5 1.1, SHL 36 § 1 and 45 §: an urgent case for a 40-year-old (no
 * 7-day deadline, opened last) comes first in a queue of 200 cases that
 * all have a statutory deadline, and the queue counts it as urgent. */
static void
test_urgent_first (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) last = NULL;
  guint total = 0;
  guint urgent = 99;
  guint seen_urgent = 0;

  g_assert_true (kh_db_begin (f->db, &error));
  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *name = g_strdup_printf ("Vanhus%03u", i);

      open_case (f, name, "1940-01-01", FALSE, 8 + i / 60, i % 60);
    }
  /* Forty: no deadline group, and no urgent need: the last of all. */
  open_case (f, "Nelikymppinen", "1986-03-01", FALSE, 13, 0);
  g_assert_true (kh_db_commit (f->db, &error));
  g_assert_no_error (error);

  first = queue_page (f, 0, 5, 0, &total, &urgent);
  g_assert_cmpuint (total, ==, 201);
  g_assert_cmpuint (urgent, ==, 0);
  g_assert_cmpstr (case_name (first, 0), ==, "Vanhus000, Testi");
  g_assert_cmpstr (((KhCase *) g_ptr_array_index (first, 0))->assessment_deadline, ==, "2026-04-15");
  g_clear_pointer (&first, g_ptr_array_unref);

  /* Forty, urgent, opened after everyone else. */
  open_case (f, "Kiireinen", "1986-03-01", TRUE, 14, 0);

  first = queue_page (f, 0, 5, 0, &total, &urgent);
  g_assert_cmpuint (total, ==, 202);
  g_assert_cmpuint (urgent, ==, 1);
  g_assert_cmpuint (first->len, ==, 5);
  g_assert_cmpstr (case_name (first, 0), ==, "Kiireinen, Testi");
  g_assert_true (((KhCase *) g_ptr_array_index (first, 0))->urgent);
  g_assert_null (((KhCase *) g_ptr_array_index (first, 0))->assessment_deadline);
  g_assert_cmpstr (case_name (first, 1), ==, "Vanhus000, Testi");
  g_assert_cmpstr (case_name (first, 4), ==, "Vanhus003, Testi");

  /* The last page: the case without deadline or urgency, after the 200. */
  last = queue_page (f, 200, 5, 0, &total, NULL);
  g_assert_cmpuint (last->len, ==, 2);
  g_assert_cmpstr (case_name (last, 0), ==, "Vanhus199, Testi");
  g_assert_cmpstr (case_name (last, 1), ==, "Nelikymppinen, Testi");

  /* Page by page, the urgent case is in the list once, at its top. */
  for (guint offset = 0; offset < total; offset += 50)
    {
      g_autoptr(GPtrArray) page = queue_page (f, offset, 50, 0, NULL, NULL);

      for (guint i = 0; i < page->len; i++)
        if (((KhCase *) g_ptr_array_index (page, i))->urgent)
          {
            g_assert_cmpuint (offset + i, ==, 0);
            seen_urgent++;
          }
    }
  g_assert_cmpuint (seen_urgent, ==, 1);
}

/* Urgent cases among themselves: the longest waiting first, whatever
 * their deadline groups. */
static void
test_urgent_order (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) page = NULL;
  guint urgent = 0;

  open_case (f, "Vanhus", "1940-01-01", FALSE, 8, 0);
  open_case (f, "Toinen", "1986-03-01", TRUE, 10, 0);
  open_case (f, "Kolmas", "1940-03-01", TRUE, 11, 0);
  open_case (f, "Ensimmainen", "1990-05-05", TRUE, 9, 0);

  page = queue_page (f, 0, 0, 0, NULL, &urgent);
  g_assert_cmpuint (urgent, ==, 3);
  g_assert_cmpuint (page->len, ==, 4);
  g_assert_cmpstr (case_name (page, 0), ==, "Ensimmainen, Testi");
  g_assert_cmpstr (case_name (page, 1), ==, "Toinen, Testi");
  g_assert_cmpstr (case_name (page, 2), ==, "Kolmas, Testi");
  g_assert_cmpstr (case_name (page, 3), ==, "Vanhus, Testi");
}

/* Pages follow on from each other, and each logs only its own people. */
static void
test_pages (Fixture       *f,
            gconstpointer  data)
{
  const char *expected[] = {
    "Jonottaja6, Testi", "Jonottaja5, Testi", "Jonottaja4, Testi",
    "Jonottaja3, Testi", "Jonottaja2, Testi", "Jonottaja1, Testi",
    "Jonottaja0, Testi",
  };
  guint n = 0;

  for (guint i = 0; i < 7; i++)
    {
      g_autofree char *name = g_strdup_printf ("Jonottaja%u", i);

      open_case (f, name, "1980-01-01", FALSE, 9, i);
    }

  for (guint offset = 0; offset < 9; offset += 3)
    {
      KhWorkListQuery query = { offset, 3, 0, 0, 0, 0 };
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) page = NULL;
      guint total = 0;

      page = kh_db_list_contacts_query (f->db, f->admin, "2026-04-02", &query, &total, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (total, ==, 7);
      g_assert_cmpuint (page->len, ==, offset < 6 ? 3 : 1);
      for (guint i = 0; i < page->len; i++)
        g_assert_cmpstr (contact_name (page, i), ==, expected[n++]);
      g_assert_cmpint (count (f, "SELECT count(*) FROM access_log WHERE what = 8"), ==, n);
    }
  g_assert_cmpuint (n, ==, 7);
  /* Past the end: nothing, and nothing logged. */
  {
    KhWorkListQuery query = { 7, 3, 0, 0, 0, 0 };
    g_autoptr(GPtrArray) page = kh_db_list_contacts_query (f->db, f->admin, "2026-04-02",
                                                           &query, NULL, NULL);

    g_assert_cmpuint (page->len, ==, 0);
    g_assert_cmpint (count (f, "SELECT count(*) FROM access_log WHERE what = 8"), ==, 7);
  }
}

/* Issue 5 2.6: a person shown in both lists, or in two pages, of one
 * showing is logged once; a new showing logs again. */
static void
test_log_once_per_showing (Fixture       *f,
                           gconstpointer  data)
{
  guint64 showing = kh_work_list_new_showing ();
  guint64 next = kh_work_list_new_showing ();
  g_autoptr(GPtrArray) today = NULL;
  g_autoptr(GPtrArray) queue = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (showing, !=, 0);
  g_assert_cmpuint (next, !=, showing);

  /* Five people, each with a contact today that opened a case. */
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *name = g_strdup_printf ("Molemmissa%u", i);

      open_case (f, name, "1980-01-01", FALSE, 9, i);
    }

  {
    KhWorkListQuery query = { 0, 3, showing, 0, 0, 0 };

    today = kh_db_list_contacts_query (f->db, f->admin, "2026-04-02", &query, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (today->len, ==, 3);
  }
  g_assert_cmpint (count (f, "SELECT count(*) FROM access_log WHERE what = 8"), ==, 3);

  /* The queue of the same showing has all five: two more rows, not five. */
  queue = queue_page (f, 0, 10, showing, NULL, NULL);
  g_assert_cmpuint (queue->len, ==, 5);
  g_assert_cmpint (count (f, "SELECT count(*) FROM access_log WHERE what = 8"), ==, 5);
  g_assert_cmpint (count (f, "SELECT count(DISTINCT client_id) FROM access_log WHERE what = 8"), ==, 5);

  /* The rest of today's list, in the same showing: nothing new. */
  {
    KhWorkListQuery query = { 3, 3, showing, 0, 0, 0 };

    again = kh_db_list_contacts_query (f->db, f->admin, "2026-04-02", &query, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (again->len, ==, 2);
  }
  g_assert_cmpint (count (f, "SELECT count(*) FROM access_log WHERE what = 8"), ==, 5);
  g_clear_pointer (&again, g_ptr_array_unref);

  /* A new showing is a new read of everyone in it. */
  again = queue_page (f, 0, 10, next, NULL, NULL);
  g_assert_cmpint (count (f, "SELECT count(*) FROM access_log WHERE what = 8"), ==, 10);
  g_clear_pointer (&again, g_ptr_array_unref);

  /* Without a showing, every call is one. */
  again = queue_page (f, 0, 2, 0, NULL, NULL);
  g_clear_pointer (&again, g_ptr_array_unref);
  again = queue_page (f, 0, 2, 0, NULL, NULL);
  g_assert_cmpint (count (f, "SELECT count(*) FROM access_log WHERE what = 8"), ==, 14);
}

/* Issue 5 2.9: today's list by channel, outcome and the worker who
 * recorded the contact, in the store's query; totals and the log follow
 * the filter. */
static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhUser) receptionist = NULL;
  struct {
    const char *name;
    KhChannel   channel;
    KhOutcome   outcome;
    gboolean    by_receptionist;
  } rows[] = {
    { "Kavija", KH_CHANNEL_WALK_IN, KH_OUTCOME_ADVICE, FALSE },
    { "Soittaja", KH_CHANNEL_PHONE, KH_OUTCOME_ADVICE, FALSE },
    { "Avattu", KH_CHANNEL_PHONE, KH_OUTCOME_CASE_OPENED, TRUE },
    { "Toinenkavija", KH_CHANNEL_WALK_IN, KH_OUTCOME_ADVICE, TRUE },
  };
  struct {
    KhChannel   channel;
    KhOutcome   outcome;
    gboolean    by_receptionist;
    guint       total;
    const char *names;   /* newest first */
  } cases[] = {
    { 0, 0, FALSE, 4, "Toinenkavija Avattu Soittaja Kavija" },
    { KH_CHANNEL_PHONE, 0, FALSE, 2, "Avattu Soittaja" },
    { 0, KH_OUTCOME_CASE_OPENED, FALSE, 1, "Avattu" },
    { 0, 0, TRUE, 2, "Toinenkavija Avattu" },
    { KH_CHANNEL_WALK_IN, KH_OUTCOME_ADVICE, TRUE, 1, "Toinenkavija" },
    { KH_CHANNEL_CHAT, 0, FALSE, 0, "" },
  };

  receptionist = fixture_save_user (f, "vastaanotto", "Vilma Vastaanottaja",
                                  KH_ROLE_RECEPTION, TRUE, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(KhContact) contact = test_contact (rows[i].outcome);
      g_autoptr(KhClient) client = test_client (rows[i].name, "Testi", "1980-01-01", 0);
      g_autoptr(KhIntakeResult) result = NULL;

      contact->channel = rows[i].channel;
      contact->received_at = g_date_time_new_local (2026, 4, 2, 10, i, 0);
      result = save_as (f, rows[i].by_receptionist ? receptionist : f->admin, contact, client);
    }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      KhWorkListQuery query = {
        0, 0, 0, cases[i].channel, cases[i].outcome,
        cases[i].by_receptionist ? receptionist->id : 0,
      };
      g_autoptr(GPtrArray) page = NULL;
      g_autoptr(GString) names = g_string_new (NULL);
      gint64 log_before = count (f, "SELECT count(*) FROM access_log WHERE what = 8");
      guint total = 99;

      page = kh_db_list_contacts_query (f->db, f->admin, "2026-04-02", &query, &total, &error);
      g_assert_no_error (error);
      for (guint j = 0; j < page->len; j++)
        {
          g_autofree char *last = g_strdup (contact_name (page, j));

          *strchr (last, ',') = '\0';
          g_string_append_printf (names, "%s%s", j > 0 ? " " : "", last);
        }
      g_test_message ("filter %u: %s", i, names->str);
      g_assert_cmpstr (names->str, ==, cases[i].names);
      g_assert_cmpuint (total, ==, cases[i].total);
      g_assert_cmpint (count (f, "SELECT count(*) FROM access_log WHERE what = 8") - log_before,
                       ==, cases[i].total);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  if (store_test_runs_here (path)) \
    g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/work-lists/urgent-first", test_urgent_first);
  ADD ("/store/work-lists/urgent-order", test_urgent_order);
  ADD ("/store/work-lists/pages", test_pages);
  ADD ("/store/work-lists/log-once-per-showing", test_log_once_per_showing);
  ADD ("/store/work-lists/filters", test_filters);

#undef ADD

  return g_test_run ();
}
