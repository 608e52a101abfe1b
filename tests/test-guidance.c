/* test-guidance.c: the three bundled wizards — briefing request, visit to
 * premises, media contact — against a council set up as a user would, with
 * real dates: every stop, every duty, both briefing rules, the pre-election
 * period, and the paragraphs each step cites.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <json-glib/json-glib.h>

#include "concordat-council.h"
#include "concordat-error.h"
#include "concordat-library.h"
#include "concordat-record.h"
#include "concordat-store-private.h"
#include "concordat-test-store.h"
#include "concordat-wizard.h"

typedef StoreFixture Fixture;

/* Wednesday 23 December 2026: two working days on is Tuesday 29 December. */
#define TODAY "2026-12-23"

static const char * const tables[] = {
  "actions", "action_citations", "duties", "briefing_topics", "ledger", "ledger_events",
};

static gint64
count (Fixture    *f,
       const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM %s", table);
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (concordat_store_get_db (f->store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static void
assert_nothing_recorded (Fixture *f)
{
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (count (f, tables[i]) != 0)
      g_error ("%s has %" G_GINT64_FORMAT " rows; nothing should have been recorded",
               tables[i], count (f, tables[i]));
}

static void
set (Fixture    *f,
     const char *key,
     const char *value)
{
  g_autoptr(GError) error = NULL;

  concordat_council_set (f->store, key, value, &error);
  g_assert_no_error (error);
}

/* A council with three active groups, one that has been wound up, and
 * three wards; polling day is Thursday 6 May 2027. */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  const char * const groups[] = { "Labour", "Conservative", "Liberal Democrat", "Independent" };
  const char * const wards[] = { "Abbey", "Botcherby", "Castle" };
  g_autoptr(GError) error = NULL;

  concordat_test_store_set_up (f, data);
  g_assert_true (concordat_library_ensure_model (f->store, &error));
  g_assert_no_error (error);

  set (f, "name", "Test Borough Council");
  set (f, "polling-day", "2027-05-06");
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      g_autoptr(ConcordatGroup) group = concordat_council_add_group (f->store, groups[i], NULL, &error);

      g_assert_no_error (error);
    }
  concordat_council_set_group_active (f->store, "Independent", FALSE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (wards); i++)
    {
      g_autoptr(ConcordatWard) ward = concordat_council_add_ward (f->store, wards[i], &error);

      g_assert_no_error (error);
    }
}

#define fixture_tear_down concordat_test_store_tear_down

static JsonObject *
parse_answers (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* Answers as a JSON object, with one member replaced or added. */
static JsonObject *
answers_with (const char *base,
              const char *member,
              const char *value_json)
{
  JsonObject *answers = parse_answers (base);

  if (member != NULL)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;

      json_parser_load_from_data (parser, value_json, -1, &error);
      g_assert_no_error (error);
      json_object_set_member (answers, member, json_node_copy (json_parser_get_root (parser)));
    }
  return answers;
}

static ConcordatWizard *
wizard (const char *id)
{
  g_autoptr(GError) error = NULL;
  ConcordatWizard *w = concordat_wizard_find_bundled (id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (w);
  return w;
}

static GDate *
today (void)
{
  GDate *date = g_date_new ();

  g_assert_true (concordat_calendar_parse_date (TODAY, date));
  return date;
}

/* Finishes @id with @answers, expecting it to be recorded. */
static ConcordatAction *
finish (Fixture    *f,
        const char *id,
        JsonObject *answers)
{
  g_autoptr(ConcordatWizard) w = wizard (id);
  g_autoptr(ConcordatOutcome) outcome = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) day = today ();
  ConcordatAction *action;
  gint64 action_id;

  action_id = concordat_record_finish (f->store, w, answers, day, &outcome, &error);
  if (outcome != NULL && outcome->problems->len > 0)
    g_error ("%s", ((ConcordatProblem *) g_ptr_array_index (outcome->problems, 0))->message);
  g_assert_no_error (error);
  g_assert_null (outcome->stop);
  g_assert_cmpint (action_id, >, 0);

  action = concordat_record_get_action (f->store, action_id, day, &error);
  g_assert_no_error (error);
  return action;
}

/* Finishes @id with @answers, expecting the stop whose reason contains
 * @reason, and nothing recorded. */
static void
assert_stops (Fixture    *f,
              const char *id,
              JsonObject *answers,
              const char *reason)
{
  g_autoptr(ConcordatWizard) w = wizard (id);
  g_autoptr(ConcordatOutcome) outcome = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) day = today ();

  g_assert_cmpint (concordat_record_finish (f->store, w, answers, day, &outcome, &error), ==, 0);
  g_assert_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_INVALID);
  g_assert_nonnull (outcome);
  g_assert_nonnull (outcome->stop);
  if (strstr (outcome->stop->reason, reason) == NULL)
    g_error ("stopped with “%s”, expected “%s”", outcome->stop->reason, reason);
  g_assert_false (concordat_outcome_can_finish (outcome));
  assert_nothing_recorded (f);
}

static gboolean
has_note (const ConcordatAction *action,
          const char            *text)
{
  for (guint i = 0; i < action->notes->len; i++)
    if (strstr (g_ptr_array_index (action->notes, i), text) != NULL)
      return TRUE;
  return FALSE;
}

static void
assert_duty (const ConcordatAction *action,
             guint                  index,
             const char            *title,
             const char            *due)
{
  const ConcordatDuty *duty;

  g_assert_cmpuint (index, <, action->duties->len);
  duty = g_ptr_array_index (action->duties, index);
  g_assert_cmpstr (duty->title, ==, title);
  g_assert_cmpstr (duty->due, ==, due);
  g_assert_cmpint (duty->action_id, ==, action->id);
}

static const ConcordatLedgerCell *
ledger_cell (Fixture    *f,
             const char *topic,
             const char *group)
{
  g_autoptr(GPtrArray) topics = NULL;
  g_autoptr(GError) error = NULL;
  static ConcordatLedgerCell found;

  topics = concordat_record_ledger (f->store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < topics->len; i++)
    {
      ConcordatLedgerTopic *t = g_ptr_array_index (topics, i);

      if (g_ascii_strcasecmp (t->topic, topic) != 0)
        continue;
      for (guint j = 0; j < t->cells->len; j++)
        {
          ConcordatLedgerCell *cell = g_ptr_array_index (t->cells, j);

          if (g_str_equal (cell->group, group))
            {
              /* Kept past the ledger's lifetime for the caller to read. */
              g_free (found.state);
              g_free (found.date);
              found.state = g_strdup (cell->state);
              found.date = g_strdup (cell->date);
              found.gap = cell->gap;
              return &found;
            }
        }
    }
  g_error ("no ledger cell for %s / %s", topic, group);
  return NULL;
}

/* --- briefing --- */

#define BRIEFING \
  "{\"requesting_group\": \"labour\", \"requester_role\": \"group-leader\"," \
  " \"topic\": \"Local plan\", \"council_business\": true," \
  " \"officer\": \"Director of Place\", \"officer_is_senior\": true," \
  " \"meeting_date\": \"2027-01-07\", \"non_members_present\": false," \
  " \"budget_proposals\": false}"

static void
test_briefing_offer_to_all (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(JsonObject) answers = parse_answers (BRIEFING);
  g_autoptr(ConcordatAction) action = finish (f, "briefing", answers);

  g_assert_cmpstr (action->wizard, ==, "briefing");
  g_assert_cmpint (action->wizard_version, ==, 1);
  g_assert_cmpstr (action->date, ==, TODAY);
  g_assert_cmpstr (action->summary, ==,
                   "Briefing on “Local plan” for Labour by Director of Place on Thursday 7 January 2027");
  g_assert_cmpstr (action->document, ==, "model");
  g_assert_cmpint (action->document_version, ==, 1);

  /* One offer per other active group, two working days on (Christmas and
   * Boxing Day's substitute skipped); the wound-up group is not offered. */
  g_assert_cmpuint (action->duties->len, ==, 3);
  assert_duty (action, 0, "Offer Conservative the briefing on “Local plan”", "2026-12-29");
  assert_duty (action, 1, "Offer Liberal Democrat the briefing on “Local plan”", "2026-12-29");
  assert_duty (action, 2, "Check any written record of the Labour meeting that attributes "
               "advice to Director of Place", "2027-01-11");

  g_assert_cmpstr (ledger_cell (f, "Local plan", "Labour")->state, ==, "requested");
  g_assert_cmpstr (ledger_cell (f, "Local plan", "Conservative")->state, ==, "to-offer");
  g_assert_true (ledger_cell (f, "Local plan", "Conservative")->gap);
  g_assert_cmpstr (ledger_cell (f, "Local plan", "Liberal Democrat")->state, ==, "to-offer");
  g_assert_cmpstr (ledger_cell (f, "Local plan", "Liberal Democrat")->date, ==, TODAY);
  g_assert_cmpint (count (f, "ledger"), ==, 3);
  g_assert_false (has_note (action, "may ask for the same briefing"));
}

/* The same briefing asked for again, by a group already owed it, creates no
 * second offer to a group that already has one coming. */
static void
test_briefing_asked_twice (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(JsonObject) first = parse_answers (BRIEFING);
  g_autoptr(JsonObject) second = answers_with (BRIEFING, "requesting_group", "\"Conservative\"");
  g_autoptr(ConcordatAction) a = finish (f, "briefing", first);
  g_autoptr(ConcordatAction) b = NULL;
  g_autoptr(GError) error = NULL;

  /* Liberal Democrat was offered it and accepted. */
  concordat_record_ledger_set (f->store, "local plan", "Liberal Democrat", "accepted", NULL, &error);
  g_assert_no_error (error);

  b = finish (f, "briefing", second);
  g_assert_cmpuint (b->duties->len, ==, 1);
  g_assert_cmpstr (((ConcordatDuty *) g_ptr_array_index (b->duties, 0))->title, ==,
                   "Check any written record of the Conservative meeting that attributes "
                   "advice to Director of Place");
  g_assert_cmpstr (ledger_cell (f, "Local plan", "Conservative")->state, ==, "requested");
  g_assert_cmpstr (ledger_cell (f, "Local plan", "Liberal Democrat")->state, ==, "accepted");
  g_assert_cmpstr (ledger_cell (f, "Local plan", "Labour")->state, ==, "requested");
  g_assert_cmpint (count (f, "briefing_topics"), ==, 1);
}

/* A group still owed an offer from the first request is not given a
 * second duty to offer it when another group asks too. */
static void
test_briefing_owed_once (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(JsonObject) first = parse_answers (BRIEFING);
  g_autoptr(JsonObject) second = answers_with (BRIEFING, "requesting_group", "\"Conservative\"");
  g_autoptr(ConcordatAction) a = finish (f, "briefing", first);
  g_autoptr(ConcordatAction) b = finish (f, "briefing", second);
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) day = today ();
  guint offers_to_ld = 0;

  g_assert_cmpuint (b->duties->len, ==, 1);
  pending = concordat_record_list_duties (f->store, CONCORDAT_DUTY_FILTER_PENDING, day, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < pending->len; i++)
    if (g_str_equal (((ConcordatDuty *) g_ptr_array_index (pending, i))->title,
                     "Offer Liberal Democrat the briefing on “Local plan”"))
      offers_to_ld++;
  g_assert_cmpuint (offers_to_ld, ==, 1);
  g_assert_cmpstr (ledger_cell (f, "Local plan", "Liberal Democrat")->state, ==, "to-offer");
}

static void
test_briefing_on_request (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(JsonObject) answers = parse_answers (BRIEFING);
  g_autoptr(ConcordatAction) action = NULL;

  set (f, "briefing-rule", "on-request");
  action = finish (f, "briefing", answers);

  /* No offers to make: only the check of the group's written record. */
  g_assert_cmpuint (action->duties->len, ==, 1);
  assert_duty (action, 0, "Check any written record of the Labour meeting that attributes "
               "advice to Director of Place", "2027-01-11");
  g_assert_cmpstr (ledger_cell (f, "Local plan", "Conservative")->state, ==, "available-on-request");
  g_assert_false (ledger_cell (f, "Local plan", "Conservative")->gap);
  g_assert_cmpstr (ledger_cell (f, "Local plan", "Liberal Democrat")->state, ==, "available-on-request");
  g_assert_cmpstr (ledger_cell (f, "Local plan", "Labour")->state, ==, "requested");
  g_assert_true (has_note (action, "may ask for the same briefing and must not be refused"));
}

static void
test_briefing_stops (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(JsonObject) party = answers_with (BRIEFING, "council_business", "false");
  g_autoptr(JsonObject) route = answers_with (BRIEFING, "requester_role", "\"other\"");
  g_autoptr(JsonObject) junior = answers_with (BRIEFING, "officer_is_senior", "false");
  g_autoptr(JsonObject) outsiders = answers_with (BRIEFING, "non_members_present", "true");

  assert_stops (f, "briefing", party, "council business only");
  assert_stops (f, "briefing", route, "Ask the member to make the request through one of them");

  json_object_set_boolean_member (junior, "nominated_by_senior", FALSE);
  assert_stops (f, "briefing", junior, "Only senior officers attend");

  json_object_set_boolean_member (outsiders, "chief_officer_agreed", FALSE);
  assert_stops (f, "briefing", outsiders, "only with the agreement of the chief executive");
}

/* What lets a briefing go ahead is recorded with it. */
static void
test_briefing_conditions (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(JsonObject) answers = parse_answers (BRIEFING);
  g_autoptr(ConcordatAction) action = NULL;

  json_object_set_boolean_member (answers, "officer_is_senior", FALSE);
  json_object_set_boolean_member (answers, "nominated_by_senior", TRUE);
  json_object_set_boolean_member (answers, "non_members_present", TRUE);
  json_object_set_boolean_member (answers, "chief_officer_agreed", TRUE);
  json_object_set_boolean_member (answers, "budget_proposals", TRUE);
  /* Inside the pre-election period: 25 working days before 6 May 2027. */
  json_object_set_string_member (answers, "meeting_date", "2027-04-20");
  action = finish (f, "briefing", answers);

  g_assert_true (has_note (action, "attends in place of a senior officer"));
  g_assert_true (has_note (action, "the chief officer agreed"));
  g_assert_true (has_note (action, "Budget proposals"));
  g_assert_true (has_note (action, "pre-election period"));
  g_assert_true (has_note (action, "Request made by: The group leader."));
}

/* Each kind of wrong answer is named with its field, and nothing is kept. */
static void
test_briefing_bad_answers (Fixture       *f,
                           gconstpointer  data)
{
  const struct { const char *member; const char *value; const char *message; } cases[] = {
    { "requesting_group", "\"Green\"", "no party group called “Green”" },
    { "requesting_group", "\"Independent\"", "Independent" },
    { "requester_role", "\"mayor\"", "group-leader" },
    { "council_business", "\"yes\"", "council_business" },
    { "meeting_date", "\"2026-02-30\"", "2026-02-30" },
    { "topic", "\"\"", "topic" },
    { "officer", "42", "officer" },
    { "colour", "\"blue\"", "colour" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonObject) answers = answers_with (BRIEFING, cases[i].member, cases[i].value);
      g_autoptr(ConcordatWizard) w = wizard ("briefing");
      g_autoptr(ConcordatOutcome) outcome = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GDate) day = today ();
      const ConcordatProblem *problem;

      g_assert_cmpint (concordat_record_finish (f->store, w, answers, day, &outcome, &error), ==, 0);
      g_assert_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_INVALID);
      g_assert_cmpuint (outcome->problems->len, ==, 1);
      problem = g_ptr_array_index (outcome->problems, 0);
      g_assert_cmpstr (problem->field, ==, cases[i].member);
      if (strstr (problem->message, cases[i].message) == NULL)
        g_error ("%s: “%s” should mention “%s”", cases[i].member, problem->message, cases[i].message);
      assert_nothing_recorded (f);
    }
}

/* --- premises visit --- */

#define VISIT \
  "{\"member\": \"Cllr Ada Jones\", \"member_ward\": \"abbey\"," \
  " \"premises\": \"Willowholme depot\", \"premises_ward\": \"Castle\"," \
  " \"visit_date\": \"2027-01-05\", \"purpose\": \"To see the new gritters\"," \
  " \"vulnerable_setting\": false, \"arranged_with_manager\": false," \
  " \"health_safety_ack\": true, \"no_interference_ack\": true}"

static void
test_visit_outside_ward (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(JsonObject) answers = parse_answers (VISIT);
  g_autoptr(ConcordatAction) action = finish (f, "premises-visit", answers);

  g_assert_cmpstr (action->summary, ==,
                   "Cllr Ada Jones visiting Willowholme depot (Castle) on Tuesday 5 January 2027");
  /* The working day before Tuesday 5 January 2027 is Monday 4 January. */
  g_assert_cmpuint (action->duties->len, ==, 2);
  assert_duty (action, 0, "Tell the members for Castle about Cllr Ada Jones's visit to "
               "Willowholme depot", "2027-01-04");
  assert_duty (action, 1, "Arrange Cllr Ada Jones's visit to Willowholme depot with the "
               "manager in charge", "2027-01-04");
  g_assert_true (has_note (action, "outside Cllr Ada Jones's ward (Abbey)"));
  g_assert_false (has_note (action, "Safeguards"));
}

static void
test_visit_own_ward_arranged (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(JsonObject) answers = answers_with (VISIT, "premises_ward", "\"Abbey\"");
  g_autoptr(ConcordatAction) action = NULL;

  json_object_set_boolean_member (answers, "arranged_with_manager", TRUE);
  action = finish (f, "premises-visit", answers);
  g_assert_cmpuint (action->duties->len, ==, 0);
  g_assert_false (has_note (action, "outside"));
}

static void
test_visit_not_practicable (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(JsonObject) answers = answers_with (VISIT, "premises_ward", "\"Abbey\"");
  g_autoptr(ConcordatAction) action = NULL;

  json_object_set_string_member (answers, "not_practicable_reason", "Called out to a flood");
  action = finish (f, "premises-visit", answers);
  g_assert_cmpuint (action->duties->len, ==, 0);
  g_assert_true (has_note (action, "Not arranged with the manager beforehand: Called out to a flood"));
}

static void
test_visit_vulnerable_setting (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(JsonObject) answers = answers_with (VISIT, "vulnerable_setting", "true");
  g_autoptr(ConcordatAction) action = NULL;

  /* A care setting has no "not practicable": the question is not asked, and
   * an answer to it is not kept. */
  json_object_set_string_member (answers, "premises", "Eden Court care home");
  json_object_set_string_member (answers, "not_practicable_reason", "No time");
  action = finish (f, "premises-visit", answers);

  g_assert_cmpuint (action->duties->len, ==, 3);
  assert_duty (action, 1, "Arrange Cllr Ada Jones's visit to Eden Court care home with the "
               "manager in charge", "2027-01-04");
  assert_duty (action, 2, "Arrange for a member of staff to accompany Cllr Ada Jones at "
               "Eden Court care home", "2027-01-04");
  g_assert_true (has_note (action, "accompanied by a member of staff"));
  g_assert_true (strstr (action->answers, "No time") == NULL);
}

static void
test_visit_stops (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(JsonObject) safety = answers_with (VISIT, "health_safety_ack", "false");
  g_autoptr(JsonObject) interfere = answers_with (VISIT, "no_interference_ack", "false");
  g_autoptr(JsonObject) nowhere = answers_with (VISIT, "premises_ward", "\"Atlantis\"");
  g_autoptr(ConcordatWizard) w = wizard ("premises-visit");
  g_autoptr(ConcordatOutcome) outcome = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) day = today ();

  assert_stops (f, "premises-visit", safety, "health and safety");
  assert_stops (f, "premises-visit", interfere, "must not interfere");

  outcome = concordat_wizard_evaluate (w, f->store, nowhere, day, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (outcome->problems->len, ==, 1);
  g_assert_cmpstr (((ConcordatProblem *) g_ptr_array_index (outcome->problems, 0))->field, ==,
                   "premises_ward");
  assert_nothing_recorded (f);
}

/* --- media contact --- */

#define MEDIA_OFFICER \
  "{\"role\": \"officer\", \"outlet\": \"Cumberland News\", \"contact_date\": \"2027-01-06\"," \
  " \"subject\": \"Bin collections\", \"press_release_wanted\": true, \"authorised\": true," \
  " \"comms_informed\": false, \"members_to_inform\": \"Cllr Ada Jones, Cllr Ben Smith\"," \
  " \"sensitive_matter\": true}"

#define MEDIA_MEMBER \
  "{\"role\": \"member\", \"outlet\": \"BBC Radio Cumbria\", \"contact_date\": \"2027-01-06\"," \
  " \"subject\": \"Flood defences\", \"press_release_wanted\": true, \"capacity\": \"council\"," \
  " \"party_political\": false, \"insurance_or_claims\": true," \
  " \"consult_members\": \"Cllr Cara Lee\"}"

static void
test_media_officer (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(JsonObject) answers = parse_answers (MEDIA_OFFICER);
  g_autoptr(ConcordatAction) action = finish (f, "media-contact", answers);

  g_assert_cmpuint (action->duties->len, ==, 4);
  assert_duty (action, 0, "Tell the communications team about the media interest in "
               "“Bin collections”", "2027-01-06");
  assert_duty (action, 1, "Tell Cllr Ada Jones about the contact with Cumberland News on "
               "“Bin collections”", "2026-12-24");
  assert_duty (action, 2, "Tell Cllr Ben Smith about the contact with Cumberland News on "
               "“Bin collections”", "2026-12-24");
  assert_duty (action, 3, "Get approval for the press release on “Bin collections” before "
               "it is issued", "2027-01-06");
  g_assert_true (has_note (action, "give no political opinion"));
  g_assert_false (has_note (action, "Pre-election"));
}

static void
test_media_member (Fixture       *f,
                   gconstpointer  data)
{
  /* An officer's answers given for a councillor's contact are not kept. */
  g_autoptr(JsonObject) answers = answers_with (MEDIA_MEMBER, "authorised", "false");
  g_autoptr(ConcordatAction) action = finish (f, "media-contact", answers);

  g_assert_cmpuint (action->duties->len, ==, 2);
  assert_duty (action, 0, "Ask the communications team for help with the statement to "
               "BBC Radio Cumbria on “Flood defences”", "2027-01-06");
  assert_duty (action, 1, "Consult Cllr Cara Lee before speaking to BBC Radio Cumbria on "
               "“Flood defences”", "2027-01-06");
  g_assert_true (has_note (action, "give no commitment"));
  g_assert_true (has_note (action, "On behalf of the council"));
  g_assert_true (strstr (action->answers, "authorised") == NULL);
}

static void
test_media_pre_election (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(JsonObject) inside = answers_with (MEDIA_MEMBER, "contact_date", "\"2027-04-01\"");
  g_autoptr(JsonObject) before = answers_with (MEDIA_MEMBER, "contact_date", "\"2027-03-30\"");
  g_autoptr(ConcordatAction) a = finish (f, "media-contact", inside);
  g_autoptr(ConcordatAction) b = finish (f, "media-contact", before);

  /* 25 working days before Thursday 6 May 2027, the early May bank
   * holiday skipped, is Wednesday 31 March. */
  g_assert_true (has_note (a, "Pre-election period"));
  g_assert_false (has_note (b, "Pre-election period"));
}

static void
test_media_stops (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(JsonObject) unauthorised = answers_with (MEDIA_OFFICER, "authorised", "false");
  g_autoptr(JsonObject) political = answers_with (MEDIA_MEMBER, "party_political", "true");

  assert_stops (f, "media-contact", unauthorised, "only when authorised");
  assert_stops (f, "media-contact", political, "never used to promote a party");
}

/* --- citations --- */

static gboolean
cites (const ConcordatOutcome *outcome,
       const char             *step,
       const char             *document,
       const char             *citation)
{
  for (guint i = 0; i < outcome->citations->len; i++)
    {
      const ConcordatCitation *c = g_ptr_array_index (outcome->citations, i);

      if (g_str_equal (c->step, step) && g_str_equal (c->document, document) &&
          g_strcmp0 (c->citation, citation) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
test_citations (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *carlisle = g_build_filename (g_getenv ("CONCORDAT_SHARED_PROTOCOLS"),
                                                "carlisle-2007-executive-report.txt", NULL);
  g_autoptr(JsonObject) answers = parse_answers (BRIEFING);
  g_autoptr(ConcordatWizard) w = wizard ("briefing");
  g_autoptr(ConcordatOutcome) model = NULL;
  g_autoptr(ConcordatOutcome) shared = NULL;
  g_autoptr(ConcordatDocument) doc = NULL;
  g_autoptr(ConcordatAction) action = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) day = today ();

  /* The model protocol's section 8 on party groups, even-handedness in 8.6. */
  model = concordat_wizard_evaluate (w, f->store, answers, day, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (model->document, ==, "model");
  g_assert_true (cites (model, "request", "model", "8.6"));

  /* Carlisle's paragraphs 82-97 once the council adopts its protocol. */
  doc = concordat_library_import_file (f->store, carlisle, NULL, &error);
  g_assert_no_error (error);
  set (f, "protocol", doc->slug);
  shared = concordat_wizard_evaluate (w, f->store, answers, day, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (shared->document, ==, doc->slug);
  g_assert_true (cites (shared, "request", doc->slug, "89"));
  g_assert_false (cites (shared, "request", "model", "8.6"));

  /* Finishing keeps what was cited, with the text, in the record. */
  action = finish (f, "briefing", answers);
  g_assert_cmpstr (action->document, ==, doc->slug);
  g_assert_cmpuint (action->citations->len, ==, shared->citations->len);
  g_assert_cmpint (count (f, "action_citations"), ==, shared->citations->len);
  for (guint i = 0; i < action->citations->len; i++)
    {
      const ConcordatCitation *kept = g_ptr_array_index (action->citations, i);
      const ConcordatCitation *shown = g_ptr_array_index (shared->citations, i);

      g_assert_cmpstr (kept->citation, ==, shown->citation);
      g_assert_cmpstr (kept->text, ==, shown->text);
    }
}

/* A step whose topic the protocol says nothing about says so rather than
 * citing nothing silently: the joint protocol has no paragraph on visiting
 * premises, though it has some on ward members. */
static void
test_citations_missing_topic (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *joint = g_build_filename (g_getenv ("CONCORDAT_SHARED_PROTOCOLS"),
                                             "joint-councillor-officer-protocol.txt", NULL);
  g_autoptr(JsonObject) answers = parse_answers (VISIT);
  g_autoptr(ConcordatWizard) w = wizard ("premises-visit");
  g_autoptr(ConcordatDocument) doc = NULL;
  g_autoptr(ConcordatOutcome) outcome = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) day = today ();
  guint none_on_premises = 0;
  guint on_ward_members = 0;

  doc = concordat_library_import_file (f->store, joint, NULL, &error);
  g_assert_no_error (error);
  set (f, "protocol", doc->slug);

  outcome = concordat_wizard_evaluate (w, f->store, answers, day, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < outcome->citations->len; i++)
    {
      const ConcordatCitation *c = g_ptr_array_index (outcome->citations, i);

      g_assert_cmpstr (c->document, ==, doc->slug);
      if (g_str_equal (c->topic, "premises"))
        {
          g_assert_null (c->citation);
          g_assert_nonnull (strstr (c->text, "no paragraph"));
          none_on_premises++;
        }
      else if (g_str_equal (c->topic, "ward-members") && c->citation != NULL)
        on_ward_members++;
    }
  /* Once for each of the three steps that cite premises. */
  g_assert_cmpuint (none_on_premises, ==, 3);
  g_assert_cmpuint (on_ward_members, ==, 4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/guidance/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("briefing/offer-to-all", test_briefing_offer_to_all);
  ADD ("briefing/asked-twice", test_briefing_asked_twice);
  ADD ("briefing/owed-once", test_briefing_owed_once);
  ADD ("briefing/on-request", test_briefing_on_request);
  ADD ("briefing/stops", test_briefing_stops);
  ADD ("briefing/conditions", test_briefing_conditions);
  ADD ("briefing/bad-answers", test_briefing_bad_answers);
  ADD ("premises-visit/outside-ward", test_visit_outside_ward);
  ADD ("premises-visit/own-ward-arranged", test_visit_own_ward_arranged);
  ADD ("premises-visit/not-practicable", test_visit_not_practicable);
  ADD ("premises-visit/vulnerable-setting", test_visit_vulnerable_setting);
  ADD ("premises-visit/stops", test_visit_stops);
  ADD ("media-contact/officer", test_media_officer);
  ADD ("media-contact/member", test_media_member);
  ADD ("media-contact/pre-election", test_media_pre_election);
  ADD ("media-contact/stops", test_media_stops);
  ADD ("citations", test_citations);
  ADD ("citations/missing-topic", test_citations_missing_topic);

#undef ADD

  return g_test_run ();
}
