/* main.c — the entry point of the Kohtaamo window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kohtaamo"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "app/kh-application.h"
#include "app/kh-bench-hooks.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(KhApplication) app = NULL;
  const char *localedir;

  /* Taken first so that the benchmark hook measures as much of start-up as
   * it can see from inside the process. */
  kh_bench_hooks_mark_start ();

  /* Tools and tests run from the build tree, whose po/ holds the compiled
   * catalogues; an installed Kohtaamo uses LOCALEDIR. */
  localedir = g_getenv ("KOHTAAMO_LOCALEDIR");
  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = kh_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
