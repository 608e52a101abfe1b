/* test-reminders.c: which duties are reminded of, and when: a duty due
 * today only from the reminder time, an earlier one at any time; a snoozed
 * one from the day it was put off to; none done; each once a day, however
 * many look (claimed in the store), and given back when it could not be
 * sent; what a reminder says; snoozing to the next working day.
 *
 * A visit recorded on Monday 2 March 2026 creates three duties: "Tell the
 * manager" due Tuesday 3 March, "Send the photographs" on the visit day,
 * Wednesday 4 March, and "Write the note of the visit" due Monday 9 March.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "concordat-calendar.h"
#include "concordat-record.h"
#include "concordat-reminders.h"
#include "concordat-test-store.h"

typedef StoreFixture Fixture;

#define NINE_AM (9 * 60)

static GDate *
day (const char *text)
{
  GDate *date = g_date_new ();

  g_assert_true (concordat_calendar_parse_date (text, date));
  return date;
}

static void
record_visit (Fixture    *f,
              const char *place)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (concordat_test_visit_json, strlen (concordat_test_visit_json));
  g_autoptr(ConcordatWizard) wizard = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) monday = day ("2026-03-02");
  g_autofree char *answers = g_strdup_printf ("{\"place\": \"%s\", \"visit_date\": \"2026-03-04\"}", place);

  wizard = concordat_wizard_new_from_bytes (bytes, "test.json", &error);
  g_assert_no_error (error);
  json_parser_load_from_data (parser, answers, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (concordat_record_finish (f->store, wizard, json_node_get_object (json_parser_get_root (parser)),
                                            monday, NULL, &error), >, 0);
  g_assert_no_error (error);
}

static GPtrArray *
find (Fixture    *f,
      const char *today,
      guint       minute)
{
  g_autoptr(GDate) date = day (today);
  g_autoptr(GError) error = NULL;
  GPtrArray *reminders = concordat_reminders_find (f->store, date, minute, NINE_AM, &error);

  g_assert_no_error (error);
  return reminders;
}

/* The titles, with "!" before an overdue one. */
static char *
titles (GPtrArray *reminders)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < reminders->len; i++)
    {
      ConcordatReminder *reminder = g_ptr_array_index (reminders, i);

      g_string_append_printf (text, "%s%s%s", i > 0 ? "; " : "", reminder->overdue ? "!" : "", reminder->title);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
assert_due (Fixture    *f,
            const char *today,
            guint       minute,
            const char *expected)
{
  g_autoptr(GPtrArray) reminders = find (f, today, minute);
  g_autofree char *got = titles (reminders);

  g_assert_cmpstr (got, ==, expected);
}

static void
claim (Fixture    *f,
       GPtrArray  *reminders,
       const char *today)
{
  g_autoptr(GDate) date = day (today);
  g_autoptr(GError) error = NULL;

  g_assert_true (concordat_reminders_claim (f->store, reminders, date, &error));
  g_assert_no_error (error);
}

static void
test_when_due (Fixture       *f,
               gconstpointer  data)
{
  record_visit (f, "Willowholme depot");

  assert_due (f, "2026-03-02", 23 * 60, "");
  /* Due on Tuesday: not before nine, from nine on. */
  assert_due (f, "2026-03-03", 8 * 60 + 59, "");
  assert_due (f, "2026-03-03", NINE_AM, "Tell the manager");
  /* On Wednesday at eight, Tuesday's is overdue and shown at once, and
   * Wednesday's waits for nine. */
  assert_due (f, "2026-03-04", 8 * 60, "!Tell the manager");
  assert_due (f, "2026-03-04", 17 * 60, "!Tell the manager; Send the photographs");
  assert_due (f, "2026-03-09", NINE_AM, "!Tell the manager; !Send the photographs; Write the note of the visit");
}

static void
test_once_a_day (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) other = NULL;
  g_autoptr(GPtrArray) tomorrow = NULL;

  record_visit (f, "Willowholme depot");

  /* Two processes find the same duty; only the first to claim it sends. */
  first = find (f, "2026-03-03", 10 * 60);
  other = find (f, "2026-03-03", 10 * 60);
  claim (f, first, "2026-03-03");
  claim (f, other, "2026-03-03");
  g_assert_cmpuint (first->len, ==, 1);
  g_assert_cmpuint (other->len, ==, 0);

  /* Not again the same day, however often it looks... */
  assert_due (f, "2026-03-03", 18 * 60, "");
  /* ...but the next day, overdue now. */
  tomorrow = find (f, "2026-03-04", 8 * 60);
  g_assert_cmpuint (tomorrow->len, ==, 1);
  g_assert_cmpstr (((ConcordatReminder *) g_ptr_array_index (tomorrow, 0))->last_notified, ==, "2026-03-03");

  /* One that could not be sent is given back, to be sent later that day. */
  again = find (f, "2026-03-04", 8 * 60);
  claim (f, again, "2026-03-04");
  g_assert_cmpuint (again->len, ==, 1);
  assert_due (f, "2026-03-04", 8 * 60, "");
  g_assert_true (concordat_reminders_unclaim (f->store, again, NULL));
  assert_due (f, "2026-03-04", 8 * 60, "!Tell the manager");
}

static void
test_done_and_snoozed (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GDate) wednesday = day ("2026-03-04");
  g_autoptr(GError) error = NULL;
  ConcordatReminder *tell;
  GDate until;

  record_visit (f, "Willowholme depot");
  due = find (f, "2026-03-04", 17 * 60);
  g_assert_cmpuint (due->len, ==, 2);
  tell = g_ptr_array_index (due, 0);

  /* Snoozed a day from Wednesday: Thursday, not reminded of before. */
  g_assert_true (concordat_reminders_snooze_a_day (f->store, tell->id, wednesday, &until, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_date_get_day (&until), ==, 5);
  assert_due (f, "2026-03-04", 17 * 60, "Send the photographs");
  assert_due (f, "2026-03-05", NINE_AM, "!Send the photographs; Tell the manager");

  /* Done: never again. */
  g_assert_true (concordat_record_duty_done (f->store, tell->id, &error));
  g_assert_no_error (error);
  assert_due (f, "2026-03-06", NINE_AM, "!Send the photographs");
}

/* Snoozing a day skips the weekend and bank holidays: from Thursday 24
 * December 2026 to Tuesday 29 December. */
static void
test_snooze_over_christmas (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GDate) christmas_eve = day ("2026-12-24");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) due = NULL;
  GDate until;

  record_visit (f, "Willowholme depot");
  due = find (f, "2026-03-03", NINE_AM);
  g_assert_true (concordat_reminders_snooze_a_day (f->store, ((ConcordatReminder *) g_ptr_array_index (due, 0))->id,
                                                   christmas_eve, &until, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_date_get_month (&until), ==, 12);
  g_assert_cmpuint (g_date_get_day (&until), ==, 29);
}

static void
test_texts (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GPtrArray) many = NULL;
  g_autoptr(GDate) wednesday = day ("2026-03-04");
  g_autofree char *overdue = NULL;
  g_autofree char *today = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *body = NULL;

  record_visit (f, "Willowholme depot");
  due = find (f, "2026-03-04", 17 * 60);
  g_assert_true (concordat_reminders_add_sources (f->store, due, NULL));
  overdue = concordat_reminder_dup_body (g_ptr_array_index (due, 0), wednesday);
  today = concordat_reminder_dup_body (g_ptr_array_index (due, 1), wednesday);
  g_assert_cmpstr (overdue, ==, "Overdue: it was due on Tuesday 3 March 2026. From: Visit to Willowholme depot");
  g_assert_cmpstr (today, ==, "Due today, Wednesday 4 March 2026. From: Visit to Willowholme depot");
  g_assert_true (concordat_reminders_any_overdue (due));

  record_visit (f, "Ambridge library");
  many = find (f, "2026-03-04", 17 * 60);
  g_assert_cmpuint (many->len, ==, 4);
  g_assert_cmpuint (many->len, >, CONCORDAT_REMINDERS_MAX_SINGLE);
  summary = concordat_reminders_dup_summary (many);
  body = concordat_reminders_dup_body (many);
  g_assert_cmpstr (summary, ==, "4 duties are due");
  g_assert_cmpstr (body, ==, "Overdue: Tell the manager\nOverdue: Tell the manager\n"
                             "Send the photographs\nSend the photographs");

  /* Past five, the rest are counted, not listed. */
  record_visit (f, "Hollerton school");
  g_clear_pointer (&many, g_ptr_array_unref);
  g_clear_pointer (&body, g_free);
  many = find (f, "2026-03-04", 17 * 60);
  body = concordat_reminders_dup_body (many);
  g_assert_cmpstr (body, ==, "Overdue: Tell the manager\nOverdue: Tell the manager\nOverdue: Tell the manager\n"
                             "Send the photographs\nSend the photographs\nand 1 more");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/reminders/" path, Fixture, NULL, concordat_test_store_set_up, func, concordat_test_store_tear_down)

  ADD ("when-due", test_when_due);
  ADD ("once-a-day", test_once_a_day);
  ADD ("done-and-snoozed", test_done_and_snoozed);
  ADD ("snooze-over-christmas", test_snooze_over_christmas);
  ADD ("texts", test_texts);

#undef ADD

  return g_test_run ();
}
