/* kh-network-consent-dialog.c — recording the client's consent for an
 * entry of the network (issue 9)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the client consented to (contact, disclosing information,
 * disclosing the client plan), the day it was given (today unless
 * changed), its last day if it has one, and how it was given. Checked
 * with kh_network_consent_check as the store checks it; a refusal is said
 * at the top and the form keeps what was typed.
 */
#define G_LOG_DOMAIN "kohtaamo-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kh-text.h"
#include "ui/common/kh-field-message.h"
#include "ui/common/kh-form-dialog.h"
#include "kh-network-common.h"
#include "kh-network-consent-dialog.h"

#define N_SCOPES 3

struct _KhNetworkConsentDialog
{
  AdwWindow     parent_instance;

  /* children */
  KhFormDialog  form;
  GtkWidget    *scope_checks[N_SCOPES];
  AdwEntryRow  *given_row;
  AdwEntryRow  *expires_row;
  AdwEntryRow  *note_row;

  /* owned */
  KhStore      *store;
  GCancellable *cancellable;

  gint64        client_id;
  gint64        member_id;
  gboolean      saving;
};

G_DEFINE_FINAL_TYPE (KhNetworkConsentDialog, kh_network_consent_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_RECORDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_message (KhNetworkConsentDialog *self,
              const char             *message)
{
  kh_form_dialog_show_message (&self->form, message);
}

static void
recorded_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(KhNetworkConsentDialog) self = user_data;
  g_autoptr(KhNetworkConsent) stored = NULL;
  g_autoptr(GError) error = NULL;

  stored = kh_store_record_network_consent_finish (KH_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->saving = FALSE;
  gtk_widget_set_sensitive (self->form.action_button, TRUE);
  if (stored == NULL)
    {
      show_message (self, error->message);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_RECORDED], 0, stored);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* A day field: TRUE with `out` set (cleared for an empty optional one),
 * else FALSE with the message at the field. */
static gboolean
read_day (AdwEntryRow *row,
          gboolean     optional,
          GDate       *out)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  g_date_clear (out, 1);
  kh_field_message_set (GTK_WIDGET (row), NULL);
  if (optional && !kh_text_filled (text))
    return TRUE;
  if (kh_date_parse (text, out))
    return TRUE;
  /* Translators: under a day of the client's consent */
  kh_field_message_set (GTK_WIDGET (row), _("Type the day as 7.12.2026."));
  gtk_widget_grab_focus (GTK_WIDGET (row));
  return FALSE;
}

static void
record_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KhNetworkConsentDialog *self = KH_NETWORK_CONSENT_DIALOG (widget);
  g_autoptr(KhNetworkConsent) consent = kh_network_consent_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  GDate today;

  if (self->saving)
    return;
  show_message (self, NULL);
  consent->member_id = self->member_id;
  for (guint i = 0; i < N_SCOPES; i++)
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->scope_checks[i])))
      consent->scope |= 1u << i;
  if (consent->scope == 0)
    {
      /* Translators: under the list of what the client may consent to */
      show_message (self, _("Choose what the client consented to."));
      gtk_widget_grab_focus (self->scope_checks[0]);
      return;
    }
  if (!read_day (self->given_row, FALSE, &consent->given_on) || !read_day (self->expires_row, TRUE, &consent->expires_on))
    return;
  {
    const char *text = gtk_editable_get_text (GTK_EDITABLE (self->note_row));

    consent->note = kh_text_filled (text) ? g_strdup (text) : NULL;
  }
  kh_network_today (&today);
  /* The store checks the same; said here at once. */
  if (!kh_network_consent_check (consent, &today, &note, &error))
    {
      show_message (self, error->message);
      return;
    }
  self->saving = TRUE;
  gtk_widget_set_sensitive (self->form.action_button, FALSE);
  kh_store_record_network_consent_async (self->store, self->client_id, consent, NULL, self->cancellable,
                                         recorded_cb, g_object_ref (self));
}

static void
build (KhNetworkConsentDialog *self,
       KhNetworkMember        *member)
{
  GtkWidget *what, *when;
  g_autofree char *today_text = NULL;
  GDate today;

  kh_form_dialog_build (ADW_WINDOW (self), &self->form,
                        /* Translators: the title of the window that records the client's consent */
                        _("Record a Consent"), kh_network_member_display_name (member),
                        /* Translators: the button that records the client's consent */
                        _("_Record"), "consent.record", 520, 600);
  /* Translators: a group of the consent's form: what the client consented to */
  what = kh_form_dialog_add_group (&self->form, _("The Client Consents That"));
  for (guint i = 0; i < N_SCOPES; i++)
    self->scope_checks[i] = kh_form_dialog_add_check (what, kh_network_code_label (KH_NETWORK_CODE_CONSENT_SCOPE, 1 << i));

  kh_network_today (&today);
  today_text = kh_network_format_date (&today);
  when = kh_form_dialog_add_group (&self->form, NULL);
  /* Translators: the day the client gave a consent */
  self->given_row = kh_form_dialog_add_entry (when, _("_Given on"));
  gtk_editable_set_text (GTK_EDITABLE (self->given_row), today_text);
  /* Translators: the last day a consent is in force; empty: no end */
  self->expires_row = kh_form_dialog_add_entry (when, _("In force _until (optional)"));
  /* Translators: how the consent was given ("in writing", "by phone") */
  self->note_row = kh_form_dialog_add_entry (when, _("_How it was given (optional)"));
  kh_form_dialog_finish (ADW_WINDOW (self), &self->form);
}

static void
kh_network_consent_dialog_dispose (GObject *object)
{
  KhNetworkConsentDialog *self = KH_NETWORK_CONSENT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (kh_network_consent_dialog_parent_class)->dispose (object);
}

static void
kh_network_consent_dialog_class_init (KhNetworkConsentDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_network_consent_dialog_dispose;

  signals[SIGNAL_RECORDED] =
    g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, KH_TYPE_NETWORK_CONSENT);

  gtk_widget_class_install_action (widget_class, "consent.record", NULL, record_action);
}

static void
kh_network_consent_dialog_init (KhNetworkConsentDialog *self)
{
  self->cancellable = g_cancellable_new ();
}

KhNetworkConsentDialog *
kh_network_consent_dialog_new (KhStore         *store,
                               GtkWindow       *parent,
                               gint64           client_id,
                               KhNetworkMember *member)
{
  KhNetworkConsentDialog *self;

  g_return_val_if_fail (KH_IS_STORE (store), NULL);
  g_return_val_if_fail (KH_IS_NETWORK_MEMBER (member) && member->id > 0, NULL);

  self = g_object_new (KH_TYPE_NETWORK_CONSENT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->client_id = client_id;
  self->member_id = member->id;
  build (self, member);
  return self;
}

GtkWidget *
kh_network_consent_dialog_get_field (KhNetworkConsentDialog *self,
                                     const char             *name)
{
  g_return_val_if_fail (KH_IS_NETWORK_CONSENT_DIALOG (self), NULL);

  if (g_str_has_prefix (name, "scope-"))
    {
      guint bit = (guint) g_ascii_strtoull (name + 6, NULL, 10);

      return bit < N_SCOPES ? self->scope_checks[bit] : NULL;
    }
  if (g_str_equal (name, "given"))
    return GTK_WIDGET (self->given_row);
  if (g_str_equal (name, "expires"))
    return GTK_WIDGET (self->expires_row);
  if (g_str_equal (name, "note"))
    return GTK_WIDGET (self->note_row);
  if (g_str_equal (name, "record"))
    return self->form.action_button;
  if (g_str_equal (name, "message"))
    return self->form.message_label;
  return NULL;
}
