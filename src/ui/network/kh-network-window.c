/* kh-network-window.c — the client's network: the map and its list
 * (issue 9)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The ecomap (KhEcomap) and, beside it, a list of the same entries that
 * the keyboard and screen readers use: the name, who the entry is and its
 * life area, the tie, and where the client's consent stands today. The
 * selection is one: choosing a node on the map selects its row, moving in
 * the list highlights its node. Opening an entry (double click, Enter)
 * changes it; the header bar adds people and services, saves a dated
 * version of the map, compares versions and exports the map as PDF or
 * PNG in the client's language. Every read goes through the store, which
 * logs it as the network's.
 */
#define G_LOG_DOMAIN "kohtaamo-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kh-text.h"
#include "ui/common/kh-field-message.h"
#include "ui/common/kh-accessible.h"
#include "kh-network-common.h"
#include "kh-network-member-dialog.h"
#include "kh-network-versions.h"
#include "kh-network-window.h"

struct _KhNetworkWindow
{
  AdwWindow        parent_instance;

  /* children */
  AdwToastOverlay *toasts;
  GtkStack        *stack;
  AdwStatusPage   *error_page;
  KhEcomap        *map;
  GtkListBox      *list;
  GtkScrolledWindow *list_scroller;
  GtkLabel        *count_label;

  /* owned */
  KhStore         *store;
  KhClient        *client;
  GCancellable    *cancellable;
  GPtrArray       *members;          /* KhNetworkMember in the list's order; NULL before the first answer */
  char            *client_name;      /* as the page shows it: "Hakala, Johanna Anneli" */
  char            *map_name;         /* in the map's centre: "Johanna Hakala" */

  gboolean         syncing;          /* the map and the list are being put in step */
};

G_DEFINE_FINAL_TYPE (KhNetworkWindow, kh_network_window, ADW_TYPE_WINDOW)

enum {
  SIGNAL_LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
client_language (KhNetworkWindow *self)
{
  return self->client->language == KH_LANGUAGE_SV ? "sv" : "fi";
}

static void
toast (KhNetworkWindow *self,
       const char      *title)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (title));
}

/* ---- the list ---- */

static KhNetworkMember *
member_of_row (KhNetworkWindow *self,
               GtkListBoxRow   *row)
{
  int index = row != NULL ? gtk_list_box_row_get_index (row) : -1;

  if (self->members == NULL || index < 0 || (guint) index >= self->members->len)
    return NULL;
  return g_ptr_array_index (self->members, index);
}

static GtkListBoxRow *
row_of_member (KhNetworkWindow *self,
               gint64           id)
{
  for (guint i = 0; self->members != NULL && i < self->members->len; i++)
    if (((KhNetworkMember *) g_ptr_array_index (self->members, i))->id == id)
      return gtk_list_box_get_row_at_index (self->list, i);
  return NULL;
}

static GtkWidget *
badge_new (const char *text,
           const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "kh-badge");
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  gtk_widget_set_halign (label, GTK_ALIGN_END);
  return label;
}

static GtkWidget *
row_new (KhNetworkMember *m,
         const GDate     *today)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *suffix = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  g_autofree char *subtitle = kh_network_member_describe (m);
  KhConsentState consent = kh_network_member_consent (m, today, NULL);
  const char *tie = kh_network_code_label (KH_NETWORK_CODE_TIE, m->tie);
  g_autofree char *description = NULL;
  GtkWidget *icon = gtk_image_new_from_icon_name (m->kind == KH_NETWORK_PERSON ? "avatar-default-symbolic"
                                                                               : "system-users-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), kh_network_member_display_name (m));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  kh_network_code_label (KH_NETWORK_CODE_KIND, m->kind), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_widget_set_valign (suffix, GTK_ALIGN_CENTER);
  {
    /* Translators: the quality of a tie, on a row of the network list ("Tie: Strong") */
    g_autofree char *tie_text = g_strdup_printf (_("Tie: %s"), kh_network_tie_word (m->tie));

    gtk_box_append (GTK_BOX (suffix), badge_new (tie_text, m->tie == KH_TIE_STRESSFUL || m->tie == KH_TIE_BROKEN
                                                             ? "warning" : NULL));
  }
  gtk_box_append (GTK_BOX (suffix), badge_new (kh_network_consent_badge (consent), kh_network_consent_style (consent)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  /* A screen reader hears the whole row. */
  description = g_strdup_printf ("%s. %s. %s", subtitle, tie, kh_network_consent_badge (consent));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  return row;
}

/* Keeps the selected row in sight when the map chose it. */
static void
scroll_to_row (KhNetworkWindow *self,
               GtkListBoxRow   *row)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->list_scroller);
  graphene_rect_t bounds;
  double top, page;

  if (!gtk_widget_compute_bounds (GTK_WIDGET (row), GTK_WIDGET (self->list), &bounds))
    return;
  top = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  if (bounds.origin.y < top)
    gtk_adjustment_set_value (adjustment, bounds.origin.y);
  else if (bounds.origin.y + bounds.size.height > top + page)
    gtk_adjustment_set_value (adjustment, bounds.origin.y + bounds.size.height - page);
}

static void
row_selected_cb (GtkListBox      *list G_GNUC_UNUSED,
                 GtkListBoxRow   *row,
                 KhNetworkWindow *self)
{
  KhNetworkMember *m = member_of_row (self, row);

  if (self->syncing)
    return;
  self->syncing = TRUE;
  kh_ecomap_set_selected_id (self->map, m != NULL ? m->id : 0);
  self->syncing = FALSE;
}

static void
map_selected_cb (KhEcomap        *map,
                 GParamSpec      *pspec G_GNUC_UNUSED,
                 KhNetworkWindow *self)
{
  GtkListBoxRow *row;

  if (self->syncing)
    return;
  self->syncing = TRUE;
  row = row_of_member (self, kh_ecomap_get_selected_id (map));
  if (row != NULL)
    {
      gtk_list_box_select_row (self->list, row);
      scroll_to_row (self, row);
    }
  else
    gtk_list_box_unselect_all (self->list);
  self->syncing = FALSE;
}

/* ---- opening an entry ---- */

static void
member_changed_cb (KhNetworkMemberDialog *dialog G_GNUC_UNUSED,
                   KhNetworkMember       *member,
                   KhNetworkWindow       *self)
{
  kh_network_window_reload (self);
  if (member != NULL && member->removed)
    {
      g_autofree char *title = g_strdup_printf (_("%s was removed from the network"),
                                                kh_network_member_display_name (member));

      toast (self, title);
    }
}

static void
open_member (KhNetworkWindow *self,
             KhNetworkKind    kind,
             KhNetworkMember *member)
{
  KhNetworkMemberDialog *dialog = kh_network_member_dialog_new (self->store, GTK_WINDOW (self), self->client->id,
                                                                self->client_name, kind, member);

  g_signal_connect_object (dialog, "changed", G_CALLBACK (member_changed_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
row_activated_cb (GtkListBox      *list G_GNUC_UNUSED,
                  GtkListBoxRow   *row,
                  KhNetworkWindow *self)
{
  KhNetworkMember *m = member_of_row (self, row);

  if (m != NULL)
    open_member (self, m->kind, m);
}

static void
entry_activated_cb (KhEcomap        *map G_GNUC_UNUSED,
                    gint64           id,
                    KhNetworkWindow *self)
{
  GtkListBoxRow *row = row_of_member (self, id);

  if (row != NULL)
    row_activated_cb (self->list, row, self);
}

static void
add_person_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  open_member (KH_NETWORK_WINDOW (widget), KH_NETWORK_PERSON, NULL);
}

static void
add_service_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  open_member (KH_NETWORK_WINDOW (widget), KH_NETWORK_AGENCY, NULL);
}

/* ---- reading ---- */

static void
show_members (KhNetworkWindow *self,
              GPtrArray       *members)
{
  g_autofree KhEcomapEntry *entries = NULL;
  gint64 selected = kh_ecomap_get_selected_id (self->map);
  GtkListBoxRow *row;
  GtkWidget *child;
  GtkWidget *focus;
  gboolean list_had_focus;
  guint n = 0;
  GDate today;

  kh_network_today (&today);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  self->members = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < members->len; i++)
    {
      KhNetworkMember *m = g_ptr_array_index (members, i);

      if (!m->removed)
        g_ptr_array_add (self->members, g_object_ref (m));
    }

  focus = gtk_root_get_focus (GTK_ROOT (self));
  list_had_focus = focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list));
  self->syncing = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  for (guint i = 0; i < self->members->len; i++)
    gtk_list_box_append (self->list, row_new (g_ptr_array_index (self->members, i), &today));
  entries = kh_network_ecomap_entries (self->members, &n);
  kh_ecomap_set_entries (self->map, entries, n, self->map_name);
  self->syncing = FALSE;

  {
    /* Translators: above the list beside the network map */
    g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person or service", "%u people and services", n), n);

    gtk_label_set_text (self->count_label, count);
  }
  /* The selection stays where it was, if the entry is still there. */
  kh_ecomap_set_selected_id (self->map, selected);
  row = row_of_member (self, kh_ecomap_get_selected_id (self->map));
  if (row != NULL)
    {
      self->syncing = TRUE;
      gtk_list_box_select_row (self->list, row);
      self->syncing = FALSE;
    }
  if (list_had_focus)
    gtk_widget_grab_focus (row != NULL ? GTK_WIDGET (row) : GTK_WIDGET (self->list));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "network.export-pdf", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "network.export-png", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "network.save-version", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "network.versions", TRUE);
}

static void
listed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(KhNetworkWindow) self = user_data;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GError) error = NULL;

  members = kh_store_list_network_finish (KH_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (members == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  show_members (self, members);
  gtk_stack_set_visible_child_name (self->stack, "network");
  g_signal_emit (self, signals[SIGNAL_LOADED], 0);
}

void
kh_network_window_reload (KhNetworkWindow *self)
{
  g_return_if_fail (KH_IS_NETWORK_WINDOW (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  kh_store_list_network_async (self->store, self->client->id, FALSE, self->cancellable, listed_cb,
                               g_object_ref (self));
}

/* Another desk changed the person's network (or details): read it again,
 * the selection kept, and the keyboard focus on it if it was in the list. */
static void
client_changed_cb (KhStore         *store G_GNUC_UNUSED,
                   gint64           client_id,
                   KhNetworkWindow *self)
{
  if (client_id == self->client->id)
    kh_network_window_reload (self);
}

/* ---- versions ---- */

static void
version_taken_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(KhNetworkWindow) self = user_data;
  g_autoptr(KhNetworkVersion) version = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  version = kh_store_take_network_version_finish (KH_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (version == NULL)
    /* Translators: a toast when a version of the network map could not be saved; %s is the reason */
    title = g_strdup_printf (_("The version could not be saved: %s"), error->message);
  else
    /* Translators: a toast; %s is the version's label */
    title = g_strdup_printf (_("Version “%s” saved"), version->label);
  toast (self, title);
}

static void
label_changed_cb (GtkEditable      *entry,
                  AdwMessageDialog *dialog)
{
  g_autofree char *label = NULL;

  adw_message_dialog_set_response_enabled (dialog, "save",
                                           kh_network_version_check_label (gtk_editable_get_text (entry), &label, NULL));
}

static void
save_version_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          KhNetworkWindow  *self)
{
  GtkWidget *entry = g_object_get_data (G_OBJECT (dialog), "label-row");
  g_autofree char *label = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "save") != 0)
    return;
  if (!kh_network_version_check_label (gtk_editable_get_text (GTK_EDITABLE (entry)), &label, &error))
    {
      toast (self, error->message);
      return;
    }
  kh_store_take_network_version_async (self->store, self->client->id, label, self->cancellable, version_taken_cb,
                                       g_object_ref (self));
}

static void
save_version_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  KhNetworkWindow *self = KH_NETWORK_WINDOW (widget);
  GtkWidget *dialog;
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row = adw_entry_row_new ();
  g_autofree char *today_text = NULL;
  g_autofree char *label = NULL;
  GDate today;

  kh_network_today (&today);
  today_text = kh_network_format_date (&today);
  /* Translators: the label a new version of the network map starts with; %s is today's date */
  label = g_strdup_printf (_("Network map %s"), today_text);
  /* Translators: the title of the dialog that saves a dated version of the network map */
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save a Version of the Map?"),
                                   /* Translators: the body of the dialog that saves a version of the network map */
                                   _("The map is kept as it stands now, dated, so that it can be compared later — at the plan’s review, for example."));
  /* Translators: the name of a saved version of the network map */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("_Label"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), label);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), group);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    /* Translators: the button that saves a version of the network map */
                                    "save", _("_Save Version"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "label-row", row);
  g_signal_connect_object (row, "changed", G_CALLBACK (label_changed_cb), dialog, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (save_version_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
versions_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  KhNetworkWindow *self = KH_NETWORK_WINDOW (widget);
  GtkWidget *window;

  if (self->members == NULL)
    return;
  window = kh_network_versions_new (self->store, GTK_WINDOW (self), self->client, self->members);
  gtk_window_present (GTK_WINDOW (window));
}

/* ---- export ---- */

static char *
export_name (KhNetworkWindow *self)
{
  g_autofree char *today_text = NULL;
  GDate today;

  kh_network_today (&today);
  today_text = kh_date_to_iso (&today);
  /* Translators: the file name the exported network map starts with: the client's name and the date */
  return g_strdup_printf (_("Network map %s %s"), self->client_name, today_text);
}

static KhEcomapPicture *
picture_now (KhNetworkWindow *self)
{
  return kh_network_export_picture (self->members, self->map_name, client_language (self));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KhNetworkWindow *self = KH_NETWORK_WINDOW (widget);
  g_autofree char *name = NULL;

  if (self->members == NULL)
    return;
  name = export_name (self);
  kh_network_export_choose (GTK_WINDOW (self), self->toasts, picture_now (self),
                            g_str_equal (action_name, "network.export-pdf") ? KH_NETWORK_EXPORT_PDF
                                                                            : KH_NETWORK_EXPORT_PNG,
                            name);
}

void
kh_network_window_export_async (KhNetworkWindow       *self,
                                GFile                 *file,
                                KhNetworkExportFormat  format,
                                GAsyncReadyCallback    callback,
                                gpointer               user_data)
{
  g_return_if_fail (KH_IS_NETWORK_WINDOW (self));
  g_return_if_fail (self->members != NULL);

  kh_network_export_async (self, picture_now (self), file, format, NULL, callback, user_data);
}

gboolean
kh_network_window_export_finish (KhNetworkWindow  *self,
                                 GAsyncResult     *result,
                                 GError          **error)
{
  g_return_val_if_fail (KH_IS_NETWORK_WINDOW (self), FALSE);

  return kh_network_export_finish (result, error);
}

/* ---- building ---- */

static GtkWidget *
button_new (const char *mnemonic,
            const char *action,
            const char *tooltip)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (mnemonic);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  if (tooltip != NULL)
    gtk_widget_set_tooltip_text (button, tooltip);
  return button;
}

static void
build (KhNetworkWindow *self)
{
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *side = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (NULL);
  GtkWidget *placeholder;
  GtkWidget *export_button = gtk_menu_button_new ();
  g_autoptr(GMenu) export_menu = g_menu_new ();
  /* Translators: the title of the window of the client's network map */
  const char *title = _("Network Map");

  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_window_set_default_size (GTK_WINDOW (self), 1240, 800);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (title, self->client_name));
  /* Translators: the button that adds a person to the client's network map */
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), button_new (_("Add _Person…"), "network.add-person",
                                                                  _("Add a relative, friend or other close person")));
  /* Translators: the button that adds a service or professional to the client's network map */
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), button_new (_("Add _Service…"), "network.add-service",
                                                                  _("Add a service or professional")));

  /* Translators: the menu item that saves the network map as a PDF file */
  g_menu_append (export_menu, _("Map as _PDF…"), "network.export-pdf");
  /* Translators: the menu item that saves the network map as an image */
  g_menu_append (export_menu, _("Map as _Image (PNG)…"), "network.export-png");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (export_button), G_MENU_MODEL (export_menu));
  /* Translators: the menu button that saves the network map as a file */
  gtk_menu_button_set_label (GTK_MENU_BUTTON (export_button), _("_Export"));
  gtk_menu_button_set_use_underline (GTK_MENU_BUTTON (export_button), TRUE);
  gtk_widget_set_tooltip_text (export_button, _("Save the map as a file, in the client’s language"));
  /* Translators: the accessible name of the menu button that saves the network map as a file */
  kh_accessible_name_menu_button (GTK_MENU_BUTTON (export_button), _("Export the Map"));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), export_button);
  /* Translators: the button that shows the saved versions of the network map and compares them */
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), button_new (_("_Versions…"), "network.versions",
                                                                _("Compare saved versions of the map")));
  /* Translators: the button that saves a dated version of the network map */
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), button_new (_("Save _Version…"), "network.save-version",
                                                                _("Keep the map as it stands now, dated")));
  kh_network_frame (ADW_WINDOW (self), header, &self->stack, &self->toasts);

  self->error_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->error_page, "dialog-warning-symbolic");
  /* Translators: when the client's network could not be read */
  adw_status_page_set_title (self->error_page, _("The Network Could Not Be Shown"));
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->error_page), "error");

  /* The map. */
  self->map = KH_ECOMAP (kh_ecomap_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->map), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->map), TRUE);
  gtk_widget_set_margin_start (GTK_WIDGET (self->map), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->map), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->map), 12);
  gtk_widget_add_css_class (GTK_WIDGET (self->map), "card");
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->map));

  /* The list of the same entries. */
  gtk_widget_set_size_request (side, 400, -1);
  gtk_widget_set_margin_top (side, 18);
  gtk_widget_set_margin_bottom (side, 12);
  gtk_widget_set_margin_start (side, 12);
  gtk_widget_set_margin_end (side, 18);
  /* Translators: the heading of the list beside the network map */
  gtk_label_set_text (GTK_LABEL (heading), _("People and Services"));
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_accessible_update_property (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_box_append (GTK_BOX (side), heading);
  self->count_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->count_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "dim-label");
  gtk_box_append (GTK_BOX (side), GTK_WIDGET (self->count_label));
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_SINGLE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_set_valign (GTK_WIDGET (self->list), GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("People and Services"), -1);
  /* Translators: the list beside the network map when the client's network is empty */
  placeholder = gtk_label_new (_("No one yet. Add the people close to the client and the services involved."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_list_box_set_placeholder (self->list, placeholder);
  g_signal_connect (self->list, "row-selected", G_CALLBACK (row_selected_cb), self);
  g_signal_connect (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
  self->list_scroller = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  gtk_scrolled_window_set_policy (self->list_scroller, GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (self->list_scroller, GTK_WIDGET (self->list));
  gtk_widget_set_vexpand (GTK_WIDGET (self->list_scroller), TRUE);
  gtk_box_append (GTK_BOX (side), GTK_WIDGET (self->list_scroller));
  gtk_box_append (GTK_BOX (content), side);
  gtk_stack_add_named (self->stack, content, "network");
  gtk_stack_set_visible_child_name (self->stack, "loading");

  g_signal_connect (self->map, "notify::selected-id", G_CALLBACK (map_selected_cb), self);
  g_signal_connect (self->map, "entry-activated", G_CALLBACK (entry_activated_cb), self);

  kh_accessible_fix_mnemonics (GTK_WIDGET (self));
}

/* ---- GObject ---- */

static void
kh_network_window_dispose (GObject *object)
{
  KhNetworkWindow *self = KH_NETWORK_WINDOW (object);

  /* The list unselects its rows as it goes, after the map is gone. */
  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  if (self->map != NULL)
    g_signal_handlers_disconnect_by_data (self->map, self);
  self->list = NULL;
  self->map = NULL;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->client);
  g_clear_pointer (&self->members, g_ptr_array_unref);
  G_OBJECT_CLASS (kh_network_window_parent_class)->dispose (object);
}

static void
kh_network_window_finalize (GObject *object)
{
  KhNetworkWindow *self = KH_NETWORK_WINDOW (object);

  g_free (self->client_name);
  g_free (self->map_name);
  G_OBJECT_CLASS (kh_network_window_parent_class)->finalize (object);
}

static void
kh_network_window_class_init (KhNetworkWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_network_window_dispose;
  object_class->finalize = kh_network_window_finalize;

  signals[SIGNAL_LOADED] =
    g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "network.add-person", NULL, add_person_action);
  gtk_widget_class_install_action (widget_class, "network.add-service", NULL, add_service_action);
  gtk_widget_class_install_action (widget_class, "network.save-version", NULL, save_version_action);
  gtk_widget_class_install_action (widget_class, "network.versions", NULL, versions_action);
  gtk_widget_class_install_action (widget_class, "network.export-pdf", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "network.export-png", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kh_network_window_init (KhNetworkWindow *self)
{
  kh_field_message_ensure_style ();   /* .kh-badge */
  self->cancellable = g_cancellable_new ();
}

gboolean
kh_network_window_may_open (KhStore *store)
{
  KhUser *user;

  g_return_val_if_fail (KH_IS_STORE (store), FALSE);

  user = kh_store_get_user (store);
  return user != NULL && kh_network_may_keep (user->role);
}

KhNetworkWindow *
kh_network_window_present (GtkWindow *parent,
                           KhStore   *store,
                           KhClient  *client)
{
  g_autoptr(GListModel) toplevels = NULL;
  KhNetworkWindow *self;

  g_return_val_if_fail (KH_IS_STORE (store), NULL);
  g_return_val_if_fail (KH_IS_CLIENT (client) && client->id > 0, NULL);

  toplevels = g_object_ref (gtk_window_get_toplevels ());
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (KH_IS_NETWORK_WINDOW (window) && KH_NETWORK_WINDOW (window)->client->id == client->id
          && KH_NETWORK_WINDOW (window)->store == store)
        {
          gtk_window_present (window);
          return KH_NETWORK_WINDOW (window);
        }
    }

  self = g_object_new (KH_TYPE_NETWORK_WINDOW, "transient-for", parent, NULL);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
  self->store = g_object_ref (store);
  self->client = g_object_ref (client);
  self->client_name = kh_client_dup_display_name (client);
  self->map_name = kh_network_client_map_name (client);
  build (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "network.export-pdf", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "network.export-png", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "network.save-version", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "network.versions", FALSE);
  g_signal_connect_object (store, "client-changed", G_CALLBACK (client_changed_cb), self, 0);
  kh_network_window_reload (self);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

GPtrArray *
kh_network_window_get_members (KhNetworkWindow *self)
{
  g_return_val_if_fail (KH_IS_NETWORK_WINDOW (self), NULL);

  return self->members;
}

KhEcomap *
kh_network_window_get_map (KhNetworkWindow *self)
{
  g_return_val_if_fail (KH_IS_NETWORK_WINDOW (self), NULL);

  return self->map;
}

GtkListBox *
kh_network_window_get_list (KhNetworkWindow *self)
{
  g_return_val_if_fail (KH_IS_NETWORK_WINDOW (self), NULL);

  return self->list;
}

gint64
kh_network_window_get_client_id (KhNetworkWindow *self)
{
  g_return_val_if_fail (KH_IS_NETWORK_WINDOW (self), 0);

  return self->client->id;
}
