/* kh-db-clients.c — people: validation, saving, reading and search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kohtaamo-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "core/kh-hetu.h"
#include "core/kh-text.h"
#include "store/kh-db-private.h"

#define CLIENT_COLUMNS \
  "c.id, c.identity_kind, c.identity_code, c.no_code_reason, c.birth_date, " \
  "c.last_name, c.first_names, c.language, c.other_language, c.interpreter, " \
  "{client_address}, c.phone, c.email, c.created_at, c.updated_at, " \
  "c.non_disclosure, c.mother_tongue, c.other_mother_tongue, c.representative_name, " \
  "c.representative_contact, c.version"
/* sort_key is the KH_FI order of (last name, first names) as bytes. */
#define CLIENT_ORDER "c.sort_key, c.id"

/* The earliest birth date taken as plausible (the 1800s century sign exists,
 * but nobody alive was born before this). */
#define EARLIEST_BIRTH_YEAR 1880

static void
withhold_address (KhClient *client)
{
  g_clear_pointer (&client->address, g_free);
  g_clear_pointer (&client->postal_code, g_free);
  g_clear_pointer (&client->city, g_free);
  client->address_withheld = TRUE;
}

static KhClient *
client_from_row (KhDbStmt *stmt)
{
  KhClient *client = kh_client_new ();

  client->id = _kh_db_column_int64 (stmt, 0);
  client->identity_kind = _kh_db_column_int (stmt, 1);
  client->identity_code = _kh_db_column_text (stmt, 2);
  client->no_code_reason = _kh_db_column_int (stmt, 3);
  client->birth_date = _kh_db_column_text (stmt, 4);
  client->last_name = _kh_db_column_text (stmt, 5);
  client->first_names = _kh_db_column_text (stmt, 6);
  client->language = _kh_db_column_int (stmt, 7);
  client->other_language = _kh_db_column_text (stmt, 8);
  client->interpreter = _kh_db_column_int (stmt, 9) != 0;
  client->address = _kh_db_column_text (stmt, 10);
  client->postal_code = _kh_db_column_text (stmt, 11);
  client->city = _kh_db_column_text (stmt, 12);
  client->phone = _kh_db_column_text (stmt, 13);
  client->email = _kh_db_column_text (stmt, 14);
  client->created_at = _kh_db_column_time (stmt, 15);
  client->updated_at = _kh_db_column_time (stmt, 16);
  client->non_disclosure = _kh_db_column_int (stmt, 17) != 0;
  client->mother_tongue = _kh_db_column_int (stmt, 18);
  client->other_mother_tongue = _kh_db_column_text (stmt, 19);
  client->representative_name = _kh_db_column_text (stmt, 20);
  client->representative_contact = _kh_db_column_text (stmt, 21);
  client->version = _kh_db_column_int64 (stmt, 22);

  /* ATL 703/2023 38 § and the non-disclosure marking (Population Information
   * Act 661/2009 36 §): the address of a protected person leaves the store
   * only through kh_db_get_client() with KH_ACCESS_PROTECTED_ADDRESS, a
   * logged read of its own. Every list, search result, work list and the
   * person's page get the record without it. */
  if (client->non_disclosure)
    withhold_address (client);
  return client;
}

/* ---- validation ---- */

/* The phone number as stored for search: kh_phone_normalize's form without
 * the "+" that it keeps on foreign numbers, so that the column holds digits
 * only (0001-initial.sql) and a typed prefix finds the number either way. */
char *
_kh_db_phone_key (const char *phone)
{
  g_autofree char *normal = kh_phone_normalize (phone);

  if (normal == NULL)
    return NULL;
  return g_strdup (normal[0] == '+' ? normal + 1 : normal);
}

static void
replace_clean (char **field)
{
  char *clean = kh_text_clean (*field);

  g_free (*field);
  *field = clean;
}

static gboolean
refuse (const char **out_field,
        const char  *field,
        GError     **error,
        const char  *message)
{
  if (out_field != NULL)
    *out_field = field;
  g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
check_client (KhClient     *client,
              char        **out_phone_digits,
              const char  **out_field,
              GError      **error)
{
  g_autoptr(GDate) today = g_date_new ();
  GDate birth;

  g_date_set_time_t (today, time (NULL));

  replace_clean (&client->last_name);
  replace_clean (&client->first_names);
  replace_clean (&client->other_language);
  replace_clean (&client->address);
  replace_clean (&client->postal_code);
  replace_clean (&client->city);
  replace_clean (&client->phone);
  replace_clean (&client->email);
  replace_clean (&client->other_mother_tongue);
  replace_clean (&client->representative_name);
  replace_clean (&client->representative_contact);
  if (client->address_withheld)
    {
      /* Not read, so not changed: the stored address stays. */
      g_clear_pointer (&client->address, g_free);
      g_clear_pointer (&client->postal_code, g_free);
      g_clear_pointer (&client->city, g_free);
    }
  if (client->identity_code != NULL)
    {
      g_strstrip (client->identity_code);
      if (client->identity_code[0] == '\0')
        g_clear_pointer (&client->identity_code, g_free);
    }

  if (client->last_name == NULL)
    return refuse (out_field, "last_name", error, _("Last name: enter the person’s last name."));
  if (client->first_names == NULL)
    return refuse (out_field, "first_names", error, _("First names: enter the person’s first names."));

  switch (client->identity_kind)
    {
    case KH_IDENTITY_CODE:
      {
        KhHetuStatus status;

        if (client->identity_code == NULL)
          return refuse (out_field, "identity_code", error,
                         _("Personal identity code: enter the code, or choose that the person has none."));
        status = kh_hetu_validate (client->identity_code, today, &birth, NULL);
        if (status != KH_HETU_OK)
          {
            if (out_field != NULL)
              *out_field = "identity_code";
            g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID,
                         /* Translators: %s says what is wrong with the code */
                         _("Personal identity code: %s"), kh_hetu_status_message (status));
            return FALSE;
          }
        /* The code is the authority on the birth date. */
        g_free (client->birth_date);
        client->birth_date = kh_date_to_iso (&birth);
        client->no_code_reason = KH_NO_CODE_NONE;
      }
      break;

    case KH_IDENTITY_BIRTH_DATE:
      if (client->identity_code != NULL)
        return refuse (out_field, "identity_code", error,
                       _("Personal identity code: remove the code, or choose that the person has one."));
      if (client->no_code_reason < KH_NO_CODE_NOT_KNOWN || client->no_code_reason > KH_NO_CODE_LAST)
        return refuse (out_field, "no_code_reason", error,
                       _("Reason: choose why the person has no personal identity code."));
      if (client->birth_date == NULL || !kh_date_parse (client->birth_date, &birth))
        return refuse (out_field, "birth_date", error,
                       _("Birth date: enter the date of birth, e.g. 2.4.1980."));
      if (g_date_compare (&birth, today) > 0)
        return refuse (out_field, "birth_date", error,
                       _("Birth date: the date is in the future."));
      if (g_date_get_year (&birth) < EARLIEST_BIRTH_YEAR)
        return refuse (out_field, "birth_date", error,
                       _("Birth date: the year is not plausible."));
      g_free (client->birth_date);
      client->birth_date = kh_date_to_iso (&birth);
      break;

    default:
      return refuse (out_field, "identity_code", error,
                     _("Personal identity code: choose whether the person has a code."));
    }

  if (client->language < KH_LANGUAGE_FIRST || client->language > KH_LANGUAGE_LAST)
    return refuse (out_field, "language", error, _("Language: choose the language of service."));
  if (client->language == KH_LANGUAGE_OTHER && client->other_language == NULL)
    return refuse (out_field, "other_language", error,
                   _("Other language: enter the name of the language."));
  if (client->language != KH_LANGUAGE_OTHER)
    g_clear_pointer (&client->other_language, g_free);

  /* Mother tongue (ATL 38 §), recorded or not. */
  if (client->mother_tongue != 0
      && (client->mother_tongue < KH_LANGUAGE_FIRST || client->mother_tongue > KH_LANGUAGE_LAST))
    return refuse (out_field, "mother_tongue", error, _("Mother tongue: choose a language from the list."));
  if (client->mother_tongue == KH_LANGUAGE_OTHER && client->other_mother_tongue == NULL)
    return refuse (out_field, "other_mother_tongue", error,
                   _("Other mother tongue: enter the name of the language."));
  if (client->mother_tongue != KH_LANGUAGE_OTHER)
    g_clear_pointer (&client->other_mother_tongue, g_free);

  if (client->representative_contact != NULL && client->representative_name == NULL)
    return refuse (out_field, "representative_name", error,
                   _("Legal representative: enter the representative’s name as well as the contact details."));

  /* Issue 5, 1.13: bounded text, no invisible or direction-changing characters. */
  {
    g_autoptr(GError) text_error = NULL;

    if (!kh_client_check_text (client, out_field, &text_error))
      {
        g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_INVALID, text_error->message);
        return FALSE;
      }
  }

  if (client->email != NULL && !kh_email_is_valid (client->email))
    return refuse (out_field, "email", error,
                   _("E-mail: the address is not valid (e.g. name@example.fi)."));
  if (client->postal_code != NULL && !kh_postal_code_is_valid (client->postal_code))
    return refuse (out_field, "postal_code", error, _("Postal code: enter five digits."));

  if (client->phone != NULL)
    {
      g_autofree char *digits = _kh_db_phone_key (client->phone);

      if (digits == NULL)
        return refuse (out_field, "phone", error,
                       _("Phone: enter the number with digits, and spaces, + or - if you like."));
      if (out_phone_digits != NULL)
        *out_phone_digits = g_steal_pointer (&digits);
    }

  return TRUE;
}

gboolean
_kh_db_prepare_client (KhClient  *client,
                       char     **out_phone_digits,
                       GError   **error)
{
  return check_client (client, out_phone_digits, NULL, error);
}

/**
 * kh_db_validate_client:
 * @client: the person as typed; not changed
 * @out_field: (out) (optional): the field at fault
 *
 * Returns: %TRUE if kh_db_save_client() would accept the person's details
 *   (apart from a duplicate identity code, which needs the database).
 */
gboolean
kh_db_validate_client (KhClient     *client,
                       const char  **out_field,
                       GError      **error)
{
  g_autoptr(KhClient) copy = NULL;

  g_return_val_if_fail (KH_IS_CLIENT (client), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (out_field != NULL)
    *out_field = NULL;
  copy = kh_client_copy (client);
  return check_client (copy, NULL, out_field, error);
}

/* ---- reading and writing ---- */

/* `sql` about the person ?1 (bound), stepped to its row; NOT_FOUND when
 * there is none. */
static KhDbStmt *
step_client (KhDb        *db,
             const char  *sql,
             gint64       client_id,
             GError     **error)
{
  g_autoptr(KhDbStmt) stmt = _kh_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  _kh_db_bind_int64 (stmt, 1, client_id);
  rc = _kh_db_step (stmt);
  if (rc == KH_DB_ROW)
    return g_steal_pointer (&stmt);
  if (rc != KH_DB_DONE)
    _kh_db_set_error (db, rc, error);
  else
    g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND,
                 _("The person was not found. Someone may have removed the record."));
  return NULL;
}

KhClient *
_kh_db_read_client (KhDb    *db,
                    gint64   client_id,
                    GError **error)
{
  g_autoptr(KhDbStmt) stmt = step_client (db, "SELECT " CLIENT_COLUMNS " FROM clients c{client_join} WHERE c.id = ?",
                                          client_id, error);

  return stmt != NULL ? client_from_row (stmt) : NULL;
}

gboolean
_kh_db_client_exists (KhDb    *db,
                      gint64   client_id,
                      GError **error)
{
  g_autoptr(KhDbStmt) stmt = step_client (db, "SELECT 1 FROM clients WHERE id = ?", client_id, error);

  return stmt != NULL;
}

static gint64
find_code_owner (KhDb        *db,
                 const char  *code,
                 GError     **error)
{
  g_autoptr(KhDbStmt) stmt = NULL;
  int rc;

  stmt = _kh_db_prepare (db, "SELECT id FROM clients WHERE identity_code = ?", error);
  if (stmt == NULL)
    return -1;
  _kh_db_bind_text (stmt, 1, code);
  rc = _kh_db_step (stmt);
  if (rc == KH_DB_ROW)
    return _kh_db_column_int64 (stmt, 0);
  if (rc == KH_DB_DONE)
    return 0;
  _kh_db_set_error (db, rc, error);
  return -1;
}

static void
set_duplicate_error (const char  *code,
                     GError     **error)
{
  g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_DUPLICATE_CODE,
               /* Translators: %s is a personal identity code */
               _("Personal identity code: %s already belongs to another person. Search for them instead of creating a new record."),
               code);
}

/* When the stored version of a person is newer than the one a save started
 * from: the time of the change as the message says it. */
static char *
format_change_time (gint64 at)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (at);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (when == NULL || now == NULL)
    return g_strdup ("?");
  if (g_date_time_get_year (when) == g_date_time_get_year (now)
      && g_date_time_get_day_of_year (when) == g_date_time_get_day_of_year (now))
    /* Translators: the time of a change made today, with its preposition,
     * as in "changed … at 14:05"; see the g_date_time_format documentation */
    return g_date_time_format (when, C_("time of a change today", "at %H:%M"));
  /* Translators: the time of a change made on another day, with its
   * prepositions, as in "changed … on 3.12.2026 at 14:05"; see the
   * g_date_time_format documentation */
  return g_date_time_format (when, C_("time of a change on another day", "on %-d.%-m.%Y at %H:%M"));
}

/* An update that changed no row: the person is gone, or someone saved
 * them after this save's version was read (issue 6, 6). */
static void
set_not_saved_error (KhDb      *db,
                     KhClient  *client,
                     GError   **error)
{
  g_autoptr(KhDbStmt) stmt = NULL;
  g_autofree char *when = NULL;
  int rc;

  stmt = _kh_db_prepare (db, "SELECT updated_at FROM clients WHERE id = ?", error);
  if (stmt == NULL)
    return;
  _kh_db_bind_int64 (stmt, 1, client->id);
  rc = _kh_db_step (stmt);
  if (rc == KH_DB_DONE)
    {
      g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_NOT_FOUND,
                   _("The person was not found. Someone may have removed the record."));
      return;
    }
  if (rc != KH_DB_ROW)
    {
      _kh_db_set_error (db, rc, error);
      return;
    }
  when = format_change_time (_kh_db_column_int64 (stmt, 0));
  g_set_error (error, KH_STORE_ERROR, KH_STORE_ERROR_STALE,
               /* Translators: %s is when, as in "at 14:05" or "on 3.12.2026 at 14:05" */
               _("Someone else changed this person’s details %s, after you started editing. Nothing was saved: load their version to review it, or keep editing yours."),
               when);
}

/* Issue 6, 7: an update that changed no row because the row already holds
 * exactly this save, one version on from the one it started from. That is
 * this save's own write, committed by the server before its answer was
 * lost with the connection (the store then saves again once the server is
 * back, kh-store.c: run_parked). Somebody else writing the very same
 * details in between is indistinguishable from it, and as harmless:
 * nothing anybody wrote is overwritten, and the person stands as this
 * save wanted. The stored address is compared only when this save carried
 * one (address_withheld: not read, so not written). */
static gboolean
is_own_write (KhDb     *db,
              KhClient *client)
{
  g_autoptr(KhClient) stored = NULL;
  g_autoptr(GError) error = NULL;

  stored = _kh_db_read_client (db, client->id, &error);
  if (stored == NULL || stored->version != client->version + 1)
    return FALSE;
  if (!client->address_withheld
      && (stored->address_withheld
          || g_strcmp0 (stored->address, client->address) != 0
          || g_strcmp0 (stored->postal_code, client->postal_code) != 0
          || g_strcmp0 (stored->city, client->city) != 0))
    return FALSE;
  return stored->identity_kind == client->identity_kind
         && g_strcmp0 (stored->identity_code, client->identity_code) == 0
         && stored->no_code_reason == client->no_code_reason
         && g_strcmp0 (stored->birth_date, client->birth_date) == 0
         && g_strcmp0 (stored->last_name, client->last_name) == 0
         && g_strcmp0 (stored->first_names, client->first_names) == 0
         && stored->language == client->language
         && g_strcmp0 (stored->other_language, client->other_language) == 0
         && !stored->interpreter == !client->interpreter
         && g_strcmp0 (stored->phone, client->phone) == 0
         && g_strcmp0 (stored->email, client->email) == 0
         && !stored->non_disclosure == !client->non_disclosure
         && stored->mother_tongue == client->mother_tongue
         && g_strcmp0 (stored->other_mother_tongue, client->other_mother_tongue) == 0
         && g_strcmp0 (stored->representative_name, client->representative_name) == 0
         && g_strcmp0 (stored->representative_contact, client->representative_contact) == 0;
}

gint64
_kh_db_write_client (KhDb        *db,
                     KhClient    *client,
                     const char  *phone_digits,
                     GError     **error)
{
  g_autofree char *sort_key = NULL;
  g_autofree char *search_text = NULL;
  g_autoptr(GPtrArray) words = NULL;
  g_autoptr(KhDbStmt) stmt = NULL;
  gint64 owner;
  int rc;

  if (client->identity_code != NULL)
    {
      owner = find_code_owner (db, client->identity_code, error);
      if (owner < 0)
        return 0;
      if (owner > 0 && owner != client->id)
        {
          set_duplicate_error (client->identity_code, error);
          return 0;
        }
    }

  /* An address the record did not carry (withheld) is kept as stored:
   * the statement does not name it (a worker's role on a server may not
   * read it, only write it). */
  if (client->id > 0 && client->address_withheld)
    stmt = _kh_db_prepare (db,
                           "UPDATE clients SET identity_kind = ?1, identity_code = ?2, "
                           "no_code_reason = ?3, birth_date = ?4, last_name = ?5, first_names = ?6, "
                           "language = ?7, other_language = ?8, interpreter = ?9, "
                           "phone = ?13, phone_digits = ?14, "
                           "email = ?15, updated_at = ?16, sort_key = ?18, {set_search_text}"
                           "non_disclosure = ?20, mother_tongue = ?21, other_mother_tongue = ?22, "
                           "representative_name = ?23, representative_contact = ?24, "
                           "version = version + 1 "
                           "WHERE id = ?17 AND version = ?26 RETURNING id",
                           error);
  else if (client->id > 0)
    stmt = _kh_db_prepare (db,
                           "UPDATE clients SET identity_kind = ?1, identity_code = ?2, "
                           "no_code_reason = ?3, birth_date = ?4, last_name = ?5, first_names = ?6, "
                           "language = ?7, other_language = ?8, interpreter = ?9, "
                           "address = ?10, postal_code = ?11, city = ?12, "
                           "phone = ?13, phone_digits = ?14, "
                           "email = ?15, updated_at = ?16, sort_key = ?18, {set_search_text}"
                           "non_disclosure = ?20, mother_tongue = ?21, other_mother_tongue = ?22, "
                           "representative_name = ?23, representative_contact = ?24, "
                           /* Issue 6, 6: only over the version the save
                            * started from (0019-live-changes.sql). */
                           "version = version + 1 "
                           "WHERE id = ?17 AND version = ?26 RETURNING id",
                           error);
  else
    stmt = _kh_db_prepare (db,
                           "INSERT INTO clients (identity_kind, identity_code, no_code_reason, "
                           "birth_date, last_name, first_names, language, other_language, "
                           "interpreter, address, postal_code, city, phone, phone_digits, email, "
                           "updated_at, created_at, sort_key, non_disclosure, "
                           "mother_tongue, other_mother_tongue, representative_name, "
                           "representative_contact{search_text_column}) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
                           "?15, ?16, ?16, ?18, ?20, ?21, ?22, ?23, ?24{search_text_value}) RETURNING id",
                           error);
  if (stmt == NULL)
    return 0;

  _kh_db_bind_int (stmt, 1, client->identity_kind);
  _kh_db_bind_text (stmt, 2, client->identity_code);
  _kh_db_bind_int (stmt, 3, client->no_code_reason);
  _kh_db_bind_text (stmt, 4, client->birth_date);
  _kh_db_bind_text (stmt, 5, client->last_name);
  _kh_db_bind_text (stmt, 6, client->first_names);
  _kh_db_bind_int (stmt, 7, client->language);
  _kh_db_bind_text (stmt, 8, client->other_language);
  _kh_db_bind_int (stmt, 9, client->interpreter ? 1 : 0);
  _kh_db_bind_text (stmt, 10, client->address);
  _kh_db_bind_text (stmt, 11, client->postal_code);
  _kh_db_bind_text (stmt, 12, client->city);
  _kh_db_bind_text (stmt, 13, client->phone);
  _kh_db_bind_text (stmt, 14, phone_digits);
  _kh_db_bind_text (stmt, 15, client->email);
  _kh_db_bind_int64 (stmt, 16, _kh_db_now ());
  if (client->id > 0)
    _kh_db_bind_int64 (stmt, 17, client->id);
  sort_key = _kh_db_make_sort_key (client->last_name, client->first_names);
  search_text = _kh_db_make_search_text (client->last_name, client->first_names, &words);
  _kh_db_bind_blob (stmt, 18, sort_key, strlen (sort_key));
  _kh_db_bind_text (stmt, 19, search_text);
  _kh_db_bind_int (stmt, 20, client->non_disclosure ? 1 : 0);
  _kh_db_bind_int (stmt, 21, client->mother_tongue);
  _kh_db_bind_text (stmt, 22, client->other_mother_tongue);
  _kh_db_bind_text (stmt, 23, client->representative_name);
  _kh_db_bind_text (stmt, 24, client->representative_contact);
  if (client->id > 0)
    _kh_db_bind_int64 (stmt, 26, client->version);

  rc = _kh_db_step (stmt);
  if (rc == KH_DB_ROW)
    {
      gint64 id = _kh_db_column_int64 (stmt, 0);

      /* Finish the statement first: its RETURNING holds the row. */
      if (!_kh_db_step_done (db, stmt, error))
        return 0;
      if (!_kh_db_write_words (db, id, sort_key, words, client->id > 0, error))
        return 0;
      return id;
    }
  if (rc == KH_DB_DONE)
    {
      if (client->id > 0 && is_own_write (db, client))
        return client->id;
      set_not_saved_error (db, client, error);
      return 0;
    }
  if (_kh_db_is_unique_violation (db, rc))
    set_duplicate_error (client->identity_code, error);
  else
    _kh_db_set_error (db, rc, error);
  return 0;
}

/* The row and its name words: whole or not at all, even inside the caller's
 * transaction (kh_db_begin). */
static gint64
write_client_whole (KhDb        *db,
                    KhUser      *user,
                    KhClient    *client,
                    const char  *phone_digits,
                    GError     **error)
{
  GError *local_error = NULL;
  gboolean own;
  gint64 id = 0;

  if (!_kh_db_tx_begin (db, &own, error))
    return 0;
  if (user == NULL || _kh_db_log_before_write (db, user, client->id, &local_error))
    id = _kh_db_write_client (db, client, phone_digits, &local_error);
  if (!_kh_db_tx_end (db, own, id > 0, &local_error))
    {
      g_propagate_error (error, local_error);
      return 0;
    }
  return id;
}

/**
 * kh_db_save_client:
 *
 * Returns: the person's id, or 0 with INVALID, DUPLICATE_CODE, NOT_FOUND or
 *   a database error.
 */
gint64
kh_db_save_client (KhDb      *db,
                   KhUser    *user,
                   KhClient  *client,
                   GError   **error)
{
  g_autoptr(KhClient) copy = NULL;
  g_autofree char *phone_digits = NULL;
  GError *local_error = NULL;
  gint64 id;

  g_return_val_if_fail (db != NULL, 0);
  g_return_val_if_fail (KH_IS_USER (user), 0);
  g_return_val_if_fail (KH_IS_CLIENT (client), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!_kh_db_check_role (db, user, KH_ROLE_RECEPTION, error))
    return 0;
  copy = kh_client_copy (client);
  if (!check_client (copy, &phone_digits, NULL, error))
    return 0;

  id = write_client_whole (db, user, copy, phone_digits, &local_error);
  if (local_error != NULL)
    {
      _kh_db_log_duplicate_code (db, user, copy->identity_code, &local_error);
      g_propagate_error (error, local_error);
      return 0;
    }
  return id;
}

/**
 * kh_db_insert_client_bulk:
 *
 * As kh_db_save_client() for a new person, without logging and with the
 * search index rebuilt once at kh_db_commit().
 */
gint64
kh_db_insert_client_bulk (KhDb      *db,
                          KhUser    *user,
                          KhClient  *client,
                          GError   **error)
{
  g_autoptr(KhClient) copy = NULL;
  g_autofree char *phone_digits = NULL;

  g_return_val_if_fail (db != NULL, 0);
  g_return_val_if_fail (KH_IS_CLIENT (client), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  copy = kh_client_copy (client);
  copy->id = 0;
  if (!check_client (copy, &phone_digits, NULL, error))
    return 0;
  if (!_kh_db_defer_search_index (db, error))
    return 0;

  return write_client_whole (db, user, copy, phone_digits, error);
}

/* A refusal that says "this code already belongs to a person" tells the
 * user that the person is in the register, as a search by the full code
 * would (issue 6, 5): it is logged as that person's KH_ACCESS_SEARCH, basis
 * INTAKE (for an administrator's command, ADMINISTRATION), in a
 * transaction of its own, because the refused write is rolled back. The
 * message keeps helping the desk (search for the person by the code: a
 * logged search) and the log says who learned it. */
static gboolean
log_code_owner (KhDb        *db,
                KhUser      *user,
                const char  *code,
                gint64      *out_owner,
                GError     **error)
{
  GError *local_error = NULL;
  gint64 owner;
  gboolean own;

  if (!_kh_db_tx_begin (db, &own, error))
    return FALSE;
  if (db->engine->search_on_server)
    {
      /* No worker sees a person before the read is logged: the server's
       * search by the whole code finds the owner and logs them (what 1). */
      g_autoptr(KhDbStmt) stmt = _kh_db_prepare (db,
                                                 "SELECT client_id FROM kohtaamo.search_clients_by_code "
                                                 "(?1, 1, CAST (?2 AS integer))",
                                                 &local_error);

      owner = 0;
      /* The whole code only (a shorter one would find its prefix). */
      if (stmt != NULL && strlen (code) == 11
          && _kh_db_check_session_user (db, user, &local_error))
        {
          int rc;

          _kh_db_bind_text (stmt, 1, code);
          _kh_db_bind_int (stmt, 2, user->role == KH_ROLE_ADMIN ? KH_BASIS_ADMINISTRATION
                                                                : KH_BASIS_INTAKE);
          rc = _kh_db_step (stmt);
          if (rc == KH_DB_ROW)
            owner = _kh_db_column_int64 (stmt, 0);
          else if (rc != KH_DB_DONE)
            _kh_db_set_error (db, rc, &local_error);
        }
    }
  else
    {
      owner = find_code_owner (db, code, &local_error);
      if (owner > 0)
        _kh_db_log_access (db, user, owner, KH_ACCESS_SEARCH,
                           user->role == KH_ROLE_ADMIN ? KH_BASIS_ADMINISTRATION : KH_BASIS_INTAKE,
                           &local_error);
    }
  if (!_kh_db_tx_finish (db, own, local_error, error))
    return FALSE;
  if (out_owner != NULL)
    *out_owner = MAX (owner, 0);
  return TRUE;
}

gboolean
_kh_db_log_duplicate_code (KhDb        *db,
                           KhUser      *user,
                           const char  *code,
                           GError     **error)
{
  GError *local_error = NULL;

  g_return_val_if_fail (error != NULL, FALSE);

  if (!g_error_matches (*error, KH_STORE_ERROR, KH_STORE_ERROR_DUPLICATE_CODE) || code == NULL)
    return FALSE;
  /* No row, no message that confirms anything: the logging's own error
   * is what the user gets. */
  if (!log_code_owner (db, user, code, NULL, &local_error))
    {
      g_clear_error (error);
      g_propagate_error (error, local_error);
    }
  return TRUE;
}

/**
 * kh_db_identity_code_exists:
 *
 * Whether a person with @code is in the register, for @user as the users
 * table has them now. A yes is a read of that person (as a search by the
 * code): it is logged as their KH_ACCESS_SEARCH in the same transaction. A
 * no reads nobody.
 *
 * Returns: %TRUE if the code belongs to a person; %FALSE if not, or with
 *   @error set (PERMISSION for a user who may not ask).
 */
gboolean
kh_db_identity_code_exists (KhDb        *db,
                            KhUser      *user,
                            const char  *code,
                            GError     **error)
{
  gint64 owner = 0;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (KH_IS_USER (user), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_kh_db_check_role (db, user, KH_ROLE_RECEPTION, error))
    return FALSE;
  if (!log_code_owner (db, user, code, &owner, error))
    return FALSE;
  return owner > 0;
}

/* The one place a protected address is read (kh_db_get_client with
 * KH_ACCESS_PROTECTED_ADDRESS, logged as such by the caller). */
static gboolean
read_protected_address (KhDb      *db,
                        KhClient  *client,
                        GError   **error)
{
  g_autoptr(KhDbStmt) stmt = NULL;
  int rc;

  /* On a server no worker role reads the address columns: the server's
   * function gives them for a person this transaction logged as shown
   * (data/sql/pg/0008-contact-reads.sql). */
  stmt = _kh_db_prepare (db,
                         db->engine->search_on_server
                         ? "SELECT address, postal_code, city "
                           "FROM kohtaamo.client_address (CAST (?1 AS bigint), true)"
                         : "SELECT address, postal_code, city FROM clients WHERE id = ?1",
                         error);
  if (stmt == NULL)
    return FALSE;
  _kh_db_bind_int64 (stmt, 1, client->id);
  rc = _kh_db_step (stmt);
  if (rc != KH_DB_ROW)
    {
      _kh_db_set_error (db, rc, error);
      return FALSE;
    }
  client->address = _kh_db_column_text (stmt, 0);
  client->postal_code = _kh_db_column_text (stmt, 1);
  client->city = _kh_db_column_text (stmt, 2);
  client->address_withheld = FALSE;
  return TRUE;
}

/**
 * kh_db_get_client:
 *
 * Reads a person and logs the read (@what, @basis) in the same transaction.
 */
KhClient *
kh_db_get_client (KhDb          *db,
                  KhUser        *user,
                  gint64         client_id,
                  KhAccessWhat   what,
                  KhAccessBasis  basis,
                  GError       **error)
{
  g_autoptr(KhClient) client = NULL;
  GError *local_error = NULL;
  gboolean own;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (KH_IS_USER (user), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_kh_db_check_role (db, user, KH_ROLE_RECEPTION, error))
    return NULL;
  if (!_kh_db_read_begin (db, &own, error))
    return NULL;
  /* The log row first: on a server only a read this transaction logged
   * sees the person (0001-schema.sql there). A person not found rolls it
   * back with the rest. */
  if (_kh_db_log_access (db, user, client_id, what, basis, &local_error))
    client = _kh_db_read_client (db, client_id, &local_error);
  if (client != NULL && client->address_withheld && what == KH_ACCESS_PROTECTED_ADDRESS)
    read_protected_address (db, client, &local_error);
  /* The person's page shows their responsible worker (42 §), read under
   * the same log row. */
  if (client != NULL && local_error == NULL && what == KH_ACCESS_PAGE)
    _kh_db_read_responsible_worker (db, client, &local_error);
  if (!_kh_db_read_finish (db, own, local_error, error))
    return NULL;
  return g_steal_pointer (&client);
}

/* ---- the person's cases (issue 5, 2.3) ---- */

static KhCase *
client_case_from_row (KhDbStmt *stmt)
{
  KhCase *kcase = _kh_db_case_from_row (stmt);

  kcase->channel = _kh_db_column_int (stmt, 13);
  kcase->contactor = _kh_db_column_int (stmt, 14);
  kcase->contactor_detail = _kh_db_column_text (stmt, 15);
  kcase->referral = _kh_db_column_int (stmt, 16);
  kcase->implementation_deadline = _kh_db_column_text (stmt, 17);
  kcase->directed_by = _kh_db_column_text (stmt, 18);
  kcase->assessment_status = _kh_db_column_int (stmt, 19);
  kcase->team_id = _kh_db_column_int64 (stmt, 20);
  kcase->team_name = _kh_db_column_text (stmt, 21);
  kcase->plan_review_on = _kh_db_column_text (stmt, 22);
  return kcase;
}

/**
 * kh_db_list_client_cases:
 *
 * Returns: (transfer full) (element-type KhCase): every case of the person,
 *   the newest first, each with who made the contact that opened it and on
 *   what basis (SHL 35 §) and its team; the read is logged once as
 *   KH_ACCESS_CASES.
 */
GPtrArray *
kh_db_list_client_cases (KhDb    *db,
                         KhUser  *user,
                         gint64   client_id,
                         GError **error)
{
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  GError *local_error = NULL;
  KhAccessBasis basis;
  gboolean own, may_assess;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (KH_IS_USER (user), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_kh_db_check_role (db, user, KH_ROLE_RECEPTION, error))
    return NULL;
  basis = user->role == KH_ROLE_RECEPTION ? KH_BASIS_INTAKE : KH_BASIS_CLIENT_RELATIONSHIP;
  may_assess = user->role == KH_ROLE_COUNSELLOR || user->role == KH_ROLE_SOCIAL_WORKER
               || user->role == KH_ROLE_LEAD;

  if (!_kh_db_read_begin (db, &own, error))
    return NULL;
  /* The log row first, as in kh_db_get_client. */
  if (_kh_db_log_access (db, user, client_id, KH_ACCESS_CASES, basis, &local_error)
      && _kh_db_client_exists (db, client_id, &local_error))
    {
      /* Whether the case's assessment is a draft or finished (issue 7, 3),
       * for those who work with assessments: on a server a function that
       * says that much and no more for all the person's cases at once
       * (pg/0036), as the tables themselves are read only after a logged
       * opening. */
      gboolean states = may_assess && kh_db_is_server (db);
      const char *assessment = !may_assess ? "0"
                               : states ? "coalesce (st.assessment_status, 0)"
                               : "coalesce ((SELECT min (a.status) FROM assessments a WHERE a.case_id = cs.id), 0)";
      /* The review date of the case's client plan (issue 9, 3), when it
       * has one: as the caseload reads it (kh-db-caseload.c). */
      const char *plan = !may_assess ? "NULL"
                         : states ? "st.review_on"
                         : "(SELECT p.review_on FROM case_plan_status p WHERE p.case_id = cs.id)";
      g_autofree char *sql =
        g_strdup_printf ("SELECT cs.id, cs.client_id, cs.contact_id, cs.opened_at, cs.status, "
                        "  cs.assigned_to, cs.deadline_groups, cs.assessment_deadline, "
                        "  c.last_name || ', ' || c.first_names, "
                        "  coalesce (u.display_name, u.account), c.language, k.needs, k.urgent, "
                        /* Who notified: the authority, or the relative or legal
                         * representative by name (and relation), 1.9. */
                        "  k.channel, k.contactor, coalesce (k.contactor_detail, "
                        "    k.contactor_name || coalesce (' (' || k.contactor_relation || ')', '')), "
                        "  k.referral, "
                        "  cs.implementation_deadline, k.directed_by, %s, "
                        /* The team whose queue the case waits in, or whose
                         * worker has it (issue 5, 2.9). */
                        "  cs.team_id, t.name, %s "
                        "FROM cases cs "
                        "  JOIN clients c ON c.id = cs.client_id "
                        "  JOIN contacts k ON k.id = cs.contact_id "
                        "  LEFT JOIN users u ON u.id = cs.assigned_to "
                        "  LEFT JOIN teams t ON t.id = cs.team_id %s "
                        "WHERE cs.client_id = ?1 "
                        "ORDER BY cs.opened_at DESC, cs.id DESC",
                        assessment, plan,
                        states ? "LEFT JOIN kohtaamo.client_case_states (CAST (?1 AS bigint)) st "
                                 "ON st.case_id = cs.id" : "");
      g_autoptr(KhDbStmt) stmt = _kh_db_prepare (db, sql, &local_error);

      if (stmt != NULL)
        {
          _kh_db_bind_int64 (stmt, 1, client_id);
          _kh_db_read_rows (db, stmt, (KhDbRowFunc) client_case_from_row, cases, &local_error);
        }
    }
  if (!_kh_db_read_finish (db, own, local_error, error))
    return NULL;
  return g_steal_pointer (&cases);
}

/* ---- search ---- */

/* A search under way: what it found so far. */
typedef struct {
  KhDb           *db;
  KhClientSearch *search;
  GHashTable     *seen;     /* ids of the people in search->hits */
  guint           limit;
} Search;

#define HITS(s) ((s)->search->hits)
/* Column of a search query, right after CLIENT_COLUMNS (23 of them, read
 * by client_from_row), that says how well the row matched (a KhMatch), when
 * the query has it. Keep in sync with CLIENT_COLUMNS. */
#define MATCH_COLUMN 23

static void
set_total (Search *s,
           gint64  count)
{
  s->search->total = (guint) MIN (count, KH_SEARCH_COUNT_CAP);
  s->search->more = count > KH_SEARCH_COUNT_CAP;
}

static void
add_hit (Search   *s,
         KhClient *client,
         KhMatch   match)
{
  g_hash_table_add (s->seen, g_memdup2 (&client->id, sizeof client->id));
  g_ptr_array_add (HITS (s), kh_search_hit_new (client, match));
}

/* Appends the rows of a prepared query, skipping people already found. */
static gboolean
collect (Search        *s,
         KhDbStmt  *stmt,
         KhMatch        match,
         GError       **error)
{
  gboolean has_match = _kh_db_column_count (stmt) > MATCH_COLUMN;
  int rc = KH_DB_DONE;

  while (HITS (s)->len < s->limit && (rc = _kh_db_step (stmt)) == KH_DB_ROW)
    {
      gint64 id = _kh_db_column_int64 (stmt, 0);
      g_autoptr(KhClient) client = NULL;

      if (g_hash_table_contains (s->seen, &id))
        continue;
      client = client_from_row (stmt);
      add_hit (s, client, has_match ? (KhMatch) _kh_db_column_int (stmt, MATCH_COLUMN) : match);
    }
  if (HITS (s)->len < s->limit && rc != KH_DB_DONE)
    {
      _kh_db_set_error (s->db, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* The one number a prepared count(*) query gives. */
static gboolean
step_count (KhDb          *db,
            KhDbStmt  *stmt,
            gint64        *out,
            GError       **error)
{
  int rc = _kh_db_step (stmt);

  if (rc != KH_DB_ROW)
    {
      _kh_db_set_error (db, rc, error);
      return FALSE;
    }
  *out = _kh_db_column_int64 (stmt, 0);
  return TRUE;
}

/* How a tier is answered, by the number of FTS hits (measured on 100 000
 * people, bench-search):
 *  - one word, fewer than SPREAD_HITS: a range of client_words, which is in
 *    (word, sort_prefix) order, so a prefix reads neighbouring index entries
 *    only, however clustered its people are (0003, 0007);
 *  - several words, fewer than DENSE_HITS: FTS5 intersects them; the few
 *    hits are sorted;
 *  - more: so many people match that walking all names in order
 *    (clients_sort) meets the first screenful almost at once.
 * Both are above KH_SEARCH_COUNT_CAP, so that the count that chooses the
 * way also gives the total. */
#define SPREAD_HITS 5000
#define DENSE_HITS 1500
G_STATIC_ASSERT (DENSE_HITS > KH_SEARCH_COUNT_CAP && SPREAD_HITS > KH_SEARCH_COUNT_CAP);
/* More words than this narrow nothing in practice. */
#define MAX_WORDS 6

/* How many people the engine's name match finds, up to `cap`. */
static gint64
count_hits (KhDb        *db,
            GPtrArray   *tokens,
            gboolean     prefix,
            gint64       cap,
            GError     **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT count(*) FROM (");
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(KhDbStmt) stmt = NULL;
  gint64 count;

  _kh_db_append_name_match (db, sql, 1, tokens, prefix, params);
  g_string_append_printf (sql, " LIMIT ?%u) AS hits", params->len + 1);
  stmt = _kh_db_prepare (db, sql->str, error);
  if (stmt == NULL)
    return -1;
  for (guint i = 0; i < params->len; i++)
    _kh_db_bind_text (stmt, i + 1, g_ptr_array_index (params, i));
  _kh_db_bind_int64 (stmt, params->len + 1, cap);
  if (!step_count (db, stmt, &count, error))
    return -1;
  return count;
}

/* A row of a client_words range: the start of a person's sort key. */
typedef struct {
  gint64  id;
  guint8  prefix[KH_DB_SORT_PREFIX_BYTES];
  guint   len;
} WordRow;

static int
compare_prefix (const WordRow *a,
                const WordRow *b)
{
  int c = memcmp (a->prefix, b->prefix, MIN (a->len, b->len));

  return c != 0 ? c : (int) a->len - (int) b->len;
}

/* A person of a client_words range with their whole sort key. */
typedef struct {
  KhClient *client;
  GBytes   *key;
} Candidate;

static void
candidate_clear (Candidate *c)
{
  g_clear_object (&c->client);
  g_clear_pointer (&c->key, g_bytes_unref);
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *ca = a, *cb = b;
  int c = g_bytes_compare (ca->key, cb->key);

  if (c != 0)
    return c;
  return ca->client->id < cb->client->id ? -1 : ca->client->id > cb->client->id;
}

/* Reads a client_words range, in (sort_prefix, id) order, at most `fetch`
 * rows; the people not yet found go to `unseen`. */
static gboolean
read_word_range (Search      *s,
                 const char  *word,
                 const char  *end,
                 gint64       fetch,
                 GArray      *unseen,
                 gint64      *out_read,
                 WordRow     *out_last,
                 GError     **error)
{
  g_autoptr(KhDbStmt) stmt = NULL;
  int rc;

  if (end != NULL)
    stmt = _kh_db_prepare (s->db,
                           "SELECT DISTINCT sort_prefix, client_id FROM client_words "
                           "WHERE word >= ?1 AND word < ?2 "
                           "ORDER BY sort_prefix, client_id LIMIT ?3",
                           error);
  else
    stmt = _kh_db_prepare (s->db,
                           "SELECT DISTINCT sort_prefix, client_id FROM client_words "
                           "WHERE word = ?1 AND ?2 IS NULL "
                           "ORDER BY sort_prefix, client_id LIMIT ?3",
                           error);
  if (stmt == NULL)
    return FALSE;
  _kh_db_bind_text (stmt, 1, word);
  _kh_db_bind_text (stmt, 2, end);
  _kh_db_bind_int64 (stmt, 3, fetch);

  g_array_set_size (unseen, 0);
  *out_read = 0;
  while ((rc = _kh_db_step (stmt)) == KH_DB_ROW)
    {
      WordRow row = { 0, };

      row.id = _kh_db_column_int64 (stmt, 1);
      gsize len = 0;
      const void *prefix = _kh_db_column_blob (stmt, 0, &len);

      row.len = MIN (len, KH_DB_SORT_PREFIX_BYTES);
      memcpy (row.prefix, prefix, row.len);
      (*out_read)++;
      *out_last = row;
      if (!g_hash_table_contains (s->seen, &row.id))
        g_array_append_val (unseen, row);
    }
  if (rc != KH_DB_DONE)
    {
      _kh_db_set_error (s->db, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* The people of a client_words range, in order. The index keeps only the
 * start of each sort key (0014-name-words-bounded.sql): the rows are read
 * in that order until the people who tie with the last one wanted are all
 * in, and those few are put in order by their whole key. */
static gboolean
search_words (Search      *s,
              const char  *word,
              gboolean     prefix,
              KhMatch      match,
              GError     **error)
{
  g_autoptr(GArray) unseen = g_array_new (FALSE, FALSE, sizeof (WordRow));
  g_autoptr(GArray) candidates = g_array_new (FALSE, TRUE, sizeof (Candidate));
  g_autofree char *end = NULL;
  guint want = s->limit - HITS (s)->len;
  guint n_candidates;
  /* Rows of the earlier tier come again here and are skipped. */
  gint64 fetch = HITS (s)->len + want + 16;

  g_array_set_clear_func (candidates, (GDestroyNotify) candidate_clear);
  /* The first string after every word that starts with `word`. */
  if (prefix)
    end = g_strconcat (word, "\xf4\x8f\xbf\xbf", NULL);

  for (;;)
    {
      WordRow last = { 0, };
      gint64 read;

      if (!read_word_range (s, word, end, fetch, unseen, &read, &last, error))
        return FALSE;
      /* All read, or the people who tie with the last one wanted end
       * before the rows read do. */
      if (read < fetch || unseen->len < want
          || compare_prefix (&g_array_index (unseen, WordRow, want - 1), &last) != 0)
        break;
      fetch *= 4;
    }

  n_candidates = unseen->len;
  if (n_candidates > want)
    {
      const WordRow *cut = &g_array_index (unseen, WordRow, want - 1);

      n_candidates = want;
      while (n_candidates < unseen->len
             && compare_prefix (&g_array_index (unseen, WordRow, n_candidates), cut) == 0)
        n_candidates++;
    }

  for (guint i = 0; i < n_candidates; i++)
    {
      g_autoptr(KhDbStmt) stmt = NULL;
      Candidate c = { NULL, NULL };
      int rc;

      stmt = _kh_db_prepare (s->db, "SELECT " CLIENT_COLUMNS ", c.sort_key FROM clients c{client_join} WHERE c.id = ?",
                             error);
      if (stmt == NULL)
        return FALSE;
      _kh_db_bind_int64 (stmt, 1, g_array_index (unseen, WordRow, i).id);
      rc = _kh_db_step (stmt);
      if (rc == KH_DB_DONE)
        continue;
      if (rc != KH_DB_ROW)
        {
          _kh_db_set_error (s->db, rc, error);
          return FALSE;
        }
      c.client = client_from_row (stmt);
      {
        gsize len = 0;
        const void *key = _kh_db_column_blob (stmt, MATCH_COLUMN, &len);

        c.key = g_bytes_new (key, len);
      }
      g_array_append_val (candidates, c);
    }
  g_array_sort (candidates, compare_candidates);
  for (guint i = 0; i < candidates->len && HITS (s)->len < s->limit; i++)
    add_hit (s, g_array_index (candidates, Candidate, i).client, match);
  return TRUE;
}

/* One tier of the name search: whole words, or prefixes of words.
 * `hits` is its FTS count (or a bound below the caps) when known, else -1. */
static gboolean
search_names_tier (Search      *s,
                   GPtrArray   *tokens,
                   GPtrArray   *folded,
                   gboolean     prefix,
                   gint64       hits,
                   GError     **error)
{
  g_autoptr(KhDbStmt) stmt = NULL;
  KhMatch quality = prefix ? KH_MATCH_PREFIX : KH_MATCH_WORD;
  guint already = HITS (s)->len;
  gboolean one_word = folded->len == 1;

  if (hits < 0)
    hits = count_hits (s->db, tokens, prefix, one_word ? SPREAD_HITS : DENSE_HITS, error);
  if (hits < 0)
    return FALSE;
  if (hits == 0)
    return TRUE;

  /* Never the query itself in the log: it is a person's name. */
  g_debug ("Name search tier (%s): %" G_GINT64_FORMAT "%s hits, %s", prefix ? "prefix" : "whole",
           hits, hits >= (one_word ? SPREAD_HITS : DENSE_HITS) ? "+" : "",
           one_word && hits < SPREAD_HITS ? "word index"
           : !one_word && hits < DENSE_HITS ? "name match" : "walk in order");
  if (one_word && hits < SPREAD_HITS)
    return search_words (s, g_ptr_array_index (folded, 0), prefix, quality, error);

  if (!one_word && hits < DENSE_HITS)
    {
      g_autoptr(GString) sql = g_string_new ("SELECT " CLIENT_COLUMNS " FROM clients c{client_join} "
                                             "WHERE c.id IN (");
      g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func (g_free);

      _kh_db_append_name_match (s->db, sql, 1, tokens, prefix, params);
      g_string_append_printf (sql, ") ORDER BY " CLIENT_ORDER " LIMIT ?%u", params->len + 1);
      stmt = _kh_db_prepare (s->db, sql->str, error);
      if (stmt == NULL)
        return FALSE;
      for (guint i = 0; i < params->len; i++)
        _kh_db_bind_text (stmt, i + 1, g_ptr_array_index (params, i));
      _kh_db_bind_int (stmt, params->len + 1, s->limit + already);
    }
  else
    {
      g_autoptr(GString) sql = g_string_new (NULL);

      g_string_append_printf (sql, "SELECT " CLIENT_COLUMNS " FROM %s{client_join} WHERE c.sort_key IS NOT NULL",
                              s->db->engine->clients_in_order);
      for (guint i = 0; i < folded->len; i++)
        {
          g_string_append_printf (sql, " AND %s (c.search_text, ?%u) > 0",
                                  s->db->engine->position_function, i + 1);
        }
      g_string_append_printf (sql, " ORDER BY " CLIENT_ORDER " LIMIT ?%u", folded->len + 1);

      stmt = _kh_db_prepare (s->db, sql->str, error);
      if (stmt == NULL)
        return FALSE;
      for (guint i = 0; i < folded->len; i++)
        {
          g_autofree char *pattern = g_strconcat (" ", (const char *) g_ptr_array_index (folded, i),
                                                  prefix ? "" : " ", NULL);

          _kh_db_bind_text (stmt, i + 1, pattern);
        }
      _kh_db_bind_int (stmt, folded->len + 1, s->limit + already);
    }
  return collect (s, stmt, quality, error);
}

/* Whole words first ("Mäki" before "Mäkinen"), then prefixes; each tier in
 * Finnish order. Everyone the prefixes find is counted: the whole words
 * are among them. */
static gboolean
search_names (Search      *s,
              const char  *text,
              GError     **error)
{
  g_autoptr(GPtrArray) tokens = _kh_db_name_tokens (text);
  g_autoptr(GPtrArray) folded = NULL;
  gint64 prefix_hits;

  if (tokens->len > MAX_WORDS)
    g_ptr_array_set_size (tokens, MAX_WORDS);
  if (tokens->len == 0)
    return TRUE;
  folded = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < tokens->len; i++)
    {
      g_autoptr(GPtrArray) words = _kh_db_fold_words (g_ptr_array_index (tokens, i));

      for (guint w = 0; w < words->len; w++)
        g_ptr_array_add (folded, g_strdup (g_ptr_array_index (words, w)));
    }

  prefix_hits = count_hits (s->db, tokens, TRUE, folded->len == 1 ? SPREAD_HITS : DENSE_HITS, error);
  if (prefix_hits < 0)
    return FALSE;
  set_total (s, prefix_hits);
  if (prefix_hits == 0)
    return TRUE;

  /* The whole words are among the prefixes: below the cap, the prefix
   * count bounds theirs and chooses the same way, without counting again. */
  return search_names_tier (s, tokens, folded, FALSE,
                            prefix_hits < (folded->len == 1 ? SPREAD_HITS : DENSE_HITS) ? prefix_hits : -1,
                            error) &&
         (HITS (s)->len >= s->limit ||
          search_names_tier (s, tokens, folded, TRUE, prefix_hits, error));
}

/* The birth date that the first seven characters of an identity code say
 * ("130806A" = 13.8.2006), or FALSE. */
static gboolean
code_birth_date (const char *code,
                 GDate      *out)
{
  guint day, month, year;
  char sign;

  if (strlen (code) < 7)
    return FALSE;
  day = (code[0] - '0') * 10 + (code[1] - '0');
  month = (code[2] - '0') * 10 + (code[3] - '0');
  year = (code[4] - '0') * 10 + (code[5] - '0');
  sign = g_ascii_toupper (code[6]);
  if (sign == '+')
    year += 1800;
  else if (strchr ("-YXWVU", sign) != NULL)
    year += 1900;
  else if (strchr ("ABCDEF", sign) != NULL)
    year += 2000;
  else
    return FALSE;
  if (!g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_clear (out, 1);
  g_date_set_dmy (out, day, month, year);
  return TRUE;
}

/* "131052-", "131052-3", "131052-308T", "010594y9021": the birth part, the
 * century sign and perhaps more of an identity code. Six digits alone are
 * a partial code too, but read as birth dates (search_date_digits). */
static gboolean
looks_like_code_prefix (const char *text)
{
  gsize len = strlen (text);

  if (len < 7 || len > 11)
    return FALSE;
  for (guint i = 0; i < 6; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  if (strchr ("+-ABCDEFUVWXY", g_ascii_toupper (text[6])) == NULL)
    return FALSE;
  for (gsize i = 7; i < len && i < 10; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

static gboolean
search_code (Search      *s,
             const char  *text,
             GError     **error)
{
  g_autofree char *upper = g_ascii_strup (text, -1);
  g_autofree char *end = g_strconcat (upper, "~", NULL);
  g_autofree char *iso = NULL;
  g_autoptr(KhDbStmt) stmt = NULL;
  gint64 count;
  GDate birth;

  /* While only the birth part is typed, people recorded without a code
   * but born that day may be the same person: they come too, after the
   * codes. */
  if (strlen (upper) == 7 && code_birth_date (upper, &birth))
    iso = kh_date_to_iso (&birth);

  /* On the UNIQUE index: '~' sorts after every character of a code. */
  stmt = _kh_db_prepare (s->db,
                         "SELECT count(*) FROM (SELECT 1 FROM clients c "
                         "WHERE (c.identity_code >= ?1 AND c.identity_code < ?2) "
                         "OR (c.birth_date = ?3 AND c.identity_code IS NULL) LIMIT ?4)",
                         error);
  if (stmt == NULL)
    return FALSE;
  _kh_db_bind_text (stmt, 1, upper);
  _kh_db_bind_text (stmt, 2, end);
  _kh_db_bind_text (stmt, 3, iso);
  _kh_db_bind_int (stmt, 4, KH_SEARCH_COUNT_CAP + 1);
  if (!step_count (s->db, stmt, &count, error))
    return FALSE;
  set_total (s, count);
  g_clear_pointer (&stmt, _kh_db_stmt_release);

  stmt = _kh_db_prepare (s->db,
                         "SELECT " CLIENT_COLUMNS ", "
                         "CASE WHEN c.identity_code = ?1 THEN 3 ELSE 1 END FROM clients c{client_join} "
                         "WHERE (c.identity_code >= ?1 AND c.identity_code < ?2) "
                         "OR (c.birth_date = ?3 AND c.identity_code IS NULL) "
                         "ORDER BY c.identity_code = ?1 DESC, c.identity_code IS NULL, "
                         CLIENT_ORDER " LIMIT ?4",
                         error);
  if (stmt == NULL)
    return FALSE;
  _kh_db_bind_text (stmt, 1, upper);
  _kh_db_bind_text (stmt, 2, end);
  _kh_db_bind_text (stmt, 3, iso);
  _kh_db_bind_int (stmt, 4, s->limit);
  return collect (s, stmt, KH_MATCH_PREFIX, error);
}

/* Only digits, and how many. */
static guint
count_digits_only (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return 0;
    else
      n++;
  return n;
}

/* The birth dates that an identity code starting with `digits` (4 to 6 of
 * them: ddmm, ddmmy, ddmmyy) may stand for, from EARLIEST_BIRTH_YEAR to
 * today, as a JSON array of ISO dates; NULL if none. */
static char *
dates_for_digits (const char *digits)
{
  g_autoptr(GDate) today = g_date_new ();
  GString *json = g_string_new ("[");
  guint day = (digits[0] - '0') * 10 + (digits[1] - '0');
  guint month = (digits[2] - '0') * 10 + (digits[3] - '0');
  gsize n = strlen (digits);
  guint n_dates = 0;

  g_date_set_time_t (today, time (NULL));
  if (month >= 1 && month <= 12 && day >= 1 && day <= 31)
    for (guint year = EARLIEST_BIRTH_YEAR; year <= g_date_get_year (today); year++)
      {
        GDate date;

        if (n >= 5 && (year % 100) / 10 != (guint) (digits[4] - '0'))
          continue;
        if (n >= 6 && year % 10 != (guint) (digits[5] - '0'))
          continue;
        if (!g_date_valid_dmy (day, month, year))
          continue;
        g_date_clear (&date, 1);
        g_date_set_dmy (&date, day, month, year);
        if (g_date_compare (&date, today) > 0)
          continue;
        g_string_append_printf (json, "%s\"%04u-%02u-%02u\"", n_dates++ > 0 ? "," : "",
                                year, month, day);
      }
  g_string_append_c (json, ']');
  if (n_dates == 0)
    {
      g_string_free (json, TRUE);
      return NULL;
    }
  return g_string_free (json, FALSE);
}

static gboolean looks_like_phone (const char *text);

/* Digits typed where an identity code starts (issue 5, 2.2): "0708" finds
 * the people born on 7 August of any year, "07089" those born then in the
 * 1990s (or the 1890s), "070895" on 7.8.1995 (or 1895): with a code or
 * without. Five or six digits may as well start a phone number. Fewer than
 * four say how many more are needed. */
static gboolean
search_date_digits (Search      *s,
                    const char  *digits,
                    GError     **error)
{
  g_autofree char *dates = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *phone_end = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(KhDbStmt) stmt = NULL;
  gsize n = strlen (digits);
  gint64 count;

  if (n < KH_SEARCH_DATE_DIGITS)
    {
      s->search->hint = KH_SEARCH_HINT_MORE_DIGITS;
      s->search->digits_needed = KH_SEARCH_DATE_DIGITS - n;
      return TRUE;
    }
  dates = dates_for_digits (digits);
  if (dates == NULL)
    s->search->hint = KH_SEARCH_HINT_NOT_A_DATE;
  if (looks_like_phone (digits))
    {
      phone = g_strdup (digits);
      /* ':' sorts right after the digits. */
      phone_end = g_strconcat (digits, ":", NULL);
    }
  if (dates == NULL && phone == NULL)
    return TRUE;

  sql = g_strconcat ("SELECT count(*) FROM (SELECT 1 FROM clients c "
                     "WHERE c.birth_date IN (", s->db->engine->json_values_1, ") "
                     "OR (c.phone_digits >= ?2 AND c.phone_digits < ?3) LIMIT ?4) AS hits", NULL);
  stmt = _kh_db_prepare (s->db, sql, error);
  g_clear_pointer (&sql, g_free);
  if (stmt == NULL)
    return FALSE;
  _kh_db_bind_text (stmt, 1, dates ? dates : "[]");
  _kh_db_bind_text (stmt, 2, phone);
  _kh_db_bind_text (stmt, 3, phone_end);
  _kh_db_bind_int (stmt, 4, KH_SEARCH_COUNT_CAP + 1);
  if (!step_count (s->db, stmt, &count, error))
    return FALSE;
  set_total (s, count);
  g_clear_pointer (&stmt, _kh_db_stmt_release);

  sql = g_strconcat ("SELECT " CLIENT_COLUMNS ", "
                     "CASE WHEN c.phone_digits = ?2 THEN 3 ELSE 1 END FROM clients c{client_join} "
                     "WHERE c.birth_date IN (", s->db->engine->json_values_1, ") "
                     "OR (c.phone_digits >= ?2 AND c.phone_digits < ?3) "
                     "ORDER BY c.phone_digits IS NOT DISTINCT FROM ?2 DESC, " CLIENT_ORDER " LIMIT ?4",
                     NULL);
  stmt = _kh_db_prepare (s->db, sql, error);
  if (stmt == NULL)
    return FALSE;
  _kh_db_bind_text (stmt, 1, dates ? dates : "[]");
  _kh_db_bind_text (stmt, 2, phone);
  _kh_db_bind_text (stmt, 3, phone_end);
  _kh_db_bind_int (stmt, 4, s->limit);
  return collect (s, stmt, KH_MATCH_PREFIX, error);
}

static gboolean
search_birth_date (Search       *s,
                   const GDate  *date,
                   GError      **error)
{
  g_autofree char *iso = kh_date_to_iso (date);
  g_autoptr(KhDbStmt) stmt = NULL;
  gint64 count;

  stmt = _kh_db_prepare (s->db,
                         "SELECT count(*) FROM (SELECT 1 FROM clients c WHERE c.birth_date = ?1 LIMIT ?2)",
                         error);
  if (stmt == NULL)
    return FALSE;
  _kh_db_bind_text (stmt, 1, iso);
  _kh_db_bind_int (stmt, 2, KH_SEARCH_COUNT_CAP + 1);
  if (!step_count (s->db, stmt, &count, error))
    return FALSE;
  set_total (s, count);
  g_clear_pointer (&stmt, _kh_db_stmt_release);

  stmt = _kh_db_prepare (s->db,
                         "SELECT " CLIENT_COLUMNS " FROM clients c{client_join} WHERE c.birth_date = ? "
                         "ORDER BY " CLIENT_ORDER " LIMIT ?",
                         error);
  if (stmt == NULL)
    return FALSE;
  _kh_db_bind_text (stmt, 1, iso);
  _kh_db_bind_int (stmt, 2, s->limit);
  return collect (s, stmt, KH_MATCH_WORD, error);
}

static gboolean
looks_like_phone (const char *text)
{
  guint digits = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (strchr (" +-()", *p) == NULL)
        return FALSE;
    }
  return digits >= 5;
}

static gboolean
search_phone (Search      *s,
              const char  *text,
              GError     **error)
{
  g_autofree char *digits = _kh_db_phone_key (text);
  g_autofree char *end = NULL;
  g_autoptr(KhDbStmt) stmt = NULL;
  gint64 count;

  if (digits == NULL)
    return TRUE;
  /* A prefix: the start of a number finds the people it may be. ':' sorts
   * right after the digits. */
  end = g_strconcat (digits, ":", NULL);
  stmt = _kh_db_prepare (s->db,
                         "SELECT count(*) FROM (SELECT 1 FROM clients c "
                         "WHERE c.phone_digits >= ?1 AND c.phone_digits < ?2 LIMIT ?3)",
                         error);
  if (stmt == NULL)
    return FALSE;
  _kh_db_bind_text (stmt, 1, digits);
  _kh_db_bind_text (stmt, 2, end);
  _kh_db_bind_int (stmt, 3, KH_SEARCH_COUNT_CAP + 1);
  if (!step_count (s->db, stmt, &count, error))
    return FALSE;
  set_total (s, count);
  g_clear_pointer (&stmt, _kh_db_stmt_release);

  stmt = _kh_db_prepare (s->db,
                         "SELECT " CLIENT_COLUMNS ", "
                         "CASE WHEN c.phone_digits = ?1 THEN 3 ELSE 1 END FROM clients c{client_join} "
                         "WHERE c.phone_digits >= ?1 AND c.phone_digits < ?2 "
                         "ORDER BY c.phone_digits = ?1 DESC, " CLIENT_ORDER " LIMIT ?3",
                         error);
  if (stmt == NULL)
    return FALSE;
  _kh_db_bind_text (stmt, 1, digits);
  _kh_db_bind_text (stmt, 2, end);
  _kh_db_bind_int (stmt, 3, s->limit);
  return collect (s, stmt, KH_MATCH_PREFIX, error);
}

/* Whether each person found has a case open (queued or with a worker). */
static gboolean
count_open_cases (Search  *s,
                  GError **error)
{
  for (guint i = 0; i < HITS (s)->len; i++)
    {
      KhSearchHit *hit = g_ptr_array_index (HITS (s), i);
      g_autoptr(KhDbStmt) stmt = NULL;
      gint64 count;

      stmt = _kh_db_prepare (s->db,
                             "SELECT count(*) FROM cases WHERE client_id = ? AND status IN (?, ?)",
                             error);
      if (stmt == NULL)
        return FALSE;
      _kh_db_bind_int64 (stmt, 1, hit->client->id);
      _kh_db_bind_int (stmt, 2, KH_CASE_QUEUED);
      _kh_db_bind_int (stmt, 3, KH_CASE_ASSIGNED);
      if (!step_count (s->db, stmt, &count, error))
        return FALSE;
      hit->open_cases = (guint) count;
    }
  return TRUE;
}

static gboolean
log_results (KhDb          *db,
             KhUser        *user,
             GPtrArray     *results,
             KhAccessBasis  basis,
             GError       **error)
{
  for (guint i = 0; i < results->len; i++)
    {
      KhClient *client = g_ptr_array_index (results, i);

      if (!_kh_db_log_access (db, user, client->id, KH_ACCESS_SEARCH, basis, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
log_hits (KhDb       *db,
          KhUser     *user,
          GPtrArray  *hits,
          GError    **error)
{
  for (guint i = 0; i < hits->len; i++)
    {
      KhSearchHit *hit = g_ptr_array_index (hits, i);

      if (!_kh_db_log_access (db, user, hit->client->id, KH_ACCESS_SEARCH, KH_BASIS_INTAKE, error))
        return FALSE;
    }
  return TRUE;
}

/* ---- search on a server ---- */

/* How well a person found on a server matched what was typed: the server
 * answers with the people only (in its order), so the quality is read
 * from the person, as the SQLite queries say it. */
static KhMatch
server_match (KhClient    *client,
              const char  *kind,
              const char  *text,
              const char  *digits)
{
  if (g_str_equal (kind, "code"))
    return client->identity_code != NULL && g_ascii_strcasecmp (client->identity_code, text) == 0
           ? KH_MATCH_EXACT : KH_MATCH_PREFIX;
  if (g_str_equal (kind, "phone") || g_str_equal (kind, "digits"))
    {
      g_autofree char *phone = _kh_db_phone_key (client->phone);

      return g_strcmp0 (phone, digits) == 0 ? KH_MATCH_EXACT : KH_MATCH_PREFIX;
    }
  if (g_str_equal (kind, "date"))
    return KH_MATCH_WORD;
  {
    g_autofree char *words = _kh_db_make_search_text (client->last_name, client->first_names, NULL);
    g_autoptr(GPtrArray) typed = _kh_db_fold_words (text);

    for (guint i = 0; i < typed->len; i++)
      {
        g_autofree char *whole = g_strconcat (" ", (const char *) g_ptr_array_index (typed, i), " ", NULL);

        if (strstr (words, whole) == NULL)
          return KH_MATCH_PREFIX;
      }
    return typed->len > 0 ? KH_MATCH_WORD : KH_MATCH_PREFIX;
  }
}

/* On a server (KhDbEngine.search_on_server) one call of the server's
 * kohtaamo.search_clients (data/sql/pg/0010-search-in-one-call.sql) finds
 * the people in order, logs each one it returns in this transaction, and
 * answers with their rows (CLIENT_COLUMNS; the address withheld behind a
 * non-disclosure marking), their open cases and how many match in all:
 * one round trip a keystroke. What was typed is read here as on SQLite;
 * the server's kinds are those of its count (0002-search-counts.sql). */
#define SERVER_OPEN_CASES_COLUMN 23
#define SERVER_TOTAL_COLUMN      24

static gboolean
search_on_server (Search      *s,
                  KhUser      *user,
                  const char  *text,
                  GError     **error)
{
  g_autoptr(KhDbStmt) stmt = NULL;
  g_autofree char *arg = NULL;
  g_autofree char *dates = NULL;
  g_autofree char *phone = NULL;
  const char *count_phone = NULL;
  const char *kind;
  const char *server_kind;
  guint digits = count_digits_only (text);
  gint64 total = 0;
  GDate date;
  int rc;

  if (digits > 0 && digits <= 6)
    {
      if (digits < KH_SEARCH_DATE_DIGITS)
        {
          s->search->hint = KH_SEARCH_HINT_MORE_DIGITS;
          s->search->digits_needed = KH_SEARCH_DATE_DIGITS - digits;
          return TRUE;
        }
      dates = dates_for_digits (text);
      if (dates == NULL)
        {
          s->search->hint = KH_SEARCH_HINT_NOT_A_DATE;
          return TRUE;
        }
      /* ["2001-08-07","2011-08-07"] → {2001-08-07,2011-08-07} */
      g_strdelimit (dates, "\"", ' ');
      dates[0] = '{';
      dates[strlen (dates) - 1] = '}';
      phone = g_strdup (text);
      /* Five or six digits may as well start a phone number: counted too. */
      count_phone = looks_like_phone (phone) ? phone : NULL;
      kind = "digits";
      server_kind = "dates";
    }
  else if (looks_like_code_prefix (text))
    {
      arg = g_ascii_strup (text, -1);
      /* While only the birth part of a code is typed, the people recorded
       * without a code but born that day come after the codes, as on
       * SQLite. */
      if (strlen (arg) == 7 && code_birth_date (arg, &date))
        {
          g_autofree char *iso = kh_date_to_iso (&date);

          dates = g_strdup_printf ("{%s}", iso);
        }
      kind = server_kind = "code";
    }
  else if (kh_date_parse (text, &date))
    {
      g_autofree char *iso = kh_date_to_iso (&date);

      dates = g_strdup_printf ("{%s}", iso);
      kind = "date";
      server_kind = "dates";
    }
  else if (looks_like_phone (text))
    {
      arg = _kh_db_phone_key (text);
      phone = g_strdup (arg);
      kind = server_kind = "phone";
      if (arg == NULL)
        return TRUE;
    }
  else
    {
      arg = g_strdup (text);
      kind = server_kind = "name";
    }

  stmt = _kh_db_prepare (s->db,
                         "SELECT * FROM kohtaamo.search_clients (?1, ?2, CAST (?3 AS text[]), ?4, "
                         "CAST (?5 AS integer), CAST (?6 AS integer), CAST (?7 AS integer))",
                         error);
  if (stmt == NULL)
    return FALSE;
  _kh_db_bind_text (stmt, 1, server_kind);
  _kh_db_bind_text (stmt, 2, g_str_equal (server_kind, "dates") ? count_phone : arg);
  _kh_db_bind_text (stmt, 3, dates);
  _kh_db_bind_text (stmt, 4, g_str_equal (server_kind, "dates") ? phone : NULL);
  _kh_db_bind_int (stmt, 5, s->limit);
  /* The server forces reception's basis to the intake, as _kh_db_log_access. */
  _kh_db_bind_int (stmt, 6, KH_BASIS_INTAKE);
  _kh_db_bind_int (stmt, 7, KH_SEARCH_COUNT_CAP + 1);
  while ((rc = _kh_db_step (stmt)) == KH_DB_ROW)
    {
      g_autoptr(KhClient) client = NULL;
      KhSearchHit *hit;

      total = _kh_db_column_int64 (stmt, SERVER_TOTAL_COLUMN);
      /* Nobody found: a row of the count alone. */
      if (_kh_db_column_is_null (stmt, 0) || HITS (s)->len >= s->limit)
        continue;
      client = client_from_row (stmt);
      add_hit (s, client, server_match (client, kind, text, phone));
      hit = g_ptr_array_index (HITS (s), HITS (s)->len - 1);
      hit->open_cases = (guint) _kh_db_column_int64 (stmt, SERVER_OPEN_CASES_COLUMN);
    }
  if (rc != KH_DB_DONE)
    {
      _kh_db_set_error (s->db, rc, error);
      return FALSE;
    }
  set_total (s, total);
  return TRUE;
}

/**
 * kh_db_search_clients_full:
 * @query: a name or its start, an identity code or its start (four digits
 *   at least: the day and month of birth), a birth date or a phone number
 * @limit: how many people to return at most
 *
 * Search before create (issue 5, 2.2): the people found, best matches
 * first, each with how well they matched and whether a case is open; how
 * many match in all (counted up to KH_SEARCH_COUNT_CAP); and, for too few
 * digits, how many more are needed. Each person returned is logged as
 * KH_ACCESS_SEARCH in the same transaction.
 *
 * Returns: (transfer full): the answer, or %NULL with @error set
 */
KhClientSearch *
kh_db_search_clients_full (KhDb        *db,
                           KhUser      *user,
                           const char  *query,
                           guint        limit,
                           GError     **error)
{
  g_autoptr(KhClientSearch) search = kh_client_search_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autofree char *text = NULL;
  GError *local_error = NULL;
  Search s = { db, search, seen, limit };
  gboolean own;
  gboolean ok;
  guint digits;
  GDate date;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (KH_IS_USER (user), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_kh_db_check_role (db, user, KH_ROLE_RECEPTION, error))
    return NULL;
  text = kh_text_clean (query);
  if (text == NULL || limit == 0)
    return g_steal_pointer (&search);

  /* The read and its log rows are one transaction: no result without a row. */
  if (!_kh_db_read_begin (db, &own, error))
    return NULL;

  digits = count_digits_only (text);
  if (db->engine->search_on_server)
    ok = search_on_server (&s, user, text, &local_error);
  else if (digits > 0 && digits <= 6)
    ok = search_date_digits (&s, text, &local_error);
  else if (looks_like_code_prefix (text))
    ok = search_code (&s, text, &local_error);
  else if (kh_date_parse (text, &date))
    ok = search_birth_date (&s, &date, &local_error);
  else if (looks_like_phone (text))
    ok = search_phone (&s, text, &local_error);
  else
    ok = search_names (&s, text, &local_error);

  /* The rows shown are never more than the people counted. */
  if (ok && search->total < search->hits->len && !search->more)
    search->total = search->hits->len;
  /* A server's search counted them with the rows. */
  if (ok && !db->engine->search_on_server)
    ok = count_open_cases (&s, &local_error);
  /* A server's search logged whom it returned. */
  if (ok && !db->engine->search_on_server)
    ok = log_hits (db, user, search->hits, &local_error);

  if (!_kh_db_read_end (db, own, ok, &local_error))
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return g_steal_pointer (&search);
}

/**
 * kh_db_search_clients:
 *
 * As kh_db_search_clients_full(), the people only.
 *
 * Returns: (transfer full) (element-type KhClient): at most @limit people,
 *   best matches first. Each one is logged as KH_ACCESS_SEARCH.
 */
GPtrArray *
kh_db_search_clients (KhDb        *db,
                      KhUser      *user,
                      const char  *query,
                      guint        limit,
                      GError     **error)
{
  g_autoptr(KhClientSearch) search = NULL;
  GPtrArray *clients;

  search = kh_db_search_clients_full (db, user, query, limit, error);
  if (search == NULL)
    return NULL;
  clients = g_ptr_array_new_full (search->hits->len, g_object_unref);
  for (guint i = 0; i < search->hits->len; i++)
    g_ptr_array_add (clients, g_object_ref (((KhSearchHit *) g_ptr_array_index (search->hits, i))->client));
  return clients;
}

/* Names compared as a person would: case and Unicode form folded, accents
 * kept (Mäki and Maki are different names). */
static char *
fold_name (const char *name)
{
  g_autofree char *normal = NULL;
  g_autofree char *clean = kh_text_clean (name);

  if (clean == NULL)
    return NULL;
  normal = g_utf8_normalize (clean, -1, G_NORMALIZE_DEFAULT_COMPOSE);
  return g_utf8_casefold (normal, -1);
}

static char *
first_word (const char *names)
{
  g_autofree char *folded = fold_name (names);
  char *space;

  if (folded == NULL)
    return NULL;
  space = strchr (folded, ' ');
  if (space != NULL)
    *space = '\0';
  return g_steal_pointer (&folded);
}

/**
 * kh_db_find_similar_clients:
 *
 * People with the same birth date, the same last name and the same first
 * first name (case folded): the warning before a possible duplicate.
 */
GPtrArray *
kh_db_find_similar_clients (KhDb        *db,
                            KhUser      *user,
                            const char  *last_name,
                            const char  *first_names,
                            const char  *birth_date,
                            gint64       except_id,
                            GError     **error)
{
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(KhDbStmt) stmt = NULL;
  g_autofree char *want_last = fold_name (last_name);
  g_autofree char *want_first = first_word (first_names);
  g_autofree char *iso = NULL;
  GError *local_error = NULL;
  gboolean own;
  GDate date;
  int rc;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (KH_IS_USER (user), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!_kh_db_check_role (db, user, KH_ROLE_RECEPTION, error))
    return NULL;
  if (want_last == NULL || birth_date == NULL || !kh_date_parse (birth_date, &date))
    return g_steal_pointer (&results);
  iso = kh_date_to_iso (&date);

  if (!_kh_db_read_begin (db, &own, error))
    return NULL;

  /* On a server only the people the server returns are visible (it logs
   * them): their ids first, then their rows, in a statement of their own. */
  if (db->engine->search_on_server)
    {
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

      stmt = _kh_db_prepare (db,
                             "SELECT client_id FROM kohtaamo.find_similar_clients "
                             "(?1, ?2, ?3, CAST (?4 AS bigint), CAST (?5 AS integer))",
                             &local_error);
      if (stmt != NULL)
        {
          _kh_db_bind_text (stmt, 1, last_name);
          _kh_db_bind_text (stmt, 2, want_first);
          _kh_db_bind_text (stmt, 3, iso);
          _kh_db_bind_int64 (stmt, 4, except_id);
          _kh_db_bind_int (stmt, 5, KH_BASIS_INTAKE);
          while ((rc = _kh_db_step (stmt)) == KH_DB_ROW)
            {
              gint64 id = _kh_db_column_int64 (stmt, 0);

              g_array_append_val (ids, id);
            }
          if (rc != KH_DB_DONE)
            _kh_db_set_error (db, rc, &local_error);
          g_clear_pointer (&stmt, _kh_db_stmt_release);
        }
      for (guint i = 0; i < ids->len && local_error == NULL; i++)
        {
          KhClient *client = _kh_db_read_client (db, g_array_index (ids, gint64, i), &local_error);

          if (client != NULL)
            g_ptr_array_add (results, client);
        }
    }
  else
    stmt = _kh_db_prepare (db,
                           "SELECT " CLIENT_COLUMNS " FROM clients c{client_join} "
                           "WHERE c.birth_date = ? AND c.id <> ? ORDER BY " CLIENT_ORDER,
                           &local_error);
  if (stmt != NULL)
    {
      _kh_db_bind_text (stmt, 1, iso);
      _kh_db_bind_int64 (stmt, 2, except_id);
      while ((rc = _kh_db_step (stmt)) == KH_DB_ROW)
        {
          g_autofree char *last = fold_name (_kh_db_column_str (stmt, 5));
          g_autofree char *first = first_word (_kh_db_column_str (stmt, 6));

          if (g_strcmp0 (last, want_last) != 0)
            continue;
          if (want_first != NULL && g_strcmp0 (first, want_first) != 0)
            continue;
          g_ptr_array_add (results, client_from_row (stmt));
        }
      if (rc != KH_DB_DONE)
        _kh_db_set_error (db, rc, &local_error);
      g_clear_pointer (&stmt, _kh_db_stmt_release);
    }
  if (local_error == NULL && !db->engine->search_on_server)
    log_results (db, user, results, KH_BASIS_INTAKE, &local_error);

  if (!_kh_db_read_finish (db, own, local_error, error))
    return NULL;
  return g_steal_pointer (&results);
}
