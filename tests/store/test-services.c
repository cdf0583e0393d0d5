/* test-services.c — the directory as the unit's stakeholder map: the seed,
 * the rules, the social emergency service and the migration of old entries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include "core/kh-service-check.h"

#include "store-test-util.h"

static KhService *
find_by_name (GPtrArray  *services,
              const char *name_fi)
{
  for (guint i = 0; i < services->len; i++)
    {
      KhService *service = g_ptr_array_index (services, i);

      if (g_strcmp0 (service->name_fi, name_fi) == 0)
        return service;
    }
  return NULL;
}

/* ---- the seed ---- */

typedef struct
{
  const char    *name_fi;
  const char    *name_sv;
  KhLifeArea     area;
  KhServiceKind  kind;
  guint          languages;
  const char    *phone;
  guint          flags;
  gboolean       active;
} SeedRow;

static const SeedRow seed[] = {
  { "Kela", "FPA", KH_LIFE_AREA_FINANCES, KH_SERVICE_KIND_AUTHORITY, 7, NULL, 0, TRUE },
  { "Työllisyyspalvelut (TE-palvelut)", "Sysselsättningstjänster (TE-tjänster)",
    KH_LIFE_AREA_WORK, KH_SERVICE_KIND_AUTHORITY, 3, NULL, 0, FALSE },
  { "Kunnan työllisyyspalvelut", "Kommunens sysselsättningstjänster",
    KH_LIFE_AREA_WORK, KH_SERVICE_KIND_MUNICIPALITY, 0, NULL, 0, TRUE },
  { "Terveysasema", "Hälsostation", KH_LIFE_AREA_HEALTH_SAFETY, KH_SERVICE_KIND_COUNTY, 0, NULL, 0, TRUE },
  { "Mielenterveys- ja päihdepalvelut", "Mentalvårds- och missbrukarvårdstjänster",
    KH_LIFE_AREA_HEALTH_SAFETY, KH_SERVICE_KIND_COUNTY, 0, NULL, 0, TRUE },
  { "A-klinikka", "A-kliniken", KH_LIFE_AREA_HEALTH_SAFETY, KH_SERVICE_KIND_COMPANY, 0, NULL, 0, TRUE },
  { "Peliklinikka", "Spelkliniken", KH_LIFE_AREA_HEALTH_SAFETY, KH_SERVICE_KIND_COUNTY, 0, NULL, 0, TRUE },
  { "Talous- ja velkaneuvonta", "Ekonomi- och skuldrådgivning",
    KH_LIFE_AREA_FINANCES, KH_SERVICE_KIND_AUTHORITY, 3, NULL, 0, TRUE },
  { "Ulosottolaitos", "Utsökningsverket", KH_LIFE_AREA_FINANCES, KH_SERVICE_KIND_AUTHORITY, 3, NULL, 0, TRUE },
  { "Yleinen edunvalvonta", "Allmän intressebevakning",
    KH_LIFE_AREA_FINANCES, KH_SERVICE_KIND_AUTHORITY, 3, NULL, 0, TRUE },
  { "Oikeusaputoimisto", "Rättshjälpsbyrå", KH_LIFE_AREA_EVERYDAY_LIFE, KH_SERVICE_KIND_AUTHORITY, 3, NULL, 0, TRUE },
  { "Asumisneuvonta", "Boenderådgivning", KH_LIFE_AREA_HOUSING, KH_SERVICE_KIND_MUNICIPALITY, 0, NULL, 0, TRUE },
  { "Asuntotoimisto", "Bostadsbyrån", KH_LIFE_AREA_HOUSING, KH_SERVICE_KIND_MUNICIPALITY, 0, NULL, 0, TRUE },
  { "Vuokranantajat", "Hyresvärdar", KH_LIFE_AREA_HOUSING, KH_SERVICE_KIND_COMPANY, 0, NULL, 0, TRUE },
  { "Poliisi", "Polisen", KH_LIFE_AREA_HEALTH_SAFETY, KH_SERVICE_KIND_AUTHORITY, 3, NULL, 0, TRUE },
  { "Rikosseuraamuslaitos", "Brottspåföljdsmyndigheten",
    KH_LIFE_AREA_PARTICIPATION, KH_SERVICE_KIND_AUTHORITY, 3, NULL, 0, TRUE },
  { "Kotoutumispalvelut", "Integrationstjänster",
    KH_LIFE_AREA_PARTICIPATION, KH_SERVICE_KIND_MUNICIPALITY, 0, NULL, 0, TRUE },
  { "Kriisikeskus", "Kriscentret", KH_LIFE_AREA_HEALTH_SAFETY, KH_SERVICE_KIND_NGO, 0, NULL, 0, TRUE },
  { "Kriisipuhelin (MIELI Suomen Mielenterveys ry)", "Kristelefonen (MIELI Psykisk Hälsa Finland rf)",
    KH_LIFE_AREA_HEALTH_SAFETY, KH_SERVICE_KIND_NGO, 3, "09 2525 0111", 0, TRUE },
  { "Vammaispalvelut", "Funktionshinderservice", KH_LIFE_AREA_WORK, KH_SERVICE_KIND_COUNTY, 0, NULL, 0, TRUE },
  { "Seurakunnan diakoniatyö", "Församlingens diakoniarbete",
    KH_LIFE_AREA_EVERYDAY_LIFE, KH_SERVICE_KIND_PARISH, 0, NULL, 0, TRUE },
  { "Ruoka-apu", "Mathjälp", KH_LIFE_AREA_FINANCES, KH_SERVICE_KIND_NGO, 0, NULL, 0, TRUE },
  { "Sininauhaliitto", "Sininauhaliitto", KH_LIFE_AREA_HOUSING, KH_SERVICE_KIND_NGO, 0, NULL, 0, TRUE },
  { "Järjestöt", "Organisationer", KH_LIFE_AREA_PARTICIPATION, KH_SERVICE_KIND_NGO, 0, NULL, 0, TRUE },
  { "Tulkkipalvelu", "Tolktjänst", KH_LIFE_AREA_PARTICIPATION, KH_SERVICE_KIND_OTHER, 0, NULL, 0, TRUE },
  { "Ohjaamo", "Navigatorn", KH_LIFE_AREA_SKILLS, KH_SERVICE_KIND_MUNICIPALITY, 0, NULL, 0, TRUE },
  { "Nollalinja", "Nollinjen", KH_LIFE_AREA_HEALTH_SAFETY, KH_SERVICE_KIND_NGO, 7, "080 005 005",
    KH_SERVICE_FLAG_AROUND_THE_CLOCK, TRUE },
  { "Päivystysapu 116117", "Jourhjälpen 116117", KH_LIFE_AREA_HEALTH_SAFETY, KH_SERVICE_KIND_COUNTY, 3,
    "116 117", KH_SERVICE_FLAG_AROUND_THE_CLOCK, TRUE },
  { "Sosiaalipäivystys", "Socialjour", KH_LIFE_AREA_HEALTH_SAFETY, KH_SERVICE_KIND_COUNTY, 0, NULL,
    KH_SERVICE_FLAG_SOCIAL_EMERGENCY | KH_SERVICE_FLAG_AROUND_THE_CLOCK, TRUE },
};

static void
test_seed (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = kh_db_list_services (f->db, TRUE, &error);
  g_autoptr(GPtrArray) active = kh_db_list_services (f->db, FALSE, &error);
  guint areas_seen = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 32);
  g_assert_cmpuint (active->len, ==, 31);

  for (guint i = 0; i < G_N_ELEMENTS (seed); i++)
    {
      KhService *service = find_by_name (all, seed[i].name_fi);

      g_test_message ("%s", seed[i].name_fi);
      g_assert_nonnull (service);
      g_assert_cmpstr (service->name_sv, ==, seed[i].name_sv);
      g_assert_cmpint (service->area, ==, seed[i].area);
      g_assert_cmpint (service->kind, ==, seed[i].kind);
      g_assert_cmpuint (service->languages, ==, seed[i].languages);
      g_assert_cmpstr (service->phone, ==, seed[i].phone);
      g_assert_cmpuint (service->flags, ==, seed[i].flags);
      g_assert_cmpint (service->active, ==, seed[i].active);
    }

  /* Every life area has someone on the map; none is "not placed". */
  for (guint i = 0; i < active->len; i++)
    {
      KhService *service = g_ptr_array_index (active, i);

      g_assert_cmpint (service->area, !=, KH_LIFE_AREA_OTHER);
      areas_seen |= 1u << service->area;
      /* Listed by area: the map's order. */
      if (i > 0)
        g_assert_cmpint (((KhService *) g_ptr_array_index (active, i - 1))->area, <=, service->area);
    }
  for (KhLifeArea area = KH_LIFE_AREA_WORK; area <= KH_LIFE_AREA_HEALTH_SAFETY; area++)
    g_assert_true (areas_seen & (1u << area));
}

/* ---- the social emergency service, by its flag ---- */

static void
test_social_emergency_by_flag (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhService) found = NULL;
  g_autoptr(KhService) renamed = NULL;
  g_autoptr(KhService) other = kh_service_new ();
  g_autoptr(KhService) again = NULL;
  g_autoptr(KhService) none = NULL;

  found = kh_db_find_social_emergency_service (f->db, &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_cmpstr (found->name_fi, ==, "Sosiaalipäivystys");

  /* A unit names it its own way: still found, by the flag. */
  g_free (found->name_fi);
  found->name_fi = g_strdup ("Länsi-Uudenmaan sosiaali- ja kriisipäivystys");
  g_free (found->name_sv);
  found->name_sv = g_strdup ("Västra Nylands social- och krisjour");
  g_assert_cmpint (kh_db_save_service (f->db, f->admin, found, &error), ==, found->id);
  g_assert_no_error (error);
  renamed = kh_db_find_social_emergency_service (f->db, &error);
  g_assert_cmpint (renamed->id, ==, found->id);
  g_assert_cmpstr (renamed->name_sv, ==, "Västra Nylands social- och krisjour");

  /* A second entry with "päivystys" in its name is not the service. */
  other->name_fi = g_strdup ("Hammaslääkäripäivystys");
  other->name_sv = g_strdup ("Tandläkarjour");
  other->area = KH_LIFE_AREA_HEALTH_SAFETY;
  other->kind = KH_SERVICE_KIND_COUNTY;
  other->id = kh_db_save_service (f->db, f->admin, other, &error);
  g_assert_no_error (error);
  g_assert_cmpint (other->id, >, 0);
  again = kh_db_find_social_emergency_service (f->db, &error);
  g_assert_cmpint (again->id, ==, found->id);

  /* Only one active entry carries the mark, and the message says which. */
  other->flags = KH_SERVICE_FLAG_SOCIAL_EMERGENCY;
  g_assert_cmpint (kh_db_save_service (f->db, f->admin, other, &error), ==, 0);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Länsi-Uudenmaan sosiaali- ja kriisipäivystys"));
  g_clear_error (&error);

  /* Deactivated, it is no longer found: urgent help then names none. */
  found->active = FALSE;
  g_assert_cmpint (kh_db_save_service (f->db, f->admin, found, &error), ==, found->id);
  none = kh_db_find_social_emergency_service (f->db, &error);
  g_assert_no_error (error);
  g_assert_null (none);
  /* … and the mark may move to another entry. */
  g_assert_cmpint (kh_db_save_service (f->db, f->admin, other, &error), ==, other->id);
  g_assert_no_error (error);
}

/* ---- the rules at the store, with the field ---- */

typedef struct
{
  const char *rule;
  void (*spoil) (KhService *service);
  const char *message_start;
} BadService;

static void spoil_name_fi (KhService *s) { g_free (s->name_fi); s->name_fi = g_strdup ("   "); }
static void spoil_name_sv (KhService *s) { g_clear_pointer (&s->name_sv, g_free); }
static void spoil_long_name (KhService *s) { g_free (s->name_fi); s->name_fi = g_strnfill (201, 'a'); }
static void spoil_area (KhService *s) { s->area = 9; }
static void spoil_kind (KhService *s) { s->kind = 0; }
static void spoil_languages (KhService *s) { s->languages = 8; }
static void spoil_phone (KhService *s) { s->phone = g_strdup ("puhelin 12"); }
static void spoil_email (KhService *s) { s->email = g_strdup ("neuvonta at example.fi"); }
static void spoil_url (KhService *s) { s->url = g_strdup ("www.example.fi"); }
static void spoil_notes (KhService *s) { s->notes = g_strnfill (1001, 'x'); }
static void spoil_flags (KhService *s) { s->flags = 4; }
static void spoil_same_name (KhService *s) { g_free (s->name_sv); s->name_sv = g_strdup ("fpa"); }

static const BadService bad_services[] = {
  { "Finnish name", spoil_name_fi, "Name in Finnish: enter" },
  { "Swedish name", spoil_name_sv, "Name in Swedish: enter" },
  { "name at most 200 characters", spoil_long_name, "Name in Finnish: shorten it to 200" },
  { "area in range", spoil_area, "Life area:" },
  { "kind in range", spoil_kind, "Kind:" },
  { "languages fi, sv, en", spoil_languages, "Languages:" },
  { "phone is digits", spoil_phone, "Phone:" },
  { "e-mail is an address", spoil_email, "E-mail:" },
  { "web address is whole", spoil_url, "Web address:" },
  { "notes at most 1000", spoil_notes, "Opening hours and notes: shorten it to 1000" },
  { "known flags", spoil_flags, "Marks:" },
  { "no second Kela", spoil_same_name, "Name in Swedish: the directory already has “Kela / FPA”" },
};

static void
test_rules (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(KhUser) reception = NULL;
  g_autoptr(KhService) good = kh_service_new ();
  g_autoptr(GError) error = NULL;
  gint64 services_before = count (f, "SELECT count(*) FROM services");
  gint64 id;

  for (guint i = 0; i < G_N_ELEMENTS (bad_services); i++)
    {
      g_autoptr(KhService) service = kh_service_new ();

      service->name_fi = g_strdup ("Nuorten talo");
      service->name_sv = g_strdup ("Ungdomshuset");
      service->area = KH_LIFE_AREA_PARTICIPATION;
      service->kind = KH_SERVICE_KIND_MUNICIPALITY;
      bad_services[i].spoil (service);
      g_assert_cmpint (kh_db_save_service (f->db, f->admin, service, &error), ==, 0);
      g_test_message ("%s: %s", bad_services[i].rule, error->message);
      g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, bad_services[i].message_start));
      g_clear_error (&error);
    }
  g_assert_cmpint (count (f, "SELECT count(*) FROM services"), ==, services_before);

  /* Cleaned and saved with every field. */
  good->name_fi = g_strdup ("  Nuorten   talo ");
  good->name_sv = g_strdup ("Ungdomshuset");
  good->area = KH_LIFE_AREA_PARTICIPATION;
  good->kind = KH_SERVICE_KIND_MUNICIPALITY;
  good->languages = KH_SERVICE_LANGUAGE_FI | KH_SERVICE_LANGUAGE_SV;
  good->other_languages = g_strdup ("ru, ar");
  good->phone = g_strdup ("(09) 123 4567");
  good->email = g_strdup ("nuortentalo@example.fi");
  good->address = g_strdup ("Esimerkkikatu 1, 00100 Helsinki");
  good->url = g_strdup ("https://example.fi/nuorille");
  good->notes = g_strdup ("ma–pe 12–18");
  id = kh_db_save_service (f->db, f->admin, good, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM services WHERE name_fi = 'Nuorten talo' "
                             "AND area = 5 AND kind = 3 AND languages = 3 AND other_languages = 'ru, ar' "
                             "AND email = 'nuortentalo@example.fi' AND notes = 'ma–pe 12–18' "
                             "AND flags = 0"), ==, 1);
  g_assert_cmpint (id, >, 0);

  /* Only the lead social worker and the administrator change the map. */
  reception = kh_db_save_user (f->db, f->admin, "vastaanotto", NULL, KH_ROLE_RECEPTION, TRUE, &error);
  g_assert_no_error (error);
  g_free (good->phone);
  good->phone = g_strdup ("112");
  g_assert_cmpint (kh_db_save_service (f->db, reception, good, &error), ==, 0);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
}

/* ---- below the client: the schema refuses what the rules refuse ---- */

static const struct {
  const char *rule;
  const char *sql;
} bad_rows[] = {
  { "area 1–8", "INSERT INTO services (name_fi, name_sv, area) VALUES ('a', 'b', 9)" },
  { "area not 0", "INSERT INTO services (name_fi, name_sv, area) VALUES ('a', 'b', 0)" },
  { "kind 1–7", "INSERT INTO services (name_fi, name_sv, kind) VALUES ('a', 'b', 8)" },
  { "languages fi, sv, en", "INSERT INTO services (name_fi, name_sv, languages) VALUES ('a', 'b', 8)" },
  { "flags known", "INSERT INTO services (name_fi, name_sv, flags) VALUES ('a', 'b', 4)" },
  { "e-mail shape", "INSERT INTO services (name_fi, name_sv, email) VALUES ('a', 'b', 'a at b')" },
  { "e-mail no space", "INSERT INTO services (name_fi, name_sv, email) VALUES ('a', 'b', 'a b@c.fi')" },
  { "notes not empty", "INSERT INTO services (name_fi, name_sv, notes) VALUES ('a', 'b', '  ')" },
  { "notes at most 1000",
    "INSERT INTO services (name_fi, name_sv, notes) VALUES ('a', 'b', printf ('%.1001c', 'x'))" },
  { "name at most 200",
    "INSERT INTO services (name_fi, name_sv) VALUES (printf ('%.201c', 'x'), 'b')" },
  { "phone digits", "INSERT INTO services (name_fi, name_sv, phone) VALUES ('a', 'b', '09 abc')" },
  { "web address http(s)", "INSERT INTO services (name_fi, name_sv, url) VALUES ('a', 'b', 'ftp://x.fi')" },
  { "updates too", "UPDATE services SET url = 'www.kela.fi' WHERE name_fi = 'Kela'" },
  { "one social emergency service",
    "INSERT INTO services (name_fi, name_sv, flags) VALUES ('a', 'b', 1)" },
};

static void
test_schema_refuses (Fixture       *f,
                     gconstpointer  data)
{
  sqlite3 *raw = raw_open (f->path);

  /* What the rules allow gets in. */
  g_assert_cmpint (sqlite3_exec (raw,
                                 "INSERT INTO services (name_fi, name_sv, area, kind, languages, "
                                 "  phone, email, url, flags) "
                                 "VALUES ('a', 'b', 7, 5, 7, '+358 (9) 1-2', 'a@b.fi', "
                                 "  'HTTPS://b.fi', 2)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (bad_rows); i++)
    {
      int rc = sqlite3_exec (raw, bad_rows[i].sql, NULL, NULL, NULL);

      g_test_message ("%s: %s", bad_rows[i].rule, sqlite3_errmsg (raw));
      if (rc == SQLITE_OK)
        g_error ("the rule “%s” let the row in", bad_rows[i].rule);
      g_assert_cmpint (rc & 0xff, ==, SQLITE_CONSTRAINT);
    }
  sqlite3_close (raw);
}

/* ---- old databases: the unit's own entries are kept ---- */

static int
migration_number (void)
{
  g_autoptr(GDir) dir = g_dir_open (SOURCE_SQLDIR, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, "-service-map.sql"))
      return atoi (name);
  g_assert_not_reached ();
}

/* A database as part 1 of issue 5 left it (version 6, before the map):
 * every later migration runs on it when it is opened. */
static void
make_database_before_map (const char *path)
{
  int before = 6;
  sqlite3 *raw = NULL;

  g_assert_cmpint (before, <, migration_number ());

  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  for (int v = 1; v <= before; v++)
    {
      g_autofree char *pattern = g_strdup_printf ("%04d-", v);
      g_autoptr(GDir) dir = g_dir_open (SOURCE_SQLDIR, 0, NULL);
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", v);
      const char *name;

      while ((name = g_dir_read_name (dir)) != NULL)
        if (g_str_has_prefix (name, pattern) && g_str_has_suffix (name, ".sql"))
          {
            g_autofree char *file = g_build_filename (SOURCE_SQLDIR, name, NULL);
            g_autofree char *sql = NULL;

            g_assert_true (g_file_get_contents (file, &sql, NULL, NULL));
            g_assert_cmpint (sqlite3_exec (raw, sql, NULL, NULL, NULL), ==, SQLITE_OK);
          }
      g_assert_cmpint (sqlite3_exec (raw, set_version, NULL, NULL, NULL), ==, SQLITE_OK);
    }
  /* The unit's own entry, a seeded one it renamed, and a contact directed
   * to each; its own "Poliisi" is not added twice. */
  g_assert_cmpint (sqlite3_exec (raw,
                                 "INSERT INTO users (id, account, role, created_at) VALUES (1, 'vanha', 5, 0);"
                                 "INSERT INTO services (id, name_fi, name_sv, phone) "
                                 "  VALUES (100, 'Nuorisoasema', 'Ungdomsstationen', '09 123 456');"
                                 "INSERT INTO services (id, name_fi, name_sv) "
                                 "  VALUES (101, 'Poliisi', 'Polisen');"
                                 "UPDATE services SET name_fi = 'Sosiaali- ja kriisipäivystys' "
                                 "  WHERE name_fi = 'Sosiaalipäivystys';"
                                 "INSERT INTO contacts (received_at, channel, contactor, language, outcome, "
                                 "  service_id, anonymous, created_by, created_at) "
                                 "VALUES (0, 2, 5, 1, 2, 100, 1, 1, 0);"
                                 "INSERT INTO contacts (received_at, channel, contactor, language, outcome, "
                                 "  service_id, anonymous, created_by, created_at) "
                                 "VALUES (0, 2, 5, 1, 2, 2, 1, 1, 0);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);
}

static void
test_old_entries_kept (void)
{
  g_autofree char *dir = g_dir_make_tmp ("kohtaamo-store-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "kohtaamo.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KhDb) db = NULL;
  g_autoptr(KhService) emergency = NULL;
  sqlite3 *raw;

  make_database_before_map (path);
  db = kh_db_open (path, &error);
  g_assert_no_error (error);
  g_clear_pointer (&db, kh_db_close);

  raw = raw_open (path);
  /* Its own entry: kept, honestly not placed and not recorded. */
  g_assert_cmpint (raw_count (raw, "SELECT count(*) FROM services WHERE id = 100 "
                                   "AND name_fi = 'Nuorisoasema' AND phone = '09 123 456' "
                                   "AND area = 8 AND kind = 7 AND languages = 0 AND flags = 0 "
                                   "AND active = 1"), ==, 1);
  g_assert_cmpint (raw_count (raw, "SELECT count(*) FROM services WHERE name_fi = 'Poliisi'"), ==, 1);
  g_assert_cmpint (raw_count (raw, "SELECT count(*) FROM services WHERE id = 101 AND area = 8"), ==, 1);
  /* The TE services ended on 1.1.2025: kept for the contacts, inactive. */
  g_assert_cmpint (raw_count (raw, "SELECT count(*) FROM services WHERE id = 2 AND active = 0"), ==, 1);
  /* The contacts keep the entries they were directed to. */
  g_assert_cmpint (raw_count (raw, "SELECT count(*) FROM contacts WHERE service_id = 100"), ==, 1);
  g_assert_cmpint (raw_count (raw, "SELECT count(*) FROM contacts WHERE service_id = 2"), ==, 1);
  /* A renamed social emergency service is not guessed from its name. */
  g_assert_cmpint (raw_count (raw, "SELECT count(*) FROM services WHERE flags & 1 = 1"), ==, 0);
  sqlite3_close (raw);

  db = kh_db_open (path, &error);
  emergency = kh_db_find_social_emergency_service (db, &error);
  g_assert_no_error (error);
  g_assert_null (emergency);
  g_clear_pointer (&db, kh_db_close);
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/services/seed", test_seed);
  ADD ("/store/services/social-emergency-by-flag", test_social_emergency_by_flag);
  ADD ("/store/services/rules", test_rules);
  /* These look inside the SQLite file (the server's own rules are tested
   * as its roles, tests/pg). */
  if (!pg_test_engine ())
    {
      ADD ("/store/services/schema-refuses", test_schema_refuses);
      g_test_add_func ("/store/services/old-entries-kept", test_old_entries_kept);
    }

  return g_test_run ();
}
