/* admin-test-util.c — temporary databases and running kohtaamo-admin
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>

#include "admin-test-util.h"

char *
admin_test_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("kohtaamo-admin-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
admin_test_remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  if (handle == NULL)
    return;
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        admin_test_remove_dir (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

char *
admin_test_write_file (const char *dir,
                       const char *name,
                       const char *text)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return path;
}

KhDb *
admin_test_open (const char  *path,
                 KhUser     **out_user)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhDb) db = kh_db_open (path, &error);
  g_autoptr(KhUser) user = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (db);

  user = kh_db_login (db, g_get_user_name (), NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (user);

  if (out_user != NULL)
    *out_user = g_steal_pointer (&user);
  return g_steal_pointer (&db);
}

int
admin_test_run (const char          *dir,
                const char          *database,
                const char * const  *args,
                char               **out_stdout,
                char               **out_stderr)
{
  const char *admin = g_getenv ("KOHTAAMO_ADMIN");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *data_home = g_build_filename (dir, "data-home", NULL);
  int wait_status = 0;

  g_assert_nonnull (admin);

  g_ptr_array_add (argv, (char *) admin);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_setenv (envp, "XDG_DATA_HOME", data_home, TRUE);
  if (database != NULL)
    envp = g_environ_setenv (envp, "KOHTAAMO_DATABASE", database, TRUE);
  else
    envp = g_environ_unsetenv (envp, "KOHTAAMO_DATABASE");

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &out, &err, &wait_status, &error);
  g_assert_no_error (error);

  g_debug ("kohtaamo-admin %s\n-- stdout:\n%s-- stderr:\n%s",
           args[0] != NULL ? args[0] : "", out, err);

  if (out_stdout != NULL)
    *out_stdout = g_steal_pointer (&out);
  if (out_stderr != NULL)
    *out_stderr = g_steal_pointer (&err);

  if (!g_spawn_check_wait_status (wait_status, &error))
    {
      if (error->domain == G_SPAWN_EXIT_ERROR)
        return error->code;
      g_error ("kohtaamo-admin did not exit: %s", error->message);
    }
  return 0;
}

char *
admin_test_last_line (const char *text)
{
  g_auto(GStrv) lines = NULL;
  guint n;

  g_assert_nonnull (text);
  lines = g_strsplit (text, "\n", -1);
  n = g_strv_length (lines);
  /* The text ends with a line break, so the last element is "". */
  while (n > 0 && *lines[n - 1] == '\0')
    n--;
  return n > 0 ? g_strdup (lines[n - 1]) : g_strdup ("");
}
