/* kh-person-fields.c — the fields of a person, for intake and editing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kohtaamo-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "core/kh-hetu.h"
#include "core/kh-text.h"
#include "store/kh-db.h"

#include "kh-field-message.h"
#include "kh-form-rows.h"
#include "kh-person-fields.h"
#include "ui/common/kh-accessible.h"

struct _KhPersonFields
{
  AdwBin parent_instance;

  /* template widgets */
  AdwEntryRow *address_row;
  AdwActionRow *address_withheld_row;
  AdwEntryRow *birth_date_row;
  AdwEntryRow *city_row;
  AdwEntryRow *email_row;
  AdwEntryRow *first_names_row;
  GtkLabel    *general_error_label;
  AdwEntryRow *identity_code_row;
  GtkSwitch   *interpreter_switch;
  AdwComboRow *language_row;
  AdwEntryRow *last_name_row;
  AdwComboRow *mother_tongue_row;
  AdwComboRow *no_code_reason_row;
  GtkSwitch   *no_code_switch;
  GtkSwitch   *non_disclosure_switch;
  AdwEntryRow *other_language_row;
  AdwEntryRow *other_mother_tongue_row;
  AdwEntryRow *phone_row;
  AdwEntryRow *postal_code_row;
  AdwPreferencesGroup *record_group;
  AdwEntryRow *representative_contact_row;
  AdwEntryRow *representative_name_row;

  /* made in init, a row of the list after the identity code */
  GtkWidget   *temporary_note;

  /* owned */
  KhClient    *client;          /* what set_client was given, for its id and dates */

  guint        filling : 1;     /* set_client is writing: no "changed" */
  guint        show_record : 1; /* mother tongue, marking and representative shown */
};

G_DEFINE_FINAL_TYPE (KhPersonFields, kh_person_fields, ADW_TYPE_BIN)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The reason row lists these values in this order. */
static const KhNoCodeReason no_code_reasons[] = {
  KH_NO_CODE_NOT_KNOWN, KH_NO_CODE_ASYLUM_SEEKER, KH_NO_CODE_FOREIGN, KH_NO_CODE_OTHER,
};

/* The mother-tongue row lists "not recorded" and then these. */
static const KhLanguage mother_tongues[] = {
  KH_LANGUAGE_FI, KH_LANGUAGE_SV, KH_LANGUAGE_OTHER,
};

static KhLanguage
get_mother_tongue (KhPersonFields *self)
{
  guint i = adw_combo_row_get_selected (self->mother_tongue_row);

  return i >= 1 && i <= G_N_ELEMENTS (mother_tongues) ? mother_tongues[i - 1] : 0;
}

static void
set_mother_tongue (KhPersonFields *self,
                   KhLanguage      language)
{
  guint selected = 0;

  for (guint i = 0; i < G_N_ELEMENTS (mother_tongues); i++)
    if (mother_tongues[i] == language)
      selected = i + 1;
  adw_combo_row_set_selected (self->mother_tongue_row, selected);
}

/* The client that set_client was given came without its protected address
 * (ATL 38 §): the address rows would show nothing true. */
static gboolean
address_withheld (KhPersonFields *self)
{
  return self->client != NULL && self->client->address_withheld;
}

static void
set_text (AdwEntryRow *row,
          const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static KhLanguage
get_language (KhPersonFields *self)
{
  return kh_form_rows_get_language (self->language_row);
}

static KhNoCodeReason
get_no_code_reason (KhPersonFields *self)
{
  guint i = adw_combo_row_get_selected (self->no_code_reason_row);

  return i < G_N_ELEMENTS (no_code_reasons) ? no_code_reasons[i] : KH_NO_CODE_NOT_KNOWN;
}

static void update_temporary_note (KhPersonFields *self);

static void
update_visibility (KhPersonFields *self)
{
  gboolean no_code = gtk_switch_get_active (self->no_code_switch);

  gtk_widget_set_visible (GTK_WIDGET (self->identity_code_row), !no_code);
  gtk_widget_set_visible (GTK_WIDGET (self->birth_date_row), no_code);
  gtk_widget_set_visible (GTK_WIDGET (self->no_code_reason_row), no_code);
  gtk_widget_set_visible (GTK_WIDGET (self->other_language_row),
                          get_language (self) == KH_LANGUAGE_OTHER);
  gtk_widget_set_visible (GTK_WIDGET (self->mother_tongue_row), self->show_record);
  gtk_widget_set_visible (GTK_WIDGET (self->other_mother_tongue_row),
                          self->show_record && get_mother_tongue (self) == KH_LANGUAGE_OTHER);
  gtk_widget_set_visible (GTK_WIDGET (self->record_group), self->show_record);
  gtk_widget_set_visible (GTK_WIDGET (self->address_withheld_row), address_withheld (self));
  gtk_widget_set_visible (GTK_WIDGET (self->address_row), !address_withheld (self));
  gtk_widget_set_visible (GTK_WIDGET (self->postal_code_row), !address_withheld (self));
  gtk_widget_set_visible (GTK_WIDGET (self->city_row), !address_withheld (self));

  /* A message about a hidden field would point at nothing. */
  if (no_code)
    kh_field_message_set (GTK_WIDGET (self->identity_code_row), NULL);
  else
    kh_field_message_set (GTK_WIDGET (self->birth_date_row), NULL);
  if (get_language (self) != KH_LANGUAGE_OTHER)
    kh_field_message_set (GTK_WIDGET (self->other_language_row), NULL);
  if (get_mother_tongue (self) != KH_LANGUAGE_OTHER)
    kh_field_message_set (GTK_WIDGET (self->other_mother_tongue_row), NULL);
  update_temporary_note (self);
}

/* A valid code with an individual number 900–999 is temporary (or a test
 * code): fine to save, but worth replacing once the real one is known. */
static void
update_temporary_note (KhPersonFields *self)
{
  g_autofree char *code = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->identity_code_row)));
  gboolean temporary = FALSE;

  if (self->temporary_note == NULL)
    return;
  g_strstrip (code);
  if (gtk_switch_get_active (self->no_code_switch)
      || kh_hetu_validate (code, NULL, NULL, &temporary) != KH_HETU_OK)
    temporary = FALSE;
  gtk_widget_set_visible (self->temporary_note, temporary);
}

static GtkWidget *
new_temporary_note (void)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-information-symbolic");
  /* Translators: a note under a valid personal identity code whose
   * individual number is 900–999; not an error, saving is allowed. */
  GtkWidget *label = gtk_label_new (_("A temporary identity code (900–999): replace it with the permanent code when it is known."));

  /* Like a field message, but calm: no focus, no error colour. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_widget_set_can_target (row, FALSE);
  gtk_widget_add_css_class (row, "kh-field-message");
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_add_css_class (icon, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_visible (row, FALSE);
  return row;
}

static void
emit_changed (KhPersonFields *self)
{
  if (!self->filling)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
row_text_changed_cb (GtkEditable    *editable,
                     KhPersonFields *self)
{
  /* The message was about the old text. */
  if (!self->filling)
    kh_field_message_set (GTK_WIDGET (editable), NULL);
  if (editable == GTK_EDITABLE (self->identity_code_row))
    update_temporary_note (self);
  gtk_widget_set_visible (GTK_WIDGET (self->general_error_label), FALSE);
  emit_changed (self);
}

static void
choice_changed_cb (GObject        *object,
                   GParamSpec     *pspec,
                   KhPersonFields *self)
{
  if (ADW_IS_COMBO_ROW (object) && !self->filling)
    kh_field_message_set (GTK_WIDGET (object), NULL);
  update_visibility (self);
  emit_changed (self);
}

/* Identity codes are written in capitals; typing "131052-308t" is a
 * mistake nobody should have to notice. */
static void
code_insert_text_cb (GtkEditable    *editable,
                     const char     *text,
                     int             length,
                     int            *position,
                     KhPersonFields *self)
{
  g_autofree char *upper = NULL;

  if (length < 0)
    length = strlen (text);
  upper = g_utf8_strup (text, length);
  if (strlen (upper) == (gsize) length && memcmp (upper, text, length) == 0)
    return;

  g_signal_handlers_block_by_func (editable, code_insert_text_cb, self);
  gtk_editable_insert_text (editable, upper, -1, position);
  g_signal_handlers_unblock_by_func (editable, code_insert_text_cb, self);
  g_signal_stop_emission_by_name (editable, "insert-text");
}

static char *
dup_code_text (KhPersonFields *self)
{
  g_autofree char *code = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->identity_code_row)));

  g_strstrip (code);
  return g_steal_pointer (&code);
}

/* Returns the message for the identity code, or NULL when it is valid. */
static const char *
check_code (KhPersonFields *self,
            GDate          *out_birth)
{
  g_autofree char *code = dup_code_text (self);
  KhHetuStatus status;

  status = kh_hetu_validate (code, NULL, out_birth, NULL);
  if (status == KH_HETU_OK)
    return NULL;
  return kh_hetu_status_message (status);
}

static void
code_focus_left_cb (GtkEventControllerFocus *controller,
                    KhPersonFields          *self)
{
  g_autofree char *code = dup_code_text (self);

  /* Early feedback, but not for a field that was only passed through. */
  if (code[0] == '\0' || gtk_switch_get_active (self->no_code_switch))
    return;
  kh_field_message_set (GTK_WIDGET (self->identity_code_row), check_code (self, NULL));
}

static gboolean
parse_birth_date (KhPersonFields  *self,
                  GDate           *out,
                  const char     **out_message)
{
  g_autofree char *text = kh_form_rows_dup_text (self->birth_date_row);
  GDate today;

  if (text == NULL)
    {
      *out_message = _("Enter the birth date, for example 2.4.1980.");
      return FALSE;
    }
  if (!kh_date_parse (text, out))
    {
      *out_message = _("This is not a date. Write it as 2.4.1980.");
      return FALSE;
    }
  g_date_clear (&today, 1);
  g_date_set_time_t (&today, time (NULL));
  if (g_date_compare (out, &today) > 0)
    {
      *out_message = _("The birth date cannot be in the future.");
      return FALSE;
    }
  *out_message = NULL;
  return TRUE;
}

/* The row for a KhClient field named by kh_db_validate_client, or NULL. */
static GtkWidget *
field_row (KhPersonFields *self,
           const char     *field)
{
  const struct { const char *field; GtkWidget *row; } rows[] = {
    { "last_name", GTK_WIDGET (self->last_name_row) },
    { "first_names", GTK_WIDGET (self->first_names_row) },
    { "identity_code", GTK_WIDGET (self->identity_code_row) },
    { "birth_date", GTK_WIDGET (self->birth_date_row) },
    { "no_code_reason", GTK_WIDGET (self->no_code_reason_row) },
    { "language", GTK_WIDGET (self->language_row) },
    { "other_language", GTK_WIDGET (self->other_language_row) },
    { "postal_code", GTK_WIDGET (self->postal_code_row) },
    { "phone", GTK_WIDGET (self->phone_row) },
    { "email", GTK_WIDGET (self->email_row) },
    { "address", GTK_WIDGET (self->address_row) },
    { "city", GTK_WIDGET (self->city_row) },
    { "mother_tongue", GTK_WIDGET (self->mother_tongue_row) },
    { "other_mother_tongue", GTK_WIDGET (self->other_mother_tongue_row) },
    { "representative_name", GTK_WIDGET (self->representative_name_row) },
    { "representative_contact", GTK_WIDGET (self->representative_contact_row) },
  };

  for (guint i = 0; field != NULL && i < G_N_ELEMENTS (rows); i++)
    if (g_str_equal (rows[i].field, field) && gtk_widget_get_visible (rows[i].row))
      return rows[i].row;
  return NULL;
}

/* Shows what kh_db_validate_client refuses at its field (unless the field
 * already has a message of the form's own) or, for a field not shown, above
 * the fields. Returns the widget to focus, or NULL when all is well. */
static GtkWidget *
check_store_rules (KhPersonFields *self)
{
  g_autoptr(KhClient) client = kh_person_fields_dup_client (self);
  g_autoptr(GError) error = NULL;
  const char *field = NULL;
  GtkWidget *row;

  if (kh_db_validate_client (client, &field, &error))
    return NULL;

  row = field_row (self, field);
  if (row == NULL)
    {
      gtk_label_set_text (self->general_error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->general_error_label), TRUE);
      return GTK_WIDGET (self->last_name_row);
    }
  if (!kh_field_message_is_shown (row))
    kh_field_message_set (row, error->message);
  return row;
}

static void
kh_person_fields_dispose (GObject *object)
{
  KhPersonFields *self = KH_PERSON_FIELDS (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KH_TYPE_PERSON_FIELDS);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (kh_person_fields_parent_class)->dispose (object);
}

static void
kh_person_fields_class_init (KhPersonFieldsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kh_person_fields_dispose;

  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/common/kh-person-fields.ui");
  gtk_widget_class_bind_template_child (widget_class, KhPersonFields, address_row);
  gtk_widget_class_bind_template_child (widget_class, KhPersonFields, address_withheld_row);
  gtk_widget_class_bind_template_child (widget_class, KhPersonFields, birth_date_row);
  gtk_widget_class_bind_template_child (widget_class, KhPersonFields, city_row);
  gtk_widget_class_bind_template_child (widget_class, KhPersonFields, email_row);
  gtk_widget_class_bind_template_child (widget_class, KhPersonFields, first_names_row);
  gtk_widget_class_bind_template_child (widget_class, KhPersonFields, general_error_label);
  gtk_widget_class_bind_template_child (widget_class, KhPersonFields, identity_code_row);
  gtk_widget_class_bind_template_child (widget_class, KhPersonFields, interpreter_switch);
  gtk_widget_class_bind_template_child (widget_class, KhPersonFields, language_row);
  gtk_widget_class_bind_template_child (widget_class, KhPersonFields, last_name_row);
  gtk_widget_class_bind_template_child (widget_class, KhPersonFields, mother_tongue_row);
  gtk_widget_class_bind_template_child (widget_class, KhPersonFields, no_code_reason_row);
  gtk_widget_class_bind_template_child (widget_class, KhPersonFields, no_code_switch);
  gtk_widget_class_bind_template_child (widget_class, KhPersonFields, non_disclosure_switch);
  gtk_widget_class_bind_template_child (widget_class, KhPersonFields, other_language_row);
  gtk_widget_class_bind_template_child (widget_class, KhPersonFields, other_mother_tongue_row);
  gtk_widget_class_bind_template_child (widget_class, KhPersonFields, phone_row);
  gtk_widget_class_bind_template_child (widget_class, KhPersonFields, postal_code_row);
  gtk_widget_class_bind_template_child (widget_class, KhPersonFields, record_group);
  gtk_widget_class_bind_template_child (widget_class, KhPersonFields, representative_contact_row);
  gtk_widget_class_bind_template_child (widget_class, KhPersonFields, representative_name_row);
}

static void
kh_person_fields_init (KhPersonFields *self)
{
  g_autoptr(GtkStringList) reason_labels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) tongue_labels = gtk_string_list_new (NULL);
  AdwEntryRow *text_rows[13];
  GtkEventController *focus;
  GtkEditable *delegate;
  GtkWidget *list;

  kh_field_message_ensure_style ();
  gtk_widget_init_template (GTK_WIDGET (self));
  kh_accessible_fix_mnemonics (GTK_WIDGET (self));

  text_rows[0] = self->last_name_row;
  text_rows[1] = self->first_names_row;
  text_rows[2] = self->identity_code_row;
  text_rows[3] = self->birth_date_row;
  text_rows[4] = self->other_language_row;
  text_rows[5] = self->address_row;
  text_rows[6] = self->postal_code_row;
  text_rows[7] = self->city_row;
  text_rows[8] = self->phone_row;
  text_rows[9] = self->email_row;
  text_rows[10] = self->other_mother_tongue_row;
  text_rows[11] = self->representative_name_row;
  text_rows[12] = self->representative_contact_row;

  kh_form_rows_setup_language (self->language_row);
  for (guint i = 0; i < G_N_ELEMENTS (no_code_reasons); i++)
    gtk_string_list_append (reason_labels, kh_no_code_label (no_code_reasons[i]));
  adw_combo_row_set_model (self->no_code_reason_row, G_LIST_MODEL (reason_labels));
  kh_form_rows_show_whole_choices (self->no_code_reason_row);
  /* Translators: the mother tongue of a person that nobody has recorded */
  gtk_string_list_append (tongue_labels, C_("mother tongue", "Not recorded"));
  for (guint i = 0; i < G_N_ELEMENTS (mother_tongues); i++)
    gtk_string_list_append (tongue_labels, kh_language_label (mother_tongues[i]));
  adw_combo_row_set_model (self->mother_tongue_row, G_LIST_MODEL (tongue_labels));
  kh_form_rows_show_whole_choices (self->mother_tongue_row);

  for (guint i = 0; i < G_N_ELEMENTS (text_rows); i++)
    g_signal_connect (text_rows[i], "changed", G_CALLBACK (row_text_changed_cb), self);

  g_signal_connect (self->no_code_switch, "notify::active", G_CALLBACK (choice_changed_cb), self);
  g_signal_connect (self->interpreter_switch, "notify::active", G_CALLBACK (choice_changed_cb), self);
  g_signal_connect (self->language_row, "notify::selected", G_CALLBACK (choice_changed_cb), self);
  g_signal_connect (self->no_code_reason_row, "notify::selected", G_CALLBACK (choice_changed_cb), self);
  g_signal_connect (self->mother_tongue_row, "notify::selected", G_CALLBACK (choice_changed_cb), self);
  g_signal_connect (self->non_disclosure_switch, "notify::active", G_CALLBACK (choice_changed_cb), self);

  delegate = gtk_editable_get_delegate (GTK_EDITABLE (self->identity_code_row));
  g_signal_connect (delegate, "insert-text", G_CALLBACK (code_insert_text_cb), self);

  kh_field_enter_activates_rows (GTK_WIDGET (self));

  list = gtk_widget_get_parent (GTK_WIDGET (self->identity_code_row));
  self->temporary_note = new_temporary_note ();
  gtk_list_box_insert (GTK_LIST_BOX (list), self->temporary_note,
                       gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (self->identity_code_row)) + 1);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (code_focus_left_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->identity_code_row), focus);

  update_visibility (self);
}

GtkWidget *
kh_person_fields_new (void)
{
  return g_object_new (KH_TYPE_PERSON_FIELDS, NULL);
}

void
kh_person_fields_clear_messages (KhPersonFields *self)
{
  GtkWidget *fields[] = {
    GTK_WIDGET (self->last_name_row), GTK_WIDGET (self->first_names_row),
    GTK_WIDGET (self->identity_code_row), GTK_WIDGET (self->birth_date_row),
    GTK_WIDGET (self->other_language_row), GTK_WIDGET (self->postal_code_row),
    GTK_WIDGET (self->phone_row), GTK_WIDGET (self->email_row),
    GTK_WIDGET (self->no_code_reason_row), GTK_WIDGET (self->language_row),
    GTK_WIDGET (self->address_row), GTK_WIDGET (self->city_row),
    GTK_WIDGET (self->mother_tongue_row), GTK_WIDGET (self->other_mother_tongue_row),
    GTK_WIDGET (self->representative_name_row), GTK_WIDGET (self->representative_contact_row),
  };

  g_return_if_fail (KH_IS_PERSON_FIELDS (self));

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    kh_field_message_set (fields[i], NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->general_error_label), FALSE);
}

void
kh_person_fields_set_client (KhPersonFields *self,
                             KhClient       *client)
{
  g_autofree char *birth = NULL;
  gboolean no_code;

  g_return_if_fail (KH_IS_PERSON_FIELDS (self));
  g_return_if_fail (client == NULL || KH_IS_CLIENT (client));

  g_clear_object (&self->client);
  if (client != NULL)
    self->client = kh_client_copy (client);

  self->filling = TRUE;

  no_code = client != NULL && client->identity_kind == KH_IDENTITY_BIRTH_DATE;
  if (no_code && client->birth_date != NULL)
    {
      GDate date;

      g_date_clear (&date, 1);
      if (kh_date_from_iso (client->birth_date, &date))
        birth = kh_date_format (&date);
    }

  set_text (self->last_name_row, client ? client->last_name : NULL);
  set_text (self->first_names_row, client ? client->first_names : NULL);
  set_text (self->identity_code_row, client && !no_code ? client->identity_code : NULL);
  gtk_switch_set_active (self->no_code_switch, no_code);
  set_text (self->birth_date_row, birth);
  adw_combo_row_set_selected (self->no_code_reason_row, 0);
  for (guint i = 0; no_code && i < G_N_ELEMENTS (no_code_reasons); i++)
    if (no_code_reasons[i] == client->no_code_reason)
      adw_combo_row_set_selected (self->no_code_reason_row, i);

  adw_combo_row_set_selected (self->language_row, 0);
  kh_form_rows_set_language (self->language_row,
                             client != NULL ? client->language : kh_form_rows_default_language ());
  set_text (self->other_language_row, client ? client->other_language : NULL);
  gtk_switch_set_active (self->interpreter_switch, client != NULL && client->interpreter);

  set_text (self->address_row, client ? client->address : NULL);
  set_text (self->postal_code_row, client ? client->postal_code : NULL);
  set_text (self->city_row, client ? client->city : NULL);
  set_text (self->phone_row, client ? client->phone : NULL);
  set_text (self->email_row, client ? client->email : NULL);

  set_mother_tongue (self, client != NULL ? client->mother_tongue : 0);
  set_text (self->other_mother_tongue_row, client ? client->other_mother_tongue : NULL);
  gtk_switch_set_active (self->non_disclosure_switch, client != NULL && client->non_disclosure);
  set_text (self->representative_name_row, client ? client->representative_name : NULL);
  set_text (self->representative_contact_row, client ? client->representative_contact : NULL);

  self->filling = FALSE;

  update_visibility (self);
  kh_person_fields_clear_messages (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
kh_person_fields_validate (KhPersonFields *self)
{
  GtkWidget *first_bad = NULL;
  g_autofree char *last_name = NULL;
  g_autofree char *first_names = NULL;
  g_autofree char *postal_code = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *email = NULL;
  GtkWidget *store_bad;
  const char *message;

  g_return_val_if_fail (KH_IS_PERSON_FIELDS (self), FALSE);

  gtk_widget_set_visible (GTK_WIDGET (self->general_error_label), FALSE);

#define CHECK(row, msg) G_STMT_START {                          \
    kh_field_message_set (GTK_WIDGET (row), (msg));             \
    if ((msg) != NULL && first_bad == NULL)                     \
      first_bad = GTK_WIDGET (row);                             \
  } G_STMT_END

  last_name = kh_form_rows_dup_text (self->last_name_row);
  CHECK (self->last_name_row, last_name == NULL ? _("Enter the last name.") : NULL);

  first_names = kh_form_rows_dup_text (self->first_names_row);
  CHECK (self->first_names_row, first_names == NULL ? _("Enter the first names.") : NULL);

  if (gtk_switch_get_active (self->no_code_switch))
    {
      GDate birth;

      g_date_clear (&birth, 1);
      parse_birth_date (self, &birth, &message);
      CHECK (self->birth_date_row, message);
    }
  else
    {
      CHECK (self->identity_code_row, check_code (self, NULL));
    }

  if (get_language (self) == KH_LANGUAGE_OTHER)
    {
      g_autofree char *other = kh_form_rows_dup_text (self->other_language_row);

      CHECK (self->other_language_row, other == NULL ? _("Name the language.") : NULL);
    }

  postal_code = kh_form_rows_dup_text (self->postal_code_row);
  CHECK (self->postal_code_row,
         postal_code != NULL && !kh_postal_code_is_valid (postal_code)
         ? _("A postal code has five digits, for example 00100.") : NULL);

  phone = kh_form_rows_dup_text (self->phone_row);
  if (phone != NULL)
    {
      g_autofree char *normal = kh_phone_normalize (phone);

      CHECK (self->phone_row, normal == NULL
             ? _("This is not a phone number. Use digits, for example 040 123 4567.") : NULL);
    }
  else
    CHECK (self->phone_row, NULL);

  email = kh_form_rows_dup_text (self->email_row);
  CHECK (self->email_row,
         email != NULL && !kh_email_is_valid (email)
         ? _("This is not an e-mail address. Write it as name@example.fi.") : NULL);

  if (self->show_record && get_mother_tongue (self) == KH_LANGUAGE_OTHER)
    {
      g_autofree char *other = kh_form_rows_dup_text (self->other_mother_tongue_row);

      CHECK (self->other_mother_tongue_row, other == NULL ? _("Name the language.") : NULL);
    }

  /* Issue 5, 1.13: every text field within its limit and free of invisible
   * and direction-changing characters, said at the field (without the
   * field's name, which is right above the message). */
  {
    /* `own`: no other check of this run looks at the row, so its old
     * message goes here; the others keep the message they already got. */
    const struct { AdwEntryRow *row; guint max; gboolean own; } texts[] = {
      { self->last_name_row, KH_CLIENT_MAX_LAST_NAME, FALSE },
      { self->first_names_row, KH_CLIENT_MAX_FIRST_NAMES, FALSE },
      { self->other_language_row, KH_CLIENT_MAX_OTHER_LANGUAGE, FALSE },
      { self->other_mother_tongue_row, KH_CLIENT_MAX_OTHER_LANGUAGE, FALSE },
      { self->address_row, KH_CLIENT_MAX_ADDRESS, TRUE },
      { self->city_row, KH_CLIENT_MAX_CITY, TRUE },
      { self->representative_name_row, KH_CLIENT_MAX_REPRESENTATIVE_NAME, TRUE },
      { self->representative_contact_row, KH_CLIENT_MAX_REPRESENTATIVE_CONTACT, TRUE },
    };

    for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
      {
        g_autofree char *text = kh_form_rows_dup_text (texts[i].row);
        g_autoptr(GError) error = NULL;

        if (texts[i].own)
          kh_field_message_set (GTK_WIDGET (texts[i].row), NULL);
        if (!gtk_widget_get_visible (GTK_WIDGET (texts[i].row))
            || kh_field_message_is_shown (GTK_WIDGET (texts[i].row)))
          continue;
        if (!kh_text_check_field (NULL, text, KH_TEXT_LINE, texts[i].max, &error))
          CHECK (texts[i].row, error->message);
      }
  }

#undef CHECK

  /* The store has rules of its own (a plausible birth year, for one): ask
   * them here, where the answer can still be shown at its field. */
  store_bad = check_store_rules (self);
  if (first_bad == NULL)
    first_bad = store_bad;

  if (first_bad != NULL)
    {
      gtk_widget_grab_focus (first_bad);
      return FALSE;
    }
  return TRUE;
}

KhClient *
kh_person_fields_dup_client (KhPersonFields *self)
{
  g_autoptr(KhClient) client = NULL;
  GDate birth;

  g_return_val_if_fail (KH_IS_PERSON_FIELDS (self), NULL);

  client = self->client != NULL ? kh_client_copy (self->client) : kh_client_new ();
  g_date_clear (&birth, 1);

#define REPLACE(field, value) G_STMT_START {   \
    g_free (client->field);                    \
    client->field = (value);                   \
  } G_STMT_END

  REPLACE (last_name, kh_form_rows_dup_text (self->last_name_row));
  REPLACE (first_names, kh_form_rows_dup_text (self->first_names_row));

  if (gtk_switch_get_active (self->no_code_switch))
    {
      const char *message;

      client->identity_kind = KH_IDENTITY_BIRTH_DATE;
      client->no_code_reason = get_no_code_reason (self);
      REPLACE (identity_code, NULL);
      REPLACE (birth_date, parse_birth_date (self, &birth, &message) ? kh_date_to_iso (&birth) : NULL);
    }
  else
    {
      client->identity_kind = KH_IDENTITY_CODE;
      client->no_code_reason = KH_NO_CODE_NONE;
      REPLACE (identity_code, kh_text_clean (gtk_editable_get_text (GTK_EDITABLE (self->identity_code_row))));
      REPLACE (birth_date, check_code (self, &birth) == NULL ? kh_date_to_iso (&birth) : NULL);
    }

  client->language = get_language (self);
  REPLACE (other_language, client->language == KH_LANGUAGE_OTHER
                           ? kh_form_rows_dup_text (self->other_language_row) : NULL);
  client->interpreter = gtk_switch_get_active (self->interpreter_switch);
  REPLACE (address, kh_form_rows_dup_text (self->address_row));
  REPLACE (postal_code, kh_form_rows_dup_text (self->postal_code_row));
  REPLACE (city, kh_form_rows_dup_text (self->city_row));
  REPLACE (phone, kh_form_rows_dup_text (self->phone_row));
  REPLACE (email, kh_form_rows_dup_text (self->email_row));
  if (address_withheld (self))
    {
      /* Not shown, so not changed: the store keeps the stored address. */
      REPLACE (address, NULL);
      REPLACE (postal_code, NULL);
      REPLACE (city, NULL);
    }

  if (self->show_record)
    {
      client->mother_tongue = get_mother_tongue (self);
      REPLACE (other_mother_tongue, client->mother_tongue == KH_LANGUAGE_OTHER
                                    ? kh_form_rows_dup_text (self->other_mother_tongue_row) : NULL);
      client->non_disclosure = gtk_switch_get_active (self->non_disclosure_switch);
      REPLACE (representative_name, kh_form_rows_dup_text (self->representative_name_row));
      REPLACE (representative_contact, kh_form_rows_dup_text (self->representative_contact_row));
    }

#undef REPLACE

  return g_steal_pointer (&client);
}

void
kh_person_fields_show_store_error (KhPersonFields *self,
                                   const GError   *error)
{
  g_return_if_fail (KH_IS_PERSON_FIELDS (self));
  g_return_if_fail (error != NULL);

  if (g_error_matches (error, KH_STORE_ERROR, KH_STORE_ERROR_DUPLICATE_CODE))
    {
      gtk_switch_set_active (self->no_code_switch, FALSE);
      kh_field_message_set (GTK_WIDGET (self->identity_code_row),
                            _("This identity code already belongs to another person. Search for them instead of adding a new person."));
      gtk_widget_grab_focus (GTK_WIDGET (self->identity_code_row));
      return;
    }

  /* Issue 6, 7: the server away is nothing wrong with what was typed:
   * said calmly, with what to do. */
  if (g_error_matches (error, KH_STORE_ERROR, KH_STORE_ERROR_UNAVAILABLE))
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->general_error_label), "error");
      gtk_label_set_text (self->general_error_label,
                          _("The server cannot be reached, so the changes have not been saved. They are kept here: save again when the connection is back."));
      gtk_widget_set_visible (GTK_WIDGET (self->general_error_label), TRUE);
      return;
    }
  gtk_widget_add_css_class (GTK_WIDGET (self->general_error_label), "error");
  gtk_label_set_text (self->general_error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->general_error_label), TRUE);
}

void
kh_person_fields_prefill (KhPersonFields *self,
                          const char     *search_text)
{
  g_autofree char *text = NULL;
  char *comma;
  char *space;

  g_return_if_fail (KH_IS_PERSON_FIELDS (self));

  text = kh_text_clean (search_text);
  if (text == NULL)
    return;

  if (kh_hetu_looks_like (text))
    {
      g_autofree char *upper = g_utf8_strup (text, -1);

      set_text (self->identity_code_row, upper);
      return;
    }

  /* Names have letters and no digits; a phone number or a date stays out. */
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (g_unichar_isdigit (g_utf8_get_char (p)))
      return;

  /* At the desk a name is said and typed last name first. */
  comma = strchr (text, ',');
  space = strchr (text, ' ');
  if (comma != NULL)
    {
      g_autofree char *first = NULL;

      *comma = '\0';
      first = kh_text_clean (comma + 1);
      set_text (self->first_names_row, first);
    }
  else if (space != NULL)
    {
      *space = '\0';
      set_text (self->first_names_row, space + 1);
    }
  set_text (self->last_name_row, g_strstrip (text));
}

gboolean
kh_person_fields_get_birth_date (KhPersonFields *self,
                                 GDate          *out)
{
  const char *message;

  g_return_val_if_fail (KH_IS_PERSON_FIELDS (self), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (gtk_switch_get_active (self->no_code_switch))
    return parse_birth_date (self, out, &message);
  return check_code (self, out) == NULL;
}

void
kh_person_fields_set_show_record (KhPersonFields *self,
                                  gboolean        show)
{
  g_return_if_fail (KH_IS_PERSON_FIELDS (self));

  self->show_record = !!show;
  update_visibility (self);
}

void
kh_person_fields_focus_start (KhPersonFields *self)
{
  g_return_if_fail (KH_IS_PERSON_FIELDS (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->last_name_row));
}
