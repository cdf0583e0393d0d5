/* test-contact-history.c — a saved contact corrected or marked entered in
 * error; its history; who may; nothing deleted (issue 5, 2.1)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include "store-test-util.h"

static KhUser *
add_user (Fixture    *f,
          const char *account,
          const char *name,
          KhRole      role)
{
  g_autoptr(GError) error = NULL;
  KhUser *user = fixture_save_user (f, account, name, role, TRUE, &error);

  g_assert_no_error (error);
  return user;
}

/* Saves a contact for Aino Korhonen (received `days_ago` days ago) and
 * returns the result. */
static KhIntakeResult *
save_contact (Fixture   *f,
              KhUser    *user,
              KhOutcome  outcome,
              guint      days_ago,
              gint64     assign_to)
{
  g_autoptr(KhContact) contact = test_contact (outcome);
  g_autoptr(KhClient) client = test_client ("Korhonen", "Aino", "1980-05-14", 931);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  KhIntake intake = { contact, client, FALSE, 0, assign_to };
  KhIntakeResult *result;

  /* Aino once; her later contacts are for the person already recorded. */
  client->id = count (f, "SELECT coalesce (max (id), 0) FROM clients WHERE last_name = 'Korhonen'");
  contact->received_at = g_date_time_add_days (now, - (int) days_ago);
  contact->reason_text = g_strdup ("Vuokra maksamatta");
  contact->contactor_detail = NULL;
  result = kh_db_save_intake (fixture_db (f, user), user, &intake, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static KhContactHistory *
history (Fixture *f,
         KhUser  *user,
         gint64   contact_id)
{
  g_autoptr(GError) error = NULL;
  KhContactHistory *history = kh_db_get_contact_history (fixture_db (f, user), user, contact_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (history);
  return history;
}

/* Runs `sql` as another program would (store-test-util.h, RawDb: the
 * file, or the server's superuser): TRUE when taken, FALSE when a rule of
 * the schema refused it; any other error fails the test. */
static gboolean
raw_exec (Fixture    *f,
          const char *sql)
{
  RawDb *raw = raw_connect (f);
  gboolean refused = raw_refuses (raw, sql);

  raw_close (raw);
  return !refused;
}

static void
test_correct (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(KhUser) desk = add_user (f, "riitta", "Riitta Vastaanotto", KH_ROLE_RECEPTION);
  g_autoptr(KhIntakeResult) saved = save_contact (f, desk, KH_OUTCOME_ADVICE, 0, 0);
  g_autoptr(KhContactHistory) before = NULL;
  g_autoptr(KhContactHistory) after = NULL;
  g_autoptr(KhContact) corrected = NULL;
  g_autoptr(GError) error = NULL;
  KhContactRevision *revision;
  gint64 logged;

  before = history (f, desk, saved->contact_id);
  g_assert_cmpuint (before->revisions->len, ==, 0);
  g_assert_true (before->can_correct);
  g_assert_true (before->can_mark_in_error);
  g_assert_false (before->entered_in_error);

  /* The desk typed the wrong reason, need and language: it corrects them. */
  corrected = kh_contact_copy (before->contact);
  g_free (corrected->reason_text);
  corrected->reason_text = g_strdup ("  Sähkölasku maksamatta ");
  corrected->needs = KH_NEED_FINANCIAL | KH_NEED_HOUSING;
  corrected->language = KH_LANGUAGE_SV;
  /* Not correctable: the outcome and the person stay as they were. */
  corrected->outcome = KH_OUTCOME_CASE_OPENED;
  g_assert_true (kh_db_correct_contact (fixture_db (f, desk), desk, corrected, "Väärä asiakirja auki", &error));
  g_assert_no_error (error);

  g_assert_cmpint (count (f, "SELECT count(*) FROM contact_revisions"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM contacts"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM contact_revisions WHERE kind = 1 "
                             "AND reason_text = 'Vuokra maksamatta' AND needs = 4 AND language = 1 "
                             "AND reason = 'Väärä asiakirja auki'"), ==, 1);

  logged = count (f, "SELECT count(*) FROM access_log WHERE what = 4");
  after = history (f, desk, saved->contact_id);
  /* Reading the contact and its history is a logged read of the person. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM access_log WHERE what = 4"), ==, logged + 1);

  g_assert_cmpstr (after->contact->reason_text, ==, "Sähkölasku maksamatta");
  g_assert_cmpuint (after->contact->needs, ==, KH_NEED_FINANCIAL | KH_NEED_HOUSING);
  g_assert_cmpint (after->contact->language, ==, KH_LANGUAGE_SV);
  g_assert_cmpint (after->contact->outcome, ==, KH_OUTCOME_ADVICE);
  g_assert_cmpuint (after->revisions->len, ==, 1);
  revision = g_ptr_array_index (after->revisions, 0);
  g_assert_cmpint (revision->kind, ==, KH_REVISION_CORRECTED);
  g_assert_cmpstr (revision->changed_by_name, ==, "Riitta Vastaanotto");
  g_assert_cmpstr (revision->reason, ==, "Väärä asiakirja auki");
  g_assert_cmpstr (revision->before->reason_text, ==, "Vuokra maksamatta");
  g_assert_cmpuint (revision->before->needs, ==, KH_NEED_FINANCIAL);
  g_assert_cmpint (revision->before->language, ==, KH_LANGUAGE_FI);
  g_assert_cmpuint (revision->changed, ==,
                    KH_CONTACT_FIELD_NEEDS | KH_CONTACT_FIELD_REASON_TEXT | KH_CONTACT_FIELD_LANGUAGE);
  g_assert_nonnull (revision->changed_at);

  /* A second correction keeps both versions. */
  g_free (corrected->reason_text);
  corrected->reason_text = g_strdup ("Sähkölasku ja vuokra maksamatta");
  g_assert_true (kh_db_correct_contact (fixture_db (f, desk), desk, corrected, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&after, kh_contact_history_free);
  after = history (f, desk, saved->contact_id);
  g_assert_cmpuint (after->revisions->len, ==, 2);
  revision = g_ptr_array_index (after->revisions, 1);
  g_assert_cmpstr (revision->before->reason_text, ==, "Sähkölasku maksamatta");
  g_assert_null (revision->reason);
  g_assert_cmpuint (revision->changed, ==, KH_CONTACT_FIELD_REASON_TEXT);
}

static void
test_correct_refused (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(KhUser) desk = add_user (f, "riitta", "Riitta Vastaanotto", KH_ROLE_RECEPTION);
  g_autoptr(KhUser) counsellor = add_user (f, "olli", "Olli Ohjaaja", KH_ROLE_COUNSELLOR);
  g_autoptr(KhIntakeResult) today = save_contact (f, desk, KH_OUTCOME_ADVICE, 0, 0);
  g_autoptr(KhIntakeResult) yesterday = save_contact (f, desk, KH_OUTCOME_ADVICE, 1, 0);
  g_autoptr(KhContactHistory) now = history (f, desk, today->contact_id);
  g_autoptr(KhContactHistory) earlier = history (f, desk, yesterday->contact_id);
  g_autoptr(KhContact) corrected = kh_contact_copy (now->contact);
  g_autoptr(GError) error = NULL;

  /* Nothing changed. */
  g_assert_false (kh_db_correct_contact (fixture_db (f, desk), desk, corrected, NULL, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* The intake's own rules hold: "directed" needs a service, and advice
   * names none (it is dropped, so nothing changes). */
  corrected->service_id = 1;
  g_assert_false (kh_db_correct_contact (fixture_db (f, desk), desk, corrected, NULL, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_clear_error (&error);
  corrected->service_id = 0;
  corrected->language = 0;
  g_assert_false (kh_db_correct_contact (fixture_db (f, desk), desk, corrected, NULL, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_clear_error (&error);
  corrected->language = KH_LANGUAGE_FI;
  /* Whether an authority directed her (SHL 35 § 1 mom) is not corrected. */
  corrected->directed_by = g_strdup ("Kela");
  g_assert_false (kh_db_correct_contact (fixture_db (f, desk), desk, corrected, NULL, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&corrected->directed_by, g_free);
  g_assert_cmpint (count (f, "SELECT count(*) FROM contact_revisions"), ==, 0);

  /* Reception corrects the day's contacts only; a counsellor any. */
  g_assert_true (now->can_correct);
  g_assert_false (earlier->can_correct);
  g_assert_false (earlier->can_mark_in_error);
  g_assert_nonnull (earlier->why_not);
  g_clear_object (&corrected);
  corrected = kh_contact_copy (earlier->contact);
  corrected->interpreter = TRUE;
  g_assert_false (kh_db_correct_contact (fixture_db (f, desk), desk, corrected, NULL, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_false (kh_db_mark_contact_in_error (fixture_db (f, desk), desk, yesterday->contact_id, "Kaksoiskirjaus",
                                               &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM contact_revisions"), ==, 0);

  g_assert_true (kh_db_correct_contact (fixture_db (f, counsellor), counsellor, corrected, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM contacts WHERE interpreter = 1"), ==, 1);
}

static void
test_mark_in_error (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(KhUser) desk = add_user (f, "riitta", "Riitta Vastaanotto", KH_ROLE_RECEPTION);
  g_autoptr(KhIntakeResult) saved = save_contact (f, desk, KH_OUTCOME_CASE_OPENED, 0, 0);
  g_autoptr(KhContactHistory) marked = NULL;
  g_autoptr(GPtrArray) queue = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(KhContact) corrected = NULL;
  g_autoptr(GError) error = NULL;
  KhContactRevision *revision;

  g_assert_cmpint (count (f, "SELECT count(*) FROM cases WHERE status = 1"), ==, 1);

  /* A reason is required. */
  g_assert_false (kh_db_mark_contact_in_error (fixture_db (f, desk), desk, saved->contact_id, "   ", &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (kh_db_mark_contact_in_error (fixture_db (f, desk), desk, saved->contact_id, NULL, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (kh_db_mark_contact_in_error (fixture_db (f, desk), desk, saved->contact_id,
                                              "Kirjattu väärälle henkilölle", &error));
  g_assert_no_error (error);

  /* Nothing is deleted: the contact stays, marked, with its revision; the
   * case it opened is closed and leaves the queue. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM contacts WHERE entered_in_error = 1"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM cases WHERE status = 3"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM contact_revisions WHERE kind = 2 "
                             "AND reason = 'Kirjattu väärälle henkilölle' "
                             "AND reason_text = 'Vuokra maksamatta'"), ==, 1);
  queue = kh_db_list_queue (fixture_db (f, desk), desk, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (queue->len, ==, 0);
  contacts = kh_db_list_client_contacts (fixture_db (f, desk), desk, saved->client_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (contacts->len, ==, 1);
  g_assert_true (KH_CONTACT (g_ptr_array_index (contacts, 0))->entered_in_error);
  /* The day's list keeps it, shown as such. */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *iso = g_date_time_format (now, "%Y-%m-%d");
    g_autoptr(GPtrArray) today = kh_db_list_contacts_on (fixture_db (f, desk), desk, iso, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (today->len, ==, 1);
    g_assert_true (KH_CONTACT (g_ptr_array_index (today, 0))->entered_in_error);
  }

  marked = history (f, desk, saved->contact_id);
  g_assert_true (marked->entered_in_error);
  g_assert_cmpstr (marked->error_reason, ==, "Kirjattu väärälle henkilölle");
  g_assert_cmpint (marked->case_status, ==, KH_CASE_CLOSED);
  g_assert_false (marked->can_correct);
  g_assert_false (marked->can_mark_in_error);
  g_assert_cmpuint (marked->revisions->len, ==, 1);
  revision = g_ptr_array_index (marked->revisions, 0);
  g_assert_cmpint (revision->kind, ==, KH_REVISION_ENTERED_IN_ERROR);
  g_assert_cmpuint (revision->changed, ==, 0);

  /* Entered in error is for good. */
  corrected = kh_contact_copy (marked->contact);
  corrected->interpreter = TRUE;
  g_assert_false (kh_db_correct_contact (f->db, f->admin, corrected, NULL, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_false (kh_db_mark_contact_in_error (f->db, f->admin, saved->contact_id, "Uudestaan",
                                               &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
  g_clear_error (&error);

  /* Undo of the intake no longer removes a contact with a history. */
  g_assert_false (kh_db_undo_intake (fixture_db (f, desk), desk, saved, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "The contact has been corrected since it was saved, so it can no longer be undone. "
                   "Mark it as entered in error instead.");
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM contacts"), ==, 1);
}

static void
test_case_with_worker (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(KhUser) desk = add_user (f, "riitta", "Riitta Vastaanotto", KH_ROLE_RECEPTION);
  g_autoptr(KhUser) worker = add_user (f, "sanna", "Sanna Sosiaalityö", KH_ROLE_SOCIAL_WORKER);
  g_autoptr(KhUser) other = add_user (f, "olli", "Olli Ohjaaja", KH_ROLE_COUNSELLOR);
  g_autoptr(KhUser) lead = add_user (f, "leena", "Leena Johtava", KH_ROLE_LEAD);
  g_autoptr(KhIntakeResult) first = save_contact (f, desk, KH_OUTCOME_CASE_OPENED, 0, worker->id);
  g_autoptr(KhIntakeResult) second = save_contact (f, desk, KH_OUTCOME_CASE_OPENED, 0, worker->id);
  g_autoptr(KhContactHistory) seen = history (f, desk, first->contact_id);
  g_autoptr(GError) error = NULL;

  /* While the case is with a worker, the desk and other workers may correct
   * the contact's details but not strike it. */
  g_assert_true (seen->can_correct);
  g_assert_false (seen->can_mark_in_error);
  g_assert_cmpstr (seen->case_worker_name, ==, "Sanna Sosiaalityö");
  g_assert_false (kh_db_mark_contact_in_error (fixture_db (f, desk), desk, first->contact_id, "Kaksoiskirjaus",
                                               &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_false (kh_db_mark_contact_in_error (fixture_db (f, other), other, first->contact_id, "Kaksoiskirjaus",
                                               &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM cases WHERE status = 2"), ==, 2);

  /* The worker who has it may, and so may the lead social worker. */
  g_assert_true (kh_db_mark_contact_in_error (fixture_db (f, worker), worker, first->contact_id, "Kaksoiskirjaus",
                                              &error));
  g_assert_no_error (error);
  g_assert_true (kh_db_mark_contact_in_error (fixture_db (f, lead), lead, second->contact_id, "Väärä henkilö",
                                              &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM cases WHERE status = 3"), ==, 2);

  /* A case closed for another reason: only the lead. */
  {
    g_autoptr(KhIntakeResult) third = save_contact (f, desk, KH_OUTCOME_CASE_OPENED, 0, worker->id);
    g_autofree char *sql = g_strdup_printf ("UPDATE cases SET status = 3 WHERE contact_id = %"
                                            G_GINT64_FORMAT, third->contact_id);

    g_assert_true (raw_exec (f, sql));
    g_assert_false (kh_db_mark_contact_in_error (fixture_db (f, worker), worker, third->contact_id, "Myöhässä",
                                                 &error));
    g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
    g_clear_error (&error);
    g_assert_true (kh_db_mark_contact_in_error (fixture_db (f, lead), lead, third->contact_id, "Väärä henkilö",
                                                &error));
    g_assert_no_error (error);
  }
}

/* Issue 5, 1.9: the identity of a relative who made the contact can be
 * corrected, with its history. */
static void
test_correct_relative (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(KhUser) desk = add_user (f, "riitta", "Riitta Vastaanotto", KH_ROLE_RECEPTION);
  g_autoptr(KhContact) contact = test_contact (KH_OUTCOME_ADVICE);
  g_autoptr(KhClient) client = test_client ("Korhonen", "Aino", "1940-05-14", 932);
  g_autoptr(KhIntakeResult) saved = NULL;
  g_autoptr(KhContactHistory) before = NULL;
  g_autoptr(KhContactHistory) after = NULL;
  g_autoptr(KhContact) corrected = NULL;
  g_autoptr(GError) error = NULL;
  KhIntake intake = { contact, client, FALSE, 0, 0 };
  KhContactRevision *revision;

  contact->contactor = KH_CONTACTOR_RELATIVE;
  contact->contactor_name = g_strdup ("Liisa Korhonen");
  contact->contactor_relation = g_strdup ("tytär");
  contact->contactor_contact = g_strdup ("040 765 4312");
  saved = kh_db_save_intake (fixture_db (f, desk), desk, &intake, &error);
  g_assert_no_error (error);

  before = history (f, desk, saved->contact_id);
  corrected = kh_contact_copy (before->contact);
  g_free (corrected->contactor_contact);
  corrected->contactor_contact = g_strdup ("040 765 4321");
  g_assert_true (kh_db_correct_contact (fixture_db (f, desk), desk, corrected, "Numero väärin", &error));
  g_assert_no_error (error);

  after = history (f, desk, saved->contact_id);
  g_assert_cmpstr (after->contact->contactor_contact, ==, "040 765 4321");
  g_assert_cmpstr (after->contact->contactor_name, ==, "Liisa Korhonen");
  revision = g_ptr_array_index (after->revisions, 0);
  g_assert_cmpstr (revision->before->contactor_contact, ==, "040 765 4312");
  g_assert_cmpstr (revision->before->contactor_name, ==, "Liisa Korhonen");
  g_assert_cmpuint (revision->changed, ==, KH_CONTACT_FIELD_CONTACTOR_CONTACT);
  g_assert_cmpint (count (f, "SELECT count(*) FROM contact_revisions "
                             "WHERE contactor_contact = '040 765 4312' AND contactor_relation = 'tytär'"), ==, 1);
  /* Not without a revision. */
  g_assert_false (raw_exec (f, "UPDATE contacts SET contactor_name = 'Liisa Virtanen'"));
}

/* Issue 5, 2.3: a case that another contact joined is still pending through
 * it; marking the opening contact in error leaves the case open. */
static void
test_joined_case_stays (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(KhUser) desk = add_user (f, "riitta", "Riitta Vastaanotto", KH_ROLE_RECEPTION);
  g_autoptr(KhIntakeResult) first = save_contact (f, desk, KH_OUTCOME_CASE_OPENED, 0, 0);
  g_autoptr(KhContact) contact = test_contact (KH_OUTCOME_CASE_OPENED);
  g_autoptr(KhClient) client = NULL;
  g_autoptr(KhIntakeResult) second = NULL;
  g_autoptr(GError) error = NULL;
  KhIntake intake = { 0 };

  client = test_client ("Korhonen", "Aino", "1980-05-14", 931);
  client->id = first->client_id;
  intake.contact = contact;
  intake.client = client;
  intake.attach_to_case = first->case_id;
  second = kh_db_save_intake (fixture_db (f, desk), desk, &intake, &error);
  g_assert_no_error (error);

  g_assert_true (kh_db_mark_contact_in_error (fixture_db (f, desk), desk, first->contact_id, "Kaksoiskirjaus", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM cases WHERE status = 1"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM contacts WHERE entered_in_error = 1"), ==, 1);
}

/* The rules hold against any program that writes to the file. */
static void
test_raw_sql (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(KhUser) desk = add_user (f, "riitta", "Riitta Vastaanotto", KH_ROLE_RECEPTION);
  g_autoptr(KhIntakeResult) kept = save_contact (f, desk, KH_OUTCOME_CASE_OPENED, 0, 0);
  g_autoptr(KhIntakeResult) plain = save_contact (f, desk, KH_OUTCOME_ADVICE, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  g_assert_true (kh_db_mark_contact_in_error (fixture_db (f, desk), desk, kept->contact_id, "Kaksoiskirjaus",
                                              &error));
  g_assert_no_error (error);

  /* Revisions are append-only. */
  g_assert_false (raw_exec (f, "UPDATE contact_revisions SET reason = 'muu'"));
  g_assert_false (raw_exec (f, "DELETE FROM contact_revisions"));
  /* The marking is for good, and the contact and its closed case stay. */
  g_assert_false (raw_exec (f, "UPDATE contacts SET entered_in_error = 0"));
  g_assert_false (raw_exec (f, "UPDATE cases SET status = 1, assigned_to = NULL"));
  sql = g_strdup_printf ("DELETE FROM contacts WHERE id = %" G_GINT64_FORMAT, kept->contact_id);
  g_assert_false (raw_exec (f, sql));
  g_clear_pointer (&sql, g_free);

  /* No correction without a revision that keeps the old values; no marking
   * without one that says why. */
  sql = g_strdup_printf ("UPDATE contacts SET reason_text = 'toinen' WHERE id = %" G_GINT64_FORMAT,
                         plain->contact_id);
  g_assert_false (raw_exec (f, sql));
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("UPDATE contacts SET entered_in_error = 1 WHERE id = %" G_GINT64_FORMAT,
                         plain->contact_id);
  g_assert_false (raw_exec (f, sql));
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("INSERT INTO contact_revisions (contact_id, kind, changed_by, changed_at, "
                         "  channel, needs, language, interpreter) "
                         "VALUES (%" G_GINT64_FORMAT ", 2, 1, 0, 1, 4, 1, 0)", plain->contact_id);
  g_assert_false (raw_exec (f, sql));
  g_clear_pointer (&sql, g_free);
  /* A revision that does not hold what the contact holds is refused. */
  sql = g_strdup_printf ("INSERT INTO contact_revisions (contact_id, kind, changed_by, changed_at, "
                         "  channel, needs, language, interpreter, reason_text) "
                         "VALUES (%" G_GINT64_FORMAT ", 1, 1, 0, 1, 4, 1, 0, 'keksitty')",
                         plain->contact_id);
  g_assert_false (raw_exec (f, sql));
  g_clear_pointer (&sql, g_free);

  g_assert_cmpint (count (f, "SELECT count(*) FROM contact_revisions"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM contacts WHERE reason_text = 'Vuokra maksamatta'"), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  if (store_test_runs_here (path)) \
    g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/contact-history/correct", test_correct);
  ADD ("/store/contact-history/correct-refused", test_correct_refused);
  ADD ("/store/contact-history/mark-in-error", test_mark_in_error);
  ADD ("/store/contact-history/case-with-worker", test_case_with_worker);
  ADD ("/store/contact-history/raw-sql", test_raw_sql);
  ADD ("/store/contact-history/correct-relative", test_correct_relative);
  ADD ("/store/contact-history/joined-case-stays", test_joined_case_stays);

  return g_test_run ();
}
