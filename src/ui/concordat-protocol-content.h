/* concordat-protocol-content.h: one protocol from the library, laid out for
 * the reader: headings and paragraphs in reading order, and the outline.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "concordat-protocol-item.h"
#include "concordat-store.h"
#include "concordat-topics.h"

G_BEGIN_DECLS

#define CONCORDAT_TYPE_PROTOCOL_CONTENT (concordat_protocol_content_get_type ())
G_DECLARE_FINAL_TYPE (ConcordatProtocolContent, concordat_protocol_content, CONCORDAT, PROTOCOL_CONTENT, GObject)

ConcordatProtocolContent *concordat_protocol_content_load           (ConcordatStore           *store,
                                                                     ConcordatTopics          *topics,
                                                                     const char               *slug,
                                                                     GError                  **error);

const char               *concordat_protocol_content_get_slug       (ConcordatProtocolContent *self);
const char               *concordat_protocol_content_get_title      (ConcordatProtocolContent *self);
GListModel               *concordat_protocol_content_get_items      (ConcordatProtocolContent *self);
GListModel               *concordat_protocol_content_get_outline    (ConcordatProtocolContent *self);

ConcordatProtocolItem    *concordat_protocol_content_find_paragraph (ConcordatProtocolContent *self,
                                                                     const char               *citation);
ConcordatProtocolItem    *concordat_protocol_content_find_section   (ConcordatProtocolContent *self,
                                                                     const char               *citation);
ConcordatProtocolItem    *concordat_protocol_content_get_section    (ConcordatProtocolContent *self,
                                                                     gint64                    section_id);
void                      concordat_protocol_content_set_bookmarks  (ConcordatProtocolContent *self,
                                                                     GPtrArray                *bookmarks);

G_END_DECLS
