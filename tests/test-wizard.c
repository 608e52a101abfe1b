/* test-wizard.c: wizard definitions are read strictly, and answers come to
 * the steps, problems, stops, duties, ledger changes and citations that
 * docs/wizards.md promises.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "concordat-council.h"
#include "concordat-error.h"
#include "concordat-library.h"
#include "concordat-store-private.h"
#include "concordat-test-store.h"
#include "concordat-wizard.h"

typedef StoreFixture Fixture;

/* The top of every definition here, up to its steps. */
#define HEAD "\"format\": 1, \"id\": \"test\", \"version\": 2, \"title\": \"A test\", " \
             "\"description\": \"For the tests.\", \"audience\": [\"officer\"], "

/* One step with one text field, and an outcome that needs nothing more. */
#define ONE_STEP "\"steps\": [{\"id\": \"s\", \"title\": \"S\", \"fields\": " \
                 "[{\"id\": \"name\", \"type\": \"text\", \"label\": \"Name?\"}]}]"
#define SUMMARY "\"outcome\": {\"summary\": \"x\"}"

static ConcordatWizard *
load (const char  *json,
      GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));

  return concordat_wizard_new_from_bytes (bytes, "test.json", error);
}

static ConcordatWizard *
load_ok (const char *json)
{
  g_autoptr(GError) error = NULL;
  ConcordatWizard *wizard = load (json, &error);

  g_assert_no_error (error);
  g_assert_nonnull (wizard);
  return wizard;
}

static JsonObject *
parse_answers (const char *json)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  node = json_from_string (json, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (node));
}

static GDate
day (const char *text)
{
  GDate date;

  g_assert_true (concordat_calendar_parse_date (text, &date));
  return date;
}

static ConcordatOutcome *
evaluate (Fixture         *f,
          ConcordatWizard *wizard,
          const char      *answers,
          const char      *today)
{
  g_autoptr(JsonObject) object = parse_answers (answers);
  g_autoptr(GError) error = NULL;
  GDate date = day (today);
  ConcordatOutcome *outcome;

  outcome = concordat_wizard_evaluate (wizard, f->store, object, &date, &error);
  g_assert_no_error (error);
  g_assert_nonnull (outcome);
  return outcome;
}

static const ConcordatProblem *
find_problem (const ConcordatOutcome *outcome,
              const char             *field)
{
  for (guint i = 0; i < outcome->problems->len; i++)
    {
      const ConcordatProblem *problem = g_ptr_array_index (outcome->problems, i);

      if (g_strcmp0 (problem->field, field) == 0)
        return problem;
    }
  return NULL;
}

/* The answers are refused with one problem, on @field, saying @words. */
static void
assert_problem (const ConcordatOutcome *outcome,
                const char             *field,
                const char             *words)
{
  const ConcordatProblem *problem = find_problem (outcome, field);

  if (problem == NULL)
    g_error ("no problem on “%s”", field);
  if (strstr (problem->message, words) == NULL)
    g_error ("the problem on “%s” is “%s”, without “%s”", field, problem->message, words);
  g_assert_true (g_str_has_prefix (problem->message, field));
  g_assert_false (concordat_outcome_can_finish (outcome));
}

static void
assert_no_problems (const ConcordatOutcome *outcome)
{
  for (guint i = 0; i < outcome->problems->len; i++)
    g_test_message ("problem: %s",
                    ((ConcordatProblem *) g_ptr_array_index (outcome->problems, i))->message);
  g_assert_cmpuint (outcome->problems->len, ==, 0);
}

static char *
format_date (const GDate *date)
{
  char text[16];

  g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
  return g_strdup (text);
}

static void
set (Fixture    *f,
     const char *key,
     const char *value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (concordat_council_set (f->store, key, value, &error));
  g_assert_no_error (error);
}

static void
add_group (Fixture    *f,
           const char *name)
{
  g_autoptr(ConcordatGroup) group = NULL;
  g_autoptr(GError) error = NULL;

  group = concordat_council_add_group (f->store, name, NULL, &error);
  g_assert_no_error (error);
}

static void
add_ward (Fixture    *f,
          const char *name)
{
  g_autoptr(ConcordatWard) ward = NULL;
  g_autoptr(GError) error = NULL;

  ward = concordat_council_add_ward (f->store, name, &error);
  g_assert_no_error (error);
}

/* Four groups, one of them no longer active, and two wards. */
static void
set_up_council (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  add_group (f, "Labour");
  add_group (f, "Conservative");
  add_group (f, "Green");
  add_group (f, "Independent");
  g_assert_true (concordat_council_set_group_active (f->store, "Independent", FALSE, &error));
  g_assert_no_error (error);
  add_ward (f, "Abbey");
  add_ward (f, "Castle");
}

/* Puts @group's @state on the ledger topic @topic, as an earlier action would. */
static void
put_on_ledger (Fixture    *f,
               const char *topic,
               const char *group,
               const char *state)
{
  sqlite3 *db = concordat_store_get_db (f->store);
  char *sql;

  sql = sqlite3_mprintf ("INSERT OR IGNORE INTO briefing_topics (name, date) VALUES (%Q, '2026-12-01');"
                         "INSERT INTO ledger (topic_id, group_id, state, date) "
                         "SELECT t.id, g.id, %Q, '2026-12-01' FROM briefing_topics t, party_groups g "
                         "WHERE t.name = %Q AND g.name = %Q;", topic, state, topic, group);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_changes (db), ==, 1);
  sqlite3_free (sql);
}

/* --- loading --- */

static const char valid_json[] =
  "{" HEAD "\"comment\": \"ignored\", \"steps\": ["
  " {\"id\": \"request\", \"title\": \"The request\", \"help\": \"Who asks.\","
  "  \"topics\": [\"party-groups\"],"
  "  \"fields\": ["
  "   {\"id\": \"requesting_group\", \"type\": \"group\", \"label\": \"Which group?\", \"required\": true},"
  "   {\"id\": \"role\", \"type\": \"choice\", \"label\": \"Who asked?\", \"help\": \"The role.\","
  "    \"choices\": [{\"value\": \"leader\", \"label\": \"The group leader\"},"
  "                  {\"value\": \"other\", \"label\": \"Someone else\"}]},"
  "   {\"id\": \"topic\", \"type\": \"text\", \"label\": \"About what?\","
  "    \"when\": {\"field\": \"role\", \"equals\": \"leader\"}}],"
  "  \"stops\": [{\"when\": {\"field\": \"role\", \"equals\": \"other\"}, \"reason\": \"No.\","
  "              \"topic\": \"party-groups\"}]},"
  " {\"id\": \"meeting\", \"title\": \"The meeting\", \"when\": {\"field\": \"topic\", \"answered\": true},"
  "  \"fields\": [{\"id\": \"meeting_date\", \"type\": \"date\", \"label\": \"When?\"},"
  "              {\"id\": \"notes\", \"type\": \"long-text\", \"label\": \"Notes?\"},"
  "              {\"id\": \"agreed\", \"type\": \"yes-no\", \"label\": \"Agreed?\"},"
  "              {\"id\": \"others\", \"type\": \"groups\", \"label\": \"Which others?\"},"
  "              {\"id\": \"ward\", \"type\": \"ward\", \"label\": \"Which ward?\"}]}],"
  " \"outcome\": {\"summary\": \"{topic} for {requesting_group}\","
  "  \"notes\": [{\"text\": \"Always.\"}, {\"when\": {\"field\": \"agreed\", \"equals\": true}, \"text\": \"Agreed.\"}],"
  "  \"ledger-topic\": \"topic\","
  "  \"ledger\": [{\"group\": \"requesting_group\", \"state\": \"requested\"}],"
  "  \"duties\": [{\"title\": \"Check {each}\", \"due\": \"+2wd\", \"for-each\": \"other-groups\"},"
  "              {\"title\": \"Remember\", \"due\": \"on:meeting_date\"}]}}";

static void
test_load_valid (void)
{
  g_autoptr(ConcordatWizard) wizard = load_ok (valid_json);
  const ConcordatStep *step;
  const ConcordatField *field;
  const ConcordatChoice *choice;
  GPtrArray *steps;

  g_assert_cmpstr (concordat_wizard_get_id (wizard), ==, "test");
  g_assert_cmpint (concordat_wizard_get_version (wizard), ==, 2);
  g_assert_cmpstr (concordat_wizard_get_title (wizard), ==, "A test");
  g_assert_cmpstr (concordat_wizard_get_description (wizard), ==, "For the tests.");
  g_assert_cmpstrv (concordat_wizard_get_audience (wizard), ((const char *[]) { "officer", NULL }));

  steps = concordat_wizard_get_steps (wizard);
  g_assert_cmpuint (steps->len, ==, 2);
  step = g_ptr_array_index (steps, 0);
  g_assert_cmpstr (step->id, ==, "request");
  g_assert_cmpstr (step->title, ==, "The request");
  g_assert_cmpstr (step->help, ==, "Who asks.");
  g_assert_cmpstrv (step->topics, ((const char *[]) { "party-groups", NULL }));
  g_assert_null (step->when);
  g_assert_cmpuint (step->fields->len, ==, 3);
  g_assert_cmpuint (step->stops->len, ==, 1);
  g_assert_cmpstr (((ConcordatStop *) g_ptr_array_index (step->stops, 0))->reason, ==, "No.");
  g_assert_cmpstr (((ConcordatStop *) g_ptr_array_index (step->stops, 0))->topic, ==, "party-groups");

  field = g_ptr_array_index (step->fields, 1);
  g_assert_cmpstr (field->id, ==, "role");
  g_assert_cmpint (field->type, ==, CONCORDAT_FIELD_CHOICE);
  g_assert_cmpstr (field->label, ==, "Who asked?");
  g_assert_cmpstr (field->help, ==, "The role.");
  g_assert_false (field->required);
  g_assert_cmpuint (field->choices->len, ==, 2);
  choice = g_ptr_array_index (field->choices, 0);
  g_assert_cmpstr (choice->value, ==, "leader");
  g_assert_cmpstr (choice->label, ==, "The group leader");
  g_assert_true (((ConcordatField *) g_ptr_array_index (step->fields, 0))->required);
  g_assert_nonnull (((ConcordatField *) g_ptr_array_index (step->fields, 2))->when);

  step = g_ptr_array_index (steps, 1);
  g_assert_nonnull (step->when);
  g_assert_cmpstrv (step->topics, ((const char *[]) { NULL }));
  g_assert_cmpuint (step->stops->len, ==, 0);

  field = concordat_wizard_find_field (wizard, "ward");
  g_assert_nonnull (field);
  g_assert_cmpstr (concordat_field_type_to_string (field->type), ==, "ward");
  g_assert_cmpstr (concordat_field_type_to_string (CONCORDAT_FIELD_LONG_TEXT), ==, "long-text");
  g_assert_null (concordat_wizard_find_field (wizard, "nothing"));
}

/* Each broken definition, and the words its message must have. */
static const struct
{
  const char *json;
  const char *words[3];
} broken[] = {
  /* keys */
  { "{" HEAD "\"colour\": \"red\", " ONE_STEP ", " SUMMARY "}",
    { "test.json: colour: ", "is not a key of a wizard", "use format, id" } },
  { "{" HEAD "\"steps\": [{\"id\": \"s\", \"title\": \"S\", \"fields\": [{\"id\": \"a\", \"type\": "
    "\"text\", \"label\": \"A\", \"lable\": \"B\"}]}], " SUMMARY "}",
    { "test.json: steps[0].fields[0].lable: ", "“lable” is not a key of a field", NULL } },
  { "{\"format\": 1, \"id\": \"test\", \"version\": 1, \"description\": \"D\", \"audience\": "
    "[\"officer\"], " ONE_STEP ", " SUMMARY "}",
    { "test.json: title: missing", NULL } },
  { "{" HEAD "\"steps\": [{\"id\": \"s\", \"fields\": [{\"id\": \"a\", \"type\": \"text\", "
    "\"label\": \"A\"}]}], " SUMMARY "}",
    { "test.json: steps[0].title: missing", "every step needs a title", NULL } },
  { "{" HEAD "\"steps\": [{\"id\": \"s\", \"title\": \"  \", \"fields\": [{\"id\": \"a\", "
    "\"type\": \"text\", \"label\": \"A\"}]}], " SUMMARY "}",
    { "test.json: steps[0].title: is empty", NULL } },
  { "{" HEAD "\"steps\": [{\"id\": \"s\", \"title\": \"S\", \"fields\": [{\"id\": \"a\", "
    "\"type\": \"text\"}]}], " SUMMARY "}",
    { "test.json: steps[0].fields[0].label: missing", NULL } },
  /* ids */
  { "{\"format\": 1, \"id\": \"Test Wizard\", \"version\": 1, \"title\": \"T\", \"description\": "
    "\"D\", \"audience\": [\"officer\"], " ONE_STEP ", " SUMMARY "}",
    { "test.json: id: ", "“Test Wizard” is not an id", "lower case letters" } },
  { "{" HEAD "\"steps\": [{\"id\": \"s\", \"title\": \"S\", \"fields\": [{\"id\": \"Meeting-Date\", "
    "\"type\": \"date\", \"label\": \"When?\"}]}], " SUMMARY "}",
    { "test.json: steps[0].fields[0].id: ", "“Meeting-Date” is not an id", NULL } },
  { "{" HEAD "\"steps\": [{\"id\": \"s\", \"title\": \"S\", \"fields\": [{\"id\": \"a\", \"type\": "
    "\"text\", \"label\": \"A\"}]}, {\"id\": \"t\", \"title\": \"T\", \"fields\": [{\"id\": \"a\", "
    "\"type\": \"text\", \"label\": \"A again\"}]}], " SUMMARY "}",
    { "test.json: steps[1].fields[0].id: ", "“a” is the id of an earlier question too", NULL } },
  { "{" HEAD "\"steps\": [{\"id\": \"s\", \"title\": \"S\", \"fields\": [{\"id\": \"a\", \"type\": "
    "\"text\", \"label\": \"A\"}]}, {\"id\": \"s\", \"title\": \"T\", \"fields\": [{\"id\": \"b\", "
    "\"type\": \"text\", \"label\": \"B\"}]}], " SUMMARY "}",
    { "test.json: steps[1].id: ", "“s” is the id of steps[0] too", NULL } },
  /* types and choices */
  { "{" HEAD "\"steps\": [{\"id\": \"s\", \"title\": \"S\", \"fields\": [{\"id\": \"a\", \"type\": "
    "\"text\", \"label\": \"A\"}, {\"id\": \"b\", \"type\": \"datetime\", \"label\": \"B\"}]}], " SUMMARY "}",
    { "test.json: steps[0].fields[1].type: “datetime” is not a field type; use text, long-text, "
      "yes-no, choice, date, group, groups or ward", NULL } },
  { "{" HEAD "\"steps\": [{\"id\": \"s\", \"title\": \"S\", \"fields\": [{\"id\": \"a\", \"type\": "
    "\"choice\", \"label\": \"A\"}]}], " SUMMARY "}",
    { "test.json: steps[0].fields[0].choices: missing", "at least two choices", NULL } },
  { "{" HEAD "\"steps\": [{\"id\": \"s\", \"title\": \"S\", \"fields\": [{\"id\": \"a\", \"type\": "
    "\"choice\", \"label\": \"A\", \"choices\": [{\"value\": \"x\", \"label\": \"X\"}]}]}], " SUMMARY "}",
    { "test.json: steps[0].fields[0].choices: has too few entries", NULL } },
  { "{" HEAD "\"steps\": [{\"id\": \"s\", \"title\": \"S\", \"fields\": [{\"id\": \"a\", \"type\": "
    "\"choice\", \"label\": \"A\", \"choices\": [{\"value\": \"x\", \"label\": \"X\"}, {\"value\": "
    "\"x\", \"label\": \"Y\"}]}]}], " SUMMARY "}",
    { "test.json: steps[0].fields[0].choices[1].value: ", "“x” is the value of choice 0 too", NULL } },
  { "{" HEAD "\"steps\": [{\"id\": \"s\", \"title\": \"S\", \"fields\": [{\"id\": \"a\", \"type\": "
    "\"text\", \"label\": \"A\", \"choices\": []}]}], " SUMMARY "}",
    { "test.json: steps[0].fields[0].choices: only a choice question has choices", NULL } },
  { "{" HEAD "\"steps\": [{\"id\": \"s\", \"title\": \"S\", \"fields\": [{\"id\": \"a\", \"type\": "
    "\"text\", \"label\": \"A\", \"required\": \"yes\"}]}], " SUMMARY "}",
    { "test.json: steps[0].fields[0].required: should be true or false, not text", NULL } },
  { "{" HEAD "\"steps\": [{\"id\": \"s\", \"title\": \"S\", \"fields\": []}], " SUMMARY "}",
    { "test.json: steps[0].fields: has too few entries", "at least one question", NULL } },
  /* conditions */
  { "{" HEAD "\"steps\": [{\"id\": \"s\", \"title\": \"S\", \"fields\": [{\"id\": \"a\", \"type\": "
    "\"yes-no\", \"label\": \"A\", \"when\": {\"field\": \"b\", \"equals\": true}}, {\"id\": \"b\", "
    "\"type\": \"yes-no\", \"label\": \"B\", \"when\": {\"field\": \"a\", \"equals\": true}}]}], " SUMMARY "}",
    { "test.json: steps[0].fields[0].when.field: ", "“b” is asked later, at steps[0].fields[1]",
      "asked before it" } },
  { "{" HEAD "\"steps\": [{\"id\": \"s\", \"title\": \"S\", \"fields\": [{\"id\": \"a\", \"type\": "
    "\"yes-no\", \"label\": \"A\", \"when\": {\"field\": \"a\", \"equals\": true}}]}], " SUMMARY "}",
    { "test.json: steps[0].fields[0].when.field: ", "“a” is the question this is part of", NULL } },
  { "{" HEAD "\"steps\": [{\"id\": \"s\", \"title\": \"S\", \"when\": {\"field\": \"a\", \"answered\": "
    "true}, \"fields\": [{\"id\": \"a\", \"type\": \"text\", \"label\": \"A\"}]}], " SUMMARY "}",
    { "test.json: steps[0].when.field: ", "“a” is asked later", NULL } },
  { "{" HEAD "\"steps\": [{\"id\": \"s\", \"title\": \"S\", \"fields\": [{\"id\": \"a\", \"type\": "
    "\"text\", \"label\": \"A\"}, {\"id\": \"b\", \"type\": \"text\", \"label\": \"B\", \"when\": "
    "{\"all\": [{\"field\": \"a\", \"answered\": true}, {\"not\": {\"field\": \"colour\", "
    "\"answered\": true}}]}}]}], " SUMMARY "}",
    { "test.json: steps[0].fields[1].when.all[1].not.field: ", "“colour” is not a question in "
      "this wizard", "the questions asked before this are a" } },
  { "{" HEAD "\"steps\": [{\"id\": \"s\", \"title\": \"S\", \"fields\": [{\"id\": \"a\", \"type\": "
    "\"choice\", \"label\": \"A\", \"choices\": [{\"value\": \"x\", \"label\": \"X\"}, {\"value\": "
    "\"y\", \"label\": \"Y\"}]}, {\"id\": \"b\", \"type\": \"text\", \"label\": \"B\", \"when\": "
    "{\"field\": \"a\", \"in\": [\"x\", \"z\"]}}]}], " SUMMARY "}",
    { "test.json: steps[0].fields[1].when.in[1]: ", "“z” is not one of the choices of “a”; use x and y", NULL } },
  { "{" HEAD "\"steps\": [{\"id\": \"s\", \"title\": \"S\", \"fields\": [{\"id\": \"a\", \"type\": "
    "\"yes-no\", \"label\": \"A\"}, {\"id\": \"b\", \"type\": \"text\", \"label\": \"B\", \"when\": "
    "{\"field\": \"a\", \"equals\": \"yes\"}}]}], " SUMMARY "}",
    { "test.json: steps[0].fields[1].when.equals: ", "compare it with true or false", NULL } },
  { "{" HEAD "\"steps\": [{\"id\": \"s\", \"title\": \"S\", \"fields\": [{\"id\": \"a\", \"type\": "
    "\"yes-no\", \"label\": \"A\"}, {\"id\": \"b\", \"type\": \"text\", \"label\": \"B\", \"when\": "
    "{\"field\": \"a\", \"equals\": true, \"answered\": true}}]}], " SUMMARY "}",
    { "test.json: steps[0].fields[1].when: has both “equals” and “answered”", NULL } },
  { "{" HEAD "\"steps\": [{\"id\": \"s\", \"title\": \"S\", \"fields\": [{\"id\": \"a\", \"type\": "
    "\"yes-no\", \"label\": \"A\"}, {\"id\": \"b\", \"type\": \"text\", \"label\": \"B\", \"when\": "
    "{\"colour\": \"a\"}}]}], " SUMMARY "}",
    { "test.json: steps[0].fields[1].when: a condition needs one of “field”", NULL } },
  { "{" HEAD "\"steps\": [{\"id\": \"s\", \"title\": \"S\", \"fields\": [{\"id\": \"a\", \"type\": "
    "\"text\", \"label\": \"A\", \"when\": {\"council\": \"briefing-rule\", \"equals\": \"sometimes\"}}]}], " SUMMARY "}",
    { "test.json: steps[0].fields[0].when.equals: ", "“sometimes” is not a briefing rule", NULL } },
  { "{" HEAD "\"steps\": [{\"id\": \"s\", \"title\": \"S\", \"fields\": [{\"id\": \"a\", \"type\": "
    "\"text\", \"label\": \"A\", \"when\": {\"council\": \"colour\", \"equals\": \"red\"}}]}], " SUMMARY "}",
    { "test.json: steps[0].fields[0].when.council: ", "should name a council setting", NULL } },
  { "{" HEAD "\"steps\": [{\"id\": \"s\", \"title\": \"S\", \"fields\": [{\"id\": \"a\", \"type\": "
    "\"text\", \"label\": \"A\"}, {\"id\": \"b\", \"type\": \"text\", \"label\": \"B\", \"when\": "
    "{\"pre-election\": \"a\"}}]}], " SUMMARY "}",
    { "test.json: steps[0].fields[1].when.pre-election: ", "needs a date question", NULL } },
  { "{" HEAD "\"steps\": [{\"id\": \"s\", \"title\": \"S\", \"fields\": [{\"id\": \"a\", \"type\": "
    "\"text\", \"label\": \"A\"}], \"stops\": [{\"reason\": \"No.\"}]}], " SUMMARY "}",
    { "test.json: steps[0].stops[0].when: missing", NULL } },
  /* topics */
  { "{" HEAD "\"steps\": [{\"id\": \"s\", \"title\": \"S\", \"topics\": [\"party-groups\", "
    "\"parties\"], \"fields\": [{\"id\": \"a\", \"type\": \"text\", \"label\": \"A\"}]}], " SUMMARY "}",
    { "test.json: steps[0].topics[1]: ", "“parties” is not a topic", "party-groups" } },
  /* the outcome */
  { "{" HEAD ONE_STEP "}",
    { "test.json: outcome: missing", NULL } },
  { "{" HEAD ONE_STEP ", \"outcome\": {\"summary\": \"For {nmae}\"}}",
    { "test.json: outcome.summary: ", "“{nmae}” names no question", NULL } },
  { "{" HEAD ONE_STEP ", \"outcome\": {\"summary\": \"For {name}\", \"notes\": [{\"text\": "
    "\"{each}\"}]}}",
    { "test.json: outcome.notes[0].text: ", "use it only with “for-each”", NULL } },
  { "{" HEAD ONE_STEP ", \"outcome\": {\"summary\": \"x\", \"duties\": [{\"title\": \"Do\", "
    "\"due\": \"+2days\"}]}}",
    { "test.json: outcome.duties[0].due: ", "“+2days” is not a due-date rule", NULL } },
  { "{" HEAD ONE_STEP ", \"outcome\": {\"summary\": \"x\", \"duties\": [{\"title\": \"Do\", "
    "\"due\": \"-1wd:name\"}]}}",
    { "test.json: outcome.duties[0].due: ", "“name” is a text question", "date question" } },
  { "{" HEAD ONE_STEP ", \"outcome\": {\"summary\": \"x\", \"duties\": [{\"title\": \"Do\", "
    "\"due\": \"on:when\"}]}}",
    { "test.json: outcome.duties[0].due: ", "“when” names no question", NULL } },
  { "{" HEAD ONE_STEP ", \"outcome\": {\"summary\": \"x\", \"duties\": [{\"title\": \"Do\", "
    "\"due\": \"-1wd\"}]}}",
    { "test.json: outcome.duties[0].due: ", "needs a date question to count from", NULL } },
  { "{" HEAD ONE_STEP ", \"outcome\": {\"summary\": \"x\", \"duties\": [{\"title\": \"Do\", "
    "\"due\": \"+1wd\", \"for-each\": \"everyone\"}]}}",
    { "test.json: outcome.duties[0].for-each: ", "“everyone” is not a question", NULL } },
  { "{" HEAD "\"steps\": [{\"id\": \"s\", \"title\": \"S\", \"fields\": [{\"id\": \"g\", \"type\": "
    "\"group\", \"label\": \"G\"}, {\"id\": \"topic\", \"type\": \"text\", \"label\": \"T\"}]}], "
    "\"outcome\": {\"summary\": \"x\", \"ledger-topic\": \"topic\", \"ledger\": [{\"group\": \"g\", "
    "\"state\": \"promised\"}]}}",
    { "test.json: outcome.ledger[0].state: ", "“promised” is not a ledger state", "available-on-request" } },
  { "{" HEAD "\"steps\": [{\"id\": \"s\", \"title\": \"S\", \"fields\": [{\"id\": \"g\", \"type\": "
    "\"group\", \"label\": \"G\"}]}], \"outcome\": {\"summary\": \"x\", \"ledger\": [{\"group\": "
    "\"g\", \"state\": \"requested\"}]}}",
    { "test.json: outcome.ledger-topic: missing", "names the briefing topic", NULL } },
  { "{" HEAD "\"steps\": [{\"id\": \"s\", \"title\": \"S\", \"fields\": [{\"id\": \"g\", \"type\": "
    "\"group\", \"label\": \"G\"}, {\"id\": \"d\", \"type\": \"date\", \"label\": \"D\"}]}], "
    "\"outcome\": {\"summary\": \"x\", \"ledger-topic\": \"d\"}}",
    { "test.json: outcome.ledger-topic: ", "“d” is a date question", "a text question" } },
  { "{" HEAD "\"steps\": [{\"id\": \"s\", \"title\": \"S\", \"fields\": [{\"id\": \"g\", \"type\": "
    "\"text\", \"label\": \"G\"}]}], \"outcome\": {\"summary\": \"x\", \"ledger-topic\": \"g\", "
    "\"ledger\": [{\"group\": \"g\", \"state\": \"requested\"}]}}",
    { "test.json: outcome.ledger[0].group: ", "“g” is a text question", "a group question" } },
  /* the file as a whole */
  { "", { "test.json: the file is empty", NULL } },
  { "{\"format\": 1, \"id\": ", { "test.json: this is not valid JSON", NULL } },
  { "[1, 2]", { "test.json: the file should hold one object", NULL } },
  { "{\"id\": \"test\"}", { "test.json: format: missing", NULL } },
  { "{\"format\": \"1\"}", { "test.json: format: should be the whole number 1", NULL } },
  { "{\"format\": 1, \"id\": \"test\", \"version\": 0, \"title\": \"T\", \"description\": \"D\", "
    "\"audience\": [\"officer\"], " ONE_STEP ", " SUMMARY "}",
    { "test.json: version: should be a whole number from 1", NULL } },
  { "{" "\"format\": 1, \"id\": \"test\", \"version\": 1, \"title\": \"T\", \"description\": \"D\", "
    "\"audience\": [\"officer\", \"public\"], " ONE_STEP ", " SUMMARY "}",
    { "test.json: audience[1]: should be member or officer", NULL } },
  { "{" HEAD "\"steps\": [], " SUMMARY "}",
    { "test.json: steps: has too few entries", NULL } },
};

static void
test_load_broken (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ConcordatWizard) wizard = load (broken[i].json, &error);

      g_test_message ("case %u: %s", i, error != NULL ? error->message : "(loaded)");
      g_assert_null (wizard);
      g_assert_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_INVALID);
      for (guint j = 0; j < G_N_ELEMENTS (broken[i].words) && broken[i].words[j] != NULL; j++)
        if (strstr (error->message, broken[i].words[j]) == NULL)
          g_error ("case %u: “%s” does not say “%s”", i, error->message, broken[i].words[j]);
    }
}

static void
test_load_too_new (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordatWizard) wizard = NULL;

  /* A newer format may have keys this one does not know: the version wins. */
  wizard = load ("{\"format\": 2, \"id\": \"test\", \"hologram\": true}", &error);
  g_assert_null (wizard);
  g_assert_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_TOO_NEW);
  g_assert_true (g_str_has_prefix (error->message, "test.json: format: "));
  g_assert_nonnull (strstr (error->message, "version 2"));
}

/* Definitions made to hurt, each refused with exactly this message. */
static void
assert_refused (const char *json,
                const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordatWizard) wizard = load (json, &error);

  g_assert_null (wizard);
  g_assert_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
}

/* Two questions on different steps, each asked only when the other was
 * answered: neither could ever be asked first. */
static void
test_load_hostile_cycle (void)
{
  assert_refused ("{" HEAD "\"steps\": ["
                  "{\"id\": \"s\", \"title\": \"S\", \"fields\": [{\"id\": \"a\", \"type\": \"text\", "
                  "\"label\": \"A\", \"when\": {\"field\": \"b\", \"answered\": true}}]}, "
                  "{\"id\": \"t\", \"title\": \"T\", \"when\": {\"field\": \"a\", \"answered\": true}, "
                  "\"fields\": [{\"id\": \"b\", \"type\": \"text\", \"label\": \"B\", "
                  "\"when\": {\"field\": \"a\", \"answered\": true}}]}], " SUMMARY "}",
                  "test.json: steps[0].fields[0].when.field: “b” is asked later, at steps[1].fields[0]; a "
                  "condition can use only answers asked before it, so move the question earlier");
  /* A step that waits on its own question. */
  assert_refused ("{" HEAD "\"steps\": [{\"id\": \"s\", \"title\": \"S\", "
                  "\"when\": {\"not\": {\"field\": \"a\", \"answered\": true}}, "
                  "\"fields\": [{\"id\": \"a\", \"type\": \"text\", \"label\": \"A\"}]}], " SUMMARY "}",
                  "test.json: steps[0].when.not.field: “a” is asked later, at steps[0].fields[0]; a "
                  "condition can use only answers asked before it, so move the question earlier");
}

static void
test_load_hostile_field_type (void)
{
  static const char * const types[] = { "\"Text\"", "\"\"", "7", "null", "[\"text\"]" };
  static const char * const messages[] = {
    "test.json: steps[0].fields[0].type: “Text” is not a field type; use text, long-text, yes-no, "
    "choice, date, group, groups or ward",
    "test.json: steps[0].fields[0].type: is empty; give the kind of answer it takes: text, "
    "long-text, yes-no, choice, date, group, groups or ward",
    "test.json: steps[0].fields[0].type: should be text, not a number; give the kind of answer it "
    "takes: text, long-text, yes-no, choice, date, group, groups or ward",
    "test.json: steps[0].fields[0].type: should be text, not null; give the kind of answer it "
    "takes: text, long-text, yes-no, choice, date, group, groups or ward",
    "test.json: steps[0].fields[0].type: should be text, not a list; give the kind of answer it "
    "takes: text, long-text, yes-no, choice, date, group, groups or ward",
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autofree char *json = g_strdup_printf ("{" HEAD "\"steps\": [{\"id\": \"s\", \"title\": \"S\", "
                                               "\"fields\": [{\"id\": \"a\", \"type\": %s, \"label\": "
                                               "\"A\"}]}], " SUMMARY "}", types[i]);
      assert_refused (json, messages[i]);
    }
}

/* A condition nested 100,000 deep: refused before the parser, which
 * would use up the stack, ever sees it. */
static void
test_load_hostile_deep (void)
{
  g_autoptr(GString) json = g_string_new ("{" HEAD "\"steps\": [{\"id\": \"s\", \"title\": \"S\", "
                                          "\"fields\": [{\"id\": \"a\", \"type\": \"text\", \"label\": "
                                          "\"A\"}, {\"id\": \"b\", \"type\": \"text\", \"label\": \"B\", "
                                          "\"when\": ");

  for (guint i = 0; i < 100000; i++)
    g_string_append (json, "{\"not\": ");
  g_string_append (json, "{\"field\": \"a\", \"answered\": true}");
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (json, '}');
  g_string_append (json, "}]}], " SUMMARY "}");

  assert_refused (json->str, "test.json: its lists and objects are nested more than 64 deep, far deeper "
                             "than a wizard definition goes; check that it is the right file");

  /* Brackets inside text are text. */
  g_assert_false (concordat_wizard_json_too_deep ("{\"a\": \"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
                                                  "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\\\"\"}", 84));
}

static void
test_load_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordatWizard) wizard = NULL;
  g_autofree char *dir = g_dir_make_tmp ("concordat-wizard-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "visit.json", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.json", NULL);

  g_assert_no_error (error);
  wizard = concordat_wizard_new_from_file (missing, &error);
  g_assert_null (wizard);
  g_assert_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "missing.json"));
  g_clear_error (&error);

  /* Messages name the file, not the path to it. */
  g_assert_true (g_file_set_contents (path, "{\"format\": 1}", -1, &error));
  wizard = concordat_wizard_new_from_file (path, &error);
  g_assert_null (wizard);
  g_assert_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "visit.json: id: missing"));
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (path, valid_json, -1, &error));
  wizard = concordat_wizard_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (concordat_wizard_get_id (wizard), ==, "test");

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_load_bundled (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) wizards = concordat_wizard_load_bundled (&error);
  g_autoptr(ConcordatWizard) briefing = NULL;
  g_autoptr(ConcordatWizard) missing = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (wizards);
  /* The three this build bundles, sorted by id. */
  g_assert_cmpuint (wizards->len, ==, 3);
  for (guint i = 1; i < wizards->len; i++)
    g_assert_cmpstr (concordat_wizard_get_id (g_ptr_array_index (wizards, i - 1)), <,
                     concordat_wizard_get_id (g_ptr_array_index (wizards, i)));
  briefing = concordat_wizard_find_bundled (concordat_wizard_get_id (g_ptr_array_index (wizards, 0)),
                                            &error);
  g_assert_no_error (error);
  g_assert_nonnull (briefing);

  missing = concordat_wizard_find_bundled ("no-such-wizard", &error);
  g_assert_null (missing);
  g_assert_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, concordat_wizard_get_id (g_ptr_array_index (wizards, 0))));
}

/* --- conditions and what applies --- */

static const char conditions_json[] =
  "{" HEAD "\"steps\": ["
  " {\"id\": \"first\", \"title\": \"First\", \"fields\": ["
  "  {\"id\": \"c\", \"type\": \"choice\", \"label\": \"C\", \"choices\": ["
  "   {\"value\": \"x\", \"label\": \"Ex\"}, {\"value\": \"y\", \"label\": \"Why\"}, {\"value\": \"z\", \"label\": \"Zed\"}]},"
  "  {\"id\": \"b\", \"type\": \"yes-no\", \"label\": \"B\"},"
  "  {\"id\": \"t\", \"type\": \"text\", \"label\": \"T\"},"
  "  {\"id\": \"w1\", \"type\": \"ward\", \"label\": \"W1\"},"
  "  {\"id\": \"w2\", \"type\": \"ward\", \"label\": \"W2\"},"
  "  {\"id\": \"d\", \"type\": \"date\", \"label\": \"D\"}]},"
  " {\"id\": \"second\", \"title\": \"Second\", \"fields\": ["
  "  {\"id\": \"if_equals\", \"type\": \"text\", \"label\": \"?\", \"when\": {\"field\": \"c\", \"equals\": \"x\"}},"
  "  {\"id\": \"if_not_equals\", \"type\": \"text\", \"label\": \"?\", \"when\": {\"field\": \"c\", \"not-equals\": \"x\"}},"
  "  {\"id\": \"if_in\", \"type\": \"text\", \"label\": \"?\", \"when\": {\"field\": \"c\", \"in\": [\"x\", \"y\"]}},"
  "  {\"id\": \"if_yes\", \"type\": \"text\", \"label\": \"?\", \"when\": {\"field\": \"b\", \"equals\": true}},"
  "  {\"id\": \"if_answered\", \"type\": \"text\", \"label\": \"?\", \"when\": {\"field\": \"t\", \"answered\": true}},"
  "  {\"id\": \"if_unanswered\", \"type\": \"text\", \"label\": \"?\", \"when\": {\"field\": \"t\", \"answered\": false}},"
  "  {\"id\": \"if_differs\", \"type\": \"text\", \"label\": \"?\", \"when\": {\"field\": \"w1\", \"differs-from\": \"w2\"}},"
  "  {\"id\": \"if_council\", \"type\": \"text\", \"label\": \"?\", \"when\": {\"council\": \"briefing-rule\", \"equals\": \"on-request\"}},"
  "  {\"id\": \"if_pre_election\", \"type\": \"text\", \"label\": \"?\", \"when\": {\"pre-election\": \"d\"}},"
  "  {\"id\": \"if_all\", \"type\": \"text\", \"label\": \"?\", \"when\": {\"all\": [{\"field\": \"b\", \"equals\": true}, {\"field\": \"c\", \"equals\": \"x\"}]}},"
  "  {\"id\": \"if_any\", \"type\": \"text\", \"label\": \"?\", \"when\": {\"any\": [{\"field\": \"b\", \"equals\": true}, {\"field\": \"c\", \"equals\": \"x\"}]}},"
  "  {\"id\": \"if_not\", \"type\": \"text\", \"label\": \"?\", \"when\": {\"not\": {\"field\": \"b\", \"equals\": true}}}]}],"
  " \"outcome\": {\"summary\": \"x\"}}";

static const char *const second_ids[] = {
  "if_equals", "if_not_equals", "if_in", "if_yes", "if_answered", "if_unanswered", "if_differs",
  "if_council", "if_pre_election", "if_all", "if_any", "if_not",
};

/* Answers every question of the second step, and returns those that
 * applied (the others are dropped), joined with spaces. */
static char *
applying (Fixture         *f,
          ConcordatWizard *wizard,
          const char      *first)
{
  g_autoptr(GString) json = g_string_new ("{");
  g_autoptr(ConcordatOutcome) outcome = NULL;
  g_autoptr(GString) kept = g_string_new (NULL);

  g_string_append (json, first);
  for (guint i = 0; i < G_N_ELEMENTS (second_ids); i++)
    g_string_append_printf (json, "%s\"%s\": \"yes\"", *first != '\0' || i > 0 ? ", " : "", second_ids[i]);
  g_string_append (json, "}");

  outcome = evaluate (f, wizard, json->str, "2026-03-02");
  assert_no_problems (outcome);
  for (guint i = 0; i < G_N_ELEMENTS (second_ids); i++)
    if (json_object_has_member (outcome->answers, second_ids[i]))
      g_string_append_printf (kept, "%s%s", kept->len > 0 ? " " : "", second_ids[i]);
  return g_strdup (kept->str);
}

static void
test_conditions (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(ConcordatWizard) wizard = load_ok (conditions_json);
  g_autofree char *none = NULL;
  g_autofree char *x = NULL;
  g_autofree char *y_yes = NULL;
  g_autofree char *z_no = NULL;
  g_autofree char *wards_same = NULL;
  g_autofree char *wards_differ = NULL;
  g_autofree char *before_period = NULL;
  g_autofree char *in_period = NULL;
  g_autofree char *polling_day = NULL;
  g_autofree char *on_request = NULL;

  set_up_council (f);
  set (f, "polling-day", "2026-05-07");

  /* Nothing answered: only the conditions that hold on no answer. */
  none = applying (f, wizard, "");
  g_assert_cmpstr (none, ==, "if_unanswered if_not");

  x = applying (f, wizard, "\"c\": \"x\", \"t\": \"  \"");
  g_assert_cmpstr (x, ==, "if_equals if_in if_unanswered if_any if_not");
  y_yes = applying (f, wizard, "\"c\": \"y\", \"b\": true, \"t\": \"Something\"");
  g_assert_cmpstr (y_yes, ==, "if_not_equals if_in if_yes if_answered if_any");
  z_no = applying (f, wizard, "\"c\": \"z\", \"b\": false");
  g_assert_cmpstr (z_no, ==, "if_not_equals if_unanswered if_not");

  /* Wards compare without regard to case. */
  wards_same = applying (f, wizard, "\"w1\": \"Abbey\", \"w2\": \"ABBEY\"");
  g_assert_cmpstr (wards_same, ==, "if_unanswered if_not");
  wards_differ = applying (f, wizard, "\"w1\": \"Abbey\", \"w2\": \"castle\"");
  g_assert_cmpstr (wards_differ, ==, "if_unanswered if_differs if_not");

  /* 25 working days before Thursday 7 May 2026 is Monday 30 March 2026:
   * the early May bank holiday, Easter Monday and Good Friday are not
   * counted. */
  before_period = applying (f, wizard, "\"d\": \"2026-03-27\"");
  g_assert_cmpstr (before_period, ==, "if_unanswered if_not");
  in_period = applying (f, wizard, "\"d\": \"2026-03-30\"");
  g_assert_cmpstr (in_period, ==, "if_unanswered if_pre_election if_not");
  polling_day = applying (f, wizard, "\"d\": \"2026-05-07\"");
  g_assert_cmpstr (polling_day, ==, "if_unanswered if_pre_election if_not");

  set (f, "briefing-rule", "on-request");
  on_request = applying (f, wizard, "");
  g_assert_cmpstr (on_request, ==, "if_unanswered if_council if_not");
}

static void
test_pre_election_unset (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(ConcordatWizard) wizard = load_ok (conditions_json);
  g_autofree char *kept = NULL;

  /* With no polling day, no date is in the period. */
  kept = applying (f, wizard, "\"d\": \"2026-04-20\"");
  g_assert_cmpstr (kept, ==, "if_unanswered if_not");
}

static const char skipping_json[] =
  "{" HEAD "\"steps\": ["
  " {\"id\": \"who\", \"title\": \"Who\", \"fields\": ["
  "  {\"id\": \"role\", \"type\": \"choice\", \"label\": \"Role?\", \"required\": true, \"choices\": ["
  "   {\"value\": \"member\", \"label\": \"A councillor\"}, {\"value\": \"officer\", \"label\": \"An officer\"}]},"
  "  {\"id\": \"ward\", \"type\": \"ward\", \"label\": \"Ward?\", \"required\": true,"
  "   \"when\": {\"field\": \"role\", \"equals\": \"member\"}}]},"
  " {\"id\": \"member_step\", \"title\": \"Member\", \"when\": {\"field\": \"role\", \"equals\": \"member\"},"
  "  \"fields\": [{\"id\": \"capacity\", \"type\": \"text\", \"label\": \"Capacity?\", \"required\": true}]},"
  " {\"id\": \"officer_step\", \"title\": \"Officer\", \"when\": {\"field\": \"role\", \"equals\": \"officer\"},"
  "  \"fields\": [{\"id\": \"authorised\", \"type\": \"yes-no\", \"label\": \"Authorised?\", \"required\": true}]}],"
  " \"outcome\": {\"summary\": \"{role}: {capacity}{authorised}\"}}";

static void
test_skipping (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(ConcordatWizard) wizard = load_ok (skipping_json);
  g_autoptr(ConcordatOutcome) officer = NULL;
  g_autoptr(ConcordatOutcome) missing = NULL;
  g_autoptr(JsonObject) answers = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *steps = concordat_wizard_get_steps (wizard);

  set_up_council (f);

  /* The member's step and the ward are skipped; their answers are dropped,
   * and their required questions are not missed. */
  officer = evaluate (f, wizard, "{\"role\": \"officer\", \"ward\": \"Nowhere\", "
                      "\"capacity\": \"ward member\", \"authorised\": true}", "2026-03-02");
  assert_no_problems (officer);
  g_assert_true (concordat_outcome_can_finish (officer));
  g_assert_cmpuint (officer->steps->len, ==, 2);
  g_assert_cmpstr (((ConcordatStep *) g_ptr_array_index (officer->steps, 1))->id, ==, "officer_step");
  g_assert_cmpuint (json_object_get_size (officer->answers), ==, 2);
  g_assert_false (json_object_has_member (officer->answers, "capacity"));
  g_assert_cmpstr (officer->summary, ==, "An officer: yes");

  /* A member must give a ward and a capacity. */
  missing = evaluate (f, wizard, "{\"role\": \"member\", \"authorised\": true}", "2026-03-02");
  g_assert_cmpuint (missing->problems->len, ==, 2);
  assert_problem (missing, "ward", "this question needs an answer: Ward?");
  assert_problem (missing, "capacity", "needs an answer");
  g_assert_cmpstr (find_problem (missing, "capacity")->step, ==, "member_step");
  g_assert_null (missing->summary);

  answers = parse_answers ("{\"role\": \"member\"}");
  g_assert_true (concordat_wizard_step_applies (wizard, f->store, g_ptr_array_index (steps, 0), answers, &error));
  g_assert_true (concordat_wizard_step_applies (wizard, f->store, g_ptr_array_index (steps, 1), answers, &error));
  g_assert_false (concordat_wizard_step_applies (wizard, f->store, g_ptr_array_index (steps, 2), answers, &error));
  g_assert_no_error (error);
  g_assert_false (concordat_wizard_step_applies (wizard, f->store, g_ptr_array_index (steps, 1), NULL, &error));
  g_assert_no_error (error);
}

/* --- answers --- */

static const char answers_json[] =
  "{" HEAD "\"steps\": [{\"id\": \"all\", \"title\": \"All\", \"fields\": ["
  " {\"id\": \"name\", \"type\": \"text\", \"label\": \"Name?\"},"
  " {\"id\": \"story\", \"type\": \"long-text\", \"label\": \"Story?\"},"
  " {\"id\": \"agreed\", \"type\": \"yes-no\", \"label\": \"Agreed?\", \"required\": true},"
  " {\"id\": \"kind\", \"type\": \"choice\", \"label\": \"Kind?\", \"choices\": ["
  "  {\"value\": \"a\", \"label\": \"A\"}, {\"value\": \"b\", \"label\": \"B\"}]},"
  " {\"id\": \"meeting_date\", \"type\": \"date\", \"label\": \"When?\"},"
  " {\"id\": \"group\", \"type\": \"group\", \"label\": \"Group?\"},"
  " {\"id\": \"groups\", \"type\": \"groups\", \"label\": \"Groups?\"},"
  " {\"id\": \"ward\", \"type\": \"ward\", \"label\": \"Ward?\"}]}],"
  " \"outcome\": {\"summary\": \"{name}, {agreed}, {kind}, {meeting_date}, {group}, {groups}, {ward}\"}}";

static void
test_good_answers (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(ConcordatWizard) wizard = load_ok (answers_json);
  g_autoptr(ConcordatOutcome) outcome = NULL;
  JsonArray *groups;

  set_up_council (f);
  outcome = evaluate (f, wizard, "{\"name\": \"  Ann Smith \", \"story\": \"Line one\\nline two\", "
                      "\"agreed\": false, \"kind\": \"b\", \"meeting_date\": \"2026-12-29\", "
                      "\"group\": \"labour\", \"groups\": [\"GREEN\", \"Conservative\"], "
                      "\"ward\": \"castle\"}", "2026-12-01");
  assert_no_problems (outcome);

  /* Trimmed, and names spelt as the council spells them. */
  g_assert_cmpstr (json_object_get_string_member (outcome->answers, "name"), ==, "Ann Smith");
  g_assert_cmpstr (json_object_get_string_member (outcome->answers, "group"), ==, "Labour");
  g_assert_cmpstr (json_object_get_string_member (outcome->answers, "ward"), ==, "Castle");
  groups = json_object_get_array_member (outcome->answers, "groups");
  g_assert_cmpuint (json_array_get_length (groups), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (groups, 0), ==, "Green");
  g_assert_cmpstr (outcome->summary, ==, "Ann Smith, no, B, Tuesday 29 December 2026, Labour, "
                   "Green, Conservative, Castle");
}

static const struct
{
  const char *answers;
  const char *field;
  const char *words;
} bad_answers[] = {
  { "{\"agreed\": \"yes\"}", "agreed", "should be true or false, not text" },
  { "{\"agreed\": true, \"name\": 42}", "name", "should be text, not a number" },
  { "{\"agreed\": true, \"groups\": \"Labour\"}", "groups", "should be a list of party groups' names" },
  { "{}", "agreed", "this question needs an answer: Agreed?" },
  { "{\"agreed\": null}", "agreed", "needs an answer" },
  { "{\"agreed\": true, \"kind\": \"c\"}", "kind", "“c” is not one of the choices; use a and b" },
  { "{\"agreed\": true, \"meeting_date\": \"2026-02-30\"}", "meeting_date",
    "meeting_date: “2026-02-30” is not a real date; give it as YYYY-MM-DD" },
  { "{\"agreed\": true, \"meeting_date\": \"30/12/2026\"}", "meeting_date", "is not a real date" },
  { "{\"agreed\": true, \"group\": \"Greens\"}", "group",
    "group: there is no party group called “Greens”; the groups are Conservative, Green, Labour" },
  { "{\"agreed\": true, \"group\": \"independent\"}", "group",
    "“Independent” is no longer an active party group" },
  { "{\"agreed\": true, \"groups\": [\"Labour\", \"Green\", \"labour\"]}", "groups",
    "Labour is in the list twice" },
  { "{\"agreed\": true, \"groups\": [\"Labour\", \"Liberal\"]}", "groups",
    "there is no party group called “Liberal”" },
  { "{\"agreed\": true, \"groups\": [\"Independent\"]}", "groups", "no longer an active party group" },
  { "{\"agreed\": true, \"ward\": \"Docks\"}", "ward",
    "ward: there is no ward called “Docks”; the wards are Abbey, Castle" },
  { "{\"agreed\": true, \"colour\": \"red\"}", "colour",
    "colour: there is no such question in this wizard; its questions are name, story" },
  { "{\"agreed\": true, \"name\": \"Ann\\nSmith\"}", "name", "has a line break; give it on one line" },
};

static void
test_bad_answers (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(ConcordatWizard) wizard = load_ok (answers_json);
  g_autofree char *long_name = g_strnfill (501, 'n');
  g_autofree char *long_story = g_strnfill (10001, 's');
  g_autofree char *longest = g_strnfill (500, 'n');
  g_autofree char *json = NULL;

  set_up_council (f);
  for (guint i = 0; i < G_N_ELEMENTS (bad_answers); i++)
    {
      g_autoptr(ConcordatOutcome) outcome = evaluate (f, wizard, bad_answers[i].answers, "2026-12-01");

      g_test_message ("case %u", i);
      g_assert_cmpuint (outcome->problems->len, ==, 1);
      assert_problem (outcome, bad_answers[i].field, bad_answers[i].words);
      g_assert_false (json_object_has_member (outcome->answers, bad_answers[i].field));
      g_assert_null (outcome->summary);
    }

  /* Too long, by a character; the step is named with the field. */
  json = g_strdup_printf ("{\"agreed\": true, \"name\": \"%s\", \"story\": \"%s\"}", long_name, long_story);
  {
    g_autoptr(ConcordatOutcome) outcome = evaluate (f, wizard, json, "2026-12-01");

    g_assert_cmpuint (outcome->problems->len, ==, 2);
    assert_problem (outcome, "name", "is 501 characters long; it can be at most 500");
    assert_problem (outcome, "story", "is 10001 characters long; it can be at most 10000");
    g_assert_cmpstr (find_problem (outcome, "name")->step, ==, "all");
  }
  g_free (json);
  json = g_strdup_printf ("{\"agreed\": true, \"name\": \"%s\"}", longest);
  {
    g_autoptr(ConcordatOutcome) outcome = evaluate (f, wizard, json, "2026-12-01");

    assert_no_problems (outcome);
  }
}

/* --- stops --- */

static const char stops_json[] =
  "{" HEAD "\"steps\": ["
  " {\"id\": \"request\", \"title\": \"Request\", \"topics\": [\"party-groups\"], \"fields\": ["
  "  {\"id\": \"council_business\", \"type\": \"yes-no\", \"label\": \"Council business?\", \"required\": true},"
  "  {\"id\": \"note\", \"type\": \"text\", \"label\": \"Note?\"}],"
  "  \"stops\": [{\"when\": {\"field\": \"council_business\", \"equals\": false},"
  "              \"reason\": \"Council business only.\", \"topic\": \"confidentiality\"}]},"
  " {\"id\": \"meeting\", \"title\": \"Meeting\", \"fields\": ["
  "  {\"id\": \"meeting_date\", \"type\": \"date\", \"label\": \"When?\", \"required\": true}]}],"
  " \"outcome\": {\"summary\": \"Briefing {meeting_date}\","
  "  \"duties\": [{\"title\": \"Check\", \"due\": \"+1wd:meeting_date\"}]}}";

static void
test_stops (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(ConcordatWizard) wizard = load_ok (stops_json);
  g_autoptr(ConcordatOutcome) stopped = NULL;
  g_autoptr(ConcordatOutcome) going = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) answers = parse_answers ("{\"council_business\": false}");
  const ConcordatCitation *last;

  g_assert_true (concordat_library_ensure_model (f->store, &error));
  g_assert_no_error (error);

  /* The later step is not reached, so its missing date is no problem and
   * its answer is dropped; nothing is planned. */
  stopped = evaluate (f, wizard, "{\"council_business\": false, \"meeting_date\": \"2026-02-30\"}",
                      "2026-12-01");
  g_assert_nonnull (stopped->stop);
  g_assert_cmpstr (stopped->stop->reason, ==, "Council business only.");
  g_assert_cmpstr (stopped->stop_step, ==, "request");
  g_assert_cmpuint (stopped->steps->len, ==, 1);
  assert_no_problems (stopped);
  g_assert_false (concordat_outcome_can_finish (stopped));
  g_assert_null (stopped->summary);
  g_assert_cmpuint (stopped->duties->len, ==, 0);
  g_assert_false (json_object_has_member (stopped->answers, "meeting_date"));
  /* The stop's topic is cited besides the step's own. */
  last = g_ptr_array_index (stopped->citations, stopped->citations->len - 1);
  g_assert_cmpstr (last->topic, ==, "confidentiality");
  g_assert_cmpstr (last->step, ==, "request");
  g_assert_false (concordat_wizard_step_applies (wizard, f->store,
                                                 g_ptr_array_index (concordat_wizard_get_steps (wizard), 1),
                                                 answers, &error));
  g_assert_no_error (error);

  going = evaluate (f, wizard, "{\"council_business\": true, \"meeting_date\": \"2026-12-24\"}",
                    "2026-12-01");
  g_assert_null (going->stop);
  g_assert_null (going->stop_step);
  g_assert_cmpuint (going->steps->len, ==, 2);
  g_assert_true (concordat_outcome_can_finish (going));
  g_assert_cmpstr (going->summary, ==, "Briefing Thursday 24 December 2026");
}

/* --- duties --- */

static const char duties_json[] =
  "{" HEAD "\"steps\": [{\"id\": \"dates\", \"title\": \"Dates\", \"fields\": ["
  " {\"id\": \"visit_date\", \"type\": \"date\", \"label\": \"Visit?\"},"
  " {\"id\": \"meeting_date\", \"type\": \"date\", \"label\": \"Meeting?\"},"
  " {\"id\": \"chase\", \"type\": \"yes-no\", \"label\": \"Chase?\"}]}],"
  " \"outcome\": {\"summary\": \"Dates\", \"duties\": ["
  "  {\"title\": \"Reply\", \"due\": \"+2wd\"},"
  "  {\"title\": \"Tell the ward members\", \"due\": \"-1wd:visit_date\"},"
  "  {\"title\": \"Attend\", \"due\": \"on:meeting_date\"},"
  "  {\"title\": \"Check the notes\", \"due\": \"+1wd:meeting_date\","
  "   \"when\": {\"field\": \"chase\", \"equals\": true}}]}}";

static void
assert_duty (const ConcordatOutcome *outcome,
             guint                   i,
             const char             *title,
             const char             *due,
             const char             *group)
{
  const ConcordatPlannedDuty *duty;
  g_autofree char *text = NULL;

  g_assert_cmpuint (i, <, outcome->duties->len);
  duty = g_ptr_array_index (outcome->duties, i);
  text = format_date (&duty->due);
  g_assert_cmpstr (duty->title, ==, title);
  g_assert_cmpstr (text, ==, due);
  g_assert_cmpstr (duty->group, ==, group);
}

static void
test_duties (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(ConcordatWizard) wizard = load_ok (duties_json);
  g_autoptr(ConcordatOutcome) outcome = NULL;
  g_autoptr(ConcordatOutcome) undated = NULL;
  g_autoptr(ConcordatOutcome) far = NULL;

  /* From Wednesday 23 December 2026: Thursday 24, then Christmas, the
   * weekend and Boxing Day's substitute Monday are not working days. */
  outcome = evaluate (f, wizard, "{\"visit_date\": \"2027-01-04\", \"meeting_date\": \"2026-12-24\", "
                      "\"chase\": true}", "2026-12-23");
  assert_no_problems (outcome);
  g_assert_cmpuint (outcome->duties->len, ==, 4);
  assert_duty (outcome, 0, "Reply", "2026-12-29", NULL);
  /* The working day before Monday 4 January 2027 skips New Year's Day. */
  assert_duty (outcome, 1, "Tell the ward members", "2026-12-31", NULL);
  assert_duty (outcome, 2, "Attend", "2026-12-24", NULL);
  assert_duty (outcome, 3, "Check the notes", "2026-12-29", NULL);

  /* Scotland keeps 2 January too. */
  set (f, "region", "scotland");
  {
    g_autoptr(ConcordatOutcome) scottish = evaluate (f, wizard, "{\"visit_date\": \"2027-01-05\", "
                                                     "\"meeting_date\": \"2026-12-24\"}", "2026-12-23");

    assert_no_problems (scottish);
    g_assert_cmpuint (scottish->duties->len, ==, 3);
    assert_duty (scottish, 1, "Tell the ward members", "2026-12-31", NULL);
  }

  /* A duty that counts from a date needs it. */
  undated = evaluate (f, wizard, "{\"meeting_date\": \"2026-12-24\"}", "2026-12-23");
  g_assert_cmpuint (undated->problems->len, ==, 1);
  assert_problem (undated, "visit_date", "needed to date the duty “Tell the ward members”");
  g_assert_false (concordat_outcome_can_finish (undated));

  /* Beyond the calendar's years: a problem with the date, not a failure. */
  far = evaluate (f, wizard, "{\"visit_date\": \"2031-06-02\", \"meeting_date\": \"2026-12-24\"}",
                  "2026-12-23");
  g_assert_cmpuint (far->problems->len, ==, 1);
  assert_problem (far, "visit_date", "2030");
}

/* --- repeating for groups, and the ledger --- */

static const char briefing_json[] =
  "{" HEAD "\"steps\": [{\"id\": \"request\", \"title\": \"Request\", \"fields\": ["
  " {\"id\": \"requesting_group\", \"type\": \"group\", \"label\": \"Group?\", \"required\": true},"
  " {\"id\": \"topic\", \"type\": \"text\", \"label\": \"Topic?\", \"required\": true},"
  " {\"id\": \"officer\", \"type\": \"text\", \"label\": \"Officer?\"}]}],"
  " \"outcome\": {\"summary\": \"Briefing on “{topic}” for {requesting_group}\","
  "  \"notes\": [{\"when\": {\"council\": \"briefing-rule\", \"equals\": \"on-request\"},"
  "              \"text\": \"Any other group may ask.\"}],"
  "  \"ledger-topic\": \"topic\","
  "  \"ledger\": [{\"group\": \"requesting_group\", \"state\": \"requested\"},"
  "   {\"for-each\": \"other-groups\", \"state\": \"to-offer\","
  "    \"when\": {\"council\": \"briefing-rule\", \"equals\": \"offer-to-all\"}},"
  "   {\"for-each\": \"other-groups\", \"state\": \"available-on-request\","
  "    \"when\": {\"council\": \"briefing-rule\", \"equals\": \"on-request\"}}],"
  "  \"duties\": [{\"title\": \"Offer {each} the briefing on “{topic}”\", \"due\": \"+2wd\","
  "   \"for-each\": \"other-groups\", \"when\": {\"council\": \"briefing-rule\", \"equals\": \"offer-to-all\"}}]}}";

static void
assert_change (const ConcordatOutcome *outcome,
               guint                   i,
               const char             *group,
               const char             *state)
{
  const ConcordatPlannedChange *change;

  g_assert_cmpuint (i, <, outcome->ledger->len);
  change = g_ptr_array_index (outcome->ledger, i);
  g_assert_cmpstr (change->topic, ==, "Budget 2027");
  g_assert_cmpstr (change->group, ==, group);
  g_assert_cmpstr (change->state, ==, state);
}

static void
test_briefing_rules (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(ConcordatWizard) wizard = load_ok (briefing_json);
  g_autoptr(ConcordatOutcome) to_all = NULL;
  g_autoptr(ConcordatOutcome) on_request = NULL;
  const char *answers = "{\"requesting_group\": \"labour\", \"topic\": \"Budget 2027\"}";

  set_up_council (f);
  add_group (f, "Reform");

  /* Conservative was offered it already and Independent is inactive: only
   * Green and Reform remain to be offered it, and the requesting group's
   * own earlier "to-offer" is overtaken by its request. */
  put_on_ledger (f, "budget 2027", "Conservative", "offered");
  put_on_ledger (f, "Budget 2027", "Labour", "to-offer");

  to_all = evaluate (f, wizard, answers, "2026-12-23");
  assert_no_problems (to_all);
  g_assert_cmpuint (to_all->notes->len, ==, 0);
  g_assert_cmpuint (to_all->duties->len, ==, 2);
  assert_duty (to_all, 0, "Offer Green the briefing on “Budget 2027”", "2026-12-29", "Green");
  assert_duty (to_all, 1, "Offer Reform the briefing on “Budget 2027”", "2026-12-29", "Reform");
  g_assert_cmpuint (to_all->ledger->len, ==, 3);
  assert_change (to_all, 0, "Labour", "requested");
  assert_change (to_all, 1, "Green", "to-offer");
  assert_change (to_all, 2, "Reform", "to-offer");

  set (f, "briefing-rule", "on-request");
  on_request = evaluate (f, wizard, answers, "2026-12-23");
  assert_no_problems (on_request);
  g_assert_cmpuint (on_request->duties->len, ==, 0);
  g_assert_cmpuint (on_request->notes->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (on_request->notes, 0), ==, "Any other group may ask.");
  g_assert_cmpuint (on_request->ledger->len, ==, 3);
  assert_change (on_request, 1, "Green", "available-on-request");
  assert_change (on_request, 2, "Reform", "available-on-request");
}

static const char each_json[] =
  "{" HEAD "\"steps\": [{\"id\": \"s\", \"title\": \"S\", \"fields\": ["
  " {\"id\": \"topic\", \"type\": \"text\", \"label\": \"Topic?\"},"
  " {\"id\": \"invited\", \"type\": \"groups\", \"label\": \"Invited?\"},"
  " {\"id\": \"members\", \"type\": \"long-text\", \"label\": \"Members?\"}]}],"
  " \"outcome\": {\"summary\": \"x\", \"ledger-topic\": \"topic\","
  "  \"ledger\": [{\"for-each\": \"invited\", \"state\": \"to-offer\"}],"
  "  \"duties\": [{\"title\": \"Invite {each}\", \"due\": \"+1wd\", \"for-each\": \"invited\"},"
  "              {\"title\": \"Tell {each}\", \"due\": \"+1wd\", \"for-each\": \"members\"},"
  "              {\"title\": \"Offer {each}\", \"due\": \"+1wd\", \"for-each\": \"other-groups\"}]}}";

static void
test_for_each (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(ConcordatWizard) wizard = load_ok (each_json);
  g_autoptr(ConcordatOutcome) outcome = NULL;

  set_up_council (f);
  put_on_ledger (f, "Budget 2027", "Conservative", "accepted");

  /* Without a group question, other-groups is every active group not yet
   * settled on the topic.  A groups question's "to-offer" never moves
   * Conservative back from "accepted". */
  outcome = evaluate (f, wizard, "{\"topic\": \"Budget 2027\", \"invited\": [\"green\", \"Conservative\"], "
                      "\"members\": \"Cllr Ahmed, Cllr Brown;\\nCllr Clark ,, \"}", "2026-12-23");
  assert_no_problems (outcome);
  g_assert_cmpuint (outcome->duties->len, ==, 7);
  assert_duty (outcome, 0, "Invite Green", "2026-12-24", "Green");
  assert_duty (outcome, 1, "Invite Conservative", "2026-12-24", "Conservative");
  assert_duty (outcome, 2, "Tell Cllr Ahmed", "2026-12-24", NULL);
  assert_duty (outcome, 3, "Tell Cllr Brown", "2026-12-24", NULL);
  assert_duty (outcome, 4, "Tell Cllr Clark", "2026-12-24", NULL);
  assert_duty (outcome, 5, "Offer Green", "2026-12-24", "Green");
  assert_duty (outcome, 6, "Offer Labour", "2026-12-24", "Labour");
  g_assert_cmpuint (outcome->ledger->len, ==, 1);
  assert_change (outcome, 0, "Green", "to-offer");
}

/* --- citations --- */

static const char citing_json[] =
  "{" HEAD "\"steps\": [{\"id\": \"groups\", \"title\": \"Groups\", \"topics\": [\"party-groups\", \"media\"],"
  " \"fields\": [{\"id\": \"name\", \"type\": \"text\", \"label\": \"Name?\"}]},"
  " {\"id\": \"skipped\", \"title\": \"Skipped\", \"topics\": [\"premises\"],"
  "  \"when\": {\"field\": \"name\", \"answered\": true},"
  "  \"fields\": [{\"id\": \"other\", \"type\": \"text\", \"label\": \"Other?\"}]}],"
  " \"outcome\": {\"summary\": \"x\"}}";

static const char tiny_protocol[] =
  "# Tiny Protocol\n\n"
  "## 1. Party groups\n\n"
  "1.1 Officers may brief a party group on council business, never on party business, "
  "and a briefing offered to one party group is offered to all party groups.\n";

static void
test_citations (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(ConcordatWizard) wizard = load_ok (citing_json);
  g_autoptr(ConcordatOutcome) model = NULL;
  g_autoptr(ConcordatOutcome) tiny = NULL;
  g_autoptr(ConcordatOutcome) gone = NULL;
  g_autoptr(ConcordatDocument) doc = NULL;
  g_autoptr(ConcordatDocument) imported = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static (tiny_protocol, strlen (tiny_protocol));
  g_autoptr(GError) error = NULL;
  const ConcordatCitation *citation;
  guint on_groups = 0;

  g_assert_true (concordat_library_ensure_model (f->store, &error));
  g_assert_no_error (error);
  doc = concordat_library_find (f->store, "model", &error);
  g_assert_no_error (error);

  /* The step that is skipped cites nothing. */
  model = evaluate (f, wizard, "{}", "2026-12-01");
  g_assert_cmpstr (model->document, ==, "model");
  g_assert_cmpint (model->document_version, ==, doc->version);
  g_assert_cmpuint (model->citations->len, ==, 2 * CONCORDAT_WIZARD_CITATIONS_PER_TOPIC);
  for (guint i = 0; i < model->citations->len; i++)
    {
      citation = g_ptr_array_index (model->citations, i);
      g_assert_cmpstr (citation->step, ==, "groups");
      g_assert_cmpstr (citation->document, ==, "model");
      g_assert_nonnull (citation->citation);
      g_assert_cmpstr (citation->text, !=, "");
      on_groups += g_str_equal (citation->topic, "party-groups");
    }
  g_assert_cmpuint (on_groups, ==, CONCORDAT_WIZARD_CITATIONS_PER_TOPIC);
  citation = g_ptr_array_index (model->citations, 0);
  {
    g_autoptr(ConcordatParagraph) paragraph = concordat_library_show (f->store, "model",
                                                                     citation->citation, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (citation->text, ==, paragraph->text);
  }

  /* Every topic has paragraphs in the model; a small protocol lacks one. */
  imported = concordat_library_import_bytes (f->store, bytes, "tiny.md", "Tiny Protocol", FALSE, &error);
  g_assert_no_error (error);
  set (f, "protocol", imported->slug);
  tiny = evaluate (f, wizard, "{}", "2026-12-01");
  g_assert_cmpstr (tiny->document, ==, imported->slug);
  g_assert_cmpuint (tiny->citations->len, ==, 2);
  citation = g_ptr_array_index (tiny->citations, 0);
  g_assert_cmpstr (citation->topic, ==, "party-groups");
  g_assert_cmpstr (citation->citation, ==, "1.1");
  citation = g_ptr_array_index (tiny->citations, 1);
  g_assert_cmpstr (citation->topic, ==, "media");
  g_assert_null (citation->citation);
  g_assert_cmpstr (citation->text, ==, "The protocol “Tiny Protocol” has no paragraph on the topic “Media”");

  /* A protocol removed from the library after it was chosen is reported,
   * not a failure. */
  g_assert_cmpint (sqlite3_exec (concordat_store_get_db (f->store),
                                 "UPDATE council_settings SET value = 'withdrawn' "
                                 "WHERE key = 'protocol'", NULL, NULL, NULL), ==, SQLITE_OK);
  gone = evaluate (f, wizard, "{}", "2026-12-01");
  g_assert_cmpuint (gone->citations->len, ==, 2);
  citation = g_ptr_array_index (gone->citations, 0);
  g_assert_null (citation->citation);
  g_assert_nonnull (strstr (citation->text, "“withdrawn” is not in the library"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("TZ", "UTC", TRUE);

  g_test_add_func ("/wizard/load/valid", test_load_valid);
  g_test_add_func ("/wizard/load/broken", test_load_broken);
  g_test_add_func ("/wizard/load/too-new", test_load_too_new);
  g_test_add_func ("/wizard/load/hostile/cycle", test_load_hostile_cycle);
  g_test_add_func ("/wizard/load/hostile/field-type", test_load_hostile_field_type);
  g_test_add_func ("/wizard/load/hostile/deep", test_load_hostile_deep);
  g_test_add_func ("/wizard/load/file", test_load_file);
  g_test_add_func ("/wizard/load/bundled", test_load_bundled);
  g_test_add ("/wizard/conditions", Fixture, NULL, concordat_test_store_set_up, test_conditions,
              concordat_test_store_tear_down);
  g_test_add ("/wizard/conditions/no-polling-day", Fixture, NULL, concordat_test_store_set_up,
              test_pre_election_unset, concordat_test_store_tear_down);
  g_test_add ("/wizard/skipping", Fixture, NULL, concordat_test_store_set_up, test_skipping,
              concordat_test_store_tear_down);
  g_test_add ("/wizard/answers/good", Fixture, NULL, concordat_test_store_set_up, test_good_answers,
              concordat_test_store_tear_down);
  g_test_add ("/wizard/answers/bad", Fixture, NULL, concordat_test_store_set_up, test_bad_answers,
              concordat_test_store_tear_down);
  g_test_add ("/wizard/stops", Fixture, NULL, concordat_test_store_set_up, test_stops,
              concordat_test_store_tear_down);
  g_test_add ("/wizard/duties", Fixture, NULL, concordat_test_store_set_up, test_duties,
              concordat_test_store_tear_down);
  g_test_add ("/wizard/briefing-rules", Fixture, NULL, concordat_test_store_set_up,
              test_briefing_rules, concordat_test_store_tear_down);
  g_test_add ("/wizard/for-each", Fixture, NULL, concordat_test_store_set_up, test_for_each,
              concordat_test_store_tear_down);
  g_test_add ("/wizard/citations", Fixture, NULL, concordat_test_store_set_up, test_citations,
              concordat_test_store_tear_down);

  return g_test_run ();
}
