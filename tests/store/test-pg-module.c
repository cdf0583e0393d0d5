/* test-pg-module.c — the application's PostgreSQL engine is a module
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built as the application is: the store without the PostgreSQL engine
 * linked in, its symbols exported (export_dynamic), so that opening a
 * server loads the module kohtaamo-pg (kh-db.c) from KOHTAAMO_MODULEDIR,
 * which meson points at the build tree. No server is needed: reaching the
 * engine's own "cannot connect" answer proves that the module loaded and
 * found every store function it uses (it is opened with symbols bound at
 * once).
 */
#include "config.h"

#include <glib/gstdio.h>

#include "store/kh-db.h"

/* No server listens in a folder that does not exist. */
#define NO_SERVER "host=/nonexistent/kohtaamo-test port=5 dbname=kohtaamo connect_timeout=2"

static void
test_loads (void)
{
  g_autoptr(GError) error = NULL;
  KhDb *db;

  g_assert_nonnull (g_getenv ("KOHTAAMO_MODULEDIR"));
  db = kh_db_open_full (NO_SERVER, 0, &error);
  g_assert_null (db);
  /* The engine's answer, not the loader's. */
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_UNAVAILABLE);
}

static void
test_missing (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *empty = g_dir_make_tmp ("kh-no-module-XXXXXX", NULL);

      g_setenv ("KOHTAAMO_MODULEDIR", empty, TRUE);
      g_assert_null (kh_db_open_full (NO_SERVER, 0, &error));
      g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_FAILED);
      g_assert_nonnull (strstr (error->message, "kohtaamo-pg"));
      /* A file on SQLite needs no module. */
      g_clear_error (&error);
      g_assert_false (kh_db_location_is_server ("/tmp/unit.db"));
      g_rmdir (empty);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/pg-module/loads", test_loads);
  g_test_add_func ("/store/pg-module/missing", test_missing);

  return g_test_run ();
}
