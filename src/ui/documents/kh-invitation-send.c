/* kh-invitation-send.c — issuing one meeting's invitation letter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 8, 3 and 5: the invitation to a meeting booked in part 4, in the
 * client's language, kept as issued on the person's timeline. The steps
 * run on the UI thread's main loop, each an answer of the store; the
 * letter is laid out and drawn in the store's thread inside the issuing
 * transaction (kh_store_issue_document_rendered_async), from data this
 * task owns until it is done.
 */
#define G_LOG_DOMAIN "kohtaamo-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kh-records.h"
#include "core/kh-unit-profile.h"
#include "documents/kh-letters.h"
#include "kh-invitation-send.h"

typedef struct
{
  KhStore            *store;
  KhAppointment      *appointment;
  KhUnitProfile      *profile;
  KhServicePoint     *point;
  KhClient           *client;
  char               *name;
  char               *address;
  KhInvitationLetter  letter;
} Sending;

static void
sending_free (Sending *s)
{
  g_clear_object (&s->store);
  kh_appointment_free (s->appointment);
  g_clear_pointer (&s->profile, kh_unit_profile_free);
  g_clear_pointer (&s->point, kh_service_point_free);
  g_clear_object (&s->client);
  g_free (s->name);
  g_free (s->address);
  g_free (s);
}

static gboolean
refused (GTask      *task,
         const char *message)
{
  g_task_return_new_error (task, KH_STORE_ERROR, KH_STORE_ERROR_INVALID, "%s", message);
  return FALSE;
}

/* In the store's thread: the letter, as it will be kept. */
static GBytes *
render_letter (const KhIssuedDocument  *document,
               gpointer                 user_data,
               GError                 **error)
{
  Sending *s = user_data;
  g_autoptr(KhDocument) doc = kh_invitation_letter_build (&s->letter, s->profile);

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

static void
issue (GTask *task)
{
  Sending *s = g_task_get_task_data (task);
  g_autoptr(KhIssuedDocument) document = kh_issued_document_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  kh_invitation_letter_init_from_appointment (&s->letter, s->appointment, s->point);
  s->letter.letter.recipient_name = s->name;
  s->letter.letter.recipient_address = s->address;
  s->letter.client_phone = s->client->phone;

  document->client_id = s->appointment->client_id;
  document->case_id = s->appointment->case_id;
  document->kind = KH_DOCUMENT_INVITATION;
  document->language = g_strdup (s->letter.letter.language);
  document->title = g_strdup (kh_document_kind_label_in (KH_DOCUMENT_INVITATION, s->letter.letter.language));
  g_date_clear (&document->sent_on, 1);
  g_date_set_dmy (&document->sent_on, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  document->delivery = KH_DOCUMENT_DELIVERY_LETTER;
  /* The task's data outlives the store's job: the task is held until
   * issued_cb. */
  kh_store_issue_document_rendered_async (s->store, document, render_letter, s, NULL,
                                          g_task_get_cancellable (task), issued_cb, g_object_ref (task));
}

static void
client_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Sending *s = g_task_get_task_data (task);
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
      refused (task, is_protected
                       ? _("The person has a non-disclosure marking: their address is not printed from here. "
                           "Give them the time by phone or hand the letter over.")
                       : _("The person has no address on record. Add it on their page first, "
                           "or give them the time by phone."));
      return;
    }
  issue (task);
}

static void
points_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Sending *s = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr(GPtrArray) points = kh_store_list_service_points_finish (KH_STORE (object), result, &error);

  if (points == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  for (guint i = 0; i < points->len && s->point == NULL; i++)
    {
      KhServicePoint *point = g_ptr_array_index (points, i);

      if (point->id == s->appointment->service_point_id)
        s->point = kh_service_point_copy (point);
    }
  /* A read of the person, logged, to address the letter. */
  kh_store_get_client_async (s->store, s->appointment->client_id, KH_ACCESS_PAGE,
                             KH_BASIS_CLIENT_RELATIONSHIP, g_task_get_cancellable (task), client_cb,
                             g_object_ref (task));
}

static void
profile_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Sending *s = g_task_get_task_data (task);
  GError *error = NULL;

  s->profile = kh_store_get_unit_profile_finish (KH_STORE (object), result, &error);
  if (s->profile == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  kh_store_list_service_points_async (s->store, TRUE, g_task_get_cancellable (task), points_cb,
                                      g_object_ref (task));
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

void
kh_invitation_send_async (KhStore             *store,
                          const KhAppointment *appointment,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Sending *s;

  g_return_if_fail (KH_IS_STORE (store));
  g_return_if_fail (appointment != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, kh_invitation_send_async);
  s = g_new0 (Sending, 1);
  s->store = g_object_ref (store);
  s->appointment = kh_appointment_copy (appointment);
  g_task_set_task_data (task, s, (GDestroyNotify) sending_free);
  if (appointment->cancelled)
    {
      refused (task, _("The meeting is cancelled: no invitation is sent for it."));
      return;
    }
  kh_store_get_unit_profile_async (store, cancellable, profile_cb, g_steal_pointer (&task));
}

KhIssuedDocument *
kh_invitation_send_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
