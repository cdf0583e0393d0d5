/* kh-assessment-steps.c — the widgets of the assessment's steps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each step is a page of preference groups made here: build makes them
 * once, render shows an assessment in them (and hides what does not apply
 * to its answers, as kh_assessment_field_applies says), apply reads them
 * back into a copy. The rows that depend on the unit's life areas are made
 * again when the areas differ.
 */
#define G_LOG_DOMAIN "kohtaamo-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "core/kh-enums.h"
#include "ui/common/kh-form-rows.h"
#include "kh-assessment-fields.h"
#include "kh-assessment-wizard-private.h"

#define VALUE_KEY "kh-value"

static void
edited_cb (KhAssessmentWizard *self)
{
  if (self->rendering == 0)
    _kh_assessment_wizard_edited (self, NULL);
}

static void
watch_note (KhAssessmentWizard *self,
            GtkTextView        *view)
{
  g_signal_connect_object (gtk_text_view_get_buffer (view), "changed",
                           G_CALLBACK (edited_cb), self, G_CONNECT_SWAPPED);
}

static void
watch_row (KhAssessmentWizard *self,
           AdwComboRow        *row)
{
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (edited_cb), self, G_CONNECT_SWAPPED);
}

static AdwPreferencesGroup *
add_group (GtkBox     *box,
           const char *title,
           const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_widget_set_margin_top (group, 12);
  gtk_box_append (box, group);
  return ADW_PREFERENCES_GROUP (group);
}

static GtkWidget *
add_check (KhAssessmentWizard *self,
           GtkFlowBox         *flow,
           GPtrArray          *checks,
           const char         *label,
           int                 value)
{
  GtkWidget *check = gtk_check_button_new_with_label (label);

  g_object_set_data (G_OBJECT (check), VALUE_KEY, GINT_TO_POINTER (value));
  g_signal_connect_object (check, "toggled", G_CALLBACK (edited_cb), self, G_CONNECT_SWAPPED);
  gtk_flow_box_append (flow, check);
  g_ptr_array_add (checks, check);
  return check;
}

static GtkFlowBox *
new_flow (GtkBox *box)
{
  GtkWidget *flow = gtk_flow_box_new ();

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 2);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (flow), 1);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), TRUE);
  gtk_widget_set_margin_top (flow, 6);
  gtk_box_append (box, flow);
  return GTK_FLOW_BOX (flow);
}

/* ---- Start ---- */

static void
add_participant_cb (KhAssessmentWizard *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_name_row))));
  g_autofree char *role = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_role_row))));
  KhParticipantKind kind = kh_choice_row_get (self->new_kind_row);
  KhAssessment *copy;

  if (name[0] == '\0' || kind == 0)
    {
      gtk_widget_grab_focus (GTK_WIDGET (name[0] == '\0' ? (gpointer) self->new_name_row
                                                        : (gpointer) self->new_kind_row));
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  copy = kh_assessment_copy (self->assessment);
  g_ptr_array_add (copy->participants, kh_participant_new (kind, name, role[0] != '\0' ? role : NULL));
  gtk_editable_set_text (GTK_EDITABLE (self->new_name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->new_role_row), "");
  _kh_assessment_wizard_edited (self, copy);
  gtk_widget_grab_focus (GTK_WIDGET (self->new_name_row));
}

static void
remove_participant_cb (GtkButton          *button,
                       KhAssessmentWizard *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), VALUE_KEY));
  KhAssessment *copy = kh_assessment_copy (self->assessment);

  if (index < copy->participants->len)
    g_ptr_array_remove_index (copy->participants, index);
  _kh_assessment_wizard_edited (self, copy);
}

static void
build_start (KhAssessmentWizard *self,
             GtkBox             *box)
{
  AdwPreferencesGroup *group;
  GtkWidget *row, *button;
  const char *kind_labels[KH_PARTICIPANT_LAST + 2] = { C_("participant", "Choose…") };
  int kind_values[KH_PARTICIPANT_LAST + 1] = { 0 };

  group = add_group (box, _("The meeting"),
                     _("The assessment is made together with the client and, where needed, with relatives, close persons and other professionals (SHL 36 §)."));
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Date of the assessment"));
  self->date_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->date_entry, C_("date format", "dd.mm.yyyy"));
  gtk_widget_set_valign (GTK_WIDGET (self->date_entry), GTK_ALIGN_CENTER);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->date_entry), 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->date_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Date of the assessment"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->date_entry));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (self->date_entry));
  adw_preferences_group_add (group, row);
  g_signal_connect_object (self->date_entry, "changed", G_CALLBACK (edited_cb), self, G_CONNECT_SWAPPED);

  self->present_row = kh_answer_row_new (_("The client took part"), FALSE);
  adw_preferences_group_add (group, GTK_WIDGET (self->present_row));
  watch_row (self, self->present_row);
  self->absent_reason = kh_note_field_new (box, _("Why the client did not take part"), NULL);
  watch_note (self, self->absent_reason);

  self->participants_group = add_group (box, _("Others who took part"), NULL);
  self->participant_rows = g_ptr_array_new ();
  for (KhParticipantKind k = KH_PARTICIPANT_FIRST; k <= KH_PARTICIPANT_LAST; k++)
    {
      kind_labels[k] = kh_participant_kind_label (k);
      kind_values[k] = k;
    }
  self->new_kind_row = kh_choice_row_new (_("Took part as"), kind_labels, kind_values);
  self->new_name_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->new_name_row), _("Name"));
  self->new_role_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->new_role_row),
                                 _("Relation, profession or organisation"));
  button = gtk_button_new_with_mnemonic (_("_Add Participant"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect_object (button, "clicked", G_CALLBACK (add_participant_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->new_role_row, "entry-activated", G_CALLBACK (add_participant_cb),
                           self, G_CONNECT_SWAPPED);
  adw_entry_row_add_suffix (self->new_role_row, button);
  {
    AdwPreferencesGroup *add = add_group (box, _("Add a participant"), NULL);

    adw_preferences_group_add (add, GTK_WIDGET (self->new_kind_row));
    adw_preferences_group_add (add, GTK_WIDGET (self->new_name_row));
    adw_preferences_group_add (add, GTK_WIDGET (self->new_role_row));
  }

  group = add_group (box, _("Informing the client"),
                     _("The client’s rights and obligations, the options and their effects are explained so that the client understands them (SHL 36 §)."));
  self->rights_row = kh_answer_row_new (_("Rights and obligations explained"), FALSE);
  self->options_row = kh_answer_row_new (_("Options and their effects explained"), FALSE);
  self->understood_row = kh_answer_row_new (_("The client understood them"), TRUE);
  adw_preferences_group_add (group, GTK_WIDGET (self->rights_row));
  adw_preferences_group_add (group, GTK_WIDGET (self->options_row));
  adw_preferences_group_add (group, GTK_WIDGET (self->understood_row));
  watch_row (self, self->rights_row);
  watch_row (self, self->options_row);
  watch_row (self, self->understood_row);
  self->information_note = kh_note_field_new (box, _("How the client was informed"),
                                               _("For example an interpreter, plain language, written material."));
  watch_note (self, self->information_note);

  group = add_group (box, _("Children"), NULL);
  self->children_row = kh_answer_row_new (_("Children live with the client"), FALSE);
  adw_preferences_group_add (group, GTK_WIDGET (self->children_row));
  watch_row (self, self->children_row);
  self->children_count_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->children_count_row), _("Number of children"));
  self->children_count = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, 20, 1));
  gtk_widget_set_valign (GTK_WIDGET (self->children_count), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->children_count), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Number of children"), -1);
  adw_action_row_add_suffix (self->children_count_row, GTK_WIDGET (self->children_count));
  adw_preferences_group_add (group, GTK_WIDGET (self->children_count_row));
  g_signal_connect_object (self->children_count, "value-changed", G_CALLBACK (edited_cb), self, G_CONNECT_SWAPPED);
  self->children_checked_row = kh_answer_row_new (_("Their situation was checked"), FALSE);
  adw_preferences_group_add (group, GTK_WIDGET (self->children_checked_row));
  watch_row (self, self->children_checked_row);
  self->children_note = kh_note_field_new (box, _("About the children"), NULL);
  watch_note (self, self->children_note);
}

/* ---- The client's view ---- */

static void
build_client_view (KhAssessmentWizard *self,
                   GtkBox             *box)
{
  add_group (box, _("The client’s own view"),
             _("The client’s opinion and view of their situation and need for support, in their own words (SHL 37 §)."));
  self->client_view = kh_note_field_new (box, _("In the client’s own words"), NULL);
  watch_note (self, self->client_view);
  self->client_view_obstacle = kh_note_field_new (box, _("Why the client’s view could not be asked"), NULL);
  watch_note (self, self->client_view_obstacle);
  self->client_ratings_group = add_group (box, _("The client’s own rating"),
                                          _("Optional: how the client sees each life area, from 1 to 5."));
  {
    GtkWidget *button = gtk_button_new_with_mnemonic (_("_Show to the Client…"));

    gtk_widget_set_tooltip_text (button, _("The client answers on this screen, in large text, seeing nothing else of the record"));
    gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
    gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "wizard.self-assessment");
    adw_preferences_group_set_header_suffix (self->client_ratings_group, button);
  }
  self->client_rating_rows = g_ptr_array_new ();
}

/* The client's answers from the self-assessment window: into the widgets,
 * then read back as any edit. */
void
_kh_assessment_steps_take_self_assessment (KhAssessmentWizard *self,
                                           const int          *ratings,
                                           const char         *words)
{
  self->rendering++;
  for (guint i = 0; i < self->client_rating_rows->len; i++)
    kh_choice_row_set (g_ptr_array_index (self->client_rating_rows, i), ratings[i]);
  kh_note_field_set_text (self->client_view, words);
  self->rendering--;
  _kh_assessment_wizard_edited (self, NULL);
}

/* ---- Life areas ---- */

static AdwComboRow *
rating_row_new (const char *title)
{
  const char *labels[KH_RATING_MAX + 2] = { C_("rating", "Not rated") };
  int values[KH_RATING_MAX + 1] = { KH_RATING_NONE };

  for (int r = KH_RATING_MIN; r <= KH_RATING_MAX; r++)
    {
      labels[r] = kh_rating_label (r);
      values[r] = r;
    }
  return kh_choice_row_new (title, labels, values);
}

static void
build_life_areas (KhAssessmentWizard *self,
                  GtkBox             *box)
{
  GtkWidget *intro = gtk_label_new (_("For each area: the client’s situation, their strengths and resources, the concerns, and your rating."));

  gtk_label_set_wrap (GTK_LABEL (intro), TRUE);
  gtk_label_set_xalign (GTK_LABEL (intro), 0);
  gtk_widget_add_css_class (intro, "dim-label");
  gtk_box_append (box, intro);
  self->areas_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 0));
  gtk_box_append (box, GTK_WIDGET (self->areas_box));
  self->area_situation = g_ptr_array_new ();
  self->area_strengths = g_ptr_array_new ();
  self->area_concerns = g_ptr_array_new ();
  self->area_rating_rows = g_ptr_array_new ();
}

/* The rows that follow the assessment's own areas. */
static gboolean
areas_differ (KhAssessmentWizard *self)
{
  const GPtrArray *areas = self->assessment->areas;

  if (areas->len != self->area_situation->len)
    return TRUE;
  for (guint i = 0; i < areas->len; i++)
    if (g_strcmp0 (g_object_get_data (g_ptr_array_index (self->area_situation, i), VALUE_KEY),
                   ((KhAreaAssessment *) g_ptr_array_index (areas, i))->key) != 0)
      return TRUE;
  return FALSE;
}

static void
make_area_rows (KhAssessmentWizard *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->areas_box))) != NULL)
    gtk_box_remove (self->areas_box, child);
  for (guint i = 0; i < self->client_rating_rows->len; i++)
    adw_preferences_group_remove (self->client_ratings_group, g_ptr_array_index (self->client_rating_rows, i));
  g_ptr_array_set_size (self->client_rating_rows, 0);
  g_ptr_array_set_size (self->area_situation, 0);
  g_ptr_array_set_size (self->area_strengths, 0);
  g_ptr_array_set_size (self->area_concerns, 0);
  g_ptr_array_set_size (self->area_rating_rows, 0);

  for (guint i = 0; i < self->assessment->areas->len; i++)
    {
      const KhAreaAssessment *area = g_ptr_array_index (self->assessment->areas, i);
      AdwPreferencesGroup *group = add_group (self->areas_box, area->label, NULL);
      GtkTextView *situation = kh_note_field_new (self->areas_box, _("Situation"), NULL);
      GtkTextView *strengths = kh_note_field_new (self->areas_box, _("Strengths and resources"), NULL);
      GtkTextView *concerns = kh_note_field_new (self->areas_box, _("Concerns"), NULL);
      AdwComboRow *rating = rating_row_new (_("Your rating"));
      AdwComboRow *client_rating = rating_row_new (area->label);
      AdwPreferencesGroup *rating_group = add_group (self->areas_box, NULL, NULL);

      /* The texts' headings name their area for a screen reader. */
      for (GtkTextView *v = situation; v != NULL; v = v == situation ? strengths : v == strengths ? concerns : NULL)
        {
          g_autofree char *name = g_strdup_printf ("%s: %s", area->label,
                                                   v == situation ? _("Situation")
                                                   : v == strengths ? _("Strengths and resources")
                                                   : _("Concerns"));

          gtk_accessible_update_property (GTK_ACCESSIBLE (v), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
          watch_note (self, v);
        }
      (void) group;
      g_object_set_data_full (G_OBJECT (situation), VALUE_KEY, g_strdup (area->key), g_free);
      adw_preferences_group_add (rating_group, GTK_WIDGET (rating));
      watch_row (self, rating);
      adw_preferences_group_add (self->client_ratings_group, GTK_WIDGET (client_rating));
      watch_row (self, client_rating);
      g_ptr_array_add (self->area_situation, situation);
      g_ptr_array_add (self->area_strengths, strengths);
      g_ptr_array_add (self->area_concerns, concerns);
      g_ptr_array_add (self->area_rating_rows, rating);
      g_ptr_array_add (self->client_rating_rows, client_rating);
    }
}

/* ---- Special support ---- */

static void
build_special_support (KhAssessmentWizard *self,
                       GtkBox             *box)
{
  AdwPreferencesGroup *group;
  const char *duration_labels[] = { C_("answer", "Not answered"), kh_need_duration_label (KH_NEED_DURATION_TEMPORARY),
                                    kh_need_duration_label (KH_NEED_DURATION_RECURRING),
                                    kh_need_duration_label (KH_NEED_DURATION_LONG_TERM), NULL };
  static const int duration_values[] = { 0, KH_NEED_DURATION_TEMPORARY, KH_NEED_DURATION_RECURRING,
                                         KH_NEED_DURATION_LONG_TERM };
  GtkFlowBox *flow;

  group = add_group (box, _("Need for support"),
                     _("Whether the client needs social services, and whether the need is temporary, recurring or long-term (SHL 37 §)."));
  self->support_row = kh_answer_row_new (_("The client needs social services"), FALSE);
  self->duration_row = kh_choice_row_new (_("The need is"), duration_labels, duration_values);
  adw_preferences_group_add (group, GTK_WIDGET (self->support_row));
  adw_preferences_group_add (group, GTK_WIDGET (self->duration_row));
  watch_row (self, self->support_row);
  watch_row (self, self->duration_row);

  group = add_group (box, _("Special support"),
                     _("A client needing special support has particular difficulty in seeking and obtaining the services they need (SHL 3 §): a professional judgement, with reasons."));
  self->special_row = kh_answer_row_new (_("The client needs special support"), FALSE);
  adw_preferences_group_add (group, GTK_WIDGET (self->special_row));
  watch_row (self, self->special_row);
  self->special_reasons = kh_note_field_new (box, _("Reasons"), NULL);
  watch_note (self, self->special_reasons);

  add_group (box, _("Support needs"), _("The support needs of SHL 11 § that the situation concerns."));
  flow = new_flow (box);
  self->need_checks = g_ptr_array_new ();
  for (guint bit = 0; bit < 10; bit++)
    add_check (self, flow, self->need_checks, kh_need_label (1u << bit), 1u << bit);
}

/* ---- Conclusions ---- */

static AdwComboRow *
worker_view_row_new (const char *title,
                     gboolean    client)
{
  const char *labels[6] = { C_("answer", "Not answered") };
  int values[5] = { 0 };
  guint n = 1;

  for (KhResponsibleWorkerView v = KH_RESPONSIBLE_WORKER_FIRST; v <= KH_RESPONSIBLE_WORKER_LAST; v++)
    {
      if (v == KH_RESPONSIBLE_WORKER_NO_VIEW && !client)
        continue;
      labels[n] = kh_responsible_worker_view_label (v);
      values[n++] = v;
    }
  labels[n] = NULL;
  return kh_choice_row_new (title, labels, values);
}

static void
disagreement_cb (KhAssessmentWizard *self)
{
  edited_cb (self);
}

static void
build_conclusions (KhAssessmentWizard *self,
                   GtkBox             *box)
{
  AdwPreferencesGroup *group;
  const char *next_labels[KH_NEXT_STEP_LAST + 2] = { C_("answer", "Not answered") };
  int next_values[KH_NEXT_STEP_LAST + 1] = { 0 };
  GtkFlowBox *flow;

  add_group (box, _("Summary and conclusions"), NULL);
  self->summary = kh_note_field_new (box, _("Summary"),
                                     _("The client’s situation and need for services and special support (SHL 37 §)."));
  watch_note (self, self->summary);
  self->conclusions = kh_note_field_new (box, _("Conclusions"),
                                         _("Your conclusions as a professional on the conditions for a client relationship (SHL 37 §)."));
  watch_note (self, self->conclusions);

  self->services_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (box, self->services_box);
  add_group (GTK_BOX (self->services_box), _("Services needed"), _("Social services of SHL 14 §."));
  flow = new_flow (GTK_BOX (self->services_box));
  self->service_checks = g_ptr_array_new ();
  for (KhShlService s = KH_SHL_SERVICE_FIRST; s <= KH_SHL_SERVICE_LAST; s++)
    add_check (self, flow, self->service_checks, kh_shl_service_label (s), s);
  self->services_note = kh_note_field_new (GTK_BOX (self->services_box), _("About the services"), NULL);
  watch_note (self, self->services_note);

  group = add_group (box, _("Named responsible worker"),
                     _("The client’s and your own view on whether a named responsible worker (omatyöntekijä) is needed (SHL 37 §, 42 §)."));
  self->client_on_worker_row = worker_view_row_new (_("The client’s view"), TRUE);
  self->worker_on_worker_row = worker_view_row_new (_("Your view"), FALSE);
  adw_preferences_group_add (group, GTK_WIDGET (self->client_on_worker_row));
  adw_preferences_group_add (group, GTK_WIDGET (self->worker_on_worker_row));
  watch_row (self, self->client_on_worker_row);
  watch_row (self, self->worker_on_worker_row);
  self->worker_note = kh_note_field_new (box, _("About the responsible worker"), NULL);
  watch_note (self, self->worker_note);

  group = add_group (box, _("What follows"), NULL);
  for (KhNextStep s = KH_NEXT_STEP_FIRST; s <= KH_NEXT_STEP_LAST; s++)
    {
      next_labels[s] = kh_next_step_label (s);
      next_values[s] = s;
    }
  self->next_step_row = kh_choice_row_new (_("Next step"), next_labels, next_values);
  adw_preferences_group_add (group, GTK_WIDGET (self->next_step_row));
  watch_row (self, self->next_step_row);
  self->next_step_reasons = kh_note_field_new (box, _("Reasons"), NULL);
  watch_note (self, self->next_step_reasons);

  group = add_group (box, _("Different views"), NULL);
  self->disagreement_switch = kh_form_rows_add_switch (GTK_WIDGET (group),
                                                       _("The client and I see the situation differently"),
                                                       NULL, NULL);
  g_signal_connect_object (self->disagreement_switch, "notify::active", G_CALLBACK (disagreement_cb),
                           self, G_CONNECT_SWAPPED);
  self->client_disagreement = kh_note_field_new (box, _("The client’s view"), NULL);
  self->worker_disagreement = kh_note_field_new (box, _("Your view"), NULL);
  watch_note (self, self->client_disagreement);
  watch_note (self, self->worker_disagreement);
}

/* ISO date <-> "d.m.yyyy", as Finnish and Swedish write dates. */
static char *
date_to_screen (const char *iso)
{
  int y, m, d;

  if (iso == NULL || sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return g_strdup (iso != NULL ? iso : "");
  return g_strdup_printf ("%d.%d.%d", d, m, y);
}

static char *
date_from_screen (const char *text)
{
  int y, m, d;
  char rest;

  if (text == NULL || sscanf (text, "%d.%d.%d%c", &d, &m, &y, &rest) != 3 || y < 1900 || y > 9999)
    return text != NULL && text[0] != '\0' ? g_strdup (text) : NULL;
  return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
}

/* ---- Review ---- */

static void
build_review (KhAssessmentWizard *self,
              GtkBox             *box)
{
  self->issues_group = add_group (box, _("Missing before finishing"), NULL);
  self->issue_rows = g_ptr_array_new ();
  self->review_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 0));
  gtk_box_append (box, GTK_WIDGET (self->review_box));
}

static void
issue_activated_cb (AdwActionRow       *row,
                    KhAssessmentWizard *self)
{
  _kh_assessment_wizard_go_to (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), VALUE_KEY)));
}

static void
review_line (GtkBox     *box,
             const char *heading,
             const char *text)
{
  GtkWidget *h, *t;

  if (text == NULL || text[0] == '\0')
    return;
  h = gtk_label_new (heading);
  t = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (h), 0);
  gtk_label_set_xalign (GTK_LABEL (t), 0);
  gtk_label_set_wrap (GTK_LABEL (h), TRUE);
  gtk_label_set_wrap (GTK_LABEL (t), TRUE);
  gtk_label_set_selectable (GTK_LABEL (t), TRUE);
  gtk_widget_add_css_class (h, "heading");
  gtk_widget_set_margin_top (h, 12);
  gtk_box_append (box, h);
  gtk_box_append (box, t);
}

/* Everything on one page, as the client will read it (part 5 prints it). */
void
_kh_assessment_steps_show_review (KhAssessmentWizard *self)
{
  const KhAssessment *a = self->assessment;
  GtkWidget *child;
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < self->issue_rows->len; i++)
    adw_preferences_group_remove (self->issues_group, g_ptr_array_index (self->issue_rows, i));
  g_ptr_array_set_size (self->issue_rows, 0);
  for (guint i = 0; i < self->check->issues->len; i++)
    {
      const KhAssessmentIssue *issue = g_ptr_array_index (self->check->issues, i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), issue->message);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), kh_assessment_step_label (issue->step));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), VALUE_KEY, GINT_TO_POINTER (issue->step));
      g_signal_connect_object (row, "activated", G_CALLBACK (issue_activated_cb), self, 0);
      adw_preferences_group_add (self->issues_group, row);
      g_ptr_array_add (self->issue_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->issues_group), self->check->issues->len > 0);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->review_box))) != NULL)
    gtk_box_remove (self->review_box, child);

  {
    g_autofree char *date = date_to_screen (a->assessed_on);

    review_line (self->review_box, _("Date of the assessment"), date);
  }
  for (guint i = 0; i < a->participants->len; i++)
    {
      const KhParticipant *p = g_ptr_array_index (a->participants, i);

      g_string_append_printf (text, "%s%s (%s%s%s)", i > 0 ? "\n" : "", p->name,
                              kh_participant_kind_label (p->kind),
                              p->role != NULL ? ", " : "", p->role != NULL ? p->role : "");
    }
  review_line (self->review_box, _("Others who took part"), text->str);
  review_line (self->review_box, _("In the client’s own words"), a->client_view);
  review_line (self->review_box, _("Why the client’s view could not be asked"), a->client_view_obstacle);
  for (guint i = 0; i < a->areas->len; i++)
    {
      const KhAreaAssessment *area = g_ptr_array_index (a->areas, i);

      g_string_truncate (text, 0);
      if (area->situation != NULL)
        g_string_append (text, area->situation);
      if (area->strengths != NULL)
        g_string_append_printf (text, "%s%s: %s", text->len > 0 ? "\n" : "",
                                _("Strengths and resources"), area->strengths);
      if (area->concerns != NULL)
        g_string_append_printf (text, "%s%s: %s", text->len > 0 ? "\n" : "", _("Concerns"), area->concerns);
      review_line (self->review_box, area->label, text->str);
    }
  review_line (self->review_box, _("The need is"), kh_need_duration_label (a->need_duration));
  review_line (self->review_box, _("Special support"),
               a->special_support == KH_ANSWER_UNANSWERED ? NULL : a->special_support_reasons);
  review_line (self->review_box, _("Summary"), a->summary);
  review_line (self->review_box, _("Conclusions"), a->conclusions);
  g_string_truncate (text, 0);
  for (KhShlService s = KH_SHL_SERVICE_FIRST; s <= KH_SHL_SERVICE_LAST; s++)
    if (a->services & KH_SHL_SERVICE_BIT (s))
      g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", kh_shl_service_label (s));
  review_line (self->review_box, _("Services needed"), text->str);
  review_line (self->review_box, _("Next step"), kh_next_step_label (a->next_step));
}

/* ---- the whole ---- */

void
_kh_assessment_steps_build (KhAssessmentWizard *self)
{
  build_start (self, self->pages[KH_ASSESSMENT_STEP_START].box);
  build_client_view (self, self->pages[KH_ASSESSMENT_STEP_CLIENT_VIEW].box);
  build_life_areas (self, self->pages[KH_ASSESSMENT_STEP_LIFE_AREAS].box);
  build_special_support (self, self->pages[KH_ASSESSMENT_STEP_SPECIAL_SUPPORT].box);
  build_conclusions (self, self->pages[KH_ASSESSMENT_STEP_CONCLUSIONS].box);
  build_review (self, self->pages[KH_ASSESSMENT_STEP_REVIEW].box);
}

static void
show_participants (KhAssessmentWizard *self)
{
  const GPtrArray *participants = self->assessment->participants;

  for (guint i = 0; i < self->participant_rows->len; i++)
    adw_preferences_group_remove (self->participants_group, g_ptr_array_index (self->participant_rows, i));
  g_ptr_array_set_size (self->participant_rows, 0);
  for (guint i = 0; i < participants->len; i++)
    {
      const KhParticipant *p = g_ptr_array_index (participants, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *subtitle = g_strdup_printf ("%s%s%s", kh_participant_kind_label (p->kind),
                                                   p->role != NULL ? " · " : "",
                                                   p->role != NULL ? p->role : "");
      g_autofree char *remove_name = g_strdup_printf (_("Remove %s"), p->name);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), p->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, remove_name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_name, -1);
      g_object_set_data (G_OBJECT (remove), VALUE_KEY, GUINT_TO_POINTER (i));
      g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_participant_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      adw_preferences_group_add (self->participants_group, row);
      g_ptr_array_add (self->participant_rows, row);
    }
  adw_preferences_group_set_description (self->participants_group,
                                         participants->len == 0 ? _("Nobody else yet.") : NULL);
}

static void
set_checks (GPtrArray *checks,
            guint64    flags,
            gboolean   bits)
{
  for (guint i = 0; i < checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (checks, i);
      int value = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (check), VALUE_KEY));
      guint64 bit = bits ? KH_SHL_SERVICE_BIT (value) : (guint64) value;

      gtk_check_button_set_active (check, (flags & bit) != 0);
    }
}

static guint64
get_checks (GPtrArray *checks,
            gboolean   bits)
{
  guint64 flags = 0;

  for (guint i = 0; i < checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (checks, i);
      int value = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (check), VALUE_KEY));

      if (gtk_check_button_get_active (check))
        flags |= bits ? KH_SHL_SERVICE_BIT (value) : (guint64) value;
    }
  return flags;
}

static void
show_if (GtkTextView *view,
         gboolean     visible)
{
  gtk_widget_set_visible (kh_note_field_get_box (view), visible);
}

/* What shows depends on the answers (kh_assessment_field_applies). */
static void
show_what_applies (KhAssessmentWizard *self)
{
  const KhAssessment *a = self->assessment;
  gboolean children = kh_assessment_field_applies (a, KH_ASSESSMENT_FIELD_CHILDREN_DETAILS);

  show_if (self->absent_reason, kh_assessment_field_applies (a, KH_ASSESSMENT_FIELD_CLIENT_ABSENT_REASON));
  gtk_widget_set_visible (GTK_WIDGET (self->children_count_row), children);
  gtk_widget_set_visible (GTK_WIDGET (self->children_checked_row), children);
  show_if (self->children_note, children);
  show_if (self->client_view_obstacle, kh_assessment_field_applies (a, KH_ASSESSMENT_FIELD_CLIENT_VIEW_OBSTACLE));
  gtk_widget_set_visible (GTK_WIDGET (self->duration_row),
                          kh_assessment_field_applies (a, KH_ASSESSMENT_FIELD_NEED_DURATION));
  gtk_widget_set_visible (self->services_box, kh_assessment_field_applies (a, KH_ASSESSMENT_FIELD_SERVICES));
  show_if (self->next_step_reasons, kh_assessment_field_applies (a, KH_ASSESSMENT_FIELD_NEXT_STEP_REASONS));
  show_if (self->client_disagreement, kh_assessment_field_applies (a, KH_ASSESSMENT_FIELD_DISAGREEMENT_VIEWS));
  show_if (self->worker_disagreement, kh_assessment_field_applies (a, KH_ASSESSMENT_FIELD_DISAGREEMENT_VIEWS));
}

/* After an edit only what shows changes: the widgets keep what was typed
 * (with its spaces, and a hidden field's text for when it shows again),
 * while the record keeps it cleaned. The participants are rows of the
 * record. */
void
_kh_assessment_steps_render_edit (KhAssessmentWizard *self)
{
  self->rendering++;
  show_participants (self);
  show_what_applies (self);
  self->rendering--;
}

void
_kh_assessment_steps_render (KhAssessmentWizard *self)
{
  const KhAssessment *a = self->assessment;
  g_autofree char *date = date_to_screen (a->assessed_on);

  self->rendering++;

  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), date);
  kh_choice_row_set (self->present_row, a->client_present);
  kh_note_field_set_text (self->absent_reason, a->client_absent_reason);
  show_participants (self);
  kh_choice_row_set (self->rights_row, a->rights_explained);
  kh_choice_row_set (self->options_row, a->options_explained);
  kh_choice_row_set (self->understood_row, a->client_understood);
  kh_note_field_set_text (self->information_note, a->information_note);
  kh_choice_row_set (self->children_row, a->has_children);
  gtk_spin_button_set_value (self->children_count, a->children_count);
  kh_choice_row_set (self->children_checked_row, a->children_checked);
  kh_note_field_set_text (self->children_note, a->children_note);

  kh_note_field_set_text (self->client_view, a->client_view);
  kh_note_field_set_text (self->client_view_obstacle, a->client_view_obstacle);
  if (areas_differ (self))
    make_area_rows (self);
  for (guint i = 0; i < a->areas->len; i++)
    {
      const KhAreaAssessment *area = g_ptr_array_index (a->areas, i);

      kh_note_field_set_text (g_ptr_array_index (self->area_situation, i), area->situation);
      kh_note_field_set_text (g_ptr_array_index (self->area_strengths, i), area->strengths);
      kh_note_field_set_text (g_ptr_array_index (self->area_concerns, i), area->concerns);
      kh_choice_row_set (g_ptr_array_index (self->area_rating_rows, i), area->worker_rating);
      kh_choice_row_set (g_ptr_array_index (self->client_rating_rows, i), area->client_rating);
    }

  kh_choice_row_set (self->support_row, a->support_needed);
  kh_choice_row_set (self->duration_row, a->need_duration);
  kh_choice_row_set (self->special_row, a->special_support);
  kh_note_field_set_text (self->special_reasons, a->special_support_reasons);
  set_checks (self->need_checks, a->needs, FALSE);

  kh_note_field_set_text (self->summary, a->summary);
  kh_note_field_set_text (self->conclusions, a->conclusions);
  set_checks (self->service_checks, a->services, TRUE);
  kh_note_field_set_text (self->services_note, a->services_note);
  kh_choice_row_set (self->client_on_worker_row, a->client_on_worker);
  kh_choice_row_set (self->worker_on_worker_row, a->worker_on_worker);
  kh_note_field_set_text (self->worker_note, a->responsible_worker_note);
  kh_choice_row_set (self->next_step_row, a->next_step);
  kh_note_field_set_text (self->next_step_reasons, a->next_step_reasons);
  gtk_switch_set_active (self->disagreement_switch, a->disagreement);
  kh_note_field_set_text (self->client_disagreement, a->client_disagreement);
  kh_note_field_set_text (self->worker_disagreement, a->worker_disagreement);
  show_what_applies (self);

  self->rendering--;
}

void
_kh_assessment_steps_apply (KhAssessmentWizard *self,
                            KhAssessment       *c)
{
  g_free (c->assessed_on);
  c->assessed_on = date_from_screen (gtk_editable_get_text (GTK_EDITABLE (self->date_entry)));
  c->client_present = kh_choice_row_get (self->present_row);
  g_free (c->client_absent_reason);
  c->client_absent_reason = kh_note_field_dup_text (self->absent_reason);
  c->rights_explained = kh_choice_row_get (self->rights_row);
  c->options_explained = kh_choice_row_get (self->options_row);
  c->client_understood = kh_choice_row_get (self->understood_row);
  g_free (c->information_note);
  c->information_note = kh_note_field_dup_text (self->information_note);
  c->has_children = kh_choice_row_get (self->children_row);
  c->children_count = gtk_spin_button_get_value_as_int (self->children_count);
  c->children_checked = kh_choice_row_get (self->children_checked_row);
  g_free (c->children_note);
  c->children_note = kh_note_field_dup_text (self->children_note);

  g_free (c->client_view);
  c->client_view = kh_note_field_dup_text (self->client_view);
  g_free (c->client_view_obstacle);
  c->client_view_obstacle = kh_note_field_dup_text (self->client_view_obstacle);
  for (guint i = 0; i < c->areas->len && i < self->area_situation->len; i++)
    {
      KhAreaAssessment *area = g_ptr_array_index (c->areas, i);

      g_free (area->situation);
      g_free (area->strengths);
      g_free (area->concerns);
      area->situation = kh_note_field_dup_text (g_ptr_array_index (self->area_situation, i));
      area->strengths = kh_note_field_dup_text (g_ptr_array_index (self->area_strengths, i));
      area->concerns = kh_note_field_dup_text (g_ptr_array_index (self->area_concerns, i));
      area->worker_rating = kh_choice_row_get (g_ptr_array_index (self->area_rating_rows, i));
      area->client_rating = kh_choice_row_get (g_ptr_array_index (self->client_rating_rows, i));
    }

  c->support_needed = kh_choice_row_get (self->support_row);
  c->need_duration = kh_choice_row_get (self->duration_row);
  c->special_support = kh_choice_row_get (self->special_row);
  g_free (c->special_support_reasons);
  c->special_support_reasons = kh_note_field_dup_text (self->special_reasons);
  c->needs = get_checks (self->need_checks, FALSE);

  g_free (c->summary);
  c->summary = kh_note_field_dup_text (self->summary);
  g_free (c->conclusions);
  c->conclusions = kh_note_field_dup_text (self->conclusions);
  c->services = get_checks (self->service_checks, TRUE);
  g_free (c->services_note);
  c->services_note = kh_note_field_dup_text (self->services_note);
  c->client_on_worker = kh_choice_row_get (self->client_on_worker_row);
  c->worker_on_worker = kh_choice_row_get (self->worker_on_worker_row);
  g_free (c->responsible_worker_note);
  c->responsible_worker_note = kh_note_field_dup_text (self->worker_note);
  c->next_step = kh_choice_row_get (self->next_step_row);
  g_free (c->next_step_reasons);
  c->next_step_reasons = kh_note_field_dup_text (self->next_step_reasons);
  c->disagreement = gtk_switch_get_active (self->disagreement_switch);
  g_free (c->client_disagreement);
  c->client_disagreement = kh_note_field_dup_text (self->client_disagreement);
  g_free (c->worker_disagreement);
  c->worker_disagreement = kh_note_field_dup_text (self->worker_disagreement);
}
