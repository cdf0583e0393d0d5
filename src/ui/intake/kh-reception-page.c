/* kh-reception-page.c — the reception view: today's contacts, the queue, the form
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kohtaamo-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kh-text.h"
#include "ui/common/kh-field-message.h"
#include "ui/common/kh-list-factory.h"
#include "ui/common/kh-store-property.h"

#include "kh-contact-window.h"
#include "kh-filter-button.h"
#include "kh-reception-page.h"
#include "kh-work-list-model.h"
#include "kh-work-list-cell.h"
#include "ui/common/kh-accessible.h"

struct _KhReceptionPage
{
  AdwBin parent_instance;

  /* template widgets */
  KhFilterButton  *channel_filter;
  GtkLabel        *contacts_count;
  GtkStack        *contacts_stack;
  GtkListView     *contacts_view;
  GtkLabel        *date_label;
  GtkButton       *new_contact_button;
  KhFilterButton  *outcome_filter;
  GtkLabel        *queue_count;
  GtkStack        *queue_stack;
  GtkListView     *queue_view;
  GtkStack        *stack;
  KhFilterButton  *team_filter;
  KhFilterButton  *worker_filter;

  /* owned */
  KhStore         *store;
  KhWorkListModel *contacts;
  KhWorkListModel *queue;
  GCancellable    *cancellable;
  GArray          *worker_ids;     /* gint64, by the worker filter's positions */
  GArray          *team_ids;       /* gint64, by the team filter's positions */
  guint            refresh_id;     /* an idle that refreshes once */
  guint            reads_left;     /* first pages of this refresh still to come */
  guint            form_id;        /* an idle that makes the form */
  GdkFrameClock   *clock;          /* while mapped: after each paint, read the rows on screen */
  gulong           painted_id;
  char            *showing_day;    /* ISO: the day the showing began (today's list is that day's) */

  /* borrowed (a child of the stack); made when first needed, or when the
   * lists are shown and nothing else is to be done (see prepare_form) */
  KhIntakeForm *form;

  /* The "Contact saved" toast while it is up (issue 5, 2.1: Ctrl+Z undoes). */
  AdwToast     *undo_toast;

  guint         disposed : 1;   /* an undo may finish after dispose */
  guint         refresh_pending : 1;  /* asked while the lists were not shown */
  guint         read_ahead : 1;       /* read before the first map: it needs none */
  guint         workers_read : 1;     /* the worker filter has its choices */
  guint         teams_read : 1;       /* the team filter has its choices for this showing */
  guint         teams_setting : 1;    /* the team filter is being filled, not chosen */
  guint         showing : 1;          /* the lists have been on screen since their showing began */
  guint         afresh : 1;           /* the refresh asked is a new showing (not a store change) */
};

G_DEFINE_FINAL_TYPE (KhReceptionPage, kh_reception_page, ADW_TYPE_BIN)

enum {
  TOAST,
  OPEN_CLIENT,
  LISTS_SHOWN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Empty list items GtkListView may make in one frame as the lists grow. */
#define ROWS_PER_FRAME 25

static GtkWidget *
new_placeholder (const char *icon_name,
                 const char *text,
                 const char *hint)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *image = gtk_image_new_from_icon_name (icon_name);
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_image_set_pixel_size (GTK_IMAGE (image), 48);
  gtk_widget_add_css_class (image, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_box_append (GTK_BOX (texts), label);
  if (hint != NULL)
    {
      GtkWidget *hint_label = gtk_label_new (hint);

      gtk_label_set_wrap (GTK_LABEL (hint_label), TRUE);
      gtk_label_set_justify (GTK_LABEL (hint_label), GTK_JUSTIFY_CENTER);
      gtk_widget_add_css_class (hint_label, "dim-label");
      gtk_widget_add_css_class (hint_label, "caption");
      gtk_box_append (GTK_BOX (texts), hint_label);
    }
  return box;
}

static void
try_again_clicked_cb (GtkButton       *button,
                      KhReceptionPage *self)
{
  kh_reception_page_refresh (self);
}

/* A list that could not be read says so in its place, with a way to try
 * again: an empty list would claim that nobody is there. */
static GtkWidget *
new_error_page (KhReceptionPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *title = gtk_label_new (_("Could not load the list"));
  GtkWidget *message = gtk_label_new (NULL);
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Try Again"));

  gtk_widget_set_name (box, "kh-list-error");
  kh_accessible_fix_mnemonics (button);
  gtk_widget_set_valign (box, GTK_ALIGN_START);
  gtk_widget_add_css_class (box, "card");
  gtk_widget_set_margin_top (box, 2);
  gtk_widget_add_css_class (icon, "warning");
  gtk_widget_set_margin_start (icon, 12);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_widget_set_margin_top (texts, 8);
  gtk_widget_set_margin_bottom (texts, 8);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_xalign (GTK_LABEL (message), 0);
  gtk_label_set_wrap (GTK_LABEL (message), TRUE);
  gtk_widget_add_css_class (message, "caption");
  gtk_widget_add_css_class (message, "dim-label");
  gtk_widget_set_name (message, "kh-list-error-message");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_end (button, 12);
  g_signal_connect_object (button, "clicked", G_CALLBACK (try_again_clicked_cb), self, 0);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), message);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_box_append (GTK_BOX (box), button);
  return box;
}

/* A list's other pages (nobody yet, nobody matching, could not be read)
 * are made when first shown: most days the first frame shows neither. */
static void
show_page (KhReceptionPage *self,
           GtkStack        *stack,
           const char      *name)
{
  GtkWidget *page = NULL;

  if (gtk_stack_get_child_by_name (stack, name) == NULL)
    {
      if (g_str_equal (name, "error"))
        page = new_error_page (self);
      else if (g_str_equal (name, "no-match"))
        page = new_placeholder ("edit-find-symbolic", _("No contacts today match the filters"), NULL);
      else if (stack == self->contacts_stack)
        page = new_placeholder ("x-office-address-book-symbolic", _("No contacts yet today"),
                                _("Start one with New Contact or Ctrl+N"));
      else
        page = new_placeholder ("checkbox-checked-symbolic", _("No cases waiting for a worker"), NULL);
      gtk_stack_add_named (stack, page, name);
    }
  gtk_stack_set_visible_child_name (stack, name);
}

static void
show_list_error (KhReceptionPage *self,
                 GtkStack        *stack,
                 GtkLabel        *count,
                 const GError    *error)
{
  GtkWidget *page;
  GtkWidget *texts;

  /* Issue 6, 7: while the server cannot be reached (the window says so),
   * a list keeps the rows it showed, its heading too; it is read again
   * when the server is back (the store's "changed"). A list never read
   * (no heading yet) says why it is not there. */
  if (g_error_matches (error, KH_STORE_ERROR, KH_STORE_ERROR_UNAVAILABLE)
      && g_strcmp0 (gtk_stack_get_visible_child_name (stack), "error") != 0
      && *gtk_label_get_text (count) != '\0')
    return;

  show_page (self, stack, "error");
  page = gtk_stack_get_child_by_name (stack, "error");
  texts = gtk_widget_get_prev_sibling (gtk_widget_get_last_child (page));
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (texts)), error->message);
  gtk_label_set_text (count, "");
}

static void ensure_form (KhReceptionPage *self);

static gboolean
form_idle_cb (gpointer user_data)
{
  KhReceptionPage *self = user_data;

  self->form_id = 0;
  ensure_form (self);
  return G_SOURCE_REMOVE;
}

/* The form is the biggest part of the page (a quarter of the window's
 * start-up when it was made with the page): it is made when nothing else
 * waits (after the frame with the lists, which has a higher priority), so
 * that Ctrl+N still finds it ready. */
static void
prepare_form (KhReceptionPage *self)
{
  if (self->form == NULL && self->form_id == 0)
    self->form_id = g_idle_add_full (G_PRIORITY_LOW, form_idle_cb, self, NULL);
}

static void
users_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(KhReceptionPage) self = user_data;
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GError) error = NULL;
  GtkStringList *names;

  users = kh_store_list_users_finish (KH_STORE (object), result, &error);
  if (self->disposed || users == NULL)
    {
      /* The filter keeps its "Anyone": the list itself is not at stake. */
      if (users == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not list the workers: %s", error->message);
      return;
    }
  names = GTK_STRING_LIST (kh_filter_button_get_model (self->worker_filter));
  for (guint i = 0; i < users->len; i++)
    {
      KhUser *user = g_ptr_array_index (users, i);

      gtk_string_list_append (names, user->display_name != NULL ? user->display_name : user->account);
      g_array_append_val (self->worker_ids, user->id);
    }
}

/* Issue 5, 2.9: the queue per team. The filter offers every team (one
 * deactivated still has the cases that wait in it), and is shown when
 * the unit has more than one or the queue shown is one team's. */
static void
teams_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(KhReceptionPage) self = user_data;
  g_autoptr(GPtrArray) teams = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) names = NULL;
  gint64 chosen, every = 0;
  guint selected = 0;

  teams = kh_store_list_teams_finish (KH_STORE (object), result, &error);
  if (self->disposed || teams == NULL)
    {
      /* The queue stays whole: nothing is hidden by a filter not there;
       * the next showing asks again (the server may be away, issue 6, 7). */
      if (teams == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Could not list the teams: %s", error->message);
      return;
    }
  chosen = kh_work_list_model_get_team (self->queue);
  names = gtk_string_list_new (NULL);
  gtk_string_list_append (names, _("All teams"));
  g_array_set_size (self->team_ids, 0);
  g_array_append_val (self->team_ids, every);
  for (guint i = 0; i < teams->len; i++)
    {
      KhTeam *team = g_ptr_array_index (teams, i);

      gtk_string_list_append (names, team->name);
      g_array_append_val (self->team_ids, team->id);
      if (team->id == chosen)
        selected = i + 1;
    }
  self->teams_setting = TRUE;
  kh_filter_button_set_model (self->team_filter, G_LIST_MODEL (names));
  kh_filter_button_set_selected (self->team_filter, selected);
  self->teams_setting = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->team_filter), teams->len > 1 || selected != 0);
  /* A unit of one team: its name in every row would say nothing. */
  kh_work_list_model_set_teams_named (self->queue, teams->len > 1);
  if (selected == 0 && chosen != 0)
    kh_work_list_model_set_team (self->queue, 0);
}

static void
team_filter_changed_cb (KhReceptionPage *self)
{
  guint i = kh_filter_button_get_selected (self->team_filter);

  if (self->disposed || self->teams_setting)
    return;
  kh_work_list_model_set_team (self->queue,
                               i == GTK_INVALID_LIST_POSITION || i >= self->team_ids->len
                               ? 0 : g_array_index (self->team_ids, gint64, i));
}

/* Issue 5, 2.9: the queue a worker looks at first is their own team's,
 * from the first page on (nobody of another team is shown, and logged, on
 * the way); a user in no team (reception, usually) sees every team's. The
 * filter names the team until the teams are read; a choice made by hand
 * then stays for the session, as the queue keeps it. */
static void
show_own_team (KhReceptionPage *self)
{
  KhUser *me = kh_store_get_user (self->store);

  if (me == NULL || me->team_id == 0 || me->team_name == NULL)
    return;
  gtk_string_list_append (GTK_STRING_LIST (kh_filter_button_get_model (self->team_filter)),
                          me->team_name);
  g_array_append_val (self->team_ids, me->team_id);
  self->teams_setting = TRUE;
  kh_filter_button_set_selected (self->team_filter, self->team_ids->len - 1);
  self->teams_setting = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->team_filter), TRUE);
  kh_work_list_model_set_team (self->queue, me->team_id);
}

/* The worker filter's names: read once, after the lists' first pages; the
 * teams with each new showing (an administrator may have added one). */
static void
read_workers (KhReceptionPage *self)
{
  if (!self->teams_read)
    {
      self->teams_read = TRUE;
      kh_store_list_teams_async (self->store, TRUE, self->cancellable, teams_done_cb,
                                 g_object_ref (self));
    }
  if (self->workers_read)
    return;
  self->workers_read = TRUE;
  kh_store_list_users_async (self->store, self->cancellable, users_done_cb, g_object_ref (self));
}

/* One of the two lists of a refresh has its first page in place. */
static void
list_read_done (KhReceptionPage *self)
{
  if (self->reads_left > 0 && --self->reads_left == 0)
    {
      prepare_form (self);
      read_workers (self);
      g_signal_emit (self, signals[LISTS_SHOWN], 0);
    }
}

static void
contacts_loaded_cb (KhWorkListModel *model,
                    const GError    *error,
                    KhReceptionPage *self)
{
  guint n = kh_work_list_model_get_total (model);

  /* After a refresh, the rows on screen of pages not read again are
   * read after the next frame (painted_cb). */
  gtk_widget_queue_draw (GTK_WIDGET (self->contacts_view));
  if (error != NULL)
    show_list_error (self, self->contacts_stack, self->contacts_count, error);
  else
    {
      g_autofree char *count = NULL;

      if (n == 0 && kh_work_list_model_has_filter (model))
        show_page (self, self->contacts_stack, "no-match");
      else
        show_page (self, self->contacts_stack, n > 0 ? "list" : "empty");
      if (kh_work_list_model_has_filter (model))
        /* Translators: how many of today's contacts pass the filters */
        count = g_strdup_printf (ngettext ("%'u contact matches", "%'u contacts match", n), n);
      else
        /* Translators: how many contacts came in today */
        count = g_strdup_printf (ngettext ("%'u contact", "%'u contacts", n), n);
      gtk_label_set_text (self->contacts_count, count);
    }
  list_read_done (self);
}

static void
queue_loaded_cb (KhWorkListModel *model,
                 const GError    *error,
                 KhReceptionPage *self)
{
  guint n = kh_work_list_model_get_total (model);
  guint urgent = kh_work_list_model_get_urgent (model);

  gtk_widget_queue_draw (GTK_WIDGET (self->queue_view));
  if (error != NULL)
    show_list_error (self, self->queue_stack, self->queue_count, error);
  else
    {
      g_autofree char *waiting = NULL;
      g_autofree char *urgent_text = NULL;
      g_autofree char *count = NULL;

      show_page (self, self->queue_stack, n > 0 ? "list" : "empty");
      /* Issue 5 1.1: the heading always says how many urgent cases wait. */
      /* Translators: how many opened cases wait for a worker */
      waiting = g_strdup_printf (ngettext ("%'u waiting", "%'u waiting", n), n);
      if (urgent == 0)
        urgent_text = g_strdup (_("none urgent"));
      else
        /* Translators: how many of the waiting cases are urgent (SHL 36 §);
         * they come first in the list */
        urgent_text = g_strdup_printf (ngettext ("%'u urgent, shown first",
                                                 "%'u urgent, shown first", urgent),
                                       urgent);
      /* Translators: "12 waiting · 2 urgent, shown first" */
      count = g_strdup_printf (C_("queue heading", "%s · %s"), waiting, urgent_text);
      gtk_label_set_text (self->queue_count, count);
    }
  list_read_done (self);
}

static void
contact_window_open_client_cb (GtkWidget       *window,
                               gint64           client_id,
                               KhReceptionPage *self)
{
  if (!self->disposed)
    g_signal_emit (self, signals[OPEN_CLIENT], 0, client_id);
}

/* Issue 5 2.1: a row opens its contact (a queue row the contact that opened
 * the case), with its history and "Correct…"; the person's page is one
 * button further. */
static void
view_activated_cb (GtkListView     *view,
                   guint            position,
                   KhReceptionPage *self)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (view));
  g_autoptr(KhWorkListItem) item = g_list_model_get_item (model, position);
  GObject *record = item != NULL ? kh_work_list_item_get_record (item) : NULL;
  gint64 contact_id = 0;
  GtkWidget *window;

  if (KH_IS_CONTACT (record))
    contact_id = KH_CONTACT (record)->id;
  else if (KH_IS_CASE (record))
    contact_id = KH_CASE (record)->contact_id;
  if (contact_id <= 0)
    return;
  window = kh_contact_window_new (self->store, contact_id,
                                  GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  g_signal_connect_object (window, "open-client", G_CALLBACK (contact_window_open_client_cb),
                           self, 0);
  gtk_window_present (GTK_WINDOW (window));
}

/* Issue 5 2.9: today's list by channel, outcome and worker; the store
 * filters (the rows left out are not read, so not logged). */
static void
filter_changed_cb (KhReceptionPage *self)
{
  guint channel = kh_filter_button_get_selected (self->channel_filter);
  guint outcome = kh_filter_button_get_selected (self->outcome_filter);
  guint worker = kh_filter_button_get_selected (self->worker_filter);

  if (self->disposed)
    return;
  kh_work_list_model_set_filter (self->contacts,
                                 channel == 0 || channel == GTK_INVALID_LIST_POSITION
                                 ? 0 : (KhChannel) (KH_CHANNEL_FIRST + channel - 1),
                                 outcome == 0 || outcome == GTK_INVALID_LIST_POSITION
                                 ? 0 : (KhOutcome) (KH_OUTCOME_FIRST + outcome - 1),
                                 worker == GTK_INVALID_LIST_POSITION || worker >= self->worker_ids->len
                                 ? 0 : g_array_index (self->worker_ids, gint64, worker));
}

/* Reads the pages of the rows on screen that are not read yet. GtkListView
 * makes rows for a couple of hundred items around those on screen; only
 * the ones the receptionist can see are read, and so logged. */
static void
read_rows_on_screen (GtkListView     *view,
                     KhWorkListModel *model)
{
  GtkWidget *scroller = gtk_widget_get_parent (GTK_WIDGET (view));
  int height = gtk_widget_get_height (scroller);

  if (!gtk_widget_get_mapped (GTK_WIDGET (view)))
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *cell = gtk_widget_get_first_child (child);
      KhWorkListItem *item;
      graphene_rect_t bounds;

      if (!KH_IS_WORK_LIST_CELL (cell) || !gtk_widget_get_child_visible (child))
        continue;
      item = kh_work_list_cell_get_item (KH_WORK_LIST_CELL (cell));
      /* Read rows too: after a refresh their page is read again (the
       * model knows which pages are fresh). */
      if (item == NULL)
        continue;
      if (!gtk_widget_compute_bounds (child, scroller, &bounds))
        continue;
      if (bounds.origin.y + bounds.size.height <= 0 || bounds.origin.y >= height)
        continue;
      kh_work_list_model_read_item (model, item);
    }
}

/* After each frame: read what came on screen, and let the lists grow to
 * their whole length a step per frame (see kh_work_list_model_grow). */
static void
painted_cb (GdkFrameClock   *clock,
            KhReceptionPage *self)
{
  read_rows_on_screen (self->contacts_view, self->contacts);
  read_rows_on_screen (self->queue_view, self->queue);
  kh_work_list_model_grow (self->contacts, ROWS_PER_FRAME);
  kh_work_list_model_grow (self->queue, ROWS_PER_FRAME);
}

static void
stop_watching_paint (KhReceptionPage *self)
{
  /* A clock whose surface went away has dropped its handlers already. */
  if (self->clock != NULL && self->painted_id != 0
      && g_signal_handler_is_connected (self->clock, self->painted_id))
    g_signal_handler_disconnect (self->clock, self->painted_id);
  self->painted_id = 0;
  g_clear_object (&self->clock);
}

static void
watch_paint_cb (KhReceptionPage *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  stop_watching_paint (self);
  if (clock == NULL)
    return;
  self->clock = g_object_ref (clock);
  self->painted_id = g_signal_connect (clock, "after-paint", G_CALLBACK (painted_cb), self);
}

static void
setup_filters (KhReceptionPage *self)
{
  g_autoptr(GtkStringList) channels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) outcomes = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) workers = gtk_string_list_new (NULL);
  gint64 anyone = 0;

  gtk_string_list_append (channels, _("All channels"));
  for (int c = KH_CHANNEL_FIRST; c <= KH_CHANNEL_LAST; c++)
    gtk_string_list_append (channels, kh_channel_label (c));
  gtk_string_list_append (outcomes, _("All outcomes"));
  for (int o = KH_OUTCOME_FIRST; o <= KH_OUTCOME_LAST; o++)
    gtk_string_list_append (outcomes, kh_outcome_label (o));
  gtk_string_list_append (workers, _("All workers"));
  g_array_append_val (self->worker_ids, anyone);

  kh_filter_button_set_model (self->channel_filter, G_LIST_MODEL (channels));
  kh_filter_button_set_model (self->outcome_filter, G_LIST_MODEL (outcomes));
  kh_filter_button_set_model (self->worker_filter, G_LIST_MODEL (workers));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->channel_filter),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Channel"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->outcome_filter),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Outcome"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->worker_filter),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Recorded by"), -1);
  g_signal_connect_swapped (self->channel_filter, "notify::selected", G_CALLBACK (filter_changed_cb), self);
  g_signal_connect_swapped (self->outcome_filter, "notify::selected", G_CALLBACK (filter_changed_cb), self);
  g_signal_connect_swapped (self->worker_filter, "notify::selected", G_CALLBACK (filter_changed_cb), self);

  {
    g_autoptr(GtkStringList) teams = gtk_string_list_new (NULL);
    gint64 every = 0;

    gtk_string_list_append (teams, _("All teams"));
    g_array_append_val (self->team_ids, every);
    kh_filter_button_set_model (self->team_filter, G_LIST_MODEL (teams));
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->team_filter),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _("Team"), -1);
    g_signal_connect_swapped (self->team_filter, "notify::selected",
                              G_CALLBACK (team_filter_changed_cb), self);
  }
}

static void
update_date_label (KhReceptionPage *self)
{
  /* Our own names, so that the day is in the UI's language even where the
   * system has no Finnish or Swedish locale for LC_TIME. Monday first, as
   * g_date_time_get_day_of_week counts. */
  static const char *weekdays[] = {
    NC_("weekday at the start of a line", "Monday"),
    NC_("weekday at the start of a line", "Tuesday"),
    NC_("weekday at the start of a line", "Wednesday"),
    NC_("weekday at the start of a line", "Thursday"),
    NC_("weekday at the start of a line", "Friday"),
    NC_("weekday at the start of a line", "Saturday"),
    NC_("weekday at the start of a line", "Sunday"),
  };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  const char *weekday = g_dpgettext2 (GETTEXT_PACKAGE, "weekday at the start of a line",
                                      weekdays[g_date_time_get_day_of_week (now) - 1]);
  g_autofree char *date = NULL;
  g_autofree char *text = NULL;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  date = kh_date_format (&today);
  /* Translators: weekday and date, "Monday 2.4.2026" */
  text = g_strdup_printf (C_("today", "%s %s"), weekday, date);
  gtk_label_set_text (self->date_label, text);
}

static void
copy_result_free (gpointer data)
{
  kh_intake_result_free (data);
}

static void
undo_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(KhReceptionPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!kh_store_undo_intake_finish (KH_STORE (object), result, &error) && !self->disposed)
    {
      g_autofree char *message = NULL;
      AdwToast *toast;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* Translators: %s says why */
      message = g_strdup_printf (_("Could not undo: %s"), error->message);
      toast = adw_toast_new (message);
      g_signal_emit (self, signals[TOAST], 0, toast);
      g_object_unref (toast);
    }
  /* A successful undo refreshes through the store's "changed". */
}

static void
undo_clicked_cb (AdwToast        *toast,
                 KhReceptionPage *self)
{
  KhIntakeResult *saved = g_object_get_data (G_OBJECT (toast), "kh-intake-result");

  if (saved == NULL || self->disposed)
    return;
  kh_store_undo_intake_async (self->store, saved, NULL, undo_done_cb, g_object_ref (self));
  /* Undo once only. */
  g_object_set_data (G_OBJECT (toast), "kh-intake-result", NULL);
  if (self->undo_toast == toast)
    g_clear_weak_pointer (&self->undo_toast);
}

static void
undo_toast_dismissed_cb (AdwToast        *toast,
                         KhReceptionPage *self)
{
  if (self->undo_toast == toast)
    g_clear_weak_pointer (&self->undo_toast);
}

/* Ctrl+Z while "Contact saved" is up undoes the save, wherever the focus is
 * in the page (captured before a text field's own undo). */
static gboolean
undo_key_pressed_cb (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     KhReceptionPage       *self)
{
  AdwToast *toast = self->undo_toast;

  if (toast == NULL || (keyval != GDK_KEY_z && keyval != GDK_KEY_Z)
      || (state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK | GDK_ALT_MASK)) != GDK_CONTROL_MASK)
    return FALSE;
  g_object_ref (toast);
  undo_clicked_cb (toast, self);
  adw_toast_dismiss (toast);
  g_object_unref (toast);
  return TRUE;
}

static void
form_saved_cb (KhIntakeForm    *form,
               KhIntakeResult  *result,
               KhReceptionPage *self)
{
  AdwToast *toast = adw_toast_new (_("Contact saved"));

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "kh-intake-result",
                          kh_intake_result_copy (result), copy_result_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), self, 0);
  /* Long enough to read and reach (issue 5, 2.1): 20 s instead of 5, and
   * Ctrl+Z works while it is up; the next contact started dismisses it. */
  adw_toast_set_timeout (toast, 20);
  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);
  g_set_weak_pointer (&self->undo_toast, toast);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (undo_toast_dismissed_cb), self, 0);

  /* The lists follow through the store's "changed": one refresh. */
  gtk_stack_set_visible_child_name (self->stack, "overview");
  gtk_widget_grab_focus (GTK_WIDGET (self->new_contact_button));
  g_signal_emit (self, signals[TOAST], 0, toast);
  g_object_unref (toast);
}

static void
form_cancelled_cb (KhIntakeForm    *form,
                   KhReceptionPage *self)
{
  gtk_stack_set_visible_child_name (self->stack, "overview");
  gtk_widget_grab_focus (GTK_WIDGET (self->new_contact_button));
}

static void
ensure_form (KhReceptionPage *self)
{
  if (self->form != NULL || self->disposed)
    return;

  g_clear_handle_id (&self->form_id, g_source_remove);
  self->form = KH_INTAKE_FORM (kh_intake_form_new (self->store));
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->form), "form");
  /* The form may outlive the page: a save in flight holds it. */
  g_signal_connect_object (self->form, "saved", G_CALLBACK (form_saved_cb), self, 0);
  g_signal_connect_object (self->form, "cancelled", G_CALLBACK (form_cancelled_cb), self, 0);
}

/* A showing of the lists: the first page of each, read afresh; a person in
 * both is logged once (issue 5 2.6), and the pages read as the lists are
 * scrolled belong to the same showing. */
static void
start_reads (KhReceptionPage *self)
{
  guint64 showing = kh_work_list_new_showing ();

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->refresh_pending = FALSE;

  update_date_label (self);
  self->reads_left = 2;
  self->teams_read = FALSE;
  self->showing = gtk_widget_get_mapped (GTK_WIDGET (self))
                  && g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "overview") == 0;
  g_free (self->showing_day);
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();

    self->showing_day = g_date_time_format (now, "%F");
  }
  kh_work_list_model_reload (self->contacts, showing);
  kh_work_list_model_reload (self->queue, showing);
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  KhReceptionPage *self = user_data;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%F");

  gboolean afresh = self->afresh;

  self->refresh_id = 0;
  self->afresh = FALSE;
  /* Issue 6, 6: a change while the lists are on screen (saved here or at
   * another desk) is read in the same showing, with the rows in place:
   * the scroll position and the row in focus stay, and nobody shown is
   * logged again. Lists shown afresh (after the form, after being away,
   * past midnight) are a new showing, read from the top. */
  if (self->showing && !afresh && g_strcmp0 (today, self->showing_day) == 0)
    {
      self->refresh_pending = FALSE;
      kh_work_list_model_refresh (self->contacts);
      kh_work_list_model_refresh (self->queue);
    }
  else
    start_reads (self);
  return G_SOURCE_REMOVE;
}

/* The lists left the screen: the showing is over. */
static void
end_showing (KhReceptionPage *self)
{
  self->showing = FALSE;
}

static void
mapped_cb (KhReceptionPage *self)
{
  /* The lists read just before the window was shown are the day as it is. */
  if (self->read_ahead)
    {
      self->read_ahead = FALSE;
      /* Its showing begins now. */
      self->showing = g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "overview") == 0;
      return;
    }
  kh_reception_page_refresh (self);
}

static void
overview_shown_cb (KhReceptionPage *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "overview") != 0)
    {
      end_showing (self);
      return;
    }
  if (self->refresh_pending)
    kh_reception_page_refresh (self);
}

static void
new_contact_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  kh_reception_page_new_contact (KH_RECEPTION_PAGE (widget));
}

static void queue_refresh (KhReceptionPage *self);

/* Saved here or at another desk (issue 6, 6): the lists follow, in the
 * same showing while they are on screen. */
static void
store_changed_cb (KhReceptionPage *self)
{
  queue_refresh (self);
}

static void
kh_reception_page_constructed (GObject *object)
{
  KhReceptionPage *self = KH_RECEPTION_PAGE (object);

  G_OBJECT_CLASS (kh_reception_page_parent_class)->constructed (object);

  g_return_if_fail (KH_IS_STORE (self->store));

  self->contacts = kh_work_list_model_new (self->store, KH_WORK_LIST_CONTACTS);
  self->queue = kh_work_list_model_new (self->store, KH_WORK_LIST_QUEUE);
  g_signal_connect_object (self->contacts, "loaded", G_CALLBACK (contacts_loaded_cb), self, 0);
  g_signal_connect_object (self->queue, "loaded", G_CALLBACK (queue_loaded_cb), self, 0);
  {
    g_autoptr(GtkNoSelection) contacts = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->contacts)));
    g_autoptr(GtkNoSelection) queue = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->queue)));

    gtk_list_view_set_model (self->contacts_view, GTK_SELECTION_MODEL (contacts));
    gtk_list_view_set_model (self->queue_view, GTK_SELECTION_MODEL (queue));
  }
  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb),
                           self, G_CONNECT_SWAPPED);
  show_own_team (self);
  kh_reception_page_refresh (self);
}

static void
kh_reception_page_dispose (GObject *object)
{
  KhReceptionPage *self = KH_RECEPTION_PAGE (object);

  self->disposed = TRUE;
  g_clear_weak_pointer (&self->undo_toast);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_handle_id (&self->form_id, g_source_remove);
  stop_watching_paint (self);
  g_cancellable_cancel (self->cancellable);

  /* The stack is both AdwBin's child and a template child: let go of it
   * as the bin's child first, so that neither frees it under the other. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KH_TYPE_RECEPTION_PAGE);
  self->form = NULL;

  g_clear_object (&self->cancellable);
  if (self->contacts != NULL)
    g_signal_handlers_disconnect_by_data (self->contacts, self);
  if (self->queue != NULL)
    g_signal_handlers_disconnect_by_data (self->queue, self);
  g_clear_object (&self->contacts);
  g_clear_object (&self->queue);
  g_clear_object (&self->store);
  g_clear_pointer (&self->worker_ids, g_array_unref);
  g_clear_pointer (&self->team_ids, g_array_unref);
  g_clear_pointer (&self->showing_day, g_free);

  G_OBJECT_CLASS (kh_reception_page_parent_class)->dispose (object);
}

static void
kh_reception_page_class_init (KhReceptionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = kh_reception_page_constructed;
  object_class->dispose = kh_reception_page_dispose;
  kh_store_property_install (object_class, G_STRUCT_OFFSET (KhReceptionPage, store));

  signals[TOAST] = g_signal_new ("toast",
                                 G_TYPE_FROM_CLASS (klass),
                                 G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, ADW_TYPE_TOAST);
  signals[OPEN_CLIENT] = g_signal_new ("open-client",
                                       G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[LISTS_SHOWN] = g_signal_new ("lists-shown",
                                       G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/intake/kh-reception-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KhReceptionPage, channel_filter);
  gtk_widget_class_bind_template_child (widget_class, KhReceptionPage, contacts_count);
  gtk_widget_class_bind_template_child (widget_class, KhReceptionPage, contacts_stack);
  gtk_widget_class_bind_template_child (widget_class, KhReceptionPage, contacts_view);
  gtk_widget_class_bind_template_child (widget_class, KhReceptionPage, date_label);
  gtk_widget_class_bind_template_child (widget_class, KhReceptionPage, new_contact_button);
  gtk_widget_class_bind_template_child (widget_class, KhReceptionPage, outcome_filter);
  gtk_widget_class_bind_template_child (widget_class, KhReceptionPage, queue_count);
  gtk_widget_class_bind_template_child (widget_class, KhReceptionPage, queue_stack);
  gtk_widget_class_bind_template_child (widget_class, KhReceptionPage, queue_view);
  gtk_widget_class_bind_template_child (widget_class, KhReceptionPage, stack);
  gtk_widget_class_bind_template_child (widget_class, KhReceptionPage, team_filter);
  gtk_widget_class_bind_template_child (widget_class, KhReceptionPage, worker_filter);

  gtk_widget_class_install_action (widget_class, "reception.new-contact", NULL, new_contact_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "reception.new-contact", NULL);

  g_type_ensure (KH_TYPE_FILTER_BUTTON);
  g_type_ensure (KH_TYPE_INTAKE_FORM);
  g_type_ensure (KH_TYPE_WORK_LIST_CELL);
}

static void
kh_reception_page_init (KhReceptionPage *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;

  kh_field_message_ensure_style ();
  gtk_widget_init_template (GTK_WIDGET (self));
  kh_accessible_fix_mnemonics (GTK_WIDGET (self));
  /* Both work lists' rows: a cell that makes its row once it is read. */
  factory = kh_list_factory_new (KH_TYPE_WORK_LIST_CELL, "item");
  gtk_list_view_set_factory (self->contacts_view, factory);
  gtk_list_view_set_factory (self->queue_view, factory);

  self->cancellable = g_cancellable_new ();
  self->worker_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->team_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  setup_filters (self);
  /* Coming back to the view (or past midnight) shows the day as it is now. */
  g_signal_connect (self, "map", G_CALLBACK (mapped_cb), NULL);
  g_signal_connect (self, "map", G_CALLBACK (watch_paint_cb), NULL);
  g_signal_connect (self, "unmap", G_CALLBACK (stop_watching_paint), NULL);
  g_signal_connect (self, "unmap", G_CALLBACK (end_showing), NULL);
  g_signal_connect_swapped (self->stack, "notify::visible-child-name",
                            G_CALLBACK (overview_shown_cb), self);
  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    gtk_event_controller_set_name (keys, "kh-undo-keys");
    g_signal_connect (keys, "key-pressed", G_CALLBACK (undo_key_pressed_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self), keys);
  }
  g_signal_connect (self->contacts_view, "activate", G_CALLBACK (view_activated_cb), self);
  g_signal_connect (self->queue_view, "activate", G_CALLBACK (view_activated_cb), self);
  update_date_label (self);
}

GtkWidget *
kh_reception_page_new (KhStore *store)
{
  g_return_val_if_fail (KH_IS_STORE (store), NULL);

  return g_object_new (KH_TYPE_RECEPTION_PAGE, "store", store, NULL);
}

void
kh_reception_page_new_contact (KhReceptionPage *self)
{
  g_return_if_fail (KH_IS_RECEPTION_PAGE (self));

  if (self->disposed)
    return;
  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);
  ensure_form (self);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "form") != 0)
    kh_intake_form_reset (self->form);
  gtk_stack_set_visible_child_name (self->stack, "form");
  kh_intake_form_focus_start (self->form);
}

static void
queue_refresh (KhReceptionPage *self)
{
  if (self->disposed)
    return;
  /* Lists nobody sees are read when they are shown again: every row is a
   * logged read of a person. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self))
      || g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "overview") != 0)
    {
      self->refresh_pending = TRUE;
      return;
    }
  /* A save both returns to the overview and changes the store: coalesce.
   * Before the frames (issue 6, 6: another desk's save shows within a
   * second, even while the lists are being scrolled). */
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_DEFAULT, refresh_idle_cb, self, NULL);
}

void
kh_reception_page_refresh (KhReceptionPage *self)
{
  g_return_if_fail (KH_IS_RECEPTION_PAGE (self));

  self->afresh = TRUE;
  queue_refresh (self);
}

void
kh_reception_page_read_ahead (KhReceptionPage *self)
{
  g_return_if_fail (KH_IS_RECEPTION_PAGE (self));

  if (self->disposed || gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  self->read_ahead = TRUE;
  start_reads (self);
}

KhIntakeForm *
kh_reception_page_get_form (KhReceptionPage *self)
{
  g_return_val_if_fail (KH_IS_RECEPTION_PAGE (self), NULL);

  ensure_form (self);
  return self->form;
}

gboolean
kh_reception_page_has_unsaved_work (KhReceptionPage *self)
{
  g_return_val_if_fail (KH_IS_RECEPTION_PAGE (self), FALSE);

  return self->form != NULL && kh_intake_form_has_unsaved_work (self->form);
}

void
kh_reception_page_ask_discard (KhReceptionPage   *self,
                               GtkWindow         *parent,
                               KhDiscardCallback  callback,
                               gpointer           user_data)
{
  g_return_if_fail (KH_IS_RECEPTION_PAGE (self));
  g_return_if_fail (callback != NULL);

  if (!kh_reception_page_has_unsaved_work (self))
    {
      callback (TRUE, user_data);
      return;
    }
  /* Show what would be lost before asking about it. */
  gtk_stack_set_visible_child_name (self->stack, "form");
  kh_intake_form_ask_discard (self->form, parent, callback, user_data);
}
