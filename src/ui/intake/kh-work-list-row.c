/* kh-work-list-row.c — a row of today's contacts or of the queue
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kohtaamo-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kh-deadlines.h"
#include "core/kh-records.h"
#include "core/kh-text.h"

#include "kh-work-list-row.h"
#include "ui/common/kh-accessible.h"
#include "ui/common/kh-list-factory.h"

struct _KhWorkListRow
{
  GtkWidget       parent_instance;

  /* children (made in init; the time and channel, the badge and the icon
   * of the non-disclosure marking when first shown: a queue row has no
   * time, and few rows have the others) */
  GtkBox         *texts;
  GtkImage       *channel_icon;
  GtkImage       *go_icon;
  GtkBox         *side_box;
  GtkLabel       *side_caption;
  GtkInscription *side_label;
  GtkInscription *subtitle_label;
  GtkLabel       *time_label;
  GtkLabel       *title_label;
  GtkImage       *protection_icon;
  GtkLabel       *urgent_badge;

  /* owned */
  KhWorkListItem *item;
  gulong          record_id;
};

G_DEFINE_FINAL_TYPE (KhWorkListRow, kh_work_list_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
channel_icon_name (KhChannel channel)
{
  switch (channel)
    {
    case KH_CHANNEL_WALK_IN: return "avatar-default-symbolic";
    case KH_CHANNEL_PHONE: return "call-start-symbolic";
    case KH_CHANNEL_LETTER: return "x-office-document-symbolic";
    case KH_CHANNEL_E_MESSAGE: return "mail-unread-symbolic";
    case KH_CHANNEL_CHAT: return "chat-message-new-symbolic";
    case KH_CHANNEL_AUTHORITY: return "system-users-symbolic";
    case KH_CHANNEL_KELA: return "mail-message-new-symbolic";
    case KH_CHANNEL_EMERGENCY: return "emblem-important-symbolic";
    case KH_CHANNEL_OUTREACH: return "mark-location-symbolic";
    case KH_CHANNEL_CALL_BACK: return "call-outgoing-symbolic";
    default: return "help-about-symbolic";
    }
}

/* "Finances, Housing", in the order of SHL 11 §. */
static void
append_needs (GPtrArray *parts,
              guint      needs)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  for (guint i = 0; i < KH_N_NEEDS; i++)
    if (needs & (1u << i))
      g_ptr_array_add (labels, (gpointer) kh_need_label (1u << i));
  if (labels->len == 0)
    return;
  g_ptr_array_add (labels, NULL);
  g_ptr_array_add (parts, g_strjoinv (", ", (char **) labels->pdata));
}

/* Issue 5 2.9: the language the person is served in, and whether they
 * need an interpreter, where the receptionist sees them first. */
static void
append_language (GPtrArray  *parts,
                 KhLanguage  language,
                 gboolean    interpreter)
{
  const char *label = kh_language_label (language);

  if (label != NULL && interpreter)
    /* Translators: a language of service and the need of an interpreter,
     * e.g. "Other language, interpreter needed" */
    g_ptr_array_add (parts, g_strdup_printf (_("%s, interpreter needed"), label));
  else if (label != NULL)
    g_ptr_array_add (parts, g_strdup (label));
  else if (interpreter)
    g_ptr_array_add (parts, g_strdup (_("Interpreter needed")));
}

static char *
join_parts (GPtrArray *parts)
{
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

/* Every line is one line on screen, ellipsized where the row is narrow:
 * the whole of them in the tooltip. */
static void
set_tooltip (KhWorkListRow *self)
{
  g_autoptr(GString) tooltip = g_string_new (gtk_label_get_text (self->title_label));
  const char *subtitle = gtk_inscription_get_text (self->subtitle_label);
  const char *side = gtk_inscription_get_text (self->side_label);

  if (subtitle != NULL && subtitle[0] != '\0')
    g_string_append_printf (tooltip, "\n%s", subtitle);
  if (side != NULL && side[0] != '\0')
    g_string_append_printf (tooltip, "\n%s", side);
  if (gtk_widget_get_visible (GTK_WIDGET (self->side_caption)) && gtk_label_get_text (self->side_caption)[0] != '\0')
    g_string_append_printf (tooltip, "\n%s", gtk_label_get_text (self->side_caption));
  kh_lazy_tooltip_set_text (GTK_WIDGET (self), tooltip->str);
  /* The same for screen readers, with the badges. */
  if (self->protection_icon != NULL && gtk_widget_get_visible (GTK_WIDGET (self->protection_icon)))
    g_string_append_printf (tooltip, "\n%s", _("Non-disclosure marking"));
  if (self->urgent_badge != NULL && gtk_widget_get_visible (GTK_WIDGET (self->urgent_badge)))
    g_string_append_printf (tooltip, "\n%s", gtk_label_get_text (self->urgent_badge));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  tooltip->str, -1);
}

/* A child made when first shown: hidden is the same as not made yet. */
static void
set_shown (gpointer widget,
           gboolean shown)
{
  if (widget != NULL)
    gtk_widget_set_visible (GTK_WIDGET (widget), shown);
}

static void
show_time (KhWorkListRow *self)
{
  if (self->time_label == NULL)
    {
      self->time_label = GTK_LABEL (gtk_label_new (NULL));
      gtk_label_set_width_chars (self->time_label, 5);
      gtk_label_set_xalign (self->time_label, 1);
      gtk_widget_add_css_class (GTK_WIDGET (self->time_label), "numeric");
      gtk_widget_add_css_class (GTK_WIDGET (self->time_label), "heading");
      gtk_widget_insert_after (GTK_WIDGET (self->time_label), GTK_WIDGET (self), NULL);
      self->channel_icon = GTK_IMAGE (gtk_image_new ());
      gtk_widget_add_css_class (GTK_WIDGET (self->channel_icon), "dim-label");
      gtk_widget_insert_after (GTK_WIDGET (self->channel_icon), GTK_WIDGET (self),
                               GTK_WIDGET (self->time_label));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->time_label), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->channel_icon), TRUE);
}

/* ATL 38 §: the person's address is protected. */
static void
show_protection (KhWorkListRow *self,
                 gboolean       shown)
{
  if (shown && self->protection_icon == NULL)
    {
      self->protection_icon = g_object_new (GTK_TYPE_IMAGE,
                                            "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                            "icon-name", "security-high-symbolic",
                                            "valign", GTK_ALIGN_CENTER,
                                            "visible", FALSE,
                                            NULL);
      /* Set while hidden: on a shown widget GTK asks the X server where
       * the pointer is. */
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->protection_icon),
                                   _("The address is protected (non-disclosure marking, Client Data Act 38 §): it is not shown in lists or search results"));
      gtk_widget_insert_after (GTK_WIDGET (self->protection_icon), GTK_WIDGET (self),
                               GTK_WIDGET (self->texts));
    }
  set_shown (self->protection_icon, shown);
}

static void
show_urgent (KhWorkListRow *self,
             gboolean       shown)
{
  if (shown && self->urgent_badge == NULL)
    {
      self->urgent_badge = GTK_LABEL (gtk_label_new (C_("badge", "Urgent")));
      gtk_widget_set_valign (GTK_WIDGET (self->urgent_badge), GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (GTK_WIDGET (self->urgent_badge), "kh-badge");
      gtk_widget_add_css_class (GTK_WIDGET (self->urgent_badge), "error");
      gtk_widget_insert_before (GTK_WIDGET (self->urgent_badge), GTK_WIDGET (self),
                                GTK_WIDGET (self->side_box));
    }
  set_shown (self->urgent_badge, shown);
}

static void
clear_side_styles (KhWorkListRow *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->side_box), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->side_box), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->side_caption), "dim-label");
  gtk_widget_remove_css_class (GTK_WIDGET (self->side_label), "dim-label");
  gtk_widget_remove_css_class (GTK_WIDGET (self->side_label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->title_label), "dim-label");
}

static void
show_loading (KhWorkListRow *self)
{
  set_shown (self->time_label, FALSE);
  set_shown (self->channel_icon, FALSE);
  show_urgent (self, FALSE);
  show_protection (self, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->side_box), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->go_icon), FALSE);
  gtk_label_set_text (self->title_label, _("Loading…"));
  gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "dim-label");
  gtk_inscription_set_text (self->subtitle_label, "");
  kh_lazy_tooltip_set_text (GTK_WIDGET (self), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_text (self->title_label), -1);
}

static void
show_contact (KhWorkListRow *self,
              KhContact     *contact)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *clock = NULL;
  g_autofree char *subtitle = NULL;
  const char *channel = kh_channel_label (contact->channel);
  gboolean has_person = !contact->anonymous && contact->client_id > 0;

  if (contact->received_at != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (contact->received_at);

      clock = g_date_time_format (local, C_("time of day", "%H:%M"));
    }
  show_time (self);
  gtk_label_set_text (self->time_label, clock);
  gtk_image_set_from_icon_name (self->channel_icon, channel_icon_name (contact->channel));
  kh_lazy_tooltip_set_text (GTK_WIDGET (self->channel_icon), channel);

  gtk_label_set_text (self->title_label, has_person && contact->client_name != NULL
                                         ? contact->client_name : C_("contact", "Anonymous"));
  if (channel != NULL)
    g_ptr_array_add (parts, g_strdup (channel));
  /* TTL 14 d §: a client who asked Kela for a meeting must meet the unit
   * within seven working days; the desk sees by when, next to the channel,
   * where it stays visible however narrow the row. */
  if (!contact->entered_in_error)
    {
      char *meeting = kh_deadline_describe_kela_meeting (contact->kela_meeting_deadline);

      if (meeting != NULL)
        g_ptr_array_add (parts, meeting);
    }
  append_language (parts, contact->language, contact->interpreter);
  append_needs (parts, contact->needs);
  subtitle = join_parts (parts);
  gtk_inscription_set_text (self->subtitle_label, subtitle);

  show_urgent (self, contact->urgent);
  /* ATL 38 §: the desk sees that the person's address is protected before
   * it says anything about where they live. */
  show_protection (self, has_person && contact->client_non_disclosure);

  /* The outcome, and for a referral the service the person was directed
   * to (issue 5 2.9). */
  gtk_inscription_set_text (self->side_label, kh_outcome_label (contact->outcome));
  gtk_widget_add_css_class (GTK_WIDGET (self->side_label), "dim-label");
  /* Issue 5, 2.1: a contact entered in error stays in the day's list, shown
   * as such instead of its outcome. */
  if (contact->entered_in_error)
    {
      gtk_inscription_set_text (self->side_label, C_("contact", "Entered in error"));
      gtk_widget_remove_css_class (GTK_WIDGET (self->side_label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->side_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "dim-label");
    }
  gtk_label_set_text (self->side_caption, contact->service_name);
  gtk_widget_add_css_class (GTK_WIDGET (self->side_caption), "dim-label");
  gtk_widget_set_visible (GTK_WIDGET (self->side_caption), contact->service_name != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->side_box), TRUE);

  /* Every row opens its contact (issue 5, 2.1). */
  gtk_widget_set_visible (GTK_WIDGET (self->go_icon), TRUE);
  set_tooltip (self);
}

static void
show_case (KhWorkListRow *self,
           KhCase        *kcase,
           KhCalendar    *calendar,
           gboolean       team_shown)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *subtitle = NULL;
  GDate deadline;

  set_shown (self->time_label, FALSE);
  set_shown (self->channel_icon, FALSE);
  gtk_label_set_text (self->title_label, kcase->client_name ? kcase->client_name : "");

  /* Issue 5, 2.9: in the queue of every team, whose queue the case waits in. */
  if (team_shown && kcase->team_name != NULL)
    /* Translators: in a queue's row: the team whose queue the case waits in */
    g_ptr_array_add (parts, g_strdup_printf (_("Team: %s"), kcase->team_name));
  if (kcase->opened_at != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (kcase->opened_at);
      g_autofree char *date = NULL;
      GDate day;

      g_date_clear (&day, 1);
      g_date_set_dmy (&day, g_date_time_get_day_of_month (local),
                      g_date_time_get_month (local), g_date_time_get_year (local));
      date = kh_date_format (&day);
      /* Translators: %s is the date a case was opened */
      g_ptr_array_add (parts, g_strdup_printf (_("Opened %s"), date));
    }
  /* SHL 45 §: every opened case carries its 3-month deadline. */
  {
    char *implementation = kh_deadline_describe_implementation (kcase->implementation_deadline);

    if (implementation != NULL)
      g_ptr_array_add (parts, implementation);
  }
  append_language (parts, kcase->client_language, FALSE);
  append_needs (parts, kcase->needs);
  subtitle = join_parts (parts);
  gtk_inscription_set_text (self->subtitle_label, subtitle);

  show_urgent (self, kcase->urgent);
  show_protection (self, kcase->client_non_disclosure);
  gtk_widget_set_visible (GTK_WIDGET (self->side_caption), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->side_box), TRUE);

  g_date_clear (&deadline, 1);
  if (kcase->urgent)
    {
      /* SHL 36 § 1: the urgent need is assessed at once, whatever the
       * deadline group; it is first in the queue (45 §: decided without
       * delay). */
      gtk_inscription_set_text (self->side_label, _("Assess at once (SHL 36 §)"));
      gtk_widget_set_visible (GTK_WIDGET (self->side_caption), FALSE);
      gtk_widget_add_css_class (GTK_WIDGET (self->side_box), "error");
    }
  else
    {
      g_autofree char *rule = kh_deadline_describe_assessment_start (kcase->assessment_deadline);
      g_autofree char *start = NULL;

      /* Translators: %s says when the service-need assessment starts, e.g.
       * "by Wed 15.4.2026 (SHL 36 §)" or "without delay (SHL 36 §)" */
      start = g_strdup_printf (_("Assessment %s"), rule);
      gtk_inscription_set_text (self->side_label, start);

      if (kcase->assessment_deadline != NULL && kh_date_from_iso (kcase->assessment_deadline, &deadline))
        {
          g_autofree char *when = NULL;
          GDate today;
          int days;

          g_date_clear (&today, 1);
          g_date_set_time_t (&today, time (NULL));
          /* Working days left, counted once in core (SHL 36 §); calendar
           * days only while the unit's calendar is not loaded yet. */
          days = calendar != NULL
                 ? kh_calendar_count_working_days (calendar, &today, &deadline)
                 : MAX (g_date_days_between (&today, &deadline), -1);
          if (days < 0)
            {
              when = g_strdup (C_("deadline", "Overdue"));
              gtk_widget_add_css_class (GTK_WIDGET (self->side_box), "error");
            }
          else if (days == 0)
            {
              when = g_strdup (C_("deadline", "Today"));
              gtk_widget_add_css_class (GTK_WIDGET (self->side_box), "warning");
            }
          else
            {
              /* Translators: time left until the assessment must start */
              when = g_strdup_printf (ngettext ("in %d working day", "in %d working days", days), days);
              if (days <= 2)
                gtk_widget_add_css_class (GTK_WIDGET (self->side_box), "warning");
              else
                gtk_widget_add_css_class (GTK_WIDGET (self->side_caption), "dim-label");
            }
          gtk_label_set_text (self->side_caption, when);
        }
      else
        {
          gtk_widget_add_css_class (GTK_WIDGET (self->side_label), "dim-label");
          gtk_widget_set_visible (GTK_WIDGET (self->side_caption), FALSE);
        }
    }

  gtk_widget_set_visible (GTK_WIDGET (self->go_icon), kcase->client_id > 0);
  set_tooltip (self);
}

static void
update (KhWorkListRow *self)
{
  GObject *record = self->item != NULL ? kh_work_list_item_get_record (self->item) : NULL;

  clear_side_styles (self);
  if (KH_IS_CONTACT (record))
    show_contact (self, KH_CONTACT (record));
  else if (KH_IS_CASE (record))
    show_case (self, KH_CASE (record), kh_work_list_item_get_calendar (self->item),
               kh_work_list_item_get_team_shown (self->item));
  else
    show_loading (self);
}

static void
record_changed_cb (KhWorkListRow *self)
{
  update (self);
}

static void
kh_work_list_row_dispose (GObject *object)
{
  KhWorkListRow *self = KH_WORK_LIST_ROW (object);
  GtkWidget *child;

  kh_work_list_row_set_item (self, NULL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (kh_work_list_row_parent_class)->dispose (object);
}

static void
kh_work_list_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  KhWorkListRow *self = KH_WORK_LIST_ROW (object);

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
kh_work_list_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  KhWorkListRow *self = KH_WORK_LIST_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      kh_work_list_row_set_item (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_work_list_row_class_init (KhWorkListRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_work_list_row_dispose;
  object_class->get_property = kh_work_list_row_get_property;
  object_class->set_property = kh_work_list_row_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, KH_TYPE_WORK_LIST_ITEM,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kh-work-list-row");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
add_css_classes (GtkWidget  *widget,
                 const char *first,
                 const char *second)
{
  gtk_widget_add_css_class (widget, first);
  if (second != NULL)
    gtk_widget_add_css_class (widget, second);
}

/* The children are made here rather than from a GtkBuilder template:
 * the reception's two lists make some 24 rows before the window's first
 * frame, and parsing the template cost each of them about a million
 * instructions, three quarters of making it.
 *
 *   [time] [channel] [title      ] [protected] [Urgent] [     side] [>]
 *                    [subtitle   ]                      [  caption]
 */
static void
kh_work_list_row_init (KhWorkListRow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkWidget *texts;

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (widget)), 12);
  gtk_widget_add_css_class (widget, "kh-work-list-row");

  texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_valign (texts, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (texts, TRUE);
  self->title_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->title_label, 0);
  gtk_label_set_ellipsize (self->title_label, PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (self->title_label, TRUE);
  gtk_box_append (GTK_BOX (texts), GTK_WIDGET (self->title_label));
  self->subtitle_label = GTK_INSCRIPTION (gtk_inscription_new (NULL));
  gtk_inscription_set_text_overflow (self->subtitle_label, GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  add_css_classes (GTK_WIDGET (self->subtitle_label), "caption", "dim-label");
  gtk_box_append (GTK_BOX (texts), GTK_WIDGET (self->subtitle_label));
  gtk_widget_set_parent (texts, widget);
  self->texts = GTK_BOX (texts);

  self->side_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 2));
  gtk_widget_set_valign (GTK_WIDGET (self->side_box), GTK_ALIGN_CENTER);
  self->side_label = GTK_INSCRIPTION (gtk_inscription_new (NULL));
  gtk_inscription_set_xalign (self->side_label, 1);
  gtk_inscription_set_wrap_mode (self->side_label, PANGO_WRAP_WORD_CHAR);
  gtk_inscription_set_min_lines (self->side_label, 1);
  gtk_inscription_set_nat_lines (self->side_label, 2);
  gtk_inscription_set_text_overflow (self->side_label, GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_min_chars (self->side_label, 20);
  gtk_inscription_set_nat_chars (self->side_label, 34);
  gtk_box_append (self->side_box, GTK_WIDGET (self->side_label));
  self->side_caption = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->side_caption, 1);
  gtk_label_set_ellipsize (self->side_caption, PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (self->side_caption, 36);
  add_css_classes (GTK_WIDGET (self->side_caption), "caption", NULL);
  gtk_box_append (self->side_box, GTK_WIDGET (self->side_caption));
  gtk_widget_set_parent (GTK_WIDGET (self->side_box), widget);

  self->go_icon = GTK_IMAGE (gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_widget_set_parent (GTK_WIDGET (self->go_icon), widget);

  kh_accessible_name_list_item (GTK_WIDGET (self));
  show_loading (self);
}

GtkWidget *
kh_work_list_row_new (void)
{
  return g_object_new (KH_TYPE_WORK_LIST_ROW, NULL);
}

KhWorkListItem *
kh_work_list_row_get_item (KhWorkListRow *self)
{
  g_return_val_if_fail (KH_IS_WORK_LIST_ROW (self), NULL);

  return self->item;
}

void
kh_work_list_row_set_item (KhWorkListRow  *self,
                           KhWorkListItem *item)
{
  g_return_if_fail (KH_IS_WORK_LIST_ROW (self));
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
