/* kh-admin-users.c — kohtaamo-admin users: who may use Kohtaamo, and as what
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kohtaamo-admin"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "store/kh-db.h"

#include "kh-admin-private.h"

static char *opt_role;
static char *opt_name;
static char *opt_team;
static gboolean opt_password_stdin;
static gboolean opt_no_password;
/* On a server, as a role that may create logins: the logins too. */
static gboolean manage_logins;

static KhUser *
find_user (GPtrArray  *users,
           const char *account)
{
  for (guint i = 0; i < users->len; i++)
    {
      KhUser *user = g_ptr_array_index (users, i);

      if (g_strcmp0 (user->account, account) == 0)
        return user;
    }
  return NULL;
}

static guint
count_active_admins (GPtrArray *users)
{
  guint n = 0;

  for (guint i = 0; i < users->len; i++)
    {
      KhUser *user = g_ptr_array_index (users, i);

      if (user->active && user->role == KH_ROLE_ADMIN)
        n++;
    }
  return n;
}

static char *
role_keys (void)
{
  g_autoptr(GString) keys = g_string_new (NULL);

  for (KhRole role = KH_ROLE_FIRST; role <= KH_ROLE_LAST; role++)
    {
      if (keys->len > 0)
        g_string_append (keys, ", ");
      g_string_append (keys, kh_role_key (role));
    }
  return g_string_free (g_steal_pointer (&keys), FALSE);
}

static int
bad_role (GOptionContext *context,
          const char     *text)
{
  g_autofree char *keys = role_keys ();
  /* Translators: the first %s is what was typed, the second the valid role keys
   * (kept in English: they are typed on the command line). */
  g_autofree char *message = g_strdup_printf (_("Unknown role “%s”; use one of: %s"),
                                              text, keys);
  return _kh_admin_usage_error (context, message);
}

static gboolean
account_is_valid (const char *account)
{
  if (account == NULL || *account == '\0' || !g_utf8_validate (account, -1, NULL))
    return FALSE;
  for (const char *p = account; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_iscntrl (c))
        return FALSE;
    }
  return TRUE;
}

static int
users_list (GPtrArray *users)
{
  const char *headings[5] = {
    C_("column", "Account"), C_("column", "Name"),
    C_("column", "Role"), C_("column", "Team"), C_("column", "Active"),
  };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);

  /* The rows borrow the users' strings: the array frees only itself. */
  for (guint i = 0; i < users->len; i++)
    {
      KhUser *user = g_ptr_array_index (users, i);
      const char **row = g_new0 (const char *, 5);

      row[0] = user->account;
      row[1] = user->display_name ? user->display_name : "";
      row[2] = kh_role_key (user->role);
      row[3] = user->team_name ? user->team_name : "";
      row[4] = user->active ? C_("user is active", "yes") : C_("user is active", "no");
      g_ptr_array_add (rows, row);
    }

  _kh_admin_print_table (headings, G_N_ELEMENTS (headings), rows);
  return EXIT_OK;
}

/* history [ACCOUNT]: who added or changed users, and when, newest first
 * (user_changes; issue 6). */
static int
users_history (KhDb       *db,
               KhUser     *admin,
               const char *account)
{
  const char *headings[6] = {
    C_("column", "Time"), C_("column", "Account"), C_("column", "Name"),
    C_("column", "Role"), C_("column", "Active"), C_("column", "Changed by"),
  };
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) times = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  changes = kh_db_list_user_changes (db, admin, account, &error);
  if (changes == NULL)
    return _kh_admin_fail (error);
  if (changes->len == 0 && account != NULL)
    {
      g_autofree char *message =
        g_strdup_printf (_("The account “%s” is not a user of this database"), account);
      _kh_admin_print_error (message);
      return EXIT_FAILED;
    }

  /* The rows borrow the changes' strings: the array frees only itself. */
  for (guint i = 0; i < changes->len; i++)
    {
      KhUserChange *change = g_ptr_array_index (changes, i);
      g_autoptr(GDateTime) at = g_date_time_new_from_unix_local (change->at);
      const char **row = g_new0 (const char *, 6);
      char *when = g_date_time_format (at, "%Y-%m-%d %H:%M:%S");

      g_ptr_array_add (times, when);
      row[0] = when;
      row[1] = change->account;
      row[2] = change->display_name ? change->display_name : "";
      row[3] = kh_role_key (change->role);
      row[4] = change->active ? C_("user is active", "yes") : C_("user is active", "no");
      row[5] = change->changed_by_account;
      g_ptr_array_add (rows, row);
    }

  _kh_admin_print_table (headings, G_N_ELEMENTS (headings), rows);
  return EXIT_OK;
}

/* The team that --team names (or set-team's argument), checked before
 * anything is written: 0 for none asked, -1 (said why) for a name that is
 * no team or a team that takes no new members. */
static gint64
team_named (KhDb       *db,
            const char *name)
{
  g_autoptr(GPtrArray) teams = NULL;
  g_autoptr(GError) error = NULL;
  KhTeam *team;

  if (name == NULL)
    return 0;
  teams = kh_db_list_teams (db, TRUE, &error);
  if (teams == NULL)
    {
      _kh_admin_fail (error);
      return -1;
    }
  team = _kh_admin_find_team (teams, name);
  if (team == NULL)
    {
      _kh_admin_no_such_team (name);
      return -1;
    }
  if (!team->active)
    {
      /* Translators: %s is a team's name. */
      g_autofree char *message = g_strdup_printf (_("The team “%s” is inactive and takes no new "
                                                    "members; activate it first"), team->name);
      _kh_admin_print_error (message);
      return -1;
    }
  return team->id;
}

static int
save_user (KhDb       *db,
           KhUser     *admin,
           const char *account,
           const char *display_name,
           KhRole      role,
           gboolean    active,
           const char *done_message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhUser) saved = NULL;
  gint64 team_id = team_named (db, opt_team);

  if (team_id < 0)
    return EXIT_FAILED;

  if (manage_logins)
    {
      g_autofree char *password = NULL;
      gboolean ok = TRUE;

      /* A new user's login needs its password (or --no-password). */
      if (opt_role != NULL || opt_password_stdin)
        password = _kh_admin_read_password (account, opt_password_stdin, opt_no_password, &ok);
      if (!ok)
        return EXIT_FAILED;
      if (!kh_db_pg_save_login (db, account, display_name, role, active, password, &error))
        return _kh_admin_fail (error);
    }
  else
    {
      saved = kh_db_save_user (db, admin, account, display_name, role, active, &error);
      if (saved == NULL)
        return _kh_admin_fail (error);
    }
  if (team_id > 0 && !kh_db_set_user_team (db, account, team_id, &error))
    return _kh_admin_fail (error);
  g_print ("%s\n", done_message);
  return EXIT_OK;
}

/* set-team ACCOUNT [TEAM]: without a team, in none. */
static int
users_set_team (KhDb       *db,
                GPtrArray  *users,
                const char *account,
                const char *team_name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *done = NULL;
  gint64 team_id;

  if (find_user (users, account) == NULL)
    {
      g_autofree char *message =
        g_strdup_printf (_("The account “%s” is not a user of this database"), account);
      _kh_admin_print_error (message);
      return EXIT_FAILED;
    }
  team_id = team_named (db, team_name);
  if (team_id < 0)
    return EXIT_FAILED;
  if (!kh_db_set_user_team (db, account, team_id, &error))
    return _kh_admin_fail (error);
  if (team_name != NULL)
    /* Translators: the first %s is an account name, the second a team's name. */
    done = g_strdup_printf (_("%s is now in the team “%s”"), account, team_name);
  else
    /* Translators: %s is an account name. */
    done = g_strdup_printf (_("%s is now in no team"), account);
  g_print ("%s\n", done);
  return EXIT_OK;
}

/* The command line is checked whole before the database is opened. */
static int
check_arguments (GOptionContext  *context,
                 int              argc,
                 char           **argv)
{
  const char *action;

  if (argc < 2)
    return _kh_admin_usage_error (context, _("Say what to do with the users"));
  action = argv[1];

  if (g_str_equal (action, "list"))
    {
      if (argc != 2)
        return _kh_admin_usage_error (context, _("users list takes no arguments"));
    }
  else if (g_str_equal (action, "history"))
    {
      if (argc > 3)
        return _kh_admin_usage_error (context, _("users history takes at most one account"));
    }
  else if (g_str_equal (action, "add"))
    {
      if (argc != 3)
        return _kh_admin_usage_error (context, _("users add takes one account"));
      if (opt_role == NULL)
        return _kh_admin_usage_error (context, _("users add needs --role"));
      if (kh_role_from_key (opt_role) == 0)
        return bad_role (context, opt_role);
    }
  else if (g_str_equal (action, "set-role"))
    {
      if (argc != 4)
        return _kh_admin_usage_error (context, _("users set-role takes an account and a role"));
      if (kh_role_from_key (argv[3]) == 0)
        return bad_role (context, argv[3]);
    }
  else if (g_str_equal (action, "deactivate") || g_str_equal (action, "activate"))
    {
      if (argc != 3)
        return _kh_admin_usage_error (context, _("Name one account"));
    }
  else if (g_str_equal (action, "set-team"))
    {
      if (argc != 3 && argc != 4)
        return _kh_admin_usage_error (context, _("users set-team takes an account and a team "
                                                 "(none: in no team)"));
    }
  else
    {
      return _kh_admin_unknown_action (context, action);
    }

  if (argc >= 3 && !account_is_valid (argv[2]))
    return _kh_admin_usage_error (context, _("An account name cannot be empty or contain "
                                             "spaces"));
  if (!g_str_equal (action, "add") && (opt_role != NULL || opt_name != NULL))
    return _kh_admin_usage_error (context, _("--role and --name belong to users add"));
  if (opt_team != NULL && !g_str_equal (action, "add") && !g_str_equal (action, "set-role"))
    return _kh_admin_usage_error (context, _("--team belongs to users add and users set-role"));
  return EXIT_OK;
}

static int
users_add (KhDb       *db,
           KhUser     *admin,
           GPtrArray  *users,
           const char *account)
{
  g_autofree char *done = NULL;
  g_autofree char *name = opt_name != NULL ? g_strstrip (g_strdup (opt_name)) : NULL;
  KhRole role = kh_role_from_key (opt_role);

  if (find_user (users, account) != NULL)
    {
      /* Translators: %s is an account name. */
      g_autofree char *message =
        g_strdup_printf (_("The account “%s” is already a user; use users set-role "
                           "or users activate"), account);
      _kh_admin_print_error (message);
      return EXIT_FAILED;
    }
  /* Translators: %s is an account name, then a role such as “Reception”. */
  done = g_strdup_printf (_("Added %s: %s"), account, kh_role_label (role));
  return save_user (db, admin, account, name != NULL && *name != '\0' ? name : NULL,
                    role, TRUE, done);
}

/* set-role, deactivate and activate. */
static int
users_change (KhDb       *db,
              KhUser     *admin,
              GPtrArray  *users,
              const char *action,
              char      **argv)
{
  KhUser *target = find_user (users, argv[2]);
  g_autofree char *done = NULL;
  KhRole role;
  gboolean active;

  if (target == NULL)
    {
      g_autofree char *message =
        g_strdup_printf (_("The account “%s” is not a user of this database"), argv[2]);
      _kh_admin_print_error (message);
      return EXIT_FAILED;
    }

  role = target->role;
  active = target->active;
  if (g_str_equal (action, "set-role"))
    {
      role = kh_role_from_key (argv[3]);
      done = g_strdup_printf (_("%s is now: %s"), target->account, kh_role_label (role));
    }
  else if (g_str_equal (action, "deactivate"))
    {
      active = FALSE;
      /* Translators: %s is an account name. */
      done = g_strdup_printf (_("Deactivated %s"), target->account);
    }
  else
    {
      active = TRUE;
      done = g_strdup_printf (_("Activated %s"), target->account);
    }

  /* Without an active administrator nobody could manage users again. */
  if (target->active && target->role == KH_ROLE_ADMIN
      && (!active || role != KH_ROLE_ADMIN)
      && count_active_admins (users) <= 1)
    {
      _kh_admin_print_error (_("This is the only active administrator; make another account an "
                               "administrator first"));
      return EXIT_FAILED;
    }

  return save_user (db, admin, target->account, target->display_name, role, active, done);
}

int
_kh_admin_run_users (int    argc,
                     char **argv)
{
  const GOptionEntry entries[] = {
    { "role", 'r', 0, G_OPTION_ARG_STRING, &opt_role,
      N_("Role of a new user: reception, counsellor, social-worker, lead or admin"), N_("ROLE") },
    { "name", 'n', 0, G_OPTION_ARG_STRING, &opt_name,
      N_("Display name of a new user"), N_("NAME") },
    { "team", 't', 0, G_OPTION_ARG_STRING, &opt_team,
      N_("The team the user works in (see kohtaamo-admin teams)"), N_("TEAM") },
    { "password-stdin", 0, 0, G_OPTION_ARG_NONE, &opt_password_stdin,
      N_("On a server: read the new login’s password from standard input"), NULL },
    { "no-password", 0, 0, G_OPTION_ARG_NONE, &opt_no_password,
      N_("On a server: the new login has no password (Kerberos, GSSAPI)"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(KhDb) db = NULL;
  g_autoptr(KhUser) admin = NULL;
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  int status = EXIT_OK;

  description = g_strdup_printf ("%s\n%s",
                                 _("Actions:"),
                                 /* Translators: keep the command words and options
                                  * (list, add, --role, …); translate the capitalised
                                  * placeholders as in the options' help. */
                                 _("  list\n  add ACCOUNT --role ROLE [--name NAME] [--team TEAM]\n"
                                   "  set-role ACCOUNT ROLE [--team TEAM]\n"
                                   "  set-team ACCOUNT [TEAM]\n  deactivate ACCOUNT\n"
                                   "  activate ACCOUNT\n  history [ACCOUNT]\n"));
  context = _kh_admin_context_new (_("ACTION [ACCOUNT] [ROLE]"),
                                   _("Lists and manages the users of Kohtaamo. A user is an "
                                     "operating-system account with a role. Only an "
                                     "administrator may do this."),
                                   description, entries);
  if (!_kh_admin_parse_options (context, &argc, &argv, &status))
    return status;
  status = check_arguments (context, argc, argv);
  if (status != EXIT_OK)
    return status;

  /* On a server the superuser (or a role with CREATEROLE) manages the
   * logins as well as the users; a Kohtaamo administrator's own login
   * moves existing logins between the roles. */
  {
    g_autofree char *path = _kh_admin_database_path ();

    /* The history is read as the administrator, whose reads the store
     * checks, not as the server's superuser. */
    if (kh_db_location_is_server (path) && !g_str_equal (argv[1], "history"))
      {
        db = kh_db_open (path, &error);
        if (db == NULL)
          return _kh_admin_fail (error);
        manage_logins = kh_db_pg_may_create_logins (db);
        if (!manage_logins)
          g_clear_pointer (&db, kh_db_close);
      }
  }
  if (!manage_logins && !_kh_admin_open_and_login (FALSE, KH_ADMIN_NEEDS_ADMIN, &db, &admin))
    return EXIT_FAILED;
  users = kh_db_list_users (db, &error);
  if (users == NULL)
    return _kh_admin_fail (error);

  if (g_str_equal (argv[1], "list"))
    return users_list (users);
  if (g_str_equal (argv[1], "history"))
    return users_history (db, admin, argc == 3 ? argv[2] : NULL);
  if (g_str_equal (argv[1], "add"))
    return users_add (db, admin, users, argv[2]);
  if (g_str_equal (argv[1], "set-team"))
    return users_set_team (db, users, argv[2], argc == 4 ? argv[3] : NULL);
  return users_change (db, admin, users, argv[1], argv);
}
