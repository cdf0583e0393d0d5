/* kh-shell-test.h — shared helpers for the window, person-page and access-log tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test gets its own database in a temporary folder and its own
 * KhApplication (non-unique, so no session bus name is needed). Waiting is
 * done by running the main loop until a condition holds, with a time limit,
 * never by sleeping.
 */
#pragma once

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "app/kh-application.h"
#include "app/kh-window.h"
#include "store/kh-db.h"
#include "ui/common/kh-window-surface.h"

typedef gboolean (*KhTestCondition) (gpointer data);

/* GTK 4.8 on X11 without a window manager sometimes warns that a GtkText
 * "did not receive a focus-out event" when a new window (the editor) takes
 * the focus. It says nothing about Kohtaamo; every other warning stays fatal. */
static inline gboolean
kh_test_fatal_log_cb (const char     *log_domain,
                      GLogLevelFlags  log_level,
                      const char     *message,
                      gpointer        user_data)
{
  return !(g_strcmp0 (log_domain, "Gtk") == 0
           && strstr (message, "did not receive a focus-out event") != NULL);
}

/* GTK logs through the structured API, where the default writer aborts on
 * a fatal level before any fatal handler is asked: the one harmless warning
 * is written here as a test message instead, everything else as usual. */
static inline GLogWriterOutput
kh_test_log_writer_cb (GLogLevelFlags   log_level,
                       const GLogField *fields,
                       gsize            n_fields,
                       gpointer         user_data)
{
  const char *domain = NULL;
  const char *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_strcmp0 (fields[i].key, "GLIB_DOMAIN") == 0 && fields[i].length < 0)
        domain = fields[i].value;
      else if (g_strcmp0 (fields[i].key, "MESSAGE") == 0 && fields[i].length < 0)
        message = fields[i].value;
    }

  if ((log_level & G_LOG_LEVEL_WARNING) && message != NULL
      && !kh_test_fatal_log_cb (domain, log_level, message, NULL))
    {
      g_test_message ("ignored: %s-WARNING: %s", domain, message);
      return G_LOG_WRITER_HANDLED;
    }

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

/* gtk_test_init, with the one harmless warning above made non-fatal. */
static inline void
kh_shell_test_init (int    *argc,
                    char ***argv)
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_log_set_writer_func (kh_test_log_writer_cb, NULL, NULL);
  gtk_test_init (argc, argv, NULL);
  g_test_log_set_fatal_handler (kh_test_fatal_log_cb, NULL);
  /* As the application does at start-up. */
  kh_window_surface_release_all ();
}

static inline gboolean
kh_test_timed_out_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until `condition` holds or `timeout_ms` pass. */
static inline gboolean
kh_test_wait_until (KhTestCondition condition,
                    gpointer        data,
                    guint           timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, kh_test_timed_out_cb, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);

  return condition (data);
}

static inline gboolean
kh_test_never_cb (gpointer data)
{
  return FALSE;
}

/* Lets pending idle work and redraws run for a moment. */
static inline void
kh_test_spin (guint ms)
{
  kh_test_wait_until (kh_test_never_cb, NULL, ms);
}

typedef struct {
  char          *dir;
  char          *path;
  KhApplication *app;       /* borrowed: shared by the tests of a program */
  KhWindow      *window;
} KhShellFixture;

/* A fresh temporary folder; the database in it is not created yet. */
static inline void
kh_shell_fixture_init (KhShellFixture *fixture)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("kohtaamo-ui-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "kohtaamo.db", NULL);
  g_setenv ("KOHTAAMO_DATABASE", fixture->path, TRUE);
}

/* Opens the database with the synchronous engine, logged in as the account
 * running the tests (the first account becomes the administrator). */
static inline KhDb *
kh_shell_fixture_open_db (KhShellFixture *fixture,
                          KhUser        **out_user)
{
  g_autoptr(GError) error = NULL;
  KhDb *db;
  KhUser *user;

  db = kh_db_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);

  user = kh_db_login (db, g_get_user_name (), "Test User", &error);
  g_assert_no_error (error);
  g_assert_nonnull (user);

  if (out_user != NULL)
    *out_user = user;
  else
    g_object_unref (user);

  return db;
}

static inline gboolean
kh_test_is_null_cb (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static inline gboolean
kh_test_window_settled_cb (gpointer data)
{
  KhWindow *window = data;

  return g_strcmp0 (kh_window_get_state (window), "loading") != 0;
}

/* Starts the application on the fixture's database as it is (a new one
 * when none was made: the window then asks about its administrator) and
 * waits until the window has opened the store (or shown why not). */
static inline void
kh_shell_fixture_start_as_is (KhShellFixture *fixture)
{
  static KhApplication *app;

  /* One application for the whole test program: a registered application
   * stays exported on the bus for as long as the process lives. Each test
   * gets a new window, which opens the database the fixture points to. */
  if (app == NULL)
    {
      g_autoptr(GError) error = NULL;

      app = kh_application_new ();
      g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
      g_application_register (G_APPLICATION (app), NULL, &error);
      g_assert_no_error (error);
    }
  fixture->app = app;
  g_application_activate (G_APPLICATION (fixture->app));

  fixture->window = KH_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (fixture->app)));
  g_assert_true (KH_IS_WINDOW (fixture->window));
  g_object_ref (fixture->window);

  g_assert_true (kh_test_wait_until (kh_test_window_settled_cb, fixture->window, 10000));
}

/* The same on a database that has been set up, as kohtaamo-admin init
 * does: made now if there is none, with the test's account its
 * administrator. */
static inline void
kh_shell_fixture_start (KhShellFixture *fixture)
{
  if (!g_file_test (fixture->path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(KhDb) db = kh_shell_fixture_open_db (fixture, NULL);
    }
  kh_shell_fixture_start_as_is (fixture);
}

static inline void
kh_shell_fixture_clear (KhShellFixture *fixture)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (fixture->window != NULL)
    {
      GtkWindow *window = GTK_WINDOW (fixture->window);

      /* The window, its pages and its store must all go. */
      g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
      gtk_window_destroy (window);
      g_clear_object (&fixture->window);
      kh_test_wait_until (kh_test_is_null_cb, &window, 5000);
      g_assert_null (window);
    }
  fixture->app = NULL;

  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (fixture->dir, name, NULL);

      g_unlink (file);
    }
  g_rmdir (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->path, g_free);
}

static inline GtkWidget *
kh_shell_fixture_get_view (KhShellFixture *fixture,
                           const char     *name)
{
  AdwViewStack *stack;

  stack = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                         KH_TYPE_WINDOW, "view_stack"));
  return adw_view_stack_get_child_by_name (stack, name);
}
