/* concordat-protocol-view.c: the reader: the library's protocols, one open
 * at a time, its outline beside its paragraphs, and scrolling to a
 * paragraph when a link, the outline, a bookmark or a search result asks.
 *
 * Scrolling is in -scroll.c, reading progress and bookmarks in -reading.c,
 * search in -search.c and importing in -import.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "concordat-error.h"
#include "concordat-library.h"
#include "concordat-links.h"
#include "concordat-outline-row.h"
#include "concordat-paragraph-row.h"
#include "concordat-protocol-view-private.h"

G_DEFINE_FINAL_TYPE (ConcordatProtocolView, concordat_protocol_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A toast's title is markup; @message is text. */
void
concordat_protocol_view_report (ConcordatProtocolView *self,
                                const char            *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *title = g_markup_escape_text (message, -1);

  if (overlay == NULL)
    {
      g_warning ("%s", message);
      return;
    }

  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (title));
}

/* Folded, the sidebar and the content take turns; unfolded, both show. */
void
concordat_protocol_view_show_side (ConcordatProtocolView *self,
                                   const char            *name)
{
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, name);
}

static void
content_setup (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  gtk_list_item_set_activatable (list_item, FALSE);
  gtk_list_item_set_child (list_item, GTK_WIDGET (concordat_paragraph_row_new ()));
}

static void
content_bind (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  concordat_paragraph_row_set_item (CONCORDAT_PARAGRAPH_ROW (gtk_list_item_get_child (list_item)),
                                    gtk_list_item_get_item (list_item));
}

static void
content_unbind (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  concordat_paragraph_row_set_item (CONCORDAT_PARAGRAPH_ROW (gtk_list_item_get_child (list_item)), NULL);
}

static void
outline_setup (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  gtk_list_item_set_child (list_item, GTK_WIDGET (concordat_outline_row_new ()));
}

static void
outline_bind (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  concordat_outline_row_set_list_row (CONCORDAT_OUTLINE_ROW (gtk_list_item_get_child (list_item)),
                                      gtk_list_item_get_item (list_item));
}

static void
outline_unbind (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  concordat_outline_row_set_list_row (CONCORDAT_OUTLINE_ROW (gtk_list_item_get_child (list_item)), NULL);
}

static GtkListItemFactory *
factory_new (GCallback setup,
             GCallback bind,
             GCallback unbind)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", setup, NULL);
  g_signal_connect (factory, "bind", bind, NULL);
  g_signal_connect (factory, "unbind", unbind, NULL);

  return factory;
}

static GListModel *
outline_children (gpointer item,
                  gpointer user_data)
{
  GListModel *children = concordat_protocol_item_get_children (item);

  return children != NULL ? g_object_ref (children) : NULL;
}

static void
outline_activated (ConcordatProtocolView *self,
                   guint                  position)
{
  GListModel *rows = G_LIST_MODEL (gtk_list_view_get_model (self->outline_list));
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, position);
  g_autoptr(ConcordatProtocolItem) heading = NULL;

  if (row == NULL)
    return;

  heading = gtk_tree_list_row_get_item (row);
  concordat_protocol_view_scroll_to (self, heading, FALSE);
}

static void
select_document_row (ConcordatProtocolView *self)
{
  const char *slug = concordat_protocol_view_get_document (self);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->documents_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (GTK_IS_LIST_BOX_ROW (row) && g_strcmp0 (g_object_get_data (G_OBJECT (row), "slug"), slug) == 0)
        gtk_list_box_select_row (self->documents_list, GTK_LIST_BOX_ROW (row));
    }
}

/* Puts the open document on screen: its paragraphs, outline, progress and
 * bookmarks, scrolled to its start. */
void
concordat_protocol_view_show_content (ConcordatProtocolView *self)
{
  GListModel *items = concordat_protocol_content_get_items (self->content);
  GListModel *outline = concordat_protocol_content_get_outline (self->content);
  GtkTreeListModel *tree;

  tree = gtk_tree_list_model_new (g_object_ref (outline), FALSE, FALSE, outline_children, NULL, NULL);
  gtk_list_view_set_model (self->outline_list, GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (tree))));
  gtk_list_view_set_model (self->content_list,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (items))));

  gtk_label_set_text (self->title_label, concordat_protocol_content_get_title (self->content));
  select_document_row (self);
  concordat_protocol_view_show_progress (self);
  concordat_protocol_view_show_bookmarks (self);
}

static GtkWidget *
document_row_new (const ConcordatDocument *doc)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (doc->title);
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u paragraph", "%u paragraphs",
                                                         doc->paragraphs), doc->paragraphs);
  GtkWidget *subtitle = gtk_label_new (count);

  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 28);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  gtk_accessible_update_relation (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, subtitle, NULL,
                                  -1);
  g_object_set_data_full (G_OBJECT (row), "slug", g_strdup (doc->slug), g_free);

  return row;
}

/**
 * concordat_protocol_view_show_documents:
 *
 * Lists the library's protocols again, keeping the open one open, or
 * opening the first when it has gone; with none, says how to import one.
 */
void
concordat_protocol_view_show_documents (ConcordatProtocolView *self)
{
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *row;

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->documents_list))) != NULL)
    gtk_list_box_remove (self->documents_list, row);

  docs = concordat_library_list (self->store, &error);
  if (docs == NULL)
    {
      concordat_protocol_view_report (self, error->message);
      return;
    }

  for (guint i = 0; i < docs->len; i++)
    gtk_list_box_append (self->documents_list, document_row_new (g_ptr_array_index (docs, i)));

  gtk_stack_set_visible_child_name (self->stack, docs->len > 0 ? "reader" : "empty");
  if (docs->len > 0 && self->content == NULL)
    {
      ConcordatDocument *first = g_ptr_array_index (docs, 0);

      if (!concordat_protocol_view_open_document (self, first->slug, &error))
        concordat_protocol_view_report (self, error->message);
    }

  select_document_row (self);
}

static void
document_activated (ConcordatProtocolView *self,
                    GtkListBoxRow         *row)
{
  g_autoptr(GError) error = NULL;

  if (!concordat_protocol_view_open_document (self, g_object_get_data (G_OBJECT (row), "slug"), &error))
    concordat_protocol_view_report (self, error->message);

  concordat_protocol_view_show_side (self, "content");
}

static void
go_back (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  ConcordatProtocolView *self = CONCORDAT_PROTOCOL_VIEW (widget);

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
concordat_protocol_view_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (concordat_protocol_view_parent_class)->root (widget);

  concordat_protocol_view_capture_typing (CONCORDAT_PROTOCOL_VIEW (widget),
                                          GTK_WIDGET (gtk_widget_get_root (widget)));
}

static void
concordat_protocol_view_unroot (GtkWidget *widget)
{
  concordat_protocol_view_capture_typing (CONCORDAT_PROTOCOL_VIEW (widget), NULL);

  GTK_WIDGET_CLASS (concordat_protocol_view_parent_class)->unroot (widget);
}

static void
concordat_protocol_view_dispose (GObject *object)
{
  ConcordatProtocolView *self = CONCORDAT_PROTOCOL_VIEW (object);

  if (self->scroll_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->content_list), self->scroll_tick);
  self->scroll_tick = 0;
  concordat_protocol_view_clear_highlight (self);
  g_clear_object (&self->resume);
  g_clear_handle_id (&self->seen_source, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), CONCORDAT_TYPE_PROTOCOL_VIEW);

  g_clear_object (&self->content);
  g_clear_object (&self->topics);
  g_clear_object (&self->store);
  g_clear_pointer (&self->unmarked, g_hash_table_unref);

  G_OBJECT_CLASS (concordat_protocol_view_parent_class)->dispose (object);
}

static void
concordat_protocol_view_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  ConcordatProtocolView *self = CONCORDAT_PROTOCOL_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_string (value, concordat_protocol_view_get_document (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* A link in protocol text, clicked: a web or email address opens in the
 * user's browser or mail program.  Nothing else is ever opened. */
static void
open_link (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  const char *uri = g_variant_get_string (parameter, NULL);

  if (!concordat_links_is_safe_uri (uri))
    return;

  gtk_show_uri (GTK_WINDOW (gtk_widget_get_root (widget)), uri, GDK_CURRENT_TIME);
}

static void
concordat_protocol_view_class_init (ConcordatProtocolViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = concordat_protocol_view_dispose;
  object_class->get_property = concordat_protocol_view_get_property;
  widget_class->root = concordat_protocol_view_root;
  widget_class->unroot = concordat_protocol_view_unroot;

  properties[PROP_DOCUMENT] =
    g_param_spec_string ("document", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/concordat-protocol-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ConcordatProtocolView, stack);
  gtk_widget_class_bind_template_child (widget_class, ConcordatProtocolView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, ConcordatProtocolView, documents_list);
  gtk_widget_class_bind_template_child (widget_class, ConcordatProtocolView, progress_label);
  gtk_widget_class_bind_template_child (widget_class, ConcordatProtocolView, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, ConcordatProtocolView, acknowledge_button);
  gtk_widget_class_bind_template_child (widget_class, ConcordatProtocolView, acknowledged_label);
  gtk_widget_class_bind_template_child (widget_class, ConcordatProtocolView, no_bookmarks_label);
  gtk_widget_class_bind_template_child (widget_class, ConcordatProtocolView, bookmarks_list);
  gtk_widget_class_bind_template_child (widget_class, ConcordatProtocolView, outline_list);
  gtk_widget_class_bind_template_child (widget_class, ConcordatProtocolView, title_label);
  gtk_widget_class_bind_template_child (widget_class, ConcordatProtocolView, search_bar);
  gtk_widget_class_bind_template_child (widget_class, ConcordatProtocolView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ConcordatProtocolView, this_protocol_button);
  gtk_widget_class_bind_template_child (widget_class, ConcordatProtocolView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, ConcordatProtocolView, content_list);
  gtk_widget_class_bind_template_child (widget_class, ConcordatProtocolView, results_list);
  gtk_widget_class_bind_template_child (widget_class, ConcordatProtocolView, no_results_page);
  gtk_widget_class_bind_template_callback (widget_class, document_activated);
  gtk_widget_class_bind_template_callback (widget_class, outline_activated);

  gtk_widget_class_install_action (widget_class, "protocol.back", NULL, go_back);
  gtk_widget_class_install_action (widget_class, "protocol.open-link", "s", open_link);

  concordat_protocol_view_class_init_reading (widget_class);
  concordat_protocol_view_class_init_search (widget_class);
  concordat_protocol_view_class_init_import (widget_class);
}

static void
concordat_protocol_view_init (ConcordatProtocolView *self)
{
  g_autoptr(GtkListItemFactory) content_factory = NULL;
  g_autoptr(GtkListItemFactory) outline_factory = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->unmarked = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  content_factory = factory_new (G_CALLBACK (content_setup), G_CALLBACK (content_bind), G_CALLBACK (content_unbind));
  outline_factory = factory_new (G_CALLBACK (outline_setup), G_CALLBACK (outline_bind), G_CALLBACK (outline_unbind));
  gtk_list_view_set_factory (self->content_list, content_factory);
  gtk_list_view_set_factory (self->outline_list, outline_factory);

  adw_leaflet_set_visible_child_name (self->leaflet, "content");

  /* Sections are read as the reader scrolls past their ends. */
  g_signal_connect_object (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->content_list)), "value-changed",
                           G_CALLBACK (concordat_protocol_view_check_seen), self, G_CONNECT_SWAPPED);

  /* A screen reader names the view by the protocol open in it. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->title_label, NULL,
                                  -1);

  concordat_protocol_view_init_search (self);
  concordat_protocol_view_init_import (self);
}

/* After a restore: the open document may have other paragraphs now, or be
 * gone. */
static void
library_changed (ConcordatProtocolView *self)
{
  g_autofree char *open = g_strdup (concordat_protocol_view_get_document (self));
  g_autoptr(ConcordatDocument) doc = NULL;

  g_clear_object (&self->content);
  if (open != NULL && (doc = concordat_library_find (self->store, open, NULL)) != NULL)
    concordat_protocol_view_open_document (self, open, NULL);
  concordat_protocol_view_show_documents (self);
}

/**
 * concordat_protocol_view_set_store:
 * @store: the library to read, which the view keeps
 *
 * Lists the library's protocols and opens the first.
 */
void
concordat_protocol_view_set_store (ConcordatProtocolView *self,
                                   ConcordatStore        *store)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CONCORDAT_IS_PROTOCOL_VIEW (self));
  g_return_if_fail (CONCORDAT_IS_STORE (store));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);

  /* Without the labels, topics are shown by their ids. */
  self->topics = concordat_topics_load_default (&error);
  if (self->topics == NULL)
    g_warning ("Cannot load the topics: %s", error->message);

  concordat_protocol_view_show_documents (self);
  g_signal_connect_object (store, "changed::library", G_CALLBACK (library_changed), self, G_CONNECT_SWAPPED);
}

/**
 * concordat_protocol_view_get_document:
 *
 * Returns: (nullable): the slug of the open document
 */
const char *
concordat_protocol_view_get_document (ConcordatProtocolView *self)
{
  g_return_val_if_fail (CONCORDAT_IS_PROTOCOL_VIEW (self), NULL);

  return self->content != NULL ? concordat_protocol_content_get_slug (self->content) : NULL;
}

/**
 * concordat_protocol_view_open_document:
 * @slug: the document's id in the library
 *
 * Opens the document at its start, unless it is open already.
 *
 * Returns: whether it is open; %FALSE with @error set when the library has
 *   no such document or cannot be read
 */
gboolean
concordat_protocol_view_open_document (ConcordatProtocolView  *self,
                                       const char             *slug,
                                       GError                **error)
{
  g_autoptr(ConcordatProtocolContent) content = NULL;

  g_return_val_if_fail (CONCORDAT_IS_PROTOCOL_VIEW (self), FALSE);
  g_return_val_if_fail (slug != NULL, FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  if (g_strcmp0 (slug, concordat_protocol_view_get_document (self)) == 0)
    return TRUE;

  content = concordat_protocol_content_load (self->store, self->topics, slug, error);
  if (content == NULL)
    return FALSE;

  concordat_protocol_view_clear_highlight (self);
  g_clear_object (&self->resume);
  g_set_object (&self->content, content);
  gtk_stack_set_visible_child_name (self->stack, "reader");
  concordat_protocol_view_show_content (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);

  return TRUE;
}

/**
 * concordat_protocol_view_open_paragraph:
 * @slug: the document's id in the library
 * @citation: a paragraph's citation, such as "8.3", or a section's number
 *
 * Opens the document, scrolls to the paragraph, and highlights it for a
 * moment; or scrolls to the section, when no paragraph has that citation.
 *
 * Returns: %FALSE with @error set, in words for the reader, when the
 *   library has no such document, or the document no such paragraph
 */
gboolean
concordat_protocol_view_open_paragraph (ConcordatProtocolView  *self,
                                        const char             *slug,
                                        const char             *citation,
                                        GError                **error)
{
  g_autoptr(GError) local_error = NULL;
  ConcordatProtocolItem *item;

  g_return_val_if_fail (CONCORDAT_IS_PROTOCOL_VIEW (self), FALSE);
  g_return_val_if_fail (slug != NULL, FALSE);
  g_return_val_if_fail (citation != NULL, FALSE);

  if (!concordat_protocol_view_open_document (self, slug, &local_error))
    {
      if (!g_error_matches (local_error, CONCORDAT_ERROR, CONCORDAT_ERROR_NOT_FOUND))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_NOT_FOUND,
                     _("There is no protocol “%s” in the library"), slug);
      return FALSE;
    }

  item = concordat_protocol_content_find_paragraph (self->content, citation);
  if (item == NULL)
    item = concordat_protocol_content_find_section (self->content, citation);
  if (item == NULL)
    {
      g_set_error (error, CONCORDAT_ERROR, CONCORDAT_ERROR_NOT_FOUND,
                   _("“%s” has no paragraph %s"), concordat_protocol_content_get_title (self->content), citation);
      return FALSE;
    }

  concordat_protocol_view_scroll_to (self, item,
                                     concordat_protocol_item_get_kind (item) == CONCORDAT_PROTOCOL_ITEM_PARAGRAPH);
  return TRUE;
}
