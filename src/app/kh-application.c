/* kh-application.c — the Kohtaamo application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The application owns the settings and the path of the database; each
 * window owns its KhStore and shows what the store's state says. The first
 * store starts opening in startup, before GTK has connected to the display,
 * so that the two overlap; the window binds to its state whenever it comes
 * (no waiting, no nested main loop). The benchmark hooks are in
 * kh-bench-hooks.c.
 */

#define G_LOG_DOMAIN "kohtaamo-app"

#include "config.h"

#include <stdlib.h>
#include <glib/gi18n.h>

#include "kh-application.h"
#include "kh-bench-hooks.h"
#include "kh-preferences-window.h"
#include "kh-window.h"
#include "store/kh-store.h"
#include "ui/common/kh-accessible.h"
#include "ui/common/kh-window-surface.h"

struct _KhApplication
{
  AdwApplication  parent_instance;

  /* owned */
  GSettings      *settings;
  char           *database_path;

  /* The first store, opening while GTK starts (see startup). */
  KhStore        *early_store;
};

G_DEFINE_FINAL_TYPE (KhApplication, kh_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "database", 'd', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    /* Translators: the --database command-line option */
    N_("Open the database at PATH"), N_("PATH") },
  { NULL }
};

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
  /* Its section rows have their titles once it is shown. */
  kh_accessible_fix_shortcuts_window (GTK_WIDGET (shortcuts));
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
      g_free (self->database_path);
      /* A server's connection string is no file name. */
      if (kh_db_location_is_server (path))
        self->database_path = g_strdup (path);
      else
        {
          g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

          self->database_path = g_file_get_path (file);
        }
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
      g_autofree char *asked = kh_db_location_is_server (arg) ? g_strdup (arg) : g_file_get_path (file);
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
icon_theme_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  /* Any name: the lookup reads the themes first, under the theme's lock. */
  gtk_icon_theme_has_icon (GTK_ICON_THEME (source_object), "document-edit-symbolic");
  g_task_return_boolean (task, TRUE);
}

/* GTK reads the display's icon theme on a thread when the theme is made,
 * but GtkApplication and libadwaita then add their own icons to it, which
 * makes GTK read the themes again at the first icon looked up: on the main
 * thread, in the window's first frame (9 ms here, as for a bare libadwaita
 * window). Read it again now, on a thread, while the window is made; a
 * lookup that comes first waits for it instead of reading it twice. */
static void
read_icon_theme_in_thread (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GTask) task = NULL;

  if (display == NULL)
    return;
  task = g_task_new (gtk_icon_theme_get_for_display (display), NULL, NULL, NULL);
  g_task_set_name (task, "kohtaamo: icon theme");
  g_task_run_in_thread (task, icon_theme_thread);
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
  kh_store_open (self->early_store);

  G_APPLICATION_CLASS (kh_application_parent_class)->startup (app);
  read_icon_theme_in_thread ();
  kh_window_surface_release_all ();

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

typedef struct
{
  GtkWindow *window;      /* owned */
  KhStore   *store;       /* owned */
  GtkWidget *page;        /* owned: the reception page reading its first lists */
  gulong     state_id;
  gulong     lists_id;    /* on page */
  guint      timeout_id;
} Presenting;

static void
present_now (Presenting *presenting)
{
  g_clear_signal_handler (&presenting->state_id, presenting->store);
  if (presenting->page != NULL)
    g_clear_signal_handler (&presenting->lists_id, presenting->page);
  g_clear_object (&presenting->page);
  g_clear_handle_id (&presenting->timeout_id, g_source_remove);
  if (!gtk_widget_in_destruction (GTK_WIDGET (presenting->window)))
    gtk_window_present (presenting->window);
  g_object_unref (presenting->window);
  g_object_unref (presenting->store);
  g_free (presenting);
}

/* The store has answered. The reception reads its first lists as the
 * window is made (see show_content in kh-window.c); the window is shown
 * with them, so that its first layout has them, rather than laid out
 * without them and again in the first frame (12 million of the main
 * thread's 830 million instructions to the first frame). */
static void
opened_state_cb (KhStore    *store,
                 GParamSpec *pspec,
                 Presenting *presenting)
{
  GtkWidget *page;

  if (kh_store_get_state (store) == KH_STORE_STATE_OPENING || presenting->page != NULL)
    return;
  page = KH_IS_WINDOW (presenting->window)
         ? kh_window_get_reading_page (KH_WINDOW (presenting->window)) : NULL;
  if (page == NULL)
    {
      present_now (presenting);
      return;
    }
  presenting->page = g_object_ref (page);
  presenting->lists_id = g_signal_connect_swapped (page, "lists-shown", G_CALLBACK (present_now),
                                                   presenting);
}

static gboolean
present_timeout_cb (gpointer user_data)
{
  Presenting *presenting = user_data;

  presenting->timeout_id = 0;
  present_now (presenting);
  return G_SOURCE_REMOVE;
}

/* The first store was started in startup and usually answers while GTK
 * is still starting: its answer waits in the main loop. Showing the
 * window on that answer (the state's notification, not a nested main
 * loop) and the reception's first lists makes the first frame the views',
 * not an empty loading page that is thrown away at once; a slow open or
 * read shows the window after a moment anyway, with what it has. */
static void
present_when_opened (GtkWindow *window,
                     KhStore   *store)
{
  Presenting *presenting = g_new0 (Presenting, 1);

  presenting->window = g_object_ref (window);
  presenting->store = g_object_ref (store);
  presenting->state_id = g_signal_connect (store, "notify::state", G_CALLBACK (opened_state_cb), presenting);
  presenting->timeout_id = g_timeout_add (200, present_timeout_cb, presenting);
  opened_state_cb (store, NULL, presenting);
}

static void
kh_application_activate (GApplication *app)
{
  KhApplication *self = KH_APPLICATION (app);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    {
      g_autoptr(KhStore) store = g_steal_pointer (&self->early_store);

      /* The window shows whatever state the store is in and follows it. */
      if (store == NULL)
        {
          g_autofree char *path = kh_application_dup_database_path (self);

          store = kh_store_new (path);
        }
      window = GTK_WINDOW (kh_window_new (self, store));
      /* A store that is still opening usually answers in a moment, and
       * the reception's first lists a moment later: the window is shown
       * with them (see present_when_opened). */
      present_when_opened (window, store);
      return;
    }

  gtk_window_present (window);
}

static void
kh_application_dispose (GObject *object)
{
  KhApplication *self = KH_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->early_store);

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
  if (kh_bench_hooks_first_frame_enabled ())
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
