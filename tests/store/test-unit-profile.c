/* test-unit-profile.c — the unit's document settings in the store: who may
 * change them, what the store and the schema refuse, reading them back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include "core/kh-unit-profile.h"

#include "store-test-util.h"

#define PNG_16X16_BASE64 "iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAAAAAA6mKC9AAAAD0lEQVR4nGNoQAMMI1sAAAUMgAFaSOXNAAAAAElFTkSuQmCC"

static void
set_ok (KhDb       *db,
        KhUser     *user,
        const char *key,
        const char *value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (kh_db_set_setting (db, user, key, value, &error));
  g_assert_no_error (error);
}

/* The administrator and the lead social worker write; the profile reads
 * back as written, cleaned. */
static void
test_write_and_read (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(KhUser) lead = fixture_add_user (f, "johtava", "Johtava Sosiaalityöntekijä", KH_ROLE_LEAD);
  g_autoptr(KhUnitProfile) empty = NULL;
  g_autoptr(KhUnitProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;
  KhLetterhead fi, sv;
  KhRectificationAuthority authority;
  const KhDecisionMaker *maker;

  empty = kh_db_get_unit_profile (f->db, &error);
  g_assert_no_error (error);
  g_assert_null (empty->text[0][KH_UNIT_PROFILE_ORGANISATION]);
  g_assert_cmpuint (empty->decision_makers->len, ==, 0);
  g_assert_null (empty->logo);

  set_ok (f->db, f->admin, "document_organisation_fi", "  Hyvinvointialue   Esimerkki ");
  set_ok (f->db, f->admin, "document_organisation_sv", "Välfärdsområdet Exempel");
  set_ok (f->db, f->admin, "document_postal_code_town_sv", "00101 Exempel");
  set_ok (f->db, f->admin, "document_phone_fi", "09 123 4567");
  set_ok (f->db, f->admin, "document_logo_png", PNG_16X16_BASE64);
  set_ok (fixture_db (f, lead), lead, "document_authority_name_sv", "Sektionen för individuella ärenden");
  set_ok (fixture_db (f, lead), lead, KH_SETTING_DOCUMENT_DECISION_MAKERS,
          "1\tSanna Sosiaali\tjohtava sosiaalityöntekijä\tledande socialarbetare\t\t\t1\n"
          "2\tOlli Ohjaaja\tsosiaalityöntekijä\tsocialarbetare\t040 123 4567\tolli.ohjaaja@esimerkki.fi\t0");

  stored = kh_db_get_setting (f->db, "document_organisation_fi", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored, ==, "Hyvinvointialue Esimerkki");

  profile = kh_db_get_unit_profile (fixture_db (f, lead), &error);
  g_assert_no_error (error);
  kh_unit_profile_get_letterhead (profile, KH_LANGUAGE_FI, &fi);
  kh_unit_profile_get_letterhead (profile, KH_LANGUAGE_SV, &sv);
  kh_unit_profile_get_authority (profile, KH_LANGUAGE_SV, &authority);
  g_assert_cmpstr (fi.organisation, ==, "Hyvinvointialue Esimerkki");
  g_assert_cmpstr (sv.organisation, ==, "Välfärdsområdet Exempel");
  g_assert_cmpstr (sv.postal_code_town, ==, "00101 Exempel");
  g_assert_cmpstr (sv.phone, ==, "09 123 4567");
  g_assert_cmpstr (authority.name, ==, "Sektionen för individuella ärenden");
  g_assert_cmpuint (g_bytes_get_size (profile->logo), ==, 72);
  g_assert_cmpuint (profile->decision_makers->len, ==, 2);
  maker = kh_unit_profile_find_decision_maker (profile, 2);
  g_assert_cmpstr (maker->email, ==, "olli.ohjaaja@esimerkki.fi");
  g_assert_false (maker->active);

  /* "" unsets. */
  set_ok (f->db, f->admin, "document_logo_png", "");
  g_clear_pointer (&profile, kh_unit_profile_free);
  profile = kh_db_get_unit_profile (f->db, &error);
  g_assert_no_error (error);
  g_assert_null (profile->logo);
}

/* Only the roles that change the unit's settings; the others are refused
 * by the store (and on a server by its grants). */
static void
test_roles (Fixture       *f,
            gconstpointer  data)
{
  static const KhRole refused[] = { KH_ROLE_RECEPTION, KH_ROLE_COUNSELLOR, KH_ROLE_SOCIAL_WORKER };
  static const char * const accounts[] = { "vastaanotto", "ohjaaja", "sosiaalityontekija" };
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(KhUser) user = fixture_add_user (f, accounts[i], accounts[i], refused[i]);
      g_autoptr(KhUnitProfile) profile = NULL;

      g_assert_false (kh_db_set_setting (fixture_db (f, user), user, "document_organisation_fi",
                                         "Hyvinvointialue Väärä", &error));
      g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
      g_clear_error (&error);
      /* Everyone reads: a letter needs its letterhead. */
      profile = kh_db_get_unit_profile (fixture_db (f, user), &error);
      g_assert_no_error (error);
      g_assert_nonnull (profile);
    }
  value = kh_db_get_setting (f->db, "document_organisation_fi", &error);
  g_assert_no_error (error);
  g_assert_null (value);
}

/* The store checks the values whoever calls: nothing is written. */
static void
test_store_refuses (Fixture       *f,
                    gconstpointer  data)
{
  static const struct { const char *key; const char *value; const char *message; } rows[] = {
    { "document_organisation_fi", "Hyvinvointi\nalue", "Organisation: " },
    { "document_postal_code_town_fi", "Esimerkki", "Postal code and town: " },
    { "document_authority_email_sv", "registratur", "E-mail: " },
    { "document_organisation_en", "X", "“document_organisation_en” is not a setting" },
    { "document_logo_png", "R0lGODlhAQABAAAAACw=", "The logo is not a PNG image." },
    { KH_SETTING_DOCUMENT_DECISION_MAKERS, "1\tNimetön\t\t\t\t\t1", "Decision makers, line 1: " },
  };
  g_autoptr(GError) error = NULL;

  set_ok (f->db, f->admin, "document_organisation_fi", "Hyvinvointialue Esimerkki");
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *value = NULL;

      g_test_message ("%s", rows[i].key);
      g_assert_false (kh_db_set_setting (f->db, f->admin, rows[i].key, rows[i].value, &error));
      g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, rows[i].message));
      g_clear_error (&error);
      value = kh_db_get_setting (f->db, rows[i].key, &error);
      g_assert_no_error (error);
      if (g_str_equal (rows[i].key, "document_organisation_fi"))
        g_assert_cmpstr (value, ==, "Hyvinvointialue Esimerkki");
      else
        g_assert_null (value);
    }
}

/* Another program writing the database: the schema (on a server, the
 * server) refuses what the store would. */
static void
test_schema_refuses (Fixture       *f,
                     gconstpointer  data)
{
  RawDb *raw = raw_connect (f);

  g_assert_true (raw_refuses (raw, "INSERT INTO settings (key, value) VALUES ('document_letterhead', 'x')"));
  g_assert_true (raw_refuses (raw, "INSERT INTO settings (key, value) VALUES ('document_unit_fi', "
                                   "'Aikuissosiaalityö Aikuissosiaalityö Aikuissosiaalityö Aikuissosiaalityö "
                                   "Aikuissosiaalityö Aikuissosiaalityö Aikuissosiaalityö')"));
  g_assert_true (raw_refuses (raw, "INSERT INTO settings (key, value) VALUES ('document_unit_fi', ' Aikuis')"));
  g_assert_true (raw_refuses (raw, "INSERT INTO settings (key, value) VALUES ('document_logo_png', 'R0lGODlhAQABAAAAACw=')"));
  raw_run (raw, "INSERT INTO settings (key, value) VALUES ('document_unit_fi', 'Aikuissosiaalityö')");
  g_assert_true (raw_refuses (raw, raw->pg != NULL
                              ? "UPDATE settings SET value = 'Aikuis' || chr (10) || 'sosiaalityö' "
                                "WHERE key = 'document_unit_fi'"
                              : "UPDATE settings SET value = 'Aikuis' || char (10) || 'sosiaalityö' "
                                "WHERE key = 'document_unit_fi'"));
  raw_run (raw, "UPDATE settings SET value = '' WHERE key = 'document_unit_fi'");
  raw_close (raw);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/unit-profile/write-and-read", test_write_and_read);
  ADD ("/store/unit-profile/roles", test_roles);
  ADD ("/store/unit-profile/store-refuses", test_store_refuses);
  ADD ("/store/unit-profile/schema-refuses", test_schema_refuses);

  return g_test_run ();
}
