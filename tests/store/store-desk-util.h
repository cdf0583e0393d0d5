/* store-desk-util.h — a desk (KhStore) in the store tests: its calls
 * through the worker thread, waited for on the test's main loop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "store-test-util.h"
#include "store/kh-store.h"

typedef struct
{
  GMainLoop    *loop;
  GAsyncResult *result;
} Waiter;

static inline void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Waiter *w = user_data;

  g_clear_object (&w->result);
  w->result = g_object_ref (result);
  g_main_loop_quit (w->loop);
}

static inline GAsyncResult *
wait_for (Waiter *w)
{
  g_clear_object (&w->result);
  g_main_loop_run (w->loop);
  return w->result;
}

/* A social worker's desk, open: on a server the login "sw" (the caller
 * made them), on SQLite the OS account the store logs in as, made a
 * social worker here. The user it logged in as into `out_me`. */
static inline KhStore *
open_desk (Fixture  *f,
           Waiter   *w,
           KhUser  **out_me)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  KhStore *store;

  if (f->pg_dbname != NULL)
    path = pg_test_conninfo (f->pg_dbname, "sw");
  else
    {
      g_autoptr(KhUser) os = fixture_add_user (f, g_get_user_name (), "Testi Työntekijä", KH_ROLE_SOCIAL_WORKER);

      path = g_strdup (f->path);
    }
  store = kh_store_new (path);
  kh_store_open_async (store, NULL, done_cb, w);
  *out_me = kh_store_open_finish (store, wait_for (w), &error);
  g_assert_no_error (error);
  return store;
}
