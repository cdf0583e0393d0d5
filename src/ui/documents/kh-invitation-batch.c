/* kh-invitation-batch.c — the invitation letters for many meetings as one PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 8, 6: "print or save all invitation letters for a list of clients
 * as one PDF, with a progress bar and cancel". The week's meetings go in;
 * each person's details are read through the store (a logged read of the
 * person, to address the letter), then the letters are laid out and drawn
 * into one PDF in a worker thread (kh_letters_render_invitations' engine,
 * kh_document_render_batch_to_stream), each in its client's language,
 * whatever the UI's. Each letter is also made into a PDF of its own (the
 * same document, drawn once more), and all of them are issued in one
 * transaction of the store (kh_store_issue_invitations_async): kept in
 * each person's record, on their timeline, as a letter sent one at a time
 * is — a letter sent to a client belongs to the client's record. The bar
 * follows all three. Cancel stops any of them at once and nothing is
 * kept. Done, the PDF opens in the document window to print or save.
 *
 * Left out, and the window says how many and why: a person with a
 * non-disclosure marking (their address is not read into a batch; ATL
 * 38 §: their letters are sent from their own page), a person with no
 * address, and a meeting whose invitation has already been issued as it
 * now stands (sent from the meeting, or in an earlier batch; a moved
 * meeting is invited again). The store refuses the whole batch if one of
 * its meetings got its letter meanwhile, or was moved or cancelled at
 * another desk; the window then says which meeting changed.
 */
#define G_LOG_DOMAIN "kohtaamo-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kh-appointment.h"
#include "core/kh-records.h"
#include "core/kh-unit-profile.h"
#include "documents/kh-letters.h"
#include "kh-document-window.h"
#include "kh-invitation-batch.h"
#include "kh-letter-issue.h"

/* One letter's data, owned, that the letter borrows from. */
typedef struct
{
  KhAppointment *appointment;
  KhClient      *client;      /* NULL until read */
  char          *name;        /* "First Last", as a letter is addressed */
  char          *address;     /* "street\npostal code city" */
} Invitee;

static void
invitee_free (Invitee *invitee)
{
  kh_appointment_free (invitee->appointment);
  g_clear_object (&invitee->client);
  g_free (invitee->name);
  g_free (invitee->address);
  g_free (invitee);
}

struct _KhInvitationBatch
{
  AdwWindow      parent_instance;

  /* borrowed: children */
  GtkWidget     *status;
  GtkWidget     *progress;
  GtkWidget     *cancel_button;
  GtkWidget     *show_button;

  /* owned */
  KhStore       *store;
  GCancellable  *cancellable;
  GPtrArray     *invitees;     /* Invitee, the meetings' order */
  GPtrArray     *letters;      /* Invitee with an address: the letters made */
  GHashTable    *points;       /* gint64 * → KhServicePoint */
  KhUnitProfile *profile;
  GBytes        *pdf;
  char          *status_text;
  guint          next;         /* the next invitee whose person to read */
  guint          protected_ones;
  guint          without_address;
  guint          already_invited;
  guint          kept;          /* letters issued */
  gboolean       finished;
};

G_DEFINE_FINAL_TYPE (KhInvitationBatch, kh_invitation_batch, ADW_TYPE_WINDOW)

static void
set_status (KhInvitationBatch *self,
            const char        *text)
{
  g_free (self->status_text);
  self->status_text = g_strdup (text);
  gtk_label_set_text (GTK_LABEL (self->status), text);
}

/* Reading the people is the first third of the bar, drawing the letters
 * most of the rest, keeping them in the store the last bit. */
static void
set_fraction (KhInvitationBatch *self,
              double             fraction)
{
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->progress), CLAMP (fraction, 0.0, 1.0));
}

static void
finish (KhInvitationBatch *self,
        const char        *status)
{
  self->finished = TRUE;
  if (status != NULL)
    set_status (self, status);
  gtk_button_set_label (GTK_BUTTON (self->cancel_button), _("_Close"));
  gtk_widget_grab_focus (gtk_widget_get_visible (self->show_button) ? self->show_button
                                                                    : self->cancel_button);
}

static char *
batch_title (KhInvitationBatch *self)
{
  /* Translators: the title of the PDF of many invitation letters; %u is their number */
  return g_strdup_printf (ngettext ("%u Invitation Letter", "%u Invitation Letters", self->letters->len),
                          self->letters->len);
}

static void
show_preview (KhInvitationBatch *self)
{
  g_autofree char *title = batch_title (self);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  GtkWidget *window = kh_document_window_new (parent != NULL ? parent : GTK_WINDOW (self), title,
                                              _("Kept in each person’s record as sent today by post: "
                                                "print them and post them"), self->pdf);

  gtk_window_present (GTK_WINDOW (window));
}

static void
show_clicked_cb (KhInvitationBatch *self)
{
  if (self->pdf != NULL)
    show_preview (self);
  gtk_window_close (GTK_WINDOW (self));
}

/* ---- drawing, in a worker thread ---- */

typedef struct
{
  KhInvitationBatch *self;    /* a reference */
  guint              done;
  guint              total;
} Progress;

static gboolean
progress_idle (gpointer data)
{
  Progress *p = data;

  if (!p->self->finished && !g_cancellable_is_cancelled (p->self->cancellable))
    {
      /* Translators: the invitation letters drawn so far, of all */
      g_autofree char *text = g_strdup_printf (_("Making the letters: %u of %u"), p->done, p->total);

      set_status (p->self, text);
      set_fraction (p->self, 1.0 / 3 + 0.6 * p->done / MAX (p->total, 1u));
    }
  g_object_unref (p->self);
  g_free (p);
  return G_SOURCE_REMOVE;
}

typedef struct
{
  KhInvitationLetter *letters;
  KhIssuedDocument  **documents;  /* each letter as it is kept, its PDF made in produce */
  guint               n;
  KhUnitProfile      *profile;
  KhInvitationBatch  *self;   /* a reference, for the progress */
  GMainContext       *context;
} Drawing;

static void
drawing_free (Drawing *d)
{
  for (guint i = 0; i < d->n; i++)
    g_clear_pointer (&d->documents[i], kh_issued_document_free);
  g_free (d->documents);
  g_free (d->letters);
  g_main_context_unref (d->context);
  g_object_unref (d->self);
  g_free (d);
}

static KhDocument *
produce (guint     index,
         gpointer  user_data,
         GError  **error)
{
  Drawing *d = user_data;
  g_autoptr(KhDocument) doc = kh_invitation_letter_build (&d->letters[index], d->profile);

  /* The letter as it is kept: the same document, in a PDF of its own. */
  d->documents[index]->pdf = kh_document_render_bytes (doc, error);
  if (d->documents[index]->pdf == NULL)
    return NULL;
  return g_steal_pointer (&doc);
}

static void
drawn (guint    done,
       guint    total,
       gpointer user_data)
{
  Drawing *d = user_data;
  Progress *p = g_new0 (Progress, 1);

  p->self = g_object_ref (d->self);
  p->done = done;
  p->total = total;
  g_main_context_invoke (d->context, progress_idle, p);
}

static void
draw_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Drawing *d = task_data;
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  GError *error = NULL;

  if (!kh_document_render_batch_to_stream (d->n, produce, drawn, d, stream, cancellable, &error)
      || !g_output_stream_close (stream, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream)),
                         (GDestroyNotify) g_bytes_unref);
}

/* The letters, drawn: the documents to keep, taken from the drawing. */
static GPtrArray *
take_documents (Drawing *d)
{
  GPtrArray *documents = g_ptr_array_new_full (d->n, (GDestroyNotify) kh_issued_document_free);

  for (guint i = 0; i < d->n; i++)
    g_ptr_array_add (documents, g_steal_pointer (&d->documents[i]));
  return documents;
}

/* `first`, then who got no letter and why. */
static char *
left_out_text (KhInvitationBatch *self,
               const char        *first)
{
  GString *text = g_string_new (first);

  if (self->protected_ones > 0)
    {
      g_string_append_c (text, ' ');
      /* Translators: %u people have a non-disclosure marking (turvakielto / spärrmarkering) */
      g_string_append_printf (text, ngettext ("%u person has a non-disclosure marking: send their letter "
                                              "from their own page.",
                                              "%u people have a non-disclosure marking: send their letters "
                                              "from their own pages.",
                                              self->protected_ones),
                              self->protected_ones);
    }
  if (self->already_invited > 0)
    {
      g_string_append_c (text, ' ');
      /* Translators: %u meetings whose invitation letter was sent before */
      g_string_append_printf (text, ngettext ("%u meeting already had its invitation sent: it gets no "
                                              "second letter.",
                                              "%u meetings already had their invitations sent: they get "
                                              "no second letter.",
                                              self->already_invited),
                              self->already_invited);
    }
  if (self->without_address > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text, ngettext ("%u person has no address on record: add it on their page, "
                                              "or give them the time by phone.",
                                              "%u people have no address on record: add it on their pages, "
                                              "or give them the time by phone.",
                                              self->without_address),
                              self->without_address);
    }
  return g_string_free (text, FALSE);
}

/* The letter of the meeting the store's refusal names (moved or
 * cancelled elsewhere since the batch read the week), or NULL. */
static const Invitee *
changed_invitee (KhInvitationBatch *self,
                 const GError      *error)
{
  gint64 id = kh_store_error_get_appointment_id (error);

  for (guint i = 0; id > 0 && i < self->letters->len; i++)
    {
      const Invitee *invitee = g_ptr_array_index (self->letters, i);

      if (invitee->appointment->id == id)
        return invitee;
    }
  return NULL;
}

static void
cancelled_or_failed (KhInvitationBatch *self,
                     const GError      *error)
{
  const Invitee *changed = changed_invitee (self, error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    finish (self, _("Cancelled. No letters were kept."));
  else if (changed != NULL)
    {
      g_autofree char *when = kh_appointment_format_when (changed->appointment);
      /* Translators: the person's name, then the meeting's day and hours ("Tue 5.3.2030 12.00–12.45") */
      g_autofree char *text = g_strdup_printf (_("The meeting with %s (%s) was changed or cancelled elsewhere "
                                                 "while the letters were being made. No letters were kept: "
                                                 "check the week, then make the letters again."),
                                               changed->name, when);

      finish (self, text);
    }
  else
    {
      /* Translators: %s says why the letters could not be made */
      g_autofree char *text = g_strdup_printf (_("The letters could not be made: %s"), error->message);

      finish (self, text);
    }
}

static char *
ready_text (KhInvitationBatch *self)
{
  /* Translators: %u letters issued in one go, each kept in its person's record */
  g_autofree char *first = g_strdup_printf (ngettext ("The letter is ready and kept in the person’s record.",
                                                     "The letters are ready: %u kept, each in its "
                                                     "person’s record.",
                                                     self->kept),
                                            self->kept);

  return left_out_text (self, first);
}

static void
issued_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(KhInvitationBatch) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) issued = kh_store_issue_invitations_finish (KH_STORE (object), result, &error);
  g_autofree char *text = NULL;

  if (issued == NULL)
    {
      g_clear_pointer (&self->pdf, g_bytes_unref);
      cancelled_or_failed (self, error);
      return;
    }
  self->kept = issued->len;
  set_fraction (self, 1.0);
  text = ready_text (self);
  if (self->protected_ones > 0 || self->without_address > 0 || self->already_invited > 0)
    {
      gtk_widget_set_visible (self->show_button, TRUE);
      finish (self, text);
      return;
    }
  finish (self, text);
  show_preview (self);
  gtk_window_close (GTK_WINDOW (self));
}

static void
drawn_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(KhInvitationBatch) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = g_task_propagate_pointer (G_TASK (result), &error);

  if (pdf == NULL)
    {
      cancelled_or_failed (self, error);
      return;
    }
  if (g_cancellable_is_cancelled (self->cancellable))
    {
      finish (self, _("Cancelled. No letters were kept."));
      return;
    }
  /* Printed only once kept: the PDF is shown when the store has them. */
  self->pdf = g_steal_pointer (&pdf);
  set_status (self, _("Keeping the letters in the people’s records…"));
  kh_store_issue_invitations_async (self->store, take_documents (g_task_get_task_data (G_TASK (result))),
                                    self->cancellable, issued_cb, g_object_ref (self));
}

/* The letter as it is kept, as kh_invitation_send_async keeps one: sent
 * today by post, about the meeting's case, naming the meeting as it now
 * stands; its PDF is made with the batch. */
static KhIssuedDocument *
invitation_document (const Invitee *invitee,
                     const char    *language,
                     GDateTime     *now)
{
  KhIssuedDocument *document = kh_letter_document_new (invitee->appointment->client_id,
                                                       invitee->appointment->case_id,
                                                       KH_DOCUMENT_INVITATION, language, now);

  document->appointment_id = invitee->appointment->id;
  document->appointment_revision = invitee->appointment->revision;
  return document;
}

static void
start_drawing (KhInvitationBatch *self)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GDateTime) now = NULL;
  Drawing *d;

  if (self->letters->len == 0)
    {
      g_autofree char *text = left_out_text (self, _("No letters were made."));

      set_fraction (self, 1.0);
      finish (self, text);
      return;
    }
  d = g_new0 (Drawing, 1);
  d->n = self->letters->len;
  d->letters = g_new0 (KhInvitationLetter, d->n);
  d->documents = g_new0 (KhIssuedDocument *, d->n);
  now = g_date_time_new_now_local ();
  d->profile = self->profile;
  d->self = g_object_ref (self);
  d->context = g_main_context_ref_thread_default ();
  for (guint i = 0; i < d->n; i++)
    {
      Invitee *invitee = g_ptr_array_index (self->letters, i);
      KhInvitationLetter *l = &d->letters[i];
      const KhServicePoint *point = g_hash_table_lookup (self->points, &invitee->appointment->service_point_id);

      kh_invitation_letter_init_from_appointment (l, invitee->appointment, point);
      l->letter.language = kh_letter_language (invitee->client);
      l->letter.recipient_name = invitee->name;
      l->letter.recipient_address = invitee->address;
      l->client_phone = invitee->client->phone;
      d->documents[i] = invitation_document (invitee, l->letter.language, now);
    }
  set_status (self, _("Making the letters…"));
  task = g_task_new (self, self->cancellable, drawn_cb, g_object_ref (self));
  g_task_set_source_tag (task, start_drawing);
  /* The letters borrow from self's invitees, which stay until the window
   * is finalized; the task holds the window. */
  g_task_set_task_data (task, d, (GDestroyNotify) drawing_free);
  g_task_run_in_thread (task, draw_thread);
}

/* ---- reading the people, one after another ---- */

static void read_next (KhInvitationBatch *self);

static void
invited_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(KhInvitationBatch) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) invited = kh_store_list_invited_appointments_finish (KH_STORE (object), result, &error);
  g_autoptr(GHashTable) set = NULL;
  guint kept = 0;

  if (invited == NULL)
    {
      finish (self, g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
                      ? _("Cancelled. No letters were kept.") : error->message);
      return;
    }
  set = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < invited->len; i++)
    g_hash_table_add (set, &g_array_index (invited, gint64, i));
  for (guint i = 0; i < self->letters->len; i++)
    {
      Invitee *invitee = g_ptr_array_index (self->letters, i);

      if (g_hash_table_contains (set, &invitee->appointment->id))
        self->already_invited++;
      else
        self->letters->pdata[kept++] = invitee;
    }
  g_ptr_array_set_size (self->letters, kept);
  start_drawing (self);
}

/* Which of the letters' meetings already have their invitation. */
static void
ask_invited (KhInvitationBatch *self)
{
  g_autoptr(GArray) ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), self->letters->len);

  for (guint i = 0; i < self->letters->len; i++)
    {
      Invitee *invitee = g_ptr_array_index (self->letters, i);

      g_array_append_val (ids, invitee->appointment->id);
    }
  kh_store_list_invited_appointments_async (self->store, ids, self->cancellable, invited_cb,
                                            g_object_ref (self));
}

static void
client_read_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(KhInvitationBatch) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(KhClient) client = kh_store_get_client_finish (KH_STORE (object), result, &error);
  Invitee *invitee;
  gboolean is_protected;

  if (client == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        finish (self, error->message);
      else
        finish (self, _("Cancelled. No letters were kept."));
      return;
    }
  invitee = g_ptr_array_index (self->invitees, self->next);
  if (kh_letter_addressee (client, &invitee->name, &invitee->address, &is_protected))
    {
      invitee->client = g_steal_pointer (&client);
      g_ptr_array_add (self->letters, invitee);
    }
  else if (is_protected)
    self->protected_ones++;
  else
    self->without_address++;
  self->next++;
  read_next (self);
}

static void
read_next (KhInvitationBatch *self)
{
  Invitee *invitee;
  g_autofree char *text = NULL;

  if (self->next >= self->invitees->len)
    {
      ask_invited (self);
      return;
    }
  invitee = g_ptr_array_index (self->invitees, self->next);
  /* Translators: the people whose addresses have been read, of all */
  text = g_strdup_printf (_("Reading the addresses: %u of %u"), self->next + 1, self->invitees->len);
  set_status (self, text);
  set_fraction (self, 1.0 / 3 * self->next / self->invitees->len);
  /* A read of the person, logged, to address the letter. */
  kh_store_get_client_async (self->store, invitee->appointment->client_id, KH_ACCESS_PAGE,
                             KH_BASIS_CLIENT_RELATIONSHIP, self->cancellable, client_read_cb,
                             g_object_ref (self));
}

static void
points_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(KhInvitationBatch) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) points = kh_store_list_service_points_finish (KH_STORE (object), result, &error);

  if (points == NULL)
    {
      finish (self, g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
                      ? _("Cancelled. No letters were kept.") : error->message);
      return;
    }
  for (guint i = 0; i < points->len; i++)
    {
      KhServicePoint *point = g_ptr_array_index (points, i);

      g_hash_table_insert (self->points, &point->id, kh_service_point_copy (point));
    }
  read_next (self);
}

static void
profile_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(KhInvitationBatch) self = user_data;
  g_autoptr(GError) error = NULL;

  self->profile = kh_store_get_unit_profile_finish (KH_STORE (object), result, &error);
  if (self->profile == NULL)
    {
      finish (self, g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
                      ? _("Cancelled. No letters were kept.") : error->message);
      return;
    }
  kh_store_list_service_points_async (self->store, TRUE, self->cancellable, points_cb, g_object_ref (self));
}

/* ---- the window ---- */

static void
cancel_clicked_cb (KhInvitationBatch *self)
{
  if (!self->finished)
    {
      g_cancellable_cancel (self->cancellable);
      set_status (self, _("Cancelling…"));
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
close_request_cb (KhInvitationBatch *self)
{
  /* Closing stops the work; nothing is kept. */
  g_cancellable_cancel (self->cancellable);
  return FALSE;
}

static void
kh_invitation_batch_dispose (GObject *object)
{
  KhInvitationBatch *self = KH_INVITATION_BATCH (object);

  g_cancellable_cancel (self->cancellable);
  G_OBJECT_CLASS (kh_invitation_batch_parent_class)->dispose (object);
}

static void
kh_invitation_batch_finalize (GObject *object)
{
  KhInvitationBatch *self = KH_INVITATION_BATCH (object);

  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->letters, g_ptr_array_unref);
  g_clear_pointer (&self->invitees, g_ptr_array_unref);
  g_clear_pointer (&self->points, g_hash_table_unref);
  g_clear_pointer (&self->profile, kh_unit_profile_free);
  g_clear_pointer (&self->pdf, g_bytes_unref);
  g_free (self->status_text);
  G_OBJECT_CLASS (kh_invitation_batch_parent_class)->finalize (object);
}

static void
kh_invitation_batch_class_init (KhInvitationBatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_invitation_batch_dispose;
  object_class->finalize = kh_invitation_batch_finalize;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kh_invitation_batch_init (KhInvitationBatch *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *body = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *header = adw_header_bar_new ();

  self->cancellable = g_cancellable_new ();
  self->letters = g_ptr_array_new ();
  self->invitees = g_ptr_array_new_with_free_func ((GDestroyNotify) invitee_free);
  self->points = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                        (GDestroyNotify) kh_service_point_free);

  gtk_window_set_title (GTK_WINDOW (self), _("Invitation Letters"));
  gtk_window_set_default_size (GTK_WINDOW (self), 440, -1);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_box_append (GTK_BOX (box), header);

  gtk_widget_set_margin_top (body, 18);
  gtk_widget_set_margin_bottom (body, 18);
  gtk_widget_set_margin_start (body, 18);
  gtk_widget_set_margin_end (body, 18);
  self->status = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->status), 0);
  gtk_label_set_wrap (GTK_LABEL (self->status), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->status), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Progress"), -1);
  self->progress = gtk_progress_bar_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Invitation letters made"), -1);
  gtk_box_append (GTK_BOX (body), self->status);
  gtk_box_append (GTK_BOX (body), self->progress);

  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  self->show_button = gtk_button_new_with_mnemonic (_("_Show Letters"));
  gtk_widget_add_css_class (self->show_button, "suggested-action");
  gtk_widget_set_visible (self->show_button, FALSE);
  g_signal_connect_swapped (self->show_button, "clicked", G_CALLBACK (show_clicked_cb), self);
  self->cancel_button = gtk_button_new_with_mnemonic (_("_Cancel"));
  g_signal_connect_swapped (self->cancel_button, "clicked", G_CALLBACK (cancel_clicked_cb), self);
  gtk_box_append (GTK_BOX (buttons), self->cancel_button);
  gtk_box_append (GTK_BOX (buttons), self->show_button);
  gtk_box_append (GTK_BOX (body), buttons);
  gtk_box_append (GTK_BOX (box), body);
  adw_window_set_content (ADW_WINDOW (self), box);
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
}

KhInvitationBatch *
kh_invitation_batch_new (GtkWindow *parent,
                         KhStore   *store,
                         GPtrArray *appointments)
{
  KhInvitationBatch *self;

  g_return_val_if_fail (KH_IS_STORE (store), NULL);
  g_return_val_if_fail (appointments != NULL, NULL);

  self = g_object_new (KH_TYPE_INVITATION_BATCH, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  for (guint i = 0; i < appointments->len; i++)
    {
      const KhAppointment *a = g_ptr_array_index (appointments, i);
      Invitee *invitee;

      if (a->cancelled)
        continue;
      invitee = g_new0 (Invitee, 1);
      invitee->appointment = kh_appointment_copy (a);
      g_ptr_array_add (self->invitees, invitee);
    }
  gtk_widget_grab_focus (self->cancel_button);
  if (self->invitees->len == 0)
    {
      finish (self, _("No meetings to invite to."));
      return self;
    }
  set_status (self, _("Reading the unit’s letterhead…"));
  kh_store_get_unit_profile_async (store, self->cancellable, profile_cb, g_object_ref (self));
  return self;
}

GBytes *
kh_invitation_batch_get_pdf (KhInvitationBatch *self)
{
  g_return_val_if_fail (KH_IS_INVITATION_BATCH (self), NULL);
  return self->pdf;
}

double
kh_invitation_batch_get_fraction (KhInvitationBatch *self)
{
  g_return_val_if_fail (KH_IS_INVITATION_BATCH (self), 0);
  return gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (self->progress));
}

const char *
kh_invitation_batch_get_status (KhInvitationBatch *self)
{
  g_return_val_if_fail (KH_IS_INVITATION_BATCH (self), NULL);
  return self->status_text;
}

gboolean
kh_invitation_batch_is_finished (KhInvitationBatch *self)
{
  g_return_val_if_fail (KH_IS_INVITATION_BATCH (self), FALSE);
  return self->finished;
}
