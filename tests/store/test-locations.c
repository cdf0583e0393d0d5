/* test-locations.c — which database settings name a server, and how a
 * server's location is shown (never with its password)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "store/kh-db.h"

static const struct {
  const char *location;
  gboolean    server;
} engine_cases[] = {
  { "/var/lib/kohtaamo/unit.db", FALSE },
  { "unit.db", FALSE },
  { "./a=b.db", FALSE },
  { "/tmp/x=y/unit.db", FALSE },
  { "postgresql://db.hyvinvointialue.example/kohtaamo", TRUE },
  { "postgres://localhost", TRUE },
  { "service=kohtaamo", TRUE },
  { "  host=/run/postgresql dbname=kohtaamo", TRUE },
  { "dbname = kohtaamo", TRUE },
  { "", FALSE },
};

static void
test_is_server (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (engine_cases); i++)
    {
      g_test_message ("%s", engine_cases[i].location);
      g_assert_cmpint (kh_db_location_is_server (engine_cases[i].location), ==,
                       engine_cases[i].server);
    }
}

static const struct {
  const char *conninfo;
  const char *shown;
} display_cases[] = {
  { "postgresql://kirsi:salasana@db.example:5433/kohtaamo?sslmode=verify-full",
    "host=db.example port=5433 dbname=kohtaamo user=kirsi" },
  { "postgresql://db.example/kohtaamo", "host=db.example dbname=kohtaamo" },
  { "postgres://%2Frun%2Fpostgresql/yksikk%C3%B6", "host=/run/postgresql dbname=yksikkö" },
  { "postgresql://[::1]:5432/kohtaamo", "host=::1 port=5432 dbname=kohtaamo" },
  { "postgresql://primary.example:5432,standby.example:5432/kohtaamo?target_session_attrs=read-write",
    "host=primary.example,standby.example port=5432,5432 dbname=kohtaamo" },
  { "postgresql://kirsi@/kohtaamo?host=/run/postgresql&password=salasana",
    "host=/run/postgresql dbname=kohtaamo user=kirsi" },
  { "host=/run/postgresql dbname=kohtaamo user=kirsi password=salasana",
    "host=/run/postgresql dbname=kohtaamo user=kirsi" },
  { "password='sala sana' dbname = 'yksikkö 2' sslpassword=x passfile=/home/k/.pgpass",
    "dbname=yksikkö 2" },
  { "dbname='it\\'s' user=a\\ b", "dbname=it's user=a b" },
  { "service=kohtaamo", "service=kohtaamo" },
  { "sslmode=require", "PostgreSQL" },
  { "dbname='unclosed", "PostgreSQL" },
  { "no equals sign", "PostgreSQL" },
  { "postgresql://kirsi:salasana@db.example/%ZZ", "PostgreSQL" },
};

static void
test_display (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (display_cases); i++)
    {
      g_autofree char *shown = kh_db_pg_display_location (display_cases[i].conninfo);

      g_test_message ("%s", display_cases[i].conninfo);
      g_assert_cmpstr (shown, ==, display_cases[i].shown);
      g_assert_null (strstr (shown, "salasana"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/locations/is-server", test_is_server);
  g_test_add_func ("/store/locations/display", test_display);

  return g_test_run ();
}
