/* kh-person-page.c — a person's basic page: details and contacts so far
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every read goes through the store, which writes the access-log row in the
 * same transaction: opening the page (KH_ACCESS_PAGE), listing the contacts,
 * showing the whole identity code (each time it is shown) and opening the
 * details for editing.
 */

#define G_LOG_DOMAIN "kohtaamo-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kh-deadlines.h"
#include "core/kh-text.h"
#include "ui/common/kh-field-message.h"
#include "ui/common/kh-text-row.h"
#include "ui/intake/kh-contact-window.h"
#include "ui/assessment/kh-assessment-window.h"
#include "ui/plans/kh-plan-window.h"
#include "ui/documents/kh-commitment-window.h"
#include "ui/documents/kh-decision-window.h"
#include "ui/appointments/kh-appointment-dialog.h"
#include "core/kh-caseload.h"
#include "kh-access-log-page.h"
#include "kh-person-editor.h"
#include "kh-person-page.h"
#include "kh-person-timeline.h"
#include "kh-responsible-worker-dialog.h"
#include "ui/common/kh-accessible.h"
#include "ui/network/kh-network-window.h"

struct _KhPersonPage
{
  GtkWidget          parent_instance;

  /* template widgets */
  KhTextRow         *address_row;
  GtkButton         *back_button;
  KhTextRow         *birth_date_row;
  GtkWidget         *book_button;
  GtkWidget         *decision_button;
  GtkListBox        *cases_list;
  KhTextRow         *code_row;
  GtkWidget         *contacts_group;
  GtkListBox        *contacts_list;
  AdwPreferencesPage *details_page;
  KhTextRow         *email_row;
  AdwStatusPage     *error_page;
  KhTextRow         *interpreter_row;
  GtkLabel          *language_summary_label;
  KhTextRow         *language_row;
  AdwPreferencesGroup *log_group;
  GtkWidget         *meetings_group;
  GtkWidget         *network_group;
  GtkListBox        *meetings_list;
  KhTextRow         *mother_tongue_row;
  GtkLabel          *name_label;
  KhTextRow         *no_code_row;
  KhTextRow         *phone_row;
  GtkWidget         *protection_badge;
  KhTextRow         *representative_row;
  GtkLabel          *responsible_label;
  KhTextRow         *named_worker_row;
  GtkWidget         *name_worker_button;
  GtkToggleButton   *show_address_button;
  GtkToggleButton   *show_code_button;
  GtkStack          *stack;
  GtkWidget         *timeline_pane;

  /* borrowed */
  KhPersonTimeline  *timeline;          /* in timeline_pane; NULL for those who do not read it */

  /* owned */
  KhStore           *store;
  KhClient          *client;
  GCancellable      *cancellable;       /* the page's reads; cancelled by the next load */
  GCancellable      *code_cancellable;
  GCancellable      *address_cancellable;
  KhClient          *address_client;    /* the person with the protected address, once shown */
  GPtrArray         *cases;             /* of KhCase, as last listed; NULL until then */

  gint64             client_id;
  gboolean           scroll_to_top;     /* a new opening: the page starts at the name */
  gulong             client_changed_id; /* on the store */
  guint              reload_id;         /* an idle that reads the person again */
  guint              waiting;           /* answers still to come before the details show */
  guint              reveal_id;         /* a timeout that shows them all the same */
  gboolean           stale;             /* changed elsewhere while not on screen */
  gboolean           case_rows_pending; /* self->cases came, their rows not made yet */
  GdkFrameClock     *rows_clock;        /* whose first frame decides when they are made */
  gulong             rows_layout_id;
  gulong             rows_paint_id;
};

G_DEFINE_FINAL_TYPE (KhPersonPage, kh_person_page, GTK_TYPE_WIDGET)

enum {
  SIGNAL_TOAST,
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_value (KhTextRow    *row,
           const char   *value)
{
  if (value != NULL && *value != '\0')
    {
      kh_text_row_set_subtitle (row, value);
      gtk_widget_remove_css_class (GTK_WIDGET (row), "kh-empty");
    }
  else
    {
      /* Translators: a detail of a person that nobody has recorded */
      kh_text_row_set_subtitle (row, _("Not recorded"));
      gtk_widget_add_css_class (GTK_WIDGET (row), "kh-empty");
    }
}

/* On what basis this user reads a person's data: reception receives
 * contacts (and the store records its reads so whatever is passed);
 * everyone else reads in the course of the client relationship. Said here
 * too, so that what the page asks for is what it means. */
static KhAccessBasis
read_basis (KhPersonPage *self)
{
  KhUser *user = kh_store_get_user (self->store);

  if (user != NULL && user->role == KH_ROLE_RECEPTION)
    return KH_BASIS_INTAKE;

  return KH_BASIS_CLIENT_RELATIONSHIP;
}

static void
emit_toast (KhPersonPage *self,
            const char   *title)
{
  g_autoptr(AdwToast) toast = adw_toast_new (title);

  g_signal_emit (self, signals[SIGNAL_TOAST], 0, toast);
}

static void scroll_to_top (KhPersonPage *self);
static gboolean works_cases (KhPersonPage *self);
static void make_case_rows_soon (KhPersonPage *self);

/* Issue 7: a new opening is laid out once, with its answers in, not again
 * as each comes. The details show when the cases, the meetings (for those
 * who book them) and the timeline (or the contacts) have come too, or
 * after REVEAL_WAIT_MS, whichever is first; until then the spinner stays.
 * The same person read again in place changes as each answer comes. */
#ifndef REVEAL_WAIT_MS   /* a profiling build under valgrind raises it */
#define REVEAL_WAIT_MS 200
#endif

static void
reveal (KhPersonPage *self)
{
  self->waiting = 0;
  g_clear_handle_id (&self->reveal_id, g_source_remove);
  if (self->client == NULL)
    return;
  gtk_stack_set_visible_child_name (self->stack, "details");
  if (self->scroll_to_top)
    scroll_to_top (self);
  self->scroll_to_top = FALSE;
  make_case_rows_soon (self);
}

static gboolean
reveal_timeout_cb (gpointer user_data)
{
  KhPersonPage *self = user_data;

  self->reveal_id = 0;
  reveal (self);
  return G_SOURCE_REMOVE;
}

static void
answer_came (KhPersonPage *self)
{
  if (self->waiting > 0 && --self->waiting == 0)
    reveal (self);
}

static char *
format_iso_date (const char *iso)
{
  GDate date;

  if (iso == NULL || !kh_date_from_iso (iso, &date))
    return NULL;

  return kh_date_format (&date);
}

static char *
dup_needs_text (guint needs)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  guint i;

  for (i = 0; i < KH_N_NEEDS; i++)
    if (needs & (1u << i))
      g_ptr_array_add (labels, (gpointer) kh_need_label (1u << i));
  g_ptr_array_add (labels, NULL);

  return g_strjoinv (", ", (char **) labels->pdata);
}

static GtkWidget *
create_contact_row (KhContact *contact)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *when = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row;

  if (contact->received_at != NULL)
    /* Translators: date and time of a contact, a strftime format: "2.4.2026 10.15" in fi */
    when = g_date_time_format (contact->received_at, _("%-d.%-m.%Y %H:%M"));
  title = g_strdup_printf ("%s · %s", when ? when : "", kh_channel_label (contact->channel));

  g_ptr_array_add (parts, g_strdup (kh_outcome_label (contact->outcome)));
  if (contact->service_name != NULL)
    g_ptr_array_add (parts, g_strdup (contact->service_name));
  if (contact->needs != 0)
    g_ptr_array_add (parts, dup_needs_text (contact->needs));
  if (contact->created_by_name != NULL)
    /* Translators: who at reception received a contact */
    g_ptr_array_add (parts, g_strdup_printf (_("received by %s"), contact->created_by_name));
  g_ptr_array_add (parts, NULL);
  subtitle = g_strjoinv (" · ", (char **) parts->pdata);

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  if (contact->entered_in_error)
    {
      /* Translators: a contact marked entered in error (issue 5, 2.1) */
      GtkWidget *badge = gtk_label_new (C_("contact", "Entered in error"));

      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (badge, "kh-badge");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
      gtk_widget_add_css_class (row, "dim-label");
    }
  /* Opens the contact, its history and corrections (issue 5, 2.1). */
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  if (contact->urgent)
    {
      /* Translators: a contact where an urgent need (SHL 36 §) was found */
      GtkWidget *badge = gtk_label_new (_("Urgent"));

      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (badge, "kh-badge");
      gtk_widget_add_css_class (badge, "error");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
    }

  return row;
}

static void cases_loaded_cb (GObject *object, GAsyncResult *result, gpointer user_data);
static void load_meetings (KhPersonPage *self, gint64 client_id);

/* The assessment's window closed: the case's button says where it is now. */
static void
assessment_window_destroyed_cb (KhPersonPage *self)
{
  if (self->client == NULL || self->store == NULL)
    return;
  kh_store_list_client_cases_async (self->store, self->client->id, self->cancellable,
                                    cases_loaded_cb, g_object_ref (self));
  /* A draft saved or a version finished is an entry of the timeline. */
  if (self->timeline != NULL)
    {
      g_autofree char *name = kh_client_dup_display_name (self->client);

      kh_person_timeline_load (self->timeline, self->client->id, name);
    }
}

/* Issue 7, 3: the case's service-need assessment, started, continued or
 * opened in its own window. */
static void
assessment_clicked_cb (GtkButton    *button,
                       KhPersonPage *self)
{
  gint64 case_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "kh-case-id"));
  GtkWindow *window;

  window = kh_assessment_window_present (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                         self->store, case_id);
  if (self->client != NULL)
    {
      g_autofree char *name = kh_client_dup_display_name (self->client);

      kh_assessment_window_set_client_name (KH_ASSESSMENT_WINDOW (window), name);
    }
  g_signal_handlers_disconnect_by_func (window, assessment_window_destroyed_cb, self);
  g_signal_connect_object (window, "destroy", G_CALLBACK (assessment_window_destroyed_cb), self,
                           G_CONNECT_SWAPPED);
}

/* The plan window saved a version or sent the plan: the case's button and
 * the timeline say so. */
static void
plan_saved_cb (KhPersonPage *self)
{
  assessment_window_destroyed_cb (self);
}

static void
plan_clicked_cb (GtkButton    *button,
                 KhPersonPage *self)
{
  gint64 case_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "kh-case-id"));
  g_autofree char *name = self->client != NULL ? kh_client_dup_display_name (self->client) : NULL;
  GtkWindow *window;

  if (self->client == NULL)
    return;
  window = kh_plan_window_present (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->store,
                                   self->client->id, case_id, name);
  g_signal_connect_object (window, "saved", G_CALLBACK (plan_saved_cb), self, G_CONNECT_SWAPPED);
}

/* "Make a Client Plan…", or "Client Plan…" once the case has one. */
static GtkWidget *
plan_button (KhPersonPage *self,
             KhCase       *kcase)
{
  GtkWidget *button = gtk_button_new_with_label (kcase->plan_review_on != NULL ? _("Client Plan…")
                                                 : _("Make a Client Plan…"));

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "kh-plan-button");
  g_object_set_data (G_OBJECT (button), "kh-case-id", GSIZE_TO_POINTER (kcase->id));
  g_signal_connect_object (button, "clicked", G_CALLBACK (plan_clicked_cb), self, 0);
  return button;
}

/* Issue 5, 2.3: a case with its status, its deadlines, its worker, and who
 * made the contact that opened it and with what consent (SHL 35 §). */
static GtkWidget *
create_case_row (KhPersonPage *self,
                 KhCase       *kcase)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *opened = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *start = kh_deadline_describe_assessment_start (kcase->assessment_deadline);
  g_autofree char *implementation = kh_deadline_describe_implementation (kcase->implementation_deadline);
  g_autofree char *who = NULL;
  GtkWidget *row;

  if (kcase->opened_at != NULL)
    /* Translators: the day a case became pending, a strftime format: "2.4.2026" in fi */
    opened = g_date_time_format (kcase->opened_at, _("%-d.%-m.%Y"));
  /* Translators: a case on a person's page: when it became pending, then its status */
  title = g_strdup_printf (_("Pending since %s · %s"), opened != NULL ? opened : "",
                           kh_case_status_label (kcase->status));

  /* Translators: %s is "by Wed 15.4.2026 (SHL 36 §)" or "without delay (SHL 36 §)" */
  g_ptr_array_add (lines, g_strdup_printf (_("Assessment starts %s"), start));
  if (implementation != NULL)
    /* Translators: %s is "implemented by Thu 2.7.2026 (SHL 45 §)" */
    g_ptr_array_add (lines, g_strdup_printf (_("Decisions: %s"), implementation));
  if (kcase->assigned_to_name != NULL)
    /* Translators: the social worker a case is assigned to */
    g_ptr_array_add (lines, g_strdup_printf (_("Worker: %s"), kcase->assigned_to_name));
  else if (kcase->status == KH_CASE_QUEUED)
    g_ptr_array_add (lines, kcase->team_name != NULL
                            /* Translators: %s is the name of the team whose queue the case waits in */
                            ? g_strdup_printf (_("Worker: none yet (in the team’s queue: %s)"),
                                               kcase->team_name)
                            : g_strdup (_("Worker: none yet (in the team’s queue)")));

  if (kcase->contactor != 0)
    {
      const char *contactor = kh_contactor_label (kcase->contactor);

      who = kcase->contactor_detail != NULL
            /* Translators: who made a contact, then which one: "An authority, the police" */
            ? g_strdup_printf (_("%s, %s"), contactor, kcase->contactor_detail)
            : g_strdup (contactor);
      if (kcase->referral == KH_REFERRAL_DIRECTED && kcase->directed_by != NULL)
        {
          /* SHL 35 § 1 p: the person came, directed by an authority. */
          /* Translators: %s is the authority that directed the person to apply ("Kela") */
          g_autofree char *referral = g_strdup_printf (_("directed to apply by %s"), kcase->directed_by);
          g_autofree char *with = g_strdup_printf ("%s · %s", who, referral);

          g_free (who);
          who = g_steal_pointer (&with);
        }
      else if (kcase->referral != KH_REFERRAL_NONE)
        {
          g_autofree char *with = g_strdup_printf ("%s · %s", who, kh_referral_label (kcase->referral));

          g_free (who);
          who = g_steal_pointer (&with);
        }
      /* Translators: who made the contact that opened the case, and on what basis */
      g_ptr_array_add (lines, g_strdup_printf (_("Contact made by: %s"), who));
    }
  g_ptr_array_add (lines, NULL);
  subtitle = g_strjoinv ("\n", (char **) lines->pdata);

  /* Not an AdwActionRow: its lines would be laid out dozens of times over
   * for the page's first frame (kh-text-row.c). */
  row = kh_text_row_new (title, subtitle);
  gtk_widget_add_css_class (row, "kh-case-row");

  if (kcase->urgent)
    {
      /* Translators: a case where an urgent need (SHL 36 §) was found */
      GtkWidget *badge = gtk_label_new (_("Urgent"));

      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (badge, "kh-badge");
      gtk_widget_add_css_class (badge, "error");
      kh_text_row_add_suffix (KH_TEXT_ROW (row), badge);
    }

  /* Reception does not work with assessments (the store refuses as well). */
  if (kh_assessment_window_may_open (self->store))
    {
      const char *label = kcase->assessment_status == KH_ASSESSMENT_FINISHED ? _("Open Assessment")
                          : kcase->assessment_status == KH_ASSESSMENT_DRAFT ? _("Continue Assessment")
                          : _("Start Assessment");
      GtkWidget *button = gtk_button_new_with_label (label);

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "kh-assessment-button");
      g_object_set_data (G_OBJECT (button), "kh-case-id", GSIZE_TO_POINTER (kcase->id));
      g_signal_connect_object (button, "clicked", G_CALLBACK (assessment_clicked_cb), self, 0);
      kh_text_row_add_suffix (KH_TEXT_ROW (row), button);
      /* Issue 9, 3: the client plan is made from the finished assessment. */
      if (kcase->assessment_status == KH_ASSESSMENT_FINISHED)
        kh_text_row_add_suffix (KH_TEXT_ROW (row), plan_button (self, kcase));
    }
  return row;
}

/* Appends `text` to `strings` unless it is there already. */
static void
add_once (GPtrArray  *strings,
          const char *text)
{
  for (guint i = 0; i < strings->len; i++)
    if (g_strcmp0 (g_ptr_array_index (strings, i), text) == 0)
      return;
  g_ptr_array_add (strings, (gpointer) text);
}

/* Issue 7, 2: who works with the person, at a glance under the name:
 * who holds the person's open cases, under its own name (the named
 * responsible worker of 42 § is show_named_worker's row below it). */
static void
show_responsible (KhPersonPage *self,
                  GPtrArray    *cases)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GPtrArray) teams = g_ptr_array_new ();
  g_autofree char *joined = NULL;
  g_autofree char *text = NULL;
  gboolean open = FALSE;
  gboolean has_names;

  for (guint i = 0; cases != NULL && i < cases->len; i++)
    {
      KhCase *c = g_ptr_array_index (cases, i);

      if (c->status == KH_CASE_CLOSED)
        continue;
      open = TRUE;
      /* The teams are named only while no open case has a worker. */
      if (c->assigned_to_name == NULL && c->team_name != NULL)
        add_once (teams, c->team_name);
      if (c->assigned_to_name != NULL)
        add_once (names, c->assigned_to_name);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->responsible_label), open);
  if (!open)
    return;
  has_names = names->len > 0;
  if (!has_names)
    g_ptr_array_extend_and_steal (names, g_steal_pointer (&teams));
  g_ptr_array_add (names, NULL);
  joined = g_strjoinv (", ", (char **) names->pdata);
  text = has_names
         /* Translators: under a person's name: who holds their open cases. Not
          * the named responsible worker of SHL 42 § (omatyöntekijä), which is
          * the line above it: do not translate as such. */
         ? g_strdup_printf (_("Open cases held by %s"), joined)
         : names->len > 1
         /* Translators: under a person's name: the queues their open cases wait in */
         ? g_strdup_printf (ngettext ("Open case not yet taken (in the team’s queue: %s)",
                                      "Open cases not yet taken (in the teams’ queues: %s)",
                                      names->len - 1), joined)
         /* Translators: under a person's name: their open case waits in the team's queue */
         : g_strdup (_("Open case not yet taken (in the team’s queue)"));
  gtk_label_set_text (self->responsible_label, text);
}

/* How many of a person's cases the page lists before "Show All". */
#define CASES_SHOWN 5

static void
case_row_activated_cb (GtkListBox    *list,
                       GtkListBoxRow *row,
                       KhPersonPage  *self)
{
  GPtrArray *cases = g_object_get_data (G_OBJECT (row), "kh-cases");
  GtkWidget *focus = NULL;

  /* Only "Show All N Cases" carries them. */
  if (cases == NULL)
    return;
  g_ptr_array_ref (cases);
  for (guint i = CASES_SHOWN; i < cases->len; i++)
    {
      GtkWidget *case_row = create_case_row (self, g_ptr_array_index (cases, i));

      gtk_list_box_append (self->cases_list, case_row);
      if (focus == NULL)
        focus = case_row;
    }
  g_ptr_array_unref (cases);
  gtk_list_box_remove (self->cases_list, GTK_WIDGET (row));
  if (focus != NULL)
    gtk_widget_grab_focus (focus);
}

static GtkWidget *create_case_row (KhPersonPage *self, KhCase *kcase);

static void
clear_cases (KhPersonPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->cases_list))) != NULL)
    gtk_list_box_remove (self->cases_list, child);
}

/* The case rows of self->cases. */
static void
make_case_rows (KhPersonPage *self)
{
  GPtrArray *cases = self->cases;
  GtkWidget *row;

  self->case_rows_pending = FALSE;
  clear_cases (self);
  if (cases == NULL)
    return;
  /* The newest first; a person with many cases gets the rest on request
   * (each row is a few lines that wrap, and the page's first frame lays
   * them all out; the timeline has every case anyway). */
  for (guint i = 0; i < MIN (cases->len, CASES_SHOWN); i++)
    gtk_list_box_append (self->cases_list, create_case_row (self, g_ptr_array_index (cases, i)));
  if (cases->len > CASES_SHOWN)
    {
      g_autofree char *title = g_strdup_printf (ngettext ("Show All %u Cases", "Show All %u Cases", cases->len),
                                                cases->len);

      row = kh_text_row_new (title, NULL);
      kh_text_row_add_suffix (KH_TEXT_ROW (row), gtk_image_new_from_icon_name ("go-down-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_add_css_class (row, "kh-more-cases-row");
      g_object_set_data_full (G_OBJECT (row), "kh-cases", g_ptr_array_ref (cases),
                              (GDestroyNotify) g_ptr_array_unref);
      gtk_list_box_append (self->cases_list, row);
    }
}

static void
stop_waiting_for_rows (KhPersonPage *self)
{
  /* A window destroyed before its frame took its clock's handlers along. */
  if (self->rows_clock != NULL && self->rows_layout_id != 0
      && g_signal_handler_is_connected (self->rows_clock, self->rows_layout_id))
    g_signal_handler_disconnect (self->rows_clock, self->rows_layout_id);
  if (self->rows_clock != NULL && self->rows_paint_id != 0
      && g_signal_handler_is_connected (self->rows_clock, self->rows_paint_id))
    g_signal_handler_disconnect (self->rows_clock, self->rows_paint_id);
  self->rows_layout_id = 0;
  self->rows_paint_id = 0;
  g_clear_object (&self->rows_clock);
}

static void
rows_painted_cb (GdkFrameClock *clock,
                 KhPersonPage  *self)
{
  stop_waiting_for_rows (self);
  if (self->case_rows_pending)
    make_case_rows (self);
}

/* The page's first frame with its details is laid out (GTK's own layout
 * runs first): if the list of cases is on screen, its rows are made now
 * and laid out in this same frame (the frame clock lays out again before
 * it paints); below the fold, once the frame is painted. */
static void
rows_laid_out_cb (GdkFrameClock *clock,
                  KhPersonPage  *self)
{
  graphene_rect_t bounds;

  g_signal_handler_disconnect (clock, self->rows_layout_id);
  self->rows_layout_id = 0;
  if (!self->case_rows_pending)
    {
      stop_waiting_for_rows (self);
      return;
    }
  if (!gtk_widget_get_mapped (GTK_WIDGET (self->cases_list))
      || !gtk_widget_compute_bounds (GTK_WIDGET (self->cases_list), GTK_WIDGET (self->details_page), &bounds)
      || bounds.origin.y < gtk_widget_get_height (GTK_WIDGET (self->details_page)))
    {
      stop_waiting_for_rows (self);
      make_case_rows (self);
      return;
    }
  self->rows_paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (rows_painted_cb), self);
}

/* Issue 7: the person's case rows (a few wrapping lines each, the most
 * costly text of the page to lay out) are made for the first frame only
 * when that frame shows them: a new opening of a page whose cases are
 * below the fold gets them a frame later, where nobody sees them come.
 * At once when the page is in no window. */
static void
make_case_rows_soon (KhPersonPage *self)
{
  GdkFrameClock *clock;

  if (!self->case_rows_pending || self->rows_clock != NULL)
    return;
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (clock == NULL)
    {
      make_case_rows (self);
      return;
    }
  self->rows_clock = g_object_ref (clock);
  self->rows_layout_id = g_signal_connect (clock, "layout", G_CALLBACK (rows_laid_out_cb), self);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_LAYOUT);
}

static void
show_cases (KhPersonPage *self,
            GPtrArray    *cases,
            GError       *error)
{
  GtkWidget *row;

  stop_waiting_for_rows (self);
  self->case_rows_pending = FALSE;
  clear_cases (self);
  show_responsible (self, cases);
  if (self->timeline != NULL)
    kh_person_timeline_set_cases (self->timeline, cases);

  if (cases == NULL)
    {
      row = kh_text_row_new (_("The cases could not be listed"), error->message);
      gtk_list_box_append (self->cases_list, row);
      return;
    }

  if (cases->len == 0)
    {
      row = kh_text_row_new (_("No cases"), NULL);
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->cases_list, row);
      return;
    }

  /* A new opening, before its details show: the rows when its first
   * frame says where they are (make_case_rows_soon). */
  self->case_rows_pending = TRUE;
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "details") == 0)
    make_case_rows (self);
}

/* The person's cases (or why not) came, alone or with the page. */
static void
cases_came (KhPersonPage *self,
            GPtrArray    *cases,
            GError       *error)
{
  if (cases != NULL)
    {
      g_clear_pointer (&self->cases, g_ptr_array_unref);
      self->cases = g_ptr_array_ref (cases);
    }
  show_cases (self, cases, error);
  answer_came (self);
}

static void
cases_loaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(KhPersonPage) self = user_data;
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GError) error = NULL;

  cases = kh_store_list_client_cases_finish (KH_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  cases_came (self, cases, error);
}

static void
clear_contacts (KhPersonPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->contacts_list))) != NULL)
    gtk_list_box_remove (self->contacts_list, child);
}

static void contacts_loaded_cb (GObject *object, GAsyncResult *result, gpointer user_data);

/* A correction or a marking may have changed the contacts and closed a case. */
static void
contact_window_closed_cb (KhPersonPage *self)
{
  if (self->client == NULL)
    return;
  kh_store_list_client_cases_async (self->store, self->client->id, self->cancellable,
                                    cases_loaded_cb, g_object_ref (self));
  kh_store_list_client_contacts_async (self->store, self->client->id, self->cancellable,
                                       contacts_loaded_cb, g_object_ref (self));
}

static void
contact_row_activated_cb (AdwActionRow *row,
                          KhPersonPage *self)
{
  gint64 *contact_id = g_object_get_data (G_OBJECT (row), "kh-contact-id");
  GtkWidget *window;

  if (contact_id == NULL)
    return;
  window = kh_contact_window_new (self->store, *contact_id,
                                  GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  kh_contact_window_set_person_shown (KH_CONTACT_WINDOW (window), FALSE);
  g_signal_connect_object (window, "destroy", G_CALLBACK (contact_window_closed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

static void
show_contacts (KhPersonPage *self,
               GPtrArray    *contacts,
               GError       *error)
{
  GtkWidget *row;
  guint i;

  clear_contacts (self);

  if (contacts == NULL)
    {
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("The contacts could not be listed"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), error->message);
      gtk_list_box_append (self->contacts_list, row);
      return;
    }

  if (contacts->len == 0)
    {
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No contacts recorded yet"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->contacts_list, row);
      return;
    }

  for (i = 0; i < contacts->len; i++)
    {
      KhContact *contact = g_ptr_array_index (contacts, i);

      row = create_contact_row (contact);
      g_object_set_data_full (G_OBJECT (row), "kh-contact-id",
                              g_memdup2 (&contact->id, sizeof contact->id), g_free);
      g_signal_connect (row, "activated", G_CALLBACK (contact_row_activated_cb), self);
      gtk_list_box_append (self->contacts_list, row);
    }
}

static void
contacts_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(KhPersonPage) self = user_data;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GError) error = NULL;

  contacts = kh_store_list_client_contacts_finish (KH_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  show_contacts (self, contacts, error);
  answer_came (self);
}

/* Issue 5, 2.4: the page opens at its top, at the person's name, never
 * where the previous person's page was left (one person's data could be
 * read as another's). libadwaita 1.2 has no scroll_to_top on
 * AdwPreferencesPage: its scrolled window is its first child. */
static GtkAdjustment *
get_vadjustment (KhPersonPage *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->details_page));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_SCROLLED_WINDOW (child))
      return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (child));
  return NULL;
}

static void
scroll_to_top (KhPersonPage *self)
{
  GtkAdjustment *adjustment = get_vadjustment (self);

  if (adjustment != NULL)
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
}

static char *
dup_language_text (KhLanguage  language,
                   const char *other)
{
  if (language == KH_LANGUAGE_OTHER && other != NULL)
    return g_strdup (other);
  if (language == 0)
    return NULL;
  return g_strdup (kh_language_label (language));
}

static char *
dup_address_text (KhClient *client)
{
  GString *address = g_string_new (NULL);

  if (client->address != NULL)
    g_string_append (address, client->address);
  if (client->postal_code != NULL || client->city != NULL)
    {
      if (address->len > 0)
        g_string_append (address, ", ");
      if (client->postal_code != NULL)
        g_string_append (address, client->postal_code);
      if (client->postal_code != NULL && client->city != NULL)
        g_string_append_c (address, ' ');
      if (client->city != NULL)
        g_string_append (address, client->city);
    }
  return g_string_free (address, FALSE);
}

/* The address row of a person with a non-disclosure marking (ATL 38 §):
 * hidden until "Show address", which is a logged read of its own. */
static void
show_protected_address (KhPersonPage *self,
                        gboolean      shown)
{
  g_signal_handlers_block_matched (self->show_address_button, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_toggle_button_set_active (self->show_address_button, shown);
  g_signal_handlers_unblock_matched (self->show_address_button, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);

  if (shown && self->address_client != NULL)
    {
      g_autofree char *address = dup_address_text (self->address_client);

      set_value (self->address_row, address);
      gtk_button_set_label (GTK_BUTTON (self->show_address_button), _("Hide _Address"));
    }
  else
    {
      kh_text_row_set_subtitle (self->address_row,
                                _("Protected by a non-disclosure marking"));
      gtk_widget_add_css_class (GTK_WIDGET (self->address_row), "kh-empty");
      gtk_button_set_label (GTK_BUTTON (self->show_address_button), _("Show _Address"));
    }
}

static void
show_client (KhPersonPage *self,
             KhClient     *client)
{
  g_autofree char *name = kh_client_dup_display_name (client);
  g_autofree char *birth = format_iso_date (client->birth_date);
  g_autofree char *language = NULL;
  g_autofree char *mother_tongue = NULL;
  g_autofree char *summary = NULL;
  gboolean has_code = client->identity_kind == KH_IDENTITY_CODE && client->identity_code != NULL;

  g_set_object (&self->client, client);

  gtk_label_set_text (self->name_label, name);

  g_signal_handlers_block_matched (self->show_code_button, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_toggle_button_set_active (self->show_code_button, FALSE);
  g_signal_handlers_unblock_matched (self->show_code_button, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_button_set_label (GTK_BUTTON (self->show_code_button), _("_Show"));
  gtk_widget_set_visible (GTK_WIDGET (self->show_code_button), has_code);
  gtk_widget_set_visible (GTK_WIDGET (self->no_code_row), !has_code);
  if (has_code)
    {
      g_autofree char *masked = kh_client_dup_masked_code (client);

      set_value (self->code_row, masked);
    }
  else
    {
      set_value (self->code_row, C_("identity code", "None"));
      set_value (self->no_code_row, kh_no_code_label (client->no_code_reason));
    }
  set_value (self->birth_date_row, birth);

  language = dup_language_text (client->language, client->other_language);
  set_value (self->language_row, language);
  set_value (self->interpreter_row,
             client->interpreter ? C_("interpreter", "Needed") : C_("interpreter", "Not needed"));
  mother_tongue = dup_language_text (client->mother_tongue, client->other_mother_tongue);
  set_value (self->mother_tongue_row, mother_tongue);

  /* Issue 5, 2.9: the language of service and the interpreter at a glance,
   * under the name. */
  summary = client->interpreter
            /* Translators: under a person's name; %s is a language ("Swedish") */
            ? g_strdup_printf (_("Language of service: %s · Interpreter needed"), language)
            /* Translators: under a person's name; %s is a language ("Swedish") */
            : g_strdup_printf (_("Language of service: %s"), language);
  gtk_label_set_text (self->language_summary_label, summary);

  /* ATL 38 §: the marking is shown wherever the person is, and the address
   * only on request. */
  gtk_widget_set_visible (self->protection_badge, client->non_disclosure);
  gtk_widget_set_visible (GTK_WIDGET (self->show_address_button), client->address_withheld);
  g_clear_object (&self->address_client);
  if (client->address_withheld)
    show_protected_address (self, FALSE);
  else
    {
      g_autofree char *address = dup_address_text (client);

      set_value (self->address_row, address);
    }

  if (client->representative_name != NULL && client->representative_contact != NULL)
    {
      g_autofree char *representative = g_strdup_printf ("%s · %s", client->representative_name,
                                                         client->representative_contact);

      set_value (self->representative_row, representative);
    }
  else
    set_value (self->representative_row, client->representative_name);
  set_value (self->phone_row, client->phone);
  set_value (self->email_row, client->email);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.edit", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.book-meeting", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.new-decision", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.correct-decision", TRUE);
}

static gboolean works_cases (KhPersonPage *self);

/* Issue 7, 2; Social Welfare Act 42 §: the person's named responsible
 * worker in a row of its own under the name, for everyone who reads the
 * page (reception tells a caller who their worker is); naming one, the
 * row's button, is for those who work with cases. */
static void
show_named_worker (KhPersonPage *self)
{
  const KhResponsibleWorker *naming = self->client != NULL ? self->client->responsible_worker : NULL;
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;

  if (naming == NULL)
    /* Translators: under "Responsible worker" (omatyöntekijä / egen kontaktperson, SHL 42 §) */
    text = g_strdup (_("Not named yet"));
  else if (naming->worker_id > 0)
    text = g_strdup (naming->worker_name);
  else
    /* Translators: under "Responsible worker": it was decided that none is named, then why (SHL 42 § 1 mom) */
    text = g_strdup_printf (_("None named: %s"), naming->reason);
  kh_text_row_set_subtitle (self->named_worker_row, text);

  if (naming != NULL && naming->named_at != NULL)
    {
      g_autofree char *day = g_date_time_format (naming->named_at, "%-d.%-m.%Y");

      /* Translators: who named the responsible worker, and on what day */
      tooltip = g_strdup_printf (_("Named by %s on %s"), naming->named_by_name, day);
    }
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->named_worker_row), tooltip);
  gtk_widget_set_visible (self->name_worker_button, works_cases (self));
  gtk_button_set_label (GTK_BUTTON (self->name_worker_button),
                        naming == NULL ? _("_Name…") : _("_Change…"));
}

static void
named_cb (KhPersonPage        *self,
          KhResponsibleWorker *naming)
{
  if (self->client == NULL)
    return;
  g_clear_pointer (&self->client->responsible_worker, kh_responsible_worker_free);
  self->client->responsible_worker = kh_responsible_worker_copy (naming);
  show_named_worker (self);
  emit_toast (self, naming->worker_id > 0 ? _("Responsible worker named")
                                          : _("Saved: no responsible worker"));
}

static void
name_worker_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  KhPersonPage *self = KH_PERSON_PAGE (widget);
  KhResponsibleWorkerDialog *dialog;

  if (self->client == NULL || !works_cases (self))
    return;
  dialog = kh_responsible_worker_dialog_new (self->store, GTK_WINDOW (gtk_widget_get_root (widget)),
                                             self->client);
  g_signal_connect_object (dialog, "named", G_CALLBACK (named_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The person (or why not) came with the page: FALSE when the page shows
 * the error instead. */
static gboolean
client_came (KhPersonPage *self,
             KhClient     *client,
             GError       *error)
{
  if (client == NULL)
    {
      self->waiting = 0;
      g_clear_handle_id (&self->reveal_id, g_source_remove);
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return FALSE;
    }

  show_client (self, client);
  show_named_worker (self);
  if (self->timeline != NULL)
    kh_person_timeline_set_client (self->timeline, client);
  if (self->waiting == 0)
    reveal (self);   /* shown already, or the wait is over */
  else
    answer_came (self);
  if (self->waiting == 0)
    reveal (self);
  return TRUE;
}

static void
code_loaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(KhPersonPage) self = user_data;
  g_autoptr(KhClient) client = NULL;
  g_autoptr(GError) error = NULL;

  client = kh_store_get_client_finish (KH_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (client == NULL || client->identity_code == NULL)
    {
      g_signal_handlers_block_matched (self->show_code_button, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
      gtk_toggle_button_set_active (self->show_code_button, FALSE);
      g_signal_handlers_unblock_matched (self->show_code_button, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
      emit_toast (self, error != NULL ? error->message : _("The identity code could not be shown"));
      return;
    }

  set_value (self->code_row, client->identity_code);
  gtk_button_set_label (GTK_BUTTON (self->show_code_button), _("_Hide"));
}

static void
show_code_toggled_cb (KhPersonPage *self)
{
  g_cancellable_cancel (self->code_cancellable);
  g_clear_object (&self->code_cancellable);

  if (self->client == NULL)
    return;

  if (gtk_toggle_button_get_active (self->show_code_button))
    {
      /* Each showing is a read of its own and is logged as one. */
      self->code_cancellable = g_cancellable_new ();
      kh_store_get_client_async (self->store, self->client->id,
                                 KH_ACCESS_IDENTITY_CODE, read_basis (self),
                                 self->code_cancellable, code_loaded_cb, g_object_ref (self));
    }
  else
    {
      g_autofree char *masked = kh_client_dup_masked_code (self->client);

      set_value (self->code_row, masked);
      gtk_button_set_label (GTK_BUTTON (self->show_code_button), _("_Show"));
    }
}

static void
address_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(KhPersonPage) self = user_data;
  g_autoptr(KhClient) client = NULL;
  g_autoptr(GError) error = NULL;

  client = kh_store_get_client_finish (KH_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (client == NULL || client->address_withheld)
    {
      show_protected_address (self, FALSE);
      emit_toast (self, error != NULL ? error->message : _("The address could not be shown"));
      return;
    }

  g_set_object (&self->address_client, client);
  show_protected_address (self, TRUE);
}

static void
show_address_toggled_cb (KhPersonPage *self)
{
  g_cancellable_cancel (self->address_cancellable);
  g_clear_object (&self->address_cancellable);

  if (self->client == NULL)
    return;

  if (gtk_toggle_button_get_active (self->show_address_button))
    {
      /* Each showing is a read of its own, logged as a protected address. */
      self->address_cancellable = g_cancellable_new ();
      kh_store_get_client_async (self->store, self->client->id,
                                 KH_ACCESS_PROTECTED_ADDRESS, read_basis (self),
                                 self->address_cancellable, address_loaded_cb, g_object_ref (self));
    }
  else
    {
      g_clear_object (&self->address_client);
      show_protected_address (self, FALSE);
    }
}

/* The same person read again in place: the page stays where the reader
 * was (a refresh, not a new opening). Logged as the page's read. */
static void load (KhPersonPage *self, gint64 client_id, gboolean in_place);

static void
reload_in_place (KhPersonPage *self)
{
  load (self, self->client_id, TRUE);
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  KhPersonPage *self = user_data;

  self->reload_id = 0;
  if (self->client_id > 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    reload_in_place (self);
  return G_SOURCE_REMOVE;
}

/* Issue 6, 6: another desk changed this person's details, contacts or
 * cases: the open page follows within a second. A page nobody sees is read
 * when it is opened again (every reading is logged). */
static void
client_changed_cb (KhStore      *store,
                   gint64        client_id,
                   KhPersonPage *self)
{
  if (client_id != self->client_id || self->reload_id != 0)
    return;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  self->reload_id = g_idle_add_full (G_PRIORITY_DEFAULT, reload_idle_cb, self, NULL);
}

/* Back on screen after a change elsewhere: read again, in place. */
static void
mapped_cb (KhPersonPage *self)
{
  if (self->stale && self->client_id > 0 && self->reload_id == 0)
    self->reload_id = g_idle_add_full (G_PRIORITY_DEFAULT, reload_idle_cb, self, NULL);
}

static void
editor_saved_cb (KhPersonEditor *editor,
                 gint64          client_id,
                 KhPersonPage   *self)
{
  emit_toast (self, _("Details saved"));
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, client_id);

  if (client_id == self->client_id)
    /* The same person, refreshed: stay where the reader was. */
    reload_in_place (self);
}

static void
client_for_edit_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(KhPersonPage) self = user_data;
  g_autoptr(KhClient) client = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *editor;

  client = kh_store_get_client_finish (KH_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.edit", TRUE);

  if (client == NULL)
    {
      emit_toast (self, error->message);
      return;
    }

  /* A protected address that this page has shown (a logged read) may be
   * changed; one that it has not shown stays out of the form. */
  if (client->address_withheld && self->address_client != NULL
      && self->address_client->id == client->id)
    {
      g_free (client->address);
      g_free (client->postal_code);
      g_free (client->city);
      client->address = g_strdup (self->address_client->address);
      client->postal_code = g_strdup (self->address_client->postal_code);
      client->city = g_strdup (self->address_client->city);
      client->address_withheld = FALSE;
    }

  editor = kh_person_editor_new (self->store, client);
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (editor), TRUE);
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

/* ---- meetings (issue 7, 4) ---- */

static gboolean
works_cases (KhPersonPage *self)
{
  KhUser *user = self->store != NULL ? kh_store_get_user (self->store) : NULL;

  return user != NULL && kh_role_works_cases (user->role);
}

static void
clear_meetings (KhPersonPage *self)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (self->meetings_list, 0)) != NULL)
    gtk_list_box_remove (self->meetings_list, GTK_WIDGET (row));
}

static void meeting_done_cb (KhPersonPage *self, const char *text);

static void
meeting_activated_cb (GtkListBox    *list,
                      GtkListBoxRow *row,
                      KhPersonPage  *self)
{
  const KhAppointment *a = g_object_get_data (G_OBJECT (row), "kh-appointment");
  KhAppointmentDialog *dialog;

  if (a == NULL || a->status == KH_APPOINTMENT_CANCELLED)
    return;
  dialog = kh_appointment_dialog_new_move (self->store, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), a);
  g_signal_connect_object (dialog, "done", G_CALLBACK (meeting_done_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
create_meeting_row (KhPersonPage        *self,
                    const KhAppointment *a)
{
  GtkWidget *row;
  g_autofree char *when = kh_appointment_format_when (a);
  g_autoptr(GString) subtitle = g_string_new (kh_meeting_kind_label (a->kind));
  KhUser *user = kh_store_get_user (self->store);

  if (a->point_name != NULL)
    g_string_append_printf (subtitle, " · %s", a->point_name);
  if (a->worker_name != NULL)
    g_string_append_printf (subtitle, " · %s", a->worker_name);
  if (a->status == KH_APPOINTMENT_CANCELLED)
    g_string_append_printf (subtitle, " · %s: %s", kh_appointment_status_label (a->status),
                            a->cancel_reason != NULL ? a->cancel_reason : "");
  else if (a->status == KH_APPOINTMENT_MOVED)
    g_string_append_printf (subtitle, " · %s", kh_appointment_status_label (a->status));
  row = kh_text_row_new (when, subtitle->str);
  if (a->status == KH_APPOINTMENT_CANCELLED)
    gtk_widget_add_css_class (row, "dim-label");
  /* One's own meeting (or any, for the lead) opens to move or cancel. */
  if (a->status != KH_APPOINTMENT_CANCELLED && user != NULL
      && (a->worker_id == user->id || user->role == KH_ROLE_LEAD))
    {
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      kh_text_row_add_suffix (KH_TEXT_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
    }
  g_object_set_data_full (G_OBJECT (row), "kh-appointment", kh_appointment_copy (a),
                          (GDestroyNotify) kh_appointment_free);
  return row;
}

static void
show_meetings (KhPersonPage *self,
               GPtrArray    *meetings,
               GError       *error)
{
  GtkWidget *row;

  clear_meetings (self);
  if (meetings == NULL || meetings->len == 0)
    {
      row = kh_text_row_new (meetings == NULL ? _("The meetings could not be listed") : _("No meetings"),
                             meetings == NULL ? error->message : NULL);
      if (meetings != NULL)
        gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->meetings_list, row);
      return;
    }
  for (guint i = 0; i < meetings->len; i++)
    gtk_list_box_append (self->meetings_list, create_meeting_row (self, g_ptr_array_index (meetings, i)));
}

static void
meetings_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(KhPersonPage) self = user_data;
  g_autoptr(GPtrArray) meetings = NULL;
  g_autoptr(GError) error = NULL;

  meetings = kh_store_list_client_appointments_finish (KH_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  show_meetings (self, meetings, error);
  answer_came (self);
}

/* The person's meetings, for those who book them (logged as the page read). */
static void
load_meetings (KhPersonPage *self,
               gint64        client_id)
{
  gtk_widget_set_visible (self->meetings_group, works_cases (self));
  if (client_id <= 0 || !works_cases (self))
    return;
  kh_store_list_client_appointments_async (self->store, client_id, self->cancellable,
                                           meetings_loaded_cb, g_object_ref (self));
}

static void
meeting_done_cb (KhPersonPage *self,
                 const char   *text)
{
  emit_toast (self, text);
  if (self->client != NULL)
    load_meetings (self, self->client->id);
}

/* Issue 7, 4: a meeting with this person, booked from their page. */
static void
book_meeting_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  KhPersonPage *self = KH_PERSON_PAGE (widget);
  KhAppointmentDialog *dialog;

  if (self->client == NULL)
    return;
  dialog = kh_appointment_dialog_new_book (self->store, GTK_WINDOW (gtk_widget_get_root (widget)),
                                           self->client, NULL);
  g_signal_connect_object (dialog, "done", G_CALLBACK (meeting_done_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Issue 8: a decision or a payment commitment issued from the windows
 * below: the timeline lists it. */
static void
decision_issued_cb (KhPersonPage           *self,
                    const KhIssuedDocument *document)
{
  g_autofree char *number = kh_decision_number_format (document->register_number, document->register_year);
  g_autofree char *text = g_strdup_printf (document->kind == KH_DOCUMENT_PAYMENT_COMMITMENT
                                           /* Translators: a toast; %s is the payment commitment's number, "4/2026" */
                                           ? _("Payment commitment %s issued")
                                           /* Translators: a toast; %s is the decision's register number, "12/2026" */
                                           : _("Decision %s issued"), number);

  emit_toast (self, text);
  if (self->timeline != NULL && self->client != NULL)
    {
      g_autofree char *name = kh_client_dup_display_name (self->client);

      kh_person_timeline_load (self->timeline, self->client->id, name);
    }
}

/* Issue 8, items 2, 4 and 5: a decision written for this person, with
 * what the page has read of them (no second read). With a parameter, a
 * correction of the issued decision (its id and how to name it, "No.
 * 12/2026 of 2.3.2026"): a new decision that refers to it. */
static void
new_decision_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  KhPersonPage *self = KH_PERSON_PAGE (widget);
  GtkWidget *window;

  if (self->client == NULL || !kh_decision_window_may_open (self->store))
    return;
  window = kh_decision_window_new (self->store, GTK_WINDOW (gtk_widget_get_root (widget)), self->client,
                                   self->address_client, self->cases);
  if (parameter != NULL)
    {
      gint64 corrects_id;
      const char *label;

      g_variant_get (parameter, "(x&s)", &corrects_id, &label);
      if (corrects_id > 0)
        kh_decision_window_set_corrects (KH_DECISION_WINDOW (window), corrects_id, label);
    }
  g_signal_connect_object (window, "issued", G_CALLBACK (decision_issued_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

/* Issue 8, 3: a payment commitment resting on an issued decision of this
 * person that grants (its id, register number and year, case and day:
 * the timeline's entry). */
static void
payment_commitment_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  KhPersonPage *self = KH_PERSON_PAGE (widget);
  gint64 decision_id, case_id;
  gint32 number, year;
  const char *day;
  GDate decided;
  GtkWidget *window;

  if (self->client == NULL || !kh_commitment_window_may_open (self->store))
    return;
  g_variant_get (parameter, "(xiix&s)", &decision_id, &number, &year, &case_id, &day);
  g_date_clear (&decided, 1);
  kh_date_from_iso (day, &decided);
  window = kh_commitment_window_new (self->store, GTK_WINDOW (gtk_widget_get_root (widget)), self->client,
                                     decision_id, number, year, &decided, case_id);
  g_signal_connect_object (window, "issued", G_CALLBACK (decision_issued_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KhPersonPage *self = KH_PERSON_PAGE (widget);

  if (self->client == NULL)
    return;

  /* Opening the details for editing is a read of its own (the whole code
   * is in the form). */
  gtk_widget_action_set_enabled (widget, "person.edit", FALSE);
  kh_store_get_client_async (self->store, self->client->id,
                             KH_ACCESS_EDIT, read_basis (self),
                             self->cancellable, client_for_edit_cb, g_object_ref (self));
}

/* The person's whole access log, over the main window: for the lead
 * social worker and the administrator, who answer the person's request to
 * know who has read their data. */
static void
show_log_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  KhPersonPage *self = KH_PERSON_PAGE (widget);
  g_autofree char *name = NULL;
  g_autoptr(GtkShortcut) escape = NULL;
  GtkEventController *shortcuts;
  GtkWidget *window;
  GtkWidget *box;
  GtkWidget *header;
  GtkWidget *log;

  if (self->client == NULL || !kh_user_can_read_access_log (kh_store_get_user (self->store)))
    return;

  name = kh_client_dup_display_name (self->client);
  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), _("Access Log"));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (gtk_widget_get_root (widget)));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 600);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (_("Access Log"), name));
  gtk_box_append (GTK_BOX (box), header);
  log = kh_access_log_page_new_for_client (self->store, self->client->id);
  gtk_widget_set_vexpand (log, TRUE);
  gtk_box_append (GTK_BOX (box), log);
  adw_window_set_content (ADW_WINDOW (window), box);

  shortcuts = gtk_shortcut_controller_new ();
  escape = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                             gtk_named_action_new ("window.close"));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), g_steal_pointer (&escape));
  gtk_widget_add_controller (window, shortcuts);

  gtk_window_present (GTK_WINDOW (window));
}

/* Issue 9: the person's network map, in a window of its own (for those
 * who keep networks; the store refuses the others). */
static void
network_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  KhPersonPage *self = KH_PERSON_PAGE (widget);

  if (self->client != NULL && kh_network_window_may_open (self->store))
    kh_network_window_present (GTK_WINDOW (gtk_widget_get_root (widget)), self->store, self->client);
}

static void
timeline_toast_cb (KhPersonPage *self,
                   AdwToast     *toast)
{
  g_signal_emit (self, signals[SIGNAL_TOAST], 0, toast);
}

static void
kh_person_page_dispose (GObject *object)
{
  KhPersonPage *self = KH_PERSON_PAGE (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->code_cancellable);
  g_cancellable_cancel (self->address_cancellable);
  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_handle_id (&self->reveal_id, g_source_remove);
  stop_waiting_for_rows (self);
  if (self->store != NULL)
    g_clear_signal_handler (&self->client_changed_id, self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), KH_TYPE_PERSON_PAGE);
  /* Children without an id are not released by dispose_template. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->code_cancellable);
  g_clear_object (&self->address_cancellable);
  g_clear_object (&self->address_client);
  g_clear_object (&self->client);
  g_clear_pointer (&self->cases, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kh_person_page_parent_class)->dispose (object);
}

static void
kh_person_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  KhPersonPage *self = KH_PERSON_PAGE (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, kh_person_page_get_loading (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stack_changed_cb (KhPersonPage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
kh_person_page_class_init (KhPersonPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_person_page_dispose;
  object_class->get_property = kh_person_page_get_property;

  /* TRUE while a new opening waits for the person's details, its spinner
   * showing; FALSE when they (or why not) are on the page. */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_TOAST] =
    g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, ADW_TYPE_TOAST);
  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  /* The details' rows are KhTextRows: an AdwActionRow lays its wrapping
   * subtitle out again and again at trial widths (kh-text-row.c). */
  g_type_ensure (KH_TYPE_TEXT_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/clients/kh-person-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KhPersonPage, address_row);
  gtk_widget_class_bind_template_child (widget_class, KhPersonPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, KhPersonPage, book_button);
  gtk_widget_class_bind_template_child (widget_class, KhPersonPage, birth_date_row);
  gtk_widget_class_bind_template_child (widget_class, KhPersonPage, cases_list);
  gtk_widget_class_bind_template_child (widget_class, KhPersonPage, decision_button);
  gtk_widget_class_bind_template_child (widget_class, KhPersonPage, meetings_group);
  gtk_widget_class_bind_template_child (widget_class, KhPersonPage, meetings_list);
  gtk_widget_class_bind_template_child (widget_class, KhPersonPage, code_row);
  gtk_widget_class_bind_template_child (widget_class, KhPersonPage, contacts_group);
  gtk_widget_class_bind_template_child (widget_class, KhPersonPage, contacts_list);
  gtk_widget_class_bind_template_child (widget_class, KhPersonPage, details_page);
  gtk_widget_class_bind_template_child (widget_class, KhPersonPage, email_row);
  gtk_widget_class_bind_template_child (widget_class, KhPersonPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, KhPersonPage, interpreter_row);
  gtk_widget_class_bind_template_child (widget_class, KhPersonPage, language_row);
  gtk_widget_class_bind_template_child (widget_class, KhPersonPage, language_summary_label);
  gtk_widget_class_bind_template_child (widget_class, KhPersonPage, log_group);
  gtk_widget_class_bind_template_child (widget_class, KhPersonPage, mother_tongue_row);
  gtk_widget_class_bind_template_child (widget_class, KhPersonPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, KhPersonPage, network_group);
  gtk_widget_class_bind_template_child (widget_class, KhPersonPage, no_code_row);
  gtk_widget_class_bind_template_child (widget_class, KhPersonPage, phone_row);
  gtk_widget_class_bind_template_child (widget_class, KhPersonPage, protection_badge);
  gtk_widget_class_bind_template_child (widget_class, KhPersonPage, representative_row);
  gtk_widget_class_bind_template_child (widget_class, KhPersonPage, responsible_label);
  gtk_widget_class_bind_template_child (widget_class, KhPersonPage, named_worker_row);
  gtk_widget_class_bind_template_child (widget_class, KhPersonPage, name_worker_button);
  gtk_widget_class_bind_template_child (widget_class, KhPersonPage, show_address_button);
  gtk_widget_class_bind_template_child (widget_class, KhPersonPage, show_code_button);
  gtk_widget_class_bind_template_child (widget_class, KhPersonPage, stack);
  gtk_widget_class_bind_template_child (widget_class, KhPersonPage, timeline_pane);
  gtk_widget_class_bind_template_callback (widget_class, show_address_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, show_code_toggled_cb);

  gtk_widget_class_install_action (widget_class, "person.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "person.book-meeting", NULL, book_meeting_action);
  gtk_widget_class_install_action (widget_class, "person.new-decision", NULL, new_decision_action);
  gtk_widget_class_install_action (widget_class, "person.correct-decision", "(xs)", new_decision_action);
  gtk_widget_class_install_action (widget_class, "person.payment-commitment", "(xiixs)",
                                   payment_commitment_action);
  gtk_widget_class_install_action (widget_class, "person.name-worker", NULL, name_worker_action);
  gtk_widget_class_install_action (widget_class, "person.show-log", NULL, show_log_action);
  gtk_widget_class_install_action (widget_class, "person.network", NULL, network_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "person.edit", NULL);
  /* Back to the search: the action lives on the People view around this page. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "clients.back", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
kh_person_page_init (KhPersonPage *self)
{
  kh_field_message_ensure_style ();   /* .kh-badge */
  gtk_widget_init_template (GTK_WIDGET (self));
  kh_accessible_fix_mnemonics (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.edit", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.book-meeting", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.new-decision", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.correct-decision", FALSE);
  g_signal_connect (self, "map", G_CALLBACK (mapped_cb), NULL);
  g_signal_connect_swapped (self->stack, "notify::visible-child-name", G_CALLBACK (stack_changed_cb), self);
  g_signal_connect (self->meetings_list, "row-activated", G_CALLBACK (meeting_activated_cb), self);
  g_signal_connect (self->cases_list, "row-activated", G_CALLBACK (case_row_activated_cb), self);
}

GtkWidget *
kh_person_page_new (KhStore *store)
{
  KhPersonPage *self;

  g_return_val_if_fail (KH_IS_STORE (store), NULL);

  self = g_object_new (KH_TYPE_PERSON_PAGE, NULL);
  kh_person_page_set_store (self, store);

  return GTK_WIDGET (self);
}

void
kh_person_page_set_store (KhPersonPage *self,
                          KhStore      *store)
{
  g_return_if_fail (KH_IS_PERSON_PAGE (self));
  g_return_if_fail (KH_IS_STORE (store));

  if (self->store != NULL)
    g_clear_signal_handler (&self->client_changed_id, self->store);
  g_set_object (&self->store, store);
  self->client_changed_id = g_signal_connect (store, "client-changed",
                                              G_CALLBACK (client_changed_cb), self);

  /* Only the lead social worker and the administrator read the log. */
  gtk_widget_set_visible (GTK_WIDGET (self->log_group),
                          kh_store_get_user (store) != NULL
                          && kh_user_can_read_access_log (kh_store_get_user (store)));
  /* Issue 7, 2: the timeline and case notes, for counsellors, social
   * workers and the lead; reception and the administrator role do not
   * have the section at all (the store and the server refuse them too). */
  if (self->timeline != NULL)
    {
      gtk_box_remove (GTK_BOX (self->timeline_pane), GTK_WIDGET (self->timeline));
      self->timeline = NULL;
    }
  if (kh_person_timeline_may_read (store))
    {
      self->timeline = KH_PERSON_TIMELINE (kh_person_timeline_new (store));
      gtk_widget_set_vexpand (GTK_WIDGET (self->timeline), TRUE);
      g_signal_connect_object (self->timeline, "toast", G_CALLBACK (timeline_toast_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->timeline, "window-closed", G_CALLBACK (assessment_window_destroyed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->timeline, "loaded", G_CALLBACK (answer_came), self, G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (self->timeline_pane), GTK_WIDGET (self->timeline));
    }
  gtk_widget_set_visible (self->timeline_pane, self->timeline != NULL);
  /* The timeline has every contact (and opens each, as the list did): the
   * list of contacts is for those without it. */
  gtk_widget_set_visible (self->contacts_group, self->timeline == NULL);
  /* Meetings are booked by those who work cases, not at reception. */
  gtk_widget_set_visible (self->book_button,
                          kh_store_get_user (store) != NULL
                          && kh_role_works_cases (kh_store_get_user (store)->role));
  /* Decisions are issued by social workers and the lead (the store refuses others too). */
  gtk_widget_set_visible (self->decision_button, kh_decision_window_may_open (store));
  /* The network: not for reception or the administrator role (the store refuses them too). */
  gtk_widget_set_visible (self->network_group, kh_network_window_may_open (store));
}

void
kh_person_page_load (KhPersonPage *self,
                     gint64        client_id)
{
  g_return_if_fail (KH_IS_PERSON_PAGE (self));
  g_return_if_fail (self->store != NULL);
  g_return_if_fail (client_id > 0);

  load (self, client_id, FALSE);
}

static void
page_read_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(KhPersonPage) self = user_data;
  g_autoptr(KhPersonPageRead) read = NULL;
  g_autoptr(GError) error = NULL;

  read = kh_store_read_person_page_finish (KH_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (!client_came (self, read != NULL ? read->client : NULL, error))
    return;

  if (works_cases (self))
    {
      show_meetings (self, read->meetings, read->meetings_error);
      answer_came (self);
    }
  /* The cases before the timeline, so that its entries name their cases
   * when they come. */
  cases_came (self, read->cases, read->cases_error);
  if (self->timeline != NULL)
    kh_person_timeline_show_read (self->timeline, read->client, read->timeline, read->timeline_error);
  else
    {
      show_contacts (self, read->contacts, read->contacts_error);
      answer_came (self);
    }
}

/* Takes the person off the page: their details, cases, meetings and
 * timeline; the spinner shows until another comes. */
static void
forget_person (KhPersonPage *self)
{
  g_clear_object (&self->client);
  g_clear_object (&self->address_client);
  clear_cases (self);
  clear_contacts (self);
  clear_meetings (self);
  gtk_label_set_text (self->responsible_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->responsible_label), FALSE);
  if (self->timeline != NULL)
    kh_person_timeline_clear (self->timeline);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.edit", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.book-meeting", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.new-decision", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.correct-decision", FALSE);
  g_clear_pointer (&self->cases, g_ptr_array_unref);
  gtk_stack_set_visible_child_name (self->stack, "loading");
}

/* Nothing of an earlier reading comes any more: its answers, the wait to
 * show them, the rows still to make. */
static void
stop_reading (KhPersonPage *self)
{
  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->code_cancellable);
  g_cancellable_cancel (self->address_cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->code_cancellable);
  g_clear_object (&self->address_cancellable);
  self->waiting = 0;
  g_clear_handle_id (&self->reveal_id, g_source_remove);
  stop_waiting_for_rows (self);
}

static void
load (KhPersonPage *self,
      gint64        client_id,
      gboolean      in_place)
{
  stop_reading (self);
  self->cancellable = g_cancellable_new ();

  /* Issue 7: the person, their meetings, cases and timeline (or
   * contacts) in one reading of the store, one transaction with one
   * commit (on a server one wait for the disk, for all the access-log
   * rows); each part is the store's to allow and to log, as alone.
   * Asked first: the store reads while this thread takes the previous
   * person off the page (their rows, some milliseconds); the answer is
   * handled only after this returns. */
  kh_store_read_person_page_async (self->store, client_id, read_basis (self),
                                   (works_cases (self) ? KH_PERSON_PAGE_MEETINGS : 0)
                                   | (self->timeline != NULL ? KH_PERSON_PAGE_TIMELINE : 0),
                                   self->cancellable, page_read_cb, g_object_ref (self));

  /* Every opening starts at the top (issue 5, 2.4): now, and once more
   * when the details are in, whatever their length. The same person read
   * again in place stays where the reader was. */
  self->scroll_to_top = !in_place;
  self->stale = FALSE;
  if (!in_place)
    scroll_to_top (self);

  /* A different person: nothing of the previous one may stay on screen. */
  if (client_id != self->client_id)
    forget_person (self);
  self->client_id = client_id;

  /* A new opening shows its details when the person and the rest have
   * come (reveal). */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "details") != 0)
    {
      /* The person, the cases, the timeline or the contacts, and the
       * meetings. */
      self->waiting = works_cases (self) ? 4 : 3;
      self->reveal_id = g_timeout_add (REVEAL_WAIT_MS, reveal_timeout_cb, self);
    }
  gtk_widget_set_visible (self->meetings_group, works_cases (self));
  if (self->timeline != NULL)
    kh_person_timeline_expect (self->timeline, client_id);
}

gboolean
kh_person_page_has_unsaved_note (KhPersonPage *self)
{
  g_return_val_if_fail (KH_IS_PERSON_PAGE (self), FALSE);

  return self->client_id > 0 && self->timeline != NULL && kh_person_timeline_is_writing (self->timeline);
}

typedef struct
{
  KhDiscardCallback callback;
  gpointer          user_data;
  KhPersonPage     *page;       /* owned */
} NoteAsk;

static void
note_ask_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      NoteAsk          *ask)
{
  gboolean discard = g_strcmp0 (response, "discard") == 0;

  /* Kept: the note is where it was, with the cursor in it. */
  if (discard)
    kh_person_timeline_discard_note (ask->page->timeline);
  else
    kh_person_timeline_focus_note (ask->page->timeline);
  ask->callback (discard && !kh_person_page_has_unsaved_note (ask->page), ask->user_data);
  g_object_unref (ask->page);
  g_free (ask);
}

void
kh_person_page_ask_discard_note (KhPersonPage      *self,
                                 GtkWindow         *parent,
                                 KhDiscardCallback  callback,
                                 gpointer           user_data)
{
  GtkWidget *dialog;
  NoteAsk *ask;

  g_return_if_fail (KH_IS_PERSON_PAGE (self));
  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (callback != NULL);

  if (!kh_person_page_has_unsaved_note (self))
    {
      callback (TRUE, user_data);
      return;
    }

  ask = g_new0 (NoteAsk, 1);
  ask->callback = callback;
  ask->user_data = user_data;
  ask->page = g_object_ref (self);
  /* Never lose what was typed without asking. */
  dialog = adw_message_dialog_new (parent, _("Discard the Case Note?"),
                                   _("The case note you have started on this person’s page has not been saved."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Writing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect (dialog, "response", G_CALLBACK (note_ask_response_cb), ask);
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
kh_person_page_release (KhPersonPage *self)
{
  g_return_val_if_fail (KH_IS_PERSON_PAGE (self), FALSE);

  if (self->client_id == 0)
    return TRUE;
  /* A note being written stays, with its person. */
  if (kh_person_page_has_unsaved_note (self))
    return FALSE;

  stop_reading (self);
  g_clear_handle_id (&self->reload_id, g_source_remove);
  self->stale = FALSE;
  forget_person (self);
  self->client_id = 0;
  return TRUE;
}

gint64
kh_person_page_get_client_id (KhPersonPage *self)
{
  g_return_val_if_fail (KH_IS_PERSON_PAGE (self), 0);

  return self->client_id;
}

gboolean
kh_person_page_get_loading (KhPersonPage *self)
{
  g_return_val_if_fail (KH_IS_PERSON_PAGE (self), FALSE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "loading") == 0;
}

KhClient *
kh_person_page_get_client (KhPersonPage *self)
{
  g_return_val_if_fail (KH_IS_PERSON_PAGE (self), NULL);

  return self->client;
}

void
kh_person_page_focus (KhPersonPage *self)
{
  g_return_if_fail (KH_IS_PERSON_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->back_button));
}
