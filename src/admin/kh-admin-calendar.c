/* kh-admin-calendar.c — kohtaamo-admin calendar and settings: the working days
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * calendar: the year's days off, the unit's own closed days (when the office
 * is closed; they change no deadline), and two checks of the statutory
 * rules: --add-working-days (SHL 36 §, with the unit's Saturday setting)
 * and --add-months (150/1930 3 § and 5 §, SHL 45 §).
 * settings: whether Saturday counts as a working day.
 */

#define G_LOG_DOMAIN "kohtaamo-admin"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/kh-calendar.h"
#include "core/kh-deadlines.h"
#include "core/kh-text.h"
#include "store/kh-db.h"
#include "store/kh-store.h"

#include "kh-admin-private.h"

static int opt_year;
static char *opt_add_closed;
static char *opt_remove_closed;
static gboolean opt_list_closed;
static char *opt_add_working_days;
static char *opt_add_months;

/* The unit's calendar (closed days, Saturday setting) when there is a
 * database, else the national one. NULL after printing why not. */
static KhCalendar *
load_calendar (int *exit_status)
{
  g_autofree char *path = _kh_admin_database_path ();

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(KhDb) db = _kh_admin_open_database (TRUE, NULL);
      g_autoptr(GError) error = NULL;
      KhCalendar *calendar;

      *exit_status = EXIT_FAILED;
      if (db == NULL)
        return NULL;
      calendar = kh_db_load_calendar (db, &error);
      if (calendar == NULL)
        *exit_status = _kh_admin_fail (error);
      return calendar;
    }
  if (_kh_admin_database_given ())
    {
      /* A mistyped path must not quietly give the national calendar
       * without the unit's settings. */
      g_autofree char *message = g_strdup_printf (_("There is no database at %s"), path);
      _kh_admin_print_error (message);
      *exit_status = EXIT_FAILED;
      return NULL;
    }
  return kh_calendar_new ();
}

/* The weekdays of a year on which the office is closed: the national
 * calendar, with the unit's closed days when there is a database. */
static int
calendar_print_year (void)
{
  g_autoptr(KhCalendar) calendar = NULL;
  g_autoptr(GPtrArray) days = NULL;
  int status = EXIT_OK;

  calendar = load_calendar (&status);
  if (calendar == NULL)
    return status;

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

/* Says so when the office is closed that day anyway: the unit may still
 * want the day named, so it is kept. */
static void
note_already_closed (const GDate *date,
                     const char  *iso)
{
  g_autoptr(KhCalendar) national = kh_calendar_new ();
  const char *name = NULL;

  if (kh_calendar_is_holiday (national, date, &name))
    {
      /* Translators: a date, then the name of a holiday. */
      g_autofree char *note = g_strdup_printf (_("Note: %s is a holiday anyway (%s)."), iso, name);
      g_print ("%s\n", note);
    }
  else if (g_date_get_weekday (date) >= G_DATE_SATURDAY)
    {
      /* Translators: %s is a date. */
      g_autofree char *note = g_strdup_printf (_("Note: %s is a weekend day anyway."), iso);
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
    note_already_closed (date, iso);

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

/* A count typed on the command line: a whole number from 0 to `max`. */
static gboolean
parse_count (const char *text,
             guint       max,
             guint      *out)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 0, max, &value, NULL))
    return FALSE;
  *out = (guint) value;
  return TRUE;
}

/* Prints the resulting day first: "2026-04-15<tab>Wednesday", and when the
 * day was moved by 150/1930 5 §, a third field saying from which day. */
static void
print_result (const GDate *result,
              const GDate *moved_from)
{
  g_autofree char *iso = kh_date_to_iso (result);

  if (moved_from != NULL)
    {
      g_autofree char *from = kh_calendar_format_day (moved_from);
      /* Translators: %s is a day such as "Sun 28.2.2027": the last day of a
       * period fell on it and moved to the next working day. */
      g_autofree char *note = g_strdup_printf (_("moved from %s (150/1930, 5 §)"), from);

      g_print ("%s\t%s\t%s\n", iso, kh_calendar_weekday_name (result), note);
    }
  else
    g_print ("%s\t%s\n", iso, kh_calendar_weekday_name (result));
}

/* SHL 36 §: the last day of N working days after DATE, as Kohtaamo sets
 * the assessment deadline (the unit's Saturday setting applies; the unit's
 * closed days do not). */
static int
calendar_add_working_days (guint        n,
                           const GDate *start)
{
  g_autoptr(KhCalendar) calendar = NULL;
  int status = EXIT_OK;
  GDate out, counted;

  calendar = load_calendar (&status);
  if (calendar == NULL)
    return status;
  if (kh_calendar_working_days_deadline (calendar, start, n, &out, &counted))
    print_result (&out, &counted);
  else
    print_result (&out, NULL);
  return EXIT_OK;
}

/* 150/1930 3 § and 5 §: N months after DATE, moved off a Saturday, Sunday,
 * holiday or eve (SHL 45 §: 3 months from the case becoming pending). */
static int
calendar_add_months (guint        n,
                     const GDate *start)
{
  g_autoptr(KhCalendar) national = kh_calendar_new ();
  GDate last, out;

  kh_calendar_add_months (start, n, &last);
  if (kh_calendar_move_deadline (national, &last, &out))
    print_result (&out, &last);
  else
    print_result (&out, NULL);
  return EXIT_OK;
}

/* --add-working-days N DATE and --add-months N DATE. */
static int
calendar_count (GOptionContext  *context,
                int              argc,
                char           **argv)
{
  gboolean months = opt_add_months != NULL;
  const char *count = months ? opt_add_months : opt_add_working_days;
  /* Up to a hundred years either way: enough for any period in law. */
  guint max = months ? 1200 : 26000;
  guint n;
  GDate start;
  int status = EXIT_OK;

  if (!parse_count (count, max, &n))
    {
      g_autofree char *message =
        months
          /* Translators: %s is what was typed; keep 1200 as it is. */
          ? g_strdup_printf (_("“%s” is not a number of months; give a whole number from 0 to 1200"),
                             count)
          /* Translators: %s is what was typed; keep 26000 as it is. */
          : g_strdup_printf (_("“%s” is not a number of working days; give a whole number from 0 "
                               "to 26000"), count);
      return _kh_admin_usage_error (context, message);
    }
  if (argc != 2)
    return _kh_admin_usage_error (context,
                                  months
                                  ? _("Give one date after the number: --add-months N DATE")
                                  : _("Give one date after the number: --add-working-days N DATE"));
  if (!parse_date_option (context, argv[1], &start, &status))
    return status;
  /* Leave room for the count: the calendar ends with the year 9999. */
  if (g_date_get_year (&start) < 1753 || g_date_get_year (&start) > 9899)
    return _kh_admin_usage_error (context, _("The date must be between the years 1753 and 9899"));

  return months ? calendar_add_months (n, &start) : calendar_add_working_days (n, &start);
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
    { "add-working-days", 0, 0, G_OPTION_ARG_STRING, &opt_add_working_days,
      N_("Print the Nth working day after the date that follows (Social Welfare Act 36 §)"),
      N_("N") },
    { "add-months", 0, 0, G_OPTION_ARG_STRING, &opt_add_months,
      N_("Print the last day of N months from the date that follows (150/1930; Social "
         "Welfare Act 45 §)"), N_("N") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *description = NULL;
  int status = EXIT_OK;
  guint n_actions;
  GDate date;

  description = g_strdup_printf ("%s\n%s%s\n%s\n\n%s\n",
                                 _("Actions:"),
                                 /* Translators: keep the options (--year, --add-closed,
                                  * …); translate the capitalised placeholders as in the
                                  * options' help. */
                                 _("  --year YYYY\n  --list-closed [--year YYYY]\n"
                                   "  --add-closed DATE NAME\n  --remove-closed DATE\n"),
                                 /* Translators: as above; N is a number. */
                                 _("  --add-working-days N DATE\n  --add-months N DATE\n"),
                                 _("A date is written as 2026-12-23 or 23.12.2026. The unit’s "
                                   "closed days are days the office is closed; they do not "
                                   "change any deadline. An administrator or the lead social "
                                   "worker may add and remove them."),
                                 _("--add-working-days counts working days as the service-need "
                                   "assessment deadline is counted (Social Welfare Act 36 §): "
                                   "Monday to Friday, less public holidays, Christmas Eve and "
                                   "Midsummer Eve, with the unit’s Saturday setting (see "
                                   "kohtaamo-admin settings). --add-months counts months as "
                                   "Act 150/1930 does: the same day of the month, or the "
                                   "month’s last day, moved off a Saturday, Sunday, holiday or "
                                   "eve (Social Welfare Act 45 §: decisions implemented within "
                                   "3 months). Both print the resulting date first, a tab and "
                                   "the day of the week."));
  context = _kh_admin_context_new (NULL,
                                   _("Prints each Monday–Friday of the year on which the office "
                                     "is closed: public holidays, the eves that close offices and "
                                     "the unit’s own closed days (which still count as working "
                                     "days in deadlines). One per line: the date, a tab, the "
                                     "day’s name."),
                                   description, entries);
  if (!_kh_admin_parse_options (context, &argc, &argv, &status))
    return status;

  n_actions = (opt_add_closed != NULL) + (opt_remove_closed != NULL) + (opt_list_closed ? 1 : 0)
              + (opt_add_working_days != NULL) + (opt_add_months != NULL);
  if (n_actions > 1)
    return _kh_admin_usage_error (context, _("Give only one of --add-closed, --remove-closed, "
                                             "--list-closed, --add-working-days and "
                                             "--add-months"));

  if (opt_add_working_days != NULL || opt_add_months != NULL)
    {
      if (opt_year != 0)
        return _kh_admin_usage_error (context, _("--year does not go with --add-working-days or "
                                                 "--add-months: the date has its year"));
      return calendar_count (context, argc, argv);
    }

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

  /* The value is typed back as it is shown, so it stays in English. The
   * words are the ones the Preferences window shows. */
  g_print ("%s\t%s\n", SETTING_SATURDAY, g_strcmp0 (saturday, "1") == 0 ? "on" : "off");
  g_print ("  %s\n", kh_calendar_describe_saturday_setting (g_strcmp0 (saturday, "1") == 0));
  _kh_admin_show_unit_name (db);
  _kh_admin_show_plan_settings (db);
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

  description = g_strdup_printf ("%s\n  show\n  saturday-working on|off\n\n%s\n%s: %s\n%s: %s\n%s\n",
                                 _("Actions:"),
                                 /* Translators: "saturday-working" is typed as it is. */
                                 _("saturday-working: whether Saturday counts as a working "
                                   "day when deadlines are counted in working days. Off by "
                                   "default, as the law is read by default."),
                                 "off", kh_calendar_describe_saturday_setting (FALSE),
                                 "on", kh_calendar_describe_saturday_setting (TRUE),
                                 _("Deadlines already set do not change."));
  with_unit_name = g_strdup_printf ("%s\n%s\n\n%s\n\n%s\n", description, _kh_admin_unit_name_help (),
                                    _kh_admin_document_help (), _kh_admin_plan_settings_help ());
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
  if (g_str_equal (argv[1], "document"))
    return _kh_admin_run_document_setting (context, argc, argv);
  if (_kh_admin_is_plan_setting (argv[1]))
    return _kh_admin_run_plan_setting (context, argc, argv);
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
  g_print ("  %s\n", kh_calendar_describe_saturday_setting (saturday));
  return EXIT_OK;
}

