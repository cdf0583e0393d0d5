/* kh-admin-services.c — kohtaamo-admin services: the directory of services
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kohtaamo-admin"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "core/kh-service-check.h"
#include "core/kh-text.h"
#include "store/kh-db.h"

#include "kh-admin-private.h"

static gboolean opt_all;
static char *opt_name_fi;
static char *opt_name_sv;
static char *opt_phone;
static char *opt_address;
static char *opt_url;
static char *opt_email;
static char *opt_notes;
static char *opt_area;
static char *opt_kind;
static char *opt_languages;
static char *opt_other_languages;
static char **opt_flags;
static gboolean opt_no_flags;

static gboolean
parse_id (const char *text,
          gint64     *out)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    return FALSE;
  *out = (gint64) value;
  return TRUE;
}

static KhService *
find_service (GPtrArray *services,
              gint64     id)
{
  for (guint i = 0; i < services->len; i++)
    {
      KhService *service = g_ptr_array_index (services, i);

      if (service->id == id)
        return service;
    }
  return NULL;
}

static char *
format_id (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

static int
services_list (GPtrArray *services)
{
  const char *headings[8] = {
    C_("column", "ID"), C_("column", "Name in Finnish"), C_("column", "Name in Swedish"),
    C_("column", "Life area"), C_("column", "Kind"), C_("column", "Languages"),
    C_("column", "Phone"), C_("column", "Active"),
  };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint i = 0; i < services->len; i++)
    {
      KhService *service = g_ptr_array_index (services, i);
      char **row = g_new0 (char *, 9);
      g_autofree char *languages = kh_service_languages_format (service->languages);

      row[0] = format_id (service->id);
      row[1] = g_strdup (service->name_fi != NULL ? service->name_fi : "");
      row[2] = g_strdup (service->name_sv != NULL ? service->name_sv : "");
      row[3] = g_strdup (kh_life_area_key (service->area));
      row[4] = g_strdup (kh_service_kind_key (service->kind));
      if (service->other_languages != NULL)
        row[5] = g_strconcat (languages, *languages != '\0' ? ", " : "", service->other_languages, NULL);
      else
        row[5] = g_steal_pointer (&languages);
      row[6] = g_strdup (service->phone != NULL ? service->phone : "");
      row[7] = g_strdup (service->active ? C_("service is active", "yes")
                                         : C_("service is active", "no"));
      g_ptr_array_add (rows, row);
    }

  if (services->len == 0)
    {
      g_print ("%s\n", _("The directory of services is empty; add one with “services add”."));
      return EXIT_OK;
    }
  _kh_admin_print_table (headings, G_N_ELEMENTS (headings), rows);
  return EXIT_OK;
}

/* Every field of one entry, one per line (services show). */
static int
service_show (KhService *service)
{
  g_autofree char *id = format_id (service->id);
  g_autofree char *languages = kh_service_languages_format (service->languages);
  g_autoptr(GString) flags = g_string_new (NULL);
  struct {
    const char *label;
    const char *value;
  } lines[] = {
    { C_("column", "ID"), id },
    { C_("column", "Name in Finnish"), service->name_fi },
    { C_("column", "Name in Swedish"), service->name_sv },
    { C_("column", "Life area"), kh_life_area_key (service->area) },
    { C_("column", "Kind"), kh_service_kind_key (service->kind) },
    { C_("column", "Languages"), languages },
    { C_("column", "Other languages"), service->other_languages },
    { C_("column", "Phone"), service->phone },
    { C_("column", "E-mail"), service->email },
    { C_("column", "Address"), service->address },
    { C_("column", "Web address"), service->url },
    { C_("column", "Opening hours and notes"), service->notes },
    { C_("column", "Marks"), NULL },
    { C_("column", "Active"), service->active ? C_("service is active", "yes")
                                              : C_("service is active", "no") },
  };

  for (guint bit = 1; bit <= KH_SERVICE_FLAGS_ALL; bit <<= 1)
    if (service->flags & bit)
      {
        if (flags->len > 0)
          g_string_append (flags, ", ");
        g_string_append (flags, kh_service_flag_key (bit));
      }
  lines[12].value = flags->str;

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      g_autofree char *label = g_strconcat (lines[i].label, ":", NULL);

      _kh_admin_print_padded (label, 26);
      g_print ("%s\n", lines[i].value != NULL ? lines[i].value : "");
    }
  return EXIT_OK;
}

/* Applies the options given to `service`: an empty value clears a detail
 * (the store refuses an empty name). The enumerated options were checked by
 * check_arguments. */
static void
apply_service_options (KhService *service)
{
  struct {
    const char  *option;
    char       **field;
  } fields[] = {
    { opt_name_fi, &service->name_fi },
    { opt_name_sv, &service->name_sv },
    { opt_phone, &service->phone },
    { opt_address, &service->address },
    { opt_url, &service->url },
    { opt_email, &service->email },
    { opt_notes, &service->notes },
    { opt_other_languages, &service->other_languages },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i].option != NULL)
      {
        g_free (*fields[i].field);
        *fields[i].field = kh_text_clean (fields[i].option);
      }
  if (opt_area != NULL)
    service->area = kh_life_area_from_key (opt_area);
  if (opt_kind != NULL)
    service->kind = kh_service_kind_from_key (opt_kind);
  if (opt_languages != NULL)
    {
      guint languages = 0;

      if (*g_strstrip (opt_languages) == '\0')
        service->languages = 0;
      else if (kh_service_languages_parse (opt_languages, &languages))
        service->languages = languages;
    }
  if (opt_no_flags)
    service->flags = 0;
  if (opt_flags != NULL)
    {
      service->flags = 0;
      for (guint i = 0; opt_flags[i] != NULL; i++)
        service->flags |= kh_service_flag_from_key (opt_flags[i]);
    }
}

/* "key1, key2, …" of a table of keys, for messages. */
static char *
list_keys (const char *(*key_of) (int),
           int          first,
           int          last,
           gboolean     flags)
{
  GString *text = g_string_new (NULL);

  for (int value = first; value <= last; value = flags ? value << 1 : value + 1)
    {
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, key_of (value));
    }
  return g_string_free (text, FALSE);
}

/* The enumerated options name known keys. */
static int
check_keys (GOptionContext *context)
{
  guint languages;

  if (opt_area != NULL && kh_life_area_from_key (opt_area) == 0)
    {
      g_autofree char *keys = list_keys ((const char *(*) (int)) kh_life_area_key,
                                         KH_LIFE_AREA_FIRST, KH_LIFE_AREA_LAST, FALSE);
      /* Translators: %s is the list of the words --area takes. */
      g_autofree char *message = g_strdup_printf (_("--area: use one of %s"), keys);
      return _kh_admin_usage_error (context, message);
    }
  if (opt_kind != NULL && kh_service_kind_from_key (opt_kind) == 0)
    {
      g_autofree char *keys = list_keys ((const char *(*) (int)) kh_service_kind_key,
                                         KH_SERVICE_KIND_FIRST, KH_SERVICE_KIND_LAST, FALSE);
      /* Translators: %s is the list of the words --kind takes. */
      g_autofree char *message = g_strdup_printf (_("--kind: use one of %s"), keys);
      return _kh_admin_usage_error (context, message);
    }
  if (opt_languages != NULL && *g_strstrip (opt_languages) != '\0'
      && !kh_service_languages_parse (opt_languages, &languages))
    return _kh_admin_usage_error (context, _("--languages: list fi, sv and en separated by "
                                             "commas; name other languages with "
                                             "--other-languages"));
  for (guint i = 0; opt_flags != NULL && opt_flags[i] != NULL; i++)
    if (kh_service_flag_from_key (opt_flags[i]) == 0)
      {
        g_autofree char *keys = list_keys ((const char *(*) (int)) kh_service_flag_key,
                                           1, KH_SERVICE_FLAGS_ALL, TRUE);
        /* Translators: %s is the list of the words --flag takes. */
        g_autofree char *message = g_strdup_printf (_("--flag: use one of %s"), keys);
        return _kh_admin_usage_error (context, message);
      }
  if (opt_flags != NULL && opt_no_flags)
    return _kh_admin_usage_error (context, _("Give either --flag or --no-flags, not both"));
  /* The shape of a detail is known before anything is opened. */
  if (opt_phone != NULL && *g_strstrip (opt_phone) != '\0' && !kh_service_phone_is_valid (opt_phone))
    return _kh_admin_usage_error (context, _("--phone: use digits, and spaces, + - ( ) if you "
                                             "like"));
  if (opt_url != NULL && *g_strstrip (opt_url) != '\0' && !kh_service_url_is_valid (opt_url))
    return _kh_admin_usage_error (context, _("--url: give a whole web address that starts with "
                                             "https:// or http://"));
  if (opt_email != NULL && *g_strstrip (opt_email) != '\0' && !kh_service_email_is_valid (opt_email))
    return _kh_admin_usage_error (context, _("--email: give a whole e-mail address, e.g. "
                                             "neuvonta@example.fi"));
  return EXIT_OK;
}

/* The command line is checked whole, the shape of the details too, before
 * anything is opened. `id` is the service named by edit, deactivate or
 * activate. */
static int
check_arguments (GOptionContext  *context,
                 int              argc,
                 char           **argv,
                 gint64          *id)
{
  gboolean details_given;
  const char *action;

  if (argc < 2)
    return _kh_admin_usage_error (context, _("Say what to do with the directory of services"));
  action = argv[1];
  details_given = opt_name_fi != NULL || opt_name_sv != NULL || opt_phone != NULL
                  || opt_address != NULL || opt_url != NULL || opt_email != NULL
                  || opt_notes != NULL || opt_area != NULL || opt_kind != NULL
                  || opt_languages != NULL || opt_other_languages != NULL
                  || opt_flags != NULL || opt_no_flags;

  if (g_str_equal (action, "list"))
    {
      if (argc != 2)
        return _kh_admin_usage_error (context, _("services list takes no arguments"));
      if (details_given)
        return _kh_admin_usage_error (context, _("The details of a service belong to services "
                                                 "add and services edit"));
    }
  else if (g_str_equal (action, "add"))
    {
      if (argc != 2)
        return _kh_admin_usage_error (context, _("services add takes no arguments; the "
                                                 "service’s number is given by the database"));
      if (opt_name_fi == NULL || opt_name_sv == NULL)
        return _kh_admin_usage_error (context, _("services add needs the name in both "
                                                 "languages: --name-fi and --name-sv"));
    }
  else if (g_str_equal (action, "edit") || g_str_equal (action, "deactivate")
           || g_str_equal (action, "activate") || g_str_equal (action, "show"))
    {
      if (argc != 3)
        return _kh_admin_usage_error (context, _("Name one service by its number (see "
                                                 "“services list”)"));
      if (!parse_id (argv[2], id))
        {
          /* Translators: %s is what was typed. */
          g_autofree char *message =
            g_strdup_printf (_("“%s” is not a service’s number (see “services list”)"),
                             argv[2]);
          return _kh_admin_usage_error (context, message);
        }
      if (g_str_equal (action, "edit") && !details_given)
        return _kh_admin_usage_error (context, _("Say what to change, e.g. --name-fi, --phone "
                                                 "or --area (see --help)"));
      if (!g_str_equal (action, "edit") && details_given)
        return _kh_admin_usage_error (context, _("The details of a service belong to services "
                                                 "add and services edit"));
    }
  else
    {
      return _kh_admin_unknown_action (context, action);
    }

  if (opt_all && !g_str_equal (action, "list"))
    return _kh_admin_usage_error (context, _("--all belongs to services list"));

  return check_keys (context);
}

/* list needs no login: the directory is no one's personal data. */
static int
run_list (void)
{
  g_autoptr(KhDb) db = _kh_admin_open_existing_read_only ();
  g_autoptr(GPtrArray) services = NULL;
  g_autoptr(GError) error = NULL;

  if (db == NULL)
    return EXIT_FAILED;
  services = kh_db_list_services (db, opt_all, &error);
  if (services == NULL)
    return _kh_admin_fail (error);
  return services_list (services);
}

static KhService *service_to_change (GPtrArray *services, const char *action, gint64 id,
                                     const char *id_typed);

/* show needs no login either. */
static int
run_show (gint64      id,
          const char *id_typed)
{
  g_autoptr(KhDb) db = _kh_admin_open_existing_read_only ();
  g_autoptr(GPtrArray) services = NULL;
  g_autoptr(KhService) service = NULL;
  g_autoptr(GError) error = NULL;

  if (db == NULL)
    return EXIT_FAILED;
  services = kh_db_list_services (db, TRUE, &error);
  if (services == NULL)
    return _kh_admin_fail (error);
  service = service_to_change (services, "show", id, id_typed);
  if (service == NULL)
    return EXIT_FAILED;
  return service_show (service);
}

/* The service that add, edit, deactivate or activate works on, or NULL
 * (said why). */
static KhService *
service_to_change (GPtrArray   *services,
                   const char  *action,
                   gint64       id,
                   const char  *id_typed)
{
  KhService *found;

  if (g_str_equal (action, "add"))
    {
      KhService *service = kh_service_new ();

      service->active = TRUE;
      return service;
    }

  found = find_service (services, id);
  if (found == NULL)
    {
      /* Translators: %s is a number that was typed. */
      g_autofree char *message =
        g_strdup_printf (_("There is no service %s in the directory; see “kohtaamo-admin "
                           "services list --all”"), id_typed);
      _kh_admin_print_error (message);
      return NULL;
    }
  return g_object_ref (found);
}

static char *
done_message (const char *action,
              KhService  *service,
              gint64      saved_id)
{
  g_autofree char *id_text = format_id (saved_id);

  if (g_str_equal (action, "add"))
    /* Translators: a service's number, then its name in Finnish and in Swedish. */
    return g_strdup_printf (_("Added service %s: %s / %s"), id_text,
                            service->name_fi, service->name_sv);
  if (g_str_equal (action, "edit"))
    return g_strdup_printf (_("Saved service %s: %s / %s"), id_text,
                            service->name_fi, service->name_sv);
  if (service->active)
    return g_strdup_printf (_("Activated service %s: %s / %s"), id_text,
                            service->name_fi, service->name_sv);
  return g_strdup_printf (_("Deactivated service %s: %s / %s; reception no longer offers "
                            "it, and the contacts directed to it keep it"), id_text,
                          service->name_fi, service->name_sv);
}

int
_kh_admin_run_services (int    argc,
                        char **argv)
{
  const GOptionEntry entries[] = {
    { "all", 'a', 0, G_OPTION_ARG_NONE, &opt_all,
      N_("List inactive services too"), NULL },
    { "name-fi", 0, 0, G_OPTION_ARG_STRING, &opt_name_fi,
      N_("The service’s name in Finnish"), N_("NAME") },
    { "name-sv", 0, 0, G_OPTION_ARG_STRING, &opt_name_sv,
      N_("The service’s name in Swedish"), N_("NAME") },
    { "phone", 0, 0, G_OPTION_ARG_STRING, &opt_phone,
      N_("Phone number (an empty value removes it)"), N_("PHONE") },
    { "address", 0, 0, G_OPTION_ARG_STRING, &opt_address,
      N_("Street address (an empty value removes it)"), N_("ADDRESS") },
    { "url", 0, 0, G_OPTION_ARG_STRING, &opt_url,
      N_("Web address, https://… (an empty value removes it)"), N_("URL") },
    { "email", 0, 0, G_OPTION_ARG_STRING, &opt_email,
      N_("E-mail address (an empty value removes it)"), N_("EMAIL") },
    { "notes", 0, 0, G_OPTION_ARG_STRING, &opt_notes,
      N_("Opening hours and notes (an empty value removes them)"), N_("TEXT") },
    { "area", 0, 0, G_OPTION_ARG_STRING, &opt_area,
      N_("Life area: work, skills, finances, everyday-life, participation, housing, "
         "health-safety or other"), N_("AREA") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &opt_kind,
      N_("Who runs it: authority, county, municipality, parish, ngo, company or unknown"),
      N_("KIND") },
    { "languages", 0, 0, G_OPTION_ARG_STRING, &opt_languages,
      N_("Languages served, of fi, sv, en, separated by commas (an empty value removes them)"),
      N_("LANGUAGES") },
    { "other-languages", 0, 0, G_OPTION_ARG_STRING, &opt_other_languages,
      N_("Other languages served, as text (an empty value removes them)"), N_("TEXT") },
    { "flag", 0, 0, G_OPTION_ARG_STRING_ARRAY, &opt_flags,
      N_("A mark, social-emergency or around-the-clock; repeat for both (replaces the marks)"),
      N_("FLAG") },
    { "no-flags", 0, 0, G_OPTION_ARG_NONE, &opt_no_flags,
      N_("Remove the marks"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(KhDb) db = NULL;
  g_autoptr(KhUser) user = NULL;
  g_autoptr(GPtrArray) services = NULL;
  g_autoptr(KhService) service = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  g_autofree char *done = NULL;
  const char *action;
  gint64 id = 0;
  gint64 saved_id;
  int status = EXIT_OK;

  description = g_strdup_printf ("%s\n%s",
                                 _("Actions:"),
                                 /* Translators: keep the command words and options
                                  * (list, add, --name-fi, …); translate the capitalised
                                  * placeholders as in the options' help. */
                                 _("  list [--all]\n"
                                   "  show ID\n"
                                   "  add --name-fi NAME --name-sv NAME [--area AREA] [--kind KIND] "
                                   "[--languages LANGUAGES] [--other-languages TEXT] "
                                   "[--phone PHONE] [--email EMAIL] [--address ADDRESS] "
                                   "[--url URL] [--notes TEXT] [--flag FLAG]…\n"
                                   "  edit ID [the same options] [--no-flags]\n"
                                   "  deactivate ID\n  activate ID\n"));
  context = _kh_admin_context_new (_("ACTION [ID]"),
                                   _("Lists and edits the directory of services and agencies "
                                     "that reception directs people to: the unit’s map of "
                                     "stakeholders by the life areas of adult social work. "
                                     "Each service has a name in Finnish and in Swedish. An "
                                     "administrator or the lead social worker may change the "
                                     "directory; a service no longer used is deactivated, not "
                                     "removed, so that the contacts directed to it keep it. "
                                     "Urgent help is directed to the service marked "
                                     "social-emergency."),
                                   description, entries);
  if (!_kh_admin_parse_options (context, &argc, &argv, &status))
    return status;
  status = check_arguments (context, argc, argv, &id);
  if (status != EXIT_OK)
    return status;
  action = argv[1];

  if (g_str_equal (action, "list"))
    return run_list ();
  if (g_str_equal (action, "show"))
    return run_show (id, argv[2]);

  if (!_kh_admin_open_and_login (FALSE, KH_ADMIN_NEEDS_ADMIN_OR_LEAD, &db, &user))
    return EXIT_FAILED;
  services = kh_db_list_services (db, TRUE, &error);
  if (services == NULL)
    return _kh_admin_fail (error);

  service = service_to_change (services, action, id, argv[2]);
  if (service == NULL)
    return EXIT_FAILED;

  if (g_str_equal (action, "deactivate") || g_str_equal (action, "activate"))
    {
      gboolean active = g_str_equal (action, "activate");

      if (service->active == active)
        {
          g_autofree char *id_text = format_id (service->id);

          if (active)
            /* Translators: %s is a service's number. */
            done = g_strdup_printf (_("Service %s is already active"), id_text);
          else
            done = g_strdup_printf (_("Service %s is already inactive"), id_text);
          g_print ("%s\n", done);
          return EXIT_OK;
        }
      service->active = active;
    }
  else
    {
      g_autofree char *message = NULL;

      apply_service_options (service);
      kh_service_clean (service);
      /* The store checks the same; asking first keeps the message the
       * store would give, before anything is written. */
      message = kh_service_check (service, services, NULL);
      if (message != NULL)
        {
          _kh_admin_print_error (message);
          return EXIT_FAILED;
        }
    }

  saved_id = kh_db_save_service (db, user, service, &error);
  if (saved_id <= 0)
    /* The store's message names the field: "Name in Finnish: enter …". */
    return _kh_admin_fail (error);

  done = done_message (action, service, saved_id);
  g_print ("%s\n", done);
  return EXIT_OK;
}
