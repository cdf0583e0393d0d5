/* test-intake.c — users, the intake with its deadline, undo, services and
 * the unit's calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include "store-test-util.h"

/* Thursday 2 April 2026, before Easter: Good Friday 3.4 and Easter Monday
 * 6.4 are holidays, so the 7th working day after it is Wednesday 15.4. */
static GDateTime *
easter_thursday (void)
{
  return g_date_time_new_local (2026, 4, 2, 10, 15, 0);
}

static KhIntakeResult *
save (Fixture   *f,
      KhUser    *user,
      KhContact *contact,
      KhClient  *client,
      gboolean   update_client,
      guint      groups,
      gint64     assign_to)
{
  KhIntake intake = { contact, client, update_client, groups, assign_to };
  g_autoptr(GError) error = NULL;
  KhIntakeResult *result;

  result = kh_db_save_intake (fixture_db (f, user), user, &intake, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

/* ---- users ---- */

static void
test_login (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhUser) user = NULL;
  g_autoptr(KhUser) again = NULL;
  g_autoptr(GPtrArray) users = NULL;

  /* The fixture's first login made "tester" the administrator. */
  g_assert_cmpstr (f->admin->account, ==, "tester");
  g_assert_cmpstr (f->admin->display_name, ==, "Testi Testaaja");

  /* Anyone else is unknown until an administrator adds them. On a server,
   * the login role exists (kohtaamo-admin users add makes it) but is no
   * Kohtaamo user yet. */
  if (f->pg_dbname != NULL)
    {
      g_autofree char *conninfo = pg_test_conninfo (f->pg_dbname, "outsider");

      pg_test_create_login ("outsider");
      g_assert_null (kh_db_open (conninfo, &error));
    }
  else
    g_assert_null (kh_db_login (f->db, "outsider", "Ulla Ulkopuolinen", &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
  g_assert_nonnull (strstr (error->message, "kohtaamo-admin users add outsider"));
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  user = fixture_save_user (f, "outsider", f->pg_dbname != NULL ? "Ulla Ulkopuolinen" : NULL,
                            KH_ROLE_RECEPTION, TRUE, &error);
  g_assert_no_error (error);
  again = kh_db_login (fixture_db_account (f, "outsider"), "outsider", "Ulla Ulkopuolinen", &error);
  g_assert_no_error (error);
  g_assert_cmpint (again->id, ==, user->id);
  g_assert_cmpint (again->role, ==, KH_ROLE_RECEPTION);
  /* The operating system's name is taken up (on a server, where users
   * are written by an administrator only, kohtaamo.save_user, the name
   * the administrator gave). */
  g_assert_cmpstr (again->display_name, ==, "Ulla Ulkopuolinen");
  g_clear_object (&again);
  /* Once the user has a name (given by the administrator or taken up),
   * another name from the operating system does not replace it. */
  again = kh_db_login (fixture_db_account (f, "outsider"), "outsider", "Ulla U.", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again->display_name, ==, "Ulla Ulkopuolinen");
  g_clear_object (&again);

  /* An account that was closed cannot log in. */
  g_clear_object (&user);
  user = fixture_save_user (f, "outsider", NULL, KH_ROLE_RECEPTION, FALSE, &error);
  g_assert_no_error (error);
  g_assert_false (user->active);
  g_assert_null (kh_db_login (fixture_db_account (f, "outsider"), "outsider", NULL, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
  g_clear_error (&error);

  users = kh_db_list_users (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (users->len, ==, 2);
  /* By name in Finnish order: Testi before Ulla. */
  g_assert_cmpstr (((KhUser *) g_ptr_array_index (users, 0))->account, ==, "tester");
}

static void
test_last_admin (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhUser) user = NULL;

  g_assert_null (fixture_save_user (f, "tester", NULL, KH_ROLE_LEAD, TRUE, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (fixture_save_user (f, "tester", NULL, KH_ROLE_ADMIN, FALSE, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (fixture_save_user (f, "two words", NULL, KH_ROLE_ADMIN, TRUE, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_clear_error (&error);

  user = fixture_save_user (f, "toinen", "Toinen Ylläpitäjä", KH_ROLE_ADMIN, TRUE, &error);
  g_assert_no_error (error);
  g_clear_object (&user);
  user = fixture_save_user (f, "tester", NULL, KH_ROLE_LEAD, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (user->role, ==, KH_ROLE_LEAD);
  g_assert_cmpstr (user->display_name, ==, "Testi Testaaja");
}

/* ---- the intake ---- */

static void
test_case_deadline (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) queue = NULL;
  KhCase *first;

  {
    /* Over 75 by the birth date alone. */
    g_autoptr(KhContact) contact = test_contact (KH_OUTCOME_CASE_OPENED);
    g_autoptr(KhClient) client = test_client ("Vanhanen", "Veikko", "1940-03-01", 970);
    g_autoptr(KhIntakeResult) result = NULL;

    contact->received_at = easter_thursday ();
    result = save (f, f->admin, contact, client, FALSE, 0, 0);
    g_assert_cmpint (result->case_id, >, 0);
    g_assert_true (result->created_client);
    g_assert_cmpstr (result->assessment_deadline, ==, "2026-04-15");
    g_assert_cmpint (count (f, "SELECT deadline_groups FROM cases"), ==, KH_DEADLINE_GROUP_OVER_75);
    /* SHL 45 §: Thu 2.4.2026 + 3 months = Thu 2.7.2026. */
    g_assert_cmpint (count (f, "SELECT count(*) FROM cases WHERE implementation_deadline = '2026-07-02'"),
                     ==, 1);
  }
  {
    /* Forty, but disabled (675/2023). */
    g_autoptr(KhContact) contact = test_contact (KH_OUTCOME_CASE_OPENED);
    g_autoptr(KhClient) client = test_client ("Nuorinen", "Nelli", "1986-03-01", 0);
    g_autoptr(KhIntakeResult) result = NULL;

    contact->received_at = easter_thursday ();
    result = save (f, f->admin, contact, client, FALSE, KH_DEADLINE_GROUP_DISABLED, 0);
    g_assert_cmpstr (result->assessment_deadline, ==, "2026-04-15");
  }
  {
    /* Forty and in none of the groups: the law sets no start deadline. */
    g_autoptr(KhContact) contact = test_contact (KH_OUTCOME_CASE_OPENED);
    g_autoptr(KhClient) client = test_client ("Keskinen", "Kaisa", "1986-04-01", 0);
    g_autoptr(KhIntakeResult) result = NULL;

    contact->received_at = easter_thursday ();
    result = save (f, f->admin, contact, client, FALSE, 0, f->admin->id);
    g_assert_cmpint (result->case_id, >, 0);
    g_assert_null (result->assessment_deadline);
  }
  {
    /* Advice opens no case. */
    g_autoptr(KhContact) contact = test_contact (KH_OUTCOME_ADVICE);
    g_autoptr(KhClient) client = test_client ("Neuvottu", "Niko", "1986-05-01", 0);
    g_autoptr(KhIntakeResult) result = NULL;

    result = save (f, f->admin, contact, client, FALSE, KH_DEADLINE_GROUP_DISABLED, 0);
    g_assert_cmpint (result->case_id, ==, 0);
    g_assert_null (result->assessment_deadline);
  }

  /* The queue: only the unassigned cases, nearest deadline first. */
  queue = kh_db_list_queue (f->db, f->admin, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (queue->len, ==, 2);
  first = g_ptr_array_index (queue, 0);
  g_assert_cmpstr (first->assessment_deadline, ==, "2026-04-15");
  g_assert_cmpstr (first->implementation_deadline, ==, "2026-07-02");
  g_assert_cmpstr (((KhCase *) g_ptr_array_index (queue, 1))->implementation_deadline, ==,
                   "2026-07-02");
  g_assert_cmpint (first->status, ==, KH_CASE_QUEUED);
  g_assert_cmpint (first->assigned_to, ==, 0);
  g_assert_nonnull (first->client_name);
  g_assert_cmpint (first->needs, ==, KH_NEED_FINANCIAL);
  g_assert_cmpint (count (f, "SELECT count(*) FROM cases WHERE status = 2"), ==, 1);

  /* Showing the queue is a read of each person in it, logged once per showing. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM access_log WHERE what = 8"), ==, 2);
  g_clear_pointer (&queue, g_ptr_array_unref);
  queue = kh_db_list_queue (f->db, f->admin, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(DISTINCT client_id) FROM access_log WHERE what = 8"), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM access_log WHERE what = 8"), ==, 4);
}

/* SHL 36 § 2 mom: the 7-day deadline only when the person (or a relative)
 * sought services; every case has the 45 § implementation deadline. */
static void
test_who_contacted (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  {
    /* The police notify without consent about an 80-year-old: no 7-day
     * deadline (start without delay), but the 3-month one. */
    g_autoptr(KhContact) contact = test_contact (KH_OUTCOME_CASE_OPENED);
    g_autoptr(KhClient) client = test_client ("Poliisinen", "Paavo", "1946-01-10", 971);
    g_autoptr(KhIntakeResult) result = NULL;
    g_autoptr(GPtrArray) cases = NULL;

    contact->channel = KH_CHANNEL_AUTHORITY;
    contact->contactor = KH_CONTACTOR_AUTHORITY;
    contact->contactor_detail = g_strdup ("Poliisi");
    contact->referral = KH_REFERRAL_WITHOUT_CONSENT;
    contact->received_at = easter_thursday ();
    result = save (f, f->admin, contact, client, FALSE, KH_DEADLINE_GROUP_DISABLED, 0);
    g_assert_cmpint (result->case_id, >, 0);
    g_assert_null (result->assessment_deadline);
    g_assert_cmpint (count (f, "SELECT count(*) FROM cases WHERE assessment_deadline IS NULL "
                               "AND implementation_deadline = '2026-07-02'"), ==, 1);

    cases = kh_db_list_queue (f->db, f->admin, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (cases->len, ==, 1);
    g_assert_null (((KhCase *) g_ptr_array_index (cases, 0))->assessment_deadline);
    g_assert_cmpstr (((KhCase *) g_ptr_array_index (cases, 0))->implementation_deadline, ==,
                     "2026-07-02");
  }
  {
    /* The same person's daughter calls to get help for him: both. */
    g_autoptr(KhContact) contact = test_contact (KH_OUTCOME_CASE_OPENED);
    g_autoptr(KhClient) client = test_client ("Omainen", "Olavi", "1946-01-10", 972);
    g_autoptr(KhIntakeResult) result = NULL;

    contact->channel = KH_CHANNEL_PHONE;
    contact->contactor = KH_CONTACTOR_RELATIVE;
    contact->contactor_name = g_strdup ("Oili Omainen");
    contact->contactor_relation = g_strdup ("tytär");
    contact->received_at = g_date_time_new_local (2026, 11, 30, 9, 0, 0);
    result = save (f, f->admin, contact, client, FALSE, 0, 0);
    /* Mon 30.11.2026: Tue 1.12 (1) … Fri 4 (4), Independence Day on a
     * Sunday, Mon 7 (5), Tue 8 (6), Wed 9 (7). */
    g_assert_cmpstr (result->assessment_deadline, ==, "2026-12-09");
    /* 30.11.2026 + 3 months = Sun 28.2.2027 → Mon 1.3.2027. */
    g_assert_cmpint (count (f, "SELECT count(*) FROM cases WHERE assessment_deadline = '2026-12-09' "
                               "AND implementation_deadline = '2027-03-01'"), ==, 1);
  }
  {
    /* The person themselves, over 75, on Thu 19.3.2026: 7th working day
     * Mon 30.3 (Fri 20 (1), Mon 23 (2) … Fri 27 (6), Mon 30 (7)), and
     * 19.6.2026 is Midsummer Eve → Mon 22.6.2026. */
    g_autoptr(KhContact) contact = test_contact (KH_OUTCOME_CASE_OPENED);
    g_autoptr(KhClient) client = test_client ("Itse", "Iida", "1946-01-10", 973);
    g_autoptr(KhIntakeResult) result = NULL;

    contact->received_at = g_date_time_new_local (2026, 3, 19, 14, 0, 0);
    result = save (f, f->admin, contact, client, FALSE, 0, 0);
    g_assert_cmpstr (result->assessment_deadline, ==, "2026-03-30");
    g_assert_cmpint (count (f, "SELECT count(*) FROM cases WHERE assessment_deadline = '2026-03-30' "
                               "AND implementation_deadline = '2026-06-22'"), ==, 1);
  }
  {
    /* Someone else (a neighbour) about an 80-year-old: no 7-day deadline. */
    g_autoptr(KhContact) contact = test_contact (KH_OUTCOME_CASE_OPENED);
    g_autoptr(KhClient) client = test_client ("Naapuri", "Niilo", "1946-01-10", 974);
    g_autoptr(KhIntakeResult) result = NULL;

    contact->contactor = KH_CONTACTOR_OTHER;
    contact->contactor_detail = g_strdup ("naapuri");
    contact->received_at = g_date_time_new_local (2026, 1, 31, 12, 0, 0);
    result = save (f, f->admin, contact, client, FALSE, 0, 0);
    g_assert_null (result->assessment_deadline);
    g_assert_cmpint (count (f, "SELECT count(*) FROM cases WHERE assessment_deadline IS NULL "
                               "AND implementation_deadline = '2026-04-30'"), ==, 1);
  }
  /* Every case has its 45 § deadline. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM cases WHERE implementation_deadline IS NULL"),
                   ==, 0);
}

/* The unit's closed days do not move the 7th working day (issue 5 item
 * 1.2; this test used to say that they did); the Saturday setting does
 * change the count. */
static void
test_closed_day_keeps_deadline (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhUser) reception = NULL;
  g_autoptr(KhCalendar) calendar = NULL;
  g_autoptr(KhContact) contact = test_contact (KH_OUTCOME_CASE_OPENED);
  g_autoptr(KhClient) client = test_client ("Vanhanen", "Veikko", "1940-03-01", 970);
  g_autoptr(KhIntakeResult) result = NULL;
  g_autofree char *saturday = NULL;
  const char *name = NULL;
  GDate day;

  reception = fixture_save_user (f, "vastaanotto", NULL, KH_ROLE_RECEPTION, TRUE, &error);
  g_assert_no_error (error);
  g_assert_false (kh_db_add_closed_day (fixture_db (f, reception), reception, "8.4.2026", "Virkistyspäivä", &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_false (kh_db_add_closed_day (f->db, f->admin, "31.4.2026", "Ei päivä", &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Load the calendar once first, to prove the cache is dropped. */
  g_clear_pointer (&calendar, kh_calendar_unref);
  calendar = kh_db_load_calendar (f->db, &error);
  g_assert_no_error (error);
  g_assert_true (kh_db_add_closed_day (f->db, f->admin, "8.4.2026", "Virkistyspäivä", &error));
  g_assert_no_error (error);

  g_clear_pointer (&calendar, kh_calendar_unref);
  calendar = kh_db_load_calendar (f->db, &error);
  g_assert_no_error (error);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 8, 4, 2026);
  g_assert_true (kh_calendar_is_closed_day (calendar, &day, &name));
  g_assert_cmpstr (name, ==, "Virkistyspäivä");
  g_assert_false (kh_calendar_is_holiday (calendar, &day, NULL));

  /* Thu 2.4.2026 → Wed 15.4.2026 with or without the closed Wed 8.4. */
  contact->received_at = easter_thursday ();
  result = save (f, reception, contact, client, FALSE, 0, 0);
  g_assert_cmpstr (result->assessment_deadline, ==, "2026-04-15");

  saturday = kh_db_get_setting (f->db, "saturday_is_working_day", &error);
  g_assert_cmpstr (saturday, ==, "0");
  g_assert_false (kh_db_set_setting (fixture_db (f, reception), reception, "saturday_is_working_day", "1", &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_true (kh_db_set_setting (f->db, f->admin, "saturday_is_working_day", "1", &error));
  g_assert_no_error (error);

  /* With Saturdays: Sat 4 (1), Tue 7 (2), Wed 8 (3), Thu 9 (4), Fri 10 (5),
   * Sat 11 (6), Mon 13 (7). */
  {
    g_autoptr(KhContact) second = test_contact (KH_OUTCOME_CASE_OPENED);
    g_autoptr(KhClient) other = test_client ("Lauantainen", "Lauri", "1940-03-01", 975);
    g_autoptr(KhIntakeResult) saved = NULL;

    second->received_at = easter_thursday ();
    saved = save (f, reception, second, other, FALSE, 0, 0);
    g_assert_cmpstr (saved->assessment_deadline, ==, "2026-04-13");
  }
  /* Fri 6.3.2026 with Saturdays: the 7th is Sat 14.3, which moves to
   * Mon 16.3 (150/1930 5 §), as the setting's description says. */
  {
    g_autoptr(KhContact) third = test_contact (KH_OUTCOME_CASE_OPENED);
    g_autoptr(KhClient) other = test_client ("Perjantainen", "Pirjo", "1940-03-01", 976);
    g_autoptr(KhIntakeResult) saved = NULL;

    third->received_at = g_date_time_new_local (2026, 3, 6, 10, 0, 0);
    saved = save (f, reception, third, other, FALSE, 0, 0);
    g_assert_cmpstr (saved->assessment_deadline, ==, "2026-03-16");
  }
}

static void
test_existing_person_and_lists (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) today = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GPtrArray) services = NULL;
  g_autoptr(KhIntakeResult) directed = NULL;
  g_autoptr(KhIntakeResult) opened = NULL;
  KhContact *newest;
  KhService *kela = NULL;
  gint64 id;

  id = add_client (f, "Olemassa", "Olli", "1970-01-01", 0);
  services = kh_db_list_services (f->db, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (services->len, ==, 31);
  for (guint i = 0; i < services->len; i++)
    if (g_str_equal (((KhService *) g_ptr_array_index (services, i))->name_fi, "Kela"))
      kela = g_ptr_array_index (services, i);
  g_assert_nonnull (kela);

  {
    g_autoptr(KhContact) contact = test_contact (KH_OUTCOME_DIRECTED);
    g_autoptr(KhClient) client = kh_client_new ();

    client->id = id;
    contact->service_id = kela->id;
    contact->channel = KH_CHANNEL_PHONE;
    contact->received_at = g_date_time_new_local (2026, 4, 2, 9, 0, 0);
    directed = save (f, f->admin, contact, client, FALSE, 0, 0);
    g_assert_false (directed->created_client);
    g_assert_cmpint (directed->client_id, ==, id);
  }
  {
    g_autoptr(KhContact) contact = test_contact (KH_OUTCOME_CASE_OPENED);
    g_autoptr(KhClient) client = kh_client_new ();

    client->id = id;
    contact->contactor = KH_CONTACTOR_AUTHORITY;
    contact->channel = KH_CHANNEL_AUTHORITY;
    contact->contactor_detail = g_strdup ("Terveysasema, lääkäri");
    contact->referral = KH_REFERRAL_WITH_CONSENT;
    contact->received_at = g_date_time_new_local (2026, 4, 2, 14, 30, 0);
    opened = save (f, f->admin, contact, client, FALSE, 0, 0);
  }
  {
    /* The day before, naming the person by id only. */
    g_autoptr(KhContact) contact = test_contact (KH_OUTCOME_ADVICE);
    g_autoptr(KhIntakeResult) result = NULL;

    contact->client_id = id;
    contact->received_at = g_date_time_new_local (2026, 4, 1, 12, 0, 0);
    result = save (f, f->admin, contact, NULL, FALSE, 0, 0);
    g_assert_cmpint (result->client_id, ==, id);
  }
  {
    /* Another day. */
    g_autoptr(KhContact) contact = test_contact (KH_OUTCOME_ADVICE);
    g_autoptr(KhIntakeResult) result = NULL;

    contact->anonymous = TRUE;
    contact->received_at = g_date_time_new_local (2026, 4, 3, 0, 0, 0);
    result = save (f, f->admin, contact, NULL, FALSE, 0, 0);
  }

  today = kh_db_list_contacts_on (f->db, f->admin, "2026-04-02", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (today->len, ==, 2);
  newest = g_ptr_array_index (today, 0);
  g_assert_cmpint (newest->id, ==, opened->contact_id);
  g_assert_cmpint (newest->case_id, ==, opened->case_id);
  g_assert_cmpstr (newest->client_name, ==, "Olemassa, Olli");
  g_assert_cmpstr (newest->contactor_detail, ==, "Terveysasema, lääkäri");
  g_assert_cmpint (newest->referral, ==, KH_REFERRAL_WITH_CONSENT);
  g_assert_cmpstr (newest->created_by_name, ==, "Testi Testaaja");
  newest = g_ptr_array_index (today, 1);
  g_assert_cmpint (newest->service_id, ==, kela->id);
  g_assert_nonnull (newest->service_name);
  g_assert_true (g_str_equal (newest->service_name, "Kela") || g_str_equal (newest->service_name, "FPA"));

  g_clear_pointer (&today, g_ptr_array_unref);
  today = kh_db_list_contacts_on (f->db, f->admin, "3.4.2026", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (today->len, ==, 1);
  g_assert_true (((KhContact *) g_ptr_array_index (today, 0))->anonymous);
  g_assert_null (((KhContact *) g_ptr_array_index (today, 0))->client_name);

  contacts = kh_db_list_client_contacts (f->db, f->admin, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (contacts->len, ==, 3);
  /* Newest first. */
  g_assert_cmpint (((KhContact *) g_ptr_array_index (contacts, 0))->id, ==, opened->contact_id);
  g_assert_cmpint (((KhContact *) g_ptr_array_index (contacts, 2))->outcome, ==, KH_OUTCOME_ADVICE);
}

/* `n` people with a case each, contacted on 2 April at 9.00, 9.01, …; the
 * first three are over 75 and so have a deadline. */
static void
add_queued_cases (Fixture *f,
                  guint    n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KhContact) contact = test_contact (KH_OUTCOME_CASE_OPENED);
      g_autofree char *name = g_strdup_printf ("Jonottaja%02u", i);
      g_autoptr(KhClient) client = test_client (name, "Jaana", i < 3 ? "1940-01-01" : "1980-01-01",
                                                0);
      g_autoptr(KhIntakeResult) result = NULL;

      contact->received_at = g_date_time_new_local (2026, 4, 2, 9 + i / 60, i % 60, 0);
      result = save (f, f->admin, contact, client, FALSE, 0, 0);
    }
}

static void
test_work_lists_bounded (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) queue = NULL;
  g_autoptr(GPtrArray) today = NULL;
  guint total = 0;

  add_queued_cases (f, 7);

  /* The five nearest of seven; only those five people are logged. */
  queue = kh_db_list_queue_page (f->db, f->admin, 5, &total, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (queue->len, ==, 5);
  g_assert_cmpuint (total, ==, 7);
  for (guint i = 0; i < 3; i++)
    g_assert_nonnull (((KhCase *) g_ptr_array_index (queue, i))->assessment_deadline);
  g_assert_null (((KhCase *) g_ptr_array_index (queue, 3))->assessment_deadline);
  g_assert_cmpint (count (f, "SELECT count(*) FROM access_log WHERE what = 8"), ==, 5);
  g_assert_cmpint (count (f, "SELECT count(*) FROM access_log WHERE what = 8 AND client_id IN "
                             "(SELECT client_id FROM cases ORDER BY opened_at DESC LIMIT 2)"), ==, 0);

  /* The day's three newest of seven, newest first. */
  today = kh_db_list_contacts_on_page (f->db, f->admin, "2026-04-02", 3, &total, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (today->len, ==, 3);
  g_assert_cmpuint (total, ==, 7);
  g_assert_cmpstr (((KhContact *) g_ptr_array_index (today, 0))->client_name, ==, "Jonottaja06, Jaana");
  g_assert_cmpstr (((KhContact *) g_ptr_array_index (today, 2))->client_name, ==, "Jonottaja04, Jaana");
  g_assert_cmpint (count (f, "SELECT count(*) FROM access_log WHERE what = 8"), ==, 8);

  /* A day without contacts: nothing, and a total of nought. */
  g_clear_pointer (&today, g_ptr_array_unref);
  total = 99;
  today = kh_db_list_contacts_on_page (f->db, f->admin, "2026-04-03", 3, &total, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (today->len, ==, 0);
  g_assert_cmpuint (total, ==, 0);
}

static void
test_work_list_default_limits (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) queue = NULL;
  g_autoptr(GPtrArray) today = NULL;
  guint total = 0;

  g_assert_true (kh_db_begin (f->db, &error));
  add_queued_cases (f, KH_DB_CONTACTS_ON_LIMIT + 5);
  g_assert_true (kh_db_commit (f->db, &error));
  g_assert_no_error (error);

  /* The un-paged calls and a limit of 0 keep to the defaults. */
  queue = kh_db_list_queue (f->db, f->admin, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (queue->len, ==, KH_DB_QUEUE_LIMIT);
  g_clear_pointer (&queue, g_ptr_array_unref);
  queue = kh_db_list_queue_page (f->db, f->admin, 0, &total, &error);
  g_assert_cmpuint (queue->len, ==, KH_DB_QUEUE_LIMIT);
  g_assert_cmpuint (total, ==, KH_DB_CONTACTS_ON_LIMIT + 5);

  today = kh_db_list_contacts_on (f->db, f->admin, "2026-04-02", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (today->len, ==, KH_DB_CONTACTS_ON_LIMIT);
  g_assert_cmpint (count (f, "SELECT count(*) FROM access_log WHERE what = 8"), ==,
                   2 * KH_DB_QUEUE_LIMIT + KH_DB_CONTACTS_ON_LIMIT);
}

static void
test_undo (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhIntakeResult) created = NULL;
  g_autoptr(KhIntakeResult) updated = NULL;
  g_autoptr(KhUser) colleague = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(KhClient) back = NULL;
  gint64 log_before;
  gint64 id;

  {
    g_autoptr(KhContact) contact = test_contact (KH_OUTCOME_CASE_OPENED);
    g_autoptr(KhClient) client = test_client ("Peruttava", "Pirjo", "1940-01-01", 980);

    created = save (f, f->admin, contact, client, FALSE, 0, 0);
  }
  results = kh_db_search_clients (f->db, f->admin, "peruttava", 10, &error);
  g_assert_cmpuint (results->len, ==, 1);
  log_before = count (f, "SELECT count(*) FROM access_log");

  /* Only who saved it (or a lead) may undo it. */
  colleague = fixture_save_user (f, "kollega", NULL, KH_ROLE_RECEPTION, TRUE, &error);
  g_assert_false (kh_db_undo_intake (fixture_db (f, colleague), colleague, created, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
  g_clear_error (&error);

  g_assert_true (kh_db_undo_intake (f->db, f->admin, created, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM clients"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM contacts"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM cases"), ==, 0);
  /* No read. On a server, the write to the person is logged first, as
   * every write to a person there (kh-db.c, _kh_db_log_before_write). */
  g_assert_cmpint (count (f, "SELECT count(*) FROM access_log"), ==,
                   log_before + (f->pg_dbname != NULL ? 1 : 0));
  g_assert_cmpint (name_index_count (f, "peruttava"), ==, 0);

  /* Undone once: the store no longer offers it. */
  g_assert_false (kh_db_undo_intake (f->db, f->admin, created, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
  g_clear_error (&error);

  /* An intake that updated a person puts the person back as they were. */
  id = add_client (f, "Ennallaan", "Eila", "1950-05-05", 0);
  {
    g_autoptr(KhContact) contact = test_contact (KH_OUTCOME_ADVICE);
    g_autoptr(KhClient) client = kh_db_get_client (f->db, f->admin, id, KH_ACCESS_EDIT,
                                                   KH_BASIS_INTAKE, &error);

    g_free (client->last_name);
    client->last_name = g_strdup ("Muutettu");
    client->phone = g_strdup ("040 555 1234");
    updated = save (f, f->admin, contact, client, TRUE, 0, 0);
    g_assert_false (updated->created_client);
  }
  g_assert_cmpint (count (f, "SELECT count(*) FROM clients WHERE last_name = 'Muutettu'"), ==, 1);

  /* Undo works from a copy, as KhStore hands it over. */
  {
    g_autoptr(KhIntakeResult) copy = kh_intake_result_copy (updated);

    g_assert_true (kh_db_undo_intake (f->db, f->admin, copy, &error));
    g_assert_no_error (error);
  }
  back = kh_db_get_client (f->db, f->admin, id, KH_ACCESS_PAGE, KH_BASIS_INTAKE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->last_name, ==, "Ennallaan");
  g_assert_null (back->phone);
  g_assert_cmpint (count (f, "SELECT count(*) FROM clients"), ==, 1);
  g_assert_cmpint (name_index_count (f, "ennallaan"), ==, 1);
}

static void
test_services (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhUser) reception = NULL;
  g_autoptr(KhService) service = kh_service_new ();
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) active = NULL;
  gint64 id;

  reception = fixture_save_user (f, "vastaanotto", NULL, KH_ROLE_RECEPTION, TRUE, &error);
  service->name_fi = g_strdup ("Nuorten talo");
  service->name_sv = g_strdup ("Ungdomshuset");
  service->active = TRUE;

  g_assert_cmpint (kh_db_save_service (fixture_db (f, reception), reception, service, &error), ==, 0);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
  g_clear_error (&error);

  id = kh_db_save_service (f->db, f->admin, service, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  service->id = id;
  service->active = FALSE;
  g_assert_cmpint (kh_db_save_service (f->db, f->admin, service, &error), ==, id);

  all = kh_db_list_services (f->db, TRUE, &error);
  active = kh_db_list_services (f->db, FALSE, &error);
  g_assert_cmpuint (all->len, ==, 33);
  g_assert_cmpuint (active->len, ==, 31);

  g_free (service->name_sv);
  service->name_sv = g_strdup ("  ");
  g_assert_cmpint (kh_db_save_service (f->db, f->admin, service, &error), ==, 0);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
}

/* 2.3: a contact joins a case already pending instead of opening a second;
 * only a pending case of the same person, and undo leaves the case. */
static void
test_join_pending_case (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhIntakeResult) first = NULL;
  g_autoptr(KhIntakeResult) second = NULL;
  gint64 client_id;

  {
    g_autoptr(KhContact) contact = test_contact (KH_OUTCOME_CASE_OPENED);
    g_autoptr(KhClient) client = test_client ("Kahdesti", "Kaisa", "1980-02-02", 0);

    first = save (f, f->admin, contact, client, FALSE, 0, 0);
    client_id = first->client_id;
    g_assert_cmpint (first->case_id, >, 0);
    g_assert_false (first->attached);
  }
  {
    g_autoptr(KhContact) contact = test_contact (KH_OUTCOME_CASE_OPENED);
    g_autoptr(KhClient) client = kh_client_new ();
    KhIntake intake = { contact, client, FALSE, 0, 0, first->case_id };

    client->id = client_id;
    second = kh_db_save_intake (f->db, f->admin, &intake, &error);
    g_assert_no_error (error);
    g_assert_true (second->attached);
    g_assert_cmpint (second->case_id, ==, first->case_id);
  }
  g_assert_cmpint (count (f, "SELECT count(*) FROM cases"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM contacts WHERE attached_case_id IS NOT NULL"), ==, 1);

  /* Another person's case cannot be joined. */
  {
    g_autoptr(KhContact) contact = test_contact (KH_OUTCOME_CASE_OPENED);
    g_autoptr(KhClient) other = test_client ("Muu", "Mikko", "1970-07-07", 0);
    KhIntake intake = { contact, other, FALSE, 0, 0, first->case_id };

    g_assert_null (kh_db_save_intake (f->db, f->admin, &intake, &error));
    g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
  /* Nor by advice, which opens no case. */
  {
    g_autoptr(KhContact) contact = test_contact (KH_OUTCOME_ADVICE);
    g_autoptr(KhClient) client = kh_client_new ();
    KhIntake intake = { contact, client, FALSE, 0, 0, first->case_id };

    client->id = client_id;
    g_assert_null (kh_db_save_intake (f->db, f->admin, &intake, &error));
    g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
  /* Undoing the joined contact leaves the case that was there. */
  g_assert_true (kh_db_undo_intake (f->db, f->admin, second, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM cases"), ==, 1);
  /* A closed case is not pending. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM cases WHERE status = 1"), ==, 1);
  {
    g_autoptr(KhContact) contact = test_contact (KH_OUTCOME_CASE_OPENED);
    g_autoptr(KhClient) client = kh_client_new ();
    KhIntake intake = { contact, client, FALSE, 0, 0, first->case_id };
    RawDb *raw = raw_connect (f);

    raw_run (raw, "UPDATE cases SET status = 3");
    raw_close (raw);
    client->id = client_id;
    g_assert_null (kh_db_save_intake (f->db, f->admin, &intake, &error));
    g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
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

  ADD ("/store/users/login", test_login);
  ADD ("/store/users/last-admin", test_last_admin);
  ADD ("/store/intake/case-deadline", test_case_deadline);
  ADD ("/store/intake/join-pending-case", test_join_pending_case);
  ADD ("/store/intake/who-contacted", test_who_contacted);
  ADD ("/store/intake/closed-day-keeps-deadline", test_closed_day_keeps_deadline);
  ADD ("/store/intake/existing-person-and-lists", test_existing_person_and_lists);
  ADD ("/store/intake/work-lists-bounded", test_work_lists_bounded);
  ADD ("/store/intake/work-list-default-limits", test_work_list_default_limits);
  ADD ("/store/intake/undo", test_undo);
  ADD ("/store/services/edit", test_services);

  return g_test_run ();
}
