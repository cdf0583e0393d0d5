/* test-plan-settings.c — the unit's scale and lists for client plan
 * reviews (issue 9, 4): what is stored, what is refused and why
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include <gio/gio.h>

#include "core/kh-plan-settings.h"

/* 200 characters: a line's limit. */
#define LONG_200 "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" \
                 "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"

typedef struct {
  const char *key;
  const char *value;
  const char *stored;     /* NULL: refused */
  const char *message;    /* a part of the refusal's message */
} Case;

static const Case cases[] = {
  /* The scale: 2–10 steps, "fi|sv" a line. */
  { KH_SETTING_PLAN_SCALE, "Ei|Nej\nKyllä|Ja", "Ei|Nej\nKyllä|Ja", NULL },
  { KH_SETTING_PLAN_SCALE, "\n  Huono  | Dålig \r\n\n  \nHyvä   tilanne|Bra\n\n", "Huono|Dålig\nHyvä tilanne|Bra", NULL },
  { KH_SETTING_PLAN_SCALE, "Vain yksi|Bara ett", NULL, "2 to 10 steps" },
  { KH_SETTING_PLAN_SCALE, "1|1\n2|2\n3|3\n4|4\n5|5\n6|6\n7|7\n8|8\n9|9\n10|10\n11|11", NULL, "2 to 10 steps" },
  { KH_SETTING_PLAN_SCALE, "1|1\n2|2\n3|3\n4|4\n5|5\n6|6\n7|7\n8|8\n9|9\n10|10",
    "1|1\n2|2\n3|3\n4|4\n5|5\n6|6\n7|7\n8|8\n9|9\n10|10", NULL },
  { KH_SETTING_PLAN_SCALE, "Ei|Nej\nKyllä", NULL, "Line 2 of the scale: write the step in Finnish and in Swedish" },
  { KH_SETTING_PLAN_SCALE, "Ei|Nej\nKyllä|", NULL, "Line 2 of the scale: write the step" },
  { KH_SETTING_PLAN_SCALE, "Ei|Nej\nKyllä|  ", NULL, "Line 2 of the scale: write the step" },
  { KH_SETTING_PLAN_SCALE, "Ei|Nej|Non\nKyllä|Ja", NULL, "Line 1 of the scale: write the step" },
  { KH_SETTING_PLAN_SCALE, "Ei|Nej\nKyllä|" LONG_200 "x", NULL, "Line 2 of the scale: the text is too long (201 characters; at most 200)" },
  { KH_SETTING_PLAN_SCALE, "Ei|Nej\nKyl\tlä|Ja", NULL, "Line 2 of the scale:" },
  { KH_SETTING_PLAN_SCALE, "Ei|Nej\nKyl\u200blä|Ja", NULL, "Line 2 of the scale:" },
  { KH_SETTING_PLAN_SCALE, "", "", NULL },
  { KH_SETTING_PLAN_SCALE, " \n \n", "", NULL },
  /* The lists: one entry a line. */
  { KH_SETTING_PLAN_SERVICES, "Sosiaaliohjaus\n\n  Tuettu   asuminen \r\nPäihdepalvelut\n",
    "Sosiaaliohjaus\nTuettu asuminen\nPäihdepalvelut", NULL },
  { KH_SETTING_PLAN_SERVICES, "", "", NULL },
  { KH_SETTING_PLAN_SERVICES, "Sosiaaliohjaus\n" LONG_200 "x", NULL, "Line 2: the text is too long (201 characters; at most 200)" },
  { KH_SETTING_PLAN_SERVICES, "Sosiaaliohjaus\n" LONG_200, "Sosiaaliohjaus\n" LONG_200, NULL },
  { KH_SETTING_PLAN_METHODS, "Motivoiva haastattelu\nVerkostokartta\n\nMotivoiva haastattelu", NULL,
    "Line 4: “Motivoiva haastattelu” is on the list already." },
  { KH_SETTING_PLAN_METHODS, "Motivoiva\u202ehaastattelu", NULL, "Line 1:" },
  { KH_SETTING_PLAN_METHODS, "Ratkaisukeskeinen työ", "Ratkaisukeskeinen työ", NULL },
};

static void
test_clean (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *stored = kh_plan_setting_clean (cases[i].key, cases[i].value, &error);

      g_test_message ("case %u: %s", i, cases[i].value);
      if (cases[i].stored == NULL)
        {
          g_assert_null (stored);
          g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
          g_assert_nonnull (strstr (error->message, cases[i].message));
          continue;
        }
      g_assert_no_error (error);
      g_assert_cmpstr (stored, ==, cases[i].stored);
      /* What is stored is stored again as it is. */
      {
        g_autofree char *again = kh_plan_setting_clean (cases[i].key, stored, &error);

        g_assert_no_error (error);
        g_assert_cmpstr (again, ==, stored);
      }
    }
}

static void
test_list_too_many (void)
{
  g_autoptr(GString) list = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *refused = NULL;

  for (int i = 1; i <= 100; i++)
    g_string_append_printf (list, "Menetelmä %d\n", i);
  stored = kh_plan_setting_clean (KH_SETTING_PLAN_METHODS, list->str, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (stored, "Menetelmä 99\nMenetelmä 100"));
  g_string_append (list, "Menetelmä 101");
  refused = kh_plan_setting_clean (KH_SETTING_PLAN_METHODS, list->str, &error);
  g_assert_null (refused);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_cmpstr (error->message, ==, "A list has at most 100 entries.");
}

static void
test_keys (void)
{
  g_assert_true (kh_plan_setting_is_plan_key ("plan_scale"));
  g_assert_true (kh_plan_setting_is_plan_key ("plan_services"));
  g_assert_true (kh_plan_setting_is_plan_key ("plan_methods"));
  g_assert_false (kh_plan_setting_is_plan_key ("plan_scales"));
  g_assert_false (kh_plan_setting_is_plan_key ("unit_name"));
  g_assert_false (kh_plan_setting_is_plan_key (NULL));
}

static void
test_read (void)
{
  g_autoptr(KhPlanScale) unset = kh_plan_scale_from_setting (NULL);
  g_autoptr(KhPlanScale) empty = kh_plan_scale_from_setting ("");
  g_autoptr(KhPlanScale) broken = kh_plan_scale_from_setting ("Vain yksi|Bara ett");
  g_autoptr(KhPlanScale) four = kh_plan_scale_from_setting ("Ei|Nej\nVähän|Lite\nPaljon|Mycket\nTäysin|Helt");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) none = kh_plan_list_parse (NULL, &error);
  g_auto(GStrv) two = kh_plan_list_parse ("Sosiaaliohjaus\n\nTuettu asuminen", &error);
  g_auto(GStrv) bad = NULL;
  g_autofree char *joined = NULL;

  /* Unset or not a scale: the default five steps. */
  g_assert_cmpint (unset->steps, ==, 5);
  g_assert_cmpint (empty->steps, ==, 5);
  g_assert_cmpint (broken->steps, ==, 5);
  g_assert_cmpstr (kh_plan_scale_label (broken, 5, "fi"), ==, "Saavutettu");
  g_assert_cmpint (four->steps, ==, 4);
  g_assert_cmpstr (kh_plan_scale_label (four, 2, "fi"), ==, "Vähän");
  g_assert_cmpstr (kh_plan_scale_label (four, 4, "sv"), ==, "Helt");

  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (none), ==, 0);
  g_assert_cmpuint (g_strv_length (two), ==, 2);
  g_assert_cmpstr (two[0], ==, "Sosiaaliohjaus");
  g_assert_cmpstr (two[1], ==, "Tuettu asuminen");
  bad = kh_plan_list_parse ("A\nA", &error);
  g_assert_null (bad);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);

  joined = kh_plan_list_to_setting ((const char * const *) two);
  g_assert_cmpstr (joined, ==, "Sosiaaliohjaus\nTuettu asuminen");
  g_clear_pointer (&joined, g_free);
  joined = kh_plan_list_to_setting (NULL);
  g_assert_cmpstr (joined, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  /* The messages are asserted in English. */
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/plan-settings/clean", test_clean);
  g_test_add_func ("/core/plan-settings/list-too-many", test_list_too_many);
  g_test_add_func ("/core/plan-settings/keys", test_keys);
  g_test_add_func ("/core/plan-settings/read", test_read);

  return g_test_run ();
}
