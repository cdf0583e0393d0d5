/* kh-week-page.c — a worker's week of meetings with clients
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 7, 4. Monday to Friday side by side, each day a list of its
 * meetings by time: the hours, the client, how and where, and whether the
 * meeting was moved or cancelled (a cancelled one stays, dimmed, with its
 * reason). A day the office is closed says so. From the keyboard: the
 * arrows move within a day and Left/Right to the next day's meetings,
 * Enter opens a meeting to move or cancel it, Alt+← and Alt+→ go a week
 * back and on, Ctrl+T to this week, Alt+B books a meeting. The page
 * follows the store's "changed", so a meeting booked at another desk (or
 * in the person's page) shows here.
 */
#define G_LOG_DOMAIN "kohtaamo-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kh-appointment.h"
#include "core/kh-calendar.h"
#include "documents/kh-invitation-batch.h"
#include "kh-appointment-dialog.h"
#include "kh-week-page.h"

#define N_DAYS 5

struct _KhWeekPage
{
  GtkWidget     parent_instance;

  /* borrowed: children */
  GtkWidget    *heading;
  GtkWidget    *days_box;
  GtkWidget    *day_titles[N_DAYS];
  GtkWidget    *day_notes[N_DAYS];
  GtkListBox   *day_lists[N_DAYS];
  GtkWidget    *stack;
  GtkWidget    *error;

  /* owned */
  KhStore      *store;
  GCancellable *cancellable;
  GPtrArray    *meetings;        /* KhAppointment of the week shown */
  GDate         monday;
  char         *heading_text;
  GtkWindow    *dialog;          /* weak */
  gboolean      stale;
  gboolean      loading;
  gboolean      reload_again;    /* changed while a read was on its way */
};

G_DEFINE_FINAL_TYPE (KhWeekPage, kh_week_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum {
  TOAST,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void load (KhWeekPage *self);

static void
toast (KhWeekPage *self,
       const char *text)
{
  AdwToast *t = adw_toast_new (text);

  adw_toast_set_timeout (t, 5);
  g_signal_emit (self, signals[TOAST], 0, t);
}

static void
set_monday (KhWeekPage  *self,
            const GDate *day)
{
  self->monday = *day;
  g_date_subtract_days (&self->monday, g_date_get_weekday (day) - G_DATE_MONDAY);
}

/* "Week 10 · 4.–8.3.2030" */
static void
update_heading (KhWeekPage *self)
{
  GDate friday = self->monday;
  g_autofree char *range = NULL;

  g_date_add_days (&friday, N_DAYS - 1);
  if (g_date_get_month (&friday) == g_date_get_month (&self->monday))
    range = g_strdup_printf ("%u.–%u.%u.%u", g_date_get_day (&self->monday), g_date_get_day (&friday),
                             g_date_get_month (&friday), g_date_get_year (&friday));
  else
    range = g_strdup_printf ("%u.%u.–%u.%u.%u", g_date_get_day (&self->monday),
                             g_date_get_month (&self->monday), g_date_get_day (&friday),
                             g_date_get_month (&friday), g_date_get_year (&friday));
  g_free (self->heading_text);
  /* Translators: the ISO week number, then the week's Monday to Friday */
  self->heading_text = g_strdup_printf (_("Week %u · %s"), g_date_get_iso8601_week_of_year (&self->monday),
                                        range);
  gtk_label_set_text (GTK_LABEL (self->heading), self->heading_text);
}

static char *
describe_meeting (const KhAppointment *a)
{
  g_autoptr(GString) text = g_string_new (kh_meeting_kind_label (a->kind));

  if (a->kind == KH_MEETING_IN_PERSON && a->point_name != NULL)
    g_string_append_printf (text, " · %s", a->point_name);
  if (a->interpreter)
    g_string_append_printf (text, " · %s", _("interpreter"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
hours_of (const KhAppointment *a)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (a->starts);
  g_autoptr(GDateTime) ends = g_date_time_add_minutes (local, a->minutes);
  g_autofree char *from = g_date_time_format (local, C_("time of day", "%H:%M"));
  g_autofree char *to = g_date_time_format (ends, C_("time of day", "%H:%M"));

  return g_strdup_printf ("%s–%s", from, to);
}

static GtkWidget *
label (const char *text,
       const char *css_class)
{
  GtkWidget *l = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (l), 0);
  gtk_label_set_wrap (GTK_LABEL (l), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (l), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (l, css_class);
  return l;
}

static GtkWidget *
make_row (const KhAppointment *a)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *hours = hours_of (a);
  g_autofree char *how = describe_meeting (a);
  g_autofree char *status = NULL;
  g_autofree char *accessible = NULL;

  gtk_box_append (GTK_BOX (box), label (hours, "heading"));
  gtk_box_append (GTK_BOX (box), label (a->client_name, NULL));
  gtk_box_append (GTK_BOX (box), label (how, "caption"));
  if (a->status == KH_APPOINTMENT_CANCELLED)
    /* Translators: a cancelled meeting, with the reason */
    status = g_strdup_printf (_("Cancelled: %s"), a->cancel_reason != NULL ? a->cancel_reason : "");
  else if (a->status == KH_APPOINTMENT_MOVED)
    status = g_strdup (kh_appointment_status_label (a->status));
  if (status != NULL)
    gtk_box_append (GTK_BOX (box), label (status, a->status == KH_APPOINTMENT_CANCELLED ? "error" : "accent"));
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 8);
  gtk_widget_set_margin_end (box, 8);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  if (a->status == KH_APPOINTMENT_CANCELLED)
    {
      gtk_widget_add_css_class (box, "dim-label");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
    }
  accessible = g_strdup_printf ("%s, %s, %s%s%s", hours, a->client_name != NULL ? a->client_name : "",
                                how, status != NULL ? ", " : "", status != NULL ? status : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_object_set_data (G_OBJECT (row), "kh-appointment", (gpointer) a);
  return row;
}

static void
clear_list (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static void
show_days (KhWeekPage *self)
{
  KhCalendar *calendar = kh_store_get_calendar (self->store);
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  for (guint d = 0; d < N_DAYS; d++)
    {
      GDate day = self->monday;
      const char *name = NULL;
      g_autofree char *title = NULL;

      g_date_add_days (&day, d);
      /* Translators: a weekday and a date, "Tuesday 5.3." */
      title = g_strdup_printf (_("%s %u.%u."), kh_calendar_weekday_name (&day), g_date_get_day (&day),
                               g_date_get_month (&day));
      gtk_label_set_text (GTK_LABEL (self->day_titles[d]), title);
      if (g_date_compare (&day, &today) == 0)
        gtk_widget_add_css_class (self->day_titles[d], "accent");
      else
        gtk_widget_remove_css_class (self->day_titles[d], "accent");
      if (calendar != NULL && !kh_calendar_is_open_day (calendar, &day))
        {
          g_autofree char *note = NULL;

          if (kh_calendar_is_holiday (calendar, &day, &name) || kh_calendar_is_closed_day (calendar, &day, &name))
            /* Translators: %s is a holiday's or the unit's closed day's name */
            note = g_strdup_printf (_("Office closed: %s"), name);
          else
            note = g_strdup (_("Office closed"));
          gtk_label_set_text (GTK_LABEL (self->day_notes[d]), note);
          gtk_widget_set_visible (self->day_notes[d], TRUE);
        }
      else
        gtk_widget_set_visible (self->day_notes[d], FALSE);
      clear_list (self->day_lists[d]);
    }
  for (guint i = 0; self->meetings != NULL && i < self->meetings->len; i++)
    {
      const KhAppointment *a = g_ptr_array_index (self->meetings, i);
      g_autoptr(GDateTime) local = g_date_time_to_local (a->starts);
      GDate day;
      int index;

      g_date_clear (&day, 1);
      g_date_set_dmy (&day, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                      g_date_time_get_year (local));
      index = g_date_days_between (&self->monday, &day);
      if (index >= 0 && index < N_DAYS)
        gtk_list_box_append (self->day_lists[index], make_row (a));
    }
}

static void
week_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(KhWeekPage) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = kh_store_list_week_finish (KH_STORE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->loading = FALSE;
  if (rows == NULL)
    {
      adw_status_page_set_description (ADW_STATUS_PAGE (self->error), error->message);
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "error");
      return;
    }
  g_clear_pointer (&self->meetings, g_ptr_array_unref);
  self->meetings = rows;
  show_days (self);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "week");
  if (self->reload_again)
    {
      self->reload_again = FALSE;
      load (self);
    }
}

static void
load (KhWeekPage *self)
{
  if (self->loading)
    {
      self->reload_again = TRUE;
      return;
    }
  self->loading = TRUE;
  self->stale = FALSE;
  update_heading (self);
  kh_store_list_week_async (self->store, 0, &self->monday, self->cancellable, week_cb, g_object_ref (self));
}

static void
go_to (KhWeekPage  *self,
       const GDate *day)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->loading = FALSE;
  self->reload_again = FALSE;
  set_monday (self, day);
  load (self);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  KhWeekPage *self = KH_WEEK_PAGE (widget);
  GDate day = self->monday;

  g_date_subtract_days (&day, 7);
  go_to (self, &day);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KhWeekPage *self = KH_WEEK_PAGE (widget);
  GDate day = self->monday;

  g_date_add_days (&day, 7);
  go_to (self, &day);
}

static void
today_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  go_to (KH_WEEK_PAGE (widget), &today);
}

static void
dialog_done_cb (KhWeekPage *self,
                const char *text)
{
  toast (self, text);
}

static void
present_dialog (KhWeekPage          *self,
                KhAppointmentDialog *dialog)
{
  g_signal_connect_object (dialog, "done", G_CALLBACK (dialog_done_cb), self, G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->dialog, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
book_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KhWeekPage *self = KH_WEEK_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GDate today, day;

  /* This week: from tomorrow; another week: its Monday. */
  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  day = self->monday;
  if (g_date_compare (&day, &today) <= 0)
    {
      GDate sunday = self->monday;

      g_date_add_days (&sunday, 6);
      if (g_date_compare (&today, &sunday) <= 0)
        g_date_clear (&day, 1);  /* the dialog's next open day */
    }
  present_dialog (self, kh_appointment_dialog_new_book (self->store, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                         NULL, g_date_valid (&day) ? &day : NULL));
}

/* The meetings of the week shown that are still to come and not
 * cancelled (KhAppointment, borrowed). */
static GPtrArray *
upcoming_meetings (KhWeekPage *self)
{
  GPtrArray *upcoming = g_ptr_array_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  for (guint i = 0; self->meetings != NULL && i < self->meetings->len; i++)
    {
      KhAppointment *a = g_ptr_array_index (self->meetings, i);

      if (!a->cancelled && g_date_time_compare (a->starts, now) > 0)
        g_ptr_array_add (upcoming, a);
    }
  return upcoming;
}

/* Issue 8, 6: the invitation letters of the week's coming meetings as one
 * PDF to print or save. */
static void
invitations_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  KhWeekPage *self = KH_WEEK_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GPtrArray) upcoming = upcoming_meetings (self);
  KhInvitationBatch *batch;

  if (upcoming->len == 0)
    {
      toast (self, _("No meetings to come this week: no invitation letters to make."));
      return;
    }
  batch = kh_invitation_batch_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store, upcoming);
  gtk_window_present (GTK_WINDOW (batch));
}

static void
row_activated_cb (GtkListBox    *list,
                  GtkListBoxRow *row,
                  KhWeekPage    *self)
{
  const KhAppointment *a = g_object_get_data (G_OBJECT (row), "kh-appointment");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (a == NULL || a->status == KH_APPOINTMENT_CANCELLED)
    return;
  present_dialog (self, kh_appointment_dialog_new_move (self->store, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, a));
}

/* Left and Right move to the neighbouring day's meetings, to the row at
 * the same place or the last one; days without meetings are passed. */
static gboolean
day_key_pressed_cb (GtkEventControllerKey *controller,
                    guint                  keyval,
                    guint                  keycode,
                    GdkModifierType        state,
                    KhWeekPage            *self)
{
  GtkWidget *list = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (list));
  int step, from = -1, index = 0;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;
  if (keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left)
    step = -1;
  else if (keyval == GDK_KEY_Right || keyval == GDK_KEY_KP_Right)
    step = 1;
  else
    return FALSE;
  for (int d = 0; d < N_DAYS; d++)
    if (GTK_WIDGET (self->day_lists[d]) == list)
      from = d;
  while (focus != NULL && !GTK_IS_LIST_BOX_ROW (focus))
    focus = gtk_widget_get_parent (focus);
  if (focus != NULL && g_object_get_data (G_OBJECT (focus), "kh-appointment") != NULL)
    index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (focus));
  for (int d = from + step; from >= 0 && d >= 0 && d < N_DAYS; d += step)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->day_lists[d], index);

      for (int i = index; row == NULL && i > 0; i--)
        row = gtk_list_box_get_row_at_index (self->day_lists[d], i - 1);
      if (row != NULL && g_object_get_data (G_OBJECT (row), "kh-appointment") != NULL)
        {
          gtk_widget_grab_focus (GTK_WIDGET (row));
          return TRUE;
        }
    }
  return TRUE;
}

static void
store_changed_cb (KhWeekPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    load (self);
  else
    self->stale = TRUE;
}

static void
kh_week_page_map (GtkWidget *widget)
{
  KhWeekPage *self = KH_WEEK_PAGE (widget);

  GTK_WIDGET_CLASS (kh_week_page_parent_class)->map (widget);
  if (self->stale)
    load (self);
}

static void
kh_week_page_constructed (GObject *object)
{
  KhWeekPage *self = KH_WEEK_PAGE (object);

  G_OBJECT_CLASS (kh_week_page_parent_class)->constructed (object);
  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  update_heading (self);
}

static void
kh_week_page_dispose (GObject *object)
{
  KhWeekPage *self = KH_WEEK_PAGE (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_weak_pointer (&self->dialog);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->meetings, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kh_week_page_parent_class)->dispose (object);
}

static void
kh_week_page_finalize (GObject *object)
{
  g_free (KH_WEEK_PAGE (object)->heading_text);

  G_OBJECT_CLASS (kh_week_page_parent_class)->finalize (object);
}

static void
kh_week_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, KH_WEEK_PAGE (object)->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_week_page_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_STORE:
      KH_WEEK_PAGE (object)->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_week_page_class_init (KhWeekPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = kh_week_page_constructed;
  object_class->dispose = kh_week_page_dispose;
  object_class->finalize = kh_week_page_finalize;
  object_class->get_property = kh_week_page_get_property;
  object_class->set_property = kh_week_page_set_property;
  widget_class->map = kh_week_page_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, KH_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[TOAST] = g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  gtk_widget_class_install_action (widget_class, "week.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "week.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "week.today", NULL, today_action);
  gtk_widget_class_install_action (widget_class, "week.book", NULL, book_action);
  gtk_widget_class_install_action (widget_class, "week.invitations", NULL, invitations_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "week.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "week.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "week.today", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kh-week-page");
}

static GtkWidget *
icon_button (const char *icon,
             const char *action,
             const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  return button;
}

static void
kh_week_page_init (KhWeekPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *nav = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *today = gtk_button_new_with_mnemonic (_("_This Week"));
  GtkWidget *book = gtk_button_new_with_mnemonic (_("_Book a Meeting…"));
  GtkWidget *invitations = gtk_button_new_with_mnemonic (_("_Invitation Letters…"));
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GDate now;

  self->cancellable = g_cancellable_new ();
  g_date_clear (&now, 1);
  g_date_set_time_t (&now, time (NULL));
  set_monday (self, &now);
  self->stale = TRUE;
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (widget)),
                                  GTK_ORIENTATION_VERTICAL);

  gtk_widget_add_css_class (nav, "linked");
  gtk_box_append (GTK_BOX (nav), icon_button ("go-previous-symbolic", "week.previous",
                                              _("Previous Week (Alt+←)")));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (today), "week.today");
  gtk_widget_set_tooltip_text (today, _("Back to this week (Ctrl+T)"));
  gtk_box_append (GTK_BOX (nav), today);
  gtk_box_append (GTK_BOX (nav), icon_button ("go-next-symbolic", "week.next", _("Next Week (Alt+→)")));

  self->heading = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->heading), 0);
  gtk_widget_set_hexpand (self->heading, TRUE);
  gtk_widget_add_css_class (self->heading, "title-3");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->heading), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Week shown"), -1);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (book), "week.book");
  gtk_widget_add_css_class (book, "suggested-action");

  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_top (bar, 12);
  gtk_widget_set_margin_bottom (bar, 6);
  gtk_box_append (GTK_BOX (bar), nav);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (invitations), "week.invitations");
  gtk_widget_set_tooltip_text (invitations, _("The invitation letters of this week’s coming meetings, "
                                              "each in its client’s language, to print or save as one PDF"));
  gtk_box_append (GTK_BOX (bar), self->heading);
  gtk_box_append (GTK_BOX (bar), invitations);
  gtk_box_append (GTK_BOX (bar), book);
  gtk_widget_set_parent (bar, widget);

  self->days_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_set_homogeneous (GTK_BOX (self->days_box), TRUE);
  gtk_widget_set_margin_start (self->days_box, 12);
  gtk_widget_set_margin_end (self->days_box, 12);
  gtk_widget_set_margin_bottom (self->days_box, 12);
  for (guint d = 0; d < N_DAYS; d++)
    {
      GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *empty = gtk_label_new (_("No meetings"));
      GtkEventController *keys = gtk_event_controller_key_new ();

      self->day_titles[d] = label (NULL, "heading");
      self->day_notes[d] = label (NULL, "warning");
      gtk_widget_set_visible (self->day_notes[d], FALSE);
      self->day_lists[d] = GTK_LIST_BOX (gtk_list_box_new ());
      gtk_list_box_set_selection_mode (self->day_lists[d], GTK_SELECTION_NONE);
      gtk_widget_add_css_class (GTK_WIDGET (self->day_lists[d]), "boxed-list");
      gtk_widget_add_css_class (empty, "dim-label");
      gtk_widget_set_margin_top (empty, 12);
      gtk_widget_set_margin_bottom (empty, 12);
      gtk_list_box_set_placeholder (self->day_lists[d], empty);
      g_signal_connect (self->day_lists[d], "row-activated", G_CALLBACK (row_activated_cb), self);
      g_signal_connect (keys, "key-pressed", G_CALLBACK (day_key_pressed_cb), self);
      gtk_widget_add_controller (GTK_WIDGET (self->day_lists[d]), keys);
      gtk_box_append (GTK_BOX (column), self->day_titles[d]);
      gtk_box_append (GTK_BOX (column), self->day_notes[d]);
      gtk_box_append (GTK_BOX (column), GTK_WIDGET (self->day_lists[d]));
      gtk_box_append (GTK_BOX (self->days_box), column);
    }
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->days_box);

  self->error = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->error), "dialog-warning-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (self->error), _("The Week Could Not Be Read"));

  self->stack = gtk_stack_new ();
  gtk_widget_set_vexpand (self->stack, TRUE);
  gtk_stack_add_named (GTK_STACK (self->stack), scroller, "week");
  gtk_stack_add_named (GTK_STACK (self->stack), self->error, "error");
  gtk_widget_set_parent (self->stack, widget);
}

GtkWidget *
kh_week_page_new (KhStore *store)
{
  g_return_val_if_fail (KH_IS_STORE (store), NULL);

  return g_object_new (KH_TYPE_WEEK_PAGE, "store", store, NULL);
}

void
kh_week_page_set_day (KhWeekPage  *self,
                      const GDate *day)
{
  g_return_if_fail (KH_IS_WEEK_PAGE (self));
  g_return_if_fail (day != NULL && g_date_valid (day));

  go_to (self, day);
}

void
kh_week_page_get_monday (KhWeekPage *self,
                         GDate      *out)
{
  g_return_if_fail (KH_IS_WEEK_PAGE (self));

  *out = self->monday;
}

const char *
kh_week_page_get_heading (KhWeekPage *self)
{
  g_return_val_if_fail (KH_IS_WEEK_PAGE (self), NULL);

  return self->heading_text;
}

GPtrArray *
kh_week_page_get_meetings (KhWeekPage *self)
{
  g_return_val_if_fail (KH_IS_WEEK_PAGE (self), NULL);

  return self->meetings;
}

GtkListBox *
kh_week_page_get_day_list (KhWeekPage *self,
                           guint       weekday_index)
{
  g_return_val_if_fail (KH_IS_WEEK_PAGE (self), NULL);
  g_return_val_if_fail (weekday_index < N_DAYS, NULL);

  return self->day_lists[weekday_index];
}

GtkWindow *
kh_week_page_get_dialog (KhWeekPage *self)
{
  g_return_val_if_fail (KH_IS_WEEK_PAGE (self), NULL);

  return self->dialog;
}

gboolean
kh_week_page_is_loading (KhWeekPage *self)
{
  g_return_val_if_fail (KH_IS_WEEK_PAGE (self), FALSE);

  return self->loading || self->stale;
}
