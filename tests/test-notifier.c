/* test-notifier.c: the notifier sends exactly the notification Concordat
 * means, hears the action the user clicks, replaces and withdraws by tag,
 * and carries on quietly when no notification server is there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <libglib-testing/dbus-queue.h>
#include <unistd.h>

#include "concordat-error.h"
#include "concordat-notifier.h"

#define BUS_NAME    "org.freedesktop.Notifications"
#define OBJECT_PATH "/org/freedesktop/Notifications"
#define INTERFACE   "org.freedesktop.Notifications"

/* Far longer than anything here takes, even under a sanitizer. */
#define WAIT_SECONDS 10

/* The server's side of the notification specification, as the stand-in
 * server on the test bus offers it. */
static const char notifications_xml[] =
  "<node>"
  "  <interface name='" INTERFACE "'>"
  "    <method name='GetCapabilities'>"
  "      <arg type='as' name='capabilities' direction='out'/>"
  "    </method>"
  "    <method name='Notify'>"
  "      <arg type='s' name='app_name' direction='in'/>"
  "      <arg type='u' name='replaces_id' direction='in'/>"
  "      <arg type='s' name='app_icon' direction='in'/>"
  "      <arg type='s' name='summary' direction='in'/>"
  "      <arg type='s' name='body' direction='in'/>"
  "      <arg type='as' name='actions' direction='in'/>"
  "      <arg type='a{sv}' name='hints' direction='in'/>"
  "      <arg type='i' name='expire_timeout' direction='in'/>"
  "      <arg type='u' name='id' direction='out'/>"
  "    </method>"
  "    <method name='CloseNotification'>"
  "      <arg type='u' name='id' direction='in'/>"
  "    </method>"
  "    <method name='GetServerInformation'>"
  "      <arg type='s' name='name' direction='out'/>"
  "      <arg type='s' name='vendor' direction='out'/>"
  "      <arg type='s' name='version' direction='out'/>"
  "      <arg type='s' name='spec_version' direction='out'/>"
  "    </method>"
  "    <signal name='NotificationClosed'>"
  "      <arg type='u' name='id'/>"
  "      <arg type='u' name='reason'/>"
  "    </signal>"
  "    <signal name='ActionInvoked'>"
  "      <arg type='u' name='id'/>"
  "      <arg type='s' name='action_key'/>"
  "    </signal>"
  "  </interface>"
  "</node>";

static const char * const reminder_actions[] = {
  "open", "Open", "done", "Mark done", "snooze", "Snooze a day", NULL
};

static const char * const no_actions[] = { NULL };

typedef struct
{
  GDBusNodeInfo     *node;
  GtDBusQueue       *queue;
  ConcordatNotifier *notifier;
  GPtrArray         *invoked;     /* "tag action", one per action-invoked */
  GVariant          *notify_call; /* (atomic) set in the service's thread */
  GDBusConnection   *server;      /* (atomic) the service's connection */
  gint               server_closed; /* (atomic) */
} Fixture;

static void
result_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  GAsyncResult **out = data;

  g_assert_null (*out);
  *out = g_object_ref (result);
}

static gboolean
timed_out_cb (gpointer data)
{
  *(gboolean *)data = TRUE;

  return G_SOURCE_REMOVE;
}

/* Iterates this thread's main context until @done says so, and fails the
 * test, saying what it waited for, if that takes too long. */
static void
wait_until (gboolean    (*done) (gconstpointer data),
            gconstpointer data,
            const char   *what)
{
  gboolean timed_out = FALSE;
  guint timer = g_timeout_add_seconds (WAIT_SECONDS, timed_out_cb, &timed_out);

  while (!done (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (timed_out)
    g_error ("Waited %d seconds for %s", WAIT_SECONDS, what);
  g_source_remove (timer);
}

static gboolean
has_result (gconstpointer data)
{
  GAsyncResult * const *result = data;

  return *result != NULL;
}

static GAsyncResult *
wait_for_result (GAsyncResult **result)
{
  wait_until (has_result, result, "the notifier to finish");

  return *result;
}

static gboolean
has_action (gconstpointer data)
{
  const Fixture *f = data;

  return f->invoked->len > 0;
}

static void
wait_for_action (Fixture *f)
{
  wait_until (has_action, f, "the action-invoked signal");
}

static void
name_appeared_cb (GDBusConnection *connection,
                  const char      *name,
                  const char      *owner,
                  gpointer         data)
{
  *(gboolean *)data = TRUE;
}

static gboolean
is_true (gconstpointer data)
{
  return *(const gboolean *)data;
}

/* The queue asks for the name without waiting for the bus to grant it; a
 * call made before then would find no server. */
static void
wait_for_name (GtDBusQueue *queue)
{
  gboolean appeared = FALSE;
  guint watch;

  watch = g_bus_watch_name_on_connection (gt_dbus_queue_get_client_connection (queue),
                                          BUS_NAME, G_BUS_NAME_WATCHER_FLAGS_NONE,
                                          name_appeared_cb, NULL, &appeared, NULL);
  wait_until (is_true, &appeared, "the stand-in server to own its name");
  g_bus_unwatch_name (watch);
}

static void
on_action_invoked (ConcordatNotifier *notifier,
                   const char        *tag,
                   const char        *action,
                   gpointer           data)
{
  Fixture *f = data;

  g_ptr_array_add (f->invoked, g_strdup_printf ("%s %s", tag, action));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GDBusInterfaceInfo *interface;

  f->node = g_dbus_node_info_new_for_xml (notifications_xml, &error);
  g_assert_no_error (error);
  interface = g_dbus_node_info_lookup_interface (f->node, INTERFACE);

  /* Its bus becomes the session bus (DBUS_SESSION_BUS_ADDRESS), which is
   * where libnotify looks for the server. */
  f->queue = gt_dbus_queue_new ();
  gt_dbus_queue_connect (f->queue, &error);
  g_assert_no_error (error);
  gt_dbus_queue_own_name (f->queue, BUS_NAME);
  gt_dbus_queue_export_object (f->queue, OBJECT_PATH, interface, &error);
  g_assert_no_error (error);
  wait_for_name (f->queue);

  f->invoked = g_ptr_array_new_with_free_func (g_free);
  f->notifier = concordat_notifier_new ();
  g_signal_connect (f->notifier, "action-invoked", G_CALLBACK (on_action_invoked), f);
}

static void
server_closed_cb (GDBusConnection *server,
                  gboolean         remote_peer_vanished,
                  GError          *error,
                  gpointer         data)
{
  Fixture *f = data;

  g_atomic_int_set (&f->server_closed, TRUE);
}

/* gt_dbus_queue_disconnect() can return before GDBus has queued the
 * service connection's "closed" signal in the service's thread; queued
 * after that thread stops, it trips gt_dbus_queue_free()'s check that
 * nothing is left to run.  So the connection is closed, and its signal
 * run, first. */
static void
close_server (Fixture *f)
{
  g_autoptr(GDBusConnection) server = g_atomic_pointer_exchange (&f->server, NULL);

  if (server == NULL)
    return;

  g_signal_connect (server, "closed", G_CALLBACK (server_closed_cb), f);
  g_dbus_connection_close_sync (server, NULL, NULL);
  while (!g_atomic_int_get (&f->server_closed))
    g_usleep (1000);
  g_signal_handlers_disconnect_by_data (server, f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  /* The notifier goes first, and with it libnotify's hold on the session
   * bus, which shutting the bus down waits for.  The queue must be empty:
   * going away closes nothing on screen. */
  g_assert_finalize_object (f->notifier);
  gt_dbus_queue_assert_no_messages (f->queue);
  close_server (f);
  gt_dbus_queue_disconnect (f->queue, TRUE);
  g_clear_pointer (&f->queue, gt_dbus_queue_free);
  g_clear_pointer (&f->node, g_dbus_node_info_unref);
  g_clear_pointer (&f->invoked, g_ptr_array_unref);
  g_clear_pointer (&f->notify_call, g_variant_unref);
}

/* What the server says it can do, asked before each notification. */
static const char * const body_and_actions[] = { "body", "actions", NULL };
static const char * const *server_caps = body_and_actions;

/* libglib-testing 0.1 queues each call with a reference of its own as well
 * as the one GDBus hands over, and answering a call drops only one: the
 * extra one is dropped here, so that valgrind sees no call leaked.  A
 * version that queues just one reference is left alone. */
static GDBusMethodInvocation *
pop_one (GtDBusQueue *queue)
{
  GDBusMethodInvocation *invocation = NULL;

  g_assert_true (gt_dbus_queue_pop_message (queue, &invocation));
  if (g_atomic_int_get (&G_OBJECT (invocation)->ref_count) > 1)
    g_object_unref (invocation);

  return invocation;
}

/* Not gt_dbus_queue_assert_pop_message(): it insists that calls come from
 * the queue's own client connection, and libnotify makes its own.  The
 * server's capabilities are answered on the way. */
static GDBusMethodInvocation *
pop_call (GtDBusQueue *queue,
          const char  *method)
{
  GDBusMethodInvocation *invocation = pop_one (queue);

  while (g_str_equal (g_dbus_method_invocation_get_method_name (invocation), "GetCapabilities") &&
         !g_str_equal (method, "GetCapabilities"))
    {
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(^as)", server_caps));
      invocation = pop_one (queue);
    }
  g_assert_cmpstr (g_dbus_method_invocation_get_object_path (invocation), ==, OBJECT_PATH);
  g_assert_cmpstr (g_dbus_method_invocation_get_interface_name (invocation), ==, INTERFACE);
  g_assert_cmpstr (g_dbus_method_invocation_get_method_name (invocation), ==, method);

  return invocation;
}

/* libnotify asks once, as it connects, which version of the
 * specification the server follows. */
static void
answer_server_information (Fixture *f)
{
  GDBusMethodInvocation *invocation = pop_call (f->queue, "GetServerInformation");
  GDBusConnection *server = g_dbus_method_invocation_get_connection (invocation);

  g_atomic_pointer_set (&f->server, g_object_ref (server));
  g_dbus_method_invocation_return_value (invocation,
                                         g_variant_new ("(ssss)", "test-server",
                                                        "Concordat tests", "1.0", "1.2"));
}

static void
assert_notify_call (GVariant           *parameters,
                    guint32             replaces_id,
                    const char         *summary,
                    const char         *body,
                    guint8              urgency,
                    const char * const *actions)
{
  const char *app_name, *icon, *got_summary, *got_body, *desktop_entry;
  g_autofree const char **got_actions = NULL;
  g_autoptr(GVariant) hints = NULL;
  guint32 got_replaces_id;
  gint32 timeout;
  guint8 got_urgency;
  gint64 pid;

  g_assert_cmpstr (g_variant_get_type_string (parameters), ==, "(susssasa{sv}i)");
  g_variant_get (parameters, "(&su&s&s&s^a&s@a{sv}i)", &app_name, &got_replaces_id,
                 &icon, &got_summary, &got_body, &got_actions, &hints, &timeout);

  g_assert_cmpstr (app_name, ==, "Concordat");
  g_assert_cmpuint (got_replaces_id, ==, replaces_id);
  g_assert_cmpstr (icon, ==, "io.github.concordat.Concordat");
  g_assert_cmpstr (got_summary, ==, summary);
  g_assert_cmpstr (got_body, ==, body);
  g_assert_cmpstrv (got_actions, actions);
  g_assert_cmpint (timeout, ==, -1);

  /* Every hint, not just the ones looked for: libnotify adds the pid. */
  g_assert_cmpuint (g_variant_n_children (hints), ==, 3);
  g_assert_true (g_variant_lookup (hints, "desktop-entry", "&s", &desktop_entry));
  g_assert_cmpstr (desktop_entry, ==, "io.github.concordat.Concordat");
  g_assert_true (g_variant_lookup (hints, "urgency", "y", &got_urgency));
  g_assert_cmpuint (got_urgency, ==, urgency);
  g_assert_true (g_variant_lookup (hints, "sender-pid", "x", &pid));
  g_assert_cmpint (pid, ==, getpid ());
}

/* Pops the Notify call, checks it and gives the notification @id. */
static GDBusConnection *
answer_notify (GtDBusQueue        *queue,
               guint32             id,
               guint32             replaces_id,
               const char         *summary,
               const char         *body,
               guint8              urgency,
               const char * const *actions)
{
  GDBusMethodInvocation *invocation = pop_call (queue, "Notify");
  GDBusConnection *connection = g_dbus_method_invocation_get_connection (invocation);

  assert_notify_call (g_dbus_method_invocation_get_parameters (invocation),
                      replaces_id, summary, body, urgency, actions);
  g_object_ref (connection);
  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", id));

  return connection;
}

static void
emit_signal (GDBusConnection *server,
             const char      *name,
             GVariant        *parameters)
{
  g_autoptr(GError) error = NULL;

  g_dbus_connection_emit_signal (server, NULL, OBJECT_PATH, INTERFACE, name,
                                 parameters, &error);
  g_assert_no_error (error);
}

static void
assert_sent (ConcordatNotifier  *notifier,
             GAsyncResult      **result)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (concordat_notifier_send_finish (notifier, wait_for_result (result), &error));
  g_assert_no_error (error);
  g_clear_object (result);
}

static void
assert_withdrawn (ConcordatNotifier  *notifier,
                  GAsyncResult      **result)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (concordat_notifier_withdraw_finish (notifier, wait_for_result (result), &error));
  g_assert_no_error (error);
  g_clear_object (result);
}

/* A round trip through the notifier: whatever the server said before it
 * has been heard once it returns. */
static void
sync_with_notifier (Fixture *f)
{
  g_autoptr(GAsyncResult) result = NULL;

  concordat_notifier_withdraw_async (f->notifier, "nothing:0", NULL, result_cb, &result);
  assert_withdrawn (f->notifier, &result);
}

static void
test_send_async (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GDBusConnection) server = NULL;

  concordat_notifier_send_async (f->notifier, "duty:42",
                                 "Stage 1 response due today",
                                 "Reply to complaint 2024/117 by 5pm.",
                                 CONCORDAT_NOTIFY_URGENCY_NORMAL, reminder_actions,
                                 NULL, result_cb, &result);

  /* This thread plays the server: were sending to block it, nothing would
   * answer, and the test would hang here. */
  answer_server_information (f);
  server = answer_notify (f->queue, 42, 0, "Stage 1 response due today",
                          "Reply to complaint 2024/117 by 5pm.", 1, reminder_actions);
  assert_sent (f->notifier, &result);

  /* Another notification's click first: only id 42 is ours.  The click
   * comes after the send has finished, so the notifier must have kept the
   * notification to hear it. */
  emit_signal (server, "ActionInvoked", g_variant_new ("(us)", 41, "done"));
  emit_signal (server, "ActionInvoked", g_variant_new ("(us)", 42, "snooze"));
  wait_for_action (f);
  sync_with_notifier (f);

  g_assert_cmpuint (f->invoked->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (f->invoked, 0), ==, "duty:42 snooze");
}

/* Runs in the queue's service thread, as the synchronous send blocks the
 * test's own. */
static void
serve_sync_send (GtDBusQueue *queue,
                 gpointer     data)
{
  Fixture *f = data;
  GDBusMethodInvocation *invocation;
  g_autoptr(GDBusConnection) server = NULL;

  answer_server_information (f);
  invocation = pop_call (queue, "Notify");
  g_atomic_pointer_set (&f->notify_call,
                        g_variant_ref (g_dbus_method_invocation_get_parameters (invocation)));
  server = g_object_ref (g_dbus_method_invocation_get_connection (invocation));
  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", 7));

  emit_signal (server, "ActionInvoked", g_variant_new ("(us)", 7, "open"));
}

static void
test_send_sync (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gboolean sent;

  gt_dbus_queue_set_server_func (f->queue, serve_sync_send, f);
  sent = concordat_notifier_send (f->notifier, "duty:7",
                                  "Overdue: acknowledge complaint",
                                  "The acknowledgement was due yesterday.",
                                  CONCORDAT_NOTIFY_URGENCY_CRITICAL, reminder_actions,
                                  NULL, &error);
  g_assert_no_error (error);
  g_assert_true (sent);

  assert_notify_call (g_atomic_pointer_get (&f->notify_call), 0,
                      "Overdue: acknowledge complaint",
                      "The acknowledgement was due yesterday.", 2, reminder_actions);

  wait_for_action (f);
  g_assert_cmpstr (g_ptr_array_index (f->invoked, 0), ==, "duty:7 open");
}

static void
test_replace_and_withdraw (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GDBusConnection) server = NULL;
  GDBusMethodInvocation *invocation;
  guint32 id;

  concordat_notifier_send_async (f->notifier, "duty:7", "Acknowledge complaint", NULL,
                                 CONCORDAT_NOTIFY_URGENCY_LOW, reminder_actions,
                                 NULL, result_cb, &result);
  answer_server_information (f);
  server = answer_notify (f->queue, 7, 0, "Acknowledge complaint", "", 0, reminder_actions);
  assert_sent (f->notifier, &result);

  /* Overdue now: the same tag updates the notification on screen. */
  concordat_notifier_send_async (f->notifier, "duty:7", "Overdue: acknowledge complaint",
                                 "Due yesterday.", CONCORDAT_NOTIFY_URGENCY_CRITICAL,
                                 reminder_actions, NULL, result_cb, &result);
  g_object_unref (answer_notify (f->queue, 7, 7, "Overdue: acknowledge complaint",
                                 "Due yesterday.", 2, reminder_actions));
  assert_sent (f->notifier, &result);

  /* One click, one signal: the replaced notification no longer answers. */
  emit_signal (server, "ActionInvoked", g_variant_new ("(us)", 7, "done"));
  wait_for_action (f);
  sync_with_notifier (f);
  g_assert_cmpuint (f->invoked->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (f->invoked, 0), ==, "duty:7 done");

  concordat_notifier_withdraw_async (f->notifier, "duty:7", NULL, result_cb, &result);
  invocation = pop_call (f->queue, "CloseNotification");
  g_variant_get (g_dbus_method_invocation_get_parameters (invocation), "(u)", &id);
  g_assert_cmpuint (id, ==, 7);
  g_dbus_method_invocation_return_value (invocation, NULL);
  assert_withdrawn (f->notifier, &result);

  /* Gone already: nothing to ask the server. */
  concordat_notifier_withdraw_async (f->notifier, "duty:7", NULL, result_cb, &result);
  assert_withdrawn (f->notifier, &result);
  gt_dbus_queue_assert_no_messages (f->queue);
}

/* A server that cannot show buttons gets the notification without them,
 * and one that reads markup gets Concordat's text escaped, never taken as
 * markup. */
static void
test_server_capabilities (Fixture       *f,
                          gconstpointer  data)
{
  static const char * const body_only[] = { "body", NULL };
  static const char * const markup[] = { "body", "body-markup", "actions", NULL };
  g_autoptr(GAsyncResult) result = NULL;

  server_caps = body_only;
  concordat_notifier_send_async (f->notifier, "duty:5", "Offer Labour & Co-operative the briefing",
                                 "From: <b>Local plan</b>", CONCORDAT_NOTIFY_URGENCY_NORMAL,
                                 reminder_actions, NULL, result_cb, &result);
  answer_server_information (f);
  g_object_unref (answer_notify (f->queue, 5, 0, "Offer Labour & Co-operative the briefing",
                                 "From: <b>Local plan</b>", 1, no_actions));
  assert_sent (f->notifier, &result);

  server_caps = markup;
  concordat_notifier_send_async (f->notifier, "duty:6", "Tell the ward members",
                                 "From: <b>Visit</b> & more", CONCORDAT_NOTIFY_URGENCY_NORMAL,
                                 reminder_actions, NULL, result_cb, &result);
  g_object_unref (answer_notify (f->queue, 6, 0, "Tell the ward members",
                                 "From: &lt;b&gt;Visit&lt;/b&gt; &amp; more", 1, reminder_actions));
  assert_sent (f->notifier, &result);
  server_caps = body_and_actions;
}

static void
test_closed_by_server (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GDBusConnection) server = NULL;
  GDBusMethodInvocation *invocation;

  concordat_notifier_send_async (f->notifier, "duty:8", "Publish decision", "Today.",
                                 CONCORDAT_NOTIFY_URGENCY_NORMAL, no_actions,
                                 NULL, result_cb, &result);
  answer_server_information (f);
  server = answer_notify (f->queue, 8, 0, "Publish decision", "Today.", 1, no_actions);
  assert_sent (f->notifier, &result);

  concordat_notifier_send_async (f->notifier, "duty:9", "Notify the complainant",
                                 "Within 5 working days.", CONCORDAT_NOTIFY_URGENCY_NORMAL,
                                 reminder_actions, NULL, result_cb, &result);
  g_object_unref (answer_notify (f->queue, 9, 0, "Notify the complainant",
                                 "Within 5 working days.", 1, reminder_actions));
  assert_sent (f->notifier, &result);

  /* The user dismisses 8; the click on 9 after it shows both were heard. */
  emit_signal (server, "NotificationClosed", g_variant_new ("(uu)", 8, 2));
  emit_signal (server, "ActionInvoked", g_variant_new ("(us)", 9, "open"));
  wait_for_action (f);
  g_assert_cmpstr (g_ptr_array_index (f->invoked, 0), ==, "duty:9 open");

  /* 8 is forgotten, so withdrawing it asks the server nothing… */
  concordat_notifier_withdraw_async (f->notifier, "duty:8", NULL, result_cb, &result);
  assert_withdrawn (f->notifier, &result);
  gt_dbus_queue_assert_no_messages (f->queue);

  /* …while 9 is still on screen. */
  concordat_notifier_withdraw_async (f->notifier, "duty:9", NULL, result_cb, &result);
  invocation = pop_call (f->queue, "CloseNotification");
  g_dbus_method_invocation_return_value (invocation, NULL);
  assert_withdrawn (f->notifier, &result);
}

static void
assert_no_server (GError   *error,
                  gboolean  sent)
{
  g_assert_false (sent);
  g_assert_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_NO_SERVER);
}

/* In a process of its own, as the warning is once per process. */
static void
test_no_server (void)
{
  g_autoptr(GTestDBus) bus = NULL;
  g_autoptr(ConcordatNotifier) notifier = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) again = NULL;
  gint64 started;
  gboolean sent;

  if (!g_test_subprocess ())
    {
      /* The time limit is the promptness asked of a send with no server. */
      g_test_trap_subprocess (NULL, 20 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      return;
    }

  /* A bus on which nothing owns the notification server's name. */
  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);
  notifier = concordat_notifier_new ();

  g_test_expect_message ("Concordat", G_LOG_LEVEL_WARNING,
                         "Desktop notifications are unavailable*");
  started = g_get_monotonic_time ();
  concordat_notifier_send_async (notifier, "duty:1", "Acknowledge complaint", NULL,
                                 CONCORDAT_NOTIFY_URGENCY_NORMAL, reminder_actions,
                                 NULL, result_cb, &result);
  sent = concordat_notifier_send_finish (notifier, wait_for_result (&result), &error);
  assert_no_server (error, sent);
  g_assert_cmpint (g_get_monotonic_time () - started, <, 5 * G_USEC_PER_SEC);
  g_test_assert_expected_messages ();

  /* Quiet from now on: any further warning would fail the test. */
  sent = concordat_notifier_send (notifier, "duty:2", "Publish decision", NULL,
                                  CONCORDAT_NOTIFY_URGENCY_LOW, NULL, NULL, &again);
  assert_no_server (again, sent);
  g_test_assert_expected_messages ();

  g_clear_object (&result);
  g_assert_finalize_object (g_steal_pointer (&notifier));

  /* Stopped, not taken down: this process ends here, and waiting for the
   * last reference on the shared connection to go would only race GDBus's
   * own worker thread (the fixture tests check that the bus is let go). */
  g_test_dbus_stop (bus);
}

static void
test_bad_actions (void)
{
  g_autoptr(ConcordatNotifier) notifier = concordat_notifier_new ();
  const char * const unpaired[] = { "open", "Open", "done", NULL };
  g_autoptr(GError) error = NULL;

  /* Caught before anything reaches the bus, so no bus is needed. */
  g_test_expect_message ("Concordat", G_LOG_LEVEL_CRITICAL, "*actions_valid*");
  g_assert_false (concordat_notifier_send (notifier, "duty:3", "Publish decision", NULL,
                                           CONCORDAT_NOTIFY_URGENCY_LOW, unpaired,
                                           NULL, &error));
  g_test_assert_expected_messages ();
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  /* In a sandbox libnotify would go through the portal instead; these
   * tests speak to the server directly. */
  g_setenv ("NOTIFY_IGNORE_PORTAL", "1", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/notifier/send-async", Fixture, NULL,
              fixture_set_up, test_send_async, fixture_tear_down);
  g_test_add ("/notifier/send-sync", Fixture, NULL,
              fixture_set_up, test_send_sync, fixture_tear_down);
  g_test_add ("/notifier/replace-and-withdraw", Fixture, NULL,
              fixture_set_up, test_replace_and_withdraw, fixture_tear_down);
  g_test_add ("/notifier/closed-by-server", Fixture, NULL,
              fixture_set_up, test_closed_by_server, fixture_tear_down);
  g_test_add ("/notifier/server-capabilities", Fixture, NULL,
              fixture_set_up, test_server_capabilities, fixture_tear_down);
  g_test_add_func ("/notifier/no-server", test_no_server);
  g_test_add_func ("/notifier/bad-actions", test_bad_actions);

  return g_test_run ();
}
