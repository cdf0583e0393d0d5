/* kh-admin-settings.c — kohtaamo-admin settings unit-name: the unit's name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's header says which unit's database is open (issue 5, 2.7);
 * the name comes from the setting "unit_name". The unit's documents and
 * its scale and lists for plan reviews are here too; the rest of
 * `settings` is in kh-admin-calendar.c.
 */

#define G_LOG_DOMAIN "kohtaamo-admin"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "core/kh-plan-settings.h"
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

/* ---- the unit's scale and lists for plan reviews (issue 9, 4) ---- */

typedef struct {
  const char *name;      /* typed on the command line */
  const char *key;
} PlanSetting;

static const PlanSetting plan_settings[] = {
  { "plan-scale", KH_SETTING_PLAN_SCALE },
  { "plan-services", KH_SETTING_PLAN_SERVICES },
  { "plan-methods", KH_SETTING_PLAN_METHODS },
};

const char *
_kh_admin_plan_settings_help (void)
{
  return _("plan-scale FILE: the scale on which a client plan’s review rates goals, factors, services "
           "and methods: 2 to 10 steps from the lowest, one a line, each in Finnish and in Swedish as "
           "“Finnish|Swedish”. Unset, it is the default five steps from “no progress” to “achieved”. "
           "A review keeps the scale it was rated on.\n"
           "plan-services FILE, plan-methods FILE: the unit’s lists of services and of working methods "
           "that a review evaluates, one a line, at most 200 characters each.\n"
           "FILE “-” reads standard input; an empty file clears the setting. “settings show” lists them.");
}

static void
show_lines (const char *name,
            const char *value)
{
  g_auto(GStrv) lines = NULL;

  if (value == NULL || *value == '\0')
    {
      g_print ("%s\t%s\n", name, _("(not set)"));
      return;
    }
  g_print ("%s\n", name);
  lines = g_strsplit (value, "\n", -1);
  for (guint l = 0; lines[l] != NULL; l++)
    g_print ("  %s\n", lines[l]);
}

/* `settings show`: the scale (the default's steps when unset) and the
 * lists, each line as the setting has it. */
void
_kh_admin_show_plan_settings (KhDb *db)
{
  for (guint i = 0; i < G_N_ELEMENTS (plan_settings); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *value = kh_db_get_setting (db, plan_settings[i].key, &error);

      if (i == 0 && (value == NULL || *value == '\0'))
        {
          g_autoptr(KhPlanScale) standard = kh_plan_scale_new_default ();
          g_autofree char *steps = kh_plan_scale_to_setting (standard);

          g_print ("%s\t%s\n", plan_settings[i].name, _("(not set: the default)"));
          show_lines ("", steps);
          continue;
        }
      show_lines (plan_settings[i].name, value);
    }
}

gboolean
_kh_admin_is_plan_setting (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (plan_settings); i++)
    if (g_str_equal (name, plan_settings[i].name))
      return TRUE;
  return FALSE;
}

/* `settings plan-scale|plan-services|plan-methods FILE|-` */
int
_kh_admin_run_plan_setting (GOptionContext  *context,
                            int              argc,
                            char           **argv)
{
  g_autoptr(KhDb) db = NULL;
  g_autoptr(KhUser) user = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *clean = NULL;
  const char *key = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (plan_settings); i++)
    if (g_str_equal (argv[1], plan_settings[i].name))
      key = plan_settings[i].key;
  g_assert (key != NULL);
  if (argc != 3)
    {
      /* Translators: %s is the setting as typed, e.g. "plan-scale" */
      g_autofree char *message = g_strdup_printf (_("Give a file, or - for standard input: settings %s FILE"),
                                                  argv[1]);
      return _kh_admin_usage_error (context, message);
    }
  if (g_str_equal (argv[2], "-"))
    {
      GString *in = g_string_new (NULL);
      char buffer[4096];
      size_t n;

      /* At most a few kilobytes: the limits keep a setting small. */
      while ((n = fread (buffer, 1, sizeof buffer, stdin)) > 0 && in->len < 1024 * 1024)
        g_string_append_len (in, buffer, n);
      contents = g_string_free (in, FALSE);
    }
  else if (!g_file_get_contents (argv[2], &contents, NULL, &error))
    return _kh_admin_fail (error);
  if (!g_utf8_validate (contents, -1, NULL))
    return _kh_admin_usage_error (context, _("The file is not UTF-8 text"));
  /* Told before asking for a login: the store checks the same. */
  clean = kh_plan_setting_clean (key, contents, &error);
  if (clean == NULL)
    return _kh_admin_usage_error (context, error->message);

  if (!_kh_admin_open_and_login (FALSE, KH_ADMIN_NEEDS_ADMIN_OR_LEAD, &db, &user))
    return EXIT_FAILED;
  if (!kh_db_set_setting (db, user, key, clean, &error))
    return _kh_admin_fail (error);
  if (*clean == '\0')
    /* Translators: %s is the setting as typed, e.g. "plan-methods" */
    g_print (_("Cleared: %s\n"), argv[1]);
  else
    {
      guint lines = 1;

      for (const char *c = clean; *c != '\0'; c++)
        lines += *c == '\n';
      /* Translators: %s is the setting as typed, e.g. "plan-methods"; %u how many lines it has now */
      g_print (ngettext ("Saved: %s, %u line\n", "Saved: %s, %u lines\n", lines), argv[1], lines);
    }
  return EXIT_OK;
}
