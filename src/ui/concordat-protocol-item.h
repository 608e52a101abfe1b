/* concordat-protocol-item.h: one line of the reader: a section heading or a
 * cited paragraph, as the Protocol view's lists show it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  CONCORDAT_PROTOCOL_ITEM_HEADING,
  CONCORDAT_PROTOCOL_ITEM_PARAGRAPH,
} ConcordatProtocolItemKind;

#define CONCORDAT_TYPE_PROTOCOL_ITEM (concordat_protocol_item_get_type ())
G_DECLARE_FINAL_TYPE (ConcordatProtocolItem, concordat_protocol_item, CONCORDAT, PROTOCOL_ITEM, GObject)

ConcordatProtocolItem     *concordat_protocol_item_new_heading   (gint64                 section_id,
                                                                  const char            *citation,
                                                                  const char            *heading,
                                                                  int                    level);
ConcordatProtocolItem     *concordat_protocol_item_new_paragraph (ConcordatProtocolItem *section,
                                                                  const char            *citation,
                                                                  const char            *text,
                                                                  GStrv                  topics);

ConcordatProtocolItemKind  concordat_protocol_item_get_kind        (ConcordatProtocolItem *self);
const char                *concordat_protocol_item_get_citation    (ConcordatProtocolItem *self);
const char                *concordat_protocol_item_get_heading     (ConcordatProtocolItem *self);
const char                *concordat_protocol_item_get_text        (ConcordatProtocolItem *self);
const char * const        *concordat_protocol_item_get_topics      (ConcordatProtocolItem *self);
int                        concordat_protocol_item_get_level       (ConcordatProtocolItem *self);
gint64                     concordat_protocol_item_get_section_id  (ConcordatProtocolItem *self);
ConcordatProtocolItem     *concordat_protocol_item_get_section     (ConcordatProtocolItem *self);

guint                      concordat_protocol_item_get_position    (ConcordatProtocolItem *self);
void                       concordat_protocol_item_set_position    (ConcordatProtocolItem *self,
                                                                    guint                  position);

ConcordatProtocolItem     *concordat_protocol_item_get_completes   (ConcordatProtocolItem *self);
void                       concordat_protocol_item_set_completes   (ConcordatProtocolItem *self,
                                                                    ConcordatProtocolItem *section);

GListModel                *concordat_protocol_item_get_children    (ConcordatProtocolItem *self);
void                       concordat_protocol_item_add_child       (ConcordatProtocolItem *self,
                                                                    ConcordatProtocolItem *child);

gboolean                   concordat_protocol_item_get_read        (ConcordatProtocolItem *self);
void                       concordat_protocol_item_set_read        (ConcordatProtocolItem *self,
                                                                    gboolean               read);
gboolean                   concordat_protocol_item_get_bookmarked  (ConcordatProtocolItem *self);
void                       concordat_protocol_item_set_bookmarked  (ConcordatProtocolItem *self,
                                                                    gboolean               bookmarked);
gboolean                   concordat_protocol_item_get_highlighted (ConcordatProtocolItem *self);
void                       concordat_protocol_item_set_highlighted (ConcordatProtocolItem *self,
                                                                    gboolean               highlighted);

G_END_DECLS
