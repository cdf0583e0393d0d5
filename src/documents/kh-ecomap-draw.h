/* kh-ecomap-draw.h — the network map drawn with cairo and Pango
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One drawing for the widget, the PDF and PNG exports and the client plan
 * letter (a KhDocumentDrawFunc): the rings faint, the sectors' names in
 * the map's language (the client's, in a letter), people as circles and
 * agencies as rounded squares, a line from the client to each entry drawn
 * as its tie (thick = strong, thin = ordinary, dashed = weak, zigzag =
 * stressful, crossed = broken) with arrowheads where support flows. No
 * GTK: colours come in a palette.
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "core/kh-ecomap-layout.h"

G_BEGIN_DECLS

typedef struct {
  double red, green, blue, alpha;
} KhEcomapColor;

typedef struct {
  KhEcomapColor background;
  KhEcomapColor ring;              /* the rings and the sectors' borders */
  KhEcomapColor sector;            /* the sectors' names */
  KhEcomapColor line;              /* the ties */
  KhEcomapColor stress;            /* a stressful tie (also a zigzag) */
  KhEcomapColor text;              /* the labels */
  KhEcomapColor person;            /* a person's node */
  KhEcomapColor agency;            /* an agency's node */
  KhEcomapColor outline;           /* the nodes' outline */
  KhEcomapColor client;            /* the client's circle */
  KhEcomapColor client_text;
  KhEcomapColor selection;         /* the selected entry */
  KhEcomapColor selection_text;
  KhEcomapColor focus;             /* the keyboard focus */
} KhEcomapPalette;

const KhEcomapPalette *kh_ecomap_palette_light         (void);
const KhEcomapPalette *kh_ecomap_palette_dark          (void);
const KhEcomapPalette *kh_ecomap_palette_high_contrast (void);

/* The network map's layout at `width` × `height` (cairo units), its
 * labels measured as kh_ecomap_draw() draws them at `font_size`, the
 * sectors' names in `language` ("fi", "sv"; else English). */
KhEcomapLayout *kh_ecomap_draw_layout (const KhEcomapEntry *entries,
                                       guint                n_entries,
                                       const char          *client_name,
                                       const char          *language,
                                       double               width,
                                       double               height,
                                       double               font_size);

/* Draws `layout` at 0, 0 of `cr`: the background, the rings, the ties,
 * the nodes and the labels, then the highlight of `selected_id` (0 for
 * none) and, when `focused` is set, the focus ring around it (around the
 * whole map when nothing is selected). */
void            kh_ecomap_draw        (cairo_t               *cr,
                                       const KhEcomapLayout  *layout,
                                       const KhEcomapPalette *palette,
                                       gint64                 selected_id,
                                       gboolean               focused);
/* Only the highlight and focus part of kh_ecomap_draw(), over a picture
 * drawn with `selected_id` 0 (the widget caches that picture). */
void            kh_ecomap_draw_highlight (cairo_t               *cr,
                                          const KhEcomapLayout  *layout,
                                          const KhEcomapPalette *palette,
                                          gint64                 selected_id,
                                          gboolean               focused);

/* ---- The map as a picture: a copy of the network for a letter or an export ---- */

typedef struct _KhEcomapPicture KhEcomapPicture;

/* Copies `entries` and the strings. The font size is in points (default
 * 8, for a map of some 17 cm in a letter); the palette light. */
KhEcomapPicture *kh_ecomap_picture_new        (const KhEcomapEntry *entries,
                                               guint                n_entries,
                                               const char          *client_name,
                                               const char          *language);
void             kh_ecomap_picture_free       (KhEcomapPicture     *picture);
void             kh_ecomap_picture_set_font_size (KhEcomapPicture  *picture,
                                                  double            font_size);
void             kh_ecomap_picture_set_palette (KhEcomapPicture    *picture,
                                                const KhEcomapPalette *palette);
/* A legend of the lines, the arrow and the shapes at the bottom right, in
 * the picture's language (default on; left out when it would take more
 * than a quarter of the width). */
void             kh_ecomap_picture_set_legend (KhEcomapPicture     *picture,
                                               gboolean             legend);

/* A KhDocumentDrawFunc: kh_document_add_picture (doc, w, h, caption,
 * kh_ecomap_picture_draw, picture, (GDestroyNotify) kh_ecomap_picture_free). */
void             kh_ecomap_picture_draw       (cairo_t             *cr,
                                               double               width,
                                               double               height,
                                               gpointer             picture);

/* One page of `width` × `height` points, vector, its text real text. */
gboolean         kh_ecomap_picture_export_pdf (KhEcomapPicture     *picture,
                                               const char          *path,
                                               double               width,
                                               double               height,
                                               GError             **error);
/* A PNG image of `width` × `height` pixels (the font size is taken as
 * pixels at 96 dpi: 4/3 of the points). */
gboolean         kh_ecomap_picture_export_png (KhEcomapPicture     *picture,
                                               const char          *path,
                                               int                  width,
                                               int                  height,
                                               GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KhEcomapPicture, kh_ecomap_picture_free)

G_END_DECLS
