/* kh-work-list-cell.c — the child of a reception work-list item
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kohtaamo-ui"

#include "config.h"

#include "kh-work-list-cell.h"

struct _KhWorkListCell
{
  GtkWidget       parent_instance;

  /* owned */
  KhWorkListItem *item;
  gulong          record_id;

  /* borrowed (the child, made when first needed) */
  KhWorkListRow  *row;

  guint           allocated : 1;  /* has been laid out on screen */
};

G_DEFINE_FINAL_TYPE (KhWorkListCell, kh_work_list_cell, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A GtkInscription sets up its text's font as it is made, before it has
 * its place and so its style; GTK gives it the font of its style when the
 * window is next styled, before the next layout. A row made while its
 * list is laid out is drawn before that: its inscriptions take the font
 * of their style at once, as a new context for them has it. */
static void
refresh_fonts (GtkWidget *widget)
{
  if (GTK_IS_INSCRIPTION (widget))
    {
      PangoContext *styled = gtk_widget_create_pango_context (widget);

      pango_context_set_font_description (gtk_widget_get_pango_context (widget),
                                          pango_context_get_font_description (styled));
      g_object_unref (styled);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    refresh_fonts (child);
}

static void
update (KhWorkListCell *self)
{
  gboolean loaded = self->item != NULL && kh_work_list_item_get_record (self->item) != NULL;

  if (loaded && self->row == NULL && self->allocated)
    {
      self->row = KH_WORK_LIST_ROW (kh_work_list_row_new ());
      gtk_widget_set_parent (GTK_WIDGET (self->row), GTK_WIDGET (self));
      refresh_fonts (GTK_WIDGET (self->row));
    }
  if (self->row != NULL)
    {
      kh_work_list_row_set_item (self->row, self->item);
      gtk_widget_set_visible (GTK_WIDGET (self->row), loaded);
    }
}

static void
kh_work_list_cell_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  KhWorkListCell *self = KH_WORK_LIST_CELL (widget);

  if (self->row != NULL && gtk_widget_get_visible (GTK_WIDGET (self->row)))
    gtk_widget_measure (GTK_WIDGET (self->row), orientation, for_size, minimum, natural,
                        minimum_baseline, natural_baseline);
}

/* A row is made (and shows its record) when its cell is first laid out on
 * screen: GtkListView lays out only the items in view, and the first page
 * has a dozen rows, half of them below the fold in the first frame; made,
 * filled, styled and measured they were some 35 million instructions of
 * the work before it. Until then the cell keeps a row's height
 * (style.css), which is a row's height whatever it shows (one-line texts,
 * a GtkInscription at the side), so the list's layout is the same. A row
 * made here is drawn in this frame: its labels take their style as they
 * measure, its inscriptions their font from refresh_fonts. */
static void
kh_work_list_cell_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  KhWorkListCell *self = KH_WORK_LIST_CELL (widget);

  if (!self->allocated)
    {
      self->allocated = TRUE;
      update (self);
    }
  if (self->row != NULL && gtk_widget_get_visible (GTK_WIDGET (self->row)))
    gtk_widget_size_allocate (GTK_WIDGET (self->row), &(GtkAllocation) { 0, 0, width, height }, baseline);
}

static void
record_changed_cb (KhWorkListCell *self)
{
  update (self);
}

static void
kh_work_list_cell_dispose (GObject *object)
{
  KhWorkListCell *self = KH_WORK_LIST_CELL (object);

  kh_work_list_cell_set_item (self, NULL);
  if (self->row != NULL)
    gtk_widget_unparent (GTK_WIDGET (g_steal_pointer (&self->row)));

  G_OBJECT_CLASS (kh_work_list_cell_parent_class)->dispose (object);
}

static void
kh_work_list_cell_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  KhWorkListCell *self = KH_WORK_LIST_CELL (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_work_list_cell_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  KhWorkListCell *self = KH_WORK_LIST_CELL (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      kh_work_list_cell_set_item (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_work_list_cell_class_init (KhWorkListCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_work_list_cell_dispose;
  object_class->get_property = kh_work_list_cell_get_property;
  object_class->set_property = kh_work_list_cell_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, KH_TYPE_WORK_LIST_ITEM,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  widget_class->measure = kh_work_list_cell_measure;
  widget_class->size_allocate = kh_work_list_cell_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "kh-work-list-cell");
  g_type_ensure (KH_TYPE_WORK_LIST_ROW);
}

static void
kh_work_list_cell_init (KhWorkListCell *self)
{
}

KhWorkListItem *
kh_work_list_cell_get_item (KhWorkListCell *self)
{
  g_return_val_if_fail (KH_IS_WORK_LIST_CELL (self), NULL);

  return self->item;
}

void
kh_work_list_cell_set_item (KhWorkListCell *self,
                            KhWorkListItem *item)
{
  g_return_if_fail (KH_IS_WORK_LIST_CELL (self));
  g_return_if_fail (item == NULL || KH_IS_WORK_LIST_ITEM (item));

  if (self->item == item)
    return;
  if (self->item != NULL)
    g_clear_signal_handler (&self->record_id, self->item);
  g_set_object (&self->item, item);
  if (item != NULL)
    self->record_id = g_signal_connect_swapped (item, "notify::record",
                                                G_CALLBACK (record_changed_cb), self);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

KhWorkListRow *
kh_work_list_cell_get_row (KhWorkListCell *self)
{
  g_return_val_if_fail (KH_IS_WORK_LIST_CELL (self), NULL);

  return self->row;
}
