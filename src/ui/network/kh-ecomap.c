/* kh-ecomap.c — the client's network map, drawn and chosen from (issue 9, 2)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Draws with the same code as the PDF and the letter (kh-ecomap-draw.h),
 * laid out in src/core (kh-ecomap-layout.h). The picture without the
 * selection is cached as a render node and made again only when the size,
 * the entries or the colours change; the selection and the focus ring are
 * drawn over it each frame (Sysprof's flame graph does the same).
 *
 * Keys: Tab, the arrows, Home and End move the selection in the layout's
 * keyboard order (sector by sector clockwise from the top, the close ring
 * first); Tab past the last entry (Shift+Tab before the first) leaves the
 * map. Enter, Space or a double click activates the selected entry.
 * Screen readers cannot see the entries drawn here: the network page puts
 * a list of the same entries beside the map.
 */
#define G_LOG_DOMAIN "kohtaamo-ui"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>
#include <adwaita.h>

#include "documents/kh-ecomap-draw.h"
#include "kh-network-common.h"
#include "kh-ecomap.h"

/* How near a click must be to a node or its label, in pixels. */
#define HIT_TOLERANCE 4

struct _KhEcomap
{
  GtkWidget        parent_instance;

  KhEcomapEntry   *entries;
  guint            n_entries;
  char            *client_name;
  gint64           selected_id;

  KhEcomapLayout  *layout;          /* for the current size */
  GskRenderNode   *picture;         /* the map without the selection */
  KhEcomapPalette  palette;
  gboolean         palette_valid;
};

G_DEFINE_FINAL_TYPE (KhEcomap, kh_ecomap, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELECTED_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ENTRY_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- what is drawn ---- */

static void
invalidate_picture (KhEcomap *self)
{
  g_clear_pointer (&self->picture, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
invalidate_layout (KhEcomap *self)
{
  g_clear_pointer (&self->layout, kh_ecomap_layout_free);
  invalidate_picture (self);
}

static void
color_from_rgba (KhEcomapColor *color,
                 const GdkRGBA *rgba)
{
  *color = (KhEcomapColor) { rgba->red, rgba->green, rgba->blue, rgba->alpha };
}

/* The one place the colours come from the theme: the palette for light,
 * dark or high contrast, with the theme's text and accent colours. */
static void
theme_palette (KhEcomap        *self,
               KhEcomapPalette *palette)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkStyleContext *context;
  GdkRGBA rgba;

  *palette = adw_style_manager_get_high_contrast (style) && !adw_style_manager_get_dark (style)
                  ? *kh_ecomap_palette_high_contrast ()
                  : adw_style_manager_get_dark (style) ? *kh_ecomap_palette_dark () : *kh_ecomap_palette_light ();
  context = gtk_widget_get_style_context (GTK_WIDGET (self));
  gtk_style_context_get_color (context, &rgba);
  rgba.alpha = 1;
  color_from_rgba (&palette->text, &rgba);
  if (adw_style_manager_get_high_contrast (style))
    {
      /* Dark and high contrast: the dark palette with full-strength rings. */
      color_from_rgba (&palette->line, &rgba);
      color_from_rgba (&palette->outline, &rgba);
      color_from_rgba (&palette->sector, &rgba);
      color_from_rgba (&palette->focus, &rgba);
      palette->ring.alpha = 0.7;
    }
  if (gtk_style_context_lookup_color (context, "accent_bg_color", &rgba))
    {
      color_from_rgba (&palette->selection, &rgba);
      color_from_rgba (&palette->client, &rgba);
      if (!adw_style_manager_get_high_contrast (style))
        {
          rgba.alpha = 0.6;
          color_from_rgba (&palette->focus, &rgba);
        }
    }
  if (gtk_style_context_lookup_color (context, "accent_fg_color", &rgba))
    {
      color_from_rgba (&palette->selection_text, &rgba);
      color_from_rgba (&palette->client_text, &rgba);
    }
  if (gtk_style_context_lookup_color (context, "view_bg_color", &rgba))
    color_from_rgba (&palette->background, &rgba);
}

/* The labels' size: a little smaller than the text around the map, and
 * smaller still (to 80 %) for a network of more than 20 entries, so that
 * a crowded map keeps its labels apart. */
static double
font_size (KhEcomap *self)
{
  const PangoFontDescription *font = pango_context_get_font_description (gtk_widget_get_pango_context (GTK_WIDGET (self)));
  double size = font != NULL ? (double) pango_font_description_get_size (font) / PANGO_SCALE : 11;

  if (font != NULL && !pango_font_description_get_size_is_absolute (font))
    size *= 96.0 / 72.0;
  if (size <= 0)
    size = 14;
  return size * 0.85 * kh_ecomap_crowded_scale (self->n_entries);
}

static KhEcomapLayout *
ensure_layout (KhEcomap *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (width <= 0 || height <= 0)
    return NULL;
  if (self->layout != NULL && self->layout->params.font_size != font_size (self))
    {
      /* Another font: measured again (this may run while drawing). */
      g_clear_pointer (&self->layout, kh_ecomap_layout_free);
      g_clear_pointer (&self->picture, gsk_render_node_unref);
    }
  if (self->layout == NULL)
    self->layout = kh_ecomap_draw_layout (self->entries, self->n_entries, self->client_name,
                                          kh_network_ui_language (), width, height, font_size (self));
  return self->layout;
}

static void
update_accessible (KhEcomap *self)
{
  const char *selected = NULL;
  g_autofree char *label = NULL;

  for (guint i = 0; i < self->n_entries; i++)
    if (self->entries[i].id == self->selected_id)
      selected = self->entries[i].label;

  /* Translators: the network map's name for screen readers: the client's
   * name and the number of people and agencies drawn. */
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Network map of %s: %u entry", "Network map of %s: %u entries",
                                        self->n_entries),
                           self->client_name != NULL ? self->client_name : "", self->n_entries);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  if (selected != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, selected, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* ---- the selection ---- */

static gboolean
has_entry (KhEcomap *self,
           gint64    id)
{
  for (guint i = 0; i < self->n_entries; i++)
    if (self->entries[i].id == id)
      return TRUE;
  return FALSE;
}

void
kh_ecomap_set_selected_id (KhEcomap *self,
                           gint64    id)
{
  g_return_if_fail (KH_IS_ECOMAP (self));

  if (!has_entry (self, id))
    id = 0;
  if (self->selected_id == id)
    return;
  self->selected_id = id;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ID]);
}

gint64
kh_ecomap_get_selected_id (KhEcomap *self)
{
  g_return_val_if_fail (KH_IS_ECOMAP (self), 0);

  return self->selected_id;
}

/* The position of the selection in the keyboard order, or -1. */
static int
selected_position (KhEcomap *self)
{
  int index;

  if (self->layout == NULL || self->selected_id == 0)
    return -1;
  index = kh_ecomap_layout_find (self->layout, self->selected_id);
  return index >= 0 ? kh_ecomap_layout_order_of (self->layout, index) : -1;
}

/* Selects the entry `position` in the keyboard order (clamped). */
static void
select_position (KhEcomap *self,
                 int       position)
{
  if (self->layout == NULL || self->layout->n_nodes == 0)
    return;
  position = CLAMP (position, 0, (int) self->layout->n_nodes - 1);
  kh_ecomap_set_selected_id (self, self->layout->nodes[self->layout->order[position]].entry.id);
}

static void
activate_selected (KhEcomap *self)
{
  if (self->selected_id != 0)
    g_signal_emit (self, signals[ENTRY_ACTIVATED], 0, self->selected_id);
}

/* ---- input ---- */

static void
click_pressed_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  KhEcomap        *self)
{
  int hit;

  if (ensure_layout (self) == NULL)
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self));
  hit = kh_ecomap_layout_hit_test (self->layout, x, y, HIT_TOLERANCE);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  if (hit < 0)
    {
      kh_ecomap_set_selected_id (self, 0);
      return;
    }
  kh_ecomap_set_selected_id (self, self->layout->nodes[hit].entry.id);
  if (n_press == 2)
    activate_selected (self);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller G_GNUC_UNUSED,
                guint                  keyval,
                guint                  keycode G_GNUC_UNUSED,
                GdkModifierType        state,
                KhEcomap              *self)
{
  int position;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return GDK_EVENT_PROPAGATE;
  if (ensure_layout (self) == NULL || self->layout->n_nodes == 0)
    return GDK_EVENT_PROPAGATE;
  position = selected_position (self);
  switch (keyval)
    {
    case GDK_KEY_Right:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Right:
    case GDK_KEY_KP_Down:
      select_position (self, position < 0 ? 0 : position + 1);
      return GDK_EVENT_STOP;
    case GDK_KEY_Left:
    case GDK_KEY_Up:
    case GDK_KEY_KP_Left:
    case GDK_KEY_KP_Up:
      select_position (self, position < 0 ? (int) self->layout->n_nodes - 1 : position - 1);
      return GDK_EVENT_STOP;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      select_position (self, 0);
      return GDK_EVENT_STOP;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      select_position (self, (int) self->layout->n_nodes - 1);
      return GDK_EVENT_STOP;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      activate_selected (self);
      return self->selected_id != 0 ? GDK_EVENT_STOP : GDK_EVENT_PROPAGATE;
    default:
      return GDK_EVENT_PROPAGATE;
    }
}

static void
motion_cb (GtkEventControllerMotion *controller G_GNUC_UNUSED,
           double                    x,
           double                    y,
           KhEcomap                 *self)
{
  gboolean over = self->layout != NULL && kh_ecomap_layout_hit_test (self->layout, x, y, HIT_TOLERANCE) >= 0;

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), over ? "pointer" : NULL);
}

static gboolean
kh_ecomap_query_tooltip (GtkWidget  *widget,
                         int         x,
                         int         y,
                         gboolean    keyboard,
                         GtkTooltip *tooltip)
{
  KhEcomap *self = KH_ECOMAP (widget);
  int index;

  if (self->layout == NULL)
    return FALSE;
  index = keyboard ? (self->selected_id != 0 ? kh_ecomap_layout_find (self->layout, self->selected_id) : -1)
                   : kh_ecomap_layout_hit_test (self->layout, x, y, HIT_TOLERANCE);
  if (index < 0)
    return FALSE;
  /* The whole name: a long one is cut short on the map. */
  gtk_tooltip_set_text (tooltip, self->layout->nodes[index].entry.label);
  return TRUE;
}

/* Tab walks the entries; past the last one (or before the first going
 * back) the focus leaves the map. */
static gboolean
kh_ecomap_focus (GtkWidget        *widget,
                 GtkDirectionType  direction)
{
  KhEcomap *self = KH_ECOMAP (widget);
  int position;
  int n;

  ensure_layout (self);
  n = self->layout != NULL ? (int) self->layout->n_nodes : 0;
  if (!gtk_widget_has_focus (widget))
    {
      gtk_widget_grab_focus (widget);
      if (self->selected_id == 0 && n > 0)
        select_position (self, direction == GTK_DIR_TAB_BACKWARD ? n - 1 : 0);
      return TRUE;
    }
  position = selected_position (self);
  if (direction == GTK_DIR_TAB_FORWARD && position + 1 < n)
    {
      select_position (self, position + 1);
      return TRUE;
    }
  if (direction == GTK_DIR_TAB_BACKWARD && position > 0)
    {
      select_position (self, position - 1);
      return TRUE;
    }
  return FALSE;
}

/* ---- GtkWidget ---- */

static void
kh_ecomap_measure (GtkWidget      *widget G_GNUC_UNUSED,
                   GtkOrientation  orientation,
                   int             for_size G_GNUC_UNUSED,
                   int            *minimum,
                   int            *natural,
                   int            *minimum_baseline G_GNUC_UNUSED,
                   int            *natural_baseline G_GNUC_UNUSED)
{
  /* Room for the rings and labels around them at the least; a map to read
   * across a desk at its natural size. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 360;
      *natural = 760;
    }
  else
    {
      *minimum = 300;
      *natural = 560;
    }
}

static void
kh_ecomap_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline G_GNUC_UNUSED)
{
  KhEcomap *self = KH_ECOMAP (widget);

  if (self->layout != NULL && (self->layout->params.width != width || self->layout->params.height != height))
    invalidate_layout (self);
}

static void
kh_ecomap_snapshot (GtkWidget   *widget,
                    GtkSnapshot *snapshot)
{
  KhEcomap *self = KH_ECOMAP (widget);
  KhEcomapLayout *layout = ensure_layout (self);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  gboolean focused = gtk_widget_has_visible_focus (widget);
  const KhEcomapPalette *colors;
  KhEcomapPalette now;

  if (layout == NULL)
    return;
  /* The theme's colours; when they changed (dark, high contrast, another
   * accent), the picture is drawn again. */
  theme_palette (self, &now);
  if (!self->palette_valid || memcmp (&now, &self->palette, sizeof now) != 0)
    {
      self->palette = now;
      self->palette_valid = TRUE;
      g_clear_pointer (&self->picture, gsk_render_node_unref);
    }
  colors = &self->palette;
  if (self->picture == NULL)
    {
      GtkSnapshot *picture = gtk_snapshot_new ();
      cairo_t *cr = gtk_snapshot_append_cairo (picture, &GRAPHENE_RECT_INIT (0, 0, width, height));

      kh_ecomap_draw (cr, layout, colors, 0, FALSE);
      cairo_destroy (cr);
      self->picture = gtk_snapshot_free_to_node (picture);
    }
  if (self->picture != NULL)
    gtk_snapshot_append_node (snapshot, self->picture);
  if (self->selected_id != 0 || focused)
    {
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

      kh_ecomap_draw_highlight (cr, layout, colors, self->selected_id, focused);
      cairo_destroy (cr);
    }
}

static void
kh_ecomap_state_flags_changed (GtkWidget     *widget,
                               GtkStateFlags  previous)
{
  GtkStateFlags now = gtk_widget_get_state_flags (widget);

  GTK_WIDGET_CLASS (kh_ecomap_parent_class)->state_flags_changed (widget, previous);
  if ((now ^ previous) & (GTK_STATE_FLAG_FOCUSED | GTK_STATE_FLAG_FOCUS_VISIBLE | GTK_STATE_FLAG_FOCUS_WITHIN))
    gtk_widget_queue_draw (widget);
}

static void
kh_ecomap_css_changed (GtkWidget         *widget,
                       GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (kh_ecomap_parent_class)->css_changed (widget, change);
  /* The next frame compares the colours (a hover changes none). */
  gtk_widget_queue_draw (widget);
}

static void
style_changed_cb (AdwStyleManager *style G_GNUC_UNUSED,
                  GParamSpec      *pspec G_GNUC_UNUSED,
                  KhEcomap        *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ---- the entries ---- */

void
kh_ecomap_set_entries (KhEcomap            *self,
                       const KhEcomapEntry *entries,
                       guint                n_entries,
                       const char          *client_name)
{
  g_return_if_fail (KH_IS_ECOMAP (self));
  g_return_if_fail (entries != NULL || n_entries == 0);

  kh_ecomap_entries_free (self->entries, self->n_entries);
  self->entries = kh_ecomap_entries_copy (entries, n_entries);
  self->n_entries = n_entries;
  g_free (self->client_name);
  self->client_name = g_strdup (client_name);
  invalidate_layout (self);
  if (self->selected_id != 0 && !has_entry (self, self->selected_id))
    kh_ecomap_set_selected_id (self, 0);
  update_accessible (self);
}

const KhEcomapLayout *
kh_ecomap_get_layout (KhEcomap *self)
{
  g_return_val_if_fail (KH_IS_ECOMAP (self), NULL);

  return ensure_layout (self);
}

/* ---- GObject ---- */

static void
kh_ecomap_dispose (GObject *object)
{
  KhEcomap *self = KH_ECOMAP (object);

  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  g_clear_pointer (&self->picture, gsk_render_node_unref);
  g_clear_pointer (&self->layout, kh_ecomap_layout_free);
  G_OBJECT_CLASS (kh_ecomap_parent_class)->dispose (object);
}

static void
kh_ecomap_finalize (GObject *object)
{
  KhEcomap *self = KH_ECOMAP (object);

  kh_ecomap_entries_free (self->entries, self->n_entries);
  g_free (self->client_name);
  G_OBJECT_CLASS (kh_ecomap_parent_class)->finalize (object);
}

static void
kh_ecomap_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  KhEcomap *self = KH_ECOMAP (object);

  switch (prop_id)
    {
    case PROP_SELECTED_ID:
      g_value_set_int64 (value, self->selected_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_ecomap_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  KhEcomap *self = KH_ECOMAP (object);

  switch (prop_id)
    {
    case PROP_SELECTED_ID:
      kh_ecomap_set_selected_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_ecomap_class_init (KhEcomapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_ecomap_dispose;
  object_class->finalize = kh_ecomap_finalize;
  object_class->get_property = kh_ecomap_get_property;
  object_class->set_property = kh_ecomap_set_property;

  widget_class->measure = kh_ecomap_measure;
  widget_class->size_allocate = kh_ecomap_size_allocate;
  widget_class->snapshot = kh_ecomap_snapshot;
  widget_class->focus = kh_ecomap_focus;
  widget_class->query_tooltip = kh_ecomap_query_tooltip;
  widget_class->state_flags_changed = kh_ecomap_state_flags_changed;
  widget_class->css_changed = kh_ecomap_css_changed;

  properties[PROP_SELECTED_ID] =
    g_param_spec_int64 ("selected-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Enter, Space or a double click on an entry: open it. */
  signals[ENTRY_ACTIVATED] =
    g_signal_new ("entry-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_css_name (widget_class, "ecomap");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
kh_ecomap_init (KhEcomap *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();
  AdwStyleManager *style = adw_style_manager_get_default ();

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_has_tooltip (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (click_pressed_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (widget, keys);
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  gtk_widget_add_controller (widget, motion);

  g_signal_connect (style, "notify::dark", G_CALLBACK (style_changed_cb), self);
  g_signal_connect (style, "notify::high-contrast", G_CALLBACK (style_changed_cb), self);
  self->entries = kh_ecomap_entries_copy (NULL, 0);
  update_accessible (self);
}

GtkWidget *
kh_ecomap_new (void)
{
  return g_object_new (KH_TYPE_ECOMAP, NULL);
}
