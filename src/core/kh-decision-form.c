/* kh-decision-form.c — a decision as the worker types it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * See kh-decision-form.h. The legal check is kh_decision_check()'s; this
 * file adds what only the typed text can be wrong about (an amount, a
 * date or an account number that does not parse) and says where in the
 * form each problem is to be fixed.
 */
#define G_LOG_DOMAIN "kohtaamo-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kh-catalog.h"
#include "kh-decision-form.h"
#include "kh-iban.h"
#include "kh-money.h"
#include "kh-text.h"

/* Texts printed in the decision's language (the "decision" context is the
 * document engine's: the kinds' titles are the headings it prints). */
#define T(language, msgid) kh_catalog_pgettext ((language), "decision", (msgid))

static void
line_free (gpointer data)
{
  KhDecisionFormLine *line = data;

  g_free (line->description);
  g_free (line->amount);
  g_free (line);
}

KhDecisionForm *
kh_decision_form_new (const GDate *today)
{
  KhDecisionForm *form = g_new0 (KhDecisionForm, 1);

  g_return_val_if_fail (today != NULL && g_date_valid (today), form);

  form->lines = g_ptr_array_new_with_free_func (line_free);
  form->language = g_strdup ("fi");
  form->kind = KH_DECISION_SERVICE;
  form->outcome = KH_DECISION_OUTCOME_NONE;
  form->payee = KH_PAYEE_CLIENT_ACCOUNT;
  form->delivery = KH_DOCUMENT_DELIVERY_LETTER;
  form->decision_date = kh_date_format_dmy (today);
  form->sent_date = kh_date_format_dmy (today);
  form->provisions = kh_decision_form_default_provisions (form->kind, form->language);
  kh_decision_form_add_line (form);
  return form;
}

void
kh_decision_form_free (KhDecisionForm *form)
{
  if (form == NULL)
    return;
  g_free (form->party_name);
  g_free (form->party_id);
  g_free (form->party_address);
  g_free (form->language);
  g_free (form->corrects_number);
  g_free (form->subject);
  g_free (form->service);
  g_ptr_array_unref (form->lines);
  g_free (form->period_start);
  g_free (form->period_end);
  g_free (form->iban);
  g_free (form->payee_name);
  g_free (form->reasoning);
  g_free (form->provisions);
  g_free (form->plan_departure_reasons);
  g_free (form->preparer_name);
  g_free (form->preparer_title);
  g_free (form->contact_name);
  g_free (form->contact_title);
  g_free (form->contact_phone);
  g_free (form->contact_email);
  g_free (form->decision_date);
  g_free (form->sent_date);
  g_free (form);
}

KhDecisionForm *
kh_decision_form_copy (const KhDecisionForm *form)
{
  KhDecisionForm *copy;

  g_return_val_if_fail (form != NULL, NULL);

  copy = g_memdup2 (form, sizeof *form);
  copy->party_name = g_strdup (form->party_name);
  copy->party_id = g_strdup (form->party_id);
  copy->party_address = g_strdup (form->party_address);
  copy->language = g_strdup (form->language);
  copy->corrects_number = g_strdup (form->corrects_number);
  copy->subject = g_strdup (form->subject);
  copy->service = g_strdup (form->service);
  copy->lines = g_ptr_array_new_with_free_func (line_free);
  for (guint i = 0; i < form->lines->len; i++)
    {
      const KhDecisionFormLine *line = g_ptr_array_index (form->lines, i);
      KhDecisionFormLine *line_copy = g_new0 (KhDecisionFormLine, 1);

      line_copy->description = g_strdup (line->description);
      line_copy->amount = g_strdup (line->amount);
      g_ptr_array_add (copy->lines, line_copy);
    }
  copy->period_start = g_strdup (form->period_start);
  copy->period_end = g_strdup (form->period_end);
  copy->iban = g_strdup (form->iban);
  copy->payee_name = g_strdup (form->payee_name);
  copy->reasoning = g_strdup (form->reasoning);
  copy->provisions = g_strdup (form->provisions);
  copy->plan_departure_reasons = g_strdup (form->plan_departure_reasons);
  copy->preparer_name = g_strdup (form->preparer_name);
  copy->preparer_title = g_strdup (form->preparer_title);
  copy->contact_name = g_strdup (form->contact_name);
  copy->contact_title = g_strdup (form->contact_title);
  copy->contact_phone = g_strdup (form->contact_phone);
  copy->contact_email = g_strdup (form->contact_email);
  copy->decision_date = g_strdup (form->decision_date);
  copy->sent_date = g_strdup (form->sent_date);
  return copy;
}

/* ---- the language and what follows it ---- */

const char *
kh_decision_form_language_for (KhLanguage client_language)
{
  return client_language == KH_LANGUAGE_SV ? "sv" : "fi";
}

gboolean
kh_decision_form_language_is_fallback (KhLanguage client_language)
{
  return client_language != KH_LANGUAGE_FI && client_language != KH_LANGUAGE_SV;
}

const char *
kh_decision_form_kind_title (KhDecisionKind  kind,
                             const char     *language)
{
  /* The same texts as kh-decision.c's headings, so that the title the
   * timeline lists is the heading the client reads. Keep in sync. */
  switch (kind)
    {
    case KH_DECISION_SUPPLEMENTARY_SUPPORT:
      return T (language, NC_ ("decision", "Decision on supplementary income support"));
    case KH_DECISION_PREVENTIVE_SUPPORT:
      return T (language, NC_ ("decision", "Decision on preventive income support"));
    case KH_DECISION_SERVICE:
    default:
      return T (language, NC_ ("decision", "Decision on a social service"));
    }
}

char *
kh_decision_form_default_provisions (KhDecisionKind  kind,
                                     const char     *language)
{
  const char *act = NULL;

  switch (kind)
    {
    case KH_DECISION_SUPPLEMENTARY_SUPPORT:
      /* Translators: a provision applied, printed in the decision (Laki toimeentulotuesta 7 c §) */
      act = T (language, NC_ ("decision", "Act on Social Assistance (1412/1997), section 7 c"));
      break;
    case KH_DECISION_PREVENTIVE_SUPPORT:
      /* Translators: a provision applied, printed in the decision (Laki toimeentulotuesta 8 §) */
      act = T (language, NC_ ("decision", "Act on Social Assistance (1412/1997), section 8"));
      break;
    case KH_DECISION_SERVICE:
    default:
      /* Translators: a provision applied, printed in the decision (Sosiaalihuoltolaki 14 ja 45 §) */
      act = T (language, NC_ ("decision", "Social Welfare Act (1301/2014), sections 14 and 45"));
      break;
    }
  return g_strconcat (act, "\n",
                      /* Translators: a provision applied, printed in the decision (Hallintolaki 44 ja 45 §) */
                      T (language, NC_ ("decision", "Administrative Procedure Act (434/2003), sections 44 and 45")),
                      NULL);
}

const char *
kh_decision_form_role_title (KhRole      role,
                             const char *language)
{
  switch (role)
    {
    case KH_ROLE_COUNSELLOR:
      /* Translators: a title printed in a decision (sosiaaliohjaaja), lower case */
      return T (language, NC_ ("decision", "social counsellor"));
    case KH_ROLE_SOCIAL_WORKER:
      /* Translators: a title printed in a decision (sosiaalityöntekijä), lower case */
      return T (language, NC_ ("decision", "social worker"));
    case KH_ROLE_LEAD:
      /* Translators: a title printed in a decision (johtava sosiaalityöntekijä), lower case */
      return T (language, NC_ ("decision", "lead social worker"));
    default:
      return NULL;
    }
}

/* `*field` becomes `now` if it is still `before` (what the form filled in)
 * or empty; a text the worker changed stays. */
static void
follow_default (char       **field,
                const char  *before,
                const char  *now)
{
  if (kh_text_filled (*field) && g_strcmp0 (*field, before) != 0)
    return;
  g_free (*field);
  *field = g_strdup (now);
}

/* The title of the maker named `name` in `profile` in `language`, or the
 * role's. */
static const KhDecisionMaker *
maker_named (const KhUnitProfile *profile,
             const char          *name)
{
  for (guint i = 0; profile != NULL && name != NULL && i < profile->decision_makers->len; i++)
    {
      const KhDecisionMaker *maker = g_ptr_array_index (profile->decision_makers, i);

      if (maker->active && g_strcmp0 (maker->name, name) == 0)
        return maker;
    }
  return NULL;
}

static KhLanguage
language_enum (const char *language)
{
  return g_strcmp0 (language, "sv") == 0 ? KH_LANGUAGE_SV : KH_LANGUAGE_FI;
}

/* The title the form gives `name` in `language`: that of the decision
 * maker of that name in `profile`, else the role's. */
static const char *
default_title (const KhUnitProfile *profile,
               const char          *name,
               KhRole               role,
               const char          *language)
{
  const KhDecisionMaker *maker = maker_named (profile, name);
  const char *title = maker != NULL ? kh_decision_maker_get_title (maker, language_enum (language)) : NULL;

  return title != NULL ? title : kh_decision_form_role_title (role, language);
}

void
kh_decision_form_set_language (KhDecisionForm      *form,
                               const char          *language,
                               const KhUnitProfile *profile)
{
  g_autofree char *old_provisions = NULL;
  g_autofree char *new_provisions = NULL;
  const char *old;

  g_return_if_fail (form != NULL);

  language = g_strcmp0 (language, "sv") == 0 ? "sv" : "fi";
  if (g_strcmp0 (form->language, language) == 0)
    return;
  old = form->language;
  old_provisions = kh_decision_form_default_provisions (form->kind, old);
  new_provisions = kh_decision_form_default_provisions (form->kind, language);
  follow_default (&form->provisions, old_provisions, new_provisions);
  /* A title is in one language only. The contact person is the
   * preparer's role's unless the profile knows them. */
  if (kh_text_filled (form->preparer_title))
    follow_default (&form->preparer_title,
                    default_title (profile, form->preparer_name, form->preparer_role, old),
                    default_title (profile, form->preparer_name, form->preparer_role, language));
  if (kh_text_filled (form->contact_title))
    follow_default (&form->contact_title,
                    default_title (profile, form->contact_name, form->preparer_role, old),
                    default_title (profile, form->contact_name, form->preparer_role, language));
  g_free (form->language);
  form->language = g_strdup (language);
}

void
kh_decision_form_set_kind (KhDecisionForm *form,
                           KhDecisionKind  kind)
{
  g_autofree char *old_provisions = NULL;
  g_autofree char *new_provisions = NULL;

  g_return_if_fail (form != NULL);

  if (form->kind == kind)
    return;
  old_provisions = kh_decision_form_default_provisions (form->kind, form->language);
  new_provisions = kh_decision_form_default_provisions (kind, form->language);
  follow_default (&form->provisions, old_provisions, new_provisions);
  form->kind = kind;
}

void
kh_decision_form_contact_for (const KhUnitProfile  *profile,
                              const char           *name,
                              KhRole                role,
                              const char           *language,
                              const char          **title,
                              const char          **phone,
                              const char          **email)
{
  const KhDecisionMaker *maker = maker_named (profile, name);

  g_return_if_fail (title != NULL && phone != NULL && email != NULL);

  *title = default_title (profile, name, role, language);
  *phone = maker != NULL && kh_text_filled (maker->phone) ? maker->phone : NULL;
  if (*phone == NULL && profile != NULL)
    *phone = kh_unit_profile_get (profile, KH_UNIT_PROFILE_PHONE, language_enum (language));
  *email = maker != NULL ? maker->email : NULL;
}

void
kh_decision_form_set_preparer (KhDecisionForm      *form,
                               const char          *name,
                               KhRole               role,
                               const KhUnitProfile *profile)
{
  const char *title, *phone, *email;

  g_return_if_fail (form != NULL);

  kh_decision_form_contact_for (profile, name, role, form->language, &title, &phone, &email);
  g_free (form->preparer_name);
  g_free (form->preparer_title);
  g_free (form->contact_name);
  g_free (form->contact_title);
  g_free (form->contact_phone);
  g_free (form->contact_email);
  form->preparer_role = role;
  form->preparer_name = g_strdup (name);
  form->preparer_title = g_strdup (title);
  form->contact_name = g_strdup (name);
  form->contact_title = g_strdup (title);
  form->contact_phone = g_strdup (phone);
  form->contact_email = g_strdup (email);
}

void
kh_decision_form_set_party (KhDecisionForm *form,
                            const char     *last_name,
                            const char     *first_names,
                            const char     *identity_code,
                            const char     *birth_date_iso,
                            const char     *address,
                            const char     *postal_code,
                            const char     *city)
{
  GString *where = g_string_new (NULL);
  GDate birth;

  g_return_if_fail (form != NULL);

  g_free (form->party_name);
  g_free (form->party_id);
  g_free (form->party_address);
  form->party_name = kh_text_filled (first_names) && kh_text_filled (last_name)
                     ? g_strdup_printf ("%s %s", first_names, last_name)
                     : g_strdup (kh_text_filled (last_name) ? last_name : first_names);
  if (kh_text_filled (identity_code))
    form->party_id = g_strdup (identity_code);
  else if (birth_date_iso != NULL && kh_date_from_iso (birth_date_iso, &birth))
    form->party_id = kh_date_format_dmy (&birth);
  else
    form->party_id = NULL;

  if (kh_text_filled (address))
    g_string_append (where, address);
  if (kh_text_filled (postal_code) || kh_text_filled (city))
    {
      if (where->len > 0)
        g_string_append_c (where, '\n');
      g_string_append_printf (where, "%s%s%s", kh_text_filled (postal_code) ? postal_code : "",
                              kh_text_filled (postal_code) && kh_text_filled (city) ? " " : "",
                              kh_text_filled (city) ? city : "");
    }
  form->party_address = g_string_free (where, where->len == 0);
}

/* ---- the amount lines ---- */

void
kh_decision_form_add_line (KhDecisionForm *form)
{
  g_return_if_fail (form != NULL);

  g_ptr_array_add (form->lines, g_new0 (KhDecisionFormLine, 1));
}

void
kh_decision_form_remove_line (KhDecisionForm *form,
                              guint           index)
{
  g_return_if_fail (form != NULL && index < form->lines->len);

  g_ptr_array_remove_index (form->lines, index);
}

void
kh_decision_form_set_line (KhDecisionForm *form,
                           guint           index,
                           const char     *description,
                           const char     *amount)
{
  KhDecisionFormLine *line;

  g_return_if_fail (form != NULL && index < form->lines->len);

  line = g_ptr_array_index (form->lines, index);
  g_free (line->description);
  g_free (line->amount);
  line->description = g_strdup (description);
  line->amount = g_strdup (amount);
}

/* A line the worker has left empty is not a line of the decision. */
static gboolean
line_is_empty (const KhDecisionFormLine *line)
{
  return !kh_text_filled (line->description) && !kh_text_filled (line->amount);
}

/* ---- the delivery and the dates ---- */

static KhDelivery
delivery_of (KhDocumentDelivery delivery)
{
  switch (delivery)
    {
    case KH_DOCUMENT_DELIVERY_ELECTRONIC:
      return KH_DELIVERY_ELECTRONIC;
    case KH_DOCUMENT_DELIVERY_HANDED:
      /* Handed over: the party has it that day (HL 60 §). */
      return KH_DELIVERY_PROVEN;
    case KH_DOCUMENT_DELIVERY_LETTER:
    default:
      return KH_DELIVERY_LETTER;
    }
}

/* ---- the check ---- */

KhDecisionField
kh_decision_form_field_of (KhDecisionProblem problem)
{
  switch (problem)
    {
    case KH_DECISION_PROBLEM_LANGUAGE:
      return KH_DECISION_FIELD_LANGUAGE;
    case KH_DECISION_PROBLEM_DECISION_DATE:
      return KH_DECISION_FIELD_DECISION_DATE;
    case KH_DECISION_PROBLEM_PARTY:
    case KH_DECISION_PROBLEM_PARTY_ADDRESS:
      return KH_DECISION_FIELD_PARTY;
    case KH_DECISION_PROBLEM_SUBJECT:
      return KH_DECISION_FIELD_SUBJECT;
    case KH_DECISION_PROBLEM_OUTCOME:
      return KH_DECISION_FIELD_OUTCOME;
    case KH_DECISION_PROBLEM_SERVICE:
      return KH_DECISION_FIELD_SERVICE;
    case KH_DECISION_PROBLEM_AMOUNTS:
    case KH_DECISION_PROBLEM_AMOUNT_LINE:
      return KH_DECISION_FIELD_AMOUNTS;
    case KH_DECISION_PROBLEM_PERIOD:
      return KH_DECISION_FIELD_PERIOD_START;
    case KH_DECISION_PROBLEM_PAYEE:
      return KH_DECISION_FIELD_PAYEE;
    case KH_DECISION_PROBLEM_IBAN:
      return KH_DECISION_FIELD_IBAN;
    case KH_DECISION_PROBLEM_PAYEE_NAME:
      return KH_DECISION_FIELD_PAYEE_NAME;
    case KH_DECISION_PROBLEM_REASONING:
      return KH_DECISION_FIELD_REASONING;
    case KH_DECISION_PROBLEM_PROVISIONS:
      return KH_DECISION_FIELD_PROVISIONS;
    case KH_DECISION_PROBLEM_PLAN_DEPARTURE:
      return KH_DECISION_FIELD_PLAN_DEPARTURE;
    case KH_DECISION_PROBLEM_MAKER:
      return KH_DECISION_FIELD_MAKER;
    case KH_DECISION_PROBLEM_PREPARER:
      return KH_DECISION_FIELD_PREPARER;
    case KH_DECISION_PROBLEM_CONTACT:
      return KH_DECISION_FIELD_CONTACT;
    case KH_DECISION_PROBLEM_SENT_DATE:
    case KH_DECISION_PROBLEM_RECEIVED_DATE:
      return KH_DECISION_FIELD_SENT_DATE;
    case KH_DECISION_PROBLEM_AUTHORITY:
    case KH_DECISION_PROBLEM_RECTIFICATION_AUTHORITY:
    case KH_DECISION_PROBLEM_RECTIFICATION_ADDRESS:
    default:
      return KH_DECISION_FIELD_PROFILE;
    }
}

static void
set_message (KhDecisionFormCheck *out,
             KhDecisionField      field,
             const char          *message)
{
  /* The first message at a field is the one shown: the typed text's is
   * more precise than the check's. */
  if (message == NULL || out->messages[field] != NULL)
    return;
  out->messages[field] = message;
  out->n_problems++;
}

static void
set_line_message (KhDecisionFormCheck *out,
                  guint                index,
                  const char          *message)
{
  if (message == NULL || g_ptr_array_index (out->line_messages, index) != NULL)
    return;
  out->line_messages->pdata[index] = (gpointer) message;
  out->n_problems++;
}

static gboolean
is_income_support (const KhDecisionForm *form)
{
  return form->kind != KH_DECISION_SERVICE;
}

static gboolean
grants (const KhDecisionForm *form)
{
  return form->outcome == KH_DECISION_GRANTED || form->outcome == KH_DECISION_PARTLY_GRANTED;
}

/* What the typed text says wrong, whether or not the decision is complete. */
static void
check_typed (const KhDecisionForm *form,
             KhDecisionFormCheck  *out)
{
  gboolean amounts_apply = is_income_support (form) && grants (form);

  if (amounts_apply)
    {
      for (guint i = 0; i < form->lines->len; i++)
        {
          const KhDecisionFormLine *line = g_ptr_array_index (form->lines, i);
          KhMoneyStatus status;
          gint64 cents;

          if (!kh_text_filled (line->amount))
            continue;
          status = kh_money_parse (line->amount, &cents);
          if (status != KH_MONEY_OK)
            set_line_message (out, i, kh_money_status_message (status));
          else if (cents == 0)
            /* Translators: under an amount line of a decision */
            set_line_message (out, i, _("The amount must be greater than zero"));
        }
      set_message (out, KH_DECISION_FIELD_PERIOD_START, kh_date_field_message (form->period_start));
      set_message (out, KH_DECISION_FIELD_PERIOD_END, kh_date_field_message (form->period_end));
      if (form->payee == KH_PAYEE_CLIENT_ACCOUNT && kh_text_filled (form->iban))
        {
          KhIbanStatus status = kh_iban_validate (form->iban, NULL);

          if (status != KH_IBAN_OK)
            set_message (out, KH_DECISION_FIELD_IBAN, kh_iban_status_message (status));
        }
    }
  set_message (out, KH_DECISION_FIELD_DECISION_DATE, kh_date_field_message (form->decision_date));
  set_message (out, KH_DECISION_FIELD_SENT_DATE, kh_date_field_message (form->sent_date));
}

/* What the complete check adds per line: a line with a sum and no
 * description, or a description without a sum. */
static void
check_lines (const KhDecisionForm *form,
             KhDecisionFormCheck  *out)
{
  for (guint i = 0; i < form->lines->len; i++)
    {
      const KhDecisionFormLine *line = g_ptr_array_index (form->lines, i);

      if (line_is_empty (line))
        continue;
      if (!kh_text_filled (line->description))
        /* Translators: under an amount line of a decision */
        set_line_message (out, i, _("Say what the amount is for"));
      else if (!kh_text_filled (line->amount))
        /* Translators: under an amount line of a decision */
        set_line_message (out, i, _("Enter the amount in euros, e.g. 412,50"));
    }
}

void
kh_decision_form_check (const KhDecisionForm *form,
                        const KhUnitProfile  *profile,
                        gboolean              complete,
                        KhDecisionFormCheck  *out)
{
  g_autoptr(KhDecisionDraft) draft = NULL;
  g_autoptr(GArray) problems = NULL;

  g_return_if_fail (form != NULL && out != NULL);

  memset (out, 0, sizeof *out);
  out->line_messages = g_ptr_array_new ();
  g_ptr_array_set_size (out->line_messages, form->lines->len);

  check_typed (form, out);
  if (!complete)
    return;

  if (is_income_support (form) && grants (form))
    check_lines (form, out);
  draft = kh_decision_form_build (form, profile);
  problems = kh_decision_check (&draft->content);
  for (guint i = 0; i < problems->len; i++)
    {
      KhDecisionProblem problem = g_array_index (problems, int, i);
      KhDecisionField field = kh_decision_form_field_of (problem);

      /* A line already said what is wrong with it. */
      if (problem == KH_DECISION_PROBLEM_AMOUNT_LINE)
        {
          gboolean said = FALSE;

          for (guint j = 0; j < out->line_messages->len; j++)
            said |= g_ptr_array_index (out->line_messages, j) != NULL;
          if (said)
            continue;
        }
      /* A period date typed wrong already says what is wrong with it. */
      if (problem == KH_DECISION_PROBLEM_PERIOD
          && (out->messages[KH_DECISION_FIELD_PERIOD_START] != NULL
              || out->messages[KH_DECISION_FIELD_PERIOD_END] != NULL))
        continue;
      set_message (out, field, kh_decision_problem_message (problem));
    }
}

void
kh_decision_form_check_clear (KhDecisionFormCheck *check)
{
  g_return_if_fail (check != NULL);

  g_clear_pointer (&check->line_messages, g_ptr_array_unref);
  memset (check, 0, sizeof *check);
}

/* ---- the last day ---- */

char *
kh_decision_form_describe_last_day (const KhDecisionForm *form,
                                    KhCalendar           *calendar)
{
  GDate sent, notified, last;
  gboolean moved = FALSE;
  g_autofree char *day = NULL;

  g_return_val_if_fail (form != NULL && calendar != NULL, NULL);

  if (!kh_date_parse_field (form->sent_date, &sent))
    return NULL;
  if (!kh_rectification_compute (calendar, &sent, delivery_of (form->delivery), &sent,
                                 &notified, &last, &moved))
    return NULL;
  day = kh_date_format_dmy (&last);
  if (moved)
    /* Translators: under the sending date of a decision; %s is a date (8.4.2026) */
    return g_strdup_printf (_("Last day for a request for rectification: %s (moved past a weekend or holiday)"),
                            day);
  /* Translators: under the sending date of a decision; %s is a date (8.4.2026) */
  return g_strdup_printf (_("Last day for a request for rectification: %s"), day);
}

/* ---- the content ---- */

typedef struct {
  KhDecisionDraft    public;
  KhDecisionForm    *form;
  KhUnitProfile     *profile;
  KhDecisionAmount  *amounts;
  char             **provisions;
  char              *iban;
} Draft;

static char **
split_provisions (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);
  GPtrArray *kept = g_ptr_array_new ();

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (*line != '\0')
        g_ptr_array_add (kept, g_strdup (line));
    }
  g_ptr_array_add (kept, NULL);
  return (char **) g_ptr_array_free (kept, FALSE);
}

KhDecisionDraft *
kh_decision_form_build (const KhDecisionForm *form,
                        const KhUnitProfile  *profile)
{
  Draft *draft;
  KhDecisionContent *c;
  KhDecisionForm *f;
  guint n = 0;

  g_return_val_if_fail (form != NULL, NULL);

  draft = g_new0 (Draft, 1);
  draft->form = f = kh_decision_form_copy (form);
  draft->profile = profile != NULL ? kh_unit_profile_copy (profile) : NULL;
  c = &draft->public.content;
  g_date_clear (&c->decision_date, 1);
  g_date_clear (&c->sent_date, 1);

  c->language = f->language;
  if (draft->profile != NULL)
    {
      kh_decision_set_profile (c, draft->profile);
      draft->public.logo = draft->profile->logo;
    }
  kh_date_parse_field (f->decision_date, &c->decision_date);
  c->party_name = f->party_name;
  c->party_id = f->party_id;
  c->party_address = f->party_address;
  c->corrects = f->corrects_id > 0 ? f->corrects_number : NULL;
  c->kind = f->kind;
  c->outcome = f->outcome;
  c->subject = f->subject;

  /* What is granted: the service, or the amounts, the period and the
   * payee. A refusal grants nothing, whatever was typed before. */
  if (grants (f) && !is_income_support (f))
    c->service = f->service;
  if (grants (f) && is_income_support (f))
    {
      draft->amounts = g_new0 (KhDecisionAmount, f->lines->len + 1);
      for (guint i = 0; i < f->lines->len; i++)
        {
          const KhDecisionFormLine *line = g_ptr_array_index (f->lines, i);
          gint64 cents = 0;

          if (line_is_empty (line))
            continue;
          if (kh_money_parse (line->amount, &cents) != KH_MONEY_OK)
            cents = 0;
          draft->amounts[n].description = line->description;
          draft->amounts[n].cents = cents;
          n++;
        }
      c->amounts = draft->amounts;
      c->n_amounts = n;
      kh_date_parse_field (f->period_start, &c->period_start);
      kh_date_parse_field (f->period_end, &c->period_end);
      c->payee = f->payee;
      if (f->payee == KH_PAYEE_CLIENT_ACCOUNT)
        {
          /* Printed in groups of four when it is valid, else as typed
           * (and the check finds it). */
          draft->iban = kh_iban_format (f->iban);
          c->iban = draft->iban != NULL ? draft->iban : f->iban;
        }
      else if (f->payee == KH_PAYEE_DIRECT)
        c->payee_name = f->payee_name;
    }
  else
    {
      g_date_clear (&c->period_start, 1);
      g_date_clear (&c->period_end, 1);
    }

  c->reasoning = f->reasoning;
  draft->provisions = split_provisions (f->provisions);
  c->provisions = (const char * const *) draft->provisions;
  c->departs_from_plan = f->departs_from_plan;
  c->plan_departure_reasons = f->departs_from_plan ? f->plan_departure_reasons : NULL;

  if (draft->profile != NULL && f->maker_id != 0)
    {
      const KhDecisionMaker *maker = kh_unit_profile_find_decision_maker (draft->profile, f->maker_id);

      if (maker != NULL && maker->active)
        kh_decision_person_from_maker (maker, f->language, &c->maker);
    }
  c->preparer = (KhDecisionPerson) { f->preparer_name, f->preparer_title, NULL, NULL };
  c->contact = (KhDecisionPerson) { f->contact_name, f->contact_title, f->contact_phone, f->contact_email };

  kh_date_parse_field (f->sent_date, &c->sent_date);
  c->delivery = delivery_of (f->delivery);
  g_date_clear (&c->received_date, 1);
  if (c->delivery == KH_DELIVERY_PROVEN)
    c->received_date = c->sent_date;
  return &draft->public;
}

void
kh_decision_draft_free (KhDecisionDraft *public)
{
  Draft *draft = (Draft *) public;

  if (draft == NULL)
    return;
  kh_decision_form_free (draft->form);
  g_clear_pointer (&draft->profile, kh_unit_profile_free);
  g_free (draft->amounts);
  g_strfreev (draft->provisions);
  g_free (draft->iban);
  g_free (draft);
}

KhIssuedDocument *
kh_decision_form_to_document (const KhDecisionForm *form,
                              gint64                client_id)
{
  KhIssuedDocument *document;

  g_return_val_if_fail (form != NULL, NULL);

  document = kh_issued_document_new ();
  document->client_id = client_id;
  document->case_id = form->case_id;
  document->kind = KH_DOCUMENT_DECISION;
  document->language = g_strdup (form->language);
  document->title = g_strdup (kh_decision_form_kind_title (form->kind, form->language));
  kh_date_parse_field (form->sent_date, &document->sent_on);
  document->delivery = form->delivery;
  document->corrects_id = form->corrects_id;
  /* What a payment commitment may rest on (issue 8, 3). */
  document->grants = grants (form);
  return document;
}
