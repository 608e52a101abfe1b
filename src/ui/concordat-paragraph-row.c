/* concordat-paragraph-row.c: one line of the reader, as the content list
 * shows it: a section heading with its read mark, or a paragraph with its
 * citation, topics, bookmark button and text.
 *
 * Rows are recycled as the list scrolls, so everything shown comes from
 * the item set last, and the row follows the item's read, bookmarked and
 * highlighted state while it shows it.  What the user does here goes up as
 * the Protocol view's actions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "concordat-links.h"
#include "concordat-paragraph-row.h"

struct _ConcordatParagraphRow
{
  GtkWidget              parent_instance;

  AdwClamp              *clamp;
  GtkBox                *heading_box;
  GtkLabel              *heading_label;
  GtkCheckButton        *read_check;
  GtkBox                *paragraph_box;
  GtkLabel              *citation_label;
  GtkFlowBox            *topics_box;
  GtkButton             *bookmark_button;
  GtkLabel              *text_label;

  ConcordatProtocolItem *item;
};

G_DEFINE_FINAL_TYPE (ConcordatParagraphRow, concordat_paragraph_row, GTK_TYPE_WIDGET)

static void
read_toggled (ConcordatParagraphRow *self)
{
  gboolean active = gtk_check_button_get_active (self->read_check);

  if (self->item == NULL || active == concordat_protocol_item_get_read (self->item))
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "protocol.mark-section", "(xb)",
                              concordat_protocol_item_get_section_id (self->item), active);

  /* The store may have refused. */
  if (self->item != NULL)
    gtk_check_button_set_active (self->read_check, concordat_protocol_item_get_read (self->item));
}

static void
show_read (ConcordatParagraphRow *self)
{
  gtk_check_button_set_active (self->read_check, concordat_protocol_item_get_read (self->item));
}

static void
show_bookmarked (ConcordatParagraphRow *self)
{
  gboolean bookmarked = concordat_protocol_item_get_bookmarked (self->item);

  gtk_button_set_icon_name (self->bookmark_button,
                            bookmarked ? "user-bookmarks-symbolic" : "bookmark-new-symbolic");
  if (bookmarked)
    gtk_widget_add_css_class (GTK_WIDGET (self->bookmark_button), "accent");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->bookmark_button), "accent");
}

static void
show_highlighted (ConcordatParagraphRow *self)
{
  if (concordat_protocol_item_get_highlighted (self->item))
    gtk_widget_add_css_class (GTK_WIDGET (self), "highlighted");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "highlighted");
}

static void
show_topics (ConcordatParagraphRow *self)
{
  const char * const *topics = concordat_protocol_item_get_topics (self->item);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->topics_box))) != NULL)
    gtk_flow_box_remove (self->topics_box, child);

  for (guint i = 0; topics != NULL && topics[i] != NULL; i++)
    {
      GtkWidget *pill = gtk_label_new (topics[i]);

      gtk_widget_set_halign (pill, GTK_ALIGN_START);
      gtk_widget_add_css_class (pill, "topic-pill");
      gtk_widget_add_css_class (pill, "caption");
      gtk_flow_box_append (self->topics_box, pill);
      gtk_widget_set_focusable (gtk_widget_get_parent (pill), FALSE);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->topics_box), topics != NULL && topics[0] != NULL);
}

static char *
heading_title (ConcordatProtocolItem *item)
{
  const char *citation = concordat_protocol_item_get_citation (item);

  if (citation == NULL || *citation == '\0')
    return g_strdup (concordat_protocol_item_get_heading (item));

  return g_strdup_printf ("%s  %s", citation, concordat_protocol_item_get_heading (item));
}

static void
show_heading (ConcordatParagraphRow *self)
{
  g_autofree char *title = heading_title (self->item);
  g_autofree char *read_label = g_strdup_printf (_("Section “%s” read"), title);
  gboolean top = concordat_protocol_item_get_level (self->item) <= 1;

  gtk_label_set_text (self->heading_label, title);
  gtk_widget_remove_css_class (GTK_WIDGET (self->heading_label), top ? "heading" : "title-3");
  gtk_widget_add_css_class (GTK_WIDGET (self->heading_label), top ? "title-3" : "heading");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->read_check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, read_label, -1);
  show_read (self);
}

/* The text exactly as written, its web and email addresses as links. */
static void
show_text (ConcordatParagraphRow *self)
{
  const char *text = concordat_protocol_item_get_text (self->item);
  g_autofree char *markup = concordat_links_to_markup (text);

  if (markup != NULL)
    gtk_label_set_markup (self->text_label, markup);
  else
    gtk_label_set_text (self->text_label, text);
}

/* A clicked link goes up as the Protocol view's "open-link" action, and
 * only when it is an http, https or mailto address; anything else is
 * refused here, before GTK's own handler could open it. */
static gboolean
link_activated (ConcordatParagraphRow *self,
                const char            *uri)
{
  if (concordat_links_is_safe_uri (uri))
    gtk_widget_activate_action (GTK_WIDGET (self), "protocol.open-link", "s", uri);
  else
    g_debug ("Not opening %s from protocol text: only web and email addresses are opened", uri);

  return TRUE;
}

static void
show_paragraph (ConcordatParagraphRow *self)
{
  const char *citation = concordat_protocol_item_get_citation (self->item);
  g_autofree char *bookmark = g_strdup_printf (_("Bookmark Paragraph %s…"), citation);

  gtk_label_set_text (self->citation_label, citation);
  show_text (self);
  /* The target first, so that the action never meets a button without one. */
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->bookmark_button),
                                          g_variant_new_string (citation));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->bookmark_button), "protocol.bookmark");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->bookmark_button), bookmark);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->bookmark_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, bookmark, -1);
  show_topics (self);
  show_bookmarked (self);
}

/* Ordinary text, for its average width: GTK's character width is that of
 * a wide one, which would make the measure too long. */
static const char sample_text[] =
  "Officers may brief a party group on council business, never on party business.";

/* The measure follows the font, as a label's width in characters does. */
static void
concordat_paragraph_row_root (GtkWidget *widget)
{
  ConcordatParagraphRow *self = CONCORDAT_PARAGRAPH_ROW (widget);
  g_autoptr(PangoLayout) layout = NULL;
  int width;

  GTK_WIDGET_CLASS (concordat_paragraph_row_parent_class)->root (widget);

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self->text_label), sample_text);
  pango_layout_get_pixel_size (layout, &width, NULL);
  adw_clamp_set_maximum_size (self->clamp,
                              width * CONCORDAT_PARAGRAPH_ROW_MEASURE / (int)(sizeof sample_text - 1));
}

static void
concordat_paragraph_row_dispose (GObject *object)
{
  ConcordatParagraphRow *self = CONCORDAT_PARAGRAPH_ROW (object);

  concordat_paragraph_row_set_item (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CONCORDAT_TYPE_PARAGRAPH_ROW);

  G_OBJECT_CLASS (concordat_paragraph_row_parent_class)->dispose (object);
}

static void
concordat_paragraph_row_class_init (ConcordatParagraphRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = concordat_paragraph_row_dispose;
  widget_class->root = concordat_paragraph_row_root;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/concordat-paragraph-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ConcordatParagraphRow, clamp);
  gtk_widget_class_bind_template_child (widget_class, ConcordatParagraphRow, heading_box);
  gtk_widget_class_bind_template_child (widget_class, ConcordatParagraphRow, heading_label);
  gtk_widget_class_bind_template_child (widget_class, ConcordatParagraphRow, read_check);
  gtk_widget_class_bind_template_child (widget_class, ConcordatParagraphRow, paragraph_box);
  gtk_widget_class_bind_template_child (widget_class, ConcordatParagraphRow, citation_label);
  gtk_widget_class_bind_template_child (widget_class, ConcordatParagraphRow, topics_box);
  gtk_widget_class_bind_template_child (widget_class, ConcordatParagraphRow, bookmark_button);
  gtk_widget_class_bind_template_child (widget_class, ConcordatParagraphRow, text_label);
  gtk_widget_class_bind_template_callback (widget_class, read_toggled);
}

static void
concordat_paragraph_row_init (ConcordatParagraphRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->text_label, "activate-link", G_CALLBACK (link_activated), self);
}

ConcordatParagraphRow *
concordat_paragraph_row_new (void)
{
  return g_object_new (CONCORDAT_TYPE_PARAGRAPH_ROW, NULL);
}

/**
 * concordat_paragraph_row_get_item:
 *
 * Returns: (transfer none) (nullable): what the row shows
 */
ConcordatProtocolItem *
concordat_paragraph_row_get_item (ConcordatParagraphRow *self)
{
  g_return_val_if_fail (CONCORDAT_IS_PARAGRAPH_ROW (self), NULL);

  return self->item;
}

/**
 * concordat_paragraph_row_set_item:
 * @item: (nullable): what to show, or %NULL when the row is put aside
 */
void
concordat_paragraph_row_set_item (ConcordatParagraphRow *self,
                                  ConcordatProtocolItem *item)
{
  gboolean heading;

  g_return_if_fail (CONCORDAT_IS_PARAGRAPH_ROW (self));
  g_return_if_fail (item == NULL || CONCORDAT_IS_PROTOCOL_ITEM (item));

  if (self->item != NULL)
    g_signal_handlers_disconnect_by_data (self->item, self);
  g_set_object (&self->item, item);
  if (item == NULL)
    return;

  heading = concordat_protocol_item_get_kind (item) == CONCORDAT_PROTOCOL_ITEM_HEADING;
  gtk_widget_set_visible (GTK_WIDGET (self->heading_box), heading);
  gtk_widget_set_visible (GTK_WIDGET (self->paragraph_box), !heading);

  if (heading)
    show_heading (self);
  else
    show_paragraph (self);
  show_highlighted (self);

  g_signal_connect_swapped (item, "notify::read", G_CALLBACK (show_read), self);
  g_signal_connect_swapped (item, "notify::bookmarked", G_CALLBACK (show_bookmarked), self);
  g_signal_connect_swapped (item, "notify::highlighted", G_CALLBACK (show_highlighted), self);
}
