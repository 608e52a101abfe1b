/* test-protocol-view.c: the reader in the real window under Xvfb: the
 * model protocol on first start, the outline, search, concordat: links,
 * bookmarks, protocol text shown as text, importing (chosen or dropped),
 * sections read and the acknowledgement, the longest protocol, the narrow
 * layout, and an empty library.
 *
 * Each test has its own data folder; the three real protocols come from
 * $CONCORDAT_SHARED_PROTOCOLS.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "concordat-importer.h"
#include "concordat-library.h"
#include "concordat-paragraph-row.h"
#include "concordat-protocol-item.h"
#include "concordat-protocol-view.h"
#include "concordat-reading.h"
#include "concordat-search-row.h"
#include "concordat-test-ui.h"

#define WOKINGHAM "chapter-9-3-member-officer-protocol"

/* --- finding things on screen --- */

static ConcordatProtocolView *
view_of (ConcordatWindow *window)
{
  GtkWidget *view = concordat_test_find_widget (GTK_WIDGET (window), CONCORDAT_TYPE_PROTOCOL_VIEW, NULL, NULL);

  g_assert_nonnull (view);
  return CONCORDAT_PROTOCOL_VIEW (view);
}

static ConcordatStore *
store_of (UiFixture *f)
{
  return concordat_application_get_store (f->app);
}

static GtkWidget *
content_list_of (ConcordatProtocolView *view)
{
  GtkWidget *list = concordat_test_find_widget (GTK_WIDGET (view), GTK_TYPE_LIST_VIEW,
                                                concordat_test_accessible_label_is, "Paragraphs");

  g_assert_nonnull (list);
  return list;
}

static GtkWidget *
outline_of (ConcordatProtocolView *view)
{
  GtkWidget *list = concordat_test_find_widget (GTK_WIDGET (view), GTK_TYPE_LIST_VIEW,
                                                concordat_test_accessible_label_is, "Contents");

  g_assert_nonnull (list);
  return list;
}

static gboolean
row_cites (GtkWidget  *widget,
           const char *citation)
{
  ConcordatProtocolItem *item = concordat_paragraph_row_get_item (CONCORDAT_PARAGRAPH_ROW (widget));

  return item != NULL && g_strcmp0 (concordat_protocol_item_get_citation (item), citation) == 0;
}

/* The content row showing the paragraph (or heading) cited @citation. */
static ConcordatParagraphRow *
find_row (ConcordatProtocolView *view,
          const char            *citation)
{
  return (ConcordatParagraphRow *)concordat_test_find_widget (content_list_of (view), CONCORDAT_TYPE_PARAGRAPH_ROW,
                                                              row_cites, citation);
}

/* Whether the row is wholly or partly in the list's view, not just made
 * ready above or below it. */
static gboolean
row_in_view (ConcordatProtocolView *view,
             ConcordatParagraphRow *row)
{
  GtkWidget *list = content_list_of (view);
  graphene_rect_t bounds;

  if (row == NULL || !gtk_widget_get_mapped (GTK_WIDGET (row)) ||
      !gtk_widget_compute_bounds (GTK_WIDGET (row), list, &bounds))
    return FALSE;

  return bounds.origin.y + bounds.size.height > 0 && bounds.origin.y < gtk_widget_get_height (list);
}

/* The row's top is at the top of the view, where a jump lands. */
static gboolean
row_at_top (ConcordatProtocolView *view,
            const char            *citation)
{
  ConcordatParagraphRow *row = find_row (view, citation);
  graphene_rect_t bounds;

  return row_in_view (view, row) &&
         gtk_widget_compute_bounds (GTK_WIDGET (row), content_list_of (view), &bounds) &&
         ABS (bounds.origin.y) < 2;
}

static gboolean
row_highlighted (ConcordatProtocolView *view,
                 const char            *citation)
{
  ConcordatParagraphRow *row = find_row (view, citation);

  return row_in_view (view, row) && gtk_widget_has_css_class (GTK_WIDGET (row), "highlighted");
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

/* A label showing markup, such as a search result's snippet. */
static gboolean
markup_has (GtkWidget  *widget,
            const char *text)
{
  return text_has (widget, text) && gtk_label_get_use_markup (GTK_LABEL (widget));
}

/* A label under @root saying @text, on screen. */
static gboolean
shows (GtkWidget  *root,
       const char *text)
{
  GtkWidget *label = concordat_test_find_widget (root, GTK_TYPE_LABEL, text_is, text);

  return label != NULL && gtk_widget_get_mapped (label);
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  GtkWidget *button = concordat_test_find_widget (root, GTK_TYPE_BUTTON, concordat_test_label_is, label);

  g_assert_nonnull (button);
  return button;
}

static void
count_click (GtkButton *button,
             guint     *clicks)
{
  (*clicks)++;
}

/* As Enter or Space does; a button clicks a moment later, a check button
 * toggles at once. */
static void
click (GtkWidget *widget)
{
  /* A click may take the button off screen for good. */
  g_autoptr(GtkWidget) button = g_object_ref (widget);
  guint clicks = 0;
  gulong handler = 0;

  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_true (gtk_widget_is_sensitive (button));

  if (GTK_IS_BUTTON (button))
    handler = g_signal_connect (button, "clicked", G_CALLBACK (count_click), &clicks);

  g_assert_true (gtk_widget_activate (button));

  if (handler != 0)
    {
      concordat_test_wait_until (clicks == 1);
      g_signal_handler_disconnect (button, handler);
    }
}

static AdwMessageDialog *
wait_for_dialog (const char *heading)
{
  AdwMessageDialog *dialog;

  concordat_test_wait_until (concordat_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL &&
                             gtk_widget_get_mapped (GTK_WIDGET (concordat_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG))));
  dialog = ADW_MESSAGE_DIALOG (concordat_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, heading);

  return dialog;
}

static void
close_dialog (AdwMessageDialog *dialog)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  concordat_test_wait_until (concordat_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL);
}

static char *
shared_protocol (const char *name)
{
  const char *dir = g_getenv ("CONCORDAT_SHARED_PROTOCOLS");

  g_assert_nonnull (dir);
  return g_build_filename (dir, name, NULL);
}

static void
import_path (ConcordatProtocolView *view,
             const char            *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  concordat_protocol_view_import_file (view, file);
}

static void
import_wokingham (ConcordatProtocolView *view)
{
  g_autofree char *path = shared_protocol ("wokingham-chapter-9-3.txt");

  import_path (view, path);
  g_assert_cmpstr (concordat_protocol_view_get_document (view), ==, WOKINGHAM);
}

/* --- the tests --- */

/* On first start, the model protocol is in the library and open. */
static void
protocol_opens_model (UiFixture *f)
{
  ConcordatWindow *window = concordat_test_open_window (f);
  ConcordatProtocolView *view = view_of (window);
  ConcordatParagraphRow *first;

  g_assert_cmpstr (concordat_protocol_view_get_document (view), ==, CONCORDAT_LIBRARY_MODEL_SLUG);
  concordat_test_wait_until (shows (GTK_WIDGET (view), "Model Member/Officer Protocol") &&
                             row_in_view (view, find_row (view, "1.1")));

  first = find_row (view, "1.1");
  g_assert_nonnull (concordat_test_find_widget (GTK_WIDGET (first), GTK_TYPE_LABEL, text_has,
                                                "This protocol describes how the Council"));
  g_assert_true (shows (GTK_WIDGET (view), "1  About this protocol"));
  g_assert_true (shows (GTK_WIDGET (view), "Protocols"));
  g_assert_true (shows (GTK_WIDGET (view), "129 paragraphs"));

  /* Its topics, by their labels: 8.3 is about party groups. */
  g_assert_true (concordat_protocol_view_open_paragraph (view, "model", "8.3", NULL));
  concordat_test_wait_until (row_in_view (view, find_row (view, "8.3")));
  g_assert_nonnull (concordat_test_find_widget (GTK_WIDGET (find_row (view, "8.3")), GTK_TYPE_LABEL,
                                                text_is, "Party groups"));
}

static GtkWidget *
outline_row_titled (ConcordatProtocolView *view,
                    const char            *heading)
{
  GtkWidget *label = concordat_test_find_widget (outline_of (view), GTK_TYPE_LABEL, text_is, heading);

  return label != NULL && gtk_widget_get_mapped (label) ? label : NULL;
}

/* Wokingham's guidance on officers holds numbered subsections, shown once
 * it is expanded; choosing one scrolls the content to it. */
static void
protocol_outline_expands (UiFixture *f)
{
  ConcordatProtocolView *view = view_of (concordat_test_open_window (f));
  GtkWidget *parent;
  GtkWidget *expander;
  GtkListView *outline;

  import_wokingham (view);
  concordat_test_wait_until ((parent = outline_row_titled (view, "Supporting Guidance on Role and Responsibilities of Officers")) != NULL);
  g_assert_null (outline_row_titled (view, "Political Groups and Officers (excluding Political Assistants)"));

  expander = gtk_widget_get_ancestor (parent, GTK_TYPE_TREE_EXPANDER);
  g_assert_true (gtk_widget_activate_action (expander, "listitem.expand", NULL));
  concordat_test_wait_until (outline_row_titled (view, "Political Groups and Officers (excluding Political Assistants)") != NULL);

  /* Chosen in the outline, the section's heading comes to the top. */
  outline = GTK_LIST_VIEW (outline_of (view));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (outline))); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (gtk_list_view_get_model (outline)), i);
      g_autoptr(ConcordatProtocolItem) item = gtk_tree_list_row_get_item (row);

      if (g_str_equal (concordat_protocol_item_get_heading (item), "Political Groups and Officers (excluding Political Assistants)"))
        g_signal_emit_by_name (outline, "activate", i);
    }
  concordat_test_wait_until (row_at_top (view, "10"));
  g_assert_true (shows (GTK_WIDGET (find_row (view, "10")), "10  Political Groups and Officers (excluding Political Assistants)"));
}

static GtkSearchEntry *
search_entry_of (ConcordatProtocolView *view)
{
  return GTK_SEARCH_ENTRY (concordat_test_find_widget (GTK_WIDGET (view), GTK_TYPE_SEARCH_ENTRY, NULL, NULL));
}

static GtkListBox *
results_of (ConcordatProtocolView *view)
{
  return GTK_LIST_BOX (concordat_test_find_widget (GTK_WIDGET (view), GTK_TYPE_LIST_BOX,
                                                   concordat_test_accessible_label_is, "Search Results"));
}

static ConcordatSearchRow *
first_result (ConcordatProtocolView *view)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (results_of (view), 0);

  return row != NULL && gtk_widget_get_mapped (GTK_WIDGET (row)) ? CONCORDAT_SEARCH_ROW (row) : NULL;
}

static void
search_for (ConcordatProtocolView *view,
            const char            *text)
{
  GtkSearchBar *bar = GTK_SEARCH_BAR (concordat_test_find_widget (GTK_WIDGET (view), GTK_TYPE_SEARCH_BAR, NULL, NULL));

  /* Ctrl+F, from the view's own shortcuts. */
  concordat_test_press (GTK_WIDGET (view), "<Control>f");
  g_assert_true (gtk_search_bar_get_search_mode (bar));
  concordat_test_wait_until (concordat_test_has_focus_within (GTK_WIDGET (search_entry_of (view))) &&
                             gtk_widget_get_mapped (GTK_WIDGET (search_entry_of (view))));
  gtk_editable_set_text (GTK_EDITABLE (search_entry_of (view)), text);
}

/* "briefing", results as you type with the words in bold; the first
 * result opens at its paragraph, highlighted. */
static void
protocol_search (UiFixture *f)
{
  ConcordatProtocolView *view = view_of (concordat_test_open_window (f));
  const ConcordatSearchResult *result;
  ConcordatSearchRow *row;
  GtkWidget *snippet;
  g_autofree char *citation = NULL;
  GtkSearchBar *bar;

  search_for (view, "briefing");
  concordat_test_wait_until ((row = first_result (view)) != NULL);

  result = concordat_search_row_get_result (row);
  g_assert_cmpstr (result->doc, ==, "model");
  citation = g_strdup (result->citation);
  g_assert_true (g_str_has_prefix (citation, "8."));
  g_assert_true (shows (GTK_WIDGET (row), citation));
  g_assert_true (shows (GTK_WIDGET (row), "Party groups and officer briefings"));
  snippet = concordat_test_find_widget (GTK_WIDGET (row), GTK_TYPE_LABEL, markup_has, "briefing");
  g_assert_nonnull (snippet);
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (snippet)), "<b>briefing"));

  /* Enter opens the best match, as clicking it does. */
  g_signal_emit_by_name (search_entry_of (view), "activate");
  concordat_test_wait_until (row_highlighted (view, citation));
  concordat_test_wait_until (row_at_top (view, citation));
  bar = GTK_SEARCH_BAR (concordat_test_find_widget (GTK_WIDGET (view), GTK_TYPE_SEARCH_BAR, NULL, NULL));
  g_assert_false (gtk_search_bar_get_search_mode (bar));

  /* The highlight is brief. */
  concordat_test_wait_until (!gtk_widget_has_css_class (GTK_WIDGET (find_row (view, citation)), "highlighted"));

  /* Nothing found says so, in the words typed. */
  search_for (view, "zebra & <crossing>");
  concordat_test_wait_until (concordat_test_find_widget (GTK_WIDGET (view), ADW_TYPE_STATUS_PAGE, concordat_test_title_is,
                                                         "No paragraphs match “zebra & <crossing>”") != NULL &&
                             gtk_widget_get_mapped (concordat_test_find_widget (GTK_WIDGET (view), ADW_TYPE_STATUS_PAGE,
                                                                                concordat_test_title_is,
                                                                                "No paragraphs match “zebra & <crossing>”")));

  /* Escape closes the search, and the paragraphs come back. */
  g_signal_emit_by_name (search_entry_of (view), "stop-search");
  g_assert_false (gtk_search_bar_get_search_mode (bar));
  concordat_test_wait_until (row_in_view (view, find_row (view, citation)));
}

/* "All Protocols" finds paragraphs in the others, naming their document. */
static void
protocol_search_everywhere (UiFixture *f)
{
  ConcordatProtocolView *view = view_of (concordat_test_open_window (f));
  g_autofree char *joint = shared_protocol ("joint-councillor-officer-protocol.txt");
  g_autofree char *citation = NULL;
  ConcordatSearchRow *row;
  GtkListBoxRow *other = NULL;

  import_path (view, joint);
  g_assert_true (concordat_protocol_view_open_document (view, "model", NULL));

  search_for (view, "briefing");
  concordat_test_wait_until (first_result (view) != NULL);
  click (find_button (GTK_WIDGET (view), "All Protocols"));
  concordat_test_wait_until ((row = first_result (view)) != NULL);

  for (int i = 0; (other = gtk_list_box_get_row_at_index (results_of (view), i)) != NULL; i++)
    {
      if (g_str_equal (concordat_search_row_get_result (CONCORDAT_SEARCH_ROW (other))->doc, "joint-protocol-on-councillor-officer"))
        break;
    }
  g_assert_nonnull (other);
  g_assert_nonnull (concordat_test_find_widget (GTK_WIDGET (other), GTK_TYPE_LABEL, text_has,
                                                "Joint Protocol on Councillor & Officer Relationships"));

  /* Clicking a result in another protocol opens that protocol there. */
  citation = g_strdup (concordat_search_row_get_result (CONCORDAT_SEARCH_ROW (other))->citation);
  gtk_widget_activate (GTK_WIDGET (other));
  g_assert_cmpstr (concordat_protocol_view_get_document (view), ==, "joint-protocol-on-councillor-officer");
  concordat_test_wait_until (row_highlighted (view, citation));
}

static AdwViewStack *
view_stack_of (ConcordatWindow *window)
{
  return ADW_VIEW_STACK (concordat_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK, NULL, NULL));
}

/* A concordat: link, as the window's action and as the application opens
 * it, lands on the paragraph from any view; a bad one says what is wrong. */
static void
protocol_links (UiFixture *f)
{
  ConcordatWindow *window = concordat_test_open_window (f);
  ConcordatProtocolView *view = view_of (window);
  g_autoptr(GFile) link = g_file_new_for_uri ("concordat:model/14.2");
  g_autoptr(GFile) spaced = g_file_new_for_uri ("concordat:" WOKINGHAM "/Media%20Relations%206");

  adw_view_stack_set_visible_child_name (view_stack_of (window), "duties");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-paragraph", "s", "model/8.3");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (view_stack_of (window)), ==, "protocol");
  concordat_test_wait_until (row_highlighted (view, "8.3") && row_at_top (view, "8.3"));

  g_application_open (G_APPLICATION (f->app), &link, 1, "");
  concordat_test_wait_until (row_highlighted (view, "14.2") && row_at_top (view, "14.2"));

  import_wokingham (view);
  g_assert_true (concordat_protocol_view_open_document (view, "model", NULL));
  g_application_open (G_APPLICATION (f->app), &spaced, 1, "");
  g_assert_cmpstr (concordat_protocol_view_get_document (view), ==, WOKINGHAM);
  concordat_test_wait_until (row_highlighted (view, "Media Relations 6"));

  /* Only one window, however many links. */
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (f->app))), ==, 1);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-paragraph", "s", "no-such-protocol/1.1");
  concordat_test_wait_until (shows (GTK_WIDGET (window), "There is no protocol “no-such-protocol” in the library"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-paragraph", "s", "model/99.9");
  concordat_test_wait_until (shows (GTK_WIDGET (window), "“Model Member/Officer Protocol” has no paragraph 99.9"));
}

static GtkWidget *
bookmarks_of (ConcordatProtocolView *view)
{
  return concordat_test_find_widget (GTK_WIDGET (view), GTK_TYPE_LIST_BOX,
                                     concordat_test_accessible_label_is, "Bookmarks");
}

static guint
count_bookmarks (UiFixture *f)
{
  g_autoptr(GPtrArray) bookmarks = concordat_reading_list_bookmarks (store_of (f), "model", NULL);

  return bookmarks->len;
}

/* A named bookmark from a paragraph's button, kept in the store and listed
 * in the sidebar; removing it can be undone. */
static void
protocol_bookmark (UiFixture *f)
{
  ConcordatWindow *window = concordat_test_open_window (f);
  ConcordatProtocolView *view = view_of (window);
  g_autoptr(GPtrArray) bookmarks = NULL;
  ConcordatBookmark *bookmark;
  AdwMessageDialog *dialog;
  GtkWidget *button;
  GtkEditable *name;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-paragraph", "s", "model/8.3");
  concordat_test_wait_until (row_in_view (view, find_row (view, "8.3")));
  g_assert_true (shows (GTK_WIDGET (view), "Bookmark a paragraph to find it here again."));

  button = concordat_test_find_widget (GTK_WIDGET (find_row (view, "8.3")), GTK_TYPE_BUTTON, NULL, NULL);
  click (button);
  dialog = wait_for_dialog ("Add Bookmark");
  name = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_assert_cmpstr (gtk_editable_get_text (name), ==, "8.3");
  gtk_editable_set_text (name, "Briefings for every group");
  adw_message_dialog_response (dialog, "add");

  bookmarks = concordat_reading_list_bookmarks (store_of (f), "model", NULL);
  g_assert_cmpuint (bookmarks->len, ==, 1);
  bookmark = g_ptr_array_index (bookmarks, 0);
  g_assert_cmpstr (bookmark->citation, ==, "8.3");
  g_assert_cmpstr (bookmark->name, ==, "Briefings for every group");
  concordat_test_wait_until (shows (bookmarks_of (view), "Briefings for every group"));
  g_assert_false (shows (GTK_WIDGET (view), "Bookmark a paragraph to find it here again."));
  g_assert_true (gtk_widget_has_css_class (button, "accent"));

  /* The sidebar's bookmark goes back to it from elsewhere. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-paragraph", "s", "model/1.1");
  concordat_test_wait_until (row_at_top (view, "1.1"));
  gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (bookmarks_of (view)), 0)));
  concordat_test_wait_until (row_highlighted (view, "8.3") && row_at_top (view, "8.3"));

  /* Removed, and put back with Undo. */
  click (find_button (bookmarks_of (view), NULL));
  g_assert_cmpuint (count_bookmarks (f), ==, 0);
  concordat_test_wait_until (shows (GTK_WIDGET (window), "Bookmark “Briefings for every group” removed"));
  g_assert_false (shows (bookmarks_of (view), "Briefings for every group"));
  click (find_button (GTK_WIDGET (window), "_Undo"));
  g_assert_cmpuint (count_bookmarks (f), ==, 1);
  concordat_test_wait_until (shows (bookmarks_of (view), "Briefings for every group"));
}

static void
record_link (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_ptr_array_add (user_data, g_variant_dup_string (parameter, NULL));
}

/* Protocol text is text: "<b>" and "&" are shown as written, in the
 * content, the sidebar and search results. */
static void
protocol_text_not_markup (UiFixture *f)
{
  ConcordatProtocolView *view = view_of (concordat_test_open_window (f));
  g_autofree char *dir = g_dir_make_tmp ("concordat-markup-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "markup.md", NULL);
  const char *refused[] = { "file:///etc/passwd", "javascript:alert(1)", "help:gnome-help", "ftp://example.org/" };
  const char *allowed[] = { "https://example.org/code", "mailto:clerk@example.org" };
  g_autoptr(GSimpleActionGroup) spy = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) open_link = NULL;
  g_autoptr(GPtrArray) opened = NULL;
  ConcordatParagraphRow *row;
  ConcordatSearchRow *result;
  GtkLabel *text;

  g_assert_true (g_file_set_contents (path,
                                      "# Officers & <b>Members</b>\n\n"
                                      "## 1. Rules & <i>tags</i>\n\n"
                                      "1.1 Officers <b>must</b> attend & report.\n\n"
                                      "1.2 A second paragraph, so that the first is not alone.\n\n"
                                      "1.3 Read <span foreground=\"red\">this</span> at https://example.org/code, "
                                      "not javascript:alert(1) or file:///etc/passwd.\n", -1, NULL));
  import_path (view, path);
  g_assert_cmpstr (concordat_protocol_view_get_document (view), ==, "officers-b-members-b");

  concordat_test_wait_until ((row = find_row (view, "1.1")) != NULL && row_in_view (view, row));
  g_assert_true (shows (GTK_WIDGET (row), "Officers <b>must</b> attend & report."));
  g_assert_true (shows (GTK_WIDGET (view), "Officers & <b>Members</b>"));
  g_assert_true (shows (GTK_WIDGET (view), "1  Rules & <i>tags</i>"));
  g_assert_nonnull (outline_row_titled (view, "Rules & <i>tags</i>"));

  /* A web address is a link, and only web and email addresses go to the
   * view to be opened: a link to anything else is refused before GTK
   * would open it. */
  concordat_test_wait_until ((row = find_row (view, "1.3")) != NULL && row_in_view (view, row));
  g_assert_true (shows (GTK_WIDGET (row), "Read <span foreground=\"red\">this</span> at https://example.org/code, "
                                          "not javascript:alert(1) or file:///etc/passwd."));
  text = GTK_LABEL (concordat_test_find_widget (GTK_WIDGET (row), GTK_TYPE_LABEL, text_has, "https://example.org/code"));
  g_assert_true (gtk_label_get_use_markup (text));
  g_assert_nonnull (strstr (gtk_label_get_label (text), "<a href=\"https://example.org/code\">"));
  g_assert_null (strstr (gtk_label_get_label (text), "<span"));
  opened = g_ptr_array_new_with_free_func (g_free);
  open_link = g_simple_action_new ("open-link", G_VARIANT_TYPE_STRING);
  g_signal_connect (open_link, "activate", G_CALLBACK (record_link), opened);
  g_action_map_add_action (G_ACTION_MAP (spy), G_ACTION (open_link));
  gtk_widget_insert_action_group (GTK_WIDGET (row), "protocol", G_ACTION_GROUP (spy));
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      gboolean handled = FALSE;

      g_signal_emit_by_name (text, "activate-link", refused[i], &handled);
      g_assert_true (handled);
    }
  g_assert_cmpuint (opened->len, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (allowed); i++)
    {
      gboolean handled = FALSE;

      g_signal_emit_by_name (text, "activate-link", allowed[i], &handled);
      g_assert_true (handled);
      g_assert_cmpuint (opened->len, ==, i + 1);
      g_assert_cmpstr (g_ptr_array_index (opened, i), ==, allowed[i]);
    }
  gtk_widget_insert_action_group (GTK_WIDGET (row), "protocol", NULL);

  search_for (view, "attend");
  concordat_test_wait_until ((result = first_result (view)) != NULL);
  g_assert_nonnull (concordat_test_find_widget (GTK_WIDGET (result), GTK_TYPE_LABEL, text_is,
                                                "Officers <b>must</b> attend & report."));

  g_unlink (path);
  g_rmdir (dir);
}

static gboolean
toast_button_is (GtkWidget  *widget,
                 const char *label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static guint
count_documents (UiFixture *f)
{
  g_autoptr(GPtrArray) docs = concordat_library_list (store_of (f), NULL);

  return docs->len;
}

/* The file chooser's title and first filter; then it is cancelled. */
static void
assert_chooser (GtkWindow *chooser)
{
  g_autoptr(GListModel) filters = gtk_file_chooser_get_filters (GTK_FILE_CHOOSER (chooser));
  g_autoptr(GtkFileFilter) first = g_list_model_get_item (filters, 0);

  g_assert_cmpstr (gtk_window_get_title (chooser), ==, "Import a Protocol");
  g_assert_cmpstr (gtk_file_filter_get_name (first), ==, "Text and Markdown");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
}

/* A protocol with a paragraph number given twice, which the importer
 * keeps, and warns about. */
static const char warned_protocol[] =
  "# Protocol With Warnings\n\n"
  "## 1. Briefings\n\n"
  "1.1 Officers brief party groups on council business only.\n\n"
  "1.2 A briefing offered to one group is offered to all.\n\n"
  "1.2 The same number again, as a PDF sometimes has it.\n\n"
  "1.3 Officers leave before party business.\n";

static GPtrArray *
expected_warnings (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (warned_protocol, sizeof warned_protocol - 1);
  g_autoptr(ConcordatParsedDocument) parsed = concordat_importer_parse (bytes, "warned.md", NULL);

  g_assert_nonnull (parsed);
  g_assert_cmpuint (parsed->warnings->len, >, 0);
  return g_ptr_array_ref (parsed->warnings);
}

/* Importing opens the protocol and offers the importer's warnings; a file
 * that cannot be imported is explained, and nothing of it kept. */
static void
protocol_import (UiFixture *f)
{
  ConcordatWindow *window = concordat_test_open_window (f);
  ConcordatProtocolView *view = view_of (window);
  g_autoptr(GPtrArray) warnings = expected_warnings ();
  g_autofree char *warned = g_build_filename (f->data_dir, "warned.md", NULL);
  g_autofree char *binary = g_build_filename (f->data_dir, "protocol.txt", NULL);
  g_autofree char *toast = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *details;

  g_assert_true (g_file_set_contents (warned, warned_protocol, -1, NULL));
  import_path (view, warned);
  g_assert_cmpstr (concordat_protocol_view_get_document (view), ==, "protocol-with-warnings");
  g_assert_cmpuint (count_documents (f), ==, 2);
  toast = g_strdup_printf (warnings->len == 1 ? "Imported with %u warning" : "Imported with %u warnings", warnings->len);
  concordat_test_wait_until (shows (GTK_WIDGET (window), toast));
  g_assert_true (shows (GTK_WIDGET (view), "Protocol With Warnings"));
  concordat_test_wait_until (row_in_view (view, find_row (view, "1.2 (2)")));

  details = concordat_test_find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, toast_button_is, "_Details");
  click (details);
  dialog = wait_for_dialog ("Imported with Warnings");
  for (guint i = 0; i < warnings->len; i++)
    g_assert_nonnull (concordat_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL, text_has,
                                                  g_ptr_array_index (warnings, i)));
  close_dialog (dialog);

  /* The same file again. */
  import_path (view, warned);
  dialog = wait_for_dialog ("The Protocol Was Not Imported");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "already in the library"));
  close_dialog (dialog);

  /* Not text. */
  g_assert_true (g_file_set_contents (binary, "1.1 text\0\x01\x02", 11, NULL));
  import_path (view, binary);
  dialog = wait_for_dialog ("The Protocol Was Not Imported");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "not a text file"));
  close_dialog (dialog);

  g_assert_cmpuint (count_documents (f), ==, 2);
  g_assert_cmpstr (concordat_protocol_view_get_document (view), ==, "protocol-with-warnings");

  /* Ctrl+O asks for the file, offering text and Markdown. */
  concordat_test_press (GTK_WIDGET (view), "<Control>o");
  concordat_test_wait_until (concordat_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL);
  assert_chooser (concordat_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));
  concordat_test_wait_until (concordat_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) == NULL);
  g_assert_cmpuint (count_documents (f), ==, 2);
}

static GtkDropTarget *
drop_target_of (ConcordatProtocolView *view)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (view));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }

  g_assert_not_reached ();
}

static gboolean
drop (GtkDropTarget *target,
      const GValue  *value)
{
  gboolean accepted = FALSE;

  g_signal_emit_by_name (target, "drop", value, 10.0, 10.0, &accepted);
  return accepted;
}

/* A file dragged from the file manager is imported and opened, whether it
 * comes as a list of files or as one. */
static void
protocol_drop (UiFixture *f)
{
  ConcordatProtocolView *view = view_of (concordat_test_open_window (f));
  GtkDropTarget *target = drop_target_of (view);
  g_autofree char *joint = shared_protocol ("joint-councillor-officer-protocol.txt");
  g_autofree char *wokingham = shared_protocol ("wokingham-chapter-9-3.txt");
  g_autoptr(GFile) joint_file = g_file_new_for_path (joint);
  g_autoptr(GFile) wokingham_file = g_file_new_for_path (wokingham);
  g_autoptr(GSList) files = g_slist_prepend (NULL, joint_file);
  g_auto(GValue) list = G_VALUE_INIT;
  g_auto(GValue) file = G_VALUE_INIT;

  g_value_init (&list, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&list, gdk_file_list_new_from_list (files));
  g_assert_true (drop (target, &list));
  g_assert_cmpstr (concordat_protocol_view_get_document (view), ==, "joint-protocol-on-councillor-officer");

  g_value_init (&file, G_TYPE_FILE);
  g_value_set_object (&file, wokingham_file);
  g_assert_true (drop (target, &file));
  g_assert_cmpstr (concordat_protocol_view_get_document (view), ==, WOKINGHAM);
  g_assert_cmpuint (count_documents (f), ==, 3);
}

static guint
sections_read (UiFixture  *f,
               const char *slug)
{
  guint read = 0;
  guint total = 0;

  g_assert_true (concordat_reading_progress (store_of (f), slug, &read, &total, NULL));
  return read;
}

static char *
progress_text (guint read)
{
  return g_strdup_printf ("%u of 18 sections read", read);
}

static gboolean
shows_progress (ConcordatProtocolView *view,
                guint                  read)
{
  g_autofree char *text = progress_text (read);

  return shows (GTK_WIDGET (view), text);
}

/* The model protocol's section @citation, by its id in the store. */
static gint64
section_id (UiFixture  *f,
            const char *citation)
{
  g_autoptr(GPtrArray) outline = concordat_library_outline (store_of (f), "model", NULL);

  for (guint i = 0; i < outline->len; i++)
    {
      ConcordatSection *section = g_ptr_array_index (outline, i);

      if (g_str_equal (section->citation, citation))
        return section->id;
    }

  g_assert_not_reached ();
}

static gboolean
section_read (UiFixture  *f,
              const char *citation)
{
  g_autoptr(GArray) read = concordat_reading_sections_read (store_of (f), "model", NULL);
  gint64 id = section_id (f, citation);

  for (guint i = 0; i < read->len; i++)
    {
      if (g_array_index (read, gint64, i) == id)
        return TRUE;
    }

  return FALSE;
}

/* Long enough for what is on screen to have been looked at. */
static void
wait_a_second (void)
{
  gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC;
  guint tick = g_timeout_add (10, concordat_test_tick, NULL);

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
}

/* A section is read by hand from its heading, or by scrolling to its end;
 * unread by hand, it stays so; the progress follows, and "I Have Read
 * This Protocol" records the day. */
static void
protocol_progress (UiFixture *f)
{
  ConcordatProtocolView *view = view_of (concordat_test_open_window (f));
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autofree char *read_on = NULL;
  g_autofree char *day = NULL;
  g_autofree char *acknowledged = NULL;
  GtkAdjustment *adjustment;
  GtkWidget *check;
  guint before;

  /* Scrolling past the end of section 1 reads it. */
  concordat_test_wait_until (row_at_top (view, "1"));
  g_assert_false (row_in_view (view, find_row (view, "1.7")));
  g_assert_false (section_read (f, "1"));
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (content_list_of (view)));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment) * 0.8);
  concordat_test_wait_until (row_in_view (view, find_row (view, "1.7")));
  concordat_test_wait_until (section_read (f, "1"));

  g_assert_false (section_read (f, "3"));
  g_assert_true (concordat_protocol_view_open_paragraph (view, "model", "3", NULL));
  concordat_test_wait_until (row_at_top (view, "3"));
  before = sections_read (f, "model");
  concordat_test_wait_until (shows_progress (view, before));

  check = concordat_test_find_widget (GTK_WIDGET (find_row (view, "3")), GTK_TYPE_CHECK_BUTTON, NULL, NULL);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  click (check);
  g_assert_true (section_read (f, "3"));
  g_assert_cmpuint (sections_read (f, "model"), ==, before + 1);
  concordat_test_wait_until (shows_progress (view, before + 1));

  click (check);
  g_assert_false (section_read (f, "3"));
  concordat_test_wait_until (shows_progress (view, before));

  /* Scrolled to the end of section 8, it has been read. */
  g_assert_false (section_read (f, "8"));
  g_assert_true (concordat_protocol_view_open_paragraph (view, "model", "8.14", NULL));
  concordat_test_wait_until (section_read (f, "8"));
  concordat_test_wait_until (shows_progress (view, sections_read (f, "model")));

  /* Unmarked by hand, as its heading's check button does, it stays unread
   * with its end on screen, however the reader scrolls. */
  gtk_widget_activate_action (GTK_WIDGET (view), "protocol.mark-section", "(xb)", section_id (f, "8"), FALSE);
  g_assert_false (section_read (f, "8"));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + 1);
  wait_a_second ();
  g_assert_true (row_in_view (view, find_row (view, "8.14")));
  g_assert_false (section_read (f, "8"));

  /* The acknowledgement, with today's date. */
  g_assert_null (concordat_reading_acknowledged_at (store_of (f), "model", NULL));
  click (find_button (GTK_WIDGET (view), "I _Have Read This Protocol"));
  acknowledged = concordat_reading_acknowledged_at (store_of (f), "model", NULL);
  g_assert_nonnull (acknowledged);
  day = g_date_time_format (today, "%-d %B %Y");
  read_on = g_strdup_printf ("Read on %s", day);
  concordat_test_wait_until (shows (GTK_WIDGET (view), read_on));
  g_assert_false (gtk_widget_get_visible (find_button (GTK_WIDGET (view), "I _Have Read This Protocol")));
}

/* The longest real protocol scrolls in a list that does not make a row
 * for every paragraph, to its last paragraph and back. */
static void
protocol_long (UiFixture *f)
{
  ConcordatProtocolView *view = view_of (concordat_test_open_window (f));
  g_autofree char *carlisle = shared_protocol ("carlisle-2007-executive-report.txt");
  g_autoptr(GPtrArray) paragraphs = NULL;
  ConcordatParagraph *last;
  guint rows = 0;
  guint items;

  import_path (view, carlisle);
  paragraphs = concordat_library_paragraphs (store_of (f), concordat_protocol_view_get_document (view), NULL);
  g_assert_cmpuint (paragraphs->len, ==, 206);
  last = g_ptr_array_index (paragraphs, paragraphs->len - 1);

  g_assert_true (concordat_protocol_view_open_paragraph (view, last->doc, last->citation, NULL));
  concordat_test_wait_until (row_highlighted (view, last->citation));

  /* GTK 4.8 keeps about 200 rows around the view, however long the list. */
  for (GtkWidget *child = gtk_widget_get_first_child (content_list_of (view)); child != NULL; child = gtk_widget_get_next_sibling (child))
    rows++;
  items = g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (content_list_of (view)))));
  g_assert_cmpuint (items, >, 206);
  g_assert_cmpuint (rows, <, items);

  g_assert_true (concordat_protocol_view_open_paragraph (view, last->doc, ((ConcordatParagraph *)g_ptr_array_index (paragraphs, 0))->citation, NULL));
  concordat_test_wait_until (row_at_top (view, ((ConcordatParagraph *)g_ptr_array_index (paragraphs, 0))->citation));
}

/* A library with nothing in it says how to import a protocol. */
static void
protocol_empty_library (UiFixture *f)
{
  g_autofree char *path = g_build_filename (f->data_dir, "empty.db", NULL);
  g_autofree char *joint = shared_protocol ("joint-councillor-officer-protocol.txt");
  g_autoptr(ConcordatStore) store = concordat_store_open (path, NULL);
  ConcordatProtocolView *view = g_object_new (CONCORDAT_TYPE_PROTOCOL_VIEW, NULL);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *empty;

  g_assert_nonnull (store);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  concordat_protocol_view_set_store (view, store);
  gtk_window_present (GTK_WINDOW (window));

  concordat_test_wait_until ((empty = concordat_test_find_widget (GTK_WIDGET (view), ADW_TYPE_STATUS_PAGE,
                                                                  concordat_test_title_is, "No Protocol")) != NULL &&
                             gtk_widget_get_mapped (empty));
  g_assert_null (concordat_protocol_view_get_document (view));
  g_assert_true (gtk_widget_get_mapped (find_button (empty, "_Import a Protocol…")));

  import_path (view, joint);
  g_assert_cmpstr (concordat_protocol_view_get_document (view), ==, "joint-protocol-on-councillor-officer");
  concordat_test_wait_until (!gtk_widget_get_mapped (empty) &&
                             shows (GTK_WIDGET (view), "Joint Protocol on Councillor & Officer Relationships"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static int
surface_width (ConcordatWindow *window)
{
  return gdk_surface_get_width (gtk_native_get_surface (GTK_NATIVE (window)));
}

static AdwLeaflet *
leaflet_of (ConcordatProtocolView *view)
{
  return ADW_LEAFLET (concordat_test_find_widget (GTK_WIDGET (view), ADW_TYPE_LEAFLET, NULL, NULL));
}

/* Narrow, the sidebar folds away behind a back button; wide, both show;
 * every control has a name in both. */
static void
protocol_narrow (UiFixture *f)
{
  ConcordatWindow *window = concordat_test_open_window (f);
  ConcordatProtocolView *view = view_of (window);
  AdwLeaflet *leaflet = leaflet_of (view);
  GtkWidget *back;

  concordat_test_wait_until (!adw_leaflet_get_folded (leaflet));
  back = concordat_test_find_widget (GTK_WIDGET (view), GTK_TYPE_BUTTON, concordat_test_accessible_label_is,
                                     "Back to Protocols and Contents");
  g_assert_false (gtk_widget_get_mapped (back));
  concordat_test_assert_every_control_named (GTK_WIDGET (window), 15);

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  concordat_test_wait_until (surface_width (window) == 360 && adw_leaflet_get_folded (leaflet));
  concordat_test_wait_until (gtk_widget_get_mapped (back) && row_in_view (view, find_row (view, "1.1")));
  concordat_test_assert_every_control_named (GTK_WIDGET (window), 8);

  /* Alt+Left goes back to the sidebar; a protocol chosen there opens. */
  concordat_test_press (GTK_WIDGET (view), "<Alt>Left");
  concordat_test_wait_until (g_str_equal (adw_leaflet_get_visible_child_name (leaflet), "sidebar") &&
                             shows (GTK_WIDGET (view), "Contents"));
  concordat_test_assert_every_control_named (GTK_WIDGET (window), 8);
  gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (concordat_test_find_widget (GTK_WIDGET (view), GTK_TYPE_LIST_BOX, concordat_test_accessible_label_is, "Protocols")), 0)));
  concordat_test_wait_until (g_str_equal (adw_leaflet_get_visible_child_name (leaflet), "content"));

  /* A link goes straight to the content. */
  concordat_test_press (GTK_WIDGET (view), "<Alt>Left");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open-paragraph", "s", "model/8.3");
  concordat_test_wait_until (g_str_equal (adw_leaflet_get_visible_child_name (leaflet), "content") &&
                             row_highlighted (view, "8.3"));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);

#define ADD_BODY(path, body) \
  g_test_add ("/protocol-view/" path, UiFixture, body, \
              concordat_test_fixture_set_up, concordat_test_run_data, concordat_test_fixture_tear_down)

  ADD_BODY ("opens-model", protocol_opens_model);
  ADD_BODY ("outline-expands", protocol_outline_expands);
  ADD_BODY ("search", protocol_search);
  ADD_BODY ("search-everywhere", protocol_search_everywhere);
  ADD_BODY ("links", protocol_links);
  ADD_BODY ("bookmark", protocol_bookmark);
  ADD_BODY ("text-not-markup", protocol_text_not_markup);
  ADD_BODY ("import", protocol_import);
  ADD_BODY ("drop", protocol_drop);
  ADD_BODY ("progress", protocol_progress);
  ADD_BODY ("long", protocol_long);
  ADD_BODY ("narrow", protocol_narrow);
  ADD_BODY ("empty-library", protocol_empty_library);

#undef ADD_BODY

  return g_test_run ();
}
