/* test-leaks.c — reads that leaked (issue 6, 5), and the user's current state
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every path that tells a user something about a person writes an
 * access-log row, or tells nothing; the store trusts the users table, not
 * the KhUser object it is handed. After each call the log rows it wrote
 * are compared with rows written out here: user, person, what, basis.
 */
#include "config.h"

#include "store-test-util.h"
/* For the undo window only (KhDb.intake_undo_window). */
#include "store/kh-db-private.h"

typedef struct
{
  const char   *user;     /* "admin", "desk", "worker", "lead" */
  const char   *client;   /* a person's last name, or NULL for none */
  KhAccessWhat  what;
  KhAccessBasis basis;
} Row;

typedef struct
{
  Fixture  f;
  KhUser  *desk;     /* reception */
  KhUser  *worker;   /* social worker */
  KhUser  *lead;     /* lead social worker */
} LeakFixture;

static void
leak_set_up (LeakFixture   *lf,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture_set_up (&lf->f, data);
  lf->desk = fixture_save_user (&lf->f, "vastaanotto", "Veera Vastaanotto", KH_ROLE_RECEPTION,
                              TRUE, &error);
  g_assert_no_error (error);
  lf->worker = fixture_save_user (&lf->f, "tyontekija", "Tuula Työntekijä", KH_ROLE_SOCIAL_WORKER,
                                TRUE, &error);
  g_assert_no_error (error);
  lf->lead = fixture_save_user (&lf->f, "johtaja", "Johanna Johtaja", KH_ROLE_LEAD, TRUE, &error);
  g_assert_no_error (error);
}

static void
leak_tear_down (LeakFixture   *lf,
                gconstpointer  data)
{
  g_clear_object (&lf->desk);
  g_clear_object (&lf->worker);
  g_clear_object (&lf->lead);
  fixture_tear_down (&lf->f, data);
}

static gint64
last_log_id (LeakFixture *lf)
{
  return count (&lf->f, "SELECT coalesce (max (id), 0) FROM access_log");
}

/* The rows written after `mark`, in order, are exactly `rows`. */
static void
assert_log (LeakFixture *lf,
            gint64       mark,
            const Row   *rows,
            guint        n_rows)
{
  RawDb *raw = raw_connect (&lf->f);
  g_autofree char *sql = g_strdup_printf ("SELECT u.account, c.last_name, a.what, a.basis "
                                          "FROM access_log a JOIN users u ON u.id = a.user_id "
                                          "  LEFT JOIN clients c ON c.id = a.client_id "
                                          "WHERE a.id > %" G_GINT64_FORMAT " ORDER BY a.id", mark);
  g_autoptr(GPtrArray) got = raw_rows (raw, sql);

  raw_close (raw);
  for (guint n = 0; n < got->len; n++)
    {
      const char *want_account;

      g_assert_cmpuint (n, <, n_rows);
      want_account = g_str_equal (rows[n].user, "admin") ? "tester"
                     : g_str_equal (rows[n].user, "desk") ? "vastaanotto"
                     : g_str_equal (rows[n].user, "worker") ? "tyontekija" : "johtaja";
      g_assert_cmpstr (raw_cell (got, n, 0), ==, want_account);
      g_assert_cmpstr (raw_cell (got, n, 1), ==, rows[n].client);
      g_assert_cmpint (atoi (raw_cell (got, n, 2)), ==, rows[n].what);
      g_assert_cmpint (atoi (raw_cell (got, n, 3)), ==, rows[n].basis);
    }
  g_assert_cmpuint (got->len, ==, n_rows);
}

static void
assert_no_log (LeakFixture *lf,
               gint64       mark)
{
  assert_log (lf, mark, NULL, 0);
}

static KhUser *
copy_user (KhUser *user)
{
  KhUser *copy = kh_user_new ();

  copy->id = user->id;
  copy->account = g_strdup (user->account);
  copy->display_name = g_strdup (user->display_name);
  copy->role = user->role;
  copy->active = user->active;
  return copy;
}

/* Every kind of call a desk makes, refused with PERMISSION and no row. */
static void
assert_refused_everywhere (LeakFixture *lf,
                           KhUser      *user,
                           gint64       person)
{
  g_autoptr(GError) error = NULL;
  gint64 mark = last_log_id (lf);
  KhAccessFilter filter;

  g_assert_null (kh_db_search_clients (fixture_db (&lf->f, user), user, "Mäkinen", 10, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_null (kh_db_get_client (fixture_db (&lf->f, user), user, person, KH_ACCESS_PAGE, KH_BASIS_INTAKE, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_null (kh_db_list_client_cases (fixture_db (&lf->f, user), user, person, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_null (kh_db_list_client_contacts (fixture_db (&lf->f, user), user, person, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_null (kh_db_list_queue (fixture_db (&lf->f, user), user, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_false (kh_db_identity_code_exists (fixture_db (&lf->f, user), user, "020450-931U", &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  kh_access_filter_init (&filter);
  g_assert_null (kh_db_read_access_log (fixture_db (&lf->f, user), user, &filter, KH_ACCESS_PAGE_NEWEST, 0, 0, 10,
                                        &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  {
    g_autoptr(KhContact) contact = test_contact (KH_OUTCOME_ADVICE);
    g_autoptr(KhClient) client = kh_client_new ();
    KhIntake intake = { contact, client, FALSE, 0, 0, 0 };

    client->id = person;
    g_assert_null (kh_db_save_intake (fixture_db (&lf->f, user), user, &intake, &error));
    g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
    g_clear_error (&error);
  }
  assert_no_log (lf, mark);
  g_assert_cmpint (count (&lf->f, "SELECT count(*) FROM contacts"), ==, 0);
}

/* A user deactivated while their session is open loses access at their
 * next call, whatever their KhUser object still says; so does one
 * deactivated by another program (another desk's kohtaamo-admin). */
static void
test_deactivated_user (LeakFixture   *lf,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(KhUser) gone = NULL;
  gint64 aino = add_client (&lf->f, "Mäkinen", "Aino", "1950-04-02", 931);
  gint64 mark = last_log_id (lf);
  RawDb *raw;

  found = kh_db_search_clients (fixture_db (&lf->f, lf->desk), lf->desk, "Mäkinen", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  assert_log (lf, mark, (Row[]) { { "desk", "Mäkinen", KH_ACCESS_SEARCH, KH_BASIS_INTAKE } }, 1);

  gone = fixture_save_user (&lf->f, "vastaanotto", NULL, KH_ROLE_RECEPTION, FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (lf->desk->active);   /* the session's object is as it was */
  assert_refused_everywhere (lf, lf->desk, aino);

  /* The worker, by another program writing to the file. */
  raw = raw_connect (&lf->f);
  raw_run (raw, "UPDATE users SET active = 0 WHERE account = 'tyontekija'");
  raw_close (raw);
  assert_refused_everywhere (lf, lf->worker, aino);

  /* Active again: the same objects work again. */
  g_clear_object (&gone);
  gone = fixture_save_user (&lf->f, "vastaanotto", NULL, KH_ROLE_RECEPTION, TRUE, &error);
  g_assert_no_error (error);
  mark = last_log_id (lf);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = kh_db_search_clients (fixture_db (&lf->f, lf->desk), lf->desk, "Mäkinen", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  assert_log (lf, mark, (Row[]) { { "desk", "Mäkinen", KH_ACCESS_SEARCH, KH_BASIS_INTAKE } }, 1);
}

/* A KhUser made up by the caller gets nothing: an id that is not there,
 * another account's id, a role the table does not give, an object that
 * says active for an inactive user. A role changed by an administrator
 * during the session also ends it. */
static void
test_forged_user (LeakFixture   *lf,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhUser) made_up = kh_user_new ();
  g_autoptr(KhUser) borrowed = copy_user (lf->f.admin);
  g_autoptr(KhUser) promoted = copy_user (lf->desk);
  g_autoptr(KhUser) demoted = copy_user (lf->lead);
  g_autoptr(KhUser) changed = NULL;
  gint64 aino = add_client (&lf->f, "Mäkinen", "Aino", "1950-04-02", 931);

  made_up->id = 4242;
  made_up->account = g_strdup ("tester");
  made_up->role = KH_ROLE_ADMIN;
  made_up->active = TRUE;
  assert_refused_everywhere (lf, made_up, aino);

  /* The administrator's id, another account's name. */
  g_free (borrowed->account);
  borrowed->account = g_strdup ("vastaanotto");
  assert_refused_everywhere (lf, borrowed, aino);

  /* Reception's own object, made an administrator's. */
  promoted->role = KH_ROLE_ADMIN;
  assert_refused_everywhere (lf, promoted, aino);
  /* Or a lower role than the table's: the log's basis would be wrong. */
  demoted->role = KH_ROLE_RECEPTION;
  assert_refused_everywhere (lf, demoted, aino);

  /* The lead demoted to social worker while their window is open. */
  changed = fixture_save_user (&lf->f, "johtaja", NULL, KH_ROLE_SOCIAL_WORKER, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (lf->lead->role, ==, KH_ROLE_LEAD);
  assert_refused_everywhere (lf, lf->lead, aino);
  g_assert_null (kh_db_search_clients (fixture_db (&lf->f, lf->lead), lf->lead, "Mäkinen", 10, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
  g_assert_cmpstr (error->message, ==,
                   "Your role has changed since you signed in. Close Kohtaamo and open it again.");
  g_clear_error (&error);
  /* Signed in again, with the table's role, it works. */
  {
    g_autoptr(KhUser) again = kh_db_login (fixture_db_account (&lf->f, "johtaja"), "johtaja", NULL, &error);
    g_autoptr(GPtrArray) found = NULL;
    gint64 mark = last_log_id (lf);

    g_assert_no_error (error);
    found = kh_db_search_clients (fixture_db (&lf->f, again), again, "Mäkinen", 10, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (found->len, ==, 1);
    assert_log (lf, mark, (Row[]) {
      { "lead", "Mäkinen", KH_ACCESS_SEARCH, KH_BASIS_INTAKE } }, 1);
  }
}

static KhIntakeResult *
save_new_person (LeakFixture *lf,
                 KhUser      *user,
                 const char  *last_name,
                 guint        individual)
{
  g_autoptr(KhContact) contact = test_contact (KH_OUTCOME_CASE_OPENED);
  g_autoptr(KhClient) client = test_client (last_name, "Testi", "1960-06-15", individual);
  KhIntake intake = { contact, client, FALSE, 0, 0, 0 };
  g_autoptr(GError) error = NULL;
  KhIntakeResult *result;

  result = kh_db_save_intake (fixture_db (&lf->f, user), user, &intake, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

/* Undo takes back only the user's own latest intake, from what the store
 * kept: the caller's record names the contact and nothing else of it is
 * trusted. Undo reads nothing and returns nothing, so it logs nothing. */
static void
test_undo_only_own_latest (LeakFixture   *lf,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhIntakeResult) first = save_new_person (lf, lf->desk, "Ensimmäinen", 901);
  g_autoptr(KhIntakeResult) second = save_new_person (lf, lf->desk, "Toinen", 903);
  g_autoptr(KhIntakeResult) forged = NULL;
  g_autoptr(KhIntakeResult) theirs = NULL;
  gint64 bystander = add_client (&lf->f, "Sivullinen", "Siiri", "1970-07-07", 0);
  gint64 mark = last_log_id (lf);

  /* The earlier one is not "just done" any more. */
  g_assert_false (kh_db_undo_intake (fixture_db (&lf->f, lf->desk), lf->desk, first, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  /* Nor is a colleague's latest theirs to undo, not even the lead's. */
  g_assert_false (kh_db_undo_intake (fixture_db (&lf->f, lf->lead), lf->lead, second, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_cmpint (count (&lf->f, "SELECT count(*) FROM contacts"), ==, 2);

  /* A record that names the latest contact but another person, "created"
   * by the intake: the store undoes its own intake, never the bystander. */
  forged = kh_intake_result_copy (second);
  forged->client_id = bystander;
  forged->created_client = TRUE;
  g_assert_true (kh_db_undo_intake (fixture_db (&lf->f, lf->desk), lf->desk, forged, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (&lf->f, "SELECT count(*) FROM clients WHERE last_name = 'Sivullinen'"), ==, 1);
  g_assert_cmpint (count (&lf->f, "SELECT count(*) FROM clients WHERE last_name = 'Toinen'"), ==, 0);
  g_assert_cmpint (count (&lf->f, "SELECT count(*) FROM contacts"), ==, 1);
  /* No read. On a server the write to the person is logged first (their
   * record is gone now), as every write to a person there. */
  if (lf->f.pg_dbname != NULL)
    assert_log (lf, mark, (Row[]) { { "desk", NULL, KH_ACCESS_EDIT, KH_BASIS_INTAKE } }, 1);
  else
    assert_no_log (lf, mark);

  /* Undone once; and the first is still not the latest. */
  g_assert_false (kh_db_undo_intake (fixture_db (&lf->f, lf->desk), lf->desk, second, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_false (kh_db_undo_intake (fixture_db (&lf->f, lf->desk), lf->desk, first, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
  g_clear_error (&error);

  /* Too late: past the window (here 0 seconds), nothing is undone. */
  theirs = save_new_person (lf, lf->worker, "Myöhäinen", 905);
  fixture_db (&lf->f, lf->worker)->intake_undo_window = 0;
  g_usleep (2000);
  g_assert_false (kh_db_undo_intake (fixture_db (&lf->f, lf->worker), lf->worker, theirs, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_cmpint (count (&lf->f, "SELECT count(*) FROM clients WHERE last_name = 'Myöhäinen'"), ==, 1);
  fixture_db (&lf->f, lf->worker)->intake_undo_window = KH_DB_UNDO_SECONDS;

  /* A deactivated user undoes nothing. */
  {
    g_autoptr(KhIntakeResult) last = save_new_person (lf, lf->desk, "Viimeinen", 907);
    g_autoptr(KhUser) gone = fixture_save_user (&lf->f, "vastaanotto", NULL, KH_ROLE_RECEPTION,
                                              FALSE, &error);

    g_assert_no_error (error);
    g_assert_false (kh_db_undo_intake (fixture_db (&lf->f, lf->desk), lf->desk, last, &error));
    g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
    g_assert_cmpint (count (&lf->f, "SELECT count(*) FROM clients WHERE last_name = 'Viimeinen'"), ==, 1);
  }
}

/* Undoing an intake that updated a person puts them back from the store's
 * own copy; the caller never sees the earlier record, and undo logs
 * nothing. */
static void
test_undo_update_returns_nothing (LeakFixture   *lf,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhClient) picked = NULL;
  g_autoptr(KhContact) contact = test_contact (KH_OUTCOME_ADVICE);
  g_autoptr(KhIntakeResult) result = NULL;
  gint64 aino = add_client (&lf->f, "Mäkinen", "Aino", "1950-04-02", 931);
  KhIntake intake = { contact, NULL, TRUE, 0, 0, 0 };
  gint64 mark;

  picked = kh_db_get_client (fixture_db (&lf->f, lf->desk), lf->desk, aino, KH_ACCESS_EDIT, KH_BASIS_INTAKE, &error);
  g_assert_no_error (error);
  picked->phone = g_strdup ("040 555 1234");
  intake.client = picked;
  mark = last_log_id (lf);
  result = kh_db_save_intake (fixture_db (&lf->f, lf->desk), lf->desk, &intake, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result->client_id, ==, aino);
  g_assert_false (result->created_client);
  /* No read. On a server each write to the person is logged first, as
   * every write to a person there: the intake's, and the undo's. */
  if (lf->f.pg_dbname != NULL)
    assert_log (lf, mark, (Row[]) { { "desk", "Mäkinen", KH_ACCESS_EDIT, KH_BASIS_INTAKE } }, 1);
  else
    assert_no_log (lf, mark);

  g_assert_true (kh_db_undo_intake (fixture_db (&lf->f, lf->desk), lf->desk, result, &error));
  g_assert_no_error (error);
  if (lf->f.pg_dbname != NULL)
    assert_log (lf, mark, (Row[]) {
      { "desk", "Mäkinen", KH_ACCESS_EDIT, KH_BASIS_INTAKE },
      { "desk", "Mäkinen", KH_ACCESS_EDIT, KH_BASIS_INTAKE } }, 2);
  else
    assert_no_log (lf, mark);
  g_assert_cmpint (count (&lf->f, "SELECT count(*) FROM clients WHERE last_name = 'Mäkinen' "
                                  "AND phone IS NULL"), ==, 1);
  g_assert_cmpint (count (&lf->f, "SELECT count(*) FROM contacts"), ==, 0);
}

/* "This code already belongs to another person" tells the desk the person
 * is in the register, as a search by the code would: one SEARCH row for
 * the code's owner, written although the refused save is rolled back. */
static void
test_duplicate_code_is_logged (LeakFixture   *lf,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhClient) again = test_client ("Toinen", "Tuomas", "1950-04-02", 931);
  gint64 aino = add_client (&lf->f, "Mäkinen", "Aino", "1950-04-02", 931);
  gint64 mark = last_log_id (lf);

  g_assert_cmpint (kh_db_save_client (fixture_db (&lf->f, lf->desk), lf->desk, again, &error), ==, 0);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_DUPLICATE_CODE);
  g_clear_error (&error);
  assert_log (lf, mark, (Row[]) { { "desk", "Mäkinen", KH_ACCESS_SEARCH, KH_BASIS_INTAKE } }, 1);
  g_assert_cmpint (count (&lf->f, "SELECT count(*) FROM clients"), ==, 1);

  /* Through the intake, by a worker: the intake's basis. */
  mark = last_log_id (lf);
  {
    g_autoptr(KhContact) contact = test_contact (KH_OUTCOME_CASE_OPENED);
    KhIntake intake = { contact, again, FALSE, 0, 0, 0 };

    g_assert_null (kh_db_save_intake (fixture_db (&lf->f, lf->worker), lf->worker, &intake, &error));
    g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_DUPLICATE_CODE);
    g_clear_error (&error);
  }
  assert_log (lf, mark, (Row[]) { { "worker", "Mäkinen", KH_ACCESS_SEARCH, KH_BASIS_INTAKE } }, 1);
  g_assert_cmpint (count (&lf->f, "SELECT count(*) FROM contacts"), ==, 0);

  /* Changing another person's code to Aino's: the same. */
  mark = last_log_id (lf);
  {
    gint64 other = add_client (&lf->f, "Muu", "Mikko", "1970-07-07", 0);
    g_autoptr(KhClient) edit = kh_db_get_client (fixture_db (&lf->f, lf->desk), lf->desk, other, KH_ACCESS_EDIT,
                                                 KH_BASIS_INTAKE, &error);

    g_assert_no_error (error);
    edit->identity_kind = KH_IDENTITY_CODE;
    edit->identity_code = g_strdup (again->identity_code);
    g_clear_pointer (&edit->birth_date, g_free);
    edit->no_code_reason = 0;
    g_assert_cmpint (kh_db_save_client (fixture_db (&lf->f, lf->desk), lf->desk, edit, &error), ==, 0);
    g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_DUPLICATE_CODE);
    g_clear_error (&error);
  }
  assert_log (lf, mark, (Row[]) {
    { "desk", "Muu", KH_ACCESS_EDIT, KH_BASIS_INTAKE },
    { "desk", "Mäkinen", KH_ACCESS_SEARCH, KH_BASIS_INTAKE } }, 2);

  /* Any other refusal says nothing about anyone, and logs nothing. */
  mark = last_log_id (lf);
  {
    g_autoptr(KhClient) bad = test_client ("Virhe", "Ville", "1950-04-02", 933);

    g_free (bad->email);
    bad->email = g_strdup ("ei sähköposti");
    g_assert_cmpint (kh_db_save_client (fixture_db (&lf->f, lf->desk), lf->desk, bad, &error), ==, 0);
    g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
  assert_no_log (lf, mark);
  (void) aino;
}

/* kh_db_identity_code_exists takes the user: a yes is a logged read of the
 * code's owner, a no reads nobody. */
static void
test_identity_code_exists (LeakFixture   *lf,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *taken = test_code ("1950-04-02", 931);
  g_autofree char *free_code = test_code ("1950-04-02", 933);
  gint64 mark;

  add_client (&lf->f, "Mäkinen", "Aino", "1950-04-02", 931);

  mark = last_log_id (lf);
  g_assert_true (kh_db_identity_code_exists (fixture_db (&lf->f, lf->desk), lf->desk, taken, &error));
  g_assert_no_error (error);
  assert_log (lf, mark, (Row[]) { { "desk", "Mäkinen", KH_ACCESS_SEARCH, KH_BASIS_INTAKE } }, 1);

  /* An administrator's command (import, demo): administration. */
  mark = last_log_id (lf);
  g_assert_true (kh_db_identity_code_exists (lf->f.db, lf->f.admin, taken, &error));
  g_assert_no_error (error);
  assert_log (lf, mark, (Row[]) {
    { "admin", "Mäkinen", KH_ACCESS_SEARCH, KH_BASIS_ADMINISTRATION } }, 1);

  mark = last_log_id (lf);
  g_assert_false (kh_db_identity_code_exists (fixture_db (&lf->f, lf->worker), lf->worker, free_code, &error));
  g_assert_no_error (error);
  assert_no_log (lf, mark);
}

/* Reading the log is logged per person whose rows were read (issue 6, 5:
 * a page about 47 people had been one row about nobody). */
static void
test_log_read_per_person (LeakFixture   *lf,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) people = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(KhAccessLogSlice) page = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GBytes) extract = NULL;
  KhAccessFilter filter;
  gint64 mark;
  /* On a server the reading of the whole log is logged first, as a row
   * without a person (row-level security lets the rows through only
   * then); each person read is logged after it, as on SQLite. */
  const guint blanket = lf->f.pg_dbname != NULL ? 1 : 0;

  /* 47 people, each read once by the worker. */
  for (guint i = 0; i < 47; i++)
    {
      g_autofree char *last = g_strdup_printf ("Henkilö%02u", i);
      gint64 id = add_client (&lf->f, last, "Testi", "1960-06-15", 0);
      g_autoptr(KhClient) client = kh_db_get_client (fixture_db (&lf->f, lf->worker), lf->worker, id, KH_ACCESS_PAGE,
                                                     KH_BASIS_CLIENT_RELATIONSHIP, &error);

      g_assert_no_error (error);
      g_array_append_val (people, id);
    }

  mark = last_log_id (lf);
  kh_access_filter_init (&filter);
  page = kh_db_read_access_log (fixture_db (&lf->f, lf->lead), lf->lead, &filter, KH_ACCESS_PAGE_NEWEST, 0, 0, 100,
                                &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->entries->len, ==, 47);
  g_assert_cmpint (count (&lf->f, "SELECT count(*) FROM access_log WHERE what = 7"), ==, 47 + blanket);
  g_assert_cmpint (count (&lf->f, "SELECT count(DISTINCT client_id) FROM access_log "
                                  "WHERE what = 7 AND basis = 4 AND client_id IS NOT NULL"), ==, 47);
  /* One row per person, in the order the page showed them: newest first
   * (on a server after the reading of the whole log, logged first). */
  {
    g_autofree Row *rows = g_new0 (Row, 47 + blanket);
    g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

    if (blanket)
      rows[0] = (Row) { "lead", NULL, KH_ACCESS_ACCESS_LOG, KH_BASIS_SUPERVISION };
    for (guint i = 0; i < 47; i++)
      {
        g_ptr_array_add (names, g_strdup_printf ("Henkilö%02u", 46 - i));
        rows[blanket + i] = (Row) { "lead", g_ptr_array_index (names, i), KH_ACCESS_ACCESS_LOG,
                                    KH_BASIS_SUPERVISION };
      }
    assert_log (lf, mark, rows, 47 + blanket);
  }

  /* The whole log through kohtaamo-admin's call: the 94 rows are about
   * the same 47 people, so 47 rows again. */
  mark = last_log_id (lf);
  listed = kh_db_list_access_log (lf->f.db, lf->f.admin, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 94 + blanket);
  g_assert_cmpint (count (&lf->f, "SELECT count(*) FROM access_log WHERE what = 7"), ==, 94 + 2 * blanket);
  g_assert_cmpint (count (&lf->f, "SELECT count(DISTINCT client_id) FROM access_log "
                                  "WHERE what = 7 AND user_id = 1"), ==, 47);

  /* One person's page of the log, and their extract (ATL 11 §). */
  mark = last_log_id (lf);
  g_clear_pointer (&page, kh_access_log_slice_free);
  filter.client_id = g_array_index (people, gint64, 3);
  page = kh_db_read_access_log (fixture_db (&lf->f, lf->lead), lf->lead, &filter, KH_ACCESS_PAGE_NEWEST, 0, 0, 100,
                                &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->entries->len, ==, 3);
  extract = kh_db_export_access_log (lf->f.db, lf->f.admin, filter.client_id, NULL, &error);
  g_assert_no_error (error);
  assert_log (lf, mark, (Row[]) {
    { "lead", "Henkilö03", KH_ACCESS_ACCESS_LOG, KH_BASIS_SUPERVISION },
    { "admin", "Henkilö03", KH_ACCESS_ACCESS_LOG, KH_BASIS_ADMINISTRATION } }, 2);

  /* One showing of the log view, paged: each person once in it. The
   * worker's 47 PAGE rows, 10 a page; the first page (Henkilö46…37) logs
   * 10 people; the next (36…27) 10 others; the newest page again, the
   * first 10 people again: nobody new. */
  {
    g_autoptr(KhAccessLogSlice) first = NULL;
    g_autoptr(KhAccessLogSlice) next = NULL;
    g_autoptr(KhAccessLogSlice) again = NULL;
    KhAccessFilter paged;
    KhAccessEntry *last;

    kh_access_filter_init (&paged);
    paged.what = KH_ACCESS_PAGE;
    paged.showing = kh_work_list_new_showing ();
    mark = last_log_id (lf);
    first = kh_db_read_access_log (fixture_db (&lf->f, lf->lead), lf->lead, &paged, KH_ACCESS_PAGE_NEWEST, 0, 0, 10,
                                   &error);
    g_assert_no_error (error);
    g_assert_cmpint (last_log_id (lf) - mark, ==, 10 + blanket);
    assert_log (lf, mark + 9 + blanket, (Row[]) {
      { "lead", "Henkilö37", KH_ACCESS_ACCESS_LOG, KH_BASIS_SUPERVISION } }, 1);

    last = g_ptr_array_index (first->entries, 9);
    mark = last_log_id (lf);
    next = kh_db_read_access_log (fixture_db (&lf->f, lf->lead), lf->lead, &paged, KH_ACCESS_PAGE_OLDER,
                                  g_date_time_to_unix (last->at), last->id, 10, &error);
    g_assert_no_error (error);
    g_assert_cmpint (last_log_id (lf) - mark, ==, 10 + blanket);
    assert_log (lf, mark + 9 + blanket, (Row[]) {
      { "lead", "Henkilö27", KH_ACCESS_ACCESS_LOG, KH_BASIS_SUPERVISION } }, 1);

    mark = last_log_id (lf);
    again = kh_db_read_access_log (fixture_db (&lf->f, lf->lead), lf->lead, &paged, KH_ACCESS_PAGE_NEWEST, 0, 0, 10,
                                   &error);
    g_assert_no_error (error);
    if (blanket)
      assert_log (lf, mark, (Row[]) { { "lead", NULL, KH_ACCESS_ACCESS_LOG, KH_BASIS_SUPERVISION } }, 1);
    else
      assert_no_log (lf, mark);
    /* The page still names whose rows they are (on a server, the names
     * the showing read with its first page). */
    g_assert_cmpstr (((KhAccessEntry *) g_ptr_array_index (again->entries, 0))->client_name, ==,
                     "Henkilö46, Testi");
    g_assert_cmpstr (((KhAccessEntry *) g_ptr_array_index (again->entries, 9))->client_name, ==,
                     "Henkilö37, Testi");

    /* Another user in the same showing id is a showing of their own. */
    g_clear_pointer (&again, kh_access_log_slice_free);
    again = kh_db_read_access_log (lf->f.db, lf->f.admin, &paged, KH_ACCESS_PAGE_NEWEST, 0, 0, 10,
                                   &error);
    g_assert_no_error (error);
    g_assert_cmpint (last_log_id (lf) - mark, ==, 10 + 2 * blanket);
  }

  /* A page about nobody: one row without a person. */
  mark = last_log_id (lf);
  g_clear_pointer (&page, kh_access_log_slice_free);
  kh_access_filter_init (&filter);
  g_date_set_dmy (&filter.to, 1, 1, 2000);
  page = kh_db_read_access_log (fixture_db (&lf->f, lf->lead), lf->lead, &filter, KH_ACCESS_PAGE_NEWEST, 0, 0, 100,
                                &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->total, ==, 0);
  assert_log (lf, mark, (Row[]) { { "lead", NULL, KH_ACCESS_ACCESS_LOG, KH_BASIS_SUPERVISION } }, 1);
}

/* Issue 6: who adds or changes a user is checked against their current
 * row, as for every read, and recorded. Reception cannot add a user or
 * raise itself (before, the store took any caller's word on SQLite); a
 * caller naming nobody may only make a new database's first user; the
 * administrator's changes are each a row of user_changes, which nobody
 * changes or removes. On a server its trigger writes the rows with the
 * login that made the change. */
static void
test_users_by_administrator (LeakFixture   *lf,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhUser) added = NULL;
  g_autoptr(KhUser) refused = NULL;
  g_autofree char *rows_sql = NULL;
  g_autofree char *by_sql = NULL;
  RawDb *raw;

  refused = kh_db_save_user (fixture_db (&lf->f, lf->desk), lf->desk, "tunkeilija", NULL,
                             KH_ROLE_ADMIN, TRUE, &error);
  g_assert_null (refused);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  refused = kh_db_save_user (fixture_db (&lf->f, lf->desk), lf->desk, "vastaanotto", NULL,
                             KH_ROLE_ADMIN, TRUE, &error);
  g_assert_null (refused);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  refused = kh_db_save_user (lf->f.db, NULL, "tunkeilija", NULL, KH_ROLE_ADMIN, TRUE, &error);
  g_assert_null (refused);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_cmpint (count (&lf->f, "SELECT count(*) FROM users WHERE account = 'tunkeilija'"), ==, 0);
  g_assert_cmpint (count (&lf->f, "SELECT role FROM users WHERE account = 'vastaanotto'"), ==,
                   KH_ROLE_RECEPTION);

  /* The administrator adds one, then deactivates them: two rows. */
  added = fixture_save_user (&lf->f, "uusi.tyontekija", "Uuno Uusi", KH_ROLE_COUNSELLOR, TRUE,
                             &error);
  g_assert_no_error (error);
  g_clear_object (&added);
  added = fixture_save_user (&lf->f, "uusi.tyontekija", NULL, KH_ROLE_COUNSELLOR, FALSE, &error);
  g_assert_no_error (error);
  rows_sql = g_strdup_printf ("SELECT count(*) FROM user_changes WHERE user_id = %" G_GINT64_FORMAT,
                              added->id);
  g_assert_cmpint (count (&lf->f, rows_sql), ==, 2);
  by_sql = g_strdup_printf ("SELECT count(*) FROM user_changes WHERE user_id = %" G_GINT64_FORMAT
                            " AND changed_by = %" G_GINT64_FORMAT " AND changed_by_account = '%s'"
                            " AND role = %d AND ((active = 1 AND display_name = 'Uuno Uusi') "
                            "   OR (active = 0 AND id = (SELECT max (id) FROM user_changes)))",
                            added->id, lf->f.admin->id, lf->f.admin->account, KH_ROLE_COUNSELLOR);
  g_assert_cmpint (count (&lf->f, by_sql), ==, 2);

  /* The administrator reads them back, newest first; nobody else may. */
  {
    g_autoptr(GPtrArray) changes = NULL;
    g_autoptr(GPtrArray) all = NULL;
    KhUserChange *change;

    changes = kh_db_list_user_changes (lf->f.db, lf->f.admin, "uusi.tyontekija", &error);
    g_assert_no_error (error);
    g_assert_cmpuint (changes->len, ==, 2);
    change = g_ptr_array_index (changes, 0);
    g_assert_cmpstr (change->account, ==, "uusi.tyontekija");
    g_assert_false (change->active);
    g_assert_cmpint (change->role, ==, KH_ROLE_COUNSELLOR);
    g_assert_cmpstr (change->changed_by_account, ==, lf->f.admin->account);
    change = g_ptr_array_index (changes, 1);
    g_assert_true (change->active);
    g_assert_cmpstr (change->display_name, ==, "Uuno Uusi");
    g_assert_cmpint (change->at, >=, g_get_real_time () / G_USEC_PER_SEC - 60);

    all = kh_db_list_user_changes (lf->f.db, lf->f.admin, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (all->len, >, changes->len);
    g_assert_cmpstr (((KhUserChange *) g_ptr_array_index (all, 0))->account, ==, "uusi.tyontekija");

    g_clear_pointer (&changes, g_ptr_array_unref);
    changes = kh_db_list_user_changes (fixture_db (&lf->f, lf->desk), lf->desk, NULL, &error);
    g_assert_null (changes);
    g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
    g_clear_error (&error);
    changes = kh_db_list_user_changes (fixture_db (&lf->f, lf->lead), lf->lead, NULL, &error);
    g_assert_null (changes);
    g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
    g_clear_error (&error);
  }

  raw = raw_connect (&lf->f);
  g_assert_true (raw_refuses (raw, "UPDATE user_changes SET changed_by_account = 'joku'"));
  g_assert_true (raw_refuses (raw, "DELETE FROM user_changes"));
  raw_close (raw);
  g_assert_cmpint (count (&lf->f, rows_sql), ==, 2);
}

/* What the current-state check costs: one lookup by primary key per
 * operation. Measured beside the search it guards; reported, and bounded
 * loosely (a shared test machine is no benchmark). */
static void
test_check_cost (LeakFixture   *lf,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 start, checks, searches;
  const guint n = 2000;

  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *last = g_strdup_printf ("Mäki%03u", i);

      add_client (&lf->f, last, "Testi", "1960-06-15", 0);
    }

  start = g_get_monotonic_time ();
  for (guint i = 0; i < n; i++)
    g_assert_true (_kh_db_check_role (fixture_db (&lf->f, lf->desk), lf->desk, KH_ROLE_RECEPTION, &error));
  checks = g_get_monotonic_time () - start;

  start = g_get_monotonic_time ();
  for (guint i = 0; i < n / 10; i++)
    {
      g_autoptr(GPtrArray) found = kh_db_search_clients (fixture_db (&lf->f, lf->desk), lf->desk, "mäki01", 10, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (found->len, ==, 10);
    }
  searches = g_get_monotonic_time () - start;

  g_test_message ("the user check: %.1f µs a call; a search of 10 people (with its check and "
                  "10 log rows): %.1f µs", (double) checks / n, (double) searches / (n / 10));
  /* Far above what it takes (a few µs), far below a frame. */
  g_assert_cmpint (checks / n, <, 1000);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  if (store_test_runs_here (path)) \
    g_test_add (path, LeakFixture, NULL, leak_set_up, func, leak_tear_down)
  ADD ("/store/leaks/deactivated-user", test_deactivated_user);
  ADD ("/store/leaks/forged-user", test_forged_user);
  ADD ("/store/leaks/undo-only-own-latest", test_undo_only_own_latest);
  ADD ("/store/leaks/undo-update-returns-nothing", test_undo_update_returns_nothing);
  ADD ("/store/leaks/duplicate-code-is-logged", test_duplicate_code_is_logged);
  ADD ("/store/leaks/identity-code-exists", test_identity_code_exists);
  ADD ("/store/leaks/log-read-per-person", test_log_read_per_person);
  ADD ("/store/leaks/check-cost", test_check_cost);
  ADD ("/store/leaks/users-by-administrator", test_users_by_administrator);
#undef ADD

  return g_test_run ();
}
