/* concordat-record-model.h: the record's actions as a list model that
 * reads them from the store a page at a time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "concordat-record.h"

G_BEGIN_DECLS

#define CONCORDAT_TYPE_RECORD_MODEL (concordat_record_model_get_type ())
G_DECLARE_FINAL_TYPE (ConcordatRecordModel, concordat_record_model, CONCORDAT, RECORD_MODEL, GObject)

ConcordatRecordModel *concordat_record_model_new (ConcordatStore *store);

G_END_DECLS
