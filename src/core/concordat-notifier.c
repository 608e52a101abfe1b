/* concordat-notifier.c: desktop notifications with actions, sent through
 * libnotify without ever blocking the caller.
 *
 * libnotify makes synchronous D-Bus calls and keeps unlocked global state,
 * so every libnotify call in the process happens in one thread of its own.
 * That thread also makes libnotify's D-Bus proxy, so the server's signals
 * (an action clicked, a notification closed) are handled there too.  The
 * caller's thread only queues jobs, in order, and hears back in the main
 * context it made the notifier in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libnotify/notify.h>

#include "concordat-error.h"
#include "concordat-notifier.h"

#define TAG_KEY "concordat-tag"

typedef struct
{
  GThread      *thread;
  GMainContext *context;
  GMainLoop    *loop;
  GAsyncQueue  *jobs;
  guint         users;
} Worker;

/* What a notifier shares with the libnotify thread.  @shown belongs to that
 * thread alone, and is freed there by the JOB_RELEASE the notifier sends as
 * it goes, so the notifications never die in another thread. */
typedef struct
{
  gatomicrefcount  ref_count;
  GWeakRef         notifier;
  GMainContext    *owner_context;
  GHashTable      *shown;  /* tag → NotifyNotification on screen */
} Registry;

typedef enum
{
  JOB_SEND,
  JOB_WITHDRAW,
  JOB_RELEASE,
  JOB_QUIT,
} JobKind;

typedef struct
{
  JobKind                 kind;
  Registry               *registry;
  char                   *tag;
  char                   *summary;
  char                   *body;
  ConcordatNotifyUrgency  urgency;
  GStrv                   actions;
  GCancellable           *cancellable;
  GError                 *error;

  /* The result goes back either to a task, completed (and dropped) in the
   * caller's context, or to a queue a synchronous caller waits on. */
  GTask                  *task;
  GMainContext           *reply_context;
  GAsyncQueue            *reply_queue;
} Job;

typedef struct
{
  Registry *registry;
  char     *tag;
  char     *action;
} ActionEvent;

struct _ConcordatNotifier
{
  GObject   parent_instance;

  Worker   *worker;
  Registry *registry;
};

G_DEFINE_FINAL_TYPE (ConcordatNotifier, concordat_notifier, G_TYPE_OBJECT)

enum {
  ACTION_INVOKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* One libnotify thread per process, as libnotify is one per process. */
static GMutex  worker_lock;
static Worker *worker;

/* Said once per process: a reminder clock would otherwise repeat it every
 * time a duty falls due. */
static gint warned_no_server;

static Registry *
registry_new (ConcordatNotifier *notifier)
{
  Registry *registry = g_new0 (Registry, 1);

  g_atomic_ref_count_init (&registry->ref_count);
  g_weak_ref_init (&registry->notifier, notifier);
  registry->owner_context = g_main_context_ref_thread_default ();
  registry->shown = g_hash_table_new_full (g_str_hash, g_str_equal,
                                           g_free, g_object_unref);

  return registry;
}

static Registry *
registry_ref (Registry *registry)
{
  g_atomic_ref_count_inc (&registry->ref_count);
  return registry;
}

static void
registry_unref (Registry *registry)
{
  if (!g_atomic_ref_count_dec (&registry->ref_count))
    return;

  g_assert (registry->shown == NULL);
  g_weak_ref_clear (&registry->notifier);
  g_main_context_unref (registry->owner_context);
  g_free (registry);
}

static Job *
job_new (JobKind   kind,
         Registry *registry)
{
  Job *job = g_new0 (Job, 1);

  job->kind = kind;
  job->registry = registry != NULL ? registry_ref (registry) : NULL;

  return job;
}

static void
job_free (Job *job)
{
  g_clear_pointer (&job->registry, registry_unref);
  g_free (job->tag);
  g_free (job->summary);
  g_free (job->body);
  g_strfreev (job->actions);
  g_clear_object (&job->cancellable);
  g_clear_error (&job->error);
  g_clear_object (&job->task);
  g_clear_pointer (&job->reply_context, g_main_context_unref);
  g_clear_pointer (&job->reply_queue, g_async_queue_unref);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Job, job_free)

static void
action_event_free (gpointer data)
{
  ActionEvent *event = data;

  registry_unref (event->registry);
  g_free (event->tag);
  g_free (event->action);
  g_free (event);
}

/* In the caller's context: the notifier may have gone since the click. */
static gboolean
emit_action_cb (gpointer data)
{
  ActionEvent *event = data;
  g_autoptr(ConcordatNotifier) self = g_weak_ref_get (&event->registry->notifier);

  if (self != NULL)
    g_signal_emit (self, signals[ACTION_INVOKED], 0, event->tag, event->action);

  return G_SOURCE_REMOVE;
}

/* Whether @error says no server could be reached, as opposed to a server
 * that answered with an error of its own. */
static gboolean
server_unreachable (const GError *error)
{
  /* No session bus, a closed connection, or a call that timed out; a
   * server's own unregistered error also arrives in this domain. */
  if (error->domain == G_IO_ERROR)
    return error->code != G_IO_ERROR_DBUS_ERROR;

  if (error->domain != G_DBUS_ERROR)
    return FALSE;

  switch (error->code)
    {
    case G_DBUS_ERROR_SERVICE_UNKNOWN:
    case G_DBUS_ERROR_NAME_HAS_NO_OWNER:
    case G_DBUS_ERROR_NO_REPLY:
    case G_DBUS_ERROR_TIMEOUT:
    case G_DBUS_ERROR_TIMED_OUT:
    case G_DBUS_ERROR_DISCONNECTED:
    case G_DBUS_ERROR_NO_SERVER:
      return TRUE;

    default:
      /* A service that the bus failed to start is not there either. */
      return error->code >= G_DBUS_ERROR_SPAWN_EXEC_FAILED &&
             error->code <= G_DBUS_ERROR_SPAWN_NO_MEMORY;
    }
}

/* Turns what libnotify reported into an error of ours, and says once per
 * process that there is no notification server. */
static GError *
translate_error (GError *error)
{
  g_autoptr(GError) owned = error;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_steal_pointer (&owned);

  g_dbus_error_strip_remote_error (error);

  if (!server_unreachable (error))
    return g_error_new (CONCORDAT_ERROR, CONCORDAT_ERROR_FAILED,
                        "The desktop notification service refused the request: %s",
                        error->message);

  if (g_atomic_int_compare_and_exchange (&warned_no_server, FALSE, TRUE))
    g_warning ("Desktop notifications are unavailable, as no notification "
               "service answered (%s); carrying on without them",
               error->message);

  return g_error_new (CONCORDAT_ERROR, CONCORDAT_ERROR_NO_SERVER,
                      "No desktop notification service is running, so "
                      "notifications cannot be shown: %s",
                      error->message);
}

/* In the caller's context, so that the task (and the notifier it holds) is
 * dropped in the thread that made it. */
static gboolean
complete_task_cb (gpointer data)
{
  g_autoptr(Job) job = data;

  if (job->error != NULL)
    g_task_return_error (job->task, translate_error (g_steal_pointer (&job->error)));
  else
    g_task_return_boolean (job->task, TRUE);

  return G_SOURCE_REMOVE;
}

/* The functions from here to worker_push() run in the libnotify thread. */

static void
on_action (NotifyNotification *notification,
           char               *action,
           gpointer            data)
{
  Registry *registry = data;
  ActionEvent *event = g_new0 (ActionEvent, 1);

  event->registry = registry_ref (registry);
  event->tag = g_strdup (g_object_get_data (G_OBJECT (notification), TAG_KEY));
  event->action = g_strdup (action);
  g_main_context_invoke_full (registry->owner_context, G_PRIORITY_DEFAULT,
                              emit_action_cb, event, action_event_free);
}

static void
on_closed (NotifyNotification *notification,
           gpointer            data)
{
  Registry *registry = data;
  const char *tag = g_object_get_data (G_OBJECT (notification), TAG_KEY);

  /* Once closed, no action can come from it: stop keeping it. */
  if (g_hash_table_lookup (registry->shown, tag) == notification)
    g_hash_table_remove (registry->shown, tag);
}

/* The server's capabilities, asked on the bus directly: libnotify's own
 * way warns when there is no server, before the send could say so.  %NULL
 * when the server cannot be asked; the send then finds out why. */
static GStrv
fetch_server_caps (void)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;
  GStrv caps = NULL;

  if (bus == NULL)
    return NULL;
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.Notifications", "/org/freedesktop/Notifications",
                                       "org.freedesktop.Notifications", "GetCapabilities", NULL,
                                       G_VARIANT_TYPE ("(as)"), G_DBUS_CALL_FLAGS_NO_AUTO_START,
                                       5000, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(^as)", &caps);
  return caps;
}

/* What the server can show: a server without "actions" gets none, and one
 * with "body-markup" gets the body escaped, since Concordat's text is never
 * markup. */
static NotifyNotification *
build_notification (Job *job)
{
  g_auto(GStrv) caps = fetch_server_caps ();
  gboolean actions = caps == NULL || g_strv_contains ((const char * const *) caps, "actions");
  g_autofree char *body = NULL;
  NotifyNotification *notification;

  if (job->body != NULL && caps != NULL && g_strv_contains ((const char * const *) caps, "body-markup"))
    body = g_markup_escape_text (job->body, -1);
  else
    body = g_strdup (job->body);

  notification = notify_notification_new (job->summary, body, APPLICATION_ID);
  notify_notification_set_urgency (notification, (NotifyUrgency)job->urgency);
  /* Lets the shell show Concordat's name and icon and group its notices. */
  notify_notification_set_hint (notification, "desktop-entry",
                                g_variant_new_string (APPLICATION_ID));

  for (guint i = 0; actions && job->actions != NULL && job->actions[i] != NULL; i += 2)
    notify_notification_add_action (notification, job->actions[i],
                                    job->actions[i + 1], on_action,
                                    job->registry, NULL);

  g_object_set_data_full (G_OBJECT (notification), TAG_KEY,
                          g_strdup (job->tag), g_free);
  g_signal_connect (notification, "closed", G_CALLBACK (on_closed), job->registry);

  return notification;
}

static gboolean
run_send (Job     *job,
          GError **error)
{
  GHashTable *shown = job->registry->shown;
  NotifyNotification *previous = g_hash_table_lookup (shown, job->tag);
  NotifyNotification *notification = build_notification (job);

  /* The same tag again updates the notice in place rather than stacking a
   * second one, e.g. when a duty becomes overdue. */
  if (previous != NULL)
    {
      int id = 0;

      g_object_get (previous, "id", &id, NULL);
      g_object_set (notification, "id", id, NULL);
    }

  if (!notify_notification_show (notification, error))
    {
      g_object_unref (notification);
      return FALSE;
    }

  /* Kept until the server closes it, or its actions would reach no one.
   * The one replaced goes now, before it could answer for the new one's id. */
  g_hash_table_replace (shown, g_strdup (job->tag), notification);

  return TRUE;
}

static gboolean
run_withdraw (Job     *job,
              GError **error)
{
  g_autofree char *tag = NULL;
  NotifyNotification *notification = NULL;
  gboolean closed;

  /* Already closed, or never shown: nothing on screen to take down. */
  if (!g_hash_table_steal_extended (job->registry->shown, job->tag,
                                    (gpointer *)&tag, (gpointer *)&notification))
    return TRUE;

  closed = notify_notification_close (notification, error);
  g_object_unref (notification);

  return closed;
}

static void
reply (Job *job)
{
  if (job->task != NULL)
    g_main_context_invoke_full (job->reply_context, G_PRIORITY_DEFAULT,
                                complete_task_cb, job, NULL);
  else if (job->reply_queue != NULL)
    g_async_queue_push (job->reply_queue, job);
  else
    job_free (job);
}

static void
run_job (Worker *self,
         Job    *job)
{
  switch (job->kind)
    {
    case JOB_SEND:
      if (!g_cancellable_set_error_if_cancelled (job->cancellable, &job->error))
        run_send (job, &job->error);
      break;

    case JOB_WITHDRAW:
      if (!g_cancellable_set_error_if_cancelled (job->cancellable, &job->error))
        run_withdraw (job, &job->error);
      break;

    case JOB_RELEASE:
      /* Dropped, not closed: `concordat remind` exits straight after
       * sending, and its reminders must stay on screen after it. */
      g_clear_pointer (&job->registry->shown, g_hash_table_destroy);
      break;

    case JOB_QUIT:
      g_main_loop_quit (self->loop);
      break;

    default:
      g_assert_not_reached ();
    }

  reply (job);
}

static gboolean
drain_jobs_cb (gpointer data)
{
  Worker *self = data;
  Job *job;

  while ((job = g_async_queue_try_pop (self->jobs)) != NULL)
    run_job (self, job);

  return G_SOURCE_REMOVE;
}

static gpointer
worker_thread (gpointer data)
{
  Worker *self = data;

  g_main_context_push_thread_default (self->context);
  notify_init (CONCORDAT_NOTIFIER_APP_NAME);

  g_main_loop_run (self->loop);

  /* Every notifier has dropped its notifications by now, so this closes
   * nothing on screen: it lets go of the session bus. */
  notify_uninit ();
  while (g_main_context_iteration (self->context, FALSE))
    ;
  g_main_context_pop_thread_default (self->context);

  return NULL;
}

/* Jobs run one at a time and in the order queued, so a withdrawal never
 * overtakes the send it withdraws. */
static void
worker_push (Worker *self,
             Job    *job)
{
  g_autoptr(GSource) source = g_idle_source_new ();

  g_async_queue_push (self->jobs, job);
  g_source_set_callback (source, drain_jobs_cb, self, NULL);
  g_source_set_static_name (source, "[concordat] notification jobs");
  g_source_attach (source, self->context);
}

static Worker *
worker_acquire (void)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&worker_lock);

  if (worker == NULL)
    {
      worker = g_new0 (Worker, 1);
      worker->context = g_main_context_new ();
      worker->loop = g_main_loop_new (worker->context, FALSE);
      worker->jobs = g_async_queue_new ();
      worker->thread = g_thread_new ("notifier", worker_thread, worker);
    }
  worker->users++;

  return worker;
}

static void
worker_release (Worker *self)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&worker_lock);

  if (--self->users > 0)
    return;

  /* Joined under the lock, so a notifier made meanwhile waits for this
   * thread's notify_uninit() instead of racing it with notify_init(). */
  worker_push (self, job_new (JOB_QUIT, NULL));
  g_thread_join (self->thread);
  g_async_queue_unref (self->jobs);
  g_main_loop_unref (self->loop);
  g_main_context_unref (self->context);
  g_free (self);
  worker = NULL;
}

static void
queue_async (ConcordatNotifier   *self,
             Job                 *job,
             gpointer             source_tag,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  job->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (job->task, source_tag);
  job->reply_context = g_main_context_ref_thread_default ();
  job->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;

  worker_push (self->worker, job);
}

static gboolean
run_sync (ConcordatNotifier  *self,
          Job                *job,
          GCancellable       *cancellable,
          GError            **error)
{
  g_autoptr(GAsyncQueue) replies = g_async_queue_new ();
  g_autoptr(Job) done = NULL;

  job->reply_queue = g_async_queue_ref (replies);
  job->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  worker_push (self->worker, job);

  done = g_async_queue_pop (replies);
  if (done->error != NULL)
    {
      g_propagate_error (error, translate_error (g_steal_pointer (&done->error)));
      return FALSE;
    }

  return TRUE;
}

/* @actions is id, label, id, label… with both of each pair non-empty. */
static gboolean
actions_valid (const char * const *actions)
{
  guint n = 0;

  for (; actions != NULL && actions[n] != NULL; n++)
    if (*actions[n] == '\0')
      return FALSE;

  return n % 2 == 0;
}

static Job *
send_job_new (ConcordatNotifier      *self,
              const char             *tag,
              const char             *summary,
              const char             *body,
              ConcordatNotifyUrgency  urgency,
              const char * const     *actions)
{
  Job *job = job_new (JOB_SEND, self->registry);

  job->tag = g_strdup (tag);
  job->summary = g_strdup (summary);
  job->body = g_strdup (body);
  job->urgency = urgency;
  job->actions = g_strdupv ((char **)actions);

  return job;
}

static void
concordat_notifier_finalize (GObject *object)
{
  ConcordatNotifier *self = (ConcordatNotifier *)object;

  worker_push (self->worker, job_new (JOB_RELEASE, self->registry));
  g_clear_pointer (&self->registry, registry_unref);
  worker_release (g_steal_pointer (&self->worker));

  G_OBJECT_CLASS (concordat_notifier_parent_class)->finalize (object);
}

static void
concordat_notifier_class_init (ConcordatNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = concordat_notifier_finalize;

  /**
   * ConcordatNotifier::action-invoked:
   * @self: the notifier
   * @tag: the tag the notification was sent with
   * @action: the id of the action the user chose
   *
   * Emitted in the main context the notifier was made in.
   */
  signals[ACTION_INVOKED] =
    g_signal_new ("action-invoked",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2,
                  G_TYPE_STRING,
                  G_TYPE_STRING);
}

static void
concordat_notifier_init (ConcordatNotifier *self)
{
  self->worker = worker_acquire ();
  self->registry = registry_new (self);
}

ConcordatNotifier *
concordat_notifier_new (void)
{
  return g_object_new (CONCORDAT_TYPE_NOTIFIER, NULL);
}

/**
 * concordat_notifier_send_async:
 * @self: a #ConcordatNotifier
 * @tag: the caller's name for what this is about, e.g. "duty:42"
 * @summary: the one-line title
 * @body: (nullable): the text under it
 * @urgency: how urgent it is
 * @actions: (nullable) (array zero-terminated=1): id, label, id, label…
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once the server has taken the notification, or not
 * @user_data: data for @callback
 *
 * Shows a notification, replacing any still on screen under @tag.  A click
 * on one of @actions emits #ConcordatNotifier::action-invoked with @tag; an
 * action with the id "default" is a click on the notification itself.
 * Nothing here waits on D-Bus.
 */
void
concordat_notifier_send_async (ConcordatNotifier       *self,
                               const char              *tag,
                               const char              *summary,
                               const char              *body,
                               ConcordatNotifyUrgency   urgency,
                               const char * const      *actions,
                               GCancellable            *cancellable,
                               GAsyncReadyCallback      callback,
                               gpointer                 user_data)
{
  g_return_if_fail (CONCORDAT_IS_NOTIFIER (self));
  g_return_if_fail (tag != NULL && *tag != '\0');
  g_return_if_fail (summary != NULL && *summary != '\0');
  g_return_if_fail (urgency <= CONCORDAT_NOTIFY_URGENCY_CRITICAL);
  g_return_if_fail (actions_valid (actions));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  queue_async (self,
               send_job_new (self, tag, summary, body, urgency, actions),
               concordat_notifier_send_async,
               cancellable, callback, user_data);
}

/**
 * concordat_notifier_send_finish:
 *
 * Returns: %TRUE if the server showed the notification; otherwise %FALSE
 *   with @error set, %CONCORDAT_ERROR_NO_SERVER when there is none.
 */
gboolean
concordat_notifier_send_finish (ConcordatNotifier  *self,
                                GAsyncResult       *result,
                                GError            **error)
{
  g_return_val_if_fail (CONCORDAT_IS_NOTIFIER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        concordat_notifier_send_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * concordat_notifier_send:
 *
 * As concordat_notifier_send_async(), but blocks the calling thread until
 * the server answers (or libnotify gives up on it): for the one-shot
 * command line, which has no main loop to wait in, never for a window.
 */
gboolean
concordat_notifier_send (ConcordatNotifier       *self,
                         const char              *tag,
                         const char              *summary,
                         const char              *body,
                         ConcordatNotifyUrgency   urgency,
                         const char * const      *actions,
                         GCancellable            *cancellable,
                         GError                 **error)
{
  g_return_val_if_fail (CONCORDAT_IS_NOTIFIER (self), FALSE);
  g_return_val_if_fail (tag != NULL && *tag != '\0', FALSE);
  g_return_val_if_fail (summary != NULL && *summary != '\0', FALSE);
  g_return_val_if_fail (urgency <= CONCORDAT_NOTIFY_URGENCY_CRITICAL, FALSE);
  g_return_val_if_fail (actions_valid (actions), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return run_sync (self,
                   send_job_new (self, tag, summary, body, urgency, actions),
                   cancellable, error);
}

/**
 * concordat_notifier_withdraw_async:
 * @self: a #ConcordatNotifier
 * @tag: the tag a notification was sent with
 *
 * Takes the notification sent under @tag off the screen, e.g. once its duty
 * is done.  A tag with nothing on screen succeeds without asking the server.
 */
void
concordat_notifier_withdraw_async (ConcordatNotifier   *self,
                                   const char          *tag,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  Job *job;

  g_return_if_fail (CONCORDAT_IS_NOTIFIER (self));
  g_return_if_fail (tag != NULL && *tag != '\0');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  job = job_new (JOB_WITHDRAW, self->registry);
  job->tag = g_strdup (tag);
  queue_async (self, job, concordat_notifier_withdraw_async,
               cancellable, callback, user_data);
}

gboolean
concordat_notifier_withdraw_finish (ConcordatNotifier  *self,
                                    GAsyncResult       *result,
                                    GError            **error)
{
  g_return_val_if_fail (CONCORDAT_IS_NOTIFIER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        concordat_notifier_withdraw_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
