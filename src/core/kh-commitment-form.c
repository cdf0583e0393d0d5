/* kh-commitment-form.c — a payment commitment as the worker types it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 8, item 3. The typed text is judged here and by the store with
 * the same rules (kh_commitment_terms_check in kh-document-kind.c): what
 * the window says at a field is what the store would refuse.
 */
#define G_LOG_DOMAIN "kohtaamo-core"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "kh-commitment-form.h"
#include "kh-decision-form.h"
#include "kh-money.h"
#include "kh-text.h"

KhCommitmentForm *
kh_commitment_form_new (const GDate *today)
{
  KhCommitmentForm *form = g_new0 (KhCommitmentForm, 1);
  GDate until;

  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  form->language = g_strdup ("fi");
  form->delivery = KH_DOCUMENT_DELIVERY_LETTER;
  g_date_clear (&form->decision_date, 1);
  form->date = *today;
  /* A month: 7.12.2026–6.1.2027. */
  until = *today;
  g_date_add_months (&until, 1);
  g_date_subtract_days (&until, 1);
  form->valid_from = kh_date_format_dmy (today);
  form->valid_until = kh_date_format_dmy (&until);
  return form;
}

void
kh_commitment_form_free (KhCommitmentForm *form)
{
  if (form == NULL)
    return;
  g_free (form->client_name);
  g_free (form->client_code);
  g_free (form->language);
  g_free (form->payee_name);
  g_free (form->payee_address);
  g_free (form->covers);
  g_free (form->amount);
  g_free (form->valid_from);
  g_free (form->valid_until);
  g_free (form->invoice_address);
  g_free (form->contact_name);
  g_free (form->contact_title);
  g_free (form->contact_phone);
  g_free (form->contact_email);
  g_free (form);
}

KhCommitmentForm *
kh_commitment_form_copy (const KhCommitmentForm *form)
{
  KhCommitmentForm *copy;

  g_return_val_if_fail (form != NULL, NULL);

  copy = g_memdup2 (form, sizeof *form);
  copy->client_name = g_strdup (form->client_name);
  copy->client_code = g_strdup (form->client_code);
  copy->language = g_strdup (form->language);
  copy->payee_name = g_strdup (form->payee_name);
  copy->payee_address = g_strdup (form->payee_address);
  copy->covers = g_strdup (form->covers);
  copy->amount = g_strdup (form->amount);
  copy->valid_from = g_strdup (form->valid_from);
  copy->valid_until = g_strdup (form->valid_until);
  copy->invoice_address = g_strdup (form->invoice_address);
  copy->contact_name = g_strdup (form->contact_name);
  copy->contact_title = g_strdup (form->contact_title);
  copy->contact_phone = g_strdup (form->contact_phone);
  copy->contact_email = g_strdup (form->contact_email);
  return copy;
}

void
kh_commitment_form_set_decision (KhCommitmentForm *form,
                                 gint64            decision_id,
                                 guint             number,
                                 guint             year,
                                 const GDate      *date,
                                 gint64            case_id)
{
  g_return_if_fail (form != NULL);

  form->decision_id = decision_id;
  form->decision_number = number;
  form->decision_year = year;
  g_date_clear (&form->decision_date, 1);
  if (date != NULL && g_date_valid (date))
    form->decision_date = *date;
  form->case_id = case_id;
}

void
kh_commitment_form_set_contact (KhCommitmentForm    *form,
                                const char          *name,
                                KhRole               role,
                                const KhUnitProfile *profile)
{
  const char *title, *phone, *email;

  g_return_if_fail (form != NULL);

  kh_decision_form_contact_for (profile, name, role, form->language, &title, &phone, &email);
  form->contact_role = role;
  g_free (form->contact_name);
  g_free (form->contact_title);
  g_free (form->contact_phone);
  g_free (form->contact_email);
  form->contact_name = g_strdup (name);
  form->contact_title = g_strdup (title);
  form->contact_phone = g_strdup (phone);
  form->contact_email = g_strdup (email);
}

void
kh_commitment_form_set_language (KhCommitmentForm    *form,
                                 const char          *language,
                                 const KhUnitProfile *profile)
{
  const char *old_title, *new_title, *phone, *email;

  g_return_if_fail (form != NULL);

  language = g_strcmp0 (language, "sv") == 0 ? "sv" : "fi";
  if (g_strcmp0 (form->language, language) == 0)
    return;
  kh_decision_form_contact_for (profile, form->contact_name, form->contact_role, form->language,
                                &old_title, &phone, &email);
  kh_decision_form_contact_for (profile, form->contact_name, form->contact_role, language,
                                &new_title, &phone, &email);
  /* A title is in one language only; one the worker typed stays. */
  if (form->contact_title == NULL || g_strcmp0 (form->contact_title, old_title) == 0)
    {
      g_free (form->contact_title);
      form->contact_title = g_strdup (new_title);
    }
  g_free (form->language);
  form->language = g_strdup (language);
}

/* ---- the check ---- */

static void
set_message (KhCommitmentFormCheck *out,
             KhCommitmentField      field,
             const char            *message)
{
  if (message == NULL || out->messages[field] != NULL)
    return;
  out->messages[field] = message;
  out->n_problems++;
}

/* A text that is too long or has characters nobody sees: the check's
 * message without the field's name (the field is where it is shown).
 * The message is interned, so that the check holds no memory. */
static const char *
text_message (const char *text,
              KhTextKind  kind,
              guint       max_chars)
{
  g_autoptr(GError) error = NULL;

  if (kh_text_check_field (NULL, text, kind, max_chars, &error))
    return NULL;
  return g_intern_string (error->message);
}

static void
check_typed (const KhCommitmentForm *f,
             KhCommitmentFormCheck  *out)
{
  GDate from, until, last;

  set_message (out, KH_COMMITMENT_FIELD_PAYEE_NAME,
               text_message (f->payee_name, KH_TEXT_LINE, KH_COMMITMENT_PAYEE_MAX));
  set_message (out, KH_COMMITMENT_FIELD_PAYEE_ADDRESS,
               text_message (f->payee_address, KH_TEXT_NOTE, KH_COMMITMENT_ADDRESS_MAX));
  set_message (out, KH_COMMITMENT_FIELD_COVERS, text_message (f->covers, KH_TEXT_NOTE, KH_COMMITMENT_COVERS_MAX));
  set_message (out, KH_COMMITMENT_FIELD_INVOICE,
               text_message (f->invoice_address, KH_TEXT_NOTE, KH_COMMITMENT_ADDRESS_MAX));
  if (kh_text_filled (f->amount))
    {
      gint64 cents = 0;
      KhMoneyStatus status = kh_money_parse (f->amount, &cents);

      if (status != KH_MONEY_OK)
        set_message (out, KH_COMMITMENT_FIELD_AMOUNT, kh_money_status_message (status));
      else if (cents == 0)
        /* Translators: under the maximum amount of a payment commitment */
        set_message (out, KH_COMMITMENT_FIELD_AMOUNT, _("The amount must be greater than zero"));
      else if (cents > KH_COMMITMENT_MAX_CENTS)
        /* Translators: under the maximum amount of a payment commitment */
        set_message (out, KH_COMMITMENT_FIELD_AMOUNT, _("A payment commitment is for at most 100 000,00 €"));
    }
  set_message (out, KH_COMMITMENT_FIELD_VALID_FROM, kh_date_field_message (f->valid_from));
  set_message (out, KH_COMMITMENT_FIELD_VALID_UNTIL, kh_date_field_message (f->valid_until));
  if (kh_date_parse_field (f->valid_from, &from) && kh_date_parse_field (f->valid_until, &until))
    {
      kh_commitment_last_valid_day (&from, &last);
      if (g_date_compare (&until, &from) < 0)
        /* Translators: under the last day of a payment commitment's validity */
        set_message (out, KH_COMMITMENT_FIELD_VALID_UNTIL, _("The last day cannot be before the first day"));
      else if (g_date_compare (&until, &last) > 0)
        /* Translators: under the last day of a payment commitment's validity */
        set_message (out, KH_COMMITMENT_FIELD_VALID_UNTIL, _("A payment commitment is valid for a year at most"));
    }
}

static gboolean
maker_usable (const KhCommitmentForm *f,
              const KhUnitProfile    *profile)
{
  const KhDecisionMaker *maker = profile != NULL && f->maker_id != 0
                                 ? kh_unit_profile_find_decision_maker (profile, f->maker_id) : NULL;
  KhLanguage language = g_strcmp0 (f->language, "sv") == 0 ? KH_LANGUAGE_SV : KH_LANGUAGE_FI;

  return maker != NULL && maker->active && kh_decision_maker_get_title (maker, language) != NULL;
}

void
kh_commitment_form_check (const KhCommitmentForm *form,
                          const KhUnitProfile    *profile,
                          gboolean                complete,
                          KhCommitmentFormCheck  *out)
{
  const KhCommitmentForm *f = form;

  g_return_if_fail (form != NULL && out != NULL);

  memset (out, 0, sizeof *out);
  check_typed (f, out);
  if (!complete)
    return;

  if (profile == NULL)
    /* Translators: in the payment commitment window, before the unit's settings are read */
    set_message (out, KH_COMMITMENT_FIELD_PROFILE, _("The unit’s document settings are not read yet"));
  else
    {
      KhLanguage language = g_strcmp0 (f->language, "sv") == 0 ? KH_LANGUAGE_SV : KH_LANGUAGE_FI;
      g_autoptr(GPtrArray) missing = kh_unit_profile_check (profile, language, KH_UNIT_PROFILE_FOR_LETTER);

      if (missing->len > 0)
        set_message (out, KH_COMMITMENT_FIELD_PROFILE, g_intern_string (g_ptr_array_index (missing, 0)));
    }
  if (f->decision_id <= 0)
    /* Translators: in the payment commitment window */
    set_message (out, KH_COMMITMENT_FIELD_DECISION, _("A payment commitment is made from an issued decision that grants it"));
  if (!kh_text_filled (f->payee_name))
    /* Translators: under the payee's name of a payment commitment */
    set_message (out, KH_COMMITMENT_FIELD_PAYEE_NAME, _("Enter the payee: a pharmacy, a landlord or a service provider"));
  if (!kh_text_filled (f->payee_address))
    /* Translators: under the payee's address of a payment commitment */
    set_message (out, KH_COMMITMENT_FIELD_PAYEE_ADDRESS, _("Enter the payee’s postal address"));
  if (!kh_text_filled (f->covers))
    /* Translators: under what a payment commitment covers */
    set_message (out, KH_COMMITMENT_FIELD_COVERS, _("Say what the payment commitment covers"));
  if (!kh_text_filled (f->amount))
    /* Translators: under the maximum amount of a payment commitment */
    set_message (out, KH_COMMITMENT_FIELD_AMOUNT, _("Enter the most we pay, e.g. 250,00"));
  if (!kh_text_filled (f->valid_from))
    /* Translators: under a date field of a payment commitment */
    set_message (out, KH_COMMITMENT_FIELD_VALID_FROM, _("Enter the first day of validity"));
  if (!kh_text_filled (f->valid_until))
    /* Translators: under a date field of a payment commitment */
    set_message (out, KH_COMMITMENT_FIELD_VALID_UNTIL, _("Enter the last day of validity"));
  if (!kh_text_filled (f->invoice_address))
    /* Translators: under where the invoice of a payment commitment goes */
    set_message (out, KH_COMMITMENT_FIELD_INVOICE, _("Say where the payee sends the invoice"));
  if (!maker_usable (f, profile))
    /* Translators: under the decision maker of a payment commitment */
    set_message (out, KH_COMMITMENT_FIELD_MAKER, _("Choose the decision maker who signs the payment commitment"));
  if (!kh_text_filled (f->contact_name) || (!kh_text_filled (f->contact_phone) && !kh_text_filled (f->contact_email)))
    /* Translators: under the contact person of a payment commitment */
    set_message (out, KH_COMMITMENT_FIELD_CONTACT, _("Name the contact person, with a phone number or an e-mail address"));
}

/* ---- what is issued ---- */

char *
kh_commitment_form_decision_label (const KhCommitmentForm *form)
{
  g_autofree char *number = NULL;
  g_autofree char *day = NULL;

  g_return_val_if_fail (form != NULL, NULL);

  if (form->decision_id <= 0 || form->decision_number == 0)
    return NULL;
  number = kh_decision_number_format (form->decision_number, form->decision_year);
  if (!g_date_valid (&form->decision_date))
    return g_steal_pointer (&number);
  /* The same in Finnish and Swedish: the row's label says "Päätös" /
   * "Beslut". */
  day = kh_date_format_dmy (&form->decision_date);
  return g_strdup_printf ("%s, %s", number, day);
}

KhIssuedDocument *
kh_commitment_form_to_document (const KhCommitmentForm *form,
                                gint64                  client_id)
{
  KhIssuedDocument *document;

  g_return_val_if_fail (form != NULL, NULL);

  document = kh_issued_document_new ();
  document->client_id = client_id;
  document->case_id = form->case_id;
  document->kind = KH_DOCUMENT_PAYMENT_COMMITMENT;
  document->language = g_strdup (form->language);
  document->title = g_strdup (kh_document_kind_label_in (KH_DOCUMENT_PAYMENT_COMMITMENT, form->language));
  document->sent_on = form->date;
  document->delivery = form->delivery;
  document->decision_id = form->decision_id;
  document->payee = kh_text_clean (form->payee_name);
  if (kh_text_filled (form->amount) && kh_money_parse (form->amount, &document->max_cents) != KH_MONEY_OK)
    document->max_cents = 0;
  kh_date_parse_field (form->valid_from, &document->valid_from);
  kh_date_parse_field (form->valid_until, &document->valid_until);
  return document;
}
