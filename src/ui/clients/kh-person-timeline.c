/* kh-person-timeline.c — the person's timeline and case notes (issue 7, 2)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything about the person across all their cases, newest first, in a
 * GtkListView over a GListStore that one asynchronous store call fills
 * (kh_store_list_client_timeline_async: one access-log row per reading,
 * written by the store). Above it, a case note (asiakaskertomus entry) is
 * written for one of the person's cases and saved with Ctrl+Enter; the
 * store's rules (kh_case_note_check) are shown at the field, and a failed
 * save keeps the text. A note is corrected by a new note naming it. An
 * issued document's entry opens the document as it was issued (issue 8,
 * 5): the store reads it on its thread, logs the reading and checks the
 * SHA-256, and a KhDocumentWindow shows it. An attempt to reach the
 * person (issue 8, 3) is recorded from here (KhAttemptDialog) and shows
 * on the timeline at once. A client plan's entries open the case's plan
 * (issue 9, 5).
 *
 * Built in code, not from a template: the page's first frame with 500
 * entries is measured (tests/bench/bench-timeline.c).
 */
#define G_LOG_DOMAIN "kohtaamo-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kh-caseload.h"
#include "core/kh-assessment.h"
#include "core/kh-calendar.h"
#include "core/kh-client-plan.h"
#include "core/kh-text.h"
#include "core/kh-timeline.h"
#include "core/kh-decision-rules.h"
#include "core/kh-document-kind.h"
#include "core/kh-contact-attempt.h"
#include "ui/assessment/kh-assessment-window.h"
#include "ui/common/kh-field-message.h"
#include "ui/common/kh-line-label.h"
#include "ui/documents/kh-document-window.h"
#include "ui/intake/kh-contact-window.h"
#include "ui/plans/kh-plan-window.h"
#include "kh-attempt-dialog.h"
#include "kh-could-not-reach.h"
#include "kh-person-timeline.h"

struct _KhPersonTimeline
{
  GtkWidget           parent_instance;

  /* children */
  GtkWidget          *box;
  GtkWidget          *composer;
  GtkDropDown        *case_dropdown;
  GtkWidget          *case_label;
  GtkWidget          *correction_bar;
  GtkLabel           *correction_label;
  GtkWidget          *note_scroller;
  GtkWidget          *list_scroller;   /* the entries' list: hidden when a reading found none */
  GtkTextView        *note_view;
  GtkLabel           *count_label;
  GtkWidget          *save_button;
  GtkWidget          *no_case_label;
  GtkLabel           *status_label;
  GtkListView        *list_view;
  GtkWidget          *menu;
  GtkWidget          *attempt_button;
  GtkWidget          *letter_button;

  /* owned */
  KhStore            *store;
  GListStore         *entries;
  GtkSliceListModel  *shown;             /* the entries the list has rows for */
  GtkStringList      *case_choices;      /* the drop-down's cases, in its order */
  GtkSliceListModel  *cases_shown;       /* those its popup has rows for */
  GtkSingleSelection *selection;
  GCancellable       *cancellable;       /* the reading; cancelled by the next */
  GCancellable       *save_cancellable;
  GCancellable       *open_cancellable;  /* an issued document being opened */
  GHashTable         *case_labels;       /* case id → "Pending since …" */
  GArray             *case_ids;          /* the dropdown's cases, in its order */
  char               *client_name;
  KhClient           *client;            /* for the could-not-reach letter; may be NULL */

  gint64              client_id;
  gint64              correcting_id;     /* the note being corrected, or 0 */
  GdkFrameClock      *show_all_clock;    /* whose after-paint shows the rest */
  gulong              show_all_id;
  gboolean            loaded;
  gboolean            saving;
};

G_DEFINE_FINAL_TYPE (KhPersonTimeline, kh_person_timeline, GTK_TYPE_WIDGET)

enum {
  SIGNAL_TOAST,
  SIGNAL_WINDOW_CLOSED,
  SIGNAL_LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
emit_toast (KhPersonTimeline *self,
            const char       *title)
{
  g_autoptr(AdwToast) toast = adw_toast_new (title);

  g_signal_emit (self, signals[SIGNAL_TOAST], 0, toast);
}

static char *
format_when (GDateTime *at)
{
  if (at == NULL)
    return g_strdup ("");
  /* Translators: date and time of a contact, a strftime format: "2.4.2026 10.15" in fi */
  return g_date_time_format (at, _("%-d.%-m.%Y %H:%M"));
}

static char *
format_day (GDateTime *at)
{
  if (at == NULL)
    return g_strdup ("");
  /* Translators: the day a case became pending, a strftime format: "2.4.2026" in fi */
  return g_date_time_format (at, _("%-d.%-m.%Y"));
}

static const char *
kind_label (const KhTimelineEntry *e)
{
  switch (e->kind)
    {
    case KH_TIMELINE_CONTACT:
      /* Translators: a kind of entry in a person's timeline */
      return C_("timeline", "Contact");
    case KH_TIMELINE_CASE:
      /* Translators: a kind of entry in a person's timeline (vireille) */
      return C_("timeline", "Case became pending");
    case KH_TIMELINE_ASSESSMENT:
      return e->n1 == KH_ASSESSMENT_FINISHED
             /* Translators: a kind of entry in a person's timeline (palvelutarpeen arviointi) */
             ? C_("timeline", "Assessment finished")
             /* Translators: a kind of entry in a person's timeline: an unfinished assessment, as last saved */
             : C_("timeline", "Assessment draft");
    case KH_TIMELINE_NOTE:
      return e->ref_id != 0
             /* Translators: a kind of entry in a person's timeline: a note correcting an earlier one */
             ? C_("timeline", "Case note, correction")
             /* Translators: a kind of entry in a person's timeline (asiakaskertomusmerkintä) */
             : C_("timeline", "Case note");
    case KH_TIMELINE_DOCUMENT:
      /* An issued letter or decision: its kind ("Decision", "Invitation"). */
      return kh_document_kind_label (e->n1);
    case KH_TIMELINE_ATTEMPT:
      /* Translators: a kind of entry in a person's timeline: an attempt to reach them */
      return C_("timeline", "Contact attempt");
    case KH_TIMELINE_PLAN:
      return e->n1 > 1
             /* Translators: a kind of entry in a person's timeline: a client plan's new version after a review */
             ? C_("timeline", "Client plan reviewed")
             /* Translators: a kind of entry in a person's timeline (asiakassuunnitelma) */
             : C_("timeline", "Client plan made");
    case KH_TIMELINE_PLAN_REVIEW:
      /* Translators: a kind of entry in a person's timeline: the day the client plan is to be reviewed */
      return C_("timeline", "Client plan review due");
    case KH_TIMELINE_PLAN_ACTION:
      /* Translators: a kind of entry in a person's timeline: an action of the client plan not done by its date */
      return C_("timeline", "Plan action overdue");
    default:
      return "";
    }
}

/* " · No. 12/2026" for a decision, then " · In Swedish". */
static void
append_register_and_language (GString    *s,
                              int         number,
                              int         year,
                              const char *language)
{
  if (number > 0)
    {
      g_string_append (s, " · ");
      /* Translators: a decision's number in the decision register, then its year: "Nro 12/2026" in fi */
      g_string_append_printf (s, C_("timeline", "No. %d/%d"), number, year);
    }
  g_string_append_printf (s, " · %s", g_strcmp0 (language, "sv") == 0
                                      /* Translators: the language an issued document is written in */
                                      ? C_("timeline", "In Swedish")
                                      /* Translators: the language an issued document is written in */
                                      : C_("timeline", "In Finnish"));
}

/* An issued document's line: its title, a decision's register number,
 * its language, and when and how it was sent. */
static char *
dup_document_summary (const KhTimelineEntry *e)
{
  GString *s = g_string_new (NULL);
  GDate day;

  if (e->ref_id != 0)
    /* Translators: an issued document in a person's timeline that corrects an earlier one */
    g_string_append_printf (s, "%s · ", C_("timeline", "Correction"));
  g_string_append (s, e->text != NULL ? e->text : "");
  append_register_and_language (s, e->n2, e->n3, e->language);
  g_date_clear (&day, 1);
  if (e->day != NULL)
    g_date_set_parse (&day, e->day);
  if (g_date_valid (&day))
    {
      g_autoptr(GDateTime) at = g_date_time_new_local (g_date_get_year (&day), g_date_get_month (&day),
                                                       g_date_get_day (&day), 12, 0, 0);
      g_autofree char *sent = format_day (at);

      g_string_append (s, " · ");
      switch (kh_document_delivery_from_key (e->code))
        {
        case KH_DOCUMENT_DELIVERY_ELECTRONIC:
          /* Translators: when an issued document was sent, and how: "Sent 7.12.2026 electronically" */
          g_string_append_printf (s, C_("timeline", "Sent %s electronically"), sent);
          break;
        case KH_DOCUMENT_DELIVERY_HANDED:
          /* Translators: the day an issued document was handed over to the person */
          g_string_append_printf (s, C_("timeline", "Handed over %s"), sent);
          break;
        case KH_DOCUMENT_DELIVERY_LETTER:
        default:
          /* Translators: when an issued document was sent, and how: "Sent 7.12.2026 by post" */
          g_string_append_printf (s, C_("timeline", "Sent %s by post"), sent);
          break;
        }
    }
  return g_string_free (s, FALSE);
}

/* An ISO day as the UI writes it ("Mon 15.3.2027"); "" for none. */
static char *
format_iso_day (const char *iso)
{
  GDate day;

  if (iso == NULL || !kh_date_from_iso (iso, &day))
    return g_strdup ("");
  return kh_calendar_format_day (&day);
}

/* A plan's entry's line: its version and review date; the review's
 * version and whether it has passed; an action, who does it and by when. */
static char *
dup_plan_summary (const KhTimelineEntry *e)
{
  g_autofree char *day = format_iso_day (e->day);

  switch (e->kind)
    {
    case KH_TIMELINE_PLAN:
      /* Translators: a client plan's version in a person's timeline and the day it is reviewed */
      return g_strdup_printf (_("Version %d · Review by %s"), e->n1, day);
    case KH_TIMELINE_PLAN_REVIEW:
      return e->flag
             /* Translators: the client plan's review day has passed without a review */
             ? g_strdup_printf (_("Version %d · The review was due %s"), e->n1, day)
             /* Translators: the day the client plan is reviewed */
             : g_strdup_printf (_("Version %d · To be reviewed by %s"), e->n1, day);
    case KH_TIMELINE_PLAN_ACTION:
      /* Translators: an overdue action of a client plan: what, who does it, the day it was due */
      return g_strdup_printf (_("%s · %s · due %s"), e->text != NULL ? e->text : "",
                              e->n1 == KH_ACTOR_NETWORK && e->code != NULL ? e->code : kh_actor_label (e->n1),
                              day);
    default:
      return g_strdup ("");
    }
}

/* The entry's one line. */
static char *
dup_summary (const KhTimelineEntry *e)
{
  g_autofree char *first = NULL;

  switch (e->kind)
    {
    case KH_TIMELINE_CONTACT:
      {
        GString *s = g_string_new (kh_channel_label (e->n1));

        g_string_append_printf (s, " · %s", kh_outcome_label (e->n2));
        if (e->text != NULL && *e->text != '\0')
          g_string_append_printf (s, " · %s", e->text);
        if (e->flag)
          g_string_append_printf (s, " · %s", C_("contact", "Entered in error"));
        return g_string_free (s, FALSE);
      }
    case KH_TIMELINE_CASE:
      return e->n2 ? g_strdup_printf ("%s · %s", kh_case_status_label (e->n1), _("Urgent"))
                   : g_strdup (kh_case_status_label (e->n1));
    case KH_TIMELINE_ASSESSMENT:
      if (e->text != NULL && *e->text != '\0')
        /* Translators: an assessment's version in a person's timeline, and why it was changed */
        return g_strdup_printf (_("Version %d: %s"), e->n2, e->text);
      /* Translators: an assessment's version in a person's timeline */
      return g_strdup_printf (_("Version %d"), e->n2);
    case KH_TIMELINE_NOTE:
      if (e->text == NULL)
        return g_strdup ("");
      first = g_strndup (e->text, strcspn (e->text, "\n"));
      return e->text[strlen (first)] != '\0' ? g_strconcat (first, " …", NULL) : g_steal_pointer (&first);
    case KH_TIMELINE_DOCUMENT:
      return dup_document_summary (e);
    case KH_TIMELINE_ATTEMPT:
      {
        /* "Phone call · No answer · the note" */
        GString *s = g_string_new (kh_attempt_method_label (e->n1));

        g_string_append_printf (s, " · %s", kh_attempt_outcome_label (e->n2));
        if (e->text != NULL && *e->text != '\0')
          g_string_append_printf (s, " · %s", e->text);
        return g_string_free (s, FALSE);
      }
    case KH_TIMELINE_PLAN:
    case KH_TIMELINE_PLAN_REVIEW:
    case KH_TIMELINE_PLAN_ACTION:
      return dup_plan_summary (e);
    default:
      return g_strdup ("");
    }
}

static char *
dup_case_line (KhPersonTimeline      *self,
               const KhTimelineEntry *e)
{
  const char *which = e->case_id != 0 ? g_hash_table_lookup (self->case_labels, &e->case_id) : NULL;

  if (e->case_id == 0)
    /* Translators: a contact in a person's timeline that opened no case */
    which = _("No case");
  else if (which == NULL)
    /* Translators: a case in a person's timeline whose details are not known here */
    which = _("A case");
  if (e->who != NULL)
    return g_strdup_printf ("%s · %s", which, e->who);
  return g_strdup (which);
}

/* ---- the list ---- */

/* A row is one label of three lines (when and what; the entry in short;
 * its case and who), each cut short at the row's end, not a box of three:
 * one widget to style and measure instead of four. It is a KhLineLabel,
 * which lays its lines out once where a GtkLabel did four or five times
 * (tests/bench/bench-timeline.c; GTK 4.8's GtkListView makes some 200
 * rows at once). The lines' looks are attributes, as the "heading",
 * plain and "dim-label caption" labels were: nothing of the text is
 * parsed as markup. */
static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              KhPersonTimeline         *self)
{
  GtkWidget *label = kh_line_label_new ();

  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  g_object_set_data (G_OBJECT (label), "kh-list-item", item);
  gtk_list_item_set_child (item, label);
}

static void
add_attribute (PangoAttrList  *attrs,
               PangoAttribute *attr,
               guint           start,
               guint           end)
{
  attr->start_index = start;
  attr->end_index = end;
  pango_attr_list_insert (attrs, attr);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             KhPersonTimeline         *self)
{
  KhTimelineEntry *e = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  /* A plan's review and an action's date are days, not moments. */
  g_autofree char *when = e->kind == KH_TIMELINE_PLAN_REVIEW || e->kind == KH_TIMELINE_PLAN_ACTION
                          ? format_iso_day (e->day) : format_when (e->at);
  g_autofree char *summary = dup_summary (e);
  g_autofree char *case_line = dup_case_line (self, e);
  g_autoptr(GString) text = g_string_new (NULL);
  PangoAttrList *attrs = pango_attr_list_new ();
  guint start;

  g_string_printf (text, "%s · %s", when, kind_label (e));
  /* .heading */
  add_attribute (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD), 0, text->len);
  /* One line each, whatever the text has in it. */
  g_string_append_printf (text, "\n%s\n", g_strdelimit (summary, "\r\n", ' '));
  start = text->len;
  g_string_append (text, g_strdelimit (case_line, "\r\n", ' '));
  /* .caption (9 pt of 11) and .dim-label (opacity 0.55) */
  add_attribute (attrs, pango_attr_scale_new (9.0 / 11.0), start, text->len);
  add_attribute (attrs, pango_attr_foreground_alpha_new ((guint16) (0.55 * G_MAXUINT16)), start, text->len);

  kh_line_label_set_text (KH_LINE_LABEL (label), text->str, attrs);
  pango_attr_list_unref (attrs);
  if (e->kind == KH_TIMELINE_CONTACT && e->flag)
    gtk_widget_add_css_class (label, "dim-label");
  else
    gtk_widget_remove_css_class (label, "dim-label");
}

static KhTimelineEntry *
selected_entry (KhPersonTimeline *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

/* An issued decision is corrected by a new decision that names it
 * (person.correct-decision, the person page's), by those who issue
 * decisions. */
static gboolean
may_correct_decision (KhPersonTimeline *self,
                      KhTimelineEntry  *e)
{
  KhUser *user = self->store != NULL ? kh_store_get_user (self->store) : NULL;

  return e != NULL && e->kind == KH_TIMELINE_DOCUMENT && e->n1 == KH_DOCUMENT_DECISION && e->n2 > 0
         && user != NULL && kh_document_may_issue (user->role, KH_DOCUMENT_DECISION);
}

/* Issue 8, 3: a decision that grants is what a payment commitment rests
 * on (person.payment-commitment, the person page's). */
static gboolean
may_commit_on (KhPersonTimeline *self,
               KhTimelineEntry  *e)
{
  KhUser *user = self->store != NULL ? kh_store_get_user (self->store) : NULL;

  return e != NULL && e->kind == KH_TIMELINE_DOCUMENT && e->n1 == KH_DOCUMENT_DECISION && e->n2 > 0
         && e->flag && user != NULL && kh_document_may_issue (user->role, KH_DOCUMENT_PAYMENT_COMMITMENT);
}

static void
update_actions (KhPersonTimeline *self)
{
  KhTimelineEntry *e = selected_entry (self);
  gboolean note = e != NULL && e->kind == KH_TIMELINE_NOTE;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.open",
                                 e != NULL && e->kind != KH_TIMELINE_CASE && e->kind < KH_TIMELINE_PLAN
                                 && (e->kind != KH_TIMELINE_ATTEMPT || e->text != NULL));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.copy", note);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.correct",
                                 (note && !self->saving) || may_correct_decision (self, e));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.commitment", may_commit_on (self, e));
}

static void
show_status (KhPersonTimeline *self,
             const char       *text)
{
  gtk_label_set_text (self->status_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), text != NULL);
}

/* How many entries have rows before the page's first frame with them.
 * GTK 4.8's GtkListView makes a row for up to 200 items at once, whatever
 * is visible; a window of 900 pixels shows 9, a maximised one on a
 * 1200-pixel screen some 15. */
#define FIRST_ROWS 20

static void
stop_waiting_for_paint (KhPersonTimeline *self)
{
  /* A window destroyed before it painted took its clock's handlers along. */
  if (self->show_all_clock != NULL && g_signal_handler_is_connected (self->show_all_clock, self->show_all_id))
    g_signal_handler_disconnect (self->show_all_clock, self->show_all_id);
  self->show_all_id = 0;
  g_clear_object (&self->show_all_clock);
}

static void
show_all_rows (KhPersonTimeline *self)
{
  stop_waiting_for_paint (self);
  gtk_slice_list_model_set_size (self->shown, G_MAXUINT);
  gtk_slice_list_model_set_size (self->cases_shown, G_MAXUINT);
}

static void
first_rows_painted_cb (GdkFrameClock    *clock,
                       KhPersonTimeline *self)
{
  /* Not before a frame that showed the list. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self->list_view)))
    show_all_rows (self);
}

/* The window's clock, or NULL when the timeline is in none. */
static GdkFrameClock *
get_clock (KhPersonTimeline *self)
{
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
  GdkSurface *surface = native != NULL ? gtk_native_get_surface (native) : NULL;

  return surface != NULL ? gdk_surface_get_frame_clock (surface) : NULL;
}

/* What the lists leave out for now, after the first frame painted with
 * the list on screen. */
static void
wait_for_paint (KhPersonTimeline *self,
                GdkFrameClock    *clock)
{
  if (self->show_all_clock != NULL)
    return;
  self->show_all_clock = g_object_ref (clock);
  self->show_all_id = g_signal_connect (clock, "after-paint", G_CALLBACK (first_rows_painted_cb), self);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
}

/* The first FIRST_ROWS entries now, the others after the first frame
 * painted with the list on screen (at once when it is in no window).
 * Nothing of them is left out: the rest come one frame later, below the
 * fold. */
static void
show_first_rows (KhPersonTimeline *self)
{
  /* The window's clock: the page may show its details only once they are
   * all in, so the list need not be on screen yet. */
  GdkFrameClock *clock = get_clock (self);

  if (clock == NULL)
    return;
  gtk_slice_list_model_set_size (self->shown, FIRST_ROWS);
  wait_for_paint (self, clock);
}

static void update_letter_button (KhPersonTimeline *self);

static void entries_changed_cb (KhPersonTimeline *self);

/* The timeline's answer: `entries`, or NULL and `error`. */
static void
show_entries (KhPersonTimeline *self,
              GPtrArray        *entries,
              const GError     *error)
{
  self->loaded = TRUE;
  if (entries == NULL)
    {
      g_list_store_remove_all (self->entries);
      entries_changed_cb (self);
      show_status (self, error->message);
      g_signal_emit (self, signals[SIGNAL_LOADED], 0);
      return;
    }
  /* A person's first reading: the list makes rows for the first entries,
   * enough for a screen, and for the rest once that frame is painted. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->entries)) == 0 && entries->len > FIRST_ROWS)
    show_first_rows (self);
  g_list_store_splice (self->entries, 0, g_list_model_get_n_items (G_LIST_MODEL (self->entries)),
                       entries->pdata, entries->len);
  entries_changed_cb (self);
  /* Translators: a person's timeline when there is nothing in it */
  show_status (self, entries->len == 0 ? _("Nothing recorded yet") : NULL);
  update_actions (self);
  update_letter_button (self);
  g_signal_emit (self, signals[SIGNAL_LOADED], 0);
}

static void
timeline_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(KhPersonTimeline) self = user_data;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  entries = kh_store_list_client_timeline_finish (KH_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  show_entries (self, entries, error);
}

/* ---- the note being written ---- */

static char *
dup_note_text (KhPersonTimeline *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gint64
chosen_case (KhPersonTimeline *self)
{
  guint i = gtk_drop_down_get_selected (self->case_dropdown);

  if (self->case_ids == NULL || i == GTK_INVALID_LIST_POSITION || i >= self->case_ids->len)
    return 0;
  return g_array_index (self->case_ids, gint64, i);
}

/* The position of `case_id` in the drop-down, 0 if it is not there. */
static guint
case_index (KhPersonTimeline *self,
            gint64            case_id)
{
  for (guint i = 0; self->case_ids != NULL && i < self->case_ids->len; i++)
    if (g_array_index (self->case_ids, gint64, i) == case_id)
      return i;
  return 0;
}

static void
select_case (KhPersonTimeline *self,
             gint64            case_id)
{
  for (guint i = 0; self->case_ids != NULL && i < self->case_ids->len; i++)
    if (g_array_index (self->case_ids, gint64, i) == case_id)
      {
        /* A case the popup has no row for yet is one it has. */
        gtk_slice_list_model_set_size (self->cases_shown, G_MAXUINT);
        gtk_drop_down_set_selected (self->case_dropdown, i);
        return;
      }
}

static void
update_composer (KhPersonTimeline *self)
{
  gboolean has_cases = self->case_ids != NULL && self->case_ids->len > 0;

  gtk_widget_set_visible (self->no_case_label, !has_cases);
  gtk_widget_set_sensitive (self->composer, has_cases);
  gtk_widget_set_sensitive (self->save_button, has_cases && !self->saving);
  gtk_widget_set_sensitive (GTK_WIDGET (self->case_dropdown),
                            has_cases && self->correcting_id == 0 && !self->saving);
  /* Without a case there is nothing to choose (an empty drop-down would
   * say GTK's own "(None)"): the label below says why. */
  gtk_widget_set_visible (GTK_WIDGET (self->case_dropdown), has_cases);
  gtk_widget_set_visible (self->case_label, has_cases);
  gtk_widget_set_visible (self->correction_bar, self->correcting_id != 0);
}

static void
buffer_changed_cb (GtkTextBuffer    *buffer,
                   KhPersonTimeline *self)
{
  char count[32];
  int n = gtk_text_buffer_get_char_count (buffer);

  g_snprintf (count, sizeof count, "%d / %d", n, KH_CASE_NOTE_MAX);
  gtk_label_set_text (self->count_label, count);
  if (n > KH_CASE_NOTE_MAX)
    gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->count_label), "error");
  /* The message was about the text as it was. */
  if (kh_field_message_is_shown (self->note_scroller))
    kh_field_message_set (self->note_scroller, NULL);
}

static void
stop_correcting (KhPersonTimeline *self)
{
  self->correcting_id = 0;
  update_composer (self);
}

static void
note_saved_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(KhPersonTimeline) self = user_data;
  g_autoptr(KhTimelineEntry) note = NULL;
  g_autoptr(GError) error = NULL;

  note = kh_store_add_case_note_finish (KH_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->saving = FALSE;
  gtk_text_view_set_editable (self->note_view, TRUE);

  if (note == NULL)
    {
      /* Nothing typed is lost: the text stays, with the reason at it. */
      kh_field_message_set (self->note_scroller, error->message);
      update_composer (self);
      update_actions (self);
      return;
    }

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), "", -1);
  stop_correcting (self);
  update_actions (self);
  /* The newest entry: on top, without reading the timeline again. */
  g_list_store_insert (self->entries, 0, note);
  show_status (self, NULL);
  /* Translators: a toast after a case note was saved */
  emit_toast (self, _("Case note saved"));
}

static void
save_note (KhPersonTimeline *self)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  gint64 case_id;

  if (self->saving || self->store == NULL)
    return;
  case_id = chosen_case (self);
  text = dup_note_text (self);
  /* The store checks the same; said here at once, without a round trip. */
  if (!kh_case_note_check (text, NULL, &error))
    {
      kh_field_message_set (self->note_scroller, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->note_view));
      return;
    }
  if (case_id == 0)
    return;

  kh_field_message_set (self->note_scroller, NULL);
  self->saving = TRUE;
  gtk_text_view_set_editable (self->note_view, FALSE);
  update_composer (self);
  update_actions (self);
  g_clear_object (&self->save_cancellable);
  self->save_cancellable = g_cancellable_new ();
  kh_store_add_case_note_async (self->store, case_id, text, self->correcting_id,
                                self->save_cancellable, note_saved_cb, g_object_ref (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  save_note (KH_PERSON_TIMELINE (widget));
}

static void
cancel_correction_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  KhPersonTimeline *self = KH_PERSON_TIMELINE (widget);

  if (self->saving)
    return;
  stop_correcting (self);
}

/* ---- an attempt to reach the person (issue 8, 3) ---- */

static KhTimelineEntry *
entry_from_attempt (KhContactAttempt *a)
{
  KhTimelineEntry *e = kh_timeline_entry_new (KH_TIMELINE_ATTEMPT);

  e->id = a->id;
  e->case_id = a->case_id;
  e->at = g_date_time_ref (a->attempted_at);
  e->n1 = a->method;
  e->n2 = a->outcome;
  e->ref_id = a->contact_id;
  e->text = g_strdup (a->note);
  e->who = g_strdup (a->made_by_name);
  return e;
}

static void
attempt_recorded_cb (KhAttemptDialog  *dialog,
                     KhContactAttempt *stored,
                     KhPersonTimeline *self)
{
  g_autoptr(KhTimelineEntry) e = NULL;
  guint n, i;

  if (stored->client_id != self->client_id)
    return;
  e = entry_from_attempt (stored);
  /* Where the store's order puts it (newest first; at the same time the
   * attempt, the latest kind, first): without reading the timeline again. */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));
  for (i = 0; i < n; i++)
    {
      g_autoptr(KhTimelineEntry) other = g_list_model_get_item (G_LIST_MODEL (self->entries), i);

      if (g_date_time_compare (other->at, e->at) <= 0)
        break;
    }
  g_list_store_insert (self->entries, i, e);
  show_status (self, NULL);
  update_letter_button (self);
  /* Translators: a toast after an attempt to reach a person was recorded */
  emit_toast (self, _("Contact attempt recorded"));
}

static void
record_attempt_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  KhPersonTimeline *self = KH_PERSON_TIMELINE (widget);
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *model = G_LIST_MODEL (self->entries);
  KhAttemptDialog *dialog;

  if (self->client_id == 0 || !self->loaded)
    return;
  /* The person's contacts, newest first: what the attempt may follow up. */
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(KhTimelineEntry) e = g_list_model_get_item (model, i);

      if (e->kind == KH_TIMELINE_CONTACT)
        g_ptr_array_add (contacts, g_steal_pointer (&e));
    }
  dialog = kh_attempt_dialog_new (self->store, GTK_WINDOW (gtk_widget_get_root (widget)),
                                  self->client_id, self->client_name, contacts);
  g_signal_connect_object (dialog, "recorded", G_CALLBACK (attempt_recorded_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The attempts that did not reach the person since the last that did
 * (kh_contact_attempts_unreached), from the entries as read; and the
 * channel of the contact the newest of them follows up (0: none). */
static GPtrArray *
dup_unreached (KhPersonTimeline *self,
               KhChannel        *out_channel)
{
  g_autoptr(GPtrArray) attempts = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *model = G_LIST_MODEL (self->entries);
  GPtrArray *unreached;
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KhTimelineEntry) e = g_list_model_get_item (model, i);
      KhContactAttempt *a;

      if (e->kind != KH_TIMELINE_ATTEMPT)
        continue;
      a = kh_contact_attempt_new ();
      a->id = e->id;
      a->attempted_at = g_date_time_ref (e->at);
      a->method = e->n1;
      a->outcome = e->n2;
      a->contact_id = e->ref_id;
      g_ptr_array_add (attempts, a);
    }
  unreached = kh_contact_attempts_unreached (attempts);
  if (out_channel != NULL)
    {
      gint64 contact_id = unreached->len > 0
                          ? ((KhContactAttempt *) g_ptr_array_index (unreached, unreached->len - 1))->contact_id
                          : 0;

      *out_channel = 0;
      for (guint i = 0; contact_id != 0 && i < n; i++)
        {
          g_autoptr(KhTimelineEntry) e = g_list_model_get_item (model, i);

          if (e->kind == KH_TIMELINE_CONTACT && e->id == contact_id)
            *out_channel = e->n1;
        }
    }
  return unreached;
}

/* "Could-Not-Reach Letter…" when some attempts did not reach the person. */
static void
update_letter_button (KhPersonTimeline *self)
{
  g_autoptr(GPtrArray) unreached = self->loaded ? dup_unreached (self, NULL) : NULL;

  gtk_widget_set_visible (self->letter_button, self->client != NULL && unreached != NULL && unreached->len > 0);
}

static void
letter_issued_cb (GObject                *owner,
                  const KhIssuedDocument *document)
{
  KhPersonTimeline *self = KH_PERSON_TIMELINE (owner);
  g_autoptr(KhTimelineEntry) e = kh_timeline_entry_new (KH_TIMELINE_DOCUMENT);
  char day[16];

  if (document->client_id != self->client_id)
    return;
  e->id = document->id;
  e->case_id = document->case_id;
  e->at = g_date_time_ref (document->issued_at);
  e->n1 = document->kind;
  e->text = g_strdup (document->title);
  e->who = g_strdup (document->issued_by_name);
  g_date_strftime (day, sizeof day, "%Y-%m-%d", &document->sent_on);
  e->day = g_strdup (day);
  e->code = g_strdup (kh_document_delivery_key (document->delivery));
  e->language = g_strdup (document->language);
  /* The newest entry: on top, without reading the timeline again. */
  g_list_store_insert (self->entries, 0, e);
  /* Translators: a toast after the could-not-reach letter was issued */
  emit_toast (self, _("Letter issued"));
}

static void
letter_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KhPersonTimeline *self = KH_PERSON_TIMELINE (widget);
  g_autoptr(GPtrArray) unreached = NULL;
  KhChannel channel = 0;

  if (self->client == NULL || !self->loaded)
    return;
  unreached = dup_unreached (self, &channel);
  if (unreached->len == 0)
    return;
  kh_could_not_reach_open (GTK_WINDOW (gtk_widget_get_root (widget)), self->store, self->client, channel,
                           G_OBJECT (self), letter_issued_cb, NULL);
}

/* ---- what is done with an entry ---- */

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KhPersonTimeline *self = KH_PERSON_TIMELINE (widget);
  KhTimelineEntry *e = selected_entry (self);

  if (e == NULL || e->kind != KH_TIMELINE_NOTE || e->text == NULL)
    return;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), e->text);
  /* Translators: a toast after a case note's text was copied */
  emit_toast (self, _("Note copied"));
}

static void
correct_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  KhPersonTimeline *self = KH_PERSON_TIMELINE (widget);
  KhTimelineEntry *e = selected_entry (self);
  g_autofree char *when = NULL;
  g_autofree char *text = NULL;

  if (may_correct_decision (self, e))
    {
      /* The decision's register number, as the correction prints it. */
      g_autofree char *number = kh_decision_number_format ((guint) e->n2, (guint) e->n3);

      gtk_widget_activate_action (widget, "person.correct-decision", "(xs)", e->id, number);
      return;
    }
  if (e == NULL || e->kind != KH_TIMELINE_NOTE || self->saving)
    return;
  when = format_when (e->at);
  self->correcting_id = e->id;
  select_case (self, e->case_id);
  /* Translators: above the text field while correcting a case note; %s is when it was written */
  text = g_strdup_printf (_("Correcting the note of %s. The note stays as it was; the correction is a new note that names it."),
                          when);
  gtk_label_set_text (self->correction_label, text);
  /* The correction starts from the text it corrects. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view),
                            e->text != NULL ? e->text : "", -1);
  update_composer (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->note_view));
}

static void
commitment_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  KhPersonTimeline *self = KH_PERSON_TIMELINE (widget);
  KhTimelineEntry *e = selected_entry (self);
  g_autofree char *day = NULL;

  if (!may_commit_on (self, e))
    return;
  /* The decision's day, as the commitment names it. */
  day = g_date_time_format (e->at, "%Y-%m-%d");
  gtk_widget_activate_action (widget, "person.payment-commitment", "(xiixs)", e->id, e->n2, e->n3,
                              e->case_id, day);
}

static void
note_dialog_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         KhPersonTimeline *self)
{
  if (g_strcmp0 (response, "copy") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "timeline.copy", NULL);
  else if (g_strcmp0 (response, "correct") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "timeline.correct", NULL);
}

/* A contact or an assessment opened from here was closed: what it changed
 * (a correction, a new version) is for the page to read again. */
static void
entry_window_closed_cb (KhPersonTimeline *self)
{
  g_signal_emit (self, signals[SIGNAL_WINDOW_CLOSED], 0);
}

static void
document_opened_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(KhPersonTimeline) self = user_data;
  g_autoptr(KhIssuedDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *parent;

  document = kh_store_get_document_pdf_finish (KH_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  parent = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
  if (document == NULL)
    {
      /* The store's reason, translated: no right to it, or its bytes are
       * not those issued (SHA-256). */
      GtkWidget *dialog = adw_message_dialog_new (parent,
                                                  /* Translators: the heading of a message when an issued document cannot be opened */
                                                  _("The Document Cannot Be Opened"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  {
    GString *subtitle = g_string_new (kh_document_kind_label (document->kind));
    g_autofree char *text = NULL;
    GtkWidget *window;

    append_register_and_language (subtitle, document->register_number, document->register_year,
                                  document->language);
    text = g_string_free (subtitle, FALSE);
    window = kh_document_window_new (parent, document->title, text, document->pdf);
    gtk_window_present (GTK_WINDOW (window));
  }
}

/* The PDF as it was issued: the store logs the reading and checks its
 * SHA-256 on its thread. */
static void
open_document (KhPersonTimeline *self,
               gint64            document_id)
{
  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  self->open_cancellable = g_cancellable_new ();
  kh_store_get_document_pdf_async (self->store, document_id, self->open_cancellable,
                                   document_opened_cb, g_object_ref (self));
}

static void
open_entry (KhPersonTimeline *self,
            KhTimelineEntry  *e)
{
  GtkWindow *parent = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));

  if (e->kind == KH_TIMELINE_ASSESSMENT && e->case_id != 0)
    {
      GtkWindow *window = kh_assessment_window_present (parent, self->store, e->case_id);

      if (self->client_name != NULL)
        kh_assessment_window_set_client_name (KH_ASSESSMENT_WINDOW (window), self->client_name);
      g_signal_handlers_disconnect_by_func (window, entry_window_closed_cb, self);
      g_signal_connect_object (window, "destroy", G_CALLBACK (entry_window_closed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  else if (e->kind == KH_TIMELINE_CONTACT)
    {
      /* The contact, its history and corrections (issue 5, 2.1), as the
       * list of contacts opens it for those without the timeline. */
      GtkWidget *window = kh_contact_window_new (self->store, e->id, parent);

      kh_contact_window_set_person_shown (KH_CONTACT_WINDOW (window), FALSE);
      g_signal_connect_object (window, "destroy", G_CALLBACK (entry_window_closed_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_window_present (GTK_WINDOW (window));
    }
  else if ((e->kind == KH_TIMELINE_PLAN || e->kind == KH_TIMELINE_PLAN_REVIEW || e->kind == KH_TIMELINE_PLAN_ACTION)
           && e->case_id != 0 && kh_assessment_window_may_open (self->store))
    {
      /* The case's client plan: its newest version, what changed since the
       * one before, and its review (issue 9, 5). */
      GtkWindow *window = kh_plan_window_present (parent, self->store, self->client_id, e->case_id,
                                                  self->client_name);

      g_signal_handlers_disconnect_by_func (window, entry_window_closed_cb, self);
      g_signal_connect_object (window, "destroy", G_CALLBACK (entry_window_closed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  else if (e->kind == KH_TIMELINE_DOCUMENT)
    open_document (self, e->id);
  else if (e->kind == KH_TIMELINE_ATTEMPT && e->text != NULL)
    {
      /* The note in full (the row cuts it short). */
      g_autofree char *when = format_when (e->at);
      g_autofree char *heading = g_strdup_printf ("%s · %s", kind_label (e), when);
      g_autofree char *body = g_strdup_printf ("%s · %s\n\n%s", kh_attempt_method_label (e->n1),
                                               kh_attempt_outcome_label (e->n2), e->text);
      GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
  else if (e->kind == KH_TIMELINE_NOTE)
    {
      g_autofree char *when = format_when (e->at);
      g_autofree char *case_line = dup_case_line (self, e);
      g_autofree char *heading = g_strdup_printf ("%s · %s", kind_label (e), when);
      GtkWidget *dialog = adw_message_dialog_new (parent, heading, NULL);
      GtkWidget *label = gtk_label_new (e->text);
      GtkWidget *scroller = gtk_scrolled_window_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *which = gtk_label_new (case_line);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_yalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (which, "dim-label");
      gtk_label_set_xalign (GTK_LABEL (which), 0);
      gtk_label_set_wrap (GTK_LABEL (which), TRUE);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 420);
      gtk_box_append (GTK_BOX (box), which);
      gtk_box_append (GTK_BOX (box), scroller);
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
      gtk_window_set_default_size (GTK_WINDOW (dialog), 560, -1);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        /* Translators: a button of the window that shows a case note */
                                        "copy", _("_Copy Text"),
                                        /* Translators: a button of the window that shows a case note: write a correcting note */
                                        "correct", _("C_orrect…"),
                                        /* Translators: a button of the window that shows a case note */
                                        "close", _("Close"),
                                        NULL);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
      g_signal_connect_object (dialog, "response", G_CALLBACK (note_dialog_response_cb), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  KhPersonTimeline *self = KH_PERSON_TIMELINE (widget);
  KhTimelineEntry *e = selected_entry (self);

  if (e != NULL)
    open_entry (self, e);
}

static void
list_activated_cb (GtkListView      *list,
                   guint             position,
                   KhPersonTimeline *self)
{
  g_autoptr(KhTimelineEntry) e = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (e != NULL)
    open_entry (self, e);
}

static void
selection_changed_cb (KhPersonTimeline *self)
{
  update_actions (self);
}

static void
popup_menu_at (KhPersonTimeline *self,
               double            x,
               double            y)
{
  GdkRectangle rect = { (int) x, (int) y, 1, 1 };

  if (selected_entry (self) == NULL || selected_entry (self)->kind != KH_TIMELINE_NOTE)
    return;
  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu), &rect);
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

static void
list_pressed_cb (GtkGestureClick  *gesture,
                 int               n_press,
                 double            x,
                 double            y,
                 KhPersonTimeline *self)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self->list_view), x, y, GTK_PICK_DEFAULT);
  GtkListItem *item = NULL;

  for (; picked != NULL && item == NULL; picked = gtk_widget_get_parent (picked))
    item = g_object_get_data (G_OBJECT (picked), "kh-list-item");
  if (item == NULL || gtk_list_item_get_position (item) == GTK_INVALID_LIST_POSITION)
    return;
  gtk_single_selection_set_selected (self->selection, gtk_list_item_get_position (item));
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  popup_menu_at (self, x, y);
}

/* Menu or Shift+F10 on an entry: its menu, at the entry. */
static gboolean
menu_key_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  KhPersonTimeline *self = KH_PERSON_TIMELINE (user_data);
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));
  graphene_rect_t bounds;

  if (focus != NULL && gtk_widget_compute_bounds (focus, GTK_WIDGET (self->list_view), &bounds))
    popup_menu_at (self, bounds.origin.x + 24, bounds.origin.y + bounds.size.height / 2);
  else
    popup_menu_at (self, 24, 24);
  return TRUE;
}

static gboolean
copy_key_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  gtk_widget_activate_action (GTK_WIDGET (user_data), "timeline.copy", NULL);
  return TRUE;
}

static gboolean
save_key_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  save_note (KH_PERSON_TIMELINE (user_data));
  return TRUE;
}

static void
add_shortcut (GtkEventController *controller,
              guint               key,
              GdkModifierType     mods,
              GtkShortcutFunc     func,
              gpointer            data)
{
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (key, mods),
                                                          gtk_callback_action_new (func, data, NULL)));
}

/* ---- building ---- */

static GtkWidget *
build_composer (KhPersonTimeline *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (_("New Case Note"));
  GtkWidget *case_label = gtk_label_new_with_mnemonic (_("C_ase"));
  GtkWidget *bottom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("Cancel Co_rrection"));
  GtkWidget *hint = gtk_label_new (_("Ctrl+Enter saves"));
  GtkEventController *keys;
  GtkTextBuffer *buffer;
  GtkWidget *field;

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "kh-note-composer");

  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_box_append (GTK_BOX (top), title);
  self->case_choices = gtk_string_list_new (NULL);
  self->cases_shown = gtk_slice_list_model_new (G_LIST_MODEL (g_object_ref (self->case_choices)), 0, G_MAXUINT);
  self->case_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->cases_shown)), NULL));
  gtk_label_set_mnemonic_widget (GTK_LABEL (case_label), GTK_WIDGET (self->case_dropdown));
  self->case_label = case_label;
  gtk_box_append (GTK_BOX (top), case_label);
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (self->case_dropdown));
  gtk_box_append (GTK_BOX (box), top);

  self->correction_bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->correction_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->correction_label, TRUE);
  gtk_label_set_xalign (self->correction_label, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->correction_label), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "timeline.cancel-correction");
  gtk_widget_set_valign (cancel, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (self->correction_bar), GTK_WIDGET (self->correction_label));
  gtk_box_append (GTK_BOX (self->correction_bar), cancel);
  gtk_widget_set_visible (self->correction_bar, FALSE);
  gtk_box_append (GTK_BOX (box), self->correction_bar);

  self->note_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->note_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (self->note_view, FALSE);
  gtk_text_view_set_top_margin (self->note_view, 6);
  gtk_text_view_set_bottom_margin (self->note_view, 6);
  gtk_text_view_set_left_margin (self->note_view, 6);
  gtk_text_view_set_right_margin (self->note_view, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->note_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Case note text"),
                                  GTK_ACCESSIBLE_PROPERTY_MULTI_LINE, TRUE, -1);
  buffer = gtk_text_view_get_buffer (self->note_view);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (buffer_changed_cb), self, 0);
  keys = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  add_shortcut (keys, GDK_KEY_Return, GDK_CONTROL_MASK, save_key_cb, self);
  add_shortcut (keys, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, save_key_cb, self);
  gtk_widget_add_controller (GTK_WIDGET (self->note_view), keys);

  self->note_scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->note_scroller), GTK_WIDGET (self->note_view));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->note_scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (self->note_scroller), 96);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (self->note_scroller), 200);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (self->note_scroller), TRUE);
  gtk_scrolled_window_set_has_frame (GTK_SCROLLED_WINDOW (self->note_scroller), TRUE);
  /* Its own box, so that a message about the text comes right under it. */
  field = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (field), self->note_scroller);
  gtk_box_append (GTK_BOX (box), field);

  gtk_widget_add_css_class (hint, "dim-label");
  gtk_widget_add_css_class (hint, "caption");
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  self->count_label = GTK_LABEL (gtk_label_new ("0 / 4000"));
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "numeric");
  gtk_widget_set_hexpand (hint, TRUE);
  gtk_widget_set_margin_end (GTK_WIDGET (self->count_label), 6);
  gtk_label_set_xalign (self->count_label, 1);
  self->save_button = gtk_button_new_with_mnemonic (_("Save _Note"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->save_button), "timeline.save");
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  gtk_box_append (GTK_BOX (bottom), hint);
  gtk_box_append (GTK_BOX (bottom), GTK_WIDGET (self->count_label));
  gtk_box_append (GTK_BOX (bottom), self->save_button);
  gtk_box_append (GTK_BOX (box), bottom);

  gtk_widget_set_margin_top (top, 6);
  gtk_widget_set_margin_start (box, 0);
  for (GtkWidget *w = gtk_widget_get_first_child (box); w != NULL; w = gtk_widget_get_next_sibling (w))
    {
      gtk_widget_set_margin_start (w, 12);
      gtk_widget_set_margin_end (w, 12);
    }
  gtk_widget_set_margin_bottom (bottom, 12);
  gtk_widget_set_margin_top (top, 12);
  return box;
}

/* A timeline read and found empty says so (show_status) rather than
 * showing an empty frame below the words. While it is being read the list
 * stays: the page's first frame lays it out then, not the frame that
 * brings the entries. */
static void
entries_changed_cb (KhPersonTimeline *self)
{
  if (self->list_scroller == NULL)
    return;
  gtk_widget_set_visible (self->list_scroller,
                          !self->loaded || g_list_model_get_n_items (G_LIST_MODEL (self->entries)) > 0);
}

static void
build (KhPersonTimeline *self)
{
  GtkWidget *heading = gtk_label_new (_("Timeline"));
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkEventController *keys;
  GtkGesture *click;
  g_autoptr(GMenu) menu = g_menu_new ();

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  gtk_widget_add_css_class (heading, "title-4");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_widget_set_hexpand (heading, TRUE);
  /* The heading, and what is recorded from here besides notes. */
  {
    GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

    /* Translators: a button on a person's timeline: record a call, text message, letter or visit that tried to reach them */
    self->attempt_button = gtk_button_new_with_mnemonic (_("Record a Contact A_ttempt…"));
    gtk_actionable_set_action_name (GTK_ACTIONABLE (self->attempt_button), "timeline.record-attempt");
    gtk_widget_set_valign (self->attempt_button, GTK_ALIGN_CENTER);
    /* Translators: a button on a person's timeline: the letter to a person whom the attempts did not reach */
    self->letter_button = gtk_button_new_with_mnemonic (_("Could-Not-Reach _Letter…"));
    gtk_actionable_set_action_name (GTK_ACTIONABLE (self->letter_button), "timeline.could-not-reach");
    gtk_widget_set_valign (self->letter_button, GTK_ALIGN_CENTER);
    gtk_widget_set_visible (self->letter_button, FALSE);
    gtk_box_append (GTK_BOX (bar), heading);
    gtk_box_append (GTK_BOX (bar), self->letter_button);
    gtk_box_append (GTK_BOX (bar), self->attempt_button);
    gtk_box_append (GTK_BOX (self->box), bar);
  }

  self->no_case_label = gtk_label_new (_("A case note is written for a case: this person has no case yet."));
  gtk_label_set_wrap (GTK_LABEL (self->no_case_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->no_case_label), 0);
  gtk_widget_add_css_class (self->no_case_label, "dim-label");
  gtk_widget_set_visible (self->no_case_label, FALSE);
  gtk_box_append (GTK_BOX (self->box), self->no_case_label);

  self->composer = build_composer (self);
  gtk_box_append (GTK_BOX (self->box), self->composer);

  self->status_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->status_label, TRUE);
  gtk_label_set_xalign (self->status_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "dim-label");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), FALSE);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->status_label));

  self->entries = g_list_store_new (KH_TYPE_TIMELINE_ENTRY);
  self->shown = gtk_slice_list_model_new (G_LIST_MODEL (g_object_ref (self->entries)), 0, G_MAXUINT);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->shown)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)),
                                                      factory));
  gtk_list_view_set_show_separators (self->list_view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "kh-timeline");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline"), -1);
  g_signal_connect_object (self->list_view, "activate", G_CALLBACK (list_activated_cb), self, 0);

  keys = gtk_shortcut_controller_new ();
  add_shortcut (keys, GDK_KEY_c, GDK_CONTROL_MASK, copy_key_cb, self);
  add_shortcut (keys, GDK_KEY_F10, GDK_SHIFT_MASK, menu_key_cb, self);
  add_shortcut (keys, GDK_KEY_Menu, 0, menu_key_cb, self);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), keys);
  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (click, "pressed", G_CALLBACK (list_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), GTK_EVENT_CONTROLLER (click));

  /* Translators: an item of a case note's menu in the timeline */
  g_menu_append (menu, _("_Open"), "timeline.open");
  /* Translators: an item of a case note's menu in the timeline */
  g_menu_append (menu, _("_Copy Text"), "timeline.copy");
  /* Translators: an item of a case note's menu in the timeline: write a correcting note */
  g_menu_append (menu, _("C_orrect…"), "timeline.correct");
  /* Translators: an item of an issued decision's menu in the timeline: a payment commitment resting on it */
  g_menu_append (menu, _("_Payment Commitment…"), "timeline.commitment");
  self->menu = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), FALSE);
  gtk_widget_set_halign (self->menu, GTK_ALIGN_START);
  gtk_widget_set_parent (self->menu, GTK_WIDGET (self->list_view));

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->list_view));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_has_frame (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (self->box), scroller);
  self->list_scroller = scroller;
  g_signal_connect_object (self->entries, "items-changed", G_CALLBACK (entries_changed_cb), self,
                           G_CONNECT_SWAPPED);
  entries_changed_cb (self);
}

static void
kh_person_timeline_dispose (GObject *object)
{
  KhPersonTimeline *self = KH_PERSON_TIMELINE (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->save_cancellable);
  g_cancellable_cancel (self->open_cancellable);
  stop_waiting_for_paint (self);
  if (self->menu != NULL)
    gtk_widget_unparent (self->menu);
  self->menu = NULL;
  self->list_scroller = NULL;
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->save_cancellable);
  g_clear_object (&self->open_cancellable);
  g_clear_object (&self->selection);
  g_clear_object (&self->shown);
  g_clear_object (&self->entries);
  g_clear_object (&self->cases_shown);
  g_clear_object (&self->case_choices);
  g_clear_object (&self->store);
  g_clear_pointer (&self->case_labels, g_hash_table_unref);
  g_clear_pointer (&self->case_ids, g_array_unref);
  g_clear_pointer (&self->client_name, g_free);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (kh_person_timeline_parent_class)->dispose (object);
}

static void
kh_person_timeline_class_init (KhPersonTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_person_timeline_dispose;

  signals[SIGNAL_TOAST] =
    g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, ADW_TYPE_TOAST);
  /* The timeline's reading came (its entries, or why not). */
  signals[SIGNAL_LOADED] =
    g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_WINDOW_CLOSED] =
    g_signal_new ("window-closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "timeline.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "timeline.cancel-correction", NULL, cancel_correction_action);
  gtk_widget_class_install_action (widget_class, "timeline.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "timeline.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "timeline.correct", NULL, correct_action);
  gtk_widget_class_install_action (widget_class, "timeline.commitment", NULL, commitment_action);
  gtk_widget_class_install_action (widget_class, "timeline.record-attempt", NULL, record_attempt_action);
  gtk_widget_class_install_action (widget_class, "timeline.could-not-reach", NULL, letter_action);

  gtk_widget_class_set_css_name (widget_class, "kh-person-timeline");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
kh_person_timeline_init (KhPersonTimeline *self)
{
  kh_field_message_ensure_style ();
  self->case_labels = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  build (self);
  update_composer (self);
  update_actions (self);
}

GtkWidget *
kh_person_timeline_new (KhStore *store)
{
  KhPersonTimeline *self;

  g_return_val_if_fail (KH_IS_STORE (store), NULL);

  self = g_object_new (KH_TYPE_PERSON_TIMELINE, NULL);
  self->store = g_object_ref (store);
  return GTK_WIDGET (self);
}

gboolean
kh_person_timeline_may_read (KhStore *store)
{
  KhUser *user;

  g_return_val_if_fail (KH_IS_STORE (store), FALSE);

  user = kh_store_get_user (store);
  return user != NULL && kh_role_works_cases (user->role);
}

void
kh_person_timeline_clear (KhPersonTimeline *self)
{
  g_return_if_fail (KH_IS_PERSON_TIMELINE (self));

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->save_cancellable);
  g_cancellable_cancel (self->open_cancellable);
  self->saving = FALSE;
  self->loaded = FALSE;
  entries_changed_cb (self);
  self->client_id = 0;
  g_clear_object (&self->client);
  gtk_widget_set_visible (self->letter_button, FALSE);
  show_all_rows (self);
  g_list_store_remove_all (self->entries);
  g_hash_table_remove_all (self->case_labels);
  g_clear_pointer (&self->case_ids, g_array_unref);
  gtk_string_list_splice (self->case_choices, 0, g_list_model_get_n_items (G_LIST_MODEL (self->case_choices)),
                          NULL);
  gtk_text_view_set_editable (self->note_view, TRUE);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), "", -1);
  kh_field_message_set (self->note_scroller, NULL);
  show_status (self, NULL);
  stop_correcting (self);
  update_actions (self);
}

/* The person whose timeline is read now: FALSE when the user may not
 * read it. */
static gboolean
begin_load (KhPersonTimeline *self,
            gint64            client_id,
            const char       *client_name)
{
  /* Another person: nothing of the previous one stays. The same person
   * read again keeps the note being written (nothing typed is lost). */
  if (client_id != self->client_id)
    kh_person_timeline_clear (self);
  g_free (self->client_name);
  self->client_name = g_strdup (client_name);
  self->client_id = client_id;
  if (!kh_person_timeline_may_read (self->store))
    return FALSE;

  /* A reading still under way is not this one's. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->loaded = FALSE;
  entries_changed_cb (self);
  return TRUE;
}

void
kh_person_timeline_load (KhPersonTimeline *self,
                         gint64            client_id,
                         const char       *client_name)
{
  g_return_if_fail (KH_IS_PERSON_TIMELINE (self));
  g_return_if_fail (client_id > 0);

  if (begin_load (self, client_id, client_name))
    kh_store_list_client_timeline_async (self->store, client_id, 0, self->cancellable,
                                         timeline_loaded_cb, g_object_ref (self));
}

void
kh_person_timeline_expect (KhPersonTimeline *self,
                           gint64            client_id)
{
  g_return_if_fail (KH_IS_PERSON_TIMELINE (self));
  g_return_if_fail (client_id > 0);

  begin_load (self, client_id, NULL);
}

void
kh_person_timeline_show_read (KhPersonTimeline *self,
                              KhClient         *client,
                              GPtrArray        *entries,
                              const GError     *error)
{
  gboolean may_read;

  g_return_if_fail (KH_IS_PERSON_TIMELINE (self));
  g_return_if_fail (KH_IS_CLIENT (client));
  g_return_if_fail (entries != NULL || error != NULL || !kh_person_timeline_may_read (self->store));

  may_read = begin_load (self, client->id, NULL);
  kh_person_timeline_set_client (self, client);
  if (may_read)
    show_entries (self, entries, error);
}

void
kh_person_timeline_set_cases (KhPersonTimeline *self,
                              GPtrArray        *cases)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  gint64 previous = chosen_case (self);
  gint64 open_case = 0;
  GdkFrameClock *clock;
  guint choice = 0;
  guint n;

  g_return_if_fail (KH_IS_PERSON_TIMELINE (self));

  g_hash_table_remove_all (self->case_labels);
  g_clear_pointer (&self->case_ids, g_array_unref);
  self->case_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; cases != NULL && i < cases->len; i++)
    {
      KhCase *c = g_ptr_array_index (cases, i);
      g_autofree char *day = format_day (c->opened_at);
      /* Translators: names one of a person's cases by the day it became pending */
      char *label = g_strdup_printf (_("Case pending since %s"), day);
      char *text = c->status == KH_CASE_CLOSED
                   /* Translators: a closed case in the list of cases to write a note for */
                   ? g_strdup_printf (_("%s (closed)"), label)
                   : g_strdup (label);

      g_hash_table_insert (self->case_labels, g_memdup2 (&c->id, sizeof c->id), label);
      g_array_append_val (self->case_ids, c->id);
      g_ptr_array_add (labels, text);
      /* The cases come newest first: the newest open one is the default. */
      if (open_case == 0 && c->status != KH_CASE_CLOSED)
        open_case = c->id;
    }
  g_ptr_array_add (labels, NULL);
  if (previous != 0 && self->correcting_id != 0)
    choice = case_index (self, previous);
  else if (open_case != 0)
    choice = case_index (self, open_case);
  /* GTK 4.8's drop-down makes a row of its popup for each case at once:
   * a person's first reading gives it the chosen one (shown in the
   * button) and the others once the first frame is painted, as the
   * entries (the popup cannot be open before). */
  clock = g_list_model_get_n_items (G_LIST_MODEL (self->case_choices)) == 0 ? get_clock (self) : NULL;
  if (clock != NULL && self->case_ids->len > choice + 1)
    {
      gtk_slice_list_model_set_size (self->cases_shown, choice + 1);
      wait_for_paint (self, clock);
    }
  n = g_list_model_get_n_items (G_LIST_MODEL (self->case_choices));
  gtk_string_list_splice (self->case_choices, 0, n, (const char * const *) labels->pdata);
  if (self->case_ids->len > 0)
    gtk_drop_down_set_selected (self->case_dropdown, choice);
  update_composer (self);

  /* The entries name their cases now. */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));
  if (n > 0)
    g_list_model_items_changed (G_LIST_MODEL (self->entries), 0, n, n);
}

void
kh_person_timeline_set_client (KhPersonTimeline *self,
                               KhClient         *client)
{
  g_return_if_fail (KH_IS_PERSON_TIMELINE (self));
  g_return_if_fail (client == NULL || KH_IS_CLIENT (client));

  if (client != NULL && client->id != self->client_id)
    return;
  g_clear_object (&self->client);
  if (client != NULL)
    {
      self->client = kh_client_copy (client);
      g_free (self->client_name);
      self->client_name = kh_client_dup_display_name (client);
    }
  update_letter_button (self);
}

GListModel *
kh_person_timeline_get_model (KhPersonTimeline *self)
{
  g_return_val_if_fail (KH_IS_PERSON_TIMELINE (self), NULL);

  return G_LIST_MODEL (self->entries);
}

void
kh_person_timeline_focus_note (KhPersonTimeline *self)
{
  g_return_if_fail (KH_IS_PERSON_TIMELINE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->note_view));
}

void
kh_person_timeline_discard_note (KhPersonTimeline *self)
{
  g_return_if_fail (KH_IS_PERSON_TIMELINE (self));

  if (!self->saving)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), "", -1);
}

gboolean
kh_person_timeline_is_writing (KhPersonTimeline *self)
{
  GtkTextBuffer *buffer;

  g_return_val_if_fail (KH_IS_PERSON_TIMELINE (self), FALSE);

  buffer = gtk_text_view_get_buffer (self->note_view);
  return self->saving || gtk_text_buffer_get_char_count (buffer) > 0;
}

gboolean
kh_person_timeline_is_loaded (KhPersonTimeline *self)
{
  g_return_val_if_fail (KH_IS_PERSON_TIMELINE (self), FALSE);

  return self->loaded;
}
