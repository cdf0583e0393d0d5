/* kh-window.c — the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window shows what its store's state says (KhStore:state): a spinner
 * while it opens; then the views that work for the logged-in user:
 * Reception, People and, for the lead social worker and the administrator,
 * the Access log; on a database without users, the question whether this
 * account administers it; and, when it cannot be opened, why, with a way to
 * try again. The header says which unit and which database are open.
 * When the database server cannot be reached, a bar under the header says
 * so calmly, with "Try Now"; it goes by itself when the server is back
 * (KhStore:available; issue 6, 7).
 */

#define G_LOG_DOMAIN "kohtaamo-app"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "kh-bench-hooks.h"
#include "kh-window.h"
#include "ui/clients/kh-access-log-page.h"
#include "ui/clients/kh-clients-page.h"
#include "ui/clients/kh-person-editor.h"
#include "core/kh-caseload.h"
#include "ui/caseload/kh-caseload-page.h"
#include "ui/appointments/kh-week-page.h"
#include "ui/intake/kh-reception-page.h"
#include "ui/common/kh-accessible.h"

struct _KhWindow
{
  AdwApplicationWindow  parent_instance;

  /* template widgets */
  GtkMenuButton        *menu_button;
  GMenuModel           *primary_menu;
  GtkStack             *main_stack;
  GtkLabel             *database_label;
  GtkSpinner           *spinner;
  GtkLabel             *unit_label;
  AdwViewSwitcherBar   *switcher_bar;
  AdwViewSwitcherTitle *switcher_title;
  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *view_stack;
  GtkWidget            *offline_bar;
  GtkLabel             *offline_label;
  GtkRevealer          *offline_revealer;
  GtkWidget            *reconnect_button;

  /* borrowed: children of main_stack, made when first needed */
  AdwStatusPage        *error_page;
  AdwStatusPage        *setup_page;
  GtkWidget            *claim_button;

  /* owned */
  KhStore              *store;
  GSettings            *settings;
  GCancellable         *cancellable;
  GtkWidget            *user_box;        /* for the main menu, until it is made */

  /* borrowed: children of view_stack */
  GtkWidget            *reception_page;
  GtkWidget            *clients_page;
  GtkWidget            *log_page;
  GtkWidget            *caseload_page;   /* for those who work cases (issue 7, 1) */
  GtkWidget            *meetings_page;   /* their week of meetings (issue 7, 4) */
  /* Stand-ins for People and the Access log while the window's first frame
   * is made (see show_content); NULL once the views are there. */
  GtkWidget            *clients_stand_in;
  GtkWidget            *log_stand_in;
  GtkWidget            *caseload_stand_in;
  GtkWidget            *meetings_stand_in;
  gboolean              can_read_log;
  gboolean              works_cases;
  gboolean              reading_ahead;   /* the reception's first lists are on their way */
  guint                 views_id;        /* an idle that makes them */
  guint                 views_tick_id;   /* waits for the first frame */

  gulong                state_id;        /* on store */
  gulong                available_id;    /* on store */
  gboolean              reconnecting;    /* "Try Now" is trying */
  guint                 spinner_id;      /* shows the spinner if opening takes long */
  gboolean              close_confirmed;  /* nothing left to lose: close for real */
  gboolean              asking_to_close;  /* the discard question is open */
};

G_DEFINE_FINAL_TYPE (KhWindow, kh_window, ADW_TYPE_APPLICATION_WINDOW)

static const char *
error_title (const GError *error)
{
  if (error->domain == KH_STORE_ERROR)
    {
      switch ((KhStoreError) error->code)
        {
        case KH_STORE_ERROR_NOT_A_DATABASE:
          return _("This File Is Not a Kohtaamo Database");
        case KH_STORE_ERROR_LOCKED:
          return _("The Database Is in Use by Another Program");
        case KH_STORE_ERROR_READ_ONLY:
          return _("The Database Cannot Be Written");
        case KH_STORE_ERROR_TOO_NEW:
          return _("The Database Is From a Newer Kohtaamo");
        case KH_STORE_ERROR_DAMAGED:
          return _("The Database Is Damaged");
        case KH_STORE_ERROR_PERMISSION:
          return _("Your Account Is Not a Kohtaamo User");
        case KH_STORE_ERROR_FAILED:
        case KH_STORE_ERROR_INVALID:
        case KH_STORE_ERROR_DUPLICATE_CODE:
        case KH_STORE_ERROR_NOT_FOUND:
        default:
          break;
        }
    }

  return _("The Database Could Not Be Opened");
}

/* The store's messages already say what to do, except for a file that is
 * not a database. */
static char *
error_hint (const GError *error)
{
  if (g_error_matches (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_A_DATABASE))
    return g_strdup (_("Check that Kohtaamo was started with the right database file. Nothing in the file was changed."));

  /* The "no access" page: the real role values, as the administrator
   * types them, each with its name (issue 5, 2.10). */
  if (g_error_matches (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION))
    {
      g_autoptr(GString) hint = g_string_new (NULL);
      g_autofree char *set_role = g_markup_printf_escaped ("<tt>kohtaamo-admin users set-role %s %s</tt>",
                                                           g_get_user_name (),
                                                           /* Translators: the placeholder of a role
                                                            * key in a command, in capitals */
                                                           _("ROLE"));

      /* Translators: %s is a command, "kohtaamo-admin users set-role ACCOUNT ROLE" */
      g_string_append_printf (hint, _("For an account that is already a user, the command is %s. The roles are:"),
                              set_role);
      for (KhRole role = KH_ROLE_FIRST; role <= KH_ROLE_LAST; role++)
        {
          g_autofree char *line = g_markup_printf_escaped ("\n<tt>%s</tt> — %s", kh_role_key (role),
                                                           kh_role_label (role));

          g_string_append (hint, line);
        }
      return g_string_free (g_steal_pointer (&hint), FALSE);
    }

  return NULL;
}

static GtkWidget *
new_pill_button (const char *label,
                 const char *action,
                 const char *style)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_add_css_class (button, "pill");
  if (style != NULL)
    gtk_widget_add_css_class (button, style);
  kh_accessible_fix_mnemonics (button);
  return button;
}

/* The pages that say why the database is not open, or ask who administers
 * it: most starts show neither, and the two were some 6 million
 * instructions of the work before the first frame. */
static void
ensure_status_pages (KhWindow *self)
{
  GtkWidget *box;
  GtkWidget *button;

  if (self->error_page != NULL)
    return;

  self->error_page = ADW_STATUS_PAGE (adw_status_page_new ());
  button = new_pill_button (_("_Try Again"), "win.retry", NULL);
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  adw_status_page_set_child (self->error_page, button);
  gtk_stack_add_named (self->main_stack, GTK_WIDGET (self->error_page), "error");

  self->setup_page = ADW_STATUS_PAGE (adw_status_page_new ());
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  self->claim_button = new_pill_button (_("_Make Me the Administrator"), "win.claim-administration",
                                        "suggested-action");
  gtk_box_append (GTK_BOX (box), self->claim_button);
  gtk_box_append (GTK_BOX (box), new_pill_button (_("_Not Me"), "win.decline-administration", NULL));
  adw_status_page_set_child (self->setup_page, box);
  gtk_stack_add_named (self->main_stack, GTK_WIDGET (self->setup_page), "setup");
}

static void
show_error (KhWindow     *self,
            const GError *error)
{
  g_autofree char *message = g_markup_escape_text (error->message, -1);
  g_autofree char *path = g_markup_escape_text (kh_store_get_display_path (self->store), -1);
  g_autofree char *hint = error_hint (error);
  g_autoptr(GString) description = g_string_new (message);

  if (hint != NULL)
    g_string_append_printf (description, "\n\n%s", hint);
  /* Where it is, unless the store's message says so already. */
  if (strstr (error->message, kh_store_get_display_path (self->store)) == NULL)
    g_string_append_printf (description, "\n\n<small>%s</small>", path);

  ensure_status_pages (self);
  /* Set only here: the page's large icon is loaded with the window, shown
   * or not, and loading it (the SVG loader with it) cost the first frame
   * some 15 ms and 8 MiB. This page is seldom shown. */
  adw_status_page_set_icon_name (self->error_page, "dialog-warning-symbolic");
  adw_status_page_set_title (self->error_page, error_title (error));
  adw_status_page_set_description (self->error_page, description->str);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
}

static void
toast_cb (GtkWidget *page,
          AdwToast  *toast,
          KhWindow  *self)
{
  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (toast));
}

static void ensure_views (KhWindow *self);

static void
open_client_cb (GtkWidget *page,
                gint64     client_id,
                KhWindow  *self)
{
  ensure_views (self);
  adw_view_stack_set_visible_child_name (self->view_stack, "clients");
  kh_clients_page_show_client (KH_CLIENTS_PAGE (self->clients_page), client_id);
}

static void
visible_view_changed_cb (KhWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);
  GtkWidget *child = adw_view_stack_get_visible_child (self->view_stack);

  /* Switched to before it was made (in the first frame's time). */
  if (child != NULL && (child == self->clients_stand_in || child == self->log_stand_in
                        || child == self->caseload_stand_in || child == self->meetings_stand_in))
    {
      g_autofree char *wanted = g_strdup (name);

      ensure_views (self);
      adw_view_stack_set_visible_child_name (self->view_stack, wanted);
      return;
    }

  if (name != NULL && self->settings != NULL)
    g_settings_set_string (self->settings, "last-view", name);
}

static GtkWidget *
make_user_box (KhUser *user)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (user->display_name ? user->display_name : user->account);
  GtkWidget *role = gtk_label_new (kh_role_label (user->role));

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_xalign (GTK_LABEL (role), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (name, "heading");
  gtk_widget_add_css_class (role, "dim-label");
  gtk_widget_add_css_class (role, "caption");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), role);

  return box;
}

/* Adds Cases and Meetings (for those who work cases), People (and the
 * Access log) with `caseload`, `meetings`, `clients` and `log` as their
 * pages. */
static void
add_other_views (KhWindow  *self,
                 GtkWidget *caseload,
                 GtkWidget *meetings,
                 GtkWidget *clients,
                 GtkWidget *log)
{
  AdwViewStackPage *page;

  if (caseload != NULL)
    {
      /* Translators: the name of the social worker's view of their own
       * cases and their team's queue (the caseload), in the view switcher */
      page = adw_view_stack_add_titled (self->view_stack, caseload, "caseload", C_("view", "Cases"));
      adw_view_stack_page_set_icon_name (page, "view-list-bullet-symbolic");
    }
  if (meetings != NULL)
    {
      /* Translators: the name of the worker's week of meetings with
       * clients, in the view switcher */
      page = adw_view_stack_add_titled (self->view_stack, meetings, "meetings", C_("view", "Meetings"));
      adw_view_stack_page_set_icon_name (page, "x-office-calendar-symbolic");
    }
  page = adw_view_stack_add_titled (self->view_stack, clients, "clients", _("People"));
  adw_view_stack_page_set_icon_name (page, "system-users-symbolic");
  if (log != NULL)
    {
      page = adw_view_stack_add_titled (self->view_stack, log, "log", _("Access Log"));
      adw_view_stack_page_set_icon_name (page, "document-open-recent-symbolic");
    }
}

static void
stop_waiting_for_views (KhWindow *self)
{
  g_clear_handle_id (&self->views_id, g_source_remove);
  if (self->views_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->views_tick_id);
  self->views_tick_id = 0;
}

/* Makes People and the Access log in place of their stand-ins. Their
 * titles and icons were there already: the view switcher stays as it was. */
static void
ensure_views (KhWindow *self)
{
  if (self->clients_page != NULL || self->reception_page == NULL)
    return;

  stop_waiting_for_views (self);
  self->clients_page = kh_clients_page_new (self->store);
  g_signal_connect_object (self->clients_page, "toast", G_CALLBACK (toast_cb), self, 0);
  /* Only the lead social worker and the administrator may read the log:
   * for everyone else the view does not exist. */
  if (self->can_read_log)
    self->log_page = kh_access_log_page_new (self->store);
  if (self->works_cases)
    {
      self->caseload_page = kh_caseload_page_new (self->store);
      g_signal_connect_object (self->caseload_page, "toast", G_CALLBACK (toast_cb), self, 0);
      g_signal_connect_object (self->caseload_page, "open-client", G_CALLBACK (open_client_cb), self, 0);
      self->meetings_page = kh_week_page_new (self->store);
      g_signal_connect_object (self->meetings_page, "toast", G_CALLBACK (toast_cb), self, 0);
    }

  if (self->clients_stand_in != NULL)
    adw_view_stack_remove (self->view_stack, g_steal_pointer (&self->clients_stand_in));
  if (self->log_stand_in != NULL)
    adw_view_stack_remove (self->view_stack, g_steal_pointer (&self->log_stand_in));
  if (self->caseload_stand_in != NULL)
    adw_view_stack_remove (self->view_stack, g_steal_pointer (&self->caseload_stand_in));
  if (self->meetings_stand_in != NULL)
    adw_view_stack_remove (self->view_stack, g_steal_pointer (&self->meetings_stand_in));
  add_other_views (self, self->caseload_page, self->meetings_page, self->clients_page, self->log_page);
}

static gboolean
views_idle_cb (gpointer user_data)
{
  KhWindow *self = user_data;

  self->views_id = 0;
  ensure_views (self);
  return G_SOURCE_REMOVE;
}

/* The first frame has begun: the idle runs once it is painted. */
static gboolean
views_tick_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       user_data)
{
  KhWindow *self = KH_WINDOW (widget);

  self->views_tick_id = 0;
  if (self->clients_page == NULL && self->views_id == 0)
    self->views_id = g_idle_add (views_idle_cb, self);
  return G_SOURCE_REMOVE;
}

static void
lists_read_cb (KhWindow *self)
{
  self->reading_ahead = FALSE;
  g_signal_handlers_disconnect_by_func (self->reception_page, lists_read_cb, self);
}

/* The bar at the bottom is revealed only in a narrow window, when the
 * title has no room for its switcher: its buttons are made then, not for
 * every start (about 1 % of the work before the first frame). */
static void
narrow_cb (KhWindow *self)
{
  if (adw_view_switcher_title_get_title_visible (self->switcher_title)
      && adw_view_switcher_title_get_view_switcher_enabled (self->switcher_title)
      && adw_view_switcher_bar_get_stack (self->switcher_bar) == NULL)
    adw_view_switcher_bar_set_stack (self->switcher_bar, self->view_stack);
}

static void
show_content (KhWindow *self,
              KhUser   *user)
{
  AdwViewStackPage *page;
  g_autofree char *last_view = NULL;
  GtkPopover *popover;

  /* An AdwViewSwitcher makes all its buttons afresh whenever a page is
   * added: the three switchers (wide and narrow in the title, and the
   * bar) follow the stack once its pages are in, and make each button
   * once. */
  adw_view_switcher_title_set_stack (self->switcher_title, NULL);
  adw_view_switcher_bar_set_stack (self->switcher_bar, NULL);

  self->reception_page = kh_reception_page_new (self->store);
  page = adw_view_stack_add_titled (self->view_stack, self->reception_page,
                                    "reception", _("Reception"));
  adw_view_stack_page_set_icon_name (page, "document-edit-symbolic");
  g_signal_connect_object (self->reception_page, "toast", G_CALLBACK (toast_cb), self, 0);
  g_signal_connect_object (self->reception_page, "open-client", G_CALLBACK (open_client_cb), self, 0);
  self->can_read_log = kh_user_can_read_access_log (user);
  self->works_cases = kh_role_works_cases (user->role);

  g_clear_object (&self->user_box);
  self->user_box = g_object_ref_sink (make_user_box (user));
  popover = gtk_menu_button_get_popover (self->menu_button);
  if (GTK_IS_POPOVER_MENU (popover))
    gtk_popover_menu_add_child (GTK_POPOVER_MENU (popover), self->user_box, "user");

  /* Benchmark runs always measure the reception view. */
  if (self->settings != NULL && !kh_bench_hooks_first_frame_enabled ())
    last_view = g_settings_get_string (self->settings, "last-view");
  if (g_strcmp0 (last_view, "clients") == 0 || (g_strcmp0 (last_view, "log") == 0 && self->can_read_log)
      || ((g_strcmp0 (last_view, "caseload") == 0 || g_strcmp0 (last_view, "meetings") == 0)
          && self->works_cases))
    {
      ensure_views (self);
      adw_view_stack_set_visible_child_name (self->view_stack, last_view);
    }
  else
    {
      /* In front is Reception: the other views are a fifth of the work
       * before the first frame, and nobody sees them in it. Their stand-ins
       * give the switcher its buttons until they are made, just after. */
      self->clients_stand_in = adw_bin_new ();
      self->log_stand_in = self->can_read_log ? adw_bin_new () : NULL;
      self->caseload_stand_in = self->works_cases ? adw_bin_new () : NULL;
      self->meetings_stand_in = self->works_cases ? adw_bin_new () : NULL;
      add_other_views (self, self->caseload_stand_in, self->meetings_stand_in, self->clients_stand_in,
                       self->log_stand_in);
      adw_view_stack_set_visible_child_name (self->view_stack, "reception");
      self->views_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), views_tick_cb, NULL, NULL);
    }
  g_signal_connect_object (self->view_stack, "notify::visible-child-name",
                           G_CALLBACK (visible_view_changed_cb), self, G_CONNECT_SWAPPED);

  /* A window that is being shown with its views at once (the store opened
   * while GTK started): the lists are read while the window is realised. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self))
      && adw_view_stack_get_visible_child (self->view_stack) == self->reception_page)
    {
      self->reading_ahead = TRUE;
      g_signal_connect_object (self->reception_page, "lists-shown", G_CALLBACK (lists_read_cb), self,
                               G_CONNECT_SWAPPED);
      kh_reception_page_read_ahead (KH_RECEPTION_PAGE (self->reception_page));
    }

  kh_bench_hooks_watch_first_frame (GTK_WIDGET (self), self->reception_page,
                                    G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));

  adw_view_switcher_title_set_stack (self->switcher_title, self->view_stack);
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, TRUE);
  gtk_stack_set_visible_child_name (self->main_stack, "content");
  narrow_cb (self);
}

/* The unit's name and the database's place, in the header. */
static void
show_location (KhWindow *self)
{
  const char *unit = kh_store_get_state (self->store) == KH_STORE_STATE_READY
                     ? kh_store_get_unit_name (self->store) : NULL;
  const char *path = kh_store_get_display_path (self->store);
  g_autofree char *shown = NULL;
  g_autofree char *tooltip = NULL;

  /* The home folder as "~", as a file manager shows it. */
  if (g_str_has_prefix (path, g_get_home_dir ()) && path[strlen (g_get_home_dir ())] == G_DIR_SEPARATOR)
    shown = g_strconcat ("~", path + strlen (g_get_home_dir ()), NULL);
  else
    shown = g_strdup (path);
  gtk_label_set_text (self->database_label, shown);

  if (unit != NULL)
    {
      gtk_label_set_text (self->unit_label, unit);
      gtk_widget_remove_css_class (GTK_WIDGET (self->unit_label), "dim-label");
      /* Translators: a tooltip: the unit's name, then the database file */
      tooltip = g_strdup_printf (_("%s\nDatabase: %s"), unit, path);
    }
  else
    {
      gtk_label_set_text (self->unit_label, _("Unit name not set"));
      gtk_widget_add_css_class (GTK_WIDGET (self->unit_label), "dim-label");
      /* Translators: a tooltip; %s is the database file */
      tooltip = g_strdup_printf (_("An administrator sets the unit’s name with “kohtaamo-admin settings unit-name NAME”.\nDatabase: %s"),
                                 path);
    }
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->unit_label), tooltip);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->database_label), tooltip);
  /* Nothing to say until the store has answered. */
  gtk_widget_set_visible (GTK_WIDGET (self->unit_label),
                          kh_store_get_state (self->store) == KH_STORE_STATE_READY);
}

/* The first start on a database without users: say so, and ask. */
static void
show_setup (KhWindow *self)
{
  g_autofree char *path = g_markup_escape_text (kh_store_get_display_path (self->store), -1);
  g_autofree char *account = g_markup_escape_text (g_get_user_name (), -1);
  g_autofree char *question = NULL;
  g_autofree char *description = NULL;

  ensure_status_pages (self);
  adw_status_page_set_icon_name (self->setup_page, "dialog-information-symbolic");
  if (kh_store_get_created (self->store))
    adw_status_page_set_title (self->setup_page, _("A New Database Was Created"));
  else
    adw_status_page_set_title (self->setup_page, _("Nobody Administers This Database Yet"));

  /* Translators: %s is the user's operating-system account */
  question = g_strdup_printf (_("Make your account <b>%s</b> its administrator? The administrator adds the other workers and gives them their roles. If this is the wrong database, or someone else will administer it, answer “Not Me”: nothing is changed."),
                              account);
  if (kh_store_get_created (self->store))
    /* Translators: %s is the new database file */
    description = g_strdup_printf (_("Kohtaamo created a new, empty database in <small>%s</small>."), path);
  else
    /* Translators: %s is the database file */
    description = g_strdup_printf (_("The database in <small>%s</small> has no users yet."), path);
  adw_status_page_set_description (self->setup_page, NULL);
  {
    g_autofree char *text = g_strdup_printf ("%s\n\n%s", description, question);

    adw_status_page_set_description (self->setup_page, text);
  }
  gtk_stack_set_visible_child_name (self->main_stack, "setup");
  gtk_widget_grab_focus (self->claim_button);
}

static gboolean
show_spinner_cb (gpointer user_data)
{
  KhWindow *self = user_data;

  self->spinner_id = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), TRUE);
  gtk_spinner_start (self->spinner);
  return G_SOURCE_REMOVE;
}

/* The spinner only when opening takes long enough to notice: a database
 * usually opens before the first frame, and a spinner drawn for nothing
 * costs that frame its icon (the SVG loader, some 8 MiB). */
static void
set_loading (KhWindow *self,
             gboolean  loading)
{
  if (loading)
    {
      gtk_stack_set_visible_child_name (self->main_stack, "loading");
      if (self->spinner_id == 0 && !gtk_widget_get_visible (GTK_WIDGET (self->spinner)))
        self->spinner_id = g_timeout_add (400, show_spinner_cb, self);
      return;
    }
  g_clear_handle_id (&self->spinner_id, g_source_remove);
  gtk_spinner_stop (self->spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
}

/* Renders the store's state (KhStore:state): the only way the window
 * learns how opening went. */
static void
store_state_changed_cb (KhWindow *self)
{
  KhStoreState state = kh_store_get_state (self->store);

  g_debug ("Store state %d, window %s", state, gtk_widget_get_mapped (GTK_WIDGET (self)) ? "shown" : "not shown yet");
  show_location (self);
  set_loading (self, (state == KH_STORE_STATE_CLOSED || state == KH_STORE_STATE_OPENING)
                     && self->reception_page == NULL);
  switch (state)
    {
    case KH_STORE_STATE_CLOSED:
    case KH_STORE_STATE_OPENING:
      break;
    case KH_STORE_STATE_NEEDS_ADMINISTRATOR:
      show_setup (self);
      break;
    case KH_STORE_STATE_FAILED:
      g_message ("Could not open %s: %s", kh_store_get_display_path (self->store),
                 kh_store_get_error (self->store)->message);
      show_error (self, kh_store_get_error (self->store));
      break;
    case KH_STORE_STATE_READY:
      if (self->reception_page == NULL)
        show_content (self, kh_store_get_user (self->store));
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Issue 6, 7: the bar under the header while the server cannot be
 * reached. The forms keep what was typed and say so themselves; the lists
 * keep their rows. */
static void
store_available_changed_cb (KhWindow *self)
{
  gboolean away = !kh_store_get_available (self->store);

  if (away != gtk_revealer_get_reveal_child (self->offline_revealer))
    g_message ("The database server %s", away ? "cannot be reached" : "can be reached again");
  /* Hidden while there is nothing to say: a revealer lays out its bar
   * even when it shows none of it. */
  if (away)
    gtk_widget_set_visible (GTK_WIDGET (self->offline_revealer), TRUE);
  gtk_revealer_set_reveal_child (self->offline_revealer, away);
  gtk_widget_set_sensitive (self->reconnect_button, away && !self->reconnecting);
}

static void
offline_bar_revealed_cb (KhWindow *self)
{
  if (!gtk_revealer_get_reveal_child (self->offline_revealer)
      && !gtk_revealer_get_child_revealed (self->offline_revealer))
    gtk_widget_set_visible (GTK_WIDGET (self->offline_revealer), FALSE);
}

static void
reconnected_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(KhWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!kh_store_reconnect_finish (KH_STORE (object), result, &error))
    g_debug ("Still no connection: %s", error->message);
  self->reconnecting = FALSE;
  if (KH_STORE (object) == self->store)
    store_available_changed_cb (self);
}

/* "Try Now": connect at once instead of at the next planned attempt. */
static void
reconnect_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KhWindow *self = KH_WINDOW (widget);

  if (self->store == NULL || self->reconnecting || kh_store_get_available (self->store))
    return;
  self->reconnecting = TRUE;
  gtk_widget_set_sensitive (self->reconnect_button, FALSE);
  kh_store_reconnect_async (self->store, NULL, reconnected_cb, g_object_ref (self));
}

/* Shows `store` and follows its state, opening it if nobody has yet. */
static void
bind_store (KhWindow *self,
            KhStore  *store)
{
  if (self->store != NULL)
    {
      g_clear_signal_handler (&self->state_id, self->store);
      g_clear_signal_handler (&self->available_id, self->store);
      g_signal_handlers_disconnect_by_func (self->store, show_location, self);
    }
  g_set_object (&self->store, store);
  self->state_id = g_signal_connect_object (store, "notify::state",
                                            G_CALLBACK (store_state_changed_cb), self,
                                            G_CONNECT_SWAPPED);
  /* Renamed in Preferences: the header follows. */
  g_signal_connect_object (store, "notify::unit-name", G_CALLBACK (show_location), self,
                           G_CONNECT_SWAPPED);
  self->available_id = g_signal_connect_object (store, "notify::available",
                                                G_CALLBACK (store_available_changed_cb), self,
                                                G_CONNECT_SWAPPED);
  kh_store_open (store);
  store_state_changed_cb (self);
  store_available_changed_cb (self);
}

static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  KhWindow *self = KH_WINDOW (widget);
  g_autoptr(KhStore) store = NULL;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "error") != 0)
    return;

  /* A store that failed to open is not reused: start from a fresh one. */
  store = kh_store_new (kh_store_get_path (self->store));
  bind_store (self, store);
}

static void
claimed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(KhUser) user = NULL;
  g_autoptr(GError) error = NULL;

  /* The store's state shows the outcome; this only keeps the log tidy. */
  user = kh_store_claim_administration_finish (KH_STORE (object), result, &error);
  if (user != NULL)
    g_message ("The account “%s” is now the administrator of %s", user->account,
               kh_store_get_display_path (KH_STORE (object)));
}

/* "Make Me the Administrator": the explicit answer the store waits for. */
static void
claim_administration_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  KhWindow *self = KH_WINDOW (widget);

  if (kh_store_get_state (self->store) != KH_STORE_STATE_NEEDS_ADMINISTRATOR)
    return;
  kh_store_claim_administration_async (self->store, self->cancellable, claimed_cb, NULL);
}

/* "Not Me": nothing is written; the window says how to go on. */
static void
decline_administration_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  KhWindow *self = KH_WINDOW (widget);
  g_autofree char *path = NULL;
  g_autofree char *description = NULL;

  if (kh_store_get_state (self->store) != KH_STORE_STATE_NEEDS_ADMINISTRATOR)
    return;

  path = g_markup_escape_text (kh_store_get_display_path (self->store), -1);
  /* Translators: %s is the database file */
  description = g_strdup_printf (_("Nothing was changed. The person who will administer the database sets it up by starting Kohtaamo with it, or with “kohtaamo-admin init”, and then adds the other workers.\n\n<small>%s</small>"),
                                 path);
  ensure_status_pages (self);
  adw_status_page_set_icon_name (self->error_page, "dialog-information-symbolic");
  adw_status_page_set_title (self->error_page, _("Nobody Administers This Database"));
  adw_status_page_set_description (self->error_page, description);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
}

static void
new_contact_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  KhWindow *self = KH_WINDOW (widget);

  if (self->reception_page == NULL)
    return;

  adw_view_stack_set_visible_child_name (self->view_stack, "reception");
  kh_reception_page_new_contact (KH_RECEPTION_PAGE (self->reception_page));
}

static void
find_person_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  KhWindow *self = KH_WINDOW (widget);

  ensure_views (self);
  if (self->clients_page == NULL)
    return;

  adw_view_stack_set_visible_child_name (self->view_stack, "clients");
  kh_clients_page_focus_search (KH_CLIENTS_PAGE (self->clients_page));
}

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  KhWindow *self = KH_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  ensure_views (self);
  if (adw_view_stack_get_child_by_name (self->view_stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, name);
}

static void
save_window_state (KhWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  /* The size to come back to is the unmaximized one. */
  if (!gtk_window_is_maximized (GTK_WINDOW (self)))
    {
      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
}

static gboolean
close_idle_cb (gpointer user_data)
{
  KhWindow *self = user_data;

  if (self->close_confirmed)
    gtk_window_close (GTK_WINDOW (self));

  return G_SOURCE_REMOVE;
}

/* The answer of the reception page: TRUE when the contact may go (it was
 * discarded, or a save that was under way has finished). */
static void
discard_answered_cb (gboolean discard,
                     gpointer user_data)
{
  g_autoptr(KhWindow) self = user_data;

  self->asking_to_close = FALSE;
  if (!discard || gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;

  /* Closed from the main loop: the question may still be answering, and it
   * goes with this window. */
  self->close_confirmed = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT, close_idle_cb, g_object_ref (self), g_object_unref);
}

/* The answer about a case note being written: thrown away, the window
 * closes as asked, once more through the questions (a contact at
 * reception may be next). */
static void
note_answered_cb (gboolean discard,
                  gpointer user_data)
{
  g_autoptr(KhWindow) self = user_data;

  self->asking_to_close = FALSE;
  if (!discard || gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;
  g_idle_add_full (G_PRIORITY_DEFAULT, close_idle_cb, g_object_ref (self), g_object_unref);
}

/* A person's details being edited over this window: the editor asks about
 * its own changes (or waits for its save). Returns TRUE if it is still open. */
static gboolean
close_editors (KhWindow *self)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  g_autoptr(GPtrArray) editors = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean still_open = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (KH_IS_PERSON_EDITOR (window) && gtk_window_get_transient_for (window) == GTK_WINDOW (self))
        g_ptr_array_add (editors, g_object_ref (window));
    }

  for (guint i = 0; i < editors->len; i++)
    {
      GtkWindow *editor = g_ptr_array_index (editors, i);

      gtk_window_close (editor);
      if (!gtk_widget_in_destruction (GTK_WIDGET (editor)) && gtk_widget_get_visible (GTK_WIDGET (editor)))
        {
          gtk_window_present (editor);
          still_open = TRUE;
        }
    }

  return still_open;
}

static gboolean
kh_window_close_request (GtkWindow *window)
{
  KhWindow *self = KH_WINDOW (window);

  /* Closing (the close button, Ctrl+W, Ctrl+Q) never throws away a
   * half-written contact or case note, or a save in progress, without
   * asking, just as Escape and Cancel in the form do not. */
  if (!self->close_confirmed)
    {
      if (close_editors (self))
        return TRUE;

      if (self->asking_to_close)
        return TRUE;

      if (self->clients_page != NULL
          && kh_clients_page_has_unsaved_note (KH_CLIENTS_PAGE (self->clients_page)))
        {
          self->asking_to_close = TRUE;
          adw_view_stack_set_visible_child_name (self->view_stack, "clients");
          gtk_window_present (window);
          kh_clients_page_ask_discard_note (KH_CLIENTS_PAGE (self->clients_page), window,
                                            note_answered_cb, g_object_ref (self));
          return TRUE;
        }

      if (self->reception_page != NULL
          && kh_reception_page_has_unsaved_work (KH_RECEPTION_PAGE (self->reception_page)))
        {
          self->asking_to_close = TRUE;
          adw_view_stack_set_visible_child_name (self->view_stack, "reception");
          gtk_window_present (window);
          kh_reception_page_ask_discard (KH_RECEPTION_PAGE (self->reception_page), window,
                                         discard_answered_cb, g_object_ref (self));
          return TRUE;
        }
    }

  save_window_state (self);
  g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (kh_window_parent_class)->close_request (window);
}

static void
restore_window_state (KhWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (!KH_IS_APPLICATION (app))
    return;

  self->settings = g_object_ref (kh_application_get_settings (KH_APPLICATION (app)));
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
kh_window_dispose (GObject *object)
{
  KhWindow *self = KH_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  stop_waiting_for_views (self);
  g_clear_handle_id (&self->spinner_id, g_source_remove);
  if (self->store != NULL)
    {
      g_clear_signal_handler (&self->state_id, self->store);
      g_clear_signal_handler (&self->available_id, self->store);
    }

  /* libadwaita 1.2 lets a switcher touch the pages of a stack that has
   * already been disposed: let go of the stack first. */
  if (self->switcher_bar != NULL)
    adw_view_switcher_bar_set_stack (self->switcher_bar, NULL);
  if (self->switcher_title != NULL)
    adw_view_switcher_title_set_stack (self->switcher_title, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), KH_TYPE_WINDOW);

  self->error_page = NULL;
  self->setup_page = NULL;
  self->claim_button = NULL;
  self->reception_page = NULL;
  self->clients_page = NULL;
  self->log_page = NULL;
  self->clients_stand_in = NULL;
  self->log_stand_in = NULL;
  self->caseload_page = NULL;
  self->caseload_stand_in = NULL;
  self->meetings_page = NULL;
  self->meetings_stand_in = NULL;
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->user_box);

  G_OBJECT_CLASS (kh_window_parent_class)->dispose (object);
}

static void
kh_window_class_init (KhWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = kh_window_dispose;
  window_class->close_request = kh_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/app/kh-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KhWindow, database_label);
  gtk_widget_class_bind_template_child (widget_class, KhWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, KhWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, KhWindow, offline_bar);
  gtk_widget_class_bind_template_child (widget_class, KhWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, KhWindow, offline_label);
  gtk_widget_class_bind_template_child (widget_class, KhWindow, offline_revealer);
  gtk_widget_class_bind_template_callback (widget_class, offline_bar_revealed_cb);
  gtk_widget_class_bind_template_child (widget_class, KhWindow, reconnect_button);
  gtk_widget_class_bind_template_child (widget_class, KhWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, KhWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, KhWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, KhWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KhWindow, unit_label);
  gtk_widget_class_bind_template_child (widget_class, KhWindow, view_stack);

  gtk_widget_class_install_action (widget_class, "win.retry", NULL, retry_action);
  gtk_widget_class_install_action (widget_class, "win.reconnect", NULL, reconnect_action);
  gtk_widget_class_install_action (widget_class, "win.claim-administration", NULL, claim_administration_action);
  gtk_widget_class_install_action (widget_class, "win.decline-administration", NULL, decline_administration_action);
  gtk_widget_class_install_action (widget_class, "win.new-contact", NULL, new_contact_action);
  gtk_widget_class_install_action (widget_class, "win.find-person", NULL, find_person_action);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK,
                                       "win.show-view", "s", "reception");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK,
                                       "win.show-view", "s", "clients");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK,
                                       "win.show-view", "s", "log");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK,
                                       "win.show-view", "s", "caseload");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_5, GDK_ALT_MASK,
                                       "win.show-view", "s", "meetings");
}

/* The main menu is made when it first opens (by click or F10), not with
 * the window: its popover is 3.6 million instructions of the work before
 * the first frame, for a menu nobody sees in it. */
static void
create_menu_cb (GtkMenuButton *button,
                gpointer       user_data)
{
  KhWindow *self = user_data;
  GtkPopover *popover;

  if (gtk_menu_button_get_popover (button) != NULL)
    return;
  gtk_menu_button_set_menu_model (button, self->primary_menu);
  popover = gtk_menu_button_get_popover (button);
  if (self->user_box != NULL && GTK_IS_POPOVER_MENU (popover))
    gtk_popover_menu_add_child (GTK_POPOVER_MENU (popover), self->user_box, "user");
}

static void
kh_window_init (KhWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  kh_accessible_fix_mnemonics (GTK_WIDGET (self));
  /* The same words as its tooltip. */
  kh_accessible_name_menu_button (self->menu_button, _("Main Menu"));
  gtk_menu_button_set_create_popup_func (self->menu_button, create_menu_cb, self, NULL);
  g_signal_connect_object (self->switcher_title, "notify::title-visible", G_CALLBACK (narrow_cb), self,
                           G_CONNECT_SWAPPED);

  self->cancellable = g_cancellable_new ();
}

GtkWidget *
kh_window_get_reading_page (KhWindow *self)
{
  g_return_val_if_fail (KH_IS_WINDOW (self), NULL);

  return self->reading_ahead ? self->reception_page : NULL;
}

/**
 * kh_window_new:
 *
 * A window that shows @store as its state says (see #KhStore:state),
 * opening it if nobody has begun to. The application begins to open the
 * first store before GTK is initialised, so that the two overlap.
 */
KhWindow *
kh_window_new (KhApplication *application,
               KhStore       *store)
{
  KhWindow *self;

  g_return_val_if_fail (KH_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (KH_IS_STORE (store), NULL);

  self = g_object_new (KH_TYPE_WINDOW,
                       "application", application,
                       NULL);
  restore_window_state (self);
  bind_store (self, store);

  return self;
}

KhStore *
kh_window_get_store (KhWindow *self)
{
  g_return_val_if_fail (KH_IS_WINDOW (self), NULL);

  return self->store;
}

const char *
kh_window_get_state (KhWindow *self)
{
  g_return_val_if_fail (KH_IS_WINDOW (self), NULL);

  /* The views are all there only just after the first frame. */
  if (self->clients_stand_in != NULL)
    return "loading";
  return gtk_stack_get_visible_child_name (self->main_stack);
}

void
kh_window_add_toast (KhWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (KH_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
