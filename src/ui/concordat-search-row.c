/* concordat-search-row.c: one search result in the Protocol view: the
 * paragraph's citation, its document (when searching them all) and
 * section, and the words around the match with the matched words in bold.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "concordat-search-row.h"

struct _ConcordatSearchRow
{
  GtkListBoxRow          parent_instance;

  GtkLabel              *citation_label;
  GtkLabel              *place_label;
  GtkLabel              *snippet_label;

  ConcordatSearchResult *result;
};

G_DEFINE_FINAL_TYPE (ConcordatSearchRow, concordat_search_row, GTK_TYPE_LIST_BOX_ROW)

static void
concordat_search_row_dispose (GObject *object)
{
  ConcordatSearchRow *self = CONCORDAT_SEARCH_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CONCORDAT_TYPE_SEARCH_ROW);

  G_OBJECT_CLASS (concordat_search_row_parent_class)->dispose (object);
}

static void
concordat_search_row_finalize (GObject *object)
{
  ConcordatSearchRow *self = CONCORDAT_SEARCH_ROW (object);

  g_clear_pointer (&self->result, concordat_search_result_free);

  G_OBJECT_CLASS (concordat_search_row_parent_class)->finalize (object);
}

static void
concordat_search_row_class_init (ConcordatSearchRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = concordat_search_row_dispose;
  object_class->finalize = concordat_search_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/concordat-search-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ConcordatSearchRow, citation_label);
  gtk_widget_class_bind_template_child (widget_class, ConcordatSearchRow, place_label);
  gtk_widget_class_bind_template_child (widget_class, ConcordatSearchRow, snippet_label);
}

static void
concordat_search_row_init (ConcordatSearchRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* "Model Member/Officer Protocol — Party groups and officer briefings" */
static char *
describe_place (const ConcordatSearchResult *result,
                gboolean                     show_document)
{
  if (!show_document)
    return g_strdup (result->section);

  if (result->section == NULL || *result->section == '\0')
    return g_strdup (result->doc_title);

  return g_strdup_printf (C_("search result place", "%s — %s"), result->doc_title, result->section);
}

/**
 * concordat_search_row_new:
 * @show_document: whether to name the result's document, as when the
 *   search covers every protocol
 */
ConcordatSearchRow *
concordat_search_row_new (const ConcordatSearchResult *result,
                          gboolean                     show_document)
{
  ConcordatSearchRow *self;
  g_autofree char *place = NULL;
  g_autofree char *snippet = NULL;

  g_return_val_if_fail (result != NULL, NULL);

  self = g_object_new (CONCORDAT_TYPE_SEARCH_ROW, NULL);
  self->result = concordat_search_result_copy (result);

  place = describe_place (result, show_document);
  snippet = concordat_search_format_snippet (result->snippet, "<b>", "</b>", TRUE);
  gtk_label_set_text (self->citation_label, result->citation);
  gtk_label_set_text (self->place_label, place);
  gtk_label_set_markup (self->snippet_label, snippet);

  gtk_accessible_update_relation (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->citation_label, self->place_label, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->snippet_label, NULL,
                                  -1);

  return self;
}

/**
 * concordat_search_row_get_result:
 *
 * Returns: (transfer none): the result the row shows
 */
const ConcordatSearchResult *
concordat_search_row_get_result (ConcordatSearchRow *self)
{
  g_return_val_if_fail (CONCORDAT_IS_SEARCH_ROW (self), NULL);

  return self->result;
}
