/* concordat-paragraph-row.h: one line of the reader, as the content list
 * shows it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "concordat-protocol-item.h"

G_BEGIN_DECLS

/* The longest line of protocol text, in characters: a comfortable measure
 * to read at. */
#define CONCORDAT_PARAGRAPH_ROW_MEASURE 75

#define CONCORDAT_TYPE_PARAGRAPH_ROW (concordat_paragraph_row_get_type ())
G_DECLARE_FINAL_TYPE (ConcordatParagraphRow, concordat_paragraph_row, CONCORDAT, PARAGRAPH_ROW, GtkWidget)

ConcordatParagraphRow *concordat_paragraph_row_new      (void);

ConcordatProtocolItem *concordat_paragraph_row_get_item (ConcordatParagraphRow *self);
void                   concordat_paragraph_row_set_item (ConcordatParagraphRow *self,
                                                         ConcordatProtocolItem *item);

G_END_DECLS
