/* bench-document.c — one document's PDF beside a bare cairo + pango page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-document [ROUNDS]
 *
 * Issue 8: a decision's PDF should take under twice a bare page's time. A
 * document with what a decision has (letterhead, address block, headings,
 * paragraphs, a field table, signature, attachments; two pages) is rendered
 * into memory with kh_document_render_bytes, and beside it, in the same
 * round, the floors: a cairo PDF surface in memory with the same body text
 * as one Pango layout on one page, in the same font (the issue's floor);
 * and two such pages that also use the document's other fonts and letters,
 * so that cairo embeds the same four font subsets (what cairo itself
 * needs for the same output, without the engine). Beside them, a real
 * decision from its content with kh_decision_build (src/documents/
 * kh-decision.c): the decision on two pages and the rectification
 * instructions on two more, the last day computed, laid out and rendered
 * in each round. The first round warms
 * the font caches of both and is not counted. Then a batch of 1 000
 * invitation letters (kh-letters.h) to one PDF file with
 * kh_letters_render_invitations, three times, its progress shown on
 * stderr (issue 8: under 15 s). Prints "bench:" lines for tools/bench:
 * wall time, as the aims are, and then the same four as the thread's CPU
 * time, which a loaded machine moves less.
 *
 * `bench-document ROUNDS decision|document|floor|fonts [FILE]` makes only
 * one of them ROUNDS times and prints nothing, a run to profile (perf,
 * callgrind); the decision's or the document's last PDF goes to FILE if
 * given.
 */
#define G_LOG_DOMAIN "kohtaamo-bench"

#include "config.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <poppler.h>

#include <glib/gstdio.h>
#include <time.h>

#include "documents/kh-decision.h"
#include "documents/kh-document.h"
#include "documents/kh-letters.h"
#include "bench-common.h"

static const char *const paragraphs[] = {
  "Olette hakenut täydentävää toimeentulotukea vuokran ja sähkölaskun maksamiseen "
  "joulukuulta 2026. Hakemus on saapunut 1.12.2026.",
  "Täydentävää toimeentulotukea myönnetään erityisistä menoista, joita perustoimeentulotuessa "
  "ei ole otettu huomioon. Hakemuksen liitteinä olleista tiedoista ilmenee, että "
  "asumismenot ovat kohonneet äkillisesti.",
  "Sosiaalihuollon asiakkaan kanssa on keskusteltu tilanteesta puhelimitse 3.12.2026. "
  "Asiakkaan kertoman mukaan säästöjä ei ole, ja Kelan perustoimeentulotuen päätös on "
  "annettu 28.11.2026.",
  "Päätös perustuu toimeentulotuesta annetun lain 7 c §:ään sekä hyvinvointialueen "
  "toimeentulotuen soveltamisohjeeseen. Ärsyttävätkin viivästykset otetaan huomioon.",
  "Tuki maksetaan suoraan vuokranantajalle. Sähkölasku maksetaan asiakkaan tilille.",
  "Lisätietoja päätöksestä antaa valmistelija arkisin klo 9–11 puhelimitse.",
};

static KhDocument *
new_decision (void)
{
  KhDocument *doc = kh_document_new ("fi");
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 12, 7, 8, 0, 0);

  kh_document_set_title (doc, "Päätös");
  kh_document_set_author (doc, "Åsa Öhman");
  kh_document_set_subject (doc, "Täydentävä toimeentulotuki");
  kh_document_set_date (doc, date);
  kh_document_set_letterhead (doc, "Pohjolan hyvinvointialue", "Aikuissosiaalityö",
                              "Kirkkokatu 9 A, 90100 Oulu", "08 555 0100");
  kh_document_set_recipient (doc, "Áŋŋel Čuđđi", "Äijälänkatu 4 B 12\n90130 Oulu");
  kh_document_add_heading (doc, 1, "Päätös täydentävästä toimeentulotuesta");
  kh_document_add_field (doc, "Päätösnumero", "2026/1234");
  kh_document_add_field (doc, "Päätös", "Myönnetään osittain");
  kh_document_add_field (doc, "Määrä", "412,50 €");
  kh_document_add_field (doc, "Ajalle", "1.12.2026–31.12.2026");
  kh_document_add_field (doc, "Maksetaan", "Vuokranantaja Asunto Oy Pohjantähti");
  for (guint round = 0; round < 2; round++)
    {
      kh_document_add_heading (doc, 2, round == 0 ? "Perustelut" : "Sovelletut säännökset");
      for (guint i = 0; i < G_N_ELEMENTS (paragraphs); i++)
        kh_document_add_paragraph (doc, paragraphs[i]);
    }
  kh_document_add_signature (doc, "Åsa Öhman", "sosiaalityöntekijä");
  kh_document_add_attachments (doc, (const char *[]) { "Oikaisuvaatimusohje", NULL });
  return doc;
}

static const KhDecisionAmount amounts[] = {
  { "Vuokra joulukuu 2026", 41250 },
  { "Sähkölasku marraskuu 2026", 8990 },
};
static const char *const provisions[] = {
  "Laki toimeentulotuesta (1412/1997) 7 c §",
  "Hallintolaki (434/2003) 44 ja 45 §",
  NULL,
};

/* A real decision as kh_decision_build() lays it out: the decision on two
 * pages and the rectification instructions on two more, with the last day
 * computed. */
static void
decision_content (KhDecisionContent *c)
{
  *c = (KhDecisionContent) { 0 };
  c->language = "fi";
  c->authority[0] = (KhDecisionAuthority) { .name = "Pohjolan hyvinvointialue",
                                            .unit = "Aikuissosiaalityö",
                                            .postal_address = "PL 10\n90101 Oulu",
                                            .phone = "08 555 0100" };
  g_date_set_dmy (&c->decision_date, 7, 12, 2026);
  c->number = 1234;
  c->number_year = 2026;
  c->party_name = "Áŋŋel Čuđđi";
  c->party_id = "010190-999W";
  c->party_address = "Äijälänkatu 4 B 12\n90130 Oulu";
  c->kind = KH_DECISION_SUPPLEMENTARY_SUPPORT;
  c->outcome = KH_DECISION_PARTLY_GRANTED;
  c->subject = "Hakemus 1.12.2026: vuokra ja sähkölasku";
  c->amounts = amounts;
  c->n_amounts = G_N_ELEMENTS (amounts);
  g_date_set_dmy (&c->period_start, 1, 12, 2026);
  g_date_set_dmy (&c->period_end, 31, 12, 2026);
  c->payee = KH_PAYEE_DIRECT;
  c->payee_name = "Asunto Oy Pohjantähti";
  c->reasoning = "Olette hakenut täydentävää toimeentulotukea vuokran ja sähkölaskun maksamiseen "
                 "joulukuulta 2026.\n\nTäydentävää toimeentulotukea myönnetään erityisistä "
                 "menoista, joita perustoimeentulotuessa ei ole otettu huomioon.";
  c->provisions = provisions;
  c->maker = (KhDecisionPerson) { "Åsa Öhman", "johtava sosiaalityöntekijä", NULL, NULL };
  c->preparer = (KhDecisionPerson) { "Eero Esimerkki", "sosiaaliohjaaja", NULL, NULL };
  c->contact = (KhDecisionPerson) { "Eero Esimerkki", "sosiaaliohjaaja", "08 555 0101", NULL };
  c->rectification[0] = (KhDecisionAuthority) { .name = "Pohjolan hyvinvointialue",
                                                 .unit = "Yksilöasioiden jaosto",
                                                 .postal_address = "PL 10\n90101 Oulu",
                                                 .visiting_address = "Kirkkokatu 9 A, 90100 Oulu",
                                                 .email = "kirjaamo@example.fi",
                                                 .opening_hours = "ma–pe klo 9–15" };
  g_date_set_dmy (&c->sent_date, 7, 12, 2026);
  c->delivery = KH_DELIVERY_LETTER;
}

/* The CPU time this thread has used, in milliseconds: beside the wall
 * time, a figure that other processes on a loaded machine move less (a
 * render that a busy machine interrupts waits longer but uses no more). */
static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static cairo_status_t
discard (void                *closure,
         const unsigned char *data,
         unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
show_text (cairo_t    *cr,
           const char *font,
           const char *text,
           double      y)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_width (layout, 170 * 72 / 25.4 * PANGO_SCALE);
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, 20 * 72 / 25.4, y);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
}

/* The floors: the body text as one Pango layout on one page (`full`
 * FALSE), or on each of two pages with a line in each of the document's
 * other fonts and the recipient's Sámi name, so that cairo embeds the same
 * four font subsets as for the document. Returns the PDF's size. */
static gsize
bare_pages (gboolean full)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (discard, out, 595.2756, 841.8898);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GString) text = g_string_new (NULL);
  gsize size;

  /* The paragraphs, one a line. (`paragraphs` has no NULL at its end: it
   * is not for g_strjoinv, which read on into whatever strings the linker
   * put after it.) */
  for (guint i = 0; i < G_N_ELEMENTS (paragraphs); i++)
    g_string_append_printf (text, "%s%s", i > 0 ? "\n" : "", paragraphs[i]);

  for (int page = 0; page < (full ? 2 : 1); page++)
    {
      /* pango_cairo's default resolution is 96 dpi: 11 pt is 11 * 72 / 96 "points" there. */
      show_text (cr, "DejaVu Serif 8.25", text->str, 20 * 72 / 25.4);
      if (full)
        {
          show_text (cr, "DejaVu Sans Bold 7.5", "Pohjolan hyvinvointialue — Päätös", 10 * 72 / 25.4);
          show_text (cr, "DejaVu Sans 7", "Aikuissosiaalityö · puh. 08 555 0100", 280 * 72 / 25.4);
          show_text (cr, "DejaVu Serif 8.25", "Áŋŋel Čuđđi", 200 * 72 / 25.4);
        }
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    g_error ("bare page: %s", cairo_status_to_string (cairo_surface_status (surface)));
  cairo_surface_destroy (surface);
  size = out->len;
  return size;
}

/* The decision's own text, read back from its PDF once (poppler, outside
 * the timing), one string a page. */
static GPtrArray *
page_texts (GBytes *pdf)
{
  g_autoptr(GError) error = NULL;
  PopplerDocument *document = poppler_document_new_from_bytes (pdf, NULL, &error);
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  if (document == NULL)
    g_error ("reading the decision back: %s", error->message);
  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);

      g_ptr_array_add (texts, poppler_page_get_text (page));
      g_object_unref (page);
    }
  g_object_unref (document);
  return texts;
}

/* The issue's floor made the decision's size: each of its pages' text as
 * one Pango layout on a bare cairo page, in the body's font. What plain
 * cairo + Pango need for the same words on the same number of pages,
 * without the engine's letterhead, tags, fields, pagination and other
 * fonts. Returns the PDF's size. */
static gsize
bare_pages_of (GPtrArray *texts)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (discard, out, 595.2756, 841.8898);
  cairo_t *cr = cairo_create (surface);
  gsize size;

  for (guint i = 0; i < texts->len; i++)
    {
      show_text (cr, "DejaVu Serif 8.25", g_ptr_array_index (texts, i), 20 * 72 / 25.4);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    g_error ("bare pages: %s", cairo_status_to_string (cairo_surface_status (surface)));
  cairo_surface_destroy (surface);
  size = out->len;
  return size;
}

#define BATCH_LETTERS 1000
#define BATCH_ROUNDS  3

static const char *const bring[] = { "Henkilöllisyystodistus", "Viimeisimmät tiliotteet", NULL };

static void
show_progress (guint    done,
               guint    total,
               gpointer user_data)
{
  if (done % 100 == 0 || done == total)
    g_printerr ("\r  batch: %u / %u letters", done, total);
  if (done == total)
    g_printerr ("\n");
}

/* 1 000 invitations, every tenth in Swedish, a quarter by phone, to one
 * PDF in a temporary folder. Returns the milliseconds; the file's size in
 * `out_size`. */
static double
batch_of_invitations (gsize *out_size)
{
  g_autoptr(KhUnitProfile) profile = kh_unit_profile_new ();
  g_autoptr(GTimeZone) helsinki = g_time_zone_new_identifier ("Europe/Helsinki");
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) times = g_ptr_array_new_with_free_func ((GDestroyNotify) g_date_time_unref);
  g_autoptr(GDateTime) date = g_date_time_new (helsinki, 2026, 12, 7, 9, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kh-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "kutsut.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  KhInvitationLetter *letters = g_new0 (KhInvitationLetter, BATCH_LETTERS);
  GStatBuf st;
  double start, ms;

  profile->text[0][KH_UNIT_PROFILE_ORGANISATION] = g_strdup ("Pohjolan hyvinvointialue");
  profile->text[0][KH_UNIT_PROFILE_UNIT] = g_strdup ("Aikuissosiaalityö");
  profile->text[0][KH_UNIT_PROFILE_POSTAL_ADDRESS] = g_strdup ("PL 100");
  profile->text[0][KH_UNIT_PROFILE_POSTAL_CODE_TOWN] = g_strdup ("90101 Oulu");
  profile->text[0][KH_UNIT_PROFILE_PHONE] = g_strdup ("08 555 0100");
  profile->text[1][KH_UNIT_PROFILE_ORGANISATION] = g_strdup ("Välfärdsområdet Norden");
  profile->text[1][KH_UNIT_PROFILE_POSTAL_ADDRESS] = g_strdup ("PB 100");
  profile->text[1][KH_UNIT_PROFILE_POSTAL_CODE_TOWN] = g_strdup ("90101 Uleåborg");
  for (guint i = 0; i < BATCH_LETTERS; i++)
    {
      KhInvitationLetter *l = &letters[i];
      GDateTime *starts = g_date_time_new (helsinki, 2026, 12, 14 + (i / 40) % 5, 8 + (i % 8), 30, 0);
      char *name = g_strdup_printf ("Asiakas %04u Äijälä", i + 1);

      g_ptr_array_add (times, starts);
      g_ptr_array_add (owned, name);
      l->letter.language = i % 10 == 9 ? "sv" : "fi";
      l->letter.recipient_name = name;
      l->letter.recipient_address = "Äijälänkatu 4 B 12\n90130 Oulu";
      l->letter.date = date;
      l->letter.sender = (KhLetterSender) { "Eero Esimerkki", "sosiaaliohjaaja", "08 555 0101",
                                            "eero.esimerkki@example.fi" };
      l->starts = starts;
      l->minutes = 60;
      l->kind = i % 4 == 3 ? KH_MEETING_PHONE : KH_MEETING_IN_PERSON;
      l->place_name = "Keskustan sosiaalitoimisto";
      l->place_address = "Kirkkokatu 9 A\n90100 Oulu";
      l->bring = bring;
    }

  start = bench_now_ms ();
  if (!kh_letters_render_invitations (letters, BATCH_LETTERS, profile, file, show_progress, NULL,
                                      NULL, &error))
    g_error ("the batch: %s", error->message);
  ms = bench_now_ms () - start;
  *out_size = g_stat (path, &st) == 0 ? (gsize) st.st_size : 0;
  g_unlink (path);
  g_rmdir (dir);
  g_free (letters);
  return ms;
}

/* ---- the batch kept: each letter also alone, all issued together ---- */

typedef struct
{
  KhInvitationLetter *letters;
  KhIssuedDocument  **documents;
  KhUnitProfile      *profile;
} Kept;

/* As the UI's batch does (kh-invitation-batch.c): the letter into the
 * batch, and alone into the PDF that is kept. */
static KhDocument *
produce_kept (guint     index,
              gpointer  user_data,
              GError  **error)
{
  Kept *k = user_data;
  KhDocument *doc = kh_invitation_letter_build (&k->letters[index], k->profile);

  k->documents[index]->pdf = kh_document_render_bytes (doc, error);
  if (k->documents[index]->pdf == NULL)
    {
      kh_document_free (doc);
      return NULL;
    }
  return doc;
}

/* 1 000 people and their meetings by phone (ten workers, a hundred each,
 * in early February 2030) in a new SQLite database at `path`; the people
 * in `clients`, the meetings in `meetings`. Returns the first worker, who
 * sends the letters. */
static KhUser *
kept_set_up (KhDb      *db,
             GArray    *clients,
             GPtrArray *meetings)
{
  g_autoptr(GTimeZone) helsinki = g_time_zone_new_identifier ("Europe/Helsinki");
  g_autoptr(GError) error = NULL;
  g_autoptr(KhUser) admin = kh_db_login (db, g_get_user_name (), "Benchmark", &error);
  KhUser *first = NULL;

  if (admin == NULL)
    g_error ("cannot log in: %s", error->message);
  for (guint w = 0; w < 10; w++)
    {
      g_autofree char *account = g_strdup_printf ("bench-sw%u", w);
      g_autofree char *name = g_strdup_printf ("Sosiaalityöntekijä %u", w);
      g_autoptr(KhUser) worker = kh_db_save_user (db, admin, account, name, KH_ROLE_SOCIAL_WORKER, TRUE, &error);

      if (worker == NULL)
        g_error ("cannot add a worker: %s", error->message);
      g_clear_object (&worker);
      worker = kh_db_login (db, account, name, &error);
      for (guint m = 0; m < BATCH_LETTERS / 10; m++)
        {
          g_autoptr(KhClient) client = kh_client_new ();
          KhAppointment *a = kh_appointment_new ();
          guint i = w * (BATCH_LETTERS / 10) + m;

          client->last_name = g_strdup_printf ("Äijälä %04u", i + 1);
          client->first_names = g_strdup ("Asiakas");
          client->language = i % 10 == 9 ? KH_LANGUAGE_SV : KH_LANGUAGE_FI;
          client->identity_kind = KH_IDENTITY_BIRTH_DATE;
          client->no_code_reason = KH_NO_CODE_NOT_KNOWN;
          client->birth_date = g_strdup ("1975-06-01");
          client->id = kh_db_save_client (db, admin, client, &error);
          if (client->id <= 0)
            g_error ("cannot add a person: %s", error->message);
          g_array_append_val (clients, client->id);
          a->client_id = client->id;
          a->language = client->language;
          a->kind = KH_MEETING_PHONE;
          /* Monday 4 February 2030 on, 16 half hours a day from 8. */
          a->starts = g_date_time_new (helsinki, 2030, 2, 4 + (m / 16) / 5 * 7 + (m / 16) % 5,
                                       8 + (m % 16) / 2, (m % 2) * 30, 0);
          a->minutes = 30;
          a->id = kh_db_book_appointment (db, worker, a, &error);
          if (a->id <= 0)
            g_error ("cannot book a meeting: %s", error->message);
          g_ptr_array_add (meetings, a);
        }
      if (first == NULL)
        first = g_steal_pointer (&worker);
    }
  return first;
}

/* The UI's batch as it keeps the letters: 1 000 letters drawn into one
 * PDF and each alone, then issued in one transaction to the people of a
 * SQLite database. The milliseconds of the drawing and of the issuing. */
static void
batch_kept (double *draw_ms,
            double *issue_ms,
            gsize  *kept_bytes)
{
  g_autofree char *dir = g_dir_make_tmp ("kh-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "kohtaamo.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) clients = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) meetings = g_ptr_array_new_with_free_func ((GDestroyNotify) kh_appointment_free);
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func ((GDestroyNotify) kh_issued_document_free);
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(KhUnitProfile) profile = kh_unit_profile_new ();
  g_autoptr(KhUser) sender = NULL;
  KhDb *db = kh_db_open (path, &error);
  Kept k = { 0 };
  double start;

  if (db == NULL)
    g_error ("the database: %s", error->message);
  sender = kept_set_up (db, clients, meetings);
  k.letters = g_new0 (KhInvitationLetter, BATCH_LETTERS);
  k.documents = g_new0 (KhIssuedDocument *, BATCH_LETTERS);
  k.profile = profile;
  for (guint i = 0; i < BATCH_LETTERS; i++)
    {
      KhAppointment *a = g_ptr_array_index (meetings, i);
      KhIssuedDocument *d = kh_issued_document_new ();
      const char *language = a->language == KH_LANGUAGE_SV ? "sv" : "fi";

      kh_invitation_letter_init_from_appointment (&k.letters[i], a, NULL);
      k.letters[i].letter.language = language;
      k.letters[i].letter.recipient_name = "Asiakas Äijälä";
      k.letters[i].letter.recipient_address = "Äijälänkatu 4 B 12\n90130 Oulu";
      k.letters[i].bring = bring;
      d->client_id = a->client_id;
      d->kind = KH_DOCUMENT_INVITATION;
      d->language = g_strdup (language);
      d->title = g_strdup (kh_document_kind_label_in (KH_DOCUMENT_INVITATION, language));
      g_date_set_dmy (&d->sent_on, 28, G_DATE_JANUARY, 2030);
      d->delivery = KH_DOCUMENT_DELIVERY_LETTER;
      d->appointment_id = a->id;
      d->appointment_revision = a->revision;
      k.documents[i] = d;
    }

  start = bench_now_ms ();
  if (!kh_document_render_batch_to_stream (BATCH_LETTERS, produce_kept, show_progress, &k, stream, NULL, &error)
      || !g_output_stream_close (stream, NULL, &error))
    g_error ("the batch kept: %s", error->message);
  *draw_ms = bench_now_ms () - start;
  *kept_bytes = 0;
  for (guint i = 0; i < BATCH_LETTERS; i++)
    {
      *kept_bytes += g_bytes_get_size (k.documents[i]->pdf);
      g_ptr_array_add (documents, k.documents[i]);
    }

  start = bench_now_ms ();
  if (!kh_db_issue_invitations (db, sender, documents, NULL, &error))
    g_error ("issuing the batch: %s", error->message);
  *issue_ms = bench_now_ms () - start;

  g_free (k.letters);
  g_free (k.documents);
  kh_db_close (db);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);

        g_unlink (file);
      }
  }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  guint rounds = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 50;
  g_autoptr(GArray) document = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) same_fonts = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) decision = g_array_new (FALSE, FALSE, sizeof (double));
  /* The same four as CPU time. */
  g_autoptr(GArray) document_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) same_fonts_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) decision_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  /* The decision's text on bare pages, wall and CPU. */
  g_autoptr(GArray) decision_floor = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) decision_floor_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) decision_texts = NULL;
  gsize decision_floor_size = 0;
  g_autoptr(KhCalendar) calendar = kh_calendar_new ();
  gsize document_size = 0, floor_size = 0, same_fonts_size = 0, decision_size = 0;
  KhDecisionContent content;
  double ratio, decision_ratio;

  g_date_clear (&content.decision_date, 1);
  g_date_clear (&content.period_start, 1);
  g_date_clear (&content.period_end, 1);
  g_date_clear (&content.sent_date, 1);
  decision_content (&content);

  if (argc > 2)
    {
      /* One thing alone, ROUNDS times: a run to profile. */
      for (guint i = 0; i < rounds; i++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(GBytes) pdf = NULL;

          if (g_str_equal (argv[2], "decision"))
            {
              g_autoptr(KhDocument) built = kh_decision_build (&content, calendar);

              pdf = kh_document_render_bytes (built, &error);
            }
          else if (g_str_equal (argv[2], "document"))
            {
              g_autoptr(KhDocument) doc = new_decision ();

              pdf = kh_document_render_bytes (doc, &error);
            }
          else if (g_str_equal (argv[2], "floor") || g_str_equal (argv[2], "fonts"))
            {
              bare_pages (g_str_equal (argv[2], "fonts"));
              continue;
            }
          else
            g_error ("usage: bench-document [ROUNDS [decision|document|floor|fonts [FILE]]]");
          if (pdf == NULL)
            g_error ("%s: %s", argv[2], error->message);
          if (i + 1 == rounds && argc > 3
              && !g_file_set_contents (argv[3], g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), &error))
            g_error ("%s: %s", argv[3], error->message);
        }
      return 0;
    }

  for (guint i = 0; i <= rounds; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(KhDocument) doc = NULL;
      g_autoptr(GBytes) bytes = NULL;
      double start = bench_now_ms (), ms;
      double cpu_start = thread_cpu_ms (), cpu;

      doc = new_decision ();
      bytes = kh_document_render_bytes (doc, &error);
      if (bytes == NULL)
        g_error ("the document: %s", error->message);
      ms = bench_now_ms () - start;
      cpu = thread_cpu_ms () - cpu_start;
      document_size = g_bytes_get_size (bytes);
      if (i > 0)
        {
          g_array_append_val (document, ms);
          g_array_append_val (document_cpu, cpu);
        }

      /* The decision from its content: laid out and rendered. */
      start = bench_now_ms ();
      cpu_start = thread_cpu_ms ();
      {
        g_autoptr(KhDocument) built = kh_decision_build (&content, calendar);
        g_autoptr(GBytes) pdf = kh_document_render_bytes (built, &error);

        if (pdf == NULL)
          g_error ("the decision: %s", error->message);
        decision_size = g_bytes_get_size (pdf);
        if (decision_texts == NULL)
          decision_texts = page_texts (pdf);
      }
      ms = bench_now_ms () - start;
      cpu = thread_cpu_ms () - cpu_start;
      if (i > 0)
        {
          g_array_append_val (decision, ms);
          g_array_append_val (decision_cpu, cpu);
        }

      /* The same words on as many bare pages. */
      start = bench_now_ms ();
      cpu_start = thread_cpu_ms ();
      decision_floor_size = bare_pages_of (decision_texts);
      ms = bench_now_ms () - start;
      cpu = thread_cpu_ms () - cpu_start;
      if (i > 0)
        {
          g_array_append_val (decision_floor, ms);
          g_array_append_val (decision_floor_cpu, cpu);
        }

      start = bench_now_ms ();
      cpu_start = thread_cpu_ms ();
      floor_size = bare_pages (FALSE);
      ms = bench_now_ms () - start;
      cpu = thread_cpu_ms () - cpu_start;
      if (i > 0)
        {
          g_array_append_val (floor, ms);
          g_array_append_val (floor_cpu, cpu);
        }

      start = bench_now_ms ();
      cpu_start = thread_cpu_ms ();
      same_fonts_size = bare_pages (TRUE);
      ms = bench_now_ms () - start;
      cpu = thread_cpu_ms () - cpu_start;
      if (i > 0)
        {
          g_array_append_val (same_fonts, ms);
          g_array_append_val (same_fonts_cpu, cpu);
        }
    }
  {
    g_autoptr(GArray) batch = g_array_new (FALSE, FALSE, sizeof (double));
    gsize batch_size = 0;
    double median;

    for (guint i = 0; i < BATCH_ROUNDS; i++)
      {
        double ms = batch_of_invitations (&batch_size);

        g_array_append_val (batch, ms);
      }
    median = bench_quantile (batch, 0.5);
    bench_report ("batch: 1 000 invitations to one PDF", batch);
    g_print ("bench: batch: %.2f ms a letter, %.2fx the bare page; %zu bytes; aim < 15 s: %s\n",
             median / BATCH_LETTERS, median / BATCH_LETTERS / bench_quantile (floor, 0.5), batch_size,
             median < 15000 ? "met" : "NOT met");
  }
  {
    g_autoptr(GArray) draw = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) issue = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) total = g_array_new (FALSE, FALSE, sizeof (double));
    gsize kept_bytes = 0;

    for (guint i = 0; i < BATCH_ROUNDS; i++)
      {
        double draw_ms, issue_ms, sum;

        batch_kept (&draw_ms, &issue_ms, &kept_bytes);
        sum = draw_ms + issue_ms;
        g_array_append_val (draw, draw_ms);
        g_array_append_val (issue, issue_ms);
        g_array_append_val (total, sum);
      }
    bench_report ("batch kept: 1 000 letters drawn into one PDF and each alone", draw);
    bench_report ("batch kept: the 1 000 issued in one SQLite transaction", issue);
    bench_report ("batch kept: both", total);
    g_print ("bench: batch kept: the 1 000 letters alone %zu bytes; aim < 15 s: %s\n", kept_bytes,
             bench_quantile (total, 0.5) < 15000 ? "met" : "NOT met");
  }
  bench_report ("document: a decision's PDF, 2 pages", document);
  bench_report ("decision: with its instructions, 4 pages", decision);
  bench_report ("floor: a bare cairo + pango PDF page", floor);
  bench_report ("floor: 2 bare pages, the document's 4 fonts", same_fonts);
  ratio = bench_quantile (document, 0.5) / bench_quantile (floor, 0.5);
  decision_ratio = bench_quantile (decision, 0.5) / bench_quantile (floor, 0.5);
  g_print ("bench: document sizes: %zu bytes, the decision %zu, the bare page %zu, 2 bare pages %zu\n",
           document_size, decision_size, floor_size, same_fonts_size);
  g_print ("bench: document beside 2 bare pages in its fonts: %.2fx\n",
           bench_quantile (document, 0.5) / bench_quantile (same_fonts, 0.5));
  g_print ("bench: document aim: median < 2x the bare page: %.2fx, %s\n", ratio,
           ratio < 2 ? "met" : "NOT met");
  g_print ("bench: decision with its instructions beside the bare page: %.2fx (4 pages against 1)\n",
           decision_ratio);
  bench_report ("floor: the decision's words on bare pages", decision_floor);
  g_print ("bench: the decision's %u pages of words as bare pages: %zu bytes\n",
           decision_texts->len, decision_floor_size);
  g_print ("bench: decision aim: median < 2x its words on bare pages: %.2fx, %s (absolute: %.1f ms, about 12 ms)\n",
           bench_quantile (decision, 0.5) / bench_quantile (decision_floor, 0.5),
           bench_quantile (decision, 0.5) / bench_quantile (decision_floor, 0.5) < 2 ? "met" : "NOT met",
           bench_quantile (decision, 0.5));
  bench_report ("document: CPU time, 2 pages", document_cpu);
  bench_report ("decision: CPU time, 4 pages", decision_cpu);
  bench_report ("floor: a bare cairo + pango page, CPU time", floor_cpu);
  bench_report ("floor: 2 bare pages, CPU time", same_fonts_cpu);
  bench_report ("floor: the decision's words on bare pages, CPU time", decision_floor_cpu);
  g_print ("bench: the decision in CPU time beside its words on bare pages: %.2fx\n",
           bench_quantile (decision_cpu, 0.5) / bench_quantile (decision_floor_cpu, 0.5));
  g_print ("bench: document and decision in CPU time beside the bare page: %.2fx and %.2fx; "
           "the document beside 2 bare pages in its fonts: %.2fx\n",
           bench_quantile (document_cpu, 0.5) / bench_quantile (floor_cpu, 0.5),
           bench_quantile (decision_cpu, 0.5) / bench_quantile (floor_cpu, 0.5),
           bench_quantile (document_cpu, 0.5) / bench_quantile (same_fonts_cpu, 0.5));
  return 0;
}
