/* concordat-protocol-view-search.c: searching the open protocol, or all of
 * them, as the reader types; choosing a result opens its paragraph.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "concordat-protocol-view-private.h"
#include "concordat-search-row.h"

/* More than anyone reads; the best come first. */
#define RESULTS_SHOWN 50

static void
clear_results (ConcordatProtocolView *self)
{
  GtkWidget *row;

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->results_list))) != NULL)
    gtk_list_box_remove (self->results_list, row);
}

static void
show_results (ConcordatProtocolView *self,
              const char            *text,
              GPtrArray             *results,
              gboolean               everywhere)
{
  g_autofree char *nothing = NULL;

  for (guint i = 0; i < results->len; i++)
    gtk_list_box_append (self->results_list,
                         GTK_WIDGET (concordat_search_row_new (g_ptr_array_index (results, i), everywhere)));

  if (results->len > 0)
    {
      concordat_protocol_view_show_pane (self, "results");
      return;
    }

  /* A status page's title is text, not markup. */
  nothing = g_strdup_printf (_("No paragraphs match “%s”"), text);
  adw_status_page_set_title (self->no_results_page, nothing);
  concordat_protocol_view_show_pane (self, "no-results");
}

static void
run_search (ConcordatProtocolView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  gboolean everywhere = !gtk_toggle_button_get_active (self->this_protocol_button);
  g_autofree char *query = g_strstrip (g_strdup (text));
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;

  clear_results (self);

  if (!gtk_search_bar_get_search_mode (self->search_bar) || *query == '\0' || self->content == NULL)
    {
      concordat_protocol_view_show_pane (self, "paragraphs");
      return;
    }

  results = concordat_search (self->store, query, everywhere ? NULL : concordat_protocol_view_get_document (self),
                              RESULTS_SHOWN, &error);
  if (results == NULL)
    {
      concordat_protocol_view_report (self, error->message);
      return;
    }

  show_results (self, query, results, everywhere);
}

static void
search_changed (ConcordatProtocolView *self)
{
  run_search (self);
}

static void
scope_toggled (ConcordatProtocolView *self)
{
  run_search (self);
}

/* Closed, the paragraphs come back; opened again, so do the results. */
static void
search_mode_changed (ConcordatProtocolView *self)
{
  run_search (self);
}

static void
open_result (ConcordatProtocolView *self,
             ConcordatSearchRow    *row)
{
  const ConcordatSearchResult *result = concordat_search_row_get_result (row);
  g_autoptr(GError) error = NULL;

  if (!concordat_protocol_view_open_paragraph (self, result->doc, result->citation, &error))
    {
      concordat_protocol_view_report (self, error->message);
      return;
    }

  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
result_activated (ConcordatProtocolView *self,
                  GtkListBoxRow         *row)
{
  open_result (self, CONCORDAT_SEARCH_ROW (row));
}

/* Enter opens the best match. */
static void
search_activated (ConcordatProtocolView *self)
{
  GtkWidget *first = gtk_widget_get_first_child (GTK_WIDGET (self->results_list));

  if (CONCORDAT_IS_SEARCH_ROW (first) &&
      g_str_equal (gtk_stack_get_visible_child_name (self->content_stack), "results"))
    open_result (self, CONCORDAT_SEARCH_ROW (first));
}

static void
start_search (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ConcordatProtocolView *self = CONCORDAT_PROTOCOL_VIEW (widget);

  if (g_str_equal (gtk_stack_get_visible_child_name (self->stack), "empty"))
    return;

  adw_leaflet_set_visible_child_name (self->leaflet, "content");
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
stop_search (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ConcordatProtocolView *self = CONCORDAT_PROTOCOL_VIEW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

void
concordat_protocol_view_class_init_search (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, search_changed);
  gtk_widget_class_bind_template_callback (widget_class, search_activated);
  gtk_widget_class_bind_template_callback (widget_class, scope_toggled);
  gtk_widget_class_bind_template_callback (widget_class, search_mode_changed);
  gtk_widget_class_bind_template_callback (widget_class, result_activated);

  gtk_widget_class_install_action (widget_class, "protocol.search", NULL, start_search);
  gtk_widget_class_install_action (widget_class, "protocol.stop-search", NULL, stop_search);

  /* The search entry closes the search itself; this is for Escape
   * pressed among the results. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "protocol.stop-search", NULL);
}

void
concordat_protocol_view_init_search (ConcordatProtocolView *self)
{
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
}

/* Typing anywhere in the window starts a search while the reader is on
 * screen, even with the focus in the header bar; the search bar ignores
 * what is typed while it is off screen. */
void
concordat_protocol_view_capture_typing (ConcordatProtocolView *self,
                                        GtkWidget             *window)
{
  /* Unrooted after its template is gone, the view has no bar to stop. */
  if (self->search_bar != NULL)
    gtk_search_bar_set_key_capture_widget (self->search_bar, window);
}
