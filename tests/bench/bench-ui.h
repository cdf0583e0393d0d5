/* bench-ui.h — the floors and store opening shared by the view benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Header-only, as bench-common.h. A view's floor is a bare GtkListView of
 * as many plain labels as the view has rows, timed in the same run.
 */
#pragma once

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "store/kh-store.h"

static void
bench_setup_label_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item)
{
  gtk_list_item_set_child (item, gtk_label_new (NULL));
}

static void
bench_bind_label_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item)
{
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

/* A scrolled GtkListView of `n` labels, the i-th `format` with i (one %u). */
static inline GtkWidget *
bench_plain_list (guint       n,
                  const char *format)
{
  GtkStringList *strings = gtk_string_list_new (NULL);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();

  for (guint i = 0; i < n; i++)
    {
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
      g_autofree char *text = g_strdup_printf (format, i);
#pragma GCC diagnostic pop

      gtk_string_list_append (strings, text);
    }
  g_signal_connect (factory, "setup", G_CALLBACK (bench_setup_label_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bench_bind_label_cb), NULL);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller),
                                 gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (strings))),
                                                    factory));
  return scroller;
}

/* kh_store_open_async's callback: `user_data` is a KhUser ** to fill. */
static void
bench_store_opened_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  KhUser **user = user_data;
  g_autoptr(GError) error = NULL;

  *user = kh_store_open_finish (KH_STORE (object), result, &error);
  if (*user == NULL)
    g_error ("%s", error->message);
}

/* The worker's account on a server: the user name of the conninfo. */
static inline char *
bench_conninfo_user (const char *conninfo)
{
  g_auto(GStrv) words = g_strsplit (conninfo, " ", -1);

  for (guint i = 0; words[i] != NULL; i++)
    if (g_str_has_prefix (words[i], "user="))
      return g_strdup (words[i] + 5);
  g_error ("no user= in the worker's connection string");
  return NULL;
}

/* The benchmark's social worker, Sanna, in the unit's first team. On a
 * file (`worker` NULL) the database at `path` is made afresh, with an
 * administrator "bench_admin" who adds her. On a server `path` is the
 * administrator's connection string and `worker` hers: the administrator
 * adds her, and her own connection is returned; `*out_admin_db` is then
 * the administrator's connection, to close afterwards (NULL on a file). */
static inline KhDb *
bench_open_social_worker (const char  *path,
                          const char  *worker,
                          KhUser     **out_me,
                          KhDb       **out_admin_db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhUser) admin = NULL;
  g_autoptr(KhUser) ada = NULL;
  g_autoptr(KhUser) me = NULL;
  g_autoptr(GPtrArray) teams = NULL;
  g_autofree char *account = worker != NULL ? bench_conninfo_user (worker) : g_strdup (g_get_user_name ());
  KhDb *db;
  KhDb *admin_db = NULL;

  if (worker == NULL)
    {
      g_remove (path);
      db = kh_db_open (path, &error);
      if (db == NULL)
        g_error ("%s", error->message);
      admin = kh_db_login (db, g_get_user_name (), NULL, &error);
      ada = kh_db_save_user (db, admin, "bench_admin", "Bench Ylläpitäjä", KH_ROLE_ADMIN, TRUE, &error);
      g_clear_object (&admin);
      admin = kh_db_login (db, "bench_admin", NULL, &error);
    }
  else
    {
      g_autofree char *admin_account = bench_conninfo_user (path);

      admin_db = kh_db_open (path, &error);
      if (admin_db == NULL)
        g_error ("%s", error->message);
      admin = kh_db_login (admin_db, admin_account, NULL, &error);
      if (admin == NULL)
        g_error ("%s", error->message);
      db = admin_db;
    }
  me = kh_db_save_user (db, admin, account, "Sanna Sosiaalityöntekijä",
                        KH_ROLE_SOCIAL_WORKER, TRUE, &error);
  if (me == NULL)
    g_error ("%s", error->message);
  teams = kh_db_list_teams (db, FALSE, &error);
  kh_db_set_user_team (db, account, ((KhTeam *) g_ptr_array_index (teams, 0))->id, &error);
  g_assert_no_error (error);
  if (admin_db != NULL)
    {
      g_clear_object (&me);
      db = kh_db_open (worker, &error);
      if (db == NULL)
        g_error ("%s", error->message);
      me = kh_db_login (db, account, NULL, &error);
      if (me == NULL)
        g_error ("%s", error->message);
    }
  *out_me = g_steal_pointer (&me);
  *out_admin_db = admin_db;
  return db;
}
