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

#include "core/kh-text.h"
#include "kh-clients-page.h"
#include "kh-person-page.h"

#define SEARCH_LIMIT 50

struct _KhClientsPage
{
  GtkWidget       parent_instance;

  /* template widgets */
  AdwStatusPage  *error_page;
  AdwLeaflet     *leaflet;
  GtkLabel       *limit_label;
  KhPersonPage   *person_page;
  GtkListBox     *results_list;
  GtkStack       *results_stack;
  GtkSearchEntry *search_entry;

  /* owned */
  KhStore        *store;
  GListStore     *results;
  GCancellable   *search_cancellable;

  char           *last_query;   /* what the results are, or will be, for */
  gboolean        searching;
  /* Enter was pressed while the search for the current text was running. */
  gboolean        open_when_done;
};

G_DEFINE_FINAL_TYPE (KhClientsPage, kh_clients_page, GTK_TYPE_WIDGET)

enum {
  SIGNAL_TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
format_iso_date (const char *iso)
{
  GDate date;

  if (iso == NULL || !kh_date_from_iso (iso, &date))
    return NULL;

  return kh_date_format (&date);
}

static char *
dup_language_text (KhClient *client)
{
  const char *language;

  if (client->language == KH_LANGUAGE_OTHER && client->other_language != NULL)
    language = client->other_language;
  else
    language = kh_language_label (client->language);

  if (language == NULL)
    return NULL;
  if (client->interpreter)
    /* Translators: a language followed by the need for an interpreter, e.g. "Arabic, interpreter" */
    return g_strdup_printf (_("%s, interpreter"), language);

  return g_strdup (language);
}

static GtkWidget *
create_result_row (gpointer item,
                   gpointer user_data)
{
  KhClient *client = item;
  g_autofree char *name = kh_client_dup_display_name (client);
  g_autofree char *masked = kh_client_dup_masked_code (client);
  g_autofree char *birth = format_iso_date (client->birth_date);
  g_autofree char *language = dup_language_text (client);
  g_autofree char *details = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  GtkWidget *row, *box, *text, *label;

  row = gtk_list_box_row_new ();
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (box), text);

  label = gtk_label_new (name);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (text), label);

  if (birth != NULL)
    g_ptr_array_add (parts, birth);
  if (client->city != NULL)
    g_ptr_array_add (parts, client->city);
  if (language != NULL)
    g_ptr_array_add (parts, language);
  g_ptr_array_add (parts, NULL);
  details = g_strjoinv (" · ", (char **) parts->pdata);
  if (*details != '\0')
    {
      label = gtk_label_new (details);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (text), label);
    }

  if (masked != NULL)
    label = gtk_label_new (masked);
  else
    /* Translators: shown in search results for a person without an identity code */
    label = gtk_label_new (_("no identity code"));
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, masked != NULL ? "identity-code" : "dim-label");
  gtk_box_append (GTK_BOX (box), label);

  label = gtk_image_new_from_icon_name ("go-next-symbolic");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);

  return row;
}

static void
open_client (KhClientsPage *self,
             gint64         client_id)
{
  kh_person_page_load (self->person_page, client_id);
  adw_leaflet_set_visible_child_name (self->leaflet, "person");
  /* The keyboard follows: Escape and Alt+Left now mean "back to search",
   * not "clear the search". */
  kh_person_page_focus (self->person_page);
}

static void
search_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(KhClientsPage) self = user_data;
  g_autoptr(GPtrArray) clients = NULL;
  g_autoptr(GError) error = NULL;

  clients = kh_store_search_clients_finish (KH_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->searching = FALSE;

  if (clients == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->results_stack, "error");
      return;
    }

  g_list_store_splice (self->results, 0, g_list_model_get_n_items (G_LIST_MODEL (self->results)),
                       clients->pdata, clients->len);
  gtk_stack_set_visible_child_name (self->results_stack, clients->len > 0 ? "results" : "none");
  gtk_widget_set_visible (GTK_WIDGET (self->limit_label), clients->len >= SEARCH_LIMIT);

  if (self->open_when_done && clients->len > 0)
    open_client (self, KH_CLIENT (g_ptr_array_index (clients, 0))->id);
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
      gtk_stack_set_visible_child_name (self->results_stack, "empty");
      return;
    }

  self->search_cancellable = g_cancellable_new ();
  self->searching = TRUE;
  kh_store_search_clients_async (self->store, query, SEARCH_LIMIT, self->search_cancellable,
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
  g_autoptr(KhClient) first = NULL;

  /* Enter opens the best match for the text now in the entry. While the
   * search entry still waits for the typing to stop, or the search runs, the
   * results on screen are for older text: open the match when it arrives. */
  run_search (self);
  if (self->searching)
    {
      self->open_when_done = TRUE;
      return;
    }

  first = g_list_model_get_item (G_LIST_MODEL (self->results), 0);
  if (first != NULL)
    open_client (self, first->id);
}

static void
stop_search_cb (KhClientsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
result_activated_cb (KhClientsPage *self,
                     GtkListBoxRow *row)
{
  g_autoptr(KhClient) client = NULL;

  client = g_list_model_get_item (G_LIST_MODEL (self->results), gtk_list_box_row_get_index (row));
  if (client != NULL)
    open_client (self, client->id);
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
  GtkListBoxRow *row;

  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return GDK_EVENT_PROPAGATE;

  row = gtk_list_box_get_row_at_index (self->results_list, 0);
  if (row == NULL || !gtk_widget_get_mapped (GTK_WIDGET (row)))
    return GDK_EVENT_PROPAGATE;

  gtk_widget_grab_focus (GTK_WIDGET (row));
  return GDK_EVENT_STOP;
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KhClientsPage *self = KH_CLIENTS_PAGE (widget);

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
  gtk_widget_dispose_template (GTK_WIDGET (self), KH_TYPE_CLIENTS_PAGE);
  /* Children without an id are not released by dispose_template. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->search_cancellable);
  g_clear_object (&self->results);
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

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/clients/kh-clients-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KhClientsPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, KhClientsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, KhClientsPage, limit_label);
  gtk_widget_class_bind_template_child (widget_class, KhClientsPage, person_page);
  gtk_widget_class_bind_template_child (widget_class, KhClientsPage, results_list);
  gtk_widget_class_bind_template_child (widget_class, KhClientsPage, results_stack);
  gtk_widget_class_bind_template_child (widget_class, KhClientsPage, search_entry);
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

  gtk_widget_init_template (GTK_WIDGET (self));

  self->results = g_list_store_new (KH_TYPE_CLIENT);
  gtk_list_box_bind_model (self->results_list, G_LIST_MODEL (self->results),
                           create_result_row, NULL, NULL);

  /* Down from the search entry moves into the results. */
  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (search_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), controller);

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

  open_client (self, client_id);
}

void
kh_clients_page_focus_search (KhClientsPage *self)
{
  g_return_if_fail (KH_IS_CLIENTS_PAGE (self));

  adw_leaflet_set_visible_child_name (self->leaflet, "search");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}
