/* concordat-protocol-view-scroll.c: where the reader is in the content:
 * bringing a paragraph or heading to the top, highlighting it for a
 * moment, and coming back to the same place after a search.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "concordat-paragraph-row.h"
#include "concordat-protocol-view-private.h"

/* Long enough to be seen after the jump; short enough not to linger. */
#define HIGHLIGHT_MS 2500

/* Scrolling gives up rather than chase a list that never settles. */
#define SCROLL_MAX_TRIES 5

static ConcordatParagraphRow *
find_row (ConcordatProtocolView *self,
          guint                  position)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->content_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);
      ConcordatProtocolItem *item;

      /* Rows kept aside off screen keep their last place. */
      if (!CONCORDAT_IS_PARAGRAPH_ROW (row) || !gtk_widget_get_mapped (row))
        continue;

      item = concordat_paragraph_row_get_item (CONCORDAT_PARAGRAPH_ROW (row));
      if (item != NULL && concordat_protocol_item_get_position (item) == position)
        return CONCORDAT_PARAGRAPH_ROW (row);
    }

  return NULL;
}

static gboolean
end_highlight (gpointer user_data)
{
  ConcordatProtocolView *self = user_data;

  self->highlight_source = 0;
  if (self->highlighted != NULL)
    concordat_protocol_item_set_highlighted (self->highlighted, FALSE);
  g_clear_object (&self->highlighted);

  return G_SOURCE_REMOVE;
}

void
concordat_protocol_view_clear_highlight (ConcordatProtocolView *self)
{
  g_clear_handle_id (&self->highlight_source, g_source_remove);
  end_highlight (self);
}

static void
start_highlight (ConcordatProtocolView *self)
{
  if (self->highlighted == NULL)
    return;

  concordat_protocol_item_set_highlighted (self->highlighted, TRUE);
  g_clear_handle_id (&self->highlight_source, g_source_remove);
  self->highlight_source = g_timeout_add (HIGHLIGHT_MS, end_highlight, self);
}

/* Whether the target row is at the top, or as near as the end of the list
 * allows. */
static gboolean
scroll_settled (GtkAdjustment *adjustment,
                double         offset)
{
  double value = gtk_adjustment_get_value (adjustment);
  double last = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

  return fabs (offset) < 1 || (offset > 0 && value >= last - 0.5);
}

/* GTK 4.8's list brings an item into view by the least scrolling: an item
 * above the view comes to its top, one below to its bottom; but an item
 * taller than the view, the other way round.  So an item is brought from
 * the end of the list, above the view, or if it turns out to be tall, from
 * the start; at the top the list then keeps it, however the rows around it
 * are measured. */
static void
request_scroll (ConcordatProtocolView *self,
                gboolean               tall)
{
  GtkWidget *list = GTK_WIDGET (self->content_list);
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));

  if (tall)
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
  else /* short of the very end, where the list finds no row */
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) -
                                          gtk_adjustment_get_page_size (adjustment) - 1);

  gtk_widget_activate_action (list, "list.scroll-to-item", "u", self->scroll_target);
  self->scroll_moved = TRUE;
  self->scroll_tries++;
}

/* Each frame's tick comes before its layout, so the rows are measured in
 * the frame after the list was asked to move, once they are in place. */
static gboolean
settle_scroll (GtkWidget     *list,
               GdkFrameClock *clock,
               gpointer       user_data)
{
  ConcordatProtocolView *self = user_data;
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));
  ConcordatParagraphRow *row;
  graphene_rect_t bounds;
  gboolean found;

  if (self->scroll_moved || gtk_widget_get_height (list) == 0)
    {
      self->scroll_moved = FALSE;
      return G_SOURCE_CONTINUE;
    }

  row = find_row (self, self->scroll_target);
  found = row != NULL && gtk_widget_compute_bounds (gtk_widget_get_parent (GTK_WIDGET (row)), list, &bounds);

  if ((!found || !scroll_settled (adjustment, bounds.origin.y)) && self->scroll_tries < SCROLL_MAX_TRIES)
    {
      request_scroll (self, found && bounds.size.height > gtk_widget_get_height (list));
      return G_SOURCE_CONTINUE;
    }

  /* The keyboard follows the reader there; and the list, which scrolls
   * back to the row it last had focus in whenever focus comes back to it,
   * stays there. */
  if (row != NULL)
    gtk_widget_grab_focus (gtk_widget_get_parent (GTK_WIDGET (row)));

  self->scroll_tick = 0;
  start_highlight (self);
  concordat_protocol_view_check_seen (self);
  return G_SOURCE_REMOVE;
}

/**
 * concordat_protocol_view_scroll_to:
 * @highlight: whether to mark the item for a moment, to show where the
 *   reader has landed
 *
 * Scrolls the content so that @item is at the top, and shows the content
 * if the window is too narrow to show it beside the sidebar.
 */
void
concordat_protocol_view_scroll_to (ConcordatProtocolView *self,
                                   ConcordatProtocolItem *item,
                                   gboolean               highlight)
{
  concordat_protocol_view_clear_highlight (self);
  if (highlight)
    self->highlighted = g_object_ref (item);

  concordat_protocol_view_show_side (self, "content");
  g_clear_object (&self->resume);
  gtk_stack_set_visible_child_name (self->content_stack, "paragraphs");

  /* From the next frame, after the list has been laid out with what it
   * now shows: scrolling by a stale measure loses the list. */
  self->scroll_target = concordat_protocol_item_get_position (item);
  self->scroll_tries = 0;
  self->scroll_moved = TRUE;
  if (self->scroll_tick == 0)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->content_list), settle_scroll, self, NULL);
}

/* The item at the top of the view: the first row any of which shows. */
static ConcordatProtocolItem *
top_item (ConcordatProtocolView *self)
{
  GtkWidget *list = GTK_WIDGET (self->content_list);
  ConcordatProtocolItem *top = NULL;
  float top_y = G_MAXFLOAT;

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);
      graphene_rect_t bounds;

      if (!CONCORDAT_IS_PARAGRAPH_ROW (row) || !gtk_widget_get_mapped (row) ||
          !gtk_widget_compute_bounds (child, list, &bounds))
        continue;

      if (bounds.origin.y + bounds.size.height > 0 && bounds.origin.y < top_y)
        {
          top = concordat_paragraph_row_get_item (CONCORDAT_PARAGRAPH_ROW (row));
          top_y = bounds.origin.y;
        }
    }

  return top;
}

/**
 * concordat_protocol_view_show_pane:
 * @name: "paragraphs", "results" or "no-results"
 *
 * Shows the paragraphs or what a search found in their place.  The list
 * loses its place while it is hidden, so the paragraphs come back
 * scrolled to where the reader left them.
 */
void
concordat_protocol_view_show_pane (ConcordatProtocolView *self,
                                   const char            *name)
{
  const char *current = gtk_stack_get_visible_child_name (self->content_stack);

  if (g_strcmp0 (current, name) == 0)
    return;

  if (g_strcmp0 (current, "paragraphs") == 0 && self->scroll_tick == 0)
    g_set_object (&self->resume, top_item (self));

  gtk_stack_set_visible_child_name (self->content_stack, name);

  if (g_str_equal (name, "paragraphs") && self->resume != NULL)
    {
      g_autoptr(ConcordatProtocolItem) resume = g_steal_pointer (&self->resume);

      concordat_protocol_view_scroll_to (self, resume, FALSE);
    }
}
