/* test-teams.c — the unit's teams: a case opened into a team, the queue
 * per team, a team that no longer takes cases, a user's team (issue 5,
 * 2.9; issue 7, 1), on both engines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include "core/kh-intake-state.h"

#include "store-test-util.h"

static gint64
add_team (Fixture    *f,
          const char *name)
{
  g_autoptr(KhTeam) team = kh_team_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  team->name = g_strdup (name);
  id = kh_db_save_team (f->db, f->admin, team, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static KhTeam *
find_team (Fixture    *f,
           const char *name)
{
  g_autoptr(GPtrArray) teams = NULL;
  g_autoptr(GError) error = NULL;

  teams = kh_db_list_teams (f->db, TRUE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < teams->len; i++)
    {
      KhTeam *team = g_ptr_array_index (teams, i);

      if (g_str_equal (team->name, name))
        return g_object_ref (team);
    }
  return NULL;
}

/* A case opened on 2 April 2026 at 9:`minute` for a new person, by `user`
 * into `team_id` (0: the default); the case's id, or 0 with `error`. */
static gint64
open_case (Fixture    *f,
           KhUser     *user,
           const char *last_name,
           gboolean    urgent,
           gint64      team_id,
           guint       minute,
           GError    **error)
{
  g_autoptr(KhContact) contact = test_contact (KH_OUTCOME_CASE_OPENED);
  g_autoptr(KhClient) client = test_client (last_name, "Testi", "1980-06-15", 0);
  g_autoptr(KhIntakeResult) result = NULL;
  KhIntake intake = { contact, client, FALSE, 0, 0 };

  intake.team_id = team_id;
  contact->received_at = g_date_time_new_local (2026, 4, 2, 9, minute, 0);
  contact->urgency = urgent ? KH_URGENCY_URGENT : KH_URGENCY_NOT_URGENT;
  result = kh_db_save_intake (fixture_db (f, user), user, &intake, error);
  return result != NULL ? result->case_id : 0;
}

static GPtrArray *
queue_of (Fixture *f,
          gint64   team_id,
          guint    limit,
          guint   *total,
          guint   *urgent)
{
  KhWorkListQuery query = { 0 };
  g_autoptr(GError) error = NULL;
  GPtrArray *rows;

  query.limit = limit;
  query.team_id = team_id;
  rows = kh_db_list_queue_query (f->db, f->admin, &query, total, urgent, &error);
  g_assert_no_error (error);
  g_assert_nonnull (rows);
  return rows;
}

static const char *
case_name (GPtrArray *cases,
           guint      i)
{
  return ((KhCase *) g_ptr_array_index (cases, i))->client_name;
}

/* A new database has the unit's one team, and a case opened without
 * naming a team goes into it. */
static void
test_default_team (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) teams = NULL;
  g_autoptr(GPtrArray) queue = NULL;
  g_autoptr(GError) error = NULL;
  KhTeam *team;
  gint64 case_id;

  teams = kh_db_list_teams (f->db, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (teams->len, ==, 1);
  team = g_ptr_array_index (teams, 0);
  g_assert_cmpstr (team->name, ==, "Aikuissosiaalityö");
  g_assert_true (team->active);

  case_id = open_case (f, f->admin, "Oletus", FALSE, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (case_id, >, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM cases WHERE team_id IS NULL"), ==, 0);

  queue = queue_of (f, team->id, 0, NULL, NULL);
  g_assert_cmpuint (queue->len, ==, 1);
  g_assert_cmpint (((KhCase *) g_ptr_array_index (queue, 0))->team_id, ==, team->id);
  g_assert_cmpstr (((KhCase *) g_ptr_array_index (queue, 0))->team_name, ==, "Aikuissosiaalityö");
}

/* Cases opened into two teams: each team's queue holds its own, its
 * heading counts its own, and its urgent case comes first in it even
 * when the page holds one row (issue 5, 1.1, per team). */
static void
test_queue_per_team (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(KhTeam) first = find_team (f, "Aikuissosiaalityö");
  g_autoptr(GError) error = NULL;
  gint64 young = add_team (f, "Nuoret aikuiset");
  guint total = 99;
  guint urgent = 99;

  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *name = g_strdup_printf ("Aikuinen%u", i);

      open_case (f, f->admin, name, i == 3, first->id, i, &error);
      g_assert_no_error (error);
    }
  open_case (f, f->admin, "Nuori", FALSE, young, 10, &error);
  g_assert_no_error (error);
  open_case (f, f->admin, "Nuorikiire", TRUE, young, 11, &error);
  g_assert_no_error (error);

  {
    g_autoptr(GPtrArray) page = queue_of (f, young, 1, &total, &urgent);

    g_assert_cmpuint (page->len, ==, 1);
    g_assert_cmpstr (case_name (page, 0), ==, "Nuorikiire, Testi");
    g_assert_cmpstr (((KhCase *) g_ptr_array_index (page, 0))->team_name, ==, "Nuoret aikuiset");
    g_assert_cmpuint (total, ==, 2);
    g_assert_cmpuint (urgent, ==, 1);
  }
  {
    g_autoptr(GPtrArray) page = queue_of (f, first->id, 0, &total, &urgent);

    g_assert_cmpuint (page->len, ==, 4);
    g_assert_cmpstr (case_name (page, 0), ==, "Aikuinen3, Testi");
    g_assert_cmpstr (case_name (page, 1), ==, "Aikuinen0, Testi");
    g_assert_cmpstr (case_name (page, 3), ==, "Aikuinen2, Testi");
    g_assert_cmpuint (total, ==, 4);
    g_assert_cmpuint (urgent, ==, 1);
  }
  {
    /* Every team: both urgent cases first, the oldest first. */
    g_autoptr(GPtrArray) page = queue_of (f, 0, 3, &total, &urgent);

    g_assert_cmpstr (case_name (page, 0), ==, "Aikuinen3, Testi");
    g_assert_cmpstr (case_name (page, 1), ==, "Nuorikiire, Testi");
    g_assert_cmpstr (case_name (page, 2), ==, "Aikuinen0, Testi");
    g_assert_cmpuint (total, ==, 6);
    g_assert_cmpuint (urgent, ==, 2);
  }
}

/* A receptionist of a team opens cases into it by default; one in no
 * team into the first team by name (kh_intake_default_team). */
static void
test_default_is_own_team (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(KhUser) desk = fixture_add_user (f, "tiimidesk", "Tiimi Vastaanotto", KH_ROLE_RECEPTION);
  g_autoptr(KhUser) reloaded = NULL;
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GError) error = NULL;
  gint64 young, case_id;

  /* "A…" before "Nuoret …" by name: the first team stays the default. */
  young = add_team (f, "Nuoret aikuiset");

  case_id = open_case (f, desk, "Eitiimia", FALSE, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM cases c JOIN teams t ON t.id = c.team_id "
                             "WHERE t.name = 'Aikuissosiaalityö'"), ==, 1);

  g_assert_true (kh_db_set_user_team (f->db, "tiimidesk", young, &error));
  g_assert_no_error (error);
  users = kh_db_list_users (f->db, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < users->len; i++)
    if (g_str_equal (((KhUser *) g_ptr_array_index (users, i))->account, "tiimidesk"))
      reloaded = g_object_ref (g_ptr_array_index (users, i));
  g_assert_nonnull (reloaded);
  g_assert_cmpint (reloaded->team_id, ==, young);
  g_assert_cmpstr (reloaded->team_name, ==, "Nuoret aikuiset");

  case_id = open_case (f, reloaded, "Omatiimi", FALSE, 0, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (case_id, >, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM cases c JOIN teams t ON t.id = c.team_id "
                             "WHERE t.name = 'Nuoret aikuiset'"), ==, 1);
}

/* A deactivated team gets no new cases and no new members, by the store
 * and by the schema; the last active team cannot be deactivated; names
 * are unique whatever their case; only the administrator changes teams. */
static void
test_deactivated_refused (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(KhTeam) first = find_team (f, "Aikuissosiaalityö");
  g_autoptr(KhTeam) young = NULL;
  g_autoptr(KhTeam) last = NULL;
  g_autoptr(KhTeam) same = kh_team_new ();
  g_autoptr(KhUser) lead = fixture_add_user (f, "tiimilead", "Tiimi Johtaja", KH_ROLE_LEAD);
  g_autoptr(KhUser) worker = fixture_add_user (f, "tiimisw", "Tiimi Sosiaalityö", KH_ROLE_SOCIAL_WORKER);
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  RawDb *raw;
  gint64 young_id, case_id;

  young_id = add_team (f, "Nuoret aikuiset");
  young = find_team (f, "Nuoret aikuiset");
  case_id = open_case (f, f->admin, "Ennen", FALSE, young_id, 0, &error);
  g_assert_no_error (error);
  g_assert_true (kh_db_set_user_team (f->db, "tiimisw", young_id, &error));
  g_assert_no_error (error);

  young->active = FALSE;
  g_assert_cmpint (kh_db_save_team (f->db, f->admin, young, &error), ==, young_id);
  g_assert_no_error (error);

  g_assert_cmpint (open_case (f, f->admin, "Jalkeen", FALSE, young_id, 1, &error), ==, 0);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (kh_db_set_user_team (f->db, "tiimilead", young_id, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* Its case and its member stay with it. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM cases c JOIN teams t ON t.id = c.team_id "
                             "WHERE t.name = 'Nuoret aikuiset'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM users WHERE account = 'tiimisw' "
                             "AND team_id IS NOT NULL"), ==, 1);

  /* The last active team stays active. */
  last = kh_team_copy (first);
  last->active = FALSE;
  g_assert_cmpint (kh_db_save_team (f->db, f->admin, last, &error), ==, 0);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Unique whatever the case; the administrator's only. */
  same->name = g_strdup ("NUORET AIKUISET");
  g_assert_cmpint (kh_db_save_team (f->db, f->admin, same, &error), ==, 0);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_free (same->name);
  same->name = g_strdup ("Johtajan tiimi");
  g_assert_cmpint (kh_db_save_team (fixture_db (f, lead), lead, same, &error), ==, 0);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
  g_clear_error (&error);

  /* The schema says the same to any other program. */
  raw = raw_connect (f);
  sql = g_strdup_printf ("UPDATE cases SET team_id = %" G_GINT64_FORMAT " WHERE id <> %"
                         G_GINT64_FORMAT, young_id, case_id);
  open_case (f, f->admin, "Toinen", FALSE, first->id, 2, &error);
  g_assert_no_error (error);
  g_assert_true (raw_refuses (raw, sql));
  g_assert_true (raw_refuses (raw, "UPDATE cases SET team_id = NULL"));
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("UPDATE users SET team_id = %" G_GINT64_FORMAT
                         " WHERE account = 'tiimilead'", young_id);
  g_assert_true (raw_refuses (raw, sql));
  g_assert_true (raw_refuses (raw, "UPDATE teams SET active = 0"));
  g_assert_true (raw_refuses (raw, "INSERT INTO teams (name, active, created_at) "
                                   "VALUES (' Tyhjä ', 1, 0)"));
  raw_close (raw);
}

/* A user's team: set, shown with the user, cleared; an account that is no
 * user is NOT_FOUND. */
static void
test_user_team (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(KhUser) worker = fixture_add_user (f, "tiimityo", "Tiina Työntekijä", KH_ROLE_SOCIAL_WORKER);
  g_autoptr(GError) error = NULL;
  gint64 young = add_team (f, "Nuoret aikuiset");

  g_assert_true (kh_db_set_user_team (f->db, "tiimityo", young, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM users u JOIN teams t ON t.id = u.team_id "
                             "WHERE u.account = 'tiimityo' AND t.name = 'Nuoret aikuiset'"), ==, 1);
  {
    g_autoptr(GPtrArray) teams = kh_db_list_teams (f->db, FALSE, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (teams->len, ==, 2);
    g_assert_cmpstr (((KhTeam *) g_ptr_array_index (teams, 1))->name, ==, "Nuoret aikuiset");
    g_assert_cmpuint (((KhTeam *) g_ptr_array_index (teams, 1))->n_members, ==, 1);
  }

  g_assert_true (kh_db_set_user_team (f->db, "tiimityo", 0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM users WHERE account = 'tiimityo' "
                             "AND team_id IS NULL"), ==, 1);

  g_assert_false (kh_db_set_user_team (f->db, "eioleolemassa", young, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  if (store_test_runs_here (path)) \
    g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/teams/default-team", test_default_team);
  ADD ("/store/teams/queue-per-team", test_queue_per_team);
  ADD ("/store/teams/default-is-own-team", test_default_is_own_team);
  ADD ("/store/teams/deactivated-refused", test_deactivated_refused);
  ADD ("/store/teams/user-team", test_user_team);

#undef ADD

  return g_test_run ();
}
