/* kh-network-member-dialog.c — adding, changing and removing an entry of
 * the client's network, with its consents (issue 9)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A person of the client's own circle (name, relation, contact) or a
 * service (from the unit's directory or by name, with a named contact
 * person); where it goes on the map (life area, closeness, the tie, which
 * way support goes, the kinds of support) and a note. The form is checked
 * with kh_network_member_problems, as the store checks it, and each
 * problem is said at its field; a refusal of the store is said at the top
 * and the form keeps what was typed. A saved entry shows its consents,
 * where each stands today, and records or withdraws one. Removing keeps
 * the entry's history in the store.
 */
#define G_LOG_DOMAIN "kohtaamo-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kh-text.h"
#include "ui/common/kh-field-message.h"
#include "ui/common/kh-form-rows.h"
#include "ui/common/kh-form-dialog.h"
#include "kh-network-common.h"
#include "kh-network-consent-dialog.h"
#include "kh-network-member-dialog.h"

#define N_SUPPORT 5

struct _KhNetworkMemberDialog
{
  AdwWindow        parent_instance;

  /* children */
  AdwEntryRow     *name_row;
  AdwComboRow     *relation_row;
  AdwEntryRow     *relation_text_row;
  AdwEntryRow     *contact_row;
  AdwComboRow     *service_row;
  AdwEntryRow     *contact_person_row;
  AdwComboRow     *sector_row;
  AdwComboRow     *distance_row;
  AdwComboRow     *tie_row;
  AdwComboRow     *direction_row;
  GtkWidget       *support_checks[N_SUPPORT];
  GtkWidget       *support_group;
  AdwEntryRow     *note_row;
  KhFormDialog     form;
  GtkWidget       *remove_button;
  GtkWidget       *consent_group;
  GtkWidget       *consent_list;
  GtkWidget       *consent_state_label;
  GtkWidget       *record_consent_button;

  /* owned */
  KhStore         *store;
  GCancellable    *cancellable;
  KhNetworkMember *member;           /* as read or saved; NULL for a new entry */
  GPtrArray       *services;         /* KhService, in the service row's order after "none" */
  char            *client_name;

  gint64           client_id;
  KhNetworkKind    kind;
  gint64           wanted_service;   /* to select once the directory is in */
  gboolean         selecting;        /* the service row set from code, not by the worker */
  gboolean         saving;
};

G_DEFINE_FINAL_TYPE (KhNetworkMemberDialog, kh_network_member_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_message (KhNetworkMemberDialog *self,
              const char            *message)
{
  kh_form_dialog_show_message (&self->form, message);
}

static void
set_saving (KhNetworkMemberDialog *self,
            gboolean               saving)
{
  self->saving = saving;
  gtk_widget_set_sensitive (self->form.action_button, !saving);
  if (self->remove_button != NULL)
    gtk_widget_set_sensitive (self->remove_button, !saving);
}

static char *
dup_raw (AdwEntryRow *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

static void
set_text (AdwEntryRow *row,
          const char  *text)
{
  if (row != NULL)
    gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static GtkWidget *
field_widget (KhNetworkMemberDialog *self,
              KhNetworkField         field)
{
  switch (field)
    {
    case KH_NETWORK_FIELD_NAME:           return GTK_WIDGET (self->name_row);
    case KH_NETWORK_FIELD_RELATION:       return GTK_WIDGET (self->relation_row);
    case KH_NETWORK_FIELD_RELATION_TEXT:  return GTK_WIDGET (self->relation_text_row);
    case KH_NETWORK_FIELD_CONTACT:        return GTK_WIDGET (self->contact_row);
    case KH_NETWORK_FIELD_SERVICE:        return GTK_WIDGET (self->service_row);
    case KH_NETWORK_FIELD_CONTACT_PERSON: return GTK_WIDGET (self->contact_person_row);
    case KH_NETWORK_FIELD_SECTOR:         return GTK_WIDGET (self->sector_row);
    case KH_NETWORK_FIELD_DISTANCE:       return GTK_WIDGET (self->distance_row);
    case KH_NETWORK_FIELD_TIE:            return GTK_WIDGET (self->tie_row);
    case KH_NETWORK_FIELD_DIRECTION:      return GTK_WIDGET (self->direction_row);
    case KH_NETWORK_FIELD_NOTE:           return GTK_WIDGET (self->note_row);
    case KH_NETWORK_FIELD_KIND:
    default:                              return NULL;
    }
}

static void
clear_field_messages (KhNetworkMemberDialog *self)
{
  for (int f = KH_NETWORK_FIELD_KIND; f <= KH_NETWORK_FIELD_NOTE; f++)
    {
      GtkWidget *widget = field_widget (self, f);

      if (widget != NULL)
        kh_field_message_set (widget, NULL);
    }
}

/* ---- the form ---- */

static gint64
chosen_service (KhNetworkMemberDialog *self)
{
  guint i;

  if (self->service_row == NULL || self->services == NULL)
    return self->wanted_service;
  i = adw_combo_row_get_selected (self->service_row);
  if (i == 0 || i == GTK_INVALID_LIST_POSITION || i > self->services->len)
    return 0;
  return ((KhService *) g_ptr_array_index (self->services, i - 1))->id;
}

/* The entry as the form has it: a copy of the one read, or a new one. */
static KhNetworkMember *
read_form (KhNetworkMemberDialog *self)
{
  KhNetworkMember *m = self->member != NULL ? kh_network_member_copy (self->member)
                                            : kh_network_member_new (self->kind);

  m->client_id = self->client_id;
  g_free (m->name);
  m->name = dup_raw (self->name_row);
  g_free (m->contact);
  m->contact = dup_raw (self->contact_row);
  if (m->kind == KH_NETWORK_PERSON)
    {
      m->relation = adw_combo_row_get_selected (self->relation_row);
      g_free (m->relation_text);
      m->relation_text = dup_raw (self->relation_text_row);
    }
  else
    {
      m->service_id = chosen_service (self);
      g_free (m->contact_person);
      m->contact_person = dup_raw (self->contact_person_row);
    }
  m->sector = adw_combo_row_get_selected (self->sector_row) + KH_SECTOR_FIRST;
  m->distance = adw_combo_row_get_selected (self->distance_row) + KH_DISTANCE_FIRST;
  m->tie = adw_combo_row_get_selected (self->tie_row) + KH_TIE_FIRST;
  m->direction = adw_combo_row_get_selected (self->direction_row);
  m->support = 0;
  for (guint i = 0; i < N_SUPPORT; i++)
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->support_checks[i])))
      m->support |= 1u << i;
  g_free (m->note);
  m->note = dup_raw (self->note_row);
  return m;
}

static void
fill_form (KhNetworkMemberDialog *self,
           KhNetworkMember       *m)
{
  set_text (self->name_row, m->name);
  set_text (self->contact_row, m->contact);
  if (m->kind == KH_NETWORK_PERSON)
    {
      adw_combo_row_set_selected (self->relation_row, m->relation);
      set_text (self->relation_text_row, m->relation_text);
    }
  else
    {
      self->wanted_service = m->service_id;
      set_text (self->contact_person_row, m->contact_person);
    }
  adw_combo_row_set_selected (self->sector_row, m->sector - KH_SECTOR_FIRST);
  adw_combo_row_set_selected (self->distance_row, m->distance - KH_DISTANCE_FIRST);
  adw_combo_row_set_selected (self->tie_row, m->tie - KH_TIE_FIRST);
  adw_combo_row_set_selected (self->direction_row, m->direction);
  for (guint i = 0; i < N_SUPPORT; i++)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (self->support_checks[i]), (m->support & (1u << i)) != 0);
  set_text (self->note_row, m->note);
}

/* ---- saving and removing ---- */

static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(KhNetworkMemberDialog) self = user_data;
  g_autoptr(KhNetworkMember) stored = NULL;
  g_autoptr(GError) error = NULL;

  stored = kh_store_write_network_member_finish (KH_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_saving (self, FALSE);
  if (stored == NULL)
    {
      /* Nothing typed is lost: the form stays, with the store's reason. */
      show_message (self, error->message);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0, stored);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KhNetworkMemberDialog *self = KH_NETWORK_MEMBER_DIALOG (widget);
  g_autoptr(KhNetworkMember) m = NULL;
  g_autoptr(GArray) problems = NULL;

  if (self->saving)
    return;
  m = read_form (self);
  clear_field_messages (self);
  show_message (self, NULL);
  problems = kh_network_member_problems (m);
  for (guint i = 0; i < problems->len; i++)
    {
      KhNetworkProblem *p = &g_array_index (problems, KhNetworkProblem, i);
      GtkWidget *field = field_widget (self, p->field);

      if (field == NULL || !gtk_widget_get_visible (field))
        show_message (self, p->message);
      else
        kh_field_message_set (field, p->message);
      if (i == 0 && field != NULL)
        gtk_widget_grab_focus (field);
    }
  if (problems->len > 0)
    return;
  set_saving (self, TRUE);
  kh_store_write_network_member_async (self->store, m, self->member != NULL ? KH_NETWORK_WRITE_SAVE : KH_NETWORK_WRITE_ADD,
                                       self->cancellable, written_cb, g_object_ref (self));
}

static void
remove_response_cb (AdwMessageDialog      *dialog,
                    const char            *response,
                    KhNetworkMemberDialog *self)
{
  if (g_strcmp0 (response, "remove") != 0 || self->member == NULL || self->saving)
    return;
  set_saving (self, TRUE);
  show_message (self, NULL);
  /* The entry as read: a removal of what someone else changed meanwhile
   * is refused (stale) and said. */
  kh_store_write_network_member_async (self->store, self->member, KH_NETWORK_WRITE_REMOVE,
                                       self->cancellable, written_cb, g_object_ref (self));
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KhNetworkMemberDialog *self = KH_NETWORK_MEMBER_DIALOG (widget);
  GtkWidget *dialog;

  if (self->member == NULL || self->saving)
    return;
  /* Translators: the question before an entry is removed from the client's network map */
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Remove from the Network?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  /* Translators: %s is the name of a person or service in the client's network */
                                  _("%s is taken off the map. What was recorded stays in the entry’s history and in the saved versions of the map."),
                                  kh_network_member_display_name (self->member));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    /* Translators: the button that removes an entry from the network map */
                                    "remove", _("_Remove"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- consents ---- */

static void fill_consents (KhNetworkMemberDialog *self);

/* A consent the store recorded or withdrew: into the entry's list. */
static void
take_consent (KhNetworkMemberDialog *self,
              KhNetworkConsent      *consent)
{
  if (self->member->consents == NULL)
    self->member->consents = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->member->consents->len; i++)
    if (((KhNetworkConsent *) g_ptr_array_index (self->member->consents, i))->id == consent->id)
      {
        g_ptr_array_remove_index (self->member->consents, i);
        g_ptr_array_insert (self->member->consents, i, kh_network_consent_copy (consent));
        fill_consents (self);
        return;
      }
  g_ptr_array_add (self->member->consents, kh_network_consent_copy (consent));
  fill_consents (self);
}

static void
consent_recorded_cb (KhNetworkConsentDialog *dialog G_GNUC_UNUSED,
                     KhNetworkConsent       *consent,
                     KhNetworkMemberDialog  *self)
{
  take_consent (self, consent);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0, self->member);
}

static void
record_consent_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  KhNetworkMemberDialog *self = KH_NETWORK_MEMBER_DIALOG (widget);
  KhNetworkConsentDialog *dialog;

  if (self->member == NULL)
    return;
  dialog = kh_network_consent_dialog_new (self->store, GTK_WINDOW (self), self->client_id, self->member);
  g_signal_connect_object (dialog, "recorded", G_CALLBACK (consent_recorded_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct {
  KhNetworkMemberDialog *self;
  KhNetworkConsent      *consent;
  GtkWidget             *day_row;
} Withdrawal;

static void
withdrawal_free (Withdrawal *w)
{
  g_object_unref (w->self);
  g_object_unref (w->consent);
  g_free (w);
}

static void
withdrawn_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(KhNetworkMemberDialog) self = user_data;
  g_autoptr(KhNetworkConsent) consent = NULL;
  g_autoptr(GError) error = NULL;

  consent = kh_store_record_network_consent_finish (KH_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_saving (self, FALSE);
  if (consent == NULL)
    {
      show_message (self, error->message);
      return;
    }
  take_consent (self, consent);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0, self->member);
}

static void
withdraw_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      Withdrawal       *w)
{
  g_autoptr(GError) error = NULL;
  GDate on, today;

  if (g_strcmp0 (response, "withdraw") != 0)
    return;
  kh_network_today (&today);
  g_date_clear (&on, 1);
  if (!kh_date_parse (gtk_editable_get_text (GTK_EDITABLE (w->day_row)), &on))
    {
      /* Translators: under the day a consent was withdrawn */
      show_message (w->self, _("Type the day of the withdrawal as 7.12.2026."));
      return;
    }
  if (!kh_network_withdrawal_check (w->consent, &on, &today, &error))
    {
      show_message (w->self, error->message);
      return;
    }
  show_message (w->self, NULL);
  set_saving (w->self, TRUE);
  kh_store_record_network_consent_async (w->self->store, w->self->client_id, w->consent, &on,
                                         w->self->cancellable, withdrawn_cb, g_object_ref (w->self));
}

static void
withdraw_clicked_cb (GtkButton             *button,
                     KhNetworkMemberDialog *self)
{
  KhNetworkConsent *consent = g_object_get_data (G_OBJECT (button), "consent");
  g_autofree char *scope = kh_network_flags_label_in (KH_NETWORK_CODE_CONSENT_SCOPE, consent->scope, NULL);
  g_autofree char *today_text = NULL;
  GtkWidget *dialog;
  GtkWidget *group = adw_preferences_group_new ();
  Withdrawal *w = g_new0 (Withdrawal, 1);
  GDate today;

  kh_network_today (&today);
  today_text = kh_network_format_date (&today);
  /* Translators: the question before the client's consent is marked withdrawn */
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Withdraw the Consent?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  /* Translators: %s is what the consent allowed ("May be contacted") */
                                  _("The client withdrew the consent: %s. Nothing may be shared on it from the day of the withdrawal on."),
                                  scope);
  w->self = g_object_ref (self);
  w->consent = g_object_ref (consent);
  w->day_row = adw_entry_row_new ();
  /* Translators: the day the client withdrew a consent */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (w->day_row), _("_Day of withdrawal"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (w->day_row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (w->day_row), today_text);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), w->day_row);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), group);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    /* Translators: the button that records the withdrawal of a consent */
                                    "withdraw", _("_Withdraw"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "withdraw", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (withdraw_response_cb), w,
                         (GClosureNotify) (void (*) (void)) withdrawal_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
fill_consents (KhNetworkMemberDialog *self)
{
  GtkWidget *child;
  KhConsentState state;
  GDate today;

  while ((child = gtk_widget_get_first_child (self->consent_list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->consent_list), child);
  if (self->member == NULL)
    return;
  kh_network_today (&today);
  state = kh_network_member_consent (self->member, &today, NULL);
  gtk_label_set_text (GTK_LABEL (self->consent_state_label), kh_network_consent_badge (state));
  for (guint s = KH_CONSENT_NONE; s <= KH_CONSENT_WITHDRAWN; s++)
    gtk_widget_remove_css_class (self->consent_state_label, kh_network_consent_style (s));
  gtk_widget_add_css_class (self->consent_state_label, kh_network_consent_style (state));

  /* Newest first. */
  for (guint i = self->member->consents != NULL ? self->member->consents->len : 0; i-- > 0;)
    {
      KhNetworkConsent *c = g_ptr_array_index (self->member->consents, i);
      KhConsentState s = kh_network_consent_state (c, &today);
      g_autofree char *scope = kh_network_flags_label_in (KH_NETWORK_CODE_CONSENT_SCOPE, c->scope, NULL);
      g_autofree char *given = kh_network_format_date (&c->given_on);
      g_autofree char *until = kh_network_format_date (&c->expires_on);
      g_autofree char *withdrawn = kh_network_format_date (&c->withdrawn_on);
      g_autoptr(GString) subtitle = g_string_new (NULL);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *badge = gtk_label_new (kh_network_consent_state (c, &today) == KH_CONSENT_NONE
                                        /* Translators: a consent whose first day is still to come */
                                        ? _("Not yet in force")
                                        : kh_network_code_label (KH_NETWORK_CODE_CONSENT_STATE, s));

      /* Translators: when the client gave a consent */
      g_string_append_printf (subtitle, _("Given %s"), given);
      if (g_date_valid (&c->expires_on))
        /* Translators: the last day a consent is in force, after "Given 1.12.2026" */
        g_string_append_printf (subtitle, _(", in force until %s"), until);
      if (g_date_valid (&c->withdrawn_on))
        /* Translators: after "Given 1.12.2026": when it was withdrawn */
        g_string_append_printf (subtitle, _(", withdrawn %s"), withdrawn);
      if (c->note != NULL)
        g_string_append_printf (subtitle, " · %s", c->note);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), scope);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (badge, "kh-badge");
      gtk_widget_add_css_class (badge, kh_network_consent_style (s));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
      if (!g_date_valid (&c->withdrawn_on))
        {
          /* Translators: the button that records that the client withdrew a consent */
          GtkWidget *button = gtk_button_new_with_mnemonic (_("_Withdraw…"));
          g_autofree char *name = g_strdup_printf ("%s: %s", _("Withdraw"), scope);

          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
          g_object_set_data_full (G_OBJECT (button), "consent", g_object_ref (c), g_object_unref);
          g_signal_connect_object (button, "clicked", G_CALLBACK (withdraw_clicked_cb), self, 0);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
      gtk_list_box_append (GTK_LIST_BOX (self->consent_list), row);
    }
}

/* ---- the directory ---- */

static void
select_wanted_service (KhNetworkMemberDialog *self)
{
  if (self->service_row == NULL || self->services == NULL)
    return;
  self->selecting = TRUE;
  adw_combo_row_set_selected (self->service_row, 0);
  for (guint i = 0; i < self->services->len; i++)
    if (((KhService *) g_ptr_array_index (self->services, i))->id == self->wanted_service)
      adw_combo_row_set_selected (self->service_row, i + 1);
  self->selecting = FALSE;
}

/* The worker picks a service of the directory: its life area on the map
 * is preset from the directory's (the worker may still change it). */
static void
service_selected_cb (AdwComboRow           *row,
                     GParamSpec            *pspec G_GNUC_UNUSED,
                     KhNetworkMemberDialog *self)
{
  guint i = adw_combo_row_get_selected (row);
  KhService *service;

  if (self->selecting || self->services == NULL || i == 0 || i == GTK_INVALID_LIST_POSITION
      || i > self->services->len)
    return;
  service = g_ptr_array_index (self->services, i - 1);
  adw_combo_row_set_selected (self->sector_row,
                              kh_network_sector_for_service (service->area, service->kind) - KH_SECTOR_FIRST);
}

static void
services_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(KhNetworkMemberDialog) self = user_data;
  g_autoptr(GPtrArray) services = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  const char *language = kh_form_rows_ui_language ();

  services = kh_store_list_services_finish (KH_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->services = g_ptr_array_new_with_free_func (g_object_unref);
  /* Translators: a service of the client's network that is not in the unit's directory */
  gtk_string_list_append (names, _("Not in the directory"));
  for (guint i = 0; services != NULL && i < services->len; i++)
    {
      KhService *s = g_ptr_array_index (services, i);

      /* Active ones, and the one the entry already has. */
      if (!s->active && s->id != self->wanted_service)
        continue;
      g_ptr_array_add (self->services, g_object_ref (s));
      gtk_string_list_append (names, kh_service_get_name (s, language));
    }
  self->selecting = TRUE;
  adw_combo_row_set_model (self->service_row, G_LIST_MODEL (names));
  self->selecting = FALSE;
  select_wanted_service (self);
  g_signal_connect_object (self->service_row, "notify::selected", G_CALLBACK (service_selected_cb), self, 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->service_row), TRUE);
}

/* ---- building ---- */

static AdwComboRow *
combo_row (GtkWidget     *group,
           const char    *title,
           KhNetworkCode  code,
           int            first,
           int            last)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (int v = first; v <= last; v++)
    gtk_string_list_append (labels, kh_network_code_label (code, v));
  return kh_form_dialog_add_combo (group, title, G_LIST_MODEL (labels));
}

static const char *
window_title (KhNetworkMemberDialog *self)
{
  if (self->member != NULL)
    return kh_network_member_display_name (self->member);
  return self->kind == KH_NETWORK_PERSON
         /* Translators: the title of the window that adds a person to the client's network */
         ? _("Add a Person to the Network")
         /* Translators: the title of the window that adds a service to the client's network */
         : _("Add a Service to the Network");
}

static void
build (KhNetworkMemberDialog *self)
{
  GtkWidget *who, *map, *more;
  gboolean person = self->kind == KH_NETWORK_PERSON;

  kh_form_dialog_build (ADW_WINDOW (self), &self->form, window_title (self), self->client_name,
                        /* Translators: the button that saves an entry of the client's network */
                        _("_Save"), "member.save", 580, 760);

  /* Translators: a group of the network entry's form: who the person or service is */
  who = kh_form_dialog_add_group (&self->form, person ? _("Who") : _("Which Service"));
  if (person)
    {
      /* Translators: a person's name in the client's network */
      self->name_row = kh_form_dialog_add_entry (who, _("_Name"));
      /* Translators: who a person is to the client (parent, friend …) */
      self->relation_row = combo_row (who, _("_Relation"), KH_NETWORK_CODE_RELATION, KH_RELATION_NONE, KH_RELATION_LAST);
      /* Translators: the relation as the client puts it ("mother", "former colleague") */
      self->relation_text_row = kh_form_dialog_add_entry (who, _("Relation in the client’s _words (optional)"));
    }
  else
    {
      g_autoptr(GtkStringList) loading = gtk_string_list_new (NULL);

      /* Translators: the directory's list of services, while it is read */
      gtk_string_list_append (loading, _("Not in the directory"));
      /* Translators: the service chosen from the unit's directory of services */
      self->service_row = kh_form_dialog_add_combo (who, _("_Service in the unit’s directory"), G_LIST_MODEL (loading));
      gtk_widget_set_sensitive (GTK_WIDGET (self->service_row), FALSE);
      /* Translators: a service's name when it is not in the unit's directory */
      self->name_row = kh_form_dialog_add_entry (who, _("_Name, if not in the directory"));
      /* Translators: the named professional at a service of the client's network */
      self->contact_person_row = kh_form_dialog_add_entry (who, _("Contact _person"));
    }
  /* Translators: a phone number, e-mail or address of a person or service of the network */
  self->contact_row = kh_form_dialog_add_entry (who, _("_Contact details (optional)"));

  /* Consents: for an entry already saved. */
  /* Translators: a group of the network entry's form: the client's consents for it */
  self->consent_group = kh_form_dialog_add_group (&self->form, _("Consents"));
  self->consent_state_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->consent_state_label, "kh-badge");
  /* Translators: the button that records the client's consent to contact or share with an entry of the network */
  self->record_consent_button = gtk_button_new_with_mnemonic (_("Record a C_onsent…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->record_consent_button), "member.record-consent");
  {
    GtkWidget *suffix = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

    gtk_widget_set_valign (self->consent_state_label, GTK_ALIGN_CENTER);
    gtk_box_append (GTK_BOX (suffix), self->consent_state_label);
    gtk_box_append (GTK_BOX (suffix), self->record_consent_button);
    adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self->consent_group), suffix);
  }
  self->consent_list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->consent_list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->consent_list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->consent_list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Consents"), -1);
  {
    /* Translators: in the list of an entry's consents, when there is none */
    GtkWidget *none = gtk_label_new (_("No consent recorded. Record the client’s consent before contacting the entry or sharing information with it."));

    gtk_label_set_wrap (GTK_LABEL (none), TRUE);
    gtk_widget_set_margin_top (none, 12);
    gtk_widget_set_margin_bottom (none, 12);
    gtk_widget_set_margin_start (none, 12);
    gtk_widget_set_margin_end (none, 12);
    gtk_widget_add_css_class (none, "dim-label");
    gtk_list_box_set_placeholder (GTK_LIST_BOX (self->consent_list), none);
  }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->consent_group), self->consent_list);
  gtk_widget_set_visible (self->consent_group, self->member != NULL);

  /* Translators: a group of the network entry's form: where it goes on the map */
  map = kh_form_dialog_add_group (&self->form, _("On the Map"));
  /* Translators: the sector of the network map an entry is drawn in */
  self->sector_row = combo_row (map, _("_Life area"), KH_NETWORK_CODE_SECTOR, KH_SECTOR_FIRST, KH_SECTOR_LAST);
  /* Translators: how close to the client an entry is drawn (the ring of the map) */
  self->distance_row = combo_row (map, _("_Closeness"), KH_NETWORK_CODE_DISTANCE, KH_DISTANCE_FIRST, KH_DISTANCE_LAST);
  /* Translators: the quality of the tie between the client and an entry (the line of the map) */
  self->tie_row = combo_row (map, _("_Tie"), KH_NETWORK_CODE_TIE, KH_TIE_FIRST, KH_TIE_LAST);
  /* Translators: which way support goes between the client and an entry (the arrows of the map) */
  self->direction_row = combo_row (map, _("_Direction of support"), KH_NETWORK_CODE_DIRECTION, KH_SUPPORT_NONE,
                                   KH_SUPPORT_DIRECTION_LAST);

  /* Translators: a group of the network entry's form: the kinds of support it gives */
  self->support_group = kh_form_dialog_add_group (&self->form, _("Kinds of Support"));
  for (guint i = 0; i < N_SUPPORT; i++)
    self->support_checks[i] = kh_form_dialog_add_check (self->support_group,
                                                        kh_network_code_label (KH_NETWORK_CODE_SUPPORT, 1 << i));

  more = kh_form_dialog_add_group (&self->form, NULL);
  /* Translators: a short note about an entry of the client's network */
  self->note_row = kh_form_dialog_add_entry (more, _("N_ote (optional)"));

  if (self->member != NULL)
    {
      GtkWidget *remove_group = kh_form_dialog_add_group (&self->form, NULL);

      /* Translators: the button that takes an entry off the client's network map */
      self->remove_button = gtk_button_new_with_mnemonic (_("_Remove from the Network…"));
      gtk_widget_add_css_class (self->remove_button, "destructive-action");
      gtk_widget_set_halign (self->remove_button, GTK_ALIGN_START);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->remove_button), "member.remove");
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (remove_group), self->remove_button);
    }

  kh_form_dialog_finish (ADW_WINDOW (self), &self->form);
}

/* ---- GObject ---- */

static void
kh_network_member_dialog_dispose (GObject *object)
{
  KhNetworkMemberDialog *self = KH_NETWORK_MEMBER_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->member);
  g_clear_pointer (&self->services, g_ptr_array_unref);
  G_OBJECT_CLASS (kh_network_member_dialog_parent_class)->dispose (object);
}

static void
kh_network_member_dialog_finalize (GObject *object)
{
  KhNetworkMemberDialog *self = KH_NETWORK_MEMBER_DIALOG (object);

  g_free (self->client_name);
  G_OBJECT_CLASS (kh_network_member_dialog_parent_class)->finalize (object);
}

static void
kh_network_member_dialog_class_init (KhNetworkMemberDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_network_member_dialog_dispose;
  object_class->finalize = kh_network_member_dialog_finalize;

  /* After each write: the entry as stored (saved, removed, or with its
   * consents as they now are). */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, KH_TYPE_NETWORK_MEMBER);

  gtk_widget_class_install_action (widget_class, "member.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "member.remove", NULL, remove_action);
  gtk_widget_class_install_action (widget_class, "member.record-consent", NULL, record_consent_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "member.save", NULL);
}

static void
kh_network_member_dialog_init (KhNetworkMemberDialog *self)
{
  self->cancellable = g_cancellable_new ();
}

KhNetworkMemberDialog *
kh_network_member_dialog_new (KhStore         *store,
                              GtkWindow       *parent,
                              gint64           client_id,
                              const char      *client_name,
                              KhNetworkKind    kind,
                              KhNetworkMember *member)
{
  KhNetworkMemberDialog *self;

  g_return_val_if_fail (KH_IS_STORE (store), NULL);
  g_return_val_if_fail (client_id > 0, NULL);
  g_return_val_if_fail (member == NULL || KH_IS_NETWORK_MEMBER (member), NULL);

  self = g_object_new (KH_TYPE_NETWORK_MEMBER_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->client_id = client_id;
  self->client_name = g_strdup (client_name);
  self->member = member != NULL ? kh_network_member_copy (member) : NULL;
  self->kind = member != NULL ? member->kind : kind;
  build (self);
  {
    g_autoptr(KhNetworkMember) blank = kh_network_member_new (self->kind);

    fill_form (self, self->member != NULL ? self->member : blank);
  }
  fill_consents (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "member.record-consent", self->member != NULL);
  if (self->service_row != NULL)
    kh_store_list_services_async (store, self->cancellable, services_cb, g_object_ref (self));
  return self;
}

KhNetworkMember *
kh_network_member_dialog_get_member (KhNetworkMemberDialog *self)
{
  g_return_val_if_fail (KH_IS_NETWORK_MEMBER_DIALOG (self), NULL);

  return self->member;
}

GtkWidget *
kh_network_member_dialog_get_field (KhNetworkMemberDialog *self,
                                    const char            *name)
{
  static const struct { const char *name; KhNetworkField field; } fields[] = {
    { "name", KH_NETWORK_FIELD_NAME }, { "relation", KH_NETWORK_FIELD_RELATION },
    { "relation-text", KH_NETWORK_FIELD_RELATION_TEXT }, { "contact", KH_NETWORK_FIELD_CONTACT },
    { "service", KH_NETWORK_FIELD_SERVICE }, { "contact-person", KH_NETWORK_FIELD_CONTACT_PERSON },
    { "sector", KH_NETWORK_FIELD_SECTOR }, { "distance", KH_NETWORK_FIELD_DISTANCE },
    { "tie", KH_NETWORK_FIELD_TIE }, { "direction", KH_NETWORK_FIELD_DIRECTION },
    { "note", KH_NETWORK_FIELD_NOTE },
  };

  g_return_val_if_fail (KH_IS_NETWORK_MEMBER_DIALOG (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (name, fields[i].name))
      return field_widget (self, fields[i].field);
  if (g_str_has_prefix (name, "support-"))
    {
      guint bit = (guint) g_ascii_strtoull (name + 8, NULL, 10);

      return bit < N_SUPPORT ? self->support_checks[bit] : NULL;
    }
  if (g_str_equal (name, "save"))
    return self->form.action_button;
  if (g_str_equal (name, "remove"))
    return self->remove_button;
  if (g_str_equal (name, "record-consent"))
    return self->record_consent_button;
  if (g_str_equal (name, "consents"))
    return self->consent_list;
  if (g_str_equal (name, "consent-state"))
    return self->consent_state_label;
  if (g_str_equal (name, "message"))
    return self->form.message_label;
  return NULL;
}
