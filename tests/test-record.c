/* test-record.c: finishing a wizard records its action, citations, duties
 * and ledger changes all together or not at all, and the record, the
 * duties and the briefing ledger read back as a user would see them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "concordat-calendar.h"
#include "concordat-council.h"
#include "concordat-error.h"
#include "concordat-library.h"
#include "concordat-record.h"
#include "concordat-store-private.h"
#include "concordat-test-store.h"

typedef StoreFixture Fixture;

/* A briefing request in brief: a stop, a ledger topic, a duty per other
 * group under offer-to-all and one dated from an answer. */
static const char briefing_json[] =
  "{ \"format\": 1, \"id\": \"test-briefing\", \"version\": 2,"
  "  \"title\": \"Test briefing\", \"description\": \"A group asks for a briefing.\","
  "  \"audience\": [\"officer\"],"
  "  \"steps\": [ { \"id\": \"request\", \"title\": \"The request\", \"topics\": [\"party-groups\"],"
  "    \"fields\": ["
  "      { \"id\": \"group\", \"type\": \"group\", \"label\": \"Which group?\", \"required\": true },"
  "      { \"id\": \"topic\", \"type\": \"text\", \"label\": \"About what?\", \"required\": true },"
  "      { \"id\": \"council_business\", \"type\": \"yes-no\", \"label\": \"Council business?\", \"required\": true },"
  "      { \"id\": \"meeting_date\", \"type\": \"date\", \"label\": \"When?\", \"required\": true } ],"
  "    \"stops\": [ { \"when\": { \"field\": \"council_business\", \"equals\": false },"
  "                   \"reason\": \"Officers brief on council business only.\", \"topic\": \"party-groups\" } ] } ],"
  "  \"outcome\": {"
  "    \"summary\": \"Briefing on {topic} for {group}\","
  "    \"notes\": [ { \"text\": \"Asked for by {group}.\" } ],"
  "    \"ledger-topic\": \"topic\","
  "    \"ledger\": ["
  "      { \"group\": \"group\", \"state\": \"requested\" },"
  "      { \"for-each\": \"other-groups\", \"state\": \"to-offer\","
  "        \"when\": { \"council\": \"briefing-rule\", \"equals\": \"offer-to-all\" } },"
  "      { \"for-each\": \"other-groups\", \"state\": \"available-on-request\","
  "        \"when\": { \"council\": \"briefing-rule\", \"equals\": \"on-request\" } } ],"
  "    \"duties\": ["
  "      { \"title\": \"Offer {each} the briefing on {topic}\", \"due\": \"+2wd\","
  "        \"for-each\": \"other-groups\","
  "        \"when\": { \"council\": \"briefing-rule\", \"equals\": \"offer-to-all\" } },"
  "      { \"title\": \"Check the note of the meeting\", \"due\": \"+1wd:meeting_date\" } ] } }";

/* Monday 2 March 2026; no bank holiday near it. */
#define MONDAY "2026-03-02"

static const char * const tables[] = {
  "actions", "action_citations", "briefing_topics", "ledger", "ledger_events", "duties",
};

typedef struct
{
  gint64 rows[G_N_ELEMENTS (tables)];
} Counts;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static const char * const groups[] = { "Labour", "Conservative", "Liberal Democrat" };
  g_autoptr(GError) error = NULL;

  concordat_test_store_set_up (f, data);
  g_assert_true (concordat_library_ensure_model (f->store, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      g_autoptr(ConcordatGroup) group = concordat_council_add_group (f->store, groups[i], NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (group);
    }
}

#define fixture_tear_down concordat_test_store_tear_down

static gint64
query_int (Fixture    *f,
           const char *sql)
{
  sqlite3 *db = concordat_store_get_db (f->store);
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static Counts
count_rows (Fixture *f)
{
  Counts counts;

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM %s", tables[i]);

      counts.rows[i] = query_int (f, sql);
    }

  return counts;
}

/* Asserts each table grew by the number given, in the order of tables[]. */
static void
assert_grew (const Counts *before,
             const Counts *after,
             const gint64  growth[G_N_ELEMENTS (tables)])
{
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      if (after->rows[i] - before->rows[i] != growth[i])
        g_error ("%s grew by %" G_GINT64_FORMAT " rows, not %" G_GINT64_FORMAT,
                 tables[i], after->rows[i] - before->rows[i], growth[i]);
    }
}

static void
assert_unchanged (const Counts *before,
                  const Counts *after)
{
  static const gint64 none[G_N_ELEMENTS (tables)] = { 0 };

  assert_grew (before, after, none);
}

static GDate *
date (const char *text)
{
  GDate *day = g_date_new ();

  g_assert_true (concordat_calendar_parse_date (text, day));
  return day;
}

static ConcordatWizard *
load_wizard (const char *json)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = NULL;
  ConcordatWizard *wizard;

  wizard = concordat_wizard_new_from_bytes (bytes, "test.json", &error);
  g_assert_no_error (error);
  g_assert_nonnull (wizard);

  return wizard;
}

static JsonObject *
parse_object (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));

  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* Finishes @json's wizard with @answers on @day, expecting it to work. */
static gint64
finish (Fixture    *f,
        const char *json,
        const char *answers,
        const char *day)
{
  g_autoptr(ConcordatWizard) wizard = load_wizard (json);
  g_autoptr(JsonObject) object = parse_object (answers);
  g_autoptr(ConcordatOutcome) outcome = NULL;
  g_autoptr(GDate) today = date (day);
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = concordat_record_finish (f->store, wizard, object, today, &outcome, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_nonnull (outcome);

  return id;
}

static gint64
request_briefing (Fixture    *f,
                  const char *group,
                  const char *topic)
{
  g_autofree char *answers = g_strdup_printf ("{ \"group\": \"%s\", \"topic\": \"%s\","
                                              "  \"council_business\": true, \"meeting_date\": \"2026-03-10\" }",
                                              group, topic);

  return finish (f, briefing_json, answers, MONDAY);
}

static ConcordatLedgerTopic *
ledger_topic (Fixture    *f,
              const char *name)
{
  g_autoptr(GPtrArray) topics = NULL;
  g_autoptr(GError) error = NULL;

  topics = concordat_record_ledger (f->store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < topics->len; i++)
    {
      ConcordatLedgerTopic *topic = g_ptr_array_index (topics, i);

      if (g_str_equal (topic->topic, name))
        return g_ptr_array_steal_index (topics, i);
    }

  g_error ("The ledger has no topic “%s”", name);
}

static void
assert_cell (ConcordatLedgerTopic *topic,
             guint                 index,
             const char           *group,
             const char           *state,
             const char           *day,
             gboolean              gap)
{
  ConcordatLedgerCell *cell;

  g_assert_cmpuint (index, <, topic->cells->len);
  cell = g_ptr_array_index (topic->cells, index);
  g_assert_cmpstr (cell->group, ==, group);
  g_assert_cmpstr (cell->state, ==, state);
  g_assert_cmpstr (cell->date, ==, day);
  g_assert_cmpint (cell->gap, ==, gap);
}

static ConcordatDuty *
duty_at (GPtrArray *duties,
         guint      index)
{
  g_assert_cmpuint (index, <, duties->len);
  return g_ptr_array_index (duties, index);
}

/* What the action keeps: the answers as recorded, the notes, and every
 * citation shown, in order, with its text. */
static void
assert_action_kept (const ConcordatAction  *action,
                    const ConcordatOutcome *outcome)
{
  g_autoptr(GDateTime) created = g_date_time_new_from_iso8601 (action->created, NULL);
  g_autoptr(JsonObject) recorded = parse_object (action->answers);

  g_assert_cmpstr (action->wizard, ==, "test-briefing");
  g_assert_cmpint (action->wizard_version, ==, 2);
  g_assert_cmpstr (action->date, ==, MONDAY);
  g_assert_nonnull (created);
  g_assert_cmpstr (action->summary, ==, "Briefing on Budget for Labour");
  g_assert_cmpuint (action->notes->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (action->notes, 0), ==, "Asked for by Labour.");
  g_assert_cmpstr (action->document, ==, CONCORDAT_LIBRARY_MODEL_SLUG);
  g_assert_cmpint (action->document_version, ==, outcome->document_version);

  /* Names as the council spells them, text trimmed. */
  g_assert_cmpstr (json_object_get_string_member (recorded, "group"), ==, "Labour");
  g_assert_cmpstr (json_object_get_string_member (recorded, "topic"), ==, "Budget");
  g_assert_true (json_object_get_boolean_member (recorded, "council_business"));

  g_assert_cmpuint (action->citations->len, ==, outcome->citations->len);
  for (guint i = 0; i < action->citations->len; i++)
    {
      ConcordatCitation *kept = g_ptr_array_index (action->citations, i);
      ConcordatCitation *shown = g_ptr_array_index (outcome->citations, i);

      g_assert_cmpstr (kept->step, ==, shown->step);
      g_assert_cmpstr (kept->topic, ==, shown->topic);
      g_assert_cmpstr (kept->citation, ==, shown->citation);
      g_assert_cmpstr (kept->text, ==, shown->text);
    }
}

/* Duties in the order planned: the offers are tied to the groups' cells. */
static void
assert_briefing_duties (const ConcordatAction *action)
{
  ConcordatDuty *duty;

  g_assert_cmpuint (action->duties->len, ==, 3);
  duty = duty_at (action->duties, 0);
  g_assert_cmpstr (duty->title, ==, "Offer Conservative the briefing on Budget");
  g_assert_cmpstr (duty->due, ==, "2026-03-04");
  g_assert_cmpstr (duty->group, ==, "Conservative");
  g_assert_cmpstr (duty->topic, ==, "Budget");
  g_assert_cmpstr (duty->wizard, ==, "test-briefing");
  g_assert_cmpint (duty->action_id, ==, action->id);
  g_assert_cmpint (duty->status, ==, CONCORDAT_DUTY_PENDING);
  duty = duty_at (action->duties, 1);
  g_assert_cmpstr (duty->group, ==, "Liberal Democrat");
  duty = duty_at (action->duties, 2);
  g_assert_cmpstr (duty->title, ==, "Check the note of the meeting");
  g_assert_cmpstr (duty->due, ==, "2026-03-11");
  g_assert_null (duty->group);
  g_assert_null (duty->topic);
}

/* One finish: one action, every citation shown, a duty per other group
 * and one for the meeting, and a ledger row per group. */
static void
test_finish_writes (Fixture       *f,
                    gconstpointer  data)
{
  static const gint64 growth[] = { 1, -1, 1, 3, 3, 3 };
  g_autoptr(ConcordatWizard) wizard = load_wizard (briefing_json);
  g_autoptr(JsonObject) answers = NULL;
  g_autoptr(ConcordatOutcome) outcome = NULL;
  g_autoptr(ConcordatAction) action = NULL;
  g_autoptr(ConcordatLedgerTopic) topic = NULL;
  g_autoptr(GDate) today = date (MONDAY);
  g_autoptr(GError) error = NULL;
  gint64 expected[G_N_ELEMENTS (tables)];
  Counts before, after;
  gint64 id;

  /* Names as the user typed them. */
  answers = parse_object ("{ \"group\": \"labour\", \"topic\": \"  Budget  \","
                          "  \"council_business\": true, \"meeting_date\": \"2026-03-10\" }");
  before = count_rows (f);
  id = concordat_record_finish (f->store, wizard, answers, today, &outcome, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_nonnull (outcome);
  g_assert_cmpuint (outcome->citations->len, >, 0);
  after = count_rows (f);

  memcpy (expected, growth, sizeof expected);
  expected[1] = outcome->citations->len;
  assert_grew (&before, &after, expected);

  action = concordat_record_get_action (f->store, id, today, &error);
  g_assert_no_error (error);
  assert_action_kept (action, outcome);
  assert_briefing_duties (action);

  topic = ledger_topic (f, "Budget");
  g_assert_cmpstr (topic->requested_by, ==, "Labour");
  g_assert_cmpstr (topic->date, ==, MONDAY);
  g_assert_cmpuint (topic->cells->len, ==, 3);
  assert_cell (topic, 0, "Conservative", "to-offer", MONDAY, TRUE);
  assert_cell (topic, 1, "Labour", "requested", MONDAY, FALSE);
  assert_cell (topic, 2, "Liberal Democrat", "to-offer", MONDAY, TRUE);

  /* Every change is kept with the action that made it. */
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM ledger_events WHERE action_id IS NOT NULL"), ==, 3);
  g_assert_cmpint (query_int (f, "SELECT action_id FROM briefing_topics"), ==, id);
}

/* A second request on the same topic, in other words, joins it. */
static void
test_finish_same_topic (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(ConcordatLedgerTopic) topic = NULL;

  request_briefing (f, "Labour", "Budget");
  request_briefing (f, "Conservative", "BUDGET");
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM briefing_topics"), ==, 1);

  topic = ledger_topic (f, "Budget");
  g_assert_cmpstr (topic->requested_by, ==, "Labour");
  assert_cell (topic, 0, "Conservative", "requested", MONDAY, FALSE);
  assert_cell (topic, 1, "Labour", "requested", MONDAY, FALSE);
  /* Still to be offered: the state it already had is not recorded again. */
  assert_cell (topic, 2, "Liberal Democrat", "to-offer", MONDAY, TRUE);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM ledger_events"), ==, 4);
}

static void
test_finish_refused (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(ConcordatWizard) wizard = load_wizard (briefing_json);
  g_autoptr(JsonObject) bad = NULL;
  g_autoptr(JsonObject) stopped = NULL;
  g_autoptr(ConcordatOutcome) outcome = NULL;
  g_autoptr(GDate) today = date (MONDAY);
  g_autoptr(GError) error = NULL;
  g_autofree char *start = NULL;
  Counts before, after;

  request_briefing (f, "Labour", "Budget");
  before = count_rows (f);

  /* No topic, and a question the wizard does not ask. */
  bad = parse_object ("{ \"group\": \"Labour\", \"council_business\": true,"
                      "  \"meeting_date\": \"2026-03-10\", \"colour\": \"red\" }");
  g_assert_cmpint (concordat_record_finish (f->store, wizard, bad, today, &outcome, &error), ==, 0);
  g_assert_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_INVALID);
  g_assert_nonnull (outcome);
  g_assert_cmpuint (outcome->problems->len, ==, 2);
  g_assert_true (g_str_has_prefix (error->message, "The answers have 2 problems: "));
  for (guint i = 0; i < outcome->problems->len; i++)
    {
      ConcordatProblem *problem = g_ptr_array_index (outcome->problems, i);

      g_assert_nonnull (strstr (error->message, problem->message));
    }
  /* Each field named once, not once by the message and again before it. */
  g_assert_null (strstr (error->message, "colour: colour"));
  g_assert_null (strstr (error->message, "topic: topic"));
  after = count_rows (f);
  assert_unchanged (&before, &after);
  g_clear_error (&error);
  g_clear_pointer (&outcome, concordat_outcome_free);

  stopped = parse_object ("{ \"group\": \"Conservative\", \"topic\": \"Party strategy\","
                          "  \"council_business\": false, \"meeting_date\": \"2026-03-10\" }");
  g_assert_cmpint (concordat_record_finish (f->store, wizard, stopped, today, &outcome, &error), ==, 0);
  g_assert_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Stopped: Officers brief on council business only.");
  g_assert_nonnull (outcome);
  g_assert_nonnull (outcome->stop);
  after = count_rows (f);
  assert_unchanged (&before, &after);
}

/* A write that fails after the action, its citations and its ledger
 * changes were written leaves none of them behind. */
static void
test_finish_all_or_nothing (Fixture       *f,
                            gconstpointer  data)
{
  sqlite3 *db = concordat_store_get_db (f->store);
  g_autoptr(ConcordatWizard) wizard = load_wizard (briefing_json);
  g_autoptr(JsonObject) answers = NULL;
  g_autoptr(ConcordatOutcome) outcome = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(GDate) today = date (MONDAY);
  g_autoptr(GError) error = NULL;
  Counts before, after;

  g_assert_true (concordat_store_exec (db, "CREATE TEMP TRIGGER full BEFORE INSERT ON duties "
                                           "BEGIN SELECT RAISE (ABORT, 'disk full'); END;", &error));
  g_assert_no_error (error);

  answers = parse_object ("{ \"group\": \"Labour\", \"topic\": \"Budget\","
                          "  \"council_business\": true, \"meeting_date\": \"2026-03-10\" }");
  before = count_rows (f);
  g_assert_cmpint (concordat_record_finish (f->store, wizard, answers, today, &outcome, &error), ==, 0);
  g_assert_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "disk full"));
  g_assert_nonnull (strstr (error->message, "Nothing was recorded"));
  g_assert_nonnull (outcome);
  after = count_rows (f);
  assert_unchanged (&before, &after);
  g_assert_true (sqlite3_get_autocommit (db));
  g_clear_error (&error);
  g_clear_pointer (&outcome, concordat_outcome_free);

  actions = concordat_record_list_actions (f->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (actions->len, ==, 0);

  /* Once the disk has room again, the same answers are recorded. */
  g_assert_true (concordat_store_exec (db, "DROP TRIGGER temp.full;", &error));
  g_assert_cmpint (concordat_record_finish (f->store, wizard, answers, today, NULL, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM duties"), ==, 3);
}

static void
test_actions (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) briefings = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(ConcordatAction) missing = NULL;
  g_autoptr(GDate) today = date ("2026-03-03");
  g_autoptr(GError) error = NULL;
  gint64 first, visit, second;
  ConcordatAction *action;

  first = request_briefing (f, "Labour", "Budget");
  visit = finish (f, concordat_test_visit_json, "{ \"place\": \"Depot\", \"visit_date\": \"2026-03-05\" }", "2026-03-03");
  second = request_briefing (f, "Conservative", "Libraries");

  /* Newest first: by date, then the later of one day's. */
  all = concordat_record_list_actions (f->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 3);
  g_assert_cmpint (((ConcordatAction *)g_ptr_array_index (all, 0))->id, ==, visit);
  g_assert_cmpint (((ConcordatAction *)g_ptr_array_index (all, 1))->id, ==, second);
  g_assert_cmpint (((ConcordatAction *)g_ptr_array_index (all, 2))->id, ==, first);
  action = g_ptr_array_index (all, 0);
  g_assert_cmpstr (action->summary, ==, "Visit to Depot");
  g_assert_cmpuint (action->notes->len, ==, 0);
  g_assert_null (action->citations);
  g_assert_null (action->duties);

  briefings = concordat_record_list_actions (f->store, "test-briefing", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (briefings->len, ==, 2);
  g_assert_cmpint (((ConcordatAction *)g_ptr_array_index (briefings, 0))->id, ==, second);
  g_assert_cmpint (((ConcordatAction *)g_ptr_array_index (briefings, 1))->id, ==, first);

  none = concordat_record_list_actions (f->store, "media", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);

  missing = concordat_record_get_action (f->store, 999, today, &error);
  g_assert_null (missing);
  g_assert_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "999"));
  g_assert_nonnull (strstr (error->message, "concordat record"));
}

static GPtrArray *
list_duties (Fixture             *f,
             ConcordatDutyFilter  filter,
             const char          *day)
{
  g_autoptr(GDate) today = date (day);
  g_autoptr(GError) error = NULL;
  GPtrArray *duties;

  duties = concordat_record_list_duties (f->store, filter, today, &error);
  g_assert_no_error (error);
  g_assert_nonnull (duties);

  return duties;
}

/* Asserts the titles and statuses of @duties, as "title=status;…". */
static void
assert_duties (GPtrArray  *duties,
               const char *expected)
{
  g_autoptr(GString) seen = g_string_new (NULL);

  for (guint i = 0; i < duties->len; i++)
    {
      ConcordatDuty *duty = g_ptr_array_index (duties, i);

      g_string_append_printf (seen, "%s%s=%s", i > 0 ? ";" : "", duty->title,
                              concordat_duty_status_to_string (duty->status));
    }
  g_assert_cmpstr (seen->str, ==, expected);
}

static void
test_duty_status (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) duties = NULL;

  /* Due 3 March (+1wd), 5 March (on the visit) and 9 March (+5wd). */
  finish (f, concordat_test_visit_json, "{ \"place\": \"Depot\", \"visit_date\": \"2026-03-05\" }", MONDAY);

  /* Due today is not overdue; the day after it is. */
  duties = list_duties (f, CONCORDAT_DUTY_FILTER_PENDING, "2026-03-03");
  assert_duties (duties, "Tell the manager=pending;Send the photographs=pending;"
                         "Write the note of the visit=pending");
  g_clear_pointer (&duties, g_ptr_array_unref);

  duties = list_duties (f, CONCORDAT_DUTY_FILTER_PENDING, "2026-03-06");
  assert_duties (duties, "Tell the manager=overdue;Send the photographs=overdue;"
                         "Write the note of the visit=pending");
  g_assert_cmpstr (duty_at (duties, 0)->wizard, ==, "test-visit");
  g_assert_cmpstr (duty_at (duties, 0)->due, ==, "2026-03-03");
  g_assert_null (duty_at (duties, 0)->group);
  g_clear_pointer (&duties, g_ptr_array_unref);

  duties = list_duties (f, CONCORDAT_DUTY_FILTER_OVERDUE, "2026-03-06");
  assert_duties (duties, "Tell the manager=overdue;Send the photographs=overdue");
  g_clear_pointer (&duties, g_ptr_array_unref);

  duties = list_duties (f, CONCORDAT_DUTY_FILTER_OVERDUE, "2026-03-03");
  assert_duties (duties, "");
  g_clear_pointer (&duties, g_ptr_array_unref);

  duties = list_duties (f, CONCORDAT_DUTY_FILTER_DONE, "2026-03-06");
  assert_duties (duties, "");
}

/* The visit's duties' ids, by due date: the manager, the photographs
 * and the note. */
static void
visit_duties (Fixture *f,
              gint64   ids[3])
{
  g_autoptr(GPtrArray) duties = NULL;

  finish (f, concordat_test_visit_json, "{ \"place\": \"Depot\", \"visit_date\": \"2026-03-05\" }", MONDAY);
  duties = list_duties (f, CONCORDAT_DUTY_FILTER_ALL, MONDAY);
  g_assert_cmpuint (duties->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    ids[i] = duty_at (duties, i)->id;
}

static void
test_duty_done (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) duties = NULL;
  g_autoptr(ConcordatDuty) duty = NULL;
  g_autoptr(ConcordatDuty) missing = NULL;
  g_autoptr(GDate) friday = date ("2026-03-06");
  g_autoptr(GDate) later = date ("2026-03-10");
  g_autoptr(GError) error = NULL;
  g_autofree char *done_on = NULL;
  g_autofree char *twice = NULL;
  gint64 ids[3];

  visit_duties (f, ids);
  g_assert_true (concordat_record_duty_done (f->store, ids[0], &error));
  g_assert_no_error (error);
  duty = concordat_record_get_duty (f->store, ids[0], friday, &error);
  g_assert_no_error (error);
  g_assert_cmpint (duty->status, ==, CONCORDAT_DUTY_DONE);
  g_assert_nonnull (duty->done_at);

  duties = list_duties (f, CONCORDAT_DUTY_FILTER_ALL, "2026-03-11");
  assert_duties (duties, "Tell the manager=done;Send the photographs=overdue;"
                         "Write the note of the visit=overdue");
  g_clear_pointer (&duties, g_ptr_array_unref);
  duties = list_duties (f, CONCORDAT_DUTY_FILTER_DONE, "2026-03-11");
  assert_duties (duties, "Tell the manager=done");

  /* Done twice is refused, saying when; nor can it be snoozed. */
  g_assert_false (concordat_record_duty_done (f->store, ids[0], &error));
  g_assert_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_INVALID);
  done_on = g_strndup (duty->done_at, 10);
  twice = g_strdup_printf ("Duty %" G_GINT64_FORMAT " is already done (on %s)", ids[0], done_on);
  g_assert_cmpstr (error->message, ==, twice);
  g_clear_error (&error);
  g_assert_false (concordat_record_duty_snooze (f->store, ids[0], later, friday, &error));
  g_assert_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, twice));
  g_clear_error (&error);

  /* Unknown duties. */
  missing = concordat_record_get_duty (f->store, 9999, friday, &error);
  g_assert_null (missing);
  g_assert_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "9999"));
  g_clear_error (&error);
  g_assert_false (concordat_record_duty_done (f->store, 9999, &error));
  g_assert_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (concordat_record_duty_snooze (f->store, 9999, later, friday, &error));
  g_assert_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_NOT_FOUND);
}

static void
test_duty_snooze (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) duties = NULL;
  g_autoptr(GDate) friday = date ("2026-03-06");
  g_autoptr(GDate) past = date ("2026-03-05");
  g_autoptr(GDate) later = date ("2026-03-10");
  g_autoptr(GError) error = NULL;
  gint64 ids[3];

  visit_duties (f, ids);

  /* To the past or to today is refused and changes nothing. */
  g_assert_false (concordat_record_duty_snooze (f->store, ids[1], past, friday, &error));
  g_assert_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "give a date after today"));
  g_clear_error (&error);
  g_assert_false (concordat_record_duty_snooze (f->store, ids[1], friday, friday, &error));
  g_assert_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM duties WHERE snoozed_until IS NOT NULL"), ==, 0);

  /* Snoozed, it is not overdue until the day after it was put off to,
   * and it sorts by that day; its due date stays as it was. */
  g_assert_true (concordat_record_duty_snooze (f->store, ids[1], later, friday, &error));
  g_assert_no_error (error);
  duties = list_duties (f, CONCORDAT_DUTY_FILTER_PENDING, "2026-03-06");
  assert_duties (duties, "Tell the manager=overdue;Write the note of the visit=pending;"
                         "Send the photographs=pending");
  g_assert_cmpstr (duty_at (duties, 2)->due, ==, "2026-03-05");
  g_assert_cmpstr (duty_at (duties, 2)->snoozed_until, ==, "2026-03-10");
  g_clear_pointer (&duties, g_ptr_array_unref);

  duties = list_duties (f, CONCORDAT_DUTY_FILTER_OVERDUE, "2026-03-10");
  assert_duties (duties, "Tell the manager=overdue;Write the note of the visit=overdue");
  g_clear_pointer (&duties, g_ptr_array_unref);

  duties = list_duties (f, CONCORDAT_DUTY_FILTER_OVERDUE, "2026-03-11");
  assert_duties (duties, "Tell the manager=overdue;Write the note of the visit=overdue;"
                         "Send the photographs=overdue");
}

static void
test_duty_names (void)
{
  ConcordatDutyFilter filter = CONCORDAT_DUTY_FILTER_ALL;

  g_assert_true (concordat_duty_filter_from_string ("pending", &filter));
  g_assert_cmpint (filter, ==, CONCORDAT_DUTY_FILTER_PENDING);
  g_assert_true (concordat_duty_filter_from_string ("overdue", &filter));
  g_assert_cmpint (filter, ==, CONCORDAT_DUTY_FILTER_OVERDUE);
  g_assert_true (concordat_duty_filter_from_string ("done", &filter));
  g_assert_cmpint (filter, ==, CONCORDAT_DUTY_FILTER_DONE);
  g_assert_true (concordat_duty_filter_from_string ("all", &filter));
  g_assert_cmpint (filter, ==, CONCORDAT_DUTY_FILTER_ALL);
  g_assert_false (concordat_duty_filter_from_string ("soon", &filter));
  g_assert_false (concordat_duty_filter_from_string (NULL, &filter));
  g_assert_cmpint (filter, ==, CONCORDAT_DUTY_FILTER_ALL);

  g_assert_cmpstr (concordat_duty_status_to_string (CONCORDAT_DUTY_PENDING), ==, "pending");
  g_assert_cmpstr (concordat_duty_status_to_string (CONCORDAT_DUTY_OVERDUE), ==, "overdue");
  g_assert_cmpstr (concordat_duty_status_to_string (CONCORDAT_DUTY_DONE), ==, "done");
}

static void
test_ledger_states (void)
{
  const char * const expected[] = {
    "requested", "to-offer", "offered", "accepted", "declined", "delivered", "available-on-request", NULL,
  };

  g_assert_cmpstrv (concordat_ledger_list_states (), expected);
}

/* Under offer-to-all, every group not yet offered what another had is a
 * gap, including a group added since. */
static void
test_ledger_offer_to_all (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(ConcordatLedgerTopic) topic = NULL;
  g_autoptr(ConcordatGroup) green = NULL;
  g_autoptr(GPtrArray) topics = NULL;
  g_autoptr(GError) error = NULL;

  /* No topics, no ledger. */
  topics = concordat_record_ledger (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (topics->len, ==, 0);

  request_briefing (f, "Labour", "Budget");
  green = concordat_council_add_group (f->store, "Green", NULL, &error);
  g_assert_no_error (error);

  topic = ledger_topic (f, "Budget");
  g_assert_cmpuint (topic->cells->len, ==, 4);
  assert_cell (topic, 0, "Conservative", "to-offer", MONDAY, TRUE);
  assert_cell (topic, 1, "Green", "not-offered", NULL, TRUE);
  assert_cell (topic, 2, "Labour", "requested", MONDAY, FALSE);
  assert_cell (topic, 3, "Liberal Democrat", "to-offer", MONDAY, TRUE);
}

/* Under on-request, the others are available on request: no gaps, and no
 * duties to offer. */
static void
test_ledger_on_request (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(ConcordatLedgerTopic) topic = NULL;
  g_autoptr(ConcordatGroup) green = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (concordat_council_set (f->store, "briefing-rule", "on-request", &error));
  g_assert_no_error (error);

  request_briefing (f, "Labour", "Budget");
  green = concordat_council_add_group (f->store, "Green", NULL, &error);
  g_assert_no_error (error);

  topic = ledger_topic (f, "Budget");
  g_assert_cmpuint (topic->cells->len, ==, 4);
  assert_cell (topic, 0, "Conservative", "available-on-request", MONDAY, FALSE);
  assert_cell (topic, 1, "Green", "not-offered", NULL, FALSE);
  assert_cell (topic, 2, "Labour", "requested", MONDAY, FALSE);
  assert_cell (topic, 3, "Liberal Democrat", "available-on-request", MONDAY, FALSE);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM duties"), ==, 1);
}

static gboolean
ledger_set (Fixture     *f,
            const char  *topic,
            const char  *group,
            const char  *state,
            GError     **error)
{
  g_autoptr(GDate) wednesday = date ("2026-03-04");

  return concordat_record_ledger_set (f->store, topic, group, state, wednesday, error);
}

/* A refused change says what would be right and changes nothing. */
static void
test_ledger_set_refused (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Counts before, after;

  request_briefing (f, "Labour", "Budget");
  request_briefing (f, "Labour", "Libraries");
  before = count_rows (f);

  g_assert_false (ledger_set (f, "Parking", "Conservative", "offered", &error));
  g_assert_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==,
                   "There is no briefing topic “Parking”; the ledger's topics are “Budget” and “Libraries”");
  g_clear_error (&error);

  g_assert_false (ledger_set (f, "Budget", "Reform", "offered", &error));
  g_assert_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Reform"));
  g_assert_nonnull (strstr (error->message, "Liberal Democrat"));
  g_clear_error (&error);

  g_assert_false (ledger_set (f, "Budget", "Conservative", "maybe", &error));
  g_assert_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "“maybe” is not a state in the ledger; use “requested”, “to-offer”, “offered”, "
                   "“accepted”, “declined”, “delivered” or “available-on-request”");
  g_clear_error (&error);

  after = count_rows (f);
  assert_unchanged (&before, &after);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM duties WHERE done_at IS NOT NULL"), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM ledger WHERE state = 'to-offer'"), ==, 4);
}

static void
test_ledger_set_empty (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (ledger_set (f, "Budget", "Labour", "offered", &error));
  g_assert_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "the ledger has no topics yet"));
}

/* Recording an offer closes the duty to make it, and only that one. */
static void
test_ledger_set_closes_duty (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(ConcordatLedgerTopic) topic = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(GPtrArray) done = NULL;
  g_autoptr(GError) error = NULL;
  gint64 events;

  request_briefing (f, "Labour", "Budget");
  request_briefing (f, "Labour", "Libraries");
  events = query_int (f, "SELECT count (*) FROM ledger_events");

  /* Any case will do for the topic and the group. */
  g_assert_true (ledger_set (f, "budget", "conservative", "offered", &error));
  g_assert_no_error (error);

  topic = ledger_topic (f, "Budget");
  assert_cell (topic, 0, "Conservative", "offered", "2026-03-04", FALSE);
  assert_cell (topic, 2, "Liberal Democrat", "to-offer", MONDAY, TRUE);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM ledger_events"), ==, events + 1);
  g_assert_cmpint (query_int (f, "SELECT count (*) FROM ledger_events "
                                 "WHERE action_id IS NULL AND state = 'offered' AND date = '2026-03-04'"), ==, 1);

  done = list_duties (f, CONCORDAT_DUTY_FILTER_DONE, "2026-03-04");
  assert_duties (done, "Offer Conservative the briefing on Budget=done");

  /* The Liberal Democrats' offer, the Libraries offers and the meeting
   * checks are still to do. */
  pending = list_duties (f, CONCORDAT_DUTY_FILTER_PENDING, "2026-03-04");
  assert_duties (pending, "Offer Liberal Democrat the briefing on Budget=pending;"
                          "Offer Conservative the briefing on Libraries=pending;"
                          "Offer Liberal Democrat the briefing on Libraries=pending;"
                          "Check the note of the meeting=pending;"
                          "Check the note of the meeting=pending");
  g_clear_pointer (&done, g_ptr_array_unref);

  /* A state that settles nothing leaves the duties alone. */
  g_assert_true (ledger_set (f, "Budget", "Liberal Democrat", "requested", &error));
  done = list_duties (f, CONCORDAT_DUTY_FILTER_DONE, "2026-03-04");
  g_assert_cmpuint (done->len, ==, 1);
  g_clear_pointer (&done, g_ptr_array_unref);

  g_assert_true (ledger_set (f, "Budget", "Liberal Democrat", "declined", &error));
  done = list_duties (f, CONCORDAT_DUTY_FILTER_DONE, "2026-03-04");
  g_assert_cmpuint (done->len, ==, 2);
}

/* A group removed while the ledger refers to it keeps its cell; it can
 * no longer be offered anything, so it is not a gap. */
static void
test_ledger_inactive_group (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(ConcordatLedgerTopic) topic = NULL;
  g_autoptr(ConcordatGroup) green = NULL;
  g_autoptr(GError) error = NULL;
  gboolean kept = FALSE;

  request_briefing (f, "Labour", "Budget");
  green = concordat_council_add_group (f->store, "Green", NULL, &error);
  g_assert_no_error (error);

  g_assert_true (concordat_council_remove_group (f->store, "Liberal Democrat", &kept, &error));
  g_assert_no_error (error);
  g_assert_true (kept);
  g_assert_true (concordat_council_set_group_active (f->store, "Green", FALSE, &error));
  g_assert_no_error (error);

  topic = ledger_topic (f, "Budget");
  g_assert_cmpuint (topic->cells->len, ==, 3);
  assert_cell (topic, 0, "Conservative", "to-offer", MONDAY, TRUE);
  assert_cell (topic, 1, "Labour", "requested", MONDAY, FALSE);
  assert_cell (topic, 2, "Liberal Democrat", "to-offer", MONDAY, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/record/finish/writes", test_finish_writes);
  ADD ("/record/finish/same-topic", test_finish_same_topic);
  ADD ("/record/finish/refused", test_finish_refused);
  ADD ("/record/finish/all-or-nothing", test_finish_all_or_nothing);
  ADD ("/record/actions", test_actions);
  ADD ("/record/duties/status", test_duty_status);
  ADD ("/record/duties/done", test_duty_done);
  ADD ("/record/duties/snooze", test_duty_snooze);
  ADD ("/record/ledger/offer-to-all", test_ledger_offer_to_all);
  ADD ("/record/ledger/on-request", test_ledger_on_request);
  ADD ("/record/ledger/set-refused", test_ledger_set_refused);
  ADD ("/record/ledger/set-empty", test_ledger_set_empty);
  ADD ("/record/ledger/set-closes-duty", test_ledger_set_closes_duty);
  ADD ("/record/ledger/inactive-group", test_ledger_inactive_group);
#undef ADD
  g_test_add_func ("/record/duties/names", test_duty_names);
  g_test_add_func ("/record/ledger/states", test_ledger_states);

  return g_test_run ();
}
