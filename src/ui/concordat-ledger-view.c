/* concordat-ledger-view.c: the briefing ledger: topics by party groups.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "concordat-ledger-view.h"

struct _ConcordatLedgerView
{
  AdwBin          parent_instance;

  ConcordatStore *store;
};

G_DEFINE_FINAL_TYPE (ConcordatLedgerView, concordat_ledger_view, ADW_TYPE_BIN)

static void
concordat_ledger_view_dispose (GObject *object)
{
  ConcordatLedgerView *self = (ConcordatLedgerView *)object;

  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), CONCORDAT_TYPE_LEDGER_VIEW);

  G_OBJECT_CLASS (concordat_ledger_view_parent_class)->dispose (object);
}

static void
concordat_ledger_view_class_init (ConcordatLedgerViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = concordat_ledger_view_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/concordat-ledger-view.ui");
}

static void
concordat_ledger_view_init (ConcordatLedgerView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
concordat_ledger_view_set_store (ConcordatLedgerView *self,
                                     ConcordatStore *store)
{
  g_return_if_fail (CONCORDAT_IS_LEDGER_VIEW (self));

  g_set_object (&self->store, store);
}
