/* test-record-view.c: the Record view in the real window under Xvfb: the
 * actions newest first, search, the wizard and period filters, the empty
 * states, an action's own page with its answers, citations and duties, the
 * record followed as it changes, the briefing ledger changed through its
 * cells, a record of 100,000 actions read a page at a time, what the list
 * is told when the record changes, text from the record shown as text,
 * the narrow layout and every control named.
 *
 * Actions are recorded through the core, as finishing a wizard records
 * them; "today" is fixed by CONCORDAT_TODAY.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "concordat-clock.h"
#include "concordat-council.h"
#include "concordat-ledger-view.h"
#include "concordat-paragraph-row.h"
#include "concordat-protocol-item.h"
#include "concordat-protocol-view.h"
#include "concordat-record-model.h"
#include "concordat-record-view.h"
#include "concordat-store-private.h"
#include "concordat-test-ui.h"

#define TODAY "2026-12-23"

#define BRIEFING \
  "{\"requesting_group\": \"labour\", \"requester_role\": \"group-leader\"," \
  " \"topic\": \"Local plan\", \"council_business\": true," \
  " \"officer\": \"Director of Place\", \"officer_is_senior\": true," \
  " \"meeting_date\": \"2027-01-07\", \"non_members_present\": false," \
  " \"budget_proposals\": false}"

#define VISIT \
  "{\"member\": \"Cllr Ada Jones\", \"member_ward\": \"abbey\"," \
  " \"premises\": \"Willowholme depot\", \"premises_ward\": \"Castle\"," \
  " \"visit_date\": \"2027-01-05\", \"purpose\": \"To see the new gritters\"," \
  " \"vulnerable_setting\": false, \"arranged_with_manager\": false," \
  " \"health_safety_ack\": true, \"no_interference_ack\": true}"

#define MEDIA \
  "{\"role\": \"officer\", \"outlet\": \"Cumberland News\", \"contact_date\": \"2027-01-06\"," \
  " \"subject\": \"Bin collections\", \"press_release_wanted\": true, \"authorised\": true," \
  " \"comms_informed\": false, \"members_to_inform\": \"Cllr Ada Jones, Cllr Ben Smith\"," \
  " \"sensitive_matter\": true}"

#define BRIEFING_SUMMARY "Briefing on “Local plan” for Labour by Director of Place on Thursday 7 January 2027"
#define VISIT_SUMMARY "Cllr Ada Jones visiting Willowholme depot (Castle) on Tuesday 5 January 2027"
#define MEDIA_SUMMARY "Media contact with Cumberland News on “Bin collections”, Wednesday 6 January 2027"

/* --- the council and its record --- */

static ConcordatStore *
store_of (UiFixture *f)
{
  ConcordatStore *store = concordat_application_get_store (f->app);

  g_assert_nonnull (store);
  return store;
}

static void
set_up_council (UiFixture *f)
{
  const char * const groups[] = { "Labour", "Conservative", "Liberal Democrat" };
  const char * const wards[] = { "Abbey", "Castle" };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      g_autoptr(ConcordatGroup) group = concordat_council_add_group (store_of (f), groups[i], NULL, &error);

      g_assert_no_error (error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (wards); i++)
    {
      g_autoptr(ConcordatWard) ward = concordat_council_add_ward (store_of (f), wards[i], &error);

      g_assert_no_error (error);
    }
}

/* Finishes the wizard @id with @json on @day, as its Finish button does. */
static gint64
finish (UiFixture  *f,
        const char *id,
        const char *json,
        const char *day)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(ConcordatWizard) wizard = NULL;
  g_autoptr(ConcordatOutcome) outcome = NULL;
  g_autoptr(GError) error = NULL;
  GDate date;
  gint64 action;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  wizard = concordat_wizard_find_bundled (id, &error);
  g_assert_no_error (error);
  g_assert_true (concordat_calendar_parse_date (day, &date));

  action = concordat_record_finish (store_of (f), wizard, json_node_get_object (json_parser_get_root (parser)),
                                    &date, &outcome, &error);
  if (outcome != NULL && outcome->problems->len > 0)
    g_error ("%s", ((ConcordatProblem *)g_ptr_array_index (outcome->problems, 0))->message);
  g_assert_no_error (error);
  g_assert_cmpint (action, >, 0);

  return action;
}

/* The three wizards, each finished on a different day, oldest first. */
static void
record_three (UiFixture *f,
              gint64     ids[3])
{
  set_up_council (f);
  ids[0] = finish (f, "premises-visit", VISIT, "2026-12-01");
  ids[1] = finish (f, "media-contact", MEDIA, "2026-12-10");
  ids[2] = finish (f, "briefing", BRIEFING, "2026-12-20");
}

static const ConcordatLedgerCell *
ledger_cell (UiFixture  *f,
             const char *topic,
             const char *group)
{
  static GPtrArray *topics = NULL;
  g_autoptr(GError) error = NULL;

  /* Kept until the next call, for the caller to read. */
  g_clear_pointer (&topics, g_ptr_array_unref);
  topics = concordat_record_ledger (store_of (f), &error);
  g_assert_no_error (error);

  for (guint i = 0; i < topics->len; i++)
    {
      ConcordatLedgerTopic *t = g_ptr_array_index (topics, i);

      for (guint j = 0; g_str_equal (t->topic, topic) && j < t->cells->len; j++)
        {
          ConcordatLedgerCell *cell = g_ptr_array_index (t->cells, j);

          if (g_str_equal (cell->group, group))
            return cell;
        }
    }

  g_error ("no ledger cell for %s / %s", topic, group);
  return NULL;
}

/* --- finding things on screen --- */

static ConcordatRecordView *
view_of (ConcordatWindow *window)
{
  GtkWidget *view = concordat_test_find_widget (GTK_WIDGET (window), CONCORDAT_TYPE_RECORD_VIEW, NULL, NULL);

  g_assert_nonnull (view);
  return CONCORDAT_RECORD_VIEW (view);
}

static ConcordatRecordView *
open_record (UiFixture *f)
{
  ConcordatWindow *window = concordat_test_open_window (f);
  ConcordatRecordView *view = view_of (window);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "record");
  concordat_test_wait_until (gtk_widget_get_mapped (GTK_WIDGET (view)));

  return view;
}

static ConcordatRecordModel *
model_of (ConcordatRecordView *view)
{
  ConcordatRecordModel *model = concordat_record_view_get_model (view);

  g_assert_nonnull (model);
  return model;
}

static gboolean
text_is (GtkWidget  *widget,
         const char *text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
text_has (GtkWidget  *widget,
          const char *text)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

/* The label saying @text under @root, if any; on screen or not. */
static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  return concordat_test_find_widget (root, GTK_TYPE_LABEL, text_is, text);
}

static gboolean
text_on_screen (GtkWidget  *widget,
                const char *text)
{
  return text_is (widget, text) && gtk_widget_get_mapped (widget);
}

/* A label under @root saying @text, on screen; the same words may be
 * elsewhere too, such as in a filter's list. */
static gboolean
shows (GtkWidget  *root,
       const char *text)
{
  return concordat_test_find_widget (root, GTK_TYPE_LABEL, text_on_screen, text) != NULL;
}

static gboolean
shows_page (GtkWidget  *root,
            const char *title)
{
  GtkWidget *page = concordat_test_find_widget (root, ADW_TYPE_STATUS_PAGE, concordat_test_title_is, title);

  return page != NULL && gtk_widget_get_mapped (page);
}

static GtkWidget *
find_named (GtkWidget  *root,
            GType       type,
            const char *name)
{
  return concordat_test_find_widget (root, type, concordat_test_accessible_label_is, name);
}

static double
top_of (GtkWidget  *root,
        const char *text)
{
  GtkWidget *label = concordat_test_find_widget (root, GTK_TYPE_LABEL, text_on_screen, text);
  graphene_rect_t bounds;

  g_assert_nonnull (label);
  g_assert_true (gtk_widget_compute_bounds (label, root, &bounds));
  return bounds.origin.y;
}

/* The Actions or Briefing Ledger button above the view. */
static void
show_section (ConcordatRecordView *view,
              const char          *label)
{
  GtkWidget *button = concordat_test_find_widget (GTK_WIDGET (view), GTK_TYPE_TOGGLE_BUTTON,
                                                  concordat_test_label_is, label);

  g_assert_nonnull (button);
  concordat_test_click (button);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
}

static GtkWidget *
search_entry_of (ConcordatRecordView *view)
{
  GtkWidget *entry = concordat_test_find_widget (GTK_WIDGET (view), GTK_TYPE_SEARCH_ENTRY, NULL, NULL);

  g_assert_nonnull (entry);
  return entry;
}

static GtkDropDown *
drop_down_of (ConcordatRecordView *view,
              const char          *name)
{
  GtkWidget *drop_down = find_named (GTK_WIDGET (view), GTK_TYPE_DROP_DOWN, name);

  g_assert_nonnull (drop_down);
  return GTK_DROP_DOWN (drop_down);
}

/* Chooses @choice in the drop-down, as picking it from its list does. */
static void
choose (GtkDropDown *drop_down,
        const char  *choice)
{
  GListModel *choices = gtk_drop_down_get_model (drop_down);

  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    {
      g_autoptr(GtkStringObject) string = g_list_model_get_item (choices, i);

      if (g_str_equal (gtk_string_object_get_string (string), choice))
        {
          gtk_drop_down_set_selected (drop_down, i);
          return;
        }
    }

  g_error ("no choice “%s”", choice);
}

static GtkWidget *
actions_list_of (ConcordatRecordView *view)
{
  GtkWidget *list = find_named (GTK_WIDGET (view), GTK_TYPE_COLUMN_VIEW, "Recorded actions");

  g_assert_nonnull (list);
  return list;
}

/* Opens the row at @position, as clicking it or pressing Enter on it does. */
static void
activate_row (ConcordatRecordView *view,
              guint                position)
{
  /* The column view's rows are those of the list view inside it. */
  GtkWidget *rows = concordat_test_find_widget (actions_list_of (view), GTK_TYPE_LIST_VIEW, NULL, NULL);

  g_assert_nonnull (rows);
  g_assert_true (gtk_widget_activate_action (rows, "list.activate-item", "u", position));
}

static GtkWidget *
back_button_of (ConcordatRecordView *view)
{
  GtkWidget *back = find_named (GTK_WIDGET (view), GTK_TYPE_BUTTON, "Back to Actions");

  g_assert_nonnull (back);
  return back;
}

static guint
n_listed (ConcordatRecordView *view)
{
  return g_list_model_get_n_items (G_LIST_MODEL (model_of (view)));
}

/* --- the tests --- */

/* Nothing recorded: both sections say so, and how they fill. */
static void
record_empty (UiFixture *f)
{
  ConcordatRecordView *view = open_record (f);
  ConcordatWindow *window = CONCORDAT_WINDOW (gtk_widget_get_root (GTK_WIDGET (view)));

  concordat_test_wait_until (shows_page (GTK_WIDGET (view), "Nothing Recorded"));
  g_assert_false (shows_page (GTK_WIDGET (view), "No Matching Actions"));
  g_assert_false (gtk_widget_get_mapped (search_entry_of (view)));
  g_assert_cmpuint (n_listed (view), ==, 0);
  concordat_test_assert_every_control_named (GTK_WIDGET (window), 8);

  show_section (view, "_Briefing Ledger");
  concordat_test_wait_until (shows_page (GTK_WIDGET (view), "No Briefings Yet") &&
                             !shows_page (GTK_WIDGET (view), "Nothing Recorded"));
  concordat_test_assert_every_control_named (GTK_WIDGET (window), 8);

  /* Its button leads to the wizards. */
  concordat_test_click (find_named (concordat_test_find_widget (GTK_WIDGET (view), ADW_TYPE_STATUS_PAGE,
                                                 concordat_test_title_is, "No Briefings Yet"),
                     GTK_TYPE_BUTTON, "Open Guidance"));
  concordat_test_wait_until (!gtk_widget_get_mapped (GTK_WIDGET (view)));
}

/* Newest first, each with its day, wizard and summary. */
static void
record_lists_newest_first (UiFixture *f)
{
  ConcordatRecordView *view;
  gint64 ids[3];

  record_three (f, ids);
  view = open_record (f);

  concordat_test_wait_until (shows (GTK_WIDGET (view), BRIEFING_SUMMARY) &&
                             shows (GTK_WIDGET (view), MEDIA_SUMMARY) &&
                             shows (GTK_WIDGET (view), VISIT_SUMMARY));
  /* Once the rows are laid out. */
  concordat_test_wait_until (top_of (GTK_WIDGET (view), BRIEFING_SUMMARY) < top_of (GTK_WIDGET (view), MEDIA_SUMMARY) &&
                             top_of (GTK_WIDGET (view), MEDIA_SUMMARY) < top_of (GTK_WIDGET (view), VISIT_SUMMARY));
  g_assert_true (shows (GTK_WIDGET (view), "20 Dec 2026"));
  g_assert_true (shows (GTK_WIDGET (view), "1 Dec 2026"));
  g_assert_true (shows (GTK_WIDGET (view), "Party group briefing request"));
  g_assert_true (shows (GTK_WIDGET (view), "Member visit to council premises"));
  g_assert_true (shows (GTK_WIDGET (view), "3 actions"));
  g_assert_false (shows_page (GTK_WIDGET (view), "Nothing Recorded"));
}

/* Searching as the user types narrows the list; Ctrl+F goes to the
 * search; a search that matches nothing says so and offers them all. */
static void
record_search (UiFixture *f)
{
  ConcordatRecordView *view;
  GtkWidget *entry;
  gint64 ids[3];

  record_three (f, ids);
  view = open_record (f);
  entry = search_entry_of (view);
  concordat_test_wait_until (shows (GTK_WIDGET (view), VISIT_SUMMARY));

  concordat_test_press (GTK_WIDGET (view), "<Control>f");
  concordat_test_wait_until (concordat_test_has_focus_within (entry));

  /* A word's start is enough. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "willow");
  concordat_test_wait_until (n_listed (view) == 1 && !shows (GTK_WIDGET (view), BRIEFING_SUMMARY));
  g_assert_true (shows (GTK_WIDGET (view), VISIT_SUMMARY));
  g_assert_false (shows (GTK_WIDGET (view), MEDIA_SUMMARY));
  g_assert_true (shows (GTK_WIDGET (view), "1 of 3 actions"));

  gtk_editable_set_text (GTK_EDITABLE (entry), "plan labour");
  concordat_test_wait_until (n_listed (view) == 1 && shows (GTK_WIDGET (view), BRIEFING_SUMMARY));
  g_assert_false (shows (GTK_WIDGET (view), VISIT_SUMMARY));

  gtk_editable_set_text (GTK_EDITABLE (entry), "planetarium");
  concordat_test_wait_until (shows_page (GTK_WIDGET (view), "No Matching Actions"));
  g_assert_cmpuint (n_listed (view), ==, 0);
  g_assert_false (shows_page (GTK_WIDGET (view), "Nothing Recorded"));
  g_assert_true (gtk_widget_get_mapped (entry));

  concordat_test_click (find_named (GTK_WIDGET (view), GTK_TYPE_BUTTON, "Show All Actions"));
  concordat_test_wait_until (n_listed (view) == 3 && shows (GTK_WIDGET (view), MEDIA_SUMMARY));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_false (shows_page (GTK_WIDGET (view), "No Matching Actions"));
}

/* One wizard's actions, those of a period, and both together. */
static void
record_filters (UiFixture *f)
{
  ConcordatRecordView *view;
  GtkDropDown *wizards;
  GtkDropDown *period;
  gint64 ids[3];

  record_three (f, ids);
  view = open_record (f);
  wizards = drop_down_of (view, "Wizard");
  period = drop_down_of (view, "Period");
  concordat_test_wait_until (shows (GTK_WIDGET (view), VISIT_SUMMARY));

  choose (wizards, "Media contact checklist");
  concordat_test_wait_until (n_listed (view) == 1 && shows (GTK_WIDGET (view), MEDIA_SUMMARY));
  g_assert_false (shows (GTK_WIDGET (view), BRIEFING_SUMMARY));
  g_assert_false (shows (GTK_WIDGET (view), VISIT_SUMMARY));

  /* Today is the 23rd: the last seven days are from the 17th. */
  choose (wizards, "All Wizards");
  choose (period, "Last 7 Days");
  concordat_test_wait_until (n_listed (view) == 1 && shows (GTK_WIDGET (view), BRIEFING_SUMMARY));
  g_assert_false (shows (GTK_WIDGET (view), MEDIA_SUMMARY));

  choose (period, "Last 30 Days");
  concordat_test_wait_until (n_listed (view) == 3);

  choose (period, "Last Year");
  concordat_test_wait_until (shows_page (GTK_WIDGET (view), "No Matching Actions"));

  choose (period, "This Year");
  choose (wizards, "Member visit to council premises");
  concordat_test_wait_until (n_listed (view) == 1 && shows (GTK_WIDGET (view), VISIT_SUMMARY));
  g_assert_false (shows (GTK_WIDGET (view), BRIEFING_SUMMARY));
}

static const ConcordatCitation *
first_citation (ConcordatAction *action)
{
  for (guint i = 0; i < action->citations->len; i++)
    {
      const ConcordatCitation *citation = g_ptr_array_index (action->citations, i);

      if (citation->citation != NULL)
        return citation;
    }

  g_error ("the action cites no paragraph");
  return NULL;
}

static gboolean
row_highlighted (GtkWidget  *widget,
                 const char *citation)
{
  ConcordatProtocolItem *item = concordat_paragraph_row_get_item (CONCORDAT_PARAGRAPH_ROW (widget));

  return item != NULL && g_strcmp0 (concordat_protocol_item_get_citation (item), citation) == 0 &&
         gtk_widget_get_mapped (widget) && gtk_widget_has_css_class (widget, "highlighted");
}

/* An action's page: its answers in words, the notes, the duties with their
 * due dates and states, and the paragraphs it showed, each opening the
 * reader there. */
static void
record_detail (UiFixture *f)
{
  g_autoptr(ConcordatAction) action = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = concordat_clock_today ();
  g_autofree char *citation_name = NULL;
  ConcordatRecordView *view;
  ConcordatWindow *window;
  const ConcordatCitation *citation;
  AdwViewStack *views;
  gint64 ids[3];

  record_three (f, ids);
  view = open_record (f);
  window = CONCORDAT_WINDOW (gtk_widget_get_root (GTK_WIDGET (view)));
  concordat_test_wait_until (shows (GTK_WIDGET (view), VISIT_SUMMARY));

  /* The visit, third in the list. */
  activate_row (view, 2);
  concordat_test_wait_until (gtk_widget_get_mapped (back_button_of (view)) &&
                             !gtk_widget_get_mapped (actions_list_of (view)));
  g_assert_true (concordat_test_has_focus_within (back_button_of (view)));
  g_assert_true (shows (GTK_WIDGET (view), VISIT_SUMMARY));
  g_assert_true (shows (GTK_WIDGET (view), "Tuesday 1 December 2026 · Member visit to council premises"));
  g_assert_false (shows (GTK_WIDGET (view), BRIEFING_SUMMARY));

  /* Each answer under its question, in words. */
  g_assert_true (shows (GTK_WIDGET (view), "Which premises?"));
  g_assert_true (shows (GTK_WIDGET (view), "Willowholme depot"));
  g_assert_true (shows (GTK_WIDGET (view), "When is the visit?"));
  g_assert_true (shows (GTK_WIDGET (view), "Tuesday 5 January 2027"));
  g_assert_true (shows (GTK_WIDGET (view), "Has the visit been arranged with the manager in charge?"));
  g_assert_true (shows (GTK_WIDGET (view), "No"));
  g_assert_true (shows (GTK_WIDGET (view), "Purpose: To see the new gritters"));

  /* The duties it created, due two working days on. */
  g_assert_true (shows (GTK_WIDGET (view), "Tell the members for Castle about Cllr Ada Jones's visit to Willowholme depot"));
  g_assert_true (shows (GTK_WIDGET (view), "Due Monday 4 January 2027 · Pending"));

  /* A paragraph it cited opens in the reader. */
  action = concordat_record_get_action (store_of (f), ids[0], today, &error);
  g_assert_no_error (error);
  citation = first_citation (action);
  g_assert_true (shows (GTK_WIDGET (view), citation->text));
  citation_name = g_strdup_printf ("Open paragraph %s", citation->citation);
  concordat_test_click (find_named (GTK_WIDGET (view), GTK_TYPE_BUTTON, citation_name));
  views = ADW_VIEW_STACK (concordat_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK, NULL, NULL));
  concordat_test_wait_until (g_str_equal (adw_view_stack_get_visible_child_name (views), "protocol") &&
                             concordat_test_find_widget (GTK_WIDGET (window), CONCORDAT_TYPE_PARAGRAPH_ROW,
                                                         row_highlighted, citation->citation) != NULL);
  g_assert_cmpstr (concordat_protocol_view_get_document (CONCORDAT_PROTOCOL_VIEW (
                     concordat_test_find_widget (GTK_WIDGET (window), CONCORDAT_TYPE_PROTOCOL_VIEW, NULL, NULL))),
                   ==, citation->document);

  /* Back in the record, the page is as it was; Back returns to the list. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "record");
  concordat_test_wait_until (gtk_widget_get_mapped (back_button_of (view)));
  concordat_test_click (back_button_of (view));
  concordat_test_wait_until (shows (GTK_WIDGET (view), BRIEFING_SUMMARY) && !shows (GTK_WIDGET (view), "Which premises?"));

  /* A choice's label, not its value. */
  activate_row (view, 1);
  concordat_test_wait_until (shows (GTK_WIDGET (view), "Who is in contact with the media?"));
  g_assert_true (shows (GTK_WIDGET (view), "An officer"));
  g_assert_false (shows (GTK_WIDGET (view), "officer"));
  concordat_test_press (GTK_WIDGET (view), "<Alt>Left");
  concordat_test_wait_until (shows (GTK_WIDGET (view), VISIT_SUMMARY));

  /* As the Duties view opens an action. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "protocol");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "record");
  concordat_record_view_show_action (view, ids[2]);
  concordat_test_wait_until (shows (GTK_WIDGET (view), "Which party group is asking for the briefing?"));
  g_assert_true (shows (GTK_WIDGET (view), "Offer Conservative the briefing on “Local plan”"));
  g_assert_true (shows (GTK_WIDGET (view), "Due Tuesday 22 December 2026 · Overdue"));
  g_assert_true (shows (GTK_WIDGET (view), "The group leader"));
}

/* What is recorded while the view is open shows at once, in the list and
 * on an action's page. */
static void
record_follows_changes (UiFixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ConcordatAction) action = NULL;
  g_autoptr(GDate) today = concordat_clock_today ();
  g_autoptr(GDate) later = g_date_new_dmy (1, G_DATE_JANUARY, 2027);
  ConcordatRecordView *view = open_record (f);
  ConcordatDuty *duty;
  gint64 id;

  concordat_test_wait_until (shows_page (GTK_WIDGET (view), "Nothing Recorded"));

  set_up_council (f);
  id = finish (f, "premises-visit", VISIT, TODAY);
  concordat_test_wait_until (shows (GTK_WIDGET (view), VISIT_SUMMARY));
  g_assert_false (shows_page (GTK_WIDGET (view), "Nothing Recorded"));
  g_assert_true (shows (GTK_WIDGET (view), "1 action"));

  finish (f, "media-contact", MEDIA, TODAY);
  concordat_test_wait_until (shows (GTK_WIDGET (view), MEDIA_SUMMARY) && shows (GTK_WIDGET (view), "2 actions"));

  /* A duty done elsewhere is done on the page. */
  activate_row (view, 1);
  concordat_test_wait_until (shows (GTK_WIDGET (view), "Which premises?"));
  g_assert_true (shows (GTK_WIDGET (view), "Due Monday 4 January 2027 · Pending"));
  action = concordat_record_get_action (store_of (f), id, today, &error);
  g_assert_no_error (error);
  duty = g_ptr_array_index (action->duties, 0);
  g_assert_true (concordat_record_duty_done (store_of (f), duty->id, &error));
  g_assert_no_error (error);
  concordat_test_wait_until (concordat_test_find_widget (GTK_WIDGET (view), GTK_TYPE_LABEL, text_has,
                                                         "Due Monday 4 January 2027 · Done on ") != NULL);

  /* An action removed from under its page leaves the list. */
  g_assert_cmpint (concordat_record_remove_before (store_of (f), later, &error), ==, 2);
  g_assert_no_error (error);
  concordat_test_wait_until (shows_page (GTK_WIDGET (view), "Nothing Recorded"));
}

static GtkWidget *
find_cell (ConcordatRecordView *view,
           const char          *name)
{
  return find_named (GTK_WIDGET (view), GTK_TYPE_BUTTON, name);
}

static gboolean
cell_shown (ConcordatRecordView *view,
            const char          *name)
{
  GtkWidget *cell = find_cell (view, name);

  return cell != NULL && gtk_widget_get_mapped (cell);
}

/* Chooses @state from the cell's menu, as a click on it and then on the
 * menu's item does. */
static void
choose_state (GtkWidget  *cell,
              const char *state)
{
  GtkWidget *menu;
  GtkWidget *label;
  GtkWidget *item;

  concordat_test_click (cell);
  menu = concordat_test_find_widget (cell, GTK_TYPE_POPOVER_MENU, NULL, NULL);
  g_assert_nonnull (menu);
  concordat_test_wait_until (gtk_widget_get_mapped (menu));

  label = find_label (menu, state);
  g_assert_nonnull (label);
  item = gtk_widget_get_ancestor (label, g_type_from_name ("GtkModelButton"));
  g_assert_nonnull (item);
  g_assert_true (gtk_widget_activate (item));
}

/* The ledger: each group's state in words with its day, gaps marked in
 * words; a state changed from a cell's menu is recorded with today's date,
 * and the marks follow. */
static void
record_ledger (UiFixture *f)
{
  ConcordatRecordView *view;
  ConcordatWindow *window;
  GtkWidget *cell;
  const ConcordatLedgerCell *stored;

  set_up_council (f);
  finish (f, "briefing", BRIEFING, "2026-12-20");
  view = open_record (f);
  window = CONCORDAT_WINDOW (gtk_widget_get_root (GTK_WIDGET (view)));
  show_section (view, "_Briefing Ledger");

  concordat_test_wait_until (cell_shown (view, "Local plan, Conservative: To offer"));
  g_assert_true (shows (GTK_WIDGET (view), "Local plan"));
  g_assert_true (shows (GTK_WIDGET (view), "Liberal Democrat"));
  cell = find_cell (view, "Local plan, Labour: Requested");
  g_assert_true (shows (cell, "Requested"));
  g_assert_true (shows (cell, "20 Dec 2026"));
  g_assert_false (gtk_widget_has_css_class (cell, "ledger-gap"));
  g_assert_null (find_label (cell, "Not yet offered"));

  /* The gaps, in words as well as colour. */
  cell = find_cell (view, "Local plan, Conservative: To offer");
  g_assert_true (gtk_widget_has_css_class (cell, "ledger-gap"));
  g_assert_true (shows (cell, "Not yet offered"));
  g_assert_true (shows (find_cell (view, "Local plan, Liberal Democrat: To offer"), "Not yet offered"));
  concordat_test_assert_every_control_named (GTK_WIDGET (window), 10);

  choose_state (cell, "Offered");
  concordat_test_wait_until (cell_shown (view, "Local plan, Conservative: Offered"));
  stored = ledger_cell (f, "Local plan", "Conservative");
  g_assert_cmpstr (stored->state, ==, "offered");
  g_assert_cmpstr (stored->date, ==, TODAY);
  g_assert_false (stored->gap);
  cell = find_cell (view, "Local plan, Conservative: Offered");
  g_assert_false (gtk_widget_has_css_class (cell, "ledger-gap"));
  g_assert_null (find_label (cell, "Not yet offered"));
  g_assert_true (shows (cell, "23 Dec 2026"));
  g_assert_null (find_cell (view, "Local plan, Conservative: To offer"));
  /* The keyboard stays on the cell. */
  g_assert_true (concordat_test_has_focus_within (cell));

  /* Declining closes the other gap. */
  cell = find_cell (view, "Local plan, Liberal Democrat: To offer");
  g_assert_true (gtk_widget_has_css_class (cell, "ledger-gap"));
  choose_state (cell, "Declined");
  concordat_test_wait_until (cell_shown (view, "Local plan, Liberal Democrat: Declined"));
  g_assert_cmpstr (ledger_cell (f, "Local plan", "Liberal Democrat")->state, ==, "declined");
  g_assert_false (gtk_widget_has_css_class (find_cell (view, "Local plan, Liberal Democrat: Declined"), "ledger-gap"));

  /* And back to a gap when it is to be offered again. */
  choose_state (find_cell (view, "Local plan, Liberal Democrat: Declined"), "To offer");
  concordat_test_wait_until (cell_shown (view, "Local plan, Liberal Democrat: To offer"));
  g_assert_true (gtk_widget_has_css_class (find_cell (view, "Local plan, Liberal Democrat: To offer"), "ledger-gap"));

  /* What cannot be recorded is said, not lost. */
  gtk_widget_activate_action (concordat_test_find_widget (GTK_WIDGET (view), CONCORDAT_TYPE_LEDGER_VIEW, NULL, NULL),
                              "ledger.set-state", "(sss)", "Car parks", "Labour", "offered");
  concordat_test_wait_until (concordat_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, text_has,
                                                         "There is no briefing topic “Car parks”") != NULL);
}

/* 100,000 actions, counted and read a page at a time: the last is read
 * with its page and no other. */
static void
record_many (UiFixture *f)
{
  static const char insert[] =
    "BEGIN;"
    "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000) "
    "INSERT INTO actions (wizard, wizard_version, date, created_at, summary, answers) "
    "SELECT 'briefing', 1, date ('2000-01-01', '+' || (i / 10) || ' days'), '2026-01-01T00:00:00Z', "
    "  'Action number ' || i, '{}' FROM n;"
    "COMMIT;";
  ConcordatStore *store = store_of (f);
  g_autoptr(ConcordatRecordModel) model = NULL;
  g_autoptr(ConcordatActionItem) last = NULL;
  g_autoptr(ConcordatActionItem) first = NULL;
  g_autoptr(GError) error = NULL;
  ConcordatActionFilter filter = { NULL, NULL, NULL, "5" };
  ConcordatRecordView *view;

  g_assert_true (concordat_store_exec (concordat_store_get_db (store), insert, &error));
  g_assert_no_error (error);

  model = concordat_record_model_new (store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 100000);
  g_assert_cmpuint (concordat_record_model_get_n_recorded (model), ==, 100000);
  g_assert_cmpuint (concordat_record_model_get_rows_read (model), ==, 0);

  /* The oldest: the first row on the first day. */
  last = g_list_model_get_item (G_LIST_MODEL (model), 99999);
  g_assert_nonnull (last);
  g_assert_cmpstr (concordat_action_item_get_summary (last), ==, "Action number 1");
  g_assert_cmpstr (concordat_action_item_get_date (last), ==, "2000-01-01");
  g_assert_cmpstr (concordat_action_item_get_wizard_title (last), ==, "Party group briefing request");
  g_assert_cmpuint (concordat_record_model_get_rows_read (model), ==, CONCORDAT_RECORD_MODEL_PAGE_SIZE);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), 100000));

  first = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_cmpstr (concordat_action_item_get_summary (first), ==, "Action number 100000");
  g_assert_cmpuint (concordat_record_model_get_rows_read (model), ==, 2 * CONCORDAT_RECORD_MODEL_PAGE_SIZE);

  /* Read again, the page is kept. */
  g_clear_object (&last);
  last = g_list_model_get_item (G_LIST_MODEL (model), 99998);
  g_assert_cmpstr (concordat_action_item_get_summary (last), ==, "Action number 2");
  g_assert_cmpuint (concordat_record_model_get_rows_read (model), ==, 2 * CONCORDAT_RECORD_MODEL_PAGE_SIZE);

  /* Filtered, counted again: 5, 50–59, 500–599, 5000–5999, 50000–59999. */
  concordat_record_model_set_filter (model, &filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 11111);
  g_assert_cmpuint (concordat_record_model_get_n_recorded (model), ==, 100000);
  g_assert_cmpuint (concordat_record_model_get_rows_read (model), ==, 2 * CONCORDAT_RECORD_MODEL_PAGE_SIZE);

  /* The window's list reads what it shows. */
  concordat_store_changed (store, "record");
  view = open_record (f);
  concordat_test_wait_until (shows (GTK_WIDGET (view), "Action number 100000") &&
                             shows (GTK_WIDGET (view), "100000 actions"));
  g_assert_cmpuint (concordat_record_model_get_rows_read (model_of (view)), <=, 4 * CONCORDAT_RECORD_MODEL_PAGE_SIZE);
}

typedef struct
{
  guint calls;
  guint position;
  guint removed;
  guint added;
} Changes;

static void
count_changes (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               Changes    *changes)
{
  changes->calls++;
  changes->position = position;
  changes->removed = removed;
  changes->added = added;
}

/* What the list is told when the record changes: an action recorded
 * today is one row added at the top, the rows below keeping their place; a
 * duty done changes no row; a new filter replaces them all. */
static void
record_model_changes (UiFixture *f)
{
  g_autoptr(ConcordatRecordModel) model = NULL;
  g_autoptr(ConcordatAction) action = NULL;
  g_autoptr(ConcordatActionItem) top = NULL;
  g_autoptr(GDate) today = concordat_clock_today ();
  g_autoptr(GError) error = NULL;
  ConcordatActionFilter filter = { "media-contact", NULL, NULL, NULL };
  ConcordatDuty *duty;
  Changes changes = { 0 };
  gint64 ids[3];
  gint64 id;

  record_three (f, ids);
  model = concordat_record_model_new (store_of (f));
  g_signal_connect (model, "items-changed", G_CALLBACK (count_changes), &changes);
  for (guint i = 0; i < 3; i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), i));

  id = finish (f, "media-contact", MEDIA, TODAY);
  g_assert_cmpuint (changes.calls, ==, 1);
  g_assert_cmpuint (changes.position, ==, 0);
  g_assert_cmpuint (changes.removed, ==, 0);
  g_assert_cmpuint (changes.added, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 4);
  top = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_cmpint (concordat_action_item_get_id (top), ==, id);

  action = concordat_record_get_action (store_of (f), ids[0], today, &error);
  g_assert_no_error (error);
  duty = g_ptr_array_index (action->duties, 0);
  g_assert_true (concordat_record_duty_done (store_of (f), duty->id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes.calls, ==, 1);

  concordat_record_model_set_filter (model, &filter);
  g_assert_cmpuint (changes.calls, ==, 2);
  g_assert_cmpuint (changes.removed, ==, 4);
  g_assert_cmpuint (changes.added, ==, 2);
}

/* Summaries, answers, notes and duties are shown as they were written,
 * never as markup; an action of a wizard Concordat no longer has is shown
 * by its answers' own names. */
static void
record_text_not_markup (UiFixture *f)
{
  static const char insert[] =
    "INSERT INTO actions (wizard, wizard_version, date, created_at, summary, answers, notes) VALUES "
    "('retired-wizard', 3, '2026-11-02', '2026-11-02T10:00:00Z', 'Old <b>form</b> & more', "
    " '{\"old_field\": \"x < y & z\", \"flag\": true, \"count\": 3}', '[\"Kept <i>as</i> written\"]')";
  ConcordatRecordView *view;
  g_autoptr(GError) error = NULL;
  const char *premises = "Smith & <Sons> depot";
  g_autofree char *json = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *duty = NULL;

  set_up_council (f);
  json = g_strdup_printf ("{\"member\": \"Cllr Ada Jones\", \"member_ward\": \"abbey\","
                          " \"premises\": \"%s\", \"premises_ward\": \"Castle\","
                          " \"visit_date\": \"2027-01-05\", \"purpose\": \"<big>Look</big>\","
                          " \"vulnerable_setting\": false, \"arranged_with_manager\": true,"
                          " \"health_safety_ack\": true, \"no_interference_ack\": true}", premises);
  finish (f, "premises-visit", json, TODAY);
  g_assert_true (concordat_store_exec (concordat_store_get_db (store_of (f)), insert, &error));
  g_assert_no_error (error);
  concordat_store_changed (store_of (f), "record");

  view = open_record (f);
  summary = g_strdup_printf ("Cllr Ada Jones visiting %s (Castle) on Tuesday 5 January 2027", premises);
  concordat_test_wait_until (shows (GTK_WIDGET (view), summary) &&
                             shows (GTK_WIDGET (view), "Old <b>form</b> & more"));
  g_assert_true (shows (GTK_WIDGET (view), "retired-wizard"));

  activate_row (view, 0);
  concordat_test_wait_until (shows (GTK_WIDGET (view), "Which premises?"));
  g_assert_true (shows (GTK_WIDGET (view), premises));
  g_assert_true (shows (GTK_WIDGET (view), "<big>Look</big>"));
  g_assert_true (shows (GTK_WIDGET (view), "Purpose: <big>Look</big>"));
  duty = g_strdup_printf ("Tell the members for Castle about Cllr Ada Jones's visit to %s", premises);
  g_assert_true (shows (GTK_WIDGET (view), duty));
  concordat_test_click (back_button_of (view));

  activate_row (view, 1);
  concordat_test_wait_until (shows (GTK_WIDGET (view), "old_field"));
  g_assert_true (shows (GTK_WIDGET (view), "x < y & z"));
  g_assert_true (shows (GTK_WIDGET (view), "flag"));
  g_assert_true (shows (GTK_WIDGET (view), "Yes"));
  g_assert_true (shows (GTK_WIDGET (view), "3"));
  g_assert_true (shows (GTK_WIDGET (view), "Kept <i>as</i> written"));
  g_assert_true (shows (GTK_WIDGET (view), "Monday 2 November 2026 · retired-wizard"));
}

static int
surface_width (ConcordatWindow *window)
{
  return gdk_surface_get_width (gtk_native_get_surface (GTK_NATIVE (window)));
}

/* On a phone the list keeps the day and the summary; every control has a
 * name, wide and narrow, in the list, on an action's page and in the
 * ledger. */
static void
record_narrow (UiFixture *f)
{
  ConcordatRecordView *view;
  ConcordatWindow *window;
  GtkColumnView *list;
  gint64 ids[3];

  record_three (f, ids);
  view = open_record (f);
  window = CONCORDAT_WINDOW (gtk_widget_get_root (GTK_WIDGET (view)));
  list = GTK_COLUMN_VIEW (actions_list_of (view));
  concordat_test_wait_until (shows (GTK_WIDGET (view), VISIT_SUMMARY));
  g_assert_true (shows (GTK_WIDGET (view), "Member visit to council premises"));
  concordat_test_assert_every_control_named (GTK_WIDGET (window), 12);

  activate_row (view, 0);
  concordat_test_wait_until (shows (GTK_WIDGET (view), "Which party group is asking for the briefing?"));
  concordat_test_assert_every_control_named (GTK_WIDGET (window), 15);

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  concordat_test_wait_until (surface_width (window) == 360);
  concordat_test_assert_every_control_named (GTK_WIDGET (window), 10);
  concordat_test_click (back_button_of (view));

  concordat_test_wait_until (shows (GTK_WIDGET (view), VISIT_SUMMARY) &&
                             !shows (GTK_WIDGET (view), "Member visit to council premises"));
  g_assert_true (shows (GTK_WIDGET (view), "1 Dec 2026"));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (list)), <=, 360);
  concordat_test_assert_every_control_named (GTK_WIDGET (window), 10);

  show_section (view, "_Briefing Ledger");
  concordat_test_wait_until (cell_shown (view, "Local plan, Conservative: To offer"));
  concordat_test_assert_every_control_named (GTK_WIDGET (window), 8);

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 720);
  show_section (view, "_Actions");
  concordat_test_wait_until (surface_width (window) == 1000 &&
                             shows (GTK_WIDGET (view), "Member visit to council premises"));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GTK_A11Y", "test", TRUE);
  g_setenv ("CONCORDAT_TODAY", TODAY, TRUE);
  gtk_test_init (&argc, &argv, NULL);

#define ADD_BODY(path, body) \
  g_test_add ("/record-view/" path, UiFixture, body, \
              concordat_test_fixture_set_up, concordat_test_run_data, concordat_test_fixture_tear_down)

  ADD_BODY ("empty", record_empty);
  ADD_BODY ("newest-first", record_lists_newest_first);
  ADD_BODY ("search", record_search);
  ADD_BODY ("filters", record_filters);
  ADD_BODY ("detail", record_detail);
  ADD_BODY ("follows-changes", record_follows_changes);
  ADD_BODY ("ledger", record_ledger);
  ADD_BODY ("many", record_many);
  ADD_BODY ("model-changes", record_model_changes);
  ADD_BODY ("text-not-markup", record_text_not_markup);
  ADD_BODY ("narrow", record_narrow);

#undef ADD_BODY

  return g_test_run ();
}
