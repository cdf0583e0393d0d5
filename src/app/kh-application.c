/* kh-application.c — the Kohtaamo application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The application owns the settings and the path of the database; each
 * window owns its KhStore. It also carries the benchmark hook that
 * tools/bench uses to measure start-up to the first frame with data.
 */

#define G_LOG_DOMAIN "kohtaamo-app"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <glib/gi18n.h>

#include "kh-application.h"
#include "kh-preferences-window.h"
#include "kh-window.h"
#include "store/kh-store.h"

struct _KhApplication
{
  AdwApplication  parent_instance;

  /* owned */
  GSettings      *settings;
  char           *database_path;

  /* The first store, opened while GTK starts (see startup). */
  KhStore        *early_store;
  KhUser         *early_user;
  GError         *early_error;
  gboolean        early_done;
  KhWindow       *early_window;   /* weak */
};

G_DEFINE_FINAL_TYPE (KhApplication, kh_application, ADW_TYPE_APPLICATION)

/* CLOCK_MONOTONIC microseconds at process start, for the benchmark hook. */
static gint64 process_start_us;

static const GOptionEntry option_entries[] = {
  { "database", 'd', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    /* Translators: the --database command-line option */
    N_("Open the database at PATH"), N_("PATH") },
  { NULL }
};

/* The kernel's start time of this process (jiffies since boot) moved onto
 * the monotonic clock. Its resolution is one jiffy (usually 10 ms); the
 * benchmark can pass its own exact spawn time instead (see mark_start). */
static gint64
read_process_start_us (void)
{
  g_autofree char *stat = NULL;
  struct timespec boot;
  const char *p;
  unsigned long long start_ticks;
  long ticks_per_s;
  gint64 now_boot_us;
  int field;

  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL))
    return 0;

  /* The command name may contain spaces: count fields after its ')'. */
  p = strrchr (stat, ')');
  if (p == NULL)
    return 0;
  for (field = 2; field < 22 && p != NULL; field++)
    p = strchr (p + 1, ' ');
  if (p == NULL || sscanf (p + 1, "%llu", &start_ticks) != 1)
    return 0;

  ticks_per_s = sysconf (_SC_CLK_TCK);
  if (ticks_per_s <= 0 || clock_gettime (CLOCK_BOOTTIME, &boot) != 0)
    return 0;

  now_boot_us = (gint64) boot.tv_sec * G_USEC_PER_SEC + boot.tv_nsec / 1000;
  return g_get_monotonic_time ()
         - (now_boot_us - (gint64) (start_ticks * G_USEC_PER_SEC / ticks_per_s));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_autolist(GtkWindow) windows = NULL;

  /* Quitting is closing every window, each the way its close button does:
   * a window with a contact being written asks first and stays open if the
   * receptionist keeps editing. The application ends with its last window. */
  windows = g_list_copy_deep (gtk_application_get_windows (GTK_APPLICATION (user_data)),
                              (GCopyFunc) (void (*) (void)) g_object_ref, NULL);
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static const char *shortcuts_accels[] = { "<Control>question", NULL };

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  KhApplication *self = user_data;
  static const char *developers[] = { "Kohtaamo contributors", NULL };
  GtkWindow *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "modal", TRUE,
                        "application-name", "Kohtaamo",
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("Kohtaamo contributors"),
                        "developers", developers,
                        "comments", _("Reception, clients and their cases for adult social work"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: your names, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (about);
}

/* GtkApplication builds gtk/help-overlay.ui for every window it adds, on the
 * way to the first frame; this builds the shortcuts window only when asked.
 * Keep its keys in sync with the accelerators set in startup (). */
static void
shortcuts_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  KhApplication *self = user_data;
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWindow *shortcuts;

  builder = gtk_builder_new_from_resource (RESOURCE_BASE "/ui/app/kh-shortcuts-window.ui");
  shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));
  gtk_window_set_transient_for (shortcuts,
                                gtk_application_get_active_window (GTK_APPLICATION (self)));
  gtk_window_present (shortcuts);
}

static const char *preferences_accels[] = { "<Control>comma", NULL };

/* The unit's directory, closed days and settings, for the active window's
 * database once it is open. */
static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  KhPreferencesWindow *preferences;

  if (!KH_IS_WINDOW (active) || g_strcmp0 (kh_window_get_state (KH_WINDOW (active)), "content") != 0)
    return;
  preferences = kh_preferences_window_new (kh_window_get_store (KH_WINDOW (active)));
  gtk_window_set_transient_for (GTK_WINDOW (preferences), active);
  gtk_window_present (GTK_WINDOW (preferences));
}

static const GActionEntry app_actions[] = {
  { "preferences", preferences_action },
  { "quit", quit_action },
  { "about", about_action },
  { "shortcuts", shortcuts_action },
};

static int
kh_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  KhApplication *self = KH_APPLICATION (app);
  g_autofree char *path = NULL;

  if (g_variant_dict_lookup (options, "database", "^ay", &path) && path != NULL && *path != '\0')
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

      g_free (self->database_path);
      self->database_path = g_file_get_path (file);
    }

  /* Continue with the default handling (register, activate). */
  return -1;
}

/* The same file under two names (a relative path, a symbolic link) is the
 * same database. */
static char *
dup_real_path (const char *path)
{
  char *real = realpath (path, NULL);

  if (real != NULL)
    {
      char *copy = g_strdup (real);

      free (real);
      return copy;
    }

  return g_canonicalize_filename (path, NULL);
}

/* Runs in the primary instance, for its own command line and for each
 * later `kohtaamo` started while it runs (whose options were parsed in
 * that process and arrive here). One running Kohtaamo has one database:
 * asking it for another would otherwise silently show the old one, so the
 * later process is refused with a message on its own stderr and status 1. */
static int
kh_application_command_line (GApplication            *app,
                             GApplicationCommandLine *command_line)
{
  KhApplication *self = KH_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autofree char *arg = NULL;

  if (g_application_command_line_get_is_remote (command_line)
      && g_variant_dict_lookup (options, "database", "^ay", &arg) && arg != NULL && *arg != '\0')
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line, arg);
      g_autofree char *asked = g_file_get_path (file);
      g_autofree char *open = kh_application_dup_database_path (self);
      g_autofree char *asked_real = asked != NULL ? dup_real_path (asked) : NULL;
      g_autofree char *open_real = dup_real_path (open);

      if (g_strcmp0 (asked_real, open_real) != 0)
        {
          g_application_command_line_printerr (command_line,
                                               /* Translators: the first %s is the database
                                                * Kohtaamo has open, the second the one asked
                                                * for with --database */
                                               _("Kohtaamo is already open with the database %s.\n"
                                                 "Close it first to open %s.\n"),
                                               open, asked != NULL ? asked : arg);
          return EXIT_FAILURE;
        }
    }

  g_application_activate (app);

  return EXIT_SUCCESS;
}

static void
early_store_opened_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(KhApplication) self = user_data;

  self->early_user = kh_store_open_finish (KH_STORE (object), result, &self->early_error);
  self->early_done = TRUE;

  if (self->early_window != NULL)
    {
      kh_window_store_opened (self->early_window, self->early_user, self->early_error);
      g_clear_weak_pointer (&self->early_window);
      g_clear_object (&self->early_user);
      g_clear_error (&self->early_error);
    }
}

static void
kh_application_startup (GApplication *app)
{
  KhApplication *self = KH_APPLICATION (app);
  g_autofree char *path = kh_application_dup_database_path (self);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *new_contact_accels[] = { "<Control>n", NULL };
  static const char *find_accels[] = { "<Control>f", NULL };

  /* Opening the database (migrations, logging in) runs on the store's
   * worker thread while GTK connects to the display and loads its theme,
   * so that the first window usually has its data before its first frame. */
  self->early_store = kh_store_new (path);
  kh_store_open_async (self->early_store, NULL, early_store_opened_cb, g_object_ref (self));

  G_APPLICATION_CLASS (kh_application_parent_class)->startup (app);

  self->settings = g_settings_new (APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.shortcuts", shortcuts_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.new-contact", new_contact_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.find-person", find_accels);
}

static void
kh_application_activate (GApplication *app)
{
  KhApplication *self = KH_APPLICATION (app);
  GtkWindow *window;

  /* The store usually opens while GTK starts, and its answer then waits in
   * the main loop behind the start itself. Taking it now makes the window
   * with its views, so that its first frames show them and not a spinner.
   * Only what is already pending runs here: this never waits. */
  while (self->early_store != NULL && !self->early_done
         && g_main_context_iteration (NULL, FALSE))
    ;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL && self->early_store != NULL)
    {
      g_autoptr(KhStore) store = g_steal_pointer (&self->early_store);
      KhWindow *early = kh_window_new_opening (self, store);

      if (self->early_done)
        {
          kh_window_store_opened (early, self->early_user, self->early_error);
          g_clear_object (&self->early_user);
          g_clear_error (&self->early_error);
        }
      else
        g_set_weak_pointer (&self->early_window, early);
      window = GTK_WINDOW (early);
    }
  else if (window == NULL)
    {
      g_autofree char *path = kh_application_dup_database_path (self);
      g_autoptr(KhStore) store = kh_store_new (path);

      window = GTK_WINDOW (kh_window_new (self, store));
    }

  gtk_window_present (window);
}

static void
kh_application_dispose (GObject *object)
{
  KhApplication *self = KH_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->early_store);
  g_clear_object (&self->early_user);
  g_clear_error (&self->early_error);
  g_clear_weak_pointer (&self->early_window);

  G_OBJECT_CLASS (kh_application_parent_class)->dispose (object);
}

static void
kh_application_finalize (GObject *object)
{
  KhApplication *self = KH_APPLICATION (object);

  g_free (self->database_path);

  G_OBJECT_CLASS (kh_application_parent_class)->finalize (object);
}

static void
kh_application_class_init (KhApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = kh_application_dispose;
  object_class->finalize = kh_application_finalize;

  app_class->handle_local_options = kh_application_handle_local_options;
  app_class->command_line = kh_application_command_line;
  app_class->startup = kh_application_startup;
  app_class->activate = kh_application_activate;
}

static void
kh_application_init (KhApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
}

KhApplication *
kh_application_new (void)
{
  /* The primary instance sees the options of every later start (see
   * command_line), so that --database is not lost on the way. */
  GApplicationFlags flags = G_APPLICATION_HANDLES_COMMAND_LINE;

  /* A benchmark run must start its own process, never hand over to a
   * Kohtaamo that is already open. */
  if (kh_application_is_bench_first_frame ())
    flags |= G_APPLICATION_NON_UNIQUE;

  return g_object_new (KH_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", flags,
                       /* The .Devel build keeps the same resources. */
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

GSettings *
kh_application_get_settings (KhApplication *self)
{
  g_return_val_if_fail (KH_IS_APPLICATION (self), NULL);

  return self->settings;
}

char *
kh_application_dup_database_path (KhApplication *self)
{
  g_return_val_if_fail (KH_IS_APPLICATION (self), NULL);

  /* Asked each time: $KOHTAAMO_DATABASE may differ between windows (tests). */
  if (self->database_path != NULL)
    return g_strdup (self->database_path);

  return kh_store_default_path ();
}

/**
 * kh_application_mark_start:
 *
 * Remembers when the process started, for the benchmark hook. tools/bench
 * may pass its own spawn time as KOHTAAMO_BENCH_START_US (g_get_monotonic_time
 * of the parent: CLOCK_MONOTONIC is shared by all processes); otherwise the
 * kernel's start time of the process is used.
 */
void
kh_application_mark_start (void)
{
  const char *env;

  if (!kh_application_is_bench_first_frame ())
    return;

  env = g_getenv ("KOHTAAMO_BENCH_START_US");
  if (env != NULL)
    process_start_us = g_ascii_strtoll (env, NULL, 10);
  if (process_start_us <= 0)
    process_start_us = read_process_start_us ();
  if (process_start_us <= 0)
    process_start_us = g_get_monotonic_time ();
}

gboolean
kh_application_is_bench_first_frame (void)
{
  return g_strcmp0 (g_getenv ("KOHTAAMO_BENCH_FIRST_FRAME"), "1") == 0;
}

/**
 * kh_application_report_first_frame:
 *
 * Called by the window after the first frame in which the reception view
 * shows its data has been painted. In a benchmark run it prints the time
 * since the process started on stderr and quits; otherwise it does nothing.
 */
void
kh_application_report_first_frame (KhApplication *self)
{
  gint64 elapsed_us;

  g_return_if_fail (KH_IS_APPLICATION (self));

  if (!kh_application_is_bench_first_frame ())
    return;

  elapsed_us = g_get_monotonic_time () - process_start_us;
  /* A machine-readable line for tools/bench, never translated. */
  fprintf (stderr, "first-frame-ms: %" G_GINT64_FORMAT "\n", (elapsed_us + 500) / 1000);
  fflush (stderr);

  g_application_quit (G_APPLICATION (self));
}
