/* kh-work-list-item.c — one row of a reception work list, loaded or not yet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kohtaamo-ui"

#include "config.h"

#include "kh-work-list-item.h"

struct _KhWorkListItem
{
  GObject  parent_instance;

  /* owned */
  GObject    *record;
  KhCalendar *calendar;
  guint       position;
  guint       team_shown : 1;
};

G_DEFINE_FINAL_TYPE (KhWorkListItem, kh_work_list_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RECORD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kh_work_list_item_dispose (GObject *object)
{
  KhWorkListItem *self = KH_WORK_LIST_ITEM (object);

  g_clear_object (&self->record);
  g_clear_pointer (&self->calendar, kh_calendar_unref);

  G_OBJECT_CLASS (kh_work_list_item_parent_class)->dispose (object);
}

static void
kh_work_list_item_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  KhWorkListItem *self = KH_WORK_LIST_ITEM (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_work_list_item_class_init (KhWorkListItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kh_work_list_item_dispose;
  object_class->get_property = kh_work_list_item_get_property;

  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, G_TYPE_OBJECT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kh_work_list_item_init (KhWorkListItem *self)
{
}

KhWorkListItem *
kh_work_list_item_new (guint position)
{
  KhWorkListItem *self = g_object_new (KH_TYPE_WORK_LIST_ITEM, NULL);

  self->position = position;
  return self;
}

guint
kh_work_list_item_get_position (KhWorkListItem *self)
{
  g_return_val_if_fail (KH_IS_WORK_LIST_ITEM (self), 0);

  return self->position;
}

GObject *
kh_work_list_item_get_record (KhWorkListItem *self)
{
  g_return_val_if_fail (KH_IS_WORK_LIST_ITEM (self), NULL);

  return self->record;
}

void
kh_work_list_item_set_record (KhWorkListItem *self,
                              GObject        *record,
                              KhCalendar     *calendar)
{
  g_return_if_fail (KH_IS_WORK_LIST_ITEM (self));
  g_return_if_fail (record == NULL || G_IS_OBJECT (record));

  if (calendar != self->calendar)
    {
      g_clear_pointer (&self->calendar, kh_calendar_unref);
      self->calendar = calendar != NULL ? kh_calendar_ref (calendar) : NULL;
    }
  if (g_set_object (&self->record, record))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
}

KhCalendar *
kh_work_list_item_get_calendar (KhWorkListItem *self)
{
  g_return_val_if_fail (KH_IS_WORK_LIST_ITEM (self), NULL);

  return self->calendar;
}

void
kh_work_list_item_set_team_shown (KhWorkListItem *self,
                                  gboolean        shown)
{
  g_return_if_fail (KH_IS_WORK_LIST_ITEM (self));

  if (self->team_shown == (shown != FALSE))
    return;
  self->team_shown = shown != FALSE;
  /* A row shown follows its record's notification. */
  if (self->record != NULL)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
}

gboolean
kh_work_list_item_get_team_shown (KhWorkListItem *self)
{
  g_return_val_if_fail (KH_IS_WORK_LIST_ITEM (self), FALSE);

  return self->team_shown;
}
