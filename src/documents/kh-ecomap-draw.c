/* kh-ecomap-draw.c — the network map drawn with cairo and Pango
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every size is a proportion of the font size, so that the same drawing
 * reads the same in a window (pixels), in a letter (points) and in a PNG.
 * Text is measured and drawn with the same font options (no hinting of
 * metrics), so that the labels fill the boxes the layout gave them on any
 * surface.
 */
#define G_LOG_DOMAIN "kohtaamo-documents"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "core/kh-catalog.h"
#include "kh-ecomap-draw.h"

#define FONT_FAMILY "Sans"

/* Proportions of the font size. */
#define STRONG_WIDTH    0.34
#define THIN_WIDTH      0.13
#define OUTLINE_WIDTH   0.12
#define ARROW_LENGTH    0.95
#define ARROW_HALF      0.45
#define ZIGZAG_STEP     0.42
#define ZIGZAG_HEIGHT   0.38
#define CROSS_HALF      0.55
#define NODE_SAMPLE_RADIUS 0.6

struct _KhEcomapPicture
{
  KhEcomapEntry   *entries;
  guint            n_entries;
  char            *client_name;
  char            *language;
  double           font_size;
  KhEcomapPalette  palette;
  gboolean         legend;
};

#define RGB(hex, a) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, (a) }

/* The GNOME palette's colours: blue 1 and 3, green 1, red 3, the dark
 * greys; selection and focus from the accent. */
static const KhEcomapPalette light = {
  .background = RGB (0xffffff, 1),
  .ring = RGB (0x77767b, 0.35),
  .sector = RGB (0x5e5c64, 1),
  .line = RGB (0x3d3846, 1),
  .stress = RGB (0xc01c28, 1),
  .text = RGB (0x241f31, 1),
  .person = RGB (0xc6dcf7, 1),
  .agency = RGB (0xc9eccf, 1),
  .outline = RGB (0x3d3846, 1),
  .client = RGB (0x1c71d8, 1),
  .client_text = RGB (0xffffff, 1),
  .selection = RGB (0x1c71d8, 1),
  .selection_text = RGB (0xffffff, 1),
  .focus = RGB (0x3584e4, 0.6),
};

static const KhEcomapPalette dark = {
  .background = RGB (0x1e1e1e, 1),
  .ring = RGB (0xc0bfbc, 0.3),
  .sector = RGB (0xc0bfbc, 1),
  .line = RGB (0xdeddda, 1),
  .stress = RGB (0xff7b63, 1),
  .text = RGB (0xffffff, 1),
  .person = RGB (0x1a4f8f, 1),
  .agency = RGB (0x1f6b45, 1),
  .outline = RGB (0xdeddda, 1),
  .client = RGB (0x3584e4, 1),
  .client_text = RGB (0xffffff, 1),
  .selection = RGB (0x78aeed, 1),
  .selection_text = RGB (0x000000, 1),
  .focus = RGB (0x78aeed, 0.7),
};

static const KhEcomapPalette high_contrast = {
  .background = RGB (0xffffff, 1),
  .ring = RGB (0x000000, 0.6),
  .sector = RGB (0x000000, 1),
  .line = RGB (0x000000, 1),
  .stress = RGB (0xa51d2d, 1),
  .text = RGB (0x000000, 1),
  .person = RGB (0xffffff, 1),
  .agency = RGB (0xffffff, 1),
  .outline = RGB (0x000000, 1),
  .client = RGB (0x000000, 1),
  .client_text = RGB (0xffffff, 1),
  .selection = RGB (0x1a5fb4, 1),
  .selection_text = RGB (0xffffff, 1),
  .focus = RGB (0x000000, 1),
};

const KhEcomapPalette *
kh_ecomap_palette_light (void)
{
  return &light;
}

const KhEcomapPalette *
kh_ecomap_palette_dark (void)
{
  return &dark;
}

const KhEcomapPalette *
kh_ecomap_palette_high_contrast (void)
{
  return &high_contrast;
}

static void
set_color (cairo_t             *cr,
           const KhEcomapColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

/* ---- text ---- */

static cairo_font_options_t *
font_options (void)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  return options;
}

/* A layout of `text` wrapped at `max_width`, at most `lines` lines (the
 * last ellipsized), centred. Wrapped between words only: a long compound
 * ("Sysselsättningstjänster", "Sosiaalipäivystys") stays whole, a little
 * wider than `max_width`, rather than cut at whatever letter the width
 * falls on with a hyphen that Finnish and Swedish would not put there. */
static void
setup_text (PangoLayout *layout,
            const char  *text,
            double       font_size,
            gboolean     bold,
            double       max_width,
            int          lines)
{
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_absolute_size (font, font_size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
  pango_layout_set_height (layout, -lines);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_text (layout, text, -1);
}

typedef struct {
  PangoLayout *layout;
  double       font_size;
} Measure;

static void
measure_text (KhEcomapText kind,
              const char *text,
              double      max_width,
              double     *width,
              double     *height,
              gpointer    user_data)
{
  Measure *m = user_data;
  PangoRectangle logical;

  setup_text (m->layout, text, m->font_size, kind != KH_ECOMAP_TEXT_ENTRY, max_width, 2);
  pango_layout_get_extents (m->layout, NULL, &logical);
  *width = (double) logical.width / PANGO_SCALE;
  *height = (double) logical.height / PANGO_SCALE;
}

/* A layout for drawing on `cr`, with the font options measure_text()
 * measures with. */
static PangoLayout *
text_layout (cairo_t *cr)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  cairo_font_options_t *options = font_options ();

  pango_cairo_context_set_font_options (pango_layout_get_context (layout), options);
  cairo_font_options_destroy (options);
  pango_layout_context_changed (layout);
  return layout;
}

/* Draws `text` as measure_text() measured it into `box`. */
static void
show_text (cairo_t            *cr,
           PangoLayout        *layout,
           const char         *text,
           double              font_size,
           gboolean            bold,
           double              max_width,
           const KhEcomapRect *box)
{
  PangoRectangle logical;

  setup_text (layout, text, font_size, bold, max_width, 2);
  pango_layout_get_extents (layout, NULL, &logical);
  cairo_move_to (cr, box->x - (double) logical.x / PANGO_SCALE, box->y - (double) logical.y / PANGO_SCALE);
  pango_cairo_show_layout (cr, layout);
}

/* The sector's name as the list beside the map, the entry's form and the
 * client plan call it (kh-network.c): one name for one sector everywhere,
 * wrapped on two lines where it is long. */
static const char *
sector_name (const char *language,
             KhSector    sector)
{
  return kh_network_code_label_in (KH_NETWORK_CODE_SECTOR, sector, language);
}

/* ---- the layout ---- */

static KhEcomapLayout *
draw_layout (const KhEcomapEntry *entries,
             guint                n_entries,
             const char          *client_name,
             const char          *language,
             double               width,
             double               height,
             double               font_size,
             const KhEcomapRect  *reserved)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (map);
  cairo_font_options_t *options = font_options ();
  Measure measure = { NULL, font_size };
  KhEcomapParams params = { 0 };
  KhEcomapLayout *layout;

  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  measure.layout = pango_layout_new (context);
  params.width = width;
  params.height = height;
  params.font_size = font_size;
  params.measure = measure_text;
  params.measure_data = &measure;
  if (reserved != NULL)
    params.reserved = *reserved;
  for (int s = KH_SECTOR_FIRST; s <= KH_SECTOR_LAST; s++)
    params.sector_labels[s] = sector_name (language, s);
  layout = kh_ecomap_layout_new (entries, n_entries, client_name, &params);
  g_object_unref (measure.layout);
  g_object_unref (context);
  return layout;
}

KhEcomapLayout *
kh_ecomap_draw_layout (const KhEcomapEntry *entries,
                       guint                n_entries,
                       const char          *client_name,
                       const char          *language,
                       double               width,
                       double               height,
                       double               font_size)
{
  return draw_layout (entries, n_entries, client_name, language, width, height, font_size, NULL);
}

/* ---- ties ---- */

static void
arrowhead (cairo_t *cr,
           double   tip_x,
           double   tip_y,
           double   ux,
           double   uy,
           double   f)
{
  /* (ux, uy): the unit vector the arrow points along. */
  double bx = tip_x - ux * ARROW_LENGTH * f, by = tip_y - uy * ARROW_LENGTH * f;

  cairo_move_to (cr, tip_x, tip_y);
  cairo_line_to (cr, bx - uy * ARROW_HALF * f, by + ux * ARROW_HALF * f);
  cairo_line_to (cr, bx + uy * ARROW_HALF * f, by - ux * ARROW_HALF * f);
  cairo_close_path (cr);
  cairo_fill (cr);
}

/* A tie from x0, y0 (the client's end) to x1, y1 (the entry's). */
static void
stroke_tie (cairo_t               *cr,
            double                 x0,
            double                 y0,
            double                 x1,
            double                 y1,
            KhTieQuality           quality,
            KhSupportDirection     direction,
            const KhEcomapPalette *palette,
            double                 f)
{
  double span = hypot (x1 - x0, y1 - y0);
  double ux = (x1 - x0) / span, uy = (y1 - y0) / span;
  gboolean to_client = direction == KH_SUPPORT_TO_CLIENT || direction == KH_SUPPORT_BOTH;
  gboolean from_client = direction == KH_SUPPORT_FROM_CLIENT || direction == KH_SUPPORT_BOTH;
  /* The line stops where an arrowhead begins. */
  double s0 = to_client ? ARROW_LENGTH * f * 0.8 : 0;
  double s1 = span - (from_client ? ARROW_LENGTH * f * 0.8 : 0);

  if (!(span > 0))
    return;
  cairo_save (cr);
  set_color (cr, quality == KH_TIE_STRESSFUL ? &palette->stress : &palette->line);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, (quality == KH_TIE_STRONG ? STRONG_WIDTH : THIN_WIDTH) * f);

  switch (quality)
    {
    case KH_TIE_WEAK:
      {
        double dashes[] = { 0.6 * f, 0.5 * f };

        cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
        cairo_move_to (cr, x0 + ux * s0, y0 + uy * s0);
        cairo_line_to (cr, x0 + ux * s1, y0 + uy * s1);
        cairo_stroke (cr);
        cairo_set_dash (cr, NULL, 0, 0);
      }
      break;

    case KH_TIE_STRESSFUL:
      {
        /* Straight for an arrow's length at both ends, a zigzag between. */
        double a = s0 + ARROW_LENGTH * f, b = s1 - ARROW_LENGTH * f;
        int steps = MAX (2, (int) floor ((b - a) / (ZIGZAG_STEP * f)));
        double step = (b - a) / steps;

        cairo_move_to (cr, x0 + ux * s0, y0 + uy * s0);
        if (b > a)
          {
            cairo_line_to (cr, x0 + ux * a, y0 + uy * a);
            for (int i = 1; i < steps; i++)
              {
                double t = a + step * i;
                double side = (i % 2 ? 1 : -1) * ZIGZAG_HEIGHT * f;

                cairo_line_to (cr, x0 + ux * t - uy * side, y0 + uy * t + ux * side);
              }
            cairo_line_to (cr, x0 + ux * b, y0 + uy * b);
          }
        cairo_line_to (cr, x0 + ux * s1, y0 + uy * s1);
        cairo_stroke (cr);
      }
      break;

    case KH_TIE_BROKEN:
      {
        /* A thin line crossed in its middle. */
        double mx = x0 + ux * span / 2, my = y0 + uy * span / 2;
        double c = CROSS_HALF * f;

        cairo_move_to (cr, x0 + ux * s0, y0 + uy * s0);
        cairo_line_to (cr, x0 + ux * s1, y0 + uy * s1);
        cairo_stroke (cr);
        cairo_set_line_width (cr, STRONG_WIDTH * f * 0.7);
        cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
        /* Two strokes at 45° to the line. */
        cairo_move_to (cr, mx + (ux - uy) * c, my + (uy + ux) * c);
        cairo_line_to (cr, mx - (ux - uy) * c, my - (uy + ux) * c);
        cairo_move_to (cr, mx + (ux + uy) * c, my + (uy - ux) * c);
        cairo_line_to (cr, mx - (ux + uy) * c, my - (uy - ux) * c);
        cairo_stroke (cr);
      }
      break;

    case KH_TIE_STRONG:
    case KH_TIE_ORDINARY:
    default:
      cairo_move_to (cr, x0 + ux * s0, y0 + uy * s0);
      cairo_line_to (cr, x0 + ux * s1, y0 + uy * s1);
      cairo_stroke (cr);
      break;
    }

  if (to_client)
    arrowhead (cr, x0, y0, -ux, -uy, f);
  if (from_client)
    arrowhead (cr, x1, y1, ux, uy, f);
  cairo_restore (cr);
}

/* The tie of `node`: from the client's circle to the node's edge. */
static void
draw_tie (cairo_t               *cr,
          const KhEcomapLayout  *layout,
          const KhEcomapNode    *node,
          const KhEcomapPalette *palette)
{
  double dx = node->x - layout->cx, dy = node->y - layout->cy;
  double length = hypot (dx, dy);
  double ux = dx / length, uy = dy / length;

  stroke_tie (cr, layout->cx + ux * layout->client_radius, layout->cy + uy * layout->client_radius,
              node->x - ux * node->radius, node->y - uy * node->radius,
              node->entry.quality, node->entry.direction, palette, layout->params.font_size);
}

/* ---- nodes ---- */

static void
node_path (cairo_t            *cr,
           const KhEcomapNode *node,
           double              grow)
{
  double r = node->radius + grow;

  cairo_new_sub_path (cr);
  if (node->entry.kind == KH_NETWORK_AGENCY)
    {
      /* A rounded square of about the circle's area. */
      double h = r * 0.9, c = r * 0.3;

      cairo_arc (cr, node->x + h - c, node->y - h + c, c, -G_PI / 2, 0);
      cairo_arc (cr, node->x + h - c, node->y + h - c, c, 0, G_PI / 2);
      cairo_arc (cr, node->x - h + c, node->y + h - c, c, G_PI / 2, G_PI);
      cairo_arc (cr, node->x - h + c, node->y - h + c, c, G_PI, 3 * G_PI / 2);
      cairo_close_path (cr);
    }
  else
    cairo_arc (cr, node->x, node->y, r, 0, 2 * G_PI);
}

static void
rounded_rect (cairo_t            *cr,
              const KhEcomapRect *r,
              double              grow,
              double              corner)
{
  double x = r->x - grow, y = r->y - grow, w = r->width + 2 * grow, h = r->height + 2 * grow;

  corner = MIN (corner, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - corner, y + corner, corner, -G_PI / 2, 0);
  cairo_arc (cr, x + w - corner, y + h - corner, corner, 0, G_PI / 2);
  cairo_arc (cr, x + corner, y + h - corner, corner, G_PI / 2, G_PI);
  cairo_arc (cr, x + corner, y + corner, corner, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
draw_node (cairo_t               *cr,
           PangoLayout           *text,
           const KhEcomapLayout  *layout,
           const KhEcomapNode    *node,
           const KhEcomapPalette *palette,
           gboolean               selected)
{
  double f = layout->params.font_size;
  const KhEcomapColor *plate = selected ? &palette->selection : &palette->background;

  if (node->leader)
    {
      /* A label set apart on a crowded map: a thin line from the node's
       * edge to the label's nearest point, in the labels' colour. */
      double ex = CLAMP (node->x, node->label.x, node->label.x + node->label.width);
      double ey = CLAMP (node->y, node->label.y, node->label.y + node->label.height);
      double length = hypot (ex - node->x, ey - node->y);

      if (length > node->radius)
        {
          cairo_move_to (cr, node->x + (ex - node->x) * node->radius / length,
                         node->y + (ey - node->y) * node->radius / length);
          cairo_line_to (cr, ex, ey);
          set_color (cr, selected ? &palette->selection : &palette->text);
          cairo_set_line_width (cr, (selected ? 0.12 : 0.07) * f);
          cairo_stroke (cr);
        }
    }
  node_path (cr, node, 0);
  set_color (cr, selected ? &palette->selection
                          : node->entry.kind == KH_NETWORK_AGENCY ? &palette->agency : &palette->person);
  cairo_fill_preserve (cr);
  set_color (cr, &palette->outline);
  cairo_set_line_width (cr, OUTLINE_WIDTH * f);
  cairo_stroke (cr);

  /* The label on a plate of the background, so that a line under it does
   * not cross its letters. */
  rounded_rect (cr, &node->label, 0.15 * f, 0.3 * f);
  cairo_set_source_rgba (cr, plate->red, plate->green, plate->blue, selected ? 1 : 0.88);
  cairo_fill (cr);
  set_color (cr, selected ? &palette->selection_text : &palette->text);
  show_text (cr, text, node->entry.label, f, FALSE, layout->label_max_width, &node->label);
}

/* ---- the whole ---- */

void
kh_ecomap_draw (cairo_t               *cr,
                const KhEcomapLayout  *layout,
                const KhEcomapPalette *palette,
                gint64                 selected_id,
                gboolean               focused)
{
  g_autoptr(PangoLayout) text = NULL;
  double f, outer;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (layout != NULL);
  g_return_if_fail (palette != NULL);

  f = layout->params.font_size;
  outer = layout->ring_radius[2];
  cairo_save (cr);
  text = text_layout (cr);

  set_color (cr, &palette->background);
  cairo_rectangle (cr, 0, 0, layout->params.width, layout->params.height);
  cairo_fill (cr);

  /* The rings, and the borders of the sectors between them. */
  set_color (cr, &palette->ring);
  cairo_set_line_width (cr, 0.1 * f);
  for (int k = 0; k < 3; k++)
    {
      cairo_new_sub_path (cr);
      cairo_arc (cr, layout->cx, layout->cy, layout->ring_radius[k], 0, 2 * G_PI);
    }
  cairo_stroke (cr);
  if (layout->n_wedges > 1)
    {
      double dashes[] = { 0.2 * f, 0.35 * f };

      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
      for (guint w = 0; w < layout->n_wedges; w++)
        {
          double a = layout->wedges[w].start;

          cairo_move_to (cr, layout->cx + sin (a) * layout->client_radius * 1.15,
                         layout->cy - cos (a) * layout->client_radius * 1.15);
          cairo_line_to (cr, layout->cx + sin (a) * (outer + 0.6 * f), layout->cy - cos (a) * (outer + 0.6 * f));
        }
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  set_color (cr, &palette->sector);
  for (guint w = 0; w < layout->n_wedges; w++)
    if (layout->wedges[w].name != NULL)
      show_text (cr, text, layout->wedges[w].name, f, TRUE, layout->sector_label_max_width, &layout->wedges[w].label);

  for (guint i = 0; i < layout->n_nodes; i++)
    draw_tie (cr, layout, &layout->nodes[i], palette);

  /* The client. */
  cairo_arc (cr, layout->cx, layout->cy, layout->client_radius, 0, 2 * G_PI);
  set_color (cr, &palette->client);
  cairo_fill (cr);
  set_color (cr, &palette->client_text);
  show_text (cr, text, layout->client_name, f, TRUE, layout->client_label_max_width, &layout->client_label);

  for (guint i = 0; i < layout->n_nodes; i++)
    draw_node (cr, text, layout, &layout->nodes[i], palette, FALSE);

  kh_ecomap_draw_highlight (cr, layout, palette, selected_id, focused);
  cairo_restore (cr);
}

void
kh_ecomap_draw_highlight (cairo_t               *cr,
                          const KhEcomapLayout  *layout,
                          const KhEcomapPalette *palette,
                          gint64                 selected_id,
                          gboolean               focused)
{
  int index = selected_id != 0 ? kh_ecomap_layout_find (layout, selected_id) : -1;
  double f = layout->params.font_size;

  cairo_save (cr);
  if (index >= 0)
    {
      const KhEcomapNode *node = &layout->nodes[index];

      /* A halo in the selection's colour, the node and its label filled. */
      node_path (cr, node, 0.45 * f);
      set_color (cr, &palette->selection);
      cairo_set_line_width (cr, 0.25 * f);
      cairo_stroke (cr);
      {
        g_autoptr(PangoLayout) text = text_layout (cr);

        draw_node (cr, text, layout, node, palette, TRUE);
      }
      if (focused)
        {
          set_color (cr, &palette->focus);
          cairo_set_line_width (cr, 0.18 * f);
          node_path (cr, node, 0.8 * f);
          cairo_stroke (cr);
          rounded_rect (cr, &node->label, 0.45 * f, 0.4 * f);
          cairo_stroke (cr);
        }
    }
  else if (focused)
    {
      KhEcomapRect all = { 0, 0, layout->params.width, layout->params.height };

      set_color (cr, &palette->focus);
      cairo_set_line_width (cr, 0.18 * f);
      rounded_rect (cr, &all, -0.2 * f, 0.6 * f);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

/* ---- the picture ---- */

KhEcomapPicture *
kh_ecomap_picture_new (const KhEcomapEntry *entries,
                       guint                n_entries,
                       const char          *client_name,
                       const char          *language)
{
  KhEcomapPicture *picture = g_new0 (KhEcomapPicture, 1);

  picture->entries = kh_ecomap_entries_copy (entries, n_entries);
  picture->n_entries = n_entries;
  picture->client_name = g_strdup (client_name);
  picture->language = g_strdup (language);
  picture->font_size = 8;
  picture->palette = light;
  picture->legend = TRUE;
  return picture;
}

void
kh_ecomap_picture_free (KhEcomapPicture *picture)
{
  if (picture == NULL)
    return;
  kh_ecomap_entries_free (picture->entries, picture->n_entries);
  g_free (picture->client_name);
  g_free (picture->language);
  g_free (picture);
}

void
kh_ecomap_picture_set_font_size (KhEcomapPicture *picture,
                                 double           font_size)
{
  g_return_if_fail (picture != NULL);
  g_return_if_fail (font_size > 0);

  picture->font_size = font_size;
}

void
kh_ecomap_picture_set_legend (KhEcomapPicture *picture,
                              gboolean         legend)
{
  g_return_if_fail (picture != NULL);

  picture->legend = legend;
}

void
kh_ecomap_picture_set_palette (KhEcomapPicture       *picture,
                               const KhEcomapPalette *palette)
{
  g_return_if_fail (picture != NULL);
  g_return_if_fail (palette != NULL);

  picture->palette = *palette;
}

/* ---- the legend ---- */

#define LEGEND_ROWS 8

static const char *
legend_text (const char *language,
             guint       row)
{
  switch (row)
    {
    case 0:
      return kh_catalog_pgettext (language, "ecomap legend", NC_ ("ecomap legend", "Legend"));
    case 1:
      return kh_catalog_pgettext (language, "ecomap legend", NC_ ("ecomap legend", "Strong"));
    case 2:
      return kh_catalog_pgettext (language, "ecomap legend", NC_ ("ecomap legend", "Ordinary"));
    case 3:
      return kh_catalog_pgettext (language, "ecomap legend", NC_ ("ecomap legend", "Weak"));
    case 4:
      return kh_catalog_pgettext (language, "ecomap legend", NC_ ("ecomap legend", "Stressful"));
    case 5:
      return kh_catalog_pgettext (language, "ecomap legend", NC_ ("ecomap legend", "Broken"));
    case 6:
      return kh_catalog_pgettext (language, "ecomap legend", NC_ ("ecomap legend", "Support"));
    case 7:
      return kh_catalog_pgettext (language, "ecomap legend", NC_ ("ecomap legend", "Person"));
    default:
      return kh_catalog_pgettext (language, "ecomap legend", NC_ ("ecomap legend", "Service"));
    }
}

/* The size of the legend box (its padding included). */
static void
legend_size (PangoLayout *text,
             const char  *language,
             double       f,
             double      *width,
             double      *height)
{
  double widest = 0;

  for (guint row = 0; row <= LEGEND_ROWS; row++)
    {
      PangoRectangle logical;

      setup_text (text, legend_text (language, row), f, row == 0, 40 * f, 1);
      pango_layout_get_extents (text, NULL, &logical);
      widest = MAX (widest, (double) logical.width / PANGO_SCALE + (row == 0 ? 0 : 3.8 * f));
    }
  *width = widest + 1.4 * f;
  *height = (LEGEND_ROWS + 1) * 1.45 * f + 1.0 * f;
}

/* The legend in a box at `x`, `y`: a sample of every line, the arrow and
 * both shapes, each with its name. */
static void
draw_legend (cairo_t               *cr,
             PangoLayout           *text,
             const char            *language,
             const KhEcomapRect    *box,
             const KhEcomapPalette *palette,
             double                 f)
{
  double row_height = 1.45 * f;
  double x = box->x + 0.7 * f, y = box->y + 0.5 * f;

  cairo_save (cr);
  rounded_rect (cr, box, 0, 0.5 * f);
  set_color (cr, &palette->background);
  cairo_fill_preserve (cr);
  set_color (cr, &palette->ring);
  cairo_set_line_width (cr, 0.1 * f);
  cairo_stroke (cr);
  for (guint row = 0; row <= LEGEND_ROWS; row++)
    {
      double top = y + row * row_height, middle = top + row_height / 2;
      const char *label = legend_text (language, row);
      PangoRectangle logical;
      KhEcomapRect where;

      setup_text (text, label, f, row == 0, 40 * f, 1);
      pango_layout_get_extents (text, NULL, &logical);
      where = (KhEcomapRect) { row == 0 ? x : x + 3.8 * f, middle - (double) logical.height / PANGO_SCALE / 2,
                               (double) logical.width / PANGO_SCALE, (double) logical.height / PANGO_SCALE };
      if (row >= 1 && row <= 5)
        stroke_tie (cr, x, middle, x + 3.1 * f, middle, KH_TIE_STRONG + row - 1, KH_SUPPORT_NONE, palette, f);
      else if (row == 6)
        stroke_tie (cr, x + 3.1 * f, middle, x, middle, KH_TIE_ORDINARY, KH_SUPPORT_TO_CLIENT, palette, f);
      else if (row >= 7)
        {
          KhEcomapNode sample = { .x = x + 1.55 * f, .y = middle, .radius = NODE_SAMPLE_RADIUS * f };

          sample.entry.kind = row == 7 ? KH_NETWORK_PERSON : KH_NETWORK_AGENCY;
          node_path (cr, &sample, 0);
          set_color (cr, row == 7 ? &palette->person : &palette->agency);
          cairo_fill_preserve (cr);
          set_color (cr, &palette->outline);
          cairo_set_line_width (cr, OUTLINE_WIDTH * f);
          cairo_stroke (cr);
        }
      set_color (cr, row == 0 ? &palette->sector : &palette->text);
      show_text (cr, text, label, f, row == 0, 40 * f, &where);
    }
  cairo_restore (cr);
}

/* The map, and the legend in its bottom right corner (where the round map
 * leaves room; the layout keeps nodes and labels out of it) unless it
 * would take more than a third of the width or half of the height. */
static void
draw_picture (KhEcomapPicture *picture,
              cairo_t         *cr,
              double           width,
              double           height,
              double           font_size)
{
  g_autoptr(PangoLayout) text = text_layout (cr);
  g_autoptr(KhEcomapLayout) layout = NULL;
  KhEcomapRect legend = { 0 };

  /* A crowded map's labels smaller, as on screen; the legend's too. */
  font_size *= kh_ecomap_crowded_scale (picture->n_entries);
  if (picture->legend)
    {
      legend_size (text, picture->language, font_size, &legend.width, &legend.height);
      if (legend.width > width / 3 || legend.height > height / 2)
        legend.width = legend.height = 0;
      legend.x = width - legend.width - 1;
      legend.y = height - legend.height - 1;
    }
  layout = draw_layout (picture->entries, picture->n_entries, picture->client_name, picture->language,
                        width, height, font_size, &legend);
  kh_ecomap_draw (cr, layout, &picture->palette, 0, FALSE);
  if (legend.width > 0)
    draw_legend (cr, text, picture->language, &legend, &picture->palette, font_size);
}

void
kh_ecomap_picture_draw (cairo_t  *cr,
                        double    width,
                        double    height,
                        gpointer  user_data)
{
  KhEcomapPicture *picture = user_data;

  draw_picture (picture, cr, width, height, picture->font_size);
}

static gboolean
check_surface (cairo_surface_t *surface,
               const char      *path,
               GError         **error)
{
  cairo_status_t status = cairo_surface_status (surface);

  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, G_IO_ERROR, status == CAIRO_STATUS_WRITE_ERROR ? G_IO_ERROR_FAILED : G_IO_ERROR_INVALID_DATA,
               "%s: %s", path, cairo_status_to_string (status));
  return FALSE;
}

gboolean
kh_ecomap_picture_export_pdf (KhEcomapPicture  *picture,
                              const char       *path,
                              double            width,
                              double            height,
                              GError          **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autofree char *title = NULL;
  gboolean ok;

  g_return_val_if_fail (picture != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  surface = cairo_pdf_surface_create (path, width, height);
  title = g_strdup_printf (kh_catalog_pgettext (picture->language, "ecomap", NC_ ("ecomap", "Network map: %s")),
                           picture->client_name != NULL ? picture->client_name : "");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Kohtaamo");
  cr = cairo_create (surface);
  draw_picture (picture, cr, width, height, picture->font_size);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  ok = check_surface (surface, path, error);
  cairo_surface_destroy (surface);
  return ok;
}

gboolean
kh_ecomap_picture_export_png (KhEcomapPicture  *picture,
                              const char       *path,
                              int               width,
                              int               height,
                              GError          **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  gboolean ok;

  g_return_val_if_fail (picture != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (width > 0 && height > 0, FALSE);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  draw_picture (picture, cr, width, height, picture->font_size * 4 / 3);
  cairo_destroy (cr);
  ok = check_surface (surface, path, error);
  if (ok)
    {
      status = cairo_surface_write_to_png (surface, path);
      if (status != CAIRO_STATUS_SUCCESS)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s", path, cairo_status_to_string (status));
          ok = FALSE;
        }
    }
  cairo_surface_destroy (surface);
  return ok;
}
