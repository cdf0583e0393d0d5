/* kh-self-assessment.c — the client's own rating, on the worker's screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 7, 3: the client can fill in a self-assessment on the worker's
 * screen, in a simple large-text mode that shows nothing else of the
 * record. The window shows the life areas' names, five answers for each
 * and a box for the client's own words, in large type, and nothing of the
 * worker's notes, ratings or the person's data. Done hands the answers to
 * the wizard; closing the window any other way hands nothing.
 */
#define G_LOG_DOMAIN "kohtaamo-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "kh-self-assessment.h"

struct _KhSelfAssessment
{
  AdwWindow     parent_instance;

  GPtrArray    *groups;        /* per area: the GtkToggleButton of ratings 1–5 */
  GtkTextView  *words;
  guint         n_areas;
};

G_DEFINE_FINAL_TYPE (KhSelfAssessment, kh_self_assessment, ADW_TYPE_WINDOW)

enum {
  SIGNAL_DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
ensure_style (void)
{
  static gboolean done;
  g_autoptr(GtkCssProvider) provider = NULL;

  if (done)
    return;
  done = TRUE;
  provider = gtk_css_provider_new ();
  /* Readable at arm's length: the client sits across the desk. */
  gtk_css_provider_load_from_data (provider,
                                   ".kh-self-assessment { font-size: 150%; }\n"
                                   ".kh-self-assessment .kh-area { font-size: 120%; font-weight: bold; }\n"
                                   ".kh-self-assessment togglebutton { padding: 12px 18px; }\n",
                                   -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
done_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_signal_emit (widget, signals[SIGNAL_DONE], 0);
  gtk_window_destroy (GTK_WINDOW (widget));
}

static void
kh_self_assessment_finalize (GObject *object)
{
  KhSelfAssessment *self = KH_SELF_ASSESSMENT (object);

  g_ptr_array_unref (self->groups);

  G_OBJECT_CLASS (kh_self_assessment_parent_class)->finalize (object);
}

static void
kh_self_assessment_class_init (KhSelfAssessmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = kh_self_assessment_finalize;

  /* The client is done: kh_self_assessment_get_rating and _dup_words. */
  signals[SIGNAL_DONE] =
    g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "self.done", NULL, done_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kh_self_assessment_init (KhSelfAssessment *self)
{
  self->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
}

/* The ratings' words without the number the worker's list shows. */
static const char *
answer_text (int rating)
{
  switch (rating)
    {
    case 1: return C_("self-assessment", "Very hard");
    case 2: return C_("self-assessment", "Hard");
    case 3: return C_("self-assessment", "Some difficulties");
    case 4: return C_("self-assessment", "Mostly well");
    case 5: return C_("self-assessment", "Well");
    default: return NULL;
    }
}

/**
 * kh_self_assessment_new:
 * @parent: the worker's window
 * @labels: the life areas' names, in order
 * @n_areas: how many
 * @ratings: the client's earlier answers (0: none), @n_areas of them
 * @words: (nullable): what the client said earlier in their own words
 * @answers: (nullable): the unit's wording of the five answers, 1 to 5
 *   (KH_SETTING_SELF_ASSESSMENT_ANSWERS_*); NULL for the application's own
 */
KhSelfAssessment *
kh_self_assessment_new (GtkWindow         *parent,
                        const char * const *labels,
                        guint               n_areas,
                        const int          *ratings,
                        const char         *words,
                        const char * const *answers)
{
  KhSelfAssessment *self = g_object_new (KH_TYPE_SELF_ASSESSMENT,
                                         "transient-for", parent,
                                         "modal", TRUE,
                                         "default-width", 1000,
                                         "default-height", 760,
                                         "title", _("Your own view"),
                                         NULL);
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *title = gtk_label_new (_("How are things going in your life?"));
  GtkWidget *words_label = gtk_label_new (_("In your own words"));
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *done = gtk_button_new_with_mnemonic (_("_Done"));

  ensure_style ();
  self->n_areas = n_areas;
  gtk_widget_add_css_class (GTK_WIDGET (self), "kh-self-assessment");
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_widget_add_css_class (done, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (done), "self.done");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), done);
  gtk_box_append (GTK_BOX (outer), header);

  gtk_widget_add_css_class (title, "title-1");
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_box_append (GTK_BOX (box), title);

  for (guint i = 0; i < n_areas; i++)
    {
      GtkWidget *area = gtk_label_new (labels[i]);
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GPtrArray *group = g_ptr_array_new ();
      GtkToggleButton *first = NULL;

      gtk_label_set_xalign (GTK_LABEL (area), 0);
      gtk_label_set_wrap (GTK_LABEL (area), TRUE);
      gtk_widget_add_css_class (area, "kh-area");
      gtk_widget_set_margin_top (area, 12);
      gtk_box_append (GTK_BOX (box), area);
      gtk_widget_add_css_class (row, "linked");
      gtk_box_set_homogeneous (GTK_BOX (row), TRUE);
      for (int r = 1; r <= 5; r++)
        {
          const char *text = answers != NULL ? answers[r - 1] : answer_text (r);
          GtkWidget *button = gtk_toggle_button_new_with_label (text);
          g_autofree char *name = g_strdup_printf ("%s: %s", labels[i], text);

          /* A unit's own wording may be longer than a button is wide. */
          gtk_label_set_wrap (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), TRUE);
          gtk_label_set_justify (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), GTK_JUSTIFY_CENTER);
          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
          if (first == NULL)
            first = GTK_TOGGLE_BUTTON (button);
          else
            gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), first);
          gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), ratings != NULL && ratings[i] == r);
          gtk_box_append (GTK_BOX (row), button);
          g_ptr_array_add (group, button);
        }
      gtk_box_append (GTK_BOX (box), row);
      g_ptr_array_add (self->groups, group);
    }

  gtk_label_set_xalign (GTK_LABEL (words_label), 0);
  gtk_widget_add_css_class (words_label, "kh-area");
  gtk_widget_set_margin_top (words_label, 12);
  gtk_box_append (GTK_BOX (box), words_label);
  self->words = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->words, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (self->words, FALSE);
  gtk_text_view_set_top_margin (self->words, 12);
  gtk_text_view_set_bottom_margin (self->words, 12);
  gtk_text_view_set_left_margin (self->words, 12);
  gtk_text_view_set_right_margin (self->words, 12);
  gtk_widget_set_size_request (GTK_WIDGET (self->words), -1, 160);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->words), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  words_label, NULL, -1);
  if (words != NULL)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->words), words, -1);
  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (self->words));
  gtk_box_append (GTK_BOX (box), frame);

  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 24);
  gtk_widget_set_margin_end (box, 24);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (outer), scroller);
  adw_window_set_content (ADW_WINDOW (self), outer);
  return self;
}

/* The rating chosen for area `index` (1–5), or 0 when none. */
int
kh_self_assessment_get_rating (KhSelfAssessment *self,
                               guint             index)
{
  GPtrArray *group;

  g_return_val_if_fail (KH_IS_SELF_ASSESSMENT (self), 0);
  g_return_val_if_fail (index < self->groups->len, 0);

  group = g_ptr_array_index (self->groups, index);
  for (guint r = 0; r < group->len; r++)
    if (gtk_toggle_button_get_active (g_ptr_array_index (group, r)))
      return r + 1;
  return 0;
}

/* For tests: the answer button of area `index` and rating `rating`. */
GtkToggleButton *
kh_self_assessment_get_button (KhSelfAssessment *self,
                               guint             index,
                               int               rating)
{
  g_return_val_if_fail (KH_IS_SELF_ASSESSMENT (self), NULL);
  g_return_val_if_fail (index < self->groups->len && rating >= 1 && rating <= 5, NULL);

  return g_ptr_array_index ((GPtrArray *) g_ptr_array_index (self->groups, index), rating - 1);
}

char *
kh_self_assessment_dup_words (KhSelfAssessment *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (KH_IS_SELF_ASSESSMENT (self), NULL);

  buffer = gtk_text_view_get_buffer (self->words);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

GtkTextView *
kh_self_assessment_get_words_view (KhSelfAssessment *self)
{
  g_return_val_if_fail (KH_IS_SELF_ASSESSMENT (self), NULL);

  return self->words;
}
