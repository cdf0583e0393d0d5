/* kh-csv.h — reading CSV files (RFC 4180) and checking client rows to import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure logic, no SQLite: kohtaamo-admin's import-clients reads a file with
 * KhCsvReader, checks the header with kh_import_check_header and turns each
 * record into a KhClient with kh_import_row_new. Checks that need the
 * database (a code already there, a code repeated in the file) are the
 * importer's.
 */
#pragma once

#include <glib.h>

#include "kh-records.h"

G_BEGIN_DECLS

#define KH_CSV_ERROR (kh_csv_error_quark ())
GQuark kh_csv_error_quark (void);

typedef enum {
  KH_CSV_ERROR_ENCODING,   /* the record is not valid UTF-8 (or holds a NUL byte) */
  KH_CSV_ERROR_QUOTE,      /* a quote where none may be, or a quoted field never closed */
  KH_CSV_ERROR_HEADER,     /* the header row is not the one expected */
} KhCsvError;

/**
 * KhCsvReader:
 *
 * Reads records from a UTF-8 CSV text held in memory: fields separated by
 * commas, records by CRLF or LF; a field in double quotes may hold commas,
 * line breaks and doubled quotes (""). A byte-order mark at the start is
 * skipped. Lines that are completely empty are skipped, so a final line
 * break (or a blank line someone left in) does not make an empty record.
 */
typedef struct _KhCsvReader KhCsvReader;

/* `data` is borrowed and must outlive the reader; `length` -1 = NUL-terminated. */
KhCsvReader *kh_csv_reader_new      (const char   *data,
                                     gssize        length);
void         kh_csv_reader_free     (KhCsvReader  *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KhCsvReader, kh_csv_reader_free)

/* The next record as a NULL-terminated array of fields (free with
 * g_strfreev). NULL without an error at the end of the data. NULL with an
 * error for a malformed record: the reader has then moved past it, so the
 * caller may report it and go on with the next one. */
char       **kh_csv_reader_next     (KhCsvReader  *self,
                                     GError      **error);
/* The physical line (1-based) on which the record last returned (or
 * refused) by kh_csv_reader_next starts; a quoted field with line breaks
 * makes a record span several lines. */
guint        kh_csv_reader_get_line (KhCsvReader  *self);

/* The columns of import-clients, in this order. */
#define KH_IMPORT_N_COLUMNS 9
extern const char * const kh_import_columns[KH_IMPORT_N_COLUMNS + 1];
/* The header as one line: "identity_code,last_name,…,city". */
char        *kh_import_dup_header_line (void);

/* Is `fields` exactly the expected header? If not, a translated error
 * (KH_CSV_ERROR_HEADER) that says which column is wrong. */
gboolean     kh_import_check_header (const char * const  *fields,
                                     GError             **error);

/**
 * KhImportRow:
 * @line: the physical line on which the record starts
 * @client: the person to insert (identity code or birth date with the reason
 *   "not known"), or %NULL when the row is bad
 * @reason: why the row is bad, translated, in lower case without a final
 *   full stop (it follows "line N: "); %NULL when the row is good
 *
 * One data record of an import file, checked.
 */
typedef struct {
  guint     line;
  KhClient *client;
  char     *reason;
} KhImportRow;

/* Checks one record. `today` (may be NULL for the real date) bounds birth
 * dates and identity codes. Always returns a row; see @reason. */
KhImportRow *kh_import_row_new      (guint                line,
                                     const char * const  *fields,
                                     const GDate         *today);
void         kh_import_row_free     (KhImportRow         *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KhImportRow, kh_import_row_free)

G_END_DECLS
