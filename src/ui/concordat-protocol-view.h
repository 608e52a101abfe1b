/* concordat-protocol-view.h: the reader: the library's protocols, one open
 * at a time, with its outline, search, bookmarks and induction progress.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "concordat-store.h"

G_BEGIN_DECLS

#define CONCORDAT_TYPE_PROTOCOL_VIEW (concordat_protocol_view_get_type ())
G_DECLARE_FINAL_TYPE (ConcordatProtocolView, concordat_protocol_view, CONCORDAT, PROTOCOL_VIEW, GtkWidget)

void        concordat_protocol_view_set_store      (ConcordatProtocolView  *self,
                                                    ConcordatStore         *store);
const char *concordat_protocol_view_get_document   (ConcordatProtocolView  *self);
gboolean    concordat_protocol_view_open_document  (ConcordatProtocolView  *self,
                                                    const char             *slug,
                                                    GError                **error);
gboolean    concordat_protocol_view_open_paragraph (ConcordatProtocolView  *self,
                                                    const char             *slug,
                                                    const char             *citation,
                                                    GError                **error);
void        concordat_protocol_view_import_file    (ConcordatProtocolView  *self,
                                                    GFile                  *file);

G_END_DECLS
