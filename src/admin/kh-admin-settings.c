/* kh-admin-settings.c — kohtaamo-admin settings unit-name: the unit's name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's header says which unit's database is open (issue 5, 2.7);
 * the name comes from the setting "unit_name". The rest of `settings` is in
 * kh-admin-calendar.c.
 */

#define G_LOG_DOMAIN "kohtaamo-admin"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "core/kh-text.h"
#include "core/kh-unit-profile.h"
#include "store/kh-db.h"

#include "kh-admin-private.h"

/* Keep in sync with 0009-access-log-filters.sql, which refuses the same. */
#define UNIT_NAME_MAX 120

const char *
_kh_admin_unit_name_help (void)
{
  return _("unit-name NAME: the unit’s name, shown in the window’s header bar with the "
           "database, so that everyone sees which unit’s data is open (at most 120 "
           "characters).");
}

/* `settings show`: the unit's name, or that it is not set. */
void
_kh_admin_show_unit_name (KhDb *db)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = kh_db_get_setting (db, KH_SETTING_UNIT_NAME, &error);

  /* The key is typed back as it is shown, so it stays in English. */
  if (name != NULL)
    g_print ("unit-name\t%s\n", name);
  else
    g_print ("unit-name\t%s\n", _("(not set)"));
}

/* `settings unit-name NAME` */
int
_kh_admin_set_unit_name (GOptionContext  *context,
                         int              argc,
                         char           **argv)
{
  g_autoptr(KhDb) db = NULL;
  g_autoptr(KhUser) user = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  if (argc != 3)
    return _kh_admin_usage_error (context, _("Give the unit’s name: settings unit-name NAME "
                                             "(in quotes if it has spaces)"));
  name = kh_text_clean (argv[2]);
  if (name == NULL)
    return _kh_admin_usage_error (context, _("The unit’s name cannot be empty"));
  if (g_utf8_strlen (name, -1) > UNIT_NAME_MAX)
    return _kh_admin_usage_error (context, _("The unit’s name can be at most 120 characters"));

  if (!_kh_admin_open_and_login (FALSE, KH_ADMIN_NEEDS_ADMIN_OR_LEAD, &db, &user))
    return EXIT_FAILED;
  if (!kh_db_set_setting (db, user, KH_SETTING_UNIT_NAME, name, &error))
    return _kh_admin_fail (error);
  /* Translators: %s is the unit's name, e.g. "Aikuissosiaalityö, Itä" */
  g_print (_("The unit’s name is now “%s”.\n"), name);
  return EXIT_OK;
}

/* ---- the unit's documents (issue 8; core/kh-unit-profile.h) ---- */

const char *
_kh_admin_document_help (void)
{
  return _("document: the letterhead, rectification authority, logo and decision makers that "
           "letters and decisions print, as Preferences → Documents shows them. "
           "“settings document” lists them; “settings document FIELD VALUE” sets one "
           "(FIELD as listed, e.g. authority_name_sv; \"\" clears it); "
           "“settings document logo FILE.png” stores a logo.");
}

/* `settings document`: every key and its value; the logo by its size. */
static int
show_documents (void)
{
  g_autoptr(KhDb) db = _kh_admin_open_existing_read_only ();
  const char * const *keys = kh_unit_profile_setting_keys ();

  if (db == NULL)
    return EXIT_FAILED;
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *value = kh_db_get_setting (db, keys[i], &error);
      const char *field = keys[i] + strlen (KH_SETTING_DOCUMENT_PREFIX);

      if (error != NULL)
        return _kh_admin_fail (error);
      if (value == NULL || *value == '\0')
        g_print ("%s\t%s\n", field, _("(not set)"));
      else if (g_str_equal (keys[i], KH_SETTING_DOCUMENT_LOGO))
        /* Translators: shown for the stored logo instead of its base64 text */
        g_print ("%s\t%s\n", field, _("(a PNG image)"));
      else if (g_str_equal (keys[i], KH_SETTING_DOCUMENT_DECISION_MAKERS))
        {
          g_auto(GStrv) lines = g_strsplit (value, "\n", -1);

          g_print ("%s\n", field);
          for (guint l = 0; lines[l] != NULL; l++)
            g_print ("  %s\n", lines[l]);
        }
      else
        g_print ("%s\t%s\n", field, value);
    }
  return EXIT_OK;
}

/* `settings document [FIELD VALUE | logo FILE.png]` */
int
_kh_admin_run_document_setting (GOptionContext  *context,
                                int              argc,
                                char           **argv)
{
  g_autoptr(KhDb) db = NULL;
  g_autoptr(KhUser) user = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  g_autofree char *value = NULL;
  g_autofree char *message = NULL;
  g_autofree char *clean = NULL;

  if (argc == 2)
    return show_documents ();
  if (argc != 4)
    return _kh_admin_usage_error (context, _("Give a field and its value: settings document FIELD VALUE"));
  if (g_str_equal (argv[2], "logo"))
    {
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (!g_file_get_contents (argv[3], &contents, &length, &error))
        return _kh_admin_fail (error);
      key = g_strdup (KH_SETTING_DOCUMENT_LOGO);
      value = g_base64_encode ((const guchar *) contents, length);
    }
  else
    {
      key = g_strconcat (KH_SETTING_DOCUMENT_PREFIX, argv[2], NULL);
      value = g_strdup (argv[3]);
    }
  /* Told before asking for a login: the store checks the same. */
  clean = kh_unit_profile_clean_setting (key, value, &message);
  if (clean == NULL)
    return _kh_admin_usage_error (context, message);

  if (!_kh_admin_open_and_login (FALSE, KH_ADMIN_NEEDS_ADMIN_OR_LEAD, &db, &user))
    return EXIT_FAILED;
  if (!kh_db_set_setting (db, user, key, clean, &error))
    return _kh_admin_fail (error);
  /* Translators: %s is a field of the unit's documents, e.g. "authority_name_sv" */
  g_print (_("Saved: %s\n"), argv[2]);
  return EXIT_OK;
}
