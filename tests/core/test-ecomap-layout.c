/* test-ecomap-layout.c — the geometry of the network map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The canvas of most cases is 800 × 600 with a font size of 10, so:
 * labels 12.5 high and 5.2 wide a character (at most 105 wide), nodes of
 * radius 8, gaps of 4; the rings' outer radius min (400 − 109, 300 − 33) = 267, the client's
 * circle 0.17 × 267 = 45.39, each ring (267 − 45.39) / 3 = 73.87 wide:
 * their outer edges at 119.26, 193.13 and 267, the close ring's middle
 * at 82.325 from the centre (400, 300).
 */
#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include <math.h>

#include "core/kh-ecomap-layout.h"
#include "tests/ecomap-sample.h"

#define EPS 1e-6

static KhEcomapParams
params (double width,
        double height,
        double font_size)
{
  KhEcomapParams p = { 0 };

  p.width = width;
  p.height = height;
  p.font_size = font_size;
  return p;
}

#define P KH_NETWORK_PERSON
#define A KH_NETWORK_AGENCY

/* ---- rings ---- */

static void
test_rings (void)
{
  KhEcomapParams p = params (800, 600, 10);
  g_autoptr(KhEcomapLayout) l = kh_ecomap_layout_new (NULL, 0, "Aino Lehto", &p);

  g_assert_cmpfloat_with_epsilon (l->cx, 400, EPS);
  g_assert_cmpfloat_with_epsilon (l->cy, 300, EPS);
  g_assert_cmpfloat_with_epsilon (l->client_radius, 45.39, EPS);
  g_assert_cmpfloat_with_epsilon (l->ring_radius[0], 119.26, EPS);
  g_assert_cmpfloat_with_epsilon (l->ring_radius[1], 193.13, EPS);
  g_assert_cmpfloat_with_epsilon (l->ring_radius[2], 267, EPS);
  g_assert_cmpuint (l->n_nodes, ==, 0);
  g_assert_cmpuint (l->n_wedges, ==, 0);
  /* "Aino Lehto": 10 characters, 52 wide, in the middle. */
  g_assert_cmpfloat_with_epsilon (l->client_label.x, 374, EPS);
  g_assert_cmpfloat_with_epsilon (l->client_label.y, 293.75, EPS);
  g_assert_cmpstr (l->client_name, ==, "Aino Lehto");

  /* A tall canvas: the width decides (300 − 105 − 4 = 191). */
  {
    KhEcomapParams tall = params (600, 800, 10);
    g_autoptr(KhEcomapLayout) t = kh_ecomap_layout_new (NULL, 0, "", &tall);

    g_assert_cmpfloat_with_epsilon (t->ring_radius[2], 191, EPS);
  }
}

/* ---- exact positions ---- */

typedef struct {
  double x, y;
  double label_x, label_y, label_width;
} Where;

typedef struct {
  const char         *name;
  guint               n;
  const KhEcomapEntry entries[4];
  const Where         where[4];
} PositionCase;

static const PositionCase position_cases[] = {
  /* Alone: the top of the close ring, the label above. */
  { "one", 1,
    { { 1, "Äiti", P, KH_SECTOR_FAMILY, KH_DISTANCE_CLOSE, KH_TIE_STRONG, KH_SUPPORT_BOTH } },
    { { 400, 217.675, 389.6, 195.175, 20.8 } } },
  /* Two on one ring of the only sector: at 9 and 3 o'clock, the labels
   * outwards (left of the left one, right of the right one). */
  { "two", 2,
    { { 1, "Äiti", P, KH_SECTOR_FAMILY, KH_DISTANCE_CLOSE, KH_TIE_STRONG, KH_SUPPORT_BOTH },
      { 2, "Isä", P, KH_SECTOR_FAMILY, KH_DISTANCE_CLOSE, KH_TIE_WEAK, KH_SUPPORT_NONE } },
    { { 317.675, 300, 286.875, 293.75, 20.8 },
      { 482.325, 300, 492.325, 293.75, 15.6 } } },
  /* Four sectors, one entry each: a quarter of the circle each, the first
   * centred at the top, then clockwise whatever the input's order. */
  { "four sectors", 4,
    { { 4, "Dd", A, KH_SECTOR_HEALTH, KH_DISTANCE_CLOSE, KH_TIE_ORDINARY, KH_SUPPORT_TO_CLIENT },
      { 1, "Aa", P, KH_SECTOR_FAMILY, KH_DISTANCE_CLOSE, KH_TIE_STRONG, KH_SUPPORT_BOTH },
      { 3, "Cc", A, KH_SECTOR_SOCIAL_SERVICES, KH_DISTANCE_CLOSE, KH_TIE_ORDINARY, KH_SUPPORT_TO_CLIENT },
      { 2, "Bb", P, KH_SECTOR_FRIENDS, KH_DISTANCE_CLOSE, KH_TIE_STRESSFUL, KH_SUPPORT_FROM_CLIENT } },
    { { 317.675, 300, 297.275, 293.75, 10.4 },
      { 400, 217.675, 394.8, 195.175, 10.4 },
      { 400, 382.325, 394.8, 392.325, 10.4 },
      { 482.325, 300, 492.325, 293.75, 10.4 } } },
};

static void
test_positions (gconstpointer data)
{
  const PositionCase *c = data;
  KhEcomapParams p = params (800, 600, 10);
  g_autoptr(KhEcomapLayout) l = kh_ecomap_layout_new (c->entries, c->n, "Aino Lehto", &p);

  g_assert_cmpuint (l->n_nodes, ==, c->n);
  for (guint i = 0; i < c->n; i++)
    {
      const KhEcomapNode *node = &l->nodes[i];

      g_test_message ("%s %u: %.3f %.3f label %.3f %.3f", c->name, i, node->x, node->y, node->label.x, node->label.y);
      g_assert_cmpint (node->entry.id, ==, c->entries[i].id);
      g_assert_cmpstr (node->entry.label, ==, c->entries[i].label);
      g_assert_true (node->entry.label != c->entries[i].label);   /* copied */
      g_assert_cmpfloat_with_epsilon (node->x, c->where[i].x, 1e-3);
      g_assert_cmpfloat_with_epsilon (node->y, c->where[i].y, 1e-3);
      g_assert_cmpfloat_with_epsilon (node->label.x, c->where[i].label_x, 1e-3);
      g_assert_cmpfloat_with_epsilon (node->label.y, c->where[i].label_y, 1e-3);
      g_assert_cmpfloat_with_epsilon (node->label.width, c->where[i].label_width, 1e-3);
      g_assert_cmpfloat_with_epsilon (node->label.height, 12.5, 1e-3);
      g_assert_cmpfloat_with_epsilon (node->radius, 8, EPS);
    }
}

/* ---- wedges ---- */

static void
test_wedges (void)
{
  static const KhEcomapEntry entries[] = {
    { 1, "Sisko Helmi", P, KH_SECTOR_FAMILY, KH_DISTANCE_CLOSE, KH_TIE_STRONG, KH_SUPPORT_BOTH },
    { 2, "Veli Eero", P, KH_SECTOR_FAMILY, KH_DISTANCE_CLOSE, KH_TIE_BROKEN, KH_SUPPORT_NONE },
    { 3, "Äiti Marjatta", P, KH_SECTOR_FAMILY, KH_DISTANCE_CLOSE, KH_TIE_STRESSFUL, KH_SUPPORT_FROM_CLIENT },
    { 4, "Terveysasema", A, KH_SECTOR_HEALTH, KH_DISTANCE_MIDDLE, KH_TIE_ORDINARY, KH_SUPPORT_TO_CLIENT },
    { 5, "Kela", A, KH_SECTOR_BENEFITS, KH_DISTANCE_FAR, KH_TIE_WEAK, KH_SUPPORT_TO_CLIENT },
  };
  KhEcomapParams p = params (800, 600, 10);
  g_autoptr(KhEcomapLayout) l = NULL;
  static const KhSector sectors[] = { KH_SECTOR_FAMILY, KH_SECTOR_HEALTH, KH_SECTOR_BENEFITS };

  p.sector_labels[KH_SECTOR_FAMILY] = "Perhe ja suku";
  p.sector_labels[KH_SECTOR_HEALTH] = "Terveys";
  p.sector_labels[KH_SECTOR_BENEFITS] = "Kela ja talous";
  l = kh_ecomap_layout_new (entries, G_N_ELEMENTS (entries), "Aino Lehto", &p);

  /* Only the three sectors with entries, in KhSector's order, the whole
   * circle between them; the family, with three on one ring, the widest:
   * its ring needs 3 × (16 + 4 + 0.6 × label) / 82.325 =
   * (20 + 0.6 × 57.2 + 20 + 0.6 × 46.8 + 20 + 0.6 × 67.6) / 82.325; the
   * health centre on the middle ring (20 + 0.6 × 62.4) / 156.195; Kela
   * the minimum, π / 9. */
  g_assert_cmpuint (l->n_wedges, ==, 3);
  for (guint w = 0; w < 3; w++)
    g_assert_cmpint (l->wedges[w].sector, ==, sectors[w]);
  {
    double family = (60 + 0.6 * (57.2 + 46.8 + 67.6)) / 82.325;
    double health = (20 + 0.6 * 62.4) / 156.195;
    double total = family + health + G_PI / 9;

    g_assert_cmpfloat_with_epsilon (l->wedges[0].end - l->wedges[0].start, 2 * G_PI * family / total, EPS);
    g_assert_cmpfloat_with_epsilon (l->wedges[1].end - l->wedges[1].start, 2 * G_PI * health / total, EPS);
    g_assert_cmpfloat_with_epsilon (l->wedges[2].end - l->wedges[2].start, 2 * G_PI * (G_PI / 9) / total, EPS);
  }
  g_assert_cmpfloat_with_epsilon (l->wedges[0].start, -l->wedges[0].end, EPS);   /* centred at the top */
  g_assert_cmpfloat_with_epsilon (l->wedges[1].start, l->wedges[0].end, EPS);
  g_assert_cmpfloat_with_epsilon (l->wedges[2].start, l->wedges[1].end, EPS);
  g_assert_cmpfloat_with_epsilon (l->wedges[2].end, l->wedges[0].start + 2 * G_PI, EPS);
  g_assert_cmpstr (l->wedges[1].name, ==, "Terveys");
  /* The family's name above the rings at the top: centred on x, its
   * bottom 4 above the outer ring (300 − 267 − 4). */
  g_assert_cmpfloat_with_epsilon (l->wedges[0].label.x + l->wedges[0].label.width / 2, 400, 1e-6);
  g_assert_cmpfloat_with_epsilon (l->wedges[0].label.y + l->wedges[0].label.height, 29, 1e-6);

  /* Every node in its wedge and on its ring. */
  for (guint i = 0; i < l->n_nodes; i++)
    {
      const KhEcomapNode *node = &l->nodes[i];
      const KhEcomapWedge *wedge = &l->wedges[node->entry.sector == KH_SECTOR_FAMILY ? 0
                                              : node->entry.sector == KH_SECTOR_HEALTH ? 1 : 2];
      double rho = hypot (node->x - l->cx, node->y - l->cy);
      int k = node->entry.distance - 1;

      g_assert_cmpfloat (node->angle, >=, wedge->start);
      g_assert_cmpfloat (node->angle, <=, wedge->end);
      g_assert_cmpfloat (rho - node->radius, >=, k == 0 ? l->client_radius : l->ring_radius[k - 1]);
      g_assert_cmpfloat (rho + node->radius, <=, l->ring_radius[k]);
    }
}

/* ---- no overlaps, however crowded ---- */

/* `n` entries in `n_sectors` sectors from `first`, their rings, names and
 * ties chosen by a fixed seed. */
static KhEcomapEntry *
crowd (guint    n,
       KhSector first,
       guint    n_sectors,
       guint32  seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  KhEcomapEntry *e = g_new0 (KhEcomapEntry, n);

  for (guint i = 0; i < n; i++)
    {
      e[i].id = 100 + i;
      e[i].label = sample_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (sample_names))];
      e[i].kind = g_rand_boolean (rand) ? P : A;
      e[i].sector = first + g_rand_int_range (rand, 0, n_sectors);
      e[i].distance = g_rand_int_range (rand, KH_DISTANCE_FIRST, KH_DISTANCE_LAST + 1);
      e[i].quality = g_rand_int_range (rand, KH_TIE_FIRST, KH_TIE_LAST + 1);
      e[i].direction = g_rand_int_range (rand, 0, KH_SUPPORT_DIRECTION_LAST + 1);
    }
  return e;
}

/* Where the map is drawn: the network page's map in a window (780 × 700
 * pixels, labels of 11.3, or 9 for more than 20 entries, as KhEcomap
 * sets them), and the client plan letter's (165 × 130 mm, 8 points, the
 * legend kept free in the bottom right corner). */
typedef enum {
  IN_WINDOW,
  IN_LETTER,
} Where_;

/* How the entries are spread: at random over `n_sectors` sectors from
 * `first`, or as the network page's pictures spread them (a family of
 * 20, some friends and services two or three to a sector). Each is laid
 * out in a window and in a letter. */
typedef struct {
  const char *name;
  guint       n;
  KhSector    first;
  guint       n_sectors;           /* 0: the pictures' mix */
} Spread;

static const Spread spreads[] = {
  { "5 in one sector", 5, KH_SECTOR_FAMILY, 1 },
  { "15 in one sector", 15, KH_SECTOR_FAMILY, 1 },
  { "25 in one sector", 25, KH_SECTOR_FRIENDS, 1 },
  { "40 in one sector", 40, KH_SECTOR_SOCIAL_SERVICES, 1 },
  { "15 services", 15, KH_SECTOR_SOCIAL_SERVICES, 6 },
  { "25 services", 25, KH_SECTOR_SOCIAL_SERVICES, 6 },
  { "40 services", 40, KH_SECTOR_SOCIAL_SERVICES, 6 },
  { "9 in 5 sectors", 9, KH_SECTOR_FAMILY, 5 },
  { "15 in all sectors", 15, KH_SECTOR_FAMILY, 9 },
  { "25 in two sectors", 25, KH_SECTOR_FAMILY, 2 },
  { "25 in two sectors from health", 25, KH_SECTOR_HEALTH, 2 },
  { "40 in all sectors", 40, KH_SECTOR_FAMILY, 9 },
  { "5 of the mix", 5, 0, 0 },
  { "15 of the mix", 15, 0, 0 },
  { "25 of the mix", 25, 0, 0 },
  { "40 of the mix", 40, 0, 0 },
};

typedef struct {
  const Spread *spread;
  Where_        where;
} CrowdCase;

static CrowdCase crowd_cases[2 * G_N_ELEMENTS (spreads)];

/* The sectors' names as the map shows them in Finnish (the longest). */
static const char *const sector_names[KH_SECTOR_LAST + 1] = {
  NULL, "Perhe ja suku", "Ystävät, naapurit ja muut läheiset", "Sosiaalipalvelut", "Terveydenhuolto",
  "Työ, opiskelu ja työllisyyspalvelut", "Kela ja talous", "Asuminen", "Järjestöt, seurakunnat ja vapaa-aika",
  "Muut",
};

static void
test_crowd (gconstpointer data)
{
  const CrowdCase *cc = data;
  const Spread *c = cc->spread;
  g_autofree KhEcomapEntry *entries = NULL;
  char names[40][64];
  KhEcomapParams p;
  g_autoptr(KhEcomapLayout) l = NULL;
  g_autoptr(KhEcomapLayout) again = NULL;
  gint64 start;

  if (c->n_sectors > 0)
    entries = crowd (c->n, c->first, c->n_sectors, 9);
  else
    {
      entries = g_new0 (KhEcomapEntry, c->n);
      for (guint i = 0; i < c->n; i++)
        entries[i] = sample_mix_entry (i, names[i]);
    }
  if (cc->where == IN_WINDOW)
    p = params (780, 700, c->n > 20 ? 9 : 11.3);
  else
    {
      /* 165 × 130 mm in points; the legend of 87 × 112 points. */
      p = params (467.7, 368.5, 8 * (c->n > 20 ? MAX (0.8, sqrt (20.0 / c->n)) : 1));
      p.reserved = (KhEcomapRect) { 467.7 - 87 - 1, 368.5 - 112 - 1, 87, 112 };
    }
  for (int s = KH_SECTOR_FIRST; s <= KH_SECTOR_LAST; s++)
    p.sector_labels[s] = sector_names[s];

  start = g_get_monotonic_time ();
  l = kh_ecomap_layout_new (entries, c->n, "Aino Lehto", &p);
  g_test_message ("%s: laid out in %.2f ms", c->name, (g_get_monotonic_time () - start) / 1000.0);
  for (guint i = 0; i < l->n_nodes; i++)
    {
      const KhEcomapNode *a = &l->nodes[i];
      int k = a->entry.distance - 1;
      double rho = hypot (a->x - l->cx, a->y - l->cy);

      /* On its ring, clear of the client, its label on the canvas and
       * out of the part kept free. */
      g_assert_cmpfloat (rho - a->radius, >=, k == 0 ? l->client_radius : l->ring_radius[k - 1]);
      g_assert_cmpfloat (rho + a->radius, <=, l->ring_radius[k] + EPS);
      g_assert_cmpfloat (a->label.x, >=, 0);
      g_assert_cmpfloat (a->label.y, >=, 0);
      g_assert_cmpfloat (a->label.x + a->label.width, <=, p.width);
      g_assert_cmpfloat (a->label.y + a->label.height, <=, p.height);
      g_assert_false (kh_ecomap_circle_overlaps_rect (l->cx, l->cy, l->client_radius, &a->label));
      if (p.reserved.width > 0)
        {
          g_assert_false (kh_ecomap_rect_overlaps (&a->label, &p.reserved));
          g_assert_false (kh_ecomap_circle_overlaps_rect (a->x, a->y, a->radius, &p.reserved));
        }
      for (guint j = 0; j < l->n_nodes; j++)
        {
          const KhEcomapNode *b = &l->nodes[j];

          if (i == j)
            continue;
          if (hypot (a->x - b->x, a->y - b->y) < a->radius + b->radius)
            g_error ("%s: nodes %u and %u overlap", c->name, i, j);
          if (kh_ecomap_circle_overlaps_rect (a->x, a->y, a->radius, &b->label))
            g_error ("%s: node %u under the label of %u", c->name, i, j);
          if (kh_ecomap_rect_overlaps (&a->label, &b->label))
            g_error ("%s: labels %u and %u overlap", c->name, i, j);
        }
      for (guint w = 0; w < l->n_wedges; w++)
        {
          if (kh_ecomap_rect_overlaps (&a->label, &l->wedges[w].label))
            g_error ("%s: label %u over the name of %s", c->name, i, l->wedges[w].name);
          if (kh_ecomap_circle_overlaps_rect (a->x, a->y, a->radius, &l->wedges[w].label))
            g_error ("%s: node %u over the name of %s", c->name, i, l->wedges[w].name);
        }
    }
  /* The sectors' names apart from each other, on the canvas. */
  for (guint w = 0; w < l->n_wedges; w++)
    {
      const KhEcomapRect *name = &l->wedges[w].label;

      g_assert_cmpfloat (name->width, >, 0);
      g_assert_cmpfloat (name->x, >=, 0);
      g_assert_cmpfloat (name->y, >=, 0);
      g_assert_cmpfloat (name->x + name->width, <=, p.width);
      g_assert_cmpfloat (name->y + name->height, <=, p.height);
      for (guint v = w + 1; v < l->n_wedges; v++)
        g_assert_false (kh_ecomap_rect_overlaps (name, &l->wedges[v].label));
    }

  /* The same input, the same map. */
  again = kh_ecomap_layout_new (entries, c->n, "Aino Lehto", &p);
  for (guint i = 0; i < l->n_nodes; i++)
    {
      g_assert_cmpfloat (again->nodes[i].x, ==, l->nodes[i].x);
      g_assert_cmpfloat (again->nodes[i].y, ==, l->nodes[i].y);
      g_assert_cmpuint (again->order[i], ==, l->order[i]);
    }
}

/* A part kept free (a legend in the bottom right corner): no node, label
 * or sector name in it, even with 25 entries. */
static void
test_reserved (void)
{
  g_autofree KhEcomapEntry *entries = crowd (25, KH_SECTOR_FAMILY, 9, 9);
  KhEcomapParams p = params (800, 600, 11);
  g_autoptr(KhEcomapLayout) l = NULL;

  for (int s = KH_SECTOR_FIRST; s <= KH_SECTOR_LAST; s++)
    p.sector_labels[s] = "Sosiaalipalvelut";
  p.reserved = (KhEcomapRect) { 640, 420, 159, 179 };
  l = kh_ecomap_layout_new (entries, 25, "Aino Lehto", &p);
  for (guint i = 0; i < l->n_nodes; i++)
    {
      g_assert_false (kh_ecomap_circle_overlaps_rect (l->nodes[i].x, l->nodes[i].y, l->nodes[i].radius, &p.reserved));
      g_assert_false (kh_ecomap_rect_overlaps (&l->nodes[i].label, &p.reserved));
    }
  for (guint w = 0; w < l->n_wedges; w++)
    g_assert_false (kh_ecomap_rect_overlaps (&l->wedges[w].label, &p.reserved));
}

/* ---- hit-testing ---- */

static void
test_hit (void)
{
  const PositionCase *c = &position_cases[2];
  KhEcomapParams p = params (800, 600, 10);
  g_autoptr(KhEcomapLayout) l = kh_ecomap_layout_new (c->entries, c->n, "Aino Lehto", &p);
  static const struct {
    double x, y, tolerance;
    int    hit;
  } cases[] = {
    { 400, 217.675, 0, 1 },                /* the family's node, input index 1 */
    { 400, 217.675 - 8.5, 0, KH_ECOMAP_HIT_NONE },
    { 400, 217.675 - 8.5, 1, 1 },          /* just outside, within the tolerance */
    { 400, 201.4, 0, 1 },                  /* its label */
    { 482.325 + 7.9, 300, 0, 3 },          /* the friend's node, at its edge */
    { 497, 300, 0, 3 },                    /* the friend's label */
    { 317.675, 300, 0, 0 },
    { 400, 382.325, 0, 2 },
    { 400, 300, 0, KH_ECOMAP_HIT_CLIENT },
    { 400 + 45, 300, 0, KH_ECOMAP_HIT_CLIENT },
    { 400 + 47, 300, 0, KH_ECOMAP_HIT_NONE },
    { 10, 10, 5, KH_ECOMAP_HIT_NONE },
    { 600, 300, 0, KH_ECOMAP_HIT_NONE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("hit %u: %.1f, %.1f", i, cases[i].x, cases[i].y);
      g_assert_cmpint (kh_ecomap_layout_hit_test (l, cases[i].x, cases[i].y, cases[i].tolerance), ==, cases[i].hit);
    }
  g_assert_cmpint (kh_ecomap_layout_find (l, 3), ==, 2);
  g_assert_cmpint (kh_ecomap_layout_find (l, 99), ==, -1);
}

/* ---- the keyboard's order ---- */

static void
test_order (void)
{
  static const KhEcomapEntry entries[] = {
    { 21, "Ystävä Sanna", P, KH_SECTOR_FRIENDS, KH_DISTANCE_CLOSE, KH_TIE_STRONG, KH_SUPPORT_BOTH },
    { 13, "Veli Eero", P, KH_SECTOR_FAMILY, KH_DISTANCE_FAR, KH_TIE_BROKEN, KH_SUPPORT_NONE },
    { 41, "Terveysasema", A, KH_SECTOR_HEALTH, KH_DISTANCE_MIDDLE, KH_TIE_ORDINARY, KH_SUPPORT_TO_CLIENT },
    { 11, "Äiti Marjatta", P, KH_SECTOR_FAMILY, KH_DISTANCE_CLOSE, KH_TIE_STRONG, KH_SUPPORT_BOTH },
    { 22, "Naapuri Pekka", P, KH_SECTOR_FRIENDS, KH_DISTANCE_CLOSE, KH_TIE_WEAK, KH_SUPPORT_NONE },
    { 12, "Mummo", P, KH_SECTOR_FAMILY, KH_DISTANCE_MIDDLE, KH_TIE_ORDINARY, KH_SUPPORT_TO_CLIENT },
    { 31, "Aikuissosiaalityö", A, KH_SECTOR_SOCIAL_SERVICES, KH_DISTANCE_CLOSE, KH_TIE_STRONG, KH_SUPPORT_TO_CLIENT },
    { 91, "Muu", P, 0, 0, KH_TIE_WEAK, KH_SUPPORT_NONE },    /* out of range: other, far */
  };
  /* Sector by sector clockwise from the top, the close ring first, on a
   * ring clockwise (the friends in their input's order). */
  static const gint64 expected[] = { 11, 12, 13, 21, 22, 31, 41, 91 };
  KhEcomapParams p = params (800, 600, 10);
  g_autoptr(KhEcomapLayout) l = kh_ecomap_layout_new (entries, G_N_ELEMENTS (entries), "Aino Lehto", &p);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_cmpint (l->nodes[l->order[i]].entry.id, ==, expected[i]);
      g_assert_cmpint (kh_ecomap_layout_order_of (l, l->order[i]), ==, (int) i);
    }
  /* Drawn in the sector "other" on the far ring, kept as given. */
  g_assert_cmpint (l->wedges[l->n_wedges - 1].sector, ==, KH_SECTOR_OTHER);
  g_assert_cmpfloat (l->nodes[7].angle, >=, l->wedges[l->n_wedges - 1].start);
  g_assert_cmpint (l->nodes[7].entry.sector, ==, 0);
  g_assert_cmpint (l->nodes[7].entry.distance, ==, 0);
  g_assert_cmpfloat (hypot (l->nodes[7].x - 400, l->nodes[7].y - 300), >, l->ring_radius[1]);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ecomap-layout/rings", test_rings);
  for (guint i = 0; i < G_N_ELEMENTS (position_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/ecomap-layout/positions/%s", position_cases[i].name);

      g_test_add_data_func (path, &position_cases[i], test_positions);
    }
  g_test_add_func ("/ecomap-layout/wedges", test_wedges);
  for (guint i = 0; i < G_N_ELEMENTS (crowd_cases); i++)
    {
      g_autofree char *path = NULL;

      crowd_cases[i].spread = &spreads[i / 2];
      crowd_cases[i].where = i % 2 == 0 ? IN_WINDOW : IN_LETTER;
      path = g_strdup_printf ("/ecomap-layout/crowd/%s%s", spreads[i / 2].name,
                              crowd_cases[i].where == IN_LETTER ? ", in a letter" : "");
      g_test_add_data_func (path, &crowd_cases[i], test_crowd);
    }
  g_test_add_func ("/ecomap-layout/reserved", test_reserved);
  g_test_add_func ("/ecomap-layout/hit", test_hit);
  g_test_add_func ("/ecomap-layout/order", test_order);
  return g_test_run ();
}
