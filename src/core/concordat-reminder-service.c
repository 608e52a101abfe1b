/* concordat-reminder-service.c: the clock that reminds of due duties.
 *
 * It looks as it starts (catching up on what fell due while nothing was
 * running), then at each minute boundary of the wall clock, and again
 * when the computer wakes (logind's PrepareForSleep): GLib's timers stop
 * during suspend, so each wake-up reads the wall clock afresh rather than
 * counting.  Up to CONCORDAT_REMINDERS_MAX_SINGLE due duties are each
 * notified with Open, Mark done and Snooze a day; more become one
 * notification whose Open shows them all.  Without a notification server
 * it warns once and goes on: the reminders are given back to be sent when
 * one appears.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "concordat-clock.h"
#include "concordat-error.h"
#include "concordat-record.h"
#include "concordat-reminders.h"

struct _ConcordatReminderService
{
  GObject             parent_instance;

  ConcordatStore     *store;
  ConcordatNotifier  *notifier;
  guint               reminder_time;
  guint               tick;
  GCancellable       *cancellable;
  GDBusConnection    *system_bus;
  guint               sleep_subscription;
  gboolean            warned;
};

G_DEFINE_FINAL_TYPE (ConcordatReminderService, concordat_reminder_service, G_TYPE_OBJECT)

enum {
  OPEN_DUTY,
  OPEN_DUTIES,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const duty_actions[] = {
  "open", "Open", "done", "Mark done", "snooze", "Snooze a day", NULL,
};

static const char * const group_actions[] = { "open", "Open", NULL };

typedef struct
{
  GWeakRef                 service;
  ConcordatReminderNotice *notice;
} Sent;

static void
sent_free (Sent *sent)
{
  g_weak_ref_clear (&sent->service);
  concordat_reminder_notice_free (sent->notice);
  g_free (sent);
}

static void
sent_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  Sent *sent = data;
  g_autoptr(ConcordatReminderService) self = g_weak_ref_get (&sent->service);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) unclaim_error = NULL;

  if (concordat_notifier_send_finish (CONCORDAT_NOTIFIER (source), result, &error) || self == NULL)
    {
      sent_free (sent);
      return;
    }

  /* Not sent: to be sent when it can be. */
  if (!concordat_reminders_unclaim (self->store, sent->notice->reminders, &unclaim_error))
    g_warning ("Cannot keep the reminder to send later: %s", unclaim_error->message);

  if (!self->warned)
    {
      self->warned = TRUE;
      if (g_error_matches (error, CONCORDAT_ERROR, CONCORDAT_ERROR_NO_SERVER))
        g_warning ("No notification server, so reminders cannot be shown; the Duties view "
                   "still counts what is due: %s", error->message);
      else
        g_warning ("A reminder could not be shown: %s", error->message);
    }
  sent_free (sent);
}

/* Takes @notice. */
static void
send (ConcordatReminderService *self,
      ConcordatReminderNotice  *notice)
{
  Sent *sent = g_new0 (Sent, 1);

  g_weak_ref_init (&sent->service, self);
  sent->notice = notice;
  concordat_notifier_send_async (self->notifier, notice->tag, notice->summary, notice->body, notice->urgency,
                                 notice->grouped ? group_actions : duty_actions,
                                 self->cancellable, sent_cb, sent);
}

/**
 * concordat_reminder_service_check:
 *
 * Reminds of every duty due now that has not been reminded of today.
 */
void
concordat_reminder_service_check (ConcordatReminderService *self)
{
  g_autoptr(GDate) today = concordat_clock_today ();
  g_autoptr(GPtrArray) reminders = NULL;
  g_autoptr(GPtrArray) notices = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CONCORDAT_IS_REMINDER_SERVICE (self));

  reminders = concordat_reminders_find (self->store, today, concordat_clock_minute_of_day (),
                                        self->reminder_time, &error);
  if (reminders == NULL || !concordat_reminders_claim (self->store, reminders, today, &error))
    {
      g_warning ("Cannot look for due duties: %s", error->message);
      return;
    }

  /* What each came from is read only for those notified one by one. */
  if (reminders->len <= CONCORDAT_REMINDERS_MAX_SINGLE &&
      !concordat_reminders_add_sources (self->store, reminders, &error))
    g_warning ("Cannot read what the due duties came from: %s", error->message);

  notices = concordat_reminders_compose (reminders, today);
  /* Each notice goes to its send, which frees it. */
  g_ptr_array_set_free_func (notices, NULL);
  for (guint i = 0; i < notices->len; i++)
    send (self, g_ptr_array_index (notices, i));
}

static gboolean
tick_cb (gpointer data);

/* To the next minute of the wall clock, a little after it has turned. */
static void
schedule_tick (ConcordatReminderService *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  gint64 into_minute = (gint64) g_date_time_get_second (now) * 1000 + g_date_time_get_microsecond (now) / 1000;

  g_clear_handle_id (&self->tick, g_source_remove);
  self->tick = g_timeout_add (60 * 1000 - into_minute + 50, tick_cb, self);
}

static gboolean
tick_cb (gpointer data)
{
  ConcordatReminderService *self = data;

  self->tick = 0;
  concordat_reminder_service_check (self);
  schedule_tick (self);
  return G_SOURCE_REMOVE;
}

static void
prepare_for_sleep_cb (GDBusConnection *connection,
                      const char      *sender,
                      const char      *path,
                      const char      *interface,
                      const char      *signal,
                      GVariant        *parameters,
                      gpointer         data)
{
  ConcordatReminderService *self = data;
  gboolean going_to_sleep = TRUE;

  if (g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(b)")))
    g_variant_get (parameters, "(b)", &going_to_sleep);

  /* Awake again: the day may have turned while the timer stood still. */
  if (!going_to_sleep)
    {
      concordat_reminder_service_check (self);
      schedule_tick (self);
    }
}

static void
system_bus_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  g_autoptr(GError) error = NULL;
  GDBusConnection *bus = g_bus_get_finish (result, &error);
  ConcordatReminderService *self;

  if (bus == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No system bus, so no word of waking from sleep: %s", error->message);
      return;
    }

  self = data;
  self->system_bus = bus;
  self->sleep_subscription =
    g_dbus_connection_signal_subscribe (bus, "org.freedesktop.login1", "org.freedesktop.login1.Manager",
                                        "PrepareForSleep", "/org/freedesktop/login1", NULL,
                                        G_DBUS_SIGNAL_FLAGS_NONE, prepare_for_sleep_cb, self, NULL);
}

static void
action_invoked_cb (ConcordatReminderService *self,
                   const char               *tag,
                   const char               *action)
{
  g_autoptr(GDate) today = concordat_clock_today ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (g_str_equal (tag, CONCORDAT_REMINDERS_GROUP_TAG))
    {
      g_signal_emit (self, signals[OPEN_DUTIES], 0);
      return;
    }
  if (!g_str_has_prefix (tag, CONCORDAT_REMINDERS_DUTY_TAG_PREFIX))
    return;

  id = g_ascii_strtoll (tag + strlen (CONCORDAT_REMINDERS_DUTY_TAG_PREFIX), NULL, 10);
  if (g_str_equal (action, "done"))
    concordat_record_duty_done (self->store, id, &error);
  else if (g_str_equal (action, "snooze"))
    concordat_reminders_snooze_a_day (self->store, id, today, NULL, &error);
  else
    g_signal_emit (self, signals[OPEN_DUTY], 0, id);

  if (error != NULL)
    g_warning ("Cannot do what the reminder asked: %s", error->message);
}

static void
concordat_reminder_service_dispose (GObject *object)
{
  ConcordatReminderService *self = CONCORDAT_REMINDER_SERVICE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->tick, g_source_remove);
  if (self->sleep_subscription != 0)
    g_dbus_connection_signal_unsubscribe (self->system_bus, self->sleep_subscription);
  self->sleep_subscription = 0;
  g_clear_object (&self->system_bus);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->notifier);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (concordat_reminder_service_parent_class)->dispose (object);
}

static void
concordat_reminder_service_class_init (ConcordatReminderServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = concordat_reminder_service_dispose;

  /**
   * ConcordatReminderService::open-duty:
   * @id: the duty
   *
   * A reminder's Open was clicked.
   */
  signals[OPEN_DUTY] = g_signal_new ("open-duty", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * ConcordatReminderService::open-duties:
   *
   * Open was clicked on the notification that stands for many.
   */
  signals[OPEN_DUTIES] = g_signal_new ("open-duties", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
concordat_reminder_service_init (ConcordatReminderService *self)
{
  self->reminder_time = CONCORDAT_REMINDERS_DEFAULT_TIME;
  self->cancellable = g_cancellable_new ();
}

ConcordatReminderService *
concordat_reminder_service_new (ConcordatStore    *store,
                                ConcordatNotifier *notifier)
{
  ConcordatReminderService *self;

  g_return_val_if_fail (CONCORDAT_IS_STORE (store), NULL);
  g_return_val_if_fail (CONCORDAT_IS_NOTIFIER (notifier), NULL);

  self = g_object_new (CONCORDAT_TYPE_REMINDER_SERVICE, NULL);
  self->store = g_object_ref (store);
  self->notifier = g_object_ref (notifier);
  g_signal_connect_object (notifier, "action-invoked", G_CALLBACK (action_invoked_cb), self, G_CONNECT_SWAPPED);
  return self;
}

/**
 * concordat_reminder_service_set_time:
 * @minute_of_day: from when, in minutes after midnight, a duty due that
 *   day is reminded of
 */
void
concordat_reminder_service_set_time (ConcordatReminderService *self,
                                     guint                     minute_of_day)
{
  g_return_if_fail (CONCORDAT_IS_REMINDER_SERVICE (self));
  g_return_if_fail (minute_of_day < 24 * 60);

  self->reminder_time = minute_of_day;
}

/**
 * concordat_reminder_service_start:
 *
 * Catches up at once, then looks every minute and on waking.
 */
void
concordat_reminder_service_start (ConcordatReminderService *self)
{
  g_return_if_fail (CONCORDAT_IS_REMINDER_SERVICE (self));

  if (self->system_bus == NULL)
    g_bus_get (G_BUS_TYPE_SYSTEM, self->cancellable, system_bus_cb, self);
  concordat_reminder_service_check (self);
  schedule_tick (self);
}
