/* kh-plan-settings.c — the unit's scale and lists for client plan reviews
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * See kh-plan-settings.h. Every line is checked as a typed field is
 * (kh_text_check_field: no control, invisible or direction-changing
 * character, within its length) and stored as kh_text_clean() leaves it,
 * so that what the server accepts (0035-plan-review-settings.sql: trimmed
 * lines, no forbidden character, within the limits) is what is stored.
 */
#define G_LOG_DOMAIN "kohtaamo-core"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "kh-plan-settings.h"
#include "kh-text.h"

gboolean
kh_plan_setting_is_plan_key (const char *key)
{
  return g_strcmp0 (key, KH_SETTING_PLAN_SCALE) == 0
         || g_strcmp0 (key, KH_SETTING_PLAN_SERVICES) == 0
         || g_strcmp0 (key, KH_SETTING_PLAN_METHODS) == 0;
}

/* One part of a line, checked and cleaned; NULL with `error` set when it
 * is empty or not a clean line. */
static char *
clean_part (const char  *label,
            const char  *text,
            guint        max_chars,
            GError     **error)
{
  char *clean;

  if (!kh_text_check_field (label, text, KH_TEXT_LINE, max_chars, error))
    return NULL;
  clean = kh_text_clean (text);
  if (clean == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                 /* Translators: %s names the line, e.g. "Line 3 of the scale" */
                 _("%s: it is empty."), label);
  return clean;
}

static void
to_invalid_data (GError **error)
{
  /* One domain for the callers, whatever check failed. */
  if (error != NULL && *error != NULL && (*error)->domain != G_IO_ERROR)
    {
      (*error)->domain = G_IO_ERROR;
      (*error)->code = G_IO_ERROR_INVALID_DATA;
    }
}

static char *
clean_scale (const char  *value,
             GError     **error)
{
  g_auto(GStrv) lines = g_strsplit (value, "\n", -1);
  g_autoptr(GString) out = g_string_new (NULL);
  guint steps = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      /* Translators: %u is a line's number in the scale */
      g_autofree char *label = g_strdup_printf (_("Line %u of the scale"), i + 1);
      g_autofree char *fi = NULL;
      g_autofree char *sv = NULL;
      g_auto(GStrv) pair = NULL;

      if (!kh_text_filled (lines[i]))
        continue;
      pair = g_strsplit (lines[i], "|", -1);
      if (g_strv_length (pair) != 2 || !kh_text_filled (pair[0]) || !kh_text_filled (pair[1]))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       /* Translators: %u is a line's number; "Finnish|Swedish" shows the form */
                       _("Line %u of the scale: write the step in Finnish and in Swedish, as “Finnish|Swedish”."),
                       i + 1);
          return NULL;
        }
      /* \r of a file written elsewhere is white space, not a control. */
      g_strdelimit (pair[1], "\r", ' ');
      fi = clean_part (label, pair[0], KH_PLAN_SHORT_TEXT_MAX, error);
      sv = fi != NULL ? clean_part (label, pair[1], KH_PLAN_SHORT_TEXT_MAX, error) : NULL;
      if (sv == NULL)
        {
          to_invalid_data (error);
          return NULL;
        }
      g_string_append_printf (out, "%s%s|%s", out->len > 0 ? "\n" : "", fi, sv);
      steps++;
    }
  if (steps < KH_PLAN_SCALE_MIN_STEPS || steps > KH_PLAN_SCALE_MAX_STEPS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   /* Translators: %d and %d are the fewest and the most steps */
                   _("A scale has %d to %d steps, one a line."), KH_PLAN_SCALE_MIN_STEPS, KH_PLAN_SCALE_MAX_STEPS);
      return NULL;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The entries of a list, cleaned; NULL with `error` set. */
static GPtrArray *
clean_list (const char  *value,
            GError     **error)
{
  g_auto(GStrv) lines = g_strsplit (value != NULL ? value : "", "\n", -1);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      /* Translators: %u is a line's number in a list of services or methods */
      g_autofree char *label = g_strdup_printf (_("Line %u"), i + 1);
      char *item;

      if (!kh_text_filled (lines[i]))
        continue;
      g_strdelimit (lines[i], "\r", ' ');
      item = clean_part (label, lines[i], KH_PLAN_LIST_ITEM_MAX, error);
      if (item == NULL)
        {
          to_invalid_data (error);
          return NULL;
        }
      for (guint j = 0; j < items->len; j++)
        if (g_str_equal (g_ptr_array_index (items, j), item))
          {
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                         /* Translators: %u is a line's number, %s what it says */
                         _("Line %u: “%s” is on the list already."), i + 1, item);
            g_free (item);
            return NULL;
          }
      g_ptr_array_add (items, item);
      if (items->len > KH_PLAN_LIST_MAX_ITEMS)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       /* Translators: %d is the most entries a list may have */
                       _("A list has at most %d entries."), KH_PLAN_LIST_MAX_ITEMS);
          return NULL;
        }
    }
  return g_steal_pointer (&items);
}

/**
 * kh_plan_setting_clean:
 * @key: KH_SETTING_PLAN_SCALE, _SERVICES or _METHODS
 * @value: as typed or given; "" (or only blank lines) unsets
 *
 * Returns: (transfer full): the value to store, or %NULL with @error set
 */
char *
kh_plan_setting_clean (const char  *key,
                       const char  *value,
                       GError     **error)
{
  g_return_val_if_fail (kh_plan_setting_is_plan_key (key), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (value == NULL || !kh_text_filled (value))
    return g_strdup ("");
  if (g_str_equal (key, KH_SETTING_PLAN_SCALE))
    return clean_scale (value, error);
  else
    {
      g_autoptr(GPtrArray) items = clean_list (value, error);

      if (items == NULL)
        return NULL;
      g_ptr_array_add (items, NULL);
      return kh_plan_list_to_setting ((const char * const *) items->pdata);
    }
}

KhPlanScale *
kh_plan_scale_from_setting (const char *setting)
{
  KhPlanScale *scale = NULL;

  if (kh_text_filled (setting))
    scale = kh_plan_scale_parse (setting, NULL);
  return scale != NULL ? scale : kh_plan_scale_new_default ();
}

char **
kh_plan_list_parse (const char  *setting,
                    GError     **error)
{
  g_autoptr(GPtrArray) items = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  items = clean_list (setting, error);
  if (items == NULL)
    return NULL;
  g_ptr_array_add (items, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&items), FALSE);
}

char *
kh_plan_list_to_setting (const char * const *items)
{
  return items != NULL ? g_strjoinv ("\n", (char **) items) : g_strdup ("");
}
