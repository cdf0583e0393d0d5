/* kh-plan-settings-page.c — Preferences → Client Plans
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 9 item 4: the scale on which a plan's review rates the goals, the
 * factors that help or hinder, the services and the methods (THL AVAIN's
 * four parts), and the unit's lists of services and working methods that
 * a review evaluates (core/kh-plan-settings.h; no national code list is
 * invented). The scale is edited step by step — each step in Finnish and
 * in Swedish, steps added and removed within 2–10, or the default five
 * put back — and saved as a whole, because a step half typed is no
 * scale. Each list is a text, one entry a line, saved with its button.
 * Problems show at the field, the text stays as typed, also when the
 * store refuses (it checks again, and on a server the server does).
 * Everyone may look; the lead social worker and the administrator change.
 */
#define G_LOG_DOMAIN "kohtaamo"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "core/kh-plan-settings.h"
#include "core/kh-text.h"
#include "ui/common/kh-accessible.h"
#include "ui/common/kh-field-message.h"

#include "kh-plan-settings-page.h"

enum {
  LIST_SERVICES,
  LIST_METHODS,
  N_LISTS
};

typedef struct
{
  AdwEntryRow *fi;
  AdwEntryRow *sv;
  GtkWidget   *remove;
} StepRows;

struct _KhPlanSettingsPage
{
  AdwPreferencesPage parent_instance;

  /* Owned. */
  KhStore           *store;
  GCancellable      *cancellable;
  gboolean           can_edit;
  guint              pending;
  GPtrArray         *steps;              /* StepRows */

  /* Borrowed from the page. */
  AdwPreferencesGroup *scale_group;
  GtkListBox        *steps_list;
  GtkWidget         *add_step;
  GtkWidget         *reset_scale;
  GtkWidget         *save_scale;
  GtkWidget         *scale_buttons;
  GtkTextView       *lists[N_LISTS];
  GtkWidget         *list_frames[N_LISTS];
  GtkWidget         *save_lists[N_LISTS];
  AdwToast          *toast;
};

G_DEFINE_FINAL_TYPE (KhPlanSettingsPage, kh_plan_settings_page, ADW_TYPE_PREFERENCES_PAGE)

static const char * const list_keys[N_LISTS] = { KH_SETTING_PLAN_SERVICES, KH_SETTING_PLAN_METHODS };

static void
toast_dismissed_cb (AdwToast           *toast,
                    KhPlanSettingsPage *self)
{
  if (self->toast == toast)
    self->toast = NULL;
}

static void
toast (KhPlanSettingsPage *self,
       const char         *message)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_PREFERENCES_WINDOW);

  if (window == NULL || self->toast != NULL)
    return;
  self->toast = adw_toast_new (message);
  g_signal_connect_object (self->toast, "dismissed", G_CALLBACK (toast_dismissed_cb), self, 0);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (window), self->toast);
}

/* A store answer after the page went away: nothing to show it on. */
static gboolean
gone (KhPlanSettingsPage *self,
      GError             *error)
{
  return self->store == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
clear_message_cb (GtkWidget *widget)
{
  if (kh_field_message_is_shown (widget))
    kh_field_message_set (widget, NULL);
}

static GtkWidget *
button (const char *label,
        const char *name,
        gboolean    suggested)
{
  GtkWidget *b = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_name (b, name);
  gtk_widget_set_valign (b, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (b, suggested ? "suggested-action" : "flat");
  kh_accessible_fix_mnemonics (b);
  return b;
}

/* ---- the scale ---- */

static void step_changed_cb (KhPlanSettingsPage *self);

static AdwEntryRow *
add_step_row (KhPlanSettingsPage *self,
              const char         *title,
              const char         *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  gtk_editable_set_editable (GTK_EDITABLE (row), self->can_edit);
  g_signal_connect_swapped (row, "changed", G_CALLBACK (clear_message_cb), row);
  g_signal_connect_swapped (row, "changed", G_CALLBACK (step_changed_cb), self);
  gtk_list_box_append (self->steps_list, row);
  return ADW_ENTRY_ROW (row);
}

static void remove_step_cb (GtkButton *remove, KhPlanSettingsPage *self);

/* The steps' rows from `fi` and `sv` (as many), the lowest first. */
static void
show_steps (KhPlanSettingsPage *self,
            GPtrArray          *fi,
            GPtrArray          *sv)
{
  GtkWidget *child;

  g_ptr_array_set_size (self->steps, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->steps_list))) != NULL)
    gtk_list_box_remove (self->steps_list, child);
  for (guint i = 0; i < fi->len; i++)
    {
      StepRows *s = g_new0 (StepRows, 1);
      /* Translators: %u is a step's number on the evaluation scale, 1 the lowest */
      g_autofree char *title_fi = g_strdup_printf (_("Step %u in Finnish"), i + 1);
      /* Translators: %u is a step's number on the evaluation scale, 1 the lowest */
      g_autofree char *title_sv = g_strdup_printf (_("Step %u in Swedish"), i + 1);

      s->fi = add_step_row (self, title_fi, g_ptr_array_index (fi, i));
      s->sv = add_step_row (self, title_sv, g_ptr_array_index (sv, i));
      s->remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      gtk_widget_set_valign (s->remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (s->remove, "flat");
      /* Translators: %u is a step's number on the evaluation scale */
      {
        g_autofree char *tip = g_strdup_printf (_("Remove step %u"), i + 1);

        gtk_widget_set_tooltip_text (s->remove, tip);
        gtk_accessible_update_property (GTK_ACCESSIBLE (s->remove), GTK_ACCESSIBLE_PROPERTY_LABEL, tip, -1);
      }
      g_object_set_data (G_OBJECT (s->remove), "kh-step", GUINT_TO_POINTER (i));
      g_signal_connect (s->remove, "clicked", G_CALLBACK (remove_step_cb), self);
      gtk_widget_set_visible (s->remove, self->can_edit);
      adw_entry_row_add_suffix (s->fi, s->remove);
      g_ptr_array_add (self->steps, s);
    }
  step_changed_cb (self);
}

/* The steps as typed. */
static void
read_steps (KhPlanSettingsPage *self,
            GPtrArray          *fi,
            GPtrArray          *sv)
{
  for (guint i = 0; i < self->steps->len; i++)
    {
      StepRows *s = g_ptr_array_index (self->steps, i);

      g_ptr_array_add (fi, g_strdup (gtk_editable_get_text (GTK_EDITABLE (s->fi))));
      g_ptr_array_add (sv, g_strdup (gtk_editable_get_text (GTK_EDITABLE (s->sv))));
    }
}

static void
show_scale (KhPlanSettingsPage *self,
            const KhPlanScale  *scale)
{
  g_autoptr(GPtrArray) fi = g_ptr_array_new ();
  g_autoptr(GPtrArray) sv = g_ptr_array_new ();

  for (int i = 0; i < scale->steps; i++)
    {
      g_ptr_array_add (fi, scale->labels_fi[i]);
      g_ptr_array_add (sv, scale->labels_sv[i]);
    }
  show_steps (self, fi, sv);
}

/* Steps within 2–10: the buttons that would leave them are off. */
static void
step_changed_cb (KhPlanSettingsPage *self)
{
  gboolean can_remove = self->steps->len > KH_PLAN_SCALE_MIN_STEPS;

  gtk_widget_set_sensitive (self->add_step, self->steps->len < KH_PLAN_SCALE_MAX_STEPS);
  for (guint i = 0; i < self->steps->len; i++)
    gtk_widget_set_sensitive (((StepRows *) g_ptr_array_index (self->steps, i))->remove, can_remove);
  clear_message_cb (self->scale_buttons);
}

static void
add_step_cb (KhPlanSettingsPage *self)
{
  g_autoptr(GPtrArray) fi = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) sv = g_ptr_array_new_with_free_func (g_free);

  if (!self->can_edit || self->steps->len >= KH_PLAN_SCALE_MAX_STEPS)
    return;
  read_steps (self, fi, sv);
  g_ptr_array_add (fi, g_strdup (""));
  g_ptr_array_add (sv, g_strdup (""));
  show_steps (self, fi, sv);
  gtk_widget_grab_focus (GTK_WIDGET (((StepRows *) g_ptr_array_index (self->steps, self->steps->len - 1))->fi));
}

static void
remove_step_cb (GtkButton          *remove,
                KhPlanSettingsPage *self)
{
  guint step = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (remove), "kh-step"));
  g_autoptr(GPtrArray) fi = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) sv = g_ptr_array_new_with_free_func (g_free);

  if (!self->can_edit || self->steps->len <= KH_PLAN_SCALE_MIN_STEPS)
    return;
  read_steps (self, fi, sv);
  g_ptr_array_remove_index (fi, step);
  g_ptr_array_remove_index (sv, step);
  show_steps (self, fi, sv);
}

static void
reset_scale_cb (KhPlanSettingsPage *self)
{
  g_autoptr(KhPlanScale) standard = kh_plan_scale_new_default ();

  if (self->can_edit)
    show_scale (self, standard);
}

/* A step's label, or a message at its row. */
static gboolean
check_label (AdwEntryRow *row,
             const char  *empty_message)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autoptr(GError) error = NULL;

  if (!kh_text_filled (text))
    kh_field_message_set (GTK_WIDGET (row), empty_message);
  else if (strchr (text, '|') != NULL)
    kh_field_message_set (GTK_WIDGET (row), _("A step cannot contain “|”."));
  else if (!kh_text_check_field (NULL, text, KH_TEXT_LINE, KH_PLAN_SHORT_TEXT_MAX, &error))
    kh_field_message_set (GTK_WIDGET (row), error->message);
  else
    return TRUE;
  return FALSE;
}

/* The scale as typed, in the setting's form (unchecked). */
static char *
typed_scale (KhPlanSettingsPage *self)
{
  GString *setting = g_string_new (NULL);

  for (guint i = 0; i < self->steps->len; i++)
    {
      StepRows *s = g_ptr_array_index (self->steps, i);

      g_string_append_printf (setting, "%s%s|%s", i > 0 ? "\n" : "", gtk_editable_get_text (GTK_EDITABLE (s->fi)),
                              gtk_editable_get_text (GTK_EDITABLE (s->sv)));
    }
  return g_string_free (setting, FALSE);
}

static void
scale_saved_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(KhPlanSettingsPage) self = user_data;
  g_autoptr(GError) error = NULL;

  self->pending--;
  if (!kh_store_set_setting_finish (KH_STORE (source), result, &error))
    {
      /* The steps stay as typed; the store's words under the buttons. */
      if (!gone (self, error))
        kh_field_message_set (self->scale_buttons, error->message);
      return;
    }
  if (self->store != NULL)
    {
      g_autofree char *now = typed_scale (self);

      /* Shown as stored (spaces cleaned), unless typed on since. */
      if (g_strcmp0 (now, g_object_get_data (G_OBJECT (self), "kh-typed-scale")) == 0)
        {
          g_autoptr(KhPlanScale) stored = kh_plan_scale_parse (g_object_get_data (G_OBJECT (self), "kh-clean-scale"),
                                                               NULL);

          if (stored != NULL)
            show_scale (self, stored);
        }
      toast (self, _("The scale is saved. Reviews from now on use it."));
    }
}

static void
save_scale_cb (KhPlanSettingsPage *self)
{
  g_autofree char *setting = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *clean = NULL;
  gboolean ok = TRUE;

  if (!self->can_edit || self->store == NULL)
    return;
  for (guint i = 0; i < self->steps->len; i++)
    {
      StepRows *s = g_ptr_array_index (self->steps, i);

      ok &= check_label (s->fi, _("Write the step in Finnish."));
      ok &= check_label (s->sv, _("Write the step in Swedish."));
    }
  if (!ok)
    return;
  setting = typed_scale (self);
  clean = kh_plan_setting_clean (KH_SETTING_PLAN_SCALE, setting, &error);
  if (clean == NULL)
    {
      kh_field_message_set (self->scale_buttons, error->message);
      return;
    }
  g_object_set_data_full (G_OBJECT (self), "kh-typed-scale", g_strdup (setting), g_free);
  g_object_set_data_full (G_OBJECT (self), "kh-clean-scale", g_strdup (clean), g_free);
  self->pending++;
  kh_store_set_setting_async (self->store, KH_SETTING_PLAN_SCALE, clean, self->cancellable, scale_saved_cb,
                              g_object_ref (self));
}

/* ---- the lists ---- */

static char *
list_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* A store call about one list: the page and which list. */
typedef struct
{
  KhPlanSettingsPage *self;
  guint               list;
} ListCall;

static ListCall *
list_call_new (KhPlanSettingsPage *self,
               guint               list)
{
  ListCall *call = g_new0 (ListCall, 1);

  call->self = g_object_ref (self);
  call->list = list;
  return call;
}

static void
list_call_free (ListCall *call)
{
  g_object_unref (call->self);
  g_free (call);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ListCall, list_call_free)

static void
list_saved_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(ListCall) call = user_data;
  KhPlanSettingsPage *self = call->self;
  guint l = call->list;
  g_autoptr(GError) error = NULL;

  self->pending--;
  if (!kh_store_set_setting_finish (KH_STORE (source), result, &error))
    {
      /* The list stays as typed; the store's words under it. */
      if (!gone (self, error))
        kh_field_message_set (self->list_frames[l], error->message);
      return;
    }
  if (self->store != NULL)
    {
      g_autofree char *now = list_text (self->lists[l]);
      const char *typed = g_object_get_data (G_OBJECT (self->lists[l]), "kh-typed");

      /* Shown as stored (spaces and blank lines cleaned), unless typed on since. */
      if (g_strcmp0 (now, typed) == 0)
        gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->lists[l]),
                                  g_object_get_data (G_OBJECT (self->lists[l]), "kh-clean"), -1);
      toast (self, l == LIST_SERVICES ? _("The services are saved.") : _("The methods are saved."));
    }
}

static void
save_list (KhPlanSettingsPage *self,
           guint               l)
{
  g_autofree char *text = list_text (self->lists[l]);
  g_autoptr(GError) error = NULL;
  g_autofree char *clean = NULL;

  if (!self->can_edit || self->store == NULL)
    return;
  clean = kh_plan_setting_clean (list_keys[l], text, &error);
  if (clean == NULL)
    {
      kh_field_message_set (self->list_frames[l], error->message);
      return;
    }
  g_object_set_data_full (G_OBJECT (self->lists[l]), "kh-typed", g_strdup (text), g_free);
  g_object_set_data_full (G_OBJECT (self->lists[l]), "kh-clean", g_strdup (clean), g_free);
  self->pending++;
  kh_store_set_setting_async (self->store, list_keys[l], clean, self->cancellable, list_saved_cb,
                              list_call_new (self, l));
}

static void
save_list_cb (GtkButton          *save,
              KhPlanSettingsPage *self)
{
  save_list (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (save), "kh-list")));
}

static void
list_changed_cb (GtkTextBuffer *buffer,
                 GtkWidget     *frame)
{
  clear_message_cb (frame);
}

static void
add_list_group (KhPlanSettingsPage *self,
                guint               l,
                const char         *name,
                const char         *title,
                const char         *description,
                const char         *save_label)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();

  gtk_widget_set_name (group, name);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), self->can_edit);
  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (view), self->can_edit);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 10);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 10);
  gtk_widget_set_size_request (view, -1, 120);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_widget_add_css_class (frame, "view");
  gtk_box_append (GTK_BOX (box), frame);
  g_signal_connect (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed", G_CALLBACK (list_changed_cb),
                    frame);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), box);

  self->save_lists[l] = button (save_label, l == LIST_SERVICES ? "save-services" : "save-methods", FALSE);
  g_object_set_data (G_OBJECT (self->save_lists[l]), "kh-list", GUINT_TO_POINTER (l));
  g_signal_connect (self->save_lists[l], "clicked", G_CALLBACK (save_list_cb), self);
  gtk_widget_set_visible (self->save_lists[l], self->can_edit);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), self->save_lists[l]);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), ADW_PREFERENCES_GROUP (group));
  self->lists[l] = GTK_TEXT_VIEW (view);
  self->list_frames[l] = frame;
}

/* ---- loading ---- */

static void
scale_loaded_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(KhPlanSettingsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  g_autoptr(KhPlanScale) scale = NULL;

  self->pending--;
  if (!kh_store_get_setting_finish (KH_STORE (source), result, &value, &error))
    {
      if (!gone (self, error))
        toast (self, error->message);
      return;
    }
  if (self->store == NULL)
    return;
  scale = kh_plan_scale_from_setting (value);
  show_scale (self, scale);
}

static void
list_loaded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ListCall) call = user_data;
  KhPlanSettingsPage *self = call->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  self->pending--;
  if (!kh_store_get_setting_finish (KH_STORE (source), result, &value, &error))
    {
      if (!gone (self, error))
        toast (self, error->message);
      return;
    }
  if (self->store == NULL)
    return;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->lists[call->list]), value != NULL ? value : "", -1);
}

/* ---- GObject ---- */

static void
kh_plan_settings_page_dispose (GObject *object)
{
  KhPlanSettingsPage *self = KH_PLAN_SETTINGS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kh_plan_settings_page_parent_class)->dispose (object);
}

static void
kh_plan_settings_page_finalize (GObject *object)
{
  KhPlanSettingsPage *self = KH_PLAN_SETTINGS_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->steps, g_ptr_array_unref);

  G_OBJECT_CLASS (kh_plan_settings_page_parent_class)->finalize (object);
}

static void
kh_plan_settings_page_class_init (KhPlanSettingsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kh_plan_settings_page_dispose;
  object_class->finalize = kh_plan_settings_page_finalize;
}

static void
kh_plan_settings_page_init (KhPlanSettingsPage *self)
{
  self->cancellable = g_cancellable_new ();
  self->steps = g_ptr_array_new_with_free_func (g_free);
  kh_field_message_ensure_style ();
}

static void
build (KhPlanSettingsPage *self)
{
  const char *only = _("Only the lead social worker or an administrator can change these.");
  g_autofree char *scale_description = NULL;
  GtkWidget *list, *box;

  adw_preferences_page_set_name (ADW_PREFERENCES_PAGE (self), "client-plans");
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (self), _("Client Plans"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (self), "view-list-bullet-symbolic");

  scale_description =
    g_strdup_printf ("%s%s%s",
                     _("At each review the goals, the factors that help or hinder, the services and the "
                       "methods are rated with the client on this scale, from the lowest step to the "
                       "highest. A review keeps the scale it was rated on: a change here does not change "
                       "earlier ratings."),
                     self->can_edit ? "" : " ", self->can_edit ? "" : only);
  self->scale_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  gtk_widget_set_name (GTK_WIDGET (self->scale_group), "scale");
  adw_preferences_group_set_title (self->scale_group, _("Evaluation scale"));
  adw_preferences_group_set_description (self->scale_group, scale_description);
  self->add_step = button (_("_Add Step"), "add-step", FALSE);
  g_signal_connect_swapped (self->add_step, "clicked", G_CALLBACK (add_step_cb), self);
  gtk_widget_set_visible (self->add_step, self->can_edit);
  adw_preferences_group_set_header_suffix (self->scale_group, self->add_step);

  /* Its own list: a message row under a field (kh-field-message) is no
   * AdwPreferencesRow, which the window's search expects of a group's rows. */
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  self->steps_list = GTK_LIST_BOX (list);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), list);
  self->scale_buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (self->scale_buttons, GTK_ALIGN_END);
  gtk_widget_set_margin_top (self->scale_buttons, 12);
  self->reset_scale = button (_("_Reset to Default"), "reset-scale", FALSE);
  g_signal_connect_swapped (self->reset_scale, "clicked", G_CALLBACK (reset_scale_cb), self);
  self->save_scale = button (_("_Save Scale"), "save-scale", TRUE);
  g_signal_connect_swapped (self->save_scale, "clicked", G_CALLBACK (save_scale_cb), self);
  gtk_box_append (GTK_BOX (self->scale_buttons), self->reset_scale);
  gtk_box_append (GTK_BOX (self->scale_buttons), self->save_scale);
  gtk_widget_set_visible (self->scale_buttons, self->can_edit);
  gtk_box_append (GTK_BOX (box), self->scale_buttons);
  adw_preferences_group_add (self->scale_group, box);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), self->scale_group);

  add_list_group (self, LIST_SERVICES, "services", _("Services"),
                  self->can_edit
                  ? _("The unit’s services whose effect a review evaluates with the client. One a line, "
                      "at most 200 characters each.")
                  : only,
                  _("Save _Services"));
  add_list_group (self, LIST_METHODS, "methods", _("Methods"),
                  self->can_edit
                  ? _("The working methods whose effect a review evaluates with the client, such as "
                      "motivational interviewing or a network meeting. One a line, at most 200 "
                      "characters each.")
                  : only,
                  _("Save _Methods"));
}

/**
 * kh_plan_settings_page_new:
 * @store: an open #KhStore
 * @can_edit: whether the user may change the unit's settings
 *
 * Returns: (transfer floating): the page, loading the settings
 */
KhPlanSettingsPage *
kh_plan_settings_page_new (KhStore  *store,
                           gboolean  can_edit)
{
  KhPlanSettingsPage *self;
  g_autoptr(KhPlanScale) standard = kh_plan_scale_new_default ();

  g_return_val_if_fail (KH_IS_STORE (store), NULL);

  self = g_object_new (KH_TYPE_PLAN_SETTINGS_PAGE, NULL);
  self->store = g_object_ref (store);
  self->can_edit = can_edit;
  build (self);
  show_scale (self, standard);
  self->pending += 3;
  kh_store_get_setting_async (store, KH_SETTING_PLAN_SCALE, self->cancellable, scale_loaded_cb,
                              g_object_ref (self));
  for (guint l = 0; l < N_LISTS; l++)
    kh_store_get_setting_async (store, list_keys[l], self->cancellable, list_loaded_cb, list_call_new (self, l));
  return self;
}

guint
kh_plan_settings_page_get_pending (KhPlanSettingsPage *self)
{
  g_return_val_if_fail (KH_IS_PLAN_SETTINGS_PAGE (self), 0);

  return self->pending;
}

guint
kh_plan_settings_page_get_steps (KhPlanSettingsPage *self)
{
  g_return_val_if_fail (KH_IS_PLAN_SETTINGS_PAGE (self), 0);

  return self->steps->len;
}

GtkWidget *
kh_plan_settings_page_get_field (KhPlanSettingsPage *self,
                                 const char         *name,
                                 int                 index)
{
  StepRows *s;

  g_return_val_if_fail (KH_IS_PLAN_SETTINGS_PAGE (self), NULL);

  if (g_str_equal (name, "add-step"))
    return self->add_step;
  if (g_str_equal (name, "reset-scale"))
    return self->reset_scale;
  if (g_str_equal (name, "save-scale"))
    return self->save_scale;
  if (g_str_equal (name, "scale-buttons"))
    return self->scale_buttons;
  if (g_str_equal (name, "services"))
    return GTK_WIDGET (self->lists[LIST_SERVICES]);
  if (g_str_equal (name, "methods"))
    return GTK_WIDGET (self->lists[LIST_METHODS]);
  if (g_str_equal (name, "services-frame"))
    return self->list_frames[LIST_SERVICES];
  if (g_str_equal (name, "methods-frame"))
    return self->list_frames[LIST_METHODS];
  if (g_str_equal (name, "save-services"))
    return self->save_lists[LIST_SERVICES];
  if (g_str_equal (name, "save-methods"))
    return self->save_lists[LIST_METHODS];
  if (index < 0 || (guint) index >= self->steps->len)
    return NULL;
  s = g_ptr_array_index (self->steps, index);
  if (g_str_equal (name, "step-fi"))
    return GTK_WIDGET (s->fi);
  if (g_str_equal (name, "step-sv"))
    return GTK_WIDGET (s->sv);
  if (g_str_equal (name, "remove-step"))
    return s->remove;
  return NULL;
}
