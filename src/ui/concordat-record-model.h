/* concordat-record-model.h: the record's actions as a list model that
 * reads them from the store a page at a time, and the item it lists.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "concordat-record.h"

G_BEGIN_DECLS

/* How many actions are read from the store at once. */
#define CONCORDAT_RECORD_MODEL_PAGE_SIZE 100

#define CONCORDAT_TYPE_ACTION_ITEM (concordat_action_item_get_type ())
G_DECLARE_FINAL_TYPE (ConcordatActionItem, concordat_action_item, CONCORDAT, ACTION_ITEM, GObject)

gint64      concordat_action_item_get_id           (ConcordatActionItem *self);
const char *concordat_action_item_get_date         (ConcordatActionItem *self);
const char *concordat_action_item_get_wizard       (ConcordatActionItem *self);
const char *concordat_action_item_get_wizard_title (ConcordatActionItem *self);
const char *concordat_action_item_get_summary      (ConcordatActionItem *self);

#define CONCORDAT_TYPE_RECORD_MODEL (concordat_record_model_get_type ())
G_DECLARE_FINAL_TYPE (ConcordatRecordModel, concordat_record_model, CONCORDAT, RECORD_MODEL, GObject)

ConcordatRecordModel *concordat_record_model_new              (ConcordatStore              *store);
void                  concordat_record_model_set_filter       (ConcordatRecordModel        *self,
                                                               const ConcordatActionFilter *filter);
void                  concordat_record_model_reload           (ConcordatRecordModel        *self);
guint                 concordat_record_model_get_n_recorded   (ConcordatRecordModel        *self);
GPtrArray            *concordat_record_model_get_wizards      (ConcordatRecordModel        *self);
ConcordatWizard      *concordat_record_model_find_wizard      (ConcordatRecordModel        *self,
                                                               const char                  *id);
const char           *concordat_record_model_get_wizard_title (ConcordatRecordModel        *self,
                                                               const char                  *id);
guint64               concordat_record_model_get_rows_read    (ConcordatRecordModel        *self);

char                 *concordat_format_date                   (const GDate                 *date,
                                                               const char                  *format);
char                 *concordat_record_format_day             (const char                  *day,
                                                               const char                  *format);

G_END_DECLS
