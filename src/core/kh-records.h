/* kh-records.h — plain domain records passed between the store and the UI
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * They are GObjects only so that they can live in a GListStore. Their fields
 * are public and plain; a record is a value: the store makes fresh ones for
 * every answer and nobody shares one between threads after handing it over.
 * Dates are ISO 8601 strings ("2026-04-02"), times are GDateTime in local time.
 * Strings that are unknown are NULL, never "".
 */
#pragma once

#include <glib-object.h>

#include "kh-enums.h"
#include "kh-responsible-worker.h"
#include "kh-service-enums.h"

G_BEGIN_DECLS

/* A person (asiakas / klient, or someone not yet a client). */
#define KH_TYPE_CLIENT (kh_client_get_type ())
G_DECLARE_FINAL_TYPE (KhClient, kh_client, KH, CLIENT, GObject)
struct _KhClient
{
  GObject parent_instance;

  gint64          id;              /* 0 for a person not yet saved */
  KhIdentityKind  identity_kind;
  char           *identity_code;   /* NULL when identity_kind is BIRTH_DATE */
  KhNoCodeReason  no_code_reason;  /* NONE when there is a code */
  char           *birth_date;      /* ISO; derived from the code when there is one */
  char           *last_name;
  char           *first_names;
  KhLanguage      language;
  char           *other_language;  /* the language's name when language is OTHER */
  gboolean        interpreter;     /* needs an interpreter */
  char           *address;
  char           *postal_code;
  char           *city;
  char           *phone;
  char           *email;
  GDateTime      *created_at;
  GDateTime      *updated_at;

  /* ATL 703/2023 38 § (issue 5, 1.9). */
  gboolean        non_disclosure;  /* turvakielto / spärrmarkering: the address is protected */
  gboolean        address_withheld;/* the store left address, postal_code and city out of
                                      this record (non_disclosure); saving it keeps the
                                      stored ones */
  KhLanguage      mother_tongue;   /* äidinkieli / modersmål; 0 when not recorded */
  char           *other_mother_tongue; /* its name when mother_tongue is OTHER */
  char           *representative_name;    /* legal representative (edunvalvoja / intressebevakare) */
  char           *representative_contact; /* how to reach them: phone, e-mail or office */

  /* Issue 6, 6: the number of the details as read (clients.version, from 1).
   * A save of a person carries the version it started from; the store
   * refuses it (KH_STORE_ERROR_STALE) when someone saved in between. */
  gint64          version;

  /* Issue 7, 2: the current naming of a responsible worker (42 §), read
   * with the person's page (kh_db_get_client); NULL when none is recorded
   * or the record was read otherwise. Saving a person does not touch it. */
  KhResponsibleWorker *responsible_worker;
};

/* Length limits of a person's text fields, in characters (issue 5, 1.13).
 * Decided here; the store refuses longer values (0008-person-records.sql
 * restates them). A 23 KB surname once grew a database from 2.7 MB to 751 MB. */
#define KH_CLIENT_MAX_LAST_NAME               100
#define KH_CLIENT_MAX_FIRST_NAMES             150
#define KH_CLIENT_MAX_OTHER_LANGUAGE           60
#define KH_CLIENT_MAX_ADDRESS                 150
#define KH_CLIENT_MAX_CITY                     80
#define KH_CLIENT_MAX_PHONE                    40
#define KH_CLIENT_MAX_EMAIL                   254
#define KH_CLIENT_MAX_REPRESENTATIVE_NAME     150
#define KH_CLIENT_MAX_REPRESENTATIVE_CONTACT  200

KhClient *kh_client_new        (void);
KhClient *kh_client_copy       (KhClient *self);
/* "Mäkinen, Aino Maria" */
char     *kh_client_dup_display_name (const KhClient *self);
/* Identity code masked as "131052-****" for lists; NULL without a code. */
char     *kh_client_dup_masked_code  (KhClient *self);
/* Checks every text field of the person against its limit and refuses
 * invisible, direction-changing and control characters (kh_text_check_field).
 * Does not change the record; call it on cleaned text (kh_text_clean).
 * `out_field` gets the KhClient field at fault; the message is translated and
 * starts with the field's label ("Last name: …"). */
gboolean  kh_client_check_text       (KhClient    *self,
                                      const char **out_field,
                                      GError     **error);

/* A contact at reception (yhteydenotto / kontakt). */
#define KH_TYPE_CONTACT (kh_contact_get_type ())
G_DECLARE_FINAL_TYPE (KhContact, kh_contact, KH, CONTACT, GObject)
struct _KhContact
{
  GObject parent_instance;

  gint64       id;
  GDateTime   *received_at;        /* when the contact came in */
  KhChannel    channel;
  KhContactor  contactor;
  char        *contactor_detail;   /* which authority, or who else (AUTHORITY, OTHER) */
  char        *contactor_name;     /* a relative's or the legal representative's name */
  char        *contactor_relation; /* a relative's or close person's relation to the person */
  char        *contactor_contact;  /* their phone or other contact details */
  KhReferral   referral;           /* SHL 35 § kind: DIRECTED with SELF, the others with AUTHORITY */
  char        *directed_by;        /* DIRECTED: the authority that directed the person (35 § 1 p) */
  KhKelaKind   kela_kind;          /* a Kela notification's kind; NONE unless the channel is KELA */
  char        *kela_meeting_deadline; /* TTL 14 d §: ISO date of the 7th working day, or NULL */
  guint        needs;              /* KhNeed flags (SHL 11 §) */
  char        *reason_text;        /* free text; NULL if anonymous */
  KhUrgency    urgency;            /* SHL 36 § 1 mom: the recorded answer */
  gint64       urgency_assessed_by; /* user id of who answered it (the saving user) */
  GDateTime   *urgency_assessed_at;
  gboolean     urgent;             /* urgency == URGENT: an urgent need was found */
  char        *urgent_note;
  KhLanguage   language;           /* language the contact was served in */
  gboolean     interpreter;
  KhOutcome    outcome;
  gboolean     opens_case;         /* a case is opened: always for CASE_OPENED, may be for URGENT */
  gint64       service_id;         /* directed to this service (DIRECTED, URGENT, CONSULTED); 0 if none */
  char        *no_assessment_reason; /* SHL 36 § 1 mom: why an assessment is evidently unnecessary */
  char        *outcome_note;
  gboolean     anonymous;          /* no personal data kept */
  gint64       client_id;          /* 0 if anonymous */
  gint64       case_id;            /* the case this contact opened or joined; 0 if none */
  gint64       attached_case_id;   /* 2.3: the pending case it joined instead of opening one */
  gint64       created_by;         /* user id */
  GDateTime   *created_at;

  /* Filled in by list queries, for display only. */
  char        *client_name;        /* "Mäkinen, Aino" or NULL */
  char        *service_name;       /* in the UI language, or NULL */
  char        *created_by_name;
  /* Issue 5, 2.1: marked entered in error (kh-contact-revision.h); it stays
   * in the lists, shown as such. */
  gboolean     entered_in_error;
  /* The person has a non-disclosure marking (ATL 38 §), for display only:
   * the lists say so, and never show the address. */
  gboolean     client_non_disclosure;
};

KhContact *kh_contact_new  (void);
KhContact *kh_contact_copy (KhContact *self);

/* A case that a contact opened (vireille tullut asia / inlett ärende). */
#define KH_TYPE_CASE (kh_case_get_type ())
G_DECLARE_FINAL_TYPE (KhCase, kh_case, KH, CASE, GObject)
struct _KhCase
{
  GObject parent_instance;

  gint64        id;
  gint64        client_id;
  gint64        contact_id;        /* the contact that opened it */
  GDateTime    *opened_at;
  KhCaseStatus  status;
  gint64        assigned_to;       /* user id; 0 while queued */
  guint         deadline_groups;   /* KhDeadlineGroup flags */
  char         *assessment_deadline; /* ISO date, or NULL where the law sets none */
  /* SHL 45 §: decisions implemented by this day at the latest (3 months
   * after the case became pending, 150/1930 3 § and 5 §), ISO date. Every
   * case read from the store has it. */
  char         *implementation_deadline;

  /* For display only. */
  char         *client_name;
  char         *assigned_to_name;
  KhLanguage    client_language;
  gboolean      client_non_disclosure; /* ATL 38 §: the lists say so */
  guint         needs;             /* of the opening contact */
  gboolean      urgent;
  /* Of the opening contact, for the person's page (issue 5, 2.3): who
   * notified, and with what consent (SHL 35 §). */
  KhChannel     channel;
  KhContactor   contactor;
  char         *contactor_detail;  /* which authority, or who; NULL if not recorded */
  KhReferral    referral;
  char         *directed_by;       /* DIRECTED: the authority that directed the person (35 § 1 p) */
  /* The team whose queue the case waits in, or whose worker has it. Every
   * case read from the store has one; 0 in a case to be inserted takes
   * the unit's default team (kh_db_insert_case_bulk). */
  gint64        team_id;
  char         *team_name;         /* for display */
  /* Whether the case's service-need assessment has started (a draft or a
   * finished version exists): the 36 § start date is then met (issue 7,
   * 1; kh_case_due). Read by the caseload (kh_db_list_caseload). */
  gboolean      assessment_started;
  /* Read for the person's page (kh_db_list_client_cases) and the caseload
   * (kh_db_list_caseload): where the
   * case's service-need assessment is, a KhAssessmentStatus (1 a draft,
   * 2 finished), or 0 when none was started or the user may not know
   * (reception). Nothing of its content. */
  int           assessment_status;
  /* Read by the caseload (issue 9, 5): the review date of the case's
   * client plan (its newest version; ISO, NULL: no plan) and how many of
   * its actions are overdue today. */
  char         *plan_review_on;
  int           plan_overdue_actions;
};

KhCase *kh_case_new (void);

/* One of the unit's teams (tiimi / team): a queue of cases and the workers
 * who take them. A team is deactivated, never removed: its cases keep it. */
#define KH_TYPE_TEAM (kh_team_get_type ())
G_DECLARE_FINAL_TYPE (KhTeam, kh_team, KH, TEAM, GObject)
struct _KhTeam
{
  GObject parent_instance;

  gint64    id;
  char     *name;
  gboolean  active;
  guint     n_members;             /* active users in the team (as read) */
};

/* A new, active team without a name. */
KhTeam *kh_team_new  (void);
KhTeam *kh_team_copy (KhTeam *self);
/* The longest name of a team, in characters; the store's CHECK says the same. */
#define KH_TEAM_NAME_MAX 80

/* An entry in the unit's directory of services and agencies. */
#define KH_TYPE_SERVICE (kh_service_get_type ())
G_DECLARE_FINAL_TYPE (KhService, kh_service, KH, SERVICE, GObject)
struct _KhService
{
  GObject parent_instance;

  gint64         id;
  char          *name_fi;
  char          *name_sv;
  KhLifeArea     area;
  KhServiceKind  kind;
  guint          languages;        /* KhServiceLanguages flags; 0 = not recorded */
  char          *other_languages;  /* other languages served, as text ("ru, ar") */
  char          *phone;
  char          *email;
  char          *address;
  char          *url;
  char          *notes;            /* opening hours, how to reach them */
  guint          flags;            /* KhServiceFlags */
  gboolean       active;
};

/* A new, active entry with no life area or kind recorded (OTHER). */
KhService  *kh_service_new  (void);
/* A deep copy (for the store's worker). */
KhService  *kh_service_copy (KhService  *self);
/* The name in the given language ("fi" or "sv"), falling back to the other. */
const char *kh_service_get_name (KhService  *self,
                                 const char *language);

/* A user of Kohtaamo, mapped from an operating-system account. */
#define KH_TYPE_USER (kh_user_get_type ())
G_DECLARE_FINAL_TYPE (KhUser, kh_user, KH, USER, GObject)
struct _KhUser
{
  GObject parent_instance;

  gint64    id;
  char     *account;               /* OS account name */
  char     *display_name;
  KhRole    role;
  gboolean  active;
  gint64    team_id;               /* the team the user works in; 0: none
                                      (reception, the administrator) */
  char     *team_name;             /* for display; NULL without a team */
};

KhUser  *kh_user_new (void);
/* May this user read the access log? (lead social worker and administrator) */
gboolean kh_user_can_read_access_log (KhUser *self);

/* One row of the access log (käyttöloki / användningslogg). */
#define KH_TYPE_ACCESS_ENTRY (kh_access_entry_get_type ())
G_DECLARE_FINAL_TYPE (KhAccessEntry, kh_access_entry, KH, ACCESS_ENTRY, GObject)
struct _KhAccessEntry
{
  GObject parent_instance;

  gint64         id;
  GDateTime     *at;
  gint64         user_id;
  char          *user_name;
  gint64         client_id;
  char          *client_name;
  KhAccessWhat   what;
  KhAccessBasis  basis;
};

KhAccessEntry *kh_access_entry_new (void);

G_END_DECLS
