/* kh-letter-issue.c — issuing one letter to a person, in their language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 8, 2, 3 and 5: a letter in the client's language, kept as issued
 * on the person's timeline. The steps run on the UI thread's main loop,
 * each an answer of the store: the unit's letterhead, the person (a
 * logged read, to address the letter), then the issuing, where the letter
 * is laid out and drawn in the store's thread inside the transaction
 * (kh_store_issue_document_rendered_async) from data this task owns until
 * it is done. The invitation to a meeting (issue 7, 4) and the summary of
 * a service-need assessment (SHL 37 §) are built on it.
 */
#define G_LOG_DOMAIN "kohtaamo-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kh-catalog.h"
#include "documents/kh-letters.h"
#include "kh-document-window.h"
#include "kh-letter-issue.h"

typedef struct
{
  KhStore           *store;
  gint64             client_id;
  gint64             case_id;
  KhDocumentKind     kind;
  gint64             appointment_id;       /* an invitation's meeting, */
  gint64             appointment_revision; /* as the letter prints it */
  KhLetterBuildFunc  build;
  gpointer           build_data;
  GDestroyNotify     build_data_free;
  KhUnitProfile     *profile;
  KhClient          *client;
  const char        *language;
  char              *name;
  char              *address;
  char              *sender_name;      /* the issuing worker, */
  char              *sender_title;     /* titled in the letter's language */
  char              *responsible_name; /* the named responsible worker, */
  char              *responsible_title; /* or NULL */
} Issuing;

static void
issuing_free (Issuing *s)
{
  g_clear_object (&s->store);
  if (s->build_data_free != NULL)
    s->build_data_free (s->build_data);
  g_clear_pointer (&s->profile, kh_unit_profile_free);
  g_clear_object (&s->client);
  g_free (s->name);
  g_free (s->address);
  g_free (s->sender_name);
  g_free (s->sender_title);
  g_free (s->responsible_name);
  g_free (s->responsible_title);
  g_free (s);
}

const char *
kh_letter_language (const KhClient *client)
{
  return client != NULL && client->language == KH_LANGUAGE_SV ? "sv" : "fi";
}

KhIssuedDocument *
kh_letter_document_new (gint64          client_id,
                        gint64          case_id,
                        KhDocumentKind  kind,
                        const char     *language,
                        GDateTime      *now)
{
  KhIssuedDocument *document = kh_issued_document_new ();

  document->client_id = client_id;
  document->case_id = case_id;
  document->kind = kind;
  document->language = g_strdup (language);
  document->title = g_strdup (kh_document_kind_label_in (kind, language));
  g_date_clear (&document->sent_on, 1);
  g_date_set_dmy (&document->sent_on, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  document->delivery = KH_DOCUMENT_DELIVERY_LETTER;
  return document;
}

gboolean
kh_letter_addressee (const KhClient  *client,
                     char           **name,
                     char           **address,
                     gboolean        *is_protected)
{
  g_return_val_if_fail (client != NULL, FALSE);

  *name = NULL;
  *address = NULL;
  *is_protected = client->non_disclosure || client->address_withheld;
  if (*is_protected || client->address == NULL || *client->address == '\0')
    return FALSE;
  *name = g_strstrip (g_strdup_printf ("%s %s", client->first_names != NULL ? client->first_names : "",
                                       client->last_name != NULL ? client->last_name : ""));
  *address = g_strdup_printf ("%s\n%s %s", client->address,
                              client->postal_code != NULL ? client->postal_code : "",
                              client->city != NULL ? client->city : "");
  return TRUE;
}

/* A role's title in lower case in `language`, as the letters' sentences
 * use it; NULL for the roles that send no letters. */
static char *
role_title (KhRole      role,
            const char *language)
{
  const char *title;

  switch (role)
    {
    case KH_ROLE_COUNSELLOR:
      title = kh_catalog_pgettext (language, "role", "Social counsellor");
      break;
    case KH_ROLE_SOCIAL_WORKER:
      title = kh_catalog_pgettext (language, "role", "Social worker");
      break;
    case KH_ROLE_LEAD:
      title = kh_catalog_pgettext (language, "role", "Lead social worker");
      break;
    default:
      return NULL;
    }
  return g_utf8_strdown (title, -1);
}

void
kh_letter_sender_of (KhUser      *user,
                     const char  *language,
                     char       **name,
                     char       **title)
{
  *name = NULL;
  *title = user != NULL ? role_title (user->role, language) : NULL;
  if (*title != NULL)
    *name = g_strdup (user->display_name != NULL ? user->display_name : user->account);
}

void
kh_letter_responsible_worker_of (const KhClient  *client,
                                 const char      *language,
                                 char           **name,
                                 char           **title)
{
  const KhResponsibleWorker *naming = client != NULL ? client->responsible_worker : NULL;

  *name = NULL;
  *title = NULL;
  if (naming == NULL || naming->worker_id <= 0 || naming->worker_name == NULL)
    return;
  *name = g_strdup (naming->worker_name);
  *title = role_title (naming->worker_role, language);
}

/* In the store's thread: the letter, as it will be kept. */
static GBytes *
render_letter (const KhIssuedDocument  *document,
               gpointer                 user_data,
               GError                 **error)
{
  Issuing *s = user_data;
  KhLetter letter = { 0 };
  KhLetterSender responsible = { 0 };
  g_autoptr(KhDocument) doc = NULL;

  letter.language = s->language;
  letter.recipient_name = s->name;
  letter.recipient_address = s->address;
  letter.sender.name = s->sender_name;
  letter.sender.title = s->sender_title;
  responsible.name = s->responsible_name;
  responsible.title = s->responsible_title;
  doc = s->build (s->profile, s->client, &letter, &responsible, s->build_data);

  return kh_document_render_bytes (doc, error);
}

static void
issued_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  KhIssuedDocument *document = kh_store_issue_document_finish (KH_STORE (object), result, &error);

  if (document == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, document, (GDestroyNotify) kh_issued_document_free);
}

void
kh_letter_issue_rendered (KhStore                *store,
                          const KhIssuedDocument *document,
                          KhDocumentRenderFunc    render,
                          gpointer                render_data,
                          GTask                  *task)
{
  kh_store_issue_document_rendered_async (store, document, render, render_data, NULL,
                                          g_task_get_cancellable (task), issued_cb, g_object_ref (task));
}

static void
client_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Issuing *s = g_task_get_task_data (task);
  g_autoptr(KhIssuedDocument) document = NULL;
  g_autoptr(GDateTime) now = NULL;
  GError *error = NULL;
  gboolean is_protected;

  s->client = kh_store_get_client_finish (KH_STORE (object), result, &error);
  if (s->client == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (!kh_letter_addressee (s->client, &s->name, &s->address, &is_protected))
    {
      g_task_return_new_error (task, KH_STORE_ERROR, KH_STORE_ERROR_INVALID, "%s",
                               is_protected
                                 ? _("The person has a non-disclosure marking: their address is not printed "
                                     "from here. Give them the time by phone or hand the letter over.")
                                 : _("The person has no address on record. Add it on their page first, "
                                     "or give them the time by phone."));
      return;
    }
  s->language = kh_letter_language (s->client);
  kh_letter_sender_of (kh_store_get_user (s->store), s->language, &s->sender_name, &s->sender_title);
  kh_letter_responsible_worker_of (s->client, s->language, &s->responsible_name, &s->responsible_title);

  now = g_date_time_new_now_local ();
  document = kh_letter_document_new (s->client_id, s->case_id, s->kind, s->language, now);
  document->appointment_id = s->appointment_id;
  document->appointment_revision = s->appointment_revision;
  /* The task's data outlives the store's job: the task is held until
   * issued_cb. */
  kh_letter_issue_rendered (s->store, document, render_letter, s, task);
}

static void
profile_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Issuing *s = g_task_get_task_data (task);
  GError *error = NULL;

  s->profile = kh_store_get_unit_profile_finish (KH_STORE (object), result, &error);
  if (s->profile == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* A read of the person, logged, to address the letter. */
  kh_store_get_client_async (s->store, s->client_id, KH_ACCESS_PAGE, KH_BASIS_CLIENT_RELATIONSHIP,
                             g_task_get_cancellable (task), client_cb, g_object_ref (task));
}

static void
letter_issue (KhStore             *store,
              gint64               client_id,
              gint64               case_id,
              KhDocumentKind       kind,
              const KhAppointment *appointment,
              KhLetterBuildFunc    build,
              gpointer             build_data,
              GDestroyNotify       build_data_free,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  GTask *task;
  Issuing *s;

  g_return_if_fail (KH_IS_STORE (store));
  g_return_if_fail (build != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, kh_letter_issue_async);
  s = g_new0 (Issuing, 1);
  s->store = g_object_ref (store);
  s->client_id = client_id;
  s->case_id = case_id;
  s->kind = kind;
  if (appointment != NULL)
    {
      s->appointment_id = appointment->id;
      s->appointment_revision = appointment->revision;
    }
  s->build = build;
  s->build_data = build_data;
  s->build_data_free = build_data_free;
  g_task_set_task_data (task, s, (GDestroyNotify) issuing_free);
  kh_store_get_unit_profile_async (store, cancellable, profile_cb, task);
}

void
kh_letter_issue_async (KhStore             *store,
                       gint64               client_id,
                       gint64               case_id,
                       KhDocumentKind       kind,
                       KhLetterBuildFunc    build,
                       gpointer             build_data,
                       GDestroyNotify       build_data_free,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  letter_issue (store, client_id, case_id, kind, NULL, build, build_data, build_data_free, cancellable,
                callback, user_data);
}

KhIssuedDocument *
kh_letter_issue_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

GtkWidget *
kh_letter_ask (GtkWindow  *parent,
               const char *heading,
               const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "send", _("_Send Letter"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "send", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "send");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  return dialog;
}

void
kh_letter_show_issued (GtkWindow              *parent,
                       const KhIssuedDocument *document,
                       const char             *person_name)
{
  /* Translators: under an issued letter's title; %s is the person's name */
  g_autofree char *subtitle = g_strdup_printf (_("Sent to %s today by post: kept in their record"),
                                               person_name != NULL ? person_name : "");
  GtkWidget *window = kh_document_window_new (parent, document->title, subtitle, document->pdf);

  gtk_window_present (GTK_WINDOW (window));
}

/* ---- the invitation to a meeting ---- */

typedef struct
{
  KhAppointment       *appointment;
  KhServicePoint      *point;
  /* until the points are read: where the answer goes */
  KhStore             *store;
  GCancellable        *cancellable;
  GAsyncReadyCallback  callback;
  gpointer             user_data;
} Invitation;

static void
invitation_free (Invitation *invitation)
{
  kh_appointment_free (invitation->appointment);
  g_clear_pointer (&invitation->point, kh_service_point_free);
  g_clear_object (&invitation->store);
  g_clear_object (&invitation->cancellable);
  g_free (invitation);
}

static KhDocument *
build_invitation (const KhUnitProfile  *profile,
                  const KhClient       *client,
                  const KhLetter       *base,
                  const KhLetterSender *responsible_worker,
                  gpointer              user_data)
{
  Invitation *invitation = user_data;
  KhInvitationLetter letter = { { 0 } };

  /* The meeting's own worker signs it, whoever sends it. */
  kh_invitation_letter_init_from_appointment (&letter, invitation->appointment, invitation->point);
  letter.letter.language = base->language;
  letter.letter.recipient_name = base->recipient_name;
  letter.letter.recipient_address = base->recipient_address;
  letter.client_phone = client->phone;
  return kh_invitation_letter_build (&letter, profile);
}

static void
invitation_points_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  Invitation *invitation = user_data;
  g_autoptr(GPtrArray) points = kh_store_list_service_points_finish (KH_STORE (object), result, NULL);
  g_autoptr(KhStore) store = g_steal_pointer (&invitation->store);
  g_autoptr(GCancellable) cancellable = g_steal_pointer (&invitation->cancellable);

  /* Without the points the letter names the point as the meeting does. */
  for (guint i = 0; points != NULL && i < points->len && invitation->point == NULL; i++)
    {
      KhServicePoint *point = g_ptr_array_index (points, i);

      if (point->id == invitation->appointment->service_point_id)
        invitation->point = kh_service_point_copy (point);
    }
  /* The letter keeps the meeting it invites to, as it now stands. */
  letter_issue (store, invitation->appointment->client_id, invitation->appointment->case_id,
                KH_DOCUMENT_INVITATION, invitation->appointment, build_invitation, invitation,
                (GDestroyNotify) invitation_free, cancellable, invitation->callback, invitation->user_data);
}

void
kh_invitation_send_async (KhStore             *store,
                          const KhAppointment *appointment,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  Invitation *invitation;

  g_return_if_fail (KH_IS_STORE (store));
  g_return_if_fail (appointment != NULL);

  if (appointment->cancelled)
    {
      g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

      g_task_set_source_tag (task, kh_letter_issue_async);
      g_task_return_new_error (task, KH_STORE_ERROR, KH_STORE_ERROR_INVALID, "%s",
                               _("The meeting is cancelled: no invitation is sent for it."));
      return;
    }
  invitation = g_new0 (Invitation, 1);
  invitation->appointment = kh_appointment_copy (appointment);
  invitation->store = g_object_ref (store);
  invitation->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  invitation->callback = callback;
  invitation->user_data = user_data;
  kh_store_list_service_points_async (store, TRUE, cancellable, invitation_points_cb, invitation);
}

/* ---- the summary of a service-need assessment (SHL 37 §) ---- */

static KhDocument *
build_summary (const KhUnitProfile  *profile,
               const KhClient       *client,
               const KhLetter       *base,
               const KhLetterSender *responsible_worker,
               gpointer              user_data)
{
  KhAssessmentSummaryLetter letter = { { 0 } };

  letter.letter = *base;
  letter.responsible_worker = *responsible_worker;
  letter.assessment = user_data;
  return kh_assessment_summary_build (&letter, profile);
}

void
kh_assessment_summary_send_async (KhStore             *store,
                                  const KhAssessment  *assessment,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (assessment != NULL);

  kh_letter_issue_async (store, assessment->client_id, assessment->case_id,
                         KH_DOCUMENT_ASSESSMENT_SUMMARY, build_summary, kh_assessment_copy (assessment),
                         (GDestroyNotify) kh_assessment_free, cancellable, callback, user_data);
}
