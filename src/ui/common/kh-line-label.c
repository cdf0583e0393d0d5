/* kh-line-label.c — lines of text, each cut short at the end, cheap to measure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Draws as a GtkLabel with ellipsize END does (the same CSS node name,
 * font, colour and attributes): each line of the text on one line, cut
 * short with "…" where the widget is narrower. But a GtkLabel lays its
 * text out again for each question GTK 4.8 asks of it (its least width,
 * its natural width, its height at the width it is offered, then at the
 * width it gets), and a list's rows are asked all of them: a row of the
 * person's timeline took four or five layouts of its three lines for a
 * frame. This widget lays its text out once, at its natural width: that
 * layout gives the natural width and the height (cutting a line short
 * does not change its height), and is the one drawn when it fits; only a
 * narrower widget lays it out again at its width. Its least width is a
 * few characters, as an ellipsized label's. Its accessible name is its
 * text, its role a label's.
 */
#define G_LOG_DOMAIN "kohtaamo-ui"

#include "config.h"

#include "kh-line-label.h"

struct _KhLineLabel
{
  GtkWidget       parent_instance;

  char           *text;
  PangoAttrList  *attrs;
  PangoLayout    *layout;        /* at its natural width; NULL until needed */
  PangoLayout    *cut;           /* at the allocated width, when narrower */
  guint           serial;        /* of the widget's Pango context when laid out */
  int             least;         /* the least width, with the layout */
};

G_DEFINE_FINAL_TYPE (KhLineLabel, kh_line_label, GTK_TYPE_WIDGET)

static void
clear_layouts (KhLineLabel *self)
{
  g_clear_object (&self->layout);
  g_clear_object (&self->cut);
}

static PangoLayout *
make_layout (KhLineLabel *self)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), self->text);

  pango_layout_set_attributes (layout, self->attrs);
  /* One line for each line of the text (height -1), cut at the end. */
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  return layout;
}

static PangoLayout *
get_layout (KhLineLabel *self)
{
  if (self->layout == NULL)
    {
      PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
      PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);

      self->layout = make_layout (self);
      self->serial = pango_context_get_serial (context);
      /* A few characters, as an ellipsized label's "…" and a little. */
      self->least = PANGO_PIXELS_CEIL (3 * pango_font_metrics_get_approximate_char_width (metrics));
      pango_font_metrics_unref (metrics);
    }
  return self->layout;
}

static void
kh_line_label_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  KhLineLabel *self = KH_LINE_LABEL (widget);
  PangoLayout *layout = get_layout (self);
  PangoRectangle logical;

  pango_layout_get_pixel_extents (layout, NULL, &logical);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *natural = logical.width;
      *minimum = MIN (self->least, *natural);
    }
  else
    {
      *minimum = *natural = logical.height;
      *minimum_baseline = *natural_baseline = PANGO_PIXELS (pango_layout_get_baseline (layout));
    }
}

static void
kh_line_label_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  KhLineLabel *self = KH_LINE_LABEL (widget);
  PangoRectangle logical;

  pango_layout_get_pixel_extents (get_layout (self), NULL, &logical);
  if (logical.width <= width)
    {
      g_clear_object (&self->cut);
      return;
    }
  if (self->cut == NULL)
    self->cut = make_layout (self);
  pango_layout_set_width (self->cut, width * PANGO_SCALE);
}

static void
kh_line_label_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  KhLineLabel *self = KH_LINE_LABEL (widget);
  PangoLayout *layout = self->cut != NULL ? self->cut : get_layout (self);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_snapshot_render_layout (snapshot, gtk_widget_get_style_context (widget), 0, 0, layout);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

/* A new font (a theme, a class, the text scale): laid out anew. Not for
 * any other change of style: a list's rows are restyled whenever a row is
 * added before them (their positions), which is no reason to lay them out
 * again. The parent's handler brings the Pango context up to date first. */
static void
kh_line_label_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  KhLineLabel *self = KH_LINE_LABEL (widget);

  GTK_WIDGET_CLASS (kh_line_label_parent_class)->css_changed (widget, change);
  if (self->layout == NULL
      || pango_context_get_serial (gtk_widget_get_pango_context (widget)) == self->serial)
    return;
  clear_layouts (self);
  gtk_widget_queue_resize (widget);
}

static void
kh_line_label_finalize (GObject *object)
{
  KhLineLabel *self = KH_LINE_LABEL (object);

  clear_layouts (self);
  g_clear_pointer (&self->attrs, pango_attr_list_unref);
  g_free (self->text);

  G_OBJECT_CLASS (kh_line_label_parent_class)->finalize (object);
}

static void
kh_line_label_class_init (KhLineLabelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = kh_line_label_finalize;
  widget_class->measure = kh_line_label_measure;
  widget_class->size_allocate = kh_line_label_size_allocate;
  widget_class->snapshot = kh_line_label_snapshot;
  widget_class->css_changed = kh_line_label_css_changed;

  /* Styled as a label wherever a label is. */
  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
kh_line_label_init (KhLineLabel *self)
{
  self->text = g_strdup ("");
}

GtkWidget *
kh_line_label_new (void)
{
  return g_object_new (KH_TYPE_LINE_LABEL, NULL);
}

/* `text` (lines separated by "\n"), styled by `attrs` (may be NULL; not
 * taken). */
void
kh_line_label_set_text (KhLineLabel   *self,
                        const char    *text,
                        PangoAttrList *attrs)
{
  g_return_if_fail (KH_IS_LINE_LABEL (self));

  g_free (self->text);
  self->text = g_strdup (text != NULL ? text : "");
  g_clear_pointer (&self->attrs, pango_attr_list_unref);
  if (attrs != NULL)
    self->attrs = pango_attr_list_ref (attrs);
  clear_layouts (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, self->text, -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

const char *
kh_line_label_get_text (KhLineLabel *self)
{
  g_return_val_if_fail (KH_IS_LINE_LABEL (self), NULL);

  return self->text;
}
