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
 * labels, the client, the sector names), its label stays inside the canvas
 * and its line to the client passes no other node. A crowded ring so fills
 * its width in staggered rows. When nothing is free, the least overlapping
 * point is taken.
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
#define SECTOR_CLEARANCE 1.2
#define RADIUS_STEPS     4

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
rect_distance (const KhEcomapRect *r,
               double              x,
               double              y)
{
  double dx = MAX (MAX (r->x - x, 0), x - (r->x + r->width));
  double dy = MAX (MAX (r->y - y, 0), y - (r->y + r->height));

  return sqrt (dx * dx + dy * dy);
}

gboolean
kh_ecomap_circle_overlaps_rect (double              x,
                                double              y,
                                double              radius,
                                const KhEcomapRect *rect)
{
  return rect_distance (rect, x, y) < radius;
}

static double
segment_distance (double px, double py,
                  double ax, double ay,
                  double bx, double by)
{
  double dx = bx - ax, dy = by - ay;
  double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;

  t = CLAMP (t, 0, 1);
  return hypot (px - (ax + t * dx), py - (ay + t * dy));
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
 * `x`, `y`, in the direction `angle`: its side nearest the circle touches
 * the line across the direction at `radius`. */
static KhEcomapRect
box_outside (double x,
             double y,
             double radius,
             double angle,
             double width,
             double height)
{
  double dx = sin (angle), dy = -cos (angle);
  double support = fabs (dx) * width / 2 + fabs (dy) * height / 2;
  double cx = x + dx * (radius + support);
  double cy = y + dy * (radius + support);

  return (KhEcomapRect) { cx - width / 2, cy - height / 2, width, height };
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

typedef struct {
  const Metrics  *m;
  KhEcomapLayout *layout;
  guint           n_placed;
  guint          *placed;          /* node indices */
} Placer;

typedef struct {
  double       x, y, angle;
  KhEcomapRect label;
  double       cost;               /* distance from the wanted point */
} Candidate;

/* How badly `c` collides with what is placed: 0 when it touches nothing;
 * `with_lines` also counts lines running through nodes. With `any`, stops
 * at the first collision (only whether there is one counts). */
static double
collision (const Placer    *p,
           const Candidate *c,
           double           radius,
           gboolean         with_lines,
           gboolean         any)
{
  const KhEcomapLayout *l = p->layout;
  double gap = p->m->gap;
  KhEcomapRect label = inflate (&c->label, gap / 2);
  KhEcomapRect canvas = { 1, 1, l->params.width - 2, l->params.height - 2 };
  double bad = 0;

  /* The label inside the canvas. */
  if (c->label.x < canvas.x || c->label.y < canvas.y
      || c->label.x + c->label.width > canvas.x + canvas.width
      || c->label.y + c->label.height > canvas.y + canvas.height)
    bad += 1 + c->label.width * c->label.height - rect_overlap_area (&c->label, &canvas);
  /* The client. */
  if (hypot (c->x - l->cx, c->y - l->cy) < l->client_radius + radius + gap)
    bad += 1000;
  if (kh_ecomap_circle_overlaps_rect (l->cx, l->cy, l->client_radius + gap, &c->label))
    bad += 1000;
  /* The part kept free (a legend). */
  if (l->params.reserved.width > 0)
    {
      KhEcomapRect reserved = inflate (&l->params.reserved, gap);

      bad += rect_overlap_area (&c->label, &reserved);
      if (kh_ecomap_circle_overlaps_rect (c->x, c->y, radius, &reserved))
        bad += 500;
    }
  if (any && bad > 0)
    return bad;
  for (guint w = 0; w < l->n_wedges; w++)
    {
      const KhEcomapRect *name = &l->wedges[w].label;

      KhEcomapRect clear;

      if (name->width <= 0)
        continue;
      clear = inflate (name, SECTOR_CLEARANCE * p->m->font_size);
      bad += rect_overlap_area (&label, &clear);
      if (kh_ecomap_circle_overlaps_rect (c->x, c->y, radius + gap, &clear))
        bad += 500;
    }
  for (guint i = 0; i < p->n_placed && !(any && bad > 0); i++)
    {
      const KhEcomapNode *o = &l->nodes[p->placed[i]];
      double d = hypot (c->x - o->x, c->y - o->y);
      KhEcomapRect other = inflate (&o->label, gap / 2);

      if (d < radius + o->radius + gap)
        bad += 1000 + (radius + o->radius + gap - d) * 100;
      if (kh_ecomap_circle_overlaps_rect (c->x, c->y, radius + gap, &o->label))
        bad += 500;
      if (kh_ecomap_circle_overlaps_rect (o->x, o->y, o->radius + gap, &c->label))
        bad += 500;
      bad += rect_overlap_area (&label, &other);
      if (with_lines)
        {
          if (segment_distance (o->x, o->y, l->cx, l->cy, c->x, c->y) < o->radius + gap)
            bad += 100;
          if (segment_distance (c->x, c->y, l->cx, l->cy, o->x, o->y) < radius + gap)
            bad += 100;
        }
    }
  return bad;
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = a, *y = b;

  return (x->cost > y->cost) - (x->cost < y->cost);
}

static void
place (Placer       *p,
       guint         index,
       const KhEcomapWedge *wedge,
       double        band_in,
       double        band_out,
       double        want_angle)
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
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  int radius_steps = hi - lo > 2 * r ? RADIUS_STEPS : 1;
  const Candidate *best = NULL;
  double best_bad = G_MAXDOUBLE;

  if (hi < lo)
    lo = hi = want_radius;
  /* The wanted point itself first, then a grid over the wedge and ring. */
  {
    Candidate c;

    c.angle = want_angle;
    c.x = want_x;
    c.y = want_y;
    c.label = box_outside (c.x, c.y, r + m->gap / 2, c.angle, lw, lh);
    c.cost = 0;
    g_array_append_val (candidates, c);
  }
  for (int k = 0; k < radius_steps; k++)
    {
      double rho = radius_steps > 1 ? lo + (hi - lo) * k / (radius_steps - 1) : (lo + hi) / 2;
      double inset = MIN ((r + m->gap) / rho, (wedge->end - wedge->start) / 2);
      double a0 = wedge->start + inset, a1 = wedge->end - inset;

      for (int s = 0; s <= ANGLE_STEPS; s++)
        {
          Candidate c;

          c.angle = a0 + (a1 - a0) * s / ANGLE_STEPS;
          c.x = l->cx + rho * sin (c.angle);
          c.y = l->cy - rho * cos (c.angle);
          c.label = box_outside (c.x, c.y, r + m->gap / 2, c.angle, lw, lh);
          c.cost = hypot (c.x - want_x, c.y - want_y);
          g_array_append_val (candidates, c);
          /* On a crowded ring the label may also go beside the node,
           * across its line rather than along it, at a price. */
          for (int side = -1; side <= 1; side += 2)
            {
              Candidate beside = c;

              beside.label = box_outside (c.x, c.y, r + m->gap / 2, c.angle + side * G_PI / 2, lw, lh);
              beside.cost += SIDEWAYS_COST * m->font_size;
              g_array_append_val (candidates, beside);
            }
        }
    }
  g_array_sort (candidates, compare_candidates);

  /* Free of everything, then with lines through nodes allowed, then the
   * least bad. */
  for (int pass = 0; pass < 2 && best == NULL; pass++)
    for (guint i = 0; i < candidates->len && best == NULL; i++)
      {
        const Candidate *c = &g_array_index (candidates, Candidate, i);

        if (collision (p, c, r, pass == 0, TRUE) == 0)
          best = c;
      }
  if (best == NULL)
    for (guint i = 0; i < candidates->len; i++)
      {
        const Candidate *c = &g_array_index (candidates, Candidate, i);
        double bad = collision (p, c, r, FALSE, FALSE);

        if (bad < best_bad)
          {
            best_bad = bad;
            best = c;
          }
      }

  node->x = best->x;
  node->y = best->y;
  node->angle = best->angle;
  node->label = best->label;
  /* Whatever happened, the label stays on the canvas. */
  node->label.x = CLAMP (node->label.x, 1, MAX (1, l->params.width - 1 - lw));
  node->label.y = CLAMP (node->label.y, 1, MAX (1, l->params.height - 1 - lh));
  p->placed[p->n_placed++] = index;
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
  double need[KH_SECTOR_LAST + 1] = { 0 };
  double sector_width[KH_SECTOR_LAST + 1] = { 0 }, sector_height[KH_SECTOR_LAST + 1] = { 0 };
  double total = 0, margin_x, margin_y, radius, band;
  Placer placer = { 0 };
  guint w;

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
  for (int k = 0; k < 3; k++)
    l->ring_radius[k] = l->client_radius + band * (k + 1);

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
            double rho = l->client_radius + band * (k + 0.5);

            ring_need[k] += (2 * m.node_radius + m.gap + 0.6 * l->nodes[i].label.width) / rho;
          }
      need[s] = MAX (ring_need[0], MAX (ring_need[1], ring_need[2]));
      if (count[s][0] + count[s][1] + count[s][2] == 0)
        continue;
      if (params->sector_labels[s] != NULL)
        measure (&m, KH_ECOMAP_TEXT_SECTOR, params->sector_labels[s], l->sector_label_max_width, &sector_width[s], &sector_height[s]);
      /* At least room for the sector's name, and some air. */
      need[s] = MAX (need[s], MAX (G_PI / 9, 0.8 * sector_width[s] / radius));
      total += need[s];
    }

  /* A second look at the sectors' names: at the top and the bottom of the
   * map a name lies along the circle and takes its whole width of the
   * arc, at the sides only its height. The first spans give the angles;
   * a name never gets less than its extent along the circle. */
  if (total > 0)
    {
      double at = 0, again = 0;
      gboolean first = TRUE;

      for (int s = KH_SECTOR_FIRST; s <= KH_SECTOR_LAST; s++)
        {
          double span, mid, along;

          if (count[s][0] + count[s][1] + count[s][2] == 0)
            continue;
          span = 2 * G_PI * need[s] / total;
          if (first)
            at = -span / 2;
          first = FALSE;
          mid = at + span / 2;
          along = fabs (cos (mid)) * sector_width[s] + fabs (sin (mid)) * sector_height[s];
          need[s] = MAX (need[s], 1.15 * along / (radius + m.gap));
          again += need[s];
          at += span;
        }
      total = again;
    }

  /* The wedges, the first centred at the top. */
  l->wedges = g_new0 (KhEcomapWedge, KH_SECTOR_LAST);
  {
    double at = 0;

    for (int s = KH_SECTOR_FIRST; s <= KH_SECTOR_LAST; s++)
      {
        KhEcomapWedge *wedge;
        double span;

        if (count[s][0] + count[s][1] + count[s][2] == 0)
          continue;
        span = 2 * G_PI * need[s] / total;
        if (l->n_wedges == 0)
          at = -span / 2;
        wedge = &l->wedges[l->n_wedges++];
        wedge->sector = s;
        wedge->start = at;
        wedge->end = at + span;
        wedge->name = g_strdup (params->sector_labels[s]);
        if (wedge->name != NULL)
          {
            wedge->label = box_outside (l->cx, l->cy, radius + m.gap, (wedge->start + wedge->end) / 2,
                                        sector_width[s], sector_height[s]);
            wedge->label.x = CLAMP (wedge->label.x, 1, MAX (1, params->width - 1 - sector_width[s]));
            wedge->label.y = CLAMP (wedge->label.y, 1, MAX (1, params->height - 1 - sector_height[s]));
            /* Clear of the part kept free: above it, or else beside it. */
            if (params->reserved.width > 0 && kh_ecomap_rect_overlaps (&wedge->label, &params->reserved))
              {
                if (params->reserved.y - m.gap - sector_height[s] >= 1)
                  wedge->label.y = params->reserved.y - m.gap - sector_height[s];
                else
                  wedge->label.x = MAX (1, params->reserved.x - m.gap - sector_width[s]);
              }
          }
        at += span;
      }
  }

  /* Names that still touch one another (a crowded map of many narrow
   * sectors) move outwards, each clear of those before it, as far as the
   * canvas allows. */
  for (w = 1; w < l->n_wedges; w++)
    {
      KhEcomapWedge *wedge = &l->wedges[w];
      double mid = (wedge->start + wedge->end) / 2;

      for (int step = 1; step <= 24 && wedge->label.width > 0; step++)
        {
          gboolean clear = TRUE;

          for (guint v = 0; v < w && clear; v++)
            {
              KhEcomapRect other = inflate (&l->wedges[v].label, m.gap / 2);

              if (l->wedges[v].label.width > 0 && kh_ecomap_rect_overlaps (&wedge->label, &other))
                clear = FALSE;
            }
          if (clear)
            break;
          wedge->label = box_outside (l->cx, l->cy, radius + m.gap + step * m.line_height / 2, mid,
                                      wedge->label.width, wedge->label.height);
          wedge->label.x = CLAMP (wedge->label.x, 1, MAX (1, params->width - 1 - wedge->label.width));
          wedge->label.y = CLAMP (wedge->label.y, 1, MAX (1, params->height - 1 - wedge->label.height));
        }
    }

  /* The nodes, in the keyboard order: each sector's close ring first. */
  l->order = g_new0 (guint, MAX (n_entries, 1));
  placer.m = &m;
  placer.layout = l;
  placer.placed = l->order;
  for (w = 0; w < l->n_wedges; w++)
    {
      KhEcomapWedge *wedge = &l->wedges[w];

      for (int k = 0; k < 3; k++)
        {
          guint n = count[wedge->sector][k], i_ring = 0;

          for (guint i = 0; i < n_entries; i++)
            {
              double want;

              if (sector_of (&entries[i]) != (int) wedge->sector || ring_of (&entries[i]) != k)
                continue;
              want = wedge->start + (wedge->end - wedge->start) * (i_ring + 0.5) / n;
              place (&placer, i, wedge,
                     k == 0 ? l->client_radius : l->ring_radius[k - 1], l->ring_radius[k], want);
              i_ring++;
            }
        }
    }
  g_assert (placer.n_placed == n_entries);
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
