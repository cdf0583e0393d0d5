/* kh-admin-teams.c — kohtaamo-admin teams: the unit's teams, whose queues
 * the opened cases wait in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 5, 2.9 and issue 7, 1. A team is named by its name on the command
 * line (the unit's teams are few and their names unique, whatever their
 * case); it is deactivated, never removed, so that its cases keep it.
 */

#define G_LOG_DOMAIN "kohtaamo-admin"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "store/kh-db.h"

#include "kh-admin-private.h"

static gboolean opt_all;

/**
 * _kh_admin_find_team:
 * @teams: (element-type KhTeam): the unit's teams
 * @name: a team's name as typed
 *
 * Returns: (transfer none) (nullable): the team of that name, whatever
 *   its case, or %NULL
 */
KhTeam *
_kh_admin_find_team (GPtrArray  *teams,
                     const char *name)
{
  g_autofree char *wanted = NULL;
  g_autofree char *clean = g_strstrip (g_strdup (name != NULL ? name : ""));

  wanted = g_utf8_casefold (clean, -1);
  for (guint i = 0; i < teams->len; i++)
    {
      KhTeam *team = g_ptr_array_index (teams, i);
      g_autofree char *folded = g_utf8_casefold (team->name, -1);

      if (g_str_equal (folded, wanted))
        return team;
    }
  return NULL;
}

/**
 * _kh_admin_no_such_team:
 *
 * Says on stderr that the unit has no team of that name.
 */
void
_kh_admin_no_such_team (const char *name)
{
  /* Translators: %s is a team's name as typed. */
  g_autofree char *message = g_strdup_printf (_("The unit has no team “%s”; see “kohtaamo-admin "
                                                "teams list --all”"), name);
  _kh_admin_print_error (message);
}

static int
teams_list (GPtrArray *teams)
{
  const char *headings[3] = {
    C_("column", "Team"), C_("column", "Members"), C_("column", "Active"),
  };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) numbers = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < teams->len; i++)
    {
      KhTeam *team = g_ptr_array_index (teams, i);
      const char **row = g_new0 (const char *, 3);
      char *members = g_strdup_printf ("%u", team->n_members);

      g_ptr_array_add (numbers, members);
      row[0] = team->name;
      row[1] = members;
      row[2] = team->active ? C_("team is active", "yes") : C_("team is active", "no");
      g_ptr_array_add (rows, row);
    }
  _kh_admin_print_table (headings, G_N_ELEMENTS (headings), rows);
  return EXIT_OK;
}

static int
check_arguments (GOptionContext  *context,
                 int              argc,
                 char           **argv)
{
  const char *action;

  if (argc < 2)
    return _kh_admin_usage_error (context, _("Say what to do with the teams"));
  action = argv[1];

  if (g_str_equal (action, "list"))
    {
      if (argc != 2)
        return _kh_admin_usage_error (context, _("teams list takes no arguments"));
    }
  else if (g_str_equal (action, "add") || g_str_equal (action, "deactivate")
           || g_str_equal (action, "activate"))
    {
      if (argc != 3)
        return _kh_admin_usage_error (context, _("Name one team"));
    }
  else if (g_str_equal (action, "rename"))
    {
      if (argc != 4)
        return _kh_admin_usage_error (context, _("teams rename takes the team’s name and its new name"));
    }
  else
    {
      return _kh_admin_unknown_action (context, action);
    }

  if (opt_all && !g_str_equal (action, "list"))
    return _kh_admin_usage_error (context, _("--all belongs to teams list"));
  return EXIT_OK;
}

int
_kh_admin_run_teams (int    argc,
                     char **argv)
{
  const GOptionEntry entries[] = {
    { "all", 'a', 0, G_OPTION_ARG_NONE, &opt_all,
      N_("List also the teams that no longer take cases"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(KhDb) db = NULL;
  g_autoptr(KhUser) admin = NULL;
  g_autoptr(GPtrArray) teams = NULL;
  g_autoptr(KhTeam) team = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  g_autofree char *done = NULL;
  g_autofree char *old_name = NULL;
  const char *action;
  int status = EXIT_OK;

  opt_all = FALSE;
  description = g_strdup_printf ("%s\n%s",
                                 _("Actions:"),
                                 /* Translators: keep the command words and options
                                  * (list, add, --all, …); translate the capitalised
                                  * placeholders. */
                                 _("  list [--all]\n  add NAME\n  rename NAME NEW-NAME\n"
                                   "  deactivate NAME\n  activate NAME\n"));
  context = _kh_admin_context_new (_("ACTION [NAME] [NEW-NAME]"),
                                   _("Lists and manages the unit’s teams. Each opened case "
                                     "waits in one team’s queue; a worker belongs to one team "
                                     "(users … --team NAME). Only an administrator may change "
                                     "the teams; a team no longer used is deactivated, not "
                                     "removed, so that its cases keep it. One team always takes "
                                     "new cases."),
                                   description, entries);
  if (!_kh_admin_parse_options (context, &argc, &argv, &status))
    return status;
  status = check_arguments (context, argc, argv);
  if (status != EXIT_OK)
    return status;
  action = argv[1];

  /* list needs no login: the teams are no one's personal data. */
  if (g_str_equal (action, "list"))
    {
      db = _kh_admin_open_existing_read_only ();
      if (db == NULL)
        return EXIT_FAILED;
      teams = kh_db_list_teams (db, opt_all, &error);
      if (teams == NULL)
        return _kh_admin_fail (error);
      return teams_list (teams);
    }

  if (!_kh_admin_open_and_login (FALSE, KH_ADMIN_NEEDS_ADMIN, &db, &admin))
    return EXIT_FAILED;
  teams = kh_db_list_teams (db, TRUE, &error);
  if (teams == NULL)
    return _kh_admin_fail (error);

  if (g_str_equal (action, "add"))
    {
      team = kh_team_new ();
      team->name = g_strdup (argv[2]);
    }
  else
    {
      KhTeam *found = _kh_admin_find_team (teams, argv[2]);

      if (found == NULL)
        {
          _kh_admin_no_such_team (argv[2]);
          return EXIT_FAILED;
        }
      team = kh_team_copy (found);
      old_name = g_strdup (found->name);
    }

  if (g_str_equal (action, "rename"))
    {
      g_free (team->name);
      team->name = g_strdup (argv[3]);
    }
  else if (g_str_equal (action, "deactivate") || g_str_equal (action, "activate"))
    {
      gboolean active = g_str_equal (action, "activate");

      if (team->active == active)
        {
          if (active)
            /* Translators: %s is a team's name. */
            done = g_strdup_printf (_("The team “%s” already takes new cases"), team->name);
          else
            done = g_strdup_printf (_("The team “%s” is already inactive"), team->name);
          g_print ("%s\n", done);
          return EXIT_OK;
        }
      team->active = active;
    }

  if (kh_db_save_team (db, admin, team, &error) <= 0)
    return _kh_admin_fail (error);

  if (g_str_equal (action, "add"))
    /* Translators: %s is a team's name. */
    done = g_strdup_printf (_("Added the team “%s”"), team->name);
  else if (g_str_equal (action, "rename"))
    /* Translators: the first %s is the team's old name, the second its new one. */
    done = g_strdup_printf (_("Renamed the team “%s” “%s”"), old_name, team->name);
  else if (g_str_equal (action, "deactivate"))
    done = g_strdup_printf (_("Deactivated the team “%s”: it takes no new cases"), team->name);
  else
    done = g_strdup_printf (_("Activated the team “%s”"), team->name);
  g_print ("%s\n", done);
  return EXIT_OK;
}
