/* concordat-search-row.h: one search result in the Protocol view.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "concordat-search.h"

G_BEGIN_DECLS

#define CONCORDAT_TYPE_SEARCH_ROW (concordat_search_row_get_type ())
G_DECLARE_FINAL_TYPE (ConcordatSearchRow, concordat_search_row, CONCORDAT, SEARCH_ROW, GtkListBoxRow)

ConcordatSearchRow          *concordat_search_row_new        (const ConcordatSearchResult *result,
                                                              gboolean                     show_document);

const ConcordatSearchResult *concordat_search_row_get_result (ConcordatSearchRow          *self);

G_END_DECLS
