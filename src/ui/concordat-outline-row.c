/* concordat-outline-row.c: a section in the sidebar's outline: its number
 * and heading, a tick once it is read, and an expander when it has
 * subsections.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "concordat-outline-row.h"
#include "concordat-protocol-item.h"

struct _ConcordatOutlineRow
{
  GtkWidget              parent_instance;

  GtkTreeExpander       *expander;
  GtkLabel              *citation_label;
  GtkLabel              *heading_label;
  GtkImage              *read_image;

  ConcordatProtocolItem *item;
  GBinding              *read_binding;
};

G_DEFINE_FINAL_TYPE (ConcordatOutlineRow, concordat_outline_row, GTK_TYPE_WIDGET)

static void
concordat_outline_row_dispose (GObject *object)
{
  ConcordatOutlineRow *self = CONCORDAT_OUTLINE_ROW (object);

  concordat_outline_row_set_list_row (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CONCORDAT_TYPE_OUTLINE_ROW);

  G_OBJECT_CLASS (concordat_outline_row_parent_class)->dispose (object);
}

static void
concordat_outline_row_class_init (ConcordatOutlineRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = concordat_outline_row_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/concordat-outline-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ConcordatOutlineRow, expander);
  gtk_widget_class_bind_template_child (widget_class, ConcordatOutlineRow, citation_label);
  gtk_widget_class_bind_template_child (widget_class, ConcordatOutlineRow, heading_label);
  gtk_widget_class_bind_template_child (widget_class, ConcordatOutlineRow, read_image);
}

static void
concordat_outline_row_init (ConcordatOutlineRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

ConcordatOutlineRow *
concordat_outline_row_new (void)
{
  return g_object_new (CONCORDAT_TYPE_OUTLINE_ROW, NULL);
}

/**
 * concordat_outline_row_set_list_row:
 * @list_row: (nullable): the outline's row for a section's heading, or
 *   %NULL when the row is put aside
 */
void
concordat_outline_row_set_list_row (ConcordatOutlineRow *self,
                                    GtkTreeListRow      *list_row)
{
  const char *citation;

  g_return_if_fail (CONCORDAT_IS_OUTLINE_ROW (self));
  g_return_if_fail (list_row == NULL || GTK_IS_TREE_LIST_ROW (list_row));

  g_clear_pointer (&self->read_binding, g_binding_unbind);
  g_clear_object (&self->item);
  if (self->expander != NULL)
    gtk_tree_expander_set_list_row (self->expander, list_row);
  if (list_row == NULL)
    return;

  self->item = gtk_tree_list_row_get_item (list_row);
  citation = concordat_protocol_item_get_citation (self->item);
  gtk_label_set_text (self->citation_label, citation);
  gtk_widget_set_visible (GTK_WIDGET (self->citation_label), *citation != '\0');
  gtk_label_set_text (self->heading_label, concordat_protocol_item_get_heading (self->item));
  self->read_binding = g_object_bind_property (self->item, "read", self->read_image, "visible",
                                               G_BINDING_SYNC_CREATE);
}
