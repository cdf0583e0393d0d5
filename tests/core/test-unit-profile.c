/* test-unit-profile.c — the unit's letterhead, rectification authority, logo
 * and decision makers, and their settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "core/kh-unit-profile.h"

/* 16 × 16 grey, made with Python's zlib. */
static const guint8 png_16x16[] = {
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
  0x00, 0x00, 0x00, 0x10, 0x00, 0x00, 0x00, 0x10, 0x08, 0x00, 0x00, 0x00, 0x00, 0x3a, 0x98, 0xa0,
  0xbd, 0x00, 0x00, 0x00, 0x0f, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x68, 0x40, 0x03, 0x0c,
  0x23, 0x5b, 0x00, 0x00, 0x05, 0x0c, 0x80, 0x01, 0x5a, 0x48, 0xe5, 0xcd, 0x00, 0x00, 0x00, 0x00,
  0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
};
#define PNG_16X16_BASE64 "iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAAAAAA6mKC9AAAAD0lEQVR4nGNoQAMMI1sAAAUMgAFaSOXNAAAAAElFTkSuQmCC"

static const guint8 png_8x16[] = {
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
  0x00, 0x00, 0x00, 0x08, 0x00, 0x00, 0x00, 0x10, 0x08, 0x00, 0x00, 0x00, 0x00, 0x0e, 0xe1, 0x61,
  0xa1, 0x00, 0x00, 0x00, 0x0f, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x68, 0x80, 0x02, 0x86,
  0xc1, 0xc1, 0x00, 0x00, 0x01, 0x9e, 0x40, 0x01, 0xd7, 0x1a, 0x0f, 0xbb, 0x00, 0x00, 0x00, 0x00,
  0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
};

static const guint8 png_4000x20[] = {
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
  0x00, 0x00, 0x0f, 0xa0, 0x00, 0x00, 0x00, 0x14, 0x08, 0x00, 0x00, 0x00, 0x00, 0xbc, 0x07, 0x9d,
  0x54, 0x00, 0x00, 0x00, 0x01, 0x49, 0x44, 0x41, 0x54, 0x78, 0x76, 0xe6, 0x84, 0xe6, 0x00, 0x00,
  0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
};

static void
test_keys (void)
{
  const char * const *keys = kh_unit_profile_setting_keys ();
  g_autofree char *key = kh_unit_profile_setting_key (KH_UNIT_PROFILE_AUTHORITY_OPENING_HOURS,
                                                      KH_LANGUAGE_SV);

  g_assert_cmpstr (key, ==, "document_authority_opening_hours_sv");
  g_assert_cmpuint (g_strv_length ((char **) keys), ==, 28);
  g_assert_cmpstr (keys[0], ==, "document_organisation_fi");
  g_assert_cmpstr (keys[12], ==, "document_authority_opening_hours_fi");
  g_assert_cmpstr (keys[13], ==, "document_organisation_sv");
  g_assert_cmpstr (keys[26], ==, "document_decision_makers");
  g_assert_cmpstr (keys[27], ==, "document_logo_png");
}

static void
test_clean_field (void)
{
  static const struct {
    KhUnitProfileField field;
    const char *text;
    const char *clean;     /* NULL: refused */
    const char *message;   /* the refusal's start */
  } rows[] = {
    { KH_UNIT_PROFILE_ORGANISATION, "  Hyvinvointialue   Esimerkki ", "Hyvinvointialue Esimerkki", NULL },
    { KH_UNIT_PROFILE_ORGANISATION, NULL, "", NULL },
    { KH_UNIT_PROFILE_ORGANISATION, "   ", "", NULL },
    { KH_UNIT_PROFILE_ORGANISATION, "Hyvinvointi\nalue", NULL, "Organisation: " },
    { KH_UNIT_PROFILE_ORGANISATION, "Hyvin\u200Bvointialue", NULL, "Organisation: " },
    { KH_UNIT_PROFILE_UNIT,
      "Aikuissosiaalityö Aikuissosiaalityö Aikuissosiaalityö Aikuissosiaalityö Aikuissosiaalityö "
      "Aikuissosiaalityö Aikuissosiaalityö", NULL, "Unit: the text is too long (125 characters; at most 120)." },
    { KH_UNIT_PROFILE_POSTAL_CODE_TOWN, "00101 Helsinki", "00101 Helsinki", NULL },
    { KH_UNIT_PROFILE_POSTAL_CODE_TOWN, "00101  HELSINGFORS", "00101 HELSINGFORS", NULL },
    { KH_UNIT_PROFILE_POSTAL_CODE_TOWN, "0010 Helsinki", NULL, "Postal code and town: the five-digit postal code" },
    { KH_UNIT_PROFILE_POSTAL_CODE_TOWN, "Helsinki 00101", NULL, "Postal code and town: " },
    { KH_UNIT_PROFILE_POSTAL_CODE_TOWN, "00101", NULL, "Postal code and town: " },
    { KH_UNIT_PROFILE_PHONE, "09 123 4567", "09 123 4567", NULL },
    { KH_UNIT_PROFILE_PHONE, "+358 (9) 123-4567", "+358 (9) 123-4567", NULL },
    { KH_UNIT_PROFILE_PHONE, "vaihde 09 123", NULL, "Phone: use digits" },
    { KH_UNIT_PROFILE_EMAIL, "kirjaamo@esimerkki.fi", "kirjaamo@esimerkki.fi", NULL },
    { KH_UNIT_PROFILE_AUTHORITY_EMAIL, "kirjaamo@esimerkki", NULL, "E-mail: write the whole address" },
    { KH_UNIT_PROFILE_WEB, "www.esimerkki.fi", "www.esimerkki.fi", NULL },
    { KH_UNIT_PROFILE_WEB, "https://esimerkki.fi/aikuissosiaalityo", "https://esimerkki.fi/aikuissosiaalityo", NULL },
    { KH_UNIT_PROFILE_WEB, "ftp://esimerkki.fi", NULL, "Web address: " },
    { KH_UNIT_PROFILE_WEB, "esimerkki", NULL, "Web address: " },
    { KH_UNIT_PROFILE_WEB, "info@esimerkki.fi", NULL, "Web address: " },
    { KH_UNIT_PROFILE_AUTHORITY_OPENING_HOURS, "ma–pe klo 8–16", "ma–pe klo 8–16", NULL },
    { KH_UNIT_PROFILE_AUTHORITY_NAME, "Sektionen för individuella ärenden", "Sektionen för individuella ärenden", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *message = NULL;
      g_autofree char *clean = kh_unit_profile_clean_field (rows[i].field, rows[i].text, &message);

      g_test_message ("row %u: %s", i, rows[i].text);
      g_assert_cmpstr (clean, ==, rows[i].clean);
      if (rows[i].message == NULL)
        g_assert_null (message);
      else
        {
          g_assert_nonnull (message);
          g_assert_true (g_str_has_prefix (message, rows[i].message));
        }
    }
}

static KhUnitProfile *
make_profile (void)
{
  KhUnitProfile *profile = kh_unit_profile_new ();
  KhDecisionMaker *maker = kh_decision_maker_new ();

  profile->text[0][KH_UNIT_PROFILE_ORGANISATION] = g_strdup ("Hyvinvointialue Esimerkki");
  profile->text[0][KH_UNIT_PROFILE_UNIT] = g_strdup ("Aikuissosiaalityö");
  profile->text[0][KH_UNIT_PROFILE_POSTAL_ADDRESS] = g_strdup ("PL 100");
  profile->text[0][KH_UNIT_PROFILE_POSTAL_CODE_TOWN] = g_strdup ("00101 Esimerkki");
  profile->text[0][KH_UNIT_PROFILE_PHONE] = g_strdup ("09 123 4567");
  profile->text[0][KH_UNIT_PROFILE_WEB] = g_strdup ("www.esimerkki.fi");
  profile->text[1][KH_UNIT_PROFILE_ORGANISATION] = g_strdup ("Välfärdsområdet Exempel");
  profile->text[1][KH_UNIT_PROFILE_POSTAL_ADDRESS] = g_strdup ("PB 100");
  profile->text[1][KH_UNIT_PROFILE_POSTAL_CODE_TOWN] = g_strdup ("00101 Exempel");
  profile->text[0][KH_UNIT_PROFILE_AUTHORITY_NAME] = g_strdup ("Yksilöasioiden jaosto");
  profile->text[0][KH_UNIT_PROFILE_AUTHORITY_POSTAL_ADDRESS] = g_strdup ("PL 100");
  profile->text[0][KH_UNIT_PROFILE_AUTHORITY_POSTAL_CODE_TOWN] = g_strdup ("00101 Esimerkki");
  profile->text[0][KH_UNIT_PROFILE_AUTHORITY_VISITING_ADDRESS] = g_strdup ("Esimerkkikatu 1");
  profile->text[0][KH_UNIT_PROFILE_AUTHORITY_EMAIL] = g_strdup ("kirjaamo@esimerkki.fi");
  profile->text[0][KH_UNIT_PROFILE_AUTHORITY_OPENING_HOURS] = g_strdup ("ma–pe klo 8–16");
  profile->text[1][KH_UNIT_PROFILE_AUTHORITY_NAME] = g_strdup ("Sektionen för individuella ärenden");

  maker->id = 3;
  maker->name = g_strdup ("Sanna Sosiaali");
  maker->title_fi = g_strdup ("johtava sosiaalityöntekijä");
  g_ptr_array_add (profile->decision_makers, maker);
  return profile;
}

/* A worded field never falls back to the other language; phone, e-mail
 * and web do. */
static void
test_get (void)
{
  g_autoptr(KhUnitProfile) profile = make_profile ();
  KhLetterhead fi, sv;
  KhRectificationAuthority authority;

  kh_unit_profile_get_letterhead (profile, KH_LANGUAGE_FI, &fi);
  kh_unit_profile_get_letterhead (profile, KH_LANGUAGE_SV, &sv);
  g_assert_cmpstr (fi.organisation, ==, "Hyvinvointialue Esimerkki");
  g_assert_cmpstr (fi.unit, ==, "Aikuissosiaalityö");
  g_assert_cmpstr (fi.email, ==, NULL);
  g_assert_cmpstr (sv.organisation, ==, "Välfärdsområdet Exempel");
  g_assert_cmpstr (sv.unit, ==, NULL);
  g_assert_cmpstr (sv.postal_address, ==, "PB 100");
  g_assert_cmpstr (sv.postal_code_town, ==, "00101 Exempel");
  g_assert_cmpstr (sv.phone, ==, "09 123 4567");
  g_assert_cmpstr (sv.web, ==, "www.esimerkki.fi");

  kh_unit_profile_get_authority (profile, KH_LANGUAGE_SV, &authority);
  g_assert_cmpstr (authority.name, ==, "Sektionen för individuella ärenden");
  g_assert_cmpstr (authority.postal_address, ==, NULL);
  g_assert_cmpstr (authority.visiting_address, ==, NULL);
  g_assert_cmpstr (authority.email, ==, "kirjaamo@esimerkki.fi");
  g_assert_cmpstr (authority.opening_hours, ==, NULL);
}

static void
test_check (void)
{
  static const struct {
    KhLanguage language;
    KhUnitProfilePurpose purpose;
    const char *messages;   /* joined by "|" */
  } rows[] = {
    { KH_LANGUAGE_FI, KH_UNIT_PROFILE_FOR_LETTER, "" },
    { KH_LANGUAGE_FI, KH_UNIT_PROFILE_FOR_DECISION, "" },
    { KH_LANGUAGE_SV, KH_UNIT_PROFILE_FOR_LETTER, "" },
    { KH_LANGUAGE_SV, KH_UNIT_PROFILE_FOR_DECISION,
      "Missing in Swedish: the rectification authority’s postal address."
      "|Missing in Swedish: the rectification authority’s postal code and town."
      "|Missing in Swedish: the rectification authority’s visiting address."
      "|Missing in Swedish: the rectification authority’s opening hours."
      "|No decision maker in use has a title in Swedish." },
  };
  g_autoptr(KhUnitProfile) profile = make_profile ();
  g_autoptr(KhUnitProfile) empty = kh_unit_profile_new ();
  g_autoptr(GPtrArray) missing = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(GPtrArray) messages = kh_unit_profile_check (profile, rows[i].language, rows[i].purpose);
      g_autofree char *joined = NULL;

      g_ptr_array_add (messages, NULL);
      joined = g_strjoinv ("|", (char **) messages->pdata);
      g_assert_cmpstr (joined, ==, rows[i].messages);
    }

  missing = kh_unit_profile_check (empty, KH_LANGUAGE_FI, KH_UNIT_PROFILE_FOR_LETTER);
  g_assert_cmpuint (missing->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (missing, 0), ==, "Missing in Finnish: the letterhead’s organisation.");
  g_assert_cmpstr (g_ptr_array_index (missing, 3), ==, "Missing in Finnish: the letterhead’s phone number.");
}

static void
test_decision_makers (void)
{
  static const struct { const char *value; guint n; const char *message; } rows[] = {
    { "", 0, NULL },
    { "1\tSanna Sosiaali\tjohtava sosiaalityöntekijä\tledande socialarbetare\t09 123 4567\tsanna.sosiaali@esimerkki.fi\t1\n"
      "2\tOlli Ohjaaja\tsosiaaliohjaaja\tsocialhandledare\t\t\t0", 2, NULL },
    { "1\tSanna Sosiaali\t\tledande socialarbetare\t\t\t1", 1, NULL },
    { "1\tSanna Sosiaali\t\t\t\t\t1", 0, "Decision makers, line 1: Title in Finnish: write" },
    { "1\t\tsosiaalityöntekijä\t\t\t\t1", 0, "Decision makers, line 1: Name: " },
    { "1\tA\tb\tc\t\t\t1\n1\tD\te\tf\t\t\t1", 0, "Decision makers, line 2: its id is used twice" },
    { "0\tA\tb\tc\t\t\t1", 0, "Decision makers, line 1: it is not id" },
    { "1\tA\tb\tc\t\t\t2", 0, "Decision makers, line 1: it is not id" },
    { "1\tA\tb\tc\t\t1", 0, "Decision makers, line 1: it is not id" },
    { "1\t A\tb\tc\t\t\t1", 0, "Decision makers, line 1: a field has extra spaces" },
    { "1\tA\tb\tc\tpuh\t\t1", 0, "Decision makers, line 1: Phone: " },
    { "1\tA\tb\tc\t\tfoo@bar\t1", 0, "Decision makers, line 1: E-mail: " },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *message = NULL;
      g_autoptr(GPtrArray) list = kh_decision_makers_parse (rows[i].value, &message);

      g_test_message ("row %u", i);
      if (rows[i].message != NULL)
        {
          g_assert_null (list);
          g_assert_true (g_str_has_prefix (message, rows[i].message));
          continue;
        }
      g_assert_null (message);
      g_assert_cmpuint (list->len, ==, rows[i].n);
      if (list->len > 0)
        {
          g_autofree char *again = kh_decision_makers_to_setting (list);

          g_assert_cmpstr (again, ==, rows[i].value);
        }
    }
}

static void
test_decision_maker_lookup (void)
{
  g_autofree char *message = NULL;
  g_autoptr(KhUnitProfile) profile = kh_unit_profile_new ();
  g_autoptr(GPtrArray) sv = NULL;
  const KhDecisionMaker *found;

  g_ptr_array_unref (profile->decision_makers);
  profile->decision_makers = kh_decision_makers_parse (
    "4\tSanna Sosiaali\tjohtava sosiaalityöntekijä\tledande socialarbetare\t\t\t1\n"
    "7\tOlli Ohjaaja\tsosiaalityöntekijä\t\t\t\t1\n"
    "9\tEila Entinen\tsosiaalityöntekijä\tsocialarbetare\t\t\t0", &message);
  g_assert_nonnull (profile->decision_makers);
  g_assert_cmpuint (kh_decision_makers_next_id (profile->decision_makers), ==, 10);
  sv = kh_unit_profile_list_decision_makers (profile, KH_LANGUAGE_SV);
  g_assert_cmpuint (sv->len, ==, 1);
  g_assert_cmpstr (((KhDecisionMaker *) g_ptr_array_index (sv, 0))->name, ==, "Sanna Sosiaali");
  found = kh_unit_profile_find_decision_maker (profile, 7);
  g_assert_cmpstr (found->name, ==, "Olli Ohjaaja");
  g_assert_cmpstr (kh_decision_maker_get_title (found, KH_LANGUAGE_SV), ==, NULL);
  g_assert_cmpstr (kh_decision_maker_get_title (found, KH_LANGUAGE_FI), ==, "sosiaalityöntekijä");
  g_assert_null (kh_unit_profile_find_decision_maker (profile, 5));
  g_assert_cmpuint (kh_decision_makers_next_id (NULL), ==, 1);
}

static void
test_logo (void)
{
  g_autoptr(GBytes) whole = g_bytes_new_static (png_16x16, sizeof png_16x16);
  g_autoptr(GBytes) cut = g_bytes_new_static (png_16x16, sizeof png_16x16 - 12);
  g_autoptr(GBytes) narrow = g_bytes_new_static (png_8x16, sizeof png_8x16);
  g_autoptr(GBytes) wide = g_bytes_new_static (png_4000x20, sizeof png_4000x20);
  g_autoptr(GBytes) jpeg = g_bytes_new_static ("\xff\xd8\xff\xe0\0\x10JFIF\0\1\1\0\0\1\0\1\0\0\xff\xd9"
                                               "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", 56);
  guint8 damaged[sizeof png_16x16];
  g_autoptr(GBytes) bad_crc = NULL;
  guint8 *huge = g_malloc0 (KH_UNIT_PROFILE_LOGO_MAX_BYTES + 1);
  g_autoptr(GBytes) too_big = NULL;
  g_autofree char *message = NULL;

  memcpy (damaged, png_16x16, sizeof damaged);
  damaged[45] ^= 0x01;     /* inside IDAT */
  bad_crc = g_bytes_new (damaged, sizeof damaged);
  memcpy (huge, png_16x16, sizeof png_16x16);
  too_big = g_bytes_new_take (huge, KH_UNIT_PROFILE_LOGO_MAX_BYTES + 1);

  g_assert_true (kh_unit_profile_check_logo (whole, &message));
  g_assert_null (message);

#define REFUSED(bytes, start) G_STMT_START { \
    g_assert_false (kh_unit_profile_check_logo (bytes, &message)); \
    g_assert_true (g_str_has_prefix (message, start)); \
    g_clear_pointer (&message, g_free); \
  } G_STMT_END
  REFUSED (cut, "The logo is not a whole PNG image");
  REFUSED (bad_crc, "The logo is not a whole PNG image");
  REFUSED (narrow, "The logo is 8 × 16 pixels; a side can be 16 to 3000 pixels.");
  REFUSED (wide, "The logo is 4000 × 20 pixels");
  REFUSED (jpeg, "The logo is not a PNG image.");
  REFUSED (too_big, "The logo is too large (at most 512 kB).");
#undef REFUSED
}

static void
test_settings (void)
{
  static const struct { const char *key; const char *value; const char *stored; const char *message; } rows[] = {
    { "document_organisation_fi", " Hyvinvointialue  Esimerkki ", "Hyvinvointialue Esimerkki", NULL },
    { "document_organisation_sv", "", "", NULL },
    { "document_authority_postal_code_town_sv", "00101 Exempel", "00101 Exempel", NULL },
    { "document_authority_postal_code_town_sv", "Exempel", NULL, "Postal code and town: " },
    { "document_authority_email_en", "a@b.fi", NULL, "“document_authority_email_en” is not a setting" },
    { "document_letterhead", "x", NULL, "“document_letterhead” is not a setting" },
    { "document_logo_png", PNG_16X16_BASE64, PNG_16X16_BASE64, NULL },
    { "document_logo_png", "", "", NULL },
    { "document_logo_png", "iVBORw0KGgo=AAA", NULL, "The logo is not stored as base64 text." },
    { "document_logo_png", "iVBORw0KGgoAAAANSUhEUgAA", NULL, "The logo is not a whole PNG image" },
    { "document_decision_makers", "1\tA\tb\tc\t\t\t1", "1\tA\tb\tc\t\t\t1", NULL },
    { "document_decision_makers", "1\tA\tb\tc\t\t\t1\n", NULL, "Decision makers, line 2: " },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *message = NULL;
      g_autofree char *stored = kh_unit_profile_clean_setting (rows[i].key, rows[i].value, &message);

      g_test_message ("row %u: %s", i, rows[i].key);
      g_assert_cmpstr (stored, ==, rows[i].stored);
      if (rows[i].message != NULL)
        g_assert_true (g_str_has_prefix (message, rows[i].message));
      else
        g_assert_null (message);
    }
}

static void
test_round_trip (void)
{
  g_autoptr(KhUnitProfile) profile = make_profile ();
  g_autoptr(KhUnitProfile) back = NULL;
  g_autoptr(GHashTable) settings = NULL;

  profile->logo = g_bytes_new_static (png_16x16, sizeof png_16x16);
  settings = kh_unit_profile_to_settings (profile);
  g_assert_cmpuint (g_hash_table_size (settings), ==, 28);
  g_assert_cmpstr (g_hash_table_lookup (settings, "document_unit_sv"), ==, "");
  g_assert_cmpstr (g_hash_table_lookup (settings, "document_logo_png"), ==, PNG_16X16_BASE64);
  g_assert_cmpstr (g_hash_table_lookup (settings, "document_decision_makers"), ==,
                   "3\tSanna Sosiaali\tjohtava sosiaalityöntekijä\t\t\t\t1");

  /* A value that does not pass is left unset. */
  g_hash_table_insert (settings, g_strdup ("document_phone_fi"), g_strdup ("vaihde"));
  back = kh_unit_profile_from_settings (settings);
  for (guint l = 0; l < 2; l++)
    for (guint f = 0; f < KH_UNIT_PROFILE_N_FIELDS; f++)
      if (f != KH_UNIT_PROFILE_PHONE || l != 0)
        g_assert_cmpstr (back->text[l][f], ==, profile->text[l][f]);
  g_assert_null (back->text[0][KH_UNIT_PROFILE_PHONE]);
  g_assert_true (g_bytes_equal (back->logo, profile->logo));
  g_assert_cmpuint (back->decision_makers->len, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/unit-profile/keys", test_keys);
  g_test_add_func ("/core/unit-profile/clean-field", test_clean_field);
  g_test_add_func ("/core/unit-profile/get", test_get);
  g_test_add_func ("/core/unit-profile/check", test_check);
  g_test_add_func ("/core/unit-profile/decision-makers", test_decision_makers);
  g_test_add_func ("/core/unit-profile/decision-maker-lookup", test_decision_maker_lookup);
  g_test_add_func ("/core/unit-profile/logo", test_logo);
  g_test_add_func ("/core/unit-profile/settings", test_settings);
  g_test_add_func ("/core/unit-profile/round-trip", test_round_trip);

  return g_test_run ();
}
