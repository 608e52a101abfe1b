/* concordat-cli-wizard.c: the wizard command: list the wizards, show one's
 * steps and fields, and run one on a file of answers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "concordat-cli-private.h"
#include "concordat-clock.h"
#include "concordat-calendar.h"
#include "concordat-error.h"
#include "concordat-record.h"
#include "concordat-wizard.h"

/* The options of "wizard" that take a value, which is never the verb. */
static const char * const wizard_value_options[] = { "--answers", NULL };

/* Exit status when a wizard reaches a stop: the answers were understood,
 * and the protocol says not to go ahead. */
#define EXIT_STOPPED 2

/* --- wizard list / show --- */

static void
add_audience (JsonBuilder     *builder,
              ConcordatWizard *wizard)
{
  const char * const *audience = concordat_wizard_get_audience (wizard);

  json_builder_set_member_name (builder, "audience");
  json_builder_begin_array (builder);
  for (guint i = 0; audience != NULL && audience[i] != NULL; i++)
    json_builder_add_string_value (builder, audience[i]);
  json_builder_end_array (builder);
}

static void
add_wizard_heading (JsonBuilder     *builder,
                    ConcordatWizard *wizard)
{
  concordat_cli_add_string (builder, "id", concordat_wizard_get_id (wizard));
  concordat_cli_add_int (builder, "version", concordat_wizard_get_version (wizard));
  concordat_cli_add_string (builder, "title", concordat_wizard_get_title (wizard));
  concordat_cli_add_string (builder, "description", concordat_wizard_get_description (wizard));
  add_audience (builder, wizard);
}

static char *
audience_in_words (ConcordatWizard *wizard)
{
  const char * const *audience = concordat_wizard_get_audience (wizard);
  gboolean members = audience != NULL && g_strv_contains (audience, "member");
  gboolean officers = audience != NULL && g_strv_contains (audience, "officer");

  if (members && officers)
    return g_strdup (_("for councillors and officers"));
  return g_strdup (members ? _("for councillors") : _("for officers"));
}

static int
wizard_list (int    argc,
             char **argv)
{
  g_autoptr(GPtrArray) wizards = NULL;
  g_autoptr(GError) error = NULL;

  if (!concordat_cli_parse ("wizard list", NULL, &argc, &argv, 1))
    return 1;

  wizards = concordat_wizard_load_bundled (&error);
  if (wizards == NULL)
    return concordat_cli_fail_error (error);

  if (concordat_cli_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < wizards->len; i++)
        {
          json_builder_begin_object (builder);
          add_wizard_heading (builder, g_ptr_array_index (wizards, i));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      concordat_cli_print_json (builder);
      return 0;
    }

  for (guint i = 0; i < wizards->len; i++)
    {
      ConcordatWizard *wizard = g_ptr_array_index (wizards, i);
      g_autofree char *audience = audience_in_words (wizard);

      g_print ("%-16s %s (%s)\n", concordat_wizard_get_id (wizard),
               concordat_wizard_get_title (wizard), audience);
      g_print ("%-16s %s\n", "", concordat_wizard_get_description (wizard));
    }
  return 0;
}

static void
add_field (JsonBuilder          *builder,
           const ConcordatField *field)
{
  json_builder_begin_object (builder);
  concordat_cli_add_string (builder, "id", field->id);
  concordat_cli_add_string (builder, "type", concordat_field_type_to_string (field->type));
  concordat_cli_add_string (builder, "label", field->label);
  concordat_cli_add_string (builder, "help", field->help);
  concordat_cli_add_boolean (builder, "required", field->required);
  concordat_cli_add_boolean (builder, "conditional", field->when != NULL);
  if (field->type == CONCORDAT_FIELD_CHOICE)
    {
      json_builder_set_member_name (builder, "choices");
      json_builder_begin_array (builder);
      for (guint i = 0; i < field->choices->len; i++)
        {
          const ConcordatChoice *choice = g_ptr_array_index (field->choices, i);

          json_builder_begin_object (builder);
          concordat_cli_add_string (builder, "value", choice->value);
          concordat_cli_add_string (builder, "label", choice->label);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
}

static void
add_step (JsonBuilder         *builder,
          const ConcordatStep *step)
{
  json_builder_begin_object (builder);
  concordat_cli_add_string (builder, "id", step->id);
  concordat_cli_add_string (builder, "title", step->title);
  concordat_cli_add_string (builder, "help", step->help);
  concordat_cli_add_boolean (builder, "conditional", step->when != NULL);
  json_builder_set_member_name (builder, "topics");
  json_builder_begin_array (builder);
  for (guint i = 0; step->topics != NULL && step->topics[i] != NULL; i++)
    json_builder_add_string_value (builder, step->topics[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "fields");
  json_builder_begin_array (builder);
  for (guint i = 0; i < step->fields->len; i++)
    add_field (builder, g_ptr_array_index (step->fields, i));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "stops");
  json_builder_begin_array (builder);
  for (guint i = 0; step->stops != NULL && i < step->stops->len; i++)
    {
      const ConcordatStop *stop = g_ptr_array_index (step->stops, i);

      json_builder_begin_object (builder);
      concordat_cli_add_string (builder, "reason", stop->reason);
      concordat_cli_add_string (builder, "topic", stop->topic);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
print_field (const ConcordatField *field)
{
  g_autofree char *type = NULL;

  type = g_strdup_printf ("%s%s%s", concordat_field_type_to_string (field->type),
                          field->required ? _(", required") : "",
                          field->when != NULL ? _(", when it applies") : "");
  g_print ("  %-24s %s (%s)\n", field->id, field->label, type);
  for (guint i = 0; field->type == CONCORDAT_FIELD_CHOICE && i < field->choices->len; i++)
    {
      const ConcordatChoice *choice = g_ptr_array_index (field->choices, i);

      g_print ("  %-24s   %s: %s\n", "", choice->value, choice->label);
    }
}

static int
wizard_show (int    argc,
             char **argv)
{
  g_autoptr(ConcordatWizard) wizard = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *steps;

  if (!concordat_cli_parse ("wizard show ID", NULL, &argc, &argv, 2))
    return 1;

  wizard = concordat_wizard_find_bundled (argv[3], &error);
  if (wizard == NULL)
    return concordat_cli_fail_error (error);
  steps = concordat_wizard_get_steps (wizard);

  if (concordat_cli_json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      add_wizard_heading (builder, wizard);
      json_builder_set_member_name (builder, "steps");
      json_builder_begin_array (builder);
      for (guint i = 0; i < steps->len; i++)
        add_step (builder, g_ptr_array_index (steps, i));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      concordat_cli_print_json (builder);
      return 0;
    }

  g_print ("%s (%s, version %d)\n%s\n", concordat_wizard_get_title (wizard),
           concordat_wizard_get_id (wizard), concordat_wizard_get_version (wizard),
           concordat_wizard_get_description (wizard));
  for (guint i = 0; i < steps->len; i++)
    {
      const ConcordatStep *step = g_ptr_array_index (steps, i);

      g_print ("\n%u. %s%s\n", i + 1, step->title,
               step->when != NULL ? _(" (when it applies)") : "");
      for (guint j = 0; j < step->fields->len; j++)
        print_field (g_ptr_array_index (step->fields, j));
    }
  return 0;
}

/* --- wizard run --- */

/* "-" is standard input.  No more than one byte past the limit is read,
 * so that a huge file is refused without reading it all. */
static JsonObject *
read_answers (const char  *path,
              GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (g_str_equal (path, "-"))
    {
      g_autoptr(GString) text = g_string_new (NULL);
      char buffer[4096];
      size_t n;

      while ((n = fread (buffer, 1, sizeof buffer, stdin)) > 0 && text->len <= CONCORDAT_WIZARD_ANSWERS_MAX_BYTES)
        g_string_append_len (text, buffer, n);
      length = text->len;
      contents = g_string_free (g_steal_pointer (&text), FALSE);
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
      g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                     G_FILE_QUERY_INFO_NONE, NULL, &local_error);

      if (info == NULL)
        {
          g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_IO,
                       "Cannot read the answers file %s: %s", path, local_error->message);
          return NULL;
        }
      if (g_file_info_get_size (info) > CONCORDAT_WIZARD_ANSWERS_MAX_BYTES)
        length = CONCORDAT_WIZARD_ANSWERS_MAX_BYTES + 1;
      else if (!g_file_get_contents (g_file_peek_path (file), &contents, &length, &local_error))
        {
          g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_IO,
                       "Cannot read the answers file %s: %s", path, local_error->message);
          return NULL;
        }
    }

  return concordat_wizard_parse_answers (contents, length, path, error);
}

static void
add_duties (JsonBuilder *builder,
            GPtrArray   *recorded,
            GPtrArray   *planned)
{
  json_builder_set_member_name (builder, "duties");
  json_builder_begin_array (builder);
  for (guint i = 0; i < planned->len; i++)
    {
      const ConcordatPlannedDuty *duty = g_ptr_array_index (planned, i);
      char due[16];

      g_date_strftime (due, sizeof due, "%Y-%m-%d", &duty->due);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      if (recorded != NULL && i < recorded->len)
        json_builder_add_int_value (builder, ((ConcordatDuty *) g_ptr_array_index (recorded, i))->id);
      else
        json_builder_add_null_value (builder);
      concordat_cli_add_string (builder, "title", duty->title);
      concordat_cli_add_string (builder, "due", due);
      concordat_cli_add_string (builder, "group", duty->group);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_ledger_changes (JsonBuilder *builder,
                    GPtrArray   *changes)
{
  json_builder_set_member_name (builder, "ledger");
  json_builder_begin_array (builder);
  for (guint i = 0; i < changes->len; i++)
    {
      const ConcordatPlannedChange *change = g_ptr_array_index (changes, i);

      json_builder_begin_object (builder);
      concordat_cli_add_string (builder, "topic", change->topic);
      concordat_cli_add_string (builder, "group", change->group);
      concordat_cli_add_string (builder, "state", change->state);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
print_outcome_json (const ConcordatOutcome *outcome,
                    gint64                  action,
                    GPtrArray              *recorded_duties)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "action");
  if (action > 0)
    json_builder_add_int_value (builder, action);
  else
    json_builder_add_null_value (builder);
  concordat_cli_add_string (builder, "wizard", concordat_wizard_get_id (outcome->wizard));
  concordat_cli_add_string (builder, "summary", outcome->summary);
  concordat_cli_add_strings (builder, "notes", outcome->notes);
  add_duties (builder, recorded_duties, outcome->duties);
  add_ledger_changes (builder, outcome->ledger);
  concordat_cli_add_string (builder, "document", outcome->document);
  concordat_cli_add_int (builder, "document_version", outcome->document_version);
  concordat_cli_add_citations (builder, outcome->citations);
  json_builder_end_object (builder);
  concordat_cli_print_json (builder);
}

static void
print_outcome_text (const ConcordatOutcome *outcome,
                    gint64                  action,
                    GPtrArray              *recorded_duties)
{
  ConcordatCliIdText id_text;

  if (action > 0)
    g_print (_("Recorded action %s: %s\n"), concordat_cli_format_id (action, id_text), outcome->summary);
  else
    g_print (_("Would record: %s\n"), outcome->summary);
  for (guint i = 0; i < outcome->notes->len; i++)
    g_print ("  %s\n", (const char *) g_ptr_array_index (outcome->notes, i));

  if (outcome->duties->len > 0)
    g_print ("%s\n", action > 0 ? _("Duties:") : _("Duties it would create:"));
  for (guint i = 0; i < outcome->duties->len; i++)
    {
      const ConcordatPlannedDuty *duty = g_ptr_array_index (outcome->duties, i);
      char due[16];

      g_date_strftime (due, sizeof due, "%Y-%m-%d", &duty->due);
      if (recorded_duties != NULL && i < recorded_duties->len)
        g_print ("  %-5" G_GINT64_FORMAT " due %s  %s\n",
                 ((ConcordatDuty *) g_ptr_array_index (recorded_duties, i))->id, due, duty->title);
      else
        g_print ("  due %s  %s\n", due, duty->title);
    }

  if (outcome->ledger->len > 0)
    g_print ("%s\n", _("Briefing ledger:"));
  for (guint i = 0; i < outcome->ledger->len; i++)
    {
      const ConcordatPlannedChange *change = g_ptr_array_index (outcome->ledger, i);

      g_print ("  %s: %s — %s\n", change->topic, change->group, change->state);
    }
}

/* A stop: what the protocol says, and where, then exit status 2. */
static int
report_stop (const ConcordatOutcome *outcome)
{
  g_printerr ("concordat: stop: %s\n", outcome->stop->reason);
  for (guint i = 0; i < outcome->citations->len; i++)
    {
      const ConcordatCitation *citation = g_ptr_array_index (outcome->citations, i);

      if (g_strcmp0 (citation->step, outcome->stop_step) == 0 &&
          g_strcmp0 (citation->topic, outcome->stop->topic) == 0 &&
          citation->citation != NULL)
        g_printerr ("  %s %s: %s\n", citation->document, citation->citation, citation->text);
    }
  return EXIT_STOPPED;
}

static int
report_problems (const ConcordatOutcome *outcome)
{
  for (guint i = 0; i < outcome->problems->len; i++)
    {
      const ConcordatProblem *problem = g_ptr_array_index (outcome->problems, i);

      if (problem->field != NULL && !g_str_has_prefix (problem->message, problem->field))
        g_printerr ("concordat: %s: %s\n", problem->field, problem->message);
      else
        g_printerr ("concordat: %s\n", problem->message);
    }
  g_printerr (ngettext ("concordat: nothing was recorded; correct the answer and run it again.\n",
                        "concordat: nothing was recorded; correct the answers and run it again.\n",
                        outcome->problems->len));
  return 1;
}

static int
wizard_run (int    argc,
            char **argv)
{
  g_autofree char *answers_path = NULL;
  gboolean dry_run = FALSE;
  const GOptionEntry entries[] = {
    { "answers", 0, 0, G_OPTION_ARG_FILENAME, &answers_path, N_("The JSON file of answers, or - for standard input"), N_("FILE") },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("Show what would be recorded, and record nothing"), NULL },
    { NULL }
  };
  g_autoptr(ConcordatStore) store = NULL;
  g_autoptr(ConcordatWizard) wizard = NULL;
  g_autoptr(ConcordatOutcome) outcome = NULL;
  g_autoptr(ConcordatAction) action = NULL;
  g_autoptr(JsonObject) answers = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = NULL;
  gint64 id = 0;

  if (!concordat_cli_parse ("wizard run ID --answers FILE", entries, &argc, &argv, 2))
    return 1;
  if (answers_path == NULL)
    return concordat_cli_fail ("“wizard run” needs --answers FILE: a JSON object of answers "
                               "keyed by field id (see “concordat wizard show %s”)", argv[3]);

  wizard = concordat_wizard_find_bundled (argv[3], &error);
  if (wizard == NULL)
    return concordat_cli_fail_error (error);
  answers = read_answers (answers_path, &error);
  if (answers == NULL)
    return concordat_cli_fail_error (error);
  if ((store = concordat_cli_open_store ()) == NULL)
    return 1;

  today = concordat_clock_today ();
  if (dry_run)
    outcome = concordat_wizard_evaluate (wizard, store, answers, today, &error);
  else
    id = concordat_record_finish (store, wizard, answers, today, &outcome, &error);

  if (outcome != NULL && outcome->stop != NULL)
    return report_stop (outcome);
  if (outcome != NULL && outcome->problems->len > 0)
    return report_problems (outcome);
  if (outcome == NULL || (!dry_run && id <= 0))
    return concordat_cli_fail_error (error);

  if (id > 0 && (action = concordat_record_get_action (store, id, today, &error)) == NULL)
    return concordat_cli_fail_error (error);

  if (concordat_cli_json)
    print_outcome_json (outcome, id, action != NULL ? action->duties : NULL);
  else
    print_outcome_text (outcome, id, action != NULL ? action->duties : NULL);
  return 0;
}

int
concordat_cli_wizard (int    argc,
                      char **argv)
{
  const char *verb = concordat_cli_verb (argc, argv, wizard_value_options);

  if (g_strcmp0 (verb, "list") == 0)
    return wizard_list (argc, argv);
  if (g_strcmp0 (verb, "show") == 0)
    return wizard_show (argc, argv);
  if (g_strcmp0 (verb, "run") == 0)
    return wizard_run (argc, argv);
  if (verb == NULL)
    return concordat_cli_fail ("“wizard” needs list, show ID or run ID --answers FILE");
  return concordat_cli_fail ("“wizard %s” is not a wizard command; use list, show ID or "
                             "run ID --answers FILE", verb);
}

