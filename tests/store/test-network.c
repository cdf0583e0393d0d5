/* test-network.c — the client's network in the store, on both engines:
 * entries with their history, consents and their withdrawals, dated
 * versions, append-only below the store, who may, every read logged
 * (issue 9, 1)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include "store-desk-util.h"

typedef struct
{
  KhUser *rec;
  KhUser *cou;
  KhUser *sw;
  KhUser *lead;
  gint64  client_id;
  gint64  other_id;
} People;

static void
people_set_up (Fixture *f,
               People  *p)
{
  p->rec = fixture_add_user (f, "rec", "Riikka Vastaanotto", KH_ROLE_RECEPTION);
  p->cou = fixture_add_user (f, "cou", "Outi Ohjaaja", KH_ROLE_COUNSELLOR);
  p->sw = fixture_add_user (f, "sw", "Sari Sosiaalityöntekijä", KH_ROLE_SOCIAL_WORKER);
  p->lead = fixture_add_user (f, "lead", "Leena Johtava", KH_ROLE_LEAD);
  p->client_id = add_client (f, "Korhonen", "Aino", "1980-05-14", 931);
  p->other_id = add_client (f, "Virtanen", "Eero", "1975-02-03", 942);
}

static void
people_clear (People *p)
{
  g_clear_object (&p->rec);
  g_clear_object (&p->cou);
  g_clear_object (&p->sw);
  g_clear_object (&p->lead);
}

static KhNetworkMember *
person (People            *p,
        const char        *name,
        KhNetworkRelation  relation,
        KhTieQuality       tie)
{
  KhNetworkMember *m = kh_network_member_new (KH_NETWORK_PERSON);

  m->client_id = p->client_id;
  m->name = g_strdup (name);
  m->relation = relation;
  m->sector = KH_SECTOR_FAMILY;
  m->distance = KH_DISTANCE_CLOSE;
  m->tie = tie;
  m->direction = KH_SUPPORT_BOTH;
  m->support = KH_SUPPORT_EMOTIONAL | KH_SUPPORT_PRACTICAL;
  return m;
}

static KhNetworkMember *
add (Fixture         *f,
     KhUser          *user,
     KhNetworkMember *m)
{
  g_autoptr(GError) error = NULL;
  KhNetworkMember *stored = kh_db_add_network_member (fixture_db (f, user), user, m, &error);

  g_assert_no_error (error);
  g_assert_nonnull (stored);
  return stored;
}

static GPtrArray *
list (Fixture  *f,
      KhUser   *user,
      gint64    client_id,
      gboolean  with_removed)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *members = kh_db_list_network (fixture_db (f, user), user, client_id, with_removed, &error);

  g_assert_no_error (error);
  g_assert_nonnull (members);
  return members;
}

static gint64
network_reads (Fixture *f,
               gint64   client_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM access_log WHERE client_id = %"
                                          G_GINT64_FORMAT " AND what = 15 AND basis = %d",
                                          client_id, KH_BASIS_CLIENT_RELATIONSHIP);

  return count (f, sql);
}

static void
day_from_now (GDate *out,
              int    days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (out, 1);
  g_date_set_dmy (out, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  if (days > 0)
    g_date_add_days (out, days);
  else
    g_date_subtract_days (out, -days);
}

#define MEMBER(list, i) ((KhNetworkMember *) g_ptr_array_index ((list), (i)))

/* SQL that writes revision 2 of a person's entry, with `column` (if not
 * NULL) given `value` instead of a valid one. */
static char *
revision_insert (gint64      member_id,
                 gint64      client_id,
                 gint64      by,
                 const char *column,
                 const char *value)
{
  static const char * const columns[] = { "kind", "revision", "name", "relation", "service_id", "sector",
                                          "distance", "tie", "direction", "support", "note", "saved_at" };
  static const char * const values[] = { "1", "2", "'Eino Korhonen'", "4", "NULL", "1", "1", "2", "3", "3",
                                         "NULL", "1800000000" };
  g_autoptr(GString) cols = g_string_new ("member_id, client_id, saved_by");
  g_autoptr(GString) vals = g_string_new (NULL);

  g_string_printf (vals, "%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT, member_id, client_id, by);
  for (gsize i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_string_append_printf (cols, ", %s", columns[i]);
      g_string_append_printf (vals, ", %s", g_strcmp0 (column, columns[i]) == 0 ? value : values[i]);
    }
  return g_strdup_printf ("INSERT INTO network_member_revisions (%s) VALUES (%s)", cols->str, vals->str);
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  People p = { 0 };
  g_autoptr(KhNetworkMember) mother = NULL;
  g_autoptr(KhNetworkMember) agency = NULL;
  g_autoptr(KhNetworkMember) stored_mother = NULL;
  g_autoptr(KhNetworkMember) stored_agency = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) others = NULL;
  gint64 before, after;

  people_set_up (f, &p);
  mother = person (&p, "  Maija Korhonen ", KH_RELATION_PARENT, KH_TIE_STRESSFUL);
  mother->relation_text = g_strdup ("äiti");
  mother->contact = g_strdup ("040 123 4567\nmaija.korhonen@example.fi");
  mother->note = g_strdup ("  ");
  agency = kh_network_member_new (KH_NETWORK_AGENCY);
  agency->client_id = p.client_id;
  agency->service_id = 1;          /* Kela, in the directory every unit starts with */
  agency->contact_person = g_strdup ("Pekka Palveluneuvoja");
  agency->sector = KH_SECTOR_BENEFITS;
  agency->distance = KH_DISTANCE_FAR;
  agency->tie = KH_TIE_WEAK;
  agency->direction = KH_SUPPORT_TO_CLIENT;
  agency->support = KH_SUPPORT_INFORMATION | KH_SUPPORT_LINKS;
  agency->note = g_strdup ("Perustoimeentulotuki, asiakkuus Kelassa.");

  before = g_get_real_time () / G_USEC_PER_SEC;
  stored_mother = add (f, p.sw, mother);
  stored_agency = add (f, p.cou, agency);
  after = g_get_real_time () / G_USEC_PER_SEC;

  /* As stored: cleaned, revision 1, who and when the store says. */
  g_assert_cmpint (stored_mother->id, >, 0);
  g_assert_cmpint (stored_mother->revision, ==, 1);
  g_assert_cmpstr (stored_mother->name, ==, "Maija Korhonen");
  g_assert_null (stored_mother->note);
  g_assert_cmpstr (stored_mother->saved_by_name, ==, "Sari Sosiaalityöntekijä");
  g_assert_cmpint (g_date_time_to_unix (stored_mother->saved_at), >=, before);
  g_assert_cmpint (g_date_time_to_unix (stored_mother->saved_at), <=, after);
  g_assert_cmpint (stored_agency->revision, ==, 1);
  g_assert_null (stored_agency->name);
  /* Adding is a write, not a read. */
  g_assert_cmpint (network_reads (f, p.client_id), ==, 0);

  /* Listed by sector: the family first, then Kela. */
  members = list (f, p.lead, p.client_id, FALSE);
  g_assert_cmpint (network_reads (f, p.client_id), ==, 1);
  g_assert_cmpuint (members->len, ==, 2);
  g_assert_cmpint (MEMBER (members, 0)->id, ==, stored_mother->id);
  g_assert_cmpint (MEMBER (members, 0)->client_id, ==, p.client_id);
  g_assert_cmpint (MEMBER (members, 0)->kind, ==, KH_NETWORK_PERSON);
  g_assert_cmpint (MEMBER (members, 0)->revision, ==, 1);
  g_assert_cmpstr (MEMBER (members, 0)->name, ==, "Maija Korhonen");
  g_assert_cmpint (MEMBER (members, 0)->relation, ==, KH_RELATION_PARENT);
  g_assert_cmpstr (MEMBER (members, 0)->relation_text, ==, "äiti");
  g_assert_cmpstr (MEMBER (members, 0)->contact, ==, "040 123 4567\nmaija.korhonen@example.fi");
  g_assert_cmpint (MEMBER (members, 0)->service_id, ==, 0);
  g_assert_null (MEMBER (members, 0)->contact_person);
  g_assert_cmpint (MEMBER (members, 0)->sector, ==, KH_SECTOR_FAMILY);
  g_assert_cmpint (MEMBER (members, 0)->distance, ==, KH_DISTANCE_CLOSE);
  g_assert_cmpint (MEMBER (members, 0)->tie, ==, KH_TIE_STRESSFUL);
  g_assert_cmpint (MEMBER (members, 0)->direction, ==, KH_SUPPORT_BOTH);
  g_assert_cmpint (MEMBER (members, 0)->support, ==, KH_SUPPORT_EMOTIONAL | KH_SUPPORT_PRACTICAL);
  g_assert_null (MEMBER (members, 0)->note);
  g_assert_false (MEMBER (members, 0)->removed);
  g_assert_cmpint (MEMBER (members, 0)->saved_by, ==, p.sw->id);
  g_assert_cmpstr (MEMBER (members, 0)->saved_by_name, ==, "Sari Sosiaalityöntekijä");
  g_assert_cmpint (g_date_time_to_unix (MEMBER (members, 0)->saved_at), ==,
                   g_date_time_to_unix (stored_mother->saved_at));
  g_assert_nonnull (MEMBER (members, 0)->consents);
  g_assert_cmpuint (MEMBER (members, 0)->consents->len, ==, 0);

  g_assert_cmpint (MEMBER (members, 1)->kind, ==, KH_NETWORK_AGENCY);
  g_assert_cmpint (MEMBER (members, 1)->service_id, ==, 1);
  g_assert_true (g_strcmp0 (MEMBER (members, 1)->service_name, "Kela") == 0
                 || g_strcmp0 (MEMBER (members, 1)->service_name, "FPA") == 0);
  g_assert_cmpstr (kh_network_member_display_name (MEMBER (members, 1)), ==, MEMBER (members, 1)->service_name);
  g_assert_cmpstr (MEMBER (members, 1)->contact_person, ==, "Pekka Palveluneuvoja");
  g_assert_cmpint (MEMBER (members, 1)->support, ==, KH_SUPPORT_INFORMATION | KH_SUPPORT_LINKS);
  g_assert_cmpstr (MEMBER (members, 1)->note, ==, "Perustoimeentulotuki, asiakkuus Kelassa.");
  g_assert_cmpstr (MEMBER (members, 1)->saved_by_name, ==, "Outi Ohjaaja");

  /* Another person's network holds none of these, and its read is its own. */
  others = list (f, p.sw, p.other_id, FALSE);
  g_assert_cmpuint (others->len, ==, 0);
  g_assert_cmpint (network_reads (f, p.other_id), ==, 1);
  g_assert_cmpint (network_reads (f, p.client_id), ==, 1);
  people_clear (&p);
}

static void
test_history (Fixture       *f,
              gconstpointer  data)
{
  People p = { 0 };
  g_autoptr(KhNetworkMember) friend = NULL;
  g_autoptr(KhNetworkMember) v1 = NULL;
  g_autoptr(KhNetworkMember) v2 = NULL;
  g_autoptr(KhNetworkMember) gone = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *update = NULL;
  g_autofree char *delete = NULL;
  g_autofree char *update_member = NULL;
  g_autofree char *skip = NULL;
  RawDb *raw;

  people_set_up (f, &p);
  friend = person (&p, "Liisa Laine", KH_RELATION_FRIEND, KH_TIE_STRONG);
  friend->sector = KH_SECTOR_FRIENDS;
  v1 = add (f, p.sw, friend);

  /* A change is the next revision. */
  g_free (v1->note);
  v1->note = g_strdup ("Muutti Ouluun, yhteys puhelimessa.");
  v1->distance = KH_DISTANCE_FAR;
  v1->tie = KH_TIE_WEAK;
  v2 = kh_db_save_network_member (fixture_db (f, p.cou), p.cou, v1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (v2->revision, ==, 2);
  g_assert_cmpint (v2->id, ==, v1->id);
  g_assert_cmpstr (v2->saved_by_name, ==, "Outi Ohjaaja");

  /* Saving the revision already saved over: someone else's change stands. */
  g_assert_null (kh_db_save_network_member (fixture_db (f, p.sw), p.sw, v1, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_STALE);
  g_clear_error (&error);

  members = list (f, p.sw, p.client_id, FALSE);
  g_assert_cmpuint (members->len, ==, 1);
  g_assert_cmpint (MEMBER (members, 0)->revision, ==, 2);
  g_assert_cmpint (MEMBER (members, 0)->tie, ==, KH_TIE_WEAK);
  g_assert_cmpstr (MEMBER (members, 0)->note, ==, "Muutti Ouluun, yhteys puhelimessa.");
  g_clear_pointer (&members, g_ptr_array_unref);

  /* Removed: a last revision marked so; listed only when asked. */
  gone = kh_db_remove_network_member (fixture_db (f, p.lead), p.lead, v2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gone->revision, ==, 3);
  g_assert_true (gone->removed);
  members = list (f, p.sw, p.client_id, FALSE);
  g_assert_cmpuint (members->len, ==, 0);
  g_clear_pointer (&members, g_ptr_array_unref);
  members = list (f, p.sw, p.client_id, TRUE);
  g_assert_cmpuint (members->len, ==, 1);
  g_assert_true (MEMBER (members, 0)->removed);
  g_assert_cmpint (MEMBER (members, 0)->revision, ==, 3);
  /* Nothing after a removal. */
  g_assert_null (kh_db_save_network_member (fixture_db (f, p.sw), p.sw, gone, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* The history: every revision, oldest first. */
  history = kh_db_list_network_member_history (fixture_db (f, p.sw), p.sw, p.client_id, v1->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 3);
  g_assert_cmpint (MEMBER (history, 0)->revision, ==, 1);
  g_assert_cmpint (MEMBER (history, 0)->tie, ==, KH_TIE_STRONG);
  g_assert_null (MEMBER (history, 0)->note);
  g_assert_cmpstr (MEMBER (history, 0)->saved_by_name, ==, "Sari Sosiaalityöntekijä");
  g_assert_cmpint (MEMBER (history, 1)->revision, ==, 2);
  g_assert_cmpint (MEMBER (history, 1)->tie, ==, KH_TIE_WEAK);
  g_assert_false (MEMBER (history, 1)->removed);
  g_assert_true (MEMBER (history, 2)->removed);
  g_assert_cmpstr (MEMBER (history, 2)->saved_by_name, ==, "Leena Johtava");
  /* Three lists and the history: four reads, four rows. */
  g_assert_cmpint (network_reads (f, p.client_id), ==, 4);

  /* Below the store, for any program (the server's superuser too). */
  update = g_strdup_printf ("UPDATE network_member_revisions SET tie = 1 WHERE member_id = %" G_GINT64_FORMAT, v1->id);
  delete = g_strdup_printf ("DELETE FROM network_member_revisions WHERE member_id = %" G_GINT64_FORMAT, v1->id);
  update_member = g_strdup_printf ("UPDATE network_members SET client_id = %" G_GINT64_FORMAT " WHERE id = %"
                                   G_GINT64_FORMAT, p.other_id, v1->id);
  skip = g_strdup_printf ("INSERT INTO network_member_revisions (member_id, client_id, kind, revision, name, "
                          "relation, sector, distance, tie, direction, support, saved_at, saved_by) "
                          "VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 1, 5, 'Liisa', 6, 2, 1, 1, 1, 0, "
                          "0, %" G_GINT64_FORMAT ")", v1->id, p.client_id, p.sw->id);
  raw = raw_connect (f);
  g_assert_true (raw_refuses (raw, update));
  g_assert_true (raw_refuses (raw, delete));
  g_assert_true (raw_refuses (raw, update_member));
  g_assert_true (raw_refuses (raw, skip));
  raw_close (raw);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM network_member_revisions WHERE member_id = %"
                                            G_GINT64_FORMAT, v1->id);
    g_assert_cmpint (count (f, sql), ==, 3);
  }
  people_clear (&p);
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  People p = { 0 };
  g_autoptr(GError) error = NULL;
  struct {
    const char *what;
    KhNetworkKind kind;
    const char *name;
    gint64 service_id;
    int sector;
    int tie;
    guint support;
    gboolean nobody;
    int code;
  } rows[] = {
    { "a person without a name",      KH_NETWORK_PERSON, " ",      0,   KH_SECTOR_FAMILY, KH_TIE_STRONG, 0,    FALSE, KH_STORE_ERROR_INVALID },
    { "an agency with neither",       KH_NETWORK_AGENCY, NULL,     0,   KH_SECTOR_HEALTH, KH_TIE_WEAK,   0,    FALSE, KH_STORE_ERROR_INVALID },
    { "a sector beyond the list",     KH_NETWORK_PERSON, "Eino",   0,   10,               KH_TIE_STRONG, 0,    FALSE, KH_STORE_ERROR_INVALID },
    { "a tie beyond the list",        KH_NETWORK_PERSON, "Eino",   0,   KH_SECTOR_FAMILY, 6,             0,    FALSE, KH_STORE_ERROR_INVALID },
    { "support beyond the flags",     KH_NETWORK_PERSON, "Eino",   0,   KH_SECTOR_FAMILY, KH_TIE_STRONG, 0x20, FALSE, KH_STORE_ERROR_INVALID },
    { "a person from the directory",  KH_NETWORK_PERSON, "Eino",   1,   KH_SECTOR_FAMILY, KH_TIE_STRONG, 0,    FALSE, KH_STORE_ERROR_INVALID },
    { "a service not in the directory", KH_NETWORK_AGENCY, NULL,   999, KH_SECTOR_HEALTH, KH_TIE_WEAK,   0,    FALSE, -1 },
    { "no such person",               KH_NETWORK_PERSON, "Eino",   0,   KH_SECTOR_FAMILY, KH_TIE_STRONG, 0,    TRUE,  KH_STORE_ERROR_NOT_FOUND },
  };
  RawDb *raw;

  people_set_up (f, &p);
  for (gsize i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(KhNetworkMember) m = kh_network_member_new (rows[i].kind);

      g_test_message ("%s", rows[i].what);
      m->client_id = rows[i].nobody ? p.other_id + 1000 : p.client_id;
      m->name = g_strdup (rows[i].name);
      m->service_id = rows[i].service_id;
      m->sector = rows[i].sector;
      m->tie = rows[i].tie;
      m->support = rows[i].support;
      g_assert_null (kh_db_add_network_member (fixture_db (f, p.sw), p.sw, m, &error));
      if (rows[i].code >= 0)
        g_assert_error (error, KH_STORE_ERROR, rows[i].code);
      else
        /* SQLite's store says so; a server's foreign key refuses. */
        g_assert_true (error != NULL && error->domain == KH_STORE_ERROR);
      g_clear_error (&error);
    }
  g_assert_cmpint (count (f, "SELECT count(*) FROM network_members"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM network_member_revisions"), ==, 0);

  /* The tables restate the core's rules: a second revision of a person's
   * entry, each with one bad value, then the same with none. */
  {
    g_autoptr(KhNetworkMember) m = person (&p, "Eino Korhonen", KH_RELATION_SIBLING, KH_TIE_ORDINARY);
    g_autoptr(KhNetworkMember) stored = add (f, p.sw, m);
    static const struct { const char *column, *value; } bad[] = {
      { "sector", "10" }, { "sector", "0" }, { "distance", "0" }, { "distance", "4" }, { "tie", "6" },
      { "direction", "4" }, { "direction", "-1" }, { "support", "32" }, { "relation", "10" },
      { "service_id", "1" },                 /* a person from the directory */
      { "name", "NULL" },                    /* a person without a name */
      { "name", "'   '" },
      { "kind", "2" },                       /* not the entry's kind */
      { "revision", "3" },                   /* not the next revision */
      { "note", "''" },
    };

    raw = raw_connect (f);
    for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autofree char *sql = revision_insert (stored->id, p.client_id, p.sw->id, bad[i].column, bad[i].value);

        g_assert_true (raw_refuses (raw, sql));
      }
    {
      g_autofree char *sql = revision_insert (stored->id, p.client_id, p.sw->id, NULL, NULL);

      g_assert_true (raw_try (raw, sql));
    }
    raw_close (raw);
    g_assert_cmpint (count (f, "SELECT count(*) FROM network_member_revisions"), ==, 2);
  }
  people_clear (&p);
}

static void
test_consents (Fixture       *f,
               gconstpointer  data)
{
  People p = { 0 };
  g_autoptr(KhNetworkMember) agency = NULL;
  g_autoptr(KhNetworkMember) stored = NULL;
  g_autoptr(KhNetworkMember) other = NULL;
  g_autoptr(KhNetworkConsent) c = kh_network_consent_new ();
  g_autoptr(KhNetworkConsent) plan = kh_network_consent_new ();
  g_autoptr(KhNetworkConsent) first = NULL;
  g_autoptr(KhNetworkConsent) second = NULL;
  g_autoptr(KhNetworkConsent) withdrawn = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *update = NULL;
  g_autofree char *delete = NULL;
  g_autofree char *update_w = NULL;
  g_autofree char *delete_w = NULL;
  g_autofree char *bad_day = NULL;
  g_autofree char *ends_before = NULL;
  GDate today, on;
  RawDb *raw;

  people_set_up (f, &p);
  day_from_now (&today, 0);
  agency = kh_network_member_new (KH_NETWORK_AGENCY);
  agency->client_id = p.client_id;
  agency->name = g_strdup ("A-klinikka, Kallio");
  agency->contact_person = g_strdup ("Heikki Hoitaja");
  agency->sector = KH_SECTOR_HEALTH;
  stored = add (f, p.sw, agency);
  other = person (&p, "Eero Virtanen", KH_RELATION_FRIEND, KH_TIE_WEAK);
  other->client_id = p.other_id;
  g_clear_object (&other);
  {
    g_autoptr(KhNetworkMember) m = person (&p, "Eeva Virtanen", KH_RELATION_PARTNER, KH_TIE_STRONG);

    m->client_id = p.other_id;
    other = add (f, p.sw, m);
  }

  /* Contact and information, given 30 days ago for a year. */
  c->member_id = stored->id;
  c->scope = KH_CONSENT_CONTACT | KH_CONSENT_SHARE_INFO;
  day_from_now (&c->given_on, -30);
  day_from_now (&c->expires_on, 335);
  c->note = g_strdup ("  kirjallinen suostumuslomake ");
  first = kh_db_record_network_consent (fixture_db (f, p.sw), p.sw, p.client_id, c, &error);
  g_assert_no_error (error);
  g_assert_cmpint (first->id, >, 0);
  g_assert_cmpstr (first->note, ==, "kirjallinen suostumuslomake");
  g_assert_cmpstr (first->recorded_by_name, ==, "Sari Sosiaalityöntekijä");
  g_assert_nonnull (first->recorded_at);
  /* The plan, today. */
  plan->member_id = stored->id;
  plan->scope = KH_CONSENT_SHARE_PLAN;
  day_from_now (&plan->given_on, 0);
  second = kh_db_record_network_consent (fixture_db (f, p.cou), p.cou, p.client_id, plan, &error);
  g_assert_no_error (error);

  /* Withdrawn today: kept, with its withdrawal beside it. */
  withdrawn = kh_db_withdraw_network_consent (fixture_db (f, p.lead), p.lead, p.client_id, first, &today, &error);
  g_assert_no_error (error);
  g_assert_true (g_date_valid (&withdrawn->withdrawn_on));
  g_assert_cmpstr (withdrawn->withdrawn_by_name, ==, "Leena Johtava");
  g_assert_cmpint (kh_network_consent_state (withdrawn, &today), ==, KH_CONSENT_WITHDRAWN);

  members = list (f, p.sw, p.client_id, FALSE);
  g_assert_cmpuint (members->len, ==, 1);
  g_assert_cmpuint (MEMBER (members, 0)->consents->len, ==, 2);
  {
    KhNetworkConsent *a = g_ptr_array_index (MEMBER (members, 0)->consents, 0);
    KhNetworkConsent *b = g_ptr_array_index (MEMBER (members, 0)->consents, 1);

    g_assert_cmpint (a->id, ==, first->id);
    g_assert_cmpint (a->scope, ==, KH_CONSENT_CONTACT | KH_CONSENT_SHARE_INFO);
    g_assert_cmpint (g_date_compare (&a->given_on, &c->given_on), ==, 0);
    g_assert_cmpint (g_date_compare (&a->expires_on, &c->expires_on), ==, 0);
    g_assert_cmpint (g_date_compare (&a->withdrawn_on, &today), ==, 0);
    g_assert_cmpstr (a->note, ==, "kirjallinen suostumuslomake");
    g_assert_cmpstr (a->recorded_by_name, ==, "Sari Sosiaalityöntekijä");
    g_assert_cmpstr (a->withdrawn_by_name, ==, "Leena Johtava");
    g_assert_cmpint (b->id, ==, second->id);
    g_assert_false (g_date_valid (&b->expires_on));
    g_assert_false (g_date_valid (&b->withdrawn_on));
    g_assert_null (b->note);
    g_assert_true (kh_network_may_share (MEMBER (members, 0)->consents, KH_CONSENT_SHARE_PLAN, &today));
    g_assert_false (kh_network_may_share (MEMBER (members, 0)->consents, KH_CONSENT_CONTACT, &today));
  }

  /* Withdrawn once only; not before it was given; not in the future. */
  g_assert_null (kh_db_withdraw_network_consent (fixture_db (f, p.sw), p.sw, p.client_id, first, &today, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_clear_error (&error);
  day_from_now (&on, -1);
  g_assert_null (kh_db_withdraw_network_consent (fixture_db (f, p.sw), p.sw, p.client_id, second, &on, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_clear_error (&error);
  day_from_now (&on, 1);
  g_assert_null (kh_db_withdraw_network_consent (fixture_db (f, p.sw), p.sw, p.client_id, second, &on, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* Another person's consent, as this person's. */
  g_assert_null (kh_db_withdraw_network_consent (fixture_db (f, p.sw), p.sw, p.other_id, second, &today, &error));
  g_assert_true (error != NULL);
  g_clear_error (&error);

  /* A consent for another person's entry, or one the core refuses. */
  {
    g_autoptr(KhNetworkConsent) x = kh_network_consent_new ();

    x->member_id = other->id;
    x->scope = KH_CONSENT_CONTACT;
    day_from_now (&x->given_on, 0);
    g_assert_null (kh_db_record_network_consent (fixture_db (f, p.sw), p.sw, p.client_id, x, &error));
    g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    x->member_id = stored->id;
    day_from_now (&x->given_on, 1);
    g_assert_null (kh_db_record_network_consent (fixture_db (f, p.sw), p.sw, p.client_id, x, &error));
    g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
    g_clear_error (&error);
    day_from_now (&x->given_on, 0);
    x->scope = 0;
    g_assert_null (kh_db_record_network_consent (fixture_db (f, p.sw), p.sw, p.client_id, x, &error));
    g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }

  /* Append-only below the store. */
  update = g_strdup_printf ("UPDATE network_consents SET scope = 7 WHERE id = %" G_GINT64_FORMAT, first->id);
  delete = g_strdup_printf ("DELETE FROM network_consents WHERE id = %" G_GINT64_FORMAT, first->id);
  update_w = g_strdup_printf ("UPDATE network_consent_withdrawals SET withdrawn_on = '2099-01-01' "
                              "WHERE consent_id = %" G_GINT64_FORMAT, first->id);
  delete_w = g_strdup_printf ("DELETE FROM network_consent_withdrawals WHERE consent_id = %" G_GINT64_FORMAT,
                              first->id);
  bad_day = g_strdup_printf ("INSERT INTO network_consents (member_id, client_id, scope, given_on, "
                             "recorded_at, recorded_by) VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT
                             ", 1, '2026-02-30', 1800000000, %" G_GINT64_FORMAT ")",
                             stored->id, p.client_id, p.sw->id);
  ends_before = g_strdup_printf ("INSERT INTO network_consents (member_id, client_id, scope, given_on, "
                                 "expires_on, recorded_at, recorded_by) VALUES (%" G_GINT64_FORMAT ", %"
                                 G_GINT64_FORMAT ", 1, '2026-03-02', '2026-03-01', 1800000000, %"
                                 G_GINT64_FORMAT ")", stored->id, p.client_id, p.sw->id);
  raw = raw_connect (f);
  g_assert_true (raw_refuses (raw, update));
  g_assert_true (raw_refuses (raw, delete));
  g_assert_true (raw_refuses (raw, update_w));
  g_assert_true (raw_refuses (raw, delete_w));
  g_assert_true (raw_refuses (raw, bad_day));
  g_assert_true (raw_refuses (raw, ends_before));
  raw_close (raw);
  g_assert_cmpint (count (f, "SELECT count(*) FROM network_consents"), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM network_consent_withdrawals"), ==, 1);
  people_clear (&p);
}

static void
test_versions (Fixture       *f,
               gconstpointer  data)
{
  People p = { 0 };
  g_autoptr(KhNetworkMember) mother = NULL;
  g_autoptr(KhNetworkMember) friend = NULL;
  g_autoptr(KhNetworkMember) nurse = NULL;
  g_autoptr(KhNetworkMember) changed = NULL;
  g_autoptr(KhNetworkMember) removed = NULL;
  g_autoptr(KhNetworkMember) neighbour = NULL;
  g_autoptr(KhNetworkVersion) first = NULL;
  g_autoptr(KhNetworkVersion) second = NULL;
  g_autoptr(KhNetworkVersion) read_back = NULL;
  g_autoptr(GPtrArray) then = NULL;
  g_autoptr(GPtrArray) now = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *update = NULL;
  g_autofree char *delete = NULL;
  g_autofree char *add_later = NULL;
  g_autofree char *delete_member = NULL;
  RawDb *raw;

  people_set_up (f, &p);
  {
    g_autoptr(KhNetworkMember) a = person (&p, "Maija Korhonen", KH_RELATION_PARENT, KH_TIE_STRESSFUL);
    g_autoptr(KhNetworkMember) b = person (&p, "Liisa Laine", KH_RELATION_FRIEND, KH_TIE_STRONG);
    g_autoptr(KhNetworkMember) c = kh_network_member_new (KH_NETWORK_AGENCY);

    b->sector = KH_SECTOR_FRIENDS;
    c->client_id = p.client_id;
    c->name = g_strdup ("Terveysasema, Kallio");
    c->sector = KH_SECTOR_HEALTH;
    mother = add (f, p.sw, a);
    friend = add (f, p.sw, b);
    nurse = add (f, p.sw, c);
  }
  first = kh_db_take_network_version (fixture_db (f, p.sw), p.sw, p.client_id,
                                      "  Asiakassuunnitelma 1.12.2026 ", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first->label, ==, "Asiakassuunnitelma 1.12.2026");
  g_assert_cmpint (first->n_members, ==, 3);
  g_assert_cmpstr (first->taken_by_name, ==, "Sari Sosiaalityöntekijä");
  /* Taking a version is a write, not a read. */
  g_assert_cmpint (network_reads (f, p.client_id), ==, 0);

  /* Afterwards: the mother's tie better, the friend removed, a neighbour added. */
  mother->tie = KH_TIE_ORDINARY;
  changed = kh_db_save_network_member (fixture_db (f, p.sw), p.sw, mother, &error);
  g_assert_no_error (error);
  removed = kh_db_remove_network_member (fixture_db (f, p.sw), p.sw, friend, &error);
  g_assert_no_error (error);
  {
    g_autoptr(KhNetworkMember) d = person (&p, "Veikko Naapuri", KH_RELATION_NEIGHBOUR, KH_TIE_WEAK);

    d->sector = KH_SECTOR_FRIENDS;
    neighbour = add (f, p.cou, d);
  }
  second = kh_db_take_network_version (fixture_db (f, p.lead), p.lead, p.client_id, "Tarkistus 1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (second->n_members, ==, 3);

  /* The first version as it stood. */
  then = kh_db_read_network_version (fixture_db (f, p.cou), p.cou, p.client_id, first->id, &read_back, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read_back->label, ==, "Asiakassuunnitelma 1.12.2026");
  g_assert_cmpint (g_date_time_to_unix (read_back->taken_at), ==, g_date_time_to_unix (first->taken_at));
  g_assert_cmpuint (then->len, ==, 3);
  g_assert_cmpint (MEMBER (then, 0)->id, ==, mother->id);
  g_assert_cmpint (MEMBER (then, 0)->revision, ==, 1);
  g_assert_cmpint (MEMBER (then, 0)->tie, ==, KH_TIE_STRESSFUL);
  g_assert_cmpint (MEMBER (then, 1)->id, ==, friend->id);
  g_assert_false (MEMBER (then, 1)->removed);
  g_assert_cmpint (MEMBER (then, 2)->id, ==, nurse->id);
  g_assert_cmpstr (MEMBER (then, 2)->name, ==, "Terveysasema, Kallio");

  /* The second: the mother at revision 2, the neighbour, no friend. */
  now = kh_db_read_network_version (fixture_db (f, p.cou), p.cou, p.client_id, second->id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (now->len, ==, 3);
  g_assert_cmpint (MEMBER (now, 0)->id, ==, mother->id);
  g_assert_cmpint (MEMBER (now, 0)->revision, ==, 2);
  g_assert_cmpint (MEMBER (now, 0)->tie, ==, KH_TIE_ORDINARY);
  g_assert_cmpint (MEMBER (now, 1)->id, ==, neighbour->id);
  g_assert_cmpint (MEMBER (now, 2)->id, ==, nurse->id);

  /* Side by side: the mother's tie changed, the neighbour added, the
   * nurse the same, the friend removed. */
  {
    g_autoptr(GPtrArray) changes = kh_network_compare (then, now);
    static const KhNetworkChangeKind kinds[] = { KH_NETWORK_CHANGED, KH_NETWORK_ADDED, KH_NETWORK_SAME,
                                                 KH_NETWORK_REMOVED };

    g_assert_cmpuint (changes->len, ==, G_N_ELEMENTS (kinds));
    for (guint i = 0; i < changes->len; i++)
      g_assert_cmpint (((KhNetworkChange *) g_ptr_array_index (changes, i))->kind, ==, kinds[i]);
    g_assert_cmphex (((KhNetworkChange *) g_ptr_array_index (changes, 0))->fields, ==, 1u << KH_NETWORK_FIELD_TIE);
    g_assert_cmpint (((KhNetworkChange *) g_ptr_array_index (changes, 3))->before->id, ==, friend->id);
  }

  versions = kh_db_list_network_versions (fixture_db (f, p.sw), p.sw, p.client_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 2);
  g_assert_cmpint (((KhNetworkVersion *) g_ptr_array_index (versions, 0))->id, ==, second->id);
  g_assert_cmpstr (((KhNetworkVersion *) g_ptr_array_index (versions, 0))->taken_by_name, ==, "Leena Johtava");
  g_assert_cmpint (((KhNetworkVersion *) g_ptr_array_index (versions, 1))->id, ==, first->id);
  g_assert_cmpint (((KhNetworkVersion *) g_ptr_array_index (versions, 1))->n_members, ==, 3);
  g_assert_cmpint (network_reads (f, p.client_id), ==, 3);

  /* Another person's version through this person: none. */
  g_assert_null (kh_db_read_network_version (fixture_db (f, p.cou), p.cou, p.other_id, first->id, NULL, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* No label. */
  g_assert_null (kh_db_take_network_version (fixture_db (f, p.sw), p.sw, p.client_id, "   ", &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Immutable below the store: no change, no removal, no entry added to a
   * version afterwards. */
  update = g_strdup_printf ("UPDATE network_versions SET label = 'x' WHERE id = %" G_GINT64_FORMAT, first->id);
  delete = g_strdup_printf ("DELETE FROM network_versions WHERE id = %" G_GINT64_FORMAT, first->id);
  delete_member = g_strdup_printf ("DELETE FROM network_version_members WHERE version_id = %" G_GINT64_FORMAT,
                                   first->id);
  add_later = g_strdup_printf ("INSERT INTO network_version_members (version_id, revision_id, client_id) "
                               "SELECT %" G_GINT64_FORMAT ", id, client_id FROM network_member_revisions "
                               "WHERE member_id = %" G_GINT64_FORMAT, first->id, neighbour->id);
  raw = raw_connect (f);
  g_assert_true (raw_refuses (raw, update));
  g_assert_true (raw_refuses (raw, delete));
  g_assert_true (raw_refuses (raw, delete_member));
  g_assert_true (raw_refuses (raw, add_later));
  raw_close (raw);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM network_version_members WHERE version_id = %"
                                            G_GINT64_FORMAT, first->id);
    g_assert_cmpint (count (f, sql), ==, 3);
  }
  people_clear (&p);
}

static void
test_roles_and_log (Fixture       *f,
                    gconstpointer  data)
{
  People p = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(KhNetworkMember) stored = NULL;
  KhUser *allowed[3];
  KhUser *refused[2];

  people_set_up (f, &p);
  allowed[0] = p.cou;
  allowed[1] = p.sw;
  allowed[2] = p.lead;
  for (guint i = 0; i < G_N_ELEMENTS (allowed); i++)
    {
      g_autoptr(KhNetworkMember) m = person (&p, "Sisko Korhonen", KH_RELATION_SIBLING, KH_TIE_ORDINARY);
      g_autoptr(KhNetworkMember) s = add (f, allowed[i], m);
      g_autoptr(GPtrArray) members = list (f, allowed[i], p.client_id, FALSE);

      g_assert_cmpint (s->saved_by, ==, allowed[i]->id);
      g_assert_cmpuint (members->len, ==, i + 1);
      g_assert_cmpint (network_reads (f, p.client_id), ==, i + 1);
      if (stored == NULL)
        stored = g_object_ref (s);
    }

  /* Reception and the administrator neither keep nor read it; a refused
   * read logs nothing. */
  refused[0] = p.rec;
  refused[1] = f->admin;
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      KhDb *db = fixture_db (f, refused[i]);
      g_autoptr(KhNetworkMember) m = person (&p, "Sisko Korhonen", KH_RELATION_SIBLING, KH_TIE_ORDINARY);
      g_autoptr(KhNetworkConsent) c = kh_network_consent_new ();
      g_autoptr(GPtrArray) none = NULL;

      c->member_id = stored->id;
      c->scope = KH_CONSENT_CONTACT;
      day_from_now (&c->given_on, 0);
      g_assert_null (kh_db_list_network (db, refused[i], p.client_id, FALSE, &error));
      g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
      g_clear_error (&error);
      g_assert_null (kh_db_list_network_versions (db, refused[i], p.client_id, &error));
      g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
      g_clear_error (&error);
      g_assert_null (kh_db_list_network_member_history (db, refused[i], p.client_id, stored->id, &error));
      g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
      g_clear_error (&error);
      g_assert_null (kh_db_add_network_member (db, refused[i], m, &error));
      g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
      g_clear_error (&error);
      g_assert_null (kh_db_save_network_member (db, refused[i], stored, &error));
      g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
      g_clear_error (&error);
      g_assert_null (kh_db_record_network_consent (db, refused[i], p.client_id, c, &error));
      g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
      g_clear_error (&error);
      g_assert_null (kh_db_take_network_version (db, refused[i], p.client_id, "Versio", &error));
      g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_PERMISSION);
      g_clear_error (&error);
    }
  g_assert_cmpint (network_reads (f, p.client_id), ==, 3);
  g_assert_cmpint (count (f, "SELECT count(*) FROM network_members"), ==, 3);
  g_assert_cmpint (count (f, "SELECT count(*) FROM network_consents"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM network_versions"), ==, 0);

  /* No such person: nothing read, nothing logged. */
  g_assert_null (kh_db_list_network (fixture_db (f, p.sw), p.sw, p.other_id + 1000, FALSE, &error));
  g_assert_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM access_log WHERE what = 15"), ==, 3);
  people_clear (&p);
}

/* ---- the store's calls, off the caller's thread ---- */

/* A desk (KhStore) of a social worker: each call of the network through
 * the worker thread, as the network page will make them. */
static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  People p = { 0 };
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(KhStore) store = NULL;
  g_autoptr(KhUser) me = NULL;
  g_autoptr(KhNetworkMember) m = NULL;
  g_autoptr(KhNetworkMember) added = NULL;
  g_autoptr(KhNetworkMember) saved = NULL;
  g_autoptr(KhNetworkMember) removed = NULL;
  g_autoptr(KhNetworkConsent) c = kh_network_consent_new ();
  g_autoptr(KhNetworkConsent) given = NULL;
  g_autoptr(KhNetworkConsent) withdrawn = NULL;
  g_autoptr(KhNetworkVersion) version = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GPtrArray) then = NULL;
  g_autoptr(GError) error = NULL;
  Waiter w = { loop, NULL };
  GDate today;

  people_set_up (f, &p);
  store = open_desk (f, &w, &me);

  m = person (&p, "Maija Korhonen", KH_RELATION_PARENT, KH_TIE_STRONG);
  kh_store_write_network_member_async (store, m, KH_NETWORK_WRITE_ADD, NULL, done_cb, &w);
  added = kh_store_write_network_member_finish (store, wait_for (&w), &error);
  g_assert_no_error (error);
  g_assert_cmpint (added->revision, ==, 1);
  g_assert_cmpint (added->saved_by, ==, me->id);

  added->tie = KH_TIE_STRESSFUL;
  kh_store_write_network_member_async (store, added, KH_NETWORK_WRITE_SAVE, NULL, done_cb, &w);
  saved = kh_store_write_network_member_finish (store, wait_for (&w), &error);
  g_assert_no_error (error);
  g_assert_cmpint (saved->revision, ==, 2);

  c->member_id = added->id;
  c->scope = KH_CONSENT_CONTACT;
  day_from_now (&c->given_on, 0);
  day_from_now (&today, 0);
  kh_store_record_network_consent_async (store, p.client_id, c, NULL, NULL, done_cb, &w);
  given = kh_store_record_network_consent_finish (store, wait_for (&w), &error);
  g_assert_no_error (error);
  g_assert_cmpint (given->id, >, 0);

  kh_store_take_network_version_async (store, p.client_id, "Suunnitelma", NULL, done_cb, &w);
  version = kh_store_take_network_version_finish (store, wait_for (&w), &error);
  g_assert_no_error (error);
  g_assert_cmpint (version->n_members, ==, 1);

  kh_store_record_network_consent_async (store, p.client_id, given, &today, NULL, done_cb, &w);
  withdrawn = kh_store_record_network_consent_finish (store, wait_for (&w), &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_date_compare (&withdrawn->withdrawn_on, &today), ==, 0);

  kh_store_write_network_member_async (store, saved, KH_NETWORK_WRITE_REMOVE, NULL, done_cb, &w);
  removed = kh_store_write_network_member_finish (store, wait_for (&w), &error);
  g_assert_no_error (error);
  g_assert_true (removed->removed);

  kh_store_list_network_async (store, p.client_id, TRUE, NULL, done_cb, &w);
  members = kh_store_list_network_finish (store, wait_for (&w), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (members->len, ==, 1);
  g_assert_true (MEMBER (members, 0)->removed);
  g_assert_cmpuint (MEMBER (members, 0)->consents->len, ==, 1);

  kh_store_list_network_member_history_async (store, p.client_id, added->id, NULL, done_cb, &w);
  history = kh_store_list_network_member_history_finish (store, wait_for (&w), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 3);

  kh_store_list_network_versions_async (store, p.client_id, NULL, done_cb, &w);
  versions = kh_store_list_network_versions_finish (store, wait_for (&w), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 1);

  /* The version as it stood: the stressful tie, the consent not yet
   * withdrawn then. */
  kh_store_read_network_version_async (store, p.client_id, version->id, NULL, done_cb, &w);
  then = kh_store_read_network_version_finish (store, wait_for (&w), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (then->len, ==, 1);
  g_assert_cmpint (MEMBER (then, 0)->tie, ==, KH_TIE_STRESSFUL);
  g_assert_false (MEMBER (then, 0)->removed);
  g_assert_cmpuint (MEMBER (then, 0)->consents->len, ==, 1);
  /* Four reads, four rows of the access log. */
  g_assert_cmpint (network_reads (f, p.client_id), ==, 4);

  g_clear_object (&w.result);
  g_clear_object (&store);
  people_clear (&p);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  if (store_test_runs_here (path)) \
    g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/network/round-trip", test_round_trip);
  ADD ("/store/network/history", test_history);
  ADD ("/store/network/refused", test_refused);
  ADD ("/store/network/consents", test_consents);
  ADD ("/store/network/versions", test_versions);
  ADD ("/store/network/roles-and-log", test_roles_and_log);
  ADD ("/store/network/async", test_async);

  return g_test_run ();
}
