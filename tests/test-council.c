/* test-council.c: the council's settings, party groups, wards and local
 * holidays are stored, checked and refused as an officer setting them up
 * expects, and the pre-election period falls on the right days.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <sqlite3.h>
#include <string.h>

#include "concordat-council.h"
#include "concordat-error.h"
#include "concordat-library.h"
#include "concordat-store-private.h"
#include "concordat-test-store.h"

typedef StoreFixture Fixture;

/* The protocol setting is checked against the library, so every test
 * has the model protocol. */
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

/* Every row of @table, as text, for comparing before and after. */
static char *
dump_table (Fixture    *f,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY 1", table);
  GString *dump = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (concordat_store_get_db (f->store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        g_string_append_printf (dump, "%s|", (const char *)sqlite3_column_text (stmt, i));
      g_string_append_c (dump, '\n');
    }
  sqlite3_finalize (stmt);

  return g_string_free (dump, FALSE);
}

static void
exec (Fixture    *f,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (concordat_store_exec (concordat_store_get_db (f->store), sql, &error));
  g_assert_no_error (error);
}

static void
assert_value (ConcordatStore *store,
              const char     *key,
              const char     *expected)
{
  g_autoptr(ConcordatCouncil) council = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  council = concordat_council_load (store, &error);
  g_assert_no_error (error);
  value = concordat_council_dup_value (council, key);
  g_assert_cmpstr (value, ==, expected);
}

static void
set_ok (ConcordatStore *store,
        const char     *key,
        const char     *value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (concordat_council_set (store, key, value, &error));
  g_assert_no_error (error);
}

static GDate
make_date (guint day,
           guint month,
           guint year)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return date;
}

static void
test_defaults (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(ConcordatCouncil) council = NULL;
  g_autoptr(GError) error = NULL;
  static const char * const expected[][2] = {
    { "name", "" }, { "briefing-rule", "offer-to-all" }, { "polling-day", "" },
    { "pre-election-days", "25" }, { "info-response-days", "2" },
    { "region", "england-wales" }, { "protocol", "model" },
  };
  const char * const *keys = concordat_council_list_keys ();

  council = concordat_council_load (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (council->name, ==, "");
  g_assert_cmpint (council->briefing_rule, ==, CONCORDAT_BRIEFING_RULE_OFFER_TO_ALL);
  g_assert_false (g_date_valid (&council->polling_day));
  g_assert_cmpuint (council->pre_election_days, ==, CONCORDAT_COUNCIL_DEFAULT_PRE_ELECTION_DAYS);
  g_assert_cmpuint (council->info_response_days, ==, CONCORDAT_COUNCIL_DEFAULT_INFO_RESPONSE_DAYS);
  g_assert_cmpstr (council->region, ==, "england-wales");
  g_assert_cmpstr (council->protocol, ==, "model");

  g_assert_cmpuint (g_strv_length ((char **)keys), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *value = concordat_council_dup_value (council, expected[i][0]);

      g_assert_cmpstr (keys[i], ==, expected[i][0]);
      g_assert_cmpstr (value, ==, expected[i][1]);
    }
  g_assert_null (concordat_council_dup_value (council, "colour"));
}

static void
test_set (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(ConcordatDocument) joint = NULL;
  g_autoptr(ConcordatCouncil) council = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dump = NULL;

  path = g_build_filename (g_getenv ("CONCORDAT_SHARED_PROTOCOLS"), "joint-councillor-officer-protocol.txt", NULL);
  joint = concordat_library_import_file (f->store, path, NULL, &error);
  g_assert_no_error (error);

  set_ok (f->store, "name", "  Borsetshire County Council  ");
  assert_value (f->store, "name", "Borsetshire County Council");
  set_ok (f->store, "briefing-rule", "on-request");
  assert_value (f->store, "briefing-rule", "on-request");
  set_ok (f->store, "polling-day", "2027-05-06");
  assert_value (f->store, "polling-day", "2027-05-06");
  set_ok (f->store, "pre-election-days", "30");
  assert_value (f->store, "pre-election-days", "30");
  set_ok (f->store, "info-response-days", "10");
  assert_value (f->store, "info-response-days", "10");
  set_ok (f->store, "region", "scotland");
  assert_value (f->store, "region", "scotland");
  set_ok (f->store, "protocol", joint->slug);
  assert_value (f->store, "protocol", joint->slug);

  council = concordat_council_load (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (council->briefing_rule, ==, CONCORDAT_BRIEFING_RULE_ON_REQUEST);
  g_assert_cmpuint (g_date_get_day (&council->polling_day), ==, 6);
  g_assert_cmpuint (g_date_get_month (&council->polling_day), ==, 5);
  g_assert_cmpuint (g_date_get_year (&council->polling_day), ==, 2027);
  g_assert_cmpuint (council->pre_election_days, ==, 30);
  g_assert_cmpuint (council->info_response_days, ==, 10);

  /* The ends of the ranges are allowed. */
  set_ok (f->store, "pre-election-days", "100");
  set_ok (f->store, "info-response-days", "1");
  assert_value (f->store, "pre-election-days", "100");
  assert_value (f->store, "info-response-days", "1");

  /* Polling day clears either way, and the row goes. */
  set_ok (f->store, "polling-day", "none");
  assert_value (f->store, "polling-day", "");
  set_ok (f->store, "polling-day", "2027-05-06");
  set_ok (f->store, "polling-day", "");
  assert_value (f->store, "polling-day", "");
  dump = dump_table (f, "council_settings");
  g_assert_null (strstr (dump, "polling-day"));
}

static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  static const char * const cases[][3] = {
    { "polling-day", "2026-13-40",
      "polling-day: “2026-13-40” is not a real date; give it as YYYY-MM-DD, such as 2027-05-06" },
    { "polling-day", "6 May 2027",
      "polling-day: “6 May 2027” is not a real date; give it as YYYY-MM-DD, such as 2027-05-06" },
    { "polling-day", "2027-02-29",
      "polling-day: “2027-02-29” is not a real date; give it as YYYY-MM-DD, such as 2027-05-06" },
    { "briefing-rule", "sometimes",
      "briefing-rule: “sometimes” is not a rule; use offer-to-all or on-request" },
    { "pre-election-days", "0",
      "pre-election-days: “0” is not a whole number of working days from 1 to 100; give one such as 25" },
    { "pre-election-days", "101",
      "pre-election-days: “101” is not a whole number of working days from 1 to 100; give one such as 25" },
    { "pre-election-days", "-5",
      "pre-election-days: “-5” is not a whole number of working days from 1 to 100; give one such as 25" },
    { "pre-election-days", "2.5",
      "pre-election-days: “2.5” is not a whole number of working days from 1 to 100; give one such as 25" },
    { "info-response-days", "61",
      "info-response-days: “61” is not a whole number of working days from 1 to 60; give one such as 2" },
    { "info-response-days", "two",
      "info-response-days: “two” is not a whole number of working days from 1 to 60; give one such as 2" },
    { "region", "wales",
      "region: “wales” is not a region; use england-wales, scotland or northern-ireland" },
    { "protocol", "nowhere",
      "protocol: there is no protocol “nowhere” in the library; run “concordat protocols” to see their ids" },
    { "name", "   ",
      "name: the council’s name cannot be empty; give it as it appears on its letters, "
      "such as “Borsetshire County Council”" },
    { "name", "Borsetshire\nCounty Council",
      "name: the council’s name cannot contain a line break; give it on one line" },
    { "colour", "blue",
      "There is no council setting “colour”; the settings are name, briefing-rule, polling-day, "
      "pre-election-days, info-response-days, region and protocol" },
  };
  g_autofree char *long_name = g_strnfill (201, 'x');
  g_autofree char *longest = g_strnfill (200, 'x');
  g_autofree char *before = NULL;

  set_ok (f->store, "name", "Borsetshire County Council");
  set_ok (f->store, "polling-day", "2027-05-06");
  set_ok (f->store, "pre-election-days", "20");
  before = dump_table (f, "council_settings");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;

      g_test_message ("%s = %s", cases[i][0], cases[i][1]);
      g_assert_false (concordat_council_set (f->store, cases[i][0], cases[i][1], &error));
      g_assert_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, cases[i][2]);
      after = dump_table (f, "council_settings");
      g_assert_cmpstr (after, ==, before);
    }

  {
    g_autoptr(GError) error = NULL;
    g_autofree char *after = NULL;

    g_assert_false (concordat_council_set (f->store, "name", long_name, &error));
    g_assert_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_INVALID);
    g_assert_cmpstr (error->message, ==,
                     "name: the council’s name can be at most 200 characters long, not 201; shorten it");
    after = dump_table (f, "council_settings");
    g_assert_cmpstr (after, ==, before);
  }

  set_ok (f->store, "name", longest);
}

static const ConcordatGroup *
group_at (GPtrArray *groups,
          guint      i)
{
  return g_ptr_array_index (groups, i);
}

static void
assert_refused (GError     *error,
                int         code,
                const char *message)
{
  g_assert_error (error, CONCORDAT_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_groups (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(ConcordatGroup) labour = NULL;
  g_autoptr(ConcordatGroup) tories = NULL;
  g_autoptr(ConcordatGroup) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *long_name = g_strnfill (101, 'g');
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  found = concordat_council_find_group (f->store, "Greens", &error);
  g_assert_null (found);
  assert_refused (error, CONCORDAT_ERROR_NOT_FOUND,
                  "There is no party group called “Greens”; no groups are set up yet. "
                  "Add one with “concordat groups add NAME”");
  g_clear_error (&error);

  labour = concordat_council_add_group (f->store, "  Labour ", "Ann Smith", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (labour->name, ==, "Labour");
  g_assert_cmpstr (labour->leader, ==, "Ann Smith");
  g_assert_true (labour->active);
  tories = concordat_council_add_group (f->store, "Conservative", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tories->leader, ==, "");

  before = dump_table (f, "party_groups");
  g_assert_null (concordat_council_add_group (f->store, "LABOUR", NULL, &error));
  assert_refused (error, CONCORDAT_ERROR_EXISTS, "There is already a party group called “Labour”");
  g_clear_error (&error);
  g_assert_null (concordat_council_add_group (f->store, " ", NULL, &error));
  assert_refused (error, CONCORDAT_ERROR_INVALID,
                  "A party group needs a name; give it as people know it, such as “Labour”");
  g_clear_error (&error);
  g_assert_null (concordat_council_add_group (f->store, "Green\nParty", NULL, &error));
  assert_refused (error, CONCORDAT_ERROR_INVALID,
                  "A party group’s name cannot contain a line break; give it on one line");
  g_clear_error (&error);
  g_assert_null (concordat_council_add_group (f->store, long_name, NULL, &error));
  assert_refused (error, CONCORDAT_ERROR_INVALID,
                  "A party group’s name can be at most 100 characters long, not 101; shorten it");
  g_clear_error (&error);
  after = dump_table (f, "party_groups");
  g_assert_cmpstr (after, ==, before);

  found = concordat_council_find_group (f->store, "labour", &error);
  g_assert_no_error (error);
  g_assert_cmpint (found->id, ==, labour->id);
  g_clear_pointer (&found, concordat_group_free);

  g_assert_null (concordat_council_find_group (f->store, "Greens", &error));
  assert_refused (error, CONCORDAT_ERROR_NOT_FOUND,
                  "There is no party group called “Greens”; the groups are Conservative, Labour");
  g_clear_error (&error);

}

static void
test_group_changes (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(ConcordatGroup) labour = NULL;
  g_autoptr(ConcordatGroup) tories = NULL;
  g_autoptr(ConcordatGroup) found = NULL;
  g_autoptr(ConcordatGroup) again = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  labour = concordat_council_add_group (f->store, "Labour", "Ann Smith", &error);
  tories = concordat_council_add_group (f->store, "Conservative", NULL, &error);
  g_assert_no_error (error);

  /* Rename and change the leader; NULL keeps either. */
  g_assert_true (concordat_council_update_group (f->store, "LABOUR", "Labour and Co-operative", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (concordat_council_update_group (f->store, "labour and co-operative", NULL, "Bob Jones", &error));
  g_assert_no_error (error);
  found = concordat_council_find_group (f->store, "Labour and Co-operative", &error);
  g_assert_cmpint (found->id, ==, labour->id);
  g_assert_cmpstr (found->name, ==, "Labour and Co-operative");
  g_assert_cmpstr (found->leader, ==, "Bob Jones");
  g_clear_pointer (&found, concordat_group_free);

  /* Only the case of one's own name may change. */
  g_assert_true (concordat_council_update_group (f->store, "conservative", "CONSERVATIVE", NULL, &error));
  g_assert_no_error (error);
  before = dump_table (f, "party_groups");
  g_assert_false (concordat_council_update_group (f->store, "Conservative", "labour and co-operative", NULL, &error));
  assert_refused (error, CONCORDAT_ERROR_EXISTS,
                  "There is already a party group called “Labour and Co-operative”");
  g_clear_error (&error);
  g_assert_false (concordat_council_update_group (f->store, "Greens", NULL, "Someone", &error));
  g_assert_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  after = dump_table (f, "party_groups");
  g_assert_cmpstr (after, ==, before);

  /* A deactivated group leaves the list but can still be found. */
  g_assert_true (concordat_council_set_group_active (f->store, "conservative", FALSE, &error));
  g_assert_no_error (error);
  groups = concordat_council_list_groups (f->store, FALSE, &error);
  g_assert_cmpuint (groups->len, ==, 1);
  g_assert_cmpstr (group_at (groups, 0)->name, ==, "Labour and Co-operative");
  g_clear_pointer (&groups, g_ptr_array_unref);
  groups = concordat_council_list_groups (f->store, TRUE, &error);
  g_assert_cmpuint (groups->len, ==, 2);
  g_assert_cmpstr (group_at (groups, 0)->name, ==, "CONSERVATIVE");
  g_assert_false (group_at (groups, 0)->active);
  g_clear_pointer (&groups, g_ptr_array_unref);
  found = concordat_council_find_group (f->store, "Conservative", &error);
  g_assert_false (found->active);

  /* Adding its name again brings the same group back. */
  again = concordat_council_add_group (f->store, "Conservative", "Cat Brown", &error);
  g_assert_no_error (error);
  g_assert_cmpint (again->id, ==, tories->id);
  g_assert_true (again->active);
  g_assert_cmpstr (again->leader, ==, "Cat Brown");
}

static gint64
count_groups (Fixture *f)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  sqlite3_prepare_v2 (concordat_store_get_db (f->store), "SELECT count (*) FROM party_groups", -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return n;
}

static void
test_remove_groups (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(ConcordatGroup) briefed = NULL;
  g_autoptr(ConcordatGroup) owed = NULL;
  g_autoptr(ConcordatGroup) unused = NULL;
  g_autoptr(ConcordatGroup) found = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  gboolean kept = TRUE;

  briefed = concordat_council_add_group (f->store, "Labour", NULL, &error);
  owed = concordat_council_add_group (f->store, "Conservative", NULL, &error);
  unused = concordat_council_add_group (f->store, "Green", NULL, &error);
  g_assert_no_error (error);

  /* The ledger refers to one group, a duty to another. */
  sql = g_strdup_printf ("INSERT INTO briefing_topics (id, name, date) VALUES (1, 'Budget', '2026-11-02');"
                         "INSERT INTO ledger (topic_id, group_id, state, date) VALUES (1, %" G_GINT64_FORMAT ", 'briefed', '2026-11-02');"
                         "INSERT INTO actions (id, wizard, wizard_version, date, created_at, summary, answers) "
                         "VALUES (1, 'briefing', 1, '2026-11-02', '2026-11-02T09:00:00Z', 'Budget briefing', '{}');"
                         "INSERT INTO duties (action_id, position, title, due, group_id) "
                         "VALUES (1, 0, 'Offer the briefing', '2026-11-04', %" G_GINT64_FORMAT ");",
                         briefed->id, owed->id);
  exec (f, sql);

  g_assert_true (concordat_council_remove_group (f->store, "green", &kept, &error));
  g_assert_no_error (error);
  g_assert_false (kept);
  g_assert_cmpint (count_groups (f), ==, 2);
  g_assert_null (concordat_council_find_group (f->store, "Green", &error));
  g_assert_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (concordat_council_remove_group (f->store, "Labour", &kept, &error));
  g_assert_no_error (error);
  g_assert_true (kept);
  kept = FALSE;
  g_assert_true (concordat_council_remove_group (f->store, "Conservative", &kept, &error));
  g_assert_no_error (error);
  g_assert_true (kept);
  g_assert_cmpint (count_groups (f), ==, 2);

  groups = concordat_council_list_groups (f->store, FALSE, &error);
  g_assert_cmpuint (groups->len, ==, 0);
  found = concordat_council_find_group (f->store, "labour", &error);
  g_assert_no_error (error);
  g_assert_cmpint (found->id, ==, briefed->id);
  g_assert_false (found->active);

  g_assert_false (concordat_council_remove_group (f->store, "Greens", &kept, &error));
  assert_refused (error, CONCORDAT_ERROR_NOT_FOUND,
                  "There is no party group called “Greens”; no groups are set up yet. "
                  "Add one with “concordat groups add NAME”");
  g_assert_false (kept);
}

static void
test_wards (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(ConcordatWard) abbey = NULL;
  g_autoptr(ConcordatWard) found = NULL;
  g_autoptr(GPtrArray) wards = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_null (concordat_council_find_ward (f->store, "Abbey", &error));
  assert_refused (error, CONCORDAT_ERROR_NOT_FOUND,
                  "There is no ward called “Abbey”; no wards are set up yet. "
                  "Add one with “concordat wards add NAME”");
  g_clear_error (&error);

  g_assert_nonnull ((found = concordat_council_add_ward (f->store, "Westgate", &error)));
  g_clear_pointer (&found, concordat_ward_free);
  abbey = concordat_council_add_ward (f->store, " Abbey ", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (abbey->name, ==, "Abbey");

  before = dump_table (f, "wards");
  g_assert_null (concordat_council_add_ward (f->store, "ABBEY", &error));
  assert_refused (error, CONCORDAT_ERROR_EXISTS, "There is already a ward called “ABBEY”");
  g_clear_error (&error);
  g_assert_null (concordat_council_add_ward (f->store, "", &error));
  assert_refused (error, CONCORDAT_ERROR_INVALID,
                  "A ward needs a name; give it as people know it, such as “Abbey”");
  g_clear_error (&error);
  after = dump_table (f, "wards");
  g_assert_cmpstr (after, ==, before);

  wards = concordat_council_list_wards (f->store, &error);
  g_assert_cmpuint (wards->len, ==, 2);
  g_assert_cmpstr (((ConcordatWard *)g_ptr_array_index (wards, 0))->name, ==, "Abbey");
  g_assert_cmpstr (((ConcordatWard *)g_ptr_array_index (wards, 1))->name, ==, "Westgate");
  g_clear_pointer (&wards, g_ptr_array_unref);

  found = concordat_council_find_ward (f->store, "abbey", &error);
  g_assert_no_error (error);
  g_assert_cmpint (found->id, ==, abbey->id);

  g_assert_null (concordat_council_find_ward (f->store, "Eastgate", &error));
  assert_refused (error, CONCORDAT_ERROR_NOT_FOUND,
                  "There is no ward called “Eastgate”; the wards are Abbey, Westgate");
  g_clear_error (&error);

  g_assert_true (concordat_council_remove_ward (f->store, "ABBEY", &error));
  g_assert_no_error (error);
  g_assert_false (concordat_council_remove_ward (f->store, "Abbey", &error));
  assert_refused (error, CONCORDAT_ERROR_NOT_FOUND,
                  "There is no ward called “Abbey”; the wards are Westgate");
  g_clear_error (&error);
  wards = concordat_council_list_wards (f->store, &error);
  g_assert_cmpuint (wards->len, ==, 1);
}

static void
assert_next_working_day (ConcordatStore *store,
                         const GDate    *from,
                         guint           day)
{
  g_autoptr(ConcordatCouncil) council = NULL;
  g_autoptr(ConcordatCalendar) calendar = NULL;
  g_autoptr(GDate) next = NULL;
  g_autoptr(GError) error = NULL;

  council = concordat_council_load (store, &error);
  calendar = concordat_council_dup_calendar (store, council, &error);
  g_assert_no_error (error);
  next = concordat_calendar_add_working_days (calendar, from, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_date_get_day (next), ==, day);
}

static void
test_holidays (Fixture       *f,
               gconstpointer  data)
{
  GDate friday = make_date (4, G_DATE_DECEMBER, 2026);
  GDate monday = make_date (7, G_DATE_DECEMBER, 2026);
  GDate christmas_eve = make_date (24, G_DATE_DECEMBER, 2026);
  GDate nothing;
  g_autoptr(GPtrArray) holidays = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const ConcordatHoliday *first;

  /* Without a local holiday, the Monday is the next working day. */
  assert_next_working_day (f->store, &friday, 7);

  g_assert_true (concordat_council_add_holiday (f->store, &christmas_eve, "Christmas Eve closure", &error));
  g_assert_true (concordat_council_add_holiday (f->store, &monday, " Council closure day ", &error));
  g_assert_no_error (error);

  before = dump_table (f, "local_holidays");
  g_assert_false (concordat_council_add_holiday (f->store, &monday, "Another", &error));
  assert_refused (error, CONCORDAT_ERROR_EXISTS,
                  "There is already a local holiday on 2026-12-07; remove it first to change it");
  g_clear_error (&error);
  g_date_clear (&nothing, 1);
  g_assert_false (concordat_council_add_holiday (f->store, &nothing, "Nothing", &error));
  assert_refused (error, CONCORDAT_ERROR_INVALID,
                  "A local holiday needs a real date; give it as YYYY-MM-DD, such as 2026-12-24");
  g_clear_error (&error);
  g_assert_false (concordat_council_add_holiday (f->store, &friday, "  ", &error));
  assert_refused (error, CONCORDAT_ERROR_INVALID,
                  "A local holiday needs a name; give it as people know it, such as “Council closure day”");
  g_clear_error (&error);
  after = dump_table (f, "local_holidays");
  g_assert_cmpstr (after, ==, before);

  holidays = concordat_council_list_holidays (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (holidays->len, ==, 2);
  first = g_ptr_array_index (holidays, 0);
  g_assert_cmpint (g_date_compare (&first->date, &monday), ==, 0);
  g_assert_cmpstr (first->name, ==, "Council closure day");

  /* One working day after Friday 4 December 2026 skips the closure day. */
  assert_next_working_day (f->store, &friday, 8);

  g_assert_true (concordat_council_remove_holiday (f->store, &monday, &error));
  g_assert_no_error (error);
  assert_next_working_day (f->store, &friday, 7);
  g_assert_false (concordat_council_remove_holiday (f->store, &monday, &error));
  assert_refused (error, CONCORDAT_ERROR_NOT_FOUND,
                  "There is no local holiday on 2026-12-07; run “concordat holidays” to see them");
}

static void
assert_inside (ConcordatCouncil  *council,
               ConcordatCalendar *calendar,
               guint              day,
               guint              month,
               gboolean           expected)
{
  g_autoptr(GError) error = NULL;
  GDate date = make_date (day, month, 2027);
  gboolean inside = !expected;

  g_assert_true (concordat_council_check_pre_election (council, calendar, &date, &inside, &error));
  g_assert_no_error (error);
  g_assert_cmpint (inside, ==, expected);
}

static ConcordatCouncil *
load_with_calendar (Fixture            *f,
                    ConcordatCalendar **calendar)
{
  g_autoptr(ConcordatCouncil) council = NULL;
  g_autoptr(GError) error = NULL;

  council = concordat_council_load (f->store, &error);
  g_assert_no_error (error);
  *calendar = concordat_council_dup_calendar (f->store, council, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&council);
}

static void
assert_start (Fixture *f,
              guint    day,
              guint    month,
              guint    year)
{
  g_autoptr(ConcordatCouncil) council = NULL;
  g_autoptr(ConcordatCalendar) calendar = NULL;
  g_autoptr(GError) error = NULL;
  GDate start, end;
  GDate expected = make_date (day, month, year);
  GDate polling = make_date (6, G_DATE_MAY, 2027);

  council = load_with_calendar (f, &calendar);
  g_assert_true (concordat_council_get_pre_election (council, calendar, &start, &end, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_date_compare (&start, &expected), ==, 0);
  g_assert_cmpint (g_date_compare (&end, &polling), ==, 0);
}

static void
test_pre_election (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(ConcordatCouncil) council = NULL;
  g_autoptr(ConcordatCalendar) calendar = NULL;
  g_autoptr(GError) error = NULL;
  GDate start = make_date (1, 1, 2027), end = start;

  /* No polling day: no period, and nothing is inside it. */
  council = load_with_calendar (f, &calendar);
  g_assert_false (concordat_council_get_pre_election (council, calendar, &start, &end, &error));
  g_assert_no_error (error);
  g_assert_false (g_date_valid (&start));
  g_assert_false (g_date_valid (&end));
  assert_inside (council, calendar, 6, G_DATE_MAY, FALSE);
  g_clear_pointer (&council, concordat_council_free);
  g_clear_object (&calendar);

  /* Thursday 6 May 2027, 25 working days, England and Wales: back from
   * Wednesday 5 May, skipping the Early May bank holiday (Monday 3 May),
   * 2 days in May and 22 in April reach Thursday 1 April; the 25th is
   * Wednesday 31 March, two days after Easter Monday. */
  set_ok (f->store, "polling-day", "2027-05-06");
  assert_start (f, 31, G_DATE_MARCH, 2027);

  council = load_with_calendar (f, &calendar);
  assert_inside (council, calendar, 30, G_DATE_MARCH, FALSE);
  assert_inside (council, calendar, 31, G_DATE_MARCH, TRUE);
  assert_inside (council, calendar, 3, G_DATE_MAY, TRUE);
  assert_inside (council, calendar, 6, G_DATE_MAY, TRUE);
  assert_inside (council, calendar, 7, G_DATE_MAY, FALSE);
  g_clear_pointer (&council, concordat_council_free);
  g_clear_object (&calendar);

  /* Two days more cross Easter: Tuesday 30 March, then past Easter Monday
   * and Good Friday to Thursday 25 March. */
  set_ok (f->store, "pre-election-days", "26");
  assert_start (f, 30, G_DATE_MARCH, 2027);
  set_ok (f->store, "pre-election-days", "27");
  assert_start (f, 25, G_DATE_MARCH, 2027);

  /* Scotland has no Easter Monday holiday, so it is the 27th day. */
  set_ok (f->store, "region", "scotland");
  assert_start (f, 29, G_DATE_MARCH, 2027);

  /* A local holiday in the period pushes the start back a day. */
  set_ok (f->store, "region", "england-wales");
  set_ok (f->store, "pre-election-days", "25");
  {
    GDate closure = make_date (14, G_DATE_APRIL, 2027);

    g_assert_true (concordat_council_add_holiday (f->store, &closure, "Council closure day", &error));
    g_assert_no_error (error);
  }
  assert_start (f, 30, G_DATE_MARCH, 2027);

  /* A count that leaves the years the calendar knows is an error. */
  set_ok (f->store, "polling-day", "2020-01-09");
  council = load_with_calendar (f, &calendar);
  g_assert_false (concordat_council_get_pre_election (council, calendar, &start, &end, &error));
  g_assert_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_NOT_FOUND);
  g_assert_false (g_date_valid (&start));
  g_clear_error (&error);
  {
    GDate date = make_date (2, G_DATE_JANUARY, 2020);
    gboolean inside = TRUE;

    g_assert_false (concordat_council_check_pre_election (council, calendar, &date, &inside, &error));
    g_assert_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_NOT_FOUND);
    g_assert_false (inside);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/council/defaults", Fixture, NULL, fixture_set_up, test_defaults, fixture_tear_down);
  g_test_add ("/council/set", Fixture, NULL, fixture_set_up, test_set, fixture_tear_down);
  g_test_add ("/council/refusals", Fixture, NULL, fixture_set_up, test_refusals, fixture_tear_down);
  g_test_add ("/council/groups", Fixture, NULL, fixture_set_up, test_groups, fixture_tear_down);
  g_test_add ("/council/group-changes", Fixture, NULL, fixture_set_up, test_group_changes, fixture_tear_down);
  g_test_add ("/council/remove-groups", Fixture, NULL, fixture_set_up, test_remove_groups, fixture_tear_down);
  g_test_add ("/council/wards", Fixture, NULL, fixture_set_up, test_wards, fixture_tear_down);
  g_test_add ("/council/holidays", Fixture, NULL, fixture_set_up, test_holidays, fixture_tear_down);
  g_test_add ("/council/pre-election", Fixture, NULL, fixture_set_up, test_pre_election, fixture_tear_down);

  return g_test_run ();
}
