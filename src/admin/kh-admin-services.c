/* kh-admin-services.c — kohtaamo-admin services: the directory of services
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kohtaamo-admin"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "core/kh-text.h"
#include "store/kh-db.h"

#include "kh-admin-private.h"

static gboolean opt_all;
static char *opt_name_fi;
static char *opt_name_sv;
static char *opt_phone;
static char *opt_address;
static char *opt_url;

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

/* Another entry with the same name in either language (case and spacing
 * ignored): two entries that reception cannot tell apart. */
static KhService *
find_same_name (GPtrArray  *services,
                KhService  *service)
{
  g_autofree char *clean_fi = kh_text_clean (service->name_fi);
  g_autofree char *clean_sv = kh_text_clean (service->name_sv);
  g_autofree char *fi = clean_fi != NULL ? g_utf8_casefold (clean_fi, -1) : NULL;
  g_autofree char *sv = clean_sv != NULL ? g_utf8_casefold (clean_sv, -1) : NULL;

  for (guint i = 0; i < services->len; i++)
    {
      KhService *other = g_ptr_array_index (services, i);
      g_autofree char *other_clean_fi = kh_text_clean (other->name_fi);
      g_autofree char *other_clean_sv = kh_text_clean (other->name_sv);
      g_autofree char *other_fi = NULL;
      g_autofree char *other_sv = NULL;

      if (other->id == service->id)
        continue;
      other_fi = other_clean_fi != NULL ? g_utf8_casefold (other_clean_fi, -1) : NULL;
      other_sv = other_clean_sv != NULL ? g_utf8_casefold (other_clean_sv, -1) : NULL;
      if ((fi != NULL && g_strcmp0 (fi, other_fi) == 0)
          || (sv != NULL && g_strcmp0 (sv, other_sv) == 0))
        return other;
    }
  return NULL;
}

/* A web address that reception can open: http or https, with a host. */
static gboolean
url_is_valid (const char *text)
{
  g_autoptr(GUri) uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL);
  const char *scheme;

  if (uri == NULL)
    return FALSE;
  scheme = g_uri_get_scheme (uri);
  return (g_ascii_strcasecmp (scheme, "https") == 0 || g_ascii_strcasecmp (scheme, "http") == 0)
         && g_uri_get_host (uri) != NULL && *g_uri_get_host (uri) != '\0';
}

/* Service numbers are often short ("116 117", or 112 itself), so this is
 * looser than a person's phone: digits, spaces, + - ( ), at least three
 * digits. */
static gboolean
service_phone_is_valid (const char *text)
{
  guint digits = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (strchr (" +-()", *p) == NULL)
        return FALSE;
    }
  return digits >= 3;
}

static char *
format_id (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

static int
services_list (GPtrArray *services)
{
  const char *headings[5] = {
    C_("column", "ID"), C_("column", "Name in Finnish"), C_("column", "Name in Swedish"),
    C_("column", "Phone"), C_("column", "Active"),
  };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint i = 0; i < services->len; i++)
    {
      KhService *service = g_ptr_array_index (services, i);
      char **row = g_new0 (char *, 6);

      row[0] = format_id (service->id);
      row[1] = g_strdup (service->name_fi != NULL ? service->name_fi : "");
      row[2] = g_strdup (service->name_sv != NULL ? service->name_sv : "");
      row[3] = g_strdup (service->phone != NULL ? service->phone : "");
      row[4] = g_strdup (service->active ? C_("service is active", "yes")
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

/* Applies the options given to `service`: an empty value clears the phone,
 * address or web address (the store refuses an empty name). */
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
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i].option != NULL)
      {
        g_free (*fields[i].field);
        *fields[i].field = kh_text_clean (fields[i].option);
      }
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
                  || opt_address != NULL || opt_url != NULL;

  if (g_str_equal (action, "list"))
    {
      if (argc != 2)
        return _kh_admin_usage_error (context, _("services list takes no arguments"));
      if (details_given)
        return _kh_admin_usage_error (context, _("--name-fi, --name-sv, --phone, --address "
                                                 "and --url belong to services add and "
                                                 "services edit"));
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
           || g_str_equal (action, "activate"))
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
        return _kh_admin_usage_error (context, _("Say what to change: --name-fi, --name-sv, "
                                                 "--phone, --address or --url"));
      if (!g_str_equal (action, "edit") && details_given)
        return _kh_admin_usage_error (context, _("--name-fi, --name-sv, --phone, --address "
                                                 "and --url belong to services add and "
                                                 "services edit"));
    }
  else
    {
      return _kh_admin_unknown_action (context, action);
    }

  if (opt_all && !g_str_equal (action, "list"))
    return _kh_admin_usage_error (context, _("--all belongs to services list"));

  if (opt_phone != NULL && *g_strstrip (opt_phone) != '\0' && !service_phone_is_valid (opt_phone))
    return _kh_admin_usage_error (context, _("--phone: use digits, and spaces, + - ( ) if you "
                                             "like"));
  if (opt_url != NULL && *g_strstrip (opt_url) != '\0' && !url_is_valid (opt_url))
    return _kh_admin_usage_error (context, _("--url: give a whole web address that starts with "
                                             "https:// or http://"));
  return EXIT_OK;
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
                                   "  add --name-fi NAME --name-sv NAME [--phone PHONE] "
                                   "[--address ADDRESS] [--url URL]\n"
                                   "  edit ID [--name-fi NAME] [--name-sv NAME] [--phone PHONE] "
                                   "[--address ADDRESS] [--url URL]\n"
                                   "  deactivate ID\n  activate ID\n"));
  context = _kh_admin_context_new (_("ACTION [ID]"),
                                   _("Lists and edits the directory of services and agencies "
                                     "that reception directs people to. Each service has a "
                                     "name in Finnish and in Swedish. An administrator or the "
                                     "lead social worker may change the directory; a service "
                                     "no longer used is deactivated, not removed, so that the "
                                     "contacts directed to it keep it."),
                                   description, entries);
  if (!_kh_admin_parse_options (context, &argc, &argv, &status))
    return status;
  status = check_arguments (context, argc, argv, &id);
  if (status != EXIT_OK)
    return status;
  action = argv[1];

  if (g_str_equal (action, "list"))
    return run_list ();

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
      KhService *same;

      apply_service_options (service);
      same = find_same_name (services, service);
      if (same != NULL)
        {
          g_autofree char *same_id = format_id (same->id);
          /* Translators: the first %s is a service's number, then its names. */
          g_autofree char *message =
            g_strdup_printf (_("Service %s already has that name (%s / %s); "
                               "change that one with “services edit %s”"),
                             same_id, same->name_fi, same->name_sv, same_id);
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
