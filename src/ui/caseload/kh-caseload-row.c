/* kh-caseload-row.c — one case of the caseload, made in code
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 7, 1: what is overdue or due this week is seen at a glance. The
 * row's first line is the person and a short word for how the case stands
 * (kh_due_status_label: red when urgent or overdue, amber today and this
 * week), the second its next statutory date in words
 * (kh_case_due_describe), the third when it became pending, its team and
 * worker (unless it is the user: not their own name on every row). How the case stands is the core's (kh_case_due). A case of the
 * worker's own has a button for its service-need assessment (Start,
 * Continue or Open Assessment: the page's action caseload.assess with the
 * case's id), when the worker's role works with assessments
 * (kh_caseload_row_set_user). The due date and the details share one
 * label, the details dim and smaller: fewer widgets a row is a faster
 * first frame (issue 7: 5 000 cases open without a pause).
 */
#define G_LOG_DOMAIN "kohtaamo-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kh-assessment.h"
#include "core/kh-calendar.h"
#include "core/kh-caseload.h"
#include "core/kh-records.h"
#include "core/kh-text.h"
#include "kh-caseload-row.h"

struct _KhCaseloadRow
{
  GtkWidget       parent_instance;

  /* owned */
  KhWorkListItem *item;
  gulong          record_id;
  gint64          user;       /* whose desk: their own name is not repeated */
  gboolean        assesses;   /* the user's role works with assessments */

  /* borrowed: children */
  GtkWidget      *name;
  GtkWidget      *status;
  GtkWidget      *lines;     /* the next date, then the details (dim, small) */
  GtkWidget      *assess;    /* made when a case first needs it */
  char           *due_text;
  char           *plan_text; /* the client plan's line, NULL: no plan */
};

G_DEFINE_FINAL_TYPE (KhCaseloadRow, kh_caseload_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_status_class (KhCaseloadRow *self,
                  const char    *css_class)
{
  static const char * const classes[] = { "error", "warning", NULL };

  for (guint i = 0; classes[i] != NULL; i++)
    if (g_strcmp0 (classes[i], css_class) != 0)
      gtk_widget_remove_css_class (self->status, classes[i]);
  if (css_class != NULL)
    gtk_widget_add_css_class (self->status, css_class);
}

static void ensure_assess_button (KhCaseloadRow *self);

/* Issue 9, 5: the client plan's next date, "Client plan review: Mon
 * 15.3.2027", and its actions overdue; NULL without a plan. */
static char *
dup_plan_line (const KhCase *kcase,
               const GDate  *today)
{
  g_autofree char *day = NULL;
  GString *line;
  GDate review;

  if (kcase->plan_review_on == NULL || !kh_date_from_iso (kcase->plan_review_on, &review))
    return NULL;
  day = kh_calendar_format_day (&review);
  line = g_string_new (NULL);
  if (g_date_compare (&review, today) < 0)
    /* Translators: the client plan's review day has passed; %s is the day, "Mon 15.3.2027" */
    g_string_printf (line, _("Client plan review overdue: %s"), day);
  else
    /* Translators: the day the client plan is reviewed, "Mon 15.3.2027" */
    g_string_printf (line, _("Client plan review: %s"), day);
  if (kcase->plan_overdue_actions > 0)
    {
      g_string_append (line, " · ");
      g_string_append_printf (line,
                              /* Translators: how many actions of the client plan are not done by their date */
                              g_dngettext (GETTEXT_PACKAGE, "%d plan action overdue", "%d plan actions overdue",
                                           kcase->plan_overdue_actions),
                              kcase->plan_overdue_actions);
    }
  return g_string_free (line, FALSE);
}

static void
update (KhCaseloadRow *self)
{
  GObject *record = self->item != NULL ? kh_work_list_item_get_record (self->item) : NULL;
  g_autofree char *due_text = NULL;
  g_autofree char *pending = NULL;
  g_autoptr(GString) details = NULL;
  const char *status;
  KhCase *kcase;
  KhCaseDue due;
  GDate today;

  if (!KH_IS_CASE (record))
    {
      gtk_label_set_text (GTK_LABEL (self->name), "");
      gtk_label_set_text (GTK_LABEL (self->status), "");
      gtk_label_set_text (GTK_LABEL (self->lines), "");
      g_clear_pointer (&self->due_text, g_free);
      g_clear_pointer (&self->plan_text, g_free);
      gtk_widget_set_visible (self->status, FALSE);
      if (self->assess != NULL)
        gtk_widget_set_visible (self->assess, FALSE);
      return;
    }
  kcase = KH_CASE (record);
  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  kh_case_due (kcase, kcase->assessment_started, &today, &due);
  status = kh_due_status_label (due.status);
  due_text = kh_case_due_describe (&due);

  gtk_label_set_text (GTK_LABEL (self->name), kcase->client_name);
  gtk_label_set_text (GTK_LABEL (self->status), status != NULL ? status : "");
  gtk_widget_set_visible (self->status, status != NULL);
  set_status_class (self, due.status == KH_DUE_URGENT || due.status == KH_DUE_OVERDUE ? "error"
                          : status != NULL ? "warning" : NULL);

  details = g_string_new (NULL);
  if (kcase->opened_at != NULL)
    {
      GDate day;

      g_date_clear (&day, 1);
      g_date_set_dmy (&day, g_date_time_get_day_of_month (kcase->opened_at),
                      g_date_time_get_month (kcase->opened_at),
                      g_date_time_get_year (kcase->opened_at));
      pending = kh_calendar_format_day (&day);
      /* Translators: when the case became pending (vireille), e.g. "Thu 2.4.2026" */
      g_string_append_printf (details, _("Pending since %s"), pending);
    }
  if (kcase->team_name != NULL)
    g_string_append_printf (details, "%s%s", details->len > 0 ? " · " : "", kcase->team_name);
  /* "My cases" would say the user's own name on every row. */
  if (kcase->assigned_to_name != NULL && (self->user == 0 || kcase->assigned_to != self->user))
    g_string_append_printf (details, "%s%s", details->len > 0 ? " · " : "", kcase->assigned_to_name);
  if (kcase->assessment_started)
    g_string_append_printf (details, "%s%s", details->len > 0 ? " · " : "",
                            _("Assessment started"));
  g_free (self->plan_text);
  self->plan_text = dup_plan_line (kcase, &today);
  {
    const char *plan = self->plan_text;
    g_autofree char *markup = g_markup_printf_escaped ("%s%s%s\n<span size=\"smaller\" alpha=\"55%%\">%s</span>",
                                                       due_text, plan != NULL ? "\n" : "",
                                                       plan != NULL ? plan : "", details->str);

    gtk_label_set_markup (GTK_LABEL (self->lines), markup);
  }
  g_free (self->due_text);
  self->due_text = g_steal_pointer (&due_text);

  /* The assessment of a case of one's own (not of one in the queue). */
  if (self->assesses && self->user != 0 && kcase->status == KH_CASE_ASSIGNED
      && kcase->assigned_to == self->user)
    {
      ensure_assess_button (self);
      gtk_button_set_label (GTK_BUTTON (self->assess), kh_caseload_row_assessment_label (kcase));
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->assess), "x", (gint64) kcase->id);
      gtk_widget_set_visible (self->assess, TRUE);
    }
  else if (self->assess != NULL)
    gtk_widget_set_visible (self->assess, FALSE);
}

static void
record_changed_cb (KhCaseloadRow *self)
{
  update (self);
}

static GtkWidget *
make_label (const char *css_class,
            gboolean    ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (ellipsize)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
kh_caseload_row_dispose (GObject *object)
{
  KhCaseloadRow *self = KH_CASELOAD_ROW (object);
  GtkWidget *child;

  kh_caseload_row_set_item (self, NULL);
  g_clear_pointer (&self->due_text, g_free);
  g_clear_pointer (&self->plan_text, g_free);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (kh_caseload_row_parent_class)->dispose (object);
}

static void
kh_caseload_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, KH_CASELOAD_ROW (object)->item);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_caseload_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_ITEM:
      kh_caseload_row_set_item (KH_CASELOAD_ROW (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_caseload_row_class_init (KhCaseloadRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_caseload_row_dispose;
  object_class->get_property = kh_caseload_row_get_property;
  object_class->set_property = kh_caseload_row_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, KH_TYPE_WORK_LIST_ITEM,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_GRID_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kh-caseload-row");
}

static void
attach (GtkWidget *child,
        GtkWidget *parent,
        int        column,
        int        row)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (parent);
  GtkGridLayoutChild *grid_child;

  gtk_widget_set_parent (child, parent);
  grid_child = GTK_GRID_LAYOUT_CHILD (gtk_layout_manager_get_layout_child (layout, child));
  gtk_grid_layout_child_set_column (grid_child, column);
  gtk_grid_layout_child_set_row (grid_child, row);
}

static void
kh_caseload_row_init (KhCaseloadRow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkGridLayout *layout = GTK_GRID_LAYOUT (gtk_widget_get_layout_manager (widget));

  gtk_grid_layout_set_column_spacing (layout, 12);
  gtk_grid_layout_set_row_spacing (layout, 2);
  gtk_widget_set_margin_start (widget, 12);
  gtk_widget_set_margin_end (widget, 12);
  gtk_widget_set_margin_top (widget, 8);
  gtk_widget_set_margin_bottom (widget, 8);

  self->name = make_label ("heading", TRUE);
  gtk_widget_set_hexpand (self->name, TRUE);
  self->status = make_label ("caption-heading", FALSE);
  gtk_widget_set_halign (self->status, GTK_ALIGN_END);
  gtk_widget_set_valign (self->status, GTK_ALIGN_CENTER);
  /* One label for the two lines below the name: a row's widgets are what
   * its first frame costs (issue 7: 5 000 cases open without a pause). */
  self->lines = make_label (NULL, TRUE);
  attach (self->name, widget, 0, 0);
  attach (self->status, widget, 1, 0);
  attach (self->lines, widget, 0, 1);
  gtk_widget_set_visible (self->status, FALSE);

}

static void
ensure_assess_button (KhCaseloadRow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  if (self->assess != NULL)
    return;
  self->assess = gtk_button_new ();
  gtk_widget_set_halign (self->assess, GTK_ALIGN_END);
  gtk_widget_set_valign (self->assess, GTK_ALIGN_CENTER);
  /* The target first: the action takes a case's id. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->assess), "x", (gint64) 0);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->assess), "caseload.assess");
  attach (self->assess, widget, 1, 1);
}

const char *
kh_caseload_row_assessment_label (KhCase *kcase)
{
  g_return_val_if_fail (KH_IS_CASE (kcase), NULL);

  return kcase->assessment_status == KH_ASSESSMENT_FINISHED ? _("Open Assessment")
         : kcase->assessment_status == KH_ASSESSMENT_DRAFT ? _("Continue Assessment")
         : _("Start Assessment");
}

void
kh_caseload_row_set_user (KhCaseloadRow *self,
                          gint64         user_id,
                          gboolean       assesses)
{
  g_return_if_fail (KH_IS_CASELOAD_ROW (self));

  self->user = user_id;
  self->assesses = assesses;
  update (self);
}

GtkWidget *
kh_caseload_row_get_assessment_button (KhCaseloadRow *self)
{
  g_return_val_if_fail (KH_IS_CASELOAD_ROW (self), NULL);

  return self->assess != NULL && gtk_widget_get_visible (self->assess) ? self->assess : NULL;
}

KhWorkListItem *
kh_caseload_row_get_item (KhCaseloadRow *self)
{
  g_return_val_if_fail (KH_IS_CASELOAD_ROW (self), NULL);

  return self->item;
}

void
kh_caseload_row_set_item (KhCaseloadRow  *self,
                          KhWorkListItem *item)
{
  g_return_if_fail (KH_IS_CASELOAD_ROW (self));
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

const char *
kh_caseload_row_get_status_text (KhCaseloadRow *self)
{
  g_return_val_if_fail (KH_IS_CASELOAD_ROW (self), NULL);

  return gtk_label_get_text (GTK_LABEL (self->status));
}

const char *
kh_caseload_row_get_due_text (KhCaseloadRow *self)
{
  g_return_val_if_fail (KH_IS_CASELOAD_ROW (self), NULL);

  return self->due_text != NULL ? self->due_text : "";
}

/* The client plan's line (its review date, its actions overdue), NULL
 * when the case has no plan. */
const char *
kh_caseload_row_get_plan_text (KhCaseloadRow *self)
{
  g_return_val_if_fail (KH_IS_CASELOAD_ROW (self), NULL);

  return self->plan_text;
}
