/* kh-letters.c — the unit's letters to a client, in the client's language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each letter is laid out as a Finnish authority's letter (kh-document.c)
 * in plain language: it says first what the reader needs to do or know
 * (the time and place, that we could not reach you, what the assessment
 * concluded, what the payee may invoice), then the details, then how to
 * get in touch. Every text has the message context "letter" and is looked
 * up in the letter's language; the Swedish is Finland-Swedish public
 * service language (handläggare, socialvården, FPA).
 *
 * The assessment summary follows SHL 37 §: the need for support and its
 * nature (temporary, recurring, long-term), the situation, special
 * support (3 §), the client's own view, the worker's conclusions, the
 * services, both views on a named responsible worker (42 §), and what
 * happens next; with the life areas as the client and the worker rated
 * them. A summary is not a decision, and says so.
 */
#define G_LOG_DOMAIN "kohtaamo-documents"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "core/kh-catalog.h"
#include "core/kh-money.h"
#include "kh-letters-private.h"

/* The translation of `msgid` in the letter's language. */
#define T(msgid) kh_catalog_pgettext (language, "letter", (msgid))

static gboolean
filled (const char *text)
{
  return text != NULL && *text != '\0';
}

static const char *
letter_language (const char *language)
{
  return g_strcmp0 (language, "sv") == 0 ? "sv" : "fi";
}

/* ---- Dates and times ---- */

/* Letters print Finnish time whatever the machine's zone is. */
static GDateTime *
finnish_time (GDateTime *time)
{
  static GTimeZone *zone;

  if (g_once_init_enter (&zone))
    {
      GTimeZone *helsinki = g_time_zone_new_identifier ("Europe/Helsinki");

      g_once_init_leave (&zone, helsinki != NULL ? helsinki : g_time_zone_new_local ());
    }
  return g_date_time_to_timezone (time, zone);
}

static char *
format_date (const char *language,
             GDateTime  *time)
{
  return g_date_time_format (time, kh_catalog_pgettext (language, "document date",
                                                        NC_ ("document date", "%-d.%-m.%Y")));
}

static char *
format_day (const char  *language,
            const GDate *date)
{
  g_autoptr(GDateTime) time = NULL;

  if (date == NULL || !g_date_valid (date))
    return g_strdup ("");
  time = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date),
                              g_date_get_day (date), 12, 0, 0);
  return format_date (language, time);
}

static char *
format_clock (const char *language,
              GDateTime  *time)
{
  /* Translators: a time of day in a letter, for g_date_time_format():
   * "10.00" in Finnish and in Swedish. */
  return g_date_time_format (time, T (NC_ ("letter", "%-H:%M")));
}

static const char *
weekday_name (const char *language,
              GDateTime  *time)
{
  /* The same messages as the calendar's (kh-calendar.c), in the letter's
   * language: "maanantai", "måndag". */
  switch (g_date_time_get_day_of_week (time))
    {
    case 1:
      return kh_catalog_pgettext (language, "weekday", NC_ ("weekday", "Monday"));
    case 2:
      return kh_catalog_pgettext (language, "weekday", NC_ ("weekday", "Tuesday"));
    case 3:
      return kh_catalog_pgettext (language, "weekday", NC_ ("weekday", "Wednesday"));
    case 4:
      return kh_catalog_pgettext (language, "weekday", NC_ ("weekday", "Thursday"));
    case 5:
      return kh_catalog_pgettext (language, "weekday", NC_ ("weekday", "Friday"));
    case 6:
      return kh_catalog_pgettext (language, "weekday", NC_ ("weekday", "Saturday"));
    case 7:
    default:
      return kh_catalog_pgettext (language, "weekday", NC_ ("weekday", "Sunday"));
    }
}

/**
 * kh_letter_format_meeting_time:
 * @language: "fi" or "sv" (anything else: English)
 * @starts: the meeting's start
 * @ends: (nullable): its end
 *
 * Returns: (transfer full): "maanantai 14.12.2026 klo 10.00–11.00"
 */
char *
kh_letter_format_meeting_time (const char *language,
                               GDateTime  *starts,
                               GDateTime  *ends)
{
  g_autoptr(GDateTime) from = NULL;
  g_autofree char *day = NULL;
  g_autofree char *start = NULL;

  g_return_val_if_fail (starts != NULL, NULL);

  from = finnish_time (starts);
  day = format_date (language, from);
  start = format_clock (language, from);
  if (ends != NULL)
    {
      g_autoptr(GDateTime) to = finnish_time (ends);
      g_autofree char *end = format_clock (language, to);

      /* Translators: a meeting's weekday, date and hours: "maanantai
       * 14.12.2026 klo 10.00–11.00", "måndag 14.12.2026 kl. 10.00–11.00". */
      return g_strdup_printf (T (NC_ ("letter", "%s %s at %s–%s")), weekday_name (language, from),
                              day, start, end);
    }
  /* Translators: a weekday, date and time: "maanantai 14.12.2026 klo 10.00". */
  return g_strdup_printf (T (NC_ ("letter", "%s %s at %s")), weekday_name (language, from), day, start);
}

/* "7.12.2026 klo 9.15" */
static char *
format_date_time (const char *language,
                  GDateTime  *time)
{
  g_autoptr(GDateTime) local = finnish_time (time);
  g_autofree char *day = format_date (language, local);
  g_autofree char *clock = format_clock (language, local);

  /* Translators: a date and a time of day: "7.12.2026 klo 9.15". */
  return g_strdup_printf (T (NC_ ("letter", "%s at %s")), day, clock);
}

/* ---- What every letter has ---- */

void
kh_letter_set_unit_profile (KhDocument          *doc,
                            const KhUnitProfile *profile)
{
  KhLetterhead head;
  g_autoptr(GString) address = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;

  g_return_if_fail (doc != NULL);

  if (profile == NULL)
    return;
  kh_unit_profile_get_letterhead (profile,
                                  g_str_equal (kh_document_get_language (doc), "sv")
                                  ? KH_LANGUAGE_SV : KH_LANGUAGE_FI, &head);
  /* The footer's address on one line: "PL 100, 00101 Esimerkki". */
  lines = g_strsplit (head.postal_address != NULL ? head.postal_address : "", "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (*g_strstrip (lines[i]) != '\0')
      g_string_append_printf (address, "%s%s", address->len > 0 ? ", " : "", lines[i]);
  if (filled (head.postal_code_town))
    g_string_append_printf (address, "%s%s", address->len > 0 ? ", " : "", head.postal_code_town);
  kh_document_set_letterhead (doc, head.organisation, head.unit,
                              address->len > 0 ? address->str : NULL, head.phone);
  if (profile->logo != NULL)
    kh_document_set_logo (doc, profile->logo, NULL);
}

static KhDocument *
new_letter (const KhLetter      *letter,
            const KhUnitProfile *profile,
            const char          *title)
{
  KhDocument *doc = kh_document_new (letter_language (letter->language));

  kh_letter_set_unit_profile (doc, profile);
  kh_document_set_title (doc, title);
  kh_document_set_subject (doc, title);
  kh_document_set_author (doc, letter->sender.name);
  kh_document_set_date (doc, letter->date);
  kh_document_set_reference (doc, letter->reference);
  kh_document_set_recipient (doc, letter->recipient_name, letter->recipient_address);
  return doc;
}

/* Paragraphs separated by an empty line, as a worker types them. */
static void
add_text (KhDocument *doc,
          const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text != NULL ? text : "", "\n\n", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    if (*g_strstrip (parts[i]) != '\0')
      kh_document_add_paragraph (doc, parts[i]);
}

/* The worker's name (under `name_label`, unless NULL), phone and e-mail
 * as rows of a field table. */
static void
add_contact_fields (KhDocument           *doc,
                    const char           *name_label,
                    const KhLetterSender *sender,
                    const char           *phone_hours)
{
  const char *language = kh_document_get_language (doc);

  if (name_label != NULL && filled (sender->name))
    {
      g_autofree char *who = filled (sender->title) ? g_strdup_printf ("%s, %s", sender->name, sender->title)
                                                    : g_strdup (sender->name);

      kh_document_add_field (doc, name_label, who);
    }
  if (filled (sender->phone))
    kh_document_add_field (doc, T (NC_ ("letter", "Telephone")), sender->phone);
  if (filled (phone_hours))
    kh_document_add_field (doc, T (NC_ ("letter", "Telephone hours")), phone_hours);
  if (filled (sender->email))
    kh_document_add_field (doc, T (NC_ ("letter", "E-mail")), sender->email);
}

static void
add_closing (KhDocument           *doc,
             const KhLetterSender *signer)
{
  const char *language = kh_document_get_language (doc);

  kh_document_add_paragraph (doc, T (NC_ ("letter", "Kind regards")));
  if (filled (signer->name))
    kh_document_add_signature (doc, signer->name, signer->title);
}

/* ---- Invitation ---- */

KhDocument *
kh_invitation_letter_build (const KhInvitationLetter *l,
                            const KhUnitProfile      *profile)
{
  const char *language;
  KhDocument *doc;
  g_autoptr(GDateTime) ends = NULL;
  g_autofree char *when = NULL;

  g_return_val_if_fail (l != NULL && l->starts != NULL, NULL);

  language = letter_language (l->letter.language);
  doc = new_letter (&l->letter, profile, T (NC_ ("letter", "Invitation")));
  ends = l->minutes > 0 ? g_date_time_add_minutes (l->starts, l->minutes) : NULL;
  when = kh_letter_format_meeting_time (language, l->starts, ends);

  kh_document_add_heading (doc, 1, T (NC_ ("letter", "Invitation to a meeting")));
  switch (l->kind)
    {
    case KH_MEETING_PHONE:
      kh_document_add_paragraph (doc, T (NC_ ("letter", "An appointment by phone has been booked for you.")));
      break;
    case KH_MEETING_VIDEO:
      kh_document_add_paragraph (doc, T (NC_ ("letter", "A video meeting has been booked for you.")));
      break;
    case KH_MEETING_IN_PERSON:
    default:
      kh_document_add_paragraph (doc, T (NC_ ("letter", "An appointment has been booked for you.")));
      break;
    }
  if (filled (l->purpose))
    {
      /* Translators: %s is what the meeting is about, written by the
       * worker in the letter's language ("palvelutarpeen arviointi"). */
      g_autofree char *purpose = g_strdup_printf (T (NC_ ("letter", "The meeting is about: %s.")), l->purpose);

      kh_document_add_paragraph (doc, purpose);
    }

  kh_document_add_field (doc, T (NC_ ("letter", "Time")), when);
  if (l->kind == KH_MEETING_IN_PERSON)
    {
      g_autofree char *place = g_strjoin ("\n", filled (l->place_name) ? l->place_name : "",
                                          l->place_address, NULL);

      kh_document_add_field (doc, T (NC_ ("letter", "Place")), g_strstrip (place));
    }
  else
    kh_document_add_field (doc, T (NC_ ("letter", "How")),
                           kh_meeting_kind_label_in (l->kind, language));
  if (filled (l->letter.sender.name))
    {
      g_autofree char *who = filled (l->letter.sender.title)
                             ? g_strdup_printf ("%s, %s", l->letter.sender.name, l->letter.sender.title)
                             : g_strdup (l->letter.sender.name);

      kh_document_add_field (doc, T (NC_ ("letter", "You will meet")), who);
    }
  if (l->kind == KH_MEETING_VIDEO && filled (l->video_link))
    kh_document_add_field (doc, T (NC_ ("letter", "Link to the meeting")), l->video_link);

  switch (l->kind)
    {
    case KH_MEETING_PHONE:
      if (filled (l->client_phone))
        {
          /* Translators: %s is the client's phone number. */
          g_autofree char *text = g_strdup_printf (T (NC_ ("letter", "We will call you at %s when the meeting begins. Please keep your phone at hand. The call may come from a hidden number.")),
                                                   l->client_phone);

          kh_document_add_paragraph (doc, text);
        }
      else
        kh_document_add_paragraph (doc, T (NC_ ("letter", "We will call you when the meeting begins, at the number you have given us. Please keep your phone at hand. The call may come from a hidden number.")));
      break;
    case KH_MEETING_VIDEO:
      kh_document_add_paragraph (doc, filled (l->video_link)
                                 ? T (NC_ ("letter", "Open the link a few minutes before the meeting begins. You need a computer, tablet or phone with a camera, a microphone and an internet connection."))
                                 : T (NC_ ("letter", "We will send you a link to the meeting by e-mail or text message before the meeting. Open the link a few minutes before the meeting begins. You need a computer, tablet or phone with a camera, a microphone and an internet connection.")));
      break;
    case KH_MEETING_IN_PERSON:
    default:
      kh_document_add_paragraph (doc, T (NC_ ("letter", "Please come a few minutes before the time of the meeting.")));
      break;
    }
  if (l->interpreter)
    {
      g_autofree char *text = NULL;

      if (filled (l->interpreter_language))
        /* Translators: %s is the interpreter's language, in the letter's
         * language ("arabia", "arabiska"). */
        text = g_strdup_printf (T (NC_ ("letter", "An interpreter (%s) has been booked for the meeting. Interpreting is free of charge for you.")),
                                l->interpreter_language);
      else
        text = g_strdup (T (NC_ ("letter", "An interpreter has been booked for the meeting. Interpreting is free of charge for you.")));
      kh_document_add_paragraph (doc, text);
    }

  if (l->bring != NULL && l->bring[0] != NULL)
    {
      kh_document_add_heading (doc, 2, T (NC_ ("letter", "Please bring with you")));
      kh_document_add_list (doc, l->bring);
    }

  kh_document_add_heading (doc, 2, T (NC_ ("letter", "If you cannot come")));
  kh_document_add_paragraph (doc, T (NC_ ("letter", "If the time does not suit you or you need to cancel it, please tell us as soon as possible, at the latest on the working day before the meeting. We will agree on a new time with you.")));
  add_contact_fields (doc, NULL, &l->letter.sender, NULL);
  if (filled (l->letter.sender.email))
    kh_document_add_paragraph (doc, T (NC_ ("letter", "Please do not send confidential information by ordinary e-mail.")));

  kh_document_add_paragraph (doc, T (NC_ ("letter", "Welcome!")));
  add_closing (doc, &l->letter.sender);
  return doc;
}

void
kh_invitation_letter_init_from_appointment (KhInvitationLetter   *l,
                                            const KhAppointment  *a,
                                            const KhServicePoint *point)
{
  g_return_if_fail (l != NULL && a != NULL);

  l->letter.language = a->language == KH_LANGUAGE_SV ? "sv" : "fi";
  l->letter.recipient_name = a->client_name;
  l->letter.sender.name = a->worker_name;
  l->starts = a->starts;
  l->minutes = a->minutes;
  l->kind = a->kind;
  l->interpreter = a->interpreter;
  if (a->kind == KH_MEETING_IN_PERSON && point != NULL)
    {
      l->place_name = point->name;
      l->place_address = point->address;
    }
  else if (a->kind == KH_MEETING_IN_PERSON)
    l->place_name = a->point_name;
}

typedef struct
{
  const KhInvitationLetter *letters;
  const KhUnitProfile      *profile;
  KhDocumentProgressFunc    progress;
  gpointer                  user_data;
} InvitationBatch;

static KhDocument *
produce_invitation (guint     index,
                    gpointer  user_data,
                    GError  **error)
{
  InvitationBatch *batch = user_data;

  return kh_invitation_letter_build (&batch->letters[index], batch->profile);
}

static void
invitation_done (guint    done,
                 guint    total,
                 gpointer user_data)
{
  InvitationBatch *batch = user_data;

  if (batch->progress != NULL)
    batch->progress (done, total, batch->user_data);
}

gboolean
kh_letters_render_invitations (const KhInvitationLetter *letters,
                               guint                     n_letters,
                               const KhUnitProfile      *profile,
                               GFile                    *target,
                               KhDocumentProgressFunc    progress,
                               gpointer                  user_data,
                               GCancellable             *cancellable,
                               GError                  **error)
{
  InvitationBatch batch = { letters, profile, progress, user_data };

  g_return_val_if_fail (letters != NULL && n_letters > 0, FALSE);

  return kh_document_render_batch (n_letters, produce_invitation, invitation_done, &batch,
                                   target, cancellable, error);
}

/* ---- Could not reach you ---- */

KhDocument *
kh_could_not_reach_letter_build (const KhCouldNotReachLetter *l,
                                 const KhUnitProfile         *profile)
{
  const char *language;
  KhDocument *doc;

  g_return_val_if_fail (l != NULL, NULL);

  language = letter_language (l->letter.language);
  doc = new_letter (&l->letter, profile, T (NC_ ("letter", "Request to contact us")));
  kh_document_add_heading (doc, 1, T (NC_ ("letter", "We have tried to reach you")));
  switch (l->reason)
    {
    case KH_REACH_KELA_NOTIFICATION:
      kh_document_add_paragraph (doc, T (NC_ ("letter", "Kela has informed us that you may need support from the social services. We would like to talk with you about your situation and about the support you could get.")));
      break;
    case KH_REACH_OTHER_AUTHORITY:
      kh_document_add_paragraph (doc, T (NC_ ("letter", "Another authority has contacted us because you may need support from the social services. We would like to talk with you about your situation and about the support you could get.")));
      break;
    case KH_REACH_OWN_CONTACT:
      kh_document_add_paragraph (doc, T (NC_ ("letter", "You have contacted us, and we would like to continue dealing with your matter together with you.")));
      break;
    case KH_REACH_PENDING_MATTER:
    default:
      kh_document_add_paragraph (doc, T (NC_ ("letter", "We would like to talk with you about your matter that is pending with us.")));
      break;
    }

  if (l->n_attempts > 0)
    {
      kh_document_add_paragraph (doc, T (NC_ ("letter", "We have tried to reach you as follows:")));
      for (guint i = 0; i < l->n_attempts; i++)
        {
          g_autofree char *when = format_date_time (language, l->attempts[i].when);
          const char *method = kh_attempt_method_label_in (l->attempts[i].method, language);

          kh_document_add_field (doc, when, method != NULL ? method : "");
        }
    }

  kh_document_add_heading (doc, 2, T (NC_ ("letter", "Please contact us")));
  if (g_date_valid (&l->reply_by))
    {
      g_autofree char *day = format_day (language, &l->reply_by);
      /* Translators: %s is a date, "21.12.2026". */
      g_autofree char *text = g_strdup_printf (T (NC_ ("letter", "Please contact us by %s.")), day);
      g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>", text);

      kh_document_add_paragraph_markup (doc, markup);
    }
  else
    kh_document_add_paragraph (doc, T (NC_ ("letter", "Please contact us as soon as possible.")));
  add_contact_fields (doc, T (NC_ ("letter", "Your worker")), &l->letter.sender, l->phone_hours);
  if (filled (l->letter.sender.email))
    kh_document_add_paragraph (doc, T (NC_ ("letter", "Please do not send confidential information by ordinary e-mail.")));

  kh_document_add_heading (doc, 2, T (NC_ ("letter", "If you do not contact us")));
  kh_document_add_paragraph (doc, T (NC_ ("letter", "If you do not contact us, we will assume that you do not need social services at the moment, and we will close the matter. You can contact us later too if your situation changes.")));
  add_closing (doc, &l->letter.sender);
  return doc;
}

/* ---- Summary of a service-need assessment ---- */

/* The assessment's ISO date ("2026-12-03") as the letter prints it. */
static char *
iso_to_text (const char *language,
             const char *iso)
{
  unsigned int year, month, day;
  GDate date;

  g_date_clear (&date, 1);
  if (iso != NULL && sscanf (iso, "%4u-%2u-%2u", &year, &month, &day) == 3
      && g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return g_date_valid (&date) ? format_day (language, &date) : g_strdup (iso != NULL ? iso : "");
}

static void
add_field_if (KhDocument *doc,
              const char *label,
              const char *value)
{
  if (filled (value))
    kh_document_add_field (doc, label, value);
}

static void
add_areas (KhDocument         *doc,
           const KhAssessment *a)
{
  const char *language = kh_document_get_language (doc);
  gboolean heading = FALSE;

  for (guint i = 0; a->areas != NULL && i < a->areas->len; i++)
    {
      const KhAreaAssessment *area = g_ptr_array_index (a->areas, i);
      const char *label = kh_assessment_default_area_label_in (area->key, language);
      g_autofree char *markup = NULL;

      if (area->client_rating == KH_RATING_NONE && area->worker_rating == KH_RATING_NONE
          && !filled (area->situation) && !filled (area->strengths) && !filled (area->concerns))
        continue;
      if (!heading)
        {
          kh_document_add_heading (doc, 2, T (NC_ ("letter", "Areas of life")));
          heading = TRUE;
        }
      markup = g_markup_printf_escaped ("<b>%s</b>", label != NULL ? label
                                        : (area->label != NULL ? area->label : ""));
      kh_document_add_paragraph_markup (doc, markup);
      add_field_if (doc, T (NC_ ("letter", "Your own view")), kh_rating_label_in (area->client_rating, language));
      add_field_if (doc, T (NC_ ("letter", "The worker's view")), kh_rating_label_in (area->worker_rating, language));
      add_field_if (doc, T (NC_ ("letter", "Situation")), area->situation);
      add_field_if (doc, T (NC_ ("letter", "Strengths")), area->strengths);
      add_field_if (doc, T (NC_ ("letter", "Concerns")), area->concerns);
    }
}

static void
add_need (KhDocument         *doc,
          const KhAssessment *a)
{
  const char *language = kh_document_get_language (doc);
  g_autoptr(GString) needs = g_string_new (NULL);

  kh_document_add_heading (doc, 2, T (NC_ ("letter", "Need for support")));
  if (a->support_needed == KH_ANSWER_YES)
    kh_document_add_paragraph (doc, T (NC_ ("letter", "You need support from the social services.")));
  else if (a->support_needed == KH_ANSWER_NO)
    kh_document_add_paragraph (doc, T (NC_ ("letter", "You do not need social services at the moment.")));
  if (a->support_needed == KH_ANSWER_YES)
    add_field_if (doc, T (NC_ ("letter", "Nature of the need")), kh_need_duration_label_in (a->need_duration, language));
  for (guint bit = 0; bit < 32; bit++)
    {
      const char *label = (a->needs & (1u << bit)) ? kh_need_label_in (1u << bit, language) : NULL;

      if (label != NULL)
        g_string_append_printf (needs, "%s%s", needs->len > 0 ? "\n" : "", label);
    }
  add_field_if (doc, T (NC_ ("letter", "Support needed for")), needs->str);
  if (a->special_support == KH_ANSWER_YES)
    {
      kh_document_add_paragraph (doc, T (NC_ ("letter", "You need special support (Social Welfare Act, section 3).")));
      add_text (doc, a->special_support_reasons);
    }
  else if (a->special_support == KH_ANSWER_NO)
    kh_document_add_paragraph (doc, T (NC_ ("letter", "No need for special support was found.")));
}

static const char *
next_step_text (const char *language,
                KhNextStep  step)
{
  switch (step)
    {
    case KH_NEXT_STEP_CLIENT_PLAN:
      return T (NC_ ("letter", "We will draw up a client plan together with you."));
    case KH_NEXT_STEP_DECISION:
      return T (NC_ ("letter", "A decision will be made on the services."));
    case KH_NEXT_STEP_CLOSE:
      return T (NC_ ("letter", "There are no grounds for you to be a client of the social services, so the handling of your matter ends."));
    case KH_NEXT_STEP_OTHER_AUTHORITY:
      return T (NC_ ("letter", "Your need for support belongs to another authority. With your consent, we will contact it."));
    case KH_NEXT_STEP_UNANSWERED:
    default:
      return "";
    }
}

KhDocument *
kh_assessment_summary_build (const KhAssessmentSummaryLetter *l,
                             const KhUnitProfile             *profile)
{
  const KhAssessment *a;
  const char *language;
  KhDocument *doc;
  g_autofree char *date = NULL;
  g_autoptr(GString) participants = g_string_new (NULL);

  g_return_val_if_fail (l != NULL && l->assessment != NULL, NULL);

  a = l->assessment;
  language = letter_language (l->letter.language);
  doc = new_letter (&l->letter, profile, T (NC_ ("letter", "Summary")));
  kh_document_add_heading (doc, 1, T (NC_ ("letter", "Summary of the assessment of your need for services")));
  kh_document_add_paragraph (doc, T (NC_ ("letter", "This is a summary of the assessment of your need for services that we made together with you (Social Welfare Act, sections 36 and 37).")));

  date = iso_to_text (language, a->assessed_on);
  add_field_if (doc, T (NC_ ("letter", "Date of the assessment")), date);
  for (guint i = 0; a->participants != NULL && i < a->participants->len; i++)
    {
      const KhParticipant *p = g_ptr_array_index (a->participants, i);
      const char *kind = kh_participant_kind_label_in (p->kind, language);

      g_string_append_printf (participants, "%s%s", participants->len > 0 ? "\n" : "",
                              filled (p->name) ? p->name : "");
      if (kind != NULL)
        g_string_append_printf (participants, " (%s)", kind);
    }
  add_field_if (doc, T (NC_ ("letter", "Others taking part")), participants->str);

  if (filled (a->summary))
    {
      kh_document_add_heading (doc, 2, T (NC_ ("letter", "Your situation")));
      add_text (doc, a->summary);
    }
  add_need (doc, a);
  add_areas (doc, a);

  kh_document_add_heading (doc, 2, T (NC_ ("letter", "Your own view")));
  if (filled (a->client_view))
    add_text (doc, a->client_view);
  else if (filled (a->client_view_obstacle))
    {
      /* Translators: %s is why the client's own view could not be
       * recorded, as the worker wrote it. */
      g_autofree char *text = g_strdup_printf (T (NC_ ("letter", "Your own view could not be recorded: %s")),
                                               a->client_view_obstacle);

      kh_document_add_paragraph (doc, text);
    }

  if (filled (a->conclusions))
    {
      kh_document_add_heading (doc, 2, T (NC_ ("letter", "The worker's conclusions")));
      add_text (doc, a->conclusions);
    }

  if (a->services != 0 || filled (a->services_note))
    {
      g_autoptr(GPtrArray) services = g_ptr_array_new ();

      kh_document_add_heading (doc, 2, T (NC_ ("letter", "Services proposed")));
      for (int s = KH_SHL_SERVICE_FIRST; s <= KH_SHL_SERVICE_LAST; s++)
        if (a->services & KH_SHL_SERVICE_BIT (s))
          g_ptr_array_add (services, (gpointer) kh_shl_service_label_in (s, language));
      g_ptr_array_add (services, NULL);
      if (services->len > 1)
        kh_document_add_list (doc, (const char * const *) services->pdata);
      add_text (doc, a->services_note);
    }

  if (a->disagreement)
    {
      kh_document_add_heading (doc, 2, T (NC_ ("letter", "Differing views")));
      add_field_if (doc, T (NC_ ("letter", "Your view")), a->client_disagreement);
      add_field_if (doc, T (NC_ ("letter", "The worker's view")), a->worker_disagreement);
    }

  kh_document_add_heading (doc, 2, T (NC_ ("letter", "Named responsible worker")));
  add_field_if (doc, T (NC_ ("letter", "Your view")), kh_responsible_worker_view_label_in (a->client_on_worker, language));
  add_field_if (doc, T (NC_ ("letter", "The worker's view")), kh_responsible_worker_view_label_in (a->worker_on_worker, language));
  if (filled (l->responsible_worker.name))
    {
      g_autoptr(GString) who = g_string_new (l->responsible_worker.name);

      if (filled (l->responsible_worker.title))
        g_string_append_printf (who, ", %s", l->responsible_worker.title);
      if (filled (l->responsible_worker.phone))
        g_string_append_printf (who, "\n%s", l->responsible_worker.phone);
      if (filled (l->responsible_worker.email))
        g_string_append_printf (who, "\n%s", l->responsible_worker.email);
      kh_document_add_field (doc, T (NC_ ("letter", "Your named responsible worker")), who->str);
    }
  add_text (doc, a->responsible_worker_note);

  if (a->next_step != KH_NEXT_STEP_UNANSWERED)
    {
      kh_document_add_heading (doc, 2, T (NC_ ("letter", "What happens next")));
      kh_document_add_paragraph (doc, next_step_text (language, a->next_step));
      add_text (doc, a->next_step_reasons);
    }

  kh_document_add_paragraph (doc, T (NC_ ("letter", "This summary is not a decision. If services are granted to you, a separate decision is made on them, and you can request rectification of it. If you think something in this summary is wrong or missing, please tell your worker.")));
  add_contact_fields (doc, T (NC_ ("letter", "Your worker")), &l->letter.sender, NULL);
  add_closing (doc, &l->letter.sender);
  return doc;
}

/* ---- Payment commitment ---- */

KhDocument *
kh_payment_commitment_build (const KhPaymentCommitment *c,
                             const KhUnitProfile       *profile)
{
  const char *language;
  KhDocument *doc;
  KhLetterhead head = { 0 };
  g_autofree char *amount = NULL;
  g_autofree char *from = NULL;
  g_autofree char *until = NULL;
  g_autofree char *valid = NULL;
  g_autofree char *client = NULL;
  g_autofree char *payee = NULL;
  g_autofree char *intro = NULL;
  g_autofree char *limit = NULL;
  g_autofree char *limit_markup = NULL;
  g_autofree char *mark = NULL;
  g_autofree char *send = NULL;
  const char *items[6] = { NULL };
  guint n = 0;

  g_return_val_if_fail (c != NULL, NULL);

  language = letter_language (c->letter.language);
  doc = new_letter (&c->letter, profile, T (NC_ ("letter", "Payment commitment")));
  if (profile != NULL)
    kh_unit_profile_get_letterhead (profile, g_str_equal (language, "sv") ? KH_LANGUAGE_SV : KH_LANGUAGE_FI,
                                    &head);
  amount = kh_money_format (c->max_cents, language);
  from = format_day (language, &c->valid_from);
  until = format_day (language, &c->valid_until);
  valid = g_strdup_printf ("%s\u2013%s", from, until);
  client = filled (c->client_id) ? g_strdup_printf ("%s, %s", c->client_name, c->client_id)
                                 : g_strdup (c->client_name != NULL ? c->client_name : "");
  payee = g_strjoin ("\n", c->letter.recipient_name != NULL ? c->letter.recipient_name : "",
                     c->letter.recipient_address, NULL);

  kh_document_add_heading (doc, 1, T (NC_ ("letter", "Payment commitment")));
  if (filled (head.organisation))
    /* Translators: %s is the wellbeing services county. */
    intro = g_strdup_printf (T (NC_ ("letter", "%s undertakes to pay the costs described in this payment commitment on behalf of the client named below.")),
                             head.organisation);
  else
    intro = g_strdup (T (NC_ ("letter", "We undertake to pay the costs described in this payment commitment on behalf of the client named below.")));
  kh_document_add_paragraph (doc, intro);

  /* Translators: the heading of the number the payee marks on the invoice */
  add_field_if (doc, T (NC_ ("letter", "Payment commitment number")), c->number);
  kh_document_add_field (doc, T (NC_ ("letter", "Client")), client);
  kh_document_add_field (doc, T (NC_ ("letter", "Payee")), g_strstrip (payee));
  kh_document_add_field (doc, T (NC_ ("letter", "Covers")), c->covers != NULL ? c->covers : "");
  kh_document_add_field (doc, T (NC_ ("letter", "Maximum amount")), amount);
  kh_document_add_field (doc, T (NC_ ("letter", "Valid")), valid);
  add_field_if (doc, T (NC_ ("letter", "Decision")), c->decision);

  /* Translators: %s is an amount, "250,00 €". */
  limit = g_strdup_printf (T (NC_ ("letter", "We pay at most %s under this payment commitment.")), amount);
  limit_markup = g_markup_printf_escaped ("<b>%s</b>", limit);
  kh_document_add_paragraph_markup (doc, limit_markup);

  kh_document_add_heading (doc, 2, T (NC_ ("letter", "Instructions for invoicing")));
  kh_document_add_paragraph (doc, T (NC_ ("letter", "Please invoice as follows:")));
  if (filled (c->number))
    {
      /* Translators: %s is the payment commitment's number. */
      mark = g_strdup_printf (T (NC_ ("letter", "Mark the number of this payment commitment (%s) and the client's name on the invoice.")),
                              c->number);
      items[n++] = mark;
    }
  else
    items[n++] = T (NC_ ("letter", "Mark the client's name and the date of this payment commitment on the invoice."));
  items[n++] = T (NC_ ("letter", "Invoice only what this payment commitment covers, within its period of validity. We do not pay any part above the maximum amount."));
  items[n++] = T (NC_ ("letter", "Attach a specification of the purchases or services to the invoice."));
  if (filled (c->invoice_address))
    {
      /* Translators: %s is where the invoice goes: an e-invoice address or
       * a postal address. */
      send = g_strdup_printf (T (NC_ ("letter", "Send the invoice to: %s")), c->invoice_address);
      items[n++] = send;
    }
  items[n++] = T (NC_ ("letter", "This payment commitment cannot be exchanged for money or transferred to another person."));
  kh_document_add_list (doc, items);

  kh_document_add_heading (doc, 2, T (NC_ ("letter", "Further information")));
  add_contact_fields (doc, T (NC_ ("letter", "Contact person")), &c->letter.sender, NULL);
  if (filled (c->maker.name))
    kh_document_add_signature (doc, c->maker.name, c->maker.title);
  return doc;
}

/* ---- For the other letters of this folder (kh-letters-private.h) ---- */

KhDocument *
_kh_letter_new (const KhLetter      *letter,
                const KhUnitProfile *profile,
                const char          *title)
{
  return new_letter (letter, profile, title);
}

void
_kh_letter_add_text (KhDocument *doc,
                     const char *text)
{
  add_text (doc, text);
}

void
_kh_letter_add_field_if (KhDocument *doc,
                         const char *label,
                         const char *value)
{
  add_field_if (doc, label, value);
}

void
_kh_letter_add_contact_fields (KhDocument           *doc,
                               const char           *name_label,
                               const KhLetterSender *sender)
{
  add_contact_fields (doc, name_label, sender, NULL);
}

void
_kh_letter_add_closing (KhDocument           *doc,
                        const KhLetterSender *signer)
{
  add_closing (doc, signer);
}

char *
_kh_letter_format_day (const char  *language,
                       const GDate *date)
{
  return format_day (language, date);
}
