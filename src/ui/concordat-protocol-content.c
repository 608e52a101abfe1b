/* concordat-protocol-content.c: one protocol from the library, laid out for
 * the reader: headings and paragraphs in reading order, and the outline.
 *
 * Each section's heading comes just before its first paragraph, so a
 * section with no paragraphs of its own (a part that only holds
 * subsections) still shows where it starts; headings after the last
 * paragraph close the list rather than being dropped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "concordat-library.h"
#include "concordat-protocol-content.h"
#include "concordat-reading.h"

struct _ConcordatProtocolContent
{
  GObject     parent_instance;

  char       *slug;
  char       *title;
  GListStore *items;       /* ConcordatProtocolItem, in reading order */
  GListStore *outline;     /* the top-level headings */
  GHashTable *paragraphs;  /* citation → ConcordatProtocolItem, unowned */
  GHashTable *sections;    /* section id → its heading, unowned */
};

G_DEFINE_FINAL_TYPE (ConcordatProtocolContent, concordat_protocol_content, G_TYPE_OBJECT)

static void
concordat_protocol_content_finalize (GObject *object)
{
  ConcordatProtocolContent *self = CONCORDAT_PROTOCOL_CONTENT (object);

  g_clear_pointer (&self->paragraphs, g_hash_table_unref);
  g_clear_pointer (&self->sections, g_hash_table_unref);
  g_clear_object (&self->items);
  g_clear_object (&self->outline);
  g_clear_pointer (&self->slug, g_free);
  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (concordat_protocol_content_parent_class)->finalize (object);
}

static void
concordat_protocol_content_class_init (ConcordatProtocolContentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = concordat_protocol_content_finalize;
}

static void
concordat_protocol_content_init (ConcordatProtocolContent *self)
{
  self->items = g_list_store_new (CONCORDAT_TYPE_PROTOCOL_ITEM);
  self->outline = g_list_store_new (CONCORDAT_TYPE_PROTOCOL_ITEM);
  self->paragraphs = g_hash_table_new (g_str_hash, g_str_equal);
  self->sections = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

/* The outline's headings, each under its parent's. */
static GPtrArray *
make_headings (ConcordatProtocolContent *self,
               GPtrArray                *sections)
{
  GPtrArray *headings = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < sections->len; i++)
    {
      ConcordatSection *section = g_ptr_array_index (sections, i);
      ConcordatProtocolItem *heading;
      ConcordatProtocolItem *parent;

      heading = concordat_protocol_item_new_heading (section->id, section->citation,
                                                     section->heading, section->level);
      parent = g_hash_table_lookup (self->sections, &section->parent_id);
      if (parent != NULL)
        concordat_protocol_item_add_child (parent, heading);
      else
        g_list_store_append (self->outline, heading);

      g_hash_table_insert (self->sections, g_memdup2 (&section->id, sizeof section->id), heading);
      g_ptr_array_add (headings, heading);
    }

  return headings;
}

static GStrv
topic_labels (ConcordatTopics *topics,
              GPtrArray       *ids)
{
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();

  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      const char *label = topics != NULL ? concordat_topics_get_label (topics, id) : NULL;

      g_strv_builder_add (labels, label != NULL ? label : id);
    }

  return g_strv_builder_end (labels);
}

/* Which section each paragraph is in, as an index into @sections. */
static GHashTable *
index_sections (GPtrArray *sections)
{
  GHashTable *section_of = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < sections->len; i++)
    {
      ConcordatSection *section = g_ptr_array_index (sections, i);

      for (guint j = 0; j < section->paragraphs->len; j++)
        g_hash_table_insert (section_of, g_ptr_array_index (section->paragraphs, j), GUINT_TO_POINTER (i + 1));
    }

  return section_of;
}

/* The item whose showing means its section has been seen to the end: its
 * last paragraph, or its heading when it has none. */
static void
mark_section_ends (GPtrArray *headings,
                   GPtrArray *items)
{
  g_autoptr(GHashTable) last = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < items->len; i++)
    {
      ConcordatProtocolItem *item = g_ptr_array_index (items, i);
      ConcordatProtocolItem *section = concordat_protocol_item_get_section (item);

      if (section != NULL)
        g_hash_table_insert (last, section, item);
    }

  for (guint i = 0; i < headings->len; i++)
    {
      ConcordatProtocolItem *heading = g_ptr_array_index (headings, i);

      concordat_protocol_item_set_completes (g_hash_table_lookup (last, heading), heading);
    }
}

static void
lay_out (ConcordatProtocolContent *self,
         GPtrArray                *sections,
         GPtrArray                *paragraphs,
         ConcordatTopics          *topics)
{
  g_autoptr(GPtrArray) headings = make_headings (self, sections);
  g_autoptr(GHashTable) section_of = index_sections (sections);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint next = 0;

  for (guint i = 0; i < paragraphs->len; i++)
    {
      ConcordatParagraph *paragraph = g_ptr_array_index (paragraphs, i);
      guint in = GPOINTER_TO_UINT (g_hash_table_lookup (section_of, paragraph->citation));
      ConcordatProtocolItem *section = in > 0 ? g_ptr_array_index (headings, in - 1) : NULL;
      g_auto(GStrv) labels = topic_labels (topics, paragraph->topics);
      ConcordatProtocolItem *item;

      while (next < in)
        g_ptr_array_add (items, g_object_ref (g_ptr_array_index (headings, next++)));

      item = concordat_protocol_item_new_paragraph (section, paragraph->citation, paragraph->text, labels);
      g_hash_table_insert (self->paragraphs, (char *)concordat_protocol_item_get_citation (item), item);
      g_ptr_array_add (items, item);
    }

  while (next < headings->len)
    g_ptr_array_add (items, g_object_ref (g_ptr_array_index (headings, next++)));

  for (guint i = 0; i < items->len; i++)
    concordat_protocol_item_set_position (g_ptr_array_index (items, i), i);

  mark_section_ends (headings, items);
  g_list_store_splice (self->items, 0, 0, items->pdata, items->len);
}

static void
show_read (ConcordatProtocolContent *self,
           GArray                   *read)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_int64_hash, g_int64_equal);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  for (guint i = 0; i < read->len; i++)
    g_hash_table_add (ids, &g_array_index (read, gint64, i));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConcordatProtocolItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);
      gint64 id = concordat_protocol_item_get_section_id (item);

      if (concordat_protocol_item_get_kind (item) == CONCORDAT_PROTOCOL_ITEM_HEADING)
        concordat_protocol_item_set_read (item, g_hash_table_contains (ids, &id));
    }
}

/**
 * concordat_protocol_content_load:
 * @topics: (nullable): for the labels of the paragraphs' topics
 *
 * Reads the document @slug, its sections and which have been read.
 *
 * Returns: (transfer full): the content, or %NULL with @error set
 */
ConcordatProtocolContent *
concordat_protocol_content_load (ConcordatStore   *store,
                                 ConcordatTopics  *topics,
                                 const char       *slug,
                                 GError          **error)
{
  g_autoptr(ConcordatProtocolContent) self = NULL;
  g_autoptr(ConcordatDocument) doc = NULL;
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(GPtrArray) paragraphs = NULL;
  g_autoptr(GArray) read = NULL;

  g_return_val_if_fail (CONCORDAT_IS_STORE (store), NULL);
  g_return_val_if_fail (slug != NULL, NULL);

  if ((doc = concordat_library_find (store, slug, error)) == NULL ||
      (sections = concordat_library_outline (store, slug, error)) == NULL ||
      (paragraphs = concordat_library_paragraphs (store, slug, error)) == NULL ||
      (read = concordat_reading_sections_read (store, slug, error)) == NULL)
    return NULL;

  self = g_object_new (CONCORDAT_TYPE_PROTOCOL_CONTENT, NULL);
  self->slug = g_strdup (doc->slug);
  self->title = g_strdup (doc->title);
  lay_out (self, sections, paragraphs, topics);
  show_read (self, read);

  return g_steal_pointer (&self);
}

const char *
concordat_protocol_content_get_slug (ConcordatProtocolContent *self)
{
  g_return_val_if_fail (CONCORDAT_IS_PROTOCOL_CONTENT (self), NULL);

  return self->slug;
}

const char *
concordat_protocol_content_get_title (ConcordatProtocolContent *self)
{
  g_return_val_if_fail (CONCORDAT_IS_PROTOCOL_CONTENT (self), NULL);

  return self->title;
}

/**
 * concordat_protocol_content_get_items:
 *
 * Returns: (transfer none): the headings and paragraphs, in reading order
 */
GListModel *
concordat_protocol_content_get_items (ConcordatProtocolContent *self)
{
  g_return_val_if_fail (CONCORDAT_IS_PROTOCOL_CONTENT (self), NULL);

  return G_LIST_MODEL (self->items);
}

/**
 * concordat_protocol_content_get_outline:
 *
 * Returns: (transfer none): the top-level headings; each heading's
 *   subsections are its children
 */
GListModel *
concordat_protocol_content_get_outline (ConcordatProtocolContent *self)
{
  g_return_val_if_fail (CONCORDAT_IS_PROTOCOL_CONTENT (self), NULL);

  return G_LIST_MODEL (self->outline);
}

/**
 * concordat_protocol_content_find_paragraph:
 * @citation: as the document cites it: "8.3", "Media Relations 6"
 *
 * Returns: (transfer none) (nullable): the paragraph
 */
ConcordatProtocolItem *
concordat_protocol_content_find_paragraph (ConcordatProtocolContent *self,
                                           const char               *citation)
{
  g_return_val_if_fail (CONCORDAT_IS_PROTOCOL_CONTENT (self), NULL);
  g_return_val_if_fail (citation != NULL, NULL);

  return g_hash_table_lookup (self->paragraphs, citation);
}

/**
 * concordat_protocol_content_find_section:
 * @citation: a section's number, such as "8"
 *
 * Returns: (transfer none) (nullable): the first section with that number
 */
ConcordatProtocolItem *
concordat_protocol_content_find_section (ConcordatProtocolContent *self,
                                         const char               *citation)
{
  guint n;

  g_return_val_if_fail (CONCORDAT_IS_PROTOCOL_CONTENT (self), NULL);
  g_return_val_if_fail (citation != NULL, NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ConcordatProtocolItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (concordat_protocol_item_get_kind (item) == CONCORDAT_PROTOCOL_ITEM_HEADING &&
          *citation != '\0' &&
          g_strcmp0 (concordat_protocol_item_get_citation (item), citation) == 0)
        return item;
    }

  return NULL;
}

/**
 * concordat_protocol_content_get_section:
 * @section_id: a section's id, as the library's outline gives it
 *
 * Returns: (transfer none) (nullable): the section's heading
 */
ConcordatProtocolItem *
concordat_protocol_content_get_section (ConcordatProtocolContent *self,
                                        gint64                    section_id)
{
  g_return_val_if_fail (CONCORDAT_IS_PROTOCOL_CONTENT (self), NULL);

  return g_hash_table_lookup (self->sections, &section_id);
}

/**
 * concordat_protocol_content_set_bookmarks:
 * @bookmarks: (element-type ConcordatBookmark): this document's bookmarks
 *
 * Marks the paragraphs that have a bookmark, and only those.
 */
void
concordat_protocol_content_set_bookmarks (ConcordatProtocolContent *self,
                                          GPtrArray                *bookmarks)
{
  GHashTableIter iter;
  gpointer item;

  g_return_if_fail (CONCORDAT_IS_PROTOCOL_CONTENT (self));
  g_return_if_fail (bookmarks != NULL);

  g_hash_table_iter_init (&iter, self->paragraphs);
  while (g_hash_table_iter_next (&iter, NULL, &item))
    {
      gboolean found = FALSE;

      for (guint i = 0; i < bookmarks->len && !found; i++)
        {
          ConcordatBookmark *bookmark = g_ptr_array_index (bookmarks, i);

          found = g_strcmp0 (bookmark->citation, concordat_protocol_item_get_citation (item)) == 0;
        }

      concordat_protocol_item_set_bookmarked (item, found);
    }
}
