/* kh-search.c — what a search for a person found, and which row Enter picks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Search before create (issue 5, 2.2): reception must be able to trust the
 * list. It says how many people match, asks to narrow when it shows fewer
 * than match, and Enter picks a row only when one is clearly the best: two
 * people who share "130806A**** · born 13.8.2006" are equally good matches for
 * "130806A", and picking the first would record a contact for the wrong one.
 */
#define G_LOG_DOMAIN "kohtaamo-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "kh-text.h"

#include "kh-search.h"

/* ---- KhSearchHit ---- */

G_DEFINE_FINAL_TYPE (KhSearchHit, kh_search_hit, G_TYPE_OBJECT)

static void
kh_search_hit_finalize (GObject *object)
{
  KhSearchHit *self = KH_SEARCH_HIT (object);

  g_clear_object (&self->client);
  G_OBJECT_CLASS (kh_search_hit_parent_class)->finalize (object);
}

static void
kh_search_hit_class_init (KhSearchHitClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kh_search_hit_finalize;
}

static void
kh_search_hit_init (KhSearchHit *self)
{
}

/**
 * kh_search_hit_new:
 * @client: (transfer none): the person found
 * @match: how well they matched
 */
KhSearchHit *
kh_search_hit_new (KhClient *client,
                   KhMatch   match)
{
  KhSearchHit *self;

  g_return_val_if_fail (KH_IS_CLIENT (client), NULL);

  self = g_object_new (KH_TYPE_SEARCH_HIT, NULL);
  self->client = g_object_ref (client);
  self->match = match;
  return self;
}

/**
 * kh_search_hit_dup_summary:
 *
 * What tells two people of the same name apart at the desk: the masked
 * identity code (or that there is none), the birth date, the language of
 * service, whether a case is open, and a non-disclosure marking. Never an
 * address: a person with a non-disclosure marking (ATL 703/2023) may be
 * among the rows.
 *
 * Returns: (transfer full): the parts joined with " · "
 */
char *
kh_search_hit_dup_summary (KhSearchHit *self)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  KhClient *client;
  g_autofree char *masked = NULL;
  const char *language;
  GDate birth;

  g_return_val_if_fail (KH_IS_SEARCH_HIT (self), NULL);
  client = self->client;

  masked = kh_client_dup_masked_code (client);
  g_ptr_array_add (parts, masked != NULL ? g_steal_pointer (&masked)
                                         : g_strdup (_("no identity code")));
  g_date_clear (&birth, 1);
  if (client->birth_date != NULL && kh_date_from_iso (client->birth_date, &birth))
    {
      g_autofree char *date = kh_date_format (&birth);

      /* Translators: the birth date in a search result */
      g_ptr_array_add (parts, g_strdup_printf (_("born %s"), date));
    }
  language = client->language == KH_LANGUAGE_OTHER && client->other_language != NULL
             ? client->other_language : kh_language_label (client->language);
  if (language != NULL && client->interpreter)
    /* Translators: a language followed by the need for an interpreter, e.g. "Arabic, interpreter" */
    g_ptr_array_add (parts, g_strdup_printf (_("%s, interpreter"), language));
  else if (language != NULL)
    g_ptr_array_add (parts, g_strdup (language));
  if (self->open_cases > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("open case", "%u open cases", self->open_cases),
                                             self->open_cases));
  /* ATL 703/2023 38 §: whoever picks the person is warned of the marking
   * before reading on; the address itself never comes to a search. */
  if (client->non_disclosure)
    g_ptr_array_add (parts, g_strdup (_("Non-disclosure marking")));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

/* ---- KhClientSearch ---- */

KhClientSearch *
kh_client_search_new (void)
{
  KhClientSearch *self = g_new0 (KhClientSearch, 1);

  self->hits = g_ptr_array_new_with_free_func (g_object_unref);
  return self;
}

void
kh_client_search_free (KhClientSearch *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->hits);
  g_free (self);
}

static KhMatch
match_at (const KhClientSearch *self,
          guint                 i)
{
  return ((KhSearchHit *) g_ptr_array_index (self->hits, i))->match;
}

/**
 * kh_client_search_pick:
 *
 * Returns: the index of the row that Enter picks, or -1
 */
int
kh_client_search_pick (const KhClientSearch *self)
{
  g_return_val_if_fail (self != NULL, -1);

  if (self->hits->len == 0)
    return -1;
  /* One row shown but more people match: the one shown is not "the" one. */
  if (self->hits->len == 1)
    return self->total <= 1 && !self->more ? 0 : -1;
  return match_at (self, 0) > match_at (self, 1) ? 0 : -1;
}

/* How many rows at the top match as well as the first. */
static guint
n_tied (const KhClientSearch *self)
{
  guint n = 1;

  while (n < self->hits->len && match_at (self, n) == match_at (self, 0))
    n++;
  return n;
}

/**
 * kh_client_search_dup_status:
 *
 * Returns: (transfer full) (nullable): the sentence above the rows
 */
char *
kh_client_search_dup_status (const KhClientSearch *self)
{
  guint shown;

  g_return_val_if_fail (self != NULL, NULL);

  shown = self->hits->len;
  if (self->hint == KH_SEARCH_HINT_MORE_DIGITS)
    return g_strdup_printf (ngettext ("Type %u more digit: an identity code starts with the day and month of birth, for example 0708 for 7 August.",
                                      "Type %u more digits: an identity code starts with the day and month of birth, for example 0708 for 7 August.",
                                      self->digits_needed),
                            self->digits_needed);
  if (shown == 0 && self->hint == KH_SEARCH_HINT_NOT_A_DATE)
    return g_strdup (_("No birth date starts with these digits. An identity code starts with the day and month of birth, for example 0708 for 7 August."));
  if (shown == 0)
    return g_strdup (_("No one found. Check the spelling, or add a new person."));

  if (self->more)
    /* Translators: the first %u is the number of rows shown, the second the
     * count at which the search stops counting (1000) */
    return g_strdup_printf (_("%u shown of more than %u people who match. Type more of the name, or the birth date or identity code, to narrow the search."),
                            shown, KH_SEARCH_COUNT_CAP);
  if (self->total > shown)
    return g_strdup_printf (ngettext ("%u shown of %u person who matches. Type more of the name, or the birth date or identity code, to narrow the search.",
                                      "%u shown of %u people who match. Type more of the name, or the birth date or identity code, to narrow the search.",
                                      self->total),
                            shown, self->total);
  if (kh_client_search_pick (self) < 0)
    return g_strdup_printf (ngettext ("%u person found. None matches clearly best: choose one with the arrow keys, or type more.",
                                      "%u people found. None matches clearly best: choose one with the arrow keys, or type more.",
                                      shown),
                            shown);
  return g_strdup_printf (ngettext ("%u person found.", "%u people found. Enter chooses the highlighted one.", shown),
                          shown);
}

/**
 * kh_client_search_dup_tie_message:
 *
 * Returns: (transfer full): why Enter did not pick a row
 */
char *
kh_client_search_dup_tie_message (const KhClientSearch *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->hits->len == 0)
    return kh_client_search_dup_status (self);
  if (self->hits->len == 1)
    return g_strdup (_("More people match than are shown. Type more, or choose the person with the arrow keys."));
  return g_strdup_printf (ngettext ("%u person matches equally well. Choose one with the arrow keys, or type more of the name or identity code.",
                                    "%u people match equally well. Choose one with the arrow keys, or type more of the name or identity code.",
                                    n_tied (self)),
                          n_tied (self));
}
