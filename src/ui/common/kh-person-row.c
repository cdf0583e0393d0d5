/* kh-person-row.c — a person found by a search, as a list row
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row of the person searches' lists (kh_list_factory_new with "hit" in
 * the person picker and the clients page): the name, then what tells
 * two people of the same name apart (masked code, birth date, language of
 * service, an open case). A screen reader hears the same: the name as the
 * row's label, the rest as its description (issue 5, 2.2). Never an
 * address: kh_search_hit_dup_summary has none.
 */
#define G_LOG_DOMAIN "kohtaamo-ui"

#include "config.h"

#include "kh-person-row.h"
#include "ui/common/kh-accessible.h"

struct _KhPersonRow
{
  GtkBox parent_instance;

  /* template widgets */
  GtkLabel    *name_label;
  GtkLabel    *summary_label;

  /* owned */
  KhSearchHit *hit;
};

G_DEFINE_FINAL_TYPE (KhPersonRow, kh_person_row, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_HIT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kh_person_row_dispose (GObject *object)
{
  KhPersonRow *self = KH_PERSON_ROW (object);

  g_clear_object (&self->hit);
  gtk_widget_dispose_template (GTK_WIDGET (self), KH_TYPE_PERSON_ROW);
  G_OBJECT_CLASS (kh_person_row_parent_class)->dispose (object);
}

static void
kh_person_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  KhPersonRow *self = KH_PERSON_ROW (object);

  switch (prop_id)
    {
    case PROP_HIT:
      g_value_set_object (value, self->hit);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_person_row_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  KhPersonRow *self = KH_PERSON_ROW (object);

  switch (prop_id)
    {
    case PROP_HIT:
      kh_person_row_set_hit (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_person_row_class_init (KhPersonRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_person_row_dispose;
  object_class->get_property = kh_person_row_get_property;
  object_class->set_property = kh_person_row_set_property;

  properties[PROP_HIT] =
    g_param_spec_object ("hit", NULL, NULL, KH_TYPE_SEARCH_HIT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/fi/kohtaamo/Kohtaamo/ui/common/kh-person-row.ui");
  gtk_widget_class_bind_template_child (widget_class, KhPersonRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, KhPersonRow, summary_label);
}

static void
kh_person_row_init (KhPersonRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  kh_accessible_name_list_item (GTK_WIDGET (self));
}

KhSearchHit *
kh_person_row_get_hit (KhPersonRow *self)
{
  g_return_val_if_fail (KH_IS_PERSON_ROW (self), NULL);

  return self->hit;
}

void
kh_person_row_set_hit (KhPersonRow *self,
                       KhSearchHit *hit)
{
  g_autofree char *name = NULL;
  g_autofree char *summary = NULL;

  g_return_if_fail (KH_IS_PERSON_ROW (self));
  g_return_if_fail (hit == NULL || KH_IS_SEARCH_HIT (hit));

  if (!g_set_object (&self->hit, hit))
    return;

  if (hit != NULL)
    {
      name = kh_client_dup_display_name (hit->client);
      summary = kh_search_hit_dup_summary (hit);
    }
  gtk_label_set_text (self->name_label, name ? name : "");
  gtk_label_set_text (self->summary_label, summary ? summary : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name ? name : "",
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary ? summary : "",
                                  -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIT]);
}
