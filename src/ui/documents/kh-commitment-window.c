/* kh-commitment-window.c — writing and issuing a payment commitment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 8, item 3: from an issued decision that grants a service or
 * income support ("Payment Commitment…" on its timeline entry), a social
 * worker writes the payment commitment (maksusitoumus /
 * betalningsförbindelse) that goes to the payee — a pharmacy, a landlord,
 * a service provider — previews it and issues it. The state is a
 * KhCommitmentForm (core/kh-commitment-form.h): every change of a widget
 * reads the widgets into it and the window shows what it says at its
 * field; while typing only what is typed wrong, once Issue has been asked
 * for everything that is missing, until it is fixed.
 *
 * The commitment is printed in its own language (the client's, or the
 * one the worker chose), whatever the UI language, off the UI thread: the
 * preview in a GTask thread without a number, the issued one in the
 * store's thread inside the issuing transaction, with the number of the
 * commitments' own series that the store has just given it — the number
 * the payee marks on the invoice is the number kept. The client's
 * identity code is printed only when the worker says the payee needs it
 * (a pharmacy). The decision window (kh-decision-window.c) works the same
 * way; what both need is in kh-document-form.c.
 */
#define G_LOG_DOMAIN "kohtaamo-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kh-catalog.h"
#include "core/kh-hetu.h"
#include "core/kh-decision-form.h"
#include "core/kh-money.h"
#include "core/kh-text.h"
#include "documents/kh-letters.h"
#include "ui/common/kh-accessible.h"
#include "ui/common/kh-combo-keys.h"
#include "ui/common/kh-field-message.h"
#include "kh-commitment-window.h"
#include "kh-document-form.h"
#include "kh-document-window.h"

struct _KhCommitmentWindow
{
  AdwWindow            parent_instance;

  /* template widgets */
  AdwEntryRow         *amount_row;
  AdwActionRow        *client_row;
  GtkSwitch           *code_switch;
  AdwEntryRow         *contact_email_row;
  AdwEntryRow         *contact_name_row;
  AdwEntryRow         *contact_phone_row;
  AdwEntryRow         *contact_title_row;
  AdwEntryRow         *covers_row;
  AdwActionRow        *decision_row;
  AdwComboRow         *delivery_row;
  AdwEntryRow         *invoice_row;
  AdwComboRow         *language_row;
  AdwComboRow         *maker_row;
  AdwEntryRow         *payee_name_row;
  AdwEntryRow         *payee_street_row;
  AdwEntryRow         *payee_town_row;
  AdwActionRow        *profile_row;
  GtkStack            *stack;
  AdwWindowTitle      *title;
  AdwToastOverlay     *toast_overlay;
  AdwEntryRow         *valid_from_row;
  AdwEntryRow         *valid_until_row;

  /* owned */
  KhStore             *store;
  KhClient            *client;
  KhUnitProfile       *profile;        /* NULL until read */
  KhCommitmentForm    *form;
  GPtrArray           *makers;         /* of KhDecisionMaker (borrowed from profile), as listed */
  GCancellable        *cancellable;    /* the profile's reading and the preview; not the issuing */

  gboolean             filling;        /* the window writes the widgets: no change of the form */
  gboolean             changed;        /* something typed since the window opened */
  gboolean             show_all;       /* Issue was asked for: every problem at its field */
  gboolean             busy;           /* previewing or issuing */
  gboolean             issuing;        /* the store has the commitment: nothing to discard */
  gboolean             closing;        /* the worker chose to discard */
};

G_DEFINE_FINAL_TYPE (KhCommitmentWindow, kh_commitment_window, ADW_TYPE_WINDOW)

enum {
  SIGNAL_ISSUED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
toast (KhCommitmentWindow *self,
       const char         *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

/* ---- reading the widgets into the form ---- */

/* The payee's address as the letter prints it: the street, then the
 * postal code and town. */
static char *
dup_payee_address (KhCommitmentWindow *self)
{
  g_autofree char *street = kh_document_form_dup_entry (self->payee_street_row);
  g_autofree char *town = kh_document_form_dup_entry (self->payee_town_row);

  if (street == NULL && town == NULL)
    return NULL;
  return g_strjoin ("\n", street != NULL ? street : "", town != NULL ? town : "", NULL);
}

static void
read_form (KhCommitmentWindow *self)
{
  KhCommitmentForm *f = self->form;

  kh_document_form_replace (&f->payee_name, kh_document_form_dup_entry (self->payee_name_row));
  kh_document_form_replace (&f->payee_address, dup_payee_address (self));
  f->payee_needs_code = gtk_switch_get_active (self->code_switch);
  kh_document_form_replace (&f->covers, kh_document_form_dup_entry (self->covers_row));
  kh_document_form_replace (&f->amount, kh_document_form_dup_entry (self->amount_row));
  kh_document_form_replace (&f->valid_from, kh_document_form_dup_entry (self->valid_from_row));
  kh_document_form_replace (&f->valid_until, kh_document_form_dup_entry (self->valid_until_row));
  kh_document_form_replace (&f->invoice_address, kh_document_form_dup_entry (self->invoice_row));
  f->maker_id = kh_document_form_selected_maker (self->maker_row, self->makers);
  kh_document_form_replace (&f->contact_name, kh_document_form_dup_entry (self->contact_name_row));
  kh_document_form_replace (&f->contact_title, kh_document_form_dup_entry (self->contact_title_row));
  kh_document_form_replace (&f->contact_phone, kh_document_form_dup_entry (self->contact_phone_row));
  kh_document_form_replace (&f->contact_email, kh_document_form_dup_entry (self->contact_email_row));
  f->delivery = kh_document_form_selected_delivery (self->delivery_row);
}

/* ---- showing the state ---- */

static GtkWidget *
field_widget (KhCommitmentWindow *self,
              KhCommitmentField   field)
{
  switch (field)
    {
    case KH_COMMITMENT_FIELD_PROFILE: return GTK_WIDGET (self->profile_row);
    case KH_COMMITMENT_FIELD_DECISION: return GTK_WIDGET (self->decision_row);
    case KH_COMMITMENT_FIELD_PAYEE_NAME: return GTK_WIDGET (self->payee_name_row);
    case KH_COMMITMENT_FIELD_PAYEE_ADDRESS: return GTK_WIDGET (self->payee_town_row);
    case KH_COMMITMENT_FIELD_COVERS: return GTK_WIDGET (self->covers_row);
    case KH_COMMITMENT_FIELD_AMOUNT: return GTK_WIDGET (self->amount_row);
    case KH_COMMITMENT_FIELD_VALID_FROM: return GTK_WIDGET (self->valid_from_row);
    case KH_COMMITMENT_FIELD_VALID_UNTIL: return GTK_WIDGET (self->valid_until_row);
    case KH_COMMITMENT_FIELD_INVOICE: return GTK_WIDGET (self->invoice_row);
    case KH_COMMITMENT_FIELD_MAKER: return GTK_WIDGET (self->maker_row);
    case KH_COMMITMENT_FIELD_CONTACT: return GTK_WIDGET (self->contact_email_row);
    case KH_COMMITMENT_N_FIELDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
refresh (KhCommitmentWindow *self)
{
  KhCommitmentFormCheck check;

  if (self->profile == NULL)
    return;
  read_form (self);
  kh_commitment_form_check (self->form, self->profile, self->show_all, &check);
  for (guint i = 0; i < KH_COMMITMENT_N_FIELDS; i++)
    kh_field_message_set (field_widget (self, i), check.messages[i]);
  /* The unit's settings are not the worker's to fix here: the row says
   * where they are, shown whenever they are missing. */
  gtk_widget_set_visible (GTK_WIDGET (self->profile_row), check.messages[KH_COMMITMENT_FIELD_PROFILE] != NULL);
}

static void
field_changed_cb (KhCommitmentWindow *self)
{
  if (self->filling || self->profile == NULL)
    return;
  self->changed = TRUE;
  refresh (self);
}

static void
fill_makers (KhCommitmentWindow *self)
{
  g_clear_pointer (&self->makers, g_ptr_array_unref);
  self->makers = kh_document_form_fill_makers (self->maker_row, self->profile, self->form->language,
                                               self->form->maker_id);
}

static void
language_changed_cb (KhCommitmentWindow *self)
{
  guint i = adw_combo_row_get_selected (self->language_row);

  if (self->filling || self->profile == NULL)
    return;
  read_form (self);
  kh_commitment_form_set_language (self->form, i == 1 ? "sv" : "fi", self->profile);
  self->filling = TRUE;
  kh_document_form_set_entry (self->contact_title_row, self->form->contact_title);
  fill_makers (self);
  self->filling = FALSE;
  field_changed_cb (self);
}

/* ---- filling the form ---- */

static void
fill_header_rows (KhCommitmentWindow *self)
{
  const KhCommitmentForm *f = self->form;
  g_autofree char *number = kh_decision_number_format (f->decision_number, f->decision_year);
  g_autofree char *decision = NULL;
  g_autofree char *masked = f->client_code != NULL ? kh_hetu_mask (f->client_code) : NULL;
  g_autofree char *client = masked != NULL ? g_strdup_printf ("%s · %s", f->client_name, masked)
                                           : g_strdup (f->client_name);

  if (g_date_valid (&f->decision_date))
    {
      char day[32];

      g_date_strftime (day, sizeof day, "%-d.%-m.%Y", &f->decision_date);
      /* Translators: the decision a payment commitment rests on: its register number, then its date */
      decision = g_strdup_printf (_("Decision %s of %s"), number, day);
    }
  else
    /* Translators: the corrected decision's register number, "12/2026" */
    decision = g_strdup_printf (_("Decision %s"), number);
  adw_action_row_set_subtitle (self->decision_row, decision);
  adw_action_row_set_subtitle (self->client_row, client != NULL ? client : "");
  /* Without an identity code there is nothing to print. */
  gtk_widget_set_sensitive (gtk_widget_get_ancestor (GTK_WIDGET (self->code_switch), ADW_TYPE_ACTION_ROW),
                            f->client_code != NULL);
}

static void
fill_language (KhCommitmentWindow *self)
{
  const char *labels[] = { kh_language_label (KH_LANGUAGE_FI), kh_language_label (KH_LANGUAGE_SV) };

  kh_document_form_set_choices (self->language_row, labels, G_N_ELEMENTS (labels));
  adw_combo_row_set_selected (self->language_row, g_strcmp0 (self->form->language, "sv") == 0 ? 1 : 0);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->language_row),
                               kh_decision_form_language_is_fallback (self->client->language)
                               /* Translators: under the payment commitment's language */
                               ? _("The client’s language of service is neither Finnish nor Swedish: Finnish unless you choose Swedish")
                               /* Translators: under the payment commitment's language */
                               : _("The client’s language of service; you may choose the other one"));
}

/* The widgets from the form, once the unit's settings are in. */
static void
fill_form (KhCommitmentWindow *self)
{
  const KhCommitmentForm *f = self->form;
  KhUser *user = kh_store_get_user (self->store);

  self->filling = TRUE;
  if (user != NULL)
    kh_commitment_form_set_contact (self->form, user->display_name, user->role, self->profile);
  fill_header_rows (self);
  fill_language (self);
  kh_document_form_fill_deliveries (self->delivery_row, f->delivery);
  fill_makers (self);
  kh_document_form_set_entry (self->valid_from_row, f->valid_from);
  kh_document_form_set_entry (self->valid_until_row, f->valid_until);
  kh_document_form_set_entry (self->contact_name_row, f->contact_name);
  kh_document_form_set_entry (self->contact_title_row, f->contact_title);
  kh_document_form_set_entry (self->contact_phone_row, f->contact_phone);
  kh_document_form_set_entry (self->contact_email_row, f->contact_email);
  self->filling = FALSE;

  gtk_stack_set_visible_child_name (self->stack, "form");
  refresh (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->payee_name_row));
}

static void
profile_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(KhCommitmentWindow) self = user_data;

  /* Without them the form works, and its rows say what is missing. */
  self->profile = kh_document_form_profile_finish (object, result, self->toast_overlay);
  if (self->profile != NULL)
    fill_form (self);
}

/* ---- rendering ---- */

/* What a thread needs to lay the commitment out: copies, no widgets. */
typedef struct {
  KhCommitmentForm *form;
  KhUnitProfile    *profile;
} Render;

static void
render_free (gpointer data)
{
  Render *render = data;

  kh_commitment_form_free (render->form);
  kh_unit_profile_free (render->profile);
  g_free (render);
}

static Render *
render_new (KhCommitmentWindow *self)
{
  Render *render = g_new0 (Render, 1);

  render->form = kh_commitment_form_copy (self->form);
  render->profile = kh_unit_profile_copy (self->profile);
  return render;
}

/* The PDF of the commitment numbered `number`/`year` (0: not yet given).
 * Runs in a worker thread: plain data only. */
static GBytes *
render_pdf (gpointer   data,
            int        number,
            int        year,
            GError   **error)
{
  Render *render = data;
  const KhCommitmentForm *f = render->form;
  const KhDecisionMaker *maker = kh_unit_profile_find_decision_maker (render->profile, f->maker_id);
  KhLanguage language = g_strcmp0 (f->language, "sv") == 0 ? KH_LANGUAGE_SV : KH_LANGUAGE_FI;
  g_autofree char *number_text = number > 0 ? kh_decision_number_format (number, year) : NULL;
  g_autofree char *reference = number_text != NULL
                               ? g_strdup_printf (kh_catalog_pgettext (f->language, "decision", "No. %s"), number_text)
                               : NULL;
  g_autofree char *decision = kh_commitment_form_decision_label (f);
  g_autoptr(KhDocument) doc = NULL;
  g_autoptr(GDateTime) date = g_date_time_new_local (g_date_get_year (&f->date), g_date_get_month (&f->date),
                                                     g_date_get_day (&f->date), 12, 0, 0);
  KhPaymentCommitment c = { 0 };
  gint64 cents = 0;

  c.letter.language = f->language;
  c.letter.recipient_name = f->payee_name;
  c.letter.recipient_address = f->payee_address;
  c.letter.date = date;
  c.letter.sender = (KhLetterSender) { f->contact_name, f->contact_title, f->contact_phone, f->contact_email };
  /* The number under the date too, "Nro 4/2026", where a payee looks for
   * it (the decision's header says the same of its number). */
  c.letter.reference = reference;
  c.number = number_text;
  c.client_name = f->client_name;
  /* Data minimisation: the code only for a payee who needs it. */
  c.client_id = f->payee_needs_code ? f->client_code : NULL;
  c.covers = f->covers;
  if (f->amount != NULL && kh_money_parse (f->amount, &cents) != KH_MONEY_OK)
    cents = 0;
  c.max_cents = cents;
  g_date_clear (&c.valid_from, 1);
  g_date_clear (&c.valid_until, 1);
  if (f->valid_from != NULL)
    kh_date_parse (f->valid_from, &c.valid_from);
  if (f->valid_until != NULL)
    kh_date_parse (f->valid_until, &c.valid_until);
  c.decision = decision;
  c.invoice_address = f->invoice_address;
  if (maker != NULL)
    c.maker = (KhLetterSender) { maker->name, kh_decision_maker_get_title (maker, language), NULL, NULL };
  doc = kh_payment_commitment_build (&c, render->profile);
  return kh_document_render_bytes (doc, error);
}

static void
set_busy (KhCommitmentWindow *self,
          gboolean            busy)
{
  self->busy = busy;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "commitment.preview", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "commitment.issue", !busy);
}

static void
preview_finished (GtkWindow *owner)
{
  set_busy (KH_COMMITMENT_WINDOW (owner), FALSE);
}

static void
preview_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  KhCommitmentWindow *self = KH_COMMITMENT_WINDOW (widget);
  g_autofree char *subtitle = NULL;

  if (self->profile == NULL || self->busy)
    return;
  refresh (self);
  set_busy (self, TRUE);
  /* Translators: the preview's subtitle: the party's name, then that it is not issued */
  subtitle = g_strdup_printf (_("%s · Not issued"), self->form->payee_name != NULL ? self->form->payee_name : "");
  kh_document_form_preview (GTK_WINDOW (self), self->toast_overlay, self->cancellable,
                            kh_document_form_job_new (render_pdf, render_new (self), render_free),
                            kh_document_kind_label_in (KH_DOCUMENT_PAYMENT_COMMITMENT, self->form->language),
                            subtitle, preview_finished);
}

/* ---- issuing ---- */

static void
issued_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(KhCommitmentWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(KhIssuedDocument) document = NULL;
  g_autofree char *number = NULL;
  g_autofree char *subtitle = NULL;
  GtkWindow *parent;
  GtkWidget *window;

  document = kh_store_issue_document_finish (KH_STORE (object), result, &error);
  if (document == NULL)
    {
      /* Nothing is lost: the window stays as it was and says why. */
      self->issuing = FALSE;
      set_busy (self, FALSE);
      toast (self, error->message);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_ISSUED], 0, document);
  /* The issued commitment, to print or save for the payee. */
  number = kh_decision_number_format (document->register_number, document->register_year);
  /* Translators: under an issued payment commitment's title: its number, then the payee */
  subtitle = g_strdup_printf (_("No. %s to %s: kept in the client’s record"), number,
                              document->payee != NULL ? document->payee : "");
  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  window = kh_document_window_new (parent, document->title, subtitle, document->pdf);
  gtk_window_present (GTK_WINDOW (window));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
issue_now (KhCommitmentWindow *self)
{
  g_autoptr(KhIssuedDocument) document = kh_commitment_form_to_document (self->form, self->client->id);

  self->issuing = TRUE;
  set_busy (self, TRUE);
  /* Not cancelled when the window closes: once asked, the store finishes. */
  kh_store_issue_document_rendered_async (self->store, document, kh_document_form_job_render_issued,
                                          kh_document_form_job_new (render_pdf, render_new (self), render_free),
                                          kh_document_form_job_free, NULL, issued_cb, g_object_ref (self));
}

static void
confirm_response_cb (AdwMessageDialog   *dialog,
                     const char         *response,
                     KhCommitmentWindow *self)
{
  if (g_strcmp0 (response, "issue") == 0)
    issue_now (self);
}

static void
issue_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  KhCommitmentWindow *self = KH_COMMITMENT_WINDOW (widget);
  KhCommitmentFormCheck check;

  if (self->profile == NULL || self->busy)
    return;
  self->show_all = TRUE;
  refresh (self);
  kh_commitment_form_check (self->form, self->profile, TRUE, &check);
  if (check.n_problems > 0)
    {
      g_autofree char *text = NULL;

      for (guint i = 0; i < KH_COMMITMENT_N_FIELDS; i++)
        if (check.messages[i] != NULL && i != KH_COMMITMENT_FIELD_PROFILE)
          {
            gtk_widget_grab_focus (field_widget (self, i));
            break;
          }
      /* Translators: a toast when a payment commitment cannot be issued yet */
      text = g_strdup_printf (ngettext ("%u thing to fix before issuing the payment commitment: see the marked field",
                                        "%u things to fix before issuing the payment commitment: see the marked fields",
                                        check.n_problems), check.n_problems);
      toast (self, text);
      return;
    }
  kh_document_form_ask_issue (GTK_WINDOW (self), _("Issue the Payment Commitment?"),
                              _("An issued payment commitment cannot be changed. It gets the next number "
                                "of this year’s payment commitments, which the payee marks on the invoice."),
                              /* Translators: the answer that issues a payment commitment */
                              C_("payment commitment", "_Issue"), G_CALLBACK (confirm_response_cb), self);
}

/* ---- closing ---- */

static void
discard_response_cb (AdwMessageDialog   *dialog,
                     const char         *response,
                     KhCommitmentWindow *self)
{
  if (g_strcmp0 (response, "discard") != 0 || self->issuing)
    return;
  self->closing = TRUE;
  kh_document_form_close_later (GTK_WINDOW (self));
}

static gboolean
kh_commitment_window_close_request (GtkWindow *window)
{
  KhCommitmentWindow *self = KH_COMMITMENT_WINDOW (window);

  /* Issuing: the store answers and the window closes then. */
  if (self->issuing)
    return TRUE;
  if (self->changed && !self->closing)
    {
      kh_document_form_ask_discard (window, _("Discard the Payment Commitment?"),
                                    _("What you have written is kept nowhere until the payment commitment is issued."),
                                    G_CALLBACK (discard_response_cb), self);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (kh_commitment_window_parent_class)->close_request (window);
}

static void
kh_commitment_window_dispose (GObject *object)
{
  KhCommitmentWindow *self = KH_COMMITMENT_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), KH_TYPE_COMMITMENT_WINDOW);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->client);
  g_clear_pointer (&self->makers, g_ptr_array_unref);

  G_OBJECT_CLASS (kh_commitment_window_parent_class)->dispose (object);
}

static void
kh_commitment_window_finalize (GObject *object)
{
  KhCommitmentWindow *self = KH_COMMITMENT_WINDOW (object);

  g_clear_pointer (&self->profile, kh_unit_profile_free);
  g_clear_pointer (&self->form, kh_commitment_form_free);

  G_OBJECT_CLASS (kh_commitment_window_parent_class)->finalize (object);
}

static void
kh_commitment_window_class_init (KhCommitmentWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = kh_commitment_window_dispose;
  object_class->finalize = kh_commitment_window_finalize;
  window_class->close_request = kh_commitment_window_close_request;

  /* The document as the store kept it (a KhIssuedDocument, borrowed). */
  signals[SIGNAL_ISSUED] =
    g_signal_new ("issued", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/documents/kh-commitment-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KhCommitmentWindow, amount_row);
  gtk_widget_class_bind_template_child (widget_class, KhCommitmentWindow, client_row);
  gtk_widget_class_bind_template_child (widget_class, KhCommitmentWindow, code_switch);
  gtk_widget_class_bind_template_child (widget_class, KhCommitmentWindow, contact_email_row);
  gtk_widget_class_bind_template_child (widget_class, KhCommitmentWindow, contact_name_row);
  gtk_widget_class_bind_template_child (widget_class, KhCommitmentWindow, contact_phone_row);
  gtk_widget_class_bind_template_child (widget_class, KhCommitmentWindow, contact_title_row);
  gtk_widget_class_bind_template_child (widget_class, KhCommitmentWindow, covers_row);
  gtk_widget_class_bind_template_child (widget_class, KhCommitmentWindow, decision_row);
  gtk_widget_class_bind_template_child (widget_class, KhCommitmentWindow, delivery_row);
  gtk_widget_class_bind_template_child (widget_class, KhCommitmentWindow, invoice_row);
  gtk_widget_class_bind_template_child (widget_class, KhCommitmentWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, KhCommitmentWindow, maker_row);
  gtk_widget_class_bind_template_child (widget_class, KhCommitmentWindow, payee_name_row);
  gtk_widget_class_bind_template_child (widget_class, KhCommitmentWindow, payee_street_row);
  gtk_widget_class_bind_template_child (widget_class, KhCommitmentWindow, payee_town_row);
  gtk_widget_class_bind_template_child (widget_class, KhCommitmentWindow, profile_row);
  gtk_widget_class_bind_template_child (widget_class, KhCommitmentWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, KhCommitmentWindow, title);
  gtk_widget_class_bind_template_child (widget_class, KhCommitmentWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KhCommitmentWindow, valid_from_row);
  gtk_widget_class_bind_template_child (widget_class, KhCommitmentWindow, valid_until_row);

  gtk_widget_class_install_action (widget_class, "commitment.preview", NULL, preview_action);
  gtk_widget_class_install_action (widget_class, "commitment.issue", NULL, issue_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "commitment.issue", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "commitment.preview", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
kh_commitment_window_init (KhCommitmentWindow *self)
{
  kh_field_message_ensure_style ();
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();

  {
    GtkWidget *entries[] = {
      GTK_WIDGET (self->payee_name_row), GTK_WIDGET (self->payee_street_row), GTK_WIDGET (self->payee_town_row),
      GTK_WIDGET (self->covers_row), GTK_WIDGET (self->amount_row), GTK_WIDGET (self->valid_from_row),
      GTK_WIDGET (self->valid_until_row), GTK_WIDGET (self->invoice_row), GTK_WIDGET (self->contact_name_row),
      GTK_WIDGET (self->contact_title_row), GTK_WIDGET (self->contact_phone_row),
      GTK_WIDGET (self->contact_email_row),
    };
    GtkWidget *choices[] = {
      GTK_WIDGET (self->maker_row), GTK_WIDGET (self->delivery_row),
    };

    for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
      g_signal_connect_object (entries[i], "changed", G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
    for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
      g_signal_connect_object (choices[i], "notify::selected", G_CALLBACK (field_changed_cb), self,
                               G_CONNECT_SWAPPED);
  }
  g_signal_connect_object (self->code_switch, "notify::active", G_CALLBACK (field_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->language_row, "notify::selected", G_CALLBACK (language_changed_cb), self,
                           G_CONNECT_SWAPPED);
  kh_accessible_fix_mnemonics (GTK_WIDGET (self));
  kh_combo_keys_attach_all (GTK_WIDGET (self));
}

gboolean
kh_commitment_window_may_open (KhStore *store)
{
  KhUser *user;

  g_return_val_if_fail (KH_IS_STORE (store), FALSE);

  user = kh_store_get_user (store);
  return user != NULL && kh_document_may_issue (user->role, KH_DOCUMENT_PAYMENT_COMMITMENT);
}

GtkWidget *
kh_commitment_window_new (KhStore     *store,
                          GtkWindow   *parent,
                          KhClient    *client,
                          gint64       decision_id,
                          guint        number,
                          guint        year,
                          const GDate *decided,
                          gint64       case_id)
{
  KhCommitmentWindow *self;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *name = NULL;
  GDate today;

  g_return_val_if_fail (KH_IS_STORE (store), NULL);
  g_return_val_if_fail (KH_IS_CLIENT (client), NULL);
  g_return_val_if_fail (decision_id > 0, NULL);

  self = g_object_new (KH_TYPE_COMMITMENT_WINDOW, NULL);
  self->store = g_object_ref (store);
  self->client = g_object_ref (client);

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  self->form = kh_commitment_form_new (&today);
  kh_commitment_form_set_language (self->form, kh_decision_form_language_for (client->language), NULL);
  kh_commitment_form_set_decision (self->form, decision_id, number, year, decided, case_id);
  name = kh_client_dup_display_name (client);
  self->form->client_name = g_strdup_printf ("%s %s", client->first_names != NULL ? client->first_names : "",
                                             client->last_name != NULL ? client->last_name : "");
  g_strstrip (self->form->client_name);
  if (client->identity_kind == KH_IDENTITY_CODE && client->identity_code != NULL)
    self->form->client_code = g_strdup (client->identity_code);

  adw_window_title_set_subtitle (self->title, name);
  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (self), parent);
      gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
    }
  kh_store_get_unit_profile_async (store, self->cancellable, profile_loaded_cb, g_object_ref (self));
  return GTK_WIDGET (self);
}

const KhCommitmentForm *
kh_commitment_window_get_form (KhCommitmentWindow *self)
{
  g_return_val_if_fail (KH_IS_COMMITMENT_WINDOW (self), NULL);

  return self->form;
}

gboolean
kh_commitment_window_is_ready (KhCommitmentWindow *self)
{
  g_return_val_if_fail (KH_IS_COMMITMENT_WINDOW (self), FALSE);

  return self->profile != NULL;
}
