/* concordat-record-model.c: the record's actions as a list model that
 * reads them from the store a page at a time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "concordat-record-model.h"

struct _ConcordatRecordModel
{
  GObject         parent_instance;

  ConcordatStore *store;
};

G_DEFINE_FINAL_TYPE (ConcordatRecordModel, concordat_record_model, G_TYPE_OBJECT)

static void
concordat_record_model_finalize (GObject *object)
{
  ConcordatRecordModel *self = (ConcordatRecordModel *)object;

  g_clear_object (&self->store);
  G_OBJECT_CLASS (concordat_record_model_parent_class)->finalize (object);
}

static void
concordat_record_model_class_init (ConcordatRecordModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = concordat_record_model_finalize;
}

static void
concordat_record_model_init (ConcordatRecordModel *self)
{
}

ConcordatRecordModel *
concordat_record_model_new (ConcordatStore *store)
{
  ConcordatRecordModel *self = g_object_new (CONCORDAT_TYPE_RECORD_MODEL, NULL);

  self->store = g_object_ref (store);
  return self;
}
