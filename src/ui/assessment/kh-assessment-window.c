/* kh-assessment-window.c — a case's service-need assessment in its own window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 7, 3: the assessment is started from a case and can be left and
 * resumed at any time; a crash or a power cut loses at most the field
 * being typed. The window keeps the wizard and saves what it has as the
 * draft: KH_ASSESSMENT_SAVE_DELAY_MS after the last change, at once when
 * the step changes, and before the window closes (closing and quitting
 * hide it until the save is done; the application lives while it is
 * there). One save is under way at a time, over the revision the last one
 * answered with; a change made meanwhile is saved after it. Nothing waits
 * on the UI thread: every call is the store's async one.
 *
 * A save that fails keeps everything as typed and says why above the
 * wizard; when the server is away the draft is saved as soon as it is back
 * (KhStore:available), as the intake form does. Finishing saves and
 * finishes in one call; the store's refusal is shown on the review step.
 * A finished assessment is read-only, with "Make a New Version" asking for
 * the reason.
 */
#define G_LOG_DOMAIN "kohtaamo-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kh-assessment.h"
#include "store/kh-db.h"
#include "ui/documents/kh-letter-issue.h"
#include "kh-assessment-window.h"

struct _KhAssessmentWindow
{
  AdwWindow           parent_instance;

  /* widgets */
  AdwWindowTitle     *title;
  GtkStack           *stack;              /* "loading", "failed", "wizard" */
  AdwStatusPage      *failed_page;
  GtkRevealer        *message_revealer;   /* a save or finishing failed */
  GtkLabel           *message_label;
  GtkButton          *retry_button;
  GtkRevealer        *finished_revealer;  /* the finished version, read-only */
  GtkLabel           *finished_label;
  KhAssessmentWizard *wizard;

  /* owned */
  KhStore            *store;
  GCancellable       *cancellable;        /* loading; saves are never cancelled */
  char               *client_name;
  char               *message;
  char              **answers;            /* the unit's self-assessment wording, or NULL */

  gint64              case_id;
  gint64              revision;           /* of the draft as last saved */
  guint               save_id;            /* the delay after the last change */
  gint64              dirty_since;        /* monotonic µs of the oldest unsaved change, or 0 */
  gboolean            loaded;
  gboolean            dirty;              /* changed since the last save was sent */
  gboolean            saving;             /* a save (or finishing) is under way */
  gboolean            save_again;         /* save right after the one under way */
  gboolean            finish_asked;       /* finish after the save under way */
  gboolean            closing;            /* hidden: destroy once saved */
  gboolean            waiting;            /* for the server to come back */
};

G_DEFINE_FINAL_TYPE (KhAssessmentWindow, kh_assessment_window, ADW_TYPE_WINDOW)

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void save_now (KhAssessmentWindow *self);

static gboolean
is_finished (KhAssessmentWindow *self)
{
  return kh_assessment_wizard_get_assessment (self->wizard)->status == KH_ASSESSMENT_FINISHED;
}

static void
update_title (KhAssessmentWindow *self)
{
  const KhAssessment *a = kh_assessment_wizard_get_assessment (self->wizard);
  g_autofree char *subtitle = NULL;

  if (!self->loaded || a->id == 0)
    subtitle = g_strdup (self->client_name != NULL ? self->client_name : "");
  else
    {
      /* Translators: the assessment's version and whether it is a draft or
       * finished, e.g. "Version 2 · Draft" */
      g_autofree char *version = g_strdup_printf (_("Version %d · %s"), a->version,
                                                  a->status == KH_ASSESSMENT_FINISHED
                                                  ? C_("assessment", "Finished")
                                                  : C_("assessment", "Draft"));

      subtitle = self->client_name != NULL ? g_strdup_printf ("%s · %s", self->client_name, version)
                                           : g_steal_pointer (&version);
    }
  adw_window_title_set_subtitle (self->title, subtitle);
}

static void
show_message (KhAssessmentWindow *self,
              const char         *message,
              gboolean            can_retry)
{
  g_free (self->message);
  self->message = g_strdup (message);
  if (message != NULL)
    gtk_label_set_text (self->message_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->retry_button), can_retry);
  gtk_revealer_set_reveal_child (self->message_revealer, message != NULL);
}

static void
set_status_saved (KhAssessmentWindow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  /* Translators: a time of day as a strftime format: "10.42" in fi, "10.42" in sv */
  g_autofree char *time = g_date_time_format (now, _("%H.%M"));
  /* Translators: under the assessment's steps; %s is the time, "10.42" */
  g_autofree char *status = g_strdup_printf (_("Draft saved at %s"), time);

  kh_assessment_wizard_set_status (self->wizard, status);
}

/* Closing waited for this save: the window goes once nothing is unsaved. */
static void
close_if_done (KhAssessmentWindow *self)
{
  if (self->closing && !self->dirty && !self->saving)
    gtk_window_destroy (GTK_WINDOW (self));
}

/* A save that failed: everything stays as typed, and the window says why
 * (a closing window comes back to say it). */
static void
save_failed (KhAssessmentWindow *self,
             const GError       *error)
{
  self->dirty = TRUE;
  if (g_error_matches (error, KH_STORE_ERROR, KH_STORE_ERROR_UNAVAILABLE)
      && !kh_store_get_available (self->store))
    {
      self->waiting = TRUE;
      kh_assessment_wizard_set_status (self->wizard, _("Waiting for the server…"));
      show_message (self, _("The server cannot be reached. What you wrote is kept here and saved as soon as the server is back."), FALSE);
      if (!self->closing)
        return;
    }
  else
    {
      /* Translators: %s says why, from the store */
      g_autofree char *message = g_strdup_printf (_("The assessment could not be saved: %s What you wrote is kept in this window."),
                                                  error->message);

      kh_assessment_wizard_set_status (self->wizard, _("Not saved"));
      show_message (self, message, TRUE);
    }
  if (self->closing)
    {
      self->closing = FALSE;
      gtk_window_present (GTK_WINDOW (self));
    }
}

static void
do_finish (KhAssessmentWindow *self);

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(KhAssessmentWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(KhAssessment) saved = kh_store_save_assessment_finish (KH_STORE (object), result, &error);

  self->saving = FALSE;
  if (saved == NULL)
    {
      self->save_again = FALSE;
      self->finish_asked = FALSE;
      save_failed (self, error);
      return;
    }
  g_debug ("saved at step %d, revision %" G_GINT64_FORMAT, saved->current_step, saved->revision);
  self->revision = saved->revision;
  self->waiting = FALSE;
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, saved);
  show_message (self, NULL, FALSE);
  set_status_saved (self);
  if (self->finish_asked)
    {
      self->finish_asked = FALSE;
      do_finish (self);
      return;
    }
  if (self->dirty && (self->save_again || self->closing))
    save_now (self);
  self->save_again = FALSE;
  close_if_done (self);
}

/* The wizard's record as it is now, to save over the last revision. */
static KhAssessment *
copy_for_save (KhAssessmentWindow *self)
{
  KhAssessment *copy = kh_assessment_copy (kh_assessment_wizard_get_assessment (self->wizard));

  copy->revision = self->revision;
  copy->current_step = kh_assessment_wizard_get_step (self->wizard);
  return copy;
}

static void
save_now (KhAssessmentWindow *self)
{
  g_autoptr(KhAssessment) copy = NULL;

  g_clear_handle_id (&self->save_id, g_source_remove);
  if (!self->loaded || !self->dirty || is_finished (self))
    {
      close_if_done (self);
      return;
    }
  if (self->saving)
    {
      self->save_again = TRUE;
      return;
    }
  copy = copy_for_save (self);
  g_debug ("saving the draft at step %d, revision %" G_GINT64_FORMAT, copy->current_step, copy->revision);
  self->dirty = FALSE;
  self->dirty_since = 0;
  self->saving = TRUE;
  kh_assessment_wizard_set_status (self->wizard, _("Saving…"));
  kh_store_save_assessment_async (self->store, copy, NULL, saved_cb, g_object_ref (self));
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  KhAssessmentWindow *self = user_data;

  self->save_id = 0;
  save_now (self);
  return G_SOURCE_REMOVE;
}

static void
wizard_changed_cb (KhAssessmentWindow *self)
{
  if (!self->loaded || is_finished (self))
    return;
  self->dirty = TRUE;
  if (self->dirty_since == 0)
    self->dirty_since = g_get_monotonic_time ();
  /* Waiting for the server: saved when it is back, not at every key. */
  if (self->waiting)
    return;
  g_clear_handle_id (&self->save_id, g_source_remove);
  /* A pause in typing saves; so does typing on without one, now and then. */
  if (g_get_monotonic_time () - self->dirty_since >= KH_ASSESSMENT_SAVE_MAX_DELAY_MS * 1000)
    save_now (self);
  else
    self->save_id = g_timeout_add (KH_ASSESSMENT_SAVE_DELAY_MS, save_timeout_cb, self);
}

static void
wizard_step_changed_cb (KhAssessmentWindow *self)
{
  if (!self->loaded || is_finished (self))
    return;
  self->dirty = TRUE;
  if (!self->waiting)
    save_now (self);
}

static void
store_available_cb (KhAssessmentWindow *self)
{
  if (self->waiting && kh_store_get_available (self->store))
    {
      self->waiting = FALSE;
      save_now (self);
    }
}

static void
retry_clicked_cb (KhAssessmentWindow *self)
{
  self->dirty = TRUE;
  self->waiting = FALSE;
  save_now (self);
}

/* ---- finishing and new versions ---- */

static void
show_assessment (KhAssessmentWindow *self,
                 const KhAssessment *assessment)
{
  g_autofree char *today = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  gboolean finished = assessment->status == KH_ASSESSMENT_FINISHED;

  today = g_date_time_format (now, "%Y-%m-%d");
  self->revision = assessment->revision;
  kh_assessment_wizard_set_assessment (self->wizard, assessment, today);
  if (finished)
    {
      g_autofree char *when = assessment->finished_at != NULL
                              /* Translators: a date as a strftime format: "4.12.2026" */
                              ? g_date_time_format (assessment->finished_at, _("%-d.%-m.%Y"))
                              : g_strdup ("");
      /* Translators: above a finished assessment; %s is the day it was finished */
      g_autofree char *text = g_strdup_printf (_("Finished on %s. A finished assessment is not changed: a change is made as a new version, with the reason."),
                                               when);

      gtk_label_set_text (self->finished_label, text);
      kh_assessment_wizard_set_status (self->wizard, NULL);
    }
  gtk_revealer_set_reveal_child (self->finished_revealer, finished);
  update_title (self);
}

static void
finished_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(KhAssessmentWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(KhAssessment) finished = kh_store_finish_assessment_finish (KH_STORE (object), result, &error);

  self->saving = FALSE;
  if (finished == NULL)
    {
      self->dirty = TRUE;
      if (g_error_matches (error, KH_STORE_ERROR, KH_STORE_ERROR_UNAVAILABLE))
        {
          save_failed (self, error);
          return;
        }
      /* Said where it happened: on the review, with what is missing. */
      kh_assessment_wizard_set_step (self->wizard, KH_ASSESSMENT_STEP_REVIEW);
      {
        /* Translators: %s is why, from the store */
        g_autofree char *message = g_strdup_printf (_("The assessment was not finished: %s"), error->message);

        show_message (self, message, FALSE);
      }
      kh_assessment_wizard_set_status (self->wizard, _("Not finished"));
      /* The draft is still to be saved as it is. */
      save_now (self);
      return;
    }
  self->dirty = FALSE;
  show_message (self, NULL, FALSE);
  show_assessment (self, finished);
  close_if_done (self);
}

static void
do_finish (KhAssessmentWindow *self)
{
  g_autoptr(KhAssessment) copy = copy_for_save (self);

  g_clear_handle_id (&self->save_id, g_source_remove);
  copy->current_step = KH_ASSESSMENT_STEP_REVIEW;
  self->dirty = FALSE;
  self->saving = TRUE;
  kh_assessment_wizard_set_status (self->wizard, _("Finishing…"));
  kh_store_finish_assessment_async (self->store, copy, NULL, finished_cb, g_object_ref (self));
}

static void
wizard_finish_cb (KhAssessmentWindow *self)
{
  if (!self->loaded || is_finished (self))
    return;
  if (self->saving)
    {
      self->finish_asked = TRUE;
      return;
    }
  do_finish (self);
}

static void
new_version_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(KhAssessmentWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(KhAssessment) draft = kh_store_new_assessment_version_finish (KH_STORE (object), result, &error);

  self->saving = FALSE;
  if (draft == NULL)
    {
      /* Translators: %s is why, from the store */
      g_autofree char *message = g_strdup_printf (_("No new version was made: %s"), error->message);

      show_message (self, message, FALSE);
      return;
    }
  show_message (self, NULL, FALSE);
  show_assessment (self, draft);
  kh_assessment_wizard_set_step (self->wizard, KH_ASSESSMENT_STEP_START);
  set_status_saved (self);
}

static void
reason_changed_cb (GtkEditable     *entry,
                   AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "make", text[0] != '\0');
}

/* Enter in the reason answers as the button does: the version is made
 * and the dialog closes (adw_message_dialog_response () alone leaves it
 * open, and a second Enter would make another version). */
static void
reason_activated_cb (GtkEntry         *entry,
                     AdwMessageDialog *dialog)
{
  if (!adw_message_dialog_get_response_enabled (dialog, "make"))
    return;
  adw_message_dialog_response (dialog, "make");
  gtk_window_close (GTK_WINDOW (dialog));
}

static void
new_version_response_cb (AdwMessageDialog   *dialog,
                         const char         *response,
                         KhAssessmentWindow *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "kh-reason");
  const KhAssessment *a = kh_assessment_wizard_get_assessment (self->wizard);

  if (g_strcmp0 (response, "make") != 0 || self->saving)
    return;
  self->saving = TRUE;
  kh_store_new_assessment_version_async (self->store, a->id, gtk_editable_get_text (entry), NULL,
                                         new_version_cb, g_object_ref (self));
}

static void
new_version_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  KhAssessmentWindow *self = KH_ASSESSMENT_WINDOW (widget);
  GtkWidget *dialog, *entry;

  if (!self->loaded || !is_finished (self))
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Make a New Version?"),
                                   _("The finished version stays as it is. The new version starts as a copy of it, and the reason is kept with it."));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Why the assessment is changed"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Why the assessment is changed"), -1);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), FALSE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "make", _("_Make New Version"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "make", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "make", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "make");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "kh-reason", entry);
  g_signal_connect (entry, "changed", G_CALLBACK (reason_changed_cb), dialog);
  g_signal_connect (entry, "activate", G_CALLBACK (reason_activated_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (new_version_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* ---- loading ---- */

static void
answers_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(KhAssessmentWindow) self = user_data;
  g_autofree char *value = NULL;

  if (kh_store_get_setting_finish (KH_STORE (object), result, &value, NULL) && value != NULL)
    {
      g_strfreev (self->answers);
      self->answers = kh_assessment_parse_self_assessment_answers (value);
      kh_assessment_wizard_set_self_assessment_answers (self->wizard, (const char * const *) self->answers);
    }
}

static void
started_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(KhAssessmentWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(KhAssessment) a = kh_store_start_assessment_finish (KH_STORE (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->loaded = TRUE;
  if (a == NULL)
    {
      adw_status_page_set_description (self->failed_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "failed");
      return;
    }
  show_assessment (self, a);
  gtk_stack_set_visible_child_name (self->stack, "wizard");
  if (a->status != KH_ASSESSMENT_FINISHED)
    kh_assessment_wizard_set_status (self->wizard, NULL);
  gtk_widget_child_focus (GTK_WIDGET (self->wizard), GTK_DIR_TAB_FORWARD);
}

static void
load (KhAssessmentWindow *self)
{
  /* The wording for the client's own rating, in the language of the
   * screen the client reads (the UI's). */
  const char *key = KH_SETTING_SELF_ASSESSMENT_ANSWERS_FI;
  const char * const *languages = g_get_language_names ();

  for (guint i = 0; languages[i] != NULL; i++)
    if (g_str_has_prefix (languages[i], "sv") || g_str_has_prefix (languages[i], "fi"))
      {
        if (g_str_has_prefix (languages[i], "sv"))
          key = KH_SETTING_SELF_ASSESSMENT_ANSWERS_SV;
        break;
      }

  self->loaded = FALSE;
  gtk_stack_set_visible_child_name (self->stack, "loading");
  kh_store_get_setting_async (self->store, key, self->cancellable, answers_loaded_cb, g_object_ref (self));
  kh_store_start_assessment_async (self->store, self->case_id, self->cancellable, started_cb,
                                   g_object_ref (self));
}

/* ---- the window ---- */

static gboolean
kh_assessment_window_close_request (GtkWindow *window)
{
  KhAssessmentWindow *self = KH_ASSESSMENT_WINDOW (window);

  g_clear_handle_id (&self->save_id, g_source_remove);
  if (self->loaded && (self->dirty || self->saving))
    {
      /* Saved first; the window (and so the application) stays, hidden,
       * until it is. A failure brings it back to say so. */
      self->closing = TRUE;
      self->waiting = FALSE;
      gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
      save_now (self);
      return TRUE;
    }
  g_cancellable_cancel (self->cancellable);
  return GTK_WINDOW_CLASS (kh_assessment_window_parent_class)->close_request (window);
}

static void
kh_assessment_window_dispose (GObject *object)
{
  KhAssessmentWindow *self = KH_ASSESSMENT_WINDOW (object);

  g_clear_handle_id (&self->save_id, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (kh_assessment_window_parent_class)->dispose (object);
}

static void
kh_assessment_window_finalize (GObject *object)
{
  KhAssessmentWindow *self = KH_ASSESSMENT_WINDOW (object);

  g_free (self->client_name);
  g_free (self->message);
  g_strfreev (self->answers);

  G_OBJECT_CLASS (kh_assessment_window_parent_class)->finalize (object);
}

/* ---- the summary letter (SHL 37 §; issue 8, 3) ---- */

static void
summary_sent_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(KhAssessmentWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(KhIssuedDocument) document = kh_letter_issue_finish (result, &error);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.summary-letter", TRUE);
  if (document == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_message (self, error->message, FALSE);
      return;
    }
  show_message (self, NULL, FALSE);
  kh_letter_show_issued (GTK_WINDOW (self), document, self->client_name);
}

static void
summary_response_cb (AdwMessageDialog   *dialog,
                     const char         *response,
                     KhAssessmentWindow *self)
{
  if (g_strcmp0 (response, "send") != 0 || !self->loaded || !is_finished (self))
    return;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.summary-letter", FALSE);
  kh_assessment_summary_send_async (self->store, kh_assessment_wizard_get_assessment (self->wizard),
                                    self->cancellable, summary_sent_cb, g_object_ref (self));
}

/* The summary of the finished assessment to the client, in their
 * language, kept as issued in their record. */
static void
summary_letter_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  KhAssessmentWindow *self = KH_ASSESSMENT_WINDOW (widget);
  GtkWidget *dialog;

  if (!self->loaded || !is_finished (self))
    return;
  dialog = kh_letter_ask (GTK_WINDOW (self), _("Send the Assessment Summary?"),
                         _("The summary of this finished assessment (SHL 37 §) goes to the client "
                           "by post, in their language. It is kept in their record as sent today; "
                           "print it from the window that opens."));
  g_signal_connect_object (dialog, "response", G_CALLBACK (summary_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
kh_assessment_window_class_init (KhAssessmentWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = kh_assessment_window_dispose;
  object_class->finalize = kh_assessment_window_finalize;
  window_class->close_request = kh_assessment_window_close_request;

  /* A draft was saved (for tests: the KhAssessment as saved). */
  signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);

  gtk_widget_class_install_action (widget_class, "assessment.new-version", NULL, new_version_action);
  gtk_widget_class_install_action (widget_class, "assessment.summary-letter", NULL, summary_letter_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static GtkWidget *
bar_new (GtkWidget  **out_label,
         const char  *css)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_add_css_class (box, "kh-assessment-bar");
  gtk_widget_add_css_class (box, css);
  gtk_widget_set_margin_start (label, 12);
  *out_label = label;
  return box;
}

static void
ensure_style (void)
{
  static gboolean done;
  g_autoptr(GtkCssProvider) provider = NULL;

  if (done)
    return;
  done = TRUE;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider,
                                   ".kh-assessment-bar { padding: 6px 12px; }\n"
                                   ".kh-assessment-bar.kh-error { background-color: alpha(@error_color, 0.15); }\n"
                                   ".kh-assessment-bar.kh-info { background-color: alpha(@accent_bg_color, 0.12); }\n",
                                   -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
kh_assessment_window_init (KhAssessmentWindow *self)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *spinner = gtk_spinner_new ();
  GtkWidget *bar, *label, *button;

  ensure_style ();
  self->cancellable = g_cancellable_new ();
  gtk_window_set_title (GTK_WINDOW (self), _("Service-Need Assessment"));
  gtk_window_set_default_size (GTK_WINDOW (self), 1280, 860);

  self->title = ADW_WINDOW_TITLE (adw_window_title_new (_("Service-Need Assessment"), NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));
  gtk_box_append (GTK_BOX (outer), header);

  bar = bar_new (&label, "kh-error");
  self->message_label = GTK_LABEL (label);
  self->retry_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Try Again")));
  gtk_widget_set_valign (GTK_WIDGET (self->retry_button), GTK_ALIGN_CENTER);
  g_signal_connect_object (self->retry_button, "clicked", G_CALLBACK (retry_clicked_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->retry_button));
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, NULL, -1);
  self->message_revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_child (self->message_revealer, bar);
  gtk_box_append (GTK_BOX (outer), GTK_WIDGET (self->message_revealer));

  bar = bar_new (&label, "kh-info");
  self->finished_label = GTK_LABEL (label);
  button = gtk_button_new_with_mnemonic (_("Send the _Summary…"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("The assessment’s summary to the client, in their language, "
                                         "kept in their record"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "assessment.summary-letter");
  gtk_box_append (GTK_BOX (bar), button);
  button = gtk_button_new_with_mnemonic (_("_Make a New Version…"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "assessment.new-version");
  gtk_box_append (GTK_BOX (bar), button);
  self->finished_revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_child (self->finished_revealer, bar);
  gtk_box_append (GTK_BOX (outer), GTK_WIDGET (self->finished_revealer));

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_spinner_set_spinning (GTK_SPINNER (spinner), TRUE);
  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_widget_set_halign (spinner, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (spinner, GTK_ALIGN_CENTER);
  gtk_stack_add_named (self->stack, spinner, "loading");
  self->failed_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->failed_page, "dialog-warning-symbolic");
  adw_status_page_set_title (self->failed_page, _("The Assessment Could Not Be Opened"));
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->failed_page), "failed");
  self->wizard = KH_ASSESSMENT_WIZARD (kh_assessment_wizard_new ());
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->wizard), "wizard");
  gtk_box_append (GTK_BOX (outer), GTK_WIDGET (self->stack));
  adw_window_set_content (ADW_WINDOW (self), outer);

  g_signal_connect_object (self->wizard, "changed", G_CALLBACK (wizard_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->wizard, "step-changed", G_CALLBACK (wizard_step_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->wizard, "finish", G_CALLBACK (wizard_finish_cb), self, G_CONNECT_SWAPPED);
}

/* ---- public ---- */

gboolean
kh_assessment_window_may_open (KhStore *store)
{
  KhUser *user;

  g_return_val_if_fail (KH_IS_STORE (store), FALSE);

  user = kh_store_get_user (store);
  return user != NULL && (user->role == KH_ROLE_COUNSELLOR || user->role == KH_ROLE_SOCIAL_WORKER
                          || user->role == KH_ROLE_LEAD);
}

GtkWindow *
kh_assessment_window_present (GtkWindow *parent,
                              KhStore   *store,
                              gint64     case_id)
{
  g_autoptr(GListModel) toplevels = gtk_window_get_toplevels ();
  KhAssessmentWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (KH_IS_STORE (store), NULL);
  g_return_val_if_fail (case_id > 0, NULL);

  g_object_ref (toplevels);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (KH_IS_ASSESSMENT_WINDOW (window) && KH_ASSESSMENT_WINDOW (window)->store == store
          && KH_ASSESSMENT_WINDOW (window)->case_id == case_id
          && !KH_ASSESSMENT_WINDOW (window)->closing)
        {
          gtk_window_present (GTK_WINDOW (window));
          return GTK_WINDOW (window);
        }
    }

  self = g_object_new (KH_TYPE_ASSESSMENT_WINDOW, NULL);
  self->store = g_object_ref (store);
  self->case_id = case_id;
  if (parent != NULL && gtk_window_get_application (parent) != NULL)
    gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
  g_signal_connect_object (store, "notify::available", G_CALLBACK (store_available_cb), self,
                           G_CONNECT_SWAPPED);
  load (self);
  gtk_window_present (GTK_WINDOW (self));
  return GTK_WINDOW (self);
}

void
kh_assessment_window_set_client_name (KhAssessmentWindow *self,
                                      const char         *name)
{
  g_return_if_fail (KH_IS_ASSESSMENT_WINDOW (self));

  g_free (self->client_name);
  self->client_name = g_strdup (name);
  update_title (self);
}

KhAssessmentWizard *
kh_assessment_window_get_wizard (KhAssessmentWindow *self)
{
  g_return_val_if_fail (KH_IS_ASSESSMENT_WINDOW (self), NULL);

  return self->wizard;
}

gint64
kh_assessment_window_get_case_id (KhAssessmentWindow *self)
{
  g_return_val_if_fail (KH_IS_ASSESSMENT_WINDOW (self), 0);

  return self->case_id;
}

gboolean
kh_assessment_window_get_loaded (KhAssessmentWindow *self)
{
  g_return_val_if_fail (KH_IS_ASSESSMENT_WINDOW (self), FALSE);

  return self->loaded;
}

gboolean
kh_assessment_window_get_unsaved (KhAssessmentWindow *self)
{
  g_return_val_if_fail (KH_IS_ASSESSMENT_WINDOW (self), FALSE);

  return self->dirty || self->saving || self->save_id != 0;
}

const char *
kh_assessment_window_get_message (KhAssessmentWindow *self)
{
  g_return_val_if_fail (KH_IS_ASSESSMENT_WINDOW (self), NULL);

  return self->message;
}
