/* kh-plan-letter.c — the client plan as a letter, with the network map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Laid out as the other letters (kh-letters.c): what the plan is first,
 * then the need and the services as the client and the worker see them,
 * the goals with their actions, the client's own part, the partners and
 * their responsibilities, the map of the network, how the plan is
 * followed and reviewed, disagreements; every text in the letter's
 * language (message context "letter").
 */
#define G_LOG_DOMAIN "kohtaamo-documents"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "core/kh-catalog.h"
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
           const char *client_view,
           const char *worker_view)
{
  const char *language = kh_document_get_language (doc);

  if (!filled (client_view) && !filled (worker_view))
    return;
  kh_document_add_heading (doc, 2, heading);
  _kh_letter_add_field_if (doc, T (NC_ ("letter", "Your view")), client_view);
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

/* "Hakemus vuokrataloyhtiöön — Asiakas, 15.1.2027 mennessä (Suunniteltu)". */
static char *
action_line (const char         *language,
             const KhPlanAction *action)
{
  GString *line = g_string_new (action->what);
  const char *who;

  switch (action->actor)
    {
    case KH_ACTOR_CLIENT:
      who = T (NC_ ("letter", "you"));
      break;
    case KH_ACTOR_WORKER:
      who = T (NC_ ("letter", "your worker"));
      break;
    case KH_ACTOR_NETWORK:
    default:
      who = action->actor_name;
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
           const KhClientPlan *plan)
{
  const char *language = kh_document_get_language (doc);

  kh_document_add_heading (doc, 2, T (NC_ ("letter", "Your goals")));
  kh_document_add_paragraph (doc, T (NC_ ("letter", "The goals are written in your own words, as we agreed on them together.")));
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
        g_ptr_array_add (lines, action_line (language, g_ptr_array_index (goal->actions, j)));
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
  KhEcomapPicture *picture;

  if (l->network == NULL || l->n_network == 0)
    return;
  kh_document_add_heading (doc, 2, T (NC_ ("letter", "Your network")));
  kh_document_add_paragraph (doc, T (NC_ ("letter", "The people and services around you, as you described them. The closer to the centre, the closer the tie; a dashed line is a weak tie, a zigzag a stressful one.")));
  picture = kh_ecomap_picture_new (l->network, l->n_network, l->client_name, language);
  kh_document_add_picture (doc, MAP_WIDTH_MM, MAP_HEIGHT_MM, T (NC_ ("letter", "Network map")),
                           kh_ecomap_picture_draw, picture, (GDestroyNotify) kh_ecomap_picture_free);
}

KhDocument *
kh_plan_letter_build (const KhPlanLetter  *l,
                      const KhUnitProfile *profile)
{
  const KhClientPlan *plan;
  const char *language;
  KhDocument *doc;
  g_autofree char *made = NULL;
  g_autofree char *review = NULL;
  g_autofree char *version = NULL;
  const char *meetings;

  g_return_val_if_fail (l != NULL && l->plan != NULL, NULL);

  plan = l->plan;
  language = g_strcmp0 (l->letter.language, "sv") == 0 ? "sv" : "fi";
  doc = _kh_letter_new (&l->letter, profile, T (NC_ ("letter", "Client plan")));
  kh_document_add_heading (doc, 1, T (NC_ ("letter", "Your client plan")));
  kh_document_add_paragraph (doc, T (NC_ ("letter", "This is the client plan that we made together with you (Social Welfare Act, section 39). It says what you aim for, what you and others do to get there, and when we look at it again together.")));

  made = _kh_letter_format_day (language, &plan->made_on);
  review = _kh_letter_format_day (language, &plan->review_on);
  version = plan->version > 0 ? g_strdup_printf ("%d", plan->version) : NULL;
  _kh_letter_add_field_if (doc, T (NC_ ("letter", "Made on")), made);
  _kh_letter_add_field_if (doc, T (NC_ ("letter", "Version")), version);
  meetings = plan->meetings == KH_MEETINGS_OTHER ? plan->meeting_text
                                                 : kh_meeting_frequency_label_in (plan->meetings, language);
  _kh_letter_add_field_if (doc, T (NC_ ("letter", "We meet")), meetings);
  _kh_letter_add_field_if (doc, T (NC_ ("letter", "Expected duration")), plan->expected_duration);
  _kh_letter_add_field_if (doc, T (NC_ ("letter", "The plan is reviewed")), review);
  if (!plan->client_took_part && filled (plan->not_taking_part))
    {
      /* Translators: %s is why the client did not take part, as the worker wrote it */
      g_autofree char *text = g_strdup_printf (T (NC_ ("letter", "You did not take part in making the plan: %s")),
                                               plan->not_taking_part);

      kh_document_add_paragraph (doc, text);
    }

  add_views (doc, T (NC_ ("letter", "Your need for support")), plan->need_client_view, plan->need_worker_view);
  add_views (doc, T (NC_ ("letter", "Services and measures")), plan->services_client_view, plan->services_worker_view);
  add_section (doc, T (NC_ ("letter", "Services essential for you")), plan->essential_services);
  add_section (doc, T (NC_ ("letter", "Your strengths and resources")), plan->strengths);
  add_section (doc, T (NC_ ("letter", "Your situation and surroundings")), plan->environment);
  add_section (doc, T (NC_ ("letter", "Your proposal on how the services are arranged")), plan->client_proposal);
  add_goals (doc, plan);
  add_section (doc, T (NC_ ("letter", "Your own part")), plan->client_part);
  add_partners (doc, plan);
  add_map (doc, l);
  add_section (doc, T (NC_ ("letter", "How we follow the plan")), plan->follow_up);
  add_views (doc, T (NC_ ("letter", "Differing views")), plan->disagreement_client, plan->disagreement_worker);

  if (filled (l->responsible_worker.name))
    _kh_letter_add_contact_fields (doc, T (NC_ ("letter", "Your named responsible worker")), &l->responsible_worker);
  kh_document_add_paragraph (doc, T (NC_ ("letter", "This plan is not a decision. The services in it are decided on separately, and you can request rectification of those decisions. If something in the plan is wrong or missing, or your situation changes, please tell your worker: the plan can be reviewed before the day above.")));
  _kh_letter_add_contact_fields (doc, T (NC_ ("letter", "Your worker")), &l->letter.sender);
  _kh_letter_add_closing (doc, &l->letter.sender);
  return doc;
}
