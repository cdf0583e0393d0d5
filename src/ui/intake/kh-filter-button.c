/* kh-filter-button.c — a drop-down whose list is made when it first opens
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built as GtkDropDown is, so that Adwaita styles it the same:
 *
 *   dropdown
 *   ├── button.toggle
 *   │   └── box
 *   │       ├── label       the chosen item
 *   │       └── arrow
 *   ╰── popover.menu        made on the first opening
 *       └── scrolledwindow
 *           └── listview    the items, the chosen one ticked
 */
#define G_LOG_DOMAIN "kohtaamo-ui"

#include "config.h"

#include "kh-filter-button.h"
#include "ui/common/kh-accessible.h"

struct _KhFilterButton
{
  GtkWidget           parent_instance;

  /* children */
  GtkWidget          *button;
  GtkLabel           *label;
  GtkPopover         *popover;     /* NULL until first opened */

  /* owned */
  GListModel         *model;
  GtkSingleSelection *selection;   /* the popover's, with it */
  gulong              items_id;    /* on model */
  guint               selected;
};

G_DEFINE_FINAL_TYPE (KhFilterButton, kh_filter_button, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MODEL,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_label (KhFilterButton *self)
{
  g_autoptr(GObject) item = NULL;

  if (self->model != NULL && self->selected != GTK_INVALID_LIST_POSITION)
    item = g_list_model_get_item (self->model, self->selected);
  gtk_label_set_text (self->label, GTK_IS_STRING_OBJECT (item)
                                   ? gtk_string_object_get_string (GTK_STRING_OBJECT (item)) : "");
}

static void
selected_changed_cb (GtkListItem *list_item,
                     GParamSpec  *pspec,
                     GtkWidget   *tick)
{
  gtk_widget_set_opacity (tick, gtk_list_item_get_selected (list_item) ? 1.0 : 0.0);
}

static void
setup_item_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *tick = g_object_new (GTK_TYPE_IMAGE,
                                  "icon-name", "object-select-symbolic",
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                  NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), tick);
  gtk_list_item_set_child (list_item, box);
  g_signal_connect_object (list_item, "notify::selected", G_CALLBACK (selected_changed_cb), tick, 0);
}

static void
bind_item_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GObject *item = gtk_list_item_get_item (list_item);

  gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (box)),
                      GTK_IS_STRING_OBJECT (item) ? gtk_string_object_get_string (GTK_STRING_OBJECT (item)) : "");
  selected_changed_cb (list_item, NULL, gtk_widget_get_last_child (box));
}

static void
row_activated_cb (GtkListView    *view,
                  guint           position,
                  KhFilterButton *self)
{
  kh_filter_button_set_selected (self, position);
  gtk_popover_popdown (self->popover);
}

static void
popover_closed_cb (KhFilterButton *self)
{
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->button), FALSE);
}

static void
ensure_popover (KhFilterButton *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  GtkWidget *scroller;
  GtkWidget *list;

  if (self->popover != NULL)
    return;

  self->selection = gtk_single_selection_new (self->model != NULL ? g_object_ref (self->model) : NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_selected (self->selection, self->selected);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_item_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_item_cb), NULL);
  list = gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)), g_steal_pointer (&factory));
  gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (list), TRUE);
  g_signal_connect (list, "activate", G_CALLBACK (row_activated_cb), self);

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 400);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);

  self->popover = g_object_new (GTK_TYPE_POPOVER,
                                "accessible-role", GTK_ACCESSIBLE_ROLE_LIST_BOX,
                                "has-arrow", FALSE,
                                "halign", GTK_ALIGN_START,
                                "child", scroller,
                                NULL);
  gtk_widget_add_css_class (GTK_WIDGET (self->popover), "menu");
  gtk_widget_set_parent (GTK_WIDGET (self->popover), GTK_WIDGET (self));
  g_signal_connect_swapped (self->popover, "closed", G_CALLBACK (popover_closed_cb), self);
  /* Its choices are named by their labels, as a drop-down's. */
  kh_accessible_fix_mnemonics (GTK_WIDGET (self->popover));
}

static void
button_toggled_cb (KhFilterButton *self)
{
  gboolean active = gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->button));

  if (active)
    {
      ensure_popover (self);
      gtk_popover_popup (self->popover);
    }
  else if (self->popover != NULL)
    gtk_popover_popdown (self->popover);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_EXPANDED, active, -1);
}

static void
items_changed_cb (KhFilterButton *self,
                  guint           position,
                  guint           removed,
                  guint           added)
{
  /* As a GtkDropDown's selection keeps its item: the one chosen moves
   * with what is added or removed before it. */
  if (self->selected == GTK_INVALID_LIST_POSITION || self->selected < position)
    {
      update_label (self);
      return;
    }
  if (self->selected < position + removed)
    self->selected = g_list_model_get_n_items (self->model) > 0 ? 0 : GTK_INVALID_LIST_POSITION;
  else
    self->selected = self->selected - removed + added;
  update_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

static gboolean
kh_filter_button_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (KH_FILTER_BUTTON (widget)->button);
}

static void
kh_filter_button_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  KhFilterButton *self = KH_FILTER_BUTTON (widget);

  gtk_widget_size_allocate (self->button, &(GtkAllocation) { 0, 0, width, height }, baseline);
  if (self->popover != NULL)
    {
      int request;

      /* At least as wide as the button, as a GtkDropDown's. */
      gtk_widget_get_size_request (GTK_WIDGET (self->popover), &request, NULL);
      if (request != width)
        gtk_widget_set_size_request (GTK_WIDGET (self->popover), width, -1);
      gtk_popover_present (self->popover);
    }
}

static void
kh_filter_button_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  gtk_widget_measure (KH_FILTER_BUTTON (widget)->button, orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
kh_filter_button_dispose (GObject *object)
{
  KhFilterButton *self = KH_FILTER_BUTTON (object);

  if (self->model != NULL)
    g_clear_signal_handler (&self->items_id, self->model);
  g_clear_pointer (&self->button, gtk_widget_unparent);
  if (self->popover != NULL)
    gtk_widget_unparent (GTK_WIDGET (g_steal_pointer (&self->popover)));
  g_clear_object (&self->selection);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (kh_filter_button_parent_class)->dispose (object);
}

static void
kh_filter_button_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  KhFilterButton *self = KH_FILTER_BUTTON (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_SELECTED:
      g_value_set_uint (value, self->selected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_filter_button_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  KhFilterButton *self = KH_FILTER_BUTTON (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      kh_filter_button_set_model (self, g_value_get_object (value));
      break;
    case PROP_SELECTED:
      kh_filter_button_set_selected (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_filter_button_class_init (KhFilterButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_filter_button_dispose;
  object_class->get_property = kh_filter_button_get_property;
  object_class->set_property = kh_filter_button_set_property;
  widget_class->measure = kh_filter_button_measure;
  widget_class->size_allocate = kh_filter_button_size_allocate;
  widget_class->grab_focus = kh_filter_button_grab_focus;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SELECTED] =
    g_param_spec_uint ("selected", NULL, NULL, 0, G_MAXUINT, GTK_INVALID_LIST_POSITION,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "dropdown");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_COMBO_BOX);
}

static void
kh_filter_button_init (KhFilterButton *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *arrow = g_object_new (GTK_TYPE_IMAGE,
                                   "css-name", "arrow",
                                   "icon-name", "pan-down-symbolic",
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                   NULL);

  self->selected = GTK_INVALID_LIST_POSITION;
  self->button = gtk_toggle_button_new ();
  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->label, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->label), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->label));
  gtk_box_append (GTK_BOX (box), arrow);
  gtk_button_set_child (GTK_BUTTON (self->button), box);
  gtk_widget_set_parent (self->button, GTK_WIDGET (self));
  g_signal_connect_swapped (self->button, "toggled", G_CALLBACK (button_toggled_cb), self);

  /* The button takes the focus: it is named by the filter. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_RELATION_LABELLED_BY, self, NULL, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_HAS_POPUP, TRUE, -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_EXPANDED, FALSE, -1);
}

GListModel *
kh_filter_button_get_model (KhFilterButton *self)
{
  g_return_val_if_fail (KH_IS_FILTER_BUTTON (self), NULL);

  return self->model;
}

/* As gtk_drop_down_set_model: the first item is chosen. */
void
kh_filter_button_set_model (KhFilterButton *self,
                            GListModel     *model)
{
  g_return_if_fail (KH_IS_FILTER_BUTTON (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;
  if (self->model != NULL)
    g_clear_signal_handler (&self->items_id, self->model);
  g_set_object (&self->model, model);
  if (model != NULL)
    self->items_id = g_signal_connect_swapped (model, "items-changed", G_CALLBACK (items_changed_cb), self);
  if (self->selection != NULL)
    gtk_single_selection_set_model (self->selection, model);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
  kh_filter_button_set_selected (self, 0);
  update_label (self);
}

guint
kh_filter_button_get_selected (KhFilterButton *self)
{
  g_return_val_if_fail (KH_IS_FILTER_BUTTON (self), GTK_INVALID_LIST_POSITION);

  return self->selected;
}

void
kh_filter_button_set_selected (KhFilterButton *self,
                               guint           position)
{
  g_return_if_fail (KH_IS_FILTER_BUTTON (self));

  if (self->model == NULL || position >= g_list_model_get_n_items (self->model))
    position = GTK_INVALID_LIST_POSITION;
  if (self->selection != NULL)
    gtk_single_selection_set_selected (self->selection, position);
  if (self->selected == position)
    return;
  self->selected = position;
  update_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

void
kh_filter_button_popup (KhFilterButton *self)
{
  g_return_if_fail (KH_IS_FILTER_BUTTON (self));

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->button), TRUE);
}

GtkPopover *
kh_filter_button_get_popover (KhFilterButton *self)
{
  g_return_val_if_fail (KH_IS_FILTER_BUTTON (self), NULL);

  return self->popover;
}
