/* kh-access-log-page.c — the access log, for the lead social worker and the administrator
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The log grows by hundreds of rows an hour, so the view never holds it
 * whole: it shows one page of PAGE_SIZE rows that match its filters (person,
 * user, kind, date range), and pages newer and older from the rows it shows
 * (keyset paging in the store: kh_db_read_access_log). The filters are
 * conditions of the store's SQL, never applied to rows already read, so the
 * total in the heading is the real number of matching rows.
 *
 * Reading the log is itself a logged read, so the view reads only when it
 * is shown (and again on Reload, on paging, or when it is shown after the
 * data changed), never in the background.
 *
 * With one person chosen, the view exports the person's extract (ATL
 * 703/2023 11 §) as CSV in the person's own language; the store writes it
 * and logs the export, and the file is written by GIO off the UI thread.
 */

#define G_LOG_DOMAIN "kohtaamo-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kh-text.h"
#include "kh-access-log-page.h"
#include "ui/common/kh-accessible.h"

#define PAGE_SIZE 100
/* Kinds are numbered from 1; the table ends where the labels do. */
#define MAX_WHAT 64

struct _KhAccessLogPage
{
  GtkWidget           parent_instance;

  /* template widgets */
  GtkColumnView      *column_view;
  GtkLabel           *count_label;
  GtkLabel           *date_error_label;
  AdwStatusPage      *empty_page;
  AdwStatusPage      *error_page;
  GtkWidget          *export_button;
  GtkWidget          *filter_box;
  GtkEntry           *from_entry;
  GtkLabel           *note_label;
  GtkWidget          *newer_button;
  GtkWidget          *older_button;
  GtkWidget          *person_chip;
  GtkSearchEntry     *person_entry;
  GtkLabel           *person_label;
  GtkScrolledWindow  *scrolled_window;
  GtkStack           *stack;
  GtkEntry           *to_entry;
  GtkDropDown        *user_dropdown;
  GtkDropDown        *what_dropdown;

  /* owned */
  KhStore            *store;
  GListStore         *entries;
  GCancellable       *cancellable;
  GCancellable       *export_cancellable;
  GtkNativeDialog    *chooser;
  GArray             *user_ids;     /* gint64, parallel to user_dropdown's rows */
  GArray             *whats;        /* int, parallel to what_dropdown's rows */
  KhAccessFilter      filter;
  char               *person_name;  /* of filter.client_id, for the chip and the file name */

  gboolean            for_client;   /* one person's log: the person cannot change */
  gboolean            loaded;
  gboolean            stale;
  gboolean            users_asked;
  guint64             total;
  guint64             n_newer;
};

G_DEFINE_FINAL_TYPE (KhAccessLogPage, kh_access_log_page, GTK_TYPE_WIDGET)

typedef enum {
  COLUMN_TIME,
  COLUMN_USER,
  COLUMN_PERSON,
  COLUMN_WHAT,
  COLUMN_BASIS,
} Column;

static void read_page (KhAccessLogPage *self, KhAccessPaging paging, KhAccessEntry *from);

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

/* "12 345" with the locale's digit grouping. */
static char *
format_count (guint64 n)
{
  return g_strdup_printf ("%'llu", (unsigned long long) n);
}

static void
update_actions (KhAccessLogPage *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->entries));
  gboolean has_newer = self->loaded && self->n_newer > 0;
  gboolean has_older = self->loaded && self->n_newer + shown < self->total;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "log.newest", has_newer);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "log.newer", has_newer);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "log.older", has_older);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "log.oldest", has_older);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "log.export",
                                 self->filter.client_id > 0 && self->export_cancellable == NULL);
}

static void
update_view (KhAccessLogPage *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->entries));
  g_autofree char *heading = NULL;

  if (shown == 0)
    {
      gboolean filtered = self->filter.user_id > 0 || self->filter.what != 0
                          || g_date_valid (&self->filter.from) || g_date_valid (&self->filter.to)
                          || (!self->for_client && (self->filter.client_id > 0
                                                    || self->filter.person_words != NULL));

      adw_status_page_set_description (self->empty_page,
                                       filtered ? _("No entries match the filters.")
                                                : _("Nobody has read anyone’s data yet."));
      gtk_stack_set_visible_child_name (self->stack, "empty");
      heading = g_strdup (_("No entries"));
    }
  else
    {
      g_autofree char *first = format_count (self->n_newer + 1);
      g_autofree char *last = format_count (self->n_newer + shown);
      g_autofree char *total = format_count (self->total);

      gtk_stack_set_visible_child_name (self->stack, "list");
      /* Translators: the access log's heading, e.g. "Entries 101–200 of 5 000",
       * newest first; the plural follows the total */
      heading = g_strdup_printf (ngettext ("Entry %s–%s of %s", "Entries %s–%s of %s",
                                           (gulong) MIN (self->total, G_MAXULONG)),
                                 first, last, total);
    }
  gtk_label_set_text (self->count_label, heading);
  update_actions (self);
}

static void
log_loaded_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(KhAccessLogPage) self = user_data;
  g_autoptr(KhAccessLogSlice) slice = NULL;
  g_autoptr(GError) error = NULL;
  GtkAdjustment *adjustment;

  slice = kh_store_read_access_log_finish (KH_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (slice == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  /* A page beyond the end (rows gone from under a filter): the oldest. */
  if (slice->entries->len == 0 && slice->total > 0)
    {
      read_page (self, KH_ACCESS_PAGE_OLDEST, NULL);
      return;
    }

  self->loaded = TRUE;
  self->total = slice->total;
  self->n_newer = slice->n_newer;
  g_list_store_splice (self->entries, 0, g_list_model_get_n_items (G_LIST_MODEL (self->entries)),
                       slice->entries->pdata, slice->entries->len);
  /* One person's log: their name comes with the rows. */
  if (self->for_client && self->person_name == NULL && slice->entries->len > 0)
    self->person_name = g_strdup (((KhAccessEntry *) g_ptr_array_index (slice->entries, 0))->client_name);

  adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
  update_view (self);
}

static void
read_page (KhAccessLogPage *self,
           KhAccessPaging   paging,
           KhAccessEntry   *from)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->stale = FALSE;

  if (!self->loaded)
    gtk_stack_set_visible_child_name (self->stack, "loading");

  kh_store_read_access_log_async (self->store, &self->filter, paging,
                                  from != NULL ? g_date_time_to_unix (from->at) : 0,
                                  from != NULL ? from->id : 0,
                                  PAGE_SIZE, self->cancellable, log_loaded_cb, g_object_ref (self));
}

static KhAccessEntry *
shown_entry (KhAccessLogPage *self,
             gboolean         last)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));
  g_autoptr(KhAccessEntry) entry = NULL;

  if (n == 0)
    return NULL;
  entry = g_list_model_get_item (G_LIST_MODEL (self->entries), last ? n - 1 : 0);
  /* The store holds its own reference as long as the page shows it. */
  return entry;
}

static void
paging_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KhAccessLogPage *self = KH_ACCESS_LOG_PAGE (widget);

  if (g_str_equal (action_name, "log.newest"))
    read_page (self, KH_ACCESS_PAGE_NEWEST, NULL);
  else if (g_str_equal (action_name, "log.oldest"))
    read_page (self, KH_ACCESS_PAGE_OLDEST, NULL);
  else if (g_str_equal (action_name, "log.newer"))
    read_page (self, KH_ACCESS_PAGE_NEWER, shown_entry (self, FALSE));
  else if (g_str_equal (action_name, "log.older"))
    read_page (self, KH_ACCESS_PAGE_OLDER, shown_entry (self, TRUE));
}

/* ---- filters ---- */

static void
set_note (KhAccessLogPage *self,
          const char      *text)
{
  gtk_label_set_text (self->note_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), text != NULL);
}

/* The rows are shown afresh (new filters, Reload, shown again): a new
 * showing, in which the store logs each person whose rows are read once,
 * however many pages are turned (kh_db_read_access_log). */
static void
read_afresh (KhAccessLogPage *self)
{
  self->filter.showing = kh_work_list_new_showing ();
  read_page (self, KH_ACCESS_PAGE_NEWEST, NULL);
}

static void
filters_changed (KhAccessLogPage *self)
{
  update_actions (self);
  if (self->loaded || gtk_widget_get_mapped (GTK_WIDGET (self)))
    read_afresh (self);
}

static void
person_changed_cb (KhAccessLogPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->person_entry));
  g_autofree char *words = kh_text_clean (text);

  /* A person chosen on a row replaces the typed name (the entry is hidden). */
  if (self->filter.client_id > 0 || g_strcmp0 (words, self->filter.person_words) == 0)
    return;
  g_free (self->filter.person_words);
  self->filter.person_words = g_steal_pointer (&words);
  filters_changed (self);
}

/* Only this person's rows: the chip takes the place of the name filter. */
static void
choose_person (KhAccessLogPage *self,
               gint64           client_id,
               const char      *name)
{
  self->filter.client_id = client_id;
  g_clear_pointer (&self->filter.person_words, g_free);
  g_free (self->person_name);
  self->person_name = g_strdup (name);
  if (name != NULL)
    {
      /* Translators: the access log's person filter, "Only Mäkinen, Aino" */
      g_autofree char *only = g_strdup_printf (_("Only %s"), name);

      gtk_label_set_text (self->person_label, only);
    }
  else
    gtk_label_set_text (self->person_label, "");
  /* The name typed before stays out of the filter while a person is chosen. */
  if (client_id > 0 && !self->for_client)
    gtk_editable_set_text (GTK_EDITABLE (self->person_entry), "");
  gtk_widget_set_visible (self->person_chip, client_id > 0 && !self->for_client);
  gtk_widget_set_visible (GTK_WIDGET (self->person_entry), client_id <= 0 && !self->for_client);
  set_note (self, NULL);
}

static void
row_activated_cb (KhAccessLogPage *self,
                  guint            position)
{
  g_autoptr(KhAccessEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), position);

  if (self->for_client || entry == NULL || entry->client_id <= 0 || entry->client_name == NULL)
    return;
  choose_person (self, entry->client_id, entry->client_name);
  filters_changed (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
clear_person_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  KhAccessLogPage *self = KH_ACCESS_LOG_PAGE (widget);

  if (self->for_client || self->filter.client_id <= 0)
    return;
  choose_person (self, 0, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->person_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->person_entry));
  filters_changed (self);
}

static void
dropdowns_changed_cb (KhAccessLogPage *self)
{
  guint user = gtk_drop_down_get_selected (self->user_dropdown);
  guint what = gtk_drop_down_get_selected (self->what_dropdown);
  gint64 user_id = user < self->user_ids->len ? g_array_index (self->user_ids, gint64, user) : 0;
  int what_value = what < self->whats->len ? g_array_index (self->whats, int, what) : 0;

  if (user_id == self->filter.user_id && what_value == (int) self->filter.what)
    return;
  self->filter.user_id = user_id;
  self->filter.what = what_value;
  filters_changed (self);
}

/* Reads one date field: TRUE with `out` cleared for an empty field. */
static gboolean
read_date (GtkEntry *entry,
           GDate    *out)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *clean = kh_text_clean (text);

  g_date_clear (out, 1);
  if (clean == NULL)
    return TRUE;
  return kh_date_parse (clean, out);
}

static void
dates_changed_cb (KhAccessLogPage *self)
{
  GDate from, to;
  gboolean from_ok = read_date (self->from_entry, &from);
  gboolean to_ok = read_date (self->to_entry, &to);
  const char *problem = NULL;

  if (!from_ok || !to_ok)
    problem = _("Type the date as d.m.yyyy, for example 2.3.2026.");
  else if (g_date_valid (&from) && g_date_valid (&to) && g_date_compare (&from, &to) > 0)
    problem = _("The first day is after the last day.");

  if (!from_ok || problem != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->from_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->from_entry), "error");
  if (!to_ok || (problem != NULL && from_ok && to_ok))
    gtk_widget_add_css_class (GTK_WIDGET (self->to_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->to_entry), "error");
  gtk_label_set_text (self->date_error_label, problem != NULL ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->date_error_label), problem != NULL);
  /* What was typed stays; the rows stay as they were until it reads right. */
  if (problem != NULL)
    return;

  if (g_date_valid (&from) == g_date_valid (&self->filter.from)
      && g_date_valid (&to) == g_date_valid (&self->filter.to)
      && (!g_date_valid (&from) || g_date_compare (&from, &self->filter.from) == 0)
      && (!g_date_valid (&to) || g_date_compare (&to, &self->filter.to) == 0))
    return;
  self->filter.from = from;
  self->filter.to = to;
  filters_changed (self);
}

static void
date_focus_cb (KhAccessLogPage *self,
               GParamSpec      *pspec,
               GtkWidget       *entry)
{
  if (!gtk_widget_has_focus (entry))
    dates_changed_cb (self);
}

static void
users_listed_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(KhAccessLogPage) self = user_data;
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GError) error = NULL;
  GtkStringList *names;

  users = kh_store_list_users_finish (KH_STORE (object), result, &error);
  if (users == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_message ("Could not list the users: %s", error->message);
      return;
    }

  names = GTK_STRING_LIST (gtk_drop_down_get_model (self->user_dropdown));
  for (guint i = 0; i < users->len; i++)
    {
      KhUser *user = g_ptr_array_index (users, i);

      gtk_string_list_append (names, user->display_name != NULL ? user->display_name : user->account);
      g_array_append_val (self->user_ids, user->id);
    }
}

/* ---- export ---- */

static void
export_finished (KhAccessLogPage *self,
                 const char      *note)
{
  g_clear_object (&self->export_cancellable);
  set_note (self, note);
  update_actions (self);
  /* The export is in the log now. */
  read_afresh (self);
}

static void
file_written_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(KhAccessLogPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *note = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* Translators: %s says why, from the system */
      note = g_strdup_printf (_("The extract could not be saved: %s"), error->message);
    }
  else
    {
      name = g_file_get_parse_name (G_FILE (object));
      /* Translators: %s is a file name */
      note = g_strdup_printf (_("The extract was saved to %s. Its texts are in the person’s language."), name);
    }
  export_finished (self, note);
  g_signal_emit_by_name (self, "exported", error == NULL);
}

static void
extract_made_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(KhAccessLogPage) self = user_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  GFile *file = g_object_get_data (G_OBJECT (self), "export-file");

  bytes = kh_store_export_access_log_finish (KH_STORE (object), result, &error);
  if (bytes == NULL)
    {
      g_autofree char *note = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      note = g_strdup_printf (_("The extract could not be saved: %s"), error->message);
      export_finished (self, note);
      g_signal_emit_by_name (self, "exported", FALSE);
      return;
    }

  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                       self->export_cancellable, file_written_cb, g_object_ref (self));
}

/* "kayttoloki-makinen-aino-2026-12-04.csv": no spaces or commas to quote. */
static char *
suggest_file_name (KhAccessLogPage *self)
{
  g_autoptr(GString) name = g_string_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  /* Translators: the start of the extract's file name, lower case, no spaces */
  const char *prefix = _("access-log");
  g_autofree char *folded = NULL;

  g_string_append (name, prefix);
  if (self->person_name != NULL)
    {
      folded = g_utf8_strdown (self->person_name, -1);
      g_string_append_c (name, '-');
      for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (g_unichar_isalnum (c))
            g_string_append_unichar (name, c);
          else if (name->len > 0 && name->str[name->len - 1] != '-')
            g_string_append_c (name, '-');
        }
      if (name->str[name->len - 1] == '-')
        g_string_truncate (name, name->len - 1);
    }
  g_string_append_printf (name, "-%s.csv", date);
  return g_string_free (g_steal_pointer (&name), FALSE);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     KhAccessLogPage *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);
  if (file != NULL)
    kh_access_log_page_export_to_file (self, file);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KhAccessLogPage *self = KH_ACCESS_LOG_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *suggested = NULL;
  GtkFileChooserNative *chooser;

  if (self->filter.client_id <= 0 || self->chooser != NULL || self->export_cancellable != NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Export the Person’s Access Log"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  suggested = suggest_file_name (self);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
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

  if (!self->users_asked && !self->for_client)
    {
      self->users_asked = TRUE;
      kh_store_list_users_async (self->store, self->cancellable, users_listed_cb, g_object_ref (self));
    }
  if (!self->loaded || self->stale)
    kh_access_log_page_reload (self);
}

static void
kh_access_log_page_dispose (GObject *object)
{
  KhAccessLogPage *self = KH_ACCESS_LOG_PAGE (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->export_cancellable);
  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (self->chooser);
      g_clear_object (&self->chooser);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), KH_TYPE_ACCESS_LOG_PAGE);
  /* Children without an id are not released by dispose_template. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->export_cancellable);
  g_clear_object (&self->entries);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kh_access_log_page_parent_class)->dispose (object);
}

static void
kh_access_log_page_finalize (GObject *object)
{
  KhAccessLogPage *self = KH_ACCESS_LOG_PAGE (object);

  kh_access_filter_clear (&self->filter);
  g_free (self->person_name);
  g_array_unref (self->user_ids);
  g_array_unref (self->whats);

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

  /**
   * KhAccessLogPage::exported:
   * @ok: whether the file was written
   *
   * An export has ended (the note under the heading says how).
   */
  g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/clients/kh-access-log-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KhAccessLogPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, KhAccessLogPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, KhAccessLogPage, date_error_label);
  gtk_widget_class_bind_template_child (widget_class, KhAccessLogPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, KhAccessLogPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, KhAccessLogPage, export_button);
  gtk_widget_class_bind_template_child (widget_class, KhAccessLogPage, filter_box);
  gtk_widget_class_bind_template_child (widget_class, KhAccessLogPage, from_entry);
  gtk_widget_class_bind_template_child (widget_class, KhAccessLogPage, newer_button);
  gtk_widget_class_bind_template_child (widget_class, KhAccessLogPage, note_label);
  gtk_widget_class_bind_template_child (widget_class, KhAccessLogPage, older_button);
  gtk_widget_class_bind_template_child (widget_class, KhAccessLogPage, person_chip);
  gtk_widget_class_bind_template_child (widget_class, KhAccessLogPage, person_entry);
  gtk_widget_class_bind_template_child (widget_class, KhAccessLogPage, person_label);
  gtk_widget_class_bind_template_child (widget_class, KhAccessLogPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, KhAccessLogPage, stack);
  gtk_widget_class_bind_template_child (widget_class, KhAccessLogPage, to_entry);
  gtk_widget_class_bind_template_child (widget_class, KhAccessLogPage, user_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KhAccessLogPage, what_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, date_focus_cb);
  gtk_widget_class_bind_template_callback (widget_class, dates_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, person_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "log.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "log.newest", NULL, paging_action);
  gtk_widget_class_install_action (widget_class, "log.newer", NULL, paging_action);
  gtk_widget_class_install_action (widget_class, "log.older", NULL, paging_action);
  gtk_widget_class_install_action (widget_class, "log.oldest", NULL, paging_action);
  gtk_widget_class_install_action (widget_class, "log.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "log.clear-person", NULL, clear_person_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "log.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_ALT_MASK, "log.newer", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_ALT_MASK, "log.older", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
kh_access_log_page_init (KhAccessLogPage *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;
  g_autoptr(GtkStringList) users = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) whats = gtk_string_list_new (NULL);
  gint64 everyone = 0;
  int every_kind = 0;

  gtk_widget_init_template (GTK_WIDGET (self));
  kh_accessible_fix_mnemonics (GTK_WIDGET (self));

  kh_access_filter_init (&self->filter);
  self->entries = g_list_store_new (KH_TYPE_ACCESS_ENTRY);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->entries)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));

  add_column (self, COLUMN_TIME, _("Time"), FALSE);
  add_column (self, COLUMN_USER, _("User"), TRUE);
  add_column (self, COLUMN_PERSON, _("Person"), TRUE);
  add_column (self, COLUMN_WHAT, _("What was read"), TRUE);
  add_column (self, COLUMN_BASIS, _("Basis"), TRUE);

  /* The users come from the store when the view is first shown. */
  self->user_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (self->user_ids, everyone);
  gtk_string_list_append (users, _("Every user"));
  gtk_drop_down_set_model (self->user_dropdown, G_LIST_MODEL (users));

  self->whats = g_array_new (FALSE, FALSE, sizeof (int));
  g_array_append_val (self->whats, every_kind);
  gtk_string_list_append (whats, _("Every kind of read"));
  for (int what = 1; what < MAX_WHAT; what++)
    {
      const char *label = kh_access_what_label (what);

      if (label == NULL)
        continue;
      gtk_string_list_append (whats, label);
      g_array_append_val (self->whats, what);
    }
  gtk_drop_down_set_model (self->what_dropdown, G_LIST_MODEL (whats));

  g_signal_connect_object (self->user_dropdown, "notify::selected",
                           G_CALLBACK (dropdowns_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->what_dropdown, "notify::selected",
                           G_CALLBACK (dropdowns_changed_cb), self, G_CONNECT_SWAPPED);
  update_actions (self);
}

GtkWidget *
kh_access_log_page_new (KhStore *store)
{
  KhAccessLogPage *self;

  g_return_val_if_fail (KH_IS_STORE (store), NULL);

  self = g_object_new (KH_TYPE_ACCESS_LOG_PAGE, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);

  return GTK_WIDGET (self);
}

/**
 * kh_access_log_page_new_for_client:
 *
 * One person's log: who has read their data, when, what and on what basis
 * — what the unit needs to answer the person's own request to know (the
 * Client Data Act 11 §), with the export of the extract. Paged and filtered
 * like the unit's log, but always this person. Read when shown.
 */
GtkWidget *
kh_access_log_page_new_for_client (KhStore *store,
                                   gint64   client_id)
{
  KhAccessLogPage *self;

  g_return_val_if_fail (KH_IS_STORE (store), NULL);
  g_return_val_if_fail (client_id > 0, NULL);

  self = KH_ACCESS_LOG_PAGE (kh_access_log_page_new (store));
  self->for_client = TRUE;
  choose_person (self, client_id, NULL);
  /* Every row is the same person: no name filter, no user list needed. */
  gtk_widget_set_visible (self->filter_box, FALSE);
  update_actions (self);

  return GTK_WIDGET (self);
}

void
kh_access_log_page_reload (KhAccessLogPage *self)
{
  g_return_if_fail (KH_IS_ACCESS_LOG_PAGE (self));

  read_afresh (self);
}

/**
 * kh_access_log_page_export_to_file:
 *
 * Writes the chosen person's extract to @file (what the export button does
 * after its file chooser). Ends with #KhAccessLogPage::exported.
 */
void
kh_access_log_page_export_to_file (KhAccessLogPage *self,
                                   GFile           *file)
{
  g_return_if_fail (KH_IS_ACCESS_LOG_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->filter.client_id > 0);

  if (self->export_cancellable != NULL)
    return;
  self->export_cancellable = g_cancellable_new ();
  g_object_set_data_full (G_OBJECT (self), "export-file", g_object_ref (file), g_object_unref);
  set_note (self, _("Saving the extract…"));
  update_actions (self);
  kh_store_export_access_log_async (self->store, self->filter.client_id, self->export_cancellable,
                                    extract_made_cb, g_object_ref (self));
}

GListModel *
kh_access_log_page_get_model (KhAccessLogPage *self)
{
  g_return_val_if_fail (KH_IS_ACCESS_LOG_PAGE (self), NULL);

  return G_LIST_MODEL (self->entries);
}

guint64
kh_access_log_page_get_total (KhAccessLogPage *self)
{
  g_return_val_if_fail (KH_IS_ACCESS_LOG_PAGE (self), 0);

  return self->total;
}
