/* kh-reception-page.c — the reception view: today's contacts, the queue, the form
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kohtaamo-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kh-text.h"
#include "ui/common/kh-field-message.h"
#include "ui/common/kh-store-property.h"

#include "kh-reception-page.h"

struct _KhReceptionPage
{
  AdwBin parent_instance;

  /* template widgets */
  GtkListBox   *contacts_list;
  AdwPreferencesGroup *contacts_group;
  GtkLabel     *date_label;
  GtkButton    *new_contact_button;
  AdwPreferencesGroup *queue_group;
  GtkListBox   *queue_list;
  GtkStack     *stack;

  /* owned */
  KhStore      *store;
  GCancellable *refresh_cancellable;
  GCancellable *cancellable;
  char         *queue_description;   /* the group's own, from the template */
  guint         refresh_id;          /* an idle that refreshes once */
  guint         reads_left;          /* answers of this refresh still to come */
  GPtrArray    *contacts_left;       /* rows still to add, in order */
  GPtrArray    *cases_left;
  guint         contacts_next;
  guint         contacts_first;      /* rows shown at once in this refresh */
  guint         cases_next;
  guint         fill_id;             /* an idle that adds them */
  GdkFrameClock *painted_clock;      /* waited on for the lists' first frame */
  gulong        painted_id;
  guint         form_id;             /* an idle that makes the form */

  /* borrowed (a child of the stack); made when first needed, or when the
   * lists are shown and nothing else is to be done (see prepare_form) */
  KhIntakeForm *form;

  guint         disposed : 1;   /* an undo may finish after dispose */
  guint         refresh_pending : 1;  /* asked while the lists were not shown */
  guint         read_ahead : 1;       /* read before the first map: it needs none */
};

G_DEFINE_FINAL_TYPE (KhReceptionPage, kh_reception_page, ADW_TYPE_BIN)

enum {
  TOAST,
  OPEN_CLIENT,
  LISTS_SHOWN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A full list is a hundred rows and more, and making and laying out a row
 * costs a few milliseconds: rows enough to fill the view come at once, so
 * that the first frame with the lists is quick, and the rest follow in the
 * idle time between frames, a few at a time. */
#define ROWS_PER_IDLE 16
/* No row of these lists is lower than this (a title and a subtitle)… */
#define ROW_MIN_HEIGHT 50
/* …and the page's title, date and first group title take at least this… */
#define PAGE_TOP_HEIGHT 110
/* …and in a window, its header bar at least this. */
#define HEADER_BAR_HEIGHT 40
/* Before the page has a size: the window's own, or a tall screen. */
#define TALL_SCREEN_HEIGHT 1440

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
    default: return "help-about-symbolic";
    }
}

static char *
dup_needs_summary (guint needs)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  for (guint i = 0; i < KH_N_NEEDS; i++)
    if (needs & (1u << i))
      g_ptr_array_add (labels, (gpointer) kh_need_label (1u << i));
  g_ptr_array_add (labels, NULL);
  return g_strjoinv (", ", (char **) labels->pdata);
}

static void
clear_list (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static GtkWidget *
new_placeholder (const char *icon_name,
                 const char *text,
                 const char *hint)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *image = gtk_image_new_from_icon_name (icon_name);
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_margin_top (box, 30);
  gtk_widget_set_margin_bottom (box, 30);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_image_set_pixel_size (GTK_IMAGE (image), 48);
  gtk_widget_add_css_class (image, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_box_append (GTK_BOX (texts), label);
  if (hint != NULL)
    {
      GtkWidget *hint_label = gtk_label_new (hint);

      gtk_label_set_wrap (GTK_LABEL (hint_label), TRUE);
      gtk_label_set_justify (GTK_LABEL (hint_label), GTK_JUSTIFY_CENTER);
      gtk_widget_add_css_class (hint_label, "dim-label");
      gtk_widget_add_css_class (hint_label, "caption");
      gtk_box_append (GTK_BOX (texts), hint_label);
    }
  return box;
}

/* A row of a work list keeps to one line of title and one of subtitle, with
 * the whole of both in its tooltip: labels that may wrap are measured again
 * and again, and in these lists they made the first frame a tenth slower. */
static void
set_one_line (GtkWidget *row)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
  const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
  g_autofree char *tooltip = NULL;

  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  if (subtitle != NULL && subtitle[0] != '\0')
    tooltip = g_strdup_printf ("%s\n%s", title != NULL ? title : "", subtitle);
  else
    tooltip = g_strdup (title);
  gtk_widget_set_tooltip_text (row, tooltip);
}

static GtkWidget *
new_contact_row (KhContact *contact)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *time_label;
  GtkWidget *icon;
  GtkWidget *outcome;
  g_autofree char *clock = NULL;
  g_autofree char *needs = dup_needs_summary (contact->needs);
  g_autofree char *subtitle = NULL;
  const char *channel = kh_channel_label (contact->channel);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (contact->anonymous || contact->client_name == NULL)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), C_("contact", "Anonymous"));
  else
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), contact->client_name);

  subtitle = needs[0] != '\0'
             ? g_strdup_printf ("%s · %s", channel ? channel : "", needs)
             : g_strdup (channel ? channel : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  set_one_line (row);

  if (contact->received_at != NULL)
    clock = g_date_time_format (contact->received_at, C_("time of day", "%H:%M"));
  time_label = gtk_label_new (clock);
  gtk_label_set_width_chars (GTK_LABEL (time_label), 5);
  gtk_label_set_xalign (GTK_LABEL (time_label), 1.0);
  gtk_widget_add_css_class (time_label, "numeric");
  gtk_widget_add_css_class (time_label, "heading");

  icon = gtk_image_new_from_icon_name (channel_icon_name (contact->channel));
  gtk_widget_set_tooltip_text (icon, channel);
  gtk_widget_add_css_class (icon, "dim-label");

  /* Prefixes are packed from the outside in: the time comes first. */
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), time_label);

  if (contact->urgent)
    {
      GtkWidget *badge = gtk_label_new (C_("badge", "Urgent"));

      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (badge, "kh-badge");
      gtk_widget_add_css_class (badge, "error");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
    }

  /* A column of one width: outcomes line up, and a long one wraps
   * instead of squeezing the person's name. */
  outcome = gtk_label_new (kh_outcome_label (contact->outcome));
  gtk_label_set_wrap (GTK_LABEL (outcome), TRUE);
  gtk_label_set_width_chars (GTK_LABEL (outcome), 18);
  gtk_label_set_max_width_chars (GTK_LABEL (outcome), 18);
  gtk_label_set_xalign (GTK_LABEL (outcome), 1.0);
  gtk_label_set_justify (GTK_LABEL (outcome), GTK_JUSTIFY_RIGHT);
  gtk_widget_add_css_class (outcome, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), outcome);

  /* Anonymous contacts have no person to open. */
  if (!contact->anonymous && contact->client_id > 0)
    {
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data_full (G_OBJECT (row), "kh-client-id",
                              g_memdup2 (&contact->client_id, sizeof (gint64)), g_free);
    }
  else
    gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  return row;
}

/* Working days from today to `deadline`; negative when it has passed. */
static int
count_working_days (KhCalendar  *calendar,
                    const GDate *today,
                    const GDate *deadline)
{
  GDate day = *today;
  int n = 0;

  if (g_date_compare (deadline, today) < 0)
    return -1;
  while (g_date_compare (&day, deadline) < 0)
    {
      g_date_add_days (&day, 1);
      if (calendar == NULL || kh_calendar_is_working_day (calendar, &day))
        n++;
    }
  return n;
}

static GtkWidget *
new_queue_row (KhReceptionPage *self,
               KhCase          *kcase)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *box;
  GtkWidget *date_label;
  GtkWidget *when_label;
  g_autofree char *needs = dup_needs_summary (kcase->needs);
  g_autofree char *opened = NULL;
  g_autofree char *subtitle = NULL;
  GDate deadline;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 kcase->client_name ? kcase->client_name : "");

  if (kcase->opened_at != NULL)
    {
      GDate day;
      g_autofree char *date = NULL;

      g_date_clear (&day, 1);
      g_date_set_dmy (&day, g_date_time_get_day_of_month (kcase->opened_at),
                      g_date_time_get_month (kcase->opened_at),
                      g_date_time_get_year (kcase->opened_at));
      date = kh_date_format (&day);
      /* Translators: %s is the date a case was opened */
      opened = g_strdup_printf (_("Opened %s"), date);
    }
  subtitle = needs[0] != '\0' && opened != NULL
             ? g_strdup_printf ("%s · %s", opened, needs)
             : g_strdup (opened != NULL ? opened : needs);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  set_one_line (row);

  if (kcase->urgent)
    {
      GtkWidget *badge = gtk_label_new (C_("badge", "Urgent"));

      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (badge, "kh-badge");
      gtk_widget_add_css_class (badge, "error");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
    }

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  date_label = gtk_label_new (NULL);
  when_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (date_label), 1.0);
  gtk_label_set_xalign (GTK_LABEL (when_label), 1.0);
  gtk_widget_add_css_class (when_label, "caption");
  gtk_box_append (GTK_BOX (box), date_label);
  gtk_box_append (GTK_BOX (box), when_label);

  g_date_clear (&deadline, 1);
  if (kcase->assessment_deadline != NULL && kh_date_from_iso (kcase->assessment_deadline, &deadline))
    {
      g_autofree char *date = kh_date_format (&deadline);
      g_autofree char *by = NULL;
      g_autofree char *when = NULL;
      GDate today;
      int days;

      g_date_clear (&today, 1);
      g_date_set_time_t (&today, time (NULL));
      days = count_working_days (kh_store_get_calendar (self->store), &today, &deadline);

      /* Translators: %s is the date by which the assessment must start */
      by = g_strdup_printf (_("Start by %s"), date);
      gtk_label_set_text (GTK_LABEL (date_label), by);
      if (days < 0)
        {
          when = g_strdup (C_("deadline", "Overdue"));
          gtk_widget_add_css_class (box, "error");
        }
      else if (days == 0)
        {
          when = g_strdup (C_("deadline", "Today"));
          gtk_widget_add_css_class (box, "warning");
        }
      else
        {
          /* Translators: time left until the assessment must start */
          when = g_strdup_printf (ngettext ("in %d working day", "in %d working days", days), days);
          if (days <= 2)
            gtk_widget_add_css_class (box, "warning");
          else
            gtk_widget_add_css_class (when_label, "dim-label");
        }
      gtk_label_set_text (GTK_LABEL (when_label), when);
    }
  else
    {
      gtk_label_set_text (GTK_LABEL (date_label), _("No statutory deadline"));
      gtk_widget_add_css_class (date_label, "dim-label");
      gtk_widget_set_visible (when_label, FALSE);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);

  if (kcase->client_id > 0)
    {
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data_full (G_OBJECT (row), "kh-client-id",
                              g_memdup2 (&kcase->client_id, sizeof (gint64)), g_free);
    }
  return row;
}

static void
row_activated_cb (GtkListBox      *list,
                  GtkListBoxRow   *row,
                  KhReceptionPage *self)
{
  gint64 *client_id = g_object_get_data (G_OBJECT (row), "kh-client-id");

  if (client_id != NULL && *client_id > 0)
    g_signal_emit (self, signals[OPEN_CLIENT], 0, *client_id);
}

static void
try_again_clicked_cb (GtkButton       *button,
                      KhReceptionPage *self)
{
  kh_reception_page_refresh (self);
}

/* A list that could not be read says so in its place, with a way to try
 * again: an empty list would claim that nobody is there. */
static void
show_list_error (KhReceptionPage *self,
                 GtkListBox      *list,
                 const GError    *error)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Try Again"));

  clear_list (list);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Could not load the list"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), error->message);
  gtk_widget_add_css_class (icon, "warning");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect_object (button, "clicked", G_CALLBACK (try_again_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_name (row, "kh-list-error");
  gtk_list_box_append (list, row);
}


/* Adds up to `n` more of today's contacts; TRUE if some are still to come. */
static gboolean
add_contact_rows (KhReceptionPage *self,
                  guint            n)
{
  if (self->contacts_left == NULL)
    return FALSE;
  for (guint i = 0; i < n && self->contacts_next < self->contacts_left->len; i++)
    gtk_list_box_append (self->contacts_list,
                         new_contact_row (g_ptr_array_index (self->contacts_left, self->contacts_next++)));
  if (self->contacts_next < self->contacts_left->len)
    return TRUE;
  g_clear_pointer (&self->contacts_left, g_ptr_array_unref);
  return FALSE;
}

/* The same for the queue. */
static gboolean
add_case_rows (KhReceptionPage *self,
               guint            n)
{
  if (self->cases_left == NULL)
    return FALSE;
  for (guint i = 0; i < n && self->cases_next < self->cases_left->len; i++)
    gtk_list_box_append (self->queue_list,
                         new_queue_row (self, g_ptr_array_index (self->cases_left, self->cases_next++)));
  if (self->cases_next < self->cases_left->len)
    return TRUE;
  g_clear_pointer (&self->cases_left, g_ptr_array_unref);
  return FALSE;
}

static void ensure_form (KhReceptionPage *self);

/* How many rows can be seen at once, at most. */
static guint
rows_in_view (KhReceptionPage *self)
{
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  int width;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (height <= 0 && GTK_IS_WINDOW (root) && !gtk_window_is_maximized (GTK_WINDOW (root))
      && !gtk_window_is_fullscreen (GTK_WINDOW (root)))
    {
      gtk_window_get_default_size (GTK_WINDOW (root), &width, &height);
      height -= HEADER_BAR_HEIGHT;
    }
  if (height <= 0)
    height = TALL_SCREEN_HEIGHT;

  return (guint) MAX (height - PAGE_TOP_HEIGHT, 0) / ROW_MIN_HEIGHT + 1;
}

static gboolean
form_idle_cb (gpointer user_data)
{
  KhReceptionPage *self = user_data;

  self->form_id = 0;
  ensure_form (self);
  return G_SOURCE_REMOVE;
}

/* The form is the biggest part of the page (a quarter of the window's
 * start-up when it was made with the page): it is made when nothing else
 * waits, so that Ctrl+N still finds it ready. */
static void
prepare_form (KhReceptionPage *self)
{
  if (self->form == NULL && self->form_id == 0)
    self->form_id = g_idle_add_full (G_PRIORITY_LOW, form_idle_cb, self, NULL);
}

static gboolean
fill_idle_cb (gpointer user_data)
{
  KhReceptionPage *self = user_data;
  gboolean more_contacts = add_contact_rows (self, ROWS_PER_IDLE);
  gboolean more_cases = add_case_rows (self, ROWS_PER_IDLE);

  if (more_contacts || more_cases)
    return G_SOURCE_CONTINUE;
  self->fill_id = 0;
  prepare_form (self);
  return G_SOURCE_REMOVE;
}

static void
stop_waiting_for_paint (KhReceptionPage *self)
{
  /* A clock whose surface went away has dropped its handlers already. */
  if (self->painted_clock != NULL && self->painted_id != 0
      && g_signal_handler_is_connected (self->painted_clock, self->painted_id))
    g_signal_handler_disconnect (self->painted_clock, self->painted_id);
  self->painted_id = 0;
  g_clear_object (&self->painted_clock);
}

/* The frame with the first rows is on screen: now the rest. */
static void
lists_painted_cb (GdkFrameClock   *clock,
                  KhReceptionPage *self)
{
  stop_waiting_for_paint (self);
  if (self->contacts_left != NULL || self->cases_left != NULL)
    {
      if (self->fill_id == 0)
        self->fill_id = g_idle_add (fill_idle_cb, self);
    }
  else
    prepare_form (self);
}

/* A page taken off the screen before that frame paints nothing more. */
static void
unmapped_cb (KhReceptionPage *self)
{
  if (self->painted_id != 0)
    lists_painted_cb (NULL, self);
}

/* Rows added before that frame would only make it later. */
static void
fill_after_paint (KhReceptionPage *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (self->painted_id != 0)
    return;
  if (clock == NULL)
    {
      lists_painted_cb (NULL, self);
      return;
    }
  self->painted_clock = g_object_ref (clock);
  self->painted_id = g_signal_connect (clock, "after-paint", G_CALLBACK (lists_painted_cb), self);
}

static void
stop_filling (KhReceptionPage *self)
{
  g_clear_handle_id (&self->fill_id, g_source_remove);
  stop_waiting_for_paint (self);
  g_clear_pointer (&self->contacts_left, g_ptr_array_unref);
  g_clear_pointer (&self->cases_left, g_ptr_array_unref);
}

/* One of the two lists of a refresh has its answer in place. */
static void
list_read_done (KhReceptionPage *self)
{
  if (self->reads_left > 0 && --self->reads_left == 0)
    {
      fill_after_paint (self);
      g_signal_emit (self, signals[LISTS_SHOWN], 0);
    }
}

static void
contacts_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(KhReceptionPage) self = user_data;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GError) error = NULL;
  guint total = 0;

  contacts = kh_store_list_contacts_on_page_finish (KH_STORE (object), result, &total, &error);
  if (self->disposed || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (contacts == NULL)
    {
      adw_preferences_group_set_description (self->contacts_group, NULL);
      show_list_error (self, self->contacts_list, error);
      list_read_done (self);
      return;
    }

  clear_list (self->contacts_list);
  g_clear_pointer (&self->contacts_left, g_ptr_array_unref);
  total = MAX (total, contacts->len);
  if (contacts->len == 0)
    adw_preferences_group_set_description (self->contacts_group, NULL);
  else if (total > contacts->len)
    {
      /* Translators: the first %'u is how many of today's contacts are
       * listed (the latest), the second how many there are in all */
      g_autofree char *count = g_strdup_printf (ngettext ("Showing the %'u latest of %'u contact",
                                                          "Showing the %'u latest of %'u contacts",
                                                          total),
                                                contacts->len, total);

      adw_preferences_group_set_description (self->contacts_group, count);
    }
  else
    {
      /* Translators: how many contacts came in today */
      g_autofree char *count = g_strdup_printf (ngettext ("%u contact", "%u contacts", contacts->len),
                                                contacts->len);

      adw_preferences_group_set_description (self->contacts_group, count);
    }
  self->contacts_left = g_steal_pointer (&contacts);
  self->contacts_next = 0;
  self->contacts_first = MIN (rows_in_view (self), self->contacts_left->len);
  add_contact_rows (self, self->contacts_first);
  list_read_done (self);
}

static void
queue_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(KhReceptionPage) self = user_data;
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GError) error = NULL;
  guint total = 0;

  cases = kh_store_list_queue_page_finish (KH_STORE (object), result, &total, &error);
  if (self->disposed || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (cases == NULL)
    {
      adw_preferences_group_set_description (self->queue_group, self->queue_description);
      show_list_error (self, self->queue_list, error);
      list_read_done (self);
      return;
    }

  clear_list (self->queue_list);
  g_clear_pointer (&self->cases_left, g_ptr_array_unref);
  total = MAX (total, cases->len);
  if (total > cases->len)
    {
      /* Translators: the first %'u is how many cases are listed (those with
       * the nearest deadlines), the second how many wait in all */
      g_autofree char *text = g_strdup_printf (ngettext ("Showing the %'u nearest of %'u waiting",
                                                         "Showing the %'u nearest of %'u waiting",
                                                         total),
                                               cases->len, total);

      adw_preferences_group_set_description (self->queue_group, text);
    }
  else
    adw_preferences_group_set_description (self->queue_group, self->queue_description);
  self->cases_left = g_steal_pointer (&cases);
  self->cases_next = 0;
  /* Below the contacts; one row at least, so that the list never says it
   * is empty while its rows are coming. */
  add_case_rows (self, MAX (rows_in_view (self), self->contacts_first + 1) - self->contacts_first);
  list_read_done (self);
}

static void
update_date_label (KhReceptionPage *self)
{
  /* Our own names, so that the day is in the UI's language even where the
   * system has no Finnish or Swedish locale for LC_TIME. Monday first, as
   * g_date_time_get_day_of_week counts. */
  static const char *weekdays[] = {
    NC_("weekday at the start of a line", "Monday"),
    NC_("weekday at the start of a line", "Tuesday"),
    NC_("weekday at the start of a line", "Wednesday"),
    NC_("weekday at the start of a line", "Thursday"),
    NC_("weekday at the start of a line", "Friday"),
    NC_("weekday at the start of a line", "Saturday"),
    NC_("weekday at the start of a line", "Sunday"),
  };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  const char *weekday = g_dpgettext2 (GETTEXT_PACKAGE, "weekday at the start of a line",
                                      weekdays[g_date_time_get_day_of_week (now) - 1]);
  g_autofree char *date = NULL;
  g_autofree char *text = NULL;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  date = kh_date_format (&today);
  /* Translators: weekday and date, "Monday 2.4.2026" */
  text = g_strdup_printf (C_("today", "%s %s"), weekday, date);
  gtk_label_set_text (self->date_label, text);
}

static void
copy_result_free (gpointer data)
{
  kh_intake_result_free (data);
}

static void
undo_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(KhReceptionPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!kh_store_undo_intake_finish (KH_STORE (object), result, &error) && !self->disposed)
    {
      g_autofree char *message = NULL;
      AdwToast *toast;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* Translators: %s says why */
      message = g_strdup_printf (_("Could not undo: %s"), error->message);
      toast = adw_toast_new (message);
      g_signal_emit (self, signals[TOAST], 0, toast);
      g_object_unref (toast);
    }
  /* A successful undo refreshes through the store's "changed". */
}

static void
undo_clicked_cb (AdwToast        *toast,
                 KhReceptionPage *self)
{
  KhIntakeResult *saved = g_object_get_data (G_OBJECT (toast), "kh-intake-result");

  if (saved == NULL || self->disposed)
    return;
  kh_store_undo_intake_async (self->store, saved, NULL, undo_done_cb, g_object_ref (self));
  /* Undo once only. */
  g_object_set_data (G_OBJECT (toast), "kh-intake-result", NULL);
}

static void
form_saved_cb (KhIntakeForm    *form,
               KhIntakeResult  *result,
               KhReceptionPage *self)
{
  AdwToast *toast = adw_toast_new (_("Contact saved"));

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "kh-intake-result",
                          kh_intake_result_copy (result), copy_result_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), self, 0);

  /* The lists follow through the store's "changed": one refresh. */
  gtk_stack_set_visible_child_name (self->stack, "overview");
  gtk_widget_grab_focus (GTK_WIDGET (self->new_contact_button));
  g_signal_emit (self, signals[TOAST], 0, toast);
  g_object_unref (toast);
}

static void
form_cancelled_cb (KhIntakeForm    *form,
                   KhReceptionPage *self)
{
  gtk_stack_set_visible_child_name (self->stack, "overview");
  gtk_widget_grab_focus (GTK_WIDGET (self->new_contact_button));
}

static void
ensure_form (KhReceptionPage *self)
{
  if (self->form != NULL || self->disposed)
    return;

  g_clear_handle_id (&self->form_id, g_source_remove);
  self->form = KH_INTAKE_FORM (kh_intake_form_new (self->store));
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->form), "form");
  /* The form may outlive the page: a save in flight holds it. */
  g_signal_connect_object (self->form, "saved", G_CALLBACK (form_saved_cb), self, 0);
  g_signal_connect_object (self->form, "cancelled", G_CALLBACK (form_cancelled_cb), self, 0);
}

static void
start_reads (KhReceptionPage *self)
{
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->refresh_pending = FALSE;

  g_cancellable_cancel (self->refresh_cancellable);
  g_clear_object (&self->refresh_cancellable);
  self->refresh_cancellable = g_cancellable_new ();

  update_date_label (self);
  stop_filling (self);
  self->contacts_first = 0;
  self->reads_left = 2;
  kh_store_list_contacts_on_page_async (self->store, NULL, 0, self->refresh_cancellable,
                                        contacts_done_cb, g_object_ref (self));
  kh_store_list_queue_page_async (self->store, 0, self->refresh_cancellable,
                                  queue_done_cb, g_object_ref (self));
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  KhReceptionPage *self = user_data;

  self->refresh_id = 0;
  start_reads (self);
  return G_SOURCE_REMOVE;
}

static void
mapped_cb (KhReceptionPage *self)
{
  /* The lists read just before the window was shown are the day as it is. */
  if (self->read_ahead)
    {
      self->read_ahead = FALSE;
      return;
    }
  kh_reception_page_refresh (self);
}

static void
overview_shown_cb (KhReceptionPage *self)
{
  if (self->refresh_pending)
    kh_reception_page_refresh (self);
}

static void
new_contact_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  kh_reception_page_new_contact (KH_RECEPTION_PAGE (widget));
}

static void
kh_reception_page_constructed (GObject *object)
{
  KhReceptionPage *self = KH_RECEPTION_PAGE (object);

  G_OBJECT_CLASS (kh_reception_page_parent_class)->constructed (object);

  g_return_if_fail (KH_IS_STORE (self->store));

  g_signal_connect_object (self->store, "changed", G_CALLBACK (kh_reception_page_refresh),
                           self, G_CONNECT_SWAPPED);
  kh_reception_page_refresh (self);
}

static void
kh_reception_page_dispose (GObject *object)
{
  KhReceptionPage *self = KH_RECEPTION_PAGE (object);

  self->disposed = TRUE;
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_handle_id (&self->form_id, g_source_remove);
  stop_filling (self);
  g_cancellable_cancel (self->refresh_cancellable);
  g_cancellable_cancel (self->cancellable);

  /* The stack is both AdwBin's child and a template child: let go of it
   * as the bin's child first, so that neither frees it under the other. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KH_TYPE_RECEPTION_PAGE);
  self->form = NULL;

  g_clear_object (&self->refresh_cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->queue_description, g_free);

  G_OBJECT_CLASS (kh_reception_page_parent_class)->dispose (object);
}

static void
kh_reception_page_class_init (KhReceptionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = kh_reception_page_constructed;
  object_class->dispose = kh_reception_page_dispose;
  kh_store_property_install (object_class, G_STRUCT_OFFSET (KhReceptionPage, store));

  signals[TOAST] = g_signal_new ("toast",
                                 G_TYPE_FROM_CLASS (klass),
                                 G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, ADW_TYPE_TOAST);
  signals[OPEN_CLIENT] = g_signal_new ("open-client",
                                       G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[LISTS_SHOWN] = g_signal_new ("lists-shown",
                                       G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/intake/kh-reception-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KhReceptionPage, contacts_group);
  gtk_widget_class_bind_template_child (widget_class, KhReceptionPage, contacts_list);
  gtk_widget_class_bind_template_child (widget_class, KhReceptionPage, date_label);
  gtk_widget_class_bind_template_child (widget_class, KhReceptionPage, new_contact_button);
  gtk_widget_class_bind_template_child (widget_class, KhReceptionPage, queue_group);
  gtk_widget_class_bind_template_child (widget_class, KhReceptionPage, queue_list);
  gtk_widget_class_bind_template_child (widget_class, KhReceptionPage, stack);

  gtk_widget_class_install_action (widget_class, "reception.new-contact", NULL, new_contact_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "reception.new-contact", NULL);

  g_type_ensure (KH_TYPE_INTAKE_FORM);
}

static void
kh_reception_page_init (KhReceptionPage *self)
{
  kh_field_message_ensure_style ();
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();

  gtk_list_box_set_placeholder (self->contacts_list,
                                new_placeholder ("x-office-address-book-symbolic",
                                                 _("No contacts yet today"),
                                                 _("Start one with New Contact or Ctrl+N")));
  gtk_list_box_set_placeholder (self->queue_list,
                                new_placeholder ("checkbox-checked-symbolic",
                                                 _("No cases waiting for a worker"), NULL));
  /* Coming back to the view (or past midnight) shows the day as it is now. */
  g_signal_connect (self, "map", G_CALLBACK (mapped_cb), NULL);
  g_signal_connect (self, "unmap", G_CALLBACK (unmapped_cb), NULL);
  g_signal_connect_swapped (self->stack, "notify::visible-child-name",
                            G_CALLBACK (overview_shown_cb), self);
  self->queue_description = g_strdup (adw_preferences_group_get_description (self->queue_group));
  g_signal_connect (self->contacts_list, "row-activated", G_CALLBACK (row_activated_cb), self);
  g_signal_connect (self->queue_list, "row-activated", G_CALLBACK (row_activated_cb), self);
  update_date_label (self);
}

GtkWidget *
kh_reception_page_new (KhStore *store)
{
  g_return_val_if_fail (KH_IS_STORE (store), NULL);

  return g_object_new (KH_TYPE_RECEPTION_PAGE, "store", store, NULL);
}

void
kh_reception_page_new_contact (KhReceptionPage *self)
{
  g_return_if_fail (KH_IS_RECEPTION_PAGE (self));

  if (self->disposed)
    return;
  ensure_form (self);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "form") != 0)
    kh_intake_form_reset (self->form);
  gtk_stack_set_visible_child_name (self->stack, "form");
  kh_intake_form_focus_start (self->form);
}

void
kh_reception_page_refresh (KhReceptionPage *self)
{
  g_return_if_fail (KH_IS_RECEPTION_PAGE (self));

  if (self->disposed)
    return;
  /* Lists nobody sees are read when they are shown again: every row is a
   * logged read of a person. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self))
      || g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "overview") != 0)
    {
      self->refresh_pending = TRUE;
      return;
    }
  /* A save both returns to the overview and changes the store: coalesce. */
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_idle_cb, self);
}

void
kh_reception_page_read_ahead (KhReceptionPage *self)
{
  g_return_if_fail (KH_IS_RECEPTION_PAGE (self));

  if (self->disposed || gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  self->read_ahead = TRUE;
  start_reads (self);
}

KhIntakeForm *
kh_reception_page_get_form (KhReceptionPage *self)
{
  g_return_val_if_fail (KH_IS_RECEPTION_PAGE (self), NULL);

  ensure_form (self);
  return self->form;
}

gboolean
kh_reception_page_has_unsaved_work (KhReceptionPage *self)
{
  g_return_val_if_fail (KH_IS_RECEPTION_PAGE (self), FALSE);

  return self->form != NULL && kh_intake_form_has_unsaved_work (self->form);
}

void
kh_reception_page_ask_discard (KhReceptionPage   *self,
                               GtkWindow         *parent,
                               KhDiscardCallback  callback,
                               gpointer           user_data)
{
  g_return_if_fail (KH_IS_RECEPTION_PAGE (self));
  g_return_if_fail (callback != NULL);

  if (!kh_reception_page_has_unsaved_work (self))
    {
      callback (TRUE, user_data);
      return;
    }
  /* Show what would be lost before asking about it. */
  gtk_stack_set_visible_child_name (self->stack, "form");
  kh_intake_form_ask_discard (self->form, parent, callback, user_data);
}
