/* kh-ecomap-layout.h — where the ecomap puts the client and the network
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The geometry of the network map (verkostokartta / nätverkskarta), with
 * no cairo and no GTK: the client in the centre; around it one wedge for
 * each sector that has entries, in the order of KhSector clockwise from the
 * top (the first sector centred at the top), each as wide as its entries
 * need; three rings for the distances (close, middle, far); every entry a
 * node on its ring inside its wedge, with its label on the side away from
 * the centre (where its line to the client does not run), or where that
 * is taken beside it. Nodes, labels and the sectors' names do not overlap
 * one another or the client (a map too crowded for its canvas keeps the
 * least overlap it can find); labels stay inside the canvas. The same
 * input gives the same positions.
 *
 * Angles are in radians clockwise from the top (12 o'clock); coordinates
 * have x to the right and y down, as cairo's.
 */
#pragma once

#include <glib.h>

#include "core/kh-network.h"

G_BEGIN_DECLS

/* One entry of the map, as the network page hands it over. */
typedef struct {
  gint64              id;          /* the caller's; > 0 */
  const char         *label;       /* as shown beside the node */
  KhNetworkKind       kind;
  KhSector            sector;
  KhDistance          distance;
  KhTieQuality        quality;
  KhSupportDirection  direction;
} KhEcomapEntry;

/* A copy of `n_entries` entries and their labels (for those that keep
 * the network they were given), and its freeing. */
KhEcomapEntry *kh_ecomap_entries_copy (const KhEcomapEntry *entries,
                                       guint                n_entries);
void           kh_ecomap_entries_free (KhEcomapEntry       *entries,
                                       guint                n_entries);

typedef struct {
  double x, y, width, height;
} KhEcomapRect;

/* Which text is measured: the drawing sets the client's and the sectors'
 * names in bold. */
typedef enum {
  KH_ECOMAP_TEXT_ENTRY,
  KH_ECOMAP_TEXT_CLIENT,
  KH_ECOMAP_TEXT_SECTOR,
} KhEcomapText;

/* The size of `text` laid out at most `max_width` wide (wrapped, at most
 * two lines). */
typedef void (*KhEcomapMeasureFunc) (KhEcomapText kind,
                                     const char *text,
                                     double      max_width,
                                     double     *width,
                                     double     *height,
                                     gpointer    user_data);

typedef struct {
  double               width;
  double               height;
  /* The size of the labels' text; the node radius, the gaps and the label
   * width follow from it. */
  double               font_size;
  /* The names of the sectors, indexed by KhSector (0 unused); NULL for
   * none (no sector labels are placed). */
  const char          *sector_labels[KH_SECTOR_LAST + 1];
  /* A part of the canvas kept free of nodes and labels (a legend); empty
   * (0 wide) for none. */
  KhEcomapRect         reserved;
  /* How the drawing measures text; NULL estimates from the number of
   * characters (the layout tests). */
  KhEcomapMeasureFunc  measure;
  gpointer             measure_data;
} KhEcomapParams;

typedef struct {
  KhEcomapEntry  entry;            /* label copied */
  double         x, y;             /* the node's centre */
  double         radius;
  double         angle;
  KhEcomapRect   label;            /* where the label's text goes */
  /* The label is apart from the node (a crowded map): a thin line joins
   * the node's edge to the label's nearest point. */
  gboolean       leader;
} KhEcomapNode;

typedef struct {
  KhSector      sector;
  double        start, end;        /* end > start; start may be < 0 */
  char         *name;
  KhEcomapRect  label;             /* where the sector's name goes */
} KhEcomapWedge;

typedef struct {
  KhEcomapParams  params;          /* as given (sector_labels not kept) */
  double          cx, cy;
  double          client_radius;
  /* The widths labels were measured at (wrapped, at most two lines): the
   * entries', the client's name's and the sectors' names'. */
  double          label_max_width;
  double          client_label_max_width;
  double          sector_label_max_width;
  /* The outer edge of the close, middle and far rings. */
  double          ring_radius[3];
  char           *client_name;
  KhEcomapRect    client_label;
  /* In the input's order. */
  guint           n_nodes;
  KhEcomapNode   *nodes;
  /* Clockwise from the top. */
  guint           n_wedges;
  KhEcomapWedge  *wedges;
  /* The order Tab and the arrow keys visit the nodes (indices into
   * `nodes`): sector by sector clockwise from the top; in a sector the
   * close ring first, then the middle and the far; on a ring clockwise.
   * The same order as the list beside the map reads, sector by sector. */
  guint          *order;
} KhEcomapLayout;

#define KH_ECOMAP_HIT_NONE   (-1)
#define KH_ECOMAP_HIT_CLIENT (-2)

/* Lays out `n_entries` entries around `client_name`. Entries with a code
 * out of range are drawn as KH_SECTOR_OTHER / KH_DISTANCE_FAR. */
KhEcomapLayout *kh_ecomap_layout_new        (const KhEcomapEntry  *entries,
                                             guint                 n_entries,
                                             const char           *client_name,
                                             const KhEcomapParams *params);
void            kh_ecomap_layout_free       (KhEcomapLayout       *layout);

/* The index of the node (its circle or its label) at `x`, `y`, within
 * `tolerance`; the nearest when several are; KH_ECOMAP_HIT_CLIENT for the
 * client's circle, KH_ECOMAP_HIT_NONE for nothing. */
int             kh_ecomap_layout_hit_test   (const KhEcomapLayout *layout,
                                             double                x,
                                             double                y,
                                             double                tolerance);
/* The index of the node with `id`, or -1. */
int             kh_ecomap_layout_find       (const KhEcomapLayout *layout,
                                             gint64                id);
/* The position of node `index` in the keyboard order, or -1. */
int             kh_ecomap_layout_order_of   (const KhEcomapLayout *layout,
                                             int                   index);

/* How much smaller the labels of a crowded map are set (1 for up to 20
 * entries, then down to 0.8 at 32 and more), so that they keep apart: the
 * widget and the pictures (letter, exports) alike. */
double          kh_ecomap_crowded_scale     (guint                 n_entries);

/* Whether two rectangles overlap, or a circle and a rectangle (tests). */
gboolean        kh_ecomap_rect_overlaps     (const KhEcomapRect   *a,
                                             const KhEcomapRect   *b);
gboolean        kh_ecomap_circle_overlaps_rect (double              x,
                                                double              y,
                                                double              radius,
                                                const KhEcomapRect *rect);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KhEcomapLayout, kh_ecomap_layout_free)

G_END_DECLS
