/* kh-person-picker.c — search before create: find a person, or add one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The "who" of every form that is about a person: the intake now, the
 * caseload, the assessment and the plan later (issue 5, 3.2). Typing
 * searches as you type; the list says how many match and asks to narrow
 * when it shows fewer (2.2). The row that Enter picks is the selected one,
 * and nothing is selected when two rows are equally good: Enter then says
 * why instead of picking one of them (two people shared "130806A**** · born
 * 13.8.2006", and Enter took the wrong one). A new person is typed into
 * KhPersonFields (with the no-identity-code path), and before it is saved
 * the picker warns about a person with the same name and birth date.
 */
#define G_LOG_DOMAIN "kohtaamo-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kh-search.h"
#include "core/kh-text.h"

#include "kh-field-message.h"
#include "kh-list-factory.h"
#include "kh-person-fields.h"
#include "kh-person-row.h"
#include "kh-person-picker.h"
#include "ui/common/kh-accessible.h"

#define SEARCH_DELAY_MS 150
#define DEFAULT_LIMIT 8

struct _KhPersonPicker
{
  AdwBin parent_instance;

  /* template widgets */
  GtkButton          *change_button;
  AdwActionRow       *chosen_row;
  GtkButton          *new_person_button;
  KhPersonFields     *person_fields;
  GtkFrame           *results_frame;
  GListStore         *results;
  GtkListView        *results_view;
  GtkBox             *search_box;
  GtkSearchEntry     *search_entry;
  GtkButton          *search_instead_button;
  GtkLabel           *search_status_label;
  GtkSingleSelection *selection;
  GtkStack           *who_stack;

  /* owned */
  KhStore            *store;
  KhClient           *client;           /* the chosen existing person */
  KhClientSearch     *search;           /* the answer the list shows */
  char               *search_query;     /* the cleaned text `search` answers */
  char               *pending_query;    /* the text of the search under way */
  GCancellable       *search_cancellable;
  GCancellable       *cancellable;      /* the duplicates check; cancelled on dispose */
  guint               search_timeout_id;
  guint               limit;

  guint               prefilled : 1;    /* the new-person fields got the search text */
  guint               searching : 1;    /* the rows are for older text: a search is due or running */
  guint               pick_when_done : 1; /* Enter came while searching */
  guint               resetting : 1;
  guint               disposed : 1;
};

G_DEFINE_FINAL_TYPE (KhPersonPicker, kh_person_picker, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_MODE,
  PROP_CLIENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHOSEN,
  CHANGED,
  STOPPED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GType
kh_person_picker_mode_get_type (void)
{
  static gsize type = 0;
  static const GEnumValue values[] = {
    { KH_PERSON_PICKER_SEARCH, "KH_PERSON_PICKER_SEARCH", "search" },
    { KH_PERSON_PICKER_CHOSEN, "KH_PERSON_PICKER_CHOSEN", "chosen" },
    { KH_PERSON_PICKER_NEW, "KH_PERSON_PICKER_NEW", "new" },
    { 0, NULL, NULL },
  };

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, g_enum_register_static ("KhPersonPickerMode", values));
  return (GType) type;
}

static void
set_mode (KhPersonPicker *self,
          const char     *page)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->who_stack), page) == 0)
    return;
  gtk_stack_set_visible_child_name (self->who_stack, page);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
}

static void
emit_changed (KhPersonPicker *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/* ---- the results ---- */

static void
show_status (KhPersonPicker *self,
             const char     *text)
{
  gtk_label_set_text (self->search_status_label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->search_status_label), text != NULL);
}

static void
clear_results (KhPersonPicker *self)
{
  g_clear_pointer (&self->search, kh_client_search_free);
  g_clear_pointer (&self->search_query, g_free);
  g_list_store_remove_all (self->results);
  gtk_widget_set_visible (GTK_WIDGET (self->results_frame), FALSE);
  show_status (self, NULL);
}

static void
show_search (KhPersonPicker *self,
             KhClientSearch *search)
{
  g_autofree char *status = kh_client_search_dup_status (search);
  int pick = kh_client_search_pick (search);

  g_clear_pointer (&self->search, kh_client_search_free);
  self->search = search;
  g_list_store_splice (self->results, 0, g_list_model_get_n_items (G_LIST_MODEL (self->results)),
                       search->hits->pdata, search->hits->len);
  /* The row Enter picks is the selected one; on a tie, none is. */
  gtk_single_selection_set_selected (self->selection,
                                     pick >= 0 ? (guint) pick : GTK_INVALID_LIST_POSITION);
  gtk_widget_set_visible (GTK_WIDGET (self->results_frame), search->hits->len > 0);
  show_status (self, status);
}

static void search_activated_cb (GtkSearchEntry *entry,
                                 KhPersonPicker *self);

static void
search_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(KhPersonPicker) self = user_data;
  g_autoptr(GError) error = NULL;
  KhClientSearch *search;

  search = kh_store_search_clients_full_finish (KH_STORE (object), result, &error);
  if (self->disposed || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_clear_pointer (&search, kh_client_search_free);
      return;
    }
  self->searching = FALSE;
  if (search == NULL)
    {
      self->pick_when_done = FALSE;
      clear_results (self);
      show_status (self, error->message);
      return;
    }
  g_free (self->search_query);
  self->search_query = g_steal_pointer (&self->pending_query);
  show_search (self, search);
  if (self->pick_when_done)
    {
      self->pick_when_done = FALSE;
      search_activated_cb (self->search_entry, self);
    }
}

static gboolean
search_timeout_cb (gpointer user_data)
{
  KhPersonPicker *self = user_data;
  g_autofree char *query = kh_text_clean (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

  self->search_timeout_id = 0;
  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);

  if (query == NULL || self->store == NULL)
    {
      self->searching = FALSE;
      self->pick_when_done = FALSE;
      clear_results (self);
      return G_SOURCE_REMOVE;
    }

  self->search_cancellable = g_cancellable_new ();
  g_free (self->pending_query);
  self->pending_query = g_steal_pointer (&query);
  kh_store_search_clients_full_async (self->store, self->pending_query, self->limit, self->search_cancellable,
                                      search_done_cb, g_object_ref (self));
  return G_SOURCE_REMOVE;
}

static void
search_changed_cb (GtkEditable    *editable,
                   KhPersonPicker *self)
{
  kh_person_picker_set_message (self, NULL);
  g_clear_handle_id (&self->search_timeout_id, g_source_remove);
  if (self->resetting)
    return;
  self->searching = TRUE;
  self->search_timeout_id = g_timeout_add (SEARCH_DELAY_MS, search_timeout_cb, self);
}

/* Whether the rows on screen answer exactly the text now in the entry. */
static gboolean
shows_entry_text (KhPersonPicker *self)
{
  g_autofree char *query = kh_text_clean (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

  return self->search != NULL && query != NULL && g_strcmp0 (query, self->search_query) == 0;
}

/* At once, before the entry's own delay: the rows on screen are for older
 * text, so nothing is Enter's pick until the new ones arrive (typing
 * "nyst" fast and Enter must not take the row that "ny" selected). Text
 * typed back to what the rows answer ("nys", then Backspace) gets their
 * pick back. */
static void
text_changed_cb (GtkEditable    *editable,
                 KhPersonPicker *self)
{
  int pick;

  if (self->resetting)
    return;
  self->searching = TRUE;
  pick = shows_entry_text (self) ? kh_client_search_pick (self->search) : -1;
  gtk_single_selection_set_selected (self->selection,
                                     pick >= 0 ? (guint) pick : GTK_INVALID_LIST_POSITION);
}

/* ---- choosing ---- */

static void
choose (KhPersonPicker *self,
        KhSearchHit    *hit)
{
  g_autofree char *name = kh_client_dup_display_name (hit->client);
  g_autofree char *summary = kh_search_hit_dup_summary (hit);

  g_set_object (&self->client, hit->client);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->chosen_row), name);
  adw_action_row_set_subtitle (self->chosen_row, summary);
  kh_person_picker_set_message (self, NULL);
  set_mode (self, "chosen");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
  emit_changed (self);
  g_signal_emit (self, signals[CHOSEN], 0, self->client);
}

static void
choose_at (KhPersonPicker *self,
           guint           position)
{
  g_autoptr(KhSearchHit) hit = g_list_model_get_item (G_LIST_MODEL (self->results), position);

  if (hit != NULL)
    choose (self, hit);
}

static void
results_activated_cb (GtkListView    *view,
                      guint           position,
                      KhPersonPicker *self)
{
  choose_at (self, position);
}

/* A click on a row picks it (the list itself would only select it). */
static void
results_released_cb (GtkGestureClick *gesture,
                     int              n_press,
                     double           x,
                     double           y,
                     KhPersonPicker  *self)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self->results_view), x, y, GTK_PICK_DEFAULT);
  GtkWidget *row = picked ? gtk_widget_get_ancestor (picked, KH_TYPE_PERSON_ROW) : NULL;
  KhSearchHit *hit = row ? kh_person_row_get_hit (KH_PERSON_ROW (row)) : NULL;

  if (hit == NULL)
    return;
  g_object_ref (hit);
  choose (self, hit);
  g_object_unref (hit);
}

/* Enter in the search line: the selected row, or why there is none. With
 * nothing listed at all, Enter does what it does elsewhere in the window. */
static void
search_activated_cb (GtkSearchEntry *entry,
                     KhPersonPicker *self)
{
  guint selected = gtk_single_selection_get_selected (self->selection);
  g_autofree char *why = NULL;

  /* Decide on the rows for the text now in the entry: at once when the
   * rows on screen answer it, even if the entry's delayed search for the
   * same text is still to come; else when the new rows arrive. */
  if (self->searching && !shows_entry_text (self))
    {
      self->pick_when_done = TRUE;
      return;
    }
  if (selected != GTK_INVALID_LIST_POSITION)
    {
      choose_at (self, selected);
      return;
    }
  if (self->search == NULL || self->search->hits->len == 0)
    {
      gtk_widget_activate_default (GTK_WIDGET (self));
      return;
    }
  why = kh_client_search_dup_tie_message (self->search);
  show_status (self, why);
}

static void
search_stopped_cb (GtkSearchEntry *entry,
                   KhPersonPicker *self)
{
  if (gtk_editable_get_text (GTK_EDITABLE (entry))[0] != '\0')
    gtk_editable_set_text (GTK_EDITABLE (entry), "");
  else
    /* Escape in an empty search is the form's: "stopped" lets it leave. */
    g_signal_emit (self, signals[STOPPED], 0);
}

/* Down from the search line goes into the list, at the selected row. */
static gboolean
search_key_pressed_cb (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       KhPersonPicker        *self)
{
  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return FALSE;
  if (g_list_model_get_n_items (G_LIST_MODEL (self->results)) == 0)
    return FALSE;
  if (gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, 0);
  return gtk_widget_grab_focus (GTK_WIDGET (self->results_view));
}

/* Up from the first row goes back to the search line. */
static gboolean
results_key_pressed_cb (GtkEventControllerKey *controller,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        KhPersonPicker        *self)
{
  if ((keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up)
      && gtk_single_selection_get_selected (self->selection) == 0)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
      return TRUE;
    }
  return FALSE;
}

static void
change_clicked_cb (GtkButton      *button,
                   KhPersonPicker *self)
{
  g_clear_object (&self->client);
  set_mode (self, "search");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
  emit_changed (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
new_person_clicked_cb (GtkButton      *button,
                       KhPersonPicker *self)
{
  gboolean had_client = self->client != NULL;

  g_clear_object (&self->client);
  kh_person_picker_set_message (self, NULL);
  if (!self->prefilled)
    {
      kh_person_fields_prefill (self->person_fields,
                                gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
      self->prefilled = TRUE;
    }
  set_mode (self, "new");
  if (had_client)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
  emit_changed (self);
  kh_person_fields_focus_start (self->person_fields);
}

static void
person_fields_changed_cb (KhPersonFields *fields,
                          KhPersonPicker *self)
{
  emit_changed (self);
}

/* ---- the duplicates check ---- */

static void
duplicate_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       gpointer          user_data)
{
  g_autoptr(GTask) task = user_data;
  KhPersonPicker *self = g_task_get_source_object (task);
  KhSearchHit *existing = g_object_get_data (G_OBJECT (dialog), "kh-hit");

  if (self->disposed)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "disposed");
      return;
    }
  if (g_strcmp0 (response, "use") == 0 && existing != NULL)
    {
      choose (self, existing);
      g_task_return_int (task, KH_PERSON_PICKER_USE_EXISTING);
    }
  else if (g_strcmp0 (response, "new") == 0)
    g_task_return_int (task, KH_PERSON_PICKER_CREATE_NEW);
  else
    {
      kh_person_fields_focus_start (self->person_fields);
      g_task_return_int (task, KH_PERSON_PICKER_KEEP_EDITING);
    }
}

static void
similar_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  KhPersonPicker *self = g_task_get_source_object (task);
  g_autoptr(GPtrArray) similar = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KhSearchHit) existing = NULL;
  g_autofree char *name = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *body = NULL;
  GtkRoot *root;
  GtkWidget *dialog;

  similar = kh_store_find_similar_clients_finish (KH_STORE (object), result, &error);
  if (similar == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (self->disposed)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "disposed");
      return;
    }
  if (similar->len == 0)
    {
      g_task_return_int (task, KH_PERSON_PICKER_CREATE_NEW);
      return;
    }
  /* No window to ask in: the picker was taken out of it meanwhile. */
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (!GTK_IS_WINDOW (root))
    {
      g_task_return_int (task, KH_PERSON_PICKER_KEEP_EDITING);
      return;
    }

  existing = kh_search_hit_new (g_ptr_array_index (similar, 0), KH_MATCH_WORD);
  name = kh_client_dup_display_name (existing->client);
  summary = kh_search_hit_dup_summary (existing);
  body = g_strdup_printf ("%s\n%s", name, summary);

  dialog = adw_message_dialog_new (GTK_WINDOW (root),
                                   _("A person with the same name and birth date exists"),
                                   body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "new", _("Create _New Anyway"),
                                    "use", _("_Use Existing Person"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "use",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "use");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "kh-hit", g_steal_pointer (&existing), g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (duplicate_response_cb), g_steal_pointer (&task));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- GObject ---- */

static gboolean
kh_person_picker_grab_focus (GtkWidget *widget)
{
  KhPersonPicker *self = KH_PERSON_PICKER (widget);

  switch (kh_person_picker_get_mode (self))
    {
    case KH_PERSON_PICKER_NEW:
      kh_person_fields_focus_start (self->person_fields);
      return TRUE;
    case KH_PERSON_PICKER_CHOSEN:
      return gtk_widget_grab_focus (GTK_WIDGET (self->change_button));
    case KH_PERSON_PICKER_SEARCH:
    default:
      return gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
    }
}

static void
kh_person_picker_dispose (GObject *object)
{
  KhPersonPicker *self = KH_PERSON_PICKER (object);

  self->disposed = TRUE;
  g_clear_handle_id (&self->search_timeout_id, g_source_remove);
  g_cancellable_cancel (self->search_cancellable);
  g_cancellable_cancel (self->cancellable);
  /* The stack is both the bin's child and a template child: out of the
   * bin first, so that neither lets go of it twice. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KH_TYPE_PERSON_PICKER);
  g_clear_object (&self->search_cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->store);
  g_clear_pointer (&self->search, kh_client_search_free);
  g_clear_pointer (&self->search_query, g_free);
  g_clear_pointer (&self->pending_query, g_free);

  G_OBJECT_CLASS (kh_person_picker_parent_class)->dispose (object);
}

static void
kh_person_picker_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  KhPersonPicker *self = KH_PERSON_PICKER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_MODE:
      g_value_set_enum (value, kh_person_picker_get_mode (self));
      break;
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_person_picker_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  KhPersonPicker *self = KH_PERSON_PICKER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      kh_person_picker_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_person_picker_class_init (KhPersonPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_person_picker_dispose;
  object_class->get_property = kh_person_picker_get_property;
  object_class->set_property = kh_person_picker_set_property;
  widget_class->grab_focus = kh_person_picker_grab_focus;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, KH_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODE] =
    g_param_spec_enum ("mode", NULL, NULL, kh_person_picker_mode_get_type (), KH_PERSON_PICKER_SEARCH,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, KH_TYPE_CLIENT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, KH_TYPE_CLIENT);
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[STOPPED] = g_signal_new ("stopped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (KH_TYPE_SEARCH_HIT);
  g_type_ensure (KH_TYPE_PERSON_ROW);
  g_type_ensure (KH_TYPE_PERSON_FIELDS);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/fi/kohtaamo/Kohtaamo/ui/common/kh-person-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, KhPersonPicker, change_button);
  gtk_widget_class_bind_template_child (widget_class, KhPersonPicker, chosen_row);
  gtk_widget_class_bind_template_child (widget_class, KhPersonPicker, new_person_button);
  gtk_widget_class_bind_template_child (widget_class, KhPersonPicker, person_fields);
  gtk_widget_class_bind_template_child (widget_class, KhPersonPicker, results);
  gtk_widget_class_bind_template_child (widget_class, KhPersonPicker, results_frame);
  gtk_widget_class_bind_template_child (widget_class, KhPersonPicker, results_view);
  gtk_widget_class_bind_template_child (widget_class, KhPersonPicker, search_box);
  gtk_widget_class_bind_template_child (widget_class, KhPersonPicker, search_entry);
  gtk_widget_class_bind_template_child (widget_class, KhPersonPicker, search_instead_button);
  gtk_widget_class_bind_template_child (widget_class, KhPersonPicker, search_status_label);
  gtk_widget_class_bind_template_child (widget_class, KhPersonPicker, selection);
  gtk_widget_class_bind_template_child (widget_class, KhPersonPicker, who_stack);
}

static void
kh_person_picker_init (KhPersonPicker *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  GtkEventController *keys;
  GtkGesture *click;

  gtk_widget_init_template (GTK_WIDGET (self));
  kh_accessible_fix_mnemonics (GTK_WIDGET (self));
  factory = kh_list_factory_new (KH_TYPE_PERSON_ROW, "hit");
  gtk_list_view_set_factory (self->results_view, factory);
  kh_field_message_ensure_style ();
  self->limit = DEFAULT_LIMIT;
  self->cancellable = g_cancellable_new ();

  g_signal_connect (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect (self->search_entry, "changed", G_CALLBACK (text_changed_cb), self);
  g_signal_connect (self->search_entry, "activate", G_CALLBACK (search_activated_cb), self);
  g_signal_connect (self->search_entry, "stop-search", G_CALLBACK (search_stopped_cb), self);
  keys = gtk_event_controller_key_new ();
  /* Before the entry's text takes the arrow keys for itself. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (search_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);

  g_signal_connect (self->results_view, "activate", G_CALLBACK (results_activated_cb), self);
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (results_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->results_view), keys);
  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (results_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->results_view), GTK_EVENT_CONTROLLER (click));

  g_signal_connect (self->new_person_button, "clicked", G_CALLBACK (new_person_clicked_cb), self);
  g_signal_connect (self->change_button, "clicked", G_CALLBACK (change_clicked_cb), self);
  g_signal_connect (self->search_instead_button, "clicked", G_CALLBACK (change_clicked_cb), self);
  g_signal_connect (self->person_fields, "changed", G_CALLBACK (person_fields_changed_cb), self);
}

/* ---- public API ---- */

GtkWidget *
kh_person_picker_new (KhStore *store)
{
  g_return_val_if_fail (store == NULL || KH_IS_STORE (store), NULL);

  return g_object_new (KH_TYPE_PERSON_PICKER, "store", store, NULL);
}

void
kh_person_picker_set_store (KhPersonPicker *self,
                            KhStore        *store)
{
  g_return_if_fail (KH_IS_PERSON_PICKER (self));
  g_return_if_fail (store == NULL || KH_IS_STORE (store));

  if (g_set_object (&self->store, store))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

KhPersonPickerMode
kh_person_picker_get_mode (KhPersonPicker *self)
{
  const char *page;

  g_return_val_if_fail (KH_IS_PERSON_PICKER (self), KH_PERSON_PICKER_SEARCH);

  page = gtk_stack_get_visible_child_name (self->who_stack);
  if (g_strcmp0 (page, "chosen") == 0)
    return KH_PERSON_PICKER_CHOSEN;
  if (g_strcmp0 (page, "new") == 0)
    return KH_PERSON_PICKER_NEW;
  return KH_PERSON_PICKER_SEARCH;
}

KhClient *
kh_person_picker_get_client (KhPersonPicker *self)
{
  g_return_val_if_fail (KH_IS_PERSON_PICKER (self), NULL);

  return kh_person_picker_get_mode (self) == KH_PERSON_PICKER_CHOSEN ? self->client : NULL;
}

void
kh_person_picker_set_client (KhPersonPicker *self,
                             KhClient       *client)
{
  g_autoptr(KhSearchHit) hit = NULL;

  g_return_if_fail (KH_IS_PERSON_PICKER (self));
  g_return_if_fail (client == NULL || KH_IS_CLIENT (client));

  if (client == NULL)
    {
      change_clicked_cb (NULL, self);
      return;
    }
  hit = kh_search_hit_new (client, KH_MATCH_EXACT);
  choose (self, hit);
}

void
kh_person_picker_set_limit (KhPersonPicker *self,
                            guint           limit)
{
  g_return_if_fail (KH_IS_PERSON_PICKER (self));
  g_return_if_fail (limit > 0);

  self->limit = limit;
}

gboolean
kh_person_picker_validate_new (KhPersonPicker *self)
{
  g_return_val_if_fail (KH_IS_PERSON_PICKER (self), FALSE);

  return kh_person_fields_validate (self->person_fields);
}

KhClient *
kh_person_picker_dup_new_client (KhPersonPicker *self)
{
  g_return_val_if_fail (KH_IS_PERSON_PICKER (self), NULL);

  return kh_person_fields_dup_client (self->person_fields);
}

void
kh_person_picker_confirm_new_async (KhPersonPicker      *self,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(KhClient) client = NULL;

  g_return_if_fail (KH_IS_PERSON_PICKER (self));
  g_return_if_fail (KH_IS_STORE (self->store));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kh_person_picker_confirm_new_async);
  client = kh_person_fields_dup_client (self->person_fields);
  /* The same name and birth date is most likely the same person. */
  kh_store_find_similar_clients_async (self->store, client->last_name, client->first_names,
                                       client->birth_date, 0, self->cancellable,
                                       similar_done_cb, g_steal_pointer (&task));
}

KhPersonPickerConfirm
kh_person_picker_confirm_new_finish (KhPersonPicker  *self,
                                     GAsyncResult    *result,
                                     GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), KH_PERSON_PICKER_KEEP_EDITING);
  g_return_val_if_fail (error == NULL || *error == NULL, KH_PERSON_PICKER_KEEP_EDITING);

  {
    GError *local_error = NULL;
    gssize answer = g_task_propagate_int (G_TASK (result), &local_error);

    if (local_error != NULL)
      {
        g_propagate_error (error, local_error);
        return KH_PERSON_PICKER_KEEP_EDITING;
      }
    return (KhPersonPickerConfirm) answer;
  }
}

gboolean
kh_person_picker_get_birth_date (KhPersonPicker *self,
                                 GDate          *out)
{
  g_return_val_if_fail (KH_IS_PERSON_PICKER (self), FALSE);

  g_date_clear (out, 1);
  switch (kh_person_picker_get_mode (self))
    {
    case KH_PERSON_PICKER_NEW:
      return kh_person_fields_get_birth_date (self->person_fields, out);
    case KH_PERSON_PICKER_CHOSEN:
      return self->client != NULL && self->client->birth_date != NULL
             && kh_date_from_iso (self->client->birth_date, out);
    case KH_PERSON_PICKER_SEARCH:
    default:
      return FALSE;
    }
}

void
kh_person_picker_set_message (KhPersonPicker *self,
                              const char     *message)
{
  g_return_if_fail (KH_IS_PERSON_PICKER (self));

  /* Under the search line; the red outline on the entry itself. */
  kh_field_message_set (GTK_WIDGET (self->search_box), message);
  gtk_widget_remove_css_class (GTK_WIDGET (self->search_box), "error");
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->search_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->search_entry), "error");
}

void
kh_person_picker_show_store_error (KhPersonPicker *self,
                                   const GError   *error)
{
  g_return_if_fail (KH_IS_PERSON_PICKER (self));

  kh_person_fields_show_store_error (self->person_fields, error);
}

gboolean
kh_person_picker_has_content (KhPersonPicker *self)
{
  g_autofree char *search = NULL;

  g_return_val_if_fail (KH_IS_PERSON_PICKER (self), FALSE);

  search = kh_text_clean (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  return search != NULL || kh_person_picker_get_mode (self) != KH_PERSON_PICKER_SEARCH;
}

void
kh_person_picker_reset (KhPersonPicker *self)
{
  gboolean had_client;

  g_return_if_fail (KH_IS_PERSON_PICKER (self));

  self->resetting = TRUE;
  had_client = self->client != NULL;
  g_clear_handle_id (&self->search_timeout_id, g_source_remove);
  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  g_clear_object (&self->client);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  clear_results (self);
  set_mode (self, "search");
  kh_person_fields_set_client (self->person_fields, NULL);
  kh_person_picker_set_message (self, NULL);
  self->prefilled = FALSE;
  self->searching = FALSE;
  self->pick_when_done = FALSE;
  self->resetting = FALSE;
  if (had_client)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}
