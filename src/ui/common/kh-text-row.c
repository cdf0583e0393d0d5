/* kh-text-row.c — a boxed-list row of a title and wrapping lines, cheap to lay out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Looks and reads as an AdwActionRow (title, dimmer subtitle under it,
 * widgets at the end, the title as the row's name and the subtitle as its
 * description), but its parts sit in a GtkGrid instead of AdwActionRow's
 * horizontal GtkBox. GTK 4.8's box asks each child for its width at the
 * allocated height, and a wrapping label answers that by laying its text
 * out again and again at trial widths (a binary search): a person page's
 * ten case rows of three or four wrapping lines took half of its first
 * frame that way. The grid asks for the widths without a height and then
 * for the heights at the widths it gave, so each line is laid out a few
 * times at most. Lines still wrap: nothing of them is cut off. With
 * use-underline, the title's mnemonic activates the row (as an
 * activatable AdwActionRow's does).
 *
 * The first row of a boxed list has square top corners while nobody
 * hovers or focuses it (data/style.css, the app's own style, which
 * kh_field_message_ensure_style loads): it draws nothing
 * there but the line under it, its bottom border, which looks the same
 * either way, but a border around rounded corners is drawn by GTK 4.8's
 * cairo renderer as a clipped fill of curves, and the four or five such
 * rows on screen cost a person page's first frame a fifth of its
 * instructions. Its hover background and focus ring are rounded as
 * before.
 */
#define G_LOG_DOMAIN "kohtaamo-ui"

#include "config.h"

#include "kh-field-message.h"
#include "kh-text-row.h"

struct _KhTextRow
{
  AdwPreferencesRow parent_instance;

  /* children */
  GtkWidget        *grid;
  GtkLabel         *title_label;
  GtkLabel         *subtitle_label;

  int               n_suffixes;
};

static void kh_text_row_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KhTextRow, kh_text_row, ADW_TYPE_PREFERENCES_ROW,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, kh_text_row_buildable_init))

enum {
  PROP_0,
  PROP_SUBTITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkBuildableIface *parent_buildable_iface;

static GtkLabel *
create_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, css_class);
  return GTK_LABEL (label);
}

static void
title_changed_cb (KhTextRow *self)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self));

  if (adw_preferences_row_get_use_underline (ADW_PREFERENCES_ROW (self)))
    {
      gtk_label_set_text_with_mnemonic (self->title_label, title);
      gtk_label_set_mnemonic_widget (self->title_label, GTK_WIDGET (self));
    }
  else
    gtk_label_set_text (self->title_label, title);
}

/* In a template, <child type="suffix"> as AdwActionRow's. */
static void
kh_text_row_buildable_add_child (GtkBuildable *buildable,
                                 GtkBuilder   *builder,
                                 GObject      *child,
                                 const char   *type)
{
  if (g_strcmp0 (type, "suffix") == 0 && GTK_IS_WIDGET (child))
    kh_text_row_add_suffix (KH_TEXT_ROW (buildable), GTK_WIDGET (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
kh_text_row_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = kh_text_row_buildable_add_child;
}

static void
kh_text_row_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  KhTextRow *self = KH_TEXT_ROW (object);

  switch (prop_id)
    {
    case PROP_SUBTITLE:
      g_value_set_string (value, kh_text_row_get_subtitle (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_text_row_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  KhTextRow *self = KH_TEXT_ROW (object);

  switch (prop_id)
    {
    case PROP_SUBTITLE:
      kh_text_row_set_subtitle (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_text_row_class_init (KhTextRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = kh_text_row_get_property;
  object_class->set_property = kh_text_row_set_property;

  /* As AdwActionRow's, for templates. */
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kh_text_row_init (KhTextRow *self)
{
  kh_field_message_ensure_style ();   /* row.kh-text-row */
  gtk_widget_add_css_class (GTK_WIDGET (self), "kh-text-row");
  self->grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (self->grid), 6);
  gtk_grid_set_row_spacing (GTK_GRID (self->grid), 3);
  /* As libadwaita's row > box.header and its box.title. */
  gtk_widget_set_margin_start (self->grid, 12);
  gtk_widget_set_margin_end (self->grid, 12);
  gtk_widget_set_margin_top (self->grid, 6);
  gtk_widget_set_margin_bottom (self->grid, 6);
  gtk_widget_set_valign (self->grid, GTK_ALIGN_CENTER);
  gtk_widget_set_size_request (GTK_WIDGET (self), -1, 50);

  self->title_label = create_label ("title");
  self->subtitle_label = create_label ("subtitle");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), FALSE);
  gtk_grid_attach (GTK_GRID (self->grid), GTK_WIDGET (self->title_label), 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (self->grid), GTK_WIDGET (self->subtitle_label), 0, 1, 1, 1);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), self->grid);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);

  gtk_accessible_update_relation (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->title_label, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->subtitle_label, NULL,
                                  -1);
  g_signal_connect (self, "notify::title", G_CALLBACK (title_changed_cb), NULL);
  g_signal_connect (self, "notify::use-underline", G_CALLBACK (title_changed_cb), NULL);
}

GtkWidget *
kh_text_row_new (const char *title,
                 const char *subtitle)
{
  KhTextRow *self = g_object_new (KH_TYPE_TEXT_ROW, "title", title, "use-markup", FALSE, NULL);

  kh_text_row_set_subtitle (self, subtitle);
  return GTK_WIDGET (self);
}

const char *
kh_text_row_get_subtitle (KhTextRow *self)
{
  g_return_val_if_fail (KH_IS_TEXT_ROW (self), NULL);

  return gtk_label_get_text (self->subtitle_label);
}

void
kh_text_row_set_subtitle (KhTextRow  *self,
                          const char *subtitle)
{
  g_return_if_fail (KH_IS_TEXT_ROW (self));

  if (g_strcmp0 (gtk_label_get_text (self->subtitle_label), subtitle != NULL ? subtitle : "") == 0)
    return;
  gtk_label_set_text (self->subtitle_label, subtitle != NULL ? subtitle : "");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), subtitle != NULL && *subtitle != '\0');
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBTITLE]);
}

/* `widget` after the text and the suffixes before it, centred beside it. */
void
kh_text_row_add_suffix (KhTextRow *self,
                        GtkWidget *widget)
{
  g_return_if_fail (KH_IS_TEXT_ROW (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  gtk_grid_attach (GTK_GRID (self->grid), widget, 1 + self->n_suffixes++, 0, 1, 2);
}
