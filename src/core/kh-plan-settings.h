/* kh-plan-settings.h — the unit's configuration of client plan reviews:
 * its evaluation scale and its lists of services and working methods
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 9 item 4: a review evaluates the plan with the client in THL
 * AVAIN's four parts (goals, factors that help or hinder, services,
 * methods). The goals and the factors are the plan's own; the scale and
 * the lists of services and methods are the unit's configuration —
 * domain-law.md 7.1: no national code list is confirmed, so none is
 * invented here. Three settings hold them:
 *
 * - "plan_scale": kh_plan_scale_to_setting()'s form, one step a line as
 *   "Finnish|Swedish", 2–10 steps; unset: kh_plan_scale_new_default();
 * - "plan_services" and "plan_methods": one entry a line, at most
 *   KH_PLAN_LIST_ITEM_MAX characters each and KH_PLAN_LIST_MAX_ITEMS
 *   entries, no entry twice; unset: an empty list.
 *
 * kh_plan_setting_clean() is the one check: the Preferences page, the
 * store (kh_db_set_setting) and kohtaamo-admin use it, and on PostgreSQL
 * the server restates it (data/sql/pg/0035-plan-review-settings.sql;
 * keep in sync).
 */
#pragma once

#include <glib.h>

#include "core/kh-client-plan.h"

G_BEGIN_DECLS

#define KH_SETTING_PLAN_SCALE    "plan_scale"
#define KH_SETTING_PLAN_SERVICES "plan_services"
#define KH_SETTING_PLAN_METHODS  "plan_methods"

#define KH_PLAN_LIST_ITEM_MAX    200
#define KH_PLAN_LIST_MAX_ITEMS   100

/* Is `key` one of the three settings above? */
gboolean      kh_plan_setting_is_plan_key (const char  *key);

/* The value to store for `key` (one of the three): cleaned (spaces
 * collapsed, blank lines dropped) in its canonical form, "" when `value`
 * is empty (the setting unset). NULL with a translated error
 * (G_IO_ERROR_INVALID_DATA) naming the line when it is not of its shape. */
char         *kh_plan_setting_clean      (const char  *key,
                                          const char  *value,
                                          GError     **error);

/* The unit's scale from its setting as stored: the default when unset or
 * not a scale (an old or foreign value must not stop a review). */
KhPlanScale  *kh_plan_scale_from_setting (const char  *setting);

/* A list setting's entries (a NULL-terminated vector, empty when unset);
 * NULL with a translated error when it is not a list. */
char        **kh_plan_list_parse         (const char  *setting,
                                          GError     **error);
/* The setting of `items`; "" for none. */
char         *kh_plan_list_to_setting    (const char * const *items);

G_END_DECLS
