/* kh-document.c — a letter or decision: a small model rendered to tagged PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page follows a Finnish authority's letter (after SFS 2487): the
 * organisation and unit at the top left, the document's name, date and
 * page number ("Sivu 1 (2)") at the top right, the recipient's address
 * where a window envelope shows it, the body, and the organisation's
 * contact details in the footer.
 *
 * Rendering is two passes over the same Pango layouts: the body is cut
 * into units that are never split (a heading, one line of a paragraph, a
 * row of a field table, a signature, an attachment), the units are placed
 * on pages, and only then drawn, so that every page knows how many pages
 * there are. Headings are kept with the unit that follows them, and a
 * paragraph leaves no single line at the foot or head of a page. Text goes
 * in as real text with embedded font subsets; cairo's tags give the
 * structure (Document, H1, H2, P, Table/TR/TD, L/LI, Figure).
 *
 * A page break may change the title in the header from then on (an
 * attachment such as the rectification instructions begins on a page of
 * its own); a picture is a box drawn by a cairo callback inside the body
 * (the network map of a client plan); the logo is a PNG image beside the
 * organisation's name at the top of every page.
 */
#define G_LOG_DOMAIN "kohtaamo-documents"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "core/kh-catalog.h"
#include "kh-document.h"

/* A4 in points, and millimetres in points. */
#define PAGE_WIDTH  595.2756
#define PAGE_HEIGHT 841.8898
#define MM          (72.0 / 25.4)

#define MARGIN_LEFT    (20 * MM)
#define MARGIN_RIGHT   (20 * MM)
#define HEADER_TOP     (15 * MM)
#define HEADER_COLUMN  (110 * MM)   /* the document's name, date */
#define ADDRESS_TOP    (45 * MM)    /* a C5/E5 window envelope */
#define BODY_TOP_FIRST (90 * MM)
#define BODY_TOP       (42 * MM)
#define BODY_BOTTOM    (PAGE_HEIGHT - 28 * MM)
#define FOOTER_RULE    (PAGE_HEIGHT - 22 * MM)
#define LABEL_WIDTH    (50 * MM)    /* the label column of a field table */
#define LIST_INDENT    (6 * MM)     /* a list item's text after its dash */
#define AMOUNT_WIDTH   (35 * MM)    /* the amount column of a table of sums */
#define LOGO_HEIGHT    (12 * MM)
#define LOGO_MAX_WIDTH (40 * MM)
#define BODY_WIDTH     (PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT)

#define FONT_BODY      "DejaVu Serif 11"
#define FONT_BODY_BOLD "DejaVu Serif Bold 11"
#define FONT_LABEL     "DejaVu Sans 9.5"
#define FONT_H1        "DejaVu Sans Bold 13"
#define FONT_H2        "DejaVu Sans Bold 11"
#define FONT_HEAD      "DejaVu Sans 9.5"
#define FONT_HEAD_BOLD "DejaVu Sans Bold 10"
#define FONT_FOOTER    "DejaVu Sans 8"

typedef enum
{
  BLOCK_H1,
  BLOCK_H2,
  BLOCK_PARAGRAPH,
  BLOCK_FIELDS,
  BLOCK_SIGNATURE,
  BLOCK_ATTACHMENTS,
  BLOCK_LIST,
  BLOCK_AMOUNTS,
  BLOCK_PAGE_BREAK,
  BLOCK_PICTURE,
} BlockKind;

typedef struct
{
  BlockKind  kind;
  GPtrArray *texts;   /* the heading or paragraph; label, value, label, …;
                         name, title; attachment names; list items; the
                         header title after a page break; a caption;
                         description, amount, "" or "total", … */
  gboolean   markup;  /* a paragraph in Pango markup */
  double     width;   /* a picture, in points */
  double     height;
  KhDocumentDrawFunc draw;
  gpointer   data;
  GDestroyNotify destroy;
} Block;

struct _KhDocument
{
  char      *language;
  char      *title;
  char      *author;
  char      *subject;
  GDateTime *date;
  char      *organisation;
  char      *unit;
  char      *address;
  char      *phone;
  char      *recipient_name;
  char      *recipient_address;
  char      *reference;
  cairo_surface_t *logo;
  GPtrArray *blocks;  /* Block* */
};

static void
block_free (gpointer data)
{
  Block *block = data;

  if (block->destroy != NULL)
    block->destroy (block->data);
  g_ptr_array_unref (block->texts);
  g_free (block);
}

KhDocument *
kh_document_new (const char *language)
{
  KhDocument *doc = g_new0 (KhDocument, 1);

  g_return_val_if_fail (language != NULL, NULL);

  doc->language = g_strdup (language);
  doc->blocks = g_ptr_array_new_with_free_func (block_free);
  return doc;
}

void
kh_document_free (KhDocument *doc)
{
  if (doc == NULL)
    return;
  g_free (doc->language);
  g_free (doc->title);
  g_free (doc->author);
  g_free (doc->subject);
  g_clear_pointer (&doc->date, g_date_time_unref);
  g_free (doc->organisation);
  g_free (doc->unit);
  g_free (doc->address);
  g_free (doc->phone);
  g_free (doc->recipient_name);
  g_free (doc->recipient_address);
  g_free (doc->reference);
  g_clear_pointer (&doc->logo, cairo_surface_destroy);
  g_ptr_array_unref (doc->blocks);
  g_free (doc);
}

const char *
kh_document_get_language (const KhDocument *doc)
{
  return doc->language;
}

static void
set_string (char       **field,
            const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

void
kh_document_set_title (KhDocument *doc,
                       const char *title)
{
  set_string (&doc->title, title);
}

void
kh_document_set_author (KhDocument *doc,
                        const char *author)
{
  set_string (&doc->author, author);
}

void
kh_document_set_subject (KhDocument *doc,
                         const char *subject)
{
  set_string (&doc->subject, subject);
}

void
kh_document_set_date (KhDocument *doc,
                      GDateTime  *date)
{
  g_clear_pointer (&doc->date, g_date_time_unref);
  if (date != NULL)
    doc->date = g_date_time_ref (date);
}

void
kh_document_set_reference (KhDocument *doc,
                           const char *reference)
{
  set_string (&doc->reference, reference);
}

typedef struct
{
  const guint8 *data;
  gsize         size;
  gsize         offset;
} PngReader;

static cairo_status_t
read_png (void          *closure,
          unsigned char *data,
          unsigned int   length)
{
  PngReader *reader = closure;

  if (reader->size - reader->offset < length)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, reader->data + reader->offset, length);
  reader->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

gboolean
kh_document_set_logo (KhDocument *doc,
                      GBytes     *png,
                      GError    **error)
{
  PngReader reader = { 0 };
  cairo_surface_t *surface;

  g_clear_pointer (&doc->logo, cairo_surface_destroy);
  if (png == NULL)
    return TRUE;
  reader.data = g_bytes_get_data (png, &reader.size);
  surface = cairo_image_surface_create_from_png_stream (read_png, &reader);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS
      || cairo_image_surface_get_width (surface) < 1
      || cairo_image_surface_get_height (surface) < 1)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "logo: %s",
                   cairo_status_to_string (cairo_surface_status (surface)));
      cairo_surface_destroy (surface);
      return FALSE;
    }
  /* The same logo in every letter of a batch is one image in the PDF:
   * cairo shares images that have the same unique id. */
  {
    char *id = g_compute_checksum_for_bytes (G_CHECKSUM_SHA1, png);

    cairo_surface_set_mime_data (surface, CAIRO_MIME_TYPE_UNIQUE_ID, (const unsigned char *) id,
                                 strlen (id), g_free, id);
  }
  doc->logo = surface;
  return TRUE;
}

void
kh_document_set_letterhead (KhDocument *doc,
                            const char *organisation,
                            const char *unit,
                            const char *address,
                            const char *phone)
{
  set_string (&doc->organisation, organisation);
  set_string (&doc->unit, unit);
  set_string (&doc->address, address);
  set_string (&doc->phone, phone);
}

void
kh_document_set_recipient (KhDocument *doc,
                           const char *name,
                           const char *address)
{
  set_string (&doc->recipient_name, name);
  set_string (&doc->recipient_address, address);
}

static Block *
add_block (KhDocument *doc,
           BlockKind   kind)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  block->texts = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (doc->blocks, block);
  return block;
}

void
kh_document_add_heading (KhDocument *doc,
                         int         level,
                         const char *text)
{
  g_return_if_fail (level == 1 || level == 2);
  g_return_if_fail (text != NULL);

  g_ptr_array_add (add_block (doc, level == 1 ? BLOCK_H1 : BLOCK_H2)->texts, g_strdup (text));
}

void
kh_document_add_paragraph (KhDocument *doc,
                           const char *text)
{
  g_return_if_fail (text != NULL);

  g_ptr_array_add (add_block (doc, BLOCK_PARAGRAPH)->texts, g_strdup (text));
}

void
kh_document_add_paragraph_markup (KhDocument *doc,
                                  const char *markup)
{
  Block *block;

  g_return_if_fail (markup != NULL);
  g_return_if_fail (pango_parse_markup (markup, -1, 0, NULL, NULL, NULL, NULL));

  block = add_block (doc, BLOCK_PARAGRAPH);
  block->markup = TRUE;
  g_ptr_array_add (block->texts, g_strdup (markup));
}

void
kh_document_add_list (KhDocument         *doc,
                      const char * const *items)
{
  Block *block;

  g_return_if_fail (items != NULL && items[0] != NULL);

  block = add_block (doc, BLOCK_LIST);
  for (guint i = 0; items[i] != NULL; i++)
    g_ptr_array_add (block->texts, g_strdup (items[i]));
}

void
kh_document_add_amount (KhDocument *doc,
                        const char *description,
                        const char *amount,
                        gboolean    total)
{
  Block *block = NULL;

  g_return_if_fail (description != NULL && amount != NULL);

  if (doc->blocks->len > 0)
    block = g_ptr_array_index (doc->blocks, doc->blocks->len - 1);
  if (block == NULL || block->kind != BLOCK_AMOUNTS)
    block = add_block (doc, BLOCK_AMOUNTS);
  g_ptr_array_add (block->texts, g_strdup (description));
  g_ptr_array_add (block->texts, g_strdup (amount));
  g_ptr_array_add (block->texts, g_strdup (total ? "total" : ""));
}

void
kh_document_add_page_break (KhDocument *doc,
                            const char *header_title)
{
  g_ptr_array_add (add_block (doc, BLOCK_PAGE_BREAK)->texts, g_strdup (header_title));
}

void
kh_document_add_picture (KhDocument         *doc,
                         double              width_mm,
                         double              height_mm,
                         const char         *caption,
                         KhDocumentDrawFunc  draw,
                         gpointer            user_data,
                         GDestroyNotify      destroy)
{
  Block *block;

  g_return_if_fail (draw != NULL);
  g_return_if_fail (width_mm > 0 && height_mm > 0);

  block = add_block (doc, BLOCK_PICTURE);
  block->width = MIN (width_mm * MM, BODY_WIDTH);
  block->height = MIN (height_mm * MM, BODY_BOTTOM - BODY_TOP - 20 * MM);
  block->draw = draw;
  block->data = user_data;
  block->destroy = destroy;
  g_ptr_array_add (block->texts, g_strdup (caption));
}

void
kh_document_add_field (KhDocument *doc,
                       const char *label,
                       const char *value)
{
  Block *block = NULL;

  g_return_if_fail (label != NULL && value != NULL);

  if (doc->blocks->len > 0)
    block = g_ptr_array_index (doc->blocks, doc->blocks->len - 1);
  if (block == NULL || block->kind != BLOCK_FIELDS)
    block = add_block (doc, BLOCK_FIELDS);
  g_ptr_array_add (block->texts, g_strdup (label));
  g_ptr_array_add (block->texts, g_strdup (value));
}

void
kh_document_add_signature (KhDocument *doc,
                           const char *name,
                           const char *title)
{
  Block *block;

  g_return_if_fail (name != NULL);

  block = add_block (doc, BLOCK_SIGNATURE);
  g_ptr_array_add (block->texts, g_strdup (name));
  g_ptr_array_add (block->texts, g_strdup (title != NULL ? title : ""));
}

void
kh_document_add_attachments (KhDocument         *doc,
                             const char * const *names)
{
  Block *block;

  g_return_if_fail (names != NULL && names[0] != NULL);

  kh_document_add_heading (doc, 2, kh_catalog_pgettext (doc->language, "document",
                                                        /* Translators: the heading of the list
                                                         * of attachments at the end of a
                                                         * printed letter or decision. */
                                                        NC_ ("document", "Attachments")));
  block = add_block (doc, BLOCK_ATTACHMENTS);
  for (guint i = 0; names[i] != NULL; i++)
    g_ptr_array_add (block->texts, g_strdup (names[i]));
}

/* ---- Layout ---- */

/* One piece of the body that is never split across pages. */
typedef struct
{
  guint        block;          /* index in doc->blocks */
  const char  *tag;            /* the block's structure tag */
  gboolean     row;            /* a TR of two TDs: layout and layout2 */
  gboolean     keep_with_next;
  double       space_before;   /* dropped at the top of a page */
  double       height;
  PangoLayout *layout;         /* drawn whole, unless `line` is set */
  PangoLayoutLine *line;       /* one line of `layout` */
  double       line_x;         /* the line's offset and baseline in the unit */
  double       baseline;
  PangoLayout *layout2;        /* a second layout (value, signer's title,
                                  a list item's dash) */
  double       x1;             /* the first layout's offset in a row */
  gboolean     rule;           /* a line above the row (a total) */
  gboolean     page_break;     /* starts a new page; draws nothing */
  const Block *picture;        /* a picture: drawn by its callback */
  double       x2;
  double       y2;
  int          page;           /* placed: 0-based page and top */
  double       y;
} Unit;

/* The texts at the top and foot of every page. */
typedef enum
{
  PAGE_ORGANISATION,
  PAGE_UNIT,
  PAGE_TITLE,
  PAGE_DATE,
  PAGE_REFERENCE,
  PAGE_FOOTER,
  N_PAGE_TEXTS
} PageText;

typedef struct
{
  KhDocument   *doc;
  cairo_t      *cr;
  PangoContext *context;
  GArray       *units;         /* Unit */
  GPtrArray    *layouts;       /* owns every layout */
  int           n_pages;
  GPtrArray    *titles;        /* the header's title on each page (borrowed) */
  GHashTable   *fonts;         /* font string (a FONT_ macro) → PangoFontDescription */
  /* What repeats on every page, shaped once: the layouts of the header's
   * and footer's texts, and the texts they were made for. */
  PangoLayout  *page_layouts[N_PAGE_TEXTS];
  char         *page_texts[N_PAGE_TEXTS];
  PangoLayout  *dash;          /* a list item's dash */
} Render;

static PangoLayout *new_layout (Render     *render,
                                const char *font,
                                const char *text,
                                double      width);

static PangoLayout *
new_markup_layout (Render     *render,
                   const char *font,
                   const char *markup,
                   double      width)
{
  PangoLayout *layout = new_layout (render, font, "", width);

  pango_layout_set_markup (layout, markup, -1);
  return layout;
}

static PangoLayout *
new_layout (Render     *render,
            const char *font,
            const char *text,
            double      width)
{
  PangoLayout *layout = pango_layout_new (render->context);
  PangoFontDescription *desc = g_hash_table_lookup (render->fonts, font);

  if (desc == NULL)
    {
      desc = pango_font_description_from_string (font);
      g_hash_table_insert (render->fonts, (gpointer) font, desc);
    }
  pango_layout_set_font_description (layout, desc);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (layout, text, -1);
  g_ptr_array_add (render->layouts, layout);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

/* The layout of a text that stands on every page: made on the first page
 * and reused while the text stays the same (the title may change at a
 * page break), so that it is shaped once, not once a page. */
static PangoLayout *
page_layout (Render     *render,
             PageText    which,
             const char *font,
             const char *text,
             double      width)
{
  if (render->page_layouts[which] == NULL || g_strcmp0 (render->page_texts[which], text) != 0)
    {
      render->page_layouts[which] = new_layout (render, font, text, width);
      g_free (render->page_texts[which]);
      render->page_texts[which] = g_strdup (text);
    }
  return render->page_layouts[which];
}

static void
add_whole (Render      *render,
           guint        block,
           const char  *tag,
           PangoLayout *layout,
           double       space_before,
           gboolean     keep_with_next)
{
  Unit unit = { 0 };

  unit.block = block;
  unit.tag = tag;
  unit.layout = layout;
  unit.space_before = space_before;
  unit.keep_with_next = keep_with_next;
  unit.height = layout_height (layout);
  g_array_append_val (render->units, unit);
}

/* One unit per line, so that a paragraph can continue on the next page. */
static void
add_lines (Render      *render,
           guint        block,
           const char  *tag,
           PangoLayout *layout,
           double       space_before)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  guint first = render->units->len;
  guint n;

  do
    {
      Unit unit = { 0 };
      PangoRectangle logical;
      int y0, y1;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      unit.block = block;
      unit.tag = tag;
      unit.layout = layout;
      unit.line = pango_layout_iter_get_line_readonly (iter);
      unit.line_x = (double) logical.x / PANGO_SCALE;
      unit.baseline = (double) (pango_layout_iter_get_baseline (iter) - y0) / PANGO_SCALE;
      unit.height = (double) (y1 - y0) / PANGO_SCALE;
      unit.space_before = render->units->len > 0 && g_array_index (render->units, Unit,
                                                                    render->units->len - 1).block == block
                          ? 0 : space_before;
      g_array_append_val (render->units, unit);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  /* No line of a paragraph alone at the foot or at the head of a page:
   * the first line goes with the second, the last with the one before. */
  n = render->units->len - first;
  if (n >= 2)
    {
      g_array_index (render->units, Unit, first).keep_with_next = TRUE;
      g_array_index (render->units, Unit, first + n - 2).keep_with_next = TRUE;
    }
}

static void
build_units (Render *render)
{
  KhDocument *doc = render->doc;

  for (guint b = 0; b < doc->blocks->len; b++)
    {
      Block *block = g_ptr_array_index (doc->blocks, b);
      const char *first = block->texts->len > 0 ? g_ptr_array_index (block->texts, 0) : "";

      switch (block->kind)
        {
        case BLOCK_H1:
          add_whole (render, b, "H1", new_layout (render, FONT_H1, first, BODY_WIDTH), 14, TRUE);
          break;
        case BLOCK_H2:
          add_whole (render, b, "H2", new_layout (render, FONT_H2, first, BODY_WIDTH), 12, TRUE);
          break;
        case BLOCK_PARAGRAPH:
          add_lines (render, b, "P",
                     block->markup ? new_markup_layout (render, FONT_BODY, first, BODY_WIDTH)
                                   : new_layout (render, FONT_BODY, first, BODY_WIDTH), 7);
          break;
        case BLOCK_LIST:
          /* A paragraph that introduces a list ("The request must
           * state:") stays with its first item. */
          if (render->units->len > 0
              && g_strcmp0 (g_array_index (render->units, Unit, render->units->len - 1).tag, "P") == 0)
            g_array_index (render->units, Unit, render->units->len - 1).keep_with_next = TRUE;
          for (guint i = 0; i < block->texts->len; i++)
            {
              add_whole (render, b, "L",
                         new_layout (render, FONT_BODY, g_ptr_array_index (block->texts, i),
                                     BODY_WIDTH - LIST_INDENT),
                         i == 0 ? 5 : 3, FALSE);
              /* Every item's dash is the same: shaped once a document. */
              if (render->dash == NULL)
                render->dash = new_layout (render, FONT_BODY, "\u2013", 0);
              g_array_index (render->units, Unit, render->units->len - 1).layout2 = render->dash;
              g_array_index (render->units, Unit, render->units->len - 1).x2 = LIST_INDENT;
            }
          break;
        case BLOCK_AMOUNTS:
          /* Descriptions where a field table's values begin, amounts
           * right-aligned at the right margin; a total in bold under a
           * rule. */
          for (guint i = 0; i + 2 < block->texts->len; i += 3)
            {
              Unit unit = { 0 };
              gboolean total = *(const char *) g_ptr_array_index (block->texts, i + 2) != '\0';
              const char *font = total ? FONT_BODY_BOLD : FONT_BODY;
              int width;

              unit.block = b;
              unit.tag = "Table";
              unit.row = TRUE;
              unit.rule = total;
              unit.space_before = i == 0 ? 5 : (total ? 6 : 2);
              unit.x1 = LABEL_WIDTH;
              unit.layout = new_layout (render, font, g_ptr_array_index (block->texts, i),
                                        BODY_WIDTH - LABEL_WIDTH - AMOUNT_WIDTH);
              unit.layout2 = new_layout (render, font, g_ptr_array_index (block->texts, i + 1), 0);
              pango_layout_get_size (unit.layout2, &width, NULL);
              unit.x2 = BODY_WIDTH - (double) width / PANGO_SCALE;
              unit.height = MAX (layout_height (unit.layout), layout_height (unit.layout2));
              g_array_append_val (render->units, unit);
            }
          break;
        case BLOCK_PAGE_BREAK:
          {
            Unit unit = { 0 };

            unit.block = b;
            unit.page_break = TRUE;
            g_array_append_val (render->units, unit);
          }
          break;
        case BLOCK_PICTURE:
          {
            Unit unit = { 0 };
            const char *caption = first;

            unit.block = b;
            unit.tag = "Figure";
            unit.picture = block;
            unit.space_before = 9;
            unit.height = block->height;
            if (caption != NULL && *caption != '\0')
              {
                unit.layout2 = new_layout (render, FONT_LABEL, caption, block->width);
                unit.y2 = block->height + 2 * MM;
                unit.height = unit.y2 + layout_height (unit.layout2);
              }
            g_array_append_val (render->units, unit);
          }
          break;
        case BLOCK_FIELDS:
          /* A paragraph that introduces a table (a part of a plan's
           * review, "Goals", before what was rated in it) stays with
           * its first row, as one that introduces a list does. */
          if (render->units->len > 0
              && g_strcmp0 (g_array_index (render->units, Unit, render->units->len - 1).tag, "P") == 0)
            g_array_index (render->units, Unit, render->units->len - 1).keep_with_next = TRUE;
          for (guint i = 0; i + 1 < block->texts->len; i += 2)
            {
              Unit unit = { 0 };

              unit.block = b;
              unit.tag = "Table";
              unit.row = TRUE;
              unit.space_before = i == 0 ? 7 : 3;
              unit.layout = new_layout (render, FONT_LABEL, g_ptr_array_index (block->texts, i),
                                        LABEL_WIDTH - 4 * MM);
              unit.layout2 = new_layout (render, FONT_BODY, g_ptr_array_index (block->texts, i + 1),
                                         BODY_WIDTH - LABEL_WIDTH);
              unit.x2 = LABEL_WIDTH;
              /* The label sits on the value's first baseline. */
              unit.baseline = (double) (pango_layout_get_baseline (unit.layout2)
                                        - pango_layout_get_baseline (unit.layout)) / PANGO_SCALE;
              unit.height = MAX (layout_height (unit.layout) + unit.baseline,
                                 layout_height (unit.layout2));
              g_array_append_val (render->units, unit);
            }
          break;
        case BLOCK_SIGNATURE:
          {
            Unit unit = { 0 };

            unit.block = b;
            unit.tag = "P";
            unit.space_before = 30;
            unit.layout = new_layout (render, FONT_BODY, first, BODY_WIDTH);
            unit.layout2 = new_layout (render, FONT_BODY, g_ptr_array_index (block->texts, 1),
                                       BODY_WIDTH);
            unit.y2 = layout_height (unit.layout);
            unit.height = unit.y2 + layout_height (unit.layout2);
            g_array_append_val (render->units, unit);
          }
          break;
        case BLOCK_ATTACHMENTS:
          for (guint i = 0; i < block->texts->len; i++)
            add_whole (render, b, "L",
                       new_layout (render, FONT_BODY, g_ptr_array_index (block->texts, i), BODY_WIDTH),
                       i == 0 ? 4 : 2, FALSE);
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

static double
body_top (int page)
{
  return page == 0 ? BODY_TOP_FIRST : BODY_TOP;
}

/* Places every unit: a unit that does not fit goes to the next page, and
 * so does a heading (or a run of them) that would end a page. */
static void
paginate (Render *render)
{
  int page = 0;
  double y = body_top (0);
  gboolean at_top = TRUE;
  const char *title = render->doc->title;

  g_ptr_array_add (render->titles, (gpointer) title);
  for (guint i = 0; i < render->units->len; i++)
    {
      Unit *unit = &g_array_index (render->units, Unit, i);
      double needed = (at_top ? 0 : unit->space_before) + unit->height;

      if (unit->page_break)
        {
          const Block *block = g_ptr_array_index (render->doc->blocks, unit->block);
          const char *new_title = g_ptr_array_index (block->texts, 0);

          if (!at_top)
            {
              page++;
              y = body_top (page);
              at_top = TRUE;
              g_ptr_array_add (render->titles, (gpointer) title);
            }
          if (new_title != NULL)
            title = g_ptr_array_index (render->titles, page) = (gpointer) new_title;
          unit->page = page;
          unit->y = y;
          continue;
        }

      for (guint j = i; j + 1 < render->units->len
           && g_array_index (render->units, Unit, j).keep_with_next; j++)
        {
          const Unit *next = &g_array_index (render->units, Unit, j + 1);

          needed += next->space_before + next->height;
        }
      if (!at_top && y + needed > BODY_BOTTOM)
        {
          page++;
          y = body_top (page);
          at_top = TRUE;
          g_ptr_array_add (render->titles, (gpointer) title);
        }
      if (!at_top)
        y += unit->space_before;
      unit->page = page;
      unit->y = y;
      y += unit->height;
      at_top = FALSE;
    }
  render->n_pages = page + 1;
}

/* ---- Drawing ---- */

static void
show_at (cairo_t     *cr,
         PangoLayout *layout,
         double       x,
         double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
show_right (Render     *render,
            const char *font,
            const char *text,
            double      y)
{
  PangoLayout *layout = new_layout (render, font, text, 0);
  int width;

  pango_layout_get_size (layout, &width, NULL);
  show_at (render->cr, layout, PAGE_WIDTH - MARGIN_RIGHT - (double) width / PANGO_SCALE, y);
}

static char *
format_date (KhDocument *doc,
             GDateTime  *date)
{
  return g_date_time_format (date, kh_catalog_pgettext (doc->language, "document date",
                                                        /* Translators: the date in a printed
                                                         * letter or decision, for
                                                         * g_date_time_format(): "6.12.2026"
                                                         * in Finnish and in Swedish. */
                                                        NC_ ("document date", "%-d.%-m.%Y")));
}

/* The logo at the top left, scaled to LOGO_HEIGHT (less if it would be
 * wider than LOGO_MAX_WIDTH). Returns its width. Drawn from the same
 * surface on every page, so the PDF holds the image once. */
static double
draw_logo (Render *render)
{
  cairo_t *cr = render->cr;
  double w = cairo_image_surface_get_width (render->doc->logo);
  double h = cairo_image_surface_get_height (render->doc->logo);
  double scale = LOGO_HEIGHT / h;

  if (w * scale > LOGO_MAX_WIDTH)
    scale = LOGO_MAX_WIDTH / w;
  cairo_save (cr);
  cairo_translate (cr, MARGIN_LEFT, HEADER_TOP);
  cairo_scale (cr, scale, scale);
  cairo_set_source_surface (cr, render->doc->logo, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_paint (cr);
  cairo_restore (cr);
  return w * scale;
}

char *
kh_document_format_date (const KhDocument *doc,
                         const GDate      *date)
{
  g_autoptr(GDateTime) time = NULL;

  g_return_val_if_fail (date != NULL && g_date_valid (date), g_strdup (""));

  time = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date),
                              g_date_get_day (date), 12, 0, 0);
  return format_date ((KhDocument *) doc, time);
}

static void
draw_header (Render    *render,
             int        page,
             GDateTime *date)
{
  KhDocument *doc = render->doc;
  cairo_t *cr = render->cr;
  g_autofree char *page_text = NULL;
  g_autofree char *date_text = format_date (doc, date);
  const char *title = g_ptr_array_index (render->titles, page);
  double y = HEADER_TOP;
  double x = MARGIN_LEFT;

  page_text = g_strdup_printf (kh_catalog_pgettext (doc->language, "document",
                                                    /* Translators: the page number at the
                                                     * top of a printed letter or decision,
                                                     * as in Finnish "Sivu 1 (2)": the first
                                                     * %d is this page, the second the
                                                     * number of pages. */
                                                    NC_ ("document", "Page %d (%d)")),
                               page + 1, render->n_pages);

  if (doc->logo != NULL)
    x += draw_logo (render) + 4 * MM;
  cairo_set_source_rgb (cr, 0, 0, 0);
  if (doc->organisation != NULL)
    {
      PangoLayout *layout = page_layout (render, PAGE_ORGANISATION, FONT_HEAD_BOLD, doc->organisation,
                                         HEADER_COLUMN - x - 4 * MM);

      show_at (cr, layout, x, y);
      y += layout_height (layout);
    }
  if (doc->unit != NULL)
    show_at (cr, page_layout (render, PAGE_UNIT, FONT_HEAD, doc->unit, HEADER_COLUMN - x - 4 * MM), x, y);

  y = HEADER_TOP;
  if (title != NULL)
    {
      PangoLayout *layout = page_layout (render, PAGE_TITLE, FONT_HEAD_BOLD, title, 60 * MM);

      show_at (cr, layout, HEADER_COLUMN, y);
      y += layout_height (layout);
    }
  {
    PangoLayout *layout = page_layout (render, PAGE_DATE, FONT_HEAD, date_text, 0);

    show_at (cr, layout, HEADER_COLUMN, y);
    y += layout_height (layout);
  }
  if (doc->reference != NULL)
    show_at (cr, page_layout (render, PAGE_REFERENCE, FONT_HEAD, doc->reference, 60 * MM), HEADER_COLUMN, y);
  show_right (render, FONT_HEAD, page_text, HEADER_TOP);
}

/* The organisation and unit on one line, the address and telephone on
 * the next. */
static void
draw_footer (Render *render)
{
  KhDocument *doc = render->doc;
  cairo_t *cr = render->cr;
  g_autofree char *phone = NULL;
  const char *parts[] = { doc->organisation, doc->unit, NULL, doc->address, NULL };
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean line_empty = TRUE;

  if (doc->phone != NULL)
    phone = g_strdup_printf (kh_catalog_pgettext (doc->language, "document",
                                                  /* Translators: the unit's telephone
                                                   * number in the footer of a printed
                                                   * letter or decision; %s is the
                                                   * number. */
                                                  NC_ ("document", "Tel. %s")),
                             doc->phone);
  parts[4] = phone;
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (i == 2)
        {
          if (!line_empty)
            g_string_append_c (text, '\n');
          line_empty = TRUE;
          continue;
        }
      if (parts[i] == NULL || *parts[i] == '\0')
        continue;
      if (!line_empty)
        g_string_append (text, "  ·  ");
      g_string_append (text, parts[i]);
      line_empty = FALSE;
    }
  if (text->len == 0)
    return;

  cairo_set_source_rgb (cr, 0.45, 0.45, 0.45);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, MARGIN_LEFT, FOOTER_RULE);
  cairo_line_to (cr, PAGE_WIDTH - MARGIN_RIGHT, FOOTER_RULE);
  cairo_stroke (cr);
  cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
  show_at (cr, page_layout (render, PAGE_FOOTER, FONT_FOOTER, text->str, BODY_WIDTH),
           MARGIN_LEFT, FOOTER_RULE + 2 * MM);
  cairo_set_source_rgb (cr, 0, 0, 0);
}

static void
draw_recipient (Render *render)
{
  KhDocument *doc = render->doc;
  g_autofree char *text = NULL;

  if (doc->recipient_name == NULL && doc->recipient_address == NULL)
    return;
  text = g_strjoin ("\n", doc->recipient_name != NULL ? doc->recipient_name : "",
                    doc->recipient_address, NULL);
  cairo_tag_begin (render->cr, "P", NULL);
  show_at (render->cr, new_layout (render, FONT_BODY, text, 85 * MM), MARGIN_LEFT, ADDRESS_TOP);
  cairo_tag_end (render->cr, "P");
}

static void
draw_unit (Render     *render,
           const Unit *unit)
{
  cairo_t *cr = render->cr;

  if (unit->row)
    {
      if (unit->rule)
        {
          cairo_set_line_width (cr, 0.6);
          cairo_move_to (cr, MARGIN_LEFT + unit->x1, unit->y - 3);
          cairo_line_to (cr, MARGIN_LEFT + BODY_WIDTH, unit->y - 3);
          cairo_stroke (cr);
        }
      cairo_tag_begin (cr, "TR", NULL);
      cairo_tag_begin (cr, "TD", NULL);
      show_at (cr, unit->layout, MARGIN_LEFT + unit->x1, unit->y + unit->baseline);
      cairo_tag_end (cr, "TD");
      cairo_tag_begin (cr, "TD", NULL);
      show_at (cr, unit->layout2, MARGIN_LEFT + unit->x2, unit->y);
      cairo_tag_end (cr, "TD");
      cairo_tag_end (cr, "TR");
    }
  else if (unit->line != NULL)
    {
      cairo_move_to (cr, MARGIN_LEFT + unit->line_x, unit->y + unit->baseline);
      pango_cairo_show_layout_line (cr, unit->line);
    }
  else if (unit->picture != NULL)
    {
      const Block *picture = unit->picture;

      cairo_save (cr);
      cairo_translate (cr, MARGIN_LEFT, unit->y);
      cairo_rectangle (cr, 0, 0, picture->width, picture->height);
      cairo_clip (cr);
      cairo_new_path (cr);
      picture->draw (cr, picture->width, picture->height, picture->data);
      cairo_restore (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
      if (unit->layout2 != NULL)
        show_at (cr, unit->layout2, MARGIN_LEFT, unit->y + unit->y2);
    }
  else if (g_strcmp0 (unit->tag, "L") == 0)
    {
      cairo_tag_begin (cr, "LI", NULL);
      if (unit->layout2 != NULL)
        {
          show_at (cr, unit->layout2, MARGIN_LEFT, unit->y);
          show_at (cr, unit->layout, MARGIN_LEFT + unit->x2, unit->y);
        }
      else
        show_at (cr, unit->layout, MARGIN_LEFT, unit->y);
      cairo_tag_end (cr, "LI");
    }
  else
    {
      show_at (cr, unit->layout, MARGIN_LEFT, unit->y);
      if (unit->layout2 != NULL)
        show_at (cr, unit->layout2, MARGIN_LEFT, unit->y + unit->y2);
    }
}

/* Draws the placed units page by page, inside a structure element `tag`
 * ("Document" for one document, "Part" for one of a batch). A block's
 * structure tag is closed at the end of a page and opened again on the
 * next, so that a paragraph or table that continues is tagged on both
 * pages. */
static void
draw (Render     *render,
      GDateTime  *date,
      const char *tag)
{
  cairo_t *cr = render->cr;
  const Unit *open = NULL;
  guint i = 0;

  cairo_tag_begin (cr, tag, NULL);
  for (int page = 0; page < render->n_pages; page++)
    {
      draw_header (render, page, date);
      draw_footer (render);
      if (page == 0)
        draw_recipient (render);
      for (; i < render->units->len && g_array_index (render->units, Unit, i).page == page; i++)
        {
          const Unit *unit = &g_array_index (render->units, Unit, i);

          if (unit->page_break)
            continue;
          if (open != NULL && open->block != unit->block)
            {
              cairo_tag_end (cr, open->tag);
              open = NULL;
            }
          if (open == NULL)
            {
              cairo_tag_begin (cr, unit->tag, NULL);
              open = unit;
            }
          draw_unit (render, unit);
        }
      if (open != NULL)
        {
          cairo_tag_end (cr, open->tag);
          open = NULL;
        }
      cairo_show_page (cr);
    }
  cairo_tag_end (cr, tag);
}

/* cairo writes a PDF in thousands of small pieces (a few bytes of an
 * operator, a number): they are gathered here and handed to the stream in
 * pieces of SINK_SIZE, not one GOutputStream call each. */
#define SINK_SIZE (64 * 1024)

typedef struct
{
  GOutputStream *stream;
  GCancellable  *cancellable;
  GError        *error;
  guint8        *buffer;       /* SINK_SIZE bytes */
  gsize          used;
} Sink;

/* Writes out what is gathered. FALSE (and sink->error set) if the stream
 * failed now or before. */
static gboolean
sink_flush (Sink *sink)
{
  gsize used = sink->used;

  sink->used = 0;
  if (sink->error != NULL)
    return FALSE;
  return used == 0
         || g_output_stream_write_all (sink->stream, sink->buffer, used, NULL, sink->cancellable,
                                       &sink->error);
}

static cairo_status_t
write_to_stream (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  Sink *sink = closure;

  if (sink->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (sink->used + length > SINK_SIZE && !sink_flush (sink))
    return CAIRO_STATUS_WRITE_ERROR;
  if (length >= SINK_SIZE)
    {
      if (!g_output_stream_write_all (sink->stream, data, length, NULL, sink->cancellable, &sink->error))
        return CAIRO_STATUS_WRITE_ERROR;
      return CAIRO_STATUS_SUCCESS;
    }
  memcpy (sink->buffer + sink->used, data, length);
  sink->used += length;
  return CAIRO_STATUS_SUCCESS;
}

static void
set_metadata (cairo_surface_t    *surface,
              cairo_pdf_metadata_t field,
              const char         *value)
{
  if (value != NULL)
    cairo_pdf_surface_set_metadata (surface, field, value);
}

/* The PDF surface, its cairo context and one Pango context for every
 * document drawn on it. */
typedef struct
{
  Sink             sink;
  cairo_surface_t *surface;
  cairo_t         *cr;
  PangoContext    *context;
} Output;

static void
output_open (Output        *out,
             KhDocument    *doc,
             GDateTime     *date,
             GOutputStream *stream,
             GCancellable  *cancellable)
{
  g_autofree char *created = g_date_time_format (date, "%Y-%m-%dT%H:%M:%S%:z");
  cairo_font_options_t *options;

  out->sink = (Sink) { stream, cancellable, NULL, g_malloc (SINK_SIZE), 0 };
  out->surface = cairo_pdf_surface_create_for_stream (write_to_stream, &out->sink,
                                                      PAGE_WIDTH, PAGE_HEIGHT);
  set_metadata (out->surface, CAIRO_PDF_METADATA_TITLE, doc->title);
  set_metadata (out->surface, CAIRO_PDF_METADATA_AUTHOR, doc->author);
  set_metadata (out->surface, CAIRO_PDF_METADATA_SUBJECT, doc->subject);
  set_metadata (out->surface, CAIRO_PDF_METADATA_CREATOR, "Kohtaamo " PACKAGE_VERSION);
  set_metadata (out->surface, CAIRO_PDF_METADATA_CREATE_DATE, created);

  out->cr = cairo_create (out->surface);
  out->context = pango_cairo_create_context (out->cr);
  /* One point is one unit of the PDF surface; no hinting on paper. */
  pango_cairo_context_set_resolution (out->context, 72.0);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (out->context, options);
  cairo_font_options_destroy (options);
  /* Glyphs where the font puts them. Pango rounds every glyph's position
   * to a whole unit by default, here a whole point: letters stood up to
   * half a point off their place, and cairo then wrote a position for
   * nearly every glyph ("[(P)33(o)-13(h)12…]TJ"), a third of a page's
   * content stream; unrounded, only kerning needs one. */
  pango_context_set_round_glyph_positions (out->context, FALSE);
}

/* Finishes the PDF and frees the surface. With `abort` (the reason a
 * batch stops) nothing more is written and FALSE is returned; the caller
 * reports `abort`. */
static gboolean
output_close (Output       *out,
              const GError *abort,
              GError      **error)
{
  cairo_status_t status;

  g_clear_object (&out->context);
  g_clear_pointer (&out->cr, cairo_destroy);
  if (abort != NULL && out->sink.error == NULL)
    out->sink.error = g_error_copy (abort);
  cairo_surface_finish (out->surface);
  status = cairo_surface_status (out->surface);
  g_clear_pointer (&out->surface, cairo_surface_destroy);
  if (abort == NULL && status == CAIRO_STATUS_SUCCESS)
    sink_flush (&out->sink);
  g_clear_pointer (&out->sink.buffer, g_free);

  if (abort != NULL)
    {
      g_clear_error (&out->sink.error);
      return FALSE;
    }
  if (out->sink.error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&out->sink.error));
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "PDF: %s", cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

/* Lays `doc` out and draws its pages on the output, numbered from 1. */
static void
output_document (Output     *out,
                 KhDocument *doc,
                 const char *tag)
{
  g_autoptr(GDateTime) date = doc->date != NULL ? g_date_time_ref (doc->date)
                                                : g_date_time_new_now_local ();
  Render render = { 0 };

  render.doc = doc;
  render.cr = out->cr;
  render.context = out->context;
  render.units = g_array_new (FALSE, TRUE, sizeof (Unit));
  render.layouts = g_ptr_array_new_with_free_func (g_object_unref);
  render.titles = g_ptr_array_new ();
  render.fonts = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                        (GDestroyNotify) pango_font_description_free);

  build_units (&render);
  paginate (&render);
  draw (&render, date, tag);

  g_array_unref (render.units);
  g_ptr_array_unref (render.layouts);
  g_ptr_array_unref (render.titles);
  g_hash_table_unref (render.fonts);
  for (guint i = 0; i < N_PAGE_TEXTS; i++)
    g_free (render.page_texts[i]);
}

gboolean
kh_document_render_to_stream (KhDocument    *doc,
                              GOutputStream *stream,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autoptr(GDateTime) date = NULL;
  Output out = { 0 };

  g_return_val_if_fail (doc != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  date = doc->date != NULL ? g_date_time_ref (doc->date) : g_date_time_new_now_local ();
  output_open (&out, doc, date, stream, cancellable);
  output_document (&out, doc, "Document");
  return output_close (&out, NULL, error);
}

/**
 * kh_document_render_batch_to_stream:
 *
 * Each document is asked for, laid out, drawn and freed in turn, so that
 * a batch of thousands never holds more than one document. The fonts are
 * embedded once for the whole batch: one surface, one Pango context.
 */
gboolean
kh_document_render_batch_to_stream (guint                   n_documents,
                                    KhDocumentBatchFunc     produce,
                                    KhDocumentProgressFunc  progress,
                                    gpointer                user_data,
                                    GOutputStream          *stream,
                                    GCancellable           *cancellable,
                                    GError                **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  Output out = { 0 };
  gboolean opened = FALSE;

  g_return_val_if_fail (n_documents > 0, FALSE);
  g_return_val_if_fail (produce != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < n_documents; i++)
    {
      g_autoptr(KhDocument) doc = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, &local_error))
        break;
      doc = produce (i, user_data, &local_error);
      if (doc == NULL)
        {
          if (local_error == NULL)
            g_set_error (&local_error, G_IO_ERROR, G_IO_ERROR_FAILED, "document %u of %u: none", i + 1, n_documents);
          break;
        }
      if (!opened)
        {
          /* The batch's metadata are its first document's. */
          output_open (&out, doc, doc->date != NULL ? doc->date : now, stream, cancellable);
          cairo_tag_begin (out.cr, "Document", NULL);
          opened = TRUE;
        }
      output_document (&out, doc, "Part");
      if (out.sink.error != NULL)
        break;
      if (progress != NULL)
        progress (i + 1, n_documents, user_data);
    }
  if (!opened)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (local_error == NULL && out.sink.error == NULL)
    cairo_tag_end (out.cr, "Document");
  if (local_error != NULL)
    {
      output_close (&out, local_error, NULL);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return output_close (&out, NULL, error);
}

/**
 * kh_document_render_batch:
 *
 * Written to a temporary file beside `target` and moved over it only when
 * the whole PDF is written: a cancelled or failed batch leaves no file, and
 * an earlier `target` is kept as it was.
 */
gboolean
kh_document_render_batch (guint                   n_documents,
                          KhDocumentBatchFunc     produce,
                          KhDocumentProgressFunc  progress,
                          gpointer                user_data,
                          GFile                  *target,
                          GCancellable           *cancellable,
                          GError                **error)
{
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GFile) temp = NULL;
  g_autoptr(GFileOutputStream) file_stream = NULL;
  g_autoptr(GOutputStream) buffered = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp_name = NULL;
  gboolean ok;

  g_return_val_if_fail (G_IS_FILE (target), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  parent = g_file_get_parent (target);
  base = g_file_get_basename (target);
  for (guint attempt = 0; file_stream == NULL; attempt++)
    {
      g_autoptr(GError) create_error = NULL;

      g_free (temp_name);
      temp_name = g_strdup_printf (".%s.%08x.part", base, g_random_int ());
      g_clear_object (&temp);
      temp = parent != NULL ? g_file_get_child (parent, temp_name) : g_file_new_for_path (temp_name);
      file_stream = g_file_create (temp, G_FILE_CREATE_PRIVATE, cancellable, &create_error);
      if (file_stream == NULL
          && (attempt >= 10 || !g_error_matches (create_error, G_IO_ERROR, G_IO_ERROR_EXISTS)))
        {
          g_propagate_error (error, g_steal_pointer (&create_error));
          return FALSE;
        }
    }
  /* cairo writes in small pieces. */
  buffered = g_buffered_output_stream_new_sized (G_OUTPUT_STREAM (file_stream), 256 * 1024);
  ok = kh_document_render_batch_to_stream (n_documents, produce, progress, user_data,
                                           buffered, cancellable, error)
       && g_output_stream_close (buffered, cancellable, error)
       && g_file_move (temp, target, G_FILE_COPY_OVERWRITE, cancellable, NULL, NULL, error);
  if (!ok)
    {
      g_output_stream_close (buffered, NULL, NULL);
      g_file_delete (temp, NULL, NULL);
    }
  return ok;
}

gboolean
kh_document_render_pdf (KhDocument *doc,
                        const char *path,
                        GError    **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) stream = NULL;

  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, error);
  if (stream == NULL)
    return FALSE;
  if (!kh_document_render_to_stream (doc, G_OUTPUT_STREAM (stream), NULL, error))
    return FALSE;
  return g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error);
}

GBytes *
kh_document_render_bytes (KhDocument *doc,
                          GError    **error)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();

  if (!kh_document_render_to_stream (doc, stream, NULL, error)
      || !g_output_stream_close (stream, NULL, error))
    return NULL;
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
}
