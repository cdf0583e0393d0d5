/* test-person-record.c — the person's record by the client-data act: the
 * non-disclosure marking, mother tongue, legal representative, bounded clean
 * text, and the person's cases (issue 5: 1.9, 1.13, 2.3)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include <string.h>

#include "store-test-util.h"

/* `team`: the team whose queue a case opened goes to; 0 the default. */
static KhIntakeResult *
save_intake_in_team (Fixture   *f,
                     KhContact *contact,
                     KhClient  *client,
                     guint      groups,
                     gint64     team)
{
  KhIntake intake = { contact, client, FALSE, groups, 0 };
  g_autoptr(GError) error = NULL;
  KhIntakeResult *result;

  intake.team_id = team;
  result = kh_db_save_intake (f->db, f->admin, &intake, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static KhIntakeResult *
save_intake (Fixture   *f,
             KhContact *contact,
             KhClient  *client,
             guint      groups)
{
  return save_intake_in_team (f, contact, client, groups, 0);
}

static gint64
add_protected (Fixture *f)
{
  g_autoptr(KhClient) client = test_client ("Salainen", "Sanna", "1988-03-14", 951);
  g_autoptr(GError) error = NULL;
  gint64 id;

  client->non_disclosure = TRUE;
  client->address = g_strdup ("Piilotie 7 B 12");
  client->postal_code = g_strdup ("00510");
  client->city = g_strdup ("Helsinki");
  client->phone = g_strdup ("040 123 4567");
  id = kh_db_save_client (f->db, f->admin, client, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
assert_withheld (KhClient *client)
{
  g_assert_true (client->non_disclosure);
  g_assert_true (client->address_withheld);
  g_assert_null (client->address);
  g_assert_null (client->postal_code);
  g_assert_null (client->city);
}

/* ---- the non-disclosure marking (ATL 38 §) ---- */

static void
test_protected_address (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) similar = NULL;
  g_autoptr(KhClient) page = NULL;
  g_autoptr(KhClient) shown = NULL;
  g_autoptr(KhClient) edit = NULL;
  gint64 id = add_protected (f);
  gint64 open_id = add_client (f, "Avoin", "Aapo", "1975-06-01", 952);

  /* Search results (by name, code, birth date, phone) never carry it. */
  {
    const char *queries[] = { "salainen", "140388", "14.3.1988", "0401234567" };

    for (gsize i = 0; i < G_N_ELEMENTS (queries); i++)
      {
        g_autoptr(GPtrArray) hits = kh_db_search_clients (f->db, f->admin, queries[i], 10, &error);

        g_assert_no_error (error);
        g_assert_cmpuint (hits->len, ==, 1);
        assert_withheld (g_ptr_array_index (hits, 0));
      }
  }
  found = kh_db_search_clients (f->db, f->admin, "avoin", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_false (((KhClient *) g_ptr_array_index (found, 0))->address_withheld);
  g_assert_cmpint (((KhClient *) g_ptr_array_index (found, 0))->id, ==, open_id);

  similar = kh_db_find_similar_clients (f->db, f->admin, "Salainen", "Sanna", "1988-03-14", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (similar->len, ==, 1);
  assert_withheld (g_ptr_array_index (similar, 0));

  /* The page and the editor get the record without the address. */
  page = kh_db_get_client (f->db, f->admin, id, KH_ACCESS_PAGE, KH_BASIS_CLIENT_RELATIONSHIP, &error);
  g_assert_no_error (error);
  assert_withheld (page);
  g_assert_cmpstr (page->phone, ==, "040 123 4567");
  edit = kh_db_get_client (f->db, f->admin, id, KH_ACCESS_EDIT, KH_BASIS_CLIENT_RELATIONSHIP, &error);
  g_assert_no_error (error);
  assert_withheld (edit);
  g_assert_cmpint (count (f, "SELECT count(*) FROM access_log WHERE what = 10"), ==, 0);

  /* Only "Show address" gives it, and that read is logged as such. */
  shown = kh_db_get_client (f->db, f->admin, id, KH_ACCESS_PROTECTED_ADDRESS,
                            KH_BASIS_CLIENT_RELATIONSHIP, &error);
  g_assert_no_error (error);
  g_assert_false (shown->address_withheld);
  g_assert_cmpstr (shown->address, ==, "Piilotie 7 B 12");
  g_assert_cmpstr (shown->postal_code, ==, "00510");
  g_assert_cmpstr (shown->city, ==, "Helsinki");
  g_assert_cmpint (count (f, "SELECT count(*) FROM access_log WHERE what = 10"), ==, 1);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM access_log WHERE what = 10 "
                                            "AND client_id = %" G_GINT64_FORMAT, id);
    g_assert_cmpint (count (f, sql), ==, 1);
  }

  /* Saving the record as the page had it (no address) keeps the stored one. */
  g_free (page->phone);
  page->phone = g_strdup ("050 765 4321");
  g_assert_cmpint (kh_db_save_client (f->db, f->admin, page, &error), ==, id);
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM clients WHERE address = 'Piilotie 7 B 12' "
                             "AND postal_code = '00510' AND city = 'Helsinki' "
                             "AND phone_digits = '0507654321'"), ==, 1);

  /* A record that carries the address changes it (read before the save
   * above, it is refused as stale until it carries that save's version,
   * issue 6, 6: see test-live.c). */
  g_assert_cmpint (shown->version, ==, 1);
  shown->version = 2;
  g_free (shown->address);
  shown->address = g_strdup ("Uusitie 1");
  g_assert_cmpint (kh_db_save_client (f->db, f->admin, shown, &error), ==, id);
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM clients WHERE address = 'Uusitie 1'"), ==, 1);
}

static void
test_protected_address_in_work_lists (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) today = NULL;
  g_autoptr(GPtrArray) queue = NULL;
  g_autoptr(KhIntakeResult) result = NULL;
  g_autoptr(KhContact) contact = test_contact (KH_OUTCOME_CASE_OPENED);
  g_autoptr(KhClient) client = kh_client_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *iso = g_date_time_format (now, "%Y-%m-%d");
  gint64 id = add_protected (f);

  client->id = id;
  contact->received_at = g_date_time_ref (now);
  result = save_intake (f, contact, client, 0);

  today = kh_db_list_contacts_on (f->db, f->admin, iso, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (today->len, ==, 1);
  queue = kh_db_list_queue (f->db, f->admin, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (queue->len, ==, 1);
  /* Neither list carries an address at all; the stored one is untouched. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM clients WHERE address = 'Piilotie 7 B 12'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM access_log WHERE what = 10"), ==, 0);

  /* Reception picks the person from the search (no address) and corrects
   * the phone number with the next contact: the address stays as stored. */
  {
    g_autoptr(GPtrArray) hits = kh_db_search_clients (f->db, f->admin, "salainen", 10, &error);
    g_autoptr(KhContact) next = test_contact (KH_OUTCOME_ADVICE);
    g_autoptr(KhClient) picked = NULL;
    g_autoptr(KhIntakeResult) updated = NULL;
    KhIntake intake = { next, NULL, TRUE, 0, 0 };

    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, ==, 1);
    picked = kh_client_copy (g_ptr_array_index (hits, 0));
    assert_withheld (picked);
    g_free (picked->phone);
    picked->phone = g_strdup ("050 111 2222");
    intake.client = picked;
    next->received_at = g_date_time_ref (now);
    updated = kh_db_save_intake (f->db, f->admin, &intake, &error);
    g_assert_no_error (error);
    g_assert_nonnull (updated);
    g_assert_cmpint (count (f, "SELECT count(*) FROM clients WHERE address = 'Piilotie 7 B 12' "
                               "AND postal_code = '00510' AND city = 'Helsinki' "
                               "AND phone_digits = '0501112222'"), ==, 1);
    g_assert_true (kh_db_undo_intake (f->db, f->admin, updated, &error));
    g_assert_no_error (error);
    g_assert_cmpint (count (f, "SELECT count(*) FROM clients WHERE address = 'Piilotie 7 B 12' "
                               "AND phone_digits = '0401234567'"), ==, 1);
  }
}

/* ---- mother tongue and legal representative ---- */

static void
test_mother_tongue_and_representative (Fixture       *f,
                                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KhClient) client = test_client ("Nordström", "Nils", "1950-02-11", 953);
  g_autoptr(KhClient) back = NULL;
  const char *field = NULL;
  gint64 id;

  client->language = KH_LANGUAGE_FI;
  client->mother_tongue = KH_LANGUAGE_SV;
  client->representative_name = g_strdup ("  Yleinen edunvalvonta,   Länsi-Uusimaa ");
  client->representative_contact = g_strdup ("029 566 0000");
  id = kh_db_save_client (f->db, f->admin, client, &error);
  g_assert_no_error (error);
  back = kh_db_get_client (f->db, f->admin, id, KH_ACCESS_PAGE, KH_BASIS_CLIENT_RELATIONSHIP, &error);
  g_assert_no_error (error);
  g_assert_cmpint (back->language, ==, KH_LANGUAGE_FI);
  g_assert_cmpint (back->mother_tongue, ==, KH_LANGUAGE_SV);
  g_assert_null (back->other_mother_tongue);
  g_assert_cmpstr (back->representative_name, ==, "Yleinen edunvalvonta, Länsi-Uusimaa");
  g_assert_cmpstr (back->representative_contact, ==, "029 566 0000");
  g_assert_false (back->non_disclosure);

  /* "Other" needs the language's name; a contact needs a name. */
  back->mother_tongue = KH_LANGUAGE_OTHER;
  g_assert_false (kh_db_validate_client (back, &field, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_assert_cmpstr (field, ==, "other_mother_tongue");
  g_clear_error (&error);
  back->other_mother_tongue = g_strdup ("somali");
  g_assert_true (kh_db_validate_client (back, &field, &error));
  g_assert_no_error (error);
  g_clear_pointer (&back->representative_name, g_free);
  g_assert_false (kh_db_validate_client (back, &field, &error));
  g_assert_cmpstr (field, ==, "representative_name");
  g_clear_error (&error);
  back->mother_tongue = 4;
  back->representative_name = g_strdup ("Edunvalvoja");
  g_assert_false (kh_db_validate_client (back, &field, &error));
  g_assert_cmpstr (field, ==, "mother_tongue");
  g_clear_error (&error);
}

/* ---- bounded, clean text (1.13) ---- */

typedef struct
{
  const char *field;       /* the KhClient field refused */
  const char *last_name;
  const char *first_names;
  const char *city;
  const char *representative_name;
} BadText;

static const BadText bad_texts[] = {
  { "last_name", "Vir\u200btanen", "Ville", NULL, NULL },          /* zero-width space */
  { "last_name", "Vir\u00adtanen", "Ville", NULL, NULL },          /* soft hyphen */
  { "first_names", "Virtanen", "Vil\u200dle", NULL, NULL },        /* zero-width joiner */
  { "first_names", "Virtanen", "\u202eelliV", NULL, NULL },        /* right-to-left override */
  { "last_name", "\ufeffVirtanen", "Ville", NULL, NULL },          /* byte-order mark */
  { "last_name", "Virtanen\u2066", "Ville", NULL, NULL },          /* left-to-right isolate */
  { "city", "Virtanen", "Ville", "Hel\u2060sinki", NULL },         /* word joiner */
  { "representative_name", "Virtanen", "Ville", NULL, "Edun\u200evalvoja" }, /* LRM */
};

static void
test_bad_text_refused (Fixture       *f,
                       gconstpointer  data)
{
  for (gsize i = 0; i < G_N_ELEMENTS (bad_texts); i++)
    {
      g_autoptr(KhClient) client = test_client (bad_texts[i].last_name, bad_texts[i].first_names,
                                                "1980-01-01", 0);
      g_autoptr(GError) error = NULL;
      const char *field = NULL;

      g_test_message ("case %" G_GSIZE_FORMAT ": %s", i, bad_texts[i].field);
      client->city = g_strdup (bad_texts[i].city);
      client->representative_name = g_strdup (bad_texts[i].representative_name);
      g_assert_false (kh_db_validate_client (client, &field, &error));
      g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
      g_assert_cmpstr (field, ==, bad_texts[i].field);
      g_clear_error (&error);
      g_assert_cmpint (kh_db_save_client (f->db, f->admin, client, &error), ==, 0);
      g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
    }
  g_assert_cmpint (count (f, "SELECT count(*) FROM clients"), ==, 0);
}

static void
test_length_limits (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) longest = g_string_new (NULL);
  g_autoptr(KhClient) client = NULL;
  const char *field = NULL;

  /* 100 characters (200 bytes: ä is two) is the limit; 101 is refused. */
  for (int i = 0; i < 100; i++)
    g_string_append (longest, "ä");
  client = test_client (longest->str, "Aino", "1980-01-01", 0);
  g_assert_cmpint (kh_db_save_client (f->db, f->admin, client, &error), >, 0);
  g_assert_no_error (error);
  g_string_append (longest, "a");
  g_free (client->last_name);
  client->last_name = g_strdup (longest->str);
  client->id = 0;
  g_assert_false (kh_db_validate_client (client, &field, &error));
  g_assert_cmpstr (field, ==, "last_name");
  g_assert_nonnull (strstr (error->message, "101"));
  g_assert_nonnull (strstr (error->message, "100"));
  g_clear_error (&error);
  g_assert_cmpint (kh_db_save_client (f->db, f->admin, client, &error), ==, 0);
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
}

/* ---- the schema refuses them too, whatever program writes ---- */

#define RAW_CLIENT \
  "INSERT INTO clients (identity_kind, no_code_reason, birth_date, last_name, first_names, " \
  "  language, created_at, updated_at"

static const struct {
  const char *rule;
  const char *sql;
} raw_bad[] = {
  { "zero-width space in a last name",
    RAW_CLIENT ") VALUES (2, 1, '1980-01-01', 'Vir' || char (0x200B) || 'tanen', 'Ville', 1, 0, 0)" },
  { "soft hyphen in first names",
    RAW_CLIENT ") VALUES (2, 1, '1980-01-01', 'Virtanen', 'Vil' || char (0xAD) || 'le', 1, 0, 0)" },
  { "bidi override in a city",
    RAW_CLIENT ", city) VALUES (2, 1, '1980-01-01', 'Virtanen', 'Ville', 1, 0, 0, char (0x202E) || 'iknisleH')" },
  { "line break in an address",
    RAW_CLIENT ", address) VALUES (2, 1, '1980-01-01', 'Virtanen', 'Ville', 1, 0, 0, 'Tie 1' || char (10) || 'B')" },
  { "BOM in the representative",
    RAW_CLIENT ", representative_name) VALUES (2, 1, '1980-01-01', 'Virtanen', 'Ville', 1, 0, 0, char (0xFEFF) || 'E')" },
  { "101-character last name",
    RAW_CLIENT ") VALUES (2, 1, '1980-01-01', printf ('%.*c', 101, 'x'), 'Ville', 1, 0, 0)" },
  { "151-character first names",
    RAW_CLIENT ") VALUES (2, 1, '1980-01-01', 'Virtanen', printf ('%.*c', 151, 'x'), 1, 0, 0)" },
  { "151-character address",
    RAW_CLIENT ", address) VALUES (2, 1, '1980-01-01', 'Virtanen', 'Ville', 1, 0, 0, printf ('%.*c', 151, 'x'))" },
  { "255-character e-mail",
    RAW_CLIENT ", email) VALUES (2, 1, '1980-01-01', 'Virtanen', 'Ville', 1, 0, 0, printf ('%.*c', 244, 'x') || '@example.fi')" },
  { "marking is a boolean",
    RAW_CLIENT ", non_disclosure) VALUES (2, 1, '1980-01-01', 'Virtanen', 'Ville', 1, 0, 0, 2)" },
  { "mother tongue in range",
    RAW_CLIENT ", mother_tongue) VALUES (2, 1, '1980-01-01', 'Virtanen', 'Ville', 1, 0, 0, 4)" },
  { "other mother tongue only with other",
    RAW_CLIENT ", mother_tongue, other_mother_tongue) VALUES (2, 1, '1980-01-01', 'Virtanen', 'Ville', 1, 0, 0, 1, 'somali')" },
  { "representative's contact needs a name",
    RAW_CLIENT ", representative_contact) VALUES (2, 1, '1980-01-01', 'Virtanen', 'Ville', 1, 0, 0, '040 1')" },
  { "201-character representative contact",
    RAW_CLIENT ", representative_name, representative_contact) VALUES (2, 1, '1980-01-01', 'Virtanen', 'Ville', 1, 0, 0, 'E', printf ('%.*c', 201, 'x'))" },
  { "a changed name gets the same rule",
    "UPDATE clients SET last_name = 'Vir' || char (0x200B) || 'tanen' WHERE id = 100" },
  { "a changed city gets the length limit",
    "UPDATE clients SET city = printf ('%.*c', 81, 'x') WHERE id = 100" },
  { "access-log kinds end at 16", RAW_LOG_NEXT ("0, 1, 100, 17, 1") },
};

static void
test_schema_refuses (Fixture       *f,
                     gconstpointer  data)
{
  sqlite3 *handle = raw_open (f->path);
  char *message = NULL;

  /* The largest values are accepted, and so are the new kinds of read. */
  g_assert_cmpint (sqlite3_exec (handle,
                                 RAW_CLIENT ", id, address, city, email, non_disclosure, mother_tongue, "
                                 "  other_mother_tongue, representative_name, representative_contact) "
                                 "VALUES (2, 1, '1980-01-01', printf ('%.*c', 100, 'x'), "
                                 "  printf ('%.*c', 150, 'x'), 1, 0, 0, 100, printf ('%.*c', 150, 'x'), "
                                 "  printf ('%.*c', 80, 'x'), printf ('%.*c', 242, 'x') || '@example.fi', 1, 3, "
                                 "  'tigrinja', printf ('%.*c', 150, 'x'), printf ('%.*c', 200, 'x'));"
                                 RAW_LOG_NEXT ("0, 1, 100, 9, 1") ";"
                                 RAW_LOG_NEXT ("0, 1, 100, 10, 2"),
                                 NULL, NULL, &message), ==, SQLITE_OK);
  g_assert_null (message);

  for (gsize i = 0; i < G_N_ELEMENTS (raw_bad); i++)
    {
      int rc = sqlite3_exec (handle, raw_bad[i].sql, NULL, NULL, &message);

      g_test_message ("%s: %s", raw_bad[i].rule, message != NULL ? message : "(accepted)");
      g_assert_cmpint (rc & 0xff, ==, SQLITE_CONSTRAINT);
      sqlite3_free (message);
      message = NULL;
    }
  g_assert_cmpint (raw_count (handle, "SELECT count(*) FROM clients"), ==, 1);
  sqlite3_close (handle);
}

/* ---- the person's cases (2.3) ---- */

static void
test_client_cases (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(KhIntakeResult) first = NULL;
  g_autoptr(KhIntakeResult) second = NULL;
  gint64 id = add_client (f, "Tapaus", "Tero", "1961-05-20", 954);
  gint64 other = add_client (f, "Muu", "Maija", "1980-05-20", 955);
  g_autofree char *log_sql = NULL;
  g_autoptr(KhTeam) young = kh_team_new ();
  KhCase *kcase;

  young->name = g_strdup ("Nuoret aikuiset");
  g_assert_cmpint (kh_db_save_team (f->db, f->admin, young, &error), >, 0);
  g_assert_no_error (error);
  {
    /* Thursday 2 April 2026: the person's daughter, for a disabled person (675/2023). */
    g_autoptr(KhContact) contact = test_contact (KH_OUTCOME_CASE_OPENED);
    g_autoptr(KhClient) client = kh_client_new ();

    client->id = id;
    contact->channel = KH_CHANNEL_PHONE;
    contact->contactor = KH_CONTACTOR_RELATIVE;
    contact->contactor_name = g_strdup ("Tiina Tapaus");
    contact->contactor_relation = g_strdup ("tytär");
    contact->received_at = g_date_time_new_local (2026, 4, 2, 10, 15, 0);
    first = save_intake (f, contact, client, KH_DEADLINE_GROUP_DISABLED);
  }
  {
    /* Tuesday 14 April 2026: a police notification without consent. */
    g_autoptr(KhContact) contact = test_contact (KH_OUTCOME_CASE_OPENED);
    g_autoptr(KhClient) client = kh_client_new ();

    client->id = id;
    contact->channel = KH_CHANNEL_AUTHORITY;
    contact->contactor = KH_CONTACTOR_AUTHORITY;
    contact->contactor_detail = g_strdup ("Poliisi, Itä-Uudenmaan poliisilaitos");
    contact->referral = KH_REFERRAL_WITHOUT_CONSENT;
    contact->received_at = g_date_time_new_local (2026, 4, 14, 9, 0, 0);
    /* In the young adults' team's queue (issue 5, 2.9). */
    second = save_intake_in_team (f, contact, client, 0, young->id);
  }

  {
    /* Wednesday 1 April 2026: the person themselves, directed by Kela to
     * apply (SHL 35 § 1 p). */
    g_autoptr(KhContact) contact = test_contact (KH_OUTCOME_CASE_OPENED);
    g_autoptr(KhClient) client = kh_client_new ();
    g_autoptr(KhIntakeResult) directed = NULL;

    client->id = id;
    contact->channel = KH_CHANNEL_WALK_IN;
    contact->contactor = KH_CONTACTOR_SELF;
    contact->referral = KH_REFERRAL_DIRECTED;
    contact->directed_by = g_strdup ("Kela");
    contact->received_at = g_date_time_new_local (2026, 4, 1, 13, 0, 0);
    directed = save_intake (f, contact, client, 0);
  }

  cases = kh_db_list_client_cases (f->db, f->admin, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cases->len, ==, 3);
  kcase = g_ptr_array_index (cases, 2);
  g_assert_cmpint (kcase->contactor, ==, KH_CONTACTOR_SELF);
  g_assert_cmpint (kcase->referral, ==, KH_REFERRAL_DIRECTED);
  g_assert_cmpstr (kcase->directed_by, ==, "Kela");
  g_assert_null (kcase->contactor_detail);

  /* Newest first. */
  kcase = g_ptr_array_index (cases, 0);
  g_assert_cmpint (kcase->id, ==, second->case_id);
  g_assert_cmpint (kcase->status, ==, KH_CASE_QUEUED);
  g_assert_cmpint (kcase->channel, ==, KH_CHANNEL_AUTHORITY);
  g_assert_cmpint (kcase->contactor, ==, KH_CONTACTOR_AUTHORITY);
  g_assert_cmpstr (kcase->contactor_detail, ==, "Poliisi, Itä-Uudenmaan poliisilaitos");
  g_assert_cmpint (kcase->referral, ==, KH_REFERRAL_WITHOUT_CONSENT);
  g_assert_null (kcase->assessment_deadline);
  g_assert_cmpint (kcase->deadline_groups, ==, 0);
  g_assert_cmpint (kcase->team_id, ==, young->id);
  g_assert_cmpstr (kcase->team_name, ==, "Nuoret aikuiset");

  kcase = g_ptr_array_index (cases, 1);
  g_assert_cmpint (kcase->id, ==, first->case_id);
  g_assert_cmpint (kcase->client_id, ==, id);
  g_assert_cmpint (kcase->channel, ==, KH_CHANNEL_PHONE);
  g_assert_cmpint (kcase->contactor, ==, KH_CONTACTOR_RELATIVE);
  g_assert_cmpstr (kcase->contactor_detail, ==, "Tiina Tapaus (tytär)");
  g_assert_cmpint (kcase->referral, ==, KH_REFERRAL_NONE);
  g_assert_cmpint (kcase->deadline_groups, ==, KH_DEADLINE_GROUP_DISABLED);
  /* The 7th working day after Thursday 2.4.2026 over Easter (Good Friday
   * 3.4 and Easter Monday 6.4 do not count): Wednesday 15.4.2026. */
  g_assert_cmpstr (kcase->assessment_deadline, ==, "2026-04-15");
  /* SHL 45 §: three months on, Thursday 2.7.2026. */
  g_assert_cmpstr (kcase->implementation_deadline, ==, "2026-07-02");
  g_assert_cmpstr (kcase->client_name, ==, "Tapaus, Tero");
  g_assert_null (kcase->assigned_to_name);
  /* The unit's first team, the default's (0023-teams.sql). */
  g_assert_cmpint (kcase->team_id, !=, young->id);
  g_assert_cmpstr (kcase->team_name, ==, "Aikuissosiaalityö");

  /* One logged read of the person's cases, and none of anyone else's. */
  log_sql = g_strdup_printf ("SELECT count(*) FROM access_log WHERE what = 9 AND client_id = %"
                             G_GINT64_FORMAT, id);
  g_assert_cmpint (count (f, log_sql), ==, 1);
  none = kh_db_list_client_cases (f->db, f->admin, other, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM access_log WHERE what = 9"), ==, 2);

  g_assert_null (kh_db_list_client_cases (f->db, f->admin, 99999, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (count (f, "SELECT count(*) FROM access_log WHERE what = 9"), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  if (store_test_runs_here (path)) \
    g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/person/protected-address", test_protected_address);
  ADD ("/store/person/protected-address-work-lists", test_protected_address_in_work_lists);
  ADD ("/store/person/mother-tongue-representative", test_mother_tongue_and_representative);
  ADD ("/store/person/bad-text-refused", test_bad_text_refused);
  ADD ("/store/person/length-limits", test_length_limits);
  /* In SQLite's SQL (printf, char): the SQLite schema's own rules. */
  if (!pg_test_engine ())
    ADD ("/store/person/schema-refuses", test_schema_refuses);
  ADD ("/store/person/cases", test_client_cases);

  return g_test_run ();
}
