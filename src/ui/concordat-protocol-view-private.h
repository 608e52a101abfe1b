/* concordat-protocol-view-private.h: what the reader's files share: the
 * view itself in concordat-protocol-view.c, scrolling in -scroll.c,
 * reading progress and bookmarks in -reading.c, search in -search.c,
 * importing in -import.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "concordat-protocol-content.h"
#include "concordat-protocol-view.h"
#include "concordat-topics.h"

G_BEGIN_DECLS

struct _ConcordatProtocolView
{
  GtkWidget                 parent_instance;

  GtkStack                 *stack;
  AdwLeaflet               *leaflet;
  GtkListBox               *documents_list;
  GtkLabel                 *progress_label;
  GtkProgressBar           *progress_bar;
  GtkButton                *acknowledge_button;
  GtkLabel                 *acknowledged_label;
  GtkLabel                 *no_bookmarks_label;
  GtkListBox               *bookmarks_list;
  GtkListView              *outline_list;
  GtkLabel                 *title_label;
  GtkSearchBar             *search_bar;
  GtkSearchEntry           *search_entry;
  GtkToggleButton          *this_protocol_button;
  GtkStack                 *content_stack;
  GtkListView              *content_list;
  GtkListBox               *results_list;
  AdwStatusPage            *no_results_page;

  ConcordatStore           *store;
  ConcordatTopics          *topics;
  ConcordatProtocolContent *content;

  /* Scrolling the content so that an item is at the top, which takes a
   * frame or two while the list lays out the rows there. */
  guint                     scroll_target;
  guint                     scroll_tick;
  guint                     scroll_tries;
  gboolean                  scroll_moved;    /* asked, not yet laid out */

  ConcordatProtocolItem    *resume;   /* where the paragraphs were left for a search */
  ConcordatProtocolItem    *highlighted;
  guint                     highlight_source;
  guint                     seen_source;
  GHashTable               *unmarked;  /* section ids the reader unmarked by hand */
};

/* concordat-protocol-view.c */
void     concordat_protocol_view_show_content    (ConcordatProtocolView *self);
void     concordat_protocol_view_show_documents  (ConcordatProtocolView *self);
void     concordat_protocol_view_show_side       (ConcordatProtocolView *self,
                                                  const char            *name);
void     concordat_protocol_view_report          (ConcordatProtocolView *self,
                                                  const char            *message);

/* concordat-protocol-view-scroll.c */
void     concordat_protocol_view_scroll_to       (ConcordatProtocolView *self,
                                                  ConcordatProtocolItem *item,
                                                  gboolean               highlight);
void     concordat_protocol_view_clear_highlight (ConcordatProtocolView *self);
void     concordat_protocol_view_show_pane       (ConcordatProtocolView *self,
                                                  const char            *name);

/* concordat-protocol-view-reading.c */
void     concordat_protocol_view_class_init_reading (GtkWidgetClass     *widget_class);
void     concordat_protocol_view_show_progress   (ConcordatProtocolView *self);
void     concordat_protocol_view_show_bookmarks  (ConcordatProtocolView *self);
void     concordat_protocol_view_check_seen      (ConcordatProtocolView *self);

/* concordat-protocol-view-search.c */
void     concordat_protocol_view_class_init_search  (GtkWidgetClass     *widget_class);
void     concordat_protocol_view_init_search     (ConcordatProtocolView *self);
void     concordat_protocol_view_capture_typing  (ConcordatProtocolView *self,
                                                  GtkWidget             *window);

/* concordat-protocol-view-import.c */
void     concordat_protocol_view_class_init_import  (GtkWidgetClass     *widget_class);
void     concordat_protocol_view_init_import     (ConcordatProtocolView *self);

G_END_DECLS
