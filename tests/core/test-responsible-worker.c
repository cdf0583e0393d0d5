/* test-responsible-worker.c — naming a responsible worker (Social Welfare
 * Act 42 §): who names, who may be named, and when nobody is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include "core/kh-responsible-worker.h"

#define R KH_ROLE_RECEPTION
#define C KH_ROLE_COUNSELLOR
#define S KH_ROLE_SOCIAL_WORKER
#define L KH_ROLE_LEAD
#define A KH_ROLE_ADMIN

static const struct {
  const char      *name;
  KhRole           namer;
  gint64           worker_id;
  KhRole           worker_role;
  gboolean         active;
  const char      *reason;
  gboolean         special_support;
  KhNamingProblem  expected;
} cases[] = {
  { "a counsellor names a counsellor", C, 7, C, TRUE, NULL, FALSE, KH_NAMING_OK },
  { "a social worker names themselves", S, 7, S, TRUE, NULL, FALSE, KH_NAMING_OK },
  { "the lead names a social worker", L, 7, S, TRUE, NULL, FALSE, KH_NAMING_OK },
  { "the lead may be named", S, 7, L, TRUE, NULL, FALSE, KH_NAMING_OK },
  { "reception may not name", R, 7, S, TRUE, NULL, FALSE, KH_NAMING_NAMER_NOT_PROFESSIONAL },
  { "the administrator may not name", A, 7, S, TRUE, NULL, FALSE, KH_NAMING_NAMER_NOT_PROFESSIONAL },
  { "reception may not be named", S, 7, R, TRUE, NULL, FALSE, KH_NAMING_WORKER_NOT_PROFESSIONAL },
  { "the administrator may not be named", S, 7, A, TRUE, NULL, FALSE, KH_NAMING_WORKER_NOT_PROFESSIONAL },
  { "a deactivated worker", S, 7, S, FALSE, NULL, FALSE, KH_NAMING_WORKER_INACTIVE },
  /* 42 § 3 mom: special support needs a social worker. */
  { "special support, a counsellor", S, 7, C, TRUE, NULL, TRUE, KH_NAMING_NEEDS_SOCIAL_WORKER },
  { "special support, a social worker", C, 7, S, TRUE, NULL, TRUE, KH_NAMING_OK },
  { "special support, the lead", C, 7, L, TRUE, NULL, TRUE, KH_NAMING_OK },
  /* 42 § 1 mom: nobody only with the reason why. */
  { "nobody, with a reason", S, 0, 0, FALSE, "Asiakkaalla on omatyöntekijä vammaispalveluissa.", FALSE, KH_NAMING_OK },
  { "nobody, special support, with a reason", C, 0, 0, FALSE, "Kertaluonteinen neuvonta.", TRUE, KH_NAMING_OK },
  { "nobody, no reason", S, 0, 0, FALSE, NULL, FALSE, KH_NAMING_REASON_MISSING },
  { "nobody, a blank reason", S, 0, 0, FALSE, "  \n\t ", FALSE, KH_NAMING_REASON_MISSING },
  { "nobody, named by reception", R, 0, 0, FALSE, "Ei tarvetta.", FALSE, KH_NAMING_NAMER_NOT_PROFESSIONAL },
  { "a worker and a reason", S, 7, S, TRUE, "Ei tarvetta.", FALSE, KH_NAMING_REASON_WITH_WORKER },
};

static void
test_cases (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      KhNaming naming = {
        .namer_role = cases[i].namer,
        .worker_id = cases[i].worker_id,
        .worker_role = cases[i].worker_role,
        .worker_active = cases[i].active,
        .reason = cases[i].reason,
        .special_support = cases[i].special_support,
      };
      KhNamingProblem got = kh_naming_check (&naming);

      if (got != cases[i].expected)
        g_error ("%s: got %d, expected %d", cases[i].name, got, cases[i].expected);
      if (got == KH_NAMING_OK)
        g_assert_null (kh_naming_problem_message (got));
      else
        g_assert_nonnull (kh_naming_problem_message (got));
    }
}

/* The reason's limit is 1 000 characters, counted as letters, not bytes. */
static void
test_reason_length (void)
{
  g_autoptr(GString) reason = g_string_new (NULL);
  KhNaming naming = { .namer_role = S };

  for (guint i = 0; i < 1000; i++)
    g_string_append (reason, "ä");
  naming.reason = reason->str;
  g_assert_cmpint (kh_naming_check (&naming), ==, KH_NAMING_OK);
  g_string_append (reason, "ö");
  naming.reason = reason->str;
  g_assert_cmpint (kh_naming_check (&naming), ==, KH_NAMING_REASON_TOO_LONG);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/responsible-worker/cases", test_cases);
  g_test_add_func ("/core/responsible-worker/reason-length", test_reason_length);
  return g_test_run ();
}
