/* test-duties-view.c: the Duties view in the real window under Xvfb: its
 * empty state; the duties a briefing created, overdue ones apart; marking
 * one done and putting one off through the view, with what is stored
 * checked; the Duties badge following; every control named; the window
 * marking duties done while command lines write to the same database.
 *
 * A briefing finished on Wednesday 23 December 2026 creates two offers due
 * Tuesday 29 December and a check due Monday 11 January 2027.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "concordat-clock.h"
#include "concordat-council.h"
#include "concordat-duties-view.h"
#include "concordat-record.h"
#include "concordat-record-view.h"
#include "concordat-test-ui.h"

#define FINISHED "2026-12-23"

static ConcordatStore *
store_of (UiFixture *f)
{
  return concordat_application_get_store (f->app);
}

/* Today is set before the window opens; the clock reads it every time. */
static void
set_today (const char *day)
{
  g_setenv ("CONCORDAT_TODAY", day, TRUE);
}

static void
record_briefing (UiFixture *f)
{
  static const char * const groups[] = { "Labour", "Conservative", "Liberal Democrat" };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      g_autoptr(ConcordatGroup) group = concordat_council_add_group (store_of (f), groups[i], NULL, &error);

      g_assert_no_error (error);
    }
  concordat_test_record_briefing (f, FINISHED);
}

static const ConcordatDuty *
stored_duty (GPtrArray  *duties,
             const char *title)
{
  for (guint i = 0; i < duties->len; i++)
    {
      const ConcordatDuty *duty = g_ptr_array_index (duties, i);

      if (g_str_equal (duty->title, title))
        return duty;
    }
  g_error ("No duty “%s” stored", title);
  return NULL;
}

static GPtrArray *
all_duties (UiFixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = concordat_clock_today ();
  GPtrArray *duties = concordat_record_list_duties (store_of (f), CONCORDAT_DUTY_FILTER_ALL, today, &error);

  g_assert_no_error (error);
  return duties;
}

static guint
count_actions (UiFixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) actions = concordat_record_list_actions (store_of (f), NULL, &error);

  g_assert_no_error (error);
  return actions->len;
}

static gboolean
is_mapped_title (GtkWidget  *widget,
                 const char *text)
{
  return gtk_widget_get_mapped (widget) && concordat_test_title_is (widget, text);
}

static ConcordatDutiesView *
open_duties (UiFixture        *f,
             ConcordatWindow **window_out)
{
  ConcordatWindow *window = concordat_test_open_window (f);
  GtkWidget *view = concordat_test_find_widget (GTK_WIDGET (window), CONCORDAT_TYPE_DUTIES_VIEW, NULL, NULL);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "duties");
  concordat_test_wait_until (gtk_widget_get_mapped (view));
  if (window_out != NULL)
    *window_out = window;
  return CONCORDAT_DUTIES_VIEW (view);
}

/* The row a duty is shown in, and the group it is under. */
static const char *
group_of (ConcordatDutiesView *view,
          const char          *title)
{
  GtkWidget *row = concordat_test_find_widget (GTK_WIDGET (view), ADW_TYPE_ACTION_ROW,
                                               is_mapped_title, title);
  GtkWidget *group;

  if (row == NULL)
    return NULL;
  group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);
  return adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group));
}

static guint
badge_of (ConcordatWindow *window)
{
  AdwViewStack *stack = ADW_VIEW_STACK (concordat_test_find_widget (GTK_WIDGET (window),
                                                                    ADW_TYPE_VIEW_STACK, NULL, NULL));
  AdwViewStackPage *page = adw_view_stack_get_page (stack, adw_view_stack_get_child_by_name (stack, "duties"));

  return adw_view_stack_page_get_badge_number (page);
}

static void
duties_empty (UiFixture *f)
{
  ConcordatWindow *window = NULL;
  ConcordatDutiesView *view;

  set_today (FINISHED);
  view = open_duties (f, &window);
  concordat_test_wait_until (concordat_test_find_widget (GTK_WIDGET (view), ADW_TYPE_STATUS_PAGE,
                                                         is_mapped_title, "No Duties") != NULL);
  g_assert_cmpuint (badge_of (window), ==, 0);
}

#define OFFER_CONSERVATIVE "Offer Conservative the briefing on “Local plan”"
#define OFFER_LIB_DEM "Offer Liberal Democrat the briefing on “Local plan”"
#define CHECK_RECORD \
  "Check any written record of the Labour meeting that attributes advice to Director of Place"

static void
duties_sections (UiFixture *f)
{
  ConcordatWindow *window = NULL;
  ConcordatDutiesView *view;

  /* Wednesday 30 December: the offers were due the day before. */
  set_today ("2026-12-30");
  record_briefing (f);
  view = open_duties (f, &window);

  g_assert_cmpstr (group_of (view, OFFER_CONSERVATIVE), ==, "Overdue");
  g_assert_cmpstr (group_of (view, OFFER_LIB_DEM), ==, "Overdue");
  g_assert_cmpstr (group_of (view, CHECK_RECORD), ==, "To Do");
  g_assert_cmpuint (badge_of (window), ==, 2);
  g_assert_cmpuint (concordat_duties_view_get_due_count (view), ==, 2);

  concordat_test_assert_every_control_named (GTK_WIDGET (window), 6);
}

static void
duties_mark_done (UiFixture *f)
{
  ConcordatWindow *window = NULL;
  ConcordatDutiesView *view;
  GtkWidget *button;
  g_autoptr(GPtrArray) duties = NULL;

  set_today ("2026-12-30");
  record_briefing (f);
  view = open_duties (f, &window);

  button = concordat_test_find_widget (GTK_WIDGET (view), GTK_TYPE_BUTTON,
                                       concordat_test_accessible_label_is,
                                       "Mark “" OFFER_CONSERVATIVE "” done");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_activate (button));
  concordat_test_wait_until (g_strcmp0 (group_of (view, OFFER_CONSERVATIVE), "Done Lately") == 0);

  duties = all_duties (f);
  g_assert_cmpint (stored_duty (duties, OFFER_CONSERVATIVE)->status, ==, CONCORDAT_DUTY_DONE);
  g_assert_cmpint (stored_duty (duties, OFFER_LIB_DEM)->status, ==, CONCORDAT_DUTY_OVERDUE);
  concordat_test_wait_until (badge_of (window) == 1);
}

/* Put off to the next working day: from Wednesday 23 December 2026 that
 * is Thursday 24; from Thursday 24 it is Tuesday 29, after Christmas. */
static void
duties_snooze (UiFixture *f)
{
  const struct { const char *today; const char *until; } cases[] = {
    { "2026-12-23", "2026-12-24" },
    { "2026-12-24", "2026-12-29" },
  };
  ConcordatDutiesView *view;

  set_today (cases[0].today);
  record_briefing (f);
  view = open_duties (f, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) before = NULL;
      g_autoptr(GPtrArray) after = NULL;

      set_today (cases[i].today);
      before = all_duties (f);
      gtk_widget_activate_action (GTK_WIDGET (view), "duties.snooze-day", "x",
                                  stored_duty (before, CHECK_RECORD)->id);
      after = all_duties (f);
      g_assert_cmpstr (stored_duty (after, CHECK_RECORD)->snoozed_until, ==, cases[i].until);
      g_assert_null (stored_duty (after, OFFER_CONSERVATIVE)->snoozed_until);
    }

  /* A week on, from Thursday 24 December. */
  {
    g_autoptr(GPtrArray) before = all_duties (f);
    g_autoptr(GPtrArray) after = NULL;

    gtk_widget_activate_action (GTK_WIDGET (view), "duties.snooze-week", "x",
                                stored_duty (before, OFFER_LIB_DEM)->id);
    after = all_duties (f);
    g_assert_cmpstr (stored_duty (after, OFFER_LIB_DEM)->snoozed_until, ==, "2026-12-31");
  }
}

static AdwMessageDialog *
find_dialog (void)
{
  return ADW_MESSAGE_DIALOG (concordat_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

/* A date chosen on the calendar: Friday 8 January 2027; a day in the past
 * is refused, and nothing changes. */
static void
duties_snooze_until (UiFixture *f)
{
  ConcordatDutiesView *view;
  AdwMessageDialog *dialog;
  g_autoptr(GDateTime) chosen = g_date_time_new_local (2027, 1, 8, 0, 0, 0);
  g_autoptr(GDateTime) past = g_date_time_new_local (2026, 12, 1, 0, 0, 0);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  gint64 id;

  set_today ("2026-12-23");
  record_briefing (f);
  view = open_duties (f, NULL);
  before = all_duties (f);
  id = stored_duty (before, CHECK_RECORD)->id;

  gtk_widget_activate_action (GTK_WIDGET (view), "duties.snooze-until", "x", id);
  concordat_test_wait_until ((dialog = find_dialog ()) != NULL);
  gtk_calendar_select_day (GTK_CALENDAR (adw_message_dialog_get_extra_child (dialog)), chosen);
  adw_message_dialog_response (dialog, "snooze");
  gtk_window_destroy (GTK_WINDOW (dialog));
  after = all_duties (f);
  g_assert_cmpstr (stored_duty (after, CHECK_RECORD)->snoozed_until, ==, "2027-01-08");

  gtk_widget_activate_action (GTK_WIDGET (view), "duties.snooze-until", "x", id);
  concordat_test_wait_until ((dialog = find_dialog ()) != NULL);
  gtk_calendar_select_day (GTK_CALENDAR (adw_message_dialog_get_extra_child (dialog)), past);
  adw_message_dialog_response (dialog, "snooze");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_clear_pointer (&after, g_ptr_array_unref);
  after = all_duties (f);
  g_assert_cmpstr (stored_duty (after, CHECK_RECORD)->snoozed_until, ==, "2027-01-08");
}

/* A duty's row opens the action it came from in the Record view. */
static void
duties_open_action (UiFixture *f)
{
  ConcordatWindow *window = NULL;
  ConcordatDutiesView *view;
  GtkWidget *row;
  GtkWidget *record;

  set_today ("2026-12-23");
  record_briefing (f);
  view = open_duties (f, &window);
  row = concordat_test_find_widget (GTK_WIDGET (view), ADW_TYPE_ACTION_ROW, is_mapped_title, CHECK_RECORD);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_activate (row));

  record = concordat_test_find_widget (GTK_WIDGET (window), CONCORDAT_TYPE_RECORD_VIEW, NULL, NULL);
  concordat_test_wait_until (gtk_widget_get_mapped (record));
  /* The action's page: its summary, and the duty among its duties. */
  concordat_test_wait_until (concordat_test_find_widget (record, GTK_TYPE_WIDGET, is_mapped_title,
                                                         CHECK_RECORD) != NULL);
}

/* A reminder's Open: the window shows the Duties view with the duty's row
 * focused, from whichever view it was on. */
static void
duties_show_duty (UiFixture *f)
{
  ConcordatWindow *window;
  GtkWidget *view;
  GtkWidget *row;
  g_autoptr(GPtrArray) duties = NULL;

  set_today ("2026-12-23");
  record_briefing (f);
  duties = all_duties (f);
  window = concordat_test_open_window (f);
  view = concordat_test_find_widget (GTK_WIDGET (window), CONCORDAT_TYPE_DUTIES_VIEW, NULL, NULL);
  g_assert_false (gtk_widget_get_mapped (view));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-duty", "x", stored_duty (duties, CHECK_RECORD)->id);
  concordat_test_wait_until (gtk_widget_get_mapped (view));
  row = concordat_test_find_widget (view, ADW_TYPE_ACTION_ROW, is_mapped_title, CHECK_RECORD);
  g_assert_nonnull (row);
  concordat_test_wait_until (concordat_test_has_focus_within (row));
}

/* The window marks duties done while command lines finish briefing
 * requests on the same database, each holding the write lock in turn:
 * every duty the window marked is stored done, every request the command
 * line said it recorded is there, and neither was told the database was
 * locked or busy. */
#define WRITERS 2

static void
duties_while_others_write (UiFixture *f)
{
  g_autofree char *answers_path = g_build_filename (f->data_dir, "answers.json", NULL);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GArray) marked = g_array_new (FALSE, FALSE, sizeof (gint64));
  GSubprocess *writers[WRITERS];
  g_autoptr(GError) error = NULL;
  ConcordatDutiesView *view;
  guint actions_before, recorded = 0;

  set_today (FINISHED);
  record_briefing (f);
  for (guint i = 0; i < 10; i++)
    concordat_test_record_briefing (f, FINISHED);
  before = all_duties (f);
  actions_before = count_actions (f);
  g_assert_true (g_file_set_contents (answers_path,
                                      "{\"requesting_group\": \"Labour\", \"requester_role\": \"group-leader\","
                                      " \"topic\": \"Local plan\", \"council_business\": true,"
                                      " \"officer\": \"Director of Place\", \"officer_is_senior\": true,"
                                      " \"meeting_date\": \"2027-01-07\", \"non_members_present\": false,"
                                      " \"budget_proposals\": false}", -1, NULL));

  view = open_duties (f, NULL);

  /* Each writer finishes requests for as long as the window is marking,
   * and prints one line for each recorded. */
  for (guint w = 0; w < WRITERS; w++)
    {
      writers[w] = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                                     "/bin/sh", "-c",
                                     "while [ ! -e \"$1.stop\" ]; do "
                                     "\"$CONCORDAT\" wizard run briefing --answers \"$1\" >/dev/null || exit 1; "
                                     "echo recorded; done",
                                     "writer", answers_path, NULL);
      g_assert_no_error (error);
    }

  /* The window marks once the command lines are writing, and goes on
   * drawing for a tenth of a second between clicks, as a user's would. */
  concordat_test_wait_until (count_actions (f) >= actions_before + WRITERS);
  for (guint i = 0; i < before->len; i++)
    {
      const ConcordatDuty *duty = g_ptr_array_index (before, i);
      gint64 until;

      if (duty->done_at != NULL)
        continue;
      gtk_widget_activate_action (GTK_WIDGET (view), "duties.done", "x", duty->id);
      g_array_append_val (marked, duty->id);
      until = g_get_monotonic_time () + G_USEC_PER_SEC / 10;
      concordat_test_wait_until (g_get_monotonic_time () >= until);
    }
  g_assert_cmpuint (marked->len, >=, 10);

  {
    g_autofree char *stop = g_strconcat (answers_path, ".stop", NULL);

    g_assert_true (g_file_set_contents (stop, "", 0, NULL));
  }
  for (guint w = 0; w < WRITERS; w++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_true (g_subprocess_communicate_utf8 (writers[w], NULL, NULL, &out, &err, &error));
      g_assert_no_error (error);
      g_test_message ("writer %u: %s", w, err);
      g_assert_true (g_subprocess_get_if_exited (writers[w]));
      g_assert_cmpint (g_subprocess_get_exit_status (writers[w]), ==, 0);
      g_assert_null (strstr (err, "locked"));
      g_assert_null (strstr (err, "busy"));
      for (const char *p = out; (p = strstr (p, "recorded")) != NULL; p++)
        recorded++;
      g_object_unref (writers[w]);
    }

  /* Nothing lost on either side. */
  after = all_duties (f);
  for (guint i = 0; i < marked->len; i++)
    {
      gint64 id = g_array_index (marked, gint64, i);
      gboolean done = FALSE;

      for (guint j = 0; j < after->len; j++)
        {
          const ConcordatDuty *duty = g_ptr_array_index (after, j);

          if (duty->id == id)
            done = duty->done_at != NULL;
        }
      g_assert_true (done);
    }
  g_test_message ("the window marked %u duties done while %u requests were recorded by %d command lines",
                  marked->len, recorded, WRITERS);
  g_assert_cmpuint (recorded, >, 0);
  g_assert_cmpuint (count_actions (f), ==, actions_before + recorded);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);

#define ADD_BODY(path, body) \
  g_test_add ("/duties-view/" path, UiFixture, body, \
              concordat_test_fixture_set_up, concordat_test_run_data, concordat_test_fixture_tear_down)

  ADD_BODY ("empty", duties_empty);
  ADD_BODY ("sections", duties_sections);
  ADD_BODY ("mark-done", duties_mark_done);
  ADD_BODY ("snooze", duties_snooze);
  ADD_BODY ("snooze-until", duties_snooze_until);
  ADD_BODY ("open-action", duties_open_action);
  ADD_BODY ("show-duty", duties_show_duty);
  ADD_BODY ("while-others-write", duties_while_others_write);

#undef ADD_BODY

  return g_test_run ();
}
