/* test-closed-days.c — the store's calls for the unit's own closed days
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * kh_db_list_closed_days and kh_db_remove_closed_day live in kh-db-admin.c,
 * with kohtaamo-admin's other additions to the store. A closed day changes
 * no deadline (domain-law.md section 6): the 7th working day is the same
 * with the day added and after it is removed.
 */

#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include <locale.h>

#include "admin-test-util.h"

typedef struct {
  char   *dir;
  KhDb   *db;
  KhUser *admin;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = NULL;

  f->dir = admin_test_make_dir ();
  path = g_build_filename (f->dir, "kohtaamo.db", NULL);
  f->db = admin_test_open (path, &f->admin);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->admin);
  g_clear_pointer (&f->db, kh_db_close);
  admin_test_remove_dir (f->dir);
  g_free (f->dir);
}

/* The start deadline of the assessment for a person over 75 whose contact
 * came on Monday 14.9.2026: the 7th working day after it. */
static char *
intake_deadline (Fixture *f)
{
  g_autoptr(KhContact) contact = kh_contact_new ();
  g_autoptr(KhClient) client = kh_client_new ();
  g_autoptr(KhIntakeResult) result = NULL;
  g_autoptr(GError) error = NULL;
  KhIntake intake = { 0 };

  contact->received_at = g_date_time_new_local (2026, 9, 14, 10, 0, 0);
  contact->channel = KH_CHANNEL_WALK_IN;
  contact->contactor = KH_CONTACTOR_SELF;
  contact->language = KH_LANGUAGE_FI;
  contact->outcome = KH_OUTCOME_CASE_OPENED;
  contact->urgency = KH_URGENCY_NOT_URGENT;
  contact->needs = KH_NEED_FINANCIAL;

  client->last_name = g_strdup ("Vanhanen");
  client->first_names = g_strdup ("Veikko");
  client->language = KH_LANGUAGE_FI;
  client->identity_kind = KH_IDENTITY_BIRTH_DATE;
  client->no_code_reason = KH_NO_CODE_NOT_KNOWN;
  client->birth_date = g_strdup ("1940-03-01");

  intake.contact = contact;
  intake.client = client;
  result = kh_db_save_intake (f->db, f->admin, &intake, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  return g_strdup (result->assessment_deadline);
}

static void
assert_days (Fixture            *f,
             const char * const *expected)   /* date, name, date, name, …, NULL */
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) days = kh_db_list_closed_days (f->db, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (; expected[2 * n] != NULL; n++)
    {
      KhClosedDay *day;

      g_assert_cmpuint (n, <, days->len);
      day = g_ptr_array_index (days, n);
      g_assert_cmpstr (day->date, ==, expected[2 * n]);
      g_assert_cmpstr (day->name, ==, expected[2 * n + 1]);
    }
  g_assert_cmpuint (days->len, ==, n);
}

static void
test_add_list_remove (Fixture       *f,
                      gconstpointer  data)
{
  const char *none[] = { NULL };
  const char *two[] = { "2026-09-15", "Training day", "2026-12-23", "Unit closed", NULL };
  const char *one[] = { "2026-12-23", "Unit closed", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *skipped = NULL;
  g_autofree char *back = NULL;

  assert_days (f, none);
  plain = intake_deadline (f);
  /* Tue 15 … Wed 23 September. */
  g_assert_cmpstr (plain, ==, "2026-09-23");

  /* Added out of order; listed by date, either way of writing the date. */
  g_assert_true (kh_db_add_closed_day (f->db, f->admin, "2026-12-23", "Unit closed", &error));
  g_assert_true (kh_db_add_closed_day (f->db, f->admin, "15.9.2026", "Training day", &error));
  g_assert_no_error (error);
  assert_days (f, two);
  /* Until issue 5 the count skipped the closed day (24.9); it must not. */
  skipped = intake_deadline (f);
  g_assert_cmpstr (skipped, ==, "2026-09-23");

  g_assert_true (kh_db_remove_closed_day (f->db, f->admin, "15.9.2026", &error));
  g_assert_no_error (error);
  assert_days (f, one);
  back = intake_deadline (f);
  g_assert_cmpstr (back, ==, "2026-09-23");

  g_assert_false (kh_db_remove_closed_day (f->db, f->admin, "2026-09-15", &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (kh_db_remove_closed_day (f->db, f->admin, "31.9.2026", &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (kh_db_remove_closed_day (f->db, f->admin, NULL, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_clear_error (&error);
  assert_days (f, one);
}

static void
test_remove_needs_role (Fixture       *f,
                        gconstpointer  data)
{
  const char *one[] = { "2026-12-23", "Unit closed", NULL };
  const struct {
    KhRole    role;
    gboolean  active;
    gboolean  allowed;
  } cases[] = {
    { KH_ROLE_RECEPTION, TRUE, FALSE },
    { KH_ROLE_COUNSELLOR, TRUE, FALSE },
    { KH_ROLE_SOCIAL_WORKER, TRUE, FALSE },
    { KH_ROLE_LEAD, FALSE, FALSE },
    { KH_ROLE_LEAD, TRUE, TRUE },
  };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *account = g_strdup_printf ("user-%u", i);
      g_autoptr(KhUser) user = kh_db_save_user (f->db, f->admin, account, NULL, cases[i].role,
                                                cases[i].active, &error);
      gboolean removed;

      g_assert_no_error (error);
      g_assert_true (kh_db_add_closed_day (f->db, f->admin, "2026-12-23", "Unit closed", &error));
      g_assert_no_error (error);

      removed = kh_db_remove_closed_day (f->db, user, "2026-12-23", &error);
      g_assert_cmpint (removed, ==, cases[i].allowed);
      if (cases[i].allowed)
        {
          g_assert_no_error (error);
        }
      else
        {
          g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
          g_clear_error (&error);
          assert_days (f, one);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/admin/closed-days/add-list-remove", test_add_list_remove);
  ADD ("/admin/closed-days/remove-needs-role", test_remove_needs_role);

  return g_test_run ();
}
