/* kh-admin.c — kohtaamo-admin, the command line for administrators
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One GOptionContext per subcommand, so that `kohtaamo-admin users --help`
 * says what that command takes. Exit status: 0 done, 1 failed (or bad rows
 * in an import), 2 the command line was wrong.
 */

#define G_LOG_DOMAIN "kohtaamo-admin"

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "core/kh-calendar.h"
#include "core/kh-text.h"
#include "store/kh-db.h"
#include "store/kh-store.h"

#include "kh-admin-demo.h"
#include "kh-admin-import.h"

enum {
  EXIT_OK = 0,
  EXIT_FAILED = 1,
  EXIT_USAGE = 2,
};

/* The global option, accepted before the command and after it. */
static char *opt_database;

static const GOptionEntry global_entries[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, &opt_database,
    N_("The database file (default: $KOHTAAMO_DATABASE, else the user’s data folder)"),
    N_("PATH") },
  { NULL }
};

typedef struct {
  const char *name;
  const char *summary;
  int       (*run) (int argc, char **argv);
} Command;

/* ---- helpers ---- */

static void
print_error (const char *message)
{
  g_printerr ("%s: %s\n", g_get_prgname (), message);
}

static int
usage_error (GOptionContext *context,
             const char     *message)
{
  print_error (message);
  /* Translators: %s is the command, e.g. “kohtaamo-admin users”. */
  g_printerr (_("Try “%s --help”.\n"), g_get_prgname ());
  return EXIT_USAGE;
}

/* Parses a subcommand's options; on failure reports it and returns FALSE. */
static gboolean
parse_options (GOptionContext   *context,
               int              *argc,
               char           ***argv,
               int              *exit_status)
{
  g_autoptr(GError) error = NULL;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, global_entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *exit_status = usage_error (context, error->message);
      return FALSE;
    }
  return TRUE;
}

static GOptionContext *
new_context (const char *parameter_string,
             const char *summary)
{
  GOptionContext *context = g_option_context_new (parameter_string);

  g_option_context_set_summary (context, summary);
  return context;
}

static char *
database_path (void)
{
  if (opt_database != NULL && *opt_database != '\0')
    return g_strdup (opt_database);
  return kh_store_default_path ();
}

/* Was the database named by the user rather than the default? */
static gboolean
database_given (void)
{
  const char *env = g_getenv ("KOHTAAMO_DATABASE");

  return (opt_database != NULL && *opt_database != '\0') || (env != NULL && *env != '\0');
}

static KhDb *
open_database (gboolean  read_only,
               char    **out_path)
{
  g_autofree char *path = database_path ();
  g_autoptr(GError) error = NULL;
  KhDb *db;

  if (read_only)
    db = kh_db_open_read_only (path, &error);
  else
    db = kh_db_open (path, &error);

  if (db == NULL)
    {
      /* The store's messages name the file and say what to do. */
      print_error (error->message);
      return NULL;
    }

  if (out_path != NULL)
    *out_path = g_steal_pointer (&path);
  return db;
}

static KhUser *
login (KhDb    *db,
       GError **error)
{
  const char *real_name = g_get_real_name ();

  /* GLib says "Unknown" when the account has no real name. */
  if (real_name == NULL || *real_name == '\0' || g_strcmp0 (real_name, "Unknown") == 0)
    real_name = NULL;

  return kh_db_login (db, g_get_user_name (), real_name, error);
}

/* Logs the OS account in and checks its role; prints why not. */
static KhUser *
login_with_role (KhDb     *db,
                 gboolean  lead_allowed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhUser) user = login (db, &error);

  if (user == NULL)
    {
      print_error (error->message);
      return NULL;
    }

  if (user->role == KH_ROLE_ADMIN || (lead_allowed && user->role == KH_ROLE_LEAD))
    return g_steal_pointer (&user);

  {
    g_autofree char *message = NULL;

    if (lead_allowed)
      /* Translators: %s is an OS account name, then a role such as “Reception”. */
      message = g_strdup_printf (_("Only an administrator or a lead social worker may do this; "
                                   "the account “%s” is: %s"),
                                 user->account, kh_role_label (user->role));
    else
      message = g_strdup_printf (_("Only an administrator may do this; "
                                   "the account “%s” is: %s"),
                                 user->account, kh_role_label (user->role));
    print_error (message);
  }
  return NULL;
}

static gboolean
parse_count (const char *text,
             guint64     min,
             guint64     max,
             guint64    *out)
{
  return g_ascii_string_to_unsigned (text, 10, min, max, out, NULL);
}

/* ---- init ---- */

static int
run_init (int    argc,
          char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(KhDb) db = NULL;
  g_autoptr(KhUser) user = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  int status = EXIT_OK;

  context = new_context (NULL,
                         _("Creates the database, or brings an existing one to the newest "
                           "schema, and makes your account the administrator of a database "
                           "that has no users yet."));
  if (!parse_options (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return usage_error (context, _("init takes no arguments"));

  db = open_database (FALSE, &path);
  if (db == NULL)
    return EXIT_FAILED;

  g_print (_("Database: %s\n"), path);
  g_print (_("Schema version: %d\n"), kh_db_get_schema_version (db));

  user = login (db, &error);
  if (user == NULL)
    {
      print_error (error->message);
      return EXIT_FAILED;
    }
  /* Translators: %s is an OS account, then a role such as “Administrator”. */
  g_print (_("Your account “%s” is: %s\n"), user->account, kh_role_label (user->role));

  return EXIT_OK;
}

/* ---- users ---- */

static char *opt_role;
static char *opt_name;

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
  return usage_error (context, message);
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

static void
print_padded (const char *text,
              guint       width)
{
  guint len = g_utf8_strlen (text, -1);

  g_print ("%s", text);
  for (guint i = len; i < width; i++)
    g_print (" ");
}

static int
users_list (KhDb      *db,
            GPtrArray *users)
{
  const char *headings[4] = {
    C_("column", "Account"), C_("column", "Name"),
    C_("column", "Role"), C_("column", "Active"),
  };
  guint widths[4];

  for (guint c = 0; c < 4; c++)
    widths[c] = g_utf8_strlen (headings[c], -1);

  for (guint i = 0; i < users->len; i++)
    {
      KhUser *user = g_ptr_array_index (users, i);

      widths[0] = MAX (widths[0], g_utf8_strlen (user->account, -1));
      widths[1] = MAX (widths[1], g_utf8_strlen (user->display_name ? user->display_name : "", -1));
      widths[2] = MAX (widths[2], g_utf8_strlen (kh_role_key (user->role), -1));
    }

  for (guint c = 0; c < 4; c++)
    print_padded (headings[c], c < 3 ? widths[c] + 2 : 0);
  g_print ("\n");

  for (guint i = 0; i < users->len; i++)
    {
      KhUser *user = g_ptr_array_index (users, i);

      print_padded (user->account, widths[0] + 2);
      print_padded (user->display_name ? user->display_name : "", widths[1] + 2);
      print_padded (kh_role_key (user->role), widths[2] + 2);
      g_print ("%s\n", user->active ? C_("user is active", "yes") : C_("user is active", "no"));
    }

  return EXIT_OK;
}

static int
save_user (KhDb       *db,
           const char *account,
           const char *display_name,
           KhRole      role,
           gboolean    active,
           const char *done_message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhUser) saved = kh_db_save_user (db, account, display_name, role, active, &error);

  if (saved == NULL)
    {
      print_error (error->message);
      return EXIT_FAILED;
    }
  g_print ("%s\n", done_message);
  return EXIT_OK;
}

static int
run_users (int    argc,
           char **argv)
{
  const GOptionEntry entries[] = {
    { "role", 'r', 0, G_OPTION_ARG_STRING, &opt_role,
      N_("Role of a new user: reception, counsellor, social-worker, lead or admin"), N_("ROLE") },
    { "name", 'n', 0, G_OPTION_ARG_STRING, &opt_name,
      N_("Display name of a new user"), N_("NAME") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(KhDb) db = NULL;
  g_autoptr(KhUser) admin = NULL;
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  const char *action;
  int status = EXIT_OK;

  description = g_strdup_printf ("%s\n  list\n  add ACCOUNT --role ROLE [--name NAME]\n"
                                 "  set-role ACCOUNT ROLE\n  deactivate ACCOUNT\n"
                                 "  activate ACCOUNT\n",
                                 _("Actions:"));
  context = new_context (_("ACTION [ACCOUNT] [ROLE]"),
                         _("Lists and manages the users of Kohtaamo. A user is an operating-"
                           "system account with a role. Only an administrator may do this."));
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, &status))
    return status;

  if (argc < 2)
    return usage_error (context, _("Say what to do with the users"));
  action = argv[1];

  if (g_str_equal (action, "list"))
    {
      if (argc != 2)
        return usage_error (context, _("users list takes no arguments"));
    }
  else if (g_str_equal (action, "add"))
    {
      if (argc != 3)
        return usage_error (context, _("users add takes one account"));
      if (opt_role == NULL)
        return usage_error (context, _("users add needs --role"));
      if (kh_role_from_key (opt_role) == 0)
        return bad_role (context, opt_role);
    }
  else if (g_str_equal (action, "set-role"))
    {
      if (argc != 4)
        return usage_error (context, _("users set-role takes an account and a role"));
      if (kh_role_from_key (argv[3]) == 0)
        return bad_role (context, argv[3]);
    }
  else if (g_str_equal (action, "deactivate") || g_str_equal (action, "activate"))
    {
      if (argc != 3)
        return usage_error (context, _("Name one account"));
    }
  else
    {
      /* Translators: %s is what was typed. */
      g_autofree char *message = g_strdup_printf (_("Unknown action “%s”"), action);
      return usage_error (context, message);
    }

  if (argc >= 3 && !account_is_valid (argv[2]))
    return usage_error (context, _("An account name cannot be empty or contain spaces"));
  if (!g_str_equal (action, "add") && (opt_role != NULL || opt_name != NULL))
    return usage_error (context, _("--role and --name belong to users add"));

  db = open_database (FALSE, NULL);
  if (db == NULL)
    return EXIT_FAILED;
  admin = login_with_role (db, FALSE);
  if (admin == NULL)
    return EXIT_FAILED;

  users = kh_db_list_users (db, &error);
  if (users == NULL)
    {
      print_error (error->message);
      return EXIT_FAILED;
    }

  if (g_str_equal (action, "list"))
    return users_list (db, users);

  if (g_str_equal (action, "add"))
    {
      g_autofree char *done = NULL;
      g_autofree char *name = opt_name != NULL ? g_strstrip (g_strdup (opt_name)) : NULL;
      KhRole role = kh_role_from_key (opt_role);

      if (find_user (users, argv[2]) != NULL)
        {
          /* Translators: %s is an account name. */
          g_autofree char *message =
            g_strdup_printf (_("The account “%s” is already a user; use users set-role "
                               "or users activate"), argv[2]);
          print_error (message);
          return EXIT_FAILED;
        }
      /* Translators: %s is an account name, then a role such as “Reception”. */
      done = g_strdup_printf (_("Added %s: %s"), argv[2], kh_role_label (role));
      return save_user (db, argv[2], name != NULL && *name != '\0' ? name : NULL,
                        role, TRUE, done);
    }
  else
    {
      KhUser *target = find_user (users, argv[2]);
      g_autofree char *done = NULL;
      KhRole role;
      gboolean active;

      if (target == NULL)
        {
          g_autofree char *message =
            g_strdup_printf (_("The account “%s” is not a user of this database"), argv[2]);
          print_error (message);
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
          print_error (_("This is the only active administrator; make another account an "
                         "administrator first"));
          return EXIT_FAILED;
        }

      return save_user (db, target->account, target->display_name, role, active, done);
    }
}

/* ---- shared by services, calendar and settings ---- */

/* Opens an existing database read-only for a command that only shows the
 * unit's directory or calendar: no user data is read, so no login. */
static KhDb *
open_existing_read_only (void)
{
  g_autofree char *path = database_path ();

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      /* Translators: %s is a file name. */
      g_autofree char *message =
        g_strdup_printf (_("There is no database at %s; create it with "
                           "“kohtaamo-admin init” first"), path);
      print_error (message);
      return NULL;
    }
  return open_database (TRUE, NULL);
}

/* Prints rows (arrays of n_columns strings) under headings, in columns. */
static void
print_table (const char * const *headings,
             guint               n_columns,
             GPtrArray          *rows)
{
  g_autofree guint *widths = g_new0 (guint, n_columns);

  for (guint c = 0; c < n_columns; c++)
    widths[c] = g_utf8_strlen (headings[c], -1);
  for (guint i = 0; i < rows->len; i++)
    {
      const char * const *row = g_ptr_array_index (rows, i);

      for (guint c = 0; c < n_columns; c++)
        widths[c] = MAX (widths[c], g_utf8_strlen (row[c], -1));
    }

  for (guint c = 0; c < n_columns; c++)
    print_padded (headings[c], c + 1 < n_columns ? widths[c] + 2 : 0);
  g_print ("\n");
  for (guint i = 0; i < rows->len; i++)
    {
      const char * const *row = g_ptr_array_index (rows, i);

      for (guint c = 0; c < n_columns; c++)
        print_padded (row[c], c + 1 < n_columns ? widths[c] + 2 : 0);
      g_print ("\n");
    }
}

/* ---- services ---- */

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
  print_table (headings, G_N_ELEMENTS (headings), rows);
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

static int
run_services (int    argc,
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
  g_autofree char *id_text = NULL;
  g_autofree char *done = NULL;
  gboolean details_given;
  const char *action;
  gint64 id = 0;
  gint64 saved_id;
  int status = EXIT_OK;

  description = g_strdup_printf ("%s\n  list [--all]\n"
                                 "  add --name-fi NAME --name-sv NAME [--phone PHONE] "
                                 "[--address ADDRESS] [--url URL]\n"
                                 "  edit ID [--name-fi NAME] [--name-sv NAME] [--phone PHONE] "
                                 "[--address ADDRESS] [--url URL]\n"
                                 "  deactivate ID\n  activate ID\n",
                                 _("Actions:"));
  context = new_context (_("ACTION [ID]"),
                         _("Lists and edits the directory of services and agencies that "
                           "reception directs people to. Each service has a name in Finnish "
                           "and in Swedish. An administrator or the lead social worker may "
                           "change the directory; a service no longer used is deactivated, "
                           "not removed, so that the contacts directed to it keep it."));
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, &status))
    return status;

  if (argc < 2)
    return usage_error (context, _("Say what to do with the directory of services"));
  action = argv[1];
  details_given = opt_name_fi != NULL || opt_name_sv != NULL || opt_phone != NULL
                  || opt_address != NULL || opt_url != NULL;

  if (g_str_equal (action, "list"))
    {
      if (argc != 2)
        return usage_error (context, _("services list takes no arguments"));
      if (details_given)
        return usage_error (context, _("--name-fi, --name-sv, --phone, --address and --url "
                                       "belong to services add and services edit"));
    }
  else if (g_str_equal (action, "add"))
    {
      if (argc != 2)
        return usage_error (context, _("services add takes no arguments; the service’s number "
                                       "is given by the database"));
      if (opt_name_fi == NULL || opt_name_sv == NULL)
        return usage_error (context, _("services add needs the name in both languages: "
                                       "--name-fi and --name-sv"));
    }
  else if (g_str_equal (action, "edit") || g_str_equal (action, "deactivate")
           || g_str_equal (action, "activate"))
    {
      if (argc != 3)
        return usage_error (context, _("Name one service by its number (see “services list”)"));
      if (!parse_id (argv[2], &id))
        {
          /* Translators: %s is what was typed. */
          g_autofree char *message =
            g_strdup_printf (_("“%s” is not a service’s number (see “services list”)"), argv[2]);
          return usage_error (context, message);
        }
      if (g_str_equal (action, "edit") && !details_given)
        return usage_error (context, _("Say what to change: --name-fi, --name-sv, --phone, "
                                       "--address or --url"));
      if (!g_str_equal (action, "edit") && details_given)
        return usage_error (context, _("--name-fi, --name-sv, --phone, --address and --url "
                                       "belong to services add and services edit"));
    }
  else
    {
      g_autofree char *message = g_strdup_printf (_("Unknown action “%s”"), action);
      return usage_error (context, message);
    }

  if (opt_all && !g_str_equal (action, "list"))
    return usage_error (context, _("--all belongs to services list"));

  /* The shape of the details, before anything is opened. */
  if (opt_phone != NULL && *g_strstrip (opt_phone) != '\0' && !service_phone_is_valid (opt_phone))
    return usage_error (context, _("--phone: use digits, and spaces, + - ( ) if you like"));
  if (opt_url != NULL && *g_strstrip (opt_url) != '\0' && !url_is_valid (opt_url))
    return usage_error (context, _("--url: give a whole web address that starts with "
                                   "https:// or http://"));

  if (g_str_equal (action, "list"))
    {
      db = open_existing_read_only ();
      if (db == NULL)
        return EXIT_FAILED;
      services = kh_db_list_services (db, opt_all, &error);
      if (services == NULL)
        {
          print_error (error->message);
          return EXIT_FAILED;
        }
      return services_list (services);
    }

  db = open_database (FALSE, NULL);
  if (db == NULL)
    return EXIT_FAILED;
  user = login_with_role (db, TRUE);
  if (user == NULL)
    return EXIT_FAILED;
  services = kh_db_list_services (db, TRUE, &error);
  if (services == NULL)
    {
      print_error (error->message);
      return EXIT_FAILED;
    }

  if (g_str_equal (action, "add"))
    {
      service = kh_service_new ();
      service->active = TRUE;
    }
  else
    {
      KhService *found = find_service (services, id);

      if (found == NULL)
        {
          /* Translators: %s is a number that was typed. */
          g_autofree char *message =
            g_strdup_printf (_("There is no service %s in the directory; see “kohtaamo-admin "
                               "services list --all”"), argv[2]);
          print_error (message);
          return EXIT_FAILED;
        }
      service = g_object_ref (found);
    }
  id_text = format_id (service->id);

  if (g_str_equal (action, "deactivate") || g_str_equal (action, "activate"))
    {
      gboolean active = g_str_equal (action, "activate");

      if (service->active == active)
        {
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
          print_error (message);
          return EXIT_FAILED;
        }
    }

  saved_id = kh_db_save_service (db, user, service, &error);
  if (saved_id <= 0)
    {
      /* The store's message names the field: "Name in Finnish: enter …". */
      print_error (error->message);
      return EXIT_FAILED;
    }
  g_free (id_text);
  id_text = format_id (saved_id);

  if (g_str_equal (action, "add"))
    /* Translators: a service's number, then its name in Finnish and in Swedish. */
    done = g_strdup_printf (_("Added service %s: %s / %s"), id_text,
                            service->name_fi, service->name_sv);
  else if (g_str_equal (action, "edit"))
    done = g_strdup_printf (_("Saved service %s: %s / %s"), id_text,
                            service->name_fi, service->name_sv);
  else if (service->active)
    done = g_strdup_printf (_("Activated service %s: %s / %s"), id_text,
                            service->name_fi, service->name_sv);
  else
    done = g_strdup_printf (_("Deactivated service %s: %s / %s; reception no longer offers "
                              "it, and the contacts directed to it keep it"), id_text,
                            service->name_fi, service->name_sv);
  g_print ("%s\n", done);
  return EXIT_OK;
}

/* ---- calendar ---- */

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
  g_autofree char *path = database_path ();

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(KhDb) db = open_database (TRUE, NULL);
      g_autoptr(GError) error = NULL;

      if (db == NULL)
        return EXIT_FAILED;
      calendar = kh_db_load_calendar (db, &error);
      if (calendar == NULL)
        {
          print_error (error->message);
          return EXIT_FAILED;
        }
    }
  else if (database_given ())
    {
      /* A mistyped path must not quietly give the national calendar
       * without the unit's closed days. */
      g_autofree char *message = g_strdup_printf (_("There is no database at %s"), path);
      print_error (message);
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
  g_autoptr(KhDb) db = open_existing_read_only ();
  g_autoptr(GPtrArray) days = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *prefix = opt_year > 0 ? g_strdup_printf ("%04d-", opt_year) : NULL;
  guint shown = 0;

  if (db == NULL)
    return EXIT_FAILED;
  days = kh_db_list_closed_days (db, &error);
  if (days == NULL)
    {
      print_error (error->message);
      return EXIT_FAILED;
    }

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
    return usage_error (context, _("Give the day’s name after the date: "
                                   "--add-closed DATE NAME"));

  db = open_database (FALSE, NULL);
  if (db == NULL)
    return EXIT_FAILED;
  user = login_with_role (db, TRUE);
  if (user == NULL)
    return EXIT_FAILED;

  days = kh_db_list_closed_days (db, &error);
  if (days == NULL)
    {
      print_error (error->message);
      return EXIT_FAILED;
    }
  renamed = find_closed_day (days, iso) != NULL;

  if (!renamed)
    note_already_closed (db, date, iso);

  if (!kh_db_add_closed_day (db, user, iso, name, &error))
    {
      print_error (error->message);
      return EXIT_FAILED;
    }

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

  db = open_database (FALSE, NULL);
  if (db == NULL)
    return EXIT_FAILED;
  user = login_with_role (db, TRUE);
  if (user == NULL)
    return EXIT_FAILED;

  days = kh_db_list_closed_days (db, &error);
  if (days == NULL)
    {
      print_error (error->message);
      return EXIT_FAILED;
    }
  day = find_closed_day (days, iso);

  if (!kh_db_remove_closed_day (db, user, iso, &error))
    {
      print_error (error->message);
      if (g_error_matches (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND))
        {
          g_autoptr(KhCalendar) national = kh_calendar_new ();

          if (kh_calendar_is_holiday (national, date, NULL))
            print_error (_("Public holidays and the eves that close offices are set by law "
                           "and cannot be removed"));
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
    *exit_status = usage_error (context, message);
  }
  return FALSE;
}

static int
run_calendar (int    argc,
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

  description = g_strdup_printf ("%s\n  --year YYYY\n  --list-closed [--year YYYY]\n"
                                 "  --add-closed DATE NAME\n  --remove-closed DATE\n\n%s\n",
                                 _("Actions:"),
                                 _("A date is written as 2026-12-23 or 23.12.2026. The unit’s "
                                   "closed days are skipped when deadlines are counted in "
                                   "working days; an administrator or the lead social worker "
                                   "may add and remove them."));
  context = new_context (NULL,
                         _("Prints each Monday–Friday of the year that is not a working day: "
                           "public holidays, the eves that close offices and the unit’s own "
                           "closed days. One per line: the date, a tab, the day’s name."));
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, &status))
    return status;

  n_actions = (opt_add_closed != NULL) + (opt_remove_closed != NULL) + (opt_list_closed ? 1 : 0);
  if (n_actions > 1)
    return usage_error (context, _("Give only one of --add-closed, --remove-closed and "
                                   "--list-closed"));

  /* The Gregorian calendar (and its Easter rule) holds in Finland from 1753. */
  if (opt_year != 0 && (opt_year < 1753 || opt_year > 9999))
    return usage_error (context, _("The year must be between 1753 and 9999"));

  if (opt_add_closed != NULL || opt_remove_closed != NULL)
    {
      if (opt_year != 0)
        return usage_error (context, _("--year does not go with --add-closed or "
                                       "--remove-closed: the date has its year"));
      if (!parse_date_option (context, opt_add_closed != NULL ? opt_add_closed : opt_remove_closed,
                              &date, &status))
        return status;
      if (opt_add_closed != NULL)
        return calendar_add_closed (context, &date, argc, argv);
      if (argc > 1)
        return usage_error (context, _("calendar --remove-closed takes only the date"));
      return calendar_remove_closed (&date);
    }

  if (argc > 1)
    return usage_error (context, _("calendar takes no arguments; give the year with --year"));
  if (opt_list_closed)
    return calendar_list_closed ();
  if (opt_year == 0)
    return usage_error (context, _("Give the year with --year YYYY"));
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
  g_autoptr(KhDb) db = open_existing_read_only ();
  g_autoptr(GError) error = NULL;
  g_autofree char *saturday = NULL;

  if (db == NULL)
    return EXIT_FAILED;
  saturday = kh_db_get_setting (db, KEY_SATURDAY, &error);
  if (error != NULL)
    {
      print_error (error->message);
      return EXIT_FAILED;
    }

  /* The value is typed back as it is shown, so it stays in English. */
  g_print ("%s\t%s\n", SETTING_SATURDAY, g_strcmp0 (saturday, "1") == 0 ? "on" : "off");
  g_print ("  %s\n", g_strcmp0 (saturday, "1") == 0
                     ? _("Saturdays count as working days when a deadline is counted in "
                         "working days.")
                     : _("Saturdays do not count as working days (Monday–Friday only, "
                         "as Kela counts)."));
  return EXIT_OK;
}

static int
run_settings (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(KhDb) db = NULL;
  g_autoptr(KhUser) user = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
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
  context = new_context (_("ACTION [VALUE]"),
                         _("Shows and changes the unit’s settings. An administrator or the "
                           "lead social worker may change them."));
  g_option_context_set_description (context, description);
  if (!parse_options (context, &argc, &argv, &status))
    return status;

  if (argc < 2)
    return usage_error (context, _("Say what to do with the settings"));

  if (g_str_equal (argv[1], "show"))
    {
      if (argc != 2)
        return usage_error (context, _("settings show takes no arguments"));
      return settings_show ();
    }

  if (!g_str_equal (argv[1], SETTING_SATURDAY))
    {
      /* Translators: the first %s is what was typed, the second the name of the
       * one setting (kept in English: it is typed on the command line). */
      g_autofree char *message =
        g_strdup_printf (_("Unknown setting “%s”; the settings are: %s"), argv[1],
                         SETTING_SATURDAY);
      return usage_error (context, message);
    }
  if (argc != 3 || !parse_on_off (argv[2], &saturday))
    return usage_error (context, _("Say on or off: settings saturday-working on|off"));

  db = open_database (FALSE, NULL);
  if (db == NULL)
    return EXIT_FAILED;
  user = login_with_role (db, TRUE);
  if (user == NULL)
    return EXIT_FAILED;

  if (!kh_db_set_setting (db, user, KEY_SATURDAY, saturday ? "1" : "0", &error))
    {
      print_error (error->message);
      return EXIT_FAILED;
    }
  g_print ("%s\n", saturday
                   ? _("Saturdays now count as working days in new deadlines.")
                   : _("Saturdays no longer count as working days in new deadlines."));
  return EXIT_OK;
}

/* ---- demo ---- */

static char *opt_clients;
static char *opt_seed;
static gboolean opt_force;

static int
run_demo (int    argc,
          char **argv)
{
  const GOptionEntry entries[] = {
    { "clients", 'n', 0, G_OPTION_ARG_STRING, &opt_clients,
      N_("How many fictional people to add"), N_("N") },
    { "seed", 's', 0, G_OPTION_ARG_STRING, &opt_seed,
      N_("Seed of the random numbers (the same seed gives the same data on the same day)"),
      N_("S") },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &opt_force,
      N_("Add demo data even if the database already has people"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(KhDb) db = NULL;
  g_autoptr(KhUser) admin = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *summary_text = NULL;
  KhDemoSummary summary;
  guint64 n_clients = 0;
  guint64 seed = 1;
  int status = EXIT_OK;

  context = new_context (NULL,
                         _("Fills the database with fictional Finnish- and Swedish-speaking "
                           "people (identity codes only with the individual numbers 900–999), "
                           "their contacts over the last year and opened cases."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return usage_error (context, _("demo takes no arguments"));
  if (opt_clients == NULL)
    return usage_error (context, _("Say how many people with --clients N"));
  if (!parse_count (opt_clients, 1, 1000000, &n_clients))
    return usage_error (context, _("--clients must be a whole number from 1 to 1000000"));
  if (opt_seed != NULL && !parse_count (opt_seed, 0, G_MAXUINT32, &seed))
    return usage_error (context, _("--seed must be a whole number from 0 to 4294967295"));

  db = open_database (FALSE, &path);
  if (db == NULL)
    return EXIT_FAILED;
  admin = login_with_role (db, FALSE);
  if (admin == NULL)
    return EXIT_FAILED;

  if (!kh_admin_demo_run (db, admin, (guint) n_clients, (guint32) seed, opt_force,
                          NULL, &summary, &error))
    {
      print_error (error->message);
      return EXIT_FAILED;
    }

  summary_text = kh_admin_demo_format_summary (&summary);
  g_print ("%s\n", summary_text);
  return EXIT_OK;
}

/* ---- import-clients ---- */

static gboolean opt_dry_run;

static int
run_import (int    argc,
            char **argv)
{
  const GOptionEntry entries[] = {
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &opt_dry_run,
      N_("Only check the file; write nothing"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(KhDb) db = NULL;
  g_autoptr(KhUser) admin = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *header = kh_import_dup_header_line ();
  g_autofree char *description = NULL;
  g_autofree char *data = NULL;
  g_autofree char *summary_text = NULL;
  KhImportSummary summary;
  gsize length = 0;
  int status = EXIT_OK;

  /* Translators: %s is the header line of the file (kept in English). */
  description = g_strdup_printf (_("The file is UTF-8 CSV with this header row:\n  %s\n"
                                   "birth_date (YYYY-MM-DD) only where identity_code is empty; "
                                   "language is fi, sv or other (other:NAME names the "
                                   "language, e.g. other:arabia). All rows are imported or "
                                   "none: each bad row is reported as “line N: reason”."),
                                 header);
  context = new_context (_("FILE.csv"), _("Imports people from a CSV file."));
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return usage_error (context, _("Name one CSV file"));

  if (!g_file_get_contents (argv[1], &data, &length, &error))
    {
      print_error (error->message);
      return EXIT_FAILED;
    }

  /* A dry run opens the database read-only: it cannot write even by mistake.
   * It still has to exist and be up to date. */
  if (opt_dry_run)
    {
      g_autofree char *path = database_path ();

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        {
          /* Translators: %s is a file name. */
          g_autofree char *message =
            g_strdup_printf (_("There is no database at %s; create it with "
                               "“kohtaamo-admin init” first"), path);
          print_error (message);
          return EXIT_FAILED;
        }
    }
  db = open_database (opt_dry_run, NULL);
  if (db == NULL)
    return EXIT_FAILED;
  admin = login_with_role (db, FALSE);
  if (admin == NULL)
    return EXIT_FAILED;

  problems = g_ptr_array_new_with_free_func ((GDestroyNotify) kh_import_problem_free);
  if (!kh_admin_import_clients (db, admin, data, length, opt_dry_run, NULL,
                                problems, &summary, &error))
    {
      print_error (error->message);
      return EXIT_FAILED;
    }

  for (guint i = 0; i < problems->len; i++)
    {
      KhImportProblem *problem = g_ptr_array_index (problems, i);

      /* Translators: the report of a bad row: a line number, then the reason. */
      g_printerr (_("line %u: %s\n"), problem->line, problem->reason);
    }

  if (opt_dry_run && problems->len == 0)
    g_print ("%s\n", _("Dry run: every row is good; nothing was written."));
  else if (problems->len > 0)
    g_print ("%s\n", _("Nothing was imported: correct the rows above and run the import "
                       "again."));

  summary_text = kh_admin_import_format_summary (&summary);
  g_print ("%s\n", summary_text);

  return problems->len > 0 ? EXIT_FAILED : EXIT_OK;
}

/* ---- log ---- */

static gint64 opt_client;
static int opt_limit;

static int
run_log (int    argc,
         char **argv)
{
  const GOptionEntry entries[] = {
    { "client", 'c', 0, G_OPTION_ARG_INT64, &opt_client,
      N_("The person’s number in the database"), N_("ID") },
    { "limit", 'l', 0, G_OPTION_ARG_INT, &opt_limit,
      N_("Show at most this many rows, newest first (default: all)"), N_("N") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(KhDb) db = NULL;
  g_autoptr(KhUser) user = NULL;
  g_autoptr(GPtrArray) entries_read = NULL;
  g_autoptr(GError) error = NULL;
  int status = EXIT_OK;

  context = new_context (NULL,
                         _("Prints who has read a person’s data, when, what and on what "
                           "basis (the person’s right under the Client Data Act). For the "
                           "lead social worker and the administrator; reading the log is "
                           "itself logged."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return usage_error (context, _("log takes no arguments; give the person with --client"));
  if (opt_client <= 0)
    return usage_error (context, _("Give the person’s number with --client ID"));
  if (opt_limit < 0)
    return usage_error (context, _("--limit cannot be negative"));

  db = open_database (FALSE, NULL);
  if (db == NULL)
    return EXIT_FAILED;
  user = login_with_role (db, TRUE);
  if (user == NULL)
    return EXIT_FAILED;

  entries_read = kh_db_list_access_log (db, user, opt_client,
                                        opt_limit > 0 ? (guint) opt_limit : G_MAXUINT, &error);
  if (entries_read == NULL)
    {
      print_error (error->message);
      return EXIT_FAILED;
    }

  if (entries_read->len > 0)
    {
      KhAccessEntry *first = g_ptr_array_index (entries_read, 0);

      /* The name comes with the log rows: printing it reads nothing more. */
      if (first->client_name != NULL)
        /* Translators: %s is a person's name, "Mäkinen, Aino". */
        g_print (_("Access log of %s\n"), first->client_name);
    }

  for (guint i = 0; i < entries_read->len; i++)
    {
      KhAccessEntry *entry = g_ptr_array_index (entries_read, i);
      g_autofree char *when = g_date_time_format (entry->at, "%Y-%m-%d %H:%M:%S");

      const char *what = kh_access_what_label (entry->what);
      const char *basis = kh_access_basis_label (entry->basis);

      /* The store appends kinds of its own (reading the log itself). */
      if (entry->what == KH_ACCESS_ACCESS_LOG)
        what = _("The access log was read");
      g_print ("%s\t%s\t%s\t%s\n", when,
               entry->user_name != NULL ? entry->user_name : "",
               what != NULL ? what : "", basis != NULL ? basis : "");
    }
  if (entries_read->len == 0)
    g_print ("%s\n", _("Nothing has been logged about this person."));
  else
    g_print (ngettext ("%u row\n", "%u rows\n", entries_read->len), entries_read->len);

  return EXIT_OK;
}

/* ---- main ---- */

static const Command commands[] = {
  { "init", N_("Create or update the database; the first account becomes administrator"),
    run_init },
  { "users", N_("List, add, change and deactivate users"), run_users },
  { "services", N_("List and edit the directory of services"), run_services },
  { "calendar", N_("Print the weekdays of a year that are not working days; add and "
                   "remove the unit’s closed days"),
    run_calendar },
  { "settings", N_("Show and change the unit’s settings"), run_settings },
  { "demo", N_("Add fictional people, contacts and cases"), run_demo },
  { "import-clients", N_("Import people from a CSV file, all or none"),
    run_import },
  { "log", N_("Print the access log of a person"), run_log },
};

static gboolean opt_version;

/* The store tells the application's log what it did ("the first account is
 * now the administrator"); here each command says that itself, on stdout,
 * so the store's messages would only repeat it on stderr. Warnings stay. */
static void
drop_message (const char     *log_domain,
              GLogLevelFlags  log_level,
              const char     *message,
              gpointer        user_data)
{
}

static char *
commands_description (void)
{
  g_autoptr(GString) text = g_string_new (_("Commands:"));

  g_string_append_c (text, '\n');
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (text, "  %-16s %s\n", commands[i].name, _(commands[i].summary));
  g_string_append_printf (text, "\n%s\n",
                          _("Run “kohtaamo-admin COMMAND --help” to see what a command takes."));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

int
main (int   argc,
      char *argv[])
{
  const GOptionEntry main_entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, &opt_version, N_("Print the version"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  const char *localedir;

  localedir = g_getenv ("KOHTAAMO_LOCALEDIR");
  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("kohtaamo-admin");
  if (g_getenv ("G_MESSAGES_DEBUG") == NULL)
    g_log_set_handler ("kohtaamo-store", G_LOG_LEVEL_MESSAGE | G_LOG_LEVEL_INFO,
                       drop_message, NULL);

  description = commands_description ();
  context = g_option_context_new (_("COMMAND [OPTIONS…]"));
  g_option_context_set_summary (context, _("Sets up and maintains a Kohtaamo database."));
  g_option_context_set_description (context, description);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, global_entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, main_entries, GETTEXT_PACKAGE);
  /* Stop at the command: what follows is the command's to parse. */
  g_option_context_set_strict_posix (context, TRUE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);

  if (opt_version)
    {
      g_print ("kohtaamo-admin %s\n", PACKAGE_VERSION);
      return EXIT_OK;
    }

  if (argc < 2)
    return usage_error (context, _("Say which command to run"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      {
        /* The command sees itself as argv[0]: "kohtaamo-admin users". */
        g_autofree char *prgname = g_strdup_printf ("kohtaamo-admin %s", commands[i].name);
        g_auto(GStrv) sub_argv = g_new0 (char *, argc);
        int sub_argc = argc - 1;
        int status;

        sub_argv[0] = g_strdup (prgname);
        /* Help and error messages then name the command too. */
        g_set_prgname (prgname);
        for (int j = 2; j < argc; j++)
          sub_argv[j - 1] = g_strdup (argv[j]);

        {
          /* g_option_context_parse rearranges the array; keep our own to free. */
          g_autofree char **parse_argv = g_memdup2 (sub_argv, sizeof (char *) * argc);

          status = commands[i].run (sub_argc, parse_argv);
        }
        return status;
      }

  {
    /* Translators: %s is what was typed as the command. */
    g_autofree char *message = g_strdup_printf (_("Unknown command “%s”"), argv[1]);
    return usage_error (context, message);
  }
}
