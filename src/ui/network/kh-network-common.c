/* kh-network-common.c — what the network page, its dialogs and its
 * comparison share (issue 9)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kohtaamo-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ui/common/kh-form-rows.h"
#include "core/kh-text.h"
#include "kh-network-common.h"

const char *
kh_network_ui_language (void)
{
  static const char msgid[] = "Network Map";

  /* What the UI's catalogue serves: nothing (an English UI, or one in a
   * language Kohtaamo has no catalogue for) is English; else Finnish or
   * Swedish as the forms pick between them. */
  if (g_dgettext (GETTEXT_PACKAGE, msgid) == msgid)
    return "en";
  return kh_form_rows_ui_language ();
}

void
kh_network_today (GDate *out)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (out, 1);
  g_date_set_dmy (out, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

KhEcomapEntry *
kh_network_ecomap_entries (GPtrArray *members,
                           guint     *n_entries)
{
  KhEcomapEntry *entries = g_new0 (KhEcomapEntry, members != NULL ? members->len + 1 : 1);
  guint n = 0;

  for (guint i = 0; members != NULL && i < members->len; i++)
    {
      KhNetworkMember *m = g_ptr_array_index (members, i);

      if (m->removed)
        continue;
      entries[n++] = (KhEcomapEntry) {
        .id = m->id,
        .label = kh_network_member_display_name (m),
        .kind = m->kind,
        .sector = m->sector,
        .distance = m->distance,
        .quality = m->tie,
        .direction = m->direction,
      };
    }
  *n_entries = n;
  return entries;
}

KhConsentState
kh_network_member_consent (KhNetworkMember *member,
                           const GDate     *today,
                           KhConsentScope  *scope)
{
  KhConsentScope allowed = member->consents != NULL ? kh_network_consented (member->consents, today) : 0;
  KhNetworkConsent *newest = NULL;

  if (scope != NULL)
    *scope = allowed;
  if (allowed != 0)
    return KH_CONSENT_VALID;
  for (guint i = 0; member->consents != NULL && i < member->consents->len; i++)
    {
      KhNetworkConsent *c = g_ptr_array_index (member->consents, i);

      if (!g_date_valid (&c->given_on) || g_date_compare (&c->given_on, today) > 0)
        continue;
      if (newest == NULL || g_date_compare (&c->given_on, &newest->given_on) > 0
          || (g_date_compare (&c->given_on, &newest->given_on) == 0 && c->id > newest->id))
        newest = c;
    }
  return newest != NULL ? kh_network_consent_state (newest, today) : KH_CONSENT_NONE;
}

const char *
kh_network_consent_badge (KhConsentState state)
{
  switch (state)
    {
    case KH_CONSENT_VALID:
      /* Translators: on an entry of the client's network: the client's consent to contact or share */
      return _("Consent in force");
    case KH_CONSENT_EXPIRED:
      /* Translators: on an entry of the client's network */
      return _("Consent expired");
    case KH_CONSENT_WITHDRAWN:
      /* Translators: on an entry of the client's network */
      return _("Consent withdrawn");
    case KH_CONSENT_NONE:
    default:
      /* Translators: on an entry of the client's network */
      return _("No consent");
    }
}

const char *
kh_network_consent_style (KhConsentState state)
{
  switch (state)
    {
    case KH_CONSENT_VALID:
      return "success";
    case KH_CONSENT_EXPIRED:
      return "warning";
    case KH_CONSENT_WITHDRAWN:
      return "error";
    case KH_CONSENT_NONE:
    default:
      return "dim-label";
    }
}

const char *
kh_network_tie_word (KhTieQuality tie)
{
  /* The legend's words (kh-ecomap-draw.c), so that the list and the map's
   * legend say the same. */
  switch (tie)
    {
    case KH_TIE_STRONG:    return C_("ecomap legend", "Strong");
    case KH_TIE_ORDINARY:  return C_("ecomap legend", "Ordinary");
    case KH_TIE_WEAK:      return C_("ecomap legend", "Weak");
    case KH_TIE_STRESSFUL: return C_("ecomap legend", "Stressful");
    case KH_TIE_BROKEN:    return C_("ecomap legend", "Broken");
    default:               return "";
    }
}

char *
kh_network_member_describe (KhNetworkMember *m)
{
  const char *sector = kh_network_code_label (KH_NETWORK_CODE_SECTOR, m->sector);
  const char *who = NULL;
  g_autofree char *contact = NULL;

  if (m->kind == KH_NETWORK_PERSON)
    who = m->relation_text != NULL ? m->relation_text
          : m->relation != KH_RELATION_NONE ? kh_network_code_label (KH_NETWORK_CODE_RELATION, m->relation) : NULL;
  else if (m->contact_person != NULL)
    /* Translators: the named professional of a service in the client's network */
    who = contact = g_strdup_printf (_("Contact: %s"), m->contact_person);
  if (who == NULL)
    return g_strdup (sector != NULL ? sector : "");
  return g_strdup_printf ("%s · %s", who, sector != NULL ? sector : "");
}

char *
kh_network_client_map_name (const KhClient *client)
{
  g_autofree char *first = NULL;

  if (client->first_names == NULL || client->first_names[0] == '\0')
    return kh_client_dup_display_name (client);
  first = g_strdup (client->first_names);
  g_strdelimit (first, "\t", ' ');
  if (strchr (first, ' ') != NULL)
    *strchr (first, ' ') = '\0';
  return client->last_name != NULL ? g_strdup_printf ("%s %s", first, client->last_name) : g_steal_pointer (&first);
}

void
kh_network_frame (AdwWindow        *window,
                  GtkWidget        *header,
                  GtkStack        **stack,
                  AdwToastOverlay **toasts)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  *stack = g_object_new (GTK_TYPE_STACK, "vexpand", TRUE, NULL);
  gtk_stack_add_named (*stack,
                       g_object_new (GTK_TYPE_SPINNER, "spinning", TRUE, "width-request", 32, "height-request", 32,
                                     "halign", GTK_ALIGN_CENTER, "valign", GTK_ALIGN_CENTER, NULL),
                       "loading");
  *toasts = g_object_new (ADW_TYPE_TOAST_OVERLAY, "child", *stack, "vexpand", TRUE, NULL);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (*toasts));
  adw_window_set_content (window, box);
}

char *
kh_network_format_date (const GDate *day)
{
  if (day == NULL || !g_date_valid (day))
    return g_strdup ("");
  return kh_date_format_dmy (day);
}

/* ---- the differences between two versions ---- */

static const char *
field_name (KhNetworkField field)
{
  switch (field)
    {
    case KH_NETWORK_FIELD_NAME:           return C_("network field", "name");
    case KH_NETWORK_FIELD_RELATION:       return C_("network field", "relation");
    case KH_NETWORK_FIELD_RELATION_TEXT:  return C_("network field", "relation in own words");
    case KH_NETWORK_FIELD_CONTACT:        return C_("network field", "contact details");
    case KH_NETWORK_FIELD_SERVICE:        return C_("network field", "service");
    case KH_NETWORK_FIELD_CONTACT_PERSON: return C_("network field", "contact person");
    case KH_NETWORK_FIELD_SECTOR:         return C_("network field", "life area");
    case KH_NETWORK_FIELD_DISTANCE:       return C_("network field", "closeness");
    case KH_NETWORK_FIELD_TIE:            return C_("network field", "tie");
    case KH_NETWORK_FIELD_DIRECTION:      return C_("network field", "direction of support");
    case KH_NETWORK_FIELD_SUPPORT:        return C_("network field", "kinds of support");
    case KH_NETWORK_FIELD_NOTE:           return C_("network field", "note");
    case KH_NETWORK_FIELD_KIND:
    default:                              return C_("network field", "kind");
    }
}

/* A coded field's value before and after, or NULL for a text field. */
static char *
field_values (KhNetworkField   field,
              KhNetworkMember *before,
              KhNetworkMember *after)
{
  KhNetworkCode code;
  int a, b;

  switch (field)
    {
    case KH_NETWORK_FIELD_SECTOR:    code = KH_NETWORK_CODE_SECTOR;    a = before->sector;    b = after->sector; break;
    case KH_NETWORK_FIELD_DISTANCE:  code = KH_NETWORK_CODE_DISTANCE;  a = before->distance;  b = after->distance; break;
    case KH_NETWORK_FIELD_TIE:       code = KH_NETWORK_CODE_TIE;       a = before->tie;       b = after->tie; break;
    case KH_NETWORK_FIELD_DIRECTION: code = KH_NETWORK_CODE_DIRECTION; a = before->direction; b = after->direction; break;
    case KH_NETWORK_FIELD_RELATION:  code = KH_NETWORK_CODE_RELATION;  a = before->relation;  b = after->relation; break;
    default:
      return NULL;
    }
  return g_strdup_printf ("%s → %s", kh_network_code_label (code, a), kh_network_code_label (code, b));
}

GPtrArray *
kh_network_describe_changes (GPtrArray *changes)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; changes != NULL && i < changes->len; i++)
    {
      KhNetworkChange *c = g_ptr_array_index (changes, i);
      KhNetworkMember *m = c->after != NULL ? c->after : c->before;
      const char *name = kh_network_member_display_name (m);
      g_autoptr(GString) fields = NULL;

      switch (c->kind)
        {
        case KH_NETWORK_ADDED:
          /* Translators: a change between two versions of the network map */
          g_ptr_array_add (lines, g_strdup_printf (_("Added: %s"), name));
          break;
        case KH_NETWORK_REMOVED:
          /* Translators: a change between two versions of the network map */
          g_ptr_array_add (lines, g_strdup_printf (_("Removed: %s"), name));
          break;
        case KH_NETWORK_CHANGED:
          fields = g_string_new (NULL);
          for (int f = KH_NETWORK_FIELD_KIND; f <= KH_NETWORK_FIELD_NOTE; f++)
            {
              g_autofree char *values = NULL;

              if ((c->fields & (1u << f)) == 0)
                continue;
              if (fields->len > 0)
                g_string_append (fields, "; ");
              values = field_values (f, c->before, c->after);
              g_string_append (fields, field_name (f));
              if (values != NULL)
                g_string_append_printf (fields, ": %s", values);
            }
          /* Translators: a change between two versions of the network map:
           * the entry's name, then what changed ("tie: Weak → Strong") */
          g_ptr_array_add (lines, g_strdup_printf (_("Changed: %s — %s"), name, fields->str));
          break;
        case KH_NETWORK_SAME:
        default:
          break;
        }
    }
  return lines;
}
