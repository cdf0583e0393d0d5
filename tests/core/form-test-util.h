/* form-test-util.h — what the tests of the document forms share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A date, and a fictional unit's document settings in Finnish with an
 * active decision maker (id 3, with titles in Finnish and Swedish, a
 * phone and an e-mail) and an inactive one (id 4).
 */
#pragma once

#include <glib.h>

#include "core/kh-unit-profile.h"

static inline void
set_date (GDate *date,
          guint  d,
          guint  m,
          guint  y)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, d, m, y);
}

static inline KhUnitProfile *
new_profile (void)
{
  KhUnitProfile *p = kh_unit_profile_new ();
  KhDecisionMaker *maker = kh_decision_maker_new ();
  KhDecisionMaker *inactive = kh_decision_maker_new ();
  const char *fi[KH_UNIT_PROFILE_N_FIELDS] = {
    [KH_UNIT_PROFILE_ORGANISATION] = "Pohjolan hyvinvointialue",
    [KH_UNIT_PROFILE_UNIT] = "Aikuissosiaalityö",
    [KH_UNIT_PROFILE_POSTAL_ADDRESS] = "PL 10",
    [KH_UNIT_PROFILE_POSTAL_CODE_TOWN] = "90101 Oulu",
    [KH_UNIT_PROFILE_PHONE] = "08 555 0100",
    [KH_UNIT_PROFILE_AUTHORITY_NAME] = "Yksilöasioiden jaosto",
    [KH_UNIT_PROFILE_AUTHORITY_POSTAL_ADDRESS] = "Kirjaamo, PL 10",
    [KH_UNIT_PROFILE_AUTHORITY_POSTAL_CODE_TOWN] = "90101 Oulu",
    [KH_UNIT_PROFILE_AUTHORITY_VISITING_ADDRESS] = "Kirkkokatu 9 A, Oulu",
    [KH_UNIT_PROFILE_AUTHORITY_EMAIL] = "kirjaamo@example.fi",
    [KH_UNIT_PROFILE_AUTHORITY_OPENING_HOURS] = "ma–pe klo 9–15",
  };

  for (guint i = 0; i < KH_UNIT_PROFILE_N_FIELDS; i++)
    p->text[0][i] = g_strdup (fi[i]);
  maker->id = 3;
  maker->name = g_strdup ("Åsa Öhman");
  maker->title_fi = g_strdup ("johtava sosiaalityöntekijä");
  maker->title_sv = g_strdup ("ledande socialarbetare");
  maker->phone = g_strdup ("08 555 0103");
  maker->email = g_strdup ("asa.ohman@example.fi");
  maker->active = TRUE;
  inactive->id = 4;
  inactive->name = g_strdup ("Eino Entinen");
  inactive->title_fi = g_strdup ("sosiaalityöntekijä");
  inactive->active = FALSE;
  g_ptr_array_add (p->decision_makers, maker);
  g_ptr_array_add (p->decision_makers, inactive);
  return p;
}

