/* notify-send-helper.c: sends one notification through ConcordatNotifier,
 * headless as `concordat remind` does, for the end-to-end test to watch.
 *
 * notify-send-helper [--wait-for-action] TAG SUMMARY BODY URGENCY [ID LABEL]…
 *
 * Without --wait-for-action it sends and exits at once; with it, it stays
 * until an action is chosen and prints "TAG ACTION".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>

#include "concordat-notifier.h"

/* Long enough for any test; short enough that a lost action fails it. */
#define WAIT_SECONDS 30

typedef struct
{
  GMainLoop *loop;
  int        status;
} Waiter;

static gboolean wait_for_action;

static const GOptionEntry entries[] = {
  { "wait-for-action", 0, 0, G_OPTION_ARG_NONE, &wait_for_action,
    "Stay until an action is chosen, and print it", NULL },
  G_OPTION_ENTRY_NULL
};

static gboolean
parse_urgency (const char             *text,
               ConcordatNotifyUrgency *urgency)
{
  static const char * const names[] = { "low", "normal", "critical", NULL };

  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (text, names[i]))
      {
        *urgency = (ConcordatNotifyUrgency)i;
        return TRUE;
      }

  return FALSE;
}

static void
on_action_invoked (ConcordatNotifier *notifier,
                   const char        *tag,
                   const char        *action,
                   gpointer           data)
{
  Waiter *waiter = data;

  g_print ("%s %s\n", tag, action);
  fflush (stdout);
  waiter->status = 0;
  g_main_loop_quit (waiter->loop);
}

static void
sent_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  Waiter *waiter = data;
  g_autoptr(GError) error = NULL;

  if (!concordat_notifier_send_finish (CONCORDAT_NOTIFIER (source), result, &error))
    {
      g_printerr ("%s\n", error->message);
      g_main_loop_quit (waiter->loop);
    }
}

static gboolean
give_up_cb (gpointer data)
{
  Waiter *waiter = data;

  g_printerr ("No action was chosen within %d seconds\n", WAIT_SECONDS);
  g_main_loop_quit (waiter->loop);

  return G_SOURCE_REMOVE;
}

static int
send_and_wait (ConcordatNotifier      *notifier,
               char                  **args,
               ConcordatNotifyUrgency  urgency)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  Waiter waiter = { loop, 1 };
  guint give_up;

  g_signal_connect (notifier, "action-invoked", G_CALLBACK (on_action_invoked), &waiter);
  concordat_notifier_send_async (notifier, args[0], args[1], args[2], urgency,
                                 (const char * const *)args + 4, NULL,
                                 sent_cb, &waiter);
  give_up = g_timeout_add_seconds (WAIT_SECONDS, give_up_cb, &waiter);
  g_main_loop_run (loop);
  g_source_remove (give_up);
  g_signal_handlers_disconnect_by_data (notifier, &waiter);

  return waiter.status;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(ConcordatNotifier) notifier = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  ConcordatNotifyUrgency urgency;

  context = g_option_context_new ("TAG SUMMARY BODY URGENCY [ID LABEL]…");
  g_option_context_add_main_entries (context, entries, NULL);
  args = g_strdupv (argv);
  if (!g_option_context_parse_strv (context, &args, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  /* args[0] is the program; then TAG SUMMARY BODY URGENCY and pairs. */
  if (g_strv_length (args) < 5 || g_strv_length (args) % 2 == 0 ||
      !parse_urgency (args[4], &urgency))
    {
      g_printerr ("Usage: %s [--wait-for-action] TAG SUMMARY BODY low|normal|critical [ID LABEL]…\n",
                  g_get_prgname ());
      return 2;
    }

  notifier = concordat_notifier_new ();
  if (wait_for_action)
    return send_and_wait (notifier, args + 1, urgency);

  if (!concordat_notifier_send (notifier, args[1], args[2], args[3], urgency,
                                (const char * const *)args + 5, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  return 0;
}
