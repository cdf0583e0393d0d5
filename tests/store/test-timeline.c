/* test-timeline.c — the person's timeline and case notes in the store, on
 * both engines: one list of contacts, cases, assessment versions and notes
 * newest first; notes append-only below the store, their author and time
 * the store's; who may; every read logged (issue 7, 2)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include "store-test-util.h"
#include "store/kh-db-private.h"

typedef struct
{
  KhUser *rec;
  KhUser *cou;
  KhUser *sw;
  KhUser *lead;
  gint64  case_id;
  gint64  client_id;
  gint64  contact_id;
} People;

/* The unit's workers, and a case opened at reception for Aino Korhonen. */
static void
people_set_up (Fixture *f,
               People  *p)
{
  g_autoptr(KhContact) contact = test_contact (KH_OUTCOME_CASE_OPENED);
  g_autoptr(KhClient) client = test_client ("Korhonen", "Aino", "1980-05-14", 931);
  g_autoptr(KhIntakeResult) result = NULL;
  g_autoptr(GError) error = NULL;
  KhIntake intake = { contact, client, FALSE, 0, 0 };

  p->rec = fixture_add_user (f, "rec", "Riikka Vastaanotto", KH_ROLE_RECEPTION);
  p->cou = fixture_add_user (f, "cou", "Outi Ohjaaja", KH_ROLE_COUNSELLOR);
  p->sw = fixture_add_user (f, "sw", "Sari Sosiaalityöntekijä", KH_ROLE_SOCIAL_WORKER);
  p->lead = fixture_add_user (f, "lead", "Leena Johtava", KH_ROLE_LEAD);
  contact->received_at = g_date_time_new_now_local ();
  contact->reason_text = g_strdup ("Vuokra maksamatta");
  result = kh_db_save_intake (fixture_db (f, p->rec), p->rec, &intake, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result->case_id, >, 0);
  p->case_id = result->case_id;
  p->client_id = result->client_id;
  p->contact_id = result->contact_id;
}

static void
people_clear (People *p)
{
  g_clear_object (&p->rec);
  g_clear_object (&p->cou);
  g_clear_object (&p->sw);
  g_clear_object (&p->lead);
}

static KhTimelineEntry *
add_note (Fixture    *f,
          KhUser     *user,
          gint64      case_id,
          const char *text,
          gint64      corrects_id)
{
  g_autoptr(GError) error = NULL;
  KhTimelineEntry *note = kh_db_add_case_note (fixture_db (f, user), user, case_id, text,
                                               corrects_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (note);
  return note;
}

static GPtrArray *
timeline (Fixture *f,
          KhUser  *user,
          gint64   client_id,
          guint    limit)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = kh_db_list_client_timeline (fixture_db (f, user), user, client_id, limit, &error);

  g_assert_no_error (error);
  g_assert_nonnull (entries);
  return entries;
}

static gint64
timeline_log_rows (Fixture *f,
                   People  *p)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM access_log WHERE client_id = %"
                                          G_GINT64_FORMAT " AND what = %d",
                                          p->client_id, KH_ACCESS_TIMELINE);

  return count (f, sql);
}

#define ENTRY(entries, i) ((KhTimelineEntry *) g_ptr_array_index ((entries), (i)))

static void
test_everything_newest_first (Fixture       *f,
                              gconstpointer  data)
{
  People p = { 0 };
  g_autoptr(KhAssessment) draft = NULL;
  g_autoptr(KhTimelineEntry) first = NULL;
  g_autoptr(KhTimelineEntry) second = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  gint64 before, after;

  people_set_up (f, &p);
  draft = kh_db_start_assessment (fixture_db (f, p.sw), p.sw, p.case_id, &error);
  g_assert_no_error (error);

  before = g_get_real_time () / G_USEC_PER_SEC;
  first = add_note (f, p.sw, p.case_id, "  Tapasin asiakkaan, vuokra-asia selvitetään.\n", 0);
  second = add_note (f, p.cou, p.case_id, "Soitin vuokranantajalle.", 0);
  after = g_get_real_time () / G_USEC_PER_SEC;

  /* The note as stored: trimmed, by whom and when the store says. */
  g_assert_cmpint (first->kind, ==, KH_TIMELINE_NOTE);
  g_assert_cmpint (first->id, >, 0);
  g_assert_cmpint (first->case_id, ==, p.case_id);
  g_assert_cmpstr (first->text, ==, "Tapasin asiakkaan, vuokra-asia selvitetään.");
  g_assert_cmpstr (first->who, ==, "Sari Sosiaalityöntekijä");
  g_assert_cmpint (g_date_time_to_unix (first->at), >=, before);
  g_assert_cmpint (g_date_time_to_unix (first->at), <=, after);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT written_by FROM case_notes WHERE id = %"
                                            G_GINT64_FORMAT, first->id);
    g_assert_cmpint (count (f, sql), ==, p.sw->id);
  }

  entries = timeline (f, p.lead, p.client_id, 0);
  g_assert_cmpuint (entries->len, ==, 5);
  /* Newest first; at the same second the later kind first. */
  g_assert_cmpint (ENTRY (entries, 0)->kind, ==, KH_TIMELINE_NOTE);
  g_assert_cmpint (ENTRY (entries, 0)->id, ==, second->id);
  g_assert_cmpstr (ENTRY (entries, 0)->text, ==, "Soitin vuokranantajalle.");
  g_assert_cmpstr (ENTRY (entries, 0)->who, ==, "Outi Ohjaaja");
  g_assert_cmpint (ENTRY (entries, 1)->id, ==, first->id);
  g_assert_cmpint (ENTRY (entries, 2)->kind, ==, KH_TIMELINE_ASSESSMENT);
  g_assert_cmpint (ENTRY (entries, 2)->id, ==, draft->id);
  g_assert_cmpint (ENTRY (entries, 2)->n1, ==, KH_ASSESSMENT_DRAFT);
  g_assert_cmpint (ENTRY (entries, 2)->n2, ==, 1);
  g_assert_cmpstr (ENTRY (entries, 2)->who, ==, "Sari Sosiaalityöntekijä");
  g_assert_cmpint (ENTRY (entries, 3)->kind, ==, KH_TIMELINE_CASE);
  g_assert_cmpint (ENTRY (entries, 3)->id, ==, p.case_id);
  g_assert_cmpint (ENTRY (entries, 3)->n1, ==, KH_CASE_QUEUED);
  g_assert_cmpint (ENTRY (entries, 4)->kind, ==, KH_TIMELINE_CONTACT);
  g_assert_cmpint (ENTRY (entries, 4)->id, ==, p.contact_id);
  g_assert_cmpint (ENTRY (entries, 4)->case_id, ==, p.case_id);
  g_assert_cmpstr (ENTRY (entries, 4)->text, ==, "Vuokra maksamatta");
  g_assert_cmpstr (ENTRY (entries, 4)->who, ==, "Riikka Vastaanotto");
  for (guint i = 1; i < entries->len; i++)
    g_assert_cmpint (g_date_time_compare (ENTRY (entries, i - 1)->at, ENTRY (entries, i)->at), >=, 0);

  /* A limit keeps the newest. */
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = timeline (f, p.sw, p.client_id, 2);
  g_assert_cmpuint (entries->len, ==, 2);
  g_assert_cmpint (ENTRY (entries, 1)->id, ==, first->id);

  /* Someone else's timeline holds none of these. */
  {
    gint64 other = add_client (f, "Virtanen", "Eero", "1975-02-03", 942);

    g_clear_pointer (&entries, g_ptr_array_unref);
    entries = timeline (f, p.sw, other, 0);
    g_assert_cmpuint (entries->len, ==, 0);
  }
  people_clear (&p);
}

static void
test_append_only (Fixture       *f,
                  gconstpointer  data)
{
  People p = { 0 };
  g_autoptr(KhTimelineEntry) note = NULL;
  g_autoptr(KhTimelineEntry) fix = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *update = NULL;
  g_autofree char *delete = NULL;
  g_autofree char *too_long = NULL;
  RawDb *raw;

  people_set_up (f, &p);
  note = add_note (f, p.sw, p.case_id, "Asiakas kertoi velasta 2 000 €.", 0);

  /* Below the store, for any program (the server's superuser too). */
  update = g_strdup_printf ("UPDATE case_notes SET body = 'muutettu' WHERE id = %" G_GINT64_FORMAT, note->id);
  delete = g_strdup_printf ("DELETE FROM case_notes WHERE id = %" G_GINT64_FORMAT, note->id);
  raw = raw_connect (f);
  g_assert_true (raw_refuses (raw, update));
  g_assert_true (raw_refuses (raw, delete));
  raw_close (raw);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM case_notes WHERE id = %" G_GINT64_FORMAT
                                            " AND body = 'Asiakas kertoi velasta 2 000 €.'", note->id);
    g_assert_cmpint (count (f, sql), ==, 1);
  }

  /* A correction is a new note that names the corrected one. */
  fix = add_note (f, p.sw, p.case_id, "Korjaus: velkaa on 3 000 €.", note->id);
  g_assert_cmpint (fix->ref_id, ==, note->id);
  entries = timeline (f, p.sw, p.client_id, 0);
  g_assert_cmpint (ENTRY (entries, 0)->id, ==, fix->id);
  g_assert_cmpint (ENTRY (entries, 0)->ref_id, ==, note->id);
  g_assert_cmpint (ENTRY (entries, 1)->id, ==, note->id);
  g_assert_cmpint (ENTRY (entries, 1)->ref_id, ==, 0);

  /* What the store refuses, writing nothing. */
  g_assert_null (kh_db_add_case_note (fixture_db (f, p.sw), p.sw, p.case_id, " \n\t ", 0, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_clear_error (&error);
  too_long = g_strnfill (KH_CASE_NOTE_MAX + 1, 'a');
  g_assert_null (kh_db_add_case_note (fixture_db (f, p.sw), p.sw, p.case_id, too_long, 0, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (kh_db_add_case_note (fixture_db (f, p.sw), p.sw, p.case_id, "Näky\u200bmätön", 0, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (kh_db_add_case_note (fixture_db (f, p.sw), p.sw, p.case_id + 1000, "Ei tapausta", 0, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* A correction of a note of another case. */
  {
    g_autoptr(KhContact) contact = test_contact (KH_OUTCOME_CASE_OPENED);
    g_autoptr(KhClient) client = test_client ("Virtanen", "Eero", "1975-02-03", 942);
    g_autoptr(KhIntakeResult) result = NULL;
    KhIntake intake = { contact, client, FALSE, 0, 0 };

    contact->received_at = g_date_time_new_now_local ();
    result = kh_db_save_intake (fixture_db (f, p.rec), p.rec, &intake, &error);
    g_assert_no_error (error);
    g_assert_null (kh_db_add_case_note (fixture_db (f, p.sw), p.sw, result->case_id, "Väärä", note->id, &error));
    g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM case_notes");
    g_assert_cmpint (count (f, sql), ==, 2);
  }
  people_clear (&p);
}

static void
test_roles_and_log (Fixture       *f,
                    gconstpointer  data)
{
  People p = { 0 };
  g_autoptr(KhTimelineEntry) note = NULL;
  g_autoptr(GError) error = NULL;
  KhUser *refused[2];
  KhUser *allowed[3];

  people_set_up (f, &p);
  g_assert_cmpint (timeline_log_rows (f, &p), ==, 0);

  /* Writing a note is a write, not a read. */
  note = add_note (f, p.cou, p.case_id, "Ensimmäinen tapaaminen sovittu.", 0);
  g_assert_cmpint (timeline_log_rows (f, &p), ==, 0);

  allowed[0] = p.cou;
  allowed[1] = p.sw;
  allowed[2] = p.lead;
  for (guint i = 0; i < G_N_ELEMENTS (allowed); i++)
    {
      g_autoptr(GPtrArray) entries = timeline (f, allowed[i], p.client_id, 0);

      g_assert_cmpuint (entries->len, ==, 3);
      g_assert_cmpint (timeline_log_rows (f, &p), ==, i + 1);
    }
  /* Who read, and on what basis: one row each. */
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM access_log WHERE what = %d AND basis = %d "
                                            "AND client_id = %" G_GINT64_FORMAT " AND user_id IN (%"
                                            G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")",
                                            KH_ACCESS_TIMELINE, KH_BASIS_CLIENT_RELATIONSHIP, p.client_id,
                                            p.sw->id, p.cou->id, p.lead->id);
    g_assert_cmpint (count (f, sql), ==, 3);
  }

  /* Reception and the administrator neither read nor write notes; a
   * refused read logs nothing. */
  refused[0] = p.rec;
  refused[1] = f->admin;
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      KhDb *db = fixture_db (f, refused[i]);
      g_autoptr(GPtrArray) entries = NULL;

      entries = kh_db_list_client_timeline (db, refused[i], p.client_id, 0, &error);
      g_assert_null (entries);
      g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
      g_clear_error (&error);
      g_assert_null (kh_db_add_case_note (db, refused[i], p.case_id, "Ei saa", 0, &error));
      g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
      g_clear_error (&error);
    }
  g_assert_cmpint (timeline_log_rows (f, &p), ==, 3);
  g_assert_cmpint (count (f, "SELECT count(*) FROM case_notes"), ==, 1);

  /* No such person: nothing read, nothing logged. */
  g_assert_null (kh_db_list_client_timeline (fixture_db (f, p.sw), p.sw, p.client_id + 1000, 0, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM access_log WHERE what = 12"), ==, 3);
  people_clear (&p);
}

/* The person's access-log rows of `what` by `user`. */
static gint64
log_rows (Fixture      *f,
          People       *p,
          KhUser       *user,
          KhAccessWhat  what,
          KhAccessBasis basis)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM access_log WHERE client_id = %" G_GINT64_FORMAT
                                          " AND user_id = %" G_GINT64_FORMAT " AND what = %d AND basis = %d",
                                          p->client_id, user->id, what, basis);

  return count (f, sql);
}

/* Issue 7, 2: the person's page in one reading (kh_db_read_person_page):
 * each part as its own function gives it, each logged as that function
 * logs it (one row each), in one transaction that has committed when the
 * reading returns; a part the user may not read is its own error and
 * logs nothing; no such person, nothing at all. */
static void
test_person_page_read (Fixture       *f,
                       gconstpointer  data)
{
  People p = { 0 };
  g_autoptr(KhPersonPageRead) read = NULL;
  g_autoptr(KhPersonPageRead) rec_read = NULL;
  g_autoptr(KhTimelineEntry) note = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *page_rows = NULL;
  gint64 all_rows;
  KhDb *db;

  people_set_up (f, &p);
  note = add_note (f, p.sw, p.case_id, "Kotikäynti sovittu.", 0);
  page_rows = g_strdup_printf ("SELECT count(*) FROM access_log WHERE client_id = %" G_GINT64_FORMAT,
                               p.client_id);
  g_assert_cmpint (count (f, page_rows), ==, 0);

  /* A social worker: the person, their meetings, cases and timeline. */
  db = fixture_db (f, p.sw);
  read = kh_db_read_person_page (db, p.sw, p.client_id, KH_BASIS_CLIENT_RELATIONSHIP,
                                 KH_PERSON_PAGE_MEETINGS | KH_PERSON_PAGE_TIMELINE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (read);
  g_assert_cmpstr (read->client->last_name, ==, "Korhonen");
  g_assert_no_error (read->cases_error);
  g_assert_cmpuint (read->cases->len, ==, 1);
  g_assert_cmpint (((KhCase *) g_ptr_array_index (read->cases, 0))->id, ==, p.case_id);
  g_assert_no_error (read->meetings_error);
  g_assert_cmpuint (read->meetings->len, ==, 0);
  g_assert_no_error (read->timeline_error);
  g_assert_cmpuint (read->timeline->len, ==, 3);
  g_assert_cmpstr (ENTRY (read->timeline, 0)->text, ==, "Kotikäynti sovittu.");
  g_assert_null (read->contacts);
  /* Committed (another connection counts them): one row for each part. */
  g_assert_cmpint (log_rows (f, &p, p.sw, KH_ACCESS_PAGE, KH_BASIS_CLIENT_RELATIONSHIP), ==, 1);
  g_assert_cmpint (log_rows (f, &p, p.sw, KH_ACCESS_MEETINGS, KH_BASIS_CLIENT_RELATIONSHIP), ==, 1);
  g_assert_cmpint (log_rows (f, &p, p.sw, KH_ACCESS_CASES, KH_BASIS_CLIENT_RELATIONSHIP), ==, 1);
  g_assert_cmpint (log_rows (f, &p, p.sw, KH_ACCESS_TIMELINE, KH_BASIS_CLIENT_RELATIONSHIP), ==, 1);
  g_assert_cmpint (count (f, page_rows), ==, 4);
  /* On a server, all four in one transaction. */
  if (f->pg_dbname != NULL)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(DISTINCT xact) FROM access_log WHERE client_id = %"
                                              G_GINT64_FORMAT, p.client_id);

      g_assert_cmpint (count (f, sql), ==, 1);
    }

  /* Reception: the person and their cases; the meetings and the timeline
   * are not theirs (each its own PERMISSION, nothing logged for them). */
  db = fixture_db (f, p.rec);
  rec_read = kh_db_read_person_page (db, p.rec, p.client_id, KH_BASIS_CLIENT_RELATIONSHIP,
                                     KH_PERSON_PAGE_MEETINGS | KH_PERSON_PAGE_TIMELINE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (rec_read);
  g_assert_cmpstr (rec_read->client->first_names, ==, "Aino");
  g_assert_cmpuint (rec_read->cases->len, ==, 1);
  g_assert_null (rec_read->meetings);
  g_assert_error (rec_read->meetings_error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
  g_assert_null (rec_read->timeline);
  g_assert_error (rec_read->timeline_error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
  /* Reception reads on the basis of the intake, whatever was asked. */
  g_assert_cmpint (log_rows (f, &p, p.rec, KH_ACCESS_PAGE, KH_BASIS_INTAKE), ==, 1);
  g_assert_cmpint (log_rows (f, &p, p.rec, KH_ACCESS_CASES, KH_BASIS_INTAKE), ==, 1);
  g_assert_cmpint (count (f, page_rows), ==, 6);
  g_clear_pointer (&rec_read, kh_person_page_read_free);

  /* Without the timeline, the contacts. */
  rec_read = kh_db_read_person_page (db, p.rec, p.client_id, KH_BASIS_INTAKE, 0, &error);
  g_assert_no_error (error);
  g_assert_null (rec_read->meetings);
  g_assert_no_error (rec_read->meetings_error);
  g_assert_null (rec_read->timeline);
  g_assert_no_error (rec_read->contacts_error);
  g_assert_cmpuint (rec_read->contacts->len, ==, 1);
  g_assert_cmpint (((KhContact *) g_ptr_array_index (rec_read->contacts, 0))->id, ==, p.contact_id);
  g_assert_cmpint (log_rows (f, &p, p.rec, KH_ACCESS_CONTACTS, KH_BASIS_INTAKE), ==, 1);
  g_assert_cmpint (count (f, page_rows), ==, 9);

  /* No such person: nothing read, nothing logged. */
  all_rows = count (f, "SELECT count(*) FROM access_log");
  g_assert_null (kh_db_read_person_page (fixture_db (f, p.sw), p.sw, p.client_id + 1000,
                                         KH_BASIS_CLIENT_RELATIONSHIP,
                                         KH_PERSON_PAGE_MEETINGS | KH_PERSON_PAGE_TIMELINE, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM access_log"), ==, all_rows);

  /* On a server the reading's statements have generic plans, made once
   * for every person: left to choose, the server planned the timeline's
   * and the cases' anew at each reading (custom plans, 2–3 ms each). */
  if (f->pg_dbname != NULL)
    {
      for (guint i = 0; i < 2; i++)
        {
          g_autoptr(KhPersonPageRead) again = NULL;

          again = kh_db_read_person_page (fixture_db (f, p.sw), p.sw, p.client_id, KH_BASIS_CLIENT_RELATIONSHIP,
                                          KH_PERSON_PAGE_MEETINGS | KH_PERSON_PAGE_TIMELINE, &error);
          g_assert_no_error (error);
          g_assert_cmpuint (again->timeline->len, ==, 3);
        }
      for (guint i = 0; i < 2; i++)
        {
          static const char *const statements[] = { "SELECT kind, id, case_id, at, %", "SELECT cs.id, cs.client_id, %" };
          g_autofree char *sql = g_strdup_printf ("SELECT count (*), coalesce (sum (generic_plans), 0), "
                                                  "coalesce (sum (custom_plans), 0) "
                                                  "FROM pg_prepared_statements WHERE statement LIKE '%s'",
                                                  statements[i]);
          g_autoptr(KhDbStmt) stmt = _kh_db_prepare (fixture_db (f, p.sw), sql, &error);

          g_assert_no_error (error);
          g_assert_cmpint (_kh_db_step (stmt), ==, KH_DB_ROW);
          g_assert_cmpint (_kh_db_column_int64 (stmt, 0), ==, 1);
          g_assert_cmpint (_kh_db_column_int64 (stmt, 1), ==, 3);
          g_assert_cmpint (_kh_db_column_int64 (stmt, 2), ==, 0);
        }
    }
  people_clear (&p);
}

/* A long client relationship: 500 entries come back whole, in order. */
static void
test_five_hundred (Fixture       *f,
                   gconstpointer  data)
{
  People p = { 0 };
  g_autoptr(GPtrArray) entries = NULL;
  gint64 start_us;

  people_set_up (f, &p);
  for (guint i = 0; i < 498; i++)
    {
      g_autofree char *text = g_strdup_printf ("Merkintä %u", i + 1);
      g_autoptr(KhTimelineEntry) note = add_note (f, i % 2 ? p.sw : p.cou, p.case_id, text, 0);
    }
  start_us = g_get_monotonic_time ();
  entries = timeline (f, p.sw, p.client_id, 0);
  g_test_message ("a timeline of %u entries read in %.2f ms", entries->len,
                  (g_get_monotonic_time () - start_us) / 1000.0);
  g_assert_cmpuint (entries->len, ==, 500);
  g_assert_cmpstr (ENTRY (entries, 0)->text, ==, "Merkintä 498");
  g_assert_cmpstr (ENTRY (entries, 497)->text, ==, "Merkintä 1");
  g_assert_cmpint (ENTRY (entries, 499)->kind, ==, KH_TIMELINE_CONTACT);
  people_clear (&p);
}

/* An assessment in the timeline: its draft when started, the version when
 * finished, and a new version's draft with the reason for the change; each
 * version one entry, with its state, number, reason and who. */
static void
test_assessment_versions (Fixture       *f,
                          gconstpointer  data)
{
  People p = { 0 };
  g_autoptr(KhAssessment) first = NULL;
  g_autoptr(KhAssessment) second = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  people_set_up (f, &p);

  /* Started: one entry, the draft as last saved, by Sari. */
  first = kh_db_start_assessment (fixture_db (f, p.sw), p.sw, p.case_id, &error);
  g_assert_no_error (error);
  entries = timeline (f, p.cou, p.client_id, 0);
  g_assert_cmpuint (entries->len, ==, 3);
  g_assert_cmpint (ENTRY (entries, 0)->kind, ==, KH_TIMELINE_ASSESSMENT);
  g_assert_cmpint (ENTRY (entries, 0)->id, ==, first->id);
  g_assert_cmpint (ENTRY (entries, 0)->case_id, ==, p.case_id);
  g_assert_cmpint (ENTRY (entries, 0)->n1, ==, KH_ASSESSMENT_DRAFT);
  g_assert_cmpint (ENTRY (entries, 0)->n2, ==, 1);
  g_assert_cmpint (ENTRY (entries, 0)->ref_id, ==, 0);
  g_assert_null (ENTRY (entries, 0)->text);
  g_assert_cmpstr (ENTRY (entries, 0)->who, ==, "Sari Sosiaalityöntekijä");
  g_assert_cmpint (ENTRY (entries, 1)->kind, ==, KH_TIMELINE_CASE);
  g_assert_cmpint (ENTRY (entries, 2)->kind, ==, KH_TIMELINE_CONTACT);

  /* Finished: the same entry, now the finished version. */
  test_complete_assessment (first);
  g_assert_true (kh_db_finish_assessment (fixture_db (f, p.sw), p.sw, first, &error));
  g_assert_no_error (error);
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = timeline (f, p.cou, p.client_id, 0);
  g_assert_cmpuint (entries->len, ==, 3);
  g_assert_cmpint (ENTRY (entries, 0)->id, ==, first->id);
  g_assert_cmpint (ENTRY (entries, 0)->n1, ==, KH_ASSESSMENT_FINISHED);
  g_assert_cmpint (ENTRY (entries, 0)->n2, ==, 1);
  g_assert_cmpint (g_date_time_to_unix (ENTRY (entries, 0)->at), ==, g_date_time_to_unix (first->finished_at));
  g_assert_cmpstr (ENTRY (entries, 0)->who, ==, "Sari Sosiaalityöntekijä");

  /* A new version, by Outi: its draft on top with the reason and the
   * version it changes; the finished one stays as it was. */
  second = kh_db_new_assessment_version (fixture_db (f, p.cou), p.cou, first->id,
                                         "Asiakas sai työpaikan.", &error);
  g_assert_no_error (error);
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = timeline (f, p.lead, p.client_id, 0);
  g_assert_cmpuint (entries->len, ==, 4);
  g_assert_cmpint (ENTRY (entries, 0)->kind, ==, KH_TIMELINE_ASSESSMENT);
  g_assert_cmpint (ENTRY (entries, 0)->id, ==, second->id);
  g_assert_cmpint (ENTRY (entries, 0)->n1, ==, KH_ASSESSMENT_DRAFT);
  g_assert_cmpint (ENTRY (entries, 0)->n2, ==, 2);
  g_assert_cmpint (ENTRY (entries, 0)->ref_id, ==, first->id);
  g_assert_cmpstr (ENTRY (entries, 0)->text, ==, "Asiakas sai työpaikan.");
  g_assert_cmpstr (ENTRY (entries, 0)->who, ==, "Outi Ohjaaja");
  g_assert_cmpint (ENTRY (entries, 1)->kind, ==, KH_TIMELINE_ASSESSMENT);
  g_assert_cmpint (ENTRY (entries, 1)->id, ==, first->id);
  g_assert_cmpint (ENTRY (entries, 1)->n1, ==, KH_ASSESSMENT_FINISHED);
  g_assert_cmpint (ENTRY (entries, 1)->n2, ==, 1);
  g_assert_cmpstr (ENTRY (entries, 1)->who, ==, "Sari Sosiaalityöntekijä");
  g_assert_cmpint (ENTRY (entries, 2)->kind, ==, KH_TIMELINE_CASE);
  g_assert_cmpint (ENTRY (entries, 3)->kind, ==, KH_TIMELINE_CONTACT);
  people_clear (&p);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  if (store_test_runs_here (path)) \
    g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/timeline/everything-newest-first", test_everything_newest_first);
  ADD ("/store/timeline/notes-append-only", test_append_only);
  ADD ("/store/timeline/roles-and-log", test_roles_and_log);
  ADD ("/store/timeline/five-hundred", test_five_hundred);
  ADD ("/store/timeline/person-page-read", test_person_page_read);
  ADD ("/store/timeline/assessment-versions", test_assessment_versions);

  return g_test_run ();
}
