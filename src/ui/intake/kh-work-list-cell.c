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
};

G_DEFINE_FINAL_TYPE (KhWorkListCell, kh_work_list_cell, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (KhWorkListCell *self)
{
  gboolean loaded = self->item != NULL && kh_work_list_item_get_record (self->item) != NULL;

  if (loaded && self->row == NULL)
    {
      self->row = KH_WORK_LIST_ROW (kh_work_list_row_new ());
      gtk_widget_set_parent (GTK_WIDGET (self->row), GTK_WIDGET (self));
    }
  if (self->row != NULL)
    {
      kh_work_list_row_set_item (self->row, self->item);
      gtk_widget_set_visible (GTK_WIDGET (self->row), loaded);
    }
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

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
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
