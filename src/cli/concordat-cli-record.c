/* concordat-cli-record.c: the commands over what the wizards recorded:
 * record, duties, duty and ledger.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "concordat-cli-private.h"
#include "concordat-clock.h"
#include "concordat-calendar.h"
#include "concordat-error.h"
#include "concordat-record.h"
#include "concordat-wizard.h"

/* The options of these commands that take a value, never the verb. */
static const char * const value_options[] = {
  "--wizard", "--status", "--until", "--date", NULL,
};

static gboolean
parse_id (const char *text,
          const char *what,
          gint64     *id)
{
  guint64 value = 0;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    {
      concordat_cli_fail ("“%s” is not %s id; give the number “concordat %s” shows",
                          text, what, g_str_equal (what, "an action") ? "record" : "duties");
      return FALSE;
    }
  *id = (gint64) value;
  return TRUE;
}

/* --- record --- */

static void
add_action (JsonBuilder           *builder,
            const ConcordatAction *action)
{
  concordat_cli_add_int (builder, "id", action->id);
  concordat_cli_add_string (builder, "wizard", action->wizard);
  concordat_cli_add_int (builder, "wizard_version", action->wizard_version);
  concordat_cli_add_string (builder, "created", action->created);
  concordat_cli_add_string (builder, "date", action->date);
  concordat_cli_add_string (builder, "summary", action->summary);
  concordat_cli_add_strings (builder, "notes", action->notes);
  concordat_cli_add_string (builder, "document", action->document);
  json_builder_set_member_name (builder, "document_version");
  if (action->document != NULL)
    json_builder_add_int_value (builder, action->document_version);
  else
    json_builder_add_null_value (builder);
}

static void
add_duty (JsonBuilder         *builder,
          const ConcordatDuty *duty)
{
  json_builder_begin_object (builder);
  concordat_cli_add_int (builder, "id", duty->id);
  concordat_cli_add_string (builder, "title", duty->title);
  concordat_cli_add_string (builder, "due", duty->due);
  concordat_cli_add_string (builder, "status", concordat_duty_status_to_string (duty->status));
  concordat_cli_add_int (builder, "action", duty->action_id);
  concordat_cli_add_string (builder, "wizard", duty->wizard);
  concordat_cli_add_string (builder, "snoozed_until", duty->snoozed_until);
  concordat_cli_add_string (builder, "done", duty->done_at);
  concordat_cli_add_string (builder, "group", duty->group);
  concordat_cli_add_string (builder, "topic", duty->topic);
  json_builder_end_object (builder);
}

/* One line per step and topic: "request, party-groups: model 8.2, 8.3". */
static void
print_citations (GPtrArray *citations)
{
  g_autoptr(GString) line = g_string_new (NULL);
  const ConcordatCitation *previous = NULL;

  for (guint i = 0; i < citations->len; i++)
    {
      const ConcordatCitation *citation = g_ptr_array_index (citations, i);
      gboolean same_line = previous != NULL && g_str_equal (previous->step, citation->step) &&
                           g_str_equal (previous->topic, citation->topic);

      if (!same_line && line->len > 0)
        g_print ("%s\n", line->str);
      if (!same_line)
        g_string_printf (line, "  %s, %s: %s", citation->step, citation->topic,
                         citation->citation != NULL ? citation->document : citation->text);
      if (citation->citation != NULL)
        g_string_append_printf (line, "%s %s", same_line ? "," : "", citation->citation);
      previous = citation;
    }
  if (line->len > 0)
    g_print ("%s\n", line->str);
}

static int
record_show (int    argc,
             char **argv)
{
  g_autoptr(ConcordatStore) store = NULL;
  g_autoptr(ConcordatAction) action = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = concordat_clock_today ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  ConcordatCliIdText id_text;
  gint64 id;

  if (!concordat_cli_parse ("record show ID", NULL, &argc, &argv, 2) ||
      !parse_id (argv[3], "an action", &id) ||
      (store = concordat_cli_open_store ()) == NULL)
    return 1;

  action = concordat_record_get_action (store, id, today, &error);
  if (action == NULL)
    return concordat_cli_fail_error (error);

  if (concordat_cli_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      add_action (builder, action);
      json_builder_set_member_name (builder, "answers");
      if (json_parser_load_from_data (parser, action->answers, -1, NULL))
        json_builder_add_value (builder, json_node_copy (json_parser_get_root (parser)));
      else
        json_builder_add_null_value (builder);
      concordat_cli_add_citations (builder, action->citations);
      json_builder_set_member_name (builder, "duties");
      json_builder_begin_array (builder);
      for (guint i = 0; i < action->duties->len; i++)
        add_duty (builder, g_ptr_array_index (action->duties, i));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      concordat_cli_print_json (builder);
      return 0;
    }

  g_print ("%" G_GINT64_FORMAT "  %s  %s\n%s\n", action->id, action->date, action->wizard,
           action->summary);
  for (guint i = 0; i < action->notes->len; i++)
    g_print ("  %s\n", (const char *) g_ptr_array_index (action->notes, i));
  g_print (_("Answers: %s\n"), action->answers);
  if (action->document != NULL)
    g_print (_("Guidance from: %s, version %d\n"), action->document, action->document_version);
  print_citations (action->citations);
  for (guint i = 0; i < action->duties->len; i++)
    {
      const ConcordatDuty *duty = g_ptr_array_index (action->duties, i);

      g_print (_("  duty %s, due %s, %s: %s\n"), concordat_cli_format_id (duty->id, id_text), duty->due,
               concordat_duty_status_to_string (duty->status), duty->title);
    }
  return 0;
}

int
concordat_cli_record (int    argc,
                      char **argv)
{
  g_autofree char *wizard = NULL;
  const GOptionEntry entries[] = {
    { "wizard", 0, 0, G_OPTION_ARG_STRING, &wizard, N_("Only the actions of this wizard"), N_("ID") },
    { NULL }
  };
  g_autoptr(ConcordatStore) store = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(GError) error = NULL;
  const char *verb = concordat_cli_verb (argc, argv, value_options);

  if (g_strcmp0 (verb, "show") == 0)
    return record_show (argc, argv);
  if (!concordat_cli_parse ("record", entries, &argc, &argv, 0))
    return 1;

  if (wizard != NULL)
    {
      g_autoptr(ConcordatWizard) known = concordat_wizard_find_bundled (wizard, &error);

      if (known == NULL)
        return concordat_cli_fail_error (error);
    }
  if ((store = concordat_cli_open_store ()) == NULL)
    return 1;

  actions = concordat_record_list_actions (store, wizard, &error);
  if (actions == NULL)
    return concordat_cli_fail_error (error);

  if (concordat_cli_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < actions->len; i++)
        {
          json_builder_begin_object (builder);
          add_action (builder, g_ptr_array_index (actions, i));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      concordat_cli_print_json (builder);
      return 0;
    }

  if (actions->len == 0)
    g_print ("%s\n", _("Nothing recorded yet. Run a wizard with “concordat wizard run ID --answers FILE”."));
  for (guint i = 0; i < actions->len; i++)
    {
      const ConcordatAction *action = g_ptr_array_index (actions, i);

      g_print ("%-5" G_GINT64_FORMAT " %s  %-15s %s\n", action->id, action->date, action->wizard,
               action->summary);
    }
  return 0;
}

/* --- duties --- */

int
concordat_cli_duties (int    argc,
                      char **argv)
{
  g_autofree char *status = NULL;
  const GOptionEntry entries[] = {
    { "status", 0, 0, G_OPTION_ARG_STRING, &status, N_("pending (the default), overdue, done or all"), N_("STATUS") },
    { NULL }
  };
  ConcordatDutyFilter filter = CONCORDAT_DUTY_FILTER_PENDING;
  g_autoptr(ConcordatStore) store = NULL;
  g_autoptr(GPtrArray) duties = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = concordat_clock_today ();

  if (!concordat_cli_parse ("duties", entries, &argc, &argv, 0))
    return 1;
  if (status != NULL && !concordat_duty_filter_from_string (status, &filter))
    return concordat_cli_fail ("--status: “%s” is not a status; use pending, overdue, done or all",
                               status);
  if ((store = concordat_cli_open_store ()) == NULL)
    return 1;

  duties = concordat_record_list_duties (store, filter, today, &error);
  if (duties == NULL)
    return concordat_cli_fail_error (error);

  if (concordat_cli_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < duties->len; i++)
        add_duty (builder, g_ptr_array_index (duties, i));
      json_builder_end_array (builder);
      concordat_cli_print_json (builder);
      return 0;
    }

  if (duties->len == 0)
    g_print ("%s\n", _("No duties."));
  for (guint i = 0; i < duties->len; i++)
    {
      const ConcordatDuty *duty = g_ptr_array_index (duties, i);

      g_print ("%-5" G_GINT64_FORMAT " %s  %-8s %s\n", duty->id,
               duty->snoozed_until != NULL ? duty->snoozed_until : duty->due,
               concordat_duty_status_to_string (duty->status), duty->title);
    }
  return 0;
}

static int
duty_done (int    argc,
           char **argv)
{
  g_autoptr(ConcordatStore) store = NULL;
  g_autoptr(GError) error = NULL;
  ConcordatCliIdText id_text;
  gint64 id;

  if (!concordat_cli_parse ("duty done ID", NULL, &argc, &argv, 2) ||
      !parse_id (argv[3], "a duty", &id) ||
      (store = concordat_cli_open_store ()) == NULL)
    return 1;

  if (!concordat_record_duty_done (store, id, &error))
    return concordat_cli_fail_error (error);
  g_print (_("Duty %s is done.\n"), concordat_cli_format_id (id, id_text));
  return 0;
}

static int
duty_snooze (int    argc,
             char **argv)
{
  g_autofree char *until_text = NULL;
  const GOptionEntry entries[] = {
    { "until", 0, 0, G_OPTION_ARG_STRING, &until_text, N_("The date to put it off to"), N_("DATE") },
    { NULL }
  };
  g_autoptr(ConcordatStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = concordat_clock_today ();
  GDate until;
  ConcordatCliIdText id_text;
  gint64 id;

  if (!concordat_cli_parse ("duty snooze ID --until DATE", entries, &argc, &argv, 2) ||
      !parse_id (argv[3], "a duty", &id))
    return 1;
  if (until_text == NULL)
    return concordat_cli_fail ("“duty snooze” needs --until DATE, the date to put the duty off "
                               "to, as YYYY-MM-DD");
  if (!concordat_calendar_parse_date (until_text, &until))
    return concordat_cli_fail ("--until: “%s” is not a real date; give it as YYYY-MM-DD",
                               until_text);
  if ((store = concordat_cli_open_store ()) == NULL)
    return 1;

  if (!concordat_record_duty_snooze (store, id, &until, today, &error))
    return concordat_cli_fail_error (error);
  g_print (_("Duty %s is put off until %s.\n"), concordat_cli_format_id (id, id_text), until_text);
  return 0;
}

int
concordat_cli_duty (int    argc,
                    char **argv)
{
  const char *verb = concordat_cli_verb (argc, argv, value_options);

  if (g_strcmp0 (verb, "done") == 0)
    return duty_done (argc, argv);
  if (g_strcmp0 (verb, "snooze") == 0)
    return duty_snooze (argc, argv);
  if (verb == NULL)
    return concordat_cli_fail ("“duty” needs done ID or snooze ID --until DATE");
  return concordat_cli_fail ("“duty %s” is not a duty command; use done ID or "
                             "snooze ID --until DATE", verb);
}

/* --- ledger --- */

static int
ledger_set (int    argc,
            char **argv)
{
  g_autofree char *date_text = NULL;
  const GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text, N_("The day it happened (today if not given)"), N_("DATE") },
    { NULL }
  };
  g_autoptr(ConcordatStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) date = NULL;

  if (!concordat_cli_parse ("ledger set TOPIC GROUP STATE", entries, &argc, &argv, 4))
    return 1;
  date = concordat_clock_today ();
  if (date_text != NULL && !concordat_calendar_parse_date (date_text, date))
    return concordat_cli_fail ("--date: “%s” is not a real date; give it as YYYY-MM-DD",
                               date_text);
  if ((store = concordat_cli_open_store ()) == NULL)
    return 1;

  if (!concordat_record_ledger_set (store, argv[3], argv[4], argv[5], date, &error))
    return concordat_cli_fail_error (error);
  g_print ("%s: %s — %s\n", argv[3], argv[4], argv[5]);
  return 0;
}

int
concordat_cli_ledger (int    argc,
                      char **argv)
{
  g_autoptr(ConcordatStore) store = NULL;
  g_autoptr(GPtrArray) topics = NULL;
  g_autoptr(GError) error = NULL;
  const char *verb = concordat_cli_verb (argc, argv, value_options);

  if (g_strcmp0 (verb, "set") == 0)
    return ledger_set (argc, argv);
  if (!concordat_cli_parse ("ledger", NULL, &argc, &argv, 0) ||
      (store = concordat_cli_open_store ()) == NULL)
    return 1;

  topics = concordat_record_ledger (store, &error);
  if (topics == NULL)
    return concordat_cli_fail_error (error);

  if (concordat_cli_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < topics->len; i++)
        {
          const ConcordatLedgerTopic *topic = g_ptr_array_index (topics, i);

          json_builder_begin_object (builder);
          concordat_cli_add_string (builder, "topic", topic->topic);
          concordat_cli_add_string (builder, "requested_by", topic->requested_by);
          concordat_cli_add_string (builder, "date", topic->date);
          json_builder_set_member_name (builder, "groups");
          json_builder_begin_array (builder);
          for (guint j = 0; j < topic->cells->len; j++)
            {
              const ConcordatLedgerCell *cell = g_ptr_array_index (topic->cells, j);

              json_builder_begin_object (builder);
              concordat_cli_add_string (builder, "group", cell->group);
              concordat_cli_add_string (builder, "state", cell->state);
              concordat_cli_add_string (builder, "date", cell->date);
              concordat_cli_add_boolean (builder, "gap", cell->gap);
              json_builder_end_object (builder);
            }
          json_builder_end_array (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      concordat_cli_print_json (builder);
      return 0;
    }

  if (topics->len == 0)
    g_print ("%s\n", _("No briefings recorded yet."));
  for (guint i = 0; i < topics->len; i++)
    {
      const ConcordatLedgerTopic *topic = g_ptr_array_index (topics, i);

      g_print ("%s (%s)\n", topic->topic, topic->date);
      for (guint j = 0; j < topic->cells->len; j++)
        {
          const ConcordatLedgerCell *cell = g_ptr_array_index (topic->cells, j);

          g_print ("  %-24s %-22s %s%s\n", cell->group, cell->state,
                   cell->date != NULL ? cell->date : "",
                   cell->gap ? _("  ← not yet offered") : "");
        }
    }
  return 0;
}
