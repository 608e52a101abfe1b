/* concordat-record-view.h: the Record view: every completed action, and
 * the briefing ledger.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "concordat-record-model.h"
#include "concordat-store.h"

G_BEGIN_DECLS

#define CONCORDAT_TYPE_RECORD_VIEW (concordat_record_view_get_type ())
G_DECLARE_FINAL_TYPE (ConcordatRecordView, concordat_record_view, CONCORDAT, RECORD_VIEW, AdwBin)

void                  concordat_record_view_set_store   (ConcordatRecordView *self,
                                                         ConcordatStore      *store);
ConcordatRecordModel *concordat_record_view_get_model   (ConcordatRecordView *self);
void                  concordat_record_view_show_action (ConcordatRecordView *self,
                                                         gint64               id);

G_END_DECLS
