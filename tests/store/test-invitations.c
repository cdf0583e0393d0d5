/* test-invitations.c — the week's invitation letters issued together, on
 * both engines (issue 8, 5 and 6): a batch is kept in one transaction,
 * each letter its own PDF in its person's record, naming the meeting it
 * invites to; a failure or a cancel in the middle keeps none; a meeting
 * whose invitation has been issued, as it now stands, is told and never
 * sent again by a batch, while a moved meeting may be.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include <string.h>

#include <poppler.h>

#include "documents/kh-letters.h"
#include "store-test-util.h"

/* poppler-glib 22.12 has no g_autoptr of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

typedef struct
{
  KhUser        *sanna;
  gint64         aino;
  gint64         bertil;
  gint64         eero;
  KhAppointment *meetings[3];   /* Aino's, Bertil's, Eero's: by phone, 5–7 March 2030 */
  const char    *names[3];
  const char    *languages[3];
} Week;

/* A time in Finland, as the letters print it. */
static GDateTime *
finnish_time (int day,
              int hour)
{
  g_autoptr(GTimeZone) helsinki = g_time_zone_new_identifier ("Europe/Helsinki");

  g_assert_nonnull (helsinki);
  return g_date_time_new (helsinki, 2030, 3, day, hour, 0, 0);
}

static KhAppointment *
phone_meeting (Fixture *f,
               KhUser  *user,
               gint64   client_id,
               int      day,
               int      hour)
{
  KhAppointment *a = kh_appointment_new ();
  g_autoptr(GError) error = NULL;

  a->client_id = client_id;
  a->language = KH_LANGUAGE_FI;
  a->kind = KH_MEETING_PHONE;
  a->starts = finnish_time (day, hour);
  a->minutes = 45;
  a->id = kh_db_book_appointment (fixture_db (f, user), user, a, &error);
  g_assert_no_error (error);
  g_assert_cmpint (a->id, >, 0);
  a->worker_id = user->id;
  return a;
}

static void
week_set_up (Fixture *f,
             Week    *w)
{
  g_autoptr(KhClient) bertil = test_client ("Lindqvist", "Bertil", "1971-02-03", 0);
  g_autoptr(GError) error = NULL;

  w->sanna = fixture_add_user (f, "sanna", "Sanna Sosiaalityöntekijä", KH_ROLE_SOCIAL_WORKER);
  w->aino = add_client (f, "Aaltonen", "Aino", "1980-01-01", 0);
  bertil->language = KH_LANGUAGE_SV;
  w->bertil = kh_db_save_client (f->db, f->admin, bertil, &error);
  g_assert_no_error (error);
  w->eero = add_client (f, "Virtanen", "Eero", "1975-02-03", 0);
  w->meetings[0] = phone_meeting (f, w->sanna, w->aino, 5, 10);
  w->meetings[1] = phone_meeting (f, w->sanna, w->bertil, 6, 13);
  w->meetings[2] = phone_meeting (f, w->sanna, w->eero, 7, 9);
  w->names[0] = "Aino Aaltonen";
  w->names[1] = "Bertil Lindqvist";
  w->names[2] = "Eero Virtanen";
  w->languages[0] = "fi";
  w->languages[1] = "sv";
  w->languages[2] = "fi";
}

static void
week_clear (Week *w)
{
  g_clear_object (&w->sanna);
  for (guint i = 0; i < G_N_ELEMENTS (w->meetings); i++)
    g_clear_pointer (&w->meetings[i], kh_appointment_free);
}

/* The `i`th meeting's letter as the batch makes it: a real invitation in
 * the person's language, drawn alone, naming the meeting. */
static KhIssuedDocument *
letter (Week  *w,
        guint  i)
{
  KhIssuedDocument *d = kh_issued_document_new ();
  KhInvitationLetter l = { { 0 } };
  g_autoptr(KhDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  kh_invitation_letter_init_from_appointment (&l, w->meetings[i], NULL);
  l.letter.language = w->languages[i];
  l.letter.recipient_name = w->names[i];
  l.letter.recipient_address = "Kauppakatu 12 B 7\n65100 Vaasa";
  doc = kh_invitation_letter_build (&l, NULL);
  d->pdf = kh_document_render_bytes (doc, &error);
  g_assert_no_error (error);
  d->client_id = w->meetings[i]->client_id;
  d->kind = KH_DOCUMENT_INVITATION;
  d->language = g_strdup (w->languages[i]);
  d->title = g_strdup (kh_document_kind_label_in (KH_DOCUMENT_INVITATION, w->languages[i]));
  g_date_set_dmy (&d->sent_on, 4, G_DATE_MARCH, 2030);
  d->delivery = KH_DOCUMENT_DELIVERY_LETTER;
  d->appointment_id = w->meetings[i]->id;
  d->appointment_revision = w->meetings[i]->revision;
  return d;
}

static GPtrArray *
letters (Week *w)
{
  GPtrArray *all = g_ptr_array_new_with_free_func ((GDestroyNotify) kh_issued_document_free);

  for (guint i = 0; i < G_N_ELEMENTS (w->meetings); i++)
    g_ptr_array_add (all, letter (w, i));
  return all;
}

static gint64
count_documents (Fixture *f)
{
  RawDb *raw = raw_connect (f);
  gint64 n = raw_number (raw, "SELECT count (*) FROM documents");

  raw_close (raw);
  return n;
}

/* The meetings of `w` that the store says have their invitation, as a
 * string of their indexes ("02"). */
static char *
invited (Fixture *f,
         Week    *w)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) answer = NULL;
  g_autoptr(GError) error = NULL;
  GString *which = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (w->meetings); i++)
    g_array_append_val (ids, w->meetings[i]->id);
  answer = kh_db_list_invited_appointments (fixture_db (f, w->sanna), w->sanna, ids, &error);
  g_assert_no_error (error);
  for (guint j = 0; j < answer->len; j++)
    for (guint i = 0; i < G_N_ELEMENTS (w->meetings); i++)
      if (g_array_index (answer, gint64, j) == w->meetings[i]->id)
        g_string_append_printf (which, "%u", i);
  return g_string_free (which, FALSE);
}

static void
test_batch_kept (Fixture       *f,
                 gconstpointer  data)
{
  Week w = { 0 };
  g_autoptr(GPtrArray) batch = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *none = NULL;
  g_autofree char *all = NULL;

  week_set_up (f, &w);
  none = invited (f, &w);
  g_assert_cmpstr (none, ==, "");
  batch = letters (&w);
  g_assert_true (kh_db_issue_invitations (fixture_db (f, w.sanna), w.sanna, batch, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_documents (f), ==, 3);
  all = invited (f, &w);
  g_assert_cmpstr (all, ==, "012");

  for (guint i = 0; i < batch->len; i++)
    {
      KhIssuedDocument *issued = g_ptr_array_index (batch, i);
      g_autoptr(KhIssuedDocument) opened = NULL;
      g_autoptr(PopplerDocument) pdf = NULL;
      g_autoptr(PopplerPage) page = NULL;
      g_autoptr(GPtrArray) timeline = NULL;
      g_autofree char *text = NULL;
      guint on_timeline = 0;

      g_assert_cmpint (issued->id, >, 0);
      g_assert_cmpint (issued->issued_by, ==, w.sanna->id);
      g_assert_nonnull (issued->sha256);
      /* Read back: that person's letter, in their language, for their
       * meeting, and no one else's. */
      opened = kh_db_get_document_pdf (fixture_db (f, w.sanna), w.sanna, issued->id, &error);
      g_assert_no_error (error);
      g_assert_cmpint (opened->client_id, ==, w.meetings[i]->client_id);
      g_assert_cmpstr (opened->language, ==, w.languages[i]);
      g_assert_cmpstr (opened->sha256, ==, issued->sha256);
      pdf = poppler_document_new_from_bytes (opened->pdf, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 1);
      page = poppler_document_get_page (pdf, 0);
      text = poppler_page_get_text (page);
      g_assert_nonnull (strstr (text, w.names[i]));
      for (guint j = 0; j < G_N_ELEMENTS (w.names); j++)
        if (j != i)
          g_assert_null (strstr (text, w.names[j]));
      switch (i)
        {
        case 0:
          g_assert_nonnull (strstr (text, "Kutsu tapaamiseen"));
          g_assert_nonnull (strstr (text, "tiistai 5.3.2030 klo 10.00–10.45"));
          break;
        case 1:
          g_assert_nonnull (strstr (text, "Kallelse till möte"));
          g_assert_nonnull (strstr (text, "onsdag 6.3.2030 kl. 13.00–13.45"));
          g_assert_null (strstr (text, "Kutsu"));
          break;
        default:
          g_assert_nonnull (strstr (text, "torstai 7.3.2030 klo 9.00–9.45"));
          break;
        }
      /* On the person's timeline, once. */
      timeline = kh_db_list_client_timeline (fixture_db (f, w.sanna), w.sanna, w.meetings[i]->client_id, 0,
                                             &error);
      g_assert_no_error (error);
      for (guint k = 0; k < timeline->len; k++)
        {
          KhTimelineEntry *entry = g_ptr_array_index (timeline, k);

          if (entry->kind == KH_TIMELINE_DOCUMENT && entry->n1 == KH_DOCUMENT_INVITATION)
            on_timeline++;
        }
      g_assert_cmpuint (on_timeline, ==, 1);
    }
  week_clear (&w);
}

/* A failure in the middle, or a cancel, keeps none of the batch. */
static void
test_all_or_nothing (Fixture       *f,
                     gconstpointer  data)
{
  Week w = { 0 };
  g_autoptr(GPtrArray) batch = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *none = NULL;
  g_autofree char *done = NULL;
  KhIssuedDocument *middle;

  week_set_up (f, &w);
  /* Bertil's letter names his meeting at a revision it no longer has:
   * the database refuses it, after Aino's was written. */
  batch = letters (&w);
  middle = g_ptr_array_index (batch, 1);
  middle->appointment_revision = 7;
  g_assert_false (kh_db_issue_invitations (fixture_db (f, w.sanna), w.sanna, batch, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (count_documents (f), ==, 0);

  /* Eero's is not an invitation: refused, nothing kept. */
  g_clear_pointer (&batch, g_ptr_array_unref);
  batch = letters (&w);
  ((KhIssuedDocument *) g_ptr_array_index (batch, 2))->kind = KH_DOCUMENT_COULD_NOT_REACH;
  g_assert_false (kh_db_issue_invitations (fixture_db (f, w.sanna), w.sanna, batch, NULL, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count_documents (f), ==, 0);

  /* Cancelled: none. */
  g_clear_pointer (&batch, g_ptr_array_unref);
  batch = letters (&w);
  g_cancellable_cancel (cancellable);
  g_assert_false (kh_db_issue_invitations (fixture_db (f, w.sanna), w.sanna, batch, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpint (count_documents (f), ==, 0);
  none = invited (f, &w);
  g_assert_cmpstr (none, ==, "");

  /* Reception sends no letters: refused, nothing kept. */
  {
    g_autoptr(KhUser) riikka = fixture_add_user (f, "riikka", "Riikka Vastaanotto", KH_ROLE_RECEPTION);

    g_assert_false (kh_db_issue_invitations (fixture_db (f, riikka), riikka, batch, NULL, &error));
    g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
    g_clear_error (&error);
    g_assert_cmpint (count_documents (f), ==, 0);
  }

  /* As it was, the batch goes through. */
  g_assert_true (kh_db_issue_invitations (fixture_db (f, w.sanna), w.sanna, batch, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_documents (f), ==, 3);
  done = invited (f, &w);
  g_assert_cmpstr (done, ==, "012");
  week_clear (&w);
}

/* A meeting's invitation sent alone is told; a batch with it is refused
 * whole; once the meeting is moved, its new letter may go. */
static void
test_already_invited (Fixture       *f,
                      gconstpointer  data)
{
  Week w = { 0 };
  g_autoptr(KhIssuedDocument) alone = NULL;
  g_autoptr(GPtrArray) batch = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *moved = NULL;
  KhDb *db;

  week_set_up (f, &w);
  db = fixture_db (f, w.sanna);
  /* Bertil's sent alone, from the meeting. */
  alone = letter (&w, 1);
  g_assert_cmpint (kh_db_issue_document (db, w.sanna, alone, &error), >, 0);
  g_assert_no_error (error);
  first = invited (f, &w);
  g_assert_cmpstr (first, ==, "1");

  /* A batch with his meeting again: refused, none of it kept. */
  batch = letters (&w);
  g_assert_false (kh_db_issue_invitations (db, w.sanna, batch, NULL, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_STALE);
  g_clear_error (&error);
  g_assert_cmpint (count_documents (f), ==, 1);

  /* His meeting moved to Friday: the letter he has is for the old time. */
  g_clear_pointer (&w.meetings[1]->starts, g_date_time_unref);
  w.meetings[1]->starts = finnish_time (8, 13);
  g_assert_true (kh_db_move_appointment (db, w.sanna, w.meetings[1], &error));
  g_assert_no_error (error);
  w.meetings[1]->revision++;
  moved = invited (f, &w);
  g_assert_cmpstr (moved, ==, "");

  /* The old revision is refused (the database would refuse it below the
   * store too), naming the meeting that moved. */
  g_assert_false (kh_db_issue_invitations (db, w.sanna, batch, NULL, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_STALE);
  g_assert_cmpint (kh_store_error_get_appointment_id (error), ==, w.meetings[1]->id);
  g_clear_error (&error);
  g_assert_cmpint (count_documents (f), ==, 1);
  /* Sent alone from the meeting as it was read: the same; a copy of the
   * refusal (as a GTask hands it on) still names the meeting, and other
   * refusals name none. */
  {
    g_autoptr(KhIssuedDocument) old = kh_issued_document_copy (g_ptr_array_index (batch, 1));
    g_autoptr(GError) copy = NULL;
    g_autoptr(GError) other = g_error_new_literal (KH_STORE_ERROR, KH_STORE_ERROR_STALE, "x");

    g_assert_cmpint (kh_db_issue_document (db, w.sanna, old, &error), ==, 0);
    g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_STALE);
    copy = g_error_copy (error);
    g_assert_cmpint (kh_store_error_get_appointment_id (copy), ==, w.meetings[1]->id);
    g_assert_cmpint (kh_store_error_get_appointment_id (other), ==, 0);
    g_clear_error (&error);
  }
  /* The letters as they now stand: all three kept. */
  g_clear_pointer (&batch, g_ptr_array_unref);
  batch = letters (&w);
  g_assert_true (kh_db_issue_invitations (db, w.sanna, batch, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_documents (f), ==, 4);

  /* Eero's meeting cancelled since his letter was made: refused, naming it. */
  g_assert_true (kh_db_cancel_appointment (db, w.sanna, w.meetings[2]->id, w.meetings[2]->revision,
                                           "Eero sairastui", &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) eeros = g_ptr_array_new_with_free_func ((GDestroyNotify) kh_issued_document_free);

    g_ptr_array_add (eeros, letter (&w, 2));
    g_assert_false (kh_db_issue_invitations (db, w.sanna, eeros, NULL, &error));
    g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_STALE);
    g_assert_cmpint (kh_store_error_get_appointment_id (error), ==, w.meetings[2]->id);
    g_clear_error (&error);
  }
  g_assert_cmpint (count_documents (f), ==, 4);

  /* Only an invitation names a meeting, and only its own person's. */
  {
    g_autoptr(KhIssuedDocument) wrong = letter (&w, 0);

    wrong->client_id = w.eero;
    g_assert_cmpint (kh_db_issue_document (db, w.sanna, wrong, &error), ==, 0);
    g_assert_nonnull (error);
    g_clear_error (&error);
    g_assert_cmpint (count_documents (f), ==, 4);
  }
  week_clear (&w);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  if (store_test_runs_here (path)) \
    g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/invitations/batch-kept", test_batch_kept);
  ADD ("/store/invitations/all-or-nothing", test_all_or_nothing);
  ADD ("/store/invitations/already-invited", test_already_invited);

  return g_test_run ();
}
