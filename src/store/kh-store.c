/* kh-store.c — the asynchronous store: one worker thread owns the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every call becomes a Job on a GAsyncQueue. The worker thread pops jobs in
 * order and runs the matching kh_db_* function on the KhDb that only it
 * touches; the result goes back to the caller's main context, where the
 * GTask completes and is released. Nothing a job carries is shared: inputs
 * are deep copies made before the call returns, results are fresh records.
 *
 * Lifetime: each GTask holds a reference to the store, so the store cannot
 * be disposed while a job is pending; all GTask references are dropped on
 * the caller's context (never on the worker), so that the last reference to
 * the store is never dropped on the worker thread that dispose joins.
 */
#define G_LOG_DOMAIN "kohtaamo-store"

#include "config.h"

#include <errno.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>

#include "store/kh-store.h"

struct _KhStore
{
  GObject parent_instance;

  /* Owned, main thread. */
  char        *path;
  /* As it may be shown: a server's without a password. */
  char        *display_path;
  KhUser      *user;
  KhCalendar  *calendar;
  KhStoreState state;
  GError      *error;          /* why it failed, in FAILED */
  char        *unit_name;
  gboolean     created;        /* the last open made a new database file */
  GThread     *worker;
  GAsyncQueue *jobs;
  /* Written at every job pushed: wakes the worker where it waits on the
   * server's socket as well as for jobs (wait_for_job_or_socket). */
  int          wake_fd;
  GMainContext *context;       /* where "changed" is emitted for other desks' commits */

  /* Owned by the worker thread only. */
  KhDb        *db;
  KhUser      *worker_user;
  gint64       last_poll;      /* monotonic: the last look for other desks' commits */
  gboolean     poll_failed;    /* the last look failed: look at intervals, not on the socket */
  gint64       last_job_done;  /* monotonic: when the worker last finished a job */
  gint64       upkeep_after;   /* monotonic: no upkeep before (see OPENED_QUIET_US) */
  /* Issue 6, 7: the server cannot be reached. The worker connects again
   * at next_reconnect (monotonic), waiting longer after each failure
   * (reconnect_delays); the saves that wait for it are parked (of Job). */
  gboolean     unreachable;
  gint64       next_reconnect;
  guint        reconnect_failures;
  GQueue       parked;

  /* Main thread: the worker's unreachable, as the window shows it. */
  gboolean     available;
};

G_DEFINE_FINAL_TYPE (KhStore, kh_store, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (KhStoreState, kh_store_state,
  G_DEFINE_ENUM_VALUE (KH_STORE_STATE_CLOSED, "closed"),
  G_DEFINE_ENUM_VALUE (KH_STORE_STATE_OPENING, "opening"),
  G_DEFINE_ENUM_VALUE (KH_STORE_STATE_NEEDS_ADMINISTRATOR, "needs-administrator"),
  G_DEFINE_ENUM_VALUE (KH_STORE_STATE_READY, "ready"),
  G_DEFINE_ENUM_VALUE (KH_STORE_STATE_FAILED, "failed"))

enum {
  PROP_0,
  PROP_PATH,
  PROP_STATE,
  PROP_UNIT_NAME,
  PROP_AVAILABLE,
  N_PROPS
};

enum {
  CHANGED,
  CLIENT_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Runs on the worker (worker_main is its only caller), so it may use
 * self->db and self->worker_user. Returns the result (NULL with `error` set
 * on failure; a job without a value returns DONE_TOKEN). */
typedef gpointer (*JobFunc) (KhStore  *self,
                             gpointer  data,
                             GError  **error);
typedef struct _Job Job;
/* Runs on the caller's context when the job is done, before the task
 * returns: for the jobs that change the store's own state. */
typedef void     (*JobApply) (KhStore  *self,
                              Job      *job);

struct _Job
{
  JobFunc         func;        /* NULL: the sentinel that stops the worker */
  JobApply        apply;
  gpointer        data;
  GDestroyNotify  data_free;
  GTask          *task;
  gboolean        writes;      /* emit "changed" after success */
  /* Issue 6, 7: when the server cannot be reached, the job waits for it
   * and runs again (a save with a request id, which cannot save twice). */
  gboolean        retry_when_back;
  GDestroyNotify  result_free;

  /* Filled by the worker. */
  gpointer        result;
  GError         *error;
};

#define DONE_TOKEN GINT_TO_POINTER (1)

static void
job_free (Job *job)
{
  if (job->data_free != NULL && job->data != NULL)
    job->data_free (job->data);
  if (job->result != NULL && job->result != DONE_TOKEN && job->result_free != NULL)
    job->result_free (job->result);
  g_clear_error (&job->error);
  g_clear_object (&job->task);
  g_free (job);
}

/* Gives the worker a job (the sentinel: one with no func) and wakes it. */
static void
push_to_worker (KhStore *self,
                Job     *job)
{
  const guint64 one = 1;

  g_async_queue_push (self->jobs, job);
  if (write (self->wake_fd, &one, sizeof one) < 0 && errno != EAGAIN)
    g_debug ("Could not wake the store's worker: %s", g_strerror (errno));
}

static void
assert_worker (KhStore *self)
{
  g_assert (g_thread_self () == self->worker);
}

/* On the caller's context: complete the task, then tell the views. */
static gboolean
complete_job_cb (gpointer user_data)
{
  Job *job = user_data;
  KhStore *self = g_task_get_source_object (job->task);
  gboolean changed = job->writes && job->error == NULL;

  if (job->apply != NULL)
    job->apply (self, job);
  if (job->error != NULL)
    g_task_return_error (job->task, g_steal_pointer (&job->error));
  else
    {
      GDestroyNotify result_free = job->result == DONE_TOKEN ? NULL : job->result_free;

      g_task_return_pointer (job->task, g_steal_pointer (&job->result), result_free);
    }
  if (changed)
    g_signal_emit (self, signals[CHANGED], 0);
  job_free (job);
  return G_SOURCE_REMOVE;
}

/* Always through a source: g_main_context_invoke() would run the callback
 * right here on the worker when the caller's context happens to be free. */
static void
complete_on (GMainContext *context,
             Job          *job)
{
  GSource *source = g_idle_source_new ();

  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, complete_job_cb, job, NULL);
  g_source_set_static_name (source, "[kohtaamo] store job done");
  g_source_attach (source, context);
  g_source_unref (source);
}

/* How long the worker must have had nothing to do before SQLite's upkeep:
 * longer than the pause between two keys typed into a search. */
#define MAINTENANCE_IDLE_US (250 * G_TIME_SPAN_MILLISECOND)

/* No upkeep in the first seconds after opening. The quiet after the open
 * is not the receptionist's pause: it is the window starting (GTK, the
 * theme, the views: a quarter to half a second), and its first reads came
 * just as the upkeep had begun and waited behind it. On the benchmark's
 * database a first start's upkeep (merging the name index) took 380 ms,
 * and the reception's first frame came that much later. */
#define OPENED_QUIET_US (3 * G_TIME_SPAN_SECOND)

/* How often an open store looks whether another desk has committed
 * (issue 6, 6: a change shows at the other desks within a second). On
 * SQLite a look reads PRAGMA data_version: a few microseconds, no data.
 * A server that notifies is not asked at intervals (next_job). */
#define CHANGE_POLL_US (200 * G_TIME_SPAN_MILLISECOND)

/* Other desks' commits, on their way to the store's main context. */
typedef struct
{
  GWeakRef  store;
  GArray   *client_ids;   /* gint64 */
} Noticed;

static void
noticed_free (gpointer data)
{
  Noticed *noticed = data;

  g_weak_ref_clear (&noticed->store);
  g_clear_pointer (&noticed->client_ids, g_array_unref);
  g_free (noticed);
}

static gboolean
emit_noticed_cb (gpointer user_data)
{
  Noticed *noticed = user_data;
  g_autoptr(KhStore) self = g_weak_ref_get (&noticed->store);

  if (self == NULL || self->state != KH_STORE_STATE_READY)
    return G_SOURCE_REMOVE;
  g_debug ("Another desk changed the database (%u people)",
           noticed->client_ids != NULL ? noticed->client_ids->len : 0);
  g_signal_emit (self, signals[CHANGED], 0);
  for (guint i = 0; noticed->client_ids != NULL && i < noticed->client_ids->len; i++)
    {
      gint64 id = g_array_index (noticed->client_ids, gint64, i);

      /* 0: an anonymous contact, no person's page. */
      if (id > 0)
        g_signal_emit (self, signals[CLIENT_CHANGED], 0, id);
    }
  return G_SOURCE_REMOVE;
}

/* On the worker, between jobs: has anyone else committed? The engine
 * answers (kh_db_poll_change); the views hear it on the store's context. */
static void
poll_changes (KhStore *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  gboolean changed = FALSE;
  Noticed *noticed;
  GSource *source;

  self->last_poll = g_get_monotonic_time ();
  self->poll_failed = !kh_db_poll_change (self->db, &changed, &ids, &error);
  if (self->poll_failed)
    {
      /* A busy or failing database is told by the next job that needs it;
       * the next look, CHANGE_POLL_US later, tries again. */
      g_debug ("Could not look for changes made elsewhere: %s", error->message);
      return;
    }
  /* A commit that changed no person's details, contacts or cases (every
   * read elsewhere commits its access-log rows) changes nothing shown. */
  if (!changed || ids == NULL || ids->len == 0)
    return;
  noticed = g_new0 (Noticed, 1);
  g_weak_ref_init (&noticed->store, self);
  noticed->client_ids = g_steal_pointer (&ids);
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, emit_noticed_cb, noticed, noticed_free);
  g_source_set_static_name (source, "[kohtaamo] changed elsewhere");
  g_source_attach (source, self->context);
  g_source_unref (source);
}

/* Waits at most `wait` µs (G_MAXINT64: no limit) for a job or for the
 * server's socket to be readable (a notification of another desk's
 * commit): a job pushed meanwhile writes wake_fd. Returns the job, if one
 * came. */
static Job *
wait_for_job_or_socket (KhStore *self,
                        int      socket,
                        gint64   wait)
{
  GPollFD fds[2] = { { self->wake_fd, G_IO_IN, 0 }, { socket, G_IO_IN, 0 } };
  int timeout = wait == G_MAXINT64 ? -1 : (int) MIN ((wait + 999) / 1000, G_MAXINT);
  Job *job = g_async_queue_try_pop (self->jobs);

  if (job != NULL)
    return job;
  if (g_poll (fds, G_N_ELEMENTS (fds), timeout) < 0 && errno != EINTR)
    g_debug ("Could not wait for the database server: %s", g_strerror (errno));
  if (fds[0].revents != 0)
    {
      guint64 count;

      if (read (self->wake_fd, &count, sizeof count) < 0 && errno != EAGAIN)
        g_debug ("Could not read the worker's wake-up: %s", g_strerror (errno));
    }
  return g_async_queue_try_pop (self->jobs);
}

/* The socket to wait on for other desks' commits, or -1: look at
 * intervals instead. */
static int
change_socket (KhStore  *self,
               gboolean  watching)
{
  if (!watching || self->poll_failed)
    return -1;
  return kh_db_get_change_socket (self->db);
}

/* ---- issue 6, 7: when the server goes away ---- */

/* Seconds between attempts to connect again: 1, 2, 5, 10, 20, then every
 * 30 until the server answers. */
static const int reconnect_delays[] = { 1, 2, 5, 10, 20, 30 };

typedef struct
{
  GWeakRef  store;
  gboolean  available;
} Availability;

static void
availability_free (gpointer data)
{
  Availability *a = data;

  g_weak_ref_clear (&a->store);
  g_free (a);
}

static gboolean
set_available_cb (gpointer user_data)
{
  Availability *a = user_data;
  g_autoptr(KhStore) self = g_weak_ref_get (&a->store);

  if (self == NULL || self->available == a->available)
    return G_SOURCE_REMOVE;
  g_debug ("The database server is %s", a->available ? "reachable again" : "out of reach");
  self->available = a->available;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AVAILABLE]);
  /* What other desks committed meanwhile was not heard: read again. */
  if (a->available && self->state == KH_STORE_STATE_READY)
    g_signal_emit (self, signals[CHANGED], 0);
  return G_SOURCE_REMOVE;
}

/* On the worker: tells the store's context (after every job completion
 * posted before, as both go through idle sources there). */
static void
post_availability (KhStore  *self,
                   gboolean  available)
{
  Availability *a = g_new0 (Availability, 1);
  GSource *source = g_idle_source_new ();

  g_weak_ref_init (&a->store, self);
  a->available = available;
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, set_available_cb, a, availability_free);
  g_source_set_static_name (source, "[kohtaamo] server availability");
  g_source_attach (source, self->context);
  g_source_unref (source);
}

/* On the worker, when an operation found the connection lost. */
static void
note_unreachable (KhStore *self)
{
  if (self->unreachable)
    return;
  self->unreachable = TRUE;
  self->reconnect_failures = 0;
  self->next_reconnect = g_get_monotonic_time () + reconnect_delays[0] * G_TIME_SPAN_SECOND;
  post_availability (self, FALSE);
}

static void run_parked (KhStore *self);

/* On the worker: one attempt to connect again (kh_db_reconnect, which
 * finds the primary of a multi-host connection string). On success the
 * parked saves run, in the order they came. */
static gboolean
try_reconnect (KhStore *self)
{
  g_autoptr(GError) error = NULL;
  guint step;

  if (self->db == NULL || kh_db_is_connected (self->db))
    {
      if (self->unreachable)
        {
          self->unreachable = FALSE;
          post_availability (self, TRUE);
          run_parked (self);
        }
      return TRUE;
    }
  if (kh_db_reconnect (self->db, &error))
    {
      self->unreachable = FALSE;
      self->reconnect_failures = 0;
      /* Other desks' commits are listened for on the new session. */
      self->poll_failed = FALSE;
      post_availability (self, TRUE);
      run_parked (self);
      return TRUE;
    }
  g_debug ("Could not connect to the database again: %s", error->message);
  if (!self->unreachable)
    note_unreachable (self);
  step = MIN (self->reconnect_failures, G_N_ELEMENTS (reconnect_delays) - 1);
  self->reconnect_failures++;
  self->next_reconnect = g_get_monotonic_time () + reconnect_delays[step] * G_TIME_SPAN_SECOND;
  return FALSE;
}

/* Runs a job's function on the worker; a save that may wait for the
 * server (retry_when_back) is parked when the server cannot be reached.
 * Returns whether the job is done (to be completed). */
static gboolean
run_job (KhStore *self,
         Job     *job)
{
  g_clear_error (&job->error);
  job->result = job->func (self, job->data, &job->error);
  if (job->result == NULL && job->error == NULL)
    g_set_error_literal (&job->error, KH_STORE_ERROR, KH_STORE_ERROR_FAILED,
                         _("The database gave no answer."));
  if (job->error != NULL && self->db != NULL && !kh_db_is_connected (self->db))
    {
      note_unreachable (self);
      if (job->retry_when_back)
        {
          g_queue_push_tail (&self->parked, job);
          return FALSE;
        }
    }
  return TRUE;
}

static void
run_parked (KhStore *self)
{
  guint n = g_queue_get_length (&self->parked);

  /* Each at most once here: one that is parked again waits for the next
   * reconnection. */
  for (guint i = 0; i < n && !self->unreachable; i++)
    {
      Job *job = g_queue_pop_head (&self->parked);

      g_debug ("Saving again what waited for the server");
      if (run_job (self, job))
        complete_on (g_task_get_context (job->task), job);
    }
}

/* On dispose: the parked saves are told that the server was not reached. */
static void
fail_parked (KhStore *self)
{
  Job *job;

  while ((job = g_queue_pop_head (&self->parked)) != NULL)
    complete_on (g_task_get_context (job->task), job);
}

static gpointer
reconnect_now_job (KhStore  *self,
                   gpointer  data,
                   GError  **error)
{
  if (!try_reconnect (self))
    g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_UNAVAILABLE,
                         _("The server cannot be reached."));
  return DONE_TOKEN;
}

/* The next job. Between jobs, and while none comes, the worker looks for
 * other desks' commits once someone is logged in: on a server that
 * notifies (PostgreSQL's LISTEN), after every job and whenever the
 * connection's socket has something to read, which costs no round trip;
 * elsewhere (SQLite) every CHANGE_POLL_US. And
 * when upkeep is due (a checkpoint, merging the name index: see
 * kh_db_set_maintenance_when_idle) it does the upkeep after
 * MAINTENANCE_IDLE_US of quiet. A job that arrives during the upkeep waits
 * (up to some 40 ms), but only after a quarter of a second of quiet, so
 * hardly ever a save or a keystroke. */
static Job *
next_job (KhStore *self)
{
  for (;;)
    {
      gboolean watching;
      gboolean upkeep;
      int socket;
      gint64 now;
      gint64 wait = G_MAXINT64;
      Job *job;

      /* Issue 6, 7: while the server cannot be reached, the worker waits
       * for jobs (which fail at once, or park) and connects again when
       * the time comes. */
      if (self->unreachable && self->db != NULL)
        {
          now = g_get_monotonic_time ();
          if (now >= self->next_reconnect)
            {
              try_reconnect (self);
              continue;
            }
          job = g_async_queue_timeout_pop (self->jobs, MAX (self->next_reconnect - now, 1));
          if (job != NULL)
            return job;
          continue;
        }
      watching = self->db != NULL && self->worker_user != NULL;
      upkeep = self->db != NULL && kh_db_maintenance_is_due (self->db);
      socket = change_socket (self, watching);
      now = g_get_monotonic_time ();

      if (watching && (socket >= 0 || now - self->last_poll >= CHANGE_POLL_US))
        {
          poll_changes (self);
          /* The look is what notices a server gone while nobody works. */
          if (!kh_db_is_connected (self->db))
            {
              note_unreachable (self);
              continue;
            }
          now = g_get_monotonic_time ();
          /* The first look on a server starts listening. */
          socket = change_socket (self, watching);
        }
      if (!watching && !upkeep)
        return g_async_queue_pop (self->jobs);
      if (watching && socket < 0)
        wait = MAX (0, self->last_poll + CHANGE_POLL_US - now);
      if (upkeep)
        wait = MIN (wait, MAX (0, MAX (self->last_job_done + MAINTENANCE_IDLE_US, self->upkeep_after) - now));

      if (socket >= 0)
        job = wait_for_job_or_socket (self, socket, wait);
      else
        job = g_async_queue_timeout_pop (self->jobs, MAX (wait, 1));
      if (job != NULL)
        return job;
      if (upkeep && g_get_monotonic_time () - self->last_job_done >= MAINTENANCE_IDLE_US
          && g_get_monotonic_time () >= self->upkeep_after)
        {
          g_autoptr(GError) error = NULL;

          /* Nothing is lost if it fails: the log keeps every transaction,
           * the index stays correct, and the next quiet moment tries again. */
          if (!kh_db_maintain (self->db, &error))
            g_debug ("Upkeep of the database failed: %s", error->message);
          self->last_job_done = g_get_monotonic_time ();
        }
    }
}

static gpointer
worker_main (gpointer user_data)
{
  KhStore *self = user_data;   /* borrowed: dispose joins before it goes */
  Job *job;

  while ((job = next_job (self)) != NULL)
    {
      GMainContext *context;

      if (job->func == NULL)
        {
          fail_parked (self);
          job_free (job);
          break;
        }

      context = g_task_get_context (job->task);
      if (!g_cancellable_set_error_if_cancelled (g_task_get_cancellable (job->task), &job->error))
        {
          gpointer tag = g_task_get_source_tag (job->task);

          /* Nothing but opening runs before someone is logged in. */
          if ((self->db == NULL || self->worker_user == NULL)
              && tag != kh_store_open_async && tag != kh_store_claim_administration_async)
            g_set_error_literal (&job->error, KH_STORE_ERROR, KH_STORE_ERROR_FAILED,
                                 _("The database is not open."));
          else
            {
              /* The next call after the connection was lost connects
               * again, when its time has come (reconnect_delays). */
              if (self->unreachable && g_get_monotonic_time () >= self->next_reconnect)
                try_reconnect (self);
              if (!run_job (self, job))
                continue;
            }
        }
      self->last_job_done = g_get_monotonic_time ();
      complete_on (context, job);
    }

  /* The connection lives and dies on this thread. */
  g_clear_pointer (&self->db, kh_db_close);
  g_clear_object (&self->worker_user);
  return NULL;
}

static void
push_job_full (KhStore             *self,
               gpointer             source_tag,
               JobFunc              func,
               JobApply             apply,
               gpointer             data,
               GDestroyNotify       data_free,
               GDestroyNotify       result_free,
               gboolean             writes,
               gboolean             retry_when_back,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  Job *job = g_new0 (Job, 1);

  job->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (job->task, source_tag);
  /* A write that ran is reported as it went, even if the caller has given
   * up waiting: "cancelled" must never hide a saved record. */
  if (writes)
    g_task_set_check_cancellable (job->task, FALSE);
  job->func = func;
  job->apply = apply;
  job->data = data;
  job->data_free = data_free;
  job->result_free = result_free;
  job->writes = writes;
  job->retry_when_back = retry_when_back;
  push_to_worker (self, job);
}

static void
push_job (KhStore             *self,
          gpointer             source_tag,
          JobFunc              func,
          gpointer             data,
          GDestroyNotify       data_free,
          GDestroyNotify       result_free,
          gboolean             writes,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data)
{
  push_job_full (self, source_tag, func, NULL, data, data_free, result_free, writes, FALSE,
                 cancellable, callback, user_data);
}

/* The scalar and string arguments of a call, copied for the worker. */
typedef struct
{
  char   *text;
  char   *text2;
  char   *text3;
  gint64  id;
  gint64  id2;
  guint   number;
  int     what;
  int     basis;
} Args;

static Args *
args_new (const char *text,
          gint64      id,
          guint       number)
{
  Args *args = g_new0 (Args, 1);

  args->text = g_strdup (text);
  args->id = id;
  args->number = number;
  return args;
}

static void
args_free (gpointer data)
{
  Args *args = data;

  g_free (args->text);
  g_free (args->text2);
  g_free (args->text3);
  g_free (args);
}

/* A read: its arguments (NULL for none) are an Args, freed with the job. */
static void
push_args_job (KhStore             *self,
               gpointer             source_tag,
               JobFunc              func,
               Args                *args,
               GDestroyNotify       result_free,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  push_job (self, source_tag, func, args, args_free, result_free, FALSE,
            cancellable, callback, user_data);
}

/* Every _finish: the job's result, owned by the caller (NULL with `error`
 * set on failure; DONE_TOKEN for a job without a value). */
static gpointer
finish_pointer (KhStore       *self,
                GAsyncResult  *result,
                gpointer       source_tag,
                GError       **error)
{
  g_return_val_if_fail (KH_IS_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
ptr_array_unref (gpointer array)
{
  g_ptr_array_unref (array);
}

/* ---- GObject ---- */

static void
kh_store_dispose (GObject *object)
{
  KhStore *self = KH_STORE (object);

  if (self->worker != NULL)
    {
      /* Tasks hold references: no job is pending by now but the sentinel. */
      g_assert (g_thread_self () != self->worker);
      push_to_worker (self, g_new0 (Job, 1));
      g_thread_join (g_steal_pointer (&self->worker));
    }
  g_clear_object (&self->user);
  g_clear_pointer (&self->calendar, kh_calendar_unref);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (kh_store_parent_class)->dispose (object);
}

static void
kh_store_finalize (GObject *object)
{
  KhStore *self = KH_STORE (object);

  g_clear_pointer (&self->jobs, g_async_queue_unref);
  if (self->wake_fd >= 0)
    close (self->wake_fd);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_free (self->path);
  g_free (self->display_path);
  g_free (self->unit_name);

  G_OBJECT_CLASS (kh_store_parent_class)->finalize (object);
}

static void
kh_store_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  KhStore *self = KH_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_UNIT_NAME:
      g_value_set_string (value, self->unit_name);
      break;
    case PROP_AVAILABLE:
      g_value_set_boolean (value, self->available);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_store_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  KhStore *self = KH_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_free (self->path);
      self->path = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kh_store_constructed (GObject *object)
{
  KhStore *self = KH_STORE (object);

  G_OBJECT_CLASS (kh_store_parent_class)->constructed (object);

  if (self->path == NULL)
    self->path = kh_store_default_path ();
  self->context = g_main_context_ref_thread_default ();
  self->display_path = kh_db_location_is_server (self->path)
                       ? kh_db_pg_display_location (self->path) : g_strdup (self->path);
  self->worker = g_thread_new ("kh-store", worker_main, self);
}

static void
kh_store_class_init (KhStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = kh_store_constructed;
  object_class->dispose = kh_store_dispose;
  object_class->finalize = kh_store_finalize;
  object_class->get_property = kh_store_get_property;
  object_class->set_property = kh_store_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * KhStore:state:
   *
   * Where opening the database is: the window shows a spinner, its views,
   * the first-start question or why it failed, by this alone (issue 5, 3.4).
   */
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, KH_TYPE_STORE_STATE, KH_STORE_STATE_CLOSED,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * KhStore:unit-name:
   *
   * The unit's name (kh_store_get_unit_name): read at open, and changed by
   * kh_store_set_setting_finish() when the Preferences window renames it.
   */
  properties[PROP_UNIT_NAME] =
    g_param_spec_string ("unit-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * KhStore:available:
   *
   * Issue 6, 7: whether the database server can be reached. FALSE from
   * the moment an operation (or the worker's look for other desks'
   * changes) finds the connection lost; the worker then connects again
   * after 1, 2, 5, 10, 20 and then every 30 seconds (or at once with
   * kh_store_reconnect_now), and the saves with a request id that failed
   * meanwhile wait and are saved then. Always TRUE on a file.
   */
  properties[PROP_AVAILABLE] =
    g_param_spec_boolean ("available", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KhStore::changed:
   *
   * Emitted on the caller's main context after a successful write (a person
   * saved, an intake saved or undone), and on the context the store was
   * made on when another desk's commit is noticed (issue 6, 6: within
   * CHANGE_POLL_US of it on SQLite; on PostgreSQL as soon as the server's
   * notification comes, or the job running then is done), so that views
   * can refresh.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * KhStore::client-changed:
   * @client_id: the person
   *
   * Emitted after "changed" for each person whose details, contacts or
   * cases another desk's commit changed (it may also name people this
   * store's own writes changed in the meantime): an open page of the person
   * reads them again. Only the id is read: nothing is logged.
   */
  signals[CLIENT_CHANGED] = g_signal_new ("client-changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
kh_store_init (KhStore *self)
{
  self->jobs = g_async_queue_new ();
  self->available = TRUE;
  g_queue_init (&self->parked);
  self->wake_fd = eventfd (0, EFD_CLOEXEC | EFD_NONBLOCK);
  if (self->wake_fd < 0)
    g_error ("Could not make the store's worker a wake-up: %s", g_strerror (errno));
}

/* ---- public API ---- */

/* The database a unit's IT set for every account (GSettings key
 * "database", e.g. in /etc/dconf/db/local.d/), or NULL. */
static char *
settings_database (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *value = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "database"))
    return NULL;
  settings = g_settings_new_full (schema, NULL, NULL);
  value = g_settings_get_string (settings, "database");
  return value != NULL && *value != '\0' ? g_steal_pointer (&value) : NULL;
}

/**
 * kh_store_default_path:
 *
 * The database when none is named on the command line (DESIGN.md, "Two
 * engines, one store": a path is a SQLite file, a postgresql:// URL, a
 * libpq connection string or service=NAME a server).
 *
 * Returns: (transfer full): $KOHTAAMO_DATABASE if set, else the GSettings
 *   key "database" if set, else $XDG_DATA_HOME/kohtaamo/kohtaamo.db.
 */
char *
kh_store_default_path (void)
{
  const char *env = g_getenv ("KOHTAAMO_DATABASE");
  char *configured;

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  configured = settings_database ();
  if (configured != NULL)
    return configured;
  return g_build_filename (g_get_user_data_dir (), "kohtaamo", "kohtaamo.db", NULL);
}

KhStore *
kh_store_new (const char *path)
{
  return g_object_new (KH_TYPE_STORE, "path", path, NULL);
}

const char *
kh_store_get_path (KhStore *self)
{
  g_return_val_if_fail (KH_IS_STORE (self), NULL);

  return self->path;
}

/**
 * kh_store_get_display_path:
 *
 * The database as the window may name it: the file, or the server, its
 * database and login (never a password).
 */
const char *
kh_store_get_display_path (KhStore *self)
{
  g_return_val_if_fail (KH_IS_STORE (self), NULL);

  return self->display_path;
}

KhUser *
kh_store_get_user (KhStore *self)
{
  g_return_val_if_fail (KH_IS_STORE (self), NULL);

  return self->user;
}

KhCalendar *
kh_store_get_calendar (KhStore *self)
{
  g_return_val_if_fail (KH_IS_STORE (self), NULL);

  return self->calendar;
}

/* ---- open ---- */

typedef struct
{
  KhUser     *user;
  KhCalendar *calendar;
  char       *unit_name;
  gboolean    created;
  gboolean    needs_administrator;
} OpenResult;

static void
open_result_free (gpointer data)
{
  OpenResult *result = data;

  g_clear_object (&result->user);
  g_clear_pointer (&result->calendar, kh_calendar_unref);
  g_free (result->unit_name);
  g_free (result);
}

static void
set_state (KhStore      *self,
           KhStoreState  state)
{
  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

/* After the login, on the worker: what the window needs to show. */
static gpointer
finish_login (KhStore  *self,
              KhDb     *db,
              KhUser   *user,
              gboolean  created,
              GError  **error)
{
  OpenResult *result = g_new0 (OpenResult, 1);
  GError *local_error = NULL;

  result->created = created;
  result->calendar = kh_db_load_calendar (db, error);
  if (result->calendar == NULL)
    {
      open_result_free (result);
      return NULL;
    }
  result->unit_name = kh_db_get_setting (db, KH_SETTING_UNIT_NAME, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      open_result_free (result);
      return NULL;
    }
  /* The worker's own copy: records are never shared between threads. */
  result->user = kh_user_new ();
  result->user->id = user->id;
  result->user->account = g_strdup (user->account);
  result->user->display_name = g_strdup (user->display_name);
  result->user->role = user->role;
  result->user->active = user->active;
  result->user->team_id = user->team_id;
  result->user->team_name = g_strdup (user->team_name);
  g_set_object (&self->worker_user, user);
  return result;
}

/* Who logs in: on a server the login role the connection was made as
 * (users.account is that role), on a file the operating system's account. */
static const char *
login_account (KhDb *db)
{
  const char *login = kh_db_get_login (db);

  return login != NULL ? login : g_get_user_name ();
}

static gpointer
open_job (KhStore  *self,
          gpointer  data,
          GError  **error)
{
  g_autoptr(KhDb) db = NULL;
  g_autoptr(KhUser) user = NULL;
  GError *local_error = NULL;
  gboolean created;
  gpointer result;

  assert_worker (self);

  created = !kh_db_location_is_server (self->path) && !g_file_test (self->path, G_FILE_TEST_EXISTS);
  db = kh_db_open (self->path, error);
  if (db == NULL)
    return NULL;
  /* The worker does SQLite's upkeep while it waits (see next_job), never
   * in the commit of a save the receptionist is waiting for. */
  if (!kh_db_set_maintenance_when_idle (db, error))
    return NULL;
  g_clear_object (&self->worker_user);
  /* Nobody is made an administrator here: the window asks first. */
  user = kh_db_login_full (db, login_account (db), g_get_real_name (), FALSE, &local_error);
  if (g_error_matches (local_error, KH_STORE_ERROR, KH_STORE_ERROR_NO_ADMINISTRATOR))
    {
      OpenResult *waiting = g_new0 (OpenResult, 1);

      g_clear_error (&local_error);
      waiting->created = created;
      waiting->needs_administrator = TRUE;
      g_clear_pointer (&self->db, kh_db_close);
      self->db = g_steal_pointer (&db);
      return waiting;
    }
  if (user == NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  result = finish_login (self, db, user, created, error);
  if (result != NULL)
    {
      self->upkeep_after = g_get_monotonic_time () + OPENED_QUIET_US;
      g_clear_pointer (&self->db, kh_db_close);
      self->db = g_steal_pointer (&db);
    }
  return result;
}

/* On the caller's context: the store's state follows the answer. */
static void
apply_open (KhStore *self,
            Job     *job)
{
  OpenResult *opened = job->result;

  g_clear_error (&self->error);
  if (job->error != NULL)
    {
      /* A cancelled open tells nothing about the database. */
      if (g_error_matches (job->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          set_state (self, KH_STORE_STATE_CLOSED);
          return;
        }
      self->error = g_error_copy (job->error);
      set_state (self, KH_STORE_STATE_FAILED);
      return;
    }

  self->created = self->created || opened->created;
  if (opened->needs_administrator)
    {
      set_state (self, KH_STORE_STATE_NEEDS_ADMINISTRATOR);
      return;
    }
  g_set_object (&self->user, opened->user);
  g_clear_pointer (&self->calendar, kh_calendar_unref);
  self->calendar = kh_calendar_ref (opened->calendar);
  g_free (self->unit_name);
  self->unit_name = g_strdup (opened->unit_name);
  set_state (self, KH_STORE_STATE_READY);
}

static void
push_open (KhStore             *self,
           gpointer             source_tag,
           JobFunc              func,
           GCancellable        *cancellable,
           GAsyncReadyCallback  callback,
           gpointer             user_data)
{
  set_state (self, KH_STORE_STATE_OPENING);
  push_job_full (self, source_tag, func, apply_open, NULL, NULL, open_result_free, FALSE, FALSE,
                 cancellable, callback, user_data);
}

/* What every open's and claim's finish returns: the user, or why not. */
static KhUser *
finish_open (KhStore       *self,
             GAsyncResult  *result,
             gpointer       source_tag,
             GError       **error)
{
  OpenResult *opened = finish_pointer (self, result, source_tag, error);
  gboolean needs_administrator;

  if (opened == NULL)
    return NULL;
  needs_administrator = opened->needs_administrator;
  open_result_free (opened);
  if (needs_administrator)
    {
      g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_NO_ADMINISTRATOR,
                           _("Nobody administers this database yet."));
      return NULL;
    }
  return g_object_ref (self->user);
}

/**
 * kh_store_open_async:
 *
 * Opens and migrates the database and logs the OS account in. The store's
 * #KhStore:state follows: OPENING at once, then READY, FAILED or, on a
 * database without users, NEEDS_ADMINISTRATOR (the finish then gives
 * NO_ADMINISTRATOR): nobody becomes its administrator without
 * kh_store_claim_administration_async().
 */
void
kh_store_open_async (KhStore             *self,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_return_if_fail (KH_IS_STORE (self));

  push_open (self, kh_store_open_async, open_job, cancellable, callback, user_data);
}

/**
 * kh_store_open_finish:
 *
 * Returns: (transfer full): the logged-in user (also kh_store_get_user()).
 */
KhUser *
kh_store_open_finish (KhStore       *self,
                      GAsyncResult  *result,
                      GError       **error)
{
  return finish_open (self, result, kh_store_open_async, error);
}

/**
 * kh_store_open:
 *
 * Starts opening, for whoever watches #KhStore:state (the window): the
 * answer is the state. Does nothing unless the store is CLOSED.
 */
void
kh_store_open (KhStore *self)
{
  g_return_if_fail (KH_IS_STORE (self));

  if (self->state != KH_STORE_STATE_CLOSED)
    return;
  kh_store_open_async (self, NULL, NULL, NULL);
}

static gpointer
claim_job (KhStore  *self,
           gpointer  data,
           GError  **error)
{
  g_autoptr(KhUser) user = NULL;

  assert_worker (self);

  if (self->db == NULL)
    {
      g_set_error_literal (error, KH_STORE_ERROR, KH_STORE_ERROR_FAILED, _("The database is not open."));
      return NULL;
    }
  /* If someone else became the administrator meanwhile, this is an
   * ordinary login, which may well be refused. */
  user = kh_db_login_full (self->db, login_account (self->db), g_get_real_name (), TRUE, error);
  if (user == NULL)
    return NULL;
  return finish_login (self, self->db, user, FALSE, error);
}

/**
 * kh_store_claim_administration_async:
 *
 * The answer "yes" to the first-start question: on a database without
 * users (state NEEDS_ADMINISTRATOR), makes the OS account its first
 * administrator and logs it in; the state becomes READY (or FAILED).
 */
void
kh_store_claim_administration_async (KhStore             *self,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (KH_IS_STORE (self));
  g_return_if_fail (self->state == KH_STORE_STATE_NEEDS_ADMINISTRATOR);

  push_open (self, kh_store_claim_administration_async, claim_job, cancellable, callback, user_data);
}

KhUser *
kh_store_claim_administration_finish (KhStore       *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return finish_open (self, result, kh_store_claim_administration_async, error);
}

KhStoreState
kh_store_get_state (KhStore *self)
{
  g_return_val_if_fail (KH_IS_STORE (self), KH_STORE_STATE_CLOSED);

  return self->state;
}

/* Why the store failed to open (state FAILED), else NULL. */
const GError *
kh_store_get_error (KhStore *self)
{
  g_return_val_if_fail (KH_IS_STORE (self), NULL);

  return self->error;
}

/* TRUE when this store created the database file it opened. */
gboolean
kh_store_get_created (KhStore *self)
{
  g_return_val_if_fail (KH_IS_STORE (self), FALSE);

  return self->created;
}

/* The unit's name (setting "unit_name") once READY, or NULL when unset. */
/**
 * kh_store_get_available:
 *
 * Issue 6, 7: whether the database server can be reached (KhStore:available).
 */
gboolean
kh_store_get_available (KhStore *self)
{
  g_return_val_if_fail (KH_IS_STORE (self), TRUE);

  return self->available;
}

/**
 * kh_store_reconnect_now:
 *
 * Issue 6, 7: connects to the server again now rather than at the next
 * planned attempt (the user pressed save again). The saves waiting for the
 * server are saved if it answers; KhStore:available tells.
 */
void
kh_store_reconnect_now (KhStore *self)
{
  g_return_if_fail (KH_IS_STORE (self));

  push_job (self, kh_store_reconnect_now, reconnect_now_job, NULL, NULL, NULL, FALSE,
            NULL, NULL, NULL);
}

/**
 * kh_store_reconnect_async:
 *
 * Issue 6, 7: as kh_store_reconnect_now, telling when the attempt is over
 * ("Try Now" in the window shows that it is trying). The finish is TRUE
 * when the server answers (or never went away), else FALSE with
 * KH_STORE_ERROR_UNAVAILABLE (or PERMISSION); KhStore:available follows
 * either way.
 */
void
kh_store_reconnect_async (KhStore             *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_return_if_fail (KH_IS_STORE (self));

  push_job (self, kh_store_reconnect_async, reconnect_now_job, NULL, NULL, NULL, FALSE,
            cancellable, callback, user_data);
}

gboolean
kh_store_reconnect_finish (KhStore       *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  return finish_pointer (self, result, kh_store_reconnect_async, error) != NULL;
}

const char *
kh_store_get_unit_name (KhStore *self)
{
  g_return_val_if_fail (KH_IS_STORE (self), NULL);

  return self->unit_name;
}

/* ---- search and reading people ---- */

static gpointer
search_full_job (KhStore  *self,
                 gpointer  data,
                 GError  **error)
{
  Args *args = data;

  return kh_db_search_clients_full (self->db, self->worker_user, args->text, args->number, error);
}

void
kh_store_search_clients_full_async (KhStore             *self,
                                    const char          *query,
                                    guint                limit,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (KH_IS_STORE (self));

  push_args_job (self, kh_store_search_clients_full_async, search_full_job,
                 args_new (query, 0, limit), (GDestroyNotify) kh_client_search_free,
                 cancellable, callback, user_data);
}

/**
 * kh_store_search_clients_full_finish:
 *
 * Returns: (transfer full):
 */
KhClientSearch *
kh_store_search_clients_full_finish (KhStore       *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return finish_pointer (self, result, kh_store_search_clients_full_async, error);
}

static gpointer
search_job (KhStore  *self,
            gpointer  data,
            GError  **error)
{
  Args *args = data;

  return kh_db_search_clients (self->db, self->worker_user, args->text, args->number, error);
}

void
kh_store_search_clients_async (KhStore             *self,
                               const char          *query,
                               guint                limit,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (KH_IS_STORE (self));

  push_args_job (self, kh_store_search_clients_async, search_job, args_new (query, 0, limit),
                 ptr_array_unref, cancellable, callback, user_data);
}

/**
 * kh_store_search_clients_finish:
 *
 * Returns: (transfer full) (element-type KhClient):
 */
GPtrArray *
kh_store_search_clients_finish (KhStore       *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return finish_pointer (self, result, kh_store_search_clients_async, error);
}

static gpointer
get_client_job (KhStore  *self,
                gpointer  data,
                GError  **error)
{
  Args *args = data;

  return kh_db_get_client (self->db, self->worker_user, args->id, args->what, args->basis, error);
}

void
kh_store_get_client_async (KhStore             *self,
                           gint64               client_id,
                           KhAccessWhat         what,
                           KhAccessBasis        basis,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  Args *args;

  g_return_if_fail (KH_IS_STORE (self));

  args = args_new (NULL, client_id, 0);
  args->what = what;
  args->basis = basis;
  push_args_job (self, kh_store_get_client_async, get_client_job, args,
                 g_object_unref, cancellable, callback, user_data);
}

/**
 * kh_store_get_client_finish:
 *
 * Returns: (transfer full):
 */
KhClient *
kh_store_get_client_finish (KhStore       *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  return finish_pointer (self, result, kh_store_get_client_async, error);
}

static gpointer
read_person_page_job (KhStore  *self,
                      gpointer  data,
                      GError  **error)
{
  Args *args = data;

  return kh_db_read_person_page (self->db, self->worker_user, args->id, args->basis,
                                 (KhPersonPageParts) args->number, error);
}

void
kh_store_read_person_page_async (KhStore             *self,
                                 gint64               client_id,
                                 KhAccessBasis        basis,
                                 KhPersonPageParts    parts,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  Args *args;

  g_return_if_fail (KH_IS_STORE (self));

  args = args_new (NULL, client_id, parts);
  args->basis = basis;
  push_args_job (self, kh_store_read_person_page_async, read_person_page_job, args,
                 (GDestroyNotify) kh_person_page_read_free, cancellable, callback, user_data);
}

/**
 * kh_store_read_person_page_finish:
 *
 * Returns: (transfer full): what the page shows, each part with its own
 *   error; NULL with `error` set when the person could not be read.
 */
KhPersonPageRead *
kh_store_read_person_page_finish (KhStore       *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return finish_pointer (self, result, kh_store_read_person_page_async, error);
}

static gpointer
find_similar_job (KhStore  *self,
                  gpointer  data,
                  GError  **error)
{
  Args *args = data;

  return kh_db_find_similar_clients (self->db, self->worker_user, args->text, args->text2,
                                     args->text3, args->id, error);
}

void
kh_store_find_similar_clients_async (KhStore             *self,
                                     const char          *last_name,
                                     const char          *first_names,
                                     const char          *birth_date,
                                     gint64               except_id,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  Args *args;

  g_return_if_fail (KH_IS_STORE (self));

  args = args_new (last_name, except_id, 0);
  args->text2 = g_strdup (first_names);
  args->text3 = g_strdup (birth_date);
  push_args_job (self, kh_store_find_similar_clients_async, find_similar_job, args,
                 ptr_array_unref, cancellable, callback, user_data);
}

/**
 * kh_store_find_similar_clients_finish:
 *
 * Returns: (transfer full) (element-type KhClient):
 */
GPtrArray *
kh_store_find_similar_clients_finish (KhStore       *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return finish_pointer (self, result, kh_store_find_similar_clients_async, error);
}

/* ---- writing people ---- */

static gpointer
save_client_job (KhStore  *self,
                 gpointer  data,
                 GError  **error)
{
  gint64 id = kh_db_save_client (self->db, self->worker_user, data, error);

  return id > 0 ? g_memdup2 (&id, sizeof id) : NULL;
}

void
kh_store_save_client_async (KhStore             *self,
                            KhClient            *client,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (KH_IS_STORE (self));
  g_return_if_fail (KH_IS_CLIENT (client));

  push_job (self, kh_store_save_client_async, save_client_job, kh_client_copy (client),
            g_object_unref, g_free, TRUE, cancellable, callback, user_data);
}

/**
 * kh_store_save_client_finish:
 *
 * Returns: the person's id, or 0 with @error set.
 */
gint64
kh_store_save_client_finish (KhStore       *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_autofree gint64 *id = finish_pointer (self, result, kh_store_save_client_async, error);

  return id != NULL ? *id : 0;
}

static gpointer
list_client_contacts_job (KhStore  *self,
                          gpointer  data,
                          GError  **error)
{
  Args *args = data;

  return kh_db_list_client_contacts (self->db, self->worker_user, args->id, error);
}

void
kh_store_list_client_contacts_async (KhStore             *self,
                                     gint64               client_id,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (KH_IS_STORE (self));

  push_args_job (self, kh_store_list_client_contacts_async, list_client_contacts_job,
                 args_new (NULL, client_id, 0), ptr_array_unref, cancellable, callback, user_data);
}

/**
 * kh_store_list_client_contacts_finish:
 *
 * Returns: (transfer full) (element-type KhContact):
 */
GPtrArray *
kh_store_list_client_contacts_finish (KhStore       *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return finish_pointer (self, result, kh_store_list_client_contacts_async, error);
}

static gpointer
list_client_cases_job (KhStore  *self,
                       gpointer  data,
                       GError  **error)
{
  Args *args = data;

  return kh_db_list_client_cases (self->db, self->worker_user, args->id, error);
}

void
kh_store_list_client_cases_async (KhStore             *self,
                                  gint64               client_id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (KH_IS_STORE (self));

  push_args_job (self, kh_store_list_client_cases_async, list_client_cases_job,
                 args_new (NULL, client_id, 0), ptr_array_unref, cancellable, callback, user_data);
}

/**
 * kh_store_list_client_cases_finish:
 *
 * Returns: (transfer full) (element-type KhCase):
 */
GPtrArray *
kh_store_list_client_cases_finish (KhStore       *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return finish_pointer (self, result, kh_store_list_client_cases_async, error);
}

/* ---- the person's timeline and case notes (issue 7, 2) ---- */

static gpointer
list_client_timeline_job (KhStore  *self,
                          gpointer  data,
                          GError  **error)
{
  Args *args = data;

  return kh_db_list_client_timeline (self->db, self->worker_user, args->id, args->number, error);
}

void
kh_store_list_client_timeline_async (KhStore             *self,
                                     gint64               client_id,
                                     guint                limit,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (KH_IS_STORE (self));

  push_args_job (self, kh_store_list_client_timeline_async, list_client_timeline_job,
                 args_new (NULL, client_id, limit), ptr_array_unref, cancellable, callback, user_data);
}

/**
 * kh_store_list_client_timeline_finish:
 *
 * Returns: (transfer full) (element-type KhTimelineEntry):
 */
GPtrArray *
kh_store_list_client_timeline_finish (KhStore       *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return finish_pointer (self, result, kh_store_list_client_timeline_async, error);
}

static gpointer
add_case_note_job (KhStore  *self,
                   gpointer  data,
                   GError  **error)
{
  Args *args = data;

  return kh_db_add_case_note (self->db, self->worker_user, args->id, args->text, args->id2, error);
}

void
kh_store_add_case_note_async (KhStore             *self,
                              gint64               case_id,
                              const char          *text,
                              gint64               corrects_id,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  Args *args;

  g_return_if_fail (KH_IS_STORE (self));
  g_return_if_fail (corrects_id >= 0);

  args = args_new (text, case_id, 0);
  args->id2 = corrects_id;
  /* Not a "changed": no list of cases or contacts shows notes. */
  push_job (self, kh_store_add_case_note_async, add_case_note_job, args, args_free,
            g_object_unref, FALSE, cancellable, callback, user_data);
}

/**
 * kh_store_add_case_note_finish:
 *
 * Returns: (transfer full): the note as stored
 */
KhTimelineEntry *
kh_store_add_case_note_finish (KhStore       *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  return finish_pointer (self, result, kh_store_add_case_note_async, error);
}

/* ---- the attempts to reach a person (issue 8, 3) ---- */

static gpointer
record_contact_attempt_job (KhStore  *self,
                            gpointer  data,
                            GError  **error)
{
  return kh_db_record_contact_attempt (self->db, self->worker_user, data, error);
}

void
kh_store_record_contact_attempt_async (KhStore             *self,
                                       KhContactAttempt    *attempt,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_return_if_fail (KH_IS_STORE (self));
  g_return_if_fail (KH_IS_CONTACT_ATTEMPT (attempt));

  /* Not a "changed": no list shows attempts (the timeline is read again
   * by the page that recorded). */
  push_job (self, kh_store_record_contact_attempt_async, record_contact_attempt_job,
            kh_contact_attempt_copy (attempt), g_object_unref, g_object_unref, FALSE,
            cancellable, callback, user_data);
}

/**
 * kh_store_record_contact_attempt_finish:
 *
 * Returns: (transfer full): the attempt as stored
 */
KhContactAttempt *
kh_store_record_contact_attempt_finish (KhStore       *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  return finish_pointer (self, result, kh_store_record_contact_attempt_async, error);
}

static gpointer
list_contact_attempts_job (KhStore  *self,
                           gpointer  data,
                           GError  **error)
{
  Args *args = data;

  return kh_db_list_contact_attempts (self->db, self->worker_user, args->id, error);
}

void
kh_store_list_contact_attempts_async (KhStore             *self,
                                      gint64               client_id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (KH_IS_STORE (self));

  push_args_job (self, kh_store_list_contact_attempts_async, list_contact_attempts_job,
                 args_new (NULL, client_id, 0), ptr_array_unref, cancellable, callback, user_data);
}

/**
 * kh_store_list_contact_attempts_finish:
 *
 * Returns: (transfer full) (element-type KhContactAttempt):
 */
GPtrArray *
kh_store_list_contact_attempts_finish (KhStore       *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return finish_pointer (self, result, kh_store_list_contact_attempts_async, error);
}

/* ---- the client's network (issue 9, 1) ---- */

typedef enum {
  NETWORK_LIST,
  NETWORK_HISTORY,
  NETWORK_ADD,
  NETWORK_SAVE,
  NETWORK_REMOVE,
  NETWORK_CONSENT,
  NETWORK_WITHDRAW,
  NETWORK_TAKE,
  NETWORK_VERSIONS,
  NETWORK_VERSION,
} NetworkOp;

/* One call of kh-db-network.c, its arguments copied for the worker. */
typedef struct
{
  NetworkOp         op;
  gint64            client_id;
  gint64            id;          /* the entry (history), the version */
  gboolean          flag;        /* with the removed entries */
  char             *text;        /* a version's label */
  KhNetworkMember  *member;
  KhNetworkConsent *consent;
  GDate             day;         /* a withdrawal's */
} NetworkArgs;

static NetworkArgs *
network_args_new (NetworkOp op,
                  gint64    client_id)
{
  NetworkArgs *args = g_new0 (NetworkArgs, 1);

  args->op = op;
  args->client_id = client_id;
  g_date_clear (&args->day, 1);
  return args;
}

static void
network_args_free (gpointer data)
{
  NetworkArgs *args = data;

  g_free (args->text);
  g_clear_object (&args->member);
  g_clear_object (&args->consent);
  g_free (args);
}

static gpointer
network_job (KhStore  *self,
             gpointer  data,
             GError  **error)
{
  NetworkArgs *a = data;
  KhDb *db = self->db;
  KhUser *user = self->worker_user;

  switch (a->op)
    {
    case NETWORK_LIST:     return kh_db_list_network (db, user, a->client_id, a->flag, error);
    case NETWORK_HISTORY:  return kh_db_list_network_member_history (db, user, a->client_id, a->id, error);
    case NETWORK_ADD:      return kh_db_add_network_member (db, user, a->member, error);
    case NETWORK_SAVE:     return kh_db_save_network_member (db, user, a->member, error);
    case NETWORK_REMOVE:   return kh_db_remove_network_member (db, user, a->member, error);
    case NETWORK_CONSENT:  return kh_db_record_network_consent (db, user, a->client_id, a->consent, error);
    case NETWORK_WITHDRAW: return kh_db_withdraw_network_consent (db, user, a->client_id, a->consent, &a->day,
                                                                  error);
    case NETWORK_TAKE:     return kh_db_take_network_version (db, user, a->client_id, a->text, error);
    case NETWORK_VERSIONS: return kh_db_list_network_versions (db, user, a->client_id, error);
    case NETWORK_VERSION:  return kh_db_read_network_version (db, user, a->client_id, a->id, NULL, error);
    default:               g_assert_not_reached ();
    }
}

/* Not a "changed": no list of the window shows the network (the page that
 * wrote reads it again; other desks hear of it from client_changes). */
static void
push_network_job (KhStore             *self,
                  gpointer             source_tag,
                  NetworkArgs         *args,
                  GDestroyNotify       result_free,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  push_job (self, source_tag, network_job, args, network_args_free, result_free, FALSE,
            cancellable, callback, user_data);
}

void
kh_store_list_network_async (KhStore             *self,
                             gint64               client_id,
                             gboolean             with_removed,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  NetworkArgs *args = network_args_new (NETWORK_LIST, client_id);

  g_return_if_fail (KH_IS_STORE (self));
  args->flag = with_removed;
  push_network_job (self, kh_store_list_network_async, args, ptr_array_unref, cancellable, callback, user_data);
}

/**
 * kh_store_list_network_finish:
 *
 * Returns: (transfer full) (element-type KhNetworkMember):
 */
GPtrArray *
kh_store_list_network_finish (KhStore       *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  return finish_pointer (self, result, kh_store_list_network_async, error);
}

void
kh_store_list_network_member_history_async (KhStore             *self,
                                            gint64               client_id,
                                            gint64               member_id,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  NetworkArgs *args = network_args_new (NETWORK_HISTORY, client_id);

  g_return_if_fail (KH_IS_STORE (self));
  args->id = member_id;
  push_network_job (self, kh_store_list_network_member_history_async, args, ptr_array_unref,
                    cancellable, callback, user_data);
}

/**
 * kh_store_list_network_member_history_finish:
 *
 * Returns: (transfer full) (element-type KhNetworkMember):
 */
GPtrArray *
kh_store_list_network_member_history_finish (KhStore       *self,
                                             GAsyncResult  *result,
                                             GError       **error)
{
  return finish_pointer (self, result, kh_store_list_network_member_history_async, error);
}

void
kh_store_write_network_member_async (KhStore             *self,
                                     KhNetworkMember     *member,
                                     KhNetworkWrite       write,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  static const NetworkOp ops[] = { [KH_NETWORK_WRITE_ADD] = NETWORK_ADD,
                                   [KH_NETWORK_WRITE_SAVE] = NETWORK_SAVE,
                                   [KH_NETWORK_WRITE_REMOVE] = NETWORK_REMOVE };
  NetworkArgs *args;

  g_return_if_fail (KH_IS_STORE (self));
  g_return_if_fail (KH_IS_NETWORK_MEMBER (member));
  g_return_if_fail (write <= KH_NETWORK_WRITE_REMOVE);

  args = network_args_new (ops[write], member->client_id);
  args->member = kh_network_member_copy (member);
  push_network_job (self, kh_store_write_network_member_async, args, g_object_unref,
                    cancellable, callback, user_data);
}

/**
 * kh_store_write_network_member_finish:
 *
 * Returns: (transfer full): the entry as stored
 */
KhNetworkMember *
kh_store_write_network_member_finish (KhStore       *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return finish_pointer (self, result, kh_store_write_network_member_async, error);
}

void
kh_store_record_network_consent_async (KhStore             *self,
                                       gint64               client_id,
                                       KhNetworkConsent    *consent,
                                       const GDate         *withdrawn_on,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  NetworkArgs *args;

  g_return_if_fail (KH_IS_STORE (self));
  g_return_if_fail (KH_IS_NETWORK_CONSENT (consent));

  args = network_args_new (withdrawn_on != NULL ? NETWORK_WITHDRAW : NETWORK_CONSENT, client_id);
  args->consent = kh_network_consent_copy (consent);
  if (withdrawn_on != NULL)
    args->day = *withdrawn_on;
  push_network_job (self, kh_store_record_network_consent_async, args, g_object_unref,
                    cancellable, callback, user_data);
}

/**
 * kh_store_record_network_consent_finish:
 *
 * Returns: (transfer full): the consent as stored
 */
KhNetworkConsent *
kh_store_record_network_consent_finish (KhStore       *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  return finish_pointer (self, result, kh_store_record_network_consent_async, error);
}

void
kh_store_take_network_version_async (KhStore             *self,
                                     gint64               client_id,
                                     const char          *label,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  NetworkArgs *args = network_args_new (NETWORK_TAKE, client_id);

  g_return_if_fail (KH_IS_STORE (self));
  args->text = g_strdup (label);
  push_network_job (self, kh_store_take_network_version_async, args, (GDestroyNotify) kh_network_version_free,
                    cancellable, callback, user_data);
}

/**
 * kh_store_take_network_version_finish:
 *
 * Returns: (transfer full): the version taken
 */
KhNetworkVersion *
kh_store_take_network_version_finish (KhStore       *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return finish_pointer (self, result, kh_store_take_network_version_async, error);
}

void
kh_store_list_network_versions_async (KhStore             *self,
                                      gint64               client_id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (KH_IS_STORE (self));
  push_network_job (self, kh_store_list_network_versions_async, network_args_new (NETWORK_VERSIONS, client_id),
                    ptr_array_unref, cancellable, callback, user_data);
}

/**
 * kh_store_list_network_versions_finish:
 *
 * Returns: (transfer full) (element-type KhNetworkVersion):
 */
GPtrArray *
kh_store_list_network_versions_finish (KhStore       *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return finish_pointer (self, result, kh_store_list_network_versions_async, error);
}

void
kh_store_read_network_version_async (KhStore             *self,
                                     gint64               client_id,
                                     gint64               version_id,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  NetworkArgs *args = network_args_new (NETWORK_VERSION, client_id);

  g_return_if_fail (KH_IS_STORE (self));
  args->id = version_id;
  push_network_job (self, kh_store_read_network_version_async, args, ptr_array_unref,
                    cancellable, callback, user_data);
}

/**
 * kh_store_read_network_version_finish:
 *
 * Returns: (transfer full) (element-type KhNetworkMember):
 */
GPtrArray *
kh_store_read_network_version_finish (KhStore       *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  return finish_pointer (self, result, kh_store_read_network_version_async, error);
}

/* ---- the client plan (issue 9, 3–5) ---- */

typedef enum {
  PLAN_SAVE,
  PLAN_REVIEW,
  PLAN_LIST,
  PLAN_READ,
  PLAN_EVALUATIONS,
  PLAN_REVIEW_READ,
  PLAN_WITH_REVIEW_READ,
} PlanOp;

/* One call of kh-db-plans.c, its arguments copied for the worker. */
typedef struct
{
  PlanOp        op;
  gint64        client_id;
  gint64        version_id;
  KhClientPlan *plan;          /* saved; the next version of a review */
  KhClientPlan *reviewed;
  GPtrArray    *evaluations;
  KhPlanScale  *scale;
} PlanArgs;

static void
plan_args_free (gpointer data)
{
  PlanArgs *args = data;

  g_clear_pointer (&args->plan, kh_client_plan_free);
  g_clear_pointer (&args->reviewed, kh_client_plan_free);
  g_clear_pointer (&args->evaluations, g_ptr_array_unref);
  g_clear_pointer (&args->scale, kh_plan_scale_free);
  g_free (args);
}

static gpointer
plan_job (KhStore  *self,
          gpointer  data,
          GError  **error)
{
  PlanArgs *a = data;
  KhDb *db = self->db;
  KhUser *user = self->worker_user;

  switch (a->op)
    {
    case PLAN_SAVE:        return kh_db_save_client_plan (db, user, a->plan, error);
    case PLAN_REVIEW:      return kh_db_review_client_plan (db, user, a->reviewed, a->evaluations, a->scale,
                                                            a->plan, error);
    case PLAN_LIST:        return kh_db_list_client_plans (db, user, a->client_id, error);
    case PLAN_READ:        return kh_db_read_client_plan (db, user, a->client_id, a->version_id, error);
    case PLAN_EVALUATIONS: return kh_db_list_plan_evaluations (db, user, a->client_id, a->version_id, error);
    case PLAN_REVIEW_READ:
      {
        KhPlanScale *scale = NULL;
        GPtrArray *evaluations = kh_db_read_plan_review (db, user, a->client_id, a->version_id, &scale, error);
        KhPlanReview *review;

        if (evaluations == NULL)
          return NULL;
        review = g_new0 (KhPlanReview, 1);
        review->evaluations = evaluations;
        review->scale = scale;
        return review;
      }
    case PLAN_WITH_REVIEW_READ:
      return kh_db_read_plan_with_review (db, user, a->client_id, a->version_id, error);
    default:               g_assert_not_reached ();
    }
}

static void
push_plan_job (KhStore             *self,
               gpointer             source_tag,
               PlanOp               op,
               PlanArgs            *args,
               GDestroyNotify       result_free,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  args->op = op;
  push_job (self, source_tag, plan_job, args, plan_args_free, result_free, FALSE,
            cancellable, callback, user_data);
}

/* A read of the person's version `version_id`. */
static void
push_version_read (KhStore             *self,
                   gpointer             source_tag,
                   PlanOp               op,
                   gint64               client_id,
                   gint64               version_id,
                   GDestroyNotify       result_free,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  PlanArgs *args = g_new0 (PlanArgs, 1);

  args->client_id = client_id;
  args->version_id = version_id;
  push_plan_job (self, source_tag, op, args, result_free, cancellable, callback, user_data);
}

void
kh_store_save_client_plan_async (KhStore             *self,
                                 const KhClientPlan  *plan,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  PlanArgs *args = g_new0 (PlanArgs, 1);

  g_return_if_fail (KH_IS_STORE (self));
  g_return_if_fail (plan != NULL);
  args->plan = kh_client_plan_copy (plan);
  push_plan_job (self, kh_store_save_client_plan_async, PLAN_SAVE, args, (GDestroyNotify) kh_client_plan_free,
                 cancellable, callback, user_data);
}

/**
 * kh_store_save_client_plan_finish:
 *
 * Returns: (transfer full): the plan as stored
 */
KhClientPlan *
kh_store_save_client_plan_finish (KhStore       *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return finish_pointer (self, result, kh_store_save_client_plan_async, error);
}

static KhPlanEvaluation *
evaluation_copy (const KhPlanEvaluation *e,
                 gpointer                user_data)
{
  return kh_plan_evaluation_new (e->part, e->goal_id, e->subject, e->rating, e->comment);
}

void
kh_store_review_client_plan_async (KhStore             *self,
                                   const KhClientPlan  *reviewed,
                                   GPtrArray           *evaluations,
                                   const KhPlanScale   *scale,
                                   const KhClientPlan  *next,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  PlanArgs *args = g_new0 (PlanArgs, 1);
  g_autofree char *setting = NULL;

  g_return_if_fail (KH_IS_STORE (self));
  g_return_if_fail (reviewed != NULL && evaluations != NULL && scale != NULL && next != NULL);
  args->reviewed = kh_client_plan_copy (reviewed);
  args->plan = kh_client_plan_copy (next);
  args->evaluations = g_ptr_array_copy (evaluations, (GCopyFunc) evaluation_copy, NULL);
  g_ptr_array_set_free_func (args->evaluations, (GDestroyNotify) kh_plan_evaluation_free);
  setting = kh_plan_scale_to_setting (scale);
  args->scale = kh_plan_scale_parse (setting, NULL);
  push_plan_job (self, kh_store_review_client_plan_async, PLAN_REVIEW, args,
                 (GDestroyNotify) kh_client_plan_free, cancellable, callback, user_data);
}

/**
 * kh_store_review_client_plan_finish:
 *
 * Returns: (transfer full): the plan's next version as stored
 */
KhClientPlan *
kh_store_review_client_plan_finish (KhStore       *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return finish_pointer (self, result, kh_store_review_client_plan_async, error);
}

void
kh_store_list_client_plans_async (KhStore             *self,
                                  gint64               client_id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  PlanArgs *args = g_new0 (PlanArgs, 1);

  g_return_if_fail (KH_IS_STORE (self));
  args->client_id = client_id;
  push_plan_job (self, kh_store_list_client_plans_async, PLAN_LIST, args, ptr_array_unref,
                 cancellable, callback, user_data);
}

/**
 * kh_store_list_client_plans_finish:
 *
 * Returns: (transfer full) (element-type KhPlanVersionInfo):
 */
GPtrArray *
kh_store_list_client_plans_finish (KhStore       *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return finish_pointer (self, result, kh_store_list_client_plans_async, error);
}

void
kh_store_read_client_plan_async (KhStore             *self,
                                 gint64               client_id,
                                 gint64               version_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (KH_IS_STORE (self));
  push_version_read (self, kh_store_read_client_plan_async, PLAN_READ, client_id, version_id,
                     (GDestroyNotify) kh_client_plan_free, cancellable, callback, user_data);
}

/**
 * kh_store_read_client_plan_finish:
 *
 * Returns: (transfer full): the version
 */
KhClientPlan *
kh_store_read_client_plan_finish (KhStore       *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return finish_pointer (self, result, kh_store_read_client_plan_async, error);
}

void
kh_store_list_plan_evaluations_async (KhStore             *self,
                                      gint64               client_id,
                                      gint64               version_id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (KH_IS_STORE (self));
  push_version_read (self, kh_store_list_plan_evaluations_async, PLAN_EVALUATIONS, client_id, version_id,
                     ptr_array_unref, cancellable, callback, user_data);
}

/**
 * kh_store_list_plan_evaluations_finish:
 *
 * Returns: (transfer full) (element-type KhPlanEvaluation):
 */
GPtrArray *
kh_store_list_plan_evaluations_finish (KhStore       *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return finish_pointer (self, result, kh_store_list_plan_evaluations_async, error);
}

void
kh_store_read_plan_review_async (KhStore             *self,
                                 gint64               client_id,
                                 gint64               version_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (KH_IS_STORE (self));
  push_version_read (self, kh_store_read_plan_review_async, PLAN_REVIEW_READ, client_id, version_id,
                     (GDestroyNotify) kh_plan_review_free, cancellable, callback, user_data);
}

/**
 * kh_store_read_plan_review_finish:
 *
 * Returns: (transfer full): the review that made the version (no
 *   evaluations and no scale for a first version)
 */
KhPlanReview *
kh_store_read_plan_review_finish (KhStore       *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return finish_pointer (self, result, kh_store_read_plan_review_async, error);
}

void
kh_store_read_plan_with_review_async (KhStore             *self,
                                      gint64               client_id,
                                      gint64               version_id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (KH_IS_STORE (self));
  push_version_read (self, kh_store_read_plan_with_review_async, PLAN_WITH_REVIEW_READ, client_id, version_id,
                     (GDestroyNotify) kh_plan_review_free, cancellable, callback, user_data);
}

/**
 * kh_store_read_plan_with_review_finish:
 *
 * Returns: (transfer full): the version (its @plan) with the review that
 *   made it (no evaluations and no scale for a first version)
 */
KhPlanReview *
kh_store_read_plan_with_review_finish (KhStore       *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return finish_pointer (self, result, kh_store_read_plan_with_review_async, error);
}

/* ---- issued letters and decisions (issue 8, 5) ---- */

static gpointer
issue_document_job (KhStore  *self,
                    gpointer  data,
                    GError  **error)
{
  KhIssuedDocument *document = data;

  if (kh_db_issue_document (self->db, self->worker_user, document, error) == 0)
    return NULL;
  return kh_issued_document_copy (document);
}

void
kh_store_issue_document_async (KhStore                *self,
                               const KhIssuedDocument *document,
                               GCancellable           *cancellable,
                               GAsyncReadyCallback     callback,
                               gpointer                user_data)
{
  g_return_if_fail (KH_IS_STORE (self));
  g_return_if_fail (document != NULL);

  /* Not a "changed": no list shows documents (the timeline is read again
   * by the page that issued). */
  push_job (self, kh_store_issue_document_async, issue_document_job,
            kh_issued_document_copy (document), (GDestroyNotify) kh_issued_document_free,
            (GDestroyNotify) kh_issued_document_free, FALSE, cancellable, callback, user_data);
}

typedef struct
{
  KhIssuedDocument     *document;
  KhDocumentRenderFunc  render;
  gpointer              render_data;
  GDestroyNotify        render_data_free;
} IssueRendered;

static void
issue_rendered_free (IssueRendered *args)
{
  kh_issued_document_free (args->document);
  if (args->render_data_free != NULL)
    args->render_data_free (args->render_data);
  g_free (args);
}

static gpointer
issue_document_rendered_job (KhStore  *self,
                             gpointer  data,
                             GError  **error)
{
  IssueRendered *args = data;

  if (kh_db_issue_document_rendered (self->db, self->worker_user, args->document, args->render,
                                     args->render_data, error) == 0)
    return NULL;
  return kh_issued_document_copy (args->document);
}

/**
 * kh_store_issue_document_rendered_async:
 * @render: makes the PDF in the store's thread, once the register number
 *   is known (kh_db_issue_document_rendered)
 * @render_data: (transfer full): for @render, freed with @render_data_free
 *   when the job is done
 *
 * Issues @document (copied before the call returns) with the PDF @render
 * makes inside the issuing transaction: a decision prints the number it
 * is kept under. Finish with kh_store_issue_document_finish().
 */
void
kh_store_issue_document_rendered_async (KhStore                *self,
                                        const KhIssuedDocument *document,
                                        KhDocumentRenderFunc    render,
                                        gpointer                render_data,
                                        GDestroyNotify          render_data_free,
                                        GCancellable           *cancellable,
                                        GAsyncReadyCallback     callback,
                                        gpointer                user_data)
{
  IssueRendered *args;

  g_return_if_fail (KH_IS_STORE (self));
  g_return_if_fail (document != NULL);
  g_return_if_fail (render != NULL);

  args = g_new0 (IssueRendered, 1);
  args->document = kh_issued_document_copy (document);
  args->render = render;
  args->render_data = render_data;
  args->render_data_free = render_data_free;
  /* The same source tag: kh_store_issue_document_finish finishes both. */
  push_job (self, kh_store_issue_document_async, issue_document_rendered_job,
            args, (GDestroyNotify) issue_rendered_free,
            (GDestroyNotify) kh_issued_document_free, FALSE, cancellable, callback, user_data);
}

/**
 * kh_store_issue_document_finish:
 *
 * Returns: (transfer full): the document as issued
 */
KhIssuedDocument *
kh_store_issue_document_finish (KhStore       *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return finish_pointer (self, result, kh_store_issue_document_async, error);
}

static gpointer
get_document_pdf_job (KhStore  *self,
                      gpointer  data,
                      GError  **error)
{
  Args *args = data;

  return kh_db_get_document_pdf (self->db, self->worker_user, args->id, error);
}

void
kh_store_get_document_pdf_async (KhStore             *self,
                                 gint64               document_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (KH_IS_STORE (self));

  push_args_job (self, kh_store_get_document_pdf_async, get_document_pdf_job,
                 args_new (NULL, document_id, 0), (GDestroyNotify) kh_issued_document_free,
                 cancellable, callback, user_data);
}

/**
 * kh_store_get_document_pdf_finish:
 *
 * Returns: (transfer full): the document with its PDF
 */
KhIssuedDocument *
kh_store_get_document_pdf_finish (KhStore       *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return finish_pointer (self, result, kh_store_get_document_pdf_async, error);
}

/* ---- a batch of invitations (issue 8, 6) ---- */

static gpointer
list_invited_appointments_job (KhStore  *self,
                               gpointer  data,
                               GError  **error)
{
  return kh_db_list_invited_appointments (self->db, self->worker_user, data, error);
}

/**
 * kh_store_list_invited_appointments_async:
 * @appointment_ids: (element-type gint64): copied before the call returns
 *
 * Which of the meetings, as they now stand, have had their invitation
 * issued (kh_db_list_invited_appointments).
 */
void
kh_store_list_invited_appointments_async (KhStore             *self,
                                          GArray              *appointment_ids,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  GArray *ids;

  g_return_if_fail (KH_IS_STORE (self));
  g_return_if_fail (appointment_ids != NULL);

  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), appointment_ids->len);
  g_array_append_vals (ids, appointment_ids->data, appointment_ids->len);
  push_job (self, kh_store_list_invited_appointments_async, list_invited_appointments_job, ids,
            (GDestroyNotify) g_array_unref, (GDestroyNotify) g_array_unref, FALSE, cancellable,
            callback, user_data);
}

/**
 * kh_store_list_invited_appointments_finish:
 *
 * Returns: (transfer full) (element-type gint64): the invited meetings' ids
 */
GArray *
kh_store_list_invited_appointments_finish (KhStore       *self,
                                           GAsyncResult  *result,
                                           GError       **error)
{
  return finish_pointer (self, result, kh_store_list_invited_appointments_async, error);
}

typedef struct
{
  GPtrArray    *documents;
  GCancellable *cancellable;
} IssueInvitations;

static void
issue_invitations_free (IssueInvitations *args)
{
  g_ptr_array_unref (args->documents);
  g_clear_object (&args->cancellable);
  g_free (args);
}

static gpointer
issue_invitations_job (KhStore  *self,
                       gpointer  data,
                       GError  **error)
{
  IssueInvitations *args = data;

  if (!kh_db_issue_invitations (self->db, self->worker_user, args->documents, args->cancellable, error))
    return NULL;
  return g_ptr_array_ref (args->documents);
}

/**
 * kh_store_issue_invitations_async:
 * @documents: (transfer full) (element-type KhIssuedDocument): the
 *   invitations, each with its PDF and meeting; the store's until done
 *
 * Issues the letters of a batch in one transaction, all or none
 * (kh_db_issue_invitations). @cancellable is checked before each letter
 * inside the transaction: cancelled, none is kept. A batch that was
 * committed is reported so even if @cancellable was cancelled meanwhile.
 */
void
kh_store_issue_invitations_async (KhStore             *self,
                                  GPtrArray           *documents,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  IssueInvitations *args;

  g_return_if_fail (KH_IS_STORE (self));
  g_return_if_fail (documents != NULL);

  args = g_new0 (IssueInvitations, 1);
  args->documents = documents;
  args->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  /* A write: "cancelled" never hides letters that were kept. */
  push_job (self, kh_store_issue_invitations_async, issue_invitations_job, args,
            (GDestroyNotify) issue_invitations_free, (GDestroyNotify) g_ptr_array_unref, TRUE,
            cancellable, callback, user_data);
}

/**
 * kh_store_issue_invitations_finish:
 *
 * Returns: (transfer full) (element-type KhIssuedDocument): the letters
 *   as issued (ids, times, SHA-256 filled in)
 */
GPtrArray *
kh_store_issue_invitations_finish (KhStore       *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return finish_pointer (self, result, kh_store_issue_invitations_async, error);
}

/* ---- the responsible worker (42 §) ---- */

static gpointer
name_responsible_worker_job (KhStore  *self,
                             gpointer  data,
                             GError  **error)
{
  Args *args = data;

  return kh_db_name_responsible_worker (self->db, self->worker_user, args->id, args->id2,
                                        args->text, error);
}

void
kh_store_name_responsible_worker_async (KhStore             *self,
                                        gint64               client_id,
                                        gint64               worker_id,
                                        const char          *reason,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  Args *args;

  g_return_if_fail (KH_IS_STORE (self));
  g_return_if_fail (worker_id >= 0);

  args = args_new (reason, client_id, 0);
  args->id2 = worker_id;
  /* Not a "changed": no list shows the responsible worker. */
  push_job (self, kh_store_name_responsible_worker_async, name_responsible_worker_job, args,
            args_free, (GDestroyNotify) kh_responsible_worker_free, FALSE, cancellable, callback,
            user_data);
}

/**
 * kh_store_name_responsible_worker_finish:
 *
 * Returns: (transfer full): the naming as stored
 */
KhResponsibleWorker *
kh_store_name_responsible_worker_finish (KhStore       *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  return finish_pointer (self, result, kh_store_name_responsible_worker_async, error);
}

/* ---- the intake ---- */

static void
intake_free (gpointer data)
{
  KhIntake *intake = data;

  g_clear_object (&intake->contact);
  g_clear_object (&intake->client);
  g_free (intake->request_id);
  g_free (intake);
}

static gpointer
save_intake_job (KhStore  *self,
                 gpointer  data,
                 GError  **error)
{
  return kh_db_save_intake (self->db, self->worker_user, data, error);
}

void
kh_store_save_intake_async (KhStore             *self,
                            const KhIntake      *intake,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  KhIntake *copy;

  g_return_if_fail (KH_IS_STORE (self));
  g_return_if_fail (intake != NULL && KH_IS_CONTACT (intake->contact));

  copy = g_new0 (KhIntake, 1);
  *copy = *intake;
  copy->contact = kh_contact_copy (intake->contact);
  copy->client = intake->client != NULL ? kh_client_copy (intake->client) : NULL;
  copy->request_id = g_strdup (intake->request_id);
  push_job_full (self, kh_store_save_intake_async, save_intake_job, NULL, copy, intake_free,
                 (GDestroyNotify) kh_intake_result_free, TRUE,
                 /* Issue 6, 7: with a request id it cannot be saved twice,
                  * so it waits for the server instead of failing. */
                 copy->request_id != NULL, cancellable, callback, user_data);
}

/**
 * kh_store_save_intake_finish:
 *
 * Returns: (transfer full): what was saved (keep it for undo).
 */
KhIntakeResult *
kh_store_save_intake_finish (KhStore       *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  return finish_pointer (self, result, kh_store_save_intake_async, error);
}

static gpointer
undo_intake_job (KhStore  *self,
                 gpointer  data,
                 GError  **error)
{
  return kh_db_undo_intake (self->db, self->worker_user, data, error) ? DONE_TOKEN : NULL;
}

void
kh_store_undo_intake_async (KhStore              *self,
                            const KhIntakeResult *result,
                            GCancellable         *cancellable,
                            GAsyncReadyCallback   callback,
                            gpointer              user_data)
{
  g_return_if_fail (KH_IS_STORE (self));
  g_return_if_fail (result != NULL);

  push_job (self, kh_store_undo_intake_async, undo_intake_job, kh_intake_result_copy (result),
            (GDestroyNotify) kh_intake_result_free, NULL, TRUE, cancellable, callback, user_data);
}

gboolean
kh_store_undo_intake_finish (KhStore       *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  return finish_pointer (self, result, kh_store_undo_intake_async, error) != NULL;
}

/* A page of a work list and how many rows the whole list has. */
typedef struct
{
  GPtrArray *rows;
  guint      total;
  guint      urgent;     /* the queue: how many of `total` are urgent */
} Page;

static void
page_free (gpointer data)
{
  Page *page = data;

  g_clear_pointer (&page->rows, g_ptr_array_unref);
  g_free (page);
}

static Page *
page_new (GPtrArray *rows,
          guint      total)
{
  Page *page;

  if (rows == NULL)
    return NULL;
  page = g_new0 (Page, 1);
  page->rows = rows;
  page->total = total;
  return page;
}

/* The rows of a finished page job, the total in `out_total`. */
static GPtrArray *
finish_page (KhStore       *self,
             GAsyncResult  *result,
             gpointer       source_tag,
             guint         *out_total,
             GError       **error)
{
  Page *page = finish_pointer (self, result, source_tag, error);
  GPtrArray *rows;

  if (out_total != NULL)
    *out_total = page != NULL ? page->total : 0;
  if (page == NULL)
    return NULL;
  rows = g_steal_pointer (&page->rows);
  page_free (page);
  return rows;
}

static gpointer
list_contacts_on_job (KhStore  *self,
                      gpointer  data,
                      GError  **error)
{
  Args *args = data;
  GPtrArray *rows;
  guint total = 0;

  if (args->text == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      args->text = g_date_time_format (now, "%Y-%m-%d");
    }
  rows = kh_db_list_contacts_on_page (self->db, self->worker_user, args->text, args->number,
                                      &total, error);
  return page_new (rows, total);
}

void
kh_store_list_contacts_on_page_async (KhStore             *self,
                                      const char          *date,
                                      guint                limit,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (KH_IS_STORE (self));

  push_args_job (self, kh_store_list_contacts_on_page_async, list_contacts_on_job,
                 args_new (date, 0, limit), page_free, cancellable, callback, user_data);
}

/**
 * kh_store_list_contacts_on_page_finish:
 * @out_total: (out) (optional): how many contacts the day has in all
 *
 * Returns: (transfer full) (element-type KhContact):
 */
GPtrArray *
kh_store_list_contacts_on_page_finish (KhStore       *self,
                                       GAsyncResult  *result,
                                       guint         *out_total,
                                       GError       **error)
{
  return finish_page (self, result, kh_store_list_contacts_on_page_async, out_total, error);
}

/* The arguments of a paged work-list read, copied for the worker. */
typedef struct
{
  char            *date;
  KhWorkListQuery  query;
} QueryArgs;

static QueryArgs *
query_args_new (const char            *date,
                const KhWorkListQuery *query)
{
  QueryArgs *args = g_new0 (QueryArgs, 1);

  args->date = g_strdup (date);
  args->query = *query;
  return args;
}

static void
query_args_free (gpointer data)
{
  QueryArgs *args = data;

  g_free (args->date);
  g_free (args);
}

static gpointer
list_contacts_query_job (KhStore  *self,
                         gpointer  data,
                         GError  **error)
{
  QueryArgs *args = data;
  GPtrArray *rows;
  guint total = 0;

  if (args->date == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      args->date = g_date_time_format (now, "%Y-%m-%d");
    }
  rows = kh_db_list_contacts_query (self->db, self->worker_user, args->date, &args->query,
                                    &total, error);
  return page_new (rows, total);
}

void
kh_store_list_contacts_query_async (KhStore               *self,
                                    const char            *date,
                                    const KhWorkListQuery *query,
                                    GCancellable          *cancellable,
                                    GAsyncReadyCallback    callback,
                                    gpointer               user_data)
{
  g_return_if_fail (KH_IS_STORE (self));
  g_return_if_fail (query != NULL);

  push_job (self, kh_store_list_contacts_query_async, list_contacts_query_job,
            query_args_new (date, query), query_args_free, page_free, FALSE,
            cancellable, callback, user_data);
}

/**
 * kh_store_list_contacts_query_finish:
 * @out_total: (out) (optional): how many of the day's contacts pass the filters
 *
 * Returns: (transfer full) (element-type KhContact):
 */
GPtrArray *
kh_store_list_contacts_query_finish (KhStore       *self,
                                     GAsyncResult  *result,
                                     guint         *out_total,
                                     GError       **error)
{
  return finish_page (self, result, kh_store_list_contacts_query_async, out_total, error);
}

static gpointer
list_queue_query_job (KhStore  *self,
                      gpointer  data,
                      GError  **error)
{
  QueryArgs *args = data;
  GPtrArray *rows;
  guint total = 0;
  guint urgent = 0;
  Page *page;

  rows = kh_db_list_queue_query (self->db, self->worker_user, &args->query, &total, &urgent, error);
  page = page_new (rows, total);
  if (page != NULL)
    page->urgent = urgent;
  return page;
}

void
kh_store_list_queue_query_async (KhStore               *self,
                                 const KhWorkListQuery *query,
                                 GCancellable          *cancellable,
                                 GAsyncReadyCallback    callback,
                                 gpointer               user_data)
{
  g_return_if_fail (KH_IS_STORE (self));
  g_return_if_fail (query != NULL);

  push_job (self, kh_store_list_queue_query_async, list_queue_query_job,
            query_args_new (NULL, query), query_args_free, page_free, FALSE,
            cancellable, callback, user_data);
}

/**
 * kh_store_list_queue_query_finish:
 * @out_total: (out) (optional): how many cases wait in all
 * @out_urgent: (out) (optional): how many of them are urgent
 *
 * Returns: (transfer full) (element-type KhCase):
 */
GPtrArray *
kh_store_list_queue_query_finish (KhStore       *self,
                                  GAsyncResult  *result,
                                  guint         *out_total,
                                  guint         *out_urgent,
                                  GError       **error)
{
  Page *page = finish_pointer (self, result, kh_store_list_queue_query_async, error);
  GPtrArray *rows;

  if (out_total != NULL)
    *out_total = page != NULL ? page->total : 0;
  if (out_urgent != NULL)
    *out_urgent = page != NULL ? page->urgent : 0;
  if (page == NULL)
    return NULL;
  rows = g_steal_pointer (&page->rows);
  page_free (page);
  return rows;
}

void
kh_store_list_contacts_on_async (KhStore             *self,
                                 const char          *date,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (KH_IS_STORE (self));

  push_args_job (self, kh_store_list_contacts_on_async, list_contacts_on_job,
                 args_new (date, 0, 0), page_free, cancellable, callback, user_data);
}

/**
 * kh_store_list_contacts_on_finish:
 *
 * Returns: (transfer full) (element-type KhContact):
 */
GPtrArray *
kh_store_list_contacts_on_finish (KhStore       *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return finish_page (self, result, kh_store_list_contacts_on_async, NULL, error);
}

static gpointer
list_queue_job (KhStore  *self,
                gpointer  data,
                GError  **error)
{
  Args *args = data;
  GPtrArray *rows;
  guint total = 0;

  rows = kh_db_list_queue_page (self->db, self->worker_user, args->number, &total, error);
  return page_new (rows, total);
}

void
kh_store_list_queue_page_async (KhStore             *self,
                                guint                limit,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (KH_IS_STORE (self));

  push_args_job (self, kh_store_list_queue_page_async, list_queue_job,
                 args_new (NULL, 0, limit), page_free, cancellable, callback, user_data);
}

/**
 * kh_store_list_queue_page_finish:
 * @out_total: (out) (optional): how many cases wait in all
 *
 * Returns: (transfer full) (element-type KhCase):
 */
GPtrArray *
kh_store_list_queue_page_finish (KhStore       *self,
                                 GAsyncResult  *result,
                                 guint         *out_total,
                                 GError       **error)
{
  return finish_page (self, result, kh_store_list_queue_page_async, out_total, error);
}

void
kh_store_list_queue_async (KhStore             *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (KH_IS_STORE (self));

  push_args_job (self, kh_store_list_queue_async, list_queue_job, args_new (NULL, 0, 0),
                 page_free, cancellable, callback, user_data);
}

/**
 * kh_store_list_queue_finish:
 *
 * Returns: (transfer full) (element-type KhCase):
 */
GPtrArray *
kh_store_list_queue_finish (KhStore       *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  return finish_page (self, result, kh_store_list_queue_async, NULL, error);
}

/* ---- users ---- */

static gpointer
list_users_job (KhStore  *self,
                gpointer  data,
                GError  **error)
{
  return kh_db_list_users (self->db, error);
}

void
kh_store_list_users_async (KhStore             *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (KH_IS_STORE (self));

  push_args_job (self, kh_store_list_users_async, list_users_job, NULL,
                 ptr_array_unref, cancellable, callback, user_data);
}

/**
 * kh_store_list_users_finish:
 *
 * Returns: (transfer full) (element-type KhUser): every user, by name.
 */
GPtrArray *
kh_store_list_users_finish (KhStore       *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  return finish_pointer (self, result, kh_store_list_users_async, error);
}

/* ---- teams (issue 5, 2.9) ---- */

static gpointer
list_teams_job (KhStore  *self,
                gpointer  data,
                GError  **error)
{
  Args *args = data;

  return kh_db_list_teams (self->db, args->number != 0, error);
}

void
kh_store_list_teams_async (KhStore             *self,
                           gboolean             include_inactive,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (KH_IS_STORE (self));

  push_args_job (self, kh_store_list_teams_async, list_teams_job,
                 args_new (NULL, 0, include_inactive ? 1 : 0),
                 ptr_array_unref, cancellable, callback, user_data);
}

/**
 * kh_store_list_teams_finish:
 *
 * Returns: (transfer full) (element-type KhTeam): the unit's teams by name.
 */
GPtrArray *
kh_store_list_teams_finish (KhStore       *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  return finish_pointer (self, result, kh_store_list_teams_async, error);
}

static gpointer
save_team_job (KhStore  *self,
               gpointer  data,
               GError  **error)
{
  gint64 id = kh_db_save_team (self->db, self->worker_user, data, error);

  return id > 0 ? g_memdup2 (&id, sizeof id) : NULL;
}

void
kh_store_save_team_async (KhStore             *self,
                          KhTeam              *team,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_return_if_fail (KH_IS_STORE (self));
  g_return_if_fail (KH_IS_TEAM (team));

  push_job (self, kh_store_save_team_async, save_team_job, kh_team_copy (team),
            g_object_unref, g_free, TRUE, cancellable, callback, user_data);
}

/**
 * kh_store_save_team_finish:
 *
 * Returns: the team's id, or 0 with @error set (kh_db_save_team).
 */
gint64
kh_store_save_team_finish (KhStore       *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_autofree gint64 *id = finish_pointer (self, result, kh_store_save_team_async, error);

  return id != NULL ? *id : 0;
}

/* ---- services and the log ---- */

static gpointer
list_services_job (KhStore  *self,
                   gpointer  data,
                   GError  **error)
{
  return kh_db_list_services (self->db, FALSE, error);
}

void
kh_store_list_services_async (KhStore             *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (KH_IS_STORE (self));

  push_args_job (self, kh_store_list_services_async, list_services_job, NULL,
                 ptr_array_unref, cancellable, callback, user_data);
}

/**
 * kh_store_list_services_finish:
 *
 * Returns: (transfer full) (element-type KhService): the active services.
 */
GPtrArray *
kh_store_list_services_finish (KhStore       *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  return finish_pointer (self, result, kh_store_list_services_async, error);
}

static gpointer
list_access_log_job (KhStore  *self,
                     gpointer  data,
                     GError  **error)
{
  Args *args = data;

  return kh_db_list_access_log (self->db, self->worker_user, args->id, args->number, error);
}

void
kh_store_list_access_log_async (KhStore             *self,
                                gint64               client_id,
                                guint                limit,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (KH_IS_STORE (self));

  push_args_job (self, kh_store_list_access_log_async, list_access_log_job,
                 args_new (NULL, client_id, limit), ptr_array_unref, cancellable, callback, user_data);
}

/**
 * kh_store_list_access_log_finish:
 *
 * Returns: (transfer full) (element-type KhAccessEntry):
 */
GPtrArray *
kh_store_list_access_log_finish (KhStore       *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return finish_pointer (self, result, kh_store_list_access_log_async, error);
}

/* ---- the access log, filtered and paged ---- */

typedef struct
{
  KhAccessFilter filter;
  KhAccessPaging paging;
  gint64         at;
  gint64         id;
  guint          limit;
} LogPageArgs;

static void
log_page_args_free (gpointer data)
{
  LogPageArgs *args = data;

  kh_access_filter_clear (&args->filter);
  g_free (args);
}

static gpointer
read_access_log_job (KhStore  *self,
                     gpointer  data,
                     GError  **error)
{
  LogPageArgs *args = data;

  return kh_db_read_access_log (self->db, self->worker_user, &args->filter, args->paging,
                                args->at, args->id, args->limit, error);
}

/**
 * kh_store_read_access_log_async:
 *
 * One page of the log: see kh_db_read_access_log(). @filter is copied.
 */
void
kh_store_read_access_log_async (KhStore              *self,
                                const KhAccessFilter *filter,
                                KhAccessPaging        paging,
                                gint64                at,
                                gint64                id,
                                guint                 limit,
                                GCancellable         *cancellable,
                                GAsyncReadyCallback   callback,
                                gpointer              user_data)
{
  LogPageArgs *args;

  g_return_if_fail (KH_IS_STORE (self));
  g_return_if_fail (filter != NULL);

  args = g_new0 (LogPageArgs, 1);
  kh_access_filter_copy (filter, &args->filter);
  args->paging = paging;
  args->at = at;
  args->id = id;
  args->limit = limit;
  push_job (self, kh_store_read_access_log_async, read_access_log_job, args, log_page_args_free,
            (GDestroyNotify) kh_access_log_slice_free, FALSE, cancellable, callback, user_data);
}

/**
 * kh_store_read_access_log_finish:
 *
 * Returns: (transfer full): the page, or %NULL with @error set.
 */
KhAccessLogSlice *
kh_store_read_access_log_finish (KhStore       *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return finish_pointer (self, result, kh_store_read_access_log_async, error);
}

static gpointer
export_access_log_job (KhStore  *self,
                       gpointer  data,
                       GError  **error)
{
  Args *args = data;

  return kh_db_export_access_log (self->db, self->worker_user, args->id, NULL, error);
}

/**
 * kh_store_export_access_log_async:
 *
 * The person's extract: see kh_db_export_access_log(). The export is
 * logged, so the call counts as a write ("changed" follows).
 */
void
kh_store_export_access_log_async (KhStore             *self,
                                  gint64               client_id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (KH_IS_STORE (self));
  g_return_if_fail (client_id > 0);

  push_args_job (self, kh_store_export_access_log_async, export_access_log_job,
                 args_new (NULL, client_id, 0), (GDestroyNotify) g_bytes_unref,
                 cancellable, callback, user_data);
}

/**
 * kh_store_export_access_log_finish:
 *
 * Returns: (transfer full): the CSV bytes, or %NULL with @error set.
 */
GBytes *
kh_store_export_access_log_finish (KhStore       *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return finish_pointer (self, result, kh_store_export_access_log_async, error);
}

/* ---- the directory, the unit's calendar and settings (Preferences) ---- */

static gpointer
list_directory_job (KhStore  *self,
                    gpointer  data,
                    GError  **error)
{
  return kh_db_list_services (self->db, TRUE, error);
}

void
kh_store_list_directory_async (KhStore             *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (KH_IS_STORE (self));

  push_args_job (self, kh_store_list_directory_async, list_directory_job, NULL,
                 ptr_array_unref, cancellable, callback, user_data);
}

/**
 * kh_store_list_directory_finish:
 *
 * Returns: (transfer full) (element-type KhService): every entry, active or
 *   not, by life area and name.
 */
GPtrArray *
kh_store_list_directory_finish (KhStore       *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return finish_pointer (self, result, kh_store_list_directory_async, error);
}

static gpointer
save_service_job (KhStore  *self,
                  gpointer  data,
                  GError  **error)
{
  gint64 id = kh_db_save_service (self->db, self->worker_user, data, error);

  return id > 0 ? g_memdup2 (&id, sizeof id) : NULL;
}

void
kh_store_save_service_async (KhStore             *self,
                             KhService           *service,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (KH_IS_STORE (self));
  g_return_if_fail (KH_IS_SERVICE (service));

  push_job (self, kh_store_save_service_async, save_service_job, kh_service_copy (service),
            g_object_unref, g_free, TRUE, cancellable, callback, user_data);
}

/**
 * kh_store_save_service_finish:
 *
 * Returns: the entry's id, or 0 with @error set (INVALID: the message
 *   begins with the field's name, as kh_service_check says).
 */
gint64
kh_store_save_service_finish (KhStore       *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_autofree gint64 *id = finish_pointer (self, result, kh_store_save_service_async, error);

  return id != NULL ? *id : 0;
}

static gpointer
list_closed_days_job (KhStore  *self,
                      gpointer  data,
                      GError  **error)
{
  return kh_db_list_closed_days (self->db, error);
}

void
kh_store_list_closed_days_async (KhStore             *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (KH_IS_STORE (self));

  push_args_job (self, kh_store_list_closed_days_async, list_closed_days_job, NULL,
                 ptr_array_unref, cancellable, callback, user_data);
}

/**
 * kh_store_list_closed_days_finish:
 *
 * Returns: (transfer full) (element-type KhClosedDay): the unit's own closed
 *   days, by date.
 */
GPtrArray *
kh_store_list_closed_days_finish (KhStore       *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return finish_pointer (self, result, kh_store_list_closed_days_async, error);
}

static gpointer
get_unit_profile_job (KhStore  *self,
                      gpointer  data,
                      GError  **error)
{
  return kh_db_get_unit_profile (self->db, error);
}

void
kh_store_get_unit_profile_async (KhStore             *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (KH_IS_STORE (self));

  push_args_job (self, kh_store_get_unit_profile_async, get_unit_profile_job, NULL,
                 (GDestroyNotify) kh_unit_profile_free, cancellable, callback, user_data);
}

/**
 * kh_store_get_unit_profile_finish:
 *
 * Returns: (transfer full): the unit's document settings, or %NULL with
 *   @error set
 */
KhUnitProfile *
kh_store_get_unit_profile_finish (KhStore       *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return finish_pointer (self, result, kh_store_get_unit_profile_async, error);
}

/* A write that changes the calendar gives back the calendar as it now is,
 * read in the same job, so that the store's shared copy follows. */
static gpointer
calendar_after (KhStore  *self,
                gboolean  ok,
                GError  **error)
{
  return ok ? kh_db_load_calendar (self->db, error) : NULL;
}

static gpointer
add_closed_day_job (KhStore  *self,
                    gpointer  data,
                    GError  **error)
{
  Args *args = data;

  return calendar_after (self, kh_db_add_closed_day (self->db, self->worker_user,
                                                     args->text, args->text2, error), error);
}

static gpointer
remove_closed_day_job (KhStore  *self,
                       gpointer  data,
                       GError  **error)
{
  Args *args = data;

  return calendar_after (self, kh_db_remove_closed_day (self->db, self->worker_user,
                                                        args->text, error), error);
}

/* What a setting's write gives back: the calendar as it now is, and the
 * setting, so that the finish can update what the store keeps of it. */
typedef struct
{
  KhCalendar *calendar;
  char       *key;
  char       *value;
} SettingWritten;

static void
setting_written_free (gpointer data)
{
  SettingWritten *written = data;

  g_clear_pointer (&written->calendar, kh_calendar_unref);
  g_free (written->key);
  g_free (written->value);
  g_free (written);
}

static gpointer
set_setting_job (KhStore  *self,
                 gpointer  data,
                 GError  **error)
{
  Args *args = data;
  SettingWritten *written;
  KhCalendar *calendar;

  calendar = calendar_after (self, kh_db_set_setting (self->db, self->worker_user,
                                                      args->text, args->text2, error), error);
  if (calendar == NULL)
    return NULL;
  written = g_new0 (SettingWritten, 1);
  written->calendar = calendar;
  written->key = g_strdup (args->text);
  written->value = g_strdup (args->text2);
  return written;
}

static void
push_calendar_write (KhStore             *self,
                     gpointer             source_tag,
                     JobFunc              func,
                     const char          *text,
                     const char          *text2,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  Args *args = args_new (text, 0, 0);

  args->text2 = g_strdup (text2);
  push_job (self, source_tag, func, args, args_free, (GDestroyNotify) kh_calendar_unref, TRUE,
            cancellable, callback, user_data);
}

/* Takes the calendar a write gave back as the store's shared one. */
static gboolean
finish_calendar_write (KhStore       *self,
                       GAsyncResult  *result,
                       gpointer       source_tag,
                       GError       **error)
{
  KhCalendar *calendar = finish_pointer (self, result, source_tag, error);

  if (calendar == NULL)
    return FALSE;
  g_clear_pointer (&self->calendar, kh_calendar_unref);
  self->calendar = calendar;
  return TRUE;
}

/* @date: d.m.yyyy or ISO */
void
kh_store_add_closed_day_async (KhStore             *self,
                               const char          *date,
                               const char          *name,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (KH_IS_STORE (self));

  push_calendar_write (self, kh_store_add_closed_day_async, add_closed_day_job, date, name,
                       cancellable, callback, user_data);
}

gboolean
kh_store_add_closed_day_finish (KhStore       *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return finish_calendar_write (self, result, kh_store_add_closed_day_async, error);
}

void
kh_store_remove_closed_day_async (KhStore             *self,
                                  const char          *date,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (KH_IS_STORE (self));

  push_calendar_write (self, kh_store_remove_closed_day_async, remove_closed_day_job, date, NULL,
                       cancellable, callback, user_data);
}

gboolean
kh_store_remove_closed_day_finish (KhStore       *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return finish_calendar_write (self, result, kh_store_remove_closed_day_async, error);
}

static gpointer
get_setting_job (KhStore  *self,
                 gpointer  data,
                 GError  **error)
{
  Args *args = data;
  GError *local_error = NULL;
  char *value = kh_db_get_setting (self->db, args->text, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  /* "" stands for "not set": a job's NULL is an error. */
  return value != NULL ? value : g_strdup ("");
}

void
kh_store_get_setting_async (KhStore             *self,
                            const char          *key,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (KH_IS_STORE (self));
  g_return_if_fail (key != NULL);

  push_args_job (self, kh_store_get_setting_async, get_setting_job, args_new (key, 0, 0),
                 g_free, cancellable, callback, user_data);
}

/**
 * kh_store_get_setting_finish:
 * @out_value: (out) (transfer full) (nullable): the value, %NULL when unset
 *
 * Returns: %FALSE with @error set when it could not be read
 */
gboolean
kh_store_get_setting_finish (KhStore       *self,
                             GAsyncResult  *result,
                             char         **out_value,
                             GError       **error)
{
  g_autofree char *value = finish_pointer (self, result, kh_store_get_setting_async, error);

  if (value == NULL)
    return FALSE;
  if (out_value != NULL)
    *out_value = *value != '\0' ? g_steal_pointer (&value) : NULL;
  return TRUE;
}

void
kh_store_set_setting_async (KhStore             *self,
                            const char          *key,
                            const char          *value,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  Args *args;

  g_return_if_fail (KH_IS_STORE (self));
  g_return_if_fail (key != NULL && value != NULL);

  args = args_new (key, 0, 0);
  args->text2 = g_strdup (value);
  push_job (self, kh_store_set_setting_async, set_setting_job, args, args_free,
            setting_written_free, TRUE, cancellable, callback, user_data);
}

/**
 * kh_store_set_setting_finish:
 *
 * Takes the calendar as it now is as the store's shared one, and a new
 * unit name as KhStore:unit-name.
 */
gboolean
kh_store_set_setting_finish (KhStore       *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  SettingWritten *written = finish_pointer (self, result, kh_store_set_setting_async, error);

  if (written == NULL)
    return FALSE;
  g_clear_pointer (&self->calendar, kh_calendar_unref);
  self->calendar = g_steal_pointer (&written->calendar);
  if (g_strcmp0 (written->key, KH_SETTING_UNIT_NAME) == 0
      && g_strcmp0 (written->value, self->unit_name) != 0)
    {
      g_free (self->unit_name);
      self->unit_name = g_strdup (written->value);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT_NAME]);
    }
  setting_written_free (written);
  return TRUE;
}

/* ---- the caseload (issue 7, 1) ---- */

typedef struct
{
  KhCaseloadScope  scope;
  KhWorkListQuery  query;
  char            *today;
} CaseloadArgs;

static void
caseload_args_free (gpointer data)
{
  CaseloadArgs *args = data;

  g_free (args->today);
  g_free (args);
}

typedef struct
{
  GPtrArray        *rows;
  KhCaseloadCounts  counts;
} CaseloadPage;

static void
caseload_page_free (gpointer data)
{
  CaseloadPage *page = data;

  g_clear_pointer (&page->rows, g_ptr_array_unref);
  g_free (page);
}

static gpointer
list_caseload_job (KhStore  *self,
                   gpointer  data,
                   GError  **error)
{
  CaseloadArgs *args = data;
  CaseloadPage *page = g_new0 (CaseloadPage, 1);

  page->rows = kh_db_list_caseload (self->db, self->worker_user, args->scope, &args->query,
                                    args->today, &page->counts, error);
  if (page->rows == NULL)
    {
      caseload_page_free (page);
      return NULL;
    }
  return page;
}

void
kh_store_list_caseload_async (KhStore               *self,
                              KhCaseloadScope        scope,
                              const KhWorkListQuery *query,
                              const char            *today,
                              GCancellable          *cancellable,
                              GAsyncReadyCallback    callback,
                              gpointer               user_data)
{
  CaseloadArgs *args;

  g_return_if_fail (KH_IS_STORE (self));
  g_return_if_fail (query != NULL);

  args = g_new0 (CaseloadArgs, 1);
  args->scope = scope;
  args->query = *query;
  args->today = g_strdup (today);
  push_job (self, kh_store_list_caseload_async, list_caseload_job, args, caseload_args_free,
            caseload_page_free, FALSE, cancellable, callback, user_data);
}

/**
 * kh_store_list_caseload_finish:
 * @out_counts: (out) (optional): the list's numbers
 *
 * Returns: (transfer full) (element-type KhCase):
 */
GPtrArray *
kh_store_list_caseload_finish (KhStore           *self,
                               GAsyncResult      *result,
                               KhCaseloadCounts  *out_counts,
                               GError           **error)
{
  CaseloadPage *page = finish_pointer (self, result, kh_store_list_caseload_async, error);
  GPtrArray *rows;

  if (page == NULL)
    return NULL;
  if (out_counts != NULL)
    *out_counts = page->counts;
  rows = g_steal_pointer (&page->rows);
  caseload_page_free (page);
  return rows;
}

typedef struct
{
  gint64 case_id;
  gint64 expected_holder;
  gint64 assignee_id;
} AssignArgs;

static gpointer
assign_case_job (KhStore  *self,
                 gpointer  data,
                 GError  **error)
{
  AssignArgs *args = data;

  if (!kh_db_assign_case (self->db, self->worker_user, args->case_id, args->expected_holder,
                          args->assignee_id, error))
    return NULL;
  return DONE_TOKEN;
}

void
kh_store_assign_case_async (KhStore             *self,
                            gint64               case_id,
                            gint64               expected_holder,
                            gint64               assignee_id,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  AssignArgs *args;

  g_return_if_fail (KH_IS_STORE (self));

  args = g_new0 (AssignArgs, 1);
  args->case_id = case_id;
  args->expected_holder = expected_holder;
  args->assignee_id = assignee_id;
  push_job (self, kh_store_assign_case_async, assign_case_job, args, g_free, NULL, TRUE,
            cancellable, callback, user_data);
}

gboolean
kh_store_assign_case_finish (KhStore       *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  return finish_pointer (self, result, kh_store_assign_case_async, error) != NULL;
}

/* ---- appointments (issue 7, 4) ---- */

static gpointer
list_service_points_job (KhStore  *self,
                         gpointer  data,
                         GError  **error)
{
  Args *args = data;

  return kh_db_list_service_points (self->db, args->number != 0, error);
}

void
kh_store_list_service_points_async (KhStore             *self,
                                    gboolean             include_inactive,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (KH_IS_STORE (self));

  push_args_job (self, kh_store_list_service_points_async, list_service_points_job,
                 args_new (NULL, 0, include_inactive ? 1 : 0), ptr_array_unref,
                 cancellable, callback, user_data);
}

/**
 * kh_store_list_service_points_finish:
 *
 * Returns: (transfer full) (element-type KhServicePoint):
 */
GPtrArray *
kh_store_list_service_points_finish (KhStore       *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return finish_pointer (self, result, kh_store_list_service_points_async, error);
}

static gpointer
book_appointment_job (KhStore  *self,
                      gpointer  data,
                      GError  **error)
{
  gint64 id = kh_db_book_appointment (self->db, self->worker_user, data, error);

  return id > 0 ? g_memdup2 (&id, sizeof id) : NULL;
}

void
kh_store_book_appointment_async (KhStore             *self,
                                 const KhAppointment *appointment,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (KH_IS_STORE (self));
  g_return_if_fail (appointment != NULL);

  push_job (self, kh_store_book_appointment_async, book_appointment_job,
            kh_appointment_copy (appointment), (GDestroyNotify) kh_appointment_free, g_free, TRUE,
            cancellable, callback, user_data);
}

/* The new meeting's id, or 0 with `error`. */
gint64
kh_store_book_appointment_finish (KhStore       *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  gint64 *id = finish_pointer (self, result, kh_store_book_appointment_async, error);
  gint64 value = id != NULL ? *id : 0;

  g_free (id);
  return value;
}

static gpointer
move_appointment_job (KhStore  *self,
                      gpointer  data,
                      GError  **error)
{
  return kh_db_move_appointment (self->db, self->worker_user, data, error) ? DONE_TOKEN : NULL;
}

void
kh_store_move_appointment_async (KhStore             *self,
                                 const KhAppointment *appointment,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (KH_IS_STORE (self));
  g_return_if_fail (appointment != NULL);

  push_job (self, kh_store_move_appointment_async, move_appointment_job,
            kh_appointment_copy (appointment), (GDestroyNotify) kh_appointment_free, NULL, TRUE,
            cancellable, callback, user_data);
}

gboolean
kh_store_move_appointment_finish (KhStore       *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return finish_pointer (self, result, kh_store_move_appointment_async, error) != NULL;
}

static gpointer
cancel_appointment_job (KhStore  *self,
                        gpointer  data,
                        GError  **error)
{
  Args *args = data;

  return kh_db_cancel_appointment (self->db, self->worker_user, args->id, (gint64) args->what,
                                   args->text, error) ? DONE_TOKEN : NULL;
}

void
kh_store_cancel_appointment_async (KhStore             *self,
                                   gint64               id,
                                   gint64               revision,
                                   const char          *reason,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  Args *args;

  g_return_if_fail (KH_IS_STORE (self));

  args = args_new (reason, id, 0);
  args->what = (int) revision;
  push_job (self, kh_store_cancel_appointment_async, cancel_appointment_job, args, args_free, NULL,
            TRUE, cancellable, callback, user_data);
}

gboolean
kh_store_cancel_appointment_finish (KhStore       *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return finish_pointer (self, result, kh_store_cancel_appointment_async, error) != NULL;
}

typedef struct
{
  gint64 worker_id;
  GDate  day;
} WeekArgs;

static gpointer
list_week_job (KhStore  *self,
               gpointer  data,
               GError  **error)
{
  WeekArgs *args = data;

  return kh_db_list_week (self->db, self->worker_user, args->worker_id, &args->day, error);
}

void
kh_store_list_week_async (KhStore             *self,
                          gint64               worker_id,
                          const GDate         *day,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  WeekArgs *args;

  g_return_if_fail (KH_IS_STORE (self));
  g_return_if_fail (day != NULL && g_date_valid (day));

  args = g_new0 (WeekArgs, 1);
  args->worker_id = worker_id;
  args->day = *day;
  push_job (self, kh_store_list_week_async, list_week_job, args, g_free, ptr_array_unref, FALSE,
            cancellable, callback, user_data);
}

/**
 * kh_store_list_week_finish:
 *
 * Returns: (transfer full) (element-type KhAppointment):
 */
GPtrArray *
kh_store_list_week_finish (KhStore       *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  return finish_pointer (self, result, kh_store_list_week_async, error);
}

static gpointer
list_client_appointments_job (KhStore  *self,
                              gpointer  data,
                              GError  **error)
{
  Args *args = data;

  return kh_db_list_client_appointments (self->db, self->worker_user, args->id, error);
}

void
kh_store_list_client_appointments_async (KhStore             *self,
                                         gint64               client_id,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_return_if_fail (KH_IS_STORE (self));

  push_args_job (self, kh_store_list_client_appointments_async, list_client_appointments_job,
                 args_new (NULL, client_id, 0), ptr_array_unref, cancellable, callback, user_data);
}

/**
 * kh_store_list_client_appointments_finish:
 *
 * Returns: (transfer full) (element-type KhAppointment):
 */
GPtrArray *
kh_store_list_client_appointments_finish (KhStore       *self,
                                          GAsyncResult  *result,
                                          GError       **error)
{
  return finish_pointer (self, result, kh_store_list_client_appointments_async, error);
}

/* ---- correcting a saved contact (issue 5, 2.1) ---- */

static gpointer
get_contact_history_job (KhStore  *self,
                         gpointer  data,
                         GError  **error)
{
  Args *args = data;

  return kh_db_get_contact_history (self->db, self->worker_user, args->id, error);
}

void
kh_store_get_contact_history_async (KhStore             *self,
                                    gint64               contact_id,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (KH_IS_STORE (self));

  push_args_job (self, kh_store_get_contact_history_async, get_contact_history_job,
                 args_new (NULL, contact_id, 0), (GDestroyNotify) kh_contact_history_free,
                 cancellable, callback, user_data);
}

/**
 * kh_store_get_contact_history_finish:
 *
 * Returns: (transfer full): the contact and its history, or %NULL
 */
KhContactHistory *
kh_store_get_contact_history_finish (KhStore       *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return finish_pointer (self, result, kh_store_get_contact_history_async, error);
}

typedef struct
{
  KhContact *contact;
  char      *reason;
} Correction;

static void
correction_free (gpointer data)
{
  Correction *correction = data;

  g_clear_object (&correction->contact);
  g_free (correction->reason);
  g_free (correction);
}

static gpointer
correct_contact_job (KhStore  *self,
                     gpointer  data,
                     GError  **error)
{
  Correction *correction = data;

  return kh_db_correct_contact (self->db, self->worker_user, correction->contact,
                                correction->reason, error) ? DONE_TOKEN : NULL;
}

void
kh_store_correct_contact_async (KhStore             *self,
                                KhContact           *corrected,
                                const char          *reason,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  Correction *correction;

  g_return_if_fail (KH_IS_STORE (self));
  g_return_if_fail (KH_IS_CONTACT (corrected));

  correction = g_new0 (Correction, 1);
  correction->contact = kh_contact_copy (corrected);
  correction->reason = g_strdup (reason);
  push_job (self, kh_store_correct_contact_async, correct_contact_job, correction,
            correction_free, NULL, TRUE, cancellable, callback, user_data);
}

gboolean
kh_store_correct_contact_finish (KhStore       *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return finish_pointer (self, result, kh_store_correct_contact_async, error) != NULL;
}

static gpointer
mark_contact_in_error_job (KhStore  *self,
                           gpointer  data,
                           GError  **error)
{
  Args *args = data;

  return kh_db_mark_contact_in_error (self->db, self->worker_user, args->id, args->text,
                                      error) ? DONE_TOKEN : NULL;
}

void
kh_store_mark_contact_in_error_async (KhStore             *self,
                                      gint64               contact_id,
                                      const char          *reason,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (KH_IS_STORE (self));

  push_job (self, kh_store_mark_contact_in_error_async, mark_contact_in_error_job,
            args_new (reason, contact_id, 0), args_free, NULL, TRUE,
            cancellable, callback, user_data);
}

gboolean
kh_store_mark_contact_in_error_finish (KhStore       *self,
                                       GAsyncResult  *result,
                                       GError       **error)
{
  return finish_pointer (self, result, kh_store_mark_contact_in_error_async, error) != NULL;
}

/* ---- the service-need assessment (issue 7) ---- */

static gpointer
start_assessment_job (KhStore  *self,
                      gpointer  data,
                      GError  **error)
{
  return kh_db_start_assessment (self->db, self->worker_user, ((Args *) data)->id, error);
}

void
kh_store_start_assessment_async (KhStore             *self,
                                 gint64               case_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (KH_IS_STORE (self));

  push_job (self, kh_store_start_assessment_async, start_assessment_job, args_new (NULL, case_id, 0),
            args_free, (GDestroyNotify) kh_assessment_free, TRUE, cancellable, callback, user_data);
}

KhAssessment *
kh_store_start_assessment_finish (KhStore       *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return finish_pointer (self, result, kh_store_start_assessment_async, error);
}

static gpointer
get_assessment_job (KhStore  *self,
                    gpointer  data,
                    GError  **error)
{
  return kh_db_get_assessment (self->db, self->worker_user, ((Args *) data)->id, error);
}

void
kh_store_get_assessment_async (KhStore             *self,
                               gint64               assessment_id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (KH_IS_STORE (self));

  push_args_job (self, kh_store_get_assessment_async, get_assessment_job,
                 args_new (NULL, assessment_id, 0), (GDestroyNotify) kh_assessment_free,
                 cancellable, callback, user_data);
}

KhAssessment *
kh_store_get_assessment_finish (KhStore       *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return finish_pointer (self, result, kh_store_get_assessment_async, error);
}

static gpointer
list_assessments_job (KhStore  *self,
                      gpointer  data,
                      GError  **error)
{
  return kh_db_list_assessments (self->db, self->worker_user, ((Args *) data)->id, error);
}

void
kh_store_list_assessments_async (KhStore             *self,
                                 gint64               case_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (KH_IS_STORE (self));

  push_args_job (self, kh_store_list_assessments_async, list_assessments_job,
                 args_new (NULL, case_id, 0), ptr_array_unref, cancellable, callback, user_data);
}

GPtrArray *
kh_store_list_assessments_finish (KhStore       *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return finish_pointer (self, result, kh_store_list_assessments_async, error);
}

/* Saving and finishing work on a copy and answer with it as stored. */
static gpointer
save_assessment_job (KhStore  *self,
                     gpointer  data,
                     GError  **error)
{
  KhAssessment *a = data;

  if (!kh_db_save_assessment (self->db, self->worker_user, a, error))
    return NULL;
  return kh_assessment_copy (a);
}

void
kh_store_save_assessment_async (KhStore             *self,
                                const KhAssessment  *assessment,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (KH_IS_STORE (self));
  g_return_if_fail (assessment != NULL);

  /* Not a "changed": the wizard saves at every change. */
  push_job (self, kh_store_save_assessment_async, save_assessment_job,
            kh_assessment_copy (assessment), (GDestroyNotify) kh_assessment_free,
            (GDestroyNotify) kh_assessment_free, FALSE, cancellable, callback, user_data);
}

KhAssessment *
kh_store_save_assessment_finish (KhStore       *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return finish_pointer (self, result, kh_store_save_assessment_async, error);
}

static gpointer
finish_assessment_job (KhStore  *self,
                       gpointer  data,
                       GError  **error)
{
  KhAssessment *a = data;

  if (!kh_db_finish_assessment (self->db, self->worker_user, a, error))
    return NULL;
  return kh_assessment_copy (a);
}

void
kh_store_finish_assessment_async (KhStore             *self,
                                  const KhAssessment  *assessment,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (KH_IS_STORE (self));
  g_return_if_fail (assessment != NULL);

  push_job (self, kh_store_finish_assessment_async, finish_assessment_job,
            kh_assessment_copy (assessment), (GDestroyNotify) kh_assessment_free,
            (GDestroyNotify) kh_assessment_free, TRUE, cancellable, callback, user_data);
}

KhAssessment *
kh_store_finish_assessment_finish (KhStore       *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return finish_pointer (self, result, kh_store_finish_assessment_async, error);
}

static gpointer
new_assessment_version_job (KhStore  *self,
                            gpointer  data,
                            GError  **error)
{
  Args *args = data;

  return kh_db_new_assessment_version (self->db, self->worker_user, args->id, args->text, error);
}

void
kh_store_new_assessment_version_async (KhStore             *self,
                                       gint64               finished_id,
                                       const char          *reason,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_return_if_fail (KH_IS_STORE (self));

  push_job (self, kh_store_new_assessment_version_async, new_assessment_version_job,
            args_new (reason, finished_id, 0), args_free, (GDestroyNotify) kh_assessment_free, TRUE,
            cancellable, callback, user_data);
}

KhAssessment *
kh_store_new_assessment_version_finish (KhStore       *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  return finish_pointer (self, result, kh_store_new_assessment_version_async, error);
}
