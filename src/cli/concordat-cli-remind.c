/* concordat-cli-remind.c: "concordat remind", one pass of the reminders
 * for schedulers such as cron or a systemd timer: the duties due now that
 * have not been reminded of today are notified (or, with --dry-run, only
 * listed), each at most once a day whoever sends it.  The notifications
 * carry no buttons: this process is gone before anyone could press one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "concordat-cli-private.h"
#include "concordat-clock.h"
#include "concordat-error.h"
#include "concordat-notifier.h"
#include "concordat-reminders.h"

static void
print_reminders (GPtrArray *reminders,
                 gboolean   dry_run)
{
  if (concordat_cli_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      concordat_cli_add_boolean (builder, "dry_run", dry_run);
      concordat_cli_add_boolean (builder, "grouped", reminders->len > CONCORDAT_REMINDERS_MAX_SINGLE);
      json_builder_set_member_name (builder, "reminders");
      json_builder_begin_array (builder);
      for (guint i = 0; i < reminders->len; i++)
        {
          const ConcordatReminder *reminder = g_ptr_array_index (reminders, i);

          json_builder_begin_object (builder);
          concordat_cli_add_int (builder, "id", reminder->id);
          concordat_cli_add_string (builder, "title", reminder->title);
          concordat_cli_add_string (builder, "due", reminder->due);
          concordat_cli_add_boolean (builder, "overdue", reminder->overdue);
          concordat_cli_add_int (builder, "action", reminder->action_id);
          concordat_cli_add_string (builder, "from", reminder->from);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      concordat_cli_print_json (builder);
      return;
    }

  if (reminders->len == 0)
    {
      g_print ("%s\n", _("Nothing is due that has not been reminded of today."));
      return;
    }

  g_print (dry_run ? g_dngettext (GETTEXT_PACKAGE, "Would remind of %u duty:\n", "Would remind of %u duties:\n",
                                  reminders->len)
                   : g_dngettext (GETTEXT_PACKAGE, "Reminded of %u duty:\n", "Reminded of %u duties:\n",
                                  reminders->len),
           reminders->len);
  for (guint i = 0; i < reminders->len; i++)
    {
      const ConcordatReminder *reminder = g_ptr_array_index (reminders, i);

      g_print ("%-5" G_GINT64_FORMAT " %s  %-8s %s\n", reminder->id, reminder->due,
               reminder->overdue ? "overdue" : "due", reminder->title);
    }
}

static gboolean
send_reminders (GPtrArray    *reminders,
                const GDate  *today,
                GError      **error)
{
  g_autoptr(ConcordatNotifier) notifier = concordat_notifier_new ();
  g_autoptr(GPtrArray) notices = concordat_reminders_compose (reminders, today);

  for (guint i = 0; i < notices->len; i++)
    {
      const ConcordatReminderNotice *notice = g_ptr_array_index (notices, i);

      if (!concordat_notifier_send (notifier, notice->tag, notice->summary, notice->body, notice->urgency,
                                    NULL, NULL, error))
        return FALSE;
    }
  return TRUE;
}

int
concordat_cli_remind (int    argc,
                      char **argv)
{
  gboolean dry_run = FALSE;
  g_autofree char *at = NULL;
  const GOptionEntry entries[] = {
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("List what is due without notifying"), NULL },
    { "time", 0, 0, G_OPTION_ARG_STRING, &at, N_("The time of day, as HH:MM, from which a duty due that day is reminded of (09:00)"), N_("TIME") },
    { NULL }
  };
  g_autoptr(ConcordatStore) store = NULL;
  g_autoptr(GPtrArray) reminders = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = concordat_clock_today ();
  guint reminder_time = CONCORDAT_REMINDERS_DEFAULT_TIME;

  if (!concordat_cli_parse ("remind", entries, &argc, &argv, 0))
    return 1;
  if (at != NULL && !concordat_clock_parse_time (at, &reminder_time))
    return concordat_cli_fail ("--time: “%s” is not a time of day; give it as HH:MM, such as 09:00", at);
  if ((store = concordat_cli_open_store ()) == NULL)
    return 1;

  reminders = concordat_reminders_find (store, today, concordat_clock_minute_of_day (), reminder_time, &error);
  if (reminders == NULL || !concordat_reminders_add_sources (store, reminders, &error))
    return concordat_cli_fail_error (error);

  if (!dry_run)
    {
      if (!concordat_reminders_claim (store, reminders, today, &error))
        return concordat_cli_fail_error (error);
      if (reminders->len > 0 && !send_reminders (reminders, today, &error))
        {
          g_autoptr(GError) unclaim_error = NULL;

          /* Kept for the next pass, when a notification server may be there. */
          if (!concordat_reminders_unclaim (store, reminders, &unclaim_error))
            g_warning ("%s", unclaim_error->message);
          return concordat_cli_fail ("No reminder was shown: %s. The duties are kept to remind of "
                                     "on the next pass.", error->message);
        }
    }

  print_reminders (reminders, dry_run);
  return 0;
}
