/* concordat-protocol-item.c: one line of the reader: a section heading or a
 * cited paragraph, as the Protocol view's lists show it.
 *
 * A heading is also the section's node in the outline, with its
 * subsections as children, and carries whether the section has been read,
 * so the outline and the content show the same state.  Each item knows its
 * place in the content list, so either list can scroll the content to it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "concordat-protocol-item.h"

struct _ConcordatProtocolItem
{
  GObject                    parent_instance;

  ConcordatProtocolItemKind  kind;
  char                      *citation;
  char                      *heading;
  char                      *text;
  GStrv                      topics;
  int                        level;
  gint64                     section_id;
  ConcordatProtocolItem     *section;     /* unowned: the heading it sits under */
  ConcordatProtocolItem     *completes;   /* unowned: the section it is the end of */
  GListStore                *children;    /* headings of subsections, or NULL */
  guint                      position;

  guint                      read : 1;
  guint                      bookmarked : 1;
  guint                      highlighted : 1;
};

G_DEFINE_FINAL_TYPE (ConcordatProtocolItem, concordat_protocol_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CITATION,
  PROP_HEADING,
  PROP_TEXT,
  PROP_READ,
  PROP_BOOKMARKED,
  PROP_HIGHLIGHTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
concordat_protocol_item_finalize (GObject *object)
{
  ConcordatProtocolItem *self = CONCORDAT_PROTOCOL_ITEM (object);

  g_clear_pointer (&self->citation, g_free);
  g_clear_pointer (&self->heading, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->topics, g_strfreev);
  g_clear_object (&self->children);

  G_OBJECT_CLASS (concordat_protocol_item_parent_class)->finalize (object);
}

static void
concordat_protocol_item_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  ConcordatProtocolItem *self = CONCORDAT_PROTOCOL_ITEM (object);

  switch (prop_id)
    {
    case PROP_CITATION:
      g_value_set_string (value, self->citation);
      break;

    case PROP_HEADING:
      g_value_set_string (value, self->heading);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_READ:
      g_value_set_boolean (value, self->read);
      break;

    case PROP_BOOKMARKED:
      g_value_set_boolean (value, self->bookmarked);
      break;

    case PROP_HIGHLIGHTED:
      g_value_set_boolean (value, self->highlighted);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
concordat_protocol_item_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  ConcordatProtocolItem *self = CONCORDAT_PROTOCOL_ITEM (object);

  switch (prop_id)
    {
    case PROP_READ:
      concordat_protocol_item_set_read (self, g_value_get_boolean (value));
      break;

    case PROP_BOOKMARKED:
      concordat_protocol_item_set_bookmarked (self, g_value_get_boolean (value));
      break;

    case PROP_HIGHLIGHTED:
      concordat_protocol_item_set_highlighted (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
concordat_protocol_item_class_init (ConcordatProtocolItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = concordat_protocol_item_finalize;
  object_class->get_property = concordat_protocol_item_get_property;
  object_class->set_property = concordat_protocol_item_set_property;

  properties[PROP_CITATION] =
    g_param_spec_string ("citation", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HEADING] =
    g_param_spec_string ("heading", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ] =
    g_param_spec_boolean ("read", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BOOKMARKED] =
    g_param_spec_boolean ("bookmarked", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HIGHLIGHTED] =
    g_param_spec_boolean ("highlighted", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
concordat_protocol_item_init (ConcordatProtocolItem *self)
{
}

/**
 * concordat_protocol_item_new_heading:
 * @citation: the section's number, or "" for an unnumbered heading
 * @level: 1 for the outermost sections
 */
ConcordatProtocolItem *
concordat_protocol_item_new_heading (gint64      section_id,
                                     const char *citation,
                                     const char *heading,
                                     int         level)
{
  ConcordatProtocolItem *self = g_object_new (CONCORDAT_TYPE_PROTOCOL_ITEM, NULL);

  self->kind = CONCORDAT_PROTOCOL_ITEM_HEADING;
  self->section_id = section_id;
  self->section = self;
  self->citation = g_strdup (citation);
  self->heading = g_strdup (heading);
  self->level = level;

  return self;
}

/**
 * concordat_protocol_item_new_paragraph:
 * @section: (nullable): the heading of the paragraph's section, which must
 *   outlive the paragraph
 * @topics: (nullable): the labels of the paragraph's topics, strongest first
 */
ConcordatProtocolItem *
concordat_protocol_item_new_paragraph (ConcordatProtocolItem *section,
                                       const char            *citation,
                                       const char            *text,
                                       GStrv                  topics)
{
  ConcordatProtocolItem *self = g_object_new (CONCORDAT_TYPE_PROTOCOL_ITEM, NULL);

  g_return_val_if_fail (section == NULL || CONCORDAT_IS_PROTOCOL_ITEM (section), NULL);

  self->kind = CONCORDAT_PROTOCOL_ITEM_PARAGRAPH;
  self->section = section;
  self->section_id = section != NULL ? section->section_id : 0;
  self->citation = g_strdup (citation);
  self->heading = g_strdup (section != NULL ? section->heading : "");
  self->text = g_strdup (text);
  self->topics = g_strdupv (topics);

  return self;
}

ConcordatProtocolItemKind
concordat_protocol_item_get_kind (ConcordatProtocolItem *self)
{
  g_return_val_if_fail (CONCORDAT_IS_PROTOCOL_ITEM (self), CONCORDAT_PROTOCOL_ITEM_PARAGRAPH);

  return self->kind;
}

const char *
concordat_protocol_item_get_citation (ConcordatProtocolItem *self)
{
  g_return_val_if_fail (CONCORDAT_IS_PROTOCOL_ITEM (self), NULL);

  return self->citation;
}

/* A paragraph's is its section's heading, or "". */
const char *
concordat_protocol_item_get_heading (ConcordatProtocolItem *self)
{
  g_return_val_if_fail (CONCORDAT_IS_PROTOCOL_ITEM (self), NULL);

  return self->heading;
}

/* A heading's is NULL. */
const char *
concordat_protocol_item_get_text (ConcordatProtocolItem *self)
{
  g_return_val_if_fail (CONCORDAT_IS_PROTOCOL_ITEM (self), NULL);

  return self->text;
}

/**
 * concordat_protocol_item_get_topics:
 *
 * Returns: (nullable) (transfer none): the topic labels, strongest first
 */
const char * const *
concordat_protocol_item_get_topics (ConcordatProtocolItem *self)
{
  g_return_val_if_fail (CONCORDAT_IS_PROTOCOL_ITEM (self), NULL);

  return (const char * const *)self->topics;
}

int
concordat_protocol_item_get_level (ConcordatProtocolItem *self)
{
  g_return_val_if_fail (CONCORDAT_IS_PROTOCOL_ITEM (self), 0);

  return self->level;
}

/* 0 for a paragraph before the first heading. */
gint64
concordat_protocol_item_get_section_id (ConcordatProtocolItem *self)
{
  g_return_val_if_fail (CONCORDAT_IS_PROTOCOL_ITEM (self), 0);

  return self->section_id;
}

/**
 * concordat_protocol_item_get_section:
 *
 * Returns: (transfer none) (nullable): a heading's self; a paragraph's
 *   section heading
 */
ConcordatProtocolItem *
concordat_protocol_item_get_section (ConcordatProtocolItem *self)
{
  g_return_val_if_fail (CONCORDAT_IS_PROTOCOL_ITEM (self), NULL);

  return self->section;
}

/* Where the item is in the content list. */
guint
concordat_protocol_item_get_position (ConcordatProtocolItem *self)
{
  g_return_val_if_fail (CONCORDAT_IS_PROTOCOL_ITEM (self), 0);

  return self->position;
}

void
concordat_protocol_item_set_position (ConcordatProtocolItem *self,
                                      guint                  position)
{
  g_return_if_fail (CONCORDAT_IS_PROTOCOL_ITEM (self));

  self->position = position;
}

/**
 * concordat_protocol_item_get_completes:
 *
 * Returns: (transfer none) (nullable): the section whose end this item is:
 *   once it has been seen, so has the whole section
 */
ConcordatProtocolItem *
concordat_protocol_item_get_completes (ConcordatProtocolItem *self)
{
  g_return_val_if_fail (CONCORDAT_IS_PROTOCOL_ITEM (self), NULL);

  return self->completes;
}

/* @section must outlive @self. */
void
concordat_protocol_item_set_completes (ConcordatProtocolItem *self,
                                       ConcordatProtocolItem *section)
{
  g_return_if_fail (CONCORDAT_IS_PROTOCOL_ITEM (self));
  g_return_if_fail (section == NULL || CONCORDAT_IS_PROTOCOL_ITEM (section));

  self->completes = section;
}

/**
 * concordat_protocol_item_get_children:
 *
 * Returns: (transfer none) (nullable): the headings of a section's
 *   subsections, or %NULL when it has none, as #GtkTreeListModel wants
 */
GListModel *
concordat_protocol_item_get_children (ConcordatProtocolItem *self)
{
  g_return_val_if_fail (CONCORDAT_IS_PROTOCOL_ITEM (self), NULL);

  return self->children != NULL ? G_LIST_MODEL (self->children) : NULL;
}

void
concordat_protocol_item_add_child (ConcordatProtocolItem *self,
                                   ConcordatProtocolItem *child)
{
  g_return_if_fail (CONCORDAT_IS_PROTOCOL_ITEM (self));
  g_return_if_fail (CONCORDAT_IS_PROTOCOL_ITEM (child));

  if (self->children == NULL)
    self->children = g_list_store_new (CONCORDAT_TYPE_PROTOCOL_ITEM);

  g_list_store_append (self->children, child);
}

gboolean
concordat_protocol_item_get_read (ConcordatProtocolItem *self)
{
  g_return_val_if_fail (CONCORDAT_IS_PROTOCOL_ITEM (self), FALSE);

  return self->read;
}

void
concordat_protocol_item_set_read (ConcordatProtocolItem *self,
                                  gboolean               read)
{
  g_return_if_fail (CONCORDAT_IS_PROTOCOL_ITEM (self));

  read = !!read;
  if (self->read == read)
    return;

  self->read = read;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ]);
}

gboolean
concordat_protocol_item_get_bookmarked (ConcordatProtocolItem *self)
{
  g_return_val_if_fail (CONCORDAT_IS_PROTOCOL_ITEM (self), FALSE);

  return self->bookmarked;
}

void
concordat_protocol_item_set_bookmarked (ConcordatProtocolItem *self,
                                        gboolean               bookmarked)
{
  g_return_if_fail (CONCORDAT_IS_PROTOCOL_ITEM (self));

  bookmarked = !!bookmarked;
  if (self->bookmarked == bookmarked)
    return;

  self->bookmarked = bookmarked;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BOOKMARKED]);
}

gboolean
concordat_protocol_item_get_highlighted (ConcordatProtocolItem *self)
{
  g_return_val_if_fail (CONCORDAT_IS_PROTOCOL_ITEM (self), FALSE);

  return self->highlighted;
}

void
concordat_protocol_item_set_highlighted (ConcordatProtocolItem *self,
                                         gboolean               highlighted)
{
  g_return_if_fail (CONCORDAT_IS_PROTOCOL_ITEM (self));

  highlighted = !!highlighted;
  if (self->highlighted == highlighted)
    return;

  self->highlighted = highlighted;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGHLIGHTED]);
}
