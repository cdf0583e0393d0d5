/* kh-document-form.c — what the decision and payment commitment windows share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kohtaamo-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kh-text.h"
#include "ui/common/kh-form-rows.h"
#include "kh-document-form.h"
#include "kh-document-window.h"

void
kh_document_form_set_choices (AdwComboRow  *row,
                              const char  **labels,
                              guint         n)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, labels[i]);
  adw_combo_row_set_model (row, G_LIST_MODEL (list));
  kh_form_rows_show_whole_choices (row);
}

guint
kh_document_form_index_of (const int *values,
                           guint      n,
                           int        value)
{
  for (guint i = 0; i < n; i++)
    if (values[i] == value)
      return i;
  return 0;
}

char *
kh_document_form_dup_entry (gpointer editable)
{
  return kh_text_clean (gtk_editable_get_text (GTK_EDITABLE (editable)));
}

void
kh_document_form_set_entry (gpointer    editable,
                            const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text != NULL ? text : "");
}

void
kh_document_form_replace (char **field,
                          char  *text)
{
  g_free (*field);
  *field = text;
}

GPtrArray *
kh_document_form_fill_makers (AdwComboRow         *row,
                              const KhUnitProfile *profile,
                              const char          *language,
                              guint                selected_id)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  KhLanguage lang = g_strcmp0 (language, "sv") == 0 ? KH_LANGUAGE_SV : KH_LANGUAGE_FI;
  GPtrArray *makers = profile != NULL ? kh_unit_profile_list_decision_makers (profile, lang)
                                      : g_ptr_array_new ();
  guint selected = 0;

  /* Translators: the first choice of the decision maker */
  gtk_string_list_append (labels, _("Choose…"));
  for (guint i = 0; i < makers->len; i++)
    {
      KhDecisionMaker *maker = g_ptr_array_index (makers, i);
      g_autofree char *label = g_strdup_printf ("%s, %s", maker->name,
                                                kh_decision_maker_get_title (maker, lang));

      gtk_string_list_append (labels, label);
      if (maker->id == selected_id)
        selected = i + 1;
    }
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
  kh_form_rows_show_whole_choices (row);
  adw_combo_row_set_selected (row, selected);
  return makers;
}

guint
kh_document_form_selected_maker (AdwComboRow *row,
                                 GPtrArray   *makers)
{
  guint i = adw_combo_row_get_selected (row);

  /* The first choice is "Choose…". */
  if (makers == NULL || i == 0 || i == GTK_INVALID_LIST_POSITION || i > makers->len)
    return 0;
  return ((KhDecisionMaker *) g_ptr_array_index (makers, i - 1))->id;
}

static void
ask (GtkWindow              *parent,
     const char             *heading,
     const char             *body,
     const char             *cancel_label,
     const char             *response,
     const char             *response_label,
     AdwResponseAppearance   appearance,
     GCallback               callback,
     gpointer                owner)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", cancel_label,
                                    response, response_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), response, appearance);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", callback, owner, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
kh_document_form_ask_issue (GtkWindow  *parent,
                            const char *heading,
                            const char *body,
                            const char *issue_label,
                            GCallback   callback,
                            gpointer    owner)
{
  ask (parent, heading, body, _("_Cancel"), "issue", issue_label, ADW_RESPONSE_SUGGESTED, callback, owner);
}

void
kh_document_form_ask_discard (GtkWindow  *parent,
                              const char *heading,
                              const char *body,
                              GCallback   callback,
                              gpointer    owner)
{
  ask (parent, heading, body, _("_Keep Editing"), "discard", _("_Discard"), ADW_RESPONSE_DESTRUCTIVE,
       callback, owner);
}

static gboolean
close_idle_cb (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

void
kh_document_form_close_later (GtkWindow *window)
{
  g_idle_add_full (G_PRIORITY_DEFAULT, close_idle_cb, g_object_ref (window), g_object_unref);
}

KhUnitProfile *
kh_document_form_profile_finish (GObject         *store,
                                 GAsyncResult    *result,
                                 AdwToastOverlay *toasts)
{
  g_autoptr(GError) error = NULL;
  KhUnitProfile *profile = kh_store_get_unit_profile_finish (KH_STORE (store), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return NULL;
  if (profile == NULL)
    {
      adw_toast_overlay_add_toast (toasts, adw_toast_new (error->message));
      profile = kh_unit_profile_new ();
    }
  return profile;
}

static const KhDocumentDelivery deliveries[] = {
  KH_DOCUMENT_DELIVERY_LETTER, KH_DOCUMENT_DELIVERY_ELECTRONIC, KH_DOCUMENT_DELIVERY_HANDED,
};

void
kh_document_form_fill_deliveries (AdwComboRow        *row,
                                  KhDocumentDelivery  delivery)
{
  const char *labels[G_N_ELEMENTS (deliveries)];

  for (guint i = 0; i < G_N_ELEMENTS (deliveries); i++)
    labels[i] = kh_document_delivery_label (deliveries[i]);
  kh_document_form_set_choices (row, labels, G_N_ELEMENTS (labels));
  adw_combo_row_set_selected (row, kh_document_form_index_of ((const int *) deliveries, G_N_ELEMENTS (deliveries),
                                                              delivery));
}

KhDocumentDelivery
kh_document_form_selected_delivery (AdwComboRow *row)
{
  guint i = adw_combo_row_get_selected (row);

  return i < G_N_ELEMENTS (deliveries) ? deliveries[i] : KH_DOCUMENT_DELIVERY_LETTER;
}

/* ---- rendering off the UI thread ---- */

struct _KhDocumentFormJob {
  KhDocumentFormRender  render;
  gpointer              data;
  GDestroyNotify        data_free;
  /* the preview's */
  char                 *title;
  char                 *subtitle;
  AdwToastOverlay      *toasts;
  void                (*finished) (GtkWindow *owner);
};

KhDocumentFormJob *
kh_document_form_job_new (KhDocumentFormRender  render,
                          gpointer              data,
                          GDestroyNotify        data_free)
{
  KhDocumentFormJob *job = g_new0 (KhDocumentFormJob, 1);

  job->render = render;
  job->data = data;
  job->data_free = data_free;
  return job;
}

void
kh_document_form_job_free (gpointer data)
{
  KhDocumentFormJob *job = data;

  if (job == NULL)
    return;
  if (job->data_free != NULL)
    job->data_free (job->data);
  g_free (job->title);
  g_free (job->subtitle);
  g_clear_object (&job->toasts);
  g_free (job);
}

GBytes *
kh_document_form_job_render_issued (const KhIssuedDocument  *document,
                                    gpointer                 data,
                                    GError                 **error)
{
  KhDocumentFormJob *job = data;

  return job->render (job->data, document->register_number, document->register_year, error);
}

static void
preview_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  KhDocumentFormJob *job = task_data;
  GError *error = NULL;
  GBytes *pdf = job->render (job->data, 0, 0, &error);

  if (pdf == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, pdf, (GDestroyNotify) g_bytes_unref);
}

static void
preview_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GtkWindow *owner = GTK_WINDOW (object);
  KhDocumentFormJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = g_task_propagate_pointer (G_TASK (result), &error);
  GtkWidget *window;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (job->finished != NULL)
    job->finished (owner);
  if (pdf == NULL)
    {
      adw_toast_overlay_add_toast (job->toasts, adw_toast_new (error->message));
      return;
    }
  window = kh_document_window_new (owner, job->title, job->subtitle, pdf);
  gtk_window_present (GTK_WINDOW (window));
}

void
kh_document_form_preview (GtkWindow          *owner,
                          AdwToastOverlay    *toasts,
                          GCancellable       *cancellable,
                          KhDocumentFormJob  *job,
                          const char         *title,
                          const char         *subtitle,
                          void              (*finished) (GtkWindow *owner))
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (GTK_IS_WINDOW (owner));
  g_return_if_fail (job != NULL);

  job->title = g_strdup (title);
  job->subtitle = g_strdup (subtitle);
  job->toasts = g_object_ref (toasts);
  job->finished = finished;
  task = g_task_new (owner, cancellable, preview_done_cb, NULL);
  g_task_set_source_tag (task, kh_document_form_preview);
  g_task_set_task_data (task, job, kh_document_form_job_free);
  g_task_run_in_thread (task, preview_thread);
}
