/* kh-could-not-reach.c — the letter to a person who could not be reached
 * (issue 8, 3)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Finnish units reach the people Kela notified by phone first and by
 * letter when the phone does not answer. The letter lists the attempts
 * that did not reach the person (kh_contact_attempts_unreached): read from
 * the store (the timeline's logged read), laid out by
 * kh_could_not_reach_letter_build (src/documents/kh-letters.c) in the
 * person's language with the unit's letterhead, rendered in a thread of
 * its own from a plain copy of what it needs, and shown in the preview
 * window. Its header gets the language (the worker may switch: the letter
 * is rendered again) and "Issue", which stores the PDF shown as an issued
 * document (kh_store_issue_document_async).
 */
#define G_LOG_DOMAIN "kohtaamo-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kh-catalog.h"
#include "documents/kh-letters.h"
#include "ui/documents/kh-document-window.h"
#include "ui/documents/kh-letter-issue.h"
#include "kh-could-not-reach.h"

typedef struct {
  KhStore               *store;
  GtkWindow             *parent;        /* weak */
  KhClient              *client;
  KhChannel              channel;
  GWeakRef               owner;
  KhCouldNotReachIssued  issued;
  KhCouldNotReachShown   shown;

  GPtrArray             *unreached;     /* KhContactAttempt, oldest first */
  KhUnitProfile         *profile;
  char                  *language;      /* "fi" or "sv" */
  GBytes                *pdf;           /* what the window shows */
  GtkWidget             *window;        /* weak: KhDocumentWindow */
  GtkWidget             *issue_button;
  GtkWidget             *language_dropdown;
  GCancellable          *cancellable;
  gboolean               busy;
} Letter;

static void
letter_free (Letter *l)
{
  g_cancellable_cancel (l->cancellable);
  g_clear_object (&l->cancellable);
  g_clear_object (&l->store);
  g_clear_weak_pointer (&l->parent);
  g_clear_weak_pointer (&l->window);
  g_clear_object (&l->client);
  g_weak_ref_clear (&l->owner);
  g_clear_pointer (&l->unreached, g_ptr_array_unref);
  g_clear_pointer (&l->profile, kh_unit_profile_free);
  g_clear_pointer (&l->pdf, g_bytes_unref);
  g_free (l->language);
  g_free (l);
}

int
kh_could_not_reach_reason_for (KhChannel channel)
{
  switch ((int) channel)
    {
    case 0:
      return KH_REACH_PENDING_MATTER;
    case KH_CHANNEL_KELA:
      return KH_REACH_KELA_NOTIFICATION;
    case KH_CHANNEL_AUTHORITY:
      return KH_REACH_OTHER_AUTHORITY;
    default:
      return KH_REACH_OWN_CONTACT;
    }
}

/* ---- rendering, in a thread of its own ---- */

/* What the letter needs, owned: the thread touches nothing else. */
typedef struct {
  char           *language;
  char           *name;
  char           *address;
  char           *sender_name;
  char           *sender_title;
  int             reason;
  GArray         *lines;       /* KhAttemptLine, `when` owned */
  KhUnitProfile  *profile;
} RenderData;

static void
render_data_free (RenderData *r)
{
  for (guint i = 0; i < r->lines->len; i++)
    g_date_time_unref (g_array_index (r->lines, KhAttemptLine, i).when);
  g_array_unref (r->lines);
  g_clear_pointer (&r->profile, kh_unit_profile_free);
  g_free (r->language);
  g_free (r->name);
  g_free (r->address);
  g_free (r->sender_name);
  g_free (r->sender_title);
  g_free (r);
}

static RenderData *
render_data_new (Letter *l)
{
  RenderData *r = g_new0 (RenderData, 1);
  KhUser *user = kh_store_get_user (l->store);
  KhClient *c = l->client;

  gboolean is_protected;

  r->language = g_strdup (l->language);
  /* kh_could_not_reach_open made sure there is an address to print. */
  kh_letter_addressee (c, &r->name, &r->address, &is_protected);
  kh_letter_sender_of (user, l->language, &r->sender_name, &r->sender_title);
  r->reason = kh_could_not_reach_reason_for (l->channel);
  r->lines = g_array_new (FALSE, TRUE, sizeof (KhAttemptLine));
  for (guint i = 0; i < l->unreached->len; i++)
    {
      KhContactAttempt *a = g_ptr_array_index (l->unreached, i);
      KhAttemptLine line = { g_date_time_ref (a->attempted_at), a->method };

      g_array_append_val (r->lines, line);
    }
  r->profile = l->profile != NULL ? kh_unit_profile_copy (l->profile) : NULL;
  return r;
}

static void
render_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  RenderData *r = task_data;
  KhCouldNotReachLetter letter = { { 0 } };
  g_autoptr(KhDocument) doc = NULL;
  GError *error = NULL;
  GBytes *pdf;

  letter.letter.language = r->language;
  letter.letter.recipient_name = r->name;
  letter.letter.recipient_address = r->address;
  letter.letter.sender.name = r->sender_name;
  letter.letter.sender.title = r->sender_title;
  letter.reason = r->reason;
  letter.attempts = (const KhAttemptLine *) r->lines->data;
  letter.n_attempts = r->lines->len;
  /* "Please contact us as soon as possible." */
  g_date_clear (&letter.reply_by, 1);
  doc = kh_could_not_reach_letter_build (&letter, r->profile);
  pdf = kh_document_render_bytes (doc, &error);
  if (pdf == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, pdf, (GDestroyNotify) g_bytes_unref);
}

static void rendered_cb (GObject *object, GAsyncResult *result, gpointer user_data);

static void
render (Letter *l)
{
  g_autoptr(GTask) task = g_task_new (NULL, l->cancellable, rendered_cb, l);

  l->busy = TRUE;
  if (l->issue_button != NULL)
    gtk_widget_set_sensitive (l->issue_button, FALSE);
  g_task_set_task_data (task, render_data_new (l), (GDestroyNotify) render_data_free);
  g_task_run_in_thread (task, render_thread);
}

/* ---- the window ---- */

static char *
dup_title (const char *language)
{
  return g_strdup (kh_catalog_pgettext (language, "letter", "Request to contact us"));
}

static void
show_error (Letter     *l,
            const char *message)
{
  GtkWindow *parent = l->window != NULL ? GTK_WINDOW (l->window) : l->parent;
  /* Translators: the heading of a message when the could-not-reach letter cannot be made or issued */
  GtkWidget *dialog = adw_message_dialog_new (parent, _("The Letter Could Not Be Made"), message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
issued_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Letter *l = user_data;
  g_autoptr(KhIssuedDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) owner = NULL;

  document = kh_store_issue_document_finish (KH_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  l->busy = FALSE;
  if (document == NULL)
    {
      gtk_widget_set_sensitive (l->issue_button, TRUE);
      show_error (l, error->message);
      return;
    }
  owner = g_weak_ref_get (&l->owner);
  if (owner != NULL && l->issued != NULL)
    l->issued (owner, document);
  if (l->window != NULL)
    gtk_window_destroy (GTK_WINDOW (l->window));
}

static void
issue_clicked_cb (GtkButton *button,
                  Letter    *l)
{
  g_autoptr(KhIssuedDocument) d = kh_issued_document_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  KhContactAttempt *last;

  if (l->busy || l->pdf == NULL)
    return;
  last = g_ptr_array_index (l->unreached, l->unreached->len - 1);
  d->client_id = l->client->id;
  d->case_id = last->case_id;
  d->kind = KH_DOCUMENT_COULD_NOT_REACH;
  d->language = g_strdup (l->language);
  d->title = dup_title (l->language);
  g_date_set_dmy (&d->sent_on, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  d->delivery = KH_DOCUMENT_DELIVERY_LETTER;
  d->pdf = g_bytes_ref (l->pdf);
  l->busy = TRUE;
  gtk_widget_set_sensitive (l->issue_button, FALSE);
  kh_store_issue_document_async (l->store, d, l->cancellable, issued_cb, l);
}

static void
language_changed_cb (GtkDropDown *dropdown,
                     GParamSpec  *pspec,
                     Letter      *l)
{
  const char *language = gtk_drop_down_get_selected (dropdown) == 1 ? "sv" : "fi";

  if (g_strcmp0 (language, l->language) == 0)
    return;
  g_free (l->language);
  l->language = g_strdup (language);
  render (l);
}

/* The preview window's header gets the language and "Issue": the window
 * is the one every document opens in. */
static void
add_to_header (Letter *l)
{
  /* Translators: the languages a letter can be written in */
  const char *languages[] = { N_("In Finnish"), N_("In Swedish"), NULL };
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

  for (guint i = 0; languages[i] != NULL; i++)
    gtk_string_list_append (model, _(languages[i]));
  l->language_dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (model)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (l->language_dropdown), g_str_equal (l->language, "sv") ? 1 : 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (l->language_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  /* Translators: the accessible name of the choice of a letter's language */
                                  _("Language of the letter"), -1);
  gtk_widget_set_tooltip_text (l->language_dropdown, _("Language of the letter"));
  g_signal_connect (l->language_dropdown, "notify::selected", G_CALLBACK (language_changed_cb), l);
  /* Translators: stores the letter as sent to the person (issued documents are never changed) */
  l->issue_button = gtk_button_new_with_mnemonic (_("_Issue"));
  gtk_widget_add_css_class (l->issue_button, "suggested-action");
  g_signal_connect (l->issue_button, "clicked", G_CALLBACK (issue_clicked_cb), l);
  kh_document_window_add_header_widget (KH_DOCUMENT_WINDOW (l->window), l->issue_button);
  kh_document_window_add_header_widget (KH_DOCUMENT_WINDOW (l->window), l->language_dropdown);
}

static void
rendered_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Letter *l = user_data;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) owner = NULL;

  pdf = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  l->busy = FALSE;
  if (pdf == NULL)
    {
      show_error (l, error->message);
      if (l->window == NULL)
        letter_free (l);
      return;
    }
  g_clear_pointer (&l->pdf, g_bytes_unref);
  l->pdf = g_bytes_ref (pdf);
  if (l->window != NULL)
    {
      kh_document_view_set_pdf (kh_document_window_get_view (KH_DOCUMENT_WINDOW (l->window)), pdf);
      gtk_widget_set_sensitive (l->issue_button, TRUE);
      return;
    }
  {
    /* The window's title in the UI's language: the letter's own switches. */
    const char *title = C_("letter", "Request to contact us");
    g_autofree char *name = kh_client_dup_display_name (l->client);
    GtkWidget *window = kh_document_window_new (l->parent, title, name, pdf);

    g_set_weak_pointer (&l->window, window);
    add_to_header (l);
    /* The letter lives as long as its window. */
    g_object_set_data_full (G_OBJECT (window), "kh-could-not-reach", l, (GDestroyNotify) letter_free);
    gtk_window_present (GTK_WINDOW (window));
    owner = g_weak_ref_get (&l->owner);
    if (owner != NULL && l->shown != NULL)
      l->shown (owner, GTK_WINDOW (window));
  }
}

/* ---- reading what the letter needs ---- */

static void
profile_read_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Letter *l = user_data;
  g_autoptr(GError) error = NULL;

  l->profile = kh_store_get_unit_profile_finish (KH_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      letter_free (l);
      return;
    }
  if (l->profile == NULL)
    {
      show_error (l, error->message);
      letter_free (l);
      return;
    }
  render (l);
}

static void
attempts_read_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Letter *l = user_data;
  g_autoptr(GPtrArray) attempts = NULL;
  g_autoptr(GError) error = NULL;

  attempts = kh_store_list_contact_attempts_finish (KH_STORE (object), result, &error);
  if (attempts == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (l, error->message);
      letter_free (l);
      return;
    }
  l->unreached = kh_contact_attempts_unreached (attempts);
  if (l->unreached->len == 0)
    {
      show_error (l, _("The person was reached at the latest attempt: there is no attempt that did not reach them to write about."));
      letter_free (l);
      return;
    }
  kh_store_get_unit_profile_async (l->store, l->cancellable, profile_read_cb, l);
}

void
kh_could_not_reach_open (GtkWindow             *parent,
                         KhStore               *store,
                         KhClient              *client,
                         KhChannel              channel,
                         GObject               *owner,
                         KhCouldNotReachIssued  issued,
                         KhCouldNotReachShown   shown)
{
  Letter *l;

  g_return_if_fail (KH_IS_STORE (store));
  g_return_if_fail (KH_IS_CLIENT (client) && client->id > 0);

  /* As every letter from the desk (kh_letter_addressee): not to a
   * protected address (ATL 38 §), nor to none. */
  {
    g_autofree char *name = NULL;
    g_autofree char *address = NULL;
    gboolean is_protected;

    if (!kh_letter_addressee (client, &name, &address, &is_protected))
      {
        /* Translators: the heading of a message when the could-not-reach letter cannot be made or issued */
        GtkWidget *dialog = adw_message_dialog_new (parent, _("The Letter Could Not Be Made"),
                                                    is_protected
                                                      ? _("The person has a non-disclosure marking: their address is not printed from here. Contact them as the marking allows.")
                                                      : _("The person has no address on record. Add it on their page first."));

        adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("Close"));
        gtk_window_present (GTK_WINDOW (dialog));
        return;
      }
  }

  l = g_new0 (Letter, 1);
  l->store = g_object_ref (store);
  g_set_weak_pointer (&l->parent, parent);
  l->client = kh_client_copy (client);
  l->channel = channel;
  g_weak_ref_init (&l->owner, owner);
  l->issued = issued;
  l->shown = shown;
  l->language = g_strdup (kh_letter_language (client));
  l->cancellable = g_cancellable_new ();
  kh_store_list_contact_attempts_async (store, client->id, l->cancellable, attempts_read_cb, l);
}
