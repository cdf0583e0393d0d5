/* document-test-util.h — what the document tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <poppler.h>

#include "documents/kh-document.h"

/* poppler-glib 22.12 has no g_autoptr() support of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerFontInfo, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerStructureElement, g_object_unref)

/* The locale, the catalogue, g_test_init and a temporary folder. */
void             doc_test_init             (int         *argc,
                                            char      ***argv);
/* Removes the temporary folder; returns `status`. */
int              doc_test_finish           (int          status);
/* Renders `doc` to a file in the temporary folder (and to KH_TEST_PDF_DIR
 * when set, to look at) and opens it with poppler. */
PopplerDocument *doc_test_render           (KhDocument  *doc,
                                            const char  *name,
                                            char       **out_path);
void             doc_test_assert_contains  (const char  *text,
                                            const char  *expected);
void             doc_test_assert_lacks     (const char  *text,
                                            const char  *unexpected);
/* The process's own UI language, for showing that documents do not
 * follow it. The C.UTF-8 locale of the tests ignores LANGUAGE, so a real
 * locale is set when one is installed. */
void             doc_test_set_ui_language  (const char  *language);
/* The text of one page, or of all (index -1), with every run of white
 * space (line ends, no-break spaces) made one space, so that a sentence
 * that wraps is still found. */
char            *doc_test_text             (PopplerDocument *pdf,
                                            int              index);
/* `a` and `b` side by side on one row of a table, on some page (poppler's
 * text puts a table's columns one after the other). */
void             doc_test_assert_same_row  (PopplerDocument *pdf,
                                            const char      *a,
                                            const char      *b);
/* The image `surface` as PNG bytes. */
GBytes          *doc_test_png_of           (cairo_surface_t *surface);
