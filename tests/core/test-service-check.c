/* test-service-check.c — the directory's enumerations and the rules of an entry
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "core/kh-service-check.h"

static void
test_shapes (void)
{
  static const struct { const char *text; gboolean phone, url, email; } rows[] = {
    { "116 117",                   TRUE,  FALSE, FALSE },
    { "112",                       TRUE,  FALSE, FALSE },
    { "11",                        FALSE, FALSE, FALSE },
    { "+358 (9) 2525-0111",        TRUE,  FALSE, FALSE },
    { "09 2525 0111 ext",          FALSE, FALSE, FALSE },
    { "https://www.kela.fi",       FALSE, TRUE,  FALSE },
    { "HTTP://kela.fi/x?y=1",      FALSE, TRUE,  FALSE },
    { "www.kela.fi",               FALSE, FALSE, FALSE },
    { "ftp://kela.fi",             FALSE, FALSE, FALSE },
    { "https://",                  FALSE, FALSE, FALSE },
    { "https://kela .fi",          FALSE, FALSE, FALSE },
    { "neuvonta@example.fi",       FALSE, FALSE, TRUE  },
    { "neuvonta@example",          FALSE, FALSE, FALSE },
    { "@example.fi",               FALSE, FALSE, FALSE },
    { "a@b@example.fi",            FALSE, FALSE, FALSE },
    { "neu vonta@example.fi",      FALSE, FALSE, FALSE },
    { "neuvonta@example.",         FALSE, FALSE, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_test_message ("%s", rows[i].text);
      g_assert_cmpint (kh_service_phone_is_valid (rows[i].text), ==, rows[i].phone);
      g_assert_cmpint (kh_service_url_is_valid (rows[i].text), ==, rows[i].url);
      g_assert_cmpint (kh_service_email_is_valid (rows[i].text), ==, rows[i].email);
    }
}

static void
test_keys (void)
{
  static const struct { const char *text; gboolean ok; guint languages; const char *formatted; } rows[] = {
    { "fi",         TRUE,  1, "fi" },
    { "sv,fi",      TRUE,  3, "fi, sv" },
    { "fi, sv, en", TRUE,  7, "fi, sv, en" },
    { "en",         TRUE,  4, "en" },
    { "fi,ru",      FALSE, 0, NULL },
    { "",           FALSE, 0, NULL },
    { " , ",        FALSE, 0, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      guint languages = 0;

      g_assert_cmpint (kh_service_languages_parse (rows[i].text, &languages), ==, rows[i].ok);
      if (rows[i].ok)
        {
          g_autofree char *formatted = kh_service_languages_format (languages);

          g_assert_cmpuint (languages, ==, rows[i].languages);
          g_assert_cmpstr (formatted, ==, rows[i].formatted);
        }
    }

  {
    g_autofree char *described = kh_service_languages_describe (KH_SERVICE_LANGUAGE_FI | KH_SERVICE_LANGUAGE_EN);
    g_autofree char *none = kh_service_languages_describe (0);

    g_assert_cmpstr (described, ==, "Finnish, English");
    g_assert_cmpstr (none, ==, "");
  }

  /* Fixed codes: the store keeps them. */
  g_assert_cmpint (kh_life_area_from_key ("work"), ==, 1);
  g_assert_cmpint (kh_life_area_from_key ("housing"), ==, 6);
  g_assert_cmpint (kh_life_area_from_key ("health-safety"), ==, 7);
  g_assert_cmpint (kh_life_area_from_key ("other"), ==, 8);
  g_assert_cmpint (kh_life_area_from_key ("money"), ==, 0);
  g_assert_cmpint (kh_service_kind_from_key ("county"), ==, 2);
  g_assert_cmpint (kh_service_kind_from_key ("unknown"), ==, 7);
  g_assert_cmpint (kh_service_flag_from_key ("social-emergency"), ==, 1);
  g_assert_cmpint (kh_service_flag_from_key ("around-the-clock"), ==, 2);
  for (int v = KH_LIFE_AREA_FIRST; v <= KH_LIFE_AREA_LAST; v++)
    g_assert_nonnull (kh_life_area_label (v));
  for (int v = KH_SERVICE_KIND_FIRST; v <= KH_SERVICE_KIND_LAST; v++)
    g_assert_nonnull (kh_service_kind_label (v));
  g_assert_null (kh_life_area_label (9));
  g_assert_null (kh_service_kind_label (0));
}

static KhService *
entry (gint64      id,
       const char *name_fi,
       const char *name_sv,
       guint       flags,
       gboolean    active)
{
  KhService *service = kh_service_new ();

  service->id = id;
  service->name_fi = g_strdup (name_fi);
  service->name_sv = g_strdup (name_sv);
  service->flags = flags;
  service->active = active;
  return service;
}

static void
test_check (void)
{
  g_autoptr(GPtrArray) directory = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(KhService) service = NULL;
  g_autofree char *message = NULL;
  KhServiceField field;

  g_ptr_array_add (directory, entry (1, "Kela", "FPA", 0, TRUE));
  g_ptr_array_add (directory, entry (2, "Sosiaalipäivystys", "Socialjour",
                                     KH_SERVICE_FLAG_SOCIAL_EMERGENCY, TRUE));
  g_ptr_array_add (directory, entry (3, "Vanha päivystys", "Gammal jour",
                                     KH_SERVICE_FLAG_SOCIAL_EMERGENCY, FALSE));

  /* Found by the flag, the active one; not by "päivystys" in a name. */
  g_assert_true (kh_service_find_social_emergency (directory) == g_ptr_array_index (directory, 1));
  g_assert_null (kh_service_find_social_emergency (NULL));

  service = entry (0, "  Nuorten   talo ", " Ungdomshuset", 0, TRUE);
  kh_service_clean (service);
  g_assert_cmpstr (service->name_fi, ==, "Nuorten talo");
  g_assert_cmpstr (service->name_sv, ==, "Ungdomshuset");
  g_assert_null (kh_service_check (service, directory, &field));
  g_assert_cmpint (field, ==, KH_SERVICE_FIELD_NONE);

  /* The same name as another entry, case ignored: at the name's field. */
  g_free (service->name_sv);
  service->name_sv = g_strdup ("fpa");
  message = kh_service_check (service, directory, &field);
  g_assert_cmpint (field, ==, KH_SERVICE_FIELD_NAME_SV);
  g_assert_cmpstr (message, ==, "Name in Swedish: the directory already has “Kela / FPA”; "
                                "change that entry instead.");
  g_clear_pointer (&message, g_free);
  /* … but an entry may keep its own name. */
  service->id = 1;
  g_free (service->name_fi);
  service->name_fi = g_strdup ("KELA");
  g_assert_null (kh_service_check (service, directory, &field));
  service->id = 0;
  g_free (service->name_fi);
  service->name_fi = g_strdup ("Nuorten talo");
  g_free (service->name_sv);
  service->name_sv = g_strdup ("Ungdomshuset");

  /* A second active social emergency service: at the marks. */
  service->flags = KH_SERVICE_FLAG_SOCIAL_EMERGENCY;
  message = kh_service_check (service, directory, &field);
  g_assert_cmpint (field, ==, KH_SERVICE_FIELD_FLAGS);
  g_assert_cmpstr (message, ==, "Social emergency service: “Sosiaalipäivystys / Socialjour” "
                                "already has this mark; remove it there first.");
  g_clear_pointer (&message, g_free);
  /* An inactive entry may keep the mark; the entry itself may too. */
  service->active = FALSE;
  g_assert_null (kh_service_check (service, directory, &field));
  service->active = TRUE;
  service->id = 2;
  g_assert_null (kh_service_check (service, directory, &field));
  service->id = 0;
  service->flags = 0;

  /* The edges of the lengths: 200 characters of a name is fine, 201 not. */
  g_free (service->name_fi);
  service->name_fi = g_strnfill (200, 'a');
  g_assert_null (kh_service_check (service, NULL, &field));
  g_free (service->name_fi);
  service->name_fi = g_strnfill (201, 'a');
  message = kh_service_check (service, NULL, &field);
  g_assert_cmpint (field, ==, KH_SERVICE_FIELD_NAME_FI);
  g_assert_cmpstr (message, ==, "Name in Finnish: shorten it to 200 characters at most.");
  g_clear_pointer (&message, g_free);
  g_free (service->name_fi);
  service->name_fi = g_strdup ("Nuorten talo");

  service->notes = g_strnfill (1000, 'x');
  g_assert_null (kh_service_check (service, NULL, &field));
  g_free (service->notes);
  service->notes = g_strnfill (1001, 'x');
  g_free (kh_service_check (service, NULL, &field));
  g_assert_cmpint (field, ==, KH_SERVICE_FIELD_NOTES);
  g_clear_pointer (&service->notes, g_free);

  service->email = g_strdup ("talo at example.fi");
  g_free (kh_service_check (service, NULL, &field));
  g_assert_cmpint (field, ==, KH_SERVICE_FIELD_EMAIL);
  g_clear_pointer (&service->email, g_free);

  service->area = 0;
  g_free (kh_service_check (service, NULL, &field));
  g_assert_cmpint (field, ==, KH_SERVICE_FIELD_AREA);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/services/shapes", test_shapes);
  g_test_add_func ("/core/services/keys", test_keys);
  g_test_add_func ("/core/services/check", test_check);

  return g_test_run ();
}
