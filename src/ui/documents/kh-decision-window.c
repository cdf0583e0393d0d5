/* kh-decision-window.c — writing and issuing a decision
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 8, items 2, 4 and 5: a social worker writes a decision on a
 * service or on supplementary or preventive income support from the
 * person's page, previews it and issues it. The state is a KhDecisionForm
 * (core/kh-decision-form.h): every change of a widget reads the widgets
 * into it, and the window shows what it says — which rows apply, the
 * total, the last day for a request for rectification, and what is wrong
 * at its field. While typing only what is typed wrong is shown (an
 * account number, an amount, a date); once Issue has been asked for,
 * everything kh_decision_check() finds, until it is fixed.
 *
 * The decision is printed in its own language (the client's, or the one
 * the worker chose), whatever the UI language. Preview and issuing render
 * it off the UI thread: the preview in a GTask thread, the issued one in
 * the store's thread inside the issuing transaction, so that the register
 * number the store gives is the number printed. Nothing typed is lost: a
 * refused issuing keeps the window as it was and says why, and closing a
 * window with something typed asks first.
 */
#define G_LOG_DOMAIN "kohtaamo-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kh-hetu.h"
#include "core/kh-money.h"
#include "core/kh-text.h"
#include "documents/kh-decision.h"
#include "ui/common/kh-accessible.h"
#include "ui/common/kh-combo-keys.h"
#include "ui/common/kh-field-message.h"
#include "ui/common/kh-form-rows.h"
#include "kh-decision-window.h"
#include "kh-document-form.h"
#include "kh-document-window.h"

struct _KhDecisionWindow
{
  AdwWindow            parent_instance;

  /* template widgets */
  AdwEntryRow         *contact_email_row;
  AdwEntryRow         *contact_name_row;
  AdwEntryRow         *contact_phone_row;
  AdwEntryRow         *contact_title_row;
  AdwActionRow        *corrects_row;
  AdwComboRow         *case_row;
  AdwEntryRow         *decision_date_row;
  AdwComboRow         *delivery_row;
  GtkWidget           *departure_box;
  GtkTextView         *departure_view;
  GtkSwitch           *departs_switch;
  GtkWidget           *departs_row;
  AdwEntryRow         *iban_row;
  GtkButton           *issue_button;
  AdwComboRow         *kind_row;
  AdwComboRow         *language_row;
  AdwActionRow        *last_day_row;
  GtkListBox          *lines_list;
  AdwComboRow         *maker_row;
  AdwComboRow         *outcome_row;
  AdwPreferencesPage  *page;
  AdwActionRow        *party_row;
  AdwComboRow         *payee_row;
  AdwEntryRow         *payee_name_row;
  GtkWidget           *payment_group;
  AdwEntryRow         *period_end_row;
  AdwEntryRow         *period_start_row;
  AdwEntryRow         *preparer_name_row;
  AdwEntryRow         *preparer_title_row;
  GtkButton           *preview_button;
  AdwActionRow        *profile_row;
  GtkTextView         *provisions_view;
  GtkTextView         *reasoning_view;
  AdwEntryRow         *sent_date_row;
  AdwEntryRow         *service_row;
  GtkStack            *stack;
  AdwEntryRow         *subject_row;
  GtkWidget           *support_group;
  AdwWindowTitle      *title;
  AdwToastOverlay     *toast_overlay;
  GtkLabel            *total_label;

  /* owned */
  KhStore             *store;
  KhClient            *client;
  GPtrArray           *cases;          /* of KhCase: the open ones, as the case row lists them */
  KhUnitProfile       *profile;        /* NULL until read */
  KhDecisionForm      *form;
  GPtrArray           *line_rows;      /* of AdwEntryRow, one per form line */
  GPtrArray           *makers;         /* of KhDecisionMaker (borrowed from profile), as listed */
  GCancellable        *cancellable;    /* the profile's reading and the preview; not the issuing */
  char                *corrects_label;

  gboolean             filling;        /* the window writes the widgets: no change of the form */
  gboolean             changed;        /* something typed since the window opened */
  gboolean             show_all;       /* Issue was asked for: every problem at its field */
  gboolean             busy;           /* previewing or issuing */
  gboolean             issuing;        /* the store has the decision: nothing to discard */
  gboolean             closing;        /* the worker chose to discard */
};

G_DEFINE_FINAL_TYPE (KhDecisionWindow, kh_decision_window, ADW_TYPE_WINDOW)

enum {
  SIGNAL_ISSUED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const KhDecisionKind kinds[] = {
  KH_DECISION_SERVICE, KH_DECISION_SUPPLEMENTARY_SUPPORT, KH_DECISION_PREVENTIVE_SUPPORT,
};
static const KhDecisionOutcome outcomes[] = {
  KH_DECISION_OUTCOME_NONE, KH_DECISION_GRANTED, KH_DECISION_PARTLY_GRANTED, KH_DECISION_REFUSED,
};
static const KhPayeeKind payees[] = { KH_PAYEE_CLIENT_ACCOUNT, KH_PAYEE_DIRECT };
static const char *const languages[] = { "fi", "sv" };

static void refresh (KhDecisionWindow *self);

/* ---- small helpers ---- */

static void
toast (KhDecisionWindow *self,
       const char       *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static char *
dup_text_view (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  return kh_text_clean_note (text);
}

static void
set_text_view (GtkTextView *view,
               const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text != NULL ? text : "", -1);
}

/* ---- the amount lines ---- */

static GtkEditable *
line_amount (AdwEntryRow *row)
{
  return g_object_get_data (G_OBJECT (row), "kh-amount");
}

static void
remove_message_row (GtkWidget *field)
{
  GtkWidget *holder = g_object_get_data (G_OBJECT (field), "kh-field-message");
  GtkWidget *parent = holder != NULL ? gtk_widget_get_parent (holder) : NULL;

  if (GTK_IS_LIST_BOX (parent))
    gtk_list_box_remove (GTK_LIST_BOX (parent), holder);
}

static void
remove_line_clicked_cb (GtkButton        *button,
                        KhDecisionWindow *self)
{
  AdwEntryRow *row = g_object_get_data (G_OBJECT (button), "kh-line");
  guint index;

  if (!g_ptr_array_find (self->line_rows, row, &index))
    return;
  kh_decision_form_remove_line (self->form, index);
  remove_message_row (GTK_WIDGET (row));
  gtk_list_box_remove (self->lines_list, GTK_WIDGET (row));
  g_ptr_array_remove_index (self->line_rows, index);
  self->changed = TRUE;
  refresh (self);
}

static void field_changed_cb (KhDecisionWindow *self);

static AdwEntryRow *
append_line_row (KhDecisionWindow *self)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *amount = gtk_entry_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  /* Translators: the euro sign after an amount field of a decision */
  GtkWidget *euro = gtk_label_new (C_("currency", "€"));

  /* Translators: the description of an amount line of a decision: "Vuokra joulukuu 2026" */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("What for"));
  gtk_editable_set_width_chars (GTK_EDITABLE (amount), 10);
  gtk_editable_set_alignment (GTK_EDITABLE (amount), 1.0);
  gtk_entry_set_input_purpose (GTK_ENTRY (amount), GTK_INPUT_PURPOSE_NUMBER);
  gtk_entry_set_placeholder_text (GTK_ENTRY (amount), "0,00");
  gtk_widget_set_valign (amount, GTK_ALIGN_CENTER);
  /* Translators: the accessible name of an amount field of a decision */
  gtk_accessible_update_property (GTK_ACCESSIBLE (amount), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Amount in euros"), -1);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  /* Translators: a button beside an amount line of a decision */
  gtk_widget_set_tooltip_text (remove, _("Remove the line"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove the line"), -1);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), amount);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), euro);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);
  g_object_set_data (G_OBJECT (row), "kh-amount", amount);
  g_object_set_data (G_OBJECT (remove), "kh-line", row);
  g_signal_connect_object (row, "changed", G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (amount, "changed", G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_line_clicked_cb), self, 0);
  gtk_list_box_append (self->lines_list, row);
  g_ptr_array_add (self->line_rows, row);
  return ADW_ENTRY_ROW (row);
}

static void
add_line_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  KhDecisionWindow *self = KH_DECISION_WINDOW (widget);
  AdwEntryRow *row;

  kh_decision_form_add_line (self->form);
  row = append_line_row (self);
  refresh (self);
  gtk_widget_grab_focus (GTK_WIDGET (row));
}

/* ---- the decision makers ---- */

/* The active makers with a title in the decision's language; the one
 * chosen stays chosen when it is still there. */
static void
fill_makers (KhDecisionWindow *self)
{
  g_clear_pointer (&self->makers, g_ptr_array_unref);
  self->makers = kh_document_form_fill_makers (self->maker_row, self->profile, self->form->language,
                                               self->form->maker_id);
}

/* ---- reading the widgets into the form ---- */

static void
read_form (KhDecisionWindow *self)
{
  KhDecisionForm *f = self->form;
  guint i;

  i = adw_combo_row_get_selected (self->case_row);
  f->case_id = i > 0 && i != GTK_INVALID_LIST_POSITION && i <= self->cases->len
               ? ((KhCase *) g_ptr_array_index (self->cases, i - 1))->id : 0;
  i = adw_combo_row_get_selected (self->outcome_row);
  f->outcome = i < G_N_ELEMENTS (outcomes) ? outcomes[i] : KH_DECISION_OUTCOME_NONE;
  kh_document_form_replace (&f->subject, kh_document_form_dup_entry ((self->subject_row)));
  kh_document_form_replace (&f->service, kh_document_form_dup_entry ((self->service_row)));
  for (i = 0; i < self->line_rows->len; i++)
    {
      AdwEntryRow *row = g_ptr_array_index (self->line_rows, i);
      g_autofree char *description = kh_document_form_dup_entry ((row));
      g_autofree char *amount = kh_document_form_dup_entry (line_amount (row));

      kh_decision_form_set_line (f, i, description, amount);
    }
  kh_document_form_replace (&f->period_start, kh_document_form_dup_entry ((self->period_start_row)));
  kh_document_form_replace (&f->period_end, kh_document_form_dup_entry ((self->period_end_row)));
  i = adw_combo_row_get_selected (self->payee_row);
  f->payee = i < G_N_ELEMENTS (payees) ? payees[i] : KH_PAYEE_CLIENT_ACCOUNT;
  kh_document_form_replace (&f->iban, kh_document_form_dup_entry ((self->iban_row)));
  kh_document_form_replace (&f->payee_name, kh_document_form_dup_entry ((self->payee_name_row)));
  kh_document_form_replace (&f->reasoning, dup_text_view (self->reasoning_view));
  kh_document_form_replace (&f->provisions, dup_text_view (self->provisions_view));
  f->departs_from_plan = gtk_switch_get_active (self->departs_switch);
  kh_document_form_replace (&f->plan_departure_reasons, dup_text_view (self->departure_view));
  f->maker_id = kh_document_form_selected_maker (self->maker_row, self->makers);
  kh_document_form_replace (&f->preparer_name, kh_document_form_dup_entry ((self->preparer_name_row)));
  kh_document_form_replace (&f->preparer_title, kh_document_form_dup_entry ((self->preparer_title_row)));
  kh_document_form_replace (&f->contact_name, kh_document_form_dup_entry ((self->contact_name_row)));
  kh_document_form_replace (&f->contact_title, kh_document_form_dup_entry ((self->contact_title_row)));
  kh_document_form_replace (&f->contact_phone, kh_document_form_dup_entry ((self->contact_phone_row)));
  kh_document_form_replace (&f->contact_email, kh_document_form_dup_entry ((self->contact_email_row)));
  kh_document_form_replace (&f->decision_date, kh_document_form_dup_entry ((self->decision_date_row)));
  kh_document_form_replace (&f->sent_date, kh_document_form_dup_entry ((self->sent_date_row)));
  f->delivery = kh_document_form_selected_delivery (self->delivery_row);
}

/* The texts the form fills in (the provisions, the titles), written back
 * after a change of kind or language. */
static void
write_defaults (KhDecisionWindow *self)
{
  self->filling = TRUE;
  set_text_view (self->provisions_view, self->form->provisions);
  kh_document_form_set_entry (self->preparer_title_row, self->form->preparer_title);
  kh_document_form_set_entry (self->contact_title_row, self->form->contact_title);
  self->filling = FALSE;
}

/* ---- showing the state ---- */

static GtkWidget *
field_widget (KhDecisionWindow *self,
              KhDecisionField   field)
{
  switch (field)
    {
    case KH_DECISION_FIELD_PROFILE: return GTK_WIDGET (self->profile_row);
    case KH_DECISION_FIELD_LANGUAGE: return GTK_WIDGET (self->language_row);
    case KH_DECISION_FIELD_PARTY: return GTK_WIDGET (self->party_row);
    case KH_DECISION_FIELD_OUTCOME: return GTK_WIDGET (self->outcome_row);
    case KH_DECISION_FIELD_SUBJECT: return GTK_WIDGET (self->subject_row);
    case KH_DECISION_FIELD_SERVICE: return GTK_WIDGET (self->service_row);
    case KH_DECISION_FIELD_AMOUNTS: return GTK_WIDGET (self->lines_list);
    case KH_DECISION_FIELD_PERIOD_START: return GTK_WIDGET (self->period_start_row);
    case KH_DECISION_FIELD_PERIOD_END: return GTK_WIDGET (self->period_end_row);
    case KH_DECISION_FIELD_PAYEE: return GTK_WIDGET (self->payee_row);
    case KH_DECISION_FIELD_IBAN: return GTK_WIDGET (self->iban_row);
    case KH_DECISION_FIELD_PAYEE_NAME: return GTK_WIDGET (self->payee_name_row);
    case KH_DECISION_FIELD_REASONING: return gtk_widget_get_parent (GTK_WIDGET (self->reasoning_view));
    case KH_DECISION_FIELD_PROVISIONS: return gtk_widget_get_parent (GTK_WIDGET (self->provisions_view));
    case KH_DECISION_FIELD_PLAN_DEPARTURE: return gtk_widget_get_parent (GTK_WIDGET (self->departure_view));
    case KH_DECISION_FIELD_MAKER: return GTK_WIDGET (self->maker_row);
    case KH_DECISION_FIELD_PREPARER: return GTK_WIDGET (self->preparer_title_row);
    case KH_DECISION_FIELD_CONTACT: return GTK_WIDGET (self->contact_email_row);
    case KH_DECISION_FIELD_DECISION_DATE: return GTK_WIDGET (self->decision_date_row);
    case KH_DECISION_FIELD_SENT_DATE: return GTK_WIDGET (self->sent_date_row);
    case KH_DECISION_N_FIELDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Where the focus goes for a field's problem: the text view itself, not
 * its frame. */
static GtkWidget *
focus_widget (KhDecisionWindow *self,
              KhDecisionField   field)
{
  switch (field)
    {
    case KH_DECISION_FIELD_REASONING: return GTK_WIDGET (self->reasoning_view);
    case KH_DECISION_FIELD_PROVISIONS: return GTK_WIDGET (self->provisions_view);
    case KH_DECISION_FIELD_PLAN_DEPARTURE: return GTK_WIDGET (self->departure_view);
    case KH_DECISION_FIELD_AMOUNTS:
      return self->line_rows->len > 0 ? g_ptr_array_index (self->line_rows, 0) : NULL;
    default:
      return field_widget (self, field);
    }
}

static void
show_total (KhDecisionWindow *self)
{
  gint64 total = 0;
  gboolean any = FALSE;

  for (guint i = 0; i < self->form->lines->len; i++)
    {
      const KhDecisionFormLine *line = g_ptr_array_index (self->form->lines, i);
      gint64 cents;

      if (line->amount != NULL && kh_money_parse (line->amount, &cents) == KH_MONEY_OK)
        {
          total += cents;
          any = TRUE;
        }
    }
  if (any)
    {
      g_autofree char *sum = kh_money_format (total, kh_form_rows_ui_language ());
      /* Translators: under the amount lines of a decision; %s is "1 502,40 €" */
      g_autofree char *text = g_strdup_printf (_("Total %s"), sum);

      gtk_label_set_text (self->total_label, text);
    }
  else
    gtk_label_set_text (self->total_label, "");
}

static void
show_last_day (KhDecisionWindow *self)
{
  g_autofree char *text = kh_decision_form_describe_last_day (self->form, kh_store_get_calendar (self->store));

  adw_action_row_set_subtitle (self->last_day_row,
                               text != NULL ? text
                               /* Translators: under the sending date of a decision, when it is not a date yet */
                               : _("The last day for a request for rectification is shown once the sending date is a date"));
}

static void
show_problems (KhDecisionWindow *self)
{
  KhDecisionFormCheck check;
  const char *profile_message;

  kh_decision_form_check (self->form, self->profile, self->show_all, &check);
  for (guint i = 0; i < KH_DECISION_N_FIELDS; i++)
    kh_field_message_set (field_widget (self, i), check.messages[i]);
  for (guint i = 0; i < self->line_rows->len && i < check.line_messages->len; i++)
    kh_field_message_set (g_ptr_array_index (self->line_rows, i),
                          g_ptr_array_index (check.line_messages, i));
  /* The unit's settings are not the worker's to fix here: the row says
   * where they are, shown whenever they are missing. */
  profile_message = check.messages[KH_DECISION_FIELD_PROFILE];
  gtk_widget_set_visible (GTK_WIDGET (self->profile_row), profile_message != NULL);
  kh_decision_form_check_clear (&check);
}

/* Which rows apply: a service names the service; income support that is
 * granted has its amounts, period and payee. */
static void
show_rows (KhDecisionWindow *self)
{
  const KhDecisionForm *f = self->form;
  gboolean grants = f->outcome == KH_DECISION_GRANTED || f->outcome == KH_DECISION_PARTLY_GRANTED;
  gboolean support = f->kind != KH_DECISION_SERVICE;

  gtk_widget_set_visible (GTK_WIDGET (self->service_row), grants && !support);
  gtk_widget_set_visible (self->support_group, grants && support);
  gtk_widget_set_visible (self->payment_group, grants && support);
  gtk_widget_set_visible (GTK_WIDGET (self->iban_row), f->payee == KH_PAYEE_CLIENT_ACCOUNT);
  gtk_widget_set_visible (GTK_WIDGET (self->payee_name_row), f->payee == KH_PAYEE_DIRECT);
  gtk_widget_set_visible (self->departure_box, f->departs_from_plan);
}

static void
refresh (KhDecisionWindow *self)
{
  if (self->profile == NULL)
    return;
  read_form (self);
  show_rows (self);
  show_total (self);
  show_last_day (self);
  show_problems (self);
}

static void
field_changed_cb (KhDecisionWindow *self)
{
  if (self->filling || self->profile == NULL)
    return;
  self->changed = TRUE;
  refresh (self);
}

static void
kind_changed_cb (KhDecisionWindow *self)
{
  guint i = adw_combo_row_get_selected (self->kind_row);

  if (self->filling || self->profile == NULL)
    return;
  read_form (self);
  kh_decision_form_set_kind (self->form, i < G_N_ELEMENTS (kinds) ? kinds[i] : KH_DECISION_SERVICE);
  write_defaults (self);
  field_changed_cb (self);
}

static void
language_changed_cb (KhDecisionWindow *self)
{
  guint i = adw_combo_row_get_selected (self->language_row);

  if (self->filling || self->profile == NULL)
    return;
  read_form (self);
  kh_decision_form_set_language (self->form, i < G_N_ELEMENTS (languages) ? languages[i] : "fi",
                                 self->profile);
  write_defaults (self);
  self->filling = TRUE;
  fill_makers (self);
  self->filling = FALSE;
  field_changed_cb (self);
}

/* ---- filling the form ---- */

static char *
dup_case_label (KhCase *kcase)
{
  g_autoptr(GString) label = g_string_new (NULL);

  if (kcase->opened_at != NULL)
    {
      g_autofree char *day = g_date_time_format (kcase->opened_at, "%-d.%-m.%Y");

      /* Translators: a case in the decision window's list; %s is the day it was opened */
      g_string_printf (label, _("Case opened %s"), day);
    }
  else
    g_string_assign (label, _("A case"));
  g_string_append_printf (label, " · %s", kh_case_status_label (kcase->status));
  if (kcase->assigned_to_name != NULL)
    g_string_append_printf (label, " · %s", kcase->assigned_to_name);
  return g_string_free (g_steal_pointer (&label), FALSE);
}

static void
fill_party (KhDecisionWindow *self)
{
  const KhDecisionForm *f = self->form;
  g_autofree char *masked = f->party_id != NULL && kh_hetu_validate (f->party_id, NULL, NULL, NULL) == KH_HETU_OK
                            ? kh_hetu_mask (f->party_id) : g_strdup (f->party_id);
  g_autoptr(GString) text = g_string_new (f->party_name);

  if (masked != NULL)
    g_string_append_printf (text, " · %s", masked);
  if (f->party_address != NULL)
    g_string_append_printf (text, "\n%s", f->party_address);
  else if (self->client->address_withheld)
    /* Translators: in the decision window, for a person with a non-disclosure marking */
    g_string_append_printf (text, "\n%s", _("The address is protected: show it on the person’s page to send the decision by post"));
  else
    /* Translators: in the decision window: the person has no address recorded */
    g_string_append_printf (text, "\n%s", _("No address recorded"));
  adw_action_row_set_subtitle (self->party_row, text->str);
}

static void
fill_language (KhDecisionWindow *self)
{
  const char *labels[] = { kh_language_label (KH_LANGUAGE_FI), kh_language_label (KH_LANGUAGE_SV) };
  g_autofree char *subtitle = NULL;

  kh_document_form_set_choices (self->language_row, labels, G_N_ELEMENTS (labels));
  adw_combo_row_set_selected (self->language_row, g_strcmp0 (self->form->language, "sv") == 0 ? 1 : 0);
  if (kh_decision_form_language_is_fallback (self->client->language))
    {
      const char *theirs = self->client->language == KH_LANGUAGE_OTHER && self->client->other_language != NULL
                           ? self->client->other_language
                           : self->client->language != 0 ? kh_language_label (self->client->language) : NULL;

      subtitle = theirs != NULL
                 /* Translators: under the decision's language; %s is the client's language ("Arabic") */
                 ? g_strdup_printf (_("The client’s language of service is %s: a decision is written in Finnish or Swedish, Finnish unless you choose Swedish"),
                                    theirs)
                 /* Translators: under the decision's language, when the client's is not recorded */
                 : g_strdup (_("The client’s language of service is not recorded: the decision is in Finnish unless you choose Swedish"));
    }
  else
    /* Translators: under the decision's language */
    subtitle = g_strdup (_("The client’s language of service; you may choose the other one"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->language_row), subtitle);
}

static void
fill_choices (KhDecisionWindow *self)
{
  const char *kind_labels[] = {
    /* Translators: what a decision is on */
    _("A social service"),
    /* Translators: what a decision is on (täydentävä toimeentulotuki) */
    _("Supplementary income support"),
    /* Translators: what a decision is on (ehkäisevä toimeentulotuki) */
    _("Preventive income support"),
  };
  const char *outcome_labels[] = {
    /* Translators: the first choice of a decision's outcome */
    _("Choose…"),
    /* Translators: a decision's outcome (myönnetään) */
    C_("decision outcome", "Granted"),
    /* Translators: a decision's outcome (myönnetään osittain) */
    C_("decision outcome", "Partly granted"),
    /* Translators: a decision's outcome (hylätään) */
    C_("decision outcome", "Refused"),
  };
  const char *payee_labels[] = {
    /* Translators: to whom income support is paid */
    _("To the client’s account"),
    /* Translators: to whom income support is paid */
    _("Directly to a landlord or service provider"),
  };
  g_autoptr(GtkStringList) cases = gtk_string_list_new (NULL);

  kh_document_form_set_choices (self->kind_row, kind_labels, G_N_ELEMENTS (kind_labels));
  kh_document_form_set_choices (self->outcome_row, outcome_labels, G_N_ELEMENTS (outcome_labels));
  kh_document_form_set_choices (self->payee_row, payee_labels, G_N_ELEMENTS (payee_labels));

  /* Translators: the first choice of the decision's case */
  gtk_string_list_append (cases, C_("decision form", "No case"));
  for (guint i = 0; i < self->cases->len; i++)
    {
      g_autofree char *label = dup_case_label (g_ptr_array_index (self->cases, i));

      gtk_string_list_append (cases, label);
    }
  adw_combo_row_set_model (self->case_row, G_LIST_MODEL (cases));
  kh_form_rows_show_whole_choices (self->case_row);
}

/* The widgets from the form, once the unit's settings are in. */
static void
fill_form (KhDecisionWindow *self)
{
  const KhDecisionForm *f = self->form;
  KhUser *user = kh_store_get_user (self->store);

  self->filling = TRUE;
  if (user != NULL)
    kh_decision_form_set_preparer (self->form, user->display_name, user->role, self->profile);

  fill_party (self);
  fill_language (self);
  fill_choices (self);
  fill_makers (self);
  adw_combo_row_set_selected (self->case_row, self->cases->len > 0 ? 1 : 0);
  adw_combo_row_set_selected (self->kind_row, kh_document_form_index_of ((const int *) kinds, G_N_ELEMENTS (kinds), f->kind));
  adw_combo_row_set_selected (self->outcome_row, kh_document_form_index_of ((const int *) outcomes, G_N_ELEMENTS (outcomes),
                                                           f->outcome));
  adw_combo_row_set_selected (self->payee_row, kh_document_form_index_of ((const int *) payees, G_N_ELEMENTS (payees), f->payee));
  kh_document_form_fill_deliveries (self->delivery_row, f->delivery);
  set_text_view (self->provisions_view, f->provisions);
  kh_document_form_set_entry (self->preparer_name_row, f->preparer_name);
  kh_document_form_set_entry (self->preparer_title_row, f->preparer_title);
  kh_document_form_set_entry (self->contact_name_row, f->contact_name);
  kh_document_form_set_entry (self->contact_title_row, f->contact_title);
  kh_document_form_set_entry (self->contact_phone_row, f->contact_phone);
  kh_document_form_set_entry (self->contact_email_row, f->contact_email);
  kh_document_form_set_entry (self->decision_date_row, f->decision_date);
  kh_document_form_set_entry (self->sent_date_row, f->sent_date);
  for (guint i = 0; i < f->lines->len; i++)
    append_line_row (self);
  self->filling = FALSE;

  gtk_stack_set_visible_child_name (self->stack, "form");
  refresh (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->subject_row));
}

static void
profile_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(KhDecisionWindow) self = user_data;

  /* Without them the form works, and its rows say what is missing. */
  self->profile = kh_document_form_profile_finish (object, result, self->toast_overlay);
  if (self->profile != NULL)
    fill_form (self);
}

/* ---- rendering ---- */

typedef struct {
  KhDecisionDraft *draft;
  KhCalendar      *calendar;
} Render;

static void
render_free (gpointer data)
{
  Render *render = data;

  kh_decision_draft_free (render->draft);
  kh_calendar_unref (render->calendar);
  g_free (render);
}

static Render *
render_new (KhDecisionWindow *self)
{
  Render *render = g_new0 (Render, 1);

  render->draft = kh_decision_form_build (self->form, self->profile);
  render->calendar = kh_calendar_ref (kh_store_get_calendar (self->store));
  return render;
}

/* The PDF of the decision with `number`/`year` (0: not yet given). Runs in
 * a worker thread: plain data only. */
static GBytes *
render_pdf (gpointer   data,
            int        number,
            int        year,
            GError   **error)
{
  Render *render = data;
  g_autoptr(KhDocument) doc = NULL;

  render->draft->content.number = number;
  render->draft->content.number_year = year;
  doc = kh_decision_build (&render->draft->content, render->calendar);
  if (render->draft->logo != NULL && !kh_document_set_logo (doc, render->draft->logo, error))
    return NULL;
  return kh_document_render_bytes (doc, error);
}

static void
set_busy (KhDecisionWindow *self,
          gboolean          busy)
{
  self->busy = busy;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "decision.preview", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "decision.issue", !busy);
}

static void
preview_finished (GtkWindow *owner)
{
  set_busy (KH_DECISION_WINDOW (owner), FALSE);
}

static void
preview_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  KhDecisionWindow *self = KH_DECISION_WINDOW (widget);
  g_autofree char *subtitle = NULL;

  if (self->profile == NULL || self->busy)
    return;
  refresh (self);
  set_busy (self, TRUE);
  /* Translators: the preview's subtitle: the party's name, then that it is not issued */
  subtitle = g_strdup_printf (_("%s · Not issued"), self->form->party_name != NULL ? self->form->party_name : "");
  kh_document_form_preview (GTK_WINDOW (self), self->toast_overlay, self->cancellable,
                            kh_document_form_job_new (render_pdf, render_new (self), render_free),
                            kh_decision_form_kind_title (self->form->kind, self->form->language), subtitle,
                            preview_finished);
}

/* ---- issuing ---- */

static void
issued_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(KhDecisionWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(KhIssuedDocument) document = NULL;

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
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
issue_now (KhDecisionWindow *self)
{
  g_autoptr(KhIssuedDocument) document = kh_decision_form_to_document (self->form, self->client->id);

  self->issuing = TRUE;
  set_busy (self, TRUE);
  /* Not cancelled when the window closes: once asked, the store finishes. */
  kh_store_issue_document_rendered_async (self->store, document, kh_document_form_job_render_issued,
                                          kh_document_form_job_new (render_pdf, render_new (self), render_free),
                                          kh_document_form_job_free, NULL, issued_cb, g_object_ref (self));
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     KhDecisionWindow *self)
{
  if (g_strcmp0 (response, "issue") == 0)
    issue_now (self);
}

static void
issue_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  KhDecisionWindow *self = KH_DECISION_WINDOW (widget);
  KhDecisionFormCheck check;
  guint n;

  if (self->profile == NULL || self->busy)
    return;
  self->show_all = TRUE;
  refresh (self);
  kh_decision_form_check (self->form, self->profile, TRUE, &check);
  n = check.n_problems;
  if (n > 0)
    {
      g_autofree char *text = NULL;
      GtkWidget *first = NULL;

      for (guint i = 0; i < KH_DECISION_N_FIELDS && first == NULL; i++)
        if (check.messages[i] != NULL && i != KH_DECISION_FIELD_PROFILE)
          first = focus_widget (self, i);
      for (guint i = 0; i < check.line_messages->len && first == NULL; i++)
        if (g_ptr_array_index (check.line_messages, i) != NULL)
          first = g_ptr_array_index (self->line_rows, i);
      kh_decision_form_check_clear (&check);
      if (first != NULL)
        gtk_widget_grab_focus (first);
      /* Translators: a toast when a decision cannot be issued yet */
      text = g_strdup_printf (ngettext ("%u thing to fix before issuing: see the marked field",
                                        "%u things to fix before issuing: see the marked fields", n), n);
      toast (self, text);
      return;
    }
  kh_decision_form_check_clear (&check);

  kh_document_form_ask_issue (GTK_WINDOW (self), _("Issue the Decision?"),
                              _("An issued decision cannot be changed; a correction is a new decision. "
                                "It gets the next number in the decision register."),
                              C_("decision", "_Issue"), G_CALLBACK (confirm_response_cb), self);
}

/* ---- closing ---- */

static void
discard_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     KhDecisionWindow *self)
{
  if (g_strcmp0 (response, "discard") != 0 || self->issuing)
    return;
  /* Closed once the dialog has finished answering: the dialog is
   * transient for this window and still closes itself after this. */
  self->closing = TRUE;
  kh_document_form_close_later (GTK_WINDOW (self));
}

static gboolean
kh_decision_window_close_request (GtkWindow *window)
{
  KhDecisionWindow *self = KH_DECISION_WINDOW (window);

  /* Issuing: the store answers and the window closes then. */
  if (self->issuing)
    return TRUE;
  if (self->changed && !self->closing)
    {
      kh_document_form_ask_discard (window, _("Discard the Decision?"),
                                    _("What you have written is kept nowhere until the decision is issued."),
                                    G_CALLBACK (discard_response_cb), self);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (kh_decision_window_parent_class)->close_request (window);
}

static void
kh_decision_window_dispose (GObject *object)
{
  KhDecisionWindow *self = KH_DECISION_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), KH_TYPE_DECISION_WINDOW);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->client);
  g_clear_pointer (&self->cases, g_ptr_array_unref);
  g_clear_pointer (&self->makers, g_ptr_array_unref);
  g_clear_pointer (&self->line_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (kh_decision_window_parent_class)->dispose (object);
}

static void
kh_decision_window_finalize (GObject *object)
{
  KhDecisionWindow *self = KH_DECISION_WINDOW (object);

  g_clear_pointer (&self->profile, kh_unit_profile_free);
  g_clear_pointer (&self->form, kh_decision_form_free);
  g_free (self->corrects_label);

  G_OBJECT_CLASS (kh_decision_window_parent_class)->finalize (object);
}

static void
kh_decision_window_class_init (KhDecisionWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = kh_decision_window_dispose;
  object_class->finalize = kh_decision_window_finalize;
  window_class->close_request = kh_decision_window_close_request;

  /* The document as the store kept it (a KhIssuedDocument, borrowed). */
  signals[SIGNAL_ISSUED] =
    g_signal_new ("issued", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/documents/kh-decision-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KhDecisionWindow, case_row);
  gtk_widget_class_bind_template_child (widget_class, KhDecisionWindow, contact_email_row);
  gtk_widget_class_bind_template_child (widget_class, KhDecisionWindow, contact_name_row);
  gtk_widget_class_bind_template_child (widget_class, KhDecisionWindow, contact_phone_row);
  gtk_widget_class_bind_template_child (widget_class, KhDecisionWindow, contact_title_row);
  gtk_widget_class_bind_template_child (widget_class, KhDecisionWindow, corrects_row);
  gtk_widget_class_bind_template_child (widget_class, KhDecisionWindow, decision_date_row);
  gtk_widget_class_bind_template_child (widget_class, KhDecisionWindow, delivery_row);
  gtk_widget_class_bind_template_child (widget_class, KhDecisionWindow, departs_row);
  gtk_widget_class_bind_template_child (widget_class, KhDecisionWindow, departs_switch);
  gtk_widget_class_bind_template_child (widget_class, KhDecisionWindow, departure_box);
  gtk_widget_class_bind_template_child (widget_class, KhDecisionWindow, departure_view);
  gtk_widget_class_bind_template_child (widget_class, KhDecisionWindow, iban_row);
  gtk_widget_class_bind_template_child (widget_class, KhDecisionWindow, issue_button);
  gtk_widget_class_bind_template_child (widget_class, KhDecisionWindow, kind_row);
  gtk_widget_class_bind_template_child (widget_class, KhDecisionWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, KhDecisionWindow, last_day_row);
  gtk_widget_class_bind_template_child (widget_class, KhDecisionWindow, lines_list);
  gtk_widget_class_bind_template_child (widget_class, KhDecisionWindow, maker_row);
  gtk_widget_class_bind_template_child (widget_class, KhDecisionWindow, outcome_row);
  gtk_widget_class_bind_template_child (widget_class, KhDecisionWindow, page);
  gtk_widget_class_bind_template_child (widget_class, KhDecisionWindow, party_row);
  gtk_widget_class_bind_template_child (widget_class, KhDecisionWindow, payee_name_row);
  gtk_widget_class_bind_template_child (widget_class, KhDecisionWindow, payee_row);
  gtk_widget_class_bind_template_child (widget_class, KhDecisionWindow, payment_group);
  gtk_widget_class_bind_template_child (widget_class, KhDecisionWindow, period_end_row);
  gtk_widget_class_bind_template_child (widget_class, KhDecisionWindow, period_start_row);
  gtk_widget_class_bind_template_child (widget_class, KhDecisionWindow, preparer_name_row);
  gtk_widget_class_bind_template_child (widget_class, KhDecisionWindow, preparer_title_row);
  gtk_widget_class_bind_template_child (widget_class, KhDecisionWindow, preview_button);
  gtk_widget_class_bind_template_child (widget_class, KhDecisionWindow, profile_row);
  gtk_widget_class_bind_template_child (widget_class, KhDecisionWindow, provisions_view);
  gtk_widget_class_bind_template_child (widget_class, KhDecisionWindow, reasoning_view);
  gtk_widget_class_bind_template_child (widget_class, KhDecisionWindow, sent_date_row);
  gtk_widget_class_bind_template_child (widget_class, KhDecisionWindow, service_row);
  gtk_widget_class_bind_template_child (widget_class, KhDecisionWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, KhDecisionWindow, subject_row);
  gtk_widget_class_bind_template_child (widget_class, KhDecisionWindow, support_group);
  gtk_widget_class_bind_template_child (widget_class, KhDecisionWindow, title);
  gtk_widget_class_bind_template_child (widget_class, KhDecisionWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KhDecisionWindow, total_label);

  gtk_widget_class_install_action (widget_class, "decision.preview", NULL, preview_action);
  gtk_widget_class_install_action (widget_class, "decision.issue", NULL, issue_action);
  gtk_widget_class_install_action (widget_class, "decision.add-line", NULL, add_line_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "decision.issue", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "decision.preview", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
kh_decision_window_init (KhDecisionWindow *self)
{
  kh_field_message_ensure_style ();
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->line_rows = g_ptr_array_new ();
  self->cases = g_ptr_array_new_with_free_func (g_object_unref);

  {
    GtkWidget *entries[] = {
      GTK_WIDGET (self->subject_row), GTK_WIDGET (self->service_row), GTK_WIDGET (self->period_start_row),
      GTK_WIDGET (self->period_end_row), GTK_WIDGET (self->iban_row), GTK_WIDGET (self->payee_name_row),
      GTK_WIDGET (self->preparer_name_row), GTK_WIDGET (self->preparer_title_row),
      GTK_WIDGET (self->contact_name_row), GTK_WIDGET (self->contact_title_row),
      GTK_WIDGET (self->contact_phone_row), GTK_WIDGET (self->contact_email_row),
      GTK_WIDGET (self->decision_date_row), GTK_WIDGET (self->sent_date_row),
    };
    GtkWidget *combos[] = {
      GTK_WIDGET (self->case_row), GTK_WIDGET (self->outcome_row), GTK_WIDGET (self->payee_row),
      GTK_WIDGET (self->maker_row), GTK_WIDGET (self->delivery_row),
    };
    GtkTextView *views[] = { self->reasoning_view, self->provisions_view, self->departure_view };

    for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
      g_signal_connect_object (entries[i], "changed", G_CALLBACK (field_changed_cb), self, G_CONNECT_SWAPPED);
    for (guint i = 0; i < G_N_ELEMENTS (combos); i++)
      g_signal_connect_object (combos[i], "notify::selected", G_CALLBACK (field_changed_cb), self,
                               G_CONNECT_SWAPPED);
    for (guint i = 0; i < G_N_ELEMENTS (views); i++)
      g_signal_connect_object (gtk_text_view_get_buffer (views[i]), "changed", G_CALLBACK (field_changed_cb),
                               self, G_CONNECT_SWAPPED);
  }
  g_signal_connect_object (self->kind_row, "notify::selected", G_CALLBACK (kind_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->language_row, "notify::selected", G_CALLBACK (language_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->departs_switch, "notify::active", G_CALLBACK (field_changed_cb), self,
                           G_CONNECT_SWAPPED);
  /* The text views are named by their groups' titles. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->reasoning_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reasons"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->provisions_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Provisions Applied"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->departure_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reasons for departing from the client plan"), -1);
  kh_accessible_fix_mnemonics (GTK_WIDGET (self));
  kh_combo_keys_attach_all (GTK_WIDGET (self));
}

gboolean
kh_decision_window_may_open (KhStore *store)
{
  KhUser *user;

  g_return_val_if_fail (KH_IS_STORE (store), FALSE);

  user = kh_store_get_user (store);
  return user != NULL && kh_document_may_issue (user->role, KH_DOCUMENT_DECISION);
}

GtkWidget *
kh_decision_window_new (KhStore   *store,
                        GtkWindow *parent,
                        KhClient  *client,
                        KhClient  *address_client,
                        GPtrArray *cases)
{
  KhDecisionWindow *self;
  KhClient *where;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *name = NULL;
  GDate today;

  g_return_val_if_fail (KH_IS_STORE (store), NULL);
  g_return_val_if_fail (KH_IS_CLIENT (client), NULL);
  g_return_val_if_fail (address_client == NULL || KH_IS_CLIENT (address_client), NULL);

  self = g_object_new (KH_TYPE_DECISION_WINDOW, NULL);
  self->store = g_object_ref (store);
  self->client = g_object_ref (client);
  for (guint i = 0; cases != NULL && i < cases->len; i++)
    {
      KhCase *kcase = g_ptr_array_index (cases, i);

      if (kcase->status != KH_CASE_CLOSED)
        g_ptr_array_add (self->cases, g_object_ref (kcase));
    }

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  self->form = kh_decision_form_new (&today);
  kh_decision_form_set_language (self->form, kh_decision_form_language_for (client->language), NULL);
  where = address_client != NULL && address_client->id == client->id && !address_client->address_withheld
          ? address_client : client;
  kh_decision_form_set_party (self->form, client->last_name, client->first_names,
                              client->identity_kind == KH_IDENTITY_CODE ? client->identity_code : NULL,
                              client->birth_date,
                              where->address_withheld ? NULL : where->address,
                              where->address_withheld ? NULL : where->postal_code,
                              where->address_withheld ? NULL : where->city);

  name = kh_client_dup_display_name (client);
  adw_window_title_set_subtitle (self->title, name);
  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (self), parent);
      gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
    }
  kh_store_get_unit_profile_async (store, self->cancellable, profile_loaded_cb, g_object_ref (self));
  return GTK_WIDGET (self);
}

void
kh_decision_window_set_corrects (KhDecisionWindow *self,
                                 gint64            document_id,
                                 const char       *label)
{
  g_return_if_fail (KH_IS_DECISION_WINDOW (self));
  g_return_if_fail (document_id > 0);

  self->form->corrects_id = document_id;
  g_free (self->form->corrects_number);
  self->form->corrects_number = g_strdup (label);
  g_free (self->corrects_label);
  /* Translators: the corrected decision's register number, "12/2026" */
  self->corrects_label = label != NULL ? g_strdup_printf (_("Decision %s"), label) : NULL;
  adw_action_row_set_subtitle (self->corrects_row, self->corrects_label != NULL ? self->corrects_label : "");
  gtk_widget_set_visible (GTK_WIDGET (self->corrects_row), TRUE);
  gtk_window_set_title (GTK_WINDOW (self), _("Correcting Decision"));
  adw_window_title_set_title (self->title, _("Correcting Decision"));
}

const KhDecisionForm *
kh_decision_window_get_form (KhDecisionWindow *self)
{
  g_return_val_if_fail (KH_IS_DECISION_WINDOW (self), NULL);

  return self->form;
}

gboolean
kh_decision_window_is_ready (KhDecisionWindow *self)
{
  g_return_val_if_fail (KH_IS_DECISION_WINDOW (self), FALSE);

  return self->profile != NULL;
}
