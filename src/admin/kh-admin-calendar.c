/* kh-admin-calendar.c — kohtaamo-admin calendar and settings: the working days
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both commands shape how deadlines are counted in working days: the unit's
 * own closed days and whether Saturday is a working day.
 */

#define G_LOG_DOMAIN "kohtaamo-admin"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/kh-calendar.h"
#include "core/kh-text.h"
#include "store/kh-db.h"
#include "store/kh-store.h"

#include "kh-admin-private.h"

static int opt_year;
static char *opt_add_closed;
static char *opt_remove_closed;
static gboolean opt_list_closed;

/* The weekdays of a year that are not working days: the national calendar,
 * with the unit's closed days when there is a database. */
static int
calendar_print_year (void)
{
  g_autoptr(KhCalendar) calendar = NULL;
  g_autoptr(GPtrArray) days = NULL;
  g_autofree char *path = _kh_admin_database_path ();

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(KhDb) db = _kh_admin_open_database (TRUE, NULL);
      g_autoptr(GError) error = NULL;

      if (db == NULL)
        return EXIT_FAILED;
      calendar = kh_db_load_calendar (db, &error);
      if (calendar == NULL)
        return _kh_admin_fail (error);
    }
  else if (_kh_admin_database_given ())
    {
      /* A mistyped path must not quietly give the national calendar
       * without the unit's closed days. */
      g_autofree char *message = g_strdup_printf (_("There is no database at %s"), path);
      _kh_admin_print_error (message);
      return EXIT_FAILED;
    }
  else
    {
      calendar = kh_calendar_new ();
    }

  days = kh_calendar_list_closed_weekdays (calendar, (guint) opt_year);
  for (guint i = 0; i < days->len; i++)
    g_print ("%s\n", (const char *) g_ptr_array_index (days, i));

  return EXIT_OK;
}

static KhClosedDay *
find_closed_day (GPtrArray  *days,
                 const char *iso)
{
  for (guint i = 0; i < days->len; i++)
    {
      KhClosedDay *day = g_ptr_array_index (days, i);

      if (g_strcmp0 (day->date, iso) == 0)
        return day;
    }
  return NULL;
}

static int
calendar_list_closed (void)
{
  g_autoptr(KhDb) db = _kh_admin_open_existing_read_only ();
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *prefix = opt_year > 0 ? g_strdup_printf ("%04d-", opt_year) : NULL;
  guint shown = 0;

  if (db == NULL)
    return EXIT_FAILED;
  days = kh_db_list_closed_days (db, &error);
  if (days == NULL)
    return _kh_admin_fail (error);

  for (guint i = 0; i < days->len; i++)
    {
      KhClosedDay *day = g_ptr_array_index (days, i);

      if (prefix != NULL && !g_str_has_prefix (day->date, prefix))
        continue;
      /* The same shape as the year's list: date, tab, name. */
      g_print ("%s\t%s\n", day->date, day->name);
      shown++;
    }
  if (shown == 0)
    g_print ("%s\n", _("The unit has no closed days of its own."));
  return EXIT_OK;
}

/* Says so when a new closed day changes nothing in the working-day count:
 * the unit may still want the day named, so it is kept. */
static void
note_already_closed (KhDb        *db,
                     const GDate *date,
                     const char  *iso)
{
  g_autoptr(KhCalendar) calendar = kh_db_load_calendar (db, NULL);
  const char *name = NULL;

  if (calendar == NULL || kh_calendar_is_working_day (calendar, date))
    return;

  if (kh_calendar_is_holiday (calendar, date, &name) && name != NULL)
    {
      /* Translators: a date, then the name of a holiday. */
      g_autofree char *note = g_strdup_printf (_("Note: %s is a holiday anyway (%s)."), iso, name);
      g_print ("%s\n", note);
    }
  else
    {
      /* Translators: %s is a date. */
      g_autofree char *note = g_strdup_printf (_("Note: %s is not a working day anyway "
                                                 "(a weekend day)."), iso);
      g_print ("%s\n", note);
    }
}

static int
calendar_add_closed (GOptionContext  *context,
                     const GDate     *date,
                     int              argc,
                     char           **argv)
{
  g_autoptr(KhDb) db = NULL;
  g_autoptr(KhUser) user = NULL;
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = kh_date_to_iso (date);
  g_autofree char *joined = NULL;
  g_autofree char *name = NULL;
  g_autofree char *done = NULL;
  gboolean renamed;

  /* The name may be quoted or not: "--add-closed 2026-12-23 Unit closed". */
  joined = g_strjoinv (" ", argv + 1);
  name = kh_text_clean (joined);
  if (name == NULL)
    return _kh_admin_usage_error (context, _("Give the day’s name after the date: "
                                             "--add-closed DATE NAME"));

  if (!_kh_admin_open_and_login (FALSE, KH_ADMIN_NEEDS_ADMIN_OR_LEAD, &db, &user))
    return EXIT_FAILED;

  days = kh_db_list_closed_days (db, &error);
  if (days == NULL)
    return _kh_admin_fail (error);
  renamed = find_closed_day (days, iso) != NULL;

  if (!renamed)
    note_already_closed (db, date, iso);

  if (!kh_db_add_closed_day (db, user, iso, name, &error))
    return _kh_admin_fail (error);

  if (renamed)
    /* Translators: a date, then the name of the day. */
    done = g_strdup_printf (_("Renamed the closed day %s: %s"), iso, name);
  else
    done = g_strdup_printf (_("Added the closed day %s: %s"), iso, name);
  g_print ("%s\n", done);
  return EXIT_OK;
}

static int
calendar_remove_closed (const GDate *date)
{
  g_autoptr(KhDb) db = NULL;
  g_autoptr(KhUser) user = NULL;
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = kh_date_to_iso (date);
  g_autofree char *done = NULL;
  KhClosedDay *day;

  if (!_kh_admin_open_and_login (FALSE, KH_ADMIN_NEEDS_ADMIN_OR_LEAD, &db, &user))
    return EXIT_FAILED;

  days = kh_db_list_closed_days (db, &error);
  if (days == NULL)
    return _kh_admin_fail (error);
  day = find_closed_day (days, iso);

  if (!kh_db_remove_closed_day (db, user, iso, &error))
    {
      _kh_admin_print_error (error->message);
      if (g_error_matches (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND))
        {
          g_autoptr(KhCalendar) national = kh_calendar_new ();

          if (kh_calendar_is_holiday (national, date, NULL))
            _kh_admin_print_error (_("Public holidays and the eves that close offices are "
                                     "set by law and cannot be removed"));
        }
      return EXIT_FAILED;
    }

  /* Translators: a date, then the name the day had. */
  done = g_strdup_printf (_("Removed the closed day %s: %s"), iso,
                          day != NULL ? day->name : "");
  g_print ("%s\n", done);
  return EXIT_OK;
}

static gboolean
parse_date_option (GOptionContext *context,
                   const char     *text,
                   GDate          *out,
                   int            *exit_status)
{
  if (kh_date_parse (text, out))
    return TRUE;

  {
    /* Translators: %s is what was typed. */
    g_autofree char *message =
      g_strdup_printf (_("“%s” is not a date; write it as 2026-12-23 or 23.12.2026"), text);
    *exit_status = _kh_admin_usage_error (context, message);
  }
  return FALSE;
}

int
_kh_admin_run_calendar (int    argc,
                        char **argv)
{
  const GOptionEntry entries[] = {
    { "year", 'y', 0, G_OPTION_ARG_INT, &opt_year, N_("The year"), N_("YYYY") },
    { "add-closed", 0, 0, G_OPTION_ARG_STRING, &opt_add_closed,
      N_("Add a day the unit is closed (a bridge day, a training day); the day’s name "
         "follows the date"), N_("DATE") },
    { "remove-closed", 0, 0, G_OPTION_ARG_STRING, &opt_remove_closed,
      N_("Remove a closed day the unit added"), N_("DATE") },
    { "list-closed", 0, 0, G_OPTION_ARG_NONE, &opt_list_closed,
      N_("List the unit’s own closed days (of the --year only, if given)"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *description = NULL;
  int status = EXIT_OK;
  guint n_actions;
  GDate date;

  description = g_strdup_printf ("%s\n%s\n%s\n",
                                 _("Actions:"),
                                 /* Translators: keep the options (--year, --add-closed,
                                  * …); translate the capitalised placeholders as in the
                                  * options' help. */
                                 _("  --year YYYY\n  --list-closed [--year YYYY]\n"
                                   "  --add-closed DATE NAME\n  --remove-closed DATE\n"),
                                 _("A date is written as 2026-12-23 or 23.12.2026. The unit’s "
                                   "closed days are skipped when deadlines are counted in "
                                   "working days; an administrator or the lead social worker "
                                   "may add and remove them."));
  context = _kh_admin_context_new (NULL,
                                   _("Prints each Monday–Friday of the year that is not a "
                                     "working day: public holidays, the eves that close offices "
                                     "and the unit’s own closed days. One per line: the date, "
                                     "a tab, the day’s name."),
                                   description, entries);
  if (!_kh_admin_parse_options (context, &argc, &argv, &status))
    return status;

  n_actions = (opt_add_closed != NULL) + (opt_remove_closed != NULL) + (opt_list_closed ? 1 : 0);
  if (n_actions > 1)
    return _kh_admin_usage_error (context, _("Give only one of --add-closed, --remove-closed and "
                                             "--list-closed"));

  /* The Gregorian calendar (and its Easter rule) holds in Finland from 1753. */
  if (opt_year != 0 && (opt_year < 1753 || opt_year > 9999))
    return _kh_admin_usage_error (context, _("The year must be between 1753 and 9999"));

  if (opt_add_closed != NULL || opt_remove_closed != NULL)
    {
      if (opt_year != 0)
        return _kh_admin_usage_error (context, _("--year does not go with --add-closed or "
                                                 "--remove-closed: the date has its year"));
      if (!parse_date_option (context, opt_add_closed != NULL ? opt_add_closed : opt_remove_closed,
                              &date, &status))
        return status;
      if (opt_add_closed != NULL)
        return calendar_add_closed (context, &date, argc, argv);
      if (argc > 1)
        return _kh_admin_usage_error (context, _("calendar --remove-closed takes only the date"));
      return calendar_remove_closed (&date);
    }

  if (argc > 1)
    return _kh_admin_usage_error (context, _("calendar takes no arguments; give the year with "
                                             "--year"));
  if (opt_list_closed)
    return calendar_list_closed ();
  if (opt_year == 0)
    return _kh_admin_usage_error (context, _("Give the year with --year YYYY"));
  return calendar_print_year ();
}

/* ---- settings ---- */

/* The settings kohtaamo-admin knows, by the name typed on the command line
 * and the store's key (kh_db_load_calendar reads this one). */
#define SETTING_SATURDAY "saturday-working"
#define KEY_SATURDAY "saturday_is_working_day"

static gboolean
parse_on_off (const char *text,
              gboolean   *out)
{
  const char *on[] = { "on", "yes", "true", "1", NULL };
  const char *off[] = { "off", "no", "false", "0", NULL };

  if (g_strv_contains (on, text))
    *out = TRUE;
  else if (g_strv_contains (off, text))
    *out = FALSE;
  else
    return FALSE;
  return TRUE;
}

static int
settings_show (void)
{
  g_autoptr(KhDb) db = _kh_admin_open_existing_read_only ();
  g_autoptr(GError) error = NULL;
  g_autofree char *saturday = NULL;

  if (db == NULL)
    return EXIT_FAILED;
  saturday = kh_db_get_setting (db, KEY_SATURDAY, &error);
  if (error != NULL)
    return _kh_admin_fail (error);

  /* The value is typed back as it is shown, so it stays in English. */
  g_print ("%s\t%s\n", SETTING_SATURDAY, g_strcmp0 (saturday, "1") == 0 ? "on" : "off");
  g_print ("  %s\n", g_strcmp0 (saturday, "1") == 0
                     ? _("Saturdays count as working days when a deadline is counted in "
                         "working days.")
                     : _("Saturdays do not count as working days (Monday–Friday only, "
                         "as Kela counts)."));
  _kh_admin_show_unit_name (db);
  return EXIT_OK;
}

int
_kh_admin_run_settings (int    argc,
                        char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(KhDb) db = NULL;
  g_autoptr(KhUser) user = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  g_autofree char *with_unit_name = NULL;
  gboolean saturday;
  int status = EXIT_OK;

  description = g_strdup_printf ("%s\n  show\n  saturday-working on|off\n\n%s\n",
                                 _("Actions:"),
                                 _("saturday-working: whether Saturday counts as a working day "
                                   "when deadlines are counted in working days, such as the "
                                   "start of the service-need assessment on the 7th working "
                                   "day (Social Welfare Act 36 §). Off by default: Monday to "
                                   "Friday, less holidays and the unit’s closed days. The last "
                                   "day of a deadline never falls on a Saturday either way. "
                                   "Deadlines already set do not change."));
  with_unit_name = g_strdup_printf ("%s\n%s\n", description, _kh_admin_unit_name_help ());
  context = _kh_admin_context_new (_("ACTION [VALUE]"),
                                   _("Shows and changes the unit’s settings. An administrator "
                                     "or the lead social worker may change them."),
                                   with_unit_name, NULL);
  if (!_kh_admin_parse_options (context, &argc, &argv, &status))
    return status;

  if (argc < 2)
    return _kh_admin_usage_error (context, _("Say what to do with the settings"));

  if (g_str_equal (argv[1], "show"))
    {
      if (argc != 2)
        return _kh_admin_usage_error (context, _("settings show takes no arguments"));
      return settings_show ();
    }

  if (g_str_equal (argv[1], "unit-name"))
    return _kh_admin_set_unit_name (context, argc, argv);
  if (!g_str_equal (argv[1], SETTING_SATURDAY))
    {
      /* Translators: the first %s is what was typed, the second the name of the
       * one setting (kept in English: it is typed on the command line). */
      g_autofree char *message =
        g_strdup_printf (_("Unknown setting “%s”; the settings are: %s"), argv[1],
                         SETTING_SATURDAY);
      return _kh_admin_usage_error (context, message);
    }
  if (argc != 3 || !parse_on_off (argv[2], &saturday))
    return _kh_admin_usage_error (context, _("Say on or off: settings saturday-working on|off"));

  if (!_kh_admin_open_and_login (FALSE, KH_ADMIN_NEEDS_ADMIN_OR_LEAD, &db, &user))
    return EXIT_FAILED;

  if (!kh_db_set_setting (db, user, KEY_SATURDAY, saturday ? "1" : "0", &error))
    return _kh_admin_fail (error);
  g_print ("%s\n", saturday
                   ? _("Saturdays now count as working days in new deadlines.")
                   : _("Saturdays no longer count as working days in new deadlines."));
  return EXIT_OK;
}

