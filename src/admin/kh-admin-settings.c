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

#include <glib/gi18n-lib.h>

#include "core/kh-text.h"
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
