/* kh-plan-extract.c — giving a joint client plan to a partner agency
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 9, 6. What the extract holds is decided in core from the consents
 * (kh_client_plan_for_partner), its words are the letter's
 * (kh_plan_extract_build), and the store keeps it as a disclosure: the
 * agency's entry and the consent it rests on, refused by both engines
 * without a consent in force that day (data/sql/0037-plan-disclosures.sql).
 * Here: the reads it needs, in order, and the small window to choose the
 * agency and the way it is given.
 */
#define G_LOG_DOMAIN "kohtaamo-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kh-catalog.h"
#include "core/kh-network.h"
#include "core/kh-plan-share.h"
#include "core/kh-text.h"
#include "documents/kh-plan-letter.h"
#include "ui/common/kh-form-dialog.h"
#include "kh-document-window.h"
#include "kh-letter-issue.h"
#include "kh-plan-extract.h"

/* ---- giving it ---- */

typedef struct
{
  KhStore            *store;
  KhClientPlan       *plan;
  gint64              member_id;
  KhDocumentDelivery  delivery;
  GDate               today;
  GPtrArray          *network;     /* KhNetworkMember, with consents */
  KhNetworkMember    *recipient;   /* borrowed from network */
  KhNetworkConsent   *consent;     /* borrowed: the one it rests on */
  KhUnitProfile      *profile;
  KhClient           *client;
  KhClientPlan       *extract;
  gboolean            with_info;
  const char         *language;
  char               *client_name;
  char               *sender_name;
  char               *sender_title;
  char               *responsible_name;
  char               *responsible_title;
} Giving;

static void
giving_free (Giving *g)
{
  g_clear_object (&g->store);
  g_clear_pointer (&g->plan, kh_client_plan_free);
  g_clear_pointer (&g->network, g_ptr_array_unref);
  g_clear_pointer (&g->profile, kh_unit_profile_free);
  g_clear_object (&g->client);
  g_clear_pointer (&g->extract, kh_client_plan_free);
  g_free (g->client_name);
  g_free (g->sender_name);
  g_free (g->sender_title);
  g_free (g->responsible_name);
  g_free (g->responsible_title);
  g_free (g);
}

static void
set_today (GDate *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

static KhNetworkMember *
find_member (GPtrArray *network,
             gint64     member_id)
{
  for (guint i = 0; network != NULL && i < network->len; i++)
    {
      KhNetworkMember *member = g_ptr_array_index (network, i);

      if (member->id == member_id)
        return member;
    }
  return NULL;
}

/* kh_client_plan_for_partner's question, answered from the network. */
static gboolean
may_share_cb (gint64          member_id,
              KhConsentScope  scope,
              gpointer        user_data)
{
  Giving *g = user_data;
  KhNetworkMember *member = find_member (g->network, member_id);

  return member != NULL && kh_network_may_share (member->consents, scope, &g->today);
}

/* In the store's thread: the extract as it will be kept. */
static GBytes *
render_extract (const KhIssuedDocument  *document,
                gpointer                 user_data,
                GError                 **error)
{
  Giving *g = user_data;
  KhPlanExtractLetter letter = { { 0 } };
  g_autoptr(KhDocument) doc = NULL;

  letter.letter.language = g->language;
  letter.letter.recipient_name = kh_network_member_display_name (g->recipient);
  letter.letter.recipient_address = g->recipient->contact_person;
  letter.letter.sender.name = g->sender_name;
  letter.letter.sender.title = g->sender_title;
  letter.responsible_worker.name = g->responsible_name;
  letter.responsible_worker.title = g->responsible_title;
  letter.extract = g->extract;
  letter.with_info = g->with_info;
  letter.client_name = g->client_name;
  letter.client_identity = g->client->identity_code;
  letter.consent_given = g->consent->given_on;
  letter.consent_expires = g->consent->expires_on;
  doc = kh_plan_extract_build (&letter, g->profile);
  return kh_document_render_bytes (doc, error);
}

static void
client_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Giving *g = g_task_get_task_data (task);
  g_autoptr(KhIssuedDocument) document = NULL;
  GError *error = NULL;

  g->client = kh_store_get_client_finish (KH_STORE (object), result, &error);
  if (g->client == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g->language = kh_letter_language (g->client);
  kh_letter_sender_of (kh_store_get_user (g->store), g->language, &g->sender_name, &g->sender_title);
  kh_letter_responsible_worker_of (g->client, g->language, &g->responsible_name, &g->responsible_title);
  g->client_name = g_strstrip (g_strdup_printf ("%s %s",
                                                g->client->first_names != NULL ? g->client->first_names : "",
                                                g->client->last_name != NULL ? g->client->last_name : ""));

  document = kh_issued_document_new ();
  document->client_id = g->plan->client_id;
  document->case_id = g->plan->case_id;
  document->kind = KH_DOCUMENT_CLIENT_PLAN;
  document->language = g_strdup (g->language);
  /* "Asiakassuunnitelma: ote yhteistyötaholle – Kela" */
  document->title = g_strdup_printf ("%s – %s",
                                     kh_catalog_pgettext (g->language, "letter",
                                                          NC_("letter", "Client plan: extract for a partner")),
                                     kh_network_member_display_name (g->recipient));
  document->sent_on = g->today;
  document->delivery = g->delivery;
  document->disclosed_to = g->recipient->id;
  document->consent_id = g->consent->id;
  /* The task's data outlives the store's job: the task is held until it is issued. */
  kh_letter_issue_rendered (g->store, document, render_extract, g, task);
}

static void
profile_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Giving *g = g_task_get_task_data (task);
  GError *error = NULL;

  g->profile = kh_store_get_unit_profile_finish (KH_STORE (object), result, &error);
  if (g->profile == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* A read of the person, logged, for the name and identity code. */
  kh_store_get_client_async (g->store, g->plan->client_id, KH_ACCESS_PAGE, KH_BASIS_CLIENT_RELATIONSHIP,
                             g_task_get_cancellable (task), client_cb, g_object_ref (task));
}

static void
network_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Giving *g = g_task_get_task_data (task);
  GError *error = NULL;

  g->network = kh_store_list_network_finish (KH_STORE (object), result, &error);
  if (g->network == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g->extract = kh_client_plan_for_partner (g->plan, g->member_id, may_share_cb, g, &g->with_info, &error);
  if (g->extract == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g->recipient = find_member (g->network, g->member_id);
  g->consent = kh_plan_share_consent (g->recipient->consents, KH_CONSENT_SHARE_PLAN, &g->today);
  if (g->recipient->kind != KH_NETWORK_AGENCY || g->consent == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED, "%s",
                               _("The plan is given only to a partner agency with the client's consent."));
      return;
    }
  kh_store_get_unit_profile_async (g->store, g_task_get_cancellable (task), profile_cb, g_object_ref (task));
}

void
kh_plan_extract_send_async (KhStore             *store,
                            const KhClientPlan  *plan,
                            gint64               member_id,
                            KhDocumentDelivery   delivery,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task;
  Giving *g;

  g_return_if_fail (KH_IS_STORE (store));
  g_return_if_fail (plan != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, kh_plan_extract_send_async);
  g = g_new0 (Giving, 1);
  g->store = g_object_ref (store);
  g->plan = kh_client_plan_copy (plan);
  g->member_id = member_id;
  g->delivery = delivery;
  set_today (&g->today);
  g_task_set_task_data (task, g, (GDestroyNotify) giving_free);
  kh_store_list_network_async (store, plan->client_id, FALSE, cancellable, network_cb, task);
}

KhIssuedDocument *
kh_plan_extract_send_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- the window ---- */

/* The ways the extract is given, in the combo's order. */
static const KhDocumentDelivery deliveries[] = {
  KH_DOCUMENT_DELIVERY_HANDED,
  KH_DOCUMENT_DELIVERY_ELECTRONIC,
  KH_DOCUMENT_DELIVERY_LETTER,
};

struct _KhPlanExtractDialog
{
  AdwWindow      parent_instance;

  KhFormDialog   form;
  GtkWidget     *partners;     /* the group */
  AdwComboRow   *delivery;

  KhStore       *store;
  KhClientPlan  *plan;
  GCancellable  *cancellable;
  GPtrArray     *checks;       /* GtkCheckButton, the plan's partners' order */
  GArray        *member_ids;   /* gint64, the same order */
  gboolean       busy;
};

G_DEFINE_FINAL_TYPE (KhPlanExtractDialog, kh_plan_extract_dialog, ADW_TYPE_WINDOW)

/* Where the client's consent to giving `member` the plan stands today. */
static char *
consent_text (KhNetworkMember *member,
              const GDate     *today)
{
  KhNetworkConsent *consent;

  if (member == NULL || member->kind != KH_NETWORK_AGENCY)
    return g_strdup (_("Not an agency of the client's network"));
  consent = kh_plan_share_consent (member->consents, KH_CONSENT_SHARE_PLAN, today);
  if (consent != NULL)
    {
      gboolean info = kh_network_may_share (member->consents, KH_CONSENT_SHARE_PLAN | KH_CONSENT_SHARE_INFO,
                                            today);
      /* The day in the UI's short form ("31.5.2027" in Finnish and Swedish). */
      g_autofree char *until = g_date_valid (&consent->expires_on) ? kh_date_format (&consent->expires_on) : NULL;

      if (until != NULL)
        /* Translators: %s is the last day the consent is in force ("31.5.2027") */
        return g_strdup_printf (info ? _("Consent to the plan and to information about the client, until %s")
                                     : _("Consent to the plan, until %s"),
                                until);
      return g_strdup (info ? _("Consent to the plan and to information about the client")
                            : _("Consent to the plan"));
    }
  switch (kh_network_consent_standing (member->consents, KH_CONSENT_SHARE_PLAN, today))
    {
    case KH_CONSENT_EXPIRED:
      return g_strdup (_("The consent to giving it the plan has ended"));
    case KH_CONSENT_WITHDRAWN:
      return g_strdup (_("The consent to giving it the plan was withdrawn"));
    case KH_CONSENT_NONE:
    case KH_CONSENT_VALID:
    default:
      return g_strdup (_("No consent to giving it the plan"));
    }
}

static GtkWidget *
row_of_check (GtkWidget *check)
{
  return gtk_widget_get_ancestor (check, ADW_TYPE_ACTION_ROW);
}

static void
update_action (KhPlanExtractDialog *self)
{
  gboolean chosen = FALSE;

  for (guint i = 0; self->checks != NULL && i < self->checks->len; i++)
    chosen |= gtk_check_button_get_active (g_ptr_array_index (self->checks, i));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "extract.give", chosen && !self->busy);
}

static void
network_read_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(KhPlanExtractDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) network = kh_store_list_network_finish (KH_STORE (object), result, &error);
  GtkCheckButton *group = NULL;
  GDate today;

  if (network == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        kh_form_dialog_show_message (&self->form, error->message);
      return;
    }
  set_today (&today);
  self->checks = g_ptr_array_new ();
  self->member_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < self->plan->partners->len; i++)
    {
      const KhPlanPartner *partner = g_ptr_array_index (self->plan->partners, i);
      KhNetworkMember *member = find_member (network, partner->member_id);
      GtkWidget *check = kh_form_dialog_add_check (self->partners, partner->name);
      GtkWidget *row = row_of_check (check);
      g_autofree char *standing = consent_text (member, &today);
      gboolean allowed = member != NULL && member->kind == KH_NETWORK_AGENCY
                         && kh_network_may_share (member->consents, KH_CONSENT_SHARE_PLAN, &today);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), standing);
      gtk_widget_set_sensitive (row, allowed);
      gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
      if (group == NULL)
        group = GTK_CHECK_BUTTON (check);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (update_action), self);
      g_ptr_array_add (self->checks, check);
      g_array_append_val (self->member_ids, partner->member_id);
    }
  /* The first partner that may have it is chosen. */
  for (guint i = 0; i < self->checks->len; i++)
    {
      GtkWidget *check = g_ptr_array_index (self->checks, i);

      if (gtk_widget_get_sensitive (row_of_check (check)))
        {
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
          break;
        }
    }
  if (self->plan->partners->len == 0)
    kh_form_dialog_show_message (&self->form, _("The plan has no partner agencies."));
  /* 39 §: only a joint plan is shared with the partners; saying so here
   * is kinder than refusing the choice. */
  if (!self->plan->joint)
    {
      kh_form_dialog_show_message (&self->form, _("The plan is not a joint plan, so it is not given to partner agencies."));
      for (guint i = 0; i < self->checks->len; i++)
        {
          gtk_check_button_set_active (g_ptr_array_index (self->checks, i), FALSE);
          gtk_widget_set_sensitive (GTK_WIDGET (row_of_check (g_ptr_array_index (self->checks, i))), FALSE);
        }
    }
  update_action (self);
}

static void
given_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(KhPlanExtractDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(KhIssuedDocument) document = kh_plan_extract_send_finish (result, &error);
  GtkWindow *parent;
  GtkWidget *window;
  g_autofree char *subtitle = NULL;

  self->busy = FALSE;
  if (document == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          kh_form_dialog_show_message (&self->form, error->message);
          update_action (self);
        }
      return;
    }
  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  subtitle = g_strdup (_("Given to the partner agency: kept in the client's record with the consent it rests on"));
  window = kh_document_window_new (parent, document->title, subtitle, document->pdf);
  gtk_window_present (GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
give_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  KhPlanExtractDialog *self = KH_PLAN_EXTRACT_DIALOG (widget);
  guint way = adw_combo_row_get_selected (self->delivery);

  for (guint i = 0; self->checks != NULL && i < self->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      {
        self->busy = TRUE;
        update_action (self);
        kh_form_dialog_show_message (&self->form, NULL);
        kh_plan_extract_send_async (self->store, self->plan, g_array_index (self->member_ids, gint64, i),
                                    deliveries[MIN (way, G_N_ELEMENTS (deliveries) - 1)], self->cancellable,
                                    given_cb, g_object_ref (self));
        return;
      }
}

static void
kh_plan_extract_dialog_dispose (GObject *object)
{
  KhPlanExtractDialog *self = KH_PLAN_EXTRACT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  G_OBJECT_CLASS (kh_plan_extract_dialog_parent_class)->dispose (object);
}

static void
kh_plan_extract_dialog_finalize (GObject *object)
{
  KhPlanExtractDialog *self = KH_PLAN_EXTRACT_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->plan, kh_client_plan_free);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  g_clear_pointer (&self->member_ids, g_array_unref);
  G_OBJECT_CLASS (kh_plan_extract_dialog_parent_class)->finalize (object);
}

static void
kh_plan_extract_dialog_class_init (KhPlanExtractDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_plan_extract_dialog_dispose;
  object_class->finalize = kh_plan_extract_dialog_finalize;
  gtk_widget_class_install_action (widget_class, "extract.give", NULL, give_cb);
}

static void
kh_plan_extract_dialog_init (KhPlanExtractDialog *self)
{
  g_autoptr(GtkStringList) ways = gtk_string_list_new (NULL);
  GtkWidget *how;

  self->cancellable = g_cancellable_new ();
  kh_form_dialog_build (ADW_WINDOW (self), &self->form, _("Give the Plan to a Partner"),
                        _("Only what the client has consented to"), _("_Give"), "extract.give", 600, 480);
  self->partners = kh_form_dialog_add_group (&self->form, _("Partner agency"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->partners),
                                         _("The agency gets the goals, the actions and who is responsible for "
                                           "what; the client's situation only with a consent to information "
                                           "about the client; never the network map."));
  how = kh_form_dialog_add_group (&self->form, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (deliveries); i++)
    gtk_string_list_append (ways, kh_document_delivery_label (deliveries[i]));
  self->delivery = kh_form_dialog_add_combo (how, _("Delivery"), G_LIST_MODEL (ways));
  kh_form_dialog_finish (ADW_WINDOW (self), &self->form);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "extract.give", FALSE);
}

GtkWidget *
kh_plan_extract_dialog_new (GtkWindow          *parent,
                            KhStore            *store,
                            const KhClientPlan *plan)
{
  KhPlanExtractDialog *self;

  g_return_val_if_fail (KH_IS_STORE (store), NULL);
  g_return_val_if_fail (plan != NULL, NULL);

  self = g_object_new (KH_TYPE_PLAN_EXTRACT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->plan = kh_client_plan_copy (plan);
  /* The consents as they stand now: a logged read of the network. */
  kh_store_list_network_async (store, plan->client_id, FALSE, self->cancellable, network_read_cb,
                               g_object_ref (self));
  return GTK_WIDGET (self);
}
