/* kh-ecomap-layout.c — where the ecomap puts the client and the network
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The wedges: only the sectors that have entries take room, each as much
 * as its most crowded ring needs (a node's diameter and part of its label
 * for each entry there), at least enough for its name. A sector without
 * entries is left out rather than drawn as an empty slice: the map stays
 * wide where the client's network is, and the order of the sectors around
 * the clock stays the same from one version of the map to the next.
 *
 * The nodes are placed one by one in the keyboard order (inner rings
 * first): each entry wants the point of its ring spaced evenly among its
 * neighbours in its wedge, and takes the nearest point of its wedge and
 * ring where its circle and its label touch nothing placed before (nodes,
 * labels, leaders, the client), no other node comes as near its label as
 * its own, its label stays inside the canvas and its line to the client
 * passes no other node. A crowded ring so fills its width in staggered
 * rows; its labels go beside their nodes, and as the last resort apart
 * from them, joined by a leader. The sectors' names follow, each where it
 * is free. When something finds no free place, its sector is widened and
 * all is placed again (a few rounds; the best stays); when nothing is
 * free even so, the least overlapping point is taken.
 */
#define G_LOG_DOMAIN "kohtaamo-core"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "kh-ecomap-layout.h"

/* Proportions of the font size. */
#define LINE_HEIGHT      1.25
#define NODE_RADIUS      0.8
#define GAP              0.4
#define LABEL_MAX_WIDTH  10.5
#define CHAR_WIDTH       0.52

#define ANGLE_STEPS      32
/* How much farther from its wanted point (in font sizes) a node goes
 * before its label goes beside it instead of outwards. */
#define SIDEWAYS_COST    3.0
/* The room kept around the sectors' names (in font sizes), so that no
 * entry's label reads as one. */
#define SECTOR_CLEARANCE 0.8
#define RADIUS_STEPS     4
/* What a label apart from its node (joined to it by a leader) costs at
 * least, in font sizes: taken only where nothing beside the node is free. */
#define LEADER_COST      8.0
/* The label places tried first (label_places[]); the rest are the last
 * resort. */
#define N_NEAR           10
/* How much farther (in font sizes) any other node keeps from a label
 * than its own, so that the label reads as its own node's. */
#define ASSOCIATION      1.2
/* How many times the map is placed at most, and by how much a sector
 * where some node found no free place is widened each time. */
#define ROUNDS           6
/* How far out (in half lines) a sector's name may move from the rings. */
#define NAME_STEPS       20
/* From how many entries the rings give the inner ones more room, and at
 * how many they have the same area. */
#define CROWD_FROM       15
#define CROWD_FULL       40
#define WIDEN            1.3

typedef struct {
  double        font_size;
  double        line_height;
  double        node_radius;
  double        gap;
  double        label_max_width;
  const KhEcomapParams *params;
} Metrics;

static void
estimate (KhEcomapText kind,
          const char *text,
          double      max_width,
          double     *width,
          double     *height,
          gpointer    user_data)
{
  const Metrics *m = user_data;
  double full = g_utf8_strlen (text != NULL ? text : "", -1) * CHAR_WIDTH * m->font_size;

  if (full <= max_width)
    {
      *width = full;
      *height = m->line_height;
    }
  else
    {
      *width = max_width;
      *height = (full > 2 * max_width ? 2 : ceil (full / max_width)) * m->line_height;
    }
}

static void
measure (const Metrics *m,
         KhEcomapText   kind,
         const char    *text,
         double         max_width,
         double        *width,
         double        *height)
{
  if (m->params->measure != NULL)
    m->params->measure (kind, text != NULL ? text : "", max_width, width, height, m->params->measure_data);
  else
    estimate (kind, text, max_width, width, height, (gpointer) m);
}

KhEcomapEntry *
kh_ecomap_entries_copy (const KhEcomapEntry *entries,
                        guint                n_entries)
{
  KhEcomapEntry *copy = g_new0 (KhEcomapEntry, MAX (n_entries, 1));

  for (guint i = 0; i < n_entries; i++)
    {
      copy[i] = entries[i];
      copy[i].label = g_strdup (entries[i].label != NULL ? entries[i].label : "");
    }
  return copy;
}

void
kh_ecomap_entries_free (KhEcomapEntry *entries,
                        guint          n_entries)
{
  if (entries == NULL)
    return;
  for (guint i = 0; i < n_entries; i++)
    g_free ((char *) entries[i].label);
  g_free (entries);
}

gboolean
kh_ecomap_rect_overlaps (const KhEcomapRect *a,
                         const KhEcomapRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width
         && a->y < b->y + b->height && b->y < a->y + a->height;
}

static double
rect_distance2 (const KhEcomapRect *r,
                double              x,
                double              y)
{
  double dx = MAX (MAX (r->x - x, 0), x - (r->x + r->width));
  double dy = MAX (MAX (r->y - y, 0), y - (r->y + r->height));

  return dx * dx + dy * dy;
}

static double
rect_distance (const KhEcomapRect *r,
               double              x,
               double              y)
{
  return sqrt (rect_distance2 (r, x, y));
}

gboolean
kh_ecomap_circle_overlaps_rect (double              x,
                                double              y,
                                double              radius,
                                const KhEcomapRect *rect)
{
  return rect_distance2 (rect, x, y) < radius * radius;
}

/* The square of the distance from a point to a segment. */
static double
segment_distance2 (double px, double py,
                   double ax, double ay,
                   double bx, double by)
{
  double dx = bx - ax, dy = by - ay;
  double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
  double ex, ey;

  t = CLAMP (t, 0, 1);
  ex = px - (ax + t * dx);
  ey = py - (ay + t * dy);
  return ex * ex + ey * ey;
}

/* Whether the segment from `ax`, `ay` to `bx`, `by` runs through `r`
 * (clipped against its four sides). */
static gboolean
segment_crosses_rect (double              ax,
                      double              ay,
                      double              bx,
                      double              by,
                      const KhEcomapRect *r)
{
  double p[4] = { ax - bx, bx - ax, ay - by, by - ay };
  double q[4] = { ax - r->x, r->x + r->width - ax, ay - r->y, r->y + r->height - ay };
  double t0 = 0, t1 = 1;

  for (int i = 0; i < 4; i++)
    {
      double t;

      if (p[i] == 0)
        {
          if (q[i] < 0)
            return FALSE;
          continue;
        }
      t = q[i] / p[i];
      if (p[i] < 0)
        t0 = MAX (t0, t);
      else
        t1 = MIN (t1, t);
      if (t0 > t1)
        return FALSE;
    }
  return TRUE;
}

static KhEcomapRect
inflate (const KhEcomapRect *r,
         double              by)
{
  return (KhEcomapRect) { r->x - by, r->y - by, r->width + 2 * by, r->height + 2 * by };
}

static double
rect_overlap_area (const KhEcomapRect *a,
                   const KhEcomapRect *b)
{
  double w = MIN (a->x + a->width, b->x + b->width) - MAX (a->x, b->x);
  double h = MIN (a->y + a->height, b->y + b->height) - MAX (a->y, b->y);

  return w > 0 && h > 0 ? w * h : 0;
}

/* A box of `width` × `height` just outside a circle of `radius` around
 * `x`, `y`, in the direction (`dx`, `dy`) (a unit vector): its side
 * nearest the circle touches the line across the direction at `radius`. */
static KhEcomapRect
box_toward (double x,
            double y,
            double radius,
            double dx,
            double dy,
            double width,
            double height)
{
  double support = fabs (dx) * width / 2 + fabs (dy) * height / 2;
  double cx = x + dx * (radius + support);
  double cy = y + dy * (radius + support);

  return (KhEcomapRect) { cx - width / 2, cy - height / 2, width, height };
}

/* The same in the direction `angle`. */
static KhEcomapRect
box_outside (double x,
             double y,
             double radius,
             double angle,
             double width,
             double height)
{
  return box_toward (x, y, radius, sin (angle), -cos (angle), width, height);
}

static int
sector_of (const KhEcomapEntry *e)
{
  return e->sector >= KH_SECTOR_FIRST && e->sector <= KH_SECTOR_LAST ? (int) e->sector : KH_SECTOR_OTHER;
}

static int
ring_of (const KhEcomapEntry *e)
{
  return (e->distance >= KH_DISTANCE_FIRST && e->distance <= KH_DISTANCE_LAST ? (int) e->distance : KH_DISTANCE_FAR) - 1;
}

/* ---- placing the nodes ---- */

/* Where a node's label may go, each at a price (in font sizes) besides
 * the node's distance from where it wants to be: away from the centre,
 * where its line to the client does not run; beside the node, across its
 * line; to its right or left, above or below it; and on a crowded map
 * farther out, apart from the node and joined to it by a thin line (a
 * leader). */
typedef enum {
  TOWARD_OUT,
  TOWARD_ACROSS_CW,
  TOWARD_ACROSS_CCW,
  TOWARD_RIGHT,
  TOWARD_LEFT,
  TOWARD_UP,
  TOWARD_DOWN,
} Toward;

typedef struct {
  Toward toward;
  double apart;                    /* in line heights; > 0 with a leader */
  double cost;
} LabelPlace;

static const LabelPlace label_places[] = {
  { TOWARD_OUT, 0, 0 },
  { TOWARD_ACROSS_CW, 0, SIDEWAYS_COST },
  { TOWARD_ACROSS_CCW, 0, SIDEWAYS_COST },
  { TOWARD_RIGHT, 0, SIDEWAYS_COST + 0.5 },
  { TOWARD_LEFT, 0, SIDEWAYS_COST + 0.5 },
  { TOWARD_UP, 0, SIDEWAYS_COST + 0.5 },
  { TOWARD_DOWN, 0, SIDEWAYS_COST + 0.5 },
  { TOWARD_OUT, 1.5, LEADER_COST },
  { TOWARD_OUT, 3, LEADER_COST + 2 },
  { TOWARD_OUT, 5, LEADER_COST + 4 },
  /* The last resort, tried only where nothing above is free anywhere in
   * the node's wedge and ring: farther, and to any side. */
  { TOWARD_OUT, 7, 0 },
  { TOWARD_OUT, 9, 2 },
  { TOWARD_RIGHT, 2, 1 },
  { TOWARD_LEFT, 2, 1 },
  { TOWARD_UP, 2, 1 },
  { TOWARD_DOWN, 2, 1 },
  { TOWARD_RIGHT, 4, 3 },
  { TOWARD_LEFT, 4, 3 },
  { TOWARD_UP, 4, 3 },
  { TOWARD_DOWN, 4, 3 },
  { TOWARD_OUT, 12, 5 },
};

/* A point a node may take: on its ring, in its wedge. */
typedef struct {
  double x, y, angle;
  double sin_a, cos_a;
  double cost;                     /* distance from the wanted point */
} Spot;

typedef struct {
  double cost;
  guint  spot;
  guint  place;                    /* in label_places */
} Candidate;

typedef struct {
  const Metrics  *m;
  KhEcomapLayout *layout;
  guint           n_placed;
  guint          *placed;          /* node indices */
  /* Of each node placed (by its index): its circle, label and leader, a
   * gap around; a first look at whether anything may touch it. */
  KhEcomapRect   *extent;
  GArray         *spots;
  GArray         *order_array;
  guint          *order;           /* the spots, cheapest first */
} Placer;

static KhEcomapRect
label_at (const Metrics *m,
          const Spot    *spot,
          guint          place,
          double         radius,
          double         width,
          double         height)
{
  const LabelPlace *lp = &label_places[place];
  double dx = 0, dy = 0;

  switch (lp->toward)
    {
    case TOWARD_OUT:        dx = spot->sin_a;  dy = -spot->cos_a; break;
    case TOWARD_ACROSS_CW:  dx = spot->cos_a;  dy = spot->sin_a;  break;
    case TOWARD_ACROSS_CCW: dx = -spot->cos_a; dy = -spot->sin_a; break;
    case TOWARD_RIGHT:      dx = 1;  break;
    case TOWARD_LEFT:       dx = -1; break;
    case TOWARD_UP:         dy = -1; break;
    case TOWARD_DOWN:       dy = 1;  break;
    }
  return box_toward (spot->x, spot->y, radius + m->gap / 2 + lp->apart * m->line_height, dx, dy, width, height);
}

/* The end of a leader from `x`, `y` at `label`: its nearest point. */
static void
leader_end (const KhEcomapRect *label,
            double              x,
            double              y,
            double             *end_x,
            double             *end_y)
{
  *end_x = CLAMP (x, label->x, label->x + label->width);
  *end_y = CLAMP (y, label->y, label->y + label->height);
}

static KhEcomapRect
extent_of (double              x,
           double              y,
           double              radius,
           const KhEcomapRect *label,
           double              gap)
{
  double x0 = MIN (x - radius, label->x), y0 = MIN (y - radius, label->y);
  double x1 = MAX (x + radius, label->x + label->width), y1 = MAX (y + radius, label->y + label->height);

  return (KhEcomapRect) { x0 - gap, y0 - gap, x1 - x0 + 2 * gap, y1 - y0 + 2 * gap };
}

/* `rect` moved onto the canvas. */
static KhEcomapRect
on_canvas (const KhEcomapLayout *l,
           KhEcomapRect          rect)
{
  rect.x = CLAMP (rect.x, 1, MAX (1, l->params.width - 1 - rect.width));
  rect.y = CLAMP (rect.y, 1, MAX (1, l->params.height - 1 - rect.height));
  return rect;
}

/* How badly a node at `x`, `y` with its label at `text` (apart, with a
 * leader, when `leader`) collides with what is placed: 0 when it touches
 * nothing; `with_lines` also counts lines running through nodes. Stops
 * counting once past `limit` (0: whether it collides at all). */
static double
collision (const Placer       *p,
           double              x,
           double              y,
           double              radius,
           const KhEcomapRect *text,
           gboolean            leader,
           gboolean            with_lines,
           double              limit)
{
  const KhEcomapLayout *l = p->layout;
  double gap = p->m->gap;
  KhEcomapRect label = inflate (text, gap / 2);
  KhEcomapRect canvas = { 1, 1, l->params.width - 2, l->params.height - 2 };
  KhEcomapRect extent = extent_of (x, y, radius, text, gap + ASSOCIATION * p->m->font_size / 2);
  double keep_off = radius + gap / 2 + ASSOCIATION * p->m->font_size;
  double lx = x, ly = y, bad = 0, d2, reach;

  if (leader)
    leader_end (text, x, y, &lx, &ly);
  /* The label inside the canvas. */
  if (text->x < canvas.x || text->y < canvas.y
      || text->x + text->width > canvas.x + canvas.width
      || text->y + text->height > canvas.y + canvas.height)
    bad += 300 + text->width * text->height - rect_overlap_area (text, &canvas);
  /* The client. */
  d2 = (x - l->cx) * (x - l->cx) + (y - l->cy) * (y - l->cy);
  reach = l->client_radius + radius + gap;
  if (d2 < reach * reach)
    bad += 1000;
  if (kh_ecomap_circle_overlaps_rect (l->cx, l->cy, l->client_radius + gap, text))
    bad += 1000;
  if (leader && segment_distance2 (l->cx, l->cy, x, y, lx, ly) < (l->client_radius + gap) * (l->client_radius + gap))
    bad += 1000;
  /* The part kept free (a legend). */
  if (l->params.reserved.width > 0)
    {
      KhEcomapRect reserved = inflate (&l->params.reserved, gap);

      if (kh_ecomap_rect_overlaps (text, &reserved))
        bad += 300 + rect_overlap_area (text, &reserved);
      if (kh_ecomap_circle_overlaps_rect (x, y, radius, &reserved))
        bad += 500;
    }
  if (bad > limit)
    return bad;
  for (guint w = 0; w < l->n_wedges && bad <= limit; w++)
    {
      const KhEcomapRect *name = &l->wedges[w].label;
      KhEcomapRect clear;

      if (name->width <= 0)
        continue;
      clear = inflate (name, SECTOR_CLEARANCE * p->m->font_size);
      if (!kh_ecomap_rect_overlaps (&extent, &clear))
        continue;
      /* Near a name, the label might read as one (a price); over it,
       * either is unreadable. */
      if (kh_ecomap_rect_overlaps (&label, &clear))
        bad += 20 + rect_overlap_area (&label, &clear);
      if (kh_ecomap_rect_overlaps (text, name))
        bad += 500;
      if (kh_ecomap_circle_overlaps_rect (x, y, radius + gap, &clear))
        bad += 500;
      if (leader && segment_crosses_rect (x, y, lx, ly, name))
        bad += 100;
    }
  for (guint i = 0; i < p->n_placed && bad <= limit; i++)
    {
      guint index = p->placed[i];
      const KhEcomapNode *o = &l->nodes[index];

      if (kh_ecomap_rect_overlaps (&extent, &p->extent[index]))
        {
          KhEcomapRect other = inflate (&o->label, gap / 2);
          double dx = x - o->x, dy = y - o->y;

          reach = radius + o->radius + gap;
          d2 = dx * dx + dy * dy;
          if (d2 < reach * reach)
            bad += 1000 + (reach - sqrt (d2)) * 100;
          if (kh_ecomap_circle_overlaps_rect (x, y, radius + gap, &o->label))
            bad += 500;
          if (kh_ecomap_circle_overlaps_rect (o->x, o->y, o->radius + gap, text))
            bad += 500;
          if (kh_ecomap_rect_overlaps (&label, &other))
            bad += (kh_ecomap_rect_overlaps (text, &o->label) ? 500 : 20) + rect_overlap_area (&label, &other);
          /* Each label read as its own node's: no other node about as
           * near it as its own. */
          if (rect_distance2 (text, o->x, o->y) < keep_off * keep_off)
            bad += 50;
          if (rect_distance2 (&o->label, x, y) < keep_off * keep_off)
            bad += 50;
          if (leader && (segment_crosses_rect (x, y, lx, ly, &other)
                         || segment_distance2 (o->x, o->y, x, y, lx, ly) < (o->radius + gap) * (o->radius + gap)))
            bad += 100;
          if (o->leader)
            {
              double ox, oy;

              leader_end (&o->label, o->x, o->y, &ox, &oy);
              if (segment_crosses_rect (o->x, o->y, ox, oy, &label)
                  || segment_distance2 (x, y, o->x, o->y, ox, oy) < (radius + gap) * (radius + gap))
                bad += 100;
            }
        }
      if (with_lines)
        {
          reach = o->radius + gap;
          if (segment_distance2 (o->x, o->y, l->cx, l->cy, x, y) < reach * reach)
            bad += 100;
          reach = radius + gap;
          if (segment_distance2 (x, y, l->cx, l->cy, o->x, o->y) < reach * reach)
            bad += 100;
        }
    }
  return bad;
}

/* The candidates, cheapest first, made as they are asked for: the spots
 * sorted once by their cost, and for each label place a pointer into
 * them; the next candidate is the cheapest at the pointers (of two as
 * good, the nearer spot, then the earlier place). Most nodes take one of
 * the first few. */
typedef struct {
  const Placer *p;
  guint         first, last;       /* label places */
  guint         head[G_N_ELEMENTS (label_places)];
} Candidates;

static int
compare_spots (const void *a,
               const void *b,
               void       *user_data)
{
  const Spot *spots = user_data;
  guint x = *(const guint *) a, y = *(const guint *) b;

  if (spots[x].cost != spots[y].cost)
    return (spots[x].cost > spots[y].cost) - (spots[x].cost < spots[y].cost);
  return (x > y) - (x < y);
}

static void
candidates_init (Candidates   *cs,
                 const Placer *p,
                 guint         first,
                 guint         last)
{
  cs->p = p;
  cs->first = first;
  cs->last = last;
  memset (cs->head, 0, sizeof cs->head);
}

static gboolean
candidates_next (Candidates *cs,
                 Candidate  *c)
{
  const Placer *p = cs->p;
  const Spot *spots = (const Spot *) (void *) p->spots->data;
  const guint *order = p->order;
  guint n = p->spots->len;
  gboolean found = FALSE;

  for (guint k = cs->first; k <= cs->last; k++)
    {
      guint s;
      double cost;

      if (cs->head[k] >= n)
        continue;
      s = order[cs->head[k]];
      cost = spots[s].cost + label_places[k].cost * p->m->font_size;
      if (!found || cost < c->cost || (cost == c->cost && s < c->spot))
        {
          *c = (Candidate) { cost, s, k };
          found = TRUE;
        }
    }
  if (found)
    cs->head[c->place]++;
  return found;
}

/* The first candidate of places `first` to `last` free of everything,
 * else the first free but for lines through nodes; FALSE when none is. */
static gboolean
first_free (const Placer *p,
            guint         first,
            guint         last,
            double        r,
            double        lw,
            double        lh,
            Candidate    *best)
{
  Candidates cs;
  Candidate c;
  gboolean crossed = FALSE;

  candidates_init (&cs, p, first, last);
  while (candidates_next (&cs, &c))
    {
      const Spot *spot = &g_array_index (p->spots, Spot, c.spot);
      KhEcomapRect label = label_at (p->m, spot, c.place, r, lw, lh);
      gboolean leader = label_places[c.place].apart > 0;

      if (collision (p, spot->x, spot->y, r, &label, leader, FALSE, 0) > 0)
        continue;
      if (collision (p, spot->x, spot->y, r, &label, leader, TRUE, 0) == 0)
        {
          *best = c;
          return TRUE;
        }
      if (!crossed)
        {
          *best = c;
          crossed = TRUE;
        }
    }
  return crossed;
}

static void
add_spot (GArray *spots,
          double  x,
          double  y,
          double  angle,
          double  cost)
{
  Spot spot = { x, y, angle, sin (angle), cos (angle), cost };

  g_array_append_val (spots, spot);
}

/* Places node `index` in `wedge` between the radii `band_in` and
 * `band_out`, as near `want_angle` as it can; returns how badly it
 * collides with what was placed before (0: not at all). */
static double
place (Placer              *p,
       guint                index,
       const KhEcomapWedge *wedge,
       double               band_in,
       double               band_out,
       double               want_angle)
{
  const Metrics *m = p->m;
  KhEcomapLayout *l = p->layout;
  KhEcomapNode *node = &l->nodes[index];
  double r = node->radius;
  double lw = node->label.width, lh = node->label.height;
  double want_radius = (band_in + band_out) / 2;
  double want_x = l->cx + want_radius * sin (want_angle);
  double want_y = l->cy - want_radius * cos (want_angle);
  double lo = band_in + r + m->gap, hi = band_out - r - m->gap;
  int radius_steps = hi - lo > 2 * r ? RADIUS_STEPS : 1;
  const Candidate *best = NULL;
  Candidate chosen = { 0 };
  double best_bad = G_MAXDOUBLE;
  KhEcomapRect label;
  const Spot *spot;

  g_array_set_size (p->spots, 0);
  if (hi < lo)
    lo = hi = want_radius;
  /* The wanted point itself first, then a grid over the wedge and ring. */
  add_spot (p->spots, want_x, want_y, want_angle, 0);
  for (int k = 0; k < radius_steps; k++)
    {
      double rho = radius_steps > 1 ? lo + (hi - lo) * k / (radius_steps - 1) : (lo + hi) / 2;
      double inset = MIN ((r + m->gap) / rho, (wedge->end - wedge->start) / 2);
      double a0 = wedge->start + inset, a1 = wedge->end - inset;

      for (int s = 0; s <= ANGLE_STEPS; s++)
        {
          double angle = a0 + (a1 - a0) * s / ANGLE_STEPS;
          double x = l->cx + rho * sin (angle), y = l->cy - rho * cos (angle);

          add_spot (p->spots, x, y, angle, hypot (x - want_x, y - want_y));
        }
    }
  /* Free of everything; else free but for lines through nodes; else the
   * same with a last resort; else the least bad of the places beside the
   * node. */
  g_array_set_size (p->order_array, p->spots->len);
  p->order = (guint *) (void *) p->order_array->data;
  for (guint s = 0; s < p->spots->len; s++)
    p->order[s] = s;
  g_qsort_with_data (p->order, p->spots->len, sizeof (guint), compare_spots, p->spots->data);
  if (first_free (p, 0, N_NEAR - 1, r, lw, lh, &chosen)
      || first_free (p, N_NEAR, G_N_ELEMENTS (label_places) - 1, r, lw, lh, &chosen))
    {
      best = &chosen;
      best_bad = 0;
    }
  else
    {
      Candidates cs;
      Candidate c;

      candidates_init (&cs, p, 0, N_NEAR - 1);
      while (candidates_next (&cs, &c))
        {
          double bad;

          spot = &g_array_index (p->spots, Spot, c.spot);
          label = label_at (m, spot, c.place, r, lw, lh);
          bad = collision (p, spot->x, spot->y, r, &label, label_places[c.place].apart > 0, FALSE, best_bad);
          if (bad < best_bad)
            {
              best_bad = bad;
              chosen = c;
              best = &chosen;
            }
        }
    }

  spot = &g_array_index (p->spots, Spot, best->spot);
  node->x = spot->x;
  node->y = spot->y;
  node->angle = spot->angle;
  node->label = label_at (m, spot, best->place, r, lw, lh);
  node->leader = label_places[best->place].apart > 0;
  /* Whatever happened, the label stays on the canvas. */
  node->label = on_canvas (l, node->label);
  p->extent[index] = extent_of (node->x, node->y, r, &node->label, m->gap + ASSOCIATION * m->font_size / 2);
  p->placed[p->n_placed++] = index;
  return best_bad;
}

/* Places every node, in the keyboard order (each sector's close ring
 * first); counts in `failed` (by sector) the nodes that found no free
 * place, and returns how badly they collide in all. */
static double
place_all (Placer              *p,
           const KhEcomapEntry *entries,
           guint                n_entries,
           guint                count[][3],
           guint               *failed)
{
  KhEcomapLayout *l = p->layout;
  double bad = 0;

  p->n_placed = 0;
  for (guint w = 0; w < l->n_wedges; w++)
    for (int k = 0; k < 3; k++)
      {
        const KhEcomapWedge *wedge = &l->wedges[w];

        {
          guint n = count[wedge->sector][k], i_ring = 0;

          for (guint i = 0; i < n_entries; i++)
            {
              double want, here;

              if (sector_of (&entries[i]) != (int) wedge->sector || ring_of (&entries[i]) != k)
                continue;
              want = wedge->start + (wedge->end - wedge->start) * (i_ring + 0.5) / n;
              here = place (p, i, wedge, k == 0 ? l->client_radius : l->ring_radius[k - 1], l->ring_radius[k], want);
              if (here > 0)
                failed[wedge->sector]++;
              bad += here;
              i_ring++;
            }
        }
    }
  g_assert (p->n_placed == n_entries);
  return bad;
}

/* ---- the wedges ---- */

/* Shares the circle among the occupied sectors in proportion to `need`,
 * but none less than its `minimum` (unless the minimums take more than
 * the whole circle: then in proportion to them). */
static void
share_circle (const double   *need,
              const double   *minimum,
              const gboolean *occupied,
              double         *span)
{
  gboolean fixed[KH_SECTOR_LAST + 1] = { FALSE };
  double sum_minimum = 0;
  gboolean changed = TRUE;

  for (int s = KH_SECTOR_FIRST; s <= KH_SECTOR_LAST; s++)
    if (occupied[s])
      sum_minimum += minimum[s];
  if (sum_minimum >= 2 * G_PI)
    {
      for (int s = KH_SECTOR_FIRST; s <= KH_SECTOR_LAST; s++)
        span[s] = occupied[s] ? 2 * G_PI * minimum[s] / sum_minimum : 0;
      return;
    }
  while (changed)
    {
      double rest = 2 * G_PI, weight = 0;

      changed = FALSE;
      for (int s = KH_SECTOR_FIRST; s <= KH_SECTOR_LAST; s++)
        if (occupied[s])
          {
            if (fixed[s])
              rest -= minimum[s];
            else
              weight += need[s];
          }
      for (int s = KH_SECTOR_FIRST; s <= KH_SECTOR_LAST; s++)
        if (occupied[s] && !fixed[s])
          {
            span[s] = rest * need[s] / weight;
            if (span[s] < minimum[s])
              {
                span[s] = minimum[s];
                fixed[s] = TRUE;
                changed = TRUE;
              }
          }
        else
          span[s] = fixed[s] ? minimum[s] : 0;
    }
}

/* The wedges for the sectors' `need` (each at least the arc of its name,
 * `sector_width` × `sector_height`), the first centred at the top; their
 * names are placed after the nodes. */
static void
make_wedges (KhEcomapLayout *l,
             const Metrics  *m,
             const double   *need,
             const gboolean *occupied,
             const double   *sector_width,
             const double   *sector_height,
             double          radius)
{
  double again[KH_SECTOR_LAST + 1] = { 0 }, minimum[KH_SECTOR_LAST + 1] = { 0 };
  double span[KH_SECTOR_LAST + 1] = { 0 };
  double total = 0, at = 0;
  gboolean first = TRUE;

  for (int s = KH_SECTOR_FIRST; s <= KH_SECTOR_LAST; s++)
    if (occupied[s])
      total += need[s];
  if (total <= 0)
    {
      l->n_wedges = 0;
      return;
    }

  /* A second look at the sectors' names: at the top and the bottom of the
   * map a name lies along the circle and takes its whole width of the
   * arc, at the sides only its height. The first spans give the angles;
   * a name never gets less than its extent along the circle. */
  for (int s = KH_SECTOR_FIRST; s <= KH_SECTOR_LAST; s++)
    {
      double width, mid, along;

      if (!occupied[s])
        continue;
      width = 2 * G_PI * need[s] / total;
      if (first)
        at = -width / 2;
      first = FALSE;
      mid = at + width / 2;
      along = fabs (cos (mid)) * sector_width[s] + fabs (sin (mid)) * sector_height[s];
      minimum[s] = 1.15 * along / (radius + m->gap);
      again[s] = MAX (need[s], minimum[s]);
      at += width;
    }
  share_circle (again, minimum, occupied, span);

  /* The wedges, the first centred at the top. */
  l->n_wedges = 0;
  for (int s = KH_SECTOR_FIRST; s <= KH_SECTOR_LAST; s++)
    {
      KhEcomapWedge *wedge;

      if (!occupied[s])
        continue;
      if (l->n_wedges == 0)
        at = -span[s] / 2;
      wedge = &l->wedges[l->n_wedges++];
      wedge->sector = s;
      wedge->start = at;
      wedge->end = at + span[s];
      wedge->label = (KhEcomapRect) { 0 };
      at += span[s];
    }
}

/* Whether a sector's name at `name` touches anything on the map. */
static gboolean
name_collides (const Placer       *p,
               const KhEcomapRect *name,
               guint               n_named)
{
  const KhEcomapLayout *l = p->layout;
  const Metrics *m = p->m;
  KhEcomapRect clear = inflate (name, SECTOR_CLEARANCE * m->font_size);
  KhEcomapRect near = inflate (name, m->gap);

  if (name->x < 1 || name->y < 1 || name->x + name->width > l->params.width - 1
      || name->y + name->height > l->params.height - 1)
    return TRUE;
  if (l->params.reserved.width > 0 && kh_ecomap_rect_overlaps (&near, &l->params.reserved))
    return TRUE;
  if (kh_ecomap_circle_overlaps_rect (l->cx, l->cy, l->client_radius + m->gap, name))
    return TRUE;
  for (guint w = 0; w < n_named; w++)
    if (l->wedges[w].label.width > 0 && kh_ecomap_rect_overlaps (&near, &l->wedges[w].label))
      return TRUE;
  for (guint i = 0; i < p->n_placed; i++)
    {
      const KhEcomapNode *o = &l->nodes[p->placed[i]];

      if (!kh_ecomap_rect_overlaps (&clear, &p->extent[p->placed[i]]))
        continue;
      if (kh_ecomap_rect_overlaps (&clear, &o->label)
          || kh_ecomap_circle_overlaps_rect (o->x, o->y, o->radius + m->gap, &clear))
        return TRUE;
      if (o->leader)
        {
          double ox, oy;

          leader_end (&o->label, o->x, o->y, &ox, &oy);
          if (segment_crosses_rect (o->x, o->y, ox, oy, &near))
            return TRUE;
        }
    }
  return FALSE;
}

/* A sector's name `step` half lines outside the rings at `angle`, moved
 * `shift` lines across (clockwise for > 0), on the canvas. */
static KhEcomapRect
name_at (const KhEcomapLayout *l,
         const Metrics        *m,
         double                radius,
         int                   step,
         double                angle,
         int                   shift,
         double                width,
         double                height)
{
  KhEcomapRect name = box_outside (l->cx, l->cy, radius + m->gap + step * m->line_height / 2, angle, width, height);

  name.x += shift * m->line_height * cos (angle);
  name.y += shift * m->line_height * sin (angle);
  return on_canvas (l, name);
}

/* Puts wedge `w`'s name at `name` if it is free there. */
static gboolean
try_name (Placer       *p,
          guint         w,
          KhEcomapRect  name)
{
  if (name_collides (p, &name, w))
    return FALSE;
  p->layout->wedges[w].label = name;
  return TRUE;
}

/* The sectors' names, after the nodes: each just outside the rings at the
 * middle of its wedge if that is free, else the nearest free place
 * farther out or along its wedge, clear of the labels (so that no entry's
 * label reads as a sector's name), the nodes, the names before it and
 * the part kept free. Counts in `failed` the sectors whose name found no
 * free place (it then stays at the middle of its wedge), and returns how
 * bad that is. */
static double
place_names (Placer       *p,
             double        radius,
             const double *sector_width,
             const double *sector_height,
             guint        *failed)
{
  static const double along[] = { 0, -0.3, 0.3, -0.6, 0.6, -0.9, 0.9, -1.3, 1.3 };
  KhEcomapLayout *l = p->layout;
  const Metrics *m = p->m;
  double bad = 0;

  for (guint w = 0; w < l->n_wedges; w++)
    {
      KhEcomapWedge *wedge = &l->wedges[w];
      double mid = (wedge->start + wedge->end) / 2, half = (wedge->end - wedge->start) / 2;
      double width = sector_width[wedge->sector], height = sector_height[wedge->sector];
      KhEcomapRect first = { 0 };
      gboolean found = FALSE;

      if (m->params->sector_labels[wedge->sector] == NULL)
        continue;
      first = name_at (l, m, radius, 0, mid, 0, width, height);
      for (int step = 0; step <= NAME_STEPS && !found; step++)
        for (guint t = 0; t < G_N_ELEMENTS (along) && !found; t++)
          found = try_name (p, w, name_at (l, m, radius, step, mid + along[t] * half, 0, width, height));
      /* Else along the line across its middle, up or down the side of
       * the map, or left or right at the top or the bottom. */
      for (int shift = 1; shift <= NAME_STEPS && !found; shift++)
        for (int step = 0; step <= 4 && !found; step++)
          for (int sign = -1; sign <= 1 && !found; sign += 2)
            found = try_name (p, w, name_at (l, m, radius, step, mid, sign * shift, width, height));
      if (!found)
        {
          wedge->label = first;
          failed[wedge->sector]++;
          bad += 500;
        }
    }
  return bad;
}

/* ---- the layout ---- */

static int
compare_order (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const KhEcomapLayout *l = user_data;
  const KhEcomapNode *x = &l->nodes[*(const guint *) a];
  const KhEcomapNode *y = &l->nodes[*(const guint *) b];
  int sx = sector_of (&x->entry), sy = sector_of (&y->entry);
  int rx = ring_of (&x->entry), ry = ring_of (&y->entry);

  if (sx != sy)
    return sx - sy;
  if (rx != ry)
    return rx - ry;
  if (x->angle != y->angle)
    return (x->angle > y->angle) - (x->angle < y->angle);
  return (int) *(const guint *) a - (int) *(const guint *) b;
}

KhEcomapLayout *
kh_ecomap_layout_new (const KhEcomapEntry  *entries,
                      guint                 n_entries,
                      const char           *client_name,
                      const KhEcomapParams *params)
{
  KhEcomapLayout *l = g_new0 (KhEcomapLayout, 1);
  Metrics m;
  guint count[KH_SECTOR_LAST + 1][3] = { { 0 } };
  gboolean occupied[KH_SECTOR_LAST + 1] = { FALSE };
  double need[KH_SECTOR_LAST + 1] = { 0 };
  double sector_width[KH_SECTOR_LAST + 1] = { 0 }, sector_height[KH_SECTOR_LAST + 1] = { 0 };
  double margin_x, margin_y, radius, band;
  Placer placer = { 0 };
  KhEcomapNode *best_nodes = NULL;
  KhEcomapWedge *best_wedges = NULL;
  guint *best_order = NULL;
  double best_bad = G_MAXDOUBLE;
  int best_round = 0;

  g_return_val_if_fail (params != NULL, NULL);
  g_return_val_if_fail (entries != NULL || n_entries == 0, NULL);

  l->params = *params;
  memset (l->params.sector_labels, 0, sizeof l->params.sector_labels);
  m.params = params;
  m.font_size = params->font_size > 0 ? params->font_size : 11;
  m.line_height = LINE_HEIGHT * m.font_size;
  m.node_radius = NODE_RADIUS * m.font_size;
  m.gap = GAP * m.font_size;
  m.label_max_width = LABEL_MAX_WIDTH * m.font_size;

  /* The rings: as large as the canvas allows with room for the labels of
   * the far ring and the sectors' names around them. */
  margin_x = m.label_max_width + m.gap;
  margin_y = 2 * m.line_height + 2 * m.gap;
  radius = MIN (params->width / 2 - margin_x, params->height / 2 - margin_y);
  radius = MAX (radius, 6 * m.font_size);
  l->cx = params->width / 2;
  l->cy = params->height / 2;
  l->client_radius = MAX (0.17 * radius, 2.6 * m.font_size);
  band = (radius - l->client_radius) / 3;
  /* Three rings as wide as each other, up to 15 entries; with more, the
   * inner rings widen towards rings of the same area (at 40 entries), so
   * that the close ring, short around, has room for its third of a
   * crowded network. */
  {
    double crowd = CLAMP (((double) n_entries - CROWD_FROM) / (CROWD_FULL - CROWD_FROM), 0, 1);
    double inner2 = l->client_radius * l->client_radius;

    for (int k = 0; k < 3; k++)
      {
        double even = l->client_radius + band * (k + 1);
        double same_area = sqrt (inner2 + (radius * radius - inner2) * (k + 1) / 3);

        l->ring_radius[k] = (1 - crowd) * even + crowd * same_area;
      }
  }

  l->client_name = g_strdup (client_name != NULL ? client_name : "");
  {
    double cw, ch;

    l->label_max_width = m.label_max_width;
    l->client_label_max_width = 1.7 * l->client_radius;
    /* The sectors' full names ("Järjestöt, seurakunnat ja vapaa-aika") on
     * two lines. */
    l->sector_label_max_width = 1.6 * m.label_max_width;
    measure (&m, KH_ECOMAP_TEXT_CLIENT, l->client_name, l->client_label_max_width, &cw, &ch);
    l->client_label = (KhEcomapRect) { l->cx - cw / 2, l->cy - ch / 2, cw, ch };
  }

  /* The nodes and their labels' sizes. */
  l->n_nodes = n_entries;
  l->nodes = g_new0 (KhEcomapNode, MAX (n_entries, 1));
  for (guint i = 0; i < n_entries; i++)
    {
      KhEcomapNode *node = &l->nodes[i];
      node->entry = entries[i];
      node->entry.label = g_strdup (entries[i].label != NULL ? entries[i].label : "");
      node->radius = m.node_radius;
      measure (&m, KH_ECOMAP_TEXT_ENTRY, node->entry.label, m.label_max_width, &node->label.width, &node->label.height);
      count[sector_of (&entries[i])][ring_of (&entries[i])]++;
    }
  /* A node's share of its ring: its diameter and a good part of its label
   * (neighbours on a crowded ring also stagger outwards). */
  for (int s = KH_SECTOR_FIRST; s <= KH_SECTOR_LAST; s++)
    {
      double ring_need[3] = { 0 };

      for (guint i = 0; i < n_entries; i++)
        if (sector_of (&entries[i]) == s)
          {
            int k = ring_of (&entries[i]);
            double rho = ((k == 0 ? l->client_radius : l->ring_radius[k - 1]) + l->ring_radius[k]) / 2;

            ring_need[k] += (2 * m.node_radius + m.gap + 0.6 * l->nodes[i].label.width) / rho;
          }
      need[s] = MAX (ring_need[0], MAX (ring_need[1], ring_need[2]));
      occupied[s] = count[s][0] + count[s][1] + count[s][2] > 0;
      if (!occupied[s])
        continue;
      if (params->sector_labels[s] != NULL)
        measure (&m, KH_ECOMAP_TEXT_SECTOR, params->sector_labels[s], l->sector_label_max_width, &sector_width[s], &sector_height[s]);
      /* At least room for the sector's name, and some air. */
      need[s] = MAX (need[s], MAX (G_PI / 9, 0.8 * sector_width[s] / radius));
    }

  /* The wedges and the nodes in them; where some node found no free
   * place, its sector is widened (the others give way) and all is placed
   * again, a few times at most; the best of the rounds stays. */
  l->wedges = g_new0 (KhEcomapWedge, KH_SECTOR_LAST);
  l->order = g_new0 (guint, MAX (n_entries, 1));
  placer.m = &m;
  placer.layout = l;
  placer.placed = l->order;
  placer.extent = g_new0 (KhEcomapRect, MAX (n_entries, 1));
  placer.spots = g_array_new (FALSE, FALSE, sizeof (Spot));
  placer.order_array = g_array_new (FALSE, FALSE, sizeof (guint));
  for (int round = 0; ; round++)
    {
      guint failed[KH_SECTOR_LAST + 1] = { 0 }, n_failed = 0;
      double bad;

      make_wedges (l, &m, need, occupied, sector_width, sector_height, radius);
      bad = place_all (&placer, entries, n_entries, count, failed);
      bad += place_names (&placer, radius, sector_width, sector_height, failed);
      for (int s = KH_SECTOR_FIRST; s <= KH_SECTOR_LAST; s++)
        n_failed += failed[s];
      if (n_failed == 0)
        break;
      g_debug ("ecomap: round %d, %u entries or names without a free place (%g)", round, n_failed, bad);
      if (bad < best_bad)
        {
          best_bad = bad;
          best_round = round;
          g_free (best_nodes);
          g_free (best_wedges);
          g_free (best_order);
          best_nodes = g_memdup2 (l->nodes, sizeof (KhEcomapNode) * MAX (n_entries, 1));
          best_wedges = g_memdup2 (l->wedges, sizeof (KhEcomapWedge) * KH_SECTOR_LAST);
          best_order = g_memdup2 (l->order, sizeof (guint) * MAX (n_entries, 1));
        }
      else if (round == ROUNDS - 1 || round - best_round >= 3)
        {
          /* The last round was not the best: back to that one (the
           * nodes' labels are the same strings in both). */
          memcpy (l->nodes, best_nodes, sizeof (KhEcomapNode) * MAX (n_entries, 1));
          memcpy (l->wedges, best_wedges, sizeof (KhEcomapWedge) * KH_SECTOR_LAST);
          memcpy (l->order, best_order, sizeof (guint) * MAX (n_entries, 1));
        }
      if (round == ROUNDS - 1 || round - best_round >= 3)
        break;
      for (int s = KH_SECTOR_FIRST; s <= KH_SECTOR_LAST; s++)
        if (failed[s] > 0)
          need[s] *= WIDEN;
    }
  g_free (best_nodes);
  g_free (best_wedges);
  g_free (best_order);
  g_free (placer.extent);
  g_array_unref (placer.spots);
  g_array_unref (placer.order_array);
  for (guint w = 0; w < l->n_wedges; w++)
    l->wedges[w].name = g_strdup (params->sector_labels[l->wedges[w].sector]);
  g_qsort_with_data (l->order, n_entries, sizeof (guint), compare_order, l);
  return l;
}

void
kh_ecomap_layout_free (KhEcomapLayout *layout)
{
  if (layout == NULL)
    return;
  for (guint i = 0; i < layout->n_nodes; i++)
    g_free ((char *) layout->nodes[i].entry.label);
  for (guint w = 0; w < layout->n_wedges; w++)
    g_free (layout->wedges[w].name);
  g_free (layout->nodes);
  g_free (layout->wedges);
  g_free (layout->order);
  g_free (layout->client_name);
  g_free (layout);
}

double
kh_ecomap_crowded_scale (guint n_entries)
{
  return n_entries > 20 ? MAX (0.8, sqrt (20.0 / n_entries)) : 1;
}

int
kh_ecomap_layout_hit_test (const KhEcomapLayout *layout,
                           double                x,
                           double                y,
                           double                tolerance)
{
  int best = KH_ECOMAP_HIT_NONE;
  double best_d = G_MAXDOUBLE;

  g_return_val_if_fail (layout != NULL, KH_ECOMAP_HIT_NONE);

  for (guint i = 0; i < layout->n_nodes; i++)
    {
      const KhEcomapNode *node = &layout->nodes[i];
      double d = MIN (MAX (hypot (x - node->x, y - node->y) - node->radius, 0),
                      rect_distance (&node->label, x, y));

      if (d <= tolerance && d < best_d)
        {
          best = (int) i;
          best_d = d;
        }
    }
  if (best == KH_ECOMAP_HIT_NONE
      && hypot (x - layout->cx, y - layout->cy) <= layout->client_radius + tolerance)
    return KH_ECOMAP_HIT_CLIENT;
  return best;
}

int
kh_ecomap_layout_find (const KhEcomapLayout *layout,
                       gint64                id)
{
  g_return_val_if_fail (layout != NULL, -1);

  for (guint i = 0; i < layout->n_nodes; i++)
    if (layout->nodes[i].entry.id == id)
      return (int) i;
  return -1;
}

int
kh_ecomap_layout_order_of (const KhEcomapLayout *layout,
                           int                   index)
{
  g_return_val_if_fail (layout != NULL, -1);

  for (guint i = 0; i < layout->n_nodes; i++)
    if ((int) layout->order[i] == index)
      return (int) i;
  return -1;
}
