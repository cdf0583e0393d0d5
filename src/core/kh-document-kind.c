/* kh-document-kind.c — what an issued document is (issue 8, 5)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kohtaamo-core"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "kh-document-kind.h"
#include "kh-enum-table.h"
#include "kh-text.h"

/* The names the timeline and the log show, and that a document's own text
 * may use in the client's language. */
static const KhEnumEntry kinds[] = {
  ROW_C (KH_DOCUMENT_INVITATION,         "invitation",         "document", NC_("document", "Invitation")),
  /* Translators: a letter sent when the person could not be reached by phone. */
  ROW_C (KH_DOCUMENT_COULD_NOT_REACH,    "could-not-reach",    "document", NC_("document", "Letter after no answer")),
  /* Translators: the summary of the service-need assessment (palvelutarpeen arviointi, SHL 37 §). */
  ROW_C (KH_DOCUMENT_ASSESSMENT_SUMMARY, "assessment-summary", "document", NC_("document", "Assessment summary")),
  /* Translators: maksusitoumus / betalningsförbindelse. */
  ROW_C (KH_DOCUMENT_PAYMENT_COMMITMENT, "payment-commitment", "document", NC_("document", "Payment commitment")),
  /* Translators: an administrative decision, päätös / beslut. */
  ROW_C (KH_DOCUMENT_DECISION,           "decision",           "document", NC_("document", "Decision")),
  /* Translators: asiakassuunnitelma / klientplan (SHL 39 §). */
  ROW_C (KH_DOCUMENT_CLIENT_PLAN,        "client-plan",        "document", NC_("document", "Client plan")),
  END
};

static const KhEnumEntry deliveries[] = {
  ROW_C (KH_DOCUMENT_DELIVERY_LETTER,     "letter",     "delivery", NC_("delivery", "By post")),
  ROW_C (KH_DOCUMENT_DELIVERY_ELECTRONIC, "electronic", "delivery", NC_("delivery", "Electronically")),
  ROW_C (KH_DOCUMENT_DELIVERY_HANDED,     "handed",     "delivery", NC_("delivery", "Handed over")),
  END
};

const char *
kh_document_kind_key (KhDocumentKind kind)
{
  return kh_enum_table_key (kinds, kind);
}

KhDocumentKind
kh_document_kind_from_key (const char *key)
{
  return kh_enum_table_value (kinds, key);
}

const char *
kh_document_kind_label (KhDocumentKind kind)
{
  return kh_enum_table_label (kinds, kind);
}

const char *
kh_document_kind_label_in (KhDocumentKind  kind,
                           const char     *language)
{
  return kh_enum_table_label_in (kinds, kind, language);
}

const char *
kh_document_delivery_key (KhDocumentDelivery delivery)
{
  return kh_enum_table_key (deliveries, delivery);
}

KhDocumentDelivery
kh_document_delivery_from_key (const char *key)
{
  return kh_enum_table_value (deliveries, key);
}

const char *
kh_document_delivery_label (KhDocumentDelivery delivery)
{
  return kh_enum_table_label (deliveries, delivery);
}

gboolean
kh_document_may_issue (KhRole          role,
                       KhDocumentKind  kind)
{
  if (kh_document_kind_key (kind) == NULL)
    return FALSE;
  switch (role)
    {
    case KH_ROLE_SOCIAL_WORKER:
    case KH_ROLE_LEAD:
      return TRUE;
    case KH_ROLE_COUNSELLOR:
      return kind != KH_DOCUMENT_DECISION && kind != KH_DOCUMENT_PAYMENT_COMMITMENT;
    case KH_ROLE_RECEPTION:
    case KH_ROLE_ADMIN:
    default:
      return FALSE;
    }
}

KhIssuedDocument *
kh_issued_document_new (void)
{
  KhIssuedDocument *document = g_new0 (KhIssuedDocument, 1);

  g_date_clear (&document->sent_on, 1);
  g_date_clear (&document->valid_from, 1);
  g_date_clear (&document->valid_until, 1);
  return document;
}

void
kh_issued_document_free (KhIssuedDocument *document)
{
  if (document == NULL)
    return;
  g_free (document->language);
  g_free (document->title);
  g_clear_pointer (&document->issued_at, g_date_time_unref);
  g_free (document->issued_by_name);
  g_clear_pointer (&document->pdf, g_bytes_unref);
  g_free (document->sha256);
  g_free (document->payee);
  g_free (document);
}

KhIssuedDocument *
kh_issued_document_copy (const KhIssuedDocument *document)
{
  KhIssuedDocument *copy;

  g_return_val_if_fail (document != NULL, NULL);

  copy = g_memdup2 (document, sizeof *document);
  copy->language = g_strdup (document->language);
  copy->title = g_strdup (document->title);
  copy->issued_at = document->issued_at != NULL ? g_date_time_ref (document->issued_at) : NULL;
  copy->issued_by_name = g_strdup (document->issued_by_name);
  copy->pdf = document->pdf != NULL ? g_bytes_ref (document->pdf) : NULL;
  copy->sha256 = g_strdup (document->sha256);
  copy->payee = g_strdup (document->payee);
  return copy;
}

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, message);
  return FALSE;
}

gboolean
kh_issued_document_check (const KhIssuedDocument  *document,
                          GError                 **error)
{
  g_autoptr(GError) text_error = NULL;
  g_autofree char *title = NULL;
  const guint8 *data;
  gsize size = 0;

  g_return_val_if_fail (document != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (kh_document_kind_key (document->kind) == NULL)
    return invalid (error, _("The kind of the document is not one Kohtaamo knows."));
  if (g_strcmp0 (document->language, "fi") != 0 && g_strcmp0 (document->language, "sv") != 0)
    return invalid (error, _("A document is written in Finnish or in Swedish."));
  title = g_strstrip (g_strdup (document->title != NULL ? document->title : ""));
  if (title[0] == '\0')
    return invalid (error, _("The document has no title."));
  /* Translators: the name of a document's field, as the start of a message about it */
  if (!kh_text_check_field (C_("field", "Title"), title, KH_TEXT_LINE, KH_DOCUMENT_TITLE_MAX,
                            &text_error))
    return invalid (error, text_error->message);
  if (!g_date_valid (&document->sent_on))
    return invalid (error, _("The document has no date of sending."));
  if (kh_document_delivery_key (document->delivery) == NULL)
    return invalid (error, _("The document has no way of delivery: by post, electronically or handed over."));
  if (document->grants && document->kind != KH_DOCUMENT_DECISION)
    return invalid (error, _("Only a decision grants a service or income support."));
  if (document->kind == KH_DOCUMENT_PAYMENT_COMMITMENT)
    {
      if (document->decision_id <= 0)
        return invalid (error, _("A payment commitment rests on an issued decision that grants it."));
      if (!kh_commitment_terms_check (document->payee, document->max_cents, &document->valid_from,
                                      &document->valid_until, error))
        return FALSE;
    }
  else if (document->decision_id != 0 || document->payee != NULL || document->max_cents != 0
           || g_date_valid (&document->valid_from) || g_date_valid (&document->valid_until))
    return invalid (error, _("Only a payment commitment rests on a decision and has a payee, an amount and a period of validity."));
  if ((document->disclosed_to != 0) != (document->consent_id != 0))
    return invalid (error, _("A document given to a partner agency names the agency and the client's consent it rests on."));
  if (document->disclosed_to != 0 && document->kind != KH_DOCUMENT_CLIENT_PLAN)
    return invalid (error, _("Only the client plan is given to a partner agency."));
  if (document->appointment_id != 0 && document->kind != KH_DOCUMENT_INVITATION)
    return invalid (error, _("Only an invitation names the meeting it invites to."));
  data = document->pdf != NULL ? g_bytes_get_data (document->pdf, &size) : NULL;
  if (size < 5 || memcmp (data, "%PDF-", 5) != 0)
    return invalid (error, _("The document has no PDF to issue."));
  return TRUE;
}

void
kh_commitment_last_valid_day (const GDate *from,
                              GDate       *out)
{
  g_return_if_fail (from != NULL && g_date_valid (from));
  g_return_if_fail (out != NULL);

  *out = *from;
  g_date_add_years (out, 1);
  g_date_subtract_days (out, 1);
}

gboolean
kh_commitment_terms_check (const char   *payee,
                           gint64        max_cents,
                           const GDate  *valid_from,
                           const GDate  *valid_until,
                           GError      **error)
{
  g_autoptr(GError) text_error = NULL;
  g_autofree char *name = g_strstrip (g_strdup (payee != NULL ? payee : ""));
  GDate last;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (name[0] == '\0')
    return invalid (error, _("A payment commitment names its payee."));
  /* Translators: the name of a document's field, as the start of a message about it */
  if (!kh_text_check_field (C_("field", "Payee"), name, KH_TEXT_LINE, KH_COMMITMENT_PAYEE_MAX, &text_error))
    return invalid (error, text_error->message);
  if (max_cents <= 0)
    return invalid (error, _("A payment commitment's maximum amount is more than zero."));
  if (max_cents > KH_COMMITMENT_MAX_CENTS)
    return invalid (error, _("A payment commitment's maximum amount is at most 100 000,00 €."));
  if (valid_from == NULL || !g_date_valid (valid_from) || valid_until == NULL || !g_date_valid (valid_until))
    return invalid (error, _("A payment commitment has the first and the last day of its validity."));
  if (g_date_compare (valid_until, valid_from) < 0)
    return invalid (error, _("A payment commitment's last day of validity is not before its first."));
  kh_commitment_last_valid_day (valid_from, &last);
  if (g_date_compare (valid_until, &last) > 0)
    return invalid (error, _("A payment commitment is valid for a year at most."));
  return TRUE;
}

char *
kh_document_sha256 (GBytes *pdf)
{
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (pdf, &size);

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, size);
}

char *
kh_issued_document_file_name (const KhIssuedDocument *document)
{
  g_return_val_if_fail (document != NULL, NULL);

  if (document->kind == KH_DOCUMENT_DECISION && document->register_number > 0)
    return g_strdup_printf ("decision-%04d-%04d.pdf", document->register_year,
                            document->register_number);
  if (document->kind == KH_DOCUMENT_PAYMENT_COMMITMENT && document->register_number > 0)
    return g_strdup_printf ("payment-commitment-%04d-%04d.pdf", document->register_year,
                            document->register_number);
  return g_strdup_printf ("document-%" G_GINT64_FORMAT ".pdf", document->id);
}
