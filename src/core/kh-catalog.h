/* kh-catalog.h — translations in a language other than the UI's
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The translation of `msgid` (with `context`, or NULL for none) in
 * `language` ("fi", "sv"; anything else is the English source) from the
 * same compiled catalogues the UI uses, whatever the UI language is. Falls
 * back to `msgid` when the catalogue or the message is missing. Thread-safe;
 * the result lives as long as the process. */
const char *kh_catalog_pgettext (const char *language,
                                 const char *context,
                                 const char *msgid) G_GNUC_FORMAT (3);
#define kh_catalog_gettext(language, msgid) kh_catalog_pgettext ((language), NULL, (msgid))

G_END_DECLS
