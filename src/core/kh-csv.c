/* kh-csv.c — reading CSV files (RFC 4180) and checking client rows to import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kohtaamo-core"

#include "config.h"

#include <string.h>
#include <time.h>

#include <glib/gi18n-lib.h>

#include "kh-csv.h"
#include "kh-hetu.h"
#include "kh-text.h"

G_DEFINE_QUARK (kh-csv-error-quark, kh_csv_error)

/* Names longer than this are a mistake in the file (a shifted column, a
 * pasted paragraph), not a person's name. */
#define MAX_NAME_CHARS 200
#define MAX_ADDRESS_CHARS 300

const char * const kh_import_columns[KH_IMPORT_N_COLUMNS + 1] = {
  "identity_code",
  "last_name",
  "first_names",
  "language",
  "birth_date",
  "phone",
  "address",
  "postal_code",
  "city",
  NULL,
};

/* Keep in sync with kh_import_columns. */
enum {
  COL_IDENTITY_CODE,
  COL_LAST_NAME,
  COL_FIRST_NAMES,
  COL_LANGUAGE,
  COL_BIRTH_DATE,
  COL_PHONE,
  COL_ADDRESS,
  COL_POSTAL_CODE,
  COL_CITY,
};

struct _KhCsvReader
{
  const char *data;
  gsize       length;
  gsize       pos;
  guint       line;         /* physical line at pos */
  guint       record_line;  /* where the last record started */
};

/* ---- the reader ---- */

KhCsvReader *
kh_csv_reader_new (const char *data,
                   gssize      length)
{
  KhCsvReader *self;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  self = g_new0 (KhCsvReader, 1);
  self->data = data;
  self->length = length < 0 ? strlen (data) : (gsize) length;
  self->line = 1;

  /* Spreadsheet programs write a byte-order mark when saving "CSV UTF-8". */
  if (self->length >= 3 && memcmp (self->data, "\xEF\xBB\xBF", 3) == 0)
    self->pos = 3;

  return self;
}

void
kh_csv_reader_free (KhCsvReader *self)
{
  g_free (self);
}

guint
kh_csv_reader_get_line (KhCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->record_line;
}

static gboolean
at_line_end (KhCsvReader *self)
{
  if (self->pos >= self->length)
    return FALSE;
  if (self->data[self->pos] == '\n')
    return TRUE;
  return self->data[self->pos] == '\r'
         && self->pos + 1 < self->length
         && self->data[self->pos + 1] == '\n';
}

static void
skip_line_end (KhCsvReader *self)
{
  if (self->data[self->pos] == '\r')
    self->pos++;
  self->pos++;
  self->line++;
}

/* Remembers the first thing wrong with a record; reading goes on to its end
 * so that the next record starts at the right place. */
static void
note_problem (char       **problem,
              const char  *message)
{
  if (*problem == NULL)
    *problem = g_strdup (message);
}

char **
kh_csv_reader_next (KhCsvReader  *self,
                    GError      **error)
{
  g_autoptr(GPtrArray) fields = NULL;
  g_autofree char *problem = NULL;
  gboolean quote_error = FALSE;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  while (at_line_end (self))
    skip_line_end (self);

  if (self->pos >= self->length)
    return NULL;

  self->record_line = self->line;
  fields = g_ptr_array_new_with_free_func (g_free);

  for (;;)
    {
      g_autoptr(GString) field = g_string_new (NULL);

      if (self->pos < self->length && self->data[self->pos] == '"')
        {
          gboolean closed = FALSE;

          self->pos++;
          while (self->pos < self->length)
            {
              char c = self->data[self->pos];

              if (c == '"')
                {
                  if (self->pos + 1 < self->length && self->data[self->pos + 1] == '"')
                    {
                      g_string_append_c (field, '"');
                      self->pos += 2;
                      continue;
                    }
                  self->pos++;
                  closed = TRUE;
                  break;
                }
              if (c == '\n')
                self->line++;
              g_string_append_c (field, c);
              self->pos++;
            }

          if (!closed)
            {
              quote_error = TRUE;
              note_problem (&problem, _("a quoted field is not closed"));
            }
          else if (self->pos < self->length
                   && self->data[self->pos] != ','
                   && !at_line_end (self))
            {
              quote_error = TRUE;
              note_problem (&problem, _("text follows the closing quote of a field"));
              while (self->pos < self->length
                     && self->data[self->pos] != ','
                     && !at_line_end (self))
                self->pos++;
            }
        }
      else
        {
          while (self->pos < self->length
                 && self->data[self->pos] != ','
                 && !at_line_end (self))
            {
              if (self->data[self->pos] == '"')
                {
                  quote_error = TRUE;
                  note_problem (&problem,
                                _("a field that does not start with a quote contains one"));
                }
              g_string_append_c (field, self->data[self->pos]);
              self->pos++;
            }
        }

      if (problem == NULL && !g_utf8_validate (field->str, field->len, NULL))
        note_problem (&problem, _("the text is not valid UTF-8; save the file as “CSV UTF-8”"));

      g_ptr_array_add (fields, g_string_free (g_steal_pointer (&field), FALSE));

      if (self->pos < self->length && self->data[self->pos] == ',')
        {
          self->pos++;
          continue;
        }
      if (at_line_end (self))
        skip_line_end (self);
      break;
    }

  if (problem != NULL)
    {
      g_set_error_literal (error, KH_CSV_ERROR,
                           quote_error ? KH_CSV_ERROR_QUOTE : KH_CSV_ERROR_ENCODING,
                           problem);
      return NULL;
    }

  g_ptr_array_add (fields, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&fields), FALSE);
}

/* ---- the header ---- */

char *
kh_import_dup_header_line (void)
{
  return g_strjoinv (",", (char **) kh_import_columns);
}

gboolean
kh_import_check_header (const char * const  *fields,
                        GError             **error)
{
  g_autofree char *expected = kh_import_dup_header_line ();
  guint n;

  g_return_val_if_fail (fields != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  n = g_strv_length ((char **) fields);

  /* Spreadsheets in a Finnish or Swedish locale save "CSV" with semicolons,
   * since the comma is the decimal separator there. Say so rather than
   * "column 1 is wrong". */
  if (n == 1 && (strchr (fields[0], ';') != NULL || strchr (fields[0], '\t') != NULL))
    {
      g_set_error (error, KH_CSV_ERROR, KH_CSV_ERROR_HEADER,
                   /* Translators: %s is the header line, kept in English. */
                   _("the fields are separated by semicolons or tabs, not by commas; save the "
                     "file as “CSV UTF-8 (comma delimited)”. The header must be exactly: %s"),
                   expected);
      return FALSE;
    }

  for (guint i = 0; i < MIN (n, KH_IMPORT_N_COLUMNS); i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (fields[i]));

      if (g_strcmp0 (name, kh_import_columns[i]) != 0)
        {
          g_set_error (error, KH_CSV_ERROR, KH_CSV_ERROR_HEADER,
                       /* Translators: the first %s is what the file has, the second
                        * the column name expected (both are kept in English, they are
                        * the file format), the third the whole header line. */
                       _("column %u of the header is “%s” where “%s” is expected; "
                         "the header must be exactly, in this order: %s"),
                       i + 1, name, kh_import_columns[i], expected);
          return FALSE;
        }
    }

  if (n != KH_IMPORT_N_COLUMNS)
    {
      g_set_error (error, KH_CSV_ERROR, KH_CSV_ERROR_HEADER,
                   /* Translators: %u is a number of columns, %s the header line. */
                   ngettext ("the header has %u column; it must be exactly, in this order: %s",
                             "the header has %u columns; it must be exactly, in this order: %s",
                             n),
                   n, expected);
      return FALSE;
    }

  return TRUE;
}

/* ---- one row ---- */

static gboolean
has_control_chars (const char *text,
                   gboolean    allow_line_breaks)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (allow_line_breaks && (c == '\n' || c == '\r'))
        continue;
      if (g_unichar_iscntrl (c))
        return TRUE;
    }
  return FALSE;
}

/* Why an identity code is refused, as the tail of "invalid identity code: …". */
static const char *
hetu_reason (KhHetuStatus status)
{
  switch (status)
    {
    case KH_HETU_OK:
    case KH_HETU_EMPTY:
      break;
    case KH_HETU_LENGTH:
      return _("it must be 11 characters long");
    case KH_HETU_LOWERCASE:
      return _("its letters must be capitals");
    case KH_HETU_FORMAT:
      return _("there are other characters where digits belong");
    case KH_HETU_CENTURY_SIGN:
      return _("the 7th character is not a century sign (+, -, Y, X, W, V, U or A–F)");
    case KH_HETU_DATE:
      return _("its date does not exist");
    case KH_HETU_FUTURE:
      return _("its date is in the future");
    case KH_HETU_INDIVIDUAL:
      return _("the individual number 000 or 001 is never given");
    case KH_HETU_CHECK:
      return _("the check character does not match");
    }
  return _("it is not an identity code");
}

/* A name-like field: surrounding and repeated inner white space dropped.
 * Sets `reason` for control characters or excessive length. An address
 * written on two lines (a quoted field with a line break) is fine: the
 * break becomes a space like any other run of white space. */
static char *
clean_field (const char  *raw,
             guint        max_chars,
             gboolean     allow_line_breaks,
             const char  *what,
             char       **reason)
{
  g_autofree char *text = NULL;

  if (*reason != NULL)
    return NULL;

  if (has_control_chars (raw, allow_line_breaks))
    {
      /* Translators: %s is a field name such as “last name”. */
      *reason = g_strdup_printf (_("%s contains a line break or another control character"),
                                 what);
      return NULL;
    }

  text = kh_text_clean (raw);
  if (text != NULL && g_utf8_strlen (text, -1) > max_chars)
    {
      /* Translators: %s is a field name such as “last name”, %u a number of characters. */
      *reason = g_strdup_printf (_("%s is longer than %u characters"), what, max_chars);
      return NULL;
    }

  return g_steal_pointer (&text);
}

static void
check_row (KhImportRow        *row,
           const char * const *fields,
           const GDate        *today)
{
  g_autoptr(KhClient) client = kh_client_new ();
  g_autofree char *code = NULL;
  g_autofree char *birth = NULL;
  g_autofree char *language = NULL;
  g_autofree char *key = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *postal_code = NULL;
  char *reason = NULL;
  guint n = g_strv_length ((char **) fields);

  if (n != KH_IMPORT_N_COLUMNS)
    {
      row->reason = g_strdup_printf (ngettext ("the row has %u field where %u are expected",
                                               "the row has %u fields where %u are expected",
                                               n),
                                     n, KH_IMPORT_N_COLUMNS);
      return;
    }

  code = g_strstrip (g_strdup (fields[COL_IDENTITY_CODE]));
  birth = g_strstrip (g_strdup (fields[COL_BIRTH_DATE]));

  if (*code != '\0')
    {
      GDate born;
      KhHetuStatus status = kh_hetu_validate (code, today, &born, NULL);

      if (status != KH_HETU_OK)
        {
          /* Translators: %s says what is wrong, e.g. “the check character does not match”. */
          row->reason = g_strdup_printf (_("invalid identity code: %s"), hetu_reason (status));
          return;
        }
      if (*birth != '\0')
        {
          row->reason = g_strdup (_("birth date must be empty when there is an identity code "
                                    "(the code holds the birth date)"));
          return;
        }
      client->identity_kind = KH_IDENTITY_CODE;
      client->identity_code = g_steal_pointer (&code);
      client->no_code_reason = KH_NO_CODE_NONE;
      client->birth_date = kh_date_to_iso (&born);
    }
  else
    {
      GDate born, now;

      if (*birth == '\0')
        {
          row->reason = g_strdup (_("a birth date is needed when there is no identity code"));
          return;
        }
      if (!kh_date_from_iso (birth, &born))
        {
          /* Translators: keep YYYY-MM-DD as it is, it is the format of the file. */
          row->reason = g_strdup (_("birth date must be a real date written as YYYY-MM-DD"));
          return;
        }
      if (today != NULL)
        now = *today;
      else
        g_date_set_time_t (&now, time (NULL));
      if (g_date_compare (&born, &now) > 0)
        {
          row->reason = g_strdup (_("birth date is in the future"));
          return;
        }
      client->identity_kind = KH_IDENTITY_BIRTH_DATE;
      /* The file says nothing about why; "not known yet" is what reception
       * would pick and can correct later. */
      client->no_code_reason = KH_NO_CODE_NOT_KNOWN;
      client->birth_date = kh_date_to_iso (&born);
    }

  client->last_name = clean_field (fields[COL_LAST_NAME], MAX_NAME_CHARS, FALSE,
                                   _("last name"), &reason);
  client->first_names = clean_field (fields[COL_FIRST_NAMES], MAX_NAME_CHARS, FALSE,
                                     _("first names"), &reason);
  client->address = clean_field (fields[COL_ADDRESS], MAX_ADDRESS_CHARS, TRUE,
                                 _("address"), &reason);
  client->city = clean_field (fields[COL_CITY], MAX_NAME_CHARS, FALSE, _("city"), &reason);
  if (reason != NULL)
    {
      row->reason = reason;
      return;
    }
  if (client->last_name == NULL)
    {
      row->reason = g_strdup (_("last name is missing"));
      return;
    }
  if (client->first_names == NULL)
    {
      row->reason = g_strdup (_("first names are missing"));
      return;
    }

  /* "other" may name the language: "other:arabia". */
  language = g_strstrip (g_strdup (fields[COL_LANGUAGE]));
  if (g_ascii_strncasecmp (language, "other:", 6) == 0)
    {
      client->other_language = clean_field (language + 6, MAX_NAME_CHARS, FALSE,
                                            _("language name"), &reason);
      if (reason != NULL)
        {
          row->reason = reason;
          return;
        }
      language[5] = '\0';
    }
  key = g_ascii_strdown (language, -1);
  client->language = kh_language_from_key (key);
  if (client->language == 0)
    {
      row->reason = g_strdup (_("language must be fi, sv or other"));
      return;
    }
  if (client->language != KH_LANGUAGE_OTHER)
    g_clear_pointer (&client->other_language, g_free);
  else if (client->other_language == NULL)
    /* Translators: stored as the name of a person's language when an import
     * file says only "other"; reception fills in the real one later. */
    client->other_language = g_strdup (C_("language name", "not given"));

  phone = kh_text_clean (fields[COL_PHONE]);
  if (phone != NULL)
    {
      g_autofree char *digits = kh_phone_normalize (phone);

      if (digits == NULL)
        {
          row->reason = g_strdup (_("phone number is not valid (digits, spaces and + - ( ) only, "
                                    "at least 5 digits)"));
          return;
        }
      client->phone = g_steal_pointer (&phone);
    }

  postal_code = kh_text_clean (fields[COL_POSTAL_CODE]);
  if (postal_code != NULL)
    {
      if (!kh_postal_code_is_valid (postal_code))
        {
          row->reason = g_strdup (_("postal code must be five digits"));
          return;
        }
      client->postal_code = g_steal_pointer (&postal_code);
    }

  row->client = g_steal_pointer (&client);
}

KhImportRow *
kh_import_row_new (guint                line,
                   const char * const  *fields,
                   const GDate         *today)
{
  KhImportRow *row;

  g_return_val_if_fail (fields != NULL, NULL);

  row = g_new0 (KhImportRow, 1);
  row->line = line;
  check_row (row, fields, today);
  g_assert ((row->client == NULL) != (row->reason == NULL));

  return row;
}

void
kh_import_row_free (KhImportRow *row)
{
  if (row == NULL)
    return;
  g_clear_object (&row->client);
  g_free (row->reason);
  g_free (row);
}
