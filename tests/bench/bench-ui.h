/* bench-ui.h — the floors and store opening shared by the view benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Header-only, as bench-common.h. A view's floor is a bare GtkListView of
 * as many plain labels as the view has rows, timed in the same run.
 */
#pragma once

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
