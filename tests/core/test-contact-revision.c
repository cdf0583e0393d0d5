/* test-contact-revision.c — which fields a correction of a contact changed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "kohtaamo-test"

#include "config.h"

#include <locale.h>

#include "core/kh-contact-revision.h"

typedef struct {
  const char *name;
  void      (*change) (KhContact *after);
  guint       expected;
} Row;

static void no_change (KhContact *c) { }
static void empty_note (KhContact *c) { g_free (c->outcome_note); c->outcome_note = g_strdup (""); }
static void new_reason (KhContact *c) { g_free (c->reason_text); c->reason_text = g_strdup ("Vuokra"); }
static void need_and_language (KhContact *c) { c->needs |= KH_NEED_HOUSING; c->language = KH_LANGUAGE_SV; }
static void interpreter (KhContact *c) { c->interpreter = TRUE; }
static void service (KhContact *c) { c->service_id = 7; }
static void relative_phone (KhContact *c) { g_free (c->contactor_contact); c->contactor_contact = g_strdup ("040 765 4321"); }
static void not_correctable (KhContact *c) { c->outcome = KH_OUTCOME_CASE_OPENED; c->client_id = 99; }
static void everything (KhContact *c)
{
  c->channel = KH_CHANNEL_PHONE;
  g_free (c->contactor_detail); c->contactor_detail = g_strdup ("Poliisi");
  c->needs = 0;
  g_free (c->reason_text); c->reason_text = NULL;
  g_free (c->urgent_note); c->urgent_note = g_strdup ("Ei ruokaa");
  c->language = KH_LANGUAGE_OTHER;
  c->interpreter = TRUE;
  c->service_id = 3;
  g_free (c->outcome_note); c->outcome_note = g_strdup ("Soitetaan");
  g_free (c->contactor_name); c->contactor_name = g_strdup ("Liisa Korhonen");
  g_free (c->contactor_relation); c->contactor_relation = g_strdup ("tytär");
  g_free (c->contactor_contact); c->contactor_contact = g_strdup ("040 765 4321");
  g_free (c->directed_by); c->directed_by = g_strdup ("Työllisyyspalvelut");
}

static const Row rows[] = {
  { "none", no_change, 0 },
  { "empty-is-null", empty_note, 0 },
  { "reason", new_reason, KH_CONTACT_FIELD_REASON_TEXT },
  { "need-and-language", need_and_language, KH_CONTACT_FIELD_NEEDS | KH_CONTACT_FIELD_LANGUAGE },
  { "interpreter", interpreter, KH_CONTACT_FIELD_INTERPRETER },
  { "service", service, KH_CONTACT_FIELD_SERVICE },
  { "relative-phone", relative_phone, KH_CONTACT_FIELD_CONTACTOR_CONTACT },
  { "not-correctable", not_correctable, 0 },
  { "everything", everything, KH_CONTACT_FIELDS_ALL },
};

static KhContact *
walk_in (void)
{
  KhContact *c = kh_contact_new ();

  c->channel = KH_CHANNEL_WALK_IN;
  c->contactor = KH_CONTACTOR_SELF;
  c->needs = KH_NEED_FINANCIAL;
  c->reason_text = g_strdup ("Sähkölasku");
  c->language = KH_LANGUAGE_FI;
  c->outcome = KH_OUTCOME_ADVICE;
  return c;
}

static void
test_changed (gconstpointer data)
{
  const Row *row = data;
  g_autoptr(KhContact) before = walk_in ();
  g_autoptr(KhContact) after = kh_contact_copy (before);

  row->change (after);
  g_assert_cmphex (kh_contact_changed_fields (before, after), ==, row->expected);
  g_assert_cmphex (kh_contact_changed_fields (after, before), ==, row->expected);
}

static void
test_take_correctable (void)
{
  g_autoptr(KhContact) before = walk_in ();
  g_autoptr(KhContact) typed = walk_in ();

  everything (typed);
  not_correctable (typed);
  kh_contact_take_correctable (before, typed);
  g_assert_cmpstr (before->urgent_note, ==, "Ei ruokaa");
  g_assert_cmpint (before->channel, ==, KH_CHANNEL_PHONE);
  g_assert_cmpint (before->outcome, ==, KH_OUTCOME_ADVICE);
  g_assert_cmpint (before->client_id, ==, 0);
  g_assert_cmpstr (before->contactor_contact, ==, "040 765 4321");
  g_assert_cmpstr (before->directed_by, ==, "Työllisyyspalvelut");
}

static void
test_field_list (void)
{
  g_autofree char *list = kh_contact_dup_field_list (KH_CONTACT_FIELD_REASON_TEXT | KH_CONTACT_FIELD_CHANNEL);
  g_autofree char *none = kh_contact_dup_field_list (0);

  g_assert_cmpstr (list, ==, "Channel, Reason");
  g_assert_cmpstr (none, ==, "");
}

/* A contact saved before the urgency was asked (0011 made old "not urgent"
 * NOT_RECORDED) can still have its reason corrected; the correction cannot
 * break a rule itself. */
static void
test_correction_problem (void)
{
  g_autoptr(KhContact) old = walk_in ();
  g_autoptr(KhContact) after = NULL;
  g_autofree char *message = NULL;
  KhIntakeField field = KH_INTAKE_FIELD_NONE;

  old->urgency = KH_URGENCY_NOT_RECORDED;
  after = kh_contact_copy (old);
  new_reason (after);
  kh_contact_normalize (after);
  g_assert_true (kh_contact_find_problem (after, TRUE, &field, NULL));
  g_assert_cmpint (field, ==, KH_INTAKE_FIELD_URGENCY);
  g_assert_false (kh_contact_find_correction_problem (old, after, TRUE, &field, &message));
  g_assert_null (message);

  /* A reason too long is the correction's own problem, at its field. */
  g_free (after->reason_text);
  after->reason_text = g_strnfill (4001, 'a');
  g_assert_true (kh_contact_find_correction_problem (old, after, TRUE, &field, &message));
  g_assert_cmpint (field, ==, KH_INTAKE_FIELD_REASON_TEXT);
  g_assert_nonnull (message);
  g_clear_pointer (&message, g_free);

  /* With the urgency answered before, losing it is a problem. */
  old->urgency = KH_URGENCY_NOT_URGENT;
  g_clear_object (&after);
  after = kh_contact_copy (old);
  after->urgency = KH_URGENCY_NOT_RECORDED;
  g_assert_true (kh_contact_find_correction_problem (old, after, TRUE, &field, NULL));
  g_assert_cmpint (field, ==, KH_INTAKE_FIELD_URGENCY);
  g_assert_cmpint (kh_contact_field_from_intake (KH_INTAKE_FIELD_URGENCY), ==, 0);

  /* Naming an authority would make her "directed to apply": not by a
   * correction. */
  g_clear_object (&after);
  after = kh_contact_copy (old);
  after->directed_by = g_strdup ("Kela");
  kh_contact_normalize (after);
  g_assert_cmpint (after->referral, ==, KH_REFERRAL_DIRECTED);
  g_assert_true (kh_contact_find_correction_problem (old, after, TRUE, &field, NULL));
  g_assert_cmpint (field, ==, KH_INTAKE_FIELD_DIRECTED_BY);
  g_assert_cmpint (kh_contact_field_from_intake (KH_INTAKE_FIELD_REASON_TEXT), ==,
                   KH_CONTACT_FIELD_REASON_TEXT);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *path = g_strdup_printf ("/core/contact-revision/changed/%s", rows[i].name);

      g_test_add_data_func (path, &rows[i], test_changed);
    }
  g_test_add_func ("/core/contact-revision/take-correctable", test_take_correctable);
  g_test_add_func ("/core/contact-revision/field-list", test_field_list);
  g_test_add_func ("/core/contact-revision/correction-problem", test_correction_problem);

  return g_test_run ();
}
