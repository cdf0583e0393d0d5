/* kh-print-operation.h — printing a PDF's pages (issue 8, 6)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KH_TYPE_PRINT_OPERATION (kh_print_operation_get_type ())
G_DECLARE_FINAL_TYPE (KhPrintOperation, kh_print_operation, KH, PRINT_OPERATION, GtkPrintOperation)

/* Prints the pages of `pdf` as they are, each on a whole A4 sheet (the
 * PDF has its own margins), with `title` as the job's name. NULL with a
 * translated message when the bytes are not a PDF. */
KhPrintOperation *kh_print_operation_new (GBytes      *pdf,
                                          const char  *title,
                                          GError     **error);

G_END_DECLS
