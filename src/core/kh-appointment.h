/* kh-appointment.h — meetings with clients, and the rules of booking them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 7, 4: a worker books a meeting with a client in person at one of
 * the unit's service points, by phone or by video, in the client's
 * language. The service points are Finnish-language, Swedish-language or
 * bilingual, some by appointment only, each with its opening hours; the
 * unit's closed days apply (kh_calendar_is_open_day). Whether a booking
 * can be made is decided here, once; the store checks the same.
 */
#pragma once

#include <glib.h>

#include "kh-calendar.h"
#include "kh-enums.h"

G_BEGIN_DECLS

/* Stored integers: fixed, only ever appended. */
typedef enum {
  KH_MEETING_IN_PERSON = 1,
  KH_MEETING_PHONE = 2,
  KH_MEETING_VIDEO = 3,
} KhMeetingKind;
#define KH_MEETING_FIRST KH_MEETING_IN_PERSON
#define KH_MEETING_LAST KH_MEETING_VIDEO

/* The languages a service point serves in (flags). */
typedef enum {
  KH_POINT_FINNISH = 1 << 0,
  KH_POINT_SWEDISH = 1 << 1,
} KhPointLanguages;

typedef struct
{
  int weekday;                  /* G_DATE_MONDAY (1) … G_DATE_SUNDAY (7) */
  int opens;                    /* minutes after midnight */
  int closes;
} KhOpeningHours;

typedef struct
{
  gint64   id;
  char    *name;
  char    *address;             /* street address for the invitation, or NULL */
  gboolean active;              /* an inactive point takes no new meetings */
  guint    languages;           /* KhPointLanguages */
  gboolean by_appointment_only; /* no walk-ins; meetings still in its hours */
  GArray  *hours;               /* KhOpeningHours, at most one per weekday */
} KhServicePoint;

/* Stored integers: fixed, only ever appended. A moved meeting keeps its
 * row (its new time in place, who moved it and when); a cancelled one
 * keeps its row with the reason, and is never removed. */
typedef enum {
  KH_APPOINTMENT_BOOKED = 1,
  KH_APPOINTMENT_MOVED = 2,
  KH_APPOINTMENT_CANCELLED = 3,
} KhAppointmentStatus;

typedef struct
{
  gint64        id;
  gint64        client_id;
  gint64        case_id;        /* 0: not about a case */
  gint64        worker_id;
  KhMeetingKind kind;
  gint64        service_point_id; /* in person only */
  GDateTime    *starts;
  int           minutes;
  KhLanguage    language;       /* the meeting's language: the client's */
  gboolean      interpreter;    /* an interpreter is booked (Kielilaki 18 §) */
  gboolean      cancelled;      /* status == KH_APPOINTMENT_CANCELLED */
  char         *cancel_reason;
  char         *note;

  /* As stored (the store fills them in; a new booking leaves them 0). */
  KhAppointmentStatus status;
  gint64        revision;       /* moves and cancels are over the one seen */
  gint64        created_by;
  GDateTime    *created_at;
  gint64        changed_by;     /* who moved or cancelled it last */
  GDateTime    *changed_at;
  /* For showing: the person's name, the worker's, the service point's,
   * and who moved or cancelled it. */
  char         *client_name;
  char         *worker_name;
  char         *point_name;
  char         *changed_by_name;
} KhAppointment;

#define KH_APPOINTMENT_MIN_MINUTES 5
#define KH_APPOINTMENT_MAX_MINUTES 480
#define KH_APPOINTMENT_NOTE_MAX 2000
#define KH_APPOINTMENT_REASON_MAX 500
#define KH_SERVICE_POINT_NAME_MAX 200

KhServicePoint *kh_service_point_new        (const char     *name,
                                             guint           languages,
                                             gboolean        by_appointment_only);
KhServicePoint *kh_service_point_copy       (const KhServicePoint *point);
void            kh_service_point_free       (KhServicePoint *point);
/* The opening hours of a weekday, or NULL when closed that day. */
const KhOpeningHours *kh_service_point_hours_on (const KhServicePoint *point,
                                                 int                   weekday);
/* The week's hours, days with the same hours together:
 * "Mon–Thu 8.00–16.00, Fri 8.00–14.00"; NULL when none are set. */
char           *kh_service_point_describe_hours (const KhServicePoint *point);
/* "Finnish", "Swedish", "Finnish and Swedish" in the UI language. */
const char     *kh_service_point_languages_label (guint languages);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KhServicePoint, kh_service_point_free)
/* Sets a weekday's hours (replacing earlier ones); opens < closes. */
void            kh_service_point_set_hours  (KhServicePoint *point,
                                             int             weekday,
                                             int             opens,
                                             int             closes);
/* Whether the point serves in `language` (other languages: never, an
 * interpreter is booked instead). */
gboolean        kh_service_point_serves     (const KhServicePoint *point,
                                             KhLanguage            language);

KhAppointment  *kh_appointment_new          (void);
KhAppointment  *kh_appointment_copy         (const KhAppointment *appointment);
void            kh_appointment_free         (KhAppointment  *appointment);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KhAppointment, kh_appointment_free)
GDateTime      *kh_appointment_ends         (const KhAppointment *appointment);

typedef enum {
  KH_APPOINTMENT_OK = 0,
  KH_APPOINTMENT_PAST,            /* starts before now */
  KH_APPOINTMENT_DURATION,        /* not 5 min – 8 h */
  KH_APPOINTMENT_CLOSED_DAY,      /* a weekend, holiday, eve or the unit's closed day */
  KH_APPOINTMENT_NO_POINT,        /* in person without a service point */
  KH_APPOINTMENT_POINT_CLOSED,    /* outside the point's opening hours */
  KH_APPOINTMENT_LANGUAGE,        /* the point does not serve in the client's language, and no interpreter */
  KH_APPOINTMENT_OVERLAP,         /* the worker has another meeting then */
  KH_APPOINTMENT_TEXT,            /* the note is too long or has invisible characters */
} KhAppointmentProblem;

/* The first problem of a booking (or a move) of `appointment` at `point`
 * (NULL unless in person), with the worker's other meetings `others`
 * (KhAppointment; the one being moved and cancelled ones are ignored),
 * checked at `now`. `out_message`: a translated message, or NULL. */
KhAppointmentProblem kh_appointment_check   (const KhAppointment  *appointment,
                                             const KhServicePoint *point,
                                             KhCalendar           *calendar,
                                             const GPtrArray      *others,
                                             GDateTime            *now,
                                             char                **out_message);

/* The Monday 00:00 and the next Monday 00:00 (local time) of the week of
 * `day`, for a worker's week. */
void            kh_week_range               (const GDate    *day,
                                             GDateTime     **out_monday,
                                             GDateTime     **out_next_monday);

/* Why a cancellation is refused (a reason is required, 1–500 characters
 * of plain text), as a translated message; NULL when it may be made. */
char           *kh_appointment_check_cancel (const char     *reason);

/* "Ma 7.12. 10.00–11.00" style: the day and the hours, local time. */
char           *kh_appointment_format_when  (const KhAppointment *appointment);

const char     *kh_appointment_status_label (KhAppointmentStatus status);

const char     *kh_meeting_kind_key         (KhMeetingKind   kind);
const char     *kh_meeting_kind_label       (KhMeetingKind   kind);
const char     *kh_meeting_kind_label_in    (KhMeetingKind   kind,
                                             const char     *language);

G_END_DECLS
