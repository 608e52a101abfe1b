/* concordat-outline-row.h: a section in the sidebar's outline.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CONCORDAT_TYPE_OUTLINE_ROW (concordat_outline_row_get_type ())
G_DECLARE_FINAL_TYPE (ConcordatOutlineRow, concordat_outline_row, CONCORDAT, OUTLINE_ROW, GtkWidget)

ConcordatOutlineRow *concordat_outline_row_new          (void);

void                 concordat_outline_row_set_list_row (ConcordatOutlineRow *self,
                                                         GtkTreeListRow      *list_row);

G_END_DECLS
