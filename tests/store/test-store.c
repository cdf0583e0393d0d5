/* test-store.c — the asynchronous KhStore with a real main loop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include "store/kh-store.h"
#include "store-test-util.h"

typedef struct
{
  GMainLoop    *loop;
  GAsyncResult *result;
  GThread      *main_thread;
  guint         n_changed;
} Waiter;

static void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Waiter *w = user_data;

  /* Results come back on the caller's context, never on the worker. */
  g_assert_true (g_thread_self () == w->main_thread);
  g_assert_null (w->result);
  w->result = g_object_ref (result);
  g_main_loop_quit (w->loop);
}

static GAsyncResult *
wait_for (Waiter *w)
{
  g_main_loop_run (w->loop);
  g_assert_nonnull (w->result);
  return w->result;
}

static void
waiter_reset (Waiter *w)
{
  g_clear_object (&w->result);
}

static void
changed_cb (KhStore  *store,
            gpointer  user_data)
{
  Waiter *w = user_data;

  g_assert_true (g_thread_self () == w->main_thread);
  w->n_changed++;
}

static char *
temp_path (char **out_dir)
{
  g_autoptr(GError) error = NULL;

  *out_dir = g_dir_make_tmp ("kohtaamo-store-XXXXXX", &error);
  g_assert_no_error (error);
  return g_build_filename (*out_dir, "kohtaamo.db", NULL);
}

static void
test_default_path (void)
{
  g_autofree char *path = NULL;
  g_autofree char *expected = NULL;

  g_setenv ("KOHTAAMO_DATABASE", "/somewhere/else.db", TRUE);
  path = kh_store_default_path ();
  g_assert_cmpstr (path, ==, "/somewhere/else.db");
  g_free (path);

  g_unsetenv ("KOHTAAMO_DATABASE");
  path = kh_store_default_path ();
  expected = g_build_filename (g_get_user_data_dir (), "kohtaamo", "kohtaamo.db", NULL);
  g_assert_cmpstr (path, ==, expected);
}

static void
test_round_trip (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = temp_path (&dir);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  Waiter w = { loop, NULL, g_thread_self (), 0 };
  g_autoptr(KhStore) store = kh_store_new (path);
  g_autoptr(KhUser) user = NULL;
  g_autoptr(KhIntakeResult) saved = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) queue = NULL;
  g_autoptr(GPtrArray) today = NULL;
  g_autoptr(GPtrArray) services = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(KhClient) client = NULL;
  g_autoptr(GError) error = NULL;
  KhIntake intake = { 0 };

  g_signal_connect (store, "changed", G_CALLBACK (changed_cb), &w);
  g_assert_cmpstr (kh_store_get_path (store), ==, path);
  g_assert_null (kh_store_get_user (store));

  /* Open: migrates; a new database has no users, and nobody is made its
   * administrator without being asked (issue 5, 2.7). */
  g_assert_cmpint (kh_store_get_state (store), ==, KH_STORE_STATE_CLOSED);
  kh_store_open_async (store, NULL, done_cb, &w);
  g_assert_cmpint (kh_store_get_state (store), ==, KH_STORE_STATE_OPENING);
  user = kh_store_open_finish (store, wait_for (&w), &error);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NO_ADMINISTRATOR);
  g_assert_null (user);
  g_clear_error (&error);
  g_assert_cmpint (kh_store_get_state (store), ==, KH_STORE_STATE_NEEDS_ADMINISTRATOR);
  g_assert_true (kh_store_get_created (store));
  g_assert_null (kh_store_get_user (store));
  waiter_reset (&w);
  /* Nothing else runs before someone is logged in. */
  kh_store_list_services_async (store, NULL, done_cb, &w);
  g_assert_null (kh_store_list_services_finish (store, wait_for (&w), &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_FAILED);
  g_clear_error (&error);
  waiter_reset (&w);

  /* "Yes": the OS account becomes the first administrator. */
  kh_store_claim_administration_async (store, NULL, done_cb, &w);
  user = kh_store_claim_administration_finish (store, wait_for (&w), &error);
  g_assert_no_error (error);
  g_assert_cmpint (kh_store_get_state (store), ==, KH_STORE_STATE_READY);
  g_assert_null (kh_store_get_unit_name (store));
  g_assert_cmpstr (user->account, ==, g_get_user_name ());
  g_assert_cmpint (user->role, ==, KH_ROLE_ADMIN);
  g_assert_true (kh_store_get_user (store) == user);
  g_assert_nonnull (kh_store_get_calendar (store));
  waiter_reset (&w);

  services = NULL;
  kh_store_list_services_async (store, NULL, done_cb, &w);
  services = kh_store_list_services_finish (store, wait_for (&w), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (services->len, ==, 31);
  waiter_reset (&w);

  /* Save an intake. The inputs are copied before the call returns: spoil
   * them right after, and the saved record must not notice. */
  intake.contact = test_contact (KH_OUTCOME_CASE_OPENED);
  intake.contact->received_at = g_date_time_new_now_local ();
  intake.client = test_client ("Asynkroninen", "Aila", "1940-02-02", 990);
  intake.deadline_groups = 0;
  kh_store_save_intake_async (store, &intake, NULL, done_cb, &w);
  g_free (intake.client->last_name);
  intake.client->last_name = g_strdup ("Pilattu");
  g_clear_object (&intake.client);
  g_clear_object (&intake.contact);
  saved = kh_store_save_intake_finish (store, wait_for (&w), &error);
  g_assert_no_error (error);
  g_assert_cmpint (saved->case_id, >, 0);
  g_assert_true (saved->created_client);
  g_assert_nonnull (saved->assessment_deadline);   /* over 75 */
  waiter_reset (&w);
  g_assert_cmpuint (w.n_changed, ==, 1);

  /* Search finds the person under the name given, and changes nothing. */
  kh_store_search_clients_async (store, "asynkr", 10, NULL, done_cb, &w);
  results = kh_store_search_clients_finish (store, wait_for (&w), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 1);
  g_assert_cmpstr (((KhClient *) g_ptr_array_index (results, 0))->last_name, ==, "Asynkroninen");
  waiter_reset (&w);
  g_assert_cmpuint (w.n_changed, ==, 1);

  kh_store_get_client_async (store, saved->client_id, KH_ACCESS_PAGE, KH_BASIS_INTAKE, NULL, done_cb, &w);
  client = kh_store_get_client_finish (store, wait_for (&w), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (client->first_names, ==, "Aila");
  waiter_reset (&w);

  /* Edit the person. */
  g_free (client->city);
  client->city = g_strdup ("Oulu");
  kh_store_save_client_async (store, client, NULL, done_cb, &w);
  g_assert_cmpint (kh_store_save_client_finish (store, wait_for (&w), &error), ==, saved->client_id);
  g_assert_no_error (error);
  waiter_reset (&w);
  g_assert_cmpuint (w.n_changed, ==, 2);

  kh_store_list_queue_async (store, NULL, done_cb, &w);
  queue = kh_store_list_queue_finish (store, wait_for (&w), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (queue->len, ==, 1);
  waiter_reset (&w);

  kh_store_list_contacts_on_async (store, NULL, NULL, done_cb, &w);
  today = kh_store_list_contacts_on_finish (store, wait_for (&w), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (today->len, ==, 1);
  g_assert_cmpstr (((KhContact *) g_ptr_array_index (today, 0))->client_name, ==, "Asynkroninen, Aila");
  waiter_reset (&w);

  kh_store_list_access_log_async (store, saved->client_id, 50, NULL, done_cb, &w);
  log = kh_store_list_access_log_finish (store, wait_for (&w), &error);
  g_assert_no_error (error);
  /* The search, the page, and the two work lists that showed the person,
   * newest first. */
  g_assert_cmpuint (log->len, ==, 4);
  g_assert_cmpint (((KhAccessEntry *) g_ptr_array_index (log, 0))->what, ==, KH_ACCESS_WORK_LIST);
  g_assert_cmpint (((KhAccessEntry *) g_ptr_array_index (log, 1))->what, ==, KH_ACCESS_WORK_LIST);
  g_assert_cmpint (((KhAccessEntry *) g_ptr_array_index (log, 2))->what, ==, KH_ACCESS_PAGE);
  waiter_reset (&w);

  /* The paged calls give the total with the rows. */
  {
    g_autoptr(GPtrArray) page = NULL;
    guint total = 0;

    kh_store_list_queue_page_async (store, 1, NULL, done_cb, &w);
    page = kh_store_list_queue_page_finish (store, wait_for (&w), &total, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (page->len, ==, 1);
    g_assert_cmpuint (total, ==, 1);
    waiter_reset (&w);
    g_clear_pointer (&page, g_ptr_array_unref);

    total = 0;
    kh_store_list_contacts_on_page_async (store, NULL, 10, NULL, done_cb, &w);
    page = kh_store_list_contacts_on_page_finish (store, wait_for (&w), &total, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (page->len, ==, 1);
    g_assert_cmpuint (total, ==, 1);
    waiter_reset (&w);
  }

  /* The users, for "Assign to a worker". */
  {
    g_autoptr(GPtrArray) users = NULL;

    kh_store_list_users_async (store, NULL, done_cb, &w);
    users = kh_store_list_users_finish (store, wait_for (&w), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (users->len, ==, 1);
    g_assert_cmpint (((KhUser *) g_ptr_array_index (users, 0))->id, ==, user->id);
    waiter_reset (&w);
  }

  /* Undo, then the queue is empty again. */
  kh_store_undo_intake_async (store, saved, NULL, done_cb, &w);
  g_assert_true (kh_store_undo_intake_finish (store, wait_for (&w), &error));
  g_assert_no_error (error);
  waiter_reset (&w);
  g_assert_cmpuint (w.n_changed, ==, 3);

  g_clear_pointer (&queue, g_ptr_array_unref);
  kh_store_list_queue_async (store, NULL, done_cb, &w);
  queue = kh_store_list_queue_finish (store, wait_for (&w), &error);
  g_assert_cmpuint (queue->len, ==, 0);
  waiter_reset (&w);

  /* A refused save is an error and no "changed". */
  intake.contact = test_contact (KH_OUTCOME_CASE_OPENED);
  intake.contact->anonymous = TRUE;
  kh_store_save_intake_async (store, &intake, NULL, done_cb, &w);
  g_clear_object (&intake.contact);
  g_assert_null (kh_store_save_intake_finish (store, wait_for (&w), &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_clear_error (&error);
  waiter_reset (&w);
  g_assert_cmpuint (w.n_changed, ==, 3);

  /* Dispose stops the worker and closes the database. */
  g_clear_object (&user);
  g_assert_finalize_object (g_steal_pointer (&store));
  remove_tree (dir);
}

static void
test_cancelled_and_closed (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = temp_path (&dir);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  Waiter w = { loop, NULL, g_thread_self (), 0 };
  g_autoptr(KhStore) store = kh_store_new (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;

  /* Before open, the worker says so. */
  kh_store_search_clients_async (store, "x", 10, NULL, done_cb, &w);
  g_assert_null (kh_store_search_clients_finish (store, wait_for (&w), &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_FAILED);
  g_clear_error (&error);
  waiter_reset (&w);

  /* Cancelled before it runs: the search-as-you-type case. */
  g_cancellable_cancel (cancellable);
  kh_store_search_clients_async (store, "x", 10, cancellable, done_cb, &w);
  results = kh_store_search_clients_finish (store, wait_for (&w), &error);
  g_assert_null (results);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  waiter_reset (&w);

  g_assert_finalize_object (g_steal_pointer (&store));
  remove_tree (dir);
}

static void
test_bad_file (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = temp_path (&dir);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  Waiter w = { loop, NULL, g_thread_self (), 0 };
  g_autoptr(KhStore) store = NULL;
  g_autoptr(KhUser) user = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "nimi;puhelin\nMaija;040 123\n"
                                            "................................................"
                                            "................................................", -1, NULL));
  store = kh_store_new (path);
  kh_store_open_async (store, NULL, done_cb, &w);
  user = kh_store_open_finish (store, wait_for (&w), &error);
  g_assert_null (user);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_A_DATABASE);
  g_assert_null (kh_store_get_user (store));
  g_assert_cmpint (kh_store_get_state (store), ==, KH_STORE_STATE_FAILED);
  g_assert_error (kh_store_get_error (store), KH_STORE_ERROR, KH_STORE_ERROR_NOT_A_DATABASE);
  waiter_reset (&w);

  g_assert_finalize_object (g_steal_pointer (&store));
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/async/default-path", test_default_path);
  g_test_add_func ("/store/async/round-trip", test_round_trip);
  g_test_add_func ("/store/async/cancelled-and-closed", test_cancelled_and_closed);
  g_test_add_func ("/store/async/bad-file", test_bad_file);

  return g_test_run ();
}
