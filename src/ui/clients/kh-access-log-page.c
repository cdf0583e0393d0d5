/* kh-access-log-page.c — the access log, for the lead social worker and the administrator
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading the log is itself a logged read, so the view reads it only when it
 * is shown (and again on Reload, or when it is shown after the data changed),
 * never in the background.
 */

#define G_LOG_DOMAIN "kohtaamo-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "kh-access-log-page.h"

/* The whole unit's log: the newest rows only, so that the view opens
 * quickly however long the log grows. */
#define LOG_LIMIT 500
/* One person's log is shown whole; this only bounds a runaway. */
#define PERSON_LOG_LIMIT 100000

struct _KhAccessLogPage
{
  GtkWidget           parent_instance;

  /* template widgets */
  GtkColumnView      *column_view;
  GtkLabel           *count_label;
  AdwStatusPage      *empty_page;
  AdwStatusPage      *error_page;
  GtkSearchEntry     *filter_entry;
  GtkLabel           *limit_label;
  GtkStack           *stack;

  /* owned */
  KhStore            *store;
  GListStore         *entries;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GCancellable       *cancellable;
  char               *filter_text;

  gint64              client_id;   /* one person's log, or 0 for everyone's */
  guint               limit;
  gboolean            loaded;
  gboolean            stale;
};

G_DEFINE_FINAL_TYPE (KhAccessLogPage, kh_access_log_page, GTK_TYPE_WIDGET)

typedef enum {
  COLUMN_TIME,
  COLUMN_USER,
  COLUMN_PERSON,
  COLUMN_WHAT,
  COLUMN_BASIS,
} Column;

static char *
dup_column_text (KhAccessEntry *entry,
                 Column         column)
{
  switch (column)
    {
    case COLUMN_TIME:
      if (entry->at == NULL)
        return NULL;
      /* Translators: time of an access-log entry, a strftime format: "2.4.2026 10.15.07" in fi */
      return g_date_time_format (entry->at, _("%-d.%-m.%Y %H:%M:%S"));
    case COLUMN_USER:
      return g_strdup (entry->user_name);
    case COLUMN_PERSON:
      return g_strdup (entry->client_name);
    case COLUMN_WHAT:
      return g_strdup (kh_access_what_label (entry->what));
    case COLUMN_BASIS:
      return g_strdup (kh_access_basis_label (entry->basis));
    default:
      g_assert_not_reached ();
    }
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (GPOINTER_TO_INT (user_data) == COLUMN_TIME)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  KhAccessEntry *entry = gtk_list_item_get_item (item);
  g_autofree char *text = dup_column_text (entry, GPOINTER_TO_INT (user_data));

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text ? text : "");
}

static void
add_column (KhAccessLogPage *self,
            Column           column,
            const char      *title,
            gboolean         expand)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (column));

  view_column = gtk_column_view_column_new (title, g_object_ref (factory));
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_append_column (self->column_view, view_column);
}

static gboolean
filter_entry_cb (gpointer item,
                 gpointer user_data)
{
  KhAccessLogPage *self = user_data;
  KhAccessEntry *entry = item;

  if (self->filter_text == NULL)
    return TRUE;
  if (entry->client_name == NULL)
    return FALSE;

  /* Word prefixes, case and accents folded: "maki" finds "Mäkinen, Aino". */
  return g_str_match_string (self->filter_text, entry->client_name, TRUE);
}

static void
update_view (KhAccessLogPage *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->entries));
  g_autofree char *count = NULL;

  if (total == 0)
    {
      adw_status_page_set_description (self->empty_page, _("Nobody has read anyone’s data yet."));
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else if (shown == 0)
    {
      adw_status_page_set_description (self->empty_page, _("No entries for that name among the newest entries."));
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else
    gtk_stack_set_visible_child_name (self->stack, "list");

  /* Older entries exist beyond the limit: say so, and where to find them. */
  if (total >= self->limit)
    {
      g_autofree char *note = NULL;

      if (self->client_id > 0)
        /* Translators: above one person's access log that is cut short */
        note = g_strdup_printf (ngettext ("Showing the newest %u entry.",
                                          "Showing the newest %u entries.", total), total);
      else
        /* Translators: above the whole unit's access log; a person's page
         * has an "Access log" row for lead social workers and administrators */
        note = g_strdup_printf (ngettext ("Showing the newest %u entry. A person’s whole log is on their page in People.",
                                          "Showing the newest %u entries. A person’s whole log is on their page in People.",
                                          total), total);
      gtk_label_set_text (self->limit_label, note);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->limit_label), total >= self->limit);

  /* Translators: how many access-log entries are shown */
  count = g_strdup_printf (ngettext ("%u entry", "%u entries", shown), shown);
  gtk_label_set_text (self->count_label, count);
}

static void
filter_changed_cb (KhAccessLogPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->filter_entry));

  g_free (self->filter_text);
  self->filter_text = (text != NULL && *text != '\0') ? g_strdup (text) : NULL;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  if (self->loaded)
    update_view (self);
}

static void
log_loaded_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(KhAccessLogPage) self = user_data;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  entries = kh_store_list_access_log_finish (KH_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (entries == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  self->loaded = TRUE;
  g_list_store_splice (self->entries, 0, g_list_model_get_n_items (G_LIST_MODEL (self->entries)),
                       entries->pdata, entries->len);
  update_view (self);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  kh_access_log_page_reload (KH_ACCESS_LOG_PAGE (widget));
}

static void
store_changed_cb (KhAccessLogPage *self)
{
  self->stale = TRUE;
}

static void
kh_access_log_page_map (GtkWidget *widget)
{
  KhAccessLogPage *self = KH_ACCESS_LOG_PAGE (widget);

  GTK_WIDGET_CLASS (kh_access_log_page_parent_class)->map (widget);

  if (!self->loaded || self->stale)
    kh_access_log_page_reload (self);
}

static void
kh_access_log_page_dispose (GObject *object)
{
  KhAccessLogPage *self = KH_ACCESS_LOG_PAGE (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), KH_TYPE_ACCESS_LOG_PAGE);
  /* Children without an id are not released by dispose_template. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->filtered);
  g_clear_object (&self->entries);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kh_access_log_page_parent_class)->dispose (object);
}

static void
kh_access_log_page_finalize (GObject *object)
{
  KhAccessLogPage *self = KH_ACCESS_LOG_PAGE (object);

  g_free (self->filter_text);

  G_OBJECT_CLASS (kh_access_log_page_parent_class)->finalize (object);
}

static void
kh_access_log_page_class_init (KhAccessLogPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_access_log_page_dispose;
  object_class->finalize = kh_access_log_page_finalize;
  widget_class->map = kh_access_log_page_map;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/clients/kh-access-log-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KhAccessLogPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, KhAccessLogPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, KhAccessLogPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, KhAccessLogPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, KhAccessLogPage, filter_entry);
  gtk_widget_class_bind_template_child (widget_class, KhAccessLogPage, limit_label);
  gtk_widget_class_bind_template_child (widget_class, KhAccessLogPage, stack);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);

  gtk_widget_class_install_action (widget_class, "log.reload", NULL, reload_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "log.reload", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
kh_access_log_page_init (KhAccessLogPage *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->limit = LOG_LIMIT;
  self->entries = g_list_store_new (KH_TYPE_ACCESS_ENTRY);
  self->filter = gtk_custom_filter_new (filter_entry_cb, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->entries)),
                                              GTK_FILTER (self->filter));
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->filtered)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));

  add_column (self, COLUMN_TIME, _("Time"), FALSE);
  add_column (self, COLUMN_USER, _("User"), TRUE);
  add_column (self, COLUMN_PERSON, _("Person"), TRUE);
  add_column (self, COLUMN_WHAT, _("What was read"), TRUE);
  add_column (self, COLUMN_BASIS, _("Basis"), TRUE);
}

GtkWidget *
kh_access_log_page_new (KhStore *store)
{
  KhAccessLogPage *self;

  g_return_val_if_fail (KH_IS_STORE (store), NULL);

  self = g_object_new (KH_TYPE_ACCESS_LOG_PAGE, NULL);
  self->store = g_object_ref (store);
  if (g_signal_lookup ("changed", KH_TYPE_STORE) != 0)
    g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);

  return GTK_WIDGET (self);
}

/**
 * kh_access_log_page_new_for_client:
 *
 * One person's whole log: who has read their data, when, what and on what
 * basis — what the unit needs to answer the person's own request to know
 * (the Client Data Act 11 §). Read when shown, like the unit's log.
 */
GtkWidget *
kh_access_log_page_new_for_client (KhStore *store,
                                   gint64   client_id)
{
  KhAccessLogPage *self;

  g_return_val_if_fail (KH_IS_STORE (store), NULL);
  g_return_val_if_fail (client_id > 0, NULL);

  self = KH_ACCESS_LOG_PAGE (kh_access_log_page_new (store));
  self->client_id = client_id;
  self->limit = PERSON_LOG_LIMIT;
  /* Every row is the same person: the name filter has nothing to do. */
  gtk_widget_set_visible (GTK_WIDGET (self->filter_entry), FALSE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->count_label), TRUE);
  gtk_label_set_xalign (self->count_label, 0);

  return GTK_WIDGET (self);
}

void
kh_access_log_page_reload (KhAccessLogPage *self)
{
  g_return_if_fail (KH_IS_ACCESS_LOG_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->stale = FALSE;

  if (!self->loaded)
    gtk_stack_set_visible_child_name (self->stack, "loading");

  kh_store_list_access_log_async (self->store, self->client_id, self->limit, self->cancellable,
                                  log_loaded_cb, g_object_ref (self));
}

GListModel *
kh_access_log_page_get_model (KhAccessLogPage *self)
{
  g_return_val_if_fail (KH_IS_ACCESS_LOG_PAGE (self), NULL);

  return G_LIST_MODEL (self->filtered);
}
