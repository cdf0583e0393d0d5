/* kh-clients-page.c — the People view: search, then a person's page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Search as you type: GtkSearchEntry waits 150 ms after the last key, then
 * the store searches on its worker thread; a newer query cancels the older
 * one so that results never arrive out of order. Enter opens the best match.
 */

#define G_LOG_DOMAIN "kohtaamo-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kh-search.h"
#include "core/kh-text.h"
#include "ui/common/kh-field-message.h"
#include "ui/common/kh-list-factory.h"
#include "ui/common/kh-person-row.h"
#include "kh-clients-page.h"
#include "kh-person-page.h"

#define SEARCH_LIMIT 50

/* Issue 7: a person opened from the search comes in with their details,
 * not with a spinner that their details replace a moment later: the
 * search stays on screen while the page reads them, up to OPEN_HOLD_MS
 * (about what still feels immediate); a slower reading comes in with its
 * spinner then. One frame instead of two on the way. */
#define OPEN_HOLD_MS 100

struct _KhClientsPage
{
  GtkWidget       parent_instance;

  /* template widgets */
  AdwStatusPage  *error_page;
  AdwLeaflet     *leaflet;
  GtkLabel       *limit_label;     /* how many match, or why Enter did not open */
  AdwStatusPage  *none_page;
  KhPersonPage   *person_page;
  GListStore     *results;         /* of KhSearchHit */
  GtkStack       *results_stack;
  GtkListView    *results_view;
  GtkSearchEntry *search_entry;
  GtkSingleSelection *selection;

  /* owned */
  KhStore        *store;
  KhClientSearch *search;          /* what the list shows */
  char           *none_description;
  GCancellable   *search_cancellable;

  char           *last_query;   /* what the results are, or will be, for */
  gboolean        searching;
  /* Enter was pressed while the search for the current text was running. */
  gboolean        open_when_done;

  /* A person opened, their page waiting for its details (OPEN_HOLD_MS). */
  guint           hold_id;
  gulong          loading_id;
  guint           release_id;   /* the page to let go of its person */
};

G_DEFINE_FINAL_TYPE (KhClientsPage, kh_clients_page, GTK_TYPE_WIDGET)

enum {
  SIGNAL_TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
stop_holding (KhClientsPage *self)
{
  g_clear_handle_id (&self->hold_id, g_source_remove);
  g_clear_signal_handler (&self->loading_id, self->person_page);
}

static void
show_person (KhClientsPage *self)
{
  stop_holding (self);
  adw_leaflet_set_visible_child_name (self->leaflet, "person");
  /* The keyboard follows: Escape and Alt+Left now mean "back to search",
   * not "clear the search". */
  kh_person_page_focus (self->person_page);
}

static gboolean
hold_timeout_cb (gpointer user_data)
{
  KhClientsPage *self = user_data;

  self->hold_id = 0;
  show_person (self);
  return G_SOURCE_REMOVE;
}

static void
person_loading_cb (KhClientsPage *self)
{
  if (!kh_person_page_get_loading (self->person_page))
    show_person (self);
}

typedef struct
{
  KhClientsPage *self;          /* owned */
  gint64         client_id;
  gboolean       from_search;
} PendingOpen;

static void open_client (KhClientsPage *self,
                         gint64         client_id,
                         gboolean       from_search);

static void
note_answered_cb (gboolean discard,
                  gpointer user_data)
{
  PendingOpen *pending = user_data;

  /* Kept: the person and their note stay on screen, the cursor in it. */
  if (discard)
    open_client (pending->self, pending->client_id, pending->from_search);
  g_object_unref (pending->self);
  g_free (pending);
}

/* `from_search`: opened from the search on screen, which may stay until
 * the page has the person (OPEN_HOLD_MS); from elsewhere (reception, the
 * caseload) the page shows at once. Another person than the page has,
 * while a case note is being written there: asked first. */
static void
open_client (KhClientsPage *self,
             gint64         client_id,
             gboolean       from_search)
{
  if (client_id != kh_person_page_get_client_id (self->person_page)
      && kh_person_page_has_unsaved_note (self->person_page))
    {
      PendingOpen *pending = g_new0 (PendingOpen, 1);

      pending->self = g_object_ref (self);
      pending->client_id = client_id;
      pending->from_search = from_search;
      kh_clients_page_ask_discard_note (self, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                        note_answered_cb, pending);
      return;
    }

  stop_holding (self);
  kh_person_page_load (self->person_page, client_id);

  if (from_search
      && kh_person_page_get_loading (self->person_page)
      && gtk_widget_get_mapped (GTK_WIDGET (self))
      && g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "search") == 0)
    {
      self->loading_id = g_signal_connect_swapped (self->person_page, "notify::loading",
                                                   G_CALLBACK (person_loading_cb), self);
      self->hold_id = g_timeout_add (OPEN_HOLD_MS, hold_timeout_cb, self);
      return;
    }
  show_person (self);
}

/* Back on the search, the slide over: the person's page lets go of the
 * person (and a new opening has nothing to take off it first). Asked
 * for when the leaflet changes, done when it has settled: it notifies in
 * the middle of a change too. */
static gboolean
release_idle_cb (gpointer user_data)
{
  KhClientsPage *self = user_data;

  self->release_id = 0;
  if (self->hold_id == 0
      && !adw_leaflet_get_child_transition_running (self->leaflet)
      && g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "search") == 0)
    kh_person_page_release (self->person_page);
  return G_SOURCE_REMOVE;
}

static void
leaflet_changed_cb (KhClientsPage *self)
{
  if (self->release_id == 0)
    self->release_id = g_idle_add (release_idle_cb, self);
}

static void
open_at (KhClientsPage *self,
         guint          position)
{
  g_autoptr(KhSearchHit) hit = g_list_model_get_item (G_LIST_MODEL (self->results), position);

  if (hit != NULL)
    open_client (self, hit->client->id, TRUE);
}

static void
search_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(KhClientsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;
  KhClientSearch *search;
  int pick;

  search = kh_store_search_clients_full_finish (KH_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->searching = FALSE;

  if (search == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->results_stack, "error");
      return;
    }

  g_clear_pointer (&self->search, kh_client_search_free);
  self->search = search;
  g_list_store_splice (self->results, 0, g_list_model_get_n_items (G_LIST_MODEL (self->results)),
                       search->hits->pdata, search->hits->len);
  /* Issue 5, 2.2: how many match, and the row Enter opens is the selected
   * one; on a tie none is. */
  pick = kh_client_search_pick (search);
  gtk_single_selection_set_selected (self->selection,
                                     pick >= 0 ? (guint) pick : GTK_INVALID_LIST_POSITION);
  status = kh_client_search_dup_status (search);
  gtk_label_set_text (self->limit_label, status);
  adw_status_page_set_description (self->none_page,
                                   search->hint != KH_SEARCH_HINT_NONE ? status : self->none_description);
  gtk_stack_set_visible_child_name (self->results_stack, search->hits->len > 0 ? "results" : "none");

  if (self->open_when_done && pick >= 0)
    open_client (self, ((KhSearchHit *) g_ptr_array_index (search->hits, pick))->client->id, TRUE);
  else if (self->open_when_done && search->hits->len > 0)
    {
      g_autofree char *why = kh_client_search_dup_tie_message (search);

      gtk_label_set_text (self->limit_label, why);
    }
  self->open_when_done = FALSE;
}

static void
run_search (KhClientsPage *self)
{
  g_autofree char *query = kh_text_clean (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

  if (query != NULL && g_strcmp0 (query, self->last_query) == 0)
    return;

  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  g_free (self->last_query);
  self->last_query = g_strdup (query);
  self->searching = FALSE;
  self->open_when_done = FALSE;

  if (query == NULL || self->store == NULL)
    {
      g_list_store_remove_all (self->results);
      g_clear_pointer (&self->search, kh_client_search_free);
      gtk_stack_set_visible_child_name (self->results_stack, "empty");
      return;
    }

  self->search_cancellable = g_cancellable_new ();
  self->searching = TRUE;
  kh_store_search_clients_full_async (self->store, query, SEARCH_LIMIT, self->search_cancellable,
                                      search_done_cb, g_object_ref (self));
}

static void
search_changed_cb (KhClientsPage *self)
{
  run_search (self);
}

static void
search_activated_cb (KhClientsPage *self)
{
  guint selected;

  /* Enter opens the selected row: the clear best match, or the one chosen
   * with the arrow keys; on a tie it says why instead (issue 5, 2.2).
   * While the search entry still waits for the typing to stop, or the
   * search runs, the results on screen are for older text: decide when
   * the new ones arrive. */
  run_search (self);
  if (self->searching)
    {
      self->open_when_done = TRUE;
      return;
    }

  selected = gtk_single_selection_get_selected (self->selection);
  if (selected != GTK_INVALID_LIST_POSITION)
    open_at (self, selected);
  else if (self->search != NULL && self->search->hits->len > 0)
    {
      g_autofree char *why = kh_client_search_dup_tie_message (self->search);

      gtk_label_set_text (self->limit_label, why);
    }
}

static void
stop_search_cb (KhClientsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
result_activated_cb (KhClientsPage *self,
                     guint          position)
{
  open_at (self, position);
}

/* A click on a row opens it (the list itself would only select it). */
static void
results_released_cb (GtkGestureClick *gesture,
                     int              n_press,
                     double           x,
                     double           y,
                     KhClientsPage   *self)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self->results_view), x, y, GTK_PICK_DEFAULT);
  GtkWidget *row = picked ? gtk_widget_get_ancestor (picked, KH_TYPE_PERSON_ROW) : NULL;
  KhSearchHit *hit = row ? kh_person_row_get_hit (KH_PERSON_ROW (row)) : NULL;

  if (hit != NULL)
    open_client (self, hit->client->id, TRUE);
}

static void
person_toast_cb (KhClientsPage *self,
                 AdwToast      *toast)
{
  g_signal_emit (self, signals[SIGNAL_TOAST], 0, toast);
}

static void
person_saved_cb (KhClientsPage *self,
                 gint64         client_id)
{
  /* The name or the code may have changed: refresh the list behind. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->results)) > 0)
    {
      g_clear_pointer (&self->last_query, g_free);
      run_search (self);
    }
}

static gboolean
search_key_pressed_cb (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       KhClientsPage         *self)
{
  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return GDK_EVENT_PROPAGATE;
  if (g_list_model_get_n_items (G_LIST_MODEL (self->results)) == 0
      || !gtk_widget_get_mapped (GTK_WIDGET (self->results_view)))
    return GDK_EVENT_PROPAGATE;

  if (gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->results_view));
  return GDK_EVENT_STOP;
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KhClientsPage *self = KH_CLIENTS_PAGE (widget);

  /* Back while a person's page is still on its way: it does not come. */
  if (self->hold_id != 0)
    {
      stop_holding (self);
      return;
    }
  if (g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "person") != 0)
    return;

  adw_leaflet_set_visible_child_name (self->leaflet, "search");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
kh_clients_page_map (GtkWidget *widget)
{
  KhClientsPage *self = KH_CLIENTS_PAGE (widget);

  GTK_WIDGET_CLASS (kh_clients_page_parent_class)->map (widget);

  /* Coming to the view is coming to search: the cursor waits in the entry. */
  if (g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "search") == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
kh_clients_page_dispose (GObject *object)
{
  KhClientsPage *self = KH_CLIENTS_PAGE (object);
  GtkWidget *child;

  g_cancellable_cancel (self->search_cancellable);
  stop_holding (self);
  if (self->leaflet != NULL)
    g_signal_handlers_disconnect_by_func (self->leaflet, leaflet_changed_cb, self);
  g_clear_handle_id (&self->release_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), KH_TYPE_CLIENTS_PAGE);
  /* Children without an id are not released by dispose_template. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->search_cancellable);
  g_clear_pointer (&self->search, kh_client_search_free);
  g_clear_pointer (&self->none_description, g_free);
  g_clear_object (&self->store);
  g_clear_pointer (&self->last_query, g_free);

  G_OBJECT_CLASS (kh_clients_page_parent_class)->dispose (object);
}

static void
kh_clients_page_class_init (KhClientsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_clients_page_dispose;
  widget_class->map = kh_clients_page_map;

  signals[SIGNAL_TOAST] =
    g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  g_type_ensure (KH_TYPE_PERSON_PAGE);
  g_type_ensure (KH_TYPE_SEARCH_HIT);
  g_type_ensure (KH_TYPE_PERSON_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/clients/kh-clients-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KhClientsPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, KhClientsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, KhClientsPage, limit_label);
  gtk_widget_class_bind_template_child (widget_class, KhClientsPage, none_page);
  gtk_widget_class_bind_template_child (widget_class, KhClientsPage, person_page);
  gtk_widget_class_bind_template_child (widget_class, KhClientsPage, results);
  gtk_widget_class_bind_template_child (widget_class, KhClientsPage, results_stack);
  gtk_widget_class_bind_template_child (widget_class, KhClientsPage, results_view);
  gtk_widget_class_bind_template_child (widget_class, KhClientsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, KhClientsPage, selection);
  gtk_widget_class_bind_template_callback (widget_class, person_saved_cb);
  gtk_widget_class_bind_template_callback (widget_class, person_toast_cb);
  gtk_widget_class_bind_template_callback (widget_class, result_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);

  gtk_widget_class_install_action (widget_class, "clients.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "clients.back", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
kh_clients_page_init (KhClientsPage *self)
{
  GtkEventController *controller;

  GtkGesture *click;

  g_autoptr(GtkListItemFactory) factory = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  kh_field_message_ensure_style ();
  factory = kh_list_factory_new (KH_TYPE_PERSON_ROW, "hit");
  gtk_list_view_set_factory (self->results_view, factory);
  self->none_description = g_strdup (adw_status_page_get_description (self->none_page));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (results_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->results_view), GTK_EVENT_CONTROLLER (click));

  /* Down from the search entry moves into the results. */
  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (search_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), controller);

  g_signal_connect_swapped (self->leaflet, "notify::visible-child-name", G_CALLBACK (leaflet_changed_cb), self);
  g_signal_connect_swapped (self->leaflet, "notify::child-transition-running", G_CALLBACK (leaflet_changed_cb), self);

  /* Typing anywhere in the search view goes to the search entry. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->results_stack));
}

GtkWidget *
kh_clients_page_new (KhStore *store)
{
  KhClientsPage *self;

  g_return_val_if_fail (KH_IS_STORE (store), NULL);

  self = g_object_new (KH_TYPE_CLIENTS_PAGE, NULL);
  self->store = g_object_ref (store);
  kh_person_page_set_store (self->person_page, store);

  return GTK_WIDGET (self);
}

void
kh_clients_page_show_client (KhClientsPage *self,
                             gint64         client_id)
{
  g_return_if_fail (KH_IS_CLIENTS_PAGE (self));
  g_return_if_fail (client_id > 0);

  open_client (self, client_id, FALSE);
}

gboolean
kh_clients_page_has_unsaved_note (KhClientsPage *self)
{
  g_return_val_if_fail (KH_IS_CLIENTS_PAGE (self), FALSE);

  return kh_person_page_has_unsaved_note (self->person_page);
}

void
kh_clients_page_ask_discard_note (KhClientsPage     *self,
                                  GtkWindow         *parent,
                                  KhDiscardCallback  callback,
                                  gpointer           user_data)
{
  g_return_if_fail (KH_IS_CLIENTS_PAGE (self));

  /* The note on screen, behind the question about it. */
  if (kh_person_page_has_unsaved_note (self->person_page))
    {
      stop_holding (self);
      adw_leaflet_set_visible_child_name (self->leaflet, "person");
    }
  kh_person_page_ask_discard_note (self->person_page, parent, callback, user_data);
}

void
kh_clients_page_focus_search (KhClientsPage *self)
{
  g_return_if_fail (KH_IS_CLIENTS_PAGE (self));

  stop_holding (self);
  adw_leaflet_set_visible_child_name (self->leaflet, "search");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}
