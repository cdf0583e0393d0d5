/* kh-poppler.h — poppler-glib for the preview and printing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <poppler.h>

/* poppler-glib 22.12 (Debian 12) has no g_autoptr() support of its own. */
#ifndef KH_POPPLER_AUTOPTR
#define KH_POPPLER_AUTOPTR
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)
#endif

G_BEGIN_DECLS

/* The document in `pdf`, or NULL with a translated message
 * (G_IO_ERROR_INVALID_DATA) when the bytes are not a PDF that poppler
 * reads: poppler's own message is for the log, not for the user. */
PopplerDocument *kh_poppler_open (GBytes  *pdf,
                                  GError **error);

G_END_DECLS
