/* kh-timeline.c — one timeline of everything about a person (issue 7, 2)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kohtaamo-core"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "kh-text.h"
#include "kh-timeline.h"

G_DEFINE_FINAL_TYPE (KhTimelineEntry, kh_timeline_entry, G_TYPE_OBJECT)

static void
kh_timeline_entry_finalize (GObject *object)
{
  KhTimelineEntry *self = KH_TIMELINE_ENTRY (object);

  g_clear_pointer (&self->at, g_date_time_unref);
  g_free (self->text);
  g_free (self->who);
  g_free (self->day);
  g_free (self->code);
  g_free (self->language);

  G_OBJECT_CLASS (kh_timeline_entry_parent_class)->finalize (object);
}

static void
kh_timeline_entry_class_init (KhTimelineEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kh_timeline_entry_finalize;
}

static void
kh_timeline_entry_init (KhTimelineEntry *self)
{
}

KhTimelineEntry *
kh_timeline_entry_new (KhTimelineKind kind)
{
  KhTimelineEntry *self = g_object_new (KH_TYPE_TIMELINE_ENTRY, NULL);

  self->kind = kind;
  return self;
}

gboolean
kh_case_note_check (const char  *text,
                    char       **out_clean,
                    GError     **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (text != NULL ? text : ""));

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (clean[0] == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The note is empty: write what happened."));
      return FALSE;
    }
  /* Translators: the name of a case note's field, as the start of a message about it */
  if (!kh_text_check_field (C_("field", "Case note"), clean, KH_TEXT_NOTE, KH_CASE_NOTE_MAX, error))
    return FALSE;
  if (out_clean != NULL)
    *out_clean = g_steal_pointer (&clean);
  return TRUE;
}
