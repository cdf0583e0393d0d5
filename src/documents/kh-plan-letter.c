/* kh-plan-letter.c — the client plan as a letter, with the network map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Laid out as the other letters (kh-letters.c): what the plan is first,
 * then how the review that made the version rated the one before, the
 * need and the services as the client and the worker see them, the
 * goals with their actions, the client's own part, the partners and
 * their responsibilities, the map of the network, how the plan is
 * followed and reviewed, disagreements; every text in the letter's
 * language (message context "letter").
 */
#define G_LOG_DOMAIN "kohtaamo-documents"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/kh-catalog.h"
#include "core/kh-network.h"
#include "kh-ecomap-draw.h"
#include "kh-letters-private.h"
#include "kh-plan-letter.h"

/* The translation of `msgid` in the letter's language. */
#define T(msgid) kh_catalog_pgettext (language, "letter", (msgid))

/* The map in the letter: the body's width, a little less high. */
#define MAP_WIDTH_MM  165.0
#define MAP_HEIGHT_MM 130.0

static gboolean
filled (const char *text)
{
  return text != NULL && *text != '\0';
}

/* Two views of one thing, each under its own label. */
static void
add_views (KhDocument *doc,
           const char *heading,
           const char *client_label,
           const char *client_view,
           const char *worker_view)
{
  const char *language = kh_document_get_language (doc);

  if (!filled (client_view) && !filled (worker_view))
    return;
  kh_document_add_heading (doc, 2, heading);
  _kh_letter_add_field_if (doc, client_label, client_view);
  _kh_letter_add_field_if (doc, T (NC_ ("letter", "The worker's view")), worker_view);
}

static void
add_section (KhDocument *doc,
             const char *heading,
             const char *text)
{
  if (!filled (text))
    return;
  kh_document_add_heading (doc, 2, heading);
  _kh_letter_add_text (doc, text);
}

/* Who the letter speaks to: the client ("your goals", "you"), or a
 * partner agency about the client ("the client's goals", "the client"). */
typedef struct
{
  const char *goals;          /* the goals' heading */
  const char *goals_intro;
  const char *client;         /* an action's doer: the client */
  const char *worker;         /* the worker */
  const char *someone;        /* someone of the network who is not named; NULL: the client's letter names everyone */
} Voice;

/* "Hakemus vuokrataloyhtiöön — Asiakas, 15.1.2027 mennessä (Suunniteltu)". */
static char *
action_line (const char         *language,
             const Voice        *voice,
             const KhPlanAction *action)
{
  GString *line = g_string_new (action->what);
  const char *who;

  switch (action->actor)
    {
    case KH_ACTOR_CLIENT:
      who = voice->client;
      break;
    case KH_ACTOR_WORKER:
      who = voice->worker;
      break;
    case KH_ACTOR_NETWORK:
    default:
      who = filled (action->actor_name) ? action->actor_name : voice->someone;
      break;
    }
  if (filled (who))
    g_string_append_printf (line, " — %s", who);
  if (g_date_valid (&action->due))
    {
      g_autofree char *day = _kh_letter_format_day (language, &action->due);

      /* Translators: an action of a client plan is done by this day ("15.1.2027") */
      g_string_append (line, ", ");
      g_string_append_printf (line, T (NC_ ("letter", "by %s")), day);
    }
  g_string_append_printf (line, " (%s)", kh_action_status_label_in (action->status, language));
  return g_string_free (line, FALSE);
}

static void
add_goals (KhDocument         *doc,
           const KhClientPlan *plan,
           const Voice        *voice)
{
  const char *language = kh_document_get_language (doc);

  kh_document_add_heading (doc, 2, voice->goals);
  kh_document_add_paragraph (doc, voice->goals_intro);
  for (guint i = 0; i < plan->goals->len; i++)
    {
      const KhPlanGoal *goal = g_ptr_array_index (plan->goals, i);
      g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
      /* Translators: %u is the goal's number, %s the goal in the client's words */
      g_autofree char *title = g_strdup_printf (T (NC_ ("letter", "Goal %u: %s")), i + 1, goal->text);
      g_autofree char *bold = g_markup_printf_escaped ("<b>%s</b>", title);
      g_autoptr(GString) about = g_string_new (NULL);

      kh_document_add_paragraph_markup (doc, bold);
      if (filled (goal->area_label))
        g_string_append (about, goal->area_label);
      if (about->len > 0)
        g_string_append (about, " · ");
      g_string_append (about, kh_goal_status_label_in (goal->status, language));
      if (goal->status == KH_GOAL_DROPPED && filled (goal->status_reason))
        g_string_append_printf (about, ": %s", goal->status_reason);
      kh_document_add_paragraph (doc, about->str);
      for (guint j = 0; j < goal->actions->len; j++)
        g_ptr_array_add (lines, action_line (language, voice, g_ptr_array_index (goal->actions, j)));
      g_ptr_array_add (lines, NULL);
      if (lines->len > 1)
        kh_document_add_list (doc, (const char * const *) lines->pdata);
    }
}

static void
add_partners (KhDocument         *doc,
              const KhClientPlan *plan)
{
  const char *language = kh_document_get_language (doc);

  if (plan->partners->len == 0)
    return;
  kh_document_add_heading (doc, 2, T (NC_ ("letter", "Who is responsible for what")));
  for (guint i = 0; i < plan->partners->len; i++)
    {
      const KhPlanPartner *partner = g_ptr_array_index (plan->partners, i);
      g_autofree char *duty = partner->coordinator
                              /* Translators: %s is what the agency that coordinates the client plan is responsible for */
                              ? g_strdup_printf (T (NC_ ("letter", "%s (coordinates the plan)")), partner->responsibility)
                              : g_strdup (partner->responsibility);

      kh_document_add_field (doc, partner->name, duty);
    }
}

static void
add_map (KhDocument         *doc,
         const KhPlanLetter *l)
{
  const char *language = kh_document_get_language (doc);
  g_autoptr(GString) caption = NULL;
  KhEcomapPicture *picture;

  if (l->network == NULL || l->n_network == 0)
    return;
  kh_document_add_heading (doc, 2, T (NC_ ("letter", "Your network")));
  kh_document_add_paragraph (doc, T (NC_ ("letter", "The people and services around you, as you described them. The closer to the centre, the closer the tie; a dashed line is a weak tie, a zigzag a stressful one.")));
  picture = kh_ecomap_picture_new (l->network, l->n_network, l->client_name, language);
  /* The figure's text says what the drawing shows, for a screen reader
   * and for a reader who does not see it: each entry, its life area and
   * its tie ("Verkostokartta: Sisko Ánne (Perhe ja suku, vahva); …"). */
  caption = g_string_new (T (NC_ ("letter", "Network map")));
  for (guint i = 0; i < l->n_network; i++)
    {
      const KhEcomapEntry *e = &l->network[i];
      const char *tie = kh_network_code_label_in (KH_NETWORK_CODE_TIE, e->quality, language);
      g_autofree char *tie_lower = tie != NULL ? g_utf8_strdown (tie, -1) : NULL;

      g_string_append (caption, i == 0 ? ": " : "; ");
      g_string_append (caption, e->label);
      g_string_append_printf (caption, " (%s%s%s)",
                              kh_network_code_label_in (KH_NETWORK_CODE_SECTOR, e->sector, language),
                              tie_lower != NULL ? ", " : "", tie_lower != NULL ? tie_lower : "");
    }
  kh_document_add_picture (doc, MAP_WIDTH_MM, MAP_HEIGHT_MM, caption->str,
                           kh_ecomap_picture_draw, picture, (GDestroyNotify) kh_ecomap_picture_free);
}

/* The goal a review's evaluation rates, as the version words it: a
 * review keeps every goal it rated (achieved and dropped ones too). */
static const char *
evaluated_goal (const KhClientPlan *plan,
                gint64              goal_id)
{
  for (guint i = 0; goal_id > 0 && i < plan->goals->len; i++)
    {
      const KhPlanGoal *goal = g_ptr_array_index (plan->goals, i);

      if (goal->id == goal_id)
        return goal->text;
    }
  return NULL;
}

/* What an evaluation says in the letter: the rating in the words of the
 * review's scale, then the comment on a line of its own; NULL when it
 * says nothing (not rated, no comment). */
static char *
evaluation_text (const KhPlanEvaluation *e,
                 const KhPlanScale      *scale,
                 const char             *language)
{
  const char *rating = kh_plan_scale_label (scale, e->rating, language);

  if (rating == NULL && !filled (e->comment))
    return NULL;
  return g_strjoin ("\n", rating != NULL ? rating : e->comment,
                    rating != NULL && filled (e->comment) ? e->comment : NULL, NULL);
}

/* The rows of one of AVAIN's parts in the review: what was rated and
 * what its evaluation says, one after the other. */
static GPtrArray *
review_rows (const KhPlanLetter *l,
             KhEvaluatedPart     part,
             const char         *language)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < l->evaluations->len; i++)
    {
      const KhPlanEvaluation *e = g_ptr_array_index (l->evaluations, i);
      const char *subject = e->part == KH_EVALUATED_GOAL ? evaluated_goal (l->plan, e->goal_id) : e->subject;
      char *text;

      if (e->part != part || !filled (subject)
          || (text = evaluation_text (e, l->review_scale, language)) == NULL)
        continue;
      g_ptr_array_add (rows, g_strdup (subject));
      g_ptr_array_add (rows, text);
    }
  return rows;
}

/* Issue 9, 4: the review that made this version, in AVAIN's four parts,
 * each under its name: what was rated in a table beside its rating, in
 * the words of the review's own scale (a later change of the unit's
 * scale must not change what a rating said), and its comment. A part
 * with nothing rated is left out, and so is the section when nothing is.
 * The review's day is the version's: a review makes the next version on
 * the day it is held. */
static void
add_review (KhDocument         *doc,
            const KhPlanLetter *l)
{
  const char *language = kh_document_get_language (doc);
  const KhPlanScale *scale = l->review_scale;
  const struct {
    KhEvaluatedPart part;
    const char     *name;
  } parts[] = {
    { KH_EVALUATED_GOAL, T (NC_ ("letter", "Goals")) },
    { KH_EVALUATED_FACTOR, T (NC_ ("letter", "Factors that help or hinder")) },
    { KH_EVALUATED_SERVICE, T (NC_ ("letter", "Services")) },
    { KH_EVALUATED_METHOD, T (NC_ ("letter", "Working methods")) },
  };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autofree char *day = NULL;
  g_autofree char *intro = NULL;
  g_autofree char *steps = NULL;
  g_autofree char *scale_text = NULL;
  g_auto(GStrv) labels = NULL;
  guint n_rows = 0;

  if (l->evaluations == NULL || scale == NULL)
    return;
  for (guint p = 0; p < G_N_ELEMENTS (parts); p++)
    {
      g_ptr_array_add (rows, review_rows (l, parts[p].part, language));
      n_rows += ((GPtrArray *) g_ptr_array_index (rows, p))->len;
    }
  if (n_rows == 0)
    return;

  day = _kh_letter_format_day (language, &l->plan->made_on);
  intro = g_strdup_printf (l->plan->client_took_part
                             /* Translators: %s is the day of the client plan's review ("3.2.2027") */
                             ? T (NC_ ("letter", "On %s we reviewed together with you how the plan has been carried out."))
                             /* Translators: %s is the day of the client plan's review ("3.2.2027") */
                             : T (NC_ ("letter", "On %s we reviewed how the plan has been carried out.")),
                           day);
  /* The steps in order, each kept on one line ("Suurelta osin"). */
  labels = g_new0 (char *, scale->steps + 1);
  for (int s = 1; s <= scale->steps; s++)
    {
      g_auto(GStrv) words = g_strsplit (kh_plan_scale_label (scale, s, language), " ", -1);

      labels[s - 1] = g_strjoinv ("\u00a0", words);
    }
  steps = g_strjoinv ("\u00a0\u2013 ", labels);
  /* Translators: %s is the steps of the scale a client plan was reviewed on, separated by dashes ("Not at all – Partly – Fully") */
  scale_text = g_strdup_printf (T (NC_ ("letter", "The scale used in the review, from the lowest to the highest: %s.")),
                                steps);
  kh_document_add_heading (doc, 2, T (NC_ ("letter", "Review of the plan")));
  kh_document_add_paragraph (doc, intro);
  kh_document_add_paragraph (doc, scale_text);
  for (guint p = 0; p < G_N_ELEMENTS (parts); p++)
    {
      GPtrArray *part = g_ptr_array_index (rows, p);
      g_autofree char *bold = NULL;

      if (part->len == 0)
        continue;
      bold = g_markup_printf_escaped ("<b>%s</b>", parts[p].name);
      kh_document_add_paragraph_markup (doc, bold);
      for (guint i = 0; i + 1 < part->len; i += 2)
        kh_document_add_field (doc, g_ptr_array_index (part, i), g_ptr_array_index (part, i + 1));
    }
}

/* When the plan was made and is reviewed, its version, how often the
 * client and the worker meet (when the letter says it), how long it lasts. */
static void
add_plan_fields (KhDocument         *doc,
                 const KhClientPlan *plan)
{
  const char *language = kh_document_get_language (doc);
  g_autofree char *made = _kh_letter_format_day (language, &plan->made_on);
  g_autofree char *review = _kh_letter_format_day (language, &plan->review_on);
  g_autofree char *version = plan->version > 0 ? g_strdup_printf ("%d", plan->version) : NULL;
  const char *meetings = plan->meetings == KH_MEETINGS_OTHER ? plan->meeting_text
                                                             : kh_meeting_frequency_label_in (plan->meetings, language);

  _kh_letter_add_field_if (doc, T (NC_ ("letter", "Made on")), made);
  _kh_letter_add_field_if (doc, T (NC_ ("letter", "Version")), version);
  _kh_letter_add_field_if (doc, T (NC_ ("letter", "We meet")), meetings);
  _kh_letter_add_field_if (doc, T (NC_ ("letter", "Expected duration")), plan->expected_duration);
  _kh_letter_add_field_if (doc, T (NC_ ("letter", "The plan is reviewed")), review);
}

KhDocument *
kh_plan_letter_build (const KhPlanLetter  *l,
                      const KhUnitProfile *profile)
{
  const KhClientPlan *plan;
  const char *language;
  KhDocument *doc;
  const char *you_said;
  Voice voice;

  g_return_val_if_fail (l != NULL && l->plan != NULL, NULL);

  plan = l->plan;
  language = g_strcmp0 (l->letter.language, "sv") == 0 ? "sv" : "fi";
  you_said = T (NC_ ("letter", "Your view"));
  voice = (Voice) {
    T (NC_ ("letter", "Your goals")),
    T (NC_ ("letter", "The goals are written in your own words, as we agreed on them together.")),
    T (NC_ ("letter", "you")),
    T (NC_ ("letter", "your worker")),
    NULL,
  };
  doc = _kh_letter_new (&l->letter, profile, T (NC_ ("letter", "Client plan")));
  kh_document_add_heading (doc, 1, T (NC_ ("letter", "Your client plan")));
  kh_document_add_paragraph (doc, T (NC_ ("letter", "This is the client plan that we made together with you (Social Welfare Act, section 39). It says what you aim for, what you and others do to get there, and when we look at it again together.")));
  add_plan_fields (doc, plan);
  if (!plan->client_took_part && filled (plan->not_taking_part))
    {
      /* Translators: %s is why the client did not take part, as the worker wrote it */
      g_autofree char *text = g_strdup_printf (T (NC_ ("letter", "You did not take part in making the plan: %s")),
                                               plan->not_taking_part);

      kh_document_add_paragraph (doc, text);
    }
  /* What the review found comes before the plan it led to (a heading
   * always follows: the goals' at the latest). */
  add_review (doc, l);

  add_views (doc, T (NC_ ("letter", "Your need for support")), you_said, plan->need_client_view, plan->need_worker_view);
  add_views (doc, T (NC_ ("letter", "Services and measures")), you_said, plan->services_client_view, plan->services_worker_view);
  add_section (doc, T (NC_ ("letter", "Services essential for you")), plan->essential_services);
  add_section (doc, T (NC_ ("letter", "Your strengths and resources")), plan->strengths);
  add_section (doc, T (NC_ ("letter", "Your situation and surroundings")), plan->environment);
  add_section (doc, T (NC_ ("letter", "Your proposal on how the services are arranged")), plan->client_proposal);
  add_goals (doc, plan, &voice);
  add_section (doc, T (NC_ ("letter", "Your own part")), plan->client_part);
  add_partners (doc, plan);
  add_map (doc, l);
  add_section (doc, T (NC_ ("letter", "How we follow the plan")), plan->follow_up);
  add_views (doc, T (NC_ ("letter", "Differing views")), you_said, plan->disagreement_client, plan->disagreement_worker);

  /* The contacts together, after the differing views' table (as the
   * extract has them), not run on into it. */
  kh_document_add_paragraph (doc, T (NC_ ("letter", "This plan is not a decision. The services in it are decided on separately, and you can request rectification of those decisions. If something in the plan is wrong or missing, or your situation changes, please tell your worker: the plan can be reviewed before the day above.")));
  if (filled (l->responsible_worker.name))
    _kh_letter_add_contact_fields (doc, T (NC_ ("letter", "Your named responsible worker")), &l->responsible_worker);
  _kh_letter_add_contact_fields (doc, T (NC_ ("letter", "Your worker")), &l->letter.sender);
  _kh_letter_add_closing (doc, &l->letter.sender);
  return doc;
}

/* ---- the extract for a partner agency ---- */

KhDocument *
kh_plan_extract_build (const KhPlanExtractLetter *l,
                       const KhUnitProfile       *profile)
{
  const KhClientPlan *plan;
  const char *language;
  const char *they_said;
  const char *worker;
  KhDocument *doc;
  g_autofree char *given = NULL;
  g_autofree char *until = NULL;
  Voice voice;

  g_return_val_if_fail (l != NULL && l->extract != NULL, NULL);

  plan = l->extract;
  language = g_strcmp0 (l->letter.language, "sv") == 0 ? "sv" : "fi";
  they_said = T (NC_ ("letter", "The client's view"));
  /* The worker's action is done by the responsible worker when there is one. */
  worker = filled (l->responsible_worker.name) ? l->responsible_worker.name
           : filled (l->letter.sender.name) ? l->letter.sender.name
           : T (NC_ ("letter", "the client's worker"));
  voice = (Voice) {
    T (NC_ ("letter", "The client's goals")),
    T (NC_ ("letter", "The goals are written in the client's own words.")),
    T (NC_ ("letter", "the client")),
    worker,
    T (NC_ ("letter", "someone else in the client's network")),
  };

  doc = _kh_letter_new (&l->letter, profile, T (NC_ ("letter", "Client plan: extract for a partner")));
  kh_document_add_heading (doc, 1, T (NC_ ("letter", "Extract of a joint client plan")));
  kh_document_add_paragraph (doc, T (NC_ ("letter", "This is an extract of the client plan that we made together with the client and the partner agencies (Social Welfare Act, sections 39 and 41). It contains only what the client has consented to giving you.")));

  _kh_letter_add_field_if (doc, T (NC_ ("letter", "Client")), l->client_name);
  _kh_letter_add_field_if (doc, T (NC_ ("letter", "Personal identity code")), l->client_identity);
  given = _kh_letter_format_day (language, &l->consent_given);
  _kh_letter_add_field_if (doc, T (NC_ ("letter", "Consent given")), given);
  if (g_date_valid (&l->consent_expires))
    {
      g_autofree char *day = _kh_letter_format_day (language, &l->consent_expires);

      /* Translators: a consent is in force until this day ("31.5.2027") */
      until = g_strdup_printf (T (NC_ ("letter", "until %s")), day);
    }
  else
    until = g_strdup (T (NC_ ("letter", "until the client withdraws it")));
  _kh_letter_add_field_if (doc, T (NC_ ("letter", "Consent in force")), until);
  add_plan_fields (doc, plan);

  if (l->with_info)
    {
      add_views (doc, T (NC_ ("letter", "The client's need for support")), they_said,
                 plan->need_client_view, plan->need_worker_view);
      add_views (doc, T (NC_ ("letter", "Services and measures")), they_said,
                 plan->services_client_view, plan->services_worker_view);
      add_section (doc, T (NC_ ("letter", "Services essential for the client")), plan->essential_services);
      add_section (doc, T (NC_ ("letter", "The client's strengths and resources")), plan->strengths);
      add_section (doc, T (NC_ ("letter", "The client's situation and surroundings")), plan->environment);
      add_section (doc, T (NC_ ("letter", "The client's proposal on how the services are arranged")), plan->client_proposal);
    }
  add_goals (doc, plan, &voice);
  add_section (doc, T (NC_ ("letter", "The client's own part")), plan->client_part);
  add_partners (doc, plan);
  add_section (doc, T (NC_ ("letter", "How we follow the plan")), plan->follow_up);
  if (l->with_info)
    add_views (doc, T (NC_ ("letter", "Differing views")), they_said,
               plan->disagreement_client, plan->disagreement_worker);

  kh_document_add_paragraph (doc, T (NC_ ("letter", "The information is confidential (Act on the Processing of Client Data in Healthcare and Social Welfare, section 4). Use it only for arranging the client's services and do not pass it on. The client can withdraw the consent at any time; we will then let you know.")));
  if (filled (l->responsible_worker.name))
    _kh_letter_add_contact_fields (doc, T (NC_ ("letter", "The client's named responsible worker")), &l->responsible_worker);
  _kh_letter_add_contact_fields (doc, T (NC_ ("letter", "Contact person")), &l->letter.sender);
  _kh_letter_add_closing (doc, &l->letter.sender);
  return doc;
}
