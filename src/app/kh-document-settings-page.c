/* kh-document-settings-page.c — Preferences → Documents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The unit's letterhead and rectification authority in Finnish and in
 * Swedish, the logo and the decision makers (issue 8 item 1;
 * core/kh-unit-profile.h). Each field is saved on its own, as the unit's
 * name on the Unit page: with the row's apply button or Enter, and also
 * when the focus leaves a changed field, so that nothing typed is left
 * behind. Its rules are kh_unit_profile_clean_field(): a message shows at
 * the field and the text stays as typed, also when the store refuses. A
 * decision maker is edited on a subpage, as a directory entry is. At the
 * top, what decisions in each language still lack (kh_unit_profile_check).
 * Everyone may look; the lead social worker and the administrator change,
 * as the store allows (it checks again).
 */
#define G_LOG_DOMAIN "kohtaamo"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kh-text.h"
#include "core/kh-unit-profile.h"
#include "ui/common/kh-accessible.h"
#include "ui/common/kh-field-message.h"
#include "ui/common/kh-form-rows.h"

#include "kh-document-settings-page.h"

#define N_LANGUAGES 2

struct _KhDocumentSettingsPage
{
  AdwPreferencesPage parent_instance;

  /* Owned. */
  KhStore            *store;
  GCancellable       *cancellable;
  KhUnitProfile      *profile;          /* as stored */
  GtkFileChooserNative *chooser;
  gboolean            can_edit;
  guint               pending;

  /* Borrowed from the page. */
  AdwEntryRow        *rows[N_LANGUAGES][KH_UNIT_PROFILE_N_FIELDS];
  AdwActionRow       *ready_rows[N_LANGUAGES];
  AdwActionRow       *logo_row;
  GtkPicture         *logo_picture;
  GtkWidget          *logo_remove;
  GtkWidget          *logo_choose;
  GtkListBox         *makers_list;
  GtkWidget          *add_maker_button;
  AdwToast           *toast;            /* the "Saved" toast while it shows */

  /* The decision maker's subpage while it is shown. */
  GtkWidget          *editor;
  KhDecisionMaker    *editing;          /* a copy; id 0 for a new one */
  GtkWidget          *editor_save;
  AdwEntryRow        *maker_name_row;
  AdwEntryRow        *maker_title_fi_row;
  AdwEntryRow        *maker_title_sv_row;
  AdwEntryRow        *maker_phone_row;
  AdwEntryRow        *maker_email_row;
  GtkSwitch          *maker_active_switch;
};

G_DEFINE_FINAL_TYPE (KhDocumentSettingsPage, kh_document_settings_page, ADW_TYPE_PREFERENCES_PAGE)

static const KhLanguage languages[N_LANGUAGES] = { KH_LANGUAGE_FI, KH_LANGUAGE_SV };

static void show_decision_makers (KhDocumentSettingsPage *self);

static AdwPreferencesWindow *
get_window (KhDocumentSettingsPage *self)
{
  return ADW_PREFERENCES_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_PREFERENCES_WINDOW));
}

static void
toast_dismissed_cb (AdwToast               *toast,
                    KhDocumentSettingsPage *self)
{
  if (self->toast == toast)
    self->toast = NULL;
}

static void
toast (KhDocumentSettingsPage *self,
       const char             *message,
       gboolean                saved)
{
  AdwPreferencesWindow *window = get_window (self);
  AdwToast *shown;

  if (window == NULL)
    return;
  /* One "Saved" at a time, however many fields are saved in a row. */
  if (saved && self->toast != NULL)
    return;
  shown = adw_toast_new (message);
  if (saved)
    {
      self->toast = shown;
      g_signal_connect_object (shown, "dismissed", G_CALLBACK (toast_dismissed_cb), self, 0);
    }
  adw_preferences_window_add_toast (window, shown);
}

static void
done_pending (KhDocumentSettingsPage *self)
{
  g_assert (self->pending > 0);
  self->pending--;
}

/* A store answer after the page went away: nothing to show it on. */
static gboolean
gone (KhDocumentSettingsPage *self,
      GError                 *error)
{
  return self->store == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* ---- building the page ---- */

static AdwPreferencesGroup *
add_group (AdwPreferencesPage *page,
           const char         *name,
           const char         *title,
           const char         *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  gtk_widget_set_name (group, name);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group));
  return ADW_PREFERENCES_GROUP (group);
}

/* Its own list: a message row under a field (kh-field-message) is no
 * AdwPreferencesRow, which the window's search expects of a group's rows. */
static GtkListBox *
add_list (AdwPreferencesGroup *group)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  adw_preferences_group_add (group, list);
  return GTK_LIST_BOX (list);
}

static AdwEntryRow *
add_entry (GtkListBox *list,
           const char *name,
           const char *title,
           gboolean    editable)
{
  GtkWidget *row = adw_entry_row_new ();

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_editable (GTK_EDITABLE (row), editable);
  gtk_list_box_append (list, row);
  return ADW_ENTRY_ROW (row);
}

/* Text from the store: no apply button for it (libadwaita 1.2 shows one
 * for any change, also one made by the program). */
static void
set_text (KhDocumentSettingsPage *self,
          AdwEntryRow            *row,
          const char             *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text) == 0)
    return;
  adw_entry_row_set_show_apply_button (row, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  adw_entry_row_set_show_apply_button (row, self->can_edit);
}

static void
clear_message_cb (GtkWidget *row)
{
  if (kh_field_message_is_shown (row))
    kh_field_message_set (row, NULL);
}

/* ---- the profile's fields ---- */

static const char *
stored_text (KhDocumentSettingsPage *self,
             guint                   l,
             KhUnitProfileField      field)
{
  const char *text = self->profile != NULL ? self->profile->text[l][field] : NULL;

  return text != NULL ? text : "";
}

static void
show_readiness (KhDocumentSettingsPage *self)
{
  for (guint l = 0; l < N_LANGUAGES; l++)
    {
      g_autoptr(GPtrArray) missing = kh_unit_profile_check (self->profile, languages[l],
                                                            KH_UNIT_PROFILE_FOR_DECISION);
      g_autofree char *text = NULL;

      if (missing->len == 0)
        text = g_strdup (languages[l] == KH_LANGUAGE_SV
                         ? _("Everything a decision in Swedish needs is filled in.")
                         : _("Everything a decision in Finnish needs is filled in."));
      else
        {
          /* The first few, so that a new unit's list is not a wall of text. */
          GString *lines = g_string_new (NULL);
          guint shown = missing->len > 4 ? 3 : missing->len;

          for (guint i = 0; i < shown; i++)
            g_string_append_printf (lines, "%s%s", i > 0 ? "\n" : "",
                                    (char *) g_ptr_array_index (missing, i));
          if (shown < missing->len)
            {
              guint more = missing->len - shown;
              /* Translators: after the first three things a decision lacks */
              g_autofree char *rest = g_strdup_printf (ngettext ("… and %u more thing",
                                                                 "… and %u more things", more), more);

              g_string_append_printf (lines, "\n%s", rest);
            }
          text = g_string_free (lines, FALSE);
        }
      adw_action_row_set_subtitle (self->ready_rows[l], text);
      adw_action_row_set_icon_name (self->ready_rows[l], missing->len == 0 ? "emblem-ok-symbolic"
                                                                          : "dialog-warning-symbolic");
      gtk_widget_set_name (GTK_WIDGET (self->ready_rows[l]),
                           missing->len == 0 ? (l == 0 ? "ready-fi" : "ready-sv")
                                             : (l == 0 ? "missing-fi" : "missing-sv"));
    }
}

typedef struct {
  KhDocumentSettingsPage *self;
  AdwEntryRow            *row;
  guint                   language;
  KhUnitProfileField      field;
  char                   *value;
} FieldSave;

static void
field_save_free (FieldSave *save)
{
  g_object_unref (save->self);
  g_object_unref (save->row);
  g_free (save->value);
  g_free (save);
}

static void
field_saved_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  FieldSave *save = user_data;
  KhDocumentSettingsPage *self = save->self;
  g_autoptr(GError) error = NULL;

  done_pending (self);
  if (!kh_store_set_setting_finish (KH_STORE (source), result, &error))
    {
      /* The text stays as typed; the store's words at the field. */
      if (!gone (self, error))
        kh_field_message_set (GTK_WIDGET (save->row), error->message);
      field_save_free (save);
      return;
    }
  if (self->store != NULL)
    {
      char **stored = &self->profile->text[save->language][save->field];

      g_free (*stored);
      *stored = *save->value != '\0' ? g_strdup (save->value) : NULL;
      g_autofree char *now = kh_text_clean (gtk_editable_get_text (GTK_EDITABLE (save->row)));

      /* Shown as stored (spaces cleaned), unless typed on since. */
      if (g_strcmp0 (now != NULL ? now : "", save->value) == 0)
        set_text (self, save->row, save->value);
      show_readiness (self);
      toast (self, _("Saved"), TRUE);
    }
  field_save_free (save);
}

static void
save_field (KhDocumentSettingsPage *self,
            AdwEntryRow            *row)
{
  guint l = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "kh-language"));
  KhUnitProfileField field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "kh-field"));
  g_autofree char *message = NULL;
  g_autofree char *key = NULL;
  char *value;
  FieldSave *save;

  if (!self->can_edit || self->store == NULL)
    return;
  value = kh_unit_profile_clean_field (field, gtk_editable_get_text (GTK_EDITABLE (row)), &message);
  if (value == NULL)
    {
      kh_field_message_set (GTK_WIDGET (row), message);
      return;
    }
  if (g_strcmp0 (value, stored_text (self, l, field)) == 0)
    {
      g_free (value);
      return;
    }
  key = kh_unit_profile_setting_key (field, languages[l]);
  save = g_new0 (FieldSave, 1);
  save->self = g_object_ref (self);
  save->row = g_object_ref (row);
  save->language = l;
  save->field = field;
  save->value = value;
  self->pending++;
  kh_store_set_setting_async (self->store, key, value, self->cancellable, field_saved_cb, save);
}

static void
field_applied_cb (AdwEntryRow            *row,
                  KhDocumentSettingsPage *self)
{
  save_field (self, row);
}

static void
field_left_cb (GtkEventControllerFocus *controller,
               KhDocumentSettingsPage  *self)
{
  save_field (self, ADW_ENTRY_ROW (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller))));
}

static void
add_field_group (KhDocumentSettingsPage *self,
                 const char             *name,
                 const char             *title,
                 const char             *description,
                 guint                   l,
                 KhUnitProfileField      first,
                 KhUnitProfileField      last)
{
  AdwPreferencesGroup *group = add_group (ADW_PREFERENCES_PAGE (self), name, title, description);
  GtkListBox *list = add_list (group);

  for (KhUnitProfileField field = first; field <= last; field++)
    {
      g_autofree char *key = kh_unit_profile_setting_key (field, languages[l]);
      AdwEntryRow *row = add_entry (list, key, kh_unit_profile_field_label (field), self->can_edit);
      GtkEventController *focus = gtk_event_controller_focus_new ();

      adw_entry_row_set_show_apply_button (row, self->can_edit);
      if (field == KH_UNIT_PROFILE_PHONE)
        adw_entry_row_set_input_purpose (row, GTK_INPUT_PURPOSE_PHONE);
      else if (field == KH_UNIT_PROFILE_EMAIL || field == KH_UNIT_PROFILE_AUTHORITY_EMAIL)
        adw_entry_row_set_input_purpose (row, GTK_INPUT_PURPOSE_EMAIL);
      else if (field == KH_UNIT_PROFILE_WEB)
        adw_entry_row_set_input_purpose (row, GTK_INPUT_PURPOSE_URL);
      g_object_set_data (G_OBJECT (row), "kh-language", GUINT_TO_POINTER (l));
      g_object_set_data (G_OBJECT (row), "kh-field", GUINT_TO_POINTER (field));
      g_signal_connect (row, "apply", G_CALLBACK (field_applied_cb), self);
      g_signal_connect (row, "changed", G_CALLBACK (clear_message_cb), NULL);
      if (self->can_edit)
        {
          g_signal_connect (focus, "leave", G_CALLBACK (field_left_cb), self);
          gtk_widget_add_controller (GTK_WIDGET (row), focus);
        }
      else
        g_object_unref (focus);
      self->rows[l][field] = row;
    }
}

/* ---- the logo ---- */

static void
show_logo (KhDocumentSettingsPage *self)
{
  GBytes *png = self->profile != NULL ? self->profile->logo : NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *subtitle = NULL;

  if (png != NULL)
    texture = gdk_texture_new_from_bytes (png, NULL);
  gtk_picture_set_paintable (self->logo_picture, GDK_PAINTABLE (texture));
  gtk_widget_set_visible (GTK_WIDGET (self->logo_picture), texture != NULL);
  gtk_widget_set_visible (self->logo_remove, self->can_edit && png != NULL);
  if (texture != NULL)
    /* Translators: the logo's width and height in pixels, then its size in kB */
    subtitle = g_strdup_printf (_("PNG, %d × %d pixels, %u kB"),
                                gdk_texture_get_width (texture), gdk_texture_get_height (texture),
                                (guint) ((g_bytes_get_size (png) + 1023) / 1024));
  adw_action_row_set_subtitle (self->logo_row,
                               subtitle != NULL ? subtitle
                                                /* Translators: the unit has no logo */
                                                : _("No logo: the letterhead has the organisation’s name only."));
}

typedef struct {
  KhDocumentSettingsPage *self;
  GBytes                 *png;   /* NULL: removed */
} LogoSave;

static void
logo_saved_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  LogoSave *save = user_data;
  KhDocumentSettingsPage *self = save->self;
  g_autoptr(GError) error = NULL;

  done_pending (self);
  if (!kh_store_set_setting_finish (KH_STORE (source), result, &error))
    {
      if (!gone (self, error))
        kh_field_message_set (GTK_WIDGET (self->logo_row), error->message);
    }
  else if (self->store != NULL)
    {
      g_clear_pointer (&self->profile->logo, g_bytes_unref);
      self->profile->logo = save->png != NULL ? g_bytes_ref (save->png) : NULL;
      show_logo (self);
      toast (self, save->png != NULL ? _("The logo is saved") : _("The logo is removed"), FALSE);
    }
  g_clear_pointer (&save->png, g_bytes_unref);
  g_object_unref (save->self);
  g_free (save);
}

static void
save_logo (KhDocumentSettingsPage *self,
           GBytes                 *png)
{
  g_autofree char *value = NULL;
  LogoSave *save;

  if (png != NULL)
    value = g_base64_encode (g_bytes_get_data (png, NULL), g_bytes_get_size (png));
  save = g_new0 (LogoSave, 1);
  save->self = g_object_ref (self);
  save->png = png != NULL ? g_bytes_ref (png) : NULL;
  self->pending++;
  kh_store_set_setting_async (self->store, KH_SETTING_DOCUMENT_LOGO, value != NULL ? value : "",
                              self->cancellable, logo_saved_cb, save);
}

static void
logo_read_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(KhDocumentSettingsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autofree char *message = NULL;
  char *contents = NULL;
  gsize length = 0;

  done_pending (self);
  if (!g_file_load_contents_finish (G_FILE (source), result, &contents, &length, NULL, &error))
    {
      if (!gone (self, error))
        kh_field_message_set (GTK_WIDGET (self->logo_row), error->message);
      return;
    }
  png = g_bytes_new_take (contents, length);
  if (self->store == NULL)
    return;
  if (!kh_unit_profile_check_logo (png, &message))
    {
      kh_field_message_set (GTK_WIDGET (self->logo_row), message);
      return;
    }
  save_logo (self, png);
}

static void
chooser_response_cb (GtkNativeDialog        *chooser,
                     int                     response,
                     KhDocumentSettingsPage *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file != NULL)
    kh_document_settings_page_load_logo (self, file);
}

static void
choose_logo_cb (KhDocumentSettingsPage *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkNative *native;

  if (!self->can_edit || self->chooser != NULL)
    return;
  native = gtk_widget_get_native (GTK_WIDGET (self));
  self->chooser = gtk_file_chooser_native_new (_("Choose the Logo"),
                                               GTK_IS_WINDOW (native) ? GTK_WINDOW (native) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), NULL);
  gtk_file_filter_set_name (filter, _("PNG images"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_suffix (filter, "png");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
remove_logo_cb (KhDocumentSettingsPage *self)
{
  if (self->can_edit)
    {
      clear_message_cb (GTK_WIDGET (self->logo_row));
      save_logo (self, NULL);
    }
}

static GtkWidget *
logo_button (const char *icon,
             const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static void
add_logo_group (KhDocumentSettingsPage *self)
{
  AdwPreferencesGroup *group =
    add_group (ADW_PREFERENCES_PAGE (self), "logo", _("Logo"),
               _("Printed at the top left of every letter and decision: a PNG image of at most "
                 "512 kB, e.g. 600 pixels wide. One logo serves both languages."));
  GtkListBox *list = add_list (group);

  self->logo_row = ADW_ACTION_ROW (adw_action_row_new ());
  gtk_widget_set_name (GTK_WIDGET (self->logo_row), "logo-row");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->logo_row), _("Logo"));
  self->logo_picture = GTK_PICTURE (gtk_picture_new ());
  gtk_picture_set_content_fit (self->logo_picture, GTK_CONTENT_FIT_CONTAIN);
  gtk_widget_set_size_request (GTK_WIDGET (self->logo_picture), 120, 48);
  gtk_widget_set_margin_top (GTK_WIDGET (self->logo_picture), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->logo_picture), 6);
  adw_action_row_add_prefix (self->logo_row, GTK_WIDGET (self->logo_picture));
  self->logo_choose = logo_button ("document-open-symbolic", _("Choose a PNG Image"));
  gtk_widget_set_name (self->logo_choose, "choose-logo");
  gtk_widget_set_visible (self->logo_choose, self->can_edit);
  g_signal_connect_swapped (self->logo_choose, "clicked", G_CALLBACK (choose_logo_cb), self);
  adw_action_row_add_suffix (self->logo_row, self->logo_choose);
  self->logo_remove = logo_button ("user-trash-symbolic", _("Remove the Logo"));
  gtk_widget_set_name (self->logo_remove, "remove-logo");
  g_signal_connect_swapped (self->logo_remove, "clicked", G_CALLBACK (remove_logo_cb), self);
  adw_action_row_add_suffix (self->logo_row, self->logo_remove);
  gtk_list_box_append (list, GTK_WIDGET (self->logo_row));
  show_logo (self);
}

/* ---- decision makers ---- */

static void
close_editor (KhDocumentSettingsPage *self)
{
  AdwPreferencesWindow *window = get_window (self);

  if (self->editor != NULL && window != NULL)
    adw_preferences_window_close_subpage (window);
}

static void
editor_destroyed_cb (GtkWidget              *editor,
                     KhDocumentSettingsPage *self)
{
  if (self->editor != editor)
    return;
  self->editor = NULL;
  self->editor_save = NULL;
  self->maker_name_row = self->maker_title_fi_row = self->maker_title_sv_row = NULL;
  self->maker_phone_row = self->maker_email_row = NULL;
  self->maker_active_switch = NULL;
  g_clear_pointer (&self->editing, kh_decision_maker_free);
}

typedef struct {
  KhDocumentSettingsPage *self;
  GPtrArray              *list;   /* the list as sent */
  gboolean                removed;
} MakersSave;

static void
makers_saved_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  MakersSave *save = user_data;
  KhDocumentSettingsPage *self = save->self;
  g_autoptr(GError) error = NULL;

  done_pending (self);
  if (self->editor_save != NULL)
    gtk_widget_set_sensitive (self->editor_save, TRUE);
  if (!kh_store_set_setting_finish (KH_STORE (source), result, &error))
    {
      /* The subpage stays open with what was typed. */
      if (!gone (self, error))
        {
          if (self->editor != NULL)
            kh_field_message_set (GTK_WIDGET (self->maker_name_row), error->message);
          else
            toast (self, error->message, FALSE);
        }
    }
  else if (self->store != NULL)
    {
      g_ptr_array_unref (self->profile->decision_makers);
      self->profile->decision_makers = g_ptr_array_ref (save->list);
      close_editor (self);
      show_decision_makers (self);
      show_readiness (self);
      toast (self, save->removed ? _("The decision maker is removed") : _("The decision maker is saved"),
             FALSE);
    }
  g_ptr_array_unref (save->list);
  g_object_unref (save->self);
  g_free (save);
}

/* Stores the list with `maker` in place of the one with its id (added when
 * new), or without it when `remove`. */
static void
save_decision_makers (KhDocumentSettingsPage *self,
                      KhDecisionMaker        *maker,
                      gboolean                remove)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) kh_decision_maker_free);
  g_autofree char *value = NULL;
  gboolean placed = FALSE;
  MakersSave *save;

  for (guint i = 0; i < self->profile->decision_makers->len; i++)
    {
      KhDecisionMaker *old = g_ptr_array_index (self->profile->decision_makers, i);

      if (maker->id != 0 && old->id == maker->id)
        {
          placed = TRUE;
          if (!remove)
            g_ptr_array_add (list, kh_decision_maker_copy (maker));
        }
      else
        g_ptr_array_add (list, kh_decision_maker_copy (old));
    }
  if (!placed && !remove)
    {
      KhDecisionMaker *added = kh_decision_maker_copy (maker);

      added->id = kh_decision_makers_next_id (self->profile->decision_makers);
      g_ptr_array_add (list, added);
    }
  value = kh_decision_makers_to_setting (list);
  save = g_new0 (MakersSave, 1);
  save->self = g_object_ref (self);
  save->list = list;
  save->removed = remove;
  if (self->editor_save != NULL)
    gtk_widget_set_sensitive (self->editor_save, FALSE);
  self->pending++;
  kh_store_set_setting_async (self->store, KH_SETTING_DOCUMENT_DECISION_MAKERS, value,
                              self->cancellable, makers_saved_cb, save);
}

static char *
row_text (AdwEntryRow *row)
{
  return kh_text_clean (gtk_editable_get_text (GTK_EDITABLE (row)));
}

static void
editor_save_cb (KhDocumentSettingsPage *self)
{
  g_autoptr(KhDecisionMaker) maker = NULL;
  g_autofree char *message = NULL;
  AdwEntryRow *at;

  if (self->editor == NULL || !self->can_edit)
    return;
  maker = kh_decision_maker_copy (self->editing);
#define TAKE(field, row) G_STMT_START { g_free (maker->field); maker->field = row_text (self->row); } G_STMT_END
  TAKE (name, maker_name_row);
  TAKE (title_fi, maker_title_fi_row);
  TAKE (title_sv, maker_title_sv_row);
  TAKE (phone, maker_phone_row);
  TAKE (email, maker_email_row);
#undef TAKE
  maker->active = gtk_switch_get_active (self->maker_active_switch);
  message = kh_decision_maker_check (maker);
  if (message != NULL)
    {
      /* The message begins with its field's label. */
      if (g_str_has_prefix (message, _("Title in Finnish")))
        at = self->maker_title_fi_row;
      else if (g_str_has_prefix (message, _("Title in Swedish")))
        at = self->maker_title_sv_row;
      else if (g_str_has_prefix (message, _("Phone")))
        at = self->maker_phone_row;
      else if (g_str_has_prefix (message, _("E-mail")))
        at = self->maker_email_row;
      else
        at = self->maker_name_row;
      kh_field_message_set (GTK_WIDGET (at), message);
      gtk_widget_grab_focus (GTK_WIDGET (at));
      return;
    }
  save_decision_makers (self, maker, FALSE);
}

static void
editor_remove_cb (KhDocumentSettingsPage *self)
{
  if (self->editor != NULL && self->can_edit && self->editing->id != 0)
    save_decision_makers (self, self->editing, TRUE);
}

static void
open_editor (KhDocumentSettingsPage *self,
             const KhDecisionMaker  *maker)
{
  AdwPreferencesWindow *window = get_window (self);
  GtkWidget *box, *header, *back, *page, *title;
  AdwPreferencesGroup *group;
  GtkListBox *list;

  if (self->editor != NULL || window == NULL)
    return;
  self->editing = maker != NULL ? kh_decision_maker_copy (maker) : kh_decision_maker_new ();

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_name (box, "decision-maker-editor");
  header = adw_header_bar_new ();
  title = adw_window_title_new (maker == NULL ? _("New Decision Maker") : maker->name,
                                self->can_edit ? NULL
                                : _("Only the lead social worker or an administrator can change this"));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  back = gtk_button_new_from_icon_name ("go-previous-symbolic");
  gtk_widget_set_tooltip_text (back, _("Back"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (back), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Back"), -1);
  g_signal_connect_swapped (back, "clicked", G_CALLBACK (close_editor), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), back);
  self->editor_save = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_set_name (self->editor_save, "save");
  kh_accessible_fix_mnemonics (self->editor_save);
  gtk_widget_add_css_class (self->editor_save, "suggested-action");
  gtk_widget_set_visible (self->editor_save, self->can_edit);
  g_signal_connect_swapped (self->editor_save, "clicked", G_CALLBACK (editor_save_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->editor_save);
  gtk_box_append (GTK_BOX (box), header);

  page = adw_preferences_page_new ();
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);

  group = add_group (ADW_PREFERENCES_PAGE (page), "maker", _("Decision maker"),
                     _("As printed under the decision: the name, and the title in the language "
                       "of the decision."));
  list = add_list (group);
  self->maker_name_row = add_entry (list, "maker-name", _("Name"), self->can_edit);
  self->maker_title_fi_row = add_entry (list, "maker-title-fi", _("Title in Finnish"), self->can_edit);
  self->maker_title_sv_row = add_entry (list, "maker-title-sv", _("Title in Swedish"), self->can_edit);
  group = add_group (ADW_PREFERENCES_PAGE (page), "maker-contact", _("Contact details"),
                     _("Printed as the contact for more information when the decision maker gives it."));
  list = add_list (group);
  self->maker_phone_row = add_entry (list, "maker-phone", _("Phone"), self->can_edit);
  adw_entry_row_set_input_purpose (self->maker_phone_row, GTK_INPUT_PURPOSE_PHONE);
  self->maker_email_row = add_entry (list, "maker-email", _("E-mail"), self->can_edit);
  adw_entry_row_set_input_purpose (self->maker_email_row, GTK_INPUT_PURPOSE_EMAIL);

  group = add_group (ADW_PREFERENCES_PAGE (page), "maker-use", "", NULL);
  list = add_list (group);
  self->maker_active_switch =
    kh_form_rows_add_switch (GTK_WIDGET (list), _("In use"),
                             _("Offered as the decision maker of new decisions. One who has left is "
                               "taken out of use; the decisions already made keep their name."),
                             NULL);
  gtk_widget_set_name (GTK_WIDGET (self->maker_active_switch), "maker-active");
  gtk_switch_set_active (self->maker_active_switch, self->editing->active);
  gtk_widget_set_sensitive (GTK_WIDGET (self->maker_active_switch), self->can_edit);
  if (self->can_edit && maker != NULL)
    {
      GtkWidget *remove = gtk_button_new_with_mnemonic (_("_Remove Decision Maker"));

      gtk_widget_set_name (remove, "remove");
      kh_accessible_fix_mnemonics (remove);
      gtk_widget_set_halign (remove, GTK_ALIGN_END);
      gtk_widget_set_margin_top (remove, 12);
      gtk_widget_add_css_class (remove, "destructive-action");
      gtk_widget_set_tooltip_text (remove, _("For one added by mistake. One who has left is taken out of use."));
      g_signal_connect_swapped (remove, "clicked", G_CALLBACK (editor_remove_cb), self);
      adw_preferences_group_add (group, remove);
    }

  gtk_editable_set_text (GTK_EDITABLE (self->maker_name_row), self->editing->name ? self->editing->name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->maker_title_fi_row), self->editing->title_fi ? self->editing->title_fi : "");
  gtk_editable_set_text (GTK_EDITABLE (self->maker_title_sv_row), self->editing->title_sv ? self->editing->title_sv : "");
  gtk_editable_set_text (GTK_EDITABLE (self->maker_phone_row), self->editing->phone ? self->editing->phone : "");
  gtk_editable_set_text (GTK_EDITABLE (self->maker_email_row), self->editing->email ? self->editing->email : "");
  for (AdwEntryRow **entry = &self->maker_name_row; entry <= &self->maker_email_row; entry++)
    {
      g_signal_connect (*entry, "changed", G_CALLBACK (clear_message_cb), NULL);
      g_signal_connect_swapped (*entry, "entry-activated", G_CALLBACK (editor_save_cb), self);
    }

  self->editor = box;
  g_signal_connect (box, "destroy", G_CALLBACK (editor_destroyed_cb), self);
  adw_preferences_window_present_subpage (window, box);
  if (self->can_edit)
    gtk_widget_grab_focus (GTK_WIDGET (self->maker_name_row));
}

static void
maker_row_activated_cb (AdwActionRow           *row,
                        KhDocumentSettingsPage *self)
{
  guint id = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "kh-id"));
  const KhDecisionMaker *maker = kh_unit_profile_find_decision_maker (self->profile, id);

  if (maker != NULL)
    open_editor (self, maker);
}

static void
add_maker_cb (KhDocumentSettingsPage *self)
{
  if (self->can_edit)
    open_editor (self, NULL);
}

static void
show_decision_makers (KhDocumentSettingsPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->makers_list))) != NULL)
    gtk_list_box_remove (self->makers_list, child);

  for (guint i = 0; i < self->profile->decision_makers->len; i++)
    {
      KhDecisionMaker *maker = g_ptr_array_index (self->profile->decision_makers, i);
      GtkWidget *row = adw_action_row_new ();
      GString *subtitle = g_string_new (NULL);
      g_autofree char *text = NULL;

      if (!maker->active)
        g_string_append (subtitle, _("Not in use"));
      if (maker->title_fi != NULL)
        g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? " · " : "", maker->title_fi);
      if (maker->title_sv != NULL)
        g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? " · " : "", maker->title_sv);
      text = g_string_free (subtitle, FALSE);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), maker->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      if (!maker->active)
        gtk_widget_add_css_class (row, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data (G_OBJECT (row), "kh-id", GUINT_TO_POINTER (maker->id));
      g_signal_connect (row, "activated", G_CALLBACK (maker_row_activated_cb), self);
      gtk_list_box_append (self->makers_list, row);
    }
  if (self->profile->decision_makers->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No decision makers yet"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->makers_list, row);
    }
}

static void
add_makers_group (KhDocumentSettingsPage *self)
{
  AdwPreferencesGroup *group =
    add_group (ADW_PREFERENCES_PAGE (self), "decision-makers", _("Decision makers"),
               _("Those who make the unit’s decisions under the county’s delegation rules, with "
                 "their titles in Finnish and in Swedish."));
  GtkWidget *content = adw_button_content_new ();

  self->add_maker_button = gtk_button_new ();
  gtk_widget_set_name (self->add_maker_button, "add-decision-maker");
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("_Add Decision Maker"));
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (self->add_maker_button), content);
  gtk_widget_add_css_class (self->add_maker_button, "flat");
  gtk_widget_set_valign (self->add_maker_button, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (self->add_maker_button, self->can_edit);
  g_signal_connect_swapped (self->add_maker_button, "clicked", G_CALLBACK (add_maker_cb), self);
  adw_preferences_group_set_header_suffix (group, self->add_maker_button);
  self->makers_list = add_list (group);
  show_decision_makers (self);
}

/* ---- loading ---- */

static void
show_profile (KhDocumentSettingsPage *self)
{
  for (guint l = 0; l < N_LANGUAGES; l++)
    for (guint f = 0; f < KH_UNIT_PROFILE_N_FIELDS; f++)
      set_text (self, self->rows[l][f], stored_text (self, l, f));
  show_logo (self);
  show_decision_makers (self);
  show_readiness (self);
}

static void
profile_loaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(KhDocumentSettingsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  KhUnitProfile *profile = kh_store_get_unit_profile_finish (KH_STORE (source), result, &error);

  done_pending (self);
  if (profile == NULL)
    {
      if (!gone (self, error))
        toast (self, error->message, FALSE);
      return;
    }
  if (self->store == NULL)
    {
      kh_unit_profile_free (profile);
      return;
    }
  kh_unit_profile_free (self->profile);
  self->profile = profile;
  show_profile (self);
}

/* ---- GObject ---- */

static void
kh_document_settings_page_dispose (GObject *object)
{
  KhDocumentSettingsPage *self = KH_DOCUMENT_SETTINGS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->editor != NULL)
    editor_destroyed_cb (self->editor, self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kh_document_settings_page_parent_class)->dispose (object);
}

static void
kh_document_settings_page_finalize (GObject *object)
{
  KhDocumentSettingsPage *self = KH_DOCUMENT_SETTINGS_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->profile, kh_unit_profile_free);

  G_OBJECT_CLASS (kh_document_settings_page_parent_class)->finalize (object);
}

static void
kh_document_settings_page_class_init (KhDocumentSettingsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kh_document_settings_page_dispose;
  object_class->finalize = kh_document_settings_page_finalize;
}

static void
kh_document_settings_page_init (KhDocumentSettingsPage *self)
{
  self->cancellable = g_cancellable_new ();
  self->profile = kh_unit_profile_new ();
  kh_field_message_ensure_style ();
}

static void
build (KhDocumentSettingsPage *self)
{
  const char *only = self->can_edit ? NULL
                     : _("Only the lead social worker or an administrator can change these.");
  AdwPreferencesGroup *group;
  GtkListBox *list;

  adw_preferences_page_set_name (ADW_PREFERENCES_PAGE (self), "documents");
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (self), _("Documents"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (self), "x-office-document-symbolic");

  group = add_group (ADW_PREFERENCES_PAGE (self), "readiness", _("Decisions"),
                     only != NULL ? only
                     : _("A decision is printed in the client’s language, Finnish or Swedish, with "
                         "instructions for requesting rectification. This is what each language "
                         "still lacks."));
  list = add_list (group);
  for (guint l = 0; l < N_LANGUAGES; l++)
    {
      self->ready_rows[l] = ADW_ACTION_ROW (adw_action_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->ready_rows[l]),
                                     l == 1 ? _("Decisions in Swedish") : _("Decisions in Finnish"));
      gtk_list_box_append (list, GTK_WIDGET (self->ready_rows[l]));
    }

  add_field_group (self, "letterhead-fi", _("Letterhead in Finnish"),
                   _("At the top and in the footer of letters and decisions in Finnish."),
                   0, KH_UNIT_PROFILE_ORGANISATION, KH_UNIT_PROFILE_WEB);
  add_field_group (self, "letterhead-sv", _("Letterhead in Swedish"),
                   _("For clients whose language is Swedish: no Finnish word is printed to them. "
                     "Phone, e-mail and web address left empty here are taken from the Finnish "
                     "letterhead."),
                   1, KH_UNIT_PROFILE_ORGANISATION, KH_UNIT_PROFILE_WEB);
  add_field_group (self, "authority-fi", _("Rectification authority in Finnish"),
                   _("Where a client sends a request for rectification of a decision, usually the "
                     "county’s individual matters section (Social Welfare Act 50 §). Printed in the "
                     "instructions attached to every decision in Finnish."),
                   0, KH_UNIT_PROFILE_FIRST_AUTHORITY_FIELD, KH_UNIT_PROFILE_N_FIELDS - 1);
  add_field_group (self, "authority-sv", _("Rectification authority in Swedish"),
                   _("For decisions in Swedish; it may be another body, such as a Swedish-language "
                     "section. An e-mail address left empty here is taken from the Finnish one."),
                   1, KH_UNIT_PROFILE_FIRST_AUTHORITY_FIELD, KH_UNIT_PROFILE_N_FIELDS - 1);
  add_logo_group (self);
  add_makers_group (self);
  show_readiness (self);
}

/**
 * kh_document_settings_page_new:
 * @store: an open #KhStore
 * @can_edit: whether the user may change the unit's settings
 *
 * Returns: (transfer floating): the page, loading the profile
 */
KhDocumentSettingsPage *
kh_document_settings_page_new (KhStore  *store,
                               gboolean  can_edit)
{
  KhDocumentSettingsPage *self;

  g_return_val_if_fail (KH_IS_STORE (store), NULL);

  self = g_object_new (KH_TYPE_DOCUMENT_SETTINGS_PAGE, NULL);
  self->store = g_object_ref (store);
  self->can_edit = can_edit;
  build (self);
  self->pending++;
  kh_store_get_unit_profile_async (self->store, self->cancellable, profile_loaded_cb, g_object_ref (self));
  return self;
}

guint
kh_document_settings_page_get_pending (KhDocumentSettingsPage *self)
{
  g_return_val_if_fail (KH_IS_DOCUMENT_SETTINGS_PAGE (self), 0);

  return self->pending;
}

GtkWidget *
kh_document_settings_page_get_editor (KhDocumentSettingsPage *self)
{
  g_return_val_if_fail (KH_IS_DOCUMENT_SETTINGS_PAGE (self), NULL);

  return self->editor;
}

void
kh_document_settings_page_load_logo (KhDocumentSettingsPage *self,
                                     GFile                  *file)
{
  g_return_if_fail (KH_IS_DOCUMENT_SETTINGS_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  if (!self->can_edit || self->store == NULL)
    return;
  clear_message_cb (GTK_WIDGET (self->logo_row));
  self->pending++;
  g_file_load_contents_async (file, self->cancellable, logo_read_cb, g_object_ref (self));
}
