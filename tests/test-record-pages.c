/* test-record-pages.c: the record a page at a time with its filters, the
 * count of duties due, removing old actions, and wizards in progress.
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

/* A note of something done, with one duty two working days on. */
static const char note_json[] =
  "{ \"format\": 1, \"id\": \"note\", \"version\": 1,"
  "  \"title\": \"Note\", \"description\": \"Something done.\", \"audience\": [\"officer\"],"
  "  \"steps\": [ { \"id\": \"what\", \"title\": \"What\", \"topics\": [\"media\"],"
  "    \"fields\": [ { \"id\": \"what\", \"type\": \"text\", \"label\": \"What?\", \"required\": true } ] } ],"
  "  \"outcome\": { \"summary\": \"{what}\","
  "    \"duties\": [ { \"title\": \"Follow up {what}\", \"due\": \"+2wd\" } ] } }";

static ConcordatWizard *
note_wizard (const char *id)
{
  g_autofree char *json = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) parts = g_strsplit (note_json, "\"id\": \"note\"", 2);
  ConcordatWizard *wizard;

  json = g_strdup_printf ("%s\"id\": \"%s\"%s", parts[0], id, parts[1]);
  bytes = g_bytes_new (json, strlen (json));
  wizard = concordat_wizard_new_from_bytes (bytes, "note.json", &error);
  g_assert_no_error (error);
  return wizard;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  concordat_test_store_set_up (f, data);
  g_assert_true (concordat_library_ensure_model (f->store, &error));
  g_assert_no_error (error);
}

#define fixture_tear_down concordat_test_store_tear_down

static GDate *
day (const char *text)
{
  GDate *date = g_date_new ();

  g_assert_true (concordat_calendar_parse_date (text, date));
  return date;
}

static gint64
record (Fixture         *f,
        ConcordatWizard *wizard,
        const char      *what,
        const char      *on)
{
  g_autoptr(JsonObject) answers = json_object_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) date = day (on);
  gint64 id;

  json_object_set_string_member (answers, "what", what);
  id = concordat_record_finish (f->store, wizard, answers, date, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

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

/* The summaries of a page, joined with "|". */
static char *
page (Fixture                     *f,
      const ConcordatActionFilter *filter,
      guint                        offset,
      guint                        limit)
{
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) joined = g_string_new (NULL);

  actions = concordat_record_list_actions_page (f->store, filter, offset, limit, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < actions->len; i++)
    g_string_append_printf (joined, "%s%s", i > 0 ? "|" : "",
                            ((ConcordatAction *) g_ptr_array_index (actions, i))->summary);
  return g_string_free (g_steal_pointer (&joined), FALSE);
}

static gint64
filtered (Fixture                     *f,
          const ConcordatActionFilter *filter)
{
  g_autoptr(GError) error = NULL;
  gint64 n = concordat_record_count_actions (f->store, filter, &error);

  g_assert_no_error (error);
  return n;
}

static void
test_pages (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(ConcordatWizard) note = note_wizard ("note");
  g_autoptr(ConcordatWizard) other = note_wizard ("other");
  const ConcordatActionFilter everything = { NULL, NULL, NULL, NULL };
  const ConcordatActionFilter notes = { "note", NULL, NULL, NULL };
  const ConcordatActionFilter march = { NULL, "2026-03-01", "2026-03-31", NULL };
  const ConcordatActionFilter plan = { NULL, NULL, NULL, "loc pla" };
  const ConcordatActionFilter quoted = { NULL, NULL, NULL, "\"depot\" OR *" };
  const ConcordatActionFilter nothing = { "note", NULL, NULL, "depot" };
  char *text;

  record (f, note, "Local plan briefing", "2026-02-26");
  record (f, other, "Depot visit", "2026-03-03");
  record (f, note, "Press call on the local plan", "2026-03-03");
  record (f, note, "Budget briefing", "2026-04-01");

  g_assert_cmpint (filtered (f, NULL), ==, 4);
  g_assert_cmpint (filtered (f, &everything), ==, 4);
  /* Newest first; on the same day, the later one first. */
  text = page (f, NULL, 0, 10);
  g_assert_cmpstr (text, ==, "Budget briefing|Press call on the local plan|Depot visit|Local plan briefing");
  g_free (text);
  text = page (f, NULL, 1, 2);
  g_assert_cmpstr (text, ==, "Press call on the local plan|Depot visit");
  g_free (text);
  text = page (f, NULL, 4, 2);
  g_assert_cmpstr (text, ==, "");
  g_free (text);

  g_assert_cmpint (filtered (f, &notes), ==, 3);
  g_assert_cmpint (filtered (f, &march), ==, 2);
  text = page (f, &march, 0, 10);
  g_assert_cmpstr (text, ==, "Press call on the local plan|Depot visit");
  g_free (text);

  /* Words as typed, each matching the start of a word, in any order. */
  g_assert_cmpint (filtered (f, &plan), ==, 2);
  text = page (f, &plan, 0, 10);
  g_assert_cmpstr (text, ==, "Press call on the local plan|Local plan briefing");
  g_free (text);

  /* What is typed is text to find, never search syntax. */
  g_assert_cmpint (filtered (f, &quoted), ==, 0);
  g_assert_cmpint (filtered (f, &nothing), ==, 0);
}

static void
test_count_due (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(ConcordatWizard) note = note_wizard ("note");
  g_autoptr(GDate) before = day ("2026-03-03");
  g_autoptr(GDate) due_day = day ("2026-03-04");
  g_autoptr(GDate) later = day ("2026-03-10");
  g_autoptr(GError) error = NULL;
  gint64 first;

  /* Both due Wednesday 4 March 2026, two working days after Monday. */
  first = record (f, note, "One", "2026-03-02");
  record (f, note, "Two", "2026-03-02");

  g_assert_cmpint (concordat_record_count_due (f->store, before, &error), ==, 0);
  g_assert_cmpint (concordat_record_count_due (f->store, due_day, &error), ==, 2);
  g_assert_cmpint (concordat_record_count_due (f->store, later, &error), ==, 2);

  /* A duty done or put off is not due. */
  {
    g_autoptr(ConcordatAction) action = concordat_record_get_action (f->store, first, due_day, &error);
    const ConcordatDuty *duty = g_ptr_array_index (action->duties, 0);
    g_autoptr(GDate) monday = day ("2026-03-09");

    g_assert_no_error (error);
    g_assert_true (concordat_record_duty_snooze (f->store, duty->id, monday, due_day, &error));
    g_assert_no_error (error);
    g_assert_cmpint (concordat_record_count_due (f->store, due_day, &error), ==, 1);
    g_assert_cmpint (concordat_record_count_due (f->store, later, &error), ==, 2);
    g_assert_true (concordat_record_duty_done (f->store, duty->id, &error));
    g_assert_cmpint (concordat_record_count_due (f->store, later, &error), ==, 1);
  }
  g_assert_no_error (error);
}

static void
test_remove_before (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(ConcordatWizard) note = note_wizard ("note");
  g_autoptr(GDate) cut = day ("2024-01-01");
  g_autoptr(GError) error = NULL;

  record (f, note, "Old", "2022-06-01");
  record (f, note, "Older", "2021-06-01");
  record (f, note, "New", "2025-06-02");
  g_assert_cmpint (count (f, "duties"), ==, 3);

  g_assert_cmpint (concordat_record_count_before (f->store, cut, &error), ==, 2);
  g_assert_no_error (error);
  /* Counting changes nothing. */
  g_assert_cmpint (count (f, "actions"), ==, 3);

  g_assert_cmpint (concordat_record_remove_before (f->store, cut, &error), ==, 2);
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "actions"), ==, 1);
  g_assert_cmpint (count (f, "duties"), ==, 1);
  g_assert_cmpint (count (f, "action_citations"), ==,
                   count (f, "action_citations WHERE action_id IN (SELECT id FROM actions)"));
  g_assert_cmpint (concordat_record_count_actions (f->store, NULL, &error), ==, 1);
  /* Gone from the search of summaries too. */
  {
    const ConcordatActionFilter old = { NULL, NULL, NULL, "old" };

    g_assert_cmpint (concordat_record_count_actions (f->store, &old, &error), ==, 0);
  }
  g_assert_cmpint (concordat_record_remove_before (f->store, cut, &error), ==, 0);
}

static void
test_drafts (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(ConcordatWizard) note = note_wizard ("note");
  g_autoptr(JsonObject) answers = json_object_new ();
  g_autoptr(ConcordatDraft) draft = NULL;
  g_autoptr(ConcordatDraft) none = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) monday = day ("2026-03-02");

  none = concordat_record_load_draft (f->store, "note", &error);
  g_assert_no_error (error);
  g_assert_null (none);

  json_object_set_string_member (answers, "what", "Half");
  g_assert_true (concordat_record_save_draft (f->store, "note", answers, "what", &error));
  json_object_set_string_member (answers, "what", "Half done");
  g_assert_true (concordat_record_save_draft (f->store, "note", answers, "what", &error));
  g_assert_true (concordat_record_save_draft (f->store, "other", answers, NULL, &error));
  g_assert_no_error (error);

  /* One draft per wizard: the latest answers. */
  draft = concordat_record_load_draft (f->store, "note", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (draft->answers, ==, "{\"what\":\"Half done\"}");
  g_assert_cmpstr (draft->step, ==, "what");
  drafts = concordat_record_list_drafts (f->store, &error);
  g_assert_cmpuint (drafts->len, ==, 2);

  /* Finishing the wizard ends its draft, in the same transaction. */
  g_assert_cmpint (concordat_record_finish (f->store, note, answers, monday, NULL, &error), >, 0);
  g_assert_no_error (error);
  g_clear_pointer (&draft, concordat_draft_free);
  draft = concordat_record_load_draft (f->store, "note", &error);
  g_assert_null (draft);
  g_assert_cmpint (count (f, "drafts"), ==, 1);

  g_assert_true (concordat_record_discard_draft (f->store, "other", &error));
  g_assert_true (concordat_record_discard_draft (f->store, "other", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "drafts"), ==, 0);
}

static void
count_signal (ConcordatStore *store,
              const char     *what,
              guint          *n)
{
  (*n)++;
}

/* Whatever shows the record or the council hears of each committed
 * change, and of nothing that was refused. */
static void
test_changed_signal (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(ConcordatWizard) note = note_wizard ("note");
  g_autoptr(ConcordatGroup) group = NULL;
  g_autoptr(JsonObject) empty = json_object_new ();
  g_autoptr(GDate) monday = day ("2026-03-02");
  g_autoptr(GError) error = NULL;
  guint record_changes = 0;
  guint council_changes = 0;
  gint64 id;

  g_signal_connect (f->store, "changed::record", G_CALLBACK (count_signal), &record_changes);
  g_signal_connect (f->store, "changed::council", G_CALLBACK (count_signal), &council_changes);

  id = record (f, note, "One", "2026-03-02");
  g_assert_cmpuint (record_changes, ==, 1);

  /* Refused: nothing changed, nothing said. */
  g_assert_cmpint (concordat_record_finish (f->store, note, empty, monday, NULL, &error), ==, 0);
  g_clear_error (&error);
  g_assert_cmpuint (record_changes, ==, 1);

  {
    g_autoptr(ConcordatAction) action = concordat_record_get_action (f->store, id, monday, &error);

    g_assert_true (concordat_record_duty_done (f->store,
                                               ((ConcordatDuty *) g_ptr_array_index (action->duties, 0))->id,
                                               &error));
  }
  g_assert_cmpuint (record_changes, ==, 2);
  g_assert_cmpuint (council_changes, ==, 0);

  group = concordat_council_add_group (f->store, "Labour", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (council_changes, ==, 1);
  g_assert_null (concordat_council_add_group (f->store, "labour", NULL, &error));
  g_clear_error (&error);
  g_assert_cmpuint (council_changes, ==, 1);
  g_assert_true (concordat_council_set (f->store, "name", "Test Borough Council", &error));
  g_assert_cmpuint (council_changes, ==, 2);
  g_assert_cmpuint (record_changes, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/record-pages/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("pages", test_pages);
  ADD ("count-due", test_count_due);
  ADD ("remove-before", test_remove_before);
  ADD ("drafts", test_drafts);
  ADD ("changed-signal", test_changed_signal);

#undef ADD

  return g_test_run ();
}
