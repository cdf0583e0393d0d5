/* test-enums.c — tests for enumeration keys, labels and records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "core/kh-enums.h"
#include "core/kh-records.h"

/* Keys are ASCII, lower case, words joined by '-': they go into CSV files
 * and command lines. */
static void
assert_key_shape (const char *key)
{
  g_assert_nonnull (key);
  g_assert_cmpuint (strlen (key), >, 0);
  for (const char *p = key; *p != '\0'; p++)
    g_assert_true ((*p >= 'a' && *p <= 'z') || *p == '-' || (*p >= '0' && *p <= '9'));
}

static void
assert_label (const char *label)
{
  g_assert_nonnull (label);
  g_assert_cmpuint (strlen (label), >, 2);
  g_assert_true (g_utf8_validate (label, -1, NULL));
}

/* A small set of strings that must all be different. */
static void
assert_distinct (GPtrArray *strings)
{
  for (guint i = 0; i < strings->len; i++)
    for (guint j = i + 1; j < strings->len; j++)
      g_assert_cmpstr (strings->pdata[i], !=, strings->pdata[j]);
}

static void
test_channels (void)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  for (KhChannel c = KH_CHANNEL_FIRST; c <= KH_CHANNEL_LAST; c++)
    {
      const char *key = kh_channel_key (c);

      assert_key_shape (key);
      assert_label (kh_channel_label (c));
      g_assert_cmpint (kh_channel_from_key (key), ==, c);
      g_ptr_array_add (keys, (gpointer) key);
      g_ptr_array_add (labels, (gpointer) kh_channel_label (c));
    }
  assert_distinct (keys);
  assert_distinct (labels);
  g_assert_cmpuint (keys->len, ==, 10);
  /* 1.10: outreach work (SHL 7 a §) and the call-back request. */
  g_assert_cmpstr (kh_channel_key (KH_CHANNEL_OUTREACH), ==, "outreach");
  g_assert_cmpint (KH_CHANNEL_OUTREACH, ==, 9);
  g_assert_cmpstr (kh_channel_key (KH_CHANNEL_CALL_BACK), ==, "call-back");
  g_assert_cmpint (KH_CHANNEL_CALL_BACK, ==, 10);

  g_assert_cmpstr (kh_channel_key (KH_CHANNEL_WALK_IN), ==, "walk-in");
  g_assert_cmpstr (kh_channel_key (KH_CHANNEL_PHONE), ==, "phone");
  g_assert_cmpstr (kh_channel_label (KH_CHANNEL_WALK_IN), ==, "Walk-in");
  g_assert_cmpstr (kh_channel_label (KH_CHANNEL_LETTER), ==, "Letter or paper form");
  g_assert_cmpstr (kh_channel_label (KH_CHANNEL_AUTHORITY), ==, "Another authority (SHL 35 §)");
  g_assert_null (kh_channel_key (0));
  g_assert_null (kh_channel_label (KH_CHANNEL_LAST + 1));
  g_assert_cmpint (kh_channel_from_key ("fax"), ==, 0);
  g_assert_cmpint (kh_channel_from_key (NULL), ==, 0);
  g_assert_cmpint (kh_channel_from_key ("Walk-in"), ==, 0);   /* keys are exact */
}

static void
test_contactors_and_referrals (void)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();

  for (KhContactor c = KH_CONTACTOR_FIRST; c <= KH_CONTACTOR_LAST; c++)
    {
      assert_key_shape (kh_contactor_key (c));
      assert_label (kh_contactor_label (c));
      g_assert_cmpint (kh_contactor_from_key (kh_contactor_key (c)), ==, c);
      g_ptr_array_add (keys, (gpointer) kh_contactor_key (c));
    }
  assert_distinct (keys);
  g_assert_null (kh_contactor_key (0));

  for (KhReferral r = KH_REFERRAL_NONE; r <= KH_REFERRAL_LAST; r++)
    {
      assert_key_shape (kh_referral_key (r));
      assert_label (kh_referral_label (r));
    }
  g_assert_cmpstr (kh_referral_key (KH_REFERRAL_WITHOUT_CONSENT), ==, "without-consent");
  /* 1.9: the legal representative, appended. */
  g_assert_cmpint (KH_CONTACTOR_LEGAL_REPRESENTATIVE, ==, 6);
  g_assert_cmpstr (kh_contactor_key (KH_CONTACTOR_LEGAL_REPRESENTATIVE), ==, "legal-representative");

  /* 1.7: Kela's kinds; 1.8: the urgency answer. */
  for (KhKelaKind k = KH_KELA_FIRST; k <= KH_KELA_LAST; k++)
    {
      assert_key_shape (kh_kela_kind_key (k));
      assert_label (kh_kela_kind_label (k));
      g_assert_cmpint (kh_kela_kind_from_key (kh_kela_kind_key (k)), ==, k);
    }
  g_assert_null (kh_kela_kind_key (KH_KELA_NONE));
  g_assert_cmpstr (kh_kela_kind_label (KH_KELA_MEETING_REQUEST), ==,
                   "Client asked for a personal meeting (TTL 14 d §)");
  for (KhUrgency u = KH_URGENCY_NOT_RECORDED; u <= KH_URGENCY_LAST; u++)
    {
      assert_key_shape (kh_urgency_key (u));
      assert_label (kh_urgency_label (u));
      g_assert_cmpint (kh_urgency_from_key (kh_urgency_key (u)), ==, u);
    }
  g_assert_cmpstr (kh_urgency_label (KH_URGENCY_NOT_RECORDED), ==, "Urgency not recorded");
  g_assert_null (kh_referral_label (KH_REFERRAL_LAST + 1));
}

static void
test_needs (void)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  guint all = 0;

  for (guint i = 0; i < KH_N_NEEDS; i++)
    {
      KhNeed need = 1u << i;

      assert_key_shape (kh_need_key (need));
      assert_label (kh_need_label (need));
      g_assert_cmpint (kh_need_from_key (kh_need_key (need)), ==, need);
      g_ptr_array_add (keys, (gpointer) kh_need_key (need));
      g_ptr_array_add (labels, (gpointer) kh_need_label (need));
      all |= need;
    }
  assert_distinct (keys);
  assert_distinct (labels);
  g_assert_cmpuint (all, ==, KH_NEEDS_ALL);

  /* Not a single flag: no label. */
  g_assert_null (kh_need_label (KH_NEED_HOUSING | KH_NEED_FINANCIAL));
  g_assert_null (kh_need_label (1u << KH_N_NEEDS));
  g_assert_null (kh_need_key (0));
  g_assert_cmpstr (kh_need_label (KH_NEED_HOUSING), ==, "Housing");
  /* 1.10: point 8 in the words of 1280/2022. */
  g_assert_cmpstr (kh_need_label (KH_NEED_SUBSTANCE_HEALTH), ==,
                   "Problem substance use, other addictive behaviour, mental-health problem, "
                   "other illness, disability or ageing");
}

static void
test_outcomes (void)
{
  for (KhOutcome o = KH_OUTCOME_FIRST; o <= KH_OUTCOME_LAST; o++)
    {
      assert_key_shape (kh_outcome_key (o));
      assert_label (kh_outcome_label (o));
      g_assert_cmpint (kh_outcome_from_key (kh_outcome_key (o)), ==, o);
    }

  g_assert_true (kh_outcome_allows_anonymous (KH_OUTCOME_ADVICE));
  g_assert_true (kh_outcome_allows_anonymous (KH_OUTCOME_DIRECTED));
  g_assert_false (kh_outcome_allows_anonymous (KH_OUTCOME_CASE_OPENED));
  g_assert_false (kh_outcome_allows_anonymous (KH_OUTCOME_URGENT));
  /* 1.10: SHL 40 §, about a person. */
  g_assert_cmpint (KH_OUTCOME_CONSULTED, ==, 5);
  g_assert_false (kh_outcome_allows_anonymous (KH_OUTCOME_CONSULTED));
  g_assert_false (kh_outcome_allows_anonymous (0));
}

static void
test_languages_and_roles (void)
{
  static const char *const role_keys[] = {
    "reception", "counsellor", "social-worker", "lead", "admin",
  };

  g_assert_cmpstr (kh_language_key (KH_LANGUAGE_FI), ==, "fi");
  g_assert_cmpstr (kh_language_key (KH_LANGUAGE_SV), ==, "sv");
  g_assert_cmpstr (kh_language_key (KH_LANGUAGE_OTHER), ==, "other");
  for (KhLanguage l = KH_LANGUAGE_FIRST; l <= KH_LANGUAGE_LAST; l++)
    {
      assert_label (kh_language_label (l));
      g_assert_cmpint (kh_language_from_key (kh_language_key (l)), ==, l);
    }
  g_assert_cmpint (kh_language_from_key ("en"), ==, 0);

  for (KhRole r = KH_ROLE_FIRST; r <= KH_ROLE_LAST; r++)
    {
      g_assert_cmpstr (kh_role_key (r), ==, role_keys[r - KH_ROLE_FIRST]);
      assert_label (kh_role_label (r));
      g_assert_cmpint (kh_role_from_key (role_keys[r - KH_ROLE_FIRST]), ==, r);
    }
  g_assert_cmpint (kh_role_from_key ("root"), ==, 0);
}

static void
test_other_labels (void)
{
  for (KhNoCodeReason r = KH_NO_CODE_NONE; r <= KH_NO_CODE_LAST; r++)
    {
      assert_label (kh_no_code_label (r));
      assert_key_shape (kh_no_code_key (r));
    }
  for (KhCaseStatus s = KH_CASE_QUEUED; s <= KH_CASE_CLOSED; s++)
    assert_label (kh_case_status_label (s));
  for (KhAccessWhat w = KH_ACCESS_SEARCH; w <= KH_ACCESS_LAST; w++)
    assert_label (kh_access_what_label (w));
  for (KhAccessBasis b = KH_BASIS_INTAKE; b <= KH_BASIS_SUPERVISION; b++)
    assert_label (kh_access_basis_label (b));
  for (guint g = KH_DEADLINE_GROUP_OVER_75; g <= KH_DEADLINE_GROUP_DISABLED; g <<= 1)
    {
      assert_label (kh_deadline_group_label (g));
      assert_key_shape (kh_deadline_group_key (g));
    }

  g_assert_null (kh_case_status_label (0));
  g_assert_null (kh_access_what_label (KH_ACCESS_LAST + 1));
  g_assert_null (kh_access_basis_label (0));
  g_assert_null (kh_deadline_group_label (KH_DEADLINE_GROUP_OVER_75 | KH_DEADLINE_GROUP_DISABLED));
}

/* ---- records ---- */

static void
test_client_records (void)
{
  g_autoptr(KhClient) client = kh_client_new ();
  g_autoptr(KhClient) copy = NULL;
  g_autofree char *name = NULL;
  g_autofree char *masked = NULL;

  g_assert_cmpint (client->id, ==, 0);
  g_assert_null (client->identity_code);
  g_assert_null (kh_client_dup_masked_code (client));

  client->id = 7;
  client->identity_code = g_strdup ("131052-308T");
  client->birth_date = g_strdup ("1952-10-13");
  client->last_name = g_strdup ("Mäkinotkelma");
  client->first_names = g_strdup ("Maija Liisa");
  client->language = KH_LANGUAGE_SV;
  client->phone = g_strdup ("0401234567");
  client->created_at = g_date_time_new_utc (2026, 4, 2, 10, 0, 0);

  name = kh_client_dup_display_name (client);
  g_assert_cmpstr (name, ==, "Mäkinotkelma, Maija Liisa");
  masked = kh_client_dup_masked_code (client);
  g_assert_cmpstr (masked, ==, "131052-****");

  copy = kh_client_copy (client);
  g_assert_true (copy != client);
  g_assert_cmpint (copy->id, ==, 7);
  g_assert_cmpstr (copy->identity_code, ==, client->identity_code);
  g_assert_true (copy->identity_code != client->identity_code);
  g_assert_cmpstr (copy->last_name, ==, "Mäkinotkelma");
  g_assert_cmpint (copy->language, ==, KH_LANGUAGE_SV);
  g_assert_null (copy->email);
  g_assert_true (g_date_time_equal (copy->created_at, client->created_at));

  /* Only one of the names, or none. */
  g_clear_pointer (&copy->first_names, g_free);
  {
    g_autofree char *only_last = kh_client_dup_display_name (copy);

    g_assert_cmpstr (only_last, ==, "Mäkinotkelma");
  }
  g_clear_pointer (&copy->last_name, g_free);
  {
    g_autofree char *none = kh_client_dup_display_name (copy);

    g_assert_nonnull (none);
    g_assert_cmpuint (strlen (none), >, 0);
  }

  g_assert_finalize_object (g_steal_pointer (&copy));
  g_assert_finalize_object (g_steal_pointer (&client));
}

static void
test_contact_records (void)
{
  g_autoptr(KhContact) contact = kh_contact_new ();
  g_autoptr(KhContact) copy = NULL;

  contact->channel = KH_CHANNEL_PHONE;
  contact->needs = KH_NEED_HOUSING | KH_NEED_FINANCIAL;
  contact->reason_text = g_strdup ("Vuokrarästit");
  contact->received_at = g_date_time_new_utc (2026, 4, 2, 9, 15, 0);
  contact->client_name = g_strdup ("Mäkinen, Aino");

  copy = kh_contact_copy (contact);
  g_assert_cmpint (copy->channel, ==, KH_CHANNEL_PHONE);
  g_assert_cmpuint (copy->needs, ==, KH_NEED_HOUSING | KH_NEED_FINANCIAL);
  g_assert_cmpstr (copy->reason_text, ==, "Vuokrarästit");
  g_assert_cmpstr (copy->client_name, ==, "Mäkinen, Aino");
  g_assert_true (copy->reason_text != contact->reason_text);
  g_assert_cmpint (copy->referral, ==, KH_REFERRAL_NONE);

  g_assert_finalize_object (g_steal_pointer (&copy));
  g_assert_finalize_object (g_steal_pointer (&contact));
}

static void
test_other_records (void)
{
  g_autoptr(KhService) service = kh_service_new ();
  g_autoptr(KhUser) user = kh_user_new ();
  g_autoptr(KhCase) kase = kh_case_new ();
  g_autoptr(KhAccessEntry) entry = kh_access_entry_new ();

  g_assert_null (kh_service_get_name (service, "fi"));
  service->name_fi = g_strdup ("Velkaneuvonta");
  g_assert_cmpstr (kh_service_get_name (service, "fi"), ==, "Velkaneuvonta");
  g_assert_cmpstr (kh_service_get_name (service, "sv"), ==, "Velkaneuvonta");
  g_assert_cmpstr (kh_service_get_name (service, NULL), ==, "Velkaneuvonta");
  service->name_sv = g_strdup ("Skuldrådgivning");
  g_assert_cmpstr (kh_service_get_name (service, "sv"), ==, "Skuldrådgivning");
  g_assert_cmpstr (kh_service_get_name (service, "fi"), ==, "Velkaneuvonta");
  g_clear_pointer (&service->name_fi, g_free);
  g_assert_cmpstr (kh_service_get_name (service, "fi"), ==, "Skuldrådgivning");

  for (KhRole r = KH_ROLE_FIRST; r <= KH_ROLE_LAST; r++)
    {
      user->role = r;
      g_assert_cmpint (kh_user_can_read_access_log (user), ==,
                       r == KH_ROLE_LEAD || r == KH_ROLE_ADMIN);
    }
  user->active = FALSE;
  g_assert_false (kh_user_can_read_access_log (user));

  g_assert_cmpint (kase->status, ==, KH_CASE_QUEUED);
  kase->assessment_deadline = g_strdup ("2026-04-15");
  kase->client_name = g_strdup ("Mäkinen, Aino");
  entry->at = g_date_time_new_now_local ();
  entry->user_name = g_strdup ("Reception");

  g_assert_finalize_object (g_steal_pointer (&service));
  g_assert_finalize_object (g_steal_pointer (&user));
  g_assert_finalize_object (g_steal_pointer (&kase));
  g_assert_finalize_object (g_steal_pointer (&entry));
}

/* How a person was tried to be reached: keys, and labels in the letter's
 * language whatever the UI's is; the 11 § needs in a letter's language. */
static void
test_attempt_methods_and_needs_in (void)
{
  static const struct {
    KhAttemptMethod method;
    const char     *key;
    const char     *fi;
    const char     *sv;
  } methods[] = {
    { KH_ATTEMPT_PHONE,        "phone",        "Puhelu",       "Telefonsamtal" },
    { KH_ATTEMPT_TEXT_MESSAGE, "text-message", "Tekstiviesti", "Textmeddelande" },
    { KH_ATTEMPT_LETTER,       "letter",       "Kirje",        "Brev" },
    { KH_ATTEMPT_HOME_VISIT,   "home-visit",   "Kotikäynti",   "Hembesök" },
  };
  static const struct {
    KhNeed      need;
    const char *fi;
    const char *sv;
  } needs[] = {
    { KH_NEED_HOUSING,   "Asuminen",           "Boende" },
    { KH_NEED_FINANCIAL, "Taloudellinen tuki", "Ekonomiskt stöd" },
  };

  g_assert_cmpuint (G_N_ELEMENTS (methods), ==, KH_ATTEMPT_LAST - KH_ATTEMPT_FIRST + 1);
  for (guint i = 0; i < G_N_ELEMENTS (methods); i++)
    {
      g_assert_cmpstr (kh_attempt_method_key (methods[i].method), ==, methods[i].key);
      g_assert_cmpint (kh_attempt_method_from_key (methods[i].key), ==, methods[i].method);
      g_assert_cmpstr (kh_attempt_method_label_in (methods[i].method, "fi"), ==, methods[i].fi);
      g_assert_cmpstr (kh_attempt_method_label_in (methods[i].method, "sv"), ==, methods[i].sv);
      assert_label (kh_attempt_method_label (methods[i].method));
    }
  g_assert_null (kh_attempt_method_label_in (0, "fi"));
  g_assert_null (kh_attempt_method_key (KH_ATTEMPT_LAST + 1));
  g_assert_cmpint (kh_attempt_method_from_key ("fax"), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (needs); i++)
    {
      g_assert_cmpstr (kh_need_label_in (needs[i].need, "fi"), ==, needs[i].fi);
      g_assert_cmpstr (kh_need_label_in (needs[i].need, "sv"), ==, needs[i].sv);
    }
  g_assert_null (kh_need_label_in (KH_NEED_HOUSING | KH_NEED_FINANCIAL, "fi"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/enums/channels", test_channels);
  g_test_add_func ("/core/enums/contactors-and-referrals", test_contactors_and_referrals);
  g_test_add_func ("/core/enums/needs", test_needs);
  g_test_add_func ("/core/enums/outcomes", test_outcomes);
  g_test_add_func ("/core/enums/languages-and-roles", test_languages_and_roles);
  g_test_add_func ("/core/enums/other-labels", test_other_labels);
  g_test_add_func ("/core/enums/attempt-methods-and-needs-in", test_attempt_methods_and_needs_in);
  g_test_add_func ("/core/records/client", test_client_records);
  g_test_add_func ("/core/records/contact", test_contact_records);
  g_test_add_func ("/core/records/other", test_other_records);

  return g_test_run ();
}
