/* concordat-record-view.c: the Record view: every completed action, and the briefing ledger.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "concordat-record-view.h"

struct _ConcordatRecordView
{
  AdwBin          parent_instance;

  ConcordatStore *store;
};

G_DEFINE_FINAL_TYPE (ConcordatRecordView, concordat_record_view, ADW_TYPE_BIN)

static void
concordat_record_view_dispose (GObject *object)
{
  ConcordatRecordView *self = (ConcordatRecordView *)object;

  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), CONCORDAT_TYPE_RECORD_VIEW);

  G_OBJECT_CLASS (concordat_record_view_parent_class)->dispose (object);
}

static void
concordat_record_view_class_init (ConcordatRecordViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = concordat_record_view_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/concordat-record-view.ui");
}

static void
concordat_record_view_init (ConcordatRecordView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
concordat_record_view_set_store (ConcordatRecordView *self,
                                     ConcordatStore *store)
{
  g_return_if_fail (CONCORDAT_IS_RECORD_VIEW (self));

  g_set_object (&self->store, store);
}

void
concordat_record_view_show_action (ConcordatRecordView *self,
                                   gint64               id)
{
  g_return_if_fail (CONCORDAT_IS_RECORD_VIEW (self));
}
