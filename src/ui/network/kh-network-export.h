/* kh-network-export.h — the network map saved as PDF or PNG (issue 9)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "documents/kh-ecomap-draw.h"

G_BEGIN_DECLS

typedef enum {
  KH_NETWORK_EXPORT_PDF,
  KH_NETWORK_EXPORT_PNG,
} KhNetworkExportFormat;

/* The map of `members` (of KhNetworkMember; removed ones left out) around
 * `client_name`, its words in `language` (the client's: the map is shown
 * to the client and to the agencies). */
KhEcomapPicture *kh_network_export_picture (GPtrArray             *members,
                                            const char            *client_name,
                                            const char            *language);

/* Writes `picture` (taken) to `file` on a worker thread: a vector PDF of
 * one landscape A4 page, or a PNG image. `source` (may be NULL) is the
 * result's source object. */
void             kh_network_export_async   (gpointer               source,
                                            KhEcomapPicture       *picture,
                                            GFile                 *file,
                                            KhNetworkExportFormat  format,
                                            GCancellable          *cancellable,
                                            GAsyncReadyCallback    callback,
                                            gpointer               user_data);
gboolean         kh_network_export_finish  (GAsyncResult          *result,
                                            GError               **error);

/* Asks where to save (GtkFileChooserNative, `file_name` suggested, its
 * suffix added), writes `picture` (taken) there and says how it went in
 * `toasts`. */
void             kh_network_export_choose  (GtkWindow             *parent,
                                            AdwToastOverlay       *toasts,
                                            KhEcomapPicture       *picture,
                                            KhNetworkExportFormat  format,
                                            const char            *file_name);

G_END_DECLS
