/* concordat-reading.h: what a reader keeps of a protocol: bookmarks,
 * sections read, and the acknowledgement that it has been read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "concordat-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  id;
  gint64  paragraph_id;
  char   *doc;         /* the document's slug */
  char   *citation;
  char   *name;
  char   *created_at;  /* ISO 8601 */
} ConcordatBookmark;

void concordat_bookmark_free (ConcordatBookmark *bookmark);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ConcordatBookmark, concordat_bookmark_free)

ConcordatBookmark *concordat_reading_add_bookmark    (ConcordatStore  *store,
                                                      const char      *slug,
                                                      const char      *citation,
                                                      const char      *name,
                                                      GError         **error);
gboolean           concordat_reading_remove_bookmark (ConcordatStore  *store,
                                                      gint64           id,
                                                      GError         **error);
GPtrArray         *concordat_reading_list_bookmarks  (ConcordatStore  *store,
                                                      const char      *slug,
                                                      GError         **error);

gboolean           concordat_reading_mark_section    (ConcordatStore  *store,
                                                      gint64           section_id,
                                                      gboolean         read,
                                                      GError         **error);
GArray            *concordat_reading_sections_read   (ConcordatStore  *store,
                                                      const char      *slug,
                                                      GError         **error);
gboolean           concordat_reading_progress        (ConcordatStore  *store,
                                                      const char      *slug,
                                                      guint           *read,
                                                      guint           *total,
                                                      GError         **error);

gboolean           concordat_reading_acknowledge     (ConcordatStore  *store,
                                                      const char      *slug,
                                                      GError         **error);
char              *concordat_reading_acknowledged_at (ConcordatStore  *store,
                                                      const char      *slug,
                                                      GError         **error);

G_END_DECLS
