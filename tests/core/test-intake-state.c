/* test-intake-state.c — the rules of a contact and the intake form's state,
 * without widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Like GNOME Calendar's event-editor section tests: a state is built from
 * plain values, the view derived from it is compared with what the law
 * says, and no window is opened.
 */
#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "core/kh-deadlines.h"
#include "core/kh-intake-state.h"
#include "core/kh-text.h"

/* Thursday 2 April 2026, before Easter: Good Friday 3.4 and Easter Monday
 * 6.4 are holidays, so the 7th working day after it is Wednesday 15.4. */
static GDateTime *
easter_thursday (void)
{
  return g_date_time_new_local (2026, 4, 2, 10, 15, 0);
}

/* A contact that passes every rule: a walk-in by the person, advice. */
static KhContact *
good_contact (void)
{
  KhContact *c = kh_contact_new ();

  c->channel = KH_CHANNEL_WALK_IN;
  c->contactor = KH_CONTACTOR_SELF;
  c->needs = KH_NEED_HOUSING;
  c->urgency = KH_URGENCY_NOT_URGENT;
  c->language = KH_LANGUAGE_FI;
  c->outcome = KH_OUTCOME_ADVICE;
  return c;
}

/* ---- the rules of a contact ---- */

typedef struct
{
  const char    *name;
  KhChannel      channel;        /* 0: keep the good one */
  KhContactor    contactor;
  KhReferral     referral;
  KhKelaKind     kela_kind;
  KhUrgency      urgency;        /* 0 (NOT_RECORDED) is kept: it is a case too */
  KhOutcome      outcome;
  gboolean       anonymous;
  gboolean       has_client;
  const char    *detail;
  const char    *name_text;
  const char    *relation;
  const char    *directed_by;
  const char    *no_assessment;
  gint64         service_id;
  guint          needs;          /* 0: keep */
  gboolean       opens_case;
  KhIntakeField  expected;       /* NONE: can be saved */
} RuleRow;

#define OK KH_INTAKE_FIELD_NONE
#define NU KH_URGENCY_NOT_URGENT

static const RuleRow rule_rows[] = {
  { "walk-in advice", 0, 0, 0, 0, NU, 0, FALSE, TRUE, NULL, NULL, NULL, NULL, NULL, 0, 0, FALSE, OK },
  { "no person", 0, 0, 0, 0, NU, 0, FALSE, FALSE, NULL, NULL, NULL, NULL, NULL, 0, 0, FALSE, KH_INTAKE_FIELD_WHO },
  { "anonymous with a person", 0, 0, 0, 0, NU, 0, TRUE, TRUE, NULL, NULL, NULL, NULL, NULL, 0, 0, FALSE, KH_INTAKE_FIELD_WHO },
  { "anonymous advice", 0, 0, 0, 0, NU, 0, TRUE, FALSE, NULL, NULL, NULL, NULL, NULL, 0, 0, FALSE, OK },
  { "anonymous case", 0, 0, 0, 0, NU, KH_OUTCOME_CASE_OPENED, TRUE, FALSE, NULL, NULL, NULL, NULL, NULL, 0, 0, FALSE, KH_INTAKE_FIELD_OUTCOME },
  { "anonymous consulted", 0, 0, 0, 0, NU, KH_OUTCOME_CONSULTED, TRUE, FALSE, NULL, NULL, NULL, NULL, NULL, 0, 0, FALSE, KH_INTAKE_FIELD_OUTCOME },
  /* 1.8: the urgency check is an answer. */
  { "urgency not answered", 0, 0, 0, 0, KH_URGENCY_NOT_RECORDED, 0, FALSE, TRUE, NULL, NULL, NULL, NULL, NULL, 0, 0, FALSE, KH_INTAKE_FIELD_URGENCY },
  { "anonymous urgency not answered", 0, 0, 0, 0, KH_URGENCY_NOT_RECORDED, 0, TRUE, FALSE, NULL, NULL, NULL, NULL, NULL, 0, 0, FALSE, KH_INTAKE_FIELD_URGENCY },
  { "urgent answered", 0, 0, 0, 0, KH_URGENCY_URGENT, 0, FALSE, TRUE, NULL, NULL, NULL, NULL, NULL, 0, 0, FALSE, OK },
  /* 1.6: directed to apply is the person's contact. */
  { "directed by the health centre", 0, KH_CONTACTOR_SELF, 0, 0, NU, 0, FALSE, TRUE, NULL, NULL, NULL, "Terveysasema", NULL, 0, 0, FALSE, OK },
  { "directed, no authority", 0, KH_CONTACTOR_SELF, KH_REFERRAL_DIRECTED, 0, NU, 0, FALSE, TRUE, NULL, NULL, NULL, NULL, NULL, 0, 0, FALSE, KH_INTAKE_FIELD_DIRECTED_BY },
  { "directed, made by an authority", KH_CHANNEL_AUTHORITY, KH_CONTACTOR_AUTHORITY, KH_REFERRAL_DIRECTED, 0, NU, 0, FALSE, TRUE, "Poliisi", NULL, NULL, NULL, NULL, 0, 0, FALSE, KH_INTAKE_FIELD_REFERRAL },
  { "authority without a kind", KH_CHANNEL_AUTHORITY, KH_CONTACTOR_AUTHORITY, 0, 0, NU, KH_OUTCOME_CASE_OPENED, FALSE, TRUE, "Poliisi", NULL, NULL, NULL, NULL, 0, 0, FALSE, KH_INTAKE_FIELD_REFERRAL },
  { "authority without a name", KH_CHANNEL_AUTHORITY, KH_CONTACTOR_AUTHORITY, KH_REFERRAL_WITH_CONSENT, 0, NU, KH_OUTCOME_CASE_OPENED, FALSE, TRUE, NULL, NULL, NULL, NULL, NULL, 0, 0, FALSE, KH_INTAKE_FIELD_CONTACTOR_DETAIL },
  { "consent kind by the person", 0, KH_CONTACTOR_SELF, KH_REFERRAL_WITH_CONSENT, 0, NU, KH_OUTCOME_CASE_OPENED, FALSE, TRUE, NULL, NULL, NULL, NULL, NULL, 0, 0, FALSE, KH_INTAKE_FIELD_REFERRAL },
  /* 1.6, SHL 34 §: pending matters need a case, urgent help or a reason. */
  { "notification, case", KH_CHANNEL_AUTHORITY, KH_CONTACTOR_AUTHORITY, KH_REFERRAL_WITHOUT_CONSENT, 0, NU, KH_OUTCOME_CASE_OPENED, FALSE, TRUE, "Poliisi", NULL, NULL, NULL, NULL, 0, 0, FALSE, OK },
  { "notification, urgent help", KH_CHANNEL_AUTHORITY, KH_CONTACTOR_AUTHORITY, KH_REFERRAL_WITHOUT_CONSENT, 0, KH_URGENCY_URGENT, KH_OUTCOME_URGENT, FALSE, TRUE, "Poliisi", NULL, NULL, NULL, NULL, 1, 0, FALSE, OK },
  { "notification, urgent help and a case", KH_CHANNEL_AUTHORITY, KH_CONTACTOR_AUTHORITY, KH_REFERRAL_WITHOUT_CONSENT, 0, KH_URGENCY_URGENT, KH_OUTCOME_URGENT, FALSE, TRUE, "Poliisi", NULL, NULL, NULL, NULL, 1, 0, TRUE, OK },
  { "notification, advice", KH_CHANNEL_AUTHORITY, KH_CONTACTOR_AUTHORITY, KH_REFERRAL_WITHOUT_CONSENT, 0, NU, KH_OUTCOME_ADVICE, FALSE, TRUE, "Poliisi", NULL, NULL, NULL, NULL, 0, 0, FALSE, KH_INTAKE_FIELD_NO_ASSESSMENT_REASON },
  { "notification, advice with a reason", KH_CHANNEL_AUTHORITY, KH_CONTACTOR_AUTHORITY, KH_REFERRAL_WITHOUT_CONSENT, 0, NU, KH_OUTCOME_ADVICE, FALSE, TRUE, "Poliisi", NULL, NULL, NULL, "Asiakkuus jo toisessa yksikössä", 0, 0, FALSE, OK },
  { "consent, directed elsewhere", KH_CHANNEL_PHONE, KH_CONTACTOR_AUTHORITY, KH_REFERRAL_WITH_CONSENT, 0, NU, KH_OUTCOME_DIRECTED, FALSE, TRUE, "Terveysasema", NULL, NULL, NULL, NULL, 3, 0, FALSE, KH_INTAKE_FIELD_NO_ASSESSMENT_REASON },
  { "consent, consulted", KH_CHANNEL_PHONE, KH_CONTACTOR_AUTHORITY, KH_REFERRAL_WITH_CONSENT, 0, NU, KH_OUTCOME_CONSULTED, FALSE, TRUE, "Terveysasema", NULL, NULL, NULL, NULL, 0, 0, FALSE, KH_INTAKE_FIELD_NO_ASSESSMENT_REASON },
  /* 1.7: Kela has its own kinds. */
  { "Kela without a kind", KH_CHANNEL_KELA, KH_CONTACTOR_AUTHORITY, 0, 0, NU, KH_OUTCOME_ADVICE, FALSE, TRUE, "Kela", NULL, NULL, NULL, NULL, 0, 0, FALSE, KH_INTAKE_FIELD_KELA_KIND },
  { "Kela with a 35 § kind", KH_CHANNEL_KELA, KH_CONTACTOR_AUTHORITY, KH_REFERRAL_WITHOUT_CONSENT, KH_KELA_OTHER, NU, KH_OUTCOME_ADVICE, FALSE, TRUE, "Kela", NULL, NULL, NULL, NULL, 0, 0, FALSE, KH_INTAKE_FIELD_REFERRAL },
  { "Kela forwarded, advice", KH_CHANNEL_KELA, KH_CONTACTOR_AUTHORITY, 0, KH_KELA_FORWARDED_APPLICATION, NU, KH_OUTCOME_ADVICE, FALSE, TRUE, "Kela", NULL, NULL, NULL, NULL, 0, 0, FALSE, OK },
  { "Kela from the person", KH_CHANNEL_KELA, KH_CONTACTOR_SELF, 0, KH_KELA_OTHER, NU, KH_OUTCOME_ADVICE, FALSE, TRUE, NULL, NULL, NULL, NULL, NULL, 0, 0, FALSE, KH_INTAKE_FIELD_CONTACTOR },
  { "Kela social work, advice", KH_CHANNEL_KELA, KH_CONTACTOR_AUTHORITY, 0, KH_KELA_SOCIAL_WORK_NEED, NU, KH_OUTCOME_ADVICE, FALSE, TRUE, "Kela", NULL, NULL, NULL, NULL, 0, 0, FALSE, KH_INTAKE_FIELD_NO_ASSESSMENT_REASON },
  { "Kela social work, case", KH_CHANNEL_KELA, KH_CONTACTOR_AUTHORITY, 0, KH_KELA_SOCIAL_WORK_NEED, NU, KH_OUTCOME_CASE_OPENED, FALSE, TRUE, "Kela", NULL, NULL, NULL, NULL, 0, 0, FALSE, OK },
  { "Kela not recorded", KH_CHANNEL_KELA, KH_CONTACTOR_AUTHORITY, 0, KH_KELA_NOT_RECORDED, NU, KH_OUTCOME_ADVICE, FALSE, TRUE, "Kela", NULL, NULL, NULL, NULL, 0, 0, FALSE, KH_INTAKE_FIELD_KELA_KIND },
  /* 1.9: who made the contact. */
  { "relative without a name", 0, KH_CONTACTOR_RELATIVE, 0, 0, NU, 0, FALSE, TRUE, NULL, NULL, "tytär", NULL, NULL, 0, 0, FALSE, KH_INTAKE_FIELD_CONTACTOR_NAME },
  { "relative without a relation", 0, KH_CONTACTOR_RELATIVE, 0, 0, NU, 0, FALSE, TRUE, NULL, "Liisa Korhonen", NULL, NULL, NULL, 0, 0, FALSE, KH_INTAKE_FIELD_CONTACTOR_RELATION },
  { "relative", 0, KH_CONTACTOR_RELATIVE, 0, 0, NU, 0, FALSE, TRUE, NULL, "Liisa Korhonen", "tytär", NULL, NULL, 0, 0, FALSE, OK },
  { "legal representative", 0, KH_CONTACTOR_LEGAL_REPRESENTATIVE, 0, 0, NU, 0, FALSE, TRUE, NULL, "Oikeusaputoimisto, Eero Edunvalvoja", NULL, NULL, NULL, 0, 0, FALSE, OK },
  { "legal representative without a name", 0, KH_CONTACTOR_LEGAL_REPRESENTATIVE, 0, 0, NU, 0, FALSE, TRUE, NULL, NULL, NULL, NULL, NULL, 0, 0, FALSE, KH_INTAKE_FIELD_CONTACTOR_NAME },
  /* 1.13: names refuse invisible and direction-changing characters. */
  { "zero-width space in a name", 0, KH_CONTACTOR_RELATIVE, 0, 0, NU, 0, FALSE, TRUE, NULL, "Vir\u200btanen", "poika", NULL, NULL, 0, 0, FALSE, KH_INTAKE_FIELD_CONTACTOR_NAME },
  { "bidi override in an authority", KH_CHANNEL_AUTHORITY, KH_CONTACTOR_AUTHORITY, KH_REFERRAL_WITH_CONSENT, 0, NU, KH_OUTCOME_CASE_OPENED, FALSE, TRUE, "Poli\u202eisi", NULL, NULL, NULL, NULL, 0, 0, FALSE, KH_INTAKE_FIELD_CONTACTOR_DETAIL },
  { "soft hyphen in who directed", 0, KH_CONTACTOR_SELF, 0, 0, NU, 0, FALSE, TRUE, NULL, NULL, NULL, "Terveys\u00adasema", NULL, 0, 0, FALSE, KH_INTAKE_FIELD_DIRECTED_BY },
  /* Outcomes. */
  { "directed without a service", 0, 0, 0, 0, NU, KH_OUTCOME_DIRECTED, FALSE, TRUE, NULL, NULL, NULL, NULL, NULL, 0, 0, FALSE, KH_INTAKE_FIELD_SERVICE },
  { "no reason at all", 0, 0, 0, 0, NU, 0, FALSE, TRUE, NULL, NULL, NULL, NULL, NULL, 0, G_MAXUINT, FALSE, KH_INTAKE_FIELD_NEEDS },
  { "new channel: outreach work", KH_CHANNEL_OUTREACH, 0, 0, 0, NU, 0, FALSE, TRUE, NULL, NULL, NULL, NULL, NULL, 0, 0, FALSE, OK },
  { "new channel: call-back", KH_CHANNEL_CALL_BACK, 0, 0, 0, NU, KH_OUTCOME_CONSULTED, FALSE, TRUE, NULL, NULL, NULL, NULL, NULL, 0, 0, FALSE, OK },
  { "unknown channel", KH_CHANNEL_LAST + 1, 0, 0, 0, NU, 0, FALSE, TRUE, NULL, NULL, NULL, NULL, NULL, 0, 0, FALSE, KH_INTAKE_FIELD_CHANNEL },
};

static void
test_rules (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (rule_rows); i++)
    {
      const RuleRow *row = &rule_rows[i];
      g_autoptr(KhContact) c = good_contact ();
      g_autofree char *message = NULL;
      KhIntakeField field = KH_INTAKE_FIELD_NONE;
      gboolean found;

      if (row->channel != 0)
        c->channel = row->channel;
      if (row->contactor != 0)
        c->contactor = row->contactor;
      if (row->outcome != 0)
        c->outcome = row->outcome;
      c->referral = row->referral;
      c->kela_kind = row->kela_kind;
      c->urgency = row->urgency;
      c->anonymous = row->anonymous;
      c->contactor_detail = g_strdup (row->detail);
      c->contactor_name = g_strdup (row->name_text);
      c->contactor_relation = g_strdup (row->relation);
      c->directed_by = g_strdup (row->directed_by);
      c->no_assessment_reason = g_strdup (row->no_assessment);
      c->service_id = row->service_id;
      c->opens_case = row->opens_case;
      if (row->needs == G_MAXUINT)
        c->needs = 0;

      kh_contact_normalize (c);
      found = kh_contact_find_problem (c, row->has_client, &field, &message);
      g_test_message ("%s: field %d, %s", row->name, field, message ? message : "(saves)");
      g_assert_cmpint (field, ==, row->expected);
      g_assert_true (found == (row->expected != OK));
      g_assert_true ((message != NULL) == found);
    }
}

/* Normalising derives what follows and keeps nothing hidden. */
static void
test_normalize (void)
{
  {
    /* 35 § 1 mom 1 p: who directed makes the contact DIRECTED. */
    g_autoptr(KhContact) c = good_contact ();

    c->directed_by = g_strdup ("  Työllisyyspalvelut \u00a0 ");
    kh_contact_normalize (c);
    g_assert_cmpint (c->referral, ==, KH_REFERRAL_DIRECTED);
    g_assert_cmpstr (c->directed_by, ==, "Työllisyyspalvelut");
  }
  {
    /* A relative's name is not kept when the person called themselves;
     * a Kela kind not without Kela; a service not for advice. */
    g_autoptr(KhContact) c = good_contact ();

    c->contactor_name = g_strdup ("Liisa");
    c->kela_kind = KH_KELA_OTHER;
    c->service_id = 4;
    kh_contact_normalize (c);
    g_assert_null (c->contactor_name);
    g_assert_cmpint (c->kela_kind, ==, KH_KELA_NONE);
    g_assert_cmpint (c->service_id, ==, 0);
  }
  {
    /* 2.5: urgent help may open a case; advice never does; "case opened"
     * always does. `urgent` follows the answer. */
    static const struct { KhOutcome outcome; gboolean asked; gboolean expected; } rows[] = {
      { KH_OUTCOME_URGENT, TRUE, TRUE },
      { KH_OUTCOME_URGENT, FALSE, FALSE },
      { KH_OUTCOME_ADVICE, TRUE, FALSE },
      { KH_OUTCOME_CASE_OPENED, FALSE, TRUE },
      { KH_OUTCOME_CONSULTED, TRUE, FALSE },
    };

    for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
      {
        g_autoptr(KhContact) c = good_contact ();

        c->outcome = rows[i].outcome;
        c->opens_case = rows[i].asked;
        c->urgency = KH_URGENCY_URGENT;
        kh_contact_normalize (c);
        g_assert_true (c->opens_case == rows[i].expected);
        g_assert_true (c->urgent);
      }
  }
}

/* 1.13: the limits, and that they are counted in characters. */
static void
test_lengths (void)
{
  static const struct { KhIntakeField field; guint max; } rows[] = {
    { KH_INTAKE_FIELD_CONTACTOR_DETAIL, 200 },
    { KH_INTAKE_FIELD_CONTACTOR_NAME, 200 },
    { KH_INTAKE_FIELD_DIRECTED_BY, 200 },
    { KH_INTAKE_FIELD_URGENT_NOTE, 2000 },
    { KH_INTAKE_FIELD_OUTCOME_NOTE, 2000 },
    { KH_INTAKE_FIELD_NO_ASSESSMENT_REASON, 2000 },
    { KH_INTAKE_FIELD_REASON_TEXT, 4000 },
    { KH_INTAKE_FIELD_CHANNEL, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    g_assert_cmpuint (kh_intake_field_max_length (rows[i].field), ==, rows[i].max);

  for (guint extra = 0; extra <= 1; extra++)
    {
      g_autoptr(KhContact) c = good_contact ();
      g_autoptr(GString) text = g_string_new (NULL);
      KhIntakeField field = KH_INTAKE_FIELD_NONE;

      /* "ä" is two bytes and one character. */
      for (guint n = 0; n < 4000 + extra; n++)
        g_string_append (text, "ä");
      c->reason_text = g_strdup (text->str);
      kh_contact_normalize (c);
      kh_contact_find_problem (c, TRUE, &field, NULL);
      g_assert_cmpint (field, ==, extra ? KH_INTAKE_FIELD_REASON_TEXT : KH_INTAKE_FIELD_NONE);
    }
}

/* 1.9: the one function that maps who made the contact to SHL 36 § 2 mom. */
static void
test_seeks_services (void)
{
  static const struct { KhContactor contactor; gboolean expected; } rows[] = {
    { KH_CONTACTOR_SELF, TRUE },
    { KH_CONTACTOR_RELATIVE, TRUE },
    { KH_CONTACTOR_LEGAL_REPRESENTATIVE, TRUE },
    { KH_CONTACTOR_AUTHORITY, FALSE },
    { KH_CONTACTOR_OTHER, FALSE },
    { KH_CONTACTOR_ANONYMOUS, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    g_assert_true (kh_deadline_contactor_seeks_services (rows[i].contactor) == rows[i].expected);
}

/* ---- the state and its view ---- */

/* Which fields apply, by channel, contact maker and outcome. */
typedef struct
{
  const char  *name;
  KhChannel    channel;
  KhContactor  contactor;
  KhOutcome    outcome;
  gboolean     anonymous;
  const char  *directed_by;
  KhIntakeField shown[6];      /* ended by NONE */
  KhIntakeField hidden[8];     /* ended by NONE */
} AppliesRow;

static const AppliesRow applies_rows[] = {
  { "walk-in by the person", KH_CHANNEL_WALK_IN, KH_CONTACTOR_SELF, KH_OUTCOME_ADVICE, FALSE, NULL,
    { KH_INTAKE_FIELD_DIRECTED_BY, KH_INTAKE_FIELD_REASON_TEXT, KH_INTAKE_FIELD_OUTCOME_NOTE },
    { KH_INTAKE_FIELD_REFERRAL, KH_INTAKE_FIELD_KELA_KIND, KH_INTAKE_FIELD_CONTACTOR_NAME,
      KH_INTAKE_FIELD_SERVICE, KH_INTAKE_FIELD_DEADLINE_GROUPS, KH_INTAKE_FIELD_NO_ASSESSMENT_REASON } },
  { "police notification, advice", KH_CHANNEL_AUTHORITY, KH_CONTACTOR_AUTHORITY, KH_OUTCOME_ADVICE, FALSE, NULL,
    { KH_INTAKE_FIELD_CONTACTOR_DETAIL, KH_INTAKE_FIELD_REFERRAL },
    { KH_INTAKE_FIELD_DIRECTED_BY, KH_INTAKE_FIELD_KELA_KIND } },
  { "Kela", KH_CHANNEL_KELA, KH_CONTACTOR_AUTHORITY, KH_OUTCOME_CASE_OPENED, FALSE, NULL,
    { KH_INTAKE_FIELD_KELA_KIND, KH_INTAKE_FIELD_DEADLINE_GROUPS, KH_INTAKE_FIELD_ASSIGN_TO },
    { KH_INTAKE_FIELD_REFERRAL, KH_INTAKE_FIELD_DIRECTED_BY, KH_INTAKE_FIELD_NO_ASSESSMENT_REASON } },
  { "relative", KH_CHANNEL_PHONE, KH_CONTACTOR_RELATIVE, KH_OUTCOME_DIRECTED, FALSE, NULL,
    { KH_INTAKE_FIELD_CONTACTOR_NAME, KH_INTAKE_FIELD_CONTACTOR_RELATION,
      KH_INTAKE_FIELD_CONTACTOR_CONTACT, KH_INTAKE_FIELD_SERVICE },
    { KH_INTAKE_FIELD_CONTACTOR_DETAIL, KH_INTAKE_FIELD_DIRECTED_BY } },
  { "legal representative", KH_CHANNEL_PHONE, KH_CONTACTOR_LEGAL_REPRESENTATIVE, KH_OUTCOME_URGENT, FALSE, NULL,
    { KH_INTAKE_FIELD_CONTACTOR_NAME, KH_INTAKE_FIELD_CONTACTOR_CONTACT, KH_INTAKE_FIELD_SERVICE,
      KH_INTAKE_FIELD_OPENS_CASE },
    { KH_INTAKE_FIELD_CONTACTOR_RELATION, KH_INTAKE_FIELD_DEADLINE_GROUPS } },
  { "anonymous", KH_CHANNEL_CHAT, KH_CONTACTOR_SELF, KH_OUTCOME_DIRECTED, TRUE, NULL,
    { KH_INTAKE_FIELD_NEEDS, KH_INTAKE_FIELD_URGENCY, KH_INTAKE_FIELD_SERVICE },
    { KH_INTAKE_FIELD_CONTACTOR, KH_INTAKE_FIELD_REASON_TEXT, KH_INTAKE_FIELD_URGENT_NOTE,
      KH_INTAKE_FIELD_OUTCOME_NOTE, KH_INTAKE_FIELD_DIRECTED_BY } },
};

static void
test_applies (void)
{
  g_autoptr(GDateTime) now = easter_thursday ();

  for (guint i = 0; i < G_N_ELEMENTS (applies_rows); i++)
    {
      const AppliesRow *row = &applies_rows[i];
      g_autoptr(KhIntakeState) state = kh_intake_state_new ();
      g_autoptr(KhIntakeView) view = NULL;

      g_test_message ("%s", row->name);
      kh_intake_state_set_anonymous (state, row->anonymous);
      kh_intake_state_set_channel (state, row->channel);
      kh_intake_state_set_contactor (state, row->contactor);
      kh_intake_state_set_outcome (state, row->outcome);
      view = kh_intake_view_new (state, NULL, now);
      for (guint j = 0; row->shown[j] != KH_INTAKE_FIELD_NONE; j++)
        g_assert_true (view->applies[row->shown[j]]);
      for (guint j = 0; row->hidden[j] != KH_INTAKE_FIELD_NONE; j++)
        g_assert_false (view->applies[row->hidden[j]]);
    }
}

/* The state's setters keep it consistent the way a receptionist expects. */
static void
test_setters (void)
{
  g_autoptr(KhIntakeState) state = kh_intake_state_new ();

  g_assert_false (kh_intake_state_has_changes (state));

  /* Kela is the contact maker of its notification. */
  kh_intake_state_set_channel (state, KH_CHANNEL_KELA);
  g_assert_cmpint (state->contact->contactor, ==, KH_CONTACTOR_AUTHORITY);
  g_assert_cmpstr (state->contact->contactor_detail, ==, "Kela");
  kh_intake_state_set_contactor (state, KH_CONTACTOR_SELF);
  g_assert_cmpint (state->contact->contactor, ==, KH_CONTACTOR_AUTHORITY);
  kh_intake_state_set_channel (state, KH_CHANNEL_PHONE);
  g_assert_null (state->contact->contactor_detail);
  g_assert_true (kh_intake_state_has_changes (state));

  /* Who directed the person. */
  kh_intake_state_set_contactor (state, KH_CONTACTOR_SELF);
  kh_intake_state_set_text (state, KH_INTAKE_FIELD_DIRECTED_BY, "Terveysasema");
  g_assert_cmpint (state->contact->referral, ==, KH_REFERRAL_DIRECTED);
  kh_intake_state_set_text (state, KH_INTAKE_FIELD_DIRECTED_BY, "  ");
  g_assert_cmpint (state->contact->referral, ==, KH_REFERRAL_NONE);

  /* 2.5: urgent help for a notification opens a case with it. */
  kh_intake_state_set_channel (state, KH_CHANNEL_AUTHORITY);
  g_assert_cmpint (state->contact->contactor, ==, KH_CONTACTOR_AUTHORITY);
  kh_intake_state_set_referral (state, KH_REFERRAL_WITHOUT_CONSENT);
  kh_intake_state_set_outcome (state, KH_OUTCOME_URGENT);
  g_assert_true (state->contact->opens_case);
  g_assert_cmpint (state->contact->urgency, ==, KH_URGENCY_URGENT);
  kh_intake_state_set_opens_case (state, FALSE);
  g_assert_false (state->contact->opens_case);
  kh_intake_state_set_outcome (state, KH_OUTCOME_CASE_OPENED);
  g_assert_true (state->contact->opens_case);

  /* A copy is independent. */
  {
    g_autoptr(KhIntakeState) copy = kh_intake_state_copy (state);

    kh_intake_state_set_outcome (copy, KH_OUTCOME_ADVICE);
    g_assert_cmpint (state->contact->outcome, ==, KH_OUTCOME_CASE_OPENED);
  }
}

/* Issue 5, 2.9: the team whose queue a new case goes to. The default is
 * the receptionist's own team when it takes cases, else the unit's first. */
static void
test_team_default (void)
{
  const gint64 teams[] = { 7, 3, 12 };

  g_assert_cmpint (kh_intake_default_team (teams, 3, 3), ==, 3);
  g_assert_cmpint (kh_intake_default_team (teams, 3, 12), ==, 12);
  /* No team of one's own, or one that takes no cases (not offered). */
  g_assert_cmpint (kh_intake_default_team (teams, 3, 0), ==, 7);
  g_assert_cmpint (kh_intake_default_team (teams, 3, 5), ==, 7);
  g_assert_cmpint (kh_intake_default_team (teams, 1, 3), ==, 7);
  g_assert_cmpint (kh_intake_default_team (NULL, 0, 3), ==, 0);
}

/* A walk-in by the person that opens a case, as the form has it. */
static KhIntakeState *
case_state (void)
{
  KhIntakeState *state = kh_intake_state_new ();
  g_autoptr(GDateTime) received = easter_thursday ();

  kh_intake_state_set_who (state, KH_INTAKE_WHO_EXISTING, "1980-06-15");
  kh_intake_state_set_received (state, received);
  kh_intake_state_set_channel (state, KH_CHANNEL_WALK_IN);
  kh_intake_state_set_needs (state, KH_NEED_HOUSING);
  kh_intake_state_set_urgency (state, KH_URGENCY_NOT_URGENT);
  kh_intake_state_set_language (state, KH_LANGUAGE_FI, FALSE);
  kh_intake_state_set_outcome (state, KH_OUTCOME_CASE_OPENED);
  return state;
}

/* The choice is shown only when there is a choice, and only for a case;
 * what is chosen by hand stays while it is offered. */
static void
test_team_choice (void)
{
  g_autoptr(GDateTime) now = easter_thursday ();
  g_autoptr(KhIntakeState) state = case_state ();
  const gint64 one[] = { 4 };
  const gint64 three[] = { 4, 9, 2 };
  const gint64 two[] = { 4, 2 };

  /* Before the teams are known: nothing to choose, nothing missing (the
   * store gives the default). */
  {
    g_autoptr(KhIntakeView) view = kh_intake_view_new (state, NULL, now);

    g_assert_false (view->applies[KH_INTAKE_FIELD_TEAM]);
    g_assert_null (view->messages[KH_INTAKE_FIELD_TEAM]);
    g_assert_cmpint (view->first_problem, ==, KH_INTAKE_FIELD_NONE);
  }

  /* The unit's only team: chosen, not shown. */
  kh_intake_state_set_teams (state, one, 1, 0);
  g_assert_cmpint (state->team_id, ==, 4);
  {
    g_autoptr(KhIntakeView) view = kh_intake_view_new (state, NULL, now);

    g_assert_false (view->applies[KH_INTAKE_FIELD_TEAM]);
    g_assert_cmpint (view->first_problem, ==, KH_INTAKE_FIELD_NONE);
  }

  /* Three teams, the receptionist in the second: shown, theirs chosen. */
  kh_intake_state_set_teams (state, three, 3, 9);
  g_assert_cmpint (state->team_id, ==, 9);
  /* The default is no change of a fresh form; another team is. */
  {
    g_autoptr(KhIntakeState) fresh = kh_intake_state_new ();

    kh_intake_state_set_teams (fresh, three, 3, 9);
    g_assert_false (kh_intake_state_has_changes (fresh));
    kh_intake_state_set_team (fresh, 2);
    g_assert_true (kh_intake_state_has_changes (fresh));
  }
  {
    g_autoptr(KhIntakeView) view = kh_intake_view_new (state, NULL, now);

    g_assert_true (view->applies[KH_INTAKE_FIELD_TEAM]);
    g_assert_null (view->messages[KH_INTAKE_FIELD_TEAM]);
  }

  /* Chosen by hand: a change of the form, kept when the teams are read
   * again; the team gone from the list, the default again. */
  kh_intake_state_set_team (state, 2);
  kh_intake_state_set_teams (state, three, 3, 9);
  g_assert_cmpint (state->team_id, ==, 2);
  kh_intake_state_set_teams (state, one, 1, 9);
  g_assert_cmpint (state->team_id, ==, 4);
  kh_intake_state_set_teams (state, two, 2, 9);
  g_assert_cmpint (state->team_id, ==, 4);

  /* A team not offered (deactivated meanwhile) is a problem at the field. */
  kh_intake_state_set_team (state, 9);
  {
    g_autoptr(KhIntakeView) view = kh_intake_view_new (state, NULL, now);

    g_assert_cmpstr (view->messages[KH_INTAKE_FIELD_TEAM], ==,
                     "Choose the team whose queue the case goes to.");
    g_assert_cmpint (view->first_problem, ==, KH_INTAKE_FIELD_TEAM);
  }

  /* No case, no team. */
  kh_intake_state_set_outcome (state, KH_OUTCOME_ADVICE);
  {
    g_autoptr(KhIntakeView) view = kh_intake_view_new (state, NULL, now);

    g_assert_false (view->applies[KH_INTAKE_FIELD_TEAM]);
    g_assert_null (view->messages[KH_INTAKE_FIELD_TEAM]);
  }

  /* No team takes cases: a case cannot be opened. */
  kh_intake_state_set_outcome (state, KH_OUTCOME_CASE_OPENED);
  kh_intake_state_set_teams (state, NULL, 0, 9);
  g_assert_cmpint (state->team_id, ==, 0);
  {
    g_autoptr(KhIntakeView) view = kh_intake_view_new (state, NULL, now);

    g_assert_cmpstr (view->messages[KH_INTAKE_FIELD_TEAM], ==,
                     "No team takes new cases. Ask the administrator to add a team or make one active again.");
  }

  /* A copy keeps the teams, independently. */
  kh_intake_state_set_teams (state, three, 3, 0);
  {
    g_autoptr(KhIntakeState) copy = kh_intake_state_copy (state);

    kh_intake_state_set_teams (state, one, 1, 0);
    g_assert_cmpuint (copy->teams->len, ==, 3);
    g_assert_cmpint (copy->team_id, ==, 4);
  }
}

/* What is missing shows at each field, first problem in the form's order. */
static void
test_messages (void)
{
  g_autoptr(GDateTime) now = easter_thursday ();
  g_autoptr(KhIntakeState) state = kh_intake_state_new ();
  g_autoptr(KhIntakeView) view = NULL;

  view = kh_intake_view_new (state, NULL, now);
  g_assert_cmpint (view->first_problem, ==, KH_INTAKE_FIELD_WHO);
  g_assert_nonnull (view->messages[KH_INTAKE_FIELD_CHANNEL]);
  g_assert_nonnull (view->messages[KH_INTAKE_FIELD_NEEDS]);
  g_assert_nonnull (view->messages[KH_INTAKE_FIELD_URGENCY]);
  g_assert_nonnull (view->messages[KH_INTAKE_FIELD_OUTCOME]);
  g_assert_null (view->messages[KH_INTAKE_FIELD_LANGUAGE]);
  g_assert_null (view->messages[KH_INTAKE_FIELD_RECEIVED]);
  g_clear_pointer (&view, kh_intake_view_free);

  kh_intake_state_set_who (state, KH_INTAKE_WHO_EXISTING, "1980-05-05");
  kh_intake_state_set_channel (state, KH_CHANNEL_WALK_IN);
  kh_intake_state_set_needs (state, KH_NEED_HOUSING);
  kh_intake_state_set_urgency (state, KH_URGENCY_NOT_URGENT);
  kh_intake_state_set_outcome (state, KH_OUTCOME_DIRECTED);
  view = kh_intake_view_new (state, NULL, now);
  g_assert_cmpint (view->first_problem, ==, KH_INTAKE_FIELD_SERVICE);
  g_clear_pointer (&view, kh_intake_view_free);

  /* Urgent help names its service too; a failed directory says so. */
  kh_intake_state_set_outcome (state, KH_OUTCOME_URGENT);
  state->services_failed = TRUE;
  view = kh_intake_view_new (state, NULL, now);
  g_assert_cmpint (view->first_problem, ==, KH_INTAKE_FIELD_SERVICE);
  g_assert_nonnull (strstr (view->messages[KH_INTAKE_FIELD_SERVICE], "could not be loaded"));
  g_clear_pointer (&view, kh_intake_view_free);
  state->services_failed = FALSE;

  kh_intake_state_set_service (state, 7);
  {
    /* The received time: unreadable, and in the future. */
    g_autoptr(GDateTime) later = g_date_time_add_hours (now, 1);

    kh_intake_state_set_received (state, NULL);
    view = kh_intake_view_new (state, NULL, now);
    g_assert_cmpint (view->first_problem, ==, KH_INTAKE_FIELD_RECEIVED);
    g_clear_pointer (&view, kh_intake_view_free);
    kh_intake_state_set_received (state, later);
    view = kh_intake_view_new (state, NULL, now);
    g_assert_cmpint (view->first_problem, ==, KH_INTAKE_FIELD_RECEIVED);
    g_clear_pointer (&view, kh_intake_view_free);
    kh_intake_state_set_received (state, now);
  }
  view = kh_intake_view_new (state, NULL, now);
  g_assert_cmpint (view->first_problem, ==, KH_INTAKE_FIELD_NONE);
}

/* The deadlines that apply, with the dates written out. */
typedef struct
{
  const char  *name;
  KhChannel    channel;
  KhContactor  contactor;
  KhOutcome    outcome;
  KhKelaKind   kela_kind;
  const char  *birth_date;
  guint        groups;
  const char  *assessment;   /* NULL: none applies */
  const char  *meeting;
  const char  *implementation;   /* SHL 45 §, for a case */
} DeadlineRow;

static const DeadlineRow deadline_rows[] = {
  /* SHL 36 § 2 mom: over 75 by the birth date, the person's own contact. */
  { "over 75, own contact", KH_CHANNEL_WALK_IN, KH_CONTACTOR_SELF, KH_OUTCOME_CASE_OPENED, 0, "1940-03-01", 0, "2026-04-15", NULL, "2026-07-02" },
  { "over 75, relative", KH_CHANNEL_PHONE, KH_CONTACTOR_RELATIVE, KH_OUTCOME_CASE_OPENED, 0, "1940-03-01", 0, "2026-04-15", NULL, "2026-07-02" },
  { "disabled, legal representative", KH_CHANNEL_PHONE, KH_CONTACTOR_LEGAL_REPRESENTATIVE, KH_OUTCOME_CASE_OPENED, 0, "1986-03-01", KH_DEADLINE_GROUP_DISABLED, "2026-04-15", NULL, "2026-07-02" },
  /* 1.4: an authority's notification is not a contact to obtain services. */
  { "over 75, police notification", KH_CHANNEL_AUTHORITY, KH_CONTACTOR_AUTHORITY, KH_OUTCOME_CASE_OPENED, 0, "1940-03-01", 0, NULL, NULL, "2026-07-02" },
  { "forty, own contact", KH_CHANNEL_WALK_IN, KH_CONTACTOR_SELF, KH_OUTCOME_CASE_OPENED, 0, "1986-03-01", 0, NULL, NULL, "2026-07-02" },
  { "over 75, advice only", KH_CHANNEL_WALK_IN, KH_CONTACTOR_SELF, KH_OUTCOME_ADVICE, 0, "1940-03-01", 0, NULL, NULL, NULL },
  { "over 75, urgent help and a case", KH_CHANNEL_WALK_IN, KH_CONTACTOR_SELF, KH_OUTCOME_URGENT, 0, "1940-03-01", 0, "2026-04-15", NULL, "2026-07-02" },
  /* TTL 14 d §: a meeting within seven working days of Thursday 2.4.2026;
   * SHL 45 §: a case opened that day is implemented by Thursday 2.7.2026. */
  { "Kela meeting request", KH_CHANNEL_KELA, KH_CONTACTOR_AUTHORITY, KH_OUTCOME_CASE_OPENED, KH_KELA_MEETING_REQUEST, "1986-03-01", 0, NULL, "2026-04-15", "2026-07-02" },
  { "Kela forwarded application", KH_CHANNEL_KELA, KH_CONTACTOR_AUTHORITY, KH_OUTCOME_ADVICE, KH_KELA_FORWARDED_APPLICATION, "1986-03-01", 0, NULL, NULL, NULL },
};

static void
test_deadlines (void)
{
  g_autoptr(KhCalendar) calendar = kh_calendar_new ();
  g_autoptr(GDateTime) now = easter_thursday ();

  for (guint i = 0; i < G_N_ELEMENTS (deadline_rows); i++)
    {
      const DeadlineRow *row = &deadline_rows[i];
      g_autoptr(KhIntakeState) state = kh_intake_state_new ();
      g_autoptr(KhIntakeView) view = NULL;
      g_autofree char *assessment = NULL;
      g_autofree char *meeting = NULL;
      g_autofree char *implementation = NULL;

      g_test_message ("%s", row->name);
      kh_intake_state_set_received (state, now);
      kh_intake_state_set_who (state, KH_INTAKE_WHO_EXISTING, row->birth_date);
      kh_intake_state_set_channel (state, row->channel);
      kh_intake_state_set_contactor (state, row->contactor);
      kh_intake_state_set_kela_kind (state, row->kela_kind);
      kh_intake_state_set_outcome (state, row->outcome);
      if (row->outcome == KH_OUTCOME_URGENT)
        kh_intake_state_set_opens_case (state, TRUE);
      kh_intake_state_set_deadline_groups (state, row->groups);
      view = kh_intake_view_new (state, calendar, now);
      if (view->has_assessment_deadline)
        assessment = kh_date_to_iso (&view->assessment_deadline);
      if (view->has_meeting_deadline)
        meeting = kh_date_to_iso (&view->meeting_deadline);
      g_assert_cmpstr (assessment, ==, row->assessment);
      g_assert_cmpstr (meeting, ==, row->meeting);
      if (view->has_implementation_deadline)
        implementation = kh_date_to_iso (&view->implementation_deadline);
      g_assert_cmpstr (implementation, ==, row->implementation);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/intake-state/rules", test_rules);
  g_test_add_func ("/core/intake-state/normalize", test_normalize);
  g_test_add_func ("/core/intake-state/lengths", test_lengths);
  g_test_add_func ("/core/intake-state/seeks-services", test_seeks_services);
  g_test_add_func ("/core/intake-state/applies", test_applies);
  g_test_add_func ("/core/intake-state/setters", test_setters);
  g_test_add_func ("/core/intake-state/messages", test_messages);
  g_test_add_func ("/core/intake-state/deadlines", test_deadlines);
  g_test_add_func ("/core/intake-state/team-default", test_team_default);
  g_test_add_func ("/core/intake-state/team-choice", test_team_choice);

  return g_test_run ();
}
