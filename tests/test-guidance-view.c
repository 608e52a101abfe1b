/* test-guidance-view.c: the Guidance view in the real window under Xvfb:
 * the list of wizards, those for the user's role first; each of the three
 * wizards driven through its controls to Finish, with what is stored
 * checked; a stop that records nothing; questions and steps that come and
 * go with the answers; Next held back, saying why; no party groups yet;
 * a draft kept across closing the window; Cancel; the protocol's
 * paragraphs beside each step, opening in the reader, or its saying it has
 * none on the topic; a question on several groups, from a wizard of the
 * test's own; a Finish the store refuses; the keyboard; answers shown as
 * text; every control named, wide and narrow.
 *
 * Today is Wednesday 23 December 2026 (CONCORDAT_TODAY), so two working
 * days on is Tuesday 29 December.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "concordat-council.h"
#include "concordat-guidance-view.h"
#include "concordat-library.h"
#include "concordat-protocol-view.h"
#include "concordat-record.h"
#include "concordat-test-ui.h"
#include "concordat-wizard-runner.h"

#define TODAY "2026-12-23"

/* --- the council --- */

static ConcordatStore *
store_of (UiFixture *f)
{
  return concordat_application_get_store (f->app);
}

static void
set_up_council (UiFixture *f)
{
  static const char * const groups[] = { "Labour", "Conservative", "Liberal Democrat" };
  static const char * const wards[] = { "Abbey", "Castle" };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      g_autoptr(ConcordatGroup) group = concordat_council_add_group (store_of (f), groups[i], "", &error);

      g_assert_no_error (error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (wards); i++)
    {
      g_autoptr(ConcordatWard) ward = concordat_council_add_ward (store_of (f), wards[i], &error);

      g_assert_no_error (error);
    }
}

/* --- what is stored --- */

static GPtrArray *
stored_actions (UiFixture *f)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *actions = concordat_record_list_actions (store_of (f), NULL, &error);

  g_assert_no_error (error);
  return actions;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Each duty as "title | due", sorted, joined by new lines. */
static char *
stored_duties (UiFixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = g_date_new_dmy (23, G_DATE_DECEMBER, 2026);
  g_autoptr(GPtrArray) duties = concordat_record_list_duties (store_of (f), CONCORDAT_DUTY_FILTER_ALL, today, &error);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  for (guint i = 0; i < duties->len; i++)
    {
      ConcordatDuty *duty = g_ptr_array_index (duties, i);

      g_ptr_array_add (lines, g_strdup_printf ("%s | %s", duty->title, duty->due));
    }
  g_ptr_array_sort (lines, compare_strings);
  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **) lines->pdata);
}

/* The ledger as "topic: group=state, …", groups sorted. */
static char *
stored_ledger (UiFixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) topics = concordat_record_ledger (store_of (f), &error);
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < topics->len; i++)
    {
      ConcordatLedgerTopic *topic = g_ptr_array_index (topics, i);
      g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

      for (guint j = 0; j < topic->cells->len; j++)
        {
          ConcordatLedgerCell *cell = g_ptr_array_index (topic->cells, j);

          g_ptr_array_add (cells, g_strdup_printf ("%s=%s", cell->group, cell->state));
        }
      g_autofree char *joined = NULL;

      g_ptr_array_sort (cells, compare_strings);
      g_ptr_array_add (cells, NULL);
      joined = g_strjoinv (", ", (char **) cells->pdata);
      g_string_append_printf (text, "%s%s: %s", i > 0 ? "\n" : "", topic->topic, joined);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
has_draft (UiFixture  *f,
           const char *wizard)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordatDraft) draft = concordat_record_load_draft (store_of (f), wizard, &error);

  g_assert_no_error (error);
  return draft != NULL;
}

static void
assert_nothing_stored (UiFixture *f)
{
  g_autoptr(GPtrArray) actions = stored_actions (f);
  g_autofree char *duties = stored_duties (f);
  g_autofree char *ledger = stored_ledger (f);

  g_assert_cmpuint (actions->len, ==, 0);
  g_assert_cmpstr (duties, ==, "");
  g_assert_cmpstr (ledger, ==, "");
}

/* --- finding things on screen --- */

static gboolean
is_mapped (GtkWidget  *widget,
           const char *unused)
{
  return gtk_widget_get_mapped (widget);
}

static gboolean
text_is (GtkWidget  *widget,
         const char *text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
text_has (GtkWidget  *widget,
          const char *text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

/* A message in the error style. */
static gboolean
error_is (GtkWidget  *widget,
          const char *text)
{
  return text_is (widget, text) && gtk_widget_has_css_class (widget, "error");
}

/* A label on screen under @root saying @text. */
static gboolean
shows (GtkWidget  *root,
       const char *text)
{
  return concordat_test_find_widget (root, GTK_TYPE_LABEL, text_is, text) != NULL;
}

/* Rows' titles are markup: the text escaped. */
static gboolean
mapped_title_is (GtkWidget  *widget,
                 const char *title)
{
  g_autofree char *markup = g_markup_escape_text (title, -1);

  return gtk_widget_get_mapped (widget) && concordat_test_title_is (widget, markup);
}

static GtkWidget *
find_row (GtkWidget  *root,
          GType       type,
          const char *title)
{
  GtkWidget *row = concordat_test_find_widget (root, type, mapped_title_is, title);

  if (row == NULL)
    g_error ("No row “%s” on screen", title);
  return row;
}

static AdwViewStack *
view_stack_of (ConcordatWindow *window)
{
  return ADW_VIEW_STACK (concordat_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK, NULL, NULL));
}

static ConcordatGuidanceView *
open_guidance (UiFixture        *f,
               ConcordatWindow **window_out)
{
  ConcordatWindow *window = concordat_test_open_window (f);
  GtkWidget *view = concordat_test_find_widget (GTK_WIDGET (window), CONCORDAT_TYPE_GUIDANCE_VIEW, NULL, NULL);

  g_assert_nonnull (view);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "guidance");
  concordat_test_wait_until (gtk_widget_get_mapped (view) &&
                             shows (view, "Step-by-Step Guidance"));
  if (window_out != NULL)
    *window_out = window;
  return CONCORDAT_GUIDANCE_VIEW (view);
}

static ConcordatWizardRunner *
runner_on_screen (ConcordatGuidanceView *view)
{
  return (ConcordatWizardRunner *) concordat_test_find_widget (GTK_WIDGET (view), CONCORDAT_TYPE_WIZARD_RUNNER,
                                                               is_mapped, NULL);
}

static ConcordatWizardRunner *
start_wizard (ConcordatGuidanceView *view,
              const char            *title)
{
  ConcordatWizardRunner *runner;

  g_assert_true (gtk_widget_activate (find_row (GTK_WIDGET (view), ADW_TYPE_ACTION_ROW, title)));
  concordat_test_wait_until ((runner = runner_on_screen (view)) != NULL);
  g_assert_cmpstr (concordat_wizard_get_title (concordat_wizard_runner_get_wizard (runner)), ==, title);
  return runner;
}

static gboolean
step_is (ConcordatWizardRunner *runner,
         const char            *title,
         const char            *count)
{
  return shows (GTK_WIDGET (runner), title) && shows (GTK_WIDGET (runner), count);
}

static GtkWidget *
next_button_of (ConcordatWizardRunner *runner)
{
  return concordat_test_find_button (GTK_WIDGET (runner), "_Next");
}

static void
next (ConcordatWizardRunner *runner)
{
  concordat_test_click (next_button_of (runner));
}

/* --- answering, through the controls --- */

static void
type_text (ConcordatWizardRunner *runner,
           const char            *question,
           const char            *text)
{
  gtk_editable_set_text (GTK_EDITABLE (find_row (GTK_WIDGET (runner), ADW_TYPE_ENTRY_ROW, question)), text);
}

static void
answer_yes_no (ConcordatWizardRunner *runner,
               const char            *question,
               gboolean               yes)
{
  GtkWidget *row = find_row (GTK_WIDGET (runner), ADW_TYPE_ACTION_ROW, question);
  GtkWidget *button = concordat_test_find_widget (row, GTK_TYPE_TOGGLE_BUTTON, concordat_test_label_is,
                                                  yes ? "Yes" : "No");

  g_assert_nonnull (button);
  concordat_test_click (button);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
}

/* The list under a question asked by a list of its own. */
static GtkWidget *
block_of (ConcordatWizardRunner *runner,
          const char            *question)
{
  GtkWidget *label = concordat_test_find_widget (GTK_WIDGET (runner), GTK_TYPE_LABEL, text_is, question);

  if (label == NULL)
    g_error ("No question “%s” on screen", question);
  return gtk_widget_get_parent (gtk_widget_get_parent (label));
}

static void
choose (ConcordatWizardRunner *runner,
        const char            *question,
        const char            *option)
{
  GtkWidget *row = find_row (block_of (runner, question), ADW_TYPE_ACTION_ROW, option);
  GtkWidget *check = concordat_test_find_widget (row, GTK_TYPE_CHECK_BUTTON, NULL, NULL);

  /* Clicking the row ticks its button. */
  g_assert_true (gtk_widget_activate (row));
  concordat_test_wait_until (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
}

static void
choose_ward (ConcordatWizardRunner *runner,
             const char            *question,
             const char            *ward)
{
  AdwComboRow *row = ADW_COMBO_ROW (find_row (GTK_WIDGET (runner), ADW_TYPE_COMBO_ROW, question));
  GListModel *model = adw_combo_row_get_model (row);

  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (model), 0), ==, "Choose…");
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), ward))
      {
        adw_combo_row_set_selected (row, i);
        return;
      }
  g_error ("No ward “%s” to choose", ward);
}

static void
type_long_text (ConcordatWizardRunner *runner,
                const char            *question,
                const char            *text)
{
  GtkWidget *view = concordat_test_find_widget (block_of (runner, question), GTK_TYPE_TEXT_VIEW, NULL, NULL);

  g_assert_nonnull (view);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

/* From the calendar in the row's popover. */
static void
pick_date (ConcordatWizardRunner *runner,
           const char            *question,
           int                    year,
           int                    month,
           int                    day)
{
  GtkWidget *row = find_row (GTK_WIDGET (runner), ADW_TYPE_ACTION_ROW, question);
  GtkWidget *button = concordat_test_find_widget (row, GTK_TYPE_MENU_BUTTON, NULL, NULL);
  GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  GtkWidget *calendar = concordat_test_find_widget (GTK_WIDGET (popover), GTK_TYPE_CALENDAR, NULL, NULL);
  g_autoptr(GDateTime) date = g_date_time_new_local (year, month, day, 12, 0, 0);

  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  concordat_test_wait_until (gtk_widget_get_mapped (calendar));
  gtk_calendar_select_day (GTK_CALENDAR (calendar), date);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  concordat_test_wait_until (!gtk_widget_get_mapped (calendar));
}

static void
type_date (ConcordatWizardRunner *runner,
           const char            *question,
           const char            *text)
{
  GtkWidget *row = find_row (GTK_WIDGET (runner), ADW_TYPE_ACTION_ROW, question);

  gtk_editable_set_text (GTK_EDITABLE (concordat_test_find_widget (row, GTK_TYPE_ENTRY, NULL, NULL)), text);
}

/* Finish, and the toast that says what was recorded. */
static void
finish (ConcordatGuidanceView *view,
        ConcordatWindow       *window,
        const char            *summary)
{
  ConcordatWizardRunner *runner = runner_on_screen (view);
  g_autofree char *recorded = g_strdup_printf ("Recorded: %s", summary);

  concordat_test_wait_until (shows (GTK_WIDGET (runner), "Summary"));
  concordat_test_click (concordat_test_find_button (GTK_WIDGET (runner), "_Finish"));
  concordat_test_wait_until (runner_on_screen (view) == NULL &&
                             shows (GTK_WIDGET (view), "Step-by-Step Guidance") &&
                             shows (GTK_WIDGET (window), recorded));
}

/* --- the briefing, answered up to its summary --- */

static const char *BRIEFING_SUMMARY =
  "Briefing on “Local plan” for Labour by Director of Place on Thursday 7 January 2027";

static void
briefing_request (ConcordatWizardRunner *runner)
{
  choose (runner, "Which party group is asking for the briefing?", "Labour");
  choose (runner, "Who made the request?", "The group leader");
  type_text (runner, "What is the briefing about?", "Local plan");
  answer_yes_no (runner, "Is it about council business?", TRUE);
}

static void
briefing_to_summary (ConcordatWizardRunner *runner)
{
  concordat_test_wait_until (step_is (runner, "The request", "Step 1 of 4"));
  briefing_request (runner);
  next (runner);

  concordat_test_wait_until (step_is (runner, "Who will brief the group", "Step 2 of 4"));
  type_text (runner, "Which officer will brief the group?", "Director of Place");
  answer_yes_no (runner, "Is that officer a chief officer or senior officer?", TRUE);
  next (runner);

  concordat_test_wait_until (step_is (runner, "The meeting", "Step 3 of 4"));
  pick_date (runner, "When is the group meeting?", 2027, 1, 7);
  concordat_test_wait_until (shows (GTK_WIDGET (runner), "Required\nThursday 7 January 2027"));
  answer_yes_no (runner, "Will anyone who is not a councillor be at the meeting?", FALSE);
  answer_yes_no (runner, "Is it about the group's own budget proposals?", FALSE);
  next (runner);

  concordat_test_wait_until (step_is (runner, "Summary", "Step 4 of 4"));
}

/* --- the tests --- */

static char *
row_titles (GtkListBox *list)
{
  g_autoptr(GString) titles = g_string_new (NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row != NULL; row = gtk_widget_get_next_sibling (row))
    g_string_append_printf (titles, "%s%s", titles->len > 0 ? "; " : "",
                            adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  return g_string_free (g_steal_pointer (&titles), FALSE);
}

static GtkListBox *
wizards_list_of (ConcordatGuidanceView *view)
{
  return GTK_LIST_BOX (concordat_test_find_widget (GTK_WIDGET (view), GTK_TYPE_LIST_BOX,
                                                   concordat_test_accessible_label_is, "Guidance"));
}

/* The three wizards, each saying when to use it and who it is for. */
static void
guidance_list (UiFixture *f)
{
  ConcordatGuidanceView *view = open_guidance (f, NULL);
  g_autofree char *titles = row_titles (wizards_list_of (view));
  GtkWidget *briefing = find_row (GTK_WIDGET (view), ADW_TYPE_ACTION_ROW, "Party group briefing request");

  /* Officers by default, and all three are for officers. */
  g_assert_cmpstr (titles, ==, "Party group briefing request; Media contact checklist; "
                               "Member visit to council premises");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (briefing)), ==,
                   "A party group has asked for an officer to brief it on a council matter.\nFor officers");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (find_row (GTK_WIDGET (view), ADW_TYPE_ACTION_ROW,
                                                                          "Media contact checklist"))), ==,
                   "A journalist has been in touch, or you want to speak to the press.\n"
                   "For councillors and officers");
  g_assert_false (shows (GTK_WIDGET (view), "In progress"));
}

/* A councillor sees the wizards for councillors first. */
static void
guidance_role_first (UiFixture *f)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  ConcordatGuidanceView *view;
  g_autofree char *titles = NULL;

  g_settings_set_string (settings, "role", "councillor");
  view = open_guidance (f, NULL);
  titles = row_titles (wizards_list_of (view));
  g_assert_cmpstr (titles, ==, "Media contact checklist; Member visit to council premises; "
                               "Party group briefing request");
}

/* The briefing, to Finish: the action, a duty to offer each other group
 * the briefing and one to check the record, and the ledger. */
static void
guidance_briefing (UiFixture *f)
{
  ConcordatWindow *window;
  ConcordatGuidanceView *view;
  g_autoptr(GPtrArray) actions = NULL;
  g_autofree char *duties = NULL;
  g_autofree char *ledger = NULL;

  set_up_council (f);
  view = open_guidance (f, &window);
  briefing_to_summary (start_wizard (view, "Party group briefing request"));

  /* The summary shows what Finish records. */
  g_assert_true (shows (GTK_WIDGET (view), BRIEFING_SUMMARY));
  g_assert_true (shows (GTK_WIDGET (view), "Request made by: The group leader."));
  g_assert_true (shows (GTK_WIDGET (view), "Offer Conservative the briefing on “Local plan”"));
  g_assert_true (shows (GTK_WIDGET (view), "Due Tuesday 29 December 2026"));
  g_assert_true (shows (GTK_WIDGET (view), "Due Monday 11 January 2027"));
  g_assert_true (shows (GTK_WIDGET (view), "To be offered"));
  assert_nothing_stored (f);

  finish (view, window, BRIEFING_SUMMARY);

  actions = stored_actions (f);
  g_assert_cmpuint (actions->len, ==, 1);
  g_assert_cmpstr (((ConcordatAction *) g_ptr_array_index (actions, 0))->wizard, ==, "briefing");
  g_assert_cmpstr (((ConcordatAction *) g_ptr_array_index (actions, 0))->summary, ==, BRIEFING_SUMMARY);
  g_assert_cmpstr (((ConcordatAction *) g_ptr_array_index (actions, 0))->date, ==, TODAY);
  duties = stored_duties (f);
  g_assert_cmpstr (duties, ==,
                   "Check any written record of the Labour meeting that attributes advice to Director of Place | 2027-01-11\n"
                   "Offer Conservative the briefing on “Local plan” | 2026-12-29\n"
                   "Offer Liberal Democrat the briefing on “Local plan” | 2026-12-29");
  ledger = stored_ledger (f);
  g_assert_cmpstr (ledger, ==, "Local plan: Conservative=to-offer, Labour=requested, Liberal Democrat=to-offer");
  g_assert_false (has_draft (f, "briefing"));

  /* The toast's button opens the Record view. */
  concordat_test_click (concordat_test_find_button (GTK_WIDGET (window), "_Open Record"));
  concordat_test_wait_until (g_str_equal (adw_view_stack_get_visible_child_name (view_stack_of (window)), "record"));
}

/* The visit, to Finish; the question on why it was not arranged comes
 * and goes with the answers before it. */
static void
guidance_premises_visit (UiFixture *f)
{
  static const char *why = "If arranging it beforehand is not practicable, why not?";
  static const char *summary = "Cllr Ada Jones visiting Willowholme depot (Castle) on Tuesday 5 January 2027";
  ConcordatWindow *window;
  ConcordatGuidanceView *view;
  ConcordatWizardRunner *runner;
  g_autoptr(GPtrArray) actions = NULL;
  g_autofree char *duties = NULL;

  set_up_council (f);
  view = open_guidance (f, &window);
  runner = start_wizard (view, "Member visit to council premises");

  concordat_test_wait_until (step_is (runner, "The visit", "Step 1 of 4"));
  type_text (runner, "Which councillor is visiting?", "Cllr Ada Jones");
  choose_ward (runner, "Which ward does the councillor represent?", "Abbey");
  type_text (runner, "Which premises?", "Willowholme depot");
  choose_ward (runner, "Which ward are the premises in?", "Castle");
  type_date (runner, "When is the visit?", "2027-01-05");
  type_long_text (runner, "What is the visit for?", "To see the gritters");
  next (runner);

  concordat_test_wait_until (step_is (runner, "Children and vulnerable people", "Step 2 of 4"));
  answer_yes_no (runner, "Is it a school, care home or other place where children or vulnerable adults are looked after?", FALSE);
  next (runner);

  concordat_test_wait_until (step_is (runner, "Arrangements", "Step 3 of 4"));
  g_assert_false (shows (GTK_WIDGET (runner), why));
  answer_yes_no (runner, "Has the visit been arranged with the manager in charge?", FALSE);
  concordat_test_wait_until (shows (GTK_WIDGET (runner), why));
  answer_yes_no (runner, "Has the visit been arranged with the manager in charge?", TRUE);
  concordat_test_wait_until (!shows (GTK_WIDGET (runner), why));
  answer_yes_no (runner, "Has the visit been arranged with the manager in charge?", FALSE);
  concordat_test_wait_until (shows (GTK_WIDGET (runner), why));
  /* Optional: left empty, Concordat adds a duty to arrange it. */
  answer_yes_no (runner, "Will the councillor follow the health, safety and security rules of the premises?", TRUE);
  answer_yes_no (runner, "Will the councillor take care not to interfere with the running of the service?", TRUE);
  next (runner);

  finish (view, window, summary);
  actions = stored_actions (f);
  g_assert_cmpuint (actions->len, ==, 1);
  g_assert_cmpstr (((ConcordatAction *) g_ptr_array_index (actions, 0))->summary, ==, summary);
  duties = stored_duties (f);
  g_assert_cmpstr (duties, ==,
                   "Arrange Cllr Ada Jones's visit to Willowholme depot with the manager in charge | 2027-01-04\n"
                   "Tell the members for Castle about Cllr Ada Jones's visit to Willowholme depot | 2027-01-04");
}

/* Media contact: the step for an officer appears once the answer says
 * an officer is in contact, and the count of steps with it. */
static void
guidance_media_contact (UiFixture *f)
{
  static const char *summary = "Media contact with Cumberland News on “Bin collections”, Wednesday 6 January 2027";
  ConcordatWindow *window;
  ConcordatGuidanceView *view;
  ConcordatWizardRunner *runner;
  g_autoptr(GPtrArray) actions = NULL;
  g_autofree char *duties = NULL;
  g_autofree char *ledger = NULL;

  set_up_council (f);
  view = open_guidance (f, &window);
  runner = start_wizard (view, "Media contact checklist");

  concordat_test_wait_until (step_is (runner, "The contact", "Step 1 of 2"));
  choose (runner, "Who is in contact with the media?", "An officer");
  concordat_test_wait_until (step_is (runner, "The contact", "Step 1 of 3"));
  type_text (runner, "Which newspaper, broadcaster or other outlet?", "Cumberland News");
  pick_date (runner, "When is, or was, the contact?", 2027, 1, 6);
  type_text (runner, "What is it about?", "Bin collections");
  answer_yes_no (runner, "Is a council press release wanted?", FALSE);
  next (runner);

  concordat_test_wait_until (step_is (runner, "Speaking as an officer", "Step 2 of 3"));
  answer_yes_no (runner, "Are you authorised to respond to the media on this?", TRUE);
  answer_yes_no (runner, "Does the communications team know about it?", FALSE);
  type_text (runner, "Which councillors should be kept informed?", "Cllr Ada Jones");
  answer_yes_no (runner, "Is the matter sensitive — contentious, legal, or about an individual?", FALSE);
  next (runner);

  finish (view, window, summary);
  actions = stored_actions (f);
  g_assert_cmpuint (actions->len, ==, 1);
  g_assert_cmpstr (((ConcordatAction *) g_ptr_array_index (actions, 0))->wizard, ==, "media-contact");
  duties = stored_duties (f);
  g_assert_cmpstr (duties, ==,
                   "Tell Cllr Ada Jones about the contact with Cumberland News on “Bin collections” | 2026-12-24\n"
                   "Tell the communications team about the media interest in “Bin collections” | 2027-01-06");
  ledger = stored_ledger (f);
  g_assert_cmpstr (ledger, ==, "");
}

/* Party business stops the briefing: the reason and the protocol, Go
 * Back to change the answer, or Close; nothing is recorded. */
static void
guidance_stop (UiFixture *f)
{
  ConcordatGuidanceView *view;
  ConcordatWizardRunner *runner;
  GtkWidget *stop;

  set_up_council (f);
  view = open_guidance (f, NULL);
  runner = start_wizard (view, "Party group briefing request");
  choose (runner, "Which party group is asking for the briefing?", "Labour");
  answer_yes_no (runner, "Is it about council business?", FALSE);
  next (runner);

  concordat_test_wait_until ((stop = concordat_test_find_widget (GTK_WIDGET (runner), ADW_TYPE_STATUS_PAGE,
                                                                 mapped_title_is, "This Cannot Go Ahead")) != NULL);
  g_assert_true (g_str_has_prefix (adw_status_page_get_description (ADW_STATUS_PAGE (stop)),
                                   "Officers may brief a party group on council business only"));
  g_assert_nonnull (concordat_test_find_widget (stop, ADW_TYPE_ACTION_ROW, mapped_title_is, "8.2"));
  g_assert_false (gtk_widget_get_mapped (next_button_of (runner)));

  concordat_test_click (concordat_test_find_button (stop, "_Go Back"));
  concordat_test_wait_until (step_is (runner, "The request", "Step 1 of 4"));
  next (runner);
  concordat_test_wait_until (gtk_widget_get_mapped (stop));
  concordat_test_click (concordat_test_find_button (stop, "_Close"));
  concordat_test_wait_until (runner_on_screen (view) == NULL);

  assert_nothing_stored (f);
  g_assert_false (has_draft (f, "briefing"));
}

/* Next waits for the step's required answers, and says what is missing. */
static void
guidance_next_needs_answers (UiFixture *f)
{
  ConcordatGuidanceView *view;
  ConcordatWizardRunner *runner;
  GtkWidget *next_button;

  set_up_council (f);
  view = open_guidance (f, NULL);
  runner = start_wizard (view, "Party group briefing request");
  next_button = next_button_of (runner);

  g_assert_false (gtk_widget_is_sensitive (next_button));
  g_assert_true (shows (GTK_WIDGET (runner),
                        "To go on, answer “Which party group is asking for the briefing?” and 3 more questions"));
  choose (runner, "Which party group is asking for the briefing?", "Labour");
  choose (runner, "Who made the request?", "The group leader");
  answer_yes_no (runner, "Is it about council business?", TRUE);
  g_assert_false (gtk_widget_is_sensitive (next_button));
  g_assert_true (shows (GTK_WIDGET (runner), "To go on, answer “What is the briefing about?”"));

  type_text (runner, "What is the briefing about?", "Local plan");
  g_assert_true (gtk_widget_is_sensitive (next_button));
  g_assert_null (concordat_test_find_widget (GTK_WIDGET (runner), GTK_TYPE_LABEL, text_has, "To go on"));

  /* Emptied again, it is missing again. */
  type_text (runner, "What is the briefing about?", "   ");
  g_assert_false (gtk_widget_is_sensitive (next_button));
  g_assert_nonnull (concordat_test_find_widget (GTK_WIDGET (runner), GTK_TYPE_LABEL, text_has,
                                                "This question needs an answer: What is the briefing about?"));
}

/* A council with no party groups yet is told where to add them. */
static void
guidance_no_groups (UiFixture *f)
{
  ConcordatGuidanceView *view = open_guidance (f, NULL);
  ConcordatWizardRunner *runner = start_wizard (view, "Party group briefing request");
  GtkWidget *block = block_of (runner, "Which party group is asking for the briefing?");
  GtkWidget *row = find_row (block, ADW_TYPE_ACTION_ROW, "No party groups — add them in Preferences");
  GtkWidget *errors = concordat_test_find_widget (GTK_WIDGET (runner), GTK_TYPE_LABEL, error_is,
                                                  "No party groups — add them in Preferences");

  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (row)), ==, "app.preferences");
  g_assert_nonnull (errors);
  g_assert_false (gtk_widget_is_sensitive (next_button_of (runner)));
}

/* Answers survive the window closing; Continue brings them back. */
static void
guidance_draft (UiFixture *f)
{
  ConcordatGuidanceView *view;
  ConcordatWizardRunner *runner;
  AdwMessageDialog *dialog;
  GtkWidget *check;

  set_up_council (f);
  view = open_guidance (f, NULL);
  runner = start_wizard (view, "Party group briefing request");
  briefing_request (runner);
  next (runner);
  concordat_test_wait_until (step_is (runner, "Who will brief the group", "Step 2 of 4"));
  type_text (runner, "Which officer will brief the group?", "Director of Place");
  g_assert_true (has_draft (f, "briefing"));

  concordat_test_close_windows ();
  view = open_guidance (f, NULL);
  g_assert_nonnull (concordat_test_find_widget (find_row (GTK_WIDGET (view), ADW_TYPE_ACTION_ROW,
                                                          "Party group briefing request"),
                                                GTK_TYPE_LABEL, text_is, "In progress"));
  g_assert_true (gtk_widget_activate (find_row (GTK_WIDGET (view), ADW_TYPE_ACTION_ROW, "Party group briefing request")));
  concordat_test_wait_until ((dialog = ADW_MESSAGE_DIALOG (concordat_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG))) != NULL &&
                             gtk_widget_get_mapped (GTK_WIDGET (dialog)));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Continue where you left off?");
  concordat_test_click (concordat_test_find_button (GTK_WIDGET (dialog), "_Continue"));

  /* Where it was left, with the answers given. */
  concordat_test_wait_until ((runner = runner_on_screen (view)) != NULL &&
                             step_is (runner, "Who will brief the group", "Step 2 of 4"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (GTK_WIDGET (runner), ADW_TYPE_ENTRY_ROW,
                                                                   "Which officer will brief the group?"))),
                   ==, "Director of Place");
  concordat_test_click (concordat_test_find_button (GTK_WIDGET (runner), "_Back"));
  concordat_test_wait_until (step_is (runner, "The request", "Step 1 of 4"));
  check = concordat_test_find_widget (find_row (GTK_WIDGET (runner), ADW_TYPE_ACTION_ROW, "Labour"),
                                      GTK_TYPE_CHECK_BUTTON, NULL, NULL);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (GTK_WIDGET (runner), ADW_TYPE_ENTRY_ROW,
                                                                   "What is the briefing about?"))),
                   ==, "Local plan");

  /* Start Again forgets them. */
  concordat_test_close_windows ();
  view = open_guidance (f, NULL);
  g_assert_true (gtk_widget_activate (find_row (GTK_WIDGET (view), ADW_TYPE_ACTION_ROW, "Party group briefing request")));
  concordat_test_wait_until ((dialog = ADW_MESSAGE_DIALOG (concordat_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG))) != NULL &&
                             gtk_widget_get_mapped (GTK_WIDGET (dialog)));
  concordat_test_click (concordat_test_find_button (GTK_WIDGET (dialog), "_Start Again"));
  concordat_test_wait_until ((runner = runner_on_screen (view)) != NULL &&
                             step_is (runner, "The request", "Step 1 of 4"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (GTK_WIDGET (runner), ADW_TYPE_ENTRY_ROW,
                                                                   "What is the briefing about?"))), ==, "");
  g_assert_false (has_draft (f, "briefing"));
}

static AdwMessageDialog *
wait_for_dialog (const char *heading)
{
  AdwMessageDialog *dialog;

  concordat_test_wait_until ((dialog = ADW_MESSAGE_DIALOG (concordat_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG))) != NULL &&
                             gtk_widget_get_mapped (GTK_WIDGET (dialog)));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, heading);
  return dialog;
}

/* Cancel asks whether to keep the answers, once there are any. */
static void
guidance_cancel (UiFixture *f)
{
  ConcordatGuidanceView *view;
  ConcordatWizardRunner *runner;

  set_up_council (f);
  view = open_guidance (f, NULL);

  /* Nothing answered: nothing to ask. */
  runner = start_wizard (view, "Party group briefing request");
  concordat_test_click (concordat_test_find_button (GTK_WIDGET (runner), "_Cancel"));
  concordat_test_wait_until (runner_on_screen (view) == NULL);
  g_assert_null (concordat_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_false (has_draft (f, "briefing"));

  /* Kept. */
  runner = start_wizard (view, "Party group briefing request");
  type_text (runner, "What is the briefing about?", "Local plan");
  concordat_test_click (concordat_test_find_button (GTK_WIDGET (runner), "_Cancel"));
  concordat_test_click (concordat_test_find_button (GTK_WIDGET (wait_for_dialog ("Keep your answers?")), "_Keep"));
  concordat_test_wait_until (runner_on_screen (view) == NULL &&
                             shows (GTK_WIDGET (view), "In progress"));
  g_assert_true (has_draft (f, "briefing"));

  /* Discarded. */
  g_assert_true (gtk_widget_activate (find_row (GTK_WIDGET (view), ADW_TYPE_ACTION_ROW, "Party group briefing request")));
  concordat_test_click (concordat_test_find_button (GTK_WIDGET (wait_for_dialog ("Continue where you left off?")), "_Continue"));
  concordat_test_wait_until ((runner = runner_on_screen (view)) != NULL);
  concordat_test_click (concordat_test_find_button (GTK_WIDGET (runner), "_Cancel"));
  concordat_test_click (concordat_test_find_button (GTK_WIDGET (wait_for_dialog ("Keep your answers?")), "_Discard"));
  concordat_test_wait_until (runner_on_screen (view) == NULL && !shows (GTK_WIDGET (view), "In progress"));
  g_assert_false (has_draft (f, "briefing"));
  assert_nothing_stored (f);
}

/* Beside the request: the model protocol's paragraphs on party groups,
 * 8.6 among them, which opens in the reader. */
static void
guidance_citations (UiFixture *f)
{
  ConcordatWindow *window;
  ConcordatGuidanceView *view;
  ConcordatWizardRunner *runner;
  GtkWidget *paragraph;
  GtkWidget *protocol;

  set_up_council (f);
  view = open_guidance (f, &window);
  runner = start_wizard (view, "Party group briefing request");

  g_assert_true (shows (GTK_WIDGET (runner), "What the protocol says"));
  g_assert_true (shows (GTK_WIDGET (runner), "Party groups"));
  paragraph = find_row (GTK_WIDGET (runner), ADW_TYPE_ACTION_ROW, "8.6");
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (paragraph)),
                                   "Officers must treat every group fairly and even-handedly."));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (paragraph)), ==, "win.open-paragraph");

  g_assert_true (gtk_widget_activate (paragraph));
  protocol = concordat_test_find_widget (GTK_WIDGET (window), CONCORDAT_TYPE_PROTOCOL_VIEW, NULL, NULL);
  concordat_test_wait_until (gtk_widget_get_mapped (protocol));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (view_stack_of (window)), ==, "protocol");
  g_assert_cmpstr (concordat_protocol_view_get_document (CONCORDAT_PROTOCOL_VIEW (protocol)), ==, "model");

  /* The run is where it was. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "guidance");
  concordat_test_wait_until (runner_on_screen (view) == runner && step_is (runner, "The request", "Step 1 of 4"));
}

static void
count_recorded (ConcordatWizardRunner *runner,
                gint64                 id,
                const char            *summary,
                char                 **recorded)
{
  g_free (*recorded);
  *recorded = g_strdup (summary);
}

/* Any wizard, not only the bundled ones: a question on several party
 * groups is a tick for each active group. */
static void
guidance_groups_field (UiFixture *f)
{
  static const char json[] =
    "{ \"format\": 1, \"id\": \"several\", \"version\": 1, \"title\": \"Several groups\","
    "  \"description\": \"A question on several groups.\", \"audience\": [\"officer\"],"
    "  \"steps\": [ { \"id\": \"which\", \"title\": \"Which groups\", \"topics\": [\"party-groups\"],"
    "    \"fields\": [ { \"id\": \"groups\", \"type\": \"groups\", \"required\": true,"
    "                    \"label\": \"Which groups are invited?\" } ] } ],"
    "  \"outcome\": { \"summary\": \"Invited: {groups}\" } }";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, sizeof json - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordatWizard) wizard = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  g_autofree char *recorded = NULL;
  ConcordatWizardRunner *runner;
  GtkWidget *window;
  GtkWidget *block;

  set_up_council (f);
  wizard = concordat_wizard_new_from_bytes (bytes, "several.json", &error);
  g_assert_no_error (error);
  runner = concordat_wizard_runner_new (store_of (f), wizard, NULL, NULL);
  g_signal_connect (runner, "recorded", G_CALLBACK (count_recorded), &recorded);
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (runner));
  gtk_window_present (GTK_WINDOW (window));
  concordat_test_wait_until (step_is (runner, "Which groups", "Step 1 of 2"));

  block = block_of (runner, "Which groups are invited?");
  g_assert_false (gtk_widget_is_sensitive (next_button_of (runner)));
  g_assert_true (gtk_widget_activate (find_row (block, ADW_TYPE_ACTION_ROW, "Labour")));
  g_assert_true (gtk_widget_activate (find_row (block, ADW_TYPE_ACTION_ROW, "Liberal Democrat")));
  g_assert_true (gtk_widget_activate (find_row (block, ADW_TYPE_ACTION_ROW, "Conservative")));
  /* A second click unticks. */
  g_assert_true (gtk_widget_activate (find_row (block, ADW_TYPE_ACTION_ROW, "Conservative")));
  next (runner);

  concordat_test_wait_until (shows (GTK_WIDGET (runner), "Invited: Labour, Liberal Democrat"));
  concordat_test_click (concordat_test_find_button (GTK_WIDGET (runner), "_Finish"));
  concordat_test_wait_until (recorded != NULL);
  g_assert_cmpstr (recorded, ==, "Invited: Labour, Liberal Democrat");
  actions = stored_actions (f);
  g_assert_cmpuint (actions->len, ==, 1);
  g_assert_cmpstr (((ConcordatAction *) g_ptr_array_index (actions, 0))->answers, ==,
                   "{\"groups\":[\"Labour\",\"Liberal Democrat\"]}");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A protocol with nothing on party groups says so, in place of paragraphs. */
static void
guidance_no_paragraph (UiFixture *f)
{
  static const char text[] =
    "# Small Protocol\n\n## 1. Roads\n\n1.1 The Council repairs its roads in the spring.\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);
  g_autoptr(ConcordatDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  ConcordatGuidanceView *view;
  ConcordatWizardRunner *runner;
  GtkWidget *row;

  set_up_council (f);
  doc = concordat_library_import_bytes (store_of (f), bytes, "small.md", NULL, FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (concordat_council_set (store_of (f), "protocol", doc->slug, &error));
  g_assert_no_error (error);

  view = open_guidance (f, NULL);
  runner = start_wizard (view, "Party group briefing request");
  row = find_row (GTK_WIDGET (runner), ADW_TYPE_ACTION_ROW,
                  "The protocol “Small Protocol” has no paragraph on the topic “Party groups”");
  g_assert_false (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
  g_assert_null (gtk_actionable_get_action_name (GTK_ACTIONABLE (row)));
}

static int
surface_width (ConcordatWindow *window)
{
  return gdk_surface_get_width (gtk_native_get_surface (GTK_NATIVE (window)));
}

static gboolean
beside (GtkWidget *a,
        GtkWidget *b)
{
  graphene_rect_t bounds_a;
  graphene_rect_t bounds_b;

  g_assert_true (gtk_widget_compute_bounds (a, b, &bounds_a));
  g_assert_true (gtk_widget_compute_bounds (b, b, &bounds_b));
  return bounds_a.origin.x + bounds_a.size.width <= 0;
}

/* Every control has a name: the list, a step, the summary; wide, with
 * the protocol beside the questions, and narrow, with it below them. */
static void
guidance_named (UiFixture *f)
{
  ConcordatWindow *window;
  ConcordatGuidanceView *view;
  ConcordatWizardRunner *runner;
  GtkWidget *question;
  GtkWidget *paragraph;

  set_up_council (f);
  view = open_guidance (f, &window);
  concordat_test_assert_every_control_named (GTK_WIDGET (window), 10);

  runner = start_wizard (view, "Party group briefing request");
  concordat_test_assert_every_control_named (GTK_WIDGET (window), 25);
  question = concordat_test_find_widget (GTK_WIDGET (runner), GTK_TYPE_LABEL, text_is,
                                         "Which party group is asking for the briefing?");
  paragraph = find_row (GTK_WIDGET (runner), ADW_TYPE_ACTION_ROW, "8.2");
  concordat_test_wait_until (surface_width (window) >= 1000);
  g_assert_true (beside (question, paragraph));

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  concordat_test_wait_until (surface_width (window) == 360);
  concordat_test_wait_until (!beside (question, paragraph));
  concordat_test_assert_every_control_named (GTK_WIDGET (window), 15);

  briefing_to_summary (runner);
  concordat_test_assert_every_control_named (GTK_WIDGET (window), 6);
}

/* A Finish the store refuses shows why, records nothing, loses nothing. */
static void
guidance_finish_fails (UiFixture *f)
{
  ConcordatWindow *window;
  ConcordatGuidanceView *view;
  ConcordatWizardRunner *runner;
  g_autoptr(GError) error = NULL;
  gboolean kept;

  set_up_council (f);
  view = open_guidance (f, &window);
  runner = start_wizard (view, "Party group briefing request");
  briefing_to_summary (runner);

  /* Meanwhile, Labour is removed in Preferences. */
  g_assert_true (concordat_council_remove_group (store_of (f), "Labour", &kept, &error));
  g_assert_no_error (error);
  concordat_test_click (concordat_test_find_button (GTK_WIDGET (runner), "_Finish"));
  concordat_test_wait_until (concordat_test_find_widget (GTK_WIDGET (runner), GTK_TYPE_LABEL, text_has,
                                                         "Nothing was recorded.") != NULL);
  g_assert_nonnull (concordat_test_find_widget (GTK_WIDGET (runner), GTK_TYPE_LABEL, text_has,
                                                "There is no party group called “Labour”"));
  g_assert_true (runner_on_screen (view) == runner);
  g_assert_false (gtk_widget_is_sensitive (concordat_test_find_button (GTK_WIDGET (runner), "_Finish")));
  assert_nothing_stored (f);
  g_assert_true (has_draft (f, "briefing"));
}

/* Alt+Right and Alt+Left for Next and Back, Escape for Cancel. */
static void
guidance_keyboard (UiFixture *f)
{
  ConcordatGuidanceView *view;
  ConcordatWizardRunner *runner;

  set_up_council (f);
  view = open_guidance (f, NULL);
  runner = start_wizard (view, "Party group briefing request");
  briefing_request (runner);

  concordat_test_press (GTK_WIDGET (runner), "<Alt>Right");
  concordat_test_wait_until (step_is (runner, "Who will brief the group", "Step 2 of 4"));
  /* Not answered yet: no further. */
  gtk_widget_activate_action (GTK_WIDGET (runner), "runner.next", NULL);
  g_assert_false (gtk_widget_is_sensitive (next_button_of (runner)));
  g_assert_true (step_is (runner, "Who will brief the group", "Step 2 of 4"));
  concordat_test_press (GTK_WIDGET (runner), "<Alt>Left");
  concordat_test_wait_until (step_is (runner, "The request", "Step 1 of 4"));
  concordat_test_press (GTK_WIDGET (runner), "<Control>Page_Down");
  concordat_test_wait_until (step_is (runner, "Who will brief the group", "Step 2 of 4"));
  concordat_test_press (GTK_WIDGET (runner), "<Control>Page_Up");
  concordat_test_wait_until (step_is (runner, "The request", "Step 1 of 4"));

  concordat_test_press (GTK_WIDGET (runner), "Escape");
  wait_for_dialog ("Keep your answers?");
}

/* Answers are text, wherever they are shown, never markup. */
static void
guidance_text_not_markup (UiFixture *f)
{
  static const char *topic = "Roads & <b>bins</b>";
  ConcordatWindow *window;
  ConcordatGuidanceView *view;
  ConcordatWizardRunner *runner;
  g_autoptr(GPtrArray) actions = NULL;

  set_up_council (f);
  view = open_guidance (f, &window);
  runner = start_wizard (view, "Party group briefing request");
  choose (runner, "Which party group is asking for the briefing?", "Labour");
  choose (runner, "Who made the request?", "The group leader");
  type_text (runner, "What is the briefing about?", topic);
  answer_yes_no (runner, "Is it about council business?", TRUE);
  next (runner);
  type_text (runner, "Which officer will brief the group?", "Director of Place");
  answer_yes_no (runner, "Is that officer a chief officer or senior officer?", TRUE);
  next (runner);
  type_date (runner, "When is the group meeting?", "2027-01-07");
  answer_yes_no (runner, "Will anyone who is not a councillor be at the meeting?", FALSE);
  answer_yes_no (runner, "Is it about the group's own budget proposals?", FALSE);
  next (runner);

  concordat_test_wait_until (shows (GTK_WIDGET (runner), "Summary"));
  g_assert_true (shows (GTK_WIDGET (runner),
                        "Briefing on “Roads & <b>bins</b>” for Labour by Director of Place on Thursday 7 January 2027"));
  g_assert_true (shows (GTK_WIDGET (runner), "Offer Conservative the briefing on “Roads & <b>bins</b>”"));
  g_assert_true (shows (GTK_WIDGET (runner), topic));

  finish (view, window, "Briefing on “Roads & <b>bins</b>” for Labour by Director of Place on Thursday 7 January 2027");
  actions = stored_actions (f);
  g_assert_cmpuint (actions->len, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GTK_A11Y", "test", TRUE);
  g_setenv ("CONCORDAT_TODAY", TODAY, TRUE);
  gtk_test_init (&argc, &argv, NULL);

#define ADD_BODY(path, body) \
  g_test_add ("/guidance-view/" path, UiFixture, body, \
              concordat_test_fixture_set_up, concordat_test_run_data, concordat_test_fixture_tear_down)

  ADD_BODY ("list", guidance_list);
  ADD_BODY ("role-first", guidance_role_first);
  ADD_BODY ("briefing", guidance_briefing);
  ADD_BODY ("premises-visit", guidance_premises_visit);
  ADD_BODY ("media-contact", guidance_media_contact);
  ADD_BODY ("stop", guidance_stop);
  ADD_BODY ("next-needs-answers", guidance_next_needs_answers);
  ADD_BODY ("no-groups", guidance_no_groups);
  ADD_BODY ("draft", guidance_draft);
  ADD_BODY ("cancel", guidance_cancel);
  ADD_BODY ("citations", guidance_citations);
  ADD_BODY ("no-paragraph", guidance_no_paragraph);
  ADD_BODY ("groups-field", guidance_groups_field);
  ADD_BODY ("named", guidance_named);
  ADD_BODY ("finish-fails", guidance_finish_fails);
  ADD_BODY ("keyboard", guidance_keyboard);
  ADD_BODY ("text-not-markup", guidance_text_not_markup);

#undef ADD_BODY

  return g_test_run ();
}
