/* kh-preferences-window.c — the unit's directory, closed days and settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Four pages: the directory of services as the unit's stakeholder map (one
 * group per life area, issue 5 item 1.11), the unit's own closed days, and
 * the unit's settings (its name; the Saturday setting in the words of
 * kh_calendar_describe_saturday_setting), and the unit's documents
 * (kh-document-settings-page.c). Everyone may look — reception
 * needs the directory's phone numbers — and the lead social worker and the
 * administrator may change, as the store allows (it checks again). An entry
 * is edited on a subpage; its rules are kh_service_check(), so a message
 * shows at its field before anything is sent. Every store call is
 * asynchronous.
 */
#define G_LOG_DOMAIN "kohtaamo"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "core/kh-calendar.h"
#include "core/kh-service-check.h"
#include "core/kh-text.h"
#include "ui/common/kh-field-message.h"
#include "ui/common/kh-form-rows.h"

#include "kh-document-settings-page.h"
#include "kh-plan-settings-page.h"
#include "kh-preferences-window.h"
#include "ui/common/kh-accessible.h"

/* As 0009-access-log-filters.sql and kohtaamo-admin settings unit-name. */
#define UNIT_NAME_MAX 120

#define N_AREAS (KH_LIFE_AREA_LAST - KH_LIFE_AREA_FIRST + 1)

struct _KhPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  /* Template widgets. */
  AdwPreferencesGroup *add_closed_day_group;
  GtkButton           *add_closed_day_button;
  GtkButton           *add_service_button;
  AdwEntryRow         *closed_day_date_row;
  AdwEntryRow         *closed_day_name_row;
  AdwPreferencesGroup *closed_days_group;
  AdwPreferencesGroup *counting_group;
  AdwPreferencesPage  *directory_page;
  AdwPreferencesGroup *directory_group;
  AdwActionRow        *saturday_row;
  GtkSwitch           *saturday_switch;
  AdwPreferencesGroup *teams_group;
  AdwPreferencesGroup *unit_group;
  AdwEntryRow         *unit_name_row;

  /* Owned. */
  KhStore             *store;
  GCancellable        *cancellable;
  GPtrArray           *services;             /* KhService, every entry */
  AdwPreferencesGroup *area_groups[N_AREAS];  /* owned by the page */
  GPtrArray           *service_rows;         /* AdwActionRow, borrowed from the groups */
  GPtrArray           *closed_day_rows;      /* GtkWidget, borrowed from the group */
  GPtrArray           *team_rows;            /* GtkWidget, borrowed from teams_group */
  KhService           *editing;              /* the entry on the subpage (a copy) */
  KhDocumentSettingsPage *documents_page;    /* borrowed: the window's page */
  KhPlanSettingsPage  *plans_page;           /* borrowed: the window's page */
  char                *saved_unit_name;
  guint                pending;
  gboolean             can_edit;
  gboolean             setting_switch;

  /* The editor subpage while it is shown (borrowed; cleared when it goes). */
  GtkWidget           *editor;
  AdwWindowTitle      *editor_title;
  GtkButton           *editor_save;
  AdwEntryRow         *name_fi_row;
  AdwEntryRow         *name_sv_row;
  AdwComboRow         *area_row;
  AdwComboRow         *kind_row;
  AdwActionRow        *languages_row;
  GtkCheckButton      *language_checks[3];
  AdwEntryRow         *other_languages_row;
  AdwEntryRow         *phone_row;
  AdwEntryRow         *email_row;
  AdwEntryRow         *address_row;
  AdwEntryRow         *url_row;
  AdwEntryRow         *notes_row;
  AdwActionRow        *emergency_row;
  GtkSwitch           *emergency_switch;
  GtkSwitch           *clock_switch;
  GtkSwitch           *active_switch;
};

G_DEFINE_FINAL_TYPE (KhPreferencesWindow, kh_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const KhServiceLanguages language_flags[3] = {
  KH_SERVICE_LANGUAGE_FI, KH_SERVICE_LANGUAGE_SV, KH_SERVICE_LANGUAGE_EN,
};

static void load_directory (KhPreferencesWindow *self);
static void load_closed_days (KhPreferencesWindow *self);

static void
toast (KhPreferencesWindow *self,
       const char          *message)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
}

static void
done_pending (KhPreferencesWindow *self)
{
  g_assert (self->pending > 0);
  self->pending--;
}

/* ---- the directory ---- */

static char *
service_subtitle (KhService *service)
{
  GString *text = g_string_new (NULL);
  g_autofree char *languages = NULL;

  if (!service->active)
    /* Translators: an entry of the directory that reception no longer offers. */
    g_string_append (text, _("Not in use"));
  if (service->kind != KH_SERVICE_KIND_OTHER)
    g_string_append_printf (text, "%s%s", text->len > 0 ? " · " : "",
                            kh_service_kind_label (service->kind));
  if (service->languages != 0)
    {
      languages = kh_service_languages_describe (service->languages);
      g_string_append_printf (text, "%s%s", text->len > 0 ? " · " : "", languages);
    }
  if (service->phone != NULL)
    g_string_append_printf (text, "%s%s", text->len > 0 ? " · " : "", service->phone);
  return g_string_free (text, FALSE);
}

static void open_editor (KhPreferencesWindow *self,
                         KhService           *service);

static void
service_row_activated_cb (AdwActionRow        *row,
                          KhPreferencesWindow *self)
{
  open_editor (self, g_object_get_data (G_OBJECT (row), "kh-service"));
}

static GtkWidget *
service_row_new (KhPreferencesWindow *self,
                 KhService           *service)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = service_subtitle (service);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 kh_service_get_name (service, kh_form_rows_ui_language ()));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "kh-service", g_object_ref (service), g_object_unref);
  if (service->flags & KH_SERVICE_FLAG_SOCIAL_EMERGENCY)
    {
      GtkWidget *badge = gtk_label_new (kh_service_flag_label (KH_SERVICE_FLAG_SOCIAL_EMERGENCY));

      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (badge, "accent");
      gtk_widget_add_css_class (badge, "caption-heading");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
    }
  if (!service->active)
    gtk_widget_add_css_class (row, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_signal_connect (row, "activated", G_CALLBACK (service_row_activated_cb), self);
  return row;
}

static void
show_directory (KhPreferencesWindow *self)
{
  gboolean area_used[N_AREAS] = { FALSE };

  for (guint i = 0; i < self->service_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->service_rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->service_rows, 0);

  for (guint i = 0; self->services != NULL && i < self->services->len; i++)
    {
      KhService *service = g_ptr_array_index (self->services, i);
      guint area = CLAMP (service->area, KH_LIFE_AREA_FIRST, KH_LIFE_AREA_LAST) - KH_LIFE_AREA_FIRST;
      GtkWidget *row = service_row_new (self, service);

      adw_preferences_group_add (self->area_groups[area], row);
      g_ptr_array_add (self->service_rows, row);
      area_used[area] = TRUE;
    }
  /* Every life area shows, empty or not, except "not placed yet". */
  gtk_widget_set_visible (GTK_WIDGET (self->area_groups[KH_LIFE_AREA_OTHER - KH_LIFE_AREA_FIRST]),
                          area_used[KH_LIFE_AREA_OTHER - KH_LIFE_AREA_FIRST]);
}

static void
directory_loaded_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(KhPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) services = kh_store_list_directory_finish (KH_STORE (source), result, &error);

  done_pending (self);
  if (services == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }
  g_clear_pointer (&self->services, g_ptr_array_unref);
  self->services = g_steal_pointer (&services);
  show_directory (self);
}

static void
load_directory (KhPreferencesWindow *self)
{
  self->pending++;
  kh_store_list_directory_async (self->store, self->cancellable, directory_loaded_cb,
                                 g_object_ref (self));
}

/* ---- the editor subpage ---- */

static GtkWidget *
field_widget (KhPreferencesWindow *self,
              KhServiceField       field)
{
  switch (field)
    {
    case KH_SERVICE_FIELD_NAME_SV: return GTK_WIDGET (self->name_sv_row);
    case KH_SERVICE_FIELD_AREA: return GTK_WIDGET (self->area_row);
    case KH_SERVICE_FIELD_KIND: return GTK_WIDGET (self->kind_row);
    case KH_SERVICE_FIELD_LANGUAGES: return GTK_WIDGET (self->languages_row);
    case KH_SERVICE_FIELD_OTHER_LANGUAGES: return GTK_WIDGET (self->other_languages_row);
    case KH_SERVICE_FIELD_PHONE: return GTK_WIDGET (self->phone_row);
    case KH_SERVICE_FIELD_EMAIL: return GTK_WIDGET (self->email_row);
    case KH_SERVICE_FIELD_ADDRESS: return GTK_WIDGET (self->address_row);
    case KH_SERVICE_FIELD_URL: return GTK_WIDGET (self->url_row);
    case KH_SERVICE_FIELD_NOTES: return GTK_WIDGET (self->notes_row);
    case KH_SERVICE_FIELD_FLAGS: return GTK_WIDGET (self->emergency_row);
    case KH_SERVICE_FIELD_NAME_FI:
    case KH_SERVICE_FIELD_NONE:
    default:
      return GTK_WIDGET (self->name_fi_row);
    }
}

static void
clear_field_messages (KhPreferencesWindow *self)
{
  for (KhServiceField field = KH_SERVICE_FIELD_NAME_FI; field <= KH_SERVICE_FIELD_FLAGS; field++)
    {
      GtkWidget *widget = field_widget (self, field);

      if (kh_field_message_is_shown (widget))
        kh_field_message_set (widget, NULL);
    }
}

static void
editor_field_changed_cb (GtkWidget           *widget,
                         KhPreferencesWindow *self)
{
  if (kh_field_message_is_shown (widget))
    kh_field_message_set (widget, NULL);
}

static void
set_entry (AdwEntryRow *row,
           const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

/* The entry as the subpage shows it: a new record on `self->editing`. */
static KhService *
read_editor (KhPreferencesWindow *self)
{
  KhService *service = kh_service_copy (self->editing);

  g_free (service->name_fi);
  service->name_fi = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_fi_row)));
  g_free (service->name_sv);
  service->name_sv = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_sv_row)));
  service->area = KH_LIFE_AREA_FIRST + adw_combo_row_get_selected (self->area_row);
  service->kind = KH_SERVICE_KIND_FIRST + adw_combo_row_get_selected (self->kind_row);
  service->languages = 0;
  for (guint i = 0; i < G_N_ELEMENTS (language_flags); i++)
    if (gtk_check_button_get_active (self->language_checks[i]))
      service->languages |= language_flags[i];
#define TAKE(field, row) G_STMT_START { \
    g_free (service->field); \
    service->field = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->row))); \
  } G_STMT_END
  TAKE (other_languages, other_languages_row);
  TAKE (phone, phone_row);
  TAKE (email, email_row);
  TAKE (address, address_row);
  TAKE (url, url_row);
  TAKE (notes, notes_row);
#undef TAKE
  service->flags = 0;
  if (gtk_switch_get_active (self->emergency_switch))
    service->flags |= KH_SERVICE_FLAG_SOCIAL_EMERGENCY;
  if (gtk_switch_get_active (self->clock_switch))
    service->flags |= KH_SERVICE_FLAG_AROUND_THE_CLOCK;
  service->active = gtk_switch_get_active (self->active_switch);
  kh_service_clean (service);
  return service;
}

static void
close_editor (KhPreferencesWindow *self)
{
  if (self->editor != NULL)
    adw_preferences_window_close_subpage (ADW_PREFERENCES_WINDOW (self));
}

static void
service_saved_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(KhPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 id = kh_store_save_service_finish (KH_STORE (source), result, &error);

  done_pending (self);
  if (self->editor != NULL)
    gtk_widget_set_sensitive (GTK_WIDGET (self->editor_save), TRUE);
  if (id <= 0)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* What the window could not know (another user's change): at the
       * name, with the store's words; nothing typed is lost. */
      if (self->editor != NULL && g_error_matches (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID))
        kh_field_message_set (GTK_WIDGET (self->name_fi_row), error->message);
      else
        toast (self, error->message);
      return;
    }
  close_editor (self);
  toast (self, _("Saved to the directory"));
  load_directory (self);
}

static void
save_service (KhPreferencesWindow *self)
{
  g_autoptr(KhService) service = NULL;
  g_autofree char *message = NULL;
  KhServiceField field = KH_SERVICE_FIELD_NONE;

  if (self->editor == NULL || !self->can_edit)
    return;
  clear_field_messages (self);
  service = read_editor (self);
  message = kh_service_check (service, self->services, &field);
  if (message != NULL)
    {
      GtkWidget *widget = field_widget (self, field);

      kh_field_message_set (widget, message);
      gtk_widget_grab_focus (widget);
      return;
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->editor_save), FALSE);
  self->pending++;
  kh_store_save_service_async (self->store, service, self->cancellable, service_saved_cb,
                               g_object_ref (self));
}

static void
editor_save_clicked_cb (GtkButton           *button,
                        KhPreferencesWindow *self)
{
  save_service (self);
}

static void
editor_back_clicked_cb (GtkButton           *button,
                        KhPreferencesWindow *self)
{
  close_editor (self);
}

static void
editor_destroyed_cb (GtkWidget           *editor,
                     KhPreferencesWindow *self)
{
  if (self->editor != editor)
    return;
  self->editor = NULL;
  self->editor_title = NULL;
  self->editor_save = NULL;
  self->name_fi_row = self->name_sv_row = NULL;
  self->area_row = self->kind_row = NULL;
  self->languages_row = NULL;
  memset (self->language_checks, 0, sizeof self->language_checks);
  self->other_languages_row = self->phone_row = self->email_row = NULL;
  self->address_row = self->url_row = self->notes_row = NULL;
  self->emergency_row = NULL;
  self->emergency_switch = self->clock_switch = self->active_switch = NULL;
  g_clear_object (&self->editing);
}

static AdwPreferencesGroup *
add_group (AdwPreferencesPage *page,
           const char         *title,
           const char         *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group));
  return ADW_PREFERENCES_GROUP (group);
}

static AdwEntryRow *
add_entry (KhPreferencesWindow *self,
           AdwPreferencesGroup *group,
           const char          *name,
           const char          *title,
           const char          *text)
{
  GtkWidget *row = adw_entry_row_new ();

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  set_entry (ADW_ENTRY_ROW (row), text);
  gtk_editable_set_editable (GTK_EDITABLE (row), self->can_edit);
  g_signal_connect (row, "changed", G_CALLBACK (editor_field_changed_cb), self);
  g_signal_connect_swapped (row, "entry-activated", G_CALLBACK (save_service), self);
  adw_preferences_group_add (group, row);
  return ADW_ENTRY_ROW (row);
}

static GtkSwitch *
add_switch (KhPreferencesWindow  *self,
            AdwPreferencesGroup  *group,
            const char           *name,
            const char           *title,
            const char           *subtitle,
            gboolean              active,
            AdwActionRow        **out_row)
{
  AdwActionRow *row;
  GtkSwitch *toggle = kh_form_rows_add_switch (GTK_WIDGET (group), title, subtitle, &row);

  gtk_widget_set_name (GTK_WIDGET (toggle), name);
  gtk_switch_set_active (toggle, active);
  gtk_widget_set_sensitive (GTK_WIDGET (toggle), self->can_edit);
  g_signal_connect_swapped (toggle, "notify::active", G_CALLBACK (editor_field_changed_cb), row);
  if (out_row != NULL)
    *out_row = row;
  return toggle;
}

static AdwComboRow *
add_combo (KhPreferencesWindow *self,
           AdwPreferencesGroup *group,
           const char          *name,
           const char          *title,
           const char          *(*label_of) (int),
           int                  first,
           int                  last,
           int                  value)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (int v = first; v <= last; v++)
    gtk_string_list_append (labels, label_of (v));
  gtk_widget_set_name (row, name);
  kh_accessible_fix_mnemonics (row);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), (guint) (CLAMP (value, first, last) - first));
  kh_form_rows_show_whole_choices (ADW_COMBO_ROW (row));
  gtk_widget_set_sensitive (row, self->can_edit);
  g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (editor_field_changed_cb), row);
  adw_preferences_group_add (group, row);
  return ADW_COMBO_ROW (row);
}

static void
open_editor (KhPreferencesWindow *self,
             KhService           *service)
{
  GtkWidget *box;
  GtkWidget *header;
  GtkWidget *back;
  GtkWidget *page;
  AdwPreferencesGroup *group;
  GtkWidget *checks;
  gboolean is_new = service == NULL;

  if (self->editor != NULL)
    return;

  g_clear_object (&self->editing);
  self->editing = service != NULL ? kh_service_copy (service) : kh_service_new ();

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_name (box, "service-editor");
  header = adw_header_bar_new ();
  self->editor_title = ADW_WINDOW_TITLE (adw_window_title_new (
    is_new ? _("New Service") : kh_service_get_name (service, kh_form_rows_ui_language ()),
    self->can_edit ? NULL : _("Only the lead social worker or an administrator can change this")));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->editor_title));
  back = gtk_button_new_from_icon_name ("go-previous-symbolic");
  gtk_widget_set_tooltip_text (back, _("Back"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (back), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Back"), -1);
  g_signal_connect (back, "clicked", G_CALLBACK (editor_back_clicked_cb), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), back);
  self->editor_save = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Save")));
  gtk_widget_set_name (GTK_WIDGET (self->editor_save), "save");
  kh_accessible_fix_mnemonics (GTK_WIDGET (self->editor_save));
  gtk_widget_add_css_class (GTK_WIDGET (self->editor_save), "suggested-action");
  gtk_widget_set_visible (GTK_WIDGET (self->editor_save), self->can_edit);
  g_signal_connect (self->editor_save, "clicked", G_CALLBACK (editor_save_clicked_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (self->editor_save));
  gtk_box_append (GTK_BOX (box), header);

  page = adw_preferences_page_new ();
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);

  group = add_group (ADW_PREFERENCES_PAGE (page), _("Name"),
                     _("Written as the organisation writes it, in both languages."));
  self->name_fi_row = add_entry (self, group, "name-fi", _("Name in Finnish"), self->editing->name_fi);
  self->name_sv_row = add_entry (self, group, "name-sv", _("Name in Swedish"), self->editing->name_sv);

  group = add_group (ADW_PREFERENCES_PAGE (page), _("On the map"), NULL);
  self->area_row = add_combo (self, group, "area", _("Life area"),
                              (const char *(*) (int)) kh_life_area_label,
                              KH_LIFE_AREA_FIRST, KH_LIFE_AREA_LAST, self->editing->area);
  self->kind_row = add_combo (self, group, "kind", _("Who runs it"),
                              (const char *(*) (int)) kh_service_kind_label,
                              KH_SERVICE_KIND_FIRST, KH_SERVICE_KIND_LAST, self->editing->kind);

  group = add_group (ADW_PREFERENCES_PAGE (page), _("Languages served"), NULL);
  self->languages_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->languages_row), _("Languages"));
  checks = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  for (guint i = 0; i < G_N_ELEMENTS (language_flags); i++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (kh_service_language_label (language_flags[i]));

      gtk_widget_set_name (check, kh_service_language_key (language_flags[i]));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   (self->editing->languages & language_flags[i]) != 0);
      gtk_widget_set_sensitive (check, self->can_edit);
      gtk_box_append (GTK_BOX (checks), check);
      self->language_checks[i] = GTK_CHECK_BUTTON (check);
    }
  gtk_widget_set_valign (checks, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (self->languages_row, checks);
  adw_preferences_group_add (group, GTK_WIDGET (self->languages_row));
  self->other_languages_row = add_entry (self, group, "other-languages", _("Other languages"),
                                         self->editing->other_languages);

  group = add_group (ADW_PREFERENCES_PAGE (page), _("Contact details"), NULL);
  self->phone_row = add_entry (self, group, "phone", _("Phone"), self->editing->phone);
  self->email_row = add_entry (self, group, "email", _("E-mail"), self->editing->email);
  self->address_row = add_entry (self, group, "address", _("Address"), self->editing->address);
  self->url_row = add_entry (self, group, "url", _("Web address"), self->editing->url);
  self->notes_row = add_entry (self, group, "notes", _("Opening hours and notes"), self->editing->notes);

  group = add_group (ADW_PREFERENCES_PAGE (page), _("Marks"), NULL);
  self->emergency_switch =
    add_switch (self, group, "social-emergency",
                kh_service_flag_label (KH_SERVICE_FLAG_SOCIAL_EMERGENCY),
                _("Urgent help is directed here (Social Welfare Act 29 §); one entry at a time."),
                (self->editing->flags & KH_SERVICE_FLAG_SOCIAL_EMERGENCY) != 0, &self->emergency_row);
  self->clock_switch =
    add_switch (self, group, "around-the-clock",
                kh_service_flag_label (KH_SERVICE_FLAG_AROUND_THE_CLOCK), NULL,
                (self->editing->flags & KH_SERVICE_FLAG_AROUND_THE_CLOCK) != 0, NULL);
  self->active_switch =
    add_switch (self, group, "active", _("In use"),
                _("Reception offers it. An entry no longer used is taken out of use, not "
                  "removed, so that the contacts directed to it keep it."),
                self->editing->active, NULL);

  self->editor = box;
  g_signal_connect (box, "destroy", G_CALLBACK (editor_destroyed_cb), self);
  adw_preferences_window_present_subpage (ADW_PREFERENCES_WINDOW (self), box);
  if (self->can_edit)
    gtk_widget_grab_focus (GTK_WIDGET (self->name_fi_row));
}

static void
add_service_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  open_editor (KH_PREFERENCES_WINDOW (widget), NULL);
}

/* ---- closed days ---- */

static void
closed_day_removed_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(KhPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  done_pending (self);
  if (!kh_store_remove_closed_day_finish (KH_STORE (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }
  toast (self, _("Closed day removed"));
  load_closed_days (self);
}

static void
remove_closed_day_clicked_cb (GtkButton           *button,
                              KhPreferencesWindow *self)
{
  self->pending++;
  kh_store_remove_closed_day_async (self->store, g_object_get_data (G_OBJECT (button), "kh-date"),
                                    self->cancellable, closed_day_removed_cb, g_object_ref (self));
}

static GtkWidget *
closed_day_row_new (KhPreferencesWindow *self,
                    KhClosedDay         *day)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *date_text = NULL;
  GDate date;

  if (kh_date_from_iso (day->date, &date))
    {
      when = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                    g_date_get_day (&date), 0, 0, 0);
      /* Translators: a closed day's date, e.g. "Friday 15.5.2026"; see strftime. */
      date_text = g_date_time_format (when, _("%A %-d.%-m.%Y"));
    }
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), day->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), date_text != NULL ? date_text : day->date);
  if (self->can_edit)
    {
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *label = NULL;

      /* Translators: %s is a date, e.g. "Friday 15.5.2026". */
      label = g_strdup_printf (_("Remove the closed day %s"), date_text != NULL ? date_text : day->date);
      gtk_widget_set_tooltip_text (remove, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      g_object_set_data_full (G_OBJECT (remove), "kh-date", g_strdup (day->date), g_free);
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_closed_day_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
    }
  return row;
}

static void
closed_days_loaded_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(KhPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) days = kh_store_list_closed_days_finish (KH_STORE (source), result, &error);

  done_pending (self);
  if (days == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }
  for (guint i = 0; i < self->closed_day_rows->len; i++)
    adw_preferences_group_remove (self->closed_days_group, g_ptr_array_index (self->closed_day_rows, i));
  g_ptr_array_set_size (self->closed_day_rows, 0);

  for (guint i = 0; i < days->len; i++)
    {
      GtkWidget *row = closed_day_row_new (self, g_ptr_array_index (days, i));

      adw_preferences_group_add (self->closed_days_group, row);
      g_ptr_array_add (self->closed_day_rows, row);
    }
  if (days->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No closed days"));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (self->closed_days_group, row);
      g_ptr_array_add (self->closed_day_rows, row);
    }
}

/* ---- the unit's teams (issue 5, 2.9): shown here, changed with
 * kohtaamo-admin teams ---- */

static void
teams_loaded_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(KhPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) teams = kh_store_list_teams_finish (KH_STORE (source), result, &error);

  done_pending (self);
  if (teams == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }
  for (guint i = 0; i < self->team_rows->len; i++)
    adw_preferences_group_remove (self->teams_group, g_ptr_array_index (self->team_rows, i));
  g_ptr_array_set_size (self->team_rows, 0);
  for (guint i = 0; i < teams->len; i++)
    {
      KhTeam *team = g_ptr_array_index (teams, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *members = NULL;
      g_autofree char *subtitle = NULL;

      /* Translators: how many active users are in a team */
      members = g_strdup_printf (ngettext ("%u member", "%u members", team->n_members),
                                 team->n_members);
      if (team->active)
        subtitle = g_steal_pointer (&members);
      else
        /* Translators: "2 members · takes no new cases" (a deactivated team) */
        subtitle = g_strdup_printf (_("%s · takes no new cases"), members);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), team->name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (!team->active)
        gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (self->teams_group, row);
      g_ptr_array_add (self->team_rows, row);
    }
}

static void
load_teams (KhPreferencesWindow *self)
{
  self->pending++;
  kh_store_list_teams_async (self->store, TRUE, self->cancellable, teams_loaded_cb,
                             g_object_ref (self));
}

static void
load_closed_days (KhPreferencesWindow *self)
{
  self->pending++;
  kh_store_list_closed_days_async (self->store, self->cancellable, closed_days_loaded_cb,
                                   g_object_ref (self));
}

static void
closed_day_field_changed_cb (GtkEditable         *row,
                             KhPreferencesWindow *self)
{
  if (kh_field_message_is_shown (GTK_WIDGET (row)))
    kh_field_message_set (GTK_WIDGET (row), NULL);
}

static void
closed_day_added_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(KhPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  done_pending (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_closed_day_button), TRUE);
  if (!kh_store_add_closed_day_finish (KH_STORE (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* The store's message begins with its field: "Date: …", "Name: …". */
      if (g_error_matches (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID))
        kh_field_message_set (GTK_WIDGET (self->closed_day_date_row), error->message);
      else
        toast (self, error->message);
      return;
    }
  set_entry (self->closed_day_date_row, NULL);
  set_entry (self->closed_day_name_row, NULL);
  toast (self, _("Closed day added"));
  load_closed_days (self);
}

/* The store's rules (kh_db_add_closed_day), told at the field first. */
static void
add_closed_day_cb (KhPreferencesWindow *self)
{
  const char *date_text = gtk_editable_get_text (GTK_EDITABLE (self->closed_day_date_row));
  g_autofree char *name = kh_text_clean (gtk_editable_get_text (GTK_EDITABLE (self->closed_day_name_row)));
  GDate date;

  if (!self->can_edit)
    return;
  if (!kh_date_parse (date_text, &date))
    {
      kh_field_message_set (GTK_WIDGET (self->closed_day_date_row),
                            _("Date: enter a date, e.g. 2.4.2026."));
      gtk_widget_grab_focus (GTK_WIDGET (self->closed_day_date_row));
      return;
    }
  if (name == NULL)
    {
      kh_field_message_set (GTK_WIDGET (self->closed_day_name_row),
                            _("Name: say why the unit is closed that day."));
      gtk_widget_grab_focus (GTK_WIDGET (self->closed_day_name_row));
      return;
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_closed_day_button), FALSE);
  self->pending++;
  kh_store_add_closed_day_async (self->store, date_text, name, self->cancellable,
                                 closed_day_added_cb, g_object_ref (self));
}

/* ---- settings ---- */

static void
show_saturday (KhPreferencesWindow *self,
               gboolean             on)
{
  self->setting_switch = TRUE;
  gtk_switch_set_active (self->saturday_switch, on);
  self->setting_switch = FALSE;
  adw_action_row_set_subtitle (self->saturday_row, kh_calendar_describe_saturday_setting (on));
}

static void
saturday_loaded_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(KhPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  done_pending (self);
  if (!kh_store_get_setting_finish (KH_STORE (source), result, &value, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }
  show_saturday (self, g_strcmp0 (value, "1") == 0);
}

static void
saturday_saved_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(KhPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  done_pending (self);
  if (!kh_store_set_setting_finish (KH_STORE (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      toast (self, error->message);
      /* Back to what the store holds. */
      show_saturday (self, kh_calendar_get_saturday_is_working_day (kh_store_get_calendar (self->store)));
      return;
    }
  show_saturday (self, kh_calendar_get_saturday_is_working_day (kh_store_get_calendar (self->store)));
}

static void
saturday_toggled_cb (KhPreferencesWindow *self)
{
  gboolean on = gtk_switch_get_active (self->saturday_switch);

  if (self->setting_switch)
    return;
  adw_action_row_set_subtitle (self->saturday_row, kh_calendar_describe_saturday_setting (on));
  self->pending++;
  kh_store_set_setting_async (self->store, "saturday_is_working_day", on ? "1" : "0",
                              self->cancellable, saturday_saved_cb, g_object_ref (self));
}

static void
unit_name_loaded_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(KhPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  done_pending (self);
  if (!kh_store_get_setting_finish (KH_STORE (source), result, &value, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }
  g_free (self->saved_unit_name);
  self->saved_unit_name = g_steal_pointer (&value);
  set_entry (self->unit_name_row, self->saved_unit_name);
}

static void
unit_name_changed_cb (KhPreferencesWindow *self)
{
  if (kh_field_message_is_shown (GTK_WIDGET (self->unit_name_row)))
    kh_field_message_set (GTK_WIDGET (self->unit_name_row), NULL);
}

static void
unit_name_saved_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(KhPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  done_pending (self);
  if (!kh_store_set_setting_finish (KH_STORE (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        kh_field_message_set (GTK_WIDGET (self->unit_name_row), error->message);
      return;
    }
  toast (self, _("The unit’s name is saved"));
}

static void
unit_name_apply_cb (KhPreferencesWindow *self)
{
  g_autofree char *name = kh_text_clean (gtk_editable_get_text (GTK_EDITABLE (self->unit_name_row)));

  if (!self->can_edit)
    return;
  if (name == NULL)
    {
      kh_field_message_set (GTK_WIDGET (self->unit_name_row), _("The unit’s name cannot be empty"));
      return;
    }
  if (g_utf8_strlen (name, -1) > UNIT_NAME_MAX)
    {
      kh_field_message_set (GTK_WIDGET (self->unit_name_row),
                            _("The unit’s name can be at most 120 characters"));
      return;
    }
  g_free (self->saved_unit_name);
  self->saved_unit_name = g_strdup (name);
  self->pending++;
  kh_store_set_setting_async (self->store, KH_SETTING_UNIT_NAME, name, self->cancellable,
                              unit_name_saved_cb, g_object_ref (self));
}

/* ---- GObject ---- */

static void
kh_preferences_window_constructed (GObject *object)
{
  KhPreferencesWindow *self = KH_PREFERENCES_WINDOW (object);
  KhUser *user;

  G_OBJECT_CLASS (kh_preferences_window_parent_class)->constructed (object);

  g_assert (self->store != NULL);
  user = kh_store_get_user (self->store);
  /* As the store allows: the lead social worker and the administrator. */
  self->can_edit = user != NULL && user->active && user->role >= KH_ROLE_LEAD;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preferences.add-service", self->can_edit);
  gtk_widget_set_visible (GTK_WIDGET (self->add_service_button), self->can_edit);
  gtk_widget_set_visible (GTK_WIDGET (self->add_closed_day_group), self->can_edit);
  gtk_widget_set_sensitive (GTK_WIDGET (self->saturday_switch), self->can_edit);
  gtk_editable_set_editable (GTK_EDITABLE (self->unit_name_row), self->can_edit);
  adw_entry_row_set_show_apply_button (self->unit_name_row, self->can_edit);
  if (!self->can_edit)
    {
      const char *note = _("Only the lead social worker or an administrator can change these.");

      adw_preferences_group_set_description (self->unit_group, note);
      adw_preferences_group_set_description (self->counting_group, note);
      adw_preferences_group_set_description (self->closed_days_group, note);
      adw_preferences_group_set_description (self->directory_group, note);
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->saturday_row),
                                 kh_calendar_saturday_setting_title ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->saturday_switch), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  kh_calendar_saturday_setting_title (), -1);
  /* The letterhead, the rectification authority and the decision makers
   * (issue 8): a page of its own, with the same roles. */
  self->documents_page = kh_document_settings_page_new (self->store, self->can_edit);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (self->documents_page));
  /* The scale and the lists a client plan's review uses (issue 9, 4). */
  self->plans_page = kh_plan_settings_page_new (self->store, self->can_edit);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (self->plans_page));

  load_directory (self);
  load_closed_days (self);
  load_teams (self);
  self->pending++;
  kh_store_get_setting_async (self->store, "saturday_is_working_day", self->cancellable,
                              saturday_loaded_cb, g_object_ref (self));
  self->pending++;
  kh_store_get_setting_async (self->store, KH_SETTING_UNIT_NAME, self->cancellable,
                              unit_name_loaded_cb, g_object_ref (self));
}

static void
kh_preferences_window_dispose (GObject *object)
{
  KhPreferencesWindow *self = KH_PREFERENCES_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->editor != NULL)
    editor_destroyed_cb (self->editor, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), KH_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->store);
  g_clear_pointer (&self->services, g_ptr_array_unref);
  g_clear_pointer (&self->service_rows, g_ptr_array_unref);
  g_clear_pointer (&self->closed_day_rows, g_ptr_array_unref);
  g_clear_pointer (&self->team_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (kh_preferences_window_parent_class)->dispose (object);
}

static void
kh_preferences_window_finalize (GObject *object)
{
  KhPreferencesWindow *self = KH_PREFERENCES_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_free (self->saved_unit_name);

  G_OBJECT_CLASS (kh_preferences_window_parent_class)->finalize (object);
}

static void
kh_preferences_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  KhPreferencesWindow *self = KH_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  KhPreferencesWindow *self = KH_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_preferences_window_class_init (KhPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = kh_preferences_window_constructed;
  object_class->dispose = kh_preferences_window_dispose;
  object_class->finalize = kh_preferences_window_finalize;
  object_class->get_property = kh_preferences_window_get_property;
  object_class->set_property = kh_preferences_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, KH_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/fi/kohtaamo/Kohtaamo/ui/app/kh-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KhPreferencesWindow, add_closed_day_button);
  gtk_widget_class_bind_template_child (widget_class, KhPreferencesWindow, add_closed_day_group);
  gtk_widget_class_bind_template_child (widget_class, KhPreferencesWindow, add_service_button);
  gtk_widget_class_bind_template_child (widget_class, KhPreferencesWindow, closed_day_date_row);
  gtk_widget_class_bind_template_child (widget_class, KhPreferencesWindow, closed_day_name_row);
  gtk_widget_class_bind_template_child (widget_class, KhPreferencesWindow, closed_days_group);
  gtk_widget_class_bind_template_child (widget_class, KhPreferencesWindow, counting_group);
  gtk_widget_class_bind_template_child (widget_class, KhPreferencesWindow, directory_group);
  gtk_widget_class_bind_template_child (widget_class, KhPreferencesWindow, directory_page);
  gtk_widget_class_bind_template_child (widget_class, KhPreferencesWindow, saturday_row);
  gtk_widget_class_bind_template_child (widget_class, KhPreferencesWindow, saturday_switch);
  gtk_widget_class_bind_template_child (widget_class, KhPreferencesWindow, teams_group);
  gtk_widget_class_bind_template_child (widget_class, KhPreferencesWindow, unit_group);
  gtk_widget_class_bind_template_child (widget_class, KhPreferencesWindow, unit_name_row);
  gtk_widget_class_bind_template_callback (widget_class, add_closed_day_cb);
  gtk_widget_class_bind_template_callback (widget_class, closed_day_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, saturday_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, unit_name_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, unit_name_changed_cb);

  gtk_widget_class_install_action (widget_class, "preferences.add-service", NULL, add_service_action);
}

static void
kh_preferences_window_init (KhPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  kh_accessible_fix_mnemonics (GTK_WIDGET (self));
  /* AdwPreferencesWindow's own search leaves its entry and button nameless. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_template_child (GTK_WIDGET (self), ADW_TYPE_PREFERENCES_WINDOW, "search_entry")),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search Settings"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_template_child (GTK_WIDGET (self), ADW_TYPE_PREFERENCES_WINDOW, "search_button")),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, C_("show the search", "Search"), -1);
  kh_field_message_ensure_style ();

  self->cancellable = g_cancellable_new ();
  self->service_rows = g_ptr_array_new ();
  self->closed_day_rows = g_ptr_array_new ();
  self->team_rows = g_ptr_array_new ();
  /* One group per life area, in the map's order. */
  for (int area = KH_LIFE_AREA_FIRST; area <= KH_LIFE_AREA_LAST; area++)
    {
      GtkWidget *group = adw_preferences_group_new ();

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), kh_life_area_label (area));
      gtk_widget_set_name (group, kh_life_area_key (area));
      adw_preferences_page_add (self->directory_page, ADW_PREFERENCES_GROUP (group));
      self->area_groups[area - KH_LIFE_AREA_FIRST] = ADW_PREFERENCES_GROUP (group);
    }
}

/**
 * kh_preferences_window_new:
 * @store: an open #KhStore
 *
 * Returns: (transfer full): a new Preferences window
 */
KhPreferencesWindow *
kh_preferences_window_new (KhStore *store)
{
  g_return_val_if_fail (KH_IS_STORE (store), NULL);

  return g_object_new (KH_TYPE_PREFERENCES_WINDOW, "store", store, NULL);
}

gboolean
kh_preferences_window_can_edit (KhPreferencesWindow *self)
{
  g_return_val_if_fail (KH_IS_PREFERENCES_WINDOW (self), FALSE);

  return self->can_edit;
}

guint
kh_preferences_window_get_pending (KhPreferencesWindow *self)
{
  g_return_val_if_fail (KH_IS_PREFERENCES_WINDOW (self), 0);

  return self->pending
         + (self->documents_page != NULL ? kh_document_settings_page_get_pending (self->documents_page) : 0)
         + (self->plans_page != NULL ? kh_plan_settings_page_get_pending (self->plans_page) : 0);
}

KhPlanSettingsPage *
kh_preferences_window_get_plans_page (KhPreferencesWindow *self)
{
  g_return_val_if_fail (KH_IS_PREFERENCES_WINDOW (self), NULL);

  return self->plans_page;
}

KhDocumentSettingsPage *
kh_preferences_window_get_documents_page (KhPreferencesWindow *self)
{
  g_return_val_if_fail (KH_IS_PREFERENCES_WINDOW (self), NULL);

  return self->documents_page;
}

GtkWidget *
kh_preferences_window_get_editor (KhPreferencesWindow *self)
{
  g_return_val_if_fail (KH_IS_PREFERENCES_WINDOW (self), NULL);

  return self->editor;
}
